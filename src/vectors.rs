//! Compact, offline word vectors: a small semantic-similarity signal.
//!
//! [`Vectors`] holds int8-quantised word embeddings, normally the
//! 50,000 most frequent English words of GloVe 6B 50d (Stanford,
//! PDDL 1.0; see `assets/GLOVE-NOTICE.md`) as built by
//! `scripts/build-vectors` into [`DEFAULT_VECTORS_FILE`] (about 3 MB).
//! It loads in a few milliseconds, answers cosine similarity between two
//! words with one 50-component integer dot product, and is immutable (and
//! so `Send + Sync`) once loaded.
//!
//! Words are looked up exactly as stored: lowercase, as GloVe's uncased
//! vocabulary is. Callers normalise their text first.
//!
//! ```
//! use citebot::vectors::Vectors;
//!
//! let v = Vectors::from_f32(
//!     vec!["aid".into(), "help".into(), "banana".into()],
//!     &[vec![1.0, 0.2], vec![0.9, 0.3], vec![-0.2, 1.0]],
//! );
//! assert_eq!(v.id("help"), Some(1));
//! assert!(v.similarity("aid", "help").unwrap() > 0.9);
//! assert_eq!(v.nearest("aid", 1)[0].0, "help");
//! ```
//!
//! # File layout
//!
//! All integers are little-endian; there is no padding.
//!
//! | field   | size                | meaning                                            |
//! |---------|---------------------|----------------------------------------------------|
//! | magic   | 8 bytes             | `b"CBVEC1\0\0"`                                    |
//! | count   | u32                 | number of words                                    |
//! | dims    | u32                 | components per vector (0 only if `count` is 0)     |
//! | words   | `count` ×           | u8 byte length (≥ 1), then that many UTF-8 bytes   |
//! | scales  | `count` × f32       | per-word dequantisation scale, finite and ≥ 0      |
//! | vectors | `count` × `dims` × i8 | row-major; component `j` of word `i` is `vectors[i*dims+j] * scales[i]` |
//!
//! Words are distinct and stored in frequency order, so a word's index
//! (its [`Vectors::id`]) is its frequency rank, 0 being the most frequent.
//! Nothing may follow the vectors. Quantisation uses
//! `scale = max|x| / 127` and `q = round_half_even(x / scale)`.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// Path of the shipped vector file, relative to the crate root.
pub const DEFAULT_VECTORS_FILE: &str = "assets/glove-6b-50d-50k.i8";

/// The magic bytes that open a vector file.
const MAGIC: &[u8; 8] = b"CBVEC1\0\0";
/// Bytes of magic, count and dims.
const HEADER_LEN: usize = 16;
/// Marks an unused slot of the lookup table.
const EMPTY: u32 = u32::MAX;

/// The shipped word vectors, built into the binary so that a copied or
/// installed `citebot` runs anywhere without the `assets/` directory.
static EMBEDDED: &[u8] = include_bytes!("../assets/glove-6b-50d-50k.i8");

/// The vectors built into the binary, read once per process and shared: the
/// engine's default vectors (a `/reload` reuses them) and the English
/// frequency ranks of [`crate::lexicon::english_rank`] (a word's id is its
/// rank), so the 50,000 words are tabled once, not twice.
///
/// # Errors
///
/// [`VectorsError::Corrupt`] if the built-in file is not a valid vector file.
pub fn embedded() -> Result<Arc<Vectors>, VectorsError> {
    match embedded_once() {
        Some(vectors) => Ok(Arc::clone(vectors)),
        None => Vectors::from_bytes(EMBEDDED, Path::new(DEFAULT_VECTORS_FILE)).map(Arc::new),
    }
}

/// The built-in vectors once [`embedded_once`] has read them.
static EMBEDDED_READ: OnceLock<Option<Arc<Vectors>>> = OnceLock::new();

/// The built-in vectors if something has read them already, without
/// reading them: for a table that is worth having only when they are in
/// memory anyway ([`crate::text::stem`]'s table of their words' stems).
pub(crate) fn embedded_if_read() -> Option<&'static Arc<Vectors>> {
    EMBEDDED_READ.get()?.as_ref()
}

/// The built-in vectors, read on first use; `None` if they are corrupt
/// ([`embedded`] then says why).
pub(crate) fn embedded_once() -> Option<&'static Arc<Vectors>> {
    EMBEDDED_READ
        .get_or_init(|| {
            Vectors::from_bytes(EMBEDDED, Path::new(DEFAULT_VECTORS_FILE))
                .ok()
                .map(Arc::new)
        })
        .as_ref()
}

