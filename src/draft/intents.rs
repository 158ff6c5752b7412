//! The questions a sentence answers, drafted from its words: for each span a
//! question could ask about (a name, a year, a number, a place, the subject)
//! the question is the rest of its clause with the span replaced by the
//! question word ("Mira Quell built the engine" answers "who built the
//! engine"), plus the clauses themselves and the sentence's key phrases.

use super::definitions::{self, definition};
use super::listing;
use super::phrases::{Span, SpanKind, Word, content, rarity, sentence_words, spans};
use super::reasons;
use crate::language::{List, language};

/// Most intents drafted for one sentence: more dilute the best match and
/// collide with neighbouring sentences.
pub const MAX_INTENTS: usize = 10;
/// Most keywords drafted for one sentence.
pub const MAX_KEYWORDS: usize = 4;
/// English frequency rank under which a one-word subject is too common to
/// make a "what is" question of its own.
const COMMON_SUBJECT: usize = 2000;
/// Fewest content words a clause needs to be an intent of its own.
const MIN_CLAUSE_WORDS: usize = 2;

/// The intents and keywords drafted for one sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drafted {
    /// Questions, lowercase, most specific first.
    pub intents: Vec<String>,
    /// Short key phrases.
    pub keywords: Vec<String>,
}

/// Drafts the questions one sentence answers.
pub fn draft(sentence: &str) -> Drafted {
    let words = sentence_words(sentence);
    // Room for all but the last intent, which is the sentence's words; a
    // long sentence (a pasted list) stops drafting once the room is full.
    let mut intents = Intents::with_room(MAX_INTENTS - 1);
    // A sentence that says why something happens answers "why" of it.
    // It takes no room from the other questions.
    if let Some(why) = reasons::why_within(&words) {
        intents.room += 1;
        intents.push(why);
    }
    for span in spans(&words) {
        if intents.is_full() {
            break;
        }
        if let Some(q) = question_for(&words, &span) {
            intents.push(q);
        }
    }
    if let Some(definition) = definition(&words) {
        for q in definitions::questions(&definition) {
            intents.push(q);
        }
    }
    let clauses = words.last().map_or(0, |w| w.clause + 1);
    if clauses > 1 {
        for c in 0..clauses {
            if intents.is_full() {
                break;
            }
            let clause: Vec<Word> = words.iter().filter(|w| w.clause == c).cloned().collect();
            let terms = content(&clause);
            if terms.len() >= MIN_CLAUSE_WORDS {
                intents.push(terms.join(" "));
            }
        }
    }
    // All the sentence's words are the last intent, whatever else is
    // drafted: the question that spans clauses needs them.
    intents.room += 1;
    let mut all = content(&words);
    // A sentence listing two things answers "what are the two ...".
    if let Some(count) = listing::list_count(sentence) {
        all.insert(0, count);
    }
    // A sentence giving a year answers "in what year ...".
    if spans(&words).iter().any(|s| s.kind == SpanKind::Year) && !all.contains(&"year") {
        all.push("year");
    }
    if !all.is_empty() {
        intents.push(all.join(" "));
    }
    Drafted {
        intents: intents.kept,
        keywords: keywords(&words),
    }
}

/// Intents without repeats of the same words, up to a number of them.
struct Intents {
    kept: Vec<String>,
    /// Each kept intent's stems, sorted and unique: what "the same words" compares.
    keys: Vec<Vec<String>>,
    /// How many intents it takes.
    room: usize,
}

impl Intents {
    fn with_room(room: usize) -> Intents {
        Intents {
            kept: Vec::new(),
            keys: Vec::new(),
            room,
        }
    }

    fn is_full(&self) -> bool {
        self.kept.len() >= self.room
    }

    fn push(&mut self, intent: String) {
        if self.is_full() || intent.trim().is_empty() {
            return;
        }
        let mut key: Vec<String> = intent.split_whitespace().map(crate::text::stem).collect();
        key.sort();
        key.dedup();
        if !self.keys.contains(&key) {
            self.kept.push(intent);
            self.keys.push(key);
        }
    }
}

