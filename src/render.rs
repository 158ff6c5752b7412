//! Replies as text for a terminal, and as one JSON object per line for
//! scripts (`citebot ask --json`), and the list of unanswered questions.

use std::io::Write;

use crate::engine::{Answer, NoAnswer, OtherDoer, Reply};
use crate::knowledge::Knowledge;
use crate::questionlog::{Downvoted, Unanswered};

/// What to tell a person when there is no answer.
pub fn no_answer_text(reason: &NoAnswer) -> String {
    match reason {
        NoAnswer::NotMentioned(name) => {
            format!(
                "The article does not mention {name}, so I can't answer that. Try /topics to see what it covers."
            )
        }
        NoAnswer::AboutArticle(text) => text.clone(),
        NoAnswer::OtherDoer(found) => other_doer_text(found),
        fixed => fixed_text(fixed).unwrap_or_default().to_string(),
    }
}

/// [`no_answer_text`] when it is the same for every message (`None` when
/// it is made from the message or the knowledge): a JSON line writes it
/// without building a `String` first.
fn fixed_text(reason: &NoAnswer) -> Option<&'static str> {
    Some(match reason {
        NoAnswer::Empty => "Ask me a question about the article.",
        NoAnswer::TooLong => {
            "That message is too long to be a question; please ask in a sentence or two."
        }
        NoAnswer::NotText => "I can only read plain text questions.",
        NoAnswer::Overtime => "Sorry, that took me too long to answer; please ask it more simply.",
        NoAnswer::NotCovered => "The article does not say. Try /topics to see what it covers.",
        NoAnswer::NotMentioned(_) | NoAnswer::AboutArticle(_) | NoAnswer::OtherDoer(_) => {
            return None;
        }
    })
}

/// A reply as plain text: the answer, the quoted sentence and its paragraph.
pub fn plain(reply: &Reply) -> String {
    match reply {
        Reply::Answered(a) => format!(
            "{}\n  > {}\n  ({})",
            // A drafted fact answers with its sentence: quote it once.
            if a.text == a.citation.sentence {
                "The article says:"
            } else {
                &a.text
            },
            a.citation.sentence,
            paragraph_label(a.citation.paragraph)
        ),
        Reply::Unsure(suggestions) => {
            let mut out = String::from("I'm not sure. Did you mean:");
            for (i, s) in suggestions.iter().enumerate() {
                out.push_str(&format!("\n  {}. {}", i + 1, s.intent));
            }
            out
        }
        Reply::Unknown(NoAnswer::OtherDoer(found)) => format!(
            "{}\n  > {}\n  ({})",
            other_doer_text(found),
            found.citation.sentence,
            paragraph_label(found.citation.paragraph)
        ),
        Reply::Unknown(reason) => no_answer_text(reason),
        Reply::Greeting(text) => text.clone(),
    }
}

/// Who did what a yes/no question asked about someone else: "The U.S., not
/// Germany, according to the article: …".
pub fn other_doer_text(found: &OtherDoer) -> String {
    let mut chars = found.doer.chars();
    let doer: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    format!(
        "{doer}, not {}, according to the article: {}",
        found.named, found.answer
    )
}

