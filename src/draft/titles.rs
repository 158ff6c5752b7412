//! Names for drafted topics: the phrase that sets a group of paragraphs
//! apart ("Turing machine", "Lottery Heritage Fund" is cut to its telling
//! pair), not two scattered words ("Along equal"). A topic's title is what
//! `/topics` lists, so it should read as a name of what the part is about.

use std::collections::{HashMap, HashSet};

use super::phrases::{Word, rarity, sentence_words};

/// English words more common than this rank name no topic ("first", "along").
const COMMON_RANK: usize = 1_000;

/// A drafted topic's name: its id's words and its title as the article
/// writes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// Folded words for the topic's id ("turing", "machine").
    pub words: Vec<String>,
    /// The title ("Turing machine").
    pub title: String,
}

/// One title per group of texts: the adjacent pair of telling words (in one
/// clause) that scores highest, each pair by how often the group says it
/// times its words' tf-idf over the groups; a single word when no pair
/// recurs. A title another group took already is passed over.
pub fn titles(groups: &[String]) -> Vec<Option<Title>> {
    let words: Vec<Vec<Word>> = groups.iter().map(|g| sentence_words(g)).collect();
    let df = document_frequency(&words);
    let n = groups.len() as f32;
    let mut taken: HashSet<Vec<String>> = HashSet::new();
    words
        .iter()
        .map(|group| {
            let mut tf: HashMap<&str, f32> = HashMap::new();
            for w in group.iter().filter(|w| telling(w)) {
                *tf.entry(w.folded.as_str()).or_default() += 1.0;
            }
            let weight = |w: &str| {
                tf.get(w).copied().unwrap_or(0.0)
                    * ((n + 1.0) / df.get(w).copied().unwrap_or(1.0)).ln()
            };
            let best = candidates(group)
                .into_iter()
                .filter(|(key, _, _)| !taken.contains(key))
                .map(|(key, title, count)| {
                    let score = count * key.iter().map(|w| weight(w)).sum::<f32>();
                    (score, key, title)
                })
                .fold(None::<(f32, Vec<String>, String)>, |best, c| match best {
                    Some(b) if b.0 >= c.0 => Some(b),
                    _ => Some(c),
                })?;
            taken.insert(best.1.clone());
            Some(Title {
                words: best.1,
                title: capitalised(&best.2),
            })
        })
        .collect()
}

/// How many groups use each telling word.
fn document_frequency(groups: &[Vec<Word>]) -> HashMap<String, f32> {
    let mut df: HashMap<String, f32> = HashMap::new();
    for group in groups {
        let seen: HashSet<&str> = group
            .iter()
            .filter(|w| telling(w))
            .map(|w| w.folded.as_str())
            .collect();
        for w in seen {
            *df.entry(w.to_string()).or_default() += 1.0;
        }
    }
    df
}

/// A word that may name a topic: a content word of letters, not among the
/// commonest English words.
fn telling(word: &Word) -> bool {
    word.content
        && word.folded.len() > 2
        && word.folded.chars().all(|c| c.is_ascii_alphabetic())
        && rarity(&word.folded) >= COMMON_RANK
}

/// The group's candidate names with how often it says each: adjacent pairs
/// of telling words in one clause (counted double, as a phrase names better
/// than a word), and single telling words.
fn candidates(group: &[Word]) -> Vec<(Vec<String>, String, f32)> {
    let mut counts: HashMap<Vec<String>, (String, f32)> = HashMap::new();
    for pair in group.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if telling(a) && telling(b) && a.clause == b.clause && a.folded != b.folded {
            let entry = counts
                .entry(vec![a.folded.clone(), b.folded.clone()])
                .or_insert_with(|| (format!("{} {}", a.raw, b.raw), 0.0));
            entry.1 += 2.0;
        }
    }
    for w in group.iter().filter(|w| telling(w)) {
        let entry = counts
            .entry(vec![w.folded.clone()])
            .or_insert_with(|| (w.raw.clone(), 0.0));
        entry.1 += 1.0;
    }
    let mut out: Vec<(Vec<String>, String, f32)> = counts
        .into_iter()
        .map(|(key, (title, count))| (key, title, count))
        .collect();
    // A fixed order, so that ties go the same way on every run.
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// A title with its first letter in upper case; names keep their case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recurring_phrase_names_its_group() {
        let groups = [
            "A Turing machine reads a tape. Every Turing machine has states. \
             The machine halts or runs forever."
                .to_string(),
            "Wildcats were released in the forest. The wildcats wear collars. \
             Domestic cats threaten the wildcats."
                .to_string(),
        ];
        let names = titles(&groups);
        let title = |i: usize| names[i].as_ref().map(|t| t.title.clone());
        assert_eq!(title(0).as_deref(), Some("Turing machine"));
        assert_eq!(title(1).as_deref(), Some("Wildcats"));
    }

    #[test]
    fn two_groups_never_share_a_title() {
        let text = "The Turing machine is a model. A Turing machine reads.".to_string();
        let names = titles(&[text.clone(), text]);
        assert_ne!(names[0], names[1]);
    }

    #[test]
    fn a_group_of_common_words_has_no_title() {
        assert_eq!(titles(&["It was the first of many.".to_string()]), [None]);
    }
}
