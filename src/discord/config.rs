//! The bot's settings: read from the environment (or any lookup, for tests),
//! validated into a [`Config`], and refused with a message naming the setting
//! when one is wrong. The token lives in a [`Token`] that never prints itself.

use std::collections::HashSet;
use std::fmt;
use std::time::Duration;

use poise::serenity_prelude as serenity;
use serenity::{ChannelId, GuildId, RoleId, UserId};

use super::answering::ANSWER_BUDGET;
use super::context::{Clock, DEFAULT_CONTEXT_MINUTES};
use crate::questionlog::{LogError, LogSettings};

/// Questions a user may ask per minute when `USER_RATE_LIMIT` is not set.
pub const DEFAULT_USER_RATE_LIMIT: u32 = 10;

/// With `KNOWLEDGE_WATCH=1`, how long the knowledge files must stay unchanged
/// before a change is reloaded (the settle interval; they are checked four
/// times as often).
pub const DEFAULT_WATCH_INTERVAL: Duration = Duration::from_secs(2);

/// Longest `CONTEXT_MINUTES` accepted: a day.
pub const MAX_CONTEXT_MINUTES: u64 = 24 * 60;

/// Longest `ANSWER_TIMEOUT_SECS` accepted: a user waiting longer has gone.
pub const MAX_ANSWER_TIMEOUT_SECS: u64 = 60;

/// The bot token. It has no `Debug` or `Display` of its own text: it prints as
/// `<redacted>`, so it cannot reach a log line by accident.
#[derive(Clone)]
pub struct Token(String);

impl Token {
    /// Wraps a token, refusing an empty one or one with spaces inside.
    pub fn new(token: impl Into<String>) -> Result<Token, ConfigError> {
        let token = token.into();
        let token = token.trim();
        let token = token.strip_prefix("Bot ").unwrap_or(token).trim();
        if token.is_empty() {
            return Err(ConfigError::Missing("DISCORD_TOKEN"));
        }
        if token.chars().any(char::is_whitespace) {
            return Err(ConfigError::invalid(
                "DISCORD_TOKEN",
                "contains spaces (copy the token again from the developer portal)",
            ));
        }
        Ok(Token(token.to_string()))
    }

    /// The secret itself, for serenity's `Http` only.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// Which gateway shards this process runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shards {
    /// One shard for the whole bot (the default; fine below 2500 servers).
    Single,
    /// As many shards as Discord recommends, all in this process (`SHARDS=auto`).
    Auto,
    /// Shards `first..=last` of `total` (`SHARDS=0-3/8`, or `SHARDS=5/8` for one).
    Range {
        /// First shard id run here.
        first: u32,
        /// Last shard id run here (inclusive).
        last: u32,
        /// Shards the bot uses over all its processes.
        total: u32,
    },
}

impl Shards {
    /// True when this process runs shard 0, which is the one that registers
    /// the slash commands (once for the whole bot, not once per process).
    pub fn includes_shard_zero(&self) -> bool {
        match self {
            Shards::Single | Shards::Auto => true,
            Shards::Range { first, .. } => *first == 0,
        }
    }

    /// Parses `A-B/N`, `A/N` or `auto`.
    pub fn parse(text: &str) -> Result<Shards, ConfigError> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("auto") {
            return Ok(Shards::Auto);
        }
        let bad = |why: &str| {
            ConfigError::invalid(
                "SHARDS",
                format!("`{text}` {why} (expected e.g. `0-3/8`, `5/8` or `auto`)"),
            )
        };
        let (range, total) = text.split_once('/').ok_or_else(|| bad("has no total"))?;
        let number = |s: &str| {
            s.trim()
                .parse::<u32>()
                .map_err(|_| bad("is not a shard range"))
        };
        let total = number(total)?;
        let (first, last) = match range.split_once('-') {
            Some((a, b)) => (number(a)?, number(b)?),
            None => {
                let n = number(range)?;
                (n, n)
            }
        };
        if total == 0 {
            return Err(bad("has a total of 0 shards"));
        }
        if first > last {
            return Err(bad("starts after it ends"));
        }
        if last >= total {
            return Err(bad(&format!(
                "names shard {last}, but shard ids go from 0 to {}",
                total - 1
            )));
        }
        Ok(Shards::Range { first, last, total })
    }
}

