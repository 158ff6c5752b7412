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
    /// Chunks of eight floats [`Semantic::credits`] reads before it may
    /// rule a term out: all but the last whole one.
    head: usize,
    /// Per term: the norm of its vector's floats after the `head` chunks.
    rest_norms: Vec<f32>,
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
        let head = (dims / 8).saturating_sub(1);
        let rest_norms = term_vectors
            .chunks(dims.max(1))
            .map(|slot| rest_norm(slot, head))
            .collect();
        Semantic {
            vectors,
            dims,
            term_vectors,
            has_vector,
            head,
            rest_norms,
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

    /// Appends to `out` each of `terms` that [`Semantic::credit`] credits
    /// (above 0) for the question word with unit vector `word`, with its
    /// credit, in the order of `terms`: the same figures as calling
    /// `credit` on each, with what does not depend on the term read once.
    pub fn credits(&self, word: &[f32], terms: &[TermId], out: &mut Vec<(TermId, f32)>) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx") {
            // SAFETY: the processor has AVX, checked just above.
            unsafe { self.wide_credits(word, terms, out) };
            return;
        }
        self.narrow_credits(word, terms, out);
    }

    /// [`Semantic::credit`] between two of the knowledge's terms (0 when the
    /// first has no vector): how far one may stand in for the other.
    pub fn term_credit(&self, a: TermId, b: TermId) -> f32 {
        let slot = &self.term_vectors[a as usize * self.dims..(a as usize + 1) * self.dims];
        if slot.iter().all(|&x| x == 0.0) {
            return 0.0;
        }
        self.credit(slot, b)
    }

    /// Credit in 0..=`vector_credit` for matching a question word (given by
    /// its unit vector) with a term: 0 below `vector_floor`, rising linearly
    /// to full credit at `vector_ceiling`.
    pub fn credit(&self, word: &[f32], term: TermId) -> f32 {
        let slot = &self.term_vectors[term as usize * self.dims..(term as usize + 1) * self.dims];
        self.credit_of_cosine(dot(word, slot))
    }

    /// The credit for a cosine: 0 below `vector_floor`, rising linearly to
    /// `vector_credit` at `vector_ceiling`.
    fn credit_of_cosine(&self, cosine: f32) -> f32 {
        ((cosine - self.floor) / (self.ceiling - self.floor).max(f32::EPSILON)).clamp(0.0, 1.0)
            * self.max_credit
    }
}

/// The dot product of two vectors, summed in eight lanes so that the
/// compiler keeps them in vector registers (a plain `zip().map().sum()`
/// must add in order, one product at a time).
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = Lanes::new();
    for (x, y) in chunks(a).iter().zip(chunks(b)) {
        lanes.add(x, y);
    }
    lanes.sum() + tail(a, b)
}

