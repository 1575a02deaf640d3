// Drives zego-zim-web (under the jsdom page of env.mjs) into the errors it produces without a
// server. ZIM cannot be pointed at 127.0.0.1: it builds its WebSocket hosts from the appID and
// built-in domains (no host option), speaks a binary protobuf protocol, and checks the token's
// format before it connects; the loopback guard refuses any host it tries.
// Usage: node zego.mjs OUT.jsonl SCENARIO
import { require, setupDom, traffic } from './env.mjs';
import { probe, quiet, finish, say, drain } from './record.mjs';
import { sweep } from './sweep.mjs';

quiet();
setupDom();
const scenario = process.argv[3];
const { ZIM } = require('zego-zim-web');
const APP = 1234567890;
// Calls that log in, tear down or only register listeners are driven on purpose, not swept.
const NO_SWEEP = new Set(['login', 'logout', 'destroy', 'on', 'off', 'create', 'getInstance', 'setLogConfig', 'setCacheConfig', 'setAdvancedConfig', 'setGeofencingConfig', 'uploadLog']);
const ARGS = [[], [null], [0], [''], ['x'], [{}], [[]], ['u2', 0], [['u2'], {}], [{ type: 1, message: 'x' }, 'u2', 0, { priority: 1 }]];

async function offline() {
  await probe('ZIM.create({appID:0})', () => ZIM.create({ appID: 0, appSign: '' }), { timeout: 500 });
  const zim = ZIM.create({ appID: APP, appSign: '' });
  await probe('ZIM.create again', () => ZIM.create({ appID: APP, appSign: '' }), { timeout: 500 });
  for (const [d, a] of [['()', []], ['("")', ['']], ['("u1")', ['u1']], ['("u1",{})', ['u1', {}]], ['("u1",{token:""})', ['u1', { userName: 'u1', token: '' }]],
    ['("u1",{token:"tok"})', ['u1', { userName: 'u1', token: 'tok' }]], ['("u1","tok")', ['u1', 'tok']], ['(long id)', ['u'.repeat(40), { userName: 'u1', token: 'tok' }]],
    ['("u 1",{token:"tok"})', ['u 1', { userName: 'u1', token: 'tok' }]]]) {
    await probe(`zim.login${d}`, () => zim.login(...a), { timeout: 2000 });
  }
  await sweep(zim, 'zim', (label, fn) => probe(label, fn, { timeout: 600, grace: 0 }), { skip: (n) => NO_SWEEP.has(n), args: ARGS });
  await probe('zim.logout() (not logged in)', () => zim.logout(), { timeout: 1000 });
  await probe('zim.destroy()', () => zim.destroy(), { timeout: 1000 });
  await probe('zim.queryUsersInfo after destroy', () => zim.queryUsersInfo(['u2'], { isQueryFromServer: true }), { timeout: 1000 });
  await probe('zim.login after destroy', () => zim.login('u1', { userName: 'u1', token: 'tok' }), { timeout: 1000 });
}

const jobs = { offline };
if (!jobs[scenario]) { say(`unknown scenario ${scenario}`); process.exit(2); }
const limit = setTimeout(() => { say('zego driver over its own limit'); finish({ traffic: summary() }); }, 200_000);
await jobs[scenario]();
await drain(1000);
clearTimeout(limit);
finish({ traffic: summary() });

function summary() {
  return { allowed: Object.fromEntries(traffic.allowed), blocked: Object.fromEntries(traffic.blocked), urls: Object.fromEntries(traffic.urls) };
}
