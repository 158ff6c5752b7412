//! Questions about the article as a publication (who wrote it, where and
//! when it was published, a link to it): answered from the knowledge's
//! `[article]` metadata, never with a sentence of the article, which says
//! nothing about its own byline. Without this, "when was this published"
//! cites the sentence that gives the day the events took place.

use crate::knowledge::ArticleMeta;

/// What a question about the publication asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asked {
    Author,
    Outlet,
    Published,
    Link,
}

/// Words that ask for something about the publication, and what.
const ASKS: &[(&str, Asked)] = &[
    ("author", Asked::Author),
    ("authors", Asked::Author),
    ("wrote", Asked::Author),
    ("writer", Asked::Author),
    ("byline", Asked::Author),
    ("outlet", Asked::Outlet),
    ("publisher", Asked::Outlet),
    ("website", Asked::Outlet),
    ("site", Asked::Outlet),
    ("published", Asked::Published),
    ("publish", Asked::Published),
    ("publication", Asked::Published),
    ("posted", Asked::Published),
    ("url", Asked::Link),
    ("link", Asked::Link),
];

/// Words that name the article itself.
const ARTICLE_WORDS: &[&str] = &["article", "story", "piece", "this", "it", "report"];

/// Words that name something in the article that can also be written or
/// published ("who wrote the letter", "the treaty it published").
const OTHER_TEXTS: &[&str] = &[
    "letter", "response", "reply", "document", "memo", "treaty", "draft", "answer", "paper",
    "russia", "moscow", "kremlin",
];

/// The reply to a question about the publication, if the message is one.
pub fn reply(words: &[String], meta: &ArticleMeta) -> Option<String> {
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let asked = words
        .iter()
        .find_map(|w| ASKS.iter().find(|(word, _)| word == w).map(|&(_, a)| a))?;
    if !has(ARTICLE_WORDS) || has(OTHER_TEXTS) {
        return None;
    }
    Some(match asked {
        Asked::Author => format!(
            "The article's text does not name its author. Its headline is “{}”.",
            meta.title
        ),
        Asked::Outlet => match &meta.outlet {
            Some(outlet) => format!("It was published by {outlet}."),
            None => "The article's text does not name the outlet that published it.".to_string(),
        },
        Asked::Published => match &meta.date {
            Some(date) => format!(
                "The article's text does not say when it was published; the knowledge file dates it {date}."
            ),
            None => "The article's text does not say when it was published.".to_string(),
        },
        Asked::Link => match &meta.url {
            Some(url) => format!("The article is at {url}."),
            None => "I don't have a link to the article.".to_string(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    fn meta(outlet: Option<&str>) -> ArticleMeta {
        ArticleMeta {
            title: "US delivers written response".to_string(),
            outlet: outlet.map(str::to_string),
            url: None,
            date: Some("2022-01-26".to_string()),
        }
    }

    fn ask(q: &str, outlet: Option<&str>) -> Option<String> {
        reply(&words(q), &meta(outlet))
    }

    #[test]
    fn says_what_the_metadata_lacks() {
        let published = ask("When was this piece published?", None).unwrap_or_default();
        assert!(published.contains("does not say when"), "{published}");
        assert!(published.contains("2022-01-26"), "{published}");
        let author = ask("who wrote this article", None).unwrap_or_default();
        assert!(author.contains("does not name its author"), "{author}");
    }

    #[test]
    fn names_the_outlet_when_the_knowledge_has_it() {
        let outlet = ask("what site is this story from", Some("The Hill")).unwrap_or_default();
        assert!(outlet.contains("The Hill"), "{outlet}");
    }

    #[test]
    fn leaves_questions_about_the_documents_in_the_article_alone() {
        assert_eq!(ask("who wrote the letter", None), None);
        assert_eq!(ask("when did russia publish its draft treaty", None), None);
        assert_eq!(ask("what did blinken say about it", None), None);
    }
}
