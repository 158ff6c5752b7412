//! The rules that move a fact's score after word matching: guards that cut
//! the score of a fact that has the right words but cannot be the answer,
//! vetoes that keep a fact from being the answer at all, and the boosts that
//! give partial credit. Each rule is a named component in its own file with
//! its own unit test; the scorer runs them in a fixed order and records which
//! fired, so `citebot ask --explain` can say why a fact scored as it did.
//!
//! Order of the guards, as [`guard`] runs them: `entity-missing` or
//! `entity-substituted` ([`entities`]), then `names-only` ([`names_only`]),
//! then `common-only` ([`common_only`]), `unknown-property` ([`unknown_property`]),
//! then `answer-kind`, `counted-thing`,
//! `which-noun`, `what-noun` or `not-a-person` ([`answer_kind`];
//! `quoted-reason`, [`quoted`], in place of `answer-kind`), then `roles-swapped`
//! ([`roles`]), then the vetoes `other-doer` and `other-speaker` ([`doer`]).
//! `unknown-entity` ([`entities`]) ends the search before any scoring,
//! `intent-other-kind` ([`intent_kind`]) acts on each intent while scoring,
//! `paragraph-context` ([`context`]) credits a fact's paragraph,
//! `neighbour-context` ([`neighbours`]) its sentence's neighbours,
//! `antecedent` ([`antecedent`]) the sentence its sentence points back at,
//! `quoted-speaker` ([`speaker`]) who speaks in it, for a question asking
//! what someone said,
//! `role-title` ([`role`]) a leader's title it names for a "who"
//! question's word for whoever leads,
//! `phrase-match` ([`phrase`]) the question's word pairs it writes too,
//! and `sentence-length` ([`length`]) scales its matched words by its length;
//! `sibling-borrowed` ([`sibling`]) while deciding. After ranking,
//! `following-reason` ([`following`]) credits the sentence after a best
//! fact that states no reason when it gives one; then
//! `denied`, `other-number` and `opposite-word` ([`contradiction`]),
//! `other-time` ([`other_time`]), `asked-figure` ([`asked_figure`]), `asked-measure` ([`asked_measure`]),
//! `nothing-said` ([`nothing_said`]), `other-count` ([`count`]), and
//! `affirms-denied` and `denies-unsaid` ([`asserted`]), cut facts whose sentence the question
//! contradicts; then `substituted-word` ([`substituted`]) cuts those whose
//! words the question copies with another word in one place.

pub mod answer_kind;
pub mod antecedent;
pub mod asked_figure;
pub mod asked_measure;
pub mod asserted;
pub mod common_only;
pub mod context;
pub mod contradiction;
pub mod count;
pub mod doer;
pub mod entities;
pub mod following;
pub mod intent_kind;
pub mod length;
pub mod modifier;
pub mod names_only;
pub mod neighbours;
pub mod nothing_said;
pub mod other_time;
pub mod phrase;
pub mod quoted;
pub mod role;
pub mod roles;
pub mod sibling;
pub mod speaker;
pub mod substituted;
pub mod unknown_property;

use std::fmt;

use super::Tunables;
use super::analyze::{Analysed, TermId};
use super::index::{Doc, Index, Mention};
use super::question::Wants;
use super::score::Ranked;

