//! `/gpus`: every GPU in the fleet from each agent's latest `gpu_report`, with its processes and
//! their containers. Read as run results are (`GetRunReport`).

use axum::http::StatusCode;
use axum::response::Response;
use maud::html;

use super::super::Shared;
use super::super::layout::page;
use super::super::render::{store_error, when};
use super::super::session::Signed;
use cyberbrain_tasks::GpuStats;

/// A GPU this close to its slowdown temperature, or at 85 °C without one, is hot.
const HOT_MARGIN_CELSIUS: u32 = 5;
const HOT_WITHOUT_SLOWDOWN_CELSIUS: u32 = 85;
/// A GPU this busy is busy.
const BUSY_PERCENT: u32 = 50;

/// `GET /gpus`.
pub async fn list(state: Shared, signed: Signed) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.RunService/GetRunReport") {
        return refused;
    }
    let reports = match state.app.store.latest_gpu_reports().await {
        Ok(reports) => reports,
        Err(e) => return store_error(e),
    };
    let gpus: usize = reports.iter().map(|r| r.result.gpus.len()).sum();
    let busy = reports
        .iter()
        .flat_map(|r| &r.result.gpus)
        .filter(|g| is_busy(g))
        .count();
    let hot = reports
        .iter()
        .flat_map(|r| &r.result.gpus)
        .filter(|g| is_hot(g))
        .count();
    let body = html! {
        p { (gpus) " GPUs on " (reports.len()) " agents: " (busy) " busy (≥ " (BUSY_PERCENT) " %), " (hot) " hot." }
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
        @if reports.is_empty() { p.muted { "No GPU report yet: launch a gpu_report run." } }
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
        Some(slowdown) => temperature + HOT_MARGIN_CELSIUS >= slowdown,
        None => temperature >= HOT_WITHOUT_SLOWDOWN_CELSIUS,
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
