//! The question log: the questions the bot declined or was unsure about, and
//! the answers people voted 👎, kept in an embedded SQLite database so that
//! admins can see what people actually ask and teach the bot from it.
//!
//! The database is `DATA_DIR/citebot.sqlite3`, created on first use, with
//! numbered migrations ([`schema`]) applied when it is opened. It runs in WAL
//! mode with a busy timeout, so several processes (Discord shards) can share
//! one `DATA_DIR` without losing a row. Users are stored only as a salted
//! hash; the salt is made per installation and kept in the database.
//! [`worker`] runs a log on its own thread for async callers.

pub mod schema;
pub mod worker;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use sha2::{Digest, Sha256};

use crate::engine::{Engine, NoAnswer, Reply};

pub use worker::LogWorker;

/// Name of the database file inside `DATA_DIR`.
pub const DB_FILE: &str = "citebot.sqlite3";

/// `DATA_DIR` when not set.
pub const DEFAULT_DATA_DIR: &str = "data";

/// `LOG_RETENTION_DAYS` when not set.
pub const DEFAULT_RETENTION_DAYS: u32 = 90;

/// How long a writer waits for another process holding the database.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The statuses that put a question on the unanswered list.
const UNANSWERED: &str = "('unsure', 'not_covered', 'not_mentioned')";

/// Where the log lives and whether to keep one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogSettings {
    /// False with `LOG_QUESTIONS=off`: nothing is stored.
    pub enabled: bool,
    /// `DATA_DIR`, which holds the database file.
    pub data_dir: PathBuf,
    /// Rows older than this many days are deleted; 0 keeps them forever.
    pub retention_days: u32,
}

impl Default for LogSettings {
    fn default() -> LogSettings {
        LogSettings {
            enabled: true,
            data_dir: PathBuf::from(DEFAULT_DATA_DIR),
            retention_days: DEFAULT_RETENTION_DAYS,
        }
    }
}

impl LogSettings {
    /// No log at all.
    pub fn off() -> LogSettings {
        LogSettings {
            enabled: false,
            ..LogSettings::default()
        }
    }

    /// A log in `data_dir` with the default retention.
    pub fn in_dir(data_dir: impl Into<PathBuf>) -> LogSettings {
        LogSettings {
            data_dir: data_dir.into(),
            ..LogSettings::default()
        }
    }

    /// Reads `LOG_QUESTIONS`, `DATA_DIR` and `LOG_RETENTION_DAYS` from the environment.
    pub fn from_env() -> Result<LogSettings, LogError> {
        LogSettings::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the settings through `lookup`; an unset or blank one takes its default.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<LogSettings, LogError> {
        let get = |name: &str| {
            lookup(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let mut settings = LogSettings::default();
        if let Some(v) = get("LOG_QUESTIONS") {
            settings.enabled = match v.to_ascii_lowercase().as_str() {
                "on" | "1" | "true" | "yes" => true,
                "off" | "0" | "false" | "no" => false,
                _ => {
                    return Err(LogError::Setting {
                        setting: "LOG_QUESTIONS",
                        message: format!("`{v}` is not on or off"),
                    });
                }
            };
        }
        if let Some(v) = get("DATA_DIR") {
            settings.data_dir = PathBuf::from(v);
        }
        if let Some(v) = get("LOG_RETENTION_DAYS") {
            settings.retention_days = v.parse().map_err(|_| LogError::Setting {
                setting: "LOG_RETENTION_DAYS",
                message: format!("`{v}` is not a number of days (0 keeps rows forever)"),
            })?;
        }
        Ok(settings)
    }

    /// The database file.
    pub fn db_path(&self) -> PathBuf {
        self.data_dir.join(DB_FILE)
    }

    /// Opens (creating if need be) the log, or `None` when logging is off.
    pub fn open(&self) -> Result<Option<QuestionLog>, LogError> {
        if !self.enabled {
            return Ok(None);
        }
        QuestionLog::open(&self.db_path(), self.retention_days).map(Some)
    }
}

/// Why the log could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LogError {
    /// A setting has a value that cannot be used.
    #[error("{setting}: {message}")]
    Setting {
        /// The setting's name.
        setting: &'static str,
        /// What is wrong with it.
        message: String,
    },
    /// The data directory could not be created.
    #[error("cannot create the data directory {}: {source}", path.display())]
    Dir {
        /// The directory.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// SQLite refused an operation.
    #[error("question log {}: {source}", path.display())]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// Why.
        source: rusqlite::Error,
    },
    /// The schema could not be brought up to date.
    #[error("question log {}: {source}", path.display())]
    Schema {
        /// The database file.
        path: PathBuf,
        /// Why.
        source: schema::MigrateError,
    },
    /// The system gave no random bytes for the salt.
    #[error("no random bytes for the user-id salt: {0}")]
    Random(String),
    /// The log's thread has stopped.
    #[error("the question log is closed")]
    Closed,
}

/// Why a question is in the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The bot offered suggestions instead of an answer.
    Unsure,
    /// Nothing in the article matched well enough.
    NotCovered,
    /// The question names something the article never mentions.
    NotMentioned,
    /// Someone voted 👎 on the answer.
    Downvoted,
}

impl Status {
    /// The word stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unsure => "unsure",
            Status::NotCovered => "not_covered",
            Status::NotMentioned => "not_mentioned",
            Status::Downvoted => "downvoted",
        }
    }
}

