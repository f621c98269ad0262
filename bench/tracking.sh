#!/usr/bin/env bash
# Tracking benchmark (issue 3): raw PostgreSQL INSERT rates (pgbench) as the baseline, then the
# tracking routes of the local launcher (wrk), measured in the same run on the same machine.
#   bash bench/tracking.sh                      # embedded PostgreSQL, 3 rounds of 10 s
#   bash bench/tracking.sh --rounds 5 --seconds 20
#   bash bench/tracking.sh --database-url jdbc:postgresql://127.0.0.1:5432/bench --user postgres --password ''
# Needs pgbench and wrk (Debian: postgresql-client, wrk); installs them with apt-get when missing and root.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in pgbench:postgresql-client wrk:wrk; do
  if ! command -v "${tool%%:*}" >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then apt-get install -y -q "${tool#*:}" >/dev/null; else
      echo "${tool%%:*} is needed (Debian package ${tool#*:})" >&2; exit 1; fi
  fi
done
./mvnw -B -q -DskipTests install
./mvnw -B -q -f bench/pom.xml compile dependency:build-classpath -Dmdep.outputFile=bench.classpath
java -cp "bench/target/classes:$(cat bench/bench.classpath)" dev.campaignfn.bench.TrackingBench "$@"
