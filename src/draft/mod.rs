//! Drafting a knowledge file from an article alone: what `citebot init`
//! writes so that an admin starts from a file that loads and answers, and
//! edits it rather than writing it.
//!
//! Every sentence that carries information gets a fact citing it verbatim
//! (split the way the loader splits), the paragraphs are grouped into topics,
//! the lead gives the summary, and each fact's intents and keywords are the
//! questions its names, numbers, years, places and subject answer
//! (`intents`).

mod byline;
mod definitions;
mod intents;
mod introductions;
mod listing;
mod phrases;
mod reasons;
mod speakers;
mod titles;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::article::Article;
use crate::knowledge::{
    KNOWLEDGE_FILE, LoadError, LoadErrors, MAX_ANSWER_CHARS, MAX_INTENT_BYTES, MAX_KNOWLEDGE_BYTES,
    intent_key, load_str, read_text,
};
use phrases::{content, rarity, sentence_words};

pub use intents::{MAX_INTENTS, MAX_KEYWORDS};
pub(crate) use phrases::is_clock_time;
pub use speakers::quotation_speakers;

/// Name of the article copy that `init` writes next to the knowledge file.
pub const ARTICLE_FILE: &str = "article.txt";

/// Most paragraphs grouped under one topic.
const TOPIC_PARAGRAPHS: usize = 4;
/// Share of a paragraph's key words that must recur in its topic's words for
/// the paragraph to join that topic rather than open a new one.
const TOPIC_OVERLAP: f32 = 0.25;
/// Most words in a drafted fact or topic id.
const ID_WORDS: usize = 3;
/// Sentences of the lead in the long summary.
const LONG_SUMMARY_SENTENCES: usize = 3;

/// `common_rank` of a drafted file: drafted intents are the article's own
/// words, with none of its readers' phrasing, so a common English word of a
/// question that a sentence uses is more likely the point than the asker's
/// phrasing; it keeps its full weight from a lower rank than in a
/// hand-written file (measured on the squad-complexity tuning half and
/// checked on its untouched half and on `tests/data/new-article`).
const DRAFT_COMMON_RANK: f32 = 300.0;

/// `paragraph_context` of a drafted file: a drafted fact is one sentence,
/// which often leaves its subject to the sentences around it ("it", "this
/// problem"), so the words of its paragraph count for a share (rule
/// `paragraph-context`; measured on the squad-complexity tuning half). Half
/// of the share it had alone went to `neighbour_context`.
const DRAFT_PARAGRAPH_CONTEXT: f32 = 0.2;

/// `neighbour_context` of a drafted file: the sentence a question is about
/// most often leans on the one just before or after it, which the whole
/// paragraph's share cannot tell apart from the paragraph's other sentences
/// (rule `neighbour-context`; measured as `phrase_match`).
const DRAFT_NEIGHBOUR_CONTEXT: f32 = 0.2;

/// `phrase_match` of a drafted file: a drafted fact keeps its sentence's
/// word order, so a question's neighbouring words that the sentence also
/// writes side by side count for a share more (rule `phrase-match`;
/// measured on the squad-complexity tuning half and strike).
const DRAFT_PHRASE_MATCH: f32 = 0.3;

/// `length_norm` of a drafted file: drafted facts are whole sentences of any
/// length, and a long one shares a question's words by its length alone, so
/// the matched words are scaled by the sentence's length for ranking (rule
/// `sentence-length`; measured as `phrase_match`).
const DRAFT_LENGTH_NORM: f32 = 0.1;

/// `antecedent` of a drafted file: a sentence that says "it" or "these"
/// leaves what it is about to the sentence before it, which a question
/// names, so the words of that sentence count for a share (rule
/// `antecedent`; measured on the squad-complexity tuning half and strike).
const DRAFT_ANTECEDENT: f32 = 1.0;

/// `quoted_speaker` of a drafted file: a quotation attributed to "she" or
/// a surname is asked about by who the speaker is ("what did the minister
/// say"), which the article gives where it first names them (rule
/// `quoted-speaker`; measured on the runway, ferry and strike tuning sets).
const DRAFT_QUOTED_SPEAKER: f32 = 1.0;

/// Drafted `why_words`: a sentence that gives the reason for the one before
/// it carries that one's words in a "why" intent, which should answer only
/// "why" (rule `why-words`; measured on the strike tuning sets).
const DRAFT_WHY_WORDS: f32 = 1.0;

/// Drafted `reported_reason`: asked why someone worries or objects, a
/// sentence reporting their view ("warned that ...") may be the reason,
/// which no drafted intent says (rule `reported-reason`; measured on the
/// strike tuning sets), and asked why someone thinks or expects something,
/// their words in a quotation (rule `quoted-reason`; measured on the
/// runway, ferry and strike tuning sets).
const DRAFT_REPORTED_REASON: f32 = 0.8;

/// Drafted `following_reason`: asked why, a sentence stating the event
/// but no reason is often followed by the speaker's words giving it
/// ("said the Nordic Tern could only use the linkspan around high tide."
/// then `"She sits higher in the water ..."`), which share few of the
/// question's words: the follower ranks as that sentence, with the cut
/// for stating no reason taken back (rule `following-reason`; measured on
/// the runway, ferry and strike tuning sets).
const DRAFT_FOLLOWING_REASON: f32 = 1.25;

/// Drafted `missing_name` and `substituted_name`: a question naming one of
/// the article's own people or bodies ("Rachel Dunmore's hotel") is not
/// answered by a sentence that, with its neighbours, names no one of that
/// name, and less by one naming another in its place (rules `name-missing`,
/// `name-substituted`; measured on the runway, strike and squad tuning sets).
const DRAFT_MISSING_NAME: f32 = 0.6;
const DRAFT_SUBSTITUTED_NAME: f32 = 0.4;

