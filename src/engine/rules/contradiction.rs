//! Guards on what the question asserts against what a fact's sentence
//! asserts, for questions written to look answerable: the right words with
//! the polarity turned ("what cannot be solved" against "can be solved"), or
//! with a number the article gives elsewhere in place of the sentence's own
//! ("in 1948" against "in 1965").
//!
//! Rules `denied`, `opposite-word` and `other-number`. They compare words
//! only, so they apply to any article. They run on the ranking, as its last
//! stage before the decision, and cut the score of a fact they reject.

use std::borrow::Cow;
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use super::asserted::{Denials, Vouched};
use super::{Fired, Rule};
use crate::engine::Engine;
use crate::engine::analyze::{Analysed, Analyzer, TermId, Token};
use crate::engine::index::Target;
use crate::engine::score::Ranked;
use crate::knowledge::Knowledge;
use crate::language::{Classes, Endings, List, WordSet, language};
use crate::text::{is_question_word, is_stopword, is_year, stem, words};

/// Best-ranked documents checked: the decision only looks at the first few.
const CHECKED: usize = 8;

const NEGATIONS: &str = include_str!("../../../assets/lang/negations.txt");
const ANTONYMS: &str = include_str!("../../../assets/lang/antonyms.txt");
/// WordNet's antonym pairs, read with [`ANTONYMS`] (see `assets/lang/WORDNET-NOTICE.md`).
const WORDNET_ANTONYMS: &str = include_str!("../../../assets/lang/antonyms-wordnet.txt");
/// Prefixes that turn an English word into its opposite ("informal").
pub(super) const NEGATING_PREFIXES: &[&str] = &["un", "in", "im", "il", "ir", "non", "dis"];
/// Shortest word a negating prefix is recognised on ("in" + "put" is no opposite).
const MIN_PREFIXED: usize = 4;

/// Antonyms as stems, both ways round: each stem with its opposites.
pub(super) fn antonyms() -> &'static FxHashMap<String, Vec<String>> {
    static MAP: OnceLock<FxHashMap<String, Vec<String>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: FxHashMap<String, Vec<String>> = FxHashMap::default();
        for line in ANTONYMS
            .lines()
            .chain(WORDNET_ANTONYMS.lines())
            .map(str::trim)
        {
            if line.starts_with('#') {
                continue;
            }
            if let Some((a, b)) = line.split_once(' ') {
                let (a, b) = (stem(a.trim()), stem(b.trim()));
                map.entry(a.clone()).or_default().push(b.clone());
                map.entry(b).or_default().push(a);
            }
        }
        map
    })
}

/// The negations ([`crate::language::WordSet`]: most words are told apart
/// by their length and last byte, without hashing).
fn negations() -> &'static WordSet {
    static SET: std::sync::LazyLock<WordSet> =
        std::sync::LazyLock::new(|| WordSet::new(crate::language::data_lines(NEGATIONS)));
    &SET
}

/// True for a word that denies what its clause says ("not", "isnt").
#[inline]
pub(super) fn is_negation(word: &str) -> bool {
    negations().contains(word)
}

/// True when some word of the text is a negation that denies.
fn negated(words: &[impl AsRef<str>]) -> bool {
    // Most words are no negation at all: told apart here, without a call.
    (0..words.len()).any(|i| is_negation(words[i].as_ref()) && denies_at(words, i))
}

/// True when word `i` is a negation that denies: not one that only gives
/// the other way of a choice, "can and cannot", "do or don't" (the word
/// before "and"/"or", `[list-joiners]`, begins the negation), which says
/// both and denies neither.
fn denies_at(words: &[impl AsRef<str>], i: usize) -> bool {
    let at = |i: usize| words[i].as_ref();
    is_negation(at(i))
        && !(i >= 2
            && language().in_list(List::ListJoiners, at(i - 1))
            && !is_negation(at(i - 2))
            && at(i).starts_with(at(i - 2)))
}

/// The words of a sentence that end a gap: a word of `[gap-ordinals]`
/// followed in its clause by one of `[gap-since]` ("the first city-wide
/// stoppage in Halbridge since 2009"). The one before was then: the
/// sentence answers "when was the last stoppage", and its "first" is no
/// opposite of the question's "last".
pub(super) fn ends_a_gap(sentence: &str) -> Vec<String> {
    let lang = language();
    let mut out = Vec::new();
    for clause in clauses(sentence) {
        for (i, word) in clause.iter().enumerate() {
            if lang.in_list(List::GapOrdinals, word)
                && clause[i + 1..]
                    .iter()
                    .any(|w| lang.in_list(List::GapSince, w))
            {
                out.push(word.clone());
            }
        }
    }
    out
}

/// The clauses of a sentence as words: it breaks at commas, semicolons,
/// colons, dashes, brackets and "but".
fn clauses(sentence: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for part in sentence.split([',', ';', ':', '(', ')', '\u{2014}', '\u{2013}']) {
        let mut clause = Vec::new();
        for word in words(part) {
            if word == "but" && !clause.is_empty() {
                out.push(std::mem::take(&mut clause));
            } else {
                clause.push(word);
            }
        }
        if !clause.is_empty() {
            out.push(clause);
        }
    }
    out
}

/// The clause of the sentence that the question is about: the one sharing
/// the most content words with it; on a tie, one that denies nothing. Empty
/// when no clause shares a word.
pub(super) fn asked_clause(question: &[&str], sentence: &str) -> Vec<String> {
    let asked: Vec<String> = question
        .iter()
        .filter(|w| !is_stopword(w))
        .map(|w| stem(w))
        .collect();
    let mut most = 0;
    let mut best = Vec::new();
    for clause in clauses(sentence) {
        let shared = clause
            .iter()
            .filter(|w| !is_stopword(w) && asked.contains(&stem(w)))
            .count();
        if shared > most || shared == most && most > 0 && !negated(&clause) {
            most = shared;
            best = clause;
        }
    }
    best
}

/// What the negations of a text deny: the content words among the few
/// words after each negation ("cannot be solved": solved).
fn denied(words: &[String], span: usize) -> Vec<String> {
    denied_after(words, span, |i| i + 1)
}

/// The content words among the `span` words from where each negation's
/// denial starts (`start`, given the negation's place).
fn denied_after(
    words: &[impl AsRef<str>],
    span: usize,
    start: impl Fn(usize) -> usize,
) -> Vec<String> {
    let mut out = Vec::new();
    for i in 0..words.len() {
        if denies_at(words, i) {
            out.extend(
                words[start(i)..]
                    .iter()
                    .map(AsRef::as_ref)
                    .take(span)
                    .filter(|w| !is_stopword(w) && !is_negation(w))
                    .map(str::to_string),
            );
        }
    }
    out
}

/// What a question's negations deny. A negated auxiliary that opens the
/// question ("why can't the surplus pay for it", "when doesn't the
/// workshop open") is followed by the subject, which it does not deny: the
/// span starts at the verb after it (the first verb form among the next few
/// words; when there is none, right after the negation as in a statement).
fn question_denied(words: &[&str], span: usize) -> Vec<String> {
    denied_after(words, span, |i| {
        let verb = (i <= INVERTED_AT)
            .then(|| {
                words[i + 1..]
                    .iter()
                    .take(SUBJECT_WORDS + 1)
                    .skip(1)
                    .position(|w| !is_stopword(w) && super::substituted::is_verb_form(w))
                    .map(|at| i + 2 + at)
            })
            .flatten();
        verb.unwrap_or(i + 1)
    })
}

/// True when the question asks for a reason ("why", "what for").
fn asks_why(question: &[&str]) -> bool {
    crate::engine::question::wants_in(question, false) == crate::engine::question::Wants::Reason
}

/// Latest word a negated auxiliary may stand at and still open the question
/// (after a question word: "why can't").
const INVERTED_AT: usize = 1;

/// Most words of the subject between an opening negated auxiliary and its verb.
const SUBJECT_WORDS: usize = 4;

/// True for a token that is a number or holds one ("1965", "n2").
fn is_number(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_digit())
}

/// Every number the article's sentences give, read once when the engine
/// is built.
pub fn article_numbers(knowledge: &Knowledge) -> FxHashSet<String> {
    knowledge
        .article
        .sentences
        .iter()
        .flat_map(|s| words(&s.text))
        .filter(|w| is_number(w))
        .collect()
}

/// The stop words whose stems (as the analyzer stems them) have
/// opposites, with those stems.
fn stop_modifiers(analyzer: &Analyzer) -> FxHashMap<&'static str, String> {
    let opposites = antonyms();
    language()
        .stopwords()
        .filter_map(|word| {
            let stem = analyzer.stem_of(word);
            opposites
                .contains_key(&*stem)
                .then(|| (word, stem.into_owned()))
        })
        .collect()
}

