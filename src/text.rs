//! Text handling shared by the loader and the engine: folding Unicode and case,
//! splitting text into word tokens, stop words, stemming, and splitting an
//! article paragraph into sentences without tripping on "U.S." or quoted
//! questions. Which characters are quotation marks is [`quotes`]' job.

use std::borrow::Cow;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use crate::language::{List, language};

pub mod quotes;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// Folds text for comparison: Unicode compatibility decomposition with accents
/// removed, curly quotes and dashes made ASCII, and lowercase.
///
/// Used everywhere two pieces of text must compare equal although one was typed
/// on a phone and the other copied from a web page.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        // One buffer: most text is plain ASCII without a backtick.
        let lower = text.to_ascii_lowercase();
        return if lower.contains('`') {
            lower.replace('`', "'")
        } else {
            lower
        };
    }
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if let Some(straight) = quotes::straighten(c) {
            out.push(straight);
            continue;
        }
        match c {
            // Primes and the backtick, typed for an apostrophe or a quotation mark.
            '\u{2032}' | '`' => out.push('\''),
            '\u{2033}' => out.push('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Folds quotes and collapses runs of whitespace, keeping case: the form in
/// which a cited sentence is compared with the article ("verbatim" modulo
/// typography).
pub fn fold_typography(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.trim().chars() {
        let c = match c {
            '\u{00A0}' => ' ',
            c => quotes::straighten(c).unwrap_or(c),
        };
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// True for the ASCII bytes that are white space as [`char::is_whitespace`]
/// reads it (which, unlike [`u8::is_ascii_whitespace`], counts the vertical
/// tab): for checks that read an ASCII message byte by byte.
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// Splits text into lowercase word tokens.
///
/// Handles what news text and chat throw at a matcher: dotted abbreviations
/// ("U.S." and "u.s" become `us`), thousands separators ("100,000" becomes
/// `100000`), "10k" for ten thousand, possessives ("Russia's" becomes
/// `russia`), and hyphenated compounds ("U.S.-made" becomes `us`, `made`).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::with_capacity(text.len() / 4 + 1);
    read_words(text, &mut out);
    out
}

/// [`words`] into any [`Sink`].
fn read_words(text: &str, out: &mut impl Sink) {
    if text.is_ascii() {
        // Folded word by word as it is read: no folded copy of the text.
        ascii_words(text, out);
        return;
    }
    let folded = fold(text);
    if folded.is_ascii() {
        // Plain ASCII (most questions): read its bytes as they are, without
        // decoding them into a buffer of characters first.
        ascii_words(&folded, out);
    } else {
        // Sized once: collecting grew it a few times per question.
        let mut chars: Vec<char> = Vec::with_capacity(folded.len());
        chars.extend(folded.chars());
        words_of(&chars, out);
    }
}

/// [`Words`] of a test's text as borrowed words, for the functions that
/// read a question's words so; kept for the rest of the test run.
#[cfg(test)]
pub fn test_words(text: &str) -> Vec<&'static str> {
    let words: &'static Words = Box::leak(Box::new(Words::read(text)));
    words.to_strs()
}

/// Where the tokenizer puts the words it reads: a list of strings
/// ([`words`]) or one buffer ([`Words`]).
trait Sink {
    /// Adds a word as it is (a dotted abbreviation without its dots).
    fn raw(&mut self, word: String);
    /// Adds a word read letter by letter, expanded as [`push_word`] does.
    fn token(&mut self, token: String);
    /// Takes the ASCII `text` whose plain words [`Sink::lowercase`] will
    /// add, and returns where the sink keeps it (what it passes back).
    fn ascii_text(&mut self, text: &str) -> usize;
    /// Adds the plain ASCII word `text[start..end]` in lowercase, expanded
    /// as [`push_word`] does; `kept`: what [`Sink::ascii_text`] returned
    /// for `text`.
    fn lowercase(&mut self, text: &str, kept: usize, start: usize, end: usize);
}

impl Sink for Vec<String> {
    fn raw(&mut self, word: String) {
        self.push(word);
    }

    fn token(&mut self, token: String) {
        push_word(token, self);
    }

    fn ascii_text(&mut self, _text: &str) -> usize {
        0
    }

    fn lowercase(&mut self, text: &str, _kept: usize, start: usize, end: usize) {
        let word = text.get(start..end).unwrap_or_default();
        push_word(word.to_ascii_lowercase(), self);
    }
}

/// Bytes a [`Words`] keeps free after the text it reads, for the words
/// written after it (a number's expansion, a chat word's full words, a word
/// read letter by letter).
const WRITTEN_ROOM: usize = 32;

/// The words of a text as [`words`] reads them, kept in one buffer: two
/// allocations for a question instead of one a word, and each word
/// borrowed from it as a `&str`. ASCII text is copied into the buffer
/// whole, in lowercase, and its plain words are read where they stand
/// there: no copy a word.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// The words' text: words one after another, and the lowercase copy of
    /// the ASCII text they were read from (white space and punctuation
    /// included, read by no word).
    text: String,
    /// Where each word starts and ends in `text`.
    spans: Vec<(usize, usize)>,
}

impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Words {}

impl Words {
    /// The words of `text` ([`words`]).
    pub fn read(text: &str) -> Words {
        // The text itself, and room for the few words written after it.
        let mut out = Words::with_capacity(text.len() + WRITTEN_ROOM, text.len() / 4 + 1);
        read_words(text, &mut out);
        out
    }

    /// No words yet, with room for `words` words of `bytes` bytes in all.
    pub fn with_capacity(bytes: usize, words: usize) -> Words {
        Words {
            text: String::with_capacity(bytes),
            spans: Vec::with_capacity(words),
        }
    }

    /// How many words there are.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when there is no word.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The words in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.spans
            .iter()
            .map(|&(start, end)| self.text.get(start..end).unwrap_or_default())
    }

    /// The words as a list of borrowed strings.
    pub fn to_strs(&self) -> Vec<&str> {
        let mut out = Vec::with_capacity(self.len());
        out.extend(self.iter());
        out
    }

    /// Adds a word as it is.
    pub fn push(&mut self, word: &str) {
        let start = self.text.len();
        self.text.push_str(word);
        self.spans.push((start, self.text.len()));
    }

    /// Keeps only the words `keep` accepts.
    pub fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        let text = &self.text;
        self.spans
            .retain(|&(start, end)| keep(text.get(start..end).unwrap_or_default()));
    }

    /// Ends the word at `start..end` of the buffer: "10k" as "10000", a chat
    /// abbreviation as its full words ([`push_word`]), each written after
    /// the buffer's text.
    fn end_word(&mut self, start: usize, end: usize) {
        let mut span = (start, end);
        let word = self.text.get(start..end).unwrap_or_default();
        if let Some((digits, zeros)) = number_suffix(word) {
            let expanded = format!("{}{}", &word[..digits], "0".repeat(zeros));
            let at = self.text.len();
            self.text.push_str(&expanded);
            span = (at, self.text.len());
        }
        let word = self.text.get(span.0..span.1).unwrap_or_default();
        match chat_abbreviation(word) {
            Some(full) => {
                for part in full.split_whitespace() {
                    self.push(part);
                }
            }
            None => self.spans.push(span),
        }
    }
}

