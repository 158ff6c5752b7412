//! The shortlist of facts worth scoring: the `k` documents that share the
//! most of a question's weight, found without reading every posting.
//!
//! A document's weight is the sum of the weights of the question's terms
//! it contains, added in question order. The shortlist is the `k` heaviest
//! documents of at least `floor` (among equal weights the earlier document),
//! listed in the order a walk of the postings first meets them: by the first
//! question term each contains, then by document. [`walk`] reads every
//! posting; [`prune`] gives the same list while skipping the documents that
//! cannot enter it (max-score: a document found only in the lightest lists
//! cannot outweigh the `k`th best so far, so only the heavier lists bring
//! documents), and decides which of those may enter 64 at a time, on the
//! bits of the lists they are in, so that a question over many facts costs
//! what can enter its shortlist rather than what its commonest words match.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// One question term's postings (sorted, distinct documents) and weight.
pub type List<'a> = (&'a [u32], f32);

/// A long, dense list's documents as a bit set (one bit a document, bit
/// `d % 64` of word `d / 64`), beside its postings: [`prune`] takes a
/// window's bits from its words rather than from the postings there.
pub type Members = Box<[u64]>;

/// Fewest postings a list needs for a [`Members`] set: shorter lists are
/// read cheaply, and a knowledge of a few facts builds none.
const MEMBERS_FROM: usize = 1024;

/// A list's [`Members`] over `docs` documents, when it is long and dense
/// enough: at least [`MEMBERS_FROM`] postings, and a posting for every 32
/// documents (so the set takes no more memory than the postings).
pub fn members(postings: &[u32], docs: usize) -> Option<Members> {
    if postings.len() < MEMBERS_FROM || postings.len() * 32 < docs {
        return None;
    }
    Some(bit_set(postings, docs))
}

/// The documents of `postings` (each below `docs`) as a [`Members`] set.
fn bit_set(postings: &[u32], docs: usize) -> Members {
    let mut bits = vec![0u64; docs.div_ceil(64)];
    for &d in postings {
        if let Some(word) = bits.get_mut(d as usize / 64) {
            *word |= 1 << (d % 64);
        }
    }
    bits.into_boxed_slice()
}

/// Most question terms [`prune`] takes (one bit each); more go to [`walk`].
pub const MOST_TERMS: usize = 64;

/// Up to this many question terms, [`prune`] sums the weight of every set
/// of them once (4,096 sums at most) instead of once per document.
const TABLED_TERMS: usize = 12;

/// The shortlist by reading every posting, into `scored`; `weight` is a
/// buffer of at least one zeroed entry per document, left zeroed, and
/// `touched` one for the documents met: both kept by the caller from
/// question to question, so that a walk allocates nothing once they have
/// grown.
pub fn walk(
    lists: &[List],
    floor: f32,
    k: usize,
    weight: &mut [f32],
    touched: &mut Vec<u32>,
    scored: &mut Vec<(u32, f32)>,
) {
    touched.clear();
    scored.clear();
    for &(postings, w) in lists {
        for &d in postings {
            let slot = &mut weight[d as usize];
            if *slot == 0.0 {
                touched.push(d);
            }
            *slot += w;
        }
    }
    // In first-met order, as the caller lists them.
    scored.extend(
        touched
            .drain(..)
            .map(|d| (d, std::mem::take(&mut weight[d as usize])))
            .filter(|&(_, w)| w >= floor),
    );
    if scored.len() > k {
        let mut placed: Vec<(usize, u32, f32)> = scored
            .iter()
            .enumerate()
            .map(|(at, &(d, w))| (at, d, w))
            .collect();
        if k > 0 {
            placed.select_nth_unstable_by(k - 1, |a, b| heavier_first((a.1, a.2), (b.1, b.2)));
        }
        placed.truncate(k);
        placed.sort_unstable_by_key(|p| p.0);
        scored.clear();
        scored.extend(placed.into_iter().map(|(_, d, w)| (d, w)));
    }
}

/// Heavier first, then the earlier document: the shortlist's order of merit.
fn heavier_first(a: (u32, f32), b: (u32, f32)) -> Ordering {
    b.1.partial_cmp(&a.1)
        .unwrap_or(Ordering::Equal)
        .then(a.0.cmp(&b.0))
}

