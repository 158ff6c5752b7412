//! Rule `other-time`: the question asks about another time than the one
//! its sentence states. "What pay rise did the drivers get last year?"
//! against "its offer of a 4.5 percent pay rise this year": both point at
//! a year (a word of `[time-pointers]` before a word of `[time]`), the
//! sentence at this one and never at the last, so its figure is not the
//! one asked. A year is read with the word of `[span-bounds]` before it:
//! "in 2019" asks for that year, which "its busiest year since 2019" does
//! not give (it bounds a length of time). A time told from another by a
//! word of `[relative-time]` after its unit ("the year before", "a week
//! later") is not the sentence's either when the sentence writes that
//! unit with no such word ("a surplus for the year to March" does not give
//! "the surplus the year before"). A sentence pointing at no time, or at
//! the asked one too, is left to the other rules.

use crate::language::{List, language};
use crate::text::is_year;

/// The pointer of a year that no word of `[span-bounds]` bounds: the year
/// itself ("in 2019").
const AT: &str = "at";

/// The pointer of a unit of time written with no pointer before or after
/// it ("for the year to March"): the article's own time.
const UNPOINTED: &str = "";

/// A time pointed at: the pointer ("last", "before", or [`UNPOINTED`]) and
/// the unit ("year"), lower case, as written.
pub type Pointed = (String, String);

/// The times `words` (lowercase tokens, as [`crate::text::words`] and the
/// question's reading give them) point at: each word of `[time-pointers]`
/// directly before a word of `[time]` ("last year", "next month"), each
/// word of `[relative-time]` directly after one ("the year before"), any
/// other word of `[time]` with [`UNPOINTED`], and each year, with the word
/// of `[span-bounds]` before it ("since 2019") or [`AT`].
pub fn pointed<S: AsRef<str>>(words: &[S]) -> Vec<Pointed> {
    let lang = language();
    let before = |i: usize| i.checked_sub(1).map_or("", |k| words[k].as_ref());
    let after = |i: usize| words.get(i + 1).map_or("", AsRef::as_ref);
    words
        .iter()
        .map(AsRef::as_ref)
        .enumerate()
        .filter_map(|(i, word)| {
            let pointer = before(i);
            if is_year(word) {
                let bound = lang.in_list(List::SpanBounds, pointer);
                Some((
                    if bound { pointer } else { AT }.to_string(),
                    word.to_string(),
                ))
            } else if !lang.in_list(List::Time, word) {
                None
            } else if lang.in_list(List::TimePointers, pointer) {
                Some((pointer.to_string(), word.to_string()))
            } else if lang.in_list(List::RelativeTime, after(i)) {
                Some((after(i).to_string(), word.to_string()))
            } else {
                Some((UNPOINTED.to_string(), word.to_string()))
            }
        })
        .collect()
}

/// Whether the question (`asked`) points at a time the sentence (`stated`)
/// never points at while pointing at another of the same unit. A unit the
/// sentence writes [`UNPOINTED`] is another time only to a time told from
/// another by a word of `[relative-time]` ("the year before"): "last year"
/// may be the year the article writes of.
pub fn differs(asked: &[Pointed], stated: &[Pointed]) -> bool {
    let lang = language();
    asked
        .iter()
        .filter(|(pointer, _)| pointer != UNPOINTED)
        .any(|(pointer, unit)| {
            let relative = lang.in_list(List::RelativeTime, pointer);
            stated
                .iter()
                .any(|(p, u)| u == unit && p != pointer && (p != UNPOINTED || relative))
                && !stated.iter().any(|(p, u)| u == unit && p == pointer)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{answered_with, explain, fired};
    use crate::engine::{Engine, Reply};

    const FERRY: &str = "Ferry fares rise again
The Gullrock ferry carried 90,000 passengers this year, its busiest year since 2015.
The operator raised fares by 3 percent in March.
";

    /// A made-up article drafted one fact a sentence.
    fn ferry() -> Engine {
        let facts = [
            (
                "carried-busiest",
                "The Gullrock ferry carried 90,000 passengers this year, its busiest year since 2015.",
            ),
            (
                "raised-fares",
                "The operator raised fares by 3 percent in March.",
            ),
        ];
        Engine::new(crate::fixtures::drafted_like(FERRY, &facts, ""))
    }

    #[test]
    fn a_question_about_another_time_is_not_answered_by_this_ones_figure() {
        let e = ferry();
        for asked in [
            "How many passengers did the Gullrock ferry carry last year?",
            "How many passengers did the Gullrock ferry carry in 2015?",
            "How many passengers did the Gullrock ferry carry the year before?",
        ] {
            assert!(
                fired(&e, asked, "carried-busiest", Rule::OtherTime),
                "{asked}"
            );
            assert!(explain(&e, asked).contains("other-time: ×0.30"), "{asked}");
            assert!(!matches!(e.answer(asked), Reply::Answered(_)), "{asked}");
        }
        // The time it states, or none, is answered.
        for asked in [
            "How many passengers did the Gullrock ferry carry this year?",
            "How many passengers did the Gullrock ferry carry?",
        ] {
            assert!(
                !fired(&e, asked, "carried-busiest", Rule::OtherTime),
                "{asked}"
            );
            assert!(answered_with(&e, asked, "carried-busiest"), "{asked}");
        }
    }

    fn read(text: &str) -> Vec<Pointed> {
        pointed(&text.split_whitespace().collect::<Vec<_>>())
    }

    #[test]
    fn reads_the_times_pointed_at() {
        assert_eq!(
            read("the rise this year and next month"),
            [
                ("this".into(), "year".into()),
                ("next".into(), "month".into())
            ]
        );
        // A length of time points at nothing but the article's own time.
        assert_eq!(
            read("for six weeks over two years"),
            [("".into(), "weeks".into()), ("".into(), "years".into())]
        );
        // A word of `[relative-time]` after the unit points at another.
        assert_eq!(
            read("the surplus the year before"),
            [("before".into(), "year".into())]
        );
    }

    #[test]
    fn a_time_told_from_another_differs_from_the_unit_written_plain() {
        let asked = read("what was the surplus the year before");
        assert!(differs(&asked, &read("a surplus for the year to march")));
        assert!(differs(&asked, &read("a surplus this year")));
        // The same relative time, or no year at all: not told apart.
        assert!(!differs(&asked, &read("a surplus the year before")));
        assert!(!differs(&asked, &read("a surplus of 4 million")));
        // "last year" may be the year the article writes of plainly.
        let last = read("what was the surplus last year");
        assert!(!differs(&last, &read("a surplus for the year to march")));
        // A question writing a unit plainly asks no other time.
        assert!(!differs(
            &read("what was the surplus for the year"),
            &read("a surplus last year")
        ));
    }

    #[test]
    fn another_time_of_the_same_unit_differs() {
        let asked = read("what rise did they get last year");
        assert!(differs(&asked, &read("a rise of 4 percent this year")));
        // The asked time given too, or no time of that unit: not told apart.
        assert!(!differs(
            &asked,
            &read("4 percent this year after 3 last year")
        ));
        assert!(!differs(&asked, &read("a rise of 4 percent next month")));
        assert!(!differs(&asked, &read("a rise of 4 percent")));
    }

    #[test]
    fn a_year_bounding_a_length_of_time_is_not_the_year_asked() {
        let asked = read("how many visitors came in 2019");
        assert!(differs(&asked, &read("its busiest year since 2019")));
        assert!(!differs(&asked, &read("4,000 visitors in 2019")));
        assert!(!differs(
            &asked,
            &read("4,000 visitors since 2019 and in 2019 alone 900")
        ));
    }
}
