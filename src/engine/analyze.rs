//! Turning text into terms: words, typo correction, the knowledge's synonyms,
//! stop words and stemming. The same analysis runs on intents at index time
//! and on questions at answer time, so both meet in one vocabulary.

use std::borrow::Cow;
use std::sync::Arc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::typo::TypoIndex;
use crate::knowledge::Knowledge;
use crate::language::{Classes, List, language};
use crate::lexicon::english_rank;
use crate::text::{Words, is_stopword, stem, stem_cow, words};

/// Index of a term (a stemmed word) in the vocabulary.
pub type TermId = u32;

/// English frequency rank beyond which a real word may still be a typo.
const RARE_RANK: usize = 20_000;

/// Longest synonym phrase, in words, that the analyzer looks for.
const MAX_PHRASE: usize = 5;

/// A content word of analysed text.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// The word after typo correction and synonyms, before stemming.
    pub word: Shared,
    /// Its stem, shared with the analyzer's table when the word is in it
    /// (no copy a question).
    pub stem: Shared,
    /// The term, when the vocabulary has it.
    pub term: Option<TermId>,
    /// Whether it directly follows "which"/"what" ("which NATO ally"): the
    /// thing asked about, often the object put first.
    pub after_question_word: bool,
    /// Whether it directly follows an auxiliary ("did Berlin block"): the subject.
    pub after_auxiliary: bool,
    /// Its position in [`Analysed::all_words`].
    pub at: usize,
    /// Its word's rank among English words by frequency
    /// ([`crate::lexicon::english_rank`]): read at load for the words the
    /// analyzer knows, so that a question's words are not looked up again
    /// for every rule that weighs how common they are.
    pub rank: Option<usize>,
}

/// A token's word or stem: text shared with the analyzer's table of words,
/// so that a word the analyzer knows at load costs a question no copy of
/// it or of its stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared(Arc<str>);

impl Shared {
    /// The word or stem as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Shared {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<String> for Shared {
    fn from(text: String) -> Shared {
        Shared(Arc::from(text))
    }
}

impl From<&str> for Shared {
    fn from(text: &str) -> Shared {
        Shared(Arc::from(text))
    }
}

impl PartialEq<String> for Shared {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

/// Text after analysis: content tokens plus the question words seen.
#[derive(Debug, Clone, Default)]
pub struct Analysed<'a> {
    /// Content words in order, stop words removed.
    pub tokens: Vec<Token>,
    /// Every word after synonyms, stop words included (for question types):
    /// the question's own words, borrowed, when analysis changed none of
    /// them (most questions), so that a question's words are not copied.
    pub all_words: Cow<'a, [&'a str]>,
    /// The classes of each of [`Analysed::all_words`] (stop word, the
    /// language's lists), read from their facts once, so that rules asking
    /// what lists a question's words are in look none of them up again.
    pub classes: Vec<Classes>,
    /// Words that were corrected, as (typed, corrected).
    pub corrections: Vec<(String, String)>,
    /// The stems of the question's words as typed, by their place among
    /// the words [`Analyzer::analyse_question`] was given, for the words a
    /// correction replaced (the others are `None`, and the list is empty
    /// when no word was corrected): analysis stemmed them already, so the
    /// rules reading the question as typed need not stem them again.
    pub typed_stems: Vec<Option<Cow<'a, str>>>,
}

/// What [`Analyzer::word_reading`] reads about one word.
#[derive(Debug, Clone, PartialEq)]
pub struct WordReading<'a> {
    /// Whether the knowledge uses the word (or a word of its stem).
    pub known: bool,
    /// Its stem.
    pub stem: Cow<'a, str>,
    /// Its classes: stop word, the language's lists.
    pub classes: Classes,
}

/// Knowledge text after analysis ([`Analyzer::analyse_known`]): what
/// [`Analysed`] holds, its words owned.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Content words in order, stop words removed.
    pub tokens: Vec<Token>,
    /// Every word after synonyms, stop words included, in one buffer.
    pub all_words: Words,
    /// The classes of each of [`Known::all_words`].
    pub classes: Vec<Classes>,
}

/// The vocabulary and rules for analysing text of one knowledge base.
#[derive(Debug, Clone, Default)]
pub struct Analyzer {
    /// Synonym variants as written, by their first word: the words after
    /// it and what the variant is read as. Found by the question's own
    /// word, without building a key of words.
    synonyms: HashMap<String, Arc<Vec<Variant>>>,
    /// Synonym variants by the stem of their first word (the other words as
    /// written), so an entry also matches its inflections: found by the
    /// stem alone, without building a key.
    stem_synonyms: HashMap<String, Arc<StemPhrases>>,
    /// For each first word of a synonym phrase, the longest phrase it starts.
    phrase_starts: HashMap<String, usize>,
    stems: HashMap<String, TermId>,
    terms: Vec<String>,
    surfaces: HashSet<String>,
    /// For each word of a synonym phrase, the words that follow it there
    /// ("nord": stream): a real word one edit from completing such a pair
    /// ("nord steam") is a typo.
    phrase_next: HashMap<String, HashSet<String>>,
    /// Stems of the words the knowledge uses, so analysis stems each word once.
    stem_cache: HashMap<String, String>,
    /// What analysis reads about each word it meets often, from one
    /// look-up ([`WordFacts`]).
    facts: HashMap<String, WordFacts>,
    typo: TypoIndex,
}

/// A synonym variant under its first word: the words after it (as
/// written) and what the variant is read as.
type Variant = (Vec<String>, Vec<String>);

/// The synonym phrases whose first word has one stem.
#[derive(Debug, Clone, Default)]
struct StemPhrases {
    /// Words of the longest of them.
    longest: usize,
    /// Each phrase: its words after the first (as written), what it is read
    /// as, and the shortest first word of a variant of it.
    phrases: Vec<(Vec<String>, Vec<String>, String)>,
}

/// The synonym phrases a word may start: what [`Analyzer::apply_synonyms`]
/// would otherwise find in three tables (by the word, by its stem, and the
/// longest phrase it starts).
#[derive(Debug, Clone, Copy)]
struct PhraseStart<'a> {
    /// Words of the longest phrase it may start (at least 1).
    longest: usize,
    /// The variants that start with the word as written.
    variants: Option<&'a [Variant]>,
    /// The phrases whose first word has the word's stem.
    by_stem: Option<&'a StemPhrases>,
}

/// Where the one-word phrase a word is read as stands: in its variants or
/// in its stem's phrases, at this index.
#[derive(Debug, Clone, Copy)]
enum Single {
    /// A variant with no word after the first.
    Variant(usize),
    /// A stem phrase with no word after the first.
    Stem(usize),
}

impl<'a> PhraseStart<'a> {
    /// The one-word phrase `word` (whose phrases these are) is read as,
    /// found as the search at length one finds it: the first variant with
    /// no word after it, else the first stem phrase with none, when `word`
    /// inflects its variant. It depends on the word alone, so a word's
    /// facts keep it ([`PhraseStarts::single`]).
    fn single(&self, word: &str) -> Option<Single> {
        if let Some(at) = self
            .variants
            .and_then(|v| v.iter().position(|(after, _)| after.is_empty()))
        {
            return Some(Single::Variant(at));
        }
        let phrases = &self.by_stem?.phrases;
        let at = phrases.iter().position(|(after, _, _)| after.is_empty())?;
        inflects(word, &phrases[at].2).then_some(Single::Stem(at))
    }

