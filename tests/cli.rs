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
        // A citebot that stops on an error without reading its input may
        // have closed the pipe before this write; what it printed is what
        // the test reads.
        if let Err(e) = input.write_all(stdin) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "stdin: {e}");
        }
    }
    child.wait_with_output().expect("citebot exits")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Runs a binary the test has just copied. While the copy is written,
/// another test's thread may fork a child that inherits the open file for a
/// moment; running the copy then fails with "text file busy" until that
/// child has started its own program, so the run is tried again (an event
/// to wait for, not a timing to assert).
fn output_of_copy(command: &mut Command) -> Output {
    for _ in 0..200 {
        match command.output() {
            Err(e) if e.kind() == std::io::ErrorKind::ExecutableFileBusy => {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            result => return result.expect("the copy runs"),
        }
    }
    panic!("the copied binary stayed busy for 10 s");
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
fn a_piped_chat_takes_the_chat_commands() {
    let o = citebot(&[], b"/topics\n/quit\nhow much aid did the us send?\n");
    assert!(o.status.success());
    let said = stdout(&o);
    assert!(said.contains("Aid to Ukraine"), "{said}");
    // Nothing after /quit is answered.
    assert!(!said.contains("$200 million"), "{said}");
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

/// The JSON replies of `citebot chat --json` to a dialogue, one message a line.
fn chat_json(messages: &[&str]) -> Vec<serde_json::Value> {
    let input = messages.join("\n") + "\n";
    let o = citebot(&["chat", "--json"], input.as_bytes());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), messages.len(), "one reply a message");
    lines
}

/// The cited sentence of a JSON reply, or "" when it cites none.
fn cited(reply: &serde_json::Value) -> &str {
    reply["citation"]["sentence"].as_str().unwrap_or("")
}

#[test]
fn chat_json_answers_follow_ups_from_the_context() {
    let replies = chat_json(&[
        "how many helmets did germany offer?",
        "when?",
        "who delivered the document to moscow?",
        "who is he?",
    ]);
    for (reply, key) in replies.iter().zip(["question", "status", "fact", "answer"]) {
        assert!(reply.get(key).is_some(), "missing {key}: {reply}");
    }
    assert_eq!(
        replies[0]["question"],
        "how many helmets did germany offer?"
    );
    assert!(cited(&replies[0]).contains("5,000 military helmets"));
    assert_eq!(replies[1]["question"], "when?");
    assert_eq!(replies[1]["status"], "answered", "{}", replies[1]);
    assert!(
        replies[1]["answer"]
            .as_str()
            .is_some_and(|a| a.contains("Wednesday")),
        "{}",
        replies[1]
    );
    assert!(cited(&replies[2]).contains("John Sullivan"));
    // "he" is the ambassador named in the previous answer.
    assert!(
        replies[3]["answer"]
            .as_str()
            .is_some_and(|a| a.contains("Ambassador")),
        "{}",
        replies[3]
    );
}

#[test]
fn chat_json_declines_follow_ups_the_article_does_not_answer() {
    let replies = chat_json(&[
        "did germany block estonia from sending weapons?",
        "why?",
        "how many helmets did germany offer?",
        "and France?",
    ]);
    assert_eq!(replies[0]["status"], "answered");
    // The article gives no reason for the block, as for the full question.
    assert_ne!(replies[1]["status"], "answered", "{}", replies[1]);
    let full = chat_json(&["why did germany block estonia from sending weapons?"]);
    assert_ne!(full[0]["status"], "answered", "{}", full[0]);
    // France in Germany's place: the article never mentions France.
    assert_eq!(replies[3]["status"], "unknown", "{}", replies[3]);
    assert!(
        replies[3]["answer"]
            .as_str()
            .is_some_and(|a| a.contains("does not mention France")),
        "{}",
        replies[3]
    );
}

#[test]
fn chat_json_bare_follow_ups_without_context_are_not_answered() {
    for reply in chat_json(&["when?", "why?", "and Germany?", "who is she?"]) {
        assert_ne!(reply["status"], "answered", "{reply}");
    }
}

#[test]
fn yes_and_no_are_only_for_yes_no_questions() {
    let replies = chat_json(&[
        "what are javelins",
        "did the us send javelins?",
        "did Germany send Javelins?",
    ]);
    let answer = |i: usize| replies[i]["answer"].as_str().unwrap_or("").to_string();
    assert_eq!(replies[0]["status"], "answered");
    assert!(!answer(0).starts_with("Yes"), "{}", answer(0));
    assert!(answer(0).contains("Javelin missiles"), "{}", answer(0));
    assert!(answer(1).starts_with("Yes, "), "{}", answer(1));
    // The wrong doer: the reply says who did and cites the sentence.
    assert_ne!(replies[2]["status"], "answered");
    assert!(
        answer(2).starts_with("The U.S., not Germany"),
        "{}",
        answer(2)
    );
    assert!(
        cited(&replies[2]).contains("Javelin missiles"),
        "{}",
        replies[2]
    );
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
    // The next steps name the drafted directory, not the default one.
    assert!(
        stdout(&o).contains(&format!("citebot --knowledge {dir_arg} ask --explain")),
        "{}",
        stdout(&o)
    );
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

#[test]
fn a_closed_output_pipe_stops_every_command_quietly() {
    for args in [
        &["check"][..],
        &["quote", "3"],
        &["summary", "--long"],
        &["topics"],
        &["eval", "examples/questions.jsonl"],
        &["chat"],
    ] {
        // The reading end is closed before citebot writes a byte.
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let mut command = Command::new(env!("CARGO_BIN_EXE_citebot"));
        command
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("DISCORD_TOKEN")
            .env_remove("KNOWLEDGE_DIR")
            .env("VECTORS", "off")
            .stdin(Stdio::piped())
            .stdout(writer)
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("citebot starts");
        if let Some(mut input) = child.stdin.take() {
            let _ = input.write_all(b"how much aid did the us send?\n");
        }
        let o = child.wait_with_output().expect("citebot exits");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(o.status.success(), "{args:?}: {:?} {err}", o.status);
    }
}

#[test]
fn a_start_up_error_is_printed_once() {
    for args in [
        &["ask", "hi"][..],
        &["summary"],
        &["topics"],
        &["quote", "1"],
        &["chat"],
        &["eval", "examples/questions.jsonl"],
        &["run"],
    ] {
        let mut command = Command::new(env!("CARGO_BIN_EXE_citebot"));
        command
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env(
                "DISCORD_TOKEN",
                "MTAwMDAwMDAwMDAwMDAwMDAx.Gx7aZb.not-a-real-token",
            )
            .env("KNOWLEDGE_DIR", "/nonexistent")
            .env("VECTORS", "off")
            .stdin(Stdio::null());
        let o = command.output().expect("citebot runs");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "{args:?}");
        assert_eq!(
            err.matches("knowledge.toml: file not found").count(),
            1,
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_blank_question_argument_is_an_error_not_a_read_of_stdin() {
    let o = citebot(&["ask", "   "], b"how much aid did the us send?\n");
    assert!(!o.status.success());
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("the question is blank"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn explain_applies_the_length_limit_too() {
    let long = "ukraine ".repeat(200);
    let o = citebot(&["ask", "--explain", &long], b"");
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("too long"), "{out}");
    assert!(
        !out.contains("ukraine:"),
        "a too-long question is not weighed: {out}"
    );
    assert!(out.contains("not read as a question: TooLong"), "{out}");
}

#[test]
fn an_overlong_input_line_is_answered_too_long_without_keeping_it() {
    let mut input = "why ".repeat(1_000_000).into_bytes();
    input.extend_from_slice(b"\nhow much aid did the us send?\n");
    let o = citebot(&["ask", "--json"], &input);
    assert!(o.status.success());
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 2, "the rest of the long line is skipped");
    assert!(
        lines[0]["answer"]
            .as_str()
            .is_some_and(|a| a.contains("too long"))
    );
    let kept = lines[0]["question"].as_str().map_or(0, str::len);
    assert!(kept <= 1002, "kept {kept} bytes of a 4 MB line");
    assert_eq!(lines[1]["status"], "answered");
}

#[test]
fn json_output_escapes_unicode_line_separators() {
    let o = citebot(
        &["ask", "--json"],
        "how much aid\u{2028}did the\u{2029}us\u{85}send?\n".as_bytes(),
    );
    assert!(o.status.success());
    let out = stdout(&o);
    for separator in ['\u{2028}', '\u{2029}', '\u{85}'] {
        assert!(!out.contains(separator), "raw {separator:?} in {out:?}");
    }
    assert!(out.contains("\\u2028") && out.contains("\\u2029") && out.contains("\\u0085"));
    let line: serde_json::Value = serde_json::from_str(out.trim_end()).expect("one JSON line");
    assert_eq!(
        line["question"],
        "how much aid\u{2028}did the\u{2029}us\u{85}send?"
    );
}

/// A knowledge directory for a one-paragraph article about a library:
/// its body is "The library opened on Monday." and then `more_text`, and
/// its knowledge one fact citing that first sentence, then `more_facts`.
fn library_dir(more_text: &str, more_facts: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("article.txt"),
        format!("Town opens a library\n\nThe library opened on Monday.{more_text}\n"),
    )
    .expect("write article");
    let knowledge = r#"[article]
title = "Town opens a library"

[summary]
short = "A library opened."
long = "A library opened in town."

[topics.library]
title = "The library"
summary = "It opened."

[[fact]]
id = "opened"
topic = "library"
intents = ["when did the library open"]
answer = "On Monday."
source = "The library opened on Monday."
"#;
    std::fs::write(
        dir.path().join("knowledge.toml"),
        format!("{knowledge}{more_facts}"),
    )
    .expect("write knowledge");
    dir
}

#[test]
fn check_counts_in_the_singular_for_one() {
    let dir = library_dir("", "");
    let o = citebot(&["check", dir.path().to_str().expect("utf-8 path")], b"");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("ok (1 fact citing "), "{}", stdout(&o));
}

#[test]
fn a_copied_binary_answers_as_in_the_tree_with_its_built_in_vectors() {
    let question = "did biden have a hand in writing the response";
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // In the tree, with the vector file named explicitly.
    let in_tree = Command::new(env!("CARGO_BIN_EXE_citebot"))
        .args(["ask", "--json", question])
        .current_dir(root)
        .env_remove("DISCORD_TOKEN")
        .env_remove("VECTORS")
        .env("KNOWLEDGE_DIR", root.join("knowledge"))
        .env("VECTORS_PATH", root.join("assets/glove-6b-50d-50k.i8"))
        .output()
        .expect("citebot runs");
    assert!(
        in_tree.status.success(),
        "{}",
        String::from_utf8_lossy(&in_tree.stderr)
    );
    // A copy elsewhere, run from a directory with no assets.
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let copy = elsewhere.path().join("citebot");
    std::fs::copy(env!("CARGO_BIN_EXE_citebot"), &copy).expect("copy the binary");
    let copied = output_of_copy(
        Command::new(&copy)
            .args(["ask", "--json", question])
            .current_dir(elsewhere.path())
            .env_remove("DISCORD_TOKEN")
            .env_remove("VECTORS")
            .env_remove("VECTORS_PATH")
            .env("KNOWLEDGE_DIR", root.join("knowledge")),
    );
    assert!(
        copied.status.success(),
        "{}",
        String::from_utf8_lossy(&copied.stderr)
    );
    assert_eq!(stdout(&copied), stdout(&in_tree));
    // VECTORS_PATH still overrides the built-in vectors.
    let missing = output_of_copy(
        Command::new(&copy)
            .args(["ask", question])
            .current_dir(elsewhere.path())
            .env_remove("VECTORS")
            .env("KNOWLEDGE_DIR", root.join("knowledge"))
            .env("VECTORS_PATH", elsewhere.path().join("no-such-vectors.i8")),
    );
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no-such-vectors.i8"));
}

#[test]
fn with_no_knowledge_directory_a_copied_binary_answers_from_its_built_in_sample() {
    let question = "how much aid did the us send";
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let copy = elsewhere.path().join("citebot");
    std::fs::copy(env!("CARGO_BIN_EXE_citebot"), &copy).expect("copy the binary");
    let run = |knowledge_dir: Option<&Path>| {
        let mut command = Command::new(&copy);
        command
            .args(["ask", "--json", question])
            .current_dir(elsewhere.path())
            .env_remove("DISCORD_TOKEN")
            .env_remove("KNOWLEDGE_DIR")
            .env("VECTORS", "off");
        if let Some(dir) = knowledge_dir {
            command.env("KNOWLEDGE_DIR", dir);
        }
        output_of_copy(&mut command)
    };
    let built_in = run(None);
    assert!(
        built_in.status.success(),
        "{}",
        String::from_utf8_lossy(&built_in.stderr)
    );
    assert!(
        String::from_utf8_lossy(&built_in.stderr).contains("built-in sample article"),
        "the admin is told where the answers come from: {}",
        String::from_utf8_lossy(&built_in.stderr)
    );
    let in_tree = run(Some(&root.join("knowledge")));
    assert_eq!(stdout(&built_in), stdout(&in_tree));
    // A directory the admin names is never replaced by the sample.
    let named = run(Some(&elsewhere.path().join("no-such-dir")));
    assert!(!named.status.success());
    assert!(String::from_utf8_lossy(&named.stderr).contains("no-such-dir"));
}

#[test]
fn init_refuses_an_article_that_is_not_a_readable_text_file() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("kb");
    let dir_arg = dir.to_str().expect("utf-8 path");
    let not_files = [
        tmp.path().to_str().expect("utf-8 path").to_string(),
        // A device that never ends: read whole, it would exhaust memory.
        "/dev/zero".to_string(),
        tmp.path().join("missing.txt").display().to_string(),
    ];
    for article in &not_files {
        if !Path::new(article).exists() && article.starts_with("/dev") {
            continue;
        }
        let o = citebot(&["init", article, dir_arg], b"");
        assert!(!o.status.success(), "{article}");
        let said = String::from_utf8_lossy(&o.stderr);
        assert!(said.contains("cannot read the article"), "{said}");
        assert!(said.contains(article.as_str()), "{said}");
        assert!(!dir.join("knowledge.toml").exists());
    }
}

#[test]
fn eval_scores_says_why_each_question_was_decided_so() {
    let o = citebot(&["eval", "--scores", "examples/questions.jsonl"], b"");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("id\tkind\tanswerable\ttop_correct\ttop\tsecond\tstatus\tcause")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(!rows.is_empty());
    for row in &rows {
        assert_eq!(row.len(), 8, "{row:?}");
        let (status, cause) = (row[6], row[7]);
        // An answer is answered for that reason alone; a reply that is not
        // names what held it back.
        assert_eq!(status == "answered", cause == "answered", "{row:?}");
        if status == "unsure" {
            assert!(
                [
                    "weak-match",
                    "near-tie",
                    "other-doer",
                    "other-speaker",
                    "sibling-borrowed"
                ]
                .contains(&cause),
                "{row:?}"
            );
        }
    }
    assert!(rows.iter().any(|r| r[7] == "answered"), "{out}");
}

#[test]
fn check_warnings_name_the_file_in_its_directory() {
    let dir = library_dir(
        " It has a cafe.",
        r#"
[[fact]]
id = "cafe"
topic = "library"
intents = ["when did the library open", "does the library have a cafe"]
answer = "It has a cafe."
source = "It has a cafe."
"#,
    );
    let path = dir.path().to_str().expect("utf-8 path");
    let o = citebot(&["check", path], b"");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    let warnings: Vec<&str> = out.lines().filter(|l| l.starts_with("warning: ")).collect();
    let file = dir.path().join("knowledge.toml");
    let located = format!("warning: {}:", file.display());
    assert!(
        warnings.iter().any(|w| w.starts_with(&located)),
        "no warning names {located}: {out}"
    );
    assert!(
        !warnings
            .iter()
            .any(|w| w.starts_with("warning: knowledge.toml")),
        "{out}"
    );
}

#[test]
fn check_counts_the_sentences_no_fact_cites() {
    let dir = library_dir(" It has a cafe.", "");
    let path = dir.path().to_str().expect("utf-8 path");
    let o = citebot(&["check", path], b"");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    // The headline is a sentence of the article too; only the opening is cited.
    assert!(out.contains("ok (1 fact citing 1 of 3 sentences)"), "{out}");
}
