//! API authentication and authorization end to end: the RBAC matrix (every API method × every
//! kind of caller, table-driven), the audit log and its filters, and a change whose audit row
//! cannot be written failing as a whole.

use std::time::Duration;

use cyberbrain_testkit::api::{TokenChannel, token_channel};
use cyberbrain_testkit::checks::{count, json, query};
use cyberbrain_testkit::pg::PgCluster;
use cyberbrain_testkit::process::{ControllerProcess, Pki, cbctl, cbctl_ok, cbctl_with_token_file};
use cyberbrain_testkit::{temp_dir, wait_for_async, wait_for_async_within};
use prost::Message;
use tonic::Code;

/// Who may call what: the documented policy (the roles table in docs/operations.md), written out
/// independently of the controller's own table so that a change to either shows up here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Needs {
    Public,
    Viewer,
    Operator,
    Admin,
}

const POLICY: &[(&str, Needs)] = &[
    ("/grpc.health.v1.Health/Check", Needs::Public),
    ("/grpc.health.v1.Health/Watch", Needs::Public),
    (
        "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
        Needs::Public,
    ),
    (
        "/cyberbrain.v1.DirectiveService/CreateDirective",
        Needs::Operator,
    ),
    (
        "/cyberbrain.v1.DirectiveService/GetDirective",
        Needs::Viewer,
    ),
    (
        "/cyberbrain.v1.DirectiveService/ListDirectives",
        Needs::Viewer,
    ),
    (
        "/cyberbrain.v1.DirectiveService/UpdateDirective",
        Needs::Operator,
    ),
    (
        "/cyberbrain.v1.DirectiveService/DeleteDirective",
        Needs::Operator,
    ),
    ("/cyberbrain.v1.RunService/LaunchRun", Needs::Operator),
    ("/cyberbrain.v1.RunService/GetRun", Needs::Viewer),
    ("/cyberbrain.v1.RunService/ListRuns", Needs::Viewer),
    ("/cyberbrain.v1.RunService/CancelRun", Needs::Operator),
    ("/cyberbrain.v1.RunService/GetRunReport", Needs::Viewer),
    ("/cyberbrain.v1.RunService/WatchRun", Needs::Viewer),
    ("/cyberbrain.v1.RunService/GetJobOutput", Needs::Viewer),
    ("/cyberbrain.v1.FleetService/ListAgents", Needs::Viewer),
    ("/cyberbrain.v1.UsageService/TokenStats", Needs::Viewer),
    ("/cyberbrain.v1.UsageService/CostReport", Needs::Viewer),
    (
        "/cyberbrain.v1.UsageService/ListLlmProviders",
        Needs::Viewer,
    ),
    ("/cyberbrain.v1.FleetService/GetAgent", Needs::Viewer),
    ("/cyberbrain.v1.FleetService/CreateJoinToken", Needs::Admin),
    ("/cyberbrain.v1.FleetService/RevokeAgent", Needs::Admin),
    ("/cyberbrain.v1.FleetService/DeleteAgent", Needs::Admin),
    ("/cyberbrain.v1.FleetService/SetAgentLabels", Needs::Admin),
    ("/cyberbrain.v1.FleetService/ListJoinTokens", Needs::Admin),
    ("/cyberbrain.v1.FleetService/RevokeJoinToken", Needs::Admin),
    (
        "/cyberbrain.v1.AllowlistService/AddAllowlistEntry",
        Needs::Admin,
    ),
    (
        "/cyberbrain.v1.AllowlistService/ListAllowlistEntries",
        Needs::Viewer,
    ),
    (
        "/cyberbrain.v1.AllowlistService/UpdateAllowlistEntry",
        Needs::Admin,
    ),
    (
        "/cyberbrain.v1.AllowlistService/RemoveAllowlistEntry",
        Needs::Admin,
    ),
    ("/cyberbrain.v1.AuthService/CreateApiToken", Needs::Admin),
    ("/cyberbrain.v1.AuthService/ListApiTokens", Needs::Admin),
    ("/cyberbrain.v1.AuthService/RevokeApiToken", Needs::Admin),
    ("/cyberbrain.v1.AuthService/WhoAmI", Needs::Viewer),
    (
        "/cyberbrain.v1.AuthService/CreateWebSignInLink",
        Needs::Viewer,
    ),
    ("/cyberbrain.v1.AuditService/ListAuditEvents", Needs::Admin),
    ("/cyberbrain.v1.ScheduleService/GetSchedule", Needs::Viewer),
    (
        "/cyberbrain.v1.ScheduleService/ListSchedules",
        Needs::Viewer,
    ),
    (
        "/cyberbrain.v1.ScheduleService/PreviewSchedule",
        Needs::Viewer,
    ),
    (
        "/cyberbrain.v1.ScheduleService/CreateSchedule",
        Needs::Operator,
    ),
    (
        "/cyberbrain.v1.ScheduleService/PauseSchedule",
        Needs::Operator,
    ),
    (
        "/cyberbrain.v1.ScheduleService/ResumeSchedule",
        Needs::Operator,
    ),
    (
        "/cyberbrain.v1.ScheduleService/DeleteSchedule",
        Needs::Operator,
    ),
    ("/cyberbrain.v1.TriggerService/GetTrigger", Needs::Viewer),
    ("/cyberbrain.v1.TriggerService/ListTriggers", Needs::Viewer),
    (
        "/cyberbrain.v1.TriggerService/CreateTrigger",
        Needs::Operator,
    ),
    (
        "/cyberbrain.v1.TriggerService/DeleteTrigger",
        Needs::Operator,
    ),
    (
        "/cyberbrain.v1.NotificationService/ListNotificationRules",
        Needs::Viewer,
    ),
    (
        "/cyberbrain.v1.NotificationService/GetNotificationRule",
        Needs::Viewer,
    ),
    (
        "/cyberbrain.v1.NotificationService/CreateNotificationRule",
        Needs::Admin,
    ),
    (
        "/cyberbrain.v1.NotificationService/DeleteNotificationRule",
        Needs::Admin,
    ),
    (
        "/cyberbrain.v1.NotificationService/EnableNotificationRule",
        Needs::Admin,
    ),
    (
        "/cyberbrain.v1.NotificationService/TestNotificationRule",
        Needs::Admin,
    ),
];

