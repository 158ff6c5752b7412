//! Rule `nothing-said`: the question asks what someone said and the
//! sentence reports nobody's words. "What has Calder Ridge Partners said
//! about the closure?" against "It is owned jointly by Westmoor County
//! Council ... and the infrastructure investor Calder Ridge Partners": the
//! sentence names the company, but quotes no one and has no verb that
//! reports speech or a view (`[speech-verbs]`, `[attribution-verbs]`,
//! `[view-verbs]`, `[reporting-verbs]`), so it cannot say what was said.
//! The question asks it by a word of `[speech-asked]` ("say", "said",
//! "respond", "comment"; not "according" nor "tell") after "what". Not
//! read for a yes/no question.

use crate::engine::Engine;
use crate::engine::score::Ranked;
use crate::language::{List, language};

use super::Rule;

/// How many of the best facts are judged: the others rank too low to be
/// the answer.
const CHECKED: usize = 8;

/// True when a question (its words) asks what someone said: a word of
/// `[speech-asked]` after "what". Asked otherwise, the speech is no answer
/// asked for: "how did people respond" asks the reactions, which a
/// sentence tells of in nouns ("elicited responses"), and "my friend says
/// ..." only leads into the question.
pub fn asks(words: &[&str]) -> bool {
    let lang = language();
    words.iter().position(|&w| w == "what").is_some_and(|at| {
        words[at + 1..]
            .iter()
            .any(|w| lang.in_list(List::SpeechAsked, w))
    })
}

/// True when a sentence reports someone's words or view: it has a
/// quotation mark or a verb that reports them.
pub fn reports_speech(sentence: &str) -> bool {
    if sentence.contains(crate::text::quotes::DOUBLE) {
        return true;
    }
    let lang = language();
    crate::text::words(sentence).iter().any(|w| {
        [
            List::SpeechVerbs,
            List::AttributionVerbs,
            List::ViewVerbs,
            List::ReportingVerbs,
        ]
        .into_iter()
        .any(|list| lang.in_list(list, w))
    })
}

/// Cuts the score of each of the best ranked facts whose sentence reports
/// nobody's words, when the question (its words) asks what someone said,
/// and sorts the ranking again. `yes_no`: whether it asks for a yes or a no.
pub fn apply(engine: &Engine, question: &[&str], yes_no: bool, ranked: &mut [Ranked]) {
    if yes_no || ranked.is_empty() || !asks(question) {
        return;
    }
    // Each sentence's verdict was read at load ([`reports_speech`]).
    let reports = &engine.index.reports_speech;
    let share = engine.tunables.nothing_said;
    super::cut_best(ranked, CHECKED, share, Rule::NothingSaid, |r| {
        reports.get(r.sentence) == Some(&false)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::tests::{answered_with, explain, fired};
    use crate::engine::{Engine, Reply};

    /// A made-up article drafted one fact a sentence.
    fn harbour() -> Engine {
        let facts = [
            (
                "owned-partners",
                "The harbour is owned by the council and the investor Gullrock Partners.",
            ),
            (
                "partners-sale",
                "Gullrock Partners said the sale would go ahead in May.",
            ),
        ];
        let article = crate::fixtures::article_of("Harbour sold", &facts);
        Engine::new(crate::fixtures::drafted_like(&article, &facts, ""))
    }

    #[test]
    fn a_sentence_reports_speech_by_a_quotation_or_a_reporting_verb() {
        assert!(reports_speech("\u{201c}We will sue,\u{201d} she added."));
        assert!(reports_speech(
            "The union described the offer as an insult."
        ));
        assert!(reports_speech(
            "Gullrock Partners said the sale would go ahead."
        ));
        assert!(!reports_speech(
            "The harbour is owned by the council and Gullrock Partners."
        ));
        assert!(asks(&["what", "has", "the", "council", "said"]));
        // Not asked after "what": no speech asked for.
        assert!(!asks(&["how", "did", "people", "respond"]));
        assert!(!asks(&["my", "friend", "says", "it", "is", "true"]));
        // "According to" asks what a source shows, which needs no speech.
        assert!(!asks(&[
            "how",
            "big",
            "is",
            "it",
            "according",
            "to",
            "the",
            "report"
        ]));
    }

    #[test]
    fn what_someone_said_is_not_answered_by_a_sentence_reporting_no_words() {
        let e = harbour();
        let asked = "What has the council said about the harbour?";
        assert!(
            fired(&e, asked, "owned-partners", Rule::NothingSaid),
            "{asked}"
        );
        assert!(
            explain(&e, asked).contains("nothing-said: ×0.30"),
            "{asked}"
        );
        assert!(!matches!(e.answer(asked), Reply::Answered(_)), "{asked}");
        // A sentence reporting someone's words answers.
        let said = "What did Gullrock Partners say about the sale?";
        assert!(!fired(&e, said, "partners-sale", Rule::NothingSaid));
        assert!(answered_with(&e, said, "partners-sale"), "{said}");
        // Asked without a word of speech, the first sentence answers.
        let owned = "Who owns the harbour?";
        assert!(answered_with(&e, owned, "owned-partners"), "{owned}");
    }
}
