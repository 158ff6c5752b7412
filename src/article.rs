//! The article as data: its paragraphs and sentences, numbered the way the bot
//! cites them (the headline is paragraph 0, the body starts at 1).

use crate::text::{fold_typography, split_sentences};

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
    /// paragraphs, as web copies often lose the blank line).
    pub fn parse(text: &str) -> Article {
        let paragraphs: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_string)
            .collect();
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
        let needle = fold_typography(cited);
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