/// A named rule of the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// The question names a person, country or organisation the article
    /// never mentions: the search ends with "the article does not mention X".
    UnknownEntity,
    /// The fact lacks an entity the question names.
    EntityMissing,
    /// The fact names another entity in place of one the question names.
    EntitySubstituted,
    /// The fact lacks one of the article's own names the question names
    /// ("Rachel Dunmore", read from the article's text).
    NameMissing,
    /// The fact names another entity in place of one of the article's own
    /// names the question names.
    NameSubstituted,
    /// The fact meets the question only in the names it asks about, none
    /// of its other words ("which political party" of a sentence naming
    /// the minister).
    NamesOnly,
    /// The fact shares only very common English words with the question,
    /// and few of them.
    CommonOnly,
    /// The question asks whether its subject is something the knowledge
    /// never writes ("are the helmets kevlar"): no fact can say yes or no.
    UnknownProperty,
    /// The fact cannot give the kind of answer asked for ("why", "when", "how many").
    AnswerKind,
    /// "How many X": the fact gives no number of X, or not with X's qualifiers.
    CountedThing,
    /// "Which X": the fact never mentions X, or only as "a X".
    WhichNoun,
    /// "What X", X a noun the knowledge never uses: the fact mentions
    /// neither X nor a close neighbour of it.
    WhatNoun,
    /// "Why": the fact's only reason is a "to" of purpose; it states none
    /// in words and asks no "why" in its intents.
    UnstatedReason,
    /// "Why": the fact states no reason but reports a view ("warned"),
    /// which may be the reason for it.
    ReportedReason,
    /// "Why" of a view ("why does X think ..."): the fact states no reason
    /// but quotes someone, whose own words may be the reason.
    QuotedReason,
    /// "Why": the sentence before the fact's states the question's event
    /// but no reason, and the fact's sentence gives one ("so", a reason
    /// word): it scores as that one, times a share.
    FollowingReason,
    /// "Who": none of the fact's intents asks who.
    NotAPerson,
    /// "How long": the fact's sentence gives no length of time.
    NoDuration,
    /// The question names the fact's entities the other way round.
    RolesSwapped,
    /// "Did X do it": X is not among the fact's actors; never the answer.
    OtherDoer,
    /// "What did X say": someone else speaks in the sentence; never the answer.
    OtherSpeaker,
    /// An intent asks for another kind of answer than the question.
    IntentOtherKind,
    /// The fact only borrows its sentence's words from a sibling fact that
    /// the question is really about, and that sibling is no answer.
    SiblingBorrowed,
    /// A number the knowledge never uses, matched by a sentence giving a
    /// number of the same thing.
    GuessedNumber,
    /// Words the knowledge never uses, matched through word vectors.
    WordVectors,
    /// A "who" question's word for whoever leads ("boss", "in charge"),
    /// matched by a leader's title the fact names ("managing director").
    RoleTitle,
    /// A share of the weight of the question's words that the fact's
    /// paragraph uses, added for ranking only.
    ParagraphContext,
    /// A share of the weight of the question's words that the fact's
    /// sentence and its neighbours use, added for ranking only.
    NeighbourContext,
    /// A share of the weight of the question's neighbouring word pairs
    /// that the fact writes side by side too.
    PhraseMatch,
    /// The fact's matched words scaled by its length against the
    /// knowledge's average (shorter ranks higher), for ranking only.
    SentenceLength,
    /// A share of the weight of the question's words that the sentence
    /// before the fact's uses, when the fact's sentence points back at it
    /// ("it", "these"), added for ranking only.
    Antecedent,
    /// The question asks what someone said, and the fact's sentence is
    /// said by a person the article names with the question's words
    /// elsewhere ("minister" for `"...," Ure said.`), read as its own words.
    QuotedSpeaker,
    /// The question does not ask why, and some of its words are the fact's
    /// only in intents asking why: they count for those intents, not for
    /// the fact's whole bag.
    WhyWords,
    /// The question denies what the clause of the sentence it asks about
    /// states ("what cannot be solved" against "can be solved").
    Denied,
    /// The question names a year the sentence does not give, or another
    /// number the article gives elsewhere.
    OtherNumber,
    /// The question points at another time than its sentence ("last
    /// year" against "this year").
    OtherTime,
    /// The question uses the opposite of a word of the sentence
    /// ("decrease" against "increase", "informal" against "formal").
    OppositeWord,
    /// The question asks for more things than the sentence gives ("four
    /// examples" of a sentence naming three).
    OtherCount,
    /// A question asking for something states what its sentence denies
    /// ("what is always practical?" against "is not always practical").
    AffirmsDenied,
    /// A question asking for something denies ("what is not ...") while
    /// its sentence denies nothing.
    DeniesUnsaid,
    /// The question copies the sentence's words around one place but puts
    /// another word there ("random ribbons" against "random bits").
    SubstitutedWord,
    /// A question asking for an amount or a count writes the only figure
    /// its sentence gives ("how much of the £300,000 fund has been paid
    /// out" against "a £300,000 fund").
    AskedFigure,
    /// The question asks for a measure (an age, a height, a clock time)
    /// and the fact's sentence writes none.
    AskedMeasure,
    /// The question asks what someone said, and the sentence quotes no one
    /// and reports no one's words.
    NothingSaid,
}