/// The question a span answers: the question word, then the content words of
/// its clause without the span.
fn question_for(words: &[Word], span: &Span) -> Option<String> {
    let clause = words[span.start].clause;
    let rest: Vec<Word> = words
        .iter()
        .enumerate()
        .filter(|(i, w)| w.clause == clause && !(span.start..span.end).contains(i))
        .map(|(_, w)| w.clone())
        .collect();
    let rest = content(&rest);
    let named: Vec<&str> = words[span.start..span.end]
        .iter()
        .filter(|w| w.content)
        .map(|w| w.folded.as_str())
        .collect();
    match span.kind {
        // A lone common word ("us", "it") says too little to be asked about.
        SpanKind::Subject => (named.len() > 1
            || named.first().is_some_and(|w| rarity(w) >= COMMON_SUBJECT))
        .then(|| format!("what is {}", named.join(" "))),
        _ if rest.len() < MIN_CLAUSE_WORDS => None,
        SpanKind::Name => Some(format!("who {}", rest.join(" "))),
        SpanKind::Year => Some(format!("when {}", rest.join(" "))),
        SpanKind::Place => Some(format!("where {}", rest.join(" "))),
        SpanKind::Count => {
            // The counted noun: the content words right after the number,
            // up to a preposition ("two days without buses" counts days;
            // "of" joins: "tons of ammunition").
            let lang = language();
            let counted: Vec<&str> = words[span.end..]
                .iter()
                .take_while(|w| {
                    w.clause == clause
                        && (w.folded == "of" || !lang.in_list(List::Prepositions, &w.folded))
                })
                .take(3)
                .filter(|w| w.content)
                .map(|w| w.folded.as_str())
                .collect();
            let others: Vec<&str> = rest
                .iter()
                .copied()
                .filter(|w| !counted.contains(w))
                .collect();
            // A number before a month or a day is a date ("closed on 2
            // October"), and one before another number part of the same
            // figure ("4.5 percent" read as 4 and 5): no count of it.
            let date_or_figure = counted.first().is_some_and(|w| {
                super::introductions::is_calendar_word(w) || w.chars().all(|c| c.is_ascii_digit())
            });
            (!counted.is_empty() && !date_or_figure)
                .then(|| format!("how many {} are {}", counted.join(" "), others.join(" ")))
        }
    }
}

