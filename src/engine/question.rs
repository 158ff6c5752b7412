//! What kind of answer a question wants ("how many" wants a number, "why" a
//! reason), and which kinds a piece of knowledge can give. A fact that cannot
//! give the kind asked for must not be cited as the answer.

use crate::language::{Classes, List, language};
use crate::text::{is_auxiliary, is_number_word, is_stopword, quotes};

/// The kind of answer a question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wants {
    /// Anything: "what did Blinken say".
    Any,
    /// A count: "how many troops".
    Count,
    /// An amount of money: "how much money", "what did it cost".
    Money,
    /// A reason: "why".
    Reason,
    /// A time: "when", "what day".
    Time,
    /// A precise time: "when exactly", which "soon" or "in the coming
    /// weeks" does not answer.
    Date,
    /// A place: "where".
    Place,
    /// A person, country or body: "who".
    Person,
    /// What came of something later ("did it end up cancelled"): a
    /// report of one day does not say, unless a fact is written for it.
    Outcome,
    /// A length of time: "how long will the strike last", answered by
    /// "for 48 hours" or "since 2009".
    Duration,
    /// A distance: "how far is the airport", answered by "45 miles away".
    Distance,
}

impl Wants {
    /// Every kind, in declaration order (`kind as usize` is its place).
    pub const ALL: [Wants; 11] = [
        Wants::Any,
        Wants::Count,
        Wants::Money,
        Wants::Reason,
        Wants::Time,
        Wants::Date,
        Wants::Place,
        Wants::Person,
        Wants::Outcome,
        Wants::Duration,
        Wants::Distance,
    ];

    fn bit(self) -> u16 {
        match self {
            Wants::Any => 0,
            Wants::Count => 1,
            Wants::Money => 2,
            Wants::Reason => 4,
            Wants::Time => 8,
            Wants::Place => 16,
            Wants::Date => 32,
            Wants::Person => 64,
            Wants::Outcome => 128,
            Wants::Duration => 512,
            Wants::Distance => 4096,
        }
    }

    /// True when an intent asking for `self` asks for the same kind of
    /// answer as a question wanting `other` (a precise time is a time).
    pub fn agrees_with(self, other: Wants) -> bool {
        // A "who" intent also answers the plain question about the same
        // thing ("who mocked the offer" / "did Klitschko mock the offer").
        let family = |w: Wants| match w {
            Wants::Date => Wants::Time,
            Wants::Person => Wants::Any,
            w => w,
        };
        family(self) == family(other)
    }
}

/// The noun of a question opening "what X" with a plain noun ("what rail
/// connections"), for rule `what-noun` to read when the knowledge never
/// uses it.
pub fn what_words(words: &[&str]) -> Vec<String> {
    let start = words.windows(2).position(|p| {
        p[0] == "what"
            && !is_auxiliary(p[1])
            && !is_stopword(p[1])
            && !crate::text::is_question_word(p[1])
            // "what share" asks for a number, "what three fuels" for a list
            // (of coal, wood and peat), "what happened" for an event.
            && !language().in_list(List::CountNouns, p[1])
            && !is_number_word(p[1])
            && !p[1].chars().any(|c| c.is_ascii_digit())
            && !reads_as_verb(p[1])
    });
    let Some(at) = start.filter(|&at| at <= 2) else {
        return Vec::new();
    };
    let noun = noun_of(&words[at + 1..], None);
    // "What venue", "what day", "what body", "what elements", "what title":
    // the kind of answer says which, not the noun (rule `answer-kind` reads
    // it).
    let answered_by_kind = [
        List::PersonNouns,
        List::PlaceNouns,
        List::TimeNouns,
        List::CountNouns,
        List::PartNouns,
        List::FramingNouns,
    ];
    if noun
        .last()
        .is_some_and(|w| answered_by_kind.iter().any(|&l| language().in_list(l, w)))
    {
        return Vec::new();
    }
    noun
}

/// The noun a question asks to have identified: "which German newspaper"
/// (newspaper), "what specific proposals" (proposals). A sentence that only
/// mentions such a thing ("a German newspaper", "our own proposals") does
/// not say which it is.
pub fn identified_words(words: &[&str]) -> Vec<String> {
    let identifying = |w: &str| language().in_list(List::Identifying, w);
    let start = words.windows(2).position(|p| {
        p[0] == "which" && !is_auxiliary(p[1]) || p[0] == "what" && identifying(p[1])
    });
    // Only a question that opens with it asks to identify ("which X did"),
    // not one that embeds it ("do they get to pick which alliance").
    let start = start.filter(|&at| at <= 2);
    let noun = match start {
        Some(at) => noun_of(past_of(&words[at + 1..]), Some(List::Identifying)),
        None => named_noun(words),
    };
    // "Which body": the question asks who, and a name answers it. So does
    // "which organisations share ownership", whose phrase runs on past the
    // noun into a verb that reads as one.
    let person = |w: &String| language().in_list(List::PersonNouns, w);
    let first = start
        .and_then(|at| words.get(at + 1))
        .map(|w| w.to_string());
    if noun.last().is_some_and(person) || first.as_ref().is_some_and(person) {
        return Vec::new();
    }
    noun
}

/// The words after "which": past "of" and the function words after it
/// ("which of the walkers" asks which walkers), else all of them.
fn past_of<'a, 'w>(words: &'a [&'w str]) -> &'a [&'w str] {
    match words.split_first() {
        Some((&"of", rest)) => {
            let first = rest
                .iter()
                .position(|w| !is_stopword(w))
                .unwrap_or(rest.len());
            &rest[first..]
        }
        _ => words,
    }
}

/// The noun whose name a question asks near its start: "what was the name
/// of the engineer" (engineer). A sentence that only mentions "one
/// engineer" does not name him, as one about "which engineer" would not
/// say which.
fn named_noun(words: &[&str]) -> Vec<String> {
    let Some(at) = words
        .windows(2)
        .take(5)
        .position(|p| language().in_list(List::NameNouns, p[0]) && p[1] == "of")
    else {
        return Vec::new();
    };
    let after = &words[at + 2..];
    let first = after.iter().position(|w| !is_stopword(w)).unwrap_or(0);
    noun_of(&after[first..], None)
}

/// True for a word that reads as a verb after "what" or a noun: a
/// participle ("stationed", "happening") or a form of an irregular verb
/// ("sent"). Read by `what_words` and `noun_of` alike.
fn reads_as_verb(word: &str) -> bool {
    word.ends_with("ed") || word.ends_with("ing") || language().irregular_base(word).is_some()
}

/// The noun of the phrase that opens `words`, skipping `skipped`: the
/// phrase ends at the first function word ("which NATO ally did", "what
/// specific proposals for common ground") or at a verb after the noun
/// ("which envoy stationed in Russia", "what kind of newspaper said": a
/// participle, a form of an irregular verb or a verb of speech). An "-ing"
/// word before another word of the phrase qualifies it ("which
/// hillwalking club", "what parking fees"): the phrase goes on.
fn noun_of(words: &[&str], skipped: Option<List>) -> Vec<String> {
    let verb = |w: &str| reads_as_verb(w) || language().in_list(List::SpeechVerbs, w);
    let phrase: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| skipped.is_none_or(|list| !language().in_list(list, w)))
        .take(3)
        .collect();
    let qualifies = |i: usize| {
        phrase[i].ends_with("ing")
            && phrase
                .get(i + 1)
                .is_some_and(|next| !is_stopword(next) && !verb(next))
    };
    phrase
        .iter()
        .enumerate()
        .take_while(|&(i, w)| !is_stopword(w) && (i == 0 || !verb(w) || qualifies(i)))
        .last()
        .map(|(_, w)| vec![w.to_string()])
        .unwrap_or_default()
}

/// The noun whose kind a question asks for: "what type of Turing machine"
/// (machine), "which kinds of problems" (problems). The answer is a kind of
/// it, so a sentence that never mentions it does not give one; "an
/// arbitrary graph" does answer "what kind of graph".
pub fn kind_words(words: &[&str]) -> Vec<String> {
    let Some(at) = words.windows(3).position(|p| {
        matches!(p[0], "what" | "which")
            && language().in_list(List::KindNouns, p[1])
            && p[2] == "of"
    }) else {
        return Vec::new();
    };
    noun_of(&words[at + 3..], None)
}

