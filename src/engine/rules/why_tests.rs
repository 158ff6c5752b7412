//! Rules `unstated-reason` and `why-words` on a tiny made-up article whose
//! knowledge is written the way `citebot init` drafts it: a sentence giving
//! the reason for the one before it carries that one's words in a "why"
//! intent.

use std::path::Path;
use std::sync::OnceLock;

use super::Rule;
use super::tests::{answered_with, explain, fired};
use crate::engine::Engine;
use crate::knowledge::load_str;

const ARTICLE: &str = "Zorbton ferry crews to strike

The Zorbton council will extend ferry hours to run until midnight. This is intended to ease queues at the harbour gates.

The ferry crews will strike on Friday. Shop owners warned that the strike would hit their sales.
";

const KNOWLEDGE: &str = r#"
[article]
title = "Zorbton ferry crews to strike"

[summary]
short = "Zorbton's ferry crews strike."
long = "Zorbton's ferry crews strike on Friday."

[topics.ferry]
title = "The ferry"
summary = "Crews and hours."

[[fact]]
id = "headline"
topic = "ferry"
intents = ["zorbton ferry crews strike"]
answer = "Zorbton ferry crews to strike"
source = "Zorbton ferry crews to strike"

[[fact]]
id = "ferry-hours"
topic = "ferry"
intents = ["zorbton council extend ferry hours run midnight"]
answer = "The Zorbton council will extend ferry hours to run until midnight."
source = "The Zorbton council will extend ferry hours to run until midnight."

[[fact]]
id = "ease-queues"
topic = "ferry"
intents = ["why zorbton council extend ferry hours run midnight", "intended ease queues harbour gates"]
answer = "This is intended to ease queues at the harbour gates."
source = "This is intended to ease queues at the harbour gates."

[[fact]]
id = "strike-day"
topic = "ferry"
intents = ["ferry crews strike friday"]
answer = "The ferry crews will strike on Friday."
source = "The ferry crews will strike on Friday."

[[fact]]
id = "shops-warned"
topic = "ferry"
intents = ["shop owners warned strike hit sales"]
answer = "Shop owners warned that the strike would hit their sales."
source = "Shop owners warned that the strike would hit their sales."

[engine]
why_words = 1.0
reported_reason = 0.8
"#;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let knowledge =
            load_str(Path::new("why"), KNOWLEDGE, ARTICLE).unwrap_or_else(|e| panic!("{e}"));
        Engine::new(knowledge)
    })
}

#[test]
fn a_why_question_prefers_the_sentence_that_states_the_reason() {
    let q = "why is the council extending the ferry hours?";
    // "to run until midnight" is a purpose, but no reason stated.
    assert!(fired(engine(), q, "ferry-hours", Rule::UnstatedReason));
    assert!(!fired(engine(), q, "ease-queues", Rule::UnstatedReason));
    assert!(
        answered_with(engine(), q, "ease-queues"),
        "{}",
        explain(engine(), q)
    );
}

#[test]
fn a_headline_infinitive_is_no_stated_reason() {
    let q = "why are the ferry crews striking?";
    assert!(fired(engine(), q, "headline", Rule::UnstatedReason));
    assert!(!fired(
        engine(),
        "when will the ferry crews strike?",
        "headline",
        Rule::UnstatedReason
    ));
}

#[test]
fn words_carried_in_a_why_intent_answer_only_why() {
    let q = "what will the council do with the ferry hours?";
    assert!(
        answered_with(engine(), q, "ferry-hours"),
        "{}",
        explain(engine(), q)
    );
    assert!(
        explain(engine(), q).contains("why-words"),
        "{}",
        explain(engine(), q)
    );
    // Asked why, they count.
    let why = "why is the council extending the ferry hours?";
    assert!(!explain(engine(), why).contains("why-words"));
}

#[test]
fn a_reported_view_may_say_why_but_a_plain_event_does_not() {
    let q = "why are shop owners worried about the strike?";
    assert!(fired(engine(), q, "shops-warned", Rule::ReportedReason));
    assert!(!fired(engine(), q, "shops-warned", Rule::AnswerKind));
    let q = "why will the ferry crews strike on friday?";
    assert!(fired(engine(), q, "strike-day", Rule::AnswerKind));
    assert!(!fired(engine(), q, "strike-day", Rule::ReportedReason));
}
