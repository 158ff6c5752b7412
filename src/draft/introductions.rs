//! A news report introduces each person or body where it first names them,
//! usually with who they are ("Chief executive Sofia Lindqvist said",
//! "Ferry operator Harbourline reported", "Jean Porter, whose bakery ...").
//! Readers ask "who is Lindqvist?" of any later mention, and the answer is
//! that introduction, so the drafter writes "who is `<name>`" for the body
//! sentence that first names each one. The headline names before it
//! introduces, so it is left out by the caller.

use std::collections::HashSet;

use super::phrases::{Word, is_name, sentence_words};
use crate::language::{List, language};

/// Most words of a name asked about ("Green Party councillor" is a role).
const MAX_NAME_WORDS: usize = 4;

/// The names met so far, word by word: a later "Lindqvist" is the
/// "Sofia Lindqvist" already introduced.
#[derive(Debug, Default)]
pub struct Introductions {
    seen: HashSet<String>,
    /// Names the article places somewhere ("at Portnacraig") in any
    /// sentence: a place even where a sentence names it without a
    /// preposition ("the vessel left Kilbrannan").
    places: HashSet<String>,
}

impl Introductions {
    /// Records the names `sentence` gives as places, so that every mention
    /// of them is asked "where", never "who".
    pub fn learn_places(&mut self, sentence: &str) {
        for (name, place) in names(&sentence_words(sentence)) {
            if place {
                self.places.insert(name.join(" "));
            }
        }
    }

    /// Whether the article gives `name` (folded words joined by spaces)
    /// as a place in any sentence ([`Introductions::learn_places`]).
    pub fn is_place(&self, name: &str) -> bool {
        self.places.contains(name)
    }

    /// The "who is <name>" intents for the names `sentence` is the first
    /// to give, and records them as introduced.
    pub fn of(&mut self, sentence: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (name, place) in names(&sentence_words(sentence)) {
            let new = name.iter().any(|w| !self.seen.contains(w));
            self.seen.extend(name.iter().cloned());
            if new {
                let joined = name.join(" ");
                let place = place || self.places.contains(&joined);
                let asks = if place { "where" } else { "who" };
                out.push(format!("{asks} is {joined}"));
            }
        }
        out
    }
}

/// The names of a sentence worth introducing, folded word by word, each
/// with whether the sentence gives it as a place.
pub(super) fn names(words: &[Word]) -> Vec<(Vec<String>, bool)> {
    let mut out = Vec::new();
    let mut i = 0;
    // Where the last place named ends: a name joined to it by "and"
    // ("between Varnholm and Quellby") is a place too.
    let mut place_ends = None;
    while i < words.len() {
        if !is_name(words, i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < words.len() && words[end].clause == words[i].clause && is_name(words, end) {
            end += 1;
        }
        let name: Vec<String> = words[i..end].iter().map(|w| w.folded.clone()).collect();
        let start = i;
        i = end;
        if name.len() > MAX_NAME_WORDS || name.iter().all(|w| is_calendar_word(w)) {
            continue;
        }
        // A name after "in", "at", "on" ... is a place ("told
        // reporters at City Hall", "the suburb of Marsh End" is not), in
        // its clause: `"... they had no part in," Ure said` names a person.
        let lang = language();
        let place = start > 0
            && words[start - 1].clause == words[start].clause
            && (lang.in_list(List::PlacePrepositions, &words[start - 1].folded)
                || lang.in_list(List::ListJoiners, &words[start - 1].folded)
                    && place_ends == Some(start - 1));
        if place {
            place_ends = Some(end);
        }
        out.push((name, place));
    }
    out
}

/// True for a day or month, written with a capital but no one to introduce
/// nor a place ("in May", "on Monday").
pub fn is_calendar_word(word: &str) -> bool {
    let lang = language();
    word == "may" || lang.in_list(List::Months, word) || lang.in_list(List::Days, word)
}

#[cfg(test)]
mod tests {
    use super::Introductions;

    #[test]
    fn a_name_is_introduced_where_it_is_first_given() {
        let mut intro = Introductions::default();
        assert_eq!(
            intro.of("Chief executive Sofia Lindqvist said fuel costs rose."),
            ["who is sofia lindqvist"]
        );
        // A later mention, in full or in part, introduces no one.
        assert!(
            intro
                .of("Lindqvist said a deal was signed in May.")
                .is_empty()
        );
        assert_eq!(
            intro.of("Ferry operator Harbourline reported a drop in profit."),
            ["who is harbourline"]
        );
        assert!(intro.of("the profit fell by a fifth.").is_empty());
        // A preposition ending a quotation places no name after it.
        assert_eq!(
            intro.of("\"They had no part in,\" Ure said."),
            ["who is ure"]
        );
        // A name after a place preposition is where something is.
        assert_eq!(
            intro.of("Lindqvist spoke at the company's offices on Kingsway on Monday."),
            ["where is kingsway"]
        );
        // So is a name after "between": what lies between two names.
        assert_eq!(
            intro.of("Ferries sail between Varnholm and Quellby each summer."),
            ["where is varnholm", "where is quellby"]
        );
    }

    #[test]
    fn a_name_the_article_places_somewhere_is_never_asked_who() {
        let mut intro = Introductions::default();
        let article = [
            "The ferry left Dunmara at dawn.",
            "Passengers waited on the pier at Dunmara for hours.",
        ];
        for s in article {
            intro.learn_places(s);
        }
        assert_eq!(intro.of(article[0]), ["where is dunmara"]);
    }
}
