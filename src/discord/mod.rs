//! The Discord front: translates Discord messages, button clicks and slash
//! commands into engine calls, and engine replies into Discord messages.
//!
//! Built on serenity (gateway, REST, cache) and poise (slash commands, the
//! shared [`Data`], error handling). Files: [`config`] reads the settings,
//! [`events`] answers messages and suggestion buttons, [`context`] keeps
//! each user's last question per channel for follow-ups, [`commands`] holds the
//! slash commands, [`answering`] runs the engine off the async threads within
//! a time budget, [`format`](mod@format) turns replies into text that fits Discord,
//! [`ratelimit`] limits questions per user and [`reload`] swaps the engine;
//! [`feedback`] logs unanswered questions and counts 👍/👎 votes, and
//! [`teach`] holds the admins' `/unanswered` and `/teach`.

pub mod answering;
pub mod commands;
pub mod config;
pub mod context;
pub mod events;
pub mod feedback;
pub mod format;
pub mod privacy;
pub mod ratelimit;
pub mod reload;
pub mod teach;

use std::collections::HashSet;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use poise::serenity_prelude as serenity;
use serenity::{ChannelId, GatewayIntents, RoleId, UserId};
use tokio::sync::{Notify, watch};

pub use config::{Config, ConfigError, MAX_ANSWER_TIMEOUT_SECS, Shards, Token};
pub use reload::{ReloadFailure, ReloadReport, Reloader};

use crate::engine::Reply;
use crate::questionlog::{LogError, LogWorker};
use crate::setup::{Setup, SetupError};
use context::Contexts;
use ratelimit::RateLimiter;

/// Permissions the bot needs in a channel: View Channels, Send Messages, Send
/// Messages in Threads and Read Message History (the invite URL asks for these).
pub const INVITE_PERMISSIONS: u64 = (1 << 10) | (1 << 11) | (1 << 38) | (1 << 16);

/// Gateway intents: servers, their messages, DMs, and the privileged
/// message-content intent (without it, messages arrive with empty text).
pub fn intents() -> GatewayIntents {
    GatewayIntents::GUILDS
        | GatewayIntents::GUILD_MESSAGES
        | GatewayIntents::DIRECT_MESSAGES
        | GatewayIntents::MESSAGE_CONTENT
}

/// The URL that adds the bot to a server, with the `bot` and
/// `applications.commands` scopes and [`INVITE_PERMISSIONS`].
pub fn invite_url(application_id: u64) -> String {
    format!(
        "https://discord.com/oauth2/authorize?client_id={application_id}&scope=bot+applications.commands&permissions={INVITE_PERMISSIONS}"
    )
}

/// An error in a command or event handler.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something the user should be told, shown to them alone as written.
    #[error("{0}")]
    User(String),
    /// Discord refused or failed a call (logged; the user gets a short apology).
    #[error("Discord call failed: {0}")]
    Discord(#[from] serenity::Error),
}

/// poise's context for our commands.
pub type Context<'a> = poise::Context<'a, Data, Error>;

