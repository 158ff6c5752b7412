//! The slash commands (`/ask`, `/summary`, `/topics`, `/quote`, `/help`,
//! `/reload`; `/unanswered` and `/teach` live in [`super::teach`]), the
//! framework that runs them, and the one error handler that turns failures
//! into a short private line for the user and detail for the log.

// poise's command macro moves each command's doc comment into the
// command's description and writes an undocumented function in its place.
#![allow(missing_docs)]

use std::time::Instant;

use poise::serenity_prelude as serenity;
use poise::{CreateReply, FrameworkError};

use super::format::{self, MAX_CONTENT};
use super::ratelimit::Verdict;
use super::{Context, Data, Error, events, feedback, log_question};
use crate::render::paragraph_label;

/// The poise framework: our commands, empty allowed mentions on every reply,
/// mentions handled as questions by the event handler (not as a command
/// prefix). On the first `Ready` (and only then, however often Discord sends
/// it) it registers the commands, when `register` says this process should.
pub fn framework(
    data: Data,
    register: bool,
    dev_guild: Option<serenity::GuildId>,
) -> poise::Framework<Data, Error> {
    let options = poise::FrameworkOptions {
        commands: vec![
            ask(),
            summary(),
            topics(),
            quote(),
            help(),
            reload(),
            super::teach::unanswered(),
            super::teach::teach(),
        ],
        on_error: |error| Box::pin(on_error(error)),
        event_handler: |framework, event| Box::pin(events::handle(framework, event)),
        allowed_mentions: Some(format::no_pings()),
        prefix_options: poise::PrefixFrameworkOptions {
            prefix: None,
            mention_as_prefix: false,
            ..Default::default()
        },
        initialize_owners: false,
        ..Default::default()
    };
    poise::Framework::builder()
        .options(options)
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                tracing::info!(
                    user = %ready.user.name,
                    application = ready.application.id.get(),
                    guilds = ready.guilds.len(),
                    shard = ?ready.shard.map(|s| (s.id.0, s.total)),
                    "connected to Discord"
                );
                tracing::info!("invite URL: {}", super::invite_url(ready.application.id.get()));
                if register {
                    let commands = &framework.options().commands;
                    let registered = match dev_guild {
                        Some(guild) => poise::builtins::register_in_guild(ctx, commands, guild).await,
                        None => poise::builtins::register_globally(ctx, commands).await,
                    };
                    match registered {
                        Ok(()) => tracing::info!(
                            scope = %dev_guild.map_or("global".to_string(), |g| format!("guild {g}")),
                            "slash commands registered"
                        ),
                        // Mentions and DMs still work; the old commands stay registered.
                        Err(error) => tracing::error!("could not register the slash commands: {error}"),
                    }
                }
                Ok(data)
            })
        })
        .build()
}

/// Ask a question about the article.
#[poise::command(slash_command)]
pub async fn ask(
    ctx: Context<'_>,
    #[description = "Your question about the article"]
    #[max_length = 1000]
    question: String,
) -> Result<(), Error> {
    let data = ctx.data();
    let Some(_busy) = data.in_flight.enter() else {
        return Ok(());
    };
    within_rate_limit(ctx).map_err(Error::User)?;
    let started = Instant::now();
    let engine = data.reloader.engine();
    let reply = super::answering::answer_in_context(
        data.contexts.clone(),
        engine.clone(),
        (ctx.author().id, ctx.channel_id()),
        question.clone(),
        data.answer_budget,
    )
    .await;
    let out = feedback::with_votes(data, format::reply(&reply), &question, &reply);
    let author = ctx.author().id;
    feedback::record(
        data,
        &engine,
        &question,
        &reply,
        ctx.guild_id(),
        ctx.channel_id(),
        author,
    );
    ctx.send(
        CreateReply::default()
            .content(out.content.clone())
            .components(out.components()),
    )
    .await?;
    log_question("slash", ctx.guild_id(), ctx.channel_id(), &reply, started);
    Ok(())
}

/// Counts a command against the user's rate limit; over it, the notice to
/// show the user privately (a slash command must get some reply).
fn within_rate_limit(ctx: Context<'_>) -> Result<(), String> {
    let limiter = &ctx.data().limiter;
    if limiter.check(ctx.author().id, Instant::now()) == Verdict::Allow {
        return Ok(());
    }
    Err(format::rate_limit_notice(limiter.limit(), limiter.window()))
}

