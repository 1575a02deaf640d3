#!/usr/bin/env bash
# What chat-error-codes costs in a user's build, against a binary that uses serde_json alone.
#
#   bash tools/build-cost.sh            # two builds of each, results in $WORK/results.md
#   BUILD_COST_REPS=1 bash tools/build-cost.sh
#
# Creates, outside the repository, two fresh `cargo new` binaries in $WORK (/tmp/build-cost):
#   with-crate/    depends on this crate by path, default features; looks one code up and prints it
#   serde-json/    depends on serde_json only; parses one JSON body and prints it
# Both start from a copy of this repository's Cargo.lock (cargo drops the entries they do not
# use), so both build the same dependency versions as the repository, and both use the same
# CARGO_HOME (the registry cache is shared; nothing is downloaded when it is warm).
#
# Measured, each BUILD_COST_REPS times (2) and every run reported:
#   - clean release build: `cargo clean`, then `cargo build --release --timings`, wall time from
#     /usr/bin/time;
#   - the stripped size of the binary: `strip` of a copy, then `stat -c %s`;
#   - from the --timings report of each run: the duration of every unit, so that the build
#     script (compiling it, and running it) and the proc-macro derives (serde_derive,
#     strum_macros, thiserror-impl) can be set against the whole build. Units run in parallel
#     on the machine's cores, so durations are per unit, not shares of the wall time.
#
# Absolute times depend on the machine's load (the project's machine has 2 shared cores): read
# the ratios of one run, and compare runs of the same invocation.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${BUILD_COST_WORK:-/tmp/build-cost}
REPS=${BUILD_COST_REPS:-2}
# Each project builds into its own target directory, whatever the caller exported.
unset CARGO_TARGET_DIR CARGO_BUILD_TARGET_DIR

rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"

cargo new --quiet --bin with-crate
cargo new --quiet --bin serde-json

cat >>with-crate/Cargo.toml <<EOF
chat-error-codes = { path = "$REPO" }
EOF
cat >with-crate/src/main.rs <<'EOF'
//! Looks one CometChat REST code up and prints it.
use chat_error_codes::cometchat::rest::ChatError;

fn main() {
    let code = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "ERR_UID_NOT_FOUND".into());
    match ChatError::from_code(&code) {
        Some(e) => println!("{e}"),
        None => println!("unknown code {code}"),
    }
}
EOF

cat >>serde-json/Cargo.toml <<'EOF'
serde_json = "1"
EOF
cat >serde-json/src/main.rs <<'EOF'
//! Parses one JSON error body and prints it.
fn main() {
    let body = std::env::args().nth(1).unwrap_or_else(|| {
        r#"{"error":{"code":"ERR_UID_NOT_FOUND","message":"The UID does not exist."}}"#.into()
    });
    match serde_json::from_str::<serde_json::Value>(&body) {
        Ok(v) => println!("{v}"),
        Err(e) => println!("not JSON: {e}"),
    }
}
EOF

for p in with-crate serde-json; do
    cp "$REPO/Cargo.lock" "$p/Cargo.lock"
done

# Fetch (or find in the cache) everything first, so that no build waits for the network.
for p in with-crate serde-json; do
    (cd "$p" && cargo fetch --quiet)
done

# Units from a --timings report, one "name<TAB>target<TAB>seconds<TAB>start<TAB>end" line per
# unit, in the order they started.
units() {
    python3 - "$1" <<'EOF'
import json, re, sys
html = open(sys.argv[1]).read()
m = re.search(r"const UNIT_DATA = (\[.*?\]);\n", html, re.S)
for u in sorted(json.loads(m.group(1)), key=lambda u: u["start"]):
    target = u.get("target", "").strip() or "lib"
    end = u["start"] + u["duration"]
    print(f'{u["name"]}\t{target}\t{u["duration"]:.2f}\t{u["start"]:.1f}\t{end:.1f}')
EOF
}

