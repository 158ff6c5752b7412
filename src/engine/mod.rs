//! The answer engine: from a question to a cited answer, a few suggestions,
//! or an honest "the article does not say".
//!
//! [`Engine::answer`] is pure and synchronous. The engine is built once from a
//! validated [`Knowledge`] (and optionally word vectors) and is `Send + Sync`,
//! so one instance serves every thread; a reload builds a new one.

mod about;
mod analyze;
mod explain;
mod fit;
mod focus;
mod index;
mod names;
mod question;
mod reply;
pub mod rules;
mod score;
mod semantic;
mod short_answer;
mod shortlist;
mod smalltalk;
mod tunables;
mod typo;

use std::sync::Arc;

pub use explain::{Explanation, ScoredFact};
pub use fit::{is_yes_no, neutral};
pub use reply::{Answer, Citation, NoAnswer, OtherDoer, Reply, Suggestion};
pub use rules::{Change, Effect, Rule};
pub use tunables::Tunables;
pub use typo::TypoIndex;

use analyze::Analyzer;
use index::{Index, Target};
use semantic::Semantic;

use crate::knowledge::Knowledge;
use crate::text::Words;
use crate::vectors::Vectors;

/// A scored candidate answer, for tuning.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Fact id (or `sentence-N`).
    pub fact: String,
    /// The sentence it cites.
    pub sentence: String,
    /// Its score in 0..=1.
    pub score: f32,
}

/// Longest message, in bytes, that is read as a question.
pub const MAX_QUESTION_BYTES: usize = 1000;

/// Most words a question may have: far beyond any real question, and a
/// bound on the work one message can cause (each word costs a few look-ups).
pub const MAX_QUESTION_WORDS: usize = 100;

/// Answers questions about one article from its knowledge.
#[derive(Debug, Clone)]
pub struct Engine {
    knowledge: Arc<Knowledge>,
    analyzer: Analyzer,
    index: Index,
    semantic: Option<Semantic>,
    /// What the article's sentences and the facts' intents assert, for the
    /// contradiction rules.
    claims: rules::contradiction::Claims,
    /// The knowledge's terms as rule `substituted-word` reads them.
    terms: rules::substituted::Terms,
    /// For each fact, whether a suggestion offers it by its first intent
    /// ([`Engine::offered_intent`]): read once at build, as it depends only
    /// on the knowledge, rather than re-reading the intent per suggestion.
    offered: Vec<bool>,
    tunables: Tunables,
    /// The article's own proper names ([`Engine::article_names`]), read
    /// at build when the entity rules use them, else on first asking.
    article_names: std::sync::OnceLock<Vec<Vec<String>>>,
    /// The terms of the leaders' titles the knowledge uses (rule
    /// `role-title`), read on the first question that asks for a leader.
    leader_titles: std::sync::OnceLock<Vec<analyze::TermId>>,
}

impl Engine {
    /// Builds an engine with lexical matching only.
    pub fn new(knowledge: Knowledge) -> Engine {
        Engine::build(knowledge, None)
    }

    /// Builds an engine that also uses word vectors for paraphrases.
    pub fn with_vectors(knowledge: Knowledge, vectors: Arc<Vectors>) -> Engine {
        Engine::build(knowledge, Some(vectors))
    }

    fn build(knowledge: Knowledge, vectors: Option<Arc<Vectors>>) -> Engine {
        let analyzer = Analyzer::new(&knowledge);
        // The entity rules read the article's names only when they may cut
        // a score (drafted knowledge); otherwise a follow-up reads them.
        let article_names = std::sync::OnceLock::new();
        if knowledge.engine.missing_name < 1.0 || knowledge.engine.substituted_name < 1.0 {
            let _ = article_names.set(names::article_names(
                &knowledge.article,
                knowledge.engine.name_rank,
            ));
        }
        let index = Index::new(&knowledge, &analyzer, article_names.get());
        let tunables = knowledge.engine;
        let semantic = vectors.map(|v| Semantic::new(v, &analyzer, &tunables));
        let claims = rules::contradiction::Claims::new(&knowledge, &analyzer, tunables.denial_span);
        let terms = rules::substituted::Terms::new(&analyzer);
        let offered = knowledge
            .facts
            .iter()
            .map(|fact| {
                let drafted = fact.answer == knowledge.article.sentences[fact.sentence].text;
                !drafted && fact.intents.first().is_some_and(|i| reads_as_question(i))
            })
            .collect();
        Engine {
            knowledge: Arc::new(knowledge),
            analyzer,
            index,
            semantic,
            claims,
            terms,
            offered,
            tunables,
            article_names,
            leader_titles: std::sync::OnceLock::new(),
        }
    }

