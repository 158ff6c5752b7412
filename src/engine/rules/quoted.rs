//! Rule `quoted-reason`: a question asking why someone holds a view or
//! says something ("why does Mr Pennock expect his guests to stay near
//! Hallingford?", "why is Leon Farrow worried?") is answered in news by the
//! speaker's own words, a quotation that gives no reason word (`"Most of my
//! guests are people flying out early the next morning, and they will now
//! stay near Hallingford instead."`). Such a sentence keeps
//! [`Tunables::reported_reason`] of its score instead of `wrong_kind`, as
//! rule `reported-reason` keeps a reported view, and a quotation whose
//! only reason is a "to" ("I'll probably have to cycle nine miles each
//! way") is not cut by `unstated-reason`, when that "to" stands inside the
//! quotation: one outside it is the reporter's ("said the authority would
//! not make a new offer "under the threat of industrial action", while
//! Okafor said ... put to members"). Only for a question that
//! asks of a view (a word of `[view-asking]`, `assets/lang/word-lists.txt`):
//! asked why of a plain event ("why is fare income below pre-pandemic
//! levels?"), a quotation that states the event as its premise gives no
//! reason for it.

use super::Reading;
use crate::engine::Tunables;
use crate::engine::index::Doc;
use crate::engine::question::Wants;
use crate::language::{List, language};

/// True when a question wanting `wanted` asks why someone holds a view:
/// it asks why, with a word of `[view-asking]` among `words` ("think",
/// "worried", "according").
pub fn asks_of_a_view(wanted: Wants, words: &[&str]) -> bool {
    wanted == Wants::Reason
        && words
            .iter()
            .any(|w| language().in_list(List::ViewAsking, &w.to_lowercase()))
}

