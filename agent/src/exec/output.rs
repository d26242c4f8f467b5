//! A command's output within its cap: the first half of the cap and the last half are kept, what
//! lies between is counted and dropped, so the beginning (what ran) and the end (how it ended)
//! both survive a flood. Redacted line by line with the log redaction before it leaves the host.

use std::collections::VecDeque;

use cyberbrain_logmine::redact::{PrivateKeyBlocks, redact_part};

/// Output kept within a byte cap.
#[derive(Debug)]
pub struct CappedOutput {
    head: Vec<u8>,
    tail: VecDeque<u8>,
    head_cap: usize,
    tail_cap: usize,
    /// Every byte written, kept or not.
    total: u64,
}

impl CappedOutput {
    /// Keeps at most `cap` bytes: half from the start, half from the end.
    pub fn new(cap: usize) -> CappedOutput {
        let head_cap = cap / 2;
        CappedOutput {
            head: Vec::new(),
            tail: VecDeque::new(),
            head_cap,
            tail_cap: cap - head_cap,
            total: 0,
        }
    }

    /// Adds what the command wrote next.
    pub fn push(&mut self, mut bytes: &[u8]) {
        self.total += bytes.len() as u64;
        let room = self.head_cap - self.head.len();
        if room > 0 {
            let taken = room.min(bytes.len());
            self.head.extend_from_slice(&bytes[..taken]);
            bytes = &bytes[taken..];
        }
        if bytes.len() >= self.tail_cap {
            self.tail.clear();
            self.tail.extend(&bytes[bytes.len() - self.tail_cap..]);
            return;
        }
        let overflow = (self.tail.len() + bytes.len()).saturating_sub(self.tail_cap);
        self.tail.drain(..overflow);
        self.tail.extend(bytes);
    }

    /// Bytes written in all.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Whether bytes were dropped.
    pub fn truncated(&self) -> bool {
        self.total > (self.head.len() + self.tail.len()) as u64
    }

    /// The kept output as redacted text, with a marker line where bytes were dropped. Over the
    /// cap, the head ends and the tail starts at a line break (the partial lines at the cut are
    /// dropped too), so that no line is redacted from its middle: a tail starting at `ord=hunter2`
    /// would not be recognised as a password.
    pub fn into_text(self) -> String {
        let kept = (self.head.len() + self.tail.len()) as u64;
        if self.total == kept {
            let mut blocks = PrivateKeyBlocks::default();
            let mut whole = self.head;
            whole.extend(self.tail);
            return redact_lines(&whole, &mut blocks);
        }
        let head = match self.head.iter().rposition(|b| *b == b'\n') {
            Some(i) => &self.head[..=i],
            // One line longer than half the cap: its start is kept (its key, if any, is whole).
            None => &self.head[..],
        };
        let tail: Vec<u8> = self.tail.into_iter().collect();
        let tail = match tail.iter().position(|b| *b == b'\n') {
            Some(i) => &tail[i + 1..],
            None => &[][..],
        };
        let dropped = self.total - (head.len() + tail.len()) as u64;
        let mut blocks = PrivateKeyBlocks::default();
        let mut text = redact_lines(head, &mut blocks);
        if !text.ends_with('\n') && !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&format!(
            "[… {dropped} bytes of output dropped: over the cap, head and tail kept …]\n"
        ));
        // A key block cut in the middle is not known to have ended.
        let mut blocks = PrivateKeyBlocks::default();
        text.push_str(&redact_lines(tail, &mut blocks));
        text
    }
}

/// Cuts one pipe's bytes into whole lines, so that lines of stdout and stderr interleave only at
/// line breaks: a stderr write cannot split a stdout `password=…` line and defeat its redaction.
/// A line longer than [`MAX_PIECE_BYTES`] is passed on in parts.
#[derive(Debug, Default)]
pub struct PipeLines {
    pending: Vec<u8>,
}

