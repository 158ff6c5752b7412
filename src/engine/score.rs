//! Scoring facts against a question and deciding between answering,
//! offering suggestions and saying the article does not say.
//!
//! [`rank`] runs the stages in order: read the question ([`read`]), weigh
//! its words ([`query_terms`]), pick candidate facts through the postings
//! ([`candidates`]), score each on its words ([`doc_score`]), let the named
//! rules of [`super::rules`] cut or veto it, then check the best against
//! what the question asserts ([`super::rules::contradiction`]). [`decide`]
//! turns the ranking into a reply. Every number comes from [`Tunables`].
//!
//! A fact's word score mixes how much of the question's weighted words its
//! best intent covers (and how much of that intent the question covers)
//! with how much of the question its whole bag of words covers. Rare words
//! weigh more; a word the knowledge never uses counts against every fact
//! unless the word vectors find it a close counterpart.

use std::cmp::Ordering;

use super::analyze::{Analysed, TermId, Token};
use super::index::{Doc, Target};
use super::question::{Wants, wants_in};
use super::rules::answer_kind::{Counted, Identified};
use super::rules::{self, Fired, Reading, Rule};
use super::{Engine, NoAnswer, Reply, Tunables};
use crate::lexicon::english_rank;

/// A scored fact (or uncited sentence).
#[derive(Debug, Clone, Copy)]
pub struct Ranked {
    /// What it answers.
    pub target: Target,
    /// Index of the sentence it cites.
    pub sentence: usize,
    /// Its score in 0..=1, after the rules.
    pub score: f32,
    /// Its score on words alone, before the guards.
    pub base: f32,
    /// How well its best intent alone matches the question.
    pub intent: f32,
    /// The rules that fired for it.
    pub fired: Fired,
    /// What the boosts added: a guessed number's and the word vectors' share.
    pub boosts: [f32; 2],
}

impl Ranked {
    /// True when a veto keeps it from being the answer.
    fn vetoed(&self) -> bool {
        self.fired.has(Rule::OtherDoer) || self.fired.has(Rule::OtherSpeaker)
    }
}

/// A question word with its weight and, for words the knowledge never uses,
/// its vector.
struct QueryTerm {
    word: String,
    term: Option<TermId>,
    weight: f32,
    vector: Option<Vec<f32>>,
    /// For a number the knowledge never uses, the terms it may count: the
    /// next words ("10k russian troops": russian, troops), as one of them
    /// is the noun: a fact that gives a number of that answers it.
    counts: Vec<TermId>,
    /// Semantic credit per vocabulary term, filled as needed (NaN = not yet).
    memo: Vec<f32>,
}

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

/// Stage 1: reads the question once for every rule: its entities (an
/// entity the article never mentions ends the search), the kind of answer
/// it wants, its doer, what it counts and what it asks to identify.
fn read(engine: &Engine, question: Analysed) -> Result<Reading, NoAnswer> {
    let entities = rules::entities::named(
        &engine.index,
        &engine.analyzer,
        &question.tokens,
        &question.all_words,
    )?;
    let wanted = wants_in(
        &question.all_words,
        engine.knowledge.meta.later_events_unknown,
    );
    let doer = rules::doer::read(&question, &entities);
    let counted = Counted::read(&question.all_words, wanted, &engine.analyzer, &engine.index);
    let identified = Identified::read(
        &question.all_words,
        &engine.analyzer,
        engine.semantic.as_ref(),
    );
    Ok(Reading {
        question,
        entities,
        wanted,
        doer,
        counted,
        identified,
    })
}

/// Scores the knowledge's facts against a question, best first.
pub fn rank(engine: &Engine, words: Vec<String>) -> Result<Vec<Ranked>, NoAnswer> {
    let t = &engine.tunables;
    let asked = words.clone();
    let reading = read(engine, engine.analyzer.analyse_question(words))?;
    let mut query = query(engine, &reading.question.tokens)?;
    let candidates = candidates(engine, &query);
    let mut ranked: Vec<Ranked> = candidates
        .into_iter()
        .map(|d| {
            let doc = &engine.index.docs[d];
            let scored = doc_score(engine, doc, &mut query, reading.wanted);
            // Stage 5: the named guards and vetoes.
            let (factor, mut fired) =
                rules::guard(&reading, doc, &engine.index, engine.semantic.as_ref(), t);
            fired.merge(scored.fired);
            Ranked {
                target: doc.target,
                sentence: doc.sentence,
                score: scored.score * factor,
                base: scored.score,
                intent: scored.intent,
                fired,
                boosts: scored.boosts,
            }
        })
        .collect();
    ranked.sort_by(|a, b| b.score.partial_cmp(&a.score).unwrap_or(Ordering::Equal));
    // Stage 6: what the question asserts against what the best facts assert.
    rules::contradiction::apply(engine, &asked, &mut ranked);
    Ok(ranked)
}

