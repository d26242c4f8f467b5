#!/usr/bin/env bash
# The whole test suite, as CI runs it: prerequisites, format and lint checks, a build of every
# target (end-to-end tests start the binaries), then every test of the workspace.
#
# Test executables run CYBERBRAIN_TEST_JOBS at a time (3 by default; 1 runs them one after
# another, as `cargo test` does). Most of their time is spent waiting — a PostgreSQL cluster
# starting, an agent reconnecting, a certificate expiring — so side by side they take about half
# the wall time on two cores. Each one's output is printed whole when it ends; one that fails
# runs again alone before the suite fails.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/prereqs.sh --tests
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
# All targets in one build: the binaries get the features the tests' dev-dependencies turn on,
# so `cargo test` below reuses them instead of building the dependency tree a second time.
cargo build --workspace --all-targets --locked

parallel="${CYBERBRAIN_TEST_JOBS:-3}"
if [ "$parallel" -le 1 ]; then
  exec cargo test --workspace --locked
fi

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
# The executables cargo test would run, end-to-end ones (testkit) first: they are the longest.
# Only test harnesses (profile.test): the plain binaries built for the end-to-end tests are listed too.
cargo test --workspace --locked --no-run --message-format=json 2>/dev/null \
  | grep -E '"profile":\{[^}]*"test":true\}' \
  | sed -n 's/.*"manifest_path":"\([^"]*\)\/Cargo.toml".*"executable":"\([^"]*\)".*/\1 \2/p' \
  > "$logs/all"
{ grep '/testkit ' "$logs/all" || true; grep -v '/testkit ' "$logs/all" || true; } > "$logs/executables"
count=$(wc -l < "$logs/executables")
[ "$count" -gt 0 ] || { echo "no test executables found" >&2; exit 1; }
echo "running $count test executables, $parallel at a time" >&2
failed=0
xargs -P "$parallel" -L 1 bash scripts/test-binary.sh "$logs" < "$logs/executables" || true
# An executable that failed beside others runs again alone: the suite fails only if it fails
# there too. One that passes alone is named below, as a test whose timing the load upset.
if [ -s "$logs/failed" ]; then
  mv "$logs/failed" "$logs/failed-side-by-side"
  while read -r package_dir executable; do
    echo "running again alone: ${executable#"$PWD"/}" >&2
    if bash scripts/test-binary.sh "$logs" "$package_dir" "$executable" < /dev/null; then
      echo "FLAKY: ${executable#"$PWD"/} failed beside other tests and passed alone" >&2
    else
      failed=1
    fi
  done < "$logs/failed-side-by-side"
fi
cargo test --workspace --locked --doc || failed=1
if [ "$failed" -ne 0 ]; then
  echo "FAILED: see the executables marked FAILED above" >&2
  exit 1
fi