/// Key phrases: the rarest pairs of neighbouring content words, and names.
fn keywords(words: &[Word]) -> Vec<String> {
    let mut phrases: Vec<(usize, String)> = Vec::new();
    for pair in words.windows(2) {
        if pair[0].content && pair[1].content && pair[0].clause == pair[1].clause {
            let score = rarity(&pair[0].folded).min(rarity(&pair[1].folded));
            let phrase = format!("{} {}", pair[0].folded, pair[1].folded);
            if !phrases.iter().any(|(_, p)| *p == phrase) {
                phrases.push((score, phrase));
            }
        }
    }
    phrases.sort_by_key(|p| std::cmp::Reverse(p.0));
    phrases
        .into_iter()
        .take(MAX_KEYWORDS)
        .map(|(_, p)| p)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_numbers_and_years_become_questions() {
        let d = draft("Mira Quell built the Zorblat engine in 1987 with 40 brass gears.");
        let has = |q: &str| d.intents.iter().any(|i| i == q);
        assert!(
            has("who built zorblat engine 1987 40 brass gears"),
            "{:?}",
            d.intents
        );
        assert!(
            has("when mira quell built zorblat engine 40 brass gears"),
            "{:?}",
            d.intents
        );
        assert!(
            d.intents
                .iter()
                .any(|i| i.starts_with("how many brass gears")),
            "{:?}",
            d.intents
        );
    }

    #[test]
    fn a_count_is_of_the_words_before_a_preposition() {
        let d = draft("Two days without buses will hurt the traders of Zorbton.");
        let counted = d.intents.iter().find(|i| i.starts_with("how many"));
        assert_eq!(
            counted.map(|i| i.starts_with("how many days are")),
            Some(true),
            "{:?}",
            d.intents
        );
        let d = draft("The army sent 283 tons of ammunition to Zorbton.");
        assert!(
            d.intents
                .iter()
                .any(|i| i.starts_with("how many tons ammunition are")),
            "{:?}",
            d.intents
        );
    }

    #[test]
    fn a_date_or_a_figure_read_in_parts_counts_nothing() {
        let d = draft("Members backed the strike in a ballot that closed on 2 October.");
        assert!(
            !d.intents.iter().any(|i| i.starts_with("how many october")),
            "{:?}",
            d.intents
        );
        let d = draft("The authority offered a 4.5 percent pay rise.");
        assert!(
            !d.intents.iter().any(|i| i.starts_with("how many 5")),
            "{:?}",
            d.intents
        );
        assert!(
            d.intents.iter().any(|i| i.starts_with("how many percent")),
            "{:?}",
            d.intents
        );
    }

    #[test]
    fn a_clock_time_counts_nothing() {
        let d = draft("The alarm sounded at 7.15am and again at 9pm in the mill.");
        assert!(
            !d.intents.iter().any(|i| i.starts_with("how many")),
            "{:?}",
            d.intents
        );
        // A real count beside a clock time is still asked about.
        let d = draft("At 10:40am the crew of 12 sailors left the harbour.");
        assert!(
            d.intents.iter().any(|i| i.starts_with("how many sailors")),
            "{:?}",
            d.intents
        );
        assert!(
            !d.intents.iter().any(|i| i.starts_with("how many 40am")),
            "{:?}",
            d.intents
        );
    }

    #[test]
    fn the_subject_is_asked_for() {
        let d = draft("A zorblat is a machine that turns gears.");
        assert!(
            d.intents.contains(&"what is zorblat".to_string()),
            "{:?}",
            d.intents
        );
        assert!(d.intents.len() <= MAX_INTENTS);
    }

    #[test]
    fn a_definition_is_drafted_both_ways() {
        let d = draft("Algorithms that use random bits are called randomized algorithms.");
        let has = |q: &str| d.intents.iter().any(|i| i == q);
        assert!(
            has("what is the term for algorithms use random bits"),
            "{:?}",
            d.intents
        );
        assert!(has("what is randomized algorithms"), "{:?}", d.intents);
    }

    #[test]
    fn all_the_words_stay_an_intent_of_a_sentence_with_many_questions() {
        let sentence = "In 1971 Ada Vell, Bo Kran, Cy Lund, Di Marr, Ed Noll, Fay Orr, \
                        Gus Penn, Hal Quin, Ivy Rudd and Jo Sand met 40 times in Oslo.";
        let d = draft(sentence);
        assert_eq!(d.intents.len(), MAX_INTENTS, "{:?}", d.intents);
        let last = d.intents.last().expect("intents");
        assert!(
            last.contains("ada vell") && last.contains("oslo"),
            "{:?}",
            d.intents
        );
    }

    #[test]
    fn a_list_gives_its_count_to_the_whole_sentence_intent() {
        let d = draft("Zorblats come in brass, copper and tin.");
        assert_eq!(
            d.intents.last().map(String::as_str),
            Some("three zorblats come brass copper tin"),
            "{:?}",
            d.intents
        );
    }

    #[test]
    fn a_sentence_giving_a_year_answers_in_what_year() {
        let d = draft("Mira Quell built the Zorblat engine in 1987.");
        let last = d.intents.last().expect("intents");
        assert!(last.split(' ').any(|w| w == "year"), "{:?}", d.intents);
        let d = draft("Mira Quell built the Zorblat engine.");
        assert!(
            d.intents.iter().all(|i| !i.split(' ').any(|w| w == "year")),
            "{:?}",
            d.intents
        );
    }

    #[test]
    fn a_sentence_giving_a_reason_is_asked_why() {
        let d = draft("Zorblat talks broke down because the guild refused to pay.");
        assert_eq!(
            d.intents.first().map(String::as_str),
            // "down" completes the synonyms' "broke down", read as "collapse".
            Some("why zorblat talks broke down"),
            "{:?}",
            d.intents
        );
        let d = draft("Zorblat talks broke down on Monday.");
        assert!(
            d.intents.iter().all(|i| !i.starts_with("why")),
            "{:?}",
            d.intents
        );
    }

    #[test]
    fn keywords_are_rare_neighbouring_words() {
        let d = draft("The zorblat engine turns brass gears.");
        assert!(
            d.keywords.contains(&"zorblat engine".to_string()),
            "{:?}",
            d.keywords
        );
    }
}
