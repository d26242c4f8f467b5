//! The fuzz corpus of the `log_lines` target (`fuzz/corpus/log_lines/`) as a regression test:
//! every input goes through the same function the fuzz target calls, under plain `cargo test`.

use std::path::PathBuf;

#[test]
fn the_log_lines_corpus_passes() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus/log_lines");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a corpus entry").path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "the log_lines corpus is missing");
    for path in paths {
        eprintln!("{}", path.display());
        cyberbrain_logmine::fuzz::log_lines(&std::fs::read(&path).expect("a corpus file"));
    }
}
