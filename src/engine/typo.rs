//! Typo correction toward the knowledge's vocabulary.
//!
//! A symmetric-delete index (the SymSpell idea): every vocabulary word is
//! stored under itself and each string obtained by deleting one of its
//! letters, and a misspelled word looks up its own deletions (up to two), so
//! it finds its candidates by a few hash look-ups instead of a scan of the
//! whole vocabulary. One deletion on each side catches a wrong, missing,
//! extra or swapped letter; two on the question's side catch two extra
//! letters. Candidates are then checked with `strsim`'s Damerau-Levenshtein
//! distance.
//!
//! The work is bounded whatever the input: a question word longer than
//! [`MAX_TYPO_CHARS`] is not corrected (no plausible misspelling is that
//! long, and the deletions grow with the square of the length), words that
//! no such question word could reach are not indexed, and at most
//! [`MAX_CANDIDATES`] candidates are checked per word.

use std::ops::ControlFlow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Longest word, in characters, that typo correction considers: longer
/// words are no plausible misspelling of a vocabulary word and are left as
/// typed.
pub const MAX_TYPO_CHARS: usize = 24;

/// Most vocabulary words compared with one misspelling; the rest of a crowded
/// hash bucket is skipped.
pub const MAX_CANDIDATES: usize = 64;

/// Finds the vocabulary word closest to a misspelling.
#[derive(Debug, Default, Clone)]
pub struct TypoIndex {
    words: Vec<String>,
    /// Word ids by the hash of the word with one letter (or none) deleted;
    /// a hash collision only adds a candidate that the distance check drops.
    deletes: HashMap<u64, Vec<u32>>,
    /// One bit for each place [`place`] puts a key of `deletes` at: most
    /// of a question word's deletion hashes are no key, and a clear bit
    /// says so without the hash map's look-up. Empty when nothing is
    /// indexed.
    keys: Vec<u64>,
}

/// Bits of [`TypoIndex::keys`] for each key of its deletions, at least: the
/// table is the next power of two, so that about one bit in eight or
/// fewer is set and seven misses in eight are told by their bit.
const BITS_PER_KEY: usize = 8;

/// The bit of `keys` (a power of two of 64-bit words, not empty) for a
/// deletion hash: its top bits after a multiplicative mix, as the
/// polynomial hashes' low bits follow the words' last letters.
fn place(hash: u64, keys: &[u64]) -> usize {
    let bits = keys.len() * 64;
    let mixed = hash.wrapping_mul(0xd6e8_feb8_6659_fd93);
    (mixed >> (64 - bits.trailing_zeros())) as usize
}

/// Edits allowed for a word of this many characters: none for short words,
/// where one edit changes the meaning, one up to six letters, two beyond.
pub fn max_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

impl TypoIndex {
    /// Indexes the given words (duplicates are ignored).
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> TypoIndex {
        let mut index = TypoIndex::default();
        let mut seen = HashSet::default();
        for word in words {
            let chars: Vec<char> = word.chars().collect();
            // A word is reachable from a question word of at most
            // MAX_TYPO_CHARS characters only within two edits of that length.
            if chars.len() < 4 || chars.len() > MAX_TYPO_CHARS + 2 || !seen.insert(word) {
                continue;
            }
            let id = index.words.len() as u32;
            index.words.push(word.to_string());
            let mut hashes: Vec<u64> = (0..chars.len())
                .map(|i| hash_without(&chars, &[i]))
                .collect();
            hashes.push(hash_without(&chars, &[]));
            hashes.sort_unstable();
            hashes.dedup();
            for h in hashes {
                index.deletes.entry(h).or_default().push(id);
            }
        }
        if !index.deletes.is_empty() {
            let words = (index.deletes.len() * BITS_PER_KEY).div_ceil(64);
            index.keys = vec![0; words.next_power_of_two()];
            for &h in index.deletes.keys() {
                let at = place(h, &index.keys);
                index.keys[at / 64] |= 1 << (at % 64);
            }
        }
        index
    }

    /// False when no indexed deletion has the hash `h` (its bit of `keys`
    /// is clear); true when one may.
    fn may_hold(&self, h: u64) -> bool {
        if self.keys.is_empty() {
            return false;
        }
        let at = place(h, &self.keys);
        self.keys[at / 64] & (1 << (at % 64)) != 0
    }

