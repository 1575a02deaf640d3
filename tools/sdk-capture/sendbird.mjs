// Drives @sendbird/chat (node: '@sendbird/chat/node' installs ws as the global WebSocket) into its
// error paths against the loopback mock. Usage: node sendbird.mjs OUT.jsonl SCENARIO MOCK_PORT_INDEX
import { require, traffic } from './env.mjs';
import { probe, quiet, finish, onEvent, say, drain, setSerialiser, noteResponse } from './record.mjs';
import { PORTS, mockPort } from './listeners.mjs';
import { startMock } from './vendor-mock.mjs';
import { serialiseForms } from './serialise.mjs';
import { sweep, describeArgs } from './sweep.mjs';

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
require('@sendbird/chat/node');
const SB = require('@sendbird/chat');
const SendbirdChat = SB.default;
const { GroupChannelModule, GroupChannelHandler } = require('@sendbird/chat/groupChannel');
const { OpenChannelModule } = require('@sendbird/chat/openChannel');

const APP_ID = 'A1B2C3D4-0000-4000-8000-000000000000';
const run = (label, fn, scenario, opts = {}) => probe(label, fn, { timeout: 400, grace: 0, scenario, ...opts });

// ws scenario, http scenario -> a new SDK instance pointed at the mock.
function sdk(ws, api = 'acks', extra = {}) {
  const sb = SendbirdChat.init({
    appId: APP_ID, newInstance: true, logLevel: 'none',
    customApiHost: `http://127.0.0.1:${PORT}/sb/${api}`, customWebSocketHost: `ws://127.0.0.1:${PORT}/sbws/${ws}`,
    modules: [new GroupChannelModule(), new OpenChannelModule()],
    options: new SB.SendbirdChatOptions({ websocketResponseTimeout: 1500 }),
    ...extra,
  });
  const { ConnectionHandler, SessionHandler } = SB;
  sb.addConnectionHandler('capture', new ConnectionHandler({
    onDisconnected: () => {}, onReconnectFailed: () => {},
  }));
  const sh = new SessionHandler();
  sh.onSessionError = onEvent('sessionHandler.onSessionError');
  sh.onSessionTokenRequired = (resolve) => resolve(null);
  try { sb.setSessionHandler(sh); } catch { /* recorded in sweeps */ }
  return sb;
}
const id = (ws, api) => (api && api !== ws ? `${ws}.${api}` : ws);
async function disconnect(sb) {
  try { await Promise.race([sb.disconnect(), new Promise((r) => setTimeout(r, 500))]); } catch { /* ignore */ }
}

// Sendbird's message requests report failures to onFailed(err, message) and reject nothing.
function sendWith(channel, method, params) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, 2500);
    let r;
    try { r = channel[method](params); } catch (e) { clearTimeout(timer); reject(e); return; }
    if (r && typeof r.onFailed === 'function') {
      r.onFailed((err) => { clearTimeout(timer); onEvent('onFailed')(err); resolve(); }).onSucceeded(() => { clearTimeout(timer); resolve(); });
    } else { clearTimeout(timer); resolve(r); }
  });
}
const SB_SERVER_CODES = [400100, 400101, 400102, 400103, 400104, 400105, 400106, 400107, 400108, 400109, 400110, 400111,
  400112, 400113, 400114, 400151, 400201, 400202, 400203, 400300, 400301, 400302, 400303, 400304, 400305, 400306, 400307,
  400309, 400310, 400312, 400313, 400401, 400402, 400403, 400404, 400500, 400501, 400700, 400701, 400702, 400750, 400751,
  400920, 400930, 400940, 403100, 403200, 500601, 500602, 500901, 500910, 503];
const SB_WS_CODES = [900010, 900020, 900021, 900022, 900023, 900025, 900026, 900027, 900028, 900029, 900030, 900040, 900041,
  900050, 900060, 900061, 900065, 900066, 900070, 900080, 900081, 900090, 900100, 900200, 900300, 900400, 900500, 901500];
const LOGI_CODES = [400300, 400301, 400302, 400303, 400304, 400306, 400307, 400309, 400310, 400312, 400313, 400401,
  400500, 400501, 403100, 500901, 500910, 900010, 900021, 900030];

