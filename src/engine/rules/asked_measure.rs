//! Rule `asked-measure`: a question asks for a measure (an age, a height, a
//! temperature, a weight, a speed) and the sentence writes
//! nothing that gives one. "How old was the walker who called 999?"
//! against "One of the walkers called 999 at 2.40pm ...", or "What was the
//! temperature on the ridge overnight?" against "Six walkers were rescued
//! from the ridge ... overnight": the sentence is about what the question
//! names but states no age, no degrees, so it does not give what is asked.
//! The measures and the words that give them are a language list
//! (`assets/lang/measures.txt`); a measure is asked by "how" and an
//! adjective ("how old", "how high") or by "what"/"which" and a noun, next
//! to it or after "is the" ("what age", "what was the temperature"). A
//! time of day ("what time") is rule `answer-kind`'s. An
//! age is also given by a year ("laid in 1958") or a figure between commas
//! ("Graham Docherty, 54, said"). Not read for a yes/no question.

use std::sync::LazyLock;

use crate::engine::Engine;
use crate::engine::score::Ranked;
use crate::language::data_lines;
use crate::text::is_year;

use super::Rule;

/// How many of the best facts are judged: the others rank too low to be
/// the answer.
const CHECKED: usize = 8;

const MEASURES: &str = include_str!("../../../assets/lang/measures.txt");

/// One measure of `assets/lang/measures.txt`: the words that ask for it
/// and the words that give it.
#[derive(Debug)]
pub struct Measure {
    /// Adjectives asking for it after "how" ("old").
    adjectives: Vec<&'static str>,
    /// Nouns asking for it after "what" or "which" ("temperature").
    nouns: Vec<&'static str>,
    /// Words of a sentence that give it ("aged", "metres", "pm").
    giving: Vec<&'static str>,
    /// An age: a year or a figure between commas gives it too.
    age: bool,
}

/// The measures of the language list, read once.
fn measures() -> &'static [Measure] {
    static ALL: LazyLock<Vec<Measure>> = LazyLock::new(|| {
        data_lines(MEASURES)
            .filter_map(|line| {
                let line = line.split('#').next().unwrap_or_default();
                let mut parts = line.split('|').map(|p| p.split_whitespace().collect());
                let adjectives: Vec<&str> = parts.next()?;
                let nouns: Vec<&str> = parts.next()?;
                let giving: Vec<&str> = parts.next()?;
                let age = nouns.contains(&"age");
                Some(Measure {
                    adjectives,
                    nouns,
                    giving,
                    age,
                })
            })
            .collect()
    });
    &ALL
}

/// Words between "what" and a measure noun that still ask for it: "what
/// was the temperature", "what is the height".
const LINKING: [&str; 5] = ["is", "was", "are", "were", "'s"];

/// The measure a question (its words) asks for, if any: "how" right before
/// one's adjective, or "what"/"which" right before one's noun or before
/// "is the" and it ("whats the" and it).
pub fn asked(words: &[&str]) -> Option<&'static Measure> {
    let all = measures();
    let at = |i: usize| words.get(i).copied().unwrap_or_default();
    (0..words.len()).find_map(|i| match words[i] {
        "how" => all.iter().find(|m| m.adjectives.contains(&at(i + 1))),
        "what" | "which" | "whats" => {
            // "what was the temperature", "whats the weight": a linking
            // verb, then "the", may come between.
            let mut next = i + 1;
            if LINKING.contains(&at(next)) {
                next += 1;
            }
            let noun =
                if at(next) == "the" && next > i + 1 || words[i] == "whats" && at(next) == "the" {
                    at(next + 1)
                } else {
                    at(i + 1)
                };
            all.iter().find(|m| m.nouns.contains(&noun))
        }
        _ => None,
    })
}

/// True when a sentence writes a word giving the measure: as a word, as a
/// part of a hyphened word, or at the end of a figure ("967m"); for an age
/// also a year or a figure between commas.
pub fn gives(measure: &Measure, sentence: &str) -> bool {
    let mut after_comma = false;
    for raw in sentence.split_whitespace() {
        let word = raw
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '°')
            .to_lowercase();
        let starts_with_digit = word.starts_with(|c: char| c.is_ascii_digit());
        let unit = word.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
        if measure.giving.contains(&word.as_str())
            || word.split('-').any(|p| measure.giving.contains(&p))
            || starts_with_digit && measure.giving.contains(&unit)
        {
            return true;
        }
        if measure.age && starts_with_digit && (is_year(&word) || after_comma && raw.ends_with(','))
        {
            return true;
        }
        after_comma = raw.ends_with(',');
    }
    false
}

