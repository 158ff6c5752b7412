//! The learning loop through the fake Discord: a question the bot cannot
//! answer shows in `/unanswered`, `/teach` adds it to a fact, and the same
//! question is then answered; votes on answers; the log across a restart;
//! and admins only.

mod support;

use std::path::Path;
use std::time::Instant;

use citebot::questionlog::LogSettings;
use serde_json::json;
use support::*;
use tempfile::TempDir;

/// A question the shipped knowledge does not answer.
const QUESTION: &str = "how many pages was the letter";
/// The fact it is taught to.
const FACT: &str = "contents-not-disclosed";
/// That fact's sentence.
const FACT_QUOTE: &str = "The secretary did not detail what was in the document";
const AID_QUESTION: &str = "how much aid did the us send to ukraine";

/// A copy of the shipped knowledge directory and an empty data directory.
struct Dirs {
    knowledge: TempDir,
    data: TempDir,
}

fn dirs() -> Dirs {
    let knowledge = tempfile::tempdir().expect("a temporary directory");
    for entry in std::fs::read_dir(knowledge_dir()).expect("the knowledge directory") {
        let entry = entry.expect("a directory entry");
        if entry.path().is_file() {
            std::fs::copy(entry.path(), knowledge.path().join(entry.file_name()))
                .expect("copy a knowledge file");
        }
    }
    Dirs {
        knowledge,
        data: tempfile::tempdir().expect("a temporary directory"),
    }
}

fn options(dirs: &Dirs) -> BotOptions {
    BotOptions {
        knowledge_dir: dirs.knowledge.path().to_path_buf(),
        question_log: LogSettings::in_dir(dirs.data.path()),
        ..BotOptions::default()
    }
}

fn knowledge_file(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("knowledge.toml")).expect("the knowledge file")
}

fn teach_options(question: &str, fact: &str) -> serde_json::Value {
    json!([
        {"name": "question", "type": 3, "value": question},
        {"name": "fact", "type": 3, "value": fact},
    ])
}

#[tokio::test]
async fn an_unanswered_question_is_listed_taught_and_then_answered() {
    let dirs = dirs();
    let bot = Bot::start(options(&dirs)).await;
    let before = bot.ask(ALICE, ANSWERS, QUESTION).await;
    assert!(!before.content.contains(FACT_QUOTE), "{}", before.content);
    bot.ask(HELPER, ANSWERS, "How many pages was the letter?")
        .await;

    let list = bot.slash(OWNER, GENERAL, "unanswered", json!([])).await;
    assert!(list.ephemeral);
    assert!(
        list.content.contains("pages was the letter?” ×2"),
        "both wordings count as one question: {}",
        list.content
    );

    let started = Instant::now();
    let taught = bot
        .slash(OWNER, GENERAL, "teach", teach_options(QUESTION, FACT))
        .await;
    let answer = bot.ask(ALICE, ANSWERS, QUESTION).await;
    eprintln!(
        "/teach to the new answer, through the fake Discord: {:?}",
        started.elapsed()
    );
    assert!(taught.ephemeral);
    assert!(
        taught.content.contains(&format!("Changed (1): `{FACT}`")),
        "{}",
        taught.content
    );
    assert!(
        taught.content.contains("it is answered with"),
        "{}",
        taught.content
    );
    assert!(answer.content.contains(FACT_QUOTE), "{}", answer.content);

    // One new line in the fact's intents; every other byte (comments and
    // layout included) as shipped.
    let file = knowledge_file(dirs.knowledge.path());
    let new_line = format!("  \"{QUESTION}\",\n");
    assert!(file.contains(&new_line), "one new line");
    assert_eq!(
        file.replacen(&new_line, "", 1),
        knowledge_file(&knowledge_dir())
    );
    let list = bot.slash(OWNER, GENERAL, "unanswered", json!([])).await;
    assert!(
        !list.content.contains("pages was the letter"),
        "a taught question leaves the list: {}",
        list.content
    );
}

#[tokio::test]
async fn a_refused_teach_leaves_the_knowledge_as_it_was() {
    let dirs = dirs();
    let bot = Bot::start(options(&dirs)).await;
    let before = knowledge_file(dirs.knowledge.path());
    let reply = bot
        .slash(
            OWNER,
            GENERAL,
            "teach",
            teach_options(QUESTION, "no-such-fact"),
        )
        .await;
    assert!(
        reply
            .content
            .contains("Not taught: there is no fact `no-such-fact`"),
        "{}",
        reply.content
    );
    let reply = bot
        .slash(
            OWNER,
            GENERAL,
            "teach",
            teach_options("how much military aid", FACT),
        )
        .await;
    assert!(reply.content.contains("Not taught"), "{}", reply.content);
    assert_eq!(knowledge_file(dirs.knowledge.path()), before);
}