/// Calls `path` with an empty request message. Every method accepts the empty encoding; what
/// matters here is whether the call gets past authentication and authorization.
async fn call(channel: TokenChannel, path: &str) -> Result<(), tonic::Status> {
    let mut grpc = tonic::client::Grpc::new(channel);
    grpc.ready()
        .await
        .map_err(|e| tonic::Status::unavailable(e.to_string()))?;
    let codec = tonic_prost::ProstCodec::<(), ()>::default();
    let path = http::uri::PathAndQuery::try_from(path).expect("a method path");
    grpc.server_streaming(tonic::Request::new(()), path, codec)
        .await
        .map(|_| ())
}

fn create_token(
    pki: &Pki,
    controller: &ControllerProcess,
    name: &str,
    role: &str,
    extra: &[&str],
) -> String {
    let mut args = vec!["token", "create", name, "--role", role];
    args.extend_from_slice(extra);
    cbctl_ok(pki, controller, &args).trim().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_method_is_allowed_or_denied_for_every_caller_as_documented() {
    let dir = temp_dir("rbac");
    let pki = Pki::init(&dir.path().join("certs"), &["x"]);
    let controller = ControllerProcess::start(dir.path(), &pki);

    // The bootstrap token: written 0600, and never in the log.
    let admin_token = controller.admin_token();
    let mode = std::fs::metadata(controller.admin_token_path()).expect("token file");
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&mode.permissions()) & 0o777,
        0o600
    );
    assert!(!controller.process.log_text().contains(&admin_token));

    // The policy names every method of the API, and only those.
    let set = prost_types::FileDescriptorSet::decode(cyberbrain_proto::FILE_DESCRIPTOR_SET)
        .expect("descriptor set");
    let mut methods = Vec::new();
    for file in set.file.iter().filter(|f| f.package() == "cyberbrain.v1") {
        for service in &file.service {
            for method in &service.method {
                methods.push(format!(
                    "/cyberbrain.v1.{}/{}",
                    service.name(),
                    method.name()
                ));
            }
        }
    }
    for method in &methods {
        assert!(
            POLICY.iter().any(|(m, _)| m == method),
            "{method} is missing from the documented policy"
        );
    }

    let viewer = create_token(&pki, &controller, "viewer-1", "viewer", &[]);
    let operator = create_token(&pki, &controller, "operator-1", "operator", &[]);
    let admin = create_token(&pki, &controller, "admin-1", "admin", &[]);
    let revoked = create_token(&pki, &controller, "revoked-1", "admin", &[]);
    cbctl_ok(
        &pki,
        &controller,
        &["token", "revoke", "revoked-1", "--yes"],
    );
    let expired = create_token(&pki, &controller, "expired-1", "admin", &["--ttl", "1s"]);
    let listed = json(&cbctl_ok(
        &pki,
        &controller,
        &["token", "list", "-o", "json"],
    ));
    let names: Vec<&str> = listed
        .as_array()
        .expect("tokens")
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    assert!(names.contains(&"viewer-1") && names.contains(&"bootstrap-admin"));
    assert!(
        !listed.to_string().contains(&viewer),
        "a listing never shows secrets"
    );
    let stored = query(
        &controller.database_url(),
        "SELECT secret_sha256 FROM api_tokens",
    )
    .await;
    assert!(stored.iter().all(|r| r.get::<_, Vec<u8>>(0).len() == 32));
    tokio::time::sleep(Duration::from_millis(1500)).await;

    let ca = pki.ca();
    let role_callers: [(&str, Option<&str>, Needs); 3] = [
        ("viewer", Some(&viewer), Needs::Viewer),
        ("operator", Some(&operator), Needs::Operator),
        ("admin", Some(&admin), Needs::Admin),
    ];
    let rejected_callers: [(&str, Option<&str>); 4] = [
        ("no token", None),
        ("garbage token", Some("cbt_not-a-token")),
        ("revoked token", Some(&revoked)),
        ("expired token", Some(&expired)),
    ];
    let mut checked = 0;
    for (method, needs) in POLICY {
        for (who, token, has) in &role_callers {
            let result = call(token_channel(controller.api, &ca, *token).await, method).await;
            let code = result.as_ref().err().map(tonic::Status::code);
            if *needs <= *has {
                assert!(
                    !matches!(code, Some(Code::PermissionDenied | Code::Unauthenticated)),
                    "{who} must be allowed {method}: {result:?}"
                );
            } else {
                let status = result.expect_err("denied");
                assert_eq!(
                    status.code(),
                    Code::PermissionDenied,
                    "{who} on {method}: {status:?}"
                );
                assert!(status.message().contains("role"), "{}", status.message());
            }
            checked += 1;
        }
        for (who, token) in &rejected_callers {
            let result = call(token_channel(controller.api, &ca, *token).await, method).await;
            if *needs == Needs::Public {
                let code = result.as_ref().err().map(tonic::Status::code);
                assert!(
                    !matches!(code, Some(Code::PermissionDenied | Code::Unauthenticated)),
                    "{method} is public, {who} included: {result:?}"
                );
            } else {
                let status = result.expect_err("refused");
                assert_eq!(
                    status.code(),
                    Code::Unauthenticated,
                    "{who} on {method}: {status:?}"
                );
            }
            checked += 1;
        }
    }
    assert_eq!(checked, POLICY.len() * 7);

    // cbctl shows the refusal in one line, naming the role needed.
    let viewer_file = dir.path().join("viewer.token");
    std::fs::write(&viewer_file, &viewer).expect("token file");
    let refused = cbctl_with_token_file(
        &pki,
        &controller,
        &viewer_file,
        &["directive", "create", "d1", "--task", "gpu_report", "--all"],
    );
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("needs the operator role") && stderr.contains("permission denied"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("permissiondenied"),
        "words, not a code name: {stderr}"
    );
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(!controller.process.log_text().contains(&viewer));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mutating_calls_are_audited_and_fail_when_their_audit_row_cannot_be_written() {
    let dir = temp_dir("audit");
    let pki = Pki::init(&dir.path().join("certs"), &["x"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let db = controller.database_url();

    let operator = create_token(&pki, &controller, "ops", "operator", &[]);
    let ops_file = dir.path().join("ops.token");
    std::fs::write(&ops_file, &operator).expect("token file");
    let created = cbctl_with_token_file(
        &pki,
        &controller,
        &ops_file,
        &[
            "directive",
            "create",
            "nightly",
            "--task",
            "gpu_report",
            "--all",
        ],
    );
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    cbctl_ok(
        &pki,
        &controller,
        &["allowlist", "add", "web-*", "--kind", "name-glob"],
    );
    cbctl_ok(
        &pki,
        &controller,
        &[
            "agent",
            "join-token",
            "create",
            "--ttl",
            "5m",
            "--labels",
            "gpu=true",
        ],
    );

    let all = json(&cbctl_ok(
        &pki,
        &controller,
        &["audit", "list", "-o", "json"],
    ));
    let actions: Vec<&str> = all
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    for wanted in [
        "token.create",
        "directive.create",
        "allowlist.add",
        "join_token.create",
    ] {
        assert!(
            actions.contains(&wanted),
            "{wanted} missing from {actions:?}"
        );
    }
    let by_ops = json(&cbctl_ok(
        &pki,
        &controller,
        &["audit", "list", "--actor", "token:ops", "-o", "json"],
    ));
    let by_ops = by_ops.as_array().expect("events");
    assert_eq!(by_ops.len(), 1, "{by_ops:?}");
    assert_eq!(by_ops[0]["action"], "directive.create");
    assert_eq!(by_ops[0]["object"], "nightly");
    let token_events = json(&cbctl_ok(
        &pki,
        &controller,
        &[
            "audit",
            "list",
            "--action",
            "token.create",
            "--since",
            "1h",
            "-o",
            "json",
        ],
    ));
    let objects: Vec<&str> = token_events
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["object"].as_str())
        .collect();
    assert_eq!(objects, ["ops", "bootstrap-admin"], "newest first");
    assert!(
        !token_events.to_string().contains(&operator),
        "no secret in the audit log"
    );

    // The audit table refuses every row from now on: each change must fail and leave nothing.
    query(
        &db,
        "CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS
             $$ BEGIN RAISE EXCEPTION 'audit refused by the test'; END $$",
    )
    .await;
    query(
        &db,
        "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_events
             FOR EACH ROW EXECUTE FUNCTION refuse_audit()",
    )
    .await;
    let before = count(&db, "SELECT count(*) FROM audit_events").await;
    for args in [
        &[
            "directive",
            "create",
            "lost",
            "--task",
            "gpu_report",
            "--all",
        ][..],
        &[
            "directive",
            "update",
            "nightly",
            "--task",
            "service_map",
            "--all",
        ][..],
        &["allowlist", "add", "db-*", "--kind", "name-glob"][..],
        &["token", "create", "lost-token", "--role", "viewer"][..],
        &["agent", "join-token", "create"][..],
    ] {
        let output = cbctl(&pki, &controller, args);
        assert!(
            !output.status.success(),
            "{args:?} must fail without its audit row"
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("unavailable"), "{args:?}: {stderr}");
    }
    assert_eq!(
        count(&db, "SELECT count(*) FROM directives WHERE name = 'lost'").await,
        0
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM directives WHERE name = 'nightly'"
        )
        .await,
        1
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM allowlist_entries").await,
        1
    );
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM api_tokens WHERE name = 'lost-token'"
        )
        .await,
        0
    );
    assert_eq!(count(&db, "SELECT count(*) FROM join_tokens").await, 1);
    assert_eq!(
        count(&db, "SELECT count(*) FROM audit_events").await,
        before
    );
    // Reads are not audited and keep working.
    cbctl_ok(&pki, &controller, &["directive", "list"]);
}

