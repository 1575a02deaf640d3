// Drives @cometchat/chat-sdk-javascript into its error paths. Usage: node cometchat.mjs OUT.jsonl SCENARIO
import { setupDom, require, traffic } from './env.mjs';
import { probe, quiet, finish, onEvent, waitIn, say, drain } from './record.mjs';
import { PORTS } from './listeners.mjs';

setupDom();
quiet();
const { CometChat } = require('@cometchat/chat-sdk-javascript');
const CC = CometChat;
const APP_ID = 'cc-app-1';
const host = (port) => `127.0.0.1:${port}`;
let phase = 'preinit';

const isErr = (v) => v instanceof CC.CometChatException || v instanceof Error;
const run = (label, fn, opts = {}) => probe(`${label} [${phase}]`, fn, { returned: isErr, timeout: 10, grace: 0, ...opts });

// ---- argument descriptions (the call label says exactly what was passed) ----
const LONG = 'u'.repeat(300);
const desc = (v) => {
  if (v === LONG) return "'u'x300";
  if (v && typeof v === 'object' && v.__desc) return v.__desc;
  if (typeof v === 'function') return 'fn';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return JSON.stringify(v);
  return JSON.stringify(v);
};
const tag = (obj, d) => Object.defineProperty(obj, '__desc', { value: d, enumerable: false });
const call = (recv, name, args) => `${recv}.${name}(${args.map(desc).join(', ')})`;

// Bad argument sets tried on every method.
const ARG_SETS = [
  [], [null], [12345], [-1], [''], ['   '], [LONG], [true], [{}], [[]],
  ['cc-user-1'], ['cc-user-1', ''], ['cc-user-1', 'planet'], ['cc-user-1', 'user', 'x'],
  [1, 'cc-user-1', 'planet', 'cc-user-2'], ['cc-group-1', 'cc-user-1', 'king'], [12345, LONG],
];
// Methods that change global SDK state or start timers: driven separately, not swept.
const NOT_SWEPT = new Set(['init', 'initFromSettings', 'login', 'logout', 'setAuthToken', 'setMode',
  'clearCache', 'connect', 'disconnect', 'tryReconnectingToWS', 'startWSReconnectionTimer',
  'startAnalyticsPingTimer', 'pingAnalytics', 'beforeUnload', 'getInstance', 'initializeStorage',
  'pushToLoginListener', 'setSource', 'setDemoMetaInfo', 'onStorageEvent', 'startCall', 'WSLogin',
  'updateJWT', 'clearAnalyticsPingTimer', 'clearWSReconnectionTimer']);
const STATICS = Object.keys(CC).filter((k) => typeof CC[k] === 'function' && /^[a-z]/.test(k) && !NOT_SWEPT.has(k));
const HELPER = CC.CometChatHelper;
const HELPERS = Object.getOwnPropertyNames(HELPER).filter((k) => typeof HELPER[k] === 'function' && /^[a-z]/.test(k));

async function sweepStatics() {
  for (const name of STATICS) for (const args of ARG_SETS) await run(call('CometChat', name, args), () => CC[name](...args));
  for (const name of HELPERS) for (const args of ARG_SETS) await run(call('CometChatHelper', name, args), () => HELPER[name](...args));
}

