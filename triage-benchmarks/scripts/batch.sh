#!/usr/bin/env bash
# Batch: `triage assess --json` over COUNT generated cases in a folder of case files of 1,000 cases each (the command
# line reads case files of up to 4 MiB), output to a file; reports cases per second and the peak resident memory,
# with the heap capped (-Xmx) to show that memory does not grow with the input. assess --json computes each case's
# next questions too (interview support), which costs several assessments per case.
#
# Usage (from the repository root, after mvn -B -Pbench -DskipTests package):
#   bash triage-benchmarks/scripts/batch.sh [COUNT] [XMX]
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-100000}
XMX=${2:-128m}
TRIAGE=triage-examples/target/triage.jar
BENCH=triage-benchmarks/target/benchmarks.jar
OUT=triage-benchmarks/target/batch
mkdir -p "$OUT"
CASES=$OUT/cases-$COUNT
[ -d "$CASES" ] || java -cp "$BENCH" health.triage.bench.CaseGenerator "$COUNT" "$CASES" 42 1000
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $CASES ($(du -sh "$CASES" | cut -f1), $COUNT cases in $(ls "$CASES" | wc -l) files); heap capped at $XMX"
start=$(date +%s%N)
/usr/bin/time -f '%M' -o "$OUT/rss.txt" java -Xmx"$XMX" -Xlog:gc:file="$OUT/gc.log" -jar "$TRIAGE" assess --json "$CASES" \
  > "$OUT/results.jsonl" 2> "$OUT/stderr.txt" || true
end=$(date +%s%N)
lines=$(wc -l < "$OUT/results.jsonl")
secs=$(awk -v n=$((end - start)) 'BEGIN {printf "%.3f", n / 1e9}')
echo "results: $lines lines, $(grep -c '"error"' "$OUT/results.jsonl" || true) with an error"
echo "wall time: $secs s, $(awk -v l="$lines" -v s="$secs" 'BEGIN {printf "%d", l / s}') cases/s (including JVM start and rule compilation)"
echo "peak resident memory: $(( $(cat "$OUT/rss.txt") / 1024 )) MB; largest heap after GC: $(grep -o -- '->[0-9]*M' "$OUT/gc.log" | tr -d '>M-' | sort -n | tail -1) MB"
