//! Header detection for raw log lines of unknown format.
//!
//! A raw line usually starts with a header (timestamp, level, pid, host, thread, logger) followed by
//! the message. [`detect`] finds where the message starts without being told the format:
//!
//! 1. a leading timestamp in one of the common shapes (ISO 8601, Java/Python `2015-10-18
//!    18:01:47,978`, Go `2009/11/10 23:00:00`, syslog `Jun 14 15:16:01`, Apache `[Sun Dec 04
//!    04:47:44 2005]`, HDFS `081109 203615`, `17/06/09 20:10:40`, `20171223-22:15:29:606`,
//!    `20260314 10:00:00.123456`,
//!    java.util.logging's `Dec 17, 2026 1:07:49 PM`, Bacula's `17-Dec 23:05`, epoch seconds or
//!    millis), optionally in brackets, maybe behind a Go `log` prefix (`myapp: `) or one field
//!    (`(1037)`, `admin |`, Redis's `1:M` with its level marks after the time, Zigbee2MQTT's
//!    `Zigbee2MQTT:info`), a colon closing it the time's (`1773482400: msg`); pipe- or
//!    semicolon-separated headers (`ts|component|pid|msg`, `ts;code;daemon;type;name;msg`,
//!    Karaf's `ts | LEVEL | thread | logger | bundle | msg`) are cut at the separators, and so
//!    are Python's `time:LEVEL:logger:` and the shapes of a few runtimes that a level opens
//!    (logrus on a terminal `INFO[0042]`, Tornado, Ruby, glog, TensorFlow's `time: I
//!    file.cc:N]`, `transformers`' `[INFO|file.py:N]`);
//! 2. up to a dozen "header-looking" tokens (holding a digit, upper-case words, single punctuation,
//!    `key=value` fields) followed by a level word (`INFO`, `WARN`, `[error]`, `level=info`, ...). When a level is
//!    found, the header ends after it, after any `[thread name]` groups, one `logger.Name:` token
//!    and a `-` separator;
//! 3. without a level, a syslog-style `host prog[pid]:` after a timestamp is stripped (a bare
//!    `prog:` too, but the miner's learner lets the source say whether it is a program: see
//!    [`Header::program`]).
//!
//! Anything not recognised stays in the body, which is the safe failure: the masker then turns the
//! remaining variable header fields into `<*>` and grouping still works.

use std::ops::Range;

use crate::Severity;

/// How far into a line the detector looks. Headers are short; this bounds the work on long lines.
const SCAN_LIMIT: usize = 320;
/// Fields after the timestamp of a tab-separated header, at most (zap's console encoder writes
/// level, logger and caller; airlift level, thread and logger).
const MAX_TAB_HEADER_FIELDS: usize = 4;
/// Maximum number of header tokens skipped while looking for a level.
const MAX_TOKENS_BEFORE_LEVEL: usize = 12;

/// What [`detect`] found at the start of a line. Ranges index into the line that was passed in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Header {
    /// Byte range of the timestamp text, when one was recognised.
    pub timestamp: Option<Range<usize>>,
    /// Severity of the level word, when one was recognised.
    pub level: Option<Severity>,
    /// Byte range of the level word itself (without brackets).
    pub level_text: Option<Range<usize>>,
    /// Offset where the message body starts.
    pub body_start: usize,
    /// Where the fields after a level word begin and end (`[thread]` groups, a `logger:` token),
    /// which the shape alone cannot tell from the message's first words: the source decides (see
    /// [`AfterLevel`]). `None` when no level was found or the level word opens the message.
    pub after_level: Option<AfterLevel>,
    /// When the level word was bracketed (`[Warning]`) and the body would start right after the
    /// timestamp without it: how many tokens after the timestamp it came. A source's lines
    /// with a level word no list knows (`[Note]`) carry it in the same place.
    pub level_slot: Option<usize>,
    /// The syslog program after a timestamp (`sshd[812]:`, `host prog:`), when no level was
    /// found: its byte range, from its first field to the program's colon. A bare name without a pid may be a message's own
    /// first words (`Done: Copying …`, `Detected OS: alpine`), so the source decides whether it
    /// writes a program on every line (see [`Header::bare_program`]).
    pub program: Option<Range<usize>>,
}

/// Offsets in the line of the optional fields [`detect`] skipped after a level word: the body
/// starts at [`Header::body_start`], at `logger` when the logger token is the message's, at
/// `groups` when the groups are.
/// Whether a source writes them as header is learned from how many of its lines have them
/// (`[pool www]` or `[Partition topic-0 broker=1]` on some lines only is the message's own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AfterLevel {
    /// Where the `[thread]` groups begin (just after the level).
    pub groups: usize,
    /// Where the logger token begins (after the groups).
    pub logger: usize,
    /// Where the logger token ends (`logger` when there is none).
    pub logger_end: usize,
    /// Where the fields set apart by a dash after the logger begin (`INFO - GET-123 - msg`), the
    /// body's start when there are none: a dash may also open an empty field (`INFO - - --
    /// msg` beside `INFO - admin -- msg`), so the source's lines judge them too.
    pub dashes: usize,
    /// The header's shape up to the level (timestamp length, tokens before the level, whether
    /// the level is bracketed): the lines judged together, so that a stream mixing formats judges
    /// each apart.
    pub shape: u32,
}

impl Header {
    /// [`Header::program`] when it is a bare name closed by a colon (`10:00:00 Done: …`, `host
    /// prog:`): not a program with its pid (`sshd[812]:`), the kernel, or a host before a
    /// netfilter prefix, which no message writes so.
    pub fn bare_program(&self, line: &[u8]) -> Option<Range<usize>> {
        let span = self.program.clone()?;
        let text = line.get(span.clone())?;
        (text.ends_with(b":") && !text.contains(&b'[') && !text.ends_with(b"kernel:"))
            .then_some(span)
    }

    /// The timestamp text within `line` (the same line passed to [`detect`]).
    pub fn timestamp_text<'a>(&self, line: &'a [u8]) -> Option<&'a [u8]> {
        self.timestamp.clone().and_then(|r| line.get(r))
    }

    /// The message body within `line` (the same line passed to [`detect`]).
    pub fn body<'a>(&self, line: &'a [u8]) -> &'a [u8] {
        line.get(self.body_start..).unwrap_or_default()
    }

    /// The header of a line's tail read as a line of its own, in the offsets of the whole line
    /// (the tail starts `by` bytes in).
    fn shift(&mut self, by: usize) {
        let moved = |r: &Range<usize>| r.start + by..r.end + by;
        self.timestamp = self.timestamp.as_ref().map(moved);
        self.level_text = self.level_text.as_ref().map(moved);
        self.program = self.program.as_ref().map(moved);
        self.body_start += by;
        if let Some(after) = &mut self.after_level {
            after.groups += by;
            after.logger += by;
            after.logger_end += by;
            after.dashes += by;
        }
    }
}

/// Splits the header off a raw log line. Never panics, whatever the bytes.
pub fn detect(line: &[u8]) -> Header {
    let scan = &line[..line.len().min(SCAN_LIMIT)];
    let mut header = Header::default();
    let mut pos = skip_spaces(scan, 0);
    // A decoration before the time (`== 2026-03-14 11:05:50,179 run.py:262 INFO msg`,
    // EasyBuild's): two or three marks of one kind, or `==>`.
    if scan
        .get(pos)
        .is_some_and(|b| matches!(b, b'=' | b'*' | b'>' | b'-' | b'#' | b'+'))
        && let Some(end) = token_end(scan, pos)
        && (2..=3).contains(&(end - pos))
        && (scan[pos..end].iter().all(|&b| b == scan[pos]) || &scan[pos..end] == b"==>")
        && scan.get(end) == Some(&b' ')
        && match_timestamp(scan, end + 1).is_some()
    {
        pos = end + 1;
    }

    if let Some(glog) = detect_glog(scan, pos) {
        return glog;
    }
    // Opening the line, closed by its colon: a message's first word may be `I/O` or `A/B`.
    if let Some((severity, level, body)) = slashed_level(scan, pos)
        && scan[..body].ends_with(b":")
    {
        return Header {
            level: Some(severity),
            level_text: Some(level),
            body_start: skip_spaces(line, body),
            ..Header::default()
        };
    }
    // npm's debug log (`npm-debug.log`, `_logs/*-debug-0.log`): the line's number and npm's
    // level (`6 silly fetch manifest …`, `45 http fetch GET 200 …`).
    if let Some(number) = digits(scan, pos, 1, 7)
        && scan.get(number) == Some(&b' ')
        && let Some((severity, word)) = npm_level(scan, number + 1)
        && scan.get(word.end) == Some(&b' ')
    {
        return Header {
            level: Some(severity),
            level_text: Some(word.clone()),
            body_start: skip_spaces(line, word.end),
            ..Header::default()
        };
    }
    // memcached's `-vv` lines: the connection's number after the direction of the command
    // (`<28 set sess:1 0 60 4` read, `>28 STORED` written).
    if matches!(scan.get(pos), Some(b'<' | b'>'))
        && let Some(end) = digits(scan, pos + 1, 1, 6)
        && scan.get(end) == Some(&b' ')
    {
        return Header {
            body_start: skip_spaces(line, end),
            ..Header::default()
        };
    }
    if matches!(scan.get(pos), Some(b'<' | b'#'))
        && let Some(record) = detect_angle_record(line, pos)
    {
        return record;
    }
    if let Some(tornado) = detect_tornado(scan, pos) {
        return tornado;
    }
    if let Some(ruby) = detect_ruby_logger(scan, pos) {
        return ruby;
    }
    // Shapes that open with a letter or a bracket; most lines open with a digit (a time).
    if scan
        .get(pos)
        .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'[')
        && let Some(header) = detect_lettered(line, scan, pos)
    {
        return header;
    }
    if let Some(syslog) = detect_syslog_priority(line, scan, pos) {
        return syslog;
    }
    if let Some(access) = detect_access_log(line, scan, pos) {
        return access;
    }
    if let Some(python) = detect_python_default(line, scan, pos) {
        return python;
    }

    if let Some(header) = detect_field_before_time(line, scan, pos) {
        return header;
    }

    // A device's sequence number and its clock's state (`000767: *Mar 14 09:30:29.737:
    // %SYS-5-CONFIG_I: …`, Cisco IOS: `*` unsynchronised, `.` once lost) before the time.
    // A process id glued to a date by a colon (`  1217:20261204:042250.139 msg`, Zabbix's
    // daemons) is such a number too.
    let sequenced = digits(scan, pos, 1, 10)
        .and_then(|end| match scan.get(end..end + 2) {
            Some(b": ") => Some(end + 2),
            Some([b':', d])
                if d.is_ascii_digit()
                    && digit_test(scan, end + 1, 1, DigitTest::OneOrTwo) == 1
                    && compact_date(scan, end + 1).is_some() =>
            {
                Some(end + 1)
            }
            _ => None,
        })
        .unwrap_or(pos);
    let marked = match scan.get(sequenced) {
        Some(b'*' | b'.') => sequenced + 1,
        _ => sequenced,
    };
    let device_clock = marked != pos && match_timestamp(scan, marked).is_some();
    if device_clock {
        pos = marked;
    }
    if let Some(end) = match_timestamp(scan, pos) {
        // glog's header behind a container runtime's time (`kubectl logs --timestamps`, `docker
        // logs -t`: `2026-03-14T10:00:00.123456789Z I0314 10:00:00.123456 1 main.go:40] msg`).
        if scan.get(end) == Some(&b' ')
            && let Some(glog) = detect_glog(scan, end + 1)
        {
            return glog;
        }
        // A zone's abbreviation after the time is the time's (`… 10:00:00.123 GMT Thread[…]`,
        // Derby's).
        let end = zone_abbreviation_end(scan, end);
        header.timestamp = Some(pos..end);
        pos = end;
        // Such a clock is closed by a colon.
        if device_clock && scan.get(pos..pos + 2) == Some(b": ") {
            pos += 1;
        }
    } else if let Some(closer) = scan.get(pos).and_then(|&b| closer_of(b))
        && let Some(end) = match_timestamp(scan, pos + 1)
        && let Some(close) = zone_name_end(scan, end)
        && scan.get(close) == Some(&closer)
    {
        // A time in brackets, braces, parentheses or angle brackets (`[…]`, `{…}`, `(…)`).
        header.timestamp = Some(pos + 1..close);
        pos = close + 1;
        // Ids glued to it (`[Sat Mar 14 10:00:00 2026][1037.1] msg`, nessusd's pid and thread)
        // are the header's: a message is set apart from its header.
        while let Some(end) = glued_id_group_end(scan, pos) {
            pos = end;
        }
    } else if scan.get(pos) == Some(&b'[')
        && let Some(end) = match_timestamp(scan, pos + 1)
        && scan.get(end) == Some(&b' ')
        && let Some(close) = scan[end + 1..].iter().take(8).position(|&b| b == b']')
        && let Some(severity) = level_word(&scan[end + 1..end + 1 + close])
    {
        // A time and a level in one bracket (`[10:00:00 INF] msg`, Serilog's console).
        header.timestamp = Some(pos + 1..end);
        header.level = Some(severity);
        header.level_text = Some(end + 1..end + 1 + close);
        pos = end + 2 + close;
    } else if scan.get(pos) == Some(&b'[')
        && let Some(end) = match_timestamp(scan, pos + 1)
        && let Some((close, level)) = fields_after_time_in_bracket(scan, end)
    {
        // A time and more fields in one bracket (`[2026-03-14 10:00:00,000: INFO/MainProcess]
        // msg`, Celery's worker): all of it header, the level among them the line's.
        header.timestamp = Some(pos + 1..end);
        if let Some(level) = level {
            header.level = level_word(&scan[level.clone()]);
            header.level_text = Some(level);
        }
        pos = close + 1;
    }

    // `2026-12-17 10:00:00.123456: I tensorflow/core/…/gpu_device.cc:1635] msg`: TensorFlow's,
    // XLA's and absl's C++ logging, a glog level letter and source location after the time.
    if header.timestamp.is_some()
        && scan.get(pos..pos + 2) == Some(b": ")
        && scan.get(pos + 3) == Some(&b' ')
        && let Some((severity, _)) = letter_level(&scan[pos + 2..pos + 3])
        && let Some(end) = token_end(scan, pos + 4)
        && end > pos + 5
        && scan[end - 1] == b']'
        && scan[end - 2].is_ascii_digit()
    {
        header.level = Some(severity);
        header.level_text = Some(pos + 2..pos + 3);
        header.body_start = skip_spaces(line, end);
        return header;
    }
    // `%(asctime)s:%(levelname)s:%(name)s:%(message)s` (Apache Superset's default): Python's
    // default format behind a time and a colon.
    if header.timestamp.is_some()
        && scan.get(pos) == Some(&b':')
        && let Some(mut python) = detect_python_default(line, scan, pos + 1)
    {
        // `…:INFO :oejs.Server:main: Started …` (Jetty's, the level padded): a thread name and
        // its colon may follow the logger, then a space and the message.
        let body = python.body_start;
        if let Some(end) = token_end(scan, body)
            && end - body >= 2
            && scan[end - 1] == b':'
            && scan.get(end) == Some(&b' ')
            && scan[body..end - 1]
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'#'))
        {
            python.body_start = skip_spaces(line, end);
        }
        return Header {
            timestamp: header.timestamp,
            ..python
        };
    }
    // A time closed by a colon (`1773482400: msg`, Mosquitto's; `2026-03-14 10:00:00: msg`): the
    // colon is the time's, not the first word of the message or a program's.
    if header.timestamp.is_some() && scan.get(pos..pos + 2) == Some(b": ") {
        pos += 1;
    }
    if header.timestamp.is_some() {
        let first = skip_spaces(scan, pos);
        // `… UTC - [Parent 7412: Main Thread]: D/nsHttp msg` (Firefox's `MOZ_LOG`): the process
        // and thread, then the level's letter glued to the module.
        let mut at = first;
        if scan.get(at..at + 3) == Some(b"- [")
            && let Some(end) = token_end(scan, at + 2).filter(|&end| scan[end - 1] == b':')
        {
            at = skip_spaces(scan, end);
        }
        if let Some((severity, level, body)) = slashed_level(scan, at) {
            header.level = Some(severity);
            header.level_text = Some(level);
            header.body_start = skip_spaces(line, body);
            return header;
        }
        // `2026-03-14T09:13:34.684+0000 7f2c17ff7640  1 msg` (Ceph's daemons): the thread's id in
        // hex and the message's debug level, padded to two places. `2026/03/14 09:12:11.1911507
        // 3140  7980  Agent           msg` (Windows Update's classic log): the process and
        // thread ids and the component, padded to their columns.
        if let Some(body) =
            thread_and_debug_level(scan, first).or_else(|| padded_ids_and_component(scan, first))
        {
            header.body_start = skip_spaces(line, body);
            return header;
        }
    }
    // `2026-03-14 19:04:23,076::INFO::[filesystem:612] msg` (SABnzbd's; Python's format with
    // fields set apart by `::`): the level between double colons, then what follows a level.
    if let Some(time) = header.timestamp.clone()
        && scan.get(pos..pos + 2) == Some(b"::")
        && let Some(len) = scan[pos + 2..].iter().take(10).position(|&b| b == b':')
        && scan.get(pos + 2 + len..pos + 4 + len) == Some(b"::")
        && let Some(severity) = level_word(&scan[pos + 2..pos + 2 + len])
    {
        header.level = Some(severity);
        header.level_text = Some(pos + 2..pos + 2 + len);
        let (mut after, body_start) = skip_after_level(line, scan, pos + 4 + len, false);
        after.shape = (through_seconds(&line[time]).min(255) as u32) << 16;
        header.body_start = body_start;
        header.after_level = Some(after);
        return header;
    }
    if header.timestamp.is_some()
        && let Some((severity, label, body)) = php_error_label(scan, skip_spaces(scan, pos))
    {
        header.level = Some(severity);
        header.level_text = Some(label);
        header.body_start = body;
        return header;
    }
    if let Some(dotnet) = detect_dotnet_console(scan, skip_spaces(scan, pos)) {
        return Header {
            timestamp: header.timestamp,
            ..dotnet
        };
    }

    if header.timestamp.is_some() && scan.get(pos) == Some(&b'\t') {
        // zap's console encoder and other tab-separated headers: `ts\tlevel\tlogger\tcaller\tmsg`.
        // The fields before the first one holding a space (or before the last) are header; more
        // of them than a header holds make a record of columns (Zeek's), all of it the message.
        let mut start = pos + 1;
        let mut fields = 0;
        while let Some(len) = scan[start..].iter().position(|&b| b == b'\t') {
            let field = &scan[start..start + len];
            // The last field an object of context (zap's fields: `Reconciling\t{"name": …}`,
            // controller-runtime, Caddy): the field before it is the message, spaces or none.
            let rest = &scan[start + len + 1..];
            let context_follows = rest.first() == Some(&b'{')
                && !rest.contains(&b'\t')
                && level_word(field).is_none();
            // A field padded to its column (`info `, a level's `%-5p`) holds no space of its own.
            let lead = field.len() - field.trim_ascii_start().len();
            let word = field.trim_ascii();
            // So is a level in brackets padded inside them (`[notice ]`, `[ INFO]`, `<notice >`).
            let padded_level = match word {
                [b'[', inner @ .., b']']
                | [b'<', inner @ .., b'>']
                | [b'(', inner @ .., b')']
                | [b'{', inner @ .., b'}'] => level_word(inner.trim_ascii()).is_some(),
                _ => false,
            };
            if (word.contains(&b' ') && !padded_level) || context_follows {
                break;
            }
            fields += 1;
            if fields > MAX_TAB_HEADER_FIELDS {
                header.level = None;
                header.level_text = None;
                header.body_start = pos + 1;
                return header;
            }
            if header.level.is_none()
                && let Some(severity) = level_word(word)
            {
                header.level = Some(severity);
                header.level_text = Some(start + lead..start + lead + word.len());
            } else if header.level.is_none() && padded_level {
                let inner = &word[1..word.len() - 1];
                let pad = inner.len() - inner.trim_ascii_start().len();
                let at = start + lead + 1 + pad;
                header.level = level_word(inner.trim_ascii());
                header.level_text = Some(at..at + inner.trim_ascii().len());
            }
            start += len + 1;
        }
        // The last field may open with the level and its separator (`…\tI - msg`, `…\tinfo:
        // msg`) when none came before.
        if header.level.is_none()
            && let Some((severity, level, body)) = level_opening_field(scan, start)
        {
            header.level = Some(severity);
            header.level_text = Some(level);
            header.body_start = skip_spaces(line, body);
            return header;
        }
        // Or with the call site (`…\tinfo\tworker.c:30 msg`), as after a level in spaces.
        if let Some(end) = token_end(scan, start)
            && scan.get(end) == Some(&b' ')
            && is_bare_source_location(&scan[start..end])
        {
            header.body_start = skip_spaces(line, end);
            return header;
        }
        header.body_start = start;
        return header;
    }
    if header.timestamp.is_some()
        && let Some(&separator @ (b'|' | b';')) = scan.get(pos)
    {
        pos = skip_separated_fields(scan, pos, separator);
        // A level as one more field (`…Z|08390|bridge|INFO|msg`, Open vSwitch's and OVN's
        // daemons): header too, and the line's severity.
        // Or its letter (`03/14/2026 06:02:31.669|worker|sgemaster|W|msg`, Grid Engine's).
        if separator == b'|'
            && let Some(len) = scan[pos..].iter().take(10).position(|&b| b == b'|')
            && let Some(severity) = level_word(&scan[pos..pos + len])
                .or_else(|| letter_level(&scan[pos..pos + len]).map(|(severity, _)| severity))
        {
            header.level = Some(severity);
            header.level_text = Some(pos..pos + len);
            pos += len + 1;
        }
        header.body_start = skip_spaces(line, pos);
        return header;
    }
    // `ts | LEVEL | thread | logger | bundle | msg` (Karaf's pax-logging, logback patterns set
    // apart by bars): fields between ` | `, spaces inside allowed, the level among the first
    // two; the message after the last short one.
    if header.timestamp.is_some()
        && let Some(piped) = piped_fields(scan, pos)
    {
        header.level = Some(piped.0);
        header.level_text = Some(piped.1);
        header.body_start = skip_spaces(line, piped.2);
        return header;
    }
    // A bar set apart after the time before a number (`… 06:22:41 | 200 | 6.5ms |
    // 203.0.113.127 | GET "/api"`, Gin's access log, the status first), or after Gin's time
    // (`2026/12/04 - 06:22:41`) whatever follows: the header's separator. Before other fields
    // (a level, a logger, a thread) the fields' own rules judge.
    if let Some(time) = header.timestamp.clone()
        && scan.get(pos..pos + 3) == Some(b" | ")
        && (digits(scan, pos + 3, 1, 10).is_some_and(|end| scan.get(end) == Some(&b' '))
            || scan[time].windows(3).any(|w| w == b" - "))
    {
        header.body_start = skip_spaces(line, pos + 3);
        return header;
    }
    let after_timestamp = pos;

    let mut cursor = pos;
    let mut scanned_timestamp = None;
    let mut previous: &[u8] = &[];
    // Whether a field before this one is empty (`-`).
    let mut empty_field = false;
    // Whether a field between separators before this one is empty (`; - ;`: `-` there is no
    // separator).
    let mut empty_column = false;
    for tokens_seen in 0..MAX_TOKENS_BEFORE_LEVEL {
        let start = skip_spaces(scan, cursor);
        let Some(end) = field_end(scan, start) else {
            break;
        };
        let token = &scan[start..end];
        // The last word of a phrase in capitals (`SERVICE ALERT:`, Nagios' event names) opens
        // the message.
        if token.ends_with(b":") && ends_a_capitals_phrase(previous, token) {
            break;
        }
        let prior = std::mem::replace(&mut previous, token);
        // `[INFO ]`, `[ INFO]`, `[info     ]`: a bracketed level padded to a column (log4j's
        // `[%-5p]` and `[%5p]`, Logstash, Hazelcast, structlog's console); a bracket's token runs
        // to its `]`, spaces and all.
        let level = match token.strip_suffix(b":").unwrap_or(token) {
            [b'[', inner @ .., b']']
            | [b'{', inner @ .., b'}']
            | [b'<', inner @ .., b'>']
            | [b'(', inner @ .., b')']
                if inner.last() == Some(&b' ') || inner.first() == Some(&b' ') =>
            {
                let word = inner.trim_ascii();
                let lead = inner.len() - inner.trim_ascii_start().len();
                // One case, or capitalised (`[Info   ]`, .NET's and Serilog's padded names).
                level_word(word)
                    .filter(|_| !word.is_empty() && is_one_case_word(word))
                    .map(|severity| (severity, 1 + lead..1 + lead + word.len()))
            }
            _ => None,
        };
        // Where the level's part of the header ends, when a separator after it is the header's.
        let mut level_end = end;
        let level = level
            .or_else(|| level_of(token))
            .or_else(|| {
                // `Info`, `Warning` right after a leading timestamp (Windows CBS style).
                (header.timestamp.is_some() && tokens_seen <= 1)
                    .then(|| capitalised_level(token))
                    .flatten()
            })
            .or_else(|| {
                // RouterOS's topics right after the time (`07:40:00 dhcp,info dhcp-lan …`,
                // `system,error,critical login failure …`): the severity is one of them.
                (header.timestamp.is_some() && tokens_seen == 0)
                    .then(|| topics_level(token))
                    .flatten()
            })
            .or_else(|| {
                // Android logcat: `03-17 16:13:38.811  1702  2395 D Tag: msg`: after the pid
                // and the thread id, not deep in a record (Zeek's `… - F worker-1 TCP`) nor
                // after a field that is empty on this line (`500003 - I > msg` beside `500000
                // jdoe I > msg`, where the user ends the fields read).
                ((2..=3).contains(&tokens_seen)
                    && !empty_field
                    && (header.timestamp.is_some() || scanned_timestamp.is_some()))
                .then(|| letter_level(token))
                .flatten()
            })
            .or_else(|| {
                // A level's letter in brackets right after the time (`10:00:00 {I}: msg`,
                // `… [W] msg`).
                (header.timestamp.is_some() && tokens_seen == 0)
                    .then(|| bracketed_letter_level(token))
                    .flatten()
            })
            .or_else(|| {
                // A level opening a bracket of fields right after the time (`[I|app|c2b32c9d]`,
                // Foreman's), or glued tags (`[info][savedobjects-service]`).
                (header.timestamp.is_some() && tokens_seen <= 1)
                    .then(|| level_opening_a_group(token))
                    .flatten()
            })
            .or_else(|| {
                // A level word in lower case or capitalised, set apart by separators (`10:00:00 -
                // notice : msg`, `… | info | msg`): first after the time or after a separator.
                // The separator after it is the header's too. Not after a field empty on this
                // line (`- ; notice ;` beside `jdoe ; notice ;`, where the user ends the fields
                // read).
                let level = (header.timestamp.is_some()
                    && !empty_column
                    && (tokens_seen == 0 || is_lone_separator(prior)))
                .then(|| set_apart_level(token))
                .flatten()?;
                let next = skip_spaces(scan, end);
                let separator_end =
                    token_end(scan, next).filter(|&after| is_lone_separator(&scan[next..after]))?;
                level_end = separator_end;
                Some(level)
            })
            .or_else(|| {
                // A level's letter right after the time (`10:00:00.000 W jdoe - msg`), as
                // glog's is glued to it; not `A`, an article there.
                (header.timestamp.is_some() && tokens_seen == 0 && token != b"A")
                    .then(|| letter_level(token))
                    .flatten()
            })
            .or_else(|| {
                // A level's letter or capitalised word opening the line before the time (`I
                // 10:00:00.000 Worker: msg`, `W 2026-03-14T10:00:08Z msg`, `Warning Sat Mar 14
                // 10:00:25 2026 msg`): the time says it is a header's.
                (tokens_seen == 0 && header.timestamp.is_none() && time_follows(scan, end))
                    .then(|| letter_level(token).or_else(|| capitalised_level(token)))
                    .flatten()
            });
        // After a one-letter level, the `Tag:` is always the logger.
        let tagged = level.as_ref().is_some_and(|(_, word)| word.len() == 1);
        if let Some((severity, word)) = level {
            header.level = Some(severity);
            header.level_text = Some(start + word.start..start + word.end);
            if header.timestamp.is_some() && is_bracketed_word(token) {
                header.level_slot = Some(tokens_seen);
            }
            if header.timestamp.is_none() {
                header.timestamp = scanned_timestamp;
            }
            if opens_message(token) {
                // Fields before it with no time to anchor them (`- ; notice: msg` beside `admin ;
                // notice: msg`, whose user ends the shapes read) are left to the source's
                // learned layout, as on its other lines.
                header.body_start = if header.timestamp.is_none() {
                    skip_spaces(line, 0)
                } else {
                    start
                };
            } else {
                // A time right after a level that opens the line (`WARN 2026-03-14 10:00:03
                // worker-1: msg`, log4j's `%-5p %d`): the header's, as it is before the level.
                let mut end = level_end;
                if tokens_seen == 0 && header.timestamp.is_none() {
                    let at = skip_spaces(scan, end);
                    // A bare number after a level is the message's (`WARN 1234567890 bytes
                    // sent`).
                    if let Some(time_end) = written_time_at(scan, at) {
                        header.timestamp = Some(at..time_end);
                        end = time_end;
                    }
                }
                let (mut after, body_start) = skip_after_level(line, scan, end, tagged);
                let timestamp_len = header
                    .timestamp
                    .as_ref()
                    .map_or(0, |t| through_seconds(&line[t.clone()]).min(255));
                after.shape = (timestamp_len as u32) << 16
                    | (tokens_seen as u32) << 8
                    | u32::from(token[0] == b'[');
                header.body_start = body_start;
                header.after_level = Some(after);
            }
            return header;
        }
        // A syslog header behind other fields (a container runtime's time before it, a
        // collector's record number, date and host): the message starts after its program.
        if (tokens_seen > 0 || header.timestamp.is_some())
            && let Some((timestamp, body)) = inner_syslog(scan, start)
        {
            header.timestamp = Some(timestamp);
            header.body_start = skip_spaces(line, body);
            return header;
        }
        if header.timestamp.is_none()
            && scanned_timestamp.is_none()
            && let Some(ts_end) = match_timestamp(scan, start)
        {
            scanned_timestamp = Some(start..ts_end);
            cursor = ts_end;
            continue;
        }
        // A field between ` - ` separators (`- synapse.handlers.auth - 318 - INFO`) is a header
        // field whatever it holds: the level after it decides.
        let dashed = scan.get(end..end + 3) == Some(b" - ");
        // A dotted logger before a pid (`… 08:59:08,720 xinference.core.supervisor 14008 DEBUG
        // msg`): a header field too, if a level follows.
        let logger_before_pid = || {
            digits(scan, skip_spaces(scan, end), 1, 10)
                .is_some_and(|pid| scan.get(pid) == Some(&b' '))
                && is_dotted_logger(token)
        };
        if !is_header_like(token) && !dashed && !logger_before_pid() {
            break;
        }
        empty_field |= token == b"-";
        empty_column |= token == b"-" && prior != b"-" && is_lone_separator(prior);
        cursor = end;
    }

    if header.timestamp.is_some() {
        let program = skip_syslog_program(scan, after_timestamp);
        header.program = program.map(|end| {
            // `host - name:`: the host and its placeholder dash are header whether the name is
            // a program's or the message's first word.
            let start = skip_spaces(scan, after_timestamp);
            let dashed = token_end(scan, start)
                .filter(|&host| host > start && scan[start..host] != *b"-")
                .filter(|&host| scan.get(host..host + 3) == Some(b" - ") && host + 3 < end);
            dashed.map_or(start, |host| skip_spaces(scan, host + 3))..end
        });
        pos = program
            .or_else(|| {
                // Go's `log` with `Lshortfile`/`Llongfile`: `2024/05/01 10:00:00 main.go:42: msg`.
                let start = skip_spaces(scan, after_timestamp);
                token_end(scan, start)
                    .filter(|&end| is_source_location(&scan[start..end]))
                    .filter(|&end| matches!(scan.get(end), Some(b' ' | b'\t')))
            })
            .unwrap_or(after_timestamp);
        // The kernel's own time since boot after `kernel:` (`[ 7754.137307]`, printk's stamp,
        // padded to a column): header, as the syslog time before it is.
        if scan[..pos].ends_with(b"kernel:") {
            pos = printk_time_end(scan, pos).unwrap_or(pos);
        }
        // A colon closing the time (`1773482400: msg`, `2026-03-14 02:08:16: msg`) is the
        // header's separator, not the message's first word.
        if pos == after_timestamp && scan.get(pos..pos + 2) == Some(b": ") {
            pos += 1;
        }
    }
    header.body_start = skip_spaces(line, pos);
    header
}

