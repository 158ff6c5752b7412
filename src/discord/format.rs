//! Engine replies as Discord message text: the answer, the quoted source
//! sentence and its paragraph, suggestions as buttons, and every text cut to
//! fit Discord's limits on a sentence boundary, keeping the citation.

use std::time::Duration;

use poise::serenity_prelude as serenity;
use serenity::{ButtonStyle, CreateActionRow, CreateAllowedMentions, CreateButton};

use crate::engine::{Answer, Citation, NoAnswer, Reply, Suggestion};
use crate::knowledge::Knowledge;
use crate::render::{no_answer_text, other_doer_text, paragraph_label};
use crate::text::split_sentences;

/// Longest message content Discord accepts, in characters.
pub const MAX_CONTENT: usize = 2000;

/// Longest button label Discord accepts, in characters.
pub const MAX_LABEL: usize = 80;

/// Longest component custom id Discord accepts, in characters.
pub const MAX_CUSTOM_ID: usize = 100;

/// Most suggestions offered as buttons.
pub const MAX_SUGGESTIONS: usize = 3;

/// Prefix of the custom id of a suggestion button; the fact id follows.
const SUGGESTION_PREFIX: &str = "citebot:fact:";

/// A message to send: its text and, when unsure, the suggestion buttons
/// (custom id and label of each).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// The message content, at most [`MAX_CONTENT`] characters.
    pub content: String,
    /// Suggestion buttons: (custom id, label).
    pub buttons: Vec<(String, String)>,
}

impl Outgoing {
    /// A message with text only.
    pub fn text(content: impl Into<String>) -> Outgoing {
        Outgoing {
            content: fit(&content.into(), MAX_CONTENT),
            buttons: Vec::new(),
        }
    }

    /// The buttons as one action row, or none.
    pub fn components(&self) -> Vec<CreateActionRow> {
        if self.buttons.is_empty() {
            return Vec::new();
        }
        let buttons = self
            .buttons
            .iter()
            .map(|(id, label)| {
                CreateButton::new(id.clone())
                    .label(label.clone())
                    .style(ButtonStyle::Secondary)
            })
            .collect();
        vec![CreateActionRow::Buttons(buttons)]
    }
}

/// Allowed mentions that allow nothing: no @everyone, no roles, no users, and
/// no ping of the author of the message replied to.
pub fn no_pings() -> CreateAllowedMentions {
    CreateAllowedMentions::new().replied_user(false)
}

/// The message for an engine reply.
pub fn reply(reply: &Reply) -> Outgoing {
    match reply {
        Reply::Answered(answer) => Outgoing::text(answer_text(answer)),
        Reply::Unsure(suggestions) => unsure(suggestions),
        Reply::Unknown(NoAnswer::OtherDoer(found)) => {
            Outgoing::text(cited(&other_doer_text(found), &found.citation))
        }
        Reply::Unknown(reason) => Outgoing::text(no_answer_text(reason)),
        Reply::Greeting(text) => Outgoing::text(text.clone()),
    }
}

/// An answer with its evidence: our words, the quoted sentence, its paragraph.
/// When too long, the answer is cut and the citation kept.
pub fn answer_text(answer: &Answer) -> String {
    let lead = if answer.fact.is_none() || answer.text == answer.citation.sentence {
        "The article says:".to_string()
    } else {
        answer.text.clone()
    };
    cited(&lead, &answer.citation)
}

/// A lead text followed by the quoted sentence and its paragraph; the lead
/// is cut when too long, the citation kept.
fn cited(lead: &str, citation: &Citation) -> String {
    let citation = format!(
        "> {}\n— {}",
        fit(&escape_markdown(&citation.sentence), MAX_CONTENT / 2),
        paragraph_label(citation.paragraph)
    );
    let budget = MAX_CONTENT.saturating_sub(citation.chars().count() + 1);
    format!("{}\n{citation}", fit(lead, budget))
}

fn unsure(suggestions: &[Suggestion]) -> Outgoing {
    let buttons: Vec<(String, String)> = suggestions
        .iter()
        .filter_map(|s| Some((suggestion_id(&s.fact)?, label(&s.intent))))
        .take(MAX_SUGGESTIONS)
        .collect();
    let content = if buttons.is_empty() {
        "I'm not sure what you are asking. Could you say it another way? /topics lists what the article covers."
    } else {
        "I'm not sure which part of the article you mean. Did you mean one of these?"
    };
    Outgoing {
        content: content.to_string(),
        buttons,
    }
}

/// A button label: the text, cut to fit.
fn label(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(MAX_LABEL - 1).collect();
    if chars.next().is_none() {
        text.to_string()
    } else {
        format!("{}…", head.trim_end())
    }
}

/// The custom id of the button for a fact, if the fact id fits in one.
pub fn suggestion_id(fact: &str) -> Option<String> {
    let id = format!("{SUGGESTION_PREFIX}{fact}");
    (id.chars().count() <= MAX_CUSTOM_ID).then_some(id)
}

/// The fact id of a suggestion button's custom id.
pub fn parse_suggestion_id(custom_id: &str) -> Option<&str> {
    custom_id
        .strip_prefix(SUGGESTION_PREFIX)
        .filter(|id| !id.is_empty())
}