    /// The terms of the leaders' titles the knowledge uses, sorted (rule
    /// `role-title`): read once, on the first question asking for a leader.
    pub(crate) fn leader_titles(&self) -> &[analyze::TermId] {
        self.leader_titles
            .get_or_init(|| rules::role::title_terms(&self.analyzer))
    }

    /// The knowledge this engine answers from.
    pub fn knowledge(&self) -> &Knowledge {
        &self.knowledge
    }

    /// The article's own proper names ("gareth pennock", "quayside hotel"),
    /// read from its text when the engine was built
    /// (`names::article_names`): the names a follow-up such as "and
    /// Gareth Pennock?" may put in place of the one asked about before.
    pub fn article_names(&self) -> &[Vec<String>] {
        self.article_names
            .get_or_init(|| names::article_names(&self.knowledge.article, self.tunables.name_rank))
    }

    /// What the bot says when greeted or asked for help: the loaded article's
    /// title and example questions from its knowledge.
    pub fn help_text(&self) -> String {
        smalltalk::help_text(&self.knowledge, |i| self.offered_intent(i))
    }

    /// True when word vectors are in use.
    pub fn uses_vectors(&self) -> bool {
        self.semantic.is_some()
    }

    /// Answers one message, in the form it asks for: "Yes, …" or "No, …"
    /// only for a yes/no question, and a yes/no question naming the wrong
    /// doer is told who did.
    pub fn answer(&self, message: &str) -> Reply {
        if let Some(problem) = check_message(message) {
            return Reply::Unknown(problem);
        }
        let Bounded {
            words,
            whole,
            question,
            complete,
        } = match self.bounded_message_words(message) {
            Ok(read) => read,
            Err(no) => return Reply::Unknown(no),
        };
        // Borrowed from the one buffer they were read into.
        let words = words.to_strs();
        // What the message asks about the article's subject, read from its
        // words when they are all of its words (else read again if needed).
        let subject = whole.then(|| about::subject_asked(&words));
        let yes_no = is_yes_no(&words);
        let reply = match self.reply_to(message, question, &words, subject, yes_no) {
            // Only a question that is no yes/no question is answered in short.
            Reply::Answered(answer) if !yes_no => Reply::Answered(self.in_short(answer, &words)),
            reply => reply,
        };
        // The words are the message's question words when none was passed
        // over: fitting reads them instead of splitting the message again.
        fit::fit(self, message, complete.then_some(&words[..]), yes_no, reply)
    }

    /// The reply to one message as the knowledge words it.
    fn reply(&self, message: &str) -> Reply {
        if let Some(problem) = check_message(message) {
            return Reply::Unknown(problem);
        }
        match self.bounded_message_words(message) {
            Ok(Bounded {
                words, question, ..
            }) => {
                let words = words.to_strs();
                self.reply_to(message, question, &words, None, is_yes_no(&words))
            }
            Err(no) => Reply::Unknown(no),
        }
    }

    /// The reply to one checked message, given its words and, when they
    /// are known, what it asks about the article's subject
    /// ([`about::subject_asked`] of all its words); `yes_no`: whether they
    /// ask for a yes or a no ([`is_yes_no`]); `question`: its question
    /// sentence ([`focus::read_question`]'s text).
    fn reply_to(
        &self,
        message: &str,
        question: Option<&str>,
        words: &[&str],
        subject: Option<Option<about::Subject>>,
        yes_no: bool,
    ) -> Reply {
        if let Some((reply, _)) = self.before_scoring(message, words) {
            return reply;
        }
        if let Some(name) = self.unknown_name_in(question) {
            return Reply::Unknown(NoAnswer::NotMentioned(name));
        }
        let ranked = match score::rank(self, words, yes_no) {
            Ok(ranked) => ranked,
            Err(NoAnswer::NotMentioned(name)) => {
                return Reply::Unknown(NoAnswer::NotMentioned(as_typed(message, &name)));
            }
            Err(no) => {
                return self
                    .subject_answer(message, subject)
                    .map_or(Reply::Unknown(no), Reply::Answered);
            }
        };
        match score::decide(self, &ranked) {
            Reply::Answered(answer) => Reply::Answered(answer),
            other => self
                .subject_answer(message, subject)
                .map_or(other, Reply::Answered),
        }
    }