/// Longest text after a time that one bracket holds with it (see
/// [`fields_after_time_in_bracket`]).
const MAX_FIELDS_IN_TIME_BRACKET: usize = 64;

/// The fields closing a bracket that a time opens (`: INFO/MainProcess]`, `|worker-1]`): where
/// the bracket closes, and the level word opening them, if one does. A separator follows the
/// time, and the fields hold no quote or bracket of their own (a message's text does).
fn fields_after_time_in_bracket(scan: &[u8], end: usize) -> Option<(usize, Option<Range<usize>>)> {
    if !matches!(scan.get(end), Some(b':' | b'|' | b' ' | b',')) {
        return None;
    }
    let rest = &scan[end..scan.len().min(end + MAX_FIELDS_IN_TIME_BRACKET)];
    let close = end + rest.iter().position(|&b| b == b']')?;
    if scan[end..close]
        .iter()
        .any(|&b| matches!(b, b'[' | b'"' | b'\'' | b'{' | b'('))
        || !scan[end..close].iter().any(u8::is_ascii_alphabetic)
    {
        return None;
    }
    let first = end
        + scan[end..close]
            .iter()
            .take_while(|b| matches!(b, b':' | b'|' | b' ' | b','))
            .count();
    let word_end = first
        + scan[first..close]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
    let level = (word_end > first && level_word(&scan[first..word_end]).is_some())
        .then_some(first..word_end);
    Some((close, level))
}

/// `INFO`, `info`, `Info`: a word in one case or capitalised, as level words are written (not
/// `iNfo`). An empty word is one case.
fn is_one_case_word(word: &[u8]) -> bool {
    word.iter().all(u8::is_ascii_uppercase)
        || word.iter().all(u8::is_ascii_lowercase)
        || (word.first().is_some_and(u8::is_ascii_uppercase)
            && word[1..].iter().all(u8::is_ascii_lowercase))
}

/// `-`, `:`, `|`, `--`, `>`: a separator standing alone between fields.
fn is_lone_separator(token: &[u8]) -> bool {
    matches!(token, b"-" | b":" | b"|" | b"--" | b">" | b";")
}

/// `notice`, `Warning`, `INFO`: a level word in one case or capitalised (see
/// [`level_word`]), bare.
fn set_apart_level(token: &[u8]) -> Option<(Severity, Range<usize>)> {
    (token.len() >= 3 && is_one_case_word(token))
        .then(|| level_word(token))
        .flatten()
        .map(|severity| (severity, 0..token.len()))
}

/// `[I]`, `{W}`, `<E>`, `(D):`: a level's letter in brackets, a colon after them or not.
fn bracketed_letter_level(token: &[u8]) -> Option<(Severity, Range<usize>)> {
    let group = token.strip_suffix(b":").unwrap_or(token);
    match group {
        [b'[', letter, b']']
        | [b'{', letter, b'}']
        | [b'<', letter, b'>']
        | [b'(', letter, b')'] => {
            letter_level(std::slice::from_ref(letter)).map(|(severity, _)| (severity, 1..2))
        }
        _ => None,
    }
}

/// `[I|app|c2b32c9d]`, `[error][status][plugin:x@1.3]`: a bracket whose first field, up to a
/// `|` or to a bracket glued to it, is a level's letter or word in one case. Its severity and
/// range.
fn level_opening_a_group(token: &[u8]) -> Option<(Severity, Range<usize>)> {
    let inner = token.strip_prefix(b"[")?;
    let end = inner
        .iter()
        .take(12)
        .position(|&b| matches!(b, b'|' | b']'))?;
    let glued = inner[end] == b']' && inner.get(end + 1) == Some(&b'[');
    if !(inner[end] == b'|' || glued) || !token.ends_with(b"]") {
        return None;
    }
    let field = &inner[..end];
    let severity = match field.len() {
        1 => letter_level(field).map(|(severity, _)| severity),
        _ => is_one_case_word(field).then(|| level_word(field)).flatten(),
    }?;
    Some((severity, 1..1 + end))
}

/// A level word or letter opening the field at `start`, closed by a colon (`info: msg`) or
/// followed by a dash (`I - msg`, `Info    - msg`): its severity, its span and where the message
/// starts.
fn level_opening_field(scan: &[u8], start: usize) -> Option<(Severity, Range<usize>, usize)> {
    let end = token_end(scan, start)?;
    let token = &scan[start..end];
    let (word, closed) = match token.strip_suffix(b":") {
        Some(word) => (word, true),
        None => (token, false),
    };
    let severity = match word.len() {
        1 => letter_level(word)?.0,
        _ => level_word(word)?,
    };
    // The level may be padded to its column before the dash or the colon (`Info    - msg`,
    // `notice : msg`).
    let dash = skip_spaces(scan, end);
    let body = if closed {
        end
    } else if dash > end && matches!(scan.get(dash..dash + 2), Some(b"- " | b": ")) {
        dash + 2
    } else {
        return None;
    };
    Some((severity, start..start + word.len(), body))
}

/// The end of a time written as a date or a clock (not a bare number) starting at `at`, a whole
/// token or more.
fn written_time_at(scan: &[u8], at: usize) -> Option<usize> {
    match_timestamp(scan, at).filter(|&time_end| {
        matches!(scan.get(time_end), None | Some(b' ' | b'\t'))
            && scan[at..time_end]
                .iter()
                .any(|b| matches!(b, b'-' | b'/' | b':'))
    })
}

/// Whether [`written_time_at`] holds after the spaces following `end`.
fn time_follows(scan: &[u8], end: usize) -> bool {
    let at = skip_spaces(scan, end);
    at > end && written_time_at(scan, at).is_some()
}

/// The length of a timestamp up to its clock's seconds (`2026-03-14T10:00:08` of
/// `2026-03-14T10:00:08.007919+00:00`), all of it when it has no clock: a source's lines write
/// their fraction and zone in as many digits as they need (Go's RFC 3339 trims a fraction's
/// zeros, Python's `isoformat` leaves out a zero one), one format all the same.
fn through_seconds(timestamp: &[u8]) -> usize {
    let mut colons = timestamp.iter().enumerate().filter(|(_, b)| **b == b':');
    match (colons.next(), colons.next()) {
        (Some(_), Some((second, _))) => (second + 3).min(timestamp.len()),
        _ => timestamp.len(),
    }
}

/// The bracket closing one that `open` opens, for `[`, `{`, `(` and `<`.
fn closer_of(open: u8) -> Option<u8> {
    match open {
        b'[' => Some(b']'),
        b'{' => Some(b'}'),
        b'(' => Some(b')'),
        b'<' => Some(b'>'),
        _ => None,
    }
}

/// The end of a printk time stamp at `pos` (after spaces): `[`, spaces, seconds, a dot, six
/// digits, `]`.
fn printk_time_end(scan: &[u8], pos: usize) -> Option<usize> {
    let p = literal(scan, skip_spaces(scan, pos), b'[')?;
    let p = skip_spaces(scan, p);
    let p = digits(scan, p, 1, 10)?;
    let p = literal(scan, p, b'.')?;
    let p = digits(scan, p, 6, 6)?;
    let p = literal(scan, p, b']')?;
    matches!(scan.get(p), Some(b' ' | b'\t')).then_some(p)
}

fn skip_spaces(line: &[u8], mut pos: usize) -> usize {
    while pos < line.len() && matches!(line[pos], b' ' | b'\t') {
        pos += 1;
    }
    pos
}