RESULTS=$WORK/results.md
: >"$RESULTS"
declare -A WALL SIZE
for rep in $(seq 1 "$REPS"); do
    for p in with-crate serde-json; do
        (
            cd "$p"
            cargo clean --quiet
            rm -rf target/cargo-timings
            /usr/bin/time -f '%e' -o "$WORK/$p.time.$rep" \
                cargo build --release --quiet --timings
            cp target/release/"$p" "$WORK/$p.bin"
            strip "$WORK/$p.bin"
            stat -c %s "$WORK/$p.bin" >"$WORK/$p.size.$rep"
            units target/cargo-timings/cargo-timing.html >"$WORK/$p.units.$rep"
            ./target/release/"$p" >"$WORK/$p.out"
        )
        WALL[$p.$rep]=$(cat "$WORK/$p.time.$rep")
        SIZE[$p.$rep]=$(cat "$WORK/$p.size.$rep")
        echo "run $rep $p: ${WALL[$p.$rep]} s, ${SIZE[$p.$rep]} bytes stripped" >&2
    done
done

{
    echo "## Build cost in a user's binary ($(date +%F), $(nproc) cores, $(rustc --version | cut -d' ' -f1-2))"
    echo
    echo "| binary | clean release build, s (each run) | stripped size, bytes | output |"
    echo "|---|---|---|---|"
    for p in with-crate serde-json; do
        walls=$(for r in $(seq 1 "$REPS"); do printf '%s / ' "${WALL[$p.$r]}"; done)
        echo "| $p | ${walls% / } | ${SIZE[$p.1]} | \`$(head -c 60 "$WORK/$p.out")\` |"
    done
    ratios=$(for r in $(seq 1 "$REPS"); do
        python3 -c "print(f'{${WALL[with-crate.$r]}/${WALL[serde-json.$r]}:.2f}x', end='')"
        printf ' / '
    done)
    size_ratio=$(python3 -c "print(f'{${SIZE[with-crate.1]}/${SIZE[serde-json.1]}:.2f}x')")
    echo "| with-crate / serde-json | ${ratios% / } | $size_ratio | |"
    echo
    echo "Units of the with-crate build (cargo's --timings): seconds, and when the unit ran"
    echo "(start-end, seconds after the build began). Several units run at once on the cores, so"
    echo "the durations add up to more than the wall time."
    echo
    echo "| unit | $(for r in $(seq 1 "$REPS"); do printf 'run %s | ' "$r"; done)"
    echo "|---|$(for r in $(seq 1 "$REPS"); do printf -- '---|'; done)"
    for unit in "chat-error-codes	lib" "chat-error-codes	build-script" "chat-error-codes	build-script (run)" \
        "serde_derive	lib" "strum_macros	lib" "thiserror-impl	lib" "syn	lib" \
        "serde_json	lib" "toml	lib" "phf_shared	lib" "phf_generator	lib"; do
        row="| ${unit/	/ (}) |"
        for r in $(seq 1 "$REPS"); do
            # Some units (syn) are built twice: once per feature set.
            d=$(awk -F'\t' -v u="$unit" '$1"\t"$2 == u { printf "%s%.2f s (%s-%s)", sep, $3, $4, $5; sep = " + " } END { if (!sep) printf "-" }' "$WORK/with-crate.units.$r")
            row="$row $d |"
        done
        echo "$row"
    done
    echo
    for r in $(seq 1 "$REPS"); do
        awk -F'\t' -v r="$r" '{ s += $3 } END { printf "Run %s: %d units, %.1f unit-seconds in all.\n", r, NR, s }' "$WORK/with-crate.units.$r"
    done
    echo
    echo "Every unit of the with-crate build, run 1 (name, target, seconds, start, end):"
    echo
    echo '```'
    column -t -s $'\t' "$WORK/with-crate.units.1"
    echo '```'
} >"$RESULTS"
cat "$RESULTS"