    /// What the one-word phrase at `single` is read as.
    fn read_as(&self, single: Single) -> Option<&'a [String]> {
        match single {
            Single::Variant(at) => self.variants?.get(at).map(|(_, c)| c.as_slice()),
            Single::Stem(at) => self.by_stem?.phrases.get(at).map(|(_, c, _)| c.as_slice()),
        }
    }
}

/// [`PhraseStart`] kept in a word's facts: the tables' entries shared.
#[derive(Debug, Clone)]
struct PhraseStarts {
    /// Words of the longest phrase the word may start (at least 1).
    longest: usize,
    /// The variants that start with the word as written.
    variants: Option<Arc<Vec<Variant>>>,
    /// The phrases whose first word has the word's stem.
    by_stem: Option<Arc<StemPhrases>>,
    /// The one-word phrase the word is read as ([`PhraseStart::single`]),
    /// found at load: a question searches only the longer ones.
    single: Option<Single>,
}

/// What analysis reads about a word, precomputed at load for every word the
/// knowledge writes or uses, every word of a synonym phrase and every stop
/// word and listed word: a question's word then costs one look-up instead
/// of one in each table (surfaces, stems, terms, the language's lists).
#[derive(Debug, Clone)]
struct WordFacts {
    /// The word itself, shared with the tokens that read it.
    word: Shared,
    /// Its stem ([`crate::text::stem`]).
    stem: Shared,
    /// The term of its stem, when the vocabulary has it.
    term: Option<TermId>,
    /// Whether the knowledge writes it.
    surface: bool,
    /// Its classes: stop word, question word, auxiliary, filler, ….
    classes: Classes,
    /// The synonym phrases that may start with it, as written or by its
    /// stem (`None` when none may).
    starts_phrase: Option<Box<PhraseStarts>>,
    /// Whether a word of a synonym phrase follows it there.
    leads_phrase: bool,
    /// Its rank among English words ([`english_rank`]).
    rank: Option<usize>,
}

/// A word on its way through analysis: its text (as typed, corrected or a
/// synonym's), its [`WordFacts`] looked up once, and the stem of a word
/// without facts once a pass has computed it, so that no pass looks the
/// word up or stems it again.
#[derive(Debug)]
struct Read<'a> {
    /// The word.
    word: &'a str,
    /// Its facts, when it has them.
    facts: Option<&'a WordFacts>,
    /// Its stem, for a word without facts once it is known (`None` for
    /// the words of a synonym, stemmed when read).
    stem: Option<Cow<'a, str>>,
}

impl<'a> Read<'a> {
    /// A word with its facts, not stemmed yet.
    fn new(word: &'a str, facts: Option<&'a WordFacts>) -> Read<'a> {
        Read {
            word,
            facts,
            stem: None,
        }
    }
}

impl Analyzer {
    /// Builds the synonym table and the vocabulary of everything the
    /// knowledge says: intents, keywords, answers, sources and synonyms.
    pub fn new(knowledge: &Knowledge) -> Analyzer {
        let mut analyzer = Analyzer::default();
        let groups = merged_synonyms(knowledge);
        // Shared keys claimed by more than one meaning match only as written.
        let mut by_stem: HashMap<Vec<String>, HashSet<Vec<String>>> = HashMap::default();
        let mut shortest: HashMap<Vec<String>, String> = HashMap::default();
        for (canonical, variants) in &groups {
            let canonical = words(canonical);
            if let [word] = canonical.as_slice() {
                by_stem
                    .entry(vec![stem(word)])
                    .or_default()
                    .insert(canonical.clone());
            }
            for variant in variants {
                let (exact_only, variant) = match variant.strip_prefix('=') {
                    Some(rest) => (true, rest),
                    None => (false, variant.as_str()),
                };
                let key = words(variant);
                for pair in key.windows(2) {
                    analyzer
                        .phrase_next
                        .entry(pair[0].clone())
                        .or_default()
                        .insert(pair[1].clone());
                }
                if key.is_empty() || key.len() > MAX_PHRASE || key == canonical {
                    continue;
                }
                let longest = analyzer.phrase_starts.entry(key[0].clone()).or_insert(1);
                *longest = (*longest).max(key.len());
                if !exact_only {
                    let stem_key = stem_key(&key);
                    let first = shortest.entry(stem_key.clone()).or_insert(key[0].clone());
                    if key[0].len() < first.len() {
                        key[0].clone_into(first);
                    }
                    by_stem
                        .entry(stem_key)
                        .or_default()
                        .insert(canonical.clone());
                }
                let mut rest = key;
                let first = rest.remove(0);
                let variants = Arc::make_mut(analyzer.synonyms.entry(first).or_default());
                match variants.iter_mut().find(|(after, _)| *after == rest) {
                    Some((_, read_as)) => read_as.clone_from(&canonical),
                    None => variants.push((rest, canonical.clone())),
                }
            }
        }
        for (key, meanings) in by_stem {
            let mut meanings = meanings.into_iter();
            if let (Some(canonical), None) = (meanings.next(), meanings.next())
                && !(key.len() == 1 && canonical.len() == 1 && stem(&canonical[0]) == key[0])
            {
                let first = shortest.remove(&key).unwrap_or_default();
                let by_stem =
                    Arc::make_mut(analyzer.stem_synonyms.entry(key[0].clone()).or_default());
                by_stem.longest = by_stem.longest.max(key.len());
                by_stem.phrases.push((key[1..].to_vec(), canonical, first));
            }
        }
        let mut texts: Vec<&str> = Vec::new();
        for fact in &knowledge.facts {
            texts.extend(fact.intents.iter().map(String::as_str));
            texts.extend(fact.keywords.iter().map(String::as_str));
            texts.push(&fact.answer);
            texts.push(&knowledge.article.sentences[fact.sentence].text);
        }
        texts.extend(knowledge.article.sentences.iter().map(|s| s.text.as_str()));
        // The knowledge's own synonyms are part of its vocabulary; a general
        // group only when the knowledge uses its word (so a typo of "ammo"
        // is corrected where the knowledge speaks of ammunition).
        let own = knowledge.synonyms.len();
        for (canonical, variants) in &groups[..own] {
            texts.push(canonical);
            texts.extend(variants.iter().map(|v| v.trim_start_matches('=')));
        }
        let mut seen = HashSet::default();
        texts.retain(|t| seen.insert(*t));
        for text in texts {
            analyzer.learn(text);
        }
        for (canonical, variants) in &groups[own..] {
            let used = analyzer
                .analyse_known(canonical)
                .tokens
                .iter()
                .all(|t| t.term.is_some());
            if used {
                for variant in variants {
                    analyzer.learn(variant.trim_start_matches('='));
                }
            }
        }
        analyzer.typo = TypoIndex::new(analyzer.surfaces.iter().map(String::as_str));
        analyzer.facts = analyzer.word_facts();
        analyzer
    }

