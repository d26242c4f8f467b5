//! API tokens verified once and kept in memory, so that authenticating a request costs no query.
//!
//! An entry is served only while this replica listens for token notifications: a revocation
//! notifies every replica, which forgets the token (the revoking replica at once, the others as
//! soon as the notification arrives, typically within milliseconds). When the notification
//! connection breaks the cache stops serving and is emptied, since revocations sent meanwhile are
//! lost; it serves again once listening resumes. A generation count keeps a lookup that raced a
//! revocation from storing what it read before the revocation. Entries also age out after
//! [`MAX_AGE`] and at their token's expiry, and only usable tokens are kept: an unknown, revoked or
//! expired token is looked up every time.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use uuid::Uuid;

use cyberbrain_model::tokens::StoredTokenAuth;

/// How long an entry is served before the token is read again, notifications or not.
pub const MAX_AGE: Duration = Duration::from_secs(60);

/// Entries kept at the most (there are as many as usable tokens; this bounds a surprise).
const MAX_ENTRIES: usize = 10_000;

/// See the module's comment.
#[derive(Debug, Default)]
pub(super) struct TokenCache {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    listening: bool,
    generation: u64,
    entries: HashMap<Uuid, Entry>,
}

#[derive(Debug)]
struct Entry {
    auth: StoredTokenAuth,
    stale_at: Instant,
}

/// What the cache knows of a token.
#[derive(Debug)]
pub(super) enum Lookup {
    /// Usable when last read, and not revoked since as far as this replica has heard.
    Hit(StoredTokenAuth),
    /// Read it from the database, then offer it with [`TokenCache::offer`] and this generation.
    Miss { generation: u64 },
}

impl TokenCache {
    pub(super) fn lookup(&self, id: Uuid, now: Instant) -> Lookup {
        let mut inner = self.lock();
        let generation = inner.generation;
        if !inner.listening {
            return Lookup::Miss { generation };
        }
        match inner.entries.get(&id) {
            Some(entry) if now < entry.stale_at => Lookup::Hit(entry.auth.clone()),
            Some(_) => {
                inner.entries.remove(&id);
                Lookup::Miss { generation }
            }
            None => Lookup::Miss { generation },
        }
    }

    /// Keeps `auth`, read at `read_at` when the cache was at `generation`, if it is usable and
    /// nothing was forgotten since. `expires_in` is what was left of the token's life then.
    pub(super) fn offer(
        &self,
        id: Uuid,
        auth: &StoredTokenAuth,
        generation: u64,
        read_at: Instant,
        expires_in: Option<Duration>,
    ) {
        let mut inner = self.lock();
        if !inner.listening || inner.generation != generation || !auth.usable {
            return;
        }
        if inner.entries.len() >= MAX_ENTRIES {
            inner.entries.clear();
        }
        let max_age = expires_in.map_or(MAX_AGE, |left| left.min(MAX_AGE));
        inner.entries.insert(
            id,
            Entry {
                auth: auth.clone(),
                stale_at: read_at + max_age,
            },
        );
    }

    /// Drops token `id` (it was revoked).
    pub(super) fn forget(&self, id: Uuid) {
        let mut inner = self.lock();
        inner.generation += 1;
        inner.entries.remove(&id);
    }

    /// Drops every entry, and serves from now on only if `listening`.
    pub(super) fn reset(&self, listening: bool) {
        let mut inner = self.lock();
        inner.generation += 1;
        inner.entries.clear();
        inner.listening = listening;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // The map is left consistent by every holder; a panic elsewhere does not poison its use.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cyberbrain_model::tokens::Role;

    fn usable() -> StoredTokenAuth {
        StoredTokenAuth {
            name: "ci".into(),
            role: Role::Operator,
            secret_sha256: vec![1; 32],
            usable: true,
        }
    }

    fn hit(cache: &TokenCache, id: Uuid, now: Instant) -> bool {
        matches!(cache.lookup(id, now), Lookup::Hit(_))
    }

    fn generation(cache: &TokenCache, id: Uuid, now: Instant) -> u64 {
        match cache.lookup(id, now) {
            Lookup::Miss { generation } => generation,
            Lookup::Hit(_) => panic!("expected a miss"),
        }
    }

    #[test]
    fn serves_nothing_until_listening() {
        let cache = TokenCache::default();
        let (id, now) = (Uuid::new_v4(), Instant::now());
        let g = generation(&cache, id, now);
        cache.offer(id, &usable(), g, now, None);
        assert!(!hit(&cache, id, now));
        cache.reset(true);
        let g = generation(&cache, id, now);
        cache.offer(id, &usable(), g, now, None);
        assert!(hit(&cache, id, now));
        cache.reset(false);
        assert!(
            !hit(&cache, id, now),
            "a lost notification connection empties the cache"
        );
    }

    #[test]
    fn a_revocation_during_a_lookup_keeps_the_stale_read_out() {
        let cache = TokenCache::default();
        cache.reset(true);
        let (id, now) = (Uuid::new_v4(), Instant::now());
        let g = generation(&cache, id, now);
        cache.forget(id); // the revocation's notification arrives while the read is in flight
        cache.offer(id, &usable(), g, now, None);
        assert!(!hit(&cache, id, now));
    }

    #[test]
    fn forgets_revoked_tokens_and_keeps_only_usable_ones() {
        let cache = TokenCache::default();
        cache.reset(true);
        let (id, other, now) = (Uuid::new_v4(), Uuid::new_v4(), Instant::now());
        let g = generation(&cache, id, now);
        cache.offer(id, &usable(), g, now, None);
        cache.offer(other, &usable(), g, now, None);
        cache.forget(id);
        assert!(!hit(&cache, id, now));
        assert!(
            hit(&cache, other, now),
            "forgetting one token keeps the others"
        );
        let revoked = StoredTokenAuth {
            usable: false,
            ..usable()
        };
        let third = Uuid::new_v4();
        let g = generation(&cache, third, now);
        cache.offer(third, &revoked, g, now, None);
        assert!(!hit(&cache, third, now));
    }

    #[test]
    fn entries_go_stale_at_expiry_or_max_age() {
        let cache = TokenCache::default();
        cache.reset(true);
        let (id, expiring, now) = (Uuid::new_v4(), Uuid::new_v4(), Instant::now());
        let g = generation(&cache, id, now);
        cache.offer(id, &usable(), g, now, None);
        cache.offer(expiring, &usable(), g, now, Some(Duration::from_secs(5)));
        let later = now + Duration::from_secs(6);
        assert!(hit(&cache, id, later));
        assert!(
            !hit(&cache, expiring, later),
            "served past its token's expiry"
        );
        assert!(!hit(&cache, id, now + MAX_AGE));
    }
}
