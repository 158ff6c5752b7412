//! The Discord bot end to end: the real serenity and poise stack against a
//! fake Discord on loopback (`tests/support/fake_discord.rs`). Each test
//! starts its own fake and bot, and asserts what a user would see.

mod support;

use std::time::Duration;

use citebot::discord::format;
use citebot::{Engine, Reply, load_dir};
use serde_json::{Value, json};
use support::*;

const AID_QUESTION: &str = "how much aid did the us send to ukraine";
const AID_QUOTE: &str = "283 tons of ammunition";

fn engine() -> Engine {
    Engine::new(load_dir(&knowledge_dir()).expect("the shipped knowledge loads"))
}

fn string_option(name: &str, value: &str) -> Value {
    json!([{"name": name, "type": 3, "value": value}])
}

#[tokio::test]
async fn mention_gets_a_reply_quoting_the_sentence() {
    let mut bot = Bot::start_default().await;
    let reply = bot
        .ask(ALICE, GENERAL, &format!("<@{BOT}> {AID_QUESTION}"))
        .await;
    assert!(reply.content.contains(AID_QUOTE), "{}", reply.content);
    assert!(
        reply.content.contains("— paragraph "),
        "the paragraph is cited: {}",
        reply.content
    );
    assert!(reply.pings_nobody(), "{:?}", reply.allowed_mentions);

    let reply = bot
        .ask(
            ALICE,
            GENERAL,
            &format!("<@!{BOT}> who delivered the document to moscow?"),
        )
        .await;
    assert!(reply.content.contains("John Sullivan"), "{}", reply.content);
    bot.stop().await.expect("clean stop");
}

#[tokio::test]
async fn message_in_an_answer_channel_or_a_dm_gets_a_reply() {
    let bot = Bot::start_default().await;
    let reply = bot
        .ask(ALICE, ANSWERS, "who delivered the document to moscow")
        .await;
    assert!(reply.content.contains("John Sullivan"), "{}", reply.content);
    let reply = bot.ask(ALICE, DM, AID_QUESTION).await;
    assert!(reply.content.contains(AID_QUOTE), "{}", reply.content);
}

#[tokio::test]
async fn messages_not_for_the_bot_get_nothing() {
    let bot = Bot::start_default().await;
    let ignored = [
        bot.fake.say(ALICE, GENERAL, AID_QUESTION), // elsewhere, no mention
        bot.fake.say(OTHER_BOT, ANSWERS, AID_QUESTION), // a bot
        bot.fake
            .say(OTHER_BOT, GENERAL, &format!("<@{BOT}> {AID_QUESTION}")), // a bot mentioning it
        bot.fake.say(BOT, ANSWERS, AID_QUESTION),   // itself
        bot.fake.say(ALICE, GENERAL, &format!("<@{BOT}>   ")), // nothing after the mention
    ];
    // A question after them is answered; by then the others have been handled.
    bot.ask(ALICE, ANSWERS, AID_QUESTION).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    for id in ignored {
        assert!(
            bot.fake.view(|v| v.replies_to(id)).is_empty(),
            "message {id} got a reply"
        );
    }
    assert_eq!(bot.fake.view(|v| v.messages().len()), 1);
}

#[tokio::test]
async fn unknown_question_says_the_article_does_not_say_and_points_to_topics() {
    let bot = Bot::start_default().await;
    let reply = bot
        .ask(ALICE, ANSWERS, "what is the boiling point of mercury")
        .await;
    assert!(reply.content.contains("does not"), "{}", reply.content);
    assert!(reply.content.contains("/topics"), "{}", reply.content);
}

#[tokio::test]
async fn slash_ask_answers_in_public() {
    let bot = Bot::start_default().await;
    let reply = bot
        .slash(
            ALICE,
            GENERAL,
            "ask",
            string_option("question", AID_QUESTION),
        )
        .await;
    assert!(!reply.ephemeral);
    assert!(reply.content.contains(AID_QUOTE), "{}", reply.content);
    assert!(reply.pings_nobody(), "{:?}", reply.allowed_mentions);
}

