#!/usr/bin/env bash
# Build cost and lookup speed of chat-error-codes over synthetic catalogs.
#
#   bash benches/scaling.sh                          # real 200 10000 100000
#   SCALING_REPS=1 bash benches/scaling.sh real 200 2000
#
# "real" measures the crate's own data/. A number N measures a catalog whose cometchat_rest
# (string codes) and agora_chat (integer codes) tables have N synthetic entries each, written by
# the Rust generator tools/scaling-data (the other tables stay real). Nothing in the repository is
# touched: each size is built in a copy of the crate, /tmp/scale-copy-<size>, with
# CARGO_TARGET_DIR=/tmp/scale-target (shared by the sizes: dependencies are built once, untimed).
#
# Measured SCALING_REPS times per size (cells "run 1 / run 2"), wall time and peak RSS of the
# largest process by /usr/bin/time -f '%e %M':
#   build.rs   the build script run directly (OUT_DIR under $SCALING_WORK)
#   clean lib  `cargo clean --release -p chat-error-codes` then `cargo build --release --lib`
#   touch      the same build after `touch data/cometchat_rest.toml`
#   no-op      the same build again: must be cargo's "Fresh" (build.rs not rerun)
#   lookups    `cargo bench --bench scaling`: its table, ns per lookup
# and once: fingerprint collisions (0 whenever the build passed: since issue 22 two keys with one
# fingerprint stop the build) and the size of the generated code of the two large tables.
#
# Environment: SCALING_REPS (2), SCALING_TIMEOUT (seconds per command, 2400), SCALING_WORK
# (/tmp/scale-work: results.md and logs/, one per size and per no-op and bench run). A command is killed when MemAvailable drops under 1 GB.
set -uo pipefail
exec 9>/tmp/scale.lock # runs share /tmp/scale-*: one at a time
flock -n 9 || { echo "scaling.sh: another run holds /tmp/scale.lock" >&2; exit 1; }

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${SCALING_WORK:-/tmp/scale-work}
REPS=${SCALING_REPS:-2}
TIMEOUT=${SCALING_TIMEOUT:-2400}
RESULTS=$WORK/results.md
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(real 200 10000 100000)
export CARGO_TARGET_DIR=/tmp/scale-target
mkdir -p "$WORK/logs"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# t LOG CMD...: runs CMD (output appended to LOG); sets T ("12.3s" or "FAIL(rc=N)") and RSS (MB).
t() {
  local logf=$1 pid rc wall=NA kb=0
  shift
  echo "+ $*" >>"$logf"
  rm -f "$WORK/time"
  timeout -k 10 "$TIMEOUT" /usr/bin/time -f '%e %M' -o "$WORK/time" "$@" >>"$logf" 2>&1 &
  pid=$! # timeout leads a process group: the whole command is killed when memory runs out
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$(awk '/^MemAvailable:/ { print $2 }' /proc/meminfo)" -lt 1048576 ]; then
      log "  MemAvailable under 1 GB: killing $*"
      kill -KILL -- "-$pid" 2>/dev/null
    fi
    sleep 1
  done
  wait "$pid"
  rc=$?
  [ -s "$WORK/time" ] && read -r wall kb < <(tail -n 1 "$WORK/time")
  RSS=$((kb / 1024))
  if [ "$rc" -eq 0 ]; then T="${wall}s"; else T="FAIL(rc=$rc)"; log "  failed: $* (see $logf)"; fi
}

# Joins the rows of the repetitions cell by cell ("a / b"; once when all runs agree).
join_reps() {
  awk -F ' [|] ' '{ for (i = 1; i <= NF; i++) { if (NR == 1) { c[i] = $i; same[i] = 1 }
    else { c[i] = c[i] " / " $i; if ($i != first[i]) same[i] = 0 } if (NR == 1) first[i] = $i }; n = NF }
    END { for (i = 1; i <= n; i++) printf "%s%s", (same[i] ? first[i] : c[i]), (i < n ? " | " : "\n") }'
}

