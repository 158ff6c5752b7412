//! Reading and validating a knowledge directory: TOML parsed with spans, then
//! checked field by field so that every problem is reported with its line.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::nearest::nearest_hint;
use super::sections::Sections;
use super::{ArticleMeta, Fact, Knowledge, LoadError, LoadErrors, Synonym, Topic};
use crate::article::Article;
use crate::engine::Tunables;
use crate::text::fold;

/// Name of the knowledge file inside a knowledge directory.
pub const KNOWLEDGE_FILE: &str = "knowledge.toml";

/// Article file used when `[article] text` is not given.
const DEFAULT_ARTICLE_FILE: &str = "article.txt";

/// Largest article file read, in bytes, and largest part of a knowledge
/// file parsed at once (everything outside the `[[fact]]` tables): far above
/// any real article (the shipped files are ~20 KB each), and small enough
/// that a mistaken `/dev/zero` or log file cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Largest knowledge file read, in bytes: room for about 100,000 facts. It
/// is parsed one `[[fact]]` table at a time, so loading holds the text and
/// the facts, never a parse tree of the whole file.
pub const MAX_KNOWLEDGE_BYTES: u64 = 128 * 1024 * 1024;

/// Largest `[[fact]]` table, in bytes: hundreds of intents of the longest kind.
const MAX_FACT_TABLE_BYTES: usize = 1024 * 1024;

/// Longest word, in characters, in the article or in any text that is
/// matched (intents, keywords, actors, answers, synonyms). Real words and
/// names are far shorter; a longer run of letters is a paste accident, and
/// would only slow every build of the engine.
pub const MAX_WORD_CHARS: usize = 64;

/// Longest intent, in bytes: the longest question the bot reads.
pub const MAX_INTENT_BYTES: usize = crate::engine::MAX_QUESTION_BYTES;

/// Longest answer, in characters: what still fits a Discord message with its quote.
pub const MAX_ANSWER_CHARS: usize = 1500;

/// Longest keyword, actor or synonym (key or variant), in characters.
pub const MAX_TERM_CHARS: usize = 100;

/// How often reading the two files is retried when one changed while they
/// were being read (an editor or a ConfigMap update in progress).
const SNAPSHOT_TRIES: usize = 5;

/// Reads `DIR/knowledge.toml` and the article file it names, and validates
/// both. Returns every problem found, each with file and line.
///
/// Only regular files (or symlinks to them) are read, the knowledge file of
/// at most [`MAX_KNOWLEDGE_BYTES`] and the article of at most
/// [`MAX_FILE_BYTES`], so a FIFO or a device gives an error instead of a hang. The
/// article must lie inside the directory. Both files are read as one
/// snapshot: when either changed while they were read, they are read again.
pub fn load_dir(dir: &Path) -> Result<Knowledge, LoadErrors> {
    let toml_path = dir.join(KNOWLEDGE_FILE);
    let mut tries = 0;
    loop {
        tries += 1;
        let before = identity(&toml_path);
        let toml_text = read_capped(&toml_path, MAX_KNOWLEDGE_BYTES).map_err(draft_hint)?;
        let sections = Sections::new(&toml_text);
        let article_path = article_path(dir, &toml_text, &sections)?;
        let article_before = identity(&article_path);
        let article_text = read_text(&article_path)?;
        let stable = before == identity(&toml_path) && article_before == identity(&article_path);
        if stable || tries == SNAPSHOT_TRIES {
            if !stable {
                return Err(LoadErrors(vec![LoadError {
                    file: toml_path,
                    line: None,
                    message: "the knowledge files kept changing while being read; try again once they are written".to_string(),
                }]));
            }
            return load_sections(dir, &toml_text, &sections, &article_text);
        }
    }
}

/// A missing knowledge file says how to make one: the admin who points
/// `check` or `--knowledge` at a directory of their article alone.
fn draft_hint(mut errors: LoadErrors) -> LoadErrors {
    for error in &mut errors.0 {
        if error.message == "file not found" {
            error
                .message
                .push_str("; draft one from your article with `citebot init ARTICLE DIR`");
        }
    }
    errors
}

/// Validates `toml_text` as the knowledge file of `dir`, with the article
/// file it names read from `dir`: how an edit is checked before it is saved.
pub fn load_dir_with(dir: &Path, toml_text: &str) -> Result<Knowledge, LoadErrors> {
    let sections = Sections::new(toml_text);
    let article_text = read_text(&article_path(dir, toml_text, &sections)?)?;
    load_sections(dir, toml_text, &sections, &article_text)
}

/// The article file a knowledge file names, which must lie inside `dir`.
fn article_path(dir: &Path, toml_text: &str, sections: &Sections) -> Result<PathBuf, LoadErrors> {
    let (name, line) = article_name(toml_text, sections);
    if let Some(problem) = unsafe_article_path(&name) {
        return Err(LoadErrors(vec![LoadError {
            file: dir.join(KNOWLEDGE_FILE),
            line,
            message: format!("`text` in [article]: {problem}"),
        }]));
    }
    Ok(dir.join(name))
}

/// Validates knowledge given as text: `toml_text` is the knowledge file of
/// directory `dir`, `article_text` the article it names. Used by [`load_dir`]
/// and by tests and benchmarks that build knowledge in memory.
pub fn load_str(dir: &Path, toml_text: &str, article_text: &str) -> Result<Knowledge, LoadErrors> {
    load_sections(dir, toml_text, &Sections::new(toml_text), article_text)
}

