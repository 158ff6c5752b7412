//! Rule `sibling-borrowed`: facts citing one sentence share its words, so
//! the one whose intents match the question best is what the question asks
//! about. When that sibling is vetoed (it tells what someone else did), a
//! fact that only matches through the shared sentence cannot take the
//! answer it was denied.

/// True when the best fact, whose best intent scores `best_intent`, only
/// borrows the words of a vetoed sibling whose best intent scores
/// `sibling_intent`.
pub fn borrowed(best_intent: f32, sibling_vetoed: bool, sibling_intent: f32, share: f32) -> bool {
    sibling_vetoed && best_intent < share * sibling_intent
}

#[cfg(test)]
mod tests {
    use super::borrowed;

    #[test]
    fn only_a_weak_sibling_of_a_vetoed_fact_is_held_back() {
        assert!(borrowed(0.2, true, 0.8, 0.5));
        assert!(
            !borrowed(0.5, true, 0.8, 0.5),
            "its own intents match well enough"
        );
        assert!(!borrowed(0.2, false, 0.8, 0.5), "the sibling is an answer");
    }
}