async function offline() {
  // init with odd parameters.
  for (const [d, p] of [['()', undefined], ['({})', {}], ['({appId:""})', { appId: '' }], ['({appId:123})', { appId: 123 }], ['(null)', null],
    ['({appId, modules:[{}]})', { appId: APP_ID, modules: [{}] }], ['({appId, customApiHost:"not a url"})', { appId: APP_ID, customApiHost: 'not a url', newInstance: true }]]) {
    await run(`SendbirdChat.init${d}`, () => SendbirdChat.init(p), 'never connected');
  }
  // connect() with odd arguments on never connected instances.
  for (const [d, args] of [['()', []], ['("")', ['']], ['(null)', [null]], ['(123)', [123]], ['("u1", 123)', ['u1', 123]], ['({})', [{}]]]) {
    const x = SendbirdChat.init({ appId: APP_ID, newInstance: true, logLevel: 'none', customApiHost: `http://127.0.0.1:${PORTS.closed}`, customWebSocketHost: `ws://127.0.0.1:${PORTS.closed}`, modules: [new GroupChannelModule()] });
    await run(`sb.connect${d}`, () => x.connect(...args), 'never connected, API and WS host closed port', { timeout: 3000 });
    await disconnect(x);
  }
}

async function sweeps() {
  const sb = SendbirdChat.init({ appId: APP_ID, newInstance: true, logLevel: 'none', customApiHost: `http://127.0.0.1:${PORTS.closed}`, customWebSocketHost: `ws://127.0.0.1:${PORTS.closed}`, modules: [new GroupChannelModule(), new OpenChannelModule()] });
  const skip = (n) => /^(connect|disconnect|reconnect|setForegroundState|setBackgroundState|init|addSendbirdExtensions)$/.test(n) || n === 'disconnectWebSocket';
  await sweep(sb, 'sb', (l, f) => run(l, f, 'never connected, hosts on a closed port'), { skip });
  await sweep(sb.groupChannel, 'sb.groupChannel', (l, f) => run(l, f, 'never connected, hosts on a closed port'));
  await sweep(sb.openChannel, 'sb.openChannel', (l, f) => run(l, f, 'never connected, hosts on a closed port'));
}

async function connectErrors() {
  const ws = [
    ...LOGI_CODES.map((c) => `logi${c}`), 'logi-nocode', 'busy5', 'busy30', 'busy0', 'refuse401', 'refuse429', 'refuse502', 'refuse503',
    'close1000', 'close1001', 'close1006', 'close1008', 'close1011', 'close1013', 'close4000', 'close4001', 'close4008', 'silent', 'garbage',
  ];
  for (const w of ws) {
    const sb = sdk(w);
    await run('sb.connect("u1","token")', () => sb.connect('u1', 'token'), w, { timeout: 3500 });
    await run('sb.groupChannel.getChannel("c1") after the failed connect', () => sb.groupChannel.getChannel('c1'), w, { timeout: 2500 });
    await disconnect(sb);
  }
  // Transport: closed port, resetting port, silent TCP, the default host (DNS refused by the guard).
  const hosts = [
    [`ws://127.0.0.1:${PORTS.closed}`, `http://127.0.0.1:${PORTS.closed}`, 'closed port (connection refused)'],
    [`ws://127.0.0.1:${PORTS.resetTcp}`, `http://127.0.0.1:${PORTS.resetTcp}`, 'listener that closes every connection at once'],
    [`ws://127.0.0.1:${PORTS.silentTcp}`, `http://127.0.0.1:${PORTS.silentTcp}`, 'silent TCP listener (accepts, never answers)'],
    [`ws://127.0.0.1:${PORTS.closingWs}`, `http://127.0.0.1:${PORTS.closed}`, 'WebSocket server that closes at once; API on a closed port'],
    [undefined, undefined, 'default Sendbird hosts: DNS refused by the loopback guard'],
  ];
  for (const [wsHost, apiHost, desc] of hosts) {
    const sb = SendbirdChat.init({ appId: APP_ID, newInstance: true, logLevel: 'none', customApiHost: apiHost, customWebSocketHost: wsHost,
      modules: [new GroupChannelModule(), new OpenChannelModule()], options: new SB.SendbirdChatOptions({ websocketResponseTimeout: 1500 }) });
    await run('sb.connect("u1","token")', () => sb.connect('u1', 'token'), desc, { timeout: 3500 });
    await run('sb.authenticate("u1","token")', () => sb.authenticate('u1', 'token'), desc, { timeout: 3500 });
    await run('sb.groupChannel.getChannel("c1")', () => sb.groupChannel.getChannel('c1'), desc, { timeout: 3500 });
    await disconnect(sb);
  }
}