/// Whether [`prune`] gives the shortlist for these lists: at most
/// [`MOST_TERMS`] terms, each of a positive, finite weight (a sum of such
/// weights only grows, which the bounds rely on).
pub fn can_prune(lists: &[List]) -> bool {
    lists.len() <= MOST_TERMS && lists.iter().all(|&(_, w)| w > 0.0 && w.is_finite())
}

/// A shortlisted document, ordered so that the heap's top is the worst.
#[derive(Clone, Copy)]
struct Entry {
    doc: u32,
    weight: f32,
    /// The question terms it contains, one bit each in question order.
    terms: u64,
    /// Its place in the order of merit as one number, greater worse: the
    /// weight's bits turned over, then the document. A weight [`prune`]
    /// sums is positive (or +∞, never NaN), and positive floats order as
    /// their bits do, so this is [`heavier_first`]'s order in one compare.
    rank: u64,
}

impl Entry {
    /// A document of this weight (positive) holding these terms.
    fn new(doc: u32, weight: f32, terms: u64) -> Entry {
        let rank = u64::from(!weight.to_bits()) << 32 | u64::from(doc);
        Entry {
            doc,
            weight,
            terms,
            rank,
        }
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    /// Greater is worse: lighter, or as heavy and later.
    fn cmp(&self, other: &Self) -> Ordering {
        self.rank.cmp(&other.rank)
    }
}

/// The weight of a document holding the terms of `terms` (one bit each),
/// summed as the walk sums it: in question order. Rounding is monotone and
/// every weight positive, so a document holding only some of `terms` never
/// weighs more: this is an exact bound, not an estimate.
fn weight_of(lists: &[List], terms: u64) -> f32 {
    lists
        .iter()
        .enumerate()
        .filter(|&(l, _)| terms & (1 << l) != 0)
        .fold(0.0f32, |sum, (_, &(_, w))| sum + w)
}

/// Documents a window of [`prune`] covers (a multiple of 64): every list's
/// documents in it are read as bits, and the documents that may enter are
/// found by operations on 64 documents at a time.
const WINDOW: usize = 2048;

/// Words of a window's bits.
const WORDS: usize = WINDOW / 64;

/// One list's documents in a window, one bit each.
type Row = [u64; WORDS];

/// Most steps of [`Admit::gather`] for a window; past them it admits every
/// document of the branch it is in (each is still tested exactly), so that
/// a window of many different documents costs no more than testing each.
const STEPS_PER_WINDOW: u32 = 256;

/// The weight of every set of a question's terms, summed in question order
/// as the walk sums it: tabled for a question of a few terms.
struct Sums<'a> {
    lists: &'a [List<'a>],
    table: Vec<f32>,
}

impl<'a> Sums<'a> {
    /// The sums for these lists; up to [`TABLED_TERMS`] of them, every
    /// set's sum once (adding each set's last term to the set without it
    /// keeps question order).
    fn new(lists: &'a [List<'a>]) -> Sums<'a> {
        let n = lists.len();
        let mut table = Vec::new();
        if n <= TABLED_TERMS {
            table = vec![0.0f32; 1 << n];
            for set in 1..table.len() {
                let last = usize::BITS - 1 - set.leading_zeros();
                table[set] = table[set & !(1 << last)] + lists[last as usize].1;
            }
        }
        Sums { lists, table }
    }

    /// The weight of a document holding the terms of `terms`.
    fn of(&self, terms: u64) -> f32 {
        self.table
            .get(terms as usize)
            .copied()
            .unwrap_or_else(|| weight_of(self.lists, terms))
    }
}

/// The documents of a window that may enter the shortlist, found from its
/// rows by deciding term by term, heaviest first, on 64 documents at a
/// time: a branch whose terms so far plus every later one cannot pass the
/// bar is dropped, one whose terms so far pass it is admitted whole.
struct Admit<'a> {
    sums: &'a Sums<'a>,
    /// The question's terms, heaviest first.
    heaviest: &'a [usize],
    /// `after[j]`: the bits of `heaviest[j..]`.
    after: &'a [u64],
    rows: &'a [Row],
    bar: Bar,
    /// Steps left in this window ([`STEPS_PER_WINDOW`]).
    steps: u32,
}