/// Where a question's words stand among the words its analysis read, for
/// the words analysis left as they were (most questions have a word that a
/// synonym or a correction changed, "moscow" read "russia", and then no
/// word's place was known): the words before the first it changed and
/// those after the last (counted from the end), and, when it changed words
/// one for one, every word it left in its place. At such a place the
/// analysis' classes are the word's and its token, if any, is the word's.
#[derive(Debug, Clone, Copy)]
pub(super) struct Aligned<'a> {
    /// The words analysis read and their classes.
    all_words: &'a [&'a str],
    classes: &'a [Classes],
    /// The question's words.
    question: &'a [&'a str],
    /// How many words lead both unchanged.
    prefix: usize,
    /// The place among the question's words from which the words end both
    /// unchanged.
    suffix_from: usize,
}

impl<'a> Aligned<'a> {
    /// Reads where the question's words stand in its analysis.
    pub(super) fn new(question: &'a [&'a str], analysed: &'a Analysed) -> Aligned<'a> {
        let all_words = &analysed.all_words[..];
        let (q, a) = (question.len(), all_words.len());
        // The same words compared by their pointers first: a word analysis
        // left is the question's own.
        let same = |i: usize, k: usize| {
            std::ptr::eq(question[i], all_words[k]) || question[i] == all_words[k]
        };
        let prefix = (0..q.min(a)).take_while(|&i| same(i, i)).count();
        let suffix = (0..q.min(a) - prefix)
            .take_while(|&n| same(q - 1 - n, a - 1 - n))
            .count();
        Aligned {
            all_words,
            classes: &analysed.classes,
            question,
            prefix,
            suffix_from: q - suffix,
        }
    }

    /// The place among the analysed words of question word `i`, when it is
    /// that word there.
    #[inline]
    fn place(&self, i: usize) -> Option<usize> {
        let (q, a) = (self.question.len(), self.all_words.len());
        if i < self.prefix {
            Some(i)
        } else if i >= self.suffix_from {
            (i + a).checked_sub(q)
        } else if q == a && self.question[i] == self.all_words[i] {
            Some(i)
        } else {
            None
        }
        .filter(|&k| k < self.classes.len())
    }
}

