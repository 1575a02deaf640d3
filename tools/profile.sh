#!/usr/bin/env bash
# Where the time of a payload parse and of a lookup goes, crate against the baselines of
# benches/payload.rs and benches/lookup.rs.
#
#   bash tools/profile.sh            # counts, then the REST and lookup profiles
#   bash tools/profile.sh counts     # instruction counts only
#
# 1. Instruction counts (callgrind): every payload shape on each side (crate, typed struct +
#    match, Value + match) and every lookup workload (crate, match), per parse or lookup. They
#    do not depend on the machine's load, so they compare runs of different days and trees;
#    they are not times (cache misses and mispredicted branches cost cycles, not
#    instructions), so read them next to the benches' time ratios.
# 2. For the CometChat REST shape and the known-code and integer-hit lookups: the functions
#    the instructions are spent in (callgrind, self cost with inlined code attributed to its
#    function by the line tables), crate against baseline; and a time profile of the REST
#    shape (perf, cpu-clock sampling; skipped when perf cannot sample).
#
# The benches run in their profile mode (BENCH_PROFILE=<group>/<side>/<rounds>: one side alone,
# no criterion); callgrind counts inside their `profiled` function only. They are built with
# line tables (CARGO_PROFILE_BENCH_DEBUG=line-tables-only) into $CARGO_TARGET_DIR/prof, so the
# benches' own build is untouched. Results: $PROFILE_OUT (/tmp/profile)/results.md.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${PROFILE_OUT:-/tmp/profile}
MODE=${1:-all}
TARGET=${CARGO_TARGET_DIR:-$REPO/target}/prof
mkdir -p "$OUT"
cd "$REPO"

