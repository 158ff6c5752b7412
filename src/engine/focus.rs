//! Finding the question in a long message. People often write a few
//! sentences about themselves before they ask ("I've only skimmed the news
//! and my group chat keeps arguing about it. How much aid did the US
//! send?"). Every word of that preamble the knowledge lacks would count
//! against every fact, so the preamble is set aside and the question
//! sentence is what gets matched.

use crate::language::{List, language};
#[cfg(test)]
use crate::text::words;
use crate::text::{Words, is_ascii_space, is_stopword, split_sentences};

/// Fewest content words a question sentence needs to stand on its own;
/// with fewer ("Why?", "What about it?") the preamble is what it is about.
const MIN_CONTENT_WORDS: usize = 2;

/// The words of a message to match: those of its question sentence when it
/// has a preamble, else all of them.
///
/// The question sentence is the last one ending with a question mark, or
/// failing that the last one that opens like a question ("how", "did").
/// When it is too short to stand alone, the preamble's words that `known`
/// accepts (words the knowledge uses) are kept before it.
#[cfg(test)]
pub fn question_words(message: &str, known: impl Fn(&str) -> bool) -> Vec<String> {
    question_words_of(message, known).0
}

/// [`question_words`], and whether they are all the message's words (as
/// [`words`] reads it), so that what else reads the whole message can read
/// them instead of splitting it again.
#[cfg(test)]
pub fn question_words_of(message: &str, known: impl Fn(&str) -> bool) -> (Vec<String>, bool) {
    let read = read_question(message, known);
    (read.words.iter().map(str::to_string).collect(), read.whole)
}

/// A message as [`read_question`] reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionRead<'a> {
    /// The words of it to match (its question sentence's when it has a
    /// preamble, else all of them), in one buffer.
    pub words: Words,
    /// Whether those are all its words (as [`crate::text::words`] reads it).
    pub whole: bool,
    /// [`question_text`] of it.
    pub text: Option<&'a str>,
}

/// The words of a message to match, whether they are all its words, and
/// its question sentence ([`question_text`]), in one reading:
/// a message of several sentences is split into them once, not once for
/// each.
pub fn read_question(message: &str, known: impl Fn(&str) -> bool) -> QuestionRead<'_> {
    let whole = |text| QuestionRead {
        words: Words::read(message),
        whole: true,
        text,
    };
    let (sentences, at) = match split(message) {
        Split::Whole => return whole(Some(message)),
        Split::AsksNothing => return whole(None),
        Split::Asking(sentences, at) => (sentences, at),
    };
    let question = Words::read(sentences[at]);
    let text = Some(sentences[at]);
    let content = question.iter().filter(|w| !is_stopword(w)).count();
    if content >= MIN_CONTENT_WORDS {
        return QuestionRead {
            words: question,
            whole: false,
            text,
        };
    }
    let mut out = Words::with_capacity(message.len(), message.len() / 4 + 1);
    for (_, sentence) in sentences.iter().enumerate().filter(|&(i, _)| i != at) {
        for word in Words::read(sentence).iter() {
            if !is_stopword(word) && known(word) {
                out.push(word);
            }
        }
    }
    for word in question.iter() {
        out.push(word);
    }
    QuestionRead {
        words: out,
        whole: false,
        text,
    }
}

/// True when the message cannot hold two sentences: it is one line and
/// every `.`, `?` or `!` before its last white space is one that neither
/// the sentence splitter (which breaks only after one of these and white
/// space, never after a dotted abbreviation) nor a lowercase question after
/// a full stop can split at ([`splits_nowhere`]). Most questions are so,
/// and skip the splitting.
fn is_one_sentence(message: &str) -> bool {
    if message.is_ascii() {
        // Most messages: read as bytes, without decoding characters.
        let text = message.as_bytes();
        let end = text
            .iter()
            .rposition(|&b| !is_ascii_space(b))
            .map_or(0, |i| i + 1);
        let text = &text[..end];
        if text.contains(&b'\n') {
            return false;
        }
        let last_space = text.iter().rposition(|&b| is_ascii_space(b)).unwrap_or(0);
        return text[..last_space]
            .iter()
            .enumerate()
            .filter(|&(_, b)| matches!(b, b'.' | b'?' | b'!'))
            .all(|(at, _)| splits_nowhere(text, at));
    }
    is_one_sentence_of_chars(message)
}

