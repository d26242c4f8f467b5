//! A mined template and its statistics.

use serde::{Deserialize, Serialize};

use crate::Severity;
use crate::mask::WILDCARD;
use crate::slots::SlotText;

/// Stable identifier of a template. Ids are never reused; when two templates merge, the absorbed
/// id redirects to the survivor (see [`crate::Miner::resolve`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TemplateId(pub u64);

impl std::fmt::Display for TemplateId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "T{}", self.0)
    }
}

/// One template: a token sequence where `<*>` marks variable positions, plus what the miner has
/// seen of the lines that matched it.
#[derive(Debug, Clone)]
pub struct Template {
    pub(crate) id: TemplateId,
    /// Masked and generalised tokens; `<*>` is a variable.
    pub(crate) tokens: Vec<Box<[u8]>>,
    pub(crate) count: u64,
    pub(crate) first_line: u64,
    pub(crate) last_line: u64,
    pub(crate) first_timestamp_ms: Option<i64>,
    pub(crate) last_timestamp_ms: Option<i64>,
    /// Most severe level word seen in the headers of matching lines.
    pub(crate) level: Option<Severity>,
    /// Severity suggested by words of the template (`error`, `exception`, `warn`...).
    pub(crate) keyword_severity: Severity,
    /// Redacted example lines, at most `MinerConfig::max_examples`.
    pub(crate) examples: Vec<String>,
    /// What redaction removed from the template's first lines (those it keeps examples of, and
    /// always its first): its text, which comes from those lines' words, must not show any of
    /// it (see [`crate::redact::redact_template`]). Empty for almost every template.
    pub(crate) secrets: Vec<Box<str>>,
    /// Start of the current tumbling burst window (timestamp or line index).
    pub(crate) window_start: i64,
    /// Lines in the current burst window.
    pub(crate) window_count: u64,
    /// Most lines seen in one burst window.
    pub(crate) peak_window_count: u64,
    /// Fingerprints of exact shapes cached in the miner's shape map for this template, so they can
    /// be re-pointed on merge and dropped on eviction.
    pub(crate) shapes: Vec<u64>,
    /// What the template's lines hold in each position, which its text is written from; `None`
    /// until its first line.
    pub(crate) slots: Option<SlotText>,
    /// The position that stands for a phrase of any length, if the template has one.
    pub(crate) phrase: Phrase,
    /// The closing mark of the one value the masker dropped from the start of its first line
    /// (see `crate::miner`'s `dropped_lead`): its first token is the line's second, which a
    /// clause's head counts (see `crate::clause::head`).
    pub(crate) dropped_lead: Option<u8>,
}

/// Where a template holds a variable that stands for several tokens (a delimited span or an
/// undelimited stretch that became one `<*>`): lines of any length then map onto its positions,
/// so every line, not only those as long as the first, informs its text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Phrase {
    /// Every position is one token.
    #[default]
    None,
    /// Position `n` stands for one or more tokens.
    At(usize),
    /// More than one such position, or a free-text tail: a line's tokens cannot be mapped, and
    /// only lines as long as the reference inform the text.
    Several,
}

impl Phrase {
    /// After the tokens from `start` on, `removed` of them, were replaced by one phrase.
    pub(crate) fn collapsed_at(self, start: usize) -> Self {
        match self {
            Phrase::None => Phrase::At(start),
            _ => Phrase::Several,
        }
    }

