//! How other hosts name this one: the addresses that go with the host name in every service map,
//! so that the controller can join a container elsewhere in the fleet that names this host by
//! address (`DB_HOST=10.0.3.5`) to this host's containers.
//!
//! The addresses come from the kernel's own tables (no interface enumeration library, no
//! `unsafe`): `fib_trie` lists each IPv4 address the host owns as a `/32 host LOCAL` entry and
//! each connected network as `link UNICAST`, `if_inet6` each IPv6 address with its scope and
//! flags. Addresses that identify no host are left out: loopback, link-local, unspecified, and
//! those inside a Docker network (every Docker host has a `172.17.0.1`). The tables are the host
//! namespace's when the agent can see the host's first process (`/proc/1/net`: the agent runs on
//! the host, or in a container sharing the host's process namespace, as the deploy files do),
//! else its own (`/proc/net`).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::{Path, PathBuf};

/// The most addresses reported: a Kubernetes node in IPVS mode owns every service address,
/// which no other host would use to name it. Addresses on a connected network come first.
pub const MAX_ADDRESSES: usize = 64;

/// `if_inet6` flags of addresses not (or no longer) fit to use: tentative (duplicate address
/// detection still running), failed detection, deprecated.
const UNUSABLE_IPV6_FLAGS: u32 = 0x40 | 0x08 | 0x20;

/// The network tables of the host's namespace: `/proc/1/net` when readable, else `/proc/net`.
pub fn host_proc_net() -> PathBuf {
    let host = PathBuf::from("/proc/1/net");
    if std::fs::File::open(host.join("fib_trie")).is_ok() {
        host
    } else {
        PathBuf::from("/proc/net")
    }
}

/// The host's own addresses from the tables under `proc_net`, without those inside any of
/// `docker_subnets` (CIDR strings, as Docker's IPAM reports them): first the IPv4 addresses on a
/// connected network, then the others, each part sorted, at most [`MAX_ADDRESSES`]. A table that
/// cannot be read contributes nothing.
pub fn own_addresses(proc_net: &Path, docker_subnets: &[String]) -> Vec<IpAddr> {
    let read = |name: &str| std::fs::read_to_string(proc_net.join(name)).unwrap_or_default();
    let subnets: Vec<Subnet> = docker_subnets
        .iter()
        .filter_map(|s| Subnet::parse(s))
        .collect();
    let table = FibTrie::parse(&read("fib_trie"));
    let mut addresses: Vec<IpAddr> = table
        .local
        .iter()
        .map(|ip| IpAddr::V4(*ip))
        .chain(
            ipv6_addresses(&read("if_inet6"))
                .into_iter()
                .map(IpAddr::V6),
        )
        .filter(|ip| names_a_host(ip) && !subnets.iter().any(|s| s.contains(ip)))
        .collect();
    let off_link = |ip: &IpAddr| !table.on_link.iter().any(|s| s.contains(ip));
    addresses.sort_by_key(|ip| (off_link(ip), *ip));
    addresses.dedup();
    addresses.truncate(MAX_ADDRESSES);
    addresses
}

/// Whether another host could reach this one at `ip`.
fn names_a_host(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            !(v4.is_loopback() || v4.is_link_local() || v4.is_unspecified() || v4.is_broadcast())
        }
        IpAddr::V6(v6) => !(v6.is_loopback() || v6.is_unspecified() || v6.is_unicast_link_local()),
    }
}

/// What `fib_trie` says of the host's IPv4 addresses.
#[derive(Default)]
struct FibTrie {
    /// The addresses marked `/32 host LOCAL`: the host's own. Both routing tables list them, so
    /// they may repeat.
    local: Vec<Ipv4Addr>,
    /// The connected networks (`link UNICAST` prefixes shorter than /32).
    on_link: Vec<Subnet>,
}

impl FibTrie {
    /// Each entry line (`/<prefix> <scope> <type>`) follows the `|-- a.b.c.d` line of its address.
    fn parse(text: &str) -> FibTrie {
        let mut table = FibTrie::default();
        let mut last: Option<Ipv4Addr> = None;
        for line in text.lines() {
            let line = line.trim();
            if let Some(address) = line.strip_prefix("|--") {
                last = address.trim().parse().ok();
                continue;
            }
            let (Some(address), Some(entry)) = (last, line.strip_prefix('/')) else {
                continue;
            };
            let mut words = entry.split_whitespace();
            let (Some(prefix), Some(scope), Some(kind)) =
                (words.next(), words.next(), words.next())
            else {
                continue;
            };
            match (prefix.parse::<u8>(), scope, kind) {
                (Ok(32), "host", "LOCAL") => table.local.push(address),
                (Ok(prefix), "link", "UNICAST") if prefix < 32 => table.on_link.push(Subnet {
                    network: IpAddr::V4(address),
                    prefix,
                }),
                _ => {}
            }
        }
        table
    }
}

