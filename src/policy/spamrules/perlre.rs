//! Perl regular expressions, as SpamAssassin's rule files write them, translated for the
//! `regex` crate (byte mode, Unicode off) and, when they need look-around or
//! backreferences, for PCRE2.
//!
//! SpamAssassin 4 matches rules against UTF-8 octets the way Perl matches a byte string:
//! `\xc3` is the byte 0xC3 (the rule files spell UTF-8 lookalike letters byte by byte),
//! `\w` and case folding are ASCII. `(?-u)` on `regex::bytes` is exactly that, and so is
//! PCRE2 without its UTF mode (its default character tables are ASCII's). Literal
//! non-ASCII characters in a pattern become the `\xNN` escapes of their UTF-8 bytes, for
//! both engines.

use std::fmt;

/// A pattern ready to compile: the translated text and the engine it needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Translated {
    /// For `regex::bytes`: the flags with Unicode off, then the pattern.
    pub pattern: String,
    /// For PCRE2 (which reads no `u` flag): the flags, then the pattern.
    pub perl: String,
    /// Look-around, backreferences, atomic groups: only PCRE2 runs it.
    pub fancy: bool,
}

/// Why a pattern cannot run.
#[derive(Debug, Clone, PartialEq)]
pub struct Unsupported(pub String);

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Splits `/re/flags`, `m{re}flags`, `m!re!flags` into the pattern and its flags.
pub fn split_delimited(s: &str) -> Result<(&str, &str), Unsupported> {
    let s = s.trim();
    let body = s.strip_prefix('m').unwrap_or(s);
    let open = body
        .chars()
        .next()
        .ok_or_else(|| Unsupported("empty pattern".into()))?;
    if s.starts_with('m') && open.is_alphanumeric() || !s.starts_with('m') && open != '/' {
        return Err(Unsupported(format!("not a /pattern/: {s}")));
    }
    let close = match open {
        '{' => '}',
        '(' => ')',
        '[' => ']',
        '<' => '>',
        c => c,
    };
    let inner = &body[open.len_utf8()..];
    let end = inner
        .rfind(close)
        .ok_or_else(|| Unsupported(format!("unterminated pattern: {s}")))?;
    let flags = &inner[end + close.len_utf8()..];
    if !flags.chars().all(|c| "imsxogu".contains(c)) {
        return Err(Unsupported(format!("unknown modifier in {flags:?}")));
    }
    Ok((&inner[..end], flags))
}

