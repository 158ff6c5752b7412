//! The admins' learning loop on Discord: `/unanswered` lists what people
//! asked that the bot did not answer (and the answers voted 👎), and `/teach`
//! adds a question as an intent of a fact, reloads, and says what changed.
//! Both are for server admins only, checked like `/reload`.

// poise's command macro moves each command's doc comment into the
// command's description and writes an undocumented function in its place.
#![allow(missing_docs)]

use std::fmt::Write;

use poise::CreateReply;
use poise::serenity_prelude as serenity;

use super::commands::is_admin;
use super::format::{self, MAX_CONTENT};
use super::{Context, Error};
use crate::engine::Reply;
use crate::knowledge;
use crate::questionlog::{Downvoted, Unanswered};

/// Questions `/unanswered` lists when no limit is given.
pub const DEFAULT_LIMIT: u32 = 10;

/// 👎'd answers `/unanswered` lists below the questions.
const DOWNVOTED_LIMIT: usize = 5;

/// Longest question shown in a list, in characters.
const SHOWN_QUESTION: usize = 150;

/// List the most-asked questions the bot did not answer (server admins only).
#[poise::command(
    slash_command,
    guild_only,
    ephemeral,
    default_member_permissions = "MANAGE_GUILD",
    check = "is_admin"
)]
pub async fn unanswered(
    ctx: Context<'_>,
    #[description = "How many questions to list (default 10)"]
    #[min = 1]
    #[max = 25]
    limit: Option<u32>,
) -> Result<(), Error> {
    let Some(_busy) = ctx.data().in_flight.enter() else {
        return Ok(());
    };
    let Some(log) = ctx.data().questions.clone() else {
        return Err(Error::User(
            "Question logging is off on this bot (LOG_QUESTIONS=off), so there is nothing to list."
                .to_string(),
        ));
    };
    ctx.defer_ephemeral().await?;
    let limit = limit.unwrap_or(DEFAULT_LIMIT).clamp(1, 25) as usize;
    let lists = log
        .call(move |log| Ok((log.unanswered(limit)?, log.downvoted(DOWNVOTED_LIMIT)?)))
        .await;
    let text = match lists {
        Ok((questions, downvoted)) => list(&questions, &downvoted),
        Err(error) => {
            tracing::warn!("/unanswered: {error}");
            "Sorry, the question log could not be read; the bot's log has the details.".to_string()
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

/// The lists as Discord text: times show in each reader's own time zone.
pub fn list(questions: &[Unanswered], downvoted: &[Downvoted]) -> String {
    let shown = |q: &str| format::escape_markdown(&format::fit(q, SHOWN_QUESTION));
    let mut out = String::new();
    if questions.is_empty() {
        out.push_str("**No unanswered questions logged.**\n");
    } else {
        out.push_str("**Unanswered questions**, most asked first:\n");
        for (n, q) in questions.iter().enumerate() {
            let best = match (&q.best_fact, q.best_score) {
                (Some(fact), Some(score)) => format!("best: `{fact}` ({score:.2})"),
                (Some(fact), None) => format!("best: `{fact}`"),
                _ => "no close fact".to_string(),
            };
            let _ = writeln!(
                out,
                "{}. “{}” ×{}, last <t:{}:R>, {best}",
                n + 1,
                shown(&q.question),
                q.count,
                q.last_asked_unix
            );
        }
    }
    if !downvoted.is_empty() {
        out.push_str("**Answers voted 👎:**\n");
        for d in downvoted {
            let fact = d
                .fact
                .as_deref()
                .map_or("a sentence of the article".to_string(), |f| {
                    format!("`{f}`")
                });
            let _ = writeln!(out, "• {fact} ×{} for “{}”", d.count, shown(&d.question));
        }
    }
    out.push_str("Teach one with `/teach question:… fact:…`.");
    out
}

/// Suggests facts whose id or first intent contains what was typed.
async fn autocomplete_fact(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let engine = ctx.data().reloader.engine();
    let partial = partial.trim().to_lowercase();
    let choices = engine
        .knowledge()
        .facts
        .iter()
        .filter_map(|f| {
            let first = f.intents.first().map_or("", String::as_str);
            let hit = f.id.contains(&partial) || first.to_lowercase().contains(&partial);
            hit.then(|| {
                let name = format::fit(&format!("{} — {first}", f.id), 100);
                serenity::AutocompleteChoice::new(name, f.id.clone())
            })
        })
        .take(25)
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// Teach a question: add it as an intent of a fact, then reload (server admins only).
#[poise::command(
    slash_command,
    guild_only,
    ephemeral,
    default_member_permissions = "MANAGE_GUILD",
    check = "is_admin"
)]
pub async fn teach(
    ctx: Context<'_>,
    #[description = "The question, as people ask it"]
    #[max_length = 1000]
    question: String,
    #[description = "The fact that answers it"]
    #[autocomplete = "autocomplete_fact"]
    fact: String,
) -> Result<(), Error> {
    let data = ctx.data();
    let Some(_busy) = data.in_flight.enter() else {
        return Ok(());
    };
    ctx.defer_ephemeral().await?;
    let _one_at_a_time = data.teaching.lock().await;
    let dir = data.reloader.dir().to_path_buf();
    let asked = question.clone();
    let taught = tokio::task::spawn_blocking(move || knowledge::teach(&dir, &asked, &fact)).await;
    let text = match taught {
        Err(join) => {
            tracing::error!("/teach: the task failed: {join}");
            "Sorry, teaching failed; the bot's log has the details.".to_string()
        }
        Ok(Err(refused)) => {
            tracing::info!(
                user = super::privacy::user_tag(ctx.author().id),
                "/teach refused: {refused}"
            );
            format!("Not taught: {refused}")
        }
        Ok(Ok(taught)) => {
            tracing::info!(
                user = super::privacy::user_tag(ctx.author().id),
                fact = taught.fact.as_str(),
                "/teach: added an intent"
            );
            let mut text = format!(
                "Taught: “{}” is now an intent of `{}` ({} intents).\n",
                format::escape_markdown(&taught.intent),
                taught.fact,
                taught.intents
            );
            match data.reloader.reload().await {
                Ok(report) => text.push_str(&report.to_string()),
                Err(failure) => text.push_str(&failure.to_string()),
            }
            text.push('\n');
            text.push_str(&match data.reloader.engine().answer(&question) {
                Reply::Answered(a) if a.fact.as_deref() == Some(taught.fact.as_str()) => {
                    format!("Asked now, it is answered with `{}`.", taught.fact)
                }
                reply => format!(
                    "Asked now, the reply is still {}: another fact's intents compete; check `citebot ask --explain`.",
                    reply.status()
                ),
            });
            if let Some(log) = data.questions.clone() {
                let fact = taught.fact.clone();
                match log.call(move |log| log.mark_taught(&question, &fact)).await {
                    Ok(n) => {
                        let _ = write!(text, "\nMarked {n} logged asking(s) as taught.");
                    }
                    Err(error) => tracing::warn!("/teach: {error}"),
                }
            }
            text
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
