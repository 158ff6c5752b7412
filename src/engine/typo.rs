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
        index
    }

    /// The closest indexed word within the edits allowed for `word`'s length,
    /// with its distance; ties go to the word sharing the longer prefix.
    pub fn correct(&self, word: &str) -> Option<(&str, usize)> {
        let len = word.chars().count();
        let allowed = max_edits(len);
        if allowed == 0 || len > MAX_TYPO_CHARS {
            return None;
        }
        let chars: Vec<char> = word.chars().collect();
        let hashes = deletion_hashes(&chars, allowed >= 2);
        let mut best: Option<(usize, usize, &str)> = None;
        // At most MAX_CANDIDATES ids: a short list read through is cheaper
        // than a hash set.
        let mut tried: Vec<u32> = Vec::with_capacity(MAX_CANDIDATES);
        'hashes: for h in hashes {
            let Some(ids) = self.deletes.get(&h) else {
                continue;
            };
            for &id in ids {
                if tried.len() == MAX_CANDIDATES {
                    break 'hashes;
                }
                if tried.contains(&id) {
                    continue;
                }
                tried.push(id);
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
        }
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

/// The hashes of a word's deletion variants, in the order a question word
/// looks them up: [`hash_without`] nothing, then for each place `i` without
/// it and (with `two`) without it and each later place. The same values,
/// each put together from the hashes of the word's prefixes (a polynomial
/// hash of a cut of the word is a difference of two of them), so that a
/// variant costs a few multiplications instead of a reading of the word.
fn deletion_hashes(chars: &[char], two: bool) -> Vec<u64> {
    let n = chars.len();
    let mut hashes = Vec::with_capacity(1 + n + if two { n * n / 2 } else { 0 });
    // prefix[k]: the hash of the first k characters; power[k]: BASE^k.
    let mut prefix = Vec::with_capacity(n + 1);
    let mut power = Vec::with_capacity(n + 1);
    prefix.push(0);
    power.push(1u64);
    for (k, &c) in chars.iter().enumerate() {
        prefix.push(hash_step(prefix[k], c));
        power.push(power[k].wrapping_mul(BASE));
    }
    // The hash of the characters from `a` up to `b`.
    let cut = |a: usize, b: usize| prefix[b].wrapping_sub(prefix[a].wrapping_mul(power[b - a]));
    hashes.push(prefix[n] ^ n as u64);
    for i in 0..n {
        let before = prefix[i];
        let after_i = cut(i + 1, n);
        hashes.push(before.wrapping_mul(power[n - 1 - i]).wrapping_add(after_i) ^ (n - 1) as u64);
        if two {
            for j in i + 1..n {
                let kept = before
                    .wrapping_mul(power[j - i - 1])
                    .wrapping_add(cut(i + 1, j))
                    .wrapping_mul(power[n - 1 - j])
                    .wrapping_add(cut(j + 1, n));
                hashes.push(kept ^ (n - 2) as u64);
            }
        }
    }
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
    fn deletion_hashes_are_those_of_each_variant_in_order() {
        for word in ["", "a", "javlin", "soverignty", "straße", "キロメートル"] {
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
