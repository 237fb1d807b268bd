#!/bin/sh
# The Linux app image's launcher: packaging/build-native.sh puts it in place of jpackage's native bin/Verdict.
# JDK 17's native launcher runs `rpm -qf` and `dpkg -S` on its own path at every start to learn whether a package
# installed it (0.2 s for dpkg alone on a desktop of 865 packages; it has no option to skip that). This starts the
# image's runtime as that launcher does: the options, class path and main class of lib/app/<name>.cfg, their $APPDIR,
# $BINDIR and $ROOTDIR expanded, -Djpackage.app-path=<this launcher>, lib/app added to LD_LIBRARY_PATH, the arguments
# passed on, the JVM's exit code returned; from any folder, also through a link to it. It starts the runtime's java
# through lib/runtime/bin/<name>, a link build-native.sh makes, so that the process and its windows' group carry the
# app's name (ps, the window list's class), as with the native launcher, not "java". A class path of one jar is passed
# as /dev/fd/9 (below).
self=$0
if [ -L "$self" ]; then
  self=$(readlink -f -- "$self") || exit 1
fi
case $self in */*) ;; *) self=./$self ;; esac
name=${self##*/}
bindir=$(CDPATH= cd -P -- "${self%/*}" && pwd) || exit 1   # CDPATH would send a relative bin/ elsewhere
root=${bindir%/*}
app=$root/lib/app
cfg=$app/$name.cfg
if [ ! -r "$cfg" ]; then
  echo "$name: cannot read $cfg" >&2
  exit 1
fi

# $replaced: $1 with every $2 replaced by $3.
replace() {
  replaced= rest=$1
  while case $rest in *"$2"*) true ;; *) false ;; esac; do
    replaced=$replaced${rest%%"$2"*}$3
    rest=${rest#*"$2"}
  done
  replaced=$replaced$rest
}
# $expanded: $1 with the .cfg's folder names expanded.
expand() {
  replace "$1" '$APPDIR' "$app"
  replace "$replaced" '$BINDIR' "$bindir"
  replace "$replaced" '$ROOTDIR' "$root"
  expanded=$replaced
}

# The JVM's options are appended behind the caller's arguments (the shell's one list), which are moved behind them
# at the end.
count=$#
classpath= main= number=0
while IFS= read -r line || [ -n "$line" ]; do
  number=$((number + 1))
  case $line in
    '' | '['*']') ;;
    app.classpath=*) expand "${line#*=}"; classpath=${classpath:+$classpath:}$expanded ;;
    app.mainclass=*) main=${line#*=} ;;
    java-options=*) expand "${line#*=}"; set -- "$@" "$expanded" ;;
    *) echo "$name: $cfg, line $number, column 1: this launcher does not know \"${line%%=*}\"" >&2; exit 1 ;;
  esac
done < "$cfg"
if [ -z "$main" ]; then
  echo "$name: $cfg names no app.mainclass" >&2
  exit 1
fi
# The class-data-sharing archive records the class path as it was when build-native.sh made it, and JDK 17 maps it
# only where the same path names the same jar (size and time alike): a jar named by its folder would tie the archive
# to that folder, and an installed or moved image would start without it. Opened on descriptor 9, the jar is
# /dev/fd/9 in every image, wherever it lies.
case $classpath in
  *:*) ;;
  *) if [ -f "$classpath" ] && [ -r "$classpath" ] && command exec 9<"$classpath" && [ -r /dev/fd/9 ]; then
       classpath=/dev/fd/9
     fi ;;
esac
set -- "$@" "-Djpackage.app-path=$bindir/$name" -cp "$classpath" "$main"
while [ "$count" -gt 0 ]; do
  set -- "$@" "$1"
  shift
  count=$((count - 1))
done
LD_LIBRARY_PATH=${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}$app
export LD_LIBRARY_PATH
exec "$root/lib/runtime/bin/$name" "$@"
