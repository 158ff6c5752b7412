//! Guards on what the question asserts against what a fact's sentence
//! asserts, for questions written to look answerable: the right words with
//! the polarity turned ("what cannot be solved" against "can be solved"), or
//! with a number the article gives elsewhere in place of the sentence's own
//! ("in 1948" against "in 1965").
//!
//! Rules `denied`, `opposite-word` and `other-number`. They compare words
//! only, so they apply to any article. They run on the ranking, as its last
//! stage before the decision, and cut the score of a fact they reject.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Fired, Rule};
use crate::engine::Engine;
use crate::engine::analyze::Analyzer;
use crate::engine::index::Target;
use crate::engine::score::Ranked;
use crate::knowledge::Knowledge;
use crate::text::{is_stopword, stem, words};

/// Best-ranked documents checked: the decision only looks at the first few.
const CHECKED: usize = 8;

const NEGATIONS: &str = include_str!("../../../assets/lang/negations.txt");
const ANTONYMS: &str = include_str!("../../../assets/lang/antonyms.txt");
/// Prefixes that turn an English word into its opposite ("informal").
const NEGATING_PREFIXES: &[&str] = &["un", "in", "im", "il", "ir", "non", "dis"];
/// Shortest word a negating prefix is recognised on ("in" + "put" is no opposite).
const MIN_PREFIXED: usize = 4;

/// Antonyms as stems, both ways round: each stem with its opposites.
fn antonyms() -> &'static FxHashMap<String, Vec<String>> {
    static MAP: OnceLock<FxHashMap<String, Vec<String>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: FxHashMap<String, Vec<String>> = FxHashMap::default();
        for line in ANTONYMS.lines().map(str::trim) {
            if line.starts_with('#') {
                continue;
            }
            if let Some((a, b)) = line.split_once(' ') {
                let (a, b) = (stem(a.trim()), stem(b.trim()));
                map.entry(a.clone()).or_default().push(b.clone());
                map.entry(b).or_default().push(a);
            }
        }
        map
    })
}

/// True when one word is the other with a negating prefix ("informal", "formal").
fn prefixed_opposite(a: &str, b: &str) -> bool {
    let check = |long: &str, short: &str| {
        short.len() >= MIN_PREFIXED
            && NEGATING_PREFIXES
                .iter()
                .any(|p| long.strip_prefix(p) == Some(short))
    };
    check(a, b) || check(b, a)
}

/// True for a word that denies what its clause says ("not", "isnt").
fn is_negation(word: &str) -> bool {
    static SET: std::sync::LazyLock<FxHashSet<&'static str>> = std::sync::LazyLock::new(|| {
        NEGATIONS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });
    SET.contains(word)
}

/// True when some word of the text is a negation.
fn negated(words: &[String]) -> bool {
    words.iter().any(|w| is_negation(w))
}

/// The clauses of a sentence as words: it breaks at commas, semicolons,
/// colons, dashes, brackets and "but".
fn clauses(sentence: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for part in sentence.split([',', ';', ':', '(', ')', '\u{2014}', '\u{2013}']) {
        let mut clause = Vec::new();
        for word in words(part) {
            if word == "but" && !clause.is_empty() {
                out.push(std::mem::take(&mut clause));
            } else {
                clause.push(word);
            }
        }
        if !clause.is_empty() {
            out.push(clause);
        }
    }
    out
}

/// What the negations of a text deny: the content words (stemmed) among
/// the few words after each negation ("cannot be solved": solv).
fn denied(words: &[String], span: usize, stem: &impl Fn(&str) -> String) -> Vec<String> {
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if is_negation(word) {
            out.extend(
                words[i + 1..]
                    .iter()
                    .take(span)
                    .filter(|w| !is_stopword(w) && !is_negation(w))
                    .map(|w| stem(w)),
            );
        }
    }
    out
}

/// Content words of a text, stemmed.
fn stems(words: &[String], stem: &impl Fn(&str) -> String) -> Vec<String> {
    words
        .iter()
        .filter(|w| !is_stopword(w))
        .map(|w| stem(w))
        .collect()
}

