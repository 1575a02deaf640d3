// Browser-like globals for the vendor SDKs (jsdom + fake-indexeddb) and the loopback guard.
// Import this module before loading any SDK.
import 'fake-indexeddb/auto';
import { JSDOM } from 'jsdom';
import { createRequire } from 'node:module';
import net from 'node:net';
import dns from 'node:dns';
import { PORTS } from './listeners.mjs';

export const traffic = { allowed: new Map(), blocked: new Map(), urls: new Map() };

const bump = (map, key) => map.set(key, (map.get(key) || 0) + 1);

export function isLoopback(host) {
  if (host == null || host === '') return true; // net defaults to localhost
  const h = String(host).replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::ffff:127.0.0.1';
}

function refusal(host) {
  const err = new Error(`getaddrinfo ENOTFOUND ${host} (blocked by sdk-capture loopback guard)`);
  return Object.assign(err, { code: 'ENOTFOUND', errno: -3008, syscall: 'getaddrinfo', hostname: host });
}

// 1. Every TCP/TLS connection in this process goes through net.Socket#connect:
//    only loopback hosts may connect, any other host fails like an unresolvable name.
const origConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  let opts = args[0];
  if (Array.isArray(opts)) opts = opts[0]; // internal normalized form
  let host;
  if (opts && typeof opts === 'object') host = opts.path ? 'localhost' : opts.host;
  else if (typeof opts === 'string' && Number.isNaN(Number(opts))) host = 'localhost'; // unix path
  else host = typeof args[1] === 'string' ? args[1] : undefined;
  const port = opts && typeof opts === 'object' ? opts.port : opts;
  if (!isLoopback(host)) {
    bump(traffic.blocked, `${host}:${port}`);
    const cb = args.find((a) => typeof a === 'function');
    if (cb) this.once('connect', cb);
    process.nextTick(() => this.destroy(refusal(host)));
    return this;
  }
  bump(traffic.allowed, `${host || 'localhost'}:${port}`);
  return origConnect.apply(this, args);
};

// 2. No DNS queries for anything but loopback names.
const origLookup = dns.lookup;
dns.lookup = function guardedLookup(host, opts, cb) {
  if (typeof opts === 'function') { cb = opts; opts = {}; }
  if (!isLoopback(host)) { bump(traffic.blocked, `${host}:dns`); process.nextTick(() => cb(refusal(host))); return {}; }
  return origLookup.call(this, host, opts, cb);
};
const origPLookup = dns.promises.lookup;
dns.promises.lookup = async (host, opts) => {
  if (!isLoopback(host)) { bump(traffic.blocked, `${host}:dns`); throw refusal(host); }
  return origPLookup(host, opts);
};

// 3. Log every URL the SDKs ask for (fetch, XMLHttpRequest, WebSocket).
export function logUrl(kind, url) {
  let host = '?';
  try { host = new URL(String(url)).host; } catch { /* relative or invalid */ }
  bump(traffic.urls, `${kind} ${host}`);
}

// The page itself is served from the closed port: relative URLs the SDKs build go nowhere.
export function setupDom() {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: `http://127.0.0.1:${PORTS.closed}/`, pretendToBeVisual: true,
  });
  const w = dom.window;
  const XHR = w.XMLHttpRequest;
  const origOpen = XHR.prototype.open;
  XHR.prototype.open = function (method, url, ...rest) { logUrl('xhr', url); return origOpen.call(this, method, url, ...rest); };
  const JsdomWS = w.WebSocket;
  class GuardedWebSocket extends JsdomWS {
    constructor(url, ...rest) { logUrl('ws', url); super(url, ...rest); }
  }
  w.WebSocket = GuardedWebSocket;
  const nodeFetch = globalThis.fetch;
  // Node's fetch has no document: a relative `referrer` (CometChat sends "no-referrer") would be
  // rejected as an invalid URL before any connection. Resolve it against the page like a browser.
  const guardedFetch = (input, init) => {
    logUrl('fetch', typeof input === 'string' ? input : input?.url ?? input);
    if (init && typeof init.referrer === 'string' && init.referrer !== '' && !/^[a-z]+:/i.test(init.referrer)) {
      init = { ...init, referrer: new URL(init.referrer, w.document.baseURI).href };
    }
    return nodeFetch(input, init);
  };
  w.fetch = guardedFetch;
  const globals = {
    window: w, self: w, document: w.document, navigator: w.navigator, location: w.location,
    localStorage: w.localStorage, sessionStorage: w.sessionStorage, XMLHttpRequest: XHR,
    WebSocket: GuardedWebSocket, FileReader: w.FileReader, HTMLElement: w.HTMLElement,
    Image: w.Image, DOMParser: w.DOMParser, fetch: guardedFetch,
  };
  for (const [k, v] of Object.entries(globals)) {
    Object.defineProperty(globalThis, k, { value: v, writable: true, configurable: true });
  }
  w.indexedDB = globalThis.indexedDB;
  w.IDBKeyRange = globalThis.IDBKeyRange;
  return dom;
}

export const require = createRequire(import.meta.url);
