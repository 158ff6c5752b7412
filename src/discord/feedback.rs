//! Learning from what people ask: questions the bot declines go to the
//! question log, and every answer gets 👍/👎 buttons whose votes are counted
//! once per user and answer (a 👎 also logs the question, for `/unanswered`).
//! The log lives on its own thread; nothing here waits on the disk.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use poise::serenity_prelude as serenity;
use serenity::{
    ChannelId, ComponentInteraction, CreateInteractionResponse, CreateInteractionResponseMessage,
    GuildId, UserId,
};

use super::format::{self, MAX_CUSTOM_ID, Outgoing};
use super::{Data, Error};
use crate::engine::{Engine, Reply};
use crate::questionlog::{Entry, Vote, VoteOutcome};

/// Prefix of a vote button's custom id: then `u` or `d`, `:`, the answer's
/// key in hex and, when it fits, `:` and the fact id.
const VOTE_PREFIX: &str = "citebot:vote:";

/// Answers remembered for their votes; older ones are forgotten (a vote on
/// them still counts, with the fact from the button but not the question).
pub const REMEMBERED: usize = 10_000;

/// Stands for the question of an answer no longer remembered.
const FORGOTTEN: &str = "(question not kept: the answer is older than the bot's memory)";

/// What was asked for an answer, kept in memory only until its votes come.
#[derive(Debug, Clone)]
struct Asked {
    question: String,
    fact: Option<String>,
    score: f32,
}

/// The recent answers, by the key their vote buttons carry.
#[derive(Default)]
pub struct Recent(Mutex<RecentInner>);

#[derive(Default)]
struct RecentInner {
    asked: HashMap<u64, Asked>,
    order: VecDeque<u64>,
}

impl Recent {
    fn remember(&self, asked: Asked) -> u64 {
        // A random key, so that buttons from before a restart never meet
        // another answer's question.
        let key = getrandom::u64().unwrap_or_else(|_| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64)
        });
        let mut inner = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if inner.order.len() >= REMEMBERED
            && let Some(old) = inner.order.pop_front()
        {
            inner.asked.remove(&old);
        }
        inner.order.push_back(key);
        inner.asked.insert(key, asked);
        key
    }

    fn get(&self, key: u64) -> Option<Asked> {
        let inner = self.0.lock().unwrap_or_else(|p| p.into_inner());
        inner.asked.get(&key).cloned()
    }
}

/// A click on a vote button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteClick {
    /// 👍 (true) or 👎.
    pub up: bool,
    /// The answer's key.
    pub key: u64,
    /// The fact answered, when the button carries it.
    pub fact: Option<String>,
}

/// The custom id of a vote button.
pub fn vote_id(up: bool, key: u64, fact: Option<&str>) -> String {
    let base = format!("{VOTE_PREFIX}{}:{key:x}", if up { 'u' } else { 'd' });
    match fact {
        Some(fact) if base.len() + 1 + fact.chars().count() <= MAX_CUSTOM_ID => {
            format!("{base}:{fact}")
        }
        _ => base,
    }
}

/// Reads a vote button's custom id.
pub fn parse_vote(custom_id: &str) -> Option<VoteClick> {
    let rest = custom_id.strip_prefix(VOTE_PREFIX)?;
    let (up, rest) = match rest.split_at_checked(2)? {
        ("u:", rest) => (true, rest),
        ("d:", rest) => (false, rest),
        _ => return None,
    };
    let (key, fact) = match rest.split_once(':') {
        Some((key, fact)) => (key, Some(fact.to_string()).filter(|f| !f.is_empty())),
        None => (rest, None),
    };
    Some(VoteClick {
        up,
        key: u64::from_str_radix(key, 16).ok()?,
        fact,
    })
}

/// Adds the 👍/👎 buttons to the message for an answer to `question` (only
/// when there is a log to count votes in).
pub fn with_votes(data: &Data, mut out: Outgoing, question: &str, reply: &Reply) -> Outgoing {
    let (Some(_), Reply::Answered(answer)) = (&data.questions, reply) else {
        return out;
    };
    let key = data.recent.remember(Asked {
        question: question.trim().to_string(),
        fact: answer.fact.clone(),
        score: answer.score,
    });
    let fact = answer.fact.as_deref();
    out.buttons
        .push((vote_id(true, key, fact), "👍".to_string()));
    out.buttons
        .push((vote_id(false, key, fact), "👎".to_string()));
    out
}

