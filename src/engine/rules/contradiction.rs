//! Guards on what the question asserts against what a fact's sentence
//! asserts, for questions written to look answerable: the right words with
//! the polarity turned ("what cannot be solved" against "can be solved"), or
//! with a number the article gives elsewhere in place of the sentence's own
//! ("in 1948" against "in 1965").
//!
//! Rules `denied`, `opposite-word` and `other-number`. They compare words
//! only, so they apply to any article. They run on the ranking, as its last
//! stage before the decision, and cut the score of a fact they reject.

use super::{Fired, Rule};
use crate::engine::Engine;
use crate::engine::index::Target;
use crate::engine::score::Ranked;
use crate::knowledge::Knowledge;
use crate::text::{is_stopword, stem, words};

/// Best-ranked documents checked: the decision only looks at the first few.
const CHECKED: usize = 8;

const NEGATIONS: &str = include_str!("../../../assets/lang/negations.txt");
const ANTONYMS: &str = include_str!("../../../assets/lang/antonyms.txt");
/// Prefixes that turn an English word into its opposite ("informal").
pub(super) const NEGATING_PREFIXES: &[&str] = &["un", "in", "im", "il", "ir", "non", "dis"];
/// Shortest word a negating prefix is recognised on ("in" + "put" is no opposite).
const MIN_PREFIXED: usize = 4;

/// Antonym pairs as stems, both ways round.
fn antonyms() -> &'static rustc_hash::FxHashSet<(String, String)> {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<(String, String)>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut set = rustc_hash::FxHashSet::default();
        for line in ANTONYMS.lines().map(str::trim) {
            if line.starts_with('#') {
                continue;
            }
            if let Some((a, b)) = line.split_once(' ') {
                let (a, b) = (stem(a.trim()), stem(b.trim()));
                set.insert((a.clone(), b.clone()));
                set.insert((b, a));
            }
        }
        set
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

/// True when the question uses the opposite of a word of the sentence that
/// it does not itself use ("a decrease in size" against "an increase in
/// size"), where neither the sentence nor the fact's intents use the
/// question's word (an intent "nato's open door" vouches for a sentence
/// rejecting that NATO "close its doors").
fn says_opposite(question: &[String], sentence: &[String], intents: &[Vec<String>]) -> bool {
    let content = |ws: &[String]| -> Vec<(String, String)> {
        ws.iter()
            .filter(|w| !is_stopword(w))
            .map(|w| (w.clone(), stem(w)))
            .collect()
    };
    let q = content(question);
    let s = content(sentence);
    let in_q = |st: &str| q.iter().any(|(_, x)| x == st);
    let vouched: Vec<String> = intents.iter().flatten().map(|w| stem(w)).collect();
    let in_s = |st: &str| s.iter().any(|(_, x)| x == st) || vouched.iter().any(|x| x == st);
    let pairs = antonyms();
    q.iter().filter(|(_, qs)| !in_s(qs)).any(|(qw, qs)| {
        s.iter()
            .filter(|(_, ss)| !in_q(ss))
            .any(|(sw, ss)| pairs.contains(&(qs.clone(), ss.clone())) || prefixed_opposite(qw, sw))
    })
}

