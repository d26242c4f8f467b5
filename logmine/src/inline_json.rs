//! A JSON object written into a message's text: Monolog's context (`Matched route "login".
//! {"route":"login","method":"POST"} []`), zap's console encoder (`Starting workers\t{"worker
//! count": 4}`), a client's error body. Its keys are the call site's, its values the line's: the
//! object is rewritten with every key kept and every value a placeholder (`{"route":"<*>",
//! "method":"<*>"}`), nested objects kept as objects, so the event is told by the fields it
//! carries, as a structured line's is (`structured.rs`).
//!
//! Cut at punctuation as other tokens are, the object would keep every value without a digit
//! (`"main"`, `"POST"`) and, written without spaces, be one token the miner cannot vary inside;
//! a string value holding spaces would spread it over a varying number of tokens.
//!
//! A hand-written scanner, not `serde_json`: the rewrite needs where each value starts and ends
//! and the text between them as written (spacing), which a parser into values does not give.

use crate::mask::WILDCARD;

/// Longest object rewritten (bytes); a longer one is left to the token rules.
const MAX_OBJECT_BYTES: usize = 8192;
/// Objects tried in one text.
const MAX_TRIES: usize = 16;
/// Deepest nesting rewritten.
const MAX_DEPTH: usize = 8;

/// `text` with every JSON object in it written by [`rewrite_object`]: an object opens a
/// whitespace-separated token (`{"`) and ends one, closing punctuation aside (`},`). `None` when
/// `text` holds none (of the first sixteen tried).
pub(crate) fn with_object_values(text: &[u8]) -> Option<Vec<u8>> {
    // Most lines hold no `{`: one memchr pass says so.
    let first = memchr::memchr_iter(b'{', text)
        .find(|&at| text.get(at + 1) == Some(&b'"') && opens_a_token(text, at))?;
    let mut out = Vec::with_capacity(text.len());
    let mut copied = 0;
    let mut at = first;
    let mut rewrote = false;
    // Each try scans up to MAX_OBJECT_BYTES: a hostile line of many openings is cut short.
    let mut tries = 0;
    while at < text.len() && tries < MAX_TRIES {
        let opens = text[at..].starts_with(b"{\"") && opens_a_token(text, at);
        tries += usize::from(opens);
        if opens
            && let Some((object, len)) = rewrite_object(&text[at..])
            && ends_token(&text[at + len..])
        {
            out.extend_from_slice(&text[copied..at]);
            out.extend_from_slice(&object);
            at += len;
            copied = at;
            rewrote = true;
            continue;
        }
        at += 1;
    }
    if !rewrote {
        return None;
    }
    out.extend_from_slice(&text[copied..]);
    Some(out)
}

/// Whether an object at `at` opens a token, or the value of a key glued to it (`JSON={"ID":…`,
/// Boulder's audit records).
fn opens_a_token(text: &[u8], at: usize) -> bool {
    match at.checked_sub(1).map(|before| text[before]) {
        None => true,
        Some(b'=') => at >= 2 && (text[at - 2].is_ascii_alphanumeric() || text[at - 2] == b'_'),
        Some(b) => b.is_ascii_whitespace(),
    }
}

/// Whether what follows an object ends its token: the text's end or whitespace, after closing
/// punctuation if any.
fn ends_token(rest: &[u8]) -> bool {
    let punctuation = rest
        .iter()
        .take_while(|b| matches!(b, b',' | b';' | b')' | b']' | b'.' | b':'))
        .count();
    rest.get(punctuation).is_none_or(u8::is_ascii_whitespace)
}

/// When `text` opens with a JSON object (`{"`), the object rewritten with its values as
/// placeholders and the length of `text` it spans. Whitespace between its parts is kept as one
/// space. `None` when it is not an object with at least one member (read as JSON is written;
/// inside arrays only the brackets' nesting is followed).
pub(crate) fn rewrite_object(text: &[u8]) -> Option<(Vec<u8>, usize)> {
    if !text.starts_with(b"{\"") {
        return None;
    }
    let text = &text[..text.len().min(MAX_OBJECT_BYTES)];
    let mut scan = Scan {
        text,
        at: 0,
        out: Vec::with_capacity(64),
    };
    scan.object(0)?;
    Some((scan.out, scan.at))
}

