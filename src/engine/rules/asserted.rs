//! Guards on a question whose polarity its sentence does not share, for
//! questions written to look answerable by copying the sentence's words: a
//! plain question about what the sentence says is not so ("what is always
//! practical?" against "is not always practical"), and a question about
//! what is not so where the sentence denies nothing ("what is not an
//! example of ...").
//!
//! Rules `affirms-denied` and `denies-unsaid`. They compare words only, so
//! they apply to any article; [`super::contradiction::apply`] runs them on
//! the best facts after ranking.

use super::contradiction::{NEGATING_PREFIXES, asked_clause, is_negation};
use crate::language::{List, language};
use crate::text::{is_stopword, stem};

/// True for a word that denies its clause: a negation, but not a negating
/// prefix the tokenizer split off its word ("non-negotiable",
/// "non-deterministic").
fn denial(word: &str) -> bool {
    is_negation(word) && !NEGATING_PREFIXES.contains(&word)
}

/// The content words of a text in order, stemmed.
fn content_stems(words: &[impl AsRef<str>]) -> Vec<String> {
    words
        .iter()
        .map(AsRef::as_ref)
        .filter(|w| !is_stopword(w) && !is_negation(w))
        .map(stem)
        .collect()
}

/// True when a question that asks for something ("what ...", not "did
/// ...") states plainly what its sentence denies ("what fits the
/// framework?" against "do not fit into this framework"): a content word
/// of the question is the first content word after a negation in the
/// clause of the sentence it asks about, while the question denies nothing
/// itself. A denial after a modal of a promise or a demand does not count
/// (what "Ukraine would never join" denies is what someone wants); a
/// question asking for a yes or a no is answered by the denial; an intent
/// of the fact that uses a negation vouches for it.
pub fn affirms_denied(
    question: &[&str],
    yes_no: bool,
    sentence: &str,
    intents: &[Vec<String>],
) -> bool {
    if !may_affirm_denied(question, yes_no) {
        return false;
    }
    let clause = Denials::read(&asked_clause(question, sentence));
    let vouched = Vouched::read(intents.iter().map(Vec::as_slice));
    affirms_denied_in(&content_stems(question), &clause, &vouched)
}

/// False when [`affirms_denied`] is false for the question whatever the
/// sentence: it asks for a yes or a no, or denies something itself.
pub fn may_affirm_denied(question: &[&str], yes_no: bool) -> bool {
    !(yes_no || question.iter().any(|w| denial(w)))
}

/// What a clause denies as rule `affirms-denied` reads it: the stem of
/// the first content word after each of its denials, leaving out a denial
/// after a modal of a promise or a demand. Read once per clause when the
/// engine is built, so no question stems the sentence's words again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Denials(Vec<String>);

impl Denials {
    /// Reads the words of one clause.
    pub fn read(clause: &[String]) -> Denials {
        let promised = |i: usize| {
            let modal = |w: &String| language().in_list(List::PromiseModals, w);
            modal(&clause[i]) || i > 0 && modal(&clause[i - 1])
        };
        let mut stems: Vec<String> = Vec::new();
        for (i, w) in clause.iter().enumerate() {
            if !denial(w) || promised(i) {
                continue;
            }
            let next = clause[i + 1..]
                .iter()
                .find(|next| !is_stopword(next) && !denial(next));
            if let Some(next) = next {
                stems.push(stem(next));
            }
        }
        Denials(stems)
    }

    /// The stems it denies, in order: the contradiction rules number
    /// them once when the engine is built.
    pub fn stems(&self) -> &[String] {
        &self.0
    }
}

/// The stems a fact's intents and keywords vouch for against rule
/// `affirms-denied`: the content words of each of them that uses a denial.
/// Read once per fact when the engine is built.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vouched(Vec<String>);

impl Vouched {
    /// Nothing vouched for.
    pub const EMPTY: Vouched = Vouched(Vec::new());

    /// Reads a fact's intents and keywords, each as its words.
    pub fn read<'i>(intents: impl IntoIterator<Item = &'i [String]>) -> Vouched {
        let mut vouched = Vouched::default();
        for words in intents {
            vouched.add(words);
        }
        vouched.finish();
        vouched
    }

    /// Adds one intent or keyword, as its words: its content words, when
    /// it uses a denial. One without a negation adds nothing, so a caller
    /// that knows it has none need not call this.
    pub fn add(&mut self, words: &[String]) {
        if words.iter().any(|w| denial(w)) {
            self.0.extend(content_stems(words));
        }
    }

    /// Readies what [`Vouched::add`] gathered for look-ups.
    pub fn finish(&mut self) {
        self.0.sort_unstable();
        self.0.dedup();
    }

    /// The stems vouched for, sorted once [`Vouched::finish`]ed.
    pub fn stems(&self) -> &[String] {
        &self.0
    }

    /// True when an intent that uses a denial has this stem.
    fn has(&self, stem: &str) -> bool {
        self.0.binary_search_by(|s| s.as_str().cmp(stem)).is_ok()
    }
}

