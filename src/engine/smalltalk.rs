//! Greetings, thanks and requests for help: answered with a short friendly
//! text naming the commands, never with a citation.

/// What citebot says when greeted or asked what it can do.
pub const HELP_TEXT: &str = "Hi! I answer questions about one news article and quote the sentence each answer \
comes from. Ask me anything about it, e.g. \"how much aid did the US send?\". \
Commands: /ask, /summary, /topics, /quote, /help.";

const THANKS_TEXT: &str = "You're welcome! Ask me anything else about the article.";

/// The friendly reply for a greeting, thanks or help request, if the message is one.
pub fn reply(words: &[String]) -> Option<&'static str> {
    if words.len() > 6 {
        return None;
    }
    let text = words.join(" ");
    const GREETINGS: &[&str] = &[
        "hi",
        "hello",
        "hey",
        "heya",
        "hiya",
        "yo",
        "sup",
        "howdy",
        "good morning",
        "good afternoon",
        "good evening",
        "hi there",
        "hello there",
        "hey there",
        "hey bot",
        "hi bot",
        "hello bot",
        "gm",
    ];
    const HELP: &[&str] = &[
        "help",
        "what can you do",
        "what do you do",
        "who are you",
        "what are you",
        "how do i use this",
        "how does this work",
        "commands",
        "what commands",
        "how do you work",
        "what can i ask",
        "what can i ask you",
        "what should i ask",
        "what are you for",
        "usage",
    ];
    const THANKS: &[&str] = &[
        "thanks",
        "thank you",
        "thx",
        "ty",
        "cheers",
        "thanks bot",
        "thank you bot",
        "ok thanks",
    ];
    let strip = |t: &str| t.trim_end_matches(" citebot").to_string();
    let text = strip(&text);
    if GREETINGS.contains(&text.as_str()) || HELP.contains(&text.as_str()) {
        Some(HELP_TEXT)
    } else if THANKS.contains(&text.as_str()) {
        Some(THANKS_TEXT)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    fn reply_to(message: &str) -> Option<&'static str> {
        reply(&words(message))
    }

    #[test]
    fn greets_and_helps_without_citing() {
        assert_eq!(reply_to("hi!"), Some(HELP_TEXT));
        assert_eq!(reply_to("What can you do?"), Some(HELP_TEXT));
        assert_eq!(reply_to("thanks"), Some(THANKS_TEXT));
        assert_eq!(reply_to("hi, how much aid did the us send?"), None);
    }
}