/// The words of a sentence that it only mentions without saying which one:
/// nouns after "a", "an", "some" or "own" ("told a German newspaper", "our
/// own proposals"), unless a name follows ("a NATO ally, Estonia").
pub fn sentence_unnamed_words(sentence: &str) -> Vec<String> {
    let lang = language();
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if !lang.in_list(List::UnnamedMarkers, &bare(token).to_lowercase()) {
            continue;
        }
        // The noun ends the phrase: the last word before punctuation, a
        // function word or the third word. A capitalised word after it is
        // its name ("a NATO-ally Estonia").
        let mut noun: Option<&str> = None;
        let mut named = false;
        for next in tokens[i + 1..].iter().take(3) {
            let word = bare(next);
            if word.is_empty() || is_stopword(&word.to_lowercase()) {
                break;
            }
            if noun.is_some() && word.chars().next().is_some_and(char::is_uppercase) {
                named = true;
                break;
            }
            noun = Some(word);
            if next.ends_with([',', '.', ';', ':']) {
                named = next.ends_with(',') && apposed_name(&tokens[i + 1..]);
                break;
            }
        }
        if let Some(noun) = noun.filter(|n| !named && n.chars().all(char::is_alphabetic)) {
            out.push(noun.to_lowercase());
        }
    }
    out
}

/// True when the phrase opening `tokens` ends at a comma followed by a
/// name, the word after "the" or the first: "a freight vessel, the MV
/// Nordic Tern" names the vessel.
fn apposed_name(tokens: &[&str]) -> bool {
    let Some(comma) = tokens.iter().take(3).position(|t| t.ends_with(',')) else {
        return false;
    };
    let mut after = tokens[comma + 1..].iter().map(|t| bare(t));
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    match after.next() {
        Some(w) if w.eq_ignore_ascii_case("the") => after.next().is_some_and(capitalised),
        Some(w) => capitalised(w),
        None => false,
    }
}

/// A token of article text without the punctuation around it.
pub fn bare(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphanumeric())
}

/// True when token `i` names a day: a weekday, "today", or a month with a
/// day number ("December 15"); a month alone ("in December") is not a date.
fn names_a_day(tokens: &[&str], i: usize) -> bool {
    let lang = language();
    let lower = bare(tokens[i]).to_lowercase();
    lang.in_list(List::Days, &lower)
        || names_a_month(tokens, i)
            && (tokens.get(i + 1).is_some_and(is_day_number)
                || i > 0 && tokens.get(i - 1).is_some_and(is_day_number))
}

/// True when a token is a day of the month as a bare number ("15").
fn is_day_number(token: &&str) -> bool {
    let w = bare(token);
    !w.is_empty() && w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit())
}

/// True when token `i` of a sentence (as written, with its capitals) names
/// a month. "May" is no month in the word lists, as it is mostly the verb;
/// written "May" after a word in lower case ("in May", "since May") or
/// before a day or year ("May 3", "May 2024") it is the month, while "Theresa
/// May" and a sentence's first "May" are not.
pub fn names_a_month(tokens: &[&str], i: usize) -> bool {
    let word = bare(tokens[i]);
    if word != "May" {
        return language().in_list(List::Months, &word.to_lowercase());
    }
    let after_lower_case = i > 0
        && !ends_sentence(tokens[i - 1])
        && bare(tokens[i - 1])
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
    let before_number = tokens.get(i + 1).is_some_and(|next| {
        let next = bare(next);
        !next.is_empty() && next.len() <= 4 && next.chars().all(|c| c.is_ascii_digit())
    });
    after_lower_case || before_number
}

/// True when token `i` is a length of time: a unit of time after a number
/// ("48 hours", "two weeks", "a year", "48-hour"), or "since" or "until"
/// before a time ("since 2009", "until Tuesday").
pub fn lasts(tokens: &[&str], i: usize) -> bool {
    let lang = language();
    let word = bare(tokens[i]).to_lowercase();
    if bounds_a_span(&word) {
        return dates_what_follows(tokens, i);
    }
    // "48-hour", "three-year": the number and the unit in one token.
    if let Some((number, unit)) = word.rsplit_once('-') {
        return lang.in_list(List::DurationUnits, unit) && is_a_number(number);
    }
    lang.in_list(List::DurationUnits, &word)
        && i > 0
        && is_a_number(&bare(tokens[i - 1]).to_lowercase())
}

/// True when token `i`, a word of `[time]` ("week", "soon"), tells a time
/// rather than measuring a length of it: not after a number or a word
/// that measures ("for six weeks", "in four years"), unless a pointer makes
/// it a point ("last week", "next year").
fn tells_a_time(tokens: &[&str], i: usize, word: &str) -> bool {
    let lang = language();
    if !lang.in_list(List::Time, word) {
        return false;
    }
    let Some(before) = i.checked_sub(1).map(|b| bare(tokens[b]).to_lowercase()) else {
        return true;
    };
    lang.in_list(List::TimePointers, &before) || !is_a_number(&before)
}

/// True when token `i` is a distance: a unit of length after a number
/// ("45 miles", "two kilometres"), or both in one token ("a 10-mile walk").
pub fn measures_distance(tokens: &[&str], i: usize) -> bool {
    let lang = language();
    let word = bare(tokens[i]).to_lowercase();
    if let Some((number, unit)) = word.rsplit_once('-') {
        return lang.in_list(List::DistanceUnits, unit) && is_a_number(number);
    }
    lang.in_list(List::DistanceUnits, &word)
        && i > 0
        && is_a_number(&bare(tokens[i - 1]).to_lowercase())
}

/// True for a word that, before a time, gives the length of time up to or
/// from it ("since 2009", "until Tuesday").
pub fn bounds_a_span(word: &str) -> bool {
    language().in_list(List::SpanBounds, word)
}

/// True when a word before a unit of time measures it: digits, a number
/// word, "a" ("a week"), or a word that makes the unit a span ("for
/// decades", "the past year", "several months").
fn is_a_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        || is_number_word(word)
        || language().in_list(List::DurationMeasures, word)
}

/// True when a token ends its sentence.
fn ends_sentence(token: &str) -> bool {
    token.ends_with(['.', '?', '!'])
}

/// True when the word after token `i` is a time ("since 2009", "since
/// March", "since Monday"): a reason word before it tells when, not why.
fn dates_what_follows(tokens: &[&str], i: usize) -> bool {
    let lang = language();
    tokens.get(i + 1).is_some_and(|next| {
        let word = bare(next).to_lowercase();
        crate::text::is_year(&word)
            || [List::Days, List::Months, List::Time]
                .iter()
                .any(|&list| lang.in_list(list, &word))
    })
}

/// True when the word after "to" reads as a verb of purpose ("to offset",
/// "to send"), not as a destination ("to Ukraine", "to the border").
fn starts_purpose(next: &str) -> bool {
    let word = next.trim_matches(|c: char| !c.is_alphabetic());
    word.chars().next().is_some_and(char::is_lowercase)
        && !language().in_list(List::NotPurpose, word)
}

/// Reads the kind of answer wanted from a question's words (after synonyms,
/// stop words included); `later_events_unknown` is the
/// article's setting of that name: only then is a question about what came
/// of something later ([`Wants::Outcome`]) told apart.
pub fn wants_in(words: &[&str], later_events_unknown: bool) -> Wants {
    let lang = language();
    // Each word's lists, looked up once: the tests read up to nine lists,
    // most of them word by word. Kept on the stack for a question of usual
    // length.
    let mut short = [Classes::default(); SHORT_QUESTION];
    let long: Vec<Classes>;
    let classes: &[Classes] = if words.len() <= SHORT_QUESTION {
        for (c, w) in short.iter_mut().zip(words) {
            *c = lang.classes(w);
        }
        &short[..words.len()]
    } else {
        long = words.iter().map(|w| lang.classes(w)).collect();
        &long
    };
    wants_of(words, classes, later_events_unknown)
}

