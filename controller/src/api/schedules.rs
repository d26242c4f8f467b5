//! `ScheduleService`: validate, call the store, convert. Fire times are computed from the
//! database clock.

use std::collections::HashMap;
use std::time::Duration;

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::schedule_service_server::ScheduleService;
use tonic::{Request, Response, Status};

use super::convert::timestamp;
use super::{audit_entry, caller};
use crate::app::App;
use crate::auth::rbac::check_task_roles;
use crate::error::Error;
use cyberbrain_model::schedules::{
    Concurrency, CronSchedule, DST_POLICY, NewSchedule, Schedule, validate_name,
    validate_starting_deadline,
};
use cyberbrain_model::tokens::Role;
use cyberbrain_store::{Error as StoreError, FireCounts};

/// The most fire times a preview lists.
const MAX_PREVIEW: u32 = 100;

/// Serves schedules.
#[derive(Debug, Clone)]
pub struct ScheduleApi {
    app: App,
}

impl ScheduleApi {
    /// A handler over the shared state.
    pub fn new(app: App) -> Self {
        ScheduleApi { app }
    }
}

fn concurrency_from_wire(value: i32) -> Result<Concurrency, Error> {
    match pb::ConcurrencyPolicy::try_from(value) {
        Ok(pb::ConcurrencyPolicy::Unspecified | pb::ConcurrencyPolicy::Allow) => {
            Ok(Concurrency::Allow)
        }
        Ok(pb::ConcurrencyPolicy::Forbid) => Ok(Concurrency::Forbid),
        Ok(pb::ConcurrencyPolicy::Replace) => Ok(Concurrency::Replace),
        Err(_) => Err(Error::invalid(
            "concurrency",
            "must be allow, forbid or replace",
        )),
    }
}

fn concurrency_to_wire(c: Concurrency) -> pb::ConcurrencyPolicy {
    match c {
        Concurrency::Allow => pb::ConcurrencyPolicy::Allow,
        Concurrency::Forbid => pb::ConcurrencyPolicy::Forbid,
        Concurrency::Replace => pb::ConcurrencyPolicy::Replace,
    }
}

fn schedule_to_wire(s: &Schedule, counts: Option<&FireCounts>) -> pb::Schedule {
    pb::Schedule {
        id: s.id.to_string(),
        name: s.name.clone(),
        directive_name: s.directive_name.clone(),
        cron: s.cron.clone(),
        time_zone: s.time_zone.clone(),
        concurrency: concurrency_to_wire(s.concurrency) as i32,
        starting_deadline_seconds: s
            .starting_deadline
            .map_or(0, |d| u32::try_from(d.as_secs()).unwrap_or(u32::MAX)),
        paused: s.paused,
        next_fire_at: s.next_fire_at.filter(|_| !s.paused).map(timestamp),
        last_fired_at: s.last_fired_at.map(timestamp),
        created_by: s.created_by.clone(),
        created_at: Some(timestamp(s.created_at)),
        dst_policy: DST_POLICY.to_string(),
        fires: counts.map_or(0, |c| c.fired),
        skips: counts
            .map(|c| c.skipped.iter().cloned().collect::<HashMap<_, _>>())
            .unwrap_or_default(),
    }
}

/// Checks a `CreateScheduleRequest` and makes the new schedule of a creator with `role`, less its
/// first fire time.
fn check_create(
    r: pb::CreateScheduleRequest,
    role: Role,
) -> Result<(NewSchedule, CronSchedule), Error> {
    validate_name(&r.name)?;
    cyberbrain_model::directives::validate_name(&r.directive_name)
        .map_err(|_| Error::invalid("directive_name", "is not a valid directive name"))?;
    let cron = CronSchedule::parse(&r.cron, &r.time_zone)?;
    let deadline = Duration::from_secs(u64::from(r.starting_deadline_seconds));
    validate_starting_deadline(deadline)?;
    let new = NewSchedule {
        name: r.name,
        directive_name: r.directive_name,
        cron: r.cron.trim().to_string(),
        time_zone: cron.time_zone().name().to_string(),
        concurrency: concurrency_from_wire(r.concurrency)?,
        starting_deadline: (!deadline.is_zero()).then_some(deadline),
        next_fire_at: None,
        creator_role: role,
    };
    Ok((new, cron))
}

fn checked_name(name: &str) -> Result<(), Status> {
    validate_name(name).map_err(|e| Status::from(Error::from(e)))
}

