//! Typo correction toward the knowledge's vocabulary.
//!
//! A symmetric-delete index (the SymSpell idea): every vocabulary word is
//! stored under each string obtained by deleting up to two of its letters, so
//! a misspelled word finds its candidates by a few hash look-ups of its own
//! deletions instead of a scan of the whole vocabulary. Candidates are then
//! checked with `strsim`'s Damerau-Levenshtein distance.

use std::collections::{HashMap, HashSet};

/// Finds the vocabulary word closest to a misspelling.
#[derive(Debug, Default, Clone)]
pub struct TypoIndex {
    words: Vec<String>,
    deletes: HashMap<String, Vec<u32>>,
}

/// Edits allowed for a word of this many characters: none for short words,
/// where one edit changes the meaning, one up to six letters, two beyond.
pub fn max_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

impl TypoIndex {
    /// Indexes the given words (duplicates are ignored).
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> TypoIndex {
        let mut index = TypoIndex::default();
        let mut seen = HashSet::new();
        for word in words {
            let len = word.chars().count();
            if len < 4 || !seen.insert(word.to_string()) {
                continue;
            }
            let id = index.words.len() as u32;
            index.words.push(word.to_string());
            for variant in deletions(word, max_edits(len)) {
                index.deletes.entry(variant).or_default().push(id);
            }
        }
        index
    }

    /// The closest indexed word within the edits allowed for `word`'s length,
    /// with its distance; ties go to the word sharing the longer prefix.
    pub fn correct(&self, word: &str) -> Option<(&str, usize)> {
        let len = word.chars().count();
        let allowed = max_edits(len);
        if allowed == 0 {
            return None;
        }
        let mut best: Option<(usize, usize, &str)> = None;
        let mut tried = HashSet::new();
        for variant in deletions(word, allowed) {
            let Some(ids) = self.deletes.get(&variant) else {
                continue;
            };
            for &id in ids {
                if !tried.insert(id) {
                    continue;
                }
                let candidate = self.words[id as usize].as_str();
                let distance = strsim::damerau_levenshtein(word, candidate);
                if distance == 0 || distance > allowed {
                    continue;
                }
                let prefix = word
                    .chars()
                    .zip(candidate.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                let better = match best {
                    None => true,
                    Some((d, p, w)) => {
                        (distance, std::cmp::Reverse(prefix), candidate)
                            < (d, std::cmp::Reverse(p), w)
                    }
                };
                if better {
                    best = Some((distance, prefix, candidate));
                }
            }
        }
        best.map(|(distance, _, word)| (word, distance))
    }

    /// Number of indexed words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The word itself and every string made by deleting up to `edits` characters.
fn deletions(word: &str, edits: usize) -> HashSet<String> {
    let mut out = HashSet::new();
    out.insert(word.to_string());
    let mut frontier = vec![word.to_string()];
    for _ in 0..edits {
        let mut next = Vec::new();
        for w in &frontier {
            let chars: Vec<char> = w.chars().collect();
            for i in 0..chars.len() {
                let shorter: String = chars
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, c)| c)
                    .collect();
                if out.insert(shorter.clone()) {
                    next.push(shorter);
                }
            }
        }
        frontier = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> TypoIndex {
        TypoIndex::new([
            "blinken",
            "javelin",
            "klitschko",
            "sovereignty",
            "government",
            "ukraine",
            "helmets",
        ])
    }

    #[test]
    fn corrects_names_and_words_people_misspell() {
        let i = index();
        assert_eq!(i.correct("blinkin").map(|c| c.0), Some("blinken"));
        assert_eq!(i.correct("javlin").map(|c| c.0), Some("javelin"));
        assert_eq!(i.correct("klitchko").map(|c| c.0), Some("klitschko"));
        assert_eq!(i.correct("soverignty").map(|c| c.0), Some("sovereignty"));
        assert_eq!(i.correct("goverment").map(|c| c.0), Some("government"));
        assert_eq!(i.correct("ukrane").map(|c| c.0), Some("ukraine"));
    }

    #[test]
    fn leaves_short_and_distant_words_alone() {
        let i = index();
        assert_eq!(i.correct("hel"), None);
        assert_eq!(i.correct("banana"), None);
        assert_eq!(
            i.correct("helmets"),
            None,
            "a known word is not a typo of itself"
        );
    }
}
