//! Follow-up questions on Discord, through the real bot against the fake
//! Discord: each user keeps their own context in each channel, a context
//! expires, and DMs keep one too.

mod support;

use std::time::Duration;

use citebot::discord::context::Clock;
use serde_json::json;
use support::*;

const HELMETS: &str = "how many helmets did germany offer?";
const HELMETS_QUOTE: &str = "5,000 military helmets";
const DELIVERY: &str = "who delivered the document to moscow?";
/// A fact whose reason the article does not give.
const BLOCKED: &str = "did germany block estonia from sending weapons?";
/// The sentence that says when the document was delivered.
const DELIVERED_QUOTE: &str = "delivered on Wednesday a written response";

/// True when the reply quotes an article sentence.
fn cites(content: &str) -> bool {
    content.contains("— paragraph") || content.contains("— headline")
}

#[tokio::test]
async fn two_users_in_one_channel_each_keep_their_own_context() {
    let bot = Bot::start_default().await;
    let reply = bot.ask(ALICE, ANSWERS, HELMETS).await;
    assert!(reply.content.contains(HELMETS_QUOTE), "{}", reply.content);
    let reply = bot.ask(HELPER, ANSWERS, DELIVERY).await;
    assert!(reply.content.contains("John Sullivan"), "{}", reply.content);

    // Each "when?" is read with its own asker's question.
    let reply = bot.ask(ALICE, ANSWERS, "when?").await;
    assert!(reply.content.contains("On Wednesday"), "{}", reply.content);
    assert!(reply.content.contains(HELMETS_QUOTE), "{}", reply.content);
    let reply = bot.ask(HELPER, ANSWERS, "when?").await;
    assert!(reply.content.contains(DELIVERED_QUOTE), "{}", reply.content);

    // The article does not say why Germany blocked Estonia's weapons.
    let reply = bot.ask(HELPER, ANSWERS, BLOCKED).await;
    assert!(
        reply.content.contains("Berlin has further blocked"),
        "{}",
        reply.content
    );
    let reply = bot.ask(HELPER, ANSWERS, "why?").await;
    assert!(!cites(&reply.content), "{}", reply.content);

    // A name of the same kind takes the place of the previous one.
    let reply = bot.ask(ALICE, ANSWERS, "and France?").await;
    assert!(
        reply.content.contains("does not mention"),
        "{}",
        reply.content
    );
    assert!(reply.pings_nobody(), "{:?}", reply.allowed_mentions);

    // The slash command reads follow-ups in the same conversation.
    let reply = bot.ask(HELPER, ANSWERS, HELMETS).await;
    assert!(reply.content.contains(HELMETS_QUOTE), "{}", reply.content);
    let reply = bot
        .slash(
            HELPER,
            ANSWERS,
            "ask",
            json!([{"name": "question", "type": 3, "value": "when?"}]),
        )
        .await;
    assert!(reply.content.contains("On Wednesday"), "{}", reply.content);
}

#[tokio::test]
async fn a_context_expires_after_context_minutes() {
    let clock = Clock::default();
    let bot = Bot::start(BotOptions {
        context_minutes: 10,
        clock: clock.clone(),
        ..BotOptions::default()
    })
    .await;
    let mention = |q: &str| format!("<@{BOT}> {q}");
    let reply = bot.ask(ALICE, GENERAL, &mention(HELMETS)).await;
    assert!(reply.content.contains(HELMETS_QUOTE), "{}", reply.content);
    clock.advance(Duration::from_secs(9 * 60));
    let reply = bot.ask(ALICE, GENERAL, &mention("when?")).await;
    assert!(reply.content.contains("On Wednesday"), "{}", reply.content);

    clock.advance(Duration::from_secs(10 * 60 + 1));
    let reply = bot.ask(ALICE, GENERAL, &mention("when?")).await;
    assert!(!cites(&reply.content), "{}", reply.content);
}

#[tokio::test]
async fn a_dm_keeps_its_own_context() {
    let bot = Bot::start_default().await;
    let reply = bot.ask(ALICE, DM, "did the us send javelins?").await;
    assert!(reply.content.starts_with("Yes, "), "{}", reply.content);
    // Asked of Germany, the reply says who did, citing the sentence.
    let reply = bot.ask(ALICE, DM, "and Germany?").await;
    assert!(
        reply
            .content
            .starts_with("The U.S., not Germany, according to the article"),
        "{}",
        reply.content
    );
    assert!(
        reply.content.contains("Javelin missiles"),
        "{}",
        reply.content
    );
    assert!(cites(&reply.content), "{}", reply.content);

    // The DM's context is not the answer channel's.
    let reply = bot.ask(ALICE, ANSWERS, "and Germany?").await;
    assert!(!cites(&reply.content), "{}", reply.content);
}

#[tokio::test]
async fn a_picked_suggestion_is_what_follow_ups_lean_on() {
    let bot = Bot::start_default().await;
    // "helmets?" alone is unsure: the bot offers what it may mean.
    let reply = bot.ask(ALICE, ANSWERS, "helmets?").await;
    let buttons = reply.buttons();
    let Some((_, custom_id)) = buttons
        .iter()
        .find(|(_, id)| id.ends_with(":helmets-offer"))
    else {
        panic!("no helmets suggestion: {} {buttons:?}", reply.content);
    };
    let click = bot.fake.click(ALICE, &reply.message, custom_id);
    let answer = bot
        .fake
        .interaction_reply(&click, WAIT)
        .await
        .expect("an answer to the click");
    assert!(answer.content.contains(HELMETS_QUOTE), "{}", answer.content);
    let reply = bot.ask(ALICE, ANSWERS, "when?").await;
    assert!(reply.content.contains("On Wednesday"), "{}", reply.content);
}
