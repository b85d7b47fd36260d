#!/usr/bin/env bash
# Applies src/main/cli/*.cli to one configuration of the unpacked server in one embedded CLI session.
#
# Usage: configure-server.sh JBOSS_HOME CLI_DIR PROJECT_DIR [SERVER_CONFIG [EXTRA_CLI_DIR [CLI_VARIABLE=VALUE...]]]
#
# SERVER_CONFIG defaults to standalone-full.xml (the single-node server of run.sh and the tests). The
# cluster profile also configures standalone-full-ha.xml: the same scripts, then those of
# EXTRA_CLI_DIR (src/main/cli/cluster), which may read the CLI variables given after it.
#
# Runs only when needed: the marker file JBOSS_HOME/.mlplatform-configured (one per configuration)
# holds a fingerprint of the scripts (this one included), the variables and the project folder. When
# that changes, the pristine configuration (kept beside it on the first run) is restored and every
# script applied again.
set -euo pipefail

jboss_home=$1
cli_dir=$2
project_dir=$(cd "$3" && pwd)
server_config=${4:-standalone-full.xml}
extra_cli_dir=${5:-}
cli_variables=("${@:6}")

config_dir="$jboss_home/standalone/configuration"
if [ "$server_config" = standalone-full.xml ]; then
    marker="$jboss_home/.mlplatform-configured"
else
    marker="$jboss_home/.mlplatform-configured-${server_config%.xml}"
fi
pristine="$config_dir/$server_config.dist"
session="$jboss_home/../configure-${server_config%.xml}.cli"
scripts=("$cli_dir"/*.cli)
if [ -n "$extra_cli_dir" ]; then
    scripts+=("$extra_cli_dir"/*.cli)
fi

case "$project_dir" in
    *[[:space:]\(\),\"\']*)
        echo "The project folder '$project_dir' holds a space, quote, comma or parenthesis;" \
             "the CLI cannot take it as a value. Move the project to a plain path." >&2
        exit 1 ;;
esac

# Bodies of the answers the server writes itself (src/main/problems, beside this script's folder)
problems_dir="$(cd "$(dirname "$0")/../problems" && pwd)"
fingerprint=$( (echo "$project_dir" "${cli_variables[@]}"; cat "$0" "${scripts[@]}" "$problems_dir"/*.problem) | sha256sum | cut -d' ' -f1)
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$fingerprint" ]; then
    echo "Server at $jboss_home is already configured (delete $marker or run mvn clean to redo it)"
    exit 0
fi

# Unzipping may drop the executable bits, depending on the archiver
chmod +x "$jboss_home"/bin/*.sh

if [ -f "$pristine" ]; then
    cp "$pristine" "$config_dir/$server_config"
else
    cp "$config_dir/$server_config" "$pristine"
fi

# Bodies of the answers the server writes itself (http.cli refers to them by ${jboss.server.config.dir})
mkdir -p "$config_dir/problems"
cp "$problems_dir"/*.problem "$config_dir/problems/"

{
    echo "set projectDir=$project_dir"
    for variable in "${cli_variables[@]}"; do
        echo "set $variable"
    done
    echo "embed-server --server-config=$server_config --std-out=discard"
    for script in "${scripts[@]}"; do
        echo "# ---- $(basename "$script")"
        cat "$script"
        echo
    done
    echo "stop-embedded-server"
} > "$session"

export JBOSS_HOME="$jboss_home"
echo "Configuring $server_config of $jboss_home with ${scripts[*]##*/}"
"$jboss_home/bin/jboss-cli.sh" --file="$session"
echo "$fingerprint" > "$marker"
