//! Rule `intent-other-kind`: an intent that asks for another kind of answer
//! than the question ("why send weapons" against "what weapons were sent")
//! matches it less well, whatever words they share.

use crate::engine::question::Wants;

/// True when an intent asking for `intent` does not ask what a question
/// wanting `wanted` asks.
pub fn applies(intent: Wants, wanted: Wants) -> bool {
    intent != Wants::Any && !intent.agrees_with(wanted)
}

/// [`applies`] for every intent kind against one question's, worked out
/// once a question: scoring asks it for each intent its words meet.
pub struct Cuts {
    /// By kind's place in [`Wants::ALL`].
    table: [bool; Wants::ALL.len()],
    wanted: Wants,
}

impl Cuts {
    /// The kinds of intent that the rule cuts for a question wanting `wanted`.
    pub fn new(wanted: Wants) -> Cuts {
        Cuts {
            table: Wants::ALL.map(|intent| applies(intent, wanted)),
            wanted,
        }
    }

    /// [`applies`] to an intent asking for `intent` (worked out again for
    /// a kind [`Wants::ALL`] would not list).
    pub fn applies(&self, intent: Wants) -> bool {
        match self.table.get(intent as usize) {
            Some(&cut) => cut,
            None => applies(intent, self.wanted),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Cuts, applies};
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
    fn the_table_says_what_the_rule_says_for_every_pair_of_kinds() {
        for (place, &intent) in Wants::ALL.iter().enumerate() {
            assert_eq!(intent as usize, place, "{intent:?} out of place");
            for wanted in Wants::ALL {
                assert_eq!(
                    Cuts::new(wanted).applies(intent),
                    applies(intent, wanted),
                    "{intent:?} against {wanted:?}"
                );
            }
        }
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
