//! Where notifications may go: addresses in private, loopback, link-local and other
//! non-public ranges are refused unless the controller runs with `--allow-private-targets`.
//!
//! The check is made on the addresses a name resolves to, at connection time, by the HTTP
//! client's resolver ([`GuardedResolver`]): a public name that resolves to `127.0.0.1` (or that
//! is re-pointed there after the rule was created) is refused as the literal would be. Literal
//! IP hosts, which the client does not resolve, are checked by [`check_literal_host`] on the URL
//! as the client parses it (WHATWG rules: `http://0x7f000001/`, `http://127.1/` and
//! `http://10.0.0.1\@example.com/` are all private literals). Redirects
//! are not followed (see `sinks`), so a public endpoint cannot bounce a message inward.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use url::Host;

/// Whether `ip` is outside the public internet: loopback, private, link-local, shared (CGNAT),
/// unspecified, multicast, broadcast, documentation, benchmarking or reserved ranges, and the
/// IPv6 ranges that are private or carry an IPv4 address a gateway may forward to (mapped,
/// compatible, translated, NAT64, 6to4, Teredo).
pub fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_private_v4(v4),
        IpAddr::V6(v6) => is_private_v6(v6),
    }
}

fn is_private_v6(v6: Ipv6Addr) -> bool {
    if let Some(v4) = v6.to_ipv4_mapped() {
        return is_private_v4(v4);
    }
    let s = v6.segments();
    let first = s[0];
    v6.is_loopback()
        || v6.is_unspecified()
        || v6.is_multicast()
        || s[..6] == [0; 6] // IPv4-compatible ::/96 (deprecated)
        || s[..4] == [0, 0, 0, 0] && s[4] == 0xffff && s[5] == 0 // IPv4-translated ::ffff:0:0:0/96
        || s[..4] == [0x0100, 0, 0, 0] // discard-only 100::/64
        || (first & 0xfe00) == 0xfc00 // unique local fc00::/7
        || (first & 0xffc0) == 0xfe80 // link-local fe80::/10
        || (first & 0xffc0) == 0xfec0 // site-local (deprecated) fec0::/10
        || (first == 0x2001 && s[1] < 0x0200) // IETF assignments 2001::/23 (Teredo 2001::/32)
        || (first == 0x2001 && s[1] == 0x0db8) // documentation 2001:db8::/32
        || (first == 0x3fff && s[1] < 0x1000) // documentation 3fff::/20
        || first == 0x2002 // 6to4 2002::/16 (embedded IPv4)
        || (first == 0x0064 && s[1] == 0xff9b) // NAT64 64:ff9b::/96 and local 64:ff9b:1::/48
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
        || (a == 192 && b == 88 && c == 99) // 6to4 relay anycast
        || (a == 198 && (18..=19).contains(&b)) // benchmarking
        || a >= 240 // reserved
}

/// The phrase for a refused private target (it names no address).
const PRIVATE_TARGET: &str = "the target is a private address (start the controller with --allow-private-targets to allow it)";

/// Refuses a URL whose host, as the HTTP client parses the URL (WHATWG rules, the `url` crate),
/// is a private address literal or `localhost`; other names are checked when resolved. The
/// error names no address: it is a fixed phrase.
pub fn check_literal_host(url: &str, allow_private: bool) -> Result<(), &'static str> {
    let parsed = reqwest::Url::parse(url).map_err(|_| "the target is not a valid URL")?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err("the target must be an http:// or https:// URL");
    }
    let host = parsed.host().ok_or("the URL has no host")?;
    if allow_private {
        return Ok(());
    }
    let private = match host {
        Host::Ipv4(v4) => is_private(IpAddr::V4(v4)),
        Host::Ipv6(v6) => is_private(IpAddr::V6(v6)),
        Host::Domain(name) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            name == "localhost" || name.ends_with(".localhost")
        }
    };
    if private {
        return Err(PRIVATE_TARGET);
    }
    Ok(())
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
            "::ffff:0:a9fe:a9fe",
            "::a9fe:a9fe",
            "64:ff9b::1.1.1.1",
            "64:ff9b:1::1",
            "2002:101:101::1",
            "2001::1",
            "100::1",
            "3fff::1",
            "192.88.99.1",
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
        assert!(check_literal_host("http://LocalHost./x", false).is_err());
        assert!(check_literal_host("http://a.localhost/x", false).is_err());
        assert!(check_literal_host("https://hooks.slack.com/services/x", false).is_ok());
        assert!(check_literal_host("http://127.0.0.1:8080/x", true).is_ok());
        assert!(check_literal_host("ftp://example.com/x", true).is_err());
        assert!(check_literal_host("no url", true).is_err());
    }

    /// Forms the WHATWG parser reads as private addresses though a string split does not.
    #[test]
    fn every_spelling_of_a_private_literal_is_refused() {
        for url in [
            "http://127.1/",
            "http://2130706433/",
            "http://0x7f000001/",
            "http://0/",
            "http://2852039166/",
            "http://0251.0376.0251.0376/",
            "http://169.254.169.254\\@hooks.example.com/x",
            "http://169.254.169.254\\hooks.example.com/x",
            "http://hooks.example.com@169.254.169.254/x",
            "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:a9fe:a9fe]/",
            "http://[::127.0.0.1]/",
            "http://[64:ff9b::a9fe:a9fe]/",
            "http://[64:ff9b:1::1]/",
            "http://[2002:a9fe:a9fe::1]/",
            "http://[2001:0:4136:e378::1]/",
            "http://[0:0:0:0:0:0:0:1]/",
            "HTTP://LOCALHOST/",
            "http://%6c%6fcalhost/",
            "http://127.0.0.1./",
        ] {
            assert_eq!(check_literal_host(url, false), Err(PRIVATE_TARGET), "{url}");
        }
        // What a naive split would call private but the client reads as a public name.
        assert!(check_literal_host("http://127.0.0.1.example.com/x", false).is_ok());
        assert!(check_literal_host("http://[2606:4700::1111]/x", false).is_ok());
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