    /// The closest indexed word within the edits allowed for `word`'s length,
    /// with its distance; ties go to the word sharing the longer prefix.
    pub fn correct(&self, word: &str) -> Option<(&str, usize)> {
        let len = word.chars().count();
        let allowed = max_edits(len);
        if allowed == 0 || len > MAX_TYPO_CHARS {
            return None;
        }
        // The word's characters and the ids tried are kept on the stack (a
        // word is at most MAX_TYPO_CHARS long), its deletions' hashes not at
        // all: each is looked up as it is made.
        let mut chars = ['\0'; MAX_TYPO_CHARS];
        for (slot, c) in chars.iter_mut().zip(word.chars()) {
            *slot = c;
        }
        let mut best: Option<(usize, usize, &str)> = None;
        // At most MAX_CANDIDATES ids: a short list read through is cheaper
        // than a hash set.
        let mut tried = [0u32; MAX_CANDIDATES];
        let mut tried_len = 0;
        let _ = each_deletion_hash(&chars[..len], allowed >= 2, |h| {
            if !self.may_hold(h) {
                return ControlFlow::Continue(());
            }
            let Some(ids) = self.deletes.get(&h) else {
                return ControlFlow::Continue(());
            };
            for &id in ids {
                if tried_len == MAX_CANDIDATES {
                    return ControlFlow::Break(());
                }
                if tried[..tried_len].contains(&id) {
                    continue;
                }
                tried[tried_len] = id;
                tried_len += 1;
                let candidate = self.words[id as usize].as_str();
                // A word further than the best so far can never win: its
                // distance is computed only as far as the best one's.
                let most = best.map_or(allowed, |(d, _, _)| d);
                let Some(distance) = candidate_distance(word, candidate, most) else {
                    continue;
                };
                if distance == 0 {
                    continue;
                }
                // Among equally close words, the one sharing more of the
                // typed word's ends: a dropped letter ("respone": response)
                // is a likelier slip than a changed last one (respond).
                let prefix = word
                    .chars()
                    .zip(candidate.chars())
                    .take_while(|(a, b)| a == b)
                    .count()
                    + word
                        .chars()
                        .rev()
                        .zip(candidate.chars().rev())
                        .take_while(|(a, b)| a == b)
                        .count();
                let better = match best {
                    None => true,
                    Some((d, p, w)) => {
                        (distance, std::cmp::Reverse(prefix), candidate)
                            < (d, std::cmp::Reverse(p), w)
                    }
                };
                if better {
                    best = Some((distance, prefix, candidate));
                }
            }
            ControlFlow::Continue(())
        });
        best.map(|(distance, _, word)| (word, distance))
    }

    /// Number of indexed words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Longest ASCII word, in bytes, whose distance [`distance_within`]
/// computes in a table on the stack; longer or other words go to `strsim`.
const SHORT: usize = 32;

/// True when two words are exactly one edit apart (one insertion,
/// deletion, substitution or transposition of two adjacent letters): what
/// [`distance_within`] with a bound of one tells by `Some(1)`. ASCII words
/// are compared in one pass over their bytes, without the distance's table.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    if !(a.is_ascii() && b.is_ascii()) {
        return distance_within(a, b, 1) == Some(1);
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    // The shorter first; the lengths differ by at most one.
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let Some(at) = short.iter().zip(long).position(|(x, y)| x != y) else {
        // One is the other, or the other with one byte more at its end.
        return short.len() != long.len();
    };
    if short.len() != long.len() {
        // One byte inserted at `at`.
        return short[at..] == long[at + 1..];
    }
    // One byte replaced at `at`, or two swapped there.
    short[at + 1..] == long[at + 1..]
        || (at + 1 < short.len()
            && short[at] == long[at + 1]
            && short[at + 1] == long[at]
            && short[at + 2..] == long[at + 2..])
}

/// [`distance_within`], the distances of none and one told first: equal
/// words, then [`one_edit_apart`] in one pass over their bytes; only a pair
/// further apart is compared in the distance's table. Most of typo
/// correction's candidates are the typed word or one edit from it.
pub fn candidate_distance(a: &str, b: &str, most: usize) -> Option<usize> {
    if a == b {
        return Some(0);
    }
    if most == 0 {
        return None;
    }
    if one_edit_apart(a, b) {
        return Some(1);
    }
    if most == 1 {
        return None;
    }
    distance_within(a, b, most)
}

