// Loopback mock of Twilsock (the WebSocket beneath @twilio/conversations) and of Ably's realtime
// and REST endpoints, on one port of 127.0.0.1. The scenario is part of what the SDK is given:
//   Twilio  twilsock.uri   ws://127.0.0.1:PORT/tw/<scenario>
//   Ably    key            <app>.<scenario>:<secret>  (the WebSocket query carries `key`, REST calls
//                          carry it in `Authorization: Basic`), realtimeHost/restHost 127.0.0.1, port PORT
// Codes, statuses and messages sent are Twilio's and Ably's documented ones (data/*.toml).
import http from 'node:http';
import { WebSocketServer } from 'ws';

const HOST = '127.0.0.1';
const FIXED_DATE = 'Wed, 02 Dec 2026 14:40:19 GMT';
const CRLF = '\r\n';

// ------------------------------------------------------------------------------------ Twilio
// Twilsock: an `init` answered with {status: {code, status, description, errorCode}}.
export const TW_INIT = {
  'init401-20104': [401, 'Unauthorized', 'Access Token expired or expiration date invalid', 20104],
  'init401-51119': [401, 'Unauthorized', 'Twilsock: Token expired', 51119],
  'init401-51007': [401, 'Unauthorized', 'Client Connection: Token authentication is rejected', 51007],
  'init403-51124': [403, 'Forbidden', 'Twilsock: Too many connections', 51124],
  'init401-51130': [401, 'Unauthorized', 'Twilsock: Token is invalid!', 51130],
  'init429': [429, 'Too Many Requests', 'Twilsock : CPS, Init per Account', 51201],
  'init500': [500, 'Internal Server Error', 'Internal server error', null],
  'init503': [503, 'Service Unavailable', 'Service unavailable', null],
  'init400-nocode': [400, 'Bad Request', '', null],
};
// Upstream (REST over Twilsock): init succeeds, every upstream request is answered with a Twilio
// REST error body {code, message, more_info, status}.
export const TW_UPSTREAM = [
  [50350, 404, 'Conversation not found'], [50107, 403, 'Programmable Chat: User not authorized for command'],
  [20404, 404, 'The requested resource was not found'], [20429, 429, 'Too Many Requests'],
  [50433, 409, 'Participant already exists'], [20500, 500, 'Internal Server Error'],
];
const twBody = (code, status, message) => JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

function twPacket(header, payload = '') {
  header.payload_size = Buffer.byteLength(payload);
  const h = JSON.stringify(header);
  return Buffer.from(`TWILSOCK V3.0 ${Buffer.byteLength(h)}\r\n${h}\r\n${payload}`);
}
function twParse(buf) {
  const text = buf.toString('utf8');
  const nl = text.indexOf('\r\n');
  const size = Number(text.slice(0, nl).split(' ')[2]);
  const rest = Buffer.from(text.slice(nl + 2));
  return JSON.parse(rest.subarray(0, size).toString('utf8'));
}
const twInitOk = (id) => twPacket({ method: 'reply', id, status: { code: 200, status: 'OK' } },
  JSON.stringify({ continuation_token: 'ct', continuation_token_status: { reconnected: false }, confirmed_capabilities: [], offline_storage: {}, init_registrations: [] }));