echo "building the benches with line tables into $TARGET" >&2
exes=$(CARGO_TARGET_DIR=$TARGET CARGO_PROFILE_BENCH_DEBUG=line-tables-only \
    cargo bench --bench payload --bench lookup --no-run --message-format=json 2>/dev/null |
    python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and "bench" in m["target"]["kind"]:
        print(m["target"]["name"], m["executable"])
')
PAYLOAD=$(awk '$1 == "payload" { print $2 }' <<<"$exes")
LOOKUP=$(awk '$1 == "lookup" { print $2 }' <<<"$exes")
[ -x "$PAYLOAD" ] && [ -x "$LOOKUP" ] || { echo "bench executables not found" >&2; exit 1; }

# Instructions per call of `profiled` for one BENCH_PROFILE spec: prints "<per call>".
count() { # exe spec out-file
    local log
    log=$(BENCH_PROFILE=$2 valgrind --tool=callgrind --callgrind-out-file="$3" \
        --toggle-collect="*::profiled*" "$1" 2>&1)
    python3 - "$log" <<'EOF'
import re, sys
log = sys.argv[1]
calls = int(re.search(r": (\d+) (?:parses|lookups)", log).group(1))
collected = int(re.search(r"Collected : (\d+)", log).group(1))
print(f"{collected / calls:.0f}")
EOF
}

# Two reports over callgrind files, from one parser of callgrind_annotate's self cost per
# function (inlined code counted in the function its line tables name):
#   compare a b calls label-a label-b rows   per function, largest differences first;
#   groups shape a b calls                   one table row: the difference by kind of work, the
#                                            functions grouped by name (first match wins).
CALLGRIND_PY=$OUT/callgrind_report.py
cat >"$CALLGRIND_PY" <<'EOF'
import collections, re, subprocess, sys

GROUPS = [
    ("lookup", r"phf|siphasher|fingerprint|resolve::exact|Table::lookup|find_code|find_number|resolve_received|resolve_exception|by_rules|probe_code|probe_number|baselines::match_"),
    ("alloc and copies", r"malloc|_int_free|realloc|memcpy|memmove|cfree|\bfree\b"),
    ("classification", r"::class\b|server_message|template_matches|canonical|recovery|in_error_payload"),
    ("nested causes", r"is_contained_in|memchr|simd_contains|may_name|nested_causes"),
    ("result assembly", r"ParsedError|drop_in_place|shapes::|ours_|typed_|value_|from_trait|Cause"),
    ("member reading", r"payload::fields|RawCode|Text|Key|__Field|deserialize_struct|deserialize_str|deserialize_map|deserialize_option|deserialize_any|deserialize_raw_value|deserialize_i|PhantomData|Option<T>|MapAccess|next_key|next_value|Visitor|ExceptionCode|Content|IgnoredAny"),
    ("JSON scanning", r"serde_json"),
]

def costs(path):
    out = subprocess.run(["callgrind_annotate", "--auto=no", "--threshold=100", path],
                         capture_output=True, text=True).stdout
    d = collections.Counter()
    started = False
    for line in out.splitlines():
        if "file:function" in line:
            started = True
            continue
        m = re.match(r"\s*([\d,]+)\s+\([\s\d.]+%\)\s+(.*)", line) if started else None
        if m:
            name = re.sub(r" \[[^\]]*\]$", "", m.group(2))
            name = name.split(":", 1)[1] if ":" in name else name
            d[name] += int(m.group(1).replace(",", ""))
    return d

def compare(a_file, b_file, calls, la, lb, rows):
    calls, rows = float(calls), int(rows)
    a, b = costs(a_file), costs(b_file)
    print(f"| function (self, inlined code included) | {la} | {lb} | difference | share of {la} |")
    print("|---|---|---|---|---|")
    ta, tb = sum(a.values()), sum(b.values())
    print(f"| **total** | {ta/calls:.0f} | {tb/calls:.0f} | {(ta-tb)/calls:+.0f} | 100% |")
    for k in sorted(set(a) | set(b), key=lambda k: -abs(a[k] - b[k]))[:rows]:
        name = k.replace("|", "\\|")[:110]
        print(f"| `{name}` | {a[k]/calls:.0f} | {b[k]/calls:.0f} | {(a[k]-b[k])/calls:+.0f} | {100*a[k]/ta:.1f}% |")

def groups(shape, a_file, b_file, calls):
    calls = float(calls)
    def grouped(path):
        d = collections.Counter()
        for name, cost in costs(path).items():
            d[next((g for g, rx in GROUPS if re.search(rx, name)), "other")] += cost
        return d
    a, b = grouped(a_file), grouped(b_file)
    cells = [f"{(a[g] - b[g]) / calls:+.0f}" for g, _ in GROUPS + [("other", "")]]
    ta, tb = sum(a.values()) / calls, sum(b.values()) / calls
    print(f"| {shape} | {ta:.0f} | {tb:.0f} | {ta - tb:+.0f} | " + " | ".join(cells) + " |")

{"compare": compare, "groups": groups}[sys.argv[1]](*sys.argv[2:])
EOF
compare() { python3 "$CALLGRIND_PY" compare "$@"; }
groups() { python3 "$CALLGRIND_PY" groups "$@"; }

RESULTS=$OUT/results.md
{
    echo "## Instruction counts ($(date +%F), $(rustc --version | cut -d' ' -f1-2), $(git -C "$REPO" rev-parse --short HEAD))"
    echo
    echo "Instructions per payload (callgrind), parse and classify, same corpus as \`cargo bench --bench payload\`:"
    echo
    echo "| shape | chat-error-codes | typed struct + match | Value + match | crate / typed | crate / Value |"
    echo "|---|---|---|---|---|---|"
} >"$RESULTS"
for shape in cometchat_rest cometchat_calls cometchat_exception agora_error_event agora_rest \
    genesys_event_error stream sendbird_platform sendbird_error; do
    c=$(count "$PAYLOAD" "$shape/chat_error_codes/2" "$OUT/cg.$shape.crate")
    t=$(count "$PAYLOAD" "$shape/typed/2" "$OUT/cg.$shape.typed")
    v=$(count "$PAYLOAD" "$shape/value/2" "$OUT/cg.$shape.value")
    echo "$shape: $c / $t / $v" >&2
    python3 -c "print(f'| $shape | $c | $t | $v | {$c/$t:.2f}x | {$c/$v:.2f}x |')" >>"$RESULTS"
done
{
    echo
    echo "Instructions per lookup (callgrind), same workloads as \`cargo bench --bench lookup\`:"
    echo
    echo "| workload | chat-error-codes | match | crate / match |"
    echo "|---|---|---|---|"
} >>"$RESULTS"
for w in rest_known rest_near_miss rest_random_miss agora_int_hit agora_int_miss; do
    c=$(count "$LOOKUP" "$w/crate/200" "$OUT/cg.$w.crate")
    m=$(count "$LOOKUP" "$w/match/200" "$OUT/cg.$w.match")
    echo "$w: $c / $m" >&2
    python3 -c "print(f'| $w | $c | $m | {$c/$m:.2f}x |')" >>"$RESULTS"
done

if [ "$MODE" != counts ]; then
    {
        echo
        echo "### Where the instructions go: CometChat REST body, crate against typed struct + match"
        echo
        echo "Per parse; callgrind's self cost per function, inlined code counted in the function"
        echo "its line tables name (so serde_json's reader appears under its own functions)."
        echo
        compare "$OUT/cg.cometchat_rest.crate" "$OUT/cg.cometchat_rest.typed" 8000 crate typed 30
        echo
        echo "### Where the instructions go, every shape: crate minus typed struct + match"
        echo
        echo "Per parse, by kind of work (functions grouped by name: \`groups\` in tools/profile.sh)."
        echo
        echo "| shape | crate | typed | difference | lookup | alloc and copies | classification | nested causes | result assembly | member reading | JSON scanning | other |"
        echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
        for shape in cometchat_rest cometchat_calls cometchat_exception agora_error_event agora_rest \
            genesys_event_error stream sendbird_platform sendbird_error; do
            n=$(BENCH_PROFILE=$shape/typed/1 "$PAYLOAD" | grep -o '[0-9]* parses' | cut -d' ' -f1)
            groups "$shape" "$OUT/cg.$shape.crate" "$OUT/cg.$shape.typed" $((2 * n))
        done
        echo
        echo "### Where the instructions go: known REST code, crate against match"
        echo
        n=$(BENCH_PROFILE=rest_known/match/1 "$LOOKUP" | grep -o '[0-9]* lookups' | cut -d' ' -f1)
        compare "$OUT/cg.rest_known.crate" "$OUT/cg.rest_known.match" $((200 * n)) crate match 12
        echo
        echo "### Where the instructions go: Agora integer hit, crate against match"
        echo
        n=$(BENCH_PROFILE=agora_int_hit/match/1 "$LOOKUP" | grep -o '[0-9]* lookups' | cut -d' ' -f1)
        compare "$OUT/cg.agora_int_hit.crate" "$OUT/cg.agora_int_hit.match" $((200 * n)) crate match 12
    } >>"$RESULTS"
    if perf record -e cpu-clock -o "$OUT/perf.probe" true >/dev/null 2>&1; then
        for side in chat_error_codes typed; do
            BENCH_PROFILE=cometchat_rest/$side/300 perf record -e cpu-clock -F 4000 \
                -o "$OUT/perf.rest.$side" "$PAYLOAD" >/dev/null 2>&1
        done
        {
            echo
            echo "### Where the time goes: CometChat REST body (perf, cpu-clock samples at 4 kHz)"
            echo
            echo "Per parse, the functions with the largest difference between the two sides:"
            echo
            python3 - "$OUT/perf.rest.chat_error_codes" "$OUT/perf.rest.typed" <<'EOF'
import collections, re, subprocess, sys
def load(path):
    out = subprocess.run(["perf", "report", "-i", path, "--stdio", "--no-children",
                          "--sort", "symbol", "-F", "sample,sym"],
                         capture_output=True, text=True).stdout
    d = collections.Counter()
    for line in out.splitlines():
        m = re.match(r"\s*(\d+)\s+\[\.\]\s+(.*?)\s*$", line)
        if m:
            d[re.sub(r"\s+-\s+-$", "", m.group(2))] += int(m.group(1))
    return d
a, b = load(sys.argv[1]), load(sys.argv[2])
ns = lambda s: s / 4000 * 1e9 / (300 * 4000)
ta, tb = sum(a.values()), sum(b.values())
print("| function | crate, ns | typed, ns | difference | share of crate |")
print("|---|---|---|---|---|")
print(f"| **total** | {ns(ta):.0f} | {ns(tb):.0f} | {ns(ta-tb):+.0f} | 100% |")
for k in sorted(set(a) | set(b), key=lambda k: -abs(a[k] - b[k]))[:20]:
    print(f"| `{k[:110]}` | {ns(a[k]):.1f} | {ns(b[k]):.1f} | {ns(a[k]-b[k]):+.1f} | {100*a[k]/ta:.1f}% |")
EOF
        } >>"$RESULTS"
    else
        echo "perf cannot sample here: time profile skipped" >&2
    fi
fi
cat "$RESULTS"
