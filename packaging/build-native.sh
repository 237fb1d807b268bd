#!/usr/bin/env bash
# Builds Verdict as a native desktop application with its own Java runtime:
#   jlink    -> target/jpackage/runtime   (a trimmed Java 17 runtime, no JDK needed on the laptop)
#   jpackage -> target/dist/              (app image, or an installer of the given type)
#
# Usage (from anywhere):  packaging/build-native.sh [app-image|deb|rpm|msi|exe|dmg|pkg]
# Default: app-image. Installers are built for the OS you run on (jpackage does not cross-build):
#   Linux   app-image, deb (needs dpkg-deb and fakeroot), rpm (needs rpmbuild)
#   Windows app-image, msi, exe (needs the WiX Toolset 3 on PATH)
#   macOS   app-image, dmg, pkg (signing: set MAC_SIGN_IDENTITY)
# The version comes from VERDICT_VERSION (default 0.1.0; jpackage wants numbers only).
set -euo pipefail
cd "$(dirname "$0")/.."

TYPE="${1:-app-image}"
VERSION="${VERDICT_VERSION:-0.1.0}"
BUILD=target/jpackage
DIST=target/dist

# Modules the app needs. jdeps finds the first line (run `jdeps --print-module-deps --ignore-missing-deps
# --multi-release 17 target/verdict.jar` after adding a dependency); the second line is what it cannot see:
# services and providers found at run time (zip packs and the bundled sample need jdk.zipfs; Ed25519 signing
# needs jdk.crypto.ec; locales and charsets for file names and CSVs in any encoding).
MODULES="java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,jdk.jfr,jdk.management,jdk.unsupported,jdk.unsupported.desktop"
MODULES="$MODULES,jdk.zipfs,jdk.crypto.ec,jdk.localedata,jdk.charsets"

./mvnw -q -B -ntp -DskipTests package

rm -rf "$BUILD" "$DIST"
mkdir -p "$BUILD/input" "$DIST"
cp target/verdict.jar "$BUILD/input/"

# The jar carries DuckDB's and SQLite's native libraries for every platform (DuckDB about 250 MB unpacked, SQLite
# 24 builds of 1 MB); an installer needs only its own. Drop the others from the installer's copy of the jar (the
# cross-platform target/verdict.jar keeps them all).
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64)          keep=libduckdb_java.so_linux_amd64;   keep_sqlite=org/sqlite/native/Linux/x86_64/ ;;
  Linux-aarch64)         keep=libduckdb_java.so_linux_arm64;   keep_sqlite=org/sqlite/native/Linux/aarch64/ ;;
  Darwin-x86_64)         keep=libduckdb_java.so_osx_universal; keep_sqlite=org/sqlite/native/Mac/x86_64/ ;;
  Darwin-arm64)          keep=libduckdb_java.so_osx_universal; keep_sqlite=org/sqlite/native/Mac/aarch64/ ;;
  MINGW*|MSYS*|CYGWIN*)  keep=libduckdb_java.so_windows_amd64; keep_sqlite=org/sqlite/native/Windows/x86_64/ ;;
  *)                     keep="" ;;
esac
if [ -n "$keep" ] && command -v zip >/dev/null && command -v unzip >/dev/null; then
  jar="$BUILD/input/verdict.jar"
  for native in libduckdb_java.so_linux_amd64 libduckdb_java.so_linux_arm64 libduckdb_java.so_osx_universal \
                libduckdb_java.so_windows_amd64; do
    [ "$native" = "$keep" ] || zip -q -d "$jar" "$native" || true
  done
  others=$(unzip -Z1 "$jar" 'org/sqlite/native/*' | grep -v '/$' | grep -v "^$keep_sqlite" || true)
  [ -z "$others" ] || zip -q -d "$jar" $others
  echo "installer jar: $(du -h "$jar" | cut -f1) (target/verdict.jar: $(du -h target/verdict.jar | cut -f1))"
else
  echo "note: the natives of every platform stay in the installer (no zip/unzip tool, or an unknown platform)" >&2
fi

# --generate-cds-archive: the base class-data-sharing archive, which the app archive of step 2 builds on.
jlink --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
      --output "$BUILD/runtime"

identity=(--name Verdict --app-version "$VERSION" --vendor "Verdict"
          --description "Offline workbench for ML review boards")

case "$(uname -s)" in
  Linux)
    icon=(--icon assets/verdict-256.png)
    installer=(--linux-package-name verdict --linux-menu-group Office --linux-app-category science
               --linux-shortcut --linux-deb-maintainer "verdict@localhost")
    launcher="$DIST/Verdict/bin/Verdict"; cfg="$DIST/Verdict/lib/app/Verdict.cfg" ;;
  Darwin)
    icon=(--icon assets/verdict.icns)
    installer=(--mac-package-identifier org.verdict.app --mac-package-name Verdict)
    if [ -n "${MAC_SIGN_IDENTITY:-}" ]; then
      installer+=(--mac-sign --mac-signing-key-user-name "$MAC_SIGN_IDENTITY")
    fi
    launcher="$DIST/Verdict.app/Contents/MacOS/Verdict"; cfg="$DIST/Verdict.app/Contents/app/Verdict.cfg" ;;
  MINGW*|MSYS*|CYGWIN*)
    icon=(--icon assets/verdict.ico)
    # A fixed upgrade UUID lets a newer installer replace an older one.
    installer=(--win-menu --win-menu-group Verdict --win-shortcut --win-dir-chooser
               --win-upgrade-uuid 6d1c7f0e-3f4b-4d3e-9a55-2c9b8f0e7a41)
    launcher="$DIST/Verdict/Verdict.exe"; cfg="$DIST/Verdict/app/Verdict.cfg" ;;
  *) echo "unsupported OS $(uname -s)" >&2; exit 2 ;;
