// Drives @twilio/conversations (and twilsock beneath it) into its error paths against the loopback
// Twilsock mock (ta-mock.mjs). Usage: node twilio.mjs OUT.jsonl JOB MOCK_PORT_INDEX
import { require, traffic } from './env.mjs';
import { probe, quiet, finish, onEvent, say, drain, setSerialiser } from './record.mjs';
import { PORTS, mockPort } from './listeners.mjs';
import { startTaMock, TW_INIT, TW_UPSTREAM } from './ta-mock.mjs';
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
const { Client } = require('@twilio/conversations');

// A token of the form the SDK expects (header.payload.signature, JSON inside); fake, unsigned.
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
const TOKEN = `${b64({ alg: 'HS256', typ: 'JWT', cty: 'twilio-fpa;v=1' })}.${b64({
  jti: 'SK00-1', iss: 'SK00', sub: 'AC00', exp: 1796226019,
  grants: { identity: 'u1', chat: { service_sid: 'IS00' } },
})}.c2lnbmF0dXJl`;
const uri = (sc) => `ws://127.0.0.1:${PORT}/tw/${sc}/v3/wsconnect`;
const EVENTS = ['connectionError', 'initFailed', 'tokenExpired', 'tokenAboutToExpire'];
const run = (label, fn, scenario, opts = {}) => probe(label, fn, { timeout: 600, grace: 0, scenario, ...opts });

function client(sc, opts = {}) {
  const c = new Client(TOKEN, { twilsock: { uri: opts.uri ?? uri(sc) }, logLevel: 'silent',
    retryPolicy: { min: 200, max: 400, randomness: 0 }, ...opts });
  for (const ev of EVENTS) c.on(ev, onEvent(`client.on("${ev}")`));
  return c;
}
async function shutdown(c) {
  try { await Promise.race([c.shutdown(), new Promise((r) => setTimeout(r, 500))]); } catch { /* recorded elsewhere */ }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Every Twilsock answer and transport fault, with the calls an app makes first.
async function connect() {
  const scenarios = [...Object.keys(TW_INIT), ...TW_UPSTREAM.map(([c]) => `upstream${c}`),
    'close410', 'close406', 'close1006', 'garbage', 'refuse-html502', 'refuse-html503', 'drop', 'silent'];
  for (const sc of scenarios) {
    let c;
    await run(`new Client(token, {twilsock:{uri}}) [${sc}]`, async () => { c = client(sc); await sleep(900); }, sc, { timeout: 1200 });
    await run('client.getSubscribedConversations()', () => c.getSubscribedConversations(), sc, { timeout: 900 });
    await run('client.getConversationBySid("CH00")', () => c.getConversationBySid('CH00'), sc, { timeout: 900 });
    await run('client.createConversation({uniqueName:"c1"})', () => c.createConversation({ uniqueName: 'c1' }), sc, { timeout: 900 });
    await run('client.updateToken(token)', () => c.updateToken(TOKEN), sc, { timeout: 900 });
    await shutdown(c);
  }
  for (const [label, u] of [['closed port', `ws://127.0.0.1:${PORTS.closed}/v3/wsconnect`],
    ['default host (DNS refused)', undefined], ['silent TCP listener', `ws://127.0.0.1:${PORTS.silentTcp}/v3/wsconnect`]]) {
    let c;
    await run(`new Client(token, {twilsock:{uri}}) [${label}]`, async () => {
      c = new Client(TOKEN, { ...(u ? { twilsock: { uri: u } } : {}), logLevel: 'silent', retryPolicy: { min: 200, max: 400, randomness: 0 } });
      for (const ev of EVENTS) c.on(ev, onEvent(`client.on("${ev}")`));
      await sleep(900);
    }, label, { timeout: 1200 });
    await run('client.getSubscribedConversations()', () => c.getSubscribedConversations(), label, { timeout: 900 });
    await shutdown(c);
  }
}

// Odd constructor arguments, then every method of a client that never connected.
async function sweeps() {
  for (const [label, args] of [['new Client()', []], ['new Client("")', ['']], ['new Client(null)', [null]],
    ['new Client("not-a-jwt", {twilsock:{uri}})', ['not-a-jwt', { twilsock: { uri: uri('silent') } }]]]) {
    await run(label, () => { const c = new Client(...args); setTimeout(() => shutdown(c), 300); }, 'silent');
  }
  const c = client('silent');
  await sweep(c, 'client', (l, f) => run(l, f, 'silent', { timeout: 300 }), {
    skip: (n) => ['shutdown', 'on', 'off', 'once', 'addListener', 'removeListener', 'removeAllListeners', 'emit', 'prependListener', 'prependOnceListener'].includes(n),
    args: [[], [null], [''], [{}], [-1]],
  });
  await shutdown(c);
  await run('client.getSubscribedConversations() after shutdown', () => c.getSubscribedConversations(), 'silent');
}

const jobs = { connect, sweeps };
try {
  await jobs[process.argv[3]]();
} catch (e) {
  say(`driver failed: ${e && e.stack}`);
}
await drain(1000);
await closeMock();
finish({ traffic: { allowed: Object.fromEntries(traffic.allowed), blocked: Object.fromEntries(traffic.blocked), urls: Object.fromEntries(traffic.urls) } });
