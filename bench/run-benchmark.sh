#!/usr/bin/env bash
# Whole-process benchmark of `verdict compare PACK --json` against a pandas + scikit-learn peer (docs/benchmarks.md).
#
# Builds the synthetic 68-slice binary pack (org.verdict.bench.SyntheticBinaryPack; kept in target/bench/ and
# reused), then runs, interleaved in rounds so that load on a shared machine hits every contender alike:
#   - each Verdict variant: `java [OPTIONS] -jar JAR compare PACK --json > /dev/null` under /usr/bin/time -v
#     (wall time and peak RSS of the whole process, JVM start included);
#   - the peer, bench/peer_sklearn.py (accuracy, f1, roc_auc, DeLong, a 1000-replicate bootstrap per slice), in the
#     first --peer-runs rounds.
# Prints min / median / max per contender (wall time and peak RSS; the median CPU time, user + system, is steadier on a
# busy machine, and its two parts), the load average before and after, and the ratio peer / Verdict.
#
# Usage: bench/run-benchmark.sh [--rows N] [--runs R] [--peer-runs P] [--jar JAR] [--variant 'LABEL=JVM OPTIONS']...
#                               [--command 'VERDICT ARGUMENTS']
#   default: --rows 1000000 --runs 5 --peer-runs 1 --jar target/verdict.jar --variant 'default='
#            --command 'compare PACK --json' (PACK stands for the synthetic pack)
#   A variant whose options are the word LAUNCHER runs packaging/verdict (with the jar it finds) instead of java;
#   LAUNCHER=PATH runs another copy of the launcher (e.g. main's, whose JVM settings may differ from this branch's).
#   An option JAR=PATH runs that variant with another jar (e.g. a build of main next to this branch's), with java or
#   with the launcher (which then uses the archive next to that jar).
#   --peer-runs 0 skips the peer. Examples: two JVM settings side by side; the sample pack's gate:
#   bench/run-benchmark.sh --variant 'default=' --variant 'serial=-XX:+UseSerialGC'
#   bench/run-benchmark.sh --peer-runs 0 --command 'gate sample-data/support-router'
#   bench/run-benchmark.sh --variant 'main=JAR=/tmp/main/verdict.jar LAUNCHER' --variant 'branch=LAUNCHER'
# Needs: a built jar (./mvnw -o -q -DskipTests package), GNU time (/usr/bin/time), and for the peer Debian's
#   apt-get install python3-pandas python3-sklearn python3-scipy
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=1000000; RUNS=5; PEER_RUNS=1; JAR=target/verdict.jar; VARIANTS=(); COMMAND='compare PACK --json'
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) ROWS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --peer-runs) PEER_RUNS="$2"; shift 2 ;;
    --jar) JAR="$2"; shift 2 ;;
    --variant) VARIANTS+=("$2"); shift 2 ;;
    --command) COMMAND="$2"; shift 2 ;;
    *) sed -n '2,26p' "$0" >&2; exit 2 ;;
  esac
