// Loopback mock of the Stream Chat and Sendbird Chat servers (HTTP and WebSocket on one port).
// The scenario is part of the URL the SDK is pointed at:
//   Stream   baseURL             http://127.0.0.1:PORT/stream/<scenario>   (WS: ws://.../stream/<scenario>/connect)
//   Sendbird customApiHost       http://127.0.0.1:PORT/sb/<scenario>
//            customWebSocketHost ws://127.0.0.1:PORT/sbws/<scenario>
// Every response the mock sends is reported (raw text: status line, headers, blank line, body,
// CRLF) through onResponse(raw, {vendor, scenario, request, status}).
// Nothing changes from run to run: the Date header is fixed, rate-limit resets are fixed.
import http from 'node:http';
import { WebSocketServer } from 'ws';

const HOST = '127.0.0.1';
export const FIXED_DATE = 'Wed, 02 Dec 2026 14:40:19 GMT';
export const FIXED_EPOCH = Date.parse(FIXED_DATE) / 1000; // 1796222419
const CRLF = '\r\n';

// ---------------------------------------------------------------- vendor catalogs (codes to send)
// Stream: code -> [status, message]. Statuses are the documented ones (data/stream_chat.toml);
// codes without a documented status (3, 46, 69, 71) get the status Stream's API answers with.
export const STREAM_CODES = [
  [-1, 500, 'internal system error'], [2, 401, 'api_key not valid'], [3, 401, 'authentication failed'],
  [4, 400, 'invalid request'], [5, 401, 'authentication error'], [6, 400, 'username is already taken'],
  [9, 429, 'Too many requests, check response headers for more information.'],
  [16, 404, "Can't find channel with id messaging:c1"], [17, 403, 'user does not have permission for this action'],
  [18, 400, 'event type not supported'], [19, 400, 'reactions are disabled for this channel type'],
  [20, 400, 'message is too long'], [21, 400, 'reply to a reply is not allowed'], [22, 413, 'payload too big'],
  [23, 408, 'request timed out'], [24, 431, 'request header fields too large'], [40, 401, 'JWTAuth error: token has expired'],
  [41, 401, 'JWTAuth error: token is not valid yet'], [42, 401, 'JWTAuth error: token used before issued at (iat)'],
  [43, 401, 'JWTAuth error: signature is not valid. Make sure the token is created using the secret key from the dashboard'],
  [44, 400, 'custom command endpoint is not configured'], [45, 400, 'custom command endpoint call failed'],
  [46, 400, 'connection_id not found'], [60, 403, 'slow mode is enabled, wait before sending a new message'],
  [69, 400, 'wrong region for this app'], [70, 403, 'user does not have access to the requested channels'],
  [71, 429, 'too many connections for this user'], [73, 400, 'message moderation failed'],
  [99, 403, 'app is suspended'],
];
const STREAM_STATUS = new Map(STREAM_CODES.map(([c, s, m]) => [c, [s, m]]));

