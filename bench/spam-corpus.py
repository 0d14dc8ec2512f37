#!/usr/bin/env python3
"""Build the anti-spam evaluation corpus (spam, ham, hard ham) from a TREC-format collection.

usage: bench/spam-corpus.py TRECDIR OUTDIR [--spam N] [--ham N] [--hardham N]
       bench/spam-corpus.py MBOX OUTDIR --as CLASS [--max N]
       bench/spam-corpus.py --strip-marks DIR

TRECDIR is a TREC spam track public corpus (for example trec07p) with `full/index` lines
"spam ../data/inmail.1"; an MBOX (for example a phishing collection) is all one CLASS.
OUTDIR gets spam/, ham/ and hardham/, one message per file, named <source>-<file> (or
<mbox>-<n>) so several sources share a directory. Hard ham is ham with an
HTML part (newsletters, marketing and notifications people subscribed to): the ham a
content filter most often gets wrong. The pick is deterministic (SHA-256 of the file
name), so two runs build the same corpus. The corpus stays out of git.

A mailbox marks the messages it stores (Status, X-Status, X-Keywords, X-UID: a mail
client's read flags and IMAP ids); no message of another source carries them, so a learning
filter would learn them as "spam" and score the source, not the mail. They are dropped from
the header section of every message (TREC's carry a Status line too; --strip-marks drops them from a corpus directory
built before, in place).
"""
import argparse
import hashlib
import mailbox
import os
import re
import sys

HTML = re.compile(rb"^content-type:\s*text/html", re.I | re.M)
MARKS = re.compile(rb"^(?:status|x-status|x-keywords|x-uid):", re.I)


def strip_marks(raw):
    """The message without the mailbox's header lines (and their continuation lines)."""
    head, sep, body = raw.partition(b"\n\n")
    if not sep:
        head, sep, body = raw.partition(b"\r\n\r\n")
    out, skipping = [], False
    for line in head.split(b"\n"):
        if line[:1] in (b" ", b"\t") and skipping:
            continue
        skipping = bool(MARKS.match(line))
        if not skipping:
            out.append(line)
    return b"\n".join(out) + sep + body


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--strip-marks":
        return strip_dir(sys.argv[2])
    ap = argparse.ArgumentParser()
    ap.add_argument("trecdir")
    ap.add_argument("outdir")
    ap.add_argument("--spam", type=int, default=2000)
    ap.add_argument("--ham", type=int, default=2000)
    ap.add_argument("--hardham", type=int, default=500)
    ap.add_argument("--as", dest="cls", choices=("spam", "ham", "hardham"))
    ap.add_argument("--max", type=int, default=0)
    a = ap.parse_args()
    if os.path.isfile(a.trecdir):
        return from_mbox(a)
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
        with open(path, "rb") as f, open(
            os.path.join(a.outdir, cls, "%s-%s" % (name, os.path.basename(path))), "wb"
        ) as out:
            out.write(strip_marks(f.read()))
        got[cls] += 1
    print(" ".join("%s=%d" % kv for kv in got.items()), "from", index)
    if any(got[k] < want[k] for k in want):
        sys.stderr.write("fewer messages than asked for: %s\n" % got)


def from_mbox(a):
    if not a.cls:
        sys.exit("error: %s is an mbox: say which class its messages are\nhelp: --as spam" % a.trecdir)
    name = os.path.splitext(os.path.basename(a.trecdir))[0]
    out = os.path.join(a.outdir, a.cls)
    os.makedirs(out, exist_ok=True)
    n = 0
    box = mailbox.mbox(a.trecdir)
    for i, key in enumerate(box.keys()):
        if a.max and n >= a.max:
            break
        # The bytes as received, without the mbox "From " line (the mailbox's, not the message's).
        with open(os.path.join(out, "%s-%d" % (name, i)), "wb") as f:
            f.write(strip_marks(box.get_bytes(key)))
        n += 1
    print("%s=%d from %s" % (a.cls, n, a.trecdir))


def strip_dir(d):
    n = 0
    for name in sorted(os.listdir(d)):
        path = os.path.join(d, name)
        with open(path, "rb") as f:
            raw = f.read()
        new = strip_marks(raw)
        if new != raw:
            with open(path + ".tmp", "wb") as f:
                f.write(new)
            os.replace(path + ".tmp", path)
            n += 1
    print("%s: mailbox marks dropped from %d messages" % (d, n))


if __name__ == "__main__":
    main()
