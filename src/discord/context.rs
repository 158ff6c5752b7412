//! Conversation context on Discord: each user's last question in each
//! channel (a thread is a channel of its own, and a DM is the user's own
//! channel), so that "and France?" or "when?" is read with it. A context is
//! kept for `CONTEXT_MINUTES`, never crosses users or channels, and at most
//! [`MAX_CONTEXTS`] are kept (the oldest go first), so no flood of users can
//! exhaust memory. User ids are kept only hashed.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use poise::serenity_prelude::{ChannelId, UserId};

use crate::conversation::{self, Context};
use crate::engine::{Engine, Reply};

/// How long a context lasts when `CONTEXT_MINUTES` is not set.
pub const DEFAULT_CONTEXT_MINUTES: u64 = 10;

/// Most contexts kept at once; past it the oldest is forgotten. Each holds
/// at most a question's length of text and an answer.
pub const MAX_CONTEXTS: usize = 10_000;

/// The time contexts are measured against: the system's monotonic clock,
/// which tests can move forward instead of waiting.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    ahead_ms: Arc<AtomicU64>,
}

impl Clock {
    /// The current time, as moved forward.
    pub fn now(&self) -> Instant {
        Instant::now() + Duration::from_millis(self.ahead_ms.load(Ordering::SeqCst))
    }

    /// Moves this clock (and every clone of it) forward.
    pub fn advance(&self, by: Duration) {
        let ms = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
        self.ahead_ms.fetch_add(ms, Ordering::SeqCst);
    }
}

/// Whose conversation: the user's hashed id and the channel.
type Key = (u64, ChannelId);

/// The contexts of every conversation the bot is having.
pub struct Contexts {
    ttl: Duration,
    capacity: usize,
    clock: Clock,
    hasher: RandomState,
    kept: Mutex<HashMap<Key, (Instant, Context)>>,
}

impl Contexts {
    /// Contexts lasting `ttl` (zero: follow-ups are never read with a
    /// previous question), measured by `clock`, at most [`MAX_CONTEXTS`].
    pub fn new(ttl: Duration, clock: Clock) -> Contexts {
        Contexts::with_capacity(ttl, clock, MAX_CONTEXTS)
    }

    /// The same with another cap on how many are kept.
    pub fn with_capacity(ttl: Duration, clock: Clock, capacity: usize) -> Contexts {
        Contexts {
            ttl,
            capacity: capacity.max(1),
            clock,
            hasher: RandomState::new(),
            kept: Mutex::new(HashMap::new()),
        }
    }

    /// Answers `question` from `user` in `channel`, reading it with their
    /// previous question there if that is recent, and keeps it for the next.
    pub fn answer(
        &self,
        engine: &Engine,
        user: UserId,
        channel: ChannelId,
        question: &str,
    ) -> Reply {
        if self.ttl.is_zero() {
            return engine.answer(question);
        }
        let key = (self.hasher.hash_one(user.get()), channel);
        let now = self.clock.now();
        let previous = self
            .lock()
            .get(&key)
            .filter(|(at, _)| now.saturating_duration_since(*at) < self.ttl)
            .map(|(_, context)| context.clone());
        // The engine runs without the lock: other users are never held up.
        let turn = conversation::answer(engine, previous.as_ref(), question);
        match turn.context {
            Some(context) => self.keep(key, context),
            None => {
                self.lock().remove(&key);
            }
        }
        turn.reply
    }

    /// Remembers a suggestion `user` picked in `channel` (fact `fact`) as
    /// their last question there: its question as the suggestion showed it,
    /// and its answer.
    pub fn picked(&self, engine: &Engine, user: UserId, channel: ChannelId, fact: &str) {
        let Some(fact) = engine.knowledge().facts.iter().find(|f| f.id == fact) else {
            return;
        };
        let (Some(question), false) = (fact.intents.first(), self.ttl.is_zero()) else {
            return;
        };
        let context = Context {
            question: question.clone(),
            answer: Some(fact.answer.clone()),
        };
        self.keep((self.hasher.hash_one(user.get()), channel), context);
    }