// Sendbird: code -> status. Platform API errors are mostly sent with HTTP 400; the ones below use
// the status Sendbird's servers send for that condition.
const SB_STATUS_OVERRIDES = {
  400108: 403, 400300: 403, 400301: 404, 400302: 401, 400303: 401, 400304: 404, 400309: 401,
  400310: 401, 400312: 401, 400313: 403, 400401: 401, 400404: 404, 400700: 403, 400702: 403,
  400750: 403, 400751: 403, 400930: 404, 403100: 403, 403200: 403, 500601: 500, 500602: 500,
  500901: 500, 500910: 429, 503: 503,
};
export const sbStatus = (code) => SB_STATUS_OVERRIDES[code] ?? (code >= 500000 ? 500 : code >= 403000 ? 403 : 400);
export const SB_MESSAGES = {
  400100: 'Invalid value: "String value is required.".', 400101: 'Invalid value: "Number value is required.".',
  400102: 'Invalid value: "List value is required.".', 400103: 'Invalid value: "JSON value is required.".',
  400104: 'Invalid value: "Boolean value is required.".', 400105: '"channel_url" must be required.',
  400106: 'Invalid value: "Negative number is not allowed.".', 400107: 'Invalid value: "Positive number is not allowed.".',
  400108: 'Not authorized. "User must be a member.".', 400109: 'The token has expired.',
  400110: 'The length of the parameter value is too long.', 400111: 'Invalid value.',
  400112: 'The two parameters must have different values.', 400113: 'The parameter value is out of range.',
  400114: 'Invalid URL of resource.', 400151: 'Not allowed characters.', 400201: '"Channel" not found.',
  400202: 'The data already exists.', 400203: 'Too many items in the parameter.',
  400300: 'Deactivated user not accessible.', 400301: 'User not found.', 400302: 'Invalid access token or session token.',
  400303: 'Invalid session key.', 400304: 'Application not found.', 400305: 'User id is too long.',
  400306: 'Paid quota exceeded.', 400307: 'Domain not allowed.', 400309: 'Session key expired.',
  400310: 'Session token revoked.', 400312: 'Invalid session type.', 400313: 'Invalid auth for service.',
  400401: 'Invalid API Token.', 400402: 'Missing some parameters.', 400403: 'Invalid JSON request body.',
  400404: 'Invalid request URL.', 400500: 'Too many user websocket connections.',
  400501: 'Too many application websocket connections.', 400700: 'Blocked user send not allowed.',
  400701: 'Blocked user invited not allowed.', 400702: 'Blocked user invite not allowed.',
  400750: 'Banned user enter channel not allowed.', 400751: 'Banned user enter custom channel not allowed.',
  400920: 'Not acceptable.', 400930: 'Invalid endpoint.', 400940: 'Pinning a message in review is not supported.',
  403100: 'Application not available.', 403200: 'Statistics upload not allowed.',
  500601: 'Push token not registered.', 500602: 'Push token not unregistered.', 500901: 'Internal server error.',
  500910: 'Rate limit exceeded.', 503: 'Service unavailable.',
  900010: 'User must be logged in.', 900020: 'User must be a member.', 900021: 'User is deactivated.',
  900022: 'User is not the owner of the message.', 900023: 'Pending user cannot send a message.',
  900025: 'Invalid mention type.', 900026: 'Invalid push option.', 900027: 'Too many meta keys.',
  900028: 'Too many meta values.', 900029: 'Invalid meta array.', 900030: 'Guest not allowed.',
  900040: 'Muted user in application cannot send a message.', 900041: 'Muted user in channel cannot send a message.',
  900050: 'Channel is frozen.', 900060: 'Message was blocked by the profanity filter.', 900061: 'URL is not allowed.',
  900065: 'Restricted domain.', 900066: 'File was blocked by moderation.', 900070: 'Cannot enter a deleted channel.',
  900080: 'Blocked user cannot receive a message.', 900081: 'Receiver is deactivated.', 900090: 'Wrong channel type.',
  900100: 'Banned user cannot send a message.', 900200: 'Unknown server error.', 900300: 'Message not found.',
  900400: 'Too many participants.', 900500: 'Channel not found.', 901500: 'Not supported for a message in review.',
};
export const sbMessage = (code) => SB_MESSAGES[code] ?? `Error ${code}.`;

