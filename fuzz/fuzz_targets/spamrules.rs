//! The rule engine on attacker messages: building the message view (MIME, HTML, the
//! Received chain) and running a small rule set of every kind never panics, and the
//! prefilters (the literal automaton, the regex sets, the header sets, the PCRE2 rules'
//! plain supersets) change no verdict:
//! the same rules with every prefilter removed hit exactly the same.
#![no_main]

use std::sync::LazyLock;

use eopctl::policy::spamrules::{Config, Ctx, RuleSet, View, check, compile};
use libfuzzer_sys::fuzz_target;

const RULES: &str = r#"
header   SUBJ_FREE   Subject =~ /\bfree\s+(?:money|cash)\b/i
header   FROM_BIZ    From:addr =~ /\.biz$/
header   __HAS_DATE  exists:Date
body     CLICK       /click\W{0,3}here/i
body     PILLS       /\bv[i1]agra\b/i
tflags   PILLS       multiple maxhits=3
body     UNWANTED    /(?<!un)wanted/
body     REPEATED    /(\w{3,}) \1 again/i
body     DIGITS      /\d{5,}/
body     BTC_OBFU    /\b\W{0,10}b(?!tc\b)\W{0,10}t\W{0,10}c\W{0,10}\b/i
rawbody  FONT_RED    /<font[^>]+color="?red/i
rawbody  CENTER      /<center>/i
uri      URI_IP      m{^https?://\d+\.\d+\.\d+\.\d+}
uri      URI_SHORT   /\b(?:bit\.ly|tinyurl\.com)\//i
full     FULL_BULK   /^X-Bulk: yes$/m
full     FULL_XX     /x{4,}/i
meta     META_BIZ    FROM_BIZ && (CLICK || URI_IP)
meta     NO_DATE     !__HAS_DATE
"#;

/// The rule set with its prefilters and header sets, and the same rules without any.
static SETS: LazyLock<(RuleSet, RuleSet)> = LazyLock::new(|| {
    let mut c = Config::default();
    c.add_file("fuzz.cf", RULES);
    let filtered = compile(&c);
    assert!(filtered.skipped.is_empty(), "{:?}", filtered.skipped);
    let mut every = compile(&c);
    every.literals.clear();
    every.prefilters.clear();
    every.header_sets.clear();
    eopctl::policy::spamrules::compile::drop_supersets(&mut every);
    (filtered, every)
});

fuzz_target!(|data: &[u8]| {
    let Some(m) = mail_parser::MessageParser::default().parse(data) else {
        return;
    };
    let v = View::new(&m, data, Some("fuzz@example.net"));
    let (filtered, every) = &*SETS;
    let ctx = Ctx::default();
    assert_eq!(check(filtered, &v, &ctx), check(every, &v, &ctx));
});