/// End of the token starting at `start`. A token opening with `[` runs to its matching `]` so that
/// thread names with spaces (`[IPC Server handler 5 on 62270]`) count as one token.
#[inline]
pub(crate) fn token_end(scan: &[u8], start: usize) -> Option<usize> {
    if start >= scan.len() {
        return None;
    }
    if scan[start] == b'[' {
        let mut depth = 0usize;
        for (i, &b) in scan.iter().enumerate().skip(start) {
            match b {
                b'[' => depth += 1,
                b']' => {
                    depth -= 1;
                    if depth == 0 {
                        let mut end = i + 1;
                        // A group in braces glued to a bracketed one (`[42563]{203670}[-1/-1]`, SAP
                        // HANA's thread, connection and transaction) is one field with it.
                        if scan.get(end) == Some(&b'{') {
                            let len = scan[end..]
                                .iter()
                                .position(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
                                .unwrap_or(scan.len() - end);
                            return Some(end + len);
                        }
                        if scan.get(end) == Some(&b':') {
                            end += 1;
                        }
                        return Some(end);
                    }
                }
                b'\n' | b'\r' => break,
                _ => {}
            }
        }
    }
    let len = scan[start..]
        .iter()
        .position(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        .unwrap_or(scan.len() - start);
    Some(start + len)
}

/// [`token_end`], a name padded inside braces, angle brackets or parentheses (`{INFO }`, see
/// [`padded_group_end`]) one token too: how the level's search and the learner read fields.
#[inline]
pub(crate) fn field_end(scan: &[u8], start: usize) -> Option<usize> {
    if matches!(scan.get(start), Some(b'{' | b'<' | b'('))
        && let Some(end) = padded_group_end(scan, start)
    {
        return Some(end);
    }
    token_end(scan, start)
}

/// Longest name a padded group in braces, angle brackets or parentheses holds (see
/// [`padded_group_end`]), its padding included.
const LONGEST_PADDED_GROUP: usize = 24;

/// End of a name padded to a column inside braces, angle brackets or parentheses at `start`
/// (`{INFO }`, `<WARN >`, `( main)`: a logger's `%-5p` or a thread's width, as `[INFO ]` is in
/// brackets), a colon glued after it included: one token, as a bracket's is. Only one name,
/// spaces before or after it, none inside (`(see above)` is a message's).
#[inline(never)]
fn padded_group_end(scan: &[u8], start: usize) -> Option<usize> {
    let closer = closer_of(scan[start]).filter(|_| scan[start] != b'[')?;
    let window = &scan[start + 1..scan.len().min(start + 1 + LONGEST_PADDED_GROUP)];
    // A name first (or its padding): most groups a message opens hold something else.
    if !window
        .first()
        .is_some_and(|&b| b == b' ' || b.is_ascii_alphabetic())
    {
        return None;
    }
    let close = window.iter().position(|&b| b == closer || b == b'\n')?;
    if window[close] != closer {
        return None;
    }
    let inner = &window[..close];
    let name = inner.trim_ascii();
    let padded = name.len() < inner.len();
    let one_name = name.first().is_some_and(u8::is_ascii_alphabetic)
        && name
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if !padded || !one_name || inner.contains(&b'\t') {
        return None;
    }
    let mut end = start + 1 + close + 1;
    if scan.get(end) == Some(&b':') {
        end += 1;
    }
    Some(end)
}

/// Most fields set apart by ` | ` that a header holds.
const MAX_PIPED_FIELDS: usize = 6;
/// Longest field of such a header (a thread or logger name, padded).
const MAX_PIPED_FIELD: usize = 64;

/// After a timestamp at `pos`, fields set apart by ` | ` with a level among the first two: the
/// level, its range and where the message starts (after the last field of at most
/// [`MAX_PIPED_FIELD`] bytes followed by ` | `, [`MAX_PIPED_FIELDS`] at most).
fn piped_fields(scan: &[u8], pos: usize) -> Option<(Severity, Range<usize>, usize)> {
    let mut start = pos
        .checked_add(3)
        .filter(|_| scan.get(pos..pos + 3) == Some(b" | "))?;
    let mut level = None;
    for field in 0..MAX_PIPED_FIELDS {
        let len = scan[start..]
            .windows(3)
            .take(MAX_PIPED_FIELD + 1)
            .position(|w| w == b" | ");
        let Some(len) = len else {
            break;
        };
        let text = &scan[start..start + len];
        if field < 2 && level.is_none() {
            let word = text.trim_ascii();
            let lead = text.len() - text.trim_ascii_start().len();
            if let Some(severity) =
                level_word(word).filter(|_| word.iter().all(u8::is_ascii_uppercase))
            {
                level = Some((severity, start + lead..start + lead + word.len()));
            }
        }
        start += len + 3;
    }
    let (severity, range) = level?;
    Some((severity, range, start))
}

/// Skips `|field|field|` (HealthApp: component, pid) or `;field;field;…;` (PBS Professional:
/// event code, daemon, object type, object name) after a timestamp: short space-free fields
/// themselves followed by the separator. Returns the offset just after the last separator
/// consumed.
fn skip_separated_fields(scan: &[u8], mut pos: usize, separator: u8) -> usize {
    // `pos` is at a separator.
    let most = if separator == b'|' { 2 } else { 6 };
    for _ in 0..most {
        let field_start = pos + 1;
        let Some(len) = scan[field_start..].iter().position(|&b| b == separator) else {
            break;
        };
        let field = &scan[field_start..field_start + len];
        if field.is_empty() || field.len() > 64 || field.contains(&b' ') {
            break;
        }
        pos = field_start + len;
    }
    pos + 1
}

/// Tokens that plausibly belong to a header: anything with a digit (dates, pids, node ids), a lone
/// punctuation mark, upper-case tags (`RAS`, `KERNEL`), bracketed groups.
fn is_header_like(token: &[u8]) -> bool {
    if token.iter().any(u8::is_ascii_digit) {
        return true;
    }
    if token.len() == 1 && token[0].is_ascii_punctuation() {
        return true;
    }
    // An arrow or a guillemet set apart (`main ▶ DEBU 001 msg`, go-logging's): a separator.
    if token.len() >= 2
        && token[0] >= 0x80
        && ["▶", "►", "»", "→"]
            .iter()
            .any(|mark| token == mark.as_bytes())
    {
        return true;
    }
    if token.first() == Some(&b'[') && token.last().is_some_and(|b| *b == b']' || *b == b':') {
        return true;
    }
    // A name in braces or angle brackets (`{main}`, `<scheduler>`: a thread), as in brackets;
    // empty braces too (`[ 8564 ] {} <Error>`, ClickHouse's query id where there is none).
    if token == b"{}" {
        return true;
    }
    if let [b'{', inner @ .., b'}'] | [b'<', inner @ .., b'>'] = token
        && !inner.is_empty()
        && inner
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    {
        return true;
    }
    if is_header_field(token) {
        return true;
    }
    token.len() >= 2
        && token
            .iter()
            .all(|b| b.is_ascii_uppercase() || *b == b'_' || *b == b'-')
}

/// `xinference.core.supervisor`: a logger's name opening in lower case, its parts set apart by
/// dots (any letters, digits, `_` and `-` in them; `clause`'s metric names are stricter).
fn is_dotted_logger(token: &[u8]) -> bool {
    token.first().is_some_and(u8::is_ascii_lowercase)
        && token.contains(&b'.')
        && !token.ends_with(b".")
        && token
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// `class=HardWorker`, `tid=oxk`: a `key=value` field of the kind some loggers (Sidekiq) write
/// between the timestamp and the level; the level after it decides that it is header.
fn is_header_field(token: &[u8]) -> bool {
    let Some(eq) = token.iter().position(|&b| b == b'=') else {
        return false;
    };
    eq >= 2
        && eq + 1 < token.len()
        && token[..eq]
            .iter()
            .all(|b| b.is_ascii_lowercase() || *b == b'_')
        && !token[eq + 1..].iter().any(|&b| b == b'"' || b == b'=')
}

/// The severity of a bare level word in any case (`info`, `Warning`, `FATAL`).
pub(crate) fn level_word(word: &[u8]) -> Option<Severity> {
    // Every name is 3 to 11 bytes long: a word of another length is no level, whatever its case.
    // Matching an upper-cased copy against the names compiles to a length switch and a few byte
    // compares, where folding case against each name in turn cost a tenth of header detection.
    if word.len() < 3 || word.len() > LONGEST_LEVEL_WORD {
        return None;
    }
    let mut upper = [0u8; LONGEST_LEVEL_WORD];
    for (u, b) in upper.iter_mut().zip(word) {
        *u = b.to_ascii_uppercase();
    }
    let severity = match &upper[..word.len()] {
        // `DBUG`, `EROR`: Icecast's four-letter levels.
        b"TRACE" | b"DEBUG" | b"DBG" | b"DBUG" | b"VERBOSE" | b"FINE" | b"FINER" | b"FINEST" => {
            Severity::Debug
        }
        // `LOG`: NestJS's and PostgreSQL's informational level.
        // `Information`: ClickHouse's and Windows' event log's.
        b"INFO" | b"INF" | b"NOTICE" | b"LOG" | b"INFORMATION" => Severity::Info,
        b"WARN" | b"WARNING" | b"WRN" => Severity::Warn,
        b"ERROR" | b"ERR" | b"EROR" | b"SEVERE" | b"FAILURE" => Severity::Error,
        b"FATAL" | b"CRIT" | b"CRITICAL" | b"ALERT" | b"EMERG" | b"EMERGENCY" | b"PANIC" => {
            Severity::Fatal
        }
        _ => return None,
    };
    Some(severity)
}

/// Length of `INFORMATION`, the longest level word.
const LONGEST_LEVEL_WORD: usize = 11;

/// Recognises a level token: `INFO`, `INFO:`, `[error]`, `<warn>`, `level=info`. Bare words must
/// be upper case (a lower-case `error` is far more often message text); decorated ones may be any
/// case. Returns the severity and the range of the word within the token.
fn level_of(token: &[u8]) -> Option<(Severity, Range<usize>)> {
    // Telegraf's letters: `I!`, `W!`, `E!`, `D!`.
    let telegraf = match token {
        b"D!" => Some(Severity::Debug),
        b"I!" => Some(Severity::Info),
        b"W!" => Some(Severity::Warn),
        b"E!" => Some(Severity::Error),
        _ => None,
    };
    if let Some(severity) = telegraf {
        return Some((severity, 0..1));
    }
    // Cheap rejection of what most header tokens are (numbers, dates, short marks): a level word
    // is at least three bytes and starts with a letter, bare, bracketed or after `level=`/`lvl=`.
    match token {
        [first, _, _, ..]
            if first.is_ascii_alphabetic() || matches!(first, b'[' | b'<' | b'(' | b'{') => {}
        _ => return None,
    }
    let (word, offset, decorated) = if let Some(eq) = token.iter().position(|&b| b == b'=') {
        let key = &token[..eq];
        if !(key.eq_ignore_ascii_case(b"level") || key.eq_ignore_ascii_case(b"lvl")) {
            return None;
        }
        let mut start = eq + 1;
        if token.get(start) == Some(&b'"') {
            start += 1;
        }
        let value = &token[start.min(token.len())..];
        let value = value.strip_suffix(b"\"").unwrap_or(value);
        (value, start, true)
    } else {
        let (inner, offset, bracketed) = match token {
            [b'[', inner @ .., b']']
            | [b'<', inner @ .., b'>']
            | [b'(', inner @ .., b')']
            | [b'{', inner @ .., b'}'] => (inner, 1, true),
            [b'[', inner @ .., b']', b':'] => (inner, 1, true),
            _ => (token, 0, false),
        };
        match inner {
            [word @ .., b':'] => (word, offset, true),
            _ => (inner, offset, bracketed),
        }
    };
    if word.len() < 3 || word.len() > LONGEST_LEVEL_WORD || !word[0].is_ascii_alphabetic() {
        return None;
    }
    if !decorated && !word.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    level_word(word).map(|severity| (severity, offset..offset + word.len()))
}

/// Topics joined by commas, lower-case letters only, one of them a level word (`dhcp,info`,
/// `system,error,critical`, RouterOS's): that word's severity and range (the first such word).
fn topics_level(token: &[u8]) -> Option<(Severity, Range<usize>)> {
    if !token.contains(&b',')
        || !token.iter().all(|&b| b.is_ascii_lowercase() || b == b',')
        || token.starts_with(b",")
        || token.ends_with(b",")
    {
        return None;
    }
    let mut start = 0;
    for topic in token.split(|&b| b == b',') {
        // Four letters or more: `log` is a topic of its own.
        if let Some(severity) = (topic.len() >= 4).then(|| level_word(topic)).flatten() {
            return Some((severity, start..start + topic.len()));
        }
        start += topic.len() + 1;
    }
    None
}

/// `Info`, `Warning`, `Error`: a level word with only its first letter capitalised.
fn capitalised_level(token: &[u8]) -> Option<(Severity, Range<usize>)> {
    let word = token.strip_suffix(b",").unwrap_or(token);
    let capitalised = word.first().is_some_and(u8::is_ascii_uppercase)
        && word[1..].iter().all(u8::is_ascii_lowercase);
    // `Log rotation complete`, `Verbose output on`: words that are levels only in capitals.
    if !capitalised || word.eq_ignore_ascii_case(b"log") || word.eq_ignore_ascii_case(b"verbose") {
        return None;
    }
    level_of(&word.to_ascii_uppercase()).map(|(severity, _)| (severity, 0..word.len()))
}

/// Tornado's and Jupyter's `[I 2026-12-17 07:25:32.583 JupyterHub log:192] message` (and
/// `[W 07:25:32.583 NotebookApp] message`): a level letter, a timestamp and the application in
/// one bracket.
fn detect_tornado(scan: &[u8], pos: usize) -> Option<Header> {
    if scan.get(pos) != Some(&b'[') || scan.get(pos + 2) != Some(&b' ') {
        return None;
    }
    let (severity, _) = letter_level(scan.get(pos + 1..pos + 2)?)?;
    let start = pos + 3;
    let end = match_timestamp(scan, start)?;
    let close = end + scan[end..].iter().take(128).position(|&b| b == b']')?;
    if scan[end..close].contains(&b'[') {
        return None;
    }
    Some(Header {
        timestamp: Some(start..end),
        level: Some(severity),
        level_text: Some(pos + 1..pos + 2),
        body_start: skip_spaces(scan, close + 1),
        after_level: None,
        level_slot: None,
        program: None,
    })
}

/// The shapes of [`detect`] that open with a letter or a `[`: logrus on a terminal, a level and
/// a location in one bracket, Go's `log` with a prefix.
#[inline(never)]
fn detect_lettered(line: &[u8], scan: &[u8], pos: usize) -> Option<Header> {
    detect_logrus_terminal(scan, pos)
        .or_else(|| detect_level_pipe_location(line, scan, pos))
        .or_else(|| detect_go_log_prefix(line, scan, pos))
}

/// Bytes of a line read for a record of fields in angle brackets (WebLogic's thread names and
/// attributes make its header longer than [`SCAN_LIMIT`]).
const ANGLE_RECORD_LIMIT: usize = 1024;
/// Fields in angle brackets, at least, that make a record of them.
const MIN_ANGLE_FIELDS: usize = 5;

/// A record of fields in angle brackets, each after a space (`####<Mar 14, 2026 7:05:34,126 AM
/// UTC> <Warning> <Security> <host> <server> <thread> <<user>> … <BEA-090898> <message>`,
/// WebLogic's): the first holds the time, the second the level; the message is the last field
/// (from its id, `<BEA-090898>`, when one comes before it). Fields nest (`<<WLS Kernel>>`).
fn detect_angle_record(line: &[u8], pos: usize) -> Option<Header> {
    let scan = &line[..line.len().min(ANGLE_RECORD_LIMIT)];
    let mut start = pos
        + scan[pos..]
            .iter()
            .take(4)
            .take_while(|&&b| b == b'#')
            .count();
    let mut fields: Vec<Range<usize>> = Vec::new();
    while scan.get(start) == Some(&b'<') {
        let mut depth = 0usize;
        let close = scan[start..].iter().position(|&b| {
            match b {
                b'<' => depth += 1,
                b'>' => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth == 0
        })?;
        let end = start + close + 1;
        fields.push(start..end);
        if scan.get(end) != Some(&b' ') || scan.get(end + 1) != Some(&b'<') {
            break;
        }
        start = end + 1;
    }
    if fields.len() < MIN_ANGLE_FIELDS {
        return None;
    }
    let inner = |r: &Range<usize>| &scan[r.start + 1..r.end - 1];
    let first = inner(&fields[0]);
    let time_end = match_timestamp(first, 0)?;
    let level_range = fields[1].start + 1..fields[1].end - 1;
    let severity = level_word(&scan[level_range.clone()])?;
    // The message: the last field when it runs to the line's end, else what follows the fields.
    let last = fields.len() - 1;
    let runs_to_end = fields[last].end >= line.trim_ascii_end().len();
    let mut message = if runs_to_end {
        fields[last].start
    } else {
        skip_spaces(line, fields[last].end)
    };
    // Its id just before it (`<BEA-090898>`: letters, a dash, digits) is the message's.
    let id_at = if runs_to_end {
        last.checked_sub(1)
    } else {
        Some(last)
    };
    if let Some(id) = id_at.filter(|&i| i >= 2)
        && is_message_id(inner(&fields[id]))
    {
        message = fields[id].start;
    }
    Some(Header {
        timestamp: Some(fields[0].start + 1..fields[0].start + 1 + time_end),
        level: Some(severity),
        level_text: Some(level_range),
        body_start: message,
        after_level: None,
        level_slot: None,
        program: None,
    })
}

/// `BEA-090898`, `WLS-000365`: a message catalogue's id, upper-case letters, a dash and digits.
fn is_message_id(text: &[u8]) -> bool {
    let Some(dash) = text.iter().position(|&b| b == b'-') else {
        return false;
    };
    dash >= 2
        && text[..dash].iter().all(u8::is_ascii_uppercase)
        && text.len() > dash + 1
        && text[dash + 1..].iter().all(u8::is_ascii_digit)
}

/// logrus' text format on a terminal (`docker run -t`): `INFO[0042] message  key=value`, the
/// level cut to four letters and glued to the seconds since start (or the time, with
/// `FullTimestamp`) in brackets.
fn detect_logrus_terminal(scan: &[u8], pos: usize) -> Option<Header> {
    let word = scan.get(pos..pos + 4)?;
    let severity = match word {
        b"INFO" => Severity::Info,
        b"WARN" => Severity::Warn,
        b"ERRO" => Severity::Error,
        b"DEBU" | b"TRAC" => Severity::Debug,
        b"FATA" | b"PANI" => Severity::Fatal,
        _ => return None,
    };
    let open = literal(scan, pos + 4, b'[')?;
    let close = open + scan[open..].iter().take(40).position(|&b| b == b']')?;
    let stamp = &scan[open..close];
    if stamp.is_empty() || !stamp[0].is_ascii_digit() || stamp.contains(&b' ') {
        return None;
    }
    Some(Header {
        timestamp: Some(open..close),
        level: Some(severity),
        level_text: Some(pos..pos + 4),
        body_start: skip_spaces(scan, close + 1),
        after_level: None,
        level_slot: None,
        program: None,
    })
}

/// Hugging Face `transformers`' explicit format (its example scripts, `Trainer` runs):
/// `[INFO|trainer.py:2093] 2026-12-17 10:00:00,123 >> message`, the level and the call site in
/// one bracket, then the time and `>>`.
fn detect_level_pipe_location(line: &[u8], scan: &[u8], pos: usize) -> Option<Header> {
    if scan.get(pos) != Some(&b'[') {
        return None;
    }
    let pipe = pos + 1 + scan[pos + 1..].iter().take(10).position(|&b| b == b'|')?;
    let severity = level_word(&scan[pos + 1..pipe])?;
    let close = pipe + scan[pipe..].iter().take(128).position(|&b| b == b']')?;
    if scan[pipe..close].contains(&b' ') {
        return None;
    }
    let mut cursor = skip_spaces(scan, close + 1);
    let mut timestamp = None;
    if let Some(end) = match_timestamp(scan, cursor) {
        timestamp = Some(cursor..end);
        cursor = skip_spaces(scan, end);
    }
    if scan.get(cursor..cursor + 3) == Some(b">> ") {
        cursor += 3;
    }
    Some(Header {
        timestamp,
        level: Some(severity),
        level_text: Some(pos + 1..pipe),
        body_start: skip_spaces(line, cursor),
        after_level: None,
        level_slot: None,
        program: None,
    })
}

/// Go's `log` package with a prefix (`log.New(os.Stderr, "myapp: ", log.LstdFlags)`):
/// `myapp: 2026/12/17 10:00:00 message`, or `[myapp] 2026/12/17 …`. A name, then a timestamp:
/// the line goes on as one that opened with the timestamp.
fn detect_go_log_prefix(line: &[u8], scan: &[u8], pos: usize) -> Option<Header> {
    // One bounded pass over the name: `[name] ` or `name: `.
    let bracketed = scan.get(pos) == Some(&b'[');
    let name_start = pos + usize::from(bracketed);
    let name_len = scan[name_start..]
        .iter()
        .take(33)
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        .count();
    let name = &scan[name_start..name_start + name_len];
    let closer = if bracketed { b']' } else { b':' };
    if name.is_empty()
        || name.len() > 32
        || !name[0].is_ascii_alphabetic()
        || scan.get(name_start + name_len) != Some(&closer)
        || scan.get(name_start + name_len + 1) != Some(&b' ')
        || level_word(name).is_some()
    {
        return None;
    }
    let end = name_start + name_len + 1;
    let start = end + 1;
    match_timestamp(scan, start)?;
    let mut header = detect(&line[start..]);
    header.shift(start);
    Some(header)
}

/// The end of a group of ids at `pos` glued to the group before it (`[1037.1]`, `[12345]`, a
/// pid and a thread's number): no space, a digit, no level word inside, followed by a space or
/// another group.
fn glued_id_group_end(scan: &[u8], pos: usize) -> Option<usize> {
    let closer = closer_of(*scan.get(pos)?)?;
    let len = scan[pos + 1..]
        .iter()
        .take(MAX_GLUED_ID)
        .position(|&b| b == closer)?;
    let inner = &scan[pos + 1..pos + 1 + len];
    let end = pos + len + 2;
    (!inner.is_empty()
        && inner.iter().any(u8::is_ascii_digit)
        && inner.iter().all(|&b| {
            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b':' | b'/' | b'#')
        })
        && level_word(inner).is_none()
        && matches!(
            scan.get(end),
            Some(b' ' | b'\t' | b'[' | b'(' | b'{' | b'<')
        ))
    .then_some(end)
}

/// Longest group [`glued_id_group_end`] reads.
const MAX_GLUED_ID: usize = 40;

/// Longest field [`detect_field_before_time`] takes before a time.
const MAX_FIELD_BEFORE_TIME: usize = 48;

/// One field before the time (`(1037)<TAB>2026-03-14T10:00:00Z …`, `(NET) ; 10:00:00.000 ; INFO
/// ; …`, `admin | 2026/03/14 10:00:00 | …`): a pid, a component or a user some layouts write
/// first. It is header, set apart by spaces or a tab, or by a `;`, `|` or `-` between them; the
/// line goes on as one that opened with the time (bare or in brackets).
fn detect_field_before_time(line: &[u8], scan: &[u8], pos: usize) -> Option<Header> {
    // The field's own checks first: they rule out most lines before any time is matched.
    let end = token_end(scan, pos)?;
    if end == pos
        || end - pos > MAX_FIELD_BEFORE_TIME
        || !matches!(scan.get(end), Some(b' ' | b'\t'))
    {
        return None;
    }
    let field = &scan[pos..end];
    // One group (`(1037)`, `<main>`; not glued ones, `[42563]{203670}[-1/-1]`, a record's).
    let grouped = field.len() >= 3
        && closer_of(field[0])
            .is_some_and(|closer| field.iter().position(|&b| b == closer) == Some(field.len() - 1));
    let mut start = skip_spaces(scan, end);
    let mut marked = scan.get(end) == Some(&b'\t');
    if matches!(scan.get(start), Some(b';' | b'|' | b'-'))
        && matches!(scan.get(start + 1), Some(b' ' | b'\t'))
    {
        start = skip_spaces(scan, start + 1);
        marked = true;
    }
    // A word before the time, set apart by a space only, may be a message's (`Started
    // 2026-03-14 …`); a group or a separator says it is a field. A level there (`(Info)`,
    // `<W>`, qBittorrent's `(N)`) is left to the shapes and the learner that read a line's
    // level.
    let inner = if grouped {
        &field[1..field.len() - 1]
    } else {
        field
    };
    let tag = field_tag(field);
    if (!grouped && !marked && tag.is_none())
        || (inner.len() == 1 && inner[0].is_ascii_alphabetic())
        || level_word(inner.trim_ascii()).is_some()
    {
        return None;
    }
    // A time with its clock: a date alone may be a record's column (`4 | 03/14/2026 | …`, beside
    // `5 | Pre-Init | …`).
    let from = start + usize::from(scan.get(start).and_then(|&b| closer_of(b)).is_some());
    if !match_timestamp(scan, from).is_some_and(|end| scan[from..end].contains(&b':'))
        || match_timestamp(scan, pos).is_some()
    {
        return None;
    }
    let mut header = detect(&line[start..]);
    header.shift(start);
    match tag {
        Some(FieldTag::Level(at)) if header.level.is_none() => {
            header.level = level_word(&field[at..]);
            header.level_text = Some(pos + at..end);
            // The program was named before the time: a name closed by a colon after it is the
            // message's (`MQTT publish: topic …`).
            if let Some(program) = header.program.take() {
                header.body_start = program.start;
            }
        }
        Some(FieldTag::Role) => {
            // Redis's level marks right after the time: `.` debug, `-` verbose, `*` notice, `#`
            // warning. The words after one are the message's (`# WARNING: overcommit_memory
            // is set to 0!`).
            let mark = skip_spaces(line, header.timestamp.as_ref().map_or(start, |t| t.end));
            let severity = match line.get(mark..mark + 2) {
                Some(b". " | b"- ") => Some(Severity::Debug),
                Some(b"* ") => Some(Severity::Info),
                Some(b"# ") => Some(Severity::Warn),
                _ => None,
            };
            if let Some(severity) = severity {
                header = Header {
                    timestamp: header.timestamp,
                    level: Some(severity),
                    level_text: Some(mark..mark + 1),
                    body_start: skip_spaces(line, mark + 1),
                    ..Header::default()
                };
            }
        }
        _ => {}
    }
    Some(header)
}

/// What a field before the time that no group or separator sets apart says of itself (see
/// [`field_tag`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldTag {
    /// A process's id and its role (`1:M`).
    Role,
    /// A program's name and the line's level, the level from this offset (`Zigbee2MQTT:info`).
    Level(usize),
}

/// A field before the time joined by a colon as no message's first word is: a process's id and
/// its role in one capital letter (`1:M 14 Mar 2026 10:00:00.123 * msg`, Redis's: `M` primary,
/// `S` replica, `C` a child writing a snapshot, `X` a sentinel), or a program's name and the
/// line's level (`Zigbee2MQTT:info  2026-03-14 10:00:00: msg`).
fn field_tag(field: &[u8]) -> Option<FieldTag> {
    let colon = field.iter().position(|&b| b == b':')?;
    let (name, tag) = (&field[..colon], &field[colon + 1..]);
    if !name.is_empty() && name.iter().all(u8::is_ascii_digit) {
        return matches!(tag, [b'A'..=b'Z']).then_some(FieldTag::Role);
    }
    let named = name.first().is_some_and(u8::is_ascii_alphabetic)
        && name
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    (named && level_word(tag).is_some()).then_some(FieldTag::Level(colon + 1))
}

/// `<0.4084.0>@vmq_mqtt_fsm:connected:306`, `<0.7623.0>@ejabberd_listener:accept/7:339`: an
/// Erlang process id, `@`, a module, a function (maybe with its arity) and a line.
fn is_erlang_call_site(token: &[u8]) -> bool {
    if token.first() != Some(&b'<') {
        return false;
    }
    let Some(at) = token.iter().position(|&b| b == b'@') else {
        return false;
    };
    let (pid, site) = (&token[..at], &token[at + 1..]);
    let pid_ok = pid.len() >= 7
        && pid.ends_with(b">")
        && pid[1..pid.len() - 1]
            .split(|&b| b == b'.')
            .enumerate()
            .all(|(i, part)| i < 3 && !part.is_empty() && part.iter().all(u8::is_ascii_digit))
        && pid.iter().filter(|&&b| b == b'.').count() == 2;
    let parts: Vec<&[u8]> = site.split(|&b| b == b':').collect();
    pid_ok
        && parts.len() == 3
        && parts[0].first().is_some_and(u8::is_ascii_lowercase)
        && parts[0]
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'_')
        && !parts[1].is_empty()
        && parts[1]
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'/' | b'-'))
        && !parts[2].is_empty()
        && parts[2].iter().all(u8::is_ascii_digit)
}

/// The end of an Erlang process id `<0.1234.0>` at `start` (followed by a space).
fn erlang_pid_end(scan: &[u8], start: usize) -> Option<usize> {
    let mut p = literal(scan, start, b'<')?;
    for part in 0..3 {
        p = digits(scan, p, 1, 10)?;
        p = literal(scan, p, if part < 2 { b'.' } else { b'>' })?;
    }
    (scan.get(p) == Some(&b' ')).then_some(p)
}

/// Whether `token` (`ALERT:`, `NOTIFICATION:`, `Error:`) ends a phrase after a word in capitals
/// that names an event (`SERVICE ALERT:`, `EXTERNAL COMMAND:`, `SQL Error:`) rather than being
/// a level after a header field in capitals. A capitalised word after an acronym is such a
/// phrase; a word in capitals is when the word before has four capitals or more (not a time
/// zone such as `UTC` or `PST`, nor `AM`/`PM`) and it is not a level a header writes that way
/// (`CEST ERROR:`, `MAIN INFO:` keep their level). `ALERT`, `EMERGENCY` and their kin are levels
/// by name but nouns in such phrases.
pub(crate) fn ends_a_capitals_phrase(previous: &[u8], token: &[u8]) -> bool {
    let Some(word) = token.strip_suffix(b":") else {
        return false;
    };
    let capitals = |t: &[u8]| t.len() >= 2 && t.iter().all(u8::is_ascii_uppercase);
    if !capitals(previous) || matches!(previous, b"AM" | b"PM") {
        return false;
    }
    // `SQL Error:`, `HTTP Warning:`: a capitalised word after an acronym is a phrase; headers
    // write their levels in capitals or in lower case.
    let capitalised = word.len() >= 2
        && word[0].is_ascii_uppercase()
        && word[1..].iter().all(u8::is_ascii_lowercase);
    if capitalised {
        return true;
    }
    if previous.len() < 4 || !capitals(word) {
        return false;
    }
    let noun = matches!(word, b"ALERT" | b"EMERG" | b"EMERGENCY" | b"FAILURE");
    noun || level_word(word).is_none()
}

/// Ruby's `Logger`: `I, [2024-05-01T10:00:00.123456 #1234]  INFO -- progname: message` (the
/// program name may be empty: `-- : message`).
fn detect_ruby_logger(scan: &[u8], pos: usize) -> Option<Header> {
    letter_level(scan.get(pos..pos + 1)?)?;
    let start = literal(scan, literal(scan, pos + 1, b',')?, b' ')?;
    let start = literal(scan, start, b'[')?;
    let end = match_timestamp(scan, start)?;
    let p = literal(scan, literal(scan, end, b' ')?, b'#')?;
    let p = literal(scan, digits(scan, p, 1, 10)?, b']')?;
    let word = skip_spaces(scan, p);
    let word_end = token_end(scan, word)?;
    let severity = level_word(&scan[word..word_end])?;
    let dashes = skip_spaces(scan, word_end);
    if scan.get(dashes..dashes + 3) != Some(b"-- ") {
        return None;
    }
    let colon = dashes
        + 3
        + scan[dashes + 3..]
            .iter()
            .take(128)
            .position(|&b| b == b':')?;
    if scan[dashes + 3..colon].contains(&b' ') || scan.get(colon + 1) != Some(&b' ') {
        return None;
    }
    Some(Header {
        timestamp: Some(start..end),
        level: Some(severity),
        level_text: Some(word..word_end),
        body_start: skip_spaces(scan, colon + 1),
        after_level: None,
        level_slot: None,
        program: None,
    })
}

/// .NET's console logger, simple format on one line: `info: Shop.Api.Orders[14] message`
/// (after a timestamp when one is configured). Its four-letter levels are its own. The category
/// and event id stay the message's: they name the call site, one per event.
fn detect_dotnet_console(scan: &[u8], pos: usize) -> Option<Header> {
    // One byte rules out nearly every line: the level's colon.
    if scan.get(pos + 4) != Some(&b':') {
        return None;
    }
    let severity = match scan.get(pos..pos + 6)? {
        b"trce: " | b"dbug: " => Severity::Debug,
        b"info: " => Severity::Info,
        b"warn: " => Severity::Warn,
        b"fail: " => Severity::Error,
        b"crit: " => Severity::Fatal,
        _ => return None,
    };
    // The category and its event id: `Microsoft.Hosting.Lifetime[14]`.
    let category = pos + 6;
    let end = token_end(scan, category)?;
    let token = scan[category..end].strip_suffix(b"]")?;
    let open = token.iter().position(|&b| b == b'[')?;
    let (name, id) = (&token[..open], &token[open + 1..]);
    let well_formed = name.first().is_some_and(u8::is_ascii_alphabetic)
        && name
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'`'))
        && !id.is_empty()
        && id.iter().all(u8::is_ascii_digit);
    well_formed.then(|| Header {
        timestamp: None,
        level: Some(severity),
        level_text: Some(pos..pos + 4),
        body_start: category,
        after_level: None,
        level_slot: None,
        program: None,
    })
}

/// Single-letter levels of Android logcat and glog.
pub(crate) fn letter_level(token: &[u8]) -> Option<(Severity, Range<usize>)> {
    let severity = match token {
        b"V" | b"D" => Severity::Debug,
        b"I" => Severity::Info,
        b"W" => Severity::Warn,
        b"E" => Severity::Error,
        b"F" | b"A" => Severity::Fatal,
        _ => return None,
    };
    Some((severity, 0..1))
}

/// `logid:d57df9bf)`: a key of letters, a colon and a value of letters, digits and dashes,
/// closed by a parenthesis (a call site's `File.java:178)` is none).
fn keyed_context(rest: &[u8]) -> bool {
    let key = rest
        .iter()
        .take(16)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let value = rest
        .get(key + 1..)
        .unwrap_or_default()
        .iter()
        .take(64)
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-')
        .count();
    key > 0 && rest.get(key) == Some(&b':') && value > 0 && rest.get(key + 1 + value) == Some(&b')')
}

/// npm's levels (npmlog's, in lower case) at `pos`: the severity and the word's range.
fn npm_level(scan: &[u8], pos: usize) -> Option<(Severity, Range<usize>)> {
    // Each opens with its own letter: one comparison turns most words away.
    let (word, severity): (&[u8], Severity) = match scan.get(pos)? {
        b's' => (b"silly", Severity::Debug),
        b'v' => (b"verbose", Severity::Debug),
        b't' => (b"timing", Severity::Debug),
        b'h' => (b"http", Severity::Info),
        b'i' => (b"info", Severity::Info),
        b'n' => (b"notice", Severity::Info),
        b'w' => (b"warn", Severity::Warn),
        b'e' => (b"error", Severity::Error),
        _ => return None,
    };
    scan[pos..]
        .starts_with(word)
        .then_some((severity, pos..pos + word.len()))
}

/// `D/nsHttp msg` (Firefox's `MOZ_LOG`), `I/ActivityManager(  585): msg` (logcat's brief
/// format): a level's letter, a slash and the module or tag, perhaps a pid in parentheses and a
/// colon. The level's severity and range, and where the message starts (before its spaces).
fn slashed_level(scan: &[u8], pos: usize) -> Option<(Severity, Range<usize>, usize)> {
    let (severity, _) = letter_level(scan.get(pos..pos + 1)?)?;
    if scan.get(pos + 1) != Some(&b'/') || !scan.get(pos + 2)?.is_ascii_alphabetic() {
        return None;
    }
    let name = pos
        + 2
        + scan[pos + 2..]
            .iter()
            .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'$' | b'-'))
            .count();
    // A module's or tag's name, not a word's second half (`I/O`, `D/A`).
    if name - pos - 2 < 3 {
        return None;
    }
    let mut end = name;
    if scan.get(end) == Some(&b'(') {
        let pid = skip_spaces(scan, end + 1);
        end = literal(scan, digits(scan, pid, 1, 10)?, b')')?;
    }
    if scan.get(end) == Some(&b':') {
        end += 1;
    }
    matches!(scan.get(end), Some(b' ' | b'\t')).then_some((severity, pos..pos + 1, end))
}

