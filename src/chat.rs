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
            ("/ask", question) if !question.trim().is_empty() => {
                return self.ask(engine, question.trim());
            }
            ("/ask", _) => "Ask what? Type the question, with or without /ask.".to_string(),
            (command, _) if is_command(command) => unknown_command(command),
            _ => return self.ask(engine, line),
        };
        Step::Say(text)
    }

    /// A question: the conversation's reply, with the suggestions it offers
    /// kept for a bare number to pick.
    fn ask(&mut self, engine: &Engine, line: &str) -> Step {
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
        Step::Answered(text, reply)
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

/// Whether `word` looks like a slash command (`/reload`), not a question
/// that happens to start with a slash.
fn is_command(word: &str) -> bool {
    word.strip_prefix('/')
        .is_some_and(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// The reply to a slash command the chat does not have: the Discord-only
/// ones say what does their job on the command line, and nothing is asked
/// or logged as a question.
fn unknown_command(command: &str) -> String {
    let hint = match command {
        "/reload" => {
            " The chat reads the knowledge when it starts: leave it (/quit) and start it again \
             to load your edits (`citebot check` first)."
        }
        "/unanswered" => " On the command line: `citebot unanswered` (with --knowledge DIR).",
        "/teach" => {
            " On the command line: `citebot teach \"QUESTION\" FACT_ID` (with --knowledge DIR)."
        }
        _ => "",
    };
    format!(
        "The chat has no {command}: type /summary, /topics, /quote N, /help or /quit, or just ask.{hint}"
    )
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

    #[test]
    fn a_discord_only_command_is_not_taken_for_a_question() {
        let engine = engine();
        let mut chat = Chat::default();
        for command in ["/reload", "/unanswered", "/teach 3 fact-1", "/frobnicate"] {
            match chat.step(&engine, command) {
                Step::Say(text) => assert!(text.contains("The chat has no /"), "{text}"),
                other => panic!("{command} was asked as a question: {other:?}"),
            }
        }
        let Step::Say(text) = chat.step(&engine, "/reload") else {
            panic!("/reload was asked");
        };
        assert!(text.contains("start it again"), "{text}");
    }

    #[test]
    fn slash_ask_asks_the_rest_of_the_line() {
        let engine = engine();
        let mut chat = Chat::default();
        let plain = chat.step(&engine, "how much aid did the US send?");
        let slashed = Chat::default().step(&engine, "/ask how much aid did the US send?");
        assert!(matches!(slashed, Step::Answered(..)), "{slashed:?}");
        assert_eq!(plain, slashed);
    }
}