function twilsock(ws, scenario) {
  if (scenario === 'close1006' || scenario === 'drop') { ws.terminate(); return; }
  if (scenario === 'garbage') { ws.send('<html>not twilsock</html>'); return; }
  if (scenario === 'close410') {
    ws.on('message', () => ws.send(twPacket({ method: 'close', id: 'c1', status: { code: 410, status: 'Gone', description: 'Token expired' } })));
    return;
  }
  if (scenario === 'close406') {
    ws.on('message', () => ws.send(twPacket({ method: 'close', id: 'c1', status: { code: 406, status: 'Not Acceptable', description: 'Cannot parse protocol' } })));
    return;
  }
  if (scenario === 'silent') return;
  ws.on('message', (data) => {
    let h;
    try { h = twParse(data); } catch { return; }
    if (h.method === 'init' || h.method === 'update') {
      const e = TW_INIT[scenario];
      if (!e) { ws.send(twInitOk(h.id)); return; }
      const [code, status, description, errorCode] = e;
      const st = { code, status, description };
      if (errorCode) st.errorCode = errorCode;
      const body = code === 429 ? JSON.stringify({ backoff_policy: { reconnect_min_ms: 2000, reconnect_max_ms: 5000 } }) : '';
      ws.send(twPacket({ method: 'reply', id: h.id, status: st, payload_type: 'application/json' }, body));
      return;
    }
    if (h.method === 'upstream_request') {
      const m = /^upstream(\d+)$/.exec(scenario);
      const [code, status, message] = TW_UPSTREAM.find(([c]) => String(c) === m?.[1]) ?? TW_UPSTREAM[0];
      const body = twBody(code, status, message);
      ws.send(twPacket({ method: 'reply', id: h.id, status: { code: 200, status: 'OK' },
        http_status: { code: status, status: http.STATUS_CODES[status] }, http_headers: { 'Content-Type': 'application/json' },
        payload_type: 'application/json' }, body));
    }
  });
}

// -------------------------------------------------------------------------------------- Ably
const href = (code) => `https://help.ably.io/error/${code}`;
const ablyErr = (code, statusCode, message) => ({ message, code, statusCode, href: href(code) });
// WebSocket scenarios: what the server answers a connection (or an ATTACH) with.
export const ABLY_WS = {
  'error40142': [9, ablyErr(40142, 401, 'Key/token status changed (expire)')],
  'error40101': [9, ablyErr(40101, 401, 'Invalid credentials')],
  'error40400': [9, ablyErr(40400, 404, 'Not found')],
  'error50000': [9, ablyErr(50000, 500, 'Internal error')],
  'error80019': [9, ablyErr(80019, 401, 'Auth server rejecting request')],
  'disconnected80003': [6, ablyErr(80003, 400, 'Connection to server unavailable')],
  'disconnected40142': [6, ablyErr(40142, 401, 'Key/token status changed (expire)')],
  'attach-detached40160': ['attach', 13, ablyErr(40160, 401, 'Channel denied access based on given capability')],
  'attach-error90001': ['attach', 9, ablyErr(90001, 400, 'Channel operation failed (invalid channel state)')],
  'attach-error42910': ['attach', 9, ablyErr(42910, 429, 'Rate limit exceeded; request rejected')],
  'attach-error40000': ['attach', 9, ablyErr(40000, 400, 'Bad request')],
};
// REST scenarios: the HTTP answer to every request.
export const ABLY_HTTP = {
  'rest40101': [401, ablyErr(40101, 401, 'Invalid credentials')],
  'rest40142': [401, ablyErr(40142, 401, 'Token expired')],
  'rest40160': [401, ablyErr(40160, 401, 'Action not permitted')],
  'rest40400': [404, ablyErr(40400, 404, 'Not found')],
  'rest42910': [429, ablyErr(42910, 429, 'Rate limit exceeded; request rejected')],
  'rest50000': [500, ablyErr(50000, 500, 'Internal error')],
  'rest50003': [504, ablyErr(50003, 504, 'Timeout error')],
};
const connected = (id) => JSON.stringify({ action: 4, connectionId: `conn-${id}`, connectionKey: `key-${id}`,
  connectionDetails: { clientId: 'u1', connectionKey: `key-${id}`, maxMessageSize: 65536, maxInboundRate: 250,
    maxOutboundRate: 100, maxFrameSize: 262144, serverId: 'mock', connectionStateTtl: 120000, maxIdleInterval: 15000 } });

