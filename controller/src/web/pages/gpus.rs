//! `/gpus`: every GPU in the fleet from each agent's latest `gpu_report`, with its processes and
//! their containers, 25 agents a page (by name), under the fleet's counts. Read as run
//! results are (`GetRunReport`).

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use maud::html;

use super::super::Shared;
use super::super::layout::page;
use super::super::render::{error_page, store_error, when};
use super::super::session::Signed;
use cyberbrain_model::tokens::validate_name;
use cyberbrain_store::GpuThresholds;
use cyberbrain_tasks::GpuStats;

/// A GPU at least 50 % in use is busy; one within 5 °C of its slowdown temperature, or at 85 °C
/// without one, is hot. The overview counts by the same thresholds (in its query).
pub const THRESHOLDS: GpuThresholds = GpuThresholds {
    busy_percent: 50,
    hot_margin_celsius: 5,
    hot_without_slowdown_celsius: 85,
};
const BUSY_PERCENT: u32 = THRESHOLDS.busy_percent;

/// Agents per page.
const PAGE_SIZE: u32 = 25;

/// `?after=NAME`: the page after that agent.
#[derive(Debug, serde::Deserialize)]
pub struct GpusQuery {
    after: Option<String>,
}

/// `GET /gpus`: the counts over the whole fleet, then a page of agents' GPUs.
pub async fn list(state: Shared, signed: Signed, Query(query): Query<GpusQuery>) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.RunService/GetRunReport") {
        return refused;
    }
    let after = query.after.unwrap_or_default();
    if !after.is_empty() && validate_name("after", &after).is_err() {
        return error_page(
            StatusCode::BAD_REQUEST,
            "Bad request",
            "after: not an agent name",
        );
    }
    let counts = match state.gpu_counts().await {
        Ok(counts) => counts,
        Err(e) => return store_error(e),
    };
    let reports = match state.app.store.latest_gpu_reports(&after, PAGE_SIZE).await {
        Ok(reports) => reports,
        Err(e) => return store_error(e),
    };
    let (gpus, busy, hot) = (counts.gpus, counts.busy, counts.hot);
    let next = (reports.len() == PAGE_SIZE as usize)
        .then(|| reports.last().map(|r| r.agent_name.clone()))
        .flatten();
    let body = html! {
        p { (gpus) " GPUs on " (counts.agents) " agents: " (busy) " busy (≥ " (BUSY_PERCENT) " %), " (hot) " hot." }
        div.table-wrap { table {
            thead { tr {
                th scope="col" { "Agent" } th scope="col" { "GPU" } th scope="col" { "Use" }
                th scope="col" { "Memory" } th scope="col" { "Temp." } th.hide-narrow scope="col" { "Power" }
                th scope="col" { "Processes" } th.hide-narrow scope="col" { "Reported" }
            } }
            tbody {
                @for report in &reports {
                    @if !report.result.available {
                        tr { td { a href={"/agents/" (report.agent_name)} { (report.agent_name) } } td colspan="7" { "NVML unavailable: " (report.result.unavailable_reason) } }
                    }
                    @for gpu in &report.result.gpus {
                        tr {
                            td { a href={"/agents/" (report.agent_name)} { (report.agent_name) } }
                            td { (gpu.index) " · " (gpu.name) }
                            td { (percent(gpu.utilization_gpu_percent)) @if is_busy(gpu) { " " span.badge.busy { "busy" } } }
                            td { (memory(gpu)) }
                            td { (gpu.temperature_celsius.map_or("—".to_string(), |t| format!("{t} °C"))) @if is_hot(gpu) { " " span.badge.bad { "hot" } } }
                            td.hide-narrow { (power(gpu)) }
                            td {
                                @if gpu.processes.is_empty() { span.muted { "none" } }
                                @for process in &gpu.processes {
                                    div {
                                        @if process.container_name.is_empty() { "pid " (process.pid) } @else { (process.container_name) " (pid " (process.pid) ")" }
                                        @if let Some(bytes) = process.used_memory_bytes { " · " (bytes / (1024 * 1024)) " MiB" }
                                    }
                                }
                            }
                            td.hide-narrow { a href={"/runs/" (report.run_id)} { @if let Some(at) = report.finished_at { (when(at)) } @else { "run" } } }
                        }
                    }
                }
            }
        } }
        @if reports.is_empty() && after.is_empty() { p.muted { "No GPU report yet: launch a gpu_report run." } }
        @if let Some(last) = &next {
            nav.pager aria-label="Pages" { a rel="next" href={"/gpus?after=" (last)} { "More agents" } }
        }
    };
    page(StatusCode::OK, "GPUs", &signed, body)
}

fn is_busy(gpu: &GpuStats) -> bool {
    gpu.utilization_gpu_percent
        .is_some_and(|u| u >= BUSY_PERCENT)
}

fn is_hot(gpu: &GpuStats) -> bool {
    let Some(temperature) = gpu.temperature_celsius else {
        return false;
    };
    match gpu.temperature_slowdown_celsius {
        Some(slowdown) => temperature.saturating_add(THRESHOLDS.hot_margin_celsius) >= slowdown,
        None => temperature >= THRESHOLDS.hot_without_slowdown_celsius,
    }
}

fn percent(value: Option<u32>) -> String {
    value.map_or("—".into(), |v| format!("{v} %"))
}

fn memory(gpu: &GpuStats) -> String {
    match (gpu.memory_used_bytes, gpu.memory_total_bytes) {
        (Some(used), Some(total)) => {
            format!("{} / {} MiB", used / (1024 * 1024), total / (1024 * 1024))
        }
        _ => "—".into(),
    }
}

/// Draw and limit with one decimal, as the report prints them.
fn power(gpu: &GpuStats) -> String {
    match (gpu.power_draw_milliwatts, gpu.power_limit_milliwatts) {
        (None, None) => "—".into(),
        (draw, limit) => cyberbrain_report::gpu_fleet::power_draw(draw, limit),
    }
}