/// [`wants_in`] of words whose classes are known
/// ([`crate::language::Language::classes`] of each, as an analysed question
/// has them): no word is looked up again.
pub fn wants_of(words: &[&str], classes: &[Classes], later_events_unknown: bool) -> Wants {
    use marker::*;
    // The words tested by name below, read in one pass as bits: a test of
    // one is a bit test, and a pair is looked for only when both its words
    // are there (most questions hold few of them).
    let present = marked(words);
    let has = |bits: u32| present & bits != 0;
    let pair = |a: &str, b: &str, bits: u32| {
        present & bits == bits && words.windows(2).any(|p| p[0] == a && p[1] == b)
    };
    let lang = language();
    let any_in = |list: List| classes.iter().any(|c| c.has(list));
    // A noun of a list asked for needs "what" or "which" before it.
    let asks_for = |nouns: List, span: usize| {
        has(WHAT | WHATS | WHICH) && asks_within(words, classes, nouns, span)
    };
    // Read only for an article that sets `later_events_unknown`.
    let asks_later = || {
        any_in(List::Later)
        // "did it end up cancelled", not "could sanctions end up hurting".
        || (pair("end", "up", END | UP)
            || pair("ended", "up", ENDED | UP)
            || pair("ends", "up", ENDS | UP))
            && !any_in(List::Modals)
        || pair("in", "the", IN | THE) && has(END) && !has(ENDING)
        || pair("since", "then", SINCE | THEN)
        || pair("after", "that", AFTER | THAT)
    };
    if later_events_unknown && asks_later() {
        Wants::Outcome
    } else if pair("how", "many", HOW | MANY)
        || pair("number", "of", NUMBER | OF)
        || asks_for(List::CountNouns, 2)
    {
        Wants::Count
    } else if pair("how", "much", HOW | MUCH) {
        if any_in(List::Money) {
            Wants::Money
        } else {
            Wants::Count
        }
    } else if has(WHAT | WHATS)
        && !has(WHY)
        && lang
            .list(List::Money)
            .iter()
            .take(4)
            .any(|m| words.iter().any(|w| w == m))
    {
        // "what did it cost", "what's the price": money even without "how much".
        if has(COST | COSTS | PRICE) {
            Wants::Money
        } else {
            Wants::Any
        }
    } else if pair("how", "far", HOW | FAR) {
        Wants::Distance
    } else if pair("how", "long", HOW | LONG) && !has(AGO) {
        Wants::Duration
    } else if has(WHY)
        || pair("what", "for", WHAT | FOR)
        || pair("reason", "for", REASON | FOR)
        || pair("how", "come", HOW | COME)
        || asks_for(List::ReasonAsking, REASON_NOUN_SPAN)
    {
        Wants::Reason
    } else if has(WHEN) && asks_when(words, classes) || asks_for(List::TimeNouns, 2) {
        if any_in(List::PreciseTime) {
            Wants::Date
        } else {
            Wants::Time
        }
    } else if has(WHERE) || asks_for(List::PlaceNouns, 2) {
        Wants::Place
    } else if words
        .iter()
        .take(3)
        .any(|w| matches!(*w, "who" | "whom" | "whose"))
        || asks_for(List::PersonNouns, 2)
    {
        Wants::Person
    } else {
        Wants::Any
    }
}

/// The words [`wants_in`] tests by name, each as a bit of [`marked`].
mod marker {
    pub const HOW: u32 = 1 << 0;
    pub const MANY: u32 = 1 << 1;
    pub const MUCH: u32 = 1 << 2;
    pub const NUMBER: u32 = 1 << 3;
    pub const OF: u32 = 1 << 4;
    pub const WHAT: u32 = 1 << 5;
    pub const WHATS: u32 = 1 << 6;
    pub const WHICH: u32 = 1 << 7;
    pub const WHY: u32 = 1 << 8;
    pub const COST: u32 = 1 << 9;
    pub const COSTS: u32 = 1 << 10;
    pub const PRICE: u32 = 1 << 11;
    pub const FAR: u32 = 1 << 12;
    pub const LONG: u32 = 1 << 13;
    pub const AGO: u32 = 1 << 14;
    pub const FOR: u32 = 1 << 15;
    pub const REASON: u32 = 1 << 16;
    pub const COME: u32 = 1 << 17;
    pub const WHERE: u32 = 1 << 18;
    pub const WHEN: u32 = 1 << 19;
    pub const END: u32 = 1 << 20;
    pub const ENDED: u32 = 1 << 21;
    pub const ENDS: u32 = 1 << 22;
    pub const ENDING: u32 = 1 << 23;
    pub const UP: u32 = 1 << 24;
    pub const IN: u32 = 1 << 25;
    pub const THE: u32 = 1 << 26;
    pub const SINCE: u32 = 1 << 27;
    pub const THEN: u32 = 1 << 28;
    pub const AFTER: u32 = 1 << 29;
    pub const THAT: u32 = 1 << 30;

    /// The bits of the words among `words`.
    pub fn marked(words: &[&str]) -> u32 {
        words.iter().fold(0, |bits, w| {
            bits | match *w {
                "how" => HOW,
                "many" => MANY,
                "much" => MUCH,
                "number" => NUMBER,
                "of" => OF,
                "what" => WHAT,
                "whats" => WHATS,
                "which" => WHICH,
                "why" => WHY,
                "cost" => COST,
                "costs" => COSTS,
                "price" => PRICE,
                "far" => FAR,
                "long" => LONG,
                "ago" => AGO,
                "for" => FOR,
                "reason" => REASON,
                "come" => COME,
                "where" => WHERE,
                "when" => WHEN,
                "end" => END,
                "ended" => ENDED,
                "ends" => ENDS,
                "ending" => ENDING,
                "up" => UP,
                "in" => IN,
                "the" => THE,
                "since" => SINCE,
                "then" => THEN,
                "after" => AFTER,
                "that" => THAT,
                _ => 0,
            }
        })
    }
}

/// Most words of a question whose lists [`wants_in`] keeps on the stack.
const SHORT_QUESTION: usize = 32;

/// True when a question asks for a share ("what percentage of members",
/// "which proportion"): its answer is a percentage or a fraction.
pub fn asks_a_share(words: &[&str]) -> bool {
    let lang = language();
    let classes: Vec<Classes> = words.iter().map(|w| lang.classes(w)).collect();
    asks_within(words, &classes, List::CountNouns, 2)
}

/// Most words after "what" among which a word of `[reason-asking]` asks
/// for a reason ("what is the reason").
const REASON_NOUN_SPAN: usize = 3;

/// True when a word of `nouns` comes within `span` words after "what" or
/// "which" ("on what exact date", "at which venue"); `classes` are the
/// words' lists, one for each word.
fn asks_within(words: &[&str], classes: &[Classes], nouns: List, span: usize) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        matches!(*w, "what" | "which" | "whats")
            && classes[i + 1..].iter().take(span).any(|c| c.has(nouns))
    })
}

/// True when "when" asks for a time ("when did", "when exactly", "it was
/// sent when?"), not when it joins two clauses ("was Biden involved when
/// the reply was written", "when time is short, what case is used").
fn asks_when(words: &[&str], classes: &[Classes]) -> bool {
    // An auxiliary ([`is_auxiliary`]) or a qualifier of "when" at `next`.
    let asks = |next: usize| {
        classes
            .get(next)
            .is_some_and(|c| c.has(List::Auxiliary) || c.has(List::WhenQualifiers))
    };
    words.iter().enumerate().any(|(i, w)| {
        *w == "when"
            && (i == 0 && (asks(1) || !asks_later(&words[1..], &classes[1..]))
                || i + 1 == words.len()
                || asks(i + 1))
    })
}

/// True when another question word follows: an opening "when" then only
/// sets the scene for the question it asks ("when time is short, what
/// case is used").
fn asks_later(words: &[&str], classes: &[Classes]) -> bool {
    words
        .iter()
        .zip(classes)
        .any(|(w, c)| *w != "when" && c.has(List::Question))
}

