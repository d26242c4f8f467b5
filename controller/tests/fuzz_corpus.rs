//! The fuzz corpora of the controller's targets (`fuzz/corpus/agent_message/`,
//! `fuzz/corpus/directive/`) as regression tests: every input goes through the same function the
//! fuzz target calls, under plain `cargo test`.

use std::path::PathBuf;

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/corpus")
        .join(target);
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let path = e.expect("a corpus entry").path();
            let bytes = std::fs::read(&path).expect("a corpus file");
            (path, bytes)
        })
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 4, "the {target} corpus is missing");
    inputs
}

#[test]
fn the_agent_message_corpus_passes() {
    for (path, bytes) in corpus("agent_message") {
        eprintln!("{}", path.display());
        cyberbrain_controller::fuzz::agent_message(&bytes);
    }
}

#[test]
fn the_directive_corpus_passes() {
    for (path, bytes) in corpus("directive") {
        eprintln!("{}", path.display());
        cyberbrain_controller::fuzz::directive(&bytes);
    }
}