    /// The reply to a message that no fact needs to be scored for, and the
    /// stage that gave it: a greeting, thanks or a request for help
    /// (`smalltalk`), or a question about the article as a publication, its
    /// author, outlet, date or link (`about-article`). `words`: the
    /// message's question words.
    fn before_scoring(&self, message: &str, words: &[&str]) -> Option<(Reply, &'static str)> {
        match smalltalk::reply(words) {
            Some(smalltalk::Smalltalk::Help) => {
                return Some((Reply::Greeting(self.help_text()), "smalltalk"));
            }
            Some(smalltalk::Smalltalk::Thanks) => {
                let thanks = Reply::Greeting(smalltalk::THANKS_TEXT.to_string());
                return Some((thanks, "smalltalk"));
            }
            None => {}
        }
        let names_its_world = || {
            let tokens = self.analyzer.analyse_known(message).tokens;
            self.index.find_entities(&tokens).iter().any(|m| m.known)
                || words
                    .iter()
                    .any(|w| about::could_name_its_world(w) && self.analyzer.knows(w))
        };
        let text = about::reply(words, &self.knowledge.meta, names_its_world)?;
        Some((
            Reply::Unknown(NoAnswer::AboutArticle(text)),
            "about-article",
        ))
    }

    /// An answer that is its whole cited sentence (a drafted fact, a bare
    /// sentence) led by the phrase of it the question (its words) asks for,
    /// when it has one. The kind of answer wanted is read only for such an
    /// answer.
    fn in_short(&self, mut answer: Answer, question: &[&str]) -> Answer {
        if answer.text != answer.citation.sentence {
            return answer;
        }
        let wants = question::wants_in(question, self.knowledge.meta.later_events_unknown);
        if let Some(short) = short_answer::short_answer(wants, question, &answer.citation.sentence)
        {
            answer.text = short;
        }
        answer
    }

    /// The summary or headline for a question about the article's subject
    /// that no fact answered ("what is this about?" on a drafted article).
    /// `subject`: what the message asks about the subject, when already read.
    fn subject_answer(
        &self,
        message: &str,
        subject: Option<Option<about::Subject>>,
    ) -> Option<Answer> {
        let subject =
            subject.unwrap_or_else(|| about::subject_asked(&Words::read(message).to_strs()))?;
        about::subject_answer(subject, &self.knowledge)
    }

    /// The best-scoring candidates for a message, best first, one per cited
    /// sentence, before any threshold: what `citebot ask --explain` and
    /// `citebot eval --scores` show to help admins tune intents and thresholds.
    pub fn candidates(&self, message: &str, n: usize) -> Result<Vec<Candidate>, NoAnswer> {
        if let Some(problem) = check_message(message) {
            return Err(problem);
        }
        // In the order `answer` checks them: a message of too many words is
        // declined as too long before its names are read.
        let read = self.bounded_message_words(message)?;
        if let Some(name) = self.unknown_name_in(read.question) {
            return Err(NoAnswer::NotMentioned(name));
        }
        let words = read.words.to_strs();
        let ranked = score::rank(self, &words, is_yes_no(&words))?;
        let mut out: Vec<Candidate> = Vec::new();
        for r in ranked {
            if out.len() == n {
                break;
            }
            let sentence = &self.knowledge.article.sentences[r.sentence].text;
            if out.iter().any(|c| c.sentence == *sentence) {
                continue;
            }
            let fact = self.suggestion_for(r.target, r.score).fact;
            out.push(Candidate {
                fact,
                sentence: sentence.clone(),
                score: r.score,
            });
        }
        Ok(out)
    }

