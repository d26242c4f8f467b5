#!/usr/bin/env python3
"""Sealed 61: deterministic generator for a blind labelled log corpus.

Python 3 standard library only.  No wall clock, no locale: every timestamp
comes from an integer nanosecond clock on 2026-03-14 UTC and month names come
from a fixed list.  Base seed 20270183; system k (1..6) uses
random.Random(20270183 * 10 + k).

Running it writes <System>/<System>.log, <System>/<System>.log_structured.csv
and README.md next to this file, then re-reads and self-checks everything.
"""
import csv
import ipaddress
import os
import re
import statistics
import sys
import random

BASE_SEED = 20270183
OUT = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
NS = 10 ** 9
MS = 10 ** 6
N_LINES = 300


# --------------------------------------------------------------------------
# clock / formatting helpers (t = integer ns since 2026-03-14 00:00:00 UTC)
# --------------------------------------------------------------------------
def hms_parts(t):
    s, ns = divmod(t, NS)
    if not 0 <= s < 86400:
        raise ValueError("clock left 2026-03-14: %d" % t)
    return s // 3600, s // 60 % 60, s % 60, ns


def ts_hms(t):
    h, m, s, _ = hms_parts(t)
    return "%02d:%02d:%02d" % (h, m, s)


def ts_journal(t):
    return "%s %2d %s" % (MONTHS[MONTH - 1], DAY, ts_hms(t))


