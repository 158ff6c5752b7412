//! Teaching: adds a question people asked as an intent of a fact, editing
//! `knowledge.toml` in place so that its comments and layout stay as the
//! admins wrote them. The edit is validated first (the fact exists, the file
//! still loads, no new lint) and saved atomically; on any failure the file
//! is untouched and the error says why.

use std::fs::TryLockError;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use toml_edit::{DocumentMut, Item, Value};

use super::{KNOWLEDGE_FILE, LoadErrors, lints, load_dir_with};
use crate::engine::MAX_QUESTION_BYTES;
use crate::text::{fold_typography, words};

/// What a successful teach did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taught {
    /// The fact that gained the intent.
    pub fact: String,
    /// The intent as written to the file.
    pub intent: String,
    /// The knowledge file edited.
    pub file: PathBuf,
    /// Intents the fact has now.
    pub intents: usize,
}

/// Why a question was not taught; the knowledge file is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum TeachError {
    /// Nothing to teach.
    #[error("the question is empty")]
    Empty,
    /// Longer than any question the bot reads.
    #[error("the question is longer than {MAX_QUESTION_BYTES} bytes")]
    TooLong,
    /// There is no knowledge file where the teach looked (no `--knowledge`
    /// given, or a directory with none).
    #[error(
        "there is no {}: name the knowledge directory with --knowledge DIR (or KNOWLEDGE_DIR), or draft one with `citebot init ARTICLE DIR`",
        path.display()
    )]
    NoKnowledge {
        /// The file looked for.
        path: PathBuf,
    },
    /// The knowledge file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The knowledge does not load as it is; fix it before teaching.
    #[error("the knowledge does not load as it is, so nothing was changed; fix it first:\n{0}")]
    Broken(LoadErrors),
    /// No fact has this id.
    #[error("there is no fact `{id}`{}", did_you_mean(.close))]
    NoFact {
        /// The id asked for.
        id: String,
        /// Ids that look like it.
        close: Vec<String>,
    },
    /// The fact already has this intent.
    #[error("\"{intent}\" is already an intent of fact `{fact}`")]
    Already {
        /// The intent.
        intent: String,
        /// The fact.
        fact: String,
    },
    /// The edited file would not load.
    #[error("the edited knowledge would not load, so nothing was changed:\n{0}")]
    Invalid(LoadErrors),
    /// The edited file would load with a new warning (e.g. the question
    /// has the same words as an intent of another fact).
    #[error("not taught, it would make the knowledge ambiguous: {0}")]
    Lint(String),
    /// Another teach (in this process or another shard's) held the knowledge
    /// file's lock for longer than `LOCK_WAIT`.
    #[error("another teach is editing {}; try again in a moment", path.display())]
    Busy {
        /// The knowledge file.
        path: PathBuf,
    },
    /// The new file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

fn did_you_mean(close: &[String]) -> String {
    if close.is_empty() {
        " (each [[fact]] in knowledge.toml has its `id`)".to_string()
    } else {
        let ids: Vec<String> = close.iter().map(|id| format!("`{id}`")).collect();
        format!("; did you mean {}?", ids.join(", "))
    }
}

/// The form a question is written in as an intent: lowercase, quotes and
/// spaces folded, without the closing punctuation.
pub fn intent_form(question: &str) -> String {
    let text = fold_typography(question).to_lowercase();
    text.trim_end_matches(|c: char| matches!(c, '?' | '!' | '.') || c.is_whitespace())
        .trim()
        .to_string()
}