async function httpErrors() {
  // authenticate() (REST only) and getChannel over REST, for every HTTP scenario.
  const api = [...SB_SERVER_CODES.map((c) => `code${c}`), 'rl-retry', 'rl-headers', 'nocode',
    'html502', 'html503', 'html504', 'html200', 'html407', 'empty500', 'empty200', 'retryafter429', 'text429',
    'trunc400', 'trunc200', 'notjson500', 'truncxfer500', 'drop', 'reset', 'hang', 'redirect'];
  let n = 0;
  for (const a of api) {
    const sb = sdk('acks', a);
    await run('sb.authenticate("u1","token")', () => sb.authenticate('u1', 'token'), a, { timeout: 3000 });
    await run('sb.connect("u1","token")', () => sb.connect('u1', 'token'), id('acks', a), { timeout: 3000 });
    n++;
    await run('sb.groupChannel.getChannel(url)', () => sb.groupChannel.getChannel(`c${n}`), id('acks', a), { timeout: 3000 });
    if (/^(code(400105|400108|400201|500910|400302)|html502|trunc400|hang|drop)$/.test(a)) {
      await run('sb.groupChannel.createChannel({invitedUserIds:["u2"]})', () => sb.groupChannel.createChannel({ invitedUserIds: ['u2'] }), id('acks', a), { timeout: 3000 });
      await run('sb.openChannel.getChannel(url)', () => sb.openChannel.getChannel(`o${n}`), id('acks', a), { timeout: 3000 });
      await run('sb.updateCurrentUserInfo({nickname:"n"})', () => sb.updateCurrentUserInfo({ nickname: 'n' }), id('acks', a), { timeout: 3000 });
    }
    await disconnect(sb);
  }
}