/// Why a vector file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum VectorsError {
    /// The file could not be read.
    #[error("cannot read word-vector file {}: {source}", path.display())]
    Io {
        /// The file that could not be read.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The file was read but is not a valid vector file.
    #[error("corrupt word-vector file {}: {reason}", path.display())]
    Corrupt {
        /// The file at fault.
        path: PathBuf,
        /// What is wrong with it, with the byte offset where that helps.
        reason: String,
    },
}

/// A set of int8-quantised word vectors with exact-match word lookup.
///
/// Immutable after construction, and `Send + Sync`, so one instance can be
/// shared (e.g. in an `Arc`) by every thread.
#[derive(Clone)]
pub struct Vectors {
    dims: usize,
    /// All words concatenated; word `i` is `words[word_ends[i]..word_ends[i + 1]]`.
    words: String,
    /// `len() + 1` byte offsets into `words`, starting at 0.
    word_ends: Vec<u32>,
    /// Dequantisation scale of each word.
    scales: Vec<f32>,
    /// `1 / |q|` for each word's integer vector `q` (0 for an all-zero vector).
    inv_norms: Vec<f32>,
    /// Holds the `len() * dims` quantised components (i8 stored as u8),
    /// row-major, from byte `quant_at` on. [`Vectors::load`] keeps the whole
    /// file here rather than copying its vectors out.
    data: Vec<u8>,
    /// Offset of the vectors in `data`.
    quant_at: usize,
    /// Open-addressing hash table of word ids (linear probing); `EMPTY` marks
    /// a free slot. Its length is a power of two, at least twice `len()`.
    table: Vec<u32>,
}

impl fmt::Debug for Vectors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Vectors")
            .field("len", &self.len())
            .field("dims", &self.dims)
            .finish_non_exhaustive()
    }
}

fn corrupt(path: &Path, reason: String) -> VectorsError {
    VectorsError::Corrupt {
        path: path.to_path_buf(),
        reason,
    }
}

/// FNV-1a, 64-bit: quick for short words, and the keys are our own file.
fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Dot product of two quantised rows (i8 components stored as u8), over
/// the shorter row's length. Sixteen products at a time as i16 (an i8
/// times an i8 fits), added into sixteen i32 lanes, then the lanes and the
/// tail together: an integer sum does not depend on its order, so this is
/// exactly the plain sum, and the fixed width lets the compiler use vector
/// instructions (the load computes 50,000 norms with it: the norms' loop
/// takes 131 instructions a row of 50 in the release build, 145 before).
fn dot(a: &[u8], b: &[u8]) -> i32 {
    let n = a.len().min(b.len());
    let (a16, a_tail) = a[..n].as_chunks::<16>();
    let (b16, b_tail) = b[..n].as_chunks::<16>();
    let mut lanes = [0i32; 16];
    for (x, y) in a16.iter().zip(b16) {
        let mut products = [0i16; 16];
        for ((p, &x), &y) in products.iter_mut().zip(x).zip(y) {
            *p = i16::from(x.cast_signed()) * i16::from(y.cast_signed());
        }
        for (lane, &p) in lanes.iter_mut().zip(&products) {
            *lane += i32::from(p);
        }
    }
    let tail: i32 = a_tail
        .iter()
        .zip(b_tail)
        .map(|(&x, &y)| i32::from(x.cast_signed()) * i32::from(y.cast_signed()))
        .sum();
    lanes.iter().sum::<i32>() + tail
}

/// The validated header, words and scales of a vector file.
struct Parts {
    dims: usize,
    words: String,
    word_ends: Vec<u32>,
    scales: Vec<f32>,
}

/// A little-endian reader over a byte slice that reports truncation.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// The next `n` bytes, or `None` (consuming nothing) if fewer remain.
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Some(s)
    }

    /// Like [`Reader::take`], with a truncation message naming `what`
    /// (only built on failure: this runs once per word).
    fn need(&mut self, n: usize, what: impl FnOnce() -> String) -> Result<&'a [u8], String> {
        let pos = self.pos;
        self.take(n).ok_or_else(|| {
            format!(
                "truncated at byte {}: {} needs {n} bytes from byte {pos}",
                self.bytes.len(),
                what()
            )
        })
    }

    fn u32(&mut self, what: &str) -> Result<u32, String> {
        let b = self.need(4, || what.to_string())?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }
}

