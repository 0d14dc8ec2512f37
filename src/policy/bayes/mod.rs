//! The learning filter's pure half: the tokenizer and the arithmetic of a Bayesian spam
//! classifier in the Robinson/Fisher family, as bogofilter and SpamBayes use it. No I/O:
//! the token counts come in (`crate::spamdb` reads them), a probability goes out.
//!
//! - Tokens ([`tokenize`], `tokenize.rs`): made as SpamAssassin's Bayes tokenizer makes
//!   them (header words prefixed by their header, the Subject and the rendered text of
//!   every part, links, part digests). Each token counts once per message.
//! - Per token, Robinson's f(w) ("A Statistical Approach to the Spam Problem", Gary
//!   Robinson, Linux Journal 2003): p(w) = (b/nspam) / (b/nspam + g/nham), then
//!   f(w) = (s·x + n·p(w)) / (s + n) with n = b + g, so rare tokens lean to x.
//! - Tokens with |f(w) − 0.5| below the minimum deviation are ignored; of the rest, the
//!   [`MAX_TOKENS`] farthest from 0.5 are combined with Fisher's method: S = 1 − Q(−2 ln
//!   Π (1−f), 2n) (evidence of spam), H = 1 − Q(−2 ln Π f, 2n) (evidence of ham), and the
//!   spam probability is (1 + S − H) / 2, where Q is the chi-square survival function
//!   (SpamBayes' `chi2Q`). Values near 0 are ham,
//!   near 1 spam, near 0.5 "unsure" (both or neither side has evidence).
//!
//! The constants are SpamBayes' defaults (its classifier options `unknown_word_strength`
//! 0.45, `unknown_word_prob` 0.5, `minimum_prob_strength` 0.1, `max_discriminators` 150);
//! bogofilter's `robs`/`robx`/`min_dev` and SpamAssassin's `FW_S_CONSTANT`/`FW_X_CONSTANT`/
//! `MIN_PROB_STRENGTH` are the same knobs. Measured on a split corpus (BENCHMARKS.md,
//! session 6), SpamBayes' caught the most spam with the same ham: SpamAssassin's (0.03,
//! 0.538, 0.346) and bogofilter's (0.0178, 0.52, 0.375) drop the weaker tokens, and with
//! them evidence the rules alone do not supply.

mod tokenize;
pub use tokenize::tokenize;

/// Robinson's s: how strongly the prior x holds against a token's own evidence.
pub const S: f64 = 0.45;
/// Robinson's x: the probability assumed for a token never seen.
pub const X: f64 = 0.5;
/// Tokens closer to 0.5 than this say too little to count.
pub const MIN_DEVIATION: f64 = 0.1;
/// The most significant tokens combined per message.
pub const MAX_TOKENS: usize = 150;
/// Messages of each class the filter must have learned before it gives an answer.
pub const MIN_LEARNED: u64 = 200;

/// A token's counts: messages of each class that contained it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub spam: u64,
    pub ham: u64,
}

/// The filter's answer for one message.
#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    /// The spam probability, 0..1.
    pub probability: f64,
    /// The tokens that decided it, strongest first, with their f(w).
    pub strongest: Vec<(String, f64)>,
}

/// Robinson's f(w) for a token seen in `c` messages, given the totals learned.
pub fn token_probability(c: Counts, totals: Counts) -> f64 {
    let n = (c.spam + c.ham) as f64;
    if n == 0.0 || totals.spam == 0 || totals.ham == 0 {
        return X;
    }
    let spam_ratio = c.spam as f64 / totals.spam as f64;
    let ham_ratio = c.ham as f64 / totals.ham as f64;
    let p = spam_ratio / (spam_ratio + ham_ratio);
    (S * X + n * p) / (S + n)
}

/// The chi-square survival function for an even number of degrees of freedom: the
/// probability that a chi-square variable with `dof` degrees exceeds `x2`.
pub fn chi2q(x2: f64, dof: usize) -> f64 {
    let m = x2 / 2.0;
    let mut term = (-m).exp();
    let mut sum = term;
    for i in 1..dof / 2 {
        term *= m / i as f64;
        sum += term;
    }
    sum.min(1.0)
}

/// Combines the tokens' counts into a spam probability (Fisher's method over the most
/// significant tokens). `tokens` pairs each token of the message with its counts.
pub fn classify(tokens: &[(String, Counts)], totals: Counts) -> Classification {
    let mut scored: Vec<(&str, f64)> = tokens
        .iter()
        .map(|(t, c)| (t.as_str(), token_probability(*c, totals)))
        .filter(|(_, f)| (f - 0.5).abs() >= MIN_DEVIATION)
        .collect();
    // Strongest first; ties by name so the answer does not depend on lookup order.
    scored.sort_by(|a, b| {
        (b.1 - 0.5)
            .abs()
            .total_cmp(&(a.1 - 0.5).abs())
            .then_with(|| a.0.cmp(b.0))
    });
    scored.truncate(MAX_TOKENS);
    if scored.is_empty() {
        return Classification {
            probability: 0.5,
            strongest: Vec::new(),
        };
    }
    // Sums of logs, not products: hundreds of small factors would underflow.
    let (mut ln_ham, mut ln_spam) = (0.0, 0.0);
    for (_, f) in &scored {
        ln_ham += f.ln();
        ln_spam += (1.0 - f).ln();
    }
    let dof = 2 * scored.len();
    let h = 1.0 - chi2q(-2.0 * ln_ham, dof);
    let s = 1.0 - chi2q(-2.0 * ln_spam, dof);
    Classification {
        probability: ((s - h + 1.0) / 2.0).clamp(0.0, 1.0),
        strongest: scored
            .into_iter()
            .take(10)
            .map(|(t, f)| (t.to_string(), f))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chi_square_extremes() {
        assert!((chi2q(0.0, 10) - 1.0).abs() < 1e-12);
        assert!(chi2q(1000.0, 10) < 1e-100);
        let totals = Counts {
            spam: 500,
            ham: 500,
        };
        let spammy: Vec<(String, Counts)> = (0..50)
            .map(|i| (format!("s{i}"), Counts { spam: 400, ham: 1 }))
            .collect();
        let hammy: Vec<(String, Counts)> = (0..50)
            .map(|i| (format!("h{i}"), Counts { spam: 1, ham: 400 }))
            .collect();
        assert!(classify(&spammy, totals).probability > 0.99);
        assert!(classify(&hammy, totals).probability < 0.01);
        let both: Vec<_> = spammy.iter().chain(&hammy).cloned().collect();
        let mixed = classify(&both, totals).probability;
        assert!((mixed - 0.5).abs() < 0.05, "{mixed}");
        // Nothing known: exactly unsure, and no token to show.
        let unknown = classify(&[("new".into(), Counts::default())], totals);
        assert_eq!((unknown.probability, unknown.strongest.len()), (0.5, 0));
    }

    #[test]
    fn robinson_leans_rare_tokens_to_x() {
        let totals = Counts { spam: 10, ham: 10 };
        let once = token_probability(Counts { spam: 1, ham: 0 }, totals);
        let often = token_probability(Counts { spam: 9, ham: 0 }, totals);
        assert!(once > 0.5 && once < often && often < 1.0, "{once} {often}");
        assert_eq!(token_probability(Counts::default(), totals), X);
    }
}
