//! `log_triage` for one container: feed its log lines through the template miner and keep a
//! bounded digest. The raw lines never leave this module; only templates, counts and a few redacted
//! examples do.
//!
//! Each stream's lines pass through a journald export assembler first
//! ([`cyberbrain_logmine::ExportAssembler`]): a container that writes `journalctl -o export` is
//! mined one record per message, its other lines as text.
//!
//! Reading is streamed and time-boxed ([`ContainerTriage::read_until`]): a container that logs
//! more than can be read before the task's deadline yields the digest of what was read, marked
//! partial, instead of no digest at all.

use std::collections::VecDeque;
use std::time::Instant;

use cyberbrain_logmine::journal_export::Step;
use cyberbrain_logmine::{ExportAssembler, JournalRecord, Miner, MinerConfig, TemplateId};
use cyberbrain_tasks::{
    ContainerCondition, ContainerExit, ContainerLogDigest, Severity, TemplateCount,
};
use futures_util::{Stream, TryStreamExt};

use crate::docker::{Error as DockerError, LogLine, LogStream};

/// Lines read between two looks at the clock (and two yields to the runtime): a line costs about
/// a microsecond to mine, so the deadline is overrun by a few milliseconds at most.
const LINES_PER_CLOCK_CHECK: u32 = 4096;

/// How reading a container's log ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadEnd {
    /// Every line was read.
    Complete,
    /// The deadline came first: the digest covers the lines read so far.
    DeadlineReached,
}

/// Accumulates one container's lines.
pub struct ContainerTriage {
    miner: Miner,
    bytes_read: u64,
    /// When reading began, for the digest's `read_millis`.
    started: Instant,
    /// The container's last exit (Unix ms), when it has exited: lines up to it are watched.
    exit_at_unix_ms: Option<i64>,
    /// The templates of the last lines logged up to `exit_at_unix_ms`, oldest first.
    before_exit: VecDeque<TemplateId>,
    /// The exits watched ([`ContainerTriage::watch_exits`]), oldest first, each with the
    /// templates of the last lines logged after the exit before it and up to it.
    exits: Vec<(ContainerExit, VecDeque<TemplateId>)>,
    /// journald export records being assembled, per stream (standard output, error).
    journal: [ExportAssembler; 2],
}

impl Default for ContainerTriage {
    fn default() -> Self {
        ContainerTriage {
            miner: Miner::new(MinerConfig::default()),
            bytes_read: 0,
            started: Instant::now(),
            exit_at_unix_ms: None,
            before_exit: VecDeque::new(),
            exits: Vec::new(),
            journal: Default::default(),
        }
    }
}

impl ContainerTriage {
    /// Watches for the last lines logged up to the container's last exit (Unix ms), kept as
    /// templates for [`ContainerTriage::lines_before_exit`].
    pub fn watch_exit(&mut self, finished_at_unix_ms: i64) {
        self.exit_at_unix_ms = (finished_at_unix_ms > 0).then_some(finished_at_unix_ms);
    }

    /// The templates (redacted) of the last lines logged before the exit given to
    /// [`ContainerTriage::watch_exit`], oldest first; empty when none was watched or seen.
    pub fn lines_before_exit(&self) -> Vec<String> {
        self.before_exit
            .iter()
            .filter_map(|&id| self.miner.template(id))
            .map(|t| t.redacted_text())
            .collect()
    }

    /// Watches for the last lines logged before each of these exits (any order), kept as
    /// templates for [`ContainerTriage::exits`]. A line belongs to the first exit at or after
    /// its time; lines without a time to none.
    pub fn watch_exits(&mut self, exits: Vec<ContainerExit>) {
        let mut exits: Vec<(ContainerExit, VecDeque<TemplateId>)> =
            exits.into_iter().map(|e| (e, VecDeque::new())).collect();
        exits.sort_by_key(|(e, _)| e.at_unix_ms);
        self.exits = exits;
    }

