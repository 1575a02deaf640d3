#!/usr/bin/env bash
# Build and lookup scaling of chat-error-codes over synthetic catalogs.
#
#   bash benches/scaling.sh                 # real 200 10000 100000
#   bash benches/scaling.sh 10000           # one size
#   bash benches/scaling.sh real            # real data only (no CHAT_ERROR_CODES_DATA_DIR)
#
# Sizes: N replaces the [[error]] entries of cometchat_rest.toml (string codes) and
# agora_chat.toml (integer codes) with N synthetic entries each; the other three tables are the
# real ones. "200" is the real data/ (117 REST, 83 Agora entries), copied unchanged, as baseline.
# "real" builds without CHAT_ERROR_CODES_DATA_DIR (default features, release and debug).
#
# Nothing in the repository is touched: the crate (Cargo.toml, Cargo.lock, build.rs, data, src,
# benches, README.md) is copied to /tmp/scale-copy and built there with
# CARGO_TARGET_DIR=/tmp/scale-target-<N>; synthetic data lives in /tmp/scale-data-<N>.
#
# What is measured (each REPS=2 times, both values reported as "run1 / run2"):
#  (a) build-script run time: the "build-script (run)" unit duration in the --timings report of
#      the incremental rebuild (c) (cargo rounds it to 10 ms). Cross-check: the build-script
#      binary run directly (OUT_DIR in a temp dir), wall time and peak RSS by /usr/bin/time.
#  (b) clean lib build: `cargo clean --release -p chat-error-codes` then
#      `cargo build --release --lib` (dependencies stay built: build.rs compile + run + lib).
#      Dependencies are built once beforehand, untimed, with the real data.
#  (c) incremental rebuild: `touch <data>/cometchat_rest.toml; cargo build --release --lib`.
#  (d) no-op rebuild: `cargo build --release --lib -v`; must print "Fresh chat-error-codes" and
#      must not run build-script-build.
#  (e) `cargo bench --bench scaling`: this crate's lookups alone (the `match` baseline of
#      benches/lookup.rs takes too long to compile at 10,000 codes); its table, ns per lookup.
# Wall times and peak RSS (largest process, i.e. rustc) come from /usr/bin/time -f '%e %M'.
#
# Environment: SCALING_REPS (2), SCALING_TIMEOUT (seconds per cargo command, 2400),
# SCALING_MEM_LIMIT_MB (MemTotal - 4 GB; see tm), SCALING_WORK (/tmp/scale-work: logs, results.md).
set -uo pipefail
# Runs share /tmp/scale-*: one at a time.
exec 9>/tmp/scale.lock
flock -n 9 || { echo "scaling.sh: another run holds /tmp/scale.lock" >&2; exit 1; }

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COPY=/tmp/scale-copy
WORK=${SCALING_WORK:-/tmp/scale-work}
REPS=${SCALING_REPS:-2}
TIMEOUT=${SCALING_TIMEOUT:-2400}
MEM_LIMIT_MB=${SCALING_MEM_LIMIT_MB:-$(( $(awk '/^MemTotal:/ { print $2 }' /proc/meminfo) / 1024 - 4096 ))}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(real 200 10000 100000)
mkdir -p "$WORK/logs"
RESULTS=$WORK/results.md
HELPER=$WORK/helper.py
unset CHAT_ERROR_CODES_DATA_DIR

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# ------------------------------------------------------------------------------------------------
# Python helper: data generation and report parsing.
# ------------------------------------------------------------------------------------------------
cat >"$HELPER" <<'PY'
import json, os, random, re, sys, tomllib, glob

def variant(code):
    return "".join(p[0].upper() + p[1:].lower() for p in code.split("_") if p)

CANONICAL = ["InvalidArgument", "FailedPrecondition", "OutOfRange", "Unauthenticated",
             "PermissionDenied", "NotFound", "AlreadyExists", "Aborted", "ResourceExhausted",
             "Cancelled", "DeadlineExceeded", "Unavailable", "Unimplemented", "Internal",
             "DataLoss", "Unknown"]
NOUNS = ["USER", "GROUP", "MESSAGE", "MEMBER", "TOKEN", "APIKEY", "ROLE", "BOT", "WEBHOOK",
         "CALL", "SESSION", "REACTION", "THREAD", "ATTACHMENT", "CONVERSATION", "RECEIPT",
         "FRIEND", "EXTENSION", "SCOPE", "PLAN", "TAG", "METADATA", "AVATAR", "APP", "REGION",
         "CHANNEL", "MENTION", "POLL", "STICKER", "REPORT", "MODERATOR", "OWNER", "GUID", "UID"]
