#!/usr/bin/env bash
# Side by side (issue 12): eopctl with full filtering against Postfix with rspamd as a milter,
# in one run, interleaved repetitions (../shared/bench's run-anchors.sh and relay-bench.sh: the
# same generated 4 KiB and 100 KiB messages, one smtp-sink, both relays fsync before 250).
#   bench/spam-bench.sh [CORPUS]
# - postfix-rspamd (127.0.0.1:2525): ../shared/bench/postfix-up.sh's relay plus
#   smtpd_milters = inet:127.0.0.1:$MILTERPORT, rspamd's proxy worker in milter mode
#   (bench/rspamd.bash: Debian's rules, untrained, no network), one scanning proxy per core
#   (self_scan: it scans as Debian's normal workers would, without a second hop);
#   milter_default_action = tempfail, so a message rspamd did not scan is not counted.
# - eopctl-full (127.0.0.1:2531): `eopctl serve` (release build), anonymous Internet clients,
#   bench.test an InternalRelay domain routed to the sink, so every message is scanned for
#   malware and scored for spam; with the SpamAssassin rules (serve --spam-rules $SPAM_RULES,
#   when this build has the flag) and the learning filter trained on CORPUS/spam and
#   CORPUS/ham (when this build has Train-SpamFilter and CORPUS is given). The header of the
#   output says which of these were on.
# Both relays and rspamd resolve through bench/nxdns.py (NXDOMAIN at once, on loopback).
# CPU per message: the relay-bench table's "relay CPU" is the relay's process tree (Postfix's
# master and children; eopctl's one process); rspamd's CPU over the whole matrix divided by
# the messages Postfix passed is printed below it, to add to Postfix's.
# Env: SIDES ("postfix-rspamd eopctl-full": either alone runs only that side), REPS (3), SIZES ("4 100"), CONCS ("1 10"), M_4K (1000), M_100K (500), SINKPORT (2526),
#      DNSPORT (2527), MILTERPORT (11332), RSPAMD_PORT (11434), SPAM_RULES
#      (/usr/share/spamassassin), BENCH (../shared/bench), EOPCTL (default: this tree's
#      release build, built first).
# Needs: postfix, rspamd, python3 (Debian packages); runs as root (Postfix's own config in
# /etc/postfix is saved and restored by postfix-up.sh/postfix-down.sh). Loopback only, bounded.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BENCH=${BENCH:-$(cd "$ROOT/../shared/bench" && pwd)}
CORPUS=${1:-}
SINKPORT=${SINKPORT:-2526}
DNSPORT=${DNSPORT:-2527}
MILTERPORT=${MILTERPORT:-11332}
RSPAMD_PORT=${RSPAMD_PORT:-11434}
SPAM_RULES=${SPAM_RULES:-/usr/share/spamassassin}
M_4K=${M_4K:-1000}
M_100K=${M_100K:-500}
SIDES=${SIDES:-postfix-rspamd eopctl-full}
for tool in postfix rspamd python3; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install $tool)" >&2; exit 1; }
done
source "$HERE/rspamd.bash"
source "$HERE/eopctl-relay.bash"
WORK=$(mktemp -d)
chmod 755 "$WORK" # rspamd's workers (user _rspamd) write under it
PIDS=()
POSTFIX_UP=0
cleanup() {
  [[ $POSTFIX_UP == 0 ]] || SINKPORT=$SINKPORT "$BENCH/postfix-down.sh" >&2 || true
  rspamd_stop
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
timeout 7200 python3 "$HERE/nxdns.py" "$DNSPORT" &
PIDS+=($!)
specs=()

# ---------------------------------------------------------------- Postfix + rspamd
if [[ $SIDES == *postfix-rspamd* ]]; then
rspamd_start "$WORK/rspamd" "$RSPAMD_PORT" "$MILTERPORT" 7200 "127.0.0.1:$DNSPORT"
POSTFIX_UP=1
RELAYPORT=2525 SINKPORT=$SINKPORT "$BENCH/postfix-up.sh" >/dev/null
postconf -e "smtpd_milters = inet:127.0.0.1:$MILTERPORT" "milter_default_action = tempfail" \
  "milter_protocol = 6" "non_smtpd_milters ="
postfix reload >&2
sleep 1
specs+=("postfix-rspamd,127.0.0.1:2525,/var/spool/postfix/pid/master.pid,$M_4K,$M_100K")
echo "Postfix $(postconf -h mail_version) with rspamd $(rspamd --version | grep -o '[0-9][0-9.]*' | head -1)" \
  "as a milter: untrained, no network, $(nproc) scanning proxies."
fi

# ---------------------------------------------------------------- eopctl, full filtering
if [[ $SIDES == *eopctl-full* ]]; then
if [[ -z ${EOPCTL:-} ]]; then
  cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml" --bin eopctl >&2
  EOPCTL=${CARGO_TARGET_DIR:-$ROOT/target}/release/eopctl
fi
features="anti-malware, anti-spam (built-in signals)"
serve_args=()
if "$EOPCTL" serve --help 2>/dev/null | grep -q -- '--spam-rules'; then
  serve_args+=(--spam-rules "$SPAM_RULES")
  features+=", SpamAssassin rules from $SPAM_RULES"
fi
relay_state eopctl 2531
if [[ -n $CORPUS ]] && "$EOPCTL" Train-SpamFilter --help >/dev/null 2>&1; then
  timeout 3600 "$EOPCTL" --state "$WORK/eopctl/eop.yaml" Train-SpamFilter \
    -Spam "$CORPUS/spam" -Ham "$CORPUS/ham" >&2
  features+=", learning filter trained on $CORPUS"
fi
relay_serve eopctl 2531 "${serve_args[@]}"
specs+=("eopctl-full,127.0.0.1:2531,$WORK/eopctl/pid,$M_4K,$M_100K")
echo "eopctl with full filtering: $features."
fi

[[ ${#specs[@]} -gt 0 ]] || { echo "SIDES names neither postfix-rspamd nor eopctl-full" >&2; exit 2; }
rspamd_cpu() { # CPU seconds of rspamd's process group, children included
  python3 - "$RSPAMD_PID" <<'PY'
import os, sys
pg, hz, t = int(sys.argv[1]), os.sysconf("SC_CLK_TCK"), 0
for d in filter(str.isdigit, os.listdir("/proc")):
    try:
        f = open("/proc/%s/stat" % d).read().rsplit(")", 1)[1].split()
        if int(f[2]) == pg:
            t += sum(int(x) for x in f[11:15])
    except OSError:
        pass
print("%.2f" % (t / hz))
PY
}
c0=0; [[ -z ${RSPAMD_PID:-} ]] || c0=$(rspamd_cpu)
OUT=$WORK/anchors.txt LIMIT=0 CONCS=${CONCS:-"1 10"} "$BENCH/run-anchors.sh" "${specs[@]}"
if [[ -n ${RSPAMD_PID:-} ]]; then
  python3 - "$WORK/anchors.txt" "$c0" "$(rspamd_cpu)" <<'PY'
import sys
rows = [dict(kv.split("=", 1) for kv in l.split()[1:]) for l in open(sys.argv[1]) if l.startswith("RESULT ")]
n = sum(int(r["sink_got"]) for r in rows if r["label"] == "postfix-rspamd")
cpu = float(sys.argv[3]) - float(sys.argv[2])
print("\nrspamd (milter) CPU: %.2f s for %d messages Postfix passed: %.2f CPU-ms per message, to add to "
      "Postfix's relay CPU above." % (cpu, n, 1000 * cpu / max(n, 1)))
PY
  echo "rspamd scanned $(grep -c 'rspamd_task_write_log' "$WORK/rspamd/rspamd.log" || true) messages"
fi
if [[ -s $WORK/eopctl/pid ]]; then
  echo "eopctl gave $(grep -c 'anti-spam verdict' "$WORK/eopctl/eopctl.log" || true) anti-spam verdicts"
fi