/// The Damerau-Levenshtein distance between two words (insertions,
/// deletions, substitutions and transpositions of two adjacent letters,
/// with letters between transposed ones edited too) when it is at most
/// `most`, `None` when it is more: the number `strsim::damerau_levenshtein`
/// gives, which computes it for any text but allocates a hash map and its
/// rows for each pair. Two ASCII words of up to [`SHORT`] bytes (every
/// word typo correction compares, nearly) are compared here with no
/// allocation, in a table on the stack (Lowrance and Wagner's algorithm,
/// the last row of each byte in an array), and only its cells within
/// `most` of the diagonal are computed: a cell further off is at least
/// that far, and no path of edits within `most` passes through it.
pub fn distance_within(a: &str, b: &str, most: usize) -> Option<usize> {
    if !(a.is_ascii() && b.is_ascii() && a.len() <= SHORT && b.len() <= SHORT) {
        return Some(strsim::damerau_levenshtein(a, b)).filter(|&d| d <= most);
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (n, m) = (a.len(), b.len());
    // The distance is at least the difference in length.
    if n.abs_diff(m) > most {
        return None;
    }
    if n == 0 || m == 0 {
        return Some(n.max(m));
    }
    // d[i + 1][j + 1]: the distance between a's first i bytes and b's
    // first j, or at least FAR for a cell off the band (never below it:
    // every value is that of some sequence of edits, or FAR); row and
    // column 0 hold the bound `n + m`. Distances are at most 2 * SHORT,
    // below FAR, so a byte holds them.
    const W: usize = SHORT + 2;
    const FAR: u8 = 200;
    let mut d = [[FAR; W]; W];
    let bound = (n + m) as u8;
    d[0][0] = bound;
    for i in 0..=n {
        d[i + 1][0] = bound;
        d[i + 1][1] = i as u8;
    }
    for j in 0..=m {
        d[0][j + 1] = bound;
        d[1][j + 1] = j as u8;
    }
    // The last row (1-based) at which each byte stood in `a`, 0 for none.
    let mut last_row = [0u8; 128];
    for i in 1..=n {
        // Only the columns within `most` of the diagonal are computed.
        let (lo, hi) = (i.saturating_sub(most).max(1), i.saturating_add(most).min(m));
        // The last column in this row where a's byte matched b's, kept
        // over the whole row: a transposition may start off the band.
        let mut matched = (1..lo).rev().find(|&j| a[i - 1] == b[j - 1]).unwrap_or(0);
        for j in lo..=hi {
            let same = a[i - 1] == b[j - 1];
            let k = usize::from(last_row[usize::from(b[j - 1])]);
            let l = matched;
            if same {
                matched = j;
            }
            let substitution = usize::from(d[i][j]) + usize::from(!same);
            let insertion = usize::from(d[i][j + 1]) + 1;
            let deletion = usize::from(d[i + 1][j]) + 1;
            let transposition = usize::from(d[k][l]) + (i - k - 1) + 1 + (j - l - 1);
            let best = substitution.min(insertion).min(deletion).min(transposition);
            d[i + 1][j + 1] = best.min(usize::from(FAR)) as u8;
        }
        last_row[usize::from(a[i - 1])] = i as u8;
    }
    Some(usize::from(d[n + 1][m + 1])).filter(|&d| d <= most)
}

/// The base of [`hash_without`]'s polynomial hash (odd, so that every
/// power of it is too).
const BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// One character's step of [`hash_without`]'s polynomial hash: the hash
/// of the characters so far times [`BASE`], plus the character.
fn hash_step(hash: u64, c: char) -> u64 {
    hash.wrapping_mul(BASE).wrapping_add(u64::from(c))
}

/// Hands `each` the hashes of a word's deletion variants, in the order a
/// question word looks them up, until it breaks: [`hash_without`] nothing,
/// then for each place `i` without it and (with `two`) without it and each
/// later place; none for a word of more than [`MAX_TYPO_CHARS`] characters.
/// The same values, each put together from the hashes of the word's
/// prefixes and suffixes, so that a variant costs a multiplication or two
/// instead of a reading of the word: the hash of the word without `i` and
/// `j` is that of its first `j` characters without `i` (one step on from
/// the one before it) times `BASE` to the power of the characters after
/// `j`, plus their hash.
fn each_deletion_hash(
    chars: &[char],
    two: bool,
    mut each: impl FnMut(u64) -> ControlFlow<()>,
) -> ControlFlow<()> {
    const N: usize = MAX_TYPO_CHARS + 1;
    let n = chars.len();
    if n > MAX_TYPO_CHARS {
        return ControlFlow::Continue(());
    }
    // prefix[k]: the hash of the first k characters; suffix[k]: of those
    // from k on; power[k]: BASE^k.
    let (mut prefix, mut suffix, mut power) = ([0u64; N], [0u64; N], [1u64; N]);
    for (k, &c) in chars.iter().enumerate() {
        prefix[k + 1] = hash_step(prefix[k], c);
        power[k + 1] = power[k].wrapping_mul(BASE);
    }
    for k in (0..n).rev() {
        suffix[k] = u64::from(chars[k])
            .wrapping_mul(power[n - 1 - k])
            .wrapping_add(suffix[k + 1]);
    }
    each(prefix[n] ^ n as u64)?;
    for i in 0..n {
        let before = prefix[i];
        each(
            before
                .wrapping_mul(power[n - 1 - i])
                .wrapping_add(suffix[i + 1])
                ^ (n - 1) as u64,
        )?;
        if two {
            // The first j characters without the i-th, from j = i + 1 on.
            let mut kept = before;
            for j in i + 1..n {
                each(
                    kept.wrapping_mul(power[n - 1 - j])
                        .wrapping_add(suffix[j + 1])
                        ^ (n - 2) as u64,
                )?;
                kept = hash_step(kept, chars[j]);
            }
        }
    }
    ControlFlow::Continue(())
}

/// The hashes [`each_deletion_hash`] hands on, in its order.
#[cfg(test)]
fn deletion_hashes(chars: &[char], two: bool) -> Vec<u64> {
    let mut hashes = Vec::new();
    let _ = each_deletion_hash(chars, two, |h| {
        hashes.push(h);
        ControlFlow::Continue(())
    });
    hashes
}

/// Polynomial hash of the characters of a word, leaving out those at `skip`
/// (sorted): the hash of a deletion variant without building the string.
fn hash_without(chars: &[char], skip: &[usize]) -> u64 {
    let mut hash = 0;
    for (i, &c) in chars.iter().enumerate() {
        if !skip.contains(&i) {
            hash = hash_step(hash, c);
        }
    }
    // Mix in the length so that "ab" less nothing and "abc" less "c" differ
    // from other words of the same letters only by chance.
    hash ^ (chars.len() - skip.len()) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> TypoIndex {
        TypoIndex::new([
            "blinken",
            "javelin",
            "klitschko",
            "sovereignty",
            "government",
            "ukraine",
            "helmets",
        ])
    }

    #[test]
    fn corrects_names_and_words_people_misspell() {
        let i = index();
        assert_eq!(i.correct("blinkin").map(|c| c.0), Some("blinken"));
        assert_eq!(i.correct("javlin").map(|c| c.0), Some("javelin"));
        assert_eq!(i.correct("klitchko").map(|c| c.0), Some("klitschko"));
        assert_eq!(i.correct("soverignty").map(|c| c.0), Some("sovereignty"));
        assert_eq!(i.correct("goverment").map(|c| c.0), Some("government"));
        assert_eq!(i.correct("ukrane").map(|c| c.0), Some("ukraine"));
    }

    #[test]
    fn the_key_bits_pass_every_key_and_few_others() {
        // Every deletion hash indexed passes its bit, so the bits skip no
        // look-up that could find a word; most other hashes do not pass.
        let words: Vec<String> = (0..2_000).map(|i| format!("word{i}abc")).collect();
        for i in [index(), TypoIndex::new(words.iter().map(String::as_str))] {
            assert!(i.deletes.keys().all(|&h| i.may_hold(h)));
            let passed = (0..10_000u64)
                .map(|n| n.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x5bd1)
                .filter(|&h| i.may_hold(h))
                .count();
            assert!(passed < 1_500, "{passed} of 10,000");
        }
        assert!(!TypoIndex::new(["ab"]).may_hold(0));
    }

    #[test]
    fn overlong_words_are_not_corrected_or_indexed() {
        let long = "sovereignty".repeat(3);
        let i = TypoIndex::new([long.as_str(), "government"]);
        assert_eq!(
            i.len(),
            1,
            "a word no question word can reach is not indexed"
        );
        let typed = format!("{}x", "goverment".repeat(3));
        assert_eq!(i.correct(&typed), None);
        // A 1,992-character word (332 × U+3316 once folded) returns at once:
        // it is never expanded into its deletions.
        let huge = "キロメートル".repeat(332);
        assert_eq!(i.correct(&huge), None);
    }

    #[test]
    fn a_word_longer_than_corrected_has_no_deletion_hashes() {
        let chars: Vec<char> = "counterintelligencestaffs".chars().collect();
        assert!(deletion_hashes(&chars, true).is_empty());
        // A break stops the hashes.
        let mut handed = 0;
        let _ = each_deletion_hash(&chars[..MAX_TYPO_CHARS], true, |_| {
            handed += 1;
            if handed == 3 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        assert_eq!(handed, 3);
    }

    #[test]
    fn deletion_hashes_are_those_of_each_variant_in_order() {
        // Up to the longest word corrected.
        let longest = "counterintelligencestaff";
        assert_eq!(longest.len(), MAX_TYPO_CHARS);
        for word in [
            "",
            "a",
            "javlin",
            "soverignty",
            "straße",
            "キロメートル",
            longest,
        ] {
            let chars: Vec<char> = word.chars().collect();
            let n = chars.len();
            for two in [false, true] {
                let mut expected = vec![hash_without(&chars, &[])];
                for i in 0..n {
                    expected.push(hash_without(&chars, &[i]));
                    if two {
                        expected.extend((i + 1..n).map(|j| hash_without(&chars, &[i, j])));
                    }
                }
                assert_eq!(deletion_hashes(&chars, two), expected, "{word} {two}");
            }
        }
    }

    #[test]
    fn the_distance_is_strsims_damerau_levenshtein() {
        // Words over a few letters, so that repeats and transpositions
        // (near and far apart) are common, of every length up to past the
        // table's; each against a random word and against itself edited a
        // few times; and some that are not ASCII. Within every bound, the
        // distance is strsim's when it is within it, none when not, whether
        // the table computes it or the candidates' near pairs are told first.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |below: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % below
        };
        let letter = |next: &mut dyn FnMut(u64) -> u64| b'a' + next(4) as u8;
        let check = |a: &str, b: &str| {
            let expected = strsim::damerau_levenshtein(a, b);
            for most in [0, 1, 2, 3, 5, usize::MAX] {
                let within = Some(expected).filter(|&d| d <= most);
                assert_eq!(distance_within(a, b, most), within, "{a} {b} {most}");
                assert_eq!(candidate_distance(a, b, most), within, "{a} {b} {most}");
            }
            assert_eq!(one_edit_apart(a, b), expected == 1, "{a} {b}");
        };
        for _ in 0..20_000 {
            let len = next(36);
            let a: Vec<u8> = (0..len).map(|_| letter(&mut next)).collect();
            let other: Vec<u8> = (0..next(36)).map(|_| letter(&mut next)).collect();
            let mut edited = a.clone();
            for _ in 0..next(4) {
                let at = next(edited.len() as u64 + 1) as usize;
                match next(4) {
                    0 => edited.insert(at, letter(&mut next)),
                    1 if at < edited.len() => {
                        edited.remove(at);
                    }
                    2 if at < edited.len() => edited[at] = letter(&mut next),
                    _ if at + 1 < edited.len() => edited.swap(at, at + 1),
                    _ => {}
                }
            }
            let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
            check(&text(&a), &text(&other));
            check(&text(&a), &text(&edited));
        }
        for (a, b) in [
            ("ca", "abc"),
            ("ab", "ba"),
            ("a", ""),
            ("abc", "abd"),
            ("abc", "abcd"),
            ("abc", "acb"),
            ("abcd", "abdc"),
            ("abcdef", "badcfe"),
            ("goverment", "government"),
            ("", "abc"),
            ("abc", ""),
            ("", ""),
            ("straße", "strasse"),
            ("キロメートル", "キロメトル"),
        ] {
            check(a, b);
            check(b, a);
        }
    }

    #[test]
    fn leaves_short_and_distant_words_alone() {
        let i = index();
        assert_eq!(i.correct("hel"), None);
        assert_eq!(i.correct("banana"), None);
        assert_eq!(
            i.correct("helmets"),
            None,
            "a known word is not a typo of itself"
        );
    }
}
