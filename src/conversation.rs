//! Follow-up questions in a conversation: a message that cannot stand alone
//! ("and France?", "what about the helmets?", "when?", "who is he?") is read
//! with the content of the question before it.
//!
//! Plain data and functions: a [`Context`] is what one conversation
//! remembers of its last question, and [`answer`] replies to a message in
//! it and returns the context to keep. A message whose form says it cannot
//! stand alone is read with the previous question: a bare question word
//! ("when?") asks it of that question, and in "and X?" or "what about X?" a
//! name takes the place of the name of the same kind there (a country for a
//! country, a person for a person), a thing that of the thing asked about.
//! A message with a pronoun ("who is he?") is answered on its own when it
//! can be, confidently; otherwise the pronoun stands for the name it points
//! at in the previous question or its answer. The reading is then answered,
//! or declined, as the full question would be.
//!
//! The words that mark a follow-up are in `assets/lang/followup.txt`; the kinds
//! of names come from the gazetteer (`assets/entities.txt`) and the
//! knowledge's synonyms. Where the context lives, and for how long, is up to
//! the caller (the local chat keeps it for the session, Discord per user and
//! channel for a few minutes).

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use crate::engine::{Engine, MAX_QUESTION_BYTES, NoAnswer, Reply};
use crate::knowledge::Knowledge;
use crate::lexicon::{EntityKind, entities_with_kinds, followup_words};
use crate::text::{is_auxiliary, is_filler, is_question_word, is_stopword, words};

/// What a conversation remembers of its last question.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Context {
    /// The last question as it was read: a follow-up with the words it
    /// borrowed ("and France?" after "what did Germany send" is "what did
    /// france send"), so a chain of follow-ups keeps its thread.
    pub question: String,
    /// The answer given to it, if any: "who is he?" may point at a name in it.
    pub answer: Option<String>,
}

/// One reply of a conversation.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// The reply to the message.
    pub reply: Reply,
    /// The question as it was read (the message itself, or with the
    /// previous question's content).
    pub read_as: String,
    /// The context to keep for the next message.
    pub context: Option<Context>,
}

/// A conversation that keeps its context between messages, as the local
/// chat does for its session.
#[derive(Debug, Clone, Default)]
pub struct Conversation {
    context: Option<Context>,
}

impl Conversation {
    /// A conversation with nothing asked yet.
    pub fn new() -> Conversation {
        Conversation::default()
    }

    /// Replies to a message, reading it with the previous question where it
    /// leans on it, and remembers it for the next one.
    pub fn ask(&mut self, engine: &Engine, message: &str) -> Reply {
        let turn = answer(engine, self.context.as_ref(), message);
        self.context = turn.context;
        turn.reply
    }

    /// Remembers `question` as the last one asked (a suggestion the user
    /// picked, whose answer they saw).
    pub fn remember(&mut self, question: &str, answer: Option<&str>) {
        self.context = Some(Context {
            question: question.to_string(),
            answer: answer.map(str::to_string),
        });
    }

    /// What the conversation remembers.
    pub fn context(&self) -> Option<&Context> {
        self.context.as_ref()
    }
}