/// Stage 2: the question's words as a [`Query`]; no word worth matching
/// means the knowledge does not cover the question.
fn query(engine: &Engine, tokens: &[Token]) -> Result<Query, NoAnswer> {
    let mut terms = query_terms(engine, tokens);
    if terms.is_empty() || terms.iter().all(|t| t.term.is_none() && t.vector.is_none()) {
        return Err(NoAnswer::NotCovered);
    }
    let exact_terms: Vec<TermId> = terms.iter().filter_map(|t| t.term).collect();
    for term in terms.iter_mut().filter(|t| t.vector.is_some()) {
        // A paraphrase word must find its own counterpart, not lean on a
        // word the question already matched ("kevlar helmets" is not two
        // words about helmets).
        term.memo = vec![f32::NAN; engine.analyzer.vocabulary_len()];
        for &t in &exact_terms {
            term.memo[t as usize] = 0.0;
        }
    }
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
    Ok(Query {
        weights,
        exact,
        semantic,
        guesses,
        total,
    })
}

/// The question's content words, once each, with their weights (and vectors
/// for words the knowledge never uses).
fn query_terms(engine: &Engine, tokens: &[Token]) -> Vec<QueryTerm> {
    let index = &engine.index;
    let t = &engine.tunables;
    let mut terms: Vec<QueryTerm> = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    for (i, token) in tokens.iter().enumerate() {
        if !seen.insert(token.stem.as_str()) {
            continue;
        }
        let is_number = token.word.chars().all(|c| c.is_ascii_digit());
        let guessed = is_number && token.term.is_none();
        let share = informativeness(&token.word, guessed, t);
        let (weight, vector) = match token.term {
            Some(term) => (index.idf[term as usize] * share, None),
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
            counts: if guessed {
                tokens[i + 1..]
                    .iter()
                    .take(t.counted_span)
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
    let q = engine
        .analyzer
        .analyse_question(engine.question_words(message));
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
fn informativeness(word: &str, guessed_number: bool, t: &Tunables) -> f32 {
    if guessed_number {
        return t.guessed_number;
    }
    match english_rank(word) {
        None => 1.0,
        Some(rank) => ((rank as f32 + 1.0) / t.common_rank)
            .sqrt()
            .clamp(t.common_floor, 1.0),
    }
}

/// Stage 3: facts worth scoring: those sharing a word with the question, at
/// most `candidates` of them, those sharing the most weight first. A fact
/// that meets the question only through word vectors is never the answer.
fn candidates(engine: &Engine, query: &Query) -> Vec<usize> {
    let index = &engine.index;
    let t = &engine.tunables;
    let mut accumulated = vec![0.0f32; index.docs.len()];
    let mut touched: Vec<u32> = Vec::new();
    for &(term, weight) in &query.exact {
        for &d in &index.postings[term as usize] {
            let slot = &mut accumulated[d as usize];
            if *slot == 0.0 {
                touched.push(d);
            }
            *slot += weight;
        }
    }
    // A fact's score cannot exceed the share of the question's weight it
    // matches exactly, plus what word vectors could add: one that cannot
    // reach a suggestion is not scored at all (it could not change the
    // decision either, being too far behind any answer).
    let semantic: f32 = query.semantic.iter().map(|t| t.weight).sum();
    let floor = t.unsure * query.total - semantic;
    let mut scored: Vec<(u32, f32)> = touched
        .into_iter()
        .map(|d| (d, accumulated[d as usize]))
        .filter(|&(_, w)| w >= floor)
        .collect();
    if scored.len() > t.candidates {
        scored.select_nth_unstable_by(t.candidates, |a, b| {
            b.1.partial_cmp(&a.1).unwrap_or(Ordering::Equal)
        });
        scored.truncate(t.candidates);
    }
    scored.into_iter().map(|(d, _)| d as usize).collect()
}

/// A fact's score on words alone.
struct WordScore {
    /// In 0..=1.
    score: f32,
    /// Its best intent's part alone: which of the facts citing one sentence
    /// the question asks about.
    intent: f32,
    /// `intent-other-kind` when it cut the best intent, and the boosts that added.
    fired: Fired,
    /// What a guessed number and the word vectors added to the score.
    boosts: [f32; 2],
}

/// Stage 4: how well a fact answers the question on its words, in 0..=1,
/// before the guards.
fn doc_score(engine: &Engine, doc: &Doc, query: &mut Query, wanted: Wants) -> WordScore {
    let idf = &engine.index.idf;
    let t = &engine.tunables;
    let total = query.total;
    let mut fired = Fired::default();
    let mut bag = 0.0;
    for &(term, weight) in &query.exact {
        if doc.bag.binary_search(&term).is_ok() {
            bag += weight;
        }
    }
    let mut vectors = 0.0;
    for term in query.semantic.iter_mut() {
        vectors += term.weight * matching(engine, term, &doc.bag).0;
    }
    // Rule `guessed-number`: a guessed number ("like 10k troops") is matched
    // by a sentence giving a number of the same thing, whatever the number.
    let guessed: f32 = query
        .guesses
        .iter()
        .filter(|(counted, _)| counted.iter().any(|t| doc.counted.binary_search(t).is_ok()))
        .map(|(_, weight)| weight)
        .sum();
    bag += vectors + guessed;
    let mut best_intent = 0.0f32;
    let mut best_cut = false;
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
            if let Some(m) = matched {
                intent_covered += idf[m as usize] * credit;
            }
        }
        let intent_share = (intent_covered / intent_weight.max(f32::EPSILON)).min(1.0);
        let mut score =
            question_covered / total * (t.question_share + (1.0 - t.question_share) * intent_share);
        let cut = rules::intent_kind::applies(intent_wants, wanted);
        if cut {
            score *= t.other_kind_intent;
        }
        if score > best_intent {
            best_intent = score;
            best_cut = cut;
        }
    }
    if best_cut {
        fired.add(Rule::IntentOtherKind);
    }
    let bag_share = 1.0 - t.intent_share;
    let boosts = [bag_share * guessed / total, bag_share * vectors / total];
    if boosts[0] > 0.0 {
        fired.add(Rule::GuessedNumber);
    }
    if boosts[1] > 0.0 {
        fired.add(Rule::WordVectors);
    }
    WordScore {
        score: t.intent_share * best_intent + bag_share * bag / total,
        intent: best_intent,
        fired,
        boosts,
    }
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

/// How the ranking was decided, for `--explain`.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// Index in the ranking of the fact answered with, if any.
    pub answer: Option<usize>,
    /// Whether suggestions are offered (the reply is "unsure").
    pub suggest: bool,
    /// Why, in words an admin can act on.
    pub reason: String,
}

/// Stage 7: decides between answering, suggesting and declining.
pub fn verdict(ranked: &[Ranked], t: &Tunables) -> Verdict {
    let Some(best) = ranked.first() else {
        return Verdict {
            answer: None,
            suggest: false,
            reason: "no fact shares a word with the question".to_string(),
        };
    };
    let runner_up = ranked
        .iter()
        .find(|r| r.sentence != best.sentence)
        .map_or(0.0, |r| r.score);
    let lead = best.score - runner_up;
    let sure = best.score >= t.sure && lead >= t.sure_margin;
    let confident = sure || (best.score >= t.answer && lead >= t.margin);
    let asked_about = ranked
        .iter()
        .filter(|r| r.sentence == best.sentence)
        .max_by(|a, b| a.intent.partial_cmp(&b.intent).unwrap_or(Ordering::Equal));
    let veto = if best.vetoed() {
        best.fired
            .rules()
            .find(|r| matches!(r, Rule::OtherDoer | Rule::OtherSpeaker))
    } else {
        asked_about
            .filter(|r| rules::sibling::borrowed(best.intent, r.vetoed(), r.intent, t.borrowed))
            .map(|_| Rule::SiblingBorrowed)
    };
    let scores = format!(
        "best {:.3}, lead {lead:.3} over the next sentence (answer at {:.2} with lead {:.2}, or {:.2} with lead {:.2})",
        best.score, t.answer, t.margin, t.sure, t.sure_margin
    );
    if confident && veto.is_none() {
        return Verdict {
            answer: Some(0),
            suggest: false,
            reason: format!("answered: {scores}"),
        };
    }
    if best.score < t.unsure {
        return Verdict {
            answer: None,
            suggest: false,
            reason: format!(
                "declined: best {:.3} is under unsure {:.2}",
                best.score, t.unsure
            ),
        };
    }
    let why = match veto {
        Some(rule) => format!("{rule} vetoed the best fact"),
        None => "not confident".to_string(),
    };
    Verdict {
        answer: None,
        suggest: true,
        reason: format!("unsure: {why}; {scores}"),
    }
}

/// Turns a ranking into a reply.
pub fn decide(engine: &Engine, ranked: &[Ranked]) -> Reply {
    let t = &engine.tunables;
    let verdict = verdict(ranked, t);
    if let Some(i) = verdict.answer {
        let best = &ranked[i];
        return Reply::Answered(engine.answer_for(best.target, best.score));
    }
    if !verdict.suggest {
        return Reply::Unknown(NoAnswer::NotCovered);
    }
    let mut suggestions = Vec::new();
    let mut sentences = Vec::new();
    for r in ranked.iter().take_while(|r| r.score >= t.unsure) {
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
