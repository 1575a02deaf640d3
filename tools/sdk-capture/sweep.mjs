// Argument sweeps shared by the Stream and Sendbird drivers.
export const ODD_ARGS = [
  [], [null], [0], [-1], [''], ['x'], [{}], [[]], ['a:b', { id: '' }], [{ id: '' }, null], [[{}], 'x'],
];
export const describeArgs = (args) => args.map((a) => (a === undefined ? 'undefined' : JSON.stringify(a))).join(',');

// Every function reachable on the object (own properties and the prototype chain), sorted.
export function methodsOf(obj, skip = () => false) {
  const names = new Set();
  for (let p = obj; p && p !== Object.prototype && p !== Function.prototype; p = Object.getPrototypeOf(p)) {
    for (const n of Object.getOwnPropertyNames(p)) {
      if (n === 'constructor' || n.startsWith('_') || skip(n)) continue;
      let v;
      try {
        const d = Object.getOwnPropertyDescriptor(p, n);
        if (d && d.get) continue; // getters are not methods (and some throw)
        v = obj[n];
      } catch { continue; }
      if (typeof v === 'function') names.add(n);
    }
  }
  return [...names].sort();
}

// Calls obj[m](...args) for every method and argument set; `run` is the driver's probe wrapper.
export async function sweep(obj, name, run, { skip = () => false, args = ODD_ARGS, reset } = {}) {
  for (const m of methodsOf(obj, skip)) {
    for (const a of args) {
      await run(`${name}.${m}(${describeArgs(a)})`, () => obj[m](...a.map((x) => (x && typeof x === 'object' ? structuredClone(x) : x))));
      if (reset) reset();
    }
  }
}
