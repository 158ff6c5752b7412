//! Benchmarks of the answer engine: `Engine::answer` and load-and-index time,
//! on the article's real knowledge (lexical and with word vectors), on real
//! questions (every question of `tests/data/blind-*.jsonl`) side by side with
//! a plain BM25 over the article's sentences (the floor), on the shipped
//! facts replicated to 10k and 100k (real word frequencies), and on
//! synthetic knowledge of 1k, 10k and 100k facts.
//!
//! Run with `cargo bench --bench engine`. Besides criterion's estimates (the
//! mean per question, as each iteration answers the next question of a fixed
//! mix), the bench times every call of a long run itself and prints the median
//! and 99th percentile per question, which criterion does not report, and a
//! summary table against the latency targets at the end.
//!
//! Under `cargo test --benches` (no `--bench` flag) criterion only checks that
//! each benchmark runs, and the hand-timed runs and the 100k-fact knowledge
//! are skipped.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use citebot::knowledge::{Knowledge, load_dir, load_str};
use citebot::vectors::{DEFAULT_VECTORS_FILE, Vectors};
use citebot::{Engine, Reply};
use criterion::{BatchSize, Criterion};

const KNOWLEDGE_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge");
const LEXICON: &str = include_str!("../assets/lexicon.txt");

/// Questions a Discord channel might ask about the article: plain, casual,
/// misspelled, paraphrased, small talk and off-topic.
const QUESTIONS: &[&str] = &[
    "how much aid did the us send",
    "wat did blinkin say about the ball in russias court",
    "why is everyone roasting germany",
    "did anyone catch the game last night",
    "is finland joining nato",
    "nordstream pipline",
    "how many helicopters did germany send",
    "who delivered the document to moscow",
    "when did the us hand over its response",
    "did biden sign off on the letter",
    "how many russian soldiers are on the border",
    "is putin going to invade ukraine",
    "what penalties will moscow face if it attacks",
    "klitchko helmets",
    "how many helmets did berlin offer",
    "javlin missles",
    "what weapons is america giving ukraine",
    "how much ammo was sent",
    "what does russia want from nato",
    "can ukraine ever join the alliance",
    "are the allies united on sanctions",
    "what is the diplomatic path blinken mentioned",
    "did estonia send german weapons",
    "whats in the written reply",
    "will sanctions hurt the european economy",
    "what's the weather like in paris",
    "best pizza recipe pls",
    "what does china think about all this",
    "hi",
    "thanks bot",
    "tell me about the article",
    "how many tons of ammunition",
];

/// Words of the article's knowledge in the synthetic text use this many
/// pseudo-words besides the English ones.
const PSEUDO_WORDS: usize = 30_000;
/// English content words taken from the lexicon (after its top 100).
const ENGLISH_WORDS: usize = 3_000;
/// Exponent of the Zipf distribution of word ranks.
const ZIPF_S: f64 = 1.0;
/// Hand-timed calls per configuration.
const TIMED_CALLS: usize = 20_000;

// ---------------------------------------------------------------------------
// Options and results

/// What this run does beyond criterion: decided from the command line.
struct Run {
    /// `cargo bench` (as opposed to `cargo test --benches`).
    measuring: bool,
    /// Criterion's name filter, if one was given.
    filter: Option<String>,
}

impl Run {
    fn from_args() -> Run {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let flag = |f: &str| args.iter().any(|a| a == f);
        let measuring =
            flag("--bench") && !flag("--test") && !flag("--list") && !flag("--profile-time");
        // Criterion's only positional argument is the filter; skip option values.
        let mut filter = None;
        let mut skip_next = false;
        for a in &args {
            if skip_next {
                skip_next = false;
                continue;
            }
            if a.starts_with("--") {
                skip_next = !a.contains('=') && takes_value(a);
                continue;
            }
            filter = Some(a.clone());
        }
        Run { measuring, filter }
    }

    /// True when the hand-timed part of group `name` should run: when
    /// measuring, with no filter or a filter that takes in the whole group.
    fn wants(&self, name: &str) -> bool {
        self.measuring && self.filter.as_deref().is_none_or(|f| name.contains(f))
    }

    /// True when the filter may select a benchmark of group `name`, so that
    /// the group's knowledge is worth building.
    fn selects(&self, name: &str) -> bool {
        self.filter.as_deref().is_none_or(|f| {
            let names_a_group = ["article", "synthetic", "blind", "replicated"]
                .iter()
                .any(|g| f.starts_with(g));
            name.contains(f) || f.contains(name) || !names_a_group
        })
    }
}

