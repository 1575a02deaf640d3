// Drives stream-chat (node build, no DOM) into its error paths against the loopback mock.
// Usage: node stream.mjs OUT.jsonl SCENARIO MOCK_PORT_INDEX
import { require, traffic } from './env.mjs';
import { probe, quiet, finish, onEvent, say, drain, setSerialiser, noteResponse } from './record.mjs';
import { PORTS, mockPort } from './listeners.mjs';
import { startMock, STREAM_CODES } from './vendor-mock.mjs';
import { serialiseForms } from './serialise.mjs';
import { sweep } from './sweep.mjs';

quiet();
setSerialiser(serialiseForms);
const PORT = mockPort(Number(process.argv[4] || 0));
let closeMock;
try {
  closeMock = await startMock(PORT, { onResponse: noteResponse });
} catch (e) {
  say(`cannot start the mock on 127.0.0.1:${PORT}: ${e.message}`);
  process.exit(3);
}
const { StreamChat } = require('stream-chat');

const KEY = 'realclientkey';
const SECRET = 'fake-secret-for-capture-0123456789abcdef';
const base = (sc) => `http://127.0.0.1:${PORT}/stream/${sc}`;
const noop = () => {};
const DESC = {}; // scenario id -> description, filled from the mock's answers
const run = (label, fn, scenario, opts = {}) => probe(label, fn, { timeout: 400, grace: 0, scenario, ...opts });

const tokenFor = (id) => new StreamChat(KEY, SECRET, { baseURL: base('code4') }).createToken(id);
const T1 = tokenFor('u1');
const T2 = tokenFor('u2');

function client(sc, opts = {}) {
  const c = new StreamChat(KEY, { baseURL: base(sc), timeout: 1500, logger: noop, ...opts });
  c.defaultWSTimeout = 1200;
  c.defaultWSTimeoutWithFallback = 1200;
  c.on((ev) => { if (ev && (ev.error || /error/.test(ev.type))) onEvent('client.on')(ev); });
  return c;
}
function server(sc, opts = {}) {
  return new StreamChat(KEY, SECRET, { baseURL: base(sc), timeout: 1500, logger: noop, ...opts });
}
async function disconnect(c) {
  try { await Promise.race([c.disconnectUser(200), new Promise((r) => setTimeout(r, 400))]); } catch { /* recorded elsewhere */ }
}

// Methods that open/close the connection or change where the client talks to are driven on purpose only.
const CONN = new Set(['connectUser', 'connectAnonymousUser', 'setGuestUser', 'setUser', 'disconnectUser', 'disconnect',
  'closeConnection', 'openConnection', 'connect', 'setBaseURL', 'setUserAgent', 'reconnect', 'recoverState',
  'setAnonymousUser', 'getInstance', 'on', 'off', 'addListener', 'removeListener']);
const skipClient = (n) => CONN.has(n);
const skipChannel = (n) => ['on', 'off'].includes(n);

const scenarioDesc = (sc) => sc; // replaced by the mock's description in capture.mjs

const job = process.argv[3];

