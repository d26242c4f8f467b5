//! journald's export format (`journalctl -o export`, `systemd-journal-remote`'s input), read from
//! a line stream: records of `KEY=value` lines ended by an empty line, where a field whose value
//! is not plain text is written `KEY\n`, its length as a little-endian `u64`, its bytes and `\n`.
//!
//! [`ExportAssembler`] takes one stream's lines and yields one [`JournalRecord`] per record, to be
//! mined by its `MESSAGE` ([`crate::Miner::add_stream_message`]): `PRIORITY` gives the severity,
//! `SYSLOG_IDENTIFIER` (else `_COMM`) the logger, `__REALTIME_TIMESTAMP` the time, `__CURSOR` is
//! dropped, and every other field is an attribute that stays out of the template.
//!
//! A record begins with an address field (`__CURSOR=`, `__REALTIME_TIMESTAMP=`…, which
//! `journalctl` always writes first); once a stream has written one record, any `KEY=value` line
//! (journal field names: `A-Z`, `0-9`, `_`) begins one too. Other lines pass through to the text
//! path; one met inside a record ends the record first. Bounded: a record keeps at most
//! [`ExportLimits::max_record_bytes`] of attributes and [`ExportLimits::max_fields`] fields, the
//! fields it mines at most [`MAX_VALUE_BYTES`] each; a record past a cap is marked `oversize`,
//! and a binary field declaring more than the cap is skipped up to the record's end.

use crate::Severity;

/// The most bytes kept of `MESSAGE`, `SYSLOG_IDENTIFIER` and `_COMM` (the miner's default line).
pub const MAX_VALUE_BYTES: usize = 4096;

/// Longest journal field name (systemd's own limit).
const MAX_NAME_BYTES: usize = 64;

/// Caps on one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportLimits {
    /// Bytes of attribute names and values kept per record. Default 64 KiB.
    pub max_record_bytes: usize,
    /// Fields kept per record. Default 256.
    pub max_fields: usize,
}

impl Default for ExportLimits {
    fn default() -> Self {
        ExportLimits {
            max_record_bytes: 64 * 1024,
            max_fields: 256,
        }
    }
}

/// One assembled export record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JournalRecord {
    /// `MESSAGE`, cut to [`MAX_VALUE_BYTES`]; `None` when the record had none.
    pub message: Option<Vec<u8>>,
    /// From `PRIORITY`: 0–2 fatal, 3 error, 4 warn, 5–6 info, 7 debug.
    pub severity: Option<Severity>,
    /// `SYSLOG_IDENTIFIER`, else `_COMM`.
    pub logger: Option<String>,
    /// `__REALTIME_TIMESTAMP` (microseconds) in Unix milliseconds.
    pub timestamp_ms: Option<i64>,
    /// Every other field but `__CURSOR`, in order, while within the caps.
    pub attributes: Vec<(String, Vec<u8>)>,
    /// Some fields were dropped, or cut, to keep within the caps.
    pub oversize: bool,
}

/// What one line did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The line belongs to a record that is not finished.
    Consumed,
    /// The line ended a record (the empty line after it).
    Record(JournalRecord),
    /// Not export format: mine the line as text.
    PassThrough,
    /// The line ended an open record without being part of it: mine the record, then the line.
    RecordThenPassThrough(JournalRecord),
}

/// Where the assembler stands.
#[derive(Debug)]
enum State {
    /// Between records.
    Idle,
    /// Reading `KEY=value` lines.
    Fields,
    /// Reading a binary field's length and bytes, which may span lines.
    Binary {
        name: String,
        /// The bytes seen so far (the length's eight first), kept up to the declared length.
        data: Vec<u8>,
        /// Bytes seen, kept or not (lines cut short by the reader count whole).
        seen: u64,
        /// A line of the field was read: the next one follows a line break of its bytes.
        continued: bool,
    },
    /// A binary field too long to keep, or malformed: lines are dropped until the empty line.
    SkipToEnd,
}