/// Replies to `message` in a conversation whose last question is `context`.
pub fn answer(engine: &Engine, context: Option<&Context>, message: &str) -> Turn {
    let followup = context
        .filter(|_| message.len() <= MAX_QUESTION_BYTES)
        .and_then(|previous| read_followup(engine, previous, message))
        .filter(|r| r.question.len() <= MAX_QUESTION_BYTES);
    // "What is it about?", "who wrote it?": "it" may be what the previous
    // question asked about; the message alone speaks of the article when
    // that reading finds no answer.
    if let Some(reading) = followup
        .as_ref()
        .filter(|_| engine.asks_about_article(message))
    {
        // "What is this about?", "who wrote the article?" name the article
        // itself, and are answered so; "what is it about?" tries the
        // previous question's subject first.
        let alone = match names_the_article(message).then(|| engine.answer(message)) {
            Some(about)
                if !matches!(
                    about,
                    Reply::Unsure(_) | Reply::Unknown(NoAnswer::NotCovered)
                ) =>
            {
                return turn(about, message.to_string(), context);
            }
            unanswered => unanswered,
        };
        let reply = as_typed(engine.answer(&reading.question), message);
        return match reply {
            Reply::Answered(_) => turn(reply, reading.question.clone(), context),
            _ => {
                let alone = alone.unwrap_or_else(|| engine.answer(message));
                turn(alone, message.to_string(), context)
            }
        };
    }
    // "And Castleford?": what the message brings must be something the
    // article mentions, or the previous question is answered again.
    if let Some(new) = followup
        .as_ref()
        .and_then(|r| r.brings.as_deref())
        .filter(|new| engine.never_uses(new))
    {
        // The thread stays the previous question's: "and Poland?" next
        // still asks it.
        return Turn {
            reply: as_typed(
                Reply::Unknown(NoAnswer::NotMentioned(new.to_string())),
                message,
            ),
            read_as: message.to_string(),
            context: context.cloned(),
        };
    }
    let alone = match &followup {
        // "and France?", "when?": the form says it leans on the context.
        Some(reading) if reading.leans => None,
        _ => Some(engine.answer(message)),
    };
    match (alone, followup) {
        // A question answered on its own, or about the article itself
        // ("who wrote this?"), does not borrow the previous question.
        (
            Some(
                reply @ (Reply::Answered(_)
                | Reply::Greeting(_)
                | Reply::Unknown(NoAnswer::AboutArticle(_))),
            ),
            _,
        )
        | (Some(reply), None) => turn(reply, message.to_string(), context),
        (_, Some(reading)) => {
            let reply = as_typed(engine.answer(&reading.question), message);
            turn(reply, reading.question, context)
        }
        (None, None) => turn(engine.answer(message), message.to_string(), context),
    }
}

/// A reply that names something of the message (one the article never
/// mentions, or the wrong doer), with the name as the message typed it
/// ("France", not the reading's "france").
fn as_typed(reply: Reply, message: &str) -> Reply {
    let typed = |name: &str| -> String {
        let lower = message.to_lowercase();
        match lower
            .find(name)
            .filter(|_| lower.len() == message.len())
            .and_then(|at| message.get(at..at + name.len()))
        {
            Some(as_typed) => as_typed.to_string(),
            // Borrowed from an earlier question: written as a name ("UK",
            // "Germany").
            None => name
                .split(' ')
                .map(|w| match w.len() {
                    1..=3 => w.to_uppercase(),
                    _ => {
                        let mut c = w.chars();
                        c.next()
                            .map(|f| f.to_uppercase().chain(c).collect())
                            .unwrap_or_default()
                    }
                })
                .collect::<Vec<_>>()
                .join(" "),
        }
    };
    match reply {
        Reply::Unknown(NoAnswer::NotMentioned(name)) => {
            Reply::Unknown(NoAnswer::NotMentioned(typed(&name)))
        }
        Reply::Unknown(NoAnswer::OtherDoer(mut found)) => {
            found.named = typed(&found.named);
            Reply::Unknown(NoAnswer::OtherDoer(found))
        }
        other => other,
    }
}

/// The turn for a reply to `read_as`: a question with content becomes the
/// context; a greeting or an empty message leaves the old one.
fn turn(reply: Reply, read_as: String, old: Option<&Context>) -> Turn {
    let context = if has_content(&words(&read_as)) {
        Some(Context {
            question: read_as.clone(),
            answer: match &reply {
                Reply::Answered(a) => Some(a.text.clone()),
                _ => None,
            },
        })
    } else {
        old.cloned()
    };
    Turn {
        reply,
        read_as,
        context,
    }
}

/// The follow-up words of `assets/lang/followup.txt`, by section.
struct Followup {
    /// Openers as word sequences, longest first.
    openers: Vec<Vec<String>>,
    person: &'static [&'static str],
    group: &'static [&'static str],
    thing: &'static [&'static str],
    asks: &'static [&'static str],
    roles: &'static [&'static str],
    noun_askers: &'static [&'static str],
}

fn followup() -> &'static Followup {
    static WORDS: OnceLock<Followup> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut openers: Vec<Vec<String>> =
            followup_words("openers").iter().map(|o| words(o)).collect();
        openers.sort_by_key(|o| std::cmp::Reverse(o.len()));
        Followup {
            openers,
            person: followup_words("person"),
            group: followup_words("group"),
            thing: followup_words("thing"),
            asks: followup_words("asks"),
            roles: followup_words("roles"),
            noun_askers: followup_words("noun-askers"),
        }
    })
}