/// Length of a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub enum Length {
    /// A few sentences.
    #[name = "short"]
    Short,
    /// A paragraph or two.
    #[name = "long"]
    Long,
}

/// Suggests topics whose id or title contains what was typed.
async fn autocomplete_topic(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let engine = ctx.data().reloader.engine();
    let partial = partial.trim().to_lowercase();
    let choices = engine
        .knowledge()
        .topics
        .iter()
        .filter(|t| {
            t.id.to_lowercase().contains(&partial) || t.title.to_lowercase().contains(&partial)
        })
        .take(25)
        .map(|t| serenity::AutocompleteChoice::new(format::fit(&t.title, 100), t.id.clone()))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Summarise the article, or one of its topics.
#[poise::command(slash_command)]
pub async fn summary(
    ctx: Context<'_>,
    #[description = "short (default) or long"] length: Option<Length>,
    #[description = "Summarise one topic instead (see /topics)"]
    #[autocomplete = "autocomplete_topic"]
    topic: Option<String>,
) -> Result<(), Error> {
    let Some(_busy) = ctx.data().in_flight.enter() else {
        return Ok(());
    };
    within_rate_limit(ctx).map_err(Error::User)?;
    let engine = ctx.data().reloader.engine();
    let knowledge = engine.knowledge();
    let text = match topic.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(name) => {
            let Some(topic) = knowledge.topic(name) else {
                let ids: Vec<String> = knowledge
                    .topics
                    .iter()
                    .map(|t| format!("`{}`", t.id))
                    .collect();
                return Err(Error::User(format::fit(
                    &format!(
                        "There is no topic `{}`. Topics: {}.",
                        format::escape_markdown(name),
                        ids.join(", ")
                    ),
                    MAX_CONTENT,
                )));
            };
            format::summary(&topic.title, &topic.summary)
        }
        None => {
            let (label, text) = match length.unwrap_or(Length::Short) {
                Length::Short => ("Summary", &knowledge.summary_short),
                Length::Long => ("Summary (long)", &knowledge.summary_long),
            };
            format::summary(&format!("{label} of “{}”", knowledge.meta.title), text)
        }
    };
    ctx.send(CreateReply::default().content(text)).await?;
    Ok(())
}

/// List what the article covers.
#[poise::command(slash_command)]
pub async fn topics(ctx: Context<'_>) -> Result<(), Error> {
    let Some(_busy) = ctx.data().in_flight.enter() else {
        return Ok(());
    };
    within_rate_limit(ctx).map_err(Error::User)?;
    let engine = ctx.data().reloader.engine();
    ctx.send(CreateReply::default().content(format::topics(engine.knowledge())))
        .await?;
    Ok(())
}

/// Quote a paragraph of the article (0 is the headline).
#[poise::command(slash_command)]
pub async fn quote(
    ctx: Context<'_>,
    #[description = "Paragraph number (0 is the headline)"]
    #[min = 0]
    paragraph: u32,
) -> Result<(), Error> {
    let Some(_busy) = ctx.data().in_flight.enter() else {
        return Ok(());
    };
    within_rate_limit(ctx).map_err(Error::User)?;
    let engine = ctx.data().reloader.engine();
    let article = &engine.knowledge().article;
    let n = paragraph as usize;
    let Some(text) = article.paragraph(n) else {
        let last = article.paragraphs.len().saturating_sub(1);
        return Err(Error::User(format!(
            "The article has no {}: its paragraphs go from 0 (the headline) to {last}.",
            paragraph_label(n)
        )));
    };
    ctx.send(CreateReply::default().content(format::quote(n, text)))
        .await?;
    Ok(())
}

