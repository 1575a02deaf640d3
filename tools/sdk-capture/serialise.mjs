// How the Stream and Sendbird drivers store an error value (see README, "serialization"):
// - JSON.stringify: what an app that logs the error as JSON gets, when that is a useful object
//   (stream-chat's ErrorFromResponse and axios' AxiosError have their own toJSON()).
// - augmented: JSON.stringify gave {} or dropped name/message/code/status/StatusCode: the object's
//   own enumerable properties, then those five where the object has them.
// - message-parsed: stream-chat's `new Error(JSON.stringify({code, StatusCode, message, isWSFailure}))`:
//   JSON.parse(err.message), as the SDK itself reads it back (stored in addition to the augmented form).
const KEYS = ['name', 'message', 'code', 'status', 'StatusCode'];

// Nested values that are not plain data (a WebSocket in error.target, sockets, functions) are
// written as "[ClassName]"; cycles as "[Circular]".
function plain(value) {
  const seen = new WeakSet();
  const walk = (v, depth) => {
    if (v === null || typeof v !== 'object') return typeof v === 'function' ? undefined : typeof v === 'bigint' ? String(v) : v;
    if (seen.has(v)) return '[Circular]';
    if (typeof v.toJSON === 'function') { try { return walk(v.toJSON(), depth); } catch { return `[${v.constructor?.name}]`; } }
    const proto = Object.getPrototypeOf(v);
    const isPlain = Array.isArray(v) || proto === null || proto === Object.prototype || v instanceof Error;
    if (!isPlain && depth > 0) return `[${v.constructor?.name || 'Object'}]`;
    seen.add(v);
    if (Array.isArray(v)) return v.map((x) => { const w = walk(x, depth + 1); return w === undefined ? null : w; });
    const out = {};
    for (const k of Object.keys(v)) { const w = walk(v[k], depth + 1); if (w !== undefined) out[k] = w; }
    seen.delete(v);
    return out;
  };
  return walk(value, 0);
}

function tryStringify(value) {
  try { return JSON.stringify(value); } catch { return undefined; }
}

export function serialiseForms(value) {
  const ctor = value !== null && typeof value === 'object' ? value.constructor?.name ?? null : typeof value;
  if (value === null || typeof value !== 'object') {
    return [{ json: tryStringify(value) ?? null, serialization: 'JSON.stringify', ctor }];
  }
  const forms = [];
  let json = typeof value.toJSON === 'function' ? tryStringify(value) : undefined;
  let serialization = 'JSON.stringify';
  if (json === undefined || !(typeof value.toJSON === 'function')) {
    const direct = tryStringify(value);
    const parsed = direct !== undefined ? JSON.parse(direct) : undefined;
    const drops = parsed === undefined || parsed === null || typeof parsed !== 'object' ||
      KEYS.some((k) => value[k] !== undefined && typeof value[k] !== 'function' && !(k in parsed));
    if (!drops && direct !== undefined) json = direct;
    else {
      const obj = plain(value);
      for (const k of KEYS) if (!(k in obj) && value[k] !== undefined && typeof value[k] !== 'function') obj[k] = plain({ v: value[k] }).v;
      json = JSON.stringify(obj);
      serialization = 'augmented';
    }
  }
  forms.push({ json, serialization, ctor });
  if (value instanceof Error && typeof value.message === 'string' && value.message.startsWith('{')) {
    try {
      const m = JSON.parse(value.message);
      if (m && typeof m === 'object' && 'isWSFailure' in m) forms.push({ json: JSON.stringify(m), serialization: 'message-parsed', ctor, how: ', then JSON.parse(err.message)' });
    } catch { /* not JSON */ }
  }
  return forms;
}
