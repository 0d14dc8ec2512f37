# Sourced by bench/spam-eval.sh and bench/spam-bench.sh: an rspamd of the bench's own, untrained
# and offline, on loopback.
#   rspamd_start DIR NORMALPORT [MILTERPORT] [LIFETIME] [DNS]
#     Debian's rules and scores (/etc/rspamd), everything it writes under DIR; the normal
#     worker on 127.0.0.1:NORMALPORT (HTTP /checkv2) and, given MILTERPORT, the proxy worker
#     in milter mode on 127.0.0.1:MILTERPORT, one per core scanning by itself (self_scan: as
#     Debian's one proxy handing off to a normal worker per core, without the hop), for Postfix's
#     smtpd_milters. No network: DNS goes to DNS (HOST:PORT on loopback; give bench/nxdns.py,
#     which answers NXDOMAIN at once: rspamd waits out its timeout on a port where nothing
#     answers, 127.0.0.1:9 by default), so block lists, SPF, DKIM and DMARC lookups and map
#     downloads find nothing; the fuzzy check is off (it would use the system resolver);
#     no Redis, so no Bayes, no neural network, no reputation. Sets RSPAMD_PID (the process
#     group of timeout(1) and rspamd's master and workers, stopped by rspamd_stop), bounded
#     by LIFETIME seconds (default 7200). Files the caller put in DIR/local.d stay.
#   rspamd_stop
rspamd_start() {
  local dir=$1 port=$2 milter=${3:-} life=${4:-7200} dns=${5:-127.0.0.1:9} proxy="" i
  mkdir -p "$dir/local.d"
  if [[ -n $milter ]]; then
    proxy="worker \"rspamd_proxy\" {
    bind_socket = \"127.0.0.1:$milter\";
    milter = yes;
    timeout = 120s;
    upstream \"local\" { default = yes; self_scan = yes; }
    count = $(nproc);
}"
  fi
  cat >"$dir/rspamd.conf" <<CONF
.include "\$CONFDIR/common.conf"
options {
    pidfile = "\$RUNDIR/rspamd.pid";
    .include "\$CONFDIR/options.inc"
    .include(try=true; priority=1,duplicate=merge) "\$LOCAL_CONFDIR/local.d/options.inc"
}
logging {
    type = "file";
    filename = "\$LOGDIR/rspamd.log";
    level = "info";
}
worker "normal" {
    bind_socket = "127.0.0.1:$port";
    .include "\$CONFDIR/worker-normal.inc"
}
$proxy
CONF
  # Here, not beside options.inc's own dns block: a second block there is ignored, and
  # rspamd would ask the system's resolver.
  echo "dns { nameserver = [\"$dns\"]; timeout = 0.5s; retransmits = 1; }" >"$dir/local.d/options.inc"
  echo "enabled = false;" >"$dir/local.d/fuzzy_check.conf"
  local args=(-f -c "$dir/rspamd.conf")
  for v in LOCAL_CONFDIR DBDIR RUNDIR LOGDIR; do args+=(--var "$v=$dir"); done
  # rspamd refuses to run its workers as root: they run as Debian's _rspamd user.
  if [[ $(id -u) == 0 ]]; then
    chown -R _rspamd:_rspamd "$dir"
    args+=(-u _rspamd -g _rspamd)
  fi
  setsid timeout "$life" rspamd "${args[@]}" >"$dir/stdout" 2>&1 &
  RSPAMD_PID=$!
  # It compiles its rules first: minutes on a busy machine.
  for i in $(seq 3000); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null &&
      { [[ -z $milter ]] || (exec 3<>"/dev/tcp/127.0.0.1/$milter") 2>/dev/null; } && return 0
    kill -0 "$RSPAMD_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "rspamd did not listen on 127.0.0.1:$port${milter:+ and :$milter}; its log:" >&2
  tail -20 "$dir/rspamd.log" "$dir/stdout" >&2 2>/dev/null || true
  return 1
}

rspamd_stop() {
  [[ -n ${RSPAMD_PID:-} ]] || return 0
  kill -TERM -- "-$RSPAMD_PID" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$RSPAMD_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$RSPAMD_PID" 2>/dev/null || true
  RSPAMD_PID=""
}