    /// The line's token spans mapped onto a template of `positions` tokens: the tokens its phrase
    /// covers become one span. `tokens` are the line's raw tokens, `origin` maps each of its
    /// `masked` tokens to the raw token it starts at. `None` when the line cannot be mapped
    /// (fewer tokens than the template); the spans unchanged without a phrase.
    pub(crate) fn align<'a>(
        self,
        tokens: &'a [(usize, usize)],
        origin: &[u32],
        positions: usize,
    ) -> Option<std::borrow::Cow<'a, [(usize, usize)]>> {
        use std::borrow::Cow;
        let Phrase::At(at) = self else {
            return Some(Cow::Borrowed(tokens));
        };
        let extra = origin.len().checked_sub(positions)?;
        let first = *origin.get(at)? as usize;
        let after = origin
            .get(at + extra + 1)
            .map_or(tokens.len(), |&next| next as usize);
        if first >= after || after > tokens.len() {
            return None;
        }
        let mut out = Vec::with_capacity(tokens.len() - (after - first) + 1);
        out.extend_from_slice(&tokens[..first]);
        out.push((tokens[first].0, tokens[after - 1].1));
        out.extend_from_slice(&tokens[after..]);
        Some(Cow::Owned(out))
    }
}

impl Template {
    /// The stable id.
    pub fn id(&self) -> TemplateId {
        self.id
    }

    /// Template text: tokens joined by single spaces, variables as `<*>`. Written from the values
    /// its lines hold in each position (see `crate::slots`): a position is `<*>` when they differ
    /// there, and keeps the structure around the value (`uid=<*>`, `/<*>:<*>`, `<*>ms`).
    pub fn text(&self) -> String {
        if let Some(slots) = &self.slots {
            return String::from_utf8_lossy(&slots.render()).into_owned();
        }
        let mut joined = Vec::new();
        for (i, token) in self.tokens.iter().enumerate() {
            if i > 0 {
                joined.push(b' ');
            }
            joined.extend_from_slice(token);
        }
        String::from_utf8_lossy(&joined).into_owned()
    }

    /// The tokens; `<*>` marks a variable.
    pub fn tokens(&self) -> impl Iterator<Item = &[u8]> + '_ {
        self.tokens.iter().map(|t| &t[..])
    }

    /// Number of lines that matched.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Index (0-based, over all lines given to the miner) of the first matching line.
    pub fn first_line(&self) -> u64 {
        self.first_line
    }

    /// Index of the last matching line.
    pub fn last_line(&self) -> u64 {
        self.last_line
    }

    /// Earliest caller-supplied timestamp (unix millis) among matching lines.
    pub fn first_timestamp_ms(&self) -> Option<i64> {
        self.first_timestamp_ms
    }

    /// Latest caller-supplied timestamp (unix millis) among matching lines.
    pub fn last_timestamp_ms(&self) -> Option<i64> {
        self.last_timestamp_ms
    }

    /// Severity: the most severe header level seen on matching lines; without any level, the one
    /// suggested by the template's words.
    pub fn severity(&self) -> Severity {
        self.level.unwrap_or(self.keyword_severity)
    }

    /// The template's text with secrets redacted: [`Template::text`] through
    /// [`crate::redact::redact_template`], which also removes what redaction took from the
    /// template's first lines.
    pub fn redacted_text(&self) -> String {
        crate::redact::redact_template(&self.text(), &self.secrets)
    }

    /// Up to `MinerConfig::max_examples` example lines, secrets redacted.
    pub fn examples(&self) -> &[String] {
        &self.examples
    }

    /// Most lines that fell in one burst window (see `MinerConfig::burst_window_ms`).
    pub fn peak_window_count(&self) -> u64 {
        self.peak_window_count
    }

    pub(crate) fn is_wildcard(&self, index: usize) -> bool {
        &self.tokens[index][..] == WILDCARD
    }
}

/// Severity suggested by the words of a template, for lines without a level in their header.
pub(crate) fn keyword_severity(tokens: &[Box<[u8]>]) -> Severity {
    let mut severity = Severity::Unknown;
    for token in tokens {
        let lower = token.to_ascii_lowercase();
        let has = |word: &[u8]| lower.windows(word.len()).any(|w| w == word);
        if has(b"fatal") || has(b"panic") || has(b"critical") {
            return Severity::Fatal;
        }
        if has(b"error") || has(b"exception") || has(b"fail") || has(b"traceback") {
            severity = Severity::Error;
        }
        if has(b"warn") && severity != Severity::Error {
            severity = Severity::Warn;
        }
    }
    severity
}
