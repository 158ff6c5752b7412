//! Names for drafted topics: the phrase that sets a group of paragraphs
//! apart ("Turing machine", "Lottery Heritage Fund" is cut to its telling
//! pair), not two scattered words ("Along equal"). A topic's title is what
//! `/topics` lists, so it should read as a name of what the part is about.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::phrases::{Word, rarity, sentence_words};

/// English words more common than this rank name no topic ("first", "along").
const COMMON_RANK: usize = 1_000;

/// Words that are never nouns (`assets/lang/not-nouns-wordnet.txt`).
const NOT_NOUNS: &str = include_str!("../../assets/lang/not-nouns-wordnet.txt");

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
    let words: Vec<Vec<Word>> = groups.iter().map(|g| group_words(g)).collect();
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

/// A group's words, sentence by sentence: no clause runs from one sentence
/// into the next, so "aggression. Berlin" is no pair.
fn group_words(group: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    for sentence in crate::text::split_sentences(group) {
        let first_clause = out.last().map_or(0, |w| w.clause + 1);
        out.extend(sentence_words(sentence).into_iter().map(|mut w| {
            w.clause += first_clause;
            w
        }));
    }
    out
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
    for (i, pair) in group.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        if telling(a)
            && telling(b)
            && a.clause == b.clause
            && a.folded != b.folded
            && ends_a_name(b)
            && !plain_before_name(a, b)
        {
            let entry = counts
                .entry(vec![a.folded.clone(), b.folded.clone()])
                .or_insert_with(|| (written(&group[i..name_end(group, i)]), 0.0));
            entry.1 += 2.0;
        }
    }
    for w in group.iter().filter(|w| telling(w) && ends_a_name(w)) {
        let entry = counts
            .entry(vec![w.folded.clone()])
            .or_insert_with(|| (written(std::slice::from_ref(w)), 0.0));
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

/// True for a plain word before a name ("now reaches Kilbrannan"): a
/// verb or a noun meeting a name, which together name nothing.
fn plain_before_name(a: &Word, b: &Word) -> bool {
    a.raw.starts_with(|c: char| c.is_lowercase()) && b.raw.starts_with(|c: char| c.is_uppercase())
}

/// Most words a drafted title quotes of a name ("Mayor Priya Selwyn").
const NAME_WORDS: usize = 4;

/// Where the title starting at `start` ends: after its pair, or, when the
/// pair is two capitalised words, after the rest of the name they begin
/// ("Mayor Priya" reads "Mayor Priya Selwyn").
fn name_end(group: &[Word], start: usize) -> usize {
    let capital = |w: &Word| w.raw.starts_with(|c: char| c.is_uppercase());
    let mut end = (start + 2).min(group.len());
    if !group[start..end].iter().all(capital) {
        return end;
    }
    while end < group.len()
        && end - start < NAME_WORDS
        && group[end].clause == group[start].clause
        && group[end].content
        && capital(&group[end])
    {
        end += 1;
    }
    end
}

/// The words as the article writes them; a word the folding split
/// ("Achebe-Lowry") is written once, and the last word without a
/// possessive ending ("the authority's plans" names "Authority", not
/// "Authority's").
fn written(words: &[Word]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for w in words {
        if out.last() != Some(&w.raw.as_str()) {
            out.push(&w.raw);
        }
    }
    if let Some(last) = out.last_mut() {
        *last = without_possessive(last);
    }
    out.join(" ")
}

/// `word` without a trailing "'s", "’s" or lone apostrophe ("unions'").
fn without_possessive(word: &str) -> &str {
    ["'s", "\u{2019}s", "'", "\u{2019}"]
        .iter()
        .find_map(|ending| word.strip_suffix(ending))
        .filter(|stem| !stem.is_empty())
        .unwrap_or(word)
}

/// A word that may end a title: a name as the article writes it, or a word
/// that can be a noun. "Deeply disappointing" and "Commuters reacted" name
/// nothing; "Heavy congestion" and "Lake Placid" do.
fn ends_a_name(word: &Word) -> bool {
    word.raw.starts_with(|c: char| c.is_uppercase()) || !never_a_noun(&word.folded)
}

/// True when English uses `word` only as an adjective, an adverb or a verb.
fn never_a_noun(word: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| crate::language::data_lines(NOT_NOUNS).collect())
        .contains(word)
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
    fn a_title_ends_with_a_word_that_names_something() {
        let groups = [
            "Officials were deeply disappointing to the crowd. It was deeply disappointing, \
             said the mayor of the congestion."
                .to_string(),
            "Commuters reacted with anger. Commuters reacted again when the trams stopped."
                .to_string(),
        ];
        let names = titles(&groups);
        let title = |i: usize| names[i].as_ref().map(|t| t.title.clone());
        assert_eq!(title(0).as_deref(), Some("Congestion"));
        assert_eq!(title(1).as_deref(), Some("Commuters"));
    }

    #[test]
    fn a_plain_word_before_a_name_is_no_title() {
        let groups = [
            "The early boat now reaches Dunmara at noon. The late boat reaches Dunmara at dusk. \
             Timetables changed."
                .to_string(),
            "Wildcats were released in the forest. The wildcats wear collars.".to_string(),
        ];
        let names = titles(&groups);
        let title = names[0].as_ref().map(|t| t.title.clone());
        assert_ne!(title.as_deref(), Some("Reaches Dunmara"));
    }

    #[test]
    fn a_name_may_end_a_title_whatever_its_word() {
        let groups = [
            "Lake Placid hosted the games. Lake Placid built a rink. Lake Placid grew.".to_string(),
        ];
        let names = titles(&groups);
        assert_eq!(
            names[0].as_ref().map(|t| t.title.as_str()),
            Some("Lake Placid")
        );
    }

    #[test]
    fn a_name_is_written_whole_and_once() {
        let groups = [
            "Mayor Priya Selwyn spoke. Mayor Priya Selwyn left.".to_string(),
            "Dr Achebe-Lowry led the trial. Achebe-Lowry said so. Achebe-Lowry agreed.".to_string(),
        ];
        let names = titles(&groups);
        let title = |i: usize| names[i].as_ref().map(|t| t.title.clone());
        assert_eq!(title(0).as_deref(), Some("Mayor Priya Selwyn"));
        assert_eq!(title(1).as_deref(), Some("Achebe-Lowry"));
    }

    #[test]
    fn a_possessive_names_its_owner() {
        let groups = [
            "The authority's plan was costly. The authority's budget fell. \
             Critics said the authority\u{2019}s staff were cut."
                .to_string(),
        ];
        let names = titles(&groups);
        assert_eq!(
            names[0].as_ref().map(|t| t.title.as_str()),
            Some("Authority")
        );
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