// ---- model objects with one bad field ----
function models() {
  const m = [];
  const add = (d, make) => m.push([d, make]);
  add('TextMessage receiverType "planet"', () => new CC.TextMessage('cc-user-2', 'hi', 'planet'));
  add('TextMessage receiverId ""', () => new CC.TextMessage('', 'hi', 'user'));
  add('TextMessage receiverId 123', () => new CC.TextMessage(123, 'hi', 'user'));
  add('TextMessage text ""', () => new CC.TextMessage('cc-user-2', '', 'user'));
  add('TextMessage text null', () => new CC.TextMessage('cc-user-2', null, 'user'));
  add('TextMessage group receiver ""', () => new CC.TextMessage('', 'hi', 'group'));
  add('TextMessage parentMessageId "x"', () => { const t = new CC.TextMessage('cc-user-2', 'hi', 'user'); t.setParentMessageId('x'); return t; });
  add('TextMessage metadata "x"', () => { const t = new CC.TextMessage('cc-user-2', 'hi', 'user'); t.setMetadata('x'); return t; });
  add('TextMessage tags "x"', () => { const t = new CC.TextMessage('cc-user-2', 'hi', 'user'); t.setTags('x'); return t; });
  add('TextMessage valid', () => new CC.TextMessage('cc-user-2', 'hi', 'user'));
  add('MediaMessage file null', () => new CC.MediaMessage('cc-user-2', null, 'image', 'user'));
  add('MediaMessage type "planet"', () => new CC.MediaMessage('cc-user-2', null, 'planet', 'user'));
  add('MediaMessage receiverType "planet"', () => new CC.MediaMessage('cc-user-2', null, 'image', 'planet'));
  add('MediaMessage attachment without extension', () => {
    const mm = new CC.MediaMessage('cc-user-2', null, 'image', 'user');
    mm.setAttachment(new CC.Attachment({ name: 'a', url: 'https://127.0.0.1:' + PORTS.closed + '/a', mimeType: 'image/png', size: 1 }));
    return mm;
  });
  add('MediaMessage attachment without url', () => {
    const mm = new CC.MediaMessage('cc-user-2', null, 'image', 'user');
    mm.setAttachment(new CC.Attachment({ name: 'a', extension: 'png', mimeType: 'image/png', size: 1 }));
    return mm;
  });
  add('MediaMessage file "x" (a string)', () => new CC.MediaMessage('cc-user-2', 'x', 'file', 'user'));
  add('MediaMessage File 1 byte', () => new CC.MediaMessage('cc-user-2', new window.File(['x'], 'a.txt', { type: 'text/plain' }), 'file', 'user'));
  add('MediaMessage files []', () => new CC.MediaMessage('cc-user-2', [], 'file', 'user'));
  add('CustomMessage customType ""', () => new CC.CustomMessage('cc-user-2', 'user', '', {}));
  add('CustomMessage data "x"', () => new CC.CustomMessage('cc-user-2', 'user', 'poll', 'x'));
  add('CustomMessage receiverType "planet"', () => new CC.CustomMessage('cc-user-2', 'planet', 'poll', {}));
  add('InteractiveMessage data null', () => new CC.InteractiveMessage('cc-user-2', 'user', 'form', null));
  add('InteractiveMessage type ""', () => new CC.InteractiveMessage('cc-user-2', 'user', '', {}));
  add('TransientMessage receiverType "planet"', () => new CC.TransientMessage('cc-user-2', 'planet', {}));
  add('TypingIndicator receiverType "planet"', () => new CC.TypingIndicator('cc-user-2', 'planet'));
  add('User uid ""', () => new CC.User(''));
  add('User uid 123', () => new CC.User(123));
  add('User name ""', () => { const u = new CC.User('cc-user-3'); u.setName(''); return u; });
  add('User tags []', () => { const u = new CC.User('cc-user-3'); u.setName('n'); u.setTags([]); return u; });
  add('User tags "x"', () => { const u = new CC.User('cc-user-3'); u.setName('n'); u.setTags('x'); return u; });
  add('User metadata "x"', () => { const u = new CC.User('cc-user-3'); u.setName('n'); u.setMetadata('x'); return u; });
  add('User valid', () => { const u = new CC.User('cc-user-3'); u.setName('n'); return u; });
  add('Group guid ""', () => new CC.Group('', 'g', 'public'));
  add('Group guid 123', () => new CC.Group(123, 'g', 'public'));
  add('Group name ""', () => new CC.Group('cc-group-1', '', 'public'));
  add('Group type "planet"', () => new CC.Group('cc-group-1', 'g', 'planet'));
  add('Group password type without password', () => new CC.Group('cc-group-1', 'g', 'password'));
  add('Group tags "x"', () => { const g = new CC.Group('cc-group-1', 'g', 'public'); g.setTags('x'); return g; });
  add('Group metadata "x"', () => { const g = new CC.Group('cc-group-1', 'g', 'public'); g.setMetadata('x'); return g; });
  add('Group valid', () => new CC.Group('cc-group-1', 'g', 'public'));
  add('GroupMember scope "king"', () => new CC.GroupMember('cc-user-1', 'king'));
  add('Call to ""', () => new CC.Call('', 'audio', 'user'));
  add('Call type "planet"', () => new CC.Call('cc-user-2', 'planet', 'user'));
  add('Call receiverType "planet"', () => new CC.Call('cc-user-2', 'audio', 'planet'));
  add('Call valid', () => new CC.Call('cc-user-2', 'audio', 'user'));
  add('AppSettings region ""', () => new CC.AppSettingsBuilder().setRegion('').build());
  add('CallSettings without session id', () => new CC.CallSettingsBuilder().build());
  add('Conversation {}', () => new CC.Conversation());
  add('{receiverType "planet"}', () => ({ receiverId: 'cc-user-2', receiverType: 'planet', text: 'hi' }));
  return m;
}
const MODEL_TAKERS = ['sendMessage', 'sendDirectMessage', 'sendGroupMessage', 'sendMediaMessage', 'sendCustomMessage',
  'sendInteractiveMessage', 'sendTransientMessage', 'startTyping', 'endTyping', 'editMessage', 'markAsRead',
  'markAsDelivered', 'markAsUnread', 'markMessageAsUnread', 'createUser', 'updateUser', 'updateCurrentUserDetails',
  'createGroup', 'updateGroup', 'createGroupWithMembers', 'initiateCall', 'getConversationFromMessage'];