/// The words a "how many"/"how much" question counts: the content words
/// right after "many" or "much", up to the verb ("how many russian
/// soldiers": russian, soldiers). One of them is the thing counted; the
/// others qualify it.
pub fn counted_words(words: &[&str]) -> Vec<String> {
    let Some(at) = words
        .windows(2)
        .position(|p| p[0] == "how" && (p[1] == "many" || p[1] == "much"))
    else {
        return Vec::new();
    };
    let mut rest = &words[at + 2..];
    // "how much longer does the crossing take" asks a difference, not an
    // amount of something: no thing is counted.
    if words[at + 1] == "much"
        && rest
            .first()
            .is_some_and(|w| language().in_list(List::Comparatives, w))
    {
        return Vec::new();
    }
    // "how much do the MI-17 helicopters cost": the thing priced is the
    // subject after the auxiliary, up to the verb of cost.
    if let Some(verb) = priced_subject_end(rest) {
        rest = &rest[1..verb];
    }
    // The phrase up to the verb: "how many russian soldiers are",
    // "how many tons of ammo", "how many troops russia put on ...".
    // A unit of time after the thing counted gives a rate or a span, not
    // a qualifier of the thing ("how many flights a week", "how many
    // passengers each year"): the phrase ends before it.
    let mut phrase: Vec<String> = Vec::new();
    for word in rest.iter().take(4).take_while(|w| !is_auxiliary(w)) {
        if is_stopword(word) {
            continue;
        }
        if !phrase.is_empty() && language().in_list(List::DurationUnits, word) {
            break;
        }
        phrase.push(word.to_string());
    }
    phrase
}

/// Where the subject of "how much did X cost" ends (at the verb of cost),
/// given the words after "how much"; `None` when the question counts
/// something itself ("how much aid").
fn priced_subject_end(rest: &[&str]) -> Option<usize> {
    if !rest.first().is_some_and(|w| is_auxiliary(w)) {
        return None;
    }
    rest.iter()
        .position(|w| language().in_list(List::CostVerbs, w))
}

/// Where a question's "how much" stands, if it asks one.
pub fn how_much_at(words: &[&str]) -> Option<usize> {
    words
        .windows(2)
        .position(|p| p[0] == "how" && p[1] == "much")
}

/// True when the question asks what something cost ("how much did the
/// bridge cost?"): the thing is priced, not counted.
pub fn asks_a_price(words: &[&str]) -> bool {
    how_much_at(words).is_some_and(|at| priced_subject_end(&words[at + 2..]).is_some())
}

/// True when the question asks for a time of day ("what time does the
/// meeting start", "at what hour"), not a time of year ("what time of
/// year"): a sentence that names only the day does not answer it.
pub fn asks_the_hour(words: &[&str]) -> bool {
    let lang = language();
    words.iter().enumerate().skip(1).any(|(i, w)| {
        matches!(words[i - 1], "what" | "which")
            && lang.in_list(List::HourNouns, w)
            && words.get(i + 1).is_none_or(|n| *n != "of")
    })
}

/// The words a sentence counts: those right after each number that is not
/// part of a name ("283 tons of ammunition" counts `tons`, `of`, `ammunition`),
/// and the noun phrase after a number written in words ("three ferries").
pub fn sentence_counted_words(sentence: &str) -> Vec<String> {
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if is_counting_number(&tokens, i) {
            let bare = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '$');
            if bare.starts_with('$') {
                out.push("money".to_string());
            }
            out.extend(hyphened_nouns(bare).map(str::to_string));
            out.extend(tokens[i + 1..].iter().take(4).map(|t| t.to_string()));
        } else if counts_in_words(&tokens, i) {
            out.extend(counted_in_words(&tokens[i + 1..]));
        }
    }
    out
}

/// The words a number written in words counts, given the tokens after
/// it: the noun phrase right after it, past an "of" ("hundreds of
/// passengers"), up to a word of grammar or the end of its clause. Only
/// that phrase: "two days without buses" counts days, not buses.
fn counted_in_words(after: &[&str]) -> Vec<String> {
    let after = match after.first() {
        Some(first) if bare(first).eq_ignore_ascii_case("of") => &after[1..],
        _ => after,
    };
    let mut out = Vec::new();
    for token in after.iter().take(3) {
        if is_stopword(&bare(token).to_lowercase()) {
            break;
        }
        out.push(token.to_string());
        if token.ends_with(|c: char| !c.is_alphanumeric()) {
            break;
        }
    }
    out
}

/// True when token `i` is a number written in words that counts what
/// follows (`[counting-words]`): a noun right after it ("three ferries",
/// "a dozen shops"), or "of" and the things ("hundreds of passengers",
/// "two of the five members"). "One" counts only a noun right after it:
/// "one of the", "no one" count nothing. A capitalised word after another
/// is part of a name ("Formula One").
fn counts_in_words(tokens: &[&str], i: usize) -> bool {
    let word = bare(tokens[i]);
    let in_name = i > 0 && word.starts_with(char::is_uppercase);
    let lower = word.to_lowercase();
    if in_name || !language().in_list(List::CountingWords, &lower) {
        return false;
    }
    let Some(next) = tokens.get(i + 1).map(|t| bare(t).to_lowercase()) else {
        return false;
    };
    if tokens[i].ends_with(|c: char| !c.is_alphanumeric()) {
        // "... by three." or "two, and": the count closes its clause.
        return false;
    }
    !is_stopword(&next) || (next == "of" && lower != "one")
}

/// The words a number is hyphened to, which it counts: "42-room" counts
/// rooms, "a 10-mile walk" miles; nothing for a bare number.
fn hyphened_nouns(bare: &str) -> impl Iterator<Item = &str> {
    let words = bare
        .split_once('-')
        // "9,000-seat": a thousands separator is part of the number.
        .filter(|(number, _)| {
            number
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        })
        .map_or("", |(_, words)| words);
    words
        .split('-')
        .filter(|w| w.chars().all(char::is_alphabetic) && !w.is_empty())
}

/// True when token `i` is a number that counts something, not part of a
/// name like "Nord Stream 2" or "MI-17".
pub fn is_counting_number(tokens: &[&str], i: usize) -> bool {
    let bare = tokens[i].trim_matches(|c: char| !c.is_alphanumeric() && c != '$');
    let has_digit = bare.chars().any(|c| c.is_ascii_digit());
    // A capitalised word of grammar ("The 9,000-seat ballpark") starts a
    // sentence, not a name.
    let in_name = i > 0
        && tokens[i - 1].chars().next().is_some_and(char::is_uppercase)
        && !tokens[i - 1].starts_with('$')
        && !is_stopword(&self::bare(tokens[i - 1]).to_lowercase());
    let hyphen_name = bare.contains('-') && bare.chars().next().is_some_and(char::is_alphabetic);
    has_digit && !in_name && !hyphen_name
}

/// True when token `i` is an amount of money: a number written with a
/// currency sign ("$200", "£60", "€4.5m"), a counting number followed,
/// after its scale words, by a currency ("85 million kronor"), or a
/// percentage of a sum of money ([`is_share_of_money`]).
pub fn is_amount_of_money(tokens: &[&str], i: usize) -> bool {
    let lang = language();
    let token = tokens[i];
    let signed = token.chars().any(|c| c.is_ascii_digit())
        && lang
            .list(List::CurrencySigns)
            .iter()
            .any(|sign| token.contains(sign.as_str()));
    if signed {
        return true;
    }
    if !is_counting_number(tokens, i) {
        return false;
    }
    let scaled = tokens[i + 1..]
        .iter()
        .take_while(|t| lang.in_list(List::NumberScales, &bare(t).to_lowercase()))
        .count();
    let after = i + 1 + scaled;
    tokens
        .get(after)
        .is_some_and(|t| lang.in_list(List::Currencies, &bare(t).to_lowercase()))
        || is_share_of_money(tokens, i, after)
}

/// Most words between "of" and the sum a percentage is of ("of their
/// return fare").
const SHARE_OF_WORDS: usize = 3;

