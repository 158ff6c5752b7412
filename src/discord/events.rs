//! Gateway events: a message that is a question (a mention, a DM, or any
//! message in an answer channel) gets a reply; a click on a suggestion button
//! gets the chosen fact's answer.

use std::time::Instant;

use poise::serenity_prelude as serenity;
use serenity::{
    ComponentInteraction, CreateInteractionResponse, CreateInteractionResponseMessage,
    CreateMessage, FullEvent, Interaction, Message, UserId,
};

use super::format::{self, Outgoing};
use super::ratelimit::Verdict;
use super::{Data, Error, answering, feedback, log_question};

/// Handles the events poise does not: messages and suggestion buttons.
pub async fn handle(
    framework: poise::FrameworkContext<'_, Data, Error>,
    event: &FullEvent,
) -> Result<(), Error> {
    let ctx = framework.serenity_context;
    let data = framework.user_data;
    match event {
        FullEvent::Message { new_message } => on_message(ctx, data, new_message).await,
        FullEvent::InteractionCreate {
            interaction: Interaction::Component(click),
        } => on_click(ctx, data, click).await,
        FullEvent::Ready { data_about_bot } => {
            tracing::info!(shard = ?data_about_bot.shard.map(|s| s.id.0), "shard ready");
            Ok(())
        }
        FullEvent::Resume { .. } => {
            tracing::info!(shard = ctx.shard_id.0, "shard resumed");
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The question in a message, or `None` when the message is not one for the
/// bot: from a bot (itself included) or a webhook, outside DMs and answer
/// channels without a mention, or empty once the mention is removed.
pub fn question_in(message: &Message, bot: UserId, answer_channel: bool) -> Option<String> {
    if message.author.bot || message.author.id == bot || message.webhook_id.is_some() {
        return None;
    }
    let tags = [format!("<@{bot}>"), format!("<@!{bot}>")];
    let mentioned = message.mentions.iter().any(|u| u.id == bot)
        || tags.iter().any(|t| message.content.contains(t));
    if !(mentioned || message.guild_id.is_none() || answer_channel) {
        return None;
    }
    let mut text = message.content.clone();
    for tag in &tags {
        text = text.replace(tag, " ");
    }
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

async fn on_message(ctx: &serenity::Context, data: &Data, message: &Message) -> Result<(), Error> {
    let bot = ctx.cache.current_user().id;
    let Some(question) = question_in(
        message,
        bot,
        data.answer_channels.contains(&message.channel_id),
    ) else {
        return Ok(());
    };
    let Some(_busy) = data.in_flight.enter() else {
        return Ok(());
    };
    let out = match data.limiter.check(message.author.id, Instant::now()) {
        Verdict::Allow => None,
        Verdict::Notify => Some(Outgoing::text(format::rate_limit_notice(
            data.limiter.limit(),
            data.limiter.window(),
        ))),
        Verdict::Silent => return Ok(()),
    };
    if let Some(notice) = out {
        tracing::info!(
            user = super::privacy::user_tag(message.author.id),
            channel = message.channel_id.get(),
            "rate limit reached"
        );
        send_reply(ctx, message, &notice).await?;
        return Ok(());
    }
    let started = Instant::now();
    let engine = data.reloader.engine();
    let reply = answering::answer_in_context(
        data.contexts.clone(),
        engine.clone(),
        (message.author.id, message.channel_id),
        question.clone(),
        data.answer_budget,
    )
    .await;
    let out = feedback::with_votes(data, format::reply(&reply), &question, &reply);
    let (guild, channel, author) = (message.guild_id, message.channel_id, message.author.id);
    feedback::record(data, &engine, &question, &reply, guild, channel, author);
    let sent = send_reply(ctx, message, &out).await;
    log_question(
        "message",
        message.guild_id,
        message.channel_id,
        &reply,
        started,
    );
    sent
}

/// Replies to `message` (as a reply reference, pinging nobody). A reply
/// Discord refuses (no permission in the channel, a server error) is logged
/// with where it was going, and the bot goes on with other questions.
async fn send_reply(
    ctx: &serenity::Context,
    message: &Message,
    out: &Outgoing,
) -> Result<(), Error> {
    let reply = CreateMessage::new()
        .content(out.content.clone())
        .components(out.components())
        .reference_message(message)
        .allowed_mentions(format::no_pings());
    if let Err(error) = message.channel_id.send_message(ctx, reply).await {
        tracing::warn!(
            guild = message.guild_id.map_or(0, |g| g.get()),
            channel = message.channel_id.get(),
            "could not send the reply: {error}"
        );
    }
    Ok(())
}

async fn on_click(
    ctx: &serenity::Context,
    data: &Data,
    click: &ComponentInteraction,
) -> Result<(), Error> {
    if let Some(vote) = feedback::parse_vote(&click.data.custom_id) {
        return feedback::on_vote(ctx, data, click, vote).await;
    }
    let Some(fact) = format::parse_suggestion_id(&click.data.custom_id) else {
        return Ok(());
    };
    let Some(_busy) = data.in_flight.enter() else {
        return Ok(());
    };
    let started = Instant::now();
    let private = |text: String| {
        CreateInteractionResponseMessage::new()
            .content(format::fit(&text, format::MAX_CONTENT))
            .ephemeral(true)
    };
    let message = if data.limiter.check(click.user.id, Instant::now()) != Verdict::Allow {
        private(format::rate_limit_notice(
            data.limiter.limit(),
            data.limiter.window(),
        ))
    } else {
        let engine = data.reloader.engine();
        match engine.answer_fact(fact) {
            Some(answer) => {
                data.contexts
                    .picked(&engine, click.user.id, click.channel_id, fact);
                let reply = crate::engine::Reply::Answered(answer);
                log_question("button", click.guild_id, click.channel_id, &reply, started);
                let picked = format!("(picked the suggestion `{fact}`)");
                let out = feedback::with_votes(data, format::reply(&reply), &picked, &reply);
                CreateInteractionResponseMessage::new()
                    .content(out.content.clone())
                    .components(out.components())
            }
            None => private(
                "That suggestion is no longer in the knowledge; please ask again.".to_string(),
            ),
        }
    };
    let message = message.allowed_mentions(format::no_pings());
    if let Err(error) = click
        .create_response(ctx, CreateInteractionResponse::Message(message))
        .await
    {
        tracing::warn!(
            guild = click.guild_id.map_or(0, |g| g.get()),
            channel = click.channel_id.get(),
            "could not answer a suggestion click: {error}"
        );
    }
    Ok(())
}