async function sweepModels() {
  for (const [d, make] of models()) {
    let obj;
    try { obj = tag(make(), d); } catch (err) {
      await run(`new ${d.split(' ')[0]}(${d})`, () => { throw err; });
      continue;
    }
    for (const name of MODEL_TAKERS) {
      const target = CC[name] ? CC : HELPER;
      const recv = CC[name] ? 'CometChat' : 'CometChatHelper';
      if (!target[name]) continue;
      for (const extra of [[], ['authkey'], [[]], [[tag(new CC.GroupMember('cc-user-1', 'king'), 'GroupMember scope "king"')]]]) {
        if (extra.length && !/create|update|Group/.test(name)) continue;
        await run(call(recv, name, [obj, ...extra]), () => target[name](obj, ...extra));
      }
    }
  }
}

// ---- request builders: one bad setter value, then build() and fetch ----
const BUILDERS = {
  UsersRequestBuilder: () => new CC.UsersRequestBuilder(),
  GroupsRequestBuilder: () => new CC.GroupsRequestBuilder(),
  GroupMembersRequestBuilder: () => new CC.GroupMembersRequestBuilder('cc-group-1'),
  BannedMembersRequestBuilder: () => new CC.BannedMembersRequestBuilder('cc-group-1'),
  BlockedUsersRequestBuilder: () => new CC.BlockedUsersRequestBuilder(),
  ConversationsRequestBuilder: () => new CC.ConversationsRequestBuilder(),
  MessagesRequestBuilder: () => new CC.MessagesRequestBuilder().setUID('cc-user-1'),
  ReactionsRequestBuilder: () => new CC.ReactionsRequestBuilder().setMessageId(1),
  ThreadsRequestBuilder: () => new CC.ThreadsRequestBuilder(),
  NotificationFeedRequestBuilder: () => new CC.NotificationFeedRequestBuilder(),
  NotificationCategoriesRequestBuilder: () => new CC.NotificationCategoriesRequestBuilder(),
};
const PREFIX = { GroupMembersRequestBuilder: "('cc-group-1')", BannedMembersRequestBuilder: "('cc-group-1')",
  MessagesRequestBuilder: '().setUID("cc-user-1")', ReactionsRequestBuilder: '().setMessageId(1)' };
