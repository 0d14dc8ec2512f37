//! Quantities in Exchange's formats: sizes (`25MB`, `Unlimited`) and .NET time spans.

use std::fmt;
use std::str::FromStr;

use super::ValueError;

/// A size in Exchange's format: `25MB`, `36 MB (37,748,736 bytes)`, `1024`, `unlimited`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ByteSize {
    Bytes(u64),
    Unlimited,
}

impl ByteSize {
    pub const fn mb(n: u64) -> Self {
        ByteSize::Bytes(n * 1024 * 1024)
    }
    /// The limit in bytes, `None` when unlimited.
    pub fn limit(&self) -> Option<u64> {
        match self {
            ByteSize::Bytes(b) => Some(*b),
            ByteSize::Unlimited => None,
        }
    }
}

const UNITS: [(&str, u64); 5] = [
    ("TB", 1 << 40),
    ("GB", 1 << 30),
    ("MB", 1 << 20),
    ("KB", 1 << 10),
    ("B", 1),
];

impl FromStr for ByteSize {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("unlimited") {
            return Ok(ByteSize::Unlimited);
        }
        let bad = || ValueError::Size(s.to_string());
        // Exchange prints "36 MB (37,748,736 bytes)": the exact count in brackets wins.
        if let Some(open) = t.find('(') {
            let inner = t[open + 1..].trim_end_matches(')').trim();
            let digits = inner
                .strip_suffix("bytes")
                .ok_or_else(bad)?
                .trim()
                .replace(',', "");
            return digits.parse().map(ByteSize::Bytes).map_err(|_| bad());
        }
        let split = t
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(t.len());
        let (num, unit) = (&t[..split], t[split..].trim());
        let num: f64 = num.parse().map_err(|_| bad())?;
        let mult = if unit.is_empty() {
            1
        } else {
            UNITS
                .iter()
                .find(|(u, _)| {
                    u.eq_ignore_ascii_case(unit)
                        || (unit.len() == 1
                            && u.starts_with(&unit.to_ascii_uppercase())
                            && *u != "B")
                })
                .map(|(_, m)| *m)
                .ok_or_else(bad)?
        };
        let bytes = num * mult as f64;
        if !bytes.is_finite() || bytes < 0.0 || bytes > u64::MAX as f64 || bytes.fract() != 0.0 {
            return Err(bad());
        }
        Ok(ByteSize::Bytes(bytes as u64))
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl fmt::Display for ByteSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bytes = match self {
            ByteSize::Unlimited => return f.write_str("Unlimited"),
            ByteSize::Bytes(b) => *b,
        };
        let (unit, mult) = UNITS
            .iter()
            .find(|(_, m)| bytes >= *m)
            .copied()
            .unwrap_or(("B", 1));
        let value = bytes as f64 / mult as f64;
        let shown = format!("{value:.3}");
        let shown = shown.trim_end_matches('0').trim_end_matches('.');
        write!(f, "{shown} {unit} ({} bytes)", group_thousands(bytes))
    }
}

/// A time span in .NET's format `[d.]hh:mm:ss`, as Exchange's ConnectionTimeout takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimeSpan(pub u64);

impl TimeSpan {
    pub fn seconds(&self) -> u64 {
        self.0
    }
}

impl FromStr for TimeSpan {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        let t = s.trim();
        let bad = || ValueError::TimeSpan(s.to_string());
        let (days, clock) = match t.split_once('.') {
            Some((d, rest)) if rest.contains(':') && !d.contains(':') => {
                (d.parse::<u64>().map_err(|_| bad())?, rest)
            }
            _ => (0, t),
        };
        let parts: Vec<&str> = clock.split(':').collect();
        if parts.len() != 3 {
            return Err(bad());
        }
        let num = |p: &str, max: u64| p.parse::<u64>().ok().filter(|v| *v < max).ok_or_else(bad);
        let (h, m, sec) = (num(parts[0], 24)?, num(parts[1], 60)?, num(parts[2], 60)?);
        let seconds = days
            .checked_mul(86_400)
            .and_then(|d| d.checked_add(h * 3600 + m * 60 + sec));
        seconds.map(TimeSpan).ok_or_else(bad)
    }
}

impl fmt::Display for TimeSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (d, rest) = (self.0 / 86_400, self.0 % 86_400);
        if d > 0 {
            write!(f, "{d}.")?;
        }
        write!(
            f,
            "{:02}:{:02}:{:02}",
            rest / 3600,
            rest % 3600 / 60,
            rest % 60
        )
    }
}
