//! Who "she" is in a quotation. News reports name a speaker once and then
//! attribute their next words to a pronoun: `Margaret Hollis ... is due to
//! fly to Jersey.` then `"I chose Kestlebury because I can get a taxi
//! there," she said.` Readers ask "why did Margaret Hollis choose
//! Kestlebury?", and the sentence that answers never writes her name, so
//! the drafter adds an intent that does: the speaker's name with the
//! sentence's words.

use std::collections::HashMap;

use super::introductions::{Introductions, names};
use super::phrases::{Word, content, sentence_words};
use crate::engine::Tunables;
use crate::engine::rules::antecedent::points_back;
use crate::language::{List, language};

/// Most paragraphs back that a pronoun may point: a speaker named in the
/// paragraph before or in the same one.
const PARAGRAPHS_BACK: usize = 1;

/// Most words of a clause before a name read as who the person is ("Its
/// chief executive, Malcolm Beech"): a longer one says something else.
const ROLE_BEFORE_WORDS: usize = 4;

/// The people named so far, and the one a pronoun would speak for: the
/// first named in the last sentence that names one.
#[derive(Debug, Default)]
pub struct Speakers {
    /// The person a pronoun would speak for: their full name, folded, and
    /// the paragraph that named them.
    last: Option<(String, usize)>,
    /// Each word of a full name met so far, to its name: a later
    /// "Hollis" is the "Margaret Hollis" already named.
    full_names: HashMap<String, String>,
    /// Each full name to the words the article first gives it with, who
    /// the person is ("transport minister", "president halbridge chamber
    /// commerce"), folded and joined by spaces.
    roles: HashMap<String, String>,
}

impl Speakers {
    /// The intent that names the speaker of `words` (a sentence of
    /// paragraph `paragraph`) when a pronoun speaks in it ("she said") and
    /// the sentence names no one itself, and then records the people it
    /// names for the sentences after it. `is_place`: whether the article
    /// gives a name as a place anywhere ("at Port Carrow"), which makes it
    /// no speaker.
    pub fn read(
        &mut self,
        text: &str,
        words: &[Word],
        paragraph: usize,
        is_place: impl Fn(&str) -> bool,
    ) -> Option<String> {
        let people = self.people(words, is_place);
        // A sentence that names someone ("Margaret Hollis ... said she had
        // not decided") has its speaker's name already; one that points
        // back ("It is annoying ...," he said.) takes the words of the
        // sentence before it through rule `antecedent`, and the name again
        // would count twice, so that "who is Daniel Achebe?" found his
        // quotation before the sentence saying who he is.
        let intent = match (&self.last, people.is_empty()) {
            (Some((name, named_in)), true)
                if paragraph.saturating_sub(*named_in) <= PARAGRAPHS_BACK
                    && pronoun_speaks(words)
                    && !points_back(text, Tunables::default().antecedent_span) =>
            {
                Some(speaker_intent(name, words))
            }
            _ => None,
        };
        // The first person a sentence names is its subject, the one a
        // pronoun after it speaks for ("Gareth Pennock runs the Quayside
        // Hotel." "..., he said.").
        if let Some(first) = people.into_iter().next() {
            self.last = Some((first, paragraph));
        }
        intent
    }

    /// The people `words` name (no place, as `is_place` tells), by full
    /// name, in the sentence's order, each recorded with who they are
    /// where they are first given in full.
    fn people(&mut self, words: &[Word], is_place: impl Fn(&str) -> bool) -> Vec<String> {
        names(words)
            .into_iter()
            .filter(|(name, place)| !place && !is_place(&name.join(" ")))
            .filter_map(|(name, _)| {
                let full = self.person(&name)?;
                if name.len() >= 2 && !self.roles.contains_key(&full) {
                    self.roles.insert(full.clone(), role_words(words, &name));
                }
                Some(full)
            })
            .collect()
    }

