// Values that change from run to run are replaced, so that a rerun writes the same files.
// Everything else is kept exactly as the SDK produced it.
export function normalise(json) {
  const value = JSON.parse(json);
  const walk = (v, key) => {
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') {
      const out = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, k);
      return out;
    }
    // Agora extraInfo.elapse: milliseconds the request took -> rounded to whole seconds.
    if (key === 'elapse' && typeof v === 'number') return Math.round(v / 1000) * 1000;
    // Agora cache-busting query parameter _v=<Date.now()>.
    if (typeof v === 'string') return v.replace(/([?&]_v=)\d+/g, '$10');
    return v;
  };
  return JSON.stringify(walk(value));
}

// Tencent Cloud IM (tencent-zego/README.md): the request's sequence number (data.headSeq) and a
// failed message's random id, times and sequence numbers (data.message) change from run to run.
const TENCENT_NUMBERS = new Set(['headSeq', 'time', 'clientTime', 'sequence', 'clientSequence', 'random']);
export function normaliseTencent(json) {
  const walk = (v, key) => {
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    if (TENCENT_NUMBERS.has(key) && typeof v === 'number') return 0;
    if (key === 'ID' && typeof v === 'string') return v.replace(/-\d+$/, '-0');
    return v;
  };
  return JSON.stringify(walk(JSON.parse(json)));
}

// Stream / Sendbird (see README): stack paths, request ids, times that change from run to run.
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
export function normaliseB(text, scriptsDir) {
  const dir = scriptsDir.replace(/\/$/, '');
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text
    .replace(new RegExp(`(file://)?${esc(dir)}/node_modules/`, 'g'), '$NODE_MODULES/')
    .replace(new RegExp(`(file://)?${esc(dir)}/`, 'g'), '$SCRIPTS/')
    // Stack frames inside node's own internals: which of them appear (runNextTicks, processTimers,
    // processTicksAndRejections) depends on timer timing, so they are dropped.
    .replace(/\\n {4}at (?:[^\\"()]*\()?node:internal\/[^\\"()]*\)?/g, '')
    // OpenSSL error strings start with the address of the thread's error state.
    .replace(/\b[0-9A-F]{12,16}:error:/g, '0:error:')
    // stream-chat stamps events with received_at = new Date() when they arrive.
    .replace(/("received_at":")\d{4}-\d\d-\d\dT[\d:.]+Z"/g, '$12026-12-02T14:40:19.000Z"')
    .replace(UUID, (u) => (/^a1b2c3d4-0000-4000-8000-000000000000$/i.test(u) || /^64a3e0f2-/.test(u) ? u : '00000000-0000-0000-0000-000000000000'));
}

// Twilio / Ably (see the twilio-ably fixture README): as normaliseB, and
// - ably's `retryIn` (the SDK's next-attempt delay: the configured disconnectedRetryTimeout, 700 ms
//   here, with random jitter and backoff) becomes the configured 700;
// - `timings` of got's errors (ably's node HTTP client; epoch milliseconds and durations) become 0.
export function normaliseC(text, scriptsDir) {
  return normaliseB(text, scriptsDir)
    .replace(/("retryIn":)[\d.]+/g, '$1700')
    .replace(/"timings":\{(?:[^{}]|\{[^{}]*\})*\}/g, (t) => t.replace(/(":)\d+(\.\d+)?/g, '$10'));
}
