"""Opens N idle SMTP sessions (greeting read, EHLO sent) to a relay and reports its RSS.
Usage: idle.py PID PORT N. Bounded: 60 s for connecting, sockets closed at exit."""
import socket, sys, time

pid, port, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])

def rss_kib():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])

before = rss_kib()
socks, deadline = [], time.time() + 60
for _ in range(n):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    f = s.makefile("rb")
    assert f.readline().startswith(b"220")
    s.sendall(b"EHLO idle.test\r\n")
    while f.readline()[3:4] != b" ":
        pass
    socks.append((s, f))
    if time.time() > deadline:
        sys.exit("too slow")
time.sleep(1)
after = rss_kib()
print(f"RSS with {len(socks)} idle sessions: {after / 1024:.1f} MiB (before: {before / 1024:.1f} MiB)")
