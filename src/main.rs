//! The `citebot` command: a thin shell over the library. It parses the
//! command line, builds the engine and prints what the library returns.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use citebot::engine::{Engine, Reply};
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
    /// Ask questions at an interactive prompt.
    Chat,
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

fn main() -> ExitCode {
    let _ = dotenvy::dotenv();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("citebot: {error:#}");
            ExitCode::FAILURE
        }
    }
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
                "{}: drafted {} facts in {} topics; next: citebot check {}",
                drafted.knowledge.display(),
                drafted.facts,
                drafted.topics,
                dir.display()
            );
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
            ask(&engine, &mut output, &question.join(" "))
        }
        Some(Command::Chat) => chat(
            &setup.engine()?,
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
                    Some(topic) => println!("{}\n\n{}", topic.title, topic.summary),
                    None => {
                        let ids: Vec<&str> =
                            knowledge.topics.iter().map(|t| t.id.as_str()).collect();
                        anyhow::bail!("no topic `{name}` (topics: {})", ids.join(", "));
                    }
                },
                None if long => println!("{}", knowledge.summary_long),
                None => println!("{}", knowledge.summary_short),
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
                println!("{:<14} {} ({n} facts)", topic.id, topic.title);
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
            println!("{text}\n  ({})", render::paragraph_label(paragraph));
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
        line.clear();
        let read = input
            .read_until(b'\n', &mut line)
            .context("reading standard input")?;
        if read == 0 {
            break;
        }
        if line.last() == Some(&b'\n') {
            line.pop();
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

fn chat(engine: &Engine, log: &mut LazyLog) -> Result<ExitCode> {
    if !std::io::stdin().is_terminal() {
        let mut output = Output {
            json: false,
            explain: false,
            log,
            source: "chat",
        };
        return ask(engine, &mut output, "");
    }
    let mut editor = rustyline::DefaultEditor::new().context("starting the line editor")?;
    println!(
        "citebot: ask about \"{}\". Type /summary, /topics, /quote N, /help, or /quit.",
        engine.knowledge().meta.title
    );
    let mut offered: Vec<String> = Vec::new();
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
        let knowledge = engine.knowledge();
        let out = match line.split_once(' ').unwrap_or((line, "")) {
            ("/quit" | "/exit", _) => break,
            ("/help", _) => citebot::engine::HELP_TEXT.to_string(),
            ("/summary", "long") => knowledge.summary_long.clone(),
            ("/summary", "") => knowledge.summary_short.clone(),
            ("/summary", topic) => knowledge.topic(topic).map_or_else(
                || format!("No topic `{topic}`; see /topics."),
                |t| t.summary.clone(),
            ),
            ("/topics", _) => knowledge
                .topics
                .iter()
                .map(|t| format!("{:<14} {}", t.id, t.title))
                .collect::<Vec<_>>()
                .join("\n"),
            ("/quote", n) => match n
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|n| Some((n, knowledge.article.paragraph(n)?)))
            {
                Some((n, p)) => format!("{p}\n  ({})", render::paragraph_label(n)),
                None => format!(
                    "The article has paragraphs 0 to {}.",
                    knowledge.article.paragraphs.len().saturating_sub(1)
                ),
            },
            (pick, "")
                if pick
                    .parse::<usize>()
                    .is_ok_and(|n| (1..=offered.len()).contains(&n)) =>
            {
                // A number after "Did you mean" picks that suggestion.
                let n: usize = pick.parse().unwrap_or(1);
                let reply = engine.answer_fact(&offered[n - 1]).map(Reply::Answered);
                offered.clear();
                reply.map_or_else(
                    || "That suggestion is gone; ask again.".to_string(),
                    |r| render::plain(&r),
                )
            }
            _ => {
                let reply = engine.answer(line);
                log_reply(log, engine, line, &reply, "chat");
                offered = match &reply {
                    Reply::Unsure(suggestions) => {
                        suggestions.iter().map(|s| s.fact.clone()).collect()
                    }
                    _ => Vec::new(),
                };
                let mut text = render::plain(&reply);
                if !offered.is_empty() {
                    text.push_str("\n(type a number to pick one)");
                }
                text
            }
        };
        println!("{out}\n");
        std::io::stdout().flush().ok();
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
        println!("warning: {lint}");
    }
    println!(
        "{}: ok ({facts} facts citing {sentences} sentences)",
        dir.display()
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
    print!("{}", eval_table(&reports));
    if !quiet {
        let (name, report) = &reports[reports.len() - 1];
        println!("\nmisses ({name}):");
        for miss in report.misses() {
            let expected = miss
                .case
                .cites
                .first()
                .map_or("(must not answer)".to_string(), |c| shorten(c));
            println!("- {} [{}] {:?}", miss.case.id, miss.case.kind, miss.case.q);
            println!("    expected: {expected}");
            println!(
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
    println!("id\tkind\tanswerable\ttop_correct\ttop\tsecond\tstatus");
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
        println!(
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
        let marked = log.mark_taught(question, &taught.fact)?;
        println!("Marked {marked} logged asking(s) as taught.");
    }
    Ok(ExitCode::SUCCESS)
}
