#!/usr/bin/env bash
# Gives a module's Arquillian tests a server base folder of their own (-Djboss.server.base.dir):
# the configuration of the provisioned server, without its users, plus one test application user.
# Job repository, broker journal, logs and deployments of the tests then stay under the module's
# target/, apart from the server that run.sh starts and from other modules' tests.
#
# Usage: prepare-it-server.sh JBOSS_HOME BASE_DIR USER PASSWORD ROLE
set -euo pipefail

jboss_home=$1
base_dir=$2
user=$3
password=$4
role=$5

if [ ! -f "$jboss_home/.mlplatform-configured" ]; then
    echo "No configured server at $jboss_home: build the wildfly-config module first" >&2
    exit 1
fi

rm -rf "$base_dir"
mkdir -p "$base_dir/deployments"
cp -r "$jboss_home/standalone/configuration" "$base_dir/"
rm -rf "$base_dir/configuration/standalone_xml_history" "$base_dir/configuration/mlplatform-credentials.txt"

# Keep only the comment headers of the user and role files: no user of the real server comes along
for file in application-users application-roles mgmt-users mgmt-groups; do
    sed -i '/^[^#]/d' "$base_dir/configuration/$file.properties"
done

JBOSS_HOME="$jboss_home" "$jboss_home/bin/add-user.sh" -a -s -u "$user" -p "$password" -g "$role" \
    -sc "$base_dir/configuration"
echo "Test server base folder $base_dir ready, application user $user with role $role"