/// True when the `.`, `?` or `!` at `at` of a one-line ASCII text (not its
/// last byte) ends no sentence for either splitter: it runs on into a
/// letter or digit ("U.S", "3.5"), or it is the dot of a dotted
/// abbreviation followed by a space ("the U.S. sent"), a word of letters,
/// digits and dots after a space or the start, with a dot before this one,
/// which [`split_sentences`] reads as an abbreviation and
/// [`split_lowercase_questions`] as no end. A message whose questions
/// cite "U.S." is one sentence without splitting it.
fn splits_nowhere(text: &[u8], at: usize) -> bool {
    let next = text[at + 1];
    if next.is_ascii_alphanumeric() {
        return true;
    }
    if text[at] != b'.' || next != b' ' {
        return false;
    }
    let start = text[..at]
        .iter()
        .rposition(|&b| b == b' ')
        .map_or(0, |i| i + 1);
    let word = &text[start..at];
    word.contains(&b'.') && word.iter().all(|&b| b == b'.' || b.is_ascii_alphanumeric())
}

/// [`is_one_sentence`] of any text, character by character.
fn is_one_sentence_of_chars(message: &str) -> bool {
    let text = message.trim_end();
    if text.contains('\n') {
        return false;
    }
    let last_space = text.rfind(char::is_whitespace).unwrap_or(0);
    !text[..last_space].contains(['.', '?', '!'])
}

/// The text of the message's question sentence, as typed (capitals kept):
/// the whole message when it is one sentence, the question sentence of a
/// longer one, or `None` when a longer message asks nothing. The engine
/// reads it with the words ([`read_question`]); the tests hold the two to
/// the same text.
#[cfg(test)]
pub fn question_text(message: &str) -> Option<&str> {
    match split(message) {
        Split::Whole => Some(message),
        Split::Asking(sentences, at) => Some(sentences[at]),
        Split::AsksNothing => None,
    }
}

/// Where a message's question stands: what [`question_text`] and
/// [`read_question`] both read first.
enum Split<'a> {
    /// One sentence: the whole message is the question.
    Whole,
    /// Several sentences, the one at this index asking.
    Asking(Vec<&'a str>, usize),
    /// Several sentences, none asking.
    AsksNothing,
}

/// Splits a message into its sentences only when it may hold several, and
/// finds the one that asks.
fn split(message: &str) -> Split<'_> {
    if is_one_sentence(message) {
        return Split::Whole;
    }
    let sentences = sentences_of(message);
    if sentences.len() < 2 {
        return Split::Whole;
    }
    match asking(&sentences) {
        Some(at) => Split::Asking(sentences, at),
        None => Split::AsksNothing,
    }
}

/// The message's sentences, chat's lowercase questions split off.
fn sentences_of(message: &str) -> Vec<&str> {
    message
        .lines()
        .flat_map(split_sentences)
        .flat_map(split_lowercase_questions)
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .collect()
}

/// Which sentence asks: the last ending with a question mark, else the
/// last that opens like a question.
fn asking(sentences: &[&str]) -> Option<usize> {
    sentences
        .iter()
        .rposition(|s| s.trim_end().ends_with('?'))
        .or_else(|| sentences.iter().rposition(|s| opens_like_a_question(s)))
}

/// Splits where chat starts a question in lowercase after a full stop
/// ("... not vibes. who delivered the reply"), which the article splitter
/// (wanting a capital) leaves joined. A dotted abbreviation ("the u.s.
/// did") is not an end.
fn split_lowercase_questions(sentence: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    // Only after a full stop: "helmets?? how many" is one question.
    for (at, _) in sentence.match_indices('.') {
        let rest = &sentence[at + 1..];
        if !rest.starts_with(' ') {
            continue;
        }
        let before = sentence[start..at].rsplit(' ').next().unwrap_or("");
        if before.contains('.') || before.chars().count() <= 1 {
            continue;
        }
        let next = rest.trim_start();
        let first: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        if first.chars().next().is_some_and(char::is_lowercase) && opens_like_a_question(&first) {
            out.push(&sentence[start..=at]);
            start = sentence.len() - next.len();
        }
    }
    out.push(&sentence[start..]);
    out
}