impl fmt::Display for Shards {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shards::Single => f.write_str("0/1"),
            Shards::Auto => f.write_str("auto"),
            Shards::Range { first, last, total } => write!(f, "{first}-{last}/{total}"),
        }
    }
}

/// A setting that stops start-up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// A required setting is not set.
    #[error("{0} is not set (see .env.example)")]
    Missing(&'static str),
    /// A setting has a value that cannot be used.
    #[error("{setting}: {message}")]
    Invalid {
        /// The setting's name, e.g. `SHARDS`.
        setting: &'static str,
        /// What is wrong with it.
        message: String,
    },
}

impl ConfigError {
    fn invalid(setting: &'static str, message: impl Into<String>) -> ConfigError {
        ConfigError::Invalid {
            setting,
            message: message.into(),
        }
    }
}

/// Everything the Discord front needs besides the knowledge. Not `Debug`: it
/// holds the token; [`Config::describe`] gives a loggable summary instead.
#[derive(Clone)]
pub struct Config {
    token: Token,
    /// Channels where every message is a question (elsewhere only mentions and DMs are).
    pub answer_channels: HashSet<ChannelId>,
    /// Roles whose members may use `/reload`, beside members with Manage Server.
    pub admin_roles: HashSet<RoleId>,
    /// Users who may use `/reload`, beside members with Manage Server.
    pub admin_users: HashSet<UserId>,
    /// Register the slash commands in this guild only (instant) instead of globally.
    pub dev_guild: Option<GuildId>,
    /// Questions one user may ask per `rate_window`; 0 for no limit.
    pub user_rate_limit: u32,
    /// The rate-limit window (one minute; shorter in tests).
    pub rate_window: Duration,
    /// Which shards this process runs.
    pub shards: Shards,
    /// Base URL that REST calls go to instead of `https://discord.com`.
    pub api_base: Option<String>,
    /// Reload when the knowledge files change, once they have stayed
    /// unchanged for this settle interval.
    pub watch: Option<Duration>,
    /// How long shutdown waits for replies being sent before it gives up on them.
    pub shutdown_grace: Duration,
    /// How long a user's last question in a channel is kept for follow-ups
    /// (`CONTEXT_MINUTES`); zero reads every message alone.
    pub context_ttl: Duration,
    /// Longest the bot works on one question before it says it took too
    /// long (`ANSWER_TIMEOUT_SECS`).
    pub answer_budget: Duration,
    /// The clock contexts expire by (tests move it forward).
    pub clock: Clock,
    /// The question log (`DATA_DIR`, `LOG_QUESTIONS`, `LOG_RETENTION_DAYS`).
    pub question_log: LogSettings,
}

impl Config {
    /// Defaults for everything but the token; no question log (the
    /// environment's default, read by [`Config::from_lookup`], is a log in `data/`).
    pub fn new(token: Token) -> Config {
        Config {
            token,
            answer_channels: HashSet::new(),
            admin_roles: HashSet::new(),
            admin_users: HashSet::new(),
            dev_guild: None,
            user_rate_limit: DEFAULT_USER_RATE_LIMIT,
            rate_window: Duration::from_secs(60),
            shards: Shards::Single,
            api_base: None,
            watch: None,
            shutdown_grace: Duration::from_secs(10),
            context_ttl: Duration::from_secs(DEFAULT_CONTEXT_MINUTES * 60),
            answer_budget: ANSWER_BUDGET,
            clock: Clock::default(),
            question_log: LogSettings::off(),
        }
    }