    /// The engine's account of a message: its words as read, the `n` best
    /// facts with every rule that changed their score, and the decision.
    pub fn explain(&self, message: &str, n: usize) -> Explanation {
        if let Some(problem) = check_message(message) {
            return Explanation {
                verdict: format!("not read as a question: {problem:?}"),
                cause: "not-read".to_string(),
                ..Explanation::default()
            };
        }
        let words = self.weighted_words(message);
        // The stages before scoring, in the order `answer` runs them, so
        // that the account names what the reply came from.
        let ranked = match self
            .bounded_message_words(message)
            .map_err(Before::Declined)
            .and_then(|read| {
                let words = read.words.to_strs();
                if let Some((_, stage)) = self.before_scoring(message, &words) {
                    return Err(Before::Replied(stage));
                }
                if let Some(name) = self.unknown_name_in(read.question) {
                    return Err(Before::Declined(NoAnswer::NotMentioned(name)));
                }
                score::rank(self, &words, is_yes_no(&words)).map_err(Before::Declined)
            }) {
            Ok(ranked) => ranked,
            Err(Before::Replied(stage)) => {
                return Explanation {
                    words,
                    facts: Vec::new(),
                    verdict: format!("replied before scoring: {stage}"),
                    cause: stage.to_string(),
                };
            }
            Err(Before::Declined(no)) => {
                let (cause, verdict) = match no {
                    NoAnswer::NotMentioned(name) => (
                        Rule::UnknownEntity.to_string(),
                        format!(
                            "{}: the article never mentions \"{}\"",
                            Rule::UnknownEntity,
                            as_typed(message, &name)
                        ),
                    ),
                    other => (
                        "declined".to_string(),
                        format!("stopped before scoring: {other:?}"),
                    ),
                };
                return Explanation {
                    words,
                    facts: Vec::new(),
                    verdict,
                    cause,
                };
            }
        };
        let facts = ranked
            .iter()
            .take(n)
            .map(|r| ScoredFact {
                fact: self.suggestion_for(r.target, r.score).fact,
                sentence: r.sentence,
                base: r.base,
                score: r.score,
                effects: rules::effects(r.fired, &r.boosts, &self.tunables),
            })
            .collect();
        let verdict = score::verdict(&ranked, &self.tunables, |target| {
            self.suggestion_for(target, 0.0).fact
        });
        Explanation {
            words,
            facts,
            verdict: verdict.reason,
            cause: verdict.cause,
        }
    }

    /// The question's content words as the engine reads them (after typo
    /// correction and synonyms), with their weights and whether the
    /// knowledge uses each.
    /// Empty for a message that is no question (too long, not text).
    pub fn weighted_words(&self, message: &str) -> Vec<(String, f32, bool)> {
        if check_message(message).is_some() {
            return Vec::new();
        }
        score::weighted_words(self, message)
    }

    /// True when `words` hold something to ask about and the knowledge uses
    /// none of it, even after typo correction and synonyms: "castleford" in
    /// a follow-up "and castleford?".
    pub fn never_uses(&self, words: &str) -> bool {
        let read = self.weighted_words(words);
        !read.is_empty() && read.iter().all(|(_, _, known)| !known)
    }

    /// The words of a message to answer: its question sentence when a
    /// preamble about the asker comes first.
    fn question_words(&self, message: &str) -> Words {
        focus::read_question(message, |w| self.analyzer.knows(w)).words
    }

    /// A name the message's question sentence ([`focus::read_question`]'s
    /// text) capitalises that the article never mentions (rule
    /// `unknown-entity`, beyond the gazetteer).
    fn unknown_name_in(&self, question: Option<&str>) -> Option<String> {
        let question = question?;
        rules::entities::unknown_name(
            question,
            &self.analyzer,
            &self.index,
            self.tunables.name_rank,
        )
    }

