//! Where notifications may go: addresses in private, loopback, link-local and other
//! non-public ranges are refused unless the controller runs with `--allow-private-targets`.
//!
//! The check is made on the addresses a name resolves to, at connection time, by the HTTP
//! client's resolver ([`GuardedResolver`]): a public name that resolves to `127.0.0.1` (or that
//! is re-pointed there after the rule was created) is refused as the literal would be. Literal
//! IP hosts, which the client does not resolve, are checked by [`check_literal_host`]. Redirects
//! are not followed (see `sinks`), so a public endpoint cannot bounce a message inward.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// Whether `ip` is outside the public internet: loopback, private, link-local, shared (CGNAT),
/// unspecified, multicast, broadcast, documentation, benchmarking or reserved ranges, and IPv6
/// unique-local and mapped forms of those.
pub fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_private_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_private_v4(v4);
            }
            let first = v6.segments()[0];
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00 // unique local fc00::/7
                || (first & 0xffc0) == 0xfe80 // link-local fe80::/10
                || (first & 0xffc0) == 0xfec0 // site-local (deprecated) fec0::/10
                || (first == 0x2001 && v6.segments()[1] == 0x0db8) // documentation
                || first == 0x0064 && v6.segments()[1] == 0xff9b // NAT64 64:ff9b::/96
                || v6 == Ipv6Addr::from([0, 0, 0, 0, 0, 0, 0, 1])
        }
    }
}

fn is_private_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..=127).contains(&b)) // shared address space 100.64.0.0/10
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (18..=19).contains(&b)) // benchmarking
        || a >= 240 // reserved
}

/// The host part of an `http(s)` URL, without brackets or port.
pub fn url_host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit('@').next()?;
    if let Some(v6) = host_port.strip_prefix('[') {
        return v6.split(']').next();
    }
    Some(host_port.split(':').next().unwrap_or(host_port))
}

/// Refuses a URL whose host is a literal private address (names are checked when resolved).
/// The error names no address: it is a fixed phrase.
pub fn check_literal_host(url: &str, allow_private: bool) -> Result<(), &'static str> {
    if allow_private {
        return Ok(());
    }
    let host = url_host(url).ok_or("the URL has no host")?;
    if host.eq_ignore_ascii_case("localhost") || host.to_ascii_lowercase().ends_with(".localhost") {
        return Err(
            "the target is a private address (start the controller with --allow-private-targets to allow it)",
        );
    }
    match host.parse::<IpAddr>() {
        Ok(ip) if is_private(ip) => Err(
            "the target is a private address (start the controller with --allow-private-targets to allow it)",
        ),
        _ => Ok(()),
    }
}

/// The HTTP client's resolver: the system's, then the private-range policy on every address.
#[derive(Debug, Clone)]
pub struct GuardedResolver {
    allow_private: bool,
}

impl GuardedResolver {
    /// A resolver that refuses private addresses unless `allow_private`.
    pub fn new(allow_private: bool) -> Arc<Self> {
        Arc::new(GuardedResolver { allow_private })
    }
}

/// A name resolved only to refused addresses.
#[derive(Debug, thiserror::Error)]
#[error("the target resolves only to private addresses (refused without --allow-private-targets)")]
pub struct PrivateTarget;

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        let host = name.as_str().to_string();
        Box::pin(async move {
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|a| allow_private || !is_private(a.ip()))
                .collect();
            if found.is_empty() {
                return Err(Box::new(PrivateTarget) as Box<dyn std::error::Error + Send + Sync>);
            }
            let addrs: Addrs = Box::new(found.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_ranges_are_recognised() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:10.0.0.1",
        ] {
            assert!(is_private(private.parse().unwrap()), "{private}");
        }
        for public in ["1.1.1.1", "140.82.112.3", "2606:4700::1111"] {
            assert!(!is_private(public.parse().unwrap()), "{public}");
        }
    }

    #[test]
    fn literal_hosts_are_checked_unless_allowed() {
        assert!(check_literal_host("http://127.0.0.1:8080/x", false).is_err());
        assert!(check_literal_host("https://[::1]/x", false).is_err());
        assert!(check_literal_host("https://user@10.0.0.1/x", false).is_err());
        assert!(check_literal_host("http://localhost:1/x", false).is_err());
        assert!(check_literal_host("https://hooks.slack.com/services/x", false).is_ok());
        assert!(check_literal_host("http://127.0.0.1:8080/x", true).is_ok());
        assert_eq!(url_host("https://[fd00::1]:8443/p"), Some("fd00::1"));
    }

    #[tokio::test]
    async fn the_resolver_refuses_names_of_private_addresses() {
        let refuse = GuardedResolver::new(false);
        let name: Name = "localhost".parse().unwrap();
        assert!(refuse.resolve(name).await.is_err());
        let allow = GuardedResolver::new(true);
        let name: Name = "localhost".parse().unwrap();
        let addrs: Vec<_> = allow.resolve(name).await.expect("allowed").collect();
        assert!(!addrs.is_empty());
    }
}
