#!/usr/bin/env bash
# Whole-process benchmark of the decision log's commands (`log verify`, `log list`, `log export`) on a log of N
# records, old and new side by side (docs/benchmarks.md, "Decision log").
#
# Builds the log once (target/bench/log-N.db; two signers, every fifth record signed by the second, registered from
# its signer file without an endorsement, as on the review board's log), then runs bench/run-benchmark.sh with the
# command given, interleaved round by round, for each variant.
#
# Usage: bench/log-benchmark.sh [--records N] [--runs R] [--command 'log verify --db LOG'] [--variant 'LABEL=JAR=PATH']...
#   default: --records 142 --runs 7 --command 'log verify --db LOG' (LOG stands for the log built)
#   e.g. bench/log-benchmark.sh --variant 'main=JAR=/tmp/main/verdict.jar' --variant 'branch='
# Run it as the other speed benchmarks: setsid sh -c 'echo -20 > /proc/self/autogroup; exec nice -n -15 flock
#   /tmp/verdict-bench.lock bench/log-benchmark.sh …'
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=142; RUNS=7; COMMAND='log verify --db LOG'; VARIANTS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --records) RECORDS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --command) COMMAND="$2"; shift 2 ;;
    --variant) VARIANTS+=(--variant "$2"); shift 2 ;;
    *) echo "unknown argument $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done

LOG="target/bench/log-$RECORDS.db"
if [ ! -f "$LOG" ]; then
  echo "Writing a decision log of $RECORDS records to $LOG ..."
  work="target/bench/log-$RECORDS-keys"
  rm -rf "$work"; mkdir -p "$work"
  echo "bench passphrase" > "$work/pass.txt"
  java -jar target/verdict.jar key new --name "First Signer" --role ml-lead --out "$work" --passphrase-file "$work/pass.txt" > /dev/null
  java -jar target/verdict.jar key new --name "Second Signer" --role ai-safety --out "$work" --passphrase-file "$work/pass.txt" > /dev/null
  # the first append registers its signer; the second signer is registered from its signer file, unendorsed
  java -cp target/verdict.jar bench/AppendRecords.java "$LOG" "$work" "$work/pass.txt" 0 1 > /dev/null
  java -jar target/verdict.jar log register --db "$LOG" --signer "$work/second-signer.signer.json" > /dev/null
  java -cp target/verdict.jar bench/AppendRecords.java "$LOG" "$work" "$work/pass.txt" 1 "$RECORDS" > /dev/null
fi
exec bench/run-benchmark.sh --peer-runs 0 --runs "$RUNS" --command "${COMMAND//LOG/$LOG}" "${VARIANTS[@]}"
