//! Short answers taken from the cited sentence: when a fact's answer is its
//! whole sentence (a fact `citebot init` drafted and nobody has reworded
//! yet), a question that asks for an amount, a count or a date is answered
//! with that phrase of the sentence ("$4.5 million."), and the sentence is
//! still quoted under it as the evidence. Other questions, and facts whose
//! answer an admin wrote, keep their answer as it is.

use super::question::{
    self, Wants, counted_words, is_amount_of_money, is_counting_number, names_a_month,
};
use crate::language::{List, language};
use crate::text::{is_ordinal_number, is_year, quotes, stem, without_ordinal};

/// Most words after a count's number that name the thing counted ("283 tons
/// of ammunition").
const COUNTED_NOUN_WORDS: usize = 3;

/// The short answer `sentence` gives to a question (its words) that wants
/// `wants`, as a sentence of its own: `None` when the question asks for
/// another kind, or the sentence holds no such phrase that the question
/// does not already say.
pub fn short_answer(wants: Wants, question: &[&str], sentence: &str) -> Option<String> {
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    let span = match wants {
        Wants::Count | Wants::Money => amount(wants, question, &tokens)?,
        Wants::Time | Wants::Date => date(wants, question, &tokens)?,
        Wants::Duration => duration(question, &tokens)?,
        Wants::Place => place(question, &tokens)?,
        Wants::Person => identity(question, &tokens)?,
        _ => return None,
    };
    let text = tokens[span.0..span.1].join(" ");
    let text = text
        .trim_end_matches(|c| matches!(c, ',' | ';' | ':' | '.' | ')') || quotes::is_closing(c));
    let text = text.trim_start_matches(|c| c == '(' || quotes::is_opening(c));
    (!text.is_empty()).then(|| as_sentence(text))
}

/// A phrase as a sentence: first letter capitalised, a full stop after.
fn as_sentence(phrase: &str) -> String {
    let mut chars = phrase.chars();
    let first: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    format!("{first}{}.", chars.as_str())
}

/// A token without the punctuation around it, in lower case.
fn bare(token: &str) -> String {
    question::bare(token).to_lowercase()
}

/// True when the question already holds this token (so it is no answer):
/// as bare, or as the question's words read it ("£300,000" is the word
/// "300000" of a question writing it).
fn asked(question: &[&str], token: &str) -> bool {
    Written::of(token).is_asked(question)
}

/// A token as a question's words may write it: bare, or as the question's
/// words read it.
#[derive(Debug, Clone)]
struct Written {
    /// The token without its punctuation, in lower case.
    bare: String,
    /// The token as a question's words read it ("£300,000": "300000").
    read: Vec<String>,
}

impl Written {
    /// Reads a token.
    fn of(token: &str) -> Written {
        Written {
            bare: bare(token),
            read: crate::text::words(token),
        }
    }

    /// True when the question (its words) holds the token ([`asked`]).
    fn is_asked(&self, question: &[&str]) -> bool {
        question.contains(&self.bare.as_str())
            || !self.read.is_empty() && self.read.iter().all(|w| question.contains(&w.as_str()))
    }
}

/// A sentence's counts (its tokens that [`is_a_count`]), each as a
/// question may write it, read once when the engine is built: a question
/// that writes none of them asks no figure the sentence gives
/// ([`gives_only_the_asked_figure`] is false), and the sentence need not
/// be read again for it.
#[derive(Debug, Clone, Default)]
pub struct Counts(Vec<Written>);

impl Counts {
    /// Reads a sentence's counts.
    pub fn of(sentence: &str) -> Counts {
        let tokens: Vec<&str> = sentence.split_whitespace().collect();
        Counts(
            (0..tokens.len())
                .filter(|&i| is_a_count(&tokens, i))
                .map(|i| Written::of(tokens[i]))
                .collect(),
        )
    }

    /// True when the question (its words) writes one of the counts.
    pub fn any_asked(&self, question: &[&str]) -> bool {
        self.0.iter().any(|count| count.is_asked(question))
    }
}

