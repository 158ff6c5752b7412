//! Rule `common-only`: the fact meets the question only in very common
//! English words. "did anyone catch the game last night" shares "last" with
//! "Biden last week conceded that there are concerns ...", and nothing
//! else: a word that common is the asker's phrasing, not what the question
//! is about, and a sentence resting on it alone is no answer. A fact
//! writing at most `common_only_share` of the question's content words (as
//! written or as the synonyms read them; a close word of the vectors is no
//! match here), each of them of English rank under `common_only_rank`, is
//! cut. A fact writing one rarer word, or most of the question's words,
//! rests on more than phrasing and is left alone.

use super::has;
use crate::engine::Tunables;
use crate::engine::analyze::Token;
use crate::engine::index::Doc;

/// True when the fact writes some of the question's words `tokens`, all of
/// them very common English, and no more than `common_only_share` of them.
pub fn applies(tokens: &[Token], doc: &Doc, t: &Tunables) -> bool {
    let mut written = 0usize;
    for token in tokens {
        if !token.term.is_some_and(|term| has(&doc.bag, term)) {
            continue;
        }
        if token.rank.is_none_or(|rank| rank >= t.common_only_rank) {
            return false;
        }
        written += 1;
    }
    written > 0 && written as f32 <= t.common_only_share * tokens.len() as f32
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{answered_with, assert_not_answered, explain, fired};

    /// A made-up quarry article, one fact a sentence.
    const FACTS: [(&str, &str); 6] = [
        (
            "council-road",
            "The Tolvern council last week approved a gravel road to the quarry.",
        ),
        (
            "lorries-dust",
            "Residents complained that quarry lorries spread dust on the village school.",
        ),
        (
            "road-cost",
            "The road will cost £2 million and open in spring.",
        ),
        (
            "pryce-school",
            "Councillor Ada Pryce said the lorries would no longer pass the school.",
        ),
        (
            "quarry-jobs",
            "The quarry employs 40 people and ships limestone to builders.",
        ),
        ("appeal", "Opponents plan to appeal the decision."),
    ];

    /// [`FACTS`] drafted as `init` drafts them, with the rule at
    /// `common_only` (or off when empty) and common words weighed as
    /// `init` weighs them.
    fn quarry(common_only: &str) -> Engine {
        let article = crate::fixtures::article_of("Quarry road approved", &FACTS);
        let engine = format!("common_rank = 300.0\n{common_only}");
        Engine::new(crate::fixtures::drafted_like(&article, &FACTS, &engine))
    }

    #[test]
    fn a_sentence_sharing_only_very_common_words_is_no_answer() {
        // "last week" is all the sentence shares; "see" and "game" it lacks.
        let asked = "did you see the game last week";
        let e = quarry("common_only = 0.5");
        assert!(fired(&e, asked, "council-road", Rule::CommonOnly));
        assert!(explain(&e, asked).contains("common-only: ×0.50"));
        assert_not_answered(&e, asked);
        // Off, as for hand-written knowledge, "last week" answers.
        let off = quarry("");
        assert!(!fired(&off, asked, "council-road", Rule::CommonOnly));
        assert!(answered_with(&off, asked, "council-road"));
    }

    #[test]
    fn a_rarer_word_or_most_of_a_common_question_is_enough() {
        let e = quarry("common_only = 0.5");
        for asked in [
            // "council" and "gravel" are no very common words.
            "what did the council approve last week for the gravel",
            // All very common words, the sentence writing most of them.
            "what happened last week",
        ] {
            assert!(
                !fired(&e, asked, "council-road", Rule::CommonOnly),
                "{asked}"
            );
            assert!(answered_with(&e, asked, "council-road"), "{asked}");
        }
        // With no bound on the share written, the common question is cut.
        let any_share = quarry("common_only = 0.5\ncommon_only_share = 1.0");
        let asked = "what happened last week";
        assert!(fired(&any_share, asked, "council-road", Rule::CommonOnly));
    }
}