    /// The last [`ContainerCondition::MAX_EXITS`] exits given to
    /// [`ContainerTriage::watch_exits`] (an older one given only bounds the lines of the next),
    /// oldest first, each with the templates (redacted) of at most [`ContainerExit::MAX_LINES`]
    /// lines logged after the exit before it and up to it, oldest first.
    pub fn exits(&self) -> Vec<ContainerExit> {
        let older = self
            .exits
            .len()
            .saturating_sub(ContainerCondition::MAX_EXITS);
        self.exits[older..]
            .iter()
            .map(|(exit, before)| ContainerExit {
                last_templates: before
                    .iter()
                    .filter_map(|&id| self.miner.template(id))
                    .map(|t| t.redacted_text())
                    .collect(),
                ..exit.clone()
            })
            .collect()
    }

    /// Reads `lines` into the miner until they end or `deadline` comes, whichever is first,
    /// calling `on_line` with each line's full length. A stream that stalls is left at the
    /// deadline too. The stream's error ends the reading and is returned; what was read stays.
    pub async fn read_until<S>(
        &mut self,
        lines: S,
        deadline: tokio::time::Instant,
        mut on_line: impl FnMut(usize),
    ) -> Result<ReadEnd, DockerError>
    where
        S: Stream<Item = Result<LogLine, DockerError>>,
    {
        futures_util::pin_mut!(lines);
        let timer = tokio::time::sleep_until(deadline);
        tokio::pin!(timer);
        let mut until_clock_check = LINES_PER_CLOCK_CHECK;
        loop {
            let next = tokio::select! {
                biased;
                () = &mut timer => return Ok(ReadEnd::DeadlineReached),
                next = lines.try_next() => next?,
            };
            let Some(line) = next else {
                return Ok(ReadEnd::Complete);
            };
            on_line(line.full_len);
            let ts = (line.timestamp_unix_ms > 0).then_some(line.timestamp_unix_ms);
            self.add_line(line.stream, &line.text, line.full_len, ts);
            // Lines that arrive already buffered never let the timer fire, and mining is work
            // on the runtime's thread: look at the clock, and let other tasks run, now and then.
            until_clock_check -= 1;
            if until_clock_check == 0 {
                until_clock_check = LINES_PER_CLOCK_CHECK;
                if tokio::time::Instant::now() >= deadline {
                    return Ok(ReadEnd::DeadlineReached);
                }
                tokio::task::yield_now().await;
            }
        }
    }

    /// Adds one line (without its newline; possibly cut short of its `full_len` bytes) of
    /// `stream` and its time, when known.
    pub fn add_line(
        &mut self,
        stream: LogStream,
        line: &[u8],
        full_len: usize,
        timestamp_unix_ms: Option<i64>,
    ) {
        self.bytes_read += full_len as u64 + 1;
        let stream = match stream {
            LogStream::Stdout => 0,
            LogStream::Stderr => 1,
        };
        match self.journal[usize::from(stream)].push_line(line, full_len) {
            Step::Consumed => {}
            Step::Record(record) => self.add_record(stream, &record, timestamp_unix_ms),
            Step::PassThrough => self.mine_line(stream, line, timestamp_unix_ms),
            Step::RecordThenPassThrough(record) => {
                self.add_record(stream, &record, timestamp_unix_ms);
                self.mine_line(stream, line, timestamp_unix_ms);
            }
        }
    }

    /// Mines one journald export record by its message (a record without one by a fixed text),
    /// at the record's time when it has one.
    fn add_record(&mut self, stream: u8, record: &JournalRecord, received_unix_ms: Option<i64>) {
        let at = record.timestamp_ms.or(received_unix_ms);
        let message = record
            .message
            .as_deref()
            .unwrap_or(b"journal record without MESSAGE");
        let id = self
            .miner
            .add_stream_message(stream, message, record.severity, at);
        self.watch(id, at);
    }

    fn mine_line(&mut self, stream: u8, line: &[u8], timestamp_unix_ms: Option<i64>) {
        let id = self.miner.add_stream_line(stream, line, timestamp_unix_ms);
        self.watch(id, timestamp_unix_ms);
    }

