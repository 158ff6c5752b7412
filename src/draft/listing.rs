//! How many things a sentence lists ("the best, worst and average case" is
//! three): readers ask "what are the two fields ..." of a sentence naming
//! two, and the count tells it from one naming three.

use crate::language::{List, language};
use crate::text::is_stopword;

/// Most words of one item of a list: a longer stretch between commas is a
/// clause, not an item.
const ITEM_WORDS: usize = 4;

/// Most words of an item that is a name rather than a clause ("circuit
/// complexity", "ZPP").
const NAME_WORDS: usize = 2;

/// The bare lowercase word of a token, without the punctuation around it.
fn bare(token: &str) -> String {
    token
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// True when a token closes an item of a list (a comma after it).
fn closes_item(token: &str) -> bool {
    token.ends_with(',')
}

/// Where the item ending before `end` starts: after the last token before
/// it that closes an item, else at the sentence's start.
fn item_start(tokens: &[&str], end: usize) -> usize {
    tokens[..end]
        .iter()
        .rposition(|t| closes_item(t))
        .map_or(0, |p| p + 1)
}

/// How many tokens the last item of a list takes, from the token after
/// "and": up to punctuation, or to a stop word other than a determiner
/// ("the integer factorization problem are ...": four). Zero when a stop
/// word follows "and" at once ("and is"): that joins clauses, not items.
fn last_item_len(rest: &[&str]) -> usize {
    let mut n = 0;
    for token in rest {
        let word = bare(token);
        if is_stopword(&word) && !language().in_list(List::Determiners, &word) {
            break;
        }
        n += 1;
        if token.ends_with([',', ';', ':', '.', ')', '(']) {
            break;
        }
    }
    n
}

/// The count of the first list of a sentence, as a word ("three"): items
/// joined by "and" or "or", the last short, and the short items before it
/// that commas separate. `None` without a list.
pub fn list_count(sentence: &str) -> Option<&'static str> {
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    for (i, token) in tokens.iter().enumerate() {
        if i == 0 || !matches!(*token, "and" | "or") {
            continue;
        }
        let last = last_item_len(&tokens[i + 1..]);
        if last == 0 || last > ITEM_WORDS {
            continue;
        }
        // The item before "and" reaches back to the comma closing the item
        // before it (its own comma, in ", and", closes nothing before).
        let mut start = item_start(&tokens, i - 1);
        if i - start > ITEM_WORDS {
            continue;
        }
        let mut count = 2;
        // Each short item before it, back to its comma. The first item of a
        // list shares its stretch with the words leading to the list
        // ("include BPP, ZPP and RP"), so it counts whatever its length
        // when the items are names of a few words, not clauses.
        let names = i - start <= NAME_WORDS;
        while start > 0 {
            let before = item_start(&tokens, start - 1);
            let short = start - before <= ITEM_WORDS;
            if short || names {
                count += 1;
            }
            if !short || before == 0 {
                break;
            }
            start = before;
        }
        return crate::text::count_word(count);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_things_joined_by_and_or_or_are_two() {
        assert_eq!(
            list_count("Such models need time and storage."),
            Some("two")
        );
        assert_eq!(list_count("Answers are 1 or 0."), Some("two"));
    }

    #[test]
    fn items_before_the_last_count_to_a_comma() {
        assert_eq!(
            list_count("The best, worst and average case complexity refer to ways."),
            Some("three")
        );
        assert_eq!(
            list_count("They ate apples, pears, plums, and figs."),
            Some("four")
        );
        // The first item runs into the words leading to the list.
        assert_eq!(
            list_count("Other classes include BPP, ZPP and RP."),
            Some("three")
        );
    }

    #[test]
    fn clauses_joined_by_and_are_no_list() {
        assert_eq!(
            list_count(
                "The theory classifies problems by difficulty, and relates those classes to each other in detail."
            ),
            None
        );
        assert_eq!(list_count("Quicksort sorts a list in place."), None);
        assert_eq!(list_count("The list is sorted and is short."), None);
    }
}