impl Admit<'_> {
    /// Adds to `out` the documents of `docs` that hold the terms of
    /// `held` (those decided among `heaviest[..j]`) and may enter.
    fn gather(&mut self, j: usize, held: u64, docs: &Row, out: &mut Row) {
        if !self.bar.lets_in(self.sums.of(held | self.after[j])) {
            return;
        }
        if self.steps == 0 || self.bar.lets_in(self.sums.of(held)) {
            for (o, d) in out.iter_mut().zip(docs) {
                *o |= d;
            }
            return;
        }
        self.steps -= 1;
        // Not passing with every term decided: j is below the term count.
        let l = self.heaviest[j];
        let row = &self.rows[l];
        // The branch holding term l: admitted whole when that passes,
        // without building its documents (its bound is this one's).
        let with_l = held | 1 << l;
        if self.bar.lets_in(self.sums.of(with_l)) {
            for ((o, d), r) in out.iter_mut().zip(docs).zip(row) {
                *o |= d & r;
            }
        } else {
            let with: Row = std::array::from_fn(|w| docs[w] & row[w]);
            if with.iter().any(|&b| b != 0) {
                self.gather(j + 1, with_l, &with, out);
            }
        }
        // The branch lacking it, only when its bound may pass.
        if self.bar.lets_in(self.sums.of(held | self.after[j + 1])) {
            let without: Row = std::array::from_fn(|w| docs[w] & !row[w]);
            if without.iter().any(|&b| b != 0) {
                self.gather(j + 1, held, &without, out);
            }
        }
    }
}