const BAD_VALUES = [LONG, 12345, '   ', '', null, -5, true, {}, []];

function fetchers(req) {
  const p = Object.getPrototypeOf(req);
  return ['fetchNext', 'fetchPrevious'].filter((f) => typeof p[f] === 'function');
}

// fetchNext() then fetchPrevious() on the same request (the second may find the first still pending).
async function fetchAll(req, label) {
  let chain = label;
  for (const f of fetchers(req)) { chain = `${chain}.${f}()`; await run(chain, () => req[f]()); }
}

async function sweepBuilders() {
  for (const [bname, make] of Object.entries(BUILDERS)) {
    const head = `new ${bname}${PREFIX[bname] || '()'}`;
    const setters = Object.getOwnPropertyNames(Object.getPrototypeOf(make()))
      .filter((k) => k !== 'constructor' && k !== 'build' && typeof make()[k] === 'function').sort();
    // No setter at all, and limit only.
    for (const chain of [[], [['setLimit', 30]]]) {
      let req = null;
      const label = `${head}${chain.map(([s]) => `.${s}(n)`).join('')}.build()`;
      await run(label, () => { let b = make(); for (const [s, v] of chain) b = b[s](v); req = b.build(); });
      if (req) await fetchAll(req, label);
    }
    for (const setter of setters) {
      for (const v of BAD_VALUES) {
        let req = null;
        const label = `${head}.setLimit(n).${setter}(${desc(v)}).build()`;
        await run(label, () => { let b = make(); if (setter !== 'setLimit' && b.setLimit) b = b.setLimit(30); b = b[setter](v) ?? b; req = b.build(); });
        if (req) await fetchAll(req, label);
      }
    }
  }
  await run('new GroupMembersRequestBuilder(123).setLimit(n).build()', () => new CC.GroupMembersRequestBuilder(123).setLimit(30).build());
  await run('new GroupMembersRequestBuilder().setLimit(n).build().fetchNext()', () => new CC.GroupMembersRequestBuilder().setLimit(30).build().fetchNext());
  await run('new BannedMembersRequestBuilder("").setLimit(n).build().fetchNext()', () => new CC.BannedMembersRequestBuilder('').setLimit(30).build().fetchNext());
  await run('new MessagesRequestBuilder().setLimit(n).build().fetchPrevious()', () => new CC.MessagesRequestBuilder().setLimit(30).build().fetchPrevious());
  await run('new ReactionsRequestBuilder().setLimit(n).build().fetchNext()', () => new CC.ReactionsRequestBuilder().setLimit(10).build().fetchNext());
}

// ---- calls, uploads, listeners ----
async function sweepCalls() {
  const listener = new CC.OngoingCallListener({ onError: onEvent('OngoingCallListener.onError') });
  for (const [d, settings] of [['null', null], ['CallSettings without session id', new CC.CallSettingsBuilder().build()],
    ['CallSettings session "s1"', new CC.CallSettingsBuilder().setSessionID('s1').build()]]) {
    for (const el of [null, document.body]) {
      const p = await run(`CometChat.startCall(${d}, ${el ? 'document.body' : 'null'}, OngoingCallListener)`,
        () => CC.startCall(settings, el, listener), { timeout: 1500, grace: 50 });
      await waitIn(p, 50);
    }
  }
  await run('CometChat.startCall("token-x", document.body, OngoingCallListener)', () => CC.startCall('token-x', document.body, listener), { timeout: 1500, grace: 50 });
  for (const name of ['addConnectionListener', 'addMessageListener', 'addUserListener', 'addGroupListener', 'addCallListener', 'addLoginListener']) {
    await run(`CometChat.${name}("id", null)`, () => CC[name]('id', null));
    await run(`CometChat.${name}(null, {})`, () => CC[name](null, {}));
  }
  const file = new window.File(['x'], 'a.txt', { type: 'text/plain' });
  for (const [d, args] of [['null, null', [null, null]], ['File, {}', [file, {}]], ['File, UploadFileListener', [file, new CC.UploadFileListener({ onError: onEvent('UploadFileListener.onError') })]]]) {
    let req = null;
    await run(`CometChat.createUploadFileRequest(${d})`, () => { req = CC.createUploadFileRequest(...args); return req; });
    if (req) for (const m of ['upload', 'start', 'send']) if (typeof req[m] === 'function') await run(`UploadFileRequest(${d}).${m}()`, () => req[m](), { timeout: 1500 });
  }
}

