//! Fitting a reply to the form of the question: an answer written as
//! "Yes, …" or "No, …" is given as is only to a yes/no question, and a yes/no
//! question that names the wrong doer ("did Germany send Javelins?") is told
//! who did, with the sentence that says so.

use std::sync::OnceLock;

use super::{Answer, Engine, NoAnswer, OtherDoer, Reply};
use crate::language::{List, language};
use crate::lexicon::followup_words;

/// Most words between a name and its verb for the name to read as the one
/// doing it ("Estonia, Latvia and Lithuania to send").
const DOER_SPAN: usize = 3;

/// True when the question asks for a yes or a no: it opens with an
/// auxiliary or a modal verb ("did the US send Javelins?", "is it true ...").
pub fn is_yes_no(words: &[&str]) -> bool {
    // The two lists found once: looking each up by its section's name cost
    // ~0.4k instructions a question (the function runs twice for most).
    type Lists = (&'static [&'static str], &'static [&'static str]);
    static LISTS: OnceLock<Lists> = OnceLock::new();
    let &(lead_ins, yes_no) =
        LISTS.get_or_init(|| (followup_words("lead-ins"), followup_words("yes-no")));
    let lang = language();
    // Each word's classes are read once, for both lists asked about.
    words
        .iter()
        .map(|&w| (w, lang.classes(w)))
        .find(|(w, classes)| !classes.has(List::Fillers) && !lead_ins.contains(w))
        .is_some_and(|(w, classes)| classes.has(List::Auxiliary) || yes_no.contains(&w))
}

