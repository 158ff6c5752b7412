//! Rules on the kind of answer asked for: `answer-kind` (the fact cannot
//! give it: "why" needs a reason, "when" a time, "where" a place),
//! `counted-thing` ("how many X" needs a number of X, or of a word the
//! vectors take for X, with X's qualifiers: "how much economic aid" is not
//! answered by a sum of military aid),
//! `which-noun` ("which X" needs a fact that mentions X and says which, not
//! just "a X"), `what-noun` ("what X" of a noun the knowledge never uses,
//! "what rail connections", needs a fact that mentions X or a close
//! neighbour of it: the article's own words do not say what it never
//! names), `unstated-reason` ("why" is better answered by a fact that
//! states a reason in words, "because", "due to", or asks why in an intent,
//! than by one whose only reason is a "to" of purpose: "drivers to strike")
//! `reported-reason` ("why" of a view: a sentence reporting a view with a
//! verb of `[view-verbs]`, "warned that the strike would hit shops", may
//! give it without a reason word), `not-a-person` ("who" mildly prefers facts whose intents
//! ask who, as whether a fact names a doer is known only from its intents)
//! and `no-duration` ("how long" prefers facts whose sentence gives a
//! length of time, "for three weeks", without requiring one).

use std::cell::RefCell;

use super::{Fired, Reading, Rule, has};
use crate::engine::Tunables;
use crate::engine::analyze::{Analyzer, TermId};
use crate::engine::index::{Doc, Index};
use crate::engine::question::{
    Wants, asks_a_price, counted_words, how_much_at, identified_words, kind_words, what_words,
};
use crate::engine::semantic::Semantic;

/// "How many X": the words of the counted phrase the knowledge knows, and
/// which of them is the thing counted (the last one some fact counts); the
/// words before it qualify it.
#[derive(Debug, Clone, Default)]
pub struct Counted {
    phrase: Vec<TermId>,
    head: Option<usize>,
    /// Asked what the phrase cost ("how much did the bridge cost"), not
    /// how much of it there is.
    priced: bool,
    /// Asked "how much X", which a sum of money stated of X may answer
    /// ("a backlog of runway work at around £1.1bn"), where "how many X"
    /// needs X counted.
    much: bool,
    /// The counted phrase names money itself ("how much dosh"): every sum
    /// is of it, so a sum alone says nothing of the thing asked.
    money: bool,
}

impl Counted {
    /// Reads the counted phrase of a question that asks for a count or a sum.
    pub fn read(words: &[&str], wanted: Wants, analyzer: &Analyzer, index: &Index) -> Counted {
        if wanted != Wants::Count && wanted != Wants::Money {
            return Counted::default();
        }
        let phrase: Vec<TermId> = analyzer
            .analyse_known(&counted_words(words).join(" "))
            .tokens
            .iter()
            .filter_map(|t| t.term)
            .collect();
        let head = phrase.iter().rposition(|t| has(&index.counted, *t));
        let money_term = analyzer
            .analyse_known("money")
            .tokens
            .first()
            .and_then(|t| t.term);
        Counted {
            money: money_term.is_some() && phrase.last().copied() == money_term,
            phrase,
            head,
            priced: asks_a_price(words),
            much: how_much_at(words).is_some(),
        }
    }

    /// True when the fact counts the thing, or a word the vectors take for
    /// it (credit above `counted_neighbour`), with all its qualifiers (or
    /// no thing is asked to be counted).
    fn counted_by(&self, doc: &Doc, semantic: Option<&Semantic>, t: &Tunables) -> bool {
        if self.phrase.is_empty() {
            return true;
        }
        // A thing priced, not counted, is answered by a sentence that
        // gives a price ("It cost 40 million euros", "the repair bill was
        // £1.8 million"), which may name the thing by a pronoun or another
        // word ("fixing the ship"): the words then weigh it.
        if self.priced && doc.gives.prices() {
            return true;
        }
        // Nor is it answered by a count that states no sum ("12 repair
        // crews" for "how much will the repair cost").
        if self.priced && !doc.gives.can_give(Wants::Money) {
            return false;
        }
        let Some(h) = self.head else {
            // A phrase the knowledge never counts is not answered either,
            // but for a sum stated of it ("how much rent": "$1 million a
            // year in rent"); a thing priced needs a price, above.
            return !self.money && !self.priced && self.sums(self.phrase.len() - 1, doc);
        };
        // The thing counted in the fact's own words, or in a close
        // neighbour's ("departures" for "flights").
        let head = self.phrase[h];
        let counts_head = has(&doc.counted, head)
            || semantic.is_some_and(|s| {
                doc.counted
                    .iter()
                    .any(|&c| s.term_credit(head, c) > t.counted_neighbour)
            });
        (counts_head || self.sums(h, doc)) && self.phrase[..h].iter().all(|t| has(&doc.bag, *t))
    }

    /// True when asked "how much X" and the fact gives a sum of money and
    /// mentions X (the phrase's word `h`), with X's qualifiers.
    fn sums(&self, h: usize, doc: &Doc) -> bool {
        self.much
            && doc.gives.can_give(Wants::Money)
            && self.phrase[..=h].iter().all(|t| has(&doc.bag, *t))
    }
}