/// Adds `question` as an intent of fact `fact_id` in `dir/knowledge.toml`.
pub fn teach(dir: &Path, question: &str, fact_id: &str) -> Result<Taught, TeachError> {
    let intent = intent_form(question);
    if words(&intent).is_empty() {
        return Err(TeachError::Empty);
    }
    if intent.len() > MAX_QUESTION_BYTES {
        return Err(TeachError::TooLong);
    }
    let fact_id = fact_id.trim();
    let path = dir.join(KNOWLEDGE_FILE);
    if !path.exists() {
        return Err(TeachError::NoKnowledge { path });
    }
    // Read, edit and write under one lock, so that two teaches at once (from
    // two shards' processes) cannot both read the old file and lose an edit.
    let _locked = lock(dir, &path)?;
    let text = std::fs::read_to_string(&path).map_err(|source| TeachError::Read {
        path: path.clone(),
        source,
    })?;
    let before = load_dir_with(dir, &text).map_err(TeachError::Broken)?;
    let Some(fact) = before.facts.iter().find(|f| f.id == fact_id) else {
        let wanted = fact_id.to_lowercase();
        let close = before
            .facts
            .iter()
            .filter(|f| {
                !wanted.is_empty()
                    && (f.id.contains(&wanted) || strsim::levenshtein(&f.id, &wanted) <= 3)
            })
            .take(5)
            .map(|f| f.id.clone())
            .collect();
        return Err(TeachError::NoFact {
            id: fact_id.to_string(),
            close,
        });
    };
    let new_words = words(&intent);
    if fact.intents.iter().any(|i| words(i) == new_words) {
        return Err(TeachError::Already {
            intent,
            fact: fact.id.clone(),
        });
    }

    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        TeachError::Broken(LoadErrors(vec![super::LoadError {
            file: path.clone(),
            line: None,
            message: e.message().to_string(),
        }]))
    })?;
    let intents = intents_of(&mut doc, fact_id).ok_or_else(|| TeachError::NoFact {
        id: fact_id.to_string(),
        close: Vec::new(),
    })?;
    // The new item looks like the last one: on its own indented line in a
    // multi-line list, after a space in a one-line list.
    let (prefix, suffix) = intents
        .iter()
        .last()
        .map(|last| {
            let decor = last.decor();
            let part = |raw: Option<&toml_edit::RawString>| {
                raw.and_then(|r| r.as_str()).unwrap_or("").to_string()
            };
            (part(decor.prefix()), part(decor.suffix()))
        })
        .unwrap_or_else(|| (String::new(), String::new()));
    intents.push_formatted(Value::from(intent.clone()).decorated(prefix, suffix));
    let count = intents.len();
    let new_text = doc.to_string();

    let after = load_dir_with(dir, &new_text).map_err(TeachError::Invalid)?;
    let old_lints: Vec<String> = lints(&before).into_iter().map(|l| l.message).collect();
    if let Some(lint) = lints(&after)
        .into_iter()
        .find(|l| !old_lints.contains(&l.message))
    {
        return Err(TeachError::Lint(lint.message));
    }
    write_atomically(&path, &new_text).map_err(|source| TeachError::Write {
        path: path.clone(),
        source,
    })?;
    Ok(Taught {
        fact: fact_id.to_string(),
        intent,
        file: path,
        intents: count,
    })
}

/// How long a teach waits for another one to finish its edit.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

/// Takes the exclusive advisory lock that teaches share: a lock file beside
/// the knowledge file (the knowledge file itself is replaced by a rename, so
/// a lock on it would not outlive an edit). The lock goes with the returned
/// file, also when a process dies holding it.
fn lock(dir: &Path, path: &Path) -> Result<std::fs::File, TeachError> {
    let lock_path = dir.join(format!(".{KNOWLEDGE_FILE}.lock"));
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|source| TeachError::Write {
            path: lock_path.clone(),
            source,
        })?;
    let deadline = Instant::now() + LOCK_WAIT;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(TeachError::Busy {
                    path: path.to_path_buf(),
                });
            }
            Err(TryLockError::Error(source)) => {
                return Err(TeachError::Write {
                    path: lock_path,
                    source,
                });
            }
        }
    }
}

/// The `intents` array of the `[[fact]]` whose id is `id`.
fn intents_of<'a>(doc: &'a mut DocumentMut, id: &str) -> Option<&'a mut toml_edit::Array> {
    let facts = doc.get_mut("fact")?.as_array_of_tables_mut()?;
    let table = facts
        .iter_mut()
        .find(|t| t.get("id").and_then(Item::as_str) == Some(id))?;
    table.get_mut("intents")?.as_array_mut()
}

