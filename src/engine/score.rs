//! Scoring facts against a question and deciding between answering,
//! offering suggestions and saying the article does not say.
//!
//! [`rank`] runs the stages in order: read the question ([`read`]), weigh
//! its words ([`query_terms`]), pick candidate facts through the postings
//! ([`candidates`]), score each on its words ([`word_scores`]), let the named
//! rules of [`super::rules`] cut or veto it, then check the best against
//! what the question asserts ([`super::rules::contradiction`]). [`decide`]
//! turns the ranking into a reply. Every number comes from [`Tunables`].
//!
//! A fact's word score mixes how much of the question's weighted words its
//! best intent covers (and how much of that intent the question covers)
//! with how much of the question its whole bag of words covers (and, when
//! `paragraph_context` is set, its paragraph: [`super::rules::context`]). Rare words
//! weigh more; a word the knowledge never uses counts against every fact
//! unless the word vectors find it a close counterpart.

use std::cell::RefCell;
use std::cmp::Ordering;

use super::analyze::{Analysed, TermId, Token};
use super::index::Target;
use super::question::{Wants, asks_the_hour, wants_of};
use super::rules::answer_kind::{Counted, Identified};
use super::rules::{self, Fired, Reading, Rule};
use super::{Engine, NoAnswer, Reply, Tunables, shortlist};

/// A scored fact (or uncited sentence).
#[derive(Debug, Clone, Copy)]
pub struct Ranked {
    /// What it answers.
    pub target: Target,
    /// Index of the sentence it cites.
    pub sentence: usize,
    /// Its score after the rules, for ranking: in 0..=1 but for what rules
    /// `paragraph-context` and `sentence-length` add ([`Ranked::evidence`]
    /// is always in 0..=1).
    pub score: f32,
    /// Its score on words alone, before the guards.
    pub base: f32,
    /// How well its best intent alone matches the question.
    pub intent: f32,
    /// The rules that fired for it.
    pub fired: Fired,
    /// What the boosts added: a guessed number's, the word vectors', the
    /// paragraph's and the phrases' share, what its length added or took,
    /// its neighbours' share, its antecedent's, what `why-words` took,
    /// and what a leader's title gave (rule `role-title`).
    pub boosts: [f32; 10],
    /// The share of its score that the ranking-only rules gave
    /// (`paragraph-context`, `sentence-length`; below zero when its length
    /// took from it): words of its paragraph, or its shortness, help to rank
    /// it but are no evidence that its sentence answers, so the decision
    /// reads its score without them.
    pub context_share: f32,
}

impl Ranked {
    /// Its score on its own words, without its paragraph's: what the
    /// decision to answer reads.
    pub fn evidence(&self) -> f32 {
        self.score * (1.0 - self.context_share)
    }

    /// True when a veto keeps it from being the answer.
    fn vetoed(&self) -> bool {
        self.fired.has(Rule::OtherDoer) || self.fired.has(Rule::OtherSpeaker)
    }
}

/// A question word with its weight and, for words the knowledge never uses,
/// its vector.
struct QueryTerm {
    /// Its place among the question's tokens (for its word).
    token: usize,
    term: Option<TermId>,
    weight: f32,
    vector: Option<Vec<f32>>,
    /// A word asking for whoever leads (rule `role-title`).
    role: bool,
    /// For a number the knowledge never uses, the terms it may count: the
    /// next words ("10k russian troops": russian, troops), as one of them
    /// is the noun: a fact that gives a number of that answers it.
    counts: Vec<TermId>,
}

/// A question ready for scoring: its known words by term, and its other
/// words with their vectors.
struct Query {
    /// The question's known terms with their weights, in question order.
    exact: Vec<(TermId, f32)>,
    /// The same, by term.
    exact_by_term: Vec<(TermId, f32)>,
    /// Words the knowledge never uses that have a vector.
    semantic: Vec<QueryTerm>,
    /// Numbers the knowledge never uses, with the terms each may count.
    guesses: Vec<(Vec<TermId>, f32)>,
    /// Words asking for whoever leads (rule `role-title`), with their
    /// terms if the knowledge uses them and their weights.
    roles: Vec<(Option<TermId>, f32)>,
    /// The leaders' titles the knowledge uses, when a word asks for one.
    titles: Vec<TermId>,
    /// Total weight of the question's words.
    total: f32,
    /// Whether the question asks what someone said (rule `quoted-speaker`).
    asks_said: bool,
}

/// Stage 1: reads the question once for every rule: its entities (an
/// entity the article never mentions ends the search), the kind of answer
/// it wants, its doer, what it counts and what it asks to identify.
fn read<'a>(
    engine: &Engine,
    typed: &[&str],
    question: Analysed<'a>,
) -> Result<Reading<'a>, NoAnswer> {
    let entities = rules::entities::named(
        &engine.index,
        &engine.analyzer,
        &question.tokens,
        &question.all_words,
    )?;
    let wanted = wants_of(
        &question.all_words,
        &question.classes,
        engine.knowledge.meta.later_events_unknown,
    );
    let hour = wanted == Wants::Time && asks_the_hour(&question.all_words);
    let doer = rules::doer::read(&question, &entities);
    let counted = Counted::read(&question.all_words, wanted, &engine.analyzer, &engine.index);
    let identified = Identified::read(
        &question.all_words,
        typed,
        &engine.analyzer,
        engine.semantic.as_ref(),
    );
    let roles = rules::roles::named(
        rules::roles::pairs(&entities, &question, &engine.tunables),
        &engine.index,
    );
    // Read from the words' classes, once for rules `names-only` and
    // `quoted-speaker`.
    let asks_said = rules::speaker::asks_what_was_said_of(&question.classes);
    Ok(Reading {
        names_only: rules::names_only::asks(
            &question.all_words,
            typed,
            !entities.is_empty(),
            asks_said,
        ),
        asks_said,
        unknown_property: rules::unknown_property::asks(&question),
        of_view: rules::quoted::asks_of_a_view(wanted, &question.all_words),
        roles,
        question,
        countries: rules::entities::countries(&entities, &engine.index),
        entities,
        hour,
        wanted,
        doer,
        counted,
        identified,
    })
}