/// A word of a question as [`Asserted::new`] reads it first.
enum Read<'q> {
    /// A stop word, with its stem when that has opposites.
    Stop(Option<&'q str>),
    /// A content word, with its stem and that stem's number (when the
    /// knowledge has it).
    Content(Cow<'q, str>, Option<Id>),
}

/// A stem's or a word's number in [`Claims`]' tables: the rules compare
/// numbers, not strings.
type Id = u32;

/// One clause of a sentence as rule `denied` reads it.
#[derive(Debug, Clone)]
struct Clause {
    /// What it denies, for rule `affirms-denied` ([`Denials`]), as stems'
    /// numbers: a question's stems are compared as numbers, not strings.
    denials: Vec<Id>,
    /// Its content words' stems, in order (repeats kept: they are counted).
    stems: Vec<Id>,
    /// Whether it denies anything itself.
    negated: bool,
    /// The stems it denies.
    denies: Vec<Id>,
}

/// What an article sentence asserts, read once when the engine is built:
/// before, each question tokenised and stemmed the sentences of its best
/// candidates again.
#[derive(Debug, Clone, Default)]
struct SentenceClaims {
    /// Its content words' stems, sorted.
    stems: Vec<Id>,
    /// Its content words and their stems, sorted by word, once each: a
    /// question's prefixed word finds its stem here by halves.
    by_word: Vec<(Id, Id)>,
    /// Its clauses.
    clauses: Vec<Clause>,
    /// What its clauses deny, together, as stems' numbers: a question that
    /// asks none of it affirms no denial of the sentence (rule
    /// `affirms-denied`).
    denials: Vec<Id>,
    /// Its words that hold a number.
    numbers: Vec<String>,
    /// The times it points at (rule `other-time`).
    times: Vec<super::other_time::Pointed>,
    /// Whether one of its clauses denies anything: rule `affirms-denied`
    /// needs one.
    any_negated: bool,
    /// Whether some word of it denies (rule `denies-unsaid`).
    denies_anything: bool,
    /// The largest count it gives (rule `other-count`).
    count: u32,
    /// Its words that have an opposite with the words they modify (rule
    /// `opposite-word`, [`super::modifier`]), numbered by
    /// [`Claims::modifiers`].
    modified: Vec<(u32, u32)>,
    /// The stems of its words that end a gap ([`ends_a_gap`]: "the first
    /// stoppage since 2009"), sorted: no opposite of a question's word.
    ends_gap: Vec<Id>,
}

/// What a fact's intents and keywords vouch for: they say what the fact is
/// about in the admin's words ("open door" for "close its doors").
#[derive(Debug, Clone, Default)]
struct FactClaims {
    /// The stems of all their words, sorted.
    stems: Vec<Id>,
    /// The stems they deny: an intent denying a word vouches for a fact
    /// whose sentence a question denying that word matches.
    denies: Vec<Id>,
    /// What they vouch for against rule `affirms-denied` ([`Vouched`]), as
    /// the numbers of the stems the knowledge has, sorted: a stem it lacks
    /// is no clause's denial.
    vouched: Vec<Id>,
    /// Their words that hold a number.
    numbers: Vec<String>,
    /// The largest count they give (rule `other-count`).
    count: u32,
}

/// The knowledge as the contradiction rules read it: every sentence and
/// every fact's intents read when the engine is built (a fact's intents
/// were read the first time it was among the best candidates, which cost
/// the first questions ~6.7k instructions each); copies of a fact share
/// one reading, so replicated knowledge reads each distinct fact once.
#[derive(Debug, Clone, Default)]
pub struct Claims {
    /// Every word the knowledge writes, with its number and its stem's.
    words: FxHashMap<String, (Id, Id)>,
    /// Every stem of those words and of the sentences' clauses, numbered.
    stems: FxHashMap<String, Id>,
    sentences: Vec<SentenceClaims>,
    /// What each fact vouches for, read at build, by the fact's number: its
    /// place in [`Claims::fact_claims`]. Copies of a fact (the same intents
    /// and keywords) share one reading.
    facts: Vec<u32>,
    /// The facts' readings, one for each distinct list of intents and
    /// keywords.
    fact_claims: Vec<FactClaims>,
    /// For a word, the sentences' words that are it with a negating prefix
    /// taken off or put on ("informal": formal), so a question word finds
    /// them in one look-up.
    prefixed: FxHashMap<String, Vec<Id>>,
    /// The [`Endings`] of the words filed in [`Claims::prefixed`] with a
    /// prefix taken off: every other word filed there starts with a
    /// negating prefix, so a question word that does neither is no key
    /// and is not hashed ([`Claims::prefixed_of`]).
    taken_off: Endings,
    /// For each stem, by number, the stems of its opposites that the
    /// knowledge has: a question's word with a known stem then costs no
    /// look-up in the antonyms.
    opposites: Vec<Box<[Id]>>,
    /// For each stem, by number, whether the antonyms give it opposites
    /// (those the knowledge lacks too): a question's word with a known
    /// stem is read as a modifier ([`super::modifier::pairs`]) without
    /// hashing its stem into the antonyms.
    antonymous: Vec<bool>,
    /// For each of the analyzer's terms, by number, the number of its stem
    /// here: a question's token with a term finds its stem's number
    /// without hashing the stem.
    by_term: Vec<Option<Id>>,
    /// The stems of the sentences' modifier pairs, numbered.
    modifiers: super::modifier::Numbering,
    /// For each stem, by number, its number in [`Claims::modifiers`] when
    /// some sentence's modifier pair uses it: a question's pair whose word
    /// has none opposes no sentence's pair, and is dropped without hashing
    /// its stem.
    pair_words: Vec<Option<u32>>,
    /// Whether every stem [`Claims::modifiers`] numbers has a number here
    /// too: then a word whose stem has none is no sentence pair's stem, and
    /// is dropped without a look-up.
    pair_stems_numbered: bool,
    /// The stop words whose stems have opposites, with those stems: a stop
    /// word's stem is read only as a modifier ([`super::modifier::pairs`]),
    /// so a question's stop word costs one look-up here instead of
    /// stemming it and looking its stem up in the antonyms.
    stop_modifiers: FxHashMap<&'static str, String>,
    /// For each word of the knowledge, by number, how the analyzer reads
    /// it alone ([`Reading`]), read the first time a question uses it as a
    /// word with an opposite: analysing the word again for each question
    /// cost more than the rest of reading the word.
    readings: Vec<OnceLock<Reading>>,
    /// While the sentences are read at build, by word number, whether the
    /// word is filed in [`Claims::prefixed`] already: a word repeated in
    /// the article is filed once. Emptied when the build ends.
    filed: Vec<bool>,
    /// The tunable `denial_span`.
    span: usize,
}

impl Claims {
    /// Reads the article's sentences; `span` is the tunable `denial_span`.
    pub fn new(knowledge: &Knowledge, analyzer: &Analyzer, span: usize) -> Claims {
        let mut claims = Claims {
            span,
            ..Claims::default()
        };
        for word in analyzer.surfaces() {
            claims.learn(word, analyzer);
        }
        claims.stop_modifiers = stop_modifiers(analyzer);
        claims.sentences = knowledge
            .article
            .sentences
            .iter()
            .map(|s| claims.sentence(&s.text, analyzer))
            .collect();
        claims.filed = Vec::new();
        // Every word is numbered by now: none is added after build.
        claims.readings = (0..claims.words.len()).map(|_| OnceLock::new()).collect();
        claims.read_facts(knowledge);
        // Every stem is numbered by now: none is added after build.
        let mut by_number: Vec<&str> = vec![""; claims.stems.len()];
        for (stem, &id) in &claims.stems {
            by_number[id as usize] = stem;
        }
        claims.opposites = by_number
            .iter()
            .map(|stem| claims.opposites_of(stem).into_boxed_slice())
            .collect();
        claims.antonymous = by_number
            .iter()
            .map(|stem| antonyms().contains_key(*stem))
            .collect();
        claims.pair_words = by_number
            .iter()
            .map(|stem| claims.modifiers.number_of(stem))
            .collect();
        claims.pair_stems_numbered =
            claims.pair_words.iter().flatten().count() == claims.modifiers.len();
        claims.by_term = (0..analyzer.vocabulary_len())
            .map(|term| {
                let stem = analyzer.term_text(term as TermId)?;
                claims.stems.get(stem).copied()
            })
            .collect();
        claims
    }

    /// The number of a token's stem, when the knowledge has it: by its
    /// term when it has one (a term's text is its stem), else looked up.
    fn token_stem_id(&self, token: &Token) -> Option<Id> {
        match token.term {
            Some(term) => self.by_term.get(term as usize).copied().flatten(),
            None => self.stems.get(token.stem.as_str()).copied(),
        }
    }

    /// The number [`Claims::modifiers`] gives a question word's stem, when
    /// some sentence's pair uses it: by the stem's number when it has one.
    fn pair_word(&self, read: &Read) -> Option<u32> {
        match read {
            Read::Stop(_) => None,
            Read::Content(_, Some(id)) => self.pair_words.get(*id as usize).copied().flatten(),
            Read::Content(_, None) if self.pair_stems_numbered => None,
            Read::Content(stem, None) => self.modifiers.number_of(stem),
        }
    }

    /// Whether the antonyms give a stem opposites, by its number when it
    /// has one.
    fn is_antonymous(&self, stem: &str, id: Option<Id>) -> bool {
        match id.and_then(|id| self.antonymous.get(id as usize)) {
            Some(&known) => known,
            None => antonyms().contains_key(stem),
        }
    }

    /// The numbers of the opposites of a stem that the knowledge has.
    fn opposites_of(&self, stem: &str) -> Vec<Id> {
        antonyms()
            .get(stem)
            .into_iter()
            .flatten()
            .filter_map(|o| self.stems.get(o).copied())
            .collect()
    }

    /// The number of a stem, given one if it has none yet.
    fn intern(&mut self, stem: &str) -> Id {
        if let Some(&id) = self.stems.get(stem) {
            return id;
        }
        let id = self.stems.len() as Id;
        self.stems.insert(stem.to_string(), id);
        id
    }

    /// The word's number and its stem's, numbered now if need be.
    fn learn(&mut self, word: &str, analyzer: &Analyzer) -> (Id, Id) {
        if let Some(known) = self.word(word) {
            return known;
        }
        let stem = self.intern(&analyzer.stem_of(word));
        let id = self.words.len() as Id;
        self.words.insert(word.to_string(), (id, stem));
        (id, stem)
    }

    /// Files a sentence's word under the words it is the opposite of by a
    /// negating prefix: itself with one put on, or taken off.
    fn add_prefixed(&mut self, word: &str, id: Id) {
        let at = id as usize;
        if self.filed.len() <= at {
            self.filed.resize(at + 1, false);
        }
        if std::mem::replace(&mut self.filed[at], true) {
            return;
        }
        let mut file = |key: String| {
            let ids = self.prefixed.entry(key).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        };
        for p in NEGATING_PREFIXES {
            if word.len() >= MIN_PREFIXED {
                file(format!("{p}{word}"));
            }
            if let Some(rest) = word.strip_prefix(p)
                && rest.len() >= MIN_PREFIXED
            {
                self.taken_off.add(rest);
                file(rest.to_string());
            }
        }
    }

    /// The sentences' words that are `word` with a negating prefix taken
    /// off or put on ([`Claims::prefixed`]). A word put on a prefix starts
    /// with it; a word that does not, and whose [`Endings`] no word taken
    /// off a prefix has, is filed under nothing and is not hashed.
    fn prefixed_of(&self, word: &str) -> &[Id] {
        let may_be_filed =
            NEGATING_PREFIXES.iter().any(|p| word.starts_with(p)) || self.taken_off.may_hold(word);
        if !may_be_filed {
            return &[];
        }
        self.prefixed.get(word).map_or(&[][..], Vec::as_slice)
    }

    /// The word's number and its stem's, when the knowledge writes it.
    fn word(&self, word: &str) -> Option<(Id, Id)> {
        self.words.get(word).copied()
    }

    /// The number of a knowledge word's stem.
    fn stem_id_known(&self, word: &str) -> Option<Id> {
        Some(self.word(word)?.1)
    }

    /// The number of a word's stem, when some word of the knowledge has it.
    fn stem_id(&self, word: &str, analyzer: &Analyzer) -> Option<Id> {
        match self.word(word) {
            Some((_, stem)) => Some(stem),
            None => self.stems.get(&*analyzer.stem_of(word)).copied(),
        }
    }

    /// Reads one sentence (at build, so its clauses' stems are numbered too).
    fn sentence(&mut self, text: &str, analyzer: &Analyzer) -> SentenceClaims {
        let sentence = words(text);
        let content: Vec<(Id, Id)> = sentence
            .iter()
            .filter(|w| !is_stopword(w))
            .map(|w| {
                let (id, stem) = self.learn(w, analyzer);
                self.add_prefixed(w, id);
                (id, stem)
            })
            .collect();
        let span = self.span;
        let mut stem_ids = |words: &mut dyn Iterator<Item = String>| -> Vec<Id> {
            words.map(|w| self.intern(&analyzer.stem_of(&w))).collect()
        };
        let read: Vec<(Vec<String>, Clause)> = clauses(text)
            .into_iter()
            .map(|clause| {
                let read = Clause {
                    stems: stem_ids(&mut clause.iter().filter(|w| !is_stopword(w)).cloned()),
                    negated: negated(&clause),
                    denies: stem_ids(&mut denied(&clause, span).into_iter()),
                    denials: Vec::new(),
                };
                (clause, read)
            })
            .collect();
        let clauses: Vec<Clause> = read
            .into_iter()
            .map(|(words, mut clause)| {
                let denials = Denials::read(&words);
                clause.denials = denials.stems().iter().map(|st| self.intern(st)).collect();
                clause
            })
            .collect();
        let mut stems: Vec<Id> = content.iter().map(|&(_, s)| s).collect();
        stems.sort_unstable();
        stems.dedup();
        let mut ends_gap: Vec<Id> = ends_a_gap(text)
            .iter()
            .map(|w| self.intern(&analyzer.stem_of(w)))
            .collect();
        ends_gap.sort_unstable();
        ends_gap.dedup();
        let any_negated = clauses.iter().any(|c| c.negated);
        let mut by_word = content;
        by_word.sort_unstable();
        by_word.dedup();
        SentenceClaims {
            denials: clauses
                .iter()
                .flat_map(|c| c.denials.iter().copied())
                .collect(),
            stems,
            by_word,
            clauses,
            any_negated,
            denies_anything: super::asserted::denies_anything(&sentence),
            count: super::count::largest(&sentence).max(super::count::listed(text)),
            modified: super::modifier::pairs(&sentence, |i| Some(analyzer.stem_of(&sentence[i])))
                .iter()
                .filter(|(m, _)| {
                    self.stems
                        .get(&**m)
                        .is_none_or(|id| ends_gap.binary_search(id).is_err())
                })
                .map(|(m, w)| self.modifiers.number((m, w)))
                .collect(),
            ends_gap,
            times: super::other_time::pointed(&sentence),
            numbers: sentence.into_iter().filter(|w| is_number(w)).collect(),
        }
    }

    /// Reads what every fact vouches for ([`Claims::fact_text`]). A fact
    /// whose intents and keywords are those of a fact read before (found by
    /// a hash of its texts) shares that fact's reading: the texts are
    /// hashed, not tokenised again.
    fn read_facts(&mut self, knowledge: &Knowledge) {
        let texts = |i: usize| {
            let fact = &knowledge.facts[i];
            fact.intents.iter().chain(&fact.keywords)
        };
        // A hash of a fact's texts, and the facts first read with it.
        let mut read: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        self.facts = Vec::with_capacity(knowledge.facts.len());
        for i in 0..knowledge.facts.len() {
            let mut hasher = FxHasher::default();
            for text in texts(i) {
                text.hash(&mut hasher);
            }
            let firsts = read.entry(hasher.finish()).or_default();
            let same = firsts.iter().find(|&&first| texts(first).eq(texts(i)));
            let at = match same {
                Some(&first) => self.facts[first],
                None => {
                    firsts.push(i);
                    let claims = self.fact_text(texts(i));
                    self.fact_claims.push(claims);
                    (self.fact_claims.len() - 1) as u32
                }
            };
            self.facts.push(at);
        }
    }

    /// What a fact's intents and keywords vouch for.
    fn fact_text<'t>(&self, texts: impl Iterator<Item = &'t String>) -> FactClaims {
        let mut claims = FactClaims::default();
        let mut vouched = Vouched::default();
        for text in texts {
            let words = words(text);
            // Most intents deny nothing: neither list below needs them.
            if negated(&words) {
                let denies = denied(&words, self.span);
                claims
                    .denies
                    .extend(denies.iter().filter_map(|w| self.stem_id_known(w)));
                vouched.add(&words);
            }
            // Every word of an intent is a word of the knowledge.
            claims
                .stems
                .extend(words.iter().filter_map(|w| Some(self.word(w)?.1)));
            claims
                .numbers
                .extend(words.iter().filter(|w| is_number(w)).cloned());
            claims.count = claims.count.max(super::count::largest(&words));
        }
        vouched.finish();
        claims.vouched = vouched
            .stems()
            .iter()
            .filter_map(|st| self.stems.get(st).copied())
            .collect();
        claims.vouched.sort_unstable();
        claims.vouched.dedup();
        claims.stems.sort_unstable();
        claims.stems.dedup();
        claims
    }

    /// What fact `i` vouches for (read at build).
    fn fact(&self, i: usize) -> &FactClaims {
        static NONE: FactClaims = FactClaims {
            stems: Vec::new(),
            denies: Vec::new(),
            vouched: Vec::new(),
            numbers: Vec::new(),
            count: 0,
        };
        self.facts
            .get(i)
            .and_then(|&at| self.fact_claims.get(at as usize))
            .unwrap_or(&NONE)
    }
}

