//! The `citebot` command: a thin shell over the library. It parses the
//! command line, builds the engine and prints what the library returns.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use citebot::chat::{self, Chat, Step};
use citebot::engine::{Engine, MAX_QUESTION_BYTES};
use citebot::eval::{self, Report};
use citebot::knowledge::{lints, load_dir};
use citebot::render;
use citebot::setup::Setup;

/// Answers questions about a news article, always quoting the sentence the answer comes from.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// Knowledge directory (default: $KNOWLEDGE_DIR or ./knowledge).
    #[arg(long, global = true, value_name = "DIR")]
    knowledge: Option<PathBuf>,
    /// Match words only, without word vectors (also: VECTORS=off).
    #[arg(long, global = true)]
    no_vectors: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Answer one question, or every line of standard input.
    Ask {
        /// Print one JSON object per question.
        #[arg(long)]
        json: bool,
        /// Also print the best-scoring facts and their scores.
        #[arg(long)]
        explain: bool,
        /// The question (read from standard input when absent).
        question: Vec<String>,
    },
    /// Ask questions at an interactive prompt.
    Chat,
    /// Validate a knowledge directory and print lints.
    Check {
        /// The directory (default: the --knowledge one).
        dir: Option<PathBuf>,
    },
    /// Score the engine on a JSON Lines question file.
    Eval {
        /// The question file.
        file: PathBuf,
        /// Do not list each miss.
        #[arg(long)]
        quiet: bool,
        /// Print each question's best and runner-up scores (TSV), for calibrating thresholds.
        #[arg(long)]
        scores: bool,
    },
    /// Print the article's summary, or one topic's.
    Summary {
        /// The long summary.
        #[arg(long)]
        long: bool,
        /// A topic id or title.
        topic: Option<String>,
    },
    /// List the article's topics.
    Topics,
    /// Print paragraph N of the article (0 is the headline).
    Quote {
        /// The paragraph number.
        paragraph: usize,
    },
    /// Connect to Discord (needs DISCORD_TOKEN).
    Run,
}

/// Writes a line to standard output. A failed write (above all a closed
/// pipe: `citebot check | head -1`) is returned as an error, which `main`
/// treats as a quiet stop when the pipe was closed.
macro_rules! out {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*).context("writing to standard output")?
    };
}

fn main() -> ExitCode {
    let _ = dotenvy::dotenv();
    citebot::logging::init();
    match run(Cli::parse()) {
        Ok(code) => code,
        // A reader that stopped early (`| head`) is not an error.
        Err(error) if closed_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("citebot: {}", describe(&error));
            ExitCode::FAILURE
        }
    }
}