/// The shortlist [`walk`] gives, reading postings only where a document
/// may enter it. `lists` must pass [`can_prune`].
///
/// Documents are met window by window ([`WINDOW`]), from the first posting
/// of a list that can bring a document alone (a walked list: the lightest
/// lists together cannot pass the bar). Every list's documents in the
/// window are read as bits: from its [`Members`] set where `sets` gives one
/// (one entry a list; missing entries have none), else from its postings
/// there. [`Admit`] finds the documents that may enter, which are then
/// taken in order, each with exactly the terms it holds.
pub fn prune(lists: &[List], sets: &[Option<&[u64]>], floor: f32, k: usize) -> Vec<(u32, f32)> {
    debug_assert!(can_prune(lists));
    if k == 0 {
        return Vec::new();
    }
    let n = lists.len();
    let set = |l: usize| sets.get(l).copied().flatten();
    // Lightest first; `lighter[j]` holds the bits of order[..j].
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        lists[a]
            .1
            .partial_cmp(&lists[b].1)
            .unwrap_or(Ordering::Equal)
    });
    let mut lighter = vec![0u64; n + 1];
    for (j, &l) in order.iter().enumerate() {
        lighter[j + 1] = lighter[j] | 1 << l;
    }
    let heaviest: Vec<usize> = order.iter().rev().copied().collect();
    let mut after = vec![0u64; n + 1];
    for j in (0..n).rev() {
        after[j] = after[j + 1] | 1 << heaviest[j];
    }
    let sums = Sums::new(lists);
    // What a document must weigh to enter: more than the worst listed once
    // `k` are listed (it is met after every listed one, so among equals it
    // loses), else at least the floor.
    let mut bar = Bar::floor(floor);
    let mut heap: BinaryHeap<Entry> = BinaryHeap::with_capacity(k + 1);
    // order[..lightest] are not walked: they cannot bring a document that
    // may enter.
    let mut lightest = 0;
    while lightest < n && !bar.lets_in(sums.of(lighter[lightest + 1])) {
        lightest += 1;
    }
    // Each list's first posting not behind the last window read.
    let mut at = vec![0usize; n];
    let mut rows = vec![[0u64; WORDS]; n];
    // The terms of the documents of a word of bits, one entry a document:
    // left clear between words.
    let mut held = [0u64; 64];
    // Where the last window ended (a multiple of 64).
    let mut behind = 0usize;
    'windows: while lightest < n {
        // The window starts at the walked lists' first document not behind,
        // rounded down to a word of bits (the documents before it are all
        // behind: the last window ended on such a word).
        let first = order[lightest..]
            .iter()
            .filter_map(|&l| next_doc(lists[l].0, set(l), at[l], behind))
            .min();
        let Some(first) = first else {
            break;
        };
        let start = first & !63;
        behind = start as usize + WINDOW;
        for (l, row) in rows.iter_mut().enumerate() {
            read_row(lists[l].0, set(l), start, &mut at[l], row);
        }
        let mut met = [0u64; WORDS];
        for &l in &order[lightest..] {
            for (m, r) in met.iter_mut().zip(&rows[l]) {
                *m |= r;
            }
        }
        let mut admitted = [0u64; WORDS];
        Admit {
            sums: &sums,
            heaviest: &heaviest,
            after: &after,
            rows: &rows,
            bar,
            steps: STEPS_PER_WINDOW,
        }
        .gather(0, 0, &met, &mut admitted);
        for (w, &word) in admitted.iter().enumerate() {
            if word == 0 {
                continue;
            }
            // The terms of each admitted document of this word, read list
            // by list: as many steps as they hold terms, not one a list.
            for (l, row) in rows.iter().enumerate() {
                let mut hits = row[w] & word;
                while hits != 0 {
                    held[hits.trailing_zeros() as usize] |= 1 << l;
                    hits &= hits - 1;
                }
            }
            let mut marked = word;
            while marked != 0 {
                let bit = marked.trailing_zeros();
                marked &= marked - 1;
                // Taken, leaving the entry clear for the next word.
                let terms = std::mem::take(&mut held[bit as usize]);
                let weight = sums.of(terms);
                if !bar.lets_in(weight) {
                    continue;
                }
                let entry = Entry::new(start + (w * 64) as u32 + bit, weight, terms);
                // Once full, the bar lets in only a document heavier than
                // the worst listed: it takes the worst's place (one sift
                // rather than a push and a pop).
                if heap.len() < k {
                    heap.push(entry);
                } else if let Some(mut worst) = heap.peek_mut() {
                    *worst = entry;
                }
                if let Some(worst) = heap.peek().filter(|_| heap.len() == k) {
                    bar = Bar::full(worst.weight);
                }
                while lightest < n && !bar.lets_in(sums.of(lighter[lightest + 1])) {
                    lightest += 1;
                }
                if lightest == n {
                    break 'windows;
                }
            }
        }
    }
    // In first-met order: by the first question term each contains.
    // One key each, unique: the first term it contains, then the document.
    let mut out: Vec<(u64, f32)> = heap
        .into_iter()
        .map(|e| {
            (
                u64::from(e.terms.trailing_zeros()) << 32 | u64::from(e.doc),
                e.weight,
            )
        })
        .collect();
    out.sort_unstable_by_key(|e| e.0);
    out.into_iter().map(|(key, w)| (key as u32, w)).collect()
}

/// A list's first document not before `behind` (a multiple of 64): from
/// its set's words when it has one, else its posting at `at` (a list
/// without a set has read its postings up to `behind`).
fn next_doc(postings: &[u32], set: Option<&[u64]>, at: usize, behind: usize) -> Option<u32> {
    let Some(bits) = set else {
        return postings.get(at).copied();
    };
    let from = behind / 64;
    let (w, word) = bits
        .get(from..)?
        .iter()
        .enumerate()
        .find(|(_, word)| **word != 0)?;
    u32::try_from((from + w) * 64 + word.trailing_zeros() as usize).ok()
}

/// One list's documents in the window from `start` into `row`: its set's
/// words when it has one, else its postings there, read from `at`, which
/// is left at the first past the window.
fn read_row(postings: &[u32], set: Option<&[u64]>, start: u32, at: &mut usize, row: &mut Row) {
    let first_word = start as usize / 64;
    if let Some(bits) = set {
        match bits.get(first_word..first_word + WORDS) {
            Some(words) => row.copy_from_slice(words),
            None => {
                for (w, r) in row.iter_mut().enumerate() {
                    *r = bits.get(first_word + w).copied().unwrap_or(0);
                }
            }
        }
        return;
    }
    *row = [0; WORDS];
    let end = u64::from(start) + WINDOW as u64;
    let mut i = seek(postings, *at, start);
    while let Some(&d) = postings.get(i).filter(|&&d| u64::from(d) < end) {
        let bit = (d - start) as usize;
        row[bit / 64] |= 1 << (bit % 64);
        i += 1;
    }
    *at = i;
}

