//! A question log on its own thread, for async callers: the thread owns the
//! database connection, so SQLite never blocks an async worker. Jobs run in
//! the order they were sent, so a query sees every question logged before it.

use std::sync::Mutex;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use tokio::sync::{mpsc, oneshot};

use super::{Entry, LogError, QuestionLog};

/// Questions that may wait for the thread; past this, new ones are dropped
/// with a warning rather than held in memory without bound.
pub const QUEUE: usize = 10_000;

/// How often the thread deletes rows past the retention.
const PRUNE_EVERY: Duration = Duration::from_secs(3600);

/// Most questions written in one transaction.
const BATCH: usize = 500;

type Call = Box<dyn FnOnce(&QuestionLog) + Send>;

enum Job {
    Record(Entry),
    Call(Call),
    Stop,
}

/// A handle on the log's thread.
pub struct LogWorker {
    jobs: mpsc::Sender<Job>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl LogWorker {
    /// Starts the thread that owns `log`.
    pub fn spawn(log: QuestionLog) -> std::io::Result<LogWorker> {
        let (jobs, queue) = mpsc::channel(QUEUE);
        let thread = std::thread::Builder::new()
            .name("question-log".into())
            .spawn(move || serve(log, queue))?;
        Ok(LogWorker {
            jobs,
            thread: Mutex::new(Some(thread)),
        })
    }

    /// Queues a question; never waits. When the queue is full (the disk
    /// stalls) the question is dropped and a warning logged.
    pub fn record(&self, entry: Entry) {
        if let Err(error) = self.jobs.try_send(Job::Record(entry)) {
            tracing::warn!("question log: a question was not logged ({error})");
        }
    }

    /// Runs `f` on the log's thread after every job sent before it, and
    /// returns its result.
    pub async fn call<T: Send + 'static>(
        &self,
        f: impl FnOnce(&QuestionLog) -> Result<T, LogError> + Send + 'static,
    ) -> Result<T, LogError> {
        let (reply, result) = oneshot::channel();
        let job: Call = Box::new(move |log| {
            let _ = reply.send(f(log));
        });
        self.jobs
            .send(Job::Call(job))
            .await
            .map_err(|_| LogError::Closed)?;
        result.await.map_err(|_| LogError::Closed)?
    }

    /// Writes what is queued, then stops the thread and waits for it.
    pub async fn stop(&self) {
        if self.jobs.send(Job::Stop).await.is_err() {
            return;
        }
        let thread = self.thread.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(thread) = thread {
            let _ = tokio::task::spawn_blocking(move || thread.join()).await;
        }
    }
}

fn serve(log: QuestionLog, mut queue: mpsc::Receiver<Job>) {
    let mut pruned = Instant::now();
    let mut next = None;
    loop {
        let Some(job) = next.take().or_else(|| queue.blocking_recv()) else {
            break;
        };
        if pruned.elapsed() >= PRUNE_EVERY {
            pruned = Instant::now();
            match log.prune() {
                Ok(0) => {}
                Ok(n) => tracing::info!(rows = n, "question log: pruned old rows"),
                Err(error) => tracing::warn!("{error}"),
            }
        }
        match job {
            Job::Record(entry) => {
                // Questions waiting together go in one transaction.
                let mut batch = vec![entry];
                while batch.len() < BATCH {
                    match queue.try_recv() {
                        Ok(Job::Record(entry)) => batch.push(entry),
                        Ok(other) => {
                            next = Some(other);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                if let Err(error) = log.record_all(&batch, super::now()) {
                    tracing::warn!(lost = batch.len(), "{error}");
                }
            }
            Job::Call(call) => call(&log),
            Job::Stop => break,
        }
    }
    tracing::debug!("question log thread stopped");
}
