//! The guards run on the candidates the reply can read, not on every one.
//!
//! A guard only cuts: it multiplies a fact's word score by tunables in
//! 0..=1, so a fact's word score (or 0, when it is below 0) bounds its
//! guarded score. The decision ([`super::score::decide`]) reads the best
//! fact, the best of another sentence, the facts of the best's sentence and
//! up to three sentences at or above `unsure`; before it, rule
//! `contradiction` judges the first [`CHECKED`] and sorts again. [`settle`]
//! guards the candidates in order of their bound until the first
//! [`CHECKED`] are known, runs the stages after the guards on those, and
//! keeps that ranking only when everything the decision reads is proved to
//! stand before every candidate left unguarded; else it guards the rest and
//! ranks them all, as `--explain` always does.

use std::cmp::Ordering;

use super::Tunables;
use super::rules::contradiction::CHECKED;
use super::score::Ranked;

/// The fewest candidates worth guarding lazily: with fewer, most of them
/// must be guarded anyway for the first [`CHECKED`] to be known.
const LAZY_FROM: usize = 2 * CHECKED;

/// How much of the ranking its reader needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// Every candidate, guarded and ranked (`--explain`, `eval --scores`).
    Whole,
    /// What [`super::score::decide`] reads.
    Decision,
}

/// What the stages after the guards did to every fact alike, keeping their
/// order: a cut by rule `contradiction` (of the best's sentence) and one by
/// rule `substituted-word`; `None` for a stage that did not cut every fact
/// alike (rule `contradiction` then judged the first few and sorted again).
#[derive(Debug, Clone, Copy, Default)]
pub struct Cuts {
    /// The factor rule `contradiction` cut every fact by, when it did.
    pub contradicted: Option<f32>,
    /// The factor rule `substituted-word` cut every fact by, when it did.
    pub substituted: Option<f32>,
    /// True when the facts kept their places (rule `contradiction` cut all
    /// alike, or changed no score of those it judged).
    pub kept_order: bool,
}

/// The ranking of `all` (candidates in shortlist order, their scores still
/// their word scores) as far as `depth` needs it: `guard` guards the
/// candidate at an index, `after` runs the stages after the guards on a
/// ranking sorted best first; `t` gives the decision's thresholds.
pub fn settle(
    mut all: Vec<Ranked>,
    depth: Depth,
    t: &Tunables,
    mut guard: impl FnMut(usize, &mut Ranked),
    mut veto: impl FnMut(usize, &mut Ranked),
    mut after: impl FnMut(&mut [Ranked]) -> Cuts,
) -> Vec<Ranked> {
    let lazy =
        depth == Depth::Decision && all.len() >= LAZY_FROM && all.iter().all(|r| !r.base.is_nan());
    if !lazy {
        for (i, r) in all.iter_mut().enumerate() {
            guard(i, r);
        }
        return whole(all, &mut after);
    }
    // A bound is not below 0, so its bits order as it does: the key sorts
    // by bound, highest first, then by place.
    let mut keys: Vec<u64> = (0u64..)
        .zip(&all)
        .map(|(i, r)| u64::from(!bound(r).to_bits()) << 32 | i)
        .collect();
    keys.sort_unstable();
    let order: Vec<usize> = keys
        .iter()
        .map(|&k| (k & u64::from(u32::MAX)) as usize)
        .collect();
    let done = guard_first(&mut all, &order, &mut guard);
    if done == all.len() {
        return whole(all, &mut after);
    }
    // The full ranking's sort keeps shortlist order among equals.
    let mut first: Vec<usize> = order[..done].to_vec();
    first.sort_unstable_by(|&a, &b| by_key(all[a].score, a, all[b].score, b));
    let mut ranked: Vec<Ranked> = first.iter().map(|&i| all[i]).collect();
    let next = order[done];
    let before = first
        .iter()
        .take_while(|&&i| by_key(all[i].score, i, bound(&all[next]), next) == Ordering::Less)
        .count();
    let cuts = after(&mut ranked);
    if decision_stands(
        &mut ranked,
        cuts,
        before,
        &all,
        &order[done..],
        &mut veto,
        t,
    ) {
        return ranked;
    }
    for &i in &order[done..] {
        guard(i, &mut all[i]);
    }
    whole(all, &mut after)
}

/// The highest score a candidate may have after the guards: its word
/// score, or 0 for one below 0 (a cut by a factor in 0..=1 raises it at
/// most to 0).
fn bound(r: &Ranked) -> f32 {
    if r.base > 0.0 { r.base } else { 0.0 }
}

/// Best first, then shortlist order: the order the ranking's stable sort
/// gives (scores are never NaN here).
fn by_key(a: f32, ia: usize, b: f32, ib: usize) -> Ordering {
    b.partial_cmp(&a)
        .unwrap_or(Ordering::Equal)
        .then(ia.cmp(&ib))
}