/// Drafted `names_only`: a question naming someone or something and asking
/// what the article never says of them ("Which political party does X
/// represent?") is not answered by a sentence that shares only the name
/// (rule `names-only`; measured on the strike, runway and ferry tuning sets).
const DRAFT_NAMES_ONLY: f32 = 0.4;

/// Drafted `common_only`: a sentence sharing with a question only a very
/// common word or two ("did anyone catch the game last night" against
/// "Biden last week conceded ...") is cut (rule `common-only`; measured on
/// the strike, runway, ferry and squad tuning sets and the seed article's
/// draft: 0.4 declines a right suggestion 0.5 keeps).
const DRAFT_COMMON_ONLY: f32 = 0.5;

/// The `[engine]` table of a drafted file, with why.
fn engine_table() -> String {
    format!(
        "\n# Engine settings for drafted knowledge (see the README, \"Engine settings\"):\n\
         # its intents are the article's own words, so a common word a question\n\
         # shares with a sentence keeps more of its weight, and a fact is one\n\
         # sentence whose paragraph may name what it calls \"it\", so the\n\
         # paragraph's words, and more those of the sentences next to it, count\n\
         # for a share, and those of the sentence before one that says \"it\"\n\
         # or \"these\" count more, and asked what someone said, who says a\n\
         # quotation counts as its words; the words a question puts side\n\
         # by side count more where the sentence does too, and a long sentence\n\
         # ranks a little below a short one sharing as many words; a sentence\n\
         # giving the reason for the one before answers its \"why\" only, and\n\
         # one reporting what someone says may tell why they think so, and\n\
         # the sentence after one stating no reason may give it; a question\n\
         # naming one of the article's people or bodies wants a sentence naming\n\
         # them, or next to one that does, and more than their name, and a\n\
         # sentence sharing only a very common word or two with a question does\n\
         # not answer it. Delete the table once the intents are written the way\n\
         # readers ask.\n\
         [engine]\ncommon_rank = {DRAFT_COMMON_RANK:.1}\n\
         paragraph_context = {DRAFT_PARAGRAPH_CONTEXT:.1}\n\
         neighbour_context = {DRAFT_NEIGHBOUR_CONTEXT:.1}\n\
         phrase_match = {DRAFT_PHRASE_MATCH:.1}\n\
         length_norm = {DRAFT_LENGTH_NORM:.1}\n\
         antecedent = {DRAFT_ANTECEDENT:.1}\n\
         quoted_speaker = {DRAFT_QUOTED_SPEAKER:.1}\n\
         why_words = {DRAFT_WHY_WORDS:.1}\n\
         reported_reason = {DRAFT_REPORTED_REASON:.1}\n\
         following_reason = {DRAFT_FOLLOWING_REASON:.2}\n\
         missing_name = {DRAFT_MISSING_NAME:.1}\n\
         substituted_name = {DRAFT_SUBSTITUTED_NAME:.1}\n\
         names_only = {DRAFT_NAMES_ONLY:.1}\n\
         common_only = {DRAFT_COMMON_ONLY:.1}\n"
    )
}

/// The comment that opens a drafted file.
const HEADER: &str = "\
# DRAFT knowledge file written by `citebot init` from the article alone:
# it loads and answers as it is; edit it to answer better. Every fact's
# intents are guesses at how people ask for its sentence: add questions in
# your readers' words. Keep each `source` verbatim from article.txt; change
# answers, intents, keywords, topics and summaries freely; add this
# article's own synonyms in a `[synonyms]` table (fire = [\"blaze\"]).
# Then run `citebot check DIR` and try questions with
# `citebot --knowledge DIR ask --explain \"QUESTION\"`.
# The format: README, \"The knowledge\"; the steps: \"Put in your own article\".

";

/// Why `init` could not write a draft.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The article could not be read (missing, not a regular file, over
    /// the size limit, not UTF-8).
    #[error("cannot read the article: {}", first_problem(.0))]
    Read(LoadErrors),
    /// The draft would be larger than a knowledge file may be, so the bot
    /// could not load it.
    #[error(
        "the draft for this article would be {} KB, over the {} KB a knowledge file may hold; draft a part of the article at a time",
        bytes / 1024,
        MAX_KNOWLEDGE_BYTES / 1024
    )]
    TooLarge {
        /// The draft's size in bytes.
        bytes: usize,
    },
    /// The article has no sentence to draft from.
    #[error("{}: the article is empty", path.display())]
    Empty {
        /// The article file.
        path: PathBuf,
    },
    /// A file would be overwritten and `--force` was not given.
    #[error("{} already exists; pass --force to overwrite it", path.display())]
    Exists {
        /// The file that exists.
        path: PathBuf,
    },
    /// A file could not be written.
    #[error("{}: cannot write", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The article is text the bot refuses to cite (a "word" longer than
    /// any word, as when spaces are missing).
    #[error("the article cannot be used: {}", first_problem(.0))]
    Article(LoadErrors),
    /// The draft did not load (a bug in the drafter, never the admin's fault).
    #[error("the drafted knowledge does not load: {0}")]
    Invalid(String),
}

/// Drops each intent that says the same words as an intent of an earlier
/// fact ("what is computational complexity theory" drafted from the
/// definition and again from a later mention): the question belongs to the
/// first, and `citebot check` would warn of the pair. A fact keeps at least
/// one intent.
fn drop_repeated_intents(facts: &mut [FactOut]) {
    let mut owned: HashSet<String> = HashSet::new();
    for fact in facts.iter_mut() {
        let fresh: Vec<String> = fact
            .intents
            .iter()
            .filter(|i| {
                let key = intent_key(i);
                !key.is_empty() && !owned.contains(&key)
            })
            .cloned()
            .collect();
        if !fresh.is_empty() {
            fact.intents = fresh;
        }
        owned.extend(fact.intents.iter().map(|i| intent_key(i)));
    }
}