#[tokio::test]
async fn slash_summary_long_and_topic_with_autocomplete() {
    let bot = Bot::start_default().await;
    let knowledge = load_dir(&knowledge_dir()).expect("knowledge");
    // Discord sends the value of the choice the user picked, as registered.
    let registered = bot.fake.wait_commands(WAIT).await.expect("commands");
    let summary = registered
        .body
        .as_array()
        .and_then(|cs| cs.iter().find(|c| c["name"] == "summary"))
        .expect("/summary");
    let length = summary["options"]
        .as_array()
        .and_then(|os| os.iter().find(|o| o["name"] == "length"))
        .expect("length");
    let long = length["choices"]
        .as_array()
        .and_then(|cs| cs.iter().find(|c| c["name"] == "long"))
        .expect("long");
    let options = json!([{"name": "length", "type": length["type"], "value": long["value"]}]);

    let reply = bot.slash(ALICE, GENERAL, "summary", options).await;
    let first_sentence = citebot::text::split_sentences(&knowledge.summary_long)[0];
    assert!(reply.content.contains(first_sentence), "{}", reply.content);
    assert!(reply.content.chars().count() <= 2000);

    let topic = &knowledge.topics[knowledge.topics.len() - 1];
    let typed: String = topic.id.chars().take(3).collect();
    let asked = bot
        .fake
        .autocomplete(ALICE, GENERAL, "summary", "topic", &typed);
    let choices = bot
        .fake
        .wait_until(WAIT, |v| v.autocomplete_choices(&asked))
        .await
        .expect("autocomplete answer");
    assert!(
        choices.iter().any(|c| c["value"] == json!(topic.id)),
        "{choices:?}"
    );

    let reply = bot
        .slash(ALICE, GENERAL, "summary", string_option("topic", &topic.id))
        .await;
    assert!(reply.content.contains(&topic.title), "{}", reply.content);

    let reply = bot
        .slash(
            ALICE,
            GENERAL,
            "summary",
            string_option("topic", "no-such-topic"),
        )
        .await;
    assert!(reply.ephemeral, "errors are private");
    assert!(reply.content.contains("no topic"), "{}", reply.content);
}

#[tokio::test]
async fn slash_topics_lists_every_topic() {
    let bot = Bot::start_default().await;
    let knowledge = load_dir(&knowledge_dir()).expect("knowledge");
    let reply = bot.slash(ALICE, GENERAL, "topics", json!([])).await;
    for topic in &knowledge.topics {
        assert!(
            reply.content.contains(&topic.title),
            "{} missing from {}",
            topic.title,
            reply.content
        );
    }
}

#[tokio::test]
async fn slash_quote_gives_the_paragraph() {
    let bot = Bot::start_default().await;
    let knowledge = load_dir(&knowledge_dir()).expect("knowledge");
    let reply = bot
        .slash(
            ALICE,
            GENERAL,
            "quote",
            json!([{"name": "paragraph", "type": 4, "value": 4}]),
        )
        .await;
    let paragraph = format::escape_markdown(knowledge.article.paragraph(4).expect("paragraph 4"));
    let start: String = paragraph.chars().take(60).collect();
    assert!(reply.content.contains(&start), "{}", reply.content);
    assert!(
        reply.content.ends_with("— paragraph 4"),
        "{}",
        reply.content
    );

    let reply = bot
        .slash(
            ALICE,
            GENERAL,
            "quote",
            json!([{"name": "paragraph", "type": 4, "value": 999}]),
        )
        .await;
    assert!(reply.ephemeral);
    assert!(
        reply.content.contains("0 (the headline) to"),
        "{}",
        reply.content
    );
}

#[tokio::test]
async fn slash_help_is_private_and_lists_the_commands() {
    let bot = Bot::start_default().await;
    let reply = bot.slash(ALICE, GENERAL, "help", json!([])).await;
    assert!(reply.ephemeral);
    for command in ["/ask", "/summary", "/topics", "/quote", "/reload"] {
        assert!(
            reply.content.contains(command),
            "{command} missing from {}",
            reply.content
        );
    }
}

/// A question the engine is unsure about, found by asking fragments of the
/// knowledge's own intents (the engine's tuning changes; this search follows it).
fn unsure_question(engine: &Engine) -> (String, Vec<citebot::Suggestion>) {
    for fact in &engine.knowledge().facts {
        for intent in &fact.intents {
            let words: Vec<&str> = intent.split_whitespace().collect();
            for n in 1..words.len() {
                for q in [words[..n].join(" "), words[n..].join(" ")] {
                    if let Reply::Unsure(s) = engine.answer(&q)
                        && !s.is_empty()
                    {
                        return (q, s);
                    }
                }
            }
        }
    }
    panic!("no question makes the engine unsure");
}