    /// Reads the settings from the process environment.
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the settings through `lookup` (the environment, or a map in tests).
    /// An unset or blank setting takes its default.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let get = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let token = Token::new(get("DISCORD_TOKEN").ok_or(ConfigError::Missing("DISCORD_TOKEN"))?)?;
        let mut config = Config::new(token);
        config.question_log = LogSettings::from_lookup(&lookup).map_err(|e| match e {
            LogError::Setting { setting, message } => ConfigError::Invalid { setting, message },
            other => ConfigError::invalid("DATA_DIR", other.to_string()),
        })?;
        if let Some(v) = get("ANSWER_CHANNELS") {
            config.answer_channels = parse_ids("ANSWER_CHANNELS", &v)?
                .into_iter()
                .map(ChannelId::new)
                .collect();
        }
        if let Some(v) = get("ADMIN_ROLE_IDS") {
            config.admin_roles = parse_ids("ADMIN_ROLE_IDS", &v)?
                .into_iter()
                .map(RoleId::new)
                .collect();
        }
        if let Some(v) = get("ADMIN_USER_IDS") {
            config.admin_users = parse_ids("ADMIN_USER_IDS", &v)?
                .into_iter()
                .map(UserId::new)
                .collect();
        }
        if let Some(v) = get("DEV_GUILD_ID") {
            config.dev_guild = Some(GuildId::new(parse_id("DEV_GUILD_ID", &v)?));
        }
        if let Some(v) = get("USER_RATE_LIMIT") {
            config.user_rate_limit = v.parse().map_err(|_| {
                ConfigError::invalid(
                    "USER_RATE_LIMIT",
                    format!("`{v}` is not a number of questions per minute (0 for no limit)"),
                )
            })?;
        }
        if let Some(v) = get("SHARDS") {
            config.shards = Shards::parse(&v)?;
        }
        if let Some(v) = get("DISCORD_API_BASE") {
            config.api_base = Some(parse_base(&v)?);
        }
        if let Some(v) = get("KNOWLEDGE_WATCH") {
            config.watch = parse_bool("KNOWLEDGE_WATCH", &v)?.then_some(DEFAULT_WATCH_INTERVAL);
        }
        if let Some(v) = get("CONTEXT_MINUTES") {
            let minutes = v
                .parse::<u64>()
                .ok()
                .filter(|m| *m <= MAX_CONTEXT_MINUTES)
                .ok_or_else(|| {
                    ConfigError::invalid(
                        "CONTEXT_MINUTES",
                        format!(
                            "`{v}` is not a number of minutes from 0 to {MAX_CONTEXT_MINUTES} (0 reads every message alone)"
                        ),
                    )
                })?;
            config.context_ttl = Duration::from_secs(minutes * 60);
        }
        if let Some(v) = get("ANSWER_TIMEOUT_SECS") {
            let seconds = v
                .parse::<u64>()
                .ok()
                .filter(|s| (1..=MAX_ANSWER_TIMEOUT_SECS).contains(s))
                .ok_or_else(|| {
                    ConfigError::invalid(
                        "ANSWER_TIMEOUT_SECS",
                        format!(
                            "`{v}` is not a number of seconds from 1 to {MAX_ANSWER_TIMEOUT_SECS}"
                        ),
                    )
                })?;
            config.answer_budget = Duration::from_secs(seconds);
        }
        Ok(config)
    }

    /// The token.
    pub fn token(&self) -> &Token {
        &self.token
    }

    /// A one-line summary of the settings for the start-up log, without the token.
    pub fn describe(&self) -> String {
        let mut channels: Vec<u64> = self.answer_channels.iter().map(|c| c.get()).collect();
        channels.sort_unstable();
        format!(
            "shards {}, answer channels {:?}, {} admin role(s), {} admin user(s), commands {}, rate limit {}, REST {}, knowledge watch {}, question log {}",
            self.shards,
            channels,
            self.admin_roles.len(),
            self.admin_users.len(),
            self.dev_guild
                .map_or("global".to_string(), |g| format!("in guild {g}")),
            if self.user_rate_limit == 0 {
                "off".to_string()
            } else {
                format!(
                    "{} per {}s",
                    self.user_rate_limit,
                    self.rate_window.as_secs()
                )
            },
            self.api_base.as_deref().unwrap_or("discord.com"),
            if self.watch.is_some() { "on" } else { "off" },
            if self.question_log.enabled {
                self.question_log.db_path().display().to_string()
            } else {
                "off".to_string()
            },
        ) + &format!(
            ", context {} min, answer timeout {} s",
            self.context_ttl.as_secs() / 60,
            self.answer_budget.as_secs()
        )
    }
}

fn parse_id(setting: &'static str, text: &str) -> Result<u64, ConfigError> {
    match text.trim().parse::<u64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(ConfigError::invalid(
            setting,
            format!(
                "`{}` is not a Discord id (a number like 123456789012345678)",
                text.trim()
            ),
        )),
    }
}

fn parse_ids(setting: &'static str, text: &str) -> Result<Vec<u64>, ConfigError> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(|s| parse_id(setting, s))
        .collect()
}

fn parse_bool(setting: &'static str, text: &str) -> Result<bool, ConfigError> {
    match text.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(ConfigError::invalid(
            setting,
            format!("`{text}` is not 1 or 0"),
        )),
    }
}

