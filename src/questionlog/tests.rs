use std::collections::HashMap;

use super::*;

fn entry(question: &str, status: Status) -> Entry {
    Entry {
        question: question.to_string(),
        status,
        fact: Some("aid-amount".to_string()),
        score: Some(0.4),
        guild: Some(8 << 22),
        channel: Some(3002),
        user: Some(5002),
        source: "discord",
    }
}

fn open(dir: &Path) -> QuestionLog {
    QuestionLog::open(&dir.join("sub").join(DB_FILE), 90).expect("the log opens")
}

#[test]
fn settings_default_to_a_log_in_data_kept_90_days() {
    let settings = LogSettings::from_lookup(|_| None).expect("defaults");
    assert!(settings.enabled);
    assert_eq!(
        settings.db_path(),
        Path::new("data").join("citebot.sqlite3")
    );
    assert_eq!(settings.retention_days, 90);
    let vars: HashMap<&str, &str> = [
        ("LOG_QUESTIONS", "off"),
        ("DATA_DIR", "/var/lib/citebot"),
        ("LOG_RETENTION_DAYS", "7"),
    ]
    .into();
    let settings =
        LogSettings::from_lookup(|n| vars.get(n).map(|v| v.to_string())).expect("settings");
    assert!(!settings.enabled);
    assert_eq!(settings.data_dir, Path::new("/var/lib/citebot"));
    assert_eq!(settings.retention_days, 7);
    assert!(settings.open().expect("off opens nothing").is_none());
}

#[test]
fn bad_settings_name_themselves() {
    for (name, value) in [("LOG_QUESTIONS", "maybe"), ("LOG_RETENTION_DAYS", "-3")] {
        let err = LogSettings::from_lookup(|n| (n == name).then(|| value.to_string()))
            .expect_err("a bad value is refused");
        assert!(err.to_string().starts_with(name), "{err}");
    }
}

#[test]
fn questions_are_grouped_by_normalised_text_and_survive_reopening() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    {
        let log = open(dir.path());
        log.record(&entry("How many pages was the letter?", Status::NotCovered))
            .expect("logged");
        log.record(&entry("how many pages was the LETTER", Status::NotCovered))
            .expect("logged");
        log.record(&entry("what did the pope say", Status::NotMentioned))
            .expect("logged");
    }
    let log = open(dir.path());
    let list = log.unanswered(10).expect("the list");
    assert_eq!(list.len(), 2, "{list:?}");
    assert_eq!(list[0].normalised, "how many pages was the letter");
    assert_eq!(list[0].count, 2);
    assert_eq!(list[0].question, "how many pages was the LETTER");
    assert_eq!(list[0].best_fact.as_deref(), Some("aid-amount"));
    assert_eq!(list[1].count, 1);
    assert_eq!(log.unanswered(1).expect("the list").len(), 1);
}

#[test]
fn users_are_stored_only_as_a_salted_hash() {
    let a = tempfile::tempdir().expect("a temporary directory");
    let b = tempfile::tempdir().expect("a temporary directory");
    let log = open(a.path());
    let other = open(b.path());
    log.record(&entry("what did the pope say", Status::NotMentioned))
        .expect("logged");
    let stored: String = log
        .conn
        .query_row("SELECT user_hash FROM questions", [], |r| r.get(0))
        .expect("a row");
    assert_eq!(stored, log.user_hash(5002));
    assert!(!stored.contains("5002"));
    assert_ne!(log.user_hash(5002), log.user_hash(5003));
    assert_ne!(
        log.user_hash(5002),
        other.user_hash(5002),
        "each installation has its own salt"
    );
    drop(log);
    assert_eq!(open(a.path()).user_hash(5002), stored, "the salt is kept");
}

