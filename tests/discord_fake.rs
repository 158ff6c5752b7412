//! The fake Discord's payloads deserialize into serenity 0.12.5's own types.
//! serenity drops an event it cannot read without a word, so a fake payload
//! missing a field would make an end-to-end test wait for nothing; these tests
//! name the payload and the serde error instead.

mod support;

use poise::serenity_prelude as serenity;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use serenity::{Event, GatewayEvent};

use support::*;

fn read<T: DeserializeOwned>(what: &str, value: Value) -> T {
    match serde_json::from_value::<T>(value.clone()) {
        Ok(t) => t,
        Err(error) => panic!("{what} does not deserialize: {error}\n{value:#}"),
    }
}

fn dispatch(event: &str, d: Value) -> Event {
    let payload = json!({"op": 0, "t": event, "s": 1, "d": d});
    match read::<GatewayEvent>(event, payload) {
        GatewayEvent::Dispatch(_, event) => event,
        other => panic!("{event} is not a dispatch: {other:?}"),
    }
}

#[tokio::test]
async fn gateway_payloads_deserialize_into_serenity_events() {
    let fake = FakeDiscord::start(FakeOptions::default()).await;

    let Event::Ready(ready) = dispatch("READY", ready("s", [0, 1], "ws://127.0.0.1:1")) else {
        panic!("READY")
    };
    assert_eq!(ready.ready.guilds.len(), 2);

    let Event::GuildCreate(created) = dispatch("GUILD_CREATE", guild(GUILD)) else {
        panic!("GUILD_CREATE")
    };
    assert_eq!(created.guild.channels.len(), 5, "a channel was dropped");
    assert_eq!(created.guild.members.len(), 4, "a member was dropped");
    assert_eq!(created.guild.roles.len(), 4, "a role was dropped");

    let message = fake.user_message(
        10,
        ALICE,
        GENERAL,
        &format!("<@{BOT}> hi @everyone <@&{MEMBERS_ROLE}>"),
    );
    let Event::MessageCreate(created) = dispatch("MESSAGE_CREATE", message) else {
        panic!("MESSAGE_CREATE")
    };
    assert_eq!(created.message.mentions.len(), 1);
    assert_eq!(created.message.mention_roles.len(), 1);
    assert!(created.message.mention_everyone);

    let dm = fake.user_message(11, ALICE, DM, "hello");
    let Event::MessageCreate(created) = dispatch("MESSAGE_CREATE", dm) else {
        panic!("DM MESSAGE_CREATE")
    };
    assert!(created.message.guild_id.is_none());

    let options = json!([{"name": "question", "type": 3, "value": "who?"}]);
    let data = json!({"id": "7001", "name": "ask", "type": 1, "options": options});
    let slash = interaction_payload(
        2,
        &Interaction {
            id: 12,
            token: "t".into(),
        },
        OWNER,
        GENERAL,
        data,
        None,
    );
    let Event::InteractionCreate(created) = dispatch("INTERACTION_CREATE", slash) else {
        panic!("command")
    };
    let serenity::Interaction::Command(command) = created.interaction else {
        panic!("not a command interaction")
    };
    let permissions = command
        .member
        .as_ref()
        .and_then(|m| m.permissions)
        .expect("member.permissions");
    assert!(permissions.manage_guild());
    assert!(command.app_permissions.is_some());

    let data = json!({"id": "7002", "name": "summary", "type": 1, "options": [{"name": "topic", "type": 3, "value": "ai", "focused": true}]});
    let auto = interaction_payload(
        4,
        &Interaction {
            id: 13,
            token: "t".into(),
        },
        ALICE,
        GENERAL,
        data,
        None,
    );
    let Event::InteractionCreate(created) = dispatch("INTERACTION_CREATE", auto) else {
        panic!("autocomplete")
    };
    assert!(matches!(
        created.interaction,
        serenity::Interaction::Autocomplete(_)
    ));

    let body = json!({
        "content": "Did you mean?",
        "components": [{"type": 1, "components": [{"type": 2, "style": 2, "label": "a", "custom_id": "citebot:fact:a"}]}],
        "message_reference": {"message_id": "10"},
    });
    let message = bot_message(14, GENERAL, &body, 0);
    let clicked = interaction_payload(
        3,
        &Interaction {
            id: 15,
            token: "t".into(),
        },
        ALICE,
        GENERAL,
        json!({"custom_id": "citebot:fact:a", "component_type": 2}),
        Some(message),
    );
    let Event::InteractionCreate(created) = dispatch("INTERACTION_CREATE", clicked) else {
        panic!("component")
    };
    let serenity::Interaction::Component(click) = created.interaction else {
        panic!("not a component interaction")
    };
    assert_eq!(
        click.message.components.len(),
        1,
        "the buttons were dropped"
    );

    let dm_slash = interaction_payload(
        2,
        &Interaction {
            id: 16,
            token: "t".into(),
        },
        ALICE,
        DM,
        json!({"id": "7003", "name": "help", "type": 1}),
        None,
    );
    let Event::InteractionCreate(created) = dispatch("INTERACTION_CREATE", dm_slash) else {
        panic!("DM command")
    };
    assert!(
        matches!(created.interaction, serenity::Interaction::Command(c) if c.user.id.get() == ALICE)
    );

    assert!(matches!(dispatch("RESUMED", json!({})), Event::Resumed(_)));
}

#[tokio::test]
async fn rest_answers_deserialize_into_serenity_models() {
    let _: serenity::CurrentApplicationInfo = read("application", application());
    let _: serenity::CurrentUser = read("current user", user(BOT));
    let _: serenity::Member = read("member", member(OWNER));
    let _: serenity::Role = read("role", role(ADMIN_ROLE, "Admins", 32, 1));
    let _: serenity::GuildChannel = read("channel", channel(GENERAL, GUILD, "general", json!([])));
    let body = json!({"content": "x", "message_reference": {"message_id": "10"}, "allowed_mentions": {"parse": []}});
    let message: serenity::Message = read("created message", bot_message(14, GENERAL, &body, 0));
    assert!(message.message_reference.is_some());
}