fn takes_value(flag: &str) -> bool {
    matches!(
        flag,
        "--save-baseline"
            | "--baseline"
            | "--baseline-lenient"
            | "--load-baseline"
            | "--sample-size"
            | "--warm-up-time"
            | "--measurement-time"
            | "--nresamples"
            | "--noise-threshold"
            | "--confidence-level"
            | "--significance-level"
            | "--plotting-backend"
            | "--output-format"
            | "--color"
            | "--profile-time"
    )
}

/// Figures gathered by the hand-timed runs, printed as a table at the end.
#[derive(Default)]
struct Report {
    /// Name, hand-timed latency, target, and criterion's benchmark directory.
    latency: Vec<(String, Latency, Option<Duration>, String)>,
    load: Vec<(String, Duration, Option<Duration>)>,
    notes: Vec<String>,
}

#[derive(Clone, Copy)]
struct Latency {
    p50: Duration,
    p99: Duration,
    mean: Duration,
    max: Duration,
}

impl Report {
    fn print(&self) {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "\n## citebot engine benchmark (hand-timed, {TIMED_CALLS} calls each)\n"
        );
        let _ = writeln!(
            out,
            "| answer latency | criterion median | median | p99 | mean | max | target (median) |"
        );
        let _ = writeln!(out, "| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        for (name, l, target, bench) in &self.latency {
            let criterion = criterion_median(bench).map_or("-".to_string(), fmt);
            let verdict = target.map_or("-".to_string(), |t| {
                format!("≤ {} {}", fmt(t), if l.p50 <= t { "met" } else { "MISSED" })
            });
            let _ = writeln!(
                out,
                "| {name} | {criterion} | {} | {} | {} | {} | {verdict} |",
                fmt(l.p50),
                fmt(l.p99),
                fmt(l.mean),
                fmt(l.max)
            );
        }
        let _ = writeln!(out, "\n| load + index | median | target |");
        let _ = writeln!(out, "| --- | ---: | --- |");
        for (name, d, target) in &self.load {
            let verdict = target.map_or("-".to_string(), |t| {
                format!("< {} {}", fmt(t), if *d < t { "met" } else { "MISSED" })
            });
            let _ = writeln!(out, "| {name} | {} | {verdict} |", fmt(*d));
        }
        for note in &self.notes {
            let _ = writeln!(out, "\n{note}");
        }
        println!("{out}");
    }
}

fn fmt(d: Duration) -> String {
    let ns = d.as_nanos();
    if ns < 10_000 {
        format!("{:.2} µs", ns as f64 / 1e3)
    } else if ns < 1_000_000 {
        format!("{:.1} µs", ns as f64 / 1e3)
    } else if ns < 1_000_000_000 {
        format!("{:.2} ms", ns as f64 / 1e6)
    } else {
        format!("{:.2} s", ns as f64 / 1e9)
    }
}

/// Criterion's median estimate for a benchmark, from the `estimates.json`
/// it has just written (criterion's API does not return it). The folder is
/// the group's name and the benchmark's id with `/` made `_`.
fn criterion_median(bench: &str) -> Option<Duration> {
    let home = std::env::var_os("CRITERION_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("CARGO_TARGET_DIR").map(|t| Path::new(&t).join("criterion")))
        .unwrap_or_else(|| Path::new("target").join("criterion"));
    let text = std::fs::read_to_string(home.join(bench).join("new/estimates.json")).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    let ns = json["median"]["point_estimate"].as_f64()?;
    Some(Duration::from_nanos(ns as u64))
}

/// Answers the questions in turn `calls` times, timing every call.
fn time_answers(engine: &Engine, questions: &[String], calls: usize) -> (Latency, Vec<Duration>) {
    // Warm caches and lazy statics first.
    for q in questions.iter().cycle().take(questions.len() * 3) {
        black_box(engine.answer(black_box(q)));
    }
    let mut all = Vec::with_capacity(calls);
    let mut per_question = vec![Vec::new(); questions.len()];
    for i in 0..calls {
        let q = i % questions.len();
        let start = Instant::now();
        black_box(engine.answer(black_box(&questions[q])));
        let d = start.elapsed();
        all.push(d);
        per_question[q].push(d);
    }
    let medians = per_question
        .into_iter()
        .map(|mut v| {
            v.sort_unstable();
            v.get(v.len() / 2).copied().unwrap_or_default()
        })
        .collect();
    (latency(all), medians)
}

fn latency(mut all: Vec<Duration>) -> Latency {
    all.sort_unstable();
    let at = |p: f64| all[((all.len() as f64 - 1.0) * p).round() as usize];
    let total: Duration = all.iter().sum();
    Latency {
        p50: at(0.5),
        p99: at(0.99),
        mean: total / all.len() as u32,
        max: at(1.0),
    }
}

/// Median of a few timed runs of `f`.
fn time_median<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    times[times.len() / 2]
}