/// How the analyzer reads one word alone ([`Analyzer::analyse_known`]):
/// its one token's stem and that stem's number, when the knowledge has it;
/// `None` when the word does not read as one token.
type Reading = Option<(Box<str>, Option<Id>)>;

/// Reads one word alone as [`Reading`] says.
fn reading(word: &str, claims: &Claims, analyzer: &Analyzer) -> Reading {
    match &analyzer.analyse_known(word).tokens[..] {
        [token] => Some((
            token.stem.as_str().into(),
            claims.stems.get(token.stem.as_str()).copied(),
        )),
        _ => None,
    }
}

/// A content word of a question as the rules read it.
#[cfg_attr(test, derive(Debug, PartialEq))]
struct AskedWord<'c> {
    /// Its stem's number, when some word of the knowledge has that stem.
    stem: Option<Id>,
    /// The stems of its opposites that the knowledge has: those of a stem
    /// the knowledge has, from [`Claims::opposites`].
    opposites: Cow<'c, [Id]>,
    /// The sentences' words that are it with or without a negating prefix
    /// ("formal" for "informal").
    prefixed: &'c [Id],
    /// For a word that has an opposite, the number of the stem the
    /// analyser reads it as when a synonym puts another word in its place
    /// ("begin" is read "start"): a sentence using that word uses the
    /// question's word too.
    read: Option<Id>,
}

impl AskedWord<'_> {
    /// True when the knowledge writes an opposite of it: only such a word
    /// is compared with a sentence's words.
    fn opposed(&self) -> bool {
        !(self.opposites.is_empty() && self.prefixed.is_empty())
    }
}

/// True when the question's word at `i` comes right after "how" ("how
/// old is the runway", "how long was the delay"): it says what is asked,
/// an age or a length, and claims nothing its opposite in a sentence ("the
/// new surface", "a short delay") could contradict.
fn says_what_is_asked(question: &[&str], i: usize) -> bool {
    i > 0 && question[i - 1].eq_ignore_ascii_case("how")
}

/// What a question asserts, read once for all its candidates.
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Asserted<'q> {
    /// Its content words that have an opposite the knowledge writes (most
    /// words have none, and are never compared).
    content: Vec<AskedWord<'q>>,
    /// The stems its negations deny (those the knowledge has).
    denied: Vec<Id>,
    /// The numbers it names that the article gives somewhere, and its years.
    numbers: Vec<&'q str>,
    /// The times it points at (rule `other-time`).
    times: Vec<super::other_time::Pointed>,
    /// The counts of things it asks for (rule `other-count`).
    counts: Vec<u32>,
    /// Its words that have an opposite with the words they modify, as
    /// the sentences' pairs are numbered.
    modified: Vec<super::modifier::Asked>,
    /// Those words' stems' numbers, when the knowledge has them (looked
    /// up only for a pair that [`super::modifier::opposed`] compares).
    modifier_ids: Vec<Option<Id>>,
    /// For rule `affirms-denied`, its content stems' numbers (those the
    /// knowledge has: every stem a clause denies is numbered), when it may
    /// apply.
    affirm: Option<Vec<Id>>,
    /// For rule `denies-unsaid`: it asks what is not so.
    asks_not: bool,
    /// Its content words' stems that the knowledge has, for
    /// [`Asserted::has_stem`]: a compact list is searched faster than the
    /// words.
    stems: Vec<Id>,
}

impl<'q> Asserted<'q> {
    /// Reads a question (`analysed`: its analysis, whose tokens' stems and
    /// corrected words' typed stems are reused; `aligned`: where its words
    /// stand in the analysis, whose classes and tokens then stand for
    /// those words (without it every word is looked up); `yes_no`: whether
    /// it asks for a yes or a no); `article_numbers` are the numbers the
    /// article gives.
    fn new(
        question: &'q [&'q str],
        analysed: &'q Analysed,
        aligned: Option<Aligned>,
        yes_no: bool,
        claims: &'q Claims,
        analyzer: &'q Analyzer,
        article_numbers: &FxHashSet<String>,
    ) -> Asserted<'q> {
        // Most questions deny nothing: then nothing below needs to look
        // for a negation again. A question asking why something is not so
        // ("why won't they spend the surplus") takes the denial as given
        // and asks for its reason, which the answer need not deny again:
        // its negation is no claim to check. Nor does it state what its
        // sentence denies ("why can't the surplus be spent" against "could
        // not be spent twice"): it denies it too.
        let denies = negated(question);
        let any_negation = denies && !asks_why(question);
        let may_affirm = if denies {
            super::asserted::may_affirm_denied(question, yes_no)
        } else {
            !yes_no
        };
        // Each word is stemmed once, for its content words, rule
        // `affirms-denied` (its content words are these without the
        // negations) and the modifier pairs: taken from the analysed
        // tokens where it is one (a token's stem is the analyzer's stem of
        // its word).
        // A stop word is read only as a modifier, whose stem the engine
        // knows already when it has opposites: no stop word is stemmed.
        // A word analysis read in its place has its token found there and
        // its classes not looked up again.
        let place = |i: usize| aligned.as_ref().and_then(|a| a.place(i));
        let classes = &analysed.classes[..];
        let stop_at = |i: usize| match place(i) {
            Some(k) => classes[k].is_stopword(),
            None => is_stopword(question[i]),
        };
        let tokens = &analysed.tokens[..];
        let typed_stems = &analysed.typed_stems[..];
        let mut placed = tokens.iter().peekable();
        let read: Vec<Read<'q>> = question
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if stop_at(i) {
                    return Read::Stop(claims.stop_modifiers.get(*w).map(String::as_str));
                }
                let token = match place(i) {
                    Some(k) => {
                        while placed.next_if(|t| t.at < k).is_some() {}
                        placed.next_if(|t| t.at == k)
                    }
                    None => tokens.iter().find(|t| *t.word == **w),
                };
                match token {
                    Some(token) => Read::Content(
                        Cow::Borrowed(token.stem.as_str()),
                        claims.token_stem_id(token),
                    ),
                    None => {
                        // A corrected word's stem is analysis' own.
                        let stem = match typed_stems.get(i) {
                            Some(Some(stem)) => Cow::Borrowed(&**stem),
                            _ => analyzer.stem_of(w),
                        };
                        let id = claims.stems.get(&*stem).copied();
                        Read::Content(stem, id)
                    }
                }
            })
            .collect();
        let mut affirm_stems = Vec::with_capacity(if may_affirm { question.len() } else { 0 });
        let mut stems = Vec::with_capacity(question.len());
        // Only a word with an opposite is compared (`says_opposite`): the
        // others are not kept.
        let mut content = Vec::new();
        for (i, (w, read)) in question.iter().zip(&read).enumerate() {
            let Read::Content(stemmed, stem) = read else {
                continue;
            };
            let word = asked_word(w, stemmed, *stem, claims, analyzer);
            if let Some(id) = word.stem {
                stems.push(id);
                if may_affirm && !(any_negation && is_negation(w)) {
                    affirm_stems.push(id);
                }
            }
            if word.opposed() && !says_what_is_asked(question, i) {
                content.push(word);
            }
        }
        // Numbers the article gives somewhere: one of these in the question
        // that the sentence lacks stands in for the sentence's own. A year is
        // never a guess: one the sentence does not give is another time.
        let numbers = question
            .iter()
            .filter(|w| is_number(w))
            .filter(|n| is_year(n) || article_numbers.contains(**n))
            .copied()
            .collect();
        let denied = if any_negation {
            question_denied(question, claims.span)
                .iter()
                .filter_map(|w| claims.stem_id(w, analyzer))
                .collect()
        } else {
            Vec::new()
        };
        let affirm = may_affirm.then_some(affirm_stems);
        // Only a pair whose word some sentence's pair modifies, with a
        // modifier that has opposites there, can be opposed
        // (`modifier::opposed`): no other one is kept, nor its modifier's
        // opposites looked up. A word's number among the pairs is read by
        // its stem's number: one whose stem the knowledge lacks is no
        // sentence pair's word (those are all numbered).
        let modified = super::modifier::numbered_pairs(
            &super::modifier::Words {
                len: question.len(),
                modifier_at: |i: usize| match &read[i] {
                    _ if says_what_is_asked(question, i) => None,
                    Read::Stop(modifier) => modifier.map(Cow::Borrowed),
                    Read::Content(stem, id) => claims
                        .is_antonymous(stem, *id)
                        .then_some(Cow::Borrowed(&**stem)),
                },
                stem_at: |i: usize| match &read[i] {
                    Read::Stop(modifier) => modifier.map(Cow::Borrowed),
                    Read::Content(stem, _) => Some(Cow::Borrowed(&**stem)),
                },
                stop_at,
                question_word_at: |i: usize| match place(i) {
                    Some(k) => classes[k].has(List::Question),
                    None => is_question_word(question[i]),
                },
            },
            |i| claims.pair_word(&read[i]),
        );
        let (modified, modifier_ids) = modified
            .iter()
            .filter_map(|(m, w)| Some((m, claims.modifiers.opposable_numbered(m, *w)?)))
            .map(|(m, a)| (a, claims.stems.get(&**m).copied()))
            .unzip();
        Asserted {
            counts: super::count::asked(question),
            modifier_ids,
            modified,
            stems,
            content,
            denied,
            numbers,
            times: super::other_time::pointed(question),
            affirm,
            asks_not: any_negation && super::asserted::asks_what_is_not(question, yes_no),
        }
    }

    /// True when a stem is one of the question's content words' stems.
    fn has_stem(&self, stem: Id) -> bool {
        self.stems.contains(&stem)
    }
}

