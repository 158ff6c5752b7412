//! Rule `other-count`: the question asks for more things than its sentence
//! gives ("what are four examples of problems believed to be
//! NP-intermediate?" against a sentence naming three, "what three examples
//! are bound ..." against "the time or space"). A question written to look
//! answerable often changes only its count; the sentence then has the
//! right words but not that many things.
//!
//! The counts a fact gives are the numbers of its sentence and of its
//! intents and keywords, and how many things its sentence lists ("the
//! best, worst and average case": three).
//! A question asking for fewer than that is answered ("two examples" of a
//! list of four). It compares words only, so it applies to any article;
//! [`super::contradiction::apply`] runs it on the best facts after ranking.

use crate::language::{List, language};
use crate::text::{count_of, is_number_word, is_stopword};

/// Largest count written in digits that a question is read to ask for:
/// bigger numbers are amounts and years, which rule `other-number` reads.
const LARGEST_ASKED: u32 = 12;

/// Most words from a count to the thing it counts ("four important
/// complexity classes": the count reads as a count of something).
const COUNTED_SPAN: usize = 3;

/// A count of things as English writes it ("three" is 3), from the list
/// of counts that `citebot init` drafts, or a whole number in digits.
fn value(word: &str) -> Option<u32> {
    if let Some(n) = count_of(word) {
        return Some(n);
    }
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok();
    }
    None
}

/// The counts a question asks for: a count from two to
/// `LARGEST_ASKED` followed by a content word it counts ("what are
/// four examples", "the three integer responses").
pub fn asked(question: &[&str]) -> Vec<u32> {
    question
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            let n = value(w).filter(|n| (2..=LARGEST_ASKED).contains(n))?;
            question[i + 1..]
                .iter()
                .take(COUNTED_SPAN)
                .any(|next| !is_stopword(next) && value(next).is_none())
                .then_some(n)
        })
        .collect()
}

/// The largest count some words give: a count word or a number by its
/// value; another word of number ("both", "dozens", "million") as no
/// limit at all. Zero when they give none.
pub fn largest(words: &[impl AsRef<str>]) -> u32 {
    words
        .iter()
        .map(AsRef::as_ref)
        .filter_map(|w| match value(w) {
            Some(n) => Some(n),
            None if is_number_word(w) => Some(u32::MAX),
            // A figure mixed with letters ("7n2") is no count the question
            // could ask for more than.
            None if w.bytes().any(|b| b.is_ascii_digit()) => Some(u32::MAX),
            None => None,
        })
        .max()
        .unwrap_or(0)
}

/// How many things a sentence lists at most: for each word that joins a
/// list's last thing (`[list-joiners]`: "and", "or"), the two things it joins and one more for each comma before it
/// in its clause ("the best, worst and average case": three). A comma
/// right before the word ("pears, plums, and figs") closes no item of its
/// own. Clauses joined by "and" count as things too: the rule errs towards
/// a larger count, which lets a question through.
pub fn listed(sentence: &str) -> u32 {
    let lang = language();
    let mut most = 0;
    let mut commas = 0;
    let mut previous = "";
    for token in sentence.split_whitespace() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        if !previous.is_empty() && lang.in_list(List::ListJoiners, &word.to_lowercase()) {
            let oxford = u32::from(previous.ends_with(','));
            most = most.max(2 + commas - oxford);
        }
        if token.ends_with([';', ':']) {
            commas = 0;
        } else if token.ends_with(',') {
            commas += 1;
        }
        previous = token;
    }
    most
}

