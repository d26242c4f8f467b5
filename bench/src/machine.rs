//! What the figures were measured on, and what a process costs, read from `/proc`.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The machine: CPU model and count, memory, kernel, and the load average now.
pub fn describe() -> Value {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu_model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_string());
    let cpus = std::thread::available_parallelism().map_or(0, usize::from);
    let memory_bytes = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| kib_field(&m, "MemTotal:"))
        .map(|kib| kib * 1024);
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|k| k.trim().to_string())
        .ok();
    json!({
        "cpu_model": cpu_model,
        "cpus": cpus,
        "memory_bytes": memory_bytes,
        "kernel": kernel,
    })
}

/// The 1, 5 and 15-minute load averages: the machine is shared, so every report carries them.
pub fn load_average() -> Vec<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .filter_map(|v| v.parse().ok())
        .collect()
}

/// The soft limit on open files of this process, which bounds how many agents one bench can hold.
pub fn open_files_limit() -> Option<u64> {
    std::fs::read_to_string("/proc/self/limits")
        .ok()?
        .lines()
        .find(|l| l.starts_with("Max open files"))?
        .split_whitespace()
        .nth(3)?
        .parse()
        .ok()
}

fn kib_field(text: &str, key: &str) -> Option<u64> {
    text.lines()
        .find_map(|l| l.strip_prefix(key))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// Resident memory of a process, in bytes.
pub fn rss_bytes(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    kib_field(&status, "VmRSS:").map(|kib| kib * 1024)
}

/// Fields of `/proc/<pid>/stat` after the command name (which may contain spaces): index 0 is
/// field 3 (`state`).
fn stat_fields(pid: u32) -> Option<Vec<u64>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    Some(
        rest.split_whitespace()
            .map(|f| f.parse().unwrap_or(0))
            .collect(),
    )
}

/// Clock ticks per second of `/proc/<pid>/stat` times. Linux reports USER_HZ, 100 on every common
/// architecture; `getconf` confirms it without `unsafe` FFI.
fn clock_ticks() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}

/// CPU seconds (user + system) a process has used; with `children`, also those of its reaped
/// children (PostgreSQL backends that exited).
pub fn cpu_seconds(pid: u32, children: bool) -> Option<f64> {
    let f = stat_fields(pid)?;
    // utime, stime, cutime, cstime are fields 14-17.
    let mut ticks = f.get(11)? + f.get(12)?;
    if children {
        ticks += f.get(13)? + f.get(14)?;
    }
    Some(ticks as f64 / clock_ticks())
}

/// CPU seconds of a PostgreSQL cluster: the postmaster (with its reaped backends) plus every live
/// child, found by parent pid.
pub fn process_tree_cpu_seconds(root: u32) -> Option<f64> {
    let mut total = cpu_seconds(root, true)?;
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        // ppid is field 4.
        if stat_fields(pid).and_then(|f| f.get(1).copied()) == Some(u64::from(root)) {
            total += cpu_seconds(pid, false).unwrap_or(0.0);
        }
    }
    Some(total)
}

/// CPU used by the controller and PostgreSQL over a window.
pub struct CpuWindow {
    started: Instant,
    controller_pid: u32,
    postgres_pid: Option<u32>,
    controller_start: f64,
    postgres_start: Option<f64>,
    /// This process: the simulated agents and the API client.
    bench_start: f64,
}

impl CpuWindow {
    /// Starts counting now.
    pub fn start(controller_pid: u32, postgres_pid: Option<u32>) -> CpuWindow {
        CpuWindow {
            started: Instant::now(),
            controller_pid,
            postgres_pid,
            controller_start: cpu_seconds(controller_pid, false).unwrap_or(0.0),
            postgres_start: postgres_pid.and_then(process_tree_cpu_seconds),
            bench_start: cpu_seconds(std::process::id(), false).unwrap_or(0.0),
        }
    }

    /// CPU seconds and percent of one core since the start, for the controller, PostgreSQL and
    /// this process (the simulated agents share the machine with what they measure).
    pub fn finish(&self) -> Value {
        let wall = self.started.elapsed();
        let controller =
            cpu_seconds(self.controller_pid, false).unwrap_or(0.0) - self.controller_start;
        let postgres = match (self.postgres_pid, self.postgres_start) {
            (Some(pid), Some(start)) => process_tree_cpu_seconds(pid).map(|now| now - start),
            _ => None,
        };
        let bench = cpu_seconds(std::process::id(), false).unwrap_or(0.0) - self.bench_start;
        json!({
            "window_seconds": round3(wall.as_secs_f64()),
            "bench_cpu_seconds": round3(bench),
            "bench_cpu_percent": percent(bench, wall),
            "controller_cpu_seconds": round3(controller),
            "controller_cpu_percent": percent(controller, wall),
            "postgres_cpu_seconds": postgres.map(round3),
            "postgres_cpu_percent": postgres.map(|p| percent(p, wall)),
        })
    }
}

fn percent(cpu: f64, wall: Duration) -> f64 {
    round3(100.0 * cpu / wall.as_secs_f64().max(1e-9))
}

/// Three decimals are plenty for any figure here.
pub fn round3(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}
