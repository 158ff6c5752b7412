//! General word lists built into the binary: an English lexicon in frequency
//! order (to tell a typo from a real word) and a gazetteer of named things (to
//! notice a question about someone or something the article never mentions).
//!
//! Both come from `assets/`: `lexicon.txt` is the vocabulary of the shipped word
//! vectors, the 50,000 most frequent words of GloVe 6B in frequency order plus
//! the knowledge's own words GloVe has (PDDL 1.0, see `assets/GLOVE-NOTICE.md`);
//! `entities.txt` is our own list of countries, demonyms, cities,
//! organisations, politicians and offices.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const LEXICON: &str = include_str!("../assets/lexicon.txt");
const ENTITIES: &str = include_str!("../assets/entities.txt");

/// Frequency rank of an English word (0 = most frequent), or `None` when the
/// word is not in the lexicon (ranks from 50,000 on are the knowledge's own
/// rarer words).
pub fn english_rank(word: &str) -> Option<usize> {
    static RANKS: OnceLock<HashMap<&'static str, usize>> = OnceLock::new();
    RANKS
        .get_or_init(|| {
            LEXICON
                .lines()
                .enumerate()
                .map(|(rank, word)| (word.trim(), rank))
                .collect()
        })
        .get(word)
        .copied()
}

/// The gazetteer's entries, lowercase, one name per entry (some have several words).
pub fn entities() -> impl Iterator<Item = &'static str> {
    ENTITIES
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// The country whose capital a city is ("kyiv": "ukraine"): news names a
/// government by its capital, so a question about arms "to Kyiv" is about
/// arms to Ukraine.
pub fn country_of_capital(city: &str) -> Option<&'static str> {
    crate::language::language().country_of_capital(city)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_rank_high_and_typos_are_absent() {
        assert!(english_rank("the").is_some_and(|r| r < 5));
        assert!(english_rank("helicopter").is_some());
        assert_eq!(english_rank("blinkin"), None);
    }

    #[test]
    fn gazetteer_has_countries_and_offices() {
        let all: Vec<&str> = entities().collect();
        assert!(all.contains(&"finland"));
        assert!(all.contains(&"foreign minister"));
        assert!(all.iter().all(|e| *e == e.to_lowercase()));
    }

    #[test]
    fn capitals_name_their_country() {
        assert_eq!(country_of_capital("kyiv"), Some("ukraine"));
        assert_eq!(country_of_capital("kansas"), None);
    }
}
