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
