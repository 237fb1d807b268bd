#!/usr/bin/env bash
# Cold start to first frame: starts Verdict N times with a fresh user folder and prints, per run, the time to the
# first laid-out frame of the main window twice: as this script sees it (from just before it starts the process to
# the moment the app reports the frame, the figure a user waits) and as the app measures it from JVM start, with the
# CPU time used by then (-Dverdict.startupBenchmark=true prints them and exits). The machine's load average is
# printed before and after: on a busy machine the wall times are upper bounds. Needs a display: under Xvfb, `Xvfb :99 -screen 0 1440x900x24 & export DISPLAY=:99`.
#
# Usage: packaging/measure-cold-start.sh [jar|app-image] [runs]     (default: jar 5)
#   jar        java -jar target/verdict.jar          (build first: ./mvnw -DskipTests package)
#   app-image  target/dist/Verdict/bin/Verdict       (build first: packaging/build-native.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

KIND="${1:-jar}"
RUNS="${2:-5}"
case "$KIND" in
  jar) command=(java -Dverdict.startupBenchmark=true -jar target/verdict.jar) ;;
  app-image) command=(target/dist/Verdict/bin/Verdict) ;;
  *) echo "unknown kind $KIND (jar or app-image)" >&2; exit 2 ;;
esac

uptime
for run in $(seq 1 "$RUNS"); do
  home="$(mktemp -d)"
  started=$(date +%s%N)
  # A fresh user folder: no remembered pack, so the bundled sample opens, as on a first start.
  JAVA_TOOL_OPTIONS="-Dverdict.home=$home -Dverdict.startupBenchmark=true" "${command[@]}" 2>/dev/null \
    | { read -r _ && seen=$(( ($(date +%s%N) - started) / 1000000 ))
        sed -n "s/^first-frame-ms \([0-9]*\) cpu-ms \([0-9-]*\) steps \(.*\)/run $run: first frame after $seen ms wall (app: \1 ms after JVM start, \2 ms CPU; \3)/p"; }
  rm -rf "$home"
done
uptime