/// True when the figure `sentence` gives that best answers a question (its
/// words) wanting an amount or a count is one the question writes itself,
/// and the sentence gives no other figure that answers as well: "how much
/// of the £300,000 fund has been paid out" against "he announced a £300,000
/// fund" asks another figure about the fund than the one the sentence
/// gives (rule `asked-figure`). False for a question wanting another kind.
pub fn gives_only_the_asked_figure(wants: Wants, question: &[&str], sentence: &str) -> bool {
    if wants != Wants::Count && wants != Wants::Money {
        return false;
    }
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    let Some((own, _)) = ranked_amount(wants, question, &tokens, true) else {
        return false;
    };
    ranked_amount(wants, question, &tokens, false).is_none_or(|(other, _)| other < own)
}

/// The span of the amount or count that best answers: a number not in the
/// question, with its scale ("million") and, for a count, the thing it
/// counts; numbers with the question's counted words right after them (or
/// shortly before: "passenger numbers rose to 7.9 million") come first, and
/// for money, amounts in dollars or a named currency, for a count, numbers
/// that are no money.
fn amount(wants: Wants, question: &[&str], tokens: &[&str]) -> Option<(usize, usize)> {
    ranked_amount(wants, question, tokens, false).map(|(_, span)| span)
}

/// [`amount`] with its rank (whether it names the thing counted, and
/// whether it is of the kind wanted), among the numbers the question does
/// not write (`asked` false) or among those it writes (`asked` true).
fn ranked_amount(
    wants: Wants,
    question: &[&str],
    tokens: &[&str],
    asked_ones: bool,
) -> Option<(u8, (usize, usize))> {
    let lang = language();
    let counted: Vec<String> = counted_words(question).iter().map(|w| stem(w)).collect();
    let share = question::asks_a_share(question);
    let mut best: Option<(u8, (usize, usize))> = None;
    for i in 0..tokens.len() {
        if !is_a_count(tokens, i) || asked(question, tokens[i]) != asked_ones {
            continue;
        }
        let mut end = i + 1;
        while end < tokens.len() && lang.in_list(List::NumberScales, &bare(tokens[end])) {
            end += 1;
        }
        // "What percentage" is answered by a percentage, not by any count.
        let percentage = tokens[i].ends_with('%')
            || tokens[i..end]
                .iter()
                .any(|t| lang.in_list(List::PercentWords, &bare(t)));
        if share && !percentage {
            continue;
        }
        let currency = is_amount_of_money(tokens, i);
        let names = |w: &&str| counted.contains(&stem(&bare(w)));
        // The words near a number name what it counts only up to another
        // count or the end of its clause: in "90 cars and 400 passengers"
        // the passengers are 400's, in "12 ships, and passenger numbers
        // rose to 7.9 million" 7.9 million's; in "6 of its 41 bus routes"
        // both count the routes.
        let follows = (end..tokens.len())
            .take(COUNTED_NOUN_WORDS + 1)
            .take_while(|&k| {
                (!is_a_count(tokens, k) || is_part_of(tokens, k))
                    && (k == end || !ends_phrase(tokens[k - 1]))
            })
            .any(|k| names(&tokens[k]));
        let precedes = (0..i)
            .rev()
            .take(COUNTED_NOUN_WORDS + 1)
            .take_while(|&k| {
                let t = tokens[k];
                !ends_phrase(t) && !is_a_count(tokens, k)
            })
            .any(|k| names(&tokens[k]));
        let names_counted = follows || precedes;
        let kind_fits = match wants {
            Wants::Money => currency,
            _ => !currency,
        };
        let rank = u8::from(names_counted) * 2 + u8::from(kind_fits);
        if wants == Wants::Money && !currency && !names_counted {
            continue;
        }
        if wants == Wants::Count || !currency {
            end = counted_noun_end(tokens, end);
        } else if tokens
            .get(end)
            .is_some_and(|t| lang.in_list(List::Currencies, &bare(t)))
        {
            end += 1;
        }
        if best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, (i, end)));
        }
    }
    best
}