    /// The [`WordFacts`] of the words analysis meets most: the knowledge's
    /// words, the words of synonym phrases, stop words and listed words.
    fn word_facts(&self) -> HashMap<String, WordFacts> {
        let lang = language();
        let listed = List::ALL.iter().flat_map(|&list| lang.list(list));
        let words = self
            .stem_cache
            .keys()
            .chain(&self.surfaces)
            .chain(self.phrase_next.keys())
            .chain(self.phrase_starts.keys())
            .map(String::as_str)
            .chain(lang.stopwords())
            .chain(listed.map(String::as_str));
        let mut facts: HashMap<String, WordFacts> = HashMap::default();
        for word in words {
            if facts.contains_key(word) {
                continue;
            }
            let stem = match self.stem_cache.get(word) {
                Some(stem) => stem.clone(),
                None => stem(word),
            };
            let fact = WordFacts {
                term: self.stems.get(&stem).copied(),
                surface: self.surfaces.contains(word),
                classes: lang.classes(word),
                starts_phrase: self.phrase_starts_shared(word, &stem),
                leads_phrase: self.phrase_next.contains_key(word),
                rank: english_rank(word),
                word: Shared::from(word),
                stem: Shared::from(stem),
            };
            facts.insert(word.to_string(), fact);
        }
        facts
    }