fn describe(reply: &Reply) -> String {
    match reply {
        Reply::Answered(a) => format!("answered ({})", a.fact.as_deref().unwrap_or("sentence")),
        Reply::Unsure(s) => format!("unsure ({} suggestions)", s.len()),
        Reply::Unknown(no) => format!("unknown ({no:?})"),
        Reply::Greeting(_) => "greeting".to_string(),
    }
}

// ---------------------------------------------------------------------------
// The article's knowledge

fn real_knowledge() -> Knowledge {
    load_dir(Path::new(KNOWLEDGE_DIR)).unwrap_or_else(|e| panic!("knowledge does not load: {e}"))
}

fn real_vectors() -> Arc<Vectors> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_VECTORS_FILE);
    Arc::new(Vectors::load(&path).unwrap_or_else(|e| panic!("vectors do not load: {e}")))
}

fn bench_article(c: &mut Criterion, run: &Run, report: &mut Report) {
    let vectors = real_vectors();
    let lexical = Engine::new(real_knowledge());
    let combined = Engine::with_vectors(real_knowledge(), vectors.clone());
    let questions: Vec<String> = QUESTIONS.iter().map(|q| q.to_string()).collect();

    let mut group = c.benchmark_group("article");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for (mode, engine) in [("lexical", &lexical), ("vectors", &combined)] {
        // One question per iteration, cycling through the mix: the estimate is
        // the mean time per question.
        group.bench_function(format!("answer/{mode}"), |b| {
            b.iter_custom(|iters| {
                let start = Instant::now();
                for i in 0..iters as usize {
                    black_box(engine.answer(black_box(QUESTIONS[i % QUESTIONS.len()])));
                }
                start.elapsed()
            })
        });
    }
    group.sample_size(20);
    group.bench_function("load+index/lexical", |b| {
        b.iter(|| Engine::new(real_knowledge()))
    });
    group.bench_function("load+index/vectors", |b| {
        b.iter(|| Engine::with_vectors(real_knowledge(), vectors.clone()))
    });
    let knowledge = real_knowledge();
    group.bench_function("index/lexical", |b| {
        b.iter_batched(|| knowledge.clone(), Engine::new, BatchSize::SmallInput)
    });
    group.bench_function("load", |b| b.iter(real_knowledge));
    group.finish();

    if !run.wants("article") {
        return;
    }
    for (mode, engine, target) in [("lexical", &lexical, 10), ("vectors", &combined, 20)] {
        let (l, medians) = time_answers(engine, &questions, TIMED_CALLS);
        report.latency.push((
            format!("article, {mode}"),
            l,
            Some(Duration::from_micros(target)),
            format!("article/answer_{mode}"),
        ));
        report.notes.push(slowest(
            &format!("the article's knowledge ({mode})"),
            engine,
            medians,
            QUESTIONS.iter().copied(),
            6,
        ));
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_VECTORS_FILE);
    let load = time_median(21, || Engine::new(real_knowledge()));
    report.load.push((
        "article, lexical".to_string(),
        load,
        Some(Duration::from_millis(20)),
    ));
    let load = time_median(21, || {
        Engine::with_vectors(real_knowledge(), vectors.clone())
    });
    report.load.push((
        "article, vectors (vectors already loaded)".to_string(),
        load,
        Some(Duration::from_millis(20)),
    ));
    let load = time_median(11, || {
        Vectors::load(&path).map(|v| Engine::with_vectors(real_knowledge(), Arc::new(v)))
    });
    report.load.push((
        "article, vectors (incl. reading the vector file)".to_string(),
        load,
        None,
    ));
}

// ---------------------------------------------------------------------------
// Real questions, and the BM25 floor

/// Every question of the blind sets: what people really asked.
fn blind_questions() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("blind-") && n.ends_with(".jsonl"))
        })
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}"));
            if let Some(q) = v["q"].as_str() {
                out.push(q.to_string());
            }
        }
    }
    out
}

/// A plain BM25 over the article's sentences with a `HashMap` inverted
/// index: the floor a question's cost is compared with.
struct Bm25 {
    postings: std::collections::HashMap<String, Vec<(u32, f32)>>,
    lengths: Vec<f32>,
    average: f32,
}

impl Bm25 {
    const K1: f32 = 1.2;
    const B: f32 = 0.75;

