#!/usr/bin/env bash
# CLI speed (issue 2): one New-MailUser and one Get-MailUser -Identity x against a state
# of 10,000 MailUsers, 1,000 InboundConnectors and 1,000 OutboundConnectors, whole
# process, median of 30 runs. Needs hyperfine (apt-get install hyperfine).
#
# usage: bench/cli-bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
cargo build --release --quiet
bin=$PWD/target/release/eopctl
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/gen-state.py "$work/eop.yaml"
export EOPCTL_STATE=$work/eop.yaml
"$bin" New-MailUser -Name bench -PrimarySmtpAddress bench@contoso.com >/dev/null
echo "state: $(wc -c <"$work/eop.yaml") bytes, $(grep -c '^- Name: user' "$work/eop.yaml") MailUsers"
hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/get.json" \
  "$bin Get-MailUser -Identity user5000"
# Each timed New-MailUser is preceded (untimed) by removing the user it adds.
hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/new.json" \
  --prepare "$bin Remove-MailUser bench --yes" \
  "$bin New-MailUser -Name bench -PrimarySmtpAddress bench@contoso.com"
for f in get new; do
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f\"{sys.argv[2]}: median {r['median']*1000:.1f} ms, mean {r['mean']*1000:.1f} ms, min {r['min']*1000:.1f} ms, max {r['max']*1000:.1f} ms\")" "$work/$f.json" "$f"
done
