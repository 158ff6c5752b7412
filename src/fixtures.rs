//! Tiny made-up articles and their knowledge, shared by unit tests that need
//! an article other than the shipped one (help text, subject questions,
//! topic listings, the rules' own tests).

use std::path::Path;

use crate::knowledge::{Knowledge, load_str};

/// The fixture's knowledge file: a headline, a summary, two topics (one
/// with no fact) and one fact.
pub const LIBRARY_TOML: &str = r#"[article]
title = "Town opens a library"

[summary]
short = "A library opened in town on Monday."
long = "A library opened in town on Monday."

[topics.library]
title = "The library"
summary = "It opened."

[topics.opening-ceremony]
title = "The ceremony"
summary = "It was short."

[[fact]]
id = "opened"
topic = "library"
intents = ["when did the library open"]
answer = "On Monday."
source = "The library opened on Monday."
"#;

/// The fixture's article.
pub const LIBRARY_ARTICLE: &str = "Town opens a library\n\nThe library opened on Monday.\n";

/// The fixture loaded, with its title replaced by `title` (and the
/// article's headline with it).
pub fn library_titled(title: &str) -> Knowledge {
    let toml = LIBRARY_TOML.replace("Town opens a library", title);
    let article = LIBRARY_ARTICLE.replace("Town opens a library", title);
    load_str(Path::new("kb"), &toml, &article).unwrap_or_else(|e| panic!("{e}"))
}

/// The fixture loaded.
pub fn library() -> Knowledge {
    library_titled("Town opens a library")
}

/// Knowledge of one topic whose facts are `(id, intent, source)`, each
/// answered with its source, over `article`: the rules' tests build their
/// made-up articles so.
pub fn one_topic(article: &str, facts: &[(&str, &str, &str)]) -> Knowledge {
    with_engine(article, facts, "")
}

/// Knowledge with a fact for each `(id, sentence)` of `article`, its one
/// intent the sentence's own words, as `citebot init` drafts them;
/// `engine` is the body of the `[engine]` table ("phrase_match = 0.3").
pub fn drafted_like(article: &str, facts: &[(&str, &str)], engine: &str) -> Knowledge {
    let intents: Vec<String> = facts
        .iter()
        .map(|(_, source)| source.to_lowercase().trim_end_matches('.').to_string())
        .collect();
    let facts: Vec<(&str, &str, &str)> = facts
        .iter()
        .zip(&intents)
        .map(|(&(id, source), intent)| (id, intent.as_str(), source))
        .collect();
    with_engine(article, &facts, engine)
}

/// An article of `headline` and one paragraph for each `(id, sentence)`
/// of `facts`, in order: the made-up text a test drafts `facts` over with
/// [`drafted_like`].
pub fn article_of(headline: &str, facts: &[(&str, &str)]) -> String {
    std::iter::once(headline)
        .chain(facts.iter().map(|(_, sentence)| *sentence))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A made-up harbour article whose people and places no gazetteer lists
/// ("Tessa Morvane", "Gullrock Inn"), for the rules that read an article's
/// own names.
pub const HARBOUR_ARTICLE: &str = "Harbour hotels count the cost

Tessa Morvane runs the Gullrock Inn near the harbour. She said bookings had fallen by a third.

Perran Coyle, who owns the 30-room Harbourside Lodge, said he had lost 200 bookings.

Ferry sailings were cut in March.
";

/// [`HARBOUR_ARTICLE`] drafted one fact a sentence, as `citebot init`
/// drafts it; `engine` is the body of the `[engine]` table or empty.
pub fn harbour(engine: &str) -> Knowledge {
    let facts = [
        (
            "morvane-inn",
            "Tessa Morvane runs the Gullrock Inn near the harbour.",
        ),
        (
            "bookings-fallen",
            "She said bookings had fallen by a third.",
        ),
        (
            "coyle-lost",
            "Perran Coyle, who owns the 30-room Harbourside Lodge, said he had lost 200 bookings.",
        ),
        ("ferry-cut", "Ferry sailings were cut in March."),
    ];
    drafted_like(HARBOUR_ARTICLE, &facts, engine)
}

/// [`one_topic`] with an `[engine]` table body.
fn with_engine(article: &str, facts: &[(&str, &str, &str)], engine: &str) -> Knowledge {
    let mut toml = String::from(
        "[article]\ntitle = \"Zorblat notes\"\n[summary]\nshort = \"S.\"\nlong = \"L.\"\n\
         [topics.all]\ntitle = \"All\"\nsummary = \"All.\"\n",
    );
    for (id, intent, source) in facts {
        let (intent, source) = (intent.replace('"', "\\\""), source.replace('"', "\\\""));
        toml.push_str(&format!(
            "[[fact]]\nid = \"{id}\"\ntopic = \"all\"\nintents = [\"{intent}\"]\nanswer = \"{source}\"\nsource = \"{source}\"\n"
        ));
    }
    if !engine.is_empty() {
        toml.push_str(&format!("[engine]\n{engine}\n"));
    }
    load_str(Path::new("kb"), &toml, article).unwrap_or_else(|e| panic!("{e}"))
}
