#!/usr/bin/env bash
# Runs one test executable as `cargo test` would (from its package's folder), its output kept in
# a file and printed whole when it ends, so that binaries running side by side do not interleave.
# A failure is also listed in LOG_DIR/failed.
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
  if [ "$status" -ne 0 ]; then
    echo "FAILED: $executable exited with $status"
    echo "$package_dir $executable" >> "$log_dir/failed"
  fi
} 9>>"$log_dir/print.lock"
exit "$status"