/// [`affirms_denied`] for a question that [`may_affirm_denied`], given
/// its content words stemmed, negations left out (as the contradiction
/// rules read them once per question), what the clause of the sentence it
/// asks about denies and what the fact's intents vouch for (both read once
/// when the engine is built, not per question).
pub fn affirms_denied_in(asked: &[impl AsRef<str>], clause: &Denials, vouched: &Vouched) -> bool {
    clause
        .0
        .iter()
        .any(|st| asked.iter().any(|a| a.as_ref() == st) && !vouched.has(st))
}

/// True when a question that opens with a question word denies what it
/// asks for ("what is not an example of ...") while its sentence denies
/// nothing at all: the sentence states what is so, not what is not.
pub fn denies_unsaid(question: &[&str], yes_no: bool, sentence: &str) -> bool {
    asks_what_is_not(question, yes_no) && !denies_anything(&crate::text::words(sentence))
}

/// The question's half of [`denies_unsaid`], read once per question: it
/// opens with a question word and denies what it asks for, in its own
/// clause ("what type of measure is X not an example of"), not in a
/// participle describing a thing ("a problem not known to be in P"). A negation
/// after a word that opens a clause of its own ("which values did they say
/// they won't budge on", `[clause-openers]`) denies within that clause.
pub fn asks_what_is_not(question: &[&str], yes_no: bool) -> bool {
    if yes_no
        || !question
            .first()
            .is_some_and(|w| crate::text::is_question_word(w))
    {
        return false;
    }
    let lang = language();
    for (j, w) in question.iter().enumerate().skip(1) {
        if denial(w) {
            if describes(question, j) {
                continue;
            }
            return true;
        }
        let classes = lang.classes(w);
        if classes.has(List::ClauseOpeners) || classes.has(List::Question) {
            return false;
        }
    }
    false
}

/// True when the denial at `j` describes the thing named before it, as a
/// participle after a noun does ("an example of a problem not known to be
/// in P"): it stands right after a content word that is no verb (nor an
/// auxiliary or a modal, `[linking-verbs]`: "what may not be"), a verb
/// form follows it, and the words before it are no subject put after an
/// auxiliary (`[auxiliary]`: "what is memory not known as" denies). It
/// says which thing is meant, not that the question asks for what is not
/// so.
fn describes(question: &[&str], j: usize) -> bool {
    use super::substituted::is_verb_form;
    let lang = language();
    let verb = |w: &str| {
        is_verb_form(w) || lang.in_list(List::Auxiliary, w) || lang.in_list(List::LinkingVerbs, w)
    };
    if j < 2
        || is_stopword(question[j - 1])
        || verb(question[j - 1])
        || !question.get(j + 1).is_some_and(|next| is_verb_form(next))
    {
        return false;
    }
    let before = question[..j - 1].iter().rev().find(|w| is_stopword(w));
    !before.is_some_and(|w| lang.in_list(List::Auxiliary, w))
}