def ts_iso_ms(t):
    h, m, s, ns = hms_parts(t)
    return "%04d-%02d-%02d %02d:%02d:%02d,%03d" % (YEAR, MONTH, DAY, h, m, s, ns // MS)


def at(h, m, s):
    return ((h * 60 + m) * 60 + s) * NS


def secs(x):
    return int(x * NS)


class Cycler:
    """Small pools cycle per (event, slot) so every slot sees several values."""

    def __init__(self):
        self.n = {}

    def __call__(self, event, slot, pool):
        i = self.n.get((event, slot), 0)
        self.n[(event, slot)] = i + 1
        return pool[i % len(pool)]


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def mac(rng, prefix=None):
    octs = list(prefix or []) + [rng.randint(0, 255) for _ in range(6 - len(prefix or []))]
    return ":".join("%02x" % o for o in octs)


def ll6(rng):
    return "fe80::%x:%x:%x:%x" % tuple(rng.randint(0x100, 0xffff) for _ in range(4))


def fill(tmpl, vals):
    parts = tmpl.split("<*>")
    if len(parts) != len(vals) + 1:
        raise ValueError("slot count mismatch: %r %r" % (tmpl, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        out.append(v)
        out.append(p)
    return "".join(out)


def tmpl_regex(tmpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tmpl.split("<*>")), re.S)


def shuffle_records(rng, spec, start, mean_gap_s):
    """spec: list of (key, count, fn) ; fn() -> (values, extra)."""
    order = []
    fns = {}
    for key, count, fn in spec:
        order.extend([key] * count)
        fns[key] = fn
    rng.shuffle(order)
    t = start
    recs = []
    for key in order:
        t += max(1, int(rng.expovariate(1.0 / mean_gap_s) * NS))
        vals, extra = fns[key]()
        recs.append((t, key, [str(v) for v in vals], extra))
    return recs


# ==========================================================================
# 1. Exabgp  (simulation: BGP neighbor sessions + API helper processes)
# ==========================================================================
def sys_exabgp(rng, cy):
    events = [
        ("conn_try", "attempting connection to <*>:179", None),
        ("conn_fail", "connection to <*>:179 failed: <*>", None),
        ("connected", "connected to <*> with <*> <*>-<*>", "network"),
        ("open_tx", ">> OPEN version=4 asn=64512 hold_time=<*> router_id=10.255.0.1", None),
        ("open_rx", "<< OPEN version=4 asn=<*> hold_time=<*> router_id=<*>", None),
        ("up", "neighbor <*> local-ip <*> local-as 64512 peer-as <*> router-id 10.255.0.1 "
               "family-allowed in-open up", None),
        ("ka_tx", ">> KEEPALIVE", None),
        ("ka_rx", "<< KEEPALIVE", None),
        ("update_rx", "<< UPDATE (<*> bytes): announced <*>, withdrawn <*>", None),
        ("api_cmd", "Command from process <*> : <*>", "process"),
        ("route_add", "route added to neighbor <*> : <*> next-hop <*>", "api"),
        ("route_del", "route removed from neighbor <*> : <*> next-hop <*>", "api"),
        ("reset", "peer reset, message [<*>] error[<*>]", None),
        ("closed", "connection to <*> closed", "network"),
    ]
    src_of = {k: s for k, _, s in events}
    pid = rng.randint(21000, 48999)
    recs = []
    seq = [0]

    def add(t, key, vals, src=None):
        seq[0] += 1
        recs.append((t, key, [str(v) for v in vals],
                     {"pid": pid, "src": src or src_of[key], "seq": seq[0]}))

    ix = (rng.randint(8, 250),)
    ix_local = "185.1.%d.%d" % (ix[0], rng.randint(2, 120))
    used_ix = set()
    nbs = []
    for i in range(6):
        if i % 2 == 0:
            while True:
                h = rng.randint(121, 250)
                if h not in used_ix:
                    used_ix.add(h)
                    break
            local, remote = ix_local, "185.1.%d.%d" % (ix[0], h)
        else:
            a, b, c = rng.randint(16, 250), rng.randint(0, 255), rng.randrange(0, 252, 2)
            local, remote = "10.%d.%d.%d" % (a, b, c), "10.%d.%d.%d" % (a, b, c + 1)
        asn = rng.randint(64600, 65500) if rng.random() < 0.5 else rng.randint(4200000100, 4200009999)
        rid = remote if rng.random() < 0.5 else "10.%d.%d.%d" % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
        nbs.append({
            "peer": "peer-%d" % (i + 1), "out": "outgoing-%d" % (i + 1),
            "ip": remote, "local": local, "asn": asn, "rid": rid,
            "hold": cy("nb", "hold", [180, 240, 240]),
            "phold": cy("nb", "phold", [240, 180, 240, 240]),
        })

    T0 = at(9, 14, 7)
    HORIZON = at(12, 30, 0)
    fail_reasons = ["[Errno 111] Connection refused", "[Errno 113] No route to host",
                    "timed out", "[Errno 101] Network is unreachable"]
    resets = [("closing connection", "the TCP connection was closed by the remote end"),
              ("notification received (6,4)", "Administrative Reset"),
              ("notification sent (4,0)", "Hold timer expired"),
              ("closing connection", "[Errno 104] Connection reset by peer")]

    for nb in nbs:
        t = T0 + secs(rng.uniform(0.2, 150))
        while t < HORIZON:
            while rng.random() < 0.3:
                add(t, "conn_try", [nb["ip"]], nb["out"])
                reason = cy("conn_fail", 1, fail_reasons)
                d = secs(rng.uniform(0.002, 0.3)) if "Errno" in reason else secs(rng.uniform(5, 30))
                add(t + d, "conn_fail", [nb["ip"], reason], nb["out"])
                t += d + secs(rng.uniform(5, 60))
            add(t, "conn_try", [nb["ip"]], nb["out"])
            t += secs(rng.uniform(0.003, 0.060))
            add(t, "connected", [nb["peer"], nb["out"], nb["local"], nb["ip"]])
            t += secs(rng.uniform(0.0005, 0.003))
            add(t, "open_tx", [nb["hold"]], nb["peer"])
            t += secs(rng.uniform(0.005, 0.120))
            add(t, "open_rx", [nb["asn"], nb["phold"], nb["rid"]], nb["peer"])
            t += secs(rng.uniform(0.0005, 0.004))
            add(t, "up", [nb["ip"], nb["local"], nb["asn"]], nb["peer"])
            est = t
            ka = min(nb["hold"], nb["phold"]) // 3
            end = est + secs(rng.expovariate(1.0 / 700) + 120)
            k = est + secs(ka)
            while k < end:
                add(k, "ka_tx", [], nb["peer"])
                k += secs(ka)
            k = est + secs(rng.uniform(0.3, ka))
            while k < end:
                add(k, "ka_rx", [], nb["peer"])
                k += secs(ka + rng.uniform(-0.02, 0.02))
            u = est + secs(rng.uniform(0.05, 0.4))
            for _ in range(rng.randint(1, 2)):
                add(u, "update_rx", [rng.randint(512, 4096), rng.randint(20, 480), 0], nb["peer"])
                u += secs(rng.uniform(0.01, 0.2))
            u += secs(rng.expovariate(1.0 / 420))
            while u < end:
                ann = rng.randint(0, 6)
                wd = rng.randint(0, 3) if ann else rng.randint(1, 4)
                add(u, "update_rx", [rng.randint(23, 380), ann, wd], nb["peer"])
                u += secs(rng.expovariate(1.0 / 420))
            msg, err = cy("reset", 0, resets)
            add(end, "reset", [msg, err], nb["peer"])
            add(end + secs(rng.uniform(0.0002, 0.002)), "closed", [nb["ip"]])
            t = end + secs(rng.uniform(3, 45))

    procs = ["healthcheck-anycast", "announce-static"]
    prefixes = ["198.51.100.53/32", "198.51.100.80/32", "203.0.113.0/24"]
    state = {}
    t = T0 + secs(rng.uniform(10, 40))
    while t < HORIZON:
        t += secs(rng.expovariate(1.0 / 50))
        nb = cy("api", "nb", nbs[:4])
        proc = cy("api", "proc", procs)
        pfx = cy("api", "pfx", prefixes)
        on = state.get((nb["ip"], pfx), False)
        verb = "withdraw" if on else "announce"
        state[(nb["ip"], pfx)] = not on
        add(t, "api_cmd", [proc, "neighbor %s %s route %s next-hop self" % (nb["ip"], verb, pfx)])
        add(t + secs(rng.uniform(0.0003, 0.004)), "route_del" if on else "route_add",
            [nb["ip"], pfx, nb["local"]])

    recs.sort(key=lambda r: (r[0], r[3]["seq"]))

    def header(t, extra):
        return "%s | %-6d | %-13s | " % (ts_hms(t), extra["pid"], extra["src"])

    return {
        "events": [(k, tp) for k, tp, _ in events],
        "records": recs[:N_LINES],
        "header": header,
        "header_re": r"(?P<ts>\d{2}:\d{2}:\d{2}) \| \d+ +\| [a-z][a-z0-9-]* +\| ",
        "ts_key": lambda s: s,
        "kind": "simulation",
        "entities": "BGP neighbor sessions (connect, OPEN, keepalives, updates, reset) and "
                    "API helper processes issuing announce/withdraw commands",
        "shape": "`HH:MM:SS | pid | source | message` (pid padded to 6, source to 13)",
    }


# ==========================================================================
# 2. Dhcpcd via journal  (simulation: interface carrier/lease sessions)
# ==========================================================================
def sys_dhcpcd(rng, cy):
    events = [
        ("carrier_up", "<*>: carrier acquired"),
        ("carrier_down", "<*>: carrier lost"),
        ("iaid", "<*>: IAID <*>"),
        ("solicit", "<*>: soliciting a DHCP lease"),
        ("offered", "<*>: offered <*> from <*>"),
        ("probing", "<*>: probing address <*>"),
        ("leased", "<*>: leased <*> for <*> seconds"),
        ("route_add", "<*>: adding route to <*>"),
        ("defroute_add", "<*>: adding default route via <*>"),
        ("renew", "<*>: renewing lease of <*>"),
        ("route_del", "<*>: deleting route to <*>"),
        ("defroute_del", "<*>: deleting default route via <*>"),
        ("rs", "<*>: soliciting an IPv6 router"),
        ("ra", "<*>: Router Advertisement from <*>"),
        ("nak", "<*>: NAK: <*> from <*>"),
    ]
    host = "ws-fenwick"
    pid = rng.randint(480, 1400)
    recs = []
    seq = [0]

    def add(t, key, vals):
        seq[0] += 1
        recs.append((t, key, [str(v) for v in vals], {"pid": pid, "host": host, "seq": seq[0]}))

    ifaces = []
    for name in ["wlp2s0", "enp0s31f6", "enx00e04c68a1b2", "usb0", "wlan1"]:
        if name.startswith("enx"):
            m = ":".join(name[3 + i:5 + i] for i in range(0, 12, 2))
        else:
            m = mac(rng, [0x3c, 0x58, 0xc2] if name.startswith("wl") else [0x8c, 0x16, 0x45])
        ifaces.append({"name": name, "iaid": m[6:], "v6": name != "usb0"})
    nets = []
    for cidr, gw, srv, lease in [("192.168.1.0/24", "192.168.1.1", "192.168.1.1", 1800),
                                 ("10.40.12.0/22", "10.40.12.1", "10.40.15.250", 7200),
                                 ("172.20.10.0/28", "172.20.10.1", "172.20.10.1", 1200),
                                 ("192.168.178.0/24", "192.168.178.1", "192.168.178.1", 2400),
                                 ("10.13.96.0/23", "10.13.96.1", "10.13.97.2", 3600)]:
        nets.append({"net": ipaddress.ip_network(cidr), "gw": gw, "srv": srv, "lease": lease,
                     "ra": ll6(rng)})
    nak_reasons = ["address not available", "requested address is incorrect",
                   "wrong network", "lease expired"]

    busy = {i["name"]: 0 for i in ifaces}
    t = at(7, 52, 18)
    HORIZON = at(18, 0, 0)
    ptr = 0
    while t < HORIZON:
        t += secs(rng.expovariate(1.0 / 1500))
        iface = None
        for j in range(len(ifaces)):
            cand = ifaces[(ptr + j) % len(ifaces)]
            if busy[cand["name"]] < t:
                iface = cand
                ptr = (ptr + j + 1) % len(ifaces)
                break
        if iface is None:
            continue
        name = iface["name"]
        net = cy("sess", "net", nets) if name != "usb0" else nets[2]
        end = t + secs(rng.expovariate(1.0 / 4800) + 240)
        busy[name] = end + secs(5)
        n = net["net"]
        addr = str(n.network_address + rng.randint(10, n.num_addresses - 3))
        c = t
        add(c, "carrier_up", [name])
        c += secs(rng.uniform(0.0002, 0.003))
        add(c, "iaid", [name, iface["iaid"]])
        ra_at = None
        if iface["v6"] and rng.random() < 0.5:
            c += secs(rng.uniform(0.0002, 0.002))
            add(c, "rs", [name])
            ra_at = c + secs(rng.uniform(0.2, 4.0))
        c += secs(rng.uniform(0.0002, 0.002))
        add(c, "solicit", [name])
        if rng.random() < 0.4:
            c += secs(rng.uniform(0.4, 3.0))
            add(c, "nak", [name, cy("nak", 1, nak_reasons), net["srv"]])
            c += secs(rng.uniform(0.001, 0.02))
            add(c, "solicit", [name])
        c += secs(rng.uniform(0.8, 6.0))
        add(c, "offered", [name, addr, net["srv"]])
        c += secs(rng.uniform(0.001, 0.01))
        add(c, "probing", [name, "%s/%d" % (addr, n.prefixlen)])
        c += secs(rng.uniform(5.0, 5.6))
        add(c, "leased", [name, addr, net["lease"]])
        c += secs(rng.uniform(0.0005, 0.004))
        add(c, "route_add", [name, str(n)])
        c += secs(rng.uniform(0.0002, 0.002))
        add(c, "defroute_add", [name, net["gw"]])
        if ra_at is not None:
            add(ra_at, "ra", [name, net["ra"]])
        r = c + secs(net["lease"] / 2)
        while r < end:
            add(r, "renew", [name, addr])
            add(r + secs(rng.uniform(0.01, 0.4)), "leased", [name, addr, net["lease"]])
            r += secs(net["lease"] / 2)
        if end > c:
            add(end, "carrier_down", [name])
            add(end + secs(rng.uniform(0.001, 0.01)), "route_del", [name, str(n)])
            add(end + secs(rng.uniform(0.011, 0.02)), "defroute_del", [name, net["gw"]])

    recs.sort(key=lambda r: (r[0], r[3]["seq"]))

    def header(t, extra):
        return "%s %s dhcpcd[%d]: " % (ts_journal(t), extra["host"], extra["pid"])

    return {
        "events": events,
        "records": recs[:N_LINES],
        "header": header,
        "header_re": r"(?P<ts>[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}) [\w.-]+ dhcpcd\[\d+\]: ",
        "ts_key": journal_key,
        "kind": "simulation",
        "entities": "network interfaces going through carrier/lease sessions "
                    "(IPv6 router solicitation, DHCP offer, probe, lease, renewals, carrier loss)",
        "shape": "journal short: `Mon DD HH:MM:SS host dhcpcd[pid]: message`",
    }


def journal_key(s):
    mon, day, hms = s.split()
    return (MONTHS.index(mon), int(day), hms)


# ==========================================================================
# 3. SystemdNetworkd via journal  (seeded shuffle)
# ==========================================================================
def sys_networkd(rng, cy):
    ifs = ["eth0", "enp3s0", "eno1", "ens18", "br0", "docker0", "enp7s0f1", "bond0"]
    wl = ["wlan0", "wlp0s20f3"]

    def ifn(ev, veth=0.3):
        if rng.random() < veth:
            return "veth" + hexs(rng, 7)
        return cy(ev, 0, ifs)

    def v4():
        o = cy("v4", "net", [(10, 20, 30), (192, 168, 88), (172, 18, 4), (10, 0, 2)])
        return o, "%d.%d.%d" % o

    def dhcp4():
        _, base = v4()
        gw = base + ".1"
        srv = gw if rng.random() < 0.6 else base + ".%d" % rng.randint(2, 9)
        return ["%s.%d/24" % (base, rng.randint(20, 250)), gw, srv]

    paths = ["/etc/systemd/network/20-wired.network", "/run/systemd/network/10-netplan-eth0.network",
             "/usr/lib/systemd/network/80-container-host0.network",
             "/etc/systemd/network/30-br0.network", "/usr/lib/systemd/network/89-ethernet.network",
             "/etc/systemd/network/25-wireless.network"]
    route_errs = ["Nexthop has invalid gateway. Network is unreachable", "File exists",
                  "Invalid argument", "No such device"]
    durs_valid = ["1d", "23h 59min 58s", "12h", "2h", "1h 59min 59s"]
    durs_pref = ["12h", "6h 29min 59s", "1h", "14min 58s", "59min 59s"]
    ssids = ["Lab-5G", "quill-guest", "Hangar 3 Staff", "eduroam", "NOC-mgmt"]

    def d6():
        a = "2001:db8:%x:%x::%x/128" % (rng.randint(1, 0xfff), rng.randint(0, 0xff), rng.randint(0x10, 0xffff))
        return [cy("dhcp6", 0, ifs[:4]), a, cy("dhcp6", 2, durs_valid), cy("dhcp6", 3, durs_pref)], {}

    spec_events = [
        ("link_up", "<*>: Link UP", 40, lambda: ([ifn("link_up")], {})),
        ("link_down", "<*>: Link DOWN", 14, lambda: ([ifn("link_down")], {})),
        ("carrier_up", "<*>: Gained carrier", 36, lambda: ([ifn("carrier_up")], {})),
        ("carrier_down", "<*>: Lost carrier", 12, lambda: ([ifn("carrier_down")], {})),
        ("ipv6ll", "<*>: Gained IPv6LL", 32, lambda: ([ifn("ipv6ll")], {})),
        ("dhcp4", "<*>: DHCPv4 address <*>, gateway <*> acquired from <*>", 25,
         lambda: ([cy("dhcp4", 0, ifs[:4] + wl)] + dhcp4(), {})),
        ("lease_lost", "<*>: DHCP lease lost", 7, lambda: ([cy("lease_lost", 0, ifs[:4] + wl)], {})),
        ("configuring", "<*>: Configuring with <*>.", 60,
         lambda: ([ifn("configuring", 0.25), cy("configuring", 1, paths)], {})),
        ("reconfiguring", "<*>: Reconfiguring with <*>.", 9,
         lambda: ([cy("reconfiguring", 0, ifs), cy("reconfiguring", 1, paths)], {})),
        ("route_fail", "<*>: Could not set route: <*>", 5,
         lambda: ([cy("route_fail", 0, ifs), cy("route_fail", 1, route_errs)], {})),
        ("dhcp6", "<*>: DHCPv6 address <*> (valid for <*>, preferred for <*>)", 16, d6),
        ("wifi", "<*>: Connected WiFi access point: <*> (<*>)", 8,
         lambda: ([cy("wifi", 0, wl), cy("wifi", 1, ssids), mac(rng)], {})),
        ("matching", "<*>: found matching network '<*>', based on potentially unpredictable "
                     "interface name.", 18,
         lambda: ([cy("matching", 0, ["eth0", "eth1", "wlan0", "eth2"]), cy("matching", 1, paths)], {})),
        ("enum", "Enumeration completed", 3, lambda: ([], {})),
        ("netdev", "<*>: netdev ready", 15,
         lambda: ([cy("netdev", 0, ["br0", "bond0", "wg0", "vxlan42", "br-lab", "vlan120"])], {})),
    ]
    pid = rng.randint(300, 900)
    host = "kvm-node-12"
    recs = shuffle_records(rng, [(k, c, f) for k, _, c, f in spec_events], at(6, 41, 3), 38.0)
    for r in recs:
        r[3].update({"pid": pid, "host": host})

    def header(t, extra):
        return "%s %s systemd-networkd[%d]: " % (ts_journal(t), extra["host"], extra["pid"])

    return {
        "events": [(k, tp) for k, tp, _, _ in spec_events],
        "records": recs,
        "header": header,
        "header_re": r"(?P<ts>[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}) [\w.-]+ systemd-networkd\[\d+\]: ",
        "ts_key": journal_key,
        "kind": "shuffle",
        "shape": "journal short: `Mon DD HH:MM:SS host systemd-networkd[pid]: message`",
    }


# ==========================================================================
# 4. Ifupdown2 ifreload debug output  (seeded shuffle)
# ==========================================================================
def sys_ifupdown2(rng, cy):
    swps = ["swp%d" % i for i in (1, 2, 3, 4, 7, 12, 31, 48)]
    logical = ["bond0", "bond1", "br0", "bridge", "peerlink", "vlan10", "vlan20", "vni10010", "eth0", "lo"]
    allif = swps + logical
    modules = ["address", "bridge", "bond", "vlan", "vxlan", "mstpctl", "addressvirtual", "ethtool",
               "dhcp", "usercmds", "link", "vrf"]

    def sw():
        return rng.choice(swps + ["swp%d" % rng.randint(1, 54)])

    def cmd():
        c = cy("exec", 0, [0, 1, 2, 3, 4])
        p = sw()
        if c == 0:
            return "/sbin/sysctl net.mpls.conf.%s.input=%d" % (p, rng.randint(0, 1))
        if c == 1:
            return "/sbin/mstpctl showportdetail %s %s json" % (cy("exec", "br", ["br0", "bridge"]), p)
        if c == 2:
            return "/bin/ip -force -batch - [link set dev %s up]" % p
        if c == 3:
            return "/sbin/ethtool -s %s speed %d duplex full autoneg off" % (p, rng.choice([10000, 25000, 100000]))
        return "/sbin/sysctl net.ipv6.conf.vlan%d.disable_ipv6=0" % rng.choice([10, 20, 30, 101])

    def addr():
        v = cy("addr", "v", [4, 4, 6])
        if v == 4:
            return "10.%d.%d.%d/24" % (rng.randint(0, 255), rng.choice([10, 20, 30]), rng.randint(1, 3))
        return "2001:db8:%x::%x/64" % (rng.randint(1, 0xfff), rng.randint(1, 3))

    def deps():
        n = rng.randint(1, 4)
        return "[%s]" % ", ".join("'%s'" % x for x in sorted(rng.sample(swps + ["peerlink", "bond0"], n)))

    def ifaddr(ev):
        i = cy(ev, 0, ["vlan10", "vlan20", "eth0", "lo", "br0", "vlan101"])
        return [i, addr(), i]

    files = ["/etc/network/interfaces", "/etc/network/interfaces.d/bonds.intf",
             "/etc/network/interfaces.d/vlans.intf", "/etc/network/interfaces.d/mgmt"]
    fails = [("/sbin/mstpctl setportbpdufilter br0 swp7=yes", 1, "mstpctl: port swp7 is not a bridge port"),
             ("/sbin/ethtool -s swp31 speed 40000", 255, "Cannot set new settings: Invalid argument"),
             ("/sbin/sysctl net.ipv4.conf.vlan99.forwarding=1", 255,
              "sysctl: cannot stat /proc/sys/net/ipv4/conf/vlan99/forwarding: No such file or directory")]

    def fail():
        c, rc, why = cy("cmdfail", 0, fails)
        iface = c.split()[-1].split("=")[0].split(".")[-1] if "sysctl" not in c else "vlan99"
        if "mstpctl" in c:
            iface = "swp7"
        return [iface, c, rc, why], {}

    M = {
        "sched": ("MainThread", "ifupdown.scheduler", "scheduler.py", 230, "run_iface_op"),
        "exec": ("MainThread", "ifupdown2", "utils.py", 392, "_log_command_exec"),
        "nl": ("MainThread", "ifupdown2.NetlinkListenerWithCache", "nlcache.py", None, None),
        "main": ("MainThread", "ifupdown", "ifupdownmain.py", None, None),
        "ni": ("MainThread", "ifupdown.networkInterfaces", "networkinterfaces.py", 475, "read_file"),
        "rx": ("NetlinkListenerWithCache", "ifupdown2.NetlinkListenerWithCache", "nlcache.py", 1287,
               "rx_rtm_newlink"),
    }

    def m(base, line=None, func=None, level="debug"):
        th, lg, fn, ln, fu = M[base]
        return {"thread": th, "logger": lg, "file": fn, "line": line or ln, "func": func or fu, "level": level}

    spec_events = [
        ("preup", "<*>: pre-up : running module <*>", 60, m("sched"),
         lambda: [rng.choice(allif), cy("preup", 1, modules)]),
        ("up", "<*>: up : running module <*>", 52, m("sched"),
         lambda: [rng.choice(allif), cy("up", 1, modules)]),
        ("exec", "executing <*>", 32, m("exec", level="info"), lambda: [cmd()]),
        ("master", "<*>: netlink: ip link set dev <*> master <*>", 22,
         m("nl", 2660, "link_set_master", "info"),
         lambda: (lambda p, b: [b, p, b])(sw(), cy("master", 2, ["bond0", "bond1", "br0", "bridge"]))),
        ("linkup", "netlink: ip link set dev <*> up", 30, m("nl", 2574, "link_up", "info"),
         lambda: [rng.choice(allif)]),
        ("linkdown", "netlink: ip link set dev <*> down", 9, m("nl", 2593, "link_down", "info"),
         lambda: [cy("linkdown", 0, swps)]),
        ("addradd", "<*>: netlink: ip addr add <*> dev <*>", 18, m("nl", 3014, "addr_add", "info"),
         lambda: ifaddr("addradd")),
        ("addrdel", "<*>: netlink: ip addr del <*> dev <*>", 6, m("nl", 3058, "addr_del", "info"),
         lambda: ifaddr("addrdel")),
        ("deps", "<*>: found dependents <*>", 25, m("main", 702, "preprocess_dependency_list"),
         lambda: [cy("deps", 0, ["bond0", "bond1", "br0", "bridge", "peerlink"]), deps()]),
        ("load", "loading builtin modules from ['/usr/share/ifupdown2/addons']", 4,
         m("main", 1154, "load_addon_modules", "info"), lambda: []),
        ("ifile", "processing interfaces file <*>", 8, m("ni", level="info"),
         lambda: [cy("ifile", 0, files)]),
        ("notrec", "<*>: interface not recognized - please check interface configuration", 5,
         m("main", 1490, "_keyword_check_list", "warning"),
         lambda: [cy("notrec", 0, ["swp52s0", "eth9", "vlan4090", "bond7", "swp49"])]),
        ("cmdfail", "<*>: cmd '<*>' failed: returned <*> (<*>)", 3,
         m("exec", 361, "_execute_subprocess", "error"), None),
        ("linkadd", "<*>: netlink: ip link add dev <*> type <*>", 8, m("nl", 2455, "link_add", "info"),
         None),
        ("rtm", "received RTM_NEWLINK for <*> (ifindex <*>)", 18, m("rx"), None),
    ]

    def linkadd():
        i, ty = cy("linkadd", 0, [("bond1", "bond"), ("br0", "bridge"), ("vni10010", "vxlan"),
                                  ("peerlink", "bond"), ("mgmt", "vrf")])
        return [i, i, ty]

    idx = {}

    def rtm():
        i = rng.choice(allif)
        if i not in idx:
            idx[i] = 3 + len(idx) * rng.randint(1, 3)
        return [i, idx[i]]

    fns = {"cmdfail": lambda: fail()[0], "linkadd": linkadd, "rtm": rtm}
    meta = {}
    spec = []
    for k, tp, c, mt, f in spec_events:
        meta[k] = mt
        spec.append((k, c, (lambda f=(f or fns[k]), k=k: (f(), dict(meta[k])))))
    recs = shuffle_records(rng, spec, at(14, 2, 51) + 417 * MS, 0.35)

    def header(t, e):
        return "%s: %s: %s: %s:%d:%s(): %s: " % (ts_iso_ms(t), e["thread"], e["logger"], e["file"],
                                                e["line"], e["func"], e["level"])

    return {
        "events": [(k, tp) for k, tp, _, _, _ in spec_events],
        "records": recs,
        "header": header,
        "header_re": r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}): \w+: [\w.]+: \w+\.py:\d+:\w+\(\): "
                     r"(?:debug|info|warning|error): ",
        "ts_key": lambda s: s,
        "kind": "shuffle",
        "shape": "`YYYY-MM-DD HH:MM:SS,mmm: thread: logger: file.py:line:func(): level: message`",
    }


