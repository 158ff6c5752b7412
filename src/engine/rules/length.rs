//! Rule `sentence-length`: a long sentence shares some of a question's
//! words by its length alone, while a short one that shares as many is more
//! likely about them ("The input is an arbitrary graph." against a
//! forty-word sentence that also says "input" and "graph"). As in BM25, the
//! weight of the question's words a fact matches is scaled by
//! `(k + 1) / (1 + k (1 - b + b L / avg))`, where `L` is the number of
//! distinct words of the fact, `avg` the knowledge's average, `b`
//! [`Tunables::length_norm`] and `k` [`Tunables::length_saturation`]: 1 for a
//! fact of average length, more for a shorter one, less for a longer one.
//!
//! It only ranks: whether to answer is read on the fact's words before the
//! scaling (`Ranked::evidence` in `score.rs`), so a short sentence is
//! preferred over a long one but not answered from on fewer words. Off when
//! `length_norm` is 0.

use crate::engine::Tunables;

/// The factor a fact's matched weight is scaled by, for a fact of `len`
/// distinct words in a knowledge whose facts average `average`.
pub fn factor(len: usize, average: f32, t: &Tunables) -> f32 {
    if t.length_norm <= 0.0 || average <= 0.0 {
        return 1.0;
    }
    let k = t.length_saturation;
    let relative = len as f32 / average;
    (k + 1.0) / (1.0 + k * (1.0 - t.length_norm + t.length_norm * relative))
}

#[cfg(test)]
mod tests {

    use super::factor;
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{explain, fired};
    use crate::engine::{Engine, Tunables};

    /// A short sentence and a long one, both with "input" and "graph".
    const ARTICLE: &str = "Graphs

The input is an arbitrary graph.

Every input graph is drawn by the program on a large screen with colours, labels, arrows and a legend for the reader.
";

    /// One fact a sentence, as `citebot init` drafts them; `setting` goes
    /// into the `[engine]` table.
    fn graphs(setting: &str) -> Engine {
        let facts = [
            ("input", "The input is an arbitrary graph."),
            (
                "drawing",
                "Every input graph is drawn by the program on a large screen with colours, labels, arrows and a legend for the reader.",
            ),
        ];
        // Scored on their bags alone, both facts cover the question fully.
        let engine = format!("phrase_match = 0.0\nintent_share = 0.0\n{setting}");
        Engine::new(crate::fixtures::drafted_like(ARTICLE, &facts, &engine))
    }

    #[test]
    fn an_average_fact_keeps_its_weight_a_short_one_gains_a_long_one_loses() {
        let t = Tunables {
            length_norm: 0.5,
            length_saturation: 1.0,
            ..Tunables::default()
        };
        assert_eq!(factor(10, 10.0, &t), 1.0);
        assert!(factor(5, 10.0, &t) > 1.0);
        assert!(factor(20, 10.0, &t) < 1.0);
        let off = Tunables {
            length_norm: 0.0,
            ..t
        };
        assert_eq!(factor(20, 10.0, &off), 1.0);
    }

    #[test]
    fn the_short_sentence_ranks_first_but_answers_on_its_own_words() {
        let question = "what kind of graph is the input";
        let on = graphs("length_norm = 0.75");
        let explained = on.explain(question, 5);
        assert_eq!(explained.facts[0].fact, "input", "{explained}");
        assert!(fired(&on, question, "input", Rule::SentenceLength));
        assert!(explain(&on, question).contains("sentence-length: +"));
        assert!(explain(&on, question).contains("sentence-length: -"));
        let off = graphs("length_norm = 0.0");
        assert!(!fired(&off, question, "input", Rule::SentenceLength));
        let base = off.explain(question, 5);
        assert_eq!(base.facts[0].score, base.facts[1].score, "a tie: {base}");
        assert!(explained.facts[0].score > explained.facts[1].score);
        // The decision reads the short sentence's own words, not the scaling.
        assert!(
            explained.verdict.contains("on its own words"),
            "{explained}"
        );
    }
}