/// Reads one content word of a question, given its stem and that stem's
/// number.
fn asked_word<'c>(
    word: &str,
    stemmed: &str,
    stem: Option<Id>,
    claims: &'c Claims,
    analyzer: &Analyzer,
) -> AskedWord<'c> {
    let opposites = match stem.and_then(|s| claims.opposites.get(s as usize)) {
        Some(known) => Cow::Borrowed(&known[..]),
        None => Cow::Owned(claims.opposites_of(stemmed)),
    };
    let prefixed = claims.prefixed_of(word);
    // Only a word with an opposite is compared, so only its reading is
    // looked up (most words have none).
    // A word of the knowledge is read once for all questions.
    let read = if opposites.is_empty() && prefixed.is_empty() {
        None
    } else {
        match claims
            .word(word)
            .and_then(|(id, _)| claims.readings.get(id as usize))
        {
            Some(cell) => match cell.get_or_init(|| reading(word, claims, analyzer)) {
                Some((token_stem, id)) if &**token_stem != stemmed => *id,
                _ => None,
            },
            None => match &analyzer.analyse_known(word).tokens[..] {
                [token] if token.stem.as_str() != stemmed => {
                    claims.stems.get(token.stem.as_str()).copied()
                }
                _ => None,
            },
        }
    };
    AskedWord {
        stem,
        opposites,
        prefixed,
        read,
    }
}

/// True when the question uses the opposite of a word of the sentence that
/// it does not itself use ("a decrease in size" against "an increase in
/// size"), where neither the sentence nor the fact's intents use the
/// question's word, as written or as its synonym reads it ("begin" against
/// "from the start ... until the end": the sentence says "start") (an intent "nato's open door" vouches for a sentence
/// rejecting that NATO "close its doors"). A word the sentence denies is
/// no opposite: "unsolved" says what "is not solved" says.
fn says_opposite(question: &Asserted, sentence: &SentenceClaims, fact: &FactClaims) -> bool {
    let denied = |stem: Id| sentence.clauses.iter().any(|c| c.denies.contains(&stem));
    let in_s = |w: &AskedWord| {
        [w.stem, w.read].into_iter().flatten().any(|st| {
            sentence.stems.binary_search(&st).is_ok() || fact.stems.binary_search(&st).is_ok()
        })
    };
    // A stem of the sentence standing for the question's word: neither
    // one the question uses too nor one the sentence denies.
    let stands = |ss: Id| {
        !question.has_stem(ss) && !denied(ss) && sentence.ends_gap.binary_search(&ss).is_err()
    };
    // The cheap tests first: whether a sentence word is an opposite at all,
    // found by halves among the sentence's stems and words.
    question.content.iter().filter(|w| !in_s(w)).any(|q| {
        q.opposites
            .iter()
            .any(|&o| sentence.stems.binary_search(&o).is_ok() && stands(o))
            || q.prefixed.iter().any(|&p| {
                sentence
                    .by_word
                    .binary_search_by_key(&p, |&(w, _)| w)
                    .is_ok_and(|at| stands(sentence.by_word[at].1))
            })
    })
}

/// The clause of the sentence that the question is about: the one sharing
/// the most content words with it; on a tie, one that denies nothing.
/// `None` when no clause shares a word.
fn clause_asked<'s>(question: &Asserted, sentence: &'s SentenceClaims) -> Option<&'s Clause> {
    let mut most = 0;
    let mut best = None;
    for clause in &sentence.clauses {
        let shared = clause
            .stems
            .iter()
            .filter(|&&s| question.has_stem(s))
            .count();
        if shared > most || shared == most && most > 0 && !clause.negated {
            most = shared;
            best = Some(clause);
        }
    }
    best
}

/// True when the question denies what the clause it is about states ("what
/// cannot be solved" against "can be solved"). What is denied must be a
/// word of the sentence that its clause does not deny itself: a negated
/// idiom ("won't budge", "not on the same page") denies nothing the
/// sentence says. An intent that denies something vouches for its fact.
/// (The reverse, a question stating what the sentence denies, was measured
/// and left out: reported demands such as "would never join" answer plain
/// questions about them.)
fn polarity_differs(question: &Asserted, sentence: &SentenceClaims, fact: &FactClaims) -> bool {
    if question.denied.is_empty() {
        return false;
    }
    let mut clause_denies = None;
    question.denied.iter().any(|t| {
        sentence.stems.binary_search(t).is_ok()
            && !clause_denies
                .get_or_insert_with(|| {
                    clause_asked(question, sentence).map_or(&[][..], |c| &c.denies[..])
                })
                .contains(t)
            && !fact.denies.contains(t)
    })
}

/// The rules on one fact's sentence: the share of its score it keeps and
/// the rules that fired.
fn judge(
    question: &Asserted,
    sentence: &SentenceClaims,
    fact: &FactClaims,
    t: &crate::engine::Tunables,
) -> (f32, Fired) {
    let mut share = 1.0;
    let mut fired = Fired::default();
    if polarity_differs(question, sentence, fact) {
        share *= t.denied;
        fired.add(Rule::Denied);
    }
    // A question or a sentence without a modifier pair opposes no pair:
    // most do not have one, and the pairs are not compared at all.
    if says_opposite(question, sentence, fact)
        || !question.modified.is_empty()
            && !sentence.modified.is_empty()
            && super::modifier::opposed(&question.modified, &sentence.modified, |k| {
                question.modifier_ids[k].is_some_and(|id| fact.stems.binary_search(&id).is_ok())
            })
    {
        share *= t.opposite_word;
        fired.add(Rule::OppositeWord);
    }
    // Rule `denies-unsaid` ([`super::asserted::denies_unsaid`]), its
    // halves read once per question and once per sentence.
    if question.asks_not && !sentence.denies_anything {
        share *= t.denied_unsaid;
        fired.add(Rule::DeniesUnsaid);
    }
    // A clause without a negation denies nothing for the question to affirm.
    let affirms = question.affirm.as_ref().is_some_and(|asked| {
        sentence.any_negated
            && sentence.denials.iter().any(|d| asked.contains(d))
            && clause_asked(question, sentence).is_some_and(|c| {
                c.negated
                    && c.denials
                        .iter()
                        .any(|d| asked.contains(d) && fact.vouched.binary_search(d).is_err())
            })
    });
    if affirms {
        share *= t.affirmed_denied;
        fired.add(Rule::AffirmsDenied);
    }
    if question.numbers.iter().any(|&n| {
        let has = |numbers: &[String]| numbers.iter().any(|m| m == n);
        !has(&sentence.numbers) && !has(&fact.numbers)
    }) {
        share *= t.other_number;
        fired.add(Rule::OtherNumber);
    }
    if super::other_time::differs(&question.times, &sentence.times) {
        share *= t.other_time;
        fired.add(Rule::OtherTime);
    }
    if super::count::exceeds(&question.counts, sentence.count.max(fact.count)) {
        share *= t.other_count;
        fired.add(Rule::OtherCount);
    }
    (share, fired)
}

