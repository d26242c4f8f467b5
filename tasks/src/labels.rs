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
}

/// Parses one `KEY=VALUE` label: split at the first `=`, key and value trimmed of white space,
/// the key not empty (the value may be).
pub fn parse_label(text: &str) -> Result<(String, String), InvalidLabel> {
    let (key, value) = text
        .split_once('=')
        .ok_or_else(|| InvalidLabel::NotKeyValue(text.to_string()))?;
    if key.trim().is_empty() {
        return Err(InvalidLabel::EmptyKey(text.to_string()));
    }
    Ok((key.trim().to_string(), value.trim().to_string()))
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
    }
}
