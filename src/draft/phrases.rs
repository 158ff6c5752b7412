//! Reading one article sentence for drafting: its words with case kept, the
//! clauses it falls into, and the spans a question could ask about (names,
//! numbers, years, the subject before its verb).

use crate::language::{List, language};
use crate::lexicon::english_rank;
use std::collections::HashSet;
use std::sync::OnceLock;

use crate::text::{is_number_word, is_question_word, is_stopword, is_year, quotes, stem, words};

/// One word of a sentence as the drafter sees it.
#[derive(Debug, Clone)]
pub struct Word {
    /// The word as the article writes it, without surrounding punctuation.
    pub raw: String,
    /// Its folded, lowercase form as the engine reads it ("U.S." is `us`).
    pub folded: String,
    /// Index of the clause it belongs to (clauses end at , ; : and brackets).
    pub clause: usize,
    /// True when the word carries meaning for matching (not a stop word).
    pub content: bool,
}

/// A span of words a question can ask about, with what kind of question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// First word index.
    pub start: usize,
    /// One past the last word index.
    pub end: usize,
    /// What the span answers.
    pub kind: SpanKind,
}

/// What kind of question a span answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanKind {
    /// A proper name: "who" (a person or body did what the rest says).
    Name,
    /// A year or a date: "when".
    Year,
    /// A number that counts what follows it: "how many".
    Count,
    /// The subject before the sentence's first linking verb: "what is".
    Subject,
    /// A place after "in", "at" or "from" when it is a name: "where".
    Place,
}

/// The words of a sentence, clause by clause.
pub fn sentence_words(sentence: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut clause = 0;
    for token in sentence.split_whitespace() {
        let opens = token.starts_with(['(', '[']);
        if opens && !out.is_empty() {
            clause += 1;
        }
        let raw = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '$');
        for folded in words(raw) {
            let content = !is_stopword(&folded)
                && !is_question_word(&folded)
                && folded.chars().any(char::is_alphanumeric);
            out.push(Word {
                raw: raw.to_string(),
                folded,
                clause,
                content,
            });
        }
        if ends_clause(token) {
            clause += 1;
        }
    }
    keep_phrase_particles(&mut out);
    out
}

/// The general synonyms' phrases of several words ("run out", "come from"),
/// each keyed by its first word's stem and its other words as written, as
/// the analyzer matches them; and the most words one has.
fn synonym_phrases() -> &'static (HashSet<String>, usize) {
    static PHRASES: OnceLock<(HashSet<String>, usize)> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut set = HashSet::new();
        let mut longest = 0;
        for group in language().synonyms() {
            for variant in &group.variants {
                let parts: Vec<&str> = variant.split_whitespace().collect();
                match parts.split_first() {
                    Some((first, rest)) if !rest.is_empty() && !first.starts_with('=') => {
                        longest = longest.max(parts.len());
                        set.insert(format!("{} {}", stem(first), rest.join(" ")));
                    }
                    _ => {}
                }
            }
        }
        (set, longest)
    })
}

/// Marks the particles of a synonym phrase as content ("out" of "ran out",
/// "from" of "come from"): a drafted intent keeps the phrase whole, so the
/// analyzer reads it as its plain word there as in the sentence, and the
/// head verb alone meets no question's "running" or "coming".
fn keep_phrase_particles(words: &mut [Word]) {
    let (phrases, longest) = synonym_phrases();
    let mut i = 0;
    while i < words.len() {
        let found = (2..=*longest).rev().find(|&n| {
            let Some(span) = words.get(i..i + n) else {
                return false;
            };
            span.iter().all(|w| w.clause == span[0].clause)
                && span.iter().skip(1).any(|w| !w.content)
                && phrases.contains(&phrase_key(span))
        });
        match found {
            Some(n) => {
                words[i..i + n].iter_mut().for_each(|w| w.content = true);
                i += n;
            }
            None => i += 1,
        }
    }
}

/// A span's words as [`synonym_phrases`] keys them.
fn phrase_key(span: &[Word]) -> String {
    let rest: Vec<&str> = span[1..].iter().map(|w| w.folded.as_str()).collect();
    format!("{} {}", stem(&span[0].folded), rest.join(" "))
}

/// True when a clause ends after `token`: it ends with a comma, a colon, a
/// closing bracket, or a closing quotation mark after such a mark or after
/// the quotation's own end (`February,"` and `Pillows?"` end the quoted
/// words, so `February," Mr Pennock said` holds no name "February Mr
/// Pennock").
fn ends_clause(token: &str) -> bool {
    let unquoted = token.trim_end_matches(quotes::CLOSING);
    unquoted.ends_with([',', ';', ':', ')', ']'])
        || unquoted.len() < token.len() && unquoted.ends_with(['.', '?', '!'])
}