/// How to use the bot.
#[poise::command(slash_command, ephemeral)]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    let Some(_busy) = ctx.data().in_flight.enter() else {
        return Ok(());
    };
    within_rate_limit(ctx).map_err(Error::User)?;
    let engine = ctx.data().reloader.engine();
    let meta = &engine.knowledge().meta;
    let mut source = format!("“{}”", meta.title);
    if let Some(outlet) = &meta.outlet {
        source.push_str(&format!(", {outlet}"));
    }
    if let Some(date) = &meta.date {
        source.push_str(&format!(", {date}"));
    }
    let text = format!(
        "I answer questions about one news article, {source}, and quote the sentence of the article that each answer comes from.\n\
         Ask by mentioning me, in a DM, in a channel set up for questions, or with `/ask`.\n\
         • `/ask question`: an answer, with the quoted sentence and its paragraph\n\
         • `/summary [length] [topic]`: the article's summary, short or long, or one topic's\n\
         • `/topics`: what the article covers\n\
         • `/quote paragraph`: a paragraph of the article, quoted (0 is the headline)\n\
         • `/help`: this message\n\
         • `/reload`: re-read the knowledge files (server admins)\n\
         • `/unanswered`, `/teach`: see what the bot could not answer, and teach it (server admins)"
    );
    ctx.send(
        CreateReply::default()
            .content(format::fit(&text, MAX_CONTENT))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// True for a member with Manage Server (or Administrator), a configured
/// admin role, or a configured admin user. Checked at run time because server
/// admins can let anyone see the command despite `default_member_permissions`.
pub(super) async fn is_admin(ctx: Context<'_>) -> Result<bool, Error> {
    let data = ctx.data();
    if data.admin_users.contains(&ctx.author().id) {
        return Ok(true);
    }
    let Some(member) = ctx.author_member().await else {
        return Ok(false);
    };
    if member
        .roles
        .iter()
        .any(|role| data.admin_roles.contains(role))
    {
        return Ok(true);
    }
    let permissions = match member.permissions {
        Some(permissions) => Some(permissions),
        None => ctx.guild().map(|guild| guild.member_permissions(&member)),
    };
    Ok(permissions.is_some_and(|p| p.manage_guild() || p.administrator()))
}

/// Re-read the knowledge files (server admins only).
#[poise::command(
    slash_command,
    guild_only,
    ephemeral,
    default_member_permissions = "MANAGE_GUILD",
    check = "is_admin"
)]
pub async fn reload(ctx: Context<'_>) -> Result<(), Error> {
    let Some(_busy) = ctx.data().in_flight.enter() else {
        return Ok(());
    };
    ctx.defer_ephemeral().await?;
    let text = match ctx.data().reloader.reload().await {
        Ok(report) => {
            tracing::info!(
                user = super::privacy::user_tag(ctx.author().id),
                "/reload: {}",
                report.to_string().replace('\n', " ")
            );
            report.to_string()
        }
        Err(failure) => {
            tracing::warn!(
                user = super::privacy::user_tag(ctx.author().id),
                "/reload: {}",
                failure.to_string().replace('\n', " ")
            );
            failure.to_string()
        }
    };
    ctx.send(
        CreateReply::default()
            .content(format::fit_lines(&text, MAX_CONTENT))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// Sends a private line to the user of a command, logging if even that fails.
async fn tell(ctx: Context<'_>, text: &str) {
    let reply = CreateReply::default()
        .content(format::fit(text, MAX_CONTENT))
        .ephemeral(true);
    if let Err(error) = ctx.send(reply).await {
        tracing::warn!(command = %ctx.command().qualified_name, "could not send an error reply: {error}");
    }
}

async fn on_error(error: FrameworkError<'_, Data, Error>) {
    match error {
        FrameworkError::Command {
            error: Error::User(text),
            ctx,
            ..
        } => tell(ctx, &text).await,
        FrameworkError::Command { error, ctx, .. } => {
            tracing::error!(command = %ctx.command().qualified_name, "command failed: {error}");
            tell(
                ctx,
                "Sorry, something went wrong. The bot's log has the details.",
            )
            .await;
        }
        FrameworkError::CommandCheckFailed { error, ctx, .. } => {
            if let Some(error) = error {
                tracing::error!(command = %ctx.command().qualified_name, "permission check failed: {error}");
            }
            tracing::info!(command = %ctx.command().qualified_name, user = super::privacy::user_tag(ctx.author().id), "refused: not an admin");
            tell(ctx, "Only server admins (Manage Server, or a role or user the bot is configured with) can use this command.").await;
        }
        FrameworkError::GuildOnly { ctx, .. } => {
            tell(ctx, "This command only works in a server.").await
        }
        FrameworkError::ArgumentParse { ctx, error, .. } => {
            tracing::debug!(command = %ctx.command().qualified_name, "bad argument: {error}");
            tell(
                ctx,
                "I could not read that option; please check it and try again.",
            )
            .await;
        }
        FrameworkError::EventHandler { error, event, .. } => {
            tracing::warn!(
                event = event.snake_case_name(),
                "handling a Discord event failed: {error}"
            );
        }
        other => {
            if let Err(error) = poise::builtins::on_error(other).await {
                tracing::warn!("could not report an error: {error}");
            }
        }
    }
}
