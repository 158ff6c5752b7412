//! Greetings, thanks and requests for help: answered with a short friendly
//! text naming the commands, never with a citation. The phrases are
//! `assets/lang/smalltalk.txt`.

use crate::lexicon;

/// What a greeting, thanks or help request calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Smalltalk {
    /// A greeting or a request for help: the help text, which names the
    /// loaded article and draws its examples from its knowledge.
    Help,
    /// Thanks.
    Thanks,
}

/// What citebot says when greeted or asked what it can do: the article's
/// title and up to two example questions from its knowledge (in each of the
/// first topics, the first intent `offered` reads as a question an admin
/// wrote; a drafted knowledge has none and points at "what is this about?"
/// and /topics). Names only the commands the chat and Discord both have.
pub fn help_text<'k>(
    knowledge: &'k crate::knowledge::Knowledge,
    offered: impl Fn(usize) -> Option<&'k String>,
) -> String {
    let mut examples: Vec<String> = Vec::new();
    for topic in &knowledge.topics {
        let first = (0..knowledge.facts.len())
            .filter(|&i| knowledge.facts[i].topic == topic.id)
            .find_map(&offered);
        if let Some(intent) = first {
            let ends = intent.ends_with(['?', '.', '!']);
            examples.push(format!("“{intent}{}”", if ends { "" } else { "?" }));
        }
        if examples.len() == 2 {
            break;
        }
    }
    // A drafted knowledge's intents are word lists, no questions to show.
    let examples = match examples.as_slice() {
        [] => ", e.g. “what is this about?” (/topics lists what it covers)".to_string(),
        [one] => format!(", e.g. {one}"),
        [one, two, ..] => format!(", e.g. {one} or {two}"),
    };
    format!(
        "Hi! I answer questions about one news article, “{}”, and quote the sentence each answer \
comes from. Ask me anything about it{examples}. Commands: /summary, /topics, /quote, /help.",
        knowledge.meta.title
    )
}

/// What citebot says when thanked.
pub const THANKS_TEXT: &str = "You're welcome! Ask me anything else about the article.";

/// The friendly reply for a greeting, thanks or help request, if the message is one.
pub fn reply(words: &[&str]) -> Option<Smalltalk> {
    if words.len() > 6 {
        return None;
    }
    let mut text = words.join(" ");
    for name in lexicon::smalltalk_phrases("bot-names") {
        if let Some(rest) = text.strip_suffix(name).and_then(|t| t.strip_suffix(' ')) {
            text.truncate(rest.len());
            break;
        }
    }
    let says = |section: &str| lexicon::smalltalk_phrases(section).contains(&text.as_str());
    if says("greetings") || says("help") {
        Some(Smalltalk::Help)
    } else if says("thanks") {
        Some(Smalltalk::Thanks)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::test_words as words;

    fn reply_to(message: &str) -> Option<Smalltalk> {
        reply(&words(message))
    }

    #[test]
    fn help_shows_only_questions_people_would_ask() {
        let article =
            "Bridge opens\n\nThe new bridge opened on Monday. It cost 40 million euros.\n";
        let toml = crate::draft::draft(article).expect("drafted");
        let k = crate::knowledge::load_str(std::path::Path::new("kb"), &toml, article)
            .unwrap_or_else(|e| panic!("{e}"));
        let help = crate::Engine::new(k).help_text();
        // Not a drafted word list such as "when new bridge opened monday".
        assert!(help.contains("“what is this about?”"), "{help}");
        assert!(!help.contains("monday"), "{help}");
    }

    #[test]
    fn greets_and_helps_without_citing() {
        assert_eq!(reply_to("hi!"), Some(Smalltalk::Help));
        assert_eq!(reply_to("What can you do?"), Some(Smalltalk::Help));
        assert_eq!(reply_to("thanks"), Some(Smalltalk::Thanks));
        assert_eq!(reply_to("hi, how much aid did the us send?"), None);
    }

    #[test]
    fn a_bot_name_at_the_end_changes_nothing() {
        assert_eq!(reply_to("thanks citebot"), Some(Smalltalk::Thanks));
        assert_eq!(reply_to("hello citebot"), Some(Smalltalk::Help));
        // Only a whole trailing word is the bot's name.
        assert_eq!(reply_to("thanks xcitebot"), None);
    }

    #[test]
    fn every_smalltalk_section_has_phrases() {
        for section in ["greetings", "help", "thanks", "bot-names"] {
            assert!(
                !lexicon::smalltalk_phrases(section).is_empty(),
                "assets/lang/smalltalk.txt lacks [{section}]"
            );
        }
    }
}
