#!/usr/bin/env bash
# The outbound spam policy's cost in the relay (issue 18): one `eopctl serve` whose
# loopback clients are an on-premises server (OnPremises connector for 127.0.0.0/8),
# everything for bench.test relayed to smtp-sink. The same relay takes two kinds of
# mail, interleaved round by round so drifts of this shared machine hit both alike:
#   - off: MAIL FROM:<> (a bounce): not the organisation's outbound mail, no limits;
#   - on:  MAIL FROM:<ann@bench.local>: counted against the Default outbound spam
#          policy (RecipientLimitPerDay 10000, Alert, so the run is never refused) and
#          spam-scored as outbound mail.
# Anything else (connector, route, anti-malware, queue, delivery) is the same for both.
# Then bench/outbound-limits.rs times the limit check alone (no spam scoring).
#   bench/outbound-bench.sh            (needs postfix's smtp-sink and python3; loopback)
# Env: PROFILE (debug|release, default debug), M (messages per round, 300), ROUNDS (5),
#      CONC (1), SINKPORT (2536), DNSPORT (2537), PORT (2538); CARGO_TARGET_DIR honoured.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
PROFILE=${PROFILE:-debug}
SINKPORT=${SINKPORT:-2536}
DNSPORT=${DNSPORT:-2537}
PORT=${PORT:-2538}
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; [[ -n ${KEEP:-} ]] && cp "$WORK/outbound/eopctl.log" "$KEEP"; rm -rf "$WORK"; }
trap cleanup EXIT
flag=(); [[ $PROFILE == release ]] && flag=(--release)
cargo build "${flag[@]}" --manifest-path "$ROOT/Cargo.toml" --bin eopctl --example outbound-limits >&2
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
EOPCTL=$TARGET/$PROFILE/eopctl
source "$HERE/eopctl-relay.bash"
timeout 3600 /usr/sbin/smtp-sink -u nobody -c "127.0.0.1:$SINKPORT" 1000 >/dev/null 2>&1 &
PIDS+=($!)
timeout 3600 python3 "$HERE/nxdns.py" "$DNSPORT" &
PIDS+=($!)
relay_state outbound "$PORT" "InboundConnectors:
  - { Name: On-premises, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.0/8] }
HostedOutboundSpamFilterPolicies:
  - { Name: Default, RecipientLimitPerDay: 10000, ActionWhenThresholdReached: Alert }"
relay_serve outbound "$PORT"
echo "## Outbound limits: relay throughput ($PROFILE build), $(nproc) cores"
timeout 1800 python3 - "$PORT" "${M:-300}" "${ROUNDS:-5}" "${CONC:-1}" <<'PY'
import smtplib, statistics, sys, threading, time
port, m, rounds, conc = (int(a) for a in sys.argv[1:])
body = ("From: ann@bench.local\r\nTo: x@bench.test\r\nSubject: quarterly figures\r\n\r\n"
        + "The figures for the quarter are attached to the shared folder as agreed.\r\n" * 50)
def run(sender):
    def worker(k):
        s = smtplib.SMTP("127.0.0.1", port, timeout=30)
        for _ in range(k):
            s.sendmail(sender, ["x@bench.test"], body)
        s.quit()
    per = [m // conc] * conc
    t = time.monotonic()
    ts = [threading.Thread(target=worker, args=(k,)) for k in per]
    for x in ts: x.start()
    for x in ts: x.join()
    return sum(per) / (time.monotonic() - t)
res = {"off": [], "on": []}
for r in range(rounds):
    for name, sender in (("off", ""), ("on", "ann@bench.local")) if r % 2 == 0 else (("on", "ann@bench.local"), ("off", "")):
        res[name].append(run(sender))
off, on = statistics.median(res["off"]), statistics.median(res["on"])
print(f"| limits | msg/s median (min-max) over {rounds} rounds of {m}, C={conc} |")
print("|---|---|")
for name in ("off", "on"):
    v = res[name]
    print(f"| {name} | {statistics.median(v):.1f} ({min(v):.1f}-{max(v):.1f}) |")
print(f"on/off = {on/off:.3f} ({(1-on/off)*100:+.1f} % cost)")
PY
echo "outbound spam verdicts (on path scored): $(grep -c 'outbound limit\|outbound spam refused' "$WORK/outbound/eopctl.log" || true) limit or spam lines"
echo "## The limit check alone (bench/outbound-limits.rs, $PROFILE build)"
timeout 600 "$TARGET/$PROFILE/examples/outbound-limits" 20000
