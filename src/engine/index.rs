//! The searchable form of the knowledge: one document per fact (its intents,
//! keywords and a bag of all its words), term weights, postings for picking
//! candidates, and the named entities the knowledge mentions.

use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use super::analyze::{Analyzer, TermId, Token};
use super::question::{
    Gives, Wants, asks_the_hour, counted_words, sentence_counted_words, sentence_unnamed_words,
    wants_of,
};
use crate::knowledge::Knowledge;
use crate::language::{List, language};
use crate::lexicon;

/// What a document answers: one of the knowledge's facts, or an article
/// sentence that no fact cites (the fallback).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Index into `Knowledge::facts`.
    Fact(usize),
    /// Index into `Article::sentences`.
    Sentence(usize),
}

/// A list of terms, shared by every document that has the same one (facts
/// citing one sentence, or written with the same intent): at 100,000 facts,
/// separate copies were most of the engine's memory.
pub type Terms = Arc<[TermId]>;

/// One searchable document.
#[derive(Debug, Clone)]
pub struct Doc {
    /// What it answers.
    pub target: Target,
    /// Index of the cited sentence.
    pub sentence: usize,
    /// Each intent (and keyword) as sorted, unique terms.
    pub intents: Box<[Terms]>,
    /// Total weight of each intent's terms.
    pub intent_weight: Box<[f32]>,
    /// How many terms its intents hold in all: what reading them term by
    /// term costs, to choose how to score it.
    pub intent_terms: usize,
    /// The kind of answer each intent asks for.
    pub intent_wants: Box<[Wants]>,
    /// Every term of the document, sorted and unique.
    pub bag: Box<[TermId]>,
    /// [`Doc::bag`] as bits ([`bag_bits`]): a document's terms are mostly
    /// numbered together, so a few words of 64 bits hold them all.
    pub bag_bits: Box<[(u32, u64)]>,
    /// Kinds of answer it can give.
    pub gives: Gives,
    /// Terms it gives a number of ("283 tons of ammunition": tons, ammunition), sorted.
    pub counted: Terms,
    /// Named entities its source sentence mentions (first term of each), sorted.
    pub entities: Terms,
    /// Those of [`Doc::entities`] its sentence names only as a place, after
    /// a word of `[place-prepositions]` ("a shipyard on the Clyde"), sorted:
    /// where the fact happens, not who or what it tells of.
    pub placed: Terms,
    /// Its intents and source sentence as ordered terms, to tell who did what to whom.
    pub sequences: Box<[Terms]>,
    /// The number among [`Index::places`] of where each term that may
    /// name an entity ([`Index::may_name`]) stands in [`Doc::sequences`]:
    /// rule `roles-swapped` reads these few places instead of every term
    /// of every sequence.
    pub places: u32,
    /// The first document that reads as this one: itself, unless it is a
    /// copy of an earlier fact's (the same sentence, intents, keywords,
    /// answer and actors), which holds the same terms and sequences. A
    /// search that only reads those checks each reading once.
    pub reading: u32,
    /// Terms its sentence only mentions without saying which ("a German
    /// newspaper": newspaper), sorted: it cannot answer "which newspaper".
    pub unnamed: Terms,
    /// Who speaks in its sentence ("Blinken said", "Klitschko ... told"), sorted.
    pub speakers: Terms,
    /// Who does what it tells (first term of each of the fact's actors),
    /// sorted; empty when the knowledge does not say.
    pub actors: Terms,
    /// Terms it holds only in intents asking "why", sorted: a drafted
    /// sentence that gives the reason for the one before it carries that
    /// one's words in its "why" intent, and they count for its whole bag
    /// only when the question asks why (rule `why-words`).
    pub why_only: Terms,
}

/// Where a term stands in one of a document's sequences: its first and
/// last position there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    /// The term.
    pub term: TermId,
    /// The sequence's number among [`Doc::sequences`].
    pub sequence: u32,
    /// Its first position in the sequence.
    pub first: u32,
    /// Its last position in the sequence.
    pub last: u32,
}

/// The places of the terms `may_name` marks in a document's sequences.
fn places_of(sequences: &[Terms], may_name: &[u64]) -> Box<[Place]> {
    let mut places: Vec<Place> = Vec::new();
    for (sequence, terms) in (0u32..).zip(sequences.iter()) {
        let start = places.len();
        for (at, &term) in (0u32..).zip(terms.iter()) {
            if !is_marked(may_name, term) {
                continue;
            }
            match places[start..].iter_mut().find(|p| p.term == term) {
                Some(place) => place.last = at,
                None => places.push(Place {
                    term,
                    sequence,
                    first: at,
                    last: at,
                }),
            }
        }
    }
    places.sort_unstable();
    places.into_boxed_slice()
}

/// Whether a term's bit is set in a bit set of terms.
fn is_marked(bits: &[u64], term: TermId) -> bool {
    bits.get(term as usize / 64)
        .is_some_and(|word| word & (1 << (term % 64)) != 0)
}

/// What a cited sentence gives every fact citing it: its terms, the kinds
/// of answer it gives, the terms it counts and those it leaves unnamed.
type SentenceTerms = (Terms, Gives, Vec<TermId>, Terms);

