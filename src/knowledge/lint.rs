//! Warnings about knowledge that loads but could answer badly: article
//! sentences no fact cites, and intents that two facts share.

use std::collections::HashMap;
use std::fmt;

use super::{KNOWLEDGE_FILE, Knowledge};
use crate::text::{is_stopword, words};

/// A warning about the knowledge, with the line it concerns when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lint {
    /// Line in the knowledge file, when the warning is about one entry.
    pub line: Option<usize>,
    /// What looks wrong.
    pub message: String,
}

impl fmt::Display for Lint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{KNOWLEDGE_FILE}:{line}: {}", self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

/// What makes two intents the same to a reader of the file: their words
/// other than stop words, sorted ("what is the aid" and "aid what is" are
/// one); empty when an intent has only stop words.
pub fn intent_key(intent: &str) -> String {
    let mut key: Vec<String> = words(intent)
        .into_iter()
        .filter(|w| !is_stopword(w))
        .collect();
    key.sort();
    key.dedup();
    key.join(" ")
}

/// Static lints: uncited sentences, and intents that say the same words in
/// two facts citing different sentences.
pub fn lints(knowledge: &Knowledge) -> Vec<Lint> {
    let mut out = Vec::new();
    let mut cited = vec![false; knowledge.article.sentences.len()];
    for fact in &knowledge.facts {
        cited[fact.sentence] = true;
    }
    for (sentence, _) in knowledge
        .article
        .sentences
        .iter()
        .zip(&cited)
        .filter(|(_, c)| !**c)
    {
        out.push(Lint {
            line: None,
            message: format!(
                "paragraph {}: no fact cites \"{}\"",
                sentence.paragraph,
                sentence.text.chars().take(80).collect::<String>()
            ),
        });
    }
    let mut owners: HashMap<String, (usize, &str)> = HashMap::new();
    for fact in &knowledge.facts {
        for intent in &fact.intents {
            let key = intent_key(intent);
            if key.is_empty() {
                out.push(Lint {
                    line: Some(fact.line),
                    message: format!(
                        "fact `{}`: intent \"{intent}\" has only stop words",
                        fact.id
                    ),
                });
                continue;
            }
            match owners.get(&key) {
                Some(&(sentence, other)) if sentence != fact.sentence && other != fact.id => out.push(Lint {
                    line: Some(fact.line),
                    message: format!(
                        "fact `{}`: intent \"{intent}\" has the same words as an intent of fact `{other}`",
                        fact.id
                    ),
                }),
                Some(_) => {}
                None => {
                    owners.insert(key, (fact.sentence, fact.id.as_str()));
                }
            }
        }
    }
    out
}
