#!/bin/sh
# Runs the Lectern console with any JDK 17+ (docs/operations.md): JavaFX from the module path, everything else
# from the class path. Expects the layout `./mvnw -pl console package` leaves in console/target, or a copy of it:
#   lectern-console.jar   lib/ (JavaFX jars for this platform, Hazelcast, ControlsFX, ...)
# Usage: lectern-console.sh [--address HOST:PORT[,HOST:PORT...]] [--cluster NAME]
# LECTERN_CONSOLE_DIR points at that folder (default: console/target next to this script's repository).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
dir=${LECTERN_CONSOLE_DIR:-$here/../../console/target}
[ -f "$dir/lectern-console.jar" ] || { echo "lectern-console: no lectern-console.jar in $dir (build: ./mvnw -pl shared-model,console package -DskipTests)" >&2; exit 1; }

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java=$JAVA_HOME/bin/java; else java=java; fi

case "$(uname -s)" in
    Darwin) platform=mac ;;
    MINGW*|MSYS*|CYGWIN*) platform=win ;;
    *) platform=linux ;;
esac
[ "$(uname -m)" = aarch64 ] || [ "$(uname -m)" = arm64 ] && platform=$platform-aarch64

# JavaFX's modules: the platform jars only (the plain ones are empty placeholders).
modules=$(find "$dir/lib" -name "javafx-*-$platform.jar" | sort | tr '\n' ':')
[ -n "$modules" ] || { echo "lectern-console: no JavaFX jars for $platform in $dir/lib" >&2; exit 1; }
# Everything else on the class path.
classpath=$dir/lectern-console.jar
for jar in "$dir"/lib/*.jar; do
    case "$(basename "$jar")" in javafx-*) ;; *) classpath=$classpath:$jar ;; esac
done

exec "$java" --module-path "$modules" --add-modules javafx.controls,javafx.fxml \
    -cp "$classpath" org.lectern.console.app.ConsoleMain "$@"
