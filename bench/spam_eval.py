#!/usr/bin/env python3
"""The anti-spam efficacy harness behind bench/spam-eval.sh (issue 12).

Scores a corpus (CORPUS/spam, CORPUS/ham, CORPUS/hardham: one message per file) with eopctl
and its peers, and prints the markdown table BENCHMARKS.md quotes ("Anti-spam efficacy"):

- untrained, every message: eopctl (rules on when --spam-rules is given, learning filter
  untrained; SCL >= 5 is spam), SpamAssassin (the system's rules, offline, no Bayes; score
  >= 5.0, its required_score), rspamd (untrained, no network; its action "add header" or
  worse, score >= 6 in Debian's actions.conf);
- trained, a fixed 50/50 split by SHA-256 of the file name: `eopctl Train-SpamFilter` on the
  train half, then the test half scored; bogofilter trained and scored on the same split
  (its "S" verdict; "U"nsure is not spam).

Per-message results go to OUT/messages.csv (path, class, half, each scorer's verdict, points
and top rules) for finding misses, and the rule hit counts per class to
OUT/sa-rule-hits.tsv and OUT/eopctl-rule-hits.tsv, and per rule the messages only one of the
two hit in OUT/rule-diff.tsv, to see which SpamAssassin rules eopctl's engine misses. The peers do not change between runs, so their results are kept in
OUT/cache-*.tsv and reused (--fresh scores them again); eopctl is always scored afresh.

How eopctl scores a message is swappable: by default one `Test-MessageRoute -MessageFile`
per message (in parallel); --eopctl-batch CMD runs CMD once with the file names on stdin, one
per line, and reads one JSON object per line, {"path": ..., "SCL": n, "Signals": [...],
"Malware": [...]}, in Test-MessageRoute's form (Signals "NAME(+points): description"; SCL null
and Malware non-empty for a message anti-malware blocked, which counts as caught).
"""
import argparse
import csv
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

CLASSES = ("spam", "ham", "hardham")
# The client every message comes from: an anonymous Internet sender (documentation range),
# so the whole anti-spam stage runs; nothing is looked up in DNS.
CLIENT_IP = "203.0.113.7"
RECIPIENT = "user@bench.test"
SIGNAL = re.compile(r"^([A-Za-z0-9_.:-]+)\(([+-]?[0-9.]+)(?: SA)?\)")


def log(msg):
    sys.stderr.write("[spam-eval %s] %s\n" % (time.strftime("%H:%M:%S"), msg))


def messages(corpus, limit):
    out = []
    for cls in CLASSES:
        d = os.path.join(corpus, cls)
        if not os.path.isdir(d):
            sys.exit("error: %s is missing\nhelp: the corpus holds spam/, ham/ and hardham/, "
                     "one message per file (bench/spam-corpus.py builds one)" % d)
        # In hash order, so that --limit takes a sample of every source, not the first by name.
        names = sorted(os.listdir(d), key=lambda n: hashlib.sha256(n.encode()).hexdigest())
        for n in names[: limit or None]:
            half = "train" if int(hashlib.sha256(n.encode()).hexdigest(), 16) % 2 == 0 else "test"
            out.append({"path": os.path.join(d, n), "class": cls, "half": half})
    return out


def parallel(fn, items, jobs, what):
    done = [0]
    lock = threading.Lock()
    t0 = time.time()

    def one(item):
        r = fn(item)
        with lock:
            done[0] += 1
            if done[0] % 500 == 0:
                log("%s: %d/%d (%.0f s)" % (what, done[0], len(items), time.time() - t0))
        return r

    with ThreadPoolExecutor(max_workers=jobs) as ex:
        res = list(ex.map(one, items))
    log("%s: %d messages in %.0f s" % (what, len(items), time.time() - t0))
    return res


# ---------------------------------------------------------------- eopctl
def eopctl_state(eopctl, workdir):
    """A state whose bench.test is an InternalRelay domain routed to a partner smart host,
    so a message to it takes the normal inbound path (never sent: Test-MessageRoute)."""
    os.makedirs(workdir, exist_ok=True)
    state = os.path.join(workdir, "eop.yaml")
    with open(state, "w") as f:
        f.write("apiVersion: eopctl/v3\nAcceptedDomains:\n"
                "  - { Name: bench.test, DomainName: bench.test, DomainType: InternalRelay, Default: true }\n"
                "OutboundConnectors:\n"
                "  - { Name: To mailboxes, ConnectorType: OnPremises, SmartHosts: [\"127.0.0.1:2526\"], "
                "RecipientDomains: [bench.test] }\n")
    return ["--state", state, "--data-dir", os.path.join(workdir, "data")]