/// Writes `text` to a new file beside `path`, then renames it over `path`:
/// a reader (the bot, a watcher) sees the old file or the new one, never half.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or("knowledge.toml".into(), |n| n.to_string_lossy());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&temp, meta.permissions())?;
        }
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
        for entry in std::fs::read_dir(from).expect("the knowledge directory") {
            let entry = entry.expect("an entry");
            std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("a copy");
        }
        dir
    }

    fn file(dir: &Path) -> String {
        std::fs::read_to_string(dir.join(KNOWLEDGE_FILE)).expect("the knowledge file")
    }

    #[test]
    fn teaching_adds_one_line_and_keeps_everything_else() {
        let dir = copy();
        let before = file(dir.path());
        let taught = teach(
            dir.path(),
            "How many pages was the letter?",
            "contents-not-disclosed",
        )
        .expect("taught");
        assert_eq!(taught.intent, "how many pages was the letter");
        let after = file(dir.path());
        let added: Vec<&str> = after
            .lines()
            .filter(|l| !before.lines().any(|b| b == *l))
            .collect();
        assert_eq!(added, ["  \"how many pages was the letter\","]);
        assert_eq!(after.lines().count(), before.lines().count() + 1);
        assert!(intents_on_disk(dir.path()).contains(&taught.intent));
    }

    #[test]
    fn teaching_where_there_is_no_knowledge_says_how_to_name_it() {
        // `citebot teach` run without --knowledge, away from `knowledge/`.
        let dir = tempfile::tempdir().expect("a temporary directory");
        for missing in [dir.path().join("knowledge"), dir.path().to_path_buf()] {
            let error = teach(&missing, "when did the fire start", "fire")
                .expect_err("nothing to teach into")
                .to_string();
            assert!(
                error.contains(&missing.join(KNOWLEDGE_FILE).display().to_string()),
                "{error}"
            );
            assert!(error.contains("--knowledge DIR"), "{error}");
            assert!(error.contains("citebot init"), "{error}");
        }
        // Nothing is left behind, not even the lock file.
        assert_eq!(
            std::fs::read_dir(dir.path()).map(Iterator::count).ok(),
            Some(0)
        );
    }

    /// The intents of fact `contents-not-disclosed` as the file now loads.
    fn intents_on_disk(dir: &Path) -> Vec<String> {
        let knowledge = crate::load_dir(dir).expect("still loads");
        knowledge
            .facts
            .into_iter()
            .find(|f| f.id == "contents-not-disclosed")
            .expect("the fact")
            .intents
    }

    #[test]
    fn teaches_at_once_from_many_threads_lose_no_edit() {
        let dir = copy();
        let questions: Vec<String> = (0..8)
            .map(|i| format!("was the letter number {i} signed"))
            .collect();
        std::thread::scope(|scope| {
            for question in &questions {
                let dir = dir.path();
                scope.spawn(move || {
                    teach(dir, question, "contents-not-disclosed").expect("taught");
                });
            }
        });
        let intents = intents_on_disk(dir.path());
        for question in &questions {
            assert!(intents.contains(question), "lost: {question}");
        }
    }

    #[test]
    fn refusals_leave_the_file_untouched_and_say_why() {
        let dir = copy();
        let before = file(dir.path());
        let cases = [
            (
                "how many pages",
                "no-such-fact",
                "there is no fact `no-such-fact`",
            ),
            (
                "how many pages",
                "contents-not-disclose",
                "did you mean `contents-not-disclosed`",
            ),
            ("  ?? ", "contents-not-disclosed", "empty"),
            (
                "How much military aid?",
                "contents-not-disclosed",
                "ambiguous",
            ),
        ];
        for (question, fact, why) in cases {
            let err = teach(dir.path(), question, fact).expect_err("refused");
            assert!(err.to_string().contains(why), "{question}: {err}");
            assert_eq!(file(dir.path()), before, "{question}");
        }
        let taught = teach(dir.path(), "how many pages", "contents-not-disclosed");
        assert!(taught.is_ok(), "{taught:?}");
        let again = teach(dir.path(), "How many pages?", "contents-not-disclosed")
            .expect_err("already there");
        assert!(again.to_string().contains("already an intent"), "{again}");
    }

    #[test]
    fn a_broken_file_is_not_touched() {
        let dir = copy();
        let path = dir.path().join(KNOWLEDGE_FILE);
        let broken = format!("{}\n[[fact]]\nid = \"x\"\n", file(dir.path()));
        std::fs::write(&path, &broken).expect("write");
        let err =
            teach(dir.path(), "how many pages", "contents-not-disclosed").expect_err("refused");
        assert!(err.to_string().contains("fix it first"), "{err}");
        assert_eq!(file(dir.path()), broken);
        let leftovers = std::fs::read_dir(dir.path())
            .expect("list")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            })
            .count();
        assert_eq!(leftovers, 0);
    }
}
