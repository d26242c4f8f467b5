//! Durations and times as flags take them: `90s`, `15m`, `1h`, `7d`, and RFC 3339 for `--since`.

/// Parses a duration: a number with a unit, `s`, `m`, `h` or `d` (`90s`, `15m`, `12h`, `7d`).
/// Returns seconds.
pub fn parse_duration(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let n: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a duration like 90s, 15m, 12h or 7d"))?;
    let scale = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(format!("{text:?} needs a unit: s, m, h or d")),
    };
    n.checked_mul(scale)
        .filter(|s| *s > 0)
        .ok_or_else(|| format!("{text:?} is out of range"))
}

/// The longest queue timeout the controller takes.
const MAX_QUEUE_TIMEOUT_SECONDS: u64 = 7 * 86_400;

/// Parses a `--queue-timeout`: a duration above zero, at most 7 days (a usage error otherwise,
/// caught before any call).
pub fn parse_queue_timeout(text: &str) -> Result<std::time::Duration, String> {
    parse_queue_timeout_or_default(text).and_then(|s| {
        if s == 0 {
            Err(format!("{text:?} must be above zero"))
        } else {
            Ok(std::time::Duration::from_secs(s))
        }
    })
}

/// Parses a `--queue-timeout` that may be `0s` (back to the controller's default): at most
/// 7 days. Returns seconds.
pub fn parse_queue_timeout_or_default(text: &str) -> Result<u64, String> {
    let zero = text
        .trim()
        .strip_suffix(['s', 'm', 'h', 'd'])
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c == '0'));
    let seconds = if zero { 0 } else { parse_duration(text)? };
    if seconds > MAX_QUEUE_TIMEOUT_SECONDS {
        return Err(format!("{text:?} is more than 7d"));
    }
    Ok(seconds)
}

/// [`parse_queue_timeout`] in seconds.
pub fn parse_queue_timeout_secs(text: &str) -> Result<u64, String> {
    parse_queue_timeout(text).map(|d| d.as_secs())
}

/// Parses a timeout: a duration above zero (`90s`, `15m`, `1h`).
pub fn parse_timeout(text: &str) -> Result<std::time::Duration, String> {
    parse_duration(text).map(std::time::Duration::from_secs)
}

/// Parses a `--since`: an RFC 3339 time (`2025-01-31T00:00:00Z`) or an age (`90s`, `15m`, `24h`,
/// `7d`) before now.
pub fn parse_since(text: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text.trim()) {
        return Ok(t.with_timezone(&chrono::Utc));
    }
    let seconds = parse_duration(text).map_err(|_| {
        format!("{text:?} is neither an RFC 3339 time nor an age like 90s, 15m, 24h or 7d")
    })?;
    let age = chrono::Duration::try_seconds(i64::try_from(seconds).unwrap_or(i64::MAX))
        .ok_or_else(|| format!("{text:?} is out of range"))?;
    chrono::Utc::now()
        .checked_sub_signed(age)
        .ok_or_else(|| format!("{text:?} is out of range"))
}

/// A time as the API takes it.
pub fn timestamp(t: chrono::DateTime<chrono::Utc>) -> prost_types::Timestamp {
    prost_types::Timestamp {
        seconds: t.timestamp(),
        nanos: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_need_a_unit() {
        assert_eq!(parse_duration("15m"), Ok(900));
        assert_eq!(parse_duration("2d"), Ok(172_800));
        assert!(parse_duration("15").is_err());
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("x1h").is_err());
        assert!(parse_duration("-5s").is_err());
    }

    #[test]
    fn since_takes_rfc3339_or_an_age() {
        assert_eq!(
            parse_since("2025-01-31T00:00:00Z").map(|t| t.timestamp()),
            Ok(1_738_281_600)
        );
        let hour_ago = parse_since("1h").expect("an age");
        let drift = (chrono::Utc::now() - hour_ago).num_seconds() - 3600;
        assert!(drift.abs() < 5, "{drift}");
        assert!(parse_since("7w").is_err());
        assert!(parse_since("soon").is_err());
        assert!(parse_since("0s").is_err());
    }
}

#[cfg(test)]
mod queue_timeout_tests {
    use super::*;

    #[test]
    fn queue_timeouts_are_at_most_seven_days_and_zero_only_where_it_means_the_default() {
        assert_eq!(
            parse_queue_timeout("7d"),
            Ok(std::time::Duration::from_secs(604_800))
        );
        assert!(parse_queue_timeout("8d").is_err());
        assert!(parse_queue_timeout("169h").is_err());
        assert!(parse_queue_timeout("0s").is_err());
        assert_eq!(parse_queue_timeout_or_default("0s"), Ok(0));
        assert_eq!(parse_queue_timeout_or_default("2m"), Ok(120));
        assert!(parse_queue_timeout_or_default("8d").is_err());
        assert!(parse_queue_timeout_or_default("0").is_err());
    }
}
