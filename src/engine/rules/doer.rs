//! Vetoes on who did what: `other-doer` ("did X do it" where X is not among
//! the fact's `actors`) and `other-speaker` ("what did X say" where someone
//! else speaks in the fact's sentence, and not for X's side). Such a fact
//! stays in the ranking, so that no sibling takes its place, but is never
//! the answer.

use super::Rule;
use crate::engine::analyze::{Analysed, TermId};
use crate::engine::index::{Doc, Mention};
use crate::language::{List, language};

/// The entity a question asks about as the one doing something, and whether
/// it is asked about as a speaker.
#[derive(Debug, Clone, Copy)]
pub struct Doer {
    term: TermId,
    speaks: bool,
}

/// The subject of "did/has/will X `<verb>`" or "is X `<verb>`ing" ("did Russia
/// reject the demands"). Not the subject of a passive ("was Estonia blocked
/// by Germany"), of "is X part of", nor of a verb its subject undergoes. A
/// list ("Estonia, Latvia and Lithuania") is read up to its last name.
pub fn read(q: &Analysed, entities: &[Mention]) -> Option<Doer> {
    let first = entities.iter().position(|m| m.subject)?;
    if q.all_words.contains(&"by") {
        return None;
    }
    let mut last = first;
    while entities
        .get(last + 1)
        .is_some_and(|m| m.start == entities[last].end)
    {
        last += 1;
    }
    let start = q.tokens[entities[first].start].at;
    let end = q.tokens[entities[last].end - 1].at;
    let auxiliary = q.all_words[..start]
        .iter()
        .rev()
        .find(|w| !matches!(**w, "the" | "a" | "an"))?;
    let verb = q.all_words.get(end + 1)?;
    if language().in_list(List::Undergoes, verb) || matches!(*verb, "be" | "been" | "being") {
        return None;
    }
    let is_be = matches!(*auxiliary, "is" | "are" | "was" | "were");
    let after = &q.all_words[q.tokens[entities[first].end - 1].at + 1..];
    (!is_be || verb.ends_with("ing")).then(|| Doer {
        term: entities[first].term,
        speaks: after
            .iter()
            .take(2)
            .any(|w| language().in_list(List::AskedSpeech, w)),
    })
}

/// `other-doer` or `other-speaker` when the question asks about someone
/// the fact does not tell of.
pub fn check(doer: Option<Doer>, doc: &Doc) -> Option<Rule> {
    let doer = doer?;
    if !doc.actors.is_empty() && !doc.actors.contains(&doer.term) {
        return Some(Rule::OtherDoer);
    }
    (doer.speaks && !speaks_in(doc, doer.term)).then_some(Rule::OtherSpeaker)
}

/// True when `speaker` may be the one speaking in the document's sentence:
/// it names no speaker, names this one, or names one of the fact's actors
/// while the speaker is one too (a minister speaks for their country).
fn speaks_in(doc: &Doc, speaker: TermId) -> bool {
    doc.speakers.is_empty()
        || doc.speakers.contains(&speaker)
        || doc.actors.contains(&speaker) && doc.speakers.iter().any(|s| doc.actors.contains(s))
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{answered_with, fired, tiny};

    #[test]
    fn another_doer_is_never_the_answer() {
        assert!(fired(
            tiny(),
            "did france give a grant for the bridge",
            "bridge-grant",
            Rule::OtherDoer
        ));
        assert!(!answered_with(
            tiny(),
            "did france give a grant for the bridge",
            "bridge-grant"
        ));
        assert!(answered_with(
            tiny(),
            "did germany give a grant for the bridge",
            "bridge-grant"
        ));
    }

    #[test]
    fn a_verb_the_subject_undergoes_names_no_doer() {
        assert!(!fired(
            tiny(),
            "did france get engineers from germany",
            "engineers-loan",
            Rule::OtherDoer
        ));
    }

    #[test]
    fn what_someone_else_said_is_no_answer() {
        assert!(fired(
            tiny(),
            "what did germany say about the bridge cost",
            "france-cost",
            Rule::OtherSpeaker
        ));
        assert!(!fired(
            tiny(),
            "what did france say about the bridge cost",
            "france-cost",
            Rule::OtherSpeaker
        ));
    }
}
