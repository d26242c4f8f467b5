#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine lacks to build, run and test Cyberbrain:
# PostgreSQL server binaries (for the embedded cluster and the test harness), a C compiler (the
# stand-in NVML library), busybox-static (the test image) and protoc-free Rust builds need nothing
# more. Docker must already run: images are built locally, never pulled.
set -euo pipefail

need=()
have_pg() {
  command -v initdb >/dev/null 2>&1 && return 0
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}
have_pg || need+=(postgresql)
command -v cc >/dev/null 2>&1 || need+=(gcc libc6-dev)
[ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1 || need+=(busybox-static)
command -v runuser >/dev/null 2>&1 || need+=(util-linux)

if [ "${#need[@]}" -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "error: cargo is missing; install Rust (rustup) first" >&2
  exit 1
fi
if ! command -v docker >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
  echo "error: the Docker engine is not reachable (docker info failed); start it and retry" >&2
  exit 1
fi