/// One question to log.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The question as asked.
    pub question: String,
    /// Why it is logged.
    pub status: Status,
    /// The best-matching fact, if any.
    pub fact: Option<String>,
    /// Its score.
    pub score: Option<f32>,
    /// Where it was asked, on Discord.
    pub guild: Option<u64>,
    /// The channel, on Discord.
    pub channel: Option<u64>,
    /// Who asked (stored only as a salted hash).
    pub user: Option<u64>,
    /// What took the question: `discord`, `chat` or `ask`.
    pub source: &'static str,
}

impl Entry {
    /// The entry for `reply` to `question`, when the reply declines or is
    /// unsure; `None` for answers, greetings, and messages that are no
    /// question (empty, too long, not text) or about the publication itself.
    pub fn for_reply(
        engine: &Engine,
        question: &str,
        reply: &Reply,
        source: &'static str,
    ) -> Option<Entry> {
        let (status, fact, score) = match reply {
            Reply::Unsure(suggestions) => {
                let best = suggestions.first();
                (
                    Status::Unsure,
                    best.map(|s| s.fact.clone()),
                    best.map(|s| s.score),
                )
            }
            Reply::Unknown(NoAnswer::NotCovered) => {
                let best = engine
                    .candidates(question, 1)
                    .ok()
                    .and_then(|c| c.into_iter().next());
                (
                    Status::NotCovered,
                    best.as_ref().map(|c| c.fact.clone()),
                    best.map(|c| c.score),
                )
            }
            Reply::Unknown(NoAnswer::NotMentioned(_)) => (Status::NotMentioned, None, None),
            _ => return None,
        };
        Some(Entry {
            question: question.trim().to_string(),
            status,
            fact,
            score,
            guild: None,
            channel: None,
            user: None,
            source,
        })
    }
}

/// The form questions are grouped by: word tokens, lowercase, without
/// punctuation, so "What's the aid?" and "whats the aid" count together.
pub fn normalise(question: &str) -> String {
    crate::text::words(question).join(" ")
}

/// A vote on an answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Vote {
    /// The answer's Discord message id.
    pub message_id: u64,
    /// Who voted (stored only as a salted hash).
    pub user: u64,
    /// 👍 (true) or 👎.
    pub up: bool,
    /// The fact the answer came from.
    pub fact: Option<String>,
    /// The question answered.
    pub question: String,
    /// The answer's score.
    pub score: Option<f32>,
    /// Where.
    pub guild: Option<u64>,
    /// The channel.
    pub channel: Option<u64>,
}

/// What became of a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteOutcome {
    /// The first vote of this user on this answer: counted.
    Counted,
    /// This user had already voted on this answer: not counted again.
    AlreadyCounted,
}

/// A question the bot did not answer, with how often it was asked.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Unanswered {
    /// The latest wording of the question.
    pub question: String,
    /// Its normalised form, shared by every wording counted.
    pub normalised: String,
    /// How often it was asked.
    pub count: u64,
    /// When it was last asked (UTC, `YYYY-MM-DD HH:MM`).
    pub last_asked: String,
    /// When it was last asked, in Unix seconds.
    pub last_asked_unix: i64,
    /// The best-matching fact when it was last asked.
    pub best_fact: Option<String>,
    /// That fact's score.
    pub best_score: Option<f32>,
}

