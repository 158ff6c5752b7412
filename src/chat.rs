//! The local chat (`citebot chat`): one typed line in, one reply out. The
//! commands are the chat's own (`/summary`, `/topics`, `/quote N`, `/help`,
//! `/quit`); a bare number picks one of the suggestions just offered.

use crate::conversation::Conversation;
use crate::engine::{Engine, Reply};
use crate::render;

/// What the chat does with a line.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Print this and read the next line.
    Say(String),
    /// Print this answer to a question (the engine's reply, for the
    /// question log) and read the next line.
    Answered(String, Reply),
    /// Leave the chat.
    Quit,
}

/// The chat's memory between lines: the suggestions last offered (fact and
/// the intent shown) and the conversation that follow-ups lean on.
#[derive(Debug, Default)]
pub struct Chat {
    offered: Vec<(String, String)>,
    conversation: Conversation,
}

/// The chat's first line, naming the loaded article and the commands.
pub fn banner(engine: &Engine) -> String {
    format!(
        "citebot: ask about \"{}\". Type /summary, /topics, /quote N, /help, or /quit.",
        engine.knowledge().meta.title
    )
}

impl Chat {
    /// Replies to one line (already trimmed, not empty).
    pub fn step(&mut self, engine: &Engine, line: &str) -> Step {
        let knowledge = engine.knowledge();
        let text = match line.split_once(' ').unwrap_or((line, "")) {
            ("/quit" | "/exit", _) => return Step::Quit,
            ("/help", _) => engine.help_text(),
            ("/summary", "long") => knowledge.summary_long.clone(),
            ("/summary", "") => knowledge.summary_short.clone(),
            ("/summary", topic) => knowledge.topic(topic).map_or_else(
                || format!("No topic `{topic}`; see /topics."),
                |t| t.summary.clone(),
            ),
            ("/topics", _) => render::topic_table(knowledge),
            ("/quote", n) => match n
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|n| Some((n, knowledge.article.paragraph(n)?)))
            {
                Some((n, p)) => format!("{p}\n  ({})", render::paragraph_label(n)),
                None => format!(
                    "The article has paragraphs 0 to {}.",
                    knowledge.article.paragraphs.len().saturating_sub(1)
                ),
            },
            (pick, "") if pick.parse::<usize>().is_ok() => self.pick(engine, pick),
            _ => {
                let reply = self.conversation.ask(engine, line);
                self.offered = match &reply {
                    Reply::Unsure(suggestions) => suggestions
                        .iter()
                        .map(|s| (s.fact.clone(), s.intent.clone()))
                        .collect(),
                    _ => Vec::new(),
                };
                let mut text = render::plain(&reply);
                if !self.offered.is_empty() {
                    text.push_str("\n(type a number to pick one)");
                }
                return Step::Answered(text, reply);
            }
        };
        Step::Say(text)
    }

    /// A bare number: one of the suggestions offered, if it is one.
    fn pick(&mut self, engine: &Engine, number: &str) -> String {
        let n = number.parse::<usize>().unwrap_or(0);
        if !(1..=self.offered.len()).contains(&n) {
            return match self.offered.len() {
                0 => format!("There is no suggestion {number} to pick; ask a question."),
                len => format!("Pick a suggestion from 1 to {len}, or ask a question."),
            };
        }
        let (fact, intent) = &self.offered[n - 1];
        let reply = engine.answer_fact(fact).map(Reply::Answered);
        // The picked suggestion becomes the question follow-ups lean on.
        if let Some(Reply::Answered(a)) = &reply {
            self.conversation.remember(intent, Some(&a.text));
        }
        self.offered.clear();
        reply.map_or_else(
            || "That suggestion is gone; ask again.".to_string(),
            |r| render::plain(&r),
        )
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::knowledge::load_dir;

    fn engine() -> Engine {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
        Engine::new(load_dir(&dir).unwrap_or_else(|e| panic!("{e}")))
    }

    fn say(step: Step) -> String {
        match step {
            Step::Say(text) | Step::Answered(text, _) => text,
            Step::Quit => panic!("the chat quit"),
        }
    }

    #[test]
    fn a_number_with_nothing_on_offer_is_not_read_as_a_question() {
        let engine = engine();
        let mut chat = Chat::default();
        let text = say(chat.step(&engine, "2"));
        assert_eq!(text, "There is no suggestion 2 to pick; ask a question.");
    }

    #[test]
    fn the_chat_advertises_only_commands_it_has() {
        let engine = engine();
        let mut chat = Chat::default();
        for text in [banner(&engine), say(chat.step(&engine, "/help"))] {
            assert!(!text.contains("/ask"), "{text}");
            assert!(text.contains("/summary"), "{text}");
        }
        assert_eq!(chat.step(&engine, "/quit"), Step::Quit);
    }
}
