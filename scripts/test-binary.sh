#!/usr/bin/env bash
# Runs one test executable as `cargo test` would (from its package's folder), its output kept in
# a file and printed whole when it ends, so that binaries running side by side do not interleave.
# Usage: test-binary.sh LOG_DIR PACKAGE_DIR EXECUTABLE
set -uo pipefail
log_dir=$1 package_dir=$2 executable=$3
log="$log_dir/$(basename "$executable").log"
start=$(date +%s)
(cd "$package_dir" && CARGO_MANIFEST_DIR="$package_dir" "$executable") >"$log" 2>&1
status=$?
{
  flock 9
  echo "     Running ${executable#"$PWD"/} ($(( $(date +%s) - start )) s, from ${package_dir#"$PWD"/})"
  cat "$log"
  [ "$status" -eq 0 ] || echo "FAILED: $executable exited with $status"
} 9>>"$log_dir/print.lock"
exit "$status"
