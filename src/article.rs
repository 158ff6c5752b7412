//! The article as data: its paragraphs and sentences, numbered the way the bot
//! cites them (the headline is paragraph 0, the body starts at 1).

use crate::text::{fold_typography, quotes, split_sentences};

/// Longest line, in characters, of a block that may be hard-wrapped prose:
/// wrapped text is filled to 60–100 columns, while a text with one paragraph
/// a line has longer lines.
const MAX_WRAP_WIDTH: usize = 120;
/// A line filled to at least this share of its block's longest line was
/// wrapped, so the next line carries on its paragraph.
const FULL_LINE_SHARE: f64 = 0.6;
/// Shorter lines were not wrapped: a byline or a dateline under another.
const MIN_WRAPPED_LINE: usize = 40;

/// The article's paragraphs, one string each, from its lines:
/// - a byte-order mark and a Markdown heading's `#`s or a list item's
///   bullet (`-`, `*`, `•`) are dropped, so they are not read as words;
/// - the first line is the headline, a paragraph of its own;
/// - in a block of lines between blank lines whose longest line is at most
///   `MAX_WRAP_WIDTH` characters, a line continues the one before when
///   that one was filled (at least `FULL_LINE_SHARE` of the longest and
///   `MIN_WRAPPED_LINE` characters) and
///   it is itself filled or ends a sentence; a short line without an end
///   (a byline, a dateline, a heading) stands alone, and a list item
///   always starts a paragraph;
/// - otherwise every line is a paragraph.
pub fn paragraphs(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out: Vec<String> = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    let mut lines = text.lines().map(str::trim);
    if let Some(headline) = lines.by_ref().find(|l| !l.is_empty()) {
        out.push(unmark(headline).to_string());
    }
    for line in lines.chain(std::iter::once("")) {
        if line.is_empty() {
            unwrap_block(&block, &mut out);
            block.clear();
        } else {
            block.push(line);
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

/// Appends a block's paragraphs to `out`: its lines joined where they were
/// wrapped, else one a line.
fn unwrap_block(block: &[&str], out: &mut Vec<String>) {
    let longest = block.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let wrapped = block.len() > 1 && longest <= MAX_WRAP_WIDTH;
    let full = |line: &str| {
        let length = line.chars().count();
        length >= MIN_WRAPPED_LINE && length as f64 >= FULL_LINE_SHARE * longest as f64
    };
    let mut previous: Option<&str> = None;
    for &line in block {
        let carries_on = wrapped
            && previous.is_some_and(|p| full(p) && !is_heading(p))
            && !is_list_item(line)
            && !is_heading(line)
            && (full(line) || ends_sentence(line));
        let text = unmark(line);
        match out.last_mut() {
            Some(paragraph) if carries_on => {
                // A compound broken at its hyphen ("full-" / "year") is one word.
                if !ends_in_broken_compound(paragraph) {
                    paragraph.push(' ');
                }
                paragraph.push_str(text);
            }
            _ => out.push(text.to_string()),
        }
        previous = Some(line);
    }
}

/// True when a wrapped line ended inside a hyphenated compound.
fn ends_in_broken_compound(line: &str) -> bool {
    let mut back = line.chars().rev();
    back.next() == Some('-') && back.next().is_some_and(char::is_alphabetic)
}

/// A line without the Markdown heading or list marker it opens with.
fn unmark(line: &str) -> &str {
    let line = if is_heading(line) {
        line.trim_start_matches('#')
    } else {
        line
    };
    let line = if is_list_item(line) {
        &line[line.chars().next().map_or(0, char::len_utf8)..]
    } else {
        line
    };
    line.trim()
}

/// True for a Markdown heading line (`## Opposition`).
fn is_heading(line: &str) -> bool {
    let hashes = line.len() - line.trim_start_matches('#').len();
    (1..=6).contains(&hashes) && line[hashes..].starts_with(' ')
}

/// True for a bulleted list item (`- Cost: $4.5 million`).
fn is_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    matches!(chars.next(), Some('-' | '*' | '•')) && chars.next() == Some(' ')
}

/// True when a line ends with a sentence's last mark, maybe inside quotes.
fn ends_sentence(line: &str) -> bool {
    let end = line.trim_end_matches(|c| quotes::is_closing(c) || c == ')');
    end.ends_with(['.', '!', '?'])
}

/// One sentence of the article with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence exactly as the article has it.
    pub text: String,
    /// Paragraph number: 0 is the headline, 1 the first paragraph of the body.
    pub paragraph: usize,
}

/// The article split into paragraphs and sentences.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// Paragraph texts in order; index is the paragraph number (0 = headline).
    pub paragraphs: Vec<String>,
    /// Every sentence in reading order.
    pub sentences: Vec<Sentence>,
    /// Each sentence's text folded for verbatim comparison, parallel to `sentences`.
    folded: Vec<String>,
    /// Sentence index by folded text, for whole-sentence look-ups.
    index: std::collections::HashMap<String, usize>,
}

