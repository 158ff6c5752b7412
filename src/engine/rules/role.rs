//! Rule `role-title`: a "who" question may ask for whoever leads something
//! without the title the article gives ("who's the port boss", "whos the
//! md of the airport", "who is in charge of the group": the words of
//! `[role-asking]`), and any title whose holder leads something answers it
//! ("the harbour master", "the managing director", "its chair": the last
//! words of `[leader-titles]`). Such a question word counts as matched by a
//! fact that names one of those titles, in its sentence or in an intent,
//! as fully as by the word itself.

use crate::engine::analyze::{Analyzer, TermId};
use crate::engine::index::Doc;
use crate::engine::question::Wants;
use crate::language::{List, language};

use super::has;

/// True when `word` of a question wanting `wanted` asks for a leader by
/// another word than a title: only a question that asks who.
pub fn asks_for_leader(word: &str, wanted: Wants) -> bool {
    wanted == Wants::Person && language().in_list(List::RoleAsking, word)
}

/// The terms of the leaders' titles the knowledge uses, sorted.
pub fn title_terms(analyzer: &Analyzer) -> Vec<TermId> {
    let mut terms: Vec<TermId> = language()
        .list(List::LeaderTitles)
        .iter()
        .flat_map(|title| analyzer.analyse_known(title).tokens)
        .filter_map(|t| t.term)
        .collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// The term of `terms` (sorted) that answers a role word whose own term is
/// `own`: the word itself or a leader's title.
pub fn answering(terms: &[TermId], own: Option<TermId>, titles: &[TermId]) -> Option<TermId> {
    if let Some(own) = own.filter(|&o| has(terms, o)) {
        return Some(own);
    }
    titles.iter().copied().find(|&t| has(terms, t))
}

/// True when the fact's sentence answers the role word.
pub fn named_in(doc: &Doc, own: Option<TermId>, titles: &[TermId]) -> bool {
    answering(&doc.bag, own, titles).is_some()
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{answered_with, fired};

    /// A made-up harbour where a harbour master and a shop owner speak,
    /// and a campaign group's chair and a ferry firm's chief executive.
    fn harbour() -> Engine {
        let article = "Harbour news\n\n\
            Tomas Vell, the harbour master at Dunraig, said the pier would reopen in May.\n\n\
            Shop owner Ailsa Brec said deliveries to Dunraig had halved.\n\n\
            Ewan Tolm, chair of the islanders' campaign group, said 900 people signed a letter.\n\n\
            Ruth Garve, chief executive of Sound Ferries, apologised to islanders.\n";
        let facts = [
            (
                "vell",
                "Tomas Vell, the harbour master at Dunraig, said the pier would reopen in May.",
            ),
            (
                "brec",
                "Shop owner Ailsa Brec said deliveries to Dunraig had halved.",
            ),
            (
                "tolm",
                "Ewan Tolm, chair of the islanders' campaign group, said 900 people signed a letter.",
            ),
            (
                "garve",
                "Ruth Garve, chief executive of Sound Ferries, apologised to islanders.",
            ),
        ];
        Engine::new(crate::fixtures::drafted_like(article, &facts, ""))
    }

    #[test]
    fn a_word_for_whoever_leads_is_matched_by_a_title() {
        let engine = harbour();
        let question = "whos the port boss at dunraig";
        // "Harbour master" is a leader's title; a shop owner is none.
        assert!(fired(&engine, question, "vell", Rule::RoleTitle));
        assert!(!fired(&engine, question, "brec", Rule::RoleTitle));
        assert!(answered_with(&engine, question, "vell"));
    }

    #[test]
    fn in_charge_is_any_leader_not_only_a_chief_executive() {
        let engine = harbour();
        let question = "who is in charge of the islanders campaign group";
        // The group's chair leads it; the ferry firm's chief executive is
        // a leader too, of another body, which the words tell apart.
        assert!(fired(&engine, question, "tolm", Rule::RoleTitle));
        assert!(fired(&engine, question, "garve", Rule::RoleTitle));
        assert!(answered_with(&engine, question, "tolm"));
    }

    #[test]
    fn only_a_question_asking_who_reads_a_word_for_a_leader() {
        let engine = harbour();
        // "When will the boss's pier reopen" asks no one's name.
        assert!(!fired(
            &engine,
            "when will the port boss reopen the pier at dunraig",
            "vell",
            Rule::RoleTitle
        ));
    }
}