/// What an intent's text gives: its terms in order and sorted, the kind of
/// answer it asks for, the last term it counts and whether it asks a time
/// of day.
type IntentTerms = (Terms, Terms, Wants, Option<TermId>, bool);

/// What a fact's document is read from: its sentence's number, intents,
/// keywords, answer and actors.
type FactKey<'k> = (usize, &'k [String], &'k [String], &'k str, &'k [String]);

/// One shared copy of each distinct list of terms.
#[derive(Default)]
struct Interner(HashMap<Terms, ()>);

impl Interner {
    /// The shared copy of `terms`.
    fn intern(&mut self, terms: Vec<TermId>) -> Terms {
        if let Some((shared, _)) = self.0.get_key_value(terms.as_slice()) {
            return shared.clone();
        }
        let shared: Terms = terms.into();
        self.0.insert(shared.clone(), ());
        shared
    }
}

/// The documents and term statistics of one knowledge base.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// All documents: facts first, then uncited sentences.
    pub docs: Vec<Doc>,
    /// Weight (inverse document frequency) of each term.
    pub idf: Vec<f32>,
    /// Documents containing each term.
    pub postings: Vec<Vec<u32>>,
    /// The long, dense postings also as bit sets of their documents
    /// ([`super::shortlist::members`]), by term.
    pub members: HashMap<TermId, super::shortlist::Members>,
    /// The (document, intent) pairs whose intent contains each term, in
    /// document then intent order: scoring follows the question's matches
    /// instead of reading every intent of every candidate.
    pub intent_postings: Vec<Vec<(u32, u32)>>,
    /// Weight of a question word the knowledge never uses (before its English rarity).
    pub unseen_weight: f32,
    /// Named entities (the gazetteer's and the article's own names) as
    /// their stems joined by spaces. One string per name, so a window of a
    /// question is looked up without building a key of its own.
    pub entities: HashMap<String, EntityName>,
    /// Longest entity, in words.
    pub longest_entity: usize,
    /// For the first stem of each entity, the longest entity it starts, in
    /// words: a question word that starts none is passed over with one
    /// look-up instead of one per length.
    pub entity_starts: HashMap<String, usize>,
    /// [`Index::entity_starts`] by term, for each term of the vocabulary:
    /// the words a name of that term's stem starts at most (with
    /// [`Index::longest_entity`] for a stem of several words), 0 when none.
    /// A question's known word is read here with no look-up of its stem.
    pub entity_starts_by_term: Vec<u32>,
    /// Terms some document gives a number of, sorted: which word of "how
    /// many troops russia put" is the thing counted.
    pub counted: Vec<TermId>,
    /// For a capital the knowledge uses as its own term ("kyiv"), its
    /// country's term ("ukraine"), so each stands for the other in guards.
    pub country_of: HashMap<TermId, TermId>,
    /// Every number the article gives, as its words write it ("1965",
    /// "n2"): rule `other-number` reads a question's number against these.
    pub article_numbers: rustc_hash::FxHashSet<String>,
    /// For each article sentence, whether it reports someone's words or
    /// view (rule `nothing-said`, [`super::rules::nothing_said::reports_speech`]),
    /// read once here instead of splitting the sentence for each question.
    pub reports_speech: Vec<bool>,
    /// For each article sentence, whether the sentence after it gives a
    /// reason for it (rule `following-reason`,
    /// [`super::rules::following::followers`]), read once here.
    pub reason_follows: Vec<bool>,
    /// For each article sentence, its counts as a question may write them
    /// (rule `asked-figure`, [`super::short_answer::Counts`]): a question
    /// writing none of them is no question about its figure.
    pub counts: Vec<super::short_answer::Counts>,
    /// For each article sentence, the sorted terms of its whole paragraph
    /// (one copy shared by the paragraph's sentences): rule
    /// `paragraph-context` reads the question against it.
    pub context: Vec<Terms>,
    /// Average number of distinct terms of a document: rule
    /// `sentence-length` reads a fact's length against it.
    pub average_len: f32,
    /// For each article sentence, the sorted terms of it and its neighbours
    /// in its paragraph: rule `neighbour-context` reads the question against it.
    pub window: Vec<Terms>,
    /// For each article sentence that points back ("it", "these"), the
    /// sorted terms of the sentence before it in its paragraph that it does
    /// not use; empty for the others: rule `antecedent` reads the question
    /// against it.
    pub antecedent: Vec<Terms>,
    /// For each article sentence someone the article names speaks in, the
    /// sorted terms of their name and role, and of the question's "say",
    /// that it does not use; empty for
    /// the others: rule `quoted-speaker` reads the question against it.
    pub speaker: Vec<Terms>,
    /// Neighbouring terms of the documents' sequences where one is an
    /// opposite of some word ([`super::rules::substituted::opposite_pairs`]).
    pub opposite_pairs: rustc_hash::FxHashSet<(TermId, TermId)>,
    /// One bit per term: the terms that may name an entity (a sentence's
    /// entities, the names' own terms, capitals and their countries),
    /// whose places each document keeps ([`Doc::places`]).
    pub may_name: Vec<u64>,
    /// The documents' places ([`Doc::places`]), one list for each distinct
    /// list of sequences.
    pub places: Vec<Box<[Place]>>,
    /// For each list of [`Index::places`], its terms as bits of a word (by
    /// term modulo 64): a name whose bit is not set has no place there.
    pub place_bits: Vec<u64>,
}