/// Scores the knowledge's facts against a question (its words, and
/// whether they ask for a yes or a no: [`super::is_yes_no`]), best first.
pub fn rank(engine: &Engine, words: &[&str], yes_no: bool) -> Result<Vec<Ranked>, NoAnswer> {
    let t = &engine.tunables;
    let asked = words;
    let reading = read(engine, words, engine.analyzer.analyse_question(words))?;
    let mut query = query(engine, &reading.question.tokens, reading.wanted)?;
    query.asks_said = reading.asks_said;
    // The candidates and their word scores go through the scratch's lists
    // (taken for the question and given back), so that only the ranking
    // itself is allocated.
    let mut ranked: Vec<Ranked> = SCRATCH.with(|scratch| {
        let mut scratch = scratch.borrow_mut();
        let scratch = &mut *scratch;
        scratch.fit(&engine.index);
        let mut shortlist = std::mem::take(&mut scratch.candidates);
        candidates(engine, &query, scratch, &mut shortlist);
        let mut scores = std::mem::take(&mut scratch.scores);
        word_scores(
            engine,
            &shortlist,
            &query,
            reading.wanted,
            &reading.identified,
            scratch,
            &mut scores,
        );
        // Stage 5: the named guards and vetoes, in the candidates' order.
        let mut guarded = std::mem::take(&mut scratch.guarded);
        guarded.clear();
        guarded.extend(scores.iter().map(|(d, scored)| {
            let doc = &engine.index.docs[*d as usize];
            let (factor, mut fired) =
                rules::guard(&reading, doc, &engine.index, engine.semantic.as_ref(), t);
            fired.merge(scored.fired);
            (scored.score * factor, fired)
        }));
        let mut order = std::mem::take(&mut scratch.order);
        by_score(&guarded, &mut order);
        let ranked = order
            .iter()
            .map(|&(score, s)| {
                let (d, scored) = &scores[s as usize];
                let doc = &engine.index.docs[*d as usize];
                Ranked {
                    target: doc.target,
                    sentence: doc.sentence,
                    score,
                    base: scored.score,
                    intent: scored.intent,
                    fired: guarded[s as usize].1,
                    boosts: scored.boosts,
                    context_share: scored.context_share,
                }
            })
            .collect();
        scores.clear();
        scratch.candidates = shortlist;
        scratch.scores = scores;
        scratch.guarded = guarded;
        scratch.order = order;
        ranked
    });
    // Stage 6: what the question asserts against what the best facts assert.
    rules::contradiction::apply(engine, asked, &reading.question, yes_no, &mut ranked);
    rules::asked_figure::apply(engine, asked, yes_no, &mut ranked);
    rules::asked_measure::apply(engine, asked, yes_no, &mut ranked);
    rules::nothing_said::apply(engine, asked, yes_no, &mut ranked);
    // Stage 6 still: a word of the sentence the question replaced.
    let replaced = || {
        rules::substituted::Asked::read(
            &reading.question.tokens,
            &reading.question.all_words,
            &engine.analyzer,
            &engine.terms,
            t.substitution_span,
        )
    };
    rules::substituted::apply(replaced, engine, yes_no, &mut ranked);
    // Stage 6 done: a reason in the sentence after a best fact stating none,
    // which the question's words need not meet (nor contradict).
    rules::following::apply(&engine.index, reading.wanted, t, &mut ranked);
    Ok(ranked)
}

/// Each candidate's score (`guarded`, in the candidates' order) with its
/// place, best first, among equal scores in the candidates' order: the
/// order a stable sort of the ranking by score gives, found by sorting
/// these small pairs rather than the ranking's large entries (a question
/// with many candidates spent ~10 k instructions moving them), into
/// `order` (emptied first).
fn by_score(guarded: &[(f32, Fired)], order: &mut Vec<(f32, u32)>) {
    order.clear();
    order.extend(guarded.iter().zip(0..).map(|(g, s)| (g.0, s)));
    order.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(Ordering::Equal));
}

/// Stage 2: the question's words as a [`Query`]; no word worth matching
/// means the knowledge does not cover the question.
fn query(engine: &Engine, tokens: &[Token], wanted: Wants) -> Result<Query, NoAnswer> {
    let terms = query_terms(engine, tokens, wanted);
    if terms.is_empty() || terms.iter().all(|t| t.term.is_none() && t.vector.is_none()) {
        return Err(NoAnswer::NotCovered);
    }
    let total: f32 = terms.iter().map(|t| t.weight).sum();
    // Sized once: most of a question's terms are exact.
    let mut exact = Vec::with_capacity(terms.len());
    let mut semantic = Vec::new();
    let mut guesses = Vec::new();
    let mut roles = Vec::new();
    for mut term in terms {
        if !term.counts.is_empty() {
            guesses.push((std::mem::take(&mut term.counts), term.weight));
        }
        if term.role {
            roles.push((term.term, term.weight));
            continue;
        }
        match term.term {
            Some(t) => exact.push((t, term.weight)),
            None if term.vector.is_some() => semantic.push(term),
            None => {}
        }
    }
    let mut exact_by_term = exact.clone();
    exact_by_term.sort_unstable_by_key(|e| e.0);
    let titles = if roles.is_empty() {
        Vec::new()
    } else {
        engine.leader_titles().to_vec()
    };
    Ok(Query {
        exact,
        exact_by_term,
        semantic,
        guesses,
        roles,
        titles,
        total,
        asks_said: false,
    })
}

/// The question's content words, once each, with their weights (and vectors
/// for words the knowledge never uses).
/// `wanted` tells a word asking for whoever leads (rule `role-title`).
fn query_terms(engine: &Engine, tokens: &[Token], wanted: Wants) -> Vec<QueryTerm> {
    let index = &engine.index;
    let t = &engine.tunables;
    let mut terms: Vec<QueryTerm> = Vec::with_capacity(tokens.len());
    for (i, token) in tokens.iter().enumerate() {
        // Once each stem: a question has few words (at most
        // `MAX_QUESTION_WORDS`), so the earlier ones are searched in place.
        if tokens[..i].iter().any(|t| t.stem == token.stem) {
            continue;
        }
        let is_number = token.word.chars().all(|c| c.is_ascii_digit());
        let guessed = is_number && token.term.is_none();
        let share = informativeness(token.rank, guessed, t);
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
            token: i,
            term: token.term,
            weight,
            vector,
            role: rules::role::asks_for_leader(&token.word, wanted),
            counts: if guessed {
                tokens[i + 1..]
                    .iter()
                    .take(t.counted_span)
                    .filter_map(|next| next.term)
                    .collect()
            } else {
                Vec::new()
            },
        });
    }
    terms
}