# ==========================================================================
# 5. NetworkdDispatcher via journal  (seeded shuffle)
# ==========================================================================
def sys_dispatcher(rng, cy):
    ifs = ["eth0", "wlan0", "enp5s0", "wg0", "tun0", "docker0", "br-7c1e"]
    states_op = ["routable", "degraded", "carrier", "no-carrier", "off", "dormant"]
    states_ad = ["configured", "configuring", "unmanaged", "pending", "linger"]
    scripts = ["/etc/networkd-dispatcher/routable.d/50-ifup-hooks",
               "/etc/networkd-dispatcher/routable.d/10-restart-chrony",
               "/usr/lib/networkd-dispatcher/routable.d/20-wg-policy",
               "/etc/networkd-dispatcher/off.d/60-ifdown-hooks",
               "/etc/networkd-dispatcher/degraded.d/30-notify",
               "/etc/networkd-dispatcher/carrier.d/40-ethtool-offload"]
    junk = ["/etc/networkd-dispatcher/routable.d/README", "/etc/networkd-dispatcher/off.d/50-ifdown.dpkg-old",
            "/etc/networkd-dispatcher/routable.d/99-debug.sh~", "/etc/networkd-dispatcher/no-carrier.d/notes.txt"]

    def props():
        i = rng.randint(2, 40)
        d = cy("props", 1, [
            "{'OperationalState': '%s'}" % rng.choice(states_op),
            "{'AdministrativeState': '%s'}" % rng.choice(states_ad),
            "{'OperationalState': '%s', 'AdministrativeState': '%s'}" % (rng.choice(states_op),
                                                                         rng.choice(states_ad)),
            "{'CarrierState': '%s'}" % rng.choice(["carrier", "no-carrier", "enslaved"]),
        ])
        # sd-bus object path escaping: only a leading digit is escaped
        return ["/org/freedesktop/network1/link/_3%s" % i, d]

    def iflist():
        n = rng.randint(2, 6)
        names = ["lo"] + rng.sample(ifs + ["veth%s" % hexs(rng, 7)], n - 1)
        idxs = sorted(rng.sample(range(2, 40), n - 1))
        return "{%s}" % ", ".join("%d: '%s'" % (i, nm) for i, nm in zip([1] + idxs, names))

    def status_fail():
        i = rng.randint(3, 40)
        return [cy("status_fail", 0, ifs),
                "['/usr/bin/networkctl', 'status', '--no-pager', '--no-legend', '--', '%d']" % i]

    run_errs = ["[Errno 8] Exec format error", "[Errno 13] Permission denied",
                "[Errno 2] No such file or directory", "timed out after 20 seconds"]
    L = lambda lv: {"level": lv}
    spec_events = [
        ("unknown_idx", "Unknown index <*> seen, reloading interface list", 70, "WARNING",
         lambda: [rng.randint(3, 48)]),
        ("unknown_after", "Unknown interface index <*> seen even after reload", 8, "ERROR",
         lambda: [rng.randint(3, 48)]),
        ("status_fail", "Failed to get interface \"<*>\" status: Command '<*>' returned non-zero exit status 1.",
         10, "ERROR", status_fail),
        ("hooks", "Running hook scripts for <*> (operstate=<*>, adminstate=<*>)", 45, "DEBUG",
         lambda: [rng.choice(ifs), cy("hooks", 1, states_op), cy("hooks", 2, states_ad)]),
        ("invoke", "Invoking <*> for <*>", 40, "DEBUG",
         lambda: [cy("invoke", 0, scripts), rng.choice(ifs)]),
        ("script_fail", "Script <*> exited with status <*>", 6, "WARNING",
         lambda: [cy("script_fail", 0, scripts), cy("script_fail", 1, [1, 2, 127, 1])]),
        ("not_exec", "Ignoring <*>: not executable", 14, "DEBUG", lambda: [cy("not_exec", 0, junk)]),
        ("not_root", "Ignoring <*>: not owned by root (uid <*>)", 4, "DEBUG",
         lambda: [cy("not_root", 0, scripts[::-1]), cy("not_root", 1, [1000, 1001, 33])]),
        ("props", "Got PropertiesChanged for <*>: <*>", 50, "DEBUG", props),
        ("startup", "Running startup triggers for <*> interfaces", 5, "INFO",
         lambda: [cy("startup", 0, [3, 5, 4, 7, 6])]),
        ("nd_down", "systemd-networkd is not running, output will be incomplete.", 3, "WARNING",
         lambda: []),
        ("reloaded", "Interface list reloaded: <*>", 30, "DEBUG", lambda: [iflist()]),
        ("run_fail", "Failed to run <*>: <*>", 15, "ERROR",
         lambda: [cy("run_fail", 0, scripts), cy("run_fail", 1, run_errs)]),
    ]
    pid = rng.randint(600, 1500)
    host = "ubu-edge-04"
    spec = [(k, c, (lambda f=f, lv=lv: (f(), L(lv)))) for k, _, c, lv, f in spec_events]
    recs = shuffle_records(rng, spec, at(10, 7, 40), 47.0)
    for r in recs:
        r[3].update({"pid": pid, "host": host})

    def header(t, e):
        return "%s %s networkd-dispatcher[%d]: %s:" % (ts_journal(t), e["host"], e["pid"], e["level"])

    return {
        "events": [(k, tp) for k, tp, _, _, _ in spec_events],
        "records": recs,
        "header": header,
        "header_re": r"(?P<ts>[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}) [\w.-]+ networkd-dispatcher\[\d+\]: "
                     r"(?:DEBUG|INFO|WARNING|ERROR|CRITICAL):",
        "ts_key": journal_key,
        "kind": "shuffle",
        "shape": "journal short + Python level prefix: "
                 "`Mon DD HH:MM:SS host networkd-dispatcher[pid]: LEVEL:message`",
    }


