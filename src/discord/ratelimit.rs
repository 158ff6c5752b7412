//! A per-user limit on questions and commands: so many per window (a sliding window over
//! the user's last questions). A user over it is told once, then ignored until
//! the window has room again.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use poise::serenity_prelude::UserId;

/// What to do with a user's question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Answer it.
    Allow,
    /// Over the limit for the first time in this stretch: say so, once.
    Notify,
    /// Over the limit and already told: stay silent.
    Silent,
}

#[derive(Default)]
struct UserLog {
    asked: VecDeque<Instant>,
    notified: bool,
}

/// Counts each user's questions in a sliding window.
pub struct RateLimiter {
    limit: u32,
    window: Duration,
    users: Mutex<HashMap<UserId, UserLog>>,
}

/// Forget users idle for a window once this many are remembered.
const PRUNE_AT: usize = 10_000;

impl RateLimiter {
    /// `limit` questions per `window`; a limit of 0 lets everything through.
    pub fn new(limit: u32, window: Duration) -> RateLimiter {
        RateLimiter {
            limit,
            window,
            users: Mutex::new(HashMap::new()),
        }
    }

    /// The limit, per window.
    pub fn limit(&self) -> u32 {
        self.limit
    }

    /// The window.
    pub fn window(&self) -> Duration {
        self.window
    }

    /// Records a question from `user` at `now` and says whether to answer it.
    pub fn check(&self, user: UserId, now: Instant) -> Verdict {
        if self.limit == 0 {
            return Verdict::Allow;
        }
        // A poisoned lock only means another thread panicked while holding
        // it; the counts are still usable.
        let mut users = self
            .users
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if users.len() >= PRUNE_AT {
            let window = self.window;
            users.retain(|_, log| {
                log.asked
                    .back()
                    .is_some_and(|t| now.duration_since(*t) < window)
            });
        }
        let log = users.entry(user).or_default();
        while log
            .asked
            .front()
            .is_some_and(|t| now.duration_since(*t) >= self.window)
        {
            log.asked.pop_front();
        }
        if log.asked.len() < self.limit as usize {
            log.asked.push_back(now);
            log.notified = false;
            Verdict::Allow
        } else if !log.notified {
            log.notified = true;
            Verdict::Notify
        } else {
            Verdict::Silent
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notice_once_then_silence_then_room_again() {
        let limiter = RateLimiter::new(2, Duration::from_secs(60));
        let user = UserId::new(7);
        let t0 = Instant::now();
        assert_eq!(limiter.check(user, t0), Verdict::Allow);
        assert_eq!(
            limiter.check(user, t0 + Duration::from_secs(1)),
            Verdict::Allow
        );
        assert_eq!(
            limiter.check(user, t0 + Duration::from_secs(2)),
            Verdict::Notify
        );
        assert_eq!(
            limiter.check(user, t0 + Duration::from_secs(3)),
            Verdict::Silent
        );
        assert_eq!(
            limiter.check(UserId::new(8), t0 + Duration::from_secs(3)),
            Verdict::Allow
        );
        assert_eq!(
            limiter.check(user, t0 + Duration::from_secs(60)),
            Verdict::Allow
        );
        assert_eq!(
            limiter.check(user, t0 + Duration::from_secs(61)),
            Verdict::Allow
        );
        assert_eq!(
            limiter.check(user, t0 + Duration::from_secs(62)),
            Verdict::Notify
        );
    }

    #[test]
    fn zero_means_no_limit() {
        let limiter = RateLimiter::new(0, Duration::from_secs(60));
        let now = Instant::now();
        assert!((0..100).all(|_| limiter.check(UserId::new(1), now) == Verdict::Allow));
    }
}