/// Assembles one stream's export records. See the module documentation.
#[derive(Debug)]
pub struct ExportAssembler {
    limits: ExportLimits,
    state: State,
    record: JournalRecord,
    /// Fields in the open record, kept or not.
    fields: usize,
    /// Attribute bytes kept in the open record.
    attribute_bytes: usize,
    /// The stream has written a record: any field line begins one.
    seen_record: bool,
}

impl Default for ExportAssembler {
    fn default() -> Self {
        ExportAssembler::new(ExportLimits::default())
    }
}

impl ExportAssembler {
    /// An assembler with these caps.
    pub fn new(limits: ExportLimits) -> Self {
        ExportAssembler {
            limits,
            state: State::Idle,
            record: JournalRecord::default(),
            fields: 0,
            attribute_bytes: 0,
            seen_record: false,
        }
    }

    /// Takes one line (without its `\n`), cut to `line` by the reader from `full_len` bytes.
    pub fn push_line(&mut self, line: &[u8], full_len: usize) -> Step {
        let full_len = full_len.max(line.len());
        match std::mem::replace(&mut self.state, State::Idle) {
            State::Idle => {
                if let Some((name, value)) = field_line(line)
                    && (self.seen_record || name.starts_with("__"))
                {
                    self.state = State::Fields;
                    self.add_field(name, value, full_len > line.len());
                    Step::Consumed
                } else {
                    Step::PassThrough
                }
            }
            State::Fields => {
                if line.is_empty() {
                    return Step::Record(self.take_record());
                }
                if let Some((name, value)) = field_line(line) {
                    self.state = State::Fields;
                    self.add_field(name, value, full_len > line.len());
                    return Step::Consumed;
                }
                if let Some(name) = field_name(line) {
                    self.state = State::Binary {
                        name: name.to_string(),
                        data: Vec::new(),
                        seen: 0,
                        continued: false,
                    };
                    return Step::Consumed;
                }
                Step::RecordThenPassThrough(self.take_record())
            }
            State::Binary {
                name,
                mut data,
                mut seen,
                continued,
            } => {
                // The line break before this line was one of the field's bytes.
                if continued {
                    self.keep_binary(&mut data, b"\n");
                    seen += 1;
                }
                self.keep_binary(&mut data, line);
                seen += full_len as u64;
                let Some(declared) = declared_length(&data) else {
                    self.state = State::Binary {
                        name,
                        data,
                        seen,
                        continued: true,
                    };
                    return Step::Consumed;
                };
                if declared > self.limits.max_record_bytes as u64 {
                    self.record.oversize = true;
                    self.state = State::SkipToEnd;
                    return Step::Consumed;
                }
                let total = 8 + declared;
                if seen < total {
                    self.state = State::Binary {
                        name,
                        data,
                        seen,
                        continued: true,
                    };
                    return Step::Consumed;
                }
                if seen > total {
                    // The field did not end at a line break: the record is broken.
                    self.record.oversize = true;
                    self.state = State::SkipToEnd;
                    return Step::Consumed;
                }
                let value = data.get(8..).unwrap_or_default().to_vec();
                let cut = value.len() as u64 != declared;
                self.state = State::Fields;
                self.add_field(&name, &value, cut);
                Step::Consumed
            }
            State::SkipToEnd => {
                if line.is_empty() {
                    Step::Record(self.take_record())
                } else {
                    self.state = State::SkipToEnd;
                    Step::Consumed
                }
            }
        }
    }

    /// The end of the stream: the open record, if any.
    pub fn finish(&mut self) -> Option<JournalRecord> {
        match std::mem::replace(&mut self.state, State::Idle) {
            State::Idle => None,
            _ => Some(self.take_record()),
        }
    }