/// Cuts the score of each of the best ranked facts whose sentence gives no
/// measure of the kind the question asks for, and sorts the ranking again.
/// `yes_no`: whether the question asks for a yes or a no.
pub fn apply(engine: &Engine, question: &[&str], yes_no: bool, ranked: &mut [Ranked]) {
    if yes_no || ranked.is_empty() {
        return;
    }
    let Some(measure) = asked(question) else {
        return;
    };
    let sentences = &engine.knowledge.article.sentences;
    let share = engine.tunables.asked_measure;
    super::cut_best(ranked, CHECKED, share, Rule::AskedMeasure, |r| {
        sentences
            .get(r.sentence)
            .is_some_and(|s| !gives(measure, &s.text))
    });
}

#[cfg(test)]
mod tests {
    use super::{asked, gives};
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{answered_with, fired};
    use crate::engine::{Engine, Reply};
    use crate::text::test_words as words;

    fn measure_given(question: &str, sentence: &str) -> Option<bool> {
        asked(&words(question)).map(|m| gives(m, sentence))
    }

    #[test]
    fn a_measure_is_asked_by_how_and_an_adjective_or_what_and_a_noun() {
        let s = "The ship was built in Glasgow.";
        for q in [
            "How old is the ship?",
            "how high is the mast",
            "What was the temperature on the ridge overnight?",
            "What age was the captain?",
            "whats the weight of the ship",
        ] {
            assert!(measure_given(q, s).is_some(), "{q}");
        }
        for q in [
            "How long is the ship?",
            "What did the captain say about the weather?",
            "How much did the ship cost?",
            "What time does the ferry leave?",
            "Who built the old ship?",
        ] {
            assert!(measure_given(q, s).is_none(), "{q}");
        }
    }

    #[test]
    fn a_sentence_gives_a_measure_by_its_words_figures_or_a_year() {
        let old = "How old is the ship?";
        assert_eq!(
            measure_given(old, "The 37-year-old ship was retired."),
            Some(true)
        );
        assert_eq!(measure_given(old, "It was laid down in 1958."), Some(true));
        assert_eq!(
            measure_given(old, "Its captain, 54, said it was fine."),
            Some(true)
        );
        assert_eq!(
            measure_given(old, "The ship sailed at 2.40pm with 999 on board."),
            Some(false)
        );
        let high = "How high is the peak?";
        assert_eq!(
            measure_given(high, "The peak stands at 967 metres."),
            Some(true)
        );
        assert_eq!(measure_given(high, "The peak rises to 967m."), Some(true));
        assert_eq!(
            measure_given(high, "The peak was climbed on Sunday."),
            Some(false)
        );
        let cold = "What was the temperature overnight?";
        assert_eq!(
            measure_given(cold, "It fell to minus 5C overnight."),
            Some(true)
        );
        assert_eq!(
            measure_given(cold, "Six walkers were trapped overnight."),
            Some(false)
        );
    }

    /// A made-up article drafted one fact a sentence.
    fn harbour() -> Engine {
        let facts = [
            (
                "ferry-sailed",
                "The Sgarbh ferry sailed from Portnacraig at 2.40pm on Sunday.",
            ),
            (
                "ferry-age",
                "The operator said the 37-year-old vessel would be replaced next year.",
            ),
        ];
        let article = crate::fixtures::article_of("Ferry sails again", &facts);
        Engine::new(crate::fixtures::drafted_like(&article, &facts, ""))
    }

    #[test]
    fn a_sentence_giving_no_measure_does_not_answer_one_asked() {
        let e = harbour();
        let asked = "How old was the Sgarbh ferry that sailed from Portnacraig on Sunday?";
        assert!(
            fired(&e, asked, "ferry-sailed", Rule::AskedMeasure),
            "{asked}"
        );
        assert!(
            !matches!(e.answer(asked), Reply::Answered(a) if a.fact.as_deref() == Some("ferry-sailed")),
            "{asked}"
        );
        // The sentence giving an age answers.
        let age = "How old is the vessel the operator said would be replaced?";
        assert!(!fired(&e, age, "ferry-age", Rule::AskedMeasure));
        assert!(answered_with(&e, age, "ferry-age"), "{age}");
    }
}