    /// Who speaks in a sentence (`words` of `text`, in `paragraph`), by
    /// full name, recording the people it names: one it names beside a verb
    /// of `[attribution-verbs]` ("Ure said", "said Owen Marchetti"), the
    /// person a pronoun speaks for ("...," she said.), or, for a quotation
    /// that names no speaker, whoever spoke in the sentence `before` it in
    /// the same paragraph ("We know ...," she said. "But I will never ...").
    fn speaking(
        &mut self,
        text: &str,
        words: &[Word],
        paragraph: usize,
        before: Option<&(String, usize)>,
        is_place: impl Fn(&str) -> bool,
    ) -> Option<String> {
        let lang = language();
        let attributes = words
            .iter()
            .any(|w| lang.in_list(List::AttributionVerbs, &w.folded));
        let people = self.people(words, is_place);
        let near = |named_in: usize| paragraph.saturating_sub(named_in) <= PARAGRAPHS_BACK;
        let speaker = if let Some(first) = people.first().filter(|_| attributes) {
            Some(first.clone())
        } else if pronoun_speaks(words) {
            self.last
                .as_ref()
                .filter(|(_, named_in)| near(*named_in))
                .map(|(name, _)| name.clone())
        } else if !attributes && text.contains(crate::text::quotes::DOUBLE) {
            before
                .filter(|(_, said_in)| *said_in == paragraph)
                .map(|(name, _)| name.clone())
        } else {
            None
        };
        if let Some(first) = people.into_iter().next() {
            self.last = Some((first, paragraph));
        }
        speaker
    }

    /// A speaker's full name and who the article says they are.
    fn described(&self, name: &str) -> String {
        match self.roles.get(name) {
            Some(role) if !role.is_empty() => format!("{name} {role}"),
            _ => name.to_string(),
        }
    }

    /// The full name of the person `name` (folded words) names, recording
    /// it: a name of two words or more, or one word of such a name met
    /// before, without a title ("Ms Aldred" is the "Fiona Aldred" met
    /// before). `None` for a single word never met in a longer name, which
    /// may be a place or a body ("Kestlebury").
    fn person(&mut self, name: &[String]) -> Option<String> {
        let lang = language();
        let untitled = name
            .iter()
            .position(|w| !lang.in_list(List::NameTitles, w))
            .map_or(&name[..0], |first| &name[first..]);
        let name = if untitled.len() == 1 { untitled } else { name };
        if name.len() >= 2 {
            let joined = name.join(" ");
            for word in name {
                self.full_names.insert(word.clone(), joined.clone());
            }
            Some(joined)
        } else {
            name.first().and_then(|w| self.full_names.get(w).cloned())
        }
    }
}

/// Who speaks in each sentence of an article (its paragraph and text, in
/// reading order): the speaker's full name and the words the article first
/// gives them with ("douglas ure transport minister"), folded and joined by
/// spaces; empty where no person the article names speaks. Rule
/// `quoted-speaker` reads a question asking what someone said against it.
pub fn quotation_speakers(sentences: &[(usize, &str)]) -> Vec<String> {
    let mut places = Introductions::default();
    for (_, text) in sentences {
        places.learn_places(text);
    }
    let mut speakers = Speakers::default();
    let mut before: Option<(String, usize)> = None;
    sentences
        .iter()
        .map(|&(paragraph, text)| {
            let words = sentence_words(text);
            let is_place = |n: &str| places.is_place(n);
            let speaker = speakers.speaking(text, &words, paragraph, before.as_ref(), is_place);
            let described = speaker.as_deref().map(|s| speakers.described(s));
            before = speaker.map(|s| (s, paragraph));
            described.unwrap_or_default()
        })
        .collect()
}

/// The content words around a name (folded words, as `words` has them)
/// that say who the person is: the words before it in its clause
/// ("Transport minister Douglas Ure"), or a short clause just before it
/// ("Its chief executive, Malcolm Beech"), and the clause after it when
/// the name ends its own ("Ruth Imrie, president of the Halbridge Chamber
/// of Commerce,"). Verbs of speech and the name's words are left out.
fn role_words(words: &[Word], name: &[String]) -> String {
    let Some(start) = (0..words.len()).find(|&i| {
        words[i..]
            .iter()
            .map(|w| &w.folded)
            .take(name.len())
            .eq(name.iter())
    }) else {
        return String::new();
    };
    let end = start + name.len();
    let clause = words[start].clause;
    let in_clause = |c: usize| words.iter().filter(move |w| w.clause == c);
    let mut role: Vec<&Word> = words[..start]
        .iter()
        .filter(|w| w.clause == clause)
        .collect();
    if role.is_empty() && clause > 0 && in_clause(clause - 1).count() <= ROLE_BEFORE_WORDS {
        role.extend(in_clause(clause - 1));
    }
    if let Some(after) = words.get(end).filter(|w| w.clause != clause) {
        role.extend(in_clause(after.clause));
    }
    let lang = language();
    let mut out: Vec<&str> = Vec::new();
    for w in role {
        let said = lang.in_list(List::AttributionVerbs, &w.folded)
            || lang.in_list(List::SpeechVerbs, &w.folded);
        if w.content && !said && !name.contains(&w.folded) && !out.contains(&w.folded.as_str()) {
            out.push(&w.folded);
        }
    }
    out.join(" ")
}