done
[ ${#VARIANTS[@]} -eq 0 ] && VARIANTS=("default=")
PYTHON=/usr/bin/python3   # Debian's interpreter, which sees the apt-installed pandas and scikit-learn
if [ "$PEER_RUNS" -gt 0 ] && ! "$PYTHON" -c 'import pandas, sklearn, scipy' 2>/dev/null; then
  echo "The peer needs: apt-get install python3-pandas python3-sklearn python3-scipy (or pass --peer-runs 0)" >&2
  exit 2
fi
[ -f "$JAR" ] || { echo "No $JAR: build it with ./mvnw -o -q -DskipTests package" >&2; exit 2; }

PACK="target/bench/pack-$ROWS"
if [[ "$COMMAND" == *PACK* ]] || [ "$PEER_RUNS" -gt 0 ]; then
  if [ ! -f "$PACK/primary.csv" ]; then
    echo "Writing the $ROWS-row pack to $PACK ..."
    java -Xmx4g -cp "$JAR" org.verdict.bench.SyntheticBinaryPack --rows "$ROWS" "$PACK"
  fi
  echo "pack $PACK: $(du -h "$PACK/primary.csv" | cut -f1) CSV"
fi
echo "$(nproc) cores; $(java -version 2>&1 | head -1)"

RESULTS="$(mktemp)"; OUT="$(mktemp)"; TIMES="$(mktemp)"
trap 'rm -f "$RESULTS" "$OUT" "$TIMES"' EXIT

# measure LABEL COMMAND...: one whole-process run; appends "LABEL wall-seconds peak-RSS-kB cpu-seconds" to $RESULTS.
measure() {
  local label="$1"; shift
  # gate exits 1 when a gate fails: a verdict, not a crash; 2 and above are errors
  local status=0
  /usr/bin/time -v -o "$TIMES" "$@" > "$OUT" 2>/dev/null || status=$?
  if [ "$status" -gt 1 ]; then
    echo "$label failed: $*" >&2; exit 1
  fi
  local wall rss user sys
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$TIMES" \
         | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TIMES")
  user=$(sed -n 's/.*User time (seconds): //p' "$TIMES")
  sys=$(sed -n 's/.*System time (seconds): //p' "$TIMES")
  echo "$label $wall $rss $user $sys" >> "$RESULTS"
  printf '  %-28s %7.2f s  %5d MB  %6.2f s CPU (%.2f user, %.2f sys)\n' "$label" "$wall" $((rss / 1024)) \
         "$(echo "$user $sys" | awk '{ print $1 + $2 }')" "$user" "$sys"
}

read -r -a arguments <<< "${COMMAND//PACK/$PACK}"
echo "command: verdict ${arguments[*]}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$RUNS"); do
  echo "round $round"
  for variant in "${VARIANTS[@]}"; do
    read -r -a words <<< "${variant#*=}"
    jar="$JAR"; launcher=packaging/verdict; options=()
    for word in ${words[@]+"${words[@]}"}; do
      if [[ "$word" == JAR=* ]]; then jar="${word#JAR=}"
      elif [[ "$word" == LAUNCHER=* ]]; then launcher="${word#LAUNCHER=}"; options+=(LAUNCHER)
      else options+=("$word"); fi
    done
    if [ "${options[*]-}" = LAUNCHER ]; then
      measure "verdict:${variant%%=*}" env VERDICT_JAR="$jar" "$launcher" "${arguments[@]}"
    else
      measure "verdict:${variant%%=*}" java ${options[@]+"${options[@]}"} -jar "$jar" "${arguments[@]}"
    fi
  done
  if [ "$round" -le "$PEER_RUNS" ]; then
    measure peer:pandas+sklearn "$PYTHON" bench/peer_sklearn.py "$PACK"
  fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

"$PYTHON" - "$RESULTS" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    label, wall, rss, user, sys_ = line.split()
    runs.setdefault(label, []).append((float(wall), int(rss) / 1024, float(user) + float(sys_), float(user), float(sys_)))
print(f"{'contender':28} {'runs':>4}  {'wall min / median / max (s)':>28}  {'peak RSS min / median / max (MB)':>33}"
      f"  {'CPU median (s)':>14}  {'user / sys medians (s)':>22}")
for label, values in runs.items():
    walls, rsses = sorted(v[0] for v in values), sorted(v[1] for v in values)
    print(f"{label:28} {len(values):4}  {walls[0]:8.2f} {statistics.median(walls):8.2f} {walls[-1]:8.2f}"
          f"  {rsses[0]:10.0f} {statistics.median(rsses):10.0f} {rsses[-1]:10.0f}"
          f"  {statistics.median(v[2] for v in values):14.2f}"
          f"  {statistics.median(v[3] for v in values):10.2f} {statistics.median(v[4] for v in values):11.2f}")
peer = runs.get("peer:pandas+sklearn")
if peer:
    peer_median = statistics.median(v[0] for v in peer)
    for label, values in runs.items():
        if label.startswith("verdict:"):
            print(f"peer median / {label} median: {peer_median / statistics.median(v[0] for v in values):.1f}x")
PY
