//! Rule `substituted-word`: the question copies a stretch of a sentence but
//! puts another word in one place ("an extra supply of random ribbons"
//! against "random bits", "divides the list in thirds" against "in half",
//! "the abstract choice" against "some concrete choice"). The words around
//! the place match, so the fact scores high, yet the question asks about
//! something the sentence does not say.
//!
//! A word counts as put in another's place when the words on both sides of
//! it in the question stand on both sides of a word of the sentence (or of
//! one of the fact's intents) that the question does not use (the
//! question's last word has the end of the sentence on its right when the
//! sentence's word is its last: "random ribbons?" against "random bits.";
//! an intent or keyword ends nowhere the sentence does, and a word the
//! vectors relate to the sentence's is its paraphrase, "a german daily"
//! for "a German newspaper."), and it is:
//! - a word the knowledge never uses and no verb (both sides must match:
//!   one side alone is how paraphrases look, and a paraphrase changes verbs
//!   freely, "algorithms that utilize random bits" for "use random bits"),
//!   or one letter from the sentence's word, a real word the spelling
//!   corrector left alone (one side is enough: "either yer or no");
//! - a number the knowledge never gives, in place of one of its numbers
//!   (one side is enough: "8n2 + 16n" against "7n2 + 15n");
//! - the opposite of the sentence's word (one side is enough), even when the
//!   sentence uses the question's word elsewhere, which rule `opposite-word`
//!   leaves alone;
//! - a word of the knowledge that the sentence never uses, no verb and not
//!   one the vectors relate to the sentence's, between two of the
//!   sentence's own words ("defined by using the theorem of reduction"
//!   against "defined using the concept of a reduction"; an intent is a
//!   paraphrase of the sentence, and the sentence's end is no side here:
//!   "about the German helmets?" against "a German newspaper.").
//!
//! A word the knowledge never uses, next to a word of the question where
//! some sentence writes the word's opposite ("computational simplicity
//! theory" against "computational complexity theory"), names a thing the
//! article does not, whichever fact matches best.
//!
//! It compares terms in order, so it applies to any article. A yes/no
//! question is left alone: "is Leon a teacher?" is answered by the sentence
//! saying he is a nurse.

use super::Rule;
use crate::engine::Engine;
use crate::engine::analyze::{Analyzer, Shared, TermId, Token};
use crate::engine::index::{Index, Target};
use crate::engine::score::Ranked;
use crate::language::language;
use crate::text::is_question_word;
use rustc_hash::FxHashSet;

const VERBS: &str = include_str!("../../../assets/lang/verbs-wordnet.txt");

/// Every two neighbouring terms (in order) of the documents' sequences of
/// which one is an opposite of some word (the contradiction rules'
/// antonyms): what [`Asked::names_opposite`] looks for, read once here
/// rather than from every document using the opposite at each question.
pub fn opposite_pairs(index: &Index, analyzer: &Analyzer) -> FxHashSet<(TermId, TermId)> {
    let opposites: FxHashSet<TermId> = super::contradiction::antonyms()
        .values()
        .flatten()
        .filter_map(|o| analyzer.term_of_stem(o))
        .collect();
    // Documents with the same sequences share their places
    // ([`Doc::places`]): their sequences are read once.
    let mut read = vec![false; index.places.len()];
    let mut pairs = FxHashSet::default();
    for doc in &index.docs {
        if let Some(done) = read.get_mut(doc.places as usize) {
            if *done {
                continue;
            }
            *done = true;
        }
        for pair in doc.sequences.iter().flat_map(|s| s.windows(2)) {
            if opposites.contains(&pair[0]) || opposites.contains(&pair[1]) {
                pairs.insert((pair[0], pair[1]));
            }
        }
    }
    pairs
}

