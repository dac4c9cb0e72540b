#!/usr/bin/env bash
# Runs HAProxy (Debian's haproxy) in the foreground in front of the nodes: REST round-robin without stickiness,
# WebSocket upgrades passed through with long tunnel timeouts, /health/ready as the check. See docs/clustering.md.
#
#   NODES="127.0.0.1:8081 127.0.0.1:8082" LB_PORT=8080 config/cluster/haproxy.sh [CONFIG_FILE]
# LB_ADDRESS (127.0.0.1; 0.0.0.0 to listen on every interface).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
nodes="${NODES:?set NODES to the nodes host:port list}"
port="${LB_PORT:-8080}"
cfg="${1:-$here/../target/cluster/haproxy.cfg}"
command -v haproxy >/dev/null || { echo "haproxy is not installed (Debian: apt-get install haproxy)" >&2; exit 1; }
mkdir -p "$(dirname "$cfg")"
{
    sed -e "s/@LB_PORT@/$port/" -e "s/@LB_ADDRESS@/${LB_ADDRESS:-127.0.0.1}/" "$here/haproxy.cfg"
    i=1
    for node in $nodes; do
        echo "    server node$i $node check"
        echo "    server node$i-unready $node backup"
        i=$((i + 1))
    done
} > "$cfg"
haproxy -c -q -f "$cfg"
exec haproxy -db -f "$cfg"
