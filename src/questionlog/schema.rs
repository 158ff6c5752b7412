//! The question log's tables, as numbered migrations: the database records
//! in `PRAGMA user_version` how many it has had, and opening it applies the
//! rest in one transaction, so several processes opening one file at once
//! migrate it exactly once.

use rusqlite::{Connection, TransactionBehavior};

/// The migrations, in order: migration `n` (from 1) is `MIGRATIONS[n - 1]`.
/// Never edit one that has shipped; add a new one.
pub const MIGRATIONS: &[&str] = &[
    // 1: questions, votes, and the per-installation salt.
    "CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value BLOB NOT NULL
    );
    CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        asked_at INTEGER NOT NULL,
        question TEXT NOT NULL,
        normalised TEXT NOT NULL,
        status TEXT NOT NULL,
        fact TEXT,
        score REAL,
        guild_id INTEGER,
        channel_id INTEGER,
        user_hash TEXT,
        source TEXT NOT NULL,
        taught_fact TEXT
    );
    CREATE INDEX questions_unanswered ON questions (normalised)
        WHERE status IN ('unsure', 'not_covered', 'not_mentioned');
    CREATE INDEX questions_downvoted ON questions (fact, normalised)
        WHERE status = 'downvoted';
    CREATE INDEX questions_by_time ON questions (asked_at);
    CREATE TABLE votes (
        message_id INTEGER NOT NULL,
        user_hash TEXT NOT NULL,
        up INTEGER NOT NULL,
        fact TEXT,
        voted_at INTEGER NOT NULL,
        PRIMARY KEY (message_id, user_hash)
    ) WITHOUT ROWID;
    CREATE INDEX votes_by_time ON votes (voted_at);",
];

/// Why migrating failed.
#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    /// SQLite refused a statement.
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The file was written by a newer citebot.
    #[error(
        "the database has schema version {found}, newer than this citebot knows ({known}); use a newer citebot or another DATA_DIR"
    )]
    TooNew {
        /// The file's version.
        found: i64,
        /// The newest this build knows.
        known: i64,
    },
}

/// Applies the migrations the database has not had yet; returns how many.
pub fn migrate(conn: &Connection) -> Result<usize, MigrateError> {
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let known = MIGRATIONS.len() as i64;
    if version > known {
        return Err(MigrateError::TooNew {
            found: version,
            known,
        });
    }
    let pending = &MIGRATIONS[usize::try_from(version).unwrap_or(0)..];
    for sql in pending {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", known)?;
    tx.commit()?;
    Ok(pending.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_applies_each_migration_once() {
        let conn = Connection::open_in_memory().expect("an in-memory database");
        assert_eq!(migrate(&conn).expect("first"), MIGRATIONS.len());
        assert_eq!(migrate(&conn).expect("second"), 0);
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(version, MIGRATIONS.len() as i64);
    }

    #[test]
    fn a_newer_database_is_refused() {
        let conn = Connection::open_in_memory().expect("an in-memory database");
        conn.pragma_update(None, "user_version", 99)
            .expect("set version");
        assert!(matches!(
            migrate(&conn),
            Err(MigrateError::TooNew { found: 99, .. })
        ));
    }
}
