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
        Semantic {
            vectors,
            dims,
            term_vectors,
            floor: t.vector_floor,
            ceiling: t.vector_ceiling,
            max_credit: t.vector_credit,
        }
    }

    /// The unit vector of a question word, if the vectors know it.
    pub fn word_vector(&self, word: &str) -> Option<Vec<f32>> {
        self.vectors.unit(word)
    }

    /// Credit in 0..=`vector_credit` for matching a question word (given by
    /// its unit vector) with a term: 0 below `vector_floor`, rising linearly
    /// to full credit at `vector_ceiling`.
    pub fn credit(&self, word: &[f32], term: TermId) -> f32 {
        let slot = &self.term_vectors[term as usize * self.dims..(term as usize + 1) * self.dims];
        let cosine: f32 = word.iter().zip(slot).map(|(a, b)| a * b).sum();
        ((cosine - self.floor) / (self.ceiling - self.floor).max(f32::EPSILON)).clamp(0.0, 1.0)
            * self.max_credit
    }
}