def parse_signals(signals):
    hits = []
    for s in signals:
        m = SIGNAL.match(s)
        if m:
            hits.append((m.group(1), float(m.group(2))))
    return hits


def eopctl_result(path, scl, signals, malware):
    """A message anti-malware blocked has no SCL (anti-spam never saw it): it counts as
    caught, and its score reads "malware"."""
    hits = parse_signals(signals)
    top = sorted(hits, key=lambda h: -h[1])[:6]
    spam = bool(malware) if scl is None else scl >= 5
    return path, {"spam": spam, "score": "malware" if scl is None and malware else scl,
                  "points": round(sum(p for _, p in hits), 2),
                  "rules": [n for n, _ in hits],
                  "top": " ".join("%s(%+g)" % h for h in top)}


def score_eopctl(a, base, msgs, what):
    paths = [m["path"] for m in msgs]
    if a.eopctl_batch:
        cmd = shlex.split(a.eopctl_batch) + base
        log("%s: %s" % (what, " ".join(cmd)))
        p = subprocess.run(cmd, input="\n".join(paths) + "\n", capture_output=True, text=True,
                           timeout=a.timeout)
        if p.returncode != 0:
            sys.exit("error: %s failed (%d): %s" % (cmd[0], p.returncode, p.stderr[-2000:]))
        # Kept whole (every signal with its points, the learning filter's probability) for
        # asking what another weight would have done without scoring again.
        with open(os.path.join(a.out, what.replace(" ", "-") + ".jsonl"), "w") as f:
            f.write(p.stdout)
        res = dict(eopctl_result(o["path"], o["SCL"], o.get("Signals", []), o.get("Malware"))
                   for o in map(json.loads, p.stdout.splitlines()) if o)
    else:
        def one(path):
            cmd = [a.eopctl] + base + ["Test-MessageRoute", "-MessageFile", path, "-ClientIP",
                                       CLIENT_IP, "-Recipients", RECIPIENT, "-o", "json"]
            if a.spam_rules:
                cmd += ["-SpamRules", a.spam_rules]
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
            if p.returncode != 0:
                log("%s: %s" % (path, p.stderr.strip()[-300:]))
                return path, None
            r = json.loads(p.stdout)[0]
            return eopctl_result(path, r["SCL"], r.get("Signals", []), r.get("Malware"))
        res = dict(parallel(one, paths, a.jobs, what))
    failed = [p for p in paths if res.get(p) is None]
    if failed:
        sys.exit("error: eopctl could not score %d messages (first: %s)" % (len(failed), failed[0]))
    return res


def train_eopctl(a, base, msgs, workdir):
    """Train-SpamFilter on the train half: hard links (a copy across file systems) in two
    directories, as an admin would point it at a folder of spam and one of ham."""
    dirs = {}
    for label in ("spam", "ham"):
        d = os.path.join(workdir, "train-" + label)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        dirs[label] = d
    for m in msgs:
        dst = os.path.join(dirs["spam" if m["class"] == "spam" else "ham"], os.path.basename(m["path"]))
        try:
            os.link(m["path"], dst)
        except OSError:
            shutil.copyfile(m["path"], dst)
    cmd = [a.eopctl] + base + ["Train-SpamFilter", "-Spam", dirs["spam"], "-Ham", dirs["ham"]]
    log("train: " + " ".join(cmd))
    t0 = time.time()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=a.timeout)
    if p.returncode != 0:
        sys.exit("error: Train-SpamFilter failed (%d): %s" % (p.returncode, p.stderr[-2000:]))
    log("train: %.0f s: %s" % (time.time() - t0, p.stdout.strip()[-500:]))
    return time.time() - t0


