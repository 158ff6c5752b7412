//! A tiny made-up knowledge base on which each rule is tested alone, and
//! helpers that ask which rules fired for which fact.

use std::path::Path;
use std::sync::OnceLock;

use crate::engine::{Engine, Reply};
use crate::knowledge::load_str;

const ARTICLE: &str = "Riverton gets a new bridge

The town council said on Monday that the new bridge will open on 3 May. Germany gave a grant of $2 million for the bridge, to pay for its steel.

About 300 workers built the bridge in two years. France said the bridge was too costly. The project was praised by a local newspaper. Germany lent engineers to France for the project.

Berlin barred Spain from selling German steel to the town.
";

const KNOWLEDGE: &str = r#"
[article]
title = "Riverton gets a new bridge"

[summary]
short = "Riverton's bridge opens in May."
long = "Riverton's bridge opens in May, paid for by a German grant."

[topics.bridge]
title = "The bridge"
summary = "Who built it and who paid."

[[fact]]
id = "bridge-opening"
topic = "bridge"
intents = ["when will the bridge open", "opening date of the bridge"]
answer = "On 3 May."
source = "The town council said on Monday that the new bridge will open on 3 May."

[[fact]]
id = "bridge-grant"
topic = "bridge"
intents = ["how much money did germany give for the bridge", "who paid for the bridge"]
actors = ["germany"]
answer = "Germany gave a grant of $2 million."
source = "Germany gave a grant of $2 million for the bridge, to pay for its steel."

[[fact]]
id = "grant-purpose"
topic = "bridge"
intents = ["what is the steel for"]
answer = "The grant pays for the bridge's steel."
source = "Germany gave a grant of $2 million for the bridge, to pay for its steel."

[[fact]]
id = "bridge-workers"
topic = "bridge"
intents = ["how many workers built the bridge", "how long did the building take"]
answer = "About 300 workers, in two years."
source = "About 300 workers built the bridge in two years."

[[fact]]
id = "france-cost"
topic = "bridge"
intents = ["what did france say about the bridge cost", "why was france unhappy with the bridge"]
answer = "France found it too costly."
source = "France said the bridge was too costly."

[[fact]]
id = "newspaper-praise"
topic = "bridge"
intents = ["what did the newspaper think of the project"]
answer = "A local newspaper praised it."
source = "The project was praised by a local newspaper."

[[fact]]
id = "engineers-loan"
topic = "bridge"
intents = ["who lent engineers to france"]
actors = ["germany"]
answer = "Germany lent France engineers."
source = "Germany lent engineers to France for the project."

[[fact]]
id = "steel-barred"
topic = "bridge"
intents = ["what did berlin bar"]
answer = "Berlin barred Spain from selling German steel."
source = "Berlin barred Spain from selling German steel to the town."
"#;

/// The engine over the made-up bridge article, built once.
pub fn tiny() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let knowledge =
            load_str(Path::new("tiny"), KNOWLEDGE, ARTICLE).unwrap_or_else(|e| panic!("{e}"));
        Engine::new(knowledge)
    })
}

/// The `--explain` text of a question.
pub fn explain(engine: &Engine, question: &str) -> String {
    engine.explain(question, 10).to_string()
}

/// True when `rule` fired for fact `fact` on `question`.
pub fn fired(engine: &Engine, question: &str, fact: &str, rule: super::Rule) -> bool {
    let explained = engine.explain(question, 20);
    let Some(found) = explained.facts.iter().find(|c| c.fact == fact) else {
        panic!("fact {fact} was not scored for {question:?}:\n{explained}");
    };
    found.effects.iter().any(|e| e.rule == rule)
}

/// Asserts that `question` is not answered (declined or unsure), showing
/// the reply when it is.
pub fn assert_not_answered(engine: &Engine, question: &str) {
    let reply = engine.answer(question);
    assert!(
        !matches!(reply, Reply::Answered(_)),
        "{question:?}: {reply:?}"
    );
}

/// True when the question is answered with fact `fact`.
pub fn answered_with(engine: &Engine, question: &str, fact: &str) -> bool {
    matches!(engine.answer(question), Reply::Answered(a) if a.fact.as_deref() == Some(fact))
}
