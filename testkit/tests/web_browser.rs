//! The web console in a real browser: Debian's chromium, headless, driven over WebDriver by
//! chromium-driver (installed by `scripts/prereqs.sh --tests`). It signs in with a token, watches a
//! run finish live (the page follows it over server-sent events, then shows the report), launches
//! a run from a directive and an ad-hoc one after previewing their targets, reads the overview's
//! GPUs and needs-attention lines, moves by keyboard, signs
//! out, and signs in again with a one-time link from `cbctl ui --print`. Screenshots (PNG) of the
//! overview, a running run and a finished run's report go to `target/screenshots/`.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

use cyberbrain_testkit::checks::launch_gpu_run;
use cyberbrain_testkit::fixtures::SlowGpuFleet;
use cyberbrain_testkit::process::{ChildGuard, ControllerOptions, cbctl_ok, free_port};
use cyberbrain_testkit::{wait_for_async, workspace_root};

/// How long the browser may take for one step on a loaded machine.
const STEP: Duration = Duration::from_secs(30);

/// chromium-driver on a free port, and a headless chromium session through it.
async fn browser(dir: &std::path::Path) -> (ChildGuard, Client) {
    let port = free_port();
    let mut command = Command::new("chromedriver");
    command.arg(format!("--port={port}"));
    let driver = ChildGuard::spawn(command, dir.join("chromedriver.log"));
    let mut capabilities = serde_json::Map::new();
    capabilities.insert("browserName".into(), "chrome".into());
    // The console's certificate is signed by the test CA, which chromium does not know.
    capabilities.insert("acceptInsecureCerts".into(), true.into());
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900"],
        }),
    );
    let url = format!("http://127.0.0.1:{port}");
    let client = wait_for_async("chromium-driver to start a session", || {
        let capabilities = capabilities.clone();
        let url = url.clone();
        async move {
            ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities)
                .connect(&url)
                .await
                .ok()
        }
    })
    .await;
    (driver, client)
}

fn screenshot_dir() -> PathBuf {
    let dir = workspace_root().join("target").join("screenshots");
    std::fs::create_dir_all(&dir).expect("the screenshot directory");
    dir
}

async fn save_screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    std::fs::write(screenshot_dir().join(name), png).expect("the screenshot is written");
}

/// Whether the page scrolls sideways.
async fn overflows(client: &Client) -> bool {
    client
        .execute(
            "return document.documentElement.scrollWidth > window.innerWidth + 1;",
            vec![],
        )
        .await
        .expect("measured")
        .as_bool()
        .expect("a boolean")
}

/// Navigates to `url` until the browser shows the page at `path`, within the deadline. A first
/// request to a console that started a moment ago on a loaded machine can end on the browser's
/// error page, still at `url`: the navigation is tried again rather than judged on it.
async fn lands_on(client: &Client, url: &str, path: &str) {
    wait_for_async(&format!("{url} to land on {path}"), || async {
        client.goto(url).await.ok()?;
        let now = client.current_url().await.ok()?;
        (now.path() == path).then_some(())
    })
    .await;
}

