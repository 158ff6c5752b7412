//! Scoring documents against a question and deciding between answering,
//! offering suggestions and saying the article does not say.
//!
//! A document's score mixes how much of the question's weighted words its
//! best intent covers (and how much of that intent the question covers) with
//! how much of the question its whole bag of words covers. Rare words weigh
//! more; a word the knowledge never uses counts against every document unless
//! the word vectors find it a close counterpart. Two guards then cut the score
//! of documents that cannot be the answer: one that lacks a person, country or
//! organisation the question names, and one that cannot give the kind of
//! answer asked for ("how many", "why").

use std::cmp::Ordering;

use super::analyze::TermId;
use super::index::{Doc, Mention, Target};
use super::question::{Wants, counted_words, identified_words, wants_in};
use super::{Engine, NoAnswer, Reply};
use crate::lexicon::english_rank;
use crate::text::words;

/// Score from which the engine answers, when the runner-up is far enough behind.
pub const ANSWER: f32 = 0.42;
/// Score from which the engine answers whatever the runner-up.
pub const SURE: f32 = 0.90;
/// Lead over the runner-up (citing another sentence) needed to answer.
pub const MARGIN: f32 = 0.08;
/// Lead needed to answer with a score of at least [`SURE`].
pub const SURE_MARGIN: f32 = 0.05;
/// Score from which a document is offered as a suggestion.
pub const UNSURE: f32 = 0.30;
/// Share of its score a document keeps when it lacks a named entity of the question.
const MISSING_ENTITY: f32 = 0.6;
/// Share of its score a document keeps when it names another entity in place
/// of one the question names.
const SUBSTITUTED_ENTITY: f32 = 0.4;
/// Most words between two entities of the question for them to be read as
/// actor and object of one relation.
const ROLE_DISTANCE: usize = 2;
/// Share of its score a document keeps when it cannot give the kind of answer asked for.
const WRONG_KIND: f32 = 0.4;
/// Share of its score a document keeps when asked "who" while none of its
/// intents asks who.
const NO_PERSON: f32 = 0.8;
/// Share of its score a document keeps when the question names its actors the other way round.
const SWAPPED_ROLES: f32 = 0.35;
/// A fact whose best intent scores below this share of a sibling's (citing
/// the same sentence) matches mostly through the sentence's words: the
/// sibling is what the question asks about.
const BORROWED: f32 = 0.5;

/// Words that put a topic after a speaker ("Blinken said about Ukraine").
const TOPIC_WORDS: &[&str] = &[
    "say",
    "said",
    "says",
    "tell",
    "told",
    "think",
    "thinks",
    "thought",
    "talk",
    "talked",
    "mention",
    "mentioned",
    "about",
    "regarding",
    "on",
];

/// Share of its score an intent keeps when it asks for another kind of answer
/// than the question ("why send weapons" against "what weapons were sent").
const OTHER_KIND_INTENT: f32 = 0.85;
/// Weight of the best intent against the whole bag of words.
const INTENT_SHARE: f32 = 0.45;
/// Share of an intent's score earned by covering the question; the rest
/// grows with how much of the intent the question covers.
const QUESTION_SHARE: f32 = 0.7;
/// English frequency rank from which a word the knowledge never uses gets full weight.
const COMMON_RANK: f32 = 1000.0;
/// Words after a guessed number among which its noun is looked for.
const COUNTED_SPAN: usize = 2;
/// Most documents scored in full for one question.
const CANDIDATES: usize = 96;

/// A scored document.
#[derive(Debug, Clone, Copy)]
pub struct Ranked {
    /// What it answers.
    pub target: Target,
    /// Index of the sentence it cites.
    pub sentence: usize,
    /// Its score in 0..=1.
    pub score: f32,
    /// How well its best intent alone matches the question.
    pub intent: f32,
    /// Whether the question asks if someone other than the fact's actors
    /// did what it tells: such a fact is never the answer.
    pub other_actor: bool,
}