#[tonic::async_trait]
impl ScheduleService for ScheduleApi {
    async fn create_schedule(
        &self,
        request: Request<pb::CreateScheduleRequest>,
    ) -> Result<Response<pb::Schedule>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "schedule.create")?;
        let created_by = audit.actor.clone();
        let role = caller(&request)?.role;
        let (mut new, cron) = check_create(request.into_inner(), role)?;
        // The schedule launches with its creator's role: refuse now a directive whose tasks the
        // creator could not launch (each fire checks again, as the directive may change).
        match self
            .app
            .store
            .get_directive(&new.directive_name, None)
            .await
        {
            Ok(directive) => check_task_roles(role, &directive.tasks)?,
            Err(StoreError::NotFound { .. }) => {
                return Err(Status::from(Error::invalid(
                    "directive_name",
                    "no directive has that name",
                )));
            }
            Err(e) => return Err(Status::from(Error::from(e))),
        }
        let now = self.app.store.database_now().await.map_err(Error::from)?;
        new.next_fire_at = cron.next_after(now);
        let schedule = self
            .app
            .store
            .create_schedule(&new, &created_by, &audit)
            .await
            .map_err(Error::from)?;
        tracing::info!(schedule = %schedule.name, directive = %schedule.directive_name, "schedule created");
        Ok(Response::new(schedule_to_wire(&schedule, None)))
    }

    async fn get_schedule(
        &self,
        request: Request<pb::GetScheduleRequest>,
    ) -> Result<Response<pb::Schedule>, Status> {
        super::input::check(request.get_ref())?;
        let r = request.into_inner();
        checked_name(&r.name)?;
        let schedule = self
            .app
            .store
            .get_schedule(&r.name)
            .await
            .map_err(Error::from)?;
        let counts = self
            .app
            .store
            .schedule_fire_counts(schedule.id)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(schedule_to_wire(&schedule, Some(&counts))))
    }

    async fn list_schedules(
        &self,
        request: Request<pb::ListSchedulesRequest>,
    ) -> Result<Response<pb::ListSchedulesResponse>, Status> {
        super::input::check(request.get_ref())?;
        let schedules = self.app.store.list_schedules().await.map_err(Error::from)?;
        Ok(Response::new(pb::ListSchedulesResponse {
            schedules: schedules
                .iter()
                .map(|s| schedule_to_wire(s, None))
                .collect(),
        }))
    }

    async fn pause_schedule(
        &self,
        request: Request<pb::PauseScheduleRequest>,
    ) -> Result<Response<pb::Schedule>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "schedule.pause")?;
        let r = request.into_inner();
        checked_name(&r.name)?;
        let schedule = self
            .app
            .store
            .set_schedule_paused(&r.name, true, None, &audit)
            .await
            .map_err(Error::from)?;
        tracing::info!(schedule = %schedule.name, "schedule paused");
        Ok(Response::new(schedule_to_wire(&schedule, None)))
    }

    async fn resume_schedule(
        &self,
        request: Request<pb::ResumeScheduleRequest>,
    ) -> Result<Response<pb::Schedule>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "schedule.resume")?;
        let r = request.into_inner();
        checked_name(&r.name)?;
        let store = &self.app.store;
        let current = store.get_schedule(&r.name).await.map_err(Error::from)?;
        let cron = crate::scheduler::stored_cron(&current)?;
        let now = store.database_now().await.map_err(Error::from)?;
        // The times that passed while paused are not caught up: the next one after now.
        let schedule = store
            .set_schedule_paused(&r.name, false, cron.next_after(now), &audit)
            .await
            .map_err(Error::from)?;
        tracing::info!(schedule = %schedule.name, "schedule resumed");
        Ok(Response::new(schedule_to_wire(&schedule, None)))
    }

    async fn delete_schedule(
        &self,
        request: Request<pb::DeleteScheduleRequest>,
    ) -> Result<Response<pb::DeleteScheduleResponse>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "schedule.delete")?;
        let r = request.into_inner();
        checked_name(&r.name)?;
        self.app
            .store
            .delete_schedule(&r.name, &audit)
            .await
            .map_err(Error::from)?;
        tracing::info!(schedule = %r.name, "schedule deleted");
        Ok(Response::new(pb::DeleteScheduleResponse {}))
    }

    async fn preview_schedule(
        &self,
        request: Request<pb::PreviewScheduleRequest>,
    ) -> Result<Response<pb::PreviewScheduleResponse>, Status> {
        super::input::check(request.get_ref())?;
        let r = request.into_inner();
        checked_name(&r.name)?;
        let count = match r.count {
            0 => 5,
            n if n > MAX_PREVIEW => {
                return Err(
                    Error::invalid("count", format!("must be at most {MAX_PREVIEW}")).into(),
                );
            }
            n => n,
        };
        let store = &self.app.store;
        let schedule = store.get_schedule(&r.name).await.map_err(Error::from)?;
        let cron = crate::scheduler::stored_cron(&schedule)?;
        let now = store.database_now().await.map_err(Error::from)?;
        let times = cron.upcoming(now, count as usize);
        Ok(Response::new(pb::PreviewScheduleResponse {
            fire_times: times.into_iter().map(timestamp).collect(),
            time_zone: schedule.time_zone,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(cron: &str, tz: &str) -> pb::CreateScheduleRequest {
        pb::CreateScheduleRequest {
            name: "nightly".into(),
            directive_name: "triage".into(),
            cron: cron.into(),
            time_zone: tz.into(),
            concurrency: 0,
            starting_deadline_seconds: 0,
        }
    }

    fn field_of(e: Error) -> String {
        let status = Status::from(e);
        assert_eq!(status.code(), tonic::Code::InvalidArgument);
        status.message().to_string()
    }

    #[test]
    fn bad_fields_are_named() {
        let Err(e) = check_create(request("not a cron", "UTC"), Role::Operator) else {
            panic!("accepted a bad cron");
        };
        assert!(field_of(e).contains("cron"));
        let Err(e) = check_create(request("0 3 * * *", "Moon/Base"), Role::Operator) else {
            panic!("accepted a bad zone");
        };
        assert!(field_of(e).contains("time_zone"));
        let mut r = request("0 3 * * *", "");
        r.concurrency = 9;
        let Err(e) = check_create(r, Role::Operator) else {
            panic!("accepted a bad policy");
        };
        assert!(field_of(e).contains("concurrency"));
        let mut r = request("0 3 * * *", "");
        r.starting_deadline_seconds = 8 * 86_400;
        let Err(e) = check_create(r, Role::Operator) else {
            panic!("accepted a long deadline");
        };
        assert!(field_of(e).contains("starting_deadline_seconds"));
    }

    #[test]
    fn empty_zone_is_utc_and_policy_defaults_to_allow() {
        let (new, _) = check_create(request("@hourly", ""), Role::Operator).expect("valid");
        assert_eq!(new.time_zone, "UTC");
        assert_eq!(new.concurrency, Concurrency::Allow);
        assert_eq!(new.starting_deadline, None);
    }
}