/// An answer voted 👎, grouped by fact and question.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Downvoted {
    /// The fact that answered.
    pub fact: Option<String>,
    /// The question it answered (latest wording).
    pub question: String,
    /// How many 👎.
    pub count: u64,
    /// When the last one came (UTC, `YYYY-MM-DD HH:MM`).
    pub last_asked: String,
}

/// An open question log.
pub struct QuestionLog {
    conn: Connection,
    salt: Vec<u8>,
    path: PathBuf,
    retention_days: u32,
}

impl std::fmt::Debug for QuestionLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("QuestionLog")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn id(value: Option<u64>) -> Option<i64> {
    value.and_then(|v| i64::try_from(v).ok())
}

impl QuestionLog {
    /// Opens the database at `path`, creating it and its directory when
    /// missing, applies pending migrations, makes the salt on first use, and
    /// prunes rows older than `retention_days` (0: keep forever).
    pub fn open(path: &Path, retention_days: u32) -> Result<QuestionLog, LogError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| LogError::Dir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let sqlite = |source| LogError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(sqlite)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sqlite)?;
        use_wal(&conn).map_err(sqlite)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sqlite)?;
        schema::migrate(&conn).map_err(|source| LogError::Schema {
            path: path.to_path_buf(),
            source,
        })?;
        let salt = salt(&conn).map_err(|e| match e {
            SaltError::Sqlite(source) => sqlite(source),
            SaltError::Random(message) => LogError::Random(message),
        })?;
        let log = QuestionLog {
            conn,
            salt,
            path: path.to_path_buf(),
            retention_days,
        };
        log.prune()?;
        Ok(log)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn sqlite(&self, source: rusqlite::Error) -> LogError {
        LogError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// The salted hash a user is stored as: the same user always gives the
    /// same hash in this installation, and nothing leads back to the id.
    pub fn user_hash(&self, user: u64) -> String {
        let mut hasher = Sha256::new();
        hasher.update(&self.salt);
        hasher.update(user.to_le_bytes());
        hasher.finalize()[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Logs one question, now.
    pub fn record(&self, entry: &Entry) -> Result<(), LogError> {
        self.record_all(std::slice::from_ref(entry), now())
    }

    /// Logs several questions at time `at` (Unix seconds) in one transaction.
    pub fn record_all(&self, entries: &[Entry], at: i64) -> Result<(), LogError> {
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            .map_err(|e| self.sqlite(e))?;
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO questions (asked_at, question, normalised, status, fact, score, guild_id, channel_id, user_hash, source)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )
                .map_err(|e| self.sqlite(e))?;
            for e in entries {
                insert
                    .execute(params![
                        at,
                        e.question,
                        normalise(&e.question),
                        e.status.as_str(),
                        e.fact,
                        e.score.map(f64::from),
                        id(e.guild),
                        id(e.channel),
                        e.user.map(|u| self.user_hash(u)),
                        e.source,
                    ])
                    .map_err(|e| self.sqlite(e))?;
            }
        }
        tx.commit().map_err(|e| self.sqlite(e))
    }

    /// Counts a vote, once per user and answer; a 👎 also logs the question.
    pub fn vote(&self, vote: &Vote) -> Result<VoteOutcome, LogError> {
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            .map_err(|e| self.sqlite(e))?;
        let user = self.user_hash(vote.user);
        let at = now();
        let added = tx
            .execute(
                "INSERT OR IGNORE INTO votes (message_id, user_hash, up, fact, voted_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id(Some(vote.message_id)), user, vote.up, vote.fact, at],
            )
            .map_err(|e| self.sqlite(e))?;
        if added == 0 {
            return Ok(VoteOutcome::AlreadyCounted);
        }
        if !vote.up {
            tx.execute(
                "INSERT INTO questions (asked_at, question, normalised, status, fact, score, guild_id, channel_id, user_hash, source)
                 VALUES (?1, ?2, ?3, 'downvoted', ?4, ?5, ?6, ?7, ?8, 'discord')",
                params![
                    at,
                    vote.question,
                    normalise(&vote.question),
                    vote.fact,
                    vote.score.map(f64::from),
                    id(vote.guild),
                    id(vote.channel),
                    user,
                ],
            )
            .map_err(|e| self.sqlite(e))?;
        }
        tx.commit().map_err(|e| self.sqlite(e))?;
        Ok(VoteOutcome::Counted)
    }

    /// The `limit` most-asked questions the bot did not answer, grouped by
    /// normalised text, most asked first (ties: most recent first).
    pub fn unanswered(&self, limit: usize) -> Result<Vec<Unanswered>, LogError> {
        // Counted from the partial index alone (its WHERE must read exactly
        // as here), then only the top rows are read from the table.
        let sql = format!(
            "WITH top AS (
                 SELECT normalised, COUNT(*) AS n, MAX(id) AS last_id FROM questions
                 WHERE status IN {UNANSWERED}
                 GROUP BY normalised ORDER BY n DESC, last_id DESC LIMIT ?1)
             SELECT top.normalised, q.question, top.n, top.last_id, q.asked_at,
                    strftime('%Y-%m-%d %H:%M', q.asked_at, 'unixepoch'), q.fact, q.score
             FROM top JOIN questions q ON q.id = top.last_id
             ORDER BY top.n DESC, top.last_id DESC"
        );
        let mut statement = self.conn.prepare(&sql).map_err(|e| self.sqlite(e))?;
        let rows = statement
            .query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |row| {
                Ok(Unanswered {
                    normalised: row.get(0)?,
                    question: row.get(1)?,
                    count: row.get::<_, i64>(2)?.max(0) as u64,
                    last_asked_unix: row.get(4)?,
                    last_asked: row.get(5)?,
                    best_fact: row.get(6)?,
                    best_score: row.get::<_, Option<f64>>(7)?.map(|s| s as f32),
                })
            })
            .map_err(|e| self.sqlite(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sqlite(e))
    }

    /// The `limit` answers voted 👎 most, grouped by fact and question.
    pub fn downvoted(&self, limit: usize) -> Result<Vec<Downvoted>, LogError> {
        let mut statement = self
            .conn
            .prepare(
                "WITH top AS (
                     SELECT fact, normalised, COUNT(*) AS n, MAX(id) AS last_id FROM questions
                     WHERE status = 'downvoted'
                     GROUP BY fact, normalised ORDER BY n DESC, last_id DESC LIMIT ?1)
                 SELECT top.fact, q.question, top.n, top.last_id,
                        strftime('%Y-%m-%d %H:%M', q.asked_at, 'unixepoch')
                 FROM top JOIN questions q ON q.id = top.last_id
                 ORDER BY top.n DESC, top.last_id DESC",
            )
            .map_err(|e| self.sqlite(e))?;
        let rows = statement
            .query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |row| {
                Ok(Downvoted {
                    fact: row.get(0)?,
                    question: row.get(1)?,
                    count: row.get::<_, i64>(2)?.max(0) as u64,
                    last_asked: row.get(4)?,
                })
            })
            .map_err(|e| self.sqlite(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.sqlite(e))
    }

    /// Marks every unanswered or 👎'd asking of `question` (by normalised
    /// form) as taught to `fact`, which takes it off the lists; returns how
    /// many rows changed.
    pub fn mark_taught(&self, question: &str, fact: &str) -> Result<usize, LogError> {
        // One statement per status group, each matching a partial index.
        let mut changed = 0;
        for filter in [
            format!("status IN {UNANSWERED}"),
            "status = 'downvoted'".to_string(),
        ] {
            let sql = format!(
                "UPDATE questions SET status = 'taught', taught_fact = ?1
                 WHERE normalised = ?2 AND {filter}"
            );
            changed += self
                .conn
                .execute(&sql, params![fact, normalise(question)])
                .map_err(|e| self.sqlite(e))?;
        }
        Ok(changed)
    }

    /// Deletes rows older than the retention; returns how many went.
    pub fn prune(&self) -> Result<usize, LogError> {
        if self.retention_days == 0 {
            return Ok(0);
        }
        let cutoff = now() - i64::from(self.retention_days) * 86_400;
        let questions = self
            .conn
            .execute("DELETE FROM questions WHERE asked_at < ?1", [cutoff])
            .map_err(|e| self.sqlite(e))?;
        let votes = self
            .conn
            .execute("DELETE FROM votes WHERE voted_at < ?1", [cutoff])
            .map_err(|e| self.sqlite(e))?;
        Ok(questions + votes)
    }

    /// How many questions are logged, whatever their status.
    pub fn len(&self) -> Result<u64, LogError> {
        self.conn
            .query_row("SELECT COUNT(*) FROM questions", [], |row| {
                row.get::<_, i64>(0)
            })
            .map(|n| n.max(0) as u64)
            .map_err(|e| self.sqlite(e))
    }

    /// True when no question is logged.
    pub fn is_empty(&self) -> Result<bool, LogError> {
        self.len().map(|n| n == 0)
    }

    /// Moves the write-ahead log into the database file, so that the file's
    /// size is the data's (for measurements and backups).
    pub fn checkpoint(&self) -> Result<(), LogError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(|e| self.sqlite(e))
    }
}

