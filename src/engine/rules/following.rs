//! Rule `following-reason`: asked why, news often states the event in one
//! sentence and gives its reason in the next, in the speaker's own words:
//! "Angus MacRae said the Nordic Tern would only be able to use the
//! linkspan within three hours either side of high tide." followed by
//! `"She sits higher in the water than our own boats, so at low water the
//! ramp angle is simply too steep," he said.` The question ("why can the
//! Nordic Tern only use the linkspan around high tide?") shares its words
//! with the first sentence, which states no reason (rule `unstated-reason`
//! or `answer-kind` cut it), and few or none with the second, which gives
//! it.
//!
//! For a "why" question, each of the best ranked facts that one of those
//! rules cut, and that no veto keeps from being the answer, credits the
//! sentence after its own when that sentence gives a reason
//! ([`gives_a_reason`]: a word of `[reason]` or "so") and stands in its
//! paragraph, or opens the next one with a quotation: that sentence
//! scores at least [`Tunables::following_reason`] times the cut fact's
//! score, with its share of ranking-only credit. Off when
//! `following_reason` is 0 (`citebot init` sets it for drafted knowledge,
//! one fact a sentence); which sentence follows with a reason is read once
//! at load ([`followers`]). A quotation alone is not read as a reason: the
//! speaker's next words displaced sentences that answered (a reported
//! view, `reported-reason`, is not read as stating none for the same
//! cause).

use crate::engine::Tunables;
use crate::engine::index::{Doc, Index};
use crate::engine::question::{Gives, Wants};
use crate::engine::score::Ranked;

use super::{Fired, Rule};

/// How many of the best facts may credit the sentence after theirs: the
/// others rank too low for their follower to be the answer.
const CHECKED: usize = 3;

/// True when a sentence gives a reason for the one before it: it states
/// one in words (a word of `[reason]`, "because") or says "so".
pub fn gives_a_reason(sentence: &str) -> bool {
    let gives = Gives::from_sentence(sentence);
    gives.states_reason() || crate::text::words(sentence).iter().any(|w| w == "so")
}

/// For each article sentence, given by its paragraph number and text in
/// reading order, whether the sentence after it gives a reason for it:
/// it [`gives_a_reason`] and stands in the same paragraph, or opens the
/// next one with a quotation mark.
pub fn followers(sentences: &[(usize, &str)]) -> Vec<bool> {
    (0..sentences.len())
        .map(|i| {
            let Some(&(paragraph, text)) = sentences.get(i + 1) else {
                return false;
            };
            let placed = paragraph == sentences[i].0
                || paragraph == sentences[i].0 + 1
                    && text
                        .trim_start()
                        .starts_with(crate::text::quotes::OPENING_DOUBLE);
            placed && gives_a_reason(text)
        })
        .collect()
}

/// True when a rule cut the fact for stating no reason for what it tells.
fn states_none(fired: Fired) -> bool {
    (fired.has(Rule::UnstatedReason) || fired.has(Rule::AnswerKind))
        && !fired.has(Rule::OtherDoer)
        && !fired.has(Rule::OtherSpeaker)
}

/// Credits, for a question wanting `wanted`, the sentence after each of
/// the best ranked facts that states no reason when that sentence gives
/// one ([`Index::reason_follows`]), and sorts the ranking again.
pub fn apply(index: &Index, wanted: Wants, t: &Tunables, ranked: &mut Vec<Ranked>) {
    if wanted != Wants::Reason || t.following_reason <= 0.0 {
        return;
    }
    let credits: Vec<(usize, f32, f32)> = ranked
        .iter()
        .take(CHECKED)
        .filter(|r| states_none(r.fired))
        .filter(|r| index.reason_follows.get(r.sentence) == Some(&true))
        .map(|r| {
            (
                r.sentence + 1,
                r.score * t.following_reason,
                r.context_share,
            )
        })
        .collect();
    if credits.is_empty() {
        return;
    }
    for (sentence, score, context_share) in credits {
        credit(index, sentence, score, context_share, ranked);
    }
    super::sort_ranked(ranked);
}