/// True when the number at `i`, its scale words ending before `after`, is
/// a percentage of a word of `[priced-nouns]` in the same phrase ("a
/// voucher worth 50 percent of their fare", "10% of the price"): a sum of
/// money, though no currency is written.
fn is_share_of_money(tokens: &[&str], i: usize, after: usize) -> bool {
    let lang = language();
    let percentage = tokens[i].ends_with('%')
        || tokens[i + 1..after]
            .iter()
            .any(|t| lang.in_list(List::PercentWords, &bare(t).to_lowercase()));
    if !percentage
        || !tokens
            .get(after)
            .is_some_and(|t| bare(t).eq_ignore_ascii_case("of"))
    {
        return false;
    }
    // The phrase ends with a word followed by a comma or a full stop,
    // which is still read ("of their fare.").
    let mut ended = false;
    tokens[after + 1..]
        .iter()
        .take(SHARE_OF_WORDS)
        .take_while(|t| !std::mem::replace(&mut ended, t.ends_with([',', '.', ';', ':'])))
        .any(|t| lang.in_list(List::PricedNouns, &bare(t).to_lowercase()))
}

/// [`Gives`]'s bit for a sentence that prices something, beyond the kinds
/// (each kind's bit is [`Wants::bit`]).
const PRICES: u16 = 256;

/// [`Gives`]'s bit for a sentence that tells a time of day: a clock time
/// ("7.15am", "9 pm"), a word of `[day-times]` ("noon", "overnight") or a
/// time relative to an event ("three hours before each departure").
const HOUR: u16 = 16384;

/// [`Gives`]'s bit for a sentence whose only reason is a "to" of purpose
/// ("drivers to strike", "to run from 6am"): it may say why, but states no
/// reason in words (rule `unstated-reason`).
const PURPOSE: u16 = 1024;

/// [`Gives`]'s bit for a sentence that reports a view (`[view-verbs]`:
/// "warned that the strike would hit shops"): asked why they worry or
/// object, what they say may be the reason (rule `reported-reason`).
const REPORTS: u16 = 2048;

/// [`Gives`]'s bit for a sentence that quotes someone (a quotation mark):
/// asked why they hold a view, their words may be the reason (rule
/// `quoted-reason`).
const QUOTES: u16 = 8192;

/// [`Gives`]'s bit for a "to" of purpose inside a quotation ("I'll have to
/// cycle nine miles"): the speaker's own words, which rule `quoted-reason`
/// leaves to say why; a "to" outside it ("said the union would call off the
/// strike only if an offer was put to members") is the reporter's.
const QUOTED_PURPOSE: u16 = 32768;

/// True when the word at `i` joins a reservation to reported speech: a word
/// of `[reservation-joins]` followed by "that", after a verb of speech
/// ("said the system was fair but that it had pushed ...").
fn joins_a_reservation(tokens: &[&str], i: usize) -> bool {
    let lang = language();
    let folded = |t: &str| bare(t).to_lowercase();
    lang.in_list(List::ReservationJoins, &folded(tokens[i]))
        && tokens.get(i + 1).is_some_and(|n| folded(n) == "that")
        && tokens[..i]
            .iter()
            .any(|t| lang.in_list(List::SpeechVerbs, &folded(t)))
}

/// True when a token opens a quotation (`"I'll`, `“We`).
fn opens_quotation(token: &str) -> bool {
    token.starts_with(quotes::OPENING_DOUBLE)
}

/// Whether a quotation is still open after `token`, given whether one was
/// before it: a straight quotation mark opens or closes one, a curly one
/// says which.
fn quotation_after(quoting: bool, token: &str) -> bool {
    token.chars().fold(quoting, |open, c| match c {
        quotes::STRAIGHT_DOUBLE => !open,
        quotes::LEFT_DOUBLE => true,
        quotes::RIGHT_DOUBLE => false,
        _ => open,
    })
}

/// True when the word at `i` opens an excess that gives a reason: "too",
/// one word, then "for" or "to" ("reaches Kilbrannan at 10.40am, too late
/// for morning clinics": why patients miss them).
fn is_too_much_for(tokens: &[&str], i: usize) -> bool {
    let folded = |t: &str| bare(t).to_lowercase();
    folded(tokens[i]) == "too"
        && tokens
            .get(i + 2)
            .is_some_and(|n| matches!(folded(n).as_str(), "for" | "to"))
        && !tokens[i + 1].ends_with([',', '.', ';', ':'])
}

/// True when the word at `i` is a preposition of place or motion
/// (`[place-prepositions]`, `[motion-prepositions]`) followed, a determiner
/// between them or not, by a capitalised name that is no day, month, title
/// or word for a people, and that the gazetteer does not list as a person
/// or an organisation: "flies to Belfast", "at City Hall", "in the Foundry
/// District" give a place, known to the gazetteer or not; "on Saturday",
/// "to Ms Aldred", "in German solidarity" do not.
fn places_a_name(tokens: &[&str], i: usize) -> bool {
    let lang = language();
    let folded = |t: &str| bare(t).to_lowercase();
    let word = folded(tokens[i]);
    if tokens[i].ends_with([',', '.', ';', ':'])
        || !(lang.in_list(List::PlacePrepositions, &word)
            || lang.in_list(List::MotionPrepositions, &word))
    {
        return false;
    }
    let mut at = i + 1;
    if tokens
        .get(at)
        .is_some_and(|t| lang.in_list(List::Determiners, &folded(t)))
    {
        at += 1;
    }
    let Some(name) = tokens.get(at).map(|t| bare(t)) else {
        return false;
    };
    let lower = name.to_lowercase();
    let not_a_place = || {
        use crate::lexicon::{EntityKind, entity_kind};
        matches!(
            entity_kind(&lower),
            Some(EntityKind::Person | EntityKind::Organisation)
        )
    };
    name.chars().next().is_some_and(char::is_uppercase)
        && !names_a_month(tokens, at)
        && !lang.in_list(List::Days, &lower)
        && !lang.in_list(List::NameTitles, &lower)
        && !lang.countries().iter().any(|c| c.demonyms.contains(&lower))
        && !not_a_place()
}

/// The kinds of answer a piece of knowledge can give, as a small bit set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Gives(u16);

