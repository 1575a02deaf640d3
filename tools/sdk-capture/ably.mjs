// Drives ably (Realtime and Rest) and @ably/chat into their error paths against the loopback mock
// (ta-mock.mjs). Usage: node ably.mjs OUT.jsonl JOB MOCK_PORT_INDEX
import { require, traffic } from './env.mjs';
import { probe, quiet, finish, onEvent, say, drain, setSerialiser } from './record.mjs';
import { PORTS, mockPort } from './listeners.mjs';
import { startTaMock, ABLY_WS, ABLY_HTTP } from './ta-mock.mjs';
import { serialiseForms } from './serialise.mjs';
import { sweep } from './sweep.mjs';

quiet();
setSerialiser(serialiseForms);
const PORT = mockPort(Number(process.argv[4] || 0));
let closeMock;
try {
  closeMock = await startTaMock(PORT);
} catch (e) {
  say(`cannot start the mock on 127.0.0.1:${PORT}: ${e.message}`);
  process.exit(3);
}
const Ably = require('ably');
const { ChatClient } = require('@ably/chat');

const run = (label, fn, scenario, opts = {}) => probe(label, fn, { timeout: 800, grace: 0, scenario, ...opts });
// The scenario travels in the key name (`app.<scenario>:secret`); the key is fake.
const opts = (sc, extra = {}) => ({
  key: `appid.${sc}:fakesecret`, clientId: 'u1', restHost: '127.0.0.1', realtimeHost: '127.0.0.1', port: PORT,
  tls: false, fallbackHosts: [], useBinaryProtocol: false, autoConnect: false, logLevel: 0,
  disconnectedRetryTimeout: 700, suspendedRetryTimeout: 700, realtimeRequestTimeout: 700, httpRequestTimeout: 700,
  httpMaxRetryCount: 0, ...extra,
});
function realtime(sc, extra) {
  const r = new Ably.Realtime(opts(sc, extra));
  r.connection.on((change) => { if (change && change.reason) onEvent('connection.on')(change); });
  return r;
}
const close = async (r) => { try { r.close(); } catch { /* recorded elsewhere */ } await new Promise((ok) => setTimeout(ok, 50)); };

// Realtime: connection errors, channel attach errors, a NACKed publish; REST error bodies.
async function realtimeJob() {
  const scenarios = [...Object.keys(ABLY_WS), 'close1006', 'garbage', 'silent', 'refuse-html502', 'refuse-html503', 'drop'];
  for (const sc of scenarios) {
    const r = realtime(sc);
    await run(`realtime.connect(); connection.once("connected") [${sc}]`, () => { r.connect(); return r.connection.once('connected'); }, sc, { timeout: 1500 });
    const ch = r.channels.get('room1');
    ch.on((change) => { if (change && change.reason) onEvent('channel.on')(change); });
    await run('channel.attach()', () => ch.attach(), sc, { timeout: 1500 });
    await run('channel.publish("m", "hi")', () => ch.publish('m', 'hi'), sc, { timeout: 1500 });
    await close(r);
  }
  for (const [label, extra] of [['closed port', { port: PORTS.closed }], ['default host (DNS refused)', { realtimeHost: undefined, restHost: undefined, port: undefined, tls: true }],
    ['silent TCP listener', { port: PORTS.silentTcp }]]) {
    const r = realtime('ok', extra);
    await run(`realtime.connect(); connection.once("connected") [${label}]`, () => { r.connect(); return r.connection.once('connected'); }, label, { timeout: 2000 });
    await close(r);
  }
}