/// The noun of a "which X" question: its term, if the knowledge uses the
/// word, else its vector, if there is one.
#[derive(Debug, Clone)]
pub struct Identified {
    term: Option<TermId>,
    vector: Option<Vec<f32>>,
    /// Asked for its kind ("what type of X"): a fact that mentions it only
    /// as "a X" may still say which kind.
    kind: bool,
    /// Read from "what X" (rule `what-noun`), where X is a noun the
    /// knowledge never uses: only a fact that names X, or a close
    /// neighbour of it, can say what X.
    what: bool,
    /// For a noun read by its vector, whether each term met so far is close
    /// to it: the candidates share most of their terms, and each is
    /// compared once per question.
    near: RefCell<Near>,
}

/// The terms met so far for a noun read by its vector, with buffers reused
/// from one candidate to the next so that comparing a fact's new terms
/// allocates nothing once the first few are read.
#[derive(Debug, Clone, Default)]
struct Near {
    /// By term: [`UNSEEN`], [`FAR`] or [`CLOSE`]. A table by term rather
    /// than a hash map: a question with many candidates looks up a few
    /// thousand terms, and indexing costs a few instructions where hashing
    /// cost ~80 (the slowest blind questions spent ~20 k on it).
    seen: Vec<u8>,
    /// A fact's terms not met before.
    unseen: Vec<TermId>,
    /// Their credits above 0 ([`Semantic::credits`]).
    credited: Vec<(TermId, f32)>,
}

/// A term not met yet.
const UNSEEN: u8 = 0;
/// A term met and not close to the noun.
const FAR: u8 = 1;
/// A term met and close to the noun.
const CLOSE: u8 = 2;

impl Near {
    /// True when some term of `bag` (sorted) is close to the noun (its
    /// credit for `vector` above `neighbour_credit`). The terms not met
    /// before are credited in one batch, which passes over most terms after
    /// a few chunks of their vectors, where crediting them one by one reads
    /// every float: the same credits, a term not listed having none.
    fn any_in(&mut self, bag: &[TermId], vector: &[f32], s: &Semantic, t: &Tunables) -> bool {
        // The bag is sorted: its last term is its highest.
        let Some(&last) = bag.last() else {
            return false;
        };
        if self.seen.len() <= last as usize {
            self.seen.resize(last as usize + 1, UNSEEN);
        }
        // One look-up a term: a new one is entered as not close at once,
        // and so is credited below even when a known term already answers.
        self.unseen.clear();
        let mut any = false;
        for &term in bag {
            let state = &mut self.seen[term as usize];
            match *state {
                UNSEEN => {
                    *state = FAR;
                    self.unseen.push(term);
                }
                met => any |= met == CLOSE,
            }
        }
        if self.unseen.is_empty() {
            return any;
        }
        self.credited.clear();
        s.credits(vector, &self.unseen, &mut self.credited);
        // A term not listed has a credit of 0, which is close to nothing:
        // `neighbour_credit` is never below 0.
        for &(term, credit) in &self.credited {
            if credit > t.neighbour_credit {
                self.seen[term as usize] = CLOSE;
                any = true;
            }
        }
        any
    }

    /// Enters `terms` (sorted) as met, `credited` holding their credits
    /// above 0 for the noun's vector ([`Semantic::credits`] of `terms`):
    /// what [`Near::any_in`] would enter on meeting them, each term's
    /// credit being its own whatever the batch. Terms met before are left
    /// as they are.
    fn note(&mut self, terms: &[TermId], credited: &[(TermId, f32)], t: &Tunables) {
        let Some(&last) = terms.last() else {
            return;
        };
        if self.seen.len() <= last as usize {
            self.seen.resize(last as usize + 1, UNSEEN);
        }
        for &(term, credit) in credited {
            // `credited` holds terms of `terms`, all within `seen` now.
            let Some(state) = self.seen.get_mut(term as usize) else {
                continue;
            };
            if *state == UNSEEN && credit > t.neighbour_credit {
                *state = CLOSE;
            }
        }
        for &term in terms {
            let state = &mut self.seen[term as usize];
            if *state == UNSEEN {
                *state = FAR;
            }
        }
    }
}

impl Identified {
    /// Hands on the scoring's credits of a question word the knowledge
    /// never uses: when `vector` is this noun's, `terms` (sorted) are
    /// entered as met, `credited` holding their credits above 0, so that
    /// the candidates' terms are not compared with the same vector again
    /// (a "which X" question with many candidates compared ~500 terms
    /// twice).
    pub fn note_credits(
        &self,
        vector: &[f32],
        terms: &[TermId],
        credited: &[(TermId, f32)],
        t: &Tunables,
    ) {
        if self.vector.as_deref() == Some(vector) {
            self.near.borrow_mut().note(terms, credited, t);
        }
    }