/// [`load_str`] with the knowledge file already cut into its sections.
fn load_sections(
    dir: &Path,
    toml_text: &str,
    sections: &Sections,
    article_text: &str,
) -> Result<Knowledge, LoadErrors> {
    let mut checker = Checker::new(dir.join(KNOWLEDGE_FILE), toml_text);
    checker.pieces.clone_from(&sections.rest_pieces);
    if let Some(errors) = checker.oversized(sections) {
        return Err(errors);
    }
    let (doc, parse_errors) = DeTable::parse_recoverable(&sections.rest);
    checker.parse_errors(parse_errors);
    if !checker.parse_errors.is_empty() {
        // Report the facts' syntax errors too, as one parse of the whole file would.
        for range in &sections.facts {
            checker.parse_fact_table(toml_text, range.clone());
        }
        return Err(syntax_errors(checker.parse_errors, toml_text));
    }
    let article = Article::parse(article_text);
    let article_file = dir.join(
        doc.get_ref()
            .get("article")
            .and_then(|a| a.get_ref().get("text"))
            .and_then(|t| t.get_ref().as_str())
            .unwrap_or(DEFAULT_ARTICLE_FILE),
    );
    if article.sentences.is_empty() {
        checker.errors.push(LoadError {
            file: article_file.clone(),
            line: None,
            message: "the article is empty".to_string(),
        });
    }
    if let Some((at, word)) = overlong_word(article_text) {
        let line = article_text.as_bytes()[..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        checker.errors.push(LoadError {
            file: article_file.clone(),
            line: Some(line),
            message: format!(
                "a word longer than {MAX_WORD_CHARS} characters (\"{word}…\"): is a space missing?"
            ),
        });
    }
    let text_value = doc
        .get_ref()
        .get("article")
        .and_then(|a| a.get_ref().as_table()?.get("text"));
    if let Some(value) = text_value
        && let Some(name) = value.get_ref().as_str()
        && let Some(problem) = unsafe_article_path(name)
    {
        checker.error(
            value.span().start,
            format!("`text` in [article]: {problem}"),
        );
    }
    let knowledge = checker.knowledge(doc.get_ref(), toml_text, sections, article, &article_file);
    if !checker.parse_errors.is_empty() {
        return Err(syntax_errors(checker.parse_errors, toml_text));
    }
    let mut errors = checker.errors;
    if errors.is_empty()
        && let Some(knowledge) = knowledge
    {
        return Ok(knowledge);
    }
    errors.sort_by_key(|e| (e.file.clone(), e.line));
    Err(LoadErrors(errors))
}

/// The syntax errors as reported: in line order, as the other problems
/// (the parser may report a later line first: an unclosed string, then the
/// line it ran into), and a table written twice names the line of the first.
fn syntax_errors(mut errors: Vec<LoadError>, toml_text: &str) -> LoadErrors {
    errors.sort_by_key(|e| e.line);
    for error in &mut errors {
        if error.message != "invalid TOML: duplicate key" {
            continue;
        }
        let Some(line) = error.line else { continue };
        let Some(header) = toml_text.lines().nth(line.saturating_sub(1)).map(str::trim) else {
            continue;
        };
        if !header.starts_with('[') || header.starts_with("[[") {
            continue;
        }
        if let Some(first) = toml_text
            .lines()
            .take(line.saturating_sub(1))
            .position(|l| l.trim() == header)
        {
            error.message = format!(
                "invalid TOML: table {header} is already on line {}: a table is written once, so put these entries there",
                first + 1
            );
        }
    }
    LoadErrors(errors)
}

/// What tells one version of a file from another: device, inode, size and
/// modification time, following symlinks.
fn identity(path: &Path) -> Option<(u64, u64, u64, Option<std::time::SystemTime>)> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let (dev, ino) = {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino())
    };
    #[cfg(not(unix))]
    let (dev, ino) = (0, 0);
    Some((dev, ino, meta.len(), meta.modified().ok()))
}

/// The article file named by `[article] text` (or the default), with the
/// line it is named on.
fn article_name(toml_text: &str, sections: &Sections) -> (String, Option<usize>) {
    let Ok(doc) = DeTable::parse(&sections.rest) else {
        return (DEFAULT_ARTICLE_FILE.to_string(), None);
    };
    let text = doc
        .get_ref()
        .get("article")
        .and_then(|a| a.get_ref().as_table()?.get("text"));
    match text.and_then(|t| Some((t.get_ref().as_str()?.to_string(), t.span().start))) {
        Some((name, at)) => {
            let at = Sections::rest_to_file(&sections.rest_pieces, at);
            let line = toml_text.as_bytes()[..at.min(toml_text.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            (name, Some(line))
        }
        None => (DEFAULT_ARTICLE_FILE.to_string(), None),
    }
}

/// Why an article path may not be used, if it may not: it must be a relative
/// path that stays inside the knowledge directory.
fn unsafe_article_path(name: &str) -> Option<&'static str> {
    use std::path::Component;
    let path = Path::new(name);
    if name.trim().is_empty() {
        return Some("the file name is empty");
    }
    if path.has_root() || path.is_absolute() {
        return Some("must be a file inside the knowledge directory, not an absolute path");
    }
    if path
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Some("must be a file inside the knowledge directory (no `..`)");
    }
    None
}

/// Reads a whole text file: a regular file (symlinks followed) of at most
/// [`MAX_FILE_BYTES`] in UTF-8. A pipe, a device or a huge file is an error,
/// never a wait or a read without end; `init` reads articles with it too.
pub fn read_text(path: &Path) -> Result<String, LoadErrors> {
    read_capped(path, MAX_FILE_BYTES)
}

/// [`read_text`] for a file of at most `cap` bytes (the knowledge file's
/// cap is larger than the article's).
fn read_capped(path: &Path, cap: u64) -> Result<String, LoadErrors> {
    let fail = |message: String| {
        LoadErrors(vec![LoadError {
            file: path.to_path_buf(),
            line: None,
            message,
        }])
    };
    let cannot_read = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => fail("file not found".to_string()),
        _ => fail(format!("cannot read: {e}")),
    };
    let meta = std::fs::metadata(path).map_err(cannot_read)?;
    if !meta.is_file() {
        return Err(fail(
            "not a regular file (a directory, pipe or device is not read)".to_string(),
        ));
    }
    let too_big = || {
        fail(format!(
            "file too large: knowledge files may have at most {} MB",
            cap / (1024 * 1024)
        ))
    };
    if meta.len() > cap {
        return Err(too_big());
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // Should the file have become a FIFO since it was checked, opening it
    // must not wait for a writer.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(cannot_read)?;
    if !file.metadata().map_err(cannot_read)?.is_file() {
        return Err(fail("not a regular file".to_string()));
    }
    // Sized from the metadata (at most `cap`), so a large file is not
    // read into a buffer that doubled past it.
    let mut bytes = Vec::with_capacity(meta.len().min(cap) as usize + 1);
    std::io::Read::read_to_end(&mut std::io::Read::take(file, cap + 1), &mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > cap {
        return Err(too_big());
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        LoadErrors(vec![LoadError {
            file: path.to_path_buf(),
            line: Some(line),
            message: "not valid UTF-8 text".to_string(),
        }])
    })
}

/// The first run of letters and digits longer than [`MAX_WORD_CHARS`] in
/// `text`, as its byte offset and its first characters.
fn overlong_word(text: &str) -> Option<(usize, String)> {
    // A word has no more characters than bytes: text whose runs of bytes
    // other than ASCII spaces and punctuation are all short enough has no
    // long word, found without decoding a character.
    let mut run = 0;
    let short = text.as_bytes().iter().all(|&b| {
        run = if b.is_ascii() && !b.is_ascii_alphanumeric() {
            0
        } else {
            run + 1
        };
        run <= MAX_WORD_CHARS
    });
    if short {
        return None;
    }
    first_overlong_word(text)
}

/// [`overlong_word`], character by character.
fn first_overlong_word(text: &str) -> Option<(usize, String)> {
    let mut start = 0;
    let mut run = 0;
    for (at, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if run == 0 {
                start = at;
            }
            run += 1;
            if run > MAX_WORD_CHARS {
                let shown: String = text[start..].chars().take(20).collect();
                return Some((start, shown));
            }
        } else {
            run = 0;
        }
    }
    None
}

type Table<'i> = DeTable<'i>;
type Value<'i> = Spanned<DeValue<'i>>;

/// Walks the parsed TOML, collecting every problem.
struct Checker {
    file: PathBuf,
    /// Where each line of the file starts, shared by the checkers of one file.
    line_starts: std::sync::Arc<[usize]>,
    /// Where the runs of the part being checked start: (offset in the
    /// part, offset in the file), so a span of the part names the file's line.
    pieces: Vec<(usize, usize)>,
    errors: Vec<LoadError>,
    /// Syntax errors: when there are any, they are all that is reported.
    parse_errors: Vec<LoadError>,
    /// Sources not found so far; the first [`MAX_SOURCE_HINTS`] get a hint.
    hints: usize,
}

/// How many `source` errors of one checker name the nearest sentence.
const MAX_SOURCE_HINTS: usize = 20;

