//! The article sentence nearest a `source` that is not in the article, so
//! that the loader's error can say where the copy went wrong ("the article
//! has `about` where the source has `around`") instead of only that it did.

use std::collections::HashSet;

use crate::article::Article;
use crate::text::words;

/// A hint for a `source` not found verbatim: the nearest sentence's
/// paragraph and, where the two first differ by a word, both words; `None`
/// when no sentence shares at least half the source's words.
pub fn nearest_hint(article: &Article, source: &str) -> Option<String> {
    let cited = words(source);
    if cited.is_empty() {
        return None;
    }
    let wanted: HashSet<&str> = cited.iter().map(String::as_str).collect();
    let (index, shared) = article
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let have: HashSet<String> = words(&s.text).into_iter().collect();
            (i, wanted.iter().filter(|w| have.contains(**w)).count())
        })
        .max_by_key(|&(i, shared)| (shared, std::cmp::Reverse(i)))?;
    if shared * 2 < wanted.len() {
        return None;
    }
    let sentence = &article.sentences[index];
    let have = words(&sentence.text);
    let same = cited.iter().zip(&have).take_while(|(a, b)| a == b).count();
    let at = format!("the nearest sentence, in paragraph {}", sentence.paragraph);
    Some(match (cited.get(same), have.get(same)) {
        (Some(ours), Some(theirs)) => {
            format!("{at}, has \"{theirs}\" where the source has \"{ours}\"")
        }
        (Some(ours), None) => format!("{at}, ends where the source has \"{ours}\""),
        // The same words in other spelling or punctuation.
        _ => format!(
            "{at}, has the same words written differently: check quotes, dashes and punctuation"
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Ferry fire\n\nThe fire broke out at about 7.15am on the first crossing. The crew were safe.\n\nThe ship will be repaired on the Clyde.\n";

    fn hint(source: &str) -> Option<String> {
        nearest_hint(&Article::parse(ARTICLE), source)
    }

    #[test]
    fn a_changed_word_is_named_with_the_articles_word() {
        assert_eq!(
            hint("The fire broke out at around 7.15am on the first crossing.").as_deref(),
            Some(
                "the nearest sentence, in paragraph 1, has \"about\" where the source has \"around\""
            )
        );
        assert_eq!(
            hint("The ship will be repaired on the Clyde in April.").as_deref(),
            Some("the nearest sentence, in paragraph 2, ends where the source has \"in\"")
        );
    }

    #[test]
    fn same_words_in_other_punctuation_are_pointed_at() {
        let hint = hint("The ship will be repaired - on the Clyde!").unwrap_or_default();
        assert!(hint.contains("paragraph 2"), "{hint}");
        assert!(hint.contains("written differently"), "{hint}");
    }

    #[test]
    fn a_source_from_another_text_gets_no_hint() {
        assert_eq!(hint("Germany sent helmets to Ukraine."), None);
    }
}