/// Where the message starts after a thread's id in hex (eight to sixteen digits, a letter among
/// them) and a debug level of one or two digits (`-1` too), each followed by spaces:
/// `7f2c17ff7640  1 msg`, `7f2c17ff7640 -1 msg`, Ceph's daemons.
fn thread_and_debug_level(scan: &[u8], pos: usize) -> Option<usize> {
    // The eighth byte is still the id's (most messages' first words are shorter, or no hex).
    if !scan.get(pos + 7)?.is_ascii_hexdigit() {
        return None;
    }
    let hex = scan[pos..]
        .iter()
        .take(17)
        .take_while(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        .count();
    if !(8..=16).contains(&hex) || !scan[pos..pos + hex].iter().any(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut at = pos + hex;
    if scan.get(at) != Some(&b' ') {
        return None;
    }
    at = skip_spaces(scan, at);
    if scan.get(at) == Some(&b'-') {
        at += 1;
    }
    let end = digits(scan, at, 1, 2)?;
    (scan.get(end) == Some(&b' ')).then_some(end)
}

/// Where the message starts after two ids and a component's name, each followed by spaces, one
/// of them padded to its column (two spaces or more): `3140  7980  Agent           msg`,
/// `10236 10412 ComApi          msg`. The name opens with a capital and holds letters and
/// digits only; a message rarely opens with two bare numbers, and never so padded.
fn padded_ids_and_component(scan: &[u8], pos: usize) -> Option<usize> {
    let mut padded = false;
    let mut at = pos;
    for _ in 0..2 {
        let end = digits(scan, at, 1, 6).filter(|&end| scan.get(end) == Some(&b' '))?;
        at = skip_spaces(scan, end);
        padded |= at - end >= 2;
    }
    if !scan.get(at)?.is_ascii_uppercase() {
        return None;
    }
    let end = at
        + scan[at..]
            .iter()
            .take(25)
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
    if !(2..=24).contains(&(end - at)) || scan.get(end) != Some(&b' ') {
        return None;
    }
    let body = skip_spaces(scan, end);
    (padded || body - end >= 2).then_some(end)
}

/// glog / klog: `I0325 12:00:01.123456    1 controller.go:123] msg`.
fn detect_glog(scan: &[u8], pos: usize) -> Option<Header> {
    let (severity, _) = letter_level(scan.get(pos..pos + 1)?)?;
    // `MMDD`, or `YYYYMMDD` (glog 0.7's default and absl's: `I20260314 08:40:46.964669`).
    let p = digits(scan, pos + 1, 4, 8).filter(|&p| matches!(p - pos - 1, 4 | 8))?;
    let p = literal(scan, p, b' ')?;
    let end = clock(scan, p, b':')?;
    let mut cursor = skip_spaces(scan, end);
    cursor = digits(scan, cursor, 1, 10).unwrap_or(cursor);
    let start = skip_spaces(scan, cursor);
    let token_end = token_end(scan, start)?;
    if !scan[start..token_end].ends_with(b"]") {
        return None;
    }
    Some(Header {
        timestamp: Some(pos + 1..end),
        level: Some(severity),
        level_text: Some(pos..pos + 1),
        body_start: skip_spaces(scan, token_end),
        after_level: None,
        level_slot: None,
        program: None,
    })
}

/// Common and combined access logs (nginx, Apache, most HTTP servers): `host ident user
/// [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 …`. Host, ident and user are attributes of
/// the request; the message starts at the request.
fn detect_access_log(line: &[u8], scan: &[u8], pos: usize) -> Option<Header> {
    // Cheap test first: the first token is a host or address (holds `.` or `:`).
    let first = &scan[pos..];
    let first = &first[..first.iter().take(64).position(|&b| b == b' ')?];
    if !first.iter().any(|&b| b == b'.' || b == b':') {
        return None;
    }
    // And a `[dd/` after a space within the first 200 bytes: one `memchr` pass rules out the
    // lines that open with an address but are no access log.
    let window = &scan[pos..scan.len().min(pos + 200)];
    let dated = memchr::memchr_iter(b'[', window).any(|at| {
        at > 0
            && window[at - 1] == b' '
            && window
                .get(at + 1..at + 4)
                .is_some_and(|d| d[0].is_ascii_digit() && d[1].is_ascii_digit() && d[2] == b'/')
    });
    if !dated {
        return None;
    }
    let mut cursor = pos;
    for i in 0..3 {
        let start = skip_spaces(scan, cursor);
        let end = token_end(scan, start)?;
        let token = &scan[start..end];
        if token.is_empty()
            || token[0] == b'['
            || (i == 0 && !token.iter().any(|b| matches!(b, b'.' | b':')))
        {
            return None;
        }
        cursor = end;
    }
    let start = skip_spaces(scan, cursor);
    let end = token_end(scan, start)?;
    let group = &scan[start..end];
    let inner = group.strip_prefix(b"[")?.strip_suffix(b"]")?;
    // `dd/Mon/yyyy:hh:mm:ss zone`
    let date_ok = inner.len() >= 20
        && inner.get(2) == Some(&b'/')
        && inner.get(6) == Some(&b'/')
        && inner.get(11) == Some(&b':')
        && inner[..2].iter().all(u8::is_ascii_digit);
    if !date_ok {
        return None;
    }
    Some(Header {
        timestamp: Some(start + 1..end - 1),
        level: None,
        level_text: None,
        body_start: skip_spaces(line, end),
        after_level: None,
        level_slot: None,
        program: None,
    })
}

/// Where the request starts when `body` (a message behind another header: a runtime's time, a
/// syslog program) opens with an access log's host, ident, user and date, as a line opening
/// with them would have it; `None` when it does not.
pub(crate) fn access_log_request(body: &[u8]) -> Option<usize> {
    let scan = &body[..body.len().min(SCAN_LIMIT)];
    behind_a_header(scan, 0)
        .then(|| detect_access_log(body, scan, 0))
        .flatten()
        .map(|header| header.body_start)
}

/// [`access_log_request`], or the same behind one field the header left to the message (a
/// request log's logger, `INFO Server: 10.0.0.7 - bob [date] "GET / HTTP/1.1" 200 …`; Fluentd's
/// worker, `#0`): the request is the message either way.
pub(crate) fn request_of_access_log(body: &[u8]) -> Option<usize> {
    access_log_request(body).or_else(|| {
        let field_end = memchr::memchr(b' ', &body[..body.len().min(48)])?;
        let rest = skip_spaces(body, field_end);
        (field_end > 0)
            .then(|| access_log_request(&body[rest..]))
            .flatten()
            .map(|request| rest + request)
    })
}

/// A cheap first test for an access log behind another header: its host, then ` - ` (the
/// ident such a log nearly always leaves empty).
fn behind_a_header(scan: &[u8], pos: usize) -> bool {
    let rest = scan.get(pos..).unwrap_or_default();
    memchr::memchr(b' ', &rest[..rest.len().min(64)])
        .is_some_and(|space| rest[space..].starts_with(b" - "))
}

/// Python's default `logging.basicConfig` format: `LEVEL:logger.name:message`.
fn detect_python_default(line: &[u8], scan: &[u8], pos: usize) -> Option<Header> {
    if !scan.get(pos)?.is_ascii_uppercase() {
        return None;
    }
    let colon = pos + scan[pos..].iter().take(10).position(|&b| b == b':')?;
    // Padded to a column or not (`INFO :`, Jetty's `%-5p`).
    let word = scan[pos..colon].trim_ascii_end();
    if word.len() < 4 || !word.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    let severity = level_word(word)?;
    let name_start = colon + 1;
    let name_len = scan[name_start..]
        .iter()
        .take(128)
        .position(|&b| b == b':')?;
    let name = &scan[name_start..name_start + name_len];
    if name.is_empty()
        || !name
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
    {
        return None;
    }
    Some(Header {
        timestamp: None,
        level: Some(severity),
        level_text: Some(pos..pos + word.len()),
        body_start: skip_spaces(line, name_start + name_len + 1),
        after_level: None,
        level_slot: None,
        program: None,
    })
}

/// Syslog with its priority: RFC 5424 `<165>1 2003-10-11T22:14:15.003Z host app procid msgid
/// [sd] msg` is cut after the structured data; RFC 3164 `<34>Oct 11 22:14:15 host prog[pid]: msg`
/// loses the priority and goes on as a syslog line. The level is the priority's severity.
fn detect_syslog_priority(line: &[u8], scan: &[u8], pos: usize) -> Option<Header> {
    let p = literal(scan, pos, b'<')?;
    let digits_end = digits(scan, p, 1, 3)?;
    let after = literal(scan, digits_end, b'>')?;
    let level = match digit_test(scan, p, digits_end - p, DigitTest::Severity) {
        0..=2 => Severity::Fatal,
        3 => Severity::Error,
        4 => Severity::Warn,
        5 | 6 => Severity::Info,
        _ => Severity::Debug,
    };
    if scan.get(after).is_some_and(u8::is_ascii_digit)
        && digit_test(scan, after, 1, DigitTest::One) == 1
        && scan.get(after + 1) == Some(&b' ')
    {
        // RFC 5424: timestamp, host, app, procid and msgid, then `-` or `[sd]` groups.
        let mut cursor = after + 2;
        let timestamp_start = cursor;
        for _ in 0..5 {
            let start = skip_spaces(scan, cursor);
            cursor = token_end(scan, start)?;
        }
        let timestamp_end = scan[timestamp_start..]
            .iter()
            .position(|&b| b == b' ')
            .map_or(timestamp_start, |n| timestamp_start + n);
        loop {
            let start = skip_spaces(scan, cursor);
            match scan.get(start) {
                Some(b'[') => cursor = token_end(scan, start)?,
                Some(b'-') if matches!(scan.get(start + 1), None | Some(b' ')) => {
                    cursor = start + 1;
                    break;
                }
                _ => break,
            }
        }
        return Some(Header {
            timestamp: Some(timestamp_start..timestamp_end),
            level: Some(level),
            level_text: Some(p..digits_end),
            body_start: skip_spaces(line, cursor),
            after_level: None,
            level_slot: None,
            program: None,
        });
    }
    // One priority only: another opening the rest (`<1><1><1>…`) is the message's, and the
    // rest is read once, not once per priority.
    if line.get(after) == Some(&b'<') {
        return Some(Header {
            timestamp: None,
            level: Some(level),
            level_text: Some(p..digits_end),
            body_start: after,
            after_level: None,
            level_slot: None,
            program: None,
        });
    }
    let mut header = detect(&line[after..]);
    header.shift(after);
    header.level = header.level.or(Some(level));
    Some(header)
}

/// A level word in lower case with a colon (`panic:`, `error:`, `fatal:`) is how a message says
/// what it is (Go's `panic: ...`, a tool's `error: ...`): it gives the severity and stays the
/// message's first word. Header fields are written upper case or bracketed.
fn opens_message(token: &[u8]) -> bool {
    token.ends_with(b":")
        && token.len() > 1
        && token[..token.len() - 1].iter().all(u8::is_ascii_lowercase)
}

/// After the level: `[thread]` groups, one `logger.Name:` token, a `-` separator. Returns where
/// the groups and the logger begin, and where the body starts.
fn skip_after_level(line: &[u8], scan: &[u8], mut pos: usize, tagged: bool) -> (AfterLevel, usize) {
    // nginx's error log: `[error] 1037#1111: *5892 …`, the worker's pid and thread, then the
    // connection's number when there is one. Spring Boot's: `INFO 1111 --- [app] [main]
    // c.a.Worker : …`, the pid, its dashes, the application and thread, the logger and a colon.
    let start = skip_spaces(scan, pos);
    // Fluentd's: `[info]: #0 [in_tail] msg`, the worker's number after a level closed by a colon.
    let worker = || {
        let p = literal(scan, start, b'#').filter(|_| scan[..pos].ends_with(b":"))?;
        digits(scan, p, 1, 3).filter(|&end| scan.get(end) == Some(&b' '))
    };
    if let Some(end) = nginx_worker_end(scan, start)
        .or_else(|| spring_boot_end(scan, start))
        .or_else(worker)
        .or_else(|| module_process_thread_end(scan, start))
    {
        let body = skip_spaces(line, end);
        let none = AfterLevel {
            groups: body,
            logger: body,
            logger_end: body,
            dashes: body,
            shape: 0,
        };
        return (none, body);
    }
    // A colon set apart after a level padded to its column (`Info   : msg`) separates. After one
    // space (`INFO : msg`) it is left to the source's learned layout, which also reads the lines
    // whose level the detector did not find.
    let at = skip_spaces(scan, pos);
    if at > pos + 1 && scan.get(at..at + 2) == Some(b": ") {
        pos = at + 1;
    }
    let groups = skip_spaces(line, pos);
    let mut had_thread = tagged;
    for group in 0..3 {
        let start = skip_spaces(scan, pos);
        // `[thread]`, or a thread in parentheses (`[logger] (executor-thread-1)`, Quarkus and
        // JBoss layouts); whether a source writes them as header its lines tell.
        // An Erlang process id (`<0.1234.0>`, RabbitMQ's and Elixir's `[info] <0.1234.0> …`).
        if group < 2
            && let Some(end) = erlang_pid_end(scan, start)
        {
            pos = end;
            had_thread = true;
            continue;
        }
        // A third group is a keyed context in parentheses only (`[c.c.a.ApiServlet]
        // (qtp-96:ctx-d57df9bf) (logid:d57df9bf)`, CloudStack's): a third in brackets is as
        // often the message's (`[node-1] [orders] creating index`).
        let closer = match scan.get(start) {
            Some(b'[') if group < 2 => b']',
            Some(b'(') if group < 2 || keyed_context(&scan[start + 1..]) => b')',
            _ => break,
        };
        // A quoted group is the message (`["new connection"] [conn=7]`, TiDB's and TiKV's
        // unified format): a thread's or logger's name is never quoted.
        if scan.get(start + 1) == Some(&b'"') {
            break;
        }
        let end = match closer {
            b')' => paren_group_end(scan, start),
            _ => glued_group_end(scan, start),
        };
        match end {
            // A group that ends the line is the message, written in brackets (ZoneMinder's
            // `INF [zmc_m1] [Front Door: 342000 - Capturing at 9.93 fps]`).
            Some(end) if skip_spaces(line, end) >= line.len() => break,
            Some(end) if scan.get(end - 1) == Some(&closer) || scan.get(end - 1) == Some(&b':') => {
                pos = end;
                had_thread = true;
            }
            _ => break,
        }
    }
    // A process's name glued to bracketed groups (`web[AYx3][o.s.s.p.ServerImpl]`, SonarQube's
    // process, request id and logger), or a Rust `tracing` thread name (`tokio-runtime-worker`,
    // `main`) before its own syntax (a `ThreadId(01)`, a span context, a `crate::module:`
    // target): header like a `[thread]` group. Both open with a lower-case letter.
    let start = skip_spaces(scan, pos);
    if scan.get(start).is_some_and(u8::is_ascii_lowercase) {
        // One pass over the name decides which it may be (most loggers end it at a `.`).
        let name_end = start
            + scan[start..]
                .iter()
                .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
                .count();
        let end = match scan.get(name_end) {
            Some(b' ') if tracing_thread_name(scan, name_end) => Some(name_end),
            Some(b'[') => token_end(scan, start)
                .filter(|&end| scan.get(end) == Some(&b' ') && glued_groups(&scan[start..end])),
            _ => None,
        };
        if let Some(end) = end {
            pos = end;
            had_thread = true;
        }
    }
    // Rust `tracing`: a `ThreadId(01)` token, then a span context (`outbound:proxy{addr=…}:`,
    // braces may hold spaces) before the target.
    let start = skip_spaces(scan, pos);
    if scan.get(start).is_some_and(u8::is_ascii_uppercase)
        && let Some(end) = thread_id_token(scan, start)
    {
        pos = end;
        had_thread = true;
    }
    let start = skip_spaces(scan, pos);
    // Braces, or a bare span name (`health:`; a dotted logger is none) that [`span_context`]
    // takes only before a target.
    let opens_a_span = token_end(scan, start).is_some_and(|end| {
        let token = &scan[start..end];
        token.contains(&b'{')
            || (token.ends_with(b":")
                && token[0].is_ascii_lowercase()
                && token[..token.len() - 1]
                    .iter()
                    .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b':')))
    });
    let mut groups = groups;
    if opens_a_span && let Some(end) = span_context(scan, start) {
        pos = end;
        had_thread = true;
        // A span context is `tracing`'s own syntax, never a message's words: header on every
        // line that has one, whatever share of the source's lines do (spans are entered by some
        // events only), so it is not left to the source's vote on groups.
        if start == groups {
            groups = skip_spaces(line, end);
        }
    }
    // A context word before a logger (`INFO acme_prod odoo.http: …`, Odoo's database, `?`
    // where none): a group of its own; whether the source writes it as header its lines tell.
    let start = skip_spaces(scan, pos);
    if !had_thread
        && let Some(end) = context_word_end(scan, start)
        && scan.get(end) == Some(&b' ')
        && let Some(next_end) = token_end(scan, end + 1)
        && is_lower_logger(&scan[end + 1..next_end])
        && matches!(scan.get(next_end), Some(b' ' | b'\t'))
    {
        pos = end;
        had_thread = true;
    }
    let logger = skip_spaces(line, pos);
    let start = skip_spaces(scan, pos);
    // An access log's host (`10.0.0.7 - alice [date] "GET …`) is no logger, its ident no
    // separator: the request's attributes follow.
    if !(behind_a_header(scan, start) && detect_access_log(line, scan, start).is_some())
        && let Some(end) = token_end(scan, start)
    {
        let token = &scan[start..end];
        let followed_by_space = matches!(scan.get(end), Some(b' ' | b'\t'));
        // A dotted logger (`org.apache.Foo:`, `app/db.go:12:`) or one after a thread group is
        // header; a bare `payment-gw:` or `panic:` right after the level is the message's own
        // first word and stays.
        // A snake_case name (`text_generation_launcher:`, a Rust crate's own target, a Python
        // module) is a logger too: a message rarely opens with one.
        // So is a bare one before its call site (`sched: sched/src/planner.rs:103: msg`,
        // `tracing` with file and line numbers on): the location says it is a target.
        let location_follows = || {
            let next = skip_spaces(scan, end);
            token_end(scan, next).is_some_and(|next_end| {
                next_end >= next + 4
                    && scan[next_end - 1] == b':'
                    && scan[next_end - 2].is_ascii_digit()
                    && is_source_location(&scan[next..next_end])
            })
        };
        let qualified = had_thread
            || token.split_last().is_some_and(|(_, name)| {
                name.iter()
                    .any(|b| matches!(b, b'.' | b'$' | b'/' | b'@' | b'[' | b':'))
                    || is_snake_case(name)
            })
            || location_follows();
        // A component tag in capitals padded to a column (`Info   CBS    Loaded …`): the padding
        // says it is a header field, as a message's words are one space apart.
        let padded_tag = (2..=12).contains(&token.len())
            && token
                .iter()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
            && token[0].is_ascii_uppercase()
            && scan.get(end..end + 2) == Some(b"  ");
        // A Java class (and method) after a thread group, no colon (`[main]
        // org.apache.catalina.startup.HostConfig.deployWAR Deploying …`, Tomcat's JULI).
        let java_class = had_thread && followed_by_space && is_java_class_name(token);
        // A source location right after the level, no colon (`[DEBUG] sofia.c:7493 Channel …`,
        // FreeSWITCH; Envoy's in brackets is a group): the call site, header like a logger.
        let bare_location = followed_by_space && !had_thread && is_bare_source_location(token);
        // A logger after a thread group closed by ` - ` rather than a colon (`INFO [MainThread]
        // app.db - msg`, Python's and log4j's common patterns).
        let dashed_logger = || {
            had_thread
                && scan.get(end..end + 3) == Some(b" - ")
                && token.iter().any(|&b| matches!(b, b'.' | b'_'))
                && is_logger(token)
        };
        // A logger set apart by ` :: ` (`INFO sync.util :: FINISHED …`, Metabase's
        // `%level %logger{2} :: %message`): the separator says it, thread or none.
        let colons_logger = followed_by_space
            && scan.get(end..end + 4) == Some(b" :: ")
            && token[0].is_ascii_alphabetic()
            && is_logger(token);
        // An Erlang process and its call site (`<0.4084.0>@vmq_mqtt_fsm:connected:306`, lager's
        // and OTP's logger): header like a logger.
        let erlang_site = followed_by_space && is_erlang_call_site(token);
        // A key opening a list of them is the message's (`<0.157.0> clientid: sensor-c2, msg:
        // publish_denied, …`, EMQX's), no logger (`Greeter: Hello, Stranger` has one).
        let keyed = || opens_a_list_of_keys(scan, start, end);
        if colons_logger {
            pos = end + 3;
        } else if padded_tag
            || erlang_site
            || java_class
            || bare_location
            || (token.len() >= 2
                && token.ends_with(b":")
                && followed_by_space
                && qualified
                && is_logger_name(token)
                && !is_message_code(token)
                && !keyed())
            || dashed_logger()
        {
            pos = end;
        }
    }
    // A source location after the target (`router/src/server.rs:305:`, `tracing` with file and
    // line numbers on): header like the target.
    let start = skip_spaces(scan, pos);
    if let Some(end) = token_end(scan, start)
        && end >= start + 4
        && scan[end - 1] == b':'
        && scan[end - 2].is_ascii_digit()
        && matches!(scan.get(end), Some(b' ' | b'\t'))
        && is_source_location(&scan[start..end])
    {
        pos = end;
    }
    let logger_end = pos.max(logger);
    let start = skip_spaces(scan, pos);
    let mut dashes = None;
    // A dash before another separator (`INFO [NET] - | msg`) is an empty field, not one; so is a
    // dash before a field that another separator closes (`INFO - 500003 -- msg` beside `INFO
    // admin 500000 -- msg`: a user's empty field), which the source's lines judge.
    if scan.get(start) == Some(&b'-')
        && matches!(scan.get(start + 1), Some(b' ' | b'\t'))
        && !opens_with_separator(&scan[start + 1..])
        && !field_then_separator(&scan[start + 1..])
    {
        dashes = Some(start);
        pos = start + 1;
        // Dash-separated fields go on after the level (`INFO - GET-123 - msg`, a request id):
        // one more field closed by ` - ` is header too.
        // Not an access log's host and ident (`INFO - 10.0.0.7 - bob [date] "GET …`).
        let field = skip_spaces(scan, pos);
        if let Some(end) = token_end(scan, field)
            && end - field <= 64
            && scan.get(end..end + 3) == Some(b" - ")
            && detect_access_log(line, scan, field).is_none()
        {
            pos = end + 2;
        }
    }
    let body = skip_spaces(line, pos);
    let after = AfterLevel {
        groups,
        logger,
        logger_end,
        dashes: dashes.unwrap_or(body),
        shape: 0,
    };
    (after, body)
}

/// `acmed[1185]:`, `postfix/smtpd[811]:`: a program's name, its pid in brackets and a colon
/// (syslog's tag).
pub(crate) fn is_program_tag(token: &[u8]) -> bool {
    token.strip_suffix(b":").is_some_and(is_program_and_pid)
}

/// `acmed[1185]`, `postfix/smtpd[811]`: a program's name and its pid in brackets, as syslog's tag
/// writes them before its colon.
pub(crate) fn is_program_and_pid(token: &[u8]) -> bool {
    let Some(rest) = token.strip_suffix(b"]") else {
        return false;
    };
    let Some(open) = rest.iter().position(|&b| b == b'[') else {
        return false;
    };
    let (name, pid) = (&rest[..open], &rest[open + 1..]);
    // A pid, or a clock's seconds (`ptp4l[1222897.149]:`, linuxptp's uptime).
    let number = pid
        .split(|&b| b == b'.')
        .enumerate()
        .all(|(i, part)| i < 2 && !part.is_empty() && part.iter().all(u8::is_ascii_digit));
    name.first().is_some_and(u8::is_ascii_alphabetic)
        && name
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/'))
        && (1..=20).contains(&pid.len())
        && number
}

/// Fields a dash may stand before that another separator closes (see [`field_then_separator`]).
const FIELDS_BEFORE_SEPARATOR: usize = 4;

/// Whether `text`, after its spaces, opens with fields (at most [`FIELDS_BEFORE_SEPARATOR`]) and a
/// separator other than a lone dash (`500003 -- msg`, `admin | msg`, `store.cache <1074> --
/// msg`), or with a program's tag (`acmed[1074]: msg`).
fn field_then_separator(text: &[u8]) -> bool {
    let mut tokens = text.split(|&b| b == b' ').filter(|t| !t.is_empty());
    let Some(first) = tokens.next() else {
        return false;
    };
    if is_program_tag(first) {
        return true;
    }
    // Separators a message's words seldom stand alone as (`=` does: `My id = 1`); a lone `:`
    // after fields is one (`INFO - node-07 : msg`), or a message's `Status : OK` the dash then
    // stays with, as on every line of it.
    let separator =
        |token: &[u8]| matches!(token, b"--" | b">>" | b"|" | b">" | b";" | b"::" | b":");
    // A lone dash right before a separator is the field's empty value (`INFO - - -- msg` beside
    // `INFO - admin -- msg`).
    if first == b"-" {
        return tokens.next().is_some_and(separator);
    }
    if first[0].is_ascii_punctuation() && !first.starts_with(b"<") {
        return false;
    }
    for token in tokens.take(FIELDS_BEFORE_SEPARATOR) {
        if separator(token) {
            return true;
        }
        if token.first() == Some(&b'"') || token == b"-" {
            return false;
        }
    }
    false
}

/// Whether `text`, after its spaces, opens with a lone separator's mark (`|`, `>`, `;`, `:`, `~`,
/// `=`), or with `--` or `>>`, and a space (`| msg`, `-- msg`): `- - msg` is a separator and an
/// empty field, or the other way round. A bullet (`* Version: 2024.3.1`, `+ 3 workers joined`)
/// opens a message.
fn opens_with_separator(text: &[u8]) -> bool {
    let text = text.trim_ascii_start();
    (text.len() >= 2
        && matches!(text[0], b'|' | b'>' | b';' | b':' | b'~' | b'=')
        && matches!(text[1], b' ' | b'\t'))
        || text.starts_with(b"-- ")
        || text.starts_with(b">> ")
}

/// Bracketed groups Spring Boot writes between its dashes and the logger: the application's
/// name, a correlation id and the thread.
const MAX_SPRING_GROUPS: usize = 3;

/// The end of Spring Boot's fields after the level (`1111 --- [app] [           main]
/// c.a.i.Worker                   : `, its colon included), when `start` opens them.
fn spring_boot_end(scan: &[u8], start: usize) -> Option<usize> {
    let pid_end = digits(scan, start, 1, 10)?;
    if scan.get(pid_end..pid_end + 5) != Some(b" --- ") {
        return None;
    }
    let mut pos = pid_end + 5;
    for _ in 0..MAX_SPRING_GROUPS {
        let at = skip_spaces(scan, pos);
        if scan.get(at) != Some(&b'[') {
            break;
        }
        let close = scan[at..scan.len().min(at + 128)]
            .iter()
            .position(|&b| b == b']')?;
        pos = at + close + 1;
    }
    let logger = skip_spaces(scan, pos);
    let logger_end = token_end(scan, logger)?;
    let colon = skip_spaces(scan, logger_end);
    (logger_end > logger && scan.get(colon..colon + 2) == Some(b": ")).then_some(colon + 1)
}

/// The end of nginx's `pid#tid:` and of the `*connection` number after it, when `start` opens
/// them; NGINX Unit writes the pair without the colon (`[notice] 2404#2404 module: …`).
fn nginx_worker_end(scan: &[u8], start: usize) -> Option<usize> {
    let p = digits(scan, start, 1, 10)?;
    let p = literal(scan, p, b'#')?;
    let p = digits(scan, p, 1, 10)?;
    let p = literal(scan, p, b':').unwrap_or(p);
    if scan.get(p) != Some(&b' ') {
        return None;
    }
    let connection = literal(scan, p + 1, b'*').and_then(|q| digits(scan, q, 1, 20));
    Some(match connection {
        Some(end) if matches!(scan.get(end), Some(b' ') | None) => end,
        _ => p,
    })
}

