//! Property-style tests with a seeded generator: arbitrary bytes, invalid UTF-8, huge lines and
//! template churn never panic, and the template count never exceeds the cap.

use cyberbrain_logmine::{Miner, MinerConfig, header, mask, redact};

/// xorshift64*: deterministic, so a failure reproduces from the seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// Bytes biased towards what the parsers branch on: digits, punctuation, spaces, brackets,
    /// level words, month names, invalid UTF-8.
    fn line(&mut self, max_len: usize) -> Vec<u8> {
        const PIECES: &[&[u8]] = &[
            b" ",
            b"  ",
            b"0",
            b"42",
            b"-",
            b"_",
            b".",
            b":",
            b"=",
            b"[",
            b"]",
            b"(",
            b")",
            b"|",
            b"/",
            b"\"",
            b"<*>",
            b"INFO",
            b"[error]",
            b"Jun",
            b"Sun",
            b"2015-10-18 18:01:47,978",
            b"081109 203615",
            b"blk_-1",
            b"user",
            b"password=",
            b"Bearer",
            b"http://a:b@c",
            b"\xff",
            b"\xc3",
            b"\xe2\x82",
            b"\t",
            b"\r",
            b"\n",
            b"B",
            b"KB",
            b"ms",
            b"x.example.com",
            // Shapes of session 20's header rules: .NET's, Ruby's, PHP's, Erlang's, Open
            // vSwitch's, glued keys, capitals.
            b"info: ",
            b"A.B[",
            b"I, [",
            b" #1]",
            b" -- ",
            b"PHP ",
            b"Warning:",
            b"01-May-2024 10:00:00",
            b"<0.1.0>",
            b"|INFO|",
            b"error:[",
            b"map[",
            b";",
            b"sofia.c:12",
            b"SERVICE ALERT:",
            // Session 21's: padded levels, Python behind a time, ` :: `, JUL's time, logrus on a
            // terminal, Go's prefix, zap's context object, envelopes.
            b"[ INFO]",
            b"[info     ]",
            b",123:WARNING:a.b:",
            b" :: ",
            b"Dec 17, 2026 1:07:49 PM",
            b"ERRO[0042]",
            b"app: 2026/12/17 10:00:00",
            b"\t{\"",
            b"{\"data\":{\"msg\":",
            b": I a.cc:1]",
            b"[INFO|a.py:1]",
            b" >> ",
        ];
        let len = self.below(max_len as u64 + 1) as usize;
        let mut out = Vec::with_capacity(len);
        while out.len() < len {
            if self.below(3) == 0 {
                out.push(self.next() as u8);
            } else {
                out.extend_from_slice(PIECES[self.below(PIECES.len() as u64) as usize]);
            }
        }
        out
    }
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut miner = Miner::new(MinerConfig::default());
    let mut masked = mask::MaskedLine::new();
    for _ in 0..20_000 {
        let line = rng.line(120);
        let h = header::detect(&line);
        assert!(h.body_start <= line.len());
        if let Some(ts) = h.timestamp_text(&line) {
            assert!(!ts.is_empty());
        }
        mask::mask_into(h.body(&line), 4096, 256, &mut masked);
        let _ = redact::redact(&line);
        let id = miner.add_line(&line, Some(rng.below(1_000_000) as i64));
        assert!(
            miner.resolve(id).is_some(),
            "a fresh id resolves while under the cap"
        );
    }
    let digest = miner.digest(50);
    assert!(digest.templates.len() <= 50);
    assert!(serde_json::to_string(&digest).is_ok());
}

#[test]
fn huge_lines_cost_bounded_work_and_never_panic() {
    let mut miner = Miner::new(MinerConfig::default());
    let mut big = Vec::with_capacity(1 << 20);
    let mut rng = Rng(7);
    while big.len() < 1 << 20 {
        big.extend_from_slice(&rng.line(64));
    }
    let a = miner.add_line(&big, None);
    let b = miner.add_line(&vec![b'x'; 1 << 20], None);
    let c = miner.add_line(&vec![0xff; 1 << 20], None);
    let d = miner.add_line(&vec![b' '; 1 << 20], None);
    for id in [a, b, c, d] {
        let template = miner.template(id).expect("template exists");
        assert!(template.tokens().count() <= miner.config().max_tokens);
        assert!(
            template
                .examples()
                .iter()
                .all(|e| e.len() <= 4 * miner.config().max_example_bytes)
        );
    }
}

#[test]
fn template_count_never_exceeds_cap() {
    for cap in [1usize, 2, 7, 64] {
        let config = MinerConfig {
            max_templates: cap,
            ..MinerConfig::default()
        };
        let mut miner = Miner::new(config);
        let mut rng = Rng(cap as u64 + 99);
        for i in 0..5_000u64 {
            // Distinct words make most lines new templates; some repeat so merges happen too.
            let word = rng.below(if i % 3 == 0 { 5 } else { 100_000 });
            let line = format!(
                "event w{word}x{} happened to node{} user {}",
                word % 7,
                i % 4,
                ["ann", "bob", "cy", "dee"][i as usize % 4]
            );
            miner.add_line(line.as_bytes(), None);
            assert!(
                miner.template_count() <= cap,
                "cap {cap} exceeded at line {i}"
            );
        }
        let digest = miner.digest(usize::MAX);
        assert!(digest.templates.len() <= cap);
        let kept: u64 = digest.templates.iter().map(|t| t.count).sum();
        assert_eq!(
            kept + digest.evicted_lines,
            5_000,
            "every line is kept or counted as evicted"
        );
    }
}

#[test]
fn lines_of_one_value_alone_mine_without_panic() {
    // A line that is only a value (a UUID between stack frames, a count) masks to nothing:
    // its template has no token, and every rule that reads a template's first token must
    // allow for that (the pair rule once did not).
    let mut miner = Miner::new(MinerConfig::default());
    let lines = [
        "009e2fa4-5597-11ef-83d5-fd1fd4353496",
        "4242",
        "10.0.0.7",
        "[Back Yard: 1000 - Analysing at 1.5 fps]",
        "7b1c9e02-5597-11ef-83d5-fd1fd4353496",
    ];
    for line in lines {
        miner.add_line(line.as_bytes(), None);
    }
    assert!(miner.template_count() >= 2);
}
