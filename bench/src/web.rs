//! `web --agents N --runs M`: the web console's page times at fleet size. Seeds N agents and M
//! finished runs (one job each, spread over 30 days and the fleet; each agent's latest carries a
//! `gpu_report` of eight GPUs) straight into the database,
//! signs in with the bootstrap admin token, and times each page over one kept-alive HTTPS
//! connection: p50, p95 and the largest, per page.

use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::Args;
use cyberbrain_proto::v1 as pb;
use serde_json::{Value, json};

use crate::dispatch::api_client;
use crate::stand::{Stand, StandArgs};

/// Arguments of `web`.
#[derive(Debug, Args)]
pub struct WebArgs {
    /// Agents to seed.
    #[arg(long, default_value_t = 10_000)]
    pub agents: u32,

    /// Finished runs to seed (one job each).
    #[arg(long, default_value_t = 100_000)]
    pub runs: u32,

    /// Timed requests per page (after five untimed ones).
    #[arg(long, default_value_t = 50)]
    pub requests: u32,

    /// The p95 each page must meet, in milliseconds: over it, the command fails.
    #[arg(long, default_value_t = 100)]
    pub p95_limit_ms: u64,

    #[command(flatten)]
    pub stand: StandArgs,
}

/// Runs the command and returns its report.
pub async fn run(args: WebArgs) -> anyhow::Result<Value> {
    if args.agents == 0 || args.runs == 0 {
        bail!("--agents and --runs must be at least 1");
    }
    let stand = Stand::start(&args.stand).await?;
    let web = stand
        .controller
        .web
        .context("the controller wrote no web address")?;
    let seeding = Instant::now();
    let (db, connection) = tokio_postgres::connect(&stand.database_url, tokio_postgres::NoTls)
        .await
        .context("connecting to the bench database")?;
    tokio::spawn(connection);
    db.execute(
        "INSERT INTO agents (id, name) VALUES (gen_random_uuid(), 'bench-template')",
        &[],
    )
    .await?;
    let template = template_run(&stand).await?;
    let sample_run = seed(&db, &template, args.agents, args.runs).await?;
    let seed_seconds = seeding.elapsed().as_secs_f64();

    let client = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(stand.pki.ca_pem.as_bytes())?)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()?;
    let base = format!("https://localhost:{}", web.port());
    let token = std::fs::read_to_string(stand.state_dir().join("admin.token"))?;
    let login = client
        .post(format!("{base}/login"))
        .header("origin", &base)
        .form(&[("token", token.trim())])
        .send()
        .await?;
    let cookie = login
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(str::to_string)
        .with_context(|| format!("signing in: {}", login.status()))?;

    let pages = [
        "/".to_string(),
        "/agents".to_string(),
        "/agents?after=bench-05000".to_string(),
        "/agents/bench-04242".to_string(),
        "/runs".to_string(),
        "/runs?status=failed".to_string(),
        "/runs?directive=nightly".to_string(),
        "/runs?agent=bench-00007".to_string(),
        format!("/runs/{sample_run}"),
        "/gpus".to_string(),
        "/gpus?after=bench-05000".to_string(),
    ];
    let mut results = serde_json::Map::new();
    let mut over = Vec::new();
    for page in &pages {
        let mut times = Vec::with_capacity(args.requests as usize);
        for i in 0..args.requests + 5 {
            let started = Instant::now();
            let response = client
                .get(format!("{base}{page}"))
                .header("cookie", &cookie)
                .send()
                .await?;
            let status = response.status();
            let body = response.bytes().await?;
            let elapsed = started.elapsed();
            if status != 200 {
                bail!("GET {page}: {status}");
            }
            if i >= 5 {
                times.push(elapsed);
            }
            if i == 0 && body.is_empty() {
                bail!("GET {page}: an empty page");
            }
        }
        times.sort();
        let ms = |d: Duration| (d.as_secs_f64() * 1000.0 * 10.0).round() / 10.0;
        let p50 = times[times.len() / 2];
        let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
        if p95 > Duration::from_millis(args.p95_limit_ms) {
            over.push(page.clone());
        }
        results.insert(
            page.clone(),
            json!({ "p50_ms": ms(p50), "p95_ms": ms(p95), "max_ms": ms(times[times.len() - 1]) }),
        );
    }
    stand.stop().await;
    let report = json!({
        "command": "web",
        "agents": args.agents,
        "runs": args.runs,
        "requests_per_page": args.requests,
        "seed_seconds": (seed_seconds * 10.0).round() / 10.0,
        "p95_limit_ms": args.p95_limit_ms,
        "pages": results,
        "pages_over_limit": over,
    });
    if !over.is_empty() {
        bail!("pages over the p95 limit: {report}");
    }
    Ok(report)
}

/// A real run through the API, whose stored task and target the seeded runs copy: the seed
/// then needs no knowledge of their JSON form. Its agent never connects, so it waits queued.
async fn template_run(stand: &Stand) -> anyhow::Result<String> {
    let mut client = api_client(stand).await?;
    let run = client
        .launch_run(pb::LaunchRunRequest {
            source: Some(pb::launch_run_request::Source::Tasks(pb::TaskList {
                tasks: vec![pb::TaskSpec {
                    task: Some(pb::task_spec::Task::GpuReport(pb::GpuReportTask {
                        sample_window_ms: 100,
                    })),
                    ..Default::default()
                }],
            })),
            target: Some(pb::TargetSelector {
                selector: Some(pb::target_selector::Selector::Agents(pb::AgentNames {
                    names: vec!["bench-template".into()],
                })),
            }),
            launched_by: "cyberbrain-bench".into(),
            ..Default::default()
        })
        .await
        .context("LaunchRun of the template run")?
        .into_inner();
    Ok(run.id)
}