impl Gives {
    /// What a sentence gives by its form: a number gives counts, a dollar
    /// figure money, a date or day a time, a unit of length after a number
    /// a distance, a word that only locates ("near the end") a place. Numbers that are part of a name
    /// ("Nord Stream 2", "MI-17") do not count.
    pub fn from_sentence(sentence: &str) -> Gives {
        let lang = language();
        let mut gives = Gives::default();
        let tokens: Vec<&str> = sentence.split_whitespace().collect();
        let mut quoting = false;
        for (i, token) in tokens.iter().enumerate() {
            let in_quotation = quoting || opens_quotation(token);
            quoting = quotation_after(quoting, token);
            let bare = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '$');
            let lower = bare.to_lowercase();
            let word = lower.as_str();
            if is_counting_number(&tokens, i) || is_number_word(word) {
                gives.add(Wants::Count);
            }
            if is_amount_of_money(&tokens, i) {
                gives.add(Wants::Money);
            }
            if measures_distance(&tokens, i) {
                gives.add(Wants::Distance);
            }
            if lasts(&tokens, i) {
                gives.add(Wants::Duration);
            }
            if lang.in_list(List::LocatingPrepositions, word) && i + 1 < tokens.len()
                || places_a_name(&tokens, i)
            {
                gives.add(Wants::Place);
            }
            let relative_time = || {
                lang.in_list(List::DurationUnits, word)
                    && tokens.get(i + 1).is_some_and(|n| {
                        lang.in_list(List::RelativeTime, &self::bare(n).to_lowercase())
                    })
            };
            let clock = || {
                crate::draft::is_clock_time(bare)
                    || lang.in_list(List::ClockSuffixes, word)
                        && tokens.get(i.wrapping_sub(1)).is_some_and(|p| {
                            let p = self::bare(p);
                            !p.is_empty()
                                && p.chars()
                                    .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
                        })
            };
            if clock() || lang.in_list(List::DayTimes, word) || relative_time() {
                gives.0 |= HOUR | Wants::Time.bit();
            }
            if lang.in_list(List::Days, word)
                || tells_a_time(&tokens, i, word)
                || names_a_month(&tokens, i)
            {
                gives.add(Wants::Time);
            }
            if names_a_day(&tokens, i) {
                gives.add(Wants::Date);
            }
            if lang.in_list(List::PriceVerbs, word) {
                gives.0 |= PRICES;
            }
            let before_to = || {
                !lang.in_list(List::ReasonBeforeTo, word)
                    || tokens
                        .get(i + 1)
                        .is_some_and(|n| self::bare(n).eq_ignore_ascii_case("to"))
            };
            if lang.in_list(List::Reason, word) && !dates_what_follows(&tokens, i) && before_to() {
                gives.add(Wants::Reason);
            } else if lower == "to" && tokens.get(i + 1).is_some_and(|n| starts_purpose(n)) {
                gives.0 |= PURPOSE;
                if in_quotation {
                    gives.0 |= QUOTED_PURPOSE;
                }
            }
            if is_too_much_for(&tokens, i) {
                gives.add(Wants::Reason);
            }
            if lang.in_list(List::ViewVerbs, word) || joins_a_reservation(&tokens, i) {
                gives.0 |= REPORTS;
            }
        }
        if sentence.contains(quotes::OPENING_DOUBLE) {
            gives.0 |= QUOTES;
        }
        gives
    }

    /// True when the sentence gives something's price ("It cost 40 million
    /// euros"): it answers "how much did X cost" even where it names X by a
    /// pronoun.
    pub fn prices(self) -> bool {
        self.0 & PRICES != 0
    }

    /// True when the sentence tells a time of day ("at 7.15am", "at
    /// noon"), or an intent asks one: it answers "what time".
    pub fn tells_the_hour(self) -> bool {
        self.0 & HOUR != 0
    }

    /// Marks it as telling a time of day (an intent asks "what time").
    pub fn add_hour(&mut self) {
        self.0 |= HOUR | Wants::Time.bit();
    }

    /// Adds a kind.
    pub fn add(&mut self, wants: Wants) {
        self.0 |= wants.bit();
    }

    /// Drops a kind (a reason's "to" of purpose with it).
    pub fn remove(&mut self, wants: Wants) {
        self.0 &= !wants.bit();
        if wants == Wants::Reason {
            self.0 &= !PURPOSE;
        }
    }

    /// True when the sentence gives a length of time ("for three weeks").
    pub fn lasts(self) -> bool {
        self.0 & Wants::Duration.bit() != 0
    }

    /// True when the sentence quotes someone.
    pub fn quotes(self) -> bool {
        self.0 & QUOTES != 0
    }

    /// True when a "to" of purpose stands inside the sentence's quotation
    /// ("I'll have to cycle"), the speaker's own words.
    pub fn purpose_quoted(self) -> bool {
        self.0 & QUOTED_PURPOSE != 0
    }

    /// True when the sentence reports a view ("warned that ...").
    pub fn reports(self) -> bool {
        self.0 & REPORTS != 0
    }

    /// True when the knowledge states a reason in words (a reason word
    /// such as "because", or an intent asking why), not only by a "to" of
    /// purpose.
    pub fn states_reason(self) -> bool {
        self.0 & Wants::Reason.bit() != 0
    }

    /// True when this knowledge can answer a question wanting `wants`.
    pub fn can_give(self, wants: Wants) -> bool {
        match wants {
            // A length of time takes too many forms ("48 hours", "for
            // decades", "from Monday to Tuesday") for its absence to tell;
            // "how long" only shapes the short answer.
            Wants::Any | Wants::Duration => true,
            // Money is a count too; a count question may be answered by an amount.
            Wants::Count => self.0 & (Wants::Count.bit() | Wants::Money.bit()) != 0,
            Wants::Reason => self.0 & (Wants::Reason.bit() | PURPOSE) != 0,
            w => self.0 & w.bit() != 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::test_words as words;

    fn w(q: &str) -> Wants {
        wants_in(&words(q), true)
    }

    #[test]
    fn reads_the_kind_of_answer_wanted() {
        assert_eq!(w("How many Russian soldiers are in Crimea?"), Wants::Count);
        assert_eq!(w("how much money did germany give"), Wants::Money);
        assert_eq!(w("how much did nord stream 2 cost to build"), Wants::Money);
        assert_eq!(w("why is everyone roasting germany"), Wants::Reason);
        assert_eq!(w("how come the union picked monday"), Wants::Reason);
        assert_eq!(
            w("what is the reason the council extends its hours"),
            Wants::Reason
        );
        assert_eq!(w("what caused the talks to collapse"), Wants::Reason);
        assert_eq!(w("what is the point of the fund"), Wants::Reason);
        assert_eq!(w("how did the talks collapse"), Wants::Any);
        assert_eq!(w("On which day did Berlin offer helmets?"), Wants::Time);
        assert_eq!(w("when exactly will the helicopters arrive"), Wants::Date);
        assert_eq!(
            w("on what exact date in december was it published"),
            Wants::Date
        );
        assert_eq!(w("at what venue did blinken speak"), Wants::Place);
        assert_eq!(w("so the letter went out when?"), Wants::Time);
        assert_eq!(
            w("was the president hands-on when the reply was being written"),
            Wants::Any
        );
        assert_eq!(w("what did blinken say"), Wants::Any);
        // An opening "when" that sets the scene for another question word.
        assert_eq!(
            w("When extensive time is required to solve a problem, what case is used?"),
            Wants::Any
        );
        assert_eq!(w("when will the bridge open, and where?"), Wants::Time);
        assert_eq!(w("when the talks failed"), Wants::Time);
        assert_eq!(
            w("so did nord stream 2 end up getting cancelled"),
            Wants::Outcome
        );
        assert_eq!(w("did russia eventually invade"), Wants::Outcome);
        // Off by default: elsewhere "eventually" is an ordinary word.
        let eventually = words("who eventually won the election");
        assert_eq!(wants_in(&eventually, false), Wants::Person);
        assert_eq!(wants_in(&eventually, true), Wants::Outcome);
        assert_eq!(w("could sanctions end up hurting europe"), Wants::Any);
        assert_eq!(w("who mocked the helmet offer"), Wants::Person);
        assert_eq!(w("did the official who spoke mention helmets"), Wants::Any);
    }

    #[test]
    fn reads_what_is_counted() {
        assert_eq!(
            counted_words(&words("how many javelins did the us send")),
            ["javelins"]
        );
        assert_eq!(
            counted_words(&words("how many russian soldiers are there")),
            ["russian", "soldiers"]
        );
        assert_eq!(
            counted_words(&words("how much military aid has germany given")),
            ["military", "aid"]
        );
        assert_eq!(
            counted_words(&words("how many tons of ammo")),
            ["tons", "ammo"]
        );
        // A difference asked counts nothing; "how many more" still counts.
        assert!(counted_words(&words("how much longer does the crossing take")).is_empty());
        assert_eq!(
            counted_words(&words("how many more buses are there")),
            ["buses"]
        );
        assert_eq!(
            counted_words(&words("how much do the MI-17 helicopters cost")),
            ["mi", "17", "helicopters"]
        );
        assert_eq!(
            counted_words(&words("how much did a javelin cost")),
            ["javelin"]
        );
        // A unit of time after the thing counted is a rate, not a qualifier;
        // a unit of time counted is the thing itself.
        assert_eq!(
            counted_words(&words("how many flights a week leave")),
            ["flights"]
        );
        assert_eq!(
            counted_words(&words("how many passengers each year")),
            ["passengers"]
        );
        assert_eq!(counted_words(&words("how many hours a day")), ["hours"]);
        let aid = sentence_counted_words(
            "an estimated $200 million in aid, 283 tons of ammunition and MI-17 helicopters",
        );
        assert!(aid.contains(&"money".to_string()));
        assert!(aid.contains(&"ammunition".to_string()));
        assert!(!aid.iter().any(|w| w.contains("helicopters")));
    }

    #[test]
    fn a_number_in_words_counts_the_noun_after_it() {
        let ferries = sentence_counted_words("The council has three ferries and a dozen shops.");
        assert!(ferries.contains(&"ferries".to_string()), "{ferries:?}");
        assert!(ferries.contains(&"shops.".to_string()), "{ferries:?}");
        let crowd = sentence_counted_words("Hundreds of passengers waited.");
        assert!(crowd.contains(&"passengers".to_string()), "{crowd:?}");
        // Only the phrase counted: two days, not the buses after them.
        let days = sentence_counted_words("Two days without buses hurt shops.");
        assert_eq!(days, ["days"]);
        // "One" as a pronoun, "a" and a name count nothing.
        for sentence in [
            "No one of the crew saw the fire.",
            "She chose the one that floats.",
            "A ferry sailed at noon.",
            "He drove in Formula One races.",
        ] {
            assert!(sentence_counted_words(sentence).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn a_number_hyphened_to_its_noun_counts_it() {
        let hotel =
            sentence_counted_words("Gareth owns the 42-room Quayside Hotel near the terminal.");
        assert!(hotel.contains(&"room".to_string()), "{hotel:?}");
        assert!(sentence_counted_words("the MI-17 helicopters").is_empty());
        let ballpark = sentence_counted_words("The 9,000-seat ballpark would open in 2028.");
        assert!(ballpark.contains(&"seat".to_string()), "{ballpark:?}");
    }

    #[test]
    fn a_number_after_a_capitalised_word_of_grammar_counts() {
        let crew = sentence_counted_words("The 40 workers walked out.");
        assert!(crew.contains(&"workers".to_string()), "{crew:?}");
        assert!(sentence_counted_words("Nord Stream 2 pipeline").is_empty());
    }

    #[test]
    fn reads_the_noun_whose_kind_is_asked() {
        assert_eq!(
            kind_words(&words("It implies the use of what type of Turing machine?")),
            ["machine"]
        );
        assert_eq!(
            kind_words(&words("Which kinds of problems are studied?")),
            ["problems"]
        );
        assert_eq!(
            kind_words(&words("what kind of newspaper said the bridge was costly")),
            ["newspaper"]
        );
        assert!(kind_words(&words("what kind words did she say")).is_empty());
        assert!(kind_words(&words("which type is it")).is_empty());
    }

    #[test]
    fn reads_the_noun_of_what_x() {
        assert_eq!(
            what_words(&words("What rail connections are there between them?")),
            ["connections"]
        );
        assert_eq!(what_words(&words("so what variable is it")), ["variable"]);
        // The kind of answer says which: a place, a time, a number, a name,
        // what a thing holds, a condition, a role, a reason; and "what"
        // before a verb asks for an event.
        for asked in [
            "At what venue did he speak?",
            "what day is it",
            "what three fuels does it burn",
            "what share of the bookings",
            "By what margin did members vote?",
            "what body approved it",
            "What elements are in the letter?",
            "under what conditions will the mill reopen",
            "what role does the mayor play",
            "on what grounds did they appeal",
            "what happened with the trailer",
            "what is the bridge for",
            "what did he say",
        ] {
            assert!(what_words(&words(asked)).is_empty(), "{asked}");
        }
    }

    #[test]
    fn reads_what_must_be_identified() {
        assert_eq!(
            identified_words(&words("Which German newspaper did Klitschko talk to?")),
            ["newspaper"]
        );
        assert_eq!(
            identified_words(&words("what specific proposals for common ground")),
            ["proposals"]
        );
        assert!(identified_words(&words("what did blinken say")).is_empty());
        assert!(
            identified_words(&words(
                "does the us think countries get to pick which clubs"
            ))
            .is_empty()
        );
        // A body asks who, where it opens the phrase or ends it.
        assert!(
            identified_words(&words("which organisations share ownership of the airport"))
                .is_empty()
        );
        assert!(identified_words(&words("which official body is looking into it")).is_empty());
        assert_eq!(
            identified_words(&words("which envoy stationed in russia carried it")),
            ["envoy"]
        );
        assert_eq!(
            identified_words(&words("what was the name of the engineer who was hurt")),
            ["engineer"]
        );
        assert_eq!(
            identified_words(&words("whats the name of the freight vessel they hired")),
            ["vessel"]
        );
        // An "-ing" word before a noun qualifies it; before a function
        // word it is the verb that ends the phrase.
        assert_eq!(
            identified_words(&words("what is the name of the edinburgh hillwalking club")),
            ["club"]
        );
        assert_eq!(
            identified_words(&words("which engineer working on the bridge was hurt")),
            ["engineer"]
        );
        // "Which of the X" asks which X.
        assert_eq!(
            identified_words(&words("which of the walkers made the call")),
            ["walkers"]
        );
        let unnamed = sentence_unnamed_words(
            "Klitschko reportedly told a German newspaper. It includes our own proposals for areas.",
        );
        assert_eq!(unnamed, ["newspaper", "proposals"]);
        assert!(sentence_unnamed_words("Berlin blocked a NATO-ally Estonia from it.").is_empty());
        assert!(
            sentence_unnamed_words("They hired a freight vessel, the MV Nordic Tern, for it.")
                .is_empty()
        );
        assert_eq!(
            sentence_unnamed_words("One engineer was treated in hospital."),
            ["engineer"]
        );
    }

    #[test]
    fn numbers_in_names_are_not_counts() {
        let nord = Gives::from_sentence(
            "German officials have sought to distance the Nord Stream 2 pipeline.",
        );
        assert!(!nord.can_give(Wants::Count));
        let aid = Gives::from_sentence(
            "The U.S. has provided an estimated $200 million, and will soon deliver MI-17 helicopters.",
        );
        assert!(aid.can_give(Wants::Money));
        assert!(aid.can_give(Wants::Count));
        assert!(aid.can_give(Wants::Time));
        let helmets =
            Gives::from_sentence("The offer on Wednesday to send 5,000 military helmets.");
        assert!(helmets.can_give(Wants::Count));
        assert!(!helmets.can_give(Wants::Money));
        assert!(helmets.can_give(Wants::Date));
        let month = Gives::from_sentence("a draft treaty it published in December calling for");
        assert!(month.can_give(Wants::Time));
        assert!(!month.can_give(Wants::Date));
        assert!(Gives::from_sentence("It was signed on December 17, 2021.").can_give(Wants::Date));
        let soon = Gives::from_sentence("The U.S. will soon deliver MI-17 helicopters.");
        assert!(soon.can_give(Wants::Time));
        assert!(!soon.can_give(Wants::Date));
    }

    #[test]
    fn a_sentence_that_gives_a_length_of_time_lasts() {
        let lasts = |s| Gives::from_sentence(s).lasts();
        assert!(lasts(
            "The airport will close its only runway for three weeks."
        ));
        assert!(lasts(
            "Lindsay, who has run the shop for 19 years, said so."
        ));
        assert!(lasts("Drivers will stage a 48-hour strike."));
        // A date, a sum and a rate are no length of time.
        assert!(!lasts("The bridge will open on 3 May."));
        assert!(!lasts("Germany gave a grant of $2 million."));
        assert!(!lasts(
            "It expects to lose £450,000 for each week it is shut."
        ));
    }

    #[test]
    fn a_name_after_a_word_of_place_or_motion_is_a_place_given() {
        let place = |s: &str| Gives::from_sentence(s).can_give(Wants::Place);
        // Names no gazetteer lists, after "to", "at" and "in the".
        assert!(place(
            "Skerrin Air, which flies to Brannock and Tolvey, will stay."
        ));
        assert!(place("The talks will be held at Quenby Hall."));
        assert!(place(
            "The yard is planned for a site in the Marrow District."
        ));
        // A day, a month, a person's title, a people's word, no name at all.
        assert!(!place("The talks will be held on Saturday."));
        assert!(!place("The yard will open in May."));
        assert!(!place("Dr Feltham wrote to Ms Aldred."));
        assert!(!place("Blinken is confident in German solidarity."));
        assert!(!place(
            "Skerrin Air will move its flights to another airport."
        ));
    }

    #[test]
    fn may_is_a_month_where_it_is_written_as_one() {
        let tokens = |s: &'static str| s.split_whitespace().collect::<Vec<_>>();
        let opens = tokens("The bridge will open in May after four years.");
        assert!(names_a_month(&opens, 5));
        assert!(Gives::from_sentence("The bridge will open in May.").can_give(Wants::Time));
        assert!(Gives::from_sentence("It was signed on May 3, 2022.").can_give(Wants::Date));
        // The verb, a name and a sentence's first word are no month.
        assert!(!Gives::from_sentence("The bridge may open later.").can_give(Wants::Time));
        // A length of time before or after something is when it happens.
        let coach = "A coach leaves three and a half hours before each departure.";
        assert!(Gives::from_sentence(coach).can_give(Wants::Time));
        assert!(!Gives::from_sentence("The coach ride takes three hours.").can_give(Wants::Time));
        assert!(!names_a_month(
            &tokens("Theresa May spoke on the bridge."),
            1
        ));
        assert!(!names_a_month(&tokens("May they open it soon."), 0));
        assert!(names_a_month(&tokens("It opens in June."), 3));
    }

    #[test]
    fn what_time_asks_a_time_of_day() {
        assert!(asks_the_hour(&words("what time does the meeting start")));
        assert!(asks_the_hour(&words(
            "at roughly what hour did the fire start"
        )));
        assert!(!asks_the_hour(&words(
            "what time of year do the ferries stop"
        )));
        assert!(!asks_the_hour(&words("what day does the meeting start")));
        let hour = |s: &str| Gives::from_sentence(s).tells_the_hour();
        assert!(hour("The fire broke out at about 7.15am."));
        assert!(hour("The doors open at 7 pm."));
        assert!(hour("The hall is locked at midnight."));
        assert!(hour("A coach leaves three hours before each departure."));
        assert!(!hour("The meeting is on Saturday."));
        assert!(!hour("The bridge opens on 17 March."));
        assert!(!hour("Who am I to say."));
    }

    #[test]
    fn a_length_of_time_alone_tells_no_time() {
        let tells = |s: &str| Gives::from_sentence(s).can_give(Wants::Time);
        // A span or a count of years says how long, not when.
        assert!(!tells("Lindsay has run the shop for 19 years."));
        assert!(!tells("It flooded for the third time in four years."));
        assert!(!tells("Repairs went on for several weeks."));
        // A point in time does say when.
        assert!(tells("The shop closed last week."));
        assert!(tells("The shop will reopen next year."));
        assert!(tells("The shop opened three years ago."));
        assert!(tells("The shop reopens soon."));
        assert!(tells("The first sailing now reaches the port at 10.40am."));
        assert!(tells("The doors open at 9:30."));
        // A figure is no clock time.
        assert!(!tells("The ferry carries 4.5 tonnes."));
    }

    #[test]
    fn a_price_is_asked_and_given_by_its_verb() {
        assert!(asks_a_price(&words("how much did the bridge cost")));
        assert!(!asks_a_price(&words("how much aid did germany give")));
        assert!(Gives::from_sentence("It cost 40 million euros.").prices());
        assert!(!Gives::from_sentence("The town got $2 million in aid.").prices());
    }

    #[test]
    fn a_long_question_is_read_as_a_short_one() {
        // Past the words whose lists are kept on the stack, the kind asked
        // for is read the same way.
        let preamble = "so I was reading about this and my friend and I kept on \
            arguing all evening about it and neither of us could quite work it out \
            and we went round and round and round and still did not know so";
        assert!(words(preamble).len() > SHORT_QUESTION);
        for (question, wants) in [
            ("how many troops are there", Wants::Count),
            ("what did the bridge cost", Wants::Money),
            ("why did the drivers strike", Wants::Reason),
            ("where is the new depot", Wants::Place),
        ] {
            assert_eq!(wants_in(&words(question), false), wants, "{question}");
            let long = words(&format!("{preamble} {question}"));
            assert_eq!(wants_in(&long, false), wants, "{question}");
        }
    }

    #[test]
    fn how_long_asks_for_a_length_of_time() {
        let w = |q: &str| wants_in(&words(q), false);
        assert_eq!(w("how long will the strike last"), Wants::Duration);
        assert_eq!(w("how far is the airport from the city"), Wants::Distance);
        assert_eq!(w("for how long is the bridge closed"), Wants::Duration);
        assert_ne!(w("how long ago did the strike start"), Wants::Duration);
        let tokens: Vec<&str> = "out for 48 hours, then a 24-hour stop since 2009"
            .split_whitespace()
            .collect();
        let lasting: Vec<usize> = (0..tokens.len()).filter(|&i| lasts(&tokens, i)).collect();
        assert_eq!(lasting, [3, 6, 8]);
    }

    #[test]
    fn since_before_a_time_tells_when_not_why() {
        let since = Gives::from_sentence("It is the first stoppage in the city since 2009.");
        assert!(!since.can_give(Wants::Reason));
        let because = Gives::from_sentence("It stopped since the money ran out.");
        assert!(because.can_give(Wants::Reason));
        // News gives causes with "blaming", "citing", "thanks to".
        let due = Gives::from_sentence("Trams are due for delivery in 2026.");
        assert!(!due.states_reason());
        let due_to = Gives::from_sentence("Congestion is expected due to the lack of trams.");
        assert!(due_to.states_reason());
        let blaming = Gives::from_sentence("Profit fell 18 percent, blaming higher fuel prices.");
        assert!(blaming.can_give(Wants::Reason));
    }

    #[test]
    fn an_amount_in_any_currency_is_money() {
        for sentence in [
            "Strikers get £60 a day.",
            "It cost €4.5m to build.",
            "The recall will cost 85 million kronor.",
            "They paid US$200 for it.",
            "Those who wait get a voucher worth 50 percent of their fare.",
            "Members pay 10% of the price, the club said.",
        ] {
            assert!(
                Gives::from_sentence(sentence).can_give(Wants::Money),
                "{sentence}"
            );
        }
        assert!(!Gives::from_sentence("It has 300 trees.").can_give(Wants::Money));
        assert!(
            !Gives::from_sentence("Sales fell 50 percent of the time, said Ann Lee.")
                .can_give(Wants::Money)
        );
        assert!(
            !Gives::from_sentence("He scored 2 goals in euros qualifying.").can_give(Wants::Money)
        );
    }

    #[test]
    fn a_number_written_as_a_word_is_a_count() {
        let wheels = Gives::from_sentence("The cart has two wheels and a single axle.");
        assert!(wheels.can_give(Wants::Count));
        assert!(!Gives::from_sentence("The cart has wheels.").can_give(Wants::Count));
    }

    #[test]
    fn too_much_for_something_gives_a_reason() {
        let why = |s: &str| Gives::from_sentence(s).states_reason();
        assert!(why("The ramp is too steep for a loaded lorry."));
        assert!(why("It arrives too late to catch the train."));
        assert!(!why("The ramp is steep for a lorry."));
        assert!(!why("She came too, to see the ramp."));
    }

    #[test]
    fn a_to_of_purpose_is_the_speaker_s_only_inside_the_quotation() {
        let quoted = |s: &str| Gives::from_sentence(s).purpose_quoted();
        assert!(quoted(
            "\"I'll have to cycle nine miles each way,\" he said."
        ));
        assert!(quoted(
            "He said: \u{201c}We had to cancel the trip.\u{201d}"
        ));
        // The quotation closes before the reporter's own "to".
        let reported = "Quenby said the ferry would not sail \"in a storm\", while the crew were asked to wait.";
        assert!(Gives::from_sentence(reported).can_give(Wants::Reason));
        assert!(!quoted(reported));
        assert!(!quoted("The crew were asked to wait."));
    }

    #[test]
    fn said_with_a_reservation_reports_a_view() {
        let reports = |s: &str| Gives::from_sentence(s).reports();
        assert!(reports(
            "Quenby said the rota was fair in principle but that it had pushed removals to the back."
        ));
        assert!(!reports("Quenby said the rota was fair but slow."));
        assert!(!reports(
            "The rota was fair, but that was before the storm."
        ));
    }
}
