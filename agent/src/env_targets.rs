//! The hosts an environment value names, for service map edges. Pure.
//!
//! **Values never leave the agent:** this module returns only a host and a port, never the scheme,
//! credentials, path or query, and callers pair them with the variable's name alone. It is strict
//! so that a secret is not mistaken for a host: a target is a URL's authority
//! (`postgres://user:pw@db:5432/app` → `db:5432`), a `host:port` (`redis:6379`), or a bare word
//! that the caller recognises as a name on this host (`DB_HOST=db`) or an IPv4 address. Loopback
//! and wildcard addresses name the container itself and are dropped.

/// One host an environment value names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvTarget {
    /// Host name or IP address, lowercased.
    pub host: String,
    /// Port, when the value gave one.
    pub port: Option<u32>,
}

/// The targets in `value`, in order and without repeats. `is_known_name` says whether a bare word
/// (no scheme, no port) is a name on this host worth an edge.
pub fn env_targets(value: &str, is_known_name: impl Fn(&str) -> bool) -> Vec<EnvTarget> {
    let mut targets: Vec<EnvTarget> = Vec::new();
    // Lists of brokers or hosts come comma-, semicolon- or space-separated; a multi-host URL
    // (`mongodb://a:1,b:2/db`) splits into its hosts the same way.
    for item in value.split([',', ';', ' ', '\t', '\n']) {
        let Some(target) = item_target(item, &is_known_name) else {
            continue;
        };
        if !is_loopback(&target.host) && !targets.contains(&target) {
            targets.push(target);
        }
    }
    targets
}

fn item_target(item: &str, is_known_name: &impl Fn(&str) -> bool) -> Option<EnvTarget> {
    let (authority, had_scheme) = match item.split_once("://") {
        Some((scheme, rest)) if is_scheme(scheme) => (rest, true),
        Some(_) => return None,
        None => (item, false),
    };
    // The authority ends at the path, query or fragment; credentials end at the last `@`.
    let authority = authority.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, hp)| hp);
    let (host, port) = split_host_port(host_port)?;
    let host = host.to_ascii_lowercase();
    if !is_host(&host) {
        return None;
    }
    // Without a scheme or a port, a bare word is too weak a sign unless it is an address or a
    // name the caller knows.
    if !had_scheme && port.is_none() && !is_ipv4(&host) && !is_known_name(&host) {
        return None;
    }
    // A bare word before a path (`db/app`) is not a host either.
    if !had_scheme && port.is_none() && item.contains('/') {
        return None;
    }
    Some(EnvTarget { host, port })
}

/// `host`, `host:port`, `[v6]` or `[v6]:port`. `None` when the port is not a port.
fn split_host_port(text: &str) -> Option<(&str, Option<u32>)> {
    if let Some(rest) = text.strip_prefix('[') {
        let (host, after) = rest.split_once(']')?;
        return match after.strip_prefix(':') {
            Some(port) => Some((host, Some(parse_port(port)?))),
            None if after.is_empty() => Some((host, None)),
            None => None,
        };
    }
    match text.split_once(':') {
        Some((host, port)) => Some((host, Some(parse_port(port)?))),
        None => Some((text, None)),
    }
}

fn parse_port(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 5 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|port| (1..=65_535).contains(port))
}

fn is_scheme(text: &str) -> bool {
    let mut bytes = text.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

/// A DNS name (with at least one letter, so that `12` or `1.5` is not one), a container name
/// (which may hold `_`), an IPv4 address, or an IPv6 address.
fn is_host(text: &str) -> bool {
    if text.is_empty() || text.len() > 253 {
        return false;
    }
    if is_ipv4(text) || (text.contains(':') && text.parse::<std::net::Ipv6Addr>().is_ok()) {
        return true;
    }
    let labels_ok = text.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    });
    labels_ok && text.bytes().any(|b| b.is_ascii_alphabetic())
}

fn is_ipv4(text: &str) -> bool {
    text.parse::<std::net::Ipv4Addr>().is_ok()
}

fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback() || ip.is_unspecified())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: &str, expected: &[(&str, Option<u32>)]) {
        let known = |name: &str| matches!(name, "db" | "cache" | "api_1");
        let found: Vec<(String, Option<u32>)> = env_targets(value, known)
            .into_iter()
            .map(|t| (t.host, t.port))
            .collect();
        let expected: Vec<(String, Option<u32>)> = expected
            .iter()
            .map(|(host, port)| (host.to_string(), *port))
            .collect();
        assert_eq!(found, expected, "{value:?}");
    }

    #[test]
    fn urls_give_their_host_and_port_only() {
        check("postgres://db:5432", &[("db", Some(5432))]);
        check(
            "postgres://app:s3cret@db:5432/app?sslmode=disable",
            &[("db", Some(5432))],
        );
        check("http://Search.Internal/api", &[("search.internal", None)]);
        check(
            "amqp://user:p@ss:w0rd@rabbit:5672/",
            &[("rabbit", Some(5672))],
        );
        check("http://[fd00::5]:8080/x", &[("fd00::5", Some(8080))]);
    }

    #[test]
    fn host_port_pairs_and_lists() {
        check("redis:6379", &[("redis", Some(6379))]);
        check(
            "kafka-1:9092,kafka-2:9092;kafka-1:9092",
            &[("kafka-1", Some(9092)), ("kafka-2", Some(9092))],
        );
        check(
            "mongodb://a.example:27017,b.example:27017/db",
            &[("a.example", Some(27017)), ("b.example", Some(27017))],
        );
        check("10.0.0.7:8080", &[("10.0.0.7", Some(8080))]);
    }

    #[test]
    fn bare_words_only_when_known_or_an_address() {
        check("db", &[("db", None)]);
        check("api_1", &[("api_1", None)]);
        check("10.1.2.3", &[("10.1.2.3", None)]);
        check("production", &[]);
        check("s3cret", &[]);
        check("db/app", &[]);
    }

    #[test]
    fn secrets_and_numbers_are_not_hosts() {
        check("hunter2", &[]);
        check("3600", &[]);
        check("1.5", &[]);
        check("abc:notaport", &[]);
        check("abc:99999", &[]);
        check("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", &[]);
        check("-rf:80", &[]);
        check("", &[]);
        check("true", &[]);
    }

    #[test]
    fn loopback_names_the_container_itself() {
        check("http://localhost:8080", &[]);
        check("127.0.0.1:5432", &[]);
        check("0.0.0.0:80", &[]);
        check("[::1]:80", &[]);
    }
}
