//! Rule `kind-word`: a question's word that names the kind of answer it
//! asks for ("long" of "how long", "date" of "on what date", "hour" of "at
//! what hour": the `[time-nouns]`) is rarely a word of the sentence that
//! answers, which gives the answer instead ("for three weeks", "on 26
//! November", "at about 7.15am"). Such a word counts as matched by a fact
//! whose sentence gives that kind of answer, as fully as by the word itself;
//! a fact that writes the word keeps its match ("2,150 metres long").

use crate::engine::analyze::TermId;
use crate::engine::index::Doc;
use crate::engine::question::Wants;
use crate::language::{List, language};

use super::has;

/// True when `word` of a question wanting `wanted` names the kind of
/// answer asked for: "long" of "how long", a time noun ("day", "date",
/// "time", "hour") of a question asking when.
pub fn asks_kind(word: &str, wanted: Wants) -> bool {
    match wanted {
        Wants::Duration => word == "long",
        Wants::Time | Wants::Date => language().in_list(List::TimeNouns, word),
        _ => false,
    }
}

/// True when the fact's sentence gives the kind of answer `wanted` (a
/// time of day when the question asks the `hour`).
pub fn gives(doc: &Doc, wanted: Wants, hour: bool) -> bool {
    match wanted {
        // "How long" asks a length of time, or a length ("how long is the
        // runway": "2,150 metres long").
        Wants::Duration => doc.gives.lasts() || doc.gives.can_give(Wants::Distance),
        Wants::Time | Wants::Date => {
            doc.gives.can_give(wanted) && (!hour || doc.gives.tells_the_hour())
        }
        _ => false,
    }
}

/// True when `terms` (sorted) hold `term`.
pub fn holds(terms: &[TermId], term: TermId) -> bool {
    has(terms, term)
}

/// True when an intent (its terms, sorted, and the kind it asks for)
/// answers the kind word whose own term is `own`: it holds the word, or it
/// asks for the same kind of answer of a fact that `gives` it.
pub fn in_intent(
    terms: &[TermId],
    asks: Wants,
    own: Option<TermId>,
    wanted: Wants,
    gives: bool,
) -> bool {
    own.is_some_and(|o| holds(terms, o)) || gives && asks.agrees_with(wanted)
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{answered_with, fired};

    /// A made-up harbour: the pier's closing for a length of time, the
    /// storm's night, and a sentence that only writes "long" and "date".
    fn harbour() -> Engine {
        let article = "Harbour news\n\n\
            The pier at Dunraig will close for six weeks from Monday while its timbers are replaced.\n\n\
            The storm that damaged the pier struck at about 11pm on 2 March.\n\n\
            Fishermen said the long wait for a date for the repairs had hurt the pier's trade.\n";
        let facts = [
            (
                "closing",
                "The pier at Dunraig will close for six weeks from Monday while its timbers are replaced.",
            ),
            (
                "storm",
                "The storm that damaged the pier struck at about 11pm on 2 March.",
            ),
            (
                "wait",
                "Fishermen said the long wait for a date for the repairs had hurt the pier's trade.",
            ),
        ];
        Engine::new(crate::fixtures::drafted_like(article, &facts, ""))
    }

    #[test]
    fn the_word_naming_the_kind_is_matched_by_the_answer() {
        let engine = harbour();
        let question = "for how long will the pier close";
        // "For six weeks" says how long without the word; the fishermen's
        // "long wait" writes the word and says no length of time.
        assert!(fired(&engine, question, "closing", Rule::KindWord));
        assert!(
            answered_with(&engine, question, "closing"),
            "{}",
            crate::engine::rules::tests::explain(&engine, question)
        );
        let question = "at what hour did the storm hit the pier";
        // "At about 11pm" tells the hour; "from Monday" does not.
        assert!(fired(&engine, question, "storm", Rule::KindWord));
        assert!(!fired(&engine, question, "closing", Rule::KindWord));
        assert!(answered_with(&engine, question, "storm"));
    }
}