fn parse_base(text: &str) -> Result<String, ConfigError> {
    let base = text.trim_end_matches('/');
    let rest = base
        .strip_prefix("http://")
        .or_else(|| base.strip_prefix("https://"));
    match rest {
        Some(host) if !host.is_empty() && !host.contains(char::is_whitespace) => {
            Ok(base.to_string())
        }
        _ => Err(ConfigError::invalid(
            "DISCORD_API_BASE",
            format!("`{text}` is not an http:// or https:// base URL (e.g. http://127.0.0.1:3000)"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn missing_token_is_named() {
        let Err(error) = config(&[]) else {
            panic!("accepted a config without a token")
        };
        assert_eq!(error, ConfigError::Missing("DISCORD_TOKEN"));
    }

    #[test]
    fn token_never_prints() {
        let Ok(config) = config(&[("DISCORD_TOKEN", "secret.token.value")]) else {
            panic!("refused a token")
        };
        assert_eq!(format!("{:?}", config.token()), "Token(<redacted>)");
        assert!(!config.describe().contains("secret"));
    }

    #[test]
    fn every_setting_is_read() {
        let Ok(c) = config(&[
            ("DISCORD_TOKEN", "t.o.k"),
            ("ANSWER_CHANNELS", "11, 12"),
            ("ADMIN_ROLE_IDS", "21"),
            ("ADMIN_USER_IDS", "31 32"),
            ("DEV_GUILD_ID", "41"),
            ("USER_RATE_LIMIT", "3"),
            ("SHARDS", "0-3/8"),
            ("DISCORD_API_BASE", "http://127.0.0.1:3000/"),
            ("KNOWLEDGE_WATCH", "1"),
            ("CONTEXT_MINUTES", "3"),
            ("ANSWER_TIMEOUT_SECS", "5"),
        ]) else {
            panic!("refused good settings")
        };
        assert_eq!(c.answer_channels.len(), 2);
        assert!(c.admin_roles.contains(&RoleId::new(21)));
        assert_eq!(c.admin_users.len(), 2);
        assert_eq!(c.dev_guild, Some(GuildId::new(41)));
        assert_eq!(c.user_rate_limit, 3);
        assert_eq!(
            c.shards,
            Shards::Range {
                first: 0,
                last: 3,
                total: 8
            }
        );
        assert_eq!(c.api_base.as_deref(), Some("http://127.0.0.1:3000"));
        assert_eq!(c.watch, Some(DEFAULT_WATCH_INTERVAL));
        assert_eq!(c.context_ttl, Duration::from_secs(180));
        assert_eq!(c.answer_budget, Duration::from_secs(5));
    }

    #[test]
    fn bad_settings_name_themselves() {
        for (name, value) in [
            ("ANSWER_CHANNELS", "general"),
            ("ADMIN_ROLE_IDS", "-1"),
            ("DEV_GUILD_ID", "x"),
            ("USER_RATE_LIMIT", "lots"),
            ("SHARDS", "4-3/8"),
            ("SHARDS", "0-8/8"),
            ("SHARDS", "0-3"),
            ("DISCORD_API_BASE", "ftp://x"),
            ("KNOWLEDGE_WATCH", "maybe"),
            ("CONTEXT_MINUTES", "ten"),
            ("CONTEXT_MINUTES", "100000000000000000"),
            ("ANSWER_TIMEOUT_SECS", "0"),
            ("ANSWER_TIMEOUT_SECS", "61"),
            ("ANSWER_TIMEOUT_SECS", "2s"),
        ] {
            match config(&[("DISCORD_TOKEN", "t.o.k"), (name, value)]) {
                Err(error) => assert!(error.to_string().starts_with(name), "{error}"),
                Ok(_) => panic!("{name}={value} was accepted"),
            }
        }
    }

    #[test]
    fn shard_forms() {
        assert_eq!(
            Shards::parse("5/8"),
            Ok(Shards::Range {
                first: 5,
                last: 5,
                total: 8
            })
        );
        assert_eq!(Shards::parse("auto"), Ok(Shards::Auto));
        assert!(Shards::parse("0-0/0").is_err());
        assert!(!Shards::parse("2-3/4").is_ok_and(|s| s.includes_shard_zero()));
    }
}