/// The article's topics for a terminal, one a line: id, title and how many
/// facts it holds, the titles lined up after the longest id (a drafted id
/// such as `apologise-personally` is longer than a hand-written one).
pub fn topic_table(knowledge: &Knowledge) -> String {
    let width = knowledge
        .topics
        .iter()
        .map(|t| t.id.chars().count())
        .max()
        .unwrap_or(0);
    knowledge
        .topics
        .iter()
        .map(|topic| {
            let facts = knowledge.facts_in(&topic.id);
            let plural = if facts == 1 { "" } else { "s" };
            format!(
                "{:<width$}  {} ({facts} fact{plural})",
                topic.id, topic.title
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// "headline" for paragraph 0, "paragraph N" otherwise.
pub fn paragraph_label(paragraph: usize) -> String {
    if paragraph == 0 {
        "headline".to_string()
    } else {
        format!("paragraph {paragraph}")
    }
}

/// Writes a reply as the JSON object of `citebot ask --json`, one line:
/// `{"question","status","fact","answer","citation":{"sentence","paragraph"},"score","suggestions"}`,
/// with `null` where a field does not apply. Written straight into `out`
/// (no tree of values is built): it runs once per question of a stream.
pub fn write_json(out: &mut impl Write, question: &str, reply: &Reply) -> std::io::Result<()> {
    out.write_all(b"{\"question\":")?;
    string(out, question)?;
    out.write_all(b",\"status\":")?;
    string(out, reply.status())?;
    out.write_all(b",\"fact\":")?;
    match reply {
        Reply::Answered(Answer { fact: Some(id), .. }) => string(out, id)?,
        _ => out.write_all(b"null")?,
    }
    out.write_all(b",\"answer\":")?;
    match reply {
        Reply::Answered(a) => string(out, &a.text)?,
        Reply::Unknown(NoAnswer::AboutArticle(text)) => string(out, text)?,
        Reply::Unknown(reason) => match fixed_text(reason) {
            Some(text) => string(out, text)?,
            None => string(out, &no_answer_text(reason))?,
        },
        Reply::Greeting(text) => string(out, text)?,
        Reply::Unsure(_) => out.write_all(b"null")?,
    }
    out.write_all(b",\"citation\":")?;
    match reply.citation() {
        Some(citation) => {
            out.write_all(b"{\"sentence\":")?;
            string(out, &citation.sentence)?;
            write!(out, ",\"paragraph\":{}}}", citation.paragraph)?;
        }
        None => out.write_all(b"null")?,
    }
    out.write_all(b",\"score\":")?;
    match reply {
        Reply::Answered(a) => score(out, a.score)?,
        Reply::Unsure(s) if !s.is_empty() => score(out, s[0].score)?,
        _ => out.write_all(b"null")?,
    }
    out.write_all(b",\"suggestions\":[")?;
    if let Reply::Unsure(suggestions) = reply {
        for (i, s) in suggestions.iter().enumerate() {
            out.write_all(if i == 0 {
                b"{\"fact\":"
            } else {
                b",{\"fact\":"
            })?;
            string(out, &s.fact)?;
            out.write_all(b",\"intent\":")?;
            string(out, &s.intent)?;
            out.write_all(b",\"score\":")?;
            score(out, s.score)?;
            out.write_all(b"}")?;
        }
    }
    out.write_all(b"]}\n")
}

/// A JSON string, escaped as serde_json escapes it (quote, backslash and
/// control characters) and besides that the line and paragraph separators
/// and NEL (U+2028, U+2029, U+0085), so that tools splitting lines on them
/// still see one reply per line.
fn string(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    out.write_all(b"\"")?;
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut at = 0;
    while at < bytes.len() {
        // Most bytes need no escape: only a quote, a backslash, a control
        // character, or the first byte of U+0085 (0xC2) or of U+2028 and
        // U+2029 (0xE2) is looked at as a character.
        // Eight bytes at a time while none of them is a quote, a backslash,
        // a control character or a byte of a non-ASCII character.
        at += 8 * bytes[at..]
            .chunks_exact(8)
            .take_while(|chunk| !any_looked_at(chunk))
            .count();
        let Some(&b) = bytes.get(at) else {
            break;
        };
        if b >= 0x20 && !matches!(b, b'"' | b'\\' | 0xC2 | 0xE2) {
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        let short: &[u8] = match c {
            '"' => b"\\\"",
            '\\' => b"\\\\",
            '\n' => b"\\n",
            '\r' => b"\\r",
            '\t' => b"\\t",
            '\u{8}' => b"\\b",
            '\u{c}' => b"\\f",
            c if (c as u32) < 0x20 || matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') => b"",
            c => {
                at += c.len_utf8();
                continue;
            }
        };
        out.write_all(&text.as_bytes()[start..at])?;
        if short.is_empty() {
            write!(out, "\\u{:04x}", c as u32)?;
        } else {
            out.write_all(short)?;
        }
        at += c.len_utf8();
        start = at;
    }
    out.write_all(&text.as_bytes()[start..])?;
    out.write_all(b"\"")
}

/// True when one of eight bytes may be one [`string`] looks at: below 0x20,
/// a quote, a backslash, or any byte of 0x80 or more (which 0xC2 and 0xE2
/// are; one test of the high bits instead of two of equality, as most text
/// is ASCII). Tested on the eight as one word: a byte equal to `b` leaves a
/// zero byte after `^`, and a word has a zero byte (or one below `n`, for
/// `n` up to 0x80) exactly when subtracting 0x01 (or `n`) from every byte
/// borrows into a high bit the byte lacked.
#[inline]
fn any_looked_at(chunk: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut word = [0u8; 8];
    word.copy_from_slice(chunk);
    let v = u64::from_le_bytes(word);
    let below = |v: u64, n: u8| v.wrapping_sub(ONES * u64::from(n)) & !v & HIGH;
    let equal = |b: u8| below(v ^ (ONES * u64::from(b)), 1);
    // A byte of 0x80 or more has its high bit set and never counts as below.
    (below(v, 0x20) | equal(b'"') | equal(b'\\') | (v & HIGH)) != 0
}

/// A score as `ask --json` has always printed it: the f32 widened to f64.
fn score(out: &mut impl Write, value: f32) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, &f64::from(value)).map_err(std::io::Error::from)
}

/// The unanswered questions and the 👎'd answers as a plain list, with the
/// command that teaches one when there is one to teach.
pub fn unanswered(questions: &[Unanswered], downvoted: &[Downvoted]) -> String {
    let mut out = String::new();
    if questions.is_empty() {
        out.push_str("No unanswered questions logged.\n");
    } else {
        out.push_str("Unanswered questions, most asked first:\n");
        for q in questions {
            let best = match (&q.best_fact, q.best_score) {
                (Some(fact), Some(score)) => format!("best: {fact} ({score:.2})"),
                (Some(fact), None) => format!("best: {fact}"),
                _ => "no close fact".to_string(),
            };
            out.push_str(&format!(
                "{:>5}×  {}\n        last {} UTC, {best}\n",
                q.count, q.question, q.last_asked
            ));
        }
    }
    if !downvoted.is_empty() {
        out.push_str("\nAnswers voted 👎:\n");
        for d in downvoted {
            out.push_str(&format!(
                "{:>5}×  {}\n        answered with {}, last {} UTC\n",
                d.count,
                d.question,
                d.fact.as_deref().unwrap_or("a sentence of the article"),
                d.last_asked
            ));
        }
    }
    if !questions.is_empty() || !downvoted.is_empty() {
        out.push_str(
            "\nTeach one: citebot --knowledge DIR teach \"QUESTION\" FACT_ID \
             (FACT_ID from `citebot --knowledge DIR ask --explain \"QUESTION\"`)",
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Citation, Suggestion};

    fn line(question: &str, reply: &Reply) -> serde_json::Value {
        let mut out = Vec::new();
        write_json(&mut out, question, reply).unwrap();
        assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1);
        assert_eq!(out.last(), Some(&b'\n'));
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn the_teach_command_is_shown_only_with_something_to_teach() {
        let empty = unanswered(&[], &[]);
        assert!(
            empty.starts_with("No unanswered questions logged."),
            "{empty}"
        );
        assert!(!empty.contains("Teach one"), "{empty}");
        let asked = Unanswered {
            question: "when does the ferry come back?".to_string(),
            normalised: "when does the ferry come back".to_string(),
            count: 2,
            last_asked: "2026-12-07 05:00".to_string(),
            last_asked_unix: 0,
            best_fact: Some("return-date".to_string()),
            best_score: Some(0.41),
        };
        let listed = unanswered(&[asked], &[]);
        assert!(
            listed.contains("when does the ferry come back?"),
            "{listed}"
        );
        assert!(listed.contains("citebot --knowledge DIR teach"), "{listed}");
    }

    #[test]
    fn topic_titles_line_up_after_the_longest_id() {
        let knowledge = crate::fixtures::library();
        let table = topic_table(&knowledge);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 2, "{table}");
        assert!(lines[0].ends_with("The library (1 fact)"), "{table}");
        assert!(lines[1].ends_with("The ceremony (0 facts)"), "{table}");
        let column = |line: &str| line.find("The ").unwrap_or(0);
        assert_eq!(column(lines[0]), column(lines[1]), "{table}");
    }

    #[test]
    fn strings_are_escaped_as_serde_json_does_plus_line_separators() {
        let text: String = (0u32..0x80)
            .filter_map(char::from_u32)
            .chain("é “quoted” \\ \u{2028}\u{2029}\u{85} end".chars())
            .collect();
        let mut out = Vec::new();
        string(&mut out, &text).unwrap();
        let written = String::from_utf8(out).unwrap();
        let expected = serde_json::to_string(&text)
            .unwrap()
            .replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029")
            .replace('\u{85}', "\\u0085");
        assert_eq!(written, expected);
        assert_eq!(serde_json::from_str::<String>(&written).unwrap(), text);
    }

    #[test]
    fn eight_bytes_are_looked_at_exactly_when_one_of_them_may_be() {
        let looked_at = |b: u8| !(0x20..0x80).contains(&b) || matches!(b, b'"' | b'\\');
        for b in 0..=255u8 {
            for place in 0..8 {
                for fill in [b'a', b' ', 0x7F, 0x80, 0xBF, 0xC3, 0xFF, 0x1F, 0x21] {
                    let mut chunk = [fill; 8];
                    chunk[place] = b;
                    let expected = chunk.iter().any(|&c| looked_at(c));
                    assert_eq!(any_looked_at(&chunk), expected, "{chunk:?}");
                }
            }
        }
    }

    #[test]
    fn an_answer_has_every_field_in_order() {
        let reply = Reply::Answered(Answer {
            fact: Some("aid-amount".into()),
            text: "An estimated $200 million.".into(),
            citation: Citation {
                sentence: "The U.S. has provided \"aid\".".into(),
                paragraph: 14,
            },
            score: 0.76,
        });
        let mut out = Vec::new();
        write_json(&mut out, "how much aid?", &reply).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"question\":\"how much aid?\",\"status\":\"answered\",\"fact\":\"aid-amount\",\
             \"answer\":\"An estimated $200 million.\",\"citation\":{\"sentence\":\
             \"The U.S. has provided \\\"aid\\\".\",\"paragraph\":14},\"score\":0.7599999904632568,\
             \"suggestions\":[]}\n"
        );
    }

    #[test]
    fn unsure_and_unknown_replies_fill_their_fields() {
        let unsure = line(
            "aid?",
            &Reply::Unsure(vec![
                Suggestion {
                    fact: "a".into(),
                    intent: "how much aid".into(),
                    score: 0.5,
                },
                Suggestion {
                    fact: "b".into(),
                    intent: "who sent aid".into(),
                    score: 0.25,
                },
            ]),
        );
        assert_eq!(unsure["status"], "unsure");
        assert_eq!(unsure["answer"], serde_json::Value::Null);
        assert_eq!(unsure["score"], 0.5);
        assert_eq!(unsure["suggestions"][1]["intent"], "who sent aid");
        let unknown = line("pizza", &Reply::Unknown(NoAnswer::NotCovered));
        assert_eq!(unknown["status"], "unknown");
        assert_eq!(
            unknown["answer"],
            no_answer_text(&NoAnswer::NotCovered).as_str()
        );
        assert_eq!(unknown["citation"], serde_json::Value::Null);
        assert_eq!(unknown["suggestions"], serde_json::json!([]));
    }

    #[test]
    fn every_unknown_reply_answers_in_json_what_it_says_in_plain_text() {
        let reasons = [
            NoAnswer::Empty,
            NoAnswer::TooLong,
            NoAnswer::NotText,
            NoAnswer::NotMentioned("Atlantis".into()),
            NoAnswer::NotCovered,
            NoAnswer::AboutArticle("It is about aid.".into()),
            NoAnswer::Overtime,
        ];
        for reason in reasons {
            let text = no_answer_text(&reason);
            assert!(!text.is_empty(), "{reason:?}");
            let reply = Reply::Unknown(reason);
            assert_eq!(line("q?", &reply)["answer"], text.as_str());
            assert_eq!(plain(&reply), text);
        }
    }
}