STATES = ["NOT_FOUND", "INVALID", "EXPIRED", "ALREADY_EXISTS", "DENIED", "MISSING", "TOO_LONG",
          "BANNED", "KICKED", "DISABLED", "LIMIT_REACHED", "NOT_ALLOWED", "MISMATCH", "LOCKED",
          "UNSUPPORTED", "TIMED_OUT", "NOT_JOINED", "REVOKED", "PENDING", "DELETED"]
SUFFIXES = ["V2", "V3", "EN", "B", "ALT", "OLD", "INTERNAL", "RETRY"]  # none ends in X or Y
OBJECTS = ["user", "group", "message", "group member", "auth token", "API key", "role", "bot",
           "webhook", "call session", "reaction", "thread", "attachment", "conversation",
           "read receipt", "friend request", "extension", "plan", "tag", "avatar"]
TEMPLATES = [
    "The {o} referenced in request {n} does not exist in this app.",
    "The {o} could not be updated because it is locked (ref {n}).",
    "Too many requests for this {o}; retry after the window resets.",
    "The {o} is not allowed to perform this action in region {r}.",
    "Invalid value supplied for the {o} field; see code {n} docs.",
    "The {o} has expired or was revoked; request a new one ({n}).",
    "The {o} already exists; use a different identifier ({n}).",
    "Internal error while processing the {o}; contact support ({n}).",
]

def message(rng, n):
    return rng.choice(TEMPLATES).format(o=rng.choice(OBJECTS), n=n, r=rng.choice(["eu", "us", "in"]))

def rest_code(rng, n):
    num = str(n)
    for _ in range(1000):
        target = rng.randint(12, 40)
        shape = rng.random()
        if shape < 0.08:
            words = []
        else:
            words = [rng.choice(NOUNS)]
            while rng.random() < 0.75:
                words.append(rng.choice(STATES if rng.random() < 0.6 else NOUNS))
                if len("ERR_SYNTH_" + "_".join(words) + "_" + num) >= target:
                    break
        tail = [num] + ([rng.choice(SUFFIXES)] if rng.random() < 0.2 else [])
        code = "_".join(["ERR", "SYNTH"] + words + tail)
        if 12 <= len(code) <= 40 and code[-1] not in "XY":
            return code
    raise SystemExit(f"cannot make a code for {n}")

def split_header(path):
    text = open(path, encoding="utf-8").read()
    m = re.search(r"^\[\[error\]\]", text, re.M)
    head = text[:m.start()]
    assert "[[section]]" not in text[m.start():], f"{path}: section after first [[error]]"
    return text, head

def tstr(s):
    return json.dumps(s)  # ASCII only: a valid TOML basic string

def gen(real_dir, out_dir, n):
    n = int(n)
    os.makedirs(out_dir, exist_ok=True)
    for f in glob.glob(os.path.join(out_dir, "*.toml")):
        os.remove(f)
    for stem in ["cometchat_sdk", "cometchat_calls", "genesys_chat"]:
        with open(os.path.join(real_dir, stem + ".toml"), "rb") as src, \
             open(os.path.join(out_dir, stem + ".toml"), "wb") as dst:
            dst.write(src.read())
    rng = random.Random(1000003 * n + 7)
    # REST: string codes.
    path = os.path.join(real_dir, "cometchat_rest.toml")
    _, head = split_header(path)
    sections = [s["id"] for s in tomllib.load(open(path, "rb"))["section"]]
    out = [head.rstrip() + "\n\n# --- synthetic entries (benches/scaling.sh) ---\n"]
    codes, variants = set(), set()
    lengths, msgs = [], []
    for i in range(n):
        code = rest_code(rng, i)
        v = variant(code)
        assert code not in codes and v not in variants, code
        codes.add(code); variants.add(v); lengths.append(len(code))
        msg = message(rng, i); msgs.append(len(msg))
        out.append(f"\n[[error]]\ncode = {tstr(code)}\nsection = {tstr(rng.choice(sections))}\n"
                   f"message = {tstr(msg)}\n")
        if rng.random() < 0.3:
            out.append(f"canonical = {tstr(rng.choice(CANONICAL))}\n")
    open(os.path.join(out_dir, "cometchat_rest.toml"), "w").write("".join(out))
    # Agora: integer codes spread over 1..20n, names SYNTH_<i>.
    path = os.path.join(real_dir, "agora_chat.toml")
    _, head = split_header(path)
    sections = [s["id"] for s in tomllib.load(open(path, "rb"))["section"]]
    hi = 20 * n + 1000
    head, k1 = re.subn(r"^min = -?\d+$", "min = 0", head, count=1, flags=re.M)
    head, k2 = re.subn(r"^max = -?\d+$", f"max = {hi}", head, count=1, flags=re.M)
    assert k1 == k2 == 1
    numbers = sorted(rng.sample(range(1, hi + 1), n))
    out = [head.rstrip() + "\n\n# --- synthetic entries (benches/scaling.sh) ---\n"]
    for i, num in enumerate(numbers):
        name = f"SYNTH_{i}"
        out.append(f"\n[[error]]\ncode = {num}\nname = {tstr(name)}\n"
                   f"section = {tstr(rng.choice(sections))}\nmessage = {tstr(message(rng, num))}\n")
        if rng.random() < 0.3:
            out.append(f"canonical = {tstr(rng.choice(CANONICAL))}\n")
    open(os.path.join(out_dir, "agora_chat.toml"), "w").write("".join(out))
    print(f"generated {out_dir}: {n} REST codes (len {min(lengths)}..{max(lengths)}, "
          f"mean {sum(lengths)/n:.1f}; messages mean {sum(msgs)/n:.0f} chars), "
          f"{n} Agora codes in 1..{hi}")

