//! Against the fake Discord: the per-user rate limit covers every command a
//! user can flood with, not only questions; and the knowledge watcher follows
//! a Kubernetes ConfigMap's symlinks.

mod support;

use std::path::Path;
use std::time::Duration;

use serde_json::json;
use support::*;

#[tokio::test]
async fn summary_topics_quote_and_help_count_against_the_rate_limit() {
    let bot = Bot::start(BotOptions {
        rate_limit: 1,
        rate_window: Duration::from_secs(600),
        ..BotOptions::default()
    })
    .await;
    for (name, options) in [
        ("summary", json!([])),
        ("topics", json!([])),
        (
            "quote",
            json!([{"name": "paragraph", "type": 4, "value": 0}]),
        ),
        ("help", json!([])),
    ] {
        // Each command from a fresh user: the first is served...
        let user = ALICE + 1000 + name.len() as u64;
        let first = bot.slash(user, GENERAL, name, options.clone()).await;
        assert!(
            !first.content.contains("faster than I can answer"),
            "/{name}: {}",
            first.content
        );
        // ...the second, within the window, gets the notice, privately.
        let second = bot.slash(user, GENERAL, name, options).await;
        assert!(
            second.content.contains("faster than I can answer"),
            "/{name} was not limited: {}",
            second.content
        );
        assert!(second.ephemeral, "/{name}: the notice is private");
    }
}

const CANARY_QUESTION: &str = "what is the canary phrase for the configmap test";
const CANARY_ANSWER: &str = "The canary phrase is wombat-forty-two.";

/// Writes the shipped knowledge into `dir/name`, with the canary fact added
/// when `canary`.
fn write_version(dir: &Path, name: &str, canary: bool) {
    let version = dir.join(name);
    std::fs::create_dir(&version).expect("a version directory");
    let source = knowledge_dir();
    std::fs::copy(source.join("article.txt"), version.join("article.txt")).expect("copy");
    let mut toml = std::fs::read_to_string(source.join("knowledge.toml")).expect("read");
    if canary {
        let knowledge = citebot::load_dir(&source).expect("knowledge");
        let headline = knowledge.article.paragraph(0).expect("a headline");
        toml.push_str(&format!(
            "\n[[fact]]\nid = \"configmap-canary\"\ntopic = \"{}\"\nintents = [\"{CANARY_QUESTION}\"]\nanswer = \"{CANARY_ANSWER}\"\nsource = \"{}\"\n",
            knowledge.topics[0].id,
            headline.replace('"', "\\\"")
        ));
    }
    std::fs::write(version.join("knowledge.toml"), toml).expect("write");
}

#[cfg(unix)]
#[tokio::test]
async fn the_watcher_follows_a_configmap_symlink_swap() {
    use std::os::unix::fs::symlink;
    // The layout Kubernetes mounts: files are links through `..data`, which
    // is itself a link to the current version's directory.
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path();
    write_version(root, "..v1", false);
    symlink("..v1", root.join("..data")).expect("..data link");
    for file in ["knowledge.toml", "article.txt"] {
        symlink(format!("..data/{file}"), root.join(file)).expect("file link");
    }
    let bot = Bot::start(BotOptions {
        watch: Some(Duration::from_millis(200)),
        knowledge_dir: root.to_path_buf(),
        ..BotOptions::default()
    })
    .await;
    eventually(WAIT, || {
        (!bot
            .logs
            .lines_with(&["watching the knowledge directory"])
            .is_empty())
        .then_some(())
    })
    .await
    .expect("the watcher started");
    // An update: a new version, then `..data` swapped to it by a rename.
    write_version(root, "..v2", true);
    symlink("..v2", root.join("..data_tmp")).expect("new link");
    std::fs::rename(root.join("..data_tmp"), root.join("..data")).expect("swap");
    let reloaded = eventually(WAIT * 4, || {
        let lines = bot
            .logs
            .lines_with(&["knowledge changed on disk", "facts_after"]);
        (!lines.is_empty()).then_some(lines)
    })
    .await;
    assert!(
        reloaded.is_some(),
        "the swap was not noticed; log:\n{}",
        bot.logs.text()
    );
    let answer = bot.ask(ALICE, ANSWERS, CANARY_QUESTION).await;
    assert!(answer.content.contains(CANARY_ANSWER), "{}", answer.content);
}

#[cfg(unix)]
#[tokio::test]
async fn a_fifo_in_the_knowledge_fails_the_reload_and_frees_it_for_the_next() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for file in ["knowledge.toml", "article.txt"] {
        std::fs::copy(knowledge_dir().join(file), dir.path().join(file)).expect("copy");
    }
    let bot = Bot::start(BotOptions {
        knowledge_dir: dir.path().to_path_buf(),
        ..BotOptions::default()
    })
    .await;
    let article = dir.path().join("article.txt");
    std::fs::remove_file(&article).expect("remove the article");
    let made = std::process::Command::new("mkfifo")
        .arg(&article)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let reply = bot.slash(OWNER, GENERAL, "reload", json!([])).await;
    assert!(
        reply.content.contains("Reload refused") && reply.content.contains("not a regular file"),
        "{}",
        reply.content
    );
    // The lock was released: a reload after the fix goes through.
    std::fs::remove_file(&article).expect("remove the fifo");
    std::fs::copy(knowledge_dir().join("article.txt"), &article).expect("restore");
    let reply = bot.slash(OWNER, GENERAL, "reload", json!([])).await;
    assert!(
        reply.content.contains("Reloaded the knowledge"),
        "{}",
        reply.content
    );
}
