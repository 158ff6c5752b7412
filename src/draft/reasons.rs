//! Sentences that say why: readers ask "why ..." of an event, and the
//! answer is the sentence that gives its reason, either in the same
//! sentence ("Talks broke down after the authority refused ...") or in the
//! one after it, pointing back ("This is intended to ease pressure on
//! roads ..."). Such a follower shares none of the event's words, so no
//! question about the event would reach it: the drafter writes the "why"
//! question of the event into it. The phrases are in
//! `assets/lang/reasons.txt`.

use std::sync::LazyLock;

use super::phrases::{Word, content, phrase_ends};

const REASONS: &str = include_str!("../../assets/lang/reasons.txt");

/// Fewest content words an event needs to be asked "why" of.
const EVENT_WORDS: usize = 2;

/// Most words between a pointing opening ("this is") and the reason phrase
/// after it ("intended to"): "This is partly intended to ...".
const POINTING_GAP: usize = 1;

/// The phrases of one `[section]` of the reasons list, as word lists.
fn phrases(section: &str) -> Vec<Vec<&'static str>> {
    crate::language::section_phrases(REASONS, section)
}

static WITHIN: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| phrases("within"));
static POINTING: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| phrases("pointing"));
static OPENING: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| phrases("opening"));

/// Where the longest phrase of `list` that starts at word `i` ends.
fn phrase_at(list: &[Vec<&str>], words: &[Word], i: usize) -> Option<usize> {
    phrase_ends(list, words, i).max()
}

/// The "why" question a sentence answers of its own event: the content
/// words of its clause before the first reason phrase ("why negotiations
/// broke down" of "Negotiations broke down after the authority refused");
/// for a sentence that opens with the reason ("Because of the strike, the
/// schools will close"), the clauses after it.
pub fn why_within(words: &[Word]) -> Option<String> {
    for i in 0..words.len() {
        let Some(end) = phrase_at(&WITHIN, words, i) else {
            continue;
        };
        // The reason's own clause, or the one before when the phrase opens
        // its clause ("Traffic is expected, because ...").
        let opens_clause = i > 0 && words[i - 1].clause != words[i].clause;
        let clause = words[i].clause - usize::from(opens_clause);
        let before: Vec<Word> = words[..i]
            .iter()
            .filter(|w| w.clause == clause)
            .cloned()
            .collect();
        let event = if i == 0 {
            // The reason comes first: the event is in the clauses after it.
            let reason_clause = words[end.min(words.len() - 1)].clause;
            let after: Vec<Word> = words[end..]
                .iter()
                .filter(|w| w.clause > reason_clause)
                .cloned()
                .collect();
            content(&after).join(" ")
        } else {
            content(&before).join(" ")
        };
        if event.split(' ').count() >= EVENT_WORDS && !event.is_empty() {
            return Some(format!("why {event}"));
        }
    }
    None
}

/// True when a sentence gives the reason for what the sentence before it
/// tells: it opens with a phrase of `[opening]` ("The aim is to ..."), or
/// with one of `[pointing]` ("This is", "The move was") followed at once by
/// a reason phrase ("intended to", "because").
pub fn gives_reason_for_previous(words: &[Word]) -> bool {
    if words.is_empty() {
        return false;
    }
    if phrase_at(&OPENING, words, 0).is_some() {
        return true;
    }
    phrase_at(&POINTING, words, 0).is_some_and(|end| {
        (end..=end + POINTING_GAP)
            .take_while(|&i| i < words.len())
            .any(|i| phrase_at(&WITHIN, words, i).is_some())
    })
}

/// The "why" question of the event a sentence tells, for the sentence after
/// it that gives its reason: the content words of its last clause that
/// holds enough of them (what "this" most likely stands for), else of the
/// whole sentence.
pub fn why_of_event(previous: &[Word]) -> Option<String> {
    let clauses = previous.last().map_or(0, |w| w.clause + 1);
    let event = (0..clauses)
        .rev()
        .map(|c| {
            let clause: Vec<Word> = previous.iter().filter(|w| w.clause == c).cloned().collect();
            content(&clause).join(" ")
        })
        .find(|e| !e.is_empty() && e.split(' ').count() >= EVENT_WORDS)
        .or_else(|| Some(content(previous).join(" ")).filter(|e| !e.is_empty()))?;
    Some(format!("why {event}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::phrases::sentence_words;

    #[test]
    fn a_reason_within_a_sentence_asks_why_of_what_comes_before_it() {
        let w = sentence_words("Zorblat talks broke off due to the guild's refusal.");
        assert_eq!(why_within(&w).as_deref(), Some("why zorblat talks broke"));
        let w = sentence_words("Heavy traffic is expected, because the trams will not run.");
        assert_eq!(
            why_within(&w).as_deref(),
            Some("why heavy traffic expected")
        );
    }

    #[test]
    fn a_reason_that_opens_the_sentence_asks_why_of_the_rest() {
        let w = sentence_words("Because of the strike, the zorblat schools will close early.");
        assert_eq!(
            why_within(&w).as_deref(),
            Some("why zorblat schools close early")
        );
    }

    #[test]
    fn a_sentence_without_a_reason_asks_no_why() {
        let w = sentence_words("The zorblat schools will close early on Monday.");
        assert_eq!(why_within(&w), None);
    }

    #[test]
    fn a_sentence_pointing_back_with_a_reason_gives_the_previous_reason() {
        let gives = |s: &str| gives_reason_for_previous(&sentence_words(s));
        assert!(gives("This is intended to ease pressure on the roads."));
        assert!(gives("That is because the fund is empty."));
        assert!(gives("The aim is to cut queues at the gates."));
        assert!(!gives("It is the first zorblat stoppage since 2009."));
        assert!(!gives("This is the second time the mayor stepped in."));
    }

    #[test]
    fn the_event_is_the_last_clause_of_the_sentence_before() {
        let previous = sentence_words(
            "Schools expect absences, and the council will extend hours at its zorblat sites.",
        );
        assert_eq!(
            why_of_event(&previous).as_deref(),
            Some("why council extend hours zorblat sites")
        );
    }
}