impl Rule {
    /// Every rule, in the order `--explain` lists them.
    pub const ALL: [Rule; 44] = [
        Rule::UnknownEntity,
        Rule::EntityMissing,
        Rule::EntitySubstituted,
        Rule::NameMissing,
        Rule::NameSubstituted,
        Rule::NamesOnly,
        Rule::CommonOnly,
        Rule::UnknownProperty,
        Rule::AnswerKind,
        Rule::CountedThing,
        Rule::WhichNoun,
        Rule::WhatNoun,
        Rule::UnstatedReason,
        Rule::ReportedReason,
        Rule::QuotedReason,
        Rule::FollowingReason,
        Rule::NotAPerson,
        Rule::NoDuration,
        Rule::RolesSwapped,
        Rule::OtherDoer,
        Rule::OtherSpeaker,
        Rule::IntentOtherKind,
        Rule::SiblingBorrowed,
        Rule::GuessedNumber,
        Rule::WordVectors,
        Rule::RoleTitle,
        Rule::ParagraphContext,
        Rule::NeighbourContext,
        Rule::PhraseMatch,
        Rule::SentenceLength,
        Rule::Antecedent,
        Rule::QuotedSpeaker,
        Rule::WhyWords,
        Rule::Denied,
        Rule::OtherNumber,
        Rule::OtherTime,
        Rule::AskedFigure,
        Rule::AskedMeasure,
        Rule::NothingSaid,
        Rule::OppositeWord,
        Rule::OtherCount,
        Rule::AffirmsDenied,
        Rule::DeniesUnsaid,
        Rule::SubstitutedWord,
    ];

    /// The rule's name, as `--explain` prints it.
    pub fn name(self) -> &'static str {
        match self {
            Rule::UnknownEntity => "unknown-entity",
            Rule::EntityMissing => "entity-missing",
            Rule::EntitySubstituted => "entity-substituted",
            Rule::NameMissing => "name-missing",
            Rule::NameSubstituted => "name-substituted",
            Rule::NamesOnly => "names-only",
            Rule::CommonOnly => "common-only",
            Rule::UnknownProperty => "unknown-property",
            Rule::AnswerKind => "answer-kind",
            Rule::CountedThing => "counted-thing",
            Rule::WhichNoun => "which-noun",
            Rule::WhatNoun => "what-noun",
            Rule::UnstatedReason => "unstated-reason",
            Rule::ReportedReason => "reported-reason",
            Rule::QuotedReason => "quoted-reason",
            Rule::FollowingReason => "following-reason",
            Rule::NotAPerson => "not-a-person",
            Rule::NoDuration => "no-duration",
            Rule::RolesSwapped => "roles-swapped",
            Rule::OtherDoer => "other-doer",
            Rule::OtherSpeaker => "other-speaker",
            Rule::IntentOtherKind => "intent-other-kind",
            Rule::SiblingBorrowed => "sibling-borrowed",
            Rule::GuessedNumber => "guessed-number",
            Rule::WordVectors => "word-vectors",
            Rule::RoleTitle => "role-title",
            Rule::ParagraphContext => "paragraph-context",
            Rule::NeighbourContext => "neighbour-context",
            Rule::PhraseMatch => "phrase-match",
            Rule::SentenceLength => "sentence-length",
            Rule::Antecedent => "antecedent",
            Rule::QuotedSpeaker => "quoted-speaker",
            Rule::WhyWords => "why-words",
            Rule::Denied => "denied",
            Rule::OtherNumber => "other-number",
            Rule::OtherTime => "other-time",
            Rule::AskedFigure => "asked-figure",
            Rule::AskedMeasure => "asked-measure",
            Rule::NothingSaid => "nothing-said",
            Rule::OppositeWord => "opposite-word",
            Rule::OtherCount => "other-count",
            Rule::AffirmsDenied => "affirms-denied",
            Rule::DeniesUnsaid => "denies-unsaid",
            Rule::SubstitutedWord => "substituted-word",
        }
    }

    fn bit(self) -> u64 {
        1 << (self as u64)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The set of rules that fired for one fact: a bit set, so recording costs
/// nothing on the hot path.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Fired(u64);

impl Fired {
    /// Records that `rule` fired.
    pub fn add(&mut self, rule: Rule) {
        self.0 |= rule.bit();
    }

    /// Adds the rules of `other`.
    pub fn merge(&mut self, other: Fired) {
        self.0 |= other.0;
    }

    /// True when `rule` fired.
    pub fn has(self, rule: Rule) -> bool {
        self.0 & rule.bit() != 0
    }

    /// The rules that fired, in [`Rule::ALL`] order.
    pub fn rules(self) -> impl Iterator<Item = Rule> {
        Rule::ALL.into_iter().filter(move |r| self.has(*r))
    }
}

/// What one rule did to a fact's score, for `--explain`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Effect {
    /// The rule.
    pub rule: Rule,
    /// How it changed the score.
    pub change: Change,
}