/// True when `word` is one of `list`.
fn listed(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// A message read with the previous question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The question it makes ("and France?" after "what did Germany send":
    /// "what did france send").
    pub question: String,
    /// True when its form says it cannot stand alone ("and France?",
    /// "when?"), so that it is not read alone first; a message with a
    /// pronoun may be a full question and is read alone first.
    pub leans: bool,
    /// What "and X?" or "what about X?" brings to the previous question
    /// (X), when it brings something: asked about on its own, it must be
    /// something the article mentions.
    pub brings: Option<String>,
}

/// The way to read `message` with the previous question; `None` when the
/// message does not lean on it.
pub fn read_followup(engine: &Engine, previous: &Context, message: &str) -> Option<Reading> {
    let names = Names::new(engine.knowledge(), engine.article_names());
    let said: Vec<String> = words(message)
        .into_iter()
        .filter(|w| !is_filler(w))
        .collect();
    let before = words(&previous.question);
    let leans = |question: String| {
        Some(Reading {
            question,
            leans: true,
            brings: None,
        })
    };
    let f = followup();
    let opener = f
        .openers
        .iter()
        .find(|o| said.len() > o.len() && said.starts_with(o));
    if let Some(opener) = opener {
        let rest = &said[opener.len()..];
        if is_bare(rest) {
            return leans(ask_of(rest, &before));
        }
        // "and what did Macron say?" is a question of its own.
        if !rest
            .first()
            .is_some_and(|w| is_question_word(w) || is_auxiliary(w))
        {
            return Some(Reading {
                question: substitute(&names, rest, &before),
                leans: true,
                brings: Some(rest.join(" ")),
            });
        }
    }
    if is_bare(&said) {
        return leans(ask_of(&said, &before));
    }
    // "Did they send the jets?" may stand alone; "what did she say?" holds
    // one word of substance and is about whoever "she" is.
    said.iter().any(|w| is_pronoun(w)).then(|| Reading {
        question: resolve_pronouns(&names, &said, previous),
        leans: content_words(&said) < MIN_CONTENT_ALONE,
        brings: None,
    })
}

/// Fewest words of substance a message with a pronoun needs to be tried
/// on its own before it is read with the previous question.
const MIN_CONTENT_ALONE: usize = 2;

/// How many words of substance a message holds: not stop words, question
/// words, pronouns or words that only ask for a kind of answer.
fn content_words(said: &[String]) -> usize {
    let asks = &followup().asks;
    said.iter()
        .filter(|w| !is_stopword(w) && !is_question_word(w) && !is_pronoun(w) && !listed(asks, w))
        .count()
}

/// True when the message names the article itself with a word other than
/// "it" ("this", "the story"), which could be whatever was just asked about.
fn names_the_article(message: &str) -> bool {
    let lang = crate::language::language();
    words(message)
        .iter()
        .any(|w| w != "it" && lang.in_list(crate::language::List::ArticleWords, w))
}

fn is_pronoun(word: &str) -> bool {
    let f = followup();
    [f.person, f.group, f.thing]
        .iter()
        .any(|list| listed(list, word))
}

/// True when the words only ask for a kind of answer ("when?", "how many?",
/// "why though?"): a question word and nothing of substance.
fn is_bare(said: &[String]) -> bool {
    let asks = &followup().asks;
    !said.is_empty()
        && said.iter().any(|w| is_question_word(w))
        && said
            .iter()
            .all(|w| listed(asks, w) || is_stopword(w) && !is_pronoun(w))
}

/// True when the words hold something to ask about, not only question and
/// stop words.
fn has_content(said: &[String]) -> bool {
    let asks = &followup().asks;
    said.iter()
        .any(|w| !is_stopword(w) && !is_question_word(w) && !listed(asks, w))
}

/// Where the leading question phrase of a question ends ("how many" in "how
/// many helmets did ...", "what" in "what did ...").
fn question_phrase_end(before: &[String]) -> usize {
    let asks = &followup().asks;
    before
        .iter()
        .take_while(|w| is_question_word(w) || listed(asks, w) && !is_auxiliary(w))
        .count()
}

