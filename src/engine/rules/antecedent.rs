//! Rule `antecedent`: a sentence that points back with a pronoun or a
//! demonstrative ("Phrased as a decision problem, it is the problem of
//! deciding whether the input has a factor less than k." after "The integer
//! factorization problem is ...") leaves the name of what it is about to the
//! sentence before it, while a question names it ("what does the integer
//! factorization problem decide?"). Rules `paragraph-context` and
//! `neighbour-context` credit the sentence before just as much as the
//! pointing one, and the sentence before also has the name among its own
//! words, so it wins. This rule credits a fact whose sentence holds one of
//! the words of `[anaphors]` (`assets/lang/word-lists.txt`) among its first
//! [`Tunables::antecedent_span`] words with [`Tunables::antecedent`] of the
//! weight of the question's words that the sentence before it (in its
//! paragraph) uses and it does not: what "it" most likely stands for.
//!
//! Like the other context rules it only ranks: the decision reads the
//! fact's own words, unless [`Tunables::antecedent_evidence`] reads the
//! credit as the fact's own (what "it" stands for is what it says). Off when `antecedent` is 0 (`citebot init` sets it for
//! the single-sentence facts it drafts); the words are gathered once at
//! load ([`antecedent_terms`]).

use super::context::surroundings_weights;
use crate::engine::Tunables;
use crate::engine::analyze::TermId;
use crate::engine::index::{Index, Terms};
use crate::language::{List, language};

/// True when one of the first `span` words of a sentence (as the article
/// writes it) points back at an earlier sentence: a word of `[anaphors]`
/// that no verb of speech (`[speech-verbs]`) comes before in its clause (a
/// comma, semicolon or colon ends one). After "said" a pronoun most likely
/// stands for the speaker, named before it in the same sentence ("The union
/// said the result gave it a clear mandate"), while "In winter it burns
/// oil" and "Phrased as a decision problem, it is ..." leave what they are
/// about to the sentence before.
pub fn points_back(sentence: &str, span: usize) -> bool {
    let lang = language();
    let mut reported = false;
    for token in sentence.split_whitespace().take(span) {
        for word in crate::text::words(token) {
            if !reported && lang.in_list(List::Anaphors, &word) {
                return true;
            }
            reported |= lang.in_list(List::SpeechVerbs, &word);
        }
        if token.ends_with([',', ';', ':']) {
            reported = false;
        }
    }
    false
}

/// For each sentence of the article, given by its paragraph number in
/// reading order and whether it points back (`points`), the sorted terms of
/// the sentence before it in its paragraph that it does not use itself
/// (`terms_of` gives a sentence's); empty for the others.
pub fn antecedent_terms(
    paragraphs: &[usize],
    points: impl Fn(usize) -> bool,
    terms_of: impl Fn(usize) -> Vec<TermId>,
) -> Vec<Terms> {
    (0..paragraphs.len())
        .map(|i| {
            if i == 0 || paragraphs[i - 1] != paragraphs[i] || !points(i) {
                return Terms::default();
            }
            let own = terms_of(i);
            let mut before: Vec<TermId> = terms_of(i - 1)
                .into_iter()
                .filter(|t| !own.contains(t))
                .collect();
            before.sort_unstable();
            before.dedup();
            Terms::from(before)
        })
        .collect()
}

/// What the rule adds to each candidate's (document, weight) matched words:
/// `antecedent` times the weight of the question (`query`: term and weight,
/// by term) that the sentence its sentence points back at uses. Empty when
/// the rule is off, so it then costs nothing.
pub fn weights(
    index: &Index,
    candidates: &[(u32, f32)],
    query: &[(TermId, f32)],
    t: &Tunables,
) -> Vec<f32> {
    surroundings_weights(index, candidates, query, &index.antecedent, t.antecedent)
}

#[cfg(test)]
mod tests {

    use super::{antecedent_terms, points_back};
    use crate::engine::Engine;
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{explain, fired};

    /// One paragraph: the second sentence says "it" for the glass lantern,
    /// which the first names; the third names another lantern.
    const ARTICLE: &str = "Lanterns

The glass lantern is sold at the winter market. In winter it burns whale oil for ten hours. The paper lantern burns candle wax for two hours.
";

    /// One fact a sentence, as `citebot init` drafts them; `setting` goes
    /// into the `[engine]` table.
    fn lanterns(setting: &str) -> Engine {
        let facts = [
            ("sold", "The glass lantern is sold at the winter market."),
            ("oil", "In winter it burns whale oil for ten hours."),
            ("wax", "The paper lantern burns candle wax for two hours."),
        ];
        Engine::new(crate::fixtures::drafted_like(ARTICLE, &facts, setting))
    }

    #[test]
    fn a_sentence_that_points_back_takes_the_words_before_it_lacks() {
        assert!(points_back("In winter it burns oil", 4));
        assert!(!points_back("In winter it burns oil", 2));
        assert!(!points_back("The paper lantern burns wax", 8));
        // After a verb of speech "it" stands for the speaker; a comma
        // starts another clause.
        assert!(!points_back(
            "The union said the result gave it a mandate",
            12
        ));
        assert!(points_back(
            "The union said, in a statement, it would strike",
            12
        ));
        assert!(points_back("Phrased as a decision problem, it is hard", 12));
        // Sentences 1 and 2 share a paragraph, sentence 3 starts another.
        let terms = antecedent_terms(&[0, 0, 0, 1], |i| i != 2, |s| vec![s as u32, 9]);
        assert!(terms[0].is_empty(), "the first has nothing before it");
        assert_eq!(&terms[1][..], &[0], "the word both use is not counted");
        assert!(terms[2].is_empty(), "the third does not point back");
        assert!(terms[3].is_empty(), "a new paragraph points at nothing");
    }

    #[test]
    fn the_sentence_saying_it_ranks_first_for_the_name_it_stands_for() {
        let question = "what does the glass lantern burn in winter";
        let on = lanterns("antecedent = 1.0");
        let explained = on.explain(question, 5);
        assert_eq!(
            explained.facts.first().map(|f| f.fact.as_str()),
            Some("oil"),
            "{explained}"
        );
        assert!(fired(&on, question, "oil", Rule::Antecedent));
        assert!(!fired(&on, question, "wax", Rule::Antecedent));
        assert!(explain(&on, question).contains("antecedent: +"));
        let off = lanterns("antecedent = 0.0");
        assert!(!fired(&off, question, "oil", Rule::Antecedent));
        let first = off.explain(question, 5);
        assert_ne!(
            first.facts.first().map(|f| f.fact.as_str()),
            Some("oil"),
            "without it the sentence naming the lantern wins: {first}"
        );
    }

    #[test]
    fn what_it_stands_for_is_read_as_the_sentence_s_own_words() {
        let question = "what does the glass lantern burn";
        let read = lanterns("antecedent = 1.0\nantecedent_evidence = 1.0");
        let explained = read.explain(question, 5);
        assert_eq!(
            explained.facts.first().map(|f| f.fact.as_str()),
            Some("oil"),
            "{explained}"
        );
        assert!(!explained.verdict.contains("weak match"), "{explained}");
        // Read only for ranking, the lantern's name is no evidence that the
        // sentence saying "it" answers: its own words are a weak match.
        let ranked_only = lanterns("antecedent = 1.0");
        let explained = ranked_only.explain(question, 5);
        assert_eq!(
            explained.facts.first().map(|f| f.fact.as_str()),
            Some("oil"),
            "{explained}"
        );
        assert!(
            explained.verdict.contains("unsure: weak match"),
            "{explained}"
        );
        assert_eq!(explained.cause, "weak-match");
    }
}
