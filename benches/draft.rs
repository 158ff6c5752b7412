//! Benchmarks of `citebot init`'s drafting (`citebot::draft::draft`): the
//! seed article, the squad-complexity article (27 KB) when `../shared` is
//! beside the repository, an article eight times as long whose sentences
//! are all different, to show that drafting grows with the article, not
//! with its square, and one sentence of 800 words (a pasted list).
//!
//! Run with `cargo bench --bench draft`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};

/// `text` repeated `times` times, each copy's sentences made its own by a
/// number before every full stop.
fn lengthened(text: &str, times: usize) -> String {
    (1..=times)
        .map(|k| text.replace(". ", &format!(" {k}. ")))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn bench_draft(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = std::fs::read_to_string(root.join("knowledge/article.txt")).unwrap_or_default();
    c.bench_function("draft/seed-article", |b| {
        b.iter(|| citebot::draft::draft(black_box(&seed)).map(|t| t.len()))
    });
    // A pasted list: one sentence of 800 different words. Drafting it took
    // 87 s (release) while every span's question was drafted and compared
    // with all before it; now it stops once a fact's intents are full.
    let items: Vec<String> = (0..800).map(|i| format!("item{i}")).collect();
    let list = format!("Inventory\n\nThe list names {}.\n", items.join(" "));
    c.bench_function("draft/one-sentence-of-800-words", |b| {
        b.iter(|| citebot::draft::draft(black_box(&list)).map(|t| t.len()))
    });
    let squad = root.join("../shared/eval/squad-complexity/article.txt");
    let Ok(squad) = std::fs::read_to_string(squad) else {
        eprintln!("../shared/eval/squad-complexity not found: skipping the longer articles");
        return;
    };
    let mut group = c.benchmark_group("draft");
    group.sample_size(10);
    group.bench_function("squad-article-27k", |b| {
        b.iter(|| citebot::draft::draft(black_box(&squad)).map(|t| t.len()))
    });
    let long = lengthened(&squad, 8);
    group.bench_function("squad-article-x8-distinct", |b| {
        b.iter(|| citebot::draft::draft(black_box(&long)).map(|t| t.len()))
    });
    group.finish();
}

criterion_group!(benches, bench_draft);
criterion_main!(benches);