/// Whether `token` gets past authentication on `controller` (a `WhoAmI` call).
async fn accepted(pki: &Pki, controller: &ControllerProcess, token: &str) -> bool {
    let channel = token_channel(controller.api, &pki.ca(), Some(token)).await;
    match call(channel, "/cyberbrain.v1.AuthService/WhoAmI").await {
        Ok(()) => true,
        Err(status) if status.code() == Code::Unauthenticated => false,
        Err(status) => panic!("WhoAmI failed otherwise: {status:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_verified_before_stops_working_when_revoked_or_expired_on_every_replica() {
    let dir = temp_dir("token-cache");
    let pki = Pki::init(&dir.path().join("certs"), &["x"]);
    let pg = PgCluster::start().await;
    let (one, two) = ControllerProcess::start_two_replicas(dir.path(), &pki, &pg.database_url());

    // Verified (and so cached) on both replicas, twice each.
    let token = create_token(&pki, &one, "revoked-later", "operator", &[]);
    let expiring = create_token(&pki, &one, "expiring", "operator", &["--ttl", "5s"]);
    for controller in [&one, &two, &one, &two] {
        assert!(accepted(&pki, controller, &token).await);
        assert!(accepted(&pki, controller, &expiring).await);
    }

    cbctl_ok(&pki, &two, &["token", "revoke", "revoked-later", "--yes"]);
    assert!(
        !accepted(&pki, &two, &token).await,
        "the revoking replica refuses the token at once"
    );
    wait_for_async("replica one to refuse the revoked token", || async {
        (!accepted(&pki, &one, &token).await).then_some(())
    })
    .await;
    assert!(!accepted(&pki, &one, &token).await);

    // A replica whose notification connection is cut (a failover, a proxy's idle timeout) stops
    // serving from its cache: a revocation it cannot hear still takes effect there.
    let second = create_token(&pki, &one, "revoked-unheard", "operator", &[]);
    assert!(accepted(&pki, &one, &second).await && accepted(&pki, &one, &second).await);
    query(
        &pg.database_url(),
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%'",
    )
    .await;
    cbctl_ok(&pki, &two, &["token", "revoke", "revoked-unheard", "--yes"]);
    wait_for_async("replica one to refuse a revocation it missed", || async {
        (!accepted(&pki, &one, &second).await).then_some(())
    })
    .await;

    // An expiring token stops at its expiry, not when its cache entry would age out (a minute).
    for controller in [&one, &two] {
        wait_for_async_within(
            Duration::from_secs(15),
            "the expired token to be refused",
            || async { (!accepted(&pki, controller, &expiring).await).then_some(()) },
        )
        .await;
    }
}
