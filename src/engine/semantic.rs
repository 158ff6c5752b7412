//! The semantic signal: word vectors for the knowledge's terms, so that a
//! question word the knowledge never uses ("penalties") can still meet its
//! counterpart in a fact ("sanctions").

use std::sync::Arc;

use super::Tunables;
use super::analyze::{Analyzer, TermId};
use crate::vectors::Vectors;

/// Unit vectors of the vocabulary's terms and the word vectors behind them.
#[derive(Debug, Clone)]
pub struct Semantic {
    vectors: Arc<Vectors>,
    dims: usize,
    /// Flattened unit vectors, `dims` per term; all zero for a term without one.
    term_vectors: Vec<f32>,
    /// Per term: whether it has a vector (a term without one is all zero).
    has_vector: Vec<bool>,
    /// Cosine below which two words are not taken as related at all.
    floor: f32,
    /// Cosine at which two words count as fully related.
    ceiling: f32,
    /// Most a semantic match can count, against 1.0 for the same word.
    max_credit: f32,
}

impl Semantic {
    /// Gives each term the mean of the unit vectors of the words that stem to it.
    pub fn new(vectors: Arc<Vectors>, analyzer: &Analyzer, t: &Tunables) -> Semantic {
        let dims = vectors.dims();
        let mut term_vectors = vec![0.0f32; analyzer.vocabulary_len() * dims];
        for (word, term) in analyzer.words_and_terms() {
            if let Some(unit) = vectors.unit(word) {
                let slot = &mut term_vectors[term as usize * dims..(term as usize + 1) * dims];
                for (s, u) in slot.iter_mut().zip(&unit) {
                    *s += u;
                }
            }
        }
        for slot in term_vectors.chunks_mut(dims.max(1)) {
            let norm = slot.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                slot.iter_mut().for_each(|x| *x /= norm);
            }
        }
        let has_vector = term_vectors
            .chunks(dims.max(1))
            .map(|slot| slot.iter().any(|&x| x != 0.0))
            .collect();
        Semantic {
            vectors,
            dims,
            term_vectors,
            has_vector,
            floor: t.vector_floor,
            ceiling: t.vector_ceiling,
            max_credit: t.vector_credit,
        }
    }

    /// The unit vector of a question word, if the vectors know it.
    pub fn word_vector(&self, word: &str) -> Option<Vec<f32>> {
        self.vectors.unit(word)
    }

    /// False when [`Semantic::credit`] is surely 0 for the term, whatever
    /// the word: it has no vector and the floor is not below a cosine of 0.
    pub fn may_credit(&self, term: TermId) -> bool {
        self.floor < 0.0 || self.has_vector.get(term as usize) != Some(&false)
    }

    /// Credit in 0..=`vector_credit` for matching a question word (given by
    /// its unit vector) with a term: 0 below `vector_floor`, rising linearly
    /// to full credit at `vector_ceiling`.
    pub fn credit(&self, word: &[f32], term: TermId) -> f32 {
        let slot = &self.term_vectors[term as usize * self.dims..(term as usize + 1) * self.dims];
        let cosine = dot(word, slot);
        ((cosine - self.floor) / (self.ceiling - self.floor).max(f32::EPSILON)).clamp(0.0, 1.0)
            * self.max_credit
    }
}

/// The dot product of two vectors, summed in eight lanes so that the
/// compiler keeps them in vector registers (a plain `zip().map().sum()`
/// must add in order, one product at a time).
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let tail: f32 = a
        .chunks_exact(8)
        .remainder()
        .iter()
        .zip(b.chunks_exact(8).remainder())
        .map(|(x, y)| x * y)
        .sum();
    let pairs = lane_pairs(a, b);
    (pairs[0] + pairs[2]) + (pairs[1] + pairs[3]) + tail
}

/// The eight lanes of [`dot`] (lane `j` sums the products at `8c + j` in
/// order), added pairwise: lane `j` plus lane `j + 4`.
#[cfg(not(target_arch = "x86_64"))]
fn lane_pairs(a: &[f32], b: &[f32]) -> [f32; 4] {
    plain_lane_pairs(a, b)
}