/// The words the engine reads in a question, with their weights, and
/// whether the knowledge knows each: for `citebot ask --explain`.
pub fn weighted_words(engine: &Engine, message: &str) -> Vec<(String, f32, bool)> {
    let words = engine.question_words(message);
    let words = words.to_strs();
    let q = engine.analyzer.analyse_question(&words);
    let mut out: Vec<(String, f32, bool)> = q
        .corrections
        .iter()
        .map(|(typed, fixed)| (format!("({typed}->{fixed})"), 0.0, true))
        .collect();
    out.extend(
        query_terms(engine, &q.tokens, Wants::Any)
            .into_iter()
            .map(|t| {
                (
                    q.tokens[t.token].word.to_string(),
                    t.weight,
                    t.term.is_some(),
                )
            }),
    );
    out
}

/// How much of its full weight a question word gets, by how common it is in
/// English: a rare or unknown word ("kevlar", "javelin") is a detail the
/// question insists on, while a common one ("keep", "part", "day") is more
/// likely the asker's own phrasing. A number the knowledge never uses counts
/// little, as people guess numbers ("like 10k troops"). `rank`: the word's
/// rank among English words ([`Token::rank`]).
fn informativeness(rank: Option<usize>, guessed_number: bool, t: &Tunables) -> f32 {
    if guessed_number {
        return t.guessed_number;
    }
    match rank {
        None => 1.0,
        Some(rank) => ((rank as f32 + 1.0) / t.common_rank)
            .sqrt()
            .clamp(t.common_floor, 1.0),
    }
}

/// Per-thread buffers reused from question to question, indexed by document
/// and by term. Only the entries a question touched are reset after it, so
/// a question costs what it matches, not what the knowledge holds.
#[derive(Default)]
struct Scratch {
    /// Per document: the question's weight it matches exactly (0 = untouched).
    weight: Vec<f32>,
    /// Per document: its place among the candidates plus one (0 = not
    /// one); its first intent's place in [`word_scores`]' intent table is
    /// read through the candidate's place, so no second per-document list
    /// is kept (at 100k facts each is 400 kB a thread, cleared by the
    /// first question).
    slot: Vec<u32>,
    /// One bit per term, all clear between questions: the candidates'
    /// terms gathered for word vectors ([`distinct_terms`]).
    marked: Vec<u64>,
    /// Per term: its word-vector credit for the question word being
    /// matched (0 = none), reset after each word.
    credit: Vec<f32>,
    /// [`word_scores`]' lists, kept between questions so that a question
    /// does not allocate them again.
    lists: WordLists,
    /// The documents a walk of the postings met ([`shortlist::walk`]).
    touched: Vec<u32>,
    /// The question's candidates ([`candidates`]).
    candidates: Vec<(u32, f32)>,
    /// The candidates' word scores ([`word_scores`]).
    scores: Vec<(u32, WordScore)>,
    /// The candidates' scores after the guards, with the rules that fired,
    /// in the candidates' order.
    guarded: Vec<(f32, Fired)>,
    /// The candidates' scores and places, best first ([`by_score`]).
    order: Vec<(f32, u32)>,
}

/// The lists [`word_scores`] fills for each question, emptied and refilled
/// each time: per candidate, per intent of a candidate, and per term.
#[derive(Default)]
struct WordLists {
    /// Where each candidate's intents start in the per-intent lists.
    first: Vec<usize>,
    /// Per candidate: the weight of the question's guessed numbers it gives.
    guessed: Vec<f32>,
    /// Per intent: how much of the question it covers, and how much of it
    /// the question covers; all clear between questions (each entry is
    /// cleared as the scoring reads it), so that a question clears only
    /// the intents its words met.
    covered: Vec<(f32, f32)>,
    /// Per candidate: the word-vector credit of its words.
    vectors: Vec<f32>,
    /// The candidates' terms, once each, in order.
    terms: Vec<TermId>,
    /// One question word's credited terms.
    credits: Vec<(TermId, f32)>,
    /// Per intent: one question word's best credit and its term, all
    /// clear between words and between questions.
    best: Vec<(f32, TermId)>,
    /// The place in the intent table of each intent `best` credits.
    lit: Vec<usize>,
    /// Per candidate: one question word's best credit among its words.
    bag_best: Vec<f32>,
    /// Each candidate's document and place among the candidates, in
    /// document order: long posting lists are searched in that order.
    by_doc: Vec<(u32, u32)>,
}

