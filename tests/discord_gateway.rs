//! The gateway connection end to end against the fake Discord: resuming after
//! each way a connection ends, sharding, clean shutdown, and the `citebot`
//! binary itself (settings, logs without the token, SIGTERM).

mod support;

use std::process::Stdio;

use citebot::discord::Shards;
use support::*;

const AID_QUESTION: &str = "how much aid did the us send to ukraine";
const AID_QUOTE: &str = "283 tons of ammunition";

fn resumes(fake: &FakeDiscord) -> usize {
    fake.frames()
        .iter()
        .filter(|f| matches!(f, GatewayFrame::Resume(_)))
        .count()
}

fn identifies(fake: &FakeDiscord) -> Vec<serde_json::Value> {
    fake.frames()
        .into_iter()
        .filter_map(|f| match f {
            GatewayFrame::Identify(d) => Some(d),
            _ => None,
        })
        .collect()
}

fn command_registrations(fake: &FakeDiscord) -> usize {
    fake.view(|v| {
        v.requests()
            .filter(|r| r.method == "PUT" && r.path.ends_with("/commands"))
            .count()
    })
}

/// Cuts the connection as `how` says, with a question sent while the bot is
/// away; the bot must resume (not identify again), answer that question, and
/// answer the next one.
async fn resumes_after(how: Interrupt) {
    let bot = Bot::start_default().await;
    bot.ask(ALICE, ANSWERS, AID_QUESTION).await;
    let away = bot
        .fake
        .say_while_away(how, ALICE, ANSWERS, "who delivered the document to moscow");
    let reply = bot.fake.reply_to(away, WAIT).await;
    let reply = reply.unwrap_or_else(|| {
        panic!(
            "{how:?}: the question sent while away was not answered; log:\n{}",
            bot.logs.text()
        )
    });
    assert!(reply.content.contains("John Sullivan"), "{}", reply.content);
    assert_eq!(resumes(&bot.fake), 1, "{how:?}: resumed once");
    assert_eq!(identifies(&bot.fake).len(), 1, "{how:?}: no new session");
    let next = bot.ask(ALICE, ANSWERS, AID_QUESTION).await;
    assert!(next.content.contains(AID_QUOTE));
    let mut bot = bot;
    bot.stop().await.expect("clean stop");
}

#[tokio::test]
async fn resumes_after_close_code_4000() {
    resumes_after(Interrupt::Close(4000)).await;
}

#[tokio::test]
async fn resumes_after_the_tcp_connection_drops() {
    resumes_after(Interrupt::Drop).await;
}

#[tokio::test]
async fn resumes_after_op_7_reconnect() {
    resumes_after(Interrupt::Reconnect).await;
}

#[tokio::test]
async fn a_second_ready_does_not_register_commands_again() {
    let bot = Bot::start_default().await;
    bot.fake.invalidate_session();
    // serenity waits 5 s between two IDENTIFYs, as Discord asks.
    assert!(
        bot.fake.wait_ready(2, WAIT * 2).await,
        "no second READY; log:\n{}",
        bot.logs.text()
    );
    let reply = bot.ask(ALICE, ANSWERS, AID_QUESTION).await;
    assert!(reply.content.contains(AID_QUOTE));
    assert_eq!(command_registrations(&bot.fake), 1);
}

#[tokio::test]
async fn shard_range_runs_its_shards_and_registers_commands_once() {
    let options = BotOptions {
        shards: Shards::Range {
            first: 0,
            last: 1,
            total: 2,
        },
        shards_to_wait_for: 2,
        ..BotOptions::default()
    };
    let bot = Bot::start(options).await;
    let mut shards: Vec<String> = identifies(&bot.fake)
        .iter()
        .map(|d| d["shard"].to_string())
        .collect();
    shards.sort();
    assert_eq!(shards, ["[0,2]", "[1,2]"]);
    let on_shard_1 = bot
        .ask(ALICE, OTHER_CHANNEL, &format!("<@{BOT}> {AID_QUESTION}"))
        .await;
    assert!(on_shard_1.content.contains(AID_QUOTE));
    let on_shard_0 = bot.ask(ALICE, ANSWERS, AID_QUESTION).await;
    assert!(on_shard_0.content.contains(AID_QUOTE));
    assert_eq!(command_registrations(&bot.fake), 1);
}

#[tokio::test]
async fn shard_range_without_shard_zero_leaves_commands_to_that_process() {
    let options = BotOptions {
        shards: Shards::Range {
            first: 1,
            last: 1,
            total: 4,
        },
        ..BotOptions::default()
    };
    let bot = Bot::start(options).await;
    assert_eq!(identifies(&bot.fake)[0]["shard"].to_string(), "[1,4]");
    let reply = bot
        .ask(ALICE, OTHER_CHANNEL, &format!("<@{BOT}> {AID_QUESTION}"))
        .await;
    assert!(reply.content.contains(AID_QUOTE));
    assert_eq!(command_registrations(&bot.fake), 0);
}

#[tokio::test]
async fn stop_closes_the_gateway_cleanly() {
    let mut bot = Bot::start_default().await;
    bot.ask(ALICE, ANSWERS, AID_QUESTION).await;
    let result = bot.stop().await;
    assert!(result.is_ok(), "{result:?}");
    let frames = bot.fake.frames();
    assert!(
        frames
            .iter()
            .any(|f| matches!(f, GatewayFrame::Close(Some(1000)))),
        "frames: {frames:?}"
    );
    assert!(
        !bot.logs
            .lines_with(&["citebot::discord", "stopped"])
            .is_empty()
    );
}

