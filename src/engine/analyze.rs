//! Turning text into terms: words, typo correction, the knowledge's synonyms,
//! stop words and stemming. The same analysis runs on intents at index time
//! and on questions at answer time, so both meet in one vocabulary.

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::typo::TypoIndex;
use crate::knowledge::Knowledge;
use crate::language::{List, language};
use crate::lexicon::english_rank;
use crate::text::{is_auxiliary, is_filler, is_question_word, is_stopword, stem, words};

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
    pub word: String,
    /// Its stem.
    pub stem: String,
    /// The term, when the vocabulary has it.
    pub term: Option<TermId>,
    /// Whether it directly follows "which"/"what" ("which NATO ally"): the
    /// thing asked about, often the object put first.
    pub after_question_word: bool,
    /// Whether it directly follows an auxiliary ("did Berlin block"): the subject.
    pub after_auxiliary: bool,
    /// Its position in [`Analysed::all_words`].
    pub at: usize,
}

/// Text after analysis: content tokens plus the question words seen.
#[derive(Debug, Clone, Default)]
pub struct Analysed {
    /// Content words in order, stop words removed.
    pub tokens: Vec<Token>,
    /// Every word after synonyms, stop words included (for question types).
    pub all_words: Vec<String>,
    /// Words that were corrected, as (typed, corrected).
    pub corrections: Vec<(String, String)>,
}

/// The vocabulary and rules for analysing text of one knowledge base.
#[derive(Debug, Clone, Default)]
pub struct Analyzer {
    /// Synonym variants as written (words) and what they are read as.
    synonyms: HashMap<Vec<String>, Vec<String>>,
    /// Synonym variants by the stem of their first word (the other words as
    /// written), so an entry also matches its inflections: what they are
    /// read as, and the shortest first word of a variant with that key.
    stem_synonyms: HashMap<Vec<String>, (Vec<String>, String)>,
    /// For each first word of a synonym phrase, the longest phrase it starts.
    phrase_starts: HashMap<String, usize>,
    /// For each first stem of a synonym phrase, the longest phrase it starts.
    stem_phrase_starts: HashMap<String, usize>,
    stems: HashMap<String, TermId>,
    terms: Vec<String>,
    surfaces: HashSet<String>,
    /// For each word of a synonym phrase, the words that follow it there
    /// ("nord": stream): a real word one edit from completing such a pair
    /// ("nord steam") is a typo.
    phrase_next: HashMap<String, HashSet<String>>,
    /// Stems of the words the knowledge uses, so analysis stems each word once.
    stem_cache: HashMap<String, String>,
    /// Stems of the other words the knowledge writes (stop words, synonym
    /// variants) and of every stop and question word: the words of a
    /// question that [`Analyzer::stem_cache`] lacks are mostly these.
    other_stems: HashMap<String, String>,
    typo: TypoIndex,
}

