//! Temporary: dumps per-line template ids and full digests, to prove a refactor changes no output.
use cyberbrain_logmine::{Miner, MinerConfig};
use std::io::Write;

fn main() {
    let root = "/work/shared/data/loghub_2k";
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let mut all: Vec<Vec<u8>> = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    names.sort();
    for dir in names {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for f in files {
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            if !(name.ends_with(".log") || name.ends_with(".csv")) {
                continue;
            }
            let bytes = std::fs::read(&f).unwrap();
            let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
            for cfg in [
                MinerConfig::default(),
                MinerConfig {
                    max_templates: 20,
                    ..MinerConfig::default()
                },
                MinerConfig {
                    detect_headers: false,
                    ..MinerConfig::default()
                },
            ] {
                let mut m = Miner::new(cfg);
                let ids: Vec<_> = lines.iter().map(|l| m.add_line(l, None)).collect();
                writeln!(out, "== {name}").unwrap();
                for id in ids {
                    write!(out, "{:?} ", m.resolve(id)).unwrap();
                }
                writeln!(out).unwrap();
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string(&m.digest(usize::MAX)).unwrap()
                )
                .unwrap();
            }
            if name.ends_with(".log") {
                all.extend(lines.iter().map(|l| l.to_vec()));
            }
        }
    }
    // Mixed stream with renumbered digits, as the bench does.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut m = Miner::new(MinerConfig::default());
    for i in 0..200_000 {
        let mut line = all[i % all.len()].clone();
        for b in line.iter_mut() {
            if b.is_ascii_digit() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                *b = b'0' + (state % 10) as u8;
            }
        }
        let id = m.add_line(&line, Some(i as i64 * 7));
        if i % 97 == 0 {
            write!(out, "{:?} ", m.resolve(id)).unwrap();
        }
    }
    writeln!(
        out,
        "\n{}",
        serde_json::to_string(&m.digest(usize::MAX)).unwrap()
    )
    .unwrap();
}
