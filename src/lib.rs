//! citebot: answers questions about a news article and shows its evidence,
//! the verbatim sentence of the article that each answer comes from.
//!
//! The library holds everything but the terminal: [`knowledge`] loads and
//! validates the knowledge files, [`engine`] answers questions from them,
//! [`conversation`] reads follow-up questions with the one before,
//! [`vectors`] reads the word vectors behind the semantic signal, [`draft`]
//! drafts knowledge from an article for `citebot init`, [`eval`] scores the
//! engine on a question file, [`questionlog`] keeps the questions the bot
//! could not answer, and [`discord`] puts the engine on Discord. The
//! `citebot` binary is a thin command-line shell over these.

#![warn(missing_docs)]

pub mod article;
pub mod chat;
pub mod conversation;
pub mod discord;
pub mod draft;
pub mod engine;
pub mod eval;
#[cfg(test)]
mod fixtures;
pub mod knowledge;
pub mod language;
pub mod lexicon;
pub mod logging;
pub mod questionlog;
pub mod render;
pub mod setup;
pub mod text;
pub mod vectors;

pub use engine::{Answer, Citation, Engine, NoAnswer, Reply, Suggestion};
pub use knowledge::{Knowledge, LoadError, LoadErrors, load_dir};