/// True for a word that denies what its clause says ("not", "isnt").
pub(super) fn is_negation(word: &str) -> bool {
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| {
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

/// The clause of the sentence that the question is about: the one sharing
/// the most content words with it; on a tie, one that denies nothing. Empty
/// when no clause shares a word.
pub(super) fn asked_clause(question: &[String], sentence: &str) -> Vec<String> {
    let asked: Vec<String> = question
        .iter()
        .filter(|w| !is_stopword(w))
        .map(|w| stem(w))
        .collect();
    let mut most = 0;
    let mut best = Vec::new();
    for clause in clauses(sentence) {
        let shared = clause
            .iter()
            .filter(|w| !is_stopword(w) && asked.contains(&stem(w)))
            .count();
        if shared > most || shared == most && most > 0 && !negated(&clause) {
            most = shared;
            best = clause;
        }
    }
    best
}

/// What the negations of a text deny: the content words (stemmed) among
/// the few words after each negation ("cannot be solved": solv).
fn denied(words: &[String], span: usize) -> Vec<String> {
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
fn stems(words: &[String]) -> Vec<String> {
    words
        .iter()
        .filter(|w| !is_stopword(w))
        .map(|w| stem(w))
        .collect()
}

/// True when the question denies what the clause it is about states ("what
/// cannot be solved" against "can be solved"). What is denied must be a
/// word of the sentence that its clause does not deny itself: a negated
/// idiom ("won't budge", "not on the same page") denies nothing the
/// sentence says. An intent that denies the same word vouches for its
/// fact (one denying something else, "non-deterministic", does not).
/// (The reverse, a question stating what the sentence denies, was measured
/// and left out: reported demands such as "would never join" answer plain
/// questions about them.)
fn polarity_differs(
    question: &[String],
    sentence: &str,
    intents: &[Vec<String>],
    span: usize,
) -> bool {
    let vouched: Vec<String> = intents.iter().flat_map(|i| denied(i, span)).collect();
    let clause_denies = denied(&asked_clause(question, sentence), span);
    let sentence_stems = stems(&words(sentence));
    denied(question, span)
        .iter()
        .any(|t| sentence_stems.contains(t) && !clause_denies.contains(t) && !vouched.contains(t))
}

/// True for a token that is a number or holds one ("1965", "n2").
fn is_number(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
}

/// Every number the article's sentences give, read once when the engine
/// is built.
pub fn article_numbers(knowledge: &Knowledge) -> rustc_hash::FxHashSet<String> {
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

/// Cuts the score of ranked documents that the question contradicts, and
/// sorts the ranking again.
pub fn apply(engine: &Engine, question: &[String], ranked: &mut [Ranked]) {
    let knowledge = engine.knowledge();
    let t = &engine.tunables;
    let yes_no = crate::engine::is_yes_no(question);
    // Numbers the article gives somewhere: one of these in the question
    // that the sentence lacks stands in for the sentence's own. A year is
    // never a guess: one the sentence does not give is another time.
    let numbers: Vec<&String> = question
        .iter()
        .filter(|w| is_number(w))
        .filter(|n| is_year(n) || engine.index.article_numbers.contains(n.as_str()))
        .collect();
    let share = |r: &Ranked| -> (f32, Fired) {
        let text = &knowledge.article.sentences[r.sentence].text;
        let intents: Vec<Vec<String>> = match r.target {
            // Keywords too: they say what the fact is about in the
            // admin's words ("open door" for "close its doors").
            Target::Fact(i) => knowledge.facts[i]
                .intents
                .iter()
                .chain(&knowledge.facts[i].keywords)
                .map(|t| words(t))
                .collect(),
            Target::Sentence(_) => Vec::new(),
        };
        let sentence = words(text);
        let mut share = 1.0;
        let mut fired = Fired::default();
        if polarity_differs(question, text, &intents, t.denial_span) {
            share *= t.denied;
            fired.add(Rule::Denied);
        }
        if says_opposite(question, &sentence, &intents) {
            share *= t.opposite_word;
            fired.add(Rule::OppositeWord);
        }
        if super::asserted::denies_unsaid(question, yes_no, text) {
            share *= t.denied_unsaid;
            fired.add(Rule::DeniesUnsaid);
        }
        if super::asserted::affirms_denied(question, yes_no, text, &intents) {
            share *= t.affirmed_denied;
            fired.add(Rule::AffirmsDenied);
        }
        if numbers
            .iter()
            .any(|n| !sentence.contains(n) && !intents.iter().any(|i| i.contains(n)))
        {
            share *= t.other_number;
            fired.add(Rule::OtherNumber);
        }
        (share, fired)
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
        let sentence = "The engine can be repaired by a trained mechanic.";
        assert!(!polarity_differs(
            &words("who simply won't budge on this"),
            sentence,
            &[],
            3
        ));
        assert!(polarity_differs(
            &words("who cannot repair it"),
            sentence,
            &[],
            3
        ));
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
        let w = |s: &str| words(s);
        let none: &[Vec<String>] = &[];
        assert!(says_opposite(
            &w("a decrease in size"),
            &w("an increase in size"),
            none
        ));
        assert!(says_opposite(
            &w("an informal proof"),
            &w("a formal proof"),
            none
        ));
        assert!(!says_opposite(
            &w("an increase in size"),
            &w("an increase in size"),
            none
        ));
        // The sentence naming both sides says both.
        assert!(!says_opposite(
            &w("the worst case"),
            &w("the best and worst case"),
            none
        ));
        // An intent using the question's word vouches for the fact.
        assert!(!says_opposite(
            &w("is the door open"),
            &w("they rejected demands to close the door"),
            &[w("is the door still open")]
        ));
        // A short word is no stem for a prefix: "input" is not "not put".
        assert!(!prefixed_opposite("input", "put"));
    }
}