#[test]
fn one_vote_per_user_and_answer_and_downvotes_are_listed() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let log = open(dir.path());
    let vote = |user: u64, up: bool| Vote {
        message_id: 77,
        user,
        up,
        fact: Some("aid-amount".into()),
        question: "how much aid did the us send".into(),
        score: Some(0.9),
        guild: None,
        channel: Some(3002),
    };
    assert_eq!(
        log.vote(&vote(1, false)).expect("vote"),
        VoteOutcome::Counted
    );
    assert_eq!(
        log.vote(&vote(1, false)).expect("vote"),
        VoteOutcome::AlreadyCounted
    );
    assert_eq!(
        log.vote(&vote(1, true)).expect("vote"),
        VoteOutcome::AlreadyCounted
    );
    assert_eq!(
        log.vote(&vote(2, false)).expect("vote"),
        VoteOutcome::Counted
    );
    assert_eq!(
        log.vote(&vote(3, true)).expect("vote"),
        VoteOutcome::Counted
    );
    let down = log.downvoted(10).expect("the list");
    assert_eq!(down.len(), 1);
    assert_eq!(down[0].count, 2);
    assert_eq!(down[0].fact.as_deref(), Some("aid-amount"));
    assert!(log.unanswered(10).expect("the list").is_empty());
}

#[test]
fn a_taught_question_leaves_the_lists() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let log = open(dir.path());
    log.record(&entry("How many pages was the letter?", Status::NotCovered))
        .expect("logged");
    log.record(&entry("what did the pope say", Status::NotMentioned))
        .expect("logged");
    let changed = log
        .mark_taught("how many pages was the letter", "contents-not-disclosed")
        .expect("marked");
    assert_eq!(changed, 1);
    let list = log.unanswered(10).expect("the list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].question, "what did the pope say");
}

#[test]
fn rows_past_the_retention_are_pruned() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join(DB_FILE);
    let log = QuestionLog::open(&path, 30).expect("the log opens");
    let old = now() - 31 * 86_400;
    log.record_all(&[entry("an old question", Status::NotCovered)], old)
        .expect("logged");
    log.record(&entry("a new question", Status::NotCovered))
        .expect("logged");
    assert_eq!(log.prune().expect("pruned"), 1);
    assert_eq!(log.len().expect("count"), 1);
    let forever = QuestionLog::open(&path, 0).expect("the log opens");
    forever
        .record_all(&[entry("an old question", Status::NotCovered)], old)
        .expect("logged");
    assert_eq!(forever.prune().expect("pruned"), 0);
}

#[test]
fn two_handles_writing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join(DB_FILE);
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let log = QuestionLog::open(&path, 90).expect("the log opens");
                for i in 0..200 {
                    log.record(&entry(&format!("question {w} {i}"), Status::NotCovered))
                        .expect("logged");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("a writer finished");
    }
    let log = QuestionLog::open(&path, 90).expect("the log opens");
    assert_eq!(log.len().expect("count"), 400);
}

#[test]
fn many_handles_opening_a_new_file_at_once_all_open() {
    // Turning a new file to WAL takes it whole, and SQLite waits for no one
    // there: shards starting together must still all open their log.
    for _ in 0..20 {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join(DB_FILE);
        let start = std::sync::Arc::new(std::sync::Barrier::new(8));
        let openers: Vec<_> = (0..8)
            .map(|_| {
                let (path, start) = (path.clone(), start.clone());
                std::thread::spawn(move || {
                    start.wait();
                    QuestionLog::open(&path, 90).map(|_| ())
                })
            })
            .collect();
        for opener in openers {
            let opened = opener.join().expect("an opener finished");
            assert!(opened.is_ok(), "{opened:?}");
        }
    }
}

#[test]
fn only_declined_and_unsure_replies_are_logged() {
    let knowledge = crate::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge"))
        .expect("the shipped knowledge");
    let engine = Engine::new(knowledge);
    let logged = |q: &str| Entry::for_reply(&engine, q, &engine.answer(q), "ask");
    assert!(logged("how much aid did the us send to ukraine").is_none());
    assert!(logged("hello").is_none());
    assert!(logged("").is_none());
    let entry = logged("how many pages was the letter").expect("a declined question");
    assert_eq!(entry.status, Status::NotCovered);
    assert_eq!(entry.question, "how many pages was the letter");
}