/// Guards candidates in `order` until the first [`CHECKED`] of the guarded
/// ones stand before every candidate left: gives how many were guarded.
fn guard_first(
    all: &mut [Ranked],
    order: &[usize],
    guard: &mut impl FnMut(usize, &mut Ranked),
) -> usize {
    // The best [`CHECKED`] guarded so far (score and place), best first.
    let mut best = [(f32::NEG_INFINITY, usize::MAX); CHECKED];
    for (done, &i) in (1..).zip(order) {
        guard(i, &mut all[i]);
        let key = (all[i].score, i);
        if by_key(key.0, key.1, best[CHECKED - 1].0, best[CHECKED - 1].1) == Ordering::Less {
            let at = best.partition_point(|b| by_key(b.0, b.1, key.0, key.1) == Ordering::Less);
            best.copy_within(at..CHECKED - 1, at + 1);
            best[at] = key;
        }
        let Some(&next) = order.get(done) else {
            return done;
        };
        let (last, place) = best[CHECKED - 1];
        if done >= CHECKED && by_key(last, place, bound(&all[next]), next) == Ordering::Less {
            return done;
        }
    }
    order.len()
}

/// Every candidate guarded: sorted best first, then the stages after.
fn whole(mut all: Vec<Ranked>, after: &mut impl FnMut(&mut [Ranked]) -> Cuts) -> Vec<Ranked> {
    all.sort_by(|a, b| b.score.partial_cmp(&a.score).unwrap_or(Ordering::Equal));
    after(&mut all);
    all
}

/// True when what the decision reads of `ranked` (the guarded candidates,
/// after the stages `cuts` tells of) is what it would read of the whole
/// ranking, `left` being the unguarded candidates' places in `all`, best
/// bound first: the facts it reads by place all score above any the
/// unguarded may reach. The unguarded facts of the best's sentence are
/// guarded and put at the end of `ranked` (rule `sibling-borrowed` reads
/// them whatever their place, when their places cannot change its reading).
fn decision_stands(
    ranked: &mut Vec<Ranked>,
    cuts: Cuts,
    before: usize,
    all: &[Ranked],
    left: &[usize],
    veto: &mut impl FnMut(usize, &mut Ranked),
    t: &Tunables,
) -> bool {
    // An unguarded candidate's score is at most its bound, cut alike as
    // every fact was (a product by a factor in 0..=1 never rounds above the
    // bound's).
    let cap = cut(left.first().map_or(0.0, |&i| bound(&all[i])), cuts);
    // Kept in place, the first `before` stand before the unguarded, ties
    // included (shortlist order); else those scoring above the cap do.
    let known = if cuts.kept_order {
        before
    } else {
        ranked.iter().take_while(|r| r.score > cap).count()
    };
    let Some(&best) = ranked[..known].first() else {
        return false;
    };
    // The best fact of another sentence (the lead is read from it); none
    // when every candidate cites the best's sentence, and then only the
    // best is offered.
    let one_sentence = all.iter().all(|r| r.sentence == best.sentence);
    if !one_sentence && ranked[..known].iter().all(|r| r.sentence == best.sentence) {
        return false;
    }
    if !siblings_stand(ranked, cuts, all, left, veto, best.sentence) {
        return false;
    }
    if one_sentence {
        return true;
    }
    if !super::score::offers_suggestions(ranked, t) {
        return true;
    }
    // The suggestions: up to three sentences at or above `unsure`.
    let mut sentences = Vec::with_capacity(3);
    for r in &ranked[..known] {
        if r.score < t.unsure {
            return true;
        }
        if !sentences.contains(&r.sentence) {
            sentences.push(r.sentence);
            if sentences.len() == 3 {
                return true;
            }
        }
    }
    cap < t.unsure
}

/// A score cut as `cuts` cut every fact.
fn cut(mut score: f32, cuts: Cuts) -> f32 {
    if let Some(f) = cuts.contradicted {
        score *= f;
    }
    if let Some(f) = cuts.substituted {
        score *= f;
    }
    score
}

/// True when rule `sibling-borrowed`, which reads only the intent and the
/// veto of the fact of `sentence` (the best's) with the highest intent (the
/// last of equals), reads the same of `ranked` as of the whole ranking: all
/// the facts of the highest intent, guarded or not (`veto` reads an
/// unguarded one's), are vetoed alike; one unguarded of them, if any, is
/// put at the end of `ranked`, its bound cut as every fact was for score.
fn siblings_stand(
    ranked: &mut Vec<Ranked>,
    cuts: Cuts,
    all: &[Ranked],
    left: &[usize],
    veto: &mut impl FnMut(usize, &mut Ranked),
    sentence: usize,
) -> bool {
    let siblings = || ranked.iter().filter(|r| r.sentence == sentence);
    let unguarded = || left.iter().filter(|&&i| all[i].sentence == sentence);
    if siblings().any(|r| r.intent.is_nan()) || unguarded().any(|&i| all[i].intent.is_nan()) {
        return false;
    }
    let Some(top) = unguarded().map(|&i| all[i].intent).reduce(f32::max) else {
        return true;
    };
    let top = siblings().map(|r| r.intent).fold(top, f32::max);
    // The unguarded of the highest intent, with their vetoes: one of them
    // is put at the end for the rule to read (any one: all are alike).
    let mut highest = unguarded().filter(|&&i| all[i].intent == top).map(|&i| {
        let mut r = all[i];
        veto(i, &mut r);
        r.score = cut(bound(&r), cuts);
        r
    });
    let Some(one) = highest.next() else {
        return true;
    };
    let vetoed = one.vetoed();
    if !highest.all(|r| r.vetoed() == vetoed)
        || siblings().any(|r| r.intent == top && r.vetoed() != vetoed)
    {
        return false;
    }
    ranked.push(one);
    true
}