    /// Keeps `context` for `key`, forgetting the oldest context when full.
    fn keep(&self, key: Key, context: Context) {
        let now = self.clock.now();
        let mut kept = self.lock();
        if !kept.contains_key(&key) && kept.len() >= self.capacity {
            let ttl = self.ttl;
            kept.retain(|_, (at, _)| now.saturating_duration_since(*at) < ttl);
            if kept.len() >= self.capacity
                && let Some(oldest) = kept.iter().min_by_key(|(_, (at, _))| *at)
            {
                let oldest = *oldest.0;
                kept.remove(&oldest);
            }
        }
        kept.insert(key, (now, context));
    }

    /// How many contexts are kept.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// True when no context is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, (Instant, Context)>> {
        // A poisoned lock only means another thread panicked holding it; the
        // contexts are still usable.
        self.kept.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::OnceLock;

    use super::*;
    use crate::knowledge::load_dir;

    fn engine() -> &'static Engine {
        static ENGINE: OnceLock<Engine> = OnceLock::new();
        ENGINE.get_or_init(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
            Engine::new(load_dir(&dir).unwrap_or_else(|e| panic!("{e}")))
        })
    }

    fn cited(reply: &Reply) -> Option<usize> {
        match reply {
            Reply::Answered(a) => Some(a.citation.paragraph),
            _ => None,
        }
    }

    const FIRST: &str = "how many helmets did germany offer?";
    const FOLLOW: &str = "when?";

    #[test]
    fn a_context_expires_and_never_crosses_users_or_channels() {
        let clock = Clock::default();
        let contexts = Contexts::new(Duration::from_secs(600), clock.clone());
        let (alice, bob) = (UserId::new(1), UserId::new(2));
        let (general, other) = (ChannelId::new(10), ChannelId::new(11));
        let alone = engine().answer(FOLLOW);
        assert_eq!(cited(&alone), None, "{alone:?}");
        assert!(cited(&contexts.answer(engine(), alice, general, FIRST)).is_some());
        assert_eq!(
            cited(&contexts.answer(engine(), bob, general, FOLLOW)),
            None
        );
        assert_eq!(
            cited(&contexts.answer(engine(), alice, other, FOLLOW)),
            None
        );
        assert_eq!(
            cited(&contexts.answer(engine(), alice, general, FOLLOW)),
            Some(21)
        );
        clock.advance(Duration::from_secs(601));
        assert_eq!(
            cited(&contexts.answer(engine(), alice, general, FOLLOW)),
            None
        );
    }

    #[test]
    fn the_number_kept_is_capped_oldest_first() {
        let clock = Clock::default();
        let contexts = Contexts::with_capacity(Duration::from_secs(600), clock.clone(), 3);
        let channel = ChannelId::new(10);
        for user in 1..=5 {
            contexts.answer(engine(), UserId::new(user), channel, FIRST);
            clock.advance(Duration::from_secs(1));
        }
        assert_eq!(contexts.len(), 3);
        // The first users' contexts went first; the last one's is still there.
        assert_eq!(
            cited(&contexts.answer(engine(), UserId::new(1), channel, FOLLOW)),
            None
        );
        assert_eq!(
            cited(&contexts.answer(engine(), UserId::new(5), channel, FOLLOW)),
            Some(21)
        );
    }

    #[test]
    fn a_picked_suggestion_is_the_question_follow_ups_lean_on() {
        let contexts = Contexts::new(Duration::from_secs(600), Clock::default());
        let (user, channel) = (UserId::new(1), ChannelId::new(10));
        contexts.picked(engine(), user, channel, "helmets-offer");
        assert_eq!(
            cited(&contexts.answer(engine(), user, channel, FOLLOW)),
            Some(21)
        );
    }

    #[test]
    fn zero_minutes_reads_every_message_alone() {
        let contexts = Contexts::new(Duration::ZERO, Clock::default());
        let (user, channel) = (UserId::new(1), ChannelId::new(10));
        contexts.answer(engine(), user, channel, FIRST);
        assert_eq!(
            cited(&contexts.answer(engine(), user, channel, FOLLOW)),
            None
        );
        assert!(contexts.is_empty());
    }
}
