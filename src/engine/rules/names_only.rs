//! Rule `names-only`: the fact meets the question only in the names it
//! asks about. "Which political party does Douglas Ure represent?" shares
//! "Douglas Ure" with "Transport minister Douglas Ure visited Carrach", and
//! nothing else: the sentence says who he is and what he did, not what is
//! asked of him. A fact that writes none of the question's other content
//! words (as written or as the synonyms read them; a close word of the
//! vectors is no match here, as "party" is close to "members") is cut.
//!
//! Left alone: a yes/no question ("Is Leon Farrow a teacher?" is answered
//! by the sentence calling him a nurse), a question asking what someone
//! said (whose words answer it whatever they are about), the word after
//! "how", which says what is asked ("how far"), and a "who" question,
//! whose answer is a name the fact gives in words of its own ("whos the
//! port boss" of "the harbour master"), as is the answer of a question
//! asking someone's job, title or name ("What is Tessa Morvane's job?",
//! `[framing-nouns]`, `[name-nouns]`, `[name-asking]`).

use super::{Reading, has};
use crate::engine::Tunables;
use crate::engine::fit::is_yes_no;
use crate::engine::index::Doc;
use crate::engine::question::Wants;
use crate::language::{List, language};

/// True when the question may be cut by the rule at all: it names an
/// entity and asks for something other than a yes or a no, someone's
/// words (`asks_said`: [`crate::engine::rules::speaker::asks_what_was_said`]
/// of them) or a name. `words`: the question's words as analysis read them;
/// `typed`: as typed. Read once a question.
pub fn asks(words: &[&str], typed: &[&str], named: bool, asks_said: bool) -> bool {
    named && !is_yes_no(words) && !asks_said && !closes_asking_a_name(typed)
}

/// True when a "what" question as typed closes on a word of
/// `[name-asking]` ("whats the norwegian boat called"): it asks for a name,
/// which the fact gives in words of its own ("the MV Nordic Tern").
/// Analysis drops that closing word, so it is read here from the words as
/// typed.
fn closes_asking_a_name(typed: &[&str]) -> bool {
    typed.len() >= 3
        && typed.iter().any(|w| matches!(*w, "what" | "whats"))
        && typed
            .last()
            .is_some_and(|w| language().in_list(List::NameAsking, w))
}

/// True when the question names an entity the fact names, and the fact
/// writes none of the question's other content words, of which one at
/// least is common English (a rare word the fact lacks, "Kestlebury", is
/// more likely a name, which the entity rules judge).
pub fn applies(reading: &Reading, doc: &Doc, t: &Tunables) -> bool {
    // "Who" asks for a name, which the fact gives beside the one asked
    // about, with a title in words of its own ("the harbour master").
    if !reading.names_only || reading.wanted == Wants::Person {
        return false;
    }
    // "Where" asks for a place, which the fact gives beside the name asked
    // about in words of its own ("norlink flights - where r they going now"
    // of "Norlink, which flies to Belfast, Jersey and Aberdeen").
    if reading.wanted == Wants::Place && doc.gives.can_give(Wants::Place) {
        return false;
    }
    let names_met = reading.entities.iter().any(|m| has(&doc.bag, m.term));
    if !names_met {
        return false;
    }
    let words = &reading.question.all_words;
    let in_name = |i: usize| {
        reading
            .entities
            .iter()
            .any(|m| (m.start..m.end).contains(&i))
    };
    let asked_how = |at: usize| at > 0 && words.get(at - 1) == Some(&"how");
    let others = reading
        .question
        .tokens
        .iter()
        .enumerate()
        .filter(|(i, token)| !in_name(*i) && !asked_how(token.at));
    let mut common = false;
    for (_, token) in others {
        if token.term.is_some_and(|term| has(&doc.bag, term)) || asks_in_own_words(&token.word) {
            return false;
        }
        common |= token.rank.is_some_and(|rank| rank < t.name_rank);
    }
    common
}

/// True when `word` asks for what a fact gives in words of its own, beside
/// the name asked about: a job, a title, a role, a name ("What is Tessa
/// Morvane's job?" of "Tessa Morvane runs the Gullrock Inn").
fn asks_in_own_words(word: &str) -> bool {
    let lang = language();
    [List::FramingNouns, List::NameNouns, List::NameAsking]
        .into_iter()
        .any(|list| lang.in_list(list, word))
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{answered_with, assert_not_answered, explain, fired};

    /// The made-up harbour article drafted one fact a sentence, with the
    /// rule at `names_only` (and the article's names read, as `init`
    /// drafts it).
    fn harbour(names_only: &str) -> Engine {
        let engine = format!("missing_name = 0.6\nsubstituted_name = 0.4\n{names_only}");
        Engine::new(crate::fixtures::harbour(&engine))
    }

    #[test]
    fn a_sentence_sharing_only_the_name_asked_about_is_no_answer() {
        let e = harbour("names_only = 0.4");
        let asked = "Which political party does Tessa Morvane support?";
        assert!(fired(&e, asked, "morvane-inn", Rule::NamesOnly));
        assert!(explain(&e, asked).contains("names-only: ×0.40"));
        assert_not_answered(&e, asked);
        // Off, as for hand-written knowledge, the name alone answers.
        let off = harbour("");
        assert!(!fired(&off, asked, "morvane-inn", Rule::NamesOnly));
    }

    #[test]
    fn a_sentence_sharing_another_word_or_asked_yes_no_or_who_is_not_cut() {
        let e = harbour("names_only = 0.4");
        for (asked, fact) in [
            // A word beside the name: the sentence is about what is asked.
            ("Which inn does Tessa Morvane run?", "morvane-inn"),
            // A yes or a no is told by a sentence saying otherwise.
            ("Is Tessa Morvane a teacher?", "morvane-inn"),
            // "Who" is answered by a name in the fact's own words.
            ("Who is the boss of Gullrock Inn?", "morvane-inn"),
            // So are a job, a title and a name.
            ("What is Tessa Morvane's job?", "morvane-inn"),
            ("What title does Tessa Morvane hold?", "morvane-inn"),
            ("whats the gullrock inn boss's name", "morvane-inn"),
            // A closing "called", which analysis drops, asks a name too.
            ("whats tessa morvane's business called", "morvane-inn"),
        ] {
            assert!(!fired(&e, asked, fact, Rule::NamesOnly), "{asked}");
        }
        assert!(answered_with(
            &e,
            "Which inn does Tessa Morvane run?",
            "morvane-inn"
        ));
    }

    #[test]
    fn a_where_question_is_answered_by_a_place_beside_the_name() {
        let e = harbour("names_only = 0.4");
        // "near the harbour" is the place; "business" is not in the sentence.
        let asked = "where is tessa morvane's business";
        assert!(!fired(&e, asked, "morvane-inn", Rule::NamesOnly));
        // A sentence naming Perran Coyle gives no place: still cut.
        let coyle = "where is perran coyle's business";
        assert!(fired(&e, coyle, "coyle-lost", Rule::NamesOnly));
    }
}
