//! Sampling for log lines an attacker can make us write: the first few pass, then one per
//! interval carrying how many were left out, so a flood costs a handful of lines, not one each.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Lets the first `first` events through, then one per `interval`.
#[derive(Debug)]
pub struct LogSampler {
    first: u64,
    interval: Duration,
    state: Mutex<SamplerState>,
}

#[derive(Debug, Default)]
struct SamplerState {
    passed: u64,
    suppressed: u64,
    last: Option<Instant>,
}

impl LogSampler {
    /// A sampler that passes `first` events, then one per `interval`.
    pub const fn new(first: u64, interval: Duration) -> LogSampler {
        LogSampler {
            first,
            interval,
            state: Mutex::new(SamplerState {
                passed: 0,
                suppressed: 0,
                last: None,
            }),
        }
    }

    /// `Some(n)` when this event should be logged, `n` being how many were left out since the
    /// last logged one; `None` when it should not.
    pub fn sample(&self) -> Option<u64> {
        self.sample_at(Instant::now())
    }

    fn sample_at(&self, now: Instant) -> Option<u64> {
        // A poisoned lock only means a panic elsewhere mid-update of counters: keep counting.
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let due = state
            .last
            .is_none_or(|last| now.saturating_duration_since(last) >= self.interval);
        if state.passed < self.first || due {
            state.passed = state.passed.saturating_add(1);
            state.last = Some(now);
            Some(std::mem::take(&mut state.suppressed))
        } else {
            state.suppressed = state.suppressed.saturating_add(1);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_the_first_then_one_per_interval_with_the_count_left_out() {
        let sampler = LogSampler::new(3, Duration::from_secs(10));
        let t0 = Instant::now();
        let passed: Vec<_> = (0..10).map(|_| sampler.sample_at(t0)).collect();
        assert_eq!(passed[..3], [Some(0), Some(0), Some(0)]);
        assert!(passed[3..].iter().all(Option::is_none));
        assert_eq!(sampler.sample_at(t0 + Duration::from_secs(5)), None);
        assert_eq!(sampler.sample_at(t0 + Duration::from_secs(10)), Some(8));
        assert_eq!(sampler.sample_at(t0 + Duration::from_secs(11)), None);
    }
}
