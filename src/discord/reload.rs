//! The engine the bot answers from, swapped whole on reload: readers take a
//! snapshot (`Arc<Engine>`), so a question in flight finishes on the engine it
//! started with; a reload validates the knowledge directory first and keeps
//! the old engine when anything is wrong. Also the optional watcher that
//! reloads when a file in the directory changes.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use arc_swap::ArcSwap;
use tokio::sync::{Mutex, watch};

use crate::engine::Engine;
use crate::knowledge::{Fact, Knowledge};
use crate::setup::{Setup, SetupError};
use crate::vectors::Vectors;

/// The live engine and what is needed to build a new one.
pub struct Reloader {
    engine: ArcSwap<Engine>,
    setup: Setup,
    vectors: Option<Arc<Vectors>>,
    /// One reload at a time (the command and the watcher share it).
    busy: Mutex<()>,
}

/// What a successful reload changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReloadReport {
    /// Facts before.
    pub before: usize,
    /// Facts after.
    pub after: usize,
    /// Ids of new facts.
    pub added: Vec<String>,
    /// Ids of facts that are gone.
    pub removed: Vec<String>,
    /// Ids of facts whose answer, intents, keywords, topic or sentence changed.
    pub changed: Vec<String>,
}

/// Why a reload was refused; the old knowledge keeps serving.
#[derive(Debug)]
pub struct ReloadFailure {
    /// Every problem, `file:line: message`, file relative to the knowledge directory.
    pub problems: Vec<String>,
    /// Facts still served from the old knowledge.
    pub serving: usize,
}

impl Reloader {
    /// Starts serving `engine`; reloads read `setup`'s directory and reuse `vectors`.
    pub fn new(engine: Engine, setup: Setup, vectors: Option<Arc<Vectors>>) -> Reloader {
        Reloader {
            engine: ArcSwap::from_pointee(engine),
            setup,
            vectors,
            busy: Mutex::new(()),
        }
    }

    /// The engine to answer one question with.
    pub fn engine(&self) -> Arc<Engine> {
        self.engine.load_full()
    }

    /// The knowledge directory.
    pub fn dir(&self) -> &Path {
        &self.setup.knowledge_dir
    }

    /// Re-reads and validates the knowledge directory; on success swaps the new
    /// engine in and reports what changed, else keeps the old one and lists
    /// every problem.
    pub async fn reload(&self) -> Result<ReloadReport, ReloadFailure> {
        let _one_at_a_time = self.busy.lock().await;
        let setup = self.setup.clone();
        let vectors = self.vectors.clone();
        let built = tokio::task::spawn_blocking(move || setup.engine_with(vectors)).await;
        let old = self.engine();
        let serving = old.knowledge().facts.len();
        let new = match built {
            Ok(Ok(engine)) => engine,
            Ok(Err(error)) => {
                return Err(ReloadFailure {
                    problems: problems(&error, self.dir()),
                    serving,
                });
            }
            Err(join) => {
                return Err(ReloadFailure {
                    problems: vec![format!("the reload task failed: {join}")],
                    serving,
                });
            }
        };
        let report = diff(old.knowledge(), new.knowledge());
        self.engine.store(Arc::new(new));
        Ok(report)
    }
}

fn problems(error: &SetupError, dir: &Path) -> Vec<String> {
    match error {
        SetupError::Knowledge(errors) => errors
            .iter()
            .map(|e| {
                let file = e
                    .file
                    .strip_prefix(dir)
                    .unwrap_or(&e.file)
                    .display()
                    .to_string();
                match e.line {
                    Some(line) => format!("{file}:{line}: {}", e.message),
                    None => format!("{file}: {}", e.message),
                }
            })
            .collect(),
        other => vec![other.to_string()],
    }
}

