#!/usr/bin/env bash
# Cold start: whole-process time of `java -jar triage.jar assess --json CASE` against a plain JVM that reads the same
# JSON case file (PlainRead: Jackson + the hand-coded baseline, no rules engine). Medians over RUNS runs each, with
# hyperfine when it is installed (Debian: apt-get install hyperfine), otherwise with a small timing loop.
# Also measured: the DRL compiled at start-up (--rules on the same DRL, as before the executable model was pre-built),
# and the default command with an AppCDS archive of the CLI's classes (made once, by a training run, as
# triage-examples/bin/triage does), with and without -XX:TieredStopAtLevel=1.
#
# Usage (from the repository root, after mvn -B -Pbench -DskipTests package):
#   bash triage-benchmarks/scripts/coldstart.sh [CASE] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
CASE=${1:-triage-examples/cases/office-wallet.json}
RUNS=${2:-7}
TRIAGE=triage-examples/target/triage.jar
BENCH=triage-benchmarks/target/benchmarks.jar
OUT=triage-benchmarks/target/coldstart
mkdir -p "$OUT"
ARCHIVE=$OUT/triage-cds.jsa

# the AppCDS archive: one training run that assesses the case and dumps every class it loaded
rm -f "$ARCHIVE"
java -XX:ArchiveClassesAtExit="$ARCHIVE" -Xlog:disable -Xlog:all=error:stderr -jar "$TRIAGE" assess --json "$CASE" \
  > /dev/null 2> "$OUT/cds-training.log"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
RULES=triage-rules/src/main/resources/health/triage/rules
declare -a NAMES=(plain-jvm-reads-json triage-assess-drl-compiled triage-assess triage-assess-appcds
  triage-assess-appcds-c1)
declare -a CMDS=(
  "java -cp $BENCH health.triage.bench.PlainRead $CASE"
  "java -jar $TRIAGE assess --json --rules $RULES $CASE"
  "java -jar $TRIAGE assess --json $CASE"
  "java -XX:SharedArchiveFile=$ARCHIVE -jar $TRIAGE assess --json $CASE"
  "java -XX:SharedArchiveFile=$ARCHIVE -XX:TieredStopAtLevel=1 -jar $TRIAGE assess --json $CASE"
)
if command -v hyperfine > /dev/null; then
  args=()
  for i in "${!CMDS[@]}"; do args+=(-n "${NAMES[$i]}" "${CMDS[$i]}"); done
  hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$OUT/coldstart.json" --export-markdown "$OUT/coldstart.md" \
    "${args[@]}" > "$OUT/hyperfine.log"
  python3 - "$OUT/coldstart.json" <<'PY'
import json, sys, statistics
for r in json.load(open(sys.argv[1]))["results"]:
    t = sorted(r["times"])
    print(f'{r["command"][:60]:60s}  median {statistics.median(t):6.3f} s  min {t[0]:6.3f}  max {t[-1]:6.3f}  runs {len(t)}')
PY
else
  for i in "${!CMDS[@]}"; do
    times=()
    ${CMDS[$i]} > /dev/null 2>&1 # warm-up (file cache)
    for _ in $(seq "$RUNS"); do
      start=$(date +%s%N); ${CMDS[$i]} > /dev/null 2>&1; end=$(date +%s%N)
      times+=("$(( (end - start) / 1000000 ))")
    done
    sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
    printf '%-28s median %s ms   all: %s\n' "${NAMES[$i]}" "$median" "$sorted"
  done
fi
