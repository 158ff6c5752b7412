//! Scoring the engine on a question file: JSON Lines of
//! `{"id","q","cites":[verbatim sentences],"kind"}`, where `cites: []` means
//! the bot must not answer. A citation is right when it names an expected
//! sentence (one contains the other, modulo quotes and white space).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::engine::{Engine, NoAnswer, Reply};
use crate::text::fold_typography;

pub mod print;

/// One question of an evaluation file.
#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    /// Identifier, for reports.
    pub id: String,
    /// The question as a user would type it.
    pub q: String,
    /// Acceptable source sentences; empty when the bot must not answer.
    pub cites: Vec<String>,
    /// Kind of question (plain, paraphrase, casual, typo, keyword, unanswerable, hard);
    /// a line without one counts as "answerable" or "unanswerable" by its cites.
    #[serde(default)]
    pub kind: String,
}

/// A problem reading an evaluation file.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A line is not a valid case.
    #[error("{}:{line}: {message}", path.display())]
    Line {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Reads an evaluation file; blank lines are skipped.
pub fn read_cases(path: &Path) -> Result<Vec<Case>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut cases = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut case: Case = serde_json::from_str(line).map_err(|e| EvalError::Line {
            path: path.to_path_buf(),
            line: i + 1,
            message: e.to_string(),
        })?;
        if case.kind.trim().is_empty() {
            case.kind = unlabelled_kind(&case.cites).to_string();
        }
        cases.push(case);
    }
    Ok(cases)
}

/// The kind a question written without one is counted under, so that an
/// admin's own file still splits into what must be answered and what must
/// not.
fn unlabelled_kind(cites: &[String]) -> &'static str {
    if cites.is_empty() {
        "unanswerable"
    } else {
        "answerable"
    }
}

/// What the engine did with one case.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The case.
    pub case: Case,
    /// The reply's status word.
    pub status: &'static str,
    /// The sentence cited, if the engine answered.
    pub cited: Option<String>,
    /// Why it did not answer, for a reader of the misses: the facts an
    /// unsure reply offered (marking the one citing an expected sentence),
    /// or what kept the engine from answering at all. Empty for answers.
    pub detail: String,
    /// Whether the outcome counts as right.
    pub correct: bool,
}

/// Accuracy figures of one run.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Every outcome, in file order.
    pub outcomes: Vec<Outcome>,
}

/// Right and total counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// How many were right.
    pub right: usize,
    /// How many there were.
    pub total: usize,
}

impl Tally {
    /// right / total, or 0 for no cases.
    pub fn rate(self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.right as f64 / self.total as f64
        }
    }

    fn add(&mut self, right: bool) {
        self.total += 1;
        self.right += usize::from(right);
    }
}

/// True when a cited sentence names one of the expected ones.
pub fn cites_match(cited: &str, expected: &[String]) -> bool {
    let cited = fold_typography(cited);
    expected.iter().any(|e| {
        let e = fold_typography(e);
        !e.is_empty() && (cited.contains(&e) || e.contains(&cited))
    })
}

/// Runs every case through the engine.
pub fn run(engine: &Engine, cases: &[Case]) -> Report {
    let outcomes = cases
        .iter()
        .map(|case| {
            let reply = engine.answer(&case.q);
            let cited = reply.citation().map(|c| c.sentence.clone());
            let correct = match (&reply, case.cites.is_empty()) {
                (Reply::Answered(_), true) => false,
                (_, true) => true,
                (Reply::Answered(a), false) => cites_match(&a.citation.sentence, &case.cites),
                (_, false) => false,
            };
            Outcome {
                case: case.clone(),
                status: reply.status(),
                cited,
                detail: detail(engine, &reply, &case.cites),
                correct,
            }
        })
        .collect();
    Report { outcomes }
}

/// What a reply that is not an answer says about the miss: an unsure
/// reply's offers, "right" after the one citing an expected sentence (so a
/// near miss shows as one), or the reason for declining.
fn detail(engine: &Engine, reply: &Reply, cites: &[String]) -> String {
    match reply {
        Reply::Unsure(offers) => {
            let offers: Vec<String> = offers
                .iter()
                .map(|offer| {
                    let right = engine
                        .answer_fact(&offer.fact)
                        .is_some_and(|a| cites_match(&a.citation.sentence, cites));
                    let mark = if right { ", right" } else { "" };
                    format!("{} ({:.2}{mark})", offer.fact, offer.score)
                })
                .collect();
            format!("offered {}", offers.join(", "))
        }
        Reply::Unknown(NoAnswer::NotMentioned(name)) => {
            format!("the article never mentions {name:?}")
        }
        Reply::Unknown(NoAnswer::NotCovered) => "no fact matched well enough".to_string(),
        Reply::Unknown(NoAnswer::OtherDoer(other)) => {
            format!("the article says {} did it", other.doer)
        }
        Reply::Unknown(other) => format!("{other:?}"),
        Reply::Answered(_) | Reply::Greeting(_) => String::new(),
    }
}

/// How the engine ranked one case, for `citebot eval --scores`: whether
/// its best fact is right even when it does not answer, and how far ahead.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow {
    /// The case's identifier.
    pub id: String,
    /// The case's kind.
    pub kind: String,
    /// Whether the case has an answer in the article.
    pub answerable: bool,
    /// Whether the best-ranked fact cites an expected sentence.
    pub top_correct: bool,
    /// The best fact's score (0 when nothing ranked).
    pub top: f32,
    /// The runner-up's score (0 when there is none).
    pub second: f32,
    /// The reply's status word.
    pub status: &'static str,
    /// Why the reply is what it is, in one word ([`Engine::explain`]'s cause).
    pub cause: String,
}

