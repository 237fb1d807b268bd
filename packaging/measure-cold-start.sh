#!/usr/bin/env bash
# Cold start to first frame: starts Verdict N times with a fresh user folder and prints, per run, the time from
# process start to the first laid-out frame of the main window (the app logs it; -Dverdict.startupBenchmark=true
# prints it and exits). Needs a display: under Xvfb, `Xvfb :99 -screen 0 1440x900x24 & export DISPLAY=:99`.
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

for run in $(seq 1 "$RUNS"); do
  home="$(mktemp -d)"
  # A fresh user folder: no remembered pack, so the bundled sample opens, as on a first start.
  JAVA_TOOL_OPTIONS="-Dverdict.home=$home -Dverdict.startupBenchmark=true" "${command[@]}" 2>/dev/null \
    | sed -n "s/^first-frame-ms \([0-9]*\) cpu-ms \([0-9-]*\)/run $run: first frame after \1 ms wall, \2 ms CPU/p"
  rm -rf "$home"
done