/// Translates a Perl pattern with its modifiers.
pub fn translate(pattern: &str, flags: &str) -> Result<Translated, Unsupported> {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut fancy = false;
    let multiline = flags.contains('m');
    let extended = flags.contains('x');
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    let mut in_class = false;
    let mut quoting = false;
    while i < chars.len() {
        let c = chars[i];
        if quoting {
            if c == '\\' && chars.get(i + 1) == Some(&'E') {
                quoting = false;
                i += 2;
                continue;
            }
            out.push_str(&regex::escape(&c.to_string()));
            i += 1;
            continue;
        }
        match c {
            '\\' => {
                let Some(&n) = chars.get(i + 1) else {
                    return Err(Unsupported("trailing backslash".into()));
                };
                i += 2;
                match n {
                    'Q' => quoting = true,
                    'E' => {}
                    'z' if !in_class => out.push_str(r"\z"),
                    'Z' if !in_class => out.push_str(r"(?:\n?\z)"),
                    // Perl's \< and \> are the characters; the regex crate reads them
                    // as word boundaries.
                    '<' | '>' => out.push(n),
                    'e' => out.push_str(r"\x1b"),
                    'h' => out.push_str(if in_class { r" \t" } else { r"[ \t]" }),
                    'H' if !in_class => out.push_str(r"[^ \t]"),
                    'K' | 'G' => {
                        return Err(Unsupported(format!("\\{n} is not supported")));
                    }
                    'x' => {
                        // \xNN or \x{...}: a byte in our byte mode.
                        let (hex, used) = if chars.get(i) == Some(&'{') {
                            let close = chars[i..]
                                .iter()
                                .position(|&c| c == '}')
                                .ok_or_else(|| Unsupported("unterminated \\x{".into()))?;
                            (
                                chars[i + 1..i + close].iter().collect::<String>(),
                                close + 1,
                            )
                        } else {
                            let n = chars[i..]
                                .iter()
                                .take(2)
                                .take_while(|c| c.is_ascii_hexdigit())
                                .count();
                            (chars[i..i + n].iter().collect::<String>(), n)
                        };
                        i += used;
                        let v = u32::from_str_radix(if hex.is_empty() { "0" } else { &hex }, 16)
                            .map_err(|_| Unsupported(format!("bad \\x{{{hex}}}")))?;
                        if v > 0xff {
                            return Err(Unsupported(format!("wide character \\x{{{hex}}}")));
                        }
                        out.push_str(&format!(r"\x{v:02x}"));
                    }
                    '0' => {
                        let n = chars[i..]
                            .iter()
                            .take(2)
                            .take_while(|c| ('0'..='7').contains(*c))
                            .count();
                        let oct: String = chars[i..i + n].iter().collect();
                        i += n;
                        let v = u32::from_str_radix(if oct.is_empty() { "0" } else { &oct }, 8)
                            .unwrap_or(0);
                        out.push_str(&format!(r"\x{v:02x}"));
                    }
                    // \101: three octal digits are a character, not a backreference.
                    '1'..='3'
                        if chars.get(i).is_some_and(|c| ('0'..='7').contains(c))
                            && chars.get(i + 1).is_some_and(|c| ('0'..='7').contains(c)) =>
                    {
                        let oct: String = [n, chars[i], chars[i + 1]].iter().collect();
                        i += 2;
                        let v = u32::from_str_radix(&oct, 8).unwrap_or(0);
                        out.push_str(&format!(r"\x{v:02x}"));
                    }
                    '1'..='9' if !in_class => {
                        fancy = true;
                        out.push('\\');
                        out.push(n);
                    }
                    _ => {
                        out.push('\\');
                        out.push(n);
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push('[');
                i += 1;
                // A leading ^ and ] are literal members, as in Perl.
                if chars.get(i) == Some(&'^') {
                    out.push('^');
                    i += 1;
                }
                if chars.get(i) == Some(&']') {
                    out.push_str(r"\]");
                    i += 1;
                }
            }
            '[' if in_class => {
                // POSIX classes pass through; a bare [ is a literal.
                if chars.get(i + 1) == Some(&':') {
                    let end = chars[i..].windows(2).position(|w| w == [':', ']']);
                    if let Some(end) = end {
                        out.extend(&chars[i..i + end + 2]);
                        i += end + 2;
                        continue;
                    }
                }
                out.push_str(r"\[");
                i += 1;
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
                i += 1;
            }
            // In a class, these are literals for Perl but operators for the regex crate.
            '&' | '~' | '-' if in_class && chars.get(i + 1) == Some(&c) => {
                out.push('\\');
                out.push(c);
                i += 1;
            }
            ' ' | '#' if in_class && extended => {
                out.push('\\');
                out.push(c);
                i += 1;
            }
            '$' if !in_class && !multiline => {
                // Perl's $ also matches before a final newline.
                out.push_str(r"(?:\n?\z)");
                i += 1;
            }
            '(' if !in_class && chars.get(i + 1) == Some(&'?') => {
                let rest: String = chars[i + 2..].iter().take(3).collect();
                if rest.starts_with('#') {
                    let close = chars[i..]
                        .iter()
                        .position(|&c| c == ')')
                        .ok_or_else(|| Unsupported("unterminated (?#".into()))?;
                    i += close + 1;
                    continue;
                }
                if rest.starts_with('=')
                    || rest.starts_with('!')
                    || rest.starts_with("<=")
                    || rest.starts_with("<!")
                    || rest.starts_with('>')
                {
                    fancy = true;
                }
                if rest.starts_with('{') || rest.starts_with("?{") || rest.starts_with('|') {
                    return Err(Unsupported("Perl code or branch reset group".into()));
                }
                out.push('(');
                i += 1;
            }
            // SpamAssassin 4's capture rules put another rule's captured text here
            // (`%{GB_TO_ADDR}`); a regex engine would read the tag as literal text.
            '%' if !in_class && chars.get(i + 1) == Some(&'{') => {
                return Err(Unsupported("capture-rule tag %{...}".into()));
            }
            '{' if !in_class
                && chars.get(i + 1) == Some(&',')
                && chars[i + 2..]
                    .iter()
                    .take_while(|c| **c != '}')
                    .all(char::is_ascii_digit) =>
            {
                // Perl before 5.34 reads {,n} as {0,n}.
                out.push_str("{0");
                i += 1;
            }
            _ => {
                if c.is_ascii() {
                    out.push(c);
                } else {
                    let mut buf = [0u8; 4];
                    for b in c.encode_utf8(&mut buf).bytes() {
                        out.push_str(&format!(r"\x{b:02x}"));
                    }
                }
                i += 1;
            }
        }
    }
    let mut prefix = String::from("(?");
    for f in ['i', 'm', 's', 'x'] {
        if flags.contains(f) {
            prefix.push(f);
        }
    }
    let perl = if prefix.len() > 2 {
        format!("{prefix}){out}")
    } else {
        out.clone()
    };
    Ok(Translated {
        pattern: format!("{prefix}-u){out}"),
        perl,
        fancy,
    })
}

/// A pattern for PCRE2 as the rule engine builds it: on bytes (no UTF mode), with its JIT
/// where the platform has one.
pub fn pcre(perl: &str) -> Result<pcre2::bytes::Regex, pcre2::Error> {
    pcre2::bytes::RegexBuilder::new()
        .jit_if_available(true)
        .build(perl)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Translated {
        let (p, f) = split_delimited(s).unwrap();
        translate(p, f).unwrap()
    }

    fn matches(rule: &str, text: &str) -> bool {
        let tr = t(rule);
        if tr.fancy {
            pcre(&tr.perl).unwrap().is_match(text.as_bytes()).unwrap()
        } else {
            regex::bytes::Regex::new(&tr.pattern)
                .unwrap()
                .is_match(text.as_bytes())
        }
    }

    #[test]
    fn delimiters_and_flags() {
        assert_eq!(split_delimited("/a\\/b/i").unwrap(), ("a\\/b", "i"));
        assert_eq!(split_delimited("m{a/b}s").unwrap(), ("a/b", "s"));
        assert_eq!(split_delimited("m!x!").unwrap(), ("x", ""));
        assert!(split_delimited("/x/q").is_err());
        assert!(split_delimited("abc").is_err());
    }

    #[test]
    fn perl_semantics() {
        assert!(matches("/^foo$/", "foo\n"));
        assert!(!matches("/^foo$/", "foo\nbar"));
        assert!(matches("/^bar$/m", "foo\nbar\n"));
        assert!(matches("/a\\Z/", "xa\n"));
        assert!(!matches("/a\\z/", "xa\n"));
        assert!(matches("/\\Q1+1\\E=2/", "1+1=2"));
        assert!(!matches("/\\Q1+1\\E=2/", "11=2"));
        assert!(matches("/\\<b\\>/", "<b>"));
        assert!(matches("/\\101\\x42/", "AB"));
        assert!(matches("/\\x{41}/", "A"));
        assert!(matches("/[[:digit:]]x/", "5x"));
        assert!(matches("/a{,2}b/", "aab"));
        assert!(matches("/F(?#comment)O/i", "fo"));
        assert!(matches("/a b # c\n/x", "ab"));
    }

    #[test]
    fn bytes_not_characters() {
        // The rule files spell UTF-8 lookalikes byte by byte.
        assert!(matches("/[\\xc3][\\xa9]t\\xc3\\xa9/", "été"));
        assert!(!matches("/\\xe9/", "é"));
        // ASCII \w, as Perl on octets.
        assert!(!matches("/^\\w$/", "é"));
    }

    #[test]
    fn fancy_when_needed() {
        assert!(t("/foo(?!bar)/").fancy);
        assert!(matches("/foo(?!bar)/", "foobaz"));
        assert!(!matches("/foo(?!bar)/", "foobar"));
        assert!(t("/(a)\\1/").fancy);
        assert!(matches("/(a)\\1/", "aa"));
        assert!(!t("/(?:a)b/").fancy);
        // Bytes in look-around rules too: é is \xc3\xa9 in UTF-8.
        assert!(matches("/(?<=[\\xc3][\\xa9])x/", "éx"));
        assert!(matches("/(?<!é)x/", "ax"));
        assert!(!matches("/(?<!é)x/", "éx"));
        // Octets as Perl sees them: \w and case folding are ASCII here too.
        assert!(!matches("/(?<!x)\\w/", "é"));
        assert!(!matches("/(?<!x)\\xc3\\xa9/i", "É"));
        assert!(matches("/(?<!x)caf\\xc3\\xa9/i", "CAFé"));
        assert!(translate("(?{ code })", "").is_err());
        assert!(translate("youtube\\.com/.{20,256}/%{GB_TO_ADDR}", "i").is_err());
    }
}