/// Sorted terms as bits: each word of 64 terms (term `t` is bit `t % 64`
/// of word `t / 64`) that holds one of them, with their bits, in order.
pub fn bag_bits(sorted: &[TermId]) -> Box<[(u32, u64)]> {
    let mut words: Vec<(u32, u64)> = Vec::new();
    for &t in sorted {
        let (word, bit) = (t / 64, 1 << (t % 64));
        match words.last_mut() {
            Some((last, bits)) if *last == word => *bits |= bit,
            _ => words.push((word, bit)),
        }
    }
    words.into()
}

fn sorted_terms(terms: impl IntoIterator<Item = TermId>) -> Vec<TermId> {
    let mut v: Vec<TermId> = terms.into_iter().collect();
    v.sort_unstable();
    v.dedup();
    v
}

impl Index {
    /// Builds documents, weights and postings for the knowledge;
    /// `article_names` are the article's own names
    /// ([`super::names::article_names`]), when the entity rules use them.
    pub fn new(
        knowledge: &Knowledge,
        analyzer: &Analyzer,
        article_names: Option<&Vec<Vec<String>>>,
    ) -> Index {
        let mut interner = Interner::default();
        let mut docs = fact_docs(knowledge, analyzer, &mut interner);
        let first = docs.len();
        docs.extend(sentence_docs(knowledge, analyzer, &mut interner, first));
        keep_reasons_to_their_facts(&mut docs);
        keep_places_to_their_facts(&mut docs);
        let vocabulary = analyzer.vocabulary_len();
        let postings: Vec<Vec<u32>> = postings_of(&docs, vocabulary, |doc, add| {
            for &t in &doc.bag {
                add(t, 0);
            }
        });
        let members = postings
            .iter()
            .enumerate()
            .filter_map(|(t, p)| Some((t as TermId, super::shortlist::members(p, docs.len())?)))
            .collect();
        let intent_postings = postings_of(&docs, vocabulary, |doc, add| {
            for (i, intent) in doc.intents.iter().enumerate() {
                for &t in intent.iter() {
                    add(t, i as u32);
                }
            }
        });
        let n = docs.len().max(1) as f32;
        let idf: Vec<f32> = postings
            .iter()
            .map(|p| ((n + 1.0) / (p.len() as f32 + 0.5)).ln().max(0.1))
            .collect();
        // A word the knowledge never uses weighs about as much as one used by
        // a handful of facts: enough to count against every fact, not so much
        // that one stray word of the asker's outweighs the words that match.
        let unseen_weight = (0.5 * (n + 1.0).ln()).max(1.0);
        for doc in &mut docs {
            doc.intent_weight = doc
                .intents
                .iter()
                .map(|i| i.iter().map(|&t| idf[t as usize]).sum())
                .collect();
        }
        let (mut entities, mut longest_entity) = entity_names(analyzer, &postings);
        if let Some(names) = article_names {
            add_article_names(
                &mut entities,
                &mut longest_entity,
                names,
                analyzer,
                &postings,
            );
        }
        let mut entity_starts: HashMap<String, usize> = HashMap::default();
        for name in entities.keys() {
            let mut stems = name.split(' ');
            let first = stems.next().unwrap_or_default();
            let len = entity_starts.entry(first.to_string()).or_default();
            *len = (*len).max(1 + stems.count());
        }
        let entity_starts_by_term = entity_starts_by_term(analyzer, &entity_starts, longest_entity);
        let mut country_of = HashMap::default();
        for name in lexicon::entities() {
            let Some(country) = lexicon::country_of_capital(name) else {
                continue;
            };
            let term = |text: &str| analyzer.analyse_known(text).tokens.first()?.term;
            if let (Some(city), Some(country)) = (term(name), term(country))
                && city != country
            {
                country_of.insert(city, country);
            }
        }
        let counted = sorted_terms(docs.iter().flat_map(|d| d.counted.iter().copied()));
        let average_len = docs.iter().map(|d| d.bag.len() as f32).sum::<f32>() / n;
        let mut index = Index {
            average_len,
            counted,
            docs,
            idf,
            postings,
            members,
            intent_postings,
            unseen_weight,
            entities,
            longest_entity,
            entity_starts,
            entity_starts_by_term,
            country_of,
            article_numbers: super::rules::contradiction::article_numbers(knowledge),
            reports_speech: knowledge
                .article
                .sentences
                .iter()
                .map(|s| super::rules::nothing_said::reports_speech(&s.text))
                .collect(),
            reason_follows: reason_followers(knowledge),
            counts: knowledge
                .article
                .sentences
                .iter()
                .map(|s| super::short_answer::Counts::of(&s.text))
                .collect(),
            context: paragraph_context(knowledge, analyzer),
            window: neighbour_windows(knowledge, analyzer),
            antecedent: antecedents(knowledge, analyzer),
            speaker: speakers(knowledge, analyzer),
            opposite_pairs: Default::default(),
            may_name: Vec::new(),
            places: Vec::new(),
            place_bits: Vec::new(),
        };
        index.add_entities_and_speakers(knowledge, analyzer, &mut interner);
        index.add_places(vocabulary);
        index.opposite_pairs = super::rules::substituted::opposite_pairs(&index, analyzer);
        index
    }