/// What a document must weigh to enter [`prune`]'s shortlist.
#[derive(Clone, Copy)]
struct Bar {
    /// A document enters only when heavier than this.
    above: f32,
}

impl Bar {
    /// Before the shortlist is full: a document of at least `floor` enters
    /// (heavier than the float just below it, the same test in one comparison).
    fn floor(floor: f32) -> Bar {
        Bar {
            above: floor.next_down(),
        }
    }

    /// Once the shortlist is full: only a document heavier than its worst.
    fn full(worst: f32) -> Bar {
        Bar { above: worst }
    }

    /// Whether a document weighing at most `most` may still enter.
    fn lets_in(self, most: f32) -> bool {
        most > self.above
    }
}

/// The first place at or after `from` in `postings` whose document is not
/// before `doc`: galloping, as successive searches move forward.
fn seek(postings: &[u32], from: usize, doc: u32) -> usize {
    gallop(postings, from, |&p| p < doc)
}

/// The first place at or after `from` in `items` where `before` no longer
/// holds (it holds for a prefix of them): galloping, so that a search
/// costs about twice the logarithm of how far it moves rather than of the
/// whole list, as successive searches move forward.
pub fn gallop<T>(items: &[T], from: usize, before: impl Fn(&T) -> bool) -> usize {
    let mut step = 1;
    let mut low = from;
    let mut high = from;
    while high < items.len() && before(&items[high]) {
        low = high + 1;
        high += step;
        step *= 2;
    }
    let high = high.min(items.len());
    low + items[low..high].partition_point(before)
}

#[cfg(test)]
mod tests {
    use super::{List, Members, bit_set, can_prune, members, prune, seek};

    /// Whether `doc` is in a [`Members`] set.
    fn holds(bits: &[u64], doc: u32) -> bool {
        bits.get(doc as usize / 64)
            .is_some_and(|&word| word >> (doc % 64) & 1 != 0)
    }

    /// [`super::walk`]'s shortlist, through buffers of its own.
    fn walk(lists: &[List], floor: f32, k: usize, weight: &mut [f32]) -> Vec<(u32, f32)> {
        let (mut touched, mut scored) = (vec![7], vec![(9, 9.0)]);
        super::walk(lists, floor, k, weight, &mut touched, &mut scored);
        assert!(touched.is_empty(), "the documents met are left out");
        scored
    }

    /// [`prune`]'s shortlist, checked to be the same with a [`Members`] set
    /// for every list and for every other list as without any.
    fn pruned(lists: &[List], floor: f32, k: usize) -> Vec<(u32, f32)> {
        let plain = prune(lists, &[], floor, k);
        let docs = lists
            .iter()
            .filter_map(|l| l.0.last())
            .max()
            .map_or(0, |&d| d as usize + 1);
        let sets: Vec<Members> = lists.iter().map(|l| bit_set(l.0, docs)).collect();
        let every: Vec<Option<&[u64]>> = sets.iter().map(|s| Some(&s[..])).collect();
        assert_eq!(prune(lists, &every, floor, k), plain, "every list a set");
        let some: Vec<Option<&[u64]>> = sets
            .iter()
            .enumerate()
            .map(|(l, s)| (l % 2 == 0).then_some(&s[..]))
            .collect();
        assert_eq!(
            prune(lists, &some, floor, k),
            plain,
            "every other list a set"
        );
        plain
    }

    #[test]
    fn only_long_dense_lists_get_a_set_of_their_documents() {
        let dense: Vec<u32> = (0..40_000).step_by(3).collect();
        let set = members(&dense, 40_000).expect("a third of the documents");
        for d in 0..40_000u32 {
            assert_eq!(holds(&set, d), d % 3 == 0, "document {d}");
        }
        assert!(!holds(&set, 40_000), "past the last document");
        let short: Vec<u32> = (0..600).collect();
        assert!(members(&short, 600).is_none(), "too short to need one");
        let sparse: Vec<u32> = (0..2_000).map(|d| d * 50).collect();
        assert!(
            members(&sparse, 100_000).is_none(),
            "sparser than its postings"
        );
    }

