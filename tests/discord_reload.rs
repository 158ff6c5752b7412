//! `/reload` and `KNOWLEDGE_WATCH` end to end against the fake Discord, on a
//! copy of the knowledge directory that the tests break and fix.

mod support;

use std::path::Path;
use std::time::Duration;

use serde_json::json;
use support::*;
use tempfile::TempDir;

const CANARY_QUESTION: &str = "what is the canary phrase for the reload test";
const CANARY_ANSWER: &str = "The canary phrase is quokka-seventeen.";
const AID_QUESTION: &str = "how much aid did the us send to ukraine";
const AID_QUOTE: &str = "283 tons of ammunition";

/// A copy of the shipped knowledge directory.
fn knowledge_copy() -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for entry in std::fs::read_dir(knowledge_dir()).expect("the knowledge directory") {
        let entry = entry.expect("a directory entry");
        if entry.path().is_file() {
            std::fs::copy(entry.path(), dir.path().join(entry.file_name()))
                .expect("copy a knowledge file");
        }
    }
    dir
}

fn headline() -> String {
    let knowledge = citebot::load_dir(&knowledge_dir()).expect("knowledge");
    knowledge
        .article
        .paragraph(0)
        .expect("a headline")
        .to_string()
}

/// Appends a new fact with a unique intent to the knowledge file.
fn add_canary(dir: &Path) {
    let fact = format!(
        "\n[[fact]]\nid = \"reload-canary\"\ntopic = \"{}\"\nintents = [\"{CANARY_QUESTION}\", \"tell me the reload canary\"]\nkeywords = [\"canary\"]\nanswer = \"{CANARY_ANSWER}\"\nsource = \"{}\"\n",
        citebot::load_dir(&knowledge_dir())
            .expect("knowledge")
            .topics[0]
            .id,
        headline().replace('"', "\\\"")
    );
    append(dir, &fact);
}

fn append(dir: &Path, text: &str) {
    let file = dir.join("knowledge.toml");
    let mut content = std::fs::read_to_string(&file).expect("read the knowledge file");
    content.push_str(text);
    std::fs::write(&file, content).expect("write the knowledge file");
}

fn lines(dir: &Path) -> usize {
    std::fs::read_to_string(dir.join("knowledge.toml"))
        .expect("read")
        .lines()
        .count()
}

async fn start(dir: &Path, options: BotOptions) -> Bot {
    Bot::start(BotOptions {
        knowledge_dir: dir.to_path_buf(),
        ..options
    })
    .await
}

#[tokio::test]
async fn reload_by_a_non_admin_is_refused_and_changes_nothing() {
    let dir = knowledge_copy();
    let bot = start(dir.path(), BotOptions::default()).await;
    add_canary(dir.path());
    let reply = bot.slash(ALICE, GENERAL, "reload", json!([])).await;
    assert!(reply.ephemeral);
    assert!(
        reply.content.contains("Only server admins"),
        "{}",
        reply.content
    );
    let answer = bot.ask(ALICE, ANSWERS, CANARY_QUESTION).await;
    assert!(
        !answer.content.contains(CANARY_ANSWER),
        "a refused reload changed the knowledge"
    );
}