impl Scratch {
    /// Grows the buffers every question reads to the knowledge's size
    /// (they never shrink: the same thread may serve a larger knowledge
    /// after a reload). The walk's `weight` is grown by [`walk`] alone: a
    /// large knowledge prunes most questions' postings and never needs it.
    fn fit(&mut self, index: &super::index::Index) {
        if self.slot.len() < index.docs.len() {
            self.slot.resize(index.docs.len(), 0);
        }
        if self.credit.len() < index.idf.len() {
            self.credit.resize(index.idf.len(), 0.0);
            self.marked.resize(index.idf.len().div_ceil(64), 0);
        }
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Stage 3: facts worth scoring, with the question's weight each matches
/// exactly: those sharing a word with the question, at most `candidates`
/// of them, those sharing the most weight first (among equals the earlier
/// fact), in the order the question's words first meet them
/// ([`shortlist`]), into `out`. A fact that meets the question only
/// through word vectors is never the answer.
fn candidates(engine: &Engine, query: &Query, scratch: &mut Scratch, out: &mut Vec<(u32, f32)>) {
    let index = &engine.index;
    let t = &engine.tunables;
    // A fact's score cannot exceed the share of the question's weight it
    // matches exactly, plus what word vectors could add: one that cannot
    // reach a suggestion is not scored at all (it could not change the
    // decision either, being too far behind any answer).
    // Rule `paragraph-context` may add its share of the whole question.
    // Rule `phrase-match` adds at most its share of the matched weight,
    // and rule `sentence-length` scales it by at most its factor for a
    // fact of no words.
    // Rule `role-title` may credit its words as fully as a match.
    let semantic: f32 = query.semantic.iter().map(|t| t.weight).sum::<f32>()
        + query.roles.iter().map(|r| r.1).sum::<f32>();
    let most = (1.0 + t.phrase_match) * rules::length::factor(0, 1.0, t);
    // Rule `quoted-speaker` may credit a share of a question asking what
    // someone said.
    let speaker = if query.asks_said {
        t.quoted_speaker
    } else {
        0.0
    };
    let floor = ((t.unsure - t.paragraph_context - t.neighbour_context - t.antecedent - speaker)
        * query.total
        - semantic)
        / most;
    let lists: Vec<shortlist::List> = query
        .exact
        .iter()
        .map(|&(term, weight)| (&index.postings[term as usize][..], weight))
        .collect();
    // Few postings are walked (cheaper than pruning them); many are pruned:
    // both give the same shortlist.
    let postings: usize = lists.iter().map(|l| l.0.len()).sum();
    if postings > t.candidates.saturating_mul(WALK_PER_CANDIDATE) && shortlist::can_prune(&lists) {
        let sets: Vec<Option<&[u64]>> = query
            .exact
            .iter()
            .map(|&(term, _)| index.members.get(&term).map(|m| &m[..]))
            .collect();
        *out = shortlist::prune(&lists, &sets, floor, t.candidates);
    } else {
        walk(&lists, floor, t.candidates, index.docs.len(), scratch, out);
    }
    rules::speaker::add_candidates(index, &query.exact_by_term, query.asks_said, t, out);
}

/// [`shortlist::walk`] through the scratch's buffers (`weight` grown to
/// the knowledge's `docs` the first time), kept out of line:
/// inlined into [`candidates`] (as the compiler chose once the scoring
/// changed around it) it cost ~340 more instructions a question.
#[inline(never)]
fn walk(
    lists: &[shortlist::List],
    floor: f32,
    k: usize,
    docs: usize,
    scratch: &mut Scratch,
    out: &mut Vec<(u32, f32)>,
) {
    if scratch.weight.len() < docs {
        scratch.weight.resize(docs, 0.0);
    }
    let (weight, touched) = (&mut scratch.weight, &mut scratch.touched);
    shortlist::walk(lists, floor, k, weight, touched, out);
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
    /// What a guessed number, the word vectors, the paragraph and the
    /// phrases added to the score, what its length added or took, and its
    /// neighbours' share.
    boosts: [f32; 10],
    /// The share of the score that the ranking-only rules gave.
    context_share: f32,
}

/// Stage 4: how well each candidate answers the question on its words, in
/// 0..=1, before the guards, into `out` (in the candidates' order).
///
/// A fact's score mixes its best intent's and its whole bag's coverage of
/// the question. Both are gathered through the postings of the question's
/// terms (term → facts, term → (fact, intent)), so only intents that share
/// a term are touched; a word the knowledge never uses gets the credit of
/// its closest term in each intent, those terms found once per question.
/// Sums run in the order of a word-by-word scan (an intent's terms in term
/// order, then the vector words in question order), so scores are exactly
/// those of reading every intent. A "which X" noun read by its vector
/// (`identified`) is handed its word's credits, for rule `which-noun`.
fn word_scores(
    engine: &Engine,
    candidates: &[(u32, f32)],
    query: &Query,
    wanted: Wants,
    identified: &[Identified],
    scratch: &mut Scratch,
    out: &mut Vec<(u32, WordScore)>,
) {
    let index = &engine.index;
    let idf = &index.idf;
    let t = &engine.tunables;
    let total = query.total;
    let n = candidates.len();
    // The lists are taken from the scratch for this question and given back.
    let mut lists = std::mem::take(&mut scratch.lists);
    let WordLists {
        first,
        guessed,
        covered,
        vectors,
        terms,
        credits,
        best,
        lit,
        bag_best,
        by_doc,
    } = &mut lists;
    // Each candidate's intents in one flat table: candidate s owns
    // first[s]..first[s + 1].
    first.clear();
    // Rule `guessed-number`: a guessed number ("like 10k troops") is matched
    // by a sentence giving a number of the same thing, whatever the number.
    guessed.clear();
    let mut count = 0;
    for (s, &(d, _)) in candidates.iter().enumerate() {
        let doc = &index.docs[d as usize];
        scratch.slot[d as usize] = s as u32 + 1;
        first.push(count);
        count += doc.intents.len();
        guessed.push(
            query
                .guesses
                .iter()
                .filter(|(counted, _)| counted.iter().any(|t| doc.counted.binary_search(t).is_ok()))
                .map(|(_, weight)| weight)
                .sum::<f32>(),
        );
    }
    first.push(count);
    let by_doc = &mut ByDoc {
        candidates,
        sorted: by_doc,
        ready: false,
    };
    let context = rules::context::weights(index, candidates, &query.exact_by_term, t);
    let phrases = rules::phrase::weights(index, candidates, &query.exact, t);
    let neighbours = rules::neighbours::weights(index, candidates, &query.exact_by_term, t);
    let antecedents = rules::antecedent::weights(index, candidates, &query.exact_by_term, t);
    let speakers =
        rules::speaker::weights(index, candidates, &query.exact_by_term, query.asks_said, t);
    let slot = &scratch.slot;
    // How much of the question each intent covers, and how much of the
    // intent: from a guessed number's weight (0 for most candidates), then
    // the question's terms, then the vector words; clear from the last
    // question, and only grown here.
    grow_clear(covered, count);
    for s in (0..n).filter(|&s| guessed[s] != 0.0) {
        for intent in &mut covered[first[s]..first[s + 1]] {
            intent.0 = guessed[s];
        }
    }
    for &(term, weight) in &query.exact_by_term {
        if weight <= 0.0 {
            continue;
        }
        let postings = &index.intent_postings[term as usize];
        let term_idf = idf[term as usize];
        each_intent(postings, by_doc, slot, first, |k| {
            let intent = &mut covered[k];
            intent.0 += weight;
            intent.1 += term_idf;
        });
    }
    vectors.clear();
    vectors.resize(n, 0.0);
    if let (false, Some(semantic)) = (query.semantic.is_empty(), &engine.semantic) {
        // The candidates' terms, once each, in term order; a paraphrase
        // word must find its own counterpart, not lean on a word the
        // question already matched ("kevlar helmets" is not two words about
        // helmets), so the question's own terms are left out.
        distinct_terms(
            candidates
                .iter()
                .map(|&(d, _)| &index.docs[d as usize].bag_bits[..]),
            &query.exact_by_term,
            &mut scratch.marked,
            terms,
        );
        // What reading each candidate term by term costs.
        let candidate_terms: usize = candidates
            .iter()
            .map(|&(d, _)| {
                let doc = &index.docs[d as usize];
                doc.bag.len() + doc.intent_terms
            })
            .sum();
        credits.clear();
        grow_clear(best, count);
        lit.clear();
        bag_best.clear();
        bag_best.resize(n, 0.0);
        for word in &query.semantic {
            let Some(vector) = &word.vector else {
                continue;
            };
            credits.clear();
            semantic.credits(vector, terms, credits);
            for noun in identified {
                noun.note_credits(vector, terms, credits, t);
            }
            bag_best.fill(0.0);
            // Terms in term order with a strict `>`: among equal credits the
            // first term of the intent wins, as in a scan of the intent.
            // Through the credited terms' postings, or, when those are
            // longer (common words over many facts), through each
            // candidate's own sorted terms: the same comparisons in the
            // same order.
            let through_postings: usize = credits
                .iter()
                .map(|&(term, _)| {
                    reading_cost(index.postings[term as usize].len(), n)
                        + reading_cost(index.intent_postings[term as usize].len(), n)
                })
                .sum();
            if through_postings <= candidate_terms {
                for &(term, credit) in credits.iter() {
                    each_doc(&index.postings[term as usize], by_doc, slot, |s| {
                        if credit > bag_best[s] {
                            bag_best[s] = credit;
                        }
                    });
                    let postings = &index.intent_postings[term as usize];
                    each_intent(postings, by_doc, slot, first, |k| {
                        let best = &mut best[k];
                        if credit > best.0 {
                            if best.0 == 0.0 {
                                lit.push(k);
                            }
                            *best = (credit, term);
                        }
                    });
                }
            } else {
                let credit_of = &mut scratch.credit;
                for &(term, credit) in credits.iter() {
                    credit_of[term as usize] = credit;
                }
                for (s, &(d, _)) in candidates.iter().enumerate() {
                    let doc = &index.docs[d as usize];
                    for &term in doc.bag.iter() {
                        let credit = credit_of[term as usize];
                        if credit > bag_best[s] {
                            bag_best[s] = credit;
                        }
                    }
                    for (k, intent) in (first[s]..).zip(doc.intents.iter()) {
                        let best = &mut best[k];
                        for &term in intent.iter() {
                            let credit = credit_of[term as usize];
                            if credit > best.0 {
                                if best.0 == 0.0 {
                                    lit.push(k);
                                }
                                *best = (credit, term);
                            }
                        }
                    }
                }
                for &(term, _) in credits.iter() {
                    credit_of[term as usize] = 0.0;
                }
            }
            for (v, b) in vectors.iter_mut().zip(bag_best.iter()) {
                *v += word.weight * b;
            }
            // Only the intents credited (each once, credits above 0),
            // cleared for the next word.
            for k in lit.drain(..) {
                let (credit, term) = std::mem::replace(&mut best[k], (0.0, 0));
                covered[k].0 += word.weight * credit;
                covered[k].1 += idf[term as usize] * credit;
            }
        }
    }
    let roles = role_credits(index, candidates, query, first, covered);
    let bag_share = 1.0 - t.intent_share;
    let cuts = rules::intent_kind::Cuts::new(wanted);
    // With `question_share` and `other_kind_intent` in 0..=1 (the ranges
    // a knowledge file may set them to), an intent's score is at most its
    // share of the question (and at most 0 when that is not above 0): its
    // intent share is in 0..=1, so [`intent_factor`] is in 0..=1, and a
    // cut only lowers it. An intent whose share is not above the best
    // score so far is then passed over without changing anything.
    let capped =
        (0.0..=1.0).contains(&t.question_share) && (0.0..=1.0).contains(&t.other_kind_intent);
    let scored = candidates.iter().enumerate().map(|(s, &(d, exact))| {
        let doc = &index.docs[d as usize];
        let mut fired = Fired::default();
        let neighbour = neighbours.get(s).copied().unwrap_or(0.0);
        let antecedent = antecedents.get(s).copied().unwrap_or(0.0);
        // The context rules only rank.
        let context = context.get(s).copied().unwrap_or(0.0) + neighbour + antecedent;
        let phrase = phrases.get(s).copied().unwrap_or(0.0);
        // Rule `why-words`: words the fact holds only in "why" intents
        // count for its bag only when the question asks why.
        let why_words = if wanted == Wants::Reason || doc.why_only.is_empty() || t.why_words <= 0.0
        {
            0.0
        } else {
            t.why_words
                * query
                    .exact_by_term
                    .iter()
                    .filter(|(term, _)| doc.why_only.binary_search(term).is_ok())
                    .map(|&(_, weight)| weight.max(0.0))
                    .sum::<f32>()
        };
        let role = roles.get(s).copied().unwrap_or(0.0);
        // Rule `quoted-speaker`: who says it counts as the fact's own words.
        let speaker = speakers.get(s).copied().unwrap_or(0.0);
        let bag = exact - why_words + (vectors[s] + guessed[s] + role + speaker) + context + phrase;
        // Rule `sentence-length` scales the fact's own matched words for ranking.
        let length = rules::length::factor(doc.bag.len(), index.average_len, t);
        let scaled = (bag - context) * (length - 1.0);
        let mut best_intent = 0.0f32;
        let mut best_cut = false;
        // Its intents' part of the per-intent list, in intent order, so
        // that among equal scores the first wins. Each entry is left clear
        // for the next question.
        let own = &mut covered[first[s]..first[s + 1]];
        let kinds = doc.intent_weight.iter().zip(doc.intent_wants.iter());
        for (intent, (&weight, &wants)) in own.iter_mut().zip(kinds) {
            let (question, of_intent) = std::mem::take(intent);
            // An intent that covers none of the question (most of them)
            // scores 0, which never beats the best.
            if question == 0.0 {
                continue;
            }
            // Its score is this share of the question times a factor of
            // at most 1 (`capped`): one not above the best cannot beat it.
            let share = question / total;
            if capped && share <= best_intent {
                continue;
            }
            let intent_share = (of_intent / weight.max(f32::EPSILON)).min(1.0);
            let mut score = share * intent_factor(t.question_share, intent_share);
            let cut = cuts.applies(wants);
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
        let mut boosts = [
            bag_share * guessed[s] / total,
            bag_share * vectors[s] / total,
            bag_share * (context - neighbour - antecedent) / total,
            bag_share * phrase / total,
            bag_share * scaled / total,
            bag_share * neighbour / total,
            bag_share * antecedent / total,
            -bag_share * why_words / total,
            bag_share * role / total,
            bag_share * speaker / total,
        ];
        if boosts[0] > 0.0 {
            fired.add(Rule::GuessedNumber);
        }
        if boosts[1] > 0.0 {
            fired.add(Rule::WordVectors);
        }
        if boosts[2] > 0.0 {
            fired.add(Rule::ParagraphContext);
        }
        if boosts[3] > 0.0 {
            fired.add(Rule::PhraseMatch);
        }
        if boosts[4] != 0.0 {
            fired.add(Rule::SentenceLength);
        }
        if boosts[5] > 0.0 {
            fired.add(Rule::NeighbourContext);
        }
        if boosts[6] > 0.0 {
            fired.add(Rule::Antecedent);
        }
        if boosts[7] < 0.0 {
            fired.add(Rule::WhyWords);
        }
        if boosts[8] > 0.0 {
            fired.add(Rule::RoleTitle);
        }
        if boosts[9] > 0.0 {
            fired.add(Rule::QuotedSpeaker);
        }
        let intent_part = t.intent_share * best_intent;
        // Above 1 only through the paragraph's credit, which ranks the
        // facts that cover the whole question among themselves.
        let score = intent_part + bag_share * (bag + scaled) / total;
        // The phrases rank too but are no evidence of their own: a
        // question that changes one word of a sentence keeps the others'
        // pairs (rule `phrase-match`).
        // Rule `antecedent`: what "it" stands for is what the sentence
        // says, so `antecedent_evidence` of that credit counts as the
        // fact's own words.
        let mut own = intent_part
            + bag_share * (bag - context - phrase + t.antecedent_evidence * antecedent) / total;
        let mut score = score;
        // Rule `why-words`: a fact that meets a question not asking why
        // only through its "why" intents would be no candidate without
        // them, and scores nothing.
        if why_words > 0.0 && exact - why_words <= f32::EPSILON * total {
            boosts[7] = -score;
            score = 0.0;
            own = 0.0;
        }
        let score = WordScore {
            context_share: if score > 0.0 { 1.0 - own / score } else { 0.0 },
            score,
            intent: best_intent,
            fired,
            boosts,
        };
        (d, score)
    });
    out.clear();
    out.extend(scored);
    for &(d, _) in candidates {
        scratch.slot[d as usize] = 0;
    }
    scratch.lists = lists;
}

/// The factor an intent's share of the question is scored by: its
/// `question_share`, plus the rest by how much of the intent the question
/// covers (`intent_share`). In 0..=1 for both in 0..=1, also as rounded:
/// `1 - question_share` is exact for a share of at least 0.5, and below
/// it the sum's rounding error is under half a step above 1.
fn intent_factor(question_share: f32, intent_share: f32) -> f32 {
    question_share + (1.0 - question_share) * intent_share
}

/// Rule `role-title`: each candidate's credit for the question's words
/// asking for whoever leads, which a leader's title in its sentence (or the
/// word itself) matches fully; the intents that name one are credited in
/// `covered` as if they held the word. Empty when no word asks for one.
fn role_credits(
    index: &super::index::Index,
    candidates: &[(u32, f32)],
    query: &Query,
    first: &[usize],
    covered: &mut [(f32, f32)],
) -> Vec<f32> {
    if query.roles.is_empty() {
        return Vec::new();
    }
    let titles = &query.titles;
    let mut credits = vec![0.0; candidates.len()];
    for &(own, weight) in &query.roles {
        for (s, &(d, _)) in candidates.iter().enumerate() {
            let doc = &index.docs[d as usize];
            if rules::role::named_in(doc, own, titles) {
                credits[s] += weight;
            }
            for (k, intent) in (first[s]..).zip(doc.intents.iter()) {
                if let Some(term) = rules::role::answering(intent, own, titles) {
                    covered[k].0 += weight;
                    covered[k].1 += index.idf[term as usize];
                }
            }
        }
    }
    credits
}

/// Makes `list`, all of whose entries are clear (the default), at least
/// `len` long: a list kept clear between questions is only grown.
fn grow_clear<T: Default + Clone>(list: &mut Vec<T>, len: usize) {
    if list.len() < len {
        list.resize(len, T::default());
    }
}

/// Gathers into `out` the terms of `bags` (each as its words of bits in
/// order, [`super::index::bag_bits`]) but those of `left_out` (sorted), once each
/// and in term order, through `marked`, one bit per term of the
/// vocabulary, all clear before and after: a question with word-vector
/// words meets most of its candidates' terms, and or-ing each bag's few
/// words of bits, then reading the bits the bags span in order, costs less
/// than setting a bit per term, or keeping a list and sorting it.
fn distinct_terms<'a>(
    bags: impl Iterator<Item = &'a [(u32, u64)]>,
    left_out: &[(TermId, f32)],
    marked: &mut [u64],
    out: &mut Vec<TermId>,
) {
    // The words of `marked` the bags span (each bag's words are in order).
    let (mut low, mut high) = (marked.len(), 0);
    for bag in bags {
        let (Some(&(first, _)), Some(&(last, _))) = (bag.first(), bag.last()) else {
            continue;
        };
        low = low.min(first as usize);
        high = high.max(last as usize + 1);
        for &(word, bits) in bag {
            if let Some(marked) = marked.get_mut(word as usize) {
                *marked |= bits;
            }
        }
    }
    high = high.min(marked.len());
    for &(t, _) in left_out {
        if let Some(word) = marked.get_mut(t as usize / 64) {
            *word &= !(1 << (t % 64));
        }
    }
    out.clear();
    if low < high {
        for (i, word) in (low..).zip(&mut marked[low..high]) {
            let mut bits = std::mem::take(word);
            while bits != 0 {
                out.push((i * 64) as TermId + bits.trailing_zeros());
                bits &= bits - 1;
            }
        }
    }
}

/// A posting list longer than this many times the candidates is searched
/// for each candidate instead of walked: a common word then costs what the
/// candidates are, not what the knowledge holds.
const WALK_PER_CANDIDATE: usize = 8;

/// About how many steps [`each_doc`] or [`each_intent`] take over a
/// posting list of `len` for `candidates` candidates: the list, or a
/// search of it for each candidate.
fn reading_cost(len: usize, candidates: usize) -> usize {
    if len <= candidates * WALK_PER_CANDIDATE {
        len
    } else {
        candidates * (usize::BITS - len.leading_zeros()) as usize
    }
}

/// The candidates in document order, each with its place among them: a
/// long posting list is searched for each candidate from where the
/// previous one was found. Sorted the first time such a list is read.
struct ByDoc<'a> {
    candidates: &'a [(u32, f32)],
    /// Each candidate's document and place, once `ready`.
    sorted: &'a mut Vec<(u32, u32)>,
    ready: bool,
}

impl ByDoc<'_> {
    /// How many candidates there are.
    fn len(&self) -> usize {
        self.candidates.len()
    }

