//! Replies as text for a terminal, and as one JSON object per line for
//! scripts (`citebot ask --json`), and the list of unanswered questions.

use serde_json::{Value, json};

use crate::engine::{NoAnswer, OtherDoer, Reply};
use crate::questionlog::{Downvoted, Unanswered};

/// What to tell a person when there is no answer.
pub fn no_answer_text(reason: &NoAnswer) -> String {
    match reason {
        NoAnswer::Empty => "Ask me a question about the article.".to_string(),
        NoAnswer::TooLong => {
            "That message is too long to be a question; please ask in a sentence or two."
                .to_string()
        }
        NoAnswer::NotText => "I can only read plain text questions.".to_string(),
        NoAnswer::NotMentioned(name) => {
            format!(
                "The article does not mention {name}, so I can't answer that. Try /topics to see what it covers."
            )
        }
        NoAnswer::AboutArticle(text) => text.clone(),
        NoAnswer::Overtime => {
            "Sorry, that took me too long to answer; please ask it more simply.".to_string()
        }
        NoAnswer::OtherDoer(found) => other_doer_text(found),
        NoAnswer::NotCovered => {
            "The article does not say. Try /topics to see what it covers.".to_string()
        }
    }
}

/// A reply as plain text: the answer, the quoted sentence and its paragraph.
pub fn plain(reply: &Reply) -> String {
    match reply {
        Reply::Answered(a) => format!(
            "{}\n  > {}\n  ({})",
            a.text,
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

/// "headline" for paragraph 0, "paragraph N" otherwise.
pub fn paragraph_label(paragraph: usize) -> String {
    if paragraph == 0 {
        "headline".to_string()
    } else {
        format!("paragraph {paragraph}")
    }
}

/// A reply as the JSON object of `citebot ask --json`:
/// `{"question","status","fact","answer","citation":{"sentence","paragraph"},"score","suggestions"}`,
/// with `null` where a field does not apply.
pub fn json(question: &str, reply: &Reply) -> Value {
    let (fact, answer, citation, score) = match reply {
        Reply::Answered(a) => (
            json!(a.fact),
            json!(a.text),
            json!({"sentence": a.citation.sentence, "paragraph": a.citation.paragraph}),
            json!(a.score),
        ),
        Reply::Unsure(s) => (
            Value::Null,
            Value::Null,
            Value::Null,
            json!(s.first().map(|s| s.score)),
        ),
        Reply::Unknown(reason) => (
            Value::Null,
            json!(no_answer_text(reason)),
            reply.citation().map_or(
                Value::Null,
                |c| json!({"sentence": c.sentence, "paragraph": c.paragraph}),
            ),
            Value::Null,
        ),
        Reply::Greeting(text) => (Value::Null, json!(text), Value::Null, Value::Null),
    };
    let suggestions = match reply {
        Reply::Unsure(s) => json!(s),
        _ => json!([]),
    };
    json!({
        "question": question,
        "status": reply.status(),
        "fact": fact,
        "answer": answer,
        "citation": citation,
        "score": score,
        "suggestions": suggestions,
    })
}

/// The unanswered questions and the 👎'd answers as a plain list, with the
/// command that teaches one.
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
    out.push_str("\nTeach one: citebot teach \"QUESTION\" FACT_ID");
    out
}

/// [`json`] as one line of text, with U+2028, U+2029 and U+0085 escaped:
/// JSON allows them raw, but JavaScript before ES2019 and many line-based
/// tools read them as line breaks, which would split one reply into two lines.
pub fn json_line(question: &str, reply: &Reply) -> String {
    let text = json(question, reply).to_string();
    // serde_json writes these only inside strings, where `\uXXXX` means the same.
    text.replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
        .replace('\u{85}', "\\u0085")
}
