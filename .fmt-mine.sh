#!/bin/sh
# Formats only the relay branch's own files (the baseline is not rustfmt-clean yet).
cd "$(dirname "$0")" && rustfmt --edition 2024 src/policy/mod.rs src/relay/mod.rs src/cmdlets/mail_flow.rs $(ls src/cmdlets/serve.rs src/dns/mod.rs 2>/dev/null) tests/it/relay*.rs tests/it/support/*.rs
