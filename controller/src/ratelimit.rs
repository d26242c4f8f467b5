//! Token buckets: how often a caller may ask.
//!
//! A bucket holds up to `burst` tokens and gains `per_second` tokens a second; each request takes
//! one. A [`KeyedLimiter`] keeps one bucket per key (a source address, an API token) in memory, per
//! replica: limits protect this process and its database pool, so they need not be shared.
//!
//! Architecture invariant: a refusal says how long to wait ([`RetryAfter`]), so clients can back
//! off instead of hammering.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tonic::Status;

use crate::error::Error;

/// The key an address counts against (rate limits, connection caps): IPv4 addresses one by one, IPv6 by /64 (one host or
/// subnet can hold a whole /64).
pub fn source_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let prefix = u128::from(v6) & !((1u128 << 64) - 1);
                IpAddr::V6(Ipv6Addr::from(prefix))
            }
        },
    }
}

/// A rate: tokens gained per second and the most that can be saved up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    /// Tokens gained per second (the sustained rate).
    pub per_second: f64,
    /// Bucket size: how many requests may come at once after a quiet spell.
    pub burst: u32,
}

impl Rate {
    /// Seconds an idle bucket takes to fill up from empty: after that it is the same as a new one.
    fn fill_time(&self) -> Duration {
        Duration::from_secs_f64(f64::from(self.burst) / self.per_second.max(f64::MIN_POSITIVE))
            .min(Duration::from_secs(86_400))
    }
}

/// How long to wait before the next request can pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAfter(pub Duration);

impl RetryAfter {
    /// A `RESOURCE_EXHAUSTED` status that names what was limited and carries the wait, in the
    /// message and as `retry-after-ms` metadata (see [`Error::RateLimited`]).
    pub fn status(self, what: &str) -> Status {
        Status::from(Error::RateLimited {
            what: what.to_string(),
            retry_after: self.0,
        })
    }
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

impl Bucket {
    fn full(rate: Rate, now: Instant) -> Bucket {
        Bucket {
            tokens: f64::from(rate.burst),
            updated: now,
        }
    }

    fn take(&mut self, rate: Rate, now: Instant) -> Result<(), RetryAfter> {
        let elapsed = now.saturating_duration_since(self.updated).as_secs_f64();
        self.tokens = (self.tokens + elapsed * rate.per_second).min(f64::from(rate.burst));
        self.updated = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            let missing = 1.0 - self.tokens;
            let wait = missing / rate.per_second.max(f64::MIN_POSITIVE);
            Err(RetryAfter(Duration::from_secs_f64(wait.min(86_400.0))))
        }
    }
}

/// One bucket, for a limit on everyone together.
#[derive(Debug)]
pub struct Limiter {
    rate: Rate,
    bucket: Mutex<Bucket>,
}

impl Limiter {
    /// A full bucket.
    pub fn new(rate: Rate) -> Limiter {
        Limiter {
            rate,
            bucket: Mutex::new(Bucket::full(rate, Instant::now())),
        }
    }

    /// Takes a token, or says how long until one is there.
    pub fn check(&self) -> Result<(), RetryAfter> {
        self.check_at(Instant::now())
    }

    fn check_at(&self, now: Instant) -> Result<(), RetryAfter> {
        let mut bucket = self.bucket.lock().unwrap_or_else(|p| p.into_inner());
        bucket.take(self.rate, now)
    }
}

/// The most buckets a keyed limiter keeps before it forgets full ones.
const MAX_KEYS: usize = 10_000;

/// One bucket per key.
#[derive(Debug)]
pub struct KeyedLimiter<K> {
    rate: Rate,
    buckets: Mutex<HashMap<K, Bucket>>,
}