// ---- login paths ----
async function loginPaths(extra = '') {
  const lbl = (a) => `CometChat.login(${a.map(desc).join(',')})${extra}`;
  // login(null) is left for the very end: it throws inside the SDK and leaves "login in progress" set for good.
  for (const a of [[], [''], [{ authToken: '' }], ['cc-user-1', ''], ['', 'authkey'], ['cc-user-1', 'authkey', 'x'],
    [{ username: 'cc-user-1', apiKey: '' }], [{}], [123], ['cc-user-1'], [{ username: 'cc-user-1' }]]) {
    await run(lbl(a), () => CC.login(...a), { timeout: 3000, grace: 20 });
  }
}

async function initWith(label, hostPort, args) {
  const settings = hostPort === undefined ? undefined : new CC.AppSettingsBuilder().setRegion('eu')
    .overrideClientHost(hostPort).overrideAdminHost(hostPort).build();
  return run(label, () => CC.init(...(args ?? [APP_ID, settings])), { timeout: 3000, grace: 20 });
}

// Each scenario runs in its own process (fresh SDK state, fresh in-memory IndexedDB).
const SCENARIOS = {
  // Before init, then initialised against a closed port without a login.
  async 'preinit-init'() {
    await run('CometChat.login("cc-user-1","authkey") before init', () => CC.login('cc-user-1', 'authkey'), { timeout: 3000 });
    await run('CometChat.login("auth-token") before init', () => CC.login('auth-token'), { timeout: 3000 });
    await sweepStatics();
    await sweepModels();
    await sweepBuilders();
    for (const a of [[null, tag(new CC.AppSettingsBuilder().build(), 'AppSettings')], [], [''], [123], [{}], [APP_ID, 'x'], [APP_ID, {}], ['', tag(new CC.AppSettingsBuilder().build(), 'AppSettings')]]) {
      await initWith(`CometChat.init(${a.map(desc).join(', ')})`, null, a);
    }
    await run('CometChat.initFromSettings(null)', () => CC.initFromSettings(null), { timeout: 3000 });
    await run('CometChat.initFromSettings({})', () => CC.initFromSettings({}), { timeout: 3000 });
    await run('CometChat.logout() before init', () => CC.logout(), { timeout: 3000 });
    phase = 'init';
    await initWith(`CometChat.init("${APP_ID}", AppSettings hosts 127.0.0.1:${PORTS.closed})`, host(PORTS.closed));
    await sweepStatics();
    await sweepModels();
    await sweepBuilders();
    await sweepCalls();
    await run('CometChat.getJWT()', () => CC.getJWT());
    await run('CometChat.logout() not logged in', () => CC.logout(), { timeout: 3000 });
    await loginPaths();
    // Two logins at once: the second is refused while the first is in flight.
    await run('CometChat.login(authToken) while another login in progress', () => {
      CC.login('auth-token-1').catch(() => {});
      return CC.login('auth-token-2');
    }, { timeout: 3000 });
    await run('localStorage.clear() then CometChat.login("auth-token")', () => { localStorage.clear(); return CC.login('auth-token'); }, { timeout: 3000, grace: 50 });
  },
  // A login with a token fails on the closed port; the SDK keeps the token, so calls go out and fail.
  async 'failed-login'() {
    await initWith(`CometChat.init("${APP_ID}", AppSettings hosts 127.0.0.1:${PORTS.closed})`, host(PORTS.closed));
    phase = 'after-failed-login';
    await run('CometChat.login("bad-auth-token") against closed port', () => CC.login('bad-auth-token'), { timeout: 5000, grace: 50 });
    await sweepStatics();
    await sweepModels();
    await sweepBuilders();
    await sweepCalls();
    await run('CometChat.getJWT()', () => CC.getJWT(), { timeout: 3000 });
    await run('CometChat.login("cc-user-1","authkey") after the failed token login', () => CC.login('cc-user-1', 'authkey'), { timeout: 3000, grace: 50 });
    await run('CometChat.login("cc-user-1","authkey") again', () => CC.login('cc-user-1', 'authkey'), { timeout: 3000 });
    await run('CometChat.logout()', () => CC.logout(), { timeout: 3000 });
    await run('CometChat.clearCache()', () => CC.clearCache(), { timeout: 3000 });
  },
  // Login with uid + auth key while another is in flight, then login(null).
  async 'login-races'() {
    phase = 'init';
    await initWith(`CometChat.init("${APP_ID}", AppSettings hosts 127.0.0.1:${PORTS.closed})`, host(PORTS.closed));
    await run('CometChat.login(uid,authKey) while another login in progress', () => {
      CC.login('cc-user-1', 'authkey').catch(() => {});
      return CC.login('cc-user-1', 'authkey');
    }, { timeout: 3000 });
    await run('CometChat.login(null)', () => CC.login(null), { timeout: 2000, grace: 50 });
    await run('CometChat.login("cc-user-1","authkey") after login(null) threw', () => CC.login('cc-user-1', 'authkey'), { timeout: 2000 });
  },
};
// A listener that accepts TCP and never answers (TLS never completes; fetch gives up after its
// connect timeout), and one that closes each connection at once.
for (const [key, p, what] of [['silent-tcp', PORTS.silentTcp, 'silent TCP listener'], ['reset-tcp', PORTS.resetTcp, 'TCP listener that closes at once']]) {
  SCENARIOS[key] = async () => {
    phase = `${what} 127.0.0.1:${p}`;
    await initWith(`CometChat.init("${APP_ID}", AppSettings hosts 127.0.0.1:${p})`, host(p));
    await run('CometChat.login("bad-auth-token")', () => CC.login('bad-auth-token'), { timeout: 500 });
    await run('CometChat.login("cc-user-1","authkey") while the first login waits', () => CC.login('cc-user-1', 'authkey'), { timeout: 500 });
    await run('CometChat.getUser("cc-user-2")', () => CC.getUser('cc-user-2'), { timeout: 500 });
    await run('CometChat.sendMessage(TextMessage valid)', () => CC.sendMessage(new CC.TextMessage('cc-user-2', 'hi', 'user')), { timeout: 500 });
    await run('CometChat.getJWT()', () => CC.getJWT(), { timeout: 500 });
    await run('CometChat.callExtension("polls","POST","v1/create",{})', () => CC.callExtension('polls', 'POST', 'v1/create', {}), { timeout: 500 });
    await drain(15000);
  };
}

async function main() {
  CC.addLoginListener('capture', new CC.LoginListener({ loginFailure: onEvent('LoginListener.loginFailure'), logoutFailure: onEvent('LoginListener.logoutFailure') }));
  const name = process.argv[3];
  if (!SCENARIOS[name]) throw new Error(`unknown scenario ${name}; one of ${Object.keys(SCENARIOS).join(', ')}`);
  await SCENARIOS[name]();
  await drain(3000);
  finish({ sdk: 'cometchat', scenario: name, traffic: Object.fromEntries(Object.entries(traffic).map(([k, m]) => [k, Object.fromEntries(m)])) });
}

main().catch((e) => { say(`cometchat driver failed: ${e.stack}`); process.exit(1); });
