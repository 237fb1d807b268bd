#!/usr/bin/env bash
# Makes a class-data-sharing archive (AppCDS) for the command line of verdict.jar: the classes that `--version`,
# `validate`, `compare --json`, `gate` and `report` load on the bundled sample pack, and `compare` and `gate` on a
# summary pack made from it, parsed and verified once here
# instead of in every process. The launcher packaging/verdict uses it when it sits next to the jar.
#
# Usage: packaging/build-cds-archive.sh [JAR] [ARCHIVE]   (default: target/verdict.jar target/verdict.jsa)
# Build the jar first (./mvnw -o -q -DskipTests package). The archive belongs to that jar file and that Java runtime:
# after rebuilding either, make it again (a stale archive is not an error: the JVM ignores it and loads classes
# from the jar as usual, docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR="${1:-target/verdict.jar}"
ARCHIVE="${2:-${JAR%.jar}.jsa}"
# The archive records the jar's path and a JVM uses it only when started with the same path: the absolute one,
# which packaging/verdict passes.
JAR="$(cd "$(dirname "$JAR")" && pwd -P)/$(basename "$JAR")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One class list per command (-XX:DumpLoadedClassList), merged in first-seen order. A static archive from the
# merged list covers every command; a dynamic one (-XX:ArchiveClassesAtExit) would only cover a single run.
train() {
  local name="$1"; shift
  java -XX:DumpLoadedClassList="$work/$name.classlist" -Dverdict.home="$work/home" -jar "$JAR" "$@" \
    > /dev/null 2>&1 || true   # gate exits 1 when a gate fails; the classes are loaded all the same
}
train version --version
train validate validate sample-data/support-router
train compare compare sample-data/support-router --json
train compare-table compare sample-data/support-router
train gate gate sample-data/support-router
train report report sample-data/support-router --out "$work/report"
# A summary pack opens through its own reader and compares from sums (the launcher's C1 path): made here by DuckDB
# from the binary sample's rows, untraced, so DuckDB's classes stay out of the list (opening a summary pack never
# loads them).
java -Dverdict.home="$work/home" -jar "$JAR" summarize --engine duckdb --threads 1 \
  --input sample-data/fraud-screen-pass/primary.csv --manifest sample-data/fraud-screen-pass/manifest.json \
  --out "$work/summary" > /dev/null \
  || echo "warning: could not make a summary pack to train on; the archive leaves its classes to the jar" >&2
train summary-compare compare "$work/summary" --json
train summary-compare-table compare "$work/summary"
train summary-gate gate "$work/summary"
cat "$work"/*.classlist | awk '!seen[$0]++' > "$work/all.classlist"

# Classes loaded before the dump sees them ("Old class has been linked") or generated at run time are skipped with
# a warning; they load from the jar as before.
java -Xshare:dump -XX:SharedClassListFile="$work/all.classlist" -XX:SharedArchiveFile="$ARCHIVE" -cp "$JAR" \
  > "$work/dump.log" 2>&1 || { cat "$work/dump.log" >&2; exit 1; }
echo "Wrote $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1), $(grep -vc '^[#@]' "$work/all.classlist") classes listed)"