/// Cuts the score of ranked documents that the question contradicts, and
/// sorts the ranking again when any score changed (most questions
/// contradict none of their best facts, whose ranking then stands).
///
/// `analysed` is the question's analysis, whose tokens' stems and words'
/// classes are reused; `yes_no`: whether it asks for a yes or a no.
pub fn apply(
    engine: &Engine,
    question: &[&str],
    analysed: &Analysed,
    yes_no: bool,
    ranked: &mut [Ranked],
) {
    // Nothing ranked, nothing to judge: the question is not read.
    if ranked.is_empty() {
        return;
    }
    let t = &engine.tunables;
    let claims = &engine.claims;
    let asked = Asserted::new(
        question,
        analysed,
        Some(Aligned::new(question, analysed)),
        yes_no,
        claims,
        &engine.analyzer,
        &engine.index.article_numbers,
    );
    let none = FactClaims::default();
    let share = |r: &Ranked| -> (f32, Fired) {
        let Some(sentence) = claims.sentences.get(r.sentence) else {
            return (1.0, Fired::default());
        };
        let fact = match r.target {
            Target::Fact(i) => claims.fact(i),
            Target::Sentence(_) => &none,
        };
        judge(&asked, sentence, fact, t)
    };
    let Some(best) = ranked.first() else {
        return;
    };
    let (top, why) = share(best);
    if top < 1.0 {
        // The sentence the question is about contradicts it: the others,
        // which match it less, do not answer it either.
        for r in ranked.iter_mut() {
            r.score *= top;
            r.fired.merge(why);
        }
        return;
    }
    let mut changed = false;
    for r in ranked.iter_mut().take(CHECKED).skip(1) {
        let (share, fired) = share(r);
        changed |= share != 1.0;
        r.score *= share;
        r.fired.merge(fired);
    }
    if changed {
        super::sort_ranked(ranked);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Reply;
    use crate::knowledge::load_str;

    const ARTICLE: &str = "Zorblat notes\n\n\
        The Zorblat engine can be repaired by a trained mechanic.\n\n\
        Mira Quell built the first Zorblat prototype in 1987.\n\n\
        Its output shows an increase in pressure at night.\n\n\
        The museum does not open on Mondays, but the workshop welcomes visitors on Sundays.\n";

    fn engine() -> Engine {
        let facts = [
            (
                "repair",
                "who can repair the zorblat engine",
                "The Zorblat engine can be repaired by a trained mechanic.",
            ),
            (
                "prototype",
                "when did mira quell build the zorblat prototype",
                "Mira Quell built the first Zorblat prototype in 1987.",
            ),
            (
                "pressure",
                "what does the output show at night",
                "Its output shows an increase in pressure at night.",
            ),
            (
                "visits",
                "when can visitors come",
                "The museum does not open on Mondays, but the workshop welcomes visitors on Sundays.",
            ),
        ];
        Engine::new(crate::fixtures::one_topic(ARTICLE, &facts))
    }

    /// The contradiction rules' reading of a question that asks for
    /// something (no yes/no), with its words placed in its analysis or
    /// each looked up.
    fn asserted<'q>(
        e: &'q Engine,
        question: &'q [&'q str],
        analysed: &'q Analysed,
        aligned: Option<Aligned>,
    ) -> Asserted<'q> {
        Asserted::new(
            question,
            analysed,
            aligned,
            false,
            &e.claims,
            &e.analyzer,
            &e.index.article_numbers,
        )
    }

    #[test]
    fn a_word_finds_its_prefixed_words_as_a_look_up_finds_them() {
        // Every word filed (with a prefix put on, "unrepaired", or taken
        // off, "crease" from "increase"), every word of the article, and
        // each with a prefix put on or taken off, find in the filter and
        // the table what the table alone gives.
        let e = engine();
        let table = |w: &str| e.claims.prefixed.get(w).map_or(&[][..], Vec::as_slice);
        assert!(!table("crease").is_empty() && !table("unrepaired").is_empty());
        let mut probes: Vec<String> = e.claims.prefixed.keys().cloned().collect();
        for word in words(ARTICLE) {
            for p in NEGATING_PREFIXES {
                probes.push(format!("{p}{word}"));
                probes.extend(word.strip_prefix(p).map(str::to_string));
            }
            probes.push(word);
        }
        probes.extend(["", "un", "dis", "formal", "informal", "pressur"].map(String::from));
        for probe in &probes {
            assert_eq!(e.claims.prefixed_of(probe), table(probe), "{probe}");
        }
    }

    #[test]
    fn a_question_read_with_its_classes_reads_as_one_read_word_by_word() {
        // The classes analysis read, and the tokens at their words'
        // places, give what looking each word up gives.
        let e = engine();
        for message in [
            "who cannot repair the zorblat engine?",
            "does the output show a decrease in pressure at night?",
            "what shows the least increase in pressure?",
            "did mira quell build four zorblat prototypes in 1965?",
            "when does the museum not open?",
            "why can't the workshop welcome visitors on mondays?",
        ] {
            let words = e.question_words(message);
            let question = words.to_strs();
            let analysed = e.analyzer.analyse_question(&question);
            assert!(
                matches!(analysed.all_words, Cow::Borrowed(_)),
                "{message}: no word changed"
            );
            let aligned = Aligned::new(&question, &analysed);
            assert!((0..question.len()).all(|i| aligned.place(i) == Some(i)));
            let read = |aligned| asserted(&e, &question, &analysed, aligned);
            assert_eq!(read(Some(aligned)), read(None), "{message}");
            // A token's stem is numbered by its term as by its text.
            for token in &analysed.tokens {
                let by_text = e.claims.stems.get(token.stem.as_str()).copied();
                assert_eq!(e.claims.token_stem_id(token), by_text, "{message}");
            }
        }
    }

    #[test]
    fn a_question_analysis_changed_reads_as_one_read_word_by_word() {
        // Words a synonym or a correction changed, one for one or a phrase
        // for a word, and fillers left out: the words analysis left are
        // placed (each the very word at its place) and read as looking
        // each word up reads them.
        let e = engine();
        let (mut shifted, mut placed) = (0, 0);
        for message in [
            "did mira quell begin the zorblat prototype in 1987?",
            "who can repiar the zorblat engnie at night?",
            "so basically who can actually repair the zorblat engine?",
            "does the output show a decrease in pressure at nihgt?",
            "why can't the workshop welcome visitors on mondays, at the beginning of the week?",
            "what does the musuem not open on mondays, basically?",
        ] {
            let words = e.question_words(message);
            let question = words.to_strs();
            let analysed = e.analyzer.analyse_question(&question);
            let all_words = &analysed.all_words[..];
            assert!(
                matches!(analysed.all_words, Cow::Owned(_)),
                "{message}: some word changed"
            );
            shifted += usize::from(all_words.len() != question.len());
            let aligned = Aligned::new(&question, &analysed);
            for (i, word) in question.iter().enumerate() {
                if let Some(k) = aligned.place(i) {
                    assert_eq!(all_words[k], *word, "{message}: {i}");
                    placed += 1;
                }
            }
            let read = |aligned| asserted(&e, &question, &analysed, aligned);
            assert_eq!(read(Some(aligned)), read(None), "{message}");
        }
        assert!(shifted >= 1, "{shifted}");
        assert!(placed >= 20, "{placed}");
    }

    #[test]
    fn a_words_number_among_the_pairs_is_read_by_its_stems_number() {
        // By the stem's number, or none for a stem the knowledge lacks,
        // as looking the stem up among the pairs' stems gives.
        let e = engine();
        assert!(!e.claims.modifiers.is_empty(), "increase in pressure");
        assert!(e.claims.pair_stems_numbered);
        let mut numbered = 0;
        let stems = e.claims.stems.keys().map(String::as_str);
        for stem in stems.chain(["decreas", "zzyzx", "most", "least"]) {
            let id = e.claims.stems.get(stem).copied();
            let read = Read::Content(Cow::Borrowed(stem), id);
            let expected = e.claims.modifiers.number_of(stem);
            assert_eq!(e.claims.pair_word(&read), expected, "{stem}");
            numbered += usize::from(expected.is_some());
        }
        assert!(numbered >= 1, "{numbered}");
    }

    #[test]
    fn a_corrected_question_reads_as_its_words_stemmed_again() {
        // The stems analysis kept of the words it corrected give what
        // stemming the typed words gives.
        let e = engine();
        let mut corrected = 0;
        for message in [
            "who can repiar the zorblat engnie?",
            "did mira quel build the zorblat prototpye in 1987?",
            "does the outptu show a decrease in presure at nihgt?",
            "why can't the workshp welcome vistors on mondays?",
        ] {
            let words = e.question_words(message);
            let question = words.to_strs();
            let analysed = e.analyzer.analyse_question(&question);
            corrected += analysed.corrections.len();
            let mut stemmed_again = analysed.clone();
            stemmed_again.typed_stems.clear();
            let read = |analysed| asserted(&e, &question, analysed, None);
            assert_eq!(read(&analysed), read(&stemmed_again), "{message}");
        }
        assert!(corrected >= 4, "{corrected}");
    }

    #[test]
    fn copies_of_a_fact_share_one_reading_of_their_intents() {
        let closed =
            "The museum does not open on Mondays, but the workshop welcomes visitors on Sundays.";
        let facts = [
            ("closed", "when does the museum not open", closed),
            ("closed-copy", "when does the museum not open", closed),
            (
                "prototype",
                "when did mira quell build the zorblat prototype in 1987",
                "Mira Quell built the first Zorblat prototype in 1987.",
            ),
        ];
        let e = Engine::new(crate::fixtures::one_topic(ARTICLE, &facts));
        let claims = &e.claims;
        assert_eq!(claims.fact_claims.len(), 2, "one reading for the copies");
        assert_eq!(claims.facts, [0, 0, 1]);
        // Each reading is its fact's: what the intent denies, its number.
        let open = claims.stem_id_known("open");
        assert!(open.is_some_and(|open| claims.fact(1).denies.contains(&open)));
        assert!(claims.fact(2).denies.is_empty());
        assert_eq!(claims.fact(2).numbers, ["1987"]);
        assert!(claims.fact(3).stems.is_empty(), "no fact 3");
    }

    /// The rules that fire for a question against a one-sentence article
    /// whose one fact has these intents.
    fn judged(question: &str, text: &str, intents: &[&str]) -> Fired {
        let intents: Vec<String> = intents.iter().map(|i| format!("\"{i}\"")).collect();
        let toml = format!(
            "[article]\ntitle = \"T\"\n[summary]\nshort = \"S.\"\nlong = \"L.\"\n\
             [topics.t]\ntitle = \"T\"\nsummary = \"S.\"\n[[fact]]\nid = \"f\"\ntopic = \"t\"\n\
             intents = [{}]\nanswer = \"A.\"\nsource = \"{text}\"\n",
            intents.join(", ")
        );
        let knowledge = load_str(std::path::Path::new("kb"), &toml, &format!("T\n\n{text}\n"))
            .unwrap_or_else(|e| panic!("{e}"));
        let e = Engine::new(knowledge);
        let question = crate::text::test_words(question);
        let yes_no = crate::engine::is_yes_no(&question);
        let nothing_analysed = Analysed::default();
        let asked = Asserted::new(
            &question,
            &nothing_analysed,
            None,
            yes_no,
            &e.claims,
            &e.analyzer,
            &e.index.article_numbers,
        );
        let fact = e.claims.fact(0);
        let at = e.knowledge().facts[0].sentence;
        let sentence = &e.claims.sentences[at];
        judge(&asked, sentence, fact, &e.tunables).1
    }

    fn answered(engine: &Engine, question: &str) -> bool {
        matches!(engine.answer(question), Reply::Answered(_))
    }

    /// The fixture's facts ranked in the order given, with these scores,
    /// after `apply` judged them against `question`: each fact's place and
    /// score, and whether a rule fired on it.
    fn applied(e: &Engine, question: &str, order: &[(usize, f32)]) -> Vec<(usize, f32, bool)> {
        let mut ranked: Vec<Ranked> = order
            .iter()
            .map(|&(i, score)| Ranked {
                target: Target::Fact(i),
                sentence: e.knowledge.facts[i].sentence,
                score,
                base: score,
                intent: score,
                fired: Fired::default(),
                boosts: [0.0; 10],
                context_share: 0.0,
            })
            .collect();
        let words = crate::text::test_words(question);
        let analysed = e.analyzer.analyse_question(&words);
        apply(e, &words, &analysed, false, &mut ranked);
        ranked
            .iter()
            .map(|r| match r.target {
                Target::Fact(i) => (i, r.score, r.fired != Fired::default()),
                Target::Sentence(s) => (usize::MAX - s, r.score, true),
            })
            .collect()
    }

    #[test]
    fn a_ranking_nothing_contradicts_comes_back_as_it_was() {
        let e = engine();
        // Equal scores among them, in no order of the facts' own.
        let order = [(0, 0.9), (3, 0.5), (1, 0.5), (2, 0.5)];
        let kept: Vec<(usize, f32, bool)> = order.iter().map(|&(i, s)| (i, s, false)).collect();
        assert_eq!(
            applied(&e, "who can repair the zorblat engine", &order),
            kept
        );
        // Denied by its best fact: every fact is cut alike, in its place.
        let cut = applied(&e, "who cannot repair the zorblat engine", &order);
        let places: Vec<usize> = cut.iter().map(|c| c.0).collect();
        assert_eq!(places, [0, 3, 1, 2]);
        assert!(cut.iter().zip(&order).all(|(c, o)| c.1 < o.1 && c.2));
    }

    #[test]
    fn a_question_that_denies_what_the_sentence_says_is_not_answered() {
        let e = engine();
        assert!(answered(&e, "who can repair the zorblat engine?"));
        assert!(!answered(&e, "who cannot repair the zorblat engine?"));
        assert!(!answered(&e, "who can't repair the zorblat engine?"));
    }

    #[test]
    fn only_a_denial_in_the_clause_asked_about_counts() {
        let e = engine();
        assert!(answered(&e, "when does the museum not open?"));
        assert!(!answered(&e, "when doesn't the workshop welcome visitors?"));
        // A negated idiom denies nothing the sentence says.
        let sentence = "The engine can be repaired by a trained mechanic.";
        let intents = ["who repairs the engine"];
        let idiom = judged("who simply won't budge on this", sentence, &intents);
        assert!(!idiom.has(Rule::Denied));
        let denial = judged("who cannot repair it", sentence, &intents);
        assert!(denial.has(Rule::Denied));
    }

    #[test]
    fn a_negated_auxiliary_opening_a_question_denies_the_verb_not_the_subject() {
        let denied = |q: &str| question_denied(&crate::text::test_words(q), 3);
        assert_eq!(denied("why can't the surplus pay for the raise"), ["pay"]);
        assert_eq!(
            denied("when doesn't the workshop welcome visitors"),
            ["welcome", "visitors"]
        );
        // Not opening the question: what follows the negation is denied.
        assert_eq!(denied("which problems cannot be solved"), ["solved"]);
        let sentence = "The surplus was committed to new trams and could not be spent twice.";
        let intents = ["what happened to the surplus"];
        assert!(!judged("why can't the surplus pay for it", sentence, &intents).has(Rule::Denied));
    }

    #[test]
    fn a_question_asking_why_not_checks_no_denial() {
        let sentence = "The surplus was committed to new trams and could not be spent twice.";
        let intents = ["what happened to the surplus"];
        let fired = judged("why won't they spend the surplus", sentence, &intents);
        assert!(!fired.has(Rule::Denied) && !fired.has(Rule::DeniesUnsaid));
        let fired = judged("why can't the surplus be spent on pay", sentence, &intents);
        assert!(!fired.has(Rule::AffirmsDenied), "{fired:?}");
        // Asked why it was spent, the sentence's denial contradicts it.
        let fired = judged("why was the surplus spent twice", sentence, &intents);
        assert!(fired.has(Rule::AffirmsDenied), "{fired:?}");
        // Asked what, the denial is checked.
        let sentence = "The surplus was spent on new trams.";
        let fired = judged("what was not bought with the surplus", sentence, &intents);
        assert!(fired.has(Rule::DeniesUnsaid), "{fired:?}");
        let fired = judged("why was the surplus not spent on pay", sentence, &intents);
        assert!(!fired.has(Rule::Denied) && !fired.has(Rule::DeniesUnsaid));
    }

    #[test]
    fn each_stems_opposites_are_numbered_once_at_build() {
        let e = engine();
        let claims = &e.claims;
        // "increase" (the article's) has its opposite "decrease" only when
        // the knowledge writes it: this one does not.
        let increase = claims.stems.get(&stem("increase")).copied();
        assert!(increase.is_some_and(|i| claims.opposites[i as usize].is_empty()));
        // Every stem's list is the one a question read from the antonyms.
        for (text, &id) in &claims.stems {
            assert_eq!(
                &claims.opposites[id as usize][..],
                &claims.opposites_of(text)[..]
            );
        }
        // A question's known word borrows it; an unknown one reads it.
        let known = asked_word(
            "increase",
            &stem("increase"),
            claims.stems.get(&stem("increase")).copied(),
            claims,
            &e.analyzer,
        );
        assert!(matches!(known.opposites, Cow::Borrowed(_)));
        let unknown = asked_word(
            "decrease",
            &stem("decrease"),
            claims.stems.get(&stem("decrease")).copied(),
            claims,
            &e.analyzer,
        );
        assert!(unknown.stem.is_none());
        assert!(!unknown.opposites.is_empty());
        assert!(unknown.opposites.iter().all(|&o| Some(o) == increase));
    }

    #[test]
    fn a_choice_between_a_word_and_its_negation_denies_nothing() {
        let sentence = "Some problems can be solved by a trained mechanic.";
        let intents = ["what can a mechanic do"];
        let both = judged(
            "which problems can and cannot be solved",
            sentence,
            &intents,
        );
        assert!(!both.has(Rule::Denied), "{both:?}");
        let denial = judged("which problems cannot be solved", sentence, &intents);
        assert!(denial.has(Rule::Denied), "{denial:?}");
        assert!(
            question_denied(
                &crate::text::test_words("which engines do or don't start"),
                3
            )
            .is_empty()
        );
        assert!(negated(&words("which engines do not start")));
        assert!(!negated(&words("which engines do or don't start")));
    }

    #[test]
    fn a_negation_is_told_as_the_list_tells_it() {
        let negations: Vec<&str> = negations().words().collect();
        assert!(negations.len() > 10);
        for word in &negations {
            assert!(is_negation(word), "{word}");
        }
        // Words sharing a negation's length and last byte, or not.
        for word in [
            "what",
            "that",
            "nut",
            "",
            "t",
            "whatnot",
            "notable",
            "know",
            "no",
            "isn",
            "cannon",
            "inner",
            "a-very-long-word-of-more-than-32-bytes",
        ] {
            assert_eq!(is_negation(word), negations.contains(&word), "{word}");
        }
    }

    #[test]
    fn a_knowledge_words_reading_is_kept_as_the_analyzer_reads_it() {
        // Read once and kept, a word of the knowledge with an opposite
        // reads as analysing it alone reads it, on every question.
        let text = "The festival runs from the start of June until the end of July.";
        let toml = "[article]\ntitle = \"T\"\n[summary]\nshort = \"S.\"\nlong = \"L.\"\n\
             [topics.t]\ntitle = \"T\"\nsummary = \"S.\"\n[[fact]]\nid = \"f\"\ntopic = \"t\"\n\
             intents = [\"when does the festival begin\", \"how long is it open\"]\n\
             answer = \"A.\"\nsource = \"The festival runs from the start of June until the end of July.\"\n";
        let knowledge = load_str(std::path::Path::new("kb"), toml, &format!("T\n\n{text}\n"))
            .unwrap_or_else(|e| panic!("{e}"));
        let e = Engine::new(knowledge);
        let mut opposed = 0;
        for word in e.claims.words.keys() {
            let stemmed = e.analyzer.stem_of(word);
            let direct = match &e.analyzer.analyse_known(word).tokens[..] {
                [token] if token.stem.as_str() != stemmed => {
                    e.claims.stems.get(token.stem.as_str()).copied()
                }
                _ => None,
            };
            for _ in 0..2 {
                let asked = asked_word(
                    word,
                    &stemmed,
                    e.claims.stems.get(&*stemmed).copied(),
                    &e.claims,
                    &e.analyzer,
                );
                if !(asked.opposites.is_empty() && asked.prefixed.is_empty()) {
                    assert_eq!(asked.read, direct, "{word}");
                    opposed += 1;
                }
            }
        }
        // "start" and "end" are opposites: some words were compared.
        assert!(opposed >= 4, "{opposed}");
    }

    #[test]
    fn a_word_the_sentence_uses_as_its_synonym_reads_is_not_opposed() {
        // "begin" is read "start" (the shipped synonyms), which the
        // sentence uses beside its opposite "end": it says when it begins.
        let any = ["what happened"];
        let both = "The festival runs from the start of June until the end of July.";
        let fired = judged("does the festival begin in june", both, &any);
        assert!(!fired.has(Rule::OppositeWord), "{fired:?}");
        // A sentence giving only the end still opposes "begin".
        let end = "The festival runs until the end of July.";
        let fired = judged("does the festival begin in july", end, &any);
        assert!(fired.has(Rule::OppositeWord), "{fired:?}");
    }

    #[test]
    fn the_first_since_a_time_answers_when_the_last_was() {
        let any = ["what happened"];
        let asked = "When was the last city-wide transport stoppage in Zorbton?";
        // The one before was in 2009.
        let gap = "It is the first city-wide transport stoppage in Zorbton since 2009.";
        assert!(!judged(asked, gap, &any).has(Rule::OppositeWord));
        // A first one has no last one before it.
        let first = "It is the first city-wide transport stoppage in Zorbton, in 2024.";
        assert!(judged(asked, first, &any).has(Rule::OppositeWord));
    }

    #[test]
    fn the_word_after_how_says_what_is_asked_and_opposes_nothing() {
        let any = ["what happened"];
        // "How old" asks an age: the new lamps of the sentence do not
        // contradict it, as "the old pier" would be.
        let new_lamps = "The zorbton pier, built in 1901, has new lamps.";
        let fired = judged("how old is the zorbton pier", new_lamps, &any);
        assert!(!fired.has(Rule::OppositeWord), "{fired:?}");
        let fired = judged("does the old zorbton pier have lamps", new_lamps, &any);
        assert!(fired.has(Rule::OppositeWord), "{fired:?}");
        // Among facts: the best sentence, writing "new", no longer cuts
        // every other with it.
        let facts = [
            ("lamps", "The zorbton pier will get new lamps in May."),
            ("built", "The zorbton pier was built in 1901."),
            ("hall", "An old hall stands beside the zorbton pier."),
        ];
        let article = crate::fixtures::article_of("Zorbton pier lamps", &facts);
        let e = Engine::new(crate::fixtures::drafted_like(&article, &facts, ""));
        let asked = "how old is the zorbton pier";
        assert!(!super::super::tests::fired(
            &e,
            asked,
            "built",
            Rule::OppositeWord
        ));
        assert!(!super::super::tests::fired(
            &e,
            asked,
            "lamps",
            Rule::OppositeWord
        ));
    }

    #[test]
    fn a_stop_words_stem_is_kept_when_it_has_opposites() {
        let e = engine();
        let opposites = antonyms();
        let mut kept = 0;
        for word in language().stopwords() {
            let stem = e.analyzer.stem_of(word);
            let has = opposites.contains_key(&*stem);
            assert_eq!(
                e.claims.stop_modifiers.get(word),
                has.then(|| stem.to_string()).as_ref(),
                "{word}"
            );
            kept += usize::from(has);
        }
        // "most" and "least", "before" and "after" are stop words with
        // opposites.
        assert!(kept >= 2, "{kept}");
    }

    #[test]
    fn a_year_the_sentence_does_not_give_is_another_time() {
        let e = engine();
        assert!(answered(&e, "what did mira quell build in 1987?"));
        assert!(!answered(&e, "what did mira quell build in 1991?"));
    }

    #[test]
    fn the_opposite_of_a_word_of_the_sentence_is_not_what_it_says() {
        let e = engine();
        assert!(answered(&e, "what does the output show at night?"));
        assert!(!answered(&e, "what shows a decrease in pressure at night?"));
        assert!(!answered(
            &e,
            "who can repair the zorblat engine untrained?"
        ));
    }

    #[test]
    fn opposites_are_read_from_the_list_and_from_negating_prefixes() {
        let opposite = |question: &str, text: &str, intents: &[&str]| {
            judged(question, text, intents).has(Rule::OppositeWord)
        };
        let any = ["what happened"];
        assert!(opposite("a decrease in size", "An increase in size.", &any));
        assert!(opposite("an informal proof", "A formal proof.", &any));
        // What is in force is not what is only proposed.
        assert!(opposite(
            "how long are shifts under the current rosters",
            "A proposed roster would lengthen shifts.",
            &any
        ));
        assert!(!opposite(
            "an increase in size",
            "An increase in size.",
            &any
        ));
        // The sentence naming both sides says both.
        assert!(!opposite(
            "the worst case",
            "The best and worst case.",
            &any
        ));
        // An intent using the question's word vouches for the fact.
        assert!(!opposite(
            "is the door open",
            "They rejected demands to close the door.",
            &["is the door still open"]
        ));
        assert!(opposite(
            "is the door open",
            "They rejected demands to close the door.",
            &any
        ));
        // A short word is no stem for a prefix: "input" is not "not put".
        assert!(!opposite("what did they put", "The input was late.", &any));
        assert!(opposite("what was unlocked", "The gate was locked.", &any));
        // What the sentence denies, the opposite agrees with.
        assert!(!opposite(
            "what is still unsolved",
            "The problem is not solved.",
            &any
        ));
        assert!(!opposite(
            "what shows a decrease",
            "The output does not show an increase.",
            &any
        ));
    }
}
