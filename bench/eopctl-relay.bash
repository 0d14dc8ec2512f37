# Sourced by bench/filter-bench.sh and bench/spam-bench.sh: an `eopctl serve` under test, set up
# as the fair-comparison rules of ../shared/bench ask (its own loopback port, everything for
# bench.test relayed to the sink on 127.0.0.1:$SINKPORT, DNS to bench/nxdns.py on $DNSPORT).
# Uses WORK, EOPCTL, SINKPORT, DNSPORT and appends to PIDS (the caller's trap stops them).
#   relay_state NAME PORT [EXTRA YAML]   writes $WORK/NAME/eop.yaml: loopback clients are
#     anonymous Internet senders, bench.test an InternalRelay domain routed to the sink, so
#     every message goes through the whole protection stage; EXTRA (top-level YAML, e.g.
#     InboundConnectors) changes that.
#   relay_serve NAME PORT [SERVE ARGS]   starts it (bounded: 2 h), waits until PORT answers
#     and writes the PID the harness measures CPU by (timeout(1)'s child) to $WORK/NAME/pid.
relay_state() {
  local name=$1 port=$2 extra=${3:-}
  mkdir -p "$WORK/$name"
  cat >"$WORK/$name/eop.yaml" <<YAML
apiVersion: eopctl/v3
AcceptedDomains:
  - { Name: bench.local, DomainName: bench.local, Default: true }
  - { Name: bench.test, DomainName: bench.test, DomainType: InternalRelay }
$extra
OutboundConnectors:
  - { Name: To sink, ConnectorType: Partner, SmartHosts: ["127.0.0.1:$SINKPORT"], RecipientDomains: [bench.test] }
ReceiveConnectors:
  - { Name: Bench, Bindings: ["127.0.0.1:$port"], MaxInboundConnection: 5000, MaxInboundConnectionPerSource: 5000 }
YAML
}

relay_serve() {
  local name=$1 port=$2
  shift 2
  EOPCTL_LOG=info timeout 7200 "$EOPCTL" --state "$WORK/$name/eop.yaml" serve --hostname relay.bench.local \
    --dns "127.0.0.1:$DNSPORT" "$@" >"$WORK/$name/out" 2>"$WORK/$name/eopctl.log" &
  PIDS+=($!)
  for _ in $(seq 300); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.1; done
  pgrep -P "$!" >"$WORK/$name/pid"
}