# ==========================================================================
# 6. Vnstatd via journal  (seeded shuffle)
# ==========================================================================
def sys_vnstatd(rng, cy):
    phys = ["eth0", "enp2s0", "wlan0", "docker0", "br0", "tailscale0"]
    speeds = {"eth0": 1000, "enp2s0": 2500, "wlan0": 300, "docker0": 1000, "br0": 1000, "tailscale0": 1000}
    state = {"pid": rng.randint(700, 1600)}

    def veth():
        return "veth" + hexs(rng, 7)

    def vif(ev):
        return veth() if rng.random() < 0.6 else cy(ev, 0, phys)

    def started():
        state["pid"] = rng.randint(400, 32000)
        return [state["pid"]]

    def monitoring():
        n = cy("monitoring", 0, [3, 2, 4, 5])
        names = rng.sample(phys, n)
        return [n, " ".join("%s (%d Mbit)" % (x, speeds[x]) for x in names)]

    def added():
        i = vif("added")
        return [i, speeds.get(i, 1000) if rng.random() < 0.8 else cy("added", 1, [1000, 10000, 100])]

    def rate():
        i = cy("rate", 0, ["eth0", "enp2s0", "wlan0"])
        iv = rng.choice([30, 60, 300])
        return [i, speeds[i], "%ds->%d, r%d t%d, 64bit:1" % (iv, rng.randint(4 * 10 ** 9, 9 * 10 ** 10),
                                                             rng.randint(1, 9), rng.randint(1, 9))]

    sqls = ["insert or ignore into interface (name, active, created, updated, rxcounter, txcounter, "
            "rxtotal, txtotal) values ('%s', 1, datetime('now', 'localtime'), datetime('now', 'localtime'), "
            "0, 0, 0, 0)",
            "update interface set active=%d, updated=datetime('now', 'localtime') where id=%d",
            "delete from fiveminute where interface=%d and date < datetime('now', '-48 hours', 'localtime')"]

    def exec_fail():
        c = cy("exec_fail", 1, [0, 1, 2])
        if c == 0:
            s = sqls[0] % veth()
        elif c == 1:
            s = sqls[1] % (rng.randint(0, 1), rng.randint(1, 30))
        else:
            s = sqls[2] % rng.randint(1, 30)
        return [cy("exec_fail", 0, ["5: database is locked", "10: disk I/O error", "13: database or disk is full"]),
                s]

    def future():
        now = rng.randint(at(0, 5, 0), at(23, 0, 0)) // NS
        ahead = now + rng.randint(90, 7200)
        f = lambda s: "%04d-%02d-%02d %02d:%02d:%02d" % (YEAR, MONTH, DAY, s // 3600, s // 60 % 60, s % 60)
        return [f(ahead), f(now)]

    tables = ["fiveminute", "hour", "day", "month", "top"]
    spec_events = [
        ("started", "vnStat daemon 2.12 started. (pid:<*> uid:0 gid:0 64-bit)", 4, started),
        ("sigterm", "SIGTERM received, exiting.", 3, lambda: []),
        ("monitoring", "Monitoring (<*>): <*>", 6, monitoring),
        ("enabled", "Interface \"<*>\" enabled.", 78, lambda: [vif("enabled")]),
        ("disabled", "Interface \"<*>\" disabled.", 62, lambda: [vif("disabled")]),
        ("added", "Interface \"<*>\" added with <*> Mbit bandwidth limit.", 30, added),
        ("notavail", "Interface \"<*>\" not available, disabling.", 18, lambda: [vif("notavail")]),
        ("rate", "Traffic rate for \"<*>\" higher than set maximum <*> Mbit (<*>), syncing.", 9, rate),
        ("exec_fail", "Error: Exec step failed (<*>): \"<*>\"", 5, exec_fail),
        ("slow", "Warning: Writing cached data to database took <*> seconds.", 20,
         lambda: ["%.1f" % rng.uniform(2.1, 19.0)]),
        ("removed", "Interface \"<*>\" removed from database.", 28, lambda: [vif("removed")]),
        ("future", "Latest database update is in the future (db: <*> > now: <*>). Giving up.", 3, future),
        ("cleanup", "Info: Removed <*> old entries from table \"<*>\".", 30,
         lambda: [rng.randint(1, 2400), cy("cleanup", 1, tables)]),
        ("open_fail", "Error: Unable to open database \"/var/lib/vnstat/vnstat.db\": <*>", 4,
         lambda: [cy("open_fail", 0, ["unable to open database file", "database is locked",
                                      "disk I/O error"])]),
    ]
    host = "nas-quill"
    spec = [(k, c, (lambda f=f: (f(), {"pid": state["pid"], "host": host}))) for k, _, c, f in spec_events]
    recs = shuffle_records(rng, spec, at(3, 17, 9), 210.0)

    def header(t, e):
        return "%s %s vnstatd[%d]: " % (ts_journal(t), e["host"], e["pid"])

    return {
        "events": [(k, tp) for k, tp, _, _ in spec_events],
        "records": recs,
        "header": header,
        "header_re": r"(?P<ts>[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}) [\w.-]+ vnstatd\[\d+\]: ",
        "ts_key": journal_key,
        "kind": "shuffle",
        "shape": "journal short: `Mon DD HH:MM:SS host vnstatd[pid]: message`",
    }


SYSTEMS = [
    (1, "Exabgp", "ExaBGP log", sys_exabgp),
    (2, "Dhcpcd", "dhcpcd via journal", sys_dhcpcd),
    (3, "SystemdNetworkd", "systemd-networkd via journal", sys_networkd),
    (4, "Ifupdown2", "ifupdown2 ifreload debug output", sys_ifupdown2),
    (5, "NetworkdDispatcher", "networkd-dispatcher via journal", sys_dispatcher),
    (6, "Vnstatd", "vnStat daemon via journal", sys_vnstatd),
]


# --------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------
def build(k, name, fn):
    rng = random.Random(BASE_SEED * 10 + k)
    spec = fn(rng, Cycler())
    events = spec["events"]
    ids = {key: "E%d" % (i + 1) for i, (key, _) in enumerate(events)}
    tmpls = {key: tp for key, tp in events}
    lines, rows = [], []
    for n, (t, key, vals, extra) in enumerate(spec["records"], 1):
        content = fill(tmpls[key], vals)
        # generation-time sanity: the template regex must capture exactly the values put in
        mt = tmpl_regex(tmpls[key]).fullmatch(content)
        if mt is None or list(mt.groups()) != vals:
            raise AssertionError("%s: capture mismatch for %s: %r vs %r" %
                                 (name, key, mt and mt.groups(), vals))
        lines.append(spec["header"](t, extra) + content)
        rows.append([n, content, ids[key], tmpls[key]])
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("".join(l + "\n" for l in lines))
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)
    return spec