    /// Each candidate's document and place among the candidates, in
    /// document order.
    fn sorted(&mut self) -> &[(u32, u32)] {
        if !self.ready {
            self.sorted.clear();
            let places = (0..).zip(self.candidates);
            self.sorted.extend(places.map(|(s, &(d, _))| (d, s)));
            self.sorted.sort_unstable();
            self.ready = true;
        }
        self.sorted
    }
}

/// Calls `f` with the place in the candidates' intent table of each
/// candidate intent in `postings` (sorted by document), once each: a
/// short list is walked (`slot`: by document, its place among the
/// candidates plus one, 0 for no candidate), a long one searched for each
/// candidate (`first`: by candidate, its first intent's place).
fn each_intent(
    postings: &[(u32, u32)],
    by_doc: &mut ByDoc,
    slot: &[u32],
    first: &[usize],
    mut f: impl FnMut(usize),
) {
    if postings.len() <= by_doc.len() * WALK_PER_CANDIDATE {
        for &(d, i) in postings {
            let s = slot[d as usize];
            if s > 0 {
                f(first[s as usize - 1] + i as usize);
            }
        }
        return;
    }
    let mut from = 0;
    for &(d, s) in by_doc.sorted() {
        from = shortlist::gallop(postings, from, |p| p.0 < d);
        for &(_, i) in postings[from..].iter().take_while(|p| p.0 == d) {
            f(first[s as usize] + i as usize);
        }
    }
}