impl Vectors {
    /// Reads and validates a vector file (see the [module docs](self) for
    /// the layout). The shipped 3 MB file loads in a few milliseconds and
    /// keeps about 4 MB of memory once loaded.
    ///
    /// # Errors
    ///
    /// [`VectorsError::Io`] if the file cannot be read,
    /// [`VectorsError::Corrupt`] if its contents are not a valid vector file.
    pub fn load(path: &Path) -> Result<Vectors, VectorsError> {
        let bytes = std::fs::read(path).map_err(|source| VectorsError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let (parts, quant_at) = Vectors::parse(&bytes).map_err(|r| corrupt(path, r))?;
        // Keep the file buffer: it already holds the vectors.
        Vectors::assemble(parts, bytes, quant_at).map_err(|r| corrupt(path, r))
    }

    /// Parses and validates the bytes of a vector file; `path_for_errors`
    /// only names the source in errors.
    ///
    /// # Errors
    ///
    /// [`VectorsError::Corrupt`] naming `path_for_errors` and what is wrong:
    /// an empty input, bad magic, truncation (with the byte offset), `dims`
    /// 0, an empty, non-UTF-8 or duplicate word, a negative or non-finite
    /// scale, or trailing bytes.
    pub fn from_bytes(bytes: &[u8], path_for_errors: &Path) -> Result<Vectors, VectorsError> {
        let (parts, quant_at) = Vectors::parse(bytes).map_err(|r| corrupt(path_for_errors, r))?;
        Vectors::assemble(parts, bytes[quant_at..].to_vec(), 0)
            .map_err(|r| corrupt(path_for_errors, r))
    }

    /// Validates everything but word uniqueness; returns the parts and the
    /// offset of the vectors.
    fn parse(bytes: &[u8]) -> Result<(Parts, usize), String> {
        if bytes.is_empty() {
            return Err("file is empty".to_string());
        }
        let mut r = Reader { bytes, pos: 0 };
        let magic = r.need(MAGIC.len(), || "the magic bytes".to_string())?;
        if magic != MAGIC {
            return Err(format!(
                "bad magic: expected {:?}, found {:?}",
                String::from_utf8_lossy(MAGIC),
                String::from_utf8_lossy(magic)
            ));
        }
        let count = r.u32("the word count")? as usize;
        let dims = r.u32("the dimension count")? as usize;
        if dims == 0 && count > 0 {
            return Err(format!("dims is 0 but count is {count}"));
        }
        // Each word takes at least 2 + 4 + dims bytes: check before allocating.
        let min_per_word = dims.saturating_add(6);
        if count.saturating_mul(min_per_word) > r.remaining() {
            return Err(format!(
                "truncated at byte {}: {count} words of {dims} dims need at least {} bytes after the {HEADER_LEN}-byte header",
                bytes.len(),
                count.saturating_mul(min_per_word)
            ));
        }

        // Gather the words' bytes, then check UTF-8 once for all of them.
        // What follows the header, less the length bytes, scales and
        // vectors, is exactly the words' bytes of a valid file.
        let mut blob = Vec::with_capacity(r.remaining() - count * (dims + 5));
        let mut word_ends = Vec::with_capacity(count + 1);
        word_ends.push(0u32);
        for i in 0..count {
            let at = r.pos;
            let len = usize::from(r.need(1, || format!("the length of word {i}"))?[0]);
            if len == 0 {
                return Err(format!("word {i} at byte {at} is empty"));
            }
            blob.extend_from_slice(r.need(len, || format!("word {i}"))?);
            // The blob is smaller than the input, whose size the check
            // above bounds; still, refuse rather than wrap.
            let end = u32::try_from(blob.len())
                .map_err(|_| format!("word {i} at byte {at}: words exceed 4 GiB"))?;
            word_ends.push(end);
        }
        let not_utf8 = |blob_pos: usize| {
            // The word holding the bad byte: the first whose end is past it.
            let i = word_ends[1..].partition_point(|&e| e as usize <= blob_pos);
            let at = HEADER_LEN + i + word_ends[i] as usize;
            format!("word {i} at byte {at} is not valid UTF-8")
        };
        let words = String::from_utf8(blob).map_err(|e| not_utf8(e.utf8_error().valid_up_to()))?;
        // Valid as a whole; each word is valid if it starts on a char boundary.
        if let Some(&start) = word_ends[..count]
            .iter()
            .find(|&&e| !words.is_char_boundary(e as usize))
        {
            // `start` > 0, as offset 0 is a boundary: blame the word before.
            return Err(not_utf8(start as usize - 1));
        }

        let scales_at = r.pos;
        let scale_bytes = r.need(count * 4, || "the scales".to_string())?;
        let mut scales = Vec::with_capacity(count);
        for (i, b) in scale_bytes.chunks_exact(4).enumerate() {
            let s = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            if !(s.is_finite() && s >= 0.0) {
                return Err(format!(
                    "scale of word {i} at byte {} is {s}, not a finite number >= 0",
                    scales_at + 4 * i
                ));
            }
            scales.push(s);
        }

        let quant_at = r.pos;
        // count * dims fits: count * (dims + 6) <= remaining was checked.
        r.need(count * dims, || "the vectors".to_string())?;
        if r.remaining() > 0 {
            return Err(format!(
                "{} trailing bytes after the vectors, from byte {}",
                r.remaining(),
                r.pos
            ));
        }
        let parts = Parts {
            dims,
            words,
            word_ends,
            scales,
        };
        Ok((parts, quant_at))
    }

    /// Builds a `Vectors` from validated parts and the buffer holding the
    /// vectors from `quant_at` on: computes the norms and the lookup table.
    /// Fails, naming the word, if a word repeats.
    fn assemble(parts: Parts, data: Vec<u8>, quant_at: usize) -> Result<Vectors, String> {
        let Parts {
            dims,
            words,
            word_ends,
            scales,
        } = parts;
        let count = scales.len();
        let quant = &data[quant_at..quant_at + count * dims];
        let inv_norms = if dims == 0 {
            vec![0.0; count]
        } else {
            quant
                .chunks_exact(dims)
                .map(|q| {
                    let n2 = dot(q, q);
                    if n2 == 0 {
                        0.0
                    } else {
                        1.0 / (n2 as f32).sqrt()
                    }
                })
                .collect()
        };
        let mut v = Vectors {
            dims,
            words,
            word_ends,
            scales,
            inv_norms,
            data,
            quant_at,
            table: vec![EMPTY; (count * 2).next_power_of_two().max(2)],
        };
        let mask = v.table.len() - 1;
        // Each word's bytes straight from the ends, in order: the words are
        // valid UTF-8 and each starts on a boundary (checked by `parse`).
        for (id, ends) in (0u32..).zip(v.word_ends.windows(2)) {
            let w = &v.words.as_bytes()[ends[0] as usize..ends[1] as usize];
            let mut slot = hash(w) as usize & mask;
            loop {
                let other = v.table[slot];
                if other == EMPTY {
                    v.table[slot] = id;
                    break;
                }
                if v.word_bytes(other as usize) == w {
                    let w = v.word_at(id as usize);
                    return Err(format!("duplicate word {w:?} (ids {other} and {id})"));
                }
                slot = (slot + 1) & mask;
            }
        }
        Ok(v)
    }

    /// Serialises to the file layout described in the [module docs](self);
    /// [`Vectors::from_bytes`] reads the result back unchanged.
    pub fn to_bytes(&self) -> Vec<u8> {
        let count = self.len();
        let mut out = Vec::with_capacity(
            HEADER_LEN + count + self.words.len() + 4 * count + count * self.dims,
        );
        out.extend_from_slice(MAGIC);
        // `len()` and `dims` came from u32 fields or were checked by `from_f32`.
        out.extend_from_slice(&(count as u32).to_le_bytes());
        out.extend_from_slice(&(self.dims as u32).to_le_bytes());
        for i in 0..count {
            let w = self.word_at(i);
            out.push(w.len() as u8);
            out.extend_from_slice(w.as_bytes());
        }
        for s in &self.scales {
            out.extend_from_slice(&s.to_le_bytes());
        }
        out.extend_from_slice(&self.data[self.quant_at..self.quant_at + count * self.dims]);
        out
    }

    /// Quantises float vectors, one per word, with the same rule as
    /// `scripts/build-vectors` (per-word scale `max|x| / 127`, round half to
    /// even). Non-finite components are treated as 0. Meant for tests,
    /// benches and synthetic data; `words[i]` gets id `i`.
    ///
    /// # Panics
    ///
    /// If `words` and `vectors` differ in length, the vectors differ in
    /// length or have none when there are words, a word is empty or longer
    /// than 255 bytes, a word repeats, or there are `u32::MAX` or more words.
    pub fn from_f32(words: Vec<String>, vectors: &[Vec<f32>]) -> Vectors {
        assert_eq!(
            words.len(),
            vectors.len(),
            "Vectors::from_f32: {} words but {} vectors",
            words.len(),
            vectors.len()
        );
        assert!(
            u32::try_from(words.len()).is_ok_and(|n| n < u32::MAX),
            "Vectors::from_f32: too many words"
        );
        let dims = vectors.first().map_or(0, Vec::len);
        assert!(
            words.is_empty() || dims > 0,
            "Vectors::from_f32: vectors have no components"
        );
        assert!(
            u32::try_from(dims).is_ok(),
            "Vectors::from_f32: too many dims"
        );

        let mut blob = String::new();
        let mut word_ends = vec![0u32];
        let mut scales = Vec::with_capacity(words.len());
        let mut quant = Vec::with_capacity(words.len() * dims);
        for (word, v) in words.iter().zip(vectors) {
            assert!(
                (1..=255).contains(&word.len()),
                "Vectors::from_f32: word {word:?} must be 1 to 255 bytes long"
            );
            assert_eq!(
                v.len(),
                dims,
                "Vectors::from_f32: the vector of {word:?} has {} components, not {dims}",
                v.len()
            );
            blob.push_str(word);
            word_ends
                .push(u32::try_from(blob.len()).expect("Vectors::from_f32: words exceed 4 GiB"));
            let clean = |x: f32| if x.is_finite() { x } else { 0.0 };
            let max = v.iter().fold(0.0f32, |m, &x| m.max(clean(x).abs()));
            let scale = max / 127.0;
            scales.push(scale);
            quant.extend(v.iter().map(|&x| {
                if scale > 0.0 {
                    let q = (clean(x) / scale).round_ties_even().clamp(-127.0, 127.0);
                    (q as i8).cast_unsigned()
                } else {
                    0
                }
            }));
        }
        let parts = Parts {
            dims,
            words: blob,
            word_ends,
            scales,
        };
        match Vectors::assemble(parts, quant, 0) {
            Ok(v) => v,
            Err(reason) => panic!("Vectors::from_f32: {reason}"),
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.scales.len()
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.scales.is_empty()
    }

    /// Components per vector (50 for the shipped file).
    pub fn dims(&self) -> usize {
        self.dims
    }

    fn word_at(&self, i: usize) -> &str {
        &self.words[self.word_ends[i] as usize..self.word_ends[i + 1] as usize]
    }

    /// Word `i`'s bytes: what a lookup compares, without the character
    /// boundary checks of slicing the `str`.
    fn word_bytes(&self, i: usize) -> &[u8] {
        &self.words.as_bytes()[self.word_ends[i] as usize..self.word_ends[i + 1] as usize]
    }

    fn row(&self, id: usize) -> &[u8] {
        let start = self.quant_at + id * self.dims;
        &self.data[start..start + self.dims]
    }

    /// The id of `word` (exact, case-sensitive match): its frequency rank,
    /// 0 being the most frequent word. `None` if the word is unknown.
    pub fn id(&self, word: &str) -> Option<u32> {
        let mask = self.table.len() - 1;
        let mut slot = hash(word.as_bytes()) as usize & mask;
        loop {
            let id = self.table[slot];
            if id == EMPTY {
                return None;
            }
            if self.word_bytes(id as usize) == word.as_bytes() {
                return Some(id);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The word with id `id`, or `None` if `id >= len()`.
    pub fn word(&self, id: u32) -> Option<&str> {
        ((id as usize) < self.len()).then(|| self.word_at(id as usize))
    }

    /// The dequantised vector of `word` scaled to unit length (all zeros
    /// if the stored vector is zero). `None` if the word is unknown.
    pub fn unit(&self, word: &str) -> Option<Vec<f32>> {
        let id = self.id(word)? as usize;
        // The per-word scale cancels out in normalisation.
        let inv = self.inv_norms[id];
        Some(
            self.row(id)
                .iter()
                .map(|&q| f32::from(q.cast_signed()) * inv)
                .collect(),
        )
    }

    /// Cosine similarity in `[-1, 1]` of the vectors of `a` and `b`
    /// (0 if either is all zeros). `None` if either word is unknown.
    pub fn similarity(&self, a: &str, b: &str) -> Option<f32> {
        let a = self.id(a)? as usize;
        let b = self.id(b)? as usize;
        Some(self.cosine(a, b))
    }

    fn cosine(&self, a: usize, b: usize) -> f32 {
        let d = dot(self.row(a), self.row(b)) as f32;
        (d * self.inv_norms[a] * self.inv_norms[b]).clamp(-1.0, 1.0)
    }

    /// The `k` words most similar to `word` by cosine, best first, without
    /// `word` itself; ties go to the more frequent word. Empty if `word` is
    /// unknown. Scans every word (about a millisecond for 50,000), so keep
    /// it off hot paths.
    pub fn nearest(&self, word: &str, k: usize) -> Vec<(String, f32)> {
        let Some(target) = self.id(word) else {
            return Vec::new();
        };
        let target = target as usize;
        let mut scored: Vec<(f32, usize)> = (0..self.len())
            .filter(|&i| i != target)
            .map(|i| (self.cosine(target, i), i))
            .collect();
        let better = |x: &(f32, usize), y: &(f32, usize)| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1));
        let k = k.min(scored.len());
        if k == 0 {
            return Vec::new();
        }
        if k < scored.len() {
            scored.select_nth_unstable_by(k - 1, better);
            scored.truncate(k);
        }
        scored.sort_unstable_by(better);
        scored
            .into_iter()
            .map(|(s, i)| (self.word_at(i).to_string(), s))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn real_path() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_VECTORS_FILE)
    }

    fn real() -> &'static Vectors {
        static REAL: OnceLock<Vectors> = OnceLock::new();
        REAL.get_or_init(|| match Vectors::load(&real_path()) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        })
    }

