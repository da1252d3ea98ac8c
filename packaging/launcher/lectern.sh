#!/bin/sh
# Lectern launcher logic (POSIX sh). Called by ./lectern with LECTERN_HOME set to the repository root.
set -eu

HOME_DIR=${LECTERN_HOME:?run through ./lectern}
TOOL="$HOME_DIR/packaging/launcher/LauncherTool.java"
NODE_JAR="$HOME_DIR/node/target/lectern-node.jar"
CONSOLE_JAR="$HOME_DIR/console/target/lectern-console.jar"
BENCH_JAR="$HOME_DIR/bench/target/lectern-bench.jar"
CLUSTER_JAR="$HOME_DIR/packaging/target/lectern-packaging.jar"
DEMO_DIR="$HOME_DIR/.lectern/demo"
MEMBER_PORT=5701
STOMP_PORT=61613

die() {
    echo "lectern: $*" >&2
    exit 1
}

usage() {
    cat <<'USAGE'
Usage: ./lectern <command> [options]

Commands:
  demo [--no-console] [--port N]   Build what is missing, then run one node on embedded defaults
                                   (H2 under .lectern/demo, Hazelcast, ActiveMQ Artemis) and open
                                   the console. Ctrl-C stops everything; the next run keeps the data.
  console [--address HOST:PORT] [--cluster NAME] [--operator NAME] [--credential-file PATH]
          [--trust-certificate PATH]
                                   Open the operations console and join a cluster (default
                                   127.0.0.1:5701, cluster "lectern"); with the operator credential it
                                   sends commands; with the cluster's certificate it reads HAProxy's
                                   stats over TLS (./lectern cluster up prints both)
  seed --students N [--url URL] [--password PASSWORD]
                                   Create an exam-sized benchmark course on a running node (default
                                   http://127.0.0.1:8080, as admin with PASSWORD, default demo): N
                                   students with PASSWORD, an exam open now, registrations and student
                                   exams; prints what it made and how long it took.
  bench exam --students N --minutes M [--url URL] [options]
                                   Exam-day load on a running node or cluster (default
                                   http://127.0.0.1:8080): logins, STOMP sessions, autosaves, a live
                                   quiz, hand-in; report, summary and plot under target/bench/
                                   (options: docs/performance.md).
  bench bcrypt                     Time one BCrypt password hash at costs 8 to 12 on this machine (~20 s):
                                   what a login costs a node (docs/decisions.md).
  drill kill-node|drain-rolling|broker-restart|db-restart|owner-loss [options]
                                   The exam load on the local cluster (found through what cluster up
                                   saved: no option needed) with a fault in it, then the set check
                                   (lost / unexpected / duplicated saves, flush lag) and recovery time.
  cluster up [--nodes N] [--port P] [--install]
                                   A real cluster on this machine: PostgreSQL, an ActiveMQ Artemis
                                   broker, N nodes (default 3) and HAProxy on 127.0.0.1, students on
                                   https://127.0.0.1:P (default 8443; http on 8000 redirects there),
                                   with a certificate made for this machine. Needs haproxy and
                                   postgresql (--install installs them with apt). Then: cluster
                                   status, stop-node K, start-node K, kill-node K, restart-broker,
                                   restart-db, logs [PART], down
                                   (./lectern cluster help explains each).
  screens                          Copy the screenshots the last test run took (node/, console/ and
                                   packaging/target/screens) over docs/screens/; tests never write there.
  help                             Show this help.
USAGE
}

# Sets JAVA to a java of JDK 17 or newer, or stops with the reason.
find_java() {
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
        JAVA="$JAVA_HOME/bin/java"
    elif command -v java >/dev/null 2>&1; then
        JAVA=$(command -v java)
    else
        die "no JDK found: install JDK 17 or newer, or set JAVA_HOME to one"
    fi
    version_line=$("$JAVA" -version 2>&1 | head -n 1)
    major=$(echo "$version_line" | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p')
    [ -n "$major" ] || die "cannot tell the version of $JAVA ($version_line)"
    [ "$major" -ge 17 ] || die "JDK $major found at $JAVA, Lectern needs JDK 17 or newer (set JAVA_HOME)"
}

# True when the jar is missing or older than any of the given files or folders (main sources and poms only:
# tests do not go into a jar).
jar_is_stale() {
    jar=$1
    shift
    [ -f "$jar" ] || return 0
    [ -n "$(find "$@" -type f -newer "$jar" -print 2>/dev/null | head -n 1)" ]
}

# Builds the jars with the Maven wrapper when they are missing or older than their sources.
build_if_stale() {
    stale=no
    jar_is_stale "$NODE_JAR" "$HOME_DIR/pom.xml" "$HOME_DIR/shared-model/pom.xml" "$HOME_DIR/shared-model/src/main" \
        "$HOME_DIR/node/pom.xml" "$HOME_DIR/node/src/main" && stale=yes
    jar_is_stale "$CONSOLE_JAR" "$HOME_DIR/pom.xml" "$HOME_DIR/shared-model/pom.xml" "$HOME_DIR/shared-model/src/main" \
        "$HOME_DIR/console/pom.xml" "$HOME_DIR/console/src/main" && stale=yes
    jar_is_stale "$CLUSTER_JAR" "$HOME_DIR/pom.xml" "$HOME_DIR/shared-model/pom.xml" "$HOME_DIR/shared-model/src/main" \
        "$HOME_DIR/packaging/pom.xml" "$HOME_DIR/packaging/src/main" && stale=yes
    [ "$stale" = no ] && return 0
    # Symbolic links resolved, so /usr/bin/java leads to the JDK it belongs to.
    java_real=$(cd "$(dirname "$JAVA")" && pwd -P)/$(basename "$JAVA")
    [ -L "$java_real" ] && java_real=$(readlink -f "$java_real" 2>/dev/null || echo "$java_real")
    [ -x "$(dirname "$java_real")/javac" ] || die "building needs a JDK, but $JAVA has no javac next to it"
    echo "Building Lectern (the first build downloads Maven and libraries, a few minutes)..."
    (cd "$HOME_DIR" && ./mvnw -q -B -DskipTests package) || die "the build failed (see above)"
    # Maven leaves an up-to-date jar untouched; mark both as built now, or they would look stale forever.
    touch "$NODE_JAR" "$CONSOLE_JAR" "$CLUSTER_JAR"
}

# Builds the load generator when its jar is missing or older than its sources.
build_bench_if_stale() {
    jar_is_stale "$BENCH_JAR" "$HOME_DIR/pom.xml" "$HOME_DIR/shared-model/pom.xml" "$HOME_DIR/shared-model/src/main" \
        "$HOME_DIR/bench/pom.xml" "$HOME_DIR/bench/src/main" || return 0
    echo "Building the Lectern load generator..."
    (cd "$HOME_DIR" && ./mvnw -q -B -DskipTests -pl bench -am package) || die "the build failed (see above)"
    touch "$BENCH_JAR"
}

cmd_bench() {
    find_java
    build_bench_if_stale
    # Headless: the plot is drawn without a display. The opens are those the Hazelcast client asks for.
    exec "$JAVA" -Djava.awt.headless=true --add-opens java.base/java.lang=ALL-UNNAMED \
        --add-opens java.base/sun.nio.ch=ALL-UNNAMED -jar "$BENCH_JAR" "$@"
}

has_display() {
    [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ "$(uname -s)" = Darwin ]
}

check_port_number() {
    case "$1" in
        ''|*[!0-9]*) die "--port needs a number, got '$1'" ;;
    esac
    [ "$1" -ge 1 ] && [ "$1" -le 65535 ] || die "--port must be between 1 and 65535, got $1"
}

cmd_console() {
    # Checked here, passed on in order (the console takes the last of a repeated option, so these defaults yield).
    remaining=$#
    while [ "$remaining" -gt 0 ]; do
        case "$1" in
            --address|--cluster|--operator|--credential-file|--trust-certificate)
                [ "$remaining" -ge 2 ] || die "$1 needs a value"
                set -- "$@" "$1" "$2"; shift 2; remaining=$((remaining - 2)) ;;
            *) die "unknown option for console: '$1' (see ./lectern help)" ;;
        esac
    done
    has_display || die "the console is a desktop app and there is no display (DISPLAY is not set)"
    find_java
    build_if_stale
    exec "$JAVA" -jar "$CONSOLE_JAR" --address "127.0.0.1:$MEMBER_PORT" --cluster lectern "$@"
}

