//! The learning loop from the command line, as an admin runs it: `citebot ask
//! --log` logs what it cannot answer (also from two processes at once),
//! `citebot unanswered` lists it, `citebot teach` adds it to a fact.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

use serde_json::Value;

const QUESTION: &str = "how many pages was the letter";
const FACT: &str = "contents-not-disclosed";
const FACT_QUOTE: &str = "The secretary did not detail what was in the document";

/// `citebot ARGS` on the knowledge in `knowledge`, logging into `data`.
fn spawn(knowledge: &Path, data: &Path, args: &[&str]) -> Child {
    spawn_with(knowledge, data, args, &[])
}

/// The same with more environment variables.
fn spawn_with(knowledge: &Path, data: &Path, args: &[&str], vars: &[(&str, &str)]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_citebot"))
        .arg("--knowledge")
        .arg(knowledge)
        .args(args)
        .env_remove("DISCORD_TOKEN")
        .env_remove("LOG_QUESTIONS")
        .env_remove("LOG_RETENTION_DAYS")
        .env("DATA_DIR", data)
        .env("VECTORS", "off")
        .envs(vars.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("citebot starts")
}

fn finish(mut child: Child, stdin: &[u8]) -> Output {
    if let Some(mut input) = child.stdin.take() {
        // A citebot that stops on an error without reading may have closed
        // the pipe first.
        if let Err(e) = input.write_all(stdin) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "stdin: {e}");
        }
    }
    child.wait_with_output().expect("citebot exits")
}

fn run(knowledge: &Path, data: &Path, args: &[&str]) -> Output {
    finish(spawn(knowledge, data, args), b"")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn knowledge_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    for entry in std::fs::read_dir(shipped).expect("the knowledge directory") {
        let entry = entry.expect("an entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("a copy");
    }
    dir
}

fn unanswered(knowledge: &Path, data: &Path) -> Vec<Value> {
    let o = run(
        knowledge,
        data,
        &["unanswered", "--json", "--limit", "10000"],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    text(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect()
}

#[test]
fn ask_logs_only_with_log_and_teach_makes_the_question_answered() {
    let knowledge = knowledge_copy();
    let data = tempfile::tempdir().expect("a temporary directory");
    let o = run(knowledge.path(), data.path(), &["ask", QUESTION]);
    assert!(o.status.success());
    assert!(
        !data.path().join("citebot.sqlite3").exists(),
        "ask without --log stores nothing"
    );
    let o = finish(
        spawn(knowledge.path(), data.path(), &["ask", "--log"]),
        format!("{QUESTION}\nHow many pages was the letter?\nhow much aid did the us send\n")
            .as_bytes(),
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let list = unanswered(knowledge.path(), data.path());
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["count"], 2);
    assert_eq!(list[0]["question"], "How many pages was the letter?");

    let o = run(knowledge.path(), data.path(), &["teach", QUESTION, FACT]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.contains("it is answered with `contents-not-disclosed`"),
        "{out}"
    );
    let o = run(knowledge.path(), data.path(), &["ask", QUESTION]);
    assert!(text(&o.stdout).contains(FACT_QUOTE), "{}", text(&o.stdout));
    assert!(unanswered(knowledge.path(), data.path()).is_empty());
}

#[test]
fn teach_refuses_a_missing_fact_and_changes_nothing() {
    let knowledge = knowledge_copy();
    let data = tempfile::tempdir().expect("a temporary directory");
    let file = knowledge.path().join("knowledge.toml");
    let before = std::fs::read(&file).expect("the knowledge file");
    let o = run(
        knowledge.path(),
        data.path(),
        &["teach", QUESTION, "contents"],
    );
    assert!(!o.status.success());
    let err = text(&o.stderr);
    assert!(err.contains("there is no fact `contents`"), "{err}");
    assert!(
        err.contains("`contents-not-disclosed`"),
        "a close id is offered: {err}"
    );
    assert_eq!(std::fs::read(&file).expect("the knowledge file"), before);
}

#[test]
fn two_processes_logging_at_once_lose_no_question() {
    let knowledge = knowledge_copy();
    let data = tempfile::tempdir().expect("a temporary directory");
    const EACH: usize = 300;
    let questions = |who: &str| -> String {
        (0..EACH)
            .map(|i| format!("what did the pope say about letter {i} from {who}\n"))
            .collect()
    };
    // Both start before either is given its questions, so they write together.
    let a = spawn(knowledge.path(), data.path(), &["ask", "--log", "--json"]);
    let b = spawn(knowledge.path(), data.path(), &["ask", "--log", "--json"]);
    let (qa, qb) = (questions("alice"), questions("bob"));
    let writer_a = std::thread::spawn(move || finish(a, qa.as_bytes()));
    let writer_b = std::thread::spawn(move || finish(b, qb.as_bytes()));
    let mut declined = 0;
    for output in [writer_a.join(), writer_b.join()] {
        let output = output.expect("a process finished");
        assert!(output.status.success(), "{}", text(&output.stderr));
        assert!(output.stderr.is_empty(), "{}", text(&output.stderr));
        declined += text(&output.stdout)
            .lines()
            .filter(|l| !l.contains("\"status\":\"answered\""))
            .count();
    }
    assert!(declined > EACH, "the questions are mostly unanswerable");
    let logged: u64 = unanswered(knowledge.path(), data.path())
        .iter()
        .filter(|q| q["kind"] == "unanswered")
        .map(|q| q["count"].as_u64().expect("a count"))
        .sum();
    assert_eq!(logged, declined as u64);
}

#[test]
fn chat_logs_what_it_cannot_answer_unless_logging_is_off() {
    let knowledge = knowledge_copy();
    let data = tempfile::tempdir().expect("a temporary directory");
    let o = finish(
        spawn(knowledge.path(), data.path(), &["chat"]),
        format!("{QUESTION}\n").as_bytes(),
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let list = unanswered(knowledge.path(), data.path());
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["question"], QUESTION);

    let off = tempfile::tempdir().expect("a temporary directory");
    let o = finish(
        spawn_with(
            knowledge.path(),
            off.path(),
            &["chat"],
            &[("LOG_QUESTIONS", "off")],
        ),
        format!("{QUESTION}\n").as_bytes(),
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let stored = std::fs::read_dir(off.path())
        .expect("the data directory")
        .count();
    assert_eq!(stored, 0, "LOG_QUESTIONS=off stores nothing");
}
