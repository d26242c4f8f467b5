//! Template text quality (issue #16 item 6): closing punctuation after a masked value stays,
//! brackets and quotes balance, a service name at the start of the message stays, fatal levels
//! are their own severity, and redaction leaves no stray delimiter.

use cyberbrain_logmine::{Miner, MinerConfig, Severity};
use proptest::prelude::*;

fn mine(lines: &[&str]) -> Miner {
    let mut miner = Miner::new(MinerConfig::default());
    for line in lines {
        miner.add_line(line.as_bytes(), None);
    }
    miner
}

fn only_template(miner: &Miner) -> (String, String, Severity) {
    let templates: Vec<_> = miner.templates().collect();
    assert_eq!(
        templates.len(),
        1,
        "{:?}",
        templates.iter().map(|t| t.text()).collect::<Vec<_>>()
    );
    let t = templates[0];
    (t.text(), t.redacted_text(), t.severity())
}

#[test]
fn service_name_and_closing_bracket_are_kept() {
    let miner = mine(&[
        "ERROR payment-gw: connection refused to 10.0.0.1:6379 (attempt 1)",
        "ERROR payment-gw: connection refused to 10.0.0.2:6379 (attempt 2)",
    ]);
    let (text, _, severity) = only_template(&miner);
    assert_eq!(
        text,
        "payment-gw: connection refused to <*>:<*> (attempt <*>)"
    );
    assert_eq!(severity, Severity::Error);
}

#[test]
fn a_single_line_keeps_its_service_name_and_closing_bracket() {
    // The issue's line, alone: no second line to merge with, yet its values are masked and its
    // words and bracket kept.
    let miner = mine(&["ERROR payment-gw: connection refused to 10.0.0.1:6379 (attempt 1)"]);
    let (text, _, severity) = only_template(&miner);
    assert!(
        text.starts_with("payment-gw: connection refused to ") && text.ends_with(')'),
        "{text}"
    );
    assert!(!text.contains("10.0.0.1"), "{text}");
    assert_eq!(severity, Severity::Error);
}

#[test]
fn structured_fatal_levels_are_fatal_and_keep_their_words() {
    for line in [
        r#"{"level":"fatal","msg":"panic: nil pointer dereference"}"#,
        r#"{"severity":"CRITICAL","message":"panic: nil pointer dereference"}"#,
        r#"level=panic msg="panic: nil pointer dereference""#,
    ] {
        let miner = mine(&[line]);
        let (text, _, severity) = only_template(&miner);
        assert_eq!(severity, Severity::Fatal, "{line}");
        assert!(text.starts_with("panic: nil pointer"), "{line} gave {text}");
    }
}

#[test]
fn a_redacted_template_and_its_examples_leave_no_stray_delimiter() {
    let miner = mine(&[
        "auth ok password=hunter2secret token=abcdef123456",
        "auth ok password=s3cr3t-pass token=zyx987654321",
    ]);
    let (_, redacted, _) = only_template(&miner);
    // Angle brackets only as whole `<*>` placeholders.
    assert!(
        !redacted.replace("<*>", "").contains(['<', '>']),
        "no stray delimiter: {redacted}"
    );
    for example in miner.templates().flat_map(|t| t.examples()) {
        assert!(
            example.contains("password=[REDACTED]") && !example.contains("[REDACTED]>"),
            "{example}"
        );
    }
}

#[test]
fn closing_punctuation_after_a_masked_token_stays() {
    let miner = mine(&[
        "(run-parts /etc/cron.hourly)",
        "[instance: 3a8b-77] VM Started (Lifecycle Event)",
    ]);
    let texts: Vec<String> = miner.templates().map(|t| t.text()).collect();
    assert!(texts.contains(&"(run-parts <*>)".to_string()), "{texts:?}");
    assert!(
        texts.contains(&"[instance: <*>] VM Started (Lifecycle Event)".to_string()),
        "{texts:?}"
    );
}

#[test]
fn fatal_levels_are_their_own_severity_above_error() {
    for (line, word) in [
        ("FATAL panic: nil pointer dereference", "panic:"),
        (
            "2024-05-01T10:00:00Z PANIC runtime: goroutine stack exceeds limit",
            "runtime:",
        ),
        (
            "2024-05-01 10:00:00,123 CRITICAL disk /dev/sda1 is read-only",
            "disk",
        ),
        (
            "2024-05-01T10:00:00Z EMERG kernel: system is going down",
            "kernel:",
        ),
    ] {
        let miner = mine(&[line]);
        let (text, _, severity) = only_template(&miner);
        assert_eq!(severity, Severity::Fatal, "{line}");
        assert!(text.starts_with(word), "{line} gave {text}");
    }
    assert!(Severity::Fatal < Severity::Error && Severity::Fatal.rank() < Severity::Error.rank());
    assert!(Severity::Fatal.is_error() && Severity::Error.is_error() && !Severity::Warn.is_error());
}