impl Checker {
    fn new(file: PathBuf, text: &str) -> Checker {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Checker {
            file,
            line_starts: line_starts.into(),
            pieces: Vec::new(),
            errors: Vec::new(),
            parse_errors: Vec::new(),
            hints: 0,
        }
    }

    /// The file's line of an offset in the part being checked.
    fn line_of(&self, offset: usize) -> usize {
        let offset = Sections::rest_to_file(&self.pieces, offset);
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// The parts too large to parse at once, if any: everything outside
    /// the facts over [`MAX_FILE_BYTES`], or one fact's table over
    /// [`MAX_FACT_TABLE_BYTES`].
    fn oversized(&mut self, sections: &Sections) -> Option<LoadErrors> {
        if sections.rest.len() as u64 > MAX_FILE_BYTES {
            self.error(
                0,
                format!(
                    "too large: the knowledge file outside its `[[fact]]` tables may have at most {} MB",
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
            );
        }
        for range in sections
            .facts
            .iter()
            .filter(|r| r.len() > MAX_FACT_TABLE_BYTES)
        {
            let line = self
                .line_starts
                .partition_point(|&start| start <= range.start);
            self.errors.push(LoadError {
                file: self.file.clone(),
                line: Some(line),
                message: format!(
                    "this `[[fact]]` table is too large: at most {} KB",
                    MAX_FACT_TABLE_BYTES / 1024
                ),
            });
        }
        (!self.errors.is_empty()).then(|| LoadErrors(std::mem::take(&mut self.errors)))
    }

    /// Records the syntax errors of the part being checked.
    fn parse_errors(&mut self, errors: Vec<toml::de::Error>) {
        for error in errors {
            let line = error.span().map(|span| self.line_of(span.start));
            self.parse_errors.push(LoadError {
                file: self.file.clone(),
                line,
                message: format!("invalid TOML: {}", error.message().trim()),
            });
        }
    }

    /// Parses one `[[fact]]` table of the file, recording its syntax
    /// errors; `None` when it has any. Spans of the result are relative to
    /// the table, and [`Checker::line_of`] maps them to the file until the
    /// next part is parsed.
    fn parse_fact_table<'i>(&mut self, text: &'i str, range: Range<usize>) -> Option<Table<'i>> {
        self.pieces = vec![(0, range.start)];
        let (doc, errors) = DeTable::parse_recoverable(text.get(range)?);
        let broken = !errors.is_empty();
        self.parse_errors(errors);
        (!broken).then(|| doc.into_inner())
    }

    fn error(&mut self, span_start: usize, message: impl Into<String>) {
        let line = self.line_of(span_start);
        self.errors.push(LoadError {
            file: self.file.clone(),
            line: Some(line),
            message: message.into(),
        });
    }

    fn unknown_keys(&mut self, table: &Table<'_>, allowed: &[&str], what: &str) {
        for (key, _) in table.iter() {
            let name: &str = key.get_ref();
            if !allowed.contains(&name) {
                let message = format!(
                    "unknown field `{name}` in {what} (expected one of: {})",
                    allowed.join(", ")
                );
                self.error(key.span().start, message);
            }
        }
    }

    /// A required, non-empty string field.
    fn string(&mut self, table: &Table<'_>, at: usize, key: &str, what: &str) -> Option<String> {
        match table.get(key) {
            None => {
                self.error(at, format!("missing field `{key}` in {what}"));
                None
            }
            Some(value) => self.string_value(value, key, what),
        }
    }

    /// An optional string field (a TOML date is accepted and kept as written).
    fn optional_string(&mut self, table: &Table<'_>, key: &str, what: &str) -> Option<String> {
        let value = table.get(key)?;
        if let DeValue::Datetime(date) = value.get_ref() {
            return Some(date.to_string());
        }
        self.string_value(value, key, what)
    }

    fn string_value(&mut self, value: &Value<'_>, key: &str, what: &str) -> Option<String> {
        match value.get_ref().as_str() {
            Some(text) if !text.trim().is_empty() => self
                .check_size(value.span().start, text.trim(), key, what)
                .then(|| text.trim().to_string()),
            Some(_) => {
                self.error(
                    value.span().start,
                    format!("field `{key}` in {what} is empty"),
                );
                None
            }
            None => {
                let found = value.get_ref().type_str();
                self.error(
                    value.span().start,
                    format!("field `{key}` in {what} must be a string, found {found}"),
                );
                None
            }
        }
    }

    /// Checks the length of a matched text and of its words; false (with the
    /// error recorded) when it is too long. Texts that are never matched
    /// (titles, summaries, ids) are only bounded by the file size.
    fn check_size(&mut self, at: usize, text: &str, key: &str, what: &str) -> bool {
        // A text no longer in bytes than the limit is within it in
        // characters too: characters are only counted past that.
        let characters = |max: usize| match text.len() <= max {
            true => text.len(),
            false => text.chars().count(),
        };
        let limit = match (key, what) {
            ("intents", _) => Some((text.len(), MAX_INTENT_BYTES, "bytes")),
            ("answer", _) => Some((characters(MAX_ANSWER_CHARS), MAX_ANSWER_CHARS, "characters")),
            ("keywords" | "actors", _) | (_, "[synonyms]") => {
                Some((characters(MAX_TERM_CHARS), MAX_TERM_CHARS, "characters"))
            }
            _ => None,
        };
        let Some((length, max, unit)) = limit else {
            return true;
        };
        let field = || {
            if what == "[synonyms]" {
                format!("synonym `{}`", shorten(key, 30))
            } else {
                format!("`{key}` in {what}")
            }
        };
        if length > max {
            let field = field();
            self.error(
                at,
                format!("{field} is too long: {length} {unit}, at most {max}"),
            );
            return false;
        }
        if let Some((_, word)) = overlong_word(text) {
            let field = field();
            self.error(
                at,
                format!("{field} has a word longer than {MAX_WORD_CHARS} characters (\"{word}…\")"),
            );
            return false;
        }
        true
    }