    /// The message's question words ([`Engine::question_words`]) bounded:
    /// too many words make the message no question, and words longer than
    /// any knowledge word are passed over (the loader refuses longer ones,
    /// so they cannot match and would only cost time). With them, whether
    /// they are all the message's words ([`crate::text::words`] of it, none
    /// passed over), and its question sentence, read in the same pass.
    fn bounded_message_words<'m>(&self, message: &'m str) -> Result<Bounded<'m>, NoAnswer> {
        let focus::QuestionRead {
            mut words,
            whole,
            text,
        } = focus::read_question(message, |w| self.analyzer.knows(w));
        if words.len() > MAX_QUESTION_WORDS {
            return Err(NoAnswer::TooLong);
        }
        let before = words.len();
        // A word of no more bytes than the limit has no more characters:
        // only a longer one is counted (counting every word cost ~0.5k
        // instructions a question).
        let max = crate::knowledge::MAX_WORD_CHARS;
        let fits = |w: &str| w.len() <= max || w.chars().count() <= max;
        // Most questions pass none over: their words are read, not moved.
        if !words.iter().all(fits) {
            words.retain(fits);
        }
        let complete = words.len() == before;
        Ok(Bounded {
            words,
            whole: whole && complete,
            question: text,
            complete,
        })
    }

    fn citation(&self, sentence: usize) -> Citation {
        let s = &self.knowledge.article.sentences[sentence];
        Citation {
            sentence: s.text.clone(),
            paragraph: s.paragraph,
        }
    }

    fn answer_for(&self, target: Target, score: f32) -> Answer {
        match target {
            Target::Fact(i) => {
                let fact = &self.knowledge.facts[i];
                Answer {
                    fact: Some(fact.id.clone()),
                    text: fact.answer.clone(),
                    citation: self.citation(fact.sentence),
                    score,
                }
            }
            Target::Sentence(i) => {
                let citation = self.citation(i);
                Answer {
                    fact: None,
                    text: citation.sentence.clone(),
                    citation,
                    score,
                }
            }
        }
    }

    /// The intent a suggestion offers fact `i` by: its first, when an admin
    /// wrote the fact (its answer is not its bare sentence) and the intent
    /// reads as a question. A drafted fact's intents are word lists ("who
    /// us ambassador"), which read badly as an offer: it is offered by its
    /// answer instead.
    fn offered_intent(&self, i: usize) -> Option<&String> {
        self.knowledge.facts[i]
            .intents
            .first()
            .filter(|_| self.offered[i])
    }

    fn suggestion_for(&self, target: Target, score: f32) -> Suggestion {
        match target {
            Target::Fact(i) => {
                let fact = &self.knowledge.facts[i];
                let intent = self
                    .offered_intent(i)
                    .cloned()
                    .unwrap_or_else(|| fact.answer.clone());
                Suggestion {
                    fact: fact.id.clone(),
                    intent,
                    score,
                }
            }
            Target::Sentence(i) => Suggestion {
                fact: format!("sentence-{i}"),
                intent: self.knowledge.article.sentences[i].text.clone(),
                score,
            },
        }
    }

    /// Intents that the engine answers with another fact's sentence: each
    /// such intent would be stolen from its own fact, so `citebot check`
    /// reports them.
    ///
    /// Every intent is answered, so the warnings are exact; since answering
    /// is pure, an intent written for several facts is answered once, and
    /// the distinct intents are shared among the machine's cores.
    pub fn intent_collisions(&self) -> Vec<crate::knowledge::Lint> {
        let facts = &self.knowledge.facts;
        let mut distinct: rustc_hash::FxHashMap<&str, usize> = Default::default();
        for intent in facts.iter().flat_map(|f| &f.intents) {
            let next = distinct.len();
            distinct.entry(intent.as_str()).or_insert(next);
        }
        let mut texts = vec![""; distinct.len()];
        for (&text, &i) in &distinct {
            texts[i] = text;
        }
        let cited = self.answered_sentences(&texts);
        let mut out = Vec::new();
        for fact in facts {
            let own = &self.knowledge.article.sentences[fact.sentence].text;
            for intent in &fact.intents {
                let Some(Some((sentence, by))) = distinct.get(intent.as_str()).map(|&i| &cited[i])
                else {
                    continue;
                };
                if sentence != own {
                    out.push(crate::knowledge::Lint {
                        line: Some(fact.line),
                        message: format!(
                            "fact `{}`: intent \"{intent}\" is answered by fact `{}`",
                            fact.id,
                            by.as_deref().unwrap_or("(an article sentence)")
                        ),
                    });
                }
            }
        }
        out
    }

    /// For each text, the sentence its answer cites and the fact it comes
    /// from, `None` when it is not answered; answered on every core.
    fn answered_sentences(&self, texts: &[&str]) -> Vec<Option<(String, Option<String>)>> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = texts.len().div_ceil(threads).max(1);
        let answer = |text: &str| match self.answer(text) {
            Reply::Answered(a) => Some((a.citation.sentence, a.fact)),
            _ => None,
        };
        std::thread::scope(|scope| {
            let workers: Vec<_> = texts
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().map(|t| answer(t)).collect::<Vec<_>>()))
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    }

    /// True when the message asks about the article itself (its author,
    /// date, subject or headline) rather than about what it reports.
    pub fn asks_about_article(&self, message: &str) -> bool {
        about::asks_about_article(&Words::read(message).to_strs())
    }

    /// Answers a suggestion's id as if its fact had been asked for: used when
    /// a user picks one of the suggestions offered by an unsure reply.
    pub fn answer_fact(&self, id: &str) -> Option<Answer> {
        if let Some(i) = self.knowledge.facts.iter().position(|f| f.id == id) {
            // The suggestion showed the fact's first intent: the answer fits it.
            let answer = self.answer_for(Target::Fact(i), 1.0);
            let shown = self.offered_intent(i);
            return Some(match shown {
                Some(intent) if is_yes_no(&Words::read(intent).to_strs()) => answer,
                _ => fit::neutral_answer(answer),
            });
        }
        let n: usize = id.strip_prefix("sentence-")?.parse().ok()?;
        (n < self.knowledge.article.sentences.len())
            .then(|| self.answer_for(Target::Sentence(n), 1.0))
    }
}