/// The sentence's half of [`denies_unsaid`], read once per sentence when
/// the engine is built: some word of it denies.
pub fn denies_anything(words: &[String]) -> bool {
    words.iter().any(|w| denial(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::test_words as q;
    use crate::text::words as w;

    #[test]
    fn a_question_stating_what_the_sentence_denies() {
        let s = "Turing machines are not intended as a practical computing technology.";
        assert!(affirms_denied(
            &q("what are intended as a practical computing technology"),
            false,
            s,
            &[]
        ));
        // Asked for a yes or a no, the denial is the answer.
        assert!(!affirms_denied(
            &q("are turing machines intended as a practical technology"),
            true,
            s,
            &[]
        ));
        // A question that denies too asks about the denial.
        assert!(!affirms_denied(
            &q("what are not intended as a practical technology"),
            false,
            s,
            &[]
        ));
        // "No efficient algorithm is known" denies "efficient", not "algorithm".
        assert!(!affirms_denied(
            &q("what is the best known algorithm"),
            false,
            "No efficient algorithm is known.",
            &[]
        ));
        // A promise or a demand reports what someone wants.
        assert!(!affirms_denied(
            &q("what did russia want about countries that join"),
            false,
            "Russia asked that Ukraine would never join the alliance.",
            &[]
        ));
        // An intent that asks about the denial vouches for the fact.
        assert!(!affirms_denied(
            &q("what are intended as a practical technology"),
            false,
            s,
            &[w("what are turing machines not intended as")]
        ));
    }

    #[test]
    fn what_a_clause_denies_and_what_intents_vouch_for_are_read_once() {
        // The first content word after each denial, stemmed as a question's
        // words are.
        assert_eq!(
            Denials::read(&w(
                "turing machines are not intended as a practical technology"
            )),
            Denials(vec![stem("intended")])
        );
        assert_eq!(
            Denials::read(&w("the gate does not open, and it is never locked")),
            Denials(vec![stem("open"), stem("locked")])
        );
        // A denial after a modal of a promise reports what someone wants.
        assert_eq!(
            Denials::read(&w("ukraine would never join the alliance")),
            Denials(Vec::new())
        );
        // Only intents that deny vouch, with all their content words.
        let vouched = Vouched::read(
            [
                w("what are turing machines not intended as"),
                w("who built the machines"),
            ]
            .iter()
            .map(Vec::as_slice),
        );
        assert!(vouched.has(&stem("intended")) && vouched.has(&stem("turing")));
        assert!(!vouched.has(&stem("built")) && !vouched.has("not"));
        // Read once, they judge as the words did.
        let asked = [stem("intended")];
        let clause = Denials::read(&w("machines are not intended as toys"));
        assert!(affirms_denied_in(&asked, &clause, &Vouched::EMPTY));
        assert!(!affirms_denied_in(&asked, &clause, &vouched));
    }

    #[test]
    fn the_engine_declines_a_question_stating_what_its_sentence_denies() {
        let article = "Zorblat notes\n\nThe Zorblat engine is not suited to cold weather.\n";
        let toml = "[article]\ntitle = \"Zorblat notes\"\n[summary]\nshort = \"S.\"\nlong = \"L.\"\n\
             [topics.all]\ntitle = \"All\"\nsummary = \"All.\"\n\
             [[fact]]\nid = \"cold\"\ntopic = \"all\"\nintents = [\"zorblat engine cold weather\"]\n\
             answer = \"No.\"\nsource = \"The Zorblat engine is not suited to cold weather.\"\n";
        let knowledge = crate::knowledge::load_str(std::path::Path::new("kb"), toml, article)
            .unwrap_or_else(|e| panic!("{e}"));
        let engine = crate::Engine::new(knowledge);
        let explained = engine.explain("what engine is suited to cold weather?", 3);
        assert!(
            explained.facts.first().is_some_and(|f| f
                .effects
                .iter()
                .any(|e| e.rule == crate::engine::Rule::AffirmsDenied)),
            "{explained}"
        );
        assert!(!matches!(
            engine.answer("what engine is suited to cold weather?"),
            crate::engine::Reply::Answered(_)
        ));
        assert!(matches!(
            engine.answer("is the zorblat engine suited to cold weather?"),
            crate::engine::Reply::Answered(_)
        ));
    }

    #[test]
    fn a_question_denying_what_the_sentence_never_denies() {
        let s = "Time and space are examples of complexity resources.";
        assert!(denies_unsaid(
            &q("what is not an example of a resource"),
            false,
            s
        ));
        assert!(!denies_unsaid(
            &q("what is an example of a resource"),
            false,
            s
        ));
        // A negation after "say" sits in a clause of its own; one far from
        // the question word in the same clause denies what is asked.
        assert!(denies_unsaid(
            &q("what type of resource is time not an example of"),
            false,
            s
        ));
        assert!(!denies_unsaid(
            &q("what is an example of a resource that is not time"),
            false,
            s
        ));
        assert!(!denies_unsaid(
            &q("which values did washington say it won't budge on"),
            false,
            s
        ));
        // A negating prefix is part of its word.
        assert!(!denies_unsaid(
            &q("which non-negotiable values are there"),
            false,
            s
        ));
        // The sentence denies something: rule `denied` reads the two.
        assert!(!denies_unsaid(
            &q("what is not an example"),
            false,
            "Space is not an example."
        ));
        assert!(!denies_unsaid(&q("is time not a resource"), true, s));
    }

    #[test]
    fn a_negated_participle_after_a_noun_describes_and_asks_nothing_unsaid() {
        let s = "Time and space are examples of complexity resources.";
        // "a resource not known to be bounded" says which resource.
        assert!(!denies_unsaid(
            &q("what is an example of a resource not known to be bounded"),
            false,
            s
        ));
        // After a verb it denies what is asked.
        assert!(denies_unsaid(
            &q("which resources are not known to be bounded"),
            false,
            s
        ));
        // After a modal too ("may" is no noun), and after a subject put
        // after "is".
        assert!(denies_unsaid(
            &q("what may not be more powerful than the others"),
            false,
            s
        ));
        assert!(denies_unsaid(
            &q("what resource is memory not known as"),
            false,
            s
        ));
    }
}