    fn new(sentences: &[String]) -> Bm25 {
        let mut postings: std::collections::HashMap<String, Vec<(u32, f32)>> = Default::default();
        let mut lengths = Vec::new();
        let mut word = String::new();
        for (s, text) in sentences.iter().enumerate() {
            let mut n = 0;
            for w in text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                word.clear();
                word.extend(w.chars().flat_map(char::to_lowercase));
                let list = postings.entry(word.clone()).or_default();
                match list.last_mut() {
                    Some((d, tf)) if *d == s as u32 => *tf += 1.0,
                    _ => list.push((s as u32, 1.0)),
                }
                n += 1;
            }
            lengths.push(n as f32);
        }
        let average = lengths.iter().sum::<f32>() / lengths.len().max(1) as f32;
        Bm25 {
            postings,
            lengths,
            average,
        }
    }

    /// The best sentence for a question, if any shares a word with it.
    fn best(&self, question: &str, scores: &mut Vec<f32>, word: &mut String) -> Option<usize> {
        scores.clear();
        scores.resize(self.lengths.len(), 0.0);
        let n = self.lengths.len() as f32;
        for w in question
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            word.clear();
            word.extend(w.chars().flat_map(char::to_lowercase));
            let Some(list) = self.postings.get(word.as_str()) else {
                continue;
            };
            let df = list.len() as f32;
            let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
            for &(d, tf) in list {
                let norm =
                    Self::K1 * (1.0 - Self::B + Self::B * self.lengths[d as usize] / self.average);
                scores[d as usize] += idf * tf * (Self::K1 + 1.0) / (tf + norm);
            }
        }
        scores
            .iter()
            .enumerate()
            .filter(|s| *s.1 > 0.0)
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|s| s.0)
    }
}

fn bench_blind(c: &mut Criterion, run: &Run, report: &mut Report) {
    if !run.selects("blind") {
        return;
    }
    let questions = blind_questions();
    let knowledge = real_knowledge();
    let sentences: Vec<String> = knowledge
        .article
        .sentences
        .iter()
        .map(|s| s.text.clone())
        .collect();
    let bm25 = Bm25::new(&sentences);
    let engine = Engine::with_vectors(knowledge, real_vectors());
    let mut group = c.benchmark_group("blind");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("answer/vectors", |b| {
        b.iter_custom(|iters| {
            let start = Instant::now();
            for i in 0..iters as usize {
                black_box(engine.answer(black_box(&questions[i % questions.len()])));
            }
            start.elapsed()
        })
    });
    group.bench_function("bm25", |b| {
        let (mut scores, mut word) = (Vec::new(), String::new());
        b.iter_custom(|iters| {
            let start = Instant::now();
            for i in 0..iters as usize {
                black_box(bm25.best(
                    black_box(&questions[i % questions.len()]),
                    &mut scores,
                    &mut word,
                ));
            }
            start.elapsed()
        })
    });
    group.finish();
    if !run.wants("blind") {
        return;
    }
    let (l, medians) = time_answers(&engine, &questions, TIMED_CALLS);
    report.latency.push((
        format!("blind sets ({} questions), vectors", questions.len()),
        l,
        Some(Duration::from_micros(4)),
        "blind/answer_vectors".to_string(),
    ));
    report.notes.push(slowest(
        "the blind sets (vectors)",
        &engine,
        medians,
        questions.iter().map(String::as_str),
        6,
    ));
    let (mut scores, mut word) = (Vec::new(), String::new());
    let mut all = Vec::with_capacity(TIMED_CALLS);
    for i in 0..TIMED_CALLS {
        let start = Instant::now();
        black_box(bm25.best(
            black_box(&questions[i % questions.len()]),
            &mut scores,
            &mut word,
        ));
        all.push(start.elapsed());
    }
    let floor = latency(all);
    report.latency.push((
        "blind sets, BM25 floor".to_string(),
        floor,
        None,
        "blind/bm25".to_string(),
    ));
    report.notes.push(format!(
        "Engine against the BM25 floor on the blind sets, same run: {:.1}× at the median, {:.1}× in the mean.",
        l.p50.as_secs_f64() / floor.p50.as_secs_f64().max(1e-12),
        l.mean.as_secs_f64() / floor.mean.as_secs_f64().max(1e-12),
    ));
    report.notes.push(stream(&questions, floor.mean));
}