#[test]
fn redaction_leaves_no_stray_delimiter() {
    let miner = mine(&[
        "login password=hunter2secret token=abcdef123456 done",
        "login password=s3cr3t-pass token=zyx987654321 done",
    ]);
    let (_, redacted, _) = only_template(&miner);
    assert!(!redacted.contains("]>"), "{redacted}");
    for example in miner.templates().flat_map(|t| t.examples()) {
        assert!(
            !example.contains("hunter2secret") && !example.contains("]>"),
            "{example}"
        );
    }
}

/// True when brackets and double quotes pair up in order, `<*>` aside.
fn balanced(text: &str) -> bool {
    let text = text.replace("<*>", "");
    let mut stack = Vec::new();
    for c in text.chars() {
        match c {
            '(' | '[' | '{' => stack.push(c),
            ')' | ']' | '}' => {
                let open = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                if stack.pop() != Some(open) {
                    return false;
                }
            }
            _ => {}
        }
    }
    stack.is_empty() && text.matches('"').count().is_multiple_of(2)
}

/// A word of a generated message: plain words, numbers, ids, addresses, paths, keys with values.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{2,8}",
        "[0-9]{1,6}",
        "0x[0-9a-f]{4,8}",
        "[a-z]{3}_[0-9]{2,5}",
        "10\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}(:[0-9]{2,5})?",
        "/[a-z]{2,6}/[a-z0-9]{1,6}",
        "[a-z]{3,6}=[a-z0-9]{1,8}",
        "(password|token|secret)=[A-Za-z0-9]{6,20}",
    ]
}

/// A message whose brackets and quotes balance: words, some wrapped in a bracket pair or quotes,
/// some followed by `,` `;` `.` or `:`.
fn message() -> impl Strategy<Value = String> {
    let item = (word(), 0..6usize, 0..5usize).prop_map(|(w, wrap, punct)| {
        let w = match wrap {
            1 => format!("({w})"),
            2 => format!("[{w}]"),
            3 => format!("\"{w}\""),
            4 => format!("{{{w}}}"),
            _ => w,
        };
        let p = [",", ";", ".", ":", ""][punct];
        format!("{w}{p}")
    });
    prop::collection::vec(item, 1..12).prop_map(|words| words.join(" "))
}

fn header() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "2024-0[1-9]-1[0-9]T1[0-9]:[0-5][0-9]:[0-5][0-9]Z (INFO|WARN|ERROR) ",
        "2024-0[1-9]-1[0-9] 1[0-9]:[0-5][0-9]:[0-5][0-9],[0-9]{3} (INFO|DEBUG) \\[main\\] com\\.example\\.Svc: ",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Lines whose brackets and quotes balance give templates, and redacted templates and
    /// examples, whose brackets and quotes balance, with no stray `>` after a redaction.
    #[test]
    fn templates_keep_brackets_balanced(lines in prop::collection::vec((header(), message()), 1..20)) {
        let mut miner = Miner::new(MinerConfig::default());
        for (h, m) in &lines {
            miner.add_line(format!("{h}{m}").as_bytes(), None);
        }
        for t in miner.templates() {
            prop_assert!(balanced(&t.text()), "template {:?}", t.text());
            let redacted = t.redacted_text();
            prop_assert!(balanced(&redacted), "redacted {:?}", redacted);
            prop_assert!(!redacted.contains("]>") && !redacted.contains("<*]"), "redacted {:?}", redacted);
            let again = cyberbrain_logmine::redact::redact(t.text().as_bytes());
            prop_assert!(!again.contains("]>") && balanced(&again), "redacted again {:?}", again);
            for example in t.examples() {
                prop_assert!(!example.contains("]>"), "example {:?}", example);
            }
        }
    }
}

#[test]
fn redacting_a_template_text_again_keeps_its_placeholders_whole() {
    let text = "password=<*> token=<*> secret=\"<*>\" api_key: <*>";
    let redacted = cyberbrain_logmine::redact::redact(text.as_bytes());
    assert!(
        !redacted.contains("]>") && !redacted.contains("]\""),
        "{redacted}"
    );
}
