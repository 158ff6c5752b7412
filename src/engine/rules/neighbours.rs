//! Rule `neighbour-context`: the sentence that answers a question often
//! leans on the one before or after it for the words the question uses
//! ("There is a prize for resolving the problem." after "The P versus NP
//! problem is one of the Millennium Prize Problems."). Rule
//! `paragraph-context` credits every sentence of a paragraph alike, so it
//! cannot tell which of them the question is about; this rule credits a
//! fact with [`Tunables::neighbour_context`] of the weight of the question's
//! words that its sentence and the sentences next to it (within its
//! paragraph) use, so the sentence whose neighbourhood holds the question
//! outranks one elsewhere in the paragraph. Like the paragraph, the
//! neighbours only rank: the decision reads the fact's own words.
//!
//! Off when `neighbour_context` is 0; the windows are gathered once at
//! load ([`window_terms`]).

use super::context::surroundings_weights;
use crate::engine::Tunables;
use crate::engine::analyze::TermId;
use crate::engine::index::{Index, Terms};

/// For each sentence of the article, given by its paragraph number in
/// reading order, the sorted terms of it and its neighbours within its
/// paragraph (`terms_of` gives a sentence's).
pub fn window_terms(paragraphs: &[usize], terms_of: impl Fn(usize) -> Vec<TermId>) -> Vec<Terms> {
    let own: Vec<Vec<TermId>> = (0..paragraphs.len()).map(terms_of).collect();
    (0..paragraphs.len())
        .map(|i| {
            let mut all = own[i].clone();
            if i > 0 && paragraphs[i - 1] == paragraphs[i] {
                all.extend(&own[i - 1]);
            }
            if i + 1 < paragraphs.len() && paragraphs[i + 1] == paragraphs[i] {
                all.extend(&own[i + 1]);
            }
            all.sort_unstable();
            all.dedup();
            Terms::from(all)
        })
        .collect()
}

/// What the rule adds to each candidate's (document, weight) matched words:
/// `neighbour_context` times the weight of the question (`query`: term and
/// weight, by term) that its sentence's window uses. Empty when the rule is
/// off, so it then costs nothing.
pub fn weights(
    index: &Index,
    candidates: &[(u32, f32)],
    query: &[(TermId, f32)],
    t: &Tunables,
) -> Vec<f32> {
    surroundings_weights(index, candidates, query, &index.window, t.neighbour_context)
}

#[cfg(test)]
mod tests {

    use super::window_terms;
    use crate::engine::Engine;
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{explain, fired};

    /// One paragraph: the prize sentence leans on the sentence before it
    /// for "the lottery"; the last sentence is far from it.
    const ARTICLE: &str = "Lottery

The city lottery is run by the council. There is a large prize for the winner. The council meets on Mondays. Its hall has a prize garden.
";

    /// One fact a sentence, as `citebot init` drafts them; `setting` goes
    /// into the `[engine]` table.
    fn lottery(setting: &str) -> Engine {
        let facts = [
            ("run", "The city lottery is run by the council."),
            ("prize", "There is a large prize for the winner."),
            ("meets", "The council meets on Mondays."),
            ("garden", "Its hall has a prize garden."),
        ];
        Engine::new(crate::fixtures::drafted_like(
            ARTICLE,
            &facts,
            &format!("paragraph_context = 0.4\n{setting}"),
        ))
    }

    #[test]
    fn a_window_holds_a_sentence_and_its_neighbours_in_its_paragraph() {
        let terms = window_terms(&[0, 1, 1, 1, 2], |s| vec![s as u32]);
        assert_eq!(&terms[0][..], &[0]);
        assert_eq!(&terms[1][..], &[1, 2]);
        assert_eq!(&terms[2][..], &[1, 2, 3]);
        assert_eq!(&terms[3][..], &[2, 3]);
        assert_eq!(&terms[4][..], &[4]);
    }

    #[test]
    fn the_sentence_next_to_the_questions_words_ranks_first() {
        let question = "what prize does the city lottery have";
        let on = lottery("neighbour_context = 0.4");
        let explained = on.explain(question, 5);
        let place = |id: &str| explained.facts.iter().position(|f| f.fact == id);
        assert!(place("prize") < place("garden"), "{explained}");
        assert!(fired(&on, question, "prize", Rule::NeighbourContext));
        assert!(explain(&on, question).contains("neighbour-context: +"));
        let off = lottery("neighbour_context = 0.0");
        assert!(!fired(&off, question, "prize", Rule::NeighbourContext));
        let base = off.explain(question, 5);
        let score = |id: &str| base.facts.iter().find(|f| f.fact == id).map(|f| f.score);
        assert_eq!(score("prize"), score("garden"), "a tie without it: {base}");
    }
}
