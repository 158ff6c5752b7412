//! Message-to-reply latency and sustained questions per second of the Discord
//! bot, through the real serenity and poise stack against the fake Discord on
//! loopback (the fake runs in the same process, on the same two cores).
//!
//! Run with `cargo bench --bench discord` (sizes: `BENCH_LATENCY_QUESTIONS`,
//! default 500, and `BENCH_THROUGHPUT_QUESTIONS`, default 5000).

#[path = "../tests/support/mod.rs"]
#[allow(unused_imports)]
mod support;

use std::time::{Duration, Instant};

use support::*;

const QUESTIONS: [&str; 4] = [
    "how much aid did the us send to ukraine",
    "who delivered the document to moscow",
    "what did russia demand",
    "what is nord stream 2",
];

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn bench() {
    let options = BotOptions {
        rate_limit: 0,
        log_filter: "warn".to_string(),
        ..BotOptions::default()
    };
    let bot = Bot::start(options).await;

    // Warm up connections and caches.
    for i in 0..50 {
        bot.ask(6000 + i, ANSWERS, QUESTIONS[i as usize % QUESTIONS.len()])
            .await;
    }

    // Latency: one question at a time, from MESSAGE_CREATE sent on the
    // gateway to the reply's POST arriving at the fake's REST server.
    let n = setting("BENCH_LATENCY_QUESTIONS", 500);
    let mut latencies = Vec::with_capacity(n);
    for i in 0..n {
        let started = Instant::now();
        let id = bot.fake.say(
            7000 + (i as u64 % 100),
            ANSWERS,
            QUESTIONS[i % QUESTIONS.len()],
        );
        if bot.fake.reply_to(id, WAIT).await.is_none() {
            panic!("no reply to question {i}");
        }
        latencies.push(started.elapsed());
    }
    latencies.sort();
    println!(
        "discord/latency  questions={n}  median={:.3} ms  p90={:.3} ms  p99={:.3} ms  max={:.3} ms",
        ms(percentile(&latencies, 0.5)),
        ms(percentile(&latencies, 0.9)),
        ms(percentile(&latencies, 0.99)),
        ms(latencies[latencies.len() - 1]),
    );

    // Throughput: a burst of questions from many users, all sent at once.
    let total = setting("BENCH_THROUGHPUT_QUESTIONS", 5000);
    let before = bot.fake.view(|v| v.messages().len());
    let started = Instant::now();
    for i in 0..total {
        bot.fake.say(
            10_000 + (i as u64 % 1000),
            ANSWERS,
            QUESTIONS[i % QUESTIONS.len()],
        );
    }
    if !bot
        .fake
        .wait_created(before + total, Duration::from_secs(120))
        .await
    {
        panic!("not every question of the burst was answered");
    }
    let elapsed = started.elapsed();
    println!(
        "discord/throughput  questions={total}  elapsed={:.2} s  rate={:.0} questions/s",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64()
    );
}

fn main() {
    // `cargo bench` passes `--bench`; a filter that is not ours means skip.
    if std::env::args()
        .skip(1)
        .any(|a| !a.starts_with('-') && !"discord".contains(a.as_str()))
    {
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(bench());
}