impl Sink for Words {
    fn raw(&mut self, word: String) {
        self.push(&word);
    }

    fn token(&mut self, token: String) {
        let start = self.text.len();
        self.text.push_str(&token);
        self.end_word(start, self.text.len());
    }

    fn ascii_text(&mut self, text: &str) -> usize {
        let kept = self.text.len();
        self.text.push_str(text);
        if let Some(added) = self.text.get_mut(kept..) {
            added.make_ascii_lowercase();
        }
        kept
    }

    #[inline]
    fn lowercase(&mut self, _text: &str, kept: usize, start: usize, end: usize) {
        let (start, end) = (kept + start, kept + end);
        let word = self.text.as_bytes().get(start..end).unwrap_or_default();
        // Most words open with a letter and are no chat word: read where
        // they stand, with no call to expand them.
        if !word.first().is_some_and(u8::is_ascii_digit) && !language().may_be_chat_word(word) {
            self.spans.push((start, end));
            return;
        }
        self.end_word(start, end);
    }
}

/// [`words`] of ASCII text, folded as it is read ([`fold`]: lowercase, a
/// backtick for an apostrophe). A run of letters and digits that ends the
/// text, or is followed by anything but a comma, an apostrophe or (after a
/// single letter) a dot, is a word as it stands and is taken at once, in
/// lowercase ([`Sink::lowercase`]); the others are read by [`word_at`],
/// character by character, from the folded text (made only then, once).
fn ascii_words(text: &str, out: &mut impl Sink) {
    let bytes = text.as_bytes();
    let kept = out.ascii_text(text);
    let mut folded: Option<String> = None;
    let mut i = 0;
    while i < bytes.len() {
        if !is_alphanumeric_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let end = bytes[i..]
            .iter()
            .position(|&b| !is_alphanumeric_byte(b))
            .map_or(bytes.len(), |n| i + n);
        let plain = match bytes.get(end) {
            Some(b',' | b'\'' | b'`') => false,
            Some(b'.') => end > i + 1,
            _ => true,
        };
        if plain {
            out.lowercase(text, kept, i, end);
            i = end;
        } else {
            // Folding ASCII keeps every byte in its place.
            let folded = folded.get_or_insert_with(|| fold(text));
            i = word_at(folded.as_bytes(), i, out);
        }
    }
}

/// Which bytes are ASCII letters and digits, by byte: one look-up where
/// [`u8::is_ascii_alphanumeric`] compiles to two range tests, in the loops
/// that read every byte of every text [`words`] splits (half their
/// instructions).
static ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// [`u8::is_ascii_alphanumeric`], by [`ALPHANUMERIC`].
#[inline]
fn is_alphanumeric_byte(b: u8) -> bool {
    ALPHANUMERIC[usize::from(b)]
}

/// [`words`] of folded text given as its characters.
fn words_of(chars: &[char], out: &mut impl Sink) {
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_alphanumeric() {
            i = word_at(chars, i, out);
        } else {
            i += 1;
        }
    }
}