/// A log opened on first use, for the command line: a session that logs
/// nothing creates no file, and a log that cannot be opened is reported once
/// while the answers go on.
#[derive(Debug)]
pub struct LazyLog {
    settings: LogSettings,
    log: Option<QuestionLog>,
    failed: bool,
}

impl LazyLog {
    /// A log with `settings`, not opened yet.
    pub fn new(settings: LogSettings) -> LazyLog {
        LazyLog {
            settings,
            log: None,
            failed: false,
        }
    }

    /// True when [`LazyLog::record`] may store anything: logging is on and
    /// the log did not fail to open. A caller skips building an entry (which
    /// ranks a declined question again for its nearest fact) otherwise.
    pub fn records(&self) -> bool {
        self.settings.enabled && !self.failed
    }

    /// Logs `entry` (nothing when logging is off), opening the log first if
    /// need be. After a failure to open, later calls do nothing.
    pub fn record(&mut self, entry: &Entry) -> Result<(), LogError> {
        if !self.settings.enabled || self.failed {
            return Ok(());
        }
        let log = match self.log.take() {
            Some(log) => log,
            None => QuestionLog::open(&self.settings.db_path(), self.settings.retention_days)
                .inspect_err(|_| self.failed = true)?,
        };
        let recorded = log.record(entry);
        self.log = Some(log);
        recorded
    }
}

