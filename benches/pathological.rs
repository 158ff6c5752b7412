//! Benchmark of the worst questions we know of: one long word in each of
//! many scripts, hundreds of unknown or misspelled words, many names. Each is
//! at most `MAX_QUESTION_BYTES` long, as the bot accepts no longer message.
//! The target is at most 1 ms of engine time per question, whatever it says.
//!
//! Run with `cargo bench --bench pathological -- --warm-up-time 1
//! --measurement-time 3`. After criterion's estimates the bench prints each
//! input's median in the CPU time of the answering thread (engine time
//! proper, which other processes on a busy machine cannot inflate) and in
//! wall time, slowest last. Under `cargo test --benches` criterion only
//! checks that each input runs.

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use citebot::Engine;
use citebot::engine::{MAX_QUESTION_BYTES, MAX_QUESTION_WORDS};
use citebot::knowledge::load_dir;
use citebot::vectors::{DEFAULT_VECTORS_FILE, Vectors};
use criterion::Criterion;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// `unit` repeated as often as fits in `MAX_QUESTION_BYTES` after `prefix`.
fn fill(prefix: &str, unit: &str) -> String {
    let mut out = prefix.to_string();
    while out.len() + unit.len() <= MAX_QUESTION_BYTES {
        out.push_str(unit);
    }
    out
}

/// `unit` repeated after `prefix` up to `MAX_QUESTION_WORDS` words: the
/// most words a question may have, every one of them analysed.
fn fill_words(prefix: &str, unit: &str) -> String {
    let mut out = prefix.to_string();
    let per_unit = citebot::text::words(unit).len();
    while citebot::text::words(&out).len() + per_unit <= MAX_QUESTION_WORDS
        && out.len() + unit.len() <= MAX_QUESTION_BYTES
    {
        out.push_str(unit);
    }
    out
}

/// The hostile inputs, by name.
fn inputs() -> Vec<(&'static str, String)> {
    let mut out = vec![
        // A plain question, for scale.
        (
            "plain-question",
            "how much aid did the us send?".to_string(),
        ),
        // Folds into a 1,992-letter katakana word: took 27 s before typo
        // correction was bounded.
        ("squared-km-332", format!("a {}", "\u{3316}".repeat(332))),
        ("latin-999", "a".repeat(999)),
        ("latin-near-miss", fill("", "goverment")),
    ];
    for (name, letter) in [
        ("cyrillic", "ж"),
        ("greek", "λ"),
        ("han", "中"),
        ("arabic", "ع"),
        ("devanagari", "क"),
        ("hangul", "한"),
        ("thai", "ก"),
        ("ligature-fdfa", "\u{fdfa}"),
    ] {
        out.push((name, fill("what about ", letter)));
    }
    out.extend([
        ("unknown-words", fill("", "zqxv blorp fnarg ")),
        (
            "misspelled-words",
            fill("", "ukrane javlin klitchko soverignty blinkin "),
        ),
        (
            "many-names",
            fill("did ", "Blinken Zelensky Putin Biden Scholz Klitschko "),
        ),
        ("unknown-names", fill("did ", "Zorblat Quenfrey Mardovic ")),
        ("digits", fill("how many ", "1234567 ")),
        (
            "question-words",
            fill("", "why who what when where which how "),
        ),
        // As many words as a question may have, each one analysed.
        ("100-unknown-words", fill_words("", "zqxv blorp fnarg ")),
        (
            "100-misspelled-words",
            fill_words("", "ukrane javlin klitchko soverignty blinkin "),
        ),
        (
            "100-names",
            fill_words("did ", "Blinken Zelensky Putin Biden Scholz Klitschko "),
        ),
        (
            "100-unknown-names",
            fill_words("did ", "Zorblat Quenfrey Mardovic "),
        ),
    ]);
    out
}

fn engine() -> Engine {
    let knowledge = load_dir(&Path::new(ROOT).join("knowledge")).expect("the shipped knowledge");
    let vectors = Vectors::load(&Path::new(ROOT).join(DEFAULT_VECTORS_FILE)).expect("vectors");
    Engine::with_vectors(knowledge, Arc::new(vectors))
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    let engine = engine();
    let inputs = inputs();
    let mut group = criterion.benchmark_group("pathological");
    for (name, question) in &inputs {
        assert!(question.len() <= MAX_QUESTION_BYTES, "{name} is too long");
        group.bench_function(*name, |b| b.iter(|| engine.answer(black_box(question))));
    }
    group.finish();
    criterion.final_summary();
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let mut rows: Vec<(Duration, Duration, &str)> = Vec::new();
    for (name, question) in &inputs {
        let mut wall = Vec::new();
        let mut cpu = Vec::new();
        for _ in 0..200 {
            let (started, cpu_started) = (Instant::now(), thread_cpu());
            black_box(engine.answer(black_box(question)));
            cpu.push(thread_cpu().saturating_sub(cpu_started));
            wall.push(started.elapsed());
        }
        wall.sort();
        cpu.sort();
        rows.push((cpu[100], wall[100], name));
    }
    rows.sort();
    println!("{:<22} {:>12} {:>12}", "input", "median cpu", "median wall");
    for (cpu, wall, name) in &rows {
        println!(
            "{name:<22} {:>9.1} µs {:>9.1} µs",
            cpu.as_secs_f64() * 1e6,
            wall.as_secs_f64() * 1e6
        );
    }
}

/// CPU time used by this thread so far.
#[cfg(unix)]
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the whole call.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Without a thread clock the CPU column reads zero.
#[cfg(not(unix))]
fn thread_cpu() -> Duration {
    Duration::ZERO
}