/// An answer text without its "Yes, " or "No, " lead, capitalised: the same
/// statement for a question that did not ask for a yes or a no. `None` when
/// the text has no such lead.
pub fn neutral(text: &str) -> Option<String> {
    let rest = ["Yes", "No"].iter().find_map(|lead| {
        let rest = text.strip_prefix(lead)?;
        rest.strip_prefix([',', ';', ':', '.'])
            .or_else(|| rest.strip_prefix(" —"))
    })?;
    let rest = rest.trim_start();
    let mut chars = rest.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// The reply to `message`, fitted to its form (`yes_no`: whether it asks
/// for a yes or a no); `words`: its question words
/// ([`Engine::question_words`]) when they are already read.
pub fn fit(
    engine: &Engine,
    message: &str,
    words: Option<&[&str]>,
    yes_no: bool,
    reply: Reply,
) -> Reply {
    match reply {
        Reply::Answered(answer) if !yes_no => Reply::Answered(neutral_answer(answer)),
        Reply::Answered(answer) => Reply::Answered(answer),
        other if yes_no => match other_doer(engine, message, words) {
            Some(found) => Reply::Unknown(NoAnswer::OtherDoer(Box::new(found))),
            None => other,
        },
        other => other,
    }
}

/// An answer in a neutral form: without "Yes, "/"No, ", or the cited
/// sentence when nothing is left after it.
pub fn neutral_answer(mut answer: Answer) -> Answer {
    if let Some(text) = neutral(&answer.text) {
        answer.text = if text.is_empty() {
            answer.citation.sentence.clone()
        } else {
            text
        };
    }
    answer
}

/// For a yes/no question about what someone did that the engine does not
/// answer: the fact it answers once that someone is left out, when the
/// knowledge says another did it ("did Germany send Javelins?": the U.S.
/// did). `None` when the question names no doer, the rest is not answered
/// either, or the fact does not say who did it.
fn other_doer(engine: &Engine, message: &str, words: Option<&[&str]>) -> Option<OtherDoer> {
    let read;
    let strs;
    let words = match words {
        Some(words) => words,
        None => {
            read = engine.question_words(message);
            strs = read.to_strs();
            &strs[..]
        }
    };
    let q = engine.analyzer.analyse_question(words);
    let named = engine
        .index
        .find_entities(&q.tokens)
        .into_iter()
        .find(|m| m.subject && m.known)?;
    let first = q.tokens[named.start].at;
    let last = q.tokens[named.end - 1].at;
    // A passive ("was Estonia blocked by Germany") or "is X being ..." does
    // not ask what X did.
    if q.all_words.contains(&"by")
        || q.all_words
            .get(last + 1)
            .is_some_and(|&w| matches!(w, "be" | "been" | "being"))
    {
        return None;
    }
    // The fact must tell the same doing: the question's verb (its first
    // word after the name) is one of the fact's intents' words ("did Russia
    // invade" is not answered by when the response was delivered). And the
    // knowledge must not tell the named one doing it anywhere ("does Russia
    // want limits": an intent asks what Russia wanted; "can Latvia send":
    // the article lets Latvia send). What does not depend on the fact
    // answered is checked first, so a question that fails it is not ranked
    // a second time.
    let verb = q.tokens.get(named.end).and_then(|t| t.term)?;
    let index = &engine.index;
    let does = |d: &super::index::Doc| {
        d.sequences.iter().any(|seq| {
            seq.iter().enumerate().any(|(i, &t)| {
                t == named.term && seq[i + 1..].iter().take(DOER_SPAN).any(|&v| v == verb)
            })
        })
    };
    // The rest of what the question asks ("javelins"), for another fact
    // telling the named one doing it: Germany sends helmets, not Javelins.
    // Only the documents naming it can tell it doing anything.
    let asked: Vec<_> = q.tokens[named.end + 1..]
        .iter()
        .filter_map(|t| t.term)
        .collect();
    // Such a document holds the name, the verb and the rest among its
    // terms: only the postings of the rarest of them are read, so the
    // search costs what that term matches, not every fact naming the one;
    // a copy of a fact reads as that fact, which the search meets first,
    // so it is passed over.
    let mut needed = asked.clone();
    needed.extend([named.term, verb]);
    let rarest = needed
        .iter()
        .filter_map(|&t| index.postings.get(t as usize))
        .min_by_key(|p| p.len());
    let does_elsewhere = needed
        .iter()
        .all(|&t| index.postings.get(t as usize).is_some())
        && rarest.into_iter().flatten().any(|&d| {
            let doc = &index.docs[d as usize];
            doc.reading == d && needed.iter().all(|t| doc.bag.binary_search(t).is_ok()) && does(doc)
        });
    if does_elsewhere {
        return None;
    }
    let rest: Vec<&str> = q
        .all_words
        .iter()
        .enumerate()
        .filter(|(i, _)| !(first..=last).contains(i))
        .map(|(_, &w)| w)
        .collect();
    let Reply::Answered(answer) = engine.reply(&rest.join(" ")) else {
        return None;
    };
    let at = engine
        .knowledge
        .facts
        .iter()
        .position(|f| answer.fact.as_deref() == Some(f.id.as_str()))?;
    let fact = &engine.knowledge.facts[at];
    let term_of = |text: &str| engine.analyzer.analyse_known(text).tokens.first()?.term;
    let actors: Vec<_> = fact.actors.iter().filter_map(|a| term_of(a)).collect();
    let country = engine.index.country_of.get(&named.term);
    if actors.is_empty()
        || actors.contains(&named.term)
        || country.is_some_and(|c| actors.contains(c))
    {
        return None;
    }
    let doc = index
        .docs
        .iter()
        .find(|d| d.target == super::index::Target::Fact(at))?;
    let tells = doc.intents.iter().any(|i| i.binary_search(&verb).is_ok());
    if !tells || does(doc) {
        return None;
    }
    let name: Vec<&str> = q.tokens[named.start..named.end]
        .iter()
        .map(|t| t.word.as_str())
        .collect();
    let doer = surface(&fact.actors[0], &answer.citation.sentence);
    let answer = neutral_answer(answer);
    Some(OtherDoer {
        named: super::as_typed(message, &name.join(" ")),
        doer,
        answer: answer.text,
        citation: answer.citation,
    })
}

/// An actor's name as the sentence writes it ("the U.S." for `us`,
/// "Blinken" for `blinken`); the name capitalised when the sentence writes
/// it otherwise ("Germany" where it says "German").
fn surface(actor: &str, sentence: &str) -> String {
    let letters = |w: &str| -> String {
        w.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let wanted = letters(actor);
    let mut previous = "";
    for word in sentence
        .split(|c: char| c.is_whitespace() || c == '-' || c == '—')
        .filter(|w| !w.is_empty())
    {
        let bare = word
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
        let bare = ["’s", "'s"]
            .iter()
            .find_map(|s| bare.strip_suffix(s))
            .unwrap_or(bare);
        // "U.S." keeps its dots; a full stop after a name does not stay.
        let bare = if bare.matches('.').count() == 1 {
            bare.trim_end_matches('.')
        } else {
            bare
        };
        if !wanted.is_empty() && letters(bare) == wanted {
            return if previous.eq_ignore_ascii_case("the") {
                format!("{previous} {bare}")
            } else {
                bare.to_string()
            };
        }
        previous = word;
    }
    actor
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::test_words as words;

    fn words_of(text: &str) -> Vec<&'static str> {
        words(text)
    }

    #[test]
    fn yes_no_questions_open_with_an_auxiliary() {
        assert!(is_yes_no(&words_of("did the US send Javelins?")));
        assert!(is_yes_no(&words_of(
            "hey, is it true that Germany sent helmets"
        )));
        assert!(!is_yes_no(&words_of("what are javelins")));
        assert!(!is_yes_no(&words_of("who sent Javelins?")));
        assert!(!is_yes_no(&[]));
    }

    fn shipped() -> &'static Engine {
        static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
        ENGINE.get_or_init(|| {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
            Engine::new(crate::knowledge::load_dir(&dir).unwrap_or_else(|e| panic!("{e}")))
        })
    }

    fn doer_named(question: &str) -> Option<String> {
        match shipped().answer(question) {
            Reply::Unknown(NoAnswer::OtherDoer(found)) => Some(format!(
                "{} not {}: {}",
                found.doer, found.named, found.citation.paragraph
            )),
            _ => None,
        }
    }

    #[test]
    fn the_wrong_doer_is_told_who_did_only_for_the_same_doing() {
        assert_eq!(
            doer_named("did Germany send Javelins?").as_deref(),
            Some("The U.S. not Germany: 14")
        );
        assert_eq!(
            doer_named("Did Russia block Estonia from giving weapons to Ukraine?").as_deref(),
            Some("Germany not Russia: 21")
        );
        // The right doer is answered; a question about another doing, or
        // one the knowledge tells of the named one, gets no claim.
        assert!(matches!(
            shipped().answer("did the US send Javelins?"),
            Reply::Answered(_)
        ));
        assert_eq!(
            doer_named("Did Russia actually invade after the response was delivered?"),
            None
        );
        assert_eq!(
            doer_named("Does Russia also want to put limits on what American forces do?"),
            None
        );
        assert_eq!(
            doer_named("can latvia send ukraine american stuff now"),
            None
        );
    }

    #[test]
    fn an_actor_is_named_as_the_sentence_writes_it() {
        let sentence = "The U.S. has provided aid, Blinken said.";
        assert_eq!(surface("us", sentence), "The U.S.");
        assert_eq!(surface("blinken", sentence), "Blinken");
        assert_eq!(surface("germany", "The German offer."), "Germany");
        assert_eq!(surface("us", "allies send U.S.-made arms"), "U.S.");
    }

    #[test]
    fn neutral_form_drops_the_yes_or_no_lead() {
        assert_eq!(
            neutral("Yes, the aid includes Javelin missiles.").as_deref(),
            Some("The aid includes Javelin missiles.")
        );
        assert_eq!(
            neutral("No, Blinken did not detail it.").as_deref(),
            Some("Blinken did not detail it.")
        );
        assert_eq!(neutral("Nord Stream 2 is a pipeline."), None);
        assert_eq!(neutral("Yesterday it rained."), None);
    }
}
