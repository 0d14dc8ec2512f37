#!/usr/bin/env python3
"""Soak (issue 15): `eopctl serve` (EOPCTL=path to a release binary) for SECONDS (default
180) at RATE clients a second (default 20), 5 % of them misbehaving in turn: slow (a
command trickled a byte every half second, then given up), dropping the connection in
the middle of DATA, or hiding a second message behind a bare-LF "end of data" (SMTP
smuggling). The rest each send one message with a unique Message-ID to a partner's
smart host, a sink in this script. Reports the relay's RSS and open file descriptors
over the run (sampled every 10 s) and checks that every message that got a 250 reached
the sink exactly once and that nothing refused or smuggled did.
usage: EOPCTL=... soak.py [SECONDS] [RATE]   (loopback only; every wait is bounded)"""
import collections, os, random, re, signal, socket, sys, tempfile, threading, time

import relayproc
from relayproc import free_port, fds, rss_mib

SECONDS = int(sys.argv[1]) if len(sys.argv) > 1 else 180
RATE = int(sys.argv[2]) if len(sys.argv) > 2 else 20
work = tempfile.mkdtemp(prefix="eopctl-soak-")
received = collections.Counter()
lock = threading.Lock()


def sink_session(conn):
    conn.settimeout(60)
    f = conn.makefile("rb")
    conn.sendall(b"220 sink.test ESMTP\r\n")
    try:
        while True:
            line = f.readline()
            if not line:
                return
            verb = line[:4].upper()
            if verb == b"EHLO":
                conn.sendall(b"250-sink.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n")
            elif verb == b"DATA":
                conn.sendall(b"354 go\r\n")
                ids = []
                while True:
                    l = f.readline()
                    if not l or l == b".\r\n":
                        break
                    m = re.match(rb"Message-ID: <([^>]+)>", l, re.I)
                    if m:
                        ids.append(m.group(1).decode())
                if not l:
                    return
                with lock:
                    received.update(ids)
                conn.sendall(b"250 2.0.0 ok\r\n")
            elif verb == b"QUIT":
                conn.sendall(b"221 bye\r\n")
                return
            else:
                conn.sendall(b"250 ok\r\n")
    except OSError:
        return
    finally:
        conn.close()


def sink(listener):
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=sink_session, args=(conn,), daemon=True).start()


sink_listener = socket.socket()
sink_listener.bind(("127.0.0.1", 0))
sink_listener.listen(128)
threading.Thread(target=sink, args=(sink_listener,), daemon=True).start()
port = free_port()
state = os.path.join(work, "eop.yaml")
with open(state, "w") as f:
    f.write("apiVersion: eopctl/v3\nAcceptedDomains:\n"
            "  - { Name: contoso.test, DomainName: contoso.test, Default: true }\n"
            f"ReceiveConnectors:\n  - {{ Name: R, Bindings: [\"127.0.0.1:{port}\"], "
            "ConnectionTimeout: \"00:00:30\", ConnectionInactivityTimeout: \"00:00:05\", "
            "MaxInboundConnectionPerSource: 500 }\n"
            "InboundConnectors:\n"
            "  - { Name: On-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1] }\n"
            "OutboundConnectors:\n"
            f"  - {{ Name: Partner, ConnectorType: Partner, SmartHosts: [\"127.0.0.1:{sink_listener.getsockname()[1]}\"], RecipientDomains: [partner.test] }}\n")
log_path = os.path.join(work, "relay.log")
relay, _, _ = relayproc.start(state, port, log_path, ["--retry", "1s"])

accepted, refused, smuggled = [], [], []
outcomes = collections.Counter()


def talk(s, f, line):
    s.sendall(line)
    reply = b""
    while True:
        l = f.readline()
        reply += l
        if not l or l[3:4] != b"-":
            return reply


def client(n, kind):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=60)
        f = s.makefile("rb")
        f.readline()
        talk(s, f, b"EHLO soak.test\r\n")
        if kind == "slow":
            t = time.time()
            try:
                for b in b"MAIL FROM:<a@contoso.test>":
                    s.sendall(bytes([b]))
                    time.sleep(0.5)
            except OSError:
                pass
            reply = f.readline()[:9].decode(errors="replace").strip()
            outcomes[f"slow: {reply or 'closed'} after about {round(time.time() - t)} s"] += 1
            return
        talk(s, f, b"MAIL FROM:<a@contoso.test>\r\n")
        talk(s, f, b"RCPT TO:<u%d@partner.test>\r\n" % n)
        talk(s, f, b"DATA\r\n")
        msg = b"Subject: soak %d\r\nMessage-ID: <%d@soak>\r\n\r\n" % (n, n) + b"x" * 500 + b"\r\n"
        if kind == "drop":
            s.sendall(msg[:60])
            s.close()
            refused.append(str(n))
            outcomes["dropped mid-DATA"] += 1
            return
        if kind == "smuggle":
            msg += b"\n.\nMAIL FROM:<e@x.test>\r\nRCPT TO:<v@partner.test>\r\nDATA\r\nMessage-ID: <%d@hidden>\r\n\r\nhidden\r\n" % n
            smuggled.append(f"{n}@hidden")
        reply = talk(s, f, msg + b".\r\n")
        (accepted if reply.startswith(b"250") else refused).append(str(n))
        outcomes[f"{kind}: {reply[:3].decode(errors='replace')}"] += 1
        talk(s, f, b"QUIT\r\n")
        s.close()
    except OSError as e:
        outcomes[f"{kind}: {type(e).__name__}"] += 1


samples = []
start = time.time()
threads, n = [], 0
bad = ["slow", "drop", "smuggle"]
next_sample = start
while time.time() - start < SECONDS:
    if time.time() >= next_sample:
        samples.append((time.time() - start, rss_mib(relay.pid), fds(relay.pid)))
        next_sample += 10
    for _ in range(RATE):
        n += 1
        kind = bad[n // 20 % 3] if n % 20 == 0 else "good"
        t = threading.Thread(target=client, args=(n, kind), daemon=True)
        t.start()
        threads.append(t)
    time.sleep(1)
    threads = [t for t in threads if t.is_alive()]
for t in threads:
    t.join(timeout=60)
deadline = time.time() + 120
qdir = os.path.join(work, "eop.data", "queue")
while time.time() < deadline and any(x.endswith(".msg") for x in os.listdir(qdir)):
    time.sleep(0.5)
time.sleep(2)
samples.append((time.time() - start, rss_mib(relay.pid), fds(relay.pid)))
relay.send_signal(signal.SIGTERM)
relay.wait(timeout=60)

with lock:
    got = dict(received)
ids = [f"{a}@soak" for a in accepted]
missing = [i for i in ids if got.get(i, 0) == 0]
twice = [i for i in ids if got.get(i, 0) > 1]
leaked = [i for i in [f"{r}@soak" for r in refused] + smuggled if i in got]
print(f"{n} clients in {SECONDS} s ({RATE}/s), {n // 20} misbehaving")
for k, v in sorted(outcomes.items()):
    print(f"  {k}: {v}")
print("t (s)   RSS (MiB)   open fds")
for t, r, d in samples:
    print(f"{t:6.0f}   {r:9.1f}   {d:8d}")
print(f"accepted {len(accepted)}; at the sink once: {len(ids) - len(missing) - len(twice)}, "
      f"missing: {len(missing)}, twice or more: {len(twice)}; refused or smuggled that arrived: {len(leaked)}")
print(f"work directory: {work}")
sys.exit(1 if missing or twice or leaked else 0)
