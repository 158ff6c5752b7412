//! Rule `phrase-match`: words the question puts side by side that a fact
//! also puts side by side ("the time hierarchy theorem", "solved within
//! time", "Alan Turing") say more than the same words scattered through a
//! long sentence. So each pair of neighbouring known words of the question
//! that a fact's sentence or one of its intents writes in the same order,
//! at most [`Tunables::phrase_gap`] words apart, earns the fact
//! [`Tunables::phrase_match`] of the pair's weight (the mean of its two
//! words' weights: each word is in at most two pairs, so the pairs never
//! weigh more than the words) on top of its words. A paraphrase that reorders or splits the words loses
//! nothing it had.
//!
//! The pairs only rank: whether to answer is read on the fact's words
//! without them (`Ranked::evidence` in `score.rs`), as a question that
//! changes one word of a sentence (the article does not answer it) keeps
//! the pairs of its other words.
//!
//! Stop words are not terms, so "analysis of algorithms" is the pair
//! (analysis, algorithms). Off when `phrase_match` is 0.

use super::has;
use crate::engine::Tunables;
use crate::engine::analyze::TermId;
use crate::engine::index::{Index, Terms};

/// The question's neighbouring known words as (first, second, weight) pairs,
/// from its known terms in question order with their weights.
pub fn pairs(exact: &[(TermId, f32)]) -> Vec<(TermId, TermId, f32)> {
    exact
        .windows(2)
        .filter(|w| w[0].0 != w[1].0)
        .map(|w| (w[0].0, w[1].0, 0.5 * (w[0].1 + w[1].1)))
        .collect()
}

/// True when `second` follows `first` in `sequence` with at most `gap`
/// other terms between them.
fn follows(sequence: &[TermId], first: TermId, second: TermId, gap: usize) -> bool {
    sequence.iter().enumerate().any(|(i, &t)| {
        t == first
            && sequence[i + 1..]
                .iter()
                .take(gap + 1)
                .any(|&next| next == second)
    })
}

/// The weight of the question's pairs that one of `sequences` (a fact's
/// intents and sentence as ordered terms) writes in the same order; `bag`
/// (sorted terms) holds every term of the sequences, so a pair it lacks a
/// word of is passed over without reading them.
pub fn weight(
    pairs: &[(TermId, TermId, f32)],
    bag: &[TermId],
    sequences: &[Terms],
    gap: usize,
) -> f32 {
    pairs
        .iter()
        .filter(|&&(a, b, _)| has(bag, a) && has(bag, b))
        .filter(|&&(a, b, _)| sequences.iter().any(|s| follows(s, a, b, gap)))
        .map(|&(_, _, w)| w)
        .sum()
}

/// What the rule adds to each candidate's (document, weight) matched words:
/// `phrase_match` times the weight of the question's pairs it writes too.
/// Empty when the rule is off or the question has no pair, so it then
/// costs nothing.
pub fn weights(
    index: &Index,
    candidates: &[(u32, f32)],
    exact: &[(TermId, f32)],
    t: &Tunables,
) -> Vec<f32> {
    if t.phrase_match <= 0.0 {
        return Vec::new();
    }
    let pairs = pairs(exact);
    if pairs.is_empty() {
        return Vec::new();
    }
    candidates
        .iter()
        .map(|&(d, _)| {
            let doc = &index.docs[d as usize];
            t.phrase_match * weight(&pairs, &doc.bag, &doc.sequences, t.phrase_gap)
        })
        .collect()
}

#[cfg(test)]
mod tests {

    use super::{pairs, weight};
    use crate::engine::Engine;
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{explain, fired};

    /// Two sentences with the same words: only the first writes "time
    /// table" as a phrase.
    const ARTICLE: &str = "Harbour news

The harbour time table changes on Monday for the ferry.

The ferry changes its table of fares each time the harbour raises fees on Monday.
";

    /// One fact a sentence, as `citebot init` drafts them; `setting` goes
    /// into the `[engine]` table.
    fn harbour(setting: &str) -> Engine {
        let facts = [
            (
                "timetable",
                "The harbour time table changes on Monday for the ferry.",
            ),
            (
                "fares",
                "The ferry changes its table of fares each time the harbour raises fees on Monday.",
            ),
        ];
        Engine::new(crate::fixtures::drafted_like(ARTICLE, &facts, setting))
    }

    #[test]
    fn pairs_follow_the_question_and_match_in_order_within_the_gap() {
        assert_eq!(
            pairs(&[(1, 2.0), (2, 1.0), (3, 4.0)]),
            vec![(1, 2, 1.5), (2, 3, 2.5)]
        );
        let sentence: crate::engine::index::Terms = vec![7, 1, 9, 2, 5, 5, 5, 3].into();
        let sequences = [sentence];
        let bag = [1, 2, 3, 5, 7, 9];
        // 1 then 2 with one term between; 2 then 3 with three between.
        assert_eq!(weight(&[(1, 2, 1.0)], &bag, &sequences, 1), 1.0);
        assert_eq!(weight(&[(1, 2, 1.0)], &bag, &sequences, 0), 0.0);
        assert_eq!(weight(&[(2, 3, 0.5)], &bag, &sequences, 1), 0.0);
        assert_eq!(
            weight(&[(2, 1, 1.0)], &bag, &sequences, 3),
            0.0,
            "order counts"
        );
        assert_eq!(
            weight(&[(1, 4, 1.0)], &bag, &sequences, 3),
            0.0,
            "4 is not there"
        );
    }

    #[test]
    fn the_sentence_writing_the_phrase_ranks_first() {
        let question = "what happens to the time table on monday";
        let top = |engine: &Engine| engine.explain(question, 5).facts[0].fact.clone();
        let on = harbour("phrase_match = 0.5");
        assert_eq!(top(&on), "timetable", "{}", explain(&on, question));
        assert!(fired(&on, question, "timetable", Rule::PhraseMatch));
        assert!(!fired(&on, question, "fares", Rule::PhraseMatch));
        assert!(explain(&on, question).contains("phrase-match: +"));
        let off = harbour("phrase_match = 0.0");
        assert!(!fired(&off, question, "timetable", Rule::PhraseMatch));
        let explained = off.explain(question, 5);
        assert!(
            explained.facts[0].score <= explained.facts[1].score + 0.05,
            "without the rule the two sentences are close: {explained}"
        );
    }
}