/// Calls `f` with the place among the candidates of each candidate in
/// `postings` (sorted documents), once each, as [`each_intent`] does.
fn each_doc(postings: &[u32], by_doc: &mut ByDoc, slot: &[u32], mut f: impl FnMut(usize)) {
    if postings.len() <= by_doc.len() * WALK_PER_CANDIDATE {
        for &d in postings {
            let s = slot[d as usize];
            if s > 0 {
                f(s as usize - 1);
            }
        }
        return;
    }
    let mut from = 0;
    for &(d, s) in by_doc.sorted() {
        from = shortlist::gallop(postings, from, |&p| p < d);
        if postings.get(from) == Some(&d) {
            f(s as usize);
        }
    }
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
    /// Why, in one word (`answered`, `declined`, `weak-match`, `near-tie`,
    /// or the rule that vetoed the best fact), for `eval --scores` to count.
    pub cause: String,
}

/// The decision on a ranking, before it is put in words.
struct Decision {
    /// Index in the ranking of the fact answered with, if any.
    answer: Option<usize>,
    /// Whether suggestions are offered.
    suggest: bool,
    /// The veto that kept the best fact from being the answer.
    veto: Option<Rule>,
    /// The best fact's lead over the best of another sentence.
    lead: f32,
    /// Index in the ranking of that best fact of another sentence.
    runner_up: Option<usize>,
}