async function connected() {
  // WebSocket errors for commands: EROR for every command the channel sends.
  for (const code of SB_WS_CODES) {
    const w = `eror${code}`;
    const sb = sdk(w, 'acks');
    await run('sb.connect("u1","token") [LOGI ok]', () => sb.connect('u1', 'token'), id(w, 'acks'), { timeout: 3000 });
    let ch;
    await run('sb.groupChannel.getChannel("c1")', async () => { ch = await sb.groupChannel.getChannel('c1'); }, id(w, 'acks'), { timeout: 3000 });
    if (ch) {
      await run('groupChannel.sendUserMessage({message:"hi"})', () => sendWith(ch, 'sendUserMessage', { message: 'hi' }), id(w, 'acks'), { timeout: 3000 });
      if ([900010, 900050, 900070, 900300, 900500].includes(code)) {
        await run('groupChannel.startTyping()', () => ch.startTyping(), id(w, 'acks'), { timeout: 2000 });
        await run('groupChannel.markAsRead()', () => ch.markAsRead(), id(w, 'acks'), { timeout: 2000 });
      }
    }
    let oc;
    if ([900070, 900500, 900100, 900010].includes(code)) {
      await run('sb.openChannel.getChannel("o1")', async () => { oc = await sb.openChannel.getChannel('o1'); }, id(w, 'acks'), { timeout: 3000 });
      if (oc) await run('openChannel.enter()', () => oc.enter(), id(w, 'acks'), { timeout: 3000 });
    }
    await disconnect(sb);
  }
  // Session: EXPR with the session handler, connection dropped after login.
  for (const w of ['expr', 'ok-then-1006']) {
    const sb = sdk(w, 'acks');
    await run('sb.connect("u1","token") [LOGI ok]', () => sb.connect('u1', 'token'), id(w, 'acks'), { timeout: 3000 });
    await run('connected sb: wait for server events', () => new Promise((r) => setTimeout(r, 800)), id(w, 'acks'), { timeout: 1200 });
    await run('sb.groupChannel.getChannel("c1") after the event', () => sb.groupChannel.getChannel('c1'), id(w, 'acks'), { timeout: 3000 });
    await disconnect(sb);
  }
  // connect() cancelled by disconnect() while the LOGI is outstanding.
  {
    const sb = sdk('silent', 'acks');
    await run('sb.connect("u1","token") then sb.disconnect() at once', () => { const p = sb.connect('u1', 'token'); setTimeout(() => sb.disconnect().catch(() => {}), 50); return p; }, 'silent', { timeout: 3000 });
    await run('sb.connect("u1","token") twice at once, then sb.disconnect()', () => { sb.connect('u1', 'token'); const p = sb.connect('u2', 'token'); setTimeout(() => sb.disconnect().catch(() => {}), 50); return p; }, 'silent', { timeout: 3000 });
    await disconnect(sb);
  }
  // Connected and acked: sweep of every method of sb, modules and channel objects.
  const sc = 'acks';
  const sb = sdk(sc, sc);
  await run('sb.connect("u1","token") [acks]', () => sb.connect('u1', 'token'), sc, { timeout: 3000 });
  await run('sb.connect("u2","token") while connected as u1', () => sb.connect('u2', 'token'), sc, { timeout: 3000 });
  const skip = (n) => /^(connect|disconnect|reconnect|setForegroundState|setBackgroundState|init|disconnectWebSocket|clearCachedData|clearCachedMessages|setSessionHandler)$/.test(n);
  const short = [[], [null], [''], [{}], [-1], [[]]];
  await sweep(sb, 'connected sb', (l, f) => run(l, f, sc), { skip, args: short });
  await sweep(sb.groupChannel, 'connected sb.groupChannel', (l, f) => run(l, f, sc), { args: short });
  await sweep(sb.openChannel, 'connected sb.openChannel', (l, f) => run(l, f, sc), { args: short });
  // A query used again while its first page is still loading.
  await run('query.next() twice at once (createMyGroupChannelListQuery)', () => { const q = sb.groupChannel.createMyGroupChannelListQuery(); const a = q.next(); const b = q.next(); return Promise.allSettled([a, b]).then(() => b); }, sc, { timeout: 3000 });
  await run('query.next() twice at once (createApplicationUserListQuery)', () => { const q = sb.createApplicationUserListQuery(); const a = q.next(); const b = q.next(); return Promise.allSettled([a, b]).then(() => b); }, sc, { timeout: 3000 });
  let gc;
  await run('sb.groupChannel.getChannel("setup_group_1")', async () => { gc = await sb.groupChannel.getChannel('setup_group_1'); }, sc, { timeout: 3000 });
  if (gc) {
    await sweep(gc, 'connected groupChannel', (l, f) => run(l, f, sc), { args: short, skip: (n) => /^(serialize)$/.test(n) });
    await run('groupChannel.getMessagesByTimestamp(0, {prevResultSize:-1})', () => gc.getMessagesByTimestamp(0, { prevResultSize: -1 }), sc);
    for (const p of [{}, { message: '' }, { message: 123 }, { message: 'x'.repeat(10) , mentionType: 'bogus' }, { message: 'hi', data: {} }]) {
      await run(`groupChannel.sendUserMessage(${describeArgs([p])})`, () => sendWith(gc, 'sendUserMessage', p), sc, { timeout: 3000 });
    }
    for (const p of [{}, { file: null }, { fileUrl: '' }, { file: 'not a file' }]) {
      await run(`groupChannel.sendFileMessage(${describeArgs([p])})`, () => sendWith(gc, 'sendFileMessage', p), sc, { timeout: 3000 });
    }
    const coll = (() => { try { return gc.createMessageCollection(); } catch (e) { return null; } })();
    if (coll) await sweep(coll, 'groupChannel.createMessageCollection()', (l, f) => run(l, f, sc), { args: [[], [null], [{}]] });
    await run('groupChannel.addGroupChannelHandler via sb.groupChannel.addGroupChannelHandler("", null)', () => sb.groupChannel.addGroupChannelHandler('', null), sc);
    void GroupChannelHandler;
  }
  let oc;
  await run('sb.openChannel.getChannel("setup_open_1")', async () => { oc = await sb.openChannel.getChannel('setup_open_1'); }, sc, { timeout: 3000 });
  if (oc) await sweep(oc, 'connected openChannel', (l, f) => run(l, f, sc), { args: short, skip: (n) => /^(serialize)$/.test(n) });
  await disconnect(sb);
  await run('sb.groupChannel.getChannel("c1") after disconnect()', () => sb.groupChannel.getChannel('c1'), sc, { timeout: 3000 });
  if (gc) await run('groupChannel.sendUserMessage({message:"hi"}) after disconnect()', () => sendWith(gc, 'sendUserMessage', { message: 'hi' }), sc, { timeout: 3000 });
}

const jobs = { setup: offline, sweeps, connect: connectErrors, http: httpErrors, connected };
try {
  await jobs[process.argv[3]]();
} catch (e) {
  say(`driver failed: ${e && e.stack}`);
}
await drain(1500);
await closeMock();
finish({ traffic: { allowed: Object.fromEntries(traffic.allowed), blocked: Object.fromEntries(traffic.blocked), urls: Object.fromEntries(traffic.urls) } });