    /// The synonym phrases that may start with a word of this stem, from
    /// the three tables (a word without facts).
    fn phrase_start(&self, word: &str, stem: &str) -> PhraseStart<'_> {
        let by_stem = self.stem_synonyms.get(stem).map(|s| &**s);
        PhraseStart {
            longest: self
                .phrase_starts
                .get(word)
                .copied()
                .unwrap_or(1)
                .max(by_stem.map_or(1, |s| s.longest)),
            variants: self.synonyms.get(word).map(|v| v.as_slice()),
            by_stem,
        }
    }

    /// [`Analyzer::phrase_start`] to keep in a word's facts, `None` when no
    /// phrase may start with the word.
    fn phrase_starts_shared(&self, word: &str, stem: &str) -> Option<Box<PhraseStarts>> {
        if !self.phrase_starts.contains_key(word) && !self.stem_synonyms.contains_key(stem) {
            return None;
        }
        let start = self.phrase_start(word, stem);
        Some(Box::new(PhraseStarts {
            longest: start.longest,
            variants: self.synonyms.get(word).cloned(),
            by_stem: self.stem_synonyms.get(stem).cloned(),
            single: start.single(word),
        }))
    }

    /// The classes of a word (stop word, the language's lists), from its
    /// facts when it has them.
    #[inline]
    fn classes(&self, word: &str, facts: Option<&WordFacts>) -> Classes {
        match facts {
            Some(facts) => facts.classes,
            None => classes_of_unknown(word),
        }
    }

    /// Adds the words of a knowledge text to the vocabulary.
    fn learn(&mut self, text: &str) {
        let raw = Words::read(text);
        self.surfaces.extend(raw.iter().map(str::to_string));
        // The words' facts are built after the knowledge is learnt.
        let raw = raw.iter().map(|w| Read::new(w, None)).collect();
        let read = self.apply_synonyms(raw);
        let read: Vec<String> = read.into_iter().map(|r| r.word.to_string()).collect();
        for word in read {
            if !is_stopword(&word) && !self.stem_cache.contains_key(&word) {
                let stemmed = stem(&word);
                self.intern(&stemmed);
                self.stem_cache.insert(word, stemmed);
            }
        }
    }

    fn intern(&mut self, stem: &str) -> TermId {
        if let Some(&id) = self.stems.get(stem) {
            return id;
        }
        let id = self.terms.len() as TermId;
        self.terms.push(stem.to_string());
        self.stems.insert(stem.to_string(), id);
        id
    }

    /// Every word the knowledge writes, as [`crate::text::words`] reads it.
    pub fn surfaces(&self) -> impl Iterator<Item = &str> {
        self.surfaces.iter().map(String::as_str)
    }

    /// Number of terms in the vocabulary.
    pub fn vocabulary_len(&self) -> usize {
        self.terms.len()
    }

    /// Every word the knowledge uses (after synonyms, stop words left out)
    /// with its term: what the semantic layer gives vectors to.
    pub fn words_and_terms(&self) -> impl Iterator<Item = (&str, TermId)> {
        self.stem_cache
            .iter()
            .filter_map(|(word, stem)| Some((word.as_str(), *self.stems.get(stem)?)))
    }

    /// True when the knowledge uses this word (or a word of its stem).
    pub fn knows(&self, word: &str) -> bool {
        match self.facts.get(word) {
            Some(facts) => facts.surface || facts.term.is_some(),
            None => self.stems.contains_key(&*stem_cow(word)),
        }
    }

    /// Whether the knowledge uses a word ([`Analyzer::knows`]), its stem
    /// ([`Analyzer::stem_of`]) and its classes, from one look-up of its
    /// facts: a word without them is stemmed once for both.
    pub fn word_reading(&self, word: &str) -> WordReading<'_> {
        match self.facts.get(word) {
            Some(facts) => WordReading {
                known: facts.surface || facts.term.is_some(),
                stem: Cow::Borrowed(facts.stem.as_str()),
                classes: facts.classes,
            },
            None => {
                let stem = self.stem_of(word);
                WordReading {
                    known: self.stems.contains_key(&*stem),
                    stem,
                    classes: language().classes(word),
                }
            }
        }
    }

    /// The stem of a word ([`crate::text::stem`]), taken from the table of
    /// the knowledge's words when it is one of them, so that the words the
    /// knowledge uses are never stemmed again.
    pub fn stem_of<'a>(&'a self, word: &str) -> Cow<'a, str> {
        match self.facts.get(word) {
            Some(facts) => Cow::Borrowed(facts.stem.as_str()),
            // While the tables are built, the stems learnt so far.
            None => match self.stem_cache.get(word) {
                Some(stem) => Cow::Borrowed(stem),
                None => stem_cow(word),
            },
        }
    }

    /// The stem a term stands for, if the vocabulary has the term.
    pub fn term_text(&self, term: TermId) -> Option<&str> {
        self.terms.get(term as usize).map(String::as_str)
    }

    /// The term of a stem, if the vocabulary has it.
    pub fn term_of_stem(&self, stem: &str) -> Option<TermId> {
        self.stems.get(stem).copied()
    }

    /// Analyses knowledge text (no typo correction: it is ours).
    pub fn analyse_known(&self, text: &str) -> Known {
        let words = Words::read(text);
        let raw = words
            .iter()
            .map(|w| Read::new(w, self.facts.get(w)))
            .collect();
        let Analysed {
            tokens,
            all_words,
            classes,
            ..
        } = self.finish(raw, None, Vec::new());
        // The words read, kept as they are when analysis changed none of
        // them (most knowledge text the rules read): no second buffer.
        let changed = all_words.len() != words.len()
            || all_words.iter().zip(words.iter()).any(|(&a, b)| a != b);
        let rewritten = changed.then(|| {
            let mut rewritten = Words::with_capacity(text.len(), all_words.len());
            for &word in all_words.iter() {
                rewritten.push(word);
            }
            rewritten
        });
        drop(all_words);
        Known {
            tokens,
            all_words: rewritten.unwrap_or(words),
            classes,
        }
    }

    /// Analyses a question (given as [`crate::text::words`]), correcting
    /// misspelled words toward the vocabulary. The words are borrowed: the
    /// result's [`Analysed::all_words`] are they themselves when analysis
    /// changes none of them.
    pub fn analyse_question<'a>(&'a self, words: &'a [&'a str]) -> Analysed<'a> {
        let mut corrections = Vec::new();
        let mut typed_stems: Vec<Option<Cow<'a, str>>> = Vec::new();
        // Whether a word of a synonym phrase follows the word before.
        let mut after_phrase_word = false;
        let mut read: Vec<Read<'a>> = Vec::with_capacity(words.len());
        // The words read so far are the words before (as corrected).
        for (i, &word) in words.iter().enumerate() {
            let facts = self.facts.get(word);
            let mut stem = None;
            let fixed = self.correction(word, facts, &mut stem).or_else(|| {
                after_phrase_word
                    .then(|| {
                        let before = i.checked_sub(1).map(|j| read[j].word);
                        self.phrase_correction(before, word, facts)
                    })
                    .flatten()
            });
            match fixed {
                Some(fixed) => {
                    if typed_stems.is_empty() {
                        typed_stems.resize(words.len(), None);
                    }
                    typed_stems[i] = match facts {
                        Some(facts) => Some(Cow::Borrowed(facts.stem.as_str())),
                        None => stem,
                    };
                    after_phrase_word = self.phrase_next.contains_key(fixed);
                    let facts = self.facts.get(fixed);
                    read.push(Read::new(fixed, facts));
                    corrections.push((word.to_string(), fixed.to_string()));
                }
                None => {
                    after_phrase_word = facts.is_some_and(|f| f.leads_phrase);
                    read.push(Read { word, facts, stem });
                }
            }
        }
        let mut analysed = self.finish(read, Some(words), corrections);
        analysed.typed_stems = typed_stems;
        analysed
    }

    /// The word a question word should be read as, when it looks like a typo
    /// of a vocabulary word rather than a real word of its own. A word the
    /// tables do not stem is stemmed here and its stem kept in `stemmed`,
    /// so that the synonym pass does not stem it again.
    /// `facts`: the word's [`WordFacts`], when it has them.
    fn correction(
        &self,
        word: &str,
        facts: Option<&WordFacts>,
        stemmed: &mut Option<Cow<'static, str>>,
    ) -> Option<&str> {
        let classes = self.classes(word, facts);
        if classes.is_stopword()
            || classes.has(List::Question)
            || word.chars().any(|c| c.is_ascii_digit())
            || facts.is_some_and(|f| f.surface)
        {
            return None;
        }
        let known_stem = match facts {
            Some(facts) => facts.term.is_some(),
            None => {
                let stem = stem_cow(word);
                let known = self.stems.contains_key(&*stem);
                *stemmed = Some(stem);
                known
            }
        };
        if known_stem {
            return None;
        }
        // A real English word is corrected only when it is rare and one edit
        // away ("goverment"), so "game" never becomes "gas".
        let rank = english_rank(word);
        if rank.is_some_and(|r| r <= RARE_RANK || word.chars().count() < 5) {
            return None;
        }
        // A typo of the knowledge's own words first: "blinkin" is the
        // article's Blinken, not "blinking".
        match self.typo.correct(word) {
            Some((fixed, distance)) if rank.is_none() || distance == 1 => Some(fixed),
            _ => dropped_g(word, rank),
        }
    }

    /// A real word one edit from completing a phrase of the synonyms with
    /// the word before it ("nord steam": stream). `facts`: the word's
    /// [`WordFacts`], when it has them (every word the knowledge writes
    /// has them).
    fn phrase_correction(
        &self,
        before: Option<&str>,
        word: &str,
        facts: Option<&WordFacts>,
    ) -> Option<&str> {
        let next = self.phrase_next.get(before?)?;
        if facts.is_some_and(|f| f.surface) || is_stopword(word) {
            return None;
        }
        // The correction must be one of the few words that follow in a
        // phrase, one edit away: when none of them is, the search of the
        // whole vocabulary (most of this step's cost) cannot find it.
        if !next.iter().any(|n| super::typo::one_edit_apart(word, n)) {
            return None;
        }
        let (fixed, distance) = self.typo.correct(word)?;
        (distance == 1 && next.contains(fixed)).then_some(fixed)
    }

    /// `raw`: the words read, with their facts (and stems, when known).
    /// `asked`: the words `raw` was read from, when they may be borrowed as
    /// [`Analysed::all_words`] (if analysis leaves them as they are).
    fn finish<'a>(
        &'a self,
        mut raw: Vec<Read<'a>>,
        asked: Option<&'a [&'a str]>,
        corrections: Vec<(String, String)>,
    ) -> Analysed<'a> {
        self.drop_chat_frames(&mut raw);
        // Most questions hold no filler: nothing to move.
        let filler = |r: &Read<'_>| self.classes(r.word, r.facts).has(List::Fillers);
        if raw.iter().any(filler) {
            raw.retain(|r| !filler(r));
        }
        let read = self.apply_synonyms(raw);
        let mut tokens = Vec::with_capacity(read.len());
        let mut all_classes = Vec::with_capacity(read.len());
        // The classes of the two words before this one.
        let mut classes_before = [Classes::default(); 2];
        for (
            i,
            Read {
                word,
                facts,
                stem: known,
            },
        ) in read.iter().enumerate()
        {
            let facts = *facts;
            let classes = self.classes(word, facts);
            all_classes.push(classes);
            let [one_before, two_before] = classes_before;
            classes_before = [classes, one_before];
            if classes.is_stopword() || classes.has(List::Question) {
                continue;
            }
            // A word's facts hold its stem; a word without them was
            // stemmed by an earlier pass, or is stemmed here.
            let (stem, term) = match (facts, known) {
                (Some(facts), _) => (facts.stem.clone(), facts.term),
                (None, stemmed) => {
                    // Shared straight from the earlier pass's stem: no
                    // copy of it in between.
                    let owned;
                    let stem: &str = match stemmed {
                        Some(stem) => stem,
                        None => {
                            owned = stem(word);
                            &owned
                        }
                    };
                    let term = self.stems.get(stem).copied();
                    (Shared::from(stem), term)
                }
            };
            let before = if i > 0 { read[i - 1].word } else { "" };
            // "how big": the measure asked for, which a sentence gives as a
            // figure; a word the knowledge uses may stand in the sentence.
            if before == "how" && classes.has(List::MeasureWords) && term.is_none() {
                continue;
            }
            // "did the us send": the subject may follow a determiner.
            let auxiliary_before = match i {
                2.. if matches!(before, "the" | "a" | "an") => two_before,
                _ => one_before,
            };
            tokens.push(Token {
                term,
                word: facts.map_or_else(|| Shared::from(*word), |f| f.word.clone()),
                stem,
                after_question_word: matches!(before, "which" | "what" | "whose"),
                after_auxiliary: auxiliary_before.has(List::Auxiliary),
                at: i,
                rank: facts.map_or_else(|| english_rank(word), |f| f.rank),
            });
        }
        // The question's own words when analysis changed none of them.
        let all_words = match asked {
            Some(asked)
                if read.len() == asked.len()
                    && read.iter().zip(asked).all(|(a, b)| a.word == *b) =>
            {
                Cow::Borrowed(asked)
            }
            _ => Cow::Owned(read.iter().map(|r| r.word).collect()),
        };
        Analysed {
            tokens,
            all_words,
            classes: all_classes,
            corrections,
            typed_stems: Vec::new(),
        }
    }

    /// Replaces synonym phrases (longest first) by their canonical words. A
    /// phrase matches as written or, failing that, with its first word
    /// inflected ("pulled the trigger" for "pull the trigger"). Each word
    /// kept as written leaves with its stem when it has no facts, so no
    /// word is stemmed twice; the words of a synonym leave with their facts.
    fn apply_synonyms<'a>(&'a self, mut raw: Vec<Read<'a>>) -> Vec<Read<'a>> {
        // Most questions hold no word that may start a phrase: nothing to
        // replace, and the words' stems are in their facts.
        if self.synonyms.is_empty()
            || raw
                .iter()
                .all(|r| r.facts.is_some_and(|f| f.starts_phrase.is_none()))
        {
            return raw;
        }
        // The words are read in place: a phrase found is spliced out for its
        // canonical words (seldom), every other word stays where it is.
        let mut i = 0;
        'outer: while i < raw.len() {
            let facts = raw[i].facts;
            // Most words start no synonym phrase: kept as written.
            if facts.is_some_and(|f| f.starts_phrase.is_none()) {
                i += 1;
                continue;
            }
            let first_stem = match (facts, raw[i].stem.take()) {
                (Some(facts), _) => Cow::Borrowed(facts.stem.as_str()),
                (None, Some(stem)) => stem,
                (None, None) => self.stem_of(raw[i].word),
            };
            // A word with facts carries its phrases; only a word without
            // them needs the tables' look-ups.
            let word = raw[i].word;
            let (start, single) = match facts.and_then(|f| f.starts_phrase.as_deref()) {
                Some(starts) => (
                    PhraseStart {
                        longest: starts.longest,
                        variants: starts.variants.as_deref().map(Vec::as_slice),
                        by_stem: starts.by_stem.as_deref(),
                    },
                    starts.single,
                ),
                None => {
                    let start = self.phrase_start(word, &first_stem);
                    (start, start.single(word))
                }
            };
            let PhraseStart {
                longest,
                variants,
                by_stem,
            } = start;
            // A longer phrase goes on with the next word: when no phrase
            // of the word's does, none of two words or more can match.
            let next = raw.get(i + 1).map(|r| r.word);
            let goes_on =
                |after: &[String]| after.first().is_some_and(|a| Some(a.as_str()) == next);
            let longest = if variants.is_some_and(|v| v.iter().any(|(after, _)| goes_on(after)))
                || by_stem.is_some_and(|s| s.phrases.iter().any(|(after, _, _)| goes_on(after)))
            {
                longest
            } else {
                1
            };
            // The longer phrases first, then a phrasal verb split by its
            // object, then the one-word one, found already.
            let contiguous = (2..=longest.min(raw.len() - i)).rev().find_map(|len| {
                let rest = &raw[i + 1..i + len];
                let same = |after: &[String]| {
                    after.len() == rest.len() && after.iter().zip(rest).all(|(a, r)| a == r.word)
                };
                phrase_read_as(variants, by_stem, word, same).map(|canonical| (len, canonical))
            });
            if contiguous.is_none()
                && let Some((particle, canonical)) = self.separated(&raw[i..], variants, by_stem)
            {
                // The particle goes, the verb is read as the phrase's words
                // and its object stays, read on as any words.
                raw.remove(i + particle);
                let reads = canonical
                    .iter()
                    .map(|w| Read::new(w.as_str(), self.facts.get(w.as_str())));
                raw.splice(i..=i, reads);
                i += canonical.len();
                continue 'outer;
            }
            let found = contiguous.or_else(|| Some((1, start.read_as(single?)?)));
            if let Some((len, canonical)) = found {
                let reads = canonical
                    .iter()
                    .map(|w| Read::new(w.as_str(), self.facts.get(w.as_str())));
                // Most phrases are read as as many words as they have (a
                // word for a word): written over in place, nothing moved.
                if canonical.len() == len {
                    for (slot, read) in raw[i..i + len].iter_mut().zip(reads) {
                        *slot = read;
                    }
                } else {
                    raw.splice(i..i + len, reads);
                }
                i += canonical.len();
                continue 'outer;
            }
            if facts.is_none() {
                raw[i].stem = Some(first_stem);
            }
            i += 1;
        }
        raw
    }

    /// A two-word phrase of a verb and its particle ("put off": postpone)
    /// said with its object between them ("put the vote off", "called it
    /// off"): the particle's place in `words` (the verb first) and what the
    /// phrase is read as. The object is one to three words, each no stop
    /// word or one of [`List::ObjectWords`], none a particle, and the last
    /// of them starts no phrase with the particle ("hand their money back"
    /// is a refund, not a return). `variants`, `by_stem`: the verb's
    /// phrases ([`PhraseStart`]).
    fn separated<'a>(
        &self,
        words: &[Read<'_>],
        variants: Option<&'a [Variant]>,
        by_stem: Option<&'a StemPhrases>,
    ) -> Option<(usize, &'a [String])> {
        const LONGEST_OBJECT: usize = 3;
        let verb = words.first()?;
        if self.classes(verb.word, verb.facts).is_stopword() {
            return None;
        }
        for at in 1..words.len().min(LONGEST_OBJECT + 2) {
            let Read { word, facts, .. } = words[at];
            let classes = self.classes(word, facts);
            if classes.has(List::Particles) {
                if at == 1 {
                    return None;
                }
                let before = words[at - 1].word;
                if self
                    .phrase_next
                    .get(before)
                    .is_some_and(|n| n.contains(word))
                {
                    return None;
                }
                let is_particle = |after: &[String]| matches!(after, [p] if p == word);
                return phrase_read_as(variants, by_stem, verb.word, is_particle)
                    .map(|canonical| (at, canonical));
            }
            if classes.is_stopword() && !classes.has(List::ObjectWords) {
                return None;
            }
        }
        None
    }

    /// Drops the frames of a chat question that are not part of it: a tag
    /// at the end ("..., right?", "..., huh"), a closing "in the first
    /// place" ("what caused the cracks in the first place": no place is
    /// asked for) and "broadly speaking"; "how come" is read as the "why"
    /// it means, so "come" is no word to match.
    fn drop_chat_frames<'a>(&'a self, raw: &mut Vec<Read<'a>>) {
        if raw.len() >= 3
            && raw
                .last()
                .is_some_and(|r| language().in_list(List::TagEndings, r.word))
        {
            raw.pop();
        }
        if raw.len() >= 6
            && raw[raw.len() - 4..]
                .iter()
                .map(|r| r.word)
                .eq(["in", "the", "first", "place"])
        {
            raw.truncate(raw.len() - 4);
        }
        drop_name_asking(raw);
        let mut i = 1;
        while i < raw.len() {
            let (before, word) = (raw[i - 1].word, raw[i].word);
            if word == "speaking" && before.ends_with("ly") {
                raw.drain(i - 1..=i);
            } else if word == "come" && before == "how" {
                raw.drain(i - 1..=i);
                raw.insert(i - 1, Read::new("why", self.facts.get("why")));
            } else {
                i += 1;
            }
        }
    }
}