impl Analyzer {
    /// Builds the synonym table and the vocabulary of everything the
    /// knowledge says: intents, keywords, answers, sources and synonyms.
    pub fn new(knowledge: &Knowledge) -> Analyzer {
        let mut analyzer = Analyzer::default();
        let groups = merged_synonyms(knowledge);
        // Stem keys claimed by more than one meaning match only as written.
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
                analyzer.synonyms.insert(key, canonical.clone());
            }
        }
        for (key, meanings) in by_stem {
            let mut meanings = meanings.into_iter();
            if let (Some(canonical), None) = (meanings.next(), meanings.next())
                && !(key.len() == 1 && canonical.len() == 1 && stem(&canonical[0]) == key[0])
            {
                let longest = analyzer
                    .stem_phrase_starts
                    .entry(key[0].clone())
                    .or_insert(1);
                *longest = (*longest).max(key.len());
                let first = shortest.remove(&key).unwrap_or_default();
                analyzer.stem_synonyms.insert(key, (canonical, first));
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
        analyzer.other_stems = analyzer.other_stems();
        analyzer
    }

    /// The stems of the words analysis meets that [`Analyzer::stem_cache`]
    /// lacks: the knowledge's other words, stop words and question words.
    fn other_stems(&self) -> HashMap<String, String> {
        let lang = language();
        self.surfaces
            .iter()
            .map(String::as_str)
            .chain(lang.stopwords())
            .chain(lang.list(List::Question).iter().map(String::as_str))
            .filter(|w| !self.stem_cache.contains_key(*w))
            .map(|w| (w.to_string(), stem(w)))
            .collect()
    }

    /// Adds the words of a knowledge text to the vocabulary.
    fn learn(&mut self, text: &str) {
        let raw = words(text);
        self.surfaces.extend(raw.iter().cloned());
        let (read, _) = self.apply_synonyms(raw, &mut Vec::new());
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
        self.surfaces.contains(word) || self.stems.contains_key(&*self.stem_of(word))
    }

    /// The stem of a word ([`crate::text::stem`]), taken from the table of
    /// the knowledge's words when it is one of them, so that the words the
    /// knowledge uses are never stemmed again.
    pub fn stem_of<'a>(&'a self, word: &str) -> Cow<'a, str> {
        match self
            .stem_cache
            .get(word)
            .or_else(|| self.other_stems.get(word))
        {
            Some(stem) => Cow::Borrowed(stem),
            None => Cow::Owned(stem(word)),
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
    pub fn analyse_known(&self, text: &str) -> Analysed {
        self.finish(words(text), Vec::new(), Vec::new())
    }

    /// Analyses a question (given as [`crate::text::words`]), correcting
    /// misspelled words toward the vocabulary.
    pub fn analyse_question(&self, words: Vec<String>) -> Analysed {
        let mut corrections = Vec::new();
        let mut stemmed = Vec::new();
        let mut raw: Vec<String> = Vec::with_capacity(words.len());
        for word in words {
            let fixed = self
                .correction(&word, &mut stemmed)
                .or_else(|| self.phrase_correction(raw.last(), &word));
            match fixed {
                Some(fixed) => {
                    corrections.push((word, fixed.clone()));
                    raw.push(fixed);
                }
                None => raw.push(word),
            }
        }
        self.finish(raw, corrections, stemmed)
    }

    /// The word a question word should be read as, when it looks like a typo
    /// of a vocabulary word rather than a real word of its own. A word the
    /// tables do not stem is stemmed here and kept in `stemmed` as (word,
    /// stem), so that the synonym pass does not stem it again.
    fn correction(&self, word: &str, stemmed: &mut Vec<(String, String)>) -> Option<String> {
        if is_stopword(word)
            || is_question_word(word)
            || word.chars().any(|c| c.is_ascii_digit())
            || self.surfaces.contains(word)
        {
            return None;
        }
        let known_stem = match self.stem_of(word) {
            Cow::Borrowed(stem) => self.stems.contains_key(stem),
            Cow::Owned(stem) => {
                let known = self.stems.contains_key(&stem);
                stemmed.push((word.to_string(), stem));
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
        let (fixed, distance) = self.typo.correct(word)?;
        let allowed = rank.is_none() || distance == 1;
        allowed.then(|| fixed.to_string())
    }

    /// A real word one edit from completing a phrase of the synonyms with
    /// the word before it ("nord steam": stream).
    fn phrase_correction(&self, before: Option<&String>, word: &str) -> Option<String> {
        // Cheap checks first: most words follow no phrase's word.
        let next = self.phrase_next.get(before?)?;
        if self.surfaces.contains(word) || is_stopword(word) {
            return None;
        }
        let (fixed, distance) = self.typo.correct(word)?;
        (distance == 1 && next.contains(fixed)).then(|| fixed.to_string())
    }

    /// `stemmed`: (word, stem) of words already stemmed, taken from there.
    fn finish(
        &self,
        mut raw: Vec<String>,
        corrections: Vec<(String, String)>,
        mut stemmed: Vec<(String, String)>,
    ) -> Analysed {
        drop_chat_frames(&mut raw);
        raw.retain(|w| !is_filler(w));
        let (all_words, stems) = self.apply_synonyms(raw, &mut stemmed);
        let mut tokens = Vec::new();
        for (i, word) in all_words.iter().enumerate() {
            if is_stopword(word) || is_question_word(word) {
                continue;
            }
            let stem = match &stems[i] {
                Some(stem) => stem.to_string(),
                None => self.stem_of(word).into_owned(),
            };
            let before = if i > 0 { all_words[i - 1].as_str() } else { "" };
            // "did the us send": the subject may follow a determiner.
            let before_determiner = match i {
                2.. if matches!(before, "the" | "a" | "an") => all_words[i - 2].as_str(),
                _ => before,
            };
            tokens.push(Token {
                term: self.stems.get(&stem).copied(),
                word: word.clone(),
                stem,
                after_question_word: matches!(before, "which" | "what" | "whose"),
                after_auxiliary: is_auxiliary(before_determiner),
                at: i,
            });
        }
        Analysed {
            tokens,
            all_words,
            corrections,
        }
    }

    /// Replaces synonym phrases (longest first) by their canonical words. A
    /// phrase matches as written or, failing that, with its first word
    /// inflected ("pulled the trigger" for "pull the trigger"). With the
    /// words, the stem of each word kept as written (`None` for the words
    /// of a synonym), so no word is stemmed twice; a word in `stemmed` (word,
    /// stem) takes its stem from there.
    fn apply_synonyms(
        &self,
        mut raw: Vec<String>,
        stemmed: &mut Vec<(String, String)>,
    ) -> (Vec<String>, Vec<Option<Cow<'_, str>>>) {
        if self.synonyms.is_empty() {
            let none = raw.iter().map(|_| None).collect();
            return (raw, none);
        }
        let mut stems = Vec::with_capacity(raw.len());
        let mut out = Vec::with_capacity(raw.len());
        let mut key: Vec<String> = Vec::with_capacity(MAX_PHRASE);
        let mut i = 0;
        'outer: while i < raw.len() {
            let first_stem = match stemmed.iter().position(|(w, _)| *w == raw[i]) {
                Some(at) => Cow::Owned(stemmed.swap_remove(at).1),
                None => self.stem_of(&raw[i]),
            };
            // Only a word that starts a synonym phrase needs the longer look-ups.
            let longest = self.phrase_starts.get(&raw[i]).copied().unwrap_or(1).max(
                self.stem_phrase_starts
                    .get(&*first_stem)
                    .copied()
                    .unwrap_or(1),
            );
            for len in (1..=longest.min(raw.len() - i)).rev() {
                if let Some(canonical) = self.synonyms.get(&raw[i..i + len]) {
                    out.extend(canonical.iter().cloned());
                    stems.extend(canonical.iter().map(|_| None));
                    i += len;
                    continue 'outer;
                }
                // The key's first word keeps its buffer from word to word.
                key.truncate(1);
                match key.first_mut() {
                    Some(first) => first_stem.as_ref().clone_into(first),
                    None => key.push(first_stem.to_string()),
                }
                key.extend(raw[i + 1..i + len].iter().cloned());
                if let Some((canonical, variant)) = self.stem_synonyms.get(&key)
                    && inflects(&raw[i], variant)
                {
                    out.extend(canonical.iter().cloned());
                    stems.extend(canonical.iter().map(|_| None));
                    i += len;
                    continue 'outer;
                }
            }
            out.push(std::mem::take(&mut raw[i]));
            stems.push(Some(first_stem));
            i += 1;
        }
        (out, stems)
    }
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
/// A general group whose word the knowledge reads as another word follows
/// it ("help" read as "aid" carries "assistance" along).
pub fn merged_synonyms(knowledge: &Knowledge) -> Vec<(String, Vec<String>)> {
    let mut read_as: HashMap<String, String> = HashMap::default();
    let mut claimed: HashSet<String> = HashSet::default();
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for group in &knowledge.synonyms {
        claimed.insert(words(&group.canonical).join(" "));
        for variant in &group.variants {
            let key = words(variant.trim_start_matches('=')).join(" ");
            read_as.insert(key.clone(), group.canonical.clone());
            claimed.insert(key);
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
                let key = words(v.trim_start_matches('=')).join(" ");
                key != canonical && claimed.insert(key)
            })
            .collect();
        if !variants.is_empty() {
            groups.push((canonical, variants));
        }
    }
    groups
}

/// Drops the frames of a chat question that are not part of it: a tag at
/// the end ("..., right?", "..., huh") and "broadly speaking".
fn drop_chat_frames(raw: &mut Vec<String>) {
    if raw.len() >= 3
        && raw
            .last()
            .is_some_and(|w| language().in_list(List::TagEndings, w))
    {
        raw.pop();
    }
    let mut i = 1;
    while i < raw.len() {
        if raw[i] == "speaking" && raw[i - 1].ends_with("ly") {
            raw.drain(i - 1..=i);
        } else {
            i += 1;
        }
    }
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
        analyzer.analyse_known(text).all_words
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
    fn general_synonyms_apply_and_the_knowledge_wins() {
        let a = analyzer("");
        // Shipped: "ammo" is ammunition, "German" is Germany.
        assert_eq!(read(&a, "ammo"), ["ammunition"]);
        assert_eq!(read(&a, "germans"), ["germany"]);
        let own = analyzer("stuff = [\"ammo\"]");
        assert_eq!(read(&own, "ammo"), ["stuff"]);
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
    fn chat_frames_are_not_part_of_the_question() {
        let mut raw = words("broadly speaking the us wants talks, right?");
        drop_chat_frames(&mut raw);
        assert_eq!(raw, ["the", "us", "wants", "talks"]);
        let mut short = words("right?");
        drop_chat_frames(&mut short);
        assert_eq!(short, ["right"]);
    }
}
