//! journald's export format read from a line stream: records assembled, bounded, and mined by
//! their message.

use cyberbrain_logmine::journal_export::{ExportLimits, Step};
use cyberbrain_logmine::{ExportAssembler, JournalRecord, Miner, MinerConfig, Severity};
use proptest::strategy::Strategy;

/// One export record's text, as `journalctl -o export` writes it (with the empty line after it).
fn record(cursor: u64, fields: &[(&str, &str)]) -> Vec<u8> {
    let mut out = format!(
        "__CURSOR=s=739ad463;i={cursor:x};b=6a12;m=2e5;t=5e1;x=1\n__REALTIME_TIMESTAMP={}\n\
         __MONOTONIC_TIMESTAMP=3040205\n_BOOT_ID=6a12a2c0c2a54c34a36be2f6ad4c1a4c\n",
        1_714_557_600_000_000u64 + cursor * 1000
    )
    .into_bytes();
    for (key, value) in fields {
        out.extend_from_slice(format!("{key}={value}\n").as_bytes());
    }
    out.push(b'\n');
    out
}

/// A field in the binary form: `KEY\n`, the length (u64 LE), the bytes, `\n`.
fn binary_field(key: &str, value: &[u8]) -> Vec<u8> {
    let mut out = format!("{key}\n").into_bytes();
    out.extend_from_slice(&(value.len() as u64).to_le_bytes());
    out.extend_from_slice(value);
    out.push(b'\n');
    out
}

/// What the assembler made of `stream`, split into lines as a log reader would.
#[derive(Debug, Default)]
struct Output {
    records: Vec<JournalRecord>,
    text_lines: Vec<String>,
    most_buffered: usize,
}

fn assemble(stream: &[u8], limits: ExportLimits) -> Output {
    let mut assembler = ExportAssembler::new(limits);
    let mut out = Output::default();
    let body = stream.strip_suffix(b"\n").unwrap_or(stream);
    for line in body.split(|&b| b == b'\n') {
        match assembler.push_line(line, line.len()) {
            Step::Consumed => {}
            Step::Record(r) => out.records.push(r),
            Step::PassThrough => out.text_lines.push(String::from_utf8_lossy(line).into()),
            Step::RecordThenPassThrough(r) => {
                out.records.push(r);
                out.text_lines.push(String::from_utf8_lossy(line).into());
            }
        }
        out.most_buffered = out.most_buffered.max(assembler.buffered_bytes());
    }
    out.records.extend(assembler.finish());
    out
}

fn message(r: &JournalRecord) -> Option<String> {
    r.message
        .as_ref()
        .map(|m| String::from_utf8_lossy(m).into_owned())
}

fn attribute<'a>(r: &'a JournalRecord, key: &str) -> Option<&'a [u8]> {
    r.attributes
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_slice())
}

#[test]
fn records_are_assembled_with_their_fields() {
    let mut stream = record(
        1,
        &[
            ("PRIORITY", "3"),
            ("SYSLOG_IDENTIFIER", "sshd"),
            ("_COMM", "sshd-session"),
            ("_PID", "4242"),
            (
                "MESSAGE",
                "Failed password for root from 10.0.0.7 port 22 ssh2",
            ),
        ],
    );
    stream.extend(record(
        2,
        &[
            ("_COMM", "cron"),
            ("MESSAGE", "pam_unix(cron:session): session opened"),
        ],
    ));
    let out = assemble(&stream, ExportLimits::default());
    assert!(out.text_lines.is_empty(), "{:?}", out.text_lines);
    assert_eq!(out.records.len(), 2);
    let first = &out.records[0];
    assert_eq!(
        message(first).as_deref(),
        Some("Failed password for root from 10.0.0.7 port 22 ssh2")
    );
    assert_eq!(first.severity, Some(Severity::Error));
    assert_eq!(first.logger.as_deref(), Some("sshd"));
    assert_eq!(first.timestamp_ms, Some(1_714_557_600_001));
    assert_eq!(attribute(first, "_PID"), Some(&b"4242"[..]));
    assert_eq!(attribute(first, "_COMM"), Some(&b"sshd-session"[..]));
    assert!(
        attribute(first, "__CURSOR").is_none(),
        "the cursor is dropped"
    );
    assert!(
        attribute(first, "MESSAGE").is_none(),
        "the message is no attribute"
    );
    assert!(!first.oversize);
    let second = &out.records[1];
    assert_eq!(
        second.logger.as_deref(),
        Some("cron"),
        "_COMM without an identifier"
    );
    assert_eq!(second.severity, None);
}

