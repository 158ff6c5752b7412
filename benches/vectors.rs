//! Benchmarks of `citebot::vectors`: loading the shipped vector file and
//! word-pair similarity.
//!
//! Run with `cargo bench --bench vectors`.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use citebot::vectors::{DEFAULT_VECTORS_FILE, Vectors};
use criterion::{Criterion, criterion_group, criterion_main};

fn vectors_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_VECTORS_FILE)
}

fn load_real() -> Vectors {
    match Vectors::load(&vectors_path()) {
        Ok(v) => v,
        Err(e) => panic!("{e}"),
    }
}

fn bench_load(c: &mut Criterion) {
    let path = vectors_path();
    c.bench_function("vectors/load", |b| {
        b.iter(|| Vectors::load(black_box(&path)).map(|v| v.len()))
    });
    let bytes = std::fs::read(&path).unwrap_or_default();
    c.bench_function("vectors/from_bytes", |b| {
        b.iter(|| Vectors::from_bytes(black_box(&bytes), &path).map(|v| v.len()))
    });
}

fn bench_similarity(c: &mut Criterion) {
    let v = load_real();
    c.bench_function("vectors/similarity", |b| {
        b.iter(|| v.similarity(black_box("sanctions"), black_box("penalties")))
    });
    c.bench_function("vectors/similarity_unknown", |b| {
        b.iter(|| v.similarity(black_box("sanctions"), black_box("qwertyuiop")))
    });
    c.bench_function("vectors/id", |b| b.iter(|| v.id(black_box("helicopter"))));
    c.bench_function("vectors/nearest_10", |b| {
        b.iter(|| v.nearest(black_box("helicopter"), 10))
    });
}

criterion_group!(benches, bench_load, bench_similarity);
criterion_main!(benches);