/// True when a word is a form of an English verb ("utilized", "seeks",
/// "sent"): the base forms are WordNet's, the endings regular ones, and
/// irregular forms those of the shipped irregular verbs.
pub(super) fn is_verb_form(word: &str) -> bool {
    let known = |base: &[u8]| is_listed_verb(base);
    if known(word.as_bytes()) || language().irregular_base(word).is_some() {
        return true;
    }
    // Each base form the endings may have cut, tried as it is made (in one
    // buffer: no copy of the word for each ending).
    let mut base: Vec<u8> = Vec::with_capacity(word.len() + 1);
    for (ending, put) in [
        ("s", ""),
        ("es", ""),
        ("ies", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("ied", "y"),
        ("ing", ""),
        ("ing", "e"),
    ] {
        if let Some(stem) = word.strip_suffix(ending)
            && stem.len() >= 2
        {
            base.clear();
            base.extend_from_slice(stem.as_bytes());
            base.extend_from_slice(put.as_bytes());
            if known(&base) {
                return true;
            }
            // A doubled last consonant: "stopped", "planning".
            let b = stem.as_bytes();
            if put.is_empty()
                && ending != "s"
                && b.len() >= 3
                && b[b.len() - 1] == b[b.len() - 2]
                && known(&b[..b.len() - 1])
            {
                return true;
            }
        }
    }
    false
}

/// True when `word` is a line of [`VERBS`], found by halves in the text
/// itself: its lines after the opening comments are sorted (a test keeps
/// them so), so nothing is built. Splitting the file into a set or a list
/// on the first question that needed it cost 1.2 to 2.3 M instructions, far
/// more than the few look-ups a run of questions makes.
fn is_listed_verb(word: &[u8]) -> bool {
    let text = VERBS.as_bytes();
    // The search runs over whole lines: `lo` is a line's start, `hi` the
    // end of the last line still in range.
    let (mut lo, mut hi) = (VERBS_START.min(text.len()), text.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = text[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |at| lo + at + 1);
        let end = text[start..hi]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(hi, |at| start + at);
        match text[start..end].trim_ascii().cmp(word) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = (end + 1).min(hi),
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

/// Where [`VERBS`]' first line after its opening comments starts, found
/// when the program is compiled.
const VERBS_START: usize = {
    let text = VERBS.as_bytes();
    let mut at = 0;
    while at < text.len() && text[at] == b'#' {
        while at < text.len() && text[at] != b'\n' {
            at += 1;
        }
        at += 1;
    }
    at
};

/// The knowledge's terms as the rule reads them, once when the engine is
/// built: a question's known word then costs no look-up of its stem's
/// opposites, and a sentence's term no scan of its text for a digit.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    /// For each term, by number, the terms of its opposites.
    opposites: Vec<Box<[TermId]>>,
    /// For each term, by number, whether it holds a digit.
    digits: Vec<bool>,
}

impl Terms {
    /// Reads every term of the analyzer's vocabulary.
    pub fn new(analyzer: &Analyzer) -> Terms {
        let antonyms = super::contradiction::antonyms();
        let texts = (0..analyzer.vocabulary_len()).map(|t| analyzer.term_text(t as TermId));
        let mut terms = Terms::default();
        for text in texts {
            let text = text.unwrap_or_default();
            terms.opposites.push(
                antonyms
                    .get(text)
                    .into_iter()
                    .flatten()
                    .filter_map(|o| analyzer.term_of_stem(o))
                    .collect(),
            );
            terms.digits.push(text.chars().any(|c| c.is_ascii_digit()));
        }
        terms
    }

    /// The terms of a term's opposites.
    fn opposites(&self, term: TermId) -> &[TermId] {
        self.opposites.get(term as usize).map_or(&[], |o| o)
    }

    /// True when a term holds a digit.
    fn has_digit(&self, term: TermId) -> bool {
        self.digits.get(term as usize).copied().unwrap_or(false)
    }
}

/// One content word of the question as the rule reads it.
#[derive(Debug, Clone, PartialEq)]
enum Word<'t> {
    /// A word of the knowledge, with the terms of its opposites and the
    /// word as the question writes it.
    Known(TermId, &'t [TermId], Shared),
    /// A word the knowledge never uses: whether it holds a digit, and the
    /// word (for a near word, one letter from the sentence's), shared
    /// with its token rather than copied. One that is a verb is a
    /// paraphrase, not a substitute: [`is_verb_form`], the dearest test,
    /// is asked only where the word would stand in a sentence word's place.
    Unknown(bool, Shared),
}

/// The question's content words in order, read once for all its facts.
#[derive(Debug, Clone, Default)]
pub struct Asked<'t> {
    words: Vec<Word<'t>>,
    /// Whether each word and the next are neighbours: near, with no
    /// question word between ("abstraction, what choice" are not).
    joined: Vec<bool>,
    /// Its known terms, sorted: a sentence word among them is no substitute.
    terms: Vec<TermId>,
    /// For each word the knowledge never uses that has opposites it uses:
    /// the word's place and those opposites' terms ("simplicity":
    /// complexity), for [`Asked::names_opposite`].
    unknown_opposites: Vec<(usize, Vec<TermId>)>,
}

impl<'t> Asked<'t> {
    /// Reads the question's analysed content words; `all_words` are all its
    /// words, which the tokens' places index; `span` (the tunable
    /// `substitution_span`) is the most words from one content word to the
    /// next for them to be neighbours ("supply of random": 2); `terms`
    /// are the knowledge's terms as [`Terms`] read them.
    pub fn read(
        tokens: &[Token],
        all_words: &[&str],
        analyzer: &Analyzer,
        terms: &'t Terms,
        span: usize,
    ) -> Asked<'t> {
        let opposites = |stem: &str| {
            super::contradiction::antonyms()
                .get(stem)
                .into_iter()
                .flatten()
        };
        // The word right after "how" says what is asked ("how far", "how
        // long", "how old"): it is the question's, in no sentence word's place.
        let tokens: Vec<&Token> = tokens
            .iter()
            .filter(|t| t.at == 0 || all_words.get(t.at - 1).is_none_or(|&w| w != "how"))
            .collect();
        let words: Vec<Word> = tokens
            .iter()
            .map(|t| match t.term {
                Some(term) => Word::Known(term, terms.opposites(term), t.word.clone()),
                None => Word::Unknown(t.word.chars().any(|c| c.is_ascii_digit()), t.word.clone()),
            })
            .collect();
        let joined = tokens
            .windows(2)
            .map(|pair| {
                let (a, b) = (pair[0].at, pair[1].at);
                b > a
                    && b - a <= span
                    && !all_words
                        .get(a + 1..b)
                        .is_some_and(|between| between.iter().any(|w| is_question_word(w)))
            })
            .collect();
        let mut known: Vec<TermId> = tokens.iter().filter_map(|t| t.term).collect();
        known.sort_unstable();
        known.dedup();
        let unknown_opposites = tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.term.is_none())
            .filter_map(|(i, t)| {
                let known: Vec<TermId> = opposites(&t.stem)
                    .filter_map(|o| analyzer.term_of_stem(o))
                    .collect();
                (!known.is_empty()).then_some((i, known))
            })
            .collect();
        Asked {
            words,
            joined,
            terms: known,
            unknown_opposites,
        }
    }

    /// True when the question puts a word the knowledge never uses next to
    /// one of its words, where the knowledge writes the opposite of that
    /// word ("computational simplicity theory" against "computational
    /// complexity theory"): the question names a thing the article does
    /// not, whichever sentence it matches best. Only the documents using an
    /// opposite are read (`index`'s postings).
    pub fn names_opposite(&self, index: &Index) -> bool {
        let known = |i: usize| match self.words.get(i) {
            Some(Word::Known(term, ..)) => Some(*term),
            _ => None,
        };
        let joined = |i: usize| self.joined.get(i).copied().unwrap_or(false);
        self.unknown_opposites.iter().any(|(i, opposites)| {
            let left = i.checked_sub(1).filter(|&l| joined(l)).and_then(known);
            let right = known(i + 1).filter(|_| joined(*i));
            if left.is_none() && right.is_none() {
                return false;
            }
            opposites.iter().any(|&o| {
                let pairs = &index.opposite_pairs;
                left.is_some_and(|l| pairs.contains(&(l, o)))
                    || right.is_some_and(|r| pairs.contains(&(o, r)))
            })
        })
    }

    /// True when some word of the question stands in the place of a word of
    /// one of `sequences` (a fact's intents and keywords, then its
    /// sentence, last, each as its terms in order). `bag`: every term of the sequences, sorted (a neighbour
    /// the fact lacks stands next to none of its words, so it is dropped
    /// before the sequences are scanned). `has_digit` says whether a term
    /// holds a number; `ends_gap` whether a term of the sentence ends a gap
    /// there ("the first stoppage since 2009", which no "last" opposes).
    pub fn substitutes<S: AsRef<[TermId]>>(
        &self,
        sequences: &[S],
        bag: &[TermId],
        has_digit: impl Fn(TermId) -> bool,
        near: impl Fn(&str, TermId) -> bool,
        related: impl Fn(&str, TermId) -> bool,
        ends_gap: impl Fn(TermId) -> bool,
    ) -> bool {
        let known = |i: Option<usize>| match i.and_then(|i| self.words.get(i)) {
            Some(Word::Known(term, ..)) if bag.binary_search(term).is_ok() => Some(*term),
            _ => None,
        };
        let joined = |i: usize| self.joined.get(i).copied().unwrap_or(false);
        // Whether `x` stands at `j` of `seq` between `left` and `right`.
        // The question's last word after its left neighbour in place
        // stands on its right as the sequence's last word does: both end
        // there ("an extra supply of random ribbons?" against "... of
        // random bits.").
        let at = |seq: &[TermId], j: usize, left: Option<TermId>, right: Option<TermId>, ends| {
            let l = left.is_some() && j > 0 && seq.get(j - 1).copied() == left;
            let r = right.is_some() && seq.get(j + 1).copied() == right
                || ends && l && j + 1 == seq.len();
            (l, r)
        };
        let last = self.words.len().saturating_sub(1);
        self.words.iter().enumerate().any(|(i, word)| {
            let left = i
                .checked_sub(1)
                .filter(|&l| joined(l))
                .and_then(|l| known(Some(l)));
            let right = known(Some(i + 1)).filter(|_| joined(i));
            if left.is_none() && right.is_none() {
                return false;
            }
            let ends = i == last;
            // The question's own word in the same place: its phrase is the
            // fact's, whatever else the fact says.
            // Only the sentence's own sequence, the last, ends where the
            // sentence does: an intent or a keyword is a part of it.
            let sentence = sequences.len().saturating_sub(1);
            if let Word::Known(term, ..) = word
                && sequences.iter().any(|seq| {
                    let seq = seq.as_ref();
                    any_beside(seq, left, right, |j| seq[j] == *term)
                })
            {
                return false;
            }
            sequences.iter().enumerate().any(|(k, seq)| {
                let seq = seq.as_ref();
                let own = k == sentence;
                let ends = ends && own;
                // Every case needs a neighbour in place (the question's end
                // needs its left one too): only those places are read, then
                // whether the question has the word.
                any_beside(seq, left, right, |j| {
                    let x = seq[j];
                    let (l, r) = at(seq, j, left, right, ends);
                    if self.terms.binary_search(&x).is_ok() {
                        return false;
                    }
                    let by_end = right.is_none_or(|rt| seq.get(j + 1) != Some(&rt));
                    match word {
                        Word::Unknown(false, w) => {
                            // Placed by the ends alone, a word the vectors
                            // relate to the sentence's is its paraphrase
                            // ("a german daily" for "a German newspaper.").
                            (l && r && !(by_end && related(w, x)) || (l || r) && near(w, x))
                                && !is_verb_form(w)
                        }
                        Word::Unknown(true, w) => (l || r) && has_digit(x) && !is_verb_form(w),
                        // A word the knowledge uses elsewhere, with both
                        // sides in place, names another thing there as an
                        // unknown word does ("to measure space complexity"
                        // against "measuring the time complexity") in the
                        // sentence's own words, when the sentence never
                        // uses it and its right neighbour is a word, not
                        // the end ("about the German helmets?" against "a
                        // German newspaper." asks the words' subject); an
                        // intent is a paraphrase of the sentence, as is a
                        // verb or a word the vectors relate.
                        Word::Known(term, opposites, w) => {
                            (l || r) && opposites.contains(&x) && !ends_gap(x)
                                || own
                                    && l
                                    && r
                                    && !by_end
                                    && !seq.contains(term)
                                    && !is_verb_form(w)
                                    && !related(w, x)
                        }
                    }
                })
            })
        })
    }
}

