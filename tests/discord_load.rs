//! Many users, a flooding user, and replies Discord refuses, end to end
//! against the fake Discord.

mod support;

use std::time::Duration;

use support::*;

const AID_QUESTION: &str = "how much aid did the us send to ukraine";
const AID_QUOTE: &str = "283 tons of ammunition";

#[tokio::test]
async fn twenty_users_asking_at_once_all_get_their_answers() {
    let bot = Bot::start_default().await;
    let asked: Vec<u64> = (0..20)
        .map(|n| bot.fake.say(6000 + n, ANSWERS, AID_QUESTION))
        .collect();
    for id in asked {
        let reply = bot
            .fake
            .reply_to(id, WAIT)
            .await
            .unwrap_or_else(|| panic!("message {id} got no answer"));
        assert!(reply.content.contains(AID_QUOTE), "{}", reply.content);
    }
    assert_eq!(bot.fake.view(|v| v.messages().len()), 20);
}

#[tokio::test]
async fn a_flooding_user_gets_one_notice_then_silence_until_the_window_passes() {
    let window = Duration::from_millis(1500);
    let bot = Bot::start(BotOptions {
        rate_limit: 3,
        rate_window: window,
        ..BotOptions::default()
    })
    .await;
    let flood: Vec<u64> = (0..8)
        .map(|_| bot.fake.say(ALICE, ANSWERS, AID_QUESTION))
        .collect();
    // Others are not affected.
    let other = bot.ask(HELPER, ANSWERS, AID_QUESTION).await;
    assert!(other.content.contains(AID_QUOTE));
    let replied = || -> Vec<Sent> {
        bot.fake
            .view(|v| flood.iter().flat_map(|id| v.replies_to(*id)).collect())
    };
    // Wait for the three answers and the notice, then give any further
    // (wrong) reply time to show up.
    eventually(WAIT, || (replied().len() >= 4).then_some(())).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let replies = replied();
    let answers = replies
        .iter()
        .filter(|r| r.content.contains(AID_QUOTE))
        .count();
    let notices: Vec<&Sent> = replies
        .iter()
        .filter(|r| r.content.contains("faster than I can answer"))
        .collect();
    assert_eq!(answers, 3, "three questions are answered");
    assert_eq!(notices.len(), 1, "one notice, then silence");
    assert!(
        notices[0].content.contains("up to 3 questions"),
        "{}",
        notices[0].content
    );
    assert_eq!(replies.len(), 4);

    // Over the limit, a slash command gets a private notice.
    let slash = bot
        .slash(
            ALICE,
            GENERAL,
            "ask",
            serde_json::json!([{"name": "question", "type": 3, "value": AID_QUESTION}]),
        )
        .await;
    assert!(
        slash.ephemeral && slash.content.contains("faster than I can answer"),
        "{}",
        slash.content
    );

    tokio::time::sleep(window).await;
    let again = bot.ask(ALICE, ANSWERS, AID_QUESTION).await;
    assert!(
        again.content.contains(AID_QUOTE),
        "answered again once the window passed: {}",
        again.content
    );
}

#[tokio::test]
async fn replies_discord_refuses_are_logged_and_the_bot_goes_on() {
    let bot = Bot::start_default().await;
    bot.fake.fail_channel(FORBIDDEN, 403);
    bot.fake.fail_channel(BROKEN, 500);
    let question = format!("<@{BOT}> {AID_QUESTION}");
    for channel in [FORBIDDEN, BROKEN, READ_ONLY] {
        bot.fake.say(ALICE, channel, &question);
    }
    let reply = bot.ask(ALICE, GENERAL, &question).await;
    assert!(reply.content.contains(AID_QUOTE));
    let logged = eventually(WAIT, || {
        let failures = bot.logs.lines_with(&["could not send the reply"]);
        (failures.len() >= 3).then_some(failures)
    });
    let failures = logged
        .await
        .unwrap_or_else(|| panic!("three failures logged; log:\n{}", bot.logs.text()));
    let all = failures.join("\n");
    for channel in [FORBIDDEN, BROKEN, READ_ONLY] {
        assert!(
            all.contains(&format!("channel={channel}")),
            "channel {channel} is named: {all}"
        );
    }
    assert!(all.contains("Missing Permissions"), "the 403: {all}");
    assert!(all.contains("500"), "the 500: {all}");
    assert!(
        all.contains("permission"),
        "the channel the bot may not write to: {all}"
    );
    // Refused in the cache: no request reached Discord for the read-only channel.
    let to_read_only = format!("/api/v10/channels/{READ_ONLY}/messages");
    assert!(
        bot.fake
            .view(|v| v.requests().all(|r| r.path != to_read_only))
    );
    let again = bot.ask(ALICE, ANSWERS, AID_QUESTION).await;
    assert!(again.content.contains(AID_QUOTE));
}
