//! Questions about the article as a publication (who wrote it, where and
//! when it was published, a link to it): answered from the knowledge's
//! `[article]` metadata, never with a sentence of the article, which says
//! nothing about its own byline. Without this, "when was this published"
//! cites the sentence that gives the day the events took place.

use crate::knowledge::ArticleMeta;
use crate::language::{List, language};

/// What a question about the publication asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asked {
    Author,
    Outlet,
    Published,
    Link,
}

/// The lists of words that ask for something about the publication, and what.
const ASKS: [(List, Asked); 4] = [
    (List::PublicationAuthor, Asked::Author),
    (List::PublicationOutlet, Asked::Outlet),
    (List::PublicationDate, Asked::Published),
    (List::PublicationLink, Asked::Link),
];

/// The reply to a question about the publication, if the message is one.
///
/// `names_its_world` tells whether the message names someone or something
/// the article is about ("when did Russia publish it"): then it asks about
/// a text in the story, not about the article. It is called only for a
/// message that asks about a publication at all.
pub fn reply(
    words: &[String],
    meta: &ArticleMeta,
    names_its_world: impl FnOnce() -> bool,
) -> Option<String> {
    let lang = language();
    let has = |list: List| words.iter().any(|w| lang.in_list(list, w));
    let asked = words.iter().find_map(|w| {
        ASKS.iter()
            .find(|&&(list, _)| lang.in_list(list, w))
            .map(|&(_, a)| a)
    })?;
    if !has(List::ArticleWords) || has(List::WrittenThings) || names_its_world() {
        return None;
    }
    Some(match asked {
        Asked::Author => match &meta.author {
            Some(author) => format!("It was written by {author}."),
            None => format!(
                "The article's text does not name its author. Its headline is “{}”.",
                meta.title
            ),
        },
        Asked::Outlet => match &meta.outlet {
            Some(outlet) => format!("It was published by {outlet}."),
            None => "The article's text does not name the outlet that published it.".to_string(),
        },
        Asked::Published => match &meta.date {
            Some(date) => format!("It is dated {date}."),
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
            author: None,
            outlet: outlet.map(str::to_string),
            url: None,
            date: Some("2022-01-26".to_string()),
            later_events_unknown: false,
        }
    }

    /// Asks with "russia" and "blinken" as the names of the article's world.
    fn ask(q: &str, outlet: Option<&str>) -> Option<String> {
        let words = words(q);
        let names = || words.iter().any(|w| w == "russia" || w == "blinken");
        reply(&words, &meta(outlet), names)
    }

    #[test]
    fn says_what_the_metadata_lacks() {
        let published = ask("When was this piece published?", None).unwrap_or_default();
        assert_eq!(published, "It is dated 2022-01-26.");
        let author = ask("who wrote this article", None).unwrap_or_default();
        assert!(author.contains("does not name its author"), "{author}");
    }

    #[test]
    fn names_the_author_when_the_knowledge_has_one() {
        let words = words("who wrote this article");
        let with_author = ArticleMeta {
            author: Some("Jane Doe".to_string()),
            ..meta(None)
        };
        assert_eq!(
            reply(&words, &with_author, || false).as_deref(),
            Some("It was written by Jane Doe.")
        );
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
        assert_eq!(ask("when did russia post it", None), None);
        assert!(ask("when was it posted", None).is_some());
    }
}