/// Django's verbose format after the level and time (`ERROR 2026-12-04 10:29:31,243 exception
/// 33005 139144550877072 msg`, `{module} {process:d} {thread:d}`): a module's name, a pid and a
/// thread's ident (six digits or more, as Python's are). Where they end.
fn module_process_thread_end(scan: &[u8], start: usize) -> Option<usize> {
    if !scan.get(start)?.is_ascii_lowercase() {
        return None;
    }
    let name = start
        + scan[start..]
            .iter()
            .take(64)
            .take_while(|&&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            .count();
    let pid = digits(scan, literal(scan, name, b' ')?, 1, 7)?;
    let thread_start = literal(scan, pid, b' ')?;
    let thread = digits(scan, thread_start, 6, 20)?;
    (scan.get(thread) == Some(&b' ')).then_some(thread)
}

/// The end of a word naming a context at `start` (a database, a tenant): lower case, digits,
/// `_` and `-`, 2 to 32 bytes, with a `_`, `-` or digit in it as names of things have and a
/// message's words have not (`backup failed:` is a message); or `?`, Odoo's "no database". One
/// pass: it is tried on every message after a level.
fn context_word_end(scan: &[u8], start: usize) -> Option<usize> {
    if scan.get(start) == Some(&b'?') {
        return Some(start + 1);
    }
    if !scan.get(start)?.is_ascii_lowercase() {
        return None;
    }
    let mut marked = false;
    for (i, &b) in scan[start..].iter().enumerate().take(33) {
        match b {
            b'a'..=b'z' => {}
            b'0'..=b'9' | b'_' | b'-' => marked = true,
            b' ' | b'\t' => return (marked && i >= 2).then_some(start + i),
            _ => return None,
        }
    }
    None
}

/// `odoo.http:`, `werkzeug:`: a logger's name in lower case closed by a colon.
fn is_lower_logger(token: &[u8]) -> bool {
    token.len() >= 3
        && token[0].is_ascii_lowercase()
        && token.ends_with(b":")
        && token[..token.len() - 1].iter().all(|&b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'.' | b'-')
        })
}

/// `AMQ222377:`, `WFLYSRV0025:`, `CWWKZ0001I:`, `ORA-00942:`: a message's code, capitals then
/// digits (a letter may close it), which opens the message it numbers (JBoss', WebSphere's,
/// Oracle's); no logger's name.
pub(crate) fn is_message_code(token: &[u8]) -> bool {
    let code = token.strip_suffix(b":").unwrap_or(token);
    let letters = code.iter().take_while(|b| b.is_ascii_uppercase()).count();
    let rest = &code[letters..];
    let rest = rest.strip_prefix(b"-").unwrap_or(rest);
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    (2..=8).contains(&letters)
        && (3..=6).contains(&digits)
        && matches!(&rest[digits..], [] | [b'A'..=b'Z'])
}

/// `org.apache.catalina.core.ApplicationContext.log`: a package in lower case, then a class
/// (upper-case initial), maybe a member; at least three parts.
fn is_java_class_name(token: &[u8]) -> bool {
    if !token.first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let (mut parts, mut class) = (0, false);
    for part in token.split(|&b| b == b'.') {
        let Some(&first) = part.first() else {
            return false;
        };
        if !first.is_ascii_alphabetic()
            || !part
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$'))
        {
            return false;
        }
        class |= parts > 0 && first.is_ascii_uppercase();
        parts += 1;
    }
    parts >= 3 && class
}

/// `text_generation_launcher`: lower-case words joined by `_`, each opening with a letter (not
/// an id such as `attempt_2017_0024_m_000001`).
fn is_snake_case(name: &[u8]) -> bool {
    name.contains(&b'_')
        && name.split(|&b| b == b'_').all(|word| {
            word.first().is_some_and(u8::is_ascii_lowercase)
                && word
                    .iter()
                    .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// `sofia.c:7493`: a source location without the colon that would close it.
fn is_bare_source_location(token: &[u8]) -> bool {
    token.last().is_some_and(u8::is_ascii_digit) && is_location(token)
}

/// `src/main.rs:12:`: a file name with an extension, a line number and a colon.
fn is_source_location(token: &[u8]) -> bool {
    token.strip_suffix(b":").is_some_and(is_location)
}

/// Extensions of source files, as call sites name them.
const SOURCE_EXTENSIONS: &[&[u8]] = &[
    b"c", b"cc", b"cpp", b"cxx", b"h", b"hh", b"hpp", b"rs", b"go", b"py", b"java", b"kt",
    b"scala", b"js", b"mjs", b"cjs", b"ts", b"jsx", b"tsx", b"rb", b"php", b"cs", b"swift", b"m",
    b"mm", b"lua", b"pl", b"ex", b"exs", b"erl", b"dart", b"zig", b"nim", b"sh",
];

/// `worker.rs:30`, `pkg/server.go:112`: a call site, a source file's name and a line number (a
/// host and its port, `example.com:8080`, mostly has no source file's extension; a few country
/// domains, `.rs` or `.pl`, do).
pub(crate) fn is_code_location(token: &[u8]) -> bool {
    let Some(colon) = token.iter().rposition(|&b| b == b':') else {
        return false;
    };
    let file = &token[..colon];
    is_location(token)
        && file
            .iter()
            .rposition(|&b| b == b'.')
            .is_some_and(|dot| SOURCE_EXTENSIONS.contains(&&file[dot + 1..]))
}

/// `file.ext:line`.
fn is_location(rest: &[u8]) -> bool {
    let Some(colon) = rest.iter().rposition(|&b| b == b':') else {
        return false;
    };
    let (file, line) = (&rest[..colon], &rest[colon + 1..]);
    let extension = file
        .iter()
        .rposition(|&b| b == b'.')
        .map(|dot| &file[dot + 1..]);
    !line.is_empty()
        && line.len() <= 6
        && line.iter().all(u8::is_ascii_digit)
        && extension.is_some_and(|e| {
            (1..=5).contains(&e.len())
                && e[0].is_ascii_alphabetic()
                && e.iter().all(u8::is_ascii_alphanumeric)
        })
        && file.first().is_some_and(u8::is_ascii_alphanumeric)
        && file
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'.' | b'_' | b'-'))
}

/// The end of the bracketed groups glued together from `start` (`[logger   ][main][7f3a]`, each
/// maybe padded, as a bracket's token runs to its `]`): one field of the header, however many
/// groups a line's kind writes.
fn glued_group_end(scan: &[u8], start: usize) -> Option<usize> {
    let mut end = token_end(scan, start)?;
    while scan.get(end) == Some(&b'[') && scan.get(end - 1) == Some(&b']') {
        match token_end(scan, end) {
            Some(next) if next > end && scan.get(next - 1) == Some(&b']') => end = next,
            _ => break,
        }
    }
    Some(end)
}

/// `[Word]`: letters in brackets, the shape of a bracketed level.
pub(crate) fn is_bracketed_word(token: &[u8]) -> bool {
    token.len() >= 3
        && token[0] == b'['
        && token[token.len() - 1] == b']'
        && token[1..token.len() - 1]
            .iter()
            .all(u8::is_ascii_alphabetic)
}

/// The fields after a level word whose token ends at `pos` in `body`, as [`detect`] finds them
/// after a level it knows, and where the message starts.
pub(crate) fn fields_after(body: &[u8], pos: usize) -> (AfterLevel, usize) {
    let scan = &body[..body.len().min(SCAN_LIMIT)];
    skip_after_level(body, scan, pos.min(scan.len()), false)
}

fn is_logger_name(token: &[u8]) -> bool {
    is_logger(&token[..token.len() - 1])
}

/// A logger's name without the mark closing it (`com.example.App`, `app::db`), maybe with its
/// method or line after a `#` (`hudson.model.Run#execute`, `HealthChecker.run#171`: Java call
/// sites as Jenkins and Jitsi write them, the class dotted).
fn is_logger(name: &[u8]) -> bool {
    // A Rust path's `::` is a separator like a dot; a single `:` is not.
    let path_colon = |i: usize| name.get(i + 1) == Some(&b':') || (i > 0 && name[i - 1] == b':');
    if !name.is_empty()
        && name
            .iter()
            .enumerate()
            .all(|(i, &b)| LOGGER_NAME_BYTES[usize::from(b)] || (b == b':' && path_colon(i)))
    {
        return true;
    }
    if let Some(hash) = name.iter().position(|&b| b == b'#')
        && name[..hash].contains(&b'.')
        && hash + 1 < name.len()
        && name[hash + 1..]
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$'))
    {
        // The JVM's names of constructors (`Endpoint.<init>#318`, `Foo.<clinit>`) are methods.
        return name[..hash].split(|&b| b == b'.').all(|part| {
            matches!(part, b"<init>" | b"<clinit>")
                || (!part.is_empty() && part.iter().all(|&b| LOGGER_NAME_BYTES[usize::from(b)]))
        });
    }
    false
}

/// Longest thread name in parentheses taken as one group (`(ServerService Thread Pool -- 90)`).
const MAX_PAREN_GROUP: usize = 80;

/// The end of a thread name in parentheses starting at `start`, spaces allowed (`(Transaction
/// Reaper Worker 0)`, `(default task-12)`): up to the matching `)`, followed by a space, with
/// nothing nested.
fn paren_group_end(scan: &[u8], start: usize) -> Option<usize> {
    let inner = scan.get(start + 1..)?;
    let close = inner
        .iter()
        .take(MAX_PAREN_GROUP)
        .position(|&b| matches!(b, b')' | b'(' | b'[' | b'\n' | b'\r'))?;
    let end = start + 1 + close;
    if scan[end] != b')' || close == 0 {
        return None;
    }
    // `(executor-thread-1) msg`, or closed by a colon: pino-pretty's `INFO (1234): msg`.
    let after = if scan.get(end + 1) == Some(&b':') {
        end + 2
    } else {
        end + 1
    };
    matches!(scan.get(after), Some(b' ' | b'\t')).then_some(after)
}

/// `ThreadId(01)`: a word, then a parenthesised id ending the token.
/// A token made of a lower-case name and bracketed groups after it (`ce[AZ-x9][o.s.c.t.Worker]`,
/// `web[][o.s.s.p.ServerImpl]`).
fn glued_groups(token: &[u8]) -> bool {
    let name = token.iter().take_while(|b| b.is_ascii_lowercase()).count();
    if name == 0 || token.get(name) != Some(&b'[') || !token.ends_with(b"]") {
        return false;
    }
    // Groups back to back: `[` opens each right after the previous `]`.
    let mut depth = 0usize;
    for (i, &b) in token[name..].iter().enumerate() {
        match b {
            b'[' if depth == 0 && i > 0 && token[name + i - 1] != b']' => return false,
            b'[' => depth += 1,
            b']' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ if depth == 0 => return false,
            _ => {}
        }
    }
    depth == 0
}

/// Whether a thread name ending at `end` is followed by `tracing`'s own syntax: a `ThreadId(…)`,
/// a span context (`generate{…}:`) or a target with a Rust path (`router::server:`).
fn tracing_thread_name(scan: &[u8], end: usize) -> bool {
    let next = skip_spaces(scan, end);
    let Some(next_end) = token_end(scan, next) else {
        return false;
    };
    let token = &scan[next..next_end];
    // A line break right after the name ends the line: no token follows (`INFO main \r`).
    let Some(&first) = token.first() else {
        return false;
    };
    let rust_target = token.ends_with(b":") && token.windows(2).any(|w| w == b"::");
    let thread_id = first.is_ascii_uppercase() && thread_id_token(scan, next).is_some();
    let opens_a_span =
        first.is_ascii_alphabetic() && token.contains(&b'{') && span_context(scan, next).is_some();
    rust_target || thread_id || opens_a_span
}

fn thread_id_token(scan: &[u8], start: usize) -> Option<usize> {
    let end = token_end(scan, start)?;
    let token = &scan[start..end];
    let open = token.iter().position(|&b| b == b'(')?;
    (open >= 2
        && token[..open].iter().all(u8::is_ascii_alphabetic)
        && token.ends_with(b")")
        && token[open + 1..token.len() - 1]
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
    .then_some(end)
}

/// A `tracing` span context: one or more `name{fields}` (or `name`) parts joined by `:`, ending
/// in `}:` before a space, where the braces may hold spaces, or in a bare `name:` when a target
/// follows ([`rust_target_follows`]). Returns where it ends.
fn span_context(scan: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    let mut saw_braces = false;
    loop {
        let name = scan[i..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
            .count();
        if name == 0 {
            return None;
        }
        i += name;
        if scan.get(i) == Some(&b'{') {
            let mut depth = 0usize;
            while let Some(&b) = scan.get(i) {
                i += 1;
                match b {
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    b'\n' => return None,
                    _ => {}
                }
            }
            if depth != 0 {
                return None;
            }
            saw_braces = true;
        }
        if scan.get(i) != Some(&b':') {
            return None;
        }
        i += 1;
        match scan.get(i) {
            Some(b' ' | b'\t') if saw_braces || rust_target_follows(scan, i) => return Some(i),
            Some(b' ' | b'\t') => return None,
            Some(_) => {}
            None => return None,
        }
    }
}

/// Whether a Rust target (`router::server:`, `text_generation_launcher:`) follows the spaces at
/// `pos`: what makes the bare names before it (`health:`, `request:conn:`) a span context
/// without fields.
fn rust_target_follows(scan: &[u8], pos: usize) -> bool {
    let start = skip_spaces(scan, pos);
    token_end(scan, start).is_some_and(|end| {
        let token = &scan[start..end];
        token.ends_with(b":")
            && (token.windows(2).any(|w| w == b"::") || is_snake_case(&token[..token.len() - 1]))
            && is_logger_name(token)
    })
}

/// The bytes of a logger name: ASCII letters and digits and `_ . $ - [ ] ( ) @ /` (one table
/// lookup per byte; names are read on most lines).
static LOGGER_NAME_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'_' | b'.' | b'$' | b'-' | b'[' | b']' | b'(' | b')' | b'@' | b'/'
            );
        i += 1;
    }
    table
};

/// A syslog header at `start` that is not the line's first field: a timestamp with a date, a
/// host and a program (`Mar 14 10:00:00 node-7 sshd[812]:`), all three, as a message quoting a time
/// rarely writes them. Returns the timestamp and where the program token ends.
fn inner_syslog(scan: &[u8], start: usize) -> Option<(Range<usize>, usize)> {
    let timestamp_end = match_timestamp(scan, start)?;
    // A date with it: a clock or a number alone (`16:03:00 4076 XrootdXeq:`) is the rest of
    // a header already begun.
    if scan[start..timestamp_end]
        .iter()
        .all(|b| b.is_ascii_digit() || matches!(b, b':' | b'.' | b','))
    {
        return None;
    }
    let end = skip_syslog_program(scan, timestamp_end)?;
    let fields = scan[timestamp_end..end]
        .split(|&b| b == b' ' || b == b'\t')
        .filter(|t| !t.is_empty() && *t != b"-")
        .count();
    (fields == 2).then_some((start..timestamp_end, end))
}

/// `host prog[pid]:` (or `prog:`) within two tokens after a syslog timestamp, a `-` placeholder
/// for an absent field (`host - prog[pid]:`) not counted.
fn skip_syslog_program(scan: &[u8], pos: usize) -> Option<usize> {
    let mut cursor = pos;
    let mut fields = 0;
    let mut dashed = false;
    let mut previous: &[u8] = &[];
    while fields < 2 {
        let start = skip_spaces(scan, cursor);
        let end = token_end(scan, start)?;
        let token = &scan[start..end];
        // `SERVICE ALERT:`: a phrase in capitals is the event's name, not a host and a program.
        if ends_a_capitals_phrase(previous, token) {
            return None;
        }
        // A level in brackets (`[1] 2026/03/14 10:00:08 [INF] clientid: …`, NATS's) is no host:
        // what follows is the message.
        if token.len() > 2
            && token.starts_with(b"[")
            && token.ends_with(b"]")
            && level_word(&token[1..token.len() - 1]).is_some()
        {
            return None;
        }
        // A name glued to its group (`Thread[DRDAConnThread_3,5,main]`, a Java thread as
        // `toString` writes it) is no host: a host's name holds no bracket, only a program's
        // pid does, and the colon follows it. A level glued to the pid (Asterisk's
        // `NOTICE[19382][C-00000404] chan_pjsip.c:`) stands where a host would.
        // Nor is a namespace of Node's `debug` (`socket.io:client`, `app:db:pool`): a host's
        // name holds no colon.
        if fields == 0
            && token.first().is_some_and(u8::is_ascii_alphabetic)
            && !token.ends_with(b":")
            && let Some(at) = token.iter().position(|&b| matches!(b, b'[' | b':'))
            && if token[at] == b'[' {
                level_word(&token[..at]).is_none()
            } else {
                is_debug_namespace(token)
            }
        {
            return None;
        }
        previous = token;
        // `host INPUT-DROP: IN=eth0 OUT= …`: a netfilter log prefix in capitals before the
        // record's `KEY=` fields is the message's (ulogd's own syslog-like file), not a program;
        // so it is right after the time.
        if is_capitals_prefix(token) && opens_with_capital_key(scan, end) {
            return (fields > 0).then_some(cursor);
        }
        if token.len() >= 2 && token.ends_with(b":") && is_logger_name(token) {
            // `10:00:00 tag: AUTHZ, clientid: …`: a key whose value a comma closes before another
            // key opens a list of them, the message, after the time or a host (a program's name
            // is followed by words: `host imapd: LOGIN, user=…`).
            return (!opens_a_list_of_keys(scan, start, end)).then_some(end);
        }
        // Dashes on both sides of a field set fields apart (`time - app.db - msg`, Python's
        // `%(asctime)s - %(name)s - %(message)s`): no syslog host or program is written so (a
        // host's placeholder dash comes after it alone: `host - su[4021]: …`).
        if token == b"-" {
            if fields > 0 && dashed {
                return None;
            }
            dashed = fields == 0;
        }
        if token != b"-" {
            fields += 1;
        }
        cursor = end;
    }
    None
}

/// A namespace of Node's `debug` module (`mediasoup:Channel`, `express:router:route`,
/// `socket.io:client`): a lower-case name, then names after colons, no colon at the end, no
/// underscore (`cfg:feature_flags` is a cache key).
pub(crate) fn is_debug_namespace(token: &[u8]) -> bool {
    let mut parts = token.split(|&b| b == b':');
    let Some(first) = parts.next() else {
        return false;
    };
    let name = |part: &[u8]| {
        part.first().is_some_and(u8::is_ascii_alphabetic)
            && part
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.'))
    };
    let mut rest = parts.peekable();
    rest.peek().is_some()
        && first.first().is_some_and(u8::is_ascii_lowercase)
        && name(first)
        && rest.all(name)
}

/// Whether the token `scan[start..end]` is a plain word's key (`clientid:`) whose value a comma
/// closes before another key (`clientid: sensor-c2, msg: publish_denied, …`): a list of keys and
/// values, a message's, opens there (a logger's or a program's name is followed by words:
/// `Greeter: Hello, Stranger`, Courier's `imapd: LOGIN, user=…`).
fn opens_a_list_of_keys(scan: &[u8], start: usize, end: usize) -> bool {
    let word = |text: &[u8]| {
        !text.is_empty()
            && text
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
    };
    // The key first: most names here are a logger's, dotted, and fail on their first dot.
    let token = &scan[start..end];
    if !(token.len() >= 2 && token.ends_with(b":") && word(&token[..token.len() - 1])) {
        return false;
    }
    let value = skip_spaces(scan, end);
    let Some(value_end) = token_end(scan, value) else {
        return false;
    };
    let key = skip_spaces(scan, value_end);
    value_end > value + 1
        && scan[..value_end].ends_with(b",")
        && token_end(scan, key).is_some_and(|key_end| {
            key_end > key + 1 && scan[..key_end].ends_with(b":") && word(&scan[key..key_end - 1])
        })
}