#[test]
fn a_binary_field_spanning_lines_is_read_by_its_length() {
    let mut stream = record(1, &[("PRIORITY", "4")]);
    stream.pop(); // reopen the record
    // A multi-line message, and a value whose length bytes hold a line break (length 10).
    stream.extend(binary_field("MESSAGE", b"disk full\non /data\n"));
    stream.extend(binary_field("BLOB", b"0123456789"));
    stream.extend(b"_PID=7\n\n");
    stream.extend(record(2, &[("MESSAGE", "next")]));
    let out = assemble(&stream, ExportLimits::default());
    assert_eq!(out.records.len(), 2, "{:?}", out.records);
    let r = &out.records[0];
    assert_eq!(message(r).as_deref(), Some("disk full\non /data\n"));
    assert_eq!(r.severity, Some(Severity::Warn));
    assert_eq!(attribute(r, "BLOB"), Some(&b"0123456789"[..]));
    assert_eq!(attribute(r, "_PID"), Some(&b"7"[..]));
    assert!(!r.oversize);
    assert_eq!(message(&out.records[1]).as_deref(), Some("next"));
    assert!(out.text_lines.is_empty());
}

#[test]
fn a_record_without_message_is_still_a_record() {
    let stream = record(1, &[("PRIORITY", "2"), ("COREDUMP_EXE", "/usr/bin/app")]);
    let out = assemble(&stream, ExportLimits::default());
    assert_eq!(out.records.len(), 1);
    assert_eq!(out.records[0].message, None);
    assert_eq!(out.records[0].severity, Some(Severity::Fatal));
}

#[test]
fn an_oversize_record_is_capped_and_the_next_one_is_read() {
    let limits = ExportLimits {
        max_record_bytes: 1024,
        max_fields: 16,
    };
    // Many fields, many bytes, a binary field declaring a huge length, then a good record.
    let mut stream = record(1, &[("MESSAGE", "flood")]);
    stream.pop();
    for i in 0..10_000 {
        stream.extend(format!("FIELD_{i}={}\n", "x".repeat(100)).as_bytes());
    }
    stream.extend(b"HUGE\n");
    stream.extend(u64::MAX.to_le_bytes());
    stream.extend(b"garbage that is not read\nmore\n\n");
    stream.extend(record(
        2,
        &[("MESSAGE", "after the flood"), ("PRIORITY", "6")],
    ));
    let out = assemble(&stream, limits);
    assert_eq!(out.records.len(), 2, "{:?}", out.text_lines);
    let flood = &out.records[0];
    assert!(flood.oversize);
    assert_eq!(message(flood).as_deref(), Some("flood"));
    assert!(flood.attributes.len() <= 16, "{}", flood.attributes.len());
    let kept: usize = flood
        .attributes
        .iter()
        .map(|(k, v)| k.len() + v.len())
        .sum();
    assert!(kept <= 1024, "{kept}");
    assert!(
        out.most_buffered <= 1024 + 8 + 4096,
        "{}",
        out.most_buffered
    );
    assert_eq!(message(&out.records[1]).as_deref(), Some("after the flood"));
    assert!(!out.records[1].oversize);
    assert!(out.text_lines.is_empty(), "{:?}", out.text_lines);

    // A message longer than the cap is cut, and says so.
    let long = "m".repeat(10_000);
    let out = assemble(&record(1, &[("MESSAGE", &long)]), limits);
    assert_eq!(out.records[0].message.as_ref().map(Vec::len), Some(4096));
    assert!(out.records[0].oversize);
}

#[test]
fn normal_lines_interleaved_with_records_pass_through() {
    let mut stream = b"starting exporter v1.2\nKEY=value before any record\n".to_vec();
    stream.extend(record(1, &[("MESSAGE", "one")]));
    stream.extend(b"plain text between records\n");
    stream.extend(record(2, &[("MESSAGE", "two")]));
    // A plain line inside a record ends it; a blank line outside one is text.
    stream.extend(b"__CURSOR=x\nMESSAGE=three\nnot a field: plain\n\nlast words\n");
    let out = assemble(&stream, ExportLimits::default());
    let messages: Vec<_> = out.records.iter().filter_map(message).collect();
    assert_eq!(messages, ["one", "two", "three"]);
    assert_eq!(
        out.text_lines,
        [
            "starting exporter v1.2",
            "KEY=value before any record",
            "plain text between records",
            "not a field: plain",
            "",
            "last words"
        ]
    );
}