    /// The nouns a "which X" question asks to identify, or else the nouns
    /// of a "what X" question that the knowledge never uses. `words` are
    /// the question's words after synonyms, `typed` as the user typed them.
    pub fn read(
        words: &[&str],
        typed: &[&str],
        analyzer: &Analyzer,
        semantic: Option<&Semantic>,
    ) -> Vec<Identified> {
        let identified = as_typed(identified_words, words, typed);
        let (mut nouns, kind) = if identified.is_empty() {
            (as_typed(kind_words, words, typed), true)
        } else {
            (identified, false)
        };
        let what = nouns.is_empty();
        if what {
            nouns = as_typed(what_words, words, typed);
        }
        // Most questions ask to identify nothing: no text to analyse.
        if nouns.is_empty() {
            return Vec::new();
        }
        analyzer
            .analyse_known(&nouns.join(" "))
            .tokens
            .iter()
            // "What X" of a noun the knowledge uses is left to the words:
            // "what proposals" is answered by a sentence about proposals.
            .filter(|t| !what || t.term.is_none())
            .map(|t| Identified {
                kind,
                what,
                term: t.term,
                vector: t
                    .term
                    .is_none()
                    .then(|| semantic?.word_vector(&t.word))
                    .flatten(),
                near: RefCell::default(),
            })
            .collect()
    }

    /// True when the fact cannot say which: it never mentions the noun (nor
    /// a close neighbour of it, for a noun the knowledge never uses), or
    /// only as "a X".
    fn unnamed_in(&self, doc: &Doc, semantic: Option<&Semantic>, t: &Tunables) -> bool {
        let only_mentioned = !self.kind && self.term.is_some_and(|term| has(&doc.unnamed, term));
        let mentioned = match self.term {
            Some(term) => has(&doc.bag, term),
            None => self.vector.as_ref().is_some_and(|v| {
                semantic.is_some_and(|s| self.near.borrow_mut().any_in(&doc.bag, v, s, t))
            }),
        };
        only_mentioned || !mentioned
    }
}

/// The nouns `read` finds, read where the question's words end as the
/// user typed them: a synonym may turn a verb into a word that reads as a
/// noun ("which company cancelled the order" read as "which company stop
/// the order"). Each noun is then taken from `words` at the same place,
/// corrected and rewritten. When synonyms changed the number of words,
/// `words` are read as they are.
fn as_typed(read: fn(&[&str]) -> Vec<String>, words: &[&str], typed: &[&str]) -> Vec<String> {
    if typed.len() != words.len() {
        return read(words);
    }
    read(typed)
        .into_iter()
        .map(|noun| match typed.iter().position(|w| *w == noun) {
            Some(at) => words[at].to_string(),
            None => noun,
        })
        .collect()
}

/// The kind rules that fire for a fact: `not-a-person` alone for "who"
/// questions, else any of `no-duration`, `answer-kind` (or
/// `unstated-reason`), `counted-thing` and `which-noun` (or `what-noun`).
pub fn check(reading: &Reading, doc: &Doc, semantic: Option<&Semantic>, t: &Tunables) -> Fired {
    let mut fired = Fired::default();
    let wanted = reading.wanted;
    if wanted == Wants::Person {
        if !doc.gives.can_give(wanted) {
            fired.add(Rule::NotAPerson);
        }
        return fired;
    }
    if wanted == Wants::Duration && !doc.gives.lasts() {
        fired.add(Rule::NoDuration);
    }
    if wanted != Wants::Any {
        // "What time": a sentence naming only the day does not tell it.
        let hourless = reading.hour && !doc.gives.tells_the_hour();
        if !doc.gives.can_give(wanted) || hourless {
            if wanted == Wants::Reason && doc.gives.reports() && t.reported_reason > 0.0 {
                fired.add(Rule::ReportedReason);
            } else if wanted == Wants::Reason && super::quoted::applies(reading, doc, t) {
                fired.add(Rule::QuotedReason);
            } else {
                fired.add(Rule::AnswerKind);
            }
        } else if wanted == Wants::Reason
            && !doc.gives.states_reason()
            && !(doc.gives.purpose_quoted() && super::quoted::applies(reading, doc, t))
        {
            // Asked why of a view, a "to" inside a quotation ("I'll have to
            // cycle nine miles") is no sign that it states no reason.
            fired.add(Rule::UnstatedReason);
        }
        if !reading.counted.counted_by(doc, semantic, t) {
            fired.add(Rule::CountedThing);
        }
    }
    for noun in &reading.identified {
        if noun.unnamed_in(doc, semantic, t) {
            fired.add(if noun.what {
                Rule::WhatNoun
            } else {
                Rule::WhichNoun
            });
        }
    }
    fired
}

#[cfg(test)]
mod tests {
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{answered_with, fired, tiny};

    #[test]
    fn a_why_question_needs_a_reason() {
        // The opening date is no reason.
        assert!(fired(
            tiny(),
            "why will the bridge open on 3 may",
            "bridge-opening",
            Rule::AnswerKind
        ));
        assert!(!fired(
            tiny(),
            "when will the bridge open",
            "bridge-opening",
            Rule::AnswerKind
        ));
    }

    #[test]
    fn too_late_for_something_says_why_it_is_missed() {
        // The same sentence with and without the excess "too ... for".
        let sailing = |source: &str| {
            let article = format!("Zorbton ferry runs late\n\n{source}\n");
            let facts = [("sailing", source)];
            crate::engine::Engine::new(crate::fixtures::drafted_like(&article, &facts, ""))
        };
        let asked = "why does the first zorbton sailing miss the morning clinics?";
        let too = sailing(
            "The first zorbton sailing now reaches the island at 10.40am, too late for morning clinics.",
        );
        assert!(!fired(&too, asked, "sailing", Rule::AnswerKind));
        let plain = sailing(
            "The first zorbton sailing now reaches the island at 10.40am, after morning clinics.",
        );
        assert!(fired(&plain, asked, "sailing", Rule::AnswerKind));
    }

