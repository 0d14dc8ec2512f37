#!/usr/bin/env python3
"""10,000 queued messages over 1,000 destinations, then a restart (issue 15).

Starts `eopctl serve` (EOPCTL=path to a release binary) on a fresh state: an on-premises
client (127.0.0.1) and 1,000 Partner outbound connectors, d0.test .. d999.test, each to
its own smart host on a loopback port held bound and never listening, so every delivery attempt
defers and the queue only grows. Sends N messages (default 10,000) round-robin over the
destinations on 4 connections, stops the relay (SIGTERM) and starts it again, and
reports: the send rate, the relay's RSS and open file descriptors with the full queue,
the time from the restart to "relay started" (queue recovered) and to the first
connection accepted, RSS after recovery, and the order of the delivery attempts after
the restart (oldest first? how many destinations reached in the first seconds).
usage: EOPCTL=... queue-restart.py [N] [WORKDIR]   (loopback only; bounded waits)"""
import os, re, signal, smtplib, socket, sys, tempfile, threading, time

import relayproc
from relayproc import free_port, fds, rss_mib

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="eopctl-queue-")
binary = os.environ.get("EOPCTL", "eopctl")
DESTS = 1000


port = free_port()
# Bound and never listening: a connection is refused, and no other program can take the
# port while the benchmark runs (a port merely free when picked could be).
holders = []
for _ in range(DESTS):
    h = socket.socket()
    h.bind(("127.0.0.1", 0))
    holders.append(h)
dead = [h.getsockname()[1] for h in holders]
state = os.path.join(work, "eop.yaml")
with open(state, "w") as f:
    f.write("apiVersion: eopctl/v3\nAcceptedDomains:\n"
            "  - { Name: contoso.test, DomainName: contoso.test, Default: true }\n"
            f"ReceiveConnectors:\n  - {{ Name: R, Bindings: [\"127.0.0.1:{port}\"] }}\n"
            "InboundConnectors:\n"
            "  - { Name: On-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1] }\n"
            "OutboundConnectors:\n")
    for i, p in enumerate(dead):
        f.write(f"  - {{ Name: D{i}, ConnectorType: Partner, SmartHosts: [\"127.0.0.1:{p}\"], RecipientDomains: [d{i}.test] }}\n")
log_path = os.path.join(work, "relay.log")


def start():
    return relayproc.start(state, port, log_path, ["--retry", "1h", "--dns", "127.0.0.1:9"])


def queued():
    return sum(1 for n in os.listdir(os.path.join(work, "eop.data", "queue")) if n.endswith(".msg"))


relay, _, _ = start()
body = "Subject: queued\r\n\r\n" + ("x" * 70 + "\r\n") * 20


def sender(k, count):
    s = smtplib.SMTP("127.0.0.1", port, timeout=60)
    for j in range(count):
        n = k + 4 * j
        s.sendmail("a@contoso.test", [f"u{n}@d{n % DESTS}.test"], body)
    s.quit()


t = time.time()
threads = [threading.Thread(target=sender, args=(k, len(range(k, N, 4)))) for k in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
took = time.time() - t
deadline = time.time() + 120
while queued() < N and time.time() < deadline:
    time.sleep(0.5)
time.sleep(3)
full_rss, full_fds = rss_mib(relay.pid), fds(relay.pid)
print(f"sent {N} messages to {DESTS} destinations in {took:.1f} s ({N / took:.0f} msg/s); queued: {queued()}")
print(f"with the queue full: RSS {full_rss:.1f} MiB, {full_fds} open fds")

relay.send_signal(signal.SIGTERM)
relay.wait(timeout=60)
mark = os.path.getsize(log_path)
relay, t0, listening = start()
started = None
while time.time() - t0 < 300 and started is None:
    with open(log_path) as f:
        f.seek(mark)
        m = re.search(r"relay started .*recovered=(\d+)", f.read())
    if m:
        started = time.time() - t0
    time.sleep(0.01)
time.sleep(10)
after_rss, after_fds = rss_mib(relay.pid), fds(relay.pid)
with open(log_path) as f:
    f.seek(mark)
    after = f.read()
relay.send_signal(signal.SIGTERM)
relay.wait(timeout=60)
ids = re.findall(r"delivery queue_id=(\w+) rcpt=u\d+@(d\d+)\.test", after)
in_order = sum(1 for a, b in zip(ids, ids[1:]) if a[0] <= b[0])
print(f"restart: listening after {listening:.2f} s, queue recovered ({m.group(1) if m else '?'} messages) after {started:.2f} s")
print(f"10 s after the restart: RSS {after_rss:.1f} MiB, {after_fds} open fds")
print(f"delivery attempts in those 10 s: {len(ids)}, over {len(set(d for _, d in ids))} destinations; "
      f"{100 * in_order / max(1, len(ids) - 1):.0f} % of consecutive attempts oldest first")
print(f"work directory: {work}")