/// A question word with its weight and, for words the knowledge never uses,
/// its vector.
struct QueryTerm {
    word: String,
    term: Option<TermId>,
    weight: f32,
    vector: Option<Vec<f32>>,
    /// For a number the knowledge never uses, the terms it may count: the
    /// next two words ("10k russian troops": russian, troops), as one of them
    /// is the noun: a fact that gives a number of that answers it.
    counts: Vec<TermId>,
    /// Semantic credit per vocabulary term, filled as needed (NaN = not yet).
    memo: Vec<f32>,
}

/// The noun of a "which X" question: its term, if the knowledge uses the
/// word, else its vector, if there is one.
struct Identified {
    term: Option<TermId>,
    vector: Option<Vec<f32>>,
}

/// Semantic credit from which a fact's word stands in for a noun the
/// knowledge never uses in a "which X" question (about cosine 0.75:
/// "republics" for countries, not "banks" for economic nor "cities" for
/// Europe).
const NEIGHBOUR_CREDIT: f32 = 0.5;

/// A question ready for scoring: its known words by term (a dense weight
/// table, so a fact's words are looked up, not searched for), and its
/// other words with their vectors.
struct Query {
    /// Weight of each vocabulary term in the question (0 when absent).
    weights: Vec<f32>,
    /// The question's known terms with their weights.
    exact: Vec<(TermId, f32)>,
    /// Words the knowledge never uses that have a vector.
    semantic: Vec<QueryTerm>,
    /// Numbers the knowledge never uses, with the terms each may count.
    guesses: Vec<(Vec<TermId>, f32)>,
    /// Total weight of the question's words.
    total: f32,
}

