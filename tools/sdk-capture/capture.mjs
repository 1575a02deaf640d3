// Runs the SDK drivers against local listeners and writes one fixture per distinct error object.
// Usage: node capture.mjs OUT_DIR      (e.g. ../../tests/fixtures/sdk-traffic)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startListeners, PORTS } from './listeners.mjs';
import { normalise } from './normalise.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(process.argv[2] || '../../tests/fixtures/sdk-traffic');
const JOB_LIMIT_MS = 240_000; // a driver that runs longer than this is killed (its records so far are kept)
const PARALLEL = Math.max(1, Math.min(3, os.cpus().length));

// [sdk, driver, scenario], in the order that numbers the fixtures.
const ONLY = process.env.SDK_CAPTURE_ONLY; // e.g. "agora/closed-port" to run one job while debugging
const JOBS = [
  ['cometchat', 'cometchat.mjs', 'preinit-init'],
  ['cometchat', 'cometchat.mjs', 'failed-login'],
  ['cometchat', 'cometchat.mjs', 'login-races'],
  ['cometchat', 'cometchat.mjs', 'silent-tcp'],
  ['cometchat', 'cometchat.mjs', 'reset-tcp'],
  ['agora', 'agora.mjs', 'never-opened'],
  ['agora', 'agora.mjs', 'closed-port'],
  ['agora', 'agora.mjs', 'httpdns'],
  ['agora', 'agora.mjs', 'silent-tcp'],
  ['agora', 'agora.mjs', 'websocket'],
].filter(([sdk, , sc]) => !ONLY || ONLY.split(',').includes(`${sdk}/${sc}`));

function runJob([sdk, driver, scenario], tmp) {
  const file = path.join(tmp, `${sdk}-${scenario}.jsonl`);
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [path.join(here, driver), file, scenario], { cwd: here, stdio: ['ignore', 'inherit', 'pipe'] });
    child.stderr.on('data', (d) => process.stderr.write(String(d).replace(/^(?=.)/gm, `[${sdk}/${scenario}] `)));
    const timer = setTimeout(() => child.kill('SIGKILL'), JOB_LIMIT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      console.log(`${sdk}/${scenario}: ${signal ? `killed (${signal})` : `exit ${code}`} after ${secs}s`);
      resolve({ file, ok: code === 0 });
    });
  });
}

async function runAll(tmp) {
  const results = new Array(JOBS.length);
  let next = 0;
  const worker = async () => { while (next < JOBS.length) { const i = next++; results[i] = await runJob(JOBS[i], tmp); } };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return results;
}

const tsv = (v) => {
  const s = v === undefined || v === null ? '' : String(v);
  return /["\t\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

async function main() {
  const t0 = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sdk-capture-'));
  const closeListeners = await startListeners();
  console.log(`listeners on 127.0.0.1: ${JSON.stringify(PORTS)}`);
  let results;
  try { results = await runAll(tmp); } finally { await closeListeners(); }

  const bySdk = { cometchat: new Map(), agora: new Map() };
  const statusCode = {};
  const traffic = [];
  let skipped = 0;
  let failed = 0;
  JOBS.forEach(([sdk, , scenario], j) => {
    if (!results[j].ok) failed++;
    if (!fs.existsSync(results[j].file)) return;
    const lines = fs.readFileSync(results[j].file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    for (const l of lines) if (l.summary) { traffic.push([`${sdk}/${scenario}`, l.summary.traffic]); Object.assign(statusCode, l.summary.statusCode || {}); }
    const recs = lines.filter((l) => !l.summary).sort((a, b) => a.idx - b.idx || a.sub - b.sub);
    for (const r of recs) {
      if (r.json === null) { skipped++; continue; } // undefined / not serialisable: nothing to store
      const text = normalise(r.json);
      if (!bySdk[sdk].has(text)) bySdk[sdk].set(text, `${r.call} -> ${r.how}`);
    }
  });

  fs.mkdirSync(outDir, { recursive: true });
  for (const f of fs.readdirSync(outDir)) if (/^(cometchat|agora)_\d+\.json$|^corpus\.tsv$/.test(f)) fs.unlinkSync(path.join(outDir, f));
  const rows = ['file\tsdk\tsdk_call\tcode\tname'];
  for (const [sdk, seen] of Object.entries(bySdk)) {
    let n = 0;
    for (const [text, call] of seen) {
      const file = `${sdk}_${String(++n).padStart(3, '0')}.json`;
      fs.writeFileSync(path.join(outDir, file), `${text}\n`);
      const obj = JSON.parse(text);
      const o = obj && typeof obj === 'object' ? obj : {};
      const code = sdk === 'agora' ? o.type : o.code;
      const name = sdk === 'agora' ? (o.type !== undefined ? statusCode[o.type] : undefined) : o.name;
      rows.push([file, sdk, call, code, name].map(tsv).join('\t'));
    }
  }
  fs.writeFileSync(path.join(outDir, 'corpus.tsv'), `${rows.join('\n')}\n`);
  if (process.env.SDK_CAPTURE_RAW) fs.cpSync(tmp, process.env.SDK_CAPTURE_RAW, { recursive: true }); // raw records, for debugging
  fs.rmSync(tmp, { recursive: true, force: true });

  // Loopback check: every connection that was made went to 127.0.0.1; everything else was refused.
  const hosts = new Map();
  for (const [, t] of traffic) for (const [kind, m] of Object.entries(t)) for (const [k, n] of Object.entries(m)) hosts.set(`${kind} ${k}`, (hosts.get(`${kind} ${k}`) || 0) + n);
  console.log('traffic (connections allowed / refused by the guard, URLs requested):');
  for (const [k, n] of [...hosts].sort()) console.log(`  ${k}  x${n}`);
  const leaked = [...hosts.keys()].filter((k) => k.startsWith('allowed ') && !/^allowed (127\.|localhost|::1)/.test(k));
  console.log(`fixtures: cometchat ${bySdk.cometchat.size}, agora ${bySdk.agora.size}, total ${bySdk.cometchat.size + bySdk.agora.size}` +
    ` (${skipped} non-serialisable values skipped) in ${outDir}; ${((Date.now() - t0) / 1000).toFixed(0)}s`);
  if (leaked.length) { console.error(`NON-LOOPBACK CONNECTIONS: ${leaked.join(', ')}`); process.exit(2); }
  if (failed) { console.error(`${failed} driver(s) failed or were killed`); process.exit(1); }
}

main().catch((e) => { console.error(e); process.exit(1); });