/// True when token `i` counts something: a number in figures, or a number
/// word before the thing it counts ("two hybrid ferries"; not "one of", nor
/// the scale of "612 million euros").
fn is_a_count(tokens: &[&str], i: usize) -> bool {
    let word = bare(tokens[i]);
    is_counting_number(tokens, i)
        || crate::text::is_number_word(&word)
            && !language().in_list(List::NumberScales, &word)
            && !ends_phrase(tokens[i])
            && tokens
                .get(i + 1)
                .is_some_and(|next| !crate::text::is_stopword(&bare(next)))
}

/// True when the count at `i` is the whole a number before it is part of:
/// "of 41" or "of its 41" in "6 of its 41 bus routes".
fn is_part_of(tokens: &[&str], i: usize) -> bool {
    let before = |n: usize| i.checked_sub(n).map(|k| bare(tokens[k]));
    before(1).as_deref() == Some("of")
        || before(2).as_deref() == Some("of")
            && before(1).is_some_and(|w| crate::text::is_stopword(&w))
}

/// Where the words a number counts end: up to [`COUNTED_NOUN_WORDS`] words
/// after it, stopping at a clause's punctuation, a stop word or a
/// preposition ("of" joins).
fn counted_noun_end(tokens: &[&str], from: usize) -> usize {
    let lang = language();
    let mut end = from;
    while end < tokens.len() && end - from < COUNTED_NOUN_WORDS {
        let word = bare(tokens[end]);
        let ends = crate::text::is_stopword(&word) || lang.in_list(List::Prepositions, &word);
        if word.is_empty() || ends && word != "of" {
            break;
        }
        end += 1;
        if tokens[end - 1].ends_with([',', '.', ';', ':']) {
            break;
        }
    }
    // "tons of" without what it is of is no phrase.
    while end > from && bare(tokens[end - 1]) == "of" {
        end -= 1;
    }
    end
}

/// The span of the date that answers: the first run of weekday, month, day
/// and year tokens the question does not already say ("Tuesday, 14
/// October"); a bare year ("in 1987") answers "when" but not "when exactly".
fn date(wants: Wants, question: &[&str], tokens: &[&str]) -> Option<(usize, usize)> {
    let lang = language();
    let is_year = |t: &str| is_year(&bare(t));
    let is_day_number = |t: &str| {
        let b = bare(t);
        is_ordinal_number(&b) && without_ordinal(&b).len() <= 2
    };
    let is_named =
        |i: usize| lang.in_list(List::Days, &bare(tokens[i])) || names_a_month(tokens, i);
    let part = |i: usize| is_named(i) || is_year(tokens[i]) || is_day_number(tokens[i]);
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !(is_named(i) || is_year(tokens[i])) || asked(question, tokens[i]) {
            i += 1;
            continue;
        }
        let mut start = i;
        while start > 0 && is_day_number(tokens[start - 1]) && !ends_clause(tokens[start - 1]) {
            start -= 1;
        }
        let mut end = i + 1;
        while end < tokens.len() && part(end) && !ends_clause(tokens[end - 1]) {
            end += 1;
        }
        let only_year = (start..end).all(|k| is_year(tokens[k]));
        if !(wants == Wants::Date && only_year) {
            found.push((start, end));
        }
        i = end;
    }
    let first = found.first().copied();
    found
        .into_iter()
        .find(|&(start, _)| follows_asked_word(question, tokens, start))
        .or(first)
}

/// The span of the length of time that answers "how long": the first
/// number and unit ("48 hours", "two weeks") or "since" and its time that
/// the question does not already say.
fn duration(question: &[&str], tokens: &[&str]) -> Option<(usize, usize)> {
    let end =
        (0..tokens.len()).find(|&i| question::lasts(tokens, i) && !asked(question, tokens[i]))?;
    if question::bounds_a_span(&bare(tokens[end])) {
        // "since 2009", "until Tuesday".
        return Some((end, end + 2));
    }
    let start = if tokens[end].contains('-') {
        end
    } else {
        end - 1
    };
    Some((start, end + 1))
}

