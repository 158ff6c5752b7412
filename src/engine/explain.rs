//! Why the engine answered as it did: how it read the question, the best
//! facts with their word score and every rule that changed it, and how the
//! decision was made. What `citebot ask --explain` prints, and what the
//! rules' tests assert on.

use std::fmt;

use super::rules::Effect;

/// One scored fact, with what moved its score.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredFact {
    /// Fact id (or `sentence-N` for an article sentence no fact cites).
    pub fact: String,
    /// Index of the sentence it cites.
    pub sentence: usize,
    /// Its score on words alone.
    pub base: f32,
    /// Its score after the rules.
    pub score: f32,
    /// Each rule that fired for it, with its effect.
    pub effects: Vec<Effect>,
}

/// The engine's account of one question.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Explanation {
    /// The question's words as read, with weights; `?` marks a word the
    /// knowledge never uses, `(typed->fixed)` a typo correction.
    pub words: Vec<(String, f32, bool)>,
    /// The best facts, best first (several may cite one sentence).
    pub facts: Vec<ScoredFact>,
    /// How the decision was made, or why the search stopped before scoring.
    pub verdict: String,
    /// The same in one word: `answered`, `declined`, `weak-match` (the
    /// best fact's own words score under `answer`), `near-tie` (its lead
    /// over another sentence is under `margin`), the rule that vetoed the
    /// best fact or stopped the search, `smalltalk` or `about-article` (a
    /// greeting, thanks, or a question about the article's author, outlet,
    /// date or link, replied to before any fact is scored), or `not-read`.
    pub cause: String,
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words: Vec<String> = self
            .words
            .iter()
            .map(|(w, weight, known)| format!("{w}{}:{weight:.2}", if *known { "" } else { "?" }))
            .collect();
        writeln!(f, "    words: {}", words.join(" "))?;
        for fact in &self.facts {
            write!(f, "    {:.3}  {}", fact.score, fact.fact)?;
            if !fact.effects.is_empty() {
                let effects: Vec<String> = fact.effects.iter().map(ToString::to_string).collect();
                write!(f, "  (words {:.3}; {})", fact.base, effects.join(", "))?;
            }
            writeln!(f)?;
        }
        write!(f, "    decision: {}", self.verdict)
    }
}
