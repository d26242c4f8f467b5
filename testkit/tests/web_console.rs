//! The web console over real HTTPS on a real controller with a real agent: every page for every
//! role as the access table says, CSRF refused, sessions that end with their token and at
//! sign-out, one-time sign-in links, live progress that resumes without gaps or repeats, bad
//! input, and container text shown as text.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::allowlist_service_client::AllowlistServiceClient;
use cyberbrain_proto::v1::auth_service_client::AuthServiceClient;
use cyberbrain_proto::v1::run_service_client::RunServiceClient;
use cyberbrain_testkit::api::{TokenChannel, admin_channel};
use cyberbrain_testkit::checks::{count, launch_gpu_run, wait_for_run_status};
use cyberbrain_testkit::docker::{Sandbox, wait_for_log_lines};
use cyberbrain_testkit::fixtures::SlowGpuFleet;
use cyberbrain_testkit::process::cbctl_ok;
use cyberbrain_testkit::process::{AgentProcess, ControllerOptions, ControllerProcess, Pki};
use cyberbrain_testkit::web::{WebClient, read_events};
use cyberbrain_testkit::{temp_dir, wait_for_async};

/// Makes a token with `role` and returns its secret.
async fn token(channel: &TokenChannel, name: &str, role: pb::Role) -> String {
    AuthServiceClient::new(channel.clone())
        .create_api_token(pb::CreateApiTokenRequest {
            name: name.into(),
            role: role as i32,
            ttl_seconds: 0,
        })
        .await
        .expect("a token")
        .into_inner()
        .secret
}

