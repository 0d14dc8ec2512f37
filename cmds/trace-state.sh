#!/bin/bash
# Builds the starting state of the message trace pages (cmds/get-messagetrace.in and
# cmds/get-messagetracedetail.in): a real relay receives four messages on loopback, and
# its trace database is kept. Run from the repository root, with python3:
#
#     cargo build && cmds/trace-state.sh && TRYCMD=overwrite cargo test --test cmds
#
# Trace ids and times change with every run, and the detail page names a trace id in its
# commands: update the page after running this (Get-MessageTrace lists the new ids).
set -euo pipefail
E=${EOPCTL:-$PWD/target/debug/eopctl}
CMDS=$PWD/cmds
S=$(mktemp -d)
trap 'kill $RELAY 2>/dev/null || true; rm -rf "$S"' EXIT
unset EOPCTL_STATE EOPCTL_DATA
free() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free)
DOWN=$(free)
cd "$S"
cat >eop.yaml <<YAML
apiVersion: eopctl/v3
OrganizationConfig:
  MessageTraceRetentionDays: 3650
AcceptedDomains:
- { Name: contoso.com, DomainName: contoso.com, Default: true }
Mailboxes:
- { Name: Bob, DisplayName: Bob Kelly, PrimarySmtpAddress: bob@contoso.com }
InboundConnectors:
- { Name: From on-premises, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1] }
OutboundConnectors:
- { Name: To Fabrikam, ConnectorType: Partner, SmartHosts: ["127.0.0.1:$DOWN"], RecipientDomains: [fabrikam.com] }
ReceiveConnectors:
- { Name: Default Frontend, Bindings: ["127.0.0.1:$PORT"], Fqdn: mail.contoso.com }
YAML
"$E" serve --hostname mail.contoso.com --dns 127.0.0.1:9 --retry 1h >relay.out 2>relay.log &
RELAY=$!
for _ in $(seq 100); do grep -q "^listening" relay.out && break; sleep 0.1; done
python3 - "$PORT" <<'PY'
import smtplib, sys, time
def send(frm, to, subject, mid):
    s = smtplib.SMTP("127.0.0.1", int(sys.argv[1]))
    s.sendmail(frm, [to], f"Subject: {subject}\r\nMessage-ID: <{mid}>\r\n\r\nHello\r\n")
    s.quit()
    time.sleep(0.3)
send("alex@tailspin.com", "bob@contoso.com", "Quarterly report", "q3@tailspin.com")
send("bob@contoso.com", "sales@fabrikam.com", "Order 1182", "o1182@contoso.com")
send("bob@contoso.com", "jane@fabrikam.com", "Lunch", "l1@contoso.com")
PY
ID=$("$E" Get-QueueMessage -o json | python3 -c 'import json,sys; print([m["Identity"] for m in json.load(sys.stdin) if "jane@fabrikam.com" in m["Recipients"]][0])')
"$E" Remove-Message -Identity "$ID" -WithNDR '$true'
sleep 0.5
kill -TERM $RELAY
wait $RELAY || true
# Opening and closing the database folds its write-ahead log into the file.
"$E" Get-MessageTrace >/dev/null
for page in get-messagetrace get-messagetracedetail; do
    in="$CMDS/$page.in"
    rm -rf "$in"
    mkdir -p "$in/eop.data" "$CMDS/$page.out"
    touch "$CMDS/$page.out/.keep"
    cp eop.yaml "$in/"
    cp eop.data/trace.db "$in/eop.data/"
done
echo "Rebuilt the message trace starting state."
