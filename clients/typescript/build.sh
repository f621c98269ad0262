#!/usr/bin/env bash
# Compiles the client that openapi-generator wrote into src/ with tsc in strict mode (dist/), and the seed
# frontend test's harness (test-dist/). Needs node 18+ and npm: without them it says so and skips, unless
# CAMPAIGNFN_NODE_TESTS=required (.ci/run sets it), which makes that a failure.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "${CAMPAIGNFN_NODE_TESTS:-}" = "required" ]; then
    echo "TypeScript client: node and npm are required here (CAMPAIGNFN_NODE_TESTS=required) but not found" >&2
    exit 1
  fi
  echo "TypeScript client: skipped, node and npm not found (the generated sources are in clients/typescript/src)"
  exit 0
fi

# install exactly what the committed lock file says, again only when it changed
stamp=node_modules/.campaignfn-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
fi
rm -rf dist test-dist
npx --no-install tsc -p tsconfig.json
npx --no-install tsc -p test/tsconfig.json
echo "TypeScript client: compiled with tsc --strict into clients/typescript/dist"