/// True when the error is standard output's reader having gone away.
fn closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// An error and its causes on one line, each text once: the library's
/// errors often repeat their cause's text (a setup error that is a list of
/// knowledge problems), which would otherwise print the list two or three times.
fn describe(error: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

/// `n` and the noun, singular for one: "1 fact", "2 facts".
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

fn run(cli: Cli) -> Result<ExitCode> {
    let setup = Setup::from_env(cli.knowledge.clone(), cli.no_vectors);
    match cli.command {
        Some(Command::Check { dir }) => check(dir.unwrap_or(setup.knowledge_dir.clone()), &setup),
        Some(Command::Eval {
            file,
            quiet,
            scores: true,
        }) => {
            let _ = quiet;
            eval_scores(&setup, &file)
        }
        Some(Command::Eval {
            file,
            quiet,
            scores: false,
        }) => eval_file(&setup, &file, quiet),
        Some(Command::Ask {
            json,
            explain,
            question,
        }) => {
            let question = question.join(" ");
            if !question.is_empty() && question.trim().is_empty() {
                anyhow::bail!(
                    "the question is blank; give a question, or none to read questions from standard input"
                );
            }
            let engine = setup.engine()?;
            ask(&engine, json, explain, &question)
        }
        Some(Command::Chat) => chat(&setup.engine()?),
        Some(Command::Summary { long, topic }) => {
            let engine = setup.engine()?;
            let knowledge = engine.knowledge();
            match topic {
                Some(name) => match knowledge.topic(&name) {
                    Some(topic) => out!("{}\n\n{}", topic.title, topic.summary),
                    None => {
                        let ids: Vec<&str> =
                            knowledge.topics.iter().map(|t| t.id.as_str()).collect();
                        anyhow::bail!("no topic `{name}` (topics: {})", ids.join(", "));
                    }
                },
                None if long => out!("{}", knowledge.summary_long),
                None => out!("{}", knowledge.summary_short),
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Topics) => {
            let engine = setup.engine()?;
            for topic in &engine.knowledge().topics {
                let n = engine
                    .knowledge()
                    .facts
                    .iter()
                    .filter(|f| f.topic == topic.id)
                    .count();
                out!("{:<14} {} ({})", topic.id, topic.title, count(n, "fact"));
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Quote { paragraph }) => {
            let engine = setup.engine()?;
            let text = engine
                .knowledge()
                .article
                .paragraph(paragraph)
                .with_context(|| format!("the article has no paragraph {paragraph}"))?;
            out!("{text}\n  ({})", render::paragraph_label(paragraph));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Run) => discord(setup),
        None => {
            if std::env::var("DISCORD_TOKEN").is_ok_and(|t| !t.trim().is_empty()) {
                discord(setup)
            } else {
                eprintln!(
                    "No DISCORD_TOKEN set: starting a local chat. To connect to Discord, put DISCORD_TOKEN in .env (see README)."
                );
                chat(&setup.engine()?)
            }
        }
    }
}

fn discord(setup: Setup) -> Result<ExitCode> {
    citebot::discord::run_blocking(setup)?;
    Ok(ExitCode::SUCCESS)
}

fn ask(engine: &Engine, json: bool, explain: bool, question: &str) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let mut print = |q: &str| -> std::io::Result<()> {
        let reply = engine.answer(q);
        if json {
            writeln!(out, "{}", render::json_line(q, &reply))?;
        } else {
            writeln!(out, "{}", render::plain(&reply))?;
        }
        if explain {
            writeln!(out, "{}", engine.explain(q, 5))?;
        }
        Ok(())
    };
    // A reader that stops early (`citebot ask < questions | head`) is not
    // an error.
    let finish = |result: std::io::Result<()>| match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(Some(ExitCode::SUCCESS)),
        Err(e) => Err(anyhow::Error::new(e).context("writing the answer")),
        Ok(()) => Ok(None),
    };
    if !question.trim().is_empty() {
        finish(print(question))?;
        return Ok(ExitCode::SUCCESS);
    }
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut line = Vec::new();
    // A line is kept only up to just past the longest question; the rest of
    // a longer one is skipped unread, and the kept part answers "too long".
    while read_line_capped(&mut input, &mut line, MAX_QUESTION_BYTES + 2)
        .context("reading standard input")?
    {
        let line = String::from_utf8_lossy(&line);
        let q = line.trim_end_matches('\r');
        if q.trim().is_empty() && !json {
            continue;
        }
        if let Some(code) = finish(print(q))? {
            return Ok(code);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads one line of `input` into `line` (without its newline), keeping at
/// most `cap` bytes and skipping the rest of a longer line; false at the end
/// of the input.
fn read_line_capped(
    input: &mut impl BufRead,
    line: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<bool> {
    line.clear();
    let mut any = false;
    loop {
        let buffer = match input.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buffer.is_empty() {
            return Ok(any);
        }
        any = true;
        let (chunk, used, done) = match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => (&buffer[..end], end + 1, true),
            None => (buffer, buffer.len(), false),
        };
        let room = cap.saturating_sub(line.len());
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        input.consume(used);
        if done {
            return Ok(true);
        }
    }
}

fn chat(engine: &Engine) -> Result<ExitCode> {
    if !std::io::stdin().is_terminal() {
        return ask(engine, false, false, "");
    }
    let mut editor = rustyline::DefaultEditor::new().context("starting the line editor")?;
    out!("{}", chat::banner(engine));
    let mut chat = Chat::default();
    loop {
        let line = match editor.readline("> ") {
            Ok(line) => line,
            Err(
                rustyline::error::ReadlineError::Interrupted | rustyline::error::ReadlineError::Eof,
            ) => break,
            Err(e) => return Err(e).context("reading the prompt"),
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let _ = editor.add_history_entry(line);
        match chat.step(engine, line) {
            Step::Quit => break,
            Step::Say(text) => out!("{text}\n"),
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check(dir: PathBuf, setup: &Setup) -> Result<ExitCode> {
    let knowledge = match load_dir(&dir) {
        Ok(k) => k,
        Err(errors) => {
            eprintln!("{errors}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let found = lints(&knowledge);
    let facts = knowledge.facts.len();
    let sentences = knowledge.article.sentences.len();
    let vectors = setup.load_vectors()?;
    let engine = match vectors {
        Some(v) => Engine::with_vectors(knowledge, v),
        None => Engine::new(knowledge),
    };
    let collisions = engine.intent_collisions();
    for lint in found.iter().map(ToString::to_string).chain(collisions) {
        out!("warning: {lint}");
    }
    out!(
        "{}: ok ({} citing {})",
        dir.display(),
        count(facts, "fact"),
        count(sentences, "sentence")
    );
    Ok(ExitCode::SUCCESS)
}

fn eval_file(setup: &Setup, file: &std::path::Path, quiet: bool) -> Result<ExitCode> {
    let cases = eval::read_cases(file)?;
    let combined = setup.engine()?;
    let mut reports: Vec<(&str, Report)> = Vec::new();
    if combined.uses_vectors() {
        let lexical = Setup {
            vectors: None,
            ..setup.clone()
        }
        .engine()?;
        reports.push(("lexical", eval::run(&lexical, &cases)));
        reports.push(("combined", eval::run(&combined, &cases)));
    } else {
        reports.push(("lexical", eval::run(&combined, &cases)));
    }
    write!(std::io::stdout().lock(), "{}", eval_table(&reports))
        .context("writing to standard output")?;
    if !quiet {
        let (name, report) = &reports[reports.len() - 1];
        out!("\nmisses ({name}):");
        for miss in report.misses() {
            let expected = miss
                .case
                .cites
                .first()
                .map_or("(must not answer)".to_string(), |c| shorten(c));
            out!("- {} [{}] {:?}", miss.case.id, miss.case.kind, miss.case.q);
            out!("    expected: {expected}");
            out!(
                "    got:      {} {}",
                miss.status,
                miss.cited.as_deref().map(shorten).unwrap_or_default()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn eval_scores(setup: &Setup, file: &std::path::Path) -> Result<ExitCode> {
    let cases = eval::read_cases(file)?;
    let engine = setup.engine()?;
    out!("id\tkind\tanswerable\ttop_correct\ttop\tsecond\tstatus");
    for case in &cases {
        let status = engine.answer(&case.q).status();
        let (correct, top, second) = match engine.candidates(&case.q, 2) {
            Ok(c) => (
                c.first()
                    .is_some_and(|c| eval::cites_match(&c.sentence, &case.cites)),
                c.first().map_or(0.0, |c| c.score),
                c.get(1).map_or(0.0, |c| c.score),
            ),
            Err(_) => (false, 0.0, 0.0),
        };
        out!(
            "{}\t{}\t{}\t{}\t{top:.3}\t{second:.3}\t{status}",
            case.id,
            case.kind,
            !case.cites.is_empty(),
            correct
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn eval_table(reports: &[(&str, Report)]) -> String {
    let mut out = String::new();
    let header: Vec<String> = reports
        .iter()
        .map(|(name, _)| format!("{name:>16}"))
        .collect();
    out.push_str(&format!("{:<22}{}\n", "", header.join("")));
    let mut kinds: Vec<String> = reports[0].1.per_kind().into_keys().collect();
    kinds.sort();
    let row = |label: &str, f: &dyn Fn(&Report) -> eval::Tally| {
        let cells: Vec<String> = reports
            .iter()
            .map(|(_, r)| {
                let t = f(r);
                format!(
                    "{:>16}",
                    format!("{:.3} ({}/{})", t.rate(), t.right, t.total)
                )
            })
            .collect();
        format!("{label:<22}{}\n", cells.join(""))
    };
    out.push_str(&row("overall accuracy", &|r| r.overall()));
    out.push_str(&row("answered precision", &|r| r.precision()));
    out.push_str(&row("abstain (no answer)", &|r| r.abstention()));
    for kind in kinds {
        out.push_str(&row(&format!("  {kind}"), &|r| {
            r.per_kind().get(&kind).copied().unwrap_or_default()
        }));
    }
    out
}

fn shorten(text: &str) -> String {
    if text.chars().count() > 100 {
        format!("{}…", text.chars().take(100).collect::<String>())
    } else {
        text.to_string()
    }
}
