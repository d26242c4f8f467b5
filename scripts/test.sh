#!/usr/bin/env bash
# The whole test suite, as CI runs it: prerequisites, format and lint checks, a build of every
# binary (end-to-end tests start them), then every test of the workspace.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/prereqs.sh --tests
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo build --workspace --bins --locked
cargo test --workspace --locked