/// A text cut at a word to at most `max` characters, "…" marking the cut:
/// an answer may be shorter than its sentence, never longer than the loader
/// takes.
fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let head: String = text.chars().take(max - 1).collect();
    let cut = head.rfind(char::is_whitespace).unwrap_or(head.len());
    format!("{}…", head[..cut].trim_end())
}

/// An intent cut after its last whole word that fits in `max` bytes: a
/// sentence of hundreds of words (a pasted table, a list without stops)
/// drafts intents longer than the loader takes.
fn within_bytes(intent: String, max: usize) -> String {
    if intent.len() <= max {
        return intent;
    }
    let mut cut = max;
    while !intent.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &intent[..cut];
    let head = match intent[cut..].starts_with(' ') {
        true => head,
        false => head.rfind(' ').map_or(head, |space| &head[..space]),
    };
    head.trim_end().to_string()
}

/// The first problem of a failed read (a read fails for one reason).
fn first_problem(errors: &LoadErrors) -> String {
    errors
        .0
        .first()
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// What `init` wrote.
#[derive(Debug, Clone)]
pub struct Drafted {
    /// The knowledge file written.
    pub knowledge: PathBuf,
    /// How many facts it holds.
    pub facts: usize,
    /// How many topics it holds.
    pub topics: usize,
    /// What the admin should know about how the article was read (its
    /// first paragraph taken as the headline), for `init` to print.
    pub notes: Vec<String>,
}

/// Writes `dir/article.txt` (a copy of `article`) and `dir/knowledge.toml`
/// drafted from it. Refuses to overwrite a knowledge file, or a different
/// article file, unless `force`; the draft is checked by the loader before
/// anything is written.
pub fn init(article: &Path, dir: &Path, force: bool) -> Result<Drafted, InitError> {
    let text = read_text(article).map_err(InitError::Read)?;
    let knowledge_path = dir.join(KNOWLEDGE_FILE);
    let article_path = dir.join(ARTICLE_FILE);
    if !force {
        if knowledge_path.exists() {
            return Err(InitError::Exists {
                path: knowledge_path,
            });
        }
        let same = std::fs::read_to_string(&article_path).is_ok_and(|old| old == text);
        if article_path.exists() && !same {
            return Err(InitError::Exists { path: article_path });
        }
    }
    let toml = draft(&text).ok_or_else(|| InitError::Empty {
        path: article.to_path_buf(),
    })?;
    if toml.len() as u64 > MAX_KNOWLEDGE_BYTES {
        return Err(InitError::TooLarge { bytes: toml.len() });
    }
    let knowledge = load_str(dir, &toml, &text).map_err(|errors| {
        // The article's own problems, named by the file the admin gave.
        let in_article: Vec<LoadError> = errors
            .0
            .iter()
            .filter(|e| e.file == article_path)
            .map(|e| LoadError {
                file: article.to_path_buf(),
                ..e.clone()
            })
            .collect();
        if !in_article.is_empty() {
            InitError::Article(LoadErrors(in_article))
        } else {
            InitError::Invalid(errors.to_string())
        }
    })?;
    let write = |path: &Path, contents: &str| {
        std::fs::write(path, contents).map_err(|source| InitError::Write {
            path: path.to_path_buf(),
            source,
        })
    };
    std::fs::create_dir_all(dir).map_err(|source| InitError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    write(&article_path, &text)?;
    write(&knowledge_path, &toml)?;
    let notes = headline_note(&knowledge.article).into_iter().collect();
    Ok(Drafted {
        knowledge: knowledge_path,
        facts: knowledge.facts.len(),
        topics: knowledge.topics.len(),
        notes,
    })
}

/// A note when the article's first paragraph, which citebot reads as the
/// headline, holds several sentences: the article likely has no headline
/// line, and its first sentences would be quoted as "(headline)".
fn headline_note(article: &Article) -> Option<String> {
    let in_headline = headline_sentences(article);
    (in_headline > 1).then(|| {
        format!(
            "the first paragraph ({in_headline} sentences) is read as the headline; \
             if the article has no headline, add one as its first line and run init again"
        )
    })
}

/// The title for `[article]`: the headline, or its first sentence when the
/// first paragraph is not one line (an article pasted without a headline).
fn title_of_article(article: &Article) -> Option<String> {
    match headline_sentences(article) {
        0 => None,
        1 => article.headline().map(str::to_string),
        _ => article.sentences.first().map(|s| s.text.clone()),
    }
}

/// How many sentences the article's first paragraph, read as its
/// headline, holds.
fn headline_sentences(article: &Article) -> usize {
    article
        .sentences
        .iter()
        .take_while(|s| s.paragraph == 0)
        .count()
}

#[derive(Serialize)]
struct FileOut {
    article: ArticleOut,
    summary: SummaryOut,
    topics: toml::Table,
    fact: Vec<FactOut>,
}

#[derive(Serialize)]
struct ArticleOut {
    title: String,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
}

/// The byline's author and the dateline's date under the headline, and the
/// paragraphs they took (which give no fact, topic summary or summary).
#[derive(Debug, Default)]
struct Credits {
    author: Option<String>,
    date: Option<String>,
    paragraphs: HashSet<usize>,
}

/// Reads the credits among the first paragraphs after the headline.
fn credits(article: &Article) -> Credits {
    let mut found = Credits::default();
    for (p, text) in article
        .paragraphs
        .iter()
        .enumerate()
        .skip(1)
        .take(byline::CREDIT_PARAGRAPHS)
    {
        if found.author.is_none()
            && let Some(author) = byline::byline(text)
        {
            found.author = Some(author);
            found.paragraphs.insert(p);
        } else if found.date.is_none()
            && let Some(date) = byline::dateline(text)
        {
            found.date = Some(date);
            found.paragraphs.insert(p);
        }
    }
    found
}

#[derive(Serialize)]
struct SummaryOut {
    short: String,
    long: String,
}

#[derive(Serialize)]
struct TopicOut {
    title: String,
    summary: String,
}

#[derive(Serialize)]
struct FactOut {
    id: String,
    topic: String,
    intents: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    keywords: Vec<String>,
    answer: String,
    source: String,
}

/// Drafts the knowledge file for an article text (headline line, then
/// paragraphs); `None` when the article has no sentence.
pub fn draft(article_text: &str) -> Option<String> {
    let article = Article::parse(article_text);
    let headline = article.headline()?.to_string();
    let credits = credits(&article);
    let is_news = |paragraph: usize| !credits.paragraphs.contains(&paragraph);
    let groups = topic_groups(&article);
    let mut used_ids = HashSet::new();
    let mut topics = toml::Table::new();
    let mut topic_of_paragraph = vec![String::new(); article.paragraphs.len()];
    // A topic is named from its news, not from the byline or dateline
    // that may share its group.
    let texts: Vec<String> = groups
        .iter()
        .map(|g| {
            g.iter()
                .filter(|&&p| is_news(p))
                .map(|&p| article.paragraphs[p].as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let names = titles::titles(&texts);
    for ((group, words), name) in groups.iter().zip(distinctive_words(&texts)).zip(names) {
        let id = unique_id(
            name.as_ref().map_or(&words, |n| &n.words),
            "topic",
            &mut used_ids,
        );
        let first = article
            .sentences
            .iter()
            .find(|s| group.contains(&s.paragraph) && is_news(s.paragraph))
            .map_or(headline.as_str(), |s| s.text.as_str());
        let topic = TopicOut {
            title: name.map_or_else(|| title_of(&id), |n| n.title),
            summary: first.to_string(),
        };
        if let Ok(value) = toml::Value::try_from(topic) {
            topics.insert(id.clone(), value);
        }
        for &p in group {
            topic_of_paragraph[p] = id.clone();
        }
    }
    let mut facts = Vec::new();
    let mut seen_sources = HashSet::new();
    let mut introductions = introductions::Introductions::default();
    for sentence in &article.sentences {
        introductions.learn_places(&sentence.text);
    }
    let mut previous = None;
    let mut speakers = speakers::Speakers::default();
    for sentence in &article.sentences {
        let words = sentence_words(&sentence.text);
        let before = previous
            .replace(sentence)
            .filter(|p| p.paragraph == sentence.paragraph);
        // A byline's name is no speaker of the news.
        let speaker = is_news(sentence.paragraph)
            .then(|| {
                let is_place = |n: &str| introductions.is_place(n);
                speakers.read(&sentence.text, &words, sentence.paragraph, is_place)
            })
            .flatten();
        // A sentence repeated word for word is cited once.
        if !is_news(sentence.paragraph)
            || content(&words).is_empty()
            || !seen_sources.insert(sentence.text.clone())
        {
            continue;
        }
        let mut drafted = intents::draft(&sentence.text);
        if drafted.intents.is_empty() {
            continue;
        }
        // A sentence giving the reason for the one before it ("This is
        // intended to ...") answers "why" of that one's event.
        if let Some(why) = before
            .filter(|_| reasons::gives_reason_for_previous(&words))
            .and_then(|b| reasons::why_of_event(&sentence_words(&b.text)))
        {
            drafted.intents.insert(0, why);
        }
        if sentence.paragraph > 0 {
            drafted.intents.extend(introductions.of(&sentence.text));
        }
        // "...," she said: the speaker named before, by name.
        drafted.intents.extend(speaker);
        facts.push(FactOut {
            id: unique_id(&key_words(&sentence.text), "fact", &mut used_ids),
            topic: topic_of_paragraph[sentence.paragraph].clone(),
            intents: drafted
                .intents
                .into_iter()
                .map(|intent| within_bytes(intent, MAX_INTENT_BYTES))
                .collect(),
            keywords: drafted.keywords,
            answer: shortened(&sentence.text, MAX_ANSWER_CHARS),
            source: sentence.text.clone(),
        });
    }
    drop_repeated_intents(&mut facts);
    // A topic whose paragraphs gave no fact (bare markup, credits) is no
    // topic to list.
    let topics: toml::Table = topics
        .into_iter()
        .filter(|(id, _)| facts.iter().any(|f| f.topic == *id))
        .collect();
    if facts.is_empty() {
        return None;
    }
    let body: Vec<&str> = article
        .sentences
        .iter()
        .filter(|s| s.paragraph >= 1 && is_news(s.paragraph))
        .map(|s| s.text.as_str())
        .collect();
    let short = body
        .first()
        .copied()
        .unwrap_or(headline.as_str())
        .to_string();
    let long = if body.is_empty() {
        headline.clone()
    } else {
        body[..body.len().min(LONG_SUMMARY_SENTENCES)].join(" ")
    };
    let file = FileOut {
        article: ArticleOut {
            title: title_of_article(&article).unwrap_or(headline),
            text: ARTICLE_FILE.to_string(),
            author: credits.author,
            date: credits.date,
        },
        summary: SummaryOut { short, long },
        topics,
        fact: facts,
    };
    let body = toml::to_string_pretty(&file).ok()?;
    Some(format!("{HEADER}{body}{}", engine_table()))
}

/// Groups the paragraphs into topics: the headline goes with the first
/// paragraph; a topic holds at least two paragraphs and at most
/// [`TOPIC_PARAGRAPHS`], and a paragraph opens a new one early when too few
/// of its words recur in the topic so far.
fn topic_groups(article: &Article) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut words: HashSet<String> = HashSet::new();
    for (p, text) in article.paragraphs.iter().enumerate() {
        let own: Vec<String> = content(&sentence_words(text))
            .into_iter()
            .map(crate::text::stem)
            .collect();
        let shared = own.iter().filter(|w| words.contains(*w)).count();
        let joins = match groups.last() {
            None => false,
            Some(last) if last.len() >= TOPIC_PARAGRAPHS => false,
            Some(last) if last.len() < 2 || last == &[0] => true,
            Some(_) => !own.is_empty() && shared as f32 / own.len() as f32 >= TOPIC_OVERLAP,
        };
        if joins {
            if let Some(last) = groups.last_mut() {
                last.push(p);
            }
        } else {
            groups.push(vec![p]);
            words.clear();
        }
        words.extend(own);
    }
    groups
}

/// For each group of texts, the few words that set it apart: frequent in
/// it, rare in the others (tf-idf over the groups), in reading order.
fn distinctive_words(groups: &[String]) -> Vec<Vec<String>> {
    let terms: Vec<Vec<String>> = groups
        .iter()
        .map(|g| {
            content(&sentence_words(g))
                .into_iter()
                .filter(|w| w.len() > 2 && w.chars().all(|c| c.is_ascii_alphabetic()))
                .map(str::to_string)
                .collect()
        })
        .collect();
    let all: Vec<Vec<String>> = groups
        .iter()
        .map(|g| {
            sentence_words(g)
                .into_iter()
                .filter(|w| w.content)
                .map(|w| w.folded)
                .collect()
        })
        .collect();
    let n = groups.len() as f32;
    // Each word's count in each group and in how many groups it stands,
    // counted once: scoring inside the sort made a long article's draft
    // take minutes.
    let mut groups_with: HashMap<&str, usize> = HashMap::new();
    for words in &all {
        let distinct: HashSet<&str> = words.iter().map(String::as_str).collect();
        for w in distinct {
            *groups_with.entry(w).or_default() += 1;
        }
    }
    terms
        .iter()
        .zip(&all)
        .map(|(own, words)| {
            let mut counts: HashMap<&str, usize> = HashMap::new();
            for w in words {
                *counts.entry(w.as_str()).or_default() += 1;
            }
            let score = |w: &str| {
                let tf = counts.get(w).copied().unwrap_or(0) as f32;
                let df = groups_with.get(w).copied().unwrap_or(0) as f32;
                tf * ((n + 1.0) / df).ln()
            };
            let mut ranked: Vec<(f32, &String)> = own.iter().map(|w| (score(w), w)).collect();
            ranked.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
            ranked.truncate(ID_WORDS - 1);
            own.iter()
                .filter(|w| ranked.iter().any(|(_, r)| r == w))
                .cloned()
                .collect()
        })
        .collect()
}

/// The rarest few content words of a text, in reading order.
fn key_words(text: &str) -> Vec<String> {
    let words = sentence_words(text);
    let all: Vec<&str> = content(&words)
        .into_iter()
        .filter(|w| w.chars().all(|c| c.is_ascii_alphanumeric()))
        .collect();
    // Words read better in an id than numbers, when there are enough.
    let alphabetic: Vec<&str> = all
        .iter()
        .copied()
        .filter(|w| w.len() > 2 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .collect();
    let mut terms = if alphabetic.len() >= 2 {
        alphabetic
    } else {
        all
    };
    let mut ranked = terms.clone();
    ranked.sort_by_key(|w| std::cmp::Reverse(rarity(w)));
    ranked.truncate(ID_WORDS);
    terms.retain(|w| ranked.contains(w));
    terms.into_iter().map(str::to_string).collect()
}

/// An id from key words, made unique with a number when needed.
fn unique_id(words: &[String], fallback: &str, used: &mut HashSet<String>) -> String {
    let base = if words.is_empty() {
        fallback.to_string()
    } else {
        words.join("-")
    };
    let mut id = base.clone();
    let mut n = 2;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// A title from an id: "turing-machine" becomes "Turing machine".
fn title_of(id: &str) -> String {
    let text = id.replace('-', " ");
    let mut chars = text.chars();
    chars.next().map_or(text.clone(), |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Reply;

    #[test]
    fn the_drafts_opening_comment_points_at_real_readme_sections() {
        // The admin opening a draft follows these names to the README.
        let readme = include_str!("../../README.md");
        let named: Vec<&str> = HEADER
            .split("README")
            .nth(1)
            .unwrap_or_default()
            .split('"')
            .skip(1)
            .step_by(2)
            .collect();
        assert_eq!(named, ["The knowledge", "Put in your own article"]);
        for name in named {
            assert!(
                readme.lines().any(|l| l == format!("## {name}")),
                "no README section \"{name}\""
            );
        }
        // Its commands name the drafted directory, or they would read another.
        assert!(HEADER.contains("citebot --knowledge DIR ask --explain"));
    }

    const ARTICLE: &str = "The Zorblat Engine\n\nThe Zorblat engine was built by Mira Quell in 1987. It turns 40 brass gears.\n\nA \"quiet\" engine, she said\\n, is rare.\n";

    #[test]
    fn the_draft_loads_and_cites_every_sentence() {
        let toml = draft(ARTICLE).expect("drafted");
        assert!(toml.starts_with("# DRAFT"), "{toml}");
        let k = load_str(Path::new("kb"), &toml, ARTICLE).unwrap_or_else(|e| panic!("{e}\n{toml}"));
        assert_eq!(k.facts.len(), k.article.sentences.len());
        assert_eq!(k.meta.title, "The Zorblat Engine");
        assert!(!k.topics.is_empty());
        let ids: HashSet<&str> = k.facts.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids.len(), k.facts.len(), "ids are unique");
        assert!(k.facts.iter().all(|f| f.intents.len() <= MAX_INTENTS));
    }

    #[test]
    fn the_draft_sets_the_engine_for_drafted_intents() {
        let toml = draft(ARTICLE).expect("drafted");
        let k = load_str(Path::new("kb"), &toml, ARTICLE).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(k.engine.common_rank, DRAFT_COMMON_RANK);
        assert_eq!(k.engine.paragraph_context, DRAFT_PARAGRAPH_CONTEXT);
        assert_eq!(k.engine.phrase_match, DRAFT_PHRASE_MATCH);
        assert_eq!(k.engine.neighbour_context, DRAFT_NEIGHBOUR_CONTEXT);
        assert_eq!(k.engine.length_norm, DRAFT_LENGTH_NORM);
        assert_eq!(k.engine.antecedent, DRAFT_ANTECEDENT);
        assert_eq!(k.engine.missing_name, DRAFT_MISSING_NAME);
        assert_eq!(k.engine.substituted_name, DRAFT_SUBSTITUTED_NAME);
        assert_eq!(
            crate::engine::Tunables::default().missing_name,
            1.0,
            "hand-written knowledge names its people in its intents"
        );
        assert_eq!(
            crate::engine::Tunables::default().paragraph_context,
            0.0,
            "hand-written knowledge names the subject in its intents"
        );
        assert_eq!(k.engine.answer, crate::engine::Tunables::default().answer);
    }

    #[test]
    fn quotes_and_backslashes_survive_the_round_trip() {
        let toml = draft(ARTICLE).expect("drafted");
        let k = load_str(Path::new("kb"), &toml, ARTICLE).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            k.facts
                .iter()
                .any(|f| f.answer.contains("\"quiet\"") && f.answer.contains("\\n"))
        );
    }

    #[test]
    fn a_sentence_giving_the_reason_for_the_one_before_answers_its_why() {
        let article = "Zorbton ferry hours extended\n\n\
                       The Zorbton council will extend ferry hours until midnight. \
                       This is intended to ease queues at the harbour gates.\n";
        let toml = draft(article).expect("drafted");
        let k = load_str(Path::new("kb"), &toml, article).unwrap_or_else(|e| panic!("{e}"));
        let follower = k
            .facts
            .iter()
            .find(|f| f.answer.starts_with("This is intended"))
            .expect("a fact for the follower");
        assert!(
            follower
                .intents
                .iter()
                .any(|i| i.starts_with("why") && i.contains("council extend ferry hours")),
            "{:?}",
            follower.intents
        );
        let engine = crate::Engine::new(k);
        let cited = |q: &str| engine.answer(q).citation().map(|c| c.sentence.clone());
        assert_eq!(
            cited("why is the council extending ferry hours?").as_deref(),
            Some("This is intended to ease queues at the harbour gates.")
        );
        // Its words carried from the sentence before answer only "why".
        assert_ne!(
            cited("what will the zorbton council extend until midnight?").as_deref(),
            Some("This is intended to ease queues at the harbour gates.")
        );
    }

    #[test]
    fn an_empty_article_has_no_draft() {
        assert_eq!(draft("  \n\n"), None);
    }

    #[test]
    fn a_drafted_fact_answers_a_question_about_its_sentence() {
        let toml = draft(ARTICLE).expect("drafted");
        let k = load_str(Path::new("kb"), &toml, ARTICLE).unwrap_or_else(|e| panic!("{e}"));
        let engine = crate::Engine::new(k);
        let reply = engine.answer("who built the zorblat engine?");
        let cited = reply.citation().map(|c| c.sentence.clone());
        assert_eq!(
            cited.as_deref(),
            Some("The Zorblat engine was built by Mira Quell in 1987."),
            "{reply:?}"
        );
        // Asked when, the drafted fact leads with the date, still citing
        // its whole sentence.
        let Reply::Answered(when) = engine.answer("when was the zorblat engine built?") else {
            panic!("{:?}", engine.answer("when was the zorblat engine built?"));
        };
        assert_eq!(when.text, "1987.");
        assert_eq!(
            when.citation.sentence,
            "The Zorblat engine was built by Mira Quell in 1987."
        );
    }

    #[test]
    fn a_quotation_a_pronoun_speaks_answers_for_its_speaker_by_name() {
        let article = "Marlow ferry stops after engine fault\n\n\
            The Marlow ferry stopped running on Monday after an engine fault.\n\n\
            Dana Whitcombe, a baker in Marlow, said trade had halved since the night train \
            timetable changed. \
            \"It is hard to keep going when nobody can cross,\" she said.\n\n\
            \"I moved my deliveries to the night train because the roads are blocked \
            every morning by queues for the bridge,\" she said.\n";
        let toml = draft(article).expect("drafted");
        let k = load_str(Path::new("kb"), &toml, article).unwrap_or_else(|e| panic!("{e}"));
        let engine = crate::Engine::new(k);
        let first = |q: &str| {
            engine
                .candidates(q, 1)
                .ok()
                .and_then(|c| c.into_iter().next())
                .map(|c| c.sentence)
                .unwrap_or_default()
        };
        // The quotation never names her, yet asked by her name it is found.
        let why = first("why did Dana Whitcombe move her deliveries to the night train?");
        assert!(why.starts_with("\"I moved my deliveries"), "{why}");
        // Who she is stays the sentence that says so, not the quotation
        // after it, which reads that sentence's words already.
        let who = first("who is Dana Whitcombe?");
        assert!(who.starts_with("Dana Whitcombe, a baker"), "{who}");
    }

    #[test]
    fn a_synonyms_table_added_at_the_end_of_a_draft_applies() {
        // README, "Put in your own article", step 5: the draft has no
        // `[synonyms]`; the admin adds one at the end, after `[engine]`.
        let toml = draft(ARTICLE).expect("drafted");
        assert!(
            !toml.lines().any(|l| l.trim() == "[synonyms]"),
            "the guide says it has none"
        );
        // A nickname only this article's readers use.
        let question = "tell me about the zorby";
        let built = "The Zorblat engine was built by Mira Quell in 1987.";
        let reached = |toml: &str| -> Vec<String> {
            let k = load_str(Path::new("kb"), toml, ARTICLE).unwrap_or_else(|e| panic!("{e}"));
            match crate::Engine::new(k).answer(question) {
                Reply::Answered(a) => vec![a.citation.sentence],
                Reply::Unsure(offered) => offered.into_iter().map(|s| s.intent).collect(),
                _ => Vec::new(),
            }
        };
        assert_eq!(reached(&toml), Vec::<String>::new(), "unknown before");
        let with = reached(&format!("{toml}\n[synonyms]\nzorblat = [\"zorby\"]\n"));
        assert!(with.iter().any(|s| s == built), "{with:?}");
    }

    /// Everyday words reach a drafted article's own wording through the
    /// general synonyms of `assets/lang/synonyms.txt`: "big boss" and "ceo"
    /// are the chief executive, a "war chest" is a fund. None of these is
    /// answered without them. A drafted fact is offered by its sentence.
    #[test]
    fn everyday_words_reach_a_drafted_articles_wording() {
        let article = "Dockworkers walk out at Portmere\n\n\
                       Dockworkers at Portmere walked out on Friday after talks over wages collapsed. \
                       Hana Ruiz, chief executive of the harbour company, said the stoppage was deeply regrettable. \
                       The union's hardship fund holds about 3 million pounds. \
                       Cargo volumes at the harbour fell by a fifth last year.\n";
        let toml = draft(article).expect("drafted");
        let k = load_str(Path::new("kb"), &toml, article).unwrap_or_else(|e| panic!("{e}"));
        let engine = crate::Engine::new(k);
        for (question, sentence) in [
            (
                "who's the big boss at the harbour?",
                "Hana Ruiz, chief executive",
            ),
            (
                "what did the ceo say about the strike?",
                "Hana Ruiz, chief executive",
            ),
            ("how big is the war chest?", "The union's hardship fund"),
        ] {
            // Quoted, or offered first when the engine is unsure.
            let reply = engine.answer(question);
            let reached = match &reply {
                Reply::Answered(answer) => answer.citation.sentence.clone(),
                Reply::Unsure(offered) => offered
                    .first()
                    .map(|s| s.intent.clone())
                    .unwrap_or_default(),
                _ => String::new(),
            };
            assert!(reached.starts_with(sentence), "{question}: {reply:?}");
        }
    }

    /// A paraphrase or a chat question says in everyday words what the
    /// article says formally: an industry group "speaks for" what a trade
    /// association represents, "upkeep" is maintenance, "bookings" are
    /// reservations, "what should I do" asks for the advice given, a
    /// "rebuild" is a reconstruction; "proper" only stresses ("a proper
    /// fix"). Each is answered with its sentence only through
    /// `assets/lang/synonyms.txt` and the fillers of `word-lists.txt`.
    #[test]
    fn paraphrased_everyday_words_reach_a_drafted_articles_wording() {
        let article = "Ferry service suspended at Portmere\n\n\
                       The Coastal Ferries Association, which represents 14 small ports, said the decision was sudden. \
                       The harbour master rejected the suggestion that maintenance of the pier had been neglected. \
                       A local innkeeper said half of his reservations for March had been cancelled. \
                       Passengers have been advised to check the timetable before sailing. \
                       The harbour master said the pier would reopen in April. \
                       Sailing resumes before the holidays. \
                       A full reconstruction of the pier is planned for 2030. \
                       The ferry company said the work had to be done properly. \
                       Cargo volumes at the harbour fell by a fifth last year.\n";
        let toml = draft(article).expect("drafted");
        let k = load_str(Path::new("kb"), &toml, article).unwrap_or_else(|e| panic!("{e}"));
        let engine = crate::Engine::new(k);
        let missed = [
            (
                "how many ports does the trade body speak for?",
                "The Coastal Ferries Association",
            ),
            (
                "what did the harbour master say about the pier's upkeep?",
                "The harbour master rejected",
            ),
            (
                "how many bookings did the innkeeper lose?",
                "A local innkeeper",
            ),
            (
                "what should i do before sailing?",
                "Passengers have been advised",
            ),
            ("is the pier getting rebuilt?", "A full reconstruction"),
            // "proper" only stresses in chat ("a proper rebuild"): a filler.
            ("is a proper fix planned?", "A full reconstruction"),
        ]
        .into_iter()
        .filter_map(|(question, sentence)| {
            let reply = engine.answer(question);
            let answered =
                matches!(&reply, Reply::Answered(a) if a.citation.sentence.starts_with(sentence));
            (!answered).then(|| format!("{question}: {reply:?}"))
        })
        .collect::<Vec<_>>();
        assert!(missed.is_empty(), "{missed:#?}");
    }

    #[test]
    fn a_defining_sentence_answers_the_question_for_its_term() {
        let article = "Machines\n\nA zorblat is a machine that turns brass gears slowly. \
                       Zorblats were common in Vantor. Machines that count gears are called \
                       tallymen.\n";
        let toml = draft(article).expect("drafted");
        assert!(
            toml.contains("\"what is the term for machines count gears\""),
            "{toml}"
        );
        let k = load_str(Path::new("kb"), &toml, article).unwrap_or_else(|e| panic!("{e}"));
        let engine = crate::Engine::new(k);
        let reply = engine.answer("what is the term for a machine that counts gears?");
        let cited = reply.citation().map(|c| c.sentence.clone());
        assert_eq!(
            cited.as_deref(),
            Some("Machines that count gears are called tallymen."),
            "{reply:?}"
        );
    }

    #[test]
    fn a_byline_and_a_dateline_become_the_author_and_date_not_facts() {
        let article = "Council approves park\n\nBy Jane Doe\nPublished: March 3, 2025\n\n\
                       The council voted 7-2 on Tuesday to approve the park.\n";
        let toml = draft(article).expect("drafted");
        let k = load_str(Path::new("kb"), &toml, article).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(k.meta.author.as_deref(), Some("Jane Doe"));
        assert_eq!(k.meta.date.as_deref(), Some("March 3, 2025"));
        assert!(
            k.summary_short.starts_with("The council voted"),
            "{}",
            k.summary_short
        );
        let cited: Vec<&str> = k
            .facts
            .iter()
            .map(|f| k.article.sentences[f.sentence].text.as_str())
            .collect();
        assert!(
            !cited
                .iter()
                .any(|s| s.contains("Jane Doe") || s.contains("2025")),
            "{cited:?}"
        );
        // The byline names no topic, and `check` finds nothing uncited in it.
        assert!(
            k.topics.iter().all(|t| !t.title.contains("Doe")),
            "{:?}",
            k.topics
        );
        assert!(
            crate::knowledge::lints(&k)
                .iter()
                .all(|l| !l.message.contains("Jane Doe")),
        );
        let engine = crate::Engine::new(k);
        let reply = engine.answer("who wrote this article?");
        assert!(format!("{reply:?}").contains("Jane Doe"), "{reply:?}");
    }

    /// The knowledge `init` drafts for an article, loaded as the bot would.
    fn drafted_and_loaded(article: &str) -> crate::knowledge::Knowledge {
        let toml = draft(article).expect("drafted");
        load_str(Path::new("kb"), &toml, article).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The fact citing `sentence`, which must be cited.
    fn fact_citing<'k>(
        k: &'k crate::knowledge::Knowledge,
        sentence: &str,
    ) -> &'k crate::knowledge::Fact {
        k.facts
            .iter()
            .find(|f| k.article.sentences[f.sentence].text == sentence)
            .expect("the sentence is cited")
    }

    #[test]
    fn a_sentence_longer_than_an_answer_may_be_is_cited_with_a_shorter_answer() {
        let long = format!(
            "The committee said {} in the end.",
            "that it agreed ".repeat(120)
        );
        let article = format!("Long report\n\n{long}\n\n- \n#\n");
        let k = drafted_and_loaded(&article);
        let fact = fact_citing(&k, &long);
        assert!(fact.answer.ends_with('…') && fact.answer.chars().count() <= MAX_ANSWER_CHARS);
        // Bare markup gave no fact, so no topic lists it.
        assert_eq!(k.topics.len(), 1, "{:?}", k.topics);
    }

    #[test]
    fn a_sentence_of_hundreds_of_words_drafts_knowledge_that_loads() {
        let words: Vec<String> = (0..400).map(|i| format!("item{i}")).collect();
        let long = format!("The list names {}.", words.join(" "));
        let article = format!("Inventory\n\n{long}\n\nThe list was published on Monday.\n");
        let k = drafted_and_loaded(&article);
        let fact = fact_citing(&k, &long);
        assert!(!fact.intents.is_empty());
        assert!(fact.intents.iter().all(|i| i.len() <= MAX_INTENT_BYTES));
    }

    #[test]
    fn intents_are_cut_between_words() {
        assert_eq!(
            within_bytes("who sent tanks".to_string(), 100),
            "who sent tanks"
        );
        assert_eq!(within_bytes("who sent tanks".to_string(), 10), "who sent");
        assert_eq!(within_bytes("who sent tanks".to_string(), 8), "who sent");
        assert_eq!(within_bytes("ééé ééé".to_string(), 9), "ééé");
    }

    #[test]
    fn init_names_the_line_of_an_article_the_bot_cannot_cite() {
        let dir = tempfile::tempdir().expect("temp dir");
        let article = dir.path().join("in.txt");
        let text = format!("Headline\n\nA fine sentence.\n\n{}\n", "x".repeat(80));
        std::fs::write(&article, text).expect("article written");
        let kb = dir.path().join("kb");
        let error = init(&article, &kb, false).expect_err("refused");
        let said = error.to_string();
        assert!(said.starts_with("the article cannot be used: "), "{said}");
        assert!(
            said.contains(&format!("{}:5: a word longer", article.display())),
            "{said}"
        );
        assert!(!kb.join(KNOWLEDGE_FILE).exists());
    }

    #[test]
    fn a_question_two_sentences_raise_is_drafted_for_the_first_only() {
        // The headline and the first sentence both raise "what is complexity
        // theory".
        let article = "Complexity theory\n\nComplexity theory is a branch of computer science \
                       that classifies problems by difficulty.\n";
        let toml = draft(article).expect("drafted");
        let k = load_str(Path::new("kb"), &toml, article).unwrap_or_else(|e| panic!("{e}"));
        let same: Vec<String> = crate::knowledge::lints(&k)
            .iter()
            .map(ToString::to_string)
            .filter(|l| l.contains("same words"))
            .collect();
        assert!(same.is_empty(), "{same:?}");
    }

    #[test]
    fn an_article_without_a_headline_is_titled_by_its_first_sentence_and_noted() {
        let dir = tempfile::tempdir().expect("temp dir");
        let article = dir.path().join("in.txt");
        let text = "The council voted on Monday to ban leaf blowers. The mayor backed the ban. Gardeners oppose it.\n";
        std::fs::write(&article, text).expect("written");
        let out = dir.path().join("kb");
        let drafted = init(&article, &out, false).expect("drafted");
        assert_eq!(drafted.notes.len(), 1, "{:?}", drafted.notes);
        assert!(drafted.notes[0].contains("headline"), "{:?}", drafted.notes);
        let k = crate::knowledge::load_dir(&out).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            k.meta.title,
            "The council voted on Monday to ban leaf blowers."
        );
    }

    #[test]
    fn init_refuses_to_overwrite_without_force() {
        let dir = tempfile::tempdir().expect("temp dir");
        let article = dir.path().join("in.txt");
        std::fs::write(&article, ARTICLE).expect("written");
        let out = dir.path().join("kb");
        let first = init(&article, &out, false).expect("first init");
        assert_eq!(first.facts, 4);
        assert!(first.notes.is_empty(), "{:?}", first.notes);
        let again = init(&article, &out, false);
        assert!(matches!(again, Err(InitError::Exists { .. })), "{again:?}");
        assert!(init(&article, &out, true).is_ok());
        assert!(crate::knowledge::load_dir(&out).is_ok());
    }
}