/// The whole process: `citebot ask --json` answering the blind questions
/// repeated to 17,500 lines through a pipe, per question, against the BM25
/// floor's mean in the same run; and start-up alone, for the split.
fn stream(questions: &[String], floor: Duration) -> String {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    const LINES: usize = 17_500;
    let mut input = String::new();
    for q in questions.iter().cycle().take(LINES) {
        input.push_str(&q.replace('\n', " "));
        input.push('\n');
    }
    let run = |input: &String, lines: usize| -> Option<Duration> {
        let start = Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_citebot"))
            .args(["ask", "--json"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let mut stdin = child.stdin.take()?;
        let text = input.clone();
        let writer = std::thread::spawn(move || stdin.write_all(text.as_bytes()));
        let out = child.wait_with_output().ok()?;
        writer.join().ok()?.ok()?;
        let written = out.stdout.iter().filter(|&&b| b == b'\n').count();
        (out.status.success() && written == lines).then(|| start.elapsed())
    };
    // The median of three runs, of the stream and of start-up alone (no
    // questions), so the report says how the stream's cost splits.
    let median = |input: &String, lines: usize| {
        let mut times: Vec<Duration> = (0..3).filter_map(|_| run(input, lines)).collect();
        times.sort_unstable();
        times.get(times.len() / 2).copied()
    };
    let (Some(whole), Some(start_up)) = (median(&input, LINES), median(&String::new(), 0)) else {
        return "Whole-process stream: `citebot ask --json` did not run (build the binary)."
            .to_string();
    };
    let per = whole / LINES as u32;
    format!(
        "Whole process, `citebot ask --json` on {LINES} blind questions through a pipe (start-up included): \
         {} in all, {} a question; {:.1}× the BM25 floor's mean ({}) in the same run. \
         Start-up alone (no questions): {}, {} of each question's share.",
        fmt(whole),
        fmt(per),
        per.as_secs_f64() / floor.as_secs_f64().max(1e-12),
        fmt(floor),
        fmt(start_up),
        fmt(start_up / LINES as u32)
    )
}

// ---------------------------------------------------------------------------
// The shipped facts, replicated

/// The shipped knowledge with its facts copied until there are `facts` of
/// them, each copy under a new id: the words are as common across facts as
/// in real knowledge (every copy cites the same sentences).
fn replicated(facts: usize) -> Knowledge {
    let dir = Path::new(KNOWLEDGE_DIR);
    let toml =
        std::fs::read_to_string(dir.join("knowledge.toml")).unwrap_or_else(|e| panic!("{e}"));
    let article =
        std::fs::read_to_string(dir.join("article.txt")).unwrap_or_else(|e| panic!("{e}"));
    let text = replicate_toml(&toml, facts);
    load_str(dir, &text, &article)
        .unwrap_or_else(|e| panic!("replicated knowledge does not load: {e}"))
}

/// The knowledge file's text with its `[[fact]]` tables repeated, copy `k`
/// of fact `id` named `id-rk`.
fn replicate_toml(toml: &str, facts: usize) -> String {
    let Some(first) = toml.find("\n[[fact]]") else {
        return toml.to_string();
    };
    let (head, tail) = toml.split_at(first + 1);
    let blocks: Vec<&str> = tail
        .split("[[fact]]")
        .filter(|b| !b.trim().is_empty())
        .collect();
    let mut out = String::with_capacity(head.len() + facts * tail.len() / blocks.len().max(1));
    out.push_str(head);
    for n in 0..facts {
        let block = blocks[n % blocks.len()];
        let copy = n / blocks.len();
        out.push_str("[[fact]]");
        if copy == 0 {
            out.push_str(block);
        } else {
            out.push_str(&rename(block, copy));
        }
    }
    out
}

fn rename(block: &str, copy: usize) -> String {
    let mut out = String::with_capacity(block.len() + 8);
    for line in block.split_inclusive('\n') {
        match line.trim_start().strip_prefix("id = \"") {
            Some(rest) => {
                let id = rest.trim_end().trim_end_matches('"');
                let _ = writeln!(out, "id = \"{id}-r{copy}\"");
            }
            None => out.push_str(line),
        }
    }
    out
}

fn bench_replicated(c: &mut Criterion, run: &Run, report: &mut Report) {
    // Tens of thousands of facts take seconds to load: only when measuring.
    if !run.measuring || !run.selects("replicated") {
        return;
    }
    let questions = blind_questions();
    let vectors = real_vectors();
    let base = {
        let engine = Engine::with_vectors(real_knowledge(), vectors.clone());
        time_answers(&engine, &questions, TIMED_CALLS / 4).0.mean
    };
    for size in [10_000, 100_000] {
        let name = format!("replicated-{}k", size / 1000);
        if !run.selects(&name) {
            continue;
        }
        let start = Instant::now();
        let knowledge = replicated(size);
        let loaded = start.elapsed();
        let start = Instant::now();
        let engine = Engine::with_vectors(knowledge, vectors.clone());
        let indexed = start.elapsed();
        let mut group = c.benchmark_group(&name);
        group
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3))
            .sample_size(10);
        group.bench_function("answer/vectors", |b| {
            b.iter_custom(|iters| {
                let start = Instant::now();
                for i in 0..iters as usize {
                    black_box(engine.answer(black_box(&questions[i % questions.len()])));
                }
                start.elapsed()
            })
        });
        group.finish();
        if !run.wants(&name) {
            continue;
        }
        let (l, _) = time_answers(&engine, &questions, questions.len() * 2);
        report.latency.push((
            format!("replicated {}k facts, vectors", size / 1000),
            l,
            None,
            format!("{name}/answer_vectors"),
        ));
        report.load.push((
            format!(
                "replicated {}k facts (load_str + Engine::with_vectors)",
                size / 1000
            ),
            loaded + indexed,
            Some(Duration::from_secs(3)),
        ));
        report.notes.push(format!(
            "Replicated {}k: a question costs {:.1}× its cost at the shipped 72 facts (mean {} against {}; target ≤ 4×); \
             load_str {}, Engine::with_vectors {}.",
            size / 1000,
            l.mean.as_secs_f64() / base.as_secs_f64().max(1e-12),
            fmt(l.mean),
            fmt(base),
            fmt(loaded),
            fmt(indexed),
        ));
    }
}