    /// Postings of document ids below `docs`, drawn from a small generator
    /// so that many documents tie.
    fn made_up(docs: u32, terms: usize, seed: u64) -> (Vec<Vec<u32>>, Vec<f32>) {
        let mut state = seed;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as u32
        };
        let mut postings = Vec::new();
        let mut weights = Vec::new();
        for t in 0..terms {
            // Common terms and rare ones; a few weights shared by several terms.
            let every = 1 + next() % (2 + t as u32 * 3);
            let list: Vec<u32> = (0..docs).filter(|_| next() % every == 0).collect();
            postings.push(list);
            weights.push([0.5f32, 1.25, 2.0, 0.3, 1.7][next() as usize % 5] + (t % 2) as f32);
        }
        (postings, weights)
    }

    fn lists<'a>(postings: &'a [Vec<u32>], weights: &[f32]) -> Vec<List<'a>> {
        postings
            .iter()
            .zip(weights)
            .map(|(p, &w)| (p.as_slice(), w))
            .collect()
    }

    #[test]
    fn pruning_shortlists_the_facts_the_full_walk_does() {
        for seed in 0..60u64 {
            let docs = 40 + (seed as u32 * 37) % 400;
            // Questions of one to seven terms, and some of more than are tabled.
            let terms = if seed % 10 == 9 {
                15
            } else {
                1 + seed as usize % 7
            };
            let (postings, weights) = made_up(docs, terms, seed);
            let lists = lists(&postings, &weights);
            let mut buffer = vec![0.0f32; docs as usize];
            for k in [1, 3, 10, 96] {
                for floor in [0.0f32, 0.4, 1.3, 2.5, 100.0] {
                    let full = walk(&lists, floor, k, &mut buffer);
                    assert!(
                        buffer.iter().all(|&w| w == 0.0),
                        "the buffer is left zeroed"
                    );
                    assert_eq!(
                        pruned(&lists, floor, k),
                        full,
                        "seed {seed}, k {k}, floor {floor}"
                    );
                }
            }
        }
    }

    #[test]
    fn pruning_documents_spread_over_many_windows_shortlists_what_the_full_walk_does() {
        for seed in 0..24u64 {
            // Documents side by side, a few apart, or farther apart than a window.
            let spread = [1u32, 7, 300, 1500][seed as usize % 4];
            let docs = 40 + (seed as u32 * 53) % 300;
            let (postings, weights) = made_up(docs, 1 + seed as usize % 8, seed);
            let postings: Vec<Vec<u32>> = postings
                .iter()
                .map(|list| list.iter().map(|&d| d * spread).collect())
                .collect();
            let lists = lists(&postings, &weights);
            let mut buffer = vec![0.0f32; (docs * spread) as usize];
            for k in [1, 4, 96] {
                for floor in [0.0f32, 1.3, 2.5] {
                    let full = walk(&lists, floor, k, &mut buffer);
                    assert_eq!(
                        pruned(&lists, floor, k),
                        full,
                        "seed {seed}, spread {spread}, k {k}, floor {floor}"
                    );
                }
            }
        }
    }

    /// Postings over `copies` blocks of `originals` documents, document
    /// `d` holding the terms of original `d % originals`: a knowledge whose
    /// facts come in many equally heavy groups, every weight tied.
    fn blocks(originals: u32, copies: u32, terms: usize, seed: u64) -> (Vec<Vec<u32>>, Vec<f32>) {
        let (held, weights) = made_up(originals, terms, seed);
        let postings = held
            .iter()
            .map(|list| {
                (0..originals * copies)
                    .filter(|d| list.contains(&(d % originals)))
                    .collect()
            })
            .collect();
        (postings, weights)
    }

    #[test]
    fn pruning_equally_heavy_groups_shortlists_what_the_full_walk_does() {
        for seed in 0..40u64 {
            let originals = 5 + (seed as u32 * 7) % 40;
            let copies = 1 + (seed as u32 * 13) % 60;
            let terms = 1 + seed as usize % 9;
            let (postings, weights) = blocks(originals, copies, terms, seed);
            let lists = lists(&postings, &weights);
            let mut buffer = vec![0.0f32; (originals * copies) as usize];
            for k in [1, 2, 8, 96, 500] {
                for floor in [0.0f32, 0.5, 1.7, 3.0] {
                    let full = walk(&lists, floor, k, &mut buffer);
                    assert_eq!(
                        pruned(&lists, floor, k),
                        full,
                        "seed {seed}, k {k}, floor {floor}"
                    );
                }
            }
        }
    }

    #[test]
    fn ties_go_to_the_earlier_fact_and_the_list_keeps_first_met_order() {
        // Documents 0..6 all weigh 2 (terms a and b); 7 and 8 weigh 3 (all
        // three). Term c comes first in the question.
        let c: Vec<u32> = vec![7, 8];
        let a: Vec<u32> = (0..9).collect();
        let b: Vec<u32> = (0..9).collect();
        let lists: Vec<List> = vec![(&c, 1.0), (&a, 1.0), (&b, 1.0)];
        let mut buffer = vec![0.0f32; 9];
        let expected = vec![(7, 3.0), (8, 3.0), (0, 2.0), (1, 2.0)];
        assert_eq!(walk(&lists, 0.0, 4, &mut buffer), expected);
        assert_eq!(pruned(&lists, 0.0, 4), expected);
        // Fewer than k: everyone of at least the floor, in first-met order.
        let all = walk(&lists, 2.0, 20, &mut buffer);
        assert_eq!(all.len(), 9);
        assert_eq!(all[..3], [(7, 3.0), (8, 3.0), (0, 2.0)]);
        assert_eq!(pruned(&lists, 2.0, 20), all);
        assert_eq!(pruned(&lists, 3.5, 20), vec![]);
    }

    #[test]
    fn pruning_documents_of_many_different_term_sets_shortlists_what_the_full_walk_does() {
        // Forty terms, each in about half of 3,000 documents: nearly every
        // document holds a set of terms of its own, more than a window's
        // steps of deciding term by term can tell apart (STEPS_PER_WINDOW).
        let mut state = 7u64;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as u32
        };
        let docs = 3_000u32;
        let postings: Vec<Vec<u32>> = (0..40)
            .map(|_| (0..docs).filter(|_| next() % 2 == 0).collect())
            .collect();
        let weights: Vec<f32> = (0..40).map(|_| 0.5 + (next() % 16) as f32 / 8.0).collect();
        let total: f32 = weights.iter().sum();
        let lists = lists(&postings, &weights);
        let mut buffer = vec![0.0f32; docs as usize];
        for k in [1, 96, 2_000] {
            for floor in [total * 0.4, total * 0.55] {
                let full = walk(&lists, floor, k, &mut buffer);
                assert!(!full.is_empty(), "k {k}, floor {floor}");
                assert_eq!(pruned(&lists, floor, k), full, "k {k}, floor {floor}");
            }
        }
    }

    #[test]
    fn weights_are_summed_in_question_order() {
        let one: Vec<u32> = vec![0];
        let lists: Vec<List> = vec![(&one, 1.0), (&one, -1.0)];
        assert!(!can_prune(&lists), "a negative weight is walked");
        // In question order 1 + 2^24 rounds to 2^24, and so does adding the
        // last 1; lightest first would give 2^24 + 2.
        let big = 16_777_216.0f32;
        let lists: Vec<List> = vec![(&one, 1.0), (&one, big), (&one, 1.0)];
        let mut buffer = vec![0.0f32; 1];
        let walked = walk(&lists, 0.0, 1, &mut buffer);
        assert_eq!(walked, vec![(0, big)]);
        assert_eq!(pruned(&lists, 0.0, 1), walked);
    }

    #[test]
    fn seeking_finds_the_first_document_not_before() {
        let postings = [2u32, 4, 4, 9, 15, 30, 31, 50];
        for from in 0..=postings.len() {
            for doc in 0..60 {
                let expected = from + postings[from..].partition_point(|&p| p < doc);
                assert_eq!(
                    seek(&postings, from, doc),
                    expected,
                    "from {from}, doc {doc}"
                );
            }
        }
    }
}