def timings(html):
    """Seconds of the build-script run and of the lib unit in a cargo --timings report."""
    t = open(html).read()
    i = t.index("const UNIT_DATA = ") + len("const UNIT_DATA = ")
    units, _ = json.JSONDecoder().raw_decode(t[i:])
    run = lib = None
    for u in units:
        if u["name"] == "chat-error-codes":
            if u["target"].strip() == "build-script (run)":
                run = u["duration"]
            elif u["target"].strip() == "":
                lib = u["duration"]
    print(f"{run if run is not None else 'NA'} {lib if lib is not None else 'NA'}")

def bench(log):
    """phf known, near-miss, int-hit and the 128-code samples (ns per lookup) from
    benches/scaling.rs' table."""
    cells = {}
    header = None
    for line in open(log, errors="replace"):
        line = line.strip()
        if line.startswith("| catalog |"):
            header = [c.strip() for c in line.strip("|").split("|")]
        elif header and line.startswith("| ") and not line.startswith("|---"):
            row = [c.strip() for c in line.strip("|").split("|")]
            for h, c in zip(header, row):
                m = re.match(r"([\d.]+) ns", c)
                cells[h] = m.group(1) if m else "NA"
    get = lambda h: cells.get(h, "NA")
    print(get("known"), get("near miss"), get("int hit"), get("known, 128"), get("int hit, 128"))

def artifacts(jsonlog):
    """rlib path and OUT_DIR of chat-error-codes from `cargo build --message-format=json`."""
    rlib = out = "NA"
    for line in open(jsonlog):
        if not line.startswith("{"):
            continue
        m = json.loads(line)
        if "chat-error-codes" not in m.get("package_id", "") and "chat_error_codes" not in m.get("package_id", ""):
            continue
        if m.get("reason") == "build-script-executed":
            out = m["out_dir"]
        if m.get("reason") == "compiler-artifact" and "lib" in m["target"]["kind"]:
            rlib = next((f for f in m["filenames"] if f.endswith(".rlib")), rlib)
    print(rlib, out)

if __name__ == "__main__":
    {"gen": gen, "timings": timings, "bench": bench, "artifacts": artifacts}[sys.argv[1]](*sys.argv[2:])
PY

