# Functions shared by run.sh (one server) and cluster.sh (a cluster). Source it; it runs nothing.

# A random password of 3 groups of 6 letters and digits, with at least one of each
random_password() {
    local password=""
    until [[ "$password" =~ [0-9] && "$password" =~ [A-Za-z] ]]; do
        password=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 18)
    done
    echo "${password:0:6}-${password:6:6}-${password:12:6}"
}

# Whether a WildFly server has finished its boot, from its management URL: every deployment in and the
# server resumed, so its message-driven beans receive (until then a model event published on the topic
# does not reach it). WildFly's own readiness checks say so; /health/started is no help here, as it
# answers UP early in the boot, before any deployment has registered its check. The overall readiness
# also needs a served model, which a first start does not have yet.
server_booted() {
    local ready
    ready=$(curl -s --max-time 10 "$1/health/ready") || return 1
    case "$ready" in *'"name":"suspend-state","status":"UP"'*) ;; *) return 1 ;; esac
    case "$ready" in *'"name":"deployments-status","status":"UP"'*) return 0 ;; *) return 1 ;; esac
}

# Whether the model repository holds a published version of any model
has_model() {
    local models_dir=$1
    [ -n "$(find "$models_dir" -mindepth 3 -maxdepth 3 -name model.onnx -print -quit 2>/dev/null)" ]
}

# Trains the default model on DATA_DIR/default through the builder's REST API and waits for the job.
# ALIVE is a command that fails once the server(s) stopped, to give up early.
# Usage: train_default_model BASE_URL USER PASSWORD DATA_DIR ALIVE
train_default_model() {
    local base_url=$1 user=$2 password=$3 data_dir=$4 alive=$5
    if [ ! -f "$data_dir/default/train_data.csv" ]; then
        echo "==> No model yet, and no default dataset in $data_dir/default: nothing to train"
        return
    fi
    echo "==> No model yet: training the default model on $data_dir/default"
    local response location body status submitted_at
    response=$(curl -s -i -u "$user:$password" -H 'Content-Type: application/json' \
        -d '{"model":"default","trainData":"default/train_data.csv","trainLabels":"default/train_labels.csv","testData":"default/test_data.csv","testLabels":"default/test_labels.csv"}' \
        "$base_url/builder/api/trainings" | tr -d '\r') || true
    location=$(printf '%s\n' "$response" | sed -n 's/^[Ll]ocation: *//p' | head -1)
    if [ -z "$location" ]; then
        echo "    The builder did not accept the job:"
        printf '%s\n' "$response" | head -1
        printf '%s\n' "$response" | sed '1,/^$/d'
        return
    fi
    case "$location" in /*) location="$base_url$location" ;; esac
    echo "    Job accepted: $location"
    submitted_at=$(date +%s)
    for _ in $(seq 1 900); do
        $alive || return
        body=$(curl -s -u "$user:$password" "$location") || true
        # The job's own status comes first: JSON-B writes properties in alphabetical order
        status=$(printf '%s' "$body" | grep -o -E '"(batchStatus|status)" *: *"[A-Z]+"' | head -1 | grep -o -E '[A-Z]+"$' | tr -d '"') || true
        case "$status" in
            COMPLETED|FAILED|STOPPED|ABANDONED)
                echo "    Job $status after $(( $(date +%s) - submitted_at )) s:" \
                    "$(printf '%s' "$body" | grep -o -E '"exitStatus" *: *"[^"]*"' | head -1)"
                return ;;
        esac
        sleep 1
    done
    echo "    The job has not finished after 15 min; see $location"
}
