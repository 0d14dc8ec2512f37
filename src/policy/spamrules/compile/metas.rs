//! Meta rules bound to the rules they read, in an order where every meta runs after what
//! it reads, and which rules can change the outcome at all (the rest need not run).

use super::*;

/// Binds meta names to rule indices and orders the metas after their dependencies;
/// metas in a cycle are skipped.
pub(super) fn bind_metas(set: &mut RuleSet) {
    let index: HashMap<String, usize> = set
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.name.clone(), i))
        .collect();
    for r in &mut set.rules {
        if let Test::Meta { expr, vars } = &mut r.test {
            *vars = expr.names.iter().map(|n| index.get(n).copied()).collect();
        }
    }
    let n = set.rules.len();
    // 0 = unvisited, 1 = on the stack, 2 = done.
    let mut state = vec![0u8; n];
    let mut order = Vec::with_capacity(n);
    let mut cyclic = vec![false; n];
    fn visit(
        i: usize,
        rules: &[Rule],
        state: &mut [u8],
        order: &mut Vec<usize>,
        cyclic: &mut [bool],
    ) {
        if state[i] == 2 {
            return;
        }
        if state[i] == 1 {
            cyclic[i] = true;
            return;
        }
        state[i] = 1;
        if let Test::Meta { vars, .. } = &rules[i].test {
            for d in vars.iter().flatten() {
                visit(*d, rules, state, order, cyclic);
                if cyclic[*d] {
                    cyclic[i] = true;
                }
            }
        }
        state[i] = 2;
        order.push(i);
    }
    for i in 0..n {
        visit(i, &set.rules, &mut state, &mut order, &mut cyclic);
    }
    let mut non_meta: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| !matches!(set.rules[i].test, Test::Meta { .. }))
        .collect();
    let metas = order
        .iter()
        .copied()
        .filter(|&i| matches!(set.rules[i].test, Test::Meta { .. }) && !cyclic[i]);
    non_meta.extend(metas);
    for (i, r) in set.rules.iter().enumerate() {
        if cyclic[i] {
            set.skipped.push(Skipped {
                name: r.name.clone(),
                reason: SkipReason::Meta,
                detail: "depends on itself".into(),
            });
        }
    }
    set.order = non_meta;
}

/// Which rules can change the outcome in each score set: a rule that would be reported
/// (not a `__` sub-rule, a score that is not 0), and whatever such a rule's meta reads,
/// and so on down. The rest need not run: a sub-rule no meta reads, or read only by metas
/// that are off (score 0, so they never run) or themselves unread (71 sub-rules are read
/// by no rule at all in SpamAssassin 4.0.1's set).
pub(super) fn mark_live(set: &mut RuleSet) {
    for s in 0..4 {
        let mut stack: Vec<usize> = (0..set.rules.len())
            .filter(|&i| !set.rules[i].is_sub() && set.rules[i].scores[s] != 0.0)
            .collect();
        while let Some(i) = stack.pop() {
            if set.rules[i].live[s] {
                continue;
            }
            set.rules[i].live[s] = true;
            if let Test::Meta { vars, .. } = &set.rules[i].test {
                // A rule scored 0 in this set never runs, so it reads as 0 either way.
                stack.extend(
                    vars.iter()
                        .flatten()
                        .filter(|&&d| set.rules[d].scores[s] != 0.0),
                );
            }
        }
    }
}
