//! The article's own proper names ("Rachel Dunmore", "Quayside Hotel",
//! "Norlink"), read from its text at load time, so that the entity rules
//! know the people, places and bodies of any article and not only the
//! gazetteer's.
//!
//! A name is a run of capitalised words inside a sentence; it goes on
//! across one or two lower-case joining words of `[name-joiners]` ("Chamber
//! of Commerce") when a capitalised word inside the sentence stands on
//! each side, and is read whole besides its parts. Nothing of an
//! article's world is written here: what is no name comes from the shipped
//! lists (stop words, days, months, `[name-titles]` such as "Dr" and
//! "Cllr") and from how the article itself writes a word. A word opening a
//! sentence or a quotation is capitalised anyway, so it counts only when
//! the article also capitalises it elsewhere, a name follows it, or English
//! does not know it and the article never writes it in lower case.

use crate::article::Article;
use crate::language::{List, language};
use crate::lexicon::english_rank;
use rustc_hash::FxHashSet as HashSet;

/// One word of a sentence as the name reader sees it.
struct Word {
    /// Folded, lower-case form.
    folded: String,
    /// Written with a capital first letter.
    capital: bool,
    /// Opens the sentence or a quotation: its capital says nothing.
    start: bool,
    /// A comma, a bracket or a quotation mark ends a name after it.
    closes: bool,
}

/// The proper names of `article`, each as its folded words: every run of two
/// or more capitalised words ("civil aviation authority"), whole across
/// its joining words ("department for transport"), and each word of
/// a run that English knows as no common word (its rank is `name_rank` or
/// rarer) and the article never writes in lower case ("dunmore",
/// "norlink"). Sorted, without repeats. A headline or sentence in title
/// case ("Airport Shuts Its Only Runway") is read for no names, and a name
/// the headline writes is the article's subject, no name to require.
pub fn article_names(article: &Article, name_rank: usize) -> Vec<Vec<String>> {
    let sentences: Vec<Vec<Word>> = article
        .sentences
        .iter()
        .map(|s| sentence_words(&s.text))
        .filter(|words| !title_case(words))
        .collect();
    let mut lower = HashSet::default();
    let mut capital_inside = HashSet::default();
    for w in sentences.iter().flatten() {
        if !w.capital {
            lower.insert(w.folded.as_str());
        } else if !w.start {
            capital_inside.insert(w.folded.as_str());
        }
    }
    let rare = |word: &str| english_rank(word).is_none_or(|rank| rank >= name_rank);
    let mut names = Vec::new();
    for words in &sentences {
        let is_name_word = |i: usize| {
            let w: &Word = &words[i];
            if !w.capital || closed_word(&w.folded) {
                return false;
            }
            !w.start
                || capital_inside.contains(w.folded.as_str())
                || (english_rank(&w.folded).is_none() && !lower.contains(w.folded.as_str()))
        };
        let mut i = 0;
        while i < words.len() {
            // A word opening the sentence is a name when a name follows it
            // ("Kestlebury Airport will close").
            let opens_run = is_name_word(i)
                || (words[i].start
                    && words[i].capital
                    && !words[i].closes
                    && !closed_word(&words[i].folded)
                    && i + 1 < words.len()
                    && words[i + 1].capital
                    && is_name_word(i + 1));
            if !opens_run {
                i += 1;
                continue;
            }
            let mut end = run_end(words, i + 1, &is_name_word);
            let mut whole: Vec<String> = Vec::new();
            loop {
                let run: Vec<String> = words[i..end].iter().map(|w| w.folded.clone()).collect();
                for word in &run {
                    if rare(word) && !lower.contains(word.as_str()) {
                        names.push(vec![word.clone()]);
                    }
                }
                if run.len() > 1 {
                    names.push(run);
                }
                // "Chamber of Commerce": the name goes on across its joining
                // words, and is read whole besides its parts.
                let Some(next) = joined_at(words, end, &is_name_word) else {
                    break;
                };
                whole.extend(words[i..next].iter().map(|w| w.folded.clone()));
                i = next;
                end = run_end(words, next + 1, &is_name_word);
            }
            if !whole.is_empty() {
                whole.extend(words[i..end].iter().map(|w| w.folded.clone()));
                names.push(whole);
            }
            i = end;
        }
    }
    // What the headline names is what the whole article is about: a
    // sentence that leaves it unsaid is still about it ("the airport").
    let headline: HashSet<String> = article
        .sentences
        .iter()
        .filter(|s| s.paragraph == 0)
        .flat_map(|s| crate::text::words(&s.text))
        .collect();
    names.retain(|name| !name.iter().all(|w| headline.contains(w)));
    names.sort_unstable();
    names.dedup();
    names
}

/// The end of the run of name words going on from `end` (a comma, a
/// bracket or a quotation mark ends it).
fn run_end(words: &[Word], mut end: usize, is_name_word: &impl Fn(usize) -> bool) -> usize {
    while end < words.len() && !words[end - 1].closes && is_name_word(end) {
        end += 1;
    }
    end
}

/// Where a name ending before `end` goes on across one or two lower-case
/// `[name-joiners]` ("of", "for"): the next name word's place, when one
/// follows them inside the sentence.
fn joined_at(words: &[Word], end: usize, is_name_word: &impl Fn(usize) -> bool) -> Option<usize> {
    let joiner = |k: usize| {
        words.get(k).is_some_and(|w| {
            !w.capital && !w.closes && language().in_list(List::NameJoiners, &w.folded)
        })
    };
    if end == 0 || words[end - 1].closes || !joiner(end) {
        return None;
    }
    let next = if joiner(end + 1) { end + 2 } else { end + 1 };
    (next < words.len() && !words[next].start && is_name_word(next)).then_some(next)
}

