// Runs the SDK drivers against local listeners and writes one fixture per distinct error object.
// Usage: node capture.mjs OUT_DIR      (e.g. ../../tests/fixtures/sdk-traffic)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startListeners, PORTS } from './listeners.mjs';
import { normalise, normaliseB, normaliseC, normaliseTencent } from './normalise.mjs';
import { describeScenario } from './vendor-mock.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(process.argv[2] || '../../tests/fixtures/sdk-traffic');
const JOB_LIMIT_MS = 240_000; // a driver that runs longer than this is killed (its records so far are kept)
const PARALLEL = Math.max(1, Math.min(3, os.cpus().length));

// [sdk, driver, scenario], in the order that numbers the fixtures.
// e.g. "agora/closed-port" to run one job while debugging, "twilio,ably" for one fixture folder
const ONLY = process.env.SDK_CAPTURE_ONLY;
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
  // Stream and Sendbird: the last field is the mock's port index (listeners.mjs mockPort).
  // Order as in the sample: odd set-up calls, HTTP answers, WebSocket, then the method sweeps (an
  // object first produced by a server scenario is listed with that scenario, not with a sweep call).
  ['stream', 'stream.mjs', 'setup', 0],
  ['stream', 'stream.mjs', 'http', 1],
  ['stream', 'stream.mjs', 'ws', 2],
  ['stream', 'stream.mjs', 'sweeps', 7],
  ['sendbird', 'sendbird.mjs', 'setup', 3],
  ['sendbird', 'sendbird.mjs', 'connect', 4],
  ['sendbird', 'sendbird.mjs', 'http', 5],
  ['sendbird', 'sendbird.mjs', 'connected', 6],
  ['sendbird', 'sendbird.mjs', 'sweeps', 8],
  // Twilio (@twilio/conversations over twilsock) and Ably (ably, @ably/chat): mock ta-mock.mjs.
  ['twilio', 'twilio.mjs', 'connect', 10],
  ['twilio', 'twilio.mjs', 'sweeps', 11],
  ['ably', 'ably.mjs', 'realtime', 12],
  ['ably', 'ably.mjs', 'rest', 13],
  ['ably', 'ably.mjs', 'chat', 14],
  // Tencent Cloud IM and ZEGOCLOUD ZIM (written to OUT_DIR/tencent-zego; see its README).
  ['tencent', 'tencent.mjs', 'server', 15],
  ['tencent', 'tencent.mjs', 'connected', 16],
  ['tencent', 'tencent.mjs', 'offline', 17],
  ['zego', 'zego.mjs', 'offline'],
].filter(([sdk, , sc]) => !ONLY || ONLY.split(',').some((o) => o === `${sdk}/${sc}` || o === sdk));
const GROUP_A = new Set(['cometchat', 'agora']); // written to OUT_DIR (corpus.tsv: file sdk sdk_call code name)
const GROUP_B = new Set(['stream', 'sendbird']); // written to OUT_DIR/stream-sendbird (see README)
const GROUP_C = new Set(['twilio', 'ably']); // written to OUT_DIR/twilio-ably (see README)
const GROUP_D = new Set(['tencent', 'zego']); // written to OUT_DIR/tencent-zego (see README)

function runJob([sdk, driver, scenario, port], tmp) {
  const file = path.join(tmp, `${sdk}-${scenario}.jsonl`);
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [path.join(here, driver), file, scenario, ...(port === undefined ? [] : [String(port)])], { cwd: here, stdio: ['ignore', 'inherit', 'pipe'] });
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