/// Writes [`Semantic::credits`]'s loop over the terms and the bounded dot
/// product it calls for one kind of [`Lanes`], so that the lanes this build
/// always has and the AVX lanes chosen at run time share one text: the
/// same products and sums in the same order, so the same credits bit for
/// bit.
macro_rules! credits_with_lanes {
    (
        $(#[$credits_attr:meta])* fn $credits:ident;
        $(#[$fixed_attr:meta])* fn $fixed:ident;
        $(#[$dot_attr:meta])* fn $dot:ident;
        $(#[$dot_fixed_attr:meta])* fn $dot_fixed:ident;
        lanes $lanes:ident;
    ) => {
        impl Semantic {
            $(#[$credits_attr])*
            fn $credits(&self, word: &[f32], terms: &[TermId], out: &mut Vec<(TermId, f32)>) {
                // Vectors of a few whole chunks (the shipped ones have 50
                // floats: six) take a loop whose chunk count is known when
                // compiled, so that the chunks are read without a loop or
                // bounds checks; the sums are the same.
                match self.dims / 8 {
                    4 => return self.$fixed::<4>(word, terms, out),
                    5 => return self.$fixed::<5>(word, terms, out),
                    6 => return self.$fixed::<6>(word, terms, out),
                    7 => return self.$fixed::<7>(word, terms, out),
                    8 => return self.$fixed::<8>(word, terms, out),
                    _ => {}
                }
                let dims = self.dims;
                // A term is credited only above the floor. By
                // Cauchy-Schwarz the floats after the first `head` chunks
                // add at most the product of their norms, so a term whose
                // first chunks fall short by more is left after those
                // (most terms, for a floor well above 0).
                let word_rest = rest_norm(word, self.head);
                for &term in terms {
                    if !self.may_credit(term) {
                        continue;
                    }
                    let at = term as usize * dims;
                    let rest = word_rest * self.rest_norms[term as usize];
                    let slot = &self.term_vectors[at..at + dims];
                    let Some(cosine) = $dot(word, slot, self.head, rest, self.floor) else {
                        continue;
                    };
                    let credit = self.credit_of_cosine(cosine);
                    if credit > 0.0 {
                        out.push((term, credit));
                    }
                }
            }

            $(#[$fixed_attr])*
            fn $fixed<const N: usize>(
                &self,
                word: &[f32],
                terms: &[TermId],
                out: &mut Vec<(TermId, f32)>,
            ) {
                let dims = self.dims;
                let Some(&word8) = chunks(word).first_chunk::<N>() else {
                    return;
                };
                // The word's chunks copied once, so that the loop may keep
                // them in registers instead of reading them for each term.
                let word8 = &word8;
                let word_rest = rest_norm(word, N - 1);
                // No [`Semantic::may_credit`] test per term: a term without
                // a vector is all zero, so its cosine is 0 and its credit is
                // not above 0 whenever that test would pass it over (a floor
                // not below 0); the test cost more than the few such terms.
                // The terms with a row of floats and a rest norm: a term
                // below this is read without checking each range again.
                let rows = self.rest_norms.len().min(self.term_vectors.len() / dims.max(1));
                for &term in terms {
                    if term as usize >= rows {
                        continue;
                    }
                    let at = term as usize * dims;
                    // SAFETY: `term < rows`, so `at + dims <= rows * dims`,
                    // which is at most `term_vectors.len()`, and `term` is
                    // below `rest_norms.len()`.
                    let (slot, term_rest) = unsafe {
                        (
                            self.term_vectors.get_unchecked(at..at + dims),
                            *self.rest_norms.get_unchecked(term as usize),
                        )
                    };
                    let Some(slot8) = chunks(slot).first_chunk::<N>() else {
                        continue;
                    };
                    let rest = word_rest * term_rest;
                    let Some(dot8) = $dot_fixed(word8, slot8, rest, self.floor) else {
                        continue;
                    };
                    let cosine = dot8 + tail(word, slot);
                    let credit = self.credit_of_cosine(cosine);
                    if credit > 0.0 {
                        out.push((term, credit));
                    }
                }
            }
        }

        $(#[$dot_fixed_attr])*
        fn $dot_fixed<const N: usize>(
            a: &[[f32; 8]; N],
            b: &[[f32; 8]; N],
            rest: f32,
            below: f32,
        ) -> Option<f32> {
            let mut lanes = $lanes::new();
            for c in 0..N - 1 {
                lanes.add(&a[c], &b[c]);
            }
            if lanes.sum() + rest < below - BOUND_MARGIN {
                return None;
            }
            lanes.add(&a[N - 1], &b[N - 1]);
            Some(lanes.sum())
        }

        $(#[$dot_attr])*
        fn $dot(a: &[f32], b: &[f32], head: usize, rest: f32, below: f32) -> Option<f32> {
            let n = chunks(a).len().min(chunks(b).len());
            let (a8, b8) = (&chunks(a)[..n], &chunks(b)[..n]);
            let head = head.min(n);
            let mut lanes = $lanes::new();
            for c in 0..head {
                lanes.add(&a8[c], &b8[c]);
            }
            if lanes.sum() + rest < below - BOUND_MARGIN {
                return None;
            }
            for c in head..n {
                lanes.add(&a8[c], &b8[c]);
            }
            Some(lanes.sum() + tail(a, b))
        }
    };
}

credits_with_lanes! {
    /// [`Semantic::credits`] with the lanes this build always has
    /// ([`Lanes`]).
    fn narrow_credits;
    /// [`Semantic::narrow_credits`] for vectors of `N` whole chunks of
    /// eight floats (and what follows them).
    fn narrow_credits_of;
    /// [`dot`] unless the first `head` chunks of eight already show it at or
    /// below `below`: their sum plus `rest`, a bound of what the other floats
    /// can add, is under `below` by more than rounding can move it. The lanes
    /// go on from where they stopped, so a dot it returns is [`dot`]'s bit
    /// for bit.
    fn dot_unless_below;
    /// [`dot_unless_below`] of the chunks of vectors of `N` whole chunks,
    /// before their tails: the sum of the lanes, which [`dot`] adds the
    /// tail to.
    fn chunks_dot_unless_below;
    lanes Lanes;
}

credits_with_lanes! {
    /// [`Semantic::narrow_credits`] with the eight lanes in one AVX
    /// register ([`WideLanes`]), in fewer instructions.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx")]
    fn wide_credits;
    /// [`Semantic::narrow_credits_of`] with [`WideLanes`].
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx")]
    fn wide_credits_of;
    /// [`dot_unless_below`] with [`WideLanes`]: the same figure bit for bit.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx")]
    fn wide_dot_unless_below;
    /// [`chunks_dot_unless_below`] with [`WideLanes`].
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx")]
    fn wide_chunks_dot_unless_below;
    lanes WideLanes;
}

/// How far under a cosine floor a bound must be to rule a term out: far
/// above the rounding of sums of fifty-odd products of unit vectors (about
/// 1e-6), so that no credit the full dot product gives is lost.
const BOUND_MARGIN: f32 = 1e-3;

/// The whole chunks of eight floats of a vector.
fn chunks(x: &[f32]) -> &[[f32; 8]] {
    x.as_chunks::<8>().0
}

/// The dot product of what follows the whole chunks of eight, in order.
fn tail(a: &[f32], b: &[f32]) -> f32 {
    a.as_chunks::<8>()
        .1
        .iter()
        .zip(b.as_chunks::<8>().1)
        .map(|(x, y)| x * y)
        .sum()
}

/// The Euclidean norm of the floats of `x` after its first `head` chunks
/// of eight.
fn rest_norm(x: &[f32], head: usize) -> f32 {
    x.get(head * 8..)
        .unwrap_or(&[])
        .iter()
        .map(|v| v * v)
        .sum::<f32>()
        .sqrt()
}

/// The eight running sums of [`dot`] (lane `j` sums the products at
/// `8c + j` in order), in plain Rust, which the compiler vectorises two
/// lanes a register only.
#[derive(Clone, Copy)]
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse"), allow(dead_code))]
struct PlainLanes([f32; 8]);

#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse"), allow(dead_code))]
impl PlainLanes {
    /// All lanes at 0.
    fn new() -> PlainLanes {
        PlainLanes([0.0; 8])
    }

    /// Adds one chunk's products, lane by lane.
    fn add(&mut self, x: &[f32; 8], y: &[f32; 8]) {
        for ((lane, x), y) in self.0.iter_mut().zip(x).zip(y) {
            *lane += x * y;
        }
    }

    /// Lane `j` plus lane `j + 4`.
    fn pairs(&self) -> [f32; 4] {
        let l = &self.0;
        [l[0] + l[4], l[1] + l[5], l[2] + l[6], l[3] + l[7]]
    }

    /// The lanes' total, their pairs added as [`dot`] adds them.
    fn sum(&self) -> f32 {
        let pairs = self.pairs();
        (pairs[0] + pairs[2]) + (pairs[1] + pairs[3])
    }
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse")))]
use PlainLanes as Lanes;

/// [`PlainLanes`] four lanes a register with SSE (part of every x86-64):
/// each lane multiplies and adds exactly as the plain form does (no fused
/// multiply-add), so the sums are the same bit for bit, in half the
/// instructions.
#[cfg(all(target_arch = "x86_64", target_feature = "sse"))]
#[derive(Clone, Copy)]
struct Lanes {
    /// Lanes 0 to 3.
    low: std::arch::x86_64::__m128,
    /// Lanes 4 to 7.
    high: std::arch::x86_64::__m128,
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse"))]
impl Lanes {
    /// All lanes at 0.
    fn new() -> Lanes {
        use std::arch::x86_64::_mm_setzero_ps;
        // SAFETY: SSE intrinsics need SSE, which this build enables (the
        // `cfg` above), as every x86-64 target does.
        unsafe {
            Lanes {
                low: _mm_setzero_ps(),
                high: _mm_setzero_ps(),
            }
        }
    }

    /// Adds one chunk's products, lane by lane.
    fn add(&mut self, x: &[f32; 8], y: &[f32; 8]) {
        use std::arch::x86_64::{_mm_add_ps, _mm_loadu_ps, _mm_mul_ps};
        let (x, y) = (x.as_ptr(), y.as_ptr());
        // SAFETY: as in `new`, this build enables SSE; `x` and `y` point to
        // eight floats each, so each reads four at 0 and four at 4 (the
        // loads need no alignment).
        unsafe {
            let (xl, xh) = (_mm_loadu_ps(x), _mm_loadu_ps(x.add(4)));
            let (yl, yh) = (_mm_loadu_ps(y), _mm_loadu_ps(y.add(4)));
            self.low = _mm_add_ps(self.low, _mm_mul_ps(xl, yl));
            self.high = _mm_add_ps(self.high, _mm_mul_ps(xh, yh));
        }
    }

    /// Lane `j` plus lane `j + 4`.
    fn pairs(&self) -> [f32; 4] {
        use std::arch::x86_64::{_mm_add_ps, _mm_cvtss_f32, _mm_shuffle_ps};
        // SAFETY: as in `new`, this build enables SSE.
        unsafe {
            let pairs = _mm_add_ps(self.low, self.high);
            [
                _mm_cvtss_f32(pairs),
                _mm_cvtss_f32(_mm_shuffle_ps::<0b01_01_01_01>(pairs, pairs)),
                _mm_cvtss_f32(_mm_shuffle_ps::<0b10_10_10_10>(pairs, pairs)),
                _mm_cvtss_f32(_mm_shuffle_ps::<0b11_11_11_11>(pairs, pairs)),
            ]
        }
    }

    /// The lanes' total, their pairs added as [`dot`] adds them.
    fn sum(&self) -> f32 {
        let pairs = self.pairs();
        (pairs[0] + pairs[2]) + (pairs[1] + pairs[3])
    }
}

/// [`PlainLanes`] in one AVX register (eight lanes), for processors that
/// have AVX: each lane multiplies and adds exactly as the plain form does
/// (no fused multiply-add), and the lanes are paired and summed as
/// [`PlainLanes::sum`] does, so the sums are the same bit for bit.
#[cfg(target_arch = "x86_64")]
#[derive(Clone, Copy)]
struct WideLanes(std::arch::x86_64::__m256);

#[cfg(target_arch = "x86_64")]
impl WideLanes {
    /// All lanes at 0.
    #[target_feature(enable = "avx")]
    fn new() -> WideLanes {
        WideLanes(std::arch::x86_64::_mm256_setzero_ps())
    }

    /// Adds one chunk's products, lane by lane.
    #[target_feature(enable = "avx")]
    fn add(&mut self, x: &[f32; 8], y: &[f32; 8]) {
        use std::arch::x86_64::{_mm256_add_ps, _mm256_loadu_ps, _mm256_mul_ps};
        // SAFETY: `x` and `y` point to eight floats each (the loads need
        // no alignment); this function runs only with AVX.
        let (x, y) = unsafe { (_mm256_loadu_ps(x.as_ptr()), _mm256_loadu_ps(y.as_ptr())) };
        self.0 = _mm256_add_ps(self.0, _mm256_mul_ps(x, y));
    }

    /// Lane `j` plus lane `j + 4`.
    #[target_feature(enable = "avx")]
    fn pairs(&self) -> [f32; 4] {
        use std::arch::x86_64::{_mm_add_ps, _mm256_castps256_ps128, _mm256_extractf128_ps};
        let pairs = _mm_add_ps(
            _mm256_castps256_ps128(self.0),
            _mm256_extractf128_ps::<1>(self.0),
        );
        let mut out = [0.0f32; 4];
        // SAFETY: `out` holds four floats (the store needs no alignment).
        unsafe { std::arch::x86_64::_mm_storeu_ps(out.as_mut_ptr(), pairs) };
        out
    }

    /// The lanes' total, their pairs added as [`dot`] adds them.
    #[target_feature(enable = "avx")]
    fn sum(&self) -> f32 {
        let pairs = self.pairs();
        (pairs[0] + pairs[2]) + (pairs[1] + pairs[3])
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "x86_64")]
    use super::wide_dot_unless_below;
    use super::{Lanes, PlainLanes, chunks, dot, dot_unless_below, rest_norm};

    /// A reproducible stream of numbers spread evenly over [-0.5, 0.5)
    /// (xorshift32 from `seed`), for vectors of every sign and scale.
    fn numbers(mut seed: u32) -> impl FnMut() -> f32 {
        move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as f32 / u32::MAX as f32 - 0.5
        }
    }

    /// The pairs of lanes of a dot product, by the lanes this build uses
    /// and by the plain ones.
    fn lane_pairs(a: &[f32], b: &[f32]) -> ([f32; 4], [f32; 4]) {
        let (mut fast, mut plain) = (Lanes::new(), PlainLanes::new());
        for (x, y) in chunks(a).iter().zip(chunks(b)) {
            fast.add(x, y);
            plain.add(x, y);
        }
        (fast.pairs(), plain.pairs())
    }

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
        let mut number = numbers(0x2545_f491);
        let mut next = || number() * 3.0;
        for round in 0..2000 {
            let dims = [50, 8, 16, 300, 7][round % 5];
            let a: Vec<f32> = (0..dims).map(|_| next()).collect();
            let b: Vec<f32> = (0..dims).map(|_| next()).collect();
            let (fast, plain) = lane_pairs(&a, &b);
            assert_eq!(
                fast.map(f32::to_bits),
                plain.map(f32::to_bits),
                "{dims} dims"
            );
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn the_avx_lanes_give_the_same_figures_bit_for_bit() {
        // Checked where the processor has AVX (as the CI machines do);
        // elsewhere `credits` never takes the AVX path.
        if !std::arch::is_x86_feature_detected!("avx") {
            return;
        }
        let mut number = numbers(0x51ed_270b);
        let mut next = || number() * 3.0;
        let (mut dropped, mut kept) = (0, 0);
        for round in 0..4000 {
            let dims: usize = [50, 8, 16, 300, 7][round % 5];
            let a: Vec<f32> = (0..dims).map(|_| next()).collect();
            let b: Vec<f32> = (0..dims).map(|_| next()).collect();
            let head = (dims / 8).saturating_sub(1);
            let rest = rest_norm(&a, head) * rest_norm(&b, head);
            for floor in [-1.0, 0.0, 0.6, 2.0] {
                // SAFETY: the processor has AVX, checked above.
                let wide = unsafe { wide_dot_unless_below(&a, &b, head, rest, floor) };
                let narrow = dot_unless_below(&a, &b, head, rest, floor);
                assert_eq!(
                    wide.map(f32::to_bits),
                    narrow.map(f32::to_bits),
                    "{dims} dims"
                );
                match wide {
                    Some(_) => kept += 1,
                    None => dropped += 1,
                }
            }
        }
        assert!(
            dropped > 1000 && kept > 1000,
            "{dropped} dropped, {kept} kept"
        );
    }

    /// The bounded dot products of `rounds` pairs of vectors of `N` whole
    /// chunks and `extra` floats more, by the loop over a known number of
    /// chunks (plus the tail) and by the one over any: bit for bit the
    /// same, and so often dropped and often kept.
    fn fixed_chunks_agree<const N: usize>(extra: usize, seed: u32) -> (usize, usize) {
        use super::{chunks_dot_unless_below, tail};
        let mut number = numbers(seed);
        let mut next = || number() * 3.0;
        let dims = N * 8 + extra;
        let (mut dropped, mut kept) = (0, 0);
        for _ in 0..200 {
            let a: Vec<f32> = (0..dims).map(|_| next()).collect();
            let b: Vec<f32> = (0..dims).map(|_| next()).collect();
            let (Some(a8), Some(b8)) =
                (chunks(&a).first_chunk::<N>(), chunks(&b).first_chunk::<N>())
            else {
                panic!("{dims} floats hold {N} chunks");
            };
            let rest = rest_norm(&a, N - 1) * rest_norm(&b, N - 1);
            for floor in [-1.0, 0.0, 0.6, 2.0] {
                let any = dot_unless_below(&a, &b, N - 1, rest, floor);
                let fixed = chunks_dot_unless_below(a8, b8, rest, floor).map(|d| d + tail(&a, &b));
                assert_eq!(
                    fixed.map(f32::to_bits),
                    any.map(f32::to_bits),
                    "{dims} dims"
                );
                #[cfg(target_arch = "x86_64")]
                if std::arch::is_x86_feature_detected!("avx") {
                    // SAFETY: the processor has AVX, checked just above.
                    let wide = unsafe { super::wide_chunks_dot_unless_below(a8, b8, rest, floor) };
                    let wide = wide.map(|d| d + tail(&a, &b));
                    assert_eq!(wide.map(f32::to_bits), any.map(f32::to_bits), "{dims} dims");
                }
                match any {
                    Some(_) => kept += 1,
                    None => dropped += 1,
                }
            }
        }
        (dropped, kept)
    }

    #[test]
    fn a_known_number_of_chunks_gives_the_same_figures_bit_for_bit() {
        let (mut dropped, mut kept) = (0, 0);
        for extra in 0..8 {
            let seed = 0x1234_5679 + extra as u32;
            for (d, k) in [
                fixed_chunks_agree::<4>(extra, seed),
                fixed_chunks_agree::<5>(extra, seed),
                fixed_chunks_agree::<6>(extra, seed),
                fixed_chunks_agree::<7>(extra, seed),
                fixed_chunks_agree::<8>(extra, seed),
            ] {
                dropped += d;
                kept += k;
            }
        }
        assert!(
            dropped > 1000 && kept > 1000,
            "{dropped} dropped, {kept} kept"
        );
    }

    #[test]
    fn a_term_ruled_out_early_is_never_above_the_floor() {
        // `credits` drops a term when the first chunks bound its cosine
        // under the floor: it must never drop one the full dot product
        // puts above, and what it keeps must be the dot product exactly.
        let mut next = numbers(0x9e37_79b9);
        let unit = |v: Vec<f32>| {
            let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            v.into_iter().map(|x| x / norm).collect::<Vec<f32>>()
        };
        let (mut dropped, mut kept) = (0, 0);
        for round in 0..4000 {
            let dims: usize = [50, 16, 9, 300][round % 4];
            let a = unit((0..dims).map(|_| next()).collect());
            // Half the pairs close to each other, so both sides of the floor occur.
            let b = unit(
                a.iter()
                    .map(|x| x * (round % 2) as f32 * 4.0 + next())
                    .collect(),
            );
            let head = (dims / 8).saturating_sub(1);
            let rest = rest_norm(&a, head) * rest_norm(&b, head);
            for floor in [0.0, 0.3, 0.6, 0.9] {
                match dot_unless_below(&a, &b, head, rest, floor) {
                    None => {
                        dropped += 1;
                        assert!(dot(&a, &b) < floor, "{dims} dims, floor {floor}");
                    }
                    Some(d) => {
                        kept += 1;
                        assert_eq!(d.to_bits(), dot(&a, &b).to_bits(), "{dims} dims");
                    }
                }
            }
        }
        assert!(
            dropped > 1000 && kept > 1000,
            "{dropped} dropped, {kept} kept"
        );
    }
}