/// Stage 7: decides between answering, suggesting and declining.
fn decision(ranked: &[Ranked], t: &Tunables) -> Decision {
    let Some(best) = ranked.first() else {
        return Decision {
            answer: None,
            suggest: false,
            veto: None,
            lead: 0.0,
            runner_up: None,
        };
    };
    let runner_up = ranked.iter().position(|r| r.sentence != best.sentence);
    let lead = best.score - runner_up.map_or(0.0, |i| ranked[i].score);
    // The lead is read on the ranking, the score to answer from on the
    // fact's own words (rule `paragraph-context`).
    let own = best.evidence();
    let sure = own >= t.sure && lead >= t.sure_margin;
    let confident = sure || (own >= t.answer && lead >= t.margin);
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
    let answer = (confident && veto.is_none()).then_some(0);
    Decision {
        answer,
        suggest: answer.is_none() && best.score >= t.unsure,
        veto,
        lead,
        runner_up,
    }
}

/// Why a best fact that nothing vetoed is not answered with, in words an
/// admin can act on: its own words score under `answer` (a weak match:
/// the question's words are not the sentence's), or its lead over the best
/// fact citing another sentence is under `margin` (a near tie: `name`
/// gives that fact's id, and where its sentence stands from the best's).
/// Gives the cause in one word, then in words.
fn not_confident(
    ranked: &[Ranked],
    d: &Decision,
    t: &Tunables,
    name: impl Fn(Target) -> String,
) -> (&'static str, String) {
    let Some(best) = ranked.first() else {
        return ("no-fact", "no fact".to_string());
    };
    let own = best.evidence();
    if own < t.answer {
        let why = format!(
            "weak match: its own words score {own:.3}, under answer {:.2}",
            t.answer
        );
        return ("weak-match", why);
    }
    let Some(other) = d.runner_up.map(|i| &ranked[i]) else {
        return ("not-confident", "not confident".to_string());
    };
    let place = match other.sentence.abs_diff(best.sentence) {
        1 if other.sentence < best.sentence => "the sentence before".to_string(),
        1 => "the sentence after".to_string(),
        _ => format!("sentence {}", other.sentence + 1),
    };
    let why = format!(
        "near tie: lead {:.3} under margin {:.2} over {} ({place})",
        d.lead,
        if own >= t.sure {
            t.sure_margin
        } else {
            t.margin
        },
        name(other.target)
    );
    ("near-tie", why)
}

/// Stage 7 in words: the decision and why, for `--explain`; `name` gives a
/// fact's id.
pub fn verdict(ranked: &[Ranked], t: &Tunables, name: impl Fn(Target) -> String) -> Verdict {
    let d = decision(ranked, t);
    let Some(best) = ranked.first() else {
        return Verdict {
            answer: None,
            suggest: false,
            reason: "no fact shares a word with the question".to_string(),
            cause: "declined".to_string(),
        };
    };
    let lead = d.lead;
    let own = if best.context_share > 0.0 {
        format!(" ({:.3} on its own words)", best.evidence())
    } else {
        String::new()
    };
    let scores = format!(
        "best {:.3}{own}, lead {lead:.3} over the next sentence (answer at {:.2} with lead {:.2}, or {:.2} with lead {:.2})",
        best.score, t.answer, t.margin, t.sure, t.sure_margin
    );
    let (cause, reason) = if d.answer.is_some() {
        ("answered".to_string(), format!("answered: {scores}"))
    } else if !d.suggest {
        let why = format!(
            "declined: best {:.3} is under unsure {:.2}",
            best.score, t.unsure
        );
        ("declined".to_string(), why)
    } else {
        let (cause, why) = match d.veto {
            Some(rule) => (rule.to_string(), format!("{rule} vetoed the best fact")),
            None => {
                let (cause, why) = not_confident(ranked, &d, t, name);
                (cause.to_string(), why)
            }
        };
        (cause, format!("unsure: {why}; {scores}"))
    };
    Verdict {
        answer: d.answer,
        suggest: d.suggest,
        reason,
        cause,
    }
}