struct Scan<'a> {
    text: &'a [u8],
    at: usize,
    out: Vec<u8>,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    /// Skips whitespace, writing one space for it.
    fn space(&mut self) {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.at += 1;
        }
        if self.at > start {
            self.out.push(b' ');
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| {
            self.out.push(byte);
            self.at += 1;
        })
    }

    /// An object at `at`, copied with its keys and its values rewritten.
    fn object(&mut self, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        let written = self.out.len();
        self.expect(b'{')?;
        self.space();
        if self.peek()? == b'}' {
            return self.expect(b'}');
        }
        let mut data_keys = false;
        loop {
            let key = self.string_end()?;
            data_keys |= self.text.get(self.at + 1).is_some_and(u8::is_ascii_digit);
            self.out.extend_from_slice(&self.text[self.at..key]);
            self.at = key;
            self.space();
            self.expect(b':')?;
            self.space();
            self.value(depth)?;
            self.space();
            match self.peek()? {
                b',' => {
                    self.expect(b',')?;
                    self.space();
                }
                b'}' => {
                    self.expect(b'}')?;
                    if data_keys {
                        // Keys that open with a digit (`{"1":4341}`, a map by ids, dates or
                        // addresses) are data: the object is one value.
                        self.out.truncate(written);
                        self.out.extend_from_slice(WILDCARD);
                    }
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// A member's value: an object is kept as one (its keys are the event's too, unless they
    /// are numbers); anything else is one placeholder, in quotes if it was a string. Numbers are
    /// read loosely (digits, signs, points, exponents).
    fn value(&mut self, depth: usize) -> Option<()> {
        match self.peek()? {
            b'"' => {
                self.at = self.string_end()?;
                self.out.push(b'"');
                self.out.extend_from_slice(WILDCARD);
                self.out.push(b'"');
            }
            b'{' => self.object(depth + 1)?,
            b'[' => {
                self.at = crate::quoted::bracketed_end(self.text, self.at)?;
                self.out.extend_from_slice(WILDCARD);
            }
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {
                let start = self.at;
                while self
                    .peek()
                    .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.'))
                {
                    self.at += 1;
                }
                let literal = &self.text[start..self.at];
                let known = matches!(literal, b"true" | b"false" | b"null")
                    || (literal.iter().any(u8::is_ascii_digit)
                        && literal
                            .iter()
                            .all(|b| !b.is_ascii_alphabetic() || *b == b'e' || *b == b'E'));
                if !known {
                    return None;
                }
                self.out.extend_from_slice(WILDCARD);
            }
            _ => return None,
        }
        Some(())
    }

    /// The end (past the closing quote) of the string opening at `at`.
    fn string_end(&self) -> Option<usize> {
        if self.peek()? != b'"' {
            return None;
        }
        let mut i = self.at + 1;
        while i < self.text.len() {
            match self.text[i] {
                b'\\' => i += 2,
                b'"' => return Some(i + 1),
                _ => i += 1,
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::{rewrite_object, with_object_values};

    fn rewritten(text: &str) -> Option<(String, usize)> {
        rewrite_object(text.as_bytes()).map(|(out, len)| (String::from_utf8(out).unwrap(), len))
    }

    #[test]
    fn keys_stay_and_values_become_placeholders() {
        let text = r#"{"route":"app_login","route_parameters":{"_route":"app_login"},"n":12,"ok":true} []"#;
        let (out, len) = rewritten(text).unwrap();
        assert_eq!(
            out,
            r#"{"route":"<*>","route_parameters":{"_route":"<*>"},"n":<*>,"ok":<*>}"#
        );
        assert_eq!(&text[len..], " []");
    }

    #[test]
    fn spacing_is_kept_and_strings_with_spaces_are_one_value() {
        let (out, _) = rewritten(
            r#"{"error": "connection reset by peer", "tags": ["a", "b"], "m": {"1": 4}, "s3": {"k": 1}}"#,
        )
        .unwrap();
        assert_eq!(
            out,
            r#"{"error": "<*>", "tags": <*>, "m": <*>, "s3": {"k": <*>}}"#
        );
    }

    #[test]
    fn escaped_quotes_and_braces_inside_strings_do_not_end_the_object() {
        let (out, len) = rewritten(r#"{"sql":"a \"}\" b","x":"{"} tail"#).unwrap();
        assert_eq!(out, r#"{"sql":"<*>","x":"<*>"}"#);
        assert_eq!(len, r#"{"sql":"a \"}\" b","x":"{"}"#.len());
    }

    #[test]
    fn objects_ending_tokens_are_rewritten_in_the_text() {
        let text = r#"Matched route "x". {"route":"x","id":7} [] {"uid":"a b"}, done {"no": json}"#;
        let out = with_object_values(text.as_bytes()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"Matched route "x". {"route":"<*>","id":<*>} [] {"uid":"<*>"}, done {"no": json}"#
        );
        assert_eq!(with_object_values(br#"glued{"a":1} {"a":1}x"#), None);
        assert_eq!(with_object_values(b"no object"), None);
    }

    #[test]
    fn an_object_glued_to_a_key_is_rewritten_a_glued_one_after_punctuation_is_not() {
        let text = r#"Validation result JSON={"ID":"a1","Code":200}"#;
        let out = with_object_values(text.as_bytes()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"Validation result JSON={"ID":"<*>","Code":<*>}"#
        );
        assert_eq!(with_object_values(br#"x ={"a":1}"#), None);
        assert_eq!(with_object_values(br#"a-={"a":1}"#), None);
    }

    #[test]
    fn a_text_of_many_objects_has_its_first_sixteen_rewritten() {
        let text = vec![r#"{"a":1}"#; 20].join(" ");
        let out = String::from_utf8(with_object_values(text.as_bytes()).unwrap()).unwrap();
        assert_eq!(out.matches(r#"{"a":<*>}"#).count(), 16);
        assert_eq!(out.matches(r#"{"a":1}"#).count(), 4);
    }

    #[test]
    fn what_is_not_an_object_is_left_alone() {
        for text in [
            r#"{"unterminated": "x""#,
            r#"{"a" "b"}"#,
            r#"{"a": word}"#,
            "{not json}",
            r#"{"a": 1,}"#,
            r#"{"a": -}"#,
        ] {
            assert_eq!(rewritten(text), None, "{text}");
        }
        let deep = format!("{}1{}", r#"{"a":"#.repeat(20), "}".repeat(20));
        assert_eq!(rewritten(&deep), None);
    }
}
