//! Rule `quoted-speaker`: news names a speaker once, with who they are, and
//! then attributes their words to a pronoun or a surname ("Transport
//! minister Douglas Ure visited Carrach." then `"Islanders should not have
//! to carry the cost," Ure said.`), or to no one in a quotation that goes
//! on (`"We know ...," she said. "But I will never ..."`). A reader asks
//! "what did the minister say", and the sentence that answers never writes
//! "minister". So at load each sentence gets who speaks in it: the
//! speaker's full name and the words the article first gives them with
//! (`crate::draft::quotation_speakers`), and the question's "say" (news
//! writes "said", which no term keeps), less the document's own words.
//! When the question asks what someone said (a word of `[speaker-asking]`
//! in `assets/lang/word-lists.txt`), [`Tunables::quoted_speaker`] of the
//! weight of the question's words that those use is credited to the fact
//! as its own words: who says it is part of what the sentence tells. A
//! fact the question meets only that way joins the shortlist.
//!
//! Off when `quoted_speaker` is 0 (`citebot init` sets it for the
//! single-sentence facts it drafts).

use super::has;
use crate::engine::Tunables;
use crate::engine::analyze::TermId;
use crate::engine::index::Index;
use crate::language::{Classes, List, language};

/// True when a question (its words, folded) asks what someone said: one of
/// its words is in `[speaker-asking]` ("say", "told", "according").
pub fn asks_what_was_said(words: &[&str]) -> bool {
    let lang = language();
    words.iter().any(|w| lang.in_list(List::SpeakerAsking, w))
}

/// [`asks_what_was_said`] of words read from their classes (an analysed
/// question's [`crate::engine::analyze::Analysed::classes`]): no word is
/// looked up again.
pub fn asks_what_was_said_of(classes: &[Classes]) -> bool {
    classes.iter().any(|c| c.has(List::SpeakerAsking))
}

/// What the rule adds to each candidate's (document, weight) matched words:
/// `quoted_speaker` times the weight of the question (`query`: term and
/// weight) that its sentence's speaker's name and role use and the
/// document does not. Empty when the rule is off or the question asks no
/// one's words (`asks`).
pub fn weights(
    index: &Index,
    candidates: &[(u32, f32)],
    query: &[(TermId, f32)],
    asks: bool,
    t: &Tunables,
) -> Vec<f32> {
    if !asks || t.quoted_speaker <= 0.0 || index.speaker.is_empty() {
        return Vec::new();
    }
    candidates
        .iter()
        .map(|&(d, _)| t.quoted_speaker * speaker_weight(index, d, query))
        .collect()
}

/// The weight of the question's words (`query`) that the speaker of
/// document `d`'s sentence has and the document does not.
fn speaker_weight(index: &Index, d: u32, query: &[(TermId, f32)]) -> f32 {
    let doc = &index.docs[d as usize];
    let Some(speaker) = index.speaker.get(doc.sentence) else {
        return 0.0;
    };
    query
        .iter()
        .filter(|&&(term, _)| has(speaker, term) && !has(&doc.bag, term))
        .map(|&(_, weight)| weight)
        .sum()
}

/// Adds to the shortlist `out` (document, weight of the question's words
/// it matches) each document the question (`query`) meets only through
/// its sentence's speaker: "what did the minister say" shares no word with
/// `"...," Ure said.`. Only for a question asking what someone said (`asks`)
/// while the rule is on.
pub fn add_candidates(
    index: &Index,
    query: &[(TermId, f32)],
    asks: bool,
    t: &Tunables,
    out: &mut Vec<(u32, f32)>,
) {
    if !asks || t.quoted_speaker <= 0.0 || index.speaker.is_empty() {
        return;
    }
    for (d, doc) in index.docs.iter().enumerate() {
        let d = d as u32;
        if speaker_weight(index, d, query) <= 0.0 || out.iter().any(|&(c, _)| c == d) {
            continue;
        }
        let own = query
            .iter()
            .filter(|&&(term, _)| has(&doc.bag, term))
            .map(|&(_, weight)| weight)
            .sum();
        out.push((d, own));
    }
}

#[cfg(test)]
mod tests {
    use super::{asks_what_was_said, asks_what_was_said_of};
    use crate::draft::quotation_speakers;
    use crate::engine::Engine;
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::fired;
    use crate::language::List;

