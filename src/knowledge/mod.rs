//! What citebot knows about its article, as a validated value.
//!
//! The knowledge directory holds the article's verbatim text and one
//! hand-edited TOML file of facts, synonyms and summaries. [`load_dir`] reads
//! and checks both and yields a [`Knowledge`] that is known to be sound: every
//! fact's source sentence is in the article, ids are unique, synonyms do not
//! loop. Only such a value can build an [`crate::Engine`].

mod error;
mod lint;
mod load;
mod nearest;
mod sections;
mod teach;

pub use error::{LoadError, LoadErrors};
pub use lint::{Lint, intent_key, lints};
pub use load::{
    KNOWLEDGE_FILE, MAX_ANSWER_CHARS, MAX_FILE_BYTES, MAX_INTENT_BYTES, MAX_KNOWLEDGE_BYTES,
    MAX_TERM_CHARS, MAX_WORD_CHARS, load_dir, load_dir_with, load_str, read_text,
};
pub use teach::{Taught, TeachError, intent_form, teach};

use std::path::PathBuf;

use crate::article::Article;

/// Facts about the article file itself, shown in `/help` and summaries.
#[derive(Debug, Clone, Default)]
pub struct ArticleMeta {
    /// The article's headline as the admins want it shown.
    pub title: String,
    /// Who wrote it, when known (a byline such as "By Jane Doe" gives it).
    pub author: Option<String>,
    /// The outlet that published it, when known.
    pub outlet: Option<String>,
    /// Where it was published, when known.
    pub url: Option<String>,
    /// The article's date as the admins give it (free text, usually ISO 8601).
    pub date: Option<String>,
    /// `[article] later_events_unknown`: the article reports one moment
    /// (a news report), so a question about what came of things later
    /// ("did Russia eventually invade") is declined unless a fact is written
    /// for it. Off by default: in a history or a profile, "eventually" is
    /// an ordinary word.
    pub later_events_unknown: bool,
}

/// One answerable fact: how people ask for it, our answer, and its evidence.
#[derive(Debug, Clone)]
pub struct Fact {
    /// Stable identifier, unique in the file (e.g. `aid-amount`).
    pub id: String,
    /// Id of the topic this fact belongs to.
    pub topic: String,
    /// Ways people ask for it, in their words.
    pub intents: Vec<String>,
    /// Short terms that alone should find the fact.
    pub keywords: Vec<String>,
    /// Who does what the fact tells (lowercase names, e.g. `us`, `blinken`):
    /// a question asking whether someone else did it ("did Russia reject
    /// the demands?") is not answered by this fact. Empty when it does not
    /// matter.
    pub actors: Vec<String>,
    /// The answer in our own words.
    pub answer: String,
    /// Index into [`Article::sentences`] of the sentence that backs the answer.
    pub sentence: usize,
    /// Line of the `[[fact]]` header in the knowledge file.
    pub line: usize,
}

/// A topic: a named group of facts with its own summary.
#[derive(Debug, Clone)]
pub struct Topic {
    /// Identifier used in facts and in `/summary topic:`.
    pub id: String,
    /// Human title.
    pub title: String,
    /// A few sentences summing up the topic.
    pub summary: String,
}

/// A group of words and phrases that mean the same for matching.
#[derive(Debug, Clone)]
pub struct Synonym {
    /// The word every variant is read as.
    pub canonical: String,
    /// Words or phrases read as `canonical`.
    pub variants: Vec<String>,
    /// Line of the entry in the knowledge file.
    pub line: usize,
}

/// Everything citebot knows about one article, validated.
#[derive(Debug, Clone)]
pub struct Knowledge {
    /// Directory the knowledge was read from.
    pub dir: PathBuf,
    /// Title, outlet, url, date.
    pub meta: ArticleMeta,
    /// The article text, split into paragraphs and sentences.
    pub article: Article,
    /// Synonym groups, in file order.
    pub synonyms: Vec<Synonym>,
    /// Short summary of the whole article.
    pub summary_short: String,
    /// Long summary of the whole article.
    pub summary_long: String,
    /// Topics in file order.
    pub topics: Vec<Topic>,
    /// Facts in file order.
    pub facts: Vec<Fact>,
    /// The engine's thresholds and weights, with the `[engine]` table's
    /// overrides applied.
    pub engine: crate::engine::Tunables,
}

impl Knowledge {
    /// The topic with this id, or whose title matches it ignoring case.
    pub fn topic(&self, name: &str) -> Option<&Topic> {
        let name = name.trim();
        self.topics
            .iter()
            .find(|t| t.id.eq_ignore_ascii_case(name) || t.title.eq_ignore_ascii_case(name))
    }

    /// How many facts belong to the topic with this id.
    pub fn facts_in(&self, topic: &str) -> usize {
        self.facts.iter().filter(|f| f.topic == topic).count()
    }

    /// The article sentence a fact cites.
    pub fn sentence_of(&self, fact: &Fact) -> &crate::article::Sentence {
        &self.article.sentences[fact.sentence]
    }
}