/// How a rule changed a fact's score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change {
    /// The score was multiplied by this factor.
    Times(f32),
    /// This much was added (a boost's share of the score; below zero for
    /// `sentence-length` on a long fact).
    Plus(f32),
    /// The score stands, but the fact is never the answer.
    Veto,
}

impl fmt::Display for Effect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.change {
            Change::Times(x) => write!(f, "{}: ×{x:.2}", self.rule),
            Change::Plus(x) => write!(f, "{}: {x:+.3}", self.rule),
            Change::Veto => write!(f, "{}: never the answer", self.rule),
        }
    }
}

/// The question as the guards need it, read once before any fact is scored.
pub struct Reading<'a> {
    /// The analysed question.
    pub question: Analysed<'a>,
    /// The entities it names that the knowledge mentions.
    pub entities: Vec<Mention>,
    /// The country each of them stands for as a capital
    /// ([`entities::countries`]).
    pub countries: Vec<Option<TermId>>,
    /// The kind of answer it asks for.
    pub wanted: Wants,
    /// It asks a time of day ("what time"): a day alone does not answer.
    pub hour: bool,
    /// It names an entity and asks neither for a yes or a no nor for
    /// someone's words, so that rule `names-only` reads it.
    pub names_only: bool,
    /// It asks whether its subject is something the knowledge never
    /// writes, so that rule `unknown-property` cuts every fact
    /// ([`unknown_property::asks`]).
    pub unknown_property: bool,
    /// It asks what someone said ([`speaker::asks_what_was_said`]).
    pub asks_said: bool,
    /// It asks why someone holds a view ([`quoted::asks_of_a_view`]).
    pub of_view: bool,
    /// Who it asks about as the one doing something, with whether as a speaker.
    pub doer: Option<doer::Doer>,
    /// "How many X": the thing counted and its qualifiers.
    pub counted: answer_kind::Counted,
    /// "Which X": the nouns to be identified.
    pub identified: Vec<answer_kind::Identified>,
    /// Entities it puts in a relation, doer first, for `roles-swapped`.
    /// Each as the terms that name its entities ([`roles::named`]).
    pub roles: Vec<roles::Named>,
}

/// Runs the guards and vetoes on one fact: the factor its score is
/// multiplied by, and the rules that fired.
pub fn guard(
    reading: &Reading,
    doc: &Doc,
    index: &Index,
    semantic: Option<&super::semantic::Semantic>,
    t: &Tunables,
) -> (f32, Fired) {
    let mut factor = 1.0;
    let mut fired = Fired::default();
    if let Some(rule) = entities::check(doc, &reading.entities, &reading.countries, index) {
        fired.add(rule);
        factor *= match rule {
            Rule::EntitySubstituted => t.substituted_entity,
            Rule::NameMissing => t.missing_name,
            Rule::NameSubstituted => t.substituted_name,
            _ => t.missing_entity,
        };
    }
    if t.names_only < 1.0 && names_only::applies(reading, doc, t) {
        fired.add(Rule::NamesOnly);
        factor *= t.names_only;
    }
    if t.common_only < 1.0 && common_only::applies(&reading.question.tokens, doc, t) {
        fired.add(Rule::CommonOnly);
        factor *= t.common_only;
    }
    if t.unknown_property < 1.0 && reading.unknown_property {
        fired.add(Rule::UnknownProperty);
        factor *= t.unknown_property;
    }
    let kind = answer_kind::check(reading, doc, semantic, t);
    if kind.has(Rule::NotAPerson) {
        factor *= t.no_person;
    } else {
        if kind.has(Rule::NoDuration) {
            factor *= t.no_duration;
        }
        if kind.has(Rule::UnstatedReason) {
            factor *= t.unstated_reason;
        }
        if kind.has(Rule::ReportedReason) || kind.has(Rule::QuotedReason) {
            factor *= t.reported_reason;
        }
        if [
            Rule::AnswerKind,
            Rule::CountedThing,
            Rule::WhichNoun,
            Rule::WhatNoun,
        ]
        .iter()
        .any(|&r| kind.has(r))
        {
            // One cut however many ways the fact fails the kind asked for.
            factor *= t.wrong_kind;
        }
    }
    fired.merge(kind);
    if roles::swapped(doc, &reading.roles, index) {
        fired.add(Rule::RolesSwapped);
        factor *= t.swapped_roles;
    }
    if let Some(rule) = doer::check(reading.doer, doc) {
        fired.add(rule);
    }
    (factor, fired)
}