cmd_demo() {
    port=8080
    open_console=yes
    while [ $# -gt 0 ]; do
        case "$1" in
            --no-console) open_console=no; shift ;;
            --port) [ $# -ge 2 ] || die "--port needs a number"; check_port_number "$2"; port=$2; shift 2 ;;
            *) die "unknown option for demo: '$1' (see ./lectern help)" ;;
        esac
    done
    find_java
    build_if_stale
    busy=$("$JAVA" "$TOOL" ports-free 127.0.0.1 "HTTP=$port" "Hazelcast=$MEMBER_PORT" "broker=$STOMP_PORT") \
        || die "$busy is busy on 127.0.0.1: is another Lectern running? (for HTTP, choose another with --port N)"

    mkdir -p "$DEMO_DIR"
    log="$DEMO_DIR/node.log"
    echo "Starting a Lectern node on http://127.0.0.1:$port (log: .lectern/demo/node.log)..."
    "$JAVA" -jar "$NODE_JAR" --spring.profiles.active=demo --lectern.data-dir="$DEMO_DIR" \
        --server.port="$port" --lectern.cluster.port="$MEMBER_PORT" --lectern.broker.stomp-port="$STOMP_PORT" \
        >"$log" 2>&1 &
    node_pid=$!
    console_pid=
    trap 'stop_demo' INT TERM HUP

    if "$JAVA" "$TOOL" wait-ready "http://127.0.0.1:$port/actuator/health/readiness" 180 "$node_pid"; then
        :
    else
        status=$?
        [ "$status" -eq 2 ] && { tail -n 25 "$log" >&2; die "the node stopped while starting (log above)"; }
        stop_demo_quietly
        die "the node did not become ready within 180 s (see $log)"
    fi

    cat <<EOF