// ---------------------------------------------------------------- raw HTTP responses
const reason = (s) => http.STATUS_CODES[s] || 'Unknown';
// headers: [[name, value]...]; Content-Length, Date, Connection are added unless given.
function rawResponse(status, headers, body, { close = false, contentLength } = {}) {
  const h = [...headers];
  const has = (n) => h.some(([k]) => k.toLowerCase() === n);
  if (!has('content-length') && contentLength !== null) h.push(['Content-Length', String(contentLength ?? Buffer.byteLength(body))]);
  if (!has('date')) h.push(['Date', FIXED_DATE]);
  if (close) h.push(['Connection', 'close']);
  else h.push(['Connection', 'keep-alive'], ['Keep-Alive', 'timeout=2']);
  return `HTTP/1.1 ${status} ${reason(status)}${CRLF}${h.map(([k, v]) => `${k}: ${v}${CRLF}`).join('')}${CRLF}${body}`;
}
const JSONCT = ['Content-Type', 'application/json; charset=utf-8'];
const HTMLCT = ['Content-Type', 'text/html'];
const html = (status, title) => `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
const CAPTIVE = '<!DOCTYPE html><html><head><title>Wi-Fi Login</title></head><body><form action="/login" method="post"><h1>Welcome to Guest Wi-Fi</h1><p>Please accept the terms of use to continue.</p><input type="submit" value="Connect"></form></body></html>';

// Stream's endpoint names (the "X failed with error" prefix of its messages), by request.
function streamEndpoint(method, path) {
  const rules = [
    ['GET', /^\/users$/, 'QueryUsers'], ['POST', /^\/users$/, 'UpdateUsers'], ['PATCH', /^\/users$/, 'UpdateUsersPartial'],
    ['POST', /^\/channels$/, 'QueryChannels'], ['POST', /^\/channels\/[^/]+\/[^/]+\/query$/, 'GetOrCreateChannel'],
    ['POST', /^\/channels\/[^/]+\/query$/, 'GetOrCreateChannel'], ['POST', /^\/channels\/[^/]+\/[^/]+\/message$/, 'SendMessage'],
    ['GET', /^\/messages\//, 'GetMessage'], ['DELETE', /^\/messages\//, 'DeleteMessage'],
    ['POST', /^\/messages\/[^/]+\/reaction$/, 'SendReaction'], ['GET', /^\/search$/, 'Search'],
    ['POST', /^\/moderation\/ban$/, 'Ban'], ['POST', /^\/channels\/[^/]+\/[^/]+\/event$/, 'SendEvent'],
    ['POST', /^\/devices$/, 'CreateDevice'], ['GET', /^\/app$/, 'GetApp'], ['PATCH', /^\/app$/, 'UpdateApp'],
    ['GET', /^\/longpoll$/, 'LongPoll'], ['POST', /^\/guest$/, 'CreateGuest'],
  ];
  for (const [m, re, name] of rules) if (m === method && re.test(path)) return name;
  return null;
}
const streamBody = (code, status, message) =>
  JSON.stringify({ code, message, StatusCode: status, duration: '0.01ms', more_info: 'https://getstream.io/chat/docs/api_errors_response', details: [] });
function streamError(code, method, path, extraHeaders = []) {
  const [status, msg] = STREAM_STATUS.get(code);
  const ep = streamEndpoint(method, path);
  // Stream prefixes input/permission errors with the endpoint; auth and rate-limit errors are bare.
  const bare = [2, 3, 5, 9, 40, 41, 42, 43, 71, 99].includes(code);
  const message = bare || !ep ? msg : `${ep} failed with error: "${msg}"`;
  return { status, headers: [JSONCT, ...extraHeaders], body: streamBody(code, status, message) };
}
const sbBody = (code, message) => JSON.stringify({ error: true, code, message });
const sbError = (code, extra = []) => ({ status: sbStatus(code), headers: [JSONCT, ...extra], body: sbBody(code, sbMessage(code)) });
const RL = (limit, resetIn) => [['X-RateLimit-Limit', String(limit)], ['X-RateLimit-Remaining', '0'], ['X-RateLimit-Reset', String(FIXED_EPOCH + resetIn)]];

// ---------------------------------------------------------------- HTTP scenarios
// Each returns {desc, handle(req) -> action}. An action is a response {status, headers, body},
// or {truncate: response, at: n} (headers promise the whole body, the socket is dropped after n
// body bytes), or {drop: true} (socket destroyed without an answer), or {hang: true}.
const transport = (vendor) => ({
  'html502': { desc: '502 HTML (proxy)', handle: () => ({ status: 502, headers: [HTMLCT], body: html(502, 'Bad Gateway') }) },
  'html503': { desc: '503 HTML with Retry-After', handle: () => ({ status: 503, headers: [HTMLCT, ['Retry-After', '120']], body: html(503, 'Service Temporarily Unavailable') }) },
  'html504': { desc: '504 HTML gateway timeout', handle: () => ({ status: 504, headers: [HTMLCT], body: html(504, 'Gateway Time-out') }) },
  'html200': { desc: '200 HTML (captive portal)', handle: () => ({ status: 200, headers: [['Content-Type', 'text/html; charset=utf-8']], body: CAPTIVE }) },
  'html407': { desc: '407 HTML proxy authentication required', handle: () => ({ status: 407, headers: [HTMLCT, ['Proxy-Authenticate', 'Basic realm="proxy"']], body: html(407, 'Proxy Authentication Required') }) },
  'empty500': { desc: '500 empty body', handle: () => ({ status: 500, headers: [], body: '' }) },
  'empty200': { desc: '200 empty body', handle: () => ({ status: 200, headers: [JSONCT], body: '' }) },
  'retryafter429': { desc: '429 empty body with only Retry-After', handle: () => ({ status: 429, headers: [['Retry-After', '7']], body: '' }) },
  'text429': { desc: '429 text body with Retry-After (proxy rate limit)', handle: () => ({ status: 429, headers: [['Content-Type', 'text/plain'], ['Retry-After', '60']], body: 'Too Many Requests' }) },
  'trunc400': { desc: '400 truncated JSON body', handle: () => ({ status: 400, headers: [JSONCT], body: vendor === 'stream' ? '{"code":4,"message":"QueryUsers failed with err' : '{"error":true,"code":400111,"mess' }) },
  'trunc200': { desc: '200 truncated JSON body', handle: () => ({ status: 200, headers: [JSONCT], body: '{"users":[{"id":"u1","na' }) },
  'notjson500': { desc: '500 JSON without code', handle: () => ({ status: 500, headers: [JSONCT], body: vendor === 'stream' ? '{"message":"internal server error"}' : '{"error":true,"message":"Internal server error"}' }) },
  'truncxfer500': {
    desc: '500 JSON, socket dropped mid-body',
    handle: (req) => ({ truncate: vendor === 'stream' ? streamError(-1, req.method, req.path) : sbError(500901), at: 60 }),
  },
  'drop': { desc: 'socket dropped after the request, no answer', handle: () => ({ drop: true }) },
  'reset': { desc: 'connection reset (RST) after the request, no answer', handle: () => ({ reset: true }) },
  'hang': { desc: 'request accepted, never answered', handle: () => ({ hang: true }) },
  'redirect': { desc: '302 redirect to a non-loopback host', handle: () => ({ status: 302, headers: [['Location', 'https://portal.example.net/login']], body: '' }) },
});

function streamHttp(scenario) {
  let m;
  if ((m = /^code(-?\d+)$/.exec(scenario))) {
    const code = Number(m[1]);
    const [status] = STREAM_STATUS.get(code);
    const extra = code === 9 || code === 71 ? RL(60, 17) : [];
    return { desc: code === 4 ? 'generic 400 code 4 for every request' : `http ${status} code ${code}`, handle: (req) => streamError(code, req.method, req.path, extra) };
  }
  const t = {
    'rl-retry': { desc: '429 code 9 with Retry-After and X-RateLimit-*', handle: (req) => streamError(9, req.method, req.path, [['Retry-After', '17'], ...RL(60, 17)]) },
    'rl-window': { desc: '429 code 9, X-RateLimit-Reset 60 s after Date', handle: (req) => streamError(9, req.method, req.path, RL(1000, 60)) },
    'cooldown': { desc: '429 code 60 cooldown with Retry-After', handle: (req) => { const r = streamError(60, req.method, req.path, [['Retry-After', '30']]); return { ...r, status: 429, body: r.body.replace('"StatusCode":403', '"StatusCode":429') }; } },
    'auth5www': { desc: '401 code 5 with WWW-Authenticate', handle: (req) => streamError(5, req.method, req.path, [['WWW-Authenticate', 'Bearer realm="stream"']]) },
    'ok': { desc: 'ws ok, http answers {}', handle: (req) => (req.path === '/longpoll' ? streamError(-1, req.method, req.path) : { status: 201, headers: [JSONCT], body: '{"duration":"0.01ms"}' }) },
    ...transport('stream'),
  }[scenario];
  return t;
}

function sbHttp(scenario) {
  let m;
  if ((m = /^code(\d+)$/.exec(scenario))) {
    const code = Number(m[1]);
    return { desc: `http ${sbStatus(code)} code ${code}`, handle: () => sbError(code) };
  }
  const t = {
    'rl-retry': { desc: '429 code 500910 with Retry-After', handle: () => sbError(500910, [['Retry-After', '30']]) },
    'rl-headers': { desc: '429 code 500910 with X-RateLimit-*', handle: () => sbError(500910, RL(100, 45)) },
    'nocode': { desc: '400 {"error":true} without code', handle: () => ({ status: 400, headers: [JSONCT], body: '{"error":true,"message":"Bad request."}' }) },
    'acks': { desc: 'connected, mock acks commands', handle: (req) => sbOk(req) },
    ...transport('sb'),
  }[scenario];
  return t;
}

// Minimal success answers for Sendbird while "connected" (channels, messages, users).
function sbChannel(url) {
  return {
    channel_url: url, name: url, cover_url: '', data: '', custom_type: '', created_at: 1796222419, member_count: 2,
    joined_member_count: 2, members: [{ user_id: 'u1', nickname: 'u1', profile_url: '', state: 'joined', role: 'operator' }],
    is_distinct: false, is_public: false, is_super: false, is_broadcast: false, is_ephemeral: false, freeze: false,
    unread_message_count: 0, unread_mention_count: 0, my_role: 'operator', member_state: 'joined', is_access_code_required: false,
    operators: [], participant_count: 1, channel_type: 'group', last_message: null, ts: 1796222419000,
  };
}
function sbOk(req) {
  const ok = (obj) => ({ status: 200, headers: [JSONCT], body: JSON.stringify(obj) });
  let m;
  if ((m = /^\/v3\/(group_channels|open_channels)\/([^/]+)$/.exec(req.path)) && req.method === 'GET') {
    const ch = sbChannel(decodeURIComponent(m[2]));
    if (m[1] === 'open_channels') ch.channel_type = 'open';
    return ok(ch);
  }
  if (/^\/v3\/(group_channels|open_channels)$/.test(req.path) && req.method === 'POST') return ok(sbChannel('created_1'));
  if (/\/messages$/.test(req.path) && req.method === 'GET') return ok({ messages: [] });
  // Anything else: the generic "not found" error Sendbird answers for unknown resources.
  return sbError(400201);
}

// ---------------------------------------------------------------- WebSocket scenarios
const streamWsError = (code) => {
  const [status, msg] = STREAM_STATUS.get(code);
  return JSON.stringify({
    error: { code, message: msg, StatusCode: status, duration: '0.01ms', more_info: 'https://getstream.io/chat/docs/api_errors_response', details: [] },
    created_at: '2026-12-02T14:40:19.000000000Z',
  });
};
const streamHealth = () => JSON.stringify({
  type: 'health.check', connection_id: '64a3e0f2-0a01-4f5a-8c55-000000000001', cid: '*',
  me: { id: 'u1', role: 'user', created_at: '2026-12-02T14:40:19Z', updated_at: '2026-12-02T14:40:19Z', banned: false, online: true, devices: [], channel_mutes: [], mutes: [], unread_count: 0, total_unread_count: 0, unread_channels: 0 },
  created_at: '2026-12-02T14:40:19.000000000Z',
});
const sbLogiOk = () => `LOGI${JSON.stringify({
  user_id: 'u1', nickname: 'u1', profile_url: '', metadata: {}, is_online: true, last_seen_at: 0, key: 'mock-session-key',
  ekey: '', login_ts: 1796222419000, ping_interval: 15, pong_timeout: 5, reconnect: { interval: 3, max_interval: 60, retry_cnt: 0, mul: 2 },
  max_unread_cnt_on_super_group: 100, concurrent_call_limit: 5, back_off_delay: 100, services: ['chat'],
  application_attributes: [], premium_feature_list: [], file_upload_size_limit: 25, emoji_hash: '', use_reaction: true,
})}\n`;

// ws scenario -> {desc, status?: refuse upgrade with this response, onConnection(ws, frame)}
function wsScenario(vendor, scenario) {
  let m;
  const refuse = (r) => ({ refuse: r });
  const common = {
    'close1000': { desc: 'ws closed 1000 with reason, no error frame', open: (ws) => ws.close(1000, 'server closed the connection') },
    'close1001': { desc: 'ws closed 1001 going away', open: (ws) => ws.close(1001, 'going away') },
    'close1006': { desc: 'ws dropped without close frame (1006)', open: (ws) => ws.terminate() },
    'close1008': { desc: 'ws closed 1008 policy violation', open: (ws) => ws.close(1008, 'policy violation') },
    'close1011': { desc: 'ws closed 1011 internal error', open: (ws) => ws.close(1011, 'internal error') },
    'close1013': { desc: 'ws closed 1013 try again later', open: (ws) => ws.close(1013, 'try again later') },
    'close4000': { desc: 'ws closed 4000', open: (ws) => ws.close(4000, 'connection closed by the server') },
    'close4001': { desc: 'ws closed 4001', open: (ws) => ws.close(4001, 'unauthorized') },
    'close4008': { desc: 'ws closed 4008', open: (ws) => ws.close(4008, 'too many connections') },
    'silent': { desc: 'ws open, never sends a frame', open: () => {} },
    'garbage': { desc: 'ws sends a non-JSON frame', open: (ws) => ws.send('<html>not json</html>') },
  };
  if (vendor === 'stream') {
    if ((m = /^error(-?\d+)$/.exec(scenario))) {
      const code = Number(m[1]);
      return { desc: `ws error frame code ${code}`, open: (ws) => { ws.send(streamWsError(code)); setTimeout(() => ws.close(1000, ''), 20); } };
    }
    const t = {
      'ok': { desc: 'ws ok', open: (ws) => ws.send(streamHealth()) },
      'ok-then-error': { desc: 'ws ok, then error frame and connection.error event, then close 4000', open: (ws) => {
        ws.send(streamHealth());
        setTimeout(() => ws.send(JSON.stringify({ type: 'connection.error', error: JSON.parse(streamWsError(-1)).error, created_at: '2026-12-02T14:40:19.000000000Z' })), 50);
        setTimeout(() => ws.send(streamWsError(17)), 80);
        setTimeout(() => ws.close(4000, 'server error'), 120);
      } },
      'ok-then-1006': { desc: 'ws ok, then dropped (1006)', open: (ws) => { ws.send(streamHealth()); setTimeout(() => ws.terminate(), 60); } },
      'refuse401': { desc: 'ws upgrade refused 401 code 5', ...refuse(() => ({ status: 401, headers: [JSONCT], body: streamBody(5, 401, 'authentication error') })) },
      'refuse429': { desc: 'ws upgrade refused 429 code 9 with X-RateLimit-*', ...refuse(() => ({ status: 429, headers: [JSONCT, ...RL(60, 17)], body: streamBody(9, 429, 'Too many requests, check response headers for more information.') })) },
      'refuse502': { desc: 'ws upgrade refused 502 HTML', ...refuse(() => ({ status: 502, headers: [HTMLCT], body: html(502, 'Bad Gateway') })) },
      'refuse503': { desc: 'ws upgrade refused 503 HTML with Retry-After', ...refuse(() => ({ status: 503, headers: [HTMLCT, ['Retry-After', '120']], body: html(503, 'Service Temporarily Unavailable') })) },
      ...common,
    }[scenario];
    return t;
  }
  // Sendbird
  if ((m = /^logi(\d+)$/.exec(scenario))) {
    const code = Number(m[1]);
    return { desc: `ws LOGI error ${code}`, open: (ws) => ws.send(`LOGI${JSON.stringify({ error: true, code, message: sbMessage(code) })}\n`) };
  }
  if ((m = /^eror(\d+)$/.exec(scenario))) {
    const code = Number(m[1]);
    return { desc: `ws EROR ${code} for every command`, open: (ws) => ws.send(sbLogiOk()),
      frame: (ws, cmd, payload) => { if (payload.req_id && cmd !== 'PING') ws.send(`EROR${JSON.stringify({ code, message: sbMessage(code), req_id: payload.req_id })}\n`); } };
  }
  if ((m = /^busy(\d+)$/.exec(scenario))) {
    const secs = Number(m[1]);
    return { desc: `ws BUSY retry_after ${secs}`, open: (ws) => { ws.send(`BUSY${JSON.stringify({ retry_after: secs, reason_code: 500910, message: 'Server is busy. Please try again later.' })}\n`); setTimeout(() => ws.close(1000, ''), 20); } };
  }
  const t = {
    'acks': { desc: 'connected, mock acks commands', open: (ws) => ws.send(sbLogiOk()),
      frame: (ws, cmd, payload) => {
        if (cmd === 'PING') ws.send(`PONG${JSON.stringify({ sts: 1796222419000, ts: 1796222419000 })}\n`);
        else if (cmd === 'MESG' || cmd === 'FILE') ws.send(`${cmd}${JSON.stringify({ ...payload, msg_id: 1001, type: cmd, channel_type: 'group', created_at: 1796222419000, updated_at: 0, ts: 1796222419000, user: { user_id: 'u1', guest_id: 'u1', name: 'u1', nickname: 'u1', image: '', profile_url: '' } })}\n`);
        else if (payload.req_id) ws.send(`${cmd}${JSON.stringify({ ...payload, ts: 1796222419000 })}\n`);
      } },
    'logi-nocode': { desc: 'ws LOGI {"error":true} without code', open: (ws) => ws.send('LOGI{"error":true,"message":"Login failed."}\n') },
    'expr': { desc: 'ws LOGI ok, then EXPR session expired', open: (ws) => { ws.send(sbLogiOk()); setTimeout(() => ws.send(`EXPR${JSON.stringify({ expires_in: 0, reason: 400309, message: 'Session key expired.' })}\n`), 50); } },
    'ok-then-1006': { desc: 'ws LOGI ok, then dropped (1006)', open: (ws) => { ws.send(sbLogiOk()); setTimeout(() => ws.terminate(), 60); } },
    'refuse401': { desc: 'ws upgrade refused 401 code 400401', ...refuse(() => ({ status: 401, headers: [JSONCT], body: sbBody(400401, sbMessage(400401)), close: true })) },
    'refuse429': { desc: 'ws upgrade refused 429 code 500910 with Retry-After', ...refuse(() => ({ status: 429, headers: [JSONCT, ['Retry-After', '30']], body: sbBody(500910, sbMessage(500910)), close: true })) },
    'refuse502': { desc: 'ws upgrade refused 502 HTML', ...refuse(() => ({ status: 502, headers: [HTMLCT], body: html(502, 'Bad Gateway'), close: true })) },
    'refuse503': { desc: 'ws upgrade refused 503 HTML with Retry-After', ...refuse(() => ({ status: 503, headers: [HTMLCT, ['Retry-After', '120']], body: html(503, 'Service Temporarily Unavailable'), close: true })) },
    ...common,
  }[scenario];
  return t;
}

// ---------------------------------------------------------------- scenario ids
// An id is "<ws>.<http>" or one name used for both; a name that is not a scenario of one kind
// falls back to the generic one (HTTP: code 4 / code 400201; WS: ok / acks).
const httpOf = (vendor, id) => (vendor === 'stream' ? streamHttp(id) : sbHttp(id));
function httpPart(vendor, id) {
  const h = id.includes('.') ? id.slice(id.indexOf('.') + 1) : id;
  return httpOf(vendor, h) ? h : vendor === 'stream' ? 'code4' : 'code400201';
}
function wsPart(vendor, id) {
  const w = id.includes('.') ? id.slice(0, id.indexOf('.')) : id;
  return wsScenario(vendor, w) ? w : vendor === 'stream' ? 'ok' : 'acks';
}
// The server_scenario text of an id (ids that are not mock scenarios are returned as they are).
export function describeScenario(vendor, id) {
  if (!id) return '';
  if (id.includes('.')) {
    const [w, h] = [id.slice(0, id.indexOf('.')), id.slice(id.indexOf('.') + 1)];
    return `${wsScenario(vendor, w)?.desc ?? w}; ${httpOf(vendor, h)?.desc ?? h}`;
  }
  return httpOf(vendor, id)?.desc ?? wsScenario(vendor, id)?.desc ?? id;
}

// ---------------------------------------------------------------- server
function parseTarget(url) {
  const u = new URL(url, 'http://x');
  const parts = u.pathname.split('/');
  // ['', vendor, scenario, ...rest]
  return { vendor: parts[1], scenario: parts[2] ? decodeURIComponent(parts[2]) : '', path: '/' + parts.slice(3).join('/') };
}

export async function startMock(port, { onResponse = () => {} } = {}) {
  const sockets = new Set();
  const server = http.createServer({ keepAliveTimeout: 2000 });
  server.keepAliveTimeout = 2000;
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => {}); });
  const report = (raw, t, req, status) => onResponse(raw, {
    vendor: t.vendor === 'sbws' ? 'sb' : t.vendor, scenario: t.scenario, desc: t.desc, status,
    request: `${req.method}${req.upgrade ? '(upgrade)' : ''} ${t.path.replace(/\/+$/, '') || '/'}`,
  });

  const send = (res, r, t, req) => {
    const raw = rawResponse(r.status, r.headers, r.body);
    report(raw, t, req, r.status);
    const headers = [];
    for (const [k, v] of r.headers) headers.push(k, v);
    headers.push('Content-Length', String(Buffer.byteLength(r.body)), 'Date', FIXED_DATE, 'Connection', 'keep-alive', 'Keep-Alive', 'timeout=2');
    res.sendDate = false;
    res.writeHead(r.status, headers);
    res.end(r.body);
  };

  server.on('request', (req, res) => {
    const t = parseTarget(req.url);
    t.scenario = httpPart(t.vendor, t.scenario);
    const sc = t.vendor === 'stream' ? streamHttp(t.scenario) : t.vendor === 'sb' ? sbHttp(t.scenario) : null;
    req.resume();
    req.on('end', () => {
      if (!sc) { res.writeHead(599); res.end(); return; } // harness bug: unknown scenario
      t.desc = sc.desc;
      const a = sc.handle({ method: req.method, path: t.path });
      if (a.hang) return;
      if (a.drop) { req.socket.destroy(); return; }
      if (a.reset) { req.socket.resetAndDestroy(); return; }
      if (a.truncate) {
        const full = rawResponse(a.truncate.status, a.truncate.headers, a.truncate.body);
        const cut = full.slice(0, full.indexOf(CRLF + CRLF) + 4 + a.at);
        report(cut, t, req, a.truncate.status);
        req.socket.write(cut, () => req.socket.destroy());
        return;
      }
      send(res, a, t, req);
    });
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => {});
    const t = parseTarget(req.url);
    const vendor = t.vendor === 'sbws' ? 'sb' : t.vendor;
    t.scenario = wsPart(vendor, t.scenario);
    const sc = wsScenario(vendor, t.scenario);
    req.upgrade = true;
    if (!sc) { socket.destroy(); return; }
    t.desc = sc.desc;
    if (sc.refuse) {
      const r = sc.refuse();
      const raw = rawResponse(r.status, r.headers, r.body, { close: true });
      report(raw, t, req, r.status);
      socket.write(raw, () => socket.destroy());
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => {});
      if (sc.frame) {
        ws.on('message', (data) => {
          for (const line of String(data).split('\n')) {
            if (!line) continue;
            let payload = {};
            try { payload = JSON.parse(line.slice(4)); } catch { /* not a command */ }
            sc.frame(ws, line.slice(0, 4), payload);
          }
        });
      }
      sc.open(ws);
    });
  });

  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(port, HOST, resolve); });
  return async function close() {
    for (const ws of wss.clients) ws.terminate();
    for (const s of sockets) s.destroy();
    await new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); });
  };
}
