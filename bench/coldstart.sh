#!/usr/bin/env bash
# Cold-start benchmark: each function's JVM zip (under AWS's runtime interface client) and native executable (its
# provided.al2023 bootstrap), side by side against a Runtime API emulator: process start to first answer, the next
# 100 answers, peak RSS and zip size, against the smallest Java handler under the same client, in the same run.
#   bash bench/coldstart.sh                    # 5 rounds; native too where functions/*/target/native/function.zip exist
#   bash bench/coldstart.sh --build-native     # build the native executables first (.ci/native)
#   bash bench/coldstart.sh -Drounds=1 -Dfunctions=campaigns -Dpackagings=native      # one function, one packaging
#   bash bench/coldstart.sh -Drounds=1 -Dwarm.calls=1000                                # more answers after the first
#   bash bench/coldstart.sh -Dfunction.jvm.options="-Xlog:class+load:file=/tmp/classes.txt:uptime"   # diagnose
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--build-native" ]; then
  shift
  bash .ci/native
fi
./mvnw -B -q -DskipTests install
./mvnw -B -q -pl deployment verify -Dtest=ColdStartBench -Dcoldstart=true -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat "bench/results/coldstart-$(date -u +%F).md"
