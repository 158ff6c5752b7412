//! General word lists built into the binary: an English lexicon in frequency
//! order (to tell a typo from a real word) and a gazetteer of named things (to
//! notice a question about someone or something the article never mentions).
//!
//! Both come from `assets/`: the lexicon is the vocabulary of the shipped word
//! vectors (`assets/lexicon.txt` lists it), the 50,000 most frequent words of
//! GloVe 6B in frequency order plus the knowledge's own words GloVe has (PDDL
//! 1.0, see `assets/GLOVE-NOTICE.md`), read from the vectors built into the
//! binary so that its 50,000 words are tabled once; `entities.txt` is our own list of countries, demonyms, cities,
//! organisations, politicians and offices; `followup.txt` holds the words
//! that mark a follow-up question or a yes/no question, and `smalltalk.txt`
//! the greetings, thanks and requests for help.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const ENTITIES: &str = include_str!("../assets/entities.txt");
const FOLLOWUP: &str = include_str!("../assets/lang/followup.txt");
const SMALLTALK: &str = include_str!("../assets/lang/smalltalk.txt");

/// Frequency rank of an English word (0 = most frequent), or `None` when the
/// word is not in the lexicon (ranks from 50,000 on are the knowledge's own
/// rarer words). The rank is the word's id in the built-in word vectors,
/// whose words are stored in frequency order: the engine with the default
/// vectors shares their table instead of building a second one on the first
/// question (about 20 million instructions). The built-in table is read even
/// when `VECTORS_PATH` loads another vector file: a rank is a property of
/// English, and another file need not list its words in frequency order.
pub fn english_rank(word: &str) -> Option<usize> {
    crate::vectors::embedded_once()?
        .id(word)
        .map(|id| id as usize)
}

/// The words of one `[section]` of `assets/lang/followup.txt`, in file order: how
/// a chat message shows that it leans on the previous question (openers,
/// pronouns, question words) and how a question asks for a yes or a no.
pub fn followup_words(section: &str) -> &'static [&'static str] {
    static SECTIONS: OnceLock<Sections> = OnceLock::new();
    section_of(SECTIONS.get_or_init(|| sections(FOLLOWUP)), section)
}

/// The phrases of one `[section]` of `assets/lang/smalltalk.txt`, in file
/// order: the whole messages that greet the bot, ask for help or thank it.
pub fn smalltalk_phrases(section: &str) -> &'static [&'static str] {
    static SECTIONS: OnceLock<Sections> = OnceLock::new();
    section_of(SECTIONS.get_or_init(|| sections(SMALLTALK)), section)
}

/// A phrase file's sections by name.
type Sections = HashMap<&'static str, Vec<&'static str>>;

/// Reads a phrase file: `[section]` lines, then one phrase a line; blank
/// lines and `#` comments are skipped.
fn sections(text: &'static str) -> Sections {
    let mut sections: Sections = HashMap::default();
    let mut current = "";
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => current = name,
            None => sections.entry(current).or_default().push(line),
        }
    }
    sections
}

/// One section's phrases; none when the file lacks it.
fn section_of(sections: &'static Sections, section: &str) -> &'static [&'static str] {
    sections.get(section).map_or(&[], Vec::as_slice)
}

/// The gazetteer's entries, lowercase, one name per entry (some have several words).
pub fn entities() -> impl Iterator<Item = &'static str> {
    crate::language::data_lines(ENTITIES)
}

/// What kind of thing a gazetteer name is: follow-up questions swap a name
/// for another of the same kind ("and France?" after a question about
/// Germany replaces the country, not the person).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    /// A country, its people, a city or a region.
    Place,
    /// An international organisation, institution, agency or company.
    Organisation,
    /// A politician, an official, or a role that points at one person.
    Person,
}

/// The gazetteer's entries with their kind, read from the section line
/// (`# --- countries ...`) each stands under; entries of a section that names
/// no kind ("other names") have none of their own.
pub fn entities_with_kinds() -> impl Iterator<Item = (&'static str, Option<EntityKind>)> {
    let mut kind = None;
    ENTITIES.lines().filter_map(move |line| {
        let line = line.trim();
        if let Some(header) = line.strip_prefix("# ---") {
            kind = section_kind(header);
            return None;
        }
        (!line.is_empty() && !line.starts_with('#')).then_some((line, kind))
    })
}

/// The kind of the gazetteer's entry `name` (lower case, as the gazetteer
/// writes it), when the gazetteer lists it with one: "oslo" is a place.
pub fn entity_kind(name: &str) -> Option<EntityKind> {
    static KINDS: OnceLock<HashMap<&'static str, EntityKind>> = OnceLock::new();
    KINDS
        .get_or_init(|| {
            entities_with_kinds()
                .filter_map(|(name, kind)| Some((name, kind?)))
                .collect()
        })
        .get(name)
        .copied()
}

/// The kind a gazetteer section line names.
fn section_kind(header: &str) -> Option<EntityKind> {
    const KINDS: &[(&str, EntityKind)] = &[
        ("countries", EntityKind::Place),
        ("demonyms", EntityKind::Place),
        ("cities", EntityKind::Place),
        ("regions", EntityKind::Place),
        ("organisations", EntityKind::Organisation),
        ("politicians", EntityKind::Person),
        ("role phrases", EntityKind::Person),
    ];
    let header = header.to_lowercase();
    KINDS
        .iter()
        .find(|(word, _)| header.contains(word))
        .map(|&(_, kind)| kind)
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
    fn ranks_are_the_lines_of_the_lexicon_file() {
        let lexicon = include_str!("../assets/lexicon.txt");
        let mut lines = 0;
        for (rank, word) in lexicon.lines().enumerate() {
            assert_eq!(english_rank(word.trim()), Some(rank), "{word}");
            lines += 1;
        }
        assert_eq!(english_rank(""), None);
        assert!(lines > 50_000);
    }

    #[test]
    fn gazetteer_has_countries_and_offices() {
        let all: Vec<&str> = entities().collect();
        assert!(all.contains(&"finland"));
        assert!(all.contains(&"foreign minister"));
        assert!(all.iter().all(|e| *e == e.to_lowercase()));
    }

    #[test]
    fn gazetteer_entries_have_the_kind_of_their_section() {
        let kind = |name: &str| {
            entities_with_kinds()
                .find(|(n, _)| *n == name)
                .and_then(|(_, k)| k)
        };
        assert_eq!(kind("germany"), Some(EntityKind::Place));
        assert_eq!(kind("german"), Some(EntityKind::Place));
        assert_eq!(kind("kyiv"), Some(EntityKind::Place));
        assert_eq!(kind("nato"), Some(EntityKind::Organisation));
        assert_eq!(kind("blinken"), Some(EntityKind::Person));
        assert_eq!(kind("foreign minister"), Some(EntityKind::Person));
        assert_eq!(kind("america"), None);
        assert_eq!(entity_kind("kyiv"), Some(EntityKind::Place));
        assert_eq!(entity_kind("america"), None);
        assert_eq!(entities_with_kinds().count(), entities().count());
    }

    #[test]
    fn followup_sections_are_read() {
        assert!(followup_words("openers").contains(&"what about"));
        assert!(followup_words("person").contains(&"she"));
        assert!(followup_words("yes-no").contains(&"should"));
        assert!(followup_words("no such section").is_empty());
    }

    #[test]
    fn capitals_name_their_country() {
        assert_eq!(country_of_capital("kyiv"), Some("ukraine"));
        assert_eq!(country_of_capital("kansas"), None);
    }
}
