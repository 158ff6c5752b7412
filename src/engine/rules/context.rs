//! Rule `paragraph-context`: a sentence often leaves its subject to the
//! sentences around it ("It runs in quadratic time." after "Consider
//! quicksort."), while a question names it ("how fast is quicksort?"). So a
//! fact also earns a share ([`Tunables::paragraph_context`]) of the weight
//! of the question's words that its sentence's whole paragraph uses: the
//! sentences of the paragraph the question is about outrank one elsewhere
//! that only shares the question's other words. The paragraph's words only
//! rank: whether to answer is read on the fact's own words
//! (`Ranked::evidence` in `score.rs`), as a question that mixes a
//! sentence's words with its neighbour's is often one the article does not
//! answer.
//!
//! Off by default, as hand-written knowledge names the subject in its
//! intents; `citebot init` turns it on for the single-sentence facts it
//! drafts. The paragraphs' words are gathered once at load
//! ([`paragraph_terms`]); a question then costs a look-up per word and
//! candidate.

use super::has;
use crate::engine::Tunables;
use crate::engine::analyze::TermId;
use crate::engine::index::{Index, Terms};

/// For each sentence of the article, given by its paragraph number in
/// reading order, the sorted terms of its whole paragraph (`terms_of` gives
/// a sentence's), one copy shared by the paragraph's sentences.
pub fn paragraph_terms(
    paragraphs: &[usize],
    terms_of: impl Fn(usize) -> Vec<TermId>,
) -> Vec<Terms> {
    let mut out: Vec<Terms> = Vec::with_capacity(paragraphs.len());
    let mut start = 0;
    while start < paragraphs.len() {
        let number = paragraphs[start];
        let len = paragraphs[start..]
            .iter()
            .take_while(|&&p| p == number)
            .count();
        let mut all: Vec<TermId> = (start..start + len).flat_map(&terms_of).collect();
        all.sort_unstable();
        all.dedup();
        out.extend(std::iter::repeat_n(Terms::from(all), len));
        start += len;
    }
    out
}

/// The weight of the question's words (`query`: term and weight, by term)
/// that the paragraph (sorted terms) uses.
pub fn weight(query: &[(TermId, f32)], paragraph: &[TermId]) -> f32 {
    query
        .iter()
        .filter(|&&(term, _)| has(paragraph, term))
        .map(|&(_, weight)| weight)
        .sum()
}

/// What the rule adds to each candidate's (document, weight) matched words:
/// `paragraph_context` times the weight of the question its paragraph uses.
/// Empty when the rule is off, so it then costs nothing.
pub fn weights(
    index: &Index,
    candidates: &[(u32, f32)],
    query: &[(TermId, f32)],
    t: &Tunables,
) -> Vec<f32> {
    surroundings_weights(
        index,
        candidates,
        query,
        &index.context,
        t.paragraph_context,
    )
}

/// `share` times the weight of the question's words (`query`: term and
/// weight, by term) that each candidate's sentence's surroundings use
/// (`around`: sorted terms by sentence, its paragraph or its neighbours).
/// Empty when `share` is 0, so a rule that is off costs nothing.
pub fn surroundings_weights(
    index: &Index,
    candidates: &[(u32, f32)],
    query: &[(TermId, f32)],
    around: &[Terms],
    share: f32,
) -> Vec<f32> {
    if share <= 0.0 {
        return Vec::new();
    }
    candidates
        .iter()
        .map(|&(d, _)| {
            let sentence = index.docs[d as usize].sentence;
            let terms = around.get(sentence).map_or(&[][..], |p| &p[..]);
            share * weight(query, terms)
        })
        .collect()
}

#[cfg(test)]
mod tests {

    use super::{paragraph_terms, weight};
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{answered_with, explain, fired};
    use crate::engine::{Engine, Reply};

    /// Two paragraphs: the second sentence of each only says "it", and
    /// both say the same of it (no fact cites the second, sentence 4).
    const ARTICLE: &str = "Two ferries

The red ferry crosses the lake at dawn. It carries bicycles every summer.

The blue ferry sails to the island at noon. It also carries bicycles every summer.
";

    /// One fact a sentence, as `citebot init` drafts them; `setting` goes
    /// into the `[engine]` table.
    fn ferries(setting: &str) -> Engine {
        let facts = [
            ("red-dawn", "The red ferry crosses the lake at dawn."),
            ("red-bicycles", "It carries bicycles every summer."),
            ("blue-noon", "The blue ferry sails to the island at noon."),
        ];
        Engine::new(crate::fixtures::drafted_like(ARTICLE, &facts, setting))
    }

    #[test]
    fn each_sentence_gets_its_whole_paragraph_once() {
        let terms = paragraph_terms(&[0, 1, 1, 2], |s| vec![10 - s as u32, 3]);
        assert_eq!(&terms[0][..], &[3, 10]);
        assert_eq!(&terms[1][..], &[3, 8, 9]);
        assert!(std::sync::Arc::ptr_eq(&terms[1], &terms[2]), "shared");
        assert_eq!(&terms[3][..], &[3, 7]);
        assert_eq!(weight(&[(3, 1.0), (8, 2.0), (11, 4.0)], &terms[1]), 3.0);
    }

    #[test]
    fn the_paragraph_tells_which_ferry_it_means() {
        // "It (also) carries bicycles" is said in each ferry's paragraph:
        // only the paragraph tells which ferry.
        let question = "does the blue ferry carry bicycles";
        let place = |engine: &Engine, fact: &str| {
            let explained = engine.explain(question, 10);
            explained.facts.iter().position(|f| f.fact == fact)
        };
        let on = ferries("paragraph_context = 0.5");
        assert!(fired(&on, question, "sentence-4", Rule::ParagraphContext));
        assert!(
            place(&on, "sentence-4") < place(&on, "red-bicycles"),
            "{}",
            explain(&on, question)
        );
        assert!(explain(&on, question).contains("paragraph-context: +"));
        let off = ferries("paragraph_context = 0.0");
        assert!(!fired(&off, question, "sentence-4", Rule::ParagraphContext));
        assert!(
            place(&off, "sentence-4") > place(&off, "red-bicycles"),
            "{}",
            explain(&off, question)
        );
    }

    #[test]
    fn the_paragraphs_words_rank_but_do_not_make_an_answer() {
        // With a strict `answer`, a question mixing the words of two
        // sentences of one paragraph ranks the blue ferry's first, but its
        // own words are too few to answer from; a question its sentence
        // covers alone is answered.
        let engine = ferries("paragraph_context = 0.5\nanswer = 0.7");
        let mixed = "does the blue ferry carry bicycles at noon";
        let explained = engine.explain(mixed, 5);
        assert_eq!(explained.facts[0].fact, "blue-noon", "{explained}");
        assert!(explained.facts[0].score >= 0.7, "{explained}");
        assert!(
            !matches!(engine.answer(mixed), Reply::Answered(_)),
            "{explained}"
        );
        assert!(
            explained.verdict.contains("on its own words"),
            "{explained}"
        );
        assert!(answered_with(
            &engine,
            "what does the red ferry cross at dawn",
            "red-dawn"
        ));
    }
}