/// Logs `question` when `reply` declines it or is unsure.
pub fn record(
    data: &Data,
    engine: &Engine,
    question: &str,
    reply: &Reply,
    guild: Option<GuildId>,
    channel: ChannelId,
    user: UserId,
) {
    let Some(log) = &data.questions else {
        return;
    };
    if let Some(mut entry) = Entry::for_reply(engine, question, reply, "discord") {
        entry.guild = guild.map(|g| g.get());
        entry.channel = Some(channel.get());
        entry.user = Some(user.get());
        log.record(entry);
    }
}

/// Counts a vote and thanks the voter privately.
pub async fn on_vote(
    ctx: &serenity::Context,
    data: &Data,
    click: &ComponentInteraction,
    vote: VoteClick,
) -> Result<(), Error> {
    let Some(_busy) = data.in_flight.enter() else {
        return Ok(());
    };
    let text = match &data.questions {
        None => "Thanks! Votes are not recorded on this bot (its question log is off).".to_string(),
        Some(log) => {
            let asked = data.recent.get(vote.key);
            let record = Vote {
                message_id: click.message.id.get(),
                user: click.user.id.get(),
                up: vote.up,
                fact: asked.as_ref().and_then(|a| a.fact.clone()).or(vote.fact),
                question: asked
                    .as_ref()
                    .map_or(FORGOTTEN.to_string(), |a| a.question.clone()),
                score: asked.as_ref().map(|a| a.score),
                guild: click.guild_id.map(|g| g.get()),
                channel: Some(click.channel_id.get()),
            };
            match log.call(move |log| log.vote(&record)).await {
                Ok(VoteOutcome::Counted) if vote.up => "Thanks for the 👍!".to_string(),
                Ok(VoteOutcome::Counted) => {
                    "Thanks: the admins will see that this answer did not help.".to_string()
                }
                Ok(VoteOutcome::AlreadyCounted) => {
                    "Thanks, your vote on this answer is already counted.".to_string()
                }
                Err(error) => {
                    tracing::warn!("could not count a vote: {error}");
                    "Sorry, your vote could not be recorded.".to_string()
                }
            }
        }
    };
    tracing::info!(up = vote.up, channel = click.channel_id.get(), "vote");
    let message = CreateInteractionResponseMessage::new()
        .content(format::fit(&text, format::MAX_CONTENT))
        .ephemeral(true)
        .allowed_mentions(format::no_pings());
    if let Err(error) = click
        .create_response(ctx, CreateInteractionResponse::Message(message))
        .await
    {
        tracing::warn!(
            channel = click.channel_id.get(),
            "could not thank a voter: {error}"
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vote_ids_round_trip_and_fit() {
        let id = vote_id(false, 0xabc, Some("aid-amount"));
        assert_eq!(
            parse_vote(&id),
            Some(VoteClick {
                up: false,
                key: 0xabc,
                fact: Some("aid-amount".into())
            })
        );
        let long = "x".repeat(200);
        let id = vote_id(true, u64::MAX, Some(&long));
        assert!(id.chars().count() <= MAX_CUSTOM_ID);
        assert_eq!(
            parse_vote(&id),
            Some(VoteClick {
                up: true,
                key: u64::MAX,
                fact: None
            })
        );
        assert_eq!(parse_vote("citebot:vote:x:12"), None);
        assert_eq!(parse_vote("citebot:vote:u:zz"), None);
        assert_eq!(parse_vote("citebot:fact:aid-amount"), None);
    }

    #[test]
    fn old_answers_are_forgotten() {
        let recent = Recent::default();
        let first = recent.remember(Asked {
            question: "q".into(),
            fact: None,
            score: 1.0,
        });
        for _ in 0..REMEMBERED {
            recent.remember(Asked {
                question: "later".into(),
                fact: None,
                score: 1.0,
            });
        }
        assert!(recent.get(first).is_none());
    }
}
