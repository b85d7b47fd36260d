#!/usr/bin/env bash
# Builds the platform, provisions and configures WildFly (wildfly-config), deploys the EAR and runs
# the server in the foreground. Ctrl-C stops it cleanly.
#
# On the first start it creates a management user (admin console), an application user with role
# model-admin for people (REST writes, Swagger UI) and a second one with the same role for scripts
# and automation, with random passwords kept in the server folder and printed on every start.
# (WildFly locks a user out for 15 minutes after 10 wrong passwords: a noisy script locks out only
# its own user.) When the model repository holds no model yet, it trains the default model on the
# default dataset (models/data/default/) through the builder's REST API and waits for it.
#
# Usage: ./run.sh [--port-offset N] [--no-build]
# Environment: MLPLATFORM_MODELS_DIR (default ./models), MLPLATFORM_DATA_DIR (default: data/ in the
# models folder)
set -euo pipefail

project_dir=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/platform-functions.sh
. "$project_dir/scripts/platform-functions.sh"
jboss_home="$project_dir/wildfly-config/target/server"
# The two services deploy side by side, as they would on separate servers. (ear/ builds
# model-platform.ear with both, but WildFly registers no MicroProfile Health checks of EAR
# subdeployments, so the services' readiness checks would not show.)
wars=("$project_dir/builder-batch-war/target/builder-batch-war.war" "$project_dir/inference-rest-war/target/inference-rest-war.war")
credentials="$jboss_home/standalone/configuration/mlplatform-credentials.txt"