# ------------------------------------------------------------------------------------------------
# Timing helpers
# ------------------------------------------------------------------------------------------------
# tm LOG CMD...: runs CMD (appending its output to LOG) under timeout and a memory watchdog; sets
# T_WALL (s), T_RSS (MB, peak of the largest process per GNU time, or the watchdog's sampled peak
# of the whole command if that is higher), T_RC and T_NOTE. The watchdog kills the command's
# process group (the one `timeout` leads) when it holds more than SCALING_MEM_LIMIT_MB or the
# machine's MemAvailable drops under 1 GB, so an oversized build fails here instead of inviting
# the kernel's OOM killer onto a shared machine.
tm() {
  local logf=$1; shift
  local tf; tf=$(mktemp)
  echo "+ $*" >>"$logf"
  local s; s=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %M %x' -o "$tf" timeout -k 10 "$TIMEOUT" "$@" >>"$logf" 2>&1 &
  else
    timeout -k 10 "$TIMEOUT" "$@" >>"$logf" 2>&1 &
  fi
  local tpid=$! pg="" peak=0 rss avail
  T_NOTE=""
  while kill -0 "$tpid" 2>/dev/null; do
    if [ -x /usr/bin/time ]; then
      [ -z "$pg" ] && pg=$(ps -o pid= --ppid "$tpid" | head -n 1 | tr -d ' ')
    else
      pg=$tpid
    fi
    if [ -n "$pg" ]; then
      rss=$(ps -eo pgid=,rss= | awk -v g="$pg" '$1 == g { s += $2 } END { print s + 0 }')
      [ "$rss" -gt "$peak" ] && peak=$rss
      avail=$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo)
      if [ -z "$T_NOTE" ] && { [ "$rss" -gt $((MEM_LIMIT_MB * 1024)) ] || [ "$avail" -lt $((1024 * 1024)) ]; }; then
        T_NOTE="killed by watchdog after $(python3 -c "print(f'{$(date +%s.%N)-$s:.0f}')")s: command RSS $((rss / 1024)) MB, MemAvailable $((avail / 1024)) MB"
        log "  $T_NOTE"
        kill -KILL -- "-$pg" 2>/dev/null
      fi
    fi
    sleep 1
  done
  wait "$tpid"; T_RC=$?
  local e; e=$(date +%s.%N)
  T_WALL=$(python3 -c "print(f'{$e-$s:.2f}')")
  T_RSS=$(( peak / 1024 ))
  if [ -x /usr/bin/time ] && [ -s "$tf" ]; then
    local w m
    read -r w m _ < <(tail -n 1 "$tf")
    [[ $w =~ ^[0-9.]+$ ]] && T_WALL=$w
    [[ $m =~ ^[0-9]+$ ]] && [ $(( m / 1024 )) -gt "$T_RSS" ] && T_RSS=$(( m / 1024 ))
  fi
  rm -f "$tf"
  [ -n "$T_NOTE" ] && [ "$T_RC" -eq 0 ] && T_RC=137
  if [ "$T_RC" -eq 124 ]; then T_NOTE="timed out after ${TIMEOUT}s"; fi
  if [ "$T_RC" -ne 0 ]; then log "  FAILED (rc=$T_RC) after ${T_WALL}s, peak RSS ${T_RSS} MB: $* (see $logf)"; fi
  echo "= wall ${T_WALL}s, peak RSS ${T_RSS} MB, rc ${T_RC} ${T_NOTE}" >>"$logf"
}

fmt() { # value or failure marker
  if [ "$T_RC" -eq 0 ]; then echo "${T_WALL}s"; else echo "FAIL(rc=$T_RC, ${T_WALL}s, ${T_RSS} MB)"; fi
}

join() { local IFS='/'; local s="$*"; echo "${s//\// \/ }"; }

refresh_copy() {
  rm -rf "$COPY" && mkdir -p "$COPY"
  cp -r "$REPO"/{Cargo.toml,Cargo.lock,build.rs,data,src,benches,README.md} "$COPY"/
}

label_of() { case $1 in 10000) echo 10k;; 100000) echo 100k;; *) echo "$1";; esac; }

