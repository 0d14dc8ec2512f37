#!/usr/bin/env bash
# The anti-spam pipeline's cost per message in a release build (bench/spam-speed.rs):
# SpamAssassin's rules and a learning filter trained on 300 spam and 300 ham, over two
# fixed sets of real messages from CORPUS (spam/, ham/, hardham/), picked by size and name:
# "4KiB" (3.5-4.5 KiB: the first 50 spam, 50 ham and 20 hard ham) and "100KiB" (80-120 KiB,
# all of them). The trained messages are never among the timed ones.
#
# usage: bench/spam-speed.sh CORPUS [RUNS]   (SPAM_RULES: the rule directory, default
# /usr/share/spamassassin; CARGO_TARGET_DIR is honoured)
set -euo pipefail
CORPUS=${1:?usage: bench/spam-speed.sh CORPUS [RUNS]}
RUNS=${2:-20}
RULES=${SPAM_RULES:-/usr/share/spamassassin}
TARGET=${CARGO_TARGET_DIR:-target}
cargo build --release --example spam-speed --bin eopctl >&2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 - "$CORPUS" "$WORK" <<'PY'
import os, sys
corpus, work = sys.argv[1:]
timed, lists = set(), {"4k": [], "100k": []}
for cls, n4 in (("spam", 50), ("ham", 50), ("hardham", 20)):
    d = os.path.join(corpus, cls)
    for f in sorted(os.listdir(d)):
        p = os.path.join(d, f)
        size = os.path.getsize(p)
        if 3584 <= size <= 4608 and n4 > 0:
            lists["4k"].append(p); timed.add(p); n4 -= 1
        elif 81920 <= size <= 122880:
            lists["100k"].append(p); timed.add(p)
for name, paths in lists.items():
    with open(os.path.join(work, name + ".list"), "w") as out:
        out.write("\n".join(paths) + "\n")
for cls in ("spam", "ham"):
    os.makedirs(os.path.join(work, "train-" + cls))
    d = os.path.join(corpus, cls)
    picked = [f for f in sorted(os.listdir(d)) if os.path.join(d, f) not in timed][:300]
    for f in picked:
        os.symlink(os.path.join(d, f), os.path.join(work, "train-" + cls, f))
PY
printf 'apiVersion: eopctl/v3\nAcceptedDomains:\n  - { Name: example.com, DomainName: example.com, Default: true }\n' >"$WORK/eop.yaml"
"$TARGET/release/eopctl" --state "$WORK/eop.yaml" --data-dir "$WORK/data" Train-SpamFilter \
  -Spam "$WORK/train-spam" -Ham "$WORK/train-ham" >&2
"$TARGET/release/examples/spam-speed" --spam-rules "$RULES" --data-dir "$WORK/data" \
  --runs "$RUNS" "4KiB=$WORK/4k.list" "100KiB=$WORK/100k.list"