/// `INPUT-DROP:`, `FW_REJECT:`: capitals, digits and at least one `-` or `_`, then a colon.
fn is_capitals_prefix(token: &[u8]) -> bool {
    let Some(name) = token.strip_suffix(b":") else {
        return false;
    };
    name.first().is_some_and(u8::is_ascii_uppercase)
        && name.iter().any(|&b| matches!(b, b'-' | b'_'))
        && name
            .iter()
            .all(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_'))
}

/// The token after `end` (and its spaces) opens with a key in capitals and `=` (`IN=eth0`).
fn opens_with_capital_key(scan: &[u8], end: usize) -> bool {
    let start = skip_spaces(scan, end);
    let key = scan[start..]
        .iter()
        .take_while(|b| b.is_ascii_uppercase())
        .count();
    key > 0 && scan.get(start + key) == Some(&b'=')
}

fn digits(line: &[u8], pos: usize, min: usize, max: usize) -> Option<usize> {
    let count = line
        .get(pos..)?
        .iter()
        .take(max)
        .take_while(|b| b.is_ascii_digit())
        .count();
    (count >= min).then_some(pos + count)
}

fn literal(line: &[u8], pos: usize, byte: u8) -> Option<usize> {
    (line.get(pos) == Some(&byte)).then_some(pos + 1)
}

fn one_of(line: &[u8], pos: usize, bytes: &[u8]) -> Option<usize> {
    line.get(pos).filter(|b| bytes.contains(b)).map(|_| pos + 1)
}

/// Optional `.123` / `,123` fraction.
fn fraction(line: &[u8], pos: usize) -> usize {
    one_of(line, pos, b".,")
        .and_then(|p| digits(line, p, 1, 9))
        .unwrap_or(pos)
}

/// `hh:mm[:ss[.fff]]`, minutes below 60 and seconds at most 60; not the start of a longer run of
/// colon-separated hex pairs (`00:25:90:60:aa:01`, a MAC address; an IPv6 address).
fn clock(line: &[u8], pos: usize, separator: u8) -> Option<usize> {
    let p = digits(line, pos, 1, 2)?;
    let p = literal(line, p, separator)?;
    let minutes = p;
    let p = digits(line, p, 2, 2)?;
    if digit_test(line, minutes, 2, DigitTest::Below60) == 0 {
        return None;
    }
    let end = match literal(line, p, separator).and_then(|q| digits(line, q, 2, 2)) {
        Some(q) if digit_test(line, q - 2, 2, DigitTest::AtMost60) == 0 => return None,
        Some(q) => fraction(line, q),
        None => p,
    };
    let hex_pair_follows = line.get(end) == Some(&b':')
        && line.get(end + 1).is_some_and(u8::is_ascii_hexdigit)
        && line.get(end + 2).is_some_and(u8::is_ascii_hexdigit)
        && line.get(end + 3).is_none_or(|&b| b == b':');
    (!hex_pair_follows).then_some(end)
}

/// A timestamp must end at a word boundary, or `20150101` in an id would match.
fn boundary(line: &[u8], pos: usize) -> Option<usize> {
    match line.get(pos) {
        None => Some(pos),
        Some(b) if b.is_ascii_alphanumeric() => None,
        Some(_) => Some(pos),
    }
}

fn timezone(line: &[u8], pos: usize) -> usize {
    if line.get(pos) == Some(&b'Z') {
        return pos + 1;
    }
    one_of(line, pos, b"+-")
        .and_then(|p| digits(line, p, 2, 2))
        .map(|p| {
            let p = literal(line, p, b':').unwrap_or(p);
            digits(line, p, 2, 2).unwrap_or(p)
        })
        .unwrap_or(pos)
}

const MONTHS: &[&[u8]] = &[
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];
const WEEKDAYS: &[&[u8]] = &[b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat", b"Sun"];

fn word_in(line: &[u8], pos: usize, words: &[&[u8]]) -> Option<usize> {
    let candidate = line.get(pos..pos + 3)?;
    words.contains(&candidate).then_some(pos + 3)
}

/// Matches one timestamp shape at a position, returning where it ends.
type TimestampMatcher = fn(&[u8], usize) -> Option<usize>;

/// Returns the end of a timestamp starting exactly at `pos`.
pub(crate) fn match_timestamp(line: &[u8], pos: usize) -> Option<usize> {
    // Every supported shape starts either with a digit or with a capitalised month/weekday name,
    // so the first byte picks the one group worth trying; within a group, order is priority.
    // Each numeric shape also fixes the length of its leading digit run (a `-`, `/`, ` ` or `:`
    // must follow it), so the run, read once, rules out most shapes without trying them.
    type RunFits = fn(usize) -> bool;
    const NUMERIC: [(TimestampMatcher, RunFits); 11] = [
        (iso_like, |run| run == 4),
        (month_day_time, |run| run == 2),
        (day_month_name_year, |run| run == 2),
        (common_log_time, |run| run == 2),
        (dotted_date, |run| run == 2),
        (day_month_words, |run| run <= 2),
        (slash_date, |run| (2..=4).contains(&run)),
        (compact_date_time, |run| run == 6),
        (compact_date, |run| run == 8),
        (epoch, |run| run >= 10),
        (time_only, |run| run <= 2),
    ];
    const NAMED: [TimestampMatcher; 3] = [syslog_date, weekday_date, month_day_year_clock];
    match line.get(pos) {
        Some(b) if b.is_ascii_digit() => {
            // Counted up to 14: every shape only asks whether the run is below, at or past 13.
            let run = line[pos..]
                .iter()
                .take(14)
                .take_while(|b| b.is_ascii_digit())
                .count();
            NUMERIC
                .iter()
                .filter(|(_, fits)| fits(run))
                .find_map(|(m, _)| m(line, pos).and_then(|end| boundary(line, end)))
                .map(|end| meridiem_end(line, end))
        }
        Some(b) if b.is_ascii_uppercase() => NAMED
            .iter()
            .find_map(|m| m(line, pos).and_then(|end| boundary(line, end)))
            .map(|end| meridiem_end(line, end)),
        _ => None,
    }
}

/// After a clock ending at `end`, the end of its ` AM` or ` PM` (`03/14/2026 10:00:00 AM`,
/// .NET's and Java's `h:mm:ss a`), else `end`.
fn meridiem_end(line: &[u8], end: usize) -> usize {
    match line.get(end..end + 3) {
        // The seconds first (`:00`), then the letters.
        Some([b' ', b'A' | b'P', b'M'])
            if end >= 3
                && line[end - 3] == b':'
                && line[end - 2..end].iter().all(u8::is_ascii_digit)
                && boundary(line, end + 3).is_some() =>
        {
            end + 3
        }
        _ => end,
    }
}

/// `2015-10-18`, `2015-10-18T18:01:47.978Z`, `2015-10-18 18:01:47,978`, `2005-06-03-15.42.50.675872`,
/// `2026-12-10  9:57:42`.
fn iso_like(line: &[u8], pos: usize) -> Option<usize> {
    let p = digits(line, pos, 4, 4)?;
    // `2026.05.01 16:36:04.414497` (ClickHouse's): the date set apart by dots, a clock after it
    // (alone it may be a version).
    if let Some(q) = literal(line, p, b'.') {
        let q = literal(line, digits(line, q, 2, 2)?, b'.')?;
        let q = literal(line, digits(line, q, 2, 2)?, b' ')?;
        return clock(line, q, b':').map(|end| timezone(line, end));
    }
    let p = literal(line, p, b'-')?;
    let p = digits(line, p, 2, 2)?;
    let p = literal(line, p, b'-')?;
    let p = digits(line, p, 2, 2)?;
    if let Some(q) = one_of(line, p, b"T ")
        && let Some(r) = clock(line, q, b':')
    {
        return Some(timezone(line, r));
    }
    // `2026-12-10  9:57:42`: an hour padded with a space (MariaDB, `%k`).
    if line.get(p..p + 2) == Some(b"  ")
        && line.get(p + 3) == Some(&b':')
        && let Some(r) = clock(line, p + 2, b':')
    {
        return Some(timezone(line, r));
    }
    if let Some(q) = literal(line, p, b'-')
        && let Some(r) = clock(line, q, b'.')
    {
        return Some(r);
    }
    Some(p)
}

/// PHP's error label after the timestamp (`PHP Warning:  …`, `PHP Fatal error:  …`): its
/// severity, the label's range and where the message starts.
fn php_error_label(scan: &[u8], pos: usize) -> Option<(Severity, Range<usize>, usize)> {
    let start = pos + 4;
    if scan.get(pos..start) != Some(b"PHP ") {
        return None;
    }
    let colon = start + scan[start..].iter().take(32).position(|&b| b == b':')?;
    let label = &scan[start..colon];
    let severity = match label {
        b"Fatal error" | b"Parse error" | b"Core error" | b"Compile error" => Severity::Fatal,
        b"Recoverable fatal error" | b"Catchable fatal error" => Severity::Error,
        b"Warning" | b"Core warning" | b"Compile warning" => Severity::Warn,
        b"Notice" | b"Deprecated" | b"Strict Standards" => Severity::Info,
        _ => return None,
    };
    Some((severity, start..colon, skip_spaces(scan, colon + 1)))
}

/// Time zones' abbreviations that loggers write after a time.
const ZONE_ABBREVIATIONS: &[&[u8]] = &[
    b"UTC", b"GMT", b"CET", b"CEST", b"EET", b"EEST", b"WET", b"WEST", b"BST", b"IST", b"MSK",
    b"EST", b"EDT", b"CST", b"CDT", b"MST", b"MDT", b"PST", b"PDT", b"AKST", b"AKDT", b"HST",
    b"JST", b"KST", b"HKT", b"SGT", b"AEST", b"AEDT", b"ACST", b"AWST", b"NZST", b"NZDT",
];

/// Past a zone's abbreviation (see [`ZONE_ABBREVIATIONS`]) and the space before it, when one
/// follows `end` and a space follows it; `end` itself when none does.
fn zone_abbreviation_end(scan: &[u8], end: usize) -> usize {
    if scan.get(end) != Some(&b' ') {
        return end;
    }
    let len = scan[end + 1..]
        .iter()
        .take(5)
        .take_while(|b| b.is_ascii_uppercase())
        .count();
    let after = end + 1 + len;
    if scan.get(after) == Some(&b' ') && ZONE_ABBREVIATIONS.contains(&&scan[end + 1..after]) {
        after
    } else {
        end
    }
}

/// Past a time zone's name after a timestamp in brackets (`[01-May-2024 10:00:00 UTC]`,
/// `… Europe/Berlin]`); `end` itself when there is none.
fn zone_name_end(scan: &[u8], end: usize) -> Option<usize> {
    if scan.get(end) != Some(&b' ') {
        return Some(end);
    }
    let name = scan[end + 1..]
        .iter()
        .take(32)
        .take_while(|&&b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'_' | b'-' | b'+'))
        .count();
    // A level inside the brackets (`[… 10:00:00,123 INFO]`) is no zone.
    (name >= 2
        && scan[end + 1].is_ascii_uppercase()
        && level_word(&scan[end + 1..end + 1 + name]).is_none())
    .then_some(end + 1 + name)
}

/// `01-May-2024 10:00:00` (PHP's error log and PHP-FPM's).
fn day_month_name_year(line: &[u8], pos: usize) -> Option<usize> {
    let p = digits(line, pos, 2, 2)?;
    let p = literal(line, p, b'-')?;
    let p = word_in(line, p, MONTHS)?;
    // `17-Dec 23:05` (Bacula's `%d-%b %H:%M`): no year.
    if let Some(q) = literal(line, p, b' ') {
        return clock(line, q, b':');
    }
    let p = literal(line, p, b'-')?;
    let p = digits(line, p, 4, 4)?;
    let p = literal(line, p, b' ')?;
    clock(line, p, b':')
}

/// `14 Mar 06:30:47` (Node-RED's console), `14 Mar 2026 06:30:47`: day, month name, maybe a
/// year, a clock, set apart by spaces.
fn day_month_words(line: &[u8], pos: usize) -> Option<usize> {
    let p = digits(line, pos, 1, 2)?;
    let p = literal(line, p, b' ')?;
    let p = word_in(line, p, MONTHS)?;
    let p = literal(line, p, b' ')?;
    let p = digits(line, p, 4, 4)
        .and_then(|q| literal(line, q, b' '))
        .unwrap_or(p);
    clock(line, p, b':')
}

/// `03-17 16:13:38.811` (Android logcat) and `03/17 16:13:38` (Windows' netlogon.log): a month
/// and a day in range, then a clock.
fn month_day_time(line: &[u8], pos: usize) -> Option<usize> {
    let p = digits(line, pos, 2, 2)?;
    let p = one_of(line, p, b"-/")?;
    let q = digits(line, p, 2, 2)?;
    if digit_test(line, pos, 2, DigitTest::Month) == 0
        || digit_test(line, p, 2, DigitTest::Day) == 0
    {
        return None;
    }
    let p = literal(line, q, b' ')?;
    clock(line, p, b':')
}

/// `14/Mar/2026:10:00:00 +0000`: the common log format's time, here outside its brackets.
fn common_log_time(line: &[u8], pos: usize) -> Option<usize> {
    let p = digits(line, pos, 2, 2)?;
    let p = literal(line, p, b'/')?;
    let p = word_in(line, p, MONTHS)?;
    let p = literal(line, p, b'/')?;
    let p = digits(line, p, 4, 4)?;
    let p = literal(line, p, b':')?;
    let p = clock(line, p, b':')?;
    Some(
        literal(line, p, b' ')
            .map(|q| timezone(line, q))
            .filter(|&zone| zone > p + 1)
            .unwrap_or(p),
    )
}

/// `14.03.2026 10:00:00`: day, month and year set apart by dots (German, Russian and other
/// locales' dates), a clock after them (`1.2.3` alone is a version).
fn dotted_date(line: &[u8], pos: usize) -> Option<usize> {
    let p = digits(line, pos, 2, 2)?;
    let p = literal(line, p, b'.')?;
    let p = digits(line, p, 2, 2)?;
    let p = literal(line, p, b'.')?;
    let p = digits(line, p, 4, 4)?;
    let p = literal(line, p, b' ')?;
    clock(line, p, b':')
}

/// `2009/11/10 23:00:00` (Go) and `17/06/09 20:10:40`.
fn slash_date(line: &[u8], pos: usize) -> Option<usize> {
    let p = digits(line, pos, 2, 4)?;
    let p = literal(line, p, b'/')?;
    let p = digits(line, p, 2, 2)?;
    let p = literal(line, p, b'/')?;
    let p = digits(line, p, 2, 4)?;
    // `2026/12/04 - 06:22:41`: the date and the clock set apart by a dash (Gin's access log).
    let q = literal(line, p, b' ').map(|q| match line.get(q..q + 2) {
        Some(b"- ") => q + 2,
        _ => q,
    });
    match q.and_then(|q| clock(line, q, b':')) {
        Some(q) => Some(q),
        None => Some(p),
    }
}

/// `Jun 14 15:16:01`, `Jun  4 15:16:01 2005`.
fn syslog_date(line: &[u8], pos: usize) -> Option<usize> {
    let p = word_in(line, pos, MONTHS)?;
    let p = literal(line, p, b' ')?;
    let p = literal(line, p, b' ').unwrap_or(p);
    let p = digits(line, p, 1, 2)?;
    let p = literal(line, p, b' ')?;
    let p = clock(line, p, b':')?;
    // `Dec 17 12:04:30 684827`: the microseconds after a space (OpenSM's).
    if let Some(q) = literal(line, p, b' ')
        && let Some(end) = digits(line, q, 6, 7).filter(|&end| end == q + 6)
    {
        return Some(end);
    }
    Some(
        literal(line, p, b' ')
            .and_then(|q| digits(line, q, 4, 4))
            .unwrap_or(p),
    )
}

/// `Dec 17, 2026 1:07:49 PM`: java.util.logging's `SimpleFormatter` (the first of its two
/// lines, Tomcat's and Hazelcast's default), a 12-hour clock.
fn month_day_year_clock(line: &[u8], pos: usize) -> Option<usize> {
    let p = word_in(line, pos, MONTHS)?;
    let p = literal(line, p, b' ')?;
    let p = digits(line, p, 1, 2)?;
    let p = literal(line, p, b',')?;
    let p = literal(line, p, b' ')?;
    let p = digits(line, p, 4, 4)?;
    let p = literal(line, p, b' ')?;
    let p = clock(line, p, b':')?;
    Some(match line.get(p..p + 3) {
        Some(b" AM" | b" PM") => p + 3,
        _ => p,
    })
}

/// `Sun Dec 04 04:47:44 2005` (Apache, ctime).
fn weekday_date(line: &[u8], pos: usize) -> Option<usize> {
    let p = word_in(line, pos, WEEKDAYS)?;
    let p = literal(line, p, b' ')?;
    syslog_date(line, p).or_else(|| javascript_date(line, p))
}

/// `Mar 14 2026 10:41:41 GMT+0000 (Coordinated Universal Time)`, after the weekday: what
/// JavaScript's `Date.prototype.toString` writes (Node programs logging `new Date()`), the zone's
/// name optional.
fn javascript_date(line: &[u8], pos: usize) -> Option<usize> {
    let p = word_in(line, pos, MONTHS)?;
    let p = literal(line, p, b' ')?;
    let p = literal(line, digits(line, p, 2, 2)?, b' ')?;
    let p = literal(line, digits(line, p, 4, 4)?, b' ')?;
    let end = clock(line, p, b':')?;
    if line.get(end..end + 4) != Some(b" GMT") {
        return None;
    }
    let mut end = timezone(line, end + 4);
    if line.get(end..end + 2) == Some(b" (")
        && let Some(close) = line[end + 2..].iter().take(64).position(|&b| b == b')')
        && line[end + 2..end + 2 + close]
            .iter()
            .all(|&b| b.is_ascii_alphabetic() || b == b' ')
    {
        end += 3 + close;
    }
    Some(end)
}

/// `081109 203615` (HDFS).
fn compact_date_time(line: &[u8], pos: usize) -> Option<usize> {
    let p = digits(line, pos, 6, 6)?;
    let p = literal(line, p, b' ')?;
    let end = digits(line, p, 6, 6)?;
    // Month and hour must be plausible, so that two six-digit numbers in a message don't match.
    (digit_test(line, pos + 2, 2, DigitTest::Month) == 1
        && digit_test(line, p, 2, DigitTest::Below24) == 1)
        .then_some(end)
}

/// `20171223-22:15:29:606`; `20260314 10:00:00.123456`, `20260314T10:00:00Z` and
/// `20261204:042250.139`: a basic ISO date before an extended time with seconds (glog with the
/// year, Boost.Log's `%Y%m%d`) or a basic one after a colon (Zabbix's), whose year, month and day
/// must be plausible (and the basic time's hour, minute and second), so that a number before a
/// clock in a message is none.
fn compact_date(line: &[u8], pos: usize) -> Option<usize> {
    let p = digits(line, pos, 8, 8)?;
    if let Some(p) = literal(line, p, b'-') {
        let p = digits(line, p, 1, 2)?;
        let p = literal(line, p, b':')?;
        let p = digits(line, p, 1, 2)?;
        let p = literal(line, p, b':')?;
        let p = digits(line, p, 1, 2)?;
        return Some(
            one_of(line, p, b":.")
                .and_then(|q| digits(line, q, 1, 6))
                .unwrap_or(p),
        );
    }
    let plausible = digit_test(line, pos, 2, DigitTest::Century) == 1
        && digit_test(line, pos + 4, 2, DigitTest::Month) == 1
        && digit_test(line, pos + 6, 2, DigitTest::Day) == 1;
    if plausible && let Some(q) = literal(line, p, b':') {
        // `20261204:042250.139`: the time in digits too (Zabbix's daemons), a plausible one.
        let end = digits(line, q, 6, 6).filter(|&end| end == q + 6)?;
        return (digit_test(line, q, 2, DigitTest::Below24) == 1
            && digit_test(line, q + 2, 2, DigitTest::Below60) == 1
            && digit_test(line, q + 4, 2, DigitTest::AtMost60) == 1)
            .then(|| fraction(line, end));
    }
    let q = one_of(line, p, b" T").filter(|_| plausible)?;
    let end = clock(line, q, b':').filter(|&end| end - q >= 7)?;
    Some(timezone(line, end))
}

/// Unix epoch seconds (10 digits, 2001..2286) or millis (13 digits), optional fraction.
fn epoch(line: &[u8], pos: usize) -> Option<usize> {
    let end = digits(line, pos, 10, 13)?;
    let len = end - pos;
    if len != 10 && len != 13 {
        return None;
    }
    if digit_test(line, pos, 1, DigitTest::OneOrTwo) == 0 {
        return None;
    }
    Some(fraction(line, end))
}

/// Whether `token` is a Unix time and nothing else (`1773482408`, `1773482408123`,
/// `1773482408.25`).
pub(crate) fn is_epoch(token: &[u8]) -> bool {
    epoch(token, 0) == Some(token.len())
}

/// `15:16:01.123` at the start of a line.
fn time_only(line: &[u8], pos: usize) -> Option<usize> {
    let end = clock(line, pos, b':')?;
    // Require seconds: `12:30` alone is too often a ratio or a port.
    (end - pos >= 7).then_some(end)
}

/// What a rule asks of a number it reads from the line's digits: the only places where header
/// detection reads which digit a byte is, not only that it is one (see [`digit_test`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DigitTest {
    /// Below 60 (minutes).
    Below60,
    /// At most 60 (seconds, a leap second too).
    AtMost60,
    /// Below 24 (hours).
    Below24,
    /// From 1 to 12.
    Month,
    /// From 1 to 31.
    Day,
    /// 19 or 20 (a year's first two digits).
    Century,
    /// 1 or 2 (an epoch's first digit, a compact date's).
    OneOrTwo,
    /// 1 (RFC 5424's version).
    One,
    /// A syslog priority's severity: the number modulo 8.
    Severity,
}

impl DigitTest {
    /// The test's answer for `value`: 1 or 0, or the severity.
    fn answer(self, value: u32) -> u32 {
        let yes = match self {
            DigitTest::Below60 => value < 60,
            DigitTest::AtMost60 => value <= 60,
            DigitTest::Below24 => value < 24,
            DigitTest::Month => (1..=12).contains(&value),
            DigitTest::Day => (1..=31).contains(&value),
            DigitTest::Century => matches!(value, 19 | 20),
            DigitTest::OneOrTwo => matches!(value, 1 | 2),
            DigitTest::One => value == 1,
            DigitTest::Severity => return value % 8,
        };
        u32::from(yes)
    }
}

/// One number a rule read while detecting a line's header, and its answer: the same digits'
/// answer on another line whose other bytes are the same tells whether detection would take
/// the same path there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DigitRead {
    /// Offset in the line, and how many digits.
    pub(crate) at: u16,
    pub(crate) width: u8,
    pub(crate) test: DigitTest,
    pub(crate) answer: u32,
}

impl DigitRead {
    /// Whether `line` (holding digits at this read's place) gives the same answer.
    pub(crate) fn holds_for(&self, line: &[u8]) -> bool {
        let at = usize::from(self.at);
        line.get(at..at + usize::from(self.width))
            .is_some_and(|digits| self.test.answer(number(digits)) == self.answer)
    }
}

/// The value of a run of ASCII digits (any other byte counts as 0; the runs are short).
fn number(digits: &[u8]) -> u32 {
    digits.iter().fold(0u32, |n, &b| {
        n.wrapping_mul(10)
            .wrapping_add(u32::from(b.wrapping_sub(b'0')).min(9))
    })
}

/// The numbers read while [`detect_recording`] runs: the line's address and length, then the
/// reads; `None` when a read fell outside the line (a copy of part of it).
struct Recording {
    base: usize,
    len: usize,
    reads: Option<Vec<DigitRead>>,
}

thread_local! {
    static RECORDING: std::cell::RefCell<Option<Recording>> = const { std::cell::RefCell::new(None) };
}

/// Asks `test` of the number in `line[at..at + width]` (digits, which the caller checked) and
/// gives its answer; while [`detect_recording`] runs, notes the read.
fn digit_test(line: &[u8], at: usize, width: usize, test: DigitTest) -> u32 {
    let answer = test.answer(number(line.get(at..at + width).unwrap_or_default()));
    RECORDING.with(|recording| {
        if let Some(recording) = recording.borrow_mut().as_mut() {
            let address = (line.as_ptr() as usize).wrapping_add(at);
            let offset = address.wrapping_sub(recording.base);
            match (
                &mut recording.reads,
                u16::try_from(offset),
                u8::try_from(width),
            ) {
                (Some(reads), Ok(at), Ok(width))
                    if offset + usize::from(width) <= recording.len =>
                {
                    reads.push(DigitRead {
                        at,
                        width,
                        test,
                        answer,
                    })
                }
                _ => recording.reads = None,
            }
        }
    });
    answer
}