/// True when `test` holds at some place of `seq` with a neighbour in
/// place: right after `left` or right before `right` (a place beside both
/// is tested twice). The same places as testing each one's neighbours,
/// found with two comparisons a word.
fn any_beside(
    seq: &[TermId],
    left: Option<TermId>,
    right: Option<TermId>,
    mut test: impl FnMut(usize) -> bool,
) -> bool {
    for (k, &x) in seq.iter().enumerate() {
        if left == Some(x) && k + 1 < seq.len() && test(k + 1) {
            return true;
        }
        if right == Some(x) && k > 0 && test(k - 1) {
            return true;
        }
    }
    false
}

/// The document of `target`, found by halves: the documents of uncited
/// sentences follow the facts', in sentence order (a scan of every
/// document cost most of this rule's time, and grows with the knowledge).
/// A scan is the fallback should that order not hold.
fn sentence_doc(index: &Index, target: Target) -> Option<&crate::engine::index::Doc> {
    let sentences = index
        .docs
        .partition_point(|d| matches!(d.target, Target::Fact(_)));
    let found = match target {
        Target::Sentence(s) => index.docs[sentences..]
            .binary_search_by_key(&s, |d| d.sentence)
            .ok()
            .map(|k| &index.docs[sentences + k])
            .filter(|d| d.target == target),
        Target::Fact(_) => None,
    };
    found.or_else(|| index.docs.iter().find(|d| d.target == target))
}