outdir_sizes() { # OUT_DIR -> "table=bytes ..."
  local d=$1 s=""
  for f in "$d"/*.rs; do s+="$(basename "$f" .rs)=$(stat -c %s "$f") "; done
  echo "${s% }"
}

# ------------------------------------------------------------------------------------------------
# Real data: default features, no CHAT_ERROR_CODES_DATA_DIR.
# ------------------------------------------------------------------------------------------------
measure_real() {
  local T=/tmp/scale-target-real L=$WORK/logs/real.log
  : >"$L"
  export CARGO_TARGET_DIR=$T
  unset CHAT_ERROR_CODES_DATA_DIR
  local rel=() dbg=() inc=() noop=() fresh=() rss=()
  log "real: clean release / debug builds (from scratch, incl. dependencies)"
  for r in $(seq "$REPS"); do
    rm -rf "$T"
    tm "$L" cargo build --release --locked; rel+=("$(fmt)"); rss+=("$T_RSS")
    rm -rf "$T/debug"
    tm "$L" cargo build --locked; dbg+=("$(fmt)")
  done
  log "real: incremental (touch data/agora_chat.toml) and no-op rebuilds"
  for r in $(seq "$REPS"); do
    touch "$COPY/data/agora_chat.toml"
    tm "$L" cargo build --release --locked; inc+=("$(fmt)")
    local vlog=$WORK/logs/real-noop-$r.log; : >"$vlog"
    tm "$vlog" cargo build --release --locked -v; noop+=("$(fmt)")
    if grep -q 'Fresh chat-error-codes' "$vlog" && ! grep -q 'build-script-build' "$vlog"; then
      fresh+=("Fresh"); else fresh+=("RERAN"); fi
    cat "$vlog" >>"$L"
  done
  local jl=$WORK/logs/real-artifacts.json rlib out
  cargo build --release --locked --message-format=json >"$jl" 2>>"$L"
  read -r rlib out < <(python3 "$HELPER" artifacts "$jl")
  {
    echo
    echo "### Real data (default features, CARGO_TARGET_DIR=$T, built in $COPY)"
    echo
    echo "| clean release | clean debug | incremental (touch agora_chat.toml) | no-op | build.rs on no-op | peak RSS release |"
    echo "|---|---|---|---|---|---|"
    echo "| $(join "${rel[@]}") | $(join "${dbg[@]}") | $(join "${inc[@]}") | $(join "${noop[@]}") | $(join "${fresh[@]}") | $(join "${rss[@]}") MB |"
    echo
    echo "- OUT_DIR bytes: $(outdir_sizes "$out")"
    echo "- rlib: $(basename "$rlib") $(stat -c %s "$rlib") bytes"
  } | tee -a "$RESULTS"
}

# ------------------------------------------------------------------------------------------------
# One size N.
# ------------------------------------------------------------------------------------------------
ROWS=()
DETAILS=()
measure_n() {
  local n=$1 lab; lab=$(label_of "$n")
  local T=/tmp/scale-target-$lab D=/tmp/scale-data-$lab L=$WORK/logs/n-$lab.log
  : >"$L"
  export CARGO_TARGET_DIR=$T
  unset CHAT_ERROR_CODES_DATA_DIR
  if [ "$n" = 200 ]; then
    rm -rf "$D" && mkdir -p "$D" && cp "$REPO"/data/*.toml "$D"/
    log "N=200: real data/ copied to $D (117 REST, 83 Agora entries)"
  else
    log "N=$n: generating $D"
    python3 "$HELPER" gen "$REPO/data" "$D" "$n" | tee -a "$L" >&2 || return 1
  fi
  rm -rf "$T"
  log "N=$n: dependencies (untimed, real data)"
  tm "$L" cargo build --release --locked --lib
  export CHAT_ERROR_CODES_DATA_DIR=$D
  local bs=() bsd=() bsrss=() clean=() cleanrss=() inc=() noop=() fresh=() lib=() failed=0 notes=()
  for r in $(seq "$REPS"); do
    log "N=$n run $r: clean lib build"
    cargo clean --release -p chat-error-codes >>"$L" 2>&1
    tm "$L" cargo build --release --locked --lib --timings; clean+=("$(fmt)"); cleanrss+=("$T_RSS")
    if [ "$T_RC" -ne 0 ]; then failed=1; notes+=("clean build run $r: rc $T_RC ${T_NOTE}"); continue; fi
    log "N=$n run $r: incremental rebuild after touch"
    touch "$D/cometchat_rest.toml"
    tm "$L" cargo build --release --locked --lib --timings; inc+=("$(fmt)")
    local run libt; read -r run libt < <(python3 "$HELPER" timings "$T/cargo-timings/cargo-timing.html")
    bs+=("${run}s"); lib+=("${libt}s")
    log "N=$n run $r: no-op rebuild"
    local vlog=$WORK/logs/n-$lab-noop-$r.log; : >"$vlog"
    tm "$vlog" cargo build --release --locked --lib -v; noop+=("$(fmt)")
    if grep -q 'Fresh chat-error-codes' "$vlog" && ! grep -q 'build-script-build' "$vlog"; then
      fresh+=("Fresh"); else fresh+=("RERAN"); fi
    cat "$vlog" >>"$L"
  done
  # Build script alone, run directly: cross-check of (a) with its peak RSS, and the size of what it
  # generates. Works even when the lib does not build (cargo compiled the script first).
  local bsbin od=$WORK/out-$lab sizes="NA"
  bsbin=$(ls -t "$T"/release/build/chat-error-codes-*/build-script-build 2>/dev/null | head -n 1)
  if [ -n "$bsbin" ]; then
    for r in $(seq "$REPS"); do
      rm -rf "$od" && mkdir -p "$od"
      OUT_DIR=$od CARGO_MANIFEST_DIR=$COPY tm "$L" "$bsbin"; bsd+=("$(fmt)"); bsrss+=("$T_RSS")
    done
    sizes=$(outdir_sizes "$od")
    # Known codes sharing a fingerprint (found by a scan after the probe): expected 0.
    sizes="$sizes; fingerprint collisions: $(grep -ho 'static COLLISIONS: \[(&str, [A-Za-z0-9_]*); [0-9]*\]' "$od"/*.rs | grep -o '[0-9]*\]$' | tr -d ']' | awk '{ s += $1 } END { print s + 0 }')"
  fi
  local shown=$n; [ "$n" = 200 ] && shown="200 (real 117/83)"
  if [ "$failed" -ne 0 ]; then
    ROWS+=("| $shown | direct: $(join "${bsd[@]}") | $(join "${clean[@]}") | $(join "${inc[@]:--}") | $(join "${noop[@]:--}") | n/a (lib does not build) | n/a | n/a | n/a | n/a |")
    DETAILS+=("- N=$n: ${notes[*]}; build script run directly $(join "${bsd[@]}") (peak RSS $(join "${bsrss[@]}") MB); OUT_DIR bytes: $sizes; log $L")
    printf '%s\n' "${ROWS[-1]}" "${DETAILS[-1]}" >>"$WORK/rows-partial.md"
    return 0
  fi
  local jl=$WORK/logs/n-$lab-artifacts.json rlib out
  cargo build --release --locked --lib --message-format=json >"$jl" 2>>"$L"
  read -r rlib out < <(python3 "$HELPER" artifacts "$jl")
  # Lookups.
  log "N=$n: bench build"
  tm "$L" cargo bench --locked --bench scaling --no-run; local bbuild; bbuild=$(fmt); local bbrss=$T_RSS
  local known=() near=() inthit=() known128=() inthit128=()
  for r in $(seq "$REPS"); do
    log "N=$n run $r: cargo bench"
    rm -rf "$T/criterion"
    local blog=$WORK/logs/n-$lab-bench-$r.log; : >"$blog"
    tm "$blog" cargo bench --locked --bench scaling
    local a b c d e; read -r a b c d e < <(python3 "$HELPER" bench "$blog")
    known+=("$a"); near+=("$b"); inthit+=("$c"); known128+=("$d"); inthit128+=("$e")
    sed -n '/^| catalog/,$p' "$blog" >>"$L"
  done
  ROWS+=("| $shown | $(join "${bs[@]}") | $(join "${clean[@]}") | $(join "${inc[@]}") | $(join "${noop[@]}") (${fresh[*]}) | $(join "${known[@]}") | $(join "${known128[@]}") | $(join "${near[@]}") | $(join "${inthit[@]}") | $(join "${inthit128[@]}") |")
  DETAILS+=("- N=$n: build script run directly $(join "${bsd[@]}") (peak RSS $(join "${bsrss[@]}") MB); lib unit in --timings $(join "${lib[@]}"); clean lib build peak RSS $(join "${cleanrss[@]}") MB; bench build $bbuild (peak RSS $bbrss MB); OUT_DIR bytes: $sizes; rlib $(stat -c %s "$rlib") bytes")
  printf '%s\n' "${ROWS[-1]}" "${DETAILS[-1]}" >>"$WORK/rows-partial.md"
}

# ------------------------------------------------------------------------------------------------
{ echo; echo "## scaling.sh $(date -u +%FT%TZ) sizes: ${SIZES[*]} ($(rustc --version), $(nproc) cores)"; } | tee -a "$RESULTS"
refresh_copy
cd "$COPY" || exit 1
for s in "${SIZES[@]}"; do
  if [ "$s" = real ]; then measure_real; else measure_n "$s"; fi
done
if [ ${#ROWS[@]} -gt 0 ]; then
  {
    echo
    echo "| N | build-script run | clean lib build | incremental (touch) | no-op rebuild | known ns | known ns, 128 sampled | near-miss ns | int-hit ns | int-hit ns, 128 sampled |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
    echo
    printf '%s\n' "${DETAILS[@]}"
  } | tee -a "$RESULTS"
fi
log "results appended to $RESULTS; logs in $WORK/logs"