/// Paragraph `n` of the article, quoted, with its label.
pub fn quote(n: usize, paragraph: &str) -> String {
    let label = format!("\n— {}", paragraph_label(n));
    let body = fit(
        &escape_markdown(paragraph),
        MAX_CONTENT - 4 - label.chars().count(),
    );
    format!(">>> {body}{label}")
}

/// The list of topics, with how many facts each has.
pub fn topics(knowledge: &Knowledge) -> String {
    let mut out = format!("**Topics of “{}”**\n", knowledge.meta.title);
    for topic in &knowledge.topics {
        let facts = knowledge.facts_in(&topic.id);
        out.push_str(&format!(
            "• **{}** (`{}`): {facts} fact{}\n",
            topic.title,
            topic.id,
            if facts == 1 { "" } else { "s" }
        ));
    }
    out.push_str("Use `/summary topic:<id>` for one topic, or just ask a question.");
    fit_lines(&out, MAX_CONTENT)
}

/// A summary with a heading.
pub fn summary(heading: &str, text: &str) -> String {
    let heading = format!("**{heading}**\n");
    let body = fit(text, MAX_CONTENT - heading.chars().count());
    format!("{heading}{body}")
}

/// The notice for a user over the rate limit.
pub fn rate_limit_notice(limit: u32, window: Duration) -> String {
    let window = match window.as_secs() {
        60 => "a minute".to_string(),
        s => format!("{s} seconds"),
    };
    format!(
        "You're asking faster than I can answer: up to {limit} questions per {window}. I'll answer again shortly."
    )
}

/// Escapes the characters that Discord would read as formatting, so quoted
/// text shows as written.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '~' | '`' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Cuts `text` to at most `max` characters, after the last whole sentence
/// that fits, and marks the cut with `…`. A first sentence longer than `max`
/// is cut after a word.
pub fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let budget = max.saturating_sub(2); // room for " …"
    let base = text.as_ptr() as usize;
    let mut best = None;
    'lines: for line in text.split_inclusive('\n') {
        for sentence in split_sentences(line) {
            let end = sentence.as_ptr() as usize - base + sentence.len();
            if text[..end].chars().count() > budget {
                break 'lines;
            }
            best = Some(end);
        }
    }
    let cut = match best {
        Some(end) => &text[..end],
        None => {
            let head_end = text
                .char_indices()
                .nth(budget)
                .map_or(text.len(), |(i, _)| i);
            let head = &text[..head_end];
            head.rfind(char::is_whitespace).map_or(head, |i| &head[..i])
        }
    };
    format!("{} …", cut.trim_end())
}

/// Cuts text of several lines after the last whole line that fits.
pub fn fit_lines(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for line in text.lines() {
        if out.chars().count() + line.chars().count() + 3 > max {
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Citation, NoAnswer};

    fn answer(text: &str, sentence: &str) -> Answer {
        Answer {
            fact: Some("f".into()),
            text: text.into(),
            citation: Citation {
                sentence: sentence.into(),
                paragraph: 3,
            },
            score: 0.9,
        }
    }

    #[test]
    fn answer_quotes_sentence_and_paragraph() {
        let text = answer_text(&answer(
            "About $200 million.",
            "The U.S. sent $200 million in aid.",
        ));
        assert_eq!(
            text,
            "About $200 million.\n> The U.S. sent $200 million in aid.\n— paragraph 3"
        );
    }

    #[test]
    fn long_answer_is_cut_on_a_sentence_and_keeps_the_citation() {
        let long = "This is one sentence of the answer. ".repeat(100);
        let text = answer_text(&answer(&long, "The quoted sentence."));
        assert!(text.chars().count() <= MAX_CONTENT);
        assert!(text.ends_with("> The quoted sentence.\n— paragraph 3"));
        assert!(text.contains("of the answer. …\n"), "{text}");
    }

    #[test]
    fn fit_cuts_a_single_long_sentence_after_a_word() {
        let long = "word ".repeat(1000);
        let cut = fit(&long, 50);
        assert!(cut.chars().count() <= 50);
        assert!(cut.ends_with("word …"));
    }

    #[test]
    fn fit_does_not_cut_after_an_abbreviation() {
        let text = "The U.S. Ambassador delivered it. Then more text follows here.";
        assert_eq!(fit(text, 40), "The U.S. Ambassador delivered it. …");
    }

    #[test]
    fn unsure_offers_buttons_with_short_labels() {
        let s = |fact: &str, intent: &str| Suggestion {
            fact: fact.into(),
            intent: intent.into(),
            score: 0.4,
        };
        let out = reply(&Reply::Unsure(vec![
            s("a", "how much aid"),
            s("b", &"x".repeat(200)),
            s("c", "c"),
            s("d", "d"),
        ]));
        assert_eq!(out.buttons.len(), 3);
        assert_eq!(
            out.buttons[0],
            ("citebot:fact:a".to_string(), "how much aid".to_string())
        );
        assert!(out.buttons[1].1.chars().count() <= MAX_LABEL);
        assert_eq!(parse_suggestion_id(&out.buttons[2].0), Some("c"));
    }

    #[test]
    fn unknown_points_to_topics() {
        assert!(
            reply(&Reply::Unknown(NoAnswer::NotCovered))
                .content
                .contains("/topics")
        );
    }

    #[test]
    fn markdown_in_quotes_shows_as_written() {
        assert_eq!(escape_markdown("a*b_c"), "a\\*b\\_c");
    }
}
