#!/usr/bin/env bash
# Marginal CPU time per case through the command line, as a user meets it: process CPU (user + system, /usr/bin/time)
# of `assess --json --no-next-questions` over COUNT generated cases minus that over one case, divided by COUNT - 1, so
# that start-up cancels out; the same for `assess --json` (with next questions) over COUNT / 10 cases. Each run is
# repeated RUNS times and the median taken. CPU time does not count waiting for a core, so other work on the machine
# matters less than for wall time; the load average is printed.
#
# Usage (from the repository root, after mvn -B -Pbench -DskipTests package):
#   bash triage-benchmarks/scripts/cli-cpu.sh [COUNT] [RUNS] [JAR]
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-10000}
RUNS=${2:-3}
TRIAGE=${3:-triage-examples/target/triage.jar}
BENCH=triage-benchmarks/target/benchmarks.jar
OUT=triage-benchmarks/target/cli-cpu
mkdir -p "$OUT"
FEW=$((COUNT / 10))
[ -d "$OUT/cases-$COUNT" ] || java -cp "$BENCH" health.triage.bench.CaseGenerator "$COUNT" "$OUT/cases-$COUNT" 42 1000
[ -d "$OUT/cases-$FEW" ] || java -cp "$BENCH" health.triage.bench.CaseGenerator "$FEW" "$OUT/cases-$FEW" 42 1000
[ -f "$OUT/one.json" ] || java -cp "$BENCH" health.triage.bench.CaseGenerator 1 "$OUT/one.json" 42

# median process CPU seconds (user + system) of a command over RUNS runs
cpu() {
  local times=()
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%U %S' -o "$OUT/time.txt" "$@" > /dev/null 2>> "$OUT/stderr.txt" || true
    times+=("$(awk '{printf "%.3f", $1 + $2}' "$OUT/time.txt")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); jar $TRIAGE"
one=$(cpu java -jar "$TRIAGE" assess --json --no-next-questions "$OUT/one.json")
many=$(cpu java -jar "$TRIAGE" assess --json --no-next-questions "$OUT/cases-$COUNT")
echo "assess --json --no-next-questions: 1 case $one s CPU, $COUNT cases $many s CPU:" \
  "$(awk -v a="$one" -v b="$many" -v n="$COUNT" 'BEGIN {printf "%.1f", (b - a) / (n - 1) * 1e6}') us CPU per case"
one=$(cpu java -jar "$TRIAGE" assess --json "$OUT/one.json")
many=$(cpu java -jar "$TRIAGE" assess --json "$OUT/cases-$FEW")
echo "assess --json (next questions): 1 case $one s CPU, $FEW cases $many s CPU:" \
  "$(awk -v a="$one" -v b="$many" -v n="$FEW" 'BEGIN {printf "%.2f", (b - a) / (n - 1) * 1e3}') ms CPU per case"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