#[tokio::test]
async fn suggestion_button_answers_the_chosen_fact() {
    let engine = engine();
    let (question, suggestions) = unsure_question(&engine);
    let bot = Bot::start_default().await;
    let reply = bot.ask(ALICE, ANSWERS, &question).await;
    let buttons = reply.buttons();
    assert_eq!(
        buttons.len(),
        suggestions.len().min(3),
        "{question:?}: {}",
        reply.content
    );
    let chosen = &suggestions[buttons.len() - 1];
    let (label, custom_id) = &buttons[buttons.len() - 1];
    assert!(
        chosen.intent.starts_with(label.trim_end_matches('…')),
        "{label} vs {}",
        chosen.intent
    );

    let click = bot.fake.click(HELPER, &reply.message, custom_id);
    let answer = bot
        .fake
        .interaction_reply(&click, WAIT)
        .await
        .expect("an answer to the click");
    let expected = engine
        .answer_fact(&chosen.fact)
        .expect("the suggested fact exists");
    assert_eq!(answer.content, format::answer_text(&expected));
    assert!(
        !answer.ephemeral,
        "the chosen answer is shown to the channel"
    );
    assert!(answer.pings_nobody());
}

#[tokio::test]
async fn everyone_and_role_mentions_never_ping() {
    let bot = Bot::start_default().await;
    let pings = format!("@everyone @here <@&{MEMBERS_ROLE}> <@{OWNER}>");
    let answered = bot
        .ask(ALICE, GENERAL, &format!("<@{BOT}> {pings} {AID_QUESTION}"))
        .await;
    let echoed = bot
        .ask(
            ALICE,
            ANSWERS,
            &format!("{pings} what did Zorblax Quennington say"),
        )
        .await;
    let slash = bot
        .slash(
            ALICE,
            GENERAL,
            "ask",
            string_option("question", &format!("{pings} {AID_QUESTION}")),
        )
        .await;
    for reply in [answered, echoed, slash] {
        assert!(
            reply.pings_nobody(),
            "{:?} for {}",
            reply.allowed_mentions,
            reply.content
        );
    }
    // Every message and interaction response the bot sent forbids pings.
    bot.fake.view(|v| {
        for r in v.requests().filter(|r| {
            r.method == "POST" && (r.path.ends_with("/messages") || r.path.ends_with("/callback"))
        }) {
            let body = if r.path.ends_with("/callback") {
                &r.body["data"]
            } else {
                &r.body
            };
            if r.body["type"] == json!(4) || r.path.ends_with("/messages") {
                assert_eq!(body["allowed_mentions"]["parse"], json!([]), "{}", r.path);
                assert_eq!(
                    body["allowed_mentions"]["replied_user"],
                    json!(false),
                    "{}",
                    r.path
                );
            }
        }
    });
}

#[tokio::test]
async fn long_replies_fit_discord_limits() {
    let bot = Bot::start_default().await;
    let long_question = format!("<@{BOT}> {}", "how much aid did the us send? ".repeat(60));
    let reply = bot.ask(ALICE, GENERAL, &long_question).await;
    assert!(reply.content.chars().count() <= 2000);
    for n in 0..4 {
        let reply = bot
            .slash(
                ALICE,
                GENERAL,
                "quote",
                json!([{"name": "paragraph", "type": 4, "value": n}]),
            )
            .await;
        assert!(reply.content.chars().count() <= 2000);
    }
}

#[tokio::test]
async fn commands_are_registered_with_reload_hidden_from_non_admins() {
    let bot = Bot::start(BotOptions {
        dev_guild: Some(GUILD),
        ..BotOptions::default()
    })
    .await;
    let registered = bot.fake.wait_commands(WAIT).await.expect("commands");
    assert_eq!(
        registered.path,
        format!("/api/v10/applications/{BOT}/guilds/{GUILD}/commands")
    );
    let commands = registered.body.as_array().cloned().unwrap_or_default();
    let mut names: Vec<&str> = commands.iter().filter_map(|c| c["name"].as_str()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "ask",
            "help",
            "quote",
            "reload",
            "summary",
            "teach",
            "topics",
            "unanswered"
        ]
    );
    for admin in ["reload", "teach", "unanswered"] {
        let command = commands
            .iter()
            .find(|c| c["name"] == admin)
            .expect("an admin command");
        assert_eq!(
            command["default_member_permissions"],
            json!("32"),
            "/{admin}: Manage Server"
        );
        let guild_only =
            command["dm_permission"] == json!(false) || command["contexts"] == json!([0]);
        assert!(guild_only, "/{admin} is guild-only: {command}");
    }
}
