//! `citebot eval`'s text: the table of figures, lexical and combined side
//! by side, the misses under it, and the one-line-a-question `--scores`
//! rows for scripts.

use std::fmt::Write as _;

use super::{Report, ScoreRow, Tally};

/// Width of one figure column.
const COLUMN: usize = 16;

/// Width of the row labels.
const LABEL: usize = 22;

/// Longest expected or cited sentence shown in a miss, in characters.
const SHOWN: usize = 100;

/// The figures of each named run side by side: overall accuracy, answered
/// precision, abstention, then one row a question kind (in name order).
pub fn table(reports: &[(&str, Report)]) -> String {
    let mut out = String::new();
    let header: String = reports
        .iter()
        .map(|(name, _)| format!("{name:>COLUMN$}"))
        .collect();
    let _ = writeln!(out, "{:<LABEL$}{header}", "");
    let row = |out: &mut String, label: &str, figure: &dyn Fn(&Report) -> Tally| {
        let cells: String = reports
            .iter()
            .map(|(_, r)| {
                let t = figure(r);
                format!(
                    "{:>COLUMN$}",
                    format!("{:.3} ({}/{})", t.rate(), t.right, t.total)
                )
            })
            .collect();
        let _ = writeln!(out, "{label:<LABEL$}{cells}");
    };
    row(&mut out, "overall accuracy", &|r| r.overall());
    row(&mut out, "answered precision", &|r| r.precision());
    row(&mut out, "abstain (no answer)", &|r| r.abstention());
    let kinds: Vec<String> = reports
        .first()
        .map(|(_, r)| r.per_kind().into_keys().collect())
        .unwrap_or_default();
    for kind in kinds {
        row(&mut out, &format!("  {kind}"), &|r| {
            r.per_kind().get(&kind).copied().unwrap_or_default()
        });
    }
    out
}

/// The questions a run got wrong, each with the sentence expected and what
/// came instead: the sentence cited, or why nothing was (see
/// [`super::Outcome::detail`]).
pub fn misses(name: &str, report: &Report) -> String {
    let mut out = format!("\nmisses ({name}):\n");
    for miss in report.misses() {
        let expected = miss
            .case
            .cites
            .first()
            .map_or("(must not answer)".to_string(), |c| shorten(c));
        let _ = writeln!(
            out,
            "- {} [{}] {:?}",
            miss.case.id, miss.case.kind, miss.case.q
        );
        let _ = writeln!(out, "    expected: {expected}");
        let _ = match &miss.cited {
            Some(cited) => writeln!(out, "    got:      {} {}", miss.status, shorten(cited)),
            None => writeln!(out, "    got:      {}: {}", miss.status, miss.detail),
        };
    }
    out
}

/// The header of the `--scores` rows.
pub const SCORES_HEADER: &str = "id\tkind\tanswerable\ttop_correct\ttop\tsecond\tstatus\tcause";

/// One `--scores` row, tab-separated in [`SCORES_HEADER`]'s order.
pub fn scores_row(row: &ScoreRow) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{:.3}\t{:.3}\t{}\t{}",
        row.id,
        row.kind,
        row.answerable,
        row.top_correct,
        row.top,
        row.second,
        row.status,
        row.cause
    )
}

/// `text` cut to [`SHOWN`] characters, with an ellipsis when cut.
fn shorten(text: &str) -> String {
    if text.chars().count() > SHOWN {
        format!("{}…", text.chars().take(SHOWN).collect::<String>())
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{Case, Outcome};

    fn outcome(id: &str, cites: &[&str], status: &'static str, correct: bool) -> Outcome {
        Outcome {
            case: Case {
                id: id.to_string(),
                q: format!("question {id}?"),
                cites: cites.iter().map(|c| c.to_string()).collect(),
                kind: if cites.is_empty() {
                    "unanswerable"
                } else {
                    "plain"
                }
                .to_string(),
            },
            status,
            cited: (status == "answered").then(|| "Anna won the race.".to_string()),
            detail: if status == "unsure" {
                "offered race (0.41, right)".to_string()
            } else {
                String::new()
            },
            correct,
        }
    }

    fn report() -> Report {
        Report {
            outcomes: vec![
                outcome("1", &["Anna won the race."], "answered", true),
                outcome("2", &["Bo came second."], "unsure", false),
                outcome("3", &[], "answered", false),
                outcome("4", &[], "unknown", true),
            ],
        }
    }

    #[test]
    fn the_table_puts_each_run_in_its_column_and_each_kind_on_its_row() {
        let text = table(&[("lexical", report()), ("combined", report())]);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].ends_with("lexical        combined"), "{text}");
        assert!(lines[1].starts_with("overall accuracy"), "{text}");
        assert_eq!(lines[1].matches("0.500 (2/4)").count(), 2, "{text}");
        assert!(lines[2].contains("0.500 (1/2)"), "precision: {text}");
        assert!(lines[3].contains("0.500 (1/2)"), "abstention: {text}");
        assert!(lines[4].starts_with("  plain") && lines[4].contains("0.500 (1/2)"));
        assert!(lines[5].starts_with("  unanswerable"), "{text}");
    }

    #[test]
    fn the_misses_show_what_came_instead() {
        let text = misses("combined", &report());
        assert!(text.starts_with("\nmisses (combined):\n"), "{text}");
        assert!(!text.contains("- 1 "), "a right answer is no miss: {text}");
        assert!(text.contains("- 2 [plain] \"question 2?\"\n    expected: Bo came second.\n    got:      unsure: offered race (0.41, right)\n"), "{text}");
        assert!(text.contains("- 3 [unanswerable] \"question 3?\"\n    expected: (must not answer)\n    got:      answered Anna won the race.\n"), "{text}");
        assert!(!text.contains("- 4 "), "{text}");
    }

    #[test]
    fn a_long_sentence_is_cut_with_an_ellipsis() {
        let long = "word ".repeat(40);
        let cut = shorten(&long);
        assert_eq!(cut.chars().count(), SHOWN + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(shorten("short"), "short");
    }
}