/// [`lane_pairs`] in plain Rust, which the compiler vectorises two lanes a
/// register only.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse"), allow(dead_code))]
fn plain_lane_pairs(a: &[f32], b: &[f32]) -> [f32; 4] {
    let mut lanes = [0.0f32; 8];
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        for ((lane, x), y) in lanes.iter_mut().zip(x).zip(y) {
            *lane += x * y;
        }
    }
    [
        lanes[0] + lanes[4],
        lanes[1] + lanes[5],
        lanes[2] + lanes[6],
        lanes[3] + lanes[7],
    ]
}

/// [`lane_pairs`] four lanes a register with SSE (part of every x86-64):
/// each lane multiplies and adds exactly as the plain form does (no fused
/// multiply-add), so the sums are the same bit for bit, in half the
/// instructions.
#[cfg(all(target_arch = "x86_64", target_feature = "sse"))]
fn lane_pairs(a: &[f32], b: &[f32]) -> [f32; 4] {
    // SAFETY: `sse_lane_pairs` only needs SSE, which this build enables
    // (the `cfg` above), as every x86-64 target does.
    unsafe { sse_lane_pairs(a, b) }
}

/// Scalar fallback for an x86-64 target built without SSE.
#[cfg(all(target_arch = "x86_64", not(target_feature = "sse")))]
fn lane_pairs(a: &[f32], b: &[f32]) -> [f32; 4] {
    plain_lane_pairs(a, b)
}

/// The SSE body of [`lane_pairs`].
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse")]
fn sse_lane_pairs(a: &[f32], b: &[f32]) -> [f32; 4] {
    use std::arch::x86_64::{
        __m128, _mm_add_ps, _mm_cvtss_f32, _mm_mul_ps, _mm_set_ps, _mm_setzero_ps, _mm_shuffle_ps,
    };
    let four = |x: &[f32]| -> __m128 { _mm_set_ps(x[3], x[2], x[1], x[0]) };
    let (mut low, mut high) = (_mm_setzero_ps(), _mm_setzero_ps());
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        low = _mm_add_ps(low, _mm_mul_ps(four(&x[..4]), four(&y[..4])));
        high = _mm_add_ps(high, _mm_mul_ps(four(&x[4..]), four(&y[4..])));
    }
    let pairs = _mm_add_ps(low, high);
    [
        _mm_cvtss_f32(pairs),
        _mm_cvtss_f32(_mm_shuffle_ps::<0b01_01_01_01>(pairs, pairs)),
        _mm_cvtss_f32(_mm_shuffle_ps::<0b10_10_10_10>(pairs, pairs)),
        _mm_cvtss_f32(_mm_shuffle_ps::<0b11_11_11_11>(pairs, pairs)),
    ]
}

#[cfg(test)]
mod tests {
    use super::{dot, lane_pairs, plain_lane_pairs};

    #[test]
    fn dot_matches_the_plain_sum() {
        for dims in [0, 1, 7, 8, 9, 50, 300] {
            let a: Vec<f32> = (0..dims).map(|i| (i as f32 * 0.37).sin()).collect();
            let b: Vec<f32> = (0..dims).map(|i| (i as f32 * 0.11).cos()).collect();
            let plain: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
            assert!((dot(&a, &b) - plain).abs() < 1e-4, "{dims} dims");
        }
    }

    #[test]
    fn the_vector_lanes_sum_exactly_as_the_plain_lanes() {
        // Scores are compared bit for bit across builds: the SSE form must
        // round as the plain one does, on vectors of every sign and scale.
        let mut seed = 0x2545_f491_u32;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            (seed as f32 / u32::MAX as f32 - 0.5) * 3.0
        };
        for round in 0..2000 {
            let dims = [50, 8, 16, 300, 7][round % 5];
            let a: Vec<f32> = (0..dims).map(|_| next()).collect();
            let b: Vec<f32> = (0..dims).map(|_| next()).collect();
            let (fast, plain) = (lane_pairs(&a, &b), plain_lane_pairs(&a, &b));
            assert_eq!(
                fast.map(f32::to_bits),
                plain.map(f32::to_bits),
                "{dims} dims"
            );
        }
    }
}