port_offset=0
build=true
while [ $# -gt 0 ]; do
    case "$1" in
        --port-offset) port_offset=${2:-}; shift $(( $# > 1 ? 2 : 1 )) ;;
        --port-offset=*) port_offset=${1#*=}; shift ;;
        --no-build) build=false; shift ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "Unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done
if ! [[ "$port_offset" =~ ^[0-9]+$ ]]; then
    echo "--port-offset takes a number, not '$port_offset'" >&2
    exit 2
fi
http_port=$((8080 + port_offset))
management_port=$((9990 + port_offset))
base_url="http://localhost:$http_port"

export MLPLATFORM_MODELS_DIR="${MLPLATFORM_MODELS_DIR:-$project_dir/models}"
export MLPLATFORM_DATA_DIR="${MLPLATFORM_DATA_DIR:-$MLPLATFORM_MODELS_DIR/data}"

for tool in java mvn curl; do
    command -v "$tool" >/dev/null || { echo "$tool is needed on the PATH" >&2; exit 1; }
done
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
    echo "Java 17 or later is needed on the PATH (found: ${java_major:-none})" >&2
    exit 1
fi

if $build; then
    echo "==> Building (mvn -DskipTests package): the first build downloads WildFly, about 260 MB"
    (cd "$project_dir" && mvn -B -ntp -q -DskipTests package)
fi
if [ ! -f "$jboss_home/.mlplatform-configured" ]; then
    echo "No configured server in $jboss_home: run without --no-build" >&2
    exit 1
fi
for war in "${wars[@]}"; do
    if [ ! -f "$war" ]; then
        echo "No $war: the build did not produce the application" >&2
        exit 1
    fi
done
if curl -s -o /dev/null "http://localhost:$management_port" || curl -s -o /dev/null "$base_url"; then
    echo "Port $http_port or $management_port is in use (a server already running?); try --port-offset 100" >&2
    exit 1
fi

if [ ! -f "$credentials" ]; then
    echo "==> Creating the console user 'admin' and the application user 'mladmin' (role model-admin)"
    admin_password=$(random_password)
    mladmin_password=$(random_password)
    JBOSS_HOME="$jboss_home" "$jboss_home/bin/add-user.sh" -s -u admin -p "$admin_password"
    JBOSS_HOME="$jboss_home" "$jboss_home/bin/add-user.sh" -a -s -u mladmin -p "$mladmin_password" -g model-admin
    (umask 077 && printf 'admin=%s\nmladmin=%s\n' "$admin_password" "$mladmin_password" > "$credentials")
fi
# The automation user, also added to a server set up before it existed
automation_user=model-automation
if ! grep -q "^$automation_user=" "$credentials"; then
    echo "==> Creating the application user '$automation_user' (role model-admin) for scripts and automation"
    automation_password=$(random_password)
    JBOSS_HOME="$jboss_home" "$jboss_home/bin/add-user.sh" -a -s -u "$automation_user" -p "$automation_password" -g model-admin
    (umask 077 && printf '%s=%s\n' "$automation_user" "$automation_password" >> "$credentials")
fi
admin_password=$(sed -n 's/^admin=//p' "$credentials")
mladmin_password=$(sed -n 's/^mladmin=//p' "$credentials")
automation_password=$(sed -n "s/^$automation_user=//p" "$credentials")

# The deployment scanner deploys what is in deployments/ at boot; drop the markers of an earlier run
deployments="$jboss_home/standalone/deployments"
rm -f "$deployments"/model-platform.ear*
for war in "${wars[@]}"; do
    rm -f "$deployments/$(basename "$war")".{failed,deployed,undeployed,isdeploying,pending}
    cp "$war" "$deployments/"
done

echo "==> Starting WildFly (standalone-full.xml, port offset $port_offset)"
started_at=$(date +%s)
# standalone.sh then waits for the JVM and passes SIGINT/SIGTERM on to it
export LAUNCH_JBOSS_IN_BACKGROUND=1
"$jboss_home/bin/standalone.sh" -c standalone-full.xml -Djboss.socket.binding.port-offset="$port_offset" &
server_pid=$!

stop_server() {
    trap - INT TERM
    echo
    echo "==> Stopping WildFly"
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    exit 0
}
trap stop_server INT TERM

server_running() { kill -0 "$server_pid" 2>/dev/null; }

# Up once the boot is over (readiness as a whole also needs a served model, which the default
# training below provides)
ready=false
for _ in $(seq 1 150); do
    server_running || { echo "WildFly exited during start-up" >&2; exit 1; }
    if server_booted "http://localhost:$management_port"; then
        ready=true
        break
    fi
    sleep 2
done
if ! $ready; then
    echo "==> WildFly has not started after 300 s: see $jboss_home/standalone/log/server.log" >&2
    curl -s "http://localhost:$management_port/health/ready" >&2 || true
    echo >&2
fi

cat <<EOF

==> Model platform up in $(( $(date +%s) - started_at )) s
    Inference REST        $base_url/
    Builder REST          $base_url/builder/api
    REST writes, people   user mladmin, password $mladmin_password   (Swagger UI, curl by hand)
    REST writes, scripts  user $automation_user, password $automation_password
                          (10 wrong passwords lock a user out for 15 min; README "Login lockout")
    OpenAPI documents     $base_url/openapi (inference), $base_url/builder/openapi (builder)
    OpenAPI UI            $base_url/api-docs
    Admin console (HAL)   http://localhost:$management_port   (user admin, password $admin_password)
    Health                http://localhost:$management_port/health
    Models                $MLPLATFORM_MODELS_DIR
    Training data         $MLPLATFORM_DATA_DIR
    Credentials file      $credentials
    Ctrl-C stops the server.

EOF

if $ready && ! has_model "$MLPLATFORM_MODELS_DIR"; then
    train_default_model "$base_url" "$automation_user" "$automation_password" "$MLPLATFORM_DATA_DIR" server_running
fi
if $ready; then
    for _ in $(seq 1 30); do
        curl -sf -o /dev/null "http://localhost:$management_port/health/ready" && break
        sleep 2
    done
    echo "==> Readiness: $(curl -s "http://localhost:$management_port/health/ready")"
fi

wait "$server_pid"
