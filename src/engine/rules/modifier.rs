//! Part of rule `opposite-word`: the question puts the opposite of the
//! word that stands before one of the sentence's words ("the least
//! difficult problems" against "the most difficult problems", "before the
//! war" against "after the war"). Rule `opposite-word` compares content
//! words anywhere in the sentence; a degree word such as "most" or "more"
//! is a stop word, which it never sees, so it is read here in its place:
//! the word it modifies.
//!
//! Opposites are those of `assets/lang/antonyms.txt` (and WordNet's), as
//! stems; the word modified is the next word, a content word.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::text::{is_question_word, is_stopword};

/// Most stop words between a modifier and the word it modifies ("before
/// the war"); a question word between ends the phrase ("abstraction, what
/// choice").
const BETWEEN: usize = 1;

/// The pairs of a text that rule `opposite-word` compares here: a word
/// that has an opposite, as its stem, and the stem of the first content
/// word after it ("most difficult": most, difficult). `stem_at` gives
/// the stem of the word at a place (the analyzer's, which knows the
/// knowledge's words already, or one the caller read already); `None` for
/// a stop word the caller knows has no opposite (a content word always
/// has its stem). The stems are `stem_at`'s, not copied: a question's
/// pairs are read once and dropped.
pub fn pairs<'s>(
    words: &[impl AsRef<str>],
    stem_at: impl Fn(usize) -> Option<Cow<'s, str>>,
) -> Vec<(Cow<'s, str>, Cow<'s, str>)> {
    let opposites = super::contradiction::antonyms();
    pairs_read(&Words {
        len: words.len(),
        modifier_at: |i: usize| stem_at(i).filter(|m| opposites.contains_key(&**m)),
        stem_at: &stem_at,
        stop_at: |i: usize| is_stopword(words[i].as_ref()),
        question_word_at: |i: usize| is_question_word(words[i].as_ref()),
    })
}

/// A text's words as [`pairs_read`] reads them, each by its place: what a
/// caller that has read the words already (their stems, whether they
/// have opposites, their classes) knows without looking them up again.
pub struct Words<M, S, P, Q> {
    /// How many words.
    pub len: usize,
    /// The stem of the word at a place when it has opposites (the
    /// antonyms' key), else `None`.
    pub modifier_at: M,
    /// The stem of the word at a place (as [`pairs`]' `stem_at`).
    pub stem_at: S,
    /// Whether the word at a place is a stop word.
    pub stop_at: P,
    /// Whether the word at a place is a question word.
    pub question_word_at: Q,
}

/// [`pairs`] of words the caller has read already ([`Words`]).
pub fn pairs_read<'s, M, S, P, Q>(words: &Words<M, S, P, Q>) -> Vec<(Cow<'s, str>, Cow<'s, str>)>
where
    M: Fn(usize) -> Option<Cow<'s, str>>,
    S: Fn(usize) -> Option<Cow<'s, str>>,
    P: Fn(usize) -> bool,
    Q: Fn(usize) -> bool,
{
    (0..words.len)
        .filter_map(|i| {
            let modifier = (words.modifier_at)(i)?;
            let at = modified_place(words, i)?;
            Some((modifier, (words.stem_at)(at)?))
        })
        .collect()
}

/// The place of the word a modifier at `i` modifies: the first word after
/// it that is not a stop word, at most [`BETWEEN`] words on and before any
/// question word.
fn modified_place<M, S, P, Q>(words: &Words<M, S, P, Q>, i: usize) -> Option<usize>
where
    P: Fn(usize) -> bool,
    Q: Fn(usize) -> bool,
{
    (i + 1..words.len)
        .take(BETWEEN + 1)
        .take_while(|&j| !(words.question_word_at)(j))
        .find(|&j| !(words.stop_at)(j))
}