/// Reads the word that starts at `i` (a letter or digit) into `out`, and
/// returns where it ends. `units` are the text's characters: `char`s, or
/// the bytes of ASCII text (one byte, one character, so the two read
/// alike).
fn word_at<C: Copy + Into<char>>(units: &[C], mut i: usize, out: &mut impl Sink) -> usize {
    let at = |i: usize| units.get(i).map(|&c| c.into());
    let start = i;
    // Room for most words, so that it is not grown letter by letter.
    let mut token = String::with_capacity(16);
    // A run of single letters joined by dots is an abbreviation: u.s., e.u.
    if let Some((abbr, end)) = dotted_abbreviation(units, i) {
        out.raw(abbr);
        return end;
    }
    while i < units.len() {
        let c: char = units[i].into();
        if c.is_alphanumeric() {
            token.push(c);
            i += 1;
        } else if c == ','
            && token.chars().all(|d| d.is_ascii_digit())
            && units[i + 1..]
                .iter()
                .take(3)
                .filter(|&&d| Into::<char>::into(d).is_ascii_digit())
                .count()
                == 3
            && at(i + 4).is_none_or(|d| !d.is_ascii_digit())
        {
            // Thousands separator inside a number.
            i += 1;
        } else if c == '\'' && at(i + 1).is_some_and(|n| n.is_alphabetic()) && i > start {
            // Possessive 's is dropped; other apostrophes are removed (don't -> dont).
            let rest_is_s =
                at(i + 1) == Some('s') && at(i + 2).is_none_or(|n| !n.is_alphanumeric());
            if rest_is_s {
                i += 2;
                break;
            }
            i += 1;
        } else {
            break;
        }
    }
    out.token(token);
    i
}

/// Adds a word read from text to `out`: "10k" as "10000", a chat
/// abbreviation as its full words ("whos": "who", "is").
fn push_word(token: String, out: &mut Vec<String>) {
    let token = expand_number_suffix(token);
    match chat_abbreviation(&token) {
        Some(full) => out.extend(full.split_whitespace().map(str::to_string)),
        None => out.push(token),
    }
}

/// The one word `text` reads as ([`words`]), `None` when it reads as none or
/// as several. A text of plain ASCII letters (most names a question
/// capitalises) is read without the tokenizer: it is its lowercase, or the
/// chat word it abbreviates.
pub fn single_word(text: &str) -> Option<String> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphabetic()) {
        let lower = text.to_ascii_lowercase();
        return match chat_abbreviation(&lower) {
            Some(full) if full.contains(' ') => None,
            Some(full) => Some(full.to_string()),
            None => Some(lower),
        };
    }
    let mut all = words(text);
    if all.len() == 1 { all.pop() } else { None }
}

/// Reads a dotted abbreviation such as "u.s." starting at `start`, returning it
/// without dots and the index after it.
fn dotted_abbreviation<C: Copy + Into<char>>(units: &[C], start: usize) -> Option<(String, usize)> {
    let at = |i: usize| units.get(i).map(|&c| c.into());
    let mut letters = String::new();
    let mut i = start;
    loop {
        let letter: char = at(i)?;
        if !letter.is_alphabetic() {
            break;
        }
        if at(i + 1) != Some('.') {
            break;
        }
        letters.push(letter);
        i += 2;
        // The next letter must stand alone (followed by a dot) to continue.
        if !at(i).is_some_and(|c| c.is_alphabetic()) {
            break;
        }
        if at(i + 1).is_some_and(|c| c.is_alphanumeric()) {
            // "u.s" at the end of a chat message: take the last letter too.
            break;
        }
    }
    // A final letter without a dot ("u.s"): accept it when it ends a word.
    if letters.chars().count() >= 1
        && let Some(last) = at(i).filter(|c| c.is_alphabetic())
        && at(i + 1).is_none_or(|c| !c.is_alphanumeric())
    {
        letters.push(last);
        i += 1;
    }
    if letters.chars().count() >= 2 {
        Some((letters, i))
    } else {
        None
    }
}

/// The full word for an abbreviation or slip common in chat ("jan",
/// "govt", "abut"), from `assets/lang/chat.txt`.
fn chat_abbreviation(word: &str) -> Option<&'static str> {
    language().chat_word(word)
}

/// True for words that only colour a sentence ("actually", "just"): they
/// are dropped before synonym phrases are matched, so "what's actually in"
/// still reads as "what's in".
pub fn is_filler(word: &str) -> bool {
    language().in_list(List::Fillers, word)
}

/// Turns "10k" into "10000" and "2m" into "2000000"; anything else is returned as is.
fn expand_number_suffix(token: String) -> String {
    match number_suffix(&token) {
        Some((digits, zeros)) => format!("{}{}", &token[..digits], "0".repeat(zeros)),
        None => token,
    }
}

/// How a number with a suffix ("10k", "2m", "3bn") is expanded: the bytes
/// of its digits and the zeros its suffix stands for; `None` for any other
/// word.
#[inline]
fn number_suffix(token: &str) -> Option<(usize, usize)> {
    // Most words do not open with a digit: nothing to expand.
    if !token.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    number_suffix_of_number(token)
}

/// [`number_suffix`] of a word that opens with a digit.
fn number_suffix_of_number(token: &str) -> Option<(usize, usize)> {
    let (digits, suffix) =
        token.split_at(token.trim_end_matches(|c: char| c.is_alphabetic()).len());
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let zeros = match suffix {
        "k" => 3,
        "m" | "mil" | "mln" => 6,
        "bn" | "b" => 9,
        _ => return None,
    };
    Some((digits.len(), zeros))
}

/// True for words that carry no meaning for matching ("the", "did", "ngl").
///
/// Question words (who, why, how, when, where) are kept out of this list on
/// purpose: the engine reads them for the answer type before dropping them.
#[inline]
pub fn is_stopword(word: &str) -> bool {
    language().is_stopword(word)
}