// ---------------------------------------------------------------------------
// Synthetic knowledge

/// SplitMix64: small, fast and deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A vocabulary in rank order (English function words first, then English
/// content words mixed with pseudo-words) and a Zipf sampler over it.
struct Vocabulary {
    words: Vec<String>,
    cdf: Vec<f64>,
    /// First rank of content words: questions' random words come from here on.
    content_from: usize,
}

impl Vocabulary {
    fn new(rng: &mut Rng) -> Vocabulary {
        let english: Vec<&str> = LEXICON
            .lines()
            .map(str::trim)
            .filter(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_lowercase()))
            .collect();
        let mut words: Vec<String> = english.iter().take(100).map(|w| w.to_string()).collect();
        let content_from = words.len();
        let mut seen: HashSet<String> = english.iter().map(|w| w.to_string()).collect();
        let mut content: Vec<String> = english
            .iter()
            .skip(100)
            .take(ENGLISH_WORDS)
            .map(|w| w.to_string())
            .collect();
        while content.len() < ENGLISH_WORDS + PSEUDO_WORDS {
            let w = pseudo_word(rng, b"bdfgklmnprstv", b"aeiou");
            if seen.insert(w.clone()) {
                content.push(w);
            }
        }
        // Shuffle so that English and pseudo-words share every frequency band.
        for i in (1..content.len()).rev() {
            content.swap(i, rng.below(i + 1));
        }
        words.extend(content);
        let mut total = 0.0;
        let cdf = (0..words.len())
            .map(|r| {
                total += 1.0 / ((r + 1) as f64).powf(ZIPF_S);
                total
            })
            .collect();
        Vocabulary {
            words,
            cdf,
            content_from,
        }
    }

    fn sample(&self, rng: &mut Rng) -> &str {
        let u = rng.unit() * self.cdf[self.cdf.len() - 1];
        let r = self
            .cdf
            .partition_point(|&c| c < u)
            .min(self.words.len() - 1);
        &self.words[r]
    }

    /// A content word (never one of the top-100 English words).
    fn sample_content(&self, rng: &mut Rng) -> &str {
        loop {
            let u = rng.unit() * self.cdf[self.cdf.len() - 1];
            let r = self
                .cdf
                .partition_point(|&c| c < u)
                .min(self.words.len() - 1);
            if r >= self.content_from {
                return &self.words[r];
            }
        }
    }
}

/// A pronounceable pseudo-word of 2 to 4 syllables.
fn pseudo_word(rng: &mut Rng, consonants: &[u8], vowels: &[u8]) -> String {
    let mut w = String::new();
    for _ in 0..rng.range(2, 4) {
        w.push(consonants[rng.below(consonants.len())] as char);
        w.push(vowels[rng.below(vowels.len())] as char);
        if rng.below(4) == 0 {
            w.push(b"nrslt"[rng.below(5)] as char);
        }
    }
    w
}

/// Synthetic knowledge as the texts of a knowledge directory, plus the
/// intents of each fact for building questions.
struct Synthetic {
    toml: String,
    article: String,
    intents: Vec<Vec<String>>,
}