    /// An array of non-empty strings; `required` makes a missing or empty list an error.
    fn strings(
        &mut self,
        table: &Table<'_>,
        at: usize,
        key: &str,
        what: &str,
        required: bool,
    ) -> Vec<String> {
        let Some(value) = table.get(key) else {
            if required {
                self.error(at, format!("missing field `{key}` in {what}"));
            }
            return Vec::new();
        };
        let Some(items) = value.get_ref().as_array() else {
            let found = value.get_ref().type_str();
            self.error(
                value.span().start,
                format!("field `{key}` in {what} must be a list of strings, found {found}"),
            );
            return Vec::new();
        };
        if required && items.is_empty() {
            self.error(
                value.span().start,
                format!("field `{key}` in {what} is an empty list"),
            );
        }
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref().as_str() {
                Some(text) if !text.trim().is_empty() => {
                    if self.check_size(item.span().start, text.trim(), key, what) {
                        out.push(text.trim().to_string());
                    }
                }
                Some(_) => self.error(
                    item.span().start,
                    format!("an entry of `{key}` in {what} is empty"),
                ),
                None => {
                    let found = item.get_ref().type_str();
                    self.error(
                        item.span().start,
                        format!("entries of `{key}` in {what} must be strings, found {found}"),
                    );
                }
            }
        }
        out
    }

    fn table<'a, 'i>(
        &mut self,
        root: &'a Table<'i>,
        key: &str,
        required: bool,
    ) -> Option<(&'a Table<'i>, usize)> {
        match root.get(key) {
            None => {
                if required {
                    self.error(0, format!("missing table `[{key}]`"));
                }
                None
            }
            Some(value) => match value.get_ref().as_table() {
                Some(table) => Some((table, value.span().start)),
                None => {
                    let found = value.get_ref().type_str();
                    self.error(
                        value.span().start,
                        format!("`{key}` must be a table, found {found}"),
                    );
                    None
                }
            },
        }
    }

    /// Checks the whole document; returns the knowledge when nothing essential is missing.
    fn knowledge(
        &mut self,
        root: &Table<'_>,
        text: &str,
        sections: &Sections,
        article: Article,
        article_file: &Path,
    ) -> Option<Knowledge> {
        self.unknown_keys(
            root,
            &["article", "synonyms", "summary", "topics", "fact", "engine"],
            "the file",
        );
        let meta = self.meta(root);
        let engine = self.engine(root);
        let synonyms = self.synonyms(root);
        let (summary_short, summary_long) = self.summaries(root);
        let topics = self.topics(root);
        let context = FactContext {
            known_words: known_words(&article, &synonyms),
            article: &article,
            article_file,
            topics: &topics,
        };
        let facts = self.facts(root, text, sections, &context);
        Some(Knowledge {
            dir: self
                .file
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            meta: meta?,
            article,
            synonyms,
            summary_short: summary_short?,
            summary_long: summary_long?,
            topics,
            facts,
            engine,
        })
    }

    /// The `[engine]` table: overrides of the engine's tunables, each a
    /// known name with a number in its range.
    fn engine(&mut self, root: &Table<'_>) -> Tunables {
        let mut tunables = Tunables::default();
        let Some((table, _)) = self.table(root, "engine", false) else {
            return tunables;
        };
        for (key, value) in table.iter() {
            let name: &str = key.get_ref();
            let number = match value.get_ref() {
                DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
                DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
                    .ok()
                    .map(|i| i as f64),
                _ => None,
            };
            let result = match number {
                Some(number) => tunables.set(name, number),
                None if Tunables::ALL.iter().any(|t| t.0 == name) => Err(format!(
                    "`{name}` in [engine] must be a number, found {}",
                    value.get_ref().type_str()
                )),
                None => tunables.set(name, 0.0),
            };
            if let Err(message) = result {
                self.error(key.span().start, format!("[engine]: {message}"));
            }
        }
        tunables
    }

    fn meta(&mut self, root: &Table<'_>) -> Option<ArticleMeta> {
        let (table, at) = self.table(root, "article", true)?;
        self.unknown_keys(
            table,
            &[
                "title",
                "text",
                "author",
                "date",
                "outlet",
                "url",
                "later_events_unknown",
            ],
            "[article]",
        );
        let later_events_unknown = match table.get("later_events_unknown") {
            None => false,
            Some(value) => match value.get_ref() {
                DeValue::Boolean(flag) => *flag,
                other => {
                    let found = other.type_str();
                    self.error(
                        value.span().start,
                        format!(
                            "field `later_events_unknown` in [article] must be true or false, found {found}"
                        ),
                    );
                    false
                }
            },
        };
        let title = self.string(table, at, "title", "[article]");
        // `text` was used to find the article file; check its type here.
        self.optional_string(table, "text", "[article]");
        Some(ArticleMeta {
            title: title?,
            author: self.optional_string(table, "author", "[article]"),
            outlet: self.optional_string(table, "outlet", "[article]"),
            url: self.optional_string(table, "url", "[article]"),
            date: self.optional_string(table, "date", "[article]"),
            later_events_unknown,
        })
    }

    fn synonyms(&mut self, root: &Table<'_>) -> Vec<Synonym> {
        let Some((table, _)) = self.table(root, "synonyms", false) else {
            return Vec::new();
        };
        let mut groups = Vec::new();
        for (key, _) in table.iter() {
            let at = key.span().start;
            let canonical = fold(key.get_ref()).trim().to_string();
            self.check_size(at, key.get_ref(), key.get_ref(), "[synonyms]");
            let variants: Vec<String> = self
                .strings(table, at, key.get_ref(), "[synonyms]", true)
                .iter()
                .map(|v| fold(v))
                .collect();
            groups.push(Synonym {
                canonical,
                variants,
                line: self.line_of(at),
            });
        }
        let canonicals: HashMap<&str, usize> = groups
            .iter()
            .map(|g| (g.canonical.as_str(), g.line))
            .collect();
        let mut owner: HashMap<&str, &str> = HashMap::new();
        let mut problems = Vec::new();
        for group in &groups {
            for variant in &group.variants {
                if *variant == group.canonical {
                    problems.push((
                        group.line,
                        format!("synonym `{variant}` lists itself as a variant"),
                    ));
                } else if let Some(line) = canonicals.get(variant.as_str()) {
                    problems.push((
                        group.line,
                        format!(
                            "synonym loop: `{variant}` is a variant of `{}` but is itself a synonym key (line {line})",
                            group.canonical
                        ),
                    ));
                } else if let Some(first) = owner.insert(variant, &group.canonical)
                    && first != group.canonical
                {
                    problems.push((
                        group.line,
                        format!(
                            "synonym `{variant}` is listed under both `{first}` and `{}`",
                            group.canonical
                        ),
                    ));
                }
            }
        }
        for (line, message) in problems {
            self.errors.push(LoadError {
                file: self.file.clone(),
                line: Some(line),
                message,
            });
        }
        groups
    }

    fn summaries(&mut self, root: &Table<'_>) -> (Option<String>, Option<String>) {
        let Some((table, at)) = self.table(root, "summary", true) else {
            return (None, None);
        };
        self.unknown_keys(table, &["short", "long"], "[summary]");
        (
            self.string(table, at, "short", "[summary]"),
            self.string(table, at, "long", "[summary]"),
        )
    }

    fn topics(&mut self, root: &Table<'_>) -> Vec<Topic> {
        let Some((table, _)) = self.table(root, "topics", true) else {
            return Vec::new();
        };
        let mut topics = Vec::new();
        for (key, value) in table.iter() {
            let id: &str = key.get_ref();
            let what = format!("[topics.{id}]");
            let Some(body) = value.get_ref().as_table() else {
                self.error(
                    key.span().start,
                    format!("{what} must be a table with `title` and `summary`"),
                );
                continue;
            };
            let at = key.span().start;
            self.unknown_keys(body, &["title", "summary"], &what);
            let title = self.string(body, at, "title", &what);
            let summary = self.string(body, at, "summary", &what);
            if let (Some(title), Some(summary)) = (title, summary) {
                topics.push(Topic {
                    id: id.to_string(),
                    title,
                    summary,
                });
            }
        }
        if topics.is_empty() && self.errors.is_empty() {
            self.error(0, "no topics: add at least one `[topics.NAME]` table");
        }
        topics
    }

    /// Every fact: those of a `fact` array outside the `[[fact]]` tables,
    /// then each `[[fact]]` table, parsed and checked in turn.
    fn facts(
        &mut self,
        root: &Table<'_>,
        text: &str,
        sections: &Sections,
        context: &FactContext<'_>,
    ) -> Vec<Fact> {
        let mut found = Found::default();
        let in_rest = root.get("fact");
        if let Some(value) = in_rest {
            match value.get_ref().as_array() {
                Some(items) => {
                    for item in items.iter() {
                        self.fact(item, context, &mut found);
                    }
                }
                None => self.error(
                    value.span().start,
                    "`fact` must be written as `[[fact]]` tables",
                ),
            }
        } else if sections.facts.is_empty() {
            self.error(0, "no facts: add at least one `[[fact]]` table");
            return Vec::new();
        }
        if in_rest.is_some() {
            for range in &sections.facts {
                if self.parse_fact_table(text, range.clone()).is_some() {
                    let line = self.line_of(0);
                    self.parse_errors.push(LoadError {
                        file: self.file.clone(),
                        line: Some(line),
                        message: "invalid TOML: duplicate key `fact`".to_string(),
                    });
                }
            }
        } else {
            for part in self.fact_tables(text, &sections.facts, context) {
                found.append(part);
            }
        }
        self.pieces.clone_from(&sections.rest_pieces);
        self.duplicate_ids(&found.ids);
        let mut facts = found.facts;
        self.resolve_same_sources(&mut facts, found.borrowed);
        facts
    }

    /// Parses and checks the `[[fact]]` tables, a large file's on every
    /// core (each core a run of tables), returning what each run found in
    /// file order; the runs' problems join this checker's.
    fn fact_tables(
        &mut self,
        text: &str,
        ranges: &[Range<usize>],
        context: &FactContext<'_>,
    ) -> Vec<Found> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let runs = cores.min(ranges.len() / FACTS_PER_CORE).max(1);
        let run = |checker: &mut Checker, ranges: &[Range<usize>]| {
            let mut found = Found::default();
            for range in ranges {
                let Some(table) = checker.parse_fact_table(text, range.clone()) else {
                    continue;
                };
                let items = table.get("fact").and_then(|v| v.get_ref().as_array());
                for item in items.into_iter().flat_map(|items| items.iter()) {
                    checker.fact(item, context, &mut found);
                }
            }
            found
        };
        if runs == 1 {
            return vec![run(self, ranges)];
        }
        let results: Vec<(Found, Checker)> = std::thread::scope(|scope| {
            let workers: Vec<_> = ranges
                .chunks(ranges.len().div_ceil(runs))
                .map(|part| {
                    let mut checker = self.fork();
                    scope.spawn(move || (run(&mut checker, part), checker))
                })
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        let mut out = Vec::with_capacity(results.len());
        for (found, checker) in results {
            self.errors.extend(checker.errors);
            self.parse_errors.extend(checker.parse_errors);
            out.push(found);
        }
        out
    }

    /// A checker of the same file with no problems recorded yet.
    fn fork(&self) -> Checker {
        Checker {
            file: self.file.clone(),
            line_starts: self.line_starts.clone(),
            pieces: Vec::new(),
            errors: Vec::new(),
            parse_errors: Vec::new(),
            hints: 0,
        }
    }

    /// Reports each fact id used again, naming the line it was last used on.
    fn duplicate_ids(&mut self, ids: &[(String, usize)]) {
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(ids.len());
        for (id, line) in ids {
            if let Some(first) = seen.insert(id, *line) {
                self.errors.push(LoadError {
                    file: self.file.clone(),
                    line: Some(*line),
                    message: format!("duplicate fact id `{id}` (first used on line {first})"),
                });
            }
        }
    }

    /// Checks one `[[fact]]` table, adding the fact to `found` when it is sound.
    fn fact(&mut self, item: &Value<'_>, context: &FactContext<'_>, found: &mut Found) {
        let at = item.span().start;
        let line = self.line_of(at);
        let Some(table) = item.get_ref().as_table() else {
            self.error(at, "each `fact` entry must be a table");
            return;
        };
        let what = match table.get("id").and_then(|v| v.get_ref().as_str()) {
            Some(id) => format!("fact `{id}`"),
            None => "[[fact]]".to_string(),
        };
        self.unknown_keys(
            table,
            &[
                "id",
                "topic",
                "intents",
                "keywords",
                "actors",
                "answer",
                "source",
                "same_source",
            ],
            &what,
        );
        let id = self.string(table, at, "id", &what);
        let topic = self.string(table, at, "topic", &what);
        let intents = self.strings(table, at, "intents", &what, true);
        let keywords = self.strings(table, at, "keywords", &what, false);
        let actors = self.strings(table, at, "actors", &what, false);
        for actor in &actors {
            if let Some(unknown) = crate::text::words(actor)
                .into_iter()
                .find(|w| !context.known_words.contains(w))
            {
                let at = table.get("actors").map_or(at, |v| v.span().start);
                self.error(
                    at,
                    format!(
                        "{what}: actor \"{actor}\" is not named in the article or the synonyms (\"{unknown}\")"
                    ),
                );
            }
        }
        let answer = self.string(table, at, "answer", &what);
        // A fact cites its own `source`, or the sentence of another fact
        // (`same_source = "fact-id"`), so a sentence is written once.
        let same_source = if table.contains_key("same_source") {
            let reference = self.string(table, at, "same_source", &what);
            if table.contains_key("source") {
                let at = table.get("source").map_or(at, |v| v.span().start);
                self.error(
                    at,
                    format!("{what}: give either `source` or `same_source`, not both"),
                );
            }
            let at = table.get("same_source").map_or(at, |v| v.span().start);
            reference.map(|r| (r, at))
        } else {
            None
        };
        let source = match same_source {
            Some(_) => None,
            None => self.string(table, at, "source", &what),
        };
        if let Some(id) = &id {
            found.ids.push((id.clone(), line));
        }
        if let Some(topic) = &topic
            && !context.topics.is_empty()
            && !context.topics.iter().any(|t| t.id == *topic)
        {
            let known: Vec<&str> = context.topics.iter().map(|t| t.id.as_str()).collect();
            let at = table.get("topic").map_or(at, |v| v.span().start);
            self.error(
                at,
                format!(
                    "{what}: unknown topic `{topic}` (topics: {})",
                    known.join(", ")
                ),
            );
        }
        let sentence = source.as_ref().and_then(|source| {
            let found = context.article.locate(source);
            if found.is_none() && !context.article.sentences.is_empty() {
                let at = table.get("source").map_or(at, |v| v.span().start);
                // Bounded, so that a file of many bad sources stays quick.
                self.hints += 1;
                let hint = (self.hints <= MAX_SOURCE_HINTS)
                    .then(|| nearest_hint(context.article, source))
                    .flatten()
                    .map_or(String::new(), |hint| format!("; {hint}"));
                self.error(
                    at,
                    format!(
                        "{what}: source not found verbatim in {}: \"{}\"{hint}",
                        context.article_file.display(),
                        shorten(source, 90)
                    ),
                );
            }
            found
        });
        let sentence = match &same_source {
            Some(_) => Some(usize::MAX),
            None => sentence,
        };
        if let (Some(id), Some(topic), Some(answer), Some(sentence)) = (id, topic, answer, sentence)
            && !intents.is_empty()
        {
            if let Some((reference, at)) = same_source {
                found
                    .borrowed
                    .push((found.facts.len(), reference, self.line_of(at)));
            }
            found.facts.push(Fact {
                id,
                topic,
                intents,
                keywords,
                actors,
                answer,
                sentence,
                line,
            });
        }
    }

    /// Gives each fact written with `same_source` the sentence of the fact
    /// it names, which must cite its own `source`; unresolved facts are
    /// dropped with an error naming the line.
    fn resolve_same_sources(
        &mut self,
        facts: &mut Vec<Fact>,
        borrowed: Vec<(usize, String, usize)>,
    ) {
        // `borrowed` holds lines, each fact's table having been parsed apart.
        let own: HashMap<String, usize> = facts
            .iter()
            .filter(|f| f.sentence != usize::MAX)
            .map(|f| (f.id.clone(), f.sentence))
            .collect();
        for (i, reference, line) in borrowed {
            match own.get(&reference) {
                Some(&sentence) => facts[i].sentence = sentence,
                None => {
                    let what = format!("fact `{}`", facts[i].id);
                    let problem = if facts.iter().any(|f| f.id == reference) {
                        format!(
                            "{what}: same_source `{reference}` names a fact that has no `source` of its own"
                        )
                    } else {
                        format!("{what}: same_source `{reference}` is not the id of a fact")
                    };
                    self.errors.push(LoadError {
                        file: self.file.clone(),
                        line: Some(line),
                        message: problem,
                    });
                }
            }
        }
        facts.retain(|f| f.sentence != usize::MAX);
    }
}