/// A bare question asked of the previous one: "when" after "what did
/// Germany offer" is "when did germany offer".
fn ask_of(asked: &[String], before: &[String]) -> String {
    let rest = &before[question_phrase_end(before)..];
    asked
        .iter()
        .chain(rest)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The previous question with what "and X?" names put in: each name in the
/// place of the previous question's name of the same kind (the one after
/// the same preposition, if any: "and to Estonia?"), and other words in the
/// place of the thing asked about, or added.
fn substitute(names: &Names, rest: &[String], before: &[String]) -> String {
    let mut out = before.to_vec();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut added: Vec<String> = Vec::new();
    let mut in_names = vec![false; rest.len()];
    for (start, end, kind) in names.find(rest) {
        in_names[start..end].iter_mut().for_each(|b| *b = true);
        let name = &rest[start..end];
        let preposition = start
            .checked_sub(1)
            .map(|i| rest[i].as_str())
            .filter(|p| listed(followup().roles, p));
        if let Some(i) = start.checked_sub(1).filter(|_| preposition.is_some()) {
            in_names[i] = true;
        }
        let spots: Vec<(usize, usize, Option<EntityKind>)> = names
            .find(&out)
            .into_iter()
            .filter(|&(s, _, k)| k == kind && !taken.iter().any(|&(t, _)| t == s))
            .collect();
        let spot = spots
            .iter()
            .find(|&&(s, _, _)| {
                preposition.is_some_and(|p| s > 0 && out[s - 1] == p)
                    || preposition.is_none() && spots.len() > 1 && !is_after_role(&out, s)
            })
            .or(spots.first());
        match spot {
            Some(&(s, e, _)) => {
                let grown = name.len() as isize - (e - s) as isize;
                out.splice(s..e, name.iter().cloned());
                for t in taken.iter_mut().filter(|t| t.0 > s) {
                    t.0 = (t.0 as isize + grown) as usize;
                }
                taken.push((s, s + name.len()));
            }
            None => {
                if let Some(p) = preposition {
                    added.push(p.to_string());
                }
                added.extend(name.iter().cloned());
            }
        }
    }
    let things: Vec<String> = rest
        .iter()
        .zip(&in_names)
        .filter(|(w, named)| !**named && !is_stopword(w))
        .map(|(w, _)| w.clone())
        .collect();
    if things.is_empty() {
        out.extend(added);
        return out.join(" ");
    }
    // A thing takes the place of the noun the previous question asks about
    // ("how many helmets" → "how many pillows"), or else of its last word
    // that is not a name (the object of "did the US send Javelins"); with
    // neither, it is added ("what did the US send" → "... send helmets").
    let named = names.find(&out);
    let is_name = |i: usize| named.iter().any(|&(s, e, _)| (s..e).contains(&i));
    let start = question_phrase_end(&out);
    let takes_noun = start > 0 && listed(followup().noun_askers, &out[start - 1]);
    let spot = if takes_noun && out.get(start).is_some_and(|w| !is_stopword(w)) && !is_name(start) {
        Some(start)
    } else {
        // A word right after the doer's name is its verb ("what did the US
        // send"), which the thing does not replace.
        (start..out.len())
            .rev()
            .find(|&i| !is_stopword(&out[i]) && !is_name(i))
            .filter(|&i| {
                !(0..i)
                    .rev()
                    .find(|&j| !is_stopword(&out[j]))
                    .is_some_and(is_name)
            })
    };
    if let Some(i) = spot {
        out.splice(i..=i, things);
        out.extend(added);
    } else {
        out.extend(added);
        out.extend(things);
    }
    out.join(" ")
}

/// True when the name at `at` follows a role preposition ("to Ukraine"):
/// the other name of its kind is the doer, which a bare "and X?" replaces.
fn is_after_role(words: &[String], at: usize) -> bool {
    at > 0 && listed(followup().roles, &words[at - 1])
}

/// The message with each pronoun replaced by the name it points at in the
/// previous question (or its answer); what a pronoun cannot be tied to a
/// name, such as "it" or "that", brings the previous question's content words.
fn resolve_pronouns(names: &Names, said: &[String], previous: &Context) -> String {
    let f = followup();
    let before = words(&previous.question);
    let answer = previous.answer.as_deref().map(words).unwrap_or_default();
    let found = |text: &[String], kinds: &[Option<EntityKind>]| -> Option<Vec<String>> {
        kinds.iter().find_map(|kind| {
            names
                .find(text)
                .into_iter()
                .find(|(_, _, k)| k == kind)
                .map(|(s, e, _)| text[s..e].to_vec())
        })
    };
    // The article's own names have no kind: after the gazetteer's.
    let person = [Some(EntityKind::Person), None];
    let group = [
        Some(EntityKind::Place),
        Some(EntityKind::Organisation),
        Some(EntityKind::Person),
        None,
    ];
    let mut out: Vec<String> = Vec::new();
    let mut unresolved = false;
    for word in said {
        let kinds: &[Option<EntityKind>] = if listed(f.person, word) {
            &person
        } else if listed(f.group, word) {
            &group
        } else {
            if listed(f.thing, word) {
                unresolved = true;
            }
            out.push(word.clone());
            continue;
        };
        match found(&before, kinds).or_else(|| found(&answer, kinds)) {
            Some(name) => out.extend(name),
            None => {
                unresolved = true;
                out.push(word.clone());
            }
        }
    }
    if unresolved {
        let content: Vec<String> = before
            .iter()
            .filter(|w| !is_stopword(w) && !is_question_word(w) && !out.contains(w))
            .cloned()
            .collect();
        out.extend(content);
    }
    out.join(" ")
}

/// Names and their kinds: the gazetteer's, and each synonym group's, the
/// general ones (`assets/lang`) and the knowledge's (a group takes the kind
/// of any of its words the gazetteer knows: "us" is a place because "united
/// states" is), and the article's own ("gareth pennock", read from its
/// text), which have no kind: a follow-up's new name of the article takes
/// the place of one the question before named.
struct Names<'a> {
    gazetteer: &'a HashMap<Vec<String>, Option<EntityKind>>,
    /// The names this knowledge adds to the gazetteer: the members of each
    /// synonym group with a kind, and the article's own names.
    added: HashMap<Vec<String>, Option<EntityKind>>,
    longest: usize,
}