    /// True when documents keep the places of a term ([`Doc::places`]).
    pub fn may_name(&self, term: TermId) -> bool {
        is_marked(&self.may_name, term)
    }

    /// A document's places ([`Doc::places`]).
    pub fn places(&self, doc: &Doc) -> &[Place] {
        self.places.get(doc.places as usize).map_or(&[], |p| &p[..])
    }

    /// A document's place terms as bits of a word ([`Index::place_bits`]).
    pub fn place_bits(&self, doc: &Doc) -> u64 {
        self.place_bits
            .get(doc.places as usize)
            .copied()
            .unwrap_or(0)
    }

    /// Marks the terms that may name an entity and gives each document
    /// their places in its sequences.
    fn add_places(&mut self, vocabulary: usize) {
        let mut may_name = vec![0u64; vocabulary.div_ceil(64)];
        let named = self.docs.iter().flat_map(|d| d.entities.iter().copied());
        let names = self.entities.values().filter_map(|n| n.term);
        let capitals = self.country_of.iter().flat_map(|(&a, &b)| [a, b]);
        for term in named.chain(names).chain(capitals) {
            if let Some(word) = may_name.get_mut(term as usize / 64) {
                *word |= 1 << (term % 64);
            }
        }
        // Sequences are shared lists ([`Interner`]): documents whose
        // sequences are the same lists (copies of a fact, facts with the
        // same intents and sentence) share their places.
        let mut read: HashMap<Vec<(*const TermId, usize)>, u32> = HashMap::default();
        for doc in &mut self.docs {
            let key = doc.sequences.iter().map(|s| (s.as_ptr(), s.len()));
            doc.places = *read.entry(key.collect()).or_insert_with(|| {
                let places = places_of(&doc.sequences, &may_name);
                let bits = places.iter().fold(0u64, |m, p| m | 1 << (p.term % 64));
                self.places.push(places);
                self.place_bits.push(bits);
                (self.places.len() - 1) as u32
            });
        }
        self.may_name = may_name;
    }

    /// Gives each document the named entities and the speakers of its
    /// sentence, found once per sentence.
    fn add_entities_and_speakers(
        &mut self,
        knowledge: &Knowledge,
        analyzer: &Analyzer,
        interner: &mut Interner,
    ) {
        let mut by_sentence: HashMap<usize, (Terms, Terms, Terms)> = HashMap::default();
        let mut per_doc = Vec::with_capacity(self.docs.len());
        for doc in &self.docs {
            let found = by_sentence.entry(doc.sentence).or_insert_with(|| {
                let text = &knowledge.article.sentences[doc.sentence].text;
                let read = analyzer.analyse_known(text);
                let words = read.all_words.to_strs();
                let mentions: Vec<Mention> = self
                    .find_entities(&read.tokens)
                    .into_iter()
                    .filter(|m| m.known)
                    .collect();
                let entities = interner.intern(sorted_terms(mentions.iter().map(|m| m.term)));
                let (placed, elsewhere): (Vec<&Mention>, Vec<&Mention>) = mentions
                    .iter()
                    .partition(|m| placed_at(&words, read.tokens[m.start].at));
                // A name both placed and named otherwise is not only a place.
                let placed = interner.intern(sorted_terms(
                    placed
                        .iter()
                        .map(|m| m.term)
                        .filter(|&t| !elsewhere.iter().any(|m| m.term == t)),
                ));
                let tokens = analyzer.analyse_known(&speaker_words(text)).tokens;
                let speakers = interner.intern(sorted_terms(
                    self.find_entities(&tokens)
                        .into_iter()
                        .filter(|m| m.known)
                        .map(|m| m.term),
                ));
                (entities, placed, speakers)
            });
            per_doc.push(found.clone());
        }
        for (doc, (entities, placed, speakers)) in self.docs.iter_mut().zip(per_doc) {
            doc.entities = entities;
            doc.placed = placed;
            doc.speakers = speakers;
        }
    }

    /// The named entities in analysed text, longest names first.
    pub fn find_entities(&self, tokens: &[Token]) -> Vec<Mention> {
        let mut found = Vec::new();
        let mut key = String::new();
        let mut i = 0;
        'outer: while i < tokens.len() {
            let longest = self.longest_entity_at(&tokens[i]);
            if longest == 0 {
                i += 1;
                continue;
            }
            for len in (1..=longest.min(tokens.len() - i)).rev() {
                // A name of one word is its stem: no key to build.
                let name = if len == 1 {
                    tokens[i].stem.as_str()
                } else {
                    key.clear();
                    for (n, t) in tokens[i..i + len].iter().enumerate() {
                        if n > 0 {
                            key.push(' ');
                        }
                        key.push_str(&t.stem);
                    }
                    key.as_str()
                };
                if let Some(name) = self.entities.get(name) {
                    let term = name.term.or(tokens[i].term).filter(|_| name.known);
                    found.push(Mention {
                        term: term.unwrap_or(TermId::MAX),
                        known: term.is_some(),
                        article: name.article,
                        start: i,
                        end: i + len,
                        asked_about: tokens[i].after_question_word,
                        subject: tokens[i].after_auxiliary,
                        person_of: false,
                    });
                    i += len;
                    continue 'outer;
                }
            }
            i += 1;
        }
        found
    }

    /// The most words of a name that a token may start
    /// ([`Index::entity_starts`]), 0 when it starts none: a known word's
    /// from the table by term, another's by its stem.
    fn longest_entity_at(&self, token: &Token) -> usize {
        let by_term = token
            .term
            .and_then(|term| self.entity_starts_by_term.get(term as usize));
        if let Some(&longest) = by_term {
            return longest as usize;
        }
        entity_start(&self.entity_starts, &token.stem, self.longest_entity)
    }
}

