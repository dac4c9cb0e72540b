#!/usr/bin/env bash
# Starts N bootable jars on one host as the nodes of one cluster: one PostgreSQL database, one broker, one signing
# key file; each node its own PORT, CALLCENTER_MANAGEMENT_PORT, CALLCENTER_NODE_ID and CALLCENTER_DATA_DIR.
# See docs/clustering.md.
#
#   config/cluster/nodes.sh start 3     # nodes on BASE_PORT+1.. (8081, 8082, 8083), management on 9991, 9992, 9993
#   config/cluster/nodes.sh stop        # SIGTERM to every node this script started, then waits for them
#
# Needs CALLCENTER_DB_URL, CALLCENTER_DB_USER, CALLCENTER_DB_PASSWORD, CALLCENTER_BROKER_URL,
# CALLCENTER_BROKER_USER, CALLCENTER_BROKER_PASSWORD. Optional: JAR (ear/target/callcenter-bootable.jar),
# BASE_PORT (8080), MANAGEMENT_BASE_PORT (9990), CLUSTER_DIR (config/target/cluster: data, logs, pids, key),
# CALLCENTER_JWT_KEY_FILE (generated once into CLUSTER_DIR), JAVA_OPTS (-Xmx512m).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="${CLUSTER_DIR:-$root/config/target/cluster}"
jar="${JAR:-$root/ear/target/callcenter-bootable.jar}"

start() {
    local count="${1:-2}"
    : "${CALLCENTER_DB_URL:?}" "${CALLCENTER_DB_USER:?}" "${CALLCENTER_DB_PASSWORD:?}" "${CALLCENTER_BROKER_URL:?}"
    : "${CALLCENTER_BROKER_USER:?}" "${CALLCENTER_BROKER_PASSWORD:?}"
    [ -f "$jar" ] || { echo "no $jar: build it with ./mvnw -B -DskipITs package" >&2; exit 1; }
    mkdir -p "$dir"
    # One signing key for every node: a token issued by one is valid on all. PKCS#8 PEM, as the nodes generate it.
    local key="${CALLCENTER_JWT_KEY_FILE:-$dir/jwt.pem}"
    if [ ! -f "$key" ]; then
        (umask 077; openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key")
    fi
    for i in $(seq 1 "$count"); do
        local port=$(( ${BASE_PORT:-8080} + i )) mgmt=$(( ${MANAGEMENT_BASE_PORT:-9990} + i ))
        mkdir -p "$dir/node$i"
        # Only java goes to the background (not a subshell around it), so that the pid file names the node itself.
        (cd "$dir/node$i" || exit 1
            CALLCENTER_DB=postgresql PORT=$port CALLCENTER_MANAGEMENT_PORT=$mgmt CALLCENTER_NODE_ID="node$i" \
            CALLCENTER_DATA_DIR="$dir/node$i/data" CALLCENTER_JWT_KEY_FILE="$key" \
            nohup java ${JAVA_OPTS:--Xmx512m} -jar "$jar" > "$dir/node$i/server.log" 2>&1 &
            echo $! > "$dir/node$i/pid")
        echo "node$i: http://127.0.0.1:$port (log $dir/node$i/server.log)"
    done
}

stop() {
    for pidfile in "$dir"/node*/pid; do
        [ -f "$pidfile" ] || continue
        local pid; pid="$(cat "$pidfile")"
        # SIGTERM: the node drains (its sockets are told to reconnect elsewhere) and exits.
        kill -TERM "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
        rm -f "$pidfile"
    done
}

case "${1:-}" in
    start) start "${2:-2}" ;;
    stop) stop ;;
    *) echo "usage: $0 start [N] | stop" >&2; exit 2 ;;
esac
