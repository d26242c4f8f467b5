//! Agent labels as flags give them: `KEY=VALUE`, for the labels an agent carries and those a join
//! token stamps on the agent that enrolls with it.

/// Text that is not a `KEY=VALUE` label; the message quotes it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidLabel {
    /// No `=` in the text.
    #[error("label {0:?} must be KEY=VALUE")]
    NotKeyValue(String),
    /// Nothing but white space before the `=`.
    #[error("label {0:?} has an empty key")]
    EmptyKey(String),
    /// A key that [`is_label_key`] refuses.
    #[error("label {0:?}: the key must be 1-63 letters, digits, '.', '_', '/' or '-'")]
    BadKey(String),
}

/// The longest label key.
pub const MAX_LABEL_KEY_BYTES: usize = 63;

/// Whether `key` is a label key: 1 to 63 ASCII letters, digits, `.`, `_`, `/` or `-`
/// (`gpu`, `zone`, `example.com/rack`). The one rule for every label key: the flags of `cbctl`
/// and the agent, and the controller's input check for labels, selectors and join tokens.
pub fn is_label_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= MAX_LABEL_KEY_BYTES
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'/' | b'-'))
}

/// Parses one `KEY=VALUE` label: split at the first `=`, key and value trimmed of white space,
/// the key a label key ([`is_label_key`]), the value possibly empty.
pub fn parse_label(text: &str) -> Result<(String, String), InvalidLabel> {
    let (key, value) = text
        .split_once('=')
        .ok_or_else(|| InvalidLabel::NotKeyValue(text.to_string()))?;
    let key = key.trim();
    if key.is_empty() {
        return Err(InvalidLabel::EmptyKey(text.to_string()));
    }
    if !is_label_key(key) {
        return Err(InvalidLabel::BadKey(text.to_string()));
    }
    Ok((key.to_string(), value.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: Result<(&str, &str), &str>) {
        let parsed = parse_label(text);
        match expected {
            Ok((key, value)) => {
                assert_eq!(parsed, Ok((key.to_string(), value.to_string())), "{text:?}")
            }
            Err(message) => assert_eq!(
                parsed.expect_err("an invalid label").to_string(),
                message,
                "{text:?}"
            ),
        }
    }

    #[test]
    fn labels_parse() {
        check("gpu=true", Ok(("gpu", "true")));
        check(" zone = a ", Ok(("zone", "a")));
        check("empty=", Ok(("empty", "")));
        check("url=a=b", Ok(("url", "a=b")));
        check("nokey", Err(r#"label "nokey" must be KEY=VALUE"#));
        check(" =x", Err(r#"label " =x" has an empty key"#));
        check(
            "example.com/rack-2_a=r1",
            Ok(("example.com/rack-2_a", "r1")),
        );
        let bad_key =
            r#"label "a b=c": the key must be 1-63 letters, digits, '.', '_', '/' or '-'"#;
        check("a b=c", Err(bad_key));
        assert!(parse_label("zone\u{202E}=a").is_err());
        assert!(parse_label(&format!("{}=a", "k".repeat(64))).is_err());
        assert!(parse_label(&format!("{}=a", "k".repeat(63))).is_ok());
    }
}
