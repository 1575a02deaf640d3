// Drives agora-chat into its error paths. Usage: node agora.mjs OUT.jsonl SCENARIO
import { setupDom, require, traffic } from './env.mjs';
import { probe, quiet, finish, onEvent, waitIn, say, drain } from './record.mjs';
import { PORTS } from './listeners.mjs';

setupDom();
quiet(); // before the SDK loads: its logger binds console methods at load time
const AC = require('agora-chat').default;
const APP_KEY = 'realclient#test';
const LONG = 'u'.repeat(300);
const http = (port) => `http://127.0.0.1:${port}`;
const ws = (port) => `ws://127.0.0.1:${port}/websocket`;

// Error objects come back as plain objects ({type, message, ...}) or native Errors.
// (a resolved {type: 0, ...} is a success answer; type 0 is only an error when rejected or reported)
const isErr = (v) => v instanceof Error || (v && typeof v === 'object' && 'type' in v && 'message' in v && v.type !== 0);
const run = (label, fn, opts = {}) => probe(label, fn, { returned: isErr, timeout: 20, grace: 0, ...opts });

const desc = (v) => (v === LONG ? "'u'x300" : typeof v === 'function' ? 'fn' : v === undefined ? 'undefined' : JSON.stringify(v));

function connect(name, options, what) {
  const conn = new AC.connection(options);
  conn.listen({ onError: onEvent(`${name}.listen.onError`) });
  conn.addEventHandler('capture', {
    onError: onEvent(`${name}.eventHandler.onError`),
    onDisconnected: (reason) => { if (reason !== undefined) onEvent(`${name}.eventHandler.onDisconnected`)(reason); },
  });
  return { conn, name: `${name}(${what})` };
}

// Methods that are driven on purpose elsewhere (they open/close the connection or loop forever).
const NOT_SWEPT = new Set(['constructor', 'open', 'close', 'reconnect', 'heartBeat', 'stopHeartBeat', 'listen',
  'addEventHandler', 'removeEventHandler', 'usePlugin', 'clear', 'resetConnState', 'tokenExpireTimeCountDown',
  'closeByTokenExpired', 'onShow', 'clearTokenTimeout']);
function methods(conn) {
  const names = new Set();
  for (let p = conn; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    // on* are the listeners that listen() installed: ours, not the SDK's.
    for (const n of Object.getOwnPropertyNames(p)) if (typeof conn[n] === 'function' && !NOT_SWEPT.has(n) && !/^on[A-Z]/.test(n)) names.add(n);
  }
  return [...names].sort();
}

// Options objects with one kind of bad value for every field; success/error/fail are callbacks.
const CALLBACK_KEYS = new Set(['success', 'error', 'fail', 'onFileUploadError', 'onFileDownloadError', 'onFileUploadComplete', 'onFileDownloadComplete', 'onFileUploadProgress']);
function badParams(kind, cb) {
  const value = { empty: '', number: 12345, long: LONG, null: null }[kind];
  return new Proxy({}, {
    get(_t, key) {
      if (typeof key !== 'string') return undefined;
      if (CALLBACK_KEYS.has(key)) return cb(`params.${key}`);
      if (key === 'then' || key === 'toJSON') return undefined;
      return value;
    },
    has: (_t, key) => typeof key === 'string' && key !== 'then',
    ownKeys: () => [], getOwnPropertyDescriptor: () => undefined,
  });
}
const ARG_SETS = [
  ['', () => []], ['null', () => [null]], ['{}', () => [{}]], ['"x"', () => ['x']], ['12345', () => [12345]],
  ['{callbacks}', (cb) => [{ success: cb('params.success'), error: cb('params.error') }]],
  ["{every field ''}", (cb) => [badParams('empty', cb)]], ['{every field 12345}', (cb) => [badParams('number', cb)]],
];

async function sweep({ conn, name }, phase) {
  for (const m of methods(conn)) {
    for (const [d, args] of ARG_SETS) {
      await run(`${name}.${m}(${d})${phase ? ` ${phase}` : ""}`, (cb) => conn[m](...args(cb)));
    }
  }
}

async function openWith(c, params, label, ms) {
  const p = await run(`${c.name}.open(${label})`, (cb) => c.conn.open({ ...params, success: cb('params.success'), error: cb('params.error') }), { timeout: ms, grace: 50 });
  await waitIn(p, 50);
  return p;
}