/// True for a word that is never part of a name however it is written: a
/// stop word, a day, a month or a title before a name ("Dr", "Cllr").
fn closed_word(folded: &str) -> bool {
    let classes = language().classes(folded);
    classes.is_stopword()
        || classes.has(List::Days)
        || classes.has(List::Months)
        || classes.has(List::NameTitles)
}

/// The words of a sentence with their case and where a name cannot go on.
fn sentence_words(sentence: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut start = true;
    for token in sentence.split_whitespace() {
        let opens_quote =
            token.starts_with(|c| crate::text::quotes::is_opening(c) || matches!(c, '(' | '['));
        let raw = token.trim_matches(|c: char| !c.is_alphanumeric());
        // A possessive names its owner: "Dunmore's" is "Dunmore".
        let raw = raw
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix("’s"))
            .unwrap_or(raw);
        let folded = crate::text::words(raw);
        let capital = raw.chars().next().is_some_and(char::is_uppercase);
        let possessive = token.ends_with("'s") || token.ends_with("’s");
        let closes = possessive || token.ends_with(|c: char| !c.is_alphanumeric());
        let n = folded.len();
        for (k, folded) in folded.into_iter().enumerate() {
            out.push(Word {
                folded,
                capital,
                start: start || opens_quote,
                closes: closes && k + 1 == n,
            });
        }
        // A title leaves the name after it where it stands: "Dr Feltham".
        start = n == 0 && start;
        if token.ends_with(|c| c == ':' || crate::text::quotes::CLOSING_DOUBLE.contains(&c)) {
            start = true;
        }
    }
    out
}

/// True when most words of three letters or more are capitalised: a
/// headline in title case, or a heading ("Contact Details"), capitalises
/// what is no name.
fn title_case(words: &[Word]) -> bool {
    let long = words.iter().filter(|w| w.folded.chars().count() >= 3);
    let (mut all, mut capitalised) = (0, 0);
    for w in long {
        all += 1;
        capitalised += usize::from(w.capital);
    }
    all >= 2 && capitalised * 2 > all
}

#[cfg(test)]
mod tests {
    use super::article_names;
    use crate::article::Article;

    fn names(text: &str) -> Vec<String> {
        article_names(&Article::parse(text), 5000)
            .into_iter()
            .map(|n| n.join(" "))
            .collect()
    }

    #[test]
    fn people_and_bodies_inside_sentences_are_names() {
        let found = names(
            "Hotels fear a quiet winter\n\n\
             The hotel was sold to Rachel Dunmore, who runs the Quayside Hotel. \
             Dr Dunmore said the Civil Aviation Authority had agreed.",
        );
        for name in [
            "rachel dunmore",
            "dunmore",
            "quayside hotel",
            "quayside",
            "civil aviation authority",
        ] {
            assert!(found.contains(&name.to_string()), "{name}: {found:?}");
        }
        // A title before a name is no part of it; common words capitalised
        // alone are no names.
        assert!(!found.iter().any(|n| n.contains("dr")), "{found:?}");
        assert!(!found.contains(&"hotel".to_string()), "{found:?}");
    }

    #[test]
    fn a_capital_opening_a_sentence_or_quotation_names_nothing_alone() {
        let found = names(
            "Cracks close the runway\n\n\
             Hoteliers said bookings fell. \"December is when we earn,\" one said. \
             Norlink will move its flights. Engineers said Norlink agreed.",
        );
        assert!(
            !found.iter().any(|n| n == "hoteliers" || n == "december"),
            "{found:?}"
        );
        // A word the article capitalises inside a sentence is a name at its start too.
        assert!(found.contains(&"norlink".to_string()), "{found:?}");
    }

    #[test]
    fn a_name_opening_a_sentence_is_read_when_a_name_follows() {
        let found = names("Runway shut\n\nKestlebury Airport will close its runway.");
        assert!(
            found.contains(&"kestlebury airport".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_goes_on_across_its_joining_words() {
        let found = names(
            "Shops fear the strike\n\n\
             The estimate of lost trade came from the Halbridge Chamber of Commerce on Friday morning. \
             Officials at the Department for Transport and the Bank of England agreed.",
        );
        for name in [
            "halbridge chamber of commerce",
            "department for transport",
            "bank of england",
        ] {
            assert!(found.contains(&name.to_string()), "{name}: {found:?}");
        }
        // Its parts stay names: "Halbridge Chamber" alone still names it.
        assert!(
            found.contains(&"halbridge chamber".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn a_joining_word_joins_no_names_across_a_comma_a_lower_case_word_or_and() {
        let found = names(
            "Shops fear the strike\n\n\
             Ruth Imrie, of Halbridge Council, spoke. Talks of Brexit stalled. \
             Rachel Dunmore and Tom Reid met. The cost of Halbridge Port rose.",
        );
        assert!(
            !found
                .iter()
                .any(|n| n.contains(" of ") || n.contains(" and ")),
            "{found:?}"
        );
    }

    #[test]
    fn a_title_case_headline_and_days_and_months_are_no_names() {
        let found = names(
            "Airport Shuts Its Only Runway For Three Weeks\n\n\
             The work begins on Monday 1 December and ends in January.",
        );
        assert!(found.is_empty(), "{found:?}");
    }
}