    /// A made-up report: the minister is named with his role once, then
    /// quoted by surname, and a pronoun and a quotation that goes on speak
    /// for the harbour master; another sentence says the same of safety.
    const ARTICLE: &str = "Bridge closed

Harbour minister Tomas Vell visited the quay on Monday. \"Nobody should pay for a fault they did not cause,\" Vell said.

Agnes Moir, the harbour master, said the bridge was unsafe. \"We will not reopen it,\" she said. \"Safety comes before the timetable.\"

The council says safety rules for the timetable are strict.
";

    /// One fact a sentence, as `citebot init` drafts them; `setting` goes
    /// into the `[engine]` table.
    fn harbour(setting: &str) -> Engine {
        let facts = [
            (
                "visited",
                "Harbour minister Tomas Vell visited the quay on Monday.",
            ),
            (
                "pay",
                "\"Nobody should pay for a fault they did not cause,\" Vell said.",
            ),
            (
                "unsafe",
                "Agnes Moir, the harbour master, said the bridge was unsafe.",
            ),
            ("reopen", "\"We will not reopen it,\" she said."),
            ("safety", "\"Safety comes before the timetable.\""),
            (
                "council",
                "The council says safety rules for the timetable are strict.",
            ),
        ];
        Engine::new(crate::fixtures::drafted_like(ARTICLE, &facts, setting))
    }

    #[test]
    fn each_quotation_gets_its_speaker_and_who_they_are() {
        let sentences = [
            (1, "Harbour minister Tomas Vell visited the quay on Monday."),
            (1, "\"Nobody should pay,\" Vell said."),
            (
                2,
                "Agnes Moir, the harbour master, said the bridge was unsafe.",
            ),
            (2, "\"We will not reopen it,\" she said."),
            (2, "\"Safety comes first.\""),
            (3, "\"It is late.\""),
        ];
        let speakers = quotation_speakers(&sentences);
        assert_eq!(speakers[0], "");
        assert_eq!(speakers[1], "tomas vell harbour minister");
        assert_eq!(speakers[2], "agnes moir harbour master");
        assert_eq!(speakers[3], "agnes moir harbour master");
        assert_eq!(speakers[4], "agnes moir harbour master");
        // A quotation in another paragraph does not go on.
        assert_eq!(speakers[5], "");
        assert!(asks_what_was_said(&[
            "what", "did", "the", "minister", "say"
        ]));
        assert!(!asks_what_was_said(&[
            "when", "did", "the", "bridge", "close"
        ]));
    }

    /// The question's reading takes whether it asks what was said from its
    /// words' classes: the same verdict as reading its words, for every
    /// word of the list and for questions with and without one.
    #[test]
    fn asking_what_was_said_reads_the_same_from_the_words_classes() {
        let lang = crate::language::language();
        let classes =
            |words: &[&str]| -> Vec<_> { words.iter().map(|w| lang.classes(w)).collect() };
        let listed = lang.list(List::SpeakerAsking);
        assert!(!listed.is_empty());
        for word in listed {
            let words = ["what", "did", "she", word.as_str()];
            assert!(asks_what_was_said_of(&classes(&words)), "{word}");
        }
        let questions: [&[&str]; 4] = [
            &["what", "did", "the", "minister", "say"],
            &["when", "did", "the", "bridge", "close"],
            &["who", "sent", "saying", "sayings"],
            &[],
        ];
        for words in questions {
            assert_eq!(
                asks_what_was_said_of(&classes(words)),
                asks_what_was_said(words),
                "{words:?}"
            );
        }
    }

    #[test]
    fn what_the_minister_said_is_his_quotation() {
        let on = harbour("quoted_speaker = 1.0");
        // Only the council's sentence writes "say"; the quotation meets it
        // and "minister" through who says it.
        let question = "what did the minister say";
        let explained = on.explain(question, 5);
        assert_eq!(
            explained.facts.first().map(|f| f.fact.as_str()),
            Some("pay"),
            "{explained}"
        );
        assert!(fired(&on, question, "pay", Rule::QuotedSpeaker));
        let off = harbour("quoted_speaker = 0.0");
        let explained = off.explain(question, 5);
        assert_eq!(
            explained.facts.first().map(|f| f.fact.as_str()),
            Some("council"),
            "without it another sentence wins: {explained}"
        );
        // Only a question asking what someone said reads the speaker.
        let question = "is the minister to blame for the fault";
        assert!(!fired(&on, question, "pay", Rule::QuotedSpeaker));
        // A quotation that goes on speaks for the harbour master.
        let question = "what did the harbour master say about safety";
        let explained = on.explain(question, 5);
        assert_eq!(
            explained.facts.first().map(|f| f.fact.as_str()),
            Some("safety"),
            "{explained}"
        );
    }
}