    #[test]
    fn a_name_after_to_is_a_place_the_sentence_gives() {
        let facts = [
            (
                "skerrin-routes",
                "Skerrin Air, which flies to Brannock and Tolvey, will move its flights to Port Eddan.",
            ),
            (
                "skerrin-staff",
                "Skerrin Air said its staff were told on Monday.",
            ),
        ];
        let article = crate::fixtures::article_of("Skerrin Air moves", &facts);
        let e = crate::engine::Engine::new(crate::fixtures::drafted_like(&article, &facts, ""));
        let asked = "where will skerrin air move its flights";
        assert!(!fired(&e, asked, "skerrin-routes", Rule::AnswerKind));
        assert!(answered_with(&e, asked, "skerrin-routes"));
        // A sentence with no place still gives none.
        let staff = "where were skerrin air's staff told";
        assert!(fired(&e, staff, "skerrin-staff", Rule::AnswerKind));
    }

    #[test]
    fn a_sentence_s_place_belongs_to_the_fact_asking_where() {
        let sentence = "Anna Pell, envoy to Kerrow, spoke at a briefing in Tavis Hall.";
        let article = format!("Envoy speaks\n\n{sentence}\n");
        let knowledge = crate::fixtures::one_topic(
            &article,
            &[
                ("briefing-hall", "where was the briefing", sentence),
                ("pell-role", "what is anna pell's job", sentence),
            ],
        );
        let e = crate::engine::Engine::new(knowledge);
        let asked = "where did anna pell give her briefing";
        assert!(!fired(&e, asked, "briefing-hall", Rule::AnswerKind));
        assert!(fired(&e, asked, "pell-role", Rule::AnswerKind));
    }

    #[test]
    fn how_many_needs_a_number_of_that_thing() {
        assert!(answered_with(
            tiny(),
            "how many workers built the bridge",
            "bridge-workers"
        ));
        assert!(!fired(
            tiny(),
            "how many workers built the bridge",
            "bridge-workers",
            Rule::CountedThing
        ));
        // The article counts no steel.
        assert!(fired(
            tiny(),
            "how many tons of steel did germany pay for",
            "bridge-grant",
            Rule::CountedThing
        ));
        // "Local workers" qualifies the count; the article does not say so.
        assert!(fired(
            tiny(),
            "how many local workers built the bridge",
            "bridge-workers",
            Rule::CountedThing
        ));
        assert!(!answered_with(
            tiny(),
            "how many local workers built the bridge",
            "bridge-workers"
        ));
    }

    #[test]
    fn how_far_needs_a_distance() {
        let article = "A new airport\n\nThe airport, 45 miles from Millbrook, opens in May.\n\n\
                       The 12 hotels near Millbrook are full.\n";
        let facts = [
            (
                "airport-distance",
                "airport millbrook opens may",
                "The airport, 45 miles from Millbrook, opens in May.",
            ),
            (
                "hotels-full",
                "hotels millbrook full",
                "The 12 hotels near Millbrook are full.",
            ),
        ];
        let engine = crate::engine::Engine::new(crate::fixtures::one_topic(article, &facts));
        let question = "how far is millbrook from the airport";
        // "far" says what is asked; it stands in no sentence word's place,
        // though the knowledge writes its opposite "near".
        assert!(!fired(
            &engine,
            question,
            "airport-distance",
            Rule::SubstitutedWord
        ));
        assert!(!fired(
            &engine,
            question,
            "airport-distance",
            Rule::AnswerKind
        ));
        // Twelve hotels are no distance.
        assert!(fired(&engine, question, "hotels-full", Rule::AnswerKind));
        assert!(answered_with(&engine, question, "airport-distance"));
    }

    #[test]
    fn a_percentage_of_a_fare_is_an_amount_of_money() {
        let facts = [
            (
                "voucher",
                "Travellers who wait for a later zorbton crossing will get a voucher worth 50 percent of their fare.",
            ),
            (
                "vouchers",
                "The zorbton operator has handed out 12 vouchers since May.",
            ),
        ];
        let article = crate::fixtures::article_of("Zorbton crossings cut", &facts);
        let engine =
            crate::engine::Engine::new(crate::fixtures::drafted_like(&article, &facts, ""));
        let asked = "how much is the voucher worth on a later zorbton crossing";
        // Half the fare is what the voucher is worth; no currency is written.
        assert!(!fired(&engine, asked, "voucher", Rule::AnswerKind));
        assert!(answered_with(&engine, asked, "voucher"));
        // Twelve vouchers are no sum of money.
        let handed = "how much were the vouchers the zorbton operator handed out since may worth";
        assert!(fired(&engine, handed, "vouchers", Rule::AnswerKind));
    }

    #[test]
    fn a_place_needs_no_name_after_a_word_that_locates() {
        let article = "A new pier\n\nLamps will be fitted near the far end of the pier.\n\n\
                       Lamps will be fitted for the summer season.\n";
        let facts = [
            (
                "pier-lamps",
                "lamps fitted pier end",
                "Lamps will be fitted near the far end of the pier.",
            ),
            (
                "season-lamps",
                "lamps fitted summer season",
                "Lamps will be fitted for the summer season.",
            ),
        ];
        let engine = crate::engine::Engine::new(crate::fixtures::one_topic(article, &facts));
        let question = "where will lamps be fitted";
        // "near the far end" says where, though it names no place.
        assert!(!fired(&engine, question, "pier-lamps", Rule::AnswerKind));
        assert!(fired(&engine, question, "season-lamps", Rule::AnswerKind));
    }