/// Sorted and without repeats, for `binary_search`.
fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort_unstable();
    v.dedup();
    v
}

/// True when a sorted list holds `item`.
fn holds(sorted: &[String], item: &str) -> bool {
    sorted.binary_search_by(|x| x.as_str().cmp(item)).is_ok()
}

/// True for a token that is a number or holds one ("1965", "n2").
fn is_number(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
}

/// Every number the article's sentences give, read once when the engine
/// is built.
pub fn article_numbers(knowledge: &Knowledge) -> FxHashSet<String> {
    knowledge
        .article
        .sentences
        .iter()
        .flat_map(|s| words(&s.text))
        .filter(|w| is_number(w))
        .collect()
}

/// True for a four-digit year from 1000 to 2099.
fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.chars().all(|c| c.is_ascii_digit())
        && (word.starts_with('1') || word.starts_with("20"))
}

/// One clause of a sentence as rule `denied` reads it.
#[derive(Debug, Clone)]
struct Clause {
    /// Its content words' stems, in order (repeats kept: they are counted).
    stems: Vec<String>,
    /// Whether it denies anything itself.
    negated: bool,
    /// The stems it denies.
    denies: Vec<String>,
}

/// What an article sentence asserts, read once when the engine is built:
/// before, each question tokenised and stemmed the sentences of its best
/// candidates again.
#[derive(Debug, Clone, Default)]
pub struct SentenceClaims {
    /// Its content words with their stems, in order.
    content: Vec<(String, String)>,
    /// Those stems, sorted.
    stems: Vec<String>,
    /// Its clauses.
    clauses: Vec<Clause>,
    /// Its words that hold a number.
    numbers: Vec<String>,
}

impl SentenceClaims {
    /// Reads a sentence; `span` is the tunable `denial_span`.
    fn new(text: &str, span: usize, stem: &impl Fn(&str) -> String) -> SentenceClaims {
        let sentence = words(text);
        let content: Vec<(String, String)> = sentence
            .iter()
            .filter(|w| !is_stopword(w))
            .map(|w| (w.clone(), stem(w)))
            .collect();
        let clauses = clauses(text)
            .into_iter()
            .map(|clause| Clause {
                stems: stems(&clause, stem),
                negated: negated(&clause),
                denies: denied(&clause, span, stem),
            })
            .collect();
        SentenceClaims {
            stems: sorted(content.iter().map(|(_, s)| s.clone()).collect()),
            content,
            clauses,
            numbers: sentence.into_iter().filter(|w| is_number(w)).collect(),
        }
    }
}

/// What a fact's intents and keywords vouch for: they say what the fact is
/// about in the admin's words ("open door" for "close its doors").
#[derive(Debug, Clone, Default)]
pub struct FactClaims {
    /// The stems of all their words, sorted.
    stems: Vec<String>,
    /// Whether one of them denies something.
    negated: bool,
    /// Their words that hold a number.
    numbers: Vec<String>,
}

impl FactClaims {
    fn new<'t>(texts: impl Iterator<Item = &'t String>, stem: &impl Fn(&str) -> String) -> Self {
        let mut claims = FactClaims::default();
        for text in texts {
            let words = words(text);
            claims.negated |= negated(&words);
            claims.stems.extend(words.iter().map(|w| stem(w)));
            claims
                .numbers
                .extend(words.into_iter().filter(|w| is_number(w)));
        }
        claims.stems = sorted(std::mem::take(&mut claims.stems));
        claims
    }
}

/// The knowledge as the contradiction rules read it: every sentence read
/// when the engine is built, each fact's intents the first time the fact
/// is among the best candidates (so start-up does not grow with the facts).
#[derive(Debug, Clone, Default)]
pub struct Claims {
    sentences: Vec<SentenceClaims>,
    facts: Vec<OnceLock<FactClaims>>,
}