impl Names<'static> {
    fn new(knowledge: &Knowledge, article_names: &[Vec<String>]) -> Names<'static> {
        static GAZETTEER: OnceLock<HashMap<Vec<String>, Option<EntityKind>>> = OnceLock::new();
        let gazetteer = GAZETTEER.get_or_init(|| {
            entities_with_kinds()
                .map(|(name, kind)| (words(name), kind))
                .filter(|(w, _)| !w.is_empty())
                .collect()
        });
        let mut added = HashMap::default();
        let general = crate::language::language().synonyms();
        let groups = general.map(|g| (g.canonical, g.variants)).chain(
            knowledge
                .synonyms
                .iter()
                .map(|g| (g.canonical.clone(), g.variants.clone())),
        );
        for (canonical, variants) in groups {
            let members: Vec<Vec<String>> = std::iter::once(&canonical)
                .chain(&variants)
                .map(|m| words(m))
                .filter(|m| !m.is_empty())
                .collect();
            let kind = members
                .iter()
                .find_map(|m| gazetteer.get(m).copied().flatten());
            if let Some(kind) = kind {
                for m in members {
                    added.insert(m, Some(kind));
                }
            }
        }
        // An article's name holding one the gazetteer knows ("Mayor
        // Klitschko") is left to the gazetteer, which knows its kind.
        for name in article_names {
            let known = (0..name.len())
                .any(|s| (s + 1..=name.len()).any(|e| gazetteer.contains_key(&name[s..e])));
            if !known {
                added.entry(name.clone()).or_insert(None);
            }
        }
        let longest = gazetteer
            .keys()
            .chain(added.keys())
            .map(Vec::len)
            .max()
            .unwrap_or(1);
        Names {
            gazetteer,
            added,
            longest,
        }
    }
}

