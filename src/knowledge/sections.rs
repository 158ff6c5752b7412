//! The knowledge file cut at its `[[fact]]` tables, so that the loader
//! parses, checks and drops one fact at a time: a TOML parser holds the
//! tokens and the document tree of what it parses, about ten times the
//! text, which for a file of 100,000 facts was most of a gigabyte.
//!
//! The cut follows TOML's own tokens (strings, comments and multi-line
//! values cannot hide a header), so each part parses as it would in the
//! whole file; a part's spans are mapped back to offsets in the file, so
//! errors still name the file's line.

use std::iter::Peekable;
use std::ops::Range;

use toml_parser::Source;
use toml_parser::lexer::{Lexer, TokenKind};

/// A knowledge file's text in the parts the loader parses one by one.
#[derive(Debug, Clone, Default)]
pub(super) struct Sections {
    /// Everything outside the facts' tables (the `[article]`, `[synonyms]`,
    /// `[summary]`, `[topics.*]` and `[engine]` tables), joined in file order.
    pub rest: String,
    /// Where each run of [`Sections::rest`] starts: (offset in `rest`,
    /// offset in the file), sorted.
    pub rest_pieces: Vec<(usize, usize)>,
    /// The byte range of each `[[fact]]` table in the file, with any
    /// `[fact.…]` sub-table written after it.
    pub facts: Vec<Range<usize>>,
}

/// What a table header opens, as far as the cut is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Header {
    /// `[[fact]]`: a new fact.
    Fact,
    /// Any other header whose first key is `fact` (`[fact.x]`, `[fact]`):
    /// it belongs with the fact before it, where TOML puts it.
    OfFact,
    /// Any other table.
    Other,
}

/// Where the lexer stands within a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Only whitespace since the line began: a `[` opens a header.
    LineStart,
    /// In a key, before its `=`.
    Key,
    /// In a value, inside this many open brackets or braces.
    Value(usize),
    /// In a header line: nothing more matters until the line ends.
    Header,
}

impl Sections {
    /// Cuts `text` at its top-level table headers.
    pub fn new(text: &str) -> Sections {
        let headers = headers(text);
        let mut sections = Sections::default();
        let mut rest_end = headers.first().map_or(text.len(), |h| h.0);
        sections.push_rest(text, 0..rest_end);
        for (n, &(start, kind)) in headers.iter().enumerate() {
            let end = headers.get(n + 1).map_or(text.len(), |h| h.0);
            let follows_fact = sections.facts.last().is_some_and(|f| f.end == start);
            match kind {
                Header::Fact => sections.facts.push(start..end),
                Header::OfFact if follows_fact => {
                    if let Some(fact) = sections.facts.last_mut() {
                        fact.end = end;
                    }
                }
                Header::OfFact | Header::Other => {
                    if rest_end != start {
                        sections.rest.push('\n');
                    }
                    sections.push_rest(text, start..end);
                    rest_end = end;
                }
            }
        }
        sections
    }

    /// Appends `range` of the file to [`Sections::rest`].
    fn push_rest(&mut self, text: &str, range: Range<usize>) {
        self.rest_pieces.push((self.rest.len(), range.start));
        self.rest.push_str(&text[range]);
    }

    /// The file offset of an offset in [`Sections::rest`].
    pub fn rest_to_file(pieces: &[(usize, usize)], offset: usize) -> usize {
        let i = pieces.partition_point(|p| p.0 <= offset).saturating_sub(1);
        match pieces.get(i) {
            Some(&(rest, file)) => file + offset.saturating_sub(rest),
            None => offset,
        }
    }
}

/// Every top-level table header of `text`: its offset and what it opens.
fn headers(text: &str) -> Vec<(usize, Header)> {
    let source = Source::new(text);
    let mut tokens = source.lex().peekable();
    let mut state = State::LineStart;
    let mut out = Vec::new();
    while let Some(token) = tokens.next() {
        state = match (state, token.kind()) {
            (_, TokenKind::Eof) => break,
            (State::Value(depth), TokenKind::Newline) if depth > 0 => state,
            (_, TokenKind::Newline) => State::LineStart,
            (State::Header, _) => State::Header,
            (_, TokenKind::Whitespace | TokenKind::Comment) => state,
            (State::LineStart, TokenKind::LeftSquareBracket) => {
                let array = tokens
                    .next_if(|t| t.kind() == TokenKind::LeftSquareBracket)
                    .is_some();
                out.push((token.span().start(), header(text, array, &mut tokens)));
                State::Header
            }
            (State::LineStart | State::Key, TokenKind::Equals) => State::Value(0),
            (State::LineStart | State::Key, _) => State::Key,
            (State::Value(depth), TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket) => {
                State::Value(depth + 1)
            }
            (State::Value(depth), TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket) => {
                State::Value(depth.saturating_sub(1))
            }
            (State::Value(_), _) => state,
        };
    }
    out
}

/// What the header whose brackets were just read opens, from its keys.
fn header(text: &str, array: bool, tokens: &mut Peekable<Lexer<'_>>) -> Header {
    let mut keys: Vec<&str> = Vec::new();
    let in_key = |kind: TokenKind| {
        matches!(
            kind,
            TokenKind::Whitespace
                | TokenKind::Dot
                | TokenKind::Atom
                | TokenKind::BasicString
                | TokenKind::LiteralString
        )
    };
    while let Some(token) = tokens.next_if(|t| in_key(t.kind())) {
        if !matches!(token.kind(), TokenKind::Whitespace | TokenKind::Dot) {
            let raw = text.get(token.span().start()..token.span().end());
            keys.push(raw.unwrap_or_default().trim_matches(['"', '\'']));
        }
    }
    match keys.as_slice() {
        ["fact"] if array => Header::Fact,
        ["fact", ..] => Header::OfFact,
        _ => Header::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_are_cut_at_their_headers_and_the_rest_kept_in_order() {
        let text = "[article]\ntitle = \"t\"\n\n[[fact]]\nid = \"a\"\n[fact.extra]\nx = 1\n[topics.b]\ntitle = \"b\"\n[[fact]]\nid = \"c\"\n";
        let s = Sections::new(text);
        let facts: Vec<&str> = s.facts.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            facts,
            [
                "[[fact]]\nid = \"a\"\n[fact.extra]\nx = 1\n",
                "[[fact]]\nid = \"c\"\n"
            ]
        );
        assert_eq!(
            s.rest,
            "[article]\ntitle = \"t\"\n\n\n[topics.b]\ntitle = \"b\"\n"
        );
        let at = s.rest.find("[topics").unwrap_or_default();
        assert_eq!(
            Sections::rest_to_file(&s.rest_pieces, at),
            text.find("[topics").unwrap_or_default()
        );
    }

    #[test]
    fn headers_inside_strings_and_values_do_not_cut() {
        let text = "[[fact]]\nanswer = \"\"\"\n[[fact]]\n\"\"\"\nintents = [\n[[\"x\"]]\n]\n# [[fact]]\nsource = '[[fact]]'\n";
        let s = Sections::new(text);
        assert_eq!(s.facts.len(), 1);
        assert_eq!((s.facts[0].start, s.facts[0].end), (0, text.len()));
        assert_eq!(s.rest, "");
    }
}
