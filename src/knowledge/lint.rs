//! Warnings about knowledge that loads but could answer badly: article
//! sentences no fact cites, and intents that two facts share.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

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

impl Lint {
    /// The warning as `citebot check` prints it: named like a load error
    /// (`DIR/knowledge.toml:LINE: ...`), so that an editor can jump to the
    /// line.
    pub fn in_file(&self, file: &Path) -> String {
        match self.line {
            Some(line) => format!("{}:{line}: {}", file.display(), self.message),
            None => self.message.clone(),
        }
    }
}

impl fmt::Display for Lint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_file(Path::new(KNOWLEDGE_FILE)))
    }
}

/// What makes two intents the same to a reader of the file: their words
/// other than stop words, sorted ("what is the aid" and "aid what is" are
/// one); empty when an intent has only stop words. An intent asking "why"
/// asks for a reason, not for what its words tell, so "why" stays in its
/// key ("why did the council extend its hours" is not "the council extended
/// its hours").
pub fn intent_key(intent: &str) -> String {
    let words = words(intent);
    let why = words.iter().any(|w| w == "why");
    let mut key: Vec<String> = words.into_iter().filter(|w| !is_stopword(w)).collect();
    key.sort();
    key.dedup();
    if why && !key.is_empty() {
        key.insert(0, "why".to_string());
    }
    key.join(" ")
}

/// Most words a byline may hold besides the author's name ("By", "and",
/// "Staff Reporter").
const BYLINE_EXTRA_WORDS: usize = 4;

/// True when a sentence is the article's credit line: its byline ("By Jane
/// Doe", naming `[article] author`) or its date line. Such a line answers
/// "who wrote this?" from `[article]`, so no fact needs to cite it.
fn is_credit_line(sentence: &str, meta: &super::ArticleMeta) -> bool {
    let lower = sentence.to_lowercase();
    let words = sentence.split_whitespace().count();
    let names = |credit: &Option<String>| {
        credit.as_deref().is_some_and(|c| {
            let c = c.trim().to_lowercase();
            !c.is_empty()
                && lower.contains(&c)
                && words <= c.split_whitespace().count() + BYLINE_EXTRA_WORDS
        })
    };
    names(&meta.author) || names(&meta.date)
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
        .filter(|(s, c)| !**c && !is_credit_line(&s.text, &knowledge.meta))
        // "But it will be." says nothing a question could ask for.
        .filter(|(s, _)| !intent_key(&s.text).is_empty())
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{intent_key, lints};
    use crate::knowledge::load_str;

    #[test]
    fn an_intent_asking_why_is_not_the_same_words_without_it() {
        assert_eq!(intent_key("what is the aid"), intent_key("aid what is"));
        assert_ne!(
            intent_key("why did the council extend hours"),
            intent_key("the council extend hours")
        );
        assert_eq!(intent_key("why"), "");
    }

    const ARTICLE: &str = "Bridge opens

By Jane Doe

The new bridge opened on Monday. It cost 40 million euros. But it was.
";

    const KNOWLEDGE: &str = r#"
[article]
title = "Bridge opens"
author = "Jane Doe"

[summary]
short = "A bridge opened."
long = "A bridge opened."

[topics.bridge]
title = "The bridge"
summary = "A bridge opened."

[[fact]]
id = "opening"
topic = "bridge"
intents = ["when did the bridge open"]
answer = "On Monday."
source = "The new bridge opened on Monday."
"#;

    #[test]
    fn uncited_sentences_are_listed_but_not_the_byline() {
        let k = load_str(Path::new("kb"), KNOWLEDGE, ARTICLE).unwrap_or_else(|e| panic!("{e}"));
        let messages: Vec<String> = lints(&k).into_iter().map(|l| l.message).collect();
        let uncited: Vec<&String> = messages
            .iter()
            .filter(|m| m.contains("no fact cites"))
            .collect();
        assert_eq!(uncited.len(), 2, "{messages:?}");
        assert!(
            uncited
                .iter()
                .any(|m| m.contains("It cost 40 million euros."))
        );
        assert!(uncited.iter().any(|m| m.contains("Bridge opens")));
        // A sentence of stop words only is no fact to miss.
        assert!(!uncited.iter().any(|m| m.contains("But it was.")));
        // Without an author, the byline is a sentence like any other.
        let anonymous = KNOWLEDGE.replace("author = \"Jane Doe\"\n", "");
        let k = load_str(Path::new("kb"), &anonymous, ARTICLE).unwrap_or_else(|e| panic!("{e}"));
        assert!(lints(&k).iter().any(|l| l.message.contains("By Jane Doe")));
    }
}
