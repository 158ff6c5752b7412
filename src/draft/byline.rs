//! An article's credits: the byline ("By Jane Doe") and the dateline
//! ("Published March 3, 2025") that a copied web page keeps under its
//! headline. `init` files them as the article's `author` and `date` instead
//! of drafting facts and summaries from them, which would cite "By Jane Doe"
//! as if it were news.

use crate::language::{List, language};
use crate::text::{is_ordinal_number, is_year, words};

/// Paragraphs after the headline that may hold credits: they come first.
pub const CREDIT_PARAGRAPHS: usize = 3;
/// Most words in a byline's names ("Jane Doe and Tom Lee, Reuters").
const BYLINE_WORDS: usize = 8;
/// Most words in a dateline ("Updated: Tuesday, March 3, 2025, 10:14 am GMT").
const DATELINE_WORDS: usize = 12;

/// The author a byline paragraph names: the paragraph after its opening
/// "By"/"Written by", when that is a short run of capitalised names with no
/// sentence's end ("By Tuesday, the council had voted." is no byline).
pub fn byline(paragraph: &str) -> Option<String> {
    let lang = language();
    let mut rest = paragraph.trim();
    let mut opened = false;
    while let Some((first, tail)) = rest.split_once(char::is_whitespace) {
        let word = first.trim_end_matches(':').to_lowercase();
        if !lang.in_list(List::BylineOpeners, &word) {
            break;
        }
        opened = true;
        rest = tail.trim_start();
    }
    let author = rest.trim().trim_end_matches([',', ';', '|']).trim();
    let names = author.split_whitespace().count();
    let capitalised = author.chars().next().is_some_and(char::is_uppercase);
    let ends_sentence = author.ends_with(['.', '!', '?']) && !ends_with_initial(author);
    (opened && capitalised && (1..=BYLINE_WORDS).contains(&names) && !ends_sentence)
        .then(|| author.to_string())
}

/// True for "… J." (an initial), which ends a name, not a sentence.
fn ends_with_initial(text: &str) -> bool {
    text.rsplit(char::is_whitespace)
        .next()
        .is_some_and(|last| last.len() == 2 && last.starts_with(char::is_uppercase))
}

/// The date a dateline paragraph gives, without its "Published:" label:
/// a short line of only a month or numbers, weekdays, a year and dateline
/// words, with at least a month or a year.
pub fn dateline(paragraph: &str) -> Option<String> {
    let lang = language();
    let said = words(paragraph);
    let fits = |w: &String| {
        is_ordinal_number(w)
            || [
                List::Months,
                List::Days,
                List::DatelineLabels,
                List::DatelineWords,
            ]
            .into_iter()
            .any(|list| lang.in_list(list, w))
    };
    let dated = said
        .iter()
        .any(|w| is_year(w) || lang.in_list(List::Months, w));
    let ok = !said.is_empty()
        && said.len() <= DATELINE_WORDS
        && said.iter().all(fits)
        && said.iter().any(|w| is_ordinal_number(w))
        && dated;
    ok.then(|| without_label(paragraph).to_string())
}

/// A dateline without the label before its date ("Published: ").
fn without_label(paragraph: &str) -> &str {
    let lang = language();
    let mut rest = paragraph.trim();
    while let Some((first, tail)) = rest.split_once(char::is_whitespace) {
        let word = first.trim_end_matches(':').to_lowercase();
        if !lang.in_list(List::DatelineLabels, &word) {
            break;
        }
        rest = tail.trim_start();
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byline_names_the_author() {
        assert_eq!(byline("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(
            byline("Written by: Jane Doe and Tom Lee, Reuters").as_deref(),
            Some("Jane Doe and Tom Lee, Reuters")
        );
        assert_eq!(
            byline("BY JOHN Q. PUBLIC").as_deref(),
            Some("JOHN Q. PUBLIC")
        );
    }

    #[test]
    fn a_sentence_opening_with_by_is_no_byline() {
        assert_eq!(byline("By Tuesday, the council had voted."), None);
        assert_eq!(byline("By the end of the day nobody knew."), None);
        assert_eq!(byline("Jane Doe"), None);
        assert_eq!(
            byline("By Tuesday the council had voted on the plan and the budget for it"),
            None
        );
    }

    #[test]
    fn a_dateline_gives_the_date_without_its_label() {
        assert_eq!(dateline("March 3, 2025").as_deref(), Some("March 3, 2025"));
        assert_eq!(
            dateline("Published: Tuesday, May 3, 2025, 10:14 am GMT").as_deref(),
            Some("Tuesday, May 3, 2025, 10:14 am GMT")
        );
        assert_eq!(dateline("2025-03-03").as_deref(), Some("2025-03-03"));
        assert_eq!(dateline("Updated 3rd March").as_deref(), Some("3rd March"));
    }

    #[test]
    fn a_sentence_with_a_date_is_no_dateline() {
        assert_eq!(dateline("The park opens on March 3, 2025."), None);
        assert_eq!(dateline("Tuesday"), None);
        assert_eq!(dateline("7 members voted"), None);
    }
}
