//! `logmine-bench [--lines N] [--distinct M] [DIR]`: single-thread throughput of the default miner
//! on raw lines, against a naive baseline run in the same process, plus peak memory and the time
//! to read the templates as a digest groups them (`miner.read_seconds`). Prints one JSON object.
//!
//! Input: every `*.log` under DIR (default: the vendored Loghub-2k samples), repeated with every
//! digit replaced by a fresh pseudo-random one no larger than it, so masking sees new numbers on
//! every line while times and dates stay possible (`17:41:44` never becomes `17:93:88`, which no
//! header reads as a time).
//! With `--distinct M`: M generated messages that are all distinct templates (see
//! [`distinct_message`]), cycled, which keeps the miner past its template cap.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use cyberbrain_logmine::{Miner, MinerConfig};

const USAGE: &str = "usage: logmine-bench [--lines N] [--distinct M] [DIR]";
/// Distinct generated lines; the stream cycles over them. Large enough that the input does not sit
/// in cache, small enough that the input buffer does not dominate peak memory.
const POOL_LINES: usize = 250_000;

fn main() -> ExitCode {
    let mut total_lines = 1_000_000usize;
    let mut distinct: Option<u64> = None;
    let mut dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/loghub_2k"));
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lines" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => total_lines = n,
                None => {
                    eprintln!("logmine-bench: --lines needs a number\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--distinct" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => distinct = Some(n),
                _ => {
                    eprintln!("logmine-bench: --distinct needs a positive number\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => dir = PathBuf::from(arg),
        }
    }

    let (buffer, offsets) = if let Some(distinct) = distinct {
        // The pool is the whole set, so that the stream cycles over it exactly.
        generate_distinct(distinct)
    } else {
        let samples = match read_samples(&dir) {
            Ok(samples) if !samples.is_empty() => samples,
            Ok(_) => {
                eprintln!("logmine-bench: no *.log lines under {}", dir.display());
                return ExitCode::FAILURE;
            }
            Err(error) => {
                eprintln!("logmine-bench: cannot read {}: {error}", dir.display());
                return ExitCode::FAILURE;
            }
        };
        generate_pool(&samples, POOL_LINES.min(total_lines.max(1)))
    };
    let pool: Vec<&[u8]> = offsets.windows(2).map(|w| &buffer[w[0]..w[1]]).collect();
    let stream = || (0..total_lines).map(|i| pool[i % pool.len()]);
    let bytes: usize = stream().map(<[u8]>::len).sum();
    let rss_before_kib = peak_rss_kib();

    let started = Instant::now();
    let mut miner = Miner::new(MinerConfig::default());
    for line in stream() {
        miner.add_line(line, None);
    }
    let miner_seconds = started.elapsed().as_secs_f64();
    let rss_after_miner_kib = peak_rss_kib();

    // What a digest pays when read: the templates grouped as a reader sees them.
    let started = Instant::now();
    let groups = miner.templates_by_text().len();
    let read_seconds = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let baseline_groups = naive_grouping(stream());
    let baseline_seconds = started.elapsed().as_secs_f64();

    let report = serde_json::json!({
        "lines": total_lines,
        "bytes": bytes,
        "distinct_input_lines": distinct.unwrap_or(pool.len() as u64),
        "miner": {
            "seconds": miner_seconds,
            "lines_per_sec": total_lines as f64 / miner_seconds,
            "mb_per_sec": bytes as f64 / 1e6 / miner_seconds,
            "templates": miner.template_count(),
            "distinct_templates": miner.distinct_templates().0,
            "distinct_templates_estimated": miner.distinct_templates().1,
            "groups_when_read": groups,
            "read_seconds": read_seconds,
        },
        "baseline_naive_split_hashmap": {
            "seconds": baseline_seconds,
            "lines_per_sec": total_lines as f64 / baseline_seconds,
            "mb_per_sec": bytes as f64 / 1e6 / baseline_seconds,
            "groups": baseline_groups,
        },
        "speed_ratio_miner_vs_baseline": baseline_seconds / miner_seconds,
        "peak_rss_kib_before_mining": rss_before_kib,
        "peak_rss_kib_after_miner": rss_after_miner_kib,
        "peak_rss_kib": peak_rss_kib(),
    });
    println!("{report}");
    ExitCode::SUCCESS
}

fn read_samples(dir: &Path) -> std::io::Result<Vec<Vec<u8>>> {
    let mut files = Vec::new();
    collect_logs(dir, &mut files, 0)?;
    files.sort();
    let mut lines = Vec::new();
    for file in files {
        let bytes = std::fs::read(&file)?;
        lines.extend(
            bytes
                .split(|&b| b == b'\n')
                .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
                .filter(|l| !l.is_empty())
                .map(<[u8]>::to_vec),
        );
    }
    Ok(lines)
}

fn collect_logs(dir: &Path, files: &mut Vec<PathBuf>, depth: usize) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() && depth < 2 {
            collect_logs(&path, files, depth + 1)?;
        } else if path.extension().is_some_and(|e| e == "log") {
            files.push(path);
        }
    }
    Ok(())
}