const MESSAGES = [
  ['{}', {}], ['{type:"txt"}', { type: 'txt' }], ['{type:"planet",to:"u2"}', { type: 'planet', to: 'u2' }],
  ['{type:"txt",chatType:"planet",to:"u2",msg:"hi"}', { type: 'txt', chatType: 'planet', to: 'u2', msg: 'hi' }],
  ['{type:"txt",chatType:"singleChat",to:"",msg:"hi"}', { type: 'txt', chatType: 'singleChat', to: '', msg: 'hi' }],
  ['{type:"txt",chatType:"singleChat",to:"u2",msg:""}', { type: 'txt', chatType: 'singleChat', to: 'u2', msg: '' }],
  ['{type:"txt",chatType:"singleChat",to:"u2",msg:"hi"}', { type: 'txt', chatType: 'singleChat', to: 'u2', msg: 'hi' }],
  ['{type:"img",chatType:"singleChat",to:"u2",file:{}}', { type: 'img', chatType: 'singleChat', to: 'u2', file: {} }],
  ['{type:"file",chatType:"singleChat",to:"u2",url:closed port}', { type: 'file', chatType: 'singleChat', to: 'u2', url: `${http(PORTS.closed)}/f`, filename: 'f' }],
  ['{type:"custom",chatType:"groupChat",to:"g1",customEvent:""}', { type: 'custom', chatType: 'groupChat', to: 'g1', customEvent: '' }],
  ['{type:"cmd",chatType:"chatRoom",to:"r1",action:""}', { type: 'cmd', chatType: 'chatRoom', to: 'r1', action: '' }],
  ['{type:"combine",chatType:"singleChat",to:"u2",messageList:[]}', { type: 'combine', chatType: 'singleChat', to: 'u2', messageList: [] }],
  ['{type:"delivery",to:"u2",id:""}', { type: 'delivery', to: 'u2', id: '' }],
  ['{type:"read",chatType:"singleChat",to:"u2",id:""}', { type: 'read', chatType: 'singleChat', to: 'u2', id: '' }],
  ['{type:"channel",chatType:"singleChat",to:""}', { type: 'channel', chatType: 'singleChat', to: '' }],
];

async function sendMessages(c, phase) {
  for (const [d, m] of MESSAGES) {
    let msg = m;
    await run(`AgoraChat.message.create(${d})`, () => { msg = AC.message.create({ ...m }); return msg; });
    await run(`${c.name}.send(message.create(${d}))${phase ? ` ${phase}` : ""}`, () => c.conn.send(msg));
  }
}

const files = () => ({ filename: 'a.txt', filetype: 'txt', data: new window.File(['x'], 'a.txt', { type: 'text/plain' }) });
async function utilsPaths() {
  for (const [what, port] of [['closed port', PORTS.closed], ['connection reset', PORTS.resetTcp]]) {
    await run(`AgoraChat.utils.download({url: ${what}})`, (cb) => AC.utils.download({ url: `${http(port)}/file`, onFileDownloadComplete: cb('onFileDownloadComplete'), onFileDownloadError: cb('onFileDownloadError') }), { timeout: 3000, grace: 50 });
    await run(`AgoraChat.utils.ajax({url: ${what}})`, (cb) => AC.utils.ajax({ url: `${http(port)}/x`, type: 'GET', dataType: 'json', success: cb('success'), error: cb('error') }), { timeout: 3000, grace: 50 });
    await run(`AgoraChat.utils.uploadFile({url: ${what}})`, (cb) => AC.utils.uploadFile({ url: `${http(port)}/up`, file: files(), apiUrl: http(port), accessToken: 't', appKey: APP_KEY, onFileUploadError: cb('onFileUploadError'), onFileUploadComplete: cb('onFileUploadComplete') }), { timeout: 3000, grace: 50 });
  }
  for (const [d, args] of [['', []], ['{}', [{}]], ['{url:""}', [{ url: '' }]]]) {
    await run(`AgoraChat.utils.download(${d})`, (cb) => AC.utils.download(...args.map((a) => ({ ...a, onFileDownloadError: cb('onFileDownloadError') }))), { timeout: 1000 });
    await run(`AgoraChat.utils.uploadFile(${d})`, (cb) => AC.utils.uploadFile(...args.map((a) => ({ ...a, onFileUploadError: cb('onFileUploadError') }))), { timeout: 1000 });
  }
}

const base = (extra) => ({ appKey: APP_KEY, isHttpDNS: false, url: ws(PORTS.closed), apiUrl: http(PORTS.closed), autoReconnectNumMax: 1, ...extra });