/// True when the fact's sentence or one of its intents has a word that the
/// question replaced.
fn replaced(asked: &Asked, engine: &Engine, r: &Ranked) -> bool {
    let (index, analyzer, terms) = (&engine.index, &engine.analyzer, &engine.terms);
    // Facts come first in the index, each at its own number.
    let at = match r.target {
        Target::Fact(i) => index.docs.get(i).filter(|d| d.target == r.target),
        Target::Sentence(_) => None,
    };
    let Some(doc) = at.or_else(|| sentence_doc(index, r.target)) else {
        return false;
    };
    let has_digit = |t: TermId| terms.has_digit(t);
    // An edit distance is at least the difference in length: most terms
    // are told apart without comparing their letters.
    let letters = |s: &str| s.chars().count();
    let near = |w: &str, t: TermId| {
        analyzer.term_text(t).is_some_and(|s| {
            s.len() >= 2
                && letters(s).abs_diff(letters(w)) <= 1
                && crate::engine::typo::one_edit_apart(w, s)
        })
    };
    // A word the vectors take for the term (credit above
    // `substitute_related`).
    let related = |w: &str, t: TermId| {
        engine.semantic.as_ref().is_some_and(|s| {
            s.word_vector(w)
                .is_some_and(|v| s.credit(&v, t) > engine.tunables.substitute_related)
        })
    };
    // Read only when an opposite is found in place, which few facts have.
    let gap = std::cell::OnceCell::new();
    let ends_gap = |t: TermId| {
        gap.get_or_init(|| {
            let text = engine
                .knowledge
                .article
                .sentences
                .get(doc.sentence)
                .map_or("", |s| s.text.as_str());
            super::contradiction::ends_a_gap(text)
                .iter()
                .filter_map(|w| analyzer.term_of_stem(&analyzer.stem_of(w)))
                .collect::<Vec<TermId>>()
        })
        .contains(&t)
    };
    asked.substitutes(&doc.sequences, &doc.bag, has_digit, near, related, ends_gap)
}