/// The most words of a name that a stem may start, 0 when it starts none:
/// a stem of several words could start a name of more.
fn entity_start(starts: &HashMap<String, usize>, stem: &str, longest_entity: usize) -> usize {
    match starts.get(stem) {
        Some(&longest) => longest,
        None if stem.contains(' ') => longest_entity,
        None => 0,
    }
}

/// [`entity_start`] for each term of the vocabulary, by term.
fn entity_starts_by_term(
    analyzer: &Analyzer,
    starts: &HashMap<String, usize>,
    longest_entity: usize,
) -> Vec<u32> {
    (0..analyzer.vocabulary_len())
        .map(|term| {
            let stem = analyzer.term_text(term as TermId).unwrap_or_default();
            u32::try_from(entity_start(starts, stem, longest_entity)).unwrap_or(u32::MAX)
        })
        .collect()
}

/// The terms of knowledge text, in order.
fn terms_of(analyzer: &Analyzer, text: &str) -> Vec<TermId> {
    analyzer
        .analyse_known(text)
        .tokens
        .iter()
        .filter_map(|t| t.term)
        .collect()
}

/// One document per fact. Each text is analysed once: sentences are shared
/// by several facts, and facts share intents ("what did blinken say"),
/// answers and actors; equal lists of terms are stored once.
fn fact_docs(knowledge: &Knowledge, analyzer: &Analyzer, interner: &mut Interner) -> Vec<Doc> {
    let terms_of = |text: &str| terms_of(analyzer, text);
    let mut docs: Vec<Doc> = Vec::with_capacity(knowledge.facts.len());
    let mut by_sentence: HashMap<usize, SentenceTerms> = HashMap::default();
    let mut by_text: HashMap<&str, IntentTerms> = HashMap::default();
    let mut texts: HashMap<&str, Vec<TermId>> = HashMap::default();
    // A fact's document follows from its sentence, intents, keywords, answer
    // and actors alone: copies of a fact (replicated knowledge, facts that
    // differ only in id or topic) share one reading.
    let mut by_fact: HashMap<FactKey, usize> = HashMap::default();
    for (i, fact) in knowledge.facts.iter().enumerate() {
        let key: FactKey = (
            fact.sentence,
            &fact.intents,
            &fact.keywords,
            &fact.answer,
            &fact.actors,
        );
        if let Some(&first) = by_fact.get(&key) {
            let mut doc = docs[first].clone();
            doc.target = Target::Fact(i);
            docs.push(doc);
            continue;
        }
        by_fact.insert(key, docs.len());
        let sentence = &knowledge.article.sentences[fact.sentence].text;
        let (sentence_terms, gives, counted, unnamed) = by_sentence
            .entry(fact.sentence)
            .or_insert_with(|| {
                (
                    interner.intern(terms_of(sentence)),
                    Gives::from_sentence(sentence),
                    terms_of(&sentence_counted_words(sentence).join(" ")),
                    interner.intern(sorted_terms(terms_of(
                        &sentence_unnamed_words(sentence).join(" "),
                    ))),
                )
            })
            .clone();
        let (mut gives, mut counted) = (gives, counted);
        let mut intents: Vec<Terms> = Vec::new();
        let mut intent_wants = Vec::new();
        let mut sequences: Vec<Terms> = Vec::new();
        for (n, text) in fact.intents.iter().chain(&fact.keywords).enumerate() {
            let (ordered, sorted, asks, counted_last, hour) =
                by_text.entry(text.as_str()).or_insert_with(|| {
                    let analysed = analyzer.analyse_known(text);
                    let ordered: Vec<TermId> =
                        analysed.tokens.iter().filter_map(|t| t.term).collect();
                    let all_words = analysed.all_words.to_strs();
                    let asks = wants_of(
                        &all_words,
                        &analysed.classes,
                        knowledge.meta.later_events_unknown,
                    );
                    // Our intents are well formed: the last word counted is the thing.
                    let counted_last = terms_of(&counted_words(&all_words).join(" "))
                        .last()
                        .copied();
                    let sorted = interner.intern(sorted_terms(ordered.iter().copied()));
                    let hour = asks == Wants::Time && asks_the_hour(&all_words);
                    (interner.intern(ordered), sorted, asks, counted_last, hour)
                });
            if n < fact.intents.len() {
                gives.add(*asks);
                if *hour {
                    gives.add_hour();
                }
                counted.extend(*counted_last);
            }
            if !sorted.is_empty() {
                intents.push(sorted.clone());
                intent_wants.push(*asks);
            }
            sequences.push(ordered.clone());
        }
        let mut bag: Vec<TermId> = intents.iter().flat_map(|i| i.iter()).copied().collect();
        bag.extend(sentence_terms.iter());
        let answer_terms = texts
            .entry(fact.answer.as_str())
            .or_insert_with(|| terms_of(&fact.answer));
        bag.extend(answer_terms.iter());
        let why_only = why_only_terms(&intents, &intent_wants, &sentence_terms, answer_terms);
        sequences.push(sentence_terms);
        let actors = sorted_terms(fact.actors.iter().filter_map(|a| {
            texts
                .entry(a.as_str())
                .or_insert_with(|| terms_of(a))
                .first()
                .copied()
        }));
        let intent_terms = intents.iter().map(|i| i.len()).sum();
        let bag: Box<[TermId]> = sorted_terms(bag).into();
        docs.push(Doc {
            target: Target::Fact(i),
            sentence: fact.sentence,
            intents: intents.into(),
            intent_weight: Box::default(),
            intent_terms,
            intent_wants: intent_wants.into(),
            bag_bits: bag_bits(&bag),
            bag,
            gives,
            counted: interner.intern(sorted_terms(counted)),
            unnamed,
            entities: Terms::default(),
            placed: Terms::default(),
            speakers: Terms::default(),
            sequences: sequences.into(),
            places: 0,
            reading: docs.len() as u32,
            actors: interner.intern(actors),
            why_only: interner.intern(why_only),
        });
    }
    docs
}

