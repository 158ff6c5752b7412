//! Questions about the article as a publication (who wrote it, where and
//! when it was published, a link to it): answered from the knowledge's
//! `[article]` metadata, never with a sentence of the article, which says
//! nothing about its own byline. Without this, "when was this published"
//! cites the sentence that gives the day the events took place.
//! Questions about its subject ("what is this about?", "what's the
//! headline?") that no fact answers get the knowledge's summary or headline.

use crate::engine::{Answer, Citation};
use crate::knowledge::{ArticleMeta, Knowledge};
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
/// the article is about ("when did Russia publish it", "when will the
/// council publish its report": a known name, or a word the knowledge uses
/// that [`could_name_its_world`]): then it asks about a text in the story,
/// not about the article. It is called only for a
/// message that asks about a publication at all.
pub fn reply(
    words: &[&str],
    meta: &ArticleMeta,
    names_its_world: impl FnOnce() -> bool,
) -> Option<String> {
    let asked = publication_asked(words)?;
    if names_its_world() {
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

/// True when the message asks about the article itself: its author,
/// outlet, date, link, subject or headline ("who wrote this?", "what is it
/// about?"). A conversation reads such a message with the previous
/// question first, since "it" may be what was just asked about.
pub fn asks_about_article(words: &[&str]) -> bool {
    publication_asked(words).is_some() || subject_asked(words).is_some()
}

/// True when a word of a question about the publication could name
/// something in the story rather than the article: it is no stop word,
/// question word or filler, and no word of the lists that name the article
/// or ask about it as a publication ("when will the council publish its
/// report": "council" is such a word, so the report is the story's). The
/// caller checks that the knowledge uses the word.
pub fn could_name_its_world(word: &str) -> bool {
    let classes = language().classes(word);
    !classes.is_stopword()
        && !ASKS.iter().any(|&(list, _)| classes.has(list))
        && ![
            List::Question,
            List::Fillers,
            List::PublicationWords,
            List::ArticleWords,
            List::ArticleSubject,
            List::ArticleSubjectWords,
            List::ArticleHeadline,
        ]
        .into_iter()
        .any(|list| classes.has(list))
}

/// What the words ask about the publication: a word asking for its author,
/// outlet, date or link, with a word naming the article and no written
/// thing of the story ("who wrote the letter" is about the story).
fn publication_asked(words: &[&str]) -> Option<Asked> {
    let lang = language();
    // Each word's lists, read once for every list asked about below.
    let mut asked = None;
    let (mut names_article, mut names_written) = (false, false);
    for w in words {
        let classes = lang.classes(w);
        if asked.is_none() {
            asked = ASKS
                .iter()
                .find(|&&(list, _)| classes.has(list))
                .map(|&(_, a)| a);
        }
        names_article |= classes.has(List::ArticleWords);
        names_written |= classes.has(List::WrittenThings);
    }
    (names_article && !names_written).then_some(asked?)
}

/// What a question about the article's subject asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// What the article is about ("what is this about?", "tldr").
    Summary,
    /// Its headline ("what's the headline?").
    Headline,
}

/// What the message asks about the article's subject, when it asks nothing
/// else: every word is a stop word, a question word, a word naming the
/// article or a word of such questions ("give me the gist of the story"),
/// and one asks for the summary or the headline. "What did Blinken say
/// about it" names something of the article, so it is not one.
pub fn subject_asked(words: &[&str]) -> Option<Subject> {
    let lang = language();
    let (mut headline, mut summary) = (false, false);
    for w in words {
        let classes = lang.classes(w);
        let plain = classes.is_stopword()
            || [
                List::Question,
                List::Fillers,
                List::ArticleWords,
                List::ArticleSubjectWords,
                List::ArticleSubject,
                List::ArticleHeadline,
            ]
            .into_iter()
            .any(|list| classes.has(list));
        if !plain {
            return None;
        }
        headline |= classes.has(List::ArticleHeadline);
        summary |= classes.has(List::ArticleSubject);
    }
    if headline {
        Some(Subject::Headline)
    } else if summary {
        Some(Subject::Summary)
    } else {
        None
    }
}

/// The answer to a question about the article's subject: the knowledge's
/// short summary, or the headline, cited with the headline (the article's
/// first sentence). Asked when no fact answers, so a knowledge file that
/// writes its own answer for "what is this about" keeps it, and any
/// drafted article can still say what it is about.
pub fn subject_answer(subject: Subject, knowledge: &Knowledge) -> Option<Answer> {
    let headline = knowledge.article.sentences.first()?;
    let text = match subject {
        Subject::Summary if !knowledge.summary_short.trim().is_empty() => {
            knowledge.summary_short.clone()
        }
        Subject::Summary | Subject::Headline => {
            let title = knowledge.meta.title.trim();
            // A headline ending in its own stop is not given a second one.
            let stop = if title.ends_with(['.', '?', '!']) {
                ""
            } else {
                "."
            };
            format!("The headline is “{title}”{stop}")
        }
    };
    Some(Answer {
        fact: None,
        text,
        citation: Citation {
            sentence: headline.text.clone(),
            paragraph: headline.paragraph,
        },
        score: 1.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::test_words as words;

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
        let names = || words.iter().any(|&w| w == "russia" || w == "blinken");
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

    #[test]
    fn reads_questions_about_the_articles_subject() {
        let asked = |q: &str| subject_asked(&words(q));
        assert_eq!(asked("What is this article about?"), Some(Subject::Summary));
        assert_eq!(asked("what is it about"), Some(Subject::Summary));
        assert_eq!(
            asked("give me the gist of the story"),
            Some(Subject::Summary)
        );
        assert_eq!(asked("tldr please"), Some(Subject::Summary));
        assert_eq!(asked("so what happened?"), Some(Subject::Summary));
        assert_eq!(asked("what's the news"), Some(Subject::Summary));
        assert_eq!(asked("what's the headline?"), Some(Subject::Headline));
    }

    #[test]
    fn leaves_questions_about_the_articles_world_alone() {
        let asked = |q: &str| subject_asked(&words(q));
        assert_eq!(asked("what did blinken say about it"), None);
        assert_eq!(asked("how do people feel about this"), None);
        assert_eq!(asked("what is the letter about"), None);
        assert_eq!(asked("what happened to the ransom"), None);
        assert_eq!(asked("what is this"), None);
        assert_eq!(asked(""), None);
    }
}