    fn watch(&mut self, id: TemplateId, timestamp_unix_ms: Option<i64>) {
        if let (Some(exit), Some(at)) = (self.exit_at_unix_ms, timestamp_unix_ms)
            && at <= exit
        {
            if self.before_exit.len() == ContainerCondition::MAX_LAST_LINES {
                self.before_exit.pop_front();
            }
            self.before_exit.push_back(id);
        }
        if let Some(at) = timestamp_unix_ms {
            let next_exit = self.exits.partition_point(|(e, _)| e.at_unix_ms < at);
            if let Some((_, before)) = self.exits.get_mut(next_exit) {
                if before.len() == ContainerExit::MAX_LINES {
                    before.pop_front();
                }
                before.push_back(id);
            }
        }
    }

    /// Lines read so far.
    pub fn lines(&self) -> u64 {
        self.miner.lines()
    }

    /// The digest, keeping the `top` most significant templates (errors first, then by count);
    /// `partial` when the reading stopped before the end of the logs.
    pub fn finish(
        mut self,
        container_id: &str,
        name: &str,
        image: &str,
        top: usize,
        partial: bool,
    ) -> ContainerLogDigest {
        // A record the log ended in is mined too.
        for stream in 0..2u8 {
            if let Some(record) = self.journal[usize::from(stream)].finish() {
                self.add_record(stream, &record, None);
            }
        }
        let mut error_lines = 0;
        let mut warning_lines = 0;
        for template in self.miner.templates() {
            match template.severity() {
                Severity::Fatal | Severity::Error => error_lines += template.count(),
                Severity::Warn => warning_lines += template.count(),
                _ => {}
            }
        }
        let digest = self.miner.digest(top);
        ContainerLogDigest {
            container_id: container_id.to_string(),
            name: name.to_string(),
            image: image.to_string(),
            lines: self.miner.lines(),
            error_lines,
            warning_lines,
            bytes_read: self.bytes_read,
            distinct_templates: digest.distinct_templates,
            distinct_templates_estimated: digest.distinct_templates_estimated,
            partial,
            read_millis: u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX),
            first_line_unix_ms: digest.first_timestamp_ms.unwrap_or(0),
            last_line_unix_ms: digest.last_timestamp_ms.unwrap_or(0),
            // The caller knows the limits and the container's condition.
            tail_lines: 0,
            tail_reached: false,
            since_unix_seconds: 0,
            since_cut: false,
            condition: None,
            templates: digest
                .templates
                .into_iter()
                .map(|t| TemplateCount {
                    template: t.template,
                    count: t.count,
                    severity: t.severity,
                    examples: t.examples,
                    first_seen_unix_ms: t.first_timestamp_ms.unwrap_or(0),
                    last_seen_unix_ms: t.last_timestamp_ms.unwrap_or(0),
                    novel: t.novel,
                    burst: t.burst,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use futures_util::StreamExt;

    use super::*;

    #[test]
    fn counts_errors_and_ranks_templates() {
        let mut t = ContainerTriage::default();
        for i in 0..5 {
            let line = format!("INFO request {i} served in 5ms");
            t.add_line(LogStream::Stdout, line.as_bytes(), line.len(), None);
        }
        t.add_line(
            LogStream::Stderr,
            b"ERROR database connection refused",
            33,
            None,
        );
        t.add_line(LogStream::Stdout, b"WARN disk almost full", 21, None);
        let d = t.finish("id", "web", "img", 10, false);
        assert_eq!(d.lines, 7);
        assert_eq!(d.error_lines, 1);
        assert_eq!(d.warning_lines, 1);
        assert_eq!(d.templates[0].severity, Severity::Error);
        let info = d
            .templates
            .iter()
            .find(|t| t.severity == Severity::Info)
            .unwrap();
        assert_eq!(info.count, 5);
    }

    #[test]
    fn the_lines_before_the_last_exit_are_kept_as_templates() {
        let mut t = ContainerTriage::default();
        t.watch_exit(10_000);
        for (at, line) in [
            (1_000, "INFO starting worker 1"),
            (2_000, "ERROR cannot open /data/db: permission denied"),
            (3_000, "FATAL giving up after 3 attempts"),
            (20_000, "INFO starting worker 2"),
        ] {
            t.add_line(LogStream::Stdout, line.as_bytes(), line.len(), Some(at));
        }
        let before = t.lines_before_exit();
        assert_eq!(before.len(), 3, "{before:?}");
        assert!(before[2].contains("giving up"), "{before:?}");
        let digest = t.finish("id", "crashy", "img", 10, false);
        assert_eq!(
            (digest.first_line_unix_ms, digest.last_line_unix_ms),
            (1_000, 20_000)
        );
    }

    #[test]
    fn each_exit_keeps_the_templates_of_the_lines_logged_before_it() {
        let mut t = ContainerTriage::default();
        let exit = |at| ContainerExit {
            at_unix_ms: at,
            exit_code: Some(3),
            ..Default::default()
        };
        t.watch_exits(vec![exit(20_000), exit(10_000), exit(30_000)]);
        let mut lines = Vec::new();
        for attempt in 0..3 {
            let start = attempt * 10_000;
            for i in 0..7 {
                lines.push((start + 1_000 + i, format!("INFO loading module {i}")));
            }
            lines.push((start + 2_000, format!("INFO starting attempt {attempt}")));
            lines.push((start + 9_000, "FATAL config missing".to_string()));
        }
        lines.push((40_000, "INFO starting attempt 4".to_string()));
        for (at, line) in &lines {
            t.add_line(LogStream::Stdout, line.as_bytes(), line.len(), Some(*at));
        }
        t.add_line(LogStream::Stdout, b"no time", 7, None);
        let exits = t.exits();
        let at: Vec<i64> = exits.iter().map(|e| e.at_unix_ms).collect();
        assert_eq!(at, [10_000, 20_000, 30_000]);
        for exit in &exits {
            assert_eq!(exit.exit_code, Some(3));
            assert_eq!(exit.last_templates.len(), ContainerExit::MAX_LINES);
            let tail = &exit.last_templates[3..];
            assert_eq!(
                tail,
                ["starting attempt <*>", "config missing"],
                "{exits:?}"
            );
        }
    }

    #[test]
    fn only_the_last_exits_are_kept_and_the_oldest_kept_starts_after_the_one_before() {
        let mut t = ContainerTriage::default();
        let count = ContainerCondition::MAX_EXITS as i64 + 2;
        t.watch_exits(
            (1..=count)
                .map(|i| ContainerExit {
                    at_unix_ms: i * 10_000,
                    ..Default::default()
                })
                .collect(),
        );
        for i in 0..count {
            let line = format!("attempt {i} failed");
            t.add_line(
                LogStream::Stdout,
                line.as_bytes(),
                line.len(),
                Some(i * 10_000 + 5),
            );
        }
        let exits = t.exits();
        assert_eq!(exits.len(), ContainerCondition::MAX_EXITS);
        assert_eq!(exits[0].at_unix_ms, 30_000);
        for exit in &exits {
            assert_eq!(exit.last_templates.len(), 1, "{exits:?}");
        }
    }

    #[test]
    fn a_container_writing_journal_export_is_mined_by_message() {
        let mut t = ContainerTriage::default();
        let mut lines = vec!["booting exporter".to_string()];
        for i in 0..20 {
            lines.extend([
                format!("__CURSOR=s=1;i={i}"),
                format!(
                    "__REALTIME_TIMESTAMP={}",
                    1_714_557_600_000_000u64 + i * 1000
                ),
                "PRIORITY=3".into(),
                format!("_PID={}", 100 + i),
                format!("MESSAGE=upstream 10.0.0.{i} refused connection"),
                String::new(),
            ]);
        }
        lines.extend([
            "__CURSOR=s=1;i=99".into(),
            "MESSAGE=cut off at the end".into(),
        ]);
        for line in &lines {
            t.add_line(LogStream::Stdout, line.as_bytes(), line.len(), None);
        }
        let d = t.finish("id", "journal", "img", 10, false);
        assert_eq!(d.lines, 22, "one line per record, plus the text line");
        assert_eq!(d.error_lines, 20);
        let texts: Vec<_> = d.templates.iter().map(|t| t.template.as_str()).collect();
        assert_eq!(texts[0], "upstream <*> refused connection", "{texts:?}");
        assert_eq!(d.templates[0].count, 20);
        assert_eq!(d.first_line_unix_ms, 1_714_557_600_000);
        assert!(texts.contains(&"cut off at the end"), "{texts:?}");
        assert!(texts.contains(&"booting exporter"), "{texts:?}");
        assert!(
            !texts
                .iter()
                .any(|t| t.contains("_PID") || t.contains("__CURSOR")),
            "{texts:?}"
        );
    }

    fn log_line(text: String) -> Result<LogLine, DockerError> {
        Ok(LogLine {
            stream: LogStream::Stdout,
            timestamp_unix_ms: 0,
            full_len: text.len(),
            text: text.into_bytes(),
        })
    }

    #[tokio::test]
    async fn a_log_longer_than_the_deadline_gives_a_partial_digest() {
        // Endless, always ready: only the clock can stop it.
        let endless = futures_util::stream::iter(
            (0u64..).map(|i| log_line(format!("INFO request {i} served by worker{}", i % 7))),
        );
        let mut triage = ContainerTriage::default();
        let mut bytes = 0;
        let started = tokio::time::Instant::now();
        let deadline = started + std::time::Duration::from_millis(300);
        let end = triage
            .read_until(endless, deadline, |len| bytes += len)
            .await
            .expect("no read error");
        let waited = started.elapsed();
        assert_eq!(end, ReadEnd::DeadlineReached);
        assert!(
            waited >= std::time::Duration::from_millis(300),
            "{waited:?}"
        );
        assert!(waited < std::time::Duration::from_secs(5), "{waited:?}");
        let lines = triage.lines();
        assert!(lines > 1000, "only {lines} lines read in {waited:?}");
        let digest = triage.finish("id", "chatty", "img", 10, end == ReadEnd::DeadlineReached);
        assert!(digest.partial);
        assert_eq!(digest.lines, lines);
        assert!(digest.bytes_read > 0 && bytes > 0);
        assert!(digest.read_millis >= 300, "{}", digest.read_millis);
        assert_eq!(digest.templates.iter().map(|t| t.count).sum::<u64>(), lines);
    }

    #[tokio::test]
    async fn a_stalled_log_is_left_at_the_deadline_with_what_it_gave() {
        let lines = futures_util::stream::iter((0..3).map(|i| log_line(format!("WARN slow {i}"))))
            .chain(futures_util::stream::pending());
        let mut triage = ContainerTriage::default();
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_millis(200);
        let end = triage.read_until(lines, deadline, |_| {}).await.unwrap();
        assert_eq!(end, ReadEnd::DeadlineReached);
        let digest = triage.finish("id", "stalled", "img", 10, true);
        assert_eq!((digest.lines, digest.warning_lines), (3, 3));
    }

    #[tokio::test]
    async fn a_log_read_in_time_is_complete_and_counts_templates_past_the_cap() {
        // 6,000 messages that are each their own template: more than the miner's 5,000 cap.
        let messages = (0u64..6000).map(|i| {
            let word = |mut j: u64| {
                let mut text = String::new();
                j += 676;
                while j > 0 {
                    text.push(char::from(b'a' + (j % 26) as u8));
                    j /= 26;
                }
                text
            };
            let words: Vec<String> = [15013u64, 15017, 15031]
                .iter()
                .enumerate()
                .map(|(p, prime)| word(i * (p as u64 * 7 + 3) % prime))
                .collect();
            log_line(format!("INFO {}", words.join(" ")))
        });
        let lines = futures_util::stream::iter(messages);
        let mut triage = ContainerTriage::default();
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(600);
        let end = triage.read_until(lines, deadline, |_| {}).await.unwrap();
        assert_eq!(end, ReadEnd::Complete);
        let digest = triage.finish("id", "many", "img", 10, false);
        assert!(!digest.partial);
        assert_eq!(digest.lines, 6000);
        assert_eq!(digest.distinct_templates, 6000);
        assert!(digest.distinct_templates_estimated);
    }
}