/// Where each phrase of `list` (a phrase as its folded words) that starts
/// at word `i` of `words` ends, in the list's order: how the drafter finds
/// the phrases of its data files ("are called", "intended to") in a
/// sentence.
pub fn phrase_ends<'a>(
    list: &'a [Vec<&str>],
    words: &'a [Word],
    i: usize,
) -> impl Iterator<Item = usize> + 'a {
    list.iter()
        .filter(move |p| {
            p.len() <= words.len() - i && p.iter().zip(&words[i..]).all(|(a, w)| w.folded == *a)
        })
        .map(move |p| i + p.len())
}

/// True for a word written with a capital that is a name rather than an
/// ordinary word capitalised at the start of a sentence.
pub fn is_name(words: &[Word], i: usize) -> bool {
    let w = &words[i];
    let capital = w.raw.chars().next().is_some_and(char::is_uppercase);
    if !capital || !w.content {
        return false;
    }
    if i > 0 {
        return true;
    }
    // The first word of a sentence is a name only when English does not know
    // it in lower case as a common word, or a name follows it.
    english_rank(&w.folded).is_none_or(|rank| rank > 20_000)
        || words
            .get(1)
            .is_some_and(|n| n.raw.chars().next().is_some_and(char::is_uppercase) && n.content)
}

/// True for a content word written in lower case ("machines").
fn is_plain_word(word: &Word) -> bool {
    word.content && word.raw.chars().next().is_some_and(char::is_lowercase)
}

/// True for a time of day as the article writes it: a number with a clock
/// suffix ("7.15am", "9pm", "10:40am") or hours and minutes with a colon
/// ("9:30"). Its digits, read apart, would otherwise pass for a count.
pub fn is_clock_time(raw: &str) -> bool {
    let lower = raw.to_lowercase();
    let digits_end = lower
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ':'))
        .unwrap_or(lower.len());
    let (time, suffix) = lower.split_at(digits_end);
    let (hours, minutes) = match time.split_once(['.', ':']) {
        Some((h, m)) => (h, Some(m)),
        None => (time, None),
    };
    let hours_ok = (1..=2).contains(&hours.len()) && hours.chars().all(|c| c.is_ascii_digit());
    let minutes_ok = minutes.is_none_or(|m| m.len() == 2 && m.chars().all(|c| c.is_ascii_digit()));
    if !hours_ok || !minutes_ok {
        return false;
    }
    if suffix.is_empty() {
        // Without a suffix only a colon says it is a time ("4.5" is a figure).
        return minutes.is_some() && time.contains(':');
    }
    language().in_list(List::ClockSuffixes, suffix)
}

/// The spans of a sentence that a question could ask about.
pub fn spans(words: &[Word]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        if is_clock_time(&w.raw) {
            // "7.15am" tells the time of day: it counts nothing.
            i += 1;
        } else if is_year(&w.folded) {
            out.push(Span {
                start: i,
                end: i + 1,
                kind: SpanKind::Year,
            });
            i += 1;
        } else if w.folded.chars().any(|c| c.is_ascii_digit()) || is_number_word(&w.folded) {
            out.push(Span {
                start: i,
                end: i + 1,
                kind: SpanKind::Count,
            });
            i += 1;
        } else if is_name(words, i) {
            let mut end = i + 1;
            while end < words.len() && words[end].clause == w.clause && is_name(words, end) {
                end += 1;
            }
            // A name qualifying the word after it inside a noun phrase ("the
            // Turing machine", "deterministic Turing machines") names no one
            // who did anything; "Mira Quell built" does.
            let qualifies = words
                .get(end)
                .is_some_and(|n| n.clause == w.clause && is_plain_word(n));
            let in_phrase = i > 0
                && (is_plain_word(&words[i - 1])
                    || language().in_list(List::Determiners, &words[i - 1].folded));
            if qualifies && in_phrase {
                i = end;
                continue;
            }
            let place = i > 0
                && language().in_list(List::PlacePrepositions, &words[i - 1].folded)
                && !words[i..end]
                    .iter()
                    .all(|w| super::introductions::is_calendar_word(&w.folded));
            out.push(Span {
                start: i,
                end,
                kind: if place {
                    SpanKind::Place
                } else {
                    SpanKind::Name
                },
            });
            i = end;
        } else {
            i += 1;
        }
    }
    if let Some(verb) = words
        .iter()
        .take(12)
        .position(|w| language().in_list(List::LinkingVerbs, &w.folded))
    {
        let start = words[..verb]
            .iter()
            .rposition(|w| w.clause != words[verb].clause)
            .map_or(0, |p| p + 1);
        if words[start..verb].iter().any(|w| w.content) {
            out.push(Span {
                start,
                end: verb,
                kind: SpanKind::Subject,
            });
        }
    }
    out
}