impl PipeLines {
    /// Adds what the pipe gave next; returns the whole lines it completes (maybe none).
    pub fn push(&mut self, bytes: &[u8]) -> Vec<u8> {
        self.pending.extend_from_slice(bytes);
        let cut = match self.pending.iter().rposition(|b| *b == b'\n') {
            Some(i) => i + 1,
            None if self.pending.len() >= MAX_PIECE_BYTES => self.pending.len(),
            None => return Vec::new(),
        };
        self.pending.drain(..cut).collect()
    }

    /// What is left at the pipe's end (a last line without a newline).
    pub fn finish(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.pending)
    }
}

/// Redacts each line of `bytes` (invalid UTF-8 replaced), keeping the line breaks.
pub(crate) fn redact_lines(bytes: &[u8], blocks: &mut PrivateKeyBlocks) -> String {
    let mut out = String::with_capacity(bytes.len());
    for line in bytes.split_inclusive(|b| *b == b'\n') {
        let (body, newline) = match line.strip_suffix(b"\n") {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        let part = blocks.observe(body);
        out.push_str(&redact_part(body, part));
        out.push_str(newline);
    }
    out
}

/// Where the complete lines of a running command go as they come, redacted.
pub type OutputSink = tokio::sync::mpsc::UnboundedSender<String>;

/// The largest piece sent at once (the controller takes up to 64 KiB).
const MAX_PIECE_BYTES: usize = 32 * 1024;

/// Streams a command's output as it comes: complete lines, redacted, in pieces of at most
/// [`MAX_PIECE_BYTES`], until `cap` bytes were streamed (the result keeps the head and tail).
#[derive(Debug)]
pub struct LineStream {
    sink: OutputSink,
    pending: Vec<u8>,
    streamed: usize,
    cap: usize,
    blocks: PrivateKeyBlocks,
}

impl LineStream {
    /// Streams to `sink`, at most `cap` bytes.
    pub fn new(sink: OutputSink, cap: usize) -> LineStream {
        LineStream {
            sink,
            pending: Vec::new(),
            streamed: 0,
            cap,
            blocks: PrivateKeyBlocks::default(),
        }
    }

    /// Adds what the command wrote next; sends the lines it completes.
    pub fn push(&mut self, bytes: &[u8]) {
        if self.streamed >= self.cap {
            return;
        }
        self.pending.extend_from_slice(bytes);
        let cut = match self.pending.iter().rposition(|b| *b == b'\n') {
            Some(i) => i + 1,
            // A line longer than a piece goes out in parts.
            None if self.pending.len() >= MAX_PIECE_BYTES => self.pending.len(),
            None => return,
        };
        let complete: Vec<u8> = self.pending.drain(..cut).collect();
        self.send(&complete);
    }

    /// Sends what is left (a last line without a newline).
    pub fn finish(&mut self) {
        if !self.pending.is_empty() && self.streamed < self.cap {
            let rest = std::mem::take(&mut self.pending);
            self.send(&rest);
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        let room = self.cap - self.streamed;
        let bytes = &bytes[..bytes.len().min(room)];
        self.streamed += bytes.len();
        for chunk in bytes.chunks(MAX_PIECE_BYTES) {
            let _ = self.sink.send(redact_lines(chunk, &mut self.blocks));
        }
        if self.streamed >= self.cap {
            let _ = self.sink.send(
                "[… streaming stopped at the output cap; the result keeps the head and the tail …]\n"
                    .to_string(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_output_is_kept_whole() {
        let mut out = CappedOutput::new(1024);
        out.push(b"hello\n");
        out.push(b"world");
        assert!(!out.truncated());
        assert_eq!(out.total(), 11);
        assert_eq!(out.into_text(), "hello\nworld");
    }

    #[test]
    fn a_flood_keeps_head_and_tail_and_says_how_much_was_dropped() {
        let mut out = CappedOutput::new(100);
        out.push(b"FIRST LINE\n");
        for _ in 0..1000 {
            out.push(b"middle middle middle\n");
        }
        out.push(b"LAST LINE\n");
        assert!(out.truncated());
        let total = out.total();
        assert_eq!(total, 11 + 21_000 + 10);
        let text = out.into_text();
        assert!(text.starts_with("FIRST LINE\n"), "{text}");
        assert!(text.ends_with("LAST LINE\n"), "{text}");
        // Cut at line breaks: the partial lines at both cuts count as dropped.
        let kept_middle = text.matches("middle").count() as u64 * 7;
        assert!(
            text.contains(&format!(
                "{} bytes of output dropped",
                total - 11 - 10 - kept_middle
            )),
            "{text}"
        );
        assert!(
            text.lines().all(|l| l == "middle middle middle"
                || l == "FIRST LINE"
                || l == "LAST LINE"
                || l.contains("dropped")),
            "{text}"
        );
    }

    #[test]
    fn the_tail_starts_at_a_line_break_so_a_cut_secret_is_not_shown() {
        let mut out = CappedOutput::new(40);
        out.push(b"head line\n");
        out.push(&[b'x'; 200]);
        // The tail's 20 bytes start inside this line, after the key.
        out.push(b"\npassword=hunter2-secret\nok\n");
        let text = out.into_text();
        assert!(!text.contains("hunter2"), "{text}");
        assert!(text.starts_with("head line\n"), "{text}");
        assert!(
            text.ends_with("dropped: over the cap, head and tail kept …]\nok\n"),
            "{text}"
        );
    }

    #[test]
    fn interleaved_pipes_pass_on_whole_lines_only() {
        let (sink, mut pieces) = tokio::sync::mpsc::unbounded_channel();
        let mut stream = LineStream::new(sink, 4096);
        let mut out = CappedOutput::new(4096);
        let (mut stdout, mut stderr) = (PipeLines::default(), PipeLines::default());
        for lines in [
            stdout.push(b"pass"),
            stderr.push(b"warning: x\n"),
            stdout.push(b"word=hunter2-very-secret\n"),
        ] {
            out.push(&lines);
            stream.push(&lines);
        }
        stream.finish();
        let text = out.into_text();
        assert_eq!(text.lines().next(), Some("warning: x"), "{text}");
        assert!(!text.contains("hunter2"), "{text}");
        let mut streamed = String::new();
        while let Ok(piece) = pieces.try_recv() {
            streamed.push_str(&piece);
        }
        assert!(streamed.starts_with("warning: x\npassword="), "{streamed}");
        assert!(!streamed.contains("hunter2"), "{streamed}");
        assert_eq!(stdout.finish(), b"");
        assert_eq!(stderr.push(b"no newline"), b"");
        assert_eq!(stderr.finish(), b"no newline");
    }

    #[test]
    fn one_huge_write_keeps_its_end() {
        let mut out = CappedOutput::new(10);
        let big: Vec<u8> = (0..100u8).collect();
        out.push(&big);
        assert_eq!(out.head, (0..5u8).collect::<Vec<_>>());
        assert_eq!(out.tail, (95..100u8).collect::<VecDeque<_>>());
    }

    #[test]
    fn streaming_sends_complete_redacted_lines_up_to_the_cap() {
        let (sink, mut pieces) = tokio::sync::mpsc::unbounded_channel();
        let mut stream = LineStream::new(sink, 40);
        stream.push(b"one\ntw");
        stream.push(b"o\npassword=hunter2-very-secret\n");
        stream.push(b"more than the cap allows\n");
        stream.finish();
        let mut got = Vec::new();
        while let Ok(piece) = pieces.try_recv() {
            got.push(piece);
        }
        assert_eq!(got[0], "one\n");
        assert!(got[1].starts_with("two\npassword="), "{got:?}");
        assert!(!got.concat().contains("hunter2"), "{got:?}");
        assert!(got.last().unwrap().contains("streaming stopped"), "{got:?}");
    }

    #[test]
    fn secrets_are_redacted() {
        let mut out = CappedOutput::new(4096);
        out.push(b"ok\npassword=hunter2-very-secret\n");
        let text = out.into_text();
        assert!(!text.contains("hunter2"), "{text}");
        assert!(text.starts_with("ok\n"), "{text}");
    }
}