/// Raises the best ranked fact citing `sentence` to `score` (with
/// `context_share` of it ranking-only credit), or ranks the first document
/// citing it at that score when none is ranked.
fn credit(
    index: &Index,
    sentence: usize,
    score: f32,
    context_share: f32,
    ranked: &mut Vec<Ranked>,
) {
    let raise = |r: &mut Ranked| {
        if r.score < score {
            r.score = score;
            r.context_share = context_share;
            r.fired.add(Rule::FollowingReason);
        }
    };
    if let Some(r) = ranked.iter_mut().find(|r| r.sentence == sentence) {
        raise(r);
        return;
    }
    let Some(doc) = index.docs.iter().find(|d| d.sentence == sentence) else {
        return;
    };
    let mut fired = Fired::default();
    fired.add(Rule::FollowingReason);
    ranked.push(follower(doc, score, context_share, fired));
}

/// A ranking entry for a document no word of the question met.
fn follower(doc: &Doc, score: f32, context_share: f32, fired: Fired) -> Ranked {
    Ranked {
        target: doc.target,
        sentence: doc.sentence,
        score,
        base: 0.0,
        intent: 0.0,
        fired,
        boosts: [0.0; 10],
        context_share,
    }
}

#[cfg(test)]
mod tests {
    use super::{followers, gives_a_reason};
    use crate::engine::Engine;
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{answered_with, explain, fired};

    /// A harbour master states a limit, then gives its reason in her own
    /// words; a ferry crew's pay is then told with no reason after it.
    const ARTICLE: &str = "Zorbton pier

Harbour master Ada Quill said the zorblat ferry would only be able to berth at the pier at high tide. \"Her hull sits deep, so at low water she would touch the seabed,\" she said.

The zorblat crews were given a pay rise in March. \"We check the tide tables every morning,\" Ms Quill said.
";

    /// One fact a sentence, as `citebot init` drafts them; `setting` goes
    /// into the `[engine]` table.
    fn pier(setting: &str) -> Engine {
        let facts = [
            (
                "berth",
                "Harbour master Ada Quill said the zorblat ferry would only be able to berth at the pier at high tide.",
            ),
            (
                "hull",
                "\"Her hull sits deep, so at low water she would touch the seabed,\" she said.",
            ),
            ("pay", "The zorblat crews were given a pay rise in March."),
            (
                "tables",
                "\"We check the tide tables every morning,\" Ms Quill said.",
            ),
        ];
        Engine::new(crate::fixtures::drafted_like(ARTICLE, &facts, setting))
    }

    #[test]
    fn a_following_sentence_gives_a_reason_by_a_reason_word_or_so() {
        assert!(gives_a_reason(
            "\"Her hull sits deep, so at low water she would touch\""
        ));
        assert!(gives_a_reason(
            "Families cancelled because the coach takes an hour."
        ));
        assert!(!gives_a_reason(
            "\"We check the tide tables every morning,\" she said."
        ));
        // Sentences 0 and 1 share a paragraph; 2 opens the next with a
        // quotation, 4 opens one without.
        let read = [
            (0, "A said the pier shuts."),
            (0, "It shuts so the crews can rest."),
            (1, "\"It is so old,\" she said."),
            (1, "B said the shop shuts."),
            (2, "It shuts so the owner can rest."),
        ];
        assert_eq!(followers(&read), [true, true, false, false, false]);
    }

    #[test]
    fn asked_why_the_reason_in_the_next_sentence_answers_for_the_one_stating_none() {
        let question = "why can the zorblat ferry only berth at the pier at high tide";
        let on = pier("following_reason = 1.25");
        assert!(
            answered_with(&on, question, "hull"),
            "{}",
            explain(&on, question)
        );
        assert!(fired(&on, question, "hull", Rule::FollowingReason));
        assert!(explain(&on, question).contains("following-reason: ×1.25"));
        let off = pier("following_reason = 0.0");
        assert!(
            !answered_with(&off, question, "hull"),
            "{}",
            explain(&off, question)
        );
    }

    #[test]
    fn only_a_why_question_and_only_a_follower_giving_a_reason_are_credited() {
        let on = pier("following_reason = 1.25");
        // Asked when, the sentence stating the limit gives no time (rule
        // `answer-kind`), but the reason after it is no answer either.
        let when = "when can the zorblat ferry berth at the pier";
        assert!(fired(&on, when, "berth", Rule::AnswerKind));
        assert!(
            !explain(&on, when).contains("following-reason"),
            "{}",
            explain(&on, when)
        );
        // The sentence after the pay rise quotes someone but gives no
        // reason: the question stays with the pay rise.
        let why = "why were the zorblat crews given a pay rise";
        assert!(
            !explain(&on, why).contains("following-reason"),
            "{}",
            explain(&on, why)
        );
    }
}
