//! What the engine says back: an answer with its citation, a few suggestions
//! when unsure, a plain "the article does not say", or a friendly word for
//! greetings. Plain data, serialisable for `citebot ask --json`.

use serde::Serialize;

/// Where a cited sentence stands in the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// The sentence, verbatim from the article.
    pub sentence: String,
    /// Its paragraph number (0 is the headline).
    pub paragraph: usize,
}

/// A confident answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// Id of the fact answered, or `None` when an article sentence was cited directly.
    pub fact: Option<String>,
    /// The answer in our words.
    pub text: String,
    /// The evidence.
    pub citation: Citation,
    /// Match score in 0..=1.
    pub score: f32,
}

/// A fact the question may have meant, offered when the engine is unsure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// Id of the fact (or `sentence-N` for an article sentence no fact cites).
    pub fact: String,
    /// A question that asks for it, to show the user.
    pub intent: String,
    /// Match score in 0..=1.
    pub score: f32,
}

/// Why the engine gives no answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum NoAnswer {
    /// The message had no words.
    Empty,
    /// The message was longer than any question.
    TooLong,
    /// The message was not text (control characters, binary).
    NotText,
    /// The question names someone or something the article never mentions.
    NotMentioned(String),
    /// Nothing in the article matches well enough.
    NotCovered,
    /// A question about the publication itself (author, outlet, date),
    /// which the article's sentences do not answer: what the knowledge's
    /// metadata says instead.
    AboutArticle(String),
    /// Answering took longer than the front end's time budget (the engine
    /// itself never says this; the Discord bot does, rather than keep a
    /// user waiting).
    Overtime,
    /// A yes/no question about what someone did, when the article says
    /// someone else did it ("did Germany send Javelins?"): who did, and the
    /// sentence that says so.
    OtherDoer(Box<OtherDoer>),
}

/// Who did what a yes/no question asked about someone else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OtherDoer {
    /// The doer the question named, as typed ("Germany").
    pub named: String,
    /// The doer the article names, as the sentence writes it ("the U.S.").
    pub doer: String,
    /// What the article says they did, in our words.
    pub answer: String,
    /// The evidence.
    pub citation: Citation,
}

/// The engine's reply to one message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Reply {
    /// A confident answer with its citation.
    Answered(Answer),
    /// No confident answer; up to three facts the question may have meant.
    Unsure(Vec<Suggestion>),
    /// The article does not say.
    Unknown(NoAnswer),
    /// A greeting or a request for help, answered with a short friendly text.
    Greeting(String),
}

impl Reply {
    /// The status word used in JSON output and logs.
    pub fn status(&self) -> &'static str {
        match self {
            Reply::Answered(_) => "answered",
            Reply::Unsure(_) => "unsure",
            Reply::Unknown(_) => "unknown",
            Reply::Greeting(_) => "greeting",
        }
    }

    /// The citation, when the reply has one (an answer, or who did what a
    /// yes/no question asked about someone else).
    pub fn citation(&self) -> Option<&Citation> {
        match self {
            Reply::Answered(answer) => Some(&answer.citation),
            Reply::Unknown(NoAnswer::OtherDoer(found)) => Some(&found.citation),
            _ => None,
        }
    }
}