/// The effect of each rule that fired, as `--explain` shows it.
pub fn effects(fired: Fired, boosts: &[f32; 10], t: &Tunables) -> Vec<Effect> {
    fired
        .rules()
        .filter_map(|rule| {
            let change = match rule {
                Rule::EntityMissing => Change::Times(t.missing_entity),
                Rule::EntitySubstituted => Change::Times(t.substituted_entity),
                Rule::NameMissing => Change::Times(t.missing_name),
                Rule::NameSubstituted => Change::Times(t.substituted_name),
                Rule::NamesOnly => Change::Times(t.names_only),
                Rule::CommonOnly => Change::Times(t.common_only),
                Rule::UnknownProperty => Change::Times(t.unknown_property),
                Rule::AnswerKind | Rule::CountedThing | Rule::WhichNoun | Rule::WhatNoun => {
                    Change::Times(t.wrong_kind)
                }
                Rule::NotAPerson => Change::Times(t.no_person),
                Rule::NoDuration => Change::Times(t.no_duration),
                Rule::UnstatedReason => Change::Times(t.unstated_reason),
                Rule::ReportedReason | Rule::QuotedReason => Change::Times(t.reported_reason),
                Rule::FollowingReason => Change::Times(t.following_reason),
                Rule::RolesSwapped => Change::Times(t.swapped_roles),
                Rule::IntentOtherKind => Change::Times(t.other_kind_intent),
                Rule::OtherDoer | Rule::OtherSpeaker | Rule::SiblingBorrowed => Change::Veto,
                Rule::GuessedNumber => Change::Plus(boosts[0]),
                Rule::WordVectors => Change::Plus(boosts[1]),
                Rule::RoleTitle => Change::Plus(boosts[8]),
                Rule::ParagraphContext => Change::Plus(boosts[2]),
                Rule::PhraseMatch => Change::Plus(boosts[3]),
                Rule::SentenceLength => Change::Plus(boosts[4]),
                Rule::NeighbourContext => Change::Plus(boosts[5]),
                Rule::Antecedent => Change::Plus(boosts[6]),
                Rule::QuotedSpeaker => Change::Plus(boosts[9]),
                Rule::WhyWords => Change::Plus(boosts[7]),
                Rule::Denied => Change::Times(t.denied),
                Rule::OtherNumber => Change::Times(t.other_number),
                Rule::OtherTime => Change::Times(t.other_time),
                Rule::AskedFigure => Change::Times(t.asked_figure),
                Rule::AskedMeasure => Change::Times(t.asked_measure),
                Rule::NothingSaid => Change::Times(t.nothing_said),
                Rule::OppositeWord => Change::Times(t.opposite_word),
                Rule::OtherCount => Change::Times(t.other_count),
                Rule::AffirmsDenied => Change::Times(t.affirmed_denied),
                Rule::DeniesUnsaid => Change::Times(t.denied_unsaid),
                Rule::SubstitutedWord => Change::Times(t.substituted_word),
                Rule::UnknownEntity => return None,
            };
            Some(Effect { rule, change })
        })
        .collect()
}

/// Cuts each of the `checked` best ranked facts for which `cuts` holds to
/// `share` of its score, records `rule` on it, and sorts the ranking again
/// when any was cut: the shape of the rules that judge the best facts once
/// they are ranked (`asked-figure`, `nothing-said`).
pub fn cut_best(
    ranked: &mut [Ranked],
    checked: usize,
    share: f32,
    rule: Rule,
    mut cuts: impl FnMut(&Ranked) -> bool,
) {
    let mut cut = false;
    for r in ranked.iter_mut().take(checked) {
        if cuts(r) {
            r.score *= share;
            r.fired.add(rule);
            cut = true;
        }
    }
    if cut {
        sort_ranked(ranked);
    }
}

/// Sorts a ranking best first again after a rule cut some scores; equal
/// scores keep their order.
pub fn sort_ranked(ranked: &mut [Ranked]) {
    ranked.sort_by(|a, b| {
        b.score
            .partial_cmp(&a.score)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
}

/// Terms as a sorted slice: whether `term` is among them.
fn has(sorted: &[TermId], term: TermId) -> bool {
    sorted.binary_search(&term).is_ok()
}

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod why_tests;
