//! The jobs one agent connection has been sent and not yet answered, which bound how many more it
//! is sent (`MAX_IN_FLIGHT_PER_AGENT` in `connected`), so that a backlog waits in the database —
//! where any replica can hand it out — rather than in one agent's queue with its leases running.
//!
//! A set of job ids, not a counter: an answer for a job this connection never sent (a result resent
//! after a reconnect) frees nothing, every kind of answer (stored, duplicate, refused) frees its
//! job, and jobs the agent no longer mentions in its heartbeats (requeued by the reaper, cancelled,
//! lost in a restart) are forgotten once they are older than a grace period.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use uuid::Uuid;

/// Jobs sent on one connection and not yet answered.
#[derive(Debug, Default)]
pub struct InFlight {
    sent: Mutex<HashMap<Uuid, Instant>>,
}

impl InFlight {
    /// How many more jobs may be sent, given at most `limit` in flight.
    pub fn room(&self, limit: u32) -> u32 {
        let held = u32::try_from(self.lock().len()).unwrap_or(u32::MAX);
        limit.saturating_sub(held)
    }

    /// Notes jobs just sent.
    pub fn sent(&self, jobs: impl IntoIterator<Item = Uuid>) {
        let now = Instant::now();
        self.lock().extend(jobs.into_iter().map(|id| (id, now)));
    }

    /// Notes `jobs` as sent if all of them fit beside those in flight (at most `limit`); says
    /// whether they did. A launch reserves room this way before it hands jobs to the connection.
    pub fn reserve(&self, jobs: &[Uuid], limit: u32) -> bool {
        let mut sent = self.lock();
        let fits = u32::try_from(sent.len() + jobs.len()).is_ok_and(|n| n <= limit);
        if fits {
            let now = Instant::now();
            sent.extend(jobs.iter().map(|id| (*id, now)));
        }
        fits
    }

    /// Forgets jobs reserved or sent that will not be answered on this connection after all.
    pub fn release(&self, jobs: &[Uuid]) {
        let mut sent = self.lock();
        for id in jobs {
            sent.remove(id);
        }
    }

    /// Notes an answer for `job`; true if this connection had sent it (room was freed).
    pub fn answered(&self, job: Uuid) -> bool {
        self.lock().remove(&job).is_some()
    }

    /// Keeps the jobs the agent still mentions (`listed`: running or holding a result) and those
    /// sent within `grace` (their `Assign` may not have reached it when it wrote the heartbeat);
    /// forgets the rest.
    pub fn reconcile(&self, listed: &[Uuid], grace: Duration) {
        self.lock()
            .retain(|id, sent_at| listed.contains(id) || sent_at.elapsed() < grace);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Uuid, Instant>> {
        // The map holds no invariant a panicking holder could break.
        self.sent.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_free_room_only_for_jobs_this_connection_sent() {
        let in_flight = InFlight::default();
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        in_flight.sent([a, b]);
        assert_eq!(in_flight.room(3), 1);
        assert!(
            !in_flight.answered(Uuid::new_v4()),
            "a resend from an old stream frees nothing"
        );
        assert_eq!(in_flight.room(3), 1);
        assert!(in_flight.answered(a));
        assert!(!in_flight.answered(a), "a second answer frees nothing");
        assert_eq!(in_flight.room(3), 2);
        assert_eq!(in_flight.room(0), 0);
    }

    #[test]
    fn a_reservation_takes_all_its_jobs_or_none() {
        let in_flight = InFlight::default();
        let first: Vec<Uuid> = (0..3).map(|_| Uuid::new_v4()).collect();
        assert!(in_flight.reserve(&first, 4));
        assert_eq!(in_flight.room(4), 1);
        let second: Vec<Uuid> = (0..2).map(|_| Uuid::new_v4()).collect();
        assert!(
            !in_flight.reserve(&second, 4),
            "two do not fit in one place"
        );
        assert_eq!(in_flight.room(4), 1, "a refused reservation takes nothing");
        in_flight.release(&first[..2]);
        assert_eq!(in_flight.room(4), 3);
        assert!(in_flight.answered(first[2]));
    }

    #[test]
    fn heartbeats_forget_jobs_the_agent_no_longer_has_after_the_grace_period() {
        let in_flight = InFlight::default();
        let (kept, gone, fresh) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        in_flight.sent([kept, gone]);
        in_flight.reconcile(&[kept], Duration::ZERO);
        assert_eq!(in_flight.room(10), 9, "only the listed job is kept");
        in_flight.sent([fresh]);
        in_flight.reconcile(&[kept], Duration::from_secs(60));
        assert_eq!(
            in_flight.room(10),
            8,
            "a job sent within the grace period is kept"
        );
    }
}