    #[test]
    fn which_body_asks_who_and_a_name_answers_it() {
        let article = "A new pier\n\nThe Civil Aviation Authority must approve the pier before it opens.\n\n\
                       The pier and its wooden body will open before the summer.\n";
        let facts = [
            (
                "trust-approves",
                "civil aviation authority approve pier opens",
                "The Civil Aviation Authority must approve the pier before it opens.",
            ),
            (
                "pier-opens",
                "pier wooden body open summer",
                "The pier and its wooden body will open before the summer.",
            ),
        ];
        let mut knowledge = crate::fixtures::one_topic(article, &facts);
        knowledge.facts[0]
            .intents
            .push("who is civil aviation authority".to_string());
        let engine = crate::engine::Engine::new(knowledge);
        let question = "which body must approve the pier before it opens";
        // The sentence never says "body"; its name answers "which body".
        assert!(!fired(&engine, question, "trust-approves", Rule::WhichNoun));
        assert!(answered_with(&engine, question, "trust-approves"));
        // It asks who: a sentence with no "who" intent is judged so.
        assert!(fired(&engine, question, "pier-opens", Rule::NotAPerson));
        assert!(!fired(&engine, question, "pier-opens", Rule::WhichNoun));
    }

    #[test]
    fn which_bodies_ask_who_though_a_verb_follows_the_noun() {
        let article = "A harbour\n\nThe harbour is run jointly by the Zorbton Harbour Trust and \
                       Mellick Council.\n\nThe harbour has a wooden pier.\n\n\
                       Mellick has a new bakery.\n";
        let facts = [
            (
                "harbour-run",
                "harbour run jointly zorbton trust mellick council",
                "The harbour is run jointly by the Zorbton Harbour Trust and Mellick Council.",
            ),
            (
                "harbour-pier",
                "harbour wooden pier",
                "The harbour has a wooden pier.",
            ),
            ("bakery", "mellick new bakery", "Mellick has a new bakery."),
        ];
        let engine = crate::engine::Engine::new(crate::fixtures::one_topic(article, &facts));
        // "share" reads as a noun after "organisations", and "control",
        // which the knowledge never uses, ended the phrase read: the
        // question asks who, and names answer it.
        let question = "which organisations share control of zorbton harbour";
        assert!(!fired(&engine, question, "harbour-run", Rule::WhichNoun));
        // A "which X" of a noun that is no body still needs X named.
        let question = "which boats share control of zorbton harbour";
        assert!(fired(&engine, question, "harbour-run", Rule::WhichNoun));
    }

    /// An airport whose departures, hotels and flights a count may be of.
    const AIRPORT: &str = "A busy airport\n\nThe airport normally operates 62 departures a week.\n\n\
                           The airport operates 12 hotels nearby.\n\n40 flights to Spain resume in May.\n";

    /// One fact a sentence of [`AIRPORT`], as `citebot init` drafts them.
    const AIRPORT_FACTS: [(&str, &str, &str); 3] = [
        (
            "departures",
            "airport normally operates departures week",
            "The airport normally operates 62 departures a week.",
        ),
        (
            "hotels",
            "airport operates hotels nearby",
            "The airport operates 12 hotels nearby.",
        ),
        (
            "spain",
            "40 flights spain resume may",
            "40 flights to Spain resume in May.",
        ),
    ];

    #[test]
    fn how_many_is_answered_by_a_count_of_a_near_word() {
        let (article, facts) = (AIRPORT, AIRPORT_FACTS);
        // Made-up vectors: flights and departures point one way, hotels
        // another.
        let words = ["flights", "departures", "hotels", "airport", "week"];
        let vectors = [
            vec![1.0, 0.1, 0.0],
            vec![0.95, 0.2, 0.0],
            vec![0.0, 0.1, 1.0],
            vec![0.0, 1.0, 0.0],
            vec![0.3, 0.3, 0.9],
        ];
        let vectors = crate::vectors::Vectors::from_f32(
            words.iter().map(|w| w.to_string()).collect(),
            &vectors,
        );
        let knowledge = crate::fixtures::one_topic(article, &facts);
        let engine = crate::engine::Engine::with_vectors(knowledge, std::sync::Arc::new(vectors));
        let question = "how many flights a week does the airport operate";
        // The sentence counts departures, which the vectors take for
        // flights (another sentence counts flights themselves); "a week"
        // is the rate, not a qualifier of the flights.
        assert!(!fired(&engine, question, "departures", Rule::CountedThing));
        assert!(answered_with(&engine, question, "departures"));
        // Twelve hotels are no count of flights.
        assert!(fired(&engine, question, "hotels", Rule::CountedThing));
        // Without vectors, departures are not flights.
        let plain = crate::engine::Engine::new(crate::fixtures::one_topic(article, &facts));
        assert!(fired(&plain, question, "departures", Rule::CountedThing));
    }