    /// Bytes held for the open record (attributes, mined fields and a binary field's bytes).
    pub fn buffered_bytes(&self) -> usize {
        let binary = match &self.state {
            State::Binary { data, .. } => data.len(),
            _ => 0,
        };
        let mined = self.record.message.as_ref().map_or(0, Vec::len)
            + self.record.logger.as_ref().map_or(0, String::len);
        self.attribute_bytes + mined + binary
    }

    /// Keeps the length's eight bytes, then at most the declared length (never past the cap).
    fn keep_binary(&self, data: &mut Vec<u8>, mut bytes: &[u8]) {
        if data.len() < 8 {
            let take = bytes.len().min(8 - data.len());
            data.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
        }
        if let Some(declared) = declared_length(data) {
            let cap = 8 + declared.min(self.limits.max_record_bytes as u64) as usize;
            let take = bytes.len().min(cap.saturating_sub(data.len()));
            data.extend_from_slice(&bytes[..take]);
        }
    }

    fn add_field(&mut self, name: &str, value: &[u8], cut: bool) {
        self.fields += 1;
        if cut {
            self.record.oversize = true;
        }
        let text = |bytes: &[u8]| {
            String::from_utf8_lossy(&bytes[..bytes.len().min(MAX_VALUE_BYTES)]).into_owned()
        };
        match name {
            "__CURSOR" => {}
            "MESSAGE" => {
                self.record.oversize |= value.len() > MAX_VALUE_BYTES;
                self.record.message = Some(value[..value.len().min(MAX_VALUE_BYTES)].to_vec());
            }
            "PRIORITY" => self.record.severity = priority(value),
            "SYSLOG_IDENTIFIER" => self.record.logger = Some(text(value)),
            "_COMM" if self.record.logger.is_none() => self.record.logger = Some(text(value)),
            "__REALTIME_TIMESTAMP" => {
                self.record.timestamp_ms = std::str::from_utf8(value)
                    .ok()
                    .and_then(|v| v.parse::<u64>().ok())
                    .and_then(|micros| i64::try_from(micros / 1000).ok());
            }
            _ => {
                let size = name.len() + value.len();
                if self.fields > self.limits.max_fields
                    || self.attribute_bytes + size > self.limits.max_record_bytes
                {
                    self.record.oversize = true;
                } else {
                    self.attribute_bytes += size;
                    self.record
                        .attributes
                        .push((name.to_string(), value.to_vec()));
                }
            }
        }
        if self.fields > self.limits.max_fields {
            self.record.oversize = true;
        }
    }

    fn take_record(&mut self) -> JournalRecord {
        self.seen_record = true;
        self.fields = 0;
        self.attribute_bytes = 0;
        std::mem::take(&mut self.record)
    }
}

/// The declared length of a binary field, once its eight bytes are in.
fn declared_length(data: &[u8]) -> Option<u64> {
    let bytes: [u8; 8] = data.get(..8)?.try_into().ok()?;
    Some(u64::from_le_bytes(bytes))
}

/// A journal field name: `A-Z`, `0-9` and `_`, not starting with a digit, at most 64 bytes.
fn field_name(bytes: &[u8]) -> Option<&str> {
    let valid = !bytes.is_empty()
        && bytes.len() <= MAX_NAME_BYTES
        && !bytes[0].is_ascii_digit()
        && bytes
            .iter()
            .all(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    // Only ASCII bytes passed the check.
    valid.then(|| std::str::from_utf8(bytes).ok()).flatten()
}

/// `NAME=value` with a journal field name.
fn field_line(line: &[u8]) -> Option<(&str, &[u8])> {
    let equals = line.iter().position(|&b| b == b'=')?;
    Some((field_name(&line[..equals])?, &line[equals + 1..]))
}

/// syslog's priority digit.
fn priority(value: &[u8]) -> Option<Severity> {
    match value {
        [digit @ b'0'..=b'7'] => Some(match digit - b'0' {
            0..=2 => Severity::Fatal,
            3 => Severity::Error,
            4 => Severity::Warn,
            5 | 6 => Severity::Info,
            _ => Severity::Debug,
        }),
        _ => None,
    }
}
