//! How users appear in the bot's logs: never by their Discord id, which logs
//! would keep for as long as the journal does, but by a short tag salted per
//! process. One run's lines about the same user share a tag (so an admin can
//! follow a rate-limited or refused user through the log), and nothing leads
//! back from a tag to the id.

use std::sync::OnceLock;

use serenity::all::UserId;
use sha2::{Digest, Sha256};

/// This process's salt: random, kept only in memory.
fn salt() -> &'static [u8; 32] {
    static SALT: OnceLock<[u8; 32]> = OnceLock::new();
    SALT.get_or_init(|| {
        let mut salt = [0u8; 32];
        if getrandom::fill(&mut salt).is_err() {
            // No system randomness: the clock and the process id still make
            // the tags differ between runs, and they stay one-way.
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            let seed = Sha256::new()
                .chain_update(now.to_le_bytes())
                .chain_update(std::process::id().to_le_bytes())
                .finalize();
            salt.copy_from_slice(&seed);
        }
        salt
    })
}

/// The tag a user is logged as: 12 hex digits of a salted SHA-256 of the id.
pub fn user_tag(user: UserId) -> String {
    Sha256::new()
        .chain_update(salt())
        .chain_update(user.get().to_le_bytes())
        .finalize()[..6]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_names_one_user_without_showing_the_id() {
        let id = 123_456_789_012_345_678u64;
        let tag = user_tag(UserId::new(id));
        assert_eq!(tag.len(), 12);
        assert!(!tag.contains(&id.to_string()));
        assert_eq!(
            tag,
            user_tag(UserId::new(id)),
            "the same user, the same tag"
        );
        assert_ne!(tag, user_tag(UserId::new(id + 1)));
    }
}
