//! Test support: the fake Discord, a harness that runs the real bot
//! (serenity and poise included) against it in-process, and a log capture.

#![allow(dead_code)] // each test file uses a different part of it

pub mod fake_discord;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use citebot::discord::context::Clock;
use citebot::discord::{Config, RunError, Shards, Token};
use citebot::questionlog::LogSettings;
use citebot::setup::Setup;
use poise::serenity_prelude::{ChannelId, RoleId, UserId};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tracing_subscriber::fmt::MakeWriter;

pub use fake_discord::*;

/// The token the tests use; it must never appear in a log.
pub const TOKEN: &str = "MTAwMDAwMDAwMDAwMDAwMDAx.Gx7aZb.citebot-test-token-Zk3mQ9";

/// How long a test waits for something that should happen.
pub const WAIT: Duration = Duration::from_secs(5);

/// The shipped knowledge directory.
pub fn knowledge_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

/// Polls `check` every 20 ms until it finds something, at most `timeout`.
pub async fn eventually<T>(timeout: Duration, mut check: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        if let Some(found) = check() {
            return Some(found);
        }
        if tokio::time::Instant::now() >= deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Log lines captured from the bot (for the thread running the test).
#[derive(Clone, Default)]
pub struct Logs(Arc<Mutex<Vec<u8>>>);

impl Logs {
    /// Everything logged so far.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(|p| p.into_inner())).into_owned()
    }

    /// Lines containing every one of `needles`.
    pub fn lines_with(&self, needles: &[&str]) -> Vec<String> {
        self.text()
            .lines()
            .filter(|l| needles.iter().all(|n| l.contains(n)))
            .map(str::to_string)
            .collect()
    }

    /// Routes this thread's tracing events here until the guard drops. With
    /// CITEBOT_TEST_LOG=1 they also go to stderr.
    pub fn install(&self, filter: &str) -> tracing::subscriber::DefaultGuard {
        let subscriber = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_writer(self.clone())
            .with_ansi(false)
            .finish();
        tracing::subscriber::set_default(subscriber)
    }
}

/// Writes into a [`Logs`].
pub struct LogWriter(Arc<Mutex<Vec<u8>>>);

impl io::Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if std::env::var_os("CITEBOT_TEST_LOG").is_some() {
            let _ = io::stderr().write_all(buf);
        }
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Logs {
    type Writer = LogWriter;

    fn make_writer(&'a self) -> Self::Writer {
        LogWriter(self.0.clone())
    }
}

/// How to start the bot.
#[derive(Clone)]
pub struct BotOptions {
    /// ANSWER_CHANNELS.
    pub answer_channels: Vec<u64>,
    /// ADMIN_ROLE_IDS.
    pub admin_roles: Vec<u64>,
    /// ADMIN_USER_IDS.
    pub admin_users: Vec<u64>,
    /// USER_RATE_LIMIT.
    pub rate_limit: u32,
    /// The rate-limit window.
    pub rate_window: Duration,
    /// SHARDS.
    pub shards: Shards,
    /// KNOWLEDGE_WATCH with this interval.
    pub watch: Option<Duration>,
    /// DEV_GUILD_ID.
    pub dev_guild: Option<u64>,
    /// KNOWLEDGE_DIR.
    pub knowledge_dir: PathBuf,
    /// The fake's behaviour.
    pub fake: FakeOptions,
    /// The log filter.
    pub log_filter: String,
    /// Wait for this many READYs before returning.
    pub shards_to_wait_for: usize,
    /// CONTEXT_MINUTES.
    pub context_minutes: u64,
    /// The clock contexts expire by; a test moves it forward instead of waiting.
    pub clock: Clock,
    /// DATA_DIR, LOG_QUESTIONS and LOG_RETENTION_DAYS (default: no log).
    pub question_log: LogSettings,
}

impl Default for BotOptions {
    fn default() -> Self {
        BotOptions {
            answer_channels: vec![ANSWERS],
            admin_roles: Vec::new(),
            admin_users: Vec::new(),
            rate_limit: 100,
            rate_window: Duration::from_secs(60),
            shards: Shards::Single,
            watch: None,
            dev_guild: None,
            knowledge_dir: knowledge_dir(),
            fake: FakeOptions::default(),
            log_filter: "info,citebot=debug".to_string(),
            shards_to_wait_for: 1,
            context_minutes: 10,
            clock: Clock::default(),
            question_log: LogSettings::off(),
        }
    }
}