function ably(ws, scenario) {
  if (scenario === 'close1006' || scenario === 'drop') { ws.terminate(); return; }
  if (scenario === 'silent') return;
  if (scenario === 'garbage') { ws.send('<html>not ably</html>'); return; }
  const s = ABLY_WS[scenario];
  if (s && s[0] !== 'attach') { ws.send(JSON.stringify({ action: s[0], error: s[1] })); if (s[0] === 9) ws.close(); return; }
  ws.send(connected(scenario));
  ws.on('message', (data) => {
    let m;
    try { m = JSON.parse(String(data)); } catch { return; }
    if (m.action === 10 && s) { // ATTACH
      ws.send(JSON.stringify({ action: s[1], channel: m.channel, error: s[2] }));
    } else if (m.action === 10) {
      ws.send(JSON.stringify({ action: 11, channel: m.channel, flags: 0 }));
    } else if (m.action === 7) { // CLOSE
      ws.send(JSON.stringify({ action: 8 }));
    } else if (m.action === 15 || m.action === 14) { // MESSAGE / PRESENCE: NACK
      ws.send(JSON.stringify({ action: 2, msgSerial: m.msgSerial, count: 1, error: ablyErr(40160, 401, 'Channel denied access based on given capability') }));
    }
  });
}

const html = (status) => `<html>\r\n<head><title>${status} ${http.STATUS_CODES[status]}</title></head>\r\n<body>\r\n<center><h1>${status} ${http.STATUS_CODES[status]}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
function raw(socket, status, type, body, { cut } = {}) {
  const head = [`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}`, `Date: ${FIXED_DATE}`, `Content-Type: ${type}`,
    `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close'];
  const text = head.join(CRLF) + CRLF + CRLF + body;
  socket.end(cut ? text.slice(0, cut) : text);
}
// HTTP transport faults shared by both vendors (REST calls and refused WebSocket upgrades).
function fault(socket, scenario) {
  switch (scenario) {
    case 'html502': raw(socket, 502, 'text/html', html(502)); return true;
    case 'html503': raw(socket, 503, 'text/html', html(503)); return true;
    case 'empty500': raw(socket, 500, 'application/json', ''); return true;
    case 'trunc400': raw(socket, 400, 'application/json', '{"error":{"message":"Bad req', {}); return true;
    case 'truncxfer': raw(socket, 400, 'application/json', JSON.stringify({ error: ablyErr(40000, 400, 'Bad request') }), { cut: 150 }); return true;
    case 'drop': socket.destroy(); return true;
    default: return false;
  }
}

const ablyScenario = (req) => {
  const u = new URL(req.url, `http://${HOST}`);
  const key = u.searchParams.get('key') || Buffer.from((req.headers.authorization || '').replace(/^Basic /, ''), 'base64').toString();
  return (/^[^.]+\.([^:]+):/.exec(key) || [])[1] || 'ok';
};

export async function startTaMock(port, { onRequest = () => {} } = {}) {
  const server = http.createServer((req, res) => {
    const scenario = ablyScenario(req);
    onRequest({ vendor: 'ably', scenario, request: `${req.method} ${req.url.split('?')[0]}` });
    req.resume();
    if (fault(res.socket, scenario)) return;
    const e = ABLY_HTTP[scenario];
    if (e) { raw(res.socket, e[0], 'application/json', JSON.stringify({ error: e[1] })); return; }
    if (req.url.startsWith('/time')) { raw(res.socket, 200, 'application/json', '[1796222419000]'); return; }
    raw(res.socket, 200, 'application/json', '[]');
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const tw = /^\/tw\/([^/?]+)/.exec(req.url);
    const scenario = tw ? tw[1] : ablyScenario(req);
    onRequest({ vendor: tw ? 'twilio' : 'ably', scenario, request: 'upgrade' });
    if (fault(socket, scenario.replace(/^refuse-/, ''))) return;
    wss.handleUpgrade(req, socket, head, (ws) => (tw ? twilsock(ws, scenario) : ably(ws, scenario)));
  });
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(port, HOST, resolve); });
  return () => new Promise((r) => { for (const c of wss.clients) c.terminate(); server.closeAllConnections?.(); server.close(() => r()); });
}
