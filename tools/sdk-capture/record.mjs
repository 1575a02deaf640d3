// Probe runner shared by the SDK drivers: runs one call, records every error object it hands
// back (thrown, rejected, failure callback, event, unhandled rejection, returned) as JSON lines.
import fs from 'node:fs';
import { AsyncLocalStorage, createHook } from 'node:async_hooks';

// Each probe runs in its own async context, so a callback, event or unhandled rejection that
// happens later is still charged to the call that started it (and not to whatever runs then).
const als = new AsyncLocalStorage();
const promiseOwner = new WeakMap();
createHook({
  init(_id, type, _trigger, resource) {
    if (type === 'PROMISE') { const p = als.getStore(); if (p) promiseOwner.set(resource, p); }
  },
}).enable();

const out = fs.openSync(process.argv[2], 'w');
let index = 0;           // probe number, in call order
let current = null;      // the probe that is running (for events and unhandled rejections)
const pending = new Set();

export const quiet = () => {
  for (const k of ['log', 'debug', 'info', 'warn', 'error', 'trace']) console[k] = () => {};
};
export const say = (msg) => process.stderr.write(msg + '\n');

// A driver may install a serialiser that turns one value into one or more stored forms
// ([{json, serialization, how?}]); the default stores JSON.stringify(value) (CometChat, Agora).
let serialiser = null;
export function setSerialiser(fn) { serialiser = fn; }

export function emit(probe, how, value) {
  if (serialiser) {
    for (const form of serialiser(value)) {
      const line = { idx: probe.idx, sub: probe.sub++, call: probe.label, scenario: probe.scenario, how: form.how ? `${how}${form.how}` : how,
        json: form.json ?? null, serialization: form.serialization, ctor: form.ctor, raw: form.json == null ? String(value) : undefined };
      fs.writeSync(out, JSON.stringify(line) + '\n');
    }
    return;
  }
  let json;
  try { json = JSON.stringify(value); } catch (e) { json = undefined; }
  const line = { idx: probe.idx, sub: probe.sub++, call: probe.label, how, json: json ?? null,
    raw: json === undefined ? String(value) : undefined };
  fs.writeSync(out, JSON.stringify(line) + '\n');
}

// A raw response of the loopback mock, charged to the probe that is running.
export function noteResponse(raw, meta) {
  const p = owner();
  fs.writeSync(out, JSON.stringify({ http: raw, meta, idx: p.idx, call: p.label }) + '\n');
}

// An event source (listener callback) reports into the probe running at that moment.
const owner = () => als.getStore() ?? current ?? { idx: index, sub: 0, label: '(no call running)' };
export function onEvent(name) {
  return (value) => emit(owner(), `event:${name}`, value);
}

process.on('unhandledRejection', (reason, promise) => {
  emit(promiseOwner.get(promise) ?? owner(), 'unhandled', reason);
});
process.on('uncaughtException', (err) => emit(owner(), 'uncaught', err));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Run fn(cb) where cb(name) gives a failure-callback recorder. Waits until the returned promise
// settles (or `timeout` ms), then `grace` ms more for late callbacks/events.
export async function probe(label, fn, { timeout = 1500, grace = 30, returned = null, scenario } = {}) {
  const p = { idx: ++index, sub: 0, label, scenario };
  current = p;
  const t0 = Date.now();
  const cb = (name) => (value) => emit(p, `callback:${name}`, value);
  let result;
  try {
    result = als.run(p, () => fn(cb));
  } catch (err) {
    emit(p, 'thrown', err);
  }
  if (result && typeof result.then === 'function') {
    const settled = result.then(
      (v) => { if (returned && returned(v)) emit(p, 'resolved', v); },
      (err) => emit(p, 'rejected', err),
    );
    pending.add(settled);
    let timer;
    await Promise.race([settled, new Promise((r) => { timer = setTimeout(r, timeout); })]);
    clearTimeout(timer);
  } else if (result !== undefined && returned && returned(result)) {
    emit(p, 'returned', result);
  }
  await sleep(grace);
  if (process.env.SDK_CAPTURE_DEBUG && Date.now() - t0 > 150) say(`slow ${Date.now() - t0}ms: ${label}`);
  return p;
}

// Wait (at most `ms`) for calls that are still pending to settle.
export async function drain(ms) {
  let timer;
  await Promise.race([Promise.allSettled([...pending]), new Promise((r) => { timer = setTimeout(r, ms); })]);
  clearTimeout(timer);
  await sleep(20);
}

// Keep recording into one probe while waiting for events (e.g. after open()).
export async function waitIn(p, ms) { current = p; await als.run(p, () => sleep(ms)); }

export function finish(summary) {
  fs.writeSync(out, JSON.stringify({ summary }) + '\n');
  fs.closeSync(out);
  process.exit(0);
}