impl<K: Hash + Eq + Clone> KeyedLimiter<K> {
    /// No buckets yet; a new key starts with a full one.
    pub fn new(rate: Rate) -> KeyedLimiter<K> {
        KeyedLimiter {
            rate,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes a token from `key`'s bucket, or says how long until one is there.
    pub fn check(&self, key: &K) -> Result<(), RetryAfter> {
        self.check_at(key, Instant::now())
    }

    fn check_at(&self, key: &K, now: Instant) -> Result<(), RetryAfter> {
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() >= MAX_KEYS && !buckets.contains_key(key) {
            // Forget buckets that have refilled: they are the same as new ones. Many keys that
            // are all busy (an attack from many addresses) still cannot grow the map for long,
            // since every bucket fills within `fill_time`.
            let fill_time = self.rate.fill_time();
            buckets.retain(|_, b| now.saturating_duration_since(b.updated) < fill_time);
            if buckets.len() >= MAX_KEYS {
                return Err(RetryAfter(fill_time.min(Duration::from_secs(60))));
            }
        }
        buckets
            .entry(key.clone())
            .or_insert_with(|| Bucket::full(self.rate, now))
            .take(self.rate, now)
    }

    /// Gives back the token a request took from `key`'s bucket (for limits that count only
    /// failures: take before trying, refund on success). Never beyond the burst.
    pub fn refund(&self, key: &K) {
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(bucket) = buckets.get_mut(key) {
            bucket.tokens = (bucket.tokens + 1.0).min(f64::from(self.rate.burst));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SLOW: Rate = Rate {
        per_second: 2.0,
        burst: 3,
    };

    #[test]
    fn a_burst_passes_then_the_rate_holds() {
        let limiter = Limiter::new(SLOW);
        let start = Instant::now();
        for _ in 0..3 {
            assert!(limiter.check_at(start).is_ok());
        }
        let RetryAfter(wait) = limiter.check_at(start).unwrap_err();
        assert_eq!(wait, Duration::from_millis(500));
        // Half a second later exactly one more request fits.
        let later = start + Duration::from_millis(500);
        assert!(limiter.check_at(later).is_ok());
        assert!(limiter.check_at(later).is_err());
        // A long pause refills only up to the burst.
        let much_later = later + Duration::from_secs(3600);
        for _ in 0..3 {
            assert!(limiter.check_at(much_later).is_ok());
        }
        assert!(limiter.check_at(much_later).is_err());
    }

    #[test]
    fn keys_have_their_own_buckets() {
        let limiter = KeyedLimiter::new(SLOW);
        let now = Instant::now();
        for _ in 0..3 {
            assert!(limiter.check_at(&"a", now).is_ok());
        }
        assert!(limiter.check_at(&"a", now).is_err());
        assert!(limiter.check_at(&"b", now).is_ok());
    }

    #[test]
    fn a_refund_gives_back_one_token_up_to_the_burst() {
        let limiter = KeyedLimiter::new(SLOW);
        let now = Instant::now();
        for _ in 0..3 {
            assert!(limiter.check_at(&"a", now).is_ok());
        }
        limiter.refund(&"a");
        assert!(limiter.check_at(&"a", now).is_ok());
        assert!(limiter.check_at(&"a", now).is_err());
        // Refunds never fill a bucket beyond its burst, nor make one for an unknown key.
        let fresh = KeyedLimiter::new(SLOW);
        fresh.refund(&"b");
        fresh.refund(&"b");
        assert!(fresh.buckets.lock().unwrap().is_empty());
        assert!(fresh.check_at(&"b", now).is_ok());
        for _ in 0..5 {
            fresh.refund(&"b");
        }
        for _ in 0..3 {
            assert!(fresh.check_at(&"b", now).is_ok());
        }
        assert!(fresh.check_at(&"b", now).is_err());
    }

    #[test]
    fn full_buckets_are_forgotten_when_the_map_is_full() {
        let limiter = KeyedLimiter::new(SLOW);
        let start = Instant::now();
        for key in 0..MAX_KEYS {
            assert!(limiter.check_at(&key, start).is_ok());
        }
        // Every bucket is busy: a new key has to wait.
        assert!(limiter.check_at(&MAX_KEYS, start).is_err());
        // Once they have refilled they are forgotten and the new key gets a bucket.
        let later = start + Duration::from_secs(2);
        assert!(limiter.check_at(&MAX_KEYS, later).is_ok());
        assert!(limiter.buckets.lock().unwrap().len() <= 1);
    }

    #[test]
    fn refusals_carry_the_wait() {
        let status = RetryAfter(Duration::from_millis(1500)).status("token \"ci\"");
        assert_eq!(status.code(), tonic::Code::ResourceExhausted);
        assert!(status.message().contains("retry after 1500 ms"));
        assert_eq!(
            status
                .metadata()
                .get("retry-after-ms")
                .and_then(|v| v.to_str().ok()),
            Some("1500")
        );
    }
}
