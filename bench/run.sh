#!/usr/bin/env bash
# Runs eopctl serve (release build) beside Postfix through ../../shared/bench's harness and
# prints the side-by-side table; then measures the relay's RSS with 1,000 idle sessions.
#   bench/run.sh            (needs postfix, python3; everything on loopback, bounded)
# Env: REPS, SIZES, CONCS as run-anchors.sh takes them; BENCH (default ../shared/bench).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BENCH=${BENCH:-$(cd "$ROOT/../shared/bench" && pwd)}
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; "$BENCH/postfix-down.sh" >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT
cargo build --release --manifest-path "$ROOT/Cargo.toml" >&2
cp "$HERE/eopctl-bench.yaml" "$WORK/eop.yaml"
EOPCTL_LOG=info timeout 3600 "$ROOT/target/release/eopctl" --state "$WORK/eop.yaml" serve --hostname relay.bench.local >"$WORK/out" 2>"$WORK/eopctl.log" &
PIDS+=($!); echo $! >"$WORK/eopctl.pid"
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/2528) 2>/dev/null && break; sleep 0.1; done
"$BENCH/postfix-up.sh" >/dev/null
"$BENCH/run-anchors.sh" "postfix,127.0.0.1:2525,/var/spool/postfix/pid/master.pid,${M_4K:-3000},${M_100K:-1500}" \
  "eopctl,127.0.0.1:2528,$WORK/eopctl.pid,${M_4K:-3000},${M_100K:-1500}"
# The pid file holds timeout(1)'s PID; measure its child, the relay.
python3 "$HERE/idle.py" "$(pgrep -P "$(cat "$WORK/eopctl.pid")")" 2528 1000