/// True for the question words that decide what kind of answer is wanted.
#[inline]
pub fn is_question_word(word: &str) -> bool {
    language().in_list(List::Question, word)
}

/// True for auxiliary verbs that open a question ("did", "is", "will"):
/// the word after one is usually the subject, and a phrase ends before one.
#[inline]
pub fn is_auxiliary(word: &str) -> bool {
    language().in_list(List::Auxiliary, word)
}

/// Stems a folded word with the Snowball English stemmer ("sanctions" and
/// "sanctioned" both become "sanction").
///
/// Two gaps of a suffix stemmer are closed first: irregular verb forms are
/// read as their base ("thought" as "think", "sent" as "send"), and word
/// families the stemmer merges although they mean different things keep
/// apart ("authorized" is not "authorities").
///
/// Most words of the built-in word vectors' vocabulary are stemmed once
/// per process ([`stem_cow`]).
pub fn stem(word: &str) -> String {
    stem_cow(word).into_owned()
}

/// [`stem`] without a copy for most words of the built-in word vectors'
/// vocabulary (the 50,000 most frequent English words and the knowledge's
/// own): the stem of such a word is mostly the word cut short ("troops":
/// "troop"), sometimes with an "i" for its last "y" ("country": "countri").
/// The first time the word is stemmed, `vocabulary_stem` keeps that cut
/// in one byte for the word's id, so Snowball runs once per word and
/// process rather than once per question. The table is one byte for each
/// vocabulary word, whatever the questions say; other words (names, typos,
/// irregular forms) are stemmed each time.
pub fn stem_cow(word: &str) -> Cow<'static, str> {
    vocabulary_stem(word).unwrap_or_else(|| Cow::Owned(stem_uncached(word)))
}

/// A stem kept as a cut of its word: the stem is the word's first bytes, up
/// to the length in the low bits, then an "i" when [`CUT_THEN_I`] is set.
/// 0 marks a word not stemmed yet, [`NO_CUT`] one whose stem is no such cut.
const CUT_LENGTH: u8 = 0x7f;
/// The cut's stem ends in an "i" that replaced the word's "y".
const CUT_THEN_I: u8 = 0x80;
/// The word's stem is no cut of it ("thought": "think"), or it is too long.
const NO_CUT: u8 = 0xff;

/// The stem of a word of the built-in vectors from the table of cuts
/// ([`stem_cow`]), computed and kept on its first use; `None` for a word
/// the vectors lack or whose stem is no cut, and before anything has read
/// the vectors (they are not read for this).
fn vocabulary_stem(word: &str) -> Option<Cow<'static, str>> {
    static CUTS: OnceLock<Box<[AtomicU8]>> = OnceLock::new();
    let vectors = crate::vectors::embedded_if_read()?;
    let id = vectors.id(word)?;
    let cuts = CUTS.get_or_init(|| (0..vectors.len()).map(|_| AtomicU8::new(0)).collect());
    let slot = cuts.get(id as usize)?;
    // Two threads may stem one word at once: they store the same byte.
    let cut = match slot.load(Ordering::Relaxed) {
        0 => {
            let stem = stem_uncached(word);
            let cut = cut_of(word, &stem);
            slot.store(cut, Ordering::Relaxed);
            if cut == NO_CUT {
                return Some(Cow::Owned(stem));
            }
            cut
        }
        NO_CUT => return None,
        cut => cut,
    };
    // The vectors' own copy of the word lives as long as the process.
    let word = vectors.word(id)?;
    let stem = word.get(..usize::from(cut & CUT_LENGTH))?;
    Some(if cut & CUT_THEN_I == 0 {
        Cow::Borrowed(stem)
    } else {
        Cow::Owned(format!("{stem}i"))
    })
}

/// How `stem` cuts `word` ([`CUT_LENGTH`], [`CUT_THEN_I`]), or [`NO_CUT`].
fn cut_of(word: &str, stem: &str) -> u8 {
    let cut = |len: usize, flag: u8| match u8::try_from(len) {
        Ok(len) if len > 0 && len <= CUT_LENGTH => len | flag,
        _ => NO_CUT,
    };
    if word.starts_with(stem) {
        cut(stem.len(), 0)
    } else {
        match stem.strip_suffix('i') {
            Some(kept)
                if word
                    .strip_prefix(kept)
                    .is_some_and(|rest| rest.starts_with('y')) =>
            {
                cut(kept.len(), CUT_THEN_I)
            }
            _ => NO_CUT,
        }
    }
}

/// [`stem`] computed: the language's overstemmed families and irregular
/// forms, then Snowball.
fn stem_uncached(word: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    if let Some(kept) = language().overstemmed(word) {
        return kept.to_string();
    }
    let base = language().irregular_base(word).unwrap_or(word);
    if snowball_keeps(base) {
        return base.to_string();
    }
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(base)
        .into_owned()
}