impl Names<'_> {
    /// The names in `text` as (start, end, kind), longest first at each place.
    fn find(&self, text: &[String]) -> Vec<(usize, usize, Option<EntityKind>)> {
        let mut found = Vec::new();
        let mut i = 0;
        'outer: while i < text.len() {
            for len in (1..=self.longest.min(text.len() - i)).rev() {
                let key = &text[i..i + len];
                if let Some(&kind) = self.added.get(key).or_else(|| self.gazetteer.get(key)) {
                    found.push((i, i + len, kind));
                    i += len;
                    continue 'outer;
                }
            }
            i += 1;
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::knowledge::load_str;

    const ARTICLE: &str = "Grain and arms\n\n\
        Poland sent 300 tanks to Lithuania. The tanks arrived on Monday. \
        France sent 40 jets to Estonia in March to deter an attack.\n\n\
        Klitschko, the mayor of Kyiv, spoke on Tuesday. \
        Mayor Klitschko said the tanks were welcome. Macron said the jets were late.\n";

    const KNOWLEDGE: &str = r#"
[article]
title = "Grain and arms"

[summary]
short = "Short."
long = "Long."

[topics.arms]
title = "Arms"
summary = "Who sent what."

[[fact]]
id = "poland-tanks"
topic = "arms"
actors = ["poland"]
intents = ["what did poland send", "how many tanks did poland send", "did poland send tanks", "what did poland send to lithuania"]
answer = "Yes, Poland sent 300 tanks to Lithuania."
source = "Poland sent 300 tanks to Lithuania."

[[fact]]
id = "poland-when"
topic = "arms"
actors = ["poland"]
intents = ["when did poland send the tanks", "when did the tanks arrive"]
answer = "On Monday."
source = "The tanks arrived on Monday."

[[fact]]
id = "france-jets"
topic = "arms"
actors = ["france"]
intents = ["what did france send", "how many jets did france send", "what did france send to estonia"]
answer = "France sent 40 jets to Estonia."
source = "France sent 40 jets to Estonia in March to deter an attack."

[[fact]]
id = "france-why"
topic = "arms"
actors = ["france"]
intents = ["why did france send jets"]
answer = "To deter an attack."
source = "France sent 40 jets to Estonia in March to deter an attack."

[[fact]]
id = "klitschko-said"
topic = "arms"
actors = ["klitschko"]
intents = ["what did klitschko say about the tanks", "did klitschko welcome the tanks"]
answer = "Mayor Klitschko said the tanks were welcome."
source = "Mayor Klitschko said the tanks were welcome."

[[fact]]
id = "klitschko-who"
topic = "arms"
intents = ["who is klitschko"]
answer = "Klitschko is the mayor of Kyiv."
source = "Klitschko, the mayor of Kyiv, spoke on Tuesday."

[[fact]]
id = "macron-said"
topic = "arms"
actors = ["macron"]
intents = ["what did macron say", "what did macron say about the jets"]
answer = "Macron said the jets were late."
source = "Macron said the jets were late."
"#;

    fn engine() -> &'static Engine {
        static ENGINE: OnceLock<Engine> = OnceLock::new();
        ENGINE.get_or_init(|| {
            let knowledge =
                load_str(Path::new("kb"), KNOWLEDGE, ARTICLE).unwrap_or_else(|e| panic!("{e}"));
            Engine::new(knowledge)
        })
    }

    /// The fact each message of a dialogue is answered with ("-" when it
    /// is not answered).
    fn dialogue(messages: &[&str]) -> Vec<String> {
        let mut conversation = Conversation::new();
        messages
            .iter()
            .map(|m| match conversation.ask(engine(), m) {
                Reply::Answered(a) => a.fact.unwrap_or_default(),
                _ => "-".to_string(),
            })
            .collect()
    }

    fn reading(previous: &str, message: &str) -> Vec<String> {
        let context = Context {
            question: previous.to_string(),
            answer: None,
        };
        read_followup(engine(), &context, message)
            .map(|r| r.question)
            .into_iter()
            .collect()
    }

    #[test]
    fn and_another_noun_is_answered_with_the_count_of_that_noun() {
        const SAILINGS: &str =
            "The ferry makes four sailings a day, carrying up to 90 cars and 400 passengers.";
        let knowledge = crate::fixtures::one_topic(
            &format!("The ferry.\n\n{SAILINGS}\n"),
            &[(
                "ferry-carries",
                "how many cars can the ferry carry",
                SAILINGS,
            )],
        );
        let engine = Engine::new(knowledge);
        let mut conversation = Conversation::new();
        let answers: Vec<String> = ["how many cars can the ferry carry?", "and passengers?"]
            .iter()
            .map(|m| match conversation.ask(&engine, m) {
                Reply::Answered(a) => a.text,
                other => panic!("{m:?} not answered: {other:?}"),
            })
            .collect();
        assert_eq!(answers, ["90 cars.", "400 passengers."]);
    }

    #[test]
    fn a_new_name_takes_the_place_of_the_one_of_its_kind() {
        assert_eq!(
            dialogue(&["what did poland send?", "and France?"]),
            ["poland-tanks", "france-jets"]
        );
        assert_eq!(
            dialogue(&[
                "what did klitschko say about the tanks?",
                "what about Macron?"
            ]),
            ["klitschko-said", "macron-said"]
        );
        // The doer is swapped, not the place it sent to, unless the
        // preposition says so.
        assert_eq!(
            reading("what did poland send to lithuania", "and france?"),
            ["what did france send to lithuania"]
        );
        assert_eq!(
            reading("what did poland send to lithuania", "and to estonia?"),
            ["what did poland send to estonia"]
        );
        // A thing takes the place of the thing asked about.
        assert_eq!(
            reading("how many tanks did poland send", "and jets?"),
            ["how many jets did poland send"]
        );
    }

    #[test]
    fn a_name_of_the_article_takes_the_place_of_the_one_asked_about() {
        // Neither person is in the gazetteer: the article's own names are
        // read from its text, so "and Rhys Calloway?" asks of him what was
        // asked of her.
        let article = "Marlow ferry stops\n\n\
            Dana Whitcombe, a baker in Marlow, said trade had halved since the ferry stopped.\n\n\
            Rhys Calloway, who runs the Marlow garage, said repairs would take a month.\n";
        let toml = crate::draft::draft(article).unwrap_or_default();
        let knowledge = load_str(Path::new("kb"), &toml, article).unwrap_or_else(|e| panic!("{e}"));
        let engine = Engine::new(knowledge);
        let context = Context {
            question: "what did Dana Whitcombe say?".to_string(),
            answer: None,
        };
        let read = read_followup(&engine, &context, "and Rhys Calloway?").map(|r| r.question);
        assert_eq!(read.as_deref(), Some("what did rhys calloway say"));
        let mut conversation = Conversation::new();
        conversation.ask(&engine, "what did Dana Whitcombe say?");
        let cited = conversation
            .ask(&engine, "and Rhys Calloway?")
            .citation()
            .map(|c| c.sentence.clone());
        assert_eq!(
            cited.as_deref(),
            Some("Rhys Calloway, who runs the Marlow garage, said repairs would take a month.")
        );
    }

    #[test]
    fn a_follow_up_about_something_the_article_never_mentions_says_so() {
        let mut conversation = Conversation::new();
        assert!(matches!(
            conversation.ask(engine(), "how many tanks did poland send?"),
            Reply::Answered(_)
        ));
        // Not the tanks again: the user asks about a place typed in lower case.
        assert_eq!(
            conversation.ask(engine(), "and castleford?"),
            Reply::Unknown(NoAnswer::NotMentioned("castleford".to_string()))
        );
        assert_eq!(
            conversation.ask(engine(), "what about Castleford?"),
            Reply::Unknown(NoAnswer::NotMentioned("Castleford".to_string()))
        );
        // The thread is still the previous question.
        assert_eq!(
            dialogue(&["what did poland send?", "and castleford?", "and France?"]),
            ["poland-tanks", "-", "france-jets"]
        );
    }

    #[test]
    fn a_bare_question_word_asks_it_of_the_previous_question() {
        assert_eq!(
            reading("how many tanks did poland send", "when?"),
            ["when tanks did poland send"]
        );
        assert_eq!(
            dialogue(&["what did poland send?", "when?"]),
            ["poland-tanks", "poland-when"]
        );
        assert_eq!(
            dialogue(&["what did france send?", "why?"]),
            ["france-jets", "france-why"]
        );
    }

    #[test]
    fn a_follow_up_the_article_does_not_answer_is_declined() {
        // Nothing says why Poland sent tanks, as the full question shows.
        assert!(!matches!(
            engine().answer("why did poland send tanks"),
            Reply::Answered(_)
        ));
        assert_eq!(
            dialogue(&["what did poland send?", "why?"]),
            ["poland-tanks", "-"]
        );
        // A chain keeps its thread: "and France?" then "why?" asks about France.
        assert_eq!(
            dialogue(&["what did poland send?", "and France?", "why?"]),
            ["poland-tanks", "france-jets", "france-why"]
        );
    }

    #[test]
    fn a_pronoun_stands_for_a_name_of_the_question_or_its_answer() {
        assert_eq!(
            reading("what did klitschko say", "who is he?"),
            ["who is klitschko"]
        );
        assert_eq!(
            dialogue(&["what did klitschko say about the tanks?", "who is he?"]),
            ["klitschko-said", "klitschko-who"]
        );
        let context = Context {
            question: "who welcomed the tanks".to_string(),
            answer: Some("Mayor Klitschko said the tanks were welcome.".to_string()),
        };
        assert_eq!(
            read_followup(engine(), &context, "who is he?").map(|r| r.question),
            Some("who is klitschko".to_string())
        );
        // "they" stands for a country; "it" brings the question's content.
        assert_eq!(
            reading("what did poland send", "when did they send it?"),
            ["when did poland send it"]
        );
    }

    #[test]
    fn only_a_pronoun_message_is_tried_alone_first() {
        let context = Context {
            question: "what did poland send".to_string(),
            answer: None,
        };
        let leans = |message: &str| read_followup(engine(), &context, message).map(|r| r.leans);
        assert_eq!(leans("and France?"), Some(true));
        assert_eq!(leans("what about the jets?"), Some(true));
        assert_eq!(leans("why though?"), Some(true));
        assert_eq!(leans("when did they send it?"), Some(true));
        assert_eq!(leans("what did he say?"), Some(true));
        assert_eq!(leans("did they send the jets?"), Some(false));
        assert_eq!(leans("and what did Macron say?"), None);
    }

    #[test]
    fn a_message_answered_on_its_own_ignores_the_context() {
        assert_eq!(
            dialogue(&["what did poland send?", "what did Macron say?"]),
            ["poland-tanks", "macron-said"]
        );
        assert!(reading("what did poland send", "what did macron say").is_empty());
    }

    #[test]
    fn a_question_about_the_article_itself_ignores_the_context() {
        let mut conversation = Conversation::new();
        conversation.ask(engine(), "what did poland send?");
        let reply = conversation.ask(engine(), "who wrote this?");
        match reply {
            Reply::Unknown(NoAnswer::AboutArticle(text)) => {
                assert!(text.contains("does not name its author"), "{text}")
            }
            other => panic!("read with the previous question: {other:?}"),
        }
    }

    #[test]
    fn it_in_a_question_about_the_article_may_mean_the_previous_subject() {
        assert_eq!(
            dialogue(&["what did poland send?", "tell me about it"]),
            ["poland-tanks", "poland-tanks"]
        );
    }

    #[test]
    fn what_is_this_about_is_about_the_article_after_any_question() {
        let mut conversation = Conversation::new();
        conversation.ask(engine(), "what did poland send?");
        match conversation.ask(engine(), "what is this about?") {
            Reply::Answered(a) => assert_eq!(a.citation.paragraph, 0, "{a:?}"),
            other => panic!("not the article's subject: {other:?}"),
        }
    }

    #[test]
    fn a_pronoun_with_one_word_of_substance_is_about_the_previous_name() {
        // Alone, "what did he say" may match anyone's words; a drafted
        // knowledge answered it with a sentence where something "says".
        assert_eq!(
            dialogue(&["who is klitschko?", "what did he say?"]),
            ["klitschko-who", "klitschko-said"]
        );
    }

    #[test]
    fn bare_follow_ups_without_context_are_not_answered() {
        assert_eq!(dialogue(&["when?", "why?", "who is he?"]), ["-", "-", "-"]);
        let turn = answer(engine(), None, "when?");
        assert_eq!(turn.read_as, "when?");
        assert_eq!(turn.context, None);
    }

    #[test]
    fn yes_or_no_only_answers_a_yes_no_question() {
        let text = |q: &str| match engine().answer(q) {
            Reply::Answered(a) => a.text,
            other => format!("{other:?}"),
        };
        assert_eq!(
            text("did poland send tanks?"),
            "Yes, Poland sent 300 tanks to Lithuania."
        );
        assert_eq!(
            text("how many tanks did poland send?"),
            "Poland sent 300 tanks to Lithuania."
        );
    }

    #[test]
    fn a_yes_no_question_naming_the_wrong_doer_is_told_who_did() {
        let question = "did Macron welcome the tanks?";
        let Reply::Unknown(crate::engine::NoAnswer::OtherDoer(found)) = engine().answer(question)
        else {
            panic!("{:?}", engine().answer(question));
        };
        assert_eq!(found.named, "Macron");
        assert_eq!(found.doer, "Klitschko");
        assert_eq!(
            found.citation.sentence,
            "Mayor Klitschko said the tanks were welcome."
        );
        // The right doer is simply answered.
        assert!(matches!(
            engine().answer("did Klitschko welcome the tanks?"),
            Reply::Answered(_)
        ));
    }

    #[test]
    fn a_reading_longer_than_a_question_is_not_made() {
        let context = Context {
            question: format!("what did poland send {}", "tanks ".repeat(163)),
            answer: None,
        };
        assert!(context.question.len() <= MAX_QUESTION_BYTES);
        let message = "how many exactly?";
        let turn = answer(engine(), Some(&context), message);
        assert_eq!(turn.read_as, message);
        assert_eq!(turn.reply, engine().answer(message));
    }
}
