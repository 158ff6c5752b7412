//! Sentences that give a thing its name ("Algorithms that use random bits
//! are called randomized algorithms", "A problem refers to the abstract
//! question to be solved"): readers ask them both ways, "what is the term
//! for algorithms that use random bits?" and "what are randomized
//! algorithms?", so the drafter writes both questions.

use std::sync::LazyLock;

use super::phrases::{Word, content, phrase_ends};

const DEFINITIONS: &str = include_str!("../../assets/lang/definitions.txt");

/// Most content words of either side of a definition: a longer side is a
/// clause, not a name or its description.
const SIDE_WORDS: usize = 8;

/// The phrases of one `[section]` of the definitions list, as word lists.
fn phrases(section: &str) -> Vec<Vec<&'static str>> {
    crate::language::section_phrases(DEFINITIONS, section)
}

/// A name and the description a sentence gives it, as content words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// The words naming the thing ("randomized algorithms").
    pub name: Vec<String>,
    /// The words describing it ("algorithms use random bits").
    pub description: Vec<String>,
}

/// The definition a sentence gives, if it names a thing with one of the
/// listed phrases: the side before the phrase (within its clause) and the
/// side after it (up to the clause's end).
pub fn definition(words: &[Word]) -> Option<Definition> {
    static AFTER: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| phrases("name-after"));
    static BEFORE: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| phrases("name-before"));
    static BE: LazyLock<Vec<&'static str>> =
        LazyLock::new(|| phrases("be").into_iter().flatten().collect());
    let starts = |list: &[Vec<&str>], i: usize| phrase_ends(list, words, i).next();
    // "are called", "is then denoted by", ", known as": a name given, not
    // "the president called for calm".
    let given = |i: usize| {
        (i > 0 && words[i - 1].clause != words[i].clause)
            || words[i.saturating_sub(2)..i]
                .iter()
                .any(|w| BE.contains(&w.folded.as_str()))
    };
    (0..words.len()).find_map(|i| {
        if let Some(end) = starts(&AFTER, i).filter(|_| given(i)) {
            let (before, after) = sides(words, i, end)?;
            return Some(Definition {
                name: after,
                description: before,
            });
        }
        let end = starts(&BEFORE, i)?;
        let (before, after) = sides(words, i, end)?;
        Some(Definition {
            name: before,
            description: after,
        })
    })
}

/// The content words of a definition's two sides around its phrase at
/// `start..end`: before it within its clause, after it to the clause's
/// end; `None` when either side is empty or runs longer than a name.
fn sides(words: &[Word], start: usize, end: usize) -> Option<(Vec<String>, Vec<String>)> {
    let clause = words[start].clause;
    let before: Vec<Word> = words[..start]
        .iter()
        .filter(|w| w.clause == clause)
        .cloned()
        .collect();
    let after: Vec<Word> = words[end..]
        .iter()
        .take_while(|w| w.clause == clause)
        .cloned()
        .collect();
    let side = |w: &[Word]| -> Option<Vec<String>> {
        let terms = content(w);
        (!terms.is_empty() && terms.len() <= SIDE_WORDS)
            .then(|| terms.into_iter().map(str::to_string).collect())
    };
    Some((side(&before)?, side(&after)?))
}

/// The two questions a definition answers: the term for its description,
/// and what its name is.
pub fn questions(definition: &Definition) -> [String; 2] {
    [
        format!("what is the term for {}", definition.description.join(" ")),
        format!("what is {}", definition.name.join(" ")),
    ]
}

#[cfg(test)]
mod tests {
    use super::super::phrases::sentence_words;
    use super::*;

    fn defined(sentence: &str) -> Option<Definition> {
        definition(&sentence_words(sentence))
    }

    #[test]
    fn a_name_after_called_is_the_name() {
        let d = defined("Algorithms that use random bits are called randomized algorithms.")
            .expect("a definition");
        assert_eq!(d.name, ["randomized", "algorithms"]);
        assert_eq!(d.description, ["algorithms", "use", "random", "bits"]);
        assert_eq!(
            questions(&d),
            [
                "what is the term for algorithms use random bits",
                "what is randomized algorithms"
            ]
        );
    }

    #[test]
    fn a_name_before_understood_to_be_is_the_name() {
        let d = defined(
            "A computational problem is understood to be a task that a computer solves, in principle.",
        )
        .expect("a definition");
        assert_eq!(d.name, ["computational", "problem"]);
        assert_eq!(d.description, ["task", "computer", "solves"]);
    }

    #[test]
    fn both_lists_load() {
        assert!(phrases("name-after").contains(&vec!["referred", "to", "as"]));
        assert!(phrases("name-before").contains(&vec!["understood", "to", "be"]));
    }

    #[test]
    fn a_sentence_naming_nothing_is_no_definition() {
        assert_eq!(defined("Quicksort sorts the list in place."), None);
        // "called" without "is" or a comma gives no name.
        assert_eq!(defined("The mayor called the council to order."), None);
    }

    #[test]
    fn a_later_phrase_is_read_when_an_earlier_gives_no_definition() {
        let d = defined("If it is a polynomial, the algorithm is said to be fast.")
            .expect("a definition");
        assert_eq!(d.name, ["fast"]);
        assert_eq!(d.description, ["algorithm"]);
    }
}
