//! Drafting a knowledge file from an article alone: what `citebot init`
//! writes so that an admin starts from a file that loads and answers, and
//! edits it rather than writing it.
//!
//! Every sentence that carries information gets a fact citing it verbatim
//! (split the way the loader splits), the paragraphs are grouped into topics,
//! the lead gives the summary, and each fact's intents and keywords are the
//! questions its names, numbers, years, places and subject answer
//! ([`intents`]).

mod intents;
mod phrases;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::article::Article;
use crate::knowledge::{KNOWLEDGE_FILE, load_str};
use phrases::{content, rarity, sentence_words};

pub use intents::{MAX_INTENTS, MAX_KEYWORDS};

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

/// The `[engine]` table of a drafted file, with why.
fn engine_table() -> String {
    format!(
        "\n# Engine settings for drafted knowledge (see the README, \"Engine settings\"):\n\
         # its intents are the article's own words, so a common word a question\n\
         # shares with a sentence keeps more of its weight. Delete the table once\n\
         # the intents are written the way readers ask.\n\
         [engine]\ncommon_rank = {DRAFT_COMMON_RANK:.1}\n"
    )
}

/// The comment that opens a drafted file.
const HEADER: &str = "\
# DRAFT knowledge file written by `citebot init` from the article alone.
# Edit it: every fact's intents are guesses at how people ask for its
# sentence. Keep the `source` of each fact verbatim from article.txt; change
# answers, intents, keywords, topics and summaries freely. Then run
# `citebot check DIR` and try questions with `citebot ask --explain`.
# The format is described in the README (\"The knowledge file\").

";

/// Why `init` could not write a draft.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The article could not be read.
    #[error("{}: cannot read the article", path.display())]
    Read {
        /// The article file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
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
    /// The draft did not load (a bug in the drafter, never the admin's fault).
    #[error("the drafted knowledge does not load: {0}")]
    Invalid(String),
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
}

/// Writes `dir/article.txt` (a copy of `article`) and `dir/knowledge.toml`
/// drafted from it. Refuses to overwrite a knowledge file, or a different
/// article file, unless `force`; the draft is checked by the loader before
/// anything is written.
pub fn init(article: &Path, dir: &Path, force: bool) -> Result<Drafted, InitError> {
    let text = std::fs::read_to_string(article).map_err(|source| InitError::Read {
        path: article.to_path_buf(),
        source,
    })?;
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
    let knowledge = load_str(dir, &toml, &text).map_err(|e| InitError::Invalid(e.to_string()))?;
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
    Ok(Drafted {
        knowledge: knowledge_path,
        facts: knowledge.facts.len(),
        topics: knowledge.topics.len(),
    })
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
    let groups = topic_groups(&article);
    let mut used_ids = HashSet::new();
    let mut topics = toml::Table::new();
    let mut topic_of_paragraph = vec![String::new(); article.paragraphs.len()];
    let texts: Vec<String> = groups
        .iter()
        .map(|g| {
            g.iter()
                .map(|&p| article.paragraphs[p].as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    for (group, words) in groups.iter().zip(distinctive_words(&texts)) {
        let id = unique_id(&words, "topic", &mut used_ids);
        let first = article
            .sentences
            .iter()
            .find(|s| s.paragraph == group[0])
            .map_or(headline.as_str(), |s| s.text.as_str());
        let topic = TopicOut {
            title: title_of(&id),
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
    for sentence in &article.sentences {
        // A sentence repeated word for word is cited once.
        if content(&sentence_words(&sentence.text)).is_empty()
            || !seen_sources.insert(sentence.text.clone())
        {
            continue;
        }
        let drafted = intents::draft(&sentence.text);
        if drafted.intents.is_empty() {
            continue;
        }
        facts.push(FactOut {
            id: unique_id(&key_words(&sentence.text), "fact", &mut used_ids),
            topic: topic_of_paragraph[sentence.paragraph].clone(),
            intents: drafted.intents,
            keywords: drafted.keywords,
            answer: sentence.text.clone(),
            source: sentence.text.clone(),
        });
    }
    if facts.is_empty() {
        return None;
    }
    let body: Vec<&str> = article
        .sentences
        .iter()
        .filter(|s| s.paragraph >= 1)
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
            title: headline,
            text: ARTICLE_FILE.to_string(),
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
    terms
        .iter()
        .zip(&all)
        .map(|(own, words)| {
            let score = |w: &String| {
                let tf = words.iter().filter(|x| *x == w).count() as f32;
                let df = all.iter().filter(|g| g.contains(w)).count() as f32;
                tf * ((n + 1.0) / df).ln()
            };
            let mut ranked = own.clone();
            ranked.sort_by(|a, b| {
                score(b)
                    .partial_cmp(&score(a))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
            ranked.truncate(ID_WORDS - 1);
            own.iter().filter(|w| ranked.contains(w)).cloned().collect()
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
    }

    #[test]
    fn init_refuses_to_overwrite_without_force() {
        let dir = tempfile::tempdir().expect("temp dir");
        let article = dir.path().join("in.txt");
        std::fs::write(&article, ARTICLE).expect("written");
        let out = dir.path().join("kb");
        let first = init(&article, &out, false).expect("first init");
        assert_eq!(first.facts, 4);
        let again = init(&article, &out, false);
        assert!(matches!(again, Err(InitError::Exists { .. })), "{again:?}");
        assert!(init(&article, &out, true).is_ok());
        assert!(crate::knowledge::load_dir(&out).is_ok());
    }
}
