#!/usr/bin/env bash
# triage-service under load, and every example case's SDC interview over HTTP: the LoadTest with 20,000 POST /assess
# requests over 16 connections (mvn verify sends 2,000) and the next-question round trips of all example cases
# (mvn verify replays 11 of them, three or so per disposition). p50/p99 latency goes to triage-service/target/service-load.txt.
#
# Usage (from the repository root):
#   bash triage-benchmarks/scripts/service.sh [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
REQUESTS=${1:-20000}
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f triage-service/target/service-load.txt
mvn -B -q -pl triage-service -am verify -DskipITs -Dtest='LoadTest,FhirEndpointsTest' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dtriage.service.loadRequests="$REQUESTS" -Dtriage.service.allExamples=true
cat triage-service/target/service-load.txt
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