/// Words an actor may be named by: the article's and the synonyms' (the
/// knowledge's and the language's).
fn known_words(article: &Article, synonyms: &[Synonym]) -> HashSet<String> {
    let mut known_words: HashSet<String> = article
        .sentences
        .iter()
        .flat_map(|s| crate::text::words(&s.text))
        .collect();
    for group in synonyms {
        known_words.insert(group.canonical.clone());
        for variant in &group.variants {
            known_words.extend(crate::text::words(variant));
        }
    }
    for group in crate::language::language().synonyms() {
        known_words.extend(crate::text::words(&group.canonical));
        for variant in &group.variants {
            known_words.extend(crate::text::words(variant));
        }
    }
    known_words
}

impl Found {
    /// Adds what a later run of tables found.
    fn append(&mut self, mut later: Found) {
        let offset = self.facts.len();
        self.borrowed.extend(
            later
                .borrowed
                .drain(..)
                .map(|(i, id, line)| (i + offset, id, line)),
        );
        self.facts.append(&mut later.facts);
        self.ids.append(&mut later.ids);
    }
}

/// Fewest `[[fact]]` tables worth a core of their own.
const FACTS_PER_CORE: usize = 4096;

/// What every fact is checked against.
struct FactContext<'a> {
    /// Words an actor may be named by: the article's and the synonyms'.
    known_words: HashSet<String>,
    article: &'a Article,
    article_file: &'a Path,
    topics: &'a [Topic],
}

