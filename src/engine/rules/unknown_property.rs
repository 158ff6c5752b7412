//! Rule `unknown-property`: the question asks whether its subject is
//! something the knowledge never writes. "are the german helmets kevlar"
//! is a form of "be", the subject ("the german helmets") and last the thing
//! asked about ("kevlar"): when no fact writes that word, the sentence
//! about the helmets can say neither yes nor no, and every fact is cut to
//! `unknown_property` of its score. Read narrowly: only determiners may
//! stand between "be" and the subject, every word after them is a content
//! word (no preposition, verb phrase or "a" before the last word: "is Leon
//! Farrow a teacher" asks who he is, which a sentence naming his post
//! answers), the subject has a word the knowledge writes, and the last word
//! has none.

use std::sync::OnceLock;

use crate::engine::analyze::Analysed;
use crate::language::List;
use crate::lexicon::followup_words;

/// True when `question` is "be", determiners, then content words only, the
/// last of them one the knowledge never writes and some other one it does.
pub fn asks(question: &Analysed) -> bool {
    let Some(first) = subject_start(question) else {
        return false;
    };
    let tokens = &question.tokens;
    let Some((last, subject)) = tokens.split_last() else {
        return false;
    };
    let words = question.all_words.len();
    !subject.is_empty()
        && last.term.is_none()
        && subject.iter().any(|token| token.term.is_some())
        && last.at + 1 == words
        && tokens.len() == words - first
        && tokens.first().is_some_and(|token| token.at == first)
}

/// Where the subject begins: the place after the opening form of "be"
/// (after any fillers and lead-ins) and the determiners that follow it;
/// `None` when the question opens with no form of "be".
fn subject_start(question: &Analysed) -> Option<usize> {
    static LISTS: OnceLock<(&'static [&'static str], &'static [&'static str])> = OnceLock::new();
    let &(copulas, lead_ins) =
        LISTS.get_or_init(|| (followup_words("copulas"), followup_words("lead-ins")));
    let mut words = question.all_words.iter().zip(&question.classes).enumerate();
    let (at, _) =
        words.find(|(_, (w, classes))| !classes.has(List::Fillers) && !lead_ins.contains(*w))?;
    if !copulas.contains(&question.all_words[at]) {
        return None;
    }
    let after = question.all_words[at + 1..]
        .iter()
        .zip(&question.classes[at + 1..])
        .take_while(|(_, classes)| classes.has(List::Determiners))
        .count();
    Some(at + 1 + after)
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{answered_with, assert_not_answered, explain, fired};

    /// A made-up quarry article, one fact a sentence.
    const FACTS: [(&str, &str); 4] = [
        (
            "lorries-offer",
            "The Tolvern council offered 20 new lorries to the quarry on Monday.",
        ),
        (
            "pryce-post",
            "Ada Pryce, the council's planning officer, approved the road.",
        ),
        (
            "road-cost",
            "The road will cost £2 million and open in spring.",
        ),
        ("appeal", "Opponents plan to appeal the decision."),
    ];

    /// [`FACTS`] drafted as `init` drafts them, with `engine` lines.
    fn quarry(engine: &str) -> Engine {
        let article = crate::fixtures::article_of("Quarry road approved", &FACTS);
        Engine::new(crate::fixtures::drafted_like(&article, &FACTS, engine))
    }

    #[test]
    fn a_property_the_knowledge_never_writes_is_not_answered() {
        // Nothing says what the lorries run on: the sentence about them
        // can say neither yes nor no.
        let asked = "are the new lorries electric";
        let e = quarry("");
        assert!(fired(&e, asked, "lorries-offer", Rule::UnknownProperty));
        assert!(explain(&e, asked).contains("unknown-property: ×0.50"));
        assert_not_answered(&e, asked);
        // Off, the sentence about the lorries answers.
        let off = quarry("unknown_property = 1.0");
        assert!(!fired(&off, asked, "lorries-offer", Rule::UnknownProperty));
        assert!(answered_with(&off, asked, "lorries-offer"));
    }

    #[test]
    fn other_yes_no_questions_are_left_alone() {
        let e = quarry("");
        for (asked, fact) in [
            // "a" before the last word: who she is, which her post answers.
            ("is Ada Pryce a surveyor", "pryce-post"),
            // The last word is one the knowledge writes.
            ("are the new lorries offered", "lorries-offer"),
            // A verb phrase, not a property of the subject.
            ("did the council offer electric lorries", "lorries-offer"),
        ] {
            assert!(!fired(&e, asked, fact, Rule::UnknownProperty), "{asked}");
        }
    }
}
