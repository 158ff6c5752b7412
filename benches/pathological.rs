//! Benchmark of the worst questions we know of: one long word in each of
//! many scripts, hundreds of unknown or misspelled words, many names. Each is
//! at most `MAX_QUESTION_BYTES` long, as the bot accepts no longer message.
//! The target is at most 1 ms of engine time per question, whatever it says.
//!
//! Run with `cargo bench --bench pathological -- --warm-up-time 1
//! --measurement-time 3`; the bench prints the slowest input at the end.
//! Under `cargo test --benches` criterion only checks that each input runs.

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use citebot::Engine;
use citebot::engine::MAX_QUESTION_BYTES;
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

/// The hostile inputs, by name.
fn inputs() -> Vec<(&'static str, String)> {
    let mut out = vec![
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
    // The slowest input by a hand-timed median of 50 calls each, so the
    // worst case is one line to read.
    let mut worst = (Duration::ZERO, "");
    for (name, question) in &inputs {
        let mut times: Vec<Duration> = (0..50)
            .map(|_| {
                let started = Instant::now();
                black_box(engine.answer(black_box(question)));
                started.elapsed()
            })
            .collect();
        times.sort();
        if times[25] > worst.0 {
            worst = (times[25], name);
        }
    }
    println!(
        "slowest pathological input: {} ({:.3} ms median)",
        worst.1,
        worst.0.as_secs_f64() * 1000.0
    );
}
