//! Rule `asked-figure`: a question asking for an amount or a count writes
//! the figure its sentence gives. "How much of the £300,000 resilience fund
//! has been paid out so far?" against "He announced a £300,000 resilience
//! fund ...", or "How much is the government contributing towards the
//! £6.8m repair bill?" against "the repairs would cost an estimated £6.8m":
//! the question already knows that figure and asks another one about it (a
//! part, a share, a contribution), which the sentence does not give. The
//! figure is the one the short answer would take
//! ([`crate::engine::short_answer::gives_only_the_asked_figure`]): a
//! sentence giving another figure that answers as well is left to the
//! other rules. Not read for a yes/no question ("Is the fund £300,000?").

use crate::engine::Engine;
use crate::engine::question::wants_in;
use crate::engine::score::Ranked;
use crate::engine::short_answer::gives_only_the_asked_figure;

use super::Rule;

/// How many of the best facts are judged: the others rank too low to be
/// the answer.
const CHECKED: usize = 8;

/// Cuts the score of each of the best ranked facts whose sentence gives
/// only a figure the question (its words) writes, and sorts the ranking
/// again. `yes_no`: whether the question asks for a yes or a no.
pub fn apply(engine: &Engine, question: &[&str], yes_no: bool, ranked: &mut [Ranked]) {
    // Only a question writing a number can write the sentence's figure:
    // most write none and are not read further.
    if yes_no || ranked.is_empty() || !question.iter().any(|w| w.starts_with(is_digit)) {
        return;
    }
    let wants = wants_in(question, engine.knowledge.meta.later_events_unknown);
    let sentences = &engine.knowledge.article.sentences;
    let share = engine.tunables.asked_figure;
    super::cut_best(ranked, CHECKED, share, Rule::AskedFigure, |r| {
        let Some(sentence) = sentences.get(r.sentence) else {
            return false;
        };
        // A sentence none of whose counts the question writes gives no
        // figure it asks (its counts read at load): most are passed over
        // without reading the sentence again.
        let writes_a_count = engine
            .index
            .counts
            .get(r.sentence)
            .is_some_and(|counts| counts.any_asked(question));
        writes_a_count && gives_only_the_asked_figure(wants, question, &sentence.text)
    });
}

/// True for an ASCII digit.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use crate::engine::question::{Wants, wants_in};
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{answered_with, explain, fired};
    use crate::engine::short_answer::gives_only_the_asked_figure;
    use crate::engine::{Engine, Reply};
    use crate::text::test_words as words;

    /// A made-up article drafted one fact a sentence.
    fn harbour() -> Engine {
        let facts = [
            (
                "announced-fund",
                "The minister announced a £300,000 harbour fund for the island's boatyards.",
            ),
            (
                "gullrock-fund",
                "The boatyard at Gullrock will get £40,000 from the harbour fund.",
            ),
        ];
        let article = crate::fixtures::article_of("Harbour fund opens", &facts);
        Engine::new(crate::fixtures::drafted_like(&article, &facts, ""))
    }

    fn only_asked(question: &str, sentence: &str) -> bool {
        let q = words(question);
        let wants: Wants = wants_in(&q, false);
        gives_only_the_asked_figure(wants, &q, sentence)
    }

    #[test]
    fn a_sentence_giving_only_the_questions_figure_gives_no_other() {
        let fund = "The minister announced a £300,000 harbour fund for the island's boatyards.";
        assert!(only_asked(
            "how much of the £300,000 harbour fund has been paid out",
            fund
        ));
        assert!(only_asked(
            "how much is the council adding to the £300,000 fund",
            fund
        ));
        // No figure written, or another figure given too: not this rule's.
        assert!(!only_asked("how much is the harbour fund", fund));
        assert!(!only_asked(
            "how much of the £300,000 fund will gullrock get",
            "Gullrock will get £40,000 of the £300,000 fund."
        ));
        // Not asking for an amount or a count.
        assert!(!only_asked("who announced the £300,000 fund", fund));
    }

    #[test]
    fn a_sentence_whose_counts_the_question_does_not_write_gives_no_asked_figure() {
        // The counts read at load pass a sentence over only where the rule
        // would not fire on it, and let through every sentence it fires on.
        use crate::engine::short_answer::Counts;
        let sentences = [
            "The minister announced a £300,000 harbour fund for the island's boatyards.",
            "Gullrock will get £40,000 of the £300,000 fund.",
            "The council voted 7-2 on Tuesday, 14 October, to build a $4.5 million park.",
            "Two hybrid ferries carried 400 passengers and 90 cars in 2024.",
            "Passenger numbers rose to 7.9 million, up 12%.",
            "Nobody counted anything here.",
        ];
        let questions = [
            "how much of the £300,000 harbour fund has been paid out",
            "how much of the 300000 fund is left",
            "how much is the harbour fund",
            "how many of the 400 passengers had cars",
            "how many hybrid ferries carried 90 cars",
            "how much of the $4.5 million park is paid for",
            "how many of the 7.9 million passengers were new",
            "what share of the 12% rise came in 2024",
            "how many ferries are there",
        ];
        let (mut passed_over, mut fires) = (0, 0);
        for sentence in sentences {
            let counts = Counts::of(sentence);
            for question in questions {
                let q = words(question);
                let rule = only_asked(question, sentence);
                if !counts.any_asked(&q) {
                    assert!(!rule, "{question} / {sentence}");
                    passed_over += 1;
                }
                fires += usize::from(rule);
            }
        }
        assert!(passed_over >= 20, "{passed_over}");
        assert!(fires >= 2, "{fires}");
    }

    #[test]
    fn a_question_writing_the_sentences_figure_is_not_answered_by_it() {
        let e = harbour();
        let asked = "How much of the £300,000 harbour fund has been paid out so far?";
        assert!(
            fired(&e, asked, "announced-fund", Rule::AskedFigure),
            "{asked}"
        );
        assert!(
            explain(&e, asked).contains("asked-figure: ×0.30"),
            "{asked}"
        );
        assert!(
            !matches!(e.answer(asked), Reply::Answered(a) if a.fact.as_deref() == Some("announced-fund")),
            "{asked}"
        );
        // Asked without the figure, the sentence answers.
        let plain = "How much money is in the harbour fund the minister announced?";
        assert!(!fired(&e, plain, "announced-fund", Rule::AskedFigure));
        assert!(answered_with(&e, plain, "announced-fund"), "{plain}");
    }
}