measure() {
  local size=$1 copy=/tmp/scale-copy-$1 L=$WORK/logs/$1.log rows="" r json bsbin out
  local clean clean_rss touched noop noop_log bench_log bs bs_rss lookups
  : >"$L"
  rm -rf "$copy" && mkdir -p "$copy"
  cp -r "$REPO"/{Cargo.toml,Cargo.lock,build.rs,codegen,data,src,benches,tools,README.md} "$copy"/
  cd "$copy" || return 1
  log "$size: dependencies and the bench's (untimed)"
  cargo build --release --locked --lib >>"$L" 2>&1 && cargo bench --locked --bench scaling --no-run >>"$L" 2>&1 ||
    { log "$size: the build fails (see $L)"; return 1; }
  if [ "$size" != real ]; then
    log "$size: tools/scaling-data writes $copy/data"
    (cd "$REPO" && CARGO_TARGET_DIR=/tmp/scale-target-tool cargo run --locked -q -p scaling-data -- \
      --entries "$size" --out "$copy/data") 2>>"$L" | tee -a "$L" >&2 || { log "$size: the generator failed"; return 1; }
  fi
  for r in $(seq "$REPS"); do
    log "$size run $r: clean lib build, touch rebuild, no-op rebuild"
    cargo clean --release -p chat-error-codes >>"$L" 2>&1
    t "$L" cargo build --release --locked --lib
    clean=$T clean_rss=$RSS
    [[ $clean == FAIL* ]] && { rows+="n/a | n/a | $clean | $clean_rss MB"$'\n'; break; }
    touch data/cometchat_rest.toml
    t "$L" cargo build --release --locked --lib
    touched=$T noop_log=$WORK/logs/$size-noop-$r.log bench_log=$WORK/logs/$size-bench-$r.log
    : >"$noop_log" && : >"$bench_log"
    t "$noop_log" cargo build --release --locked --lib -v
    noop="$T (Fresh)"
    grep -q 'Fresh chat-error-codes' "$noop_log" && ! grep -q 'Running.*build-script-build' "$noop_log" ||
      noop="$T (RERAN)"
    json=$(cargo build --release --locked --lib --message-format=json 2>>"$L")
    bsbin=$(grep -o '"[^"]*/chat-error-codes-[0-9a-f]*/build-script-build"' <<<"$json" | head -n 1 | tr -d '"')
    out=$(grep -o '"out_dir":"[^"]*/chat-error-codes-[0-9a-f]*/out"' <<<"$json" | head -n 1 | cut -d '"' -f 4)
    log "$size run $r: build script run directly, then cargo bench --bench scaling"
    rm -rf "$WORK/out" && mkdir -p "$WORK/out"
    t "$L" env OUT_DIR="$WORK/out" CARGO_MANIFEST_DIR="$copy" "$bsbin"
    bs=$T bs_rss=$RSS
    t "$bench_log" cargo bench --locked --bench scaling
    lookups=$(sed -n '/^| REST codes |/{n;n;p}' "$bench_log" | sed 's/^| //; s/ |$//')
    rows+="$bs | $bs_rss MB | $clean | $clean_rss MB | $touched | $noop | ${lookups:-n/a}"$'\n'
  done
  local collisions=n/a generated=n/a
  if [ -n "${out:-}" ]; then
    collisions=0
    generated="$(( $(cat "$out"/cometchat_rest.rs "$out"/agora_chat.rs | wc -c) / 1024 )) KB"
  fi
  echo "| $size | $(printf '%s' "$rows" | join_reps) | $collisions | $generated |" | tee -a "$RESULTS"
}

{
  echo
  echo "## scaling.sh $(date -u +%FT%TZ), sizes ${SIZES[*]}, SCALING_REPS=$REPS ($(rustc --version), $(nproc) cores)"
  echo
  echo "| data | build.rs run | build.rs RSS | clean lib build | peak RSS | touch rebuild | no-op rebuild | REST codes | Agora codes | known | near miss | random miss | known, 128 | int hit | int miss | int hit, 128 | collisions | generated (REST + Agora) |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
} | tee -a "$RESULTS"
for size in "${SIZES[@]}"; do
  measure "$size" || echo "| $size | failed: see $WORK/logs/$size.log |" | tee -a "$RESULTS"
done
log "results appended to $RESULTS; logs in $WORK/logs"