/// A name as the user typed it ("Zelensky", "EU"), found in the message by
/// its folded form; the folded form when it cannot be found as is.
fn as_typed(message: &str, folded: &str) -> String {
    let lower = message.to_lowercase();
    match lower.find(folded) {
        Some(at) if lower.len() == message.len() && message.is_char_boundary(at) => message
            .get(at..at + folded.len())
            .unwrap_or(folded)
            .to_string(),
        _ => folded.to_string(),
    }
}

/// How [`Engine::explain`]'s search ended before any fact was scored.
enum Before {
    /// A stage before scoring replied ([`Engine::before_scoring`]).
    Replied(&'static str),
    /// The message was declined.
    Declined(NoAnswer),
}

/// Rejects what cannot be a question: nothing, too much, or not text.
fn check_message(message: &str) -> Option<NoAnswer> {
    if message.len() > MAX_QUESTION_BYTES {
        return Some(NoAnswer::TooLong);
    }
    if message.is_ascii() {
        // Most messages: the same checks on bytes, without decoding
        // characters (an ASCII text holds no replacement character).
        let bytes = message.as_bytes();
        let control = bytes
            .iter()
            .filter(|&&b| b.is_ascii_control() && !crate::text::is_ascii_space(b))
            .count();
        if control > 0 && control * 10 >= bytes.len() {
            return Some(NoAnswer::NotText);
        }
        if !bytes.iter().any(u8::is_ascii_alphanumeric) {
            return Some(NoAnswer::Empty);
        }
        return None;
    }
    check_text(message)
}

/// [`check_message`] of any text, character by character.
fn check_text(message: &str) -> Option<NoAnswer> {
    let control = message
        .chars()
        .filter(|c| c.is_control() && !c.is_whitespace())
        .count();
    if control > 0 && control * 10 >= message.chars().count() || message.contains('\u{fffd}') {
        return Some(NoAnswer::NotText);
    }
    if message.chars().all(|c| !c.is_alphanumeric()) {
        return Some(NoAnswer::Empty);
    }
    None
}

#[cfg(test)]
mod tests;

/// Most words of an intent shown as a suggestion.
const SUGGESTED_QUESTION_WORDS: usize = 14;

/// True when an intent reads as a question a person would ask ("how much
/// aid did the us send"): it opens with a question word or an auxiliary and
/// is short, so it can be offered as "did you mean".
fn reads_as_question(intent: &str) -> bool {
    let said = crate::text::words(intent);
    said.first()
        .is_some_and(|w| crate::text::is_question_word(w) || crate::text::is_auxiliary(w))
        && said.len() <= SUGGESTED_QUESTION_WORDS
}

/// A message's words as [`Engine::bounded_message_words`] reads them.
struct Bounded<'m> {
    /// Its question words, the overlong ones passed over.
    words: Words,
    /// Whether those are all its words ([`crate::text::words`] of it).
    whole: bool,
    /// Its question sentence ([`focus::read_question`]'s text).
    question: Option<&'m str>,
    /// Whether no word was passed over as overlong: the words are then
    /// [`Engine::question_words`] of the message.
    complete: bool,
}