/// Seeds the agents, runs and jobs in three statements; returns one seeded run's id.
async fn seed(
    client: &tokio_postgres::Client,
    template: &str,
    agents: u32,
    runs: u32,
) -> anyhow::Result<String> {
    client
        .execute(
            "INSERT INTO agents (id, name, hostname, labels, admin_labels, capabilities, state,
                                 first_seen_at, last_seen_at)
             SELECT gen_random_uuid(), 'bench-' || lpad(i::text, 5, '0'), 'host-' || i,
                    jsonb_build_object('zone', 'z' || (i % 10)),
                    jsonb_build_object('zone', 'z' || (i % 10)),
                    '{\"docker_reachable\": true, \"nvml_available\": true, \"gpu_count\": 8,
                      \"driver_version\": \"555.42.06\"}'::jsonb,
                    CASE WHEN i % 10 = 0 THEN 'offline' ELSE 'online' END,
                    now() - interval '40 days', now() - (i % 600) * interval '1 second'
             FROM generate_series(1, $1::int) AS i",
            &[&(agents as i32)],
        )
        .await
        .context("seeding agents")?;
    client
        .execute(
            "INSERT INTO runs (id, directive_name, directive_version, tasks, target, launched_by,
                               status, created_at, started_at, finished_at, launched_by_token,
                               launched_by_role)
             SELECT gen_random_uuid(), CASE WHEN i % 3 = 0 THEN 'nightly' END,
                    CASE WHEN i % 3 = 0 THEN 1 END, t.tasks, t.target, 'cyberbrain-bench',
                    (ARRAY['succeeded', 'succeeded', 'failed', 'partially_failed', 'cancelled',
                           'succeeded'])[1 + i % 6],
                    now() - i * interval '26 seconds', now() - i * interval '26 seconds',
                    now() - i * interval '26 seconds' + interval '3 seconds',
                    t.launched_by_token, t.launched_by_role
             FROM generate_series(1, $1::int) AS i, runs t WHERE t.id = $2::text::uuid",
            &[&(runs as i32), &template],
        )
        .await
        .context("seeding runs")?;
    client
        .execute(
            "INSERT INTO jobs (id, run_id, agent_id, task_index, task_type, task, status, attempt,
                               created_at, dispatched_at, finished_at)
             SELECT gen_random_uuid(), r.id, a.id, 0, tj.task_type, tj.task,
                    CASE r.status WHEN 'cancelled' THEN 'cancelled' WHEN 'succeeded' THEN 'succeeded'
                                  ELSE 'failed' END,
                    1, r.created_at, r.created_at, r.finished_at
             FROM (SELECT id, status, created_at, finished_at, row_number() OVER () AS n
                   FROM runs WHERE launched_by = 'cyberbrain-bench' AND id <> $1::text::uuid) r
             JOIN (SELECT id, row_number() OVER (ORDER BY name) AS n FROM agents
                   WHERE name <> 'bench-template') a
               ON a.n = 1 + r.n % $2::int,
                  (SELECT task_type, task FROM jobs WHERE run_id = $1::text::uuid LIMIT 1) tj",
            &[&template, &(agents as i32)],
        )
        .await
        .context("seeding jobs")?;
    // Each agent's latest succeeded job carries a gpu_report of eight GPUs with one process
    // each, some busy and some hot (what /gpus and the overview read).
    client
        .execute(
            "UPDATE jobs j SET result = jsonb_build_object(
               'type', 'gpu_report', 'available', true, 'driver_version', '555.42.06',
               'sample_window_ms', 1000, 'samples', 10,
               'gpus', (SELECT jsonb_agg(jsonb_build_object(
                 'index', g, 'name', 'NVIDIA H100 80GB HBM3', 'uuid', 'GPU-' || j.id || '-' || g,
                 'utilization_gpu_percent', abs(hashtext(j.id::text || g)) % 101,
                 'temperature_celsius', 40 + abs(hashtext(g || j.id::text)) % 50,
                 'temperature_slowdown_celsius', 90,
                 'memory_used_bytes', (abs(hashtext(j.id::text)) % 80) * 1073741824::bigint,
                 'memory_total_bytes', 85899345920,
                 'power_draw_milliwatts', 300000, 'power_limit_milliwatts', 700000,
                 'processes', jsonb_build_array(jsonb_build_object(
                   'pid', 1000 + g, 'container_name', 'trainer-' || g,
                   'used_memory_bytes', 1073741824)))) FROM generate_series(0, 7) AS g))
             WHERE j.id IN (SELECT DISTINCT ON (agent_id) id FROM jobs
                            WHERE status = 'succeeded' AND task_type = 'gpu_report'
                            ORDER BY agent_id, finished_at DESC)",
            &[],
        )
        .await
        .context("seeding gpu reports")?;
    client.batch_execute("ANALYZE").await?;
    let row = client
        .query_one(
            "SELECT id::text FROM runs WHERE launched_by = 'cyberbrain-bench' AND id <> $1::text::uuid
             ORDER BY created_at DESC OFFSET 1000 LIMIT 1",
            &[&template],
        )
        .await?;
    Ok(row.get(0))
}