/// The classes of a word without facts, looked up in the language's
/// lists: kept out of line so that [`Analyzer::classes`], asked about
/// every word of a question twice, stays a read of the facts inline.
#[inline(never)]
fn classes_of_unknown(word: &str) -> Classes {
    language().classes(word)
}

/// Drops a closing "called" of "what is X called": the question asks for
/// a name, which a sentence gives without the word ("the MV Nordic Tern").
fn drop_name_asking(raw: &mut Vec<Read<'_>>) {
    let asks_what = raw.iter().any(|r| matches!(r.word, "what" | "whats"));
    if raw.len() >= 3
        && asks_what
        && raw
            .last()
            .is_some_and(|r| language().in_list(List::NameAsking, r.word))
    {
        raw.pop();
    }
}

/// What a phrase starting with `word` is read as, when the words after it
/// fit (`fits`): a phrase of the word as written first, else one of its
/// stem's whose first word `word` inflects. Read for the phrases written
/// out and for a phrasal verb split by its object alike.
fn phrase_read_as<'a>(
    variants: Option<&'a [Variant]>,
    by_stem: Option<&'a StemPhrases>,
    word: &str,
    fits: impl Fn(&[String]) -> bool,
) -> Option<&'a [String]> {
    variants
        .and_then(|v| v.iter().find(|(after, _)| fits(after)))
        .map(|(_, canonical)| canonical.as_slice())
        .or_else(|| {
            by_stem?
                .phrases
                .iter()
                .find(|(after, _, _)| fits(after))
                .filter(|(_, _, variant)| inflects(word, variant))
                .map(|(_, canonical, _)| canonical.as_slice())
        })
}

