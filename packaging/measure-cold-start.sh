#!/usr/bin/env bash
# Cold start to first frame: starts Verdict N times with a fresh user folder and prints, per run, the time to the
# first laid-out frame of the main window twice: as this script sees it (from just before it starts the process to
# the moment the app reports the frame, the figure a user waits) and as the app measures it from JVM start, with the
# CPU time used by then (-Dverdict.startupBenchmark=true prints them and exits), and the CPU time of the whole start
# up to the process's exit as /usr/bin/time sees it: the launcher and the processes it waited for (JDK 17's jpackage
# launcher runs rpm and dpkg), which the app's own figure leaves out. The machine's load average is
# printed before and after: on a busy machine the wall times are upper bounds and the CPU time is the figure to
# compare. Needs a display: under Xvfb, `Xvfb :99 -screen 0 1366x768x24 & export DISPLAY=:99`.
#
# Usage: packaging/measure-cold-start.sh [jar|app-image] [runs] [VARIANT...]     (default: jar 5)
#   jar        java -jar target/verdict.jar          (build first: ./mvnw -DskipTests package)
#   app-image  target/dist/Verdict/bin/Verdict       (build first: packaging/build-native.sh)
# Each VARIANT is NAME=JVM-OPTIONS (added through JAVA_TOOL_OPTIONS, e.g. 'c1=-XX:TieredStopAtLevel=1'), or
# NAME=@LAUNCHER [JVM-OPTIONS] to start another build (e.g. 'before=@/tmp/old/Verdict/bin/Verdict'; an image whose
# launcher names its jar by its folder, not /dev/fd/9, loads its class-data-sharing archive only in the folder it was
# made in). Variants run interleaved, round by round, so the load of a shared machine falls on all alike; the last
# lines give min / median / max of each.
set -euo pipefail
cd "$(dirname "$0")/.."

KIND="${1:-jar}"
RUNS="${2:-5}"
shift $(( $# < 2 ? $# : 2 ))
case "$KIND" in
  jar) default=(java -Dverdict.startupBenchmark=true -jar target/verdict.jar) ;;
  app-image) default=(target/dist/Verdict/bin/Verdict) ;;
  *) echo "unknown kind $KIND (jar or app-image)" >&2; exit 2 ;;
esac
variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=("$KIND=")

results="$(mktemp)"
errors="$(mktemp)"
times="$(mktemp)"
trap 'rm -f "$results" "$errors" "$times"' EXIT
uptime
for run in $(seq 1 "$RUNS"); do
  for variant in "${variants[@]}"; do
    name="${variant%%=*}"; options="${variant#*=}"; command=("${default[@]}")
    if [ "${options:0:1}" = @ ]; then
      read -r launcher options <<< "${options:1}"
      command=("$launcher")
    fi
    home="$(mktemp -d)"
    started=$(date +%s%N)
    # A fresh user folder: no remembered pack, so the bundled sample opens, as on a first start. The JVM's warnings
    # (a class-data-sharing archive it cannot use, an unknown option) change what is measured: the JVM prints them on
    # standard output before the frame's line, or on standard error.
    line=$(JAVA_TOOL_OPTIONS="-Dverdict.home=$home -Dverdict.startupBenchmark=true $options" \
             /usr/bin/time -f '%U %S' -o "$times" "${command[@]}" \
             2>"$errors" | { while IFS= read -r early && [ "$early" != first-frame ]; do
                   case $early in *'warning]'*) echo "$name: $early" >&2 ;; esac
                 done
                 seen=$(( ($(date +%s%N) - started) / 1000000 ))
                 sed -n "s/^first-frame-ms \([0-9]*\) cpu-ms \([0-9-]*\) steps \(.*\)/$seen \1 \2 \3/p"; })
    rm -rf "$home"
    grep -i -e 'warning\]' -e 'error' -e 'unrecognized' "$errors" | sed "s/^/$name: /" >&2 || true
    read -r seen app cpu steps <<< "$line"
    whole=$(awk 'END { printf "%d", ($1 + $2) * 1000 }' "$times")  # the last line: the first may be an exit status
    echo "$name run $run: first frame after $seen ms wall (app: $app ms after JVM start, $cpu ms CPU; $steps;" \
         "$whole ms CPU to exit with the launcher)"
    echo "$name $seen $app $cpu $whole" >> "$results"
  done
done
uptime
# min / median / max per variant of the script's wall time, the app's own and the CPU time (an even count's median
# is the lower middle run)
for variant in "${variants[@]}"; do
  name="${variant%%=*}"
  summary=()
  for column in 2 3 4 5; do
    summary+=("$(awk -v n="$name" -v c="$column" '$1 == n { print $c }' "$results" | sort -n \
      | awk '{ v[NR] = $1 } END { printf "%s / %s / %s ms", v[1], v[int((NR + 1) / 2)], v[NR] }')")
  done
  echo "$name: wall ${summary[0]}; app ${summary[1]}; CPU ${summary[2]}; CPU to exit with the launcher ${summary[3]}"
done