fn synthesize(facts: usize, vocabulary: &Vocabulary, rng: &mut Rng) -> Synthetic {
    let mut article = String::from("Synthetic article for the engine benchmark\n");
    let mut toml = String::with_capacity(facts * 400);
    toml.push_str("[article]\ntitle = \"Synthetic article\"\ntext = \"article.txt\"\n\n");
    toml.push_str("[summary]\nshort = \"A synthetic article.\"\nlong = \"A synthetic article made for benchmarks.\"\n\n");
    for t in 0..10 {
        let _ = writeln!(
            toml,
            "[topics.t{t}]\ntitle = \"Topic {t}\"\nsummary = \"Synthetic topic {t}.\"\n"
        );
    }
    let mut seen = HashSet::with_capacity(facts);
    let mut intents_of = Vec::with_capacity(facts);
    let mut i = 0;
    while i < facts {
        article.push('\n');
        let in_paragraph = rng.range(2, 5).min(facts - i);
        let mut paragraph = Vec::with_capacity(in_paragraph);
        while paragraph.len() < in_paragraph {
            let len = rng.range(10, 22);
            let words: Vec<&str> = (0..len).map(|_| vocabulary.sample(rng)).collect();
            let mut sentence = words.join(" ");
            sentence[..1].make_ascii_uppercase();
            sentence.push('.');
            if !seen.insert(sentence.clone()) {
                continue;
            }
            // Content words of the sentence, for intents.
            let content: Vec<&str> = words
                .iter()
                .copied()
                .filter(|w| {
                    vocabulary.words[..vocabulary.content_from]
                        .iter()
                        .all(|f| f != w)
                })
                .collect();
            let mut intents = Vec::new();
            for _ in 0..rng.range(3, 5) {
                let mut intent: Vec<&str> = Vec::new();
                if rng.below(2) == 0 {
                    intent.push(
                        ["what", "who", "how many", "why", "when", "tell me about"][rng.below(6)],
                    );
                }
                for _ in 0..rng.range(2, 4) {
                    if let Some(&w) = content.get(rng.below(content.len().max(1))) {
                        intent.push(w);
                    }
                }
                // A few words from elsewhere, at least one when the sentence
                // has no content word of its own.
                for _ in 0..rng.range(usize::from(content.is_empty()), 2) {
                    intent.push(vocabulary.sample_content(rng));
                }
                intents.push(intent.join(" "));
            }
            let answer: Vec<&str> = words.iter().take(6).copied().collect();
            let id = i + paragraph.len();
            let _ = write!(
                toml,
                "[[fact]]\nid = \"f{id}\"\ntopic = \"t{}\"\nintents = [",
                id % 10
            );
            for (k, intent) in intents.iter().enumerate() {
                let _ = write!(toml, "{}\"{intent}\"", if k == 0 { "" } else { ", " });
            }
            let _ = write!(
                toml,
                "]\nanswer = \"In short: {}.\"\nsource = \"{sentence}\"\n\n",
                answer.join(" ")
            );
            intents_of.push(intents);
            paragraph.push(sentence);
        }
        article.push_str(&paragraph.join(" "));
        article.push('\n');
        i += in_paragraph;
    }
    Synthetic {
        toml,
        article,
        intents: intents_of,
    }
}

/// Questions for synthetic knowledge: a random fact's random intent with one
/// word misspelled and one word swapped for a random word; one in ten is noise.
fn synthetic_questions(
    s: &Synthetic,
    vocabulary: &Vocabulary,
    rng: &mut Rng,
    n: usize,
) -> Vec<String> {
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        if rng.below(10) == 0 {
            // Noise: unknown pseudo-words (other letters), or random known words.
            let len = rng.range(2, 6);
            let words: Vec<String> = if rng.below(2) == 0 {
                (0..len)
                    .map(|_| pseudo_word(rng, b"cjqwxz", b"aeiouy"))
                    .collect()
            } else {
                (0..len)
                    .map(|_| vocabulary.sample_content(rng).to_string())
                    .collect()
            };
            out.push(words.join(" "));
            continue;
        }
        let intents = &s.intents[rng.below(s.intents.len())];
        let mut words: Vec<String> = intents[rng.below(intents.len())]
            .split(' ')
            .map(str::to_string)
            .collect();
        let long: Vec<usize> = (0..words.len()).filter(|&k| words[k].len() >= 5).collect();
        if let Some(&k) = long.get(rng.below(long.len().max(1))) {
            words[k] = misspell(&words[k], rng);
        }
        let k = rng.below(words.len());
        if !long.contains(&k) || long.len() > 1 {
            words[k] = vocabulary.sample_content(rng).to_string();
        }
        out.push(words.join(" "));
    }
    out
}

/// One edit: swap two neighbouring letters, drop one, or double one.
fn misspell(word: &str, rng: &mut Rng) -> String {
    let mut b: Vec<u8> = word.bytes().collect();
    let i = rng.range(1, b.len() - 2);
    match rng.below(3) {
        0 => b.swap(i, i + 1),
        1 => {
            b.remove(i);
        }
        _ => b.insert(i, b[i]),
    }
    String::from_utf8(b).unwrap_or_else(|_| word.to_string())
}

fn load_synthetic(s: &Synthetic) -> Knowledge {
    load_str(Path::new("/synthetic"), &s.toml, &s.article)
        .unwrap_or_else(|e| panic!("synthetic knowledge does not load: {e}"))
}

