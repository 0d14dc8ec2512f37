#!/usr/bin/env bash
# Anti-spam efficacy (issue 12): eopctl beside SpamAssassin, rspamd and bogofilter on the same
# real mail, untrained and then trained on a fixed half. Prints the markdown table for
# BENCHMARKS.md ("Anti-spam efficacy"); per-message CSV and rule hit counts go to OUT.
#   bench/spam-eval.sh CORPUS [OUT] [spam_eval.py options]
# CORPUS holds spam/, ham/ and hardham/, one message per file (bench/spam-corpus.py builds one
# from a TREC-format collection); it never goes into git. OUT defaults to CORPUS/eval.
# Options (see bench/spam_eval.py --help): --spam-rules DIR (eopctl's rule directory),
# --eopctl-batch CMD (a batch scorer instead of one Test-MessageRoute per message),
# --no-train, --limit N (per class), --fresh (score the peers again), --jobs N.
# Env: EOPCTL (default: this tree's release build, built first), RSPAMD_PORT (11433),
# DNSPORT (11453: bench/nxdns.py, rspamd's DNS server),
# PEERS (spamassassin,rspamd,bogofilter).
# Needs: python3, perl, spamassassin, rspamd, bogofilter (Debian packages). Offline: rspamd
# runs here on loopback with no DNS; SpamAssassin runs local tests only; bounded in time.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
CORPUS=${1:?usage: bench/spam-eval.sh CORPUS [OUT] [options]}
shift
OUT=$CORPUS/eval
if [[ $# -gt 0 && $1 != -* ]]; then OUT=$1; shift; fi
PEERS=${PEERS:-spamassassin,rspamd,bogofilter}
RSPAMD_PORT=${RSPAMD_PORT:-11433}
DNSPORT=${DNSPORT:-11453}
for tool in python3 perl; do command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }; done
[[ $PEERS != *spamassassin* ]] || perl -MMail::SpamAssassin -e1 ||
  { echo "SpamAssassin's Perl modules are missing (apt-get install spamassassin)" >&2; exit 1; }
[[ $PEERS != *bogofilter* ]] || command -v bogofilter >/dev/null ||
  { echo "bogofilter is missing (apt-get install bogofilter)" >&2; exit 1; }
if [[ -z ${EOPCTL:-} ]]; then
  cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml" --bin eopctl >&2
  EOPCTL=$ROOT/target/release/eopctl
fi
mkdir -p "$OUT"

source "$HERE/rspamd.bash"
WORK=$(mktemp -d)
DNS_PID=""
trap 'rspamd_stop; [[ -z $DNS_PID ]] || kill "$DNS_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
if [[ $PEERS == *rspamd* ]]; then
  command -v rspamd >/dev/null || { echo "rspamd is missing (apt-get install rspamd)" >&2; exit 1; }
  timeout 14400 python3 "$HERE/nxdns.py" "$DNSPORT" &
  DNS_PID=$!
  # Two symbols that would only measure this setting, not the filter, score nothing:
  # DATE_IN_PAST compares the Date with today (the corpus may be years old), and
  # HFILTER_FROMHOST_NORES_A_OR_MX fires on every sender domain when DNS answers nothing.
  mkdir -p "$WORK/rspamd/local.d"
  echo 'symbols { "DATE_IN_PAST" { weight = 0.0; } }' >"$WORK/rspamd/local.d/headers_group.conf"
  echo 'symbols { "HFILTER_FROMHOST_NORES_A_OR_MX" { weight = 0.0; } }' >"$WORK/rspamd/local.d/hfilter_group.conf"
  rspamd_start "$WORK/rspamd" "$RSPAMD_PORT" "" 14400 "127.0.0.1:$DNSPORT"
fi
timeout 14400 python3 "$HERE/spam_eval.py" "$CORPUS" "$OUT" --eopctl "$EOPCTL" --peers "$PEERS" \
  --rspamd "http://127.0.0.1:$RSPAMD_PORT" "$@"