/// Ranks every case and reads its best two facts.
pub fn score_rows(engine: &Engine, cases: &[Case]) -> Vec<ScoreRow> {
    cases
        .iter()
        .map(|case| {
            let (top_correct, top, second) = match engine.candidates(&case.q, 2) {
                Ok(c) => (
                    c.first()
                        .is_some_and(|c| cites_match(&c.sentence, &case.cites)),
                    c.first().map_or(0.0, |c| c.score),
                    c.get(1).map_or(0.0, |c| c.score),
                ),
                Err(_) => (false, 0.0, 0.0),
            };
            ScoreRow {
                id: case.id.clone(),
                kind: case.kind.clone(),
                answerable: !case.cites.is_empty(),
                top_correct,
                top,
                second,
                status: engine.answer(&case.q).status(),
                cause: engine.explain(&case.q, 0).cause,
            }
        })
        .collect()
}

impl Report {
    /// Accuracy over all cases.
    pub fn overall(&self) -> Tally {
        let mut t = Tally::default();
        self.outcomes.iter().for_each(|o| t.add(o.correct));
        t
    }

    /// Accuracy per kind, in name order.
    pub fn per_kind(&self) -> BTreeMap<String, Tally> {
        let mut kinds: BTreeMap<String, Tally> = BTreeMap::new();
        for o in &self.outcomes {
            kinds.entry(o.case.kind.clone()).or_default().add(o.correct);
        }
        kinds
    }

    /// Of the questions answered, how many cited a right sentence.
    pub fn precision(&self) -> Tally {
        let mut t = Tally::default();
        self.outcomes
            .iter()
            .filter(|o| o.status == "answered")
            .for_each(|o| t.add(o.correct));
        t
    }

    /// Of the questions that must not be answered, how many were not.
    pub fn abstention(&self) -> Tally {
        let mut t = Tally::default();
        self.outcomes
            .iter()
            .filter(|o| o.case.cites.is_empty())
            .for_each(|o| t.add(o.correct));
        t
    }

    /// The outcomes counted wrong.
    pub fn misses(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| !o.correct)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citation_matches_modulo_quotes_and_containment() {
        let expected = vec!["Kyiv’s Mayor said “no.”".to_string()];
        assert!(cites_match("Kyiv's Mayor said \"no.\"", &expected));
        assert!(cites_match("Kyiv’s Mayor said", &expected));
        assert!(!cites_match("Berlin said yes.", &expected));
        assert!(!cites_match("anything", &[]));
    }

    /// The shipped knowledge, as a reader of `citebot eval` uses it.
    fn shipped() -> Engine {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
        Engine::new(crate::knowledge::load_dir(&dir).unwrap_or_else(|e| panic!("{e}")))
    }

    fn case(q: &str, cites: &[&str]) -> Case {
        Case {
            id: "1".to_string(),
            q: q.to_string(),
            cites: cites.iter().map(|c| c.to_string()).collect(),
            kind: "plain".to_string(),
        }
    }

    #[test]
    fn a_miss_says_what_was_offered_and_which_offer_was_right() {
        let engine = shipped();
        let Reply::Unsure(offers) = engine.answer("germany") else {
            panic!("\"germany\" is vague enough to be unsure");
        };
        let second = engine
            .answer_fact(&offers[1].fact)
            .unwrap_or_else(|| panic!("{} is a fact", offers[1].fact));
        let report = run(
            &engine,
            &[case("germany", &[second.citation.sentence.as_str()])],
        );
        let detail = &report.outcomes[0].detail;
        assert!(detail.starts_with("offered "), "{detail}");
        assert!(
            detail.contains(&format!("{} (", offers[0].fact)),
            "{detail}"
        );
        assert_eq!(detail.matches(", right)").count(), 1, "{detail}");
        assert!(
            detail.contains(&format!(
                "{} ({:.2}, right)",
                offers[1].fact, offers[1].score
            )),
            "{detail}"
        );
    }

    #[test]
    fn a_declined_miss_says_why() {
        let engine = shipped();
        let report = run(
            &engine,
            &[
                case("what is the capital of peru", &["Lima is the capital."]),
                case("who won the football match yesterday", &["Anna won."]),
            ],
        );
        let details: Vec<&str> = report.outcomes.iter().map(|o| o.detail.as_str()).collect();
        assert_eq!(
            details,
            [
                "the article never mentions \"peru\"",
                "no fact matched well enough"
            ]
        );
    }

    #[test]
    fn questions_written_without_a_kind_are_split_by_whether_they_cite() {
        let path =
            std::env::temp_dir().join(format!("citebot-eval-kinds-{}.jsonl", std::process::id()));
        let lines = concat!(
            r#"{"id":"1","q":"who won?","cites":["Anna won."]}"#,
            "\n",
            r#"{"id":"2","q":"who lost?","cites":[]}"#,
            "\n",
            r#"{"id":"3","q":"why?","cites":[],"kind":"why"}"#,
            "\n"
        );
        std::fs::write(&path, lines).unwrap_or_else(|e| panic!("{e}"));
        let cases = read_cases(&path);
        let _ = std::fs::remove_file(&path);
        let kinds: Vec<String> = cases
            .unwrap_or_else(|e| panic!("{e}"))
            .into_iter()
            .map(|c| c.kind)
            .collect();
        assert_eq!(kinds, ["answerable", "unanswerable", "why"]);
    }
}
