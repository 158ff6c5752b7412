//! The `citebot` command: a thin shell over the library. It parses the
//! command line, builds the engine and prints what the library returns.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use citebot::chat::{self, Chat, Step};
use citebot::conversation::Conversation;
use citebot::engine::{Engine, MAX_QUESTION_BYTES, Reply};
use citebot::eval::{self, Report};
use citebot::knowledge::{lints, load_dir};
use citebot::questionlog::{Entry, LazyLog, LogSettings, QuestionLog};
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
        /// Log the questions not answered, as the bot does (see `citebot unanswered`).
        #[arg(long)]
        log: bool,
        /// The question (read from standard input when absent).
        question: Vec<String>,
    },
    /// Ask questions at an interactive prompt; follow-ups ("and France?",
    /// "when?") are read with the question before.
    Chat {
        /// Read one message a line from standard input and print one JSON
        /// reply a line (the fields of `ask --json`), keeping the context.
        #[arg(long)]
        json: bool,
    },
    /// Draft a knowledge directory from an article: DIR/article.txt and DIR/knowledge.toml.
    Init {
        /// The article: a title line, then paragraphs separated by blank lines.
        article: PathBuf,
        /// The knowledge directory to write (created if missing).
        dir: PathBuf,
        /// Overwrite an existing knowledge.toml.
        #[arg(long)]
        force: bool,
    },
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
        /// Print each question's best and runner-up scores and why it was decided so (TSV), for calibrating thresholds.
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
    /// List the most-asked questions the bot did not answer, and answers voted 👎.
    Unanswered {
        /// How many questions to list.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print one JSON object per line.
        #[arg(long)]
        json: bool,
    },
    /// Add a question as an intent of a fact, editing knowledge.toml in place.
    Teach {
        /// The question, as people ask it.
        question: String,
        /// The id of the fact that answers it.
        fact: String,
    },
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
        Some(Command::Init {
            article,
            dir,
            force,
        }) => {
            let drafted = citebot::draft::init(&article, &dir, force)?;
            println!(
                "{}: drafted {} in {}; next: citebot check {}, then \
                 citebot --knowledge {} ask --explain \"a question\"",
                drafted.knowledge.display(),
                count(drafted.facts, "fact"),
                count(drafted.topics, "topic"),
                dir.display(),
                dir.display()
            );
            for note in &drafted.notes {
                eprintln!("note: {note}");
            }
            Ok(ExitCode::SUCCESS)
        }
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
            log,
            question,
        }) => {
            let question = question.join(" ");
            if !question.is_empty() && question.trim().is_empty() {
                anyhow::bail!(
                    "the question is blank; give a question, or none to read questions from standard input"
                );
            }
            let engine = setup.engine()?;
            let mut log = LazyLog::new(if log {
                LogSettings::from_env()?
            } else {
                LogSettings::off()
            });
            let mut output = Output {
                json,
                explain,
                log: &mut log,
                source: "ask",
            };
            let code = ask(&engine, &mut output, &question);
            // The process ends here: freeing a large knowledge's many small
            // allocations one by one would only delay the exit.
            std::mem::forget(engine);
            code
        }
        Some(Command::Chat { json }) => chat(
            &setup.engine()?,
            json,
            &mut LazyLog::new(LogSettings::from_env()?),
        ),
        Some(Command::Unanswered { limit, json }) => {
            unanswered(&LogSettings::from_env()?, limit, json)
        }
        Some(Command::Teach { question, fact }) => {
            teach(&setup, &LogSettings::from_env()?, &question, &fact)
        }
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
            out!("{}", render::topic_table(engine.knowledge()));
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
                chat(
                    &setup.engine()?,
                    false,
                    &mut LazyLog::new(LogSettings::from_env()?),
                )
            }
        }
    }
}

fn discord(setup: Setup) -> Result<ExitCode> {
    citebot::discord::run_blocking(setup)?;
    Ok(ExitCode::SUCCESS)
}

/// How `ask` prints and whether it logs.
struct Output<'a> {
    json: bool,
    explain: bool,
    log: &'a mut LazyLog,
    source: &'static str,
}

