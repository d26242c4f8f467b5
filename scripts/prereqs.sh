#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine lacks to build, run and test Cyberbrain:
# PostgreSQL server binaries (for the embedded cluster and the test harness), a C compiler (the
# stand-in NVML library), busybox-static (the test image), docker-compose (the compose file's
# check) and protoc-free Rust builds need nothing more. Docker must already run: images are built
# locally, never pulled.
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
# testkit/tests/deploy_files.rs validates deploy/compose.yaml (kubectl and systemd-analyze are
# used when present, not required).
command -v docker-compose >/dev/null 2>&1 || docker compose version >/dev/null 2>&1 || need+=(docker-compose)
# The web console's browser test (testkit/tests/web_browser.rs) drives Debian's chromium through
# chromium-driver (WebDriver); only the tests need them.
if [ "${1:-}" = "--tests" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
fi

if [ "${#need[@]}" -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The LLM triage tests run a real llama.cpp OpenAI-compatible server: llama-cpp-python[server]
# (built from source: about 15 minutes on 2 idle cores, 29 with builds competing) and gguf, in a
# virtual environment under ~/.cache/cyberbrain. Wheels are cached there, so a rebuilt venv
# installs in seconds. CYBERBRAIN_LLAMA_PYTHON points the tests at another Python instead.
LLAMA_CACHE="${HOME}/.cache/cyberbrain"
LLAMA_VERSION="0.3.36"
# Only the tests need it (`prereqs.sh --tests`); the demo does not wait for this build.
WANT_LLAMA=0
[ "${1:-}" = "--tests" ] && WANT_LLAMA=1
if [ "$WANT_LLAMA" = 1 ] && [ -z "${CYBERBRAIN_LLAMA_PYTHON:-}" ] && \
   ! "$LLAMA_CACHE/venv/bin/python" -c 'import llama_cpp.server, gguf' >/dev/null 2>&1; then
  python=$(command -v python3 || true)
  if [ -z "$python" ] || ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    echo "installing: python3-venv python3-dev g++" >&2
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
      python3 python3-venv python3-dev g++ >/dev/null
    python=$(command -v python3)
  fi
  command -v c++ >/dev/null 2>&1 || {
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends g++ >/dev/null
  }
  mkdir -p "$LLAMA_CACHE/wheels"
  rm -rf "$LLAMA_CACHE/venv"
  "$python" -m venv "$LLAMA_CACHE/venv"
  "$LLAMA_CACHE/venv/bin/pip" install -q --upgrade pip
  # A prebuilt wheel beside the repository (the team's shared folder) saves the build; a clone on
  # its own has none and builds from source below.
  shared_wheels="$(cd "$(dirname "$0")/.." && pwd)/../shared/wheels"
  if ! ls "$LLAMA_CACHE/wheels"/llama_cpp_python-"$LLAMA_VERSION"-*.whl >/dev/null 2>&1 && \
     ls "$shared_wheels"/llama_cpp_python-"$LLAMA_VERSION"-*.whl >/dev/null 2>&1; then
    cp "$shared_wheels"/llama_cpp_python-"$LLAMA_VERSION"-*.whl "$LLAMA_CACHE/wheels/" || true
  fi
  if ! ls "$LLAMA_CACHE/wheels"/llama_cpp_python-"$LLAMA_VERSION"-*.whl >/dev/null 2>&1; then
    echo "building llama-cpp-python $LLAMA_VERSION (once; cached in $LLAMA_CACHE/wheels)" >&2
    CMAKE_ARGS="-DGGML_NATIVE=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF" \
      CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
      "$LLAMA_CACHE/venv/bin/pip" wheel -q --wheel-dir "$LLAMA_CACHE/wheels" \
      "llama-cpp-python[server]==$LLAMA_VERSION" gguf
  fi
  "$LLAMA_CACHE/venv/bin/pip" install -q --find-links "$LLAMA_CACHE/wheels" \
    "llama-cpp-python[server]==$LLAMA_VERSION" gguf
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "error: cargo is missing; install Rust (rustup) first" >&2
  exit 1
fi
if ! command -v docker >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
  echo "error: the Docker engine is not reachable (docker info failed); start it and retry" >&2
  exit 1
fi