/// Cuts every ranked fact's score when the question replaced a word of the
/// best fact's: the others match the question less, and do not answer it
/// either. Only the best is judged: cutting a lesser fact would only widen
/// the best's lead, which its own words do not earn (measured: one more
/// unanswerable question answered on the squad tuning half).
/// `yes_no`: the question asks for a yes or a no. The question is read
/// (`read`: [`Asked::read`]) only when the rule may apply: not for a yes/no
/// question, nor when the best fact is cut already.
pub fn apply<'t>(
    read: impl FnOnce() -> Asked<'t>,
    engine: &Engine,
    yes_no: bool,
    ranked: &mut [Ranked],
) {
    let share = engine.tunables.substituted_word;
    if yes_no {
        return;
    }
    let Some(best) = ranked.first() else {
        return;
    };
    // A fact the contradiction rules already cut needs no second cut.
    let contradicted = |r: &Ranked| {
        [
            Rule::Denied,
            Rule::OppositeWord,
            Rule::OtherNumber,
            Rule::AffirmsDenied,
            Rule::DeniesUnsaid,
        ]
        .iter()
        .any(|&rule| r.fired.has(rule))
    };
    if contradicted(best) {
        return;
    }
    let asked = read();
    if asked.words.is_empty()
        || !(replaced(&asked, engine, best) || asked.names_opposite(&engine.index))
    {
        return;
    }
    for r in ranked.iter_mut() {
        r.score *= share;
        r.fired.add(Rule::SubstitutedWord);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Engine, Reply};

    /// The places the rule reads in a sequence are exactly those with a
    /// neighbour in place, over every sequence of up to five words of three
    /// terms and every pair of neighbours (either absent).
    #[test]
    fn the_places_read_are_those_beside_a_neighbour_in_place() {
        let mut sequences: Vec<Vec<TermId>> = vec![Vec::new()];
        for len in 1..=5u32 {
            for n in 0..3u32.pow(len) {
                sequences.push((0..len).map(|i| n / 3u32.pow(i) % 3).collect());
            }
        }
        let sides = [None, Some(0), Some(1), Some(2)];
        for seq in &sequences {
            for left in sides {
                for right in sides {
                    let mut found = Vec::new();
                    any_beside(seq, left, right, |j| {
                        found.push(j);
                        false
                    });
                    found.sort_unstable();
                    found.dedup();
                    let in_place = |j: usize| {
                        (left.is_some() && j > 0 && seq.get(j - 1).copied() == left)
                            || (right.is_some() && seq.get(j + 1).copied() == right)
                    };
                    let expected: Vec<usize> = (0..seq.len()).filter(|&j| in_place(j)).collect();
                    assert_eq!(found, expected, "{seq:?} {left:?} {right:?}");
                }
            }
        }
    }

    const ARTICLE: &str = "Zorblat notes\n\n\
        A zorblat engine runs on an extra supply of random bits.\n\n\
        The best case occurs when the pump divides the tank in half, also needing two hours.\n\n\
        The cost rose to 7n2 crowns, and some concrete choice of metal keeps the engine abstract enough.\n\n\
        The valve accepts the input signal, or else it rejects the input.\n\n\
        Every answer of the gauge is either yes or no.\n";

    fn engine() -> Engine {
        let facts = [
            (
                "bits",
                "what does a zorblat engine run on",
                "A zorblat engine runs on an extra supply of random bits.",
            ),
            (
                "best-case",
                "when does the best case occur",
                "The best case occurs when the pump divides the tank in half, also needing two hours.",
            ),
            (
                "cost",
                "what did the cost rise to",
                "The cost rose to 7n2 crowns, and some concrete choice of metal keeps the engine abstract enough.",
            ),
            (
                "gauge",
                "what does the gauge answer",
                "Every answer of the gauge is either yes or no.",
            ),
            (
                "valve",
                "what does the valve do",
                "The valve accepts the input signal, or else it rejects the input.",
            ),
        ];
        Engine::new(crate::fixtures::one_topic(ARTICLE, &facts))
    }

    #[test]
    fn every_documents_bag_holds_the_terms_of_its_sequences() {
        // What lets `substitutes` drop a neighbour the bag lacks before
        // scanning the sequences.
        let e = engine();
        for doc in &e.index.docs {
            for seq in doc.sequences.iter() {
                let seq: &[TermId] = seq.as_ref();
                for t in seq {
                    assert!(doc.bag.binary_search(t).is_ok(), "{:?}", doc.target);
                }
            }
        }
    }

    fn answered(engine: &Engine, question: &str) -> bool {
        matches!(engine.answer(question), Reply::Answered(_))
    }

    fn substituted(engine: &Engine, question: &str) -> bool {
        let explained = engine.explain(question, 5);
        explained
            .facts
            .first()
            .is_some_and(|f| f.effects.iter().any(|e| e.rule == Rule::SubstitutedWord))
    }

    #[test]
    fn a_word_the_knowledge_never_uses_between_the_sentences_words_is_another_thing() {
        let e = engine();
        assert!(answered(&e, "what runs on an extra supply of random bits?"));
        assert!(substituted(
            &e,
            "what divides the tank in thirds, also needing two hours?"
        ));
        assert!(!answered(
            &e,
            "what divides the tank in thirds, also needing two hours?"
        ));
        // A near word, one letter from the sentence's, needs one side only.
        assert!(answered(
            &e,
            "what is every answer of the gauge, yes or no?"
        ));
        assert!(substituted(
            &e,
            "what is every answer of the gauge, either yer or no?"
        ));
        // One side alone is how a paraphrase looks.
        assert!(!substituted(
            &e,
            "when does the pump divide the tank in thirds?"
        ));
        assert!(!substituted(
            &e,
            "when does the pump divide the tank in half?"
        ));
    }

    #[test]
    fn the_question_ending_where_its_sentence_ends_is_a_second_side() {
        let e = engine();
        // "random ribbons?" against "random bits.": the left word in place,
        // and both end there.
        assert!(substituted(
            &e,
            "what runs on an extra supply of random ribbons?"
        ));
        assert!(!answered(
            &e,
            "what runs on an extra supply of random ribbons?"
        ));
        // The sentence goes on after the word ("in half, also needing two
        // hours"): one side only.
        assert!(!substituted(
            &e,
            "when does the pump divide the tank in thirds?"
        ));
    }

    #[test]
    fn the_pairs_beside_an_opposite_are_those_the_sequences_write() {
        let e = engine();
        let analyzer = &e.analyzer;
        let term = |word: &str| analyzer.term_of_stem(&crate::text::stem(word));
        // "best case" is written, and "best" is the opposite of "worst".
        let written = term("best").zip(term("case"));
        assert!(written.is_some_and(|pair| e.index.opposite_pairs.contains(&pair)));
        let reversed = term("case").zip(term("best"));
        assert!(!reversed.is_some_and(|pair| e.index.opposite_pairs.contains(&pair)));
        // No pair is kept that no sequence writes side by side.
        for &(a, b) in &e.index.opposite_pairs {
            let side_by_side = e.index.docs.iter().any(|d| {
                d.sequences
                    .iter()
                    .any(|s| s.windows(2).any(|w| w == [a, b]))
            });
            assert!(side_by_side, "{a} {b}");
        }
    }

    #[test]
    fn each_terms_opposites_and_digits_are_read_once_at_build() {
        let e = engine();
        let analyzer = &e.analyzer;
        let term = |word: &str| {
            analyzer
                .term_of_stem(&crate::text::stem(word))
                .unwrap_or_else(|| panic!("{word} is no term"))
        };
        // "concrete" and "abstract" are opposites the knowledge both writes.
        assert!(
            e.terms
                .opposites(term("concrete"))
                .contains(&term("abstract"))
        );
        assert!(
            e.terms
                .opposites(term("abstract"))
                .contains(&term("concrete"))
        );
        assert!(e.terms.has_digit(term("7n2")) && !e.terms.has_digit(term("bits")));
        // The same as reading each term's stem in the antonyms per question.
        let antonyms = super::super::contradiction::antonyms();
        for t in 0..analyzer.vocabulary_len() as TermId {
            let text = analyzer.term_text(t).unwrap_or_default();
            let read: Vec<TermId> = antonyms
                .get(text)
                .into_iter()
                .flatten()
                .filter_map(|o| analyzer.term_of_stem(o))
                .collect();
            assert_eq!(e.terms.opposites(t), &read[..], "{text}");
        }
    }

    #[test]
    fn a_verb_in_the_sentences_place_is_a_paraphrase() {
        let e = engine();
        assert!(!substituted(
            &e,
            "what does the pump split the tank in, also needing two hours?"
        ));
        assert!(is_verb_form("utilized") && is_verb_form("seeks") && is_verb_form("sent"));
        assert!(is_verb_form("stopped") && is_verb_form("carries"));
        assert!(!is_verb_form("ribbons") && !is_verb_form("thirds") && !is_verb_form("indefinite"));
    }

    #[test]
    fn verbs_are_found_by_halves_in_the_text_as_a_set_finds_them() {
        let lines: Vec<&str> = VERBS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        assert!(
            lines.windows(2).all(|p| p[0] < p[1]),
            "verbs-wordnet.txt is kept sorted, each verb once"
        );
        let set: rustc_hash::FxHashSet<&str> = lines.iter().copied().collect();
        for verb in &lines {
            assert!(is_listed_verb(verb.as_bytes()), "{verb}");
        }
        // Words near the list's, in and out of it; the opening comments
        // are no verbs.
        let made_up = [
            "a", "aa", "zzzz", "zzzzz", "use", "used", "utilize", "utiliz", "stop", "stopp", "",
            "#", "english",
        ];
        for word in made_up {
            assert_eq!(
                is_listed_verb(word.as_bytes()),
                set.contains(word),
                "{word:?}"
            );
        }
        let first = VERBS.lines().next().unwrap_or_default();
        assert!(first.starts_with('#') && !is_listed_verb(first.as_bytes()));
        // A doubled last byte that is no whole character ("\u{2082}" is
        // three bytes, its last two alike) is looked up, not cut.
        assert!(!is_verb_form("ab\u{2082}ed"));
    }

    #[test]
    fn wordnets_lists_are_read() {
        for line in VERBS.lines().filter(|l| !l.starts_with('#')) {
            assert!(
                !line.is_empty() && line.chars().all(|c| c.is_ascii_lowercase()),
                "verbs-wordnet.txt: {line:?}"
            );
        }
        // A pair only WordNet's list has.
        let opposites = super::super::contradiction::antonyms();
        assert!(
            opposites
                .get("borrow")
                .is_some_and(|o| o.iter().any(|w| w == "lend"))
        );
    }

    #[test]
    fn a_number_in_place_of_the_sentences_number_is_another_number() {
        let e = engine();
        assert!(substituted(&e, "why did the cost rise to 8n2 crowns?"));
        assert!(!substituted(&e, "why did the cost rise to 7n2 crowns?"));
        // A yes/no question is answered by the sentence's own number.
        assert!(!substituted(&e, "did the cost rise to 8n2 crowns?"));
    }

    #[test]
    fn an_opposite_in_the_sentences_place_is_another_thing_even_if_used_elsewhere() {
        let e = engine();
        // Rule `opposite-word` reads an opposite modifier of the same word
        // ("abstract choice" against "concrete choice") first, so this rule
        // need not cut it again.
        let explained = e.explain("what abstract choice of metal keeps the engine?", 5);
        assert!(
            explained.facts.first().is_some_and(|f| f
                .effects
                .iter()
                .any(|e| matches!(e.rule, Rule::SubstitutedWord | Rule::OppositeWord))),
            "{explained}"
        );
        assert!(!answered(
            &e,
            "what abstract choice of metal keeps the engine?"
        ));
        assert!(!substituted(
            &e,
            "what concrete choice of metal keeps the engine?"
        ));
        // Words apart in the question are no neighbours.
        assert!(!substituted(
            &e,
            "in the abstract, what choice of metal keeps the engine?"
        ));
        // The question's own phrase in the sentence: it asks about that,
        // though the sentence's opposite stands in a like place.
        assert!(!substituted(&e, "what accepts the input signal?"));
        assert!(answered(&e, "what accepts the input signal?"));
    }

    #[test]
    fn the_first_since_a_time_is_no_opposite_of_the_last() {
        let gap = "It is the first city-wide transport stoppage in Zorbton since 2009.";
        let knowledge = |sentence: &str| {
            let article = format!(
                "Zorbton stoppage\n\n{sentence}\n\nA stoppage is the last thing riders need.\n"
            );
            Engine::new(crate::fixtures::one_topic(
                &article,
                &[
                    (
                        "stoppage",
                        "when first city wide transport stoppage zorbton",
                        sentence,
                    ),
                    (
                        "riders",
                        "what is the last thing riders need",
                        "A stoppage is the last thing riders need.",
                    ),
                ],
            ))
        };
        let asked = "When was the last city-wide transport stoppage in Zorbton?";
        // The stoppage before was in 2009.
        let e = knowledge(gap);
        assert!(!substituted(&e, asked), "{}", e.explain(asked, 5));
        assert!(answered(&e, asked), "{}", e.explain(asked, 5));
        // A first one, with no gap before it, has no last one.
        let e = knowledge("It is the first city-wide transport stoppage in Zorbton.");
        assert!(!answered(&e, asked), "{}", e.explain(asked, 5));
    }

    #[test]
    fn a_word_of_another_sentence_between_the_sentences_words_is_another_thing() {
        let article = "Mill notes\n\n\
            The mill grinds valley wheat every autumn.\n\n\
            The lake freezes in winter.\n";
        let e = Engine::new(crate::fixtures::one_topic(
            article,
            &[
                (
                    "wheat",
                    "what does the mill grind",
                    "The mill grinds valley wheat every autumn.",
                ),
                (
                    "lake",
                    "when does the lake freeze",
                    "The lake freezes in winter.",
                ),
            ],
        ));
        // "lake" is the knowledge's word, but not this sentence's: in the
        // place of "valley", both sides in place, it asks about other wheat.
        assert!(substituted(&e, "what grinds lake wheat every autumn?"));
        assert!(!answered(&e, "what grinds lake wheat every autumn?"));
        assert!(answered(&e, "what grinds valley wheat every autumn?"));
        // A word the sentence itself uses, moved, is the same thing.
        assert!(!substituted(&e, "what grinds autumn wheat in the valley?"));
    }

    #[test]
    fn a_word_the_knowledge_never_uses_beside_where_it_writes_the_opposite_names_nothing() {
        let article = "Zorblat notes\n\n\
            Complex gears drive the zorblat engine.\n\n\
            The gears of the mill turn at night.\n";
        let e = Engine::new(crate::fixtures::one_topic(
            article,
            &[
                (
                    "engine",
                    "what do complex gears drive",
                    "Complex gears drive the zorblat engine.",
                ),
                (
                    "mill",
                    "when do the gears of the mill turn",
                    "The gears of the mill turn at night.",
                ),
            ],
        ));
        // "simple" is no word of the knowledge; the article writes
        // "complex gears", its opposite beside the same word, in another
        // sentence than the one the question matches best.
        assert!(substituted(
            &e,
            "when do the simple gears of the mill turn?"
        ));
        assert!(!answered(&e, "when do the simple gears of the mill turn?"));
        assert!(answered(&e, "when do the gears of the mill turn?"));
        // An unknown word with no opposite in the knowledge is a paraphrase.
        assert!(!substituted(&e, "when do the old gears of the mill turn?"));
    }
}
