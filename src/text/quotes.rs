//! Quotation marks: which characters open a quotation, which close one,
//! and the straight ASCII form of each curly one.
//!
//! A straight mark (`"`, `'`) both opens and closes; a curly one says which.
//! The single marks are also apostrophes ("Kyiv’s", "drivers'"), so the sets
//! that hold them are for trimming a token's edge or spotting where a
//! sentence may start or end, not for telling that someone is quoted: that
//! is the double marks' job.

/// The straight double quotation mark, which opens and closes.
pub const STRAIGHT_DOUBLE: char = '"';

/// The straight single mark: a single quotation mark or an apostrophe.
pub const STRAIGHT_SINGLE: char = '\'';

/// The left (opening) curly double quotation mark, “.
pub const LEFT_DOUBLE: char = '\u{201c}';

/// The right (closing) curly double quotation mark, ”.
pub const RIGHT_DOUBLE: char = '\u{201d}';

/// The left (opening) curly single quotation mark, ‘.
pub const LEFT_SINGLE: char = '\u{2018}';

/// The right (closing) curly single quotation mark, ’, also the curly
/// apostrophe.
pub const RIGHT_SINGLE: char = '\u{2019}';

/// The double marks that may open a quotation: straight or left curly.
pub const OPENING_DOUBLE: [char; 2] = [STRAIGHT_DOUBLE, LEFT_DOUBLE];

/// The double marks that may close a quotation: straight or right curly.
pub const CLOSING_DOUBLE: [char; 2] = [STRAIGHT_DOUBLE, RIGHT_DOUBLE];

/// Every double quotation mark, opening or closing: a sentence holding one
/// quotes someone (unlike a single mark, which may be an apostrophe).
pub const DOUBLE: [char; 3] = [STRAIGHT_DOUBLE, LEFT_DOUBLE, RIGHT_DOUBLE];

/// The marks that may open a quotation, double or single.
pub const OPENING: [char; 4] = [STRAIGHT_DOUBLE, LEFT_DOUBLE, STRAIGHT_SINGLE, LEFT_SINGLE];

/// The marks that may close a quotation, double or single (the single ones
/// may also end a word as an apostrophe: "drivers'").
pub const CLOSING: [char; 4] = [STRAIGHT_DOUBLE, RIGHT_DOUBLE, STRAIGHT_SINGLE, RIGHT_SINGLE];

/// True when `c` may open a quotation (one of [`OPENING`]).
pub fn is_opening(c: char) -> bool {
    OPENING.contains(&c)
}

/// True when `c` may close a quotation (one of [`CLOSING`]).
pub fn is_closing(c: char) -> bool {
    CLOSING.contains(&c)
}

/// The straight form of a curly quotation mark: `'` for the single ones
/// (‘ ’ ‚ ‛), `"` for the double ones (“ ” „ ‟); `None` for any other
/// character, straight marks included.
pub fn straighten(c: char) -> Option<char> {
    match c {
        '\u{2018}'..='\u{201b}' => Some(STRAIGHT_SINGLE),
        '\u{201c}'..='\u{201f}' => Some(STRAIGHT_DOUBLE),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_curly_mark_says_whether_it_opens_or_closes() {
        assert!(is_opening('“') && !is_closing('“'));
        assert!(is_closing('”') && !is_opening('”'));
        assert!(is_opening('‘') && !is_closing('‘'));
        assert!(is_closing('’') && !is_opening('’'));
    }

    #[test]
    fn a_straight_mark_opens_and_closes() {
        for c in ['"', '\''] {
            assert!(is_opening(c) && is_closing(c), "{c}");
        }
        assert!(!is_opening('(') && !is_closing(')') && !is_closing('.'));
    }

    #[test]
    fn only_double_marks_tell_that_someone_is_quoted() {
        assert!("“We will sue,” she said.".contains(DOUBLE));
        assert!("She said \"no\".".contains(DOUBLE));
        assert!(!"Kyiv’s mayor and the drivers' union".contains(DOUBLE));
        assert!("He said: “Go.".contains(OPENING_DOUBLE));
        assert!(!"Go,” he said.".contains(OPENING_DOUBLE));
        assert!("Go,” he said.".contains(CLOSING_DOUBLE));
    }

    #[test]
    fn curly_marks_straighten_and_others_do_not() {
        assert_eq!(straighten('“'), Some('"'));
        assert_eq!(straighten('„'), Some('"'));
        assert_eq!(straighten('’'), Some('\''));
        assert_eq!(straighten('‚'), Some('\''));
        assert_eq!(straighten('"'), None);
        assert_eq!(straighten('\''), None);
        assert_eq!(straighten('–'), None);
    }
}