/// True when a pronoun of `[speaker-pronouns]` is the subject of a verb of
/// `[attribution-verbs]` next to it: "she said", "said he".
fn pronoun_speaks(words: &[Word]) -> bool {
    let lang = language();
    let speaks = |w: &Word| lang.in_list(List::AttributionVerbs, &w.folded);
    words.iter().enumerate().any(|(i, w)| {
        lang.in_list(List::SpeakerPronouns, &w.folded)
            && (words.get(i + 1).is_some_and(speaks) || i > 0 && speaks(&words[i - 1]))
    })
}

/// The speaker's name followed by the sentence's content words.
fn speaker_intent(name: &str, words: &[Word]) -> String {
    let mut intent = name.to_string();
    for word in content(words) {
        if !name.split(' ').any(|n| n == word) {
            intent.push(' ');
            intent.push_str(word);
        }
    }
    intent
}

#[cfg(test)]
mod tests {
    use super::Speakers;
    use crate::draft::phrases::sentence_words;

    /// The intents drafted for each sentence of `paragraphs`.
    fn read(paragraphs: &[&[&str]]) -> Vec<Option<String>> {
        let mut speakers = Speakers::default();
        let mut out = Vec::new();
        for (p, sentences) in paragraphs.iter().enumerate() {
            for s in *sentences {
                let words = sentence_words(s);
                out.push(speakers.read(s, &words, p, |name| name == "port carrow"));
            }
        }
        out
    }

    #[test]
    fn a_pronoun_quoted_speaks_for_the_person_named_before() {
        let intents = read(&[
            &["Margaret Hollis, a retired nurse, is due to fly to Jersey."],
            &["\"I chose Kestlebury because a taxi takes a quarter of an hour,\" she said."],
        ]);
        assert_eq!(intents[0], None);
        let intent = intents[1].as_deref().unwrap_or_default();
        assert!(intent.starts_with("margaret hollis "), "{intent}");
        assert!(
            intent.contains("kestlebury") && intent.contains("taxi"),
            "{intent}"
        );
    }

    #[test]
    fn a_surname_names_the_full_name_and_the_last_person_speaks() {
        let intents = read(&[&[
            "Gareth Pennock runs the Quayside Hotel in Port Carrow.",
            "Naomi Feltham leads the engineers.",
            "Mr Pennock said bookings had fallen.",
            "\"December is when we make the money that carries us through January and February,\" he added.",
            "Mr Pennock, who bought the Quayside Hotel in 2009, is worried.",
            "\"We may have to close the doors for good before the spring arrives,\" he said.",
        ]]);
        let intent = intents[3].as_deref().unwrap_or_default();
        assert!(intent.starts_with("gareth pennock "), "{intent}");
        // The sentence's subject speaks, not a name later in it.
        let intent = intents[5].as_deref().unwrap_or_default();
        assert!(intent.starts_with("gareth pennock "), "{intent}");
    }

    #[test]
    fn no_speaker_without_a_pronoun_that_speaks_or_a_person_near() {
        let intents = read(&[
            &["Gareth Pennock runs the Quayside Hotel in Port Carrow."],
            &["She moved the bookings to March."],
            &["The hotel is quiet."],
            &["The runway will reopen, she said."],
        ]);
        // "She" is the subject of no verb of speech.
        assert_eq!(intents[1], None);
        // The only person was named two paragraphs before.
        assert_eq!(intents[3], None);
        // A sentence naming its own speaker needs no other name.
        let intents = read(&[&[
            "Gareth Pennock runs the Quayside Hotel.",
            "Margaret Hollis said she had not yet decided.",
        ]]);
        assert_eq!(intents[1], None);
        // A sentence pointing back at the one before (rule `antecedent`
        // reads it with that one's words) is not given the name again.
        let intents = read(&[&[
            "Daniel Achebe, a consultant, flies to Jersey.",
            "\"It is annoying but it is hardly the end of the world,\" he said.",
        ]]);
        assert_eq!(intents[1], None);
        // A place is no speaker.
        let intents = read(&[&[
            "Passengers waited at Port Carrow.",
            "\"It was cold,\" she said.",
        ]]);
        assert_eq!(intents[1], None);
        // Nor is a name the article gives as a place elsewhere.
        let intents = read(&[&["Port Carrow is busy.", "\"It is far,\" she said."]]);
        assert_eq!(intents[1], None);
    }
}