/// Scores the knowledge's documents against a question, best first.
pub fn rank(engine: &Engine, words: Vec<String>) -> Result<Vec<Ranked>, NoAnswer> {
    let index = &engine.index;
    let q = engine.analyzer.analyse_question(words);
    let mut entities = named_entities(engine, &q.tokens)?;
    // "According to Washington, ...": the source of a claim, not what the
    // answer must be about.
    entities.retain(|m| {
        let at = q.tokens[m.start].at;
        !(at >= 2 && q.all_words[at - 2] == "according" && q.all_words[at - 1] == "to")
    });
    let wanted = wants_in(&q.all_words, engine.knowledge.meta.later_events_unknown);
    let doer = doer(&q, &entities);
    let subject = doer.map(|d| d.term);
    // "What did Putin say": the doer is asked about as a speaker.
    let speaker = doer.filter(|d| d.speaks).map(|d| d.term);
    // "how many X": the thing counted is the last word of the phrase that
    // the knowledge counts anywhere; the other words qualify it.
    let phrase: Vec<TermId> = if wanted == Wants::Count || wanted == Wants::Money {
        engine
            .analyzer
            .analyse_known(&counted_words(&q.all_words).join(" "))
            .tokens
            .iter()
            .filter_map(|t| t.term)
            .collect()
    } else {
        Vec::new()
    };
    let head = phrase
        .iter()
        .rposition(|t| index.counted.binary_search(t).is_ok());
    let qualifiers: Vec<TermId> = match head {
        Some(h) => phrase[..h].to_vec(),
        None => Vec::new(),
    };

    // "Which newspaper": a sentence that only says "a newspaper" cannot answer.
    // The noun is looked for as a word or, when the knowledge never uses
    // it, as a close neighbour through its vector ("which baltic republics").
    let identified: Vec<Identified> = engine
        .analyzer
        .analyse_known(&identified_words(&q.all_words).join(" "))
        .tokens
        .iter()
        .map(|t| Identified {
            term: t.term,
            vector: t
                .term
                .is_none()
                .then(|| engine.semantic.as_ref()?.word_vector(&t.word))
                .flatten(),
        })
        .collect();
    let mut terms = query_terms(engine, &q.tokens);
    if terms.is_empty() || terms.iter().all(|t| t.term.is_none() && t.vector.is_none()) {
        return Err(NoAnswer::NotCovered);
    }

    let exact: Vec<TermId> = terms.iter().filter_map(|t| t.term).collect();
    for term in terms.iter_mut().filter(|t| t.vector.is_some()) {
        // A paraphrase word must find its own counterpart, not lean on a
        // word the question already matched ("kevlar helmets" is not two
        // words about helmets).
        term.memo = vec![f32::NAN; engine.analyzer.vocabulary_len()];
        for &t in &exact {
            term.memo[t as usize] = 0.0;
        }
    }
    let candidates = candidates(engine, &terms);
    let total: f32 = terms.iter().map(|t| t.weight).sum();
    let mut weights = vec![0.0; engine.analyzer.vocabulary_len()];
    let mut exact = Vec::new();
    let mut semantic = Vec::new();
    let mut guesses = Vec::new();
    for mut term in terms {
        if !term.counts.is_empty() {
            guesses.push((std::mem::take(&mut term.counts), term.weight));
        }
        match term.term {
            Some(t) => {
                weights[t as usize] = term.weight;
                exact.push((t, term.weight));
            }
            None if term.vector.is_some() => semantic.push(term),
            None => {}
        }
    }
    let mut query = Query {
        weights,
        exact,
        semantic,
        guesses,
        total,
    };
    let mut ranked: Vec<Ranked> = candidates
        .into_iter()
        .map(|d| {
            let doc = &index.docs[d];
            let (mut score, intent) = doc_score(engine, doc, &mut query, wanted);
            let has = |term: TermId| {
                doc.bag.binary_search(&term).is_ok()
                    || index
                        .country_of
                        .get(&term)
                        .is_some_and(|c| doc.bag.binary_search(c).is_ok())
            };
            let missing = entities.iter().any(|e| !has(e.term));
            if missing {
                // Another person or country in the fact's place ("the US
                // ambassador to Ukraine" against "to Russia") is worse than a
                // detail the fact leaves out. A capital stands for its country.
                let substituted = doc.entities.iter().any(|d| {
                    !entities
                        .iter()
                        .any(|e| e.term == *d || index.country_of.get(&e.term) == Some(d))
                });
                score *= if substituted {
                    SUBSTITUTED_ENTITY
                } else {
                    MISSING_ENTITY
                };
            }
            // The fact must count the thing, and the words qualifying it must
            // be the fact's: "how much economic aid" is not answered by a
            // sum of military aid. A phrase the knowledge never counts is
            // not answered either.
            let counts_it = phrase.is_empty()
                || head.is_some_and(|h| doc.counted.binary_search(&phrase[h]).is_ok())
                    && qualifiers.iter().all(|t| doc.bag.binary_search(t).is_ok());
            // "Which banks": a fact that never mentions banks cannot say
            // which; one that only says "a newspaper" cannot either.
            let unnamed = identified.iter().any(|noun| {
                let only_mentioned = noun
                    .term
                    .is_some_and(|t| doc.unnamed.binary_search(&t).is_ok());
                let mentioned = match noun.term {
                    Some(t) => doc.bag.binary_search(&t).is_ok(),
                    None => noun.vector.as_ref().is_some_and(|v| {
                        engine.semantic.as_ref().is_some_and(|s| {
                            doc.bag.iter().any(|&b| s.credit(v, b) > NEIGHBOUR_CREDIT)
                        })
                    }),
                };
                only_mentioned || !mentioned
            });
            if wanted == Wants::Person {
                // Whether a fact names who did something is known only from
                // its intents, so the cut is mild.
                if !doc.gives.can_give(wanted) {
                    score *= NO_PERSON;
                }
            } else if wanted != Wants::Any && (!doc.gives.can_give(wanted) || !counts_it) || unnamed
            {
                score *= WRONG_KIND;
            }
            if roles_swapped(doc, &entities, &q) {
                score *= SWAPPED_ROLES;
            }
            // Asked whether someone else did it ("did Russia reject the
            // demands?" against the US rejecting them), the fact is no
            // answer, but it stays in the ranking: cutting its score would
            // hand the answer to another fact citing the same sentence.
            let other_actor = subject
                .is_some_and(|s| !doc.actors.is_empty() && !doc.actors.contains(&s))
                || speaker.is_some_and(|s| !speaks_in(doc, s));
            Ranked {
                target: doc.target,
                sentence: doc.sentence,
                score,
                intent,
                other_actor,
            }
        })
        .collect();
    ranked.sort_by(|a, b| b.score.partial_cmp(&a.score).unwrap_or(Ordering::Equal));
    Ok(ranked)
}