fn diff(old: &Knowledge, new: &Knowledge) -> ReloadReport {
    let before: HashMap<&str, &Fact> = old.facts.iter().map(|f| (f.id.as_str(), f)).collect();
    let after: HashMap<&str, &Fact> = new.facts.iter().map(|f| (f.id.as_str(), f)).collect();
    let mut added = Vec::new();
    let mut changed = Vec::new();
    for fact in &new.facts {
        match before.get(fact.id.as_str()) {
            None => added.push(fact.id.clone()),
            Some(old_fact) => {
                let same = old_fact.answer == fact.answer
                    && old_fact.intents == fact.intents
                    && old_fact.keywords == fact.keywords
                    && old_fact.topic == fact.topic
                    && old.sentence_of(old_fact).text == new.sentence_of(fact).text;
                if !same {
                    changed.push(fact.id.clone());
                }
            }
        }
    }
    let removed = old
        .facts
        .iter()
        .filter(|f| !after.contains_key(f.id.as_str()))
        .map(|f| f.id.clone())
        .collect();
    ReloadReport {
        before: old.facts.len(),
        after: new.facts.len(),
        added,
        removed,
        changed,
    }
}

impl fmt::Display for ReloadReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Reloaded the knowledge: {} facts before, {} after.",
            self.before, self.after
        )?;
        let list = |ids: &[String]| {
            let shown: Vec<String> = ids.iter().take(20).map(|id| format!("`{id}`")).collect();
            let more = ids.len().saturating_sub(shown.len());
            if more > 0 {
                format!("{} and {more} more", shown.join(", "))
            } else {
                shown.join(", ")
            }
        };
        for (label, ids) in [
            ("Added", &self.added),
            ("Removed", &self.removed),
            ("Changed", &self.changed),
        ] {
            if !ids.is_empty() {
                write!(f, "\n{label} ({}): {}", ids.len(), list(ids))?;
            }
        }
        if self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty() {
            write!(f, "\nNo fact changed.")?;
        }
        Ok(())
    }
}

impl fmt::Display for ReloadFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "Reload refused: {n} problem{} in the knowledge directory. Still answering from the old knowledge ({} facts).",
            if n == 1 { "" } else { "s" },
            self.serving
        )?;
        for problem in &self.problems {
            write!(f, "\n• {problem}")?;
        }
        Ok(())
    }
}

/// What the watcher compares: each file's name, size and modification time.
type Fingerprint = BTreeMap<PathBuf, (u64, Option<SystemTime>)>;

fn fingerprint(dir: &Path) -> Fingerprint {
    let mut out = Fingerprint::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        if let Ok(meta) = entry.metadata()
            && meta.is_file()
        {
            out.insert(entry.path(), (meta.len(), meta.modified().ok()));
        }
    }
    out
}

async fn fingerprint_async(dir: PathBuf) -> Fingerprint {
    tokio::task::spawn_blocking(move || fingerprint(&dir))
        .await
        .unwrap_or_default()
}

/// Polls the knowledge directory every `interval` and reloads once a change
/// has settled (the same on two polls in a row, so a file being written is not
/// read half-way). Stops when `stop` turns true. Polling needs no platform
/// file-watch API and sees editors that replace files by renaming.
pub fn spawn_watcher(reloader: Arc<Reloader>, interval: Duration, mut stop: watch::Receiver<bool>) {
    tokio::spawn(async move {
        let dir = reloader.dir().to_path_buf();
        let mut seen = fingerprint_async(dir.clone()).await;
        let mut pending: Option<Fingerprint> = None;
        tracing::info!(dir = %dir.display(), every_ms = interval.as_millis() as u64, "watching the knowledge directory");
        loop {
            tokio::select! {
                _ = tokio::time::sleep(interval) => {}
                _ = stop.changed() => break,
            }
            if *stop.borrow() {
                break;
            }
            let now = fingerprint_async(dir.clone()).await;
            if now == seen {
                pending = None;
                continue;
            }
            if pending.as_ref() != Some(&now) {
                pending = Some(now);
                continue;
            }
            seen = now;
            pending = None;
            match reloader.reload().await {
                Ok(report) => tracing::info!(
                    "knowledge changed on disk: {}",
                    report.to_string().replace('\n', " ")
                ),
                Err(failure) => tracing::warn!(
                    "knowledge changed on disk: {}",
                    failure.to_string().replace('\n', " ")
                ),
            }
        }
        tracing::debug!("knowledge watcher stopped");
    });
}