async fn text_of(client: &Client, css: &str) -> String {
    client
        .find(Locator::Css(css))
        .await
        .expect("the element")
        .text()
        .await
        .expect("its text")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_signs_in_watches_a_run_finish_live_reads_its_report_and_signs_out() {
    let fleet = SlowGpuFleet::start("web-browser", "gpu-browser", ControllerOptions::default());
    let web = fleet.controller.web.expect("the console listens");
    let base = format!("https://localhost:{}", web.port());
    let (_driver, client) = browser(fleet.dir.path()).await;

    // Signed out, any page leads to the sign-in form.
    lands_on(&client, &format!("{base}/runs"), "/login").await;
    client
        .find(Locator::Id("token"))
        .await
        .expect("the token field")
        .send_keys(&fleet.controller.admin_token())
        .await
        .expect("typed");
    client
        .find(Locator::Css("main button[type=submit]"))
        .await
        .expect("the sign-in button")
        .click()
        .await
        .expect("clicked");
    client
        .wait()
        .at_most(STEP)
        .for_element(Locator::Css("h1"))
        .await
        .expect("a page");
    assert_eq!(text_of(&client, "h1").await, "Fleet overview");

    // The keyboard: the first Tab reaches the skip link, which leads to the main landmark; the
    // next ones walk the navigation.
    client
        .active_element()
        .await
        .expect("the focused element")
        .send_keys(&Key::Tab.to_string())
        .await
        .expect("tabbed");
    let focused = |script: &'static str| {
        let client = client.clone();
        async move {
            client
                .execute(script, vec![])
                .await
                .expect("measured")
                .as_str()
                .unwrap_or_default()
                .to_string()
        }
    };
    assert_eq!(
        focused("return document.activeElement.className;").await,
        "skip"
    );
    client
        .active_element()
        .await
        .expect("the skip link")
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("followed");
    assert_eq!(focused("return window.location.hash;").await, "#main");
    client
        .active_element()
        .await
        .expect("focused")
        .send_keys(&Key::Tab.to_string())
        .await
        .expect("tabbed");
    // Times read relative, with the absolute time on hover (the title) and for machines.
    let time = client
        .find(Locator::Css("main time[datetime][title]"))
        .await
        .expect("a time on the overview");
    let title = time
        .attr("title")
        .await
        .expect("a title")
        .unwrap_or_default();
    assert!(title.ends_with(" UTC") && title.len() == 23, "{title}");
    assert!(time.text().await.expect("text").ends_with("ago"));
    assert!(!overflows(&client).await, "no sideways scroll at 1280 px");

    // A run in progress: the page follows it live, then reloads with the report.
    let run_id = launch_gpu_run(&fleet.pki, &fleet.controller, &fleet.agent_name);
    client.goto(&base).await.expect("the overview");
    assert!(
        client.source().await.expect("html").contains(&run_id[..8]),
        "the overview lists the new run"
    );
    save_screenshot(&client, "console-overview.png").await;
    client
        .goto(&format!("{base}/runs/{run_id}"))
        .await
        .expect("the run page");
    // The job takes four seconds: the page opens while it runs and connects its event stream.
    assert!(
        client.find(Locator::Id("live")).await.is_ok(),
        "the run is in progress when its page opens"
    );
    let live = wait_for_async("the page to follow the run live", || {
        let client = client.clone();
        async move {
            let state = client.find(Locator::Id("live-state")).await.ok()?;
            let text = state.text().await.ok()?;
            (text == "Live: following this run.").then_some(())
        }
    })
    .await;
    let () = live;
    save_screenshot(&client, "console-run-live.png").await;
    client
        .wait()
        .at_most(STEP)
        .for_element(Locator::Id("report-h"))
        .await
        .expect("the report once the run has finished");
    assert_eq!(text_of(&client, "#run-status").await, "succeeded");
    assert!(
        text_of(&client, ".report").await.contains("Run report"),
        "the report is rendered"
    );
    client
        .execute(
            "document.getElementById('report-h').scrollIntoView();",
            vec![],
        )
        .await
        .expect("scrolled to the report");
    save_screenshot(&client, "console-run-report.png").await;

    // The overview once the report is in: the GPUs of the latest reports, and its
    // needs-attention lines (as a report carrying them would list them), linking into it.
    cyberbrain_testkit::checks::query(
        &fleet.db,
        &format!(
            "UPDATE runs SET report_json = report_json || jsonb_build_object('attention', \
             '[{{\"kind\": \"gpu_hot\", \"severity\": \"critical\", \"host\": \"gpu-browser\", \
                \"container\": \"trainer\", \"text\": \"GPU 0 at 88 °C, 2 °C below its slowdown point\", \
                \"ref\": \"report-h\"}}, \
               {{\"kind\": \"log_errors\", \"severity\": \"warning\", \"host\": \"gpu-browser\", \
                \"container\": \"api\", \"text\": \"<b>312 new errors</b> since the last run\", \"ref\": \"triage\"}}]'::jsonb) \
             WHERE id = '{run_id}'"
        ),
    )
    .await;
    client.goto(&base).await.expect("the overview");
    let attention = text_of(&client, "ul.attention").await;
    assert!(
        attention.contains("<b>312 new errors</b> since the last run"),
        "shown as text: {attention}"
    );
    assert_eq!(text_of(&client, "#gpus-h").await, "GPUs (1)");
    save_screenshot(&client, "console-overview-attention.png").await;
    client
        .find(Locator::Css("ul.attention li a"))
        .await
        .expect("a link into the report")
        .click()
        .await
        .expect("followed");
    let url = client.current_url().await.expect("a url");
    assert_eq!(
        (url.path(), url.fragment()),
        (format!("/runs/{run_id}").as_str(), Some("report-h"))
    );

    // Launch a run from a directive: preview its targets, launch, land on the new run.
    cbctl_ok(
        &fleet.pki,
        &fleet.controller,
        &[
            "directive",
            "create",
            "browser-nightly",
            "--task",
            "gpu_report:window_ms=100",
            "--agent",
            "gpu-browser",
        ],
    );
    client
        .goto(&format!("{base}/directives/browser-nightly"))
        .await
        .expect("the directive page");
    client
        .find(Locator::Css("form[action$='/launch'] button"))
        .await
        .expect("the preview button")
        .click()
        .await
        .expect("clicked");
    client
        .wait()
        .at_most(STEP)
        .for_element(Locator::Css("form[method=post][action$='/launch'] button"))
        .await
        .expect("the preview page")
        .click()
        .await
        .expect("launched");
    client
        .wait()
        .at_most(STEP)
        .for_element(Locator::Id("run-status"))
        .await
        .expect("the new run's page");
    assert!(
        client
            .current_url()
            .await
            .expect("a url")
            .path()
            .starts_with("/runs/"),
        "the launch lands on the run"
    );
    client
        .wait()
        .at_most(STEP)
        .for_element(Locator::Id("report-h"))
        .await
        .expect("the launched run finishes live");

    // An ad-hoc run: the form's example task list, a target, the preview, the launch.
    client
        .goto(&format!("{base}/launch"))
        .await
        .expect("the ad-hoc form");
    client
        .find(Locator::Id("target"))
        .await
        .expect("the target field")
        .send_keys("agents=gpu-browser")
        .await
        .expect("typed");
    client
        .find(Locator::Css("form.launch button"))
        .await
        .expect("the preview button")
        .click()
        .await
        .expect("clicked");
    let launch = client
        .wait()
        .at_most(STEP)
        .for_element(Locator::Css("form[method=post][action='/launch'] button"))
        .await
        .expect("the preview");
    assert!(
        client
            .source()
            .await
            .expect("html")
            .contains("<li>gpu-browser</li>"),
        "the preview lists the agent"
    );
    save_screenshot(&client, "console-launch-preview.png").await;
    launch.click().await.expect("launched");
    client
        .wait()
        .at_most(STEP)
        .for_element(Locator::Id("run-status"))
        .await
        .expect("the ad-hoc run's page");

    // Sign out: back to the form, and the pages are closed again.
    client
        .find(Locator::Css("form.signout button"))
        .await
        .expect("the sign-out button")
        .click()
        .await
        .expect("clicked");
    client
        .wait()
        .at_most(STEP)
        .for_element(Locator::Id("token"))
        .await
        .expect("the sign-in form");
    lands_on(&client, &format!("{base}/agents"), "/login").await;

    // `cbctl ui --print`: the link signs the browser in by itself (the page's script posts it).
    let link = cbctl_ok(&fleet.pki, &fleet.controller, &["ui", "--print"]);
    let link = link
        .trim()
        .replace("https://127.0.0.1:", "https://localhost:");
    client.goto(&link).await.expect("the link");
    client
        .wait()
        .at_most(STEP)
        .for_element(Locator::Css("nav form.signout"))
        .await
        .expect("signed in by the link");
    assert_eq!(text_of(&client, "h1").await, "Fleet overview");

    // A phone's width still shows the run table without overflowing the page.
    client
        .set_window_size(390, 844)
        .await
        .expect("a narrow window");
    client.goto(&format!("{base}/runs")).await.expect("runs");
    assert!(!overflows(&client).await, "no sideways scroll");
    save_screenshot(&client, "console-runs-phone.png").await;
    client.goto(&base).await.expect("the overview");
    assert!(!overflows(&client).await, "no sideways scroll");
    save_screenshot(&client, "console-overview-phone.png").await;
    client.close().await.expect("the session closes");
}