/// The terms a fact holds only in intents asking "why" (not in its other
/// intents, its sentence or its answer), sorted, for rule `why-words`.
fn why_only_terms(
    intents: &[Terms],
    wants: &[Wants],
    sentence: &[TermId],
    answer: &[TermId],
) -> Vec<TermId> {
    let asks_why = |i: usize| wants.get(i) == Some(&Wants::Reason);
    if !(0..intents.len()).any(asks_why) {
        return Vec::new();
    }
    let elsewhere = |t: &TermId| {
        sentence.contains(t)
            || answer.contains(t)
            || (0..intents.len()).any(|i| !asks_why(i) && intents[i].contains(t))
    };
    sorted_terms(
        (0..intents.len())
            .filter(|&i| asks_why(i))
            .flat_map(|i| intents[i].iter().copied())
            .filter(|t| !elsewhere(t)),
    )
}

/// Whether each article sentence's follower gives its reason, for rule
/// `following-reason`; empty when the rule is off.
fn reason_followers(knowledge: &Knowledge) -> Vec<bool> {
    if knowledge.engine.following_reason <= 0.0 {
        return Vec::new();
    }
    let read: Vec<(usize, &str)> = knowledge
        .article
        .sentences
        .iter()
        .map(|s| (s.paragraph, s.text.as_str()))
        .collect();
    super::rules::following::followers(&read)
}

/// Each article sentence's paragraph terms, for rule `paragraph-context`.
fn paragraph_context(knowledge: &Knowledge, analyzer: &Analyzer) -> Vec<Terms> {
    let sentences = &knowledge.article.sentences;
    let paragraphs: Vec<usize> = sentences.iter().map(|s| s.paragraph).collect();
    super::rules::context::paragraph_terms(&paragraphs, |i| terms_of(analyzer, &sentences[i].text))
}

/// Each article sentence's window of neighbours, for rule `neighbour-context`.
fn neighbour_windows(knowledge: &Knowledge, analyzer: &Analyzer) -> Vec<Terms> {
    let sentences = &knowledge.article.sentences;
    let paragraphs: Vec<usize> = sentences.iter().map(|s| s.paragraph).collect();
    super::rules::neighbours::window_terms(&paragraphs, |i| terms_of(analyzer, &sentences[i].text))
}

/// What each article sentence points back at, for rule `antecedent`.
fn antecedents(knowledge: &Knowledge, analyzer: &Analyzer) -> Vec<Terms> {
    if knowledge.engine.antecedent <= 0.0 {
        return Vec::new();
    }
    let sentences = &knowledge.article.sentences;
    let paragraphs: Vec<usize> = sentences.iter().map(|s| s.paragraph).collect();
    let span = knowledge.engine.antecedent_span;
    super::rules::antecedent::antecedent_terms(
        &paragraphs,
        |i| super::rules::antecedent::points_back(&sentences[i].text, span),
        |i| terms_of(analyzer, &sentences[i].text),
    )
}

/// Who speaks in each article sentence, for rule `quoted-speaker`.
fn speakers(knowledge: &Knowledge, analyzer: &Analyzer) -> Vec<Terms> {
    if knowledge.engine.quoted_speaker <= 0.0 {
        return Vec::new();
    }
    // A sentence someone speaks in says what they said: it meets the
    // question's "say" though news writes "said", which no term keeps.
    let says = language().list(List::SpeakerAsking).join(" ");
    let sentences = &knowledge.article.sentences;
    let read: Vec<(usize, &str)> = sentences
        .iter()
        .map(|s| (s.paragraph, s.text.as_str()))
        .collect();
    crate::draft::quotation_speakers(&read)
        .iter()
        .zip(sentences)
        .map(|(speaker, sentence)| {
            if speaker.is_empty() {
                return Terms::default();
            }
            let own = terms_of(analyzer, &sentence.text);
            Terms::from(sorted_terms(
                terms_of(analyzer, &format!("{speaker} {says}"))
                    .into_iter()
                    .filter(|t| !own.contains(t)),
            ))
        })
        .collect()
}