async function offline() {
  const sc = 'code4';
  // Constructor and options.
  for (const [d, args] of [
    ['()', []], ['(null)', [null]], ['("")', ['']], ['(key, {baseURL:"not a url"})', [KEY, { baseURL: 'not a url' }]],
    ['(key, {baseURL:""})', [KEY, { baseURL: '' }]], ['(key, {baseURL:123})', [KEY, { baseURL: 123 }]],
    ['(key, null, null)', [KEY, null, null]], ['(key, {timeout:-1})', [KEY, { timeout: -1 }]],
  ]) {
    await run(`new StreamChat${d}`, () => new StreamChat(...args), sc);
    await run(`new StreamChat${d}.queryUsers({})`, () => { const c = new StreamChat(...args); c.logger = noop; return c.queryUsers({}); }, sc);
  }
  await run('new StreamChat(key, {baseURL:"not a url"}).queryUsers({})', () => new StreamChat(KEY, { baseURL: 'not a url', logger: noop }).queryUsers({}), sc);
  await run('new StreamChat(key, {baseURL:"http://127.0.0.1:99999"}).queryUsers({})', () => new StreamChat(KEY, { baseURL: 'http://127.0.0.1:99999', logger: noop }).queryUsers({}), sc);

  // connectUser with odd arguments (ws scenario: ok), before any connection.
  const ws = 'ok';
  const cu = [
    ['client.connectUser()', []], ['client.connectUser(null)', [null]], ['client.connectUser({})', [{}]],
    ['client.connectUser({}, token)', [{}, T1]], ['client.connectUser({id:""}, token)', [{ id: '' }, T1]],
    ['client.connectUser({id:"u1"})', [{ id: 'u1' }]], ['client.connectUser({id:"u1"}, "")', [{ id: 'u1' }, '']],
    ['client.connectUser({id:"u1"}, "not a jwt")', [{ id: 'u1' }, 'not a jwt']], ['client.connectUser({id:"u1"}, 123)', [{ id: 'u1' }, 123]],
    ['client.connectUser({id:"u1"}, token of u2)', [{ id: 'u1' }, T2]], ['client.connectUser({id:"bad id!"}, token)', [{ id: 'bad id!' }, T1]],
    ['client.connectUser({id:"u1"}, provider resolving "")', [{ id: 'u1' }, async () => '']],
    ['client.connectUser({id:"u1"}, provider rejecting)', [{ id: 'u1' }, async () => { throw new Error('token provider failed'); }]],
    ['client.connectUser({id:"u1"}, provider throwing)', [{ id: 'u1' }, () => { throw new TypeError('provider bug'); }]],
    ['client.connectUser({id:"u1"}, provider resolving null)', [{ id: 'u1' }, async () => null]],
  ];
  for (const [label, args] of cu) {
    const c = client(ws);
    await run(label, () => c.connectUser(...args), ws, { timeout: 1500 });
    await disconnect(c);
  }
  {
    const c = client(ws);
    await run('client.connectUser twice, concurrently', () => { c.connectUser({ id: 'u1' }, T1); return c.connectUser({ id: 'u2' }, T2); }, ws, { timeout: 1500 });
    await disconnect(c);
  }
  await run('client.connectAnonymousUser() (no server ws)', () => { const c = client('close4001'); return c.connectAnonymousUser().finally(() => disconnect(c)); }, 'close4001', { timeout: 2000 });
  await run('serverClient.connectUser({id:"u1"}, token)', () => server(ws).connectUser({ id: 'u1' }, T1), ws, { timeout: 1500 });
  await run('client.setGuestUser({id:"g1"})', () => client(sc).setGuestUser({ id: 'g1' }), sc, { timeout: 1500 });
  await run('client.setGuestUser()', () => client(sc).setGuestUser(), sc);
  await run('unconnectedClient.disconnectUser()', () => client(sc).disconnectUser(), sc);
  await run('unconnectedClient.openConnection()', () => client(sc).openConnection(), sc);
  await run('unconnectedClient.connect()', () => client(sc).connect(), sc);
  await run('unconnectedClient.setBaseURL(null)', () => client(sc).setBaseURL(null), sc);
  await run('unconnectedClient.on(null)', () => client(sc).on(null), sc);
  await run('unconnectedClient.channel("bad type!","x")', () => client(sc).channel('bad type!', 'x'), sc);
}

async function sweeps() {
  const sc = 'code4';
  // Sweeps: a user client that never connected, its channel objects; a server client, its channels.
  const uc = client(sc);
  await sweep(uc, 'unconnectedClient', (l, f) => run(l, f, sc), { skip: skipClient });
  await run('unconnectedClient.channel("messaging","c1")', () => uc.channel('messaging', 'c1'), sc);
  const sv = server(sc);
  await sweep(sv, 'serverClient', (l, f) => run(l, f, sc), { skip: skipClient });
  const sch = sv.channel('messaging', 'c1');
  await sweep(sch, 'serverClient.channel("messaging","c1")', (l, f) => run(l, f, sc), { skip: skipChannel });
  const dm = sv.channel('messaging', { members: ['u1', 'u2'] });
  await sweep(dm, 'serverClient.channel("messaging",{members})', (l, f) => run(l, f, sc), { skip: skipChannel, args: [[], [null], [{}]] });
  await sweep(sv.moderation, 'serverClient.moderation', (l, f) => run(l, f, sc), { args: [[], [null], [''], [{}]] });
  await sweep(sv.polls, 'serverClient.polls', (l, f) => run(l, f, sc), { args: [[], [null], [''], [{}]] });
  await sweep(sv.threads, 'serverClient.threads', (l, f) => run(l, f, sc), { args: [[], [null], [{}]], skip: (n) => /^(registerSubscriptions|unregisterSubscriptions|activate|deactivate)$/.test(n) });
  await sweep(sv.reminders, 'serverClient.reminders', (l, f) => run(l, f, sc), { args: [[], [null], [{}]], skip: (n) => /Subscriptions|Timer|timer/.test(n) });
}