/// True when Snowball's English stemmer is sure to leave `word` as it is,
/// told from its last bytes without running it (most names and typos a
/// question writes: "kyiv", "rusia", "shoigu"). Every change the stemmer
/// makes removes or replaces one of its suffixes (the `among` lists of
/// steps 0 to 5 and its two lists of exceptions); its prelude's marks
/// ("y" read as a consonant) are undone by its postlude. So a word of
/// lowercase ASCII letters, digits and hyphens whose end is no suffix's
/// end is kept: it ends in a letter no suffix ends in, or in one that
/// only some suffixes end in, after a byte none of them has there ("n"
/// after anything but "io", of "ion"; "t" after anything but "n", of
/// "ant", "ent", "ment"). A word of two bytes or fewer, which the stemmer
/// keeps too, is left to it.
fn snowball_keeps(word: &str) -> bool {
    let bytes = word.as_bytes();
    let &[.., two_before, before, last] = bytes else {
        return false;
    };
    if !bytes
        .iter()
        .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return false;
    }
    match last {
        b'a'
        | b'b'
        | b'f'
        | b'h'
        | b'j'
        | b'k'
        | b'o'
        | b'p'
        | b'q'
        | b'u'
        | b'v'
        | b'w'
        | b'x'
        | b'z'
        | b'0'..=b'9' => true,
        // ion (and ation, ization)
        b'n' => !(two_before == b'i' && before == b'o'),
        // ant, ent, ment, ement
        b't' => before != b'n',
        // er, izer, ator
        b'r' => !matches!(before, b'e' | b'o'),
        // ic
        b'c' => before != b'i',
        // ism, alism
        b'm' => before != b's',
        // ing, and the exceptions ending in it (dying, inning, outing)
        b'g' => !(two_before == b'i' && before == b'n'),
        // ed, eed, ied, and the exceptions ending in it (proceed)
        b'd' => before != b'e',
        _ => false,
    }
}

const NUMBER_WORDS: &str = include_str!("../assets/lang/number-words.txt");
const LIST_COUNTS: &str = include_str!("../assets/lang/list-counts.txt");

/// The English words for counts from two up, in order
/// (`assets/lang/list-counts.txt`): what `citebot init` leads a listing
/// sentence's intent with and what rule `other-count` reads as a count.
fn list_counts() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| crate::language::data_lines(LIST_COUNTS).collect())
}

/// The word for a count of two or more ("three" for 3), if the list has it.
pub fn count_word(count: usize) -> Option<&'static str> {
    list_counts().get(count.checked_sub(2)?).copied()
}

/// The count a word of the list names ("three" is 3).
pub fn count_of(word: &str) -> Option<u32> {
    // A set of the same words: most words are told apart from them by
    // length and last byte, not compared with each in turn.
    static PLACES: std::sync::LazyLock<crate::language::WordSet> =
        std::sync::LazyLock::new(|| crate::language::WordSet::new(list_counts().iter().copied()));
    PLACES.place(word)?.checked_add(2)
}

/// True for an English word that gives a count ("two", "single", "both",
/// "nobody"): a sentence using one answers "how many" as a figure does.
pub fn is_number_word(word: &str) -> bool {
    static SET: std::sync::LazyLock<crate::language::WordSet> = std::sync::LazyLock::new(|| {
        crate::language::WordSet::new(crate::language::data_lines(NUMBER_WORDS))
    });
    SET.contains(word)
}

/// True for a four-digit year from 1000 to 2099 ("1987", "2025").
pub fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.chars().all(|c| c.is_ascii_digit())
        && (word.starts_with('1') || word.starts_with("20"))
}

/// The digits of a number without its ordinal ending ("3rd": "3"); the
/// word as it is when it has none.
pub fn without_ordinal(word: &str) -> &str {
    ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|ending| word.strip_suffix(ending))
        .unwrap_or(word)
}

