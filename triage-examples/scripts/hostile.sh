#!/usr/bin/env bash
# Runs the hostile-input probe of 2026-11 (../shared/reviews/hostile-input-2026-11.md, P1-P17) against the built jar,
# every run under -Xmx256m, and checks each run's expected outcome (exit code, output, errors), written in
# hostile.py beside this script. Prints one line per failed check and a one-line summary; exits 0 when every check
# passes. Takes about eight minutes on two cores.
#
#   mvn -q -B -DskipTests package && bash triage-examples/scripts/hostile.sh
#
# Needs Java 17, Python 3 and a Linux shell (mkfifo, timeout; setpriv for the permission runs, which are skipped
# when not run as root).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="${TRIAGE_JAR:-$here/../target/triage.jar}"
if [[ ! -f "$jar" ]]; then
  echo "hostile.sh: $jar not found; build it first: mvn -q -B -DskipTests package" >&2
  exit 2
fi
exec python3 "$here/hostile.py" "$jar" "$@"