    /// A made-up article where one sentence prices the bridge by a pronoun
    /// and another only mentions steel beside an amount.
    fn priced() -> crate::engine::Engine {
        let article = "A new bridge\n\nThe new bridge opened on Monday. It cost 40 million euros.\n\n\
                       The town also got $2 million in aid, including steel beams.\n";
        let facts = [
            (
                "bridge-cost",
                "cost million euros",
                "It cost 40 million euros.",
            ),
            (
                "aid",
                "town aid steel beams",
                "The town also got $2 million in aid, including steel beams.",
            ),
        ];
        crate::engine::Engine::new(crate::fixtures::one_topic(article, &facts))
    }

    #[test]
    fn a_price_asked_of_a_thing_needs_a_sentence_that_prices() {
        let engine = priced();
        // "It cost": the sentence prices what the question names.
        assert!(!fired(
            &engine,
            "how much did the bridge cost",
            "bridge-cost",
            Rule::CountedThing
        ));
        // An amount beside the steel is no price of the steel.
        assert!(fired(
            &engine,
            "how much did the steel beams cost",
            "aid",
            Rule::CountedThing
        ));
    }

    /// A made-up article where repairs and road work are counted in one
    /// sentence and given a sum of money in another, with no verb of cost.
    fn summed() -> crate::engine::Engine {
        let article = "Road repairs\n\nSome 12 repair crews and 30 work gangs started on Monday.\n\n\
                       The road repair bill is expected to be about £3 million.\n\n\
                       The backlog of road work is put at £5 million.\n\n\
                       The council also got £2 million in aid.\n";
        let facts = [
            (
                "crews",
                "repair crews work gangs started",
                "Some 12 repair crews and 30 work gangs started on Monday.",
            ),
            (
                "bill",
                "road repair bill expected",
                "The road repair bill is expected to be about £3 million.",
            ),
            (
                "backlog",
                "backlog road work",
                "The backlog of road work is put at £5 million.",
            ),
            (
                "aid",
                "council aid",
                "The council also got £2 million in aid.",
            ),
        ];
        crate::engine::Engine::new(crate::fixtures::one_topic(article, &facts))
    }

    #[test]
    fn a_price_is_given_by_a_bill_though_the_thing_is_counted_elsewhere() {
        let engine = summed();
        let question = "how much will the repair cost";
        // "12 repair crews" counts repairs but gives no price; the bill
        // gives one, though it counts nothing.
        assert!(!fired(&engine, question, "bill", Rule::CountedThing));
        assert!(fired(&engine, question, "crews", Rule::CountedThing));
        assert!(answered_with(&engine, question, "bill"));
    }

    #[test]
    fn how_much_of_a_thing_is_answered_by_a_sum_stated_of_it() {
        let engine = summed();
        let question = "how much road work is outstanding";
        assert!(!fired(&engine, question, "backlog", Rule::CountedThing));
        // "How many" still needs the thing counted.
        assert!(fired(
            &engine,
            "how many road work gangs are there",
            "backlog",
            Rule::CountedThing
        ));
    }

    fn rented() -> crate::engine::Engine {
        let article = "Depot\n\nThe council pays £1 million a year in rent for the depot, money well spent.\n\n\
                       The council has 12 repair crews at the depot.\n";
        let facts = [
            (
                "rent",
                "council pays rent depot money",
                "The council pays £1 million a year in rent for the depot, money well spent.",
            ),
            (
                "crews",
                "council repair crews depot",
                "The council has 12 repair crews at the depot.",
            ),
        ];
        crate::engine::Engine::new(crate::fixtures::one_topic(article, &facts))
    }

    #[test]
    fn how_much_of_a_thing_no_fact_counts_is_answered_by_a_sum_stated_of_it() {
        let engine = rented();
        // No number counts "rent" (it comes five words after the sum), yet
        // the sentence states a sum of it.
        let question = "how much rent does the council pay for the depot";
        assert!(!fired(&engine, question, "rent", Rule::CountedThing));
        // Asked for money itself, a sum alone does not single a fact out.
        assert!(fired(
            &engine,
            "how much dosh does the council pay for the depot",
            "rent",
            Rule::CountedThing
        ));
    }

    #[test]
    fn how_much_longer_asks_a_difference_not_a_thing_counted() {
        let article = "A slower boat\n\nThe crossing on the relief boat takes longer, at two \
                       hours and ten minutes, compared with 90 minutes on the old boat.\n\n\
                       The old boat carried 40 cars a trip.\n";
        let facts = [
            (
                "crossing",
                "crossing relief boat takes longer hours minutes old boat",
                "The crossing on the relief boat takes longer, at two hours and ten minutes, compared with 90 minutes on the old boat.",
            ),
            (
                "cars",
                "old boat carried cars trip",
                "The old boat carried 40 cars a trip.",
            ),
        ];
        let engine = crate::engine::Engine::new(crate::fixtures::one_topic(article, &facts));
        let question = "how much longer does the crossing on the relief boat take";
        // "longer" (a word the knowledge uses) is no thing counted: the
        // sentence comparing the two crossings answers it.
        assert!(!fired(&engine, question, "crossing", Rule::CountedThing));
        assert!(answered_with(&engine, question, "crossing"));
    }

    #[test]
    fn which_needs_a_fact_that_says_which() {
        // "A local newspaper" does not say which one.
        assert!(fired(
            tiny(),
            "which newspaper praised the project",
            "newspaper-praise",
            Rule::WhichNoun
        ));
        assert!(!answered_with(
            tiny(),
            "which newspaper praised the project",
            "newspaper-praise"
        ));
    }