/// One document per article sentence that no fact cites (the fallback),
/// numbered from `first` among the documents.
fn sentence_docs(
    knowledge: &Knowledge,
    analyzer: &Analyzer,
    interner: &mut Interner,
    first: usize,
) -> Vec<Doc> {
    let terms_of = |text: &str| terms_of(analyzer, text);
    let mut cited = vec![false; knowledge.article.sentences.len()];
    for fact in &knowledge.facts {
        cited[fact.sentence] = true;
    }
    let mut docs = Vec::new();
    for (i, sentence) in knowledge.article.sentences.iter().enumerate() {
        if cited[i] {
            continue;
        }
        let ordered = terms_of(&sentence.text);
        let terms = sorted_terms(ordered.iter().copied());
        if terms.is_empty() {
            continue;
        }
        docs.push(Doc {
            target: Target::Sentence(i),
            sentence: i,
            intents: Box::new([interner.intern(terms.clone())]),
            intent_weight: Box::default(),
            intent_terms: terms.len(),
            intent_wants: Box::new([Wants::Any]),
            sequences: Box::new([interner.intern(ordered)]),
            places: 0,
            reading: (first + docs.len()) as u32,
            entities: Terms::default(),
            placed: Terms::default(),
            speakers: Terms::default(),
            actors: Terms::default(),
            unnamed: interner.intern(sorted_terms(terms_of(
                &sentence_unnamed_words(&sentence.text).join(" "),
            ))),
            bag_bits: bag_bits(&terms),
            bag: terms.into(),
            gives: Gives::from_sentence(&sentence.text),
            counted: interner.intern(sorted_terms(terms_of(
                &sentence_counted_words(&sentence.text).join(" "),
            ))),
            why_only: Terms::default(),
        });
    }
    docs
}

/// A sentence's reason belongs to the fact the knowledge asks "why" of,
/// when one does: its siblings do not give it ("used as justification for
/// its massing of troops" is not why the response was delivered, which the
/// same sentence also tells).
fn keep_reasons_to_their_facts(docs: &mut [Doc]) {
    let why_sentences: rustc_hash::FxHashSet<usize> = docs
        .iter()
        .filter(|d| d.intent_wants.contains(&Wants::Reason))
        .map(|d| d.sentence)
        .collect();
    for doc in docs
        .iter_mut()
        .filter(|d| matches!(d.target, Target::Fact(_)))
    {
        if why_sentences.contains(&doc.sentence) && !doc.intent_wants.contains(&Wants::Reason) {
            doc.gives.remove(Wants::Reason);
        }
    }
}

/// A sentence's place belongs to the fact the knowledge asks "where" of,
/// when one does: its siblings do not give it ("John Sullivan, ambassador
/// to Russia, ... Blinken said in a briefing at the State Department" tells
/// where the briefing was, not where Sullivan's role is).
fn keep_places_to_their_facts(docs: &mut [Doc]) {
    let where_sentences: rustc_hash::FxHashSet<usize> = docs
        .iter()
        .filter(|d| d.intent_wants.contains(&Wants::Place))
        .map(|d| d.sentence)
        .collect();
    for doc in docs
        .iter_mut()
        .filter(|d| matches!(d.target, Target::Fact(_)))
    {
        if where_sentences.contains(&doc.sentence) && !doc.intent_wants.contains(&Wants::Place) {
            doc.gives.remove(Wants::Place);
        }
    }
}

/// For each term, what `each` adds for it in each document (a posting of
/// the document), in document order: each list is allocated at its exact
/// size, so long lists waste nothing.
fn postings_of<T: Posting>(
    docs: &[Doc],
    vocabulary: usize,
    each: impl Fn(&Doc, &mut dyn FnMut(TermId, u32)),
) -> Vec<Vec<T>> {
    let mut sizes = vec![0usize; vocabulary];
    for doc in docs {
        each(doc, &mut |t, _| sizes[t as usize] += 1);
    }
    let mut out: Vec<Vec<T>> = sizes.into_iter().map(Vec::with_capacity).collect();
    for (d, doc) in docs.iter().enumerate() {
        each(doc, &mut |t, item| {
            out[t as usize].push(T::new(d as u32, item))
        });
    }
    out
}

/// A posting: a document, or a document with one of its intents.
trait Posting {
    fn new(doc: u32, item: u32) -> Self;
}

impl Posting for u32 {
    fn new(doc: u32, _: u32) -> u32 {
        doc
    }
}

impl Posting for (u32, u32) {
    fn new(doc: u32, intent: u32) -> (u32, u32) {
        (doc, intent)
    }
}

/// A named entity as [`Index::entities`] holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityName {
    /// Whether the knowledge mentions it.
    pub known: bool,
    /// The term that stands for the whole name, when it is not its first
    /// word's: the rarest word of an article's name ("dunmore" for "Rachel
    /// Dunmore"), so that the name and its surname alone are one entity.
    pub term: Option<TermId>,
    /// Read from the article's text ([`super::names`]), not the gazetteer.
    pub article: bool,
}

