#!/usr/bin/env bash
# Analytics benchmark (issue 4): 10M generated events folded into the rollups, then each report through
# the launcher against seed 004's SQL views over the raw events, warm and cold, in the same run.
#   bash bench/analytics.sh                                   # 10,000,000 events, 200 campaigns, 90 days
#   bash bench/analytics.sh --events 1000000 --cold-rounds 2  # a quicker look
#   bash bench/analytics.sh --events 1000000 --hold true      # load, then keep the launcher running (profiling)
#   bash bench/analytics.sh --events 1000000 --jvm-options -XX:TieredStopAtLevel=1  # C1 only, as the Lambda Java 17 runtime runs
# Needs about 8 GB of free disk for the embedded database; cold rounds drop the OS page cache when run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests install
./mvnw -B -q -f bench/pom.xml compile dependency:build-classpath -Dmdep.outputFile=bench.classpath
java -cp "bench/target/classes:$(cat bench/bench.classpath)" dev.campaignfn.bench.AnalyticsBench "$@"