    fn sim(a: &str, b: &str) -> f32 {
        match real().similarity(a, b) {
            Some(s) => s,
            None => panic!("{a} or {b} missing from the real vectors"),
        }
    }

    /// xorshift64*: deterministic test data without a `rand` dependency.
    struct Rng(u64);
    impl Rng {
        fn next_f32(&mut self) -> f32 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            let x = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d);
            // Uniform in [-1, 1).
            (x >> 40) as f32 / (1u64 << 23) as f32 - 1.0
        }
    }

    fn random_vectors(n: usize, dims: usize, seed: u64) -> (Vec<String>, Vec<Vec<f32>>) {
        let mut rng = Rng(seed);
        let words = (0..n).map(|i| format!("w{i}")).collect();
        let vecs = (0..n)
            .map(|i| {
                // Vary the magnitude across words so scales differ.
                let mag = 0.01 + (i % 7) as f32;
                (0..dims).map(|_| rng.next_f32() * mag).collect()
            })
            .collect();
        (words, vecs)
    }

    fn small() -> Vectors {
        Vectors::from_f32(
            vec!["alpha".into(), "beta".into(), "gamma".into()],
            &[
                vec![1.0, 0.0, 0.5],
                vec![0.9, 0.1, 0.4],
                vec![-1.0, 0.2, 0.0],
            ],
        )
    }

    fn corrupt_reason(bytes: &[u8]) -> String {
        let path = Path::new("/some/where/vecs.i8");
        match Vectors::from_bytes(bytes, path) {
            Err(e @ VectorsError::Corrupt { .. }) => {
                let msg = e.to_string();
                assert!(msg.contains("/some/where/vecs.i8"), "{msg}");
                msg
            }
            Err(e) => panic!("expected Corrupt, got {e}"),
            Ok(v) => panic!("expected Corrupt, got {v:?}"),
        }
    }

    #[test]
    fn the_lane_dot_product_is_exactly_the_plain_sum() {
        let plain = |a: &[u8], b: &[u8]| -> i32 {
            a.iter()
                .zip(b)
                .map(|(&x, &y)| i32::from(x.cast_signed()) * i32::from(y.cast_signed()))
                .sum()
        };
        // Every length around the sixteen-wide chunks, with the extremes
        // (-128 squared is the largest product) and mixed signs.
        for len in 0..=70 {
            let a: Vec<u8> = (0..len)
                .map(|i| [0x80, 0x7F, 0x01, 0xFF, 0x00][i % 5])
                .collect();
            let b: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(dot(&a, &a), plain(&a, &a), "len {len}");
            assert_eq!(dot(&a, &b), plain(&a, &b), "len {len}");
            assert_eq!(
                dot(&a, &b[..len / 2]),
                plain(&a, &b[..len / 2]),
                "len {len}"
            );
        }
        let lowest = [0x80u8; 50];
        assert_eq!(dot(&lowest, &lowest), 50 * 128 * 128);
    }

    #[test]
    fn is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Vectors>();
    }

    #[test]
    fn real_file_shape() {
        let v = real();
        assert!(v.len() >= 50_000, "{}", v.len());
        assert_eq!(v.dims(), 50);
        assert!(!v.is_empty());
        assert_eq!(v.id("the"), Some(0));
        assert_eq!(v.word(0), Some("the"));
        assert_eq!(v.word(v.len() as u32), None);
        assert_eq!(v.id("The"), None);
        assert_eq!(v.id("no-such-word-here"), None);
        assert!(v.id("helicopter").is_some());
        // Every stored word finds its own id.
        for id in 0..v.len() as u32 {
            let w = v.word(id).unwrap_or_default();
            assert_eq!(v.id(w), Some(id), "{w}");
        }
    }

    #[test]
    fn real_neighbours_make_sense() {
        let unrelated = sim("helicopter", "banana");
        assert!(unrelated < 0.3, "helicopter~banana {unrelated}");
        for (a, b, min) in [
            ("helicopter", "helicopters", 0.8),
            ("helicopter", "chopper", 0.6),
            ("sanctions", "penalties", 0.5),
            ("aid", "assistance", 0.75),
            ("troops", "soldiers", 0.8),
        ] {
            let s = sim(a, b);
            assert!(s > min && s > unrelated, "{a}~{b} {s}");
        }
        assert!(sim("sanctions", "penalties") > sim("sanctions", "banana"));
        let near: Vec<String> = real()
            .nearest("helicopter", 10)
            .into_iter()
            .map(|(w, _)| w)
            .collect();
        assert!(
            near.iter().any(|w| w == "helicopters" || w == "chopper"),
            "{near:?}"
        );
        let near = real().nearest("aid", 10);
        assert!(near.iter().any(|(w, _)| w == "assistance"), "{near:?}");
        assert!(near.windows(2).all(|p| p[0].1 >= p[1].1), "{near:?}");
        assert!(near.iter().all(|(w, _)| w != "aid"));
        assert!(real().nearest("no-such-word-here", 5).is_empty());
        assert!(real().nearest("aid", 0).is_empty());
    }

    #[test]
    fn unit_is_normalised_and_matches_similarity() {
        let v = real();
        let a = v.unit("money").unwrap_or_default();
        let b = v.unit("aid").unwrap_or_default();
        assert_eq!(a.len(), 50);
        let norm: f32 = a.iter().map(|x| x * x).sum();
        assert!((norm - 1.0).abs() < 1e-5, "{norm}");
        let d: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
        assert!((d - sim("money", "aid")).abs() < 1e-5);
        assert!((sim("aid", "aid") - 1.0).abs() < 1e-5);
        assert_eq!(v.unit("no-such-word-here"), None);
        assert_eq!(v.similarity("aid", "no-such-word-here"), None);
    }

    #[test]
    fn quantisation_error_is_small() {
        let (words, vecs) = random_vectors(500, 50, 0x5eed);
        let v = Vectors::from_f32(words.clone(), &vecs);
        for (i, (w, x)) in words.iter().zip(&vecs).enumerate() {
            let scale = v.scales[i];
            let max = x.iter().fold(0.0f32, |m, c| m.max(c.abs()));
            assert!((scale - max / 127.0).abs() <= f32::EPSILON * max);
            for (j, &c) in x.iter().enumerate() {
                let deq = f32::from(v.row(i)[j].cast_signed()) * scale;
                assert!(
                    (deq - c).abs() <= scale / 2.0 * (1.0 + 1e-5),
                    "{w}[{j}]: {deq} vs {c}, scale {scale}"
                );
            }
            let n: f32 = x.iter().map(|c| c * c).sum::<f32>().sqrt();
            let u = v.unit(w).unwrap_or_default();
            let cos: f32 = u.iter().zip(x).map(|(a, b)| a * b / n).sum();
            assert!(cos > 0.999, "{w}: cosine {cos}");
        }
    }

    #[test]
    fn from_f32_edge_cases() {
        let v = Vectors::from_f32(
            vec!["zero".into(), "odd".into()],
            &[vec![0.0, 0.0], vec![f32::NAN, 2.0]],
        );
        assert_eq!(v.unit("zero"), Some(vec![0.0, 0.0]));
        assert_eq!(v.similarity("zero", "odd"), Some(0.0));
        assert_eq!(v.unit("odd"), Some(vec![0.0, 1.0]));
        let empty = Vectors::from_f32(Vec::new(), &[]);
        assert!(empty.is_empty());
        assert_eq!(empty.id("x"), None);
        let back = Vectors::from_bytes(&empty.to_bytes(), Path::new("e"));
        assert!(back.is_ok_and(|b| b.is_empty()));
    }

    #[test]
    #[should_panic(expected = "duplicate word")]
    fn from_f32_rejects_duplicates() {
        Vectors::from_f32(vec!["a".into(), "a".into()], &[vec![1.0], vec![2.0]]);
    }

    #[test]
    fn real_file_round_trips() {
        let bytes = std::fs::read(real_path()).unwrap_or_default();
        assert_eq!(real().to_bytes(), bytes);
        let again = Vectors::from_bytes(&bytes, &real_path());
        assert!(again.is_ok_and(|v| v.to_bytes() == bytes));
    }

    #[test]
    fn synthetic_round_trips() {
        let (words, vecs) = random_vectors(300, 7, 42);
        let v = Vectors::from_f32(words.clone(), &vecs);
        let bytes = v.to_bytes();
        let back = match Vectors::from_bytes(&bytes, Path::new("synthetic")) {
            Ok(b) => b,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(back.len(), 300);
        assert_eq!(back.dims(), 7);
        assert_eq!(back.to_bytes(), bytes);
        for w in &words {
            assert_eq!(back.unit(w), v.unit(w));
            assert_eq!(back.id(w), v.id(w));
        }
    }

    #[test]
    fn corrupt_inputs_are_reported() {
        let good = small().to_bytes();
        assert!(corrupt_reason(&[]).contains("empty"));

        let mut bad = good.clone();
        bad[0] = b'X';
        assert!(corrupt_reason(&bad).contains("bad magic"));

        // Every proper prefix is corrupt, and says so without panicking.
        for n in 1..good.len() {
            let msg = corrupt_reason(&good[..n]);
            assert!(msg.contains("truncated at byte"), "{n}: {msg}");
        }

        let mut extra = good.clone();
        extra.push(0);
        assert!(corrupt_reason(&extra).contains("trailing"));

        let mut dims0 = good.clone();
        dims0[12..16].copy_from_slice(&0u32.to_le_bytes());
        assert!(corrupt_reason(&dims0).contains("dims is 0"));

        let mut huge = good.clone();
        huge[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
        huge[12..16].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(corrupt_reason(&huge).contains("truncated"));

        // Word 0 ("alpha") starts at byte 17.
        let mut utf8 = good.clone();
        utf8[18] = 0xff;
        assert!(corrupt_reason(&utf8).contains("word 0 at byte 16 is not valid UTF-8"));
        let mut utf8 = good.clone();
        utf8[23] = 0xff;
        assert!(corrupt_reason(&utf8).contains("word 1 at byte 22 is not valid UTF-8"));

        // "é" split across two words: valid as a whole, not word by word.
        let mut split =
            Vectors::from_f32(vec!["ab".into(), "cd".into()], &[vec![1.0], vec![1.0]]).to_bytes();
        split[18] = 0xc3;
        split[20] = 0xa9;
        assert!(corrupt_reason(&split).contains("word 0 at byte 16 is not valid UTF-8"));

        let mut empty_word = good.clone();
        empty_word[16] = 0;
        assert!(corrupt_reason(&empty_word).contains("empty"));

        // "alpha" -> "gamma": a duplicate of word 2.
        let mut dup = good.clone();
        dup[17..22].copy_from_slice(b"gamma");
        assert!(corrupt_reason(&dup).contains("duplicate word \"gamma\""));

        // Scales follow the words: 16 + (1+5) + (1+4) + (1+5) = 33.
        let mut nan = good.clone();
        nan[33..37].copy_from_slice(&f32::NAN.to_le_bytes());
        assert!(corrupt_reason(&nan).contains("scale of word 0"));
        let mut neg = good;
        neg[37..41].copy_from_slice(&(-1.0f32).to_le_bytes());
        assert!(corrupt_reason(&neg).contains("scale of word 1"));
    }

    #[test]
    fn missing_file_is_io_error_naming_path() {
        let path = Path::new("/nonexistent/dir/vectors.i8");
        match Vectors::load(path) {
            Err(e @ VectorsError::Io { .. }) => {
                assert!(e.to_string().contains("/nonexistent/dir/vectors.i8"));
            }
            other => panic!("expected Io error, got {other:?}"),
        }
    }

    #[test]
    fn truncated_real_file_names_path_and_offset() {
        let bytes = std::fs::read(real_path()).unwrap_or_default();
        let cut = &bytes[..bytes.len() / 2];
        let msg = corrupt_reason(cut);
        assert!(
            msg.contains(&format!("truncated at byte {}", cut.len())),
            "{msg}"
        );
    }
}