// CometChat/Agora jobs run first and on their own: some of their late events are timing-sensitive
// and went missing when the heavier Stream/Sendbird jobs ran beside them.
async function runAll(tmp) {
  const results = new Array(JOBS.length);
  for (const group of [GROUP_A, GROUP_B, GROUP_C, GROUP_D]) {
    const idx = JOBS.map((j, i) => i).filter((i) => group.has(JOBS[i][0]));
    let next = 0;
    const worker = async () => { while (next < idx.length) { const i = idx[next++]; results[i] = await runJob(JOBS[i], tmp); } };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  }
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
  const linesB = [];
  const linesC = [];
  const linesD = [];
  JOBS.forEach(([sdk, , scenario], j) => {
    if (!results[j].ok) failed++;
    if (!fs.existsSync(results[j].file)) return;
    if (GROUP_C.has(sdk)) {
      const lines = fs.readFileSync(results[j].file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
      for (const l of lines) if (l.summary) traffic.push([`${sdk}/${scenario}`, l.summary.traffic]);
      linesC.push({ sdk, job: scenario, lines: lines.filter((l) => !l.summary) });
      return;
    }
    if (GROUP_D.has(sdk)) {
      const lines = fs.readFileSync(results[j].file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
      for (const l of lines) if (l.summary) traffic.push([`${sdk}/${scenario}`, l.summary.traffic]);
      linesD.push({ sdk, lines: lines.filter((l) => !l.summary).sort((a, b) => a.idx - b.idx || a.sub - b.sub) });
      return;
    }
    if (GROUP_B.has(sdk)) {
      const lines = fs.readFileSync(results[j].file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
      for (const l of lines) if (l.summary) traffic.push([`${sdk}/${scenario}`, l.summary.traffic]);
      linesB.push({ sdk, job: scenario, lines: lines.filter((l) => !l.summary) });
      return;
    }
    const lines = fs.readFileSync(results[j].file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    for (const l of lines) if (l.summary) { traffic.push([`${sdk}/${scenario}`, l.summary.traffic]); Object.assign(statusCode, l.summary.statusCode || {}); }
    const recs = lines.filter((l) => !l.summary).sort((a, b) => a.idx - b.idx || a.sub - b.sub);
    for (const r of recs) {
      if (r.json === null) { skipped++; continue; } // undefined / not serialisable: nothing to store
      const text = normalise(r.json);
      if (!bySdk[sdk].has(text)) bySdk[sdk].set(text, `${r.call} -> ${r.how}`);
    }
  });

  const ranA = JOBS.some(([sdk]) => GROUP_A.has(sdk));
  const ranB = JOBS.some(([sdk]) => GROUP_B.has(sdk));
  const ranC = JOBS.some(([sdk]) => GROUP_C.has(sdk));
  fs.mkdirSync(outDir, { recursive: true });
  if (ranA) {
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
  }
  const countsB = ranB ? writeGroupB(linesB, path.join(outDir, 'stream-sendbird')) : null;
  const countsC = ranC ? writeGroupC(linesC, path.join(outDir, 'twilio-ably')) : null;
  const ranD = JOBS.some(([sdk]) => GROUP_D.has(sdk));
  const countsD = ranD ? writeGroupD(linesD, path.join(outDir, 'tencent-zego')) : null;
  if (process.env.SDK_CAPTURE_RAW) fs.cpSync(tmp, process.env.SDK_CAPTURE_RAW, { recursive: true }); // raw records, for debugging
  fs.rmSync(tmp, { recursive: true, force: true });

  // Loopback check: every connection that was made went to 127.0.0.1; everything else was refused.
  const hosts = new Map();
  for (const [, t] of traffic) for (const [kind, m] of Object.entries(t)) for (const [k, n] of Object.entries(m)) hosts.set(`${kind} ${k}`, (hosts.get(`${kind} ${k}`) || 0) + n);
  console.log('traffic (connections allowed / refused by the guard, URLs requested):');
  for (const [k, n] of [...hosts].sort()) console.log(`  ${k}  x${n}`);
  const leaked = [...hosts.keys()].filter((k) => k.startsWith('allowed ') && !/^allowed (127\.|localhost|::1)/.test(k));
  if (ranA) console.log(`fixtures: cometchat ${bySdk.cometchat.size}, agora ${bySdk.agora.size}, total ${bySdk.cometchat.size + bySdk.agora.size}` +
    ` (${skipped} non-serialisable values skipped) in ${outDir}`);
  if (countsB) console.log(`fixtures: stream ${countsB.stream}, sendbird ${countsB.sendbird} objects; raw responses: stream ${countsB.httpStream}, sendbird ${countsB.httpSendbird}` +
    ` (${countsB.skipped} non-serialisable values skipped) in ${path.join(outDir, 'stream-sendbird')}`);
  if (countsC) console.log(`fixtures: twilio ${countsC.twilio}, ably ${countsC.ably} objects (${countsC.skipped} non-serialisable values skipped) in ${path.join(outDir, 'twilio-ably')}`);
  if (countsD) console.log(`fixtures: tencent ${countsD.tencent}, zego ${countsD.zego} objects (${countsD.skipped} non-serialisable values skipped) in ${path.join(outDir, 'tencent-zego')}`);
  console.log(`${((Date.now() - t0) / 1000).toFixed(0)}s`);
  if (leaked.length) { console.error(`NON-LOOPBACK CONNECTIONS: ${leaked.join(', ')}`); process.exit(2); }
  if (failed) { console.error(`${failed} driver(s) failed or were killed`); process.exit(1); }
}

// Stream / Sendbird: objects, raw responses, corpus.tsv and http.tsv (format: README, "stream-sendbird").
const SURFACED = [
  [/^rejected(, then JSON\.parse\(err\.message\))?$/, (m) => `rejected promise${m[1] || ''}`],
  [/^thrown(, then JSON\.parse\(err\.message\))?$/, (m) => `thrown synchronously${m[1] || ''}`],
  [/^unhandled(, then JSON\.parse\(err\.message\))?$/, (m) => `unhandled rejection${m[1] || ''}`],
  [/^uncaught(.*)$/, (m) => `uncaught exception${m[1] || ''}`],
  [/^event:onFailed(.*)$/, (m) => `callback:onFailed${m[1] || ''}`],
  [/^event:sessionHandler\.(\w+)(.*)$/, (m) => `callback:${m[1]}${m[2] || ''}`],
  [/^(.*)$/, (m) => m[1]],
];
// Group B tables are plain TSV like the sample: no quoting, tabs/newlines inside a field become spaces.
const tsvB = (v) => (v === undefined || v === null ? '' : String(v)).replace(/[\t\r\n]+/g, ' ');
const surfaced = (how) => { for (const [re, f] of SURFACED) { const m = re.exec(how); if (m) return f(m); } return how; };

function writeGroupB(jobs, dir) {
  fs.mkdirSync(path.join(dir, 'http'), { recursive: true });
  for (const f of fs.readdirSync(dir)) if (/^(stream|sendbird)_\d+\.json$|^(corpus|http)\.tsv$/.test(f)) fs.unlinkSync(path.join(dir, f));
  for (const f of fs.readdirSync(path.join(dir, 'http'))) if (/^(stream|sendbird)_\d+\.http$/.test(f)) fs.unlinkSync(path.join(dir, 'http', f));
  const vendorOf = { stream: 'stream', sendbird: 'sb' };
  // 1. raw responses, numbered per SDK in job order / call order.
  const httpBy = { stream: new Map(), sendbird: new Map() }; // raw -> {file, status, scenario, requests:Set}
  const probeHttp = new Map(); // `${sdk}/${job}/${idx}` -> Set(files)
  for (const { sdk, job, lines } of jobs) {
    for (const l of lines) {
      if (l.http === undefined) continue;
      const raw = normaliseB(l.http, here);
      let h = httpBy[sdk].get(raw);
      if (!h) {
        h = { file: `http/${sdk}_${String(httpBy[sdk].size + 1).padStart(3, '0')}.http`, status: l.meta.status, scenario: describeScenario(vendorOf[sdk], l.meta.scenario), requests: new Set() };
        httpBy[sdk].set(raw, h);
      }
      h.requests.add(l.meta.request);
      // Sendbird's connect fires a warm-up `fetch(apiHost)` (GET /) and never waits for it: its
      // answer would be linked to whichever call runs when it goes out, so it is not linked.
      if (sdk === 'sendbird' && l.meta.request === 'GET /') continue;
      const key = `${sdk}/${job}/${l.idx}`;
      if (!probeHttp.has(key)) probeHttp.set(key, new Set());
      probeHttp.get(key).add(h.file);
    }
  }
  const httpRows = ['file\tsdk\tstatus\tscenario\trequest'];
  let httpCount = { stream: 0, sendbird: 0 };
  for (const sdk of ['stream', 'sendbird']) {
    for (const [raw, h] of httpBy[sdk]) {
      fs.writeFileSync(path.join(dir, h.file), raw);
      httpRows.push([h.file, sdk, h.status, h.scenario, [...h.requests].slice(0, 6).join(' ; ') + (h.requests.size > 6 ? ` ; ... (${h.requests.size} requests)` : '')].map(tsvB).join('\t'));
      httpCount[sdk]++;
    }
  }
  fs.writeFileSync(path.join(dir, 'http.tsv'), `${httpRows.join('\n')}\n`);
  // 2. error objects.
  const seen = { stream: new Map(), sendbird: new Map() };
  let skipped = 0;
  for (const { sdk, job, lines } of jobs) {
    const recs = lines.filter((l) => l.http === undefined).sort((a, b) => a.idx - b.idx || a.sub - b.sub);
    for (const r of recs) {
      if (r.json == null) { skipped++; continue; }
      const text = normaliseB(r.json, here);
      if (seen[sdk].has(text)) continue;
      const files = probeHttp.get(`${sdk}/${job}/${r.idx}`);
      seen[sdk].set(text, { r, files: files ? [...files].sort() : [] });
    }
  }
  const rows = ['file\tsdk\tsdk_call\tsurfaced\tserialization\tctor\tcode\tname\tserver_scenario\thttp_files'];
  for (const sdk of ['stream', 'sendbird']) {
    let n = 0;
    for (const [text, { r, files }] of seen[sdk]) {
      const file = `${sdk}_${String(++n).padStart(3, '0')}.json`;
      fs.writeFileSync(path.join(dir, file), `${text}\n`);
      const obj = JSON.parse(text);
      const o = obj && typeof obj === 'object' ? obj : {};
      const code = 'code' in o ? (o.code === null ? 'null' : typeof o.code === 'object' ? JSON.stringify(o.code) : o.code) : '';
      rows.push([file, sdk, r.call, surfaced(r.how), r.serialization, r.ctor, code, o.name, describeScenario(vendorOf[sdk], r.scenario), files.map((f) => f.replace(/^http\//, '')).join(' ; ')].map(tsvB).join('\t'));
    }
  }
  fs.writeFileSync(path.join(dir, 'corpus.tsv'), `${rows.join('\n')}\n`);
  return { stream: seen.stream.size, sendbird: seen.sendbird.size, httpStream: httpCount.stream, httpSendbird: httpCount.sendbird, skipped };
}

// Twilio / Ably: objects and corpus.tsv (format: README of the twilio-ably fixture folder).
function writeGroupC(jobs, dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) if (/^(twilio|ably)_\d+\.json$|^corpus\.tsv$/.test(f)) fs.unlinkSync(path.join(dir, f));
  const seen = { twilio: new Map(), ably: new Map() };
  let skipped = 0;
  for (const { sdk, lines } of jobs) {
    for (const r of lines.sort((a, b) => a.idx - b.idx || a.sub - b.sub)) {
      if (r.json == null) { skipped++; continue; }
      const text = normaliseC(r.json, here);
      if (!seen[sdk].has(text)) seen[sdk].set(text, r);
    }
  }
  const rows = ['file\tsdk\tsdk_call\tsurfaced\tserialization\tctor\tcode\tname\tserver_scenario'];
  for (const sdk of ['twilio', 'ably']) {
    let n = 0;
    for (const [text, r] of seen[sdk]) {
      const file = `${sdk}_${String(++n).padStart(3, '0')}.json`;
      fs.writeFileSync(path.join(dir, file), `${text}\n`);
      const obj = JSON.parse(text);
      const o = obj && typeof obj === 'object' ? obj : {};
      const inner = o.error || o.reason || o;
      const c = inner && typeof inner === 'object' ? (inner.code ?? inner.errorCode) : undefined;
      const code = c === null ? 'null' : typeof c === 'object' ? JSON.stringify(c) : c;
      rows.push([file, sdk, r.call, surfaced(r.how), r.serialization, r.ctor, code, o.name, r.scenario].map(tsvB).join('\t'));
    }
  }
  fs.writeFileSync(path.join(dir, 'corpus.tsv'), `${rows.join('\n')}\n`);
  return { twilio: seen.twilio.size, ably: seen.ably.size, skipped };
}

// Tencent / ZEGOCLOUD: one object per distinct JSON.stringify text, per SDK, and corpus.tsv
// (file sdk sdk_call surfaced code name; see the folder's README).
function writeGroupD(jobs, dir) {
  fs.mkdirSync(dir, { recursive: true });
  // Only the SDKs whose jobs ran are rewritten; the other's files and corpus rows are kept.
  const ran = new Set(jobs.map((j) => j.sdk));
  const corpusFile = path.join(dir, 'corpus.tsv');
  const kept = fs.existsSync(corpusFile) ? fs.readFileSync(corpusFile, 'utf8').split('\n').slice(1).filter((l) => l && !ran.has(l.split('\t')[1])) : [];
  for (const f of fs.readdirSync(dir)) { const m = /^(tencent|zego)_\d+\.json$/.exec(f); if (m && ran.has(m[1])) fs.unlinkSync(path.join(dir, f)); }
  const seen = { tencent: new Map(), zego: new Map() };
  let skipped = 0;
  for (const { sdk, lines } of jobs) {
    for (const r of lines) {
      if (r.json == null) { skipped++; continue; }
      const text = sdk === 'tencent' ? normaliseTencent(r.json) : r.json;
      if (!seen[sdk].has(text)) seen[sdk].set(text, r);
    }
  }
  const rows = ['file\tsdk\tsdk_call\tsurfaced\tcode\tname'];
  for (const sdk of ['tencent', 'zego']) {
    if (!ran.has(sdk)) { rows.push(...kept.filter((l) => l.split('\t')[1] === sdk)); continue; }
    let n = 0;
    for (const [text, r] of seen[sdk]) {
      const file = `${sdk}_${String(++n).padStart(3, '0')}.json`;
      fs.writeFileSync(path.join(dir, file), `${text}\n`);
      const obj = JSON.parse(text);
      const o = obj && typeof obj === 'object' ? obj : {};
      rows.push([file, sdk, r.call, surfaced(r.how), o.code, o.name].map(tsvB).join('\t'));
    }
  }
  fs.writeFileSync(path.join(dir, 'corpus.tsv'), `${rows.join('\n')}\n`);
  return { tencent: seen.tencent.size, zego: seen.zego.size, skipped };
}

main().catch((e) => { console.error(e); process.exit(1); });
