//! Answering off the gateway's async threads: each question runs on tokio's
//! blocking threads within a time budget, so a slow question never holds up
//! the heartbeats or another user's reply.

use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude::{ChannelId, UserId};

use super::context::Contexts;
use crate::engine::{Engine, NoAnswer, Reply};

/// Longest the bot works on one question before it tells the user so, when
/// `ANSWER_TIMEOUT_SECS` is not set. The engine's worst known input takes
/// well under a millisecond (see `benches/pathological.rs`); this only
/// guards against the unknown.
pub const ANSWER_BUDGET: Duration = Duration::from_secs(2);

/// Answers `question` from `user` in `channel` in the light of their
/// conversation there (see [`Contexts`]), on a blocking thread within
/// `budget`.
pub async fn answer_in_context(
    contexts: Arc<Contexts>,
    engine: Arc<Engine>,
    (user, channel): (UserId, ChannelId),
    question: String,
    budget: Duration,
) -> Reply {
    within(budget, move || {
        contexts.answer(&engine, user, channel, &question)
    })
    .await
}

/// Runs `work` on a blocking thread and waits for it at most `budget`; past
/// it (or should `work` panic) the reply is [`NoAnswer::Overtime`] and the
/// caller moves on while the work finishes unobserved.
pub async fn within<F>(budget: Duration, work: F) -> Reply
where
    F: FnOnce() -> Reply + Send + 'static,
{
    let task = tokio::task::spawn_blocking(work);
    match tokio::time::timeout(budget, task).await {
        Ok(Ok(reply)) => reply,
        Ok(Err(error)) => {
            tracing::error!("answering a question failed: {error}");
            Reply::Unknown(NoAnswer::Overtime)
        }
        Err(_) => {
            tracing::warn!(
                budget_ms = budget.as_millis() as u64,
                "a question ran over its time budget"
            );
            Reply::Unknown(NoAnswer::Overtime)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_stuck_question_neither_blocks_others_nor_its_asker_forever() {
        let (release, stuck) = std::sync::mpsc::channel::<()>();
        // Blocks its thread until released: a question that never ends.
        let slow = tokio::spawn(within(Duration::from_millis(50), move || {
            let _ = stuck.recv();
            Reply::Greeting("late".to_string())
        }));
        // On a single-threaded runtime, a quick question is answered while
        // the stuck one still holds its thread.
        let quick = within(Duration::from_secs(60), || {
            Reply::Greeting("hi".to_string())
        })
        .await;
        assert_eq!(quick, Reply::Greeting("hi".to_string()));
        let late = tokio::time::timeout(Duration::from_secs(60), slow)
            .await
            .expect("the budget ends the wait")
            .expect("the task ran");
        assert_eq!(late, Reply::Unknown(NoAnswer::Overtime));
        let _ = release.send(());
    }
}