/// The facts checked so far.
#[derive(Default)]
struct Found {
    /// Sound facts, in file order.
    facts: Vec<Fact>,
    /// Facts citing another fact's sentence: (index, that fact's id, line).
    borrowed: Vec<(usize, String, usize)>,
    /// Each fact's id with its line, in file order (duplicates are found
    /// once every table is read).
    ids: Vec<(String, usize)>,
}

/// Cuts text to at most `max` characters on a word boundary, marking the cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str =
        "A headline\n\nThe U.S. sent aid. Germany sent helmets.\n\n“Pillows?” the mayor said.\n";

    fn toml(facts: &str) -> String {
        format!(
            r#"[article]
title = "A headline"

[synonyms]
us = ["america", "united states"]

[summary]
short = "Short."
long = "Long."

[topics.aid]
title = "Aid"
summary = "Who sent what."
{facts}"#
        )
    }

    const GOOD_FACT: &str = r#"
[[fact]]
id = "us-aid"
topic = "aid"
intents = ["what did the us send"]
answer = "Aid."
source = "The U.S. sent aid."
"#;

    fn load(text: &str) -> Result<Knowledge, LoadErrors> {
        load_str(Path::new("kb"), text, ARTICLE)
    }

    fn messages(result: Result<Knowledge, LoadErrors>) -> Vec<String> {
        match result {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn the_engine_table_overrides_tunables_and_names_bad_ones() {
        let text = format!(
            "{}\n[engine]\nanswer = 0.5\ncandidates = 10\n",
            toml(GOOD_FACT)
        );
        let knowledge = load(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(knowledge.engine.answer, 0.5);
        assert_eq!(knowledge.engine.candidates, 10);
        assert_eq!(
            knowledge.engine.margin,
            crate::engine::Tunables::default().margin
        );

        let text = format!(
            "{}\n[engine]\nanswer = 2\nmargn = 0.1\nunsure = \"low\"\n",
            toml(GOOD_FACT)
        );
        let lines = text.lines().count();
        let errors = messages(load(&text));
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(
            errors[0].contains(&format!("kb/knowledge.toml:{}:", lines - 2)),
            "{errors:?}"
        );
        assert!(
            errors[0].contains("`answer` must be between 0 and 1"),
            "{errors:?}"
        );
        assert!(
            errors[1].contains("unknown engine setting `margn`"),
            "{errors:?}"
        );
        assert!(
            errors[2].contains("`unsure` in [engine] must be a number"),
            "{errors:?}"
        );
    }

    #[test]
    fn loads_valid_knowledge_and_locates_sources() {
        let k = load(&toml(GOOD_FACT)).expect("valid knowledge loads");
        assert_eq!(k.facts.len(), 1);
        assert_eq!(k.sentence_of(&k.facts[0]).paragraph, 1);
        assert_eq!(k.facts[0].line, 15);
        assert_eq!(k.synonyms[0].variants, ["america", "united states"]);
    }

    #[test]
    fn curly_and_straight_quotes_match_in_sources() {
        let fact = GOOD_FACT.replace("The U.S. sent aid.", "\\\"Pillows?\\\" the mayor said.");
        assert!(load(&toml(&fact)).is_ok());
    }

    #[test]
    fn invalid_toml_names_file_and_line() {
        let text = toml(GOOD_FACT).replace("answer = \"Aid.\"", "answer = \"Aid.");
        let errors = messages(load(&text));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].starts_with("kb/knowledge.toml:19:"), "{errors:?}");
        assert!(errors[0].contains("invalid TOML"), "{errors:?}");
    }

    #[test]
    fn a_table_written_twice_names_where_it_first_is() {
        // The admin adds a [synonyms] table to a file that already has one.
        let text = format!("{}\n[synonyms]\nfire = [\"blaze\"]\n", toml(GOOD_FACT));
        let line = text.lines().count() - 1;
        assert_eq!(
            messages(load(&text)),
            [format!(
                "kb/knowledge.toml:{line}: invalid TOML: table [synonyms] is already on line 4: a table is written once, so put these entries there"
            )]
        );
    }

    #[test]
    fn an_unclosed_string_is_reported_in_line_order() {
        // The admin's slip: a closing quote forgotten in a list of intents.
        let fact = GOOD_FACT.replace(
            "intents = [\"what did the us send\"]",
            "intents = [\n  \"what did the us send,\n  \"what came from the us\",\n]",
        );
        let errors = messages(load(&toml(&fact)));
        assert!(!errors.is_empty());
        let lines: Vec<usize> = errors
            .iter()
            .filter_map(|e| e.split(':').nth(1)?.parse().ok())
            .collect();
        assert_eq!(lines.len(), errors.len(), "{errors:?}");
        assert!(lines.is_sorted(), "{errors:?}");
        assert_eq!(
            lines[0], 19,
            "the unclosed string's own line first: {errors:?}"
        );
    }

    #[test]
    fn each_fact_is_parsed_alone_yet_errors_name_the_files_lines() {
        let second = GOOD_FACT.replace("us-aid", "us-aid-2");
        let text = format!("{}{second}\n[engine]\nanswr = 0.5\n", toml(GOOD_FACT));
        let errors = messages(load(&text));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("kb/knowledge.toml:30: [engine]: unknown engine setting `answr`"),
            "{errors:?}"
        );
        let broken = format!(
            "{}{}",
            toml(&GOOD_FACT.replace("answer = \"Aid.\"", "answer = \"Aid.")),
            second.replace("topic = \"aid\"", "topic = aid")
        );
        let errors = messages(load(&broken));
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].starts_with("kb/knowledge.toml:19: invalid TOML"));
        assert!(errors[1].starts_with("kb/knowledge.toml:24: invalid TOML"));
        let twice = format!("fact = []\n{}", toml(GOOD_FACT));
        let errors = messages(load(&twice));
        assert_eq!(
            errors,
            ["kb/knowledge.toml:16: invalid TOML: duplicate key `fact`"]
        );
    }

    #[test]
    fn parts_too_large_to_parse_at_once_are_refused_with_their_line() {
        let intent = format!("\"{}\", ", "why ".repeat(240));
        let huge_fact = GOOD_FACT.replace(
            "intents = [",
            &format!("intents = [{}", intent.repeat(1100)),
        );
        let errors = messages(load(&toml(&format!("{GOOD_FACT}{huge_fact}"))));
        assert_eq!(
            errors,
            ["kb/knowledge.toml:22: this `[[fact]]` table is too large: at most 1024 KB"]
        );
        let huge_summary = toml(GOOD_FACT).replace("Long.", &"Long. ".repeat(800_000));
        let errors = messages(load(&huge_summary));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("outside its `[[fact]]` tables may have at most 4 MB"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_large_file_checked_on_several_cores_reports_as_one() {
        let n = 2 * FACTS_PER_CORE + 1;
        let mut facts = String::new();
        for i in 0..n {
            facts.push_str(&GOOD_FACT.replace("us-aid", &format!("f{i}")));
        }
        // The last fact repeats the first's id and cites the first's sentence.
        facts.push_str(
            "\n[[fact]]\nid = \"f0\"\ntopic = \"aid\"\nintents = [\"q\"]\nanswer = \"A.\"\nsame_source = \"f1\"\n",
        );
        let text = toml(&facts);
        let last = 15 + 7 * n;
        assert_eq!(
            messages(load(&text)),
            [format!(
                "kb/knowledge.toml:{last}: duplicate fact id `f0` (first used on line 15)"
            )]
        );
        let k = load(&text.replace(
            "id = \"f0\"\ntopic = \"aid\"\nintents = [\"q\"]",
            "id = \"last\"\ntopic = \"aid\"\nintents = [\"q\"]",
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(k.facts.len(), n + 1);
        assert_eq!(k.facts[n].id, "last");
        assert_eq!(k.facts[n].sentence, k.facts[1].sentence);
        assert_eq!(k.facts[n - 1].line, last - 7);
    }

    #[test]
    fn unknown_and_missing_fields_are_named() {
        let fact = GOOD_FACT.replace("answer = \"Aid.\"\n", "anwser = \"Aid.\"\n");
        let errors = messages(load(&toml(&fact)));
        assert!(
            errors
                .iter()
                .any(|e| e.contains(":19: unknown field `anwser` in fact `us-aid`")),
            "{errors:?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains(":15: missing field `answer` in fact `us-aid`")),
            "{errors:?}"
        );
    }

    #[test]
    fn duplicate_ids_point_at_the_first_use() {
        let errors = messages(load(&toml(&format!("{GOOD_FACT}{GOOD_FACT}"))));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains(":22: duplicate fact id `us-aid` (first used on line 15)"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_source_missing_from_the_article_is_quoted() {
        let fact = GOOD_FACT.replace("The U.S. sent aid.", "The U.S. sent tanks.");
        let errors = messages(load(&toml(&fact)));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0]
                .contains("source not found verbatim in kb/article.txt: \"The U.S. sent tanks.\""),
            "{errors:?}"
        );
        // It says where the copy went wrong, so the admin need not diff by eye.
        assert!(
            errors[0].ends_with(
                "; the nearest sentence, in paragraph 1, has \"aid\" where the source has \"tanks\""
            ),
            "{errors:?}"
        );
    }

    #[test]
    fn actors_must_be_named_in_the_article_or_the_synonyms() {
        let named = GOOD_FACT.replace("answer =", "actors = [\"us\", \"america\"]\nanswer =");
        let k = load(&toml(&named)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(k.facts[0].actors, ["us", "america"]);
        let unknown = GOOD_FACT.replace("answer =", "actors = [\"narnia\"]\nanswer =");
        let errors = messages(load(&toml(&unknown)));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains(
                ":19: fact `us-aid`: actor \"narnia\" is not named in the article or the synonyms"
            ),
            "{errors:?}"
        );
    }

    #[test]
    fn empty_intents_and_unknown_topics_are_errors() {
        let fact = GOOD_FACT
            .replace("[\"what did the us send\"]", "[]")
            .replace("topic = \"aid\"", "topic = \"war\"");
        let errors = messages(load(&toml(&fact)));
        assert!(
            errors
                .iter()
                .any(|e| e.contains("field `intents` in fact `us-aid` is an empty list")),
            "{errors:?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("unknown topic `war` (topics: aid)")),
            "{errors:?}"
        );
    }

    #[test]
    fn synonym_loops_and_double_listings_are_errors() {
        let text = toml(GOOD_FACT).replace(
            "us = [\"america\", \"united states\"]",
            "us = [\"america\"]\namerica = [\"usa\"]\nusa2 = [\"states\"]\nusa3 = [\"states\"]",
        );
        let errors = messages(load(&text));
        assert!(
            errors
                .iter()
                .any(|e| e.contains("synonym loop: `america` is a variant of `us`")),
            "{errors:?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("`states` is listed under both `usa2` and `usa3`")),
            "{errors:?}"
        );
    }

    #[test]
    fn same_source_cites_the_sentence_of_another_fact() {
        let second = r#"
[[fact]]
id = "us-aid-size"
topic = "aid"
intents = ["how much aid"]
answer = "Some."
same_source = "us-aid"
"#;
        let k = load(&toml(&format!("{second}{GOOD_FACT}"))).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(k.facts.len(), 2);
        assert_eq!(k.sentence_of(&k.facts[0]).text, "The U.S. sent aid.");
        assert_eq!(k.facts[0].sentence, k.facts[1].sentence);
    }

    #[test]
    fn a_bad_same_source_names_its_line() {
        let fact = |reference: &str, extra: &str| {
            format!(
                "\n[[fact]]\nid = \"other\"\ntopic = \"aid\"\nintents = [\"q\"]\nanswer = \"A.\"\nsame_source = \"{reference}\"\n{extra}"
            )
        };
        let errors = messages(load(&toml(&format!("{GOOD_FACT}{}", fact("nope", "")))));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains(":27: fact `other`: same_source `nope` is not the id of a fact"),
            "{errors:?}"
        );
        let both = fact("us-aid", "source = \"The U.S. sent aid.\"\n");
        let errors = messages(load(&toml(&format!("{GOOD_FACT}{both}"))));
        assert!(
            errors.iter().any(|e| e
                .contains(":28: fact `other`: give either `source` or `same_source`, not both")),
            "{errors:?}"
        );
        let chained = format!(
            "{GOOD_FACT}{}{}",
            fact("us-aid", ""),
            fact("other", "").replace("\"other\"\ntopic", "\"third\"\ntopic")
        );
        let errors = messages(load(&toml(&chained)));
        assert!(
            errors.iter().any(|e| e.contains(
                "fact `third`: same_source `other` names a fact that has no `source` of its own"
            )),
            "{errors:?}"
        );
    }

    #[test]
    fn later_events_unknown_is_a_flag_of_the_article() {
        let k = load(&toml(GOOD_FACT)).unwrap_or_else(|e| panic!("{e}"));
        assert!(!k.meta.later_events_unknown);
        let on = toml(GOOD_FACT).replace(
            "title = \"A headline\"\n",
            "title = \"A headline\"\nlater_events_unknown = true\n",
        );
        let k = load(&on).unwrap_or_else(|e| panic!("{e}"));
        assert!(k.meta.later_events_unknown);
        let bad = on.replace("= true", "= \"yes\"");
        let errors = messages(load(&bad));
        assert!(
            errors.iter().any(|e| e.contains(
                ":3: field `later_events_unknown` in [article] must be true or false, found string"
            )),
            "{errors:?}"
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = GOOD_FACT
            .replace("The U.S. sent aid.", "Nope.")
            .replace("id = \"us-aid\"", "id = \"\"");
        let errors = messages(load(&toml(&format!("{bad}\ncolour = \"red\"\n"))));
        assert!(errors.len() >= 3, "{errors:?}");
    }

    #[test]
    fn a_missing_directory_names_the_file() {
        let errors = messages(load_dir(Path::new("/nonexistent/knowledge")));
        assert_eq!(
            errors,
            [
                "/nonexistent/knowledge/knowledge.toml: file not found; draft one from your article with `citebot init ARTICLE DIR`"
            ]
        );
    }

    /// A knowledge directory with the test knowledge, `article` written as
    /// the article file (unless it is `None`).
    fn dir_with(knowledge: &str, article: Option<&str>) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("a temporary directory");
        std::fs::write(dir.path().join(KNOWLEDGE_FILE), knowledge).expect("write knowledge");
        if let Some(article) = article {
            std::fs::write(dir.path().join(DEFAULT_ARTICLE_FILE), article).expect("write article");
        }
        dir
    }

    /// `load_dir` in a thread, failing (not hanging) if it never returns.
    fn load_dir_within_a_minute(dir: &Path) -> Vec<String> {
        let dir = dir.to_path_buf();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(messages(load_dir(&dir)));
        });
        rx.recv_timeout(std::time::Duration::from_secs(60))
            .expect("load_dir returned instead of hanging")
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_device_is_refused_not_read() {
        let dir = dir_with(&toml(GOOD_FACT), None);
        let article = dir.path().join(DEFAULT_ARTICLE_FILE);
        let made = std::process::Command::new("mkfifo")
            .arg(&article)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        let errors = load_dir_within_a_minute(dir.path());
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("article.txt: not a regular file"),
            "{errors:?}"
        );

        std::fs::remove_file(&article).expect("remove the fifo");
        std::os::unix::fs::symlink("/dev/zero", &article).expect("symlink");
        let errors = load_dir_within_a_minute(dir.path());
        assert!(
            errors[0].contains("article.txt: not a regular file"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_file_over_the_size_cap_is_refused() {
        let dir = dir_with(&toml(GOOD_FACT), Some(ARTICLE));
        let file = std::fs::OpenOptions::new()
            .append(true)
            .open(dir.path().join(DEFAULT_ARTICLE_FILE))
            .expect("open the article");
        file.set_len(MAX_FILE_BYTES + 1).expect("grow the article");
        let errors = messages(load_dir(dir.path()));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains("file too large"), "{errors:?}");
    }

    #[test]
    fn the_article_must_be_inside_the_knowledge_directory() {
        for name in [
            "../article.txt",
            "/etc/hostname",
            "/proc/self/environ",
            "a/../../b",
        ] {
            let text = toml(GOOD_FACT).replace(
                "title = \"A headline\"",
                &format!("title = \"A headline\"\ntext = \"{name}\""),
            );
            let dir = dir_with(&text, Some(ARTICLE));
            let errors = messages(load_dir(dir.path()));
            assert_eq!(errors.len(), 1, "{name}: {errors:?}");
            assert!(
                errors[0].contains("knowledge.toml:3: `text` in [article]: must be a file inside the knowledge directory"),
                "{name}: {errors:?}"
            );
            let errors = messages(load(&text));
            assert!(
                errors.iter().any(|e| e.contains(":3: `text` in [article]")),
                "{name}: {errors:?}"
            );
        }
        let inside = toml(GOOD_FACT).replace(
            "title = \"A headline\"",
            "title = \"A headline\"\ntext = \"./story.txt\"",
        );
        let dir = dir_with(&inside, None);
        std::fs::write(dir.path().join("story.txt"), ARTICLE).expect("write the article");
        assert_eq!(messages(load_dir(dir.path())), Vec::<String>::new());
    }

    #[test]
    fn overlong_texts_and_words_name_file_and_line() {
        let long_word = "a".repeat(MAX_WORD_CHARS + 1);
        let cases = [
            (
                GOOD_FACT.replace("what did the us send", &"why ".repeat(300)),
                ":18: `intents` in fact `us-aid` is too long: 1199 bytes, at most 1000",
            ),
            (
                GOOD_FACT.replace("what did the us send", &format!("what is {long_word}")),
                ":18: `intents` in fact `us-aid` has a word longer than 64 characters",
            ),
            (
                GOOD_FACT.replace("Aid.", &"Aid. ".repeat(400)),
                ":19: `answer` in fact `us-aid` is too long",
            ),
            (
                GOOD_FACT
                    .replace("answer =", "keywords = [\"x\", \"long keyword\"]\nanswer =")
                    .replace("long keyword", &"k ".repeat(60)),
                ":19: `keywords` in fact `us-aid` is too long: 119 characters, at most 100",
            ),
        ];
        for (fact, expected) in cases {
            let errors = messages(load(&toml(&fact)));
            assert!(
                errors.iter().any(|e| e.contains(expected)),
                "{expected}: {errors:?}"
            );
        }
        let synonym = toml(GOOD_FACT).replace("\"america\"", &format!("\"{long_word}\""));
        let errors = messages(load(&synonym));
        assert!(
            errors
                .iter()
                .any(|e| e.contains(":5: synonym `us` has a word longer than 64")),
            "{errors:?}"
        );
        let article = format!("{ARTICLE}\nA {long_word} here.\n");
        let errors = messages(load_str(Path::new("kb"), &toml(GOOD_FACT), &article));
        assert_eq!(
            errors,
            [format!(
                "kb/article.txt:7: a word longer than 64 characters (\"{}…\"): is a space missing?",
                "a".repeat(20)
            )]
        );
    }

    #[test]
    fn the_shipped_knowledge_loads() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
        let k = load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
        assert!(k.facts.len() >= 40);
        let cited: std::collections::HashSet<usize> = k.facts.iter().map(|f| f.sentence).collect();
        assert_eq!(
            cited.len(),
            k.article.sentences.len(),
            "every sentence is cited by a fact"
        );
    }
}
