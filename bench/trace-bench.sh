#!/usr/bin/env bash
# Message trace speed (issues 5 and 18): fills a trace database with N messages (default
# 1,000,000, one recipient each, three events each) through the relay's batched writer,
# then times Get-MessageTrace with filters, Get-MessageTraceDetail and the mail flow
# reports, whole process, with hyperfine (apt-get install hyperfine).
#
# usage: bench/trace-bench.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
runs=${2:-20}
cargo build --release --quiet --bin eopctl --example trace-fill
target=$(realpath "${CARGO_TARGET_DIR:-target}")
bin=$target/release/eopctl
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'apiVersion: eopctl/v3\n' >"$work/eop.yaml"
"$target/release/examples/trace-fill" "$work/eop.data" "$n"
ls -l "$work/eop.data/trace.db"
export EOPCTL_STATE=$work/eop.yaml
start=$(date -u -d '40 days ago' +%F)
mid=$((n / 2))
id=$(printf '%020X' "$mid")
domains=(contoso.test fabrikam.test tailspin.test woodgrove.test litware.test)
rcpt=user$((mid % 50000))@${domains[$((mid % 5))]}
hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/q.json" \
  "$bin Get-MessageTrace" \
  "$bin Get-MessageTrace -StartDate $start -SenderAddress sender4242@example.net" \
  "$bin Get-MessageTrace -StartDate $start -RecipientAddress *@fabrikam.test -Status Failed -PageSize 100" \
  "$bin Get-MessageTrace -StartDate $start -MessageId m$mid@example.net" \
  "$bin Get-MessageTrace -StartDate $start -FromIP 198.51.100.7 -Page 3 -PageSize 100" \
  "$bin Get-MessageTraceDetail -MessageTraceId $id -RecipientAddress $rcpt" \
  "$bin Get-MailflowStatusReport -StartDate $start" \
  "$bin Get-MailflowStatusReport -StartDate $start -AggregateBy Hour" \
  "$bin Get-MailflowStatusReport -StartDate $start -AggregateBy Summary -Direction Inbound -EventType SpamDetections,EmailPhish" \
  "$bin Get-MailTrafficSummaryReport -StartDate $start -Category TopMailSender" \
  "$bin Get-MailTrafficSummaryReport -StartDate $start -Category TopSpamSourceIP" \
  "$bin Get-MailflowStatusReport -StartDate $start -o html" \
  >/dev/null
python3 - "$work/q.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    cmd = r["command"].split("eopctl ", 1)[1]
    print(f"| `{cmd}` | {r['median']*1000:.1f} ms | {r['mean']*1000:.1f} ms | {r['min']*1000:.1f} ms | {r['max']*1000:.1f} ms |")
PY
