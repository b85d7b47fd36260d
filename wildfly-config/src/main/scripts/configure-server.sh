#!/usr/bin/env bash
# Applies src/main/cli/*.cli to the unpacked server in one embedded CLI session.
#
# Usage: configure-server.sh JBOSS_HOME CLI_DIR PROJECT_DIR
#
# Runs only when needed: the marker file JBOSS_HOME/.mlplatform-configured holds a fingerprint of
# the scripts (this one included) and the project folder. When that changes, the pristine
# standalone-full.xml (kept beside it on the first run) is restored and every script applied again.
set -euo pipefail

jboss_home=$1
cli_dir=$2
project_dir=$(cd "$3" && pwd)

config_dir="$jboss_home/standalone/configuration"
marker="$jboss_home/.mlplatform-configured"
pristine="$config_dir/standalone-full.xml.dist"
session="$jboss_home/../configure-server.cli"

case "$project_dir" in
    *[[:space:]\(\),\"\']*)
        echo "The project folder '$project_dir' holds a space, quote, comma or parenthesis;" \
             "the CLI cannot take it as a value. Move the project to a plain path." >&2
        exit 1 ;;
esac

problems_dir="$cli_dir/../problems"
fingerprint=$( (echo "$project_dir"; cat "$0" "$cli_dir"/*.cli "$problems_dir"/*.problem) | sha256sum | cut -d' ' -f1)
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$fingerprint" ]; then
    echo "Server at $jboss_home is already configured (delete $marker or run mvn clean to redo it)"
    exit 0
fi

# Unzipping may drop the executable bits, depending on the archiver
chmod +x "$jboss_home"/bin/*.sh

if [ -f "$pristine" ]; then
    cp "$pristine" "$config_dir/standalone-full.xml"
else
    cp "$config_dir/standalone-full.xml" "$pristine"
fi

# Bodies of the answers the server writes itself (http.cli refers to them by ${jboss.server.config.dir})
mkdir -p "$config_dir/problems"
cp "$problems_dir"/*.problem "$config_dir/problems/"

{
    echo "set projectDir=$project_dir"
    echo "embed-server --server-config=standalone-full.xml --std-out=discard"
    for script in "$cli_dir"/*.cli; do
        echo "# ---- $(basename "$script")"
        cat "$script"
        echo
    done
    echo "stop-embedded-server"
} > "$session"

export JBOSS_HOME="$jboss_home"
echo "Configuring $jboss_home with $(cd "$cli_dir" && echo *.cli)"
"$jboss_home/bin/jboss-cli.sh" --file="$session"
echo "$fingerprint" > "$marker"