async function restJob() {
  const scenarios = [...Object.keys(ABLY_HTTP), 'html502', 'html503', 'empty500', 'trunc400', 'truncxfer', 'drop'];
  for (const sc of scenarios) {
    const rest = new Ably.Rest(opts(sc));
    await run(`rest.channels.get("room1").history() [${sc}]`, () => rest.channels.get('room1').history(), sc);
    await run('rest.channels.get("room1").publish("m","hi")', () => rest.channels.get('room1').publish('m', 'hi'), sc);
    await run('rest.stats()', () => rest.stats(), sc);
    await run('rest.auth.requestToken()', () => rest.auth.requestToken(), sc);
  }
  // Token errors from the application's own auth: a callback that fails, an authUrl that answers 401.
  const cbs = [['authCallback that fails', (_p, cb) => cb('token server down', null)],
    ['authCallback that throws', () => { throw new Error('auth blew up'); }],
    ['authCallback that returns a malformed token', (_p, cb) => cb(null, 12)]];
  for (const [label, authCallback] of cbs) {
    const r = realtime('ok', { key: undefined, authCallback });
    await run(`realtime.connect() with ${label}`, () => { r.connect(); return r.connection.once('connected'); }, 'ok', { timeout: 1500 });
    await close(r);
  }
  const r = realtime('ok', { key: undefined, authUrl: `http://127.0.0.1:${PORT}/auth`, authHeaders: { Authorization: `Basic ${Buffer.from('appid.rest40101:x').toString('base64')}` } });
  await run('realtime.connect() with an authUrl answering 401', () => { r.connect(); return r.connection.once('connected'); }, 'rest40101', { timeout: 1500 });
  await close(r);
}

// @ably/chat on a realtime client: rooms against attach errors, then odd arguments.
async function chatJob() {
  for (const sc of ['ok', ...Object.keys(ABLY_WS).filter((k) => k.startsWith('attach-')), 'error40142', 'disconnected80003']) {
    const r = realtime(sc);
    r.connect();
    const chat = new ChatClient(r, { logLevel: 'silent' });
    let room;
    await run(`chat.rooms.get("room1") [${sc}]`, async () => { room = await chat.rooms.get('room1'); }, sc, { timeout: 1500 });
    if (room) {
      room.onDiscontinuity?.(onEvent('room.onDiscontinuity'));
      await run('room.attach()', () => room.attach(), sc, { timeout: 1500 });
      await run('room.messages.send({text:"hi"})', () => room.messages.send({ text: 'hi' }), sc, { timeout: 1500 });
      await run('room.presence.enter()', () => room.presence.enter(), sc, { timeout: 1500 });
      await run('room.typing.keystroke()', () => room.typing.keystroke(), sc, { timeout: 1500 });
      await run('chat.rooms.get("room1") again with other options', () => chat.rooms.get('room1', { typing: { heartbeatThrottleMs: 1 } }), sc);
    }
    await run('chat.rooms.release("room1")', () => chat.rooms.release('room1'), sc, { timeout: 1500 });
    await close(r);
  }
  const r = realtime('silent');
  await run('new ChatClient(null)', () => new ChatClient(null), 'silent');
  await run('new ChatClient(realtime without clientId)', () => new ChatClient(new Ably.Realtime(opts('silent', { clientId: undefined }))), 'silent');
  const chat = new ChatClient(r, { logLevel: 'silent' });
  const room = await chat.rooms.get('room2');
  for (const [name, obj] of [['room', room], ['room.messages', room.messages], ['room.presence', room.presence],
    ['room.typing', room.typing], ['room.reactions', room.reactions], ['room.occupancy', room.occupancy]]) {
    await sweep(obj, name, (l, f) => run(l, f, 'silent', { timeout: 300 }), {
      skip: (n) => ['on', 'off', 'subscribe', 'unsubscribe', 'onStatusChange', 'onDiscontinuity', 'offAll'].includes(n),
      args: [[], [null], [''], [{}], [-1]],
    });
  }
  await close(r);
}

const jobs = { realtime: realtimeJob, rest: restJob, chat: chatJob };
try {
  await jobs[process.argv[3]]();
} catch (e) {
  say(`driver failed: ${e && e.stack}`);
}
await drain(1000);
await closeMock();
finish({ traffic: { allowed: Object.fromEntries(traffic.allowed), blocked: Object.fromEntries(traffic.blocked), urls: Object.fromEntries(traffic.urls) } });