/// True when `word` may be an inflection of `variant`, which it shares a
/// stem with: an inflection extends the word ("invade": "invading",
/// "worry": "worries") or changes it irregularly ("sell": "sold"). Other
/// words of the family are not read the same: "diplomat" is not
/// "diplomatic", "hands" is not "handed".
fn inflects(word: &str, variant: &str) -> bool {
    let base = variant
        .strip_suffix('e')
        .or_else(|| variant.strip_suffix('y'))
        .unwrap_or(variant);
    word.starts_with(base) || language().irregular_base(word) == Some(variant)
}

/// The synonym key of a phrase matched by stem: its first word stemmed, the
/// rest as written.
fn stem_key(words: &[String]) -> Vec<String> {
    let mut key = words.to_vec();
    if let Some(first) = key.first_mut() {
        *first = stem(first);
    }
    key
}

/// The synonym groups to apply, as (canonical, variants): the knowledge's
/// own, then the shipped general ones (everyday synonyms, and each country's
/// demonyms and other names) for every variant the knowledge does not claim.
/// The knowledge claims what it writes and, for a variant it lets inflect,
/// the general variants that inflect the same words ("call off" claims
/// "called off", "calling off"), so its reading wins for every form.
/// A general group whose word the knowledge reads as another word follows
/// it ("help" read as "aid" carries "assistance" along).
pub fn merged_synonyms(knowledge: &Knowledge) -> Vec<(String, Vec<String>)> {
    let mut read_as: HashMap<String, String> = HashMap::default();
    let mut claimed: HashSet<String> = HashSet::default();
    let mut inflected = InflectedClaims::default();
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for group in &knowledge.synonyms {
        claimed.insert(words(&group.canonical).join(" "));
        for variant in &group.variants {
            let key = words(variant.trim_start_matches('=')).join(" ");
            read_as.insert(key.clone(), group.canonical.clone());
            claimed.insert(key);
            if !variant.starts_with('=') {
                inflected.claim(&words(variant));
            }
        }
        groups.push((group.canonical.clone(), group.variants.clone()));
    }
    for group in language().synonyms() {
        let canonical = read_as
            .get(&words(&group.canonical).join(" "))
            .cloned()
            .unwrap_or(group.canonical);
        let variants: Vec<String> = group
            .variants
            .into_iter()
            .filter(|v| {
                let variant = words(v.trim_start_matches('='));
                let key = variant.join(" ");
                key != canonical && !inflected.claims(&variant) && claimed.insert(key)
            })
            .collect();
        if !variants.is_empty() {
            groups.push((canonical, variants));
        }
    }
    groups
}

/// The knowledge's variants that inflect, by their stem key
/// ([`stem_key`]): each key's first words as the knowledge writes them.
#[derive(Default)]
struct InflectedClaims(HashMap<Vec<String>, Vec<String>>);

impl InflectedClaims {
    /// Records a variant of the knowledge that matches by stem.
    fn claim(&mut self, variant: &[String]) {
        if let Some(first) = variant.first() {
            self.0
                .entry(stem_key(variant))
                .or_default()
                .push(first.clone());
        }
    }

    /// Whether a general variant is another form of one of the knowledge's
    /// (same stem key, one first word an inflection of the other).
    fn claims(&self, variant: &[String]) -> bool {
        // Most knowledge (every draft) writes no synonym: no general
        // variant's stem key need be worked out at start-up.
        if self.0.is_empty() {
            return false;
        }
        let (Some(first), Some(own)) = (variant.first(), self.0.get(&stem_key(variant))) else {
            return false;
        };
        own.iter()
            .any(|mine| inflects(first, mine) || inflects(mine, first))
    }
}

