#!/usr/bin/env bash
# Cold-start benchmark (issue 7): each built function.zip under AWS's runtime interface client against a
# Runtime API emulator, process start to first answer and the next 100 answers, against the smallest Java
# handler under the same client, in the same run.
#   bash bench/coldstart.sh              # 3 rounds
#   bash bench/coldstart.sh -Drounds=5
#   bash bench/coldstart.sh -Drounds=1 -Dfunctions=campaigns                 # one function (and the baseline)
#   bash bench/coldstart.sh -Drounds=1 -Dwarm.calls=1000                      # more answers after the first
#   bash bench/coldstart.sh -Dfunction.jvm.options="-Xlog:class+load:file=/tmp/classes.txt:uptime"   # diagnose
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests install
./mvnw -B -q -pl deployment verify -Dtest=ColdStartBench -Dcoldstart=true -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat bench/results/coldstart-*.md | tail -12