Lectern is running.
  URL:            http://127.0.0.1:$port
  Demo accounts:  admin, instructor, tutor, tutor2, student1 ... student32 (password: demo)
  Demo course:    EIST (course 1): 30 students, the live quiz "Good morning quiz" (quiz 1, not
                  started), a text and a team exercise, the running exam "EIST final exam" (exam 1)
  Log in:         curl -s -X POST -H 'Content-Type: application/json' \\
                    -d '{"username":"student1","password":"demo"}' http://127.0.0.1:$port/api/auth/login
  My courses:     curl -s -H "Authorization: Bearer <token>" http://127.0.0.1:$port/api/courses
  Console:        ./lectern console --address 127.0.0.1:$MEMBER_PORT
Press Ctrl-C to stop.
EOF

    if [ "$open_console" = yes ]; then
        if has_display; then
            "$JAVA" -jar "$CONSOLE_JAR" --address "127.0.0.1:$MEMBER_PORT" --cluster lectern \
                >"$DEMO_DIR/console.log" 2>&1 &
            console_pid=$!
        else
            echo "(No display: not opening the console. Use --no-console to silence this.)"
        fi
    fi

    set +e
    wait "$node_pid"
    status=$?
    set -e
    # Reached when the node stopped by itself; Ctrl-C goes through stop_demo.
    [ -n "$console_pid" ] && kill "$console_pid" 2>/dev/null
    tail -n 25 "$log" >&2
    die "the node stopped (exit $status; log above)"
}

stop_demo_quietly() {
    [ -n "${console_pid:-}" ] && kill "$console_pid" 2>/dev/null
    kill "$node_pid" 2>/dev/null
    wait "$node_pid" 2>/dev/null
    return 0
}

stop_demo() {
    trap - INT TERM HUP
    echo
    echo "Stopping Lectern..."
    stop_demo_quietly
    echo "Stopped. The data stays in .lectern/demo for the next run."
    exit 0
}

# The documentation's screenshots are refreshed on purpose, never by a test run: tests write under target/ only.
cmd_screens() {
    [ $# -eq 0 ] || die "screens takes no options (see ./lectern help)"
    copied=0
    for shot in "$HOME_DIR"/node/target/screens/*.png "$HOME_DIR"/console/target/screens/*.png \
            "$HOME_DIR"/packaging/target/screens/*.png; do
        [ -f "$shot" ] || continue
        mkdir -p "$HOME_DIR/docs/screens"
        cp "$shot" "$HOME_DIR/docs/screens/"
        copied=$((copied + 1))
    done
    [ "$copied" -gt 0 ] || die "no screenshots in node/, console/ or packaging/target/screens: run the browser \
and console tests first (./mvnw verify)"
    echo "Copied $copied screenshots into docs/screens/ (git status shows which changed)."
}

command=${1:-help}
[ $# -gt 0 ] && shift
case "$command" in
    demo) cmd_demo "$@" ;;
    console) cmd_console "$@" ;;
    seed) find_java; exec "$JAVA" "$TOOL" seed "$@" ;;
    bench) cmd_bench "$@" ;;
    drill) cmd_bench drill "$@" ;;
    screens) cmd_screens "$@" ;;
    cluster)
        find_java
        # Only `up` builds: the cluster runs copies of the jars, but the other commands must not rebuild them.
        if [ "${1:-}" = up ] || [ ! -f "$CLUSTER_JAR" ]; then build_if_stale; fi
        exec "$JAVA" -jar "$CLUSTER_JAR" "$@" ;;
    help|-h|--help) usage ;;
    *) die "unknown command '$command' (see ./lectern help)" ;;
esac