// Server-side calls against every HTTP scenario.
const SERVER_CALLS = [
  ['serverClient.queryUsers({id:"u1"})', (s) => s.queryUsers({ id: 'u1' })],
  ['serverClient.channel("messaging","c1").query()', (s) => s.channel('messaging', 'c1').query()],
  ['serverClient.channel("messaging","c1").sendMessage({text:"hi",user_id:"u1"})', (s) => s.channel('messaging', 'c1').sendMessage({ text: 'hi', user_id: 'u1' })],
  ['serverClient.upsertUser({id:"u1"})', (s) => s.upsertUser({ id: 'u1' })],
  ['serverClient.getMessage("m1")', (s) => s.getMessage('m1')],
  ['serverClient.queryChannels({})', (s) => s.queryChannels({})],
  ['serverClient.getAppSettings()', (s) => s.getAppSettings()],
];
const HTTP_SCENARIOS = [
  ...STREAM_CODES.map(([c]) => `code${c}`), 'rl-retry', 'rl-window', 'cooldown', 'auth5www',
  'html502', 'html503', 'html504', 'html200', 'html407', 'empty500', 'empty200', 'retryafter429', 'text429',
  'trunc400', 'trunc200', 'notjson500', 'truncxfer500', 'drop', 'reset', 'redirect',
];
async function httpErrors() {
  for (const sc of HTTP_SCENARIOS) {
    const s = server(sc);
    const calls = sc.startsWith('code') && sc !== 'code4' ? SERVER_CALLS.slice(0, 3) : SERVER_CALLS;
    for (const [label, fn] of calls) await run(label, () => fn(s), sc, { timeout: 2500 });
    // The same answers to a user client (static token, not connected: REST only).
    const u = client(sc);
    await run('unconnectedClient.queryUsers({id:"u1"})', () => u.queryUsers({ id: 'u1' }), sc, { timeout: 2500 });
  }
  // Timeouts: axios timeout against a listener that never answers, and an AbortSignal.
  await run('serverClient(silent listener).queryUsers({id:"u1"})', () => server('hang').queryUsers({ id: 'u1' }), 'hang', { timeout: 2500 });
  await run('serverClient({timeout:300}) against the silent TCP port', () => new StreamChat(KEY, SECRET, { baseURL: `http://127.0.0.1:${PORTS.silentTcp}`, timeout: 300, logger: noop }).queryUsers({ id: 'u1' }), 'silent TCP listener (accepts, never answers)', { timeout: 2500 });
  await run('serverClient.queryUsers with an aborted signal', () => {
    const s = server('hang'); const ac = new AbortController();
    const p = s.doAxiosRequest('get', s.baseURL + '/users', null, { config: { signal: ac.signal } });
    setTimeout(() => ac.abort(), 50); return p;
  }, 'hang', { timeout: 2500 });
  await run('serverClient.queryUsers cancelled with CancelToken', () => {
    const s = server('hang'); const axios = require('axios'); const src = axios.CancelToken.source();
    const p = s.doAxiosRequest('get', s.baseURL + '/users', null, { config: { cancelToken: src.token } });
    setTimeout(() => src.cancel('cancelled by the app'), 50); return p;
  }, 'hang', { timeout: 2500 });
  // Transport faults without the mock.
  const transport = [
    [`http://127.0.0.1:${PORTS.closed}`, 'closed port (connection refused)'],
    // (the shared listener that closes every connection at once is not used here: whether axios
    // then reports ECONNRESET or "socket hang up" depends on timing; the mock's drop/reset
    // scenarios give each of them deterministically)
    ['https://chat.stream-io-api.com', 'default host: DNS refused by the loopback guard'],
    ['http://127.0.0.1:' + PORTS.silentWs, 'WebSocket-only listener (plain HTTP never answered)'],
    [`https://127.0.0.1:${PORT}`, 'TLS to the plain-HTTP mock'],
  ];
  for (const [url, sc] of transport) {
    await run(`serverClient(${url.replace(/:\d+$/, ':PORT')}).queryUsers({id:"u1"})`, () => new StreamChat(KEY, SECRET, { baseURL: url, timeout: 1500, logger: noop }).queryUsers({ id: 'u1' }), sc, { timeout: 2500 });
    await run(`client(${url.replace(/:\d+$/, ':PORT')}).connectUser({id:"u1"}, token)`, () => {
      const c = new StreamChat(KEY, { baseURL: url, timeout: 1500, logger: noop }); c.defaultWSTimeout = 1200;
      return c.connectUser({ id: 'u1' }, T1).finally(() => disconnect(c));
    }, sc, { timeout: 2500 });
  }
  // Upload against a closed port / an error code.
  await run('serverClient.channel("messaging","c1").sendFile(Buffer, "a.txt")', () => server('code22').channel('messaging', 'c1').sendFile(Buffer.from('hello'), 'a.txt'), 'code22', { timeout: 2500 });
  await run('serverClient.channel("messaging","c1").sendImage(Buffer, "a.png")', () => server('html502').channel('messaging', 'c1').sendImage(Buffer.from('png'), 'a.png'), 'html502', { timeout: 2500 });
}