/// Why the bot could not run.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// A setting is missing or wrong.
    #[error("bad setting: {0}")]
    Config(#[from] ConfigError),
    /// The knowledge or the vectors could not be loaded.
    #[error("{0}")]
    Setup(#[from] SetupError),
    /// The async runtime could not start.
    #[error("could not start the async runtime: {0}")]
    Runtime(#[source] std::io::Error),
    /// Discord refused the connection (e.g. a wrong token or a missing privileged intent).
    #[error("Discord: {0}")]
    Discord(Box<serenity::Error>),
    /// The question log could not be opened.
    #[error("{0} (LOG_QUESTIONS=off runs without it)")]
    Log(#[from] LogError),
}

impl From<serenity::Error> for RunError {
    fn from(error: serenity::Error) -> RunError {
        RunError::Discord(Box::new(error))
    }
}

/// State shared by every handler: the live engine, the rate limiter, the
/// settings that decide who is answered and who is an admin.
pub struct Data {
    reloader: Arc<Reloader>,
    limiter: RateLimiter,
    answer_channels: HashSet<ChannelId>,
    admin_roles: HashSet<RoleId>,
    admin_users: HashSet<UserId>,
    in_flight: InFlight,
    contexts: Arc<Contexts>,
    /// Longest one question may take (`ANSWER_TIMEOUT_SECS`).
    answer_budget: std::time::Duration,
    /// The question log's thread, or `None` with `LOG_QUESTIONS=off`.
    questions: Option<Arc<LogWorker>>,
    /// What was asked for each recent answer, for its votes.
    recent: feedback::Recent,
    /// One `/teach` at a time: each edits the knowledge file.
    teaching: tokio::sync::Mutex<()>,
}

impl Data {
    /// The live engine and its reload.
    pub fn reloader(&self) -> &Reloader {
        &self.reloader
    }
}

/// Counts handlers that are answering, so that shutdown can wait for replies
/// being sent instead of cutting them off.
#[derive(Clone, Default)]
struct InFlight(Arc<InFlightState>);

#[derive(Default)]
struct InFlightState {
    count: AtomicUsize,
    closed: AtomicBool,
    idle: Notify,
}

/// Held while a handler answers.
struct Busy(Arc<InFlightState>);

impl Drop for Busy {
    fn drop(&mut self) {
        if self.0.count.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

impl InFlight {
    /// Starts answering, unless shutdown has begun.
    fn enter(&self) -> Option<Busy> {
        if self.0.closed.load(Ordering::SeqCst) {
            return None;
        }
        self.0.count.fetch_add(1, Ordering::SeqCst);
        let busy = Busy(self.0.clone());
        (!self.0.closed.load(Ordering::SeqCst)).then_some(busy)
    }

    /// Refuses new work from now on.
    fn close(&self) {
        self.0.closed.store(true, Ordering::SeqCst);
    }

    /// Waits until nothing is in flight, at most `grace`; false if it gave up.
    async fn drain(&self, grace: Duration) -> bool {
        let idle = async {
            loop {
                let notified = self.0.idle.notified();
                tokio::pin!(notified);
                notified.as_mut().enable();
                if self.0.count.load(Ordering::SeqCst) == 0 {
                    return;
                }
                notified.await;
            }
        };
        tokio::time::timeout(grace, idle).await.is_ok()
    }
}

/// Logs one line per answered question.
fn log_question(
    source: &str,
    guild: Option<serenity::GuildId>,
    channel: ChannelId,
    reply: &Reply,
    started: Instant,
) {
    let (fact, score) = match reply {
        Reply::Answered(a) => (
            a.fact.clone().unwrap_or_else(|| "(sentence)".into()),
            Some(a.score),
        ),
        Reply::Unsure(s) => (String::new(), s.first().map(|s| s.score)),
        _ => (String::new(), None),
    };
    tracing::info!(
        source,
        guild = guild.map_or(0, |g| g.get()),
        channel = channel.get(),
        status = reply.status(),
        fact = fact.as_str(),
        score = score.map_or(-1.0, |s| (f64::from(s) * 1000.0).round() / 1000.0),
        latency_ms = started.elapsed().as_secs_f64() * 1000.0,
        "question"
    );
}

/// Connects to Discord with `config` and answers from the knowledge in
/// `setup` until `shutdown` completes; then closes the shards and waits for
/// replies being sent. Returns early with an error when Discord refuses the
/// connection.
pub async fn run(
    config: Config,
    setup: Setup,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), RunError> {
    tracing::info!("starting the Discord bot: {}", config.describe());
    let loaded = tokio::task::spawn_blocking(move || -> Result<_, SetupError> {
        let vectors = setup.load_vectors()?;
        let engine = setup.engine_with(vectors.clone())?;
        Ok((engine, vectors, setup))
    })
    .await
    .map_err(|e| RunError::Runtime(std::io::Error::other(e)))?;
    let (engine, vectors, setup) = loaded?;
    tracing::info!(
        facts = engine.knowledge().facts.len(),
        vectors = engine.uses_vectors(),
        dir = %setup.knowledge_dir.display(),
        "knowledge loaded"
    );
    let reloader = Arc::new(Reloader::new(engine, setup, vectors));
    let settings = config.question_log.clone();
    let questions = tokio::task::spawn_blocking(move || -> Result<_, LogError> {
        let Some(log) = settings.open()? else {
            return Ok(None);
        };
        tracing::info!(path = %log.path().display(), "question log opened");
        let worker = LogWorker::spawn(log).map_err(|source| LogError::Dir {
            path: settings.data_dir.clone(),
            source,
        })?;
        Ok(Some(Arc::new(worker)))
    })
    .await
    .map_err(|e| RunError::Runtime(std::io::Error::other(e)))??;
    let in_flight = InFlight::default();
    let data = Data {
        reloader: reloader.clone(),
        limiter: RateLimiter::new(config.user_rate_limit, config.rate_window),
        answer_channels: config.answer_channels.clone(),
        admin_roles: config.admin_roles.clone(),
        admin_users: config.admin_users.clone(),
        in_flight: in_flight.clone(),
        contexts: Arc::new(Contexts::new(config.context_ttl, config.clock.clone())),
        answer_budget: config.answer_budget,
        questions: questions.clone(),
        recent: feedback::Recent::default(),
        teaching: tokio::sync::Mutex::new(()),
    };
    let framework =
        commands::framework(data, config.shards.includes_shard_zero(), config.dev_guild);

    let mut http = serenity::HttpBuilder::new(config.token().expose())
        .default_allowed_mentions(format::no_pings());
    if let Some(base) = &config.api_base {
        // serenity 0.12.5's own rate limiter builds its requests without the
        // proxy, so with it on the base would be silently ignored: the proxy
        // (or the fake Discord in tests) is in charge of rate limits.
        http = http.proxy(base.as_str()).ratelimiter_disabled(true);
    }
    let mut client = serenity::ClientBuilder::new_with_http(http.build(), intents())
        .framework(framework)
        .await?;

    let (stop_watcher, watcher_stopped) = watch::channel(false);
    if let Some(interval) = config.watch {
        reload::spawn_watcher(reloader, interval, watcher_stopped);
    }
    let shard_manager = client.shard_manager.clone();
    let shards = config.shards;
    let gateway = async move {
        match shards {
            Shards::Single => client.start().await,
            Shards::Auto => client.start_autosharded().await,
            // serenity's range end is inclusive.
            Shards::Range { first, last, total } => {
                client.start_shard_range(first..last, total).await
            }
        }
    };
    tokio::pin!(gateway);
    tokio::pin!(shutdown);
    let result = tokio::select! {
        result = &mut gateway => result,
        () = &mut shutdown => {
            tracing::info!("shutting down: closing the gateway connections");
            shard_manager.shutdown_all().await;
            tokio::time::timeout(Duration::from_secs(2), &mut gateway).await.unwrap_or(Ok(()))
        }
    };
    let _ = stop_watcher.send(true);
    in_flight.close();
    if !in_flight.drain(config.shutdown_grace).await {
        tracing::warn!("shutdown: gave up waiting for replies still being sent");
    }
    if let Some(questions) = questions {
        questions.stop().await;
    }
    tracing::info!("stopped");
    result.map_err(RunError::from)
}

/// Reads the settings from the environment, connects to Discord and serves
/// until Ctrl-C or SIGTERM.
pub fn run_blocking(setup: Setup) -> Result<(), RunError> {
    let config = Config::from_env()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(RunError::Runtime)?;
    let result = runtime.block_on(run(config, setup, shutdown_signal()));
    runtime.shutdown_timeout(Duration::from_secs(1));
    result
}

/// Completes on Ctrl-C or, on Unix, SIGTERM.
pub async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => tracing::info!("Ctrl-C received"),
                    _ = term.recv() => tracing::info!("SIGTERM received"),
                }
                return;
            }
            Err(error) => tracing::warn!("cannot listen for SIGTERM ({error}); stop with Ctrl-C"),
        }
    }
    match tokio::signal::ctrl_c().await {
        Ok(()) => tracing::info!("Ctrl-C received"),
        Err(error) => {
            tracing::warn!("cannot listen for Ctrl-C ({error}); running until killed");
            std::future::pending::<()>().await;
        }
    }
}
