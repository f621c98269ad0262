#!/usr/bin/env bash
# Export benchmark (issue 5): 1,000,000 raw events of one campaign exported as CSV and XLSX through the
# launcher's job flow with a 128 MB heap, against PostgreSQL's COPY ... TO STDOUT WITH CSV, in the same run.
#   bash bench/exports.sh                               # 1,000,000 events, 3 rounds
#   bash bench/exports.sh --events 200000 --rounds 1    # a quicker look
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests install
./mvnw -B -q -f bench/pom.xml compile dependency:build-classpath -Dmdep.outputFile=bench.classpath
java -cp "bench/target/classes:$(cat bench/bench.classpath)" dev.campaignfn.bench.ExportBench "$@"