# ----------------------------------------------------------------- peers
def cached(out, name, msgs, fresh, fn):
    """Peer results by path in OUT/cache-NAME.tsv (path, spam 0/1, score, detail)."""
    path = os.path.join(out, "cache-%s.tsv" % name)
    have = {}
    if os.path.exists(path) and not fresh:
        with open(path) as f:
            for row in csv.reader(f, delimiter="\t"):
                have[row[0]] = {"spam": row[1] == "1", "score": float(row[2]), "detail": row[3]}
    todo = [m for m in msgs if m["path"] not in have]
    if todo:
        new = fn(todo)
        have.update(new)
        with open(path + ".tmp", "w", newline="") as f:
            w = csv.writer(f, delimiter="\t", lineterminator="\n")
            for p, r in sorted(have.items()):
                w.writerow([p, int(r["spam"]), r["score"], r["detail"]])
        os.rename(path + ".tmp", path)
    else:
        log("%s: %d results from %s" % (name, len(msgs), path))
    return {m["path"]: have[m["path"]] for m in msgs}


def spamassassin(a, msgs):
    """bench/sa-batch.pl, a.jobs workers, each loading the rules once."""
    here = os.path.dirname(os.path.abspath(__file__))
    t0 = time.time()
    chunks = [msgs[i:: a.jobs] for i in range(a.jobs)]
    procs = [subprocess.Popen(["perl", os.path.join(here, "sa-batch.pl")], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True) for _ in chunks]
    outs = [None] * len(procs)

    def feed(i):
        outs[i] = procs[i].communicate("\n".join(m["path"] for m in chunks[i]) + "\n",
                                       timeout=a.timeout)[0]
    threads = [threading.Thread(target=feed, args=(i,)) for i in range(len(procs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    res = {}
    for o in outs:
        for line in o.splitlines():
            path, score, hits = line.split("\t")
            res[path] = {"spam": float(score) >= 5.0, "score": float(score), "detail": hits}
    log("spamassassin: %d messages in %.0f s" % (len(res), time.time() - t0))
    return res


def rspamd(a, msgs):
    """rspamd's /checkv2 on a.rspamd (the message only, as SpamAssassin gets it)."""
    def one(m):
        with open(m["path"], "rb") as f:
            body = f.read()
        req = urllib.request.Request(a.rspamd.rstrip("/") + "/checkv2", data=body,
                                     headers={"Rcpt": RECIPIENT})
        with urllib.request.urlopen(req, timeout=60) as r:
            j = json.load(r)
        syms = sorted(j.get("symbols", {}).values(), key=lambda s: -s.get("score", 0))
        top = ",".join(s["name"] for s in syms if s.get("score", 0) > 0)
        return m["path"], {"spam": j["action"] in ("add header", "rewrite subject", "reject"),
                           "score": round(j["score"], 2), "detail": "%s;%s" % (j["action"], top)}
    return dict(parallel(one, msgs, a.jobs * 2, "rspamd"))


def bogofilter(a, train, test, workdir):
    """bogofilter with its own word list in workdir, trained in bulk mode on the train half."""
    db = os.path.join(workdir, "bogofilter")
    shutil.rmtree(db, ignore_errors=True)
    os.makedirs(db)
    t0 = time.time()
    for flag, ms in (("-s", [m for m in train if m["class"] == "spam"]),
                     ("-n", [m for m in train if m["class"] != "spam"])):
        p = subprocess.run(["bogofilter", "-d", db, flag, "-b"], input="\n".join(m["path"] for m in ms) + "\n",
                           capture_output=True, text=True, timeout=a.timeout)
        if p.returncode not in (0, 1, 2):
            sys.exit("error: bogofilter %s: %s" % (flag, p.stderr))
    p = subprocess.run(["bogofilter", "-d", db, "-T", "-b"], input="\n".join(m["path"] for m in test) + "\n",
                       capture_output=True, text=True, timeout=a.timeout)
    res = {}
    for line in p.stdout.splitlines():
        path, verdict, score = line.rsplit(" ", 2)
        res[path] = {"spam": verdict == "S", "score": float(score), "detail": verdict}
    log("bogofilter: trained on %d, scored %d in %.0f s" % (len(train), len(res), time.time() - t0))
    return res


# ---------------------------------------------------------------- report
def rates(msgs, res):
    """Per class: (spam verdicts, messages)."""
    out = {}
    for cls in CLASSES:
        ms = [m for m in msgs if m["class"] == cls and m["path"] in res]
        out[cls] = (sum(1 for m in ms if res[m["path"]]["spam"]), len(ms))
    return out


def cell(k_n):
    k, n = k_n
    return "%.1f %% (%d/%d)" % (100.0 * k / n, k, n) if n else "-"


def table(title, rows):
    lines = ["", "**%s**" % title, "",
             "| Filter | spam caught | ham flagged | hard ham flagged |", "| --- | --- | --- | --- |"]
    for name, r in rows:
        lines.append("| %s | %s | %s | %s |" % (name, cell(r["spam"]), cell(r["ham"]), cell(r["hardham"])))
    return "\n".join(lines)


def rule_hits(path, msgs, rules_of):
    counts = {}
    n = {c: 0 for c in CLASSES}
    for m in msgs:
        rules = rules_of(m["path"])
        if rules is None:
            continue
        n[m["class"]] += 1
        for r in rules:
            counts.setdefault(r, {c: 0 for c in CLASSES})[m["class"]] += 1
    with open(path, "w") as f:
        f.write("# rule\tspam\tham\thardham\t(of %d spam, %d ham, %d hard ham)\n" % (n["spam"], n["ham"], n["hardham"]))
        for r, c in sorted(counts.items(), key=lambda kv: (-kv[1]["spam"], kv[0])):
            f.write("%s\t%d\t%d\t%d\n" % (r, c["spam"], c["ham"], c["hardham"]))


def rule_diff(path, msgs, ours, theirs):
    """Per rule, the messages where only SpamAssassin hit it and where only eopctl did, by
    class: the list to work down when eopctl's engine and SpamAssassin disagree."""
    counts = {}
    for m in msgs:
        a, b = ours(m["path"]), theirs(m["path"])
        if a is None or b is None:
            continue
        for side, rules in (("sa", b - a), ("eopctl", a - b)):
            for r in rules:
                counts.setdefault(r, {"sa": {c: 0 for c in CLASSES}, "eopctl": {c: 0 for c in CLASSES}})
                counts[r][side][m["class"]] += 1
    with open(path, "w") as f:
        f.write("# rule\tonly SpamAssassin: spam\tham\thardham\tonly eopctl: spam\tham\thardham\n")
        for r, c in sorted(counts.items(), key=lambda kv: (-sum(kv[1]["sa"].values()) - sum(kv[1]["eopctl"].values()), kv[0])):
            f.write("%s\t%s\t%s\n" % (r, "\t".join(str(c["sa"][k]) for k in CLASSES),
                                      "\t".join(str(c["eopctl"][k]) for k in CLASSES)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--eopctl", default="eopctl")
    ap.add_argument("--eopctl-batch", help="batch scorer command (see the module doc)")
    ap.add_argument("--spam-rules", help="rule directory for eopctl (Test-MessageRoute -SpamRules)")
    ap.add_argument("--peers", default="spamassassin,rspamd,bogofilter")
    ap.add_argument("--rspamd", default="http://127.0.0.1:11333")
    ap.add_argument("--no-train", action="store_true", help="untrained run only")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--limit", type=int, default=0, help="at most N messages per class")
    ap.add_argument("--fresh", action="store_true", help="score the peers again")
    ap.add_argument("--timeout", type=int, default=7200, help="bound on each batch step, seconds")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    peers = [p for p in a.peers.split(",") if p]
    msgs = messages(a.corpus, a.limit)
    train = [m for m in msgs if m["half"] == "train"]
    test = [m for m in msgs if m["half"] == "test"]
    log("%d messages (%s), train half %d, test half %d" % (
        len(msgs), ", ".join("%s %d" % (c, sum(1 for m in msgs if m["class"] == c)) for c in CLASSES),
        len(train), len(test)))

    res = {}
    res["eopctl"] = score_eopctl(a, eopctl_state(a.eopctl, os.path.join(a.out, "eopctl-untrained")),
                                 msgs, "eopctl untrained")
    if "spamassassin" in peers:
        res["spamassassin"] = cached(a.out, "spamassassin", msgs, a.fresh, lambda ms: spamassassin(a, ms))
    if "rspamd" in peers:
        res["rspamd"] = cached(a.out, "rspamd", msgs, a.fresh, lambda ms: rspamd(a, ms))
    if not a.no_train:
        if subprocess.run([a.eopctl, "Train-SpamFilter", "--help"], capture_output=True).returncode == 0:
            base = eopctl_state(a.eopctl, os.path.join(a.out, "eopctl-trained"))
            shutil.rmtree(os.path.join(a.out, "eopctl-trained", "data"), ignore_errors=True)
            train_eopctl(a, base, train, os.path.join(a.out, "eopctl-trained"))
            res["eopctl trained"] = score_eopctl(a, base, test, "eopctl trained")
        else:
            log("this eopctl has no Train-SpamFilter (no learning filter): its trained row is left out")
        if "bogofilter" in peers:
            # Its results depend on what it learned: the cache is per training set.
            key = hashlib.sha256("\n".join(m["path"] for m in train).encode()).hexdigest()[:12]
            res["bogofilter"] = cached(a.out, "bogofilter-" + key, test, a.fresh,
                                       lambda ms: bogofilter(a, train, ms, a.out))

    rules = " with the rules of %s" % a.spam_rules if a.spam_rules else ""
    print("Corpus: %s: %d spam, %d ham, %d hard ham; split by SHA-256 of the file name: "
          "%d to train, %d to test." % (
              a.corpus, *(sum(1 for m in msgs if m["class"] == c) for c in CLASSES), len(train), len(test)))
    names = {"eopctl": "eopctl%s (SCL >= 5)" % rules, "spamassassin": "SpamAssassin, offline (score >= 5)",
             "rspamd": "rspamd, no network (add header or worse)"}
    print(table("Untrained, every message", [(names[k], rates(msgs, res[k])) for k in names if k in res]))
    if not a.no_train:
        rows = []
        if "eopctl trained" in res:
            rows.append(("eopctl%s, Train-SpamFilter on the train half (SCL >= 5)" % rules,
                         rates(test, res["eopctl trained"])))
        if "bogofilter" in res:
            rows.append(("bogofilter trained on the train half (S)", rates(test, res["bogofilter"])))
        rows += [(names[k] + ", untrained", rates(test, res[k])) for k in names if k in res]
        print(table("Trained, the test half", rows))

    for k in ("eopctl", "eopctl trained"):
        blocked = [p for p, r in res.get(k, {}).items() if r["score"] == "malware"]
        if blocked:
            print("\n%s: anti-malware blocked %d of these messages (%s); they count as caught." % (
                k, len(blocked), ", ".join("%d %s" % (sum(1 for m in msgs if m["path"] in blocked and m["class"] == c), c)
                                          for c in CLASSES)))

    with open(os.path.join(a.out, "messages.csv"), "w", newline="") as f:
        w = csv.writer(f)
        head = ["path", "class", "half", "eopctl_scl", "eopctl_points", "eopctl_top"]
        if "eopctl trained" in res:
            head += ["eopctl_trained_scl", "eopctl_trained_top"]
        head += ["%s_%s" % (p, k) for p in peers if p in res for k in ("spam", "score", "detail")]
        w.writerow(head)
        for m in msgs:
            e = res["eopctl"][m["path"]]
            row = [m["path"], m["class"], m["half"], e["score"], e["points"], e["top"]]
            if "eopctl trained" in res:
                t = res["eopctl trained"].get(m["path"])
                row += [t["score"], t["top"]] if t else ["", ""]
            for p in peers:
                if p in res:
                    r = res[p].get(m["path"])
                    row += [int(r["spam"]), r["score"], r["detail"]] if r else ["", "", ""]
            w.writerow(row)
    rule_hits(os.path.join(a.out, "eopctl-rule-hits.tsv"), msgs, lambda p: res["eopctl"][p]["rules"])
    if "spamassassin" in res:
        rule_hits(os.path.join(a.out, "sa-rule-hits.tsv"), msgs,
                  lambda p: [r for r in res["spamassassin"][p]["detail"].split(",") if r])
        rule_diff(os.path.join(a.out, "rule-diff.tsv"), msgs, lambda p: set(res["eopctl"][p]["rules"]),
                  lambda p: {r for r in res["spamassassin"][p]["detail"].split(",") if r})
    log("per message: %s; rule hits: %s/*-rule-hits.tsv" % (os.path.join(a.out, "messages.csv"), a.out))


if __name__ == "__main__":
    main()