const SCENARIOS = {
  // Constructor checks, then a connection that was never opened (appKey) and one made with an appId.
  async 'never-opened'() {
    for (const [d, o] of [['{}', {}], ['{appKey:""}', { appKey: '' }], ['{appKey:"nohash"}', { appKey: 'nohash' }], ['{appId:""}', { appId: '' }],
      ['{appId:123}', { appId: 123 }], ['{appKey, customOSPlatform:0}', { appKey: APP_KEY, customOSPlatform: 0 }]]) {
      await run(`new AgoraChat.connection(${d})`, () => new AC.connection(o));
    }
    const e = connect('connE', base(), 'appKey,isHttpDNS:false,never opened');
    await sweep(e, '');
    await sendMessages(e, '');
    const i = connect('connI', { appId: 'cc-appid', isHttpDNS: false, url: ws(PORTS.closed), apiUrl: http(PORTS.closed) }, 'appId,isHttpDNS:false,never opened');
    await sweep(i, '');
    await utilsPaths();
  },
  // Open with bad parameters and against a closed port; then everything after the failed login.
  async 'closed-port'() {
    const a = connect('connA', base(), `appKey,isHttpDNS:false,127.0.0.1 closed`);
    for (const [d, p] of [['', undefined], ['null', null], ['{}', {}], ['{user:123}', { user: 123 }], ['{user:"u1"}', { user: 'u1' }],
      ['{user:"u1", accessToken:""}', { user: 'u1', accessToken: '' }], ['{user:"u1", agoraToken:""}', { user: 'u1', agoraToken: '' }],
      ['{user:"u1", accessToken:123}', { user: 'u1', accessToken: 123 }]]) {
      await run(`${a.name}.open(${d})`, () => a.conn.open(p), { timeout: 1000 });
    }
    await openWith(a, { user: 'u1', pwd: 'p' }, '{user,pwd} -> REST token on closed port', 3000);
    await openWith(a, { user: 'u1', accessToken: 'tok' }, '{user,accessToken} -> websocket on closed port', 8000);
    await run(`${a.name}.open({user,accessToken}) while another open is in progress`, () => {
      a.conn.open({ user: 'u1', accessToken: 'tok' }).catch(() => {});
      return a.conn.open({ user: 'u1', accessToken: 'tok' });
    }, { timeout: 8000, grace: 50 });
    await sweep(a, 'after failed open');
    await sendMessages(a, 'after failed open');
    await run(`${a.name}.renewToken("x") not logged in`, () => a.conn.renewToken('x'));
    await run(`${a.name}.downloadAndParseCombineMessage({url: closed port})`, () => a.conn.downloadAndParseCombineMessage({ url: `${http(PORTS.closed)}/c`, secret: '' }), { timeout: 3000 });
    await run(`${a.name}.close() after failed open`, () => a.conn.close());
  },
  // Default HttpDNS: the DNS host is not loopback, so the guard refuses it like an unresolvable name.
  async 'httpdns'() {
    const b = connect('connB', { appKey: APP_KEY }, 'appKey, default HttpDNS hosts unresolvable');
    await openWith(b, { user: 'u1', pwd: 'p' }, '{user,pwd} -> DNS lookup fails', 8000);
    await openWith(b, { user: 'u1', accessToken: 'tok' }, '{user,accessToken} -> DNS lookup fails', 8000);
    const d = connect('connD', { appId: 'cc-appid' }, 'appId, default HttpDNS hosts unresolvable');
    await openWith(d, { user: 'u1', accessToken: 'tok' }, '{user,accessToken} -> DNS lookup fails', 8000);
    await sweep(d, 'after failed open');
  },
  // A TCP listener that never answers the REST token request (the SDK times out).
  async 'silent-tcp'() {
    const f = connect('connF', base({ apiUrl: http(PORTS.silentTcp) }), '127.0.0.1 silent listener');
    await openWith(f, { user: 'u1', pwd: 'p' }, '{user,pwd} -> REST token request never answered', 20000);
    await run(`AgoraChat.utils.ajax({url: silent listener})`, (cb) => AC.utils.ajax({ url: `${http(PORTS.silentTcp)}/x`, type: 'GET', dataType: 'json', success: cb('success'), error: cb('error') }), { timeout: 20000, grace: 50 });
  },
  // WebSocket listeners: one never sends a frame (provision timeout), one closes at once.
  async 'websocket'() {
    const g = connect('connG', base({ url: ws(PORTS.silentWs) }), '127.0.0.1 silent websocket server');
    await openWith(g, { user: 'u1', accessToken: 'tok' }, '{user,accessToken} -> provision never answered', 30000);
    await sweep(g, 'after provision timeout');
    const h = connect('connH', base({ url: ws(PORTS.closingWs) }), '127.0.0.1 websocket server that closes at once');
    await openWith(h, { user: 'u1', accessToken: 'tok' }, '{user,accessToken} -> socket closed by server', 30000);
    const t = connect('connT', base({ url: ws(PORTS.silentTcp) }), '127.0.0.1 silent TCP listener as websocket');
    await openWith(t, { user: 'u1', accessToken: 'tok' }, '{user,accessToken} -> handshake never answered', 30000);
  },
};

async function main() {
  const name = process.argv[3];
  if (!SCENARIOS[name]) throw new Error(`unknown scenario ${name}; one of ${Object.keys(SCENARIOS).join(', ')}`);
  await SCENARIOS[name]();
  await drain(3000);
  finish({ sdk: 'agora', scenario: name, statusCode: AC.statusCode, traffic: Object.fromEntries(Object.entries(traffic).map(([k, m]) => [k, Object.fromEntries(m)])) });
}
main().catch((e) => { say(`agora driver failed: ${e.stack}`); process.exit(1); });