/// Turns a ranking into a reply.
pub fn decide(engine: &Engine, ranked: &[Ranked]) -> Reply {
    let t = &engine.tunables;
    let verdict = decision(ranked, t);
    if let Some(i) = verdict.answer {
        let best = &ranked[i];
        return Reply::Answered(engine.answer_for(best.target, best.evidence()));
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
        suggestions.push(engine.suggestion_for(r.target, r.score.min(1.0)));
        if suggestions.len() == 3 {
            break;
        }
    }
    Reply::Unsure(suggestions)
}

#[cfg(test)]
mod tests {
    use super::{ByDoc, by_score, distinct_terms, each_doc, each_intent};
    use crate::engine::index::bag_bits;
    use crate::engine::rules::Fired;

    #[test]
    fn an_intent_is_never_scored_above_its_share_of_the_question() {
        // The scoring passes over an intent whose share of the question is
        // not above the best so far: sound only if the factor it is scored
        // by never exceeds 1, however its parts round.
        let mut state = 0x9e37_79b9_u32;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state >> 8) as f32 / (1 << 24) as f32
        };
        let mut shares: Vec<f32> = (0..=2000).map(|i| i as f32 / 2000.0).collect();
        shares.extend((0..20_000).map(|_| next()));
        shares.extend([f32::EPSILON, 1.0 - f32::EPSILON / 2.0, 0.5 - f32::EPSILON]);
        for &question_share in &shares {
            for &intent_share in &[1.0, 1.0 - f32::EPSILON / 2.0, 0.999, 0.5, next()] {
                let factor = super::intent_factor(question_share, intent_share);
                assert!(
                    (0.0..=1.0).contains(&factor),
                    "{question_share} {intent_share}: {factor}"
                );
            }
        }
    }

    #[test]
    fn searched_postings_meet_the_candidates_a_walk_meets() {
        // 400 documents of up to three intents; the candidates a scattered
        // few in first-met order, not document order. Lists longer than
        // eight times the candidates are searched, the others walked.
        let postings: Vec<(u32, u32)> = (0..400u32)
            .flat_map(|d| (0..d * 7 % 4).map(move |i| (d, i)))
            .collect();
        let docs: Vec<u32> = (0..400).filter(|d| d % 3 != 1).collect();
        for n in [1u32, 3, 10, 40, 100] {
            let candidates: Vec<(u32, f32)> = (0..n).map(|s| ((s * 97 + 13) % 400, 0.0)).collect();
            let mut slot = vec![0u32; 400];
            let mut first = Vec::new();
            for (s, &(d, _)) in (0..).zip(&candidates) {
                slot[d as usize] = s + 1;
                first.push(s as usize * 3);
            }
            let place = |d: u32| slot[d as usize].checked_sub(1).map(|s| s as usize);
            let mut expected: Vec<usize> = postings
                .iter()
                .filter_map(|&(d, i)| Some(first[place(d)?] + i as usize))
                .collect();
            expected.sort_unstable();
            let mut sorted = Vec::new();
            let by_doc = &mut ByDoc {
                candidates: &candidates,
                sorted: &mut sorted,
                ready: false,
            };
            let mut met = Vec::new();
            each_intent(&postings, by_doc, &slot, &first, |k| met.push(k));
            met.sort_unstable();
            assert_eq!(met, expected, "{n} candidates, intents");
            let mut expected: Vec<usize> = docs.iter().filter_map(|&d| place(d)).collect();
            expected.sort_unstable();
            let mut met = Vec::new();
            each_doc(&docs, by_doc, &slot, |s| met.push(s));
            met.sort_unstable();
            assert_eq!(met, expected, "{n} candidates, documents");
        }
    }

    #[test]
    fn gathered_terms_are_the_sorted_union_of_the_bags_without_the_question_s() {
        for n in [0u32, 3, 40, 64, 200, 3000] {
            // Overlapping sorted bags over a vocabulary of 4n + 70 terms.
            let bags: Vec<Vec<u32>> = (0..5u32)
                .map(|b| (0..n).map(|i| i * (b + 1) + b * 7).collect())
                .collect();
            let left_out: Vec<(u32, f32)> = (0..n).step_by(3).map(|t| (t * 2, 1.0)).collect();
            let mut expected: Vec<u32> = bags.iter().flatten().copied().collect();
            expected.sort_unstable();
            expected.dedup();
            expected.retain(|t| !left_out.iter().any(|l| l.0 == *t));
            let vocabulary = (5 * n + 28) as usize;
            let mut marked = vec![0u64; vocabulary.div_ceil(64)];
            let mut out = vec![9];
            let bits: Vec<_> = bags.iter().map(|b| bag_bits(b)).collect();
            distinct_terms(
                bits.iter().map(|b| &b[..]),
                &left_out,
                &mut marked,
                &mut out,
            );
            assert_eq!(out, expected, "{n} terms");
            assert!(marked.iter().all(|&w| w == 0), "the bits are left clear");
        }
    }

    #[test]
    fn a_bag_s_bits_read_back_give_its_terms_one_word_each() {
        for bag in [
            vec![],
            vec![0u32],
            vec![0, 1, 63, 64, 65, 127, 128, 4000],
            (200..330).collect(),
            (0..50).map(|i| i * 97).collect(),
        ] {
            let bits = bag_bits(&bag);
            let mut words: Vec<u32> = bag.iter().map(|t| t / 64).collect();
            words.dedup();
            let read: Vec<u32> = bits
                .iter()
                .flat_map(|&(word, bits)| {
                    (0..64)
                        .filter(move |b| bits >> b & 1 == 1)
                        .map(move |b| word * 64 + b)
                })
                .collect();
            assert_eq!(read, bag);
            assert_eq!(bits.iter().map(|w| w.0).collect::<Vec<_>>(), words);
        }
    }

    #[test]
    fn facts_are_ranked_best_first_and_equal_scores_keep_their_order() {
        let scores = [0.2f32, 0.5, 0.2, 0.1, 0.9, 0.5, 0.0, 0.2];
        let guarded: Vec<(f32, Fired)> = scores.iter().map(|&s| (s, Fired::default())).collect();
        // What sorting whole entries by score, stably, gives.
        let mut expected: Vec<(f32, u32)> = scores.iter().copied().zip(0..).collect();
        expected.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
        let places = |v: &[(f32, u32)]| v.iter().map(|p| p.1).collect::<Vec<u32>>();
        // Into a list left from a longer ranking, as the scratch keeps it.
        let mut order = vec![(1.0, 99); 12];
        by_score(&guarded, &mut order);
        assert_eq!(places(&order), places(&expected));
        assert_eq!(places(&order)[..3], [4, 1, 5]);
    }
}