/// The span of the place that answers "where": a name written with
/// capitals after "in", "at", "near" ... that the question does not already
/// say, and is no day or month. A place the gazetteer knows comes first,
/// else the last such name ("shares in Harbourline fell in early trading in
/// Oslo": Oslo; "at the Port of Leith": Port of Leith).
fn place(question: &[&str], tokens: &[&str]) -> Option<(usize, usize)> {
    let names: Vec<(usize, usize)> = (0..tokens.len().saturating_sub(1))
        .filter_map(|i| place_after(question, tokens, i))
        .collect();
    let known = |&&(start, end): &&(usize, usize)| {
        let name: Vec<String> = tokens[start..end].iter().map(|t| bare(t)).collect();
        crate::lexicon::entity_kind(&name.join(" ")) == Some(crate::lexicon::EntityKind::Place)
    };
    names.iter().find(known).or(names.last()).copied()
}

/// The name after the place preposition at `i`, if one follows.
fn place_after(question: &[&str], tokens: &[&str], i: usize) -> Option<(usize, usize)> {
    let capitalised = |t: &str| question::bare(t).starts_with(|c: char| c.is_uppercase());
    if !language().in_list(List::PlacePrepositions, tokens[i]) || ends_clause(tokens[i]) {
        return None;
    }
    let start = if bare(tokens[i + 1]) == "the" {
        i + 2
    } else {
        i + 1
    };
    let first = *tokens.get(start)?;
    let calendar = names_a_month(tokens, start) || language().in_list(List::Days, &bare(first));
    if !capitalised(first) || calendar || asked(question, first) {
        return None;
    }
    let name_end = |mut end: usize| {
        while end < tokens.len()
            && !ends_phrase(tokens[end - 1])
            && (capitalised(tokens[end])
                || bare(tokens[end]) == "of" && tokens.get(end + 1).is_some_and(|t| capitalised(t)))
        {
            end += 1;
        }
        end
    };
    let mut end = name_end(start + 1);
    // Two names joined ("between P and PSPACE", "in Oslo and Bergen") are
    // one place.
    if end + 1 < tokens.len()
        && !ends_phrase(tokens[end - 1])
        && language().in_list(List::ListJoiners, tokens[end])
        && capitalised(tokens[end + 1])
        && !language().in_list(List::Days, &bare(tokens[end + 1]))
        && !names_a_month(tokens, end + 1)
    {
        end = name_end(end + 2);
    }
    Some((start, end))
}

/// Most words before a date that may name what it dates ("starting in
/// 2026", "voted 7-2 on Monday").
const DATED_WORDS_BEFORE: usize = 3;

/// True when one of the few words before `start`, within its clause, is a
/// word of the question: "when does the ban start" is answered by the date
/// of "starting in 2026", not by the vote's "on Monday" earlier on.
fn follows_asked_word(question: &[&str], tokens: &[&str], start: usize) -> bool {
    let asked: Vec<String> = question
        .iter()
        .filter(|w| !crate::text::is_stopword(w))
        .map(|w| stem(w))
        .collect();
    tokens[..start]
        .iter()
        .rev()
        .take(DATED_WORDS_BEFORE)
        .take_while(|t| !ends_phrase(t))
        .any(|t| asked.contains(&stem(&bare(t))))
}

/// Most words of what a sentence says someone is ("chief executive of the
/// transit authority").
const IDENTITY_WORDS: usize = 16;

/// Most words of the name in "who is <name>".
const NAME_WORDS: usize = 4;

/// The span of what the sentence says someone or something is, for "who
/// is <name>": the phrase set off by a comma right after the name ("said
/// Dana Okafor, the union's regional secretary for Halbridge."), up to the
/// next comma or the sentence's end. A clause that goes on about them
/// ("Castellano, who does not ...") says what they do, not who they are.
fn identity(question: &[&str], tokens: &[&str]) -> Option<(usize, usize)> {
    let name = asked_identity(question)?;
    let last = name.last()?;
    let at = tokens.iter().position(|t| bare(t) == *last)?;
    if !tokens[at].ends_with(',') {
        return None;
    }
    let start = at + 1;
    // "who ...", "which ...": a relative clause, no description.
    if crate::text::is_question_word(&bare(tokens.get(start)?)) {
        return None;
    }
    let closes = |t: &str| {
        t.trim_end_matches(|c| quotes::is_closing(c) || c == ')')
            .ends_with([',', '.', ';', ':'])
    };
    let end = (start..tokens.len())
        .take(IDENTITY_WORDS)
        .find(|&i| closes(tokens[i]))?
        + 1;
    Some((start, end))
}

