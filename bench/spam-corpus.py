#!/usr/bin/env python3
"""Build the anti-spam evaluation corpus (spam, ham, hard ham) from a TREC-format collection.

usage: bench/spam-corpus.py TRECDIR OUTDIR [--spam N] [--ham N] [--hardham N]

TRECDIR is a TREC spam track public corpus (for example trec07p) with `full/index` lines
"spam ../data/inmail.1". OUTDIR gets spam/, ham/ and hardham/, one message per file,
named <corpus>-<file> so several sources can share a directory. Hard ham is ham with an
HTML part (newsletters, marketing and notifications people subscribed to): the ham a
content filter most often gets wrong. The pick is deterministic (SHA-256 of the file
name), so two runs build the same corpus. The corpus stays out of git.
"""
import argparse
import hashlib
import os
import re
import shutil
import sys

HTML = re.compile(rb"^content-type:\s*text/html", re.I | re.M)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("trecdir")
    ap.add_argument("outdir")
    ap.add_argument("--spam", type=int, default=2000)
    ap.add_argument("--ham", type=int, default=2000)
    ap.add_argument("--hardham", type=int, default=500)
    a = ap.parse_args()
    name = os.path.basename(os.path.normpath(a.trecdir))
    index = os.path.join(a.trecdir, "full", "index")
    rows = []
    with open(index) as f:
        for line in f:
            label, rel = line.split()
            path = os.path.normpath(os.path.join(a.trecdir, "full", rel))
            if os.path.exists(path):
                rows.append((hashlib.sha256(rel.encode()).hexdigest(), label, path))
    rows.sort()
    want = {"spam": a.spam, "ham": a.ham, "hardham": a.hardham}
    got = {k: 0 for k in want}
    for k in want:
        os.makedirs(os.path.join(a.outdir, k), exist_ok=True)
    for _, label, path in rows:
        cls = label
        if label == "ham":
            with open(path, "rb") as f:
                cls = "hardham" if HTML.search(f.read()) else "ham"
        if got[cls] >= want[cls]:
            continue
        shutil.copyfile(path, os.path.join(a.outdir, cls, "%s-%s" % (name, os.path.basename(path))))
        got[cls] += 1
    print(" ".join("%s=%d" % kv for kv in got.items()), "from", index)
    if any(got[k] < want[k] for k in want):
        sys.stderr.write("fewer messages than asked for: %s\n" % got)


if __name__ == "__main__":
    main()