#[tokio::test]
async fn reload_with_a_broken_file_names_file_and_line_and_old_knowledge_keeps_answering() {
    let dir = knowledge_copy();
    let bot = start(dir.path(), BotOptions::default()).await;
    let first_line = lines(dir.path()) + 1;
    append(
        dir.path(),
        "\n[[fact]]\nid = \"broken\"\ntopic = \"no-such-topic\"\nintents = [\"x\"]\nanswer = \"x\"\nsource = \"This sentence is not in the article.\"\n",
    );
    let interaction = bot.fake.slash(OWNER, GENERAL, "reload", json!([]));
    let reply = bot
        .fake
        .interaction_reply(&interaction, WAIT)
        .await
        .expect("a reply to /reload");
    assert!(reply.ephemeral);
    assert!(
        reply.content.contains("Reload refused"),
        "{}",
        reply.content
    );
    assert!(
        reply
            .content
            .contains("Still answering from the old knowledge"),
        "{}",
        reply.content
    );
    // Each problem is named by file and line, within the appended entry.
    let located: Vec<String> = (first_line..first_line + 7)
        .map(|n| format!("knowledge.toml:{n}: "))
        .collect();
    assert!(
        located.iter().any(|l| reply.content.contains(l)),
        "expected one of {located:?} in {}",
        reply.content
    );
    // Deferred first (a reload may take longer than Discord's 3 seconds), privately.
    let first = bot.fake.view(|v| {
        v.requests()
            .find(|r| r.path.contains(&interaction.token) && r.path.ends_with("/callback"))
            .map(|r| r.body.clone())
    });
    let first = first.expect("an interaction callback");
    assert_eq!(first["type"], json!(5), "deferred: {first}");
    assert_eq!(first["data"]["flags"], json!(64), "privately: {first}");

    let answer = bot.ask(ALICE, ANSWERS, AID_QUESTION).await;
    assert!(answer.content.contains(AID_QUOTE), "{}", answer.content);
}

#[tokio::test]
async fn reload_with_a_fixed_file_answers_the_new_fact_at_once() {
    let dir = knowledge_copy();
    let bot = start(dir.path(), BotOptions::default()).await;
    let facts = citebot::load_dir(dir.path())
        .expect("knowledge")
        .facts
        .len();
    add_canary(dir.path());
    let reply = bot.slash(OWNER, GENERAL, "reload", json!([])).await;
    assert!(reply.ephemeral);
    let report = format!("{facts} facts before, {} after", facts + 1);
    assert!(reply.content.contains(&report), "{}", reply.content);
    assert!(
        reply.content.contains("Added (1): `reload-canary`"),
        "{}",
        reply.content
    );
    let answer = bot.ask(ALICE, ANSWERS, CANARY_QUESTION).await;
    assert!(answer.content.contains(CANARY_ANSWER), "{}", answer.content);
}

#[tokio::test]
async fn configured_admin_role_and_user_may_reload() {
    let dir = knowledge_copy();
    let options = BotOptions {
        admin_roles: vec![HELPER_ROLE],
        admin_users: vec![ALICE],
        ..BotOptions::default()
    };
    let bot = start(dir.path(), options).await;
    for user in [HELPER, ALICE] {
        let reply = bot.slash(user, GENERAL, "reload", json!([])).await;
        assert!(
            reply.content.contains("Reloaded the knowledge"),
            "user {user}: {}",
            reply.content
        );
    }
}

#[tokio::test]
async fn reload_in_a_dm_is_refused() {
    let dir = knowledge_copy();
    let options = BotOptions {
        admin_users: vec![ALICE],
        ..BotOptions::default()
    };
    let bot = start(dir.path(), options).await;
    let reply = bot.slash(ALICE, DM, "reload", json!([])).await;
    assert!(reply.ephemeral);
    assert!(
        reply.content.contains("only works in a server"),
        "{}",
        reply.content
    );
}

#[tokio::test]
async fn knowledge_watch_reloads_when_a_file_changes() {
    let dir = knowledge_copy();
    let options = BotOptions {
        watch: Some(Duration::from_millis(100)),
        ..BotOptions::default()
    };
    let bot = start(dir.path(), options).await;
    // Let the watcher take its first look before the change.
    tokio::time::sleep(Duration::from_millis(300)).await;
    add_canary(dir.path());
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        let answer = bot.ask(ALICE, ANSWERS, CANARY_QUESTION).await;
        if answer.content.contains(CANARY_ANSWER) {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the change was not picked up; log:\n{}",
            bot.logs.text()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        !bot.logs
            .lines_with(&["knowledge changed on disk", "Added (1)"])
            .is_empty(),
        "{}",
        bot.logs.text()
    );
}
