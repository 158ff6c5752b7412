//! The engine the bot answers from, swapped whole on reload: readers take a
//! snapshot (`Arc<Engine>`), so a question in flight finishes on the engine it
//! started with; a reload validates the knowledge directory first and keeps
//! the old engine when anything is wrong. Also the optional watcher that
//! reloads when a file in the directory changes.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use arc_swap::ArcSwap;
use tokio::sync::{Mutex, watch};

use crate::engine::Engine;
use crate::knowledge::{Fact, Knowledge};
use crate::setup::{Setup, SetupError};
use crate::vectors::Vectors;

/// Longest a reload may take before it is refused and the lock released.
pub const RELOAD_BUDGET: Duration = Duration::from_secs(60);

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
        let building = tokio::task::spawn_blocking(move || setup.engine_with(vectors));
        let old = self.engine();
        let serving = old.knowledge().facts.len();
        // The files are size-capped regular files, but a stalled disk could
        // still block a read: the lock is released after the budget anyway.
        let Ok(built) = tokio::time::timeout(RELOAD_BUDGET, building).await else {
            return Err(ReloadFailure {
                problems: vec![format!(
                    "reading the knowledge took over {} s; is its disk stalled?",
                    RELOAD_BUDGET.as_secs()
                )],
                serving,
            });
        };
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

/// What the watcher compares: each file's name, and the device, inode, size
/// and modification time of what it points to (symlinks are followed, so a
/// Kubernetes ConfigMap update, which swaps the `..data` link the files point
/// through, is a change).
type Fingerprint = BTreeMap<PathBuf, (u64, u64, u64, Option<SystemTime>)>;

fn fingerprint(dir: &Path) -> Fingerprint {
    let mut out = Fingerprint::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if let Ok(meta) = std::fs::metadata(&path)
            && meta.is_file()
        {
            #[cfg(unix)]
            let (dev, ino) = {
                use std::os::unix::fs::MetadataExt;
                (meta.dev(), meta.ino())
            };
            #[cfg(not(unix))]
            let (dev, ino) = (0, 0);
            out.insert(path, (dev, ino, meta.len(), meta.modified().ok()));
        }
    }
    out
}

async fn fingerprint_async(dir: PathBuf) -> Fingerprint {
    tokio::task::spawn_blocking(move || fingerprint(&dir))
        .await
        .unwrap_or_default()
}

/// Decides when a change on disk is taken: only once the files have looked
/// the same for a whole settle interval, so a file an editor is still
/// writing is not read half-way.
#[derive(Debug)]
pub struct Settle<F> {
    settle: Duration,
    live: F,
    last: F,
    since: Instant,
}

impl<F: PartialEq + Clone> Settle<F> {
    /// Starts from what is live, observed at `now`.
    pub fn new(live: F, settle: Duration, now: Instant) -> Settle<F> {
        Settle {
            settle,
            last: live.clone(),
            live,
            since: now,
        }
    }

    /// Records what the files look like at `now`; true when a change is to be
    /// taken now (it then counts as live).
    pub fn observe(&mut self, seen: F, now: Instant) -> bool {
        if seen != self.last {
            self.last = seen;
            self.since = now;
            return false;
        }
        if seen == self.live || now.duration_since(self.since) < self.settle {
            return false;
        }
        self.live = seen;
        true
    }
}

/// Polls the knowledge directory and reloads once a change has settled: the
/// files unchanged for `settle` (polled four times per interval). Stops when
/// `stop` turns true. Polling needs no platform file-watch API and sees
/// editors that replace files by renaming, and swapped symlinks.
pub fn spawn_watcher(reloader: Arc<Reloader>, settle: Duration, mut stop: watch::Receiver<bool>) {
    let poll = (settle / 4).max(Duration::from_millis(25));
    tokio::spawn(async move {
        let dir = reloader.dir().to_path_buf();
        let first = fingerprint_async(dir.clone()).await;
        let mut state = Settle::new(first, settle, Instant::now());
        tracing::info!(
            dir = %dir.display(),
            settle_ms = settle.as_millis() as u64,
            "watching the knowledge directory"
        );
        loop {
            tokio::select! {
                _ = tokio::time::sleep(poll) => {}
                _ = stop.changed() => break,
            }
            if *stop.borrow() {
                break;
            }
            let now = fingerprint_async(dir.clone()).await;
            if !state.observe(now, Instant::now()) {
                continue;
            }
            match reloader.reload().await {
                Ok(report) => tracing::info!(
                    facts_before = report.before,
                    facts_after = report.after,
                    "knowledge changed on disk: {}",
                    report.to_string().replace('\n', " ")
                ),
                Err(failure) => tracing::warn!(
                    facts = failure.serving,
                    "knowledge changed on disk: {}",
                    failure.to_string().replace('\n', " ")
                ),
            }
        }
        tracing::debug!("knowledge watcher stopped");
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_taken_only_after_the_files_settle() {
        let t0 = Instant::now();
        let at = |ms: u64| t0 + Duration::from_millis(ms);
        let mut state = Settle::new("v1", Duration::from_millis(1000), t0);
        assert!(!state.observe("v1", at(5000)), "nothing changed");
        // An editor writing in bursts: each look differs from the last.
        assert!(!state.observe("half", at(5100)));
        assert!(!state.observe("half", at(5900)), "not settled yet");
        assert!(!state.observe("most", at(6000)));
        assert!(!state.observe("most", at(6500)));
        assert!(!state.observe("v2", at(6600)));
        assert!(!state.observe("v2", at(7500)));
        assert!(state.observe("v2", at(7600)), "unchanged for the interval");
        assert!(!state.observe("v2", at(9000)), "taken once");
        // A change back to what was live before the last take is a change too.
        assert!(!state.observe("v1", at(9100)));
        assert!(state.observe("v1", at(10_200)));
    }
}
