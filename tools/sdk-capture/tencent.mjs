// Drives @tencentcloud/chat (browser build, under the jsdom page of env.mjs) into its error paths.
// Its WebSocket goes to `proxyServer` (the loopback mock im-mock.mjs or a listener of
// listeners.mjs); everything else it would contact (stat reports, COS uploads) is refused by the
// loopback guard. Usage: node tencent.mjs OUT.jsonl SCENARIO MOCK_PORT_INDEX
import { require, setupDom, traffic } from './env.mjs';
import { probe, quiet, finish, say, drain, onEvent, waitIn } from './record.mjs';
import { PORTS, mockPort } from './listeners.mjs';
import { startImMock } from './im-mock.mjs';
import { sweep } from './sweep.mjs';

quiet();
setupDom();
const scenario = process.argv[3];
const PORT = mockPort(Number(process.argv[4] || 0));
let closeMock;
try {
  closeMock = await startImMock(PORT);
} catch (e) {
  say(`cannot start the mock on 127.0.0.1:${PORT}: ${e.message}`);
  process.exit(3);
}
const TencentCloudChat = require('@tencentcloud/chat');
const APP = 1400000001;
// Calls that log in, tear down or only register listeners are driven on purpose, not swept.
const NO_SWEEP = new Set(['login', 'logout', 'destroy', 'on', 'once', 'off', 'setLogLevel', 'registerPlugin', 'callExperimentalAPI']);
const ARGS = [[], [null], [0], [''], ['x'], [{}], [[]], [{ to: '', conversationType: 'C2C', payload: {} }]];

function chat(proxyServer) {
  const c = TencentCloudChat.create({ SDKAppID: APP, proxyServer });
  c.setLogLevel(4);
  c.on(TencentCloudChat.EVENT.ERROR, onEvent('error'));
  c.on(TencentCloudChat.EVENT.KICKED_OUT, onEvent('kickedOut'));
  return c;
}
const stop = async (c) => { try { await Promise.race([c.destroy(), new Promise((r) => setTimeout(r, 500))]); } catch { /* ignore */ } };

async function offline() {
  for (const [d, o] of [['({})', {}], ['({SDKAppID:"x"})', { SDKAppID: 'x' }], ['(null)', null]]) {
    await probe(`TencentCloudChat.create${d}`, () => TencentCloudChat.create(o), { timeout: 500 });
  }
  const c = chat(`ws://127.0.0.1:${PORTS.closed}`);
  for (const [d, o] of [['()', undefined], ['({})', {}], ['({userID:"u1"})', { userID: 'u1' }], ['({userSig:"s"})', { userSig: 's' }], ['({userID:"",userSig:""})', { userID: '', userSig: '' }]]) {
    await probe(`chat.login${d}`, () => c.login(o), { timeout: 1500 });
  }
  await probe('chat.logout() (not logged in)', () => c.logout(), { timeout: 1500 });
  await sweep(c, 'chat', (label, fn) => probe(label, fn, { timeout: 600, grace: 0 }), { skip: (n) => NO_SWEEP.has(n), args: ARGS });
  await stop(c);
}

// login against every server scenario; the WebSocket goes to the mock or a listener.
const CODES = [70001, 70002, 70003, 70005, 70009, 70013, 70014, 70016, 70020, 70050, 70051, 70052, 70107, 70114, 70169,
  70202, 70206, 70398, 70402, 70403, 70500, 60002, 60003, 60004, 60006, 60008, 60020, 60022, 20003, 90001, 79999];
async function server() {
  const targets = [
    ...CODES.map((n) => [`code${n}`, `ws://127.0.0.1:${PORT}/tim/code${n}`]),
    ...['refuse502', 'refuse200', 'garbage', 'empty', 'trunc', 'drop', 'close1011', 'silent'].map((s) => [s, `ws://127.0.0.1:${PORT}/tim/${s}`]),
    ['closed port', `ws://127.0.0.1:${PORTS.closed}`], ['silent TCP', `ws://127.0.0.1:${PORTS.silentTcp}`],
    ['TCP reset', `ws://127.0.0.1:${PORTS.resetTcp}`], ['ws closes at once', `ws://127.0.0.1:${PORTS.closingWs}`],
  ];
  for (const [name, url] of targets) {
    const c = chat(url);
    await probe(`chat.login({userID:"u1",userSig:"sig"}) [${name}]`, () => c.login({ userID: 'u1', userSig: 'sig' }), { timeout: 6000, grace: 0, scenario: name });
    await stop(c);
  }
}

// Logged in (the mock answers login OK), then every other command answered with one code: the
// SDK's own sync requests after login (unhandled rejections) and a few calls of an app.
const CONNECTED_CODES = [20003, 20006, 20012, 10007, 10010, 10015, 10017, 40001, 40003, 30001, 30010, 80001, 80002,
  90009, 90010, 60008, 60022, 70001, 6013, 6014];
async function connected() {
  for (const n of CONNECTED_CODES) {
    const c = chat(`ws://127.0.0.1:${PORT}/tim/ok-code${n}`);
    const ready = new Promise((r) => c.on(TencentCloudChat.EVENT.SDK_READY, r));
    const p = await probe(`chat.login [ok-code${n}]`, () => c.login({ userID: 'u1', userSig: 'sig' }), { timeout: 3000, grace: 0 });
    await Promise.race([ready, new Promise((r) => setTimeout(r, 3000))]);
    await waitIn(p, 1500); // the SDK's own requests after login (and a kick-out) settle inside the login call
    const calls = [
      ['chat.getMyProfile()', () => c.getMyProfile()],
      ['chat.getUserProfile({userIDList:["u2"]})', () => c.getUserProfile({ userIDList: ['u2'] })],
      ['chat.sendMessage(text to u2)', () => c.sendMessage(c.createTextMessage({ to: 'u2', conversationType: 'C2C', payload: { text: 'x' } }))],
      ['chat.getGroupProfile({groupID:"g1"})', () => c.getGroupProfile({ groupID: 'g1' })],
      ['chat.joinGroup({groupID:"g1"})', () => c.joinGroup({ groupID: 'g1' })],
      ['chat.addFriend({to:"u2",source:"AddSource_Type_Web"})', () => c.addFriend({ to: 'u2', source: 'AddSource_Type_Web' })],
      ['chat.getMessageList({conversationID:"C2Cu2"})', () => c.getMessageList({ conversationID: 'C2Cu2' })],
    ];
    for (const [label, fn] of calls) await probe(`${label} [ok-code${n}]`, fn, { timeout: 3000, grace: 0 });
    await stop(c);
  }
}

const jobs = { offline, server, connected };
if (!jobs[scenario]) { say(`unknown scenario ${scenario}`); process.exit(2); }
const limit = setTimeout(() => { say('tencent driver over its own limit'); finish({ traffic: summary() }); }, 200_000);
await jobs[scenario]();
await drain(1000);
clearTimeout(limit);
await closeMock();
finish({ traffic: summary() });

function summary() {
  return { allowed: Object.fromEntries(traffic.allowed), blocked: Object.fromEntries(traffic.blocked), urls: Object.fromEntries(traffic.urls) };
}
