//! Rule `intent-other-kind`: an intent that asks for another kind of answer
//! than the question ("why send weapons" against "what weapons were sent")
//! matches it less well, whatever words they share.

use crate::engine::question::Wants;

/// True when an intent asking for `intent` does not ask what a question
/// wanting `wanted` asks.
pub fn applies(intent: Wants, wanted: Wants) -> bool {
    intent != Wants::Any && !intent.agrees_with(wanted)
}

#[cfg(test)]
mod tests {
    use super::applies;
    use crate::engine::question::Wants;
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{fired, tiny};

    #[test]
    fn kinds_that_disagree() {
        assert!(applies(Wants::Reason, Wants::Any));
        assert!(!applies(Wants::Any, Wants::Reason));
        assert!(
            !applies(Wants::Date, Wants::Time),
            "a precise time is a time"
        );
        assert!(
            !applies(Wants::Person, Wants::Any),
            "a who intent answers the plain question"
        );
    }

    #[test]
    fn a_why_intent_matches_a_what_question_less() {
        // The fact's best intent for this question asks why.
        assert!(fired(
            tiny(),
            "was france unhappy with the bridge",
            "france-cost",
            Rule::IntentOtherKind
        ));
        assert!(!fired(
            tiny(),
            "why was france unhappy with the bridge",
            "france-cost",
            Rule::IntentOtherKind
        ));
    }
}