/// True for a number of digits, maybe with an ordinal ending ("14", "3rd").
pub fn is_ordinal_number(word: &str) -> bool {
    let digits = without_ordinal(word);
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

/// Splits one paragraph of article text into sentences.
///
/// A sentence ends at `.`, `?` or `!` (with any closing quotes) followed by
/// white space and a capital letter or opening quote, except after a dotted
/// abbreviation ("U.S. Ambassador"), a title ("Mr."), a single initial, or a
/// quoted question or exclamation followed by its attribution
/// ("...Pillows?" Kyiv's Mayor ... told a newspaper.).
pub fn split_sentences(paragraph: &str) -> Vec<&str> {
    let text = paragraph.trim();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut sentences = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < chars.len() {
        let (_, c) = chars[i];
        if matches!(c, '.' | '?' | '!') {
            // Extend over runs of terminators and closing quotes: `?..."`, `.”`
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '.' | '?' | '!') {
                j += 1;
            }
            let mut closed_quote = false;
            while j < chars.len() && (quotes::is_closing(chars[j].1) || chars[j].1 == ')') {
                closed_quote = true;
                j += 1;
            }
            let end_byte = chars.get(j).map_or(text.len(), |&(b, _)| b);
            let followed_by_space = j < chars.len() && chars[j].1.is_whitespace();
            if !followed_by_space {
                i = j.max(i + 1);
                continue;
            }
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next_starts_sentence = chars.get(k).is_some_and(|&(_, n)| {
                n.is_uppercase() || n.is_ascii_digit() || quotes::is_opening(n)
            });
            let before = &text[chars[start].0..chars[i].0];
            let rest = &text[chars.get(k).map_or(text.len(), |&(b, _)| b)..];
            let is_break = next_starts_sentence
                && !(c == '.' && !closed_quote && ends_with_abbreviation(before))
                && !(closed_quote && c != '.' && starts_with_attribution(rest));
            if is_break {
                sentences.push(text[chars[start].0..end_byte].trim());
                start = k;
                i = k;
                continue;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    if start < chars.len() {
        let rest = text[chars[start].0..].trim();
        if !rest.is_empty() {
            sentences.push(rest);
        }
    }
    sentences
}

/// True when the text before a period ends in an abbreviation that does not
/// end a sentence: a dotted one ("U.S"), a single initial ("J"), or a title.
fn ends_with_abbreviation(before: &str) -> bool {
    let last = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || quotes::OPENING_DOUBLE.contains(&c))
        .next()
        .unwrap_or("");
    // A dotted abbreviation is letters between dots ("U.S", "a.m"; the
    // final dot is the terminator we are looking at). A figure with a
    // decimal point ("9.15am", "£1.4m") is not one: it may end a sentence.
    if last.contains('.')
        && last
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(char::is_alphabetic))
    {
        return true;
    }
    let letters = last.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && last.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    language().list(List::Titles).iter().any(|t| t == last)
}

/// True when the text after a quoted question names who said it, so the quote
/// and its attribution form one sentence ("...Pillows?" Klitschko told a paper.).
fn starts_with_attribution(rest: &str) -> bool {
    let clause_end = rest.find(['.', '?', '!']).unwrap_or(rest.len());
    let clause = &rest[..clause_end];
    let words: Vec<&str> = clause.split_whitespace().take(10).collect();
    words.iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        language().in_list(List::AttributionVerbs, &w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_table_reads_letters_and_digits_as_the_standard_library_does() {
        for b in 0..=u8::MAX {
            assert_eq!(is_alphanumeric_byte(b), b.is_ascii_alphanumeric(), "{b}");
        }
    }

    #[test]
    fn fold_makes_curly_quotes_and_accents_plain() {
        assert_eq!(fold("Ukraine’s “Café”"), "ukraine's \"cafe\"");
    }

    #[test]
    fn fold_typography_keeps_case_and_collapses_space() {
        assert_eq!(
            fold_typography("  Kyiv’s  Mayor\n said "),
            "Kyiv's Mayor said"
        );
    }

    /// Every file under `tests/data`, read whole: real text of every kind
    /// the tokenizer meets.
    fn test_data_texts() -> Vec<String> {
        let mut texts = Vec::new();
        let mut files = vec![std::path::PathBuf::from("tests/data")];
        while let Some(path) = files.pop() {
            match std::fs::read_dir(&path) {
                Ok(dir) => files.extend(dir.filter_map(|e| Some(e.ok()?.path()))),
                Err(_) => texts.extend(std::fs::read_to_string(&path).ok()),
            }
        }
        texts
    }

    #[test]
    fn ascii_text_is_read_as_its_folded_copy_is() {
        // Folded as it is read, ASCII text gives the words its folded copy
        // gives: every article, question and knowledge file of the test
        // data, and text with capitals, backticks and the cases read letter
        // by letter.
        let folded_words = |text: &str| {
            let mut out: Vec<String> = Vec::new();
            ascii_words(&fold(text), &mut out);
            out
        };
        let mut texts: Vec<String> = [
            "The U.S. Ambassador`s VIEW, Russia`s 100,000 Troops; 10K Don`t U.S",
            "A`b `c` E.U. e.U. 3.5 X. Y.Z 1,00 1,000,000 it'S DON'T rock`n`roll",
        ]
        .map(String::from)
        .to_vec();
        texts.extend(test_data_texts());
        assert!(texts.len() > 20, "the test data is read");
        let mut read = 0;
        for text in &texts {
            for line in text.lines().filter(|l| l.is_ascii()) {
                assert_eq!(words(line), folded_words(line), "{line}");
                read += 1;
            }
        }
        assert!(read > 1000, "{read} lines");
    }

    #[test]
    fn words_in_one_buffer_read_as_words_does() {
        // The question's words are read into one buffer: every line of
        // the test data (ASCII or not) and the forms the tokenizer
        // rewrites read alike both ways.
        let mut texts: Vec<String> = [
            "Russia\u{2019}s 10k U.S.-made MI-17s, don't; whos jan? 2bn 3rd 100,000",
            "Caf\u{e9} na\u{ef}ve \u{c9}lys\u{e9}e o'Neill's rock-'n'-roll e.u. Kyiv\u{2019}s",
            "\u{41a}\u{438}\u{457}\u{432} \u{6771}\u{4eac} gov't u.s 12,3456 1,00",
            "",
            "?!",
        ]
        .map(String::from)
        .to_vec();
        texts.extend(test_data_texts());
        let mut read = 0;
        for line in texts.iter().flat_map(|t| t.lines()) {
            let buffered = Words::read(line);
            assert_eq!(buffered.to_strs(), words(line), "{line}");
            assert_eq!(buffered.len(), buffered.iter().count(), "{line}");
            read += usize::from(!line.is_ascii());
        }
        assert!(read > 10, "{read} non-ASCII lines");
        let mut kept = Words::read("Who sent the aid to Kyiv");
        kept.retain(|w| w.len() > 3);
        assert_eq!(kept.to_strs(), ["sent", "kyiv"]);
    }

    #[test]
    fn words_join_dotted_abbreviations() {
        assert_eq!(words("The U.S. Ambassador"), ["the", "us", "ambassador"]);
        assert_eq!(words("did the u.s send"), ["did", "the", "us", "send"]);
        assert_eq!(words("U.S.-made weapons"), ["us", "made", "weapons"]);
    }

    #[test]
    fn words_handle_numbers_and_possessives() {
        assert_eq!(
            words("more than 100,000 troops"),
            ["more", "than", "100000", "troops"]
        );
        assert_eq!(words("$200 million"), ["200", "million"]);
        assert_eq!(words("like 10k"), ["like", "10000"]);
        assert_eq!(words("Russia’s court"), ["russia", "court"]);
        assert_eq!(words("don't"), ["dont"]);
        assert_eq!(words("MI-17 helicopters"), ["mi", "17", "helicopters"]);
    }

    #[test]
    fn plain_ascii_text_reads_as_the_same_text_with_an_accent() {
        // ASCII text is read byte by byte, other text character by
        // character: a trailing accented word sends the same text down the
        // second path, and every word before it must read alike.
        for text in [
            "The U.S. Ambassador said 100,000 troops, or 1,00 or 12,3456.",
            "did the u.s send 10k? don't, Russia's ... e.u a.b.c. x.y z.",
            "it's 'quoted' o'neill's 2m 3bn gov't u.s",
            "govt jan, abut; MI-17 a. b. 1.5 end",
        ] {
            let mut accented = words(&format!("{text} caf\u{e9}"));
            assert_eq!(accented.pop().as_deref(), Some("cafe"), "{text}");
            assert_eq!(words(text), accented, "{text}");
        }
    }

    #[test]
    fn a_single_word_reads_as_words_does() {
        for text in [
            "Blinken",
            "Govt",
            "US",
            "U.S.",
            "Kyiv-based",
            "10k",
            "Zelenskyy",
            "",
            "é",
        ] {
            let all = words(text);
            let one = (all.len() == 1).then(|| all[0].clone());
            assert_eq!(single_word(text), one, "{text}");
        }
        assert_eq!(single_word("Govt").as_deref(), Some("government"));
        assert_eq!(single_word("Kyiv-based"), None);
    }

    #[test]
    fn chat_abbreviations_are_read_in_full() {
        assert_eq!(
            words("meetings in jan, per the govt doc"),
            [
                "meetings",
                "in",
                "january",
                "per",
                "the",
                "government",
                "document"
            ]
        );
        assert_eq!(words("we'd"), ["wed"]);
        assert_eq!(
            words("my hosp appt is at the uni"),
            [
                "my",
                "hospital",
                "appointment",
                "is",
                "at",
                "the",
                "university"
            ]
        );
    }

    #[test]
    fn chat_forms_read_as_several_words() {
        assert_eq!(words("whos the boss"), ["who", "is", "the", "boss"]);
        assert_eq!(
            words("wat r u doing b4 xmas"),
            ["what", "are", "you", "doing", "before", "christmas"]
        );
        assert_eq!(single_word("Whos"), None);
        assert_eq!(single_word("Xmas"), Some("christmas".to_string()));
    }

    #[test]
    fn words_of_binary_or_empty_text_do_not_panic() {
        assert!(words("").is_empty());
        assert!(words("\u{0}\u{1}\u{fffd}").is_empty());
        assert_eq!(words("a.b.c."), ["abc"]);
    }

    #[test]
    fn stems_inflections_together() {
        assert_eq!(stem("sanctions"), stem("sanctioned"));
        assert_eq!(stem("helicopters"), "helicopt");
    }

    #[test]
    fn words_snowball_keeps_are_kept_by_snowball() {
        // Every word of the built-in vocabulary, the stemmer's exceptions,
        // and random words of a few letters ending in each suffix's last
        // bytes and in what stands next to them: each one told kept is
        // Snowball's own output, and many are told kept.
        let snowball = Stemmer::create(Algorithm::English);
        let vectors = crate::vectors::embedded_once().unwrap_or_else(|| panic!("no vectors"));
        let mut list: Vec<String> = (0..vectors.len() as u32)
            .filter_map(|id| vectors.word(id))
            .map(str::to_string)
            .collect();
        let exceptions = "skis skies dying lying tying idly gently ugly early only singly sky \
             news howe atlas cosmos bias andes inning outing canning herring earring proceed \
             exceed succeed";
        list.extend(exceptions.split_whitespace().map(str::to_string));
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |below: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % below
        };
        let letters = b"aeiouyntrcmgdslbkhwvx-7";
        let ends = [
            "ion", "nt", "er", "or", "ic", "ism", "ing", "ed", "eed", "y", "e", "l",
        ];
        for _ in 0..200_000 {
            let mut word: Vec<u8> = (0..next(7))
                .map(|_| letters[next(letters.len() as u64) as usize])
                .collect();
            if next(2) == 0 {
                word.extend(ends[next(ends.len() as u64) as usize].bytes());
            }
            word.extend((0..next(3)).map(|_| letters[next(letters.len() as u64) as usize]));
            list.push(String::from_utf8_lossy(&word).into_owned());
        }
        let mut kept = 0;
        for word in &list {
            if snowball_keeps(word) {
                kept += 1;
                assert_eq!(snowball.stem(word), word.as_str(), "{word}");
            }
        }
        assert!(kept * 5 > list.len(), "{kept} of {}", list.len());
        for word in [
            "kyiv", "shoigu", "rusia", "ukrain", "missile", "talking", "x",
        ] {
            assert_eq!(
                snowball_keeps(word),
                matches!(word, "kyiv" | "shoigu" | "rusia" | "ukrain"),
                "{word}"
            );
        }
    }

    #[test]
    fn tabled_stems_are_the_stems_computed() {
        // The table is used once the built-in vectors are read.
        let vectors = crate::vectors::embedded_once().unwrap_or_else(|| panic!("no vectors"));
        // The vocabulary's most frequent words, its rarer ones, the
        // language's irregular and overstemmed words, and words it lacks.
        let ids = (0..3000).chain((3000..vectors.len() as u32).step_by(17));
        let listed = [
            "thought",
            "sent",
            "written",
            "left",
            "authorized",
            "authorities",
            "authority",
            "country",
            "countries",
            "sanctions",
            "helicopters",
            "zzzqx",
            "goverment",
            "",
        ];
        let mut list: Vec<String> = ids
            .filter_map(|id| vectors.word(id))
            .chain(listed)
            .map(str::to_string)
            .collect();
        list.extend(words("The U.S. Ambassador's response, 100,000 troops"));
        let (mut in_vocabulary, mut without_snowball) = (0, 0);
        for word in list.iter().map(String::as_str) {
            // Twice: the first call may fill the table, the second reads it.
            assert_eq!(stem(word), stem_uncached(word), "{word}");
            assert_eq!(stem_cow(word), stem_uncached(word), "{word}");
            if vectors.id(word).is_some() {
                in_vocabulary += 1;
                without_snowball += usize::from(vocabulary_stem(word).is_some());
            } else {
                assert_eq!(vocabulary_stem(word), None, "{word}");
            }
        }
        // Most vocabulary words are stemmed from the table.
        assert!(
            without_snowball * 10 > in_vocabulary * 9,
            "{without_snowball} of {in_vocabulary}"
        );
    }

    #[test]
    fn an_ascii_space_is_white_space_as_a_char_reads_it() {
        for b in 0..128u8 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "{b:#04x}");
        }
    }

    #[test]
    fn a_stem_is_kept_as_a_cut_of_its_word() {
        assert_eq!(cut_of("troops", "troop"), 5);
        assert_eq!(cut_of("country", "countri"), 6 | CUT_THEN_I);
        assert_eq!(cut_of("thought", "think"), NO_CUT);
        assert_eq!(cut_of("y", "i"), NO_CUT);
        assert_eq!(cut_of(&"a".repeat(200), &"a".repeat(200)), NO_CUT);
    }

    #[test]
    fn irregular_past_forms_meet_their_base() {
        assert_eq!(stem("thought"), stem("think"));
        assert_eq!(stem("sent"), stem("sending"));
        assert_eq!(stem("sought"), stem("seeks"));
        assert_eq!(stem("written"), stem("writing"));
        assert_eq!(stem("left"), "left");
    }

    #[test]
    fn overstemmed_families_stay_apart() {
        assert_ne!(stem("authorize"), stem("authorities"));
        assert_eq!(stem("authorized"), stem("authorization"));
        assert_eq!(stem("authority"), stem("authorities"));
    }

    #[test]
    fn stopwords_keep_content_words() {
        assert!(is_stopword("the"));
        assert!(is_stopword("ngl"));
        assert!(!is_stopword("headline"));
        assert!(!is_stopword("sanctions"));
    }

    #[test]
    fn split_keeps_us_ambassador_together() {
        let p = "U.S. Ambassador to Russia, John Sullivan, delivered the document to Moscow, Blinken said in a briefing with reporters at the State Department.";
        assert_eq!(split_sentences(p), vec![p]);
    }

    #[test]
    fn split_keeps_quoted_question_with_its_attribution() {
        let p = "\"What kind of support will Germany send next?...Pillows?\" Kyiv’s Mayor Vitali Klitschko reportedly told a German newspaper.";
        assert_eq!(split_sentences(p), vec![p]);
    }

    #[test]
    fn split_separates_two_sentences_and_keeps_money() {
        let p = "Berlin has further blocked NATO-ally Estonia from providing German-origin defensive materials to Ukraine. The German government’s offer on Wednesday to send 5,000 military helmets to Kyiv has elicited responses.";
        let s = split_sentences(p);
        assert_eq!(s.len(), 2);
        assert!(s[0].ends_with("to Ukraine."));
        assert!(s[1].starts_with("The German"));
        let m = "The U.S. has provided an estimated $200 million in aid. It will soon deliver U.S.-made helicopters.";
        assert_eq!(split_sentences(m).len(), 2);
    }

    #[test]
    fn split_ends_a_sentence_after_a_time_or_sum_with_a_decimal_point() {
        let p = "The walkers reached the road at 9.15am. Two were treated by paramedics.";
        assert_eq!(
            split_sentences(p),
            vec![
                "The walkers reached the road at 9.15am.",
                "Two were treated by paramedics."
            ]
        );
        let m = "The appeal raised £1.4m. Donations are still coming in.";
        assert_eq!(split_sentences(m).len(), 2);
        let t = "The meeting starts at 9 a.m. Tuesday in the hall.";
        assert_eq!(split_sentences(t), vec![t]);
    }

    #[test]
    fn split_handles_a_headline_without_a_period() {
        let h = "US delivers written response to Russian demands amid Ukraine tensions";
        assert_eq!(split_sentences(h), vec![h]);
    }

    #[test]
    fn split_ends_sentence_after_closing_quote() {
        let p = "“All told it sets out a path.” Then he left. “Why?” she asked.";
        assert_eq!(
            split_sentences(p),
            vec![
                "“All told it sets out a path.”",
                "Then he left.",
                "“Why?” she asked."
            ]
        );
    }
}