/// The pairs of [`pairs_read`] whose word `numbered` gives a number (the
/// number [`Numbering`] gives its stem: `None` when no sentence's pair
/// modifies it), each as its modifier and that number, in the same order:
/// no stem of a pair's word is copied or hashed to be dropped later.
pub fn numbered_pairs<'s, M, S, P, Q>(
    words: &Words<M, S, P, Q>,
    numbered: impl Fn(usize) -> Option<u32>,
) -> Vec<(Cow<'s, str>, u32)>
where
    M: Fn(usize) -> Option<Cow<'s, str>>,
    P: Fn(usize) -> bool,
    Q: Fn(usize) -> bool,
{
    (0..words.len)
        .filter_map(|i| {
            // Most words have no opposite: that is read first, as
            // [`pairs_read`] does (a word's classes may cost look-ups).
            let modifier = (words.modifier_at)(i)?;
            let at = modified_place(words, i)?;
            Some((modifier, numbered(at)?))
        })
        .collect()
}

/// The stems of the sentences' [`pairs`], numbered once when the engine
/// is built, so that [`opposed`] compares numbers: it ran on each of the
/// best candidates whose sentence has a pair, comparing strings and
/// hashing the question's modifier into the antonyms each time.
#[derive(Debug, Clone, Default)]
pub struct Numbering(FxHashMap<String, u32>);

/// A pair of the question as [`opposed`] compares it: its stems' numbers
/// in a [`Numbering`] (none for a stem no sentence's pair has), and the
/// numbers of the modifier's opposites there.
#[derive(Debug, Clone, PartialEq)]
pub struct Asked {
    /// The modifier's number.
    pub modifier: Option<u32>,
    /// The number of the word it modifies.
    pub word: Option<u32>,
    /// The numbers of the modifier's opposites that some sentence's pair
    /// uses as its modifier (or its word); none looked up when `word` is
    /// `None`.
    pub opposites: Vec<u32>,
}

impl Numbering {
    /// Numbers a pair of a sentence.
    pub fn number(&mut self, (modifier, word): (&str, &str)) -> (u32, u32) {
        (self.intern(modifier), self.intern(word))
    }

    fn intern(&mut self, stem: &str) -> u32 {
        if let Some(&n) = self.0.get(stem) {
            return n;
        }
        let n = self.0.len() as u32;
        self.0.insert(stem.to_string(), n);
        n
    }

    /// Reads a pair of the question, once for all its candidates.
    pub fn asked(&self, (modifier, word): (&str, &str)) -> Asked {
        let word = self.0.get(word).copied();
        // A pair whose word no sentence's pair modifies opposes none, and
        // [`opposed`] reads nothing else of it: most questions' pairs are
        // such, and their modifiers' opposites are not looked up.
        let opposites = match word {
            Some(_) => super::contradiction::antonyms()
                .get(modifier)
                .into_iter()
                .flatten()
                .filter_map(|o| self.0.get(o).copied())
                .collect(),
            None => Vec::new(),
        };
        Asked {
            modifier: self.0.get(modifier).copied(),
            word,
            opposites,
        }
    }

    /// How many stems are numbered.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when no stem is numbered.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The number of a stem, when some sentence's pair uses it.
    pub fn number_of(&self, stem: &str) -> Option<u32> {
        self.0.get(stem).copied()
    }

    /// [`Numbering::opposable`] for a pair whose word's number is known
    /// already ([`numbered_pairs`]).
    pub fn opposable_numbered(&self, modifier: &str, word: u32) -> Option<Asked> {
        let opposites: Vec<u32> = super::contradiction::antonyms()
            .get(modifier)?
            .iter()
            .filter_map(|o| self.0.get(o).copied())
            .collect();
        if opposites.is_empty() {
            return None;
        }
        Some(Asked {
            modifier: self.0.get(modifier).copied(),
            word: Some(word),
            opposites,
        })
    }

    /// Reads a pair of the question as [`Numbering::asked`] does, but only
    /// one that [`opposed`] can find opposed: its word is some sentence's
    /// pair's and its modifier has opposites there. For any other pair
    /// (most of a question's) `None`, its modifier never looked up.
    pub fn opposable(&self, (modifier, word): (&str, &str)) -> Option<Asked> {
        self.opposable_numbered(modifier, self.number_of(word)?)
    }
}

/// True when the question modifies a word of the sentence with the
/// opposite of the sentence's modifier of it, and never as the sentence
/// does (`asked`, `said`: [`pairs`] of the question and of the sentence,
/// numbered by one [`Numbering`]). A modifier the fact's intents use
/// (`vouched`, given the place of its pair in `asked`) is what the fact is
/// about ("is nato's door still open" for a sentence rejecting demands to
/// close it).
pub fn opposed(asked: &[Asked], said: &[(u32, u32)], vouched: impl Fn(usize) -> bool) -> bool {
    asked.iter().enumerate().any(|(k, a)| {
        let Some(word) = a.word else {
            // No sentence's pair modifies the word.
            return false;
        };
        !vouched(k)
            && !said
                .iter()
                .any(|&(b, w)| Some(b) == a.modifier && w == word)
            && said
                .iter()
                .any(|&(b, w)| w == word && a.opposites.contains(&b))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{stem, words};

    fn pairs_of(text: &str) -> Vec<(String, String)> {
        let words = words(text);
        pairs(&words, |i| Some(Cow::Owned(stem(&words[i]))))
            .into_iter()
            .map(|(m, w)| (m.into_owned(), w.into_owned()))
            .collect()
    }

    /// The question's and the sentence's pairs, numbered as the engine
    /// numbers them.
    fn numbered(question: &str, sentence: &str) -> (Vec<Asked>, Vec<(u32, u32)>) {
        let mut numbering = Numbering::default();
        let said = pairs_of(sentence)
            .iter()
            .map(|(m, w)| numbering.number((m, w)))
            .collect();
        let asked = pairs_of(question)
            .iter()
            .map(|(m, w)| numbering.asked((m, w)))
            .collect();
        (asked, said)
    }

    /// A question's pairs that `opposable` keeps are the ones `asked`
    /// reads with a word and opposites, read alike.
    #[test]
    fn opposable_keeps_what_asked_can_oppose() {
        let sentence = "the most difficult problems in NP are the least known";
        let mut numbering = Numbering::default();
        for (m, w) in pairs_of(sentence) {
            numbering.number((&m, &w));
        }
        let mut kept = 0;
        for question in [
            "what are the least difficult problems in NP",
            "what are the most difficult problems in NP",
            "what is least known about NP",
            "what are the hardest questions",
        ] {
            for (m, w) in pairs_of(question) {
                let asked = numbering.asked((&m, &w));
                let can = asked.word.is_some() && !asked.opposites.is_empty();
                let expected = can.then_some(asked);
                kept += usize::from(expected.is_some());
                assert_eq!(
                    numbering.opposable((&m, &w)),
                    expected,
                    "{question}: {m} {w}"
                );
            }
        }
        assert!(kept > 0);
    }

    /// The numbered pairs of a question are its pairs whose word the
    /// numbering has, in order, and keep what `opposable` keeps.
    #[test]
    fn numbered_pairs_are_the_pairs_whose_word_is_numbered() {
        let sentence = "the most difficult problems come before the war, not after the peace";
        let mut numbering = Numbering::default();
        for (m, w) in pairs_of(sentence) {
            numbering.number((&m, &w));
        }
        let mut numbered_any = 0;
        for question in [
            "what are the least difficult problems",
            "what came after the war and before the peace",
            "what is least known about the most recent war",
            "what are the hardest questions",
        ] {
            let words = words(question);
            let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
            let opposites = super::super::contradiction::antonyms();
            let read = Words {
                len: words.len(),
                modifier_at: |i: usize| {
                    Some(Cow::Borrowed(stems[i].as_str())).filter(|m| opposites.contains_key(&**m))
                },
                stem_at: |i: usize| Some(Cow::Borrowed(stems[i].as_str())),
                stop_at: |i: usize| is_stopword(&words[i]),
                question_word_at: |i: usize| is_question_word(&words[i]),
            };
            let numbered = numbered_pairs(&read, |i| numbering.number_of(&stems[i]));
            let expected: Vec<(Cow<str>, u32)> = pairs_read(&read)
                .into_iter()
                .filter_map(|(m, w)| Some((m, numbering.number_of(&w)?)))
                .collect();
            assert_eq!(numbered, expected, "{question}");
            numbered_any += numbered.len();
            for (m, w) in &numbered {
                let word = numbering.0.iter().find(|(_, n)| *n == w).map(|(s, _)| s);
                let word = word.unwrap_or_else(|| panic!("{w} is numbered"));
                assert_eq!(
                    numbering.opposable_numbered(m, *w),
                    numbering.opposable((m, word)),
                    "{question}"
                );
            }
        }
        assert!(numbered_any >= 3, "{numbered_any}");
    }

    fn opposite(question: &str, sentence: &str) -> bool {
        let (asked, said) = numbered(question, sentence);
        opposed(&asked, &said, |_| false)
    }

    /// What [`opposed`] compared as strings before the pairs were numbered.
    fn opposed_as_strings(asked: &[(String, String)], said: &[(String, String)]) -> bool {
        let opposites = super::super::contradiction::antonyms();
        asked.iter().any(|(a, word)| {
            !said.iter().any(|(b, w)| b == a && w == word)
                && said.iter().any(|(b, w)| {
                    w == word && opposites.get(a).is_some_and(|o| o.iter().any(|o| o == b))
                })
        })
    }

    #[test]
    fn numbered_pairs_oppose_as_their_stems_do() {
        let texts = [
            "the most difficult problems",
            "the least difficult problems",
            "the most and the least difficult problems",
            "before the war and after the peace",
            "after the war",
            "before the peace",
            "an open door",
            "close the door",
            "the least known fact",
            "more trade, less war",
            "less trade, more war",
        ];
        for q in texts {
            for s in texts {
                let (asked, said) = numbered(q, s);
                assert_eq!(
                    opposed(&asked, &said, |_| false),
                    opposed_as_strings(&pairs_of(q), &pairs_of(s)),
                    "{q:?} against {s:?}"
                );
            }
        }
    }

    #[test]
    fn the_opposite_modifier_of_the_same_word_is_read() {
        let s = "NP-complete problems are the most difficult problems in NP.";
        assert!(opposite("what are the least difficult problems in NP", s));
        assert!(!opposite("what are the most difficult problems in NP", s));
        // The opposite of another word is no opposite of this one.
        assert!(!opposite("what is least known about NP", s));
        // A question word between ends the phrase.
        assert!(!opposite(
            "in keeping the abstraction, what choice is left",
            "They assume some concrete choice of encoding."
        ));
        assert!(opposite(
            "what happened before the war",
            "Prices rose after the war."
        ));
    }

    #[test]
    fn an_intent_using_the_modifier_vouches_for_the_fact() {
        let q = "what about the open door";
        let (asked, said) = numbered(q, "They rejected demands to close the door.");
        let pairs = pairs_of(q);
        assert!(opposed(&asked, &said, |_| false));
        assert!(!opposed(&asked, &said, |k| pairs[k].0 == stem("open")));
    }

    #[test]
    fn a_sentence_with_both_modifiers_says_both() {
        assert!(!opposite(
            "which were the least difficult",
            "It lists the most difficult and the least difficult ones."
        ));
    }

    #[test]
    fn the_engine_declines_the_opposite_degree_of_its_sentence() {
        use crate::engine::rules::Rule;
        use crate::engine::rules::tests::{answered_with, fired};
        let article =
            "Zorblat notes\n\nThe Zorblat engine is the most reliable engine in the valley.\n";
        let e = crate::engine::Engine::new(crate::fixtures::one_topic(
            article,
            &[(
                "reliable",
                "which engine is the most reliable",
                "The Zorblat engine is the most reliable engine in the valley.",
            )],
        ));
        let q = "which engine is the least reliable in the valley";
        assert!(fired(&e, q, "reliable", Rule::OppositeWord));
        assert!(!answered_with(&e, q, "reliable"));
        let q = "which engine is the most reliable in the valley";
        assert!(!fired(&e, q, "reliable", Rule::OppositeWord));
        assert!(answered_with(&e, q, "reliable"));
    }
}