enum SaltError {
    Sqlite(rusqlite::Error),
    Random(String),
}

impl From<rusqlite::Error> for SaltError {
    fn from(error: rusqlite::Error) -> SaltError {
        SaltError::Sqlite(error)
    }
}

/// The installation's salt, made from the system's CSPRNG the first time;
/// when two processes race, the first one stored wins and both use it.
/// Puts the database in WAL mode. The mode is a lasting property of the
/// file, so once it is set nothing is locked. Converting takes the file
/// whole and SQLite runs no busy handler for it: when another handle (a
/// shard starting at the same moment) holds the file, the conversion is
/// tried again after a short pause, within [`BUSY_TIMEOUT`], and a
/// conversion someone else finished meanwhile is taken as done.
fn use_wal(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    let mut pause = Duration::from_millis(2);
    loop {
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |row| row.get(0))?;
        if mode.eq_ignore_ascii_case("wal") {
            return Ok(());
        }
        let busy = match conn.query_row("PRAGMA journal_mode = WAL", [], |row| {
            row.get::<_, String>(0)
        }) {
            Ok(mode) if mode.eq_ignore_ascii_case("wal") => return Ok(()),
            // Refused without an error: another handle holds the file.
            Ok(_) => None,
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) => Some(e),
            Err(e) => return Err(e),
        };
        if std::time::Instant::now() >= deadline {
            // A rollback journal still works, only with less concurrency.
            return busy.map_or(Ok(()), Err);
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(50));
    }
}

fn salt(conn: &Connection) -> Result<Vec<u8>, SaltError> {
    let read = |conn: &Connection| {
        conn.query_row("SELECT value FROM meta WHERE key = 'user_salt'", [], |r| {
            r.get::<_, Vec<u8>>(0)
        })
        .optional()
    };
    if let Some(salt) = read(conn)? {
        return Ok(salt);
    }
    let mut fresh = [0u8; 32];
    getrandom::fill(&mut fresh).map_err(|e| SaltError::Random(e.to_string()))?;
    conn.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('user_salt', ?1)",
        [&fresh[..]],
    )?;
    read(conn)?.ok_or(SaltError::Sqlite(rusqlite::Error::QueryReturnedNoRows))
}

#[cfg(test)]
mod tests;