    /// A made-up harbour where one sentence names the vessel hired and
    /// another mentions an engineer without naming him; a buyer stops an
    /// order, and a company runs the port.
    fn harbour() -> crate::engine::Engine {
        let article = "Harbour fire\n\nOne engineer was treated in hospital after the fire.\n\n\
                       The port hired a tug, the Sea Otter, from Oban.\n\n\
                       The fuel buyer stopped the order. The company runs the port.\n";
        let facts = [
            (
                "engineer-treated",
                "engineer treated hospital fire",
                "One engineer was treated in hospital after the fire.",
            ),
            (
                "tug-hired",
                "port hired tug oban",
                "The port hired a tug, the Sea Otter, from Oban.",
            ),
            (
                "order-stopped",
                "fuel buyer stopped order",
                "The fuel buyer stopped the order.",
            ),
            (
                "company-port",
                "company runs port",
                "The company runs the port.",
            ),
        ];
        crate::engine::Engine::new(crate::fixtures::one_topic(article, &facts))
    }

    #[test]
    fn the_name_asked_needs_a_fact_that_names_the_thing() {
        let engine = harbour();
        // "One engineer" does not name him: the question is not answered.
        let question = "what was the name of the engineer treated in hospital";
        assert!(fired(
            &engine,
            question,
            "engineer-treated",
            Rule::WhichNoun
        ));
        assert!(!answered_with(&engine, question, "engineer-treated"));
        // "a tug, the Sea Otter" names the tug.
        let question = "what is the name of the tug the port hired";
        assert!(!fired(&engine, question, "tug-hired", Rule::WhichNoun));
        assert!(answered_with(&engine, question, "tug-hired"));
    }

    #[test]
    fn the_noun_to_identify_ends_where_the_typed_verb_starts() {
        // Synonyms read "cancelled" as "stop", which the buyer's sentence
        // writes: the noun asked is still "company", which it does not.
        let question = "which company cancelled the fuel order";
        assert!(fired(
            &harbour(),
            question,
            "order-stopped",
            Rule::WhichNoun
        ));
    }

    #[test]
    fn what_of_a_noun_never_used_needs_a_fact_that_names_it() {
        // The article never gives the steel's colour: the sentences about
        // the steel and the grant do not say what colour it is.
        let question = "what colour is the steel the grant pays for";
        for fact in ["grant-purpose", "bridge-grant"] {
            assert!(fired(tiny(), question, fact, Rule::WhatNoun), "{fact}");
        }
        // A noun the knowledge uses is left to the words.
        let question = "what grant did germany give for the bridge";
        assert!(!fired(tiny(), question, "bridge-grant", Rule::WhatNoun));
        assert!(answered_with(tiny(), question, "bridge-grant"));
    }

    #[test]
    fn what_kind_needs_a_fact_that_mentions_the_thing() {
        // "A local newspaper" is a kind of newspaper; a sentence with no
        // newspaper gives none.
        let question = "what kind of newspaper praised the project";
        assert!(!fired(
            tiny(),
            question,
            "newspaper-praise",
            Rule::WhichNoun
        ));
        assert!(answered_with(tiny(), question, "newspaper-praise"));
        let question = "what kind of newspaper said the bridge was too costly";
        assert!(fired(tiny(), question, "france-cost", Rule::WhichNoun));
    }

    #[test]
    fn who_prefers_facts_that_ask_who() {
        assert!(fired(
            tiny(),
            "who built the bridge in two years",
            "bridge-workers",
            Rule::NotAPerson
        ));
        assert!(!fired(
            tiny(),
            "who paid for the bridge",
            "bridge-grant",
            Rule::NotAPerson
        ));
    }

    #[test]
    fn how_long_prefers_a_fact_that_gives_a_length_of_time() {
        // "in two years" is a length of time; "on 3 May" and "$2 million"
        // are not.
        let question = "how long did the workers take to build the bridge";
        assert!(!fired(tiny(), question, "bridge-workers", Rule::NoDuration));
        let question = "how long will the new bridge be open";
        assert!(fired(tiny(), question, "bridge-opening", Rule::NoDuration));
        let question = "how long did the german grant for the bridge last";
        assert!(fired(tiny(), question, "bridge-grant", Rule::NoDuration));
        // Asked when, the rule stays out of it.
        let question = "when will the new bridge open";
        assert!(!fired(tiny(), question, "bridge-opening", Rule::NoDuration));
    }

    #[test]
    fn when_prefers_a_point_in_time_to_a_length_of_time() {
        let article = "A village shop\n\nMara has run the village shop and its delivery van \
                       for 19 years.\n\nThe council said the new delivery van is due on 17 March.\n";
        let facts = [
            (
                "shop-span",
                "mara run village shop delivery van years",
                "Mara has run the village shop and its delivery van for 19 years.",
            ),
            (
                "van-date",
                "council new delivery van due march",
                "The council said the new delivery van is due on 17 March.",
            ),
        ];
        let engine = crate::engine::Engine::new(crate::fixtures::one_topic(article, &facts));
        let question = "when is the new delivery van for the village shop due";
        // Nineteen years of running the shop say nothing of when the van
        // comes; "17 March" does.
        assert!(fired(&engine, question, "shop-span", Rule::AnswerKind));
        assert!(!fired(&engine, question, "van-date", Rule::AnswerKind));
        assert!(!answered_with(&engine, question, "shop-span"));
    }

