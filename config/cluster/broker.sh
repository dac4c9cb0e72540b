#!/usr/bin/env bash
# Starts a standalone Apache ActiveMQ Artemis 2.40.0 broker (from Maven Central) in the foreground, for a cluster of
# nodes to share: OpenWire on BROKER_PORT, one user. Stop it with Ctrl-C or SIGTERM. See docs/clustering.md.
#
#   CALLCENTER_BROKER_USER=callcenter CALLCENTER_BROKER_PASSWORD=... config/cluster/broker.sh [INSTANCE_DIR]
#
# BROKER_PORT (61616), BROKER_HOST (127.0.0.1; 0.0.0.0 for other hosts), ARTEMIS_ZIP (a downloaded
# apache-artemis-2.40.0-bin.zip; fetched through the Maven wrapper into ~/.m2 when unset).
# TLS: BROKER_TLS_PORT (e.g. 61617) with BROKER_KEYSTORE (a PKCS#12 file holding the broker's key and certificate)
# and BROKER_KEYSTORE_PASSWORD adds an OpenWire acceptor that speaks only TLS; nodes then use ssl://host:port and
# trust the certificate through their JVM's trust store (docs/clustering.md).
#
# A replicated pair (docs/clustering.md, "A broker pair"): BROKER_PEER=host:port of the other broker makes this one
# half of an Artemis primary/backup pair with replication, BROKER_BACKUP=true the backup half. The two connect to
# each other's acceptor as cluster user BROKER_CLUSTER_USER/BROKER_CLUSTER_PASSWORD (default: the broker user).
# The primary is ready at AMQ221007, the backup once it has copied the primary's journal (AMQ221024); when the
# primary goes away the backup activates (AMQ221010 or AMQ221007) and opens its acceptor to the clients.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version=2.40.0
instance="${1:-$root/config/target/cluster/broker}"
port="${BROKER_PORT:-61616}"
host="${BROKER_HOST:-127.0.0.1}"
user="${CALLCENTER_BROKER_USER:?set CALLCENTER_BROKER_USER}"
password="${CALLCENTER_BROKER_PASSWORD:?set CALLCENTER_BROKER_PASSWORD}"
dist_parent="$root/config/target/cluster"
peer="${BROKER_PEER:-}"
backup="${BROKER_BACKUP:-false}"

zip="${ARTEMIS_ZIP:-$HOME/.m2/repository/org/apache/activemq/apache-artemis/$version/apache-artemis-$version-bin.zip}"
if [ ! -f "$zip" ]; then
    # The ordinary Maven client, pinned plugin version from the parent pom: the zip lands in ~/.m2 once.
    (cd "$root" && ./mvnw -B -q dependency:get -Dartifact=org.apache.activemq:apache-artemis:$version:zip:bin -Dtransitive=false)
fi
dist="$dist_parent/apache-artemis-$version"
if [ ! -x "$dist/bin/artemis" ]; then
    mkdir -p "$dist_parent"
    unzip -q -o "$zip" -d "$dist_parent"
fi

pair=()
if [ -n "$peer" ]; then
    pair=(--replicated --clustered --staticCluster "tcp://$peer"
          --cluster-user "${BROKER_CLUSTER_USER:-$user}" --cluster-password "${BROKER_CLUSTER_PASSWORD:-$password}")
    if [ "$backup" = true ]; then
        pair+=(--backup)
    fi
elif [ "$backup" = true ]; then
    echo "BROKER_BACKUP=true needs BROKER_PEER (the primary's host:port)" >&2
    exit 1
fi

if [ ! -f "$instance/bin/artemis" ]; then
    # Only OpenWire (the resource adapter's protocol) on the default acceptor; the other protocols' ports are often
    # taken on a shared host (AMQP 5672, MQTT 1883) and nothing here speaks them. No web console.
    "$dist/bin/artemis" create "$instance" --silent --force --user "$user" --password "$password" --require-login \
        --no-web --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
        --host "$host" --default-port "$port" --no-autotune ${pair[@]+"${pair[@]}"} >/dev/null
    # Expired messages are dropped, not kept in ExpiryQueue: the nodes' fan-out probes (6 s) and call events (5 min)
    # carry a time to live, and each node's durable subscription of a node that never comes back would otherwise fill
    # ExpiryQueue forever. Nothing here reads expired messages.
    sed -i 's|<expiry-address>ExpiryQueue</expiry-address>||' "$instance/etc/broker.xml"
fi
tls_port="${BROKER_TLS_PORT:-}"
if [ -n "$tls_port" ] && ! grep -q '<acceptor name="tls">' "$instance/etc/broker.xml"; then
    keystore="${BROKER_KEYSTORE:?set BROKER_KEYSTORE with BROKER_TLS_PORT}"
    keystore_password="${BROKER_KEYSTORE_PASSWORD:?set BROKER_KEYSTORE_PASSWORD with BROKER_TLS_PORT}"
    # Beside the plain acceptor, once per instance; the password stays in the instance's broker.xml (readable by
    # the broker's user only: protect the instance directory, or mask it with Artemis' "artemis mask").
    acceptor="<acceptor name=\"tls\">tcp://$host:$tls_port?sslEnabled=true;keyStorePath=$keystore;keyStoreType=PKCS12;keyStorePassword=$keystore_password;protocols=OPENWIRE;supportAdvisory=false</acceptor>"
    awk -v line="         $acceptor" '{ print } /<acceptor name="artemis">/ { print line }' "$instance/etc/broker.xml" \
        > "$instance/etc/broker.xml.new"
    mv "$instance/etc/broker.xml.new" "$instance/etc/broker.xml"
    chmod 600 "$instance/etc/broker.xml"
fi
# Ready when the log says AMQ221007 (a backup: AMQ221024).
exec "$instance/bin/artemis" run