esac

# 1. The app image: launcher, jar and the jlinked runtime.
# The server compiler (C2) starts ten times later than by default: up to the first frame it compiled JavaFX's start-up
# code that runs a few thousand times and never again, about a third of the CPU of the start
# (docs/benchmarks.md, "Cold start of the desktop app"); a comparison's loops still reach it within moments.
late_c2=(--java-options -XX:Tier4InvocationThreshold=50000 --java-options -XX:Tier4MinInvocationThreshold=6000
         --java-options -XX:Tier4CompileThreshold=150000 --java-options -XX:Tier4BackEdgeThreshold=400000)
jpackage --type app-image "${identity[@]}" "${icon[@]}" \
         --input "$BUILD/input" --main-jar verdict.jar --main-class org.verdict.Launcher \
         --runtime-image "$BUILD/runtime" --dest "$DIST" --java-options "-Xmx2g" "${late_c2[@]}"
# On Linux, JDK 17's native launcher asks rpm and dpkg which package holds it at every start (0.2 s and more before
# the JVM starts; no option skips it): a shell script that starts the runtime with the same .cfg takes its place, and
# the native launcher's library goes with it (docs/benchmarks.md, "The launcher before the JVM").
if [ "$(uname -s)" = Linux ]; then
  cp packaging/app-launcher.sh "$launcher"
  chmod 755 "$launcher"
  ln -s java "$DIST/Verdict/lib/runtime/bin/Verdict"
  rm "$DIST/Verdict/lib/libapplauncher.so"
  "$launcher" --version >/dev/null || { echo "packaging/app-launcher.sh cannot start the app image" >&2; exit 1; }
fi

# 2. A class-data-sharing archive of every class loaded up to the first frame, made by starting the app once:
#    it cuts start-up CPU time by about a third (docs/benchmarks-ui.md). Needs a display; skipped without one. The
#    launcher names the jar /dev/fd/9, so the archive maps wherever the image is moved or installed, as long as the
#    jar keeps its size and time (cp -a and tar keep them; step 3 has the deb keep them).
if [ -n "${DISPLAY:-}" ] || [ "$(uname -s)" != Linux ]; then
  archive_dir="$(dirname "$cfg")"
  home="$(mktemp -d)"
  # JavaFX's own renderer order (OpenGL, then software), which the app keeps where a GPU device is: the archive then
  # holds both pipelines' classes, whichever a machine uses (the app names the software one alone where no GPU is).
  if JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$archive_dir/verdict.jsa -Dverdict.home=$home -Dverdict.startupBenchmark=true -Dprism.order=es2,sw" \
       "$launcher" >/dev/null 2>&1 && [ -f "$archive_dir/verdict.jsa" ]; then
    # $APPDIR is expanded by the launcher to the folder holding the .cfg and the jar.
    sed -i.bak 's|^java-options=-Xmx2g$|java-options=-Xmx2g\njava-options=-XX:SharedArchiveFile=$APPDIR/verdict.jsa|' "$cfg"
    rm -f "$cfg.bak"
    echo "Added a class-data-sharing archive for a faster start."
  else
    echo "Could not make the class-data-sharing archive; the app starts without it." >&2
  fi
  rm -rf "$home"
else
  echo "No DISPLAY: skipping the class-data-sharing archive (start under Xvfb to make it)." >&2
fi

# 3. An installer, made from that app image.
if [ "$TYPE" != app-image ]; then
  # jpackage copies the image with new file times, and the archive maps only with its jar's time: dpkg-deb clamps
  # every packed file's time to SOURCE_DATE_EPOCH, which gives the jar back the time the archive recorded. rpmbuild
  # does so only where the macro %clamp_mtime_to_source_date_epoch is set, and jpackage passes it no macro: rpmbuild
  # reads it from ~/.rpmmacros, so jpackage runs with a HOME of its own holding the user's macros and these two.
  packager_env=()
  if [ "$(uname -s)" = Linux ]; then
    SOURCE_DATE_EPOCH="$(stat -c %Y "$DIST/Verdict/lib/app/verdict.jar")"
    export SOURCE_DATE_EPOCH
    if [ "$TYPE" = rpm ]; then
      rpm_home="$(mktemp -d)"
      trap 'rm -rf "$rpm_home"' EXIT
      { [ ! -f "$HOME/.rpmmacros" ] || cat "$HOME/.rpmmacros"
        echo '%source_date_epoch_from_changelog 0'
        echo '%clamp_mtime_to_source_date_epoch 1'; } >"$rpm_home/.rpmmacros"
      packager_env=(HOME="$rpm_home")
    fi
  fi
  env "${packager_env[@]}" jpackage --type "$TYPE" "${identity[@]}" "${icon[@]}" "${installer[@]}" \
      --app-image "$DIST/Verdict" --dest "$DIST"
fi
echo "Built $TYPE in $DIST:"
ls -1 "$DIST"
