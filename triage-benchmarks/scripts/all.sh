#!/usr/bin/env bash
# Every figure of PERFORMANCE.md, from a fresh clone: builds with the bench profile (the benchmarks module is not part
# of the default build or of CI), runs the JMH benchmarks, the CPU-time harness and breakdown, the pooled-session
# check, the 10x rule base, the cold start and the batch. Results go to triage-benchmarks/target/results/.
# Takes about 30 minutes on 2 cores. Usage, from the repository root:
#   bash triage-benchmarks/scripts/all.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=triage-benchmarks/target/results
BENCH=triage-benchmarks/target/benchmarks.jar
mvn -B -q -Pbench -DskipTests package
mkdir -p "$OUT"
{
  echo "nproc: $(nproc)"
  grep -m1 'model name' /proc/cpuinfo
  java -version 2>&1
  echo "load average: $(cat /proc/loadavg)"
} | tee "$OUT/machine.txt"
java -jar "$BENCH" -rf json -rff "$OUT/jmh.json" | tee "$OUT/jmh.txt"
java -cp "$BENCH" health.triage.bench.CpuTime 5 5 | tee "$OUT/cputime.txt"
java -cp "$BENCH" health.triage.bench.CpuTime 5 3 1 | tee "$OUT/cputime-x1.txt"
java -cp "$BENCH" health.triage.bench.CpuTime 5 3 10 | tee "$OUT/cputime-x10.txt"
java -cp "$BENCH" health.triage.bench.Breakdown | tee "$OUT/breakdown.txt"
java -cp "$BENCH" health.triage.bench.PooledSessionCheck | tee "$OUT/pooled-sessions.txt"
java -cp "$BENCH" health.triage.bench.NextScreenCpuTime 3 | tee "$OUT/nextscreen.txt"
bash triage-benchmarks/scripts/coldstart.sh | tee "$OUT/coldstart.txt"
bash triage-benchmarks/scripts/batch.sh | tee "$OUT/batch.txt"