/// True when a sentence opens with a question word or an auxiliary verb.
fn opens_like_a_question(sentence: &str) -> bool {
    Words::read(sentence).iter().next().is_some_and(|w| {
        language().in_list(List::Question, w) || language().in_list(List::Auxiliary, w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(word: &str) -> bool {
        ["helmets", "germany", "offer"].contains(&word)
    }

    #[test]
    fn an_ascii_message_is_one_sentence_as_any_text_is() {
        for message in [
            "How much aid did the US send?",
            "I skimmed it. How much aid did the US send?",
            "why? ",
            "aid\nsent",
            "aid sent\n\x0b ",
            "aid.\x0bsent",
            "aid.\x0csent",
            "",
            "   ",
            "!",
        ] {
            assert_eq!(
                is_one_sentence(message),
                is_one_sentence_of_chars(message),
                "{message:?}"
            );
        }
        assert!(!is_one_sentence("aid.\x0bsent"));
    }

    #[test]
    fn a_dotted_abbreviation_keeps_a_message_one_sentence_as_the_splitters_read_it() {
        for message in [
            "Did the U.S. send aid?",
            "Why did the U.S. and the U.K. part ways on it?",
            "What did the U.S. Senate say?",
            "Was it 3.5 percent of U.S. aid?",
        ] {
            assert!(is_one_sentence(message), "{message:?}");
            assert_eq!(sentences_of(message), [message]);
        }
        for message in [
            "I read the U.S. report. who sent it?",
            "It was 3.5 percent. Why?",
            "Is it the U.S.? Who sent it",
            "We read it in the U.S.. Who sent it?",
            "Did Gen. Smith say so?",
            "I read it.\tWho sent it?",
            "I read it (U.S.) Who sent it?",
        ] {
            assert!(!is_one_sentence(message), "{message:?}");
        }
    }

    #[test]
    fn the_question_after_a_preamble_is_what_counts() {
        let message = "I've only skimmed the news this week and my group chat keeps arguing \
                       about it, so I want to get it right before I say anything. How much aid \
                       did the US send?";
        assert_eq!(
            question_words(message, known),
            ["how", "much", "aid", "did", "the", "us", "send"]
        );
    }

    #[test]
    fn a_short_message_is_read_whole() {
        assert_eq!(
            question_words("how much aid did the us send", known),
            words("how much aid did the us send")
        );
        let one = "so after all that arguing, how much aid did the us send?";
        assert_eq!(question_words(one, known), words(one));
    }

    #[test]
    fn one_reading_gives_the_question_sentence_and_its_words() {
        for message in [
            "how much aid did the us send",
            "I've only skimmed it. How much aid did the US send?",
            "Germany offered helmets to Kyiv and people are laughing. Why?",
            "My uncle keeps posting about it. Who delivered the reply to Moscow. Thanks",
            "It was a long day. Thanks for all of it.",
        ] {
            let read = read_question(message, known);
            assert_eq!(read.text, question_text(message), "{message}");
            let (words, whole) = question_words_of(message, known);
            assert_eq!(read.words.to_strs(), words, "{message}");
            assert_eq!(read.whole, whole, "{message}");
        }
        let read = read_question("I've only skimmed it. How much aid did the US send?", known);
        assert_eq!(read.text, Some("How much aid did the US send?"));
    }

    #[test]
    fn without_a_question_mark_the_last_sentence_that_asks_is_taken() {
        let message = "My uncle keeps posting about it. Who delivered the reply to Moscow. Thanks";
        assert_eq!(
            question_words(message, known),
            words("Who delivered the reply to Moscow")
        );
    }

    #[test]
    fn a_bare_question_keeps_the_preambles_known_words() {
        let message = "Germany offered helmets to Kyiv and people are laughing. Why?";
        assert_eq!(
            question_words(message, known),
            ["germany", "helmets", "why"]
        );
    }

    #[test]
    fn a_lowercase_question_after_a_full_stop_is_found() {
        let message = "my group chat is arguing nonstop about this whole thing and honestly i \
                       just want facts not vibes. who delivered the reply";
        assert_eq!(
            question_words(message, known),
            ["who", "delivered", "the", "reply"]
        );
        // A dotted abbreviation does not end a sentence.
        let us = "so the u.s. did what exactly with the aid";
        assert_eq!(question_words(us, known), words(us));
        let follow_up = "wait germany sent helmets?? how many";
        assert_eq!(question_words(follow_up, known), words(follow_up));
    }

    #[test]
    fn the_question_text_keeps_its_capitals() {
        let message = "My uncle lives in Leeds. Did Germany offer helmets to Kyiv?";
        assert_eq!(
            question_text(message),
            Some("Did Germany offer helmets to Kyiv?")
        );
        assert_eq!(question_text("Who sent it"), Some("Who sent it"));
        assert_eq!(question_text("I read it. It was long."), None);
    }

    #[test]
    fn a_message_that_asks_nothing_is_read_whole() {
        let message = "I read the article. It was long.";
        assert_eq!(question_words(message, known), words(message));
    }
}
