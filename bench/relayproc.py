"""What the relay benchmark scripts share: free loopback ports, starting `eopctl serve`
(EOPCTL=path to the binary) with bounded waits, and reading its RSS and open fds."""
import os, socket, subprocess, time


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def start(state, port, log_path, extra=()):
    """Starts the relay on `state`; returns (process, start time, seconds until `port`
    accepts a connection, or None after 300 s)."""
    log = open(log_path, "a")
    t0 = time.time()
    p = subprocess.Popen([os.environ.get("EOPCTL", "eopctl"), "--state", state, "serve",
                          "--hostname", "relay.test", *extra],
                         stdout=subprocess.DEVNULL, stderr=log,
                         env={**os.environ, "EOPCTL_SPAM_RULES": "none", "EOPCTL_LOG": "info"})
    while time.time() - t0 < 300:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return p, t0, time.time() - t0
        except OSError:
            time.sleep(0.01)
    return p, t0, None


def rss_mib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024


def fds(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))
