#!/usr/bin/env bash
# npm test (decision 091): typecheck, lint, the formatting check (decision 183) and the production build side by
# side — single-threaded tools on a machine with more than one core — then every vitest project. Extra arguments
# go to vitest.
set -u
names=()
pids=()
start() {
  names+=("$1")
  shift
  "$@" &
  pids+=($!)
}
start typecheck npm run --silent typecheck
start lint npm run --silent lint
start format npm run --silent format:check
start build npm run --silent build
failed=0
for i in "${!pids[@]}"; do
  if ! wait "${pids[$i]}"; then
    echo "npm test: ${names[$i]} failed" >&2
    failed=1
  fi
done
[ "$failed" -eq 0 ] || exit 1
# The screen sweep's screenshots are for people, not a check (decision 197): npm run test:screens writes them.
export SWEEP_SCREENSHOTS="${SWEEP_SCREENSHOTS:-off}"
exec npx vitest run "$@"