impl Claims {
    /// Reads the article's sentences; `span` is the tunable `denial_span`.
    pub fn new(knowledge: &Knowledge, analyzer: &Analyzer, span: usize) -> Claims {
        let stem = |w: &str| analyzer.stem_of(w).into_owned();
        Claims {
            sentences: knowledge
                .article
                .sentences
                .iter()
                .map(|s| SentenceClaims::new(&s.text, span, &stem))
                .collect(),
            facts: (0..knowledge.facts.len()).map(|_| OnceLock::new()).collect(),
        }
    }

    /// What fact `i` vouches for.
    fn fact(&self, i: usize, knowledge: &Knowledge, analyzer: &Analyzer) -> &FactClaims {
        static NONE: FactClaims = FactClaims {
            stems: Vec::new(),
            negated: false,
            numbers: Vec::new(),
        };
        let (Some(cell), Some(fact)) = (self.facts.get(i), knowledge.facts.get(i)) else {
            return &NONE;
        };
        cell.get_or_init(|| {
            let stem = |w: &str| analyzer.stem_of(w).into_owned();
            FactClaims::new(fact.intents.iter().chain(&fact.keywords), &stem)
        })
    }
}

/// What a question asserts, read once for all its candidates.
struct Asserted<'q> {
    /// Its content words with their stems and the stems of their opposites.
    content: Vec<(&'q str, String, &'static [String])>,
    /// The stems its negations deny.
    denied: Vec<String>,
    /// The numbers it names that the article gives somewhere, and its years.
    numbers: Vec<&'q String>,
}

impl<'q> Asserted<'q> {
    /// Reads a question; `article_numbers` are the numbers the article gives.
    fn new(
        question: &'q [String],
        article_numbers: &FxHashSet<String>,
        span: usize,
        stem: &impl Fn(&str) -> String,
    ) -> Asserted<'q> {
        let content = question
            .iter()
            .filter(|w| !is_stopword(w))
            .map(|w| {
                let s = stem(w);
                let opposites = antonyms().get(&s).map_or(&[][..], Vec::as_slice);
                (w.as_str(), s, opposites)
            })
            .collect();
        // Numbers the article gives somewhere: one of these in the question
        // that the sentence lacks stands in for the sentence's own. A year is
        // never a guess: one the sentence does not give is another time.
        let numbers = question
            .iter()
            .filter(|w| is_number(w))
            .filter(|n| is_year(n) || article_numbers.contains(n.as_str()))
            .collect();
        Asserted {
            content,
            denied: denied(question, span, stem),
            numbers,
        }
    }

    /// True when a stem is one of the question's content words' stems.
    fn has_stem(&self, stem: &str) -> bool {
        self.content.iter().any(|(_, s, _)| s == stem)
    }
}

/// True when the question uses the opposite of a word of the sentence that
/// it does not itself use ("a decrease in size" against "an increase in
/// size"), where neither the sentence nor the fact's intents use the
/// question's word (an intent "nato's open door" vouches for a sentence
/// rejecting that NATO "close its doors").
fn says_opposite(question: &Asserted, sentence: &SentenceClaims, fact: &FactClaims) -> bool {
    let in_s = |st: &str| holds(&sentence.stems, st) || holds(&fact.stems, st);
    question
        .content
        .iter()
        .filter(|(_, qs, _)| !in_s(qs))
        .any(|(qw, _, opposites)| {
            sentence
                .content
                .iter()
                .filter(|(_, ss)| !question.has_stem(ss))
                .any(|(sw, ss)| opposites.contains(ss) || prefixed_opposite(qw, sw))
        })
}

/// The clause of the sentence that the question is about: the one sharing
/// the most content words with it; on a tie, one that denies nothing.
/// `None` when no clause shares a word.
fn asked_clause<'s>(question: &Asserted, sentence: &'s SentenceClaims) -> Option<&'s Clause> {
    let mut most = 0;
    let mut best = None;
    for clause in &sentence.clauses {
        let shared = clause
            .stems
            .iter()
            .filter(|s| question.has_stem(s))
            .count();
        if shared > most || shared == most && most > 0 && !clause.negated {
            most = shared;
            best = Some(clause);
        }
    }
    best
}