#[test]
fn priorities_map_to_severities() {
    let expected = [
        ("0", Some(Severity::Fatal)),
        ("1", Some(Severity::Fatal)),
        ("2", Some(Severity::Fatal)),
        ("3", Some(Severity::Error)),
        ("4", Some(Severity::Warn)),
        ("5", Some(Severity::Info)),
        ("6", Some(Severity::Info)),
        ("7", Some(Severity::Debug)),
        ("8", None),
        ("err", None),
        ("", None),
    ];
    for (priority, severity) in expected {
        let out = assemble(
            &record(1, &[("PRIORITY", priority), ("MESSAGE", "m")]),
            ExportLimits::default(),
        );
        assert_eq!(out.records[0].severity, severity, "PRIORITY={priority}");
    }
}

#[test]
fn the_miner_groups_export_records_by_message() {
    let mut stream = Vec::new();
    for i in 0..30u64 {
        stream.extend(record(
            i,
            &[
                ("PRIORITY", "3"),
                ("_PID", &format!("{}", 1000 + i)),
                ("SYSLOG_IDENTIFIER", "sshd"),
                (
                    "MESSAGE",
                    &format!(
                        "Failed password for root from 10.0.0.{i} port {} ssh2",
                        4000 + i
                    ),
                ),
            ],
        ));
        stream.extend(record(
            100 + i,
            &[
                ("PRIORITY", "6"),
                ("MESSAGE", &format!("Accepted key for deploy id {i}")),
            ],
        ));
    }
    let out = assemble(&stream, ExportLimits::default());
    assert_eq!(out.records.len(), 60);
    let mut miner = Miner::new(MinerConfig::default());
    for r in &out.records {
        let text = r.message.as_deref().unwrap_or_default();
        miner.add_stream_message(0, text, r.severity, r.timestamp_ms);
    }
    let digest = miner.digest(10);
    let found: Vec<_> = digest
        .templates
        .iter()
        .map(|t| (t.template.as_str(), t.severity, t.count))
        .collect();
    assert_eq!(
        found,
        [
            (
                "Failed password for root from <*> port <*> ssh2",
                Severity::Error,
                30
            ),
            ("Accepted key for deploy id <*>", Severity::Info, 30),
        ]
    );
    // Examples are the messages, not the records' fields.
    assert!(digest.templates[0].examples[0].starts_with("Failed password"));
    assert_eq!(digest.first_timestamp_ms, Some(1_714_557_600_000));
}

proptest::proptest! {
    /// Whatever a stream holds (field lines, binary headers, length bytes, blank lines, noise),
    /// the assembler never panics and never holds more than its caps.
    #[test]
    fn a_hostile_stream_never_grows_the_assembler_past_its_caps(
        lines in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just(b"__CURSOR=x".to_vec()),
                proptest::strategy::Just(b"MESSAGE".to_vec()),
                proptest::strategy::Just(Vec::new()),
                "[A-Z_]{1,8}=[ -~]{0,300}".prop_map(String::into_bytes),
                proptest::collection::vec(proptest::num::u8::ANY, 0..600),
            ],
            0..300,
        )
    ) {
        let limits = ExportLimits { max_record_bytes: 2048, max_fields: 8 };
        let mut assembler = ExportAssembler::new(limits);
        for line in &lines {
            let step = assembler.push_line(line, line.len() + usize::from(line.len() % 7 == 0));
            if let Step::Record(r) | Step::RecordThenPassThrough(r) = step {
                proptest::prop_assert!(r.attributes.len() <= 8);
                proptest::prop_assert!(r.message.as_ref().is_none_or(|m| m.len() <= 4096));
            }
            proptest::prop_assert!(assembler.buffered_bytes() <= 2 * 2048 + 8 + 2 * 4096);
        }
        let _ = assembler.finish();
        proptest::prop_assert_eq!(assembler.buffered_bytes(), 0);
    }
}