// connectUser against every WebSocket scenario, then calls on a connected client.
const WS_SCENARIOS = [
  ...STREAM_CODES.map(([c]) => `error${c}`), 'close1000', 'close1001', 'close1006', 'close1008', 'close1011', 'close1013',
  'close4000', 'close4001', 'close4008', 'silent', 'garbage', 'refuse401', 'refuse429', 'refuse502', 'refuse503', 'ok-then-error', 'ok-then-1006',
];
async function wsErrors() {
  for (const sc of WS_SCENARIOS) {
    const c = client(sc);
    await run('client.connectUser({id:"u1"}, static token)', () => c.connectUser({ id: 'u1' }, T1), sc, { timeout: 2000 });
    if (sc.startsWith('ok-then')) await run('connected client: wait for server events', () => new Promise((r) => setTimeout(r, 600)), sc, { timeout: 800 });
    await run('client.queryChannels({}) after the failed connect', () => c.queryChannels({}), sc, { timeout: 2000 });
    await disconnect(c);
    if (sc.startsWith('error') && ['error40', 'error2', 'error-1'].includes(sc)) {
      const p = client(sc);
      await run('client.connectUser({id:"u1"}, tokenProvider)', () => p.connectUser({ id: 'u1' }, async () => T1), sc, { timeout: 2000 });
      await disconnect(p);
    }
  }
  // Longpoll fallback: WS dropped, /longpoll answers 500 code -1.
  {
    const c = client('close1006', { enableWSFallback: true });
    await run('client({enableWSFallback:true}).connectUser({id:"u1"}, token)', () => c.connectUser({ id: 'u1' }, T1), 'close1006', { timeout: 4000 });
    await disconnect(c);
  }
  // Connected client (ws ok; REST answers code 4 / other codes).
  const c = client('ok');
  await run('client.connectUser({id:"u1"}, static token) [ok]', () => c.connectUser({ id: 'u1' }, T1), 'ok', { timeout: 2000 });
  await run('client.connectUser again while connected', () => c.connectUser({ id: 'u1' }, T1), 'ok', { timeout: 1000 });
  await run('client.connectUser as another user while connected', () => c.connectUser({ id: 'u2' }, T2), 'ok', { timeout: 1000 });
  await run('client.setLocalDevice() while connected', () => c.setLocalDevice(), 'ok');
  await run('client.setGuestUser({id:"g"}) while connected', () => c.setGuestUser({ id: 'g' }), 'ok');
  await run('client.connectAnonymousUser() while connected', () => c.connectAnonymousUser(), 'ok');
  await run('client.openConnection() while connected', () => c.openConnection(), 'ok');
  // REST calls of the connected client go to the "ok" scenario: 201 {} answers (shape errors) ...
  await sweep(c, 'connectedClient', (l, f) => run(l, f, 'ok'), { skip: skipClient, args: [[], [null], [''], [{}], [[]]] });
  const ch = c.channel('messaging', 'c1');
  await sweep(ch, 'connectedClient.channel("messaging","c1")', (l, f) => run(l, f, 'ok'), { skip: skipChannel, args: [[], [null], [''], [{}], [[]]] });
  await disconnect(c);
  await run('client.queryChannels({}) after disconnectUser', () => c.queryChannels({}), 'ok');
  await run('channel.watch() after disconnectUser', () => ch.watch(), 'ok');
  await run('channel.sendMessage({text:"hi"}) after disconnectUser', () => ch.sendMessage({ text: 'hi' }), 'ok');
  // ... and a connected client whose REST calls hit error codes (user-side calls).
  for (const code of [3, 4, 16, 17, 20, 22, 40, 43, 60, 70, 9]) {
    const sc = `ok.code${code}`;
    const k = client(sc);
    await run('client.connectUser({id:"u1"}, static token) [ok]', () => k.connectUser({ id: 'u1' }, T1), sc, { timeout: 2000 });
    const kc = k.channel('messaging', 'c1');
    await run('connectedClient.channel("messaging","c1").watch()', () => kc.watch(), sc, { timeout: 2000 });
    await run('connectedClient.channel("messaging","c1").sendMessage({text:"hi"})', () => kc.sendMessage({ text: 'hi' }), sc, { timeout: 2000 });
    await run('connectedClient.channel("messaging","c1").sendReaction("m1",{type:"like"})', () => kc.sendReaction('m1', { type: 'like' }), sc, { timeout: 2000 });
    await run('connectedClient.channel("messaging","c1").keystroke()', () => kc.keystroke(), sc, { timeout: 2000 });
    await disconnect(k);
  }
}

const jobs = { setup: offline, sweeps, http: httpErrors, ws: wsErrors };
try {
  await jobs[job]();
} catch (e) {
  say(`driver failed: ${e && e.stack}`);
}
await drain(1500);
await closeMock();
finish({ traffic: { allowed: Object.fromEntries(traffic.allowed), blocked: Object.fromEntries(traffic.blocked), urls: Object.fromEntries(traffic.urls) }, desc: DESC, scenarioDesc: scenarioDesc('') });