/// The real bot, running in this test's runtime against a fake Discord.
pub struct Bot {
    /// The fake it talks to.
    pub fake: FakeDiscord,
    /// What it logged.
    pub logs: Logs,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<Result<(), RunError>>>,
    _log_guard: tracing::subscriber::DefaultGuard,
}

/// The settings for `options`, pointed at `api_base`.
pub fn config(options: &BotOptions, api_base: &str) -> Config {
    let mut config = Config::new(Token::new(TOKEN).expect("the test token is valid"));
    config.answer_channels = options
        .answer_channels
        .iter()
        .map(|c| ChannelId::new(*c))
        .collect();
    config.admin_roles = options
        .admin_roles
        .iter()
        .map(|r| RoleId::new(*r))
        .collect();
    config.admin_users = options
        .admin_users
        .iter()
        .map(|u| UserId::new(*u))
        .collect();
    config.user_rate_limit = options.rate_limit;
    config.rate_window = options.rate_window;
    config.shards = options.shards;
    config.watch = options.watch;
    config.dev_guild = options.dev_guild.map(poise::serenity_prelude::GuildId::new);
    config.api_base = Some(api_base.to_string());
    config.shutdown_grace = Duration::from_secs(3);
    config.context_ttl = Duration::from_secs(options.context_minutes * 60);
    // CI's two busy cores must not turn a slow debug-build answer into "that
    // took too long": the tests wait for replies, they do not time them.
    config.answer_budget = Duration::from_secs(citebot::discord::MAX_ANSWER_TIMEOUT_SECS);
    config.clock = options.clock.clone();
    config.question_log = options.question_log.clone();
    config
}

impl Bot {
    /// Starts a fake Discord and the bot, and waits until the bot is connected
    /// (and, when it runs shard 0, has registered its commands).
    pub async fn start(options: BotOptions) -> Bot {
        let logs = Logs::default();
        let guard = logs.install(&options.log_filter);
        let fake = FakeDiscord::start(options.fake.clone()).await;
        let config = config(&options, fake.api_base());
        let setup = Setup {
            knowledge_dir: options.knowledge_dir.clone(),
            vectors: None,
            built_in_when_missing: false,
        };
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(citebot::discord::run(config, setup, async {
            let _ = stopped.await;
        }));
        let ready = fake.wait_ready(options.shards_to_wait_for, WAIT * 2).await;
        assert!(
            ready,
            "the bot did not connect to the fake Discord; log:\n{}",
            logs.text()
        );
        if options.shards.includes_shard_zero() {
            let registered = fake.wait_commands(WAIT).await;
            assert!(
                registered.is_some(),
                "the bot did not register its commands; log:\n{}",
                logs.text()
            );
        }
        Bot {
            fake,
            logs,
            stop: Some(stop),
            task: Some(task),
            _log_guard: guard,
        }
    }

    /// Starts with the default options.
    pub async fn start_default() -> Bot {
        Bot::start(BotOptions::default()).await
    }

    /// Posts a message and waits for the bot's reply to it.
    pub async fn ask(&self, author: u64, channel: u64, content: &str) -> Sent {
        let id = self.fake.say(author, channel, content);
        match self.fake.reply_to(id, WAIT).await {
            Some(reply) => reply,
            None => panic!(
                "no reply to {content:?} in channel {channel}; log:\n{}",
                self.logs.text()
            ),
        }
    }

    /// Sends a slash command and waits for what the user sees.
    pub async fn slash(
        &self,
        user: u64,
        channel: u64,
        name: &str,
        options: serde_json::Value,
    ) -> Sent {
        let interaction = self.fake.slash(user, channel, name, options);
        match self.fake.interaction_reply(&interaction, WAIT).await {
            Some(reply) => reply,
            None => panic!("no reply to /{name}; log:\n{}", self.logs.text()),
        }
    }

    /// Stops the bot as Ctrl-C would, and returns what `run` returned.
    pub async fn stop(&mut self) -> Result<(), RunError> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let task = self.task.take().expect("the bot runs until stopped");
        match tokio::time::timeout(WAIT * 2, task).await {
            Ok(Ok(result)) => result,
            Ok(Err(join)) => panic!("the bot task failed: {join}"),
            Err(_) => panic!("the bot did not stop; log:\n{}", self.logs.text()),
        }
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        if let Some(task) = &self.task {
            task.abort();
        }
    }
}