/// Adds the article's own names to the gazetteer's entities (a name the
/// gazetteer lists stays the gazetteer's). A name of several words stands
/// for its rarest word's term, so that "Rachel Dunmore" and "Ms Dunmore"
/// name one person.
fn add_article_names(
    entities: &mut HashMap<String, EntityName>,
    longest_entity: &mut usize,
    names: &[Vec<String>],
    analyzer: &Analyzer,
    postings: &[Vec<u32>],
) {
    let single = one_word_names(entities, names, analyzer);
    for name in names {
        let tokens = analyzer.analyse_known(&name.join(" ")).tokens;
        // A surname that also names alone ("Sinclair said ...") stands for
        // the whole name; else the rarest word does.
        let Some(rarest) = tokens
            .last()
            .filter(|t| tokens.len() > 1 && single.contains(t.stem.as_str()))
            .or_else(|| {
                tokens
                    .iter()
                    .max_by_key(|t| lexicon::english_rank(&t.word).unwrap_or(usize::MAX))
            })
        else {
            continue;
        };
        let known = tokens
            .iter()
            .all(|t| t.term.is_some_and(|t| !postings[t as usize].is_empty()));
        let stems: Vec<&str> = tokens.iter().map(|t| t.stem.as_str()).collect();
        *longest_entity = (*longest_entity).max(stems.len());
        entities.entry(stems.join(" ")).or_insert(EntityName {
            known,
            term: rarest.term.filter(|_| tokens.len() > 1),
            article: true,
        });
    }
}

/// The stems of the one-word names a name's last word may stand alone as:
/// the gazetteer's (`entities` before the article's are added) and the
/// article's own.
fn one_word_names(
    entities: &HashMap<String, EntityName>,
    names: &[Vec<String>],
    analyzer: &Analyzer,
) -> rustc_hash::FxHashSet<String> {
    let mut single: rustc_hash::FxHashSet<String> = entities
        .keys()
        .filter(|k| !k.contains(' '))
        .cloned()
        .collect();
    for name in names.iter().filter(|n| n.len() == 1) {
        if let [token] = analyzer.analyse_known(&name[0]).tokens.as_slice() {
            single.insert(token.stem.to_string());
        }
    }
    single
}

/// The named entities of the lexicon as their stems joined by spaces, each
/// with whether the knowledge mentions it, and the longest, in words.
fn entity_names(
    analyzer: &Analyzer,
    postings: &[Vec<u32>],
) -> (HashMap<String, EntityName>, usize) {
    let mut entities = HashMap::default();
    let mut longest_entity = 1;
    for name in lexicon::entities() {
        let stems: Vec<String> = analyzer
            .analyse_known(name)
            .tokens
            .into_iter()
            .map(|t| t.stem.to_string())
            .collect();
        if stems.is_empty() {
            continue;
        }
        let known = stems.iter().all(|s| {
            analyzer
                .term_of_stem(s)
                .is_some_and(|t| !postings[t as usize].is_empty())
        });
        longest_entity = longest_entity.max(stems.len());
        let name = EntityName {
            known,
            term: None,
            article: false,
        };
        entities.insert(stems.join(" "), name);
    }
    (entities, longest_entity)
}

/// Whether the word at `at` of `words` follows a word of
/// `[place-prepositions]`, a determiner between them or not ("on the
/// Clyde", "at Kilbrannan").
fn placed_at(words: &[&str], at: usize) -> bool {
    let before = |i: usize| i.checked_sub(1).and_then(|i| words.get(i));
    let place = |w: &&str| language().in_list(List::PlacePrepositions, w);
    match before(at) {
        Some(w) if language().in_list(List::Determiners, w) => before(at - 1).is_some_and(place),
        Some(w) => place(w),
        None => false,
    }
}

/// The words around each verb of speech in a sentence, where its speaker
/// stands ("Blinken said", "said Blinken", "Klitschko reportedly told").
fn speaker_words(sentence: &str) -> String {
    let words = crate::text::words(sentence);
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if language().in_list(List::SpeechVerbs, word) {
            out.extend(words[i.saturating_sub(3)..i].iter().cloned());
            // "..., said Blinken"; after other verbs come what was said.
            if language().in_list(List::SpeakerFollows, word) {
                out.extend(words[i + 1..].iter().take(2).cloned());
            }
            out.push(String::new());
        }
    }
    out.join(" ")
}

/// A named entity found in analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Its first term (`TermId::MAX` when the knowledge never mentions it).
    pub term: TermId,
    /// Whether the knowledge mentions it.
    pub known: bool,
    /// Whether it is one of the article's own names rather than the gazetteer's.
    pub article: bool,
    /// Index of its first token.
    pub start: usize,
    /// Index after its last token.
    pub end: usize,
    /// Whether it is the noun of "which ..." or "what ...".
    pub asked_about: bool,
    /// Whether it follows an auxiliary verb, as the subject of a question does.
    pub subject: bool,
    /// Whether a noun for a person follows it (`[person-of]`: "the
    /// skybridge guy"): the question is about someone of it, not it.
    pub person_of: bool,
}