/// True when the question denies what the clause it is about states ("what
/// cannot be solved" against "can be solved"). What is denied must be a
/// word of the sentence that its clause does not deny itself: a negated
/// idiom ("won't budge", "not on the same page") denies nothing the
/// sentence says. An intent that denies something vouches for its fact.
/// (The reverse, a question stating what the sentence denies, was measured
/// and left out: reported demands such as "would never join" answer plain
/// questions about them.)
fn polarity_differs(question: &Asserted, sentence: &SentenceClaims, fact: &FactClaims) -> bool {
    if fact.negated || question.denied.is_empty() {
        return false;
    }
    let clause_denies = asked_clause(question, sentence).map_or(&[][..], |c| &c.denies);
    question
        .denied
        .iter()
        .any(|t| holds(&sentence.stems, t) && !clause_denies.contains(t))
}

/// The rules on one fact's sentence: the share of its score it keeps and
/// the rules that fired.
fn judge(
    question: &Asserted,
    sentence: &SentenceClaims,
    fact: &FactClaims,
    t: &crate::engine::Tunables,
) -> (f32, Fired) {
    let mut share = 1.0;
    let mut fired = Fired::default();
    if polarity_differs(question, sentence, fact) {
        share *= t.denied;
        fired.add(Rule::Denied);
    }
    if says_opposite(question, sentence, fact) {
        share *= t.opposite_word;
        fired.add(Rule::OppositeWord);
    }
    if question
        .numbers
        .iter()
        .any(|n| !sentence.numbers.contains(n) && !fact.numbers.contains(n))
    {
        share *= t.other_number;
        fired.add(Rule::OtherNumber);
    }
    (share, fired)
}

