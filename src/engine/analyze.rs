//! Turning text into terms: words, typo correction, the knowledge's synonyms,
//! stop words and stemming. The same analysis runs on intents at index time
//! and on questions at answer time, so both meet in one vocabulary.

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
    synonyms: HashMap<Vec<String>, Vec<String>>,
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
    typo: TypoIndex,
}

impl Analyzer {
    /// Builds the synonym table and the vocabulary of everything the
    /// knowledge says: intents, keywords, answers, sources and synonyms.
    pub fn new(knowledge: &Knowledge) -> Analyzer {
        let mut analyzer = Analyzer::default();
        for group in &knowledge.synonyms {
            let canonical = words(&group.canonical);
            for variant in &group.variants {
                let key = words(variant);
                for pair in key.windows(2) {
                    analyzer
                        .phrase_next
                        .entry(pair[0].clone())
                        .or_default()
                        .insert(pair[1].clone());
                }
                if !key.is_empty() && key.len() <= MAX_PHRASE && key != canonical {
                    let longest = analyzer.phrase_starts.entry(key[0].clone()).or_insert(1);
                    *longest = (*longest).max(key.len());
                    analyzer.synonyms.insert(key, canonical.clone());
                }
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
        for group in &knowledge.synonyms {
            texts.push(&group.canonical);
            texts.extend(group.variants.iter().map(String::as_str));
        }
        let mut seen = HashSet::default();
        texts.retain(|t| seen.insert(*t));
        for text in texts {
            let raw = words(text);
            analyzer.surfaces.extend(raw.iter().cloned());
            for word in analyzer.apply_synonyms(raw) {
                if !is_stopword(&word) && !analyzer.stem_cache.contains_key(&word) {
                    let stemmed = stem(&word);
                    analyzer.intern(&stemmed);
                    analyzer.stem_cache.insert(word, stemmed);
                }
            }
        }
        analyzer.typo = TypoIndex::new(analyzer.surfaces.iter().map(String::as_str));
        analyzer
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

    /// The term of a stem, if the vocabulary has it.
    pub fn term_of_stem(&self, stem: &str) -> Option<TermId> {
        self.stems.get(stem).copied()
    }

    /// Analyses knowledge text (no typo correction: it is ours).
    pub fn analyse_known(&self, text: &str) -> Analysed {
        self.finish(words(text), Vec::new())
    }

    /// Analyses a question (given as [`crate::text::words`]), correcting
    /// misspelled words toward the vocabulary.
    pub fn analyse_question(&self, words: Vec<String>) -> Analysed {
        let mut corrections = Vec::new();
        let mut raw: Vec<String> = Vec::with_capacity(words.len());
        for word in words {
            let fixed = self
                .correction(&word)
                .or_else(|| self.phrase_correction(raw.last(), &word));
            match fixed {
                Some(fixed) => {
                    corrections.push((word, fixed.clone()));
                    raw.push(fixed);
                }
                None => raw.push(word),
            }
        }
        self.finish(raw, corrections)
    }

    /// The word a question word should be read as, when it looks like a typo
    /// of a vocabulary word rather than a real word of its own.
    fn correction(&self, word: &str) -> Option<String> {
        if is_stopword(word)
            || is_question_word(word)
            || word.chars().any(|c| c.is_ascii_digit())
            || self.surfaces.contains(word)
            || self.stems.contains_key(&stem(word))
        {
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

    fn finish(&self, mut raw: Vec<String>, corrections: Vec<(String, String)>) -> Analysed {
        drop_chat_frames(&mut raw);
        raw.retain(|w| !is_filler(w));
        let all_words = self.apply_synonyms(raw);
        let mut tokens = Vec::new();
        for (i, word) in all_words.iter().enumerate() {
            if is_stopword(word) || is_question_word(word) {
                continue;
            }
            let stem = self
                .stem_cache
                .get(word)
                .cloned()
                .unwrap_or_else(|| stem(word));
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

    /// Replaces synonym phrases (longest first) by their canonical words.
    fn apply_synonyms(&self, raw: Vec<String>) -> Vec<String> {
        if self.synonyms.is_empty() {
            return raw;
        }
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        'outer: while i < raw.len() {
            // Only a word that starts a synonym phrase needs the longer look-ups.
            let longest = self.phrase_starts.get(&raw[i]).copied().unwrap_or(1);
            for len in (1..=longest.min(raw.len() - i)).rev() {
                if let Some(canonical) = self.synonyms.get(&raw[i..i + len]) {
                    out.extend(canonical.iter().cloned());
                    i += len;
                    continue 'outer;
                }
            }
            out.push(raw[i].clone());
            i += 1;
        }
        out
    }
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