/// The IPv6 addresses of `if_inet6` (`<32 hex digits> <ifindex> <prefix> <scope> <flags> <name>`,
/// numbers in hex) with global scope (0) and none of the [`UNUSABLE_IPV6_FLAGS`].
fn ipv6_addresses(if_inet6: &str) -> Vec<Ipv6Addr> {
    if_inet6
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let hex = fields.next()?;
            let scope = fields.nth(2)?;
            let flags = u32::from_str_radix(fields.next()?, 16).ok()?;
            if scope != "00" || hex.len() != 32 || flags & UNUSABLE_IPV6_FLAGS != 0 {
                return None;
            }
            u128::from_str_radix(hex, 16).ok().map(Ipv6Addr::from)
        })
        .collect()
}

/// An address range in CIDR notation.
struct Subnet {
    network: IpAddr,
    prefix: u8,
}

impl Subnet {
    fn parse(cidr: &str) -> Option<Subnet> {
        let (network, prefix) = cidr.split_once('/')?;
        let network: IpAddr = network.trim().parse().ok()?;
        let prefix: u8 = prefix.trim().parse().ok()?;
        let bits = if network.is_ipv4() { 32 } else { 128 };
        (prefix <= bits).then_some(Subnet { network, prefix })
    }

    fn contains(&self, ip: &IpAddr) -> bool {
        let host_bits = |width: u32| width - u32::from(self.prefix);
        match (self.network, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX.checked_shl(host_bits(32)).unwrap_or(0);
                u32::from(*ip) & mask == u32::from(net) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX.checked_shl(host_bits(128)).unwrap_or(0);
                u128::from(*ip) & mask == u128::from(net) & mask
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIB_TRIE: &str = "Main:
  +-- 0.0.0.0/0 3 0 4
     |-- 0.0.0.0
        /0 universe UNICAST
     +-- 127.0.0.0/8 2 0 2
        +-- 127.0.0.0/31 1 0 0
           |-- 127.0.0.0
              /8 host LOCAL
           |-- 127.0.0.1
              /32 host LOCAL
        |-- 127.255.255.255
           /32 link BROADCAST
     +-- 172.16.0.0/14 3 0 6
           |-- 172.17.0.1
              /32 host LOCAL
     +-- 192.0.2.0/24 2 0 2
           |-- 192.0.2.0
              /24 link UNICAST
           |-- 192.0.2.2
              /32 host LOCAL
        |-- 192.0.2.255
           /32 link BROADCAST
Local:
  +-- 0.0.0.0/0 3 0 4
           |-- 192.0.2.2
              /32 host LOCAL
";

    const IF_INET6: &str = "\
fe8000000000000000fc00fffe000001 04 40 20 80     eth0
00000000000000000000000000000001 01 80 10 80       lo
fd000000000000000000000000000002 04 40 00 82     eth0
20010db8000000000000000000000007 05 40 00 80  docker0
20010db8000100000000000000000009 04 40 00 c0     eth0
2001db80000200000000000000000009 04 40 00 a0     eth0
";

    #[test]
    fn own_addresses_leave_out_loopback_link_local_and_docker_networks() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("fib_trie"), FIB_TRIE).unwrap();
        std::fs::write(dir.path().join("if_inet6"), IF_INET6).unwrap();
        let docker = ["172.17.0.0/16".to_string(), "2001:db8::/64".to_string()];
        let addresses: Vec<String> = own_addresses(dir.path(), &docker)
            .iter()
            .map(IpAddr::to_string)
            .collect();
        assert_eq!(addresses, ["192.0.2.2", "fd00::2"]);
        // Without the Docker networks their addresses would count; the tentative (flags c0) and
        // deprecated (a0) ones never do.
        assert_eq!(own_addresses(dir.path(), &[]).len(), 4);
        // Addresses on a connected network (192.0.2.0/24) come before the others.
        let mut many = String::from(FIB_TRIE);
        for i in 1..=MAX_ADDRESSES {
            many.push_str(&format!(
                "           |-- 10.96.0.{i}\n              /32 host LOCAL\n"
            ));
        }
        std::fs::write(dir.path().join("fib_trie"), many).unwrap();
        let addresses = own_addresses(dir.path(), &docker);
        assert_eq!(addresses.len(), MAX_ADDRESSES);
        assert_eq!(addresses[0].to_string(), "192.0.2.2", "{addresses:?}");
    }

    #[test]
    fn unreadable_tables_give_nothing() {
        assert!(own_addresses(Path::new("/nonexistent/proc/net"), &[]).is_empty());
    }

    #[test]
    fn subnets_match_by_prefix_and_family() {
        let net = Subnet::parse("10.1.0.0/16").unwrap();
        assert!(net.contains(&"10.1.255.3".parse().unwrap()));
        assert!(!net.contains(&"10.2.0.1".parse().unwrap()));
        assert!(!net.contains(&"::1".parse().unwrap()));
        let everything = Subnet::parse("0.0.0.0/0").unwrap();
        assert!(everything.contains(&"203.0.113.9".parse().unwrap()));
        let one = Subnet::parse("fd00::2/128").unwrap();
        assert!(one.contains(&"fd00::2".parse().unwrap()));
        assert!(!one.contains(&"fd00::3".parse().unwrap()));
        assert!(Subnet::parse("10.0.0.0/33").is_none());
        assert!(Subnet::parse("not-a-subnet").is_none());
    }
}