/// Logs `question` when `reply` declines it; a log that fails is reported
/// and the answers go on.
fn log_reply(
    log: &mut LazyLog,
    engine: &Engine,
    question: &str,
    reply: &Reply,
    source: &'static str,
) {
    if !log.records() {
        return;
    }
    if let Some(entry) = Entry::for_reply(engine, question, reply, source)
        && let Err(error) = log.record(&entry)
    {
        eprintln!("citebot: {error}");
    }
}

fn ask(engine: &Engine, output: &mut Output<'_>, question: &str) -> Result<ExitCode> {
    let (json, explain) = (output.json, output.explain);
    // One buffered writer, flushed before each read that may wait, so a
    // stream is written in large pieces and a conversation through a pipe
    // still sees each answer at once.
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    let mut print = |out: &mut std::io::BufWriter<_>, q: &str| -> std::io::Result<()> {
        let reply = engine.answer(q);
        log_reply(output.log, engine, q, &reply, output.source);
        if json {
            render::write_json(out, q, &reply)?;
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
        let written = print(&mut out, question).and_then(|()| out.flush());
        return Ok(finish(written)?.unwrap_or(ExitCode::SUCCESS));
    }
    let mut input = std::io::BufReader::with_capacity(64 * 1024, std::io::stdin().lock());
    let mut line = Vec::new();
    loop {
        // The next line is not all there: reading may wait, so what is
        // written so far goes out first.
        if !input.buffer().contains(&b'\n')
            && let Some(code) = finish(out.flush())?
        {
            return Ok(code);
        }
        // A line is kept only up to just past the longest question; the rest
        // of a longer one is skipped unread, and the kept part answers "too long".
        if !read_line_capped(&mut input, &mut line, MAX_QUESTION_BYTES + 2)
            .context("reading standard input")?
        {
            break;
        }
        let text = String::from_utf8_lossy(&line);
        let q = text.trim_end_matches('\r');
        if q.trim().is_empty() && !json {
            continue;
        }
        if let Some(code) = finish(print(&mut out, q))? {
            return Ok(code);
        }
    }
    Ok(finish(out.flush())?.unwrap_or(ExitCode::SUCCESS))
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

fn chat(engine: &Engine, json: bool, log: &mut LazyLog) -> Result<ExitCode> {
    if json || !std::io::stdin().is_terminal() {
        return chat_lines(engine, json, log);
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
            Step::Answered(text, reply) => {
                log_reply(log, engine, line, &reply, "chat");
                out!("{text}\n");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The chat without a prompt: one message a line from standard input, one
/// reply (plain, or a JSON line as `ask --json` prints) each, keeping the
/// conversation's context from line to line. Plain replies go through the
/// chat's commands as at the prompt (`/topics`, a suggestion's number,
/// `/quit`); JSON lines are questions only.
fn chat_lines(engine: &Engine, json: bool, log: &mut LazyLog) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let mut conversation = Conversation::new();
    let mut chat = Chat::default();
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut line = Vec::new();
    // As in `ask`: a line is kept only up to just past the longest question.
    while read_line_capped(&mut input, &mut line, MAX_QUESTION_BYTES + 2)
        .context("reading standard input")?
    {
        let line = String::from_utf8_lossy(&line);
        let message = line.trim_end_matches('\r');
        if message.trim().is_empty() && !json {
            continue;
        }
        let written = if json {
            let reply = conversation.ask(engine, message);
            log_reply(log, engine, message, &reply, "chat");
            render::write_json(&mut out, message, &reply)
        } else {
            match chat.step(engine, message.trim()) {
                Step::Quit => break,
                Step::Say(text) => writeln!(out, "{text}"),
                Step::Answered(text, reply) => {
                    log_reply(log, engine, message, &reply, "chat");
                    writeln!(out, "{text}")
                }
            }
        };
        match written {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => break,
            other => other.context("writing the answer")?,
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
    let cited = knowledge
        .facts
        .iter()
        .map(|f| f.sentence)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let vectors = setup.load_vectors()?;
    let engine = match vectors {
        Some(v) => Engine::with_vectors(knowledge, v),
        None => Engine::new(knowledge),
    };
    let collisions = engine.intent_collisions();
    let file = dir.join(citebot::knowledge::KNOWLEDGE_FILE);
    for lint in found.iter().chain(&collisions) {
        out!("warning: {}", lint.in_file(&file));
    }
    let of = if cited < sentences {
        format!("{cited} of {}", count(sentences, "sentence"))
    } else {
        count(sentences, "sentence")
    };
    out!(
        "{}: ok ({} citing {of})",
        dir.display(),
        count(facts, "fact")
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
    let mut text = eval::print::table(&reports);
    if let (false, Some((name, report))) = (quiet, reports.last()) {
        text.push_str(&eval::print::misses(name, report));
    }
    write!(std::io::stdout().lock(), "{text}").context("writing to standard output")?;
    Ok(ExitCode::SUCCESS)
}

fn eval_scores(setup: &Setup, file: &std::path::Path) -> Result<ExitCode> {
    let cases = eval::read_cases(file)?;
    let engine = setup.engine()?;
    out!("{}", eval::print::SCORES_HEADER);
    for row in eval::score_rows(&engine, &cases) {
        out!("{}", eval::print::scores_row(&row));
    }
    Ok(ExitCode::SUCCESS)
}

fn unanswered(settings: &LogSettings, limit: usize, json: bool) -> Result<ExitCode> {
    if !settings.enabled {
        eprintln!("Question logging is off (LOG_QUESTIONS=off): nothing to list.");
        return Ok(ExitCode::SUCCESS);
    }
    let path = settings.db_path();
    if !path.exists() {
        eprintln!(
            "No question logged yet ({} does not exist).",
            path.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let log = QuestionLog::open(&path, settings.retention_days)?;
    let questions = log.unanswered(limit)?;
    let downvoted = log.downvoted(limit)?;
    let mut out = std::io::stdout().lock();
    let written = (|| -> std::io::Result<()> {
        if json {
            for q in &questions {
                let mut value = serde_json::to_value(q).unwrap_or_default();
                value["kind"] = "unanswered".into();
                writeln!(out, "{value}")?;
            }
            for d in &downvoted {
                let mut value = serde_json::to_value(d).unwrap_or_default();
                value["kind"] = "downvoted".into();
                writeln!(out, "{value}")?;
            }
            return Ok(());
        }
        writeln!(out, "{}", render::unanswered(&questions, &downvoted))
    })();
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::new(e).context("writing the list"))
        }
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn teach(setup: &Setup, settings: &LogSettings, question: &str, fact: &str) -> Result<ExitCode> {
    let taught = match citebot::knowledge::teach(&setup.knowledge_dir, question, fact) {
        Ok(taught) => taught,
        Err(error) => {
            eprintln!("citebot teach: {error}");
            return Ok(ExitCode::FAILURE);
        }
    };
    println!(
        "Taught: \"{}\" is now an intent of `{}` ({} intents), in {}.",
        taught.intent,
        taught.fact,
        taught.intents,
        taught.file.display()
    );
    let engine = setup.engine()?;
    match engine.answer(question) {
        Reply::Answered(answer) if answer.fact.as_deref() == Some(taught.fact.as_str()) => {
            println!("Asked now, it is answered with `{}`.", taught.fact)
        }
        reply => println!(
            "Note: asked now, the reply is {} {}: another fact's intents still compete.",
            reply.status(),
            match &reply {
                Reply::Answered(a) => a.fact.clone().unwrap_or_default(),
                _ => String::new(),
            }
        ),
    }
    if settings.enabled && settings.db_path().exists() {
        let log = QuestionLog::open(&settings.db_path(), settings.retention_days)?;
        match log.mark_taught(question, &taught.fact)? {
            0 => {}
            1 => println!("Marked its one logged asking as taught."),
            marked => println!("Marked its {marked} logged askings as taught."),
        }
    }
    Ok(ExitCode::SUCCESS)
}
