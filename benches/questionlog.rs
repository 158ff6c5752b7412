//! The question log at scale: the database's size after 100,000 logged
//! questions (printed), the time to log one question, and the time of the
//! `/unanswered` query over those 100,000 rows.
//!
//! Run with `cargo bench --bench questionlog -- --warm-up-time 1 --measurement-time 3`
//! (`BENCH_LOGGED_QUESTIONS` changes the 100,000).

use criterion::{Criterion, criterion_group, criterion_main};

use citebot::questionlog::{DB_FILE, Entry, QuestionLog, Status};

const OPENINGS: [&str; 8] = [
    "what did the pope say about",
    "how many pages was",
    "when will russia answer",
    "who signed",
    "is there a deadline for",
    "what happens after",
    "did china comment on",
    "how long did it take to write",
];

const OBJECTS: [&str; 10] = [
    "the letter",
    "the written response",
    "the talks in geneva",
    "the nato reply",
    "the sanctions package",
    "the troop build-up",
    "the pipeline decision",
    "the helmets",
    "the embassy staff",
    "the next meeting",
];

/// The `i`th of a realistic mix: 8,000 distinct questions (a few asked
/// often, most rarely), each with a suggestion, a server, a channel and a user.
fn entry(i: usize) -> Entry {
    let variant = (i * i) % 8_000;
    let question = format!(
        "{} {} {}?",
        OPENINGS[variant % OPENINGS.len()],
        OBJECTS[(variant / OPENINGS.len()) % OBJECTS.len()],
        variant / (OPENINGS.len() * OBJECTS.len())
    );
    Entry {
        question,
        status: if i.is_multiple_of(3) {
            Status::Unsure
        } else {
            Status::NotCovered
        },
        fact: Some(format!("fact-number-{}", i % 80)),
        score: Some(0.3 + (i % 40) as f32 / 100.0),
        guild: Some(900_000_000_000_000_000 + (i % 50) as u64),
        channel: Some(910_000_000_000_000_000 + (i % 200) as u64),
        user: Some(920_000_000_000_000_000 + (i % 5_000) as u64),
        source: "discord",
    }
}

fn filled(dir: &std::path::Path, n: usize) -> QuestionLog {
    let log = QuestionLog::open(&dir.join(DB_FILE), 0).expect("the log opens");
    let now = 1_800_000_000;
    for start in (0..n).step_by(1_000) {
        let batch: Vec<Entry> = (start..(start + 1_000).min(n)).map(entry).collect();
        log.record_all(&batch, now).expect("logged");
    }
    log.checkpoint().expect("checkpoint");
    log
}

fn questionlog(c: &mut Criterion) {
    let n = std::env::var("BENCH_LOGGED_QUESTIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let log = filled(dir.path(), n);
    let bytes = std::fs::metadata(dir.path().join(DB_FILE))
        .expect("the database file")
        .len();
    println!(
        "question log: {n} questions in {:.1} MiB ({} bytes, {:.0} bytes per question)",
        bytes as f64 / (1024.0 * 1024.0),
        bytes,
        bytes as f64 / n as f64
    );
    let mut i = n;
    c.bench_function("questionlog/record one question", |b| {
        b.iter(|| {
            i += 1;
            log.record(&entry(i)).expect("logged")
        })
    });
    let mut group = c.benchmark_group("questionlog");
    group.sample_size(10);
    group.bench_function("unanswered top 10 over the log", |b| {
        b.iter(|| log.unanswered(10).expect("the list"))
    });
    group.finish();
}

criterion_group!(benches, questionlog);
criterion_main!(benches);