/// The content words of `words[range]`, folded, in order, once each.
pub fn content(words: &[Word]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for w in words.iter().filter(|w| w.content) {
        if !out.contains(&w.folded.as_str()) {
            out.push(&w.folded);
        }
    }
    out
}

/// How telling a word is: rare English words and words English does not
/// know at all rank highest.
pub fn rarity(word: &str) -> usize {
    english_rank(word).unwrap_or(100_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_synonym_phrases_particles_are_content() {
        let kept = |sentence: &str| -> Vec<String> {
            content(&sentence_words(sentence))
                .into_iter()
                .map(str::to_string)
                .collect()
        };
        // "out" and "from" complete a phrase of the general synonyms.
        assert_eq!(
            kept("The shop is running out of bread."),
            ["shop", "running", "out", "bread"]
        );
        assert_eq!(
            kept("The money has to come from somewhere."),
            ["money", "come", "from", "somewhere"]
        );
        // Alone, or after a word that makes no phrase, a particle is none.
        assert_eq!(kept("The crowd stayed out."), ["crowd", "stayed"]);
        assert_eq!(kept("The shop ran from Monday."), ["shop", "ran", "monday"]);
    }

    fn kinds(sentence: &str) -> Vec<(String, SpanKind)> {
        let w = sentence_words(sentence);
        spans(&w)
            .into_iter()
            .map(|s| {
                let text: Vec<&str> = w[s.start..s.end].iter().map(|w| w.raw.as_str()).collect();
                (text.join(" "), s.kind)
            })
            .collect()
    }

    #[test]
    fn finds_names_years_counts_places_and_the_subject() {
        let found =
            kinds("The Zorblat engine was built by Mira Quell in Vantor in 1987 with 40 gears.");
        assert!(
            found.contains(&("Mira Quell".into(), SpanKind::Name)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Vantor".into(), SpanKind::Place)),
            "{found:?}"
        );
        assert!(
            found.contains(&("1987".into(), SpanKind::Year)),
            "{found:?}"
        );
        assert!(found.contains(&("40".into(), SpanKind::Count)), "{found:?}");
        assert!(
            found.contains(&("The Zorblat engine".into(), SpanKind::Subject)),
            "{found:?}"
        );
    }

    #[test]
    fn a_capitalised_common_word_opening_a_sentence_is_no_name() {
        let found = kinds("Gears turn slowly.");
        assert!(found.iter().all(|(_, k)| *k != SpanKind::Name), "{found:?}");
    }

    #[test]
    fn a_name_qualifying_the_next_word_names_no_one() {
        let found = kinds("Many Turing machines were described by Alan Turing.");
        assert!(
            !found.contains(&("Turing".into(), SpanKind::Name)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Alan Turing".into(), SpanKind::Name)),
            "{found:?}"
        );
    }

    #[test]
    fn clauses_end_at_commas_and_brackets() {
        let w = sentence_words("First part, second part (an aside) end.");
        let clauses: Vec<usize> = w.iter().map(|w| w.clause).collect();
        assert_eq!(clauses, [0, 0, 1, 1, 2, 2, 3]);
    }

    #[test]
    fn a_quotation_ends_its_clause() {
        // The name after a quotation is no part of the quotation's last word.
        for sentence in [
            "\"It carries us through February,\" Mr Pennock said.",
            "\u{201c}It carries us through February,\u{201d} Mr Pennock said.",
            "\u{2018}It carries us through February,\u{2019} Mr Pennock said.",
            "\"Is it February?\" Mr Pennock asked.",
        ] {
            let w = sentence_words(sentence);
            let at = |word: &str| w.iter().position(|x| x.folded == word).map(|i| w[i].clause);
            assert_ne!(at("february"), at("mr"), "{sentence}");
        }
        // A quoted word inside a clause leaves it whole; so does a plural's
        // apostrophe.
        let w = sentence_words("The unions' plan was called \"fair\" by Mr Pennock.");
        assert!(w.iter().all(|x| x.clause == 0), "{w:?}");
    }
}