# --------------------------------------------------------------------------
# self-check (reads the files back)
# --------------------------------------------------------------------------
def check(name, spec):
    problems = []

    def bad(msg):
        problems.append("%s: %s" % (name, msg))

    d = os.path.join(OUT, name)
    raw = open(os.path.join(d, name + ".log"), "rb").read()
    craw = open(os.path.join(d, name + ".log_structured.csv"), "rb").read()
    for label, blob in (("log", raw), ("csv", craw)):
        if not blob.endswith(b"\n"):
            bad("%s does not end with newline" % label)
        if b"\r" in blob:
            bad("%s contains CR" % label)
    lines = raw.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    if header != ["LineId", "Content", "EventId", "EventTemplate"]:
        bad("csv header %r" % header)
    if len(lines) != N_LINES or len(rows) != N_LINES:
        bad("line/row count %d/%d" % (len(lines), len(rows)))
    hre = re.compile(spec["header_re"])
    declared = ["E%d" % (i + 1) for i in range(len(spec["events"]))]
    tmpl_of = {}
    counts = {}
    slots = {}
    last = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            bad("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tmpl = row
        if lid != str(i):
            bad("LineId %r at row %d" % (lid, i))
        if not content or content != content.strip():
            bad("content empty/unstripped at %d" % i)
        if not line.endswith(content):
            bad("line %d does not end with content" % i)
            continue
        hm = hre.fullmatch(line[:len(line) - len(content)])
        if not hm:
            bad("header mismatch at %d: %r" % (i, line[:len(line) - len(content)]))
            continue
        key = spec["ts_key"](hm.group("ts"))
        if last is not None and key < last:
            bad("timestamp goes back at %d" % i)
        last = key
        if not re.fullmatch(r"E\d+", eid):
            bad("bad EventId %r" % eid)
        if tmpl_of.setdefault(eid, tmpl) != tmpl:
            bad("EventId %s has several templates" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        m = tmpl_regex(tmpl).fullmatch(content)
        if not m:
            bad("template does not match content at %d" % i)
            continue
        for j, g in enumerate(m.groups()):
            slots.setdefault((eid, j), set()).add(g)
    if len(set(tmpl_of.values())) != len(tmpl_of):
        bad("templates not distinct")
    if sorted(counts, key=lambda e: int(e[1:])) != declared:
        bad("declared events unused or unknown ids: %r" % sorted(counts))
    for (eid, j), vals in slots.items():
        if len(vals) < 2:
            bad("%s slot %d has a single value %r" % (eid, j, vals))
    c = sorted(counts.values())
    if not 12 <= len(c) <= 15:
        bad("%d event types" % len(c))
    if c and c[0] < 3:
        bad("an event has fewer than 3 lines: %r" % counts)
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        bad("fewer than 3 events with 3-10 lines: %r" % c)
    med = statistics.median(c) if c else 0
    if c and c[-1] < 3 * med:
        bad("largest %d < 3 x median %s" % (c[-1], med))
    first = hre.fullmatch(lines[0][:len(lines[0]) - len(rows[0][1])]).group("ts") if lines else "?"
    lastts = hre.fullmatch(lines[-1][:len(lines[-1]) - len(rows[-1][1])]).group("ts") if lines else "?"
    return problems, {"events": len(c), "min": c[0] if c else 0, "median": med, "max": c[-1] if c else 0,
                      "small": sum(1 for x in c if 3 <= x <= 10), "first": first, "last": lastts}


# --------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------
def write_readme(built):
    L = []
    L.append("# Sealed 61: a blind corpus for the log template miner")
    L.append("")
    L.append("Six small labelled logs from Linux networking daemons and tools: "
             + "; ".join("%s (%s)" % (name, desc) for _, name, desc, _ in SYSTEMS)
             + ". Each system has its own folder `<System>/` holding `<System>.log` (exactly 300 raw "
               "lines with the program's default header) and `<System>.log_structured.csv` with the "
               "columns `LineId,Content,EventId,EventTemplate` (LineId 1..300, Content = the message "
               "after the header, EventIds `E1`, `E2`, ... in the order the events are declared in "
               "`generate.py`). `generate.py` (Python 3 standard library only) writes every file and "
               "self-checks it.")
    L.append("")
    L.append("**Blind:** the corpus was written without running the miner or any other log parser, "
             "without reading the miner's source, tests, docs or earlier corpora, and without Loghub "
             "data or any per-system analysis from a paper. Messages were invented in each project's "
             "style from memory; no line, template or value list was copied from a public log or data "
             "set. Hosts, addresses, ids and users are made up.")
    L.append("")
    L.append("## Scores")
    L.append("")
    L.append("(filled in by the maintainer)")
    L.append("")
    L.append("## How it was made")
    L.append("")
    L.append("Base seed `%d`; system *k* (1..6 in the order above) uses "
             "`random.Random(%d*10 + k)`. Time is an integer nanosecond clock on 2026-03-14 UTC; "
             "month names come from a fixed list, never the locale or the wall clock." % (BASE_SEED, BASE_SEED))
    L.append("")
    sims = [(n, s) for (_, n, _, _), s in zip(SYSTEMS, built) if s["kind"] == "simulation"]
    shuf = [n for (_, n, _, _), s in zip(SYSTEMS, built) if s["kind"] == "shuffle"]
    L.append("Simulations (entities with overlapping lifetimes, each on its own clock, merged in time "
             "order, first 300 lines kept):")
    L.append("")
    for n, s in sims:
        L.append("- %s: %s." % (n, s["entities"]))
    L.append("")
    L.append("Seeded shuffles (fixed count per event, shuffled, stamped by a forward-only clock with "
             "exponential gaps): %s." % ", ".join(shuf))
    L.append("")
    L.append("| system | format (default shape) | Content is |")
    L.append("|---|---|---|")
    for (_, n, _, _), s in zip(SYSTEMS, built):
        line = open(os.path.join(OUT, n, n + ".log"), encoding="utf-8").readline().rstrip("\n")
        row = next(csv.reader(open(os.path.join(OUT, n, n + ".log_structured.csv"), encoding="utf-8",
                                   newline="").readlines()[1:2]))
        hdr = line[:len(line) - len(row[1])]
        L.append("| %s | %s; e.g. header `%s` | the message after that header |"
                 % (n, s["shape"].replace("|", "\\|"), hdr.replace("|", "\\|").rstrip()))
    L.append("")
    L.append("## Ground-truth convention (Loghub style)")
    L.append("")
    L.append("- One `<*>` per value. A value that contains spaces still gets one `<*>` (free-text "
             "errors, SQL, lists, `2 MB`, glued durations like `1.2s` or `350ms`, timestamps inside "
             "the message).")
    L.append("- Punctuation around a value stays literal (`(<*>)`, `[<*>]`, `<*>,`, `\"<*>\"`, `key=<*>`).")
    L.append("- Words that name a different event stay literal; different words mean different events.")
    L.append("- An optional field makes a separate event type.")
    L.append("- Text that never changes within an event type stays literal, even if it looks like a number.")
    L.append("- Every `<*>` takes at least two distinct values in the data.")
    L.append("")
    L.append("Example templates:")
    L.append("")
    for (_, n, _, _), s in zip(SYSTEMS, built):
        ev = s["events"]
        picks = [ev[0], ev[len(ev) // 2], ev[-1]]
        L.append("- %s: %s" % (n, ", ".join("`%s`" % tp for _, tp in picks)))
    L.append("")
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(L).rstrip("\n") + "\n")


def main():
    built = []
    all_problems = []
    summary = []
    for k, name, desc, fn in SYSTEMS:
        spec = build(k, name, fn)
        built.append(spec)
    write_readme(built)
    for (k, name, desc, fn), spec in zip(SYSTEMS, built):
        problems, st = check(name, spec)
        all_problems += problems
        summary.append("%d %-19s %-10s events=%d counts min/median/max=%d/%s/%d small=%d span %s .. %s %s"
                       % (k, name, spec["kind"], st["events"], st["min"], st["median"], st["max"],
                          st["small"], st["first"], st["last"], "OK" if not problems else "FAIL"))
    print("\n".join(summary))
    if all_problems:
        print("\n".join(all_problems))
        sys.exit(1)
    print("self-check passed")


if __name__ == "__main__":
    main()