/// The pages every signed-in role may read, with a piece of text each must show.
fn readable_pages(run_id: &str, agent: &str) -> Vec<(String, String)> {
    vec![
        ("/".into(), "Fleet overview".into()),
        ("/agents".into(), format!("href=\"/agents/{agent}\"")),
        (format!("/agents/{agent}"), "Recent jobs".into()),
        ("/runs".into(), format!("href=\"/runs/{run_id}\"")),
        ("/runs?status=running".into(), "Runs".into()),
        ("/usage".into(), "By model".into()),
        ("/gpus".into(), "GPUs on".into()),
        (format!("/runs?agent={agent}"), format!("/runs/{run_id}")),
        (format!("/runs/{run_id}"), "gpu_report".into()),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_actions_and_sessions_follow_the_access_table() {
    let fleet = SlowGpuFleet::start("web-roles", "gpu-web", ControllerOptions::default());
    let controller = &fleet.controller;
    let web = controller.web.expect("the console listens");
    let ca = fleet.pki.ca();
    let admin_grpc = admin_channel(controller, &ca).await;
    let admin_token = controller.admin_token();
    let viewer_token = token(&admin_grpc, "web-viewer", pb::Role::Viewer).await;
    let operator_token = token(&admin_grpc, "web-operator", pb::Role::Operator).await;
    let sessions = || count(&fleet.db, "SELECT count(*) FROM web_sessions");

    let run_id = launch_gpu_run(&fleet.pki, controller, &fleet.agent_name);

    // Nobody signed in: every page and stream is a 303 to /login, never data.
    let anonymous = WebClient::new(web, &ca);
    let mut protected: Vec<String> = readable_pages(&run_id, "gpu-web")
        .into_iter()
        .map(|(path, _)| path)
        .collect();
    protected.push(format!("/runs/{run_id}/events"));
    for path in &protected {
        let page = anonymous.get(path).await;
        assert_eq!(
            (page.status, page.location()),
            (303, Some("/login")),
            "{path}"
        );
        assert!(!page.body.contains("gpu-web"), "{path}: {}", page.body);
    }
    let login = anonymous.get("/login").await;
    assert_eq!(login.status, 200);
    let csp = login.header("content-security-policy").expect("a CSP");
    assert!(
        csp.contains("default-src 'none'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    assert_eq!(login.header("x-frame-options"), Some("DENY"));

    // A garbage token, a real one posted cross-site or without an origin: refused, no session.
    let garbage = anonymous
        .post("/login", &[("token", "cbt_garbage_<script>")])
        .await;
    assert_eq!(garbage.status, 401, "{}", garbage.body);
    assert!(garbage.body.contains("not accepted"));
    assert!(!garbage.body.contains("<script>"));
    for headers in [
        vec![],
        vec![("origin", "https://evil.example")],
        vec![("sec-fetch-site", "cross-site")],
    ] {
        let page = anonymous
            .post_with("/login", &[("token", &viewer_token)], &headers)
            .await;
        assert_eq!(page.status, 403, "{headers:?}: {}", page.body);
        assert!(page.header("set-cookie").is_none());
    }
    // Oversized: refused before anything is read into a form.
    let huge = format!("token={}", "a".repeat(100 * 1024));
    let page = anonymous
        .post_raw(
            "/login",
            "application/x-www-form-urlencoded",
            huge.into_bytes(),
        )
        .await;
    assert_eq!(page.status, 413);
    assert_eq!(sessions().await, 0, "no session from refused sign-ins");

    let mut viewer = WebClient::new(web, &ca);
    viewer.sign_in(&viewer_token).await;
    let mut operator = WebClient::new(web, &ca);
    operator.sign_in(&operator_token).await;
    let mut admin = WebClient::new(web, &ca);
    admin.sign_in(&admin_token).await;
    assert_eq!(sessions().await, 3);
    let cookie = viewer.cookie.clone().expect("a cookie");
    assert!(cookie.starts_with("__Host-"), "{cookie}");

    for client in [&viewer, &operator, &admin] {
        for (path, shows) in readable_pages(&run_id, "gpu-web") {
            let page = client.get(&path).await;
            assert_eq!(page.status, 200, "{path}: {}", page.body);
            assert!(page.body.contains(&shows), "{path} shows {shows}");
        }
    }
    // Buttons follow the roles; the POSTs check again.
    let run_page = |client: &WebClient| {
        let client = client.clone();
        let path = format!("/runs/{run_id}");
        async move { client.get(&path).await.body }
    };
    assert!(!run_page(&viewer).await.contains("Cancel this run"));
    let agent_page = |client: &WebClient| {
        let client = client.clone();
        async move { client.get("/agents/gpu-web").await.body }
    };
    assert!(!agent_page(&operator).await.contains("Revoke gpu-web"));
    assert!(agent_page(&admin).await.contains("Revoke gpu-web"));
    let cancel = format!("/runs/{run_id}/cancel");
    assert_eq!(viewer.post(&cancel, &[]).await.status, 403);
    assert_eq!(
        operator.post("/agents/gpu-web/revoke", &[]).await.status,
        403
    );
    // CSRF: the operator's cancel without an origin, or from another site, changes nothing.
    assert_eq!(operator.post_with(&cancel, &[], &[]).await.status, 403);
    assert_eq!(
        operator
            .post_with(&cancel, &[], &[("sec-fetch-site", "same-site")])
            .await
            .status,
        403
    );
    let run = cbctl_ok(
        &fleet.pki,
        controller,
        &["run", "get", &run_id, "-o", "json"],
    );
    assert!(!run.contains("\"cancelled\""), "{run}");

    // Live progress: the whole log, then again from the middle with Last-Event-ID.
    let response = viewer
        .stream(&format!("/runs/{run_id}/events?after=0"), &[])
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("text/event-stream")
    );
    let all = read_events(response, 1000).await;
    assert_eq!(all.last().map(|e| e.event.as_str()), Some("end"), "{all:?}");
    let numbered: Vec<u64> = all.iter().filter_map(|e| e.id).collect();
    assert!(numbered.len() >= 3, "run and job events: {all:?}");
    assert_eq!(
        numbered,
        (1..=numbered.len() as u64).collect::<Vec<_>>(),
        "no gap, no repeat"
    );
    let middle = numbered[numbered.len() / 2];
    let resumed = read_events(
        viewer
            .stream(
                &format!("/runs/{run_id}/events?after=0"),
                &[("last-event-id", &middle.to_string())],
            )
            .await,
        1000,
    )
    .await;
    let expected: Vec<_> = all
        .iter()
        .filter(|e| e.id.is_none_or(|id| id > middle))
        .cloned()
        .collect();
    assert_eq!(resumed, expected, "resumed right after event {middle}");
    let at_end = read_events(
        viewer
            .stream(
                &format!("/runs/{run_id}/events"),
                &[("last-event-id", &numbered.len().to_string())],
            )
            .await,
        10,
    )
    .await;
    assert_eq!(
        at_end.iter().map(|e| e.event.as_str()).collect::<Vec<_>>(),
        ["end"]
    );
    // The finished run's page has its report and artifacts with size and SHA-256, downloadable
    // (the files are written just after the finish commits).
    let finished = wait_for_async("the report's artifacts on the run page", || {
        let viewer = viewer.clone();
        let path = format!("/runs/{run_id}");
        async move {
            let body = viewer.get(&path).await.body;
            body.contains("/artifacts/").then_some(body)
        }
    })
    .await;
    assert!(finished.contains("id=\"report-h\""), "{finished}");
    let link = finished
        .split(&format!("href=\"/runs/{run_id}/artifacts/"))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("an artifact link")
        .to_string();
    let download = viewer
        .get(&format!("/runs/{run_id}/artifacts/{link}"))
        .await;
    assert_eq!(download.status, 200);
    assert_eq!(
        download.header("content-type"),
        Some("application/octet-stream")
    );
    assert!(
        download
            .header("content-disposition")
            .is_some_and(|v| v.starts_with("attachment"))
    );
    assert!(!download.body.is_empty());
    let gpus = viewer.get("/gpus").await.body;
    assert!(
        gpus.contains("Cyberbrain Stand-in"),
        "the finished gpu_report's GPU: {gpus}"
    );
    assert!(
        gpus.contains("123.5 W / 300.0 W"),
        "power with one decimal, as in the report: {gpus}"
    );
    // The overview counts the GPUs of the latest reports and lists the latest reports'
    // "needs attention" lines as text, each linking into its report.
    let overview = viewer.get("/").await.body;
    assert!(overview.contains("id=\"gpus-h\""), "{overview}");
    assert!(
        overview.contains("latest reports of 1 agents"),
        "{overview}"
    );
    cyberbrain_testkit::checks::query(
        &fleet.db,
        &format!(
            "UPDATE runs SET report_json = report_json || jsonb_build_object('attention', \
             '[{{\"kind\": \"oom\", \"severity\": \"critical\", \"host\": \"gpu-web\", \
                \"container\": \"trainer\", \"text\": \"<script>alert(''cb-attention'')</script> killed\", \
                \"ref\": \"triage\"}}, \
               {{\"severity\": \"warning\", \"text\": \"disk nearly full\", \"ref\": \"\\\"><x\"}}, \
               \"not an object\"]'::jsonb) WHERE id = '{run_id}'"
        ),
    )
    .await;
    let overview = viewer.get("/").await.body;
    assert!(
        overview.contains("&lt;script&gt;alert('cb-attention')&lt;/script&gt; killed"),
        "{overview}"
    );
    assert!(!overview.contains("<script>alert"), "{overview}");
    assert!(
        overview.contains(&format!("href=\"/runs/{run_id}#triage\"")),
        "{overview}"
    );
    assert!(overview.contains("disk nearly full"), "{overview}");
    assert!(
        !overview.contains("\"><x"),
        "a ref that is no identifier: {overview}"
    );
    assert!(
        overview.contains(&format!("href=\"/runs/{run_id}\"")),
        "{overview}"
    );
    let unknown_artifact = viewer
        .get(&format!(
            "/runs/{run_id}/artifacts/{}",
            uuid::Uuid::new_v4()
        ))
        .await;
    assert_eq!(unknown_artifact.status, 404);

    // The operator cancels a running run.
    let second = launch_gpu_run(&fleet.pki, controller, &fleet.agent_name);
    assert!(run_page(&operator).await.contains("gpu_report"));
    let page = operator.post(&format!("/runs/{second}/cancel"), &[]).await;
    assert_eq!(page.status, 303, "{}", page.body);
    assert_eq!(page.location(), Some(format!("/runs/{second}").as_str()));
    wait_for_run_status(&fleet.pki, controller, &second, "cancelled");
    let audited = count(
        &fleet.db,
        &format!(
            "SELECT count(*) FROM audit_events WHERE action = 'run.cancel' AND object = '{second}' \
             AND actor = 'token:web-operator'"
        ),
    )
    .await;
    assert_eq!(audited, 1);

    // Unknown ids and bad filters: clear pages, nothing changed.
    for (path, status) in [
        (format!("/runs/{}", uuid::Uuid::new_v4()), 404),
        ("/runs/not-a-uuid".to_string(), 404),
        ("/agents/nobody".to_string(), 404),
        ("/agents/bad%20name".to_string(), 404),
        ("/runs?status=exploded".to_string(), 400),
        ("/runs?before=garbage".to_string(), 400),
        ("/runs?agent=%3Cscript%3E".to_string(), 400),
        ("/gpus?after=%3Cscript%3E".to_string(), 400),
        ("/nowhere".to_string(), 404),
    ] {
        let page = viewer.get(&path).await;
        assert_eq!(page.status, status, "{path}: {}", page.body);
        assert!(!page.body.contains("<script>"), "{path}");
    }
    // Malformed cookies are no session.
    for cookie in [
        "__Host-cyberbrain-session=garbage",
        "__Host-cyberbrain-session=cbs_00000000000000000000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "__Host-cyberbrain-session=cbs_%00; other=1",
    ] {
        let mut forged = WebClient::new(web, &ca);
        forged.cookie = Some(cookie.to_string());
        let page = forged.get("/").await;
        assert_eq!(
            (page.status, page.location()),
            (303, Some("/login")),
            "{cookie}"
        );
    }

    // Revoking the viewer's token ends its session at its next request.
    AuthServiceClient::new(admin_grpc.clone())
        .revoke_api_token(pb::RevokeApiTokenRequest {
            name: "web-viewer".into(),
        })
        .await
        .expect("revoked");
    let page = viewer.get("/").await;
    assert_eq!((page.status, page.location()), (303, Some("/login")));

    // Sign-out ends the session for good and clears the cookie.
    let page = operator.post("/logout", &[]).await;
    assert_eq!((page.status, page.location()), (303, Some("/login")));
    assert!(
        page.header("set-cookie")
            .is_some_and(|c| c.contains("Max-Age=0"))
    );
    let page = operator.get("/").await;
    assert_eq!((page.status, page.location()), (303, Some("/login")));

    // `cbctl ui --print`: a one-time link, alone on stdout, good once.
    let url = cbctl_ok(&fleet.pki, controller, &["ui", "--print"]);
    let url = url.trim();
    assert!(
        url.starts_with(&format!(
            "https://127.0.0.1:{}/login/link?code=cbl_",
            web.port()
        )),
        "{url}"
    );
    let path_and_query = &url[url.find("/login").expect("a path")..];
    let code = path_and_query
        .split("code=")
        .nth(1)
        .expect("a code")
        .to_string();
    let mut linked = WebClient::new(web, &ca);
    let form = linked.get(path_and_query).await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("data-autosubmit"));
    let page = linked.post("/login/link", &[("code", &code)]).await;
    assert_eq!(
        (page.status, page.location()),
        (303, Some("/")),
        "{}",
        page.body
    );
    linked.keep_cookie(&page);
    let overview = linked.get("/").await;
    assert_eq!(overview.status, 200);
    assert!(
        overview.body.contains("bootstrap-admin"),
        "signed in as the admin"
    );
    let again = WebClient::new(web, &ca)
        .post("/login/link", &[("code", &code)])
        .await;
    assert_eq!(again.status, 401, "a link works once");
    // A browser already signed in is asked before a link replaces its session (login CSRF).
    let other = cbctl_ok(&fleet.pki, controller, &["ui", "--print"]);
    let other = &other.trim()[other.find("/login").expect("a path")..];
    let asked = linked.get(other).await;
    assert_eq!(asked.status, 200);
    assert!(!asked.body.contains("data-autosubmit"), "{}", asked.body);
    assert!(asked.body.contains("You are signed in with the token"));
    // `cbctl ui` opens a private page that forwards to the link: the link is never in the
    // browser's arguments (readable by every local user), and the page is gone afterwards.
    let browser_dir = fleet.dir.path().join("browser");
    std::fs::create_dir_all(&browser_dir).expect("a directory");
    let browser = browser_dir.join("browser.sh");
    std::fs::write(
        &browser,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > {d}/argv\nstat -c %a \"$1\" > {d}/mode\n\
             stat -c %a \"$(dirname \"$1\")\" > {d}/dir-mode\ncat \"$1\" > {d}/page\n",
            d = browser_dir.display()
        ),
    )
    .expect("the browser script");
    std::fs::set_permissions(
        &browser,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .expect("executable");
    let output = cyberbrain_testkit::process::cbctl_with_env(
        &fleet.pki,
        controller,
        &["ui"],
        &[("BROWSER", &browser), ("TMPDIR", &browser_dir)],
    );
    assert!(output.status.success(), "{output:?}");
    assert!(
        !String::from_utf8_lossy(&output.stdout).contains("cbl_"),
        "{output:?}"
    );
    let read = |name: &str| std::fs::read_to_string(browser_dir.join(name)).unwrap_or_default();
    let argv = read("argv");
    assert!(
        argv.contains("/sign-in.html") && !argv.contains("cbl_"),
        "{argv}"
    );
    assert_eq!(
        (read("mode").trim(), read("dir-mode").trim()),
        ("600", "700")
    );
    let opened = std::path::PathBuf::from(argv.trim());
    assert!(!opened.exists(), "the page is removed once read");
    assert!(!opened.parent().expect("its directory").exists());
    let forwarded = read("page");
    let code = forwarded
        .split("code=")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the link in the page")
        .to_string();
    let mut opened_link = WebClient::new(web, &ca);
    let page = opened_link.post("/login/link", &[("code", &code)]).await;
    assert_eq!(page.status, 303, "{}", page.body);
    opened_link.keep_cookie(&page);
    assert_eq!(opened_link.get("/").await.status, 200);
    let signed_in = count(
        &fleet.db,
        "SELECT count(*) FROM audit_events WHERE action = 'web.sign_in'",
    )
    .await;
    assert_eq!(signed_in, 5, "three with tokens, two with links");

    // Directives with versions and a diff; the allowlist (admins edit); the audit log (admins).
    cbctl_ok(
        &fleet.pki,
        controller,
        &[
            "directive",
            "create",
            "nightly",
            "--task",
            "gpu_report",
            "--all",
        ],
    );
    cbctl_ok(
        &fleet.pki,
        controller,
        &[
            "directive",
            "update",
            "nightly",
            "--task",
            "gpu_report:window_ms=250",
            "--description",
            "<b>bold</b> plan",
        ],
    );
    for client in [&linked, &admin] {
        let list = client.get("/directives").await;
        assert_eq!(list.status, 200);
        assert!(list.body.contains("href=\"/directives/nightly\""));
        let diff = client.get("/directives/nightly?from=1&to=2").await;
        assert_eq!(diff.status, 200, "{}", diff.body);
        assert!(diff.body.contains("<ins>+ "), "{}", diff.body);
        assert!(
            diff.body.contains("&lt;b&gt;bold&lt;/b&gt; plan"),
            "{}",
            diff.body
        );
        assert!(!diff.body.contains("<b>bold"), "{}", diff.body);
        let old = client.get("/directives/nightly?version=1").await;
        assert!(old.body.contains("1 of 2"), "{}", old.body);
        assert_eq!(
            client.get("/directives/nightly?version=9").await.status,
            404
        );
        assert_eq!(client.get("/directives/nobody").await.status, 404);
    }
    let mut viewer2 = WebClient::new(web, &ca);
    viewer2
        .sign_in(&token(&admin_grpc, "web-viewer-2", pb::Role::Viewer).await)
        .await;
    let mut operator2 = WebClient::new(web, &ca);
    operator2
        .sign_in(&token(&admin_grpc, "web-operator-2", pb::Role::Operator).await)
        .await;
    for (client, may_edit, may_audit) in [
        (&viewer2, false, false),
        (&operator2, false, false),
        (&admin, true, true),
    ] {
        let allowlist = client.get("/allowlist").await;
        assert_eq!(allowlist.status, 200);
        assert_eq!(allowlist.body.contains("Add an entry"), may_edit);
        assert_eq!(
            client.get("/audit").await.status,
            if may_audit { 200 } else { 403 }
        );
        assert_eq!(
            allowlist.body.contains("href=\"/audit\""),
            may_audit,
            "the nav follows the role"
        );
        let added = client
            .post(
                "/allowlist",
                &[
                    ("kind", "name_glob"),
                    ("pattern", "web-*"),
                    ("description", "front ends"),
                ],
            )
            .await;
        assert_eq!(
            added.status,
            if may_edit { 303 } else { 403 },
            "{}",
            added.body
        );
    }
    let bad = admin
        .post("/allowlist", &[("kind", "regex"), ("pattern", "x")])
        .await;
    assert_eq!(bad.status, 400);
    let listed = admin.get("/allowlist").await.body;
    assert_eq!(listed.matches("<code>web-*</code>").count(), 1, "{listed}");
    let audit = admin.get("/audit?action=allowlist.add").await;
    assert!(
        audit.body.contains("token:bootstrap-admin"),
        "{}",
        audit.body
    );
    assert_eq!(admin.get("/audit?before=x").await.status, 400);
    let remove = listed
        .split("action=\"/allowlist/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a remove form")
        .to_string();
    assert_eq!(
        viewer2
            .post(&format!("/allowlist/{remove}"), &[])
            .await
            .status,
        403
    );
    assert_eq!(
        admin
            .post(&format!("/allowlist/{remove}"), &[])
            .await
            .status,
        303
    );
    assert!(
        !admin
            .get("/allowlist")
            .await
            .body
            .contains("<code>web-*</code>")
    );

    // Launch from a directive: a dry-run preview, then the launch (operators only).
    assert_eq!(viewer2.get("/directives/nightly/launch").await.status, 403);
    assert!(
        !viewer2
            .get("/directives/nightly")
            .await
            .body
            .contains("Preview targets")
    );
    assert!(
        operator2
            .get("/directives/nightly")
            .await
            .body
            .contains("Preview targets")
    );
    let preview = operator2
        .get("/directives/nightly/launch?target=agents%3Dgpu-web")
        .await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert!(
        preview.body.contains("<strong>1 jobs</strong>"),
        "{}",
        preview.body
    );
    assert_eq!(
        operator2
            .get("/directives/nightly/launch?target=everything")
            .await
            .status,
        400
    );
    let runs_before = count(&fleet.db, "SELECT count(*) FROM runs").await;
    assert_eq!(
        viewer2
            .post(
                "/directives/nightly/launch",
                &[("target", "agents=gpu-web")]
            )
            .await
            .status,
        403
    );
    let launched = operator2
        .post(
            "/directives/nightly/launch",
            &[("target", "agents=gpu-web")],
        )
        .await;
    assert_eq!(launched.status, 303, "{}", launched.body);
    let new_run = launched.location().expect("to the run").to_string();
    assert!(new_run.starts_with("/runs/"), "{new_run}");
    assert_eq!(
        count(&fleet.db, "SELECT count(*) FROM runs").await,
        runs_before + 1
    );
    wait_for_run_status(
        &fleet.pki,
        controller,
        &new_run["/runs/".len()..],
        "succeeded",
    );

    // An ad-hoc task list: the form, a dry run, then the launch (operators only).
    assert_eq!(viewer2.get("/launch").await.status, 403);
    let form = operator2.get("/launch").await;
    assert_eq!(form.status, 200, "{}", form.body);
    assert!(form.body.contains("name=\"tasks\""), "{}", form.body);
    assert!(
        operator2
            .get("/directives")
            .await
            .body
            .contains("href=\"/launch\""),
        "the directives page leads there"
    );
    let tasks = r#"[{"type": "gpu_report", "sample_window_ms": 100}]"#;
    let query = |tasks: &str, target: &str| {
        format!(
            "/launch?tasks={}&target={}",
            urlencode(tasks),
            urlencode(target)
        )
    };
    let preview = operator2.get(&query(tasks, "agents=gpu-web")).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert!(
        preview.body.contains("<strong>1 jobs</strong>"),
        "{}",
        preview.body
    );
    assert!(
        preview.body.contains("<li>gpu-web</li>"),
        "{}",
        preview.body
    );
    for (bad_tasks, target, status, says) in [
        (
            "[{\"type\": \"log_triage\", \"tail_lines\": 0}]",
            "all",
            400,
            "tasks[0].log_triage.tail_lines",
        ),
        ("<script>", "all", 400, "tasks: a JSON array"),
        (tasks, "everything", 400, "target"),
        (tasks, "", 400, "target"),
        (
            "[{\"type\": \"container\", \"image\": \"busybox@sha256:0000000000000000000000000000000000000000000000000000000000000000\"}]",
            "all",
            403,
            "admin",
        ),
    ] {
        let page = operator2.get(&query(bad_tasks, target)).await;
        assert_eq!(page.status, status, "{bad_tasks} {target}: {}", page.body);
        assert!(page.body.contains(says), "{bad_tasks}: {}", page.body);
        assert!(!page.body.contains("<script>"), "{}", page.body);
    }
    let runs_before = count(&fleet.db, "SELECT count(*) FROM runs").await;
    assert_eq!(
        viewer2
            .post("/launch", &[("tasks", tasks), ("target", "agents=gpu-web")])
            .await
            .status,
        403
    );
    assert_eq!(
        operator2
            .post_with(
                "/launch",
                &[("tasks", tasks), ("target", "agents=gpu-web")],
                &[]
            )
            .await
            .status,
        403,
        "no origin: refused"
    );
    let launched = operator2
        .post("/launch", &[("tasks", tasks), ("target", "agents=gpu-web")])
        .await;
    assert_eq!(launched.status, 303, "{}", launched.body);
    let ad_hoc = launched.location().expect("to the run").to_string();
    assert_eq!(
        count(&fleet.db, "SELECT count(*) FROM runs").await,
        runs_before + 1
    );
    assert_eq!(
        count(
            &fleet.db,
            "SELECT count(*) FROM audit_events WHERE action = 'run.launch' \
             AND actor = 'token:web-operator-2' \
             AND details->>'launched_by_note' = 'web console'"
        )
        .await,
        2,
        "the directive's launch and this one"
    );
    wait_for_run_status(
        &fleet.pki,
        controller,
        &ad_hoc["/runs/".len()..],
        "succeeded",
    );

    // Finally, the admin revokes the agent from its page.
    let page = admin.post("/agents/gpu-web/revoke", &[]).await;
    assert_eq!((page.status, page.location()), (303, Some("/agents")));
    assert!(admin.get("/agents").await.body.contains(">revoked<"));
}

/// What the canary container prints: a script, a Markdown link to a script, HTML entities and a
/// tag, each on an error line twice so the lines make templates with examples.
const CANARY_SCRIPT: &str = r#"for i in 1 2; do
  echo "ERROR <script>alert('cb-canary-script')</script> $i"
  echo "ERROR cb-canary-link [here](javascript:alert(1)) $i"
  echo "ERROR cb-canary-entity &amp; &lt;b&gt;bold&lt;/b&gt; <img src=x onerror=alert(1)> $i"
done
sleep 3600"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn container_text_in_a_report_is_shown_as_text() {
    let dir = temp_dir("web-canary");
    let pki = Pki::init(&dir.path().join("certs"), &["canary"]);
    let mut docker = Sandbox::default();
    let noisy = docker.run("web-canary", &[], CANARY_SCRIPT);
    wait_for_log_lines(&noisy, 6);

    let controller = ControllerProcess::start(dir.path(), &pki);
    let channel = admin_channel(&controller, &pki.ca()).await;
    let _agent = AgentProcess::start(dir.path(), &pki, "canary", &controller, &[]);
    AllowlistServiceClient::new(channel.clone())
        .add_allowlist_entry(pb::AddAllowlistEntryRequest {
            kind: pb::MatchKind::Name as i32,
            pattern: noisy.clone(),
            ..Default::default()
        })
        .await
        .expect("allowlisted");
    let runs = RunServiceClient::new(channel);
    let launch = pb::LaunchRunRequest {
        source: Some(pb::launch_run_request::Source::Tasks(pb::TaskList {
            tasks: vec![
                pb::TaskSpec {
                    task: Some(pb::task_spec::Task::LogTriage(pb::LogTriageTask {
                        tail_lines: 100,
                        ..Default::default()
                    })),
                    ..Default::default()
                },
                pb::TaskSpec {
                    task: Some(pb::task_spec::Task::ServiceMap(pb::ServiceMapTask {})),
                    ..Default::default()
                },
            ],
        })),
        target: Some(pb::TargetSelector {
            selector: Some(pb::target_selector::Selector::Agents(pb::AgentNames {
                names: vec!["canary".into()],
            })),
        }),
        launched_by: "web-canary".into(),
        ..Default::default()
    };
    let run_id = wait_for_async("the agent to connect and take the run", || {
        let mut runs = runs.clone();
        let launch = launch.clone();
        async move {
            runs.launch_run(launch)
                .await
                .ok()
                .map(|r| r.into_inner().id)
        }
    })
    .await;
    wait_for_run_status(&pki, &controller, &run_id, "succeeded");

    let mut viewer = WebClient::new(controller.web.expect("the console"), &pki.ca());
    viewer.sign_in(&controller.admin_token()).await;
    let page = viewer.get(&format!("/runs/{run_id}")).await;
    assert_eq!(page.status, 200);
    let body = &page.body;
    // The canaries' text is on the page...
    for canary in ["cb-canary-script", "cb-canary-link", "cb-canary-entity"] {
        assert!(body.contains(canary), "{canary} shown: {body}");
    }
    // ...and none of it became markup: no script, no image, no bold, no javascript: link.
    let lower = body.to_ascii_lowercase();
    assert!(!lower.contains("<script>alert"), "{body}");
    assert!(!lower.contains("<img"), "{body}");
    assert!(!lower.contains("<b>bold"), "{body}");
    assert!(!lower.contains("href=\"javascript:"), "{body}");
    assert_eq!(
        lower.matches("<script").count(),
        1,
        "only the console's own script tag"
    );
    // The service map is drawn on the server as SVG, with the canary container in it; no
    // Mermaid source is left for a browser runtime.
    assert!(
        body.contains("<figure class=\"service-map\"><svg"),
        "{body}"
    );
    assert!(
        body.contains(&noisy[..noisy.len().min(29)]),
        "the container is on the map"
    );
    assert!(!body.contains("language-mermaid"), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_from_one_replica_works_on_another_and_ends_on_both_with_its_token() {
    let dir = temp_dir("web-replicas");
    let pki = Pki::init(&dir.path().join("certs"), &[]);
    let pg = cyberbrain_testkit::pg::PgCluster::start().await;
    let (one, two) = ControllerProcess::start_two_replicas(dir.path(), &pki, &pg.database_url());
    let ca = pki.ca();
    let admin_grpc = admin_channel(&one, &ca).await;
    let secret = token(&admin_grpc, "web-roaming", pb::Role::Viewer).await;

    // Signed in on one replica, the same cookie opens pages on the other.
    let mut on_one = WebClient::new(one.web.expect("replica one's console"), &ca);
    on_one.sign_in(&secret).await;
    let mut on_two = WebClient::new(two.web.expect("replica two's console"), &ca);
    on_two.cookie = on_one.cookie.clone();
    assert_eq!(on_two.get("/runs").await.status, 200);
    // A sign-in link minted through replica one is redeemed on replica two.
    let url = cbctl_ok(&pki, &one, &["ui", "--print"]);
    let code = url
        .trim()
        .split("code=")
        .nth(1)
        .expect("a code")
        .to_string();
    let mut linked = WebClient::new(two.web.expect("replica two's console"), &ca);
    let page = linked.post("/login/link", &[("code", &code)]).await;
    assert_eq!(page.status, 303, "{}", page.body);
    linked.keep_cookie(&page);
    assert_eq!(linked.get("/").await.status, 200);

    // Revoked through replica one's API: refused at the next request on both.
    AuthServiceClient::new(admin_grpc)
        .revoke_api_token(pb::RevokeApiTokenRequest {
            name: "web-roaming".into(),
        })
        .await
        .expect("revoked");
    for client in [&on_one, &on_two] {
        let page = client.get("/runs").await;
        assert_eq!((page.status, page.location()), (303, Some("/login")));
    }
    drop((one, two));
    pg.stop().await;
}

/// The security headers every answer of the web listener carries, pages or data.
fn assert_security_headers(page: &cyberbrain_testkit::web::Page, what: &str) {
    assert_eq!(
        page.header("x-content-type-options"),
        Some("nosniff"),
        "{what}"
    );
    assert_eq!(page.header("cache-control"), Some("no-store"), "{what}");
    assert_eq!(page.header("x-frame-options"), Some("DENY"), "{what}");
    assert_eq!(
        page.header("referrer-policy"),
        Some("no-referrer"),
        "{what}"
    );
    let csp = page.header("content-security-policy").unwrap_or_default();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
        "{what}: {csp}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_sign_ins_are_limited_per_source_and_audited_and_data_answers_carry_the_headers() {
    let dir = temp_dir("web-sign-in-limit");
    let pki = Pki::init(&dir.path().join("certs"), &[]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let ca = pki.ca();
    let web = controller.web.expect("the console listens");
    let db = controller.database_url();
    let admin_grpc = admin_channel(&controller, &ca).await;
    let secret = token(&admin_grpc, "web-limited", pb::Role::Viewer).await;
    let anonymous = WebClient::new(web, &ca);

    // Successful sign-ins do not count: more than the failure budget in a row all pass.
    for _ in 0..12 {
        let mut client = WebClient::new(web, &ca);
        client.sign_in(&secret).await;
    }
    // Ten failures of every kind are answered 401 and audited without the text presented...
    // One character of the secret changed (not the last, whose low bits base64 leaves unused).
    let at = secret.len() - 5;
    let swapped = if &secret[at..=at] == "A" { "B" } else { "A" };
    let wrong_secret = format!("{}{swapped}{}", &secret[..at], &secret[at + 1..]);
    let attempts: Vec<(&str, &str, String)> = vec![
        ("/login", "token", "cbt_garbage_<script>".into()),
        ("/login", "token", wrong_secret.clone()),
        (
            "/login",
            "token",
            "cbt_00000000000000000000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
                .into(),
        ),
        ("/login/link", "code", "cbl_garbage".into()),
    ];
    for i in 0..10 {
        let (path, field, value) = &attempts[i % attempts.len()];
        let page = anonymous.post(path, &[(field, value.as_str())]).await;
        assert_eq!(page.status, 401, "attempt {i} on {path}: {}", page.body);
    }
    // ...and then the source is refused with the wait, even with the right token.
    for value in ["cbt_garbage_again", secret.as_str()] {
        let page = anonymous.post("/login", &[("token", value)]).await;
        assert_eq!(page.status, 429, "{}", page.body);
        assert!(
            page.header("retry-after")
                .is_some_and(|s| s.parse::<u64>().is_ok_and(|s| s >= 1))
        );
        assert!(page.header("set-cookie").is_none());
    }
    let refused = |extra: &str| {
        let sql = format!(
            "SELECT count(*) FROM audit_events WHERE action = 'web.sign_in_refused' {extra}"
        );
        let db = db.clone();
        async move { count(&db, &sql).await }
    };
    assert_eq!(
        refused("").await,
        10,
        "each refusal audited, the limited ones not"
    );
    assert_eq!(
        refused("AND actor = 'web:127.0.0.1' AND details->>'source' = '127.0.0.1'").await,
        10
    );
    assert_eq!(
        refused("AND details->>'reason' = 'wrong secret' AND details->>'via' = 'token'").await,
        3
    );
    assert_eq!(refused("AND details->>'via' = 'link'").await, 2);
    // The secret after `cbt_<id>_` (it may hold `_` itself: base64url), not after the last `_`,
    // whose tail can be a few characters that any audit row holds.
    let secret_part = wrong_secret
        .strip_prefix("cbt_")
        .and_then(|rest| rest.split_once('_'))
        .map(|(_, secret)| secret)
        .expect("a secret");
    assert_eq!(
        count(
            &db,
            &format!(
                "SELECT count(*) FROM audit_events WHERE details::text LIKE '%{secret_part}%' \
                 OR object LIKE '%{secret_part}%' OR details::text LIKE '%garbage%'"
            ),
        )
        .await,
        0,
        "no presented text in the audit log"
    );

    // Answers beside the console carry its security headers: a webhook refusal, /mcp without a
    // token, and a real /mcp answer.
    let hook = anonymous
        .post_body_with(
            &format!("/hooks/{}", uuid::Uuid::new_v4()),
            b"{}".to_vec(),
            &[("content-type", "application/json")],
        )
        .await;
    assert_eq!(hook.status, 404, "{}", hook.body);
    assert_security_headers(&hook, "/hooks");
    let initialize = br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-03-26","capabilities":{},"clientInfo":{"name":"headers","version":"1"}}}"#;
    let mcp = anonymous
        .post_body_with(
            "/mcp",
            initialize.to_vec(),
            &[
                ("content-type", "application/json"),
                ("accept", "application/json, text/event-stream"),
            ],
        )
        .await;
    assert_eq!(mcp.status, 401, "{}", mcp.body);
    assert_security_headers(&mcp, "/mcp without a token");
    let bearer = format!("Bearer {}", controller.admin_token());
    let mcp = anonymous
        .post_body_with(
            "/mcp",
            initialize.to_vec(),
            &[
                ("content-type", "application/json"),
                ("accept", "application/json, text/event-stream"),
                ("authorization", &bearer),
            ],
        )
        .await;
    assert_eq!(mcp.status, 200, "{}", mcp.body);
    assert!(mcp.body.contains("serverInfo"), "{}", mcp.body);
    assert_eq!(mcp.header("x-content-type-options"), Some("nosniff"));
    assert!(
        mcp.header("content-security-policy")
            .is_some_and(|c| c.contains("frame-ancestors 'none'"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_streams_end_with_their_session_and_are_capped_per_session() {
    let dir = temp_dir("web-stream-session");
    let pki = Pki::init(&dir.path().join("certs"), &[]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let ca = pki.ca();
    let web = controller.web.expect("the console listens");
    let db = controller.database_url();
    let admin_grpc = admin_channel(&controller, &ca).await;
    // An agent that never connects: its run stays queued, so its stream stays open.
    cyberbrain_testkit::checks::query(
        &db,
        "INSERT INTO agents (id, name) VALUES (gen_random_uuid(), 'never-connects')",
    )
    .await;
    let run_id = launch_gpu_run(&pki, &controller, "never-connects");
    let events = format!("/runs/{run_id}/events?after=0");

    // At most eight streams per session; a ninth is refused until one closes.
    let mut viewer = WebClient::new(web, &ca);
    viewer
        .sign_in(&token(&admin_grpc, "web-streams", pb::Role::Viewer).await)
        .await;
    let mut open = Vec::new();
    for _ in 0..8 {
        let response = viewer.stream(&events, &[]).await;
        assert_eq!(response.status(), 200);
        open.push(response);
    }
    let refused = viewer.stream(&events, &[]).await;
    assert_eq!(refused.status(), 429);
    // Another session of the same token has its own streams.
    let mut other = WebClient::new(web, &ca);
    other
        .sign_in(&token(&admin_grpc, "web-streams-2", pb::Role::Viewer).await)
        .await;
    assert_eq!(other.stream(&events, &[]).await.status(), 200);
    drop(open.pop());
    wait_for_async("a closed stream's slot to be given back", || {
        let viewer = viewer.clone();
        let events = events.clone();
        async move { (viewer.stream(&events, &[]).await.status() == 200).then_some(()) }
    })
    .await;
    drop(open);

    // Signing out ends the session's open stream (within the session re-check).
    let mut leaving = WebClient::new(web, &ca);
    leaving
        .sign_in(&token(&admin_grpc, "web-leaving", pb::Role::Viewer).await)
        .await;
    let stream = leaving.stream(&events, &[]).await;
    assert_eq!(stream.status(), 200);
    assert_eq!(leaving.post("/logout", &[]).await.status, 303);
    let got = read_events(stream, 1000).await;
    assert_eq!(
        got.last().map(|e| e.event.as_str()),
        Some("signed-out"),
        "{got:?}"
    );
    // Revoking the token ends its session's stream the same way.
    let mut revoked = WebClient::new(web, &ca);
    revoked
        .sign_in(&token(&admin_grpc, "web-revoked", pb::Role::Viewer).await)
        .await;
    let stream = revoked.stream(&events, &[]).await;
    assert_eq!(stream.status(), 200);
    AuthServiceClient::new(admin_grpc.clone())
        .revoke_api_token(pb::RevokeApiTokenRequest {
            name: "web-revoked".into(),
        })
        .await
        .expect("revoked");
    let got = read_events(stream, 1000).await;
    assert_eq!(
        got.last().map(|e| e.event.as_str()),
        Some("signed-out"),
        "{got:?}"
    );
    // The run is still queued: the streams ended for their sessions, not for the run.
    let run = cbctl_ok(&pki, &controller, &["run", "get", &run_id, "-o", "json"]);
    assert!(run.contains("\"queued\""), "{run}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_serves_its_own_certificate_when_given_one() {
    let dir = temp_dir("web-own-cert");
    let pki = Pki::init(&dir.path().join("certs"), &[]);
    // A second PKI: its controller certificate is the console's, signed by another CA.
    let console_pki = Pki::init(&dir.path().join("console-certs"), &[]);
    let console_dir = dir.path().join("console-certs");
    let options = ControllerOptions {
        extra: vec![
            "--web-tls-cert".into(),
            console_dir.join("controller.pem").display().to_string(),
            "--web-tls-key".into(),
            console_dir.join("controller.key").display().to_string(),
        ],
        ..Default::default()
    };
    let controller = ControllerProcess::start_with(dir.path(), &pki, options);
    let web = controller.web.expect("the console listens");

    // The client's view of the console's certificate is the one given.
    use rustls::pki_types::pem::PemObject;
    let expected =
        rustls::pki_types::CertificateDer::pem_file_iter(console_dir.join("controller.pem"))
            .expect("the console certificate")
            .next()
            .expect("one certificate")
            .expect("PEM");
    let client = reqwest::Client::builder()
        .add_root_certificate(
            reqwest::Certificate::from_pem(&std::fs::read(console_pki.ca()).expect("CA"))
                .expect("a CA"),
        )
        .tls_info(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client");
    let response = client
        .get(format!("https://localhost:{}/login", web.port()))
        .send()
        .await
        .expect("the console answers under its own CA");
    assert_eq!(response.status(), 200);
    let served = response
        .extensions()
        .get::<reqwest::tls::TlsInfo>()
        .and_then(|info| info.peer_certificate())
        .expect("the peer certificate")
        .to_vec();
    assert_eq!(served, expected.as_ref(), "the console's own certificate");
    // The controller's CA does not vouch for it, and the API keeps the controller's certificate.
    let with_controller_ca = WebClient::new(web, &pki.ca());
    let refused = reqwest::Client::builder()
        .add_root_certificate(
            reqwest::Certificate::from_pem(&std::fs::read(pki.ca()).expect("CA")).expect("a CA"),
        )
        .build()
        .expect("a client")
        .get(format!("{}/login", with_controller_ca.base))
        .send()
        .await;
    assert!(
        refused.is_err(),
        "the console's certificate is not the controller's"
    );
    let _ = admin_channel(&controller, &pki.ca()).await;
}

/// `text` for a query string.
fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