/// True when the question asks for more things than the fact gives at
/// most (`gives`: the largest of [`largest`] over its sentence and its
/// intents and keywords).
pub fn exceeds(asked: &[u32], gives: u32) -> bool {
    asked.iter().any(|&n| n > gives)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::fired;
    use crate::text::test_words as words;

    #[test]
    fn a_count_of_things_is_read_from_words_and_digits() {
        assert_eq!(asked(&words("what are four examples of problems")), [4]);
        assert_eq!(asked(&words("name 3 kinds of machine")), [3]);
        // Not a count of things: a year, a number alone, one thing.
        assert!(asked(&words("what happened in 2009")).is_empty());
        assert!(asked(&words("what is two")).is_empty());
        assert!(asked(&words("what is one example")).is_empty());
    }

    #[test]
    fn the_largest_count_given_bounds_what_may_be_asked() {
        assert_eq!(largest(&words("three different ways of measuring")), 3);
        assert_eq!(largest(&words("the time or space used")), 0);
        assert_eq!(largest(&words("both machines")), u32::MAX);
        assert_eq!(largest(&words("in time 7n2 + 15n")), u32::MAX);
        assert_eq!(listed("The best, worst and average case complexity."), 3);
        assert_eq!(listed("They ate apples, pears, plums, and figs."), 4);
        assert_eq!(listed("Bounding the time or space used."), 2);
        assert_eq!(listed("Quicksort sorts a list in place."), 0);
        assert!(exceeds(&[4], 3));
        assert!(!exceeds(&[2], 4));
        assert!(!exceeds(&[], 0));
    }

    const ARTICLE: &str = "Zorblat notes\n\n\
        The Zorblat engine burns coal, wood and peat.\n\n\
        Its makers tested the engine in two towns.\n";

    fn engine() -> crate::engine::Engine {
        crate::engine::Engine::new(crate::fixtures::one_topic(
            ARTICLE,
            &[
                (
                    "fuels",
                    "what does the zorblat engine burn",
                    "The Zorblat engine burns coal, wood and peat.",
                ),
                (
                    "towns",
                    "where was the engine tested",
                    "Its makers tested the engine in two towns.",
                ),
            ],
        ))
    }

    #[test]
    fn a_question_asking_for_more_things_than_the_fact_gives_is_cut() {
        let e = engine();
        let q = "what four fuels does the zorblat engine burn";
        assert!(fired(&e, q, "fuels", Rule::OtherCount));
        assert!(!crate::engine::rules::tests::answered_with(&e, q, "fuels"));
        // As many as the sentence lists, or fewer, is answered.
        for q in [
            "what three fuels does the zorblat engine burn",
            "what are two fuels the zorblat engine burns",
        ] {
            assert!(!fired(&e, q, "fuels", Rule::OtherCount), "{q}");
            assert!(
                crate::engine::rules::tests::answered_with(&e, q, "fuels"),
                "{q}"
            );
        }
        // The sentence's own count: "two towns", not three.
        assert!(fired(
            &e,
            "in which three towns did its makers test the engine",
            "towns",
            Rule::OtherCount
        ));
        assert!(!fired(
            &e,
            "in which two towns did its makers test the engine",
            "towns",
            Rule::OtherCount
        ));
    }

    #[test]
    fn a_count_written_in_words_counts_its_thing() {
        let article = "Quillmouth harbour\n\n\
            The Quillmouth council runs three ferries to the outer isles.\n\n\
            Hundreds of walkers cross the Quillmouth moor each summer.\n\n\
            No one on the council owns a ferry.\n";
        let e = crate::engine::Engine::new(crate::fixtures::one_topic(
            article,
            &[
                (
                    "ferries",
                    "quillmouth council runs ferries outer isles",
                    "The Quillmouth council runs three ferries to the outer isles.",
                ),
                (
                    "walkers",
                    "walkers cross quillmouth moor summer",
                    "Hundreds of walkers cross the Quillmouth moor each summer.",
                ),
                (
                    "owners",
                    "council owns ferry",
                    "No one on the council owns a ferry.",
                ),
            ],
        ));
        let q = "how many ferries does the quillmouth council run";
        assert!(!fired(&e, q, "ferries", Rule::CountedThing));
        assert!(crate::engine::rules::tests::answered_with(&e, q, "ferries"));
        let q = "how many walkers cross the quillmouth moor";
        assert!(!fired(&e, q, "walkers", Rule::CountedThing));
        // "No one" counts no councillors.
        assert!(fired(
            &e,
            "how many councillors own a ferry",
            "owners",
            Rule::CountedThing
        ));
    }
}