#[tokio::test]
async fn the_log_is_kept_across_a_restart() {
    let dirs = dirs();
    let mut bot = Bot::start(options(&dirs)).await;
    bot.ask(ALICE, ANSWERS, QUESTION).await;
    bot.stop().await.expect("a clean stop");
    drop(bot);
    let bot = Bot::start(options(&dirs)).await;
    let list = bot.slash(OWNER, GENERAL, "unanswered", json!([])).await;
    assert!(
        list.content.contains(&format!("“{QUESTION}” ×1")),
        "{}",
        list.content
    );
}

#[tokio::test]
async fn non_admins_may_not_list_or_teach() {
    let dirs = dirs();
    let bot = Bot::start(options(&dirs)).await;
    bot.ask(ALICE, ANSWERS, QUESTION).await;
    let before = knowledge_file(dirs.knowledge.path());
    for (name, options) in [
        ("unanswered", json!([])),
        ("teach", teach_options(QUESTION, FACT)),
    ] {
        let reply = bot.slash(ALICE, GENERAL, name, options).await;
        assert!(reply.ephemeral);
        assert!(
            reply.content.contains("Only server admins"),
            "/{name}: {}",
            reply.content
        );
        assert!(!reply.content.contains(QUESTION), "/{name}");
    }
    assert_eq!(knowledge_file(dirs.knowledge.path()), before);
}

/// Clicks `custom_id` under `answer` as `user` and waits for what they see.
async fn vote(bot: &Bot, answer: &Sent, user: u64, custom_id: &str) -> Sent {
    let click = bot.fake.click(user, &answer.message, custom_id);
    bot.fake
        .interaction_reply(&click, WAIT)
        .await
        .expect("a reply to the vote")
}

#[tokio::test]
async fn one_vote_per_user_and_answer_and_downvotes_are_listed() {
    let dirs = dirs();
    let bot = Bot::start(options(&dirs)).await;
    let answer = bot.ask(ALICE, ANSWERS, AID_QUESTION).await;
    let buttons = answer.buttons();
    let labels: Vec<&str> = buttons.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels, ["👍", "👎"], "{buttons:?}");
    let down = &buttons[1].1;

    let first = vote(&bot, &answer, ALICE, down).await;
    assert!(first.ephemeral);
    assert!(first.content.starts_with("Thanks"), "{}", first.content);
    let again = vote(&bot, &answer, ALICE, down).await;
    assert!(again.ephemeral);
    assert!(
        again.content.contains("already counted"),
        "{}",
        again.content
    );
    let other = vote(&bot, &answer, HELPER, down).await;
    assert!(!other.content.contains("already"), "{}", other.content);

    let list = bot.slash(OWNER, GENERAL, "unanswered", json!([])).await;
    assert!(
        list.content.contains("Answers voted 👎"),
        "{}",
        list.content
    );
    assert!(
        list.content.contains(&format!("×2 for “{AID_QUESTION}”")),
        "two users, two votes, whatever ALICE clicked again: {}",
        list.content
    );
}

#[tokio::test]
async fn fact_autocompletes_with_ids_and_first_intents() {
    let dirs = dirs();
    let bot = Bot::start(options(&dirs)).await;
    let interaction = bot
        .fake
        .autocomplete(OWNER, GENERAL, "teach", "fact", "not-discl");
    let choices = bot
        .fake
        .wait_until(WAIT, |v| v.autocomplete_choices(&interaction))
        .await
        .expect("autocomplete choices");
    assert!(
        choices.iter().any(|c| c["value"] == json!(FACT)
            && c["name"].as_str().is_some_and(|n| n.starts_with(FACT))),
        "{choices:?}"
    );
}

#[tokio::test]
async fn with_logging_off_nothing_is_stored_and_answers_have_no_votes() {
    let dirs = dirs();
    let bot = Bot::start(BotOptions {
        question_log: LogSettings {
            enabled: false,
            ..LogSettings::in_dir(dirs.data.path().join("off"))
        },
        ..options(&dirs)
    })
    .await;
    bot.ask(ALICE, ANSWERS, QUESTION).await;
    let answer = bot.ask(ALICE, ANSWERS, AID_QUESTION).await;
    assert!(answer.buttons().is_empty(), "{:?}", answer.buttons());
    let list = bot.slash(OWNER, GENERAL, "unanswered", json!([])).await;
    assert!(list.content.contains("logging is off"), "{}", list.content);
    assert!(!dirs.data.path().join("off").exists());
}