impl Article {
    /// Reads article text: the first non-empty line is the headline, then
    /// paragraphs separated by blank lines (a single line break also separates
    /// paragraphs, as web copies often lose the blank line). Hard-wrapped
    /// text (plain-text mail, a terminal copy) is unwrapped first, so that a
    /// sentence is never cut at a line end; see [`paragraphs`].
    pub fn parse(text: &str) -> Article {
        let paragraphs = paragraphs(text);
        let mut sentences = Vec::new();
        for (number, paragraph) in paragraphs.iter().enumerate() {
            for sentence in split_sentences(paragraph) {
                sentences.push(Sentence {
                    text: sentence.to_string(),
                    paragraph: number,
                });
            }
        }
        let folded: Vec<String> = sentences.iter().map(|s| fold_typography(&s.text)).collect();
        let mut index = std::collections::HashMap::new();
        for (i, text) in folded.iter().enumerate() {
            index.entry(text.clone()).or_insert(i);
        }
        Article {
            paragraphs,
            sentences,
            folded,
            index,
        }
    }

    /// The headline, if the article has any text.
    pub fn headline(&self) -> Option<&str> {
        self.paragraphs.first().map(String::as_str)
    }

    /// Finds the sentence that a cited text comes from, comparing modulo curly
    /// versus straight quotes and white space. The cited text may be the whole
    /// sentence or a part of one; it returns the index into `sentences`.
    pub fn locate(&self, cited: &str) -> Option<usize> {
        // A source copied with its list bullet or heading marks, which the
        // article's sentences are read without.
        let needle = fold_typography(unmark(cited.trim()));
        if needle.is_empty() {
            return None;
        }
        self.index
            .get(&needle)
            .copied()
            .or_else(|| self.folded.iter().position(|s| s.contains(&needle)))
    }

    /// The paragraph with the given number, if there is one.
    pub fn paragraph(&self, number: usize) -> Option<&str> {
        self.paragraphs.get(number).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Headline here\n\nFirst para. It has two sentences.\n\n“Quoted,” he said.\n";

    #[test]
    fn numbers_headline_zero_and_body_from_one() {
        let a = Article::parse(TEXT);
        assert_eq!(a.headline(), Some("Headline here"));
        assert_eq!(a.paragraph(1), Some("First para. It has two sentences."));
        assert_eq!(a.sentences.len(), 4);
        assert_eq!(a.sentences[2].paragraph, 1);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_read_whole() {
        let text = "Council approves park\n\nBy Jane Doe\nMarch 3, 2025\n\n\
            The city council voted on Tuesday to approve a new park on the\n\
            east side of town, after a debate that lasted most of the day\n\
            and night.\n\n\
            The mayor said the park will open in 2027, if the full-\n\
            year budget holds and the builders keep to their plan.\n";
        let a = Article::parse(text);
        assert_eq!(
            a.paragraphs,
            [
                "Council approves park",
                "By Jane Doe",
                "March 3, 2025",
                "The city council voted on Tuesday to approve a new park on the \
                 east side of town, after a debate that lasted most of the day and night.",
                "The mayor said the park will open in 2027, if the full-year \
                 budget holds and the builders keep to their plan.",
            ]
        );
        assert_eq!(a.sentences[3].text, a.paragraphs[3]);
    }

    #[test]
    fn a_paragraph_a_line_stays_as_it_is() {
        // Lines longer than any wrap width are paragraphs even without
        // blank lines between them, however long each is.
        let long = "This sentence is long enough that nobody would wrap a text at its width, \
                    and it goes on for a while more, and then for another while after that.";
        let text = format!("Headline\n{long}\n{long}\nShort one.\n");
        let a = Article::parse(&text);
        assert_eq!(a.paragraphs.len(), 4);
        assert_eq!(a.paragraph(1), Some(long));
    }

    #[test]
    fn marks_of_markup_are_not_read_as_words() {
        let text = "\u{feff}# Park news\n\n## Costs\n- Cost: $4.5 million\n* Size: 12 acres\n\n-5 degrees.\n#1 in the city.\n";
        let a = Article::parse(text);
        assert_eq!(
            a.paragraphs,
            [
                "Park news",
                "Costs",
                "Cost: $4.5 million",
                "Size: 12 acres",
                "-5 degrees.",
                "#1 in the city.",
            ]
        );
        // A source quoted with its bullet is still found.
        assert_eq!(a.locate("- Cost: $4.5 million"), Some(2));
    }

    #[test]
    fn locates_with_straight_quotes_and_extra_space() {
        let a = Article::parse(TEXT);
        let i = a
            .locate("\"Quoted,\"  he said.")
            .map(|i| a.sentences[i].paragraph);
        assert_eq!(i, Some(2));
        assert_eq!(a.locate("It has two"), Some(2));
        assert_eq!(a.locate("Not in it."), None);
        assert_eq!(a.locate("   "), None);
    }
}