    #[test]
    fn what_time_needs_a_time_of_day_not_a_day() {
        let article = "A village hall\n\nThe village hall will hold a meeting on Saturday.\n\n\
                       The doors of the hall open at 7 pm for the quiz.\n\n\
                       Volunteers will lock the hall at midnight.\n";
        let facts = [
            (
                "meeting-day",
                "village hall meeting saturday",
                "The village hall will hold a meeting on Saturday.",
            ),
            (
                "doors-open",
                "doors hall open quiz",
                "The doors of the hall open at 7 pm for the quiz.",
            ),
            (
                "hall-locked",
                "volunteers lock hall",
                "Volunteers will lock the hall at midnight.",
            ),
        ];
        let engine = crate::engine::Engine::new(crate::fixtures::one_topic(article, &facts));
        // Saturday is the day, not the time the meeting starts.
        let question = "what time does the saturday meeting at the village hall start";
        assert!(fired(&engine, question, "meeting-day", Rule::AnswerKind));
        assert!(!answered_with(&engine, question, "meeting-day"));
        // A clock time and a time-of-day word tell it.
        let question = "at what time do the doors of the hall open";
        assert!(!fired(&engine, question, "doors-open", Rule::AnswerKind));
        let question = "what time will volunteers lock the hall";
        assert!(!fired(&engine, question, "hall-locked", Rule::AnswerKind));
        // Asked when, the day does answer.
        let question = "when is the meeting at the village hall";
        assert!(!fired(&engine, question, "meeting-day", Rule::AnswerKind));
    }

    /// The airport facts with the embedded word vectors, as the batched
    /// credit tests compare them.
    fn airport_with_vectors() -> crate::engine::Engine {
        let vectors = crate::vectors::embedded().unwrap_or_else(|e| panic!("{e}"));
        let knowledge = crate::fixtures::one_topic(AIRPORT, &AIRPORT_FACTS);
        crate::engine::Engine::with_vectors(knowledge, vectors)
    }

    #[test]
    fn the_batched_comparison_finds_the_close_terms_one_by_one_finds() {
        // Each fact's terms against nouns the knowledge never uses, the
        // table shared across facts as a question shares it across its
        // candidates, and fresh for each: what crediting every term alone
        // says.
        let engine = airport_with_vectors();
        let Some(s) = engine.semantic.as_ref() else {
            panic!("the engine has no vectors");
        };
        let t = &engine.tunables;
        let mut close = 0;
        for word in ["planes", "motels", "building", "money", "country"] {
            let Some(v) = s.word_vector(word) else {
                panic!("no vector for {word}");
            };
            let mut shared = super::Near::default();
            for doc in &engine.index.docs {
                let alone = doc
                    .bag
                    .iter()
                    .any(|&b| s.credit(&v, b) > t.neighbour_credit);
                assert_eq!(shared.any_in(&doc.bag, &v, s, t), alone, "{word}");
                let mut fresh = super::Near::default();
                assert_eq!(fresh.any_in(&doc.bag, &v, s, t), alone, "{word}");
                // Asked again, from the table alone.
                assert_eq!(shared.any_in(&doc.bag, &v, s, t), alone, "{word}");
                close += usize::from(alone);
            }
        }
        assert!(close > 0);
    }

    #[test]
    fn terms_noted_from_the_scoring_s_credits_answer_as_terms_credited_alone() {
        // The facts' terms but every third (as the scoring leaves out the
        // question's own terms), credited in one batch and noted; the
        // others are met only by the facts' bags.
        let engine = airport_with_vectors();
        let Some(s) = engine.semantic.as_ref() else {
            panic!("the engine has no vectors");
        };
        let t = &engine.tunables;
        let mut terms: Vec<crate::engine::analyze::TermId> = engine
            .index
            .docs
            .iter()
            .flat_map(|d| d.bag.iter().copied())
            .collect();
        terms.sort_unstable();
        terms.dedup();
        let noted: Vec<crate::engine::analyze::TermId> = (1..)
            .zip(&terms)
            .filter(|(i, _)| i % 3 != 0)
            .map(|(_, &term)| term)
            .collect();
        let (mut close, mut noted_close) = (0, 0);
        for word in ["planes", "motels", "building", "money", "country"] {
            let Some(v) = s.word_vector(word) else {
                panic!("no vector for {word}");
            };
            let mut credited = Vec::new();
            s.credits(&v, &noted, &mut credited);
            let mut near = super::Near::default();
            near.note(&noted, &credited, t);
            noted_close += noted
                .iter()
                .filter(|&&b| s.credit(&v, b) > t.neighbour_credit)
                .count();
            for doc in &engine.index.docs {
                let alone = doc
                    .bag
                    .iter()
                    .any(|&b| s.credit(&v, b) > t.neighbour_credit);
                assert_eq!(near.any_in(&doc.bag, &v, s, t), alone, "{word}");
                close += usize::from(alone);
            }
        }
        assert!(close > 0, "no fact holds a close term");
        assert!(noted_close > 0, "no noted term is close");
        assert!(noted.len() < terms.len());
    }
}
