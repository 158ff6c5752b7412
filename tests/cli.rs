//! The `citebot` command as a user runs it: answers, JSON output, checks of
//! broken knowledge, and hostile questions.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// `citebot ARGS` started with piped standard streams, no token, vectors off.
fn spawn(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_citebot"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("DISCORD_TOKEN")
        .env_remove("KNOWLEDGE_DIR")
        .env("VECTORS", "off")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("citebot starts")
}

fn citebot(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = spawn(args);
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin).expect("stdin written");
    }
    child.wait_with_output().expect("citebot exits")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn ask_prints_the_answer_the_quote_and_the_paragraph() {
    let o = citebot(&["ask", "how much aid did the us send?"], b"");
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains("> The U.S. has provided an estimated $200 million"),
        "{out}"
    );
    assert!(out.contains("(paragraph 14)"), "{out}");
}

#[test]
fn ask_json_reads_stdin_one_object_per_line() {
    let o = citebot(
        &["ask", "--json"],
        b"how much aid did the us send?\ndid anyone catch the game last night\n\n",
    );
    assert!(o.status.success());
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["status"], "answered");
    assert_eq!(lines[0]["citation"]["paragraph"], 14);
    assert!(lines[0]["fact"].is_string());
    assert_ne!(lines[1]["status"], "answered");
    assert!(lines[1]["citation"].is_null());
    assert_eq!(
        lines[2]["status"], "unknown",
        "an empty line is answered, not skipped, in JSON mode"
    );
    for key in [
        "question",
        "status",
        "fact",
        "answer",
        "citation",
        "score",
        "suggestions",
    ] {
        assert!(lines[0].get(key).is_some(), "missing {key}");
    }
}

#[test]
fn hostile_questions_get_a_reply_not_a_crash() {
    let huge = "why ".repeat(25_000);
    let o = citebot(&["ask", &huge], b"");
    assert!(o.status.success());
    assert!(stdout(&o).contains("too long"));
    let o = citebot(&["ask", "--json"], b"\x00\x01\x02\xff\xfe binary\n");
    assert!(o.status.success());
    assert!(stdout(&o).contains("\"status\":\"unknown\""));
}

#[test]
fn check_passes_on_the_shipped_knowledge() {
    let o = citebot(&["check"], b"");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("ok ("));
}

#[test]
fn check_fails_on_a_broken_file_naming_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    std::fs::copy(src.join("article.txt"), dir.path().join("article.txt")).expect("copy article");
    let toml = std::fs::read_to_string(src.join("knowledge.toml")).expect("read knowledge");
    let broken = toml.replacen("topic = ", "topik = ", 1);
    std::fs::write(dir.path().join("knowledge.toml"), broken).expect("write knowledge");
    let o = citebot(&["check", dir.path().to_str().expect("utf-8 path")], b"");
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(err.contains("knowledge.toml:"), "{err}");
    assert!(err.contains("unknown field `topik`"), "{err}");
    assert!(err.contains("missing field `topic`"), "{err}");
}

#[test]
fn a_missing_knowledge_directory_is_a_clear_error() {
    let o = citebot(&["--knowledge", "/nonexistent", "ask", "hi"], b"");
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("/nonexistent/knowledge.toml: file not found")
    );
}

#[test]
fn summary_topics_and_quote_print_the_knowledge() {
    let o = citebot(&["summary", "--long"], b"");
    assert!(o.status.success() && stdout(&o).len() > 200);
    let o = citebot(&["topics"], b"");
    assert!(stdout(&o).lines().count() >= 3);
    let o = citebot(&["quote", "0"], b"");
    assert!(
        stdout(&o)
            .contains("US delivers written response to Russian demands amid Ukraine tensions")
    );
    let o = citebot(&["quote", "999"], b"");
    assert!(!o.status.success());
}

#[test]
fn without_a_token_the_program_starts_a_local_chat() {
    let o = citebot(&[], b"how much aid did the us send?\n");
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("No DISCORD_TOKEN set"));
    assert!(stdout(&o).contains("$200 million"));
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // `citebot ask < questions.txt | head -1`: the pipe closes after the
    // first answer; citebot must stop quietly, not panic.
    let mut child = spawn(&["ask"]);
    let questions = "how much aid did the us send\n".repeat(20_000);
    let writer = child.stdin.take().map(|mut input| {
        std::thread::spawn(move || {
            // citebot may stop reading first: a failed write is expected.
            let _ = input.write_all(questions.as_bytes());
        })
    });
    let mut first = [0u8; 16];
    let mut out = child.stdout.take().expect("stdout piped");
    std::io::Read::read_exact(&mut out, &mut first).expect("a first answer");
    drop(out);
    let o = child.wait_with_output().expect("citebot exits");
    if let Some(writer) = writer {
        let _ = writer.join();
    }
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{:?}: {err}", o.status);
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn init_drafts_knowledge_that_checks_answers_and_is_not_overwritten() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let article = tmp.path().join("story.txt");
    std::fs::write(
        &article,
        "The Zorblat Engine\n\nThe Zorblat engine was built by Mira Quell in 1987. \
         It turns 40 brass gears.\n\nThe engine is kept in the museum of Vantor, \
         which opens on Sundays.\n",
    )
    .expect("article written");
    let dir = tmp.path().join("kb");
    let (article, dir_arg) = (
        article.to_str().expect("utf-8 path"),
        dir.to_str().expect("utf-8 path"),
    );

    let o = citebot(&["init", article, dir_arg], b"");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("drafted 4 facts"), "{}", stdout(&o));
    let drafted = std::fs::read_to_string(dir.join("knowledge.toml")).expect("knowledge written");
    assert!(drafted.starts_with("# DRAFT"), "{drafted}");
    assert!(dir.join("article.txt").exists());

    let o = citebot(&["check", dir_arg], b"");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        stdout(&o).contains("ok (4 facts citing 4 sentences)"),
        "{}",
        stdout(&o)
    );

    let o = citebot(
        &[
            "--knowledge",
            dir_arg,
            "ask",
            "who built the zorblat engine?",
        ],
        b"",
    );
    assert!(
        stdout(&o).contains("> The Zorblat engine was built by Mira Quell in 1987."),
        "{}",
        stdout(&o)
    );

    std::fs::write(dir.join("knowledge.toml"), "# my edits\n").expect("edited");
    let o = citebot(&["init", article, dir_arg], b"");
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("already exists; pass --force"), "{err}");
    let kept = std::fs::read_to_string(dir.join("knowledge.toml")).expect("still there");
    assert_eq!(kept, "# my edits\n", "the admin's file is untouched");

    let o = citebot(&["init", "--force", article, dir_arg], b"");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