/// The question's content words, once each, with their weights (and vectors
/// for words the knowledge never uses).
fn query_terms(engine: &Engine, tokens: &[super::analyze::Token]) -> Vec<QueryTerm> {
    let index = &engine.index;
    let mut terms: Vec<QueryTerm> = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    for (i, token) in tokens.iter().enumerate() {
        if !seen.insert(token.stem.as_str()) {
            continue;
        }
        let is_number = token.word.chars().all(|c| c.is_ascii_digit());
        let share = informativeness(&token.word, is_number && token.term.is_none());
        let (weight, vector) = match token.term {
            Some(t) => (index.idf[t as usize] * share, None),
            None => {
                let vector = engine
                    .semantic
                    .as_ref()
                    .and_then(|s| s.word_vector(&token.word));
                (index.unseen_weight * share, vector)
            }
        };
        terms.push(QueryTerm {
            word: token.word.clone(),
            term: token.term,
            weight,
            vector,
            counts: if is_number && token.term.is_none() {
                tokens[i + 1..]
                    .iter()
                    .take(COUNTED_SPAN)
                    .filter_map(|next| next.term)
                    .collect()
            } else {
                Vec::new()
            },
            memo: Vec::new(),
        });
    }
    terms
}

/// The words the engine reads in a question, with their weights, and
/// whether the knowledge knows each: for `citebot ask --explain`.
pub fn weighted_words(engine: &Engine, message: &str) -> Vec<(String, f32, bool)> {
    let q = engine.analyzer.analyse_question(words(message));
    let mut out: Vec<(String, f32, bool)> = q
        .corrections
        .iter()
        .map(|(typed, fixed)| (format!("({typed}->{fixed})"), 0.0, true))
        .collect();
    out.extend(
        query_terms(engine, &q.tokens)
            .into_iter()
            .map(|t| (t.word, t.weight, t.term.is_some())),
    );
    out
}

/// How much of its full weight a question word gets, by how common it is in
/// English: a rare or unknown word ("kevlar", "javelin") is a detail the
/// question insists on, while a common one ("keep", "part", "day") is more
/// likely the asker's own phrasing. A number the knowledge never uses counts
/// little, as people guess numbers ("like 10k troops").
fn informativeness(word: &str, is_number: bool) -> f32 {
    if is_number {
        return 0.4;
    }
    match english_rank(word) {
        None => 1.0,
        Some(rank) => ((rank as f32 + 1.0) / COMMON_RANK).sqrt().clamp(0.25, 1.0),
    }
}