/// True when the rule reads the fact as possibly giving the reason asked
/// for: the question asks why of a view, the fact's sentence quotes
/// someone, and the rule is on (`reported_reason` above 0).
pub fn applies(reading: &Reading, doc: &Doc, t: &Tunables) -> bool {
    reading.of_view && doc.gives.quotes() && t.reported_reason > 0.0
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::asks_of_a_view;
    use crate::engine::Engine;
    use crate::engine::question::Wants;
    use crate::engine::rules::Rule;
    use crate::engine::rules::tests::{answered_with, explain, fired};
    use crate::knowledge::load_str;

    const ARTICLE: &str = "Zorblat hotel loses bookings

Hotel owner Gareth Pennock said a third of his zorblat bookings had been cancelled. \"Most of my guests fly out early, and they will now stay near Hallingford instead,\" Mr Pennock said.

The zorblat airport will close for three weeks.

Nurse Leon Farrow said he was worried. \"I will have to cycle nine miles each way,\" he said. Farrow said the ward was \"short-staffed\" and he hoped to find a lift.
";

    /// The article's sentences as `citebot init` drafts them, with
    /// `setting` in the `[engine]` table.
    fn hotel(setting: &str) -> Engine {
        let toml = format!(
            r#"
[article]
title = "Zorblat hotel loses bookings"
[summary]
short = "S."
long = "L."
[topics.all]
title = "All"
summary = "All."
[[fact]]
id = "headline"
topic = "all"
intents = ["zorblat hotel loses bookings"]
answer = "Zorblat hotel loses bookings"
source = "Zorblat hotel loses bookings"
[[fact]]
id = "cancelled"
topic = "all"
intents = ["hotel owner gareth pennock third zorblat bookings cancelled"]
answer = "Hotel owner Gareth Pennock said a third of his zorblat bookings had been cancelled."
source = "Hotel owner Gareth Pennock said a third of his zorblat bookings had been cancelled."
[[fact]]
id = "guests"
topic = "all"
intents = ["guests fly early stay near hallingford instead mr pennock"]
answer = '"Most of my guests fly out early, and they will now stay near Hallingford instead," Mr Pennock said.'
source = '"Most of my guests fly out early, and they will now stay near Hallingford instead," Mr Pennock said.'
[[fact]]
id = "closure"
topic = "all"
intents = ["zorblat airport close three weeks"]
answer = "The zorblat airport will close for three weeks."
source = "The zorblat airport will close for three weeks."
[[fact]]
id = "worried"
topic = "all"
intents = ["nurse leon farrow worried"]
answer = "Nurse Leon Farrow said he was worried."
source = "Nurse Leon Farrow said he was worried."
[[fact]]
id = "cycle"
topic = "all"
intents = ["leon farrow cycle nine miles each way"]
answer = '"I will have to cycle nine miles each way," he said.'
source = '"I will have to cycle nine miles each way," he said.'
[[fact]]
id = "lift"
topic = "all"
intents = ["farrow ward short staffed hoped find lift"]
answer = 'Farrow said the ward was "short-staffed" and he hoped to find a lift.'
source = 'Farrow said the ward was "short-staffed" and he hoped to find a lift.'
[engine]
{setting}
"#
        );
        let knowledge =
            load_str(Path::new("hotel"), &toml, ARTICLE).unwrap_or_else(|e| panic!("{e}"));
        Engine::new(knowledge)
    }

    #[test]
    fn asked_why_someone_expects_something_their_quotation_answers() {
        let on = hotel("reported_reason = 0.8");
        let q = "why does mr pennock expect his guests to stay near hallingford";
        assert!(fired(&on, q, "guests", Rule::QuotedReason));
        assert!(!fired(&on, q, "guests", Rule::AnswerKind));
        assert!(answered_with(&on, q, "guests"), "{}", explain(&on, q));
        assert!(explain(&on, q).contains("quoted-reason: ×0.80"));
        // Off, the quotation gives no reason word and is cut.
        let off = hotel("reported_reason = 0.0");
        assert!(fired(&off, q, "guests", Rule::AnswerKind));
        assert!(!answered_with(&off, q, "guests"), "{}", explain(&off, q));
    }

    #[test]
    fn asked_why_of_a_plain_event_a_quotation_stating_it_gives_no_reason() {
        let on = hotel("reported_reason = 0.8");
        let q = "why will guests stay near hallingford";
        assert!(fired(&on, q, "guests", Rule::AnswerKind));
        assert!(!fired(&on, q, "guests", Rule::QuotedReason));
        // Asked why of a view, a sentence that quotes no one is still cut.
        let q = "why does mr pennock think the airport will close";
        assert!(fired(&on, q, "closure", Rule::AnswerKind));
        assert!(!fired(&on, q, "closure", Rule::QuotedReason));
    }

    #[test]
    fn asked_why_of_a_view_a_quotation_s_to_is_no_unstated_reason() {
        let on = hotel("reported_reason = 0.8");
        // "to cycle" is its only reason: asked why he worries, his words
        // are not cut for it; asked why he will cycle, they are.
        let q = "why is leon farrow worried";
        assert!(
            !fired(&on, q, "cycle", Rule::UnstatedReason),
            "{}",
            explain(&on, q)
        );
        let q = "why will leon farrow cycle nine miles each way";
        assert!(fired(&on, q, "cycle", Rule::UnstatedReason));
    }

    #[test]
    fn asked_why_of_a_view_a_to_outside_the_quotation_is_the_reporter_s() {
        let on = hotel("reported_reason = 0.8");
        // "to find a lift" stands outside the quoted "short-staffed": the
        // sentence states no reason, as one with no quotation would not.
        let q = "why is leon farrow worried about the ward";
        assert!(
            fired(&on, q, "lift", Rule::UnstatedReason),
            "{}",
            explain(&on, q)
        );
        assert!(!fired(&on, q, "cycle", Rule::UnstatedReason));
    }

    #[test]
    fn a_why_of_a_view_is_read_from_its_words() {
        let words = |q: &str| q.split(' ').map(str::to_string).collect::<Vec<_>>();
        let asks = |wanted, q: &str| {
            let w = words(q);
            let w: Vec<&str> = w.iter().map(String::as_str).collect();
            asks_of_a_view(wanted, &w)
        };
        assert!(asks(Wants::Reason, "why does the union think it can win"));
        assert!(asks(Wants::Reason, "why is Leon Farrow worried"));
        assert!(!asks(
            Wants::Reason,
            "why is fare income below pre-pandemic levels"
        ));
        // Asked what someone thinks, not why: no reason is wanted.
        assert!(!asks(Wants::Any, "what does the union think"));
    }
}