/// The "-ing" word that chat writes without its "g" ("waitin", "nothin"),
/// when the typed word is no common English word (`rank`: its frequency
/// rank) and the "-ing" word is one: read as that word, it meets the
/// article's "waited" by stem, or is the stop word it stands for, instead
/// of an unknown word counted against every fact. "kin" and "win" are
/// words of their own and stay.
fn dropped_g(word: &str, rank: Option<usize>) -> Option<&'static str> {
    if !word.ends_with("in") || word.len() < 4 || rank.is_some_and(|r| r <= RARE_RANK) {
        return None;
    }
    let vectors = crate::vectors::embedded_once()?;
    let id = vectors.id(&format!("{word}g"))?;
    vectors.word(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// An analyzer for a tiny made-up knowledge file with these synonyms.
    fn analyzer(synonyms: &str) -> Analyzer {
        let toml = format!(
            "[article]\ntitle = \"T\"\n[synonyms]\n{synonyms}\n[summary]\nshort = \"S.\"\nlong = \"L.\"\n\
             [topics.t]\ntitle = \"T\"\nsummary = \"S.\"\n[[fact]]\nid = \"f\"\ntopic = \"t\"\n\
             intents = [\"who sent the aid\"]\nanswer = \"A.\"\nsource = \"The mayor sent aid to the town.\"\n"
        );
        let knowledge = crate::knowledge::load_str(
            Path::new("kb"),
            &toml,
            "The mayor sent aid to the town. Reporters were told.",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        Analyzer::new(&knowledge)
    }

    fn read(analyzer: &Analyzer, text: &str) -> Vec<String> {
        analyzer
            .analyse_known(text)
            .all_words
            .iter()
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn a_synonym_matches_the_inflections_of_its_variants() {
        let a = analyzer("town = [\"village\"]\ngive = [\"hand out\"]");
        assert_eq!(read(&a, "villages"), ["town"]);
        assert_eq!(read(&a, "they handed out aid"), ["they", "give", "aid"]);
        assert_eq!(read(&a, "they handing out aid"), ["they", "give", "aid"]);
        // Only the first word of a phrase inflects.
        assert_eq!(read(&a, "hand outs"), ["hand", "outs"]);
    }

    #[test]
    fn a_phrase_is_read_as_its_words_however_many_they_are() {
        let a = analyzer("\"foreign aid\" = [\"relief\"]\nsend = [\"ship off\"]");
        // One word read as two, two words read as one.
        assert_eq!(
            read(&a, "relief reached the town"),
            ["foreign", "aid", "reached", "the", "town"]
        );
        assert_eq!(read(&a, "they ship off aid"), ["they", "send", "aid"]);
        // A phrase's first word not followed by the rest of it stays.
        assert_eq!(
            read(&a, "they ship aid to the town"),
            ["they", "ship", "aid", "to", "the", "town"]
        );
        assert_eq!(read(&a, "they ship"), ["they", "ship"]);
    }

    #[test]
    fn a_phrasal_verb_split_by_its_object_is_read_as_its_word() {
        let a = analyzer(
            "postpone = [\"put off\"]\nrefund = [\"money back\"]\nreturn = [\"hand back\"]",
        );
        // Whole or around its object of up to three words, inflected.
        assert_eq!(
            read(&a, "they put off the vote"),
            ["they", "postpone", "the", "vote"]
        );
        assert_eq!(read(&a, "they put it off"), ["they", "postpone", "it"]);
        assert_eq!(
            read(&a, "they are putting the town vote off"),
            ["they", "are", "postpone", "the", "town", "vote"]
        );
        // A longer object, or a preposition between: as written.
        assert_eq!(
            read(&a, "put the big new town vote off"),
            ["put", "the", "big", "new", "town", "vote", "off"]
        );
        assert_eq!(
            read(&a, "they put aid on the cart off"),
            ["they", "put", "aid", "on", "the", "cart", "off"]
        );
        // The object's last word and the particle are a phrase of their own.
        assert_eq!(
            read(&a, "they hand their money back"),
            ["they", "hand", "their", "refund"]
        );
        assert_eq!(read(&a, "they hand it back"), ["they", "return", "it"]);
    }

    #[test]
    fn general_synonyms_apply_and_the_knowledge_wins() {
        let a = analyzer("");
        // Shipped: "ammo" is ammunition, "German" is Germany.
        assert_eq!(read(&a, "ammo"), ["ammunition"]);
        assert_eq!(read(&a, "germans"), ["germany"]);
        let own = analyzer("stuff = [\"ammo\"]");
        assert_eq!(read(&own, "ammo"), ["stuff"]);
    }

    #[test]
    fn a_chat_verb_or_idiom_is_read_as_its_plain_word() {
        let a = analyzer("");
        // Shipped: colloquial English reads as the word an article writes.
        assert_eq!(
            read(&a, "the shop is running out of bread"),
            ["the", "shop", "is", "shortage", "of", "bread"]
        );
        assert_eq!(read(&a, "hotels losing out"), ["hotels", "lose"]);
        assert_eq!(
            read(&a, "the boiler is on the blink"),
            ["the", "boiler", "is", "faulty"]
        );
        assert_eq!(read(&a, "was he bothered"), ["was", "he", "angry"]);
        // Only the idiom: "run" alone and the verb "bother" as written.
        assert_eq!(
            read(&a, "they run the shop"),
            ["they", "run", "the", "shop"]
        );
        assert_eq!(read(&a, "why bother"), ["why", "bother"]);
    }

    #[test]
    fn an_idiom_headed_by_a_common_verb_keeps_its_verb_from_the_plain_verb() {
        let a = analyzer("");
        // The idiom is one word, so its head verb meets no "running" or "coming".
        assert_eq!(
            read(&a, "strikes in the run-up to the holiday"),
            ["strikes", "in", "the", "prelude", "to", "the", "holiday"]
        );
        assert_eq!(
            read(&a, "the money has to come from somewhere"),
            ["the", "money", "has", "to", "originate", "somewhere"]
        );
        assert_eq!(
            read(&a, "where is the money coming from"),
            ["where", "is", "the", "money", "originate"]
        );
        // The verb alone is read as written.
        assert_eq!(read(&a, "are trams running"), ["are", "trams", "running"]);
        assert_eq!(
            read(&a, "more strikes coming"),
            ["more", "strikes", "coming"]
        );
    }

    #[test]
    fn the_knowledges_phrase_wins_over_a_general_inflection_of_it() {
        // The shipped synonyms read "call off", "called off" and "calling
        // off" as "stop"; the admin reads "call off" as "scrub".
        let a = analyzer("scrub = [\"call off\"]");
        for said in [
            "they call off the vote",
            "they called off the vote",
            "they calling off the vote",
            "they calls off the vote",
        ] {
            assert_eq!(read(&a, said), ["they", "scrub", "the", "vote"], "{said}");
        }
        assert_eq!(read(&a, "they called it off"), ["they", "scrub", "it"]);
        // A longer general phrase is still read whole, longest first:
        // "handed in notice" resigns, "handed in the form" is the admin's.
        let a = analyzer("lodge = [\"hand in\"]");
        assert_eq!(
            read(&a, "they handed in the form"),
            ["they", "lodge", "the", "form"]
        );
        assert_eq!(read(&a, "they handed in notice"), ["they", "resign"]);
        // A general phrase the knowledge does not write still applies.
        assert_eq!(
            read(&a, "they shut down the vote"),
            ["they", "stop", "the", "vote"]
        );
    }

    #[test]
    fn an_exact_variant_or_a_shorter_family_word_is_not_inflected() {
        let a = analyzer("town = [\"=village\"]\nmeeting = [\"diplomatic\", \"handed\"]");
        assert_eq!(read(&a, "village"), ["town"]);
        assert_eq!(read(&a, "villages"), ["villages"]);
        // "diplomat" shares the stem of "diplomatic" but is another word.
        assert_eq!(read(&a, "diplomat"), ["diplomat"]);
        assert_eq!(read(&a, "hands"), ["hands"]);
    }

    #[test]
    fn two_meanings_of_one_stem_match_only_as_written() {
        let a = analyzer("document = [\"response\"]\nreaction = [\"responses\"]");
        assert_eq!(read(&a, "response"), ["document"]);
        assert_eq!(read(&a, "responses"), ["reaction"]);
        assert_eq!(read(&a, "responded"), ["responded"]);
    }

    #[test]
    fn a_words_reading_is_what_knows_stem_of_and_the_lists_say() {
        let a = analyzer("town = [\"village\"]");
        for word in [
            "mayor",
            "sent",
            "sending",
            "villages",
            "town",
            "the",
            "who",
            "monday",
            "zorblat",
            "reporters",
            "told",
            "caf\u{e9}",
            "o'neill",
            "kyiv-based",
            "",
        ] {
            let reading = a.word_reading(word);
            assert_eq!(reading.known, a.knows(word), "{word}");
            assert_eq!(reading.stem, a.stem_of(word), "{word}");
            assert_eq!(reading.classes, language().classes(word), "{word}");
        }
        assert!(a.word_reading("sending").known);
        assert!(!a.word_reading("zorblat").known);
    }

    #[test]
    fn a_question_is_read_as_its_own_words_unless_analysis_changes_them() {
        let a = analyzer("town = [\"village\"]");
        let read = Words::read("who sent the aid");
        let asked = read.to_strs();
        let q = a.analyse_question(&asked);
        assert_eq!(&*q.all_words, &asked[..]);
        assert!(matches!(q.all_words, Cow::Borrowed(_)), "not copied");
        let read = Words::read("who sent aid to the villages");
        let asked = read.to_strs();
        let q = a.analyse_question(&asked);
        assert_eq!(&*q.all_words, ["who", "sent", "aid", "to", "the", "town"]);
        let read = Words::read("who snet the aid");
        let asked = read.to_strs();
        let q = a.analyse_question(&asked);
        assert_eq!(&*q.all_words, ["who", "sent", "the", "aid"]);
        assert_eq!(q.corrections, [("snet".to_string(), "sent".to_string())]);
    }

    #[test]
    fn a_word_asking_the_kind_of_answer_counts_against_no_fact() {
        // "big" and "called" ask for a size and a name, which a sentence
        // gives without the word; "large" the article uses, so it stays.
        let toml = "[article]\ntitle = \"T\"\n[summary]\nshort = \"S.\"\nlong = \"L.\"\n\
                    [topics.t]\ntitle = \"T\"\nsummary = \"S.\"\n[[fact]]\nid = \"f\"\ntopic = \"t\"\n\
                    intents = [\"what did the mayor build\"]\nanswer = \"A.\"\n\
                    source = \"The mayor built a large bridge, the Harbour Bridge, in the town.\"\n";
        let knowledge = crate::knowledge::load_str(
            Path::new("kb"),
            toml,
            "The mayor built a large bridge, the Harbour Bridge, in the town.",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let a = Analyzer::new(&knowledge);
        let content = |text: &str| -> Vec<String> {
            a.analyse_known(text)
                .tokens
                .iter()
                .map(|t| t.word.as_str().to_string())
                .collect()
        };
        // The measure word stays among the words read ("how long" asks for
        // a length of time), but is no content word to match.
        assert_eq!(
            read(&a, "how big is the bridge"),
            ["how", "big", "is", "the", "bridge"]
        );
        assert_eq!(content("how big is the bridge"), ["bridge"]);
        assert_eq!(content("how large is the bridge"), ["large", "bridge"]);
        assert_eq!(content("is the big bridge new"), ["big", "bridge", "new"]);
        assert_eq!(
            read(&a, "whats the mayors bridge called"),
            ["whats", "the", "mayors", "bridge"]
        );
        assert_eq!(
            read(&a, "who called the mayor"),
            ["who", "called", "the", "mayor"]
        );
    }

    #[test]
    fn a_chat_word_without_its_g_is_read_as_the_ing_word() {
        let a = analyzer("");
        let read = Words::read("was the mayor sendin aid to the towin or their kin");
        let asked = read.to_strs();
        let q = a.analyse_question(&asked);
        // "sending" meets the article's "sent"; "kin" is a word of its own.
        // A typo of the article's own word is that word: "towin" is the
        // article's "town", not "towing".
        assert_eq!(
            &*q.all_words,
            [
                "was", "the", "mayor", "sending", "aid", "to", "the", "town", "or", "their", "kin"
            ]
        );
        assert!(q.tokens.iter().any(|t| *t.stem == *a.stem_of("sent")));
    }

    #[test]
    fn a_corrected_words_typed_stem_is_its_stem() {
        // Typos with and without facts, beside accented and hyphenated
        // words and an apostrophe: each corrected word keeps the stem its
        // typed form has, and no other word has one kept.
        let a = analyzer("\"pipeline\" = [\"nord stream\"]");
        let mut corrected = 0;
        for text in [
            "did the repoters tell the mayorr about the nord steam pipline",
            "was the café's aid sent to the tonw by the mayr",
            "who blew up the pipelnie's re-opening in the twon",
            "who sent the aid",
        ] {
            let words = Words::read(text);
            let asked = words.to_strs();
            let q = a.analyse_question(&asked);
            corrected += q.corrections.len();
            if q.corrections.is_empty() {
                assert!(q.typed_stems.is_empty(), "{text}");
                continue;
            }
            assert_eq!(q.typed_stems.len(), asked.len(), "{text}");
            for (word, typed) in asked.iter().zip(&q.typed_stems) {
                let corrected = q.corrections.iter().any(|(typo, _)| typo == word);
                assert_eq!(typed.is_some(), corrected, "{text}: {word}");
                if let Some(typed) = typed {
                    assert_eq!(*typed, a.stem_of(word), "{text}: {word}");
                }
            }
        }
        assert!(corrected >= 5, "{corrected}");
    }

    #[test]
    fn chat_frames_are_not_part_of_the_question() {
        let analyzer = Analyzer::default();
        let dropped = |text: &str| {
            let read = Words::read(text);
            let mut raw: Vec<Read> = read.iter().map(|w| Read::new(w, None)).collect();
            analyzer.drop_chat_frames(&mut raw);
            raw.into_iter()
                .map(|r| r.word.to_string())
                .collect::<Vec<String>>()
        };
        assert_eq!(
            dropped("broadly speaking the us wants talks, right?"),
            ["the", "us", "wants", "talks"]
        );
        assert_eq!(dropped("right?"), ["right"]);
        assert_eq!(
            dropped("how come the union picked monday"),
            ["why", "the", "union", "picked", "monday"]
        );
        assert_eq!(
            dropped("what caused the cracks in the first place"),
            ["what", "caused", "the", "cracks"]
        );
        assert_eq!(
            dropped("whats the new boat called"),
            ["whats", "the", "new", "boat"]
        );
        assert_eq!(dropped("who called"), ["who", "called"]);
        assert_eq!(
            dropped("what is the first place"),
            ["what", "is", "the", "first", "place"]
        );
    }

    #[test]
    fn a_word_is_read_as_its_one_word_synonym_with_its_facts_or_without() {
        // A word's facts keep the one-word phrase it is read as, found at
        // load; without them it is searched in the tables. Every word that
        // starts a phrase of the shipped synonyms (and of the knowledge's,
        // inflected and not) is read alike both ways, alone and before
        // another word.
        let a = analyzer("town = [\"village\"]\ngive = [\"hand out\", \"=donate\"]");
        let mut starts: Vec<&str> = a
            .facts
            .iter()
            .filter(|(_, f)| f.starts_phrase.is_some())
            .map(|(w, _)| w.as_str())
            .collect();
        starts.sort_unstable();
        assert!(starts.len() > 100, "{} words start a phrase", starts.len());
        let mut read_as_another = 0;
        for &word in &starts {
            for text in [vec![word], vec![word, "aid"]] {
                let read = |with_facts: bool| -> Vec<String> {
                    let raw = text
                        .iter()
                        .map(|&w| Read::new(w, a.facts.get(w).filter(|_| with_facts)))
                        .collect();
                    a.apply_synonyms(raw)
                        .iter()
                        .map(|r| r.word.to_string())
                        .collect()
                };
                let with_facts = read(true);
                assert_eq!(with_facts, read(false), "{text:?}");
                read_as_another += usize::from(with_facts.first().is_some_and(|w| w != word));
            }
        }
        assert!(
            read_as_another > 100,
            "{read_as_another} read as another word"
        );
    }
}