/// The named entities of a question that the knowledge mentions; an entity
/// the knowledge never mentions ends the search.
fn named_entities(
    engine: &Engine,
    tokens: &[super::analyze::Token],
) -> Result<Vec<Mention>, NoAnswer> {
    let mut mentions = engine.index.find_entities(tokens);
    // A capital the knowledge never names stands for its country when the
    // knowledge names that ("Tallinn" for Estonia).
    for m in mentions.iter_mut().filter(|m| !m.known) {
        let name: Vec<&str> = tokens[m.start..m.end]
            .iter()
            .map(|t| t.word.as_str())
            .collect();
        let country = crate::lexicon::country_of_capital(&name.join(" "))
            .and_then(|c| engine.analyzer.analyse_known(c).tokens.first()?.term)
            .filter(|t| !engine.index.postings[*t as usize].is_empty());
        if let Some(term) = country {
            m.term = term;
            m.known = true;
        }
    }
    if let Some(unknown) = mentions.iter().find(|m| !m.known) {
        let name: Vec<&str> = tokens[unknown.start..unknown.end]
            .iter()
            .map(|t| t.word.as_str())
            .collect();
        return Err(NoAnswer::NotMentioned(name.join(" ")));
    }
    Ok(mentions)
}

/// The entity the question asks about as the one doing something: the
/// subject of "did/has/will X <verb>" or "is X <verb>ing" ("did Russia
/// reject the demands"). Not the subject of a passive ("was Estonia blocked
/// by Germany"), of "is X part of", nor of a verb its subject undergoes
/// ("did the Baltics get permission"). A list ("Estonia, Latvia and
/// Lithuania") is read up to its last name.
fn doer(q: &super::analyze::Analysed, entities: &[Mention]) -> Option<Doer> {
    const UNDERGOES: &[&str] = &[
        "get", "gets", "got", "receive", "received", "face", "faced", "suffer", "suffered", "need",
        "needs", "deserve", "expect", "take", "took", "accept", "accepted",
    ];
    let first = entities.iter().position(|m| m.subject)?;
    if q.all_words.iter().any(|w| w == "by") {
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
        .find(|w| !matches!(w.as_str(), "the" | "a" | "an"))?;
    let verb = q.all_words.get(end + 1)?;
    if UNDERGOES.contains(&verb.as_str()) || matches!(verb.as_str(), "be" | "been" | "being") {
        return None;
    }
    let is_be = matches!(auxiliary.as_str(), "is" | "are" | "was" | "were");
    (!is_be || verb.ends_with("ing")).then(|| Doer {
        term: entities[first].term,
        speaks: asks_speech(&q.all_words[q.tokens[entities[first].end - 1].at + 1..]),
    })
}

/// The doer of a question, and whether it is asked about as a speaker.
#[derive(Debug, Clone, Copy)]
struct Doer {
    term: TermId,
    speaks: bool,
}

/// True when the words after the question's doer open with a verb of
/// speech ("what did Putin say", "did Biden personally tell").
fn asks_speech(after: &[String]) -> bool {
    const ASKED: &[&str] = &[
        "say",
        "said",
        "tell",
        "told",
        "respond",
        "responded",
        "reply",
        "replied",
        "react",
        "reacted",
        "announce",
        "announced",
        "comment",
        "commented",
        "claim",
        "claimed",
    ];
    after.iter().take(2).any(|w| ASKED.contains(&w.as_str()))
}

/// True when `speaker` may be the one speaking in the document's sentence:
/// it names no speaker, names this one, or names one of the fact's actors
/// while the speaker is one too (the secretary speaks for the US).
fn speaks_in(doc: &Doc, speaker: TermId) -> bool {
    doc.speakers.is_empty()
        || doc.speakers.contains(&speaker)
        || doc.actors.contains(&speaker) && doc.speakers.iter().any(|s| doc.actors.contains(s))
}

/// True when the question names two entities in the opposite order from
/// every intent and the source that name both ("Russia's ambassador to the
/// US" against "U.S. Ambassador to Russia"): the right words, the wrong roles.
fn roles_swapped(doc: &Doc, entities: &[Mention], q: &super::analyze::Analysed) -> bool {
    for (i, first) in entities.iter().enumerate() {
        for second in &entities[i + 1..] {
            let (a, b) = (first, second);
            // Only entities close together in the question stand in one relation.
            // "Which NATO ally did Berlin block": the object comes first, so
            // the order says nothing about roles.
            let object_first = a.asked_about || b.subject;
            if a.term == b.term || b.start - a.end > ROLE_DISTANCE || object_first {
                continue;
            }
            // "What did Blinken say about Ukraine": a speaker and a topic,
            // not a doer and an object whose order could be swapped.
            let between = &q.all_words[q.tokens[a.end - 1].at + 1..q.tokens[b.start].at];
            if between.iter().any(|w| TOPIC_WORDS.contains(&w.as_str())) {
                continue;
            }
            // A passive names the doer last: "Estonia blocked by Germany"
            // is "Germany blocked Estonia".
            let at = q.tokens[b.start].at;
            let (a, b) = if at > 0 && q.all_words[at - 1] == "by" {
                (b, a)
            } else {
                (a, b)
            };
            let mut both = false;
            let mut same_order = false;
            for seq in &doc.sequences {
                let first_a = seq.iter().position(|&t| t == a.term);
                let last_b = seq.iter().rposition(|&t| t == b.term);
                if let (Some(pa), Some(pb)) = (first_a, last_b) {
                    both = true;
                    same_order |= pa < pb;
                }
            }
            if both && !same_order {
                return true;
            }
        }
    }
    false
}

/// Documents worth scoring: those sharing a word with the question, at most
/// [`CANDIDATES`] of them, those sharing the most weight first. A fact that
/// meets the question only through word vectors is never the answer.
fn candidates(engine: &Engine, terms: &[QueryTerm]) -> Vec<usize> {
    let index = &engine.index;
    let mut accumulated = vec![0.0f32; index.docs.len()];
    let mut touched: Vec<u32> = Vec::new();
    for term in terms {
        let Some(t) = term.term else { continue };
        for &d in &index.postings[t as usize] {
            let slot = &mut accumulated[d as usize];
            if *slot == 0.0 {
                touched.push(d);
            }
            *slot += term.weight;
        }
    }
    // A document's score cannot exceed the share of the question's weight
    // it matches exactly, plus what word vectors could add: one that cannot
    // reach a suggestion is not scored at all (it could not change the
    // decision either, being too far behind any answer).
    let total: f32 = terms.iter().map(|t| t.weight).sum();
    let semantic: f32 = terms
        .iter()
        .filter(|t| t.vector.is_some())
        .map(|t| t.weight)
        .sum();
    let floor = UNSURE * total - semantic;
    let mut scored: Vec<(u32, f32)> = touched
        .into_iter()
        .map(|d| (d, accumulated[d as usize]))
        .filter(|&(_, w)| w >= floor)
        .collect();
    if scored.len() > CANDIDATES {
        scored.select_nth_unstable_by(CANDIDATES, |a, b| {
            b.1.partial_cmp(&a.1).unwrap_or(Ordering::Equal)
        });
        scored.truncate(CANDIDATES);
    }
    scored.into_iter().map(|(d, _)| d as usize).collect()
}

/// How well a document answers the question, in 0..=1, before the guards.
/// Also returns the best intent's part alone: which of the facts citing one
/// sentence the question asks about.
fn doc_score(engine: &Engine, doc: &Doc, query: &mut Query, wanted: Wants) -> (f32, f32) {
    let idf = &engine.index.idf;
    let total = query.total;
    let mut bag = 0.0;
    for &(t, weight) in &query.exact {
        if doc.bag.binary_search(&t).is_ok() {
            bag += weight;
        }
    }
    for term in query.semantic.iter_mut() {
        bag += term.weight * matching(engine, term, &doc.bag).0;
    }
    // A guessed number ("like 10k troops") is matched by a sentence giving a
    // number of the same thing, whatever the number.
    let guessed: f32 = query
        .guesses
        .iter()
        .filter(|(counted, _)| counted.iter().any(|t| doc.counted.binary_search(t).is_ok()))
        .map(|(_, weight)| weight)
        .sum();
    bag += guessed;
    let mut best_intent = 0.0f32;
    for ((intent, &intent_weight), &intent_wants) in doc
        .intents
        .iter()
        .zip(&doc.intent_weight)
        .zip(&doc.intent_wants)
    {
        let mut question_covered = guessed;
        let mut intent_covered = 0.0;
        for &u in intent {
            let weight = query.weights[u as usize];
            if weight > 0.0 {
                question_covered += weight;
                intent_covered += idf[u as usize];
            }
        }
        for term in query.semantic.iter_mut() {
            let (credit, matched) = matching(engine, term, intent);
            question_covered += term.weight * credit;
            if let Some(t) = matched {
                intent_covered += idf[t as usize] * credit;
            }
        }
        let intent_share = (intent_covered / intent_weight.max(f32::EPSILON)).min(1.0);
        let mut score =
            question_covered / total * (QUESTION_SHARE + (1.0 - QUESTION_SHARE) * intent_share);
        if intent_wants != Wants::Any && !intent_wants.agrees_with(wanted) {
            score *= OTHER_KIND_INTENT;
        }
        best_intent = best_intent.max(score);
    }
    (
        INTENT_SHARE * best_intent + (1.0 - INTENT_SHARE) * bag / total,
        best_intent,
    )
}

/// Credit for a question word in a sorted set of terms: 1 for the same term,
/// a semantic credit for a word the knowledge never uses, else 0; with the
/// term matched.
fn matching(engine: &Engine, term: &mut QueryTerm, set: &[TermId]) -> (f32, Option<TermId>) {
    if let Some(t) = term.term {
        return if set.binary_search(&t).is_ok() {
            (1.0, Some(t))
        } else {
            (0.0, None)
        };
    }
    let (Some(vector), Some(semantic)) = (&term.vector, &engine.semantic) else {
        return (0.0, None);
    };
    let mut best = (0.0, None);
    for &t in set {
        let slot = &mut term.memo[t as usize];
        if slot.is_nan() {
            *slot = semantic.credit(vector, t);
        }
        if *slot > best.0 {
            best = (*slot, Some(t));
        }
    }
    best
}

/// Turns a ranking into a reply.
pub fn decide(engine: &Engine, ranked: &[Ranked]) -> Reply {
    let Some(best) = ranked.first() else {
        return Reply::Unknown(NoAnswer::NotCovered);
    };
    let runner_up = ranked
        .iter()
        .find(|r| r.sentence != best.sentence)
        .map_or(0.0, |r| r.score);
    let lead = best.score - runner_up;
    let confident =
        (best.score >= SURE && lead >= SURE_MARGIN) || (best.score >= ANSWER && lead >= MARGIN);
    // Facts citing one sentence share its words; the one whose intents
    // match best is what the question asks about. If that one tells what
    // someone else did ("what did Putin say in reply" against the US
    // reply), a sibling fact is no answer either.
    let asked_about = ranked
        .iter()
        .filter(|r| r.sentence == best.sentence)
        .max_by(|a, b| a.intent.partial_cmp(&b.intent).unwrap_or(Ordering::Equal));
    let other_actor = best.other_actor
        || asked_about.is_some_and(|r| r.other_actor && best.intent < BORROWED * r.intent);
    if confident && !other_actor {
        return Reply::Answered(engine.answer_for(best.target, best.score));
    }
    if best.score < UNSURE {
        return Reply::Unknown(NoAnswer::NotCovered);
    }
    let mut suggestions = Vec::new();
    let mut sentences = Vec::new();
    for r in ranked.iter().take_while(|r| r.score >= UNSURE) {
        if sentences.contains(&r.sentence) {
            continue;
        }
        sentences.push(r.sentence);
        suggestions.push(engine.suggestion_for(r.target, r.score));
        if suggestions.len() == 3 {
            break;
        }
    }
    Reply::Unsure(suggestions)
}