/// Cycles over the samples, replacing each digit by a pseudo-random one from `0` to it.
fn generate_pool(samples: &[Vec<u8>], count: usize) -> (Vec<u8>, Vec<usize>) {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut buffer = Vec::new();
    let mut offsets = vec![0];
    for i in 0..count {
        let sample = &samples[i % samples.len()];
        let keep_original = i < samples.len();
        for &b in sample {
            if b.is_ascii_digit() && !keep_original {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                buffer.push(b'0' + (state % u64::from(b - b'0' + 1)) as u8);
            } else {
                buffer.push(b);
            }
        }
        offsets.push(buffer.len());
    }
    (buffer, offsets)
}

/// Message `i` of a set of distinct templates: `INFO` and 3 to 7 words, word `p` being `i` times
/// a constant modulo its own prime (near 15,000), spelled in letters. Two messages share all their
/// words only if their `i` are equal modulo the product of the primes (by the Chinese remainder
/// theorem), and never differ in one word only, so none merge. The benchmark container prints the
/// same lines with this `awk` program (busybox):
///
/// ```text
/// awk 'function w(j,s){s="";j+=676;while(j>0){s=s sprintf("%c",97+j%26);j=int(j/26)};return s}
///   BEGIN{split("15013 15017 15031 15053 15061 15073 15077",P," ");
///   for(n=0;n<LINES;n++){i=n%DISTINCT;m="INFO";for(p=0;p<3+i%5;p++)m=m" "w((i*(p*7+3))%P[p+1]);print m}}'
/// ```
fn distinct_message(i: u64) -> String {
    const PRIMES: [u64; 7] = [15013, 15017, 15031, 15053, 15061, 15073, 15077];
    let word = |mut j: u64| {
        let mut text = String::new();
        j += 676;
        while j > 0 {
            text.push(char::from(b'a' + (j % 26) as u8));
            j /= 26;
        }
        text
    };
    let mut message = String::from("INFO");
    for (p, prime) in PRIMES.iter().enumerate().take(3 + (i % 5) as usize) {
        message.push(' ');
        message.push_str(&word(i * (p as u64 * 7 + 3) % prime));
    }
    message
}

/// The `distinct` messages of [`distinct_message`], back to back.
fn generate_distinct(distinct: u64) -> (Vec<u8>, Vec<usize>) {
    let mut buffer = Vec::new();
    let mut offsets = vec![0];
    for i in 0..distinct {
        buffer.extend_from_slice(distinct_message(i).as_bytes());
        offsets.push(buffer.len());
    }
    (buffer, offsets)
}

/// The baseline: what a quick script would do — split on whitespace, replace tokens holding a digit
/// by `<*>`, join, count in a `HashMap<String, u64>`.
fn naive_grouping<'a>(lines: impl Iterator<Item = &'a [u8]>) -> usize {
    let mut groups: HashMap<String, u64> = HashMap::new();
    for line in lines {
        let text = String::from_utf8_lossy(line);
        let key = text
            .split_whitespace()
            .map(|t| {
                if t.bytes().any(|b| b.is_ascii_digit()) {
                    "<*>"
                } else {
                    t
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        *groups.entry(key).or_default() += 1;
    }
    groups.len()
}

/// Peak resident set size (VmHWM) in KiB; 0 where /proc is unavailable.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}