/// [`detect`], with the numbers its rules read from `line`'s digits (offsets in `line`), or
/// `None` for them when a rule read digits of another buffer. Two lines that differ only in
/// which digits they hold get one header when those numbers give the same answers, for no rule
/// reads a digit's value otherwise (the header cache relies on it, and its test holds detection
/// to it on every corpus line).
pub(crate) fn detect_recording(line: &[u8]) -> (Header, Option<Vec<DigitRead>>) {
    let start = Recording {
        base: line.as_ptr() as usize,
        len: line.len(),
        reads: Some(Vec::new()),
    };
    /// Ends the recording however detection ends, so that no later read is noted.
    struct Stop;
    impl Drop for Stop {
        fn drop(&mut self) {
            RECORDING.with(|recording| recording.borrow_mut().take());
        }
    }
    RECORDING.with(|recording| *recording.borrow_mut() = Some(start));
    let stop = Stop;
    let header = detect(line);
    let reads = RECORDING
        .with(|recording| recording.borrow_mut().take())
        .and_then(|recording| recording.reads);
    drop(stop);
    (header, reads)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mac_address_or_an_impossible_time_is_no_timestamp() {
        for line in [
            "00:25:90:60:aa:01 seen on eth0",
            "12:34:56:78:9a:bc seen on eth0",
            "12:75:10 is no time",
            "12:30:99 is no time",
        ] {
            let header = detect(line.as_bytes());
            assert_eq!(header.timestamp, None, "{line}");
            assert_eq!(header.body_start, 0, "{line}");
        }
        for line in ["12:30:59 up", "23:59:60,123 leap", "09:26:23: colon after"] {
            assert!(detect(line.as_bytes()).timestamp.is_some(), "{line}");
        }
    }

    #[test]
    fn priorities_repeated_are_read_once() {
        // `<1><1><1>…`: the first priority is the header, the rest the message, with no
        // recursion per priority (a long line of them would overflow the stack).
        let line = "<11>".repeat(100_000);
        let header = detect(line.as_bytes());
        assert_eq!(header.level, Some(Severity::Error));
        assert_eq!(header.body_start, 4);
    }

    fn check(line: &str, timestamp: Option<&str>, level: Option<Severity>, body: &str) {
        let header = detect(line.as_bytes());
        let ts = header
            .timestamp_text(line.as_bytes())
            .map(|t| String::from_utf8_lossy(t).into_owned());
        assert_eq!(ts.as_deref(), timestamp, "timestamp of {line:?}");
        assert_eq!(header.level, level, "level of {line:?}");
        assert_eq!(
            String::from_utf8_lossy(header.body(line.as_bytes())),
            body,
            "body of {line:?}"
        );
    }

    #[test]
    fn decorations_around_the_time_are_header() {
        // JavaScript's `Date.prototype.toString` in brackets (Soketi's, Node programs').
        check(
            "[Sat Mar 14 2026 10:41:41 GMT+0000 (Coordinated Universal Time)] New message",
            Some("Sat Mar 14 2026 10:41:41 GMT+0000 (Coordinated Universal Time)"),
            None,
            "New message",
        );
        // A decoration before the time (EasyBuild's `== `), the call site and level after it.
        check(
            "== 2026-03-14 11:05:50,179 run.py:262 INFO running cmd: ./configure",
            Some("2026-03-14 11:05:50,179"),
            Some(Severity::Info),
            "running cmd: ./configure",
        );
        // An arrow set apart before the level (KrakenD's, go-logging's `▶`).
        check(
            "[KRAKEND] 2026/03/14 - 10:00:00.000 ▶ DEBUG Listening on port 8080",
            Some("2026/03/14 - 10:00:00.000"),
            Some(Severity::Debug),
            "Listening on port 8080",
        );
        // Not a decoration before words, nor a weekday, date and year without the zone.
        check("== Summary ==", None, None, "== Summary ==");
        check(
            "Sat Mar 14 2026 10:41:41 x",
            None,
            None,
            "Sat Mar 14 2026 10:41:41 x",
        );
    }

    #[test]
    fn a_counter_or_a_connection_before_the_message_is_header() {
        // npm's debug log: the line's number and npm's level.
        check(
            "45 http fetch GET 200 https://registry.npmjs.org/nanoid 120ms",
            None,
            Some(Severity::Info),
            "fetch GET 200 https://registry.npmjs.org/nanoid 120ms",
        );
        check(
            "6 silly fetch manifest fsevents@3.15.12",
            None,
            Some(Severity::Debug),
            "fetch manifest fsevents@3.15.12",
        );
        // memcached's `-vv`: a command read from connection 28, a reply written to it.
        check(
            "<28 set sess:785ec 0 86400 398",
            None,
            None,
            "set sess:785ec 0 86400 398",
        );
        check(">28 STORED", None, None, "STORED");
        // Not a number and a word that is no npm level; a number closed in angle brackets is
        // syslog's priority still.
        check("3 infos queued", None, None, "3 infos queued");
        check(
            "<28>kernel: eth0 up",
            None,
            Some(Severity::Warn),
            "kernel: eth0 up",
        );
    }

    #[test]
    fn a_third_group_after_the_level_is_a_keyed_context_in_parentheses() {
        // CloudStack's logger, thread and context, then its log id.
        check(
            "2026-03-14 09:41:11,406 DEBUG [c.c.a.ApiServlet] (qtp-96:ctx-d57df9bf) \
             (logid:d57df9bf) ===END===  192.168.77.5 -- POST",
            Some("2026-03-14 09:41:11,406"),
            Some(Severity::Debug),
            "===END===  192.168.77.5 -- POST",
        );
        // A call site in parentheses, or a bracket, third: left to the source's layout.
        check(
            "2026-03-14 16:22:05,198 INFO  [qtp-34] [io.jans.Authenticator] \
             (Authenticator.java:178) - Authentication success",
            Some("2026-03-14 16:22:05,198"),
            Some(Severity::Info),
            "(Authenticator.java:178) - Authentication success",
        );
        check(
            "2026-03-14 10:00:00,000 INFO [main] [node-1] [orders] creating index",
            Some("2026-03-14 10:00:00,000"),
            Some(Severity::Info),
            "[orders] creating index",
        );
    }

    #[test]
    fn message_codes_are_capitals_then_digits() {
        for code in [
            "AMQ222377:",
            "WFLYSRV0025:",
            "CWWKZ0001I:",
            "ORA-00942:",
            "HHH000412",
        ] {
            assert!(is_message_code(code.as_bytes()), "{code}");
        }
        for name in [
            "Worker:",
            "HTTP2:",
            "AB12:",
            "A1234:",
            "WFLY0025xy:",
            "ABCDEFGHI123:",
        ] {
            assert!(!is_message_code(name.as_bytes()), "{name}");
        }
    }

    #[test]
    fn a_basic_iso_date_before_a_clock_is_a_timestamp() {
        check(
            "20260314 10:00:00.123456 node-07 started",
            Some("20260314 10:00:00.123456"),
            None,
            "node-07 started",
        );
        check(
            "[W] 20260314T10:00:08Z node-07 slow",
            Some("20260314T10:00:08Z"),
            None,
            "node-07 slow",
        );
        // Zabbix's daemons: a pid glued to the date, the time in digits after a colon.
        check(
            "  1217:20261204:042250.139 item \"db:proc.num\" became supported",
            Some("20261204:042250.139"),
            None,
            "item \"db:proc.num\" became supported",
        );
        // OpenSM's microseconds after a space; Gin's date and clock set apart by a dash.
        check(
            "Dec 17 12:04:30 684827 [7F2E4B3FE700] 0x01 -> osm_vendor_send: ERR 5411",
            Some("Dec 17 12:04:30 684827"),
            None,
            "[7F2E4B3FE700] 0x01 -> osm_vendor_send: ERR 5411",
        );
        check(
            "2026/12/04 - 06:22:41 | 200 | 6.5ms | GET \"/\"",
            Some("2026/12/04 - 06:22:41"),
            None,
            "200 | 6.5ms | GET \"/\"",
        );
        // Not a date (month 13, a year 1234), a clock without seconds, nor a time of hour 25 or
        // minute 61: a message's numbers.
        for line in [
            "20261314 10:00:18 x",
            "12340314 10:00:18 x",
            "20260314 10:00 x",
            "20260314:250000 x",
            "7:20260314:106100 x",
        ] {
            check(line, None, None, line);
        }
    }

    #[test]
    fn glog_with_the_year_or_behind_a_runtime_s_time_is_header() {
        // glog 0.7's and absl's `YYYYMMDD`; glog's header behind `kubectl logs --timestamps`.
        check(
            "W20260314 08:40:46.964669    10 dragonfly_connection.cc:641] Socket error",
            Some("20260314 08:40:46.964669"),
            Some(Severity::Warn),
            "Socket error",
        );
        check(
            "2026-03-14T10:00:00.123456789Z I0314 10:00:00.123456       1 main.go:40] Starting",
            Some("0314 10:00:00.123456"),
            Some(Severity::Info),
            "Starting",
        );
        // Six digits are neither form.
        assert_eq!(detect(b"I202603 10:00:00.1 1 main.go:40] x").level, None);
    }

    #[test]
    fn a_common_log_time_or_a_dotted_date_opening_the_line_is_a_timestamp() {
        check(
            "14/Mar/2026:10:00:00 +0000 INF starting worker",
            Some("14/Mar/2026:10:00:00 +0000"),
            Some(Severity::Info),
            "starting worker",
        );
        check(
            "14.03.2026 10:00:00 WARN disk almost full",
            Some("14.03.2026 10:00:00"),
            Some(Severity::Warn),
            "disk almost full",
        );
        // A version is no date.
        assert_eq!(detect(b"14.03.2026 released").timestamp, None);
    }

    #[test]
    fn a_level_opening_the_last_tab_separated_field_is_the_header_s() {
        check(
            "14.03.2026 10:00:00\t<acmed[1148]>\tI - health check failed for host",
            Some("14.03.2026 10:00:00"),
            Some(Severity::Info),
            "health check failed for host",
        );
        check(
            "2026-03-14T10:00:00Z\tworker-1\tInfo    - cache flushed",
            Some("2026-03-14T10:00:00Z"),
            Some(Severity::Info),
            "cache flushed",
        );
        check(
            "2026-03-14T10:00:00Z\tworker-1\twarn: disk almost full",
            Some("2026-03-14T10:00:00Z"),
            Some(Severity::Warn),
            "disk almost full",
        );
        // Padded to its column before the colon, as before a dash.
        check(
            "[2026-03-14 10:00:00.000]\t{cache.c:44}\tnotice : signal process started",
            Some("2026-03-14 10:00:00.000"),
            Some(Severity::Info),
            "signal process started",
        );
        // A call site opening it, as after a level in spaces.
        check(
            "14/Mar/2026:10:00:00 +0000\t[req-73a30333cb49]\tnotice\tworker.c:30 Detecting",
            Some("14/Mar/2026:10:00:00 +0000"),
            Some(Severity::Info),
            "Detecting",
        );
        // A word after it is the message's (`Info about …`).
        check(
            "2026-03-14T10:00:00Z\tworker-1\tInfo about the cache",
            Some("2026-03-14T10:00:00Z"),
            None,
            "Info about the cache",
        );
    }

    #[test]
    fn a_colon_set_apart_after_a_padded_level_separates() {
        check(
            "14.03.2026 10:00:00 500000 Info   : Detecting cargo vulnerabilities",
            Some("14.03.2026 10:00:00"),
            Some(Severity::Info),
            "Detecting cargo vulnerabilities",
        );
    }

    #[test]
    fn a_level_s_letter_in_brackets_after_the_time_is_header() {
        check(
            "14/Mar/2026:10:00:08 +0000 {I}: shard range renewed",
            Some("14/Mar/2026:10:00:08 +0000"),
            Some(Severity::Info),
            "shard range renewed",
        );
        check(
            "2026-03-14 10:00:08 [W] disk almost full",
            Some("2026-03-14 10:00:08"),
            Some(Severity::Warn),
            "disk almost full",
        );
    }

    #[test]
    fn a_capitalised_level_padded_in_brackets_opens_a_header() {
        // `[Info   ] time 500000 msg`: the level's name padded to its column, then the time.
        check(
            "[Info   ] 14/Mar/2026:10:00:00 +0000 500000 Replication of node 2 is behind",
            Some("14/Mar/2026:10:00:00 +0000"),
            Some(Severity::Info),
            "500000 Replication of node 2 is behind",
        );
    }

    #[test]
    fn a_bracketed_level_padded_inside_is_a_tab_separated_field() {
        // `time\tthread\t[notice ]\thost\tmsg`: the padding is the level's column, not the
        // message's spaces.
        check(
            "2026-03-14T10:00:00Z\tworker-1\t[notice ]\tgw01\tcache flushed in 3 ms",
            Some("2026-03-14T10:00:00Z"),
            Some(Severity::Info),
            "cache flushed in 3 ms",
        );
        // In angle brackets, parentheses or braces as well.
        for level in ["<notice >", "( WARN)", "{error  }"] {
            let line = format!("Sat Mar 14 10:00:00 2026\tjdoe\t{level}\tcache flushed in 3 ms");
            let header = detect(line.as_bytes());
            assert!(header.level.is_some(), "{line}");
            assert_eq!(header.body(line.as_bytes()), b"cache flushed in 3 ms");
        }
        // A message's own words in brackets are no level: the header ends before them.
        let line = "Sat Mar 14 10:00:00 2026\tjdoe\t<not a level>\tmsg";
        assert_eq!(detect(line.as_bytes()).level, None);
    }

    #[test]
    fn a_colon_closing_the_time_is_the_header_s() {
        // `1773482400: msg` (mosquitto's), `2026-03-14T02:00:06+00:00: msg` (Proxmox Backup's
        // task log): the colon separates, the message starts after it.
        check(
            "1773482400: Client sensor-7 disconnected.",
            Some("1773482400"),
            None,
            "Client sensor-7 disconnected.",
        );
        check(
            "2026-03-14T02:00:06+00:00: add blob \"/mnt/a.blob\" (946 bytes)",
            Some("2026-03-14T02:00:06+00:00"),
            None,
            "add blob \"/mnt/a.blob\" (946 bytes)",
        );
    }

    #[test]
    fn a_level_s_letter_before_the_time_is_header() {
        // `%.1level %time %logger: %msg`: the letter opens the line, the time says it is a
        // header's; after a letter, the `Tag:` is the logger (as logcat's).
        check(
            "I 10:00:00.000 Worker: Performed a health check",
            Some("10:00:00.000"),
            Some(Severity::Info),
            "Performed a health check",
        );
        check(
            "W 2026-03-14T10:00:08Z Scheduled processed 3 jobs",
            Some("2026-03-14T10:00:08Z"),
            Some(Severity::Warn),
            "Scheduled processed 3 jobs",
        );
        // A bare number after it is no time: the line is a message.
        check("I 42 apples left", None, None, "I 42 apples left");
    }

    #[test]
    fn a_time_right_after_a_leading_level_is_header() {
        // log4j's `%-5p %d %t: %m`, the level first: the time after it is the header's, as it
        // is before a level.
        for (line, time) in [
            (
                "WARN 2026-03-14 10:00:03 worker-1: cache flushed",
                "2026-03-14 10:00:03",
            ),
            (
                "[ERROR] 2026-03-14 10:00:03,021 worker-1: cache flushed",
                "2026-03-14 10:00:03,021",
            ),
            (
                "INFO  2026-03-14T10:00:03.021Z worker-1: cache flushed",
                "2026-03-14T10:00:03.021Z",
            ),
            // Capitalised, as .NET and PowerShell name levels.
            (
                "Warning 2026-03-14 10:00:03 worker-1: cache flushed",
                "2026-03-14 10:00:03",
            ),
            (
                "Info Sat Mar 14 10:00:03 2026 worker-1: cache flushed",
                "Sat Mar 14 10:00:03 2026",
            ),
        ] {
            let header = detect(line.as_bytes());
            assert_eq!(
                header.timestamp_text(line.as_bytes()),
                Some(time.as_bytes()),
                "{line}"
            );
            assert_eq!(
                header.body(line.as_bytes()),
                b"worker-1: cache flushed",
                "{line}"
            );
        }
        // A bare number after the level is the message's.
        let line = b"WARN 1234567890 bytes sent";
        let header = detect(line);
        assert_eq!(header.timestamp, None);
        assert_eq!(header.body(line), b"1234567890 bytes sent");
        // So is a capitalised word's without a time after it: a message's first word.
        let line = b"Error 42 files left";
        assert_eq!(detect(line).level, None);
    }

    #[test]
    fn nginx_s_worker_and_connection_are_header() {
        let line = b"2026/03/14 10:00:08 [info] 1037#1111: *5892 10.0.0.7 - bob [01/May/2024:12:21:04 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"curl\"";
        let header = detect(line);
        assert_eq!(header.level, Some(Severity::Info));
        assert!(line[header.body_start..].starts_with(b"10.0.0.7 - bob ["));
        let line = b"2026/03/14 10:00:08 [notice] 1037#1037: signal process started";
        assert_eq!(&line[detect(line).body_start..], b"signal process started");
        // NGINX Unit's, no colon after the pair.
        let line = b"2026/12/17 11:17:42 [notice] 2403#2403 process 2443 exited with code 0";
        assert_eq!(
            &line[detect(line).body_start..],
            b"process 2443 exited with code 0"
        );
    }

    #[test]
    fn an_access_log_after_a_dashed_level_keeps_its_host() {
        let line = b"2026-03-14 10:00:08,007 - net.server - INFO - 10.34.212.95 - bob \
            [01/May/2024:12:21:04 +0000] \"GET /healthz HTTP/1.1\" 502 13800 \"-\" \"curl/8.4.0\"";
        assert!(line[detect(line).body_start..].starts_with(b"10.34.212.95 - bob ["));
        // A request id between dashes is still header.
        let line = b"2026-03-14 10:00:08,007 - net.server - INFO - GET-123 - Served";
        assert_eq!(&line[detect(line).body_start..], b"Served");
    }

    #[test]
    fn a_time_and_a_level_in_one_bracket_are_header() {
        // Serilog's console sink.
        let line = b"[10:00:08 WRN] Retrying the upload in 5 s";
        let header = detect(line);
        assert_eq!(header.timestamp, Some(1..9));
        assert_eq!(header.level, Some(Severity::Warn));
        assert_eq!(&line[header.body_start..], b"Retrying the upload in 5 s");
    }

    #[test]
    fn a_level_padded_inside_braces_angle_brackets_or_parentheses_is_one_field() {
        // `%-5p` inside `{}`, `<>` or `()`: the padding is the column's, as in `[INFO ]`.
        for (line, level) in [
            (
                &b"2026-03-14 10:00:08.007 {INFO } Retrying the upload"[..],
                Severity::Info,
            ),
            (
                b"2026-03-14 10:00:08.007 <WARN >: Retrying the upload",
                Severity::Warn,
            ),
            (
                b"2026-03-14 10:00:08.007 ( INFO) Retrying the upload",
                Severity::Info,
            ),
            (
                b"2026-03-14 10:00:08.007 {ERROR} Retrying the upload",
                Severity::Error,
            ),
        ] {
            let header = detect(line);
            assert_eq!(
                header.level,
                Some(level),
                "{}",
                String::from_utf8_lossy(line)
            );
            assert_eq!(&line[header.body_start..], b"Retrying the upload");
        }
        // Words in parentheses with a space between them are a message's.
        let line = b"(see above) Retrying the upload";
        assert_eq!(field_end(line, 0), Some(4));
    }

    #[test]
    fn a_dash_before_an_empty_field_and_its_separator_is_left_to_the_source() {
        // `- user --` after the level, the user `-` when there is none: the fields are left
        // alike on both lines, for the source's lines to judge (see `learn`).
        for (line, body) in [
            (
                &b"2026-03-14 10:00:00 - INF - admin -- Job received"[..],
                &b"- admin -- Job received"[..],
            ),
            (
                b"2026-03-14 10:00:00 - INF - - -- Job received",
                b"- - -- Job received",
            ),
        ] {
            assert_eq!(&line[detect(line).body_start..], body);
        }
    }

    #[test]
    fn one_field_before_the_time_is_header() {
        // A pid, a component or a user first, then the time: the line goes on as one that
        // opened with the time.
        for (line, field) in [
            (
                &b"(1037)\t2026-03-14T10:00:00Z\tnotice\tJob received"[..],
                7,
            ),
            (b"(NET) ; 10:00:00.000 ; WARN ; Job received", 8),
            (b"admin | 2026/03/14 10:00:00 | Job received", 8),
            (b"1037\t[2026-03-14 10:00:00] Job received", 5),
            // An empty field (`{-}`, no request) as well as a full one.
            (b"{-} | (2026-03-14T10:00:00Z) | notice | Job received", 6),
        ] {
            let header = detect(line);
            let rest = &line[field..];
            let alone = detect(rest);
            assert!(alone.timestamp.is_some(), "{}", rest.escape_ascii());
            assert_eq!(header.timestamp_text(line), alone.timestamp_text(rest));
            assert_eq!(header.level, alone.level, "{}", line.escape_ascii());
            assert_eq!(
                header.body(line),
                alone.body(rest),
                "{}",
                line.escape_ascii()
            );
        }
        // A word and a space may be a message's; a level is read where levels are; a date
        // without its clock may be a record's column; glued groups are a record's fields.
        for line in [
            &b"Started 2026-03-14 10:00:00 and done"[..],
            b"4 | 03/14/2026 | Power Supply lost",
            b"[42563]{203670}[-1/-1] 2026-03-14 06:43:41.928009 i SQLSession msg",
            b"(N) 2026-03-14T06:00:34 - Added new torrent.",
        ] {
            assert_eq!(detect(line).timestamp, None, "{}", line.escape_ascii());
        }
    }

    #[test]
    fn a_host_and_its_placeholder_dash_are_header_before_a_bare_name() {
        // `time host - name: msg`: the name may be a program or the message's first word (the
        // source decides); the host and the dash are header either way.
        let line = b"Mar 14 10:00:00 node-12 - auth: rejected token";
        let program = detect(line).program.map(|r| &line[r]);
        assert_eq!(program, Some(&b"auth:"[..]));
    }

    #[test]
    fn a_time_in_braces_parentheses_or_angle_brackets_is_header() {
        for line in [
            &b"{2026-03-14 10:00:00,000} [I] msg"[..],
            b"(2026-03-14T10:00:00Z) [I] msg",
            b"<2026-03-14 10:00:00.123> [I] msg",
        ] {
            let header = detect(line);
            assert!(
                header.timestamp.is_some(),
                "{}",
                String::from_utf8_lossy(line)
            );
            // The letter in brackets after it is the level (`[I]`).
            assert_eq!(header.level, Some(Severity::Info));
            assert_eq!(&line[header.body_start..], b"msg");
        }
    }

    #[test]
    fn a_level_s_letter_right_after_the_time_is_the_level() {
        for (line, severity, body) in [
            (
                &b"10:00:00.000 W jdoe - disk full"[..],
                Severity::Warn,
                &b"jdoe - disk full"[..],
            ),
            (
                b"2026-03-14T10:00:00Z I Started",
                Severity::Info,
                b"Started",
            ),
            (b"10:00:00 E boom", Severity::Error, b"boom"),
        ] {
            let header = detect(line);
            assert!(header.timestamp.is_some());
            assert_eq!(
                header.level,
                Some(severity),
                "{}",
                String::from_utf8_lossy(line)
            );
            assert_eq!(header.body(line), body);
        }
        // `A` there is an article.
        let line = b"10:00:00 A new client connected";
        assert_eq!(detect(line).level, None);
        assert_eq!(detect(line).body(line), b"A new client connected");
    }

    #[test]
    fn a_level_word_in_lower_case_set_apart_by_separators_is_the_level() {
        for line in [
            &b"10:00:00.000 - (1185) - worker.cpp:30 - [worker-1] - {dda89e5408292} - info : msg"[..],
            b"10:00:00.000 notice : msg",
            b"2026/03/14 10:00:00 | warning | msg",
        ] {
            let header = detect(line);
            assert!(header.level.is_some(), "{}", String::from_utf8_lossy(line));
            // The separator after it is the header's.
            assert_eq!(
                header.body(line),
                b"msg",
                "{}",
                String::from_utf8_lossy(line)
            );
        }
        // Not after a field empty on this line: the lines with the field decide.
        let line = b"2026/03/14 10:00:00 ; - ; [NET] ; notice ; acmed[1148] ; msg";
        assert_eq!(detect(line).level, None);
        // Nor a word of the message not set apart (`error reading …`).
        let line = b"10:00:00 error reading config";
        assert_eq!(detect(line).level, None);
    }

    #[test]
    fn a_time_and_more_fields_in_one_bracket_are_header() {
        // Celery's worker: `[%(asctime)s: %(levelname)s/%(processName)s]`.
        let line =
            b"[2026-03-14 10:00:00,000: WARNING/ForkPoolWorker-1] [\"new connection\"] [conn=7]";
        let header = detect(line);
        assert_eq!(
            header.timestamp_text(line),
            Some(&b"2026-03-14 10:00:00,000"[..])
        );
        assert_eq!(header.level, Some(Severity::Warn));
        assert_eq!(header.body(line), &b"[\"new connection\"] [conn=7]"[..]);
        let line = b"[2026-03-14T10:00:00Z|worker-1] Started";
        assert_eq!(detect(line).body(line), b"Started");
        // A bracket whose text after the time is a message's stays whole.
        let line = b"[10:00:00 \"GET /\" 200] done";
        assert_eq!(detect(line).timestamp, None);
    }

    #[test]
    fn spring_boot_s_pid_dashes_groups_and_logger_are_header() {
        for line in [
            &b"2026-03-14 10:00:00.123  INFO 4242 --- [           main] o.s.b.w.e.tomcat.TomcatWebServer         : [\"msg\"] [conn=7]"[..],
            b"2026-03-14T10:00:00.000Z  WARN 1111 --- [app] [pool-3-thread-7] com.acme.Worker : [\"msg\"] [conn=7]",
        ] {
            let header = detect(line);
            assert!(header.level.is_some());
            assert_eq!(header.body(line), &b"[\"msg\"] [conn=7]"[..]);
        }
    }

    #[test]
    fn a_clock_s_am_or_pm_is_the_time_s() {
        for (line, body) in [
            (
                &b"03/14/2026 10:00:00 AM 1111 INFO Started"[..],
                &b"Started"[..],
            ),
            (
                b"Mar 14, 2026 10:00:00 PM org.apache.catalina.startup.Catalina start",
                b"org.apache.catalina.startup.Catalina start",
            ),
        ] {
            assert_eq!(
                &line[detect(line).body_start..],
                body,
                "{}",
                String::from_utf8_lossy(line)
            );
        }
        // A word after the time that opens with the letters is the message's.
        let line = b"03/14/2026 10:00:00 AMQP channel opened";
        assert_eq!(&line[detect(line).body_start..], b"AMQP channel opened");
    }

    #[test]
    fn fields_before_a_level_that_opens_the_message_without_a_time_stay() {
        // `- ; notice: msg` beside `admin ; notice: msg`: the source's layout decides.
        let line = b"- ; notice: Connected to storage";
        let header = detect(line);
        assert_eq!(header.level, Some(Severity::Info));
        assert_eq!(header.body_start, 0);
        // After a time, the level word opens the message as before.
        let line = b"2026-03-14 10:00:00 - ; error: Connected to storage";
        assert_eq!(
            &line[detect(line).body_start..],
            b"error: Connected to storage"
        );
    }

    #[test]
    fn a_time_s_fraction_and_zone_leave_the_header_s_shape_alone() {
        // Go's RFC 3339 trims a fraction's zeros: one format, whatever the digits.
        let shape = |line: &[u8]| detect(line).after_level.map(|a| a.shape);
        let short = shape(b"[2026-03-14T10:00:00Z] 500000 INF: [Broker id=3] started");
        assert!(short.is_some());
        assert_eq!(
            short,
            shape(b"[2026-03-14T10:00:08.007919+00:00] 500003 INF: [Broker id=3] started")
        );
        // A time of another form is another shape.
        assert_ne!(
            short,
            shape(b"[Mar 14 10:00:08] 500003 INF: [Broker id=3] started")
        );
    }

    #[test]
    fn a_level_s_letter_after_an_empty_field_is_left_to_the_source() {
        // `seq user I > msg`, the user `-` on this line: the letter is found where the user's
        // name would have ended the fields read, on no other line.
        let line = b"[2026-03-14 10:00:08.007] 500003 - I > [KafkaServer id=3] started";
        let header = detect(line);
        assert_eq!(header.level, None);
        assert_eq!(
            &line[header.body_start..],
            b"500003 - I > [KafkaServer id=3] started"
        );
        // Logcat's, after its pid and thread id.
        let line = b"03-17 16:13:38.811  1702  2395 D Tag: started";
        assert_eq!(detect(line).level, Some(Severity::Debug));
    }

    #[test]
    fn a_bare_target_before_its_call_site_is_a_logger() {
        // `tracing` with file and line numbers: `sched:` is as much a target as `acme::net:`.
        let line =
            b"2026-03-14T10:00:00.000000Z  INFO sched: sched/src/planner.rs:103: signal started";
        let header = detect(line);
        assert_eq!(&line[header.body_start..], b"signal started");
        let after = header.after_level.expect("fields after the level");
        assert!(after.logger_end > after.logger);
        // A bare word and a colon alone stays the message's (`panic: …`).
        let line = b"2026-03-14T10:00:00.000000Z  INFO sched: planner started";
        assert_eq!(&line[detect(line).body_start..], b"sched: planner started");
    }

    #[test]
    fn a_tab_separated_field_padded_to_its_column_holds_no_space() {
        let line = b"03/14/2026 10:00:00 AM\tinfo \t1148\t500000\tadmin | Beginning a connection";
        let header = detect(line);
        assert_eq!(header.level, Some(Severity::Info));
        assert_eq!(header.level_text.map(|r| &line[r]), Some(&b"info"[..]));
        assert_eq!(
            &line[header.body_start..],
            b"admin | Beginning a connection"
        );
    }

    #[test]
    fn a_key_right_after_the_time_opens_a_message_of_fields() {
        // Go's `log` before EMQX's fields: `tag:` is a key, its value closed by a comma.
        let line = b"2026/03/14 10:00:00 tag: AUTHZ, clientid: sensor-c2, msg: publish_denied";
        assert_eq!(
            &line[detect(line).body_start..],
            &b"tag: AUTHZ, clientid: sensor-c2, msg: publish_denied"[..]
        );
        // After a host, such a word is a program's (Courier's `imapd: LOGIN, user=…`).
        let line = b"Mar 14 07:41:36 mx-corvid imapd: LOGIN, user=tkowalczyk, protocol=IMAP";
        assert_eq!(
            &line[detect(line).body_start..],
            &b"LOGIN, user=tkowalczyk, protocol=IMAP"[..]
        );
    }

    #[test]
    fn a_thread_named_in_braces_or_angle_brackets_before_the_level_is_header() {
        // Names without digits, as `{worker-1}` is already: the level after them is found on
        // every line of the source, not on those of numbered threads only.
        for thread in ["{main}", "{scheduler}", "<main>", "{worker-1}"] {
            let line = format!("10:00:00.000 {thread} Info [Partition orders-3 broker=1] Rolled");
            let header = detect(line.as_bytes());
            assert_eq!(header.level, Some(Severity::Info), "{thread}");
        }
    }

    #[test]
    fn telegraf_s_level_letters() {
        let line = b"2026-03-14T10:00:00Z E! [inputs.cpu] Error in plugin: timeout";
        let header = detect(line);
        assert_eq!(header.level, Some(Severity::Error));
        assert_eq!(header.timestamp, Some(0..20));
        // A logfmt message after it is the message's, read by its fields.
        let line = b"2026-03-14T10:00:00Z I! msg=\"Incoming request\" client_ip=10.0.0.7";
        let header = detect(line);
        assert_eq!(header.level, Some(Severity::Info));
        assert!(line[header.body_start..].starts_with(b"msg="));
        // Not in a message.
        assert_eq!(detect(b"Hello E! world").level, None);
    }

    #[test]
    fn keys_after_the_level_opening_a_list_of_them_are_no_logger() {
        // EMQX behind Erlang's logger: `clientid:` and the value a comma closes, then `msg:`.
        let line = b"2026-03-14 10:00:08.007 [info] <0.830.0> clientid: app/android/7678, \
            msg: keepalive_timeout, peername: 172.31.34.70:49314, keepalive: 15";
        let header = detect(line);
        let after = header.after_level.expect("fields after the level");
        assert_eq!(after.logger, after.logger_end);
        assert!(line[after.logger..].starts_with(b"clientid: app/android/7678,"));
        // A logger before a message that opens with a comma is still the logger.
        let line = b"2026-03-14 10:00:08.007 [info] <0.830.0> Greeter: Hello, Stranger";
        let after = detect(line).after_level.expect("fields after the level");
        assert_eq!(&line[after.logger..after.logger_end], b"Greeter:");
        // Nor is such a key a syslog program after a host, nor is a level in brackets a host
        // before it (NATS's `[1] time [INF]`).
        let message = b"clientid: app/android/7678, msg: keepalive_timeout, keepalive: 15";
        for header in [
            &b"2026-03-14T10:00:08Z edge-7 "[..],
            b"[1] 2026/03/14 10:00:08.007919 [INF] ",
        ] {
            let line = [header, &message[..]].concat();
            assert!(line[detect(&line).body_start..].ends_with(message));
        }
        let line = b"[1] 2026/03/14 10:00:08.007919 [INF] Listener: Listening on 0.0.0.0:4222";
        assert_eq!(
            &line[detect(line).body_start..],
            b"Listener: Listening on 0.0.0.0:4222"
        );
        // A program's name before words is still the program (Courier's).
        let line = b"Mar 14 07:41:36 mx-corvid imapd: LOGIN, user=tk, protocol=IMAP";
        assert_eq!(
            &line[detect(line).body_start..],
            b"LOGIN, user=tk, protocol=IMAP"
        );
    }

    #[test]
    fn routeros_topics_after_the_time_hold_the_level() {
        let line = b"07:40:00 dhcp,info dhcp-lan assigned 192.168.88.119 to 1C:C1:F4:6C:C4:16";
        let header = detect(line);
        assert_eq!(header.level, Some(Severity::Info));
        assert_eq!(
            &line[header.body_start..],
            &b"dhcp-lan assigned 192.168.88.119 to 1C:C1:F4:6C:C4:16"[..]
        );
        let header = detect(b"07:40:00 system,error,critical login failure for user admin");
        assert_eq!(header.level, Some(Severity::Error));
        // Words joined by a comma that name no level are the message's.
        let line = b"07:40:00 alpha,beta gamma";
        let header = detect(line);
        assert_eq!(header.level, None);
        assert_eq!(&line[header.body_start..], &b"alpha,beta gamma"[..]);
    }

    #[test]
    fn a_netfilter_prefix_after_the_host_is_the_message_s() {
        // ulogd's LOGEMU file: the host, then the rule's log prefix before the packet's fields.
        let line = b"Mar 14 13:05:07 fw-edge1 INPUT-DROP: IN=ens19 OUT= SRC=45.140.161.52 LEN=44";
        assert_eq!(
            &line[detect(line).body_start..],
            &b"INPUT-DROP: IN=ens19 OUT= SRC=45.140.161.52 LEN=44"[..]
        );
        // Right after the time, no host before it: the message's too.
        let line = b"2026/03/14 10:00:00 FWD-ACCEPT: IN=eth0 OUT=eth1 SRC=10.0.0.7 LEN=60";
        let header = detect(line);
        assert_eq!(header.program, None);
        assert_eq!(
            header.body(line),
            &b"FWD-ACCEPT: IN=eth0 OUT=eth1 SRC=10.0.0.7 LEN=60"[..]
        );
        // A program in capitals before words, or with its pid, is still the program.
        let line = b"Mar 14 13:05:07 fw-edge1 CRON-DAILY: starting run";
        assert_eq!(&line[detect(line).body_start..], &b"starting run"[..]);
        let line = b"Mar 14 13:05:07 fw-edge1 CRON[811]: (root) CMD (run-parts)";
        assert_eq!(
            &line[detect(line).body_start..],
            &b"(root) CMD (run-parts)"[..]
        );
    }

    #[test]
    fn a_zone_s_abbreviation_after_the_time_is_the_time_s() {
        let line = b"2026-03-14 10:00:00.123 GMT Thread[DRDAConnThread_3,5,main] Cleanup";
        let header = detect(line);
        assert_eq!(header.timestamp, Some(0..27));
        // A word in capitals that names no zone is not taken.
        let header = detect(b"2026-03-14 10:00:00.123 ABC Thread started");
        assert_eq!(header.timestamp, Some(0..23));
    }

    #[test]
    fn a_level_after_a_header_field_in_capitals_stays_a_level() {
        for (line, level, body) in [
            (
                "2024-05-01 10:00:00.123 UTC ERROR:  relation missing",
                Severity::Error,
                "relation missing",
            ),
            (
                "2024-05-01 10:00:00 CEST FATAL: too many connections",
                Severity::Fatal,
                "too many connections",
            ),
            (
                "05/01/2024 10:00:00 PM ERROR: boom",
                Severity::Error,
                "boom",
            ),
        ] {
            let header = detect(line.as_bytes());
            assert_eq!(header.level, Some(level), "{line}");
            assert_eq!(header.body(line.as_bytes()), body.as_bytes(), "{line}");
        }
        // A phrase in capitals, or a capitalised word after an acronym, names the event.
        for line in [
            "[1714557600] SERVICE ALERT: web;HTTP;OK",
            "SQL Error: 1205, SQLState: 40001",
        ] {
            let header = detect(line.as_bytes());
            assert_eq!(header.level, None, "{line}");
            assert!(header.body(line.as_bytes()).starts_with(b"S"), "{line}");
        }
        // A zone inside the brackets of a timestamp is part of it; a level is not.
        let line = b"[2024-05-01 10:00:00 UTC] started";
        assert_eq!(detect(line).body(line), b"started");
        let line = b"[2024-05-01 10:00:00,123 INFO] started";
        assert!(
            detect(line)
                .timestamp_text(line)
                .is_none_or(|t| !t.ends_with(b"INFO"))
        );
    }

    #[test]
    fn a_line_break_after_a_name_is_no_token() {
        for line in [
            &b"INFO abc \r"[..],
            b"INFO abc \n",
            b"2024-05-01 10:00:00 INFO main \r\n",
        ] {
            let header = detect(line);
            assert!(header.body_start <= line.len());
        }
    }

    #[test]
    fn a_dotnet_category_without_its_event_id_is_no_header() {
        for line in ["info: A.B[", "info: A[]", "info: [1]", "info: A[x] m"] {
            let header = detect(line.as_bytes());
            assert!(header.body_start <= line.len(), "{line}");
            assert!(
                header.body(line.as_bytes()).starts_with(b"info: "),
                "{line}"
            );
        }
        let line = b"fail: Shop.Api[20101] Order 7 rejected";
        let header = detect(line);
        assert_eq!(header.level, Some(Severity::Error));
        assert_eq!(header.body(line), b"Shop.Api[20101] Order 7 rejected");
    }

    #[test]
    fn java_python_and_iso() {
        check(
            "2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created MRAppMaster",
            Some("2015-10-18 18:01:47,978"),
            Some(Severity::Info),
            "Created MRAppMaster",
        );
        check(
            "2015-10-18 18:05:01,001 WARN [IPC Server handler 5 on 62270] org.apache.Foo: lost it",
            Some("2015-10-18 18:05:01,001"),
            Some(Severity::Warn),
            "lost it",
        );
        check(
            "2026-12-10  9:57:42 0 [Note] WSREP: Deleted page /var/lib/mysql/gcache.page.000031",
            Some("2026-12-10  9:57:42"),
            None,
            "0 [Note] WSREP: Deleted page /var/lib/mysql/gcache.page.000031",
        );
        check(
            "2024-01-02T03:04:05.123456789Z level=error msg=\"boom\"",
            Some("2024-01-02T03:04:05.123456789Z"),
            Some(Severity::Error),
            "msg=\"boom\"",
        );
        check(
            "2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - Notification time out: 3200",
            Some("2015-07-29 17:41:44,747"),
            Some(Severity::Info),
            "Notification time out: 3200",
        );
    }

    #[test]
    fn syslog_apache_go_hdfs_spark() {
        check(
            "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname=",
            Some("Jun 14 15:16:01"),
            None,
            "authentication failure; logname=",
        );
        // The kernel's time since boot after `kernel:`, padded or not.
        check(
            "Mar 14 08:13:06 kvm-node07 kernel: [ 7754.137307] connection1:0: detected conn error (1020)",
            Some("Mar 14 08:13:06"),
            None,
            "connection1:0: detected conn error (1020)",
        );
        // Not after another program, nor after a time alone.
        check(
            "2024-01-01 10:00:00 [ 12.345678] request served",
            Some("2024-01-01 10:00:00"),
            None,
            "[ 12.345678] request served",
        );
        check(
            "Mar 14 08:13:06 kvm-node07 kernel: [17754.137307] sd 2:0:0:1: [sdb] Attached SCSI disk",
            Some("Mar 14 08:13:06"),
            None,
            "sd 2:0:0:1: [sdb] Attached SCSI disk",
        );
        // Node-RED's console: a day, a month name and a clock, a dash, the level.
        check(
            "14 Mar 06:30:47 - [info] Started modified nodes",
            Some("14 Mar 06:30:47"),
            Some(Severity::Info),
            "Started modified nodes",
        );
        // A `-` placeholder for an absent field before the program.
        check(
            "Jun 14 15:16:01 combo - su[4021]: session opened for user news",
            Some("Jun 14 15:16:01"),
            None,
            "session opened for user news",
        );
        check(
            "[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6",
            Some("Sun Dec 04 04:47:44 2005"),
            Some(Severity::Error),
            "mod_jk child workerEnv in error state 6",
        );
        check(
            "2009/11/10 23:00:00 listening on :8080",
            Some("2009/11/10 23:00:00"),
            None,
            "listening on :8080",
        );
        check(
            "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_1 terminating",
            Some("081109 203615"),
            Some(Severity::Info),
            "PacketResponder 1 for block blk_1 terminating",
        );
        check(
            "17/06/09 20:10:40 INFO spark.SecurityManager: Changing view acls to: yarn,curi",
            Some("17/06/09 20:10:40"),
            Some(Severity::Info),
            "Changing view acls to: yarn,curi",
        );
    }

    #[test]
    fn key_value_fields_before_a_level() {
        check(
            "2025-03-14T08:15:02.123Z pid=7 tid=oxk class=MailWorker jid=ab12 INFO: start",
            Some("2025-03-14T08:15:02.123Z"),
            Some(Severity::Info),
            "start",
        );
        // Without a level after them they are the message's.
        check(
            "2025-03-14T08:15:02.123Z user=ana action=login",
            Some("2025-03-14T08:15:02.123Z"),
            None,
            "user=ana action=login",
        );
    }

    #[test]
    fn semicolon_separated_fields_after_a_timestamp() {
        check(
            "03/14/2025 08:15:02;0008;Server@head1;Job;4417.head1;Job Queued at request of ana@login2",
            Some("03/14/2025 08:15:02"),
            None,
            "Job Queued at request of ana@login2",
        );
        // A message holding a separator keeps what follows its first space.
        check(
            "03/14/2025 08:15:02;0100;Server@head1;Svr;Server@head1;a b;c",
            Some("03/14/2025 08:15:02"),
            None,
            "a b;c",
        );
    }

    #[test]
    fn tab_separated_headers_and_records() {
        check(
            "2024-05-01T10:00:00.123Z\tINFO\tapi.db\tdb/pool.go:42\tquery took 12 ms",
            Some("2024-05-01T10:00:00.123Z"),
            Some(Severity::Info),
            "query took 12 ms",
        );
        // A record of more columns than a header holds is all message, and a one-letter column
        // deep in it is no level.
        check(
            "1796540397.680828\tCVOzPq7VBb8\t10.60.4.124\t56380\t203.0.113.197\t443\tpossible_split_routing\t-\tF\tworker-1-2\tTCP",
            Some("1796540397.680828"),
            None,
            "CVOzPq7VBb8\t10.60.4.124\t56380\t203.0.113.197\t443\tpossible_split_routing\t-\tF\tworker-1-2\tTCP",
        );
        check(
            "1796540397.680828 CVOzPq7VBb8 10.60.4.124 56380 203.0.113.197 443 weird - F worker-1 TCP",
            Some("1796540397.680828"),
            None,
            "CVOzPq7VBb8 10.60.4.124 56380 203.0.113.197 443 weird - F worker-1 TCP",
        );
    }

    #[test]
    fn bgl_pipes_and_epoch() {
        check(
            "- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected",
            Some("1117838570"),
            Some(Severity::Info),
            "instruction cache parity error corrected",
        );
        check(
            "20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579",
            Some("20171223-22:15:29:606"),
            None,
            "onStandStepChanged 3579",
        );
        check(
            "1700000000123 ERROR: disk full",
            Some("1700000000123"),
            Some(Severity::Error),
            "disk full",
        );
    }

    #[test]
    fn a_time_closed_by_a_colon_keeps_its_colon() {
        // Mosquitto's Unix time, and a date and clock closed alike (Zigbee2MQTT's, behind its
        // own field): the colon is the time's, not the message's first token.
        check(
            "1773482400: Client sensor-7 disconnected.",
            Some("1773482400"),
            None,
            "Client sensor-7 disconnected.",
        );
        check(
            "2026-03-14 10:00:00: Started frontend on port 8080",
            Some("2026-03-14 10:00:00"),
            None,
            "Started frontend on port 8080",
        );
        // Python's default format behind a time keeps its own reading (no space after the colon).
        check(
            "2026-03-14 10:00:00,123:INFO:superset.app:Loading config",
            Some("2026-03-14 10:00:00,123"),
            Some(Severity::Info),
            "Loading config",
        );
    }

    #[test]
    fn a_java_call_site_after_the_level_is_a_logger() {
        // `Class.method#line` (Jitsi's), `pkg.Class#method` (Jenkins'), a constructor's
        // `<init>`, a lambda's `$`: the logger of the level's line, which the source judges.
        for (line, logger) in [
            (
                "JVB 2026-12-26 14:02:12.544 INFO: [26] HealthChecker.run#171: Performed a health check",
                "HealthChecker.run#171:",
            ),
            (
                "JVB 2026-12-26 14:02:28.666 INFO: [78] Endpoint.<init>#318: Created new endpoint",
                "Endpoint.<init>#318:",
            ),
            (
                "2026-05-05 11:02:16.665+0000 [id=288]\tINFO\thudson.model.AsyncPeriodicWork#lambda$doRun$1: Started Download metadata",
                "hudson.model.AsyncPeriodicWork#lambda$doRun$1:",
            ),
        ] {
            let header = detect(line.as_bytes());
            let after = header.after_level.expect(line);
            assert_eq!(&line[after.logger..after.logger_end], logger);
        }
        // Not a `#` without a dotted class before it (`issue#12:`), nor one before punctuation.
        assert!(!is_logger(b"issue#12"));
        assert!(!is_logger(b"a.b#c-d"));
    }

    #[test]
    fn an_erlang_process_and_its_call_site_after_the_level_are_header() {
        // lager's and OTP logger's `[level] <pid>@module:function[/arity]:line msg`.
        for line in [
            "2026-12-26 09:14:03.271722+00:00 [info] <0.76239.0>@ejabberd_listener:accept/7:339 Accepted connection",
            "2026-03-14 14:20:55.045 [warning] <0.40845.0>@vmq_mqtt5_fsm:connected:306 Accepted connection",
        ] {
            let header = detect(line.as_bytes());
            let after = header.after_level.expect(line);
            assert!(
                line[after.logger..after.logger_end].starts_with("<0."),
                "{line}"
            );
            assert_eq!(&line[header.body_start..], "Accepted connection");
        }
        assert!(!is_erlang_call_site(b"<0.1.0>@Mod:f:1"));
        assert!(!is_erlang_call_site(b"<0.1>@mod:f:1"));
        assert!(!is_erlang_call_site(b"user@host:22"));
    }

    #[test]
    fn a_bullet_after_the_level_s_dash_opens_the_message() {
        // `%(asctime)s - %(name)s - %(levelname)s - %(message)s`: a bullet opening the message
        // is the message's, no separator of the header's (`| msg`, `> msg`, `; msg` are).
        check(
            "2026-03-14 10:00:35,039 - distributed.worker - INFO - * Version: 2024.3.1",
            Some("2026-03-14 10:00:35,039"),
            Some(Severity::Info),
            "* Version: 2024.3.1",
        );
        check(
            "2026-03-14 10:00:35,039 - distributed.worker - INFO - + 3 workers joined",
            Some("2026-03-14 10:00:35,039"),
            Some(Severity::Info),
            "+ 3 workers joined",
        );
    }

    #[test]
    fn ids_glued_to_a_bracketed_time_are_header() {
        // nessusd's `[ctime][pid.tid]`.
        check(
            "[Sat Mar 14 10:00:00 2026][1037.1] Loading the plugins",
            Some("Sat Mar 14 10:00:00 2026"),
            None,
            "Loading the plugins",
        );
        // A level glued to it is still the level; a word is the source's to judge.
        check(
            "[2026-03-14 10:00:00][INFO] hello",
            Some("2026-03-14 10:00:00"),
            Some(Severity::Info),
            "hello",
        );
        check(
            "[2026-03-14 10:00:00][main] hello",
            Some("2026-03-14 10:00:00"),
            None,
            "[main] hello",
        );
    }

    #[test]
    fn a_name_glued_to_its_group_is_no_syslog_host() {
        // Derby's Java thread before a message that opens with a name, a bracket and a colon:
        // no `host prog[pid]:`, the thread is left to the source's layout.
        let line = "2026-03-14 10:00:00.123 GMT Thread[DRDAConnThread_6,5,main] Received[c2s]: <iq type='get'>";
        let header = detect(line.as_bytes());
        assert_eq!(header.program, None);
        assert_eq!(
            String::from_utf8_lossy(header.body(line.as_bytes())),
            "Thread[DRDAConnThread_6,5,main] Received[c2s]: <iq type='get'>"
        );
        // Nor is a namespace of Node's `debug`.
        let line = "2026-03-14T10:00:00.000Z socket.io:client Received[c2s]: <iq type='get'>";
        let header = detect(line.as_bytes());
        assert_eq!(header.program, None);
        assert_eq!(
            String::from_utf8_lossy(header.body(line.as_bytes())),
            "socket.io:client Received[c2s]: <iq type='get'>"
        );
        // A level glued to its pid stands where a host would (Asterisk's).
        check(
            "[Dec  4 10:41:21] NOTICE[19382][C-00000404] chan_pjsip.c: No dialplan match for '100'",
            Some("Dec  4 10:41:21"),
            None,
            "No dialplan match for '100'",
        );
    }

    #[test]
    fn a_process_id_and_its_role_before_the_time_and_the_level_marks_after_it() {
        // Redis: `pid:role`, then its time, then `.` debug, `-` verbose, `*` notice, `#` warning.
        check(
            "1:M 14 Mar 2026 10:00:00.123 * Ready to accept connections tcp",
            Some("14 Mar 2026 10:00:00.123"),
            Some(Severity::Info),
            "Ready to accept connections tcp",
        );
        check(
            "1:M 14 Mar 2026 10:00:00.123 # WARNING: The TCP backlog setting of 511 cannot be enforced",
            Some("14 Mar 2026 10:00:00.123"),
            Some(Severity::Warn),
            "WARNING: The TCP backlog setting of 511 cannot be enforced",
        );
        check(
            "2087:C 14 Mar 2026 10:00:01.002 . DB saved on disk",
            Some("14 Mar 2026 10:00:01.002"),
            Some(Severity::Debug),
            "DB saved on disk",
        );
        // No time after it: a message's own words.
        check("1:M is the ratio", None, None, "1:M is the ratio");
    }

    #[test]
    fn a_program_and_its_level_joined_by_a_colon_before_the_time() {
        check(
            "Zigbee2MQTT:info  2026-03-14 10:00:00: MQTT publish: topic 'zigbee2mqtt/bridge/state'",
            Some("2026-03-14 10:00:00"),
            Some(Severity::Info),
            "MQTT publish: topic 'zigbee2mqtt/bridge/state'",
        );
        check(
            "Zigbee2MQTT:error 2026-03-14 10:00:02: MQTT failed to connect",
            Some("2026-03-14 10:00:02"),
            Some(Severity::Error),
            "MQTT failed to connect",
        );
        // A word and a colon glued to a word that is no level: no header field.
        check(
            "note:this 2026-03-14 10:00:00 was late",
            None,
            None,
            "note:this 2026-03-14 10:00:00 was late",
        );
    }

    #[test]
    fn a_sequence_number_and_a_clock_s_state_before_the_time() {
        check(
            "000767: *Mar 14 09:30:29.737: %SYS-5-CONFIG_I: Configured from console by jm",
            Some("Mar 14 09:30:29.737"),
            None,
            "%SYS-5-CONFIG_I: Configured from console by jm",
        );
        check(
            ".Mar 14 09:12:18.178: %LINK-3-UPDOWN: Interface Gi1/0/1, changed state to up",
            Some("Mar 14 09:12:18.178"),
            None,
            "%LINK-3-UPDOWN: Interface Gi1/0/1, changed state to up",
        );
        // A count before a colon that no time follows is the message's.
        check("42: retries left", None, None, "42: retries left");
    }

    #[test]
    fn a_record_of_fields_in_angle_brackets() {
        check(
            "####<Mar 14, 2026 7:05:37,204 AM UTC> <Info> <WebLogicServer> <wls-prod-01> <ms1> <[ACTIVE] ExecuteThread: '7' for queue: 'weblogic.kernel.Default (self-tuning)'> <<WLS Kernel>> <> <> <1773471937204> <[severity-value: 64] [rid: 0] > <BEA-310002> <25% of the total memory in the server is free.>",
            Some("Mar 14, 2026 7:05:37,204 AM"),
            Some(Severity::Info),
            "<BEA-310002> <25% of the total memory in the server is free.>",
        );
        // Without a time in the first field, nor enough fields, it is no record.
        check(
            "<html> <head> <title> <body> <div> done",
            None,
            None,
            "<html> <head> <title> <body> <div> done",
        );
        check("<<<<<<<< unbalanced", None, None, "<<<<<<<< unbalanced");
    }

    #[test]
    fn fields_set_apart_by_bars_with_a_level_among_the_first_two() {
        check(
            "2026-03-14T09:03:17,000 | INFO  | rint Extender: 3 | BlueprintContainerImpl           | 21 - org.apache.aries.blueprint.core - 1.10.3 | Blueprint bundle orders/2.3.1 has been started",
            Some("2026-03-14T09:03:17,000"),
            Some(Severity::Info),
            "Blueprint bundle orders/2.3.1 has been started",
        );
        // loguru's: the level, then the message and its source.
        check(
            "2026-03-14 10:00:01.123 | WARNING  | acme.mod:run:42 - disk almost full",
            Some("2026-03-14 10:00:01.123"),
            Some(Severity::Warn),
            "acme.mod:run:42 - disk almost full",
        );
    }

    #[test]
    fn a_month_and_a_day_before_a_clock() {
        check(
            "03/14 08:41:05 [LOGON] [5288] NORTHWIND: SamLogon: Transitive Network logon",
            Some("03/14 08:41:05"),
            None,
            "[LOGON] [5288] NORTHWIND: SamLogon: Transitive Network logon",
        );
        // Not a ratio, nor a month past twelve.
        check("13/14 08:41:05 done", None, None, "13/14 08:41:05 done");
    }

    #[test]
    fn a_syslog_header_behind_other_fields() {
        // `docker logs -t`: the runtime's time before the program's syslog line.
        check(
            "2026-03-14T10:00:01.123456789Z Mar 14 10:00:01 node-7 sshd[812]: Accepted key for root",
            Some("Mar 14 10:00:01"),
            None,
            "Accepted key for root",
        );
        // A record number and a host first.
        check(
            "12345 node-07 Mar 14 10:00:00 node-07 crond[2915]: session opened",
            Some("Mar 14 10:00:00"),
            None,
            "session opened",
        );
        // A collector's record: an alert tag, the time it was stored, a date and a host.
        check(
            "- 1773482400 2026.03.14 node-07 Mar 14 10:00:00 node-07/node-07 crond[2915]: session closed",
            Some("Mar 14 10:00:00"),
            None,
            "session closed",
        );
        // A time in a message is not a header, nor a time and one word closed by a colon.
        check(
            "2026-03-14T10:00:01Z backup since Mar 14 10:00:00 node-7 done",
            Some("2026-03-14T10:00:01Z"),
            None,
            "backup since Mar 14 10:00:00 node-7 done",
        );
        check(
            "2026-03-14T10:00:01Z Mar 14 10:00:00 note: skipped",
            Some("2026-03-14T10:00:01Z"),
            None,
            "Mar 14 10:00:00 note: skipped",
        );
    }

    #[test]
    fn android_windows_glog() {
        check(
            "03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogs x",
            Some("03-17 16:13:38.811"),
            Some(Severity::Debug),
            "printFreezingDisplayLogs x",
        );
        check(
            "2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack",
            Some("2016-09-28 04:30:30"),
            Some(Severity::Info),
            // The component tag padded to its column is a header field.
            "Loaded Servicing Stack",
        );
        check(
            "E0325 12:00:01.123456       1 controller.go:123] sync failed",
            Some("0325 12:00:01.123456"),
            Some(Severity::Error),
            "sync failed",
        );
    }

    #[test]
    fn plain_messages_are_left_alone() {
        check(
            "PacketResponder 1 for block blk_1 terminating",
            None,
            None,
            "PacketResponder 1 for block blk_1 terminating",
        );
        check(
            "instruction cache parity error corrected",
            None,
            None,
            "instruction cache parity error corrected",
        );
        check(
            "BLOCK* NameSystem.addStoredBlock: blockMap updated",
            None,
            None,
            "BLOCK* NameSystem.addStoredBlock: blockMap updated",
        );
        check("", None, None, "");
    }

    #[test]
    fn a_message_opening_with_its_kind_keeps_it() {
        // Lower case with a colon: the message's first word, which still gives the severity.
        check(
            "panic: nil pointer dereference",
            None,
            Some(Severity::Fatal),
            "panic: nil pointer dereference",
        );
        check(
            "2024-05-01T10:00:00Z FATAL panic: nil pointer dereference",
            Some("2024-05-01T10:00:00Z"),
            Some(Severity::Fatal),
            "panic: nil pointer dereference",
        );
        check(
            "ERROR payment-gw: connection refused to 10.0.0.1:6379 (attempt 1)",
            None,
            Some(Severity::Error),
            "payment-gw: connection refused to 10.0.0.1:6379 (attempt 1)",
        );
        // Upper case or bracketed: a header field.
        check("ERROR: disk full", None, Some(Severity::Error), "disk full");
        check(
            "[error] disk full",
            None,
            Some(Severity::Error),
            "disk full",
        );
    }

    #[test]
    fn rust_targets_and_source_locations() {
        assert!(is_snake_case(b"text_generation_launcher") && is_snake_case(b"my_mod2_x"));
        // An id with its kind is a value, not a target (Spark's `attempt_…: Committed`).
        assert!(!is_snake_case(b"attempt_201706092018_0024_m_000001_1304"));
        assert!(!is_snake_case(b"launcher") && !is_snake_case(b"a__b") && !is_snake_case(b"Ab_c"));
        assert!(is_source_location(b"router/src/server.rs:305:"));
        assert!(is_source_location(b"main.go:42:"));
        assert!(!is_source_location(b"10.0.0.1:8080:") && !is_source_location(b"server.rs:"));
        assert!(!is_source_location(b"http://h.io/a.rs:1:") && !is_source_location(b"a.rs:x1:"));
        // A bare span name is a span only before a target.
        check(
            "2026-12-04T10:00:00Z  INFO health: app_server: ready",
            Some("2026-12-04T10:00:00Z"),
            Some(Severity::Info),
            "ready",
        );
        check(
            "2026-12-04T10:00:00Z  INFO health: degraded since 10:00",
            Some("2026-12-04T10:00:00Z"),
            Some(Severity::Info),
            "health: degraded since 10:00",
        );
    }

    #[test]
    fn arbitrary_bytes_do_not_panic() {
        for line in [
            &b"\xff\xfe["[..],
            b"[[[[",
            b"2015-",
            b"Jun 1",
            b"|||",
            b"0811",
            b"level=",
            b"[]:",
        ] {
            let header = detect(line);
            assert!(header.body_start <= line.len());
        }
    }
}