fn bench_synthetic(c: &mut Criterion, run: &Run, report: &mut Report) {
    let mut rng = Rng(0x5EED);
    let start = Instant::now();
    let vocabulary = Vocabulary::new(&mut rng);
    report.notes.push(format!(
        "Synthetic vocabulary: {} words ({} English function words, {ENGLISH_WORDS} English content words, \
         {PSEUDO_WORDS} pseudo-words), Zipf s = {ZIPF_S}; built in {}.",
        vocabulary.words.len(),
        vocabulary.content_from,
        fmt(start.elapsed())
    ));
    let sizes: &[usize] = if run.measuring {
        &[1_000, 10_000, 100_000]
    } else {
        &[1_000]
    };
    for &size in sizes {
        let label = format!("{}k", size / 1000);
        let name = format!("synthetic-{label}");
        if !run.selects(&name) {
            continue;
        }
        let start = Instant::now();
        let synthetic = synthesize(size, &vocabulary, &mut rng);
        let generated = start.elapsed();
        let start = Instant::now();
        let knowledge = load_synthetic(&synthetic);
        let loaded = start.elapsed();
        assert_eq!(
            knowledge.facts.len(),
            size,
            "every synthetic fact must load"
        );
        let start = Instant::now();
        let engine = Engine::new(knowledge);
        let indexed = start.elapsed();
        let questions = synthetic_questions(&synthetic, &vocabulary, &mut rng, 500);

        let mut group = c.benchmark_group(&name);
        group
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3));
        group.bench_function("answer", |b| {
            b.iter_custom(|iters| {
                let start = Instant::now();
                for i in 0..iters as usize {
                    black_box(engine.answer(black_box(&questions[i % questions.len()])));
                }
                start.elapsed()
            })
        });
        // Load and index through criterion where ten samples take seconds;
        // larger sizes are timed by hand below.
        if size <= 1_000 {
            group.sample_size(10);
            group.bench_function("load+index", |b| {
                b.iter(|| Engine::new(load_synthetic(&synthetic)))
            });
        }
        group.finish();

        if !run.wants(&name) {
            continue;
        }
        let calls = if size >= 100_000 {
            TIMED_CALLS / 4
        } else {
            TIMED_CALLS
        };
        let (l, medians) = time_answers(&engine, &questions, calls);
        report.notes.push(slowest(
            &format!("synthetic {label} facts"),
            &engine,
            medians,
            questions.iter().map(String::as_str),
            4,
        ));
        let target = (size == 100_000).then_some(Duration::from_millis(1));
        report.latency.push((
            format!("synthetic {label} facts, lexical"),
            l,
            target,
            format!("{name}/answer"),
        ));
        let mut kinds = [0usize; 4];
        for q in &questions {
            kinds[match engine.answer(q) {
                Reply::Answered(_) => 0,
                Reply::Unsure(_) => 1,
                Reply::Unknown(_) => 2,
                Reply::Greeting(_) => 3,
            }] += 1;
        }
        let load = if size <= 1_000 {
            time_median(5, || Engine::new(load_synthetic(&synthetic)))
        } else {
            loaded + indexed
        };
        report
            .load
            .push((format!("synthetic {label} facts"), load, None));
        report.notes.push(format!(
            "Synthetic {label}: generated in {}, load_str {}, Engine::new {} (first build); {} KB of TOML, \
             {} KB of article; replies to its {} questions: {} answered, {} unsure, {} unknown. Examples: {:?}",
            fmt(generated),
            fmt(loaded),
            fmt(indexed),
            synthetic.toml.len() / 1024,
            synthetic.article.len() / 1024,
            questions.len(),
            kinds[0],
            kinds[1],
            kinds[2],
            &questions[..3],
        ));
    }
}

/// The `n` slowest questions of a timed run, with what the engine replied.
fn slowest<'a>(
    on: &str,
    engine: &Engine,
    medians: Vec<Duration>,
    questions: impl Iterator<Item = &'a str>,
    n: usize,
) -> String {
    let mut slow: Vec<(Duration, &str)> = medians.into_iter().zip(questions).collect();
    slow.sort_unstable_by_key(|s| std::cmp::Reverse(s.0));
    let mut note = format!("Slowest questions on {on}, median per call:\n");
    for (d, q) in slow.iter().take(n) {
        let _ = writeln!(
            note,
            "- {} \"{q}\" → {}",
            fmt(*d),
            describe(&engine.answer(q))
        );
    }
    note
}

fn main() {
    let run = Run::from_args();
    let mut criterion = Criterion::default().configure_from_args();
    let mut report = Report::default();
    bench_article(&mut criterion, &run, &mut report);
    bench_blind(&mut criterion, &run, &mut report);
    bench_replicated(&mut criterion, &run, &mut report);
    bench_synthetic(&mut criterion, &run, &mut report);
    criterion.final_summary();
    if run.measuring {
        report.print();
    }
}
