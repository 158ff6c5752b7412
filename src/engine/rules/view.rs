//! Rule `speaker-view`: asked why someone holds a view ("why does the
//! Chamber of Commerce president think the timing of the walkout is
//! especially bad?", "why does Kirsty Mathieson think the resilience fund is
//! not enough?"), news answers with that person's own words, reported or
//! quoted, in words of their own (`"Two days without buses and trams in the
//! run-up to the half-term holiday is the last thing city-centre traders
//! need," she said.`): few of the question's words are the sentence's, and
//! its match is weak however well it ranks. When the best fact reports a
//! view or quotes someone (rule `reported-reason` or `quoted-reason` kept
//! it) and its speaker is the one the question names (rule
//! `quoted-speaker` read their name or role as its words), the decision
//! answers from [`Tunables::view_answer`] of its own words instead of
//! `answer`; the lead it needs is unchanged.
//!
//! Off when `view_answer` is 0 (`citebot init` sets it for drafted
//! knowledge, the only kind `quoted-speaker` reads speakers for).

use super::{Fired, Rule};
use crate::engine::Tunables;

/// True when the rule applies to a best fact that fired `fired`: the rule
/// is on, the question asked why of a view that the fact reports or
/// quotes, and its speaker is the one the question names.
pub fn applies(fired: Fired, t: &Tunables) -> bool {
    t.view_answer > 0.0
        && fired.has(Rule::QuotedSpeaker)
        && (fired.has(Rule::ReportedReason) || fired.has(Rule::QuotedReason))
}

/// The score of its own words from which a best fact that fired `fired`
/// is answered with: `view_answer` when the rule applies, else `answer`.
pub fn answer_floor(fired: Fired, t: &Tunables) -> f32 {
    if applies(fired, t) {
        t.view_answer
    } else {
        t.answer
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::draft::draft;
    use crate::engine::Engine;
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{answered_with, assert_not_answered, explain, fired};
    use crate::knowledge::load_str;

    /// A made-up report: the traders' guild president is named with her
    /// role, then quoted by a pronoun; the harbour master speaks too.
    const ARTICLE: &str = "Zorbton ferry strike hits island shops

Ferry crews in Zorbton will strike for two days from Monday after talks over pay failed.

Agnes Moir, president of the Zorbton Traders Guild, said members were already struggling. \"Two days without ferries in the week before the spring fair is the last thing island shops need,\" she said.

Harbour master Tomas Vell said the timetable would be cut to one sailing a day. \"We cannot run a safe service with the crews we have left,\" he said.
";

    /// The guild president's quotation, as `citebot init` names it.
    const QUOTE: &str = "ferries-fair-shops";

    /// [`ARTICLE`] as `citebot init` drafts it, with the drafted
    /// `view_answer` replaced by `view_answer`.
    fn drafted(view_answer: &str) -> Engine {
        let toml = draft(ARTICLE).unwrap_or_else(|| panic!("no draft"));
        assert!(toml.contains("view_answer = 0.30"), "{toml}");
        let toml = toml.replace("view_answer = 0.30", view_answer);
        let knowledge = load_str(Path::new("kb"), &toml, ARTICLE).unwrap_or_else(|e| panic!("{e}"));
        Engine::new(knowledge)
    }

    #[test]
    fn asked_why_someone_holds_a_view_their_own_words_answer_from_a_weaker_match() {
        let q = "why does the traders guild president think the strike is bad for shops";
        let on = drafted("view_answer = 0.30");
        assert!(
            fired(&on, q, QUOTE, Rule::QuotedSpeaker),
            "{}",
            explain(&on, q)
        );
        assert!(fired(&on, q, QUOTE, Rule::QuotedReason));
        assert!(answered_with(&on, q, QUOTE), "{}", explain(&on, q));
        assert!(explain(&on, q).contains("(speaker-view)"));
        // Off, the quotation shares too few of the question's words.
        let off = drafted("view_answer = 0.0");
        assert_not_answered(&off, q);
    }

    #[test]
    fn the_weaker_match_is_only_for_the_view_of_the_one_the_question_names() {
        let on = drafted("view_answer = 0.30");
        // Asked of the harbour master's view, the guild president's words
        // rank first on the question's other words, as weakly: not hers to
        // answer for him.
        let q =
            "why does the harbour master think the spring fair week is bad timing for island shops";
        assert!(fired(&on, q, QUOTE, Rule::QuotedReason));
        assert!(!fired(&on, q, QUOTE, Rule::QuotedSpeaker));
        assert_not_answered(&on, q);
        // A "why" of no one's view.
        assert_not_answered(&on, "why is the strike bad for shops");
    }
}
