#!/usr/bin/env bash
# The main job on one machine: build, start a controller on its embedded PostgreSQL (it makes its
# CA and a bootstrap admin token on first start), log cbctl in with that token, enroll a local agent
# with a one-time join token, allowlist the running containers, launch a run of all three tasks
# and print its report. The controller and agent keep running for you to explore with cbctl;
# `bash scripts/demo.sh stop` stops them.
set -euo pipefail
cd "$(dirname "$0")/.."

STATE=.state
BIN=target/debug
mkdir -p "$STATE"

stop() {
  for name in agent controller; do
    if [ -f "$STATE/$name.pid" ] && kill -0 "$(cat "$STATE/$name.pid")" 2>/dev/null; then
      kill -TERM "$(cat "$STATE/$name.pid")"
      while kill -0 "$(cat "$STATE/$name.pid")" 2>/dev/null; do sleep 0.2; done
      echo "stopped $name"
    fi
    rm -f "$STATE/$name.pid"
  done
}

if [ "${1:-}" = "stop" ]; then
  stop
  exit 0
fi

bash scripts/prereqs.sh
echo "== building"
cargo build --workspace --bins --locked
stop

if [ -z "$(docker ps -q)" ]; then
  echo "== no containers are running: starting two demo containers from a local busybox image"
  image=$(bash testkit/docker/build-test-image.sh)
  docker rm -f cyberbrain-demo-web cyberbrain-demo-worker >/dev/null 2>&1 || true
  docker run -d --name cyberbrain-demo-web --label com.docker.compose.project=demo \
    --label com.docker.compose.service=web -p 127.0.0.1:18080:8080 "$image" sh -c '
      echo "INFO listening on :8080"
      i=0; while [ $i -lt 40 ]; do i=$((i+1)); echo "INFO GET /api/items/$i 200 in ${i}ms"; done
      echo "ERROR upstream db:5432 timed out after 30s" >&2
      echo "ERROR upstream db:5432 timed out after 31s" >&2
      echo "WARN slow request GET /api/report took 2300ms"
      sleep 86400' >/dev/null
  docker run -d --name cyberbrain-demo-worker --label com.docker.compose.project=demo \
    --label com.docker.compose.service=worker "$image" sh -c '
      i=0; while [ $i -lt 12 ]; do i=$((i+1)); echo "INFO job $i finished"; done
      echo "ERROR job 13 failed: disk quota exceeded" >&2
      sleep 86400' >/dev/null
fi

echo "== starting the controller on its embedded PostgreSQL (state in $STATE/controller)"
rm -f "$STATE/controller/endpoints.json"
"$BIN/cyberbrain-controller" --state-dir "$STATE/controller" --log-format json \
  >"$STATE/controller.log" 2>&1 &
echo $! >"$STATE/controller.pid"
for _ in $(seq 1 300); do
  [ -f "$STATE/controller/endpoints.json" ] && break
  kill -0 "$(cat "$STATE/controller.pid")" 2>/dev/null || { tail -5 "$STATE/controller.log"; exit 1; }
  sleep 0.2
done

# cbctl keeps its context in a config file of the demo's own, not in ~/.config.
export CYBERBRAIN_CONFIG="$PWD/$STATE/cbctl-config.toml"
CA="$STATE/controller/pki/ca.pem"
echo "== logging cbctl in with the bootstrap admin token ($STATE/controller/admin.token)"
"$BIN/cbctl" login --server https://127.0.0.1:7070 --ca-cert "$CA" \
  --token-file "$STATE/controller/admin.token"

echo "== starting the local agent"
if [ ! -f "$STATE/agent/agent.pem" ]; then
  echo "   enrolling it with a one-time join token"
  CYBERBRAIN_JOIN_TOKEN=$("$BIN/cbctl" agent join-token create --ttl 15m --label demo=true 2>/dev/null)
  export CYBERBRAIN_JOIN_TOKEN
fi
# The one command this host lets the controller run (`cbctl exec --all -- whoami`).
"$BIN/cyberbrain-agent" --log-format json --state-dir "$STATE/agent" --name local --ca-cert "$CA" \
  --allow-command whoami=/usr/bin/whoami >"$STATE/agent.log" 2>&1 &
unset CYBERBRAIN_JOIN_TOKEN
echo $! >"$STATE/agent.pid"
for _ in $(seq 1 150); do
  "$BIN/cbctl" agent get local -o json 2>/dev/null | grep -q '"state": "online"' && break
  kill -0 "$(cat "$STATE/agent.pid")" 2>/dev/null || { tail -5 "$STATE/agent.log"; exit 1; }
  sleep 0.2
done
"$BIN/cbctl" agent list

echo "== allowlisting the running containers"
for name in $(docker ps --format '{{.Names}}'); do
  "$BIN/cbctl" allowlist add "$name" --description "allowlisted by the demo" >/dev/null 2>&1 || true
done
"$BIN/cbctl" allowlist list

echo "== launching a run of service_map, gpu_report and log_triage on every agent"
"$BIN/cbctl" run launch --all --watch || true
run_id=$("$BIN/cbctl" run list --limit 1 -o json | sed -n 's/.*"id": "\([0-9a-f-]*\)".*/\1/p' | head -1)

echo "== report of run $run_id"
"$BIN/cbctl" run report "$run_id"
echo "== running the command the local agent declares, on every agent"
"$BIN/cbctl" exec --all -- whoami || true
web=$(sed -n 's/.*"web": *"\([^"]*\)".*/\1/p' "$STATE/controller/endpoints.json")
if [ -n "$web" ]; then
  echo "== the web console"
  echo "   https://localhost:${web##*:}/ (the controller's certificate is signed by $CA)"
  echo "   one-time sign-in link, valid 60 seconds (later: $BIN/cbctl ui):"
  echo "   $("$BIN/cbctl" ui --print | sed 's|https://127.0.0.1:|https://localhost:|')"
fi

cat <<TXT

The controller and the agent are still running (logs in $STATE/). Try (with
CYBERBRAIN_CONFIG=$STATE/cbctl-config.toml, or after your own cbctl login):
  $BIN/cbctl run list
  $BIN/cbctl ui              # the web console, signed in
  $BIN/cbctl audit list
  $BIN/cbctl exec --all -- whoami
  $BIN/cbctl run report $run_id -o json
  $BIN/cbctl directive create nightly --task log_triage:tail=500 --task gpu_report --all
Stop them with: bash scripts/demo.sh stop
TXT