/// Cuts the score of ranked documents that the question contradicts, and
/// sorts the ranking again.
pub fn apply(engine: &Engine, question: &[String], ranked: &mut [Ranked]) {
    let knowledge = engine.knowledge();
    let t = &engine.tunables;
    let analyzer = &engine.analyzer;
    let claims = &engine.claims;
    let stem = |w: &str| analyzer.stem_of(w).into_owned();
    let asked = Asserted::new(
        question,
        &engine.index.article_numbers,
        t.denial_span,
        &stem,
    );
    let none = FactClaims::default();
    let share = |r: &Ranked| -> (f32, Fired) {
        let Some(sentence) = claims.sentences.get(r.sentence) else {
            return (1.0, Fired::default());
        };
        let fact = match r.target {
            Target::Fact(i) => claims.fact(i, knowledge, analyzer),
            Target::Sentence(_) => &none,
        };
        judge(&asked, sentence, fact, t)
    };
    let Some(best) = ranked.first() else {
        return;
    };
    let (top, why) = share(best);
    if top < 1.0 {
        // The sentence the question is about contradicts it: the others,
        // which match it less, do not answer it either.
        for r in ranked.iter_mut() {
            r.score *= top;
            r.fired.merge(why);
        }
        return;
    }
    for r in ranked.iter_mut().take(CHECKED).skip(1) {
        let (share, fired) = share(r);
        r.score *= share;
        r.fired.merge(fired);
    }
    ranked.sort_by(|a, b| {
        b.score
            .partial_cmp(&a.score)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Reply;
    use crate::knowledge::load_str;

    const ARTICLE: &str = "Zorblat notes\n\n\
        The Zorblat engine can be repaired by a trained mechanic.\n\n\
        Mira Quell built the first Zorblat prototype in 1987.\n\n\
        Its output shows an increase in pressure at night.\n\n\
        The museum does not open on Mondays, but the workshop welcomes visitors on Sundays.\n";

    fn engine() -> Engine {
        let mut toml = String::from(
            "[article]\ntitle = \"Zorblat notes\"\n[summary]\nshort = \"S.\"\nlong = \"L.\"\n\
             [topics.all]\ntitle = \"All\"\nsummary = \"All.\"\n",
        );
        let facts = [
            (
                "repair",
                "who can repair the zorblat engine",
                "The Zorblat engine can be repaired by a trained mechanic.",
            ),
            (
                "prototype",
                "when did mira quell build the zorblat prototype",
                "Mira Quell built the first Zorblat prototype in 1987.",
            ),
            (
                "pressure",
                "what does the output show at night",
                "Its output shows an increase in pressure at night.",
            ),
            (
                "visits",
                "when can visitors come",
                "The museum does not open on Mondays, but the workshop welcomes visitors on Sundays.",
            ),
        ];
        for (id, intent, source) in facts {
            toml.push_str(&format!(
                "[[fact]]\nid = \"{id}\"\ntopic = \"all\"\nintents = [\"{intent}\"]\nanswer = \"{source}\"\nsource = \"{source}\"\n"
            ));
        }
        let knowledge =
            load_str(std::path::Path::new("kb"), &toml, ARTICLE).unwrap_or_else(|e| panic!("{e}"));
        Engine::new(knowledge)
    }

    /// A question as the rules read it (no article numbers, span 3).
    fn asserted(question: &[String]) -> Asserted<'_> {
        Asserted::new(question, &FxHashSet::default(), 3, &|w: &str| stem(w))
    }

    /// A sentence as the rules read it (span 3).
    fn sentence(text: &str) -> SentenceClaims {
        SentenceClaims::new(text, 3, &|w: &str| stem(w))
    }

    fn answered(engine: &Engine, question: &str) -> bool {
        matches!(engine.answer(question), Reply::Answered(_))
    }

    #[test]
    fn a_question_that_denies_what_the_sentence_says_is_not_answered() {
        let e = engine();
        assert!(answered(&e, "who can repair the zorblat engine?"));
        assert!(!answered(&e, "who cannot repair the zorblat engine?"));
        assert!(!answered(&e, "who can't repair the zorblat engine?"));
    }

    #[test]
    fn only_a_denial_in_the_clause_asked_about_counts() {
        let e = engine();
        assert!(answered(&e, "when does the museum not open?"));
        assert!(!answered(&e, "when doesn't the workshop welcome visitors?"));
        // A negated idiom denies nothing the sentence says.
        let sentence = sentence("The engine can be repaired by a trained mechanic.");
        let none = FactClaims::default();
        let idiom = words("who simply won't budge on this");
        assert!(!polarity_differs(&asserted(&idiom), &sentence, &none));
        let denial = words("who cannot repair it");
        assert!(polarity_differs(&asserted(&denial), &sentence, &none));
    }

    #[test]
    fn a_year_the_sentence_does_not_give_is_another_time() {
        let e = engine();
        assert!(answered(&e, "what did mira quell build in 1987?"));
        assert!(!answered(&e, "what did mira quell build in 1991?"));
    }

    #[test]
    fn the_opposite_of_a_word_of_the_sentence_is_not_what_it_says() {
        let e = engine();
        assert!(answered(&e, "what does the output show at night?"));
        assert!(!answered(&e, "what shows a decrease in pressure at night?"));
        assert!(!answered(
            &e,
            "who can repair the zorblat engine untrained?"
        ));
    }

    #[test]
    fn opposites_are_read_from_the_list_and_from_negating_prefixes() {
        let opposite = |question: &str, text: &str, intents: &[&str]| {
            let question = words(question);
            let intents: Vec<String> = intents.iter().map(|i| i.to_string()).collect();
            let fact = FactClaims::new(intents.iter(), &|w: &str| stem(w));
            says_opposite(&asserted(&question), &sentence(text), &fact)
        };
        assert!(opposite("a decrease in size", "an increase in size", &[]));
        assert!(opposite("an informal proof", "a formal proof", &[]));
        assert!(!opposite("an increase in size", "an increase in size", &[]));
        // The sentence naming both sides says both.
        assert!(!opposite("the worst case", "the best and worst case", &[]));
        // An intent using the question's word vouches for the fact.
        assert!(!opposite(
            "is the door open",
            "they rejected demands to close the door",
            &["is the door still open"]
        ));
        // A short word is no stem for a prefix: "input" is not "not put".
        assert!(!prefixed_opposite("input", "put"));
    }
}