#[tokio::test]
async fn discord_refusing_the_connection_stops_the_bot_with_the_reason() {
    for (code, reason) in [(4014, "intents"), (4004, "authentication")] {
        let options = FakeOptions {
            refuse_identify: Some(code),
            ..FakeOptions::default()
        };
        let fake = FakeDiscord::start(options).await;
        let config = support::config(&BotOptions::default(), fake.api_base());
        let setup = citebot::setup::Setup {
            knowledge_dir: knowledge_dir(),
            vectors: None,
            built_in_when_missing: false,
        };
        let run = citebot::discord::run(config, setup, std::future::pending());
        let result = tokio::time::timeout(WAIT, run)
            .await
            .unwrap_or_else(|_| panic!("close code {code}: the bot kept running"));
        let Err(error) = result else {
            panic!("close code {code}: the bot returned Ok")
        };
        assert!(
            error.to_string().to_lowercase().contains(reason),
            "close code {code}: {error}"
        );
    }
}

/// Text without terminal colour codes.
fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The `citebot` binary with a clean environment, in an empty directory (so
/// that no developer's `.env` is read).
fn citebot(dir: &std::path::Path) -> tokio::process::Command {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_citebot"));
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env("NO_COLOR", "1")
        .env("VECTORS", "off")
        .env("KNOWLEDGE_DIR", knowledge_dir())
        .current_dir(dir)
        .stdin(Stdio::null())
        .kill_on_drop(true);
    command
}

/// Runs `citebot run` against a fake Discord at `RUST_LOG=trace`, asks one
/// question, sends `signal` and checks that it stops cleanly; returns its log.
async fn binary_serves_until(signal: &str) -> String {
    let fake = FakeDiscord::start(FakeOptions::default()).await;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let log_path = dir.path().join("stderr.log");
    let log = std::fs::File::create(&log_path).expect("a log file");
    let mut child = citebot(dir.path())
        .arg("run")
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_BASE", fake.api_base())
        .env("ANSWER_CHANNELS", ANSWERS.to_string())
        .env("RUST_LOG", "trace")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("start citebot");
    let read_log = || strip_ansi(&std::fs::read_to_string(&log_path).unwrap_or_default());
    assert!(
        fake.wait_ready(1, WAIT * 2).await,
        "citebot did not connect; log:\n{}",
        read_log()
    );
    assert!(
        fake.wait_commands(WAIT).await.is_some(),
        "no commands; log:\n{}",
        read_log()
    );
    let id = fake.say(ALICE, ANSWERS, AID_QUESTION);
    let reply = fake
        .reply_to(id, WAIT)
        .await
        .unwrap_or_else(|| panic!("no reply; log:\n{}", read_log()));
    assert!(reply.content.contains(AID_QUOTE));

    let pid = child.id().expect("a running child").to_string();
    let killed = tokio::process::Command::new("kill")
        .args([signal, &pid])
        .status()
        .await
        .expect("run kill");
    assert!(killed.success());
    let status = tokio::time::timeout(WAIT * 2, child.wait())
        .await
        .unwrap_or_else(|_| panic!("citebot did not stop on {signal}"))
        .expect("wait");
    let log = read_log();
    assert!(status.success(), "exit status {status}; log:\n{log}");
    assert!(
        fake.frames()
            .iter()
            .any(|f| matches!(f, GatewayFrame::Close(Some(1000)))),
        "no clean close"
    );
    log
}

#[tokio::test]
async fn binary_answers_logs_without_the_token_and_stops_on_sigterm() {
    let log = binary_serves_until("-TERM").await;
    assert!(log.contains("SIGTERM received"), "{log}");
    let question = |l: &&str| {
        l.contains("question") && l.contains("status=\"answered\"") && l.contains("latency_ms")
    };
    assert!(
        log.lines().any(|l| question(&l)),
        "one line per question: {log}"
    );
    assert!(
        log.lines().any(|l| l.contains("TRACE")),
        "the log really is at trace level"
    );
    // The secret part of the token, in every form a library might dump it:
    // as text, as hex bytes, and as decimal bytes (a `Vec<u8>` debug print).
    let secret = TOKEN.split('.').next_back().unwrap_or(TOKEN).as_bytes();
    let hex: String = secret.iter().map(|b| format!("{b:02x}")).collect();
    let decimal: Vec<String> = secret.iter().map(u8::to_string).collect();
    let lower = log.to_lowercase().replace([' ', ','], "");
    for (form, needle) in [
        ("plain", String::from_utf8_lossy(secret).to_lowercase()),
        ("hex", hex),
    ] {
        assert!(!lower.contains(&needle), "the token was logged ({form})");
    }
    for separator in [", ", ","] {
        assert!(
            !log.contains(&decimal.join(separator)),
            "the token was logged (decimal bytes)"
        );
    }
}

#[tokio::test]
async fn a_bad_setting_stops_start_up_and_names_it() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (name, value, expected) in [
        ("SHARDS", "5-1/4", "SHARDS"),
        ("ANSWER_CHANNELS", "general", "ANSWER_CHANNELS"),
        ("DISCORD_API_BASE", "localhost:3000", "DISCORD_API_BASE"),
    ] {
        let output = citebot(dir.path())
            .arg("run")
            .env("DISCORD_TOKEN", TOKEN)
            .env(name, value)
            .output()
            .await
            .expect("run citebot");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{name}={value} was accepted");
        assert!(stderr.contains(expected), "{name}={value}: {stderr}");
        assert!(!stderr.contains(TOKEN), "the token was printed");
    }
    let output = citebot(dir.path())
        .arg("run")
        .output()
        .await
        .expect("run citebot");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("DISCORD_TOKEN"));
}

#[tokio::test]
async fn binary_stops_on_ctrl_c() {
    let log = binary_serves_until("-INT").await;
    assert!(log.contains("Ctrl-C received"), "{log}");
}