/// The name a "who is <name>" question asks about, its words folded; `None`
/// for other questions ("who said ...").
fn asked_identity<'q>(question: &'q [&'q str]) -> Option<&'q [&'q str]> {
    let at = question.iter().position(|&w| w == "who" || w == "whos")?;
    let rest = &question[at + 1..];
    let rest = if question[at] == "whos" {
        rest
    } else {
        match rest.first().copied() {
            Some("is" | "was" | "are" | "were") => &rest[1..],
            _ => return None,
        }
    };
    (!rest.is_empty() && rest.len() <= NAME_WORDS).then_some(rest)
}

/// True when a token closes a clause (a date does not run on past it).
fn ends_clause(token: &str) -> bool {
    token.ends_with(['.', ';', ':', ')'])
}

/// True when a token ends a phrase: its clause, or a comma.
fn ends_phrase(token: &str) -> bool {
    ends_clause(token) || token.ends_with(',')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::question::wants_in;
    use crate::text::test_words as words;

    fn short(question: &str, sentence: &str) -> Option<String> {
        let q = words(question);
        short_answer(wants_in(&q, false), &q, sentence)
    }

    const PARK: &str = "The council voted 7-2 on Tuesday, 14 October, to build a $4.5 million park \
                        with 300 new trees by 2027.";

    #[test]
    fn an_amount_or_a_count_is_the_number_with_what_it_counts() {
        assert_eq!(
            short("how much will the park cost", PARK).as_deref(),
            Some("$4.5 million.")
        );
        assert_eq!(
            short("how many trees will it have", PARK).as_deref(),
            Some("300 new trees.")
        );
        assert_eq!(
            short(
                "how many tons were sent",
                "It sent 283 tons of ammunition, and more."
            )
            .as_deref(),
            Some("283 tons of ammunition.")
        );
        assert_eq!(
            short("how much did it cost", "The repair cost 200 euros.").as_deref(),
            Some("200 euros.")
        );
    }

    #[test]
    fn a_count_is_no_money_and_may_follow_what_it_counts() {
        let results = "Profit fell to 46.2 million euros, while revenue rose to 612 million euros \
                       as passenger numbers recovered to 7.9 million.";
        assert_eq!(
            short("how many passengers did they carry", results).as_deref(),
            Some("7.9 million.")
        );
        assert_eq!(
            short(
                "how many ferries will they buy",
                "It will delay the purchase of two hybrid ferries until 2027."
            )
            .as_deref(),
            Some("Two hybrid ferries.")
        );
        assert_eq!(
            short(
                "how long was the strike",
                "The nine-day strike in April cost 8 million euros."
            )
            .as_deref(),
            Some("Nine-day.")
        );
    }

    #[test]
    fn each_of_two_counts_answers_for_what_it_counts() {
        let sailings =
            "The ferry makes four sailings a day, carrying up to 90 cars and 400 passengers.";
        assert_eq!(
            short("how many cars can the ferry carry", sailings).as_deref(),
            Some("90 cars.")
        );
        assert_eq!(
            short("how many passengers can the ferry carry", sailings).as_deref(),
            Some("400 passengers.")
        );
        assert_eq!(
            short(
                "how many bus routes will run",
                "It will run 6 of its 41 bus routes."
            )
            .as_deref(),
            Some("6.")
        );
        let results = "The fleet grew to 12 ships, and passenger numbers rose to 7.9 million.";
        assert_eq!(
            short("how many passengers did it carry", results).as_deref(),
            Some("7.9 million.")
        );
        assert_eq!(
            short("how many ships are there", results).as_deref(),
            Some("12 ships.")
        );
    }

    #[test]
    fn who_someone_is_is_the_phrase_after_their_name() {
        let quote = "\"Nobody wants this,\" said Dana Okafor, the union's regional secretary for Halbridge.";
        assert_eq!(
            short("who is dana okafor", quote).as_deref(),
            Some("The union's regional secretary for Halbridge.")
        );
        let walkout = "Martin Selwyn, chief executive of the transit authority, called the walkout \
                       disappointing.";
        assert_eq!(
            short("who is martin selwyn?", walkout).as_deref(),
            Some("Chief executive of the transit authority.")
        );
        // A clause about them says what they do, not who they are.
        let mayor = "Mayor Priya Castellano, who appoints four board members, urged talks.";
        assert_eq!(short("who is priya castellano", mayor), None);
        // Only "who is": "who said" asks for a name.
        assert_eq!(short("who said nobody wants this", quote), None);
    }

    #[test]
    fn a_share_is_answered_by_a_percentage() {
        let ballot = "About 620,000 journeys are made a day, and members backed strike action by \
                      87 percent.";
        assert_eq!(
            short("what percentage backed the strike", ballot).as_deref(),
            Some("87 percent.")
        );
        let services = "About 620,000 journeys are made a day, and fewer than one in five \
                        services will run.";
        assert_eq!(short("what share of services will run", services), None);
    }

    #[test]
    fn a_place_is_the_name_after_in_or_at() {
        assert_eq!(
            short(
                "where did the shares fall",
                "Shares fell 6.5 percent in early trading in Oslo."
            )
            .as_deref(),
            Some("Oslo.")
        );
        assert_eq!(
            short(
                "where will the wall be built",
                "A wall will be built in May at the Port of Leith, officials said."
            )
            .as_deref(),
            Some("Port of Leith.")
        );
        assert_eq!(
            short("where did it happen", "It happened in the spring."),
            None
        );
        // Two names joined are one place, "between" them too.
        assert_eq!(
            short(
                "where do the ferries sail",
                "The ferries sail daily between Oslo and Bergen in summer."
            )
            .as_deref(),
            Some("Oslo and Bergen.")
        );
        assert_eq!(
            short(
                "where did the shares fall",
                "Shares in Harbourline fell 6.5 percent in early trading in Oslo."
            )
            .as_deref(),
            Some("Oslo.")
        );
    }

    #[test]
    fn a_counted_phrase_ends_before_a_preposition() {
        assert_eq!(
            short(
                "how much damage did the storms cause",
                "The storms caused an estimated £30 million of damage across the region."
            )
            .as_deref(),
            Some("£30 million of damage.")
        );
    }

    #[test]
    fn a_date_is_the_run_of_day_month_and_year() {
        assert_eq!(
            short("when did the council vote", PARK).as_deref(),
            Some("Tuesday, 14 October.")
        );
        assert_eq!(
            short("when was it built", "It was built in 1987 by hand.").as_deref(),
            Some("1987.")
        );
        // "May" written as a month answers; the day of the saying does not.
        assert_eq!(
            short(
                "when will the bridge open",
                "The ministry said on Monday that the new bridge will open in May."
            )
            .as_deref(),
            Some("May.")
        );
        // How long: the length of time, not the day it starts.
        assert_eq!(
            short(
                "how long will the strike last",
                "Drivers will walk out on Monday for 48 hours after talks failed."
            )
            .as_deref(),
            Some("48 hours.")
        );
        assert_eq!(
            short(
                "how long has the bridge been shut",
                "It has been shut since 2009."
            )
            .as_deref(),
            Some("Since 2009.")
        );
        // The date of what the question asks about, not the first one.
        assert_eq!(
            short(
                "when does the ban start",
                "The council voted 7-2 on Monday to ban leaf blowers starting in 2026."
            )
            .as_deref(),
            Some("2026.")
        );
        assert_eq!(
            short(
                "when did the council vote",
                "The council voted 7-2 on Monday to ban leaf blowers starting in 2026."
            )
            .as_deref(),
            Some("Monday.")
        );
        // A year alone does not say "when exactly".
        assert_eq!(
            short("when exactly was it built", "It was built in 1987 by hand."),
            None
        );
    }

    #[test]
    fn other_questions_and_sentences_without_the_phrase_get_none() {
        assert_eq!(short("who voted for the park", PARK), None);
        assert_eq!(short("why was the park built", PARK), None);
        assert_eq!(
            short("when did they vote", "The council voted to build a park."),
            None
        );
        // A number the question already says is no answer.
        assert_eq!(
            short("how many of the 300 trees are new", "It has 300 trees."),
            None
        );
    }
}
