#!/usr/bin/env bash
# The protection stage's cost (issue 7), two measurements in one run:
# 1. the filter pipeline per message (bench/filter-cost.rs, release build): parse, malware
#    walk, anti-spam score and header rewrite, median and p99 for a 4 KB and a 1 MB message;
# 2. relay throughput with filtering on and off: two `eopctl serve` (release build) side by
#    side through ../shared/bench's run-anchors.sh (interleaved, one smtp-sink):
#    - eopctl-on  (127.0.0.1:2529): the loopback clients are anonymous Internet senders and
#      bench.test an InternalRelay accepted domain routed to the sink, so every message goes
#      through the whole stage (malware walk, anti-spam score, stamped headers);
#    - eopctl-off (127.0.0.1:2530): the same plus an OnPremises inbound connector for
#      127.0.0.0/8: mail from the organisation's own servers skips anti-spam, as in EOP.
#      Anti-malware has no off switch (EOP has none either), so it still runs here: "off"
#      is the relay's cheapest honest path, not zero filtering.
#   Both relays load the SpamAssassin rule set (serve --spam-rules $SPAM_RULES) when this
#   build has the flag, so "on" includes the rule engine; the header says whether it did.
#   Both relays resolve through bench/nxdns.py, which answers NXDOMAIN at once: sender
#   authentication's SPF and DMARC lookups cost a loopback round trip, as a nearby
#   resolver would, rather than the resolver's timeout.
#   bench/filter-bench.sh      (needs postfix and python3; loopback only, bounded)
# With BEFORE=/path/to/an/older/eopctl it compares two builds instead (a refactoring's
# "throughput within noise"): the older binary and this tree's, both filtering on, side by
# side; the pipeline measurement is skipped.
# Env: N (pipeline runs per size, 2000), REPS (3), SIZES ("4 100"), CONCS ("1 10"),
#      M_4K (2000), M_100K (1000), SINKPORT (2526), DNSPORT (2527),
#      BENCH (default ../shared/bench), SPAM_RULES (default /usr/share/spamassassin),
#      BEFORE (unset); CARGO_TARGET_DIR is honoured.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BENCH=${BENCH:-$(cd "$ROOT/../shared/bench" && pwd)}
SINKPORT=${SINKPORT:-2526}
DNSPORT=${DNSPORT:-2527}
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
if [[ -z ${BEFORE:-} ]]; then
  cargo build --release --manifest-path "$ROOT/Cargo.toml" --bin eopctl --example filter-cost >&2
else
  cargo build --release --manifest-path "$ROOT/Cargo.toml" --bin eopctl >&2
fi
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
EOPCTL=$TARGET/release/eopctl
source "$HERE/eopctl-relay.bash"
SERVE_ARGS=()
if "$EOPCTL" serve --help 2>/dev/null | grep -q -- '--spam-rules'; then
  SERVE_ARGS+=(--spam-rules "${SPAM_RULES:-/usr/share/spamassassin}")
  echo "The relays load the rules of ${SPAM_RULES:-/usr/share/spamassassin}."
else
  echo "This build has no --spam-rules: the built-in anti-spam signals only."
fi
if [[ -z ${BEFORE:-} ]]; then
  echo "## Filter pipeline per message"
  timeout 600 "$TARGET/release/examples/filter-cost" "${N:-2000}"
fi

timeout 3600 python3 "$HERE/nxdns.py" "$DNSPORT" &
PIDS+=($!)

if [[ -n ${BEFORE:-} ]]; then
  # The older build may predate --spam-rules: both run with the built-in signals then.
  relay_state before 2529
  EOPCTL=$BEFORE relay_serve before 2529
  relay_state after 2530
  relay_serve after 2530
  echo "## Relay throughput, filtering on: $BEFORE (before) and this tree (after)"
  LIMIT=0 CONCS=${CONCS:-"1 10"} "$BENCH/run-anchors.sh" \
    "before,127.0.0.1:2529,$WORK/before/pid,${M_4K:-2000},${M_100K:-1000}" \
    "after,127.0.0.1:2530,$WORK/after/pid,${M_4K:-2000},${M_100K:-1000}"
  exit 0
fi
relay_state eopctl-on 2529
relay_serve eopctl-on 2529 "${SERVE_ARGS[@]}"
relay_state eopctl-off 2530 "InboundConnectors:
  - { Name: Bench clients, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.0/8] }"
relay_serve eopctl-off 2530 "${SERVE_ARGS[@]}"

echo "## Relay throughput, filtering on and off"
LIMIT=0 CONCS=${CONCS:-"1 10"} "$BENCH/run-anchors.sh" \
  "eopctl-on,127.0.0.1:2529,$WORK/eopctl-on/pid,${M_4K:-2000},${M_100K:-1000}" \
  "eopctl-off,127.0.0.1:2530,$WORK/eopctl-off/pid,${M_4K:-2000},${M_100K:-1000}"
# The "on" relay really filtered: every message got an anti-spam verdict.
echo "anti-spam verdicts: on $(grep -c 'anti-spam verdict' "$WORK/eopctl-on/eopctl.log" || true)," \
  "off $(grep -c 'anti-spam verdict' "$WORK/eopctl-off/eopctl.log" || true)"
