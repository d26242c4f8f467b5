#!/usr/bin/env python3
"""Sealed 70: blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Every system k (1..6) draws from its own random.Random(20270201 * 10 + k);
time is an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for all six systems, then re-reads and self-checks every file.
"""
import collections
import csv
import io
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270201
OUT_DIR = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
NS = 10 ** 9
MS = 10 ** 6
N_LINES = 300
CSV_HEADER = ["LineId", "Content", "EventId", "EventTemplate"]


# ---------------------------------------------------------------- helpers

def clock(ns):
    """Split nanoseconds since 2026-03-14 00:00:00 UTC into h, m, s, frac-ns."""
    s, frac = divmod(ns, NS)
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    if not 0 <= h < 24:
        raise ValueError("clock left 2026-03-14")
    return h, m, s, frac


def at(h, m, s=0):
    return ((h * 60 + m) * 60 + s) * NS


def sec(x):
    return int(round(x * NS))


def msec(x):
    return int(round(x * MS))


def fill(template, values):
    parts = template.split("<*>")
    if len(parts) - 1 != len(values):
        raise ValueError("slot count mismatch for %r: %r" % (template, values))
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        if not v or v != v.strip() or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, template))
        out.append(v)
        out.append(p)
    return "".join(out)


def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")))


def rmac(r, sep=":", group=1):
    b = [r.randint(0, 255) for _ in range(6)]
    b[0] &= 0xFC
    if group == 1:
        return sep.join("%02x" % x for x in b)
    # Huawei / H3C style: 3822-d64c-b5a0
    return sep.join("%02x%02x" % (b[i], b[i + 1]) for i in range(0, 6, 2))


def rhex(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


PUB_FIRST = [5, 23, 31, 37, 45, 46, 62, 77, 80, 85, 89, 91, 92, 94, 103, 109,
             115, 121, 141, 159, 162, 167, 176, 179, 185, 193, 194, 195, 212,
             218, 222]


def rpub(r):
    return "%d.%d.%d.%d" % (r.choice(PUB_FIRST), r.randint(0, 255),
                            r.randint(0, 255), r.randint(1, 254))


class System:
    def __init__(self, k, name, header_re):
        self.k = k
        self.name = name
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.events = []
        self.by_key = {}
        self.counters = {}
        self.rows = []
        self.x = {}
        self.kind = ""

    def ev(self, key, template, **meta):
        e = dict(eid="E%d" % (len(self.events) + 1), key=key,
                 template=template, **meta)
        if key in self.by_key:
            raise ValueError("duplicate event key " + key)
        self.events.append(e)
        self.by_key[key] = e
        return e

    def cyc(self, key, slot, pool):
        """Cycle through a small pool per (event, slot)."""
        i = self.counters.get((key, slot), 0)
        self.counters[(key, slot)] = i + 1
        return pool[i % len(pool)]

    def emit(self, key, header, values):
        e = self.by_key[key]
        self.rows.append((header, fill(e["template"], values), e["eid"],
                          e["template"]))


def run_shuffle(S, counts, start_ns, mean_gap_s, header_fn):
    """Seeded shuffle: fixed count per event, shuffled, forward-only clock."""
    S.kind = "shuffle"
    if len(counts) != len(S.events) or sum(counts) != N_LINES:
        raise ValueError("%s: counts do not fit" % S.name)
    keys = []
    for e, n in zip(S.events, counts):
        keys.extend([e["key"]] * n)
    S.rng.shuffle(keys)
    t = start_ns
    for key in keys:
        t += max(MS, int(S.rng.expovariate(1.0 / mean_gap_s) * NS))
        e = S.by_key[key]
        S.x = {}
        vals = [str(v) for v in e["vals"](key)]
        S.emit(key, header_fn(e, t, vals), vals)


class Sim:
    """Entities with overlapping lifetimes, each on its own clock."""

    def __init__(self, S):
        self.S = S
        self.items = []
        self.n = 0
        S.kind = "simulation"

    def add(self, t, key, values, **hdr):
        if key not in self.S.by_key:
            raise KeyError(key)
        self.items.append((t, self.n, key, [str(v) for v in values], hdr))
        self.n += 1

    def arrivals(self, mean_gap_s, start, end):
        out = []
        t = start
        while True:
            t += int(self.S.rng.expovariate(1.0 / mean_gap_s) * NS)
            if t >= end:
                return out
            out.append(t)

    def finish(self, header_fn):
        self.items.sort(key=lambda it: (it[0], it[1]))
        if len(self.items) < N_LINES:
            raise ValueError("%s: simulation produced only %d lines"
                             % (self.S.name, len(self.items)))
        for t, _, key, vals, hdr in self.items[:N_LINES]:
            self.S.emit(key, header_fn(t, self.S.by_key[key], hdr), vals)


# ------------------------------------------------------------ 1. EdgeOs

EDGEOS_RE = (r"(?P<mon>[A-Z][a-z]{2}) (?P<day>[ \d]\d) (?P<H>\d{2}):(?P<M>\d{2}):(?P<S>\d{2}) "
             r"(?P<host>[A-Za-z0-9-]+) (?P<prog>[A-Za-z0-9_.-]+)(?:\[(?P<pid>\d+)\])?: "
             r"(?:(?P<thread>\d{2})\[(?P<group>[A-Z]{3})\] )?")


def build_edgeos():
    S = System(1, "EdgeOs", EDGEOS_RE)
    r = S.rng
    HOST = "er-branch07"
    E = S.ev
    E("discover", "DHCPDISCOVER from <*> (<*>) via <*>", prog="dhcpd")
    E("offer", "DHCPOFFER on <*> to <*> (<*>) via <*>", prog="dhcpd")
    E("request", "DHCPREQUEST for <*> (<*>) from <*> (<*>) via <*>", prog="dhcpd")
    E("ack", "DHCPACK on <*> to <*> (<*>) via <*>", prog="dhcpd")
    E("renew", "DHCPREQUEST for <*> from <*> (<*>) via <*>", prog="dhcpd")
    E("release", "DHCPRELEASE of <*> from <*> (<*>) via <*> (found)", prog="dhcpd")
    E("fw_tcp", "[<*>]IN=<*> OUT= MAC=<*> SRC=<*> DST=<*> LEN=<*> TOS=0x00 PREC=0x00 "
                "TTL=<*> ID=<*> PROTO=TCP SPT=<*> DPT=<*> WINDOW=<*> RES=0x00 SYN URGP=0",
      prog="kernel")
    E("fw_udp", "[<*>]IN=<*> OUT= MAC=<*> SRC=<*> DST=<*> LEN=<*> TOS=0x00 PREC=0x00 "
                "TTL=<*> ID=<*> PROTO=UDP SPT=<*> DPT=<*> LEN=<*>", prog="kernel")
    E("ssh_ok", "Accepted password for <*> from <*> port <*> ssh2", prog="sshd")
    E("ssh_fail", "Failed password for invalid user <*> from <*> port <*> ssh2", prog="sshd")
    E("pam_open", "pam_unix(sshd:session): session opened for user <*> by (uid=0)", prog="sshd")
    E("pam_close", "pam_unix(sshd:session): session closed for user <*>", prog="sshd")
    E("ike_up", "IKE_SA <*>[<*>] established between <*>[<*>]...<*>[<*>]", prog="charon")
    E("child_up", "CHILD_SA <*>{<*>} established with SPIs <*>_i <*>_o and TS <*> === <*>",
      prog="charon")
    E("ike_del", "deleting IKE_SA <*>[<*>] between <*>[<*>]...<*>[<*>]", prog="charon")

    sim = Sim(S)
    T0 = at(6, 52, 10) + r.randint(0, NS - 1)
    END = T0 + 5 * 3600 * NS

    # --- DHCP clients on two LAN segments
    NETS = [("eth1", "192.168.10.1", "192.168.10.", 3600),
            ("eth2", "10.20.30.1", "10.20.30.", 1800),
            ("eth1", "192.168.10.1", "192.168.10.", 3600)]
    HOSTS = ["iPhone", "Galaxy-S23", "DESKTOP-7KQ2M1B", "LAPTOP-ANNA", "HPM479fdw",
             "Chromecast", "raspberrypi", "MacBook-Pro", "nest-thermostat",
             "ESP_3A1F2C", "Pixel-7", "LAPTOP-R4V9T", "sonos-kitchen", "iPad",
             "DESKTOP-QH31LPA", "android-5c1e0b7d2a", "yealink-t46u", "axis-cam-02"]
    for t0 in sim.arrivals(250, T0, END):
        iface, sid, prefix, lease = S.cyc("ent", "net", NETS)
        mac = rmac(r)
        host = r.choice(HOSTS)
        ip = prefix + str(r.randint(20, 249))
        t = t0
        sim.add(t, "discover", [mac, host, iface])
        t += msec(r.randint(600, 1300))
        sim.add(t, "offer", [ip, mac, host, iface])
        t += msec(r.randint(5, 3000))
        sim.add(t, "request", [ip, sid, mac, host, iface])
        t += msec(r.randint(1, 40))
        sim.add(t, "ack", [ip, mac, host, iface])
        end = t0 + sec(r.expovariate(1.0 / 5400) + 120)
        tr = t + sec(lease / 2)
        while tr < end and tr < END:
            sim.add(tr, "renew", [ip, mac, host, iface])
            sim.add(tr + msec(r.randint(1, 30)), "ack", [ip, mac, host, iface])
            tr += sec(lease / 2 + r.uniform(-20, 20))
        if end < END and r.random() < 0.4:
            sim.add(end, "release", [ip, mac, host, iface])

    # --- scanners hitting the firewall on the two WAN links
    WANS = [("eth0", "203.0.113.46", "f0:9f:c2:1a:2b:30:00:31:46:0d:77:e1:08:00"),
            ("eth0", "203.0.113.46", "f0:9f:c2:1a:2b:30:00:31:46:0d:77:e1:08:00"),
            ("eth3", "198.51.100.77", "f0:9f:c2:1a:2b:33:3c:61:04:5e:a2:19:08:00")]
    TCP_PORTS = [22, 23, 80, 443, 445, 1433, 2323, 3389, 5555, 7547, 8080, 8291, 8443]
    UDP_PORTS = [53, 123, 161, 500, 1900, 5060, 11211, 137]
    for t0 in sim.arrivals(100, T0, END):
        iface, dst, macf = S.cyc("ent", "wan", WANS)
        src = rpub(r)
        rule = "WAN_LOCAL-20-D" if r.random() < 0.22 else "WAN_LOCAL-default-D"
        udp = r.random() < 0.27
        n = min(5, 1 + int(r.expovariate(1 / 1.1)))
        ttl = r.randint(38, 250)
        t = t0
        for _ in range(n):
            ipid = r.randint(1, 65535)
            spt = r.randint(1024, 65535)
            if udp:
                ln = r.choice([40, 48, 68, 76, 96, 132])
                sim.add(t, "fw_udp", [rule, iface, macf, src, dst, ln, ttl, ipid, spt,
                                      r.choice(UDP_PORTS), ln - 20])
            else:
                sim.add(t, "fw_tcp", [rule, iface, macf, src, dst, r.choice([40, 44, 60]),
                                      ttl, ipid, spt, r.choice(TCP_PORTS),
                                      r.choice([1024, 14600, 29200, 65535])])
            t += msec(r.randint(300, 4500))

    # --- interactive admin SSH sessions from the LAN
    ADMINS = [("ubnt", "192.168.10.12"), ("netops", "10.20.30.41"), ("jmarsh", "192.168.10.57")]
    for t0 in sim.arrivals(650, T0, END):
        user, ip = S.cyc("ent", "admin", ADMINS)
        pid = r.randint(3000, 32000)
        sim.add(t0, "ssh_ok", [user, ip, r.randint(49152, 65000)], pid=pid)
        sim.add(t0 + msec(r.randint(15, 90)), "pam_open", [user], pid=pid)
        sim.add(t0 + sec(r.uniform(60, 2400)), "pam_close", [user], pid=pid)

    # --- password guessing bursts from the internet
    BAD = ["admin", "test", "oracle", "pi", "ubuntu", "support", "guest", "user1",
           "ftpuser", "git", "postgres", "dev", "tomcat", "hadoop"]
    for t0 in sim.arrivals(1000, T0, END):
        ip = rpub(r)
        t = t0
        for _ in range(r.randint(2, 6)):
            sim.add(t, "ssh_fail", [r.choice(BAD), ip, r.randint(30000, 64000)],
                    pid=r.randint(3000, 32000))
            t += msec(r.randint(1500, 9000))

    # --- site-to-site IPsec tunnels being re-authenticated
    PEERS = [("185.71.12.9", "203.0.113.46", [("10.20.30.0/24", "10.60.0.0/16")]),
             ("91.203.44.130", "203.0.113.46", [("192.168.10.0/24", "172.22.8.0/22"),
                                                ("10.20.30.0/24", "172.22.8.0/22")]),
             ("64.39.101.18", "198.51.100.77", [("192.168.10.0/24", "10.99.4.0/24")])]
    ike_uid = [r.randint(3, 9)]
    child_uid = [r.randint(10, 30)]
    for rip, lip, nets in PEERS:
        old = ike_uid[0]
        ike_uid[0] += 1
        t = T0 + sec(r.uniform(200, 3000))
        while t < END:
            name = "peer-%s-tunnel-1" % rip
            sim.add(t, "ike_del", [name, old, lip, lip, rip, rip], thread=r.randint(1, 16))
            t2 = t + msec(r.randint(700, 3500))
            ike_uid[0] += 1
            old = ike_uid[0]
            sim.add(t2, "ike_up", [name, old, lip, lip, rip, rip], thread=r.randint(1, 16))
            for i, (ls, rs) in enumerate(nets, 1):
                child_uid[0] += 1
                sim.add(t2 + msec(r.randint(5, 60)), "child_up",
                        ["peer-%s-tunnel-%d" % (rip, i), child_uid[0], rhex(r, 8),
                         rhex(r, 8), ls, rs], thread=r.randint(1, 16))
            t += sec(r.uniform(2700, 3700))

    def header(t, e, h):
        H, M, Sx, _ = clock(t)
        base = "%s %2d %02d:%02d:%02d %s " % (MONTHS[MONTH - 1], DAY, H, M, Sx, HOST)
        if e["prog"] == "sshd":
            return base + "sshd[%d]: " % h["pid"]
        if e["prog"] == "charon":
            return base + "charon: %02d[IKE] " % h["thread"]
        return base + e["prog"] + ": "

    sim.finish(header)
    return S


# ------------------------------------------------------------ 2. HuaweiVrp

HUAWEI_RE = (r"(?P<mon>[A-Z][a-z]{2}) (?P<day>[ \d]\d) (?P<year>\d{4}) "
             r"(?P<H>\d{2}):(?P<M>\d{2}):(?P<S>\d{2}) (?P<host>[A-Za-z0-9_-]+) "
             r"%%01(?P<module>[A-Z0-9]+)/(?P<sev>[0-7])/(?P<brief>[A-Za-z0-9_]+)"
             r"\((?P<type>[lsd])\)\[(?P<seq>\d+)\]:")


def build_huawei():
    S = System(2, "HuaweiVrp", HUAWEI_RE)
    r = S.rng
    c = S.cyc
    HOST = "HZ-AGG-S5735-01"
    GE = (["GigabitEthernet0/0/%d" % i for i in range(1, 49)]
          + ["XGigabitEthernet0/0/%d" % i for i in range(1, 5)])
    VLANIF = ["Vlanif10", "Vlanif20", "Vlanif30", "Vlanif100", "Vlanif200", "Vlanif3001"]
    MGMT = ["10.8.1.21", "10.8.1.35", "10.8.2.14", "172.16.40.7", "10.8.1.102"]
    USERS = ["netadmin", "ops-liwei", "zhangmin", "noc01", "huangj"]
    LOCAL = ["10.8.0.11", "192.168.255.11"]
    CMDS = ["display interface brief", "display current-configuration",
            "system-view", "interface GigabitEthernet0/0/17", "undo shutdown",
            "port link-type access", "port default vlan 30", "quit",
            "display mac-address vlan 20", "save", "display ospf peer brief",
            "display logbuffer", "return", "display stp brief",
            "display arp all", "description to-AP-3F-east",
            "interface Vlanif200", "ip address 10.200.0.1 255.255.255.0",
            "display version", "reset counters interface GigabitEthernet0/0/5"]
    OSPF_NBR = ["10.255.0.1", "10.255.0.2", "10.255.0.6", "172.31.1.2"]

    def ifidx(name):
        n = int(name.rsplit("/", 1)[1])
        return (n + 8) if name.startswith("Gig") else (n + 56)

    def mstp(k):
        p = r.choice(GE)
        return [c(k, 0, [0, 0, 1, 2]), ifidx(p) - 5, ifidx(p), p]

    E = S.ev
    E("if_up", "Interface <*> has turned into UP state.",
      hw=("IFPDT", 4, "IF_STATE", "l"), vals=lambda k: [r.choice(GE)])
    E("if_down", "Interface <*> has turned into DOWN state.",
      hw=("IFPDT", 4, "IF_STATE", "l"), vals=lambda k: [r.choice(GE)])
    E("lp_up", "The line protocol IP on the interface <*> has entered the UP state.",
      hw=("IFNET", 4, "LINK_STATE", "l"), vals=lambda k: [c(k, 0, VLANIF)])
    E("lp_down", "The line protocol IP on the interface <*> has entered the DOWN state.",
      hw=("IFNET", 4, "LINK_STATE", "l"), vals=lambda k: [c(k, 0, VLANIF)])
    E("cmd", "Recorded command information. (Task=<*>, Ip=<*>, VpnName=, User=<*>, "
             "AuthenticationMethod=\"<*>\", Command=\"<*>\")",
      hw=("SHELL", 5, "CMDRECORD", "s"),
      vals=lambda k: ["VT%d" % r.randint(0, 4), r.choice(MGMT), r.choice(USERS),
                      "Local-user" if r.random() < 0.7 else "RADIUS", r.choice(CMDS)])
    E("ssh_in", "The SSH user succeeded in logging in. (ServiceType=<*>, UserName=<*>, "
                "UserAddress=<*>, LocalAddress=<*>, VPNInstanceName=)",
      hw=("SSH", 5, "SSH_USER_LOGIN", "s"),
      vals=lambda k: [c(k, 0, ["stelnet", "stelnet", "sftp"]), r.choice(USERS),
                      r.choice(MGMT), c(k, 3, LOCAL)])
    E("ssh_out", "The SSH user logged out. (ServiceType=<*>, LogoutReason=<*>, UserName=<*>, "
                 "UserAddress=<*>, LocalAddress=<*>, VPNInstanceName=)",
      hw=("SSH", 5, "SSH_USER_LOGOUT", "s"),
      vals=lambda k: [c(k, 0, ["stelnet", "sftp", "stelnet"]),
                      c(k, 1, ["User logout", "Idle timeout", "Connection closed by peer",
                               "User logout"]),
                      r.choice(USERS), r.choice(MGMT), c(k, 4, LOCAL)])
    E("ssh_fail", "The SSH user failed to login. (ServiceType=<*>, FailedReason=<*>, "
                  "UserName=<*>, UserAddress=<*>, LocalAddress=<*>, VPNInstanceName=)",
      hw=("SSH", 5, "SSH_USER_LOGIN_FAIL", "s"),
      vals=lambda k: [c(k, 0, ["stelnet", "stelnet", "sftp"]),
                      c(k, 1, ["Authentication failed", "User name or password error",
                               "Authentication timeout", "Authentication failed"]),
                      r.choice(["admin", "root", "huawei", "test", "netadmin", "guest",
                                "ftp", "oracle"]),
                      rpub(r) if r.random() < 0.6 else r.choice(MGMT), c(k, 4, LOCAL)])
    E("ospf_down", "Neighbor event:neighbor state changed to Down. (ProcessId=<*>, "
                   "NeighborAddress=<*>, NeighborEvent=<*>, NeighborPreviousState=<*>, "
                   "NeighborCurrentState=Down)",
      hw=("OSPF", 3, "NBR_CHG_DOWN", "l"),
      vals=lambda k: [c(k, 0, [1, 100]), c(k, 1, OSPF_NBR),
                      c(k, 2, ["KillNbr", "InactivityTimer", "1-Wayreceived"]),
                      c(k, 3, ["Full", "Full", "ExStart"])])
    E("ospf_chg", "Neighbor changes event: neighbor status changed. (ProcessId=<*>, "
                  "NbrIpAddr=<*>, NbrEvent=<*>, NbrPreviousState=<*>, NbrCurrentState=<*>)",
      hw=("OSPF", 6, "NBR_CHANGE_E", "l"),
      vals=lambda k: [c(k, 0, [1, 100, 1]), c(k, 1, OSPF_NBR)] + list(c(k, 2, [
          ("HelloReceived", "Down", "Init"), ("2-WayReceived", "Init", "ExStart"),
          ("NegotiationDone", "ExStart", "Exchange"), ("ExchangeDone", "Exchange", "Loading"),
          ("LoadingDone", "Loading", "Full")])))
    E("stp_fwd", "The port has been set to forwarding state. (ProcessID=0, InstanceID=<*>, "
                 "PortID=<*>, IfIndex=<*>, PortName=<*>, PwName=)",
      hw=("MSTP", 4, "PORT_STATE_FORWARDING", "l"), vals=mstp)
    E("stp_disc", "The port has been set to discarding state. (ProcessID=0, InstanceID=<*>, "
                  "PortID=<*>, IfIndex=<*>, PortName=<*>, PwName=)",
      hw=("MSTP", 4, "PORT_STATE_DISCARDING", "l"), vals=mstp)
    E("arp_dup", "Received an ARP packet with a duplicate IP address from the interface. "
                 "(IpAddress=<*>, InterfaceName=<*>, MacAddress=<*>)",
      hw=("ARP", 4, "ARP_DUPLICATE_IPADDR", "l"),
      vals=lambda k: ["10.%d.0.%d" % (r.choice([10, 20, 30]), r.randint(2, 250)),
                      c(k, 1, VLANIF[:3]), rmac(r, "-", 2)])
    E("mac_flap", "MAC move detected, VlanId = <*>, MacAddress = <*>, Original-Port = <*>, "
                  "Flapping port = <*>. Please check the network accessed to flapping port.",
      hw=("L2IFPPI", 4, "MFLPVLANALARM", "l"),
      vals=lambda k: [c(k, 0, [10, 20, 30, 200]), rmac(r, "-", 2), r.choice(GE[:24]),
                      r.choice(GE[24:])])
    E("snmp_fail", "Failed to login through SNMP. (Ip=<*>, Times=<*>, Reason=<*>, VPN=)",
      hw=("SNMP", 4, "SNMP_FAIL", "s"),
      vals=lambda k: [r.choice(["10.8.3.50", "10.8.3.51", "172.16.40.200", "10.8.1.35"]),
                      r.randint(1, 9),
                      c(k, 2, ["the community was incorrect", "the community was incorrect",
                               "the packet was too large",
                               "the user name or password was incorrect"])])

    seq = [r.randint(1200, 5000)]

    def header(e, t, vals):
        H, M, Sx, _ = clock(t)
        mod, sev, brief, typ = e["hw"]
        seq[0] += 1
        return "%s %2d %d %02d:%02d:%02d %s %%%%01%s/%d/%s(%s)[%d]:" % (
            MONTHS[MONTH - 1], DAY, YEAR, H, M, Sx, HOST, mod, sev, brief, typ, seq[0])

    counts = [22, 24, 9, 10, 78, 14, 12, 30, 4, 16, 8, 7, 3, 18, 45]
    run_shuffle(S, counts, at(7, 3, 41), 24.0, header)
    return S


# ------------------------------------------------------------ 3. H3cComware

H3C_RE = (r"%(?P<mon>[A-Z][a-z]{2}) (?P<day>[ \d]\d) (?P<H>\d{2}):(?P<M>\d{2}):(?P<S>\d{2}):"
          r"(?P<frac>\d{3}) (?P<year>\d{4}) (?P<host>[A-Za-z0-9_-]+) "
          r"(?P<module>[A-Z0-9]+)/(?P<sev>[0-7])/(?P<mnemonic>[A-Z0-9_]+): "
          r"(?:-Slot=(?P<slot>\d+); )?")


def build_h3c():
    S = System(3, "H3cComware", H3C_RE)
    r = S.rng
    c = S.cyc
    HOST = "SZ-CORE-S6850-A"
    PORTS = (["GigabitEthernet1/0/%d" % i for i in range(1, 49)]
             + ["GigabitEthernet2/0/%d" % i for i in range(1, 49)]
             + ["Ten-GigabitEthernet1/0/%d" % i for i in range(49, 53)]
             + ["Ten-GigabitEthernet2/0/%d" % i for i in range(49, 53)])
    VLANIF = ["Vlan-interface10", "Vlan-interface20", "Vlan-interface100",
              "Vlan-interface200", "Vlan-interface4001"]
    MGMT = ["10.50.1.8", "10.50.1.9", "10.50.2.33", "172.20.0.15"]
    USERS = ["admin", "netops", "chenhao", "wangli", "svc-backup"]
    CMDS = ["display interface brief", "system-view", "interface GigabitEthernet1/0/12",
            "shutdown", "undo shutdown", "port access vlan 20", "quit",
            "display current-configuration", "save force", "display lldp neighbor-information list",
            "display ospf peer", "display mac-address 0011-2233-4455",
            "display irf", "display logbuffer reverse", "description uplink-to-AGG-02",
            "display stp brief", "return"]
    NBR_PORTS = ["GigabitEthernet1/0/1", "Ten-GigabitEthernet1/0/49", "GigabitEthernet0/0/52",
                 "Ethernet1/49", "xe-0/0/1", "GigabitEthernet1/0/24"]
    OSPF_STEPS = [("DOWN", "INIT"), ("INIT", "2WAY"), ("2WAY", "EXSTART"),
                  ("EXSTART", "EXCHANGE"), ("EXCHANGE", "LOADING"), ("LOADING", "FULL"),
                  ("FULL", "DOWN"), ("FULL", "INIT")]

    def ifidx(p):
        unit = int(p.split("/")[0][-1])
        return (unit - 1) * 64 + int(p.rsplit("/", 1)[1])

    def lldp(k):
        p = r.choice(PORTS)
        return [p, ifidx(p), rmac(r, "-", 2), r.choice(NBR_PORTS)]

    def phys(k):
        return [r.choice(PORTS)]

    def link(k):
        return [r.choice(PORTS) if r.random() < 0.7 else c(k, 0, VLANIF)]

    def stp(k):
        return [c(k, 0, [0, 0, 1, 0, 2]), r.choice(PORTS)]

    E = S.ev
    E("phy_up", "Physical state on the interface <*> changed to up.", m="IFNET/3/PHY_UPDOWN",
      vals=phys)
    E("phy_down", "Physical state on the interface <*> changed to down.",
      m="IFNET/3/PHY_UPDOWN", vals=phys)
    E("lp_up", "Line protocol state on the interface <*> changed to up.",
      m="IFNET/5/LINK_UPDOWN", vals=link)
    E("lp_down", "Line protocol state on the interface <*> changed to down.",
      m="IFNET/5/LINK_UPDOWN", vals=link)
    E("login", "<*> logged in from <*>.", m="SHELL/5/SHELL_LOGIN",
      vals=lambda k: [r.choice(USERS), r.choice(MGMT)])
    E("logout", "<*> logged out from <*>.", m="SHELL/5/SHELL_LOGOUT",
      vals=lambda k: [r.choice(USERS), r.choice(MGMT)])
    E("cmd", "-Line=<*>-IPAddr=<*>-User=<*>; Command is <*>", m="SHELL/6/SHELL_CMD",
      vals=lambda k: ["vty%d" % r.randint(0, 4), r.choice(MGMT), r.choice(USERS),
                      r.choice(CMDS)])
    E("ssh_fail", "Authentication failed for user <*> from <*> port <*> because of invalid "
                  "username or wrong password.", m="SSHS/6/SSHS_LOG",
      vals=lambda k: [r.choice(["admin", "root", "test", "h3c", "user", "manager", "netops"]),
                      rpub(r) if r.random() < 0.5 else r.choice(MGMT),
                      r.randint(32768, 65000)])
    E("lldp_add", "Nearest bridge agent neighbor created on port <*> (IfIndex <*>), neighbor's "
                  "chassis ID is <*>, port ID is <*>.", m="LLDP/6/LLDP_CREATE_NEIGHBOR",
      vals=lldp)
    E("lldp_del", "Nearest bridge agent neighbor deleted on port <*> (IfIndex <*>), neighbor's "
                  "chassis ID is <*>, port ID is <*>.", m="LLDP/6/LLDP_DELETE_NEIGHBOR",
      vals=lldp)
    E("stp_tc", "Instance <*>'s port <*> detected a topology change.",
      m="STP/6/STP_DETECTED_TC", vals=stp)
    E("stp_disc", "Instance <*>'s port <*> has been set to discarding state.",
      m="STP/6/STP_DISCARDING", vals=stp)
    E("stp_fwd", "Instance <*>'s port <*> has been set to forwarding state.",
      m="STP/6/STP_FORWARDING", vals=stp)
    E("ospf", "OSPF <*> Neighbor <*>(<*>) changed from <*> to <*>.",
      m="OSPF/5/OSPF_NBR_CHG",
      vals=lambda k: [c(k, 0, [1, 1, 2])] + list(c(k, 1, [
          ("10.250.0.2", "Vlan-interface4001"), ("10.250.0.6", "Vlan-interface4002"),
          ("172.30.1.1", "Ten-GigabitEthernet1/0/52")])) + list(c(k, 3, OSPF_STEPS)))
    E("arp_dup", "Detected an IP address conflict. The device with MAC address <*> connected "
                 "to <*> in VLAN <*> and the device with MAC address <*> connected to <*> in "
                 "VLAN <*> are using the same IP address <*>.",
      m="ARP/6/ARP_DUPLICATE_IPADDR_DETECT",
      vals=lambda k: (lambda v: [rmac(r, "-", 2), r.choice(PORTS), v, rmac(r, "-", 2),
                                 r.choice(PORTS), v,
                                 "10.%d.%d.%d" % (v // 10, r.randint(0, 3),
                                                  r.randint(2, 250))])(c(k, 0, [10, 20, 100])))

    def header(e, t, vals):
        H, M, Sx, f = clock(t)
        h = "%%%s %2d %02d:%02d:%02d:%03d %d %s %s: " % (
            MONTHS[MONTH - 1], DAY, H, M, Sx, f // MS, YEAR, HOST, e["m"])
        if e["m"].startswith(("IFNET", "STP", "LLDP")) and any(
                re.match(r"(?:Ten-)?GigabitEthernet2/", v) for v in vals):
            h += "-Slot=2; "
        return h

    counts = [20, 21, 18, 19, 12, 11, 85, 26, 6, 5, 40, 8, 9, 16, 4]
    run_shuffle(S, counts, at(8, 17, 2), 21.0, header)
    return S


# ------------------------------------------------------------ 4. ExtremeExos

EXOS_RE = (r"(?P<mon>\d{2})/(?P<day>\d{2})/(?P<year>\d{4}) (?P<H>\d{2}):(?P<M>\d{2}):"
           r"(?P<S>\d{2})\.(?P<frac>\d{2}) <(?P<sev>Crit|Erro|Warn|Noti|Info|Summ|Verb):"
           r"(?P<component>[A-Za-z0-9_.]+)> (?:Slot-(?P<slot>\d+): )?")


def build_exos():
    S = System(4, "ExtremeExos", EXOS_RE)
    r = S.rng
    c = S.cyc
    PORTS = ["%d:%d" % (s, p) for s in (1, 2, 3) for p in range(1, 49)]
    VLANS = ["corp", "voice", "guest", "mgmt", "printers", "Default"]
    USERS = ["admin", "netops", "jdoe", "svc-backup"]
    MGMT = ["10.254.1.10", "10.254.1.22", "10.254.7.3", "192.168.200.15"]
    CMDS = ["show ports 1:1-48 no-refresh", "configure vlan corp add ports 2:14 untagged",
            "show fdb", "disable port 3:7", "enable port 3:7", "save configuration primary",
            "show log", "show vlan detail", "configure ports 1:22 display-string AP-3F-EAST",
            "show iproute", "clear counters ports all", "show stacking",
            "configure vlan voice add ports 1:5-12 tagged", "show elrp", "show netlogin"]
    STP = [("DISABLED", "LISTENING"), ("LISTENING", "LEARNING"), ("LEARNING", "FORWARDING"),
           ("FORWARDING", "BLOCKING"), ("BLOCKING", "LISTENING")]
    OSPF = [("Init", "Down"), ("2-Way", "Init"), ("ExStart", "2-Way"),
            ("Exchange", "ExStart"), ("Loading", "Exchange"), ("Full", "Loading"),
            ("Down", "Full")]
    PROCS = ["hal", "netLogin", "fdb", "snmpMaster", "exsshd", "ospf", "lldp"]

    def port_slot(p):
        s = int(p.split(":")[0])
        if s != 1:
            S.x["slot"] = s
        return p

    def nl_user(kind, mac):
        return mac.replace(":", "").upper() if kind == "MAC" else r.choice(
            ["jsmith", "mlopez", "akumar", "tnguyen", "printer-svc", "bwright"])

    def nl_in(k):
        kind = c(k, 0, ["MAC", "802.1x", "MAC"])
        mac = rmac(r)
        return [kind, nl_user(kind, mac), mac, port_slot(r.choice(PORTS)),
                c(k, 4, ["corp", "voice", "corp", "guest"]),
                "Radius" if r.random() < 0.8 else "Local"]

    def nl_out(k):
        kind = c(k, 0, ["802.1x", "MAC"])
        mac = rmac(r)
        return [kind, nl_user(kind, mac), mac, port_slot(r.choice(PORTS)),
                c(k, 4, ["corp", "guest", "voice"])]

    def fan(k):
        s = c(k, "slot", [2, 3, 1])
        if s != 1:
            S.x["slot"] = s
        return [r.randint(1, 2), r.randint(1, 6), r.randint(0, 1900)]

    E = S.ev
    E("link_up", "Port <*> link UP at speed <*> and full-duplex",
      sev="Info", comp="vlan.msgs.portLinkStateUp",
      vals=lambda k: [port_slot(r.choice(PORTS)),
                      c(k, 1, ["1 Gbps", "1 Gbps", "10 Gbps", "100 Mbps", "1 Gbps"])])
    E("link_down", "Port <*> link down", sev="Info", comp="vlan.msgs.portLinkStateDown",
      vals=lambda k: [port_slot(r.choice(PORTS))])
    E("auth_ok", "Login passed for user <*> through <*> (<*>)", sev="Info",
      comp="AAA.authPass",
      vals=lambda k: [r.choice(USERS), c(k, 1, ["ssh", "ssh", "http", "ssh", "telnet"]),
                      r.choice(MGMT)])
    E("auth_fail", "Login failed for user <*> through <*> (<*>)", sev="Warn",
      comp="AAA.authFail",
      vals=lambda k: [r.choice(USERS + ["root", "user", "extreme", "test"]),
                      c(k, 1, ["ssh", "telnet", "ssh", "http"]),
                      r.choice(MGMT) if r.random() < 0.5 else rpub(r)])
    E("logout", "Administrative account (<*>) logout from <*> (<*>)", sev="Info",
      comp="AAA.logout",
      vals=lambda k: [r.choice(USERS), c(k, 1, ["ssh", "ssh", "http"]), r.choice(MGMT)])
    E("cli", "<*> <*>: <*>", sev="Info", comp="cli.logRemoteCmd",
      vals=lambda k: [r.choice(MGMT), r.choice(USERS), r.choice(CMDS)])
    E("mac_move", "The MAC address <*> on VLAN '<*>' has moved from port <*> to port <*>",
      sev="Info", comp="FDB.MACTracking.MACMove",
      vals=lambda k: [rmac(r), c(k, 1, VLANS), r.choice(PORTS), r.choice(PORTS)])
    E("elrp", "[CLI:<*>:<*>] LOOP DETECTED : <*> transmited, <*> received, ingress "
              "slot:port (<*>) egress slot:port (<*>)", sev="Warn", comp="ELRP.Report.Message",
      vals=lambda k: (lambda p: [c(k, 0, ["corp", "guest", "voice"]), c(k, 1, [1, 2]),
                                 r.randint(20, 4000), r.randint(1, 12), p, p])(
                                     r.choice(PORTS)))
    E("stp", "Port=<*>: State changed from <*> to <*>", sev="Info",
      comp="STP.State.PortStateChange",
      vals=lambda k: [r.choice(PORTS)] + list(c(k, 1, STP)))
    E("nl_in", "Network Login <*> user <*> logged in MAC <*> port <*> VLAN(s) \"<*>\", "
               "authentication <*>", sev="Info", comp="nl.ClientAuthenticated", vals=nl_in)
    E("nl_out", "Network Login <*> user <*> logged out MAC <*> port <*> VLAN(s) \"<*>\"",
      sev="Noti", comp="nl.ClientUnAuthenticated", vals=nl_out)
    E("fan", "Fan tray <*> fan <*> speed <*> RPM is below the minimum threshold",
      sev="Warn", comp="HAL.Fan.Warning", vals=fan)
    E("ospf", "Neighbor (<*>) on VLAN <*> state changed from <*> to <*>", sev="Noti",
      comp="ospf.neighbor.stateChg",
      vals=lambda k: list(c(k, 0, [("10.254.0.1", "uplink-a"), ("10.254.0.5", "uplink-b")]))
      + list(c(k, 2, OSPF))[::-1])
    E("cpu", "CPU utilization monitor: process <*> consumed <*>% CPU over the last <*> seconds",
      sev="Warn", comp="EPM.cpuUtil",
      vals=lambda k: [r.choice(PROCS), r.randint(61, 99), c(k, 2, [5, 60, 5])])

    def header(e, t, vals):
        H, M, Sx, f = clock(t)
        h = "%02d/%02d/%d %02d:%02d:%02d.%02d <%s:%s> " % (
            MONTH, DAY, YEAR, H, M, Sx, f // (10 * MS), e["sev"], e["comp"])
        if "slot" in S.x:
            h += "Slot-%d: " % S.x["slot"]
        return h

    counts = [28, 30, 14, 22, 12, 70, 36, 4, 18, 25, 16, 5, 9, 11]
    run_shuffle(S, counts, at(5, 41, 9), 29.0, header)
    return S


# ------------------------------------------------------------ 5. Sonic

SONIC_RE = (r"(?P<mon>[A-Z][a-z]{2}) (?P<day>[ \d]\d) (?P<H>\d{2}):(?P<M>\d{2}):(?P<S>\d{2})"
            r"\.(?P<frac>\d{6}) (?P<host>[A-Za-z0-9-]+) "
            r"(?P<level>EMERG|ALERT|CRIT|ERR|WARNING|NOTICE|INFO|DEBUG) "
            r"(?P<container>[a-z]+)#(?P<prog>[A-Za-z0-9_]+)(?:\[(?P<pid>\d+)\])?: "
            r"(?::- (?P<func>[A-Za-z_][A-Za-z0-9_]*): )?")


def build_sonic():
    S = System(5, "Sonic", SONIC_RE)
    r = S.rng
    HOST = "sonic-leaf-r12"
    E = S.ev
    E("sai_state", "data: [{\"port_id\":\"oid:<*>\",\"port_state\":\"<*>\"}]",
      lvl="NOTICE", cont="syncd", prog="syncd", func="handle_port_state_change")
    E("oper", "Port <*> oper state set from <*> to <*>", lvl="NOTICE", cont="swss",
      prog="orchagent", func="updatePortOperStatus")
    E("nlmsg", "nlmsg type:16 key:<*> admin:1 oper:<*> addr:98:03:9b:4e:21:c0 ifindex:<*> "
               "master:<*>", lvl="NOTICE", cont="swss", prog="portsyncd", func="onMsg")
    E("publish", "Publish <*>(ok:<*>) to state db", lvl="NOTICE", cont="swss",
      prog="portsyncd", func="onMsg")
    E("teamd", "<*>: Changed port state: \"<*>\" -> \"<*>\"", lvl="INFO", cont="teamd",
      prog=None, func=None)
    E("lag_dis", "Disable collection on member <*>", lvl="NOTICE", cont="swss",
      prog="orchagent", func="setCollectionOnLagMember")
    E("lag_en", "Enable collection on member <*>", lvl="NOTICE", cont="swss",
      prog="orchagent", func="setCollectionOnLagMember")
    E("fdb_learn", "fdb event SAI_FDB_EVENT_LEARNED for mac <*> vlan <*> port oid:<*>",
      lvl="INFO", cont="syncd", prog="syncd", func="process_on_fdb_event")
    E("fdb_aged", "fdb event SAI_FDB_EVENT_AGED for mac <*> vlan <*> port oid:<*>",
      lvl="INFO", cont="syncd", prog="syncd", func="process_on_fdb_event")
    E("nbr_add", "Created neighbor ip <*>, <*> on <*>", lvl="NOTICE", cont="swss",
      prog="orchagent", func="addNeighbor")
    E("nbr_del", "Removed neighbor ip <*> on <*>", lvl="NOTICE", cont="swss",
      prog="orchagent", func="removeNeighbor")
    E("bgp_up", "%ADJCHANGE: neighbor <*>(<*>) in vrf default Up", lvl="NOTICE", cont="bgp",
      prog="bgpd", pid=52, func=None)
    E("bgp_down", "%ADJCHANGE: neighbor <*>(<*>) in vrf default Down <*>", lvl="NOTICE",
      cont="bgp", prog="bgpd", pid=52, func=None)
    E("bgp_notif", "%NOTIFICATION: sent to neighbor <*> <*> (<*>) 0 bytes", lvl="NOTICE",
      cont="bgp", prog="bgpd", pid=52, func=None)
    E("sai_err", "api <*> failed in syncd mode: <*>", lvl="ERR", cont="syncd", prog="syncd",
      func="sendApiResponse")

    sim = Sim(S)
    T0 = at(9, 4, 27) + r.randint(0, NS - 1)
    END = T0 + 5 * 3600 * NS

    PORTS = ["Ethernet%d" % (4 * i) for i in range(32)]
    IDX = {p: i for i, p in enumerate(PORTS)}
    LAG = {"Ethernet112": "PortChannel0001", "Ethernet116": "PortChannel0001",
           "Ethernet120": "PortChannel0002", "Ethernet124": "PortChannel0002"}
    LAG_IFX = {"PortChannel0001": 41, "PortChannel0002": 42}
    TEAMD_PID = {"PortChannel0001": 38, "PortChannel0002": 39}
    ROUTED = {"Ethernet96": ("10.0.0.1", "SPINE01"), "Ethernet100": ("10.0.0.5", "SPINE02")}
    NEIGH = [("10.0.0.1", "SPINE01"), ("10.0.0.5", "SPINE02"),
             ("10.0.0.57", "T1-AGG01"), ("10.0.0.59", "T1-AGG02")]
    SERVER = PORTS[:24]

    def oid(p):
        return "0x10000000000%02x" % (IDX[p] + 2)

    def bport(p):
        return "0x3a0000000006%02x" % (IDX[p] + 0x10)

    busy = {}

    # --- link flaps
    for t0 in sim.arrivals(260, T0, END):
        x = r.random()
        pool = SERVER if x < 0.4 else (list(LAG) if x < 0.8 else list(ROUTED))
        port = r.choice(pool)
        if busy.get(port, 0) > t0:
            continue
        t = t0
        master = LAG_IFX.get(LAG.get(port), 0)
        sim.add(t, "sai_state", [oid(port), "SAI_PORT_OPER_STATUS_DOWN"])
        t += msec(r.uniform(0.4, 6))
        sim.add(t, "oper", [port, "up", "down"])
        t += msec(r.uniform(2, 15))
        sim.add(t, "nlmsg", [port, 0, IDX[port] + 5, master])
        t += msec(r.uniform(0.1, 3))
        sim.add(t, "publish", [port, "down"])
        if port in LAG:
            lag = LAG[port]
            t += msec(r.uniform(10, 200))
            sim.add(t, "teamd", [port, "current", "disabled"],
                    prog="teamd_" + lag, pid=TEAMD_PID[lag])
            t += msec(r.uniform(2, 20))
            sim.add(t, "lag_dis", [port])
        if port in ROUTED:
            ip, name = ROUTED[port]
            t += msec(r.uniform(5, 50))
            sim.add(t, "bgp_down", [ip, name, "Interface down"])
        t = t0 + sec(1 + r.expovariate(1 / 25.0))
        sim.add(t, "sai_state", [oid(port), "SAI_PORT_OPER_STATUS_UP"])
        t += msec(r.uniform(0.4, 6))
        sim.add(t, "oper", [port, "down", "up"])
        t += msec(r.uniform(2, 15))
        sim.add(t, "nlmsg", [port, 1, IDX[port] + 5, master])
        t += msec(r.uniform(0.1, 3))
        sim.add(t, "publish", [port, "up"])
        if port in LAG:
            lag = LAG[port]
            t += msec(r.uniform(10, 200))
            sim.add(t, "teamd", [port, "disabled", "expired"],
                    prog="teamd_" + lag, pid=TEAMD_PID[lag])
            t += sec(r.uniform(0.9, 3.1))
            sim.add(t, "teamd", [port, "expired", "current"],
                    prog="teamd_" + lag, pid=TEAMD_PID[lag])
            t += msec(r.uniform(2, 20))
            sim.add(t, "lag_en", [port])
        if port in ROUTED:
            ip, name = ROUTED[port]
            t += sec(r.uniform(3, 12))
            sim.add(t, "bgp_up", [ip, name])
        busy[port] = t + sec(5)

    # --- hosts appearing behind server ports (FDB, and ARP neighbours for L3 hosts)
    for t0 in sim.arrivals(52, T0, END):
        vlan = 1000 if r.random() < 0.72 else 2000
        port = r.choice(SERVER)
        mac = rmac(r)
        sim.add(t0, "fdb_learn", [mac, vlan, bport(port)])
        l3 = r.random() < 0.42
        ip = "192.168.%d.%d" % (0 if vlan == 1000 else 8, r.randint(2, 250))
        if l3:
            sim.add(t0 + msec(r.uniform(3, 900)), "nbr_add", [ip, mac, "Vlan%d" % vlan])
        ta = t0 + sec(600 + r.expovariate(1 / 1500.0))
        sim.add(ta, "fdb_aged", [mac, vlan, bport(port)])
        if l3:
            sim.add(ta + sec(r.uniform(30, 240)), "nbr_del", [ip, "Vlan%d" % vlan])

    # --- BGP session resets
    NOTIFS = [("4/0", "Hold Timer Expired"), ("6/4", "Cease/Administrative Reset"),
              ("6/2", "Cease/Administrative Shutdown"), ("6/7", "Cease/Connection Collision Resolution")]
    for t0 in sim.arrivals(700, T0, END):
        ip, name = S.cyc("ent", "bgp", NEIGH)
        if r.random() < 0.65:
            code, desc = S.cyc("ent", "notif", NOTIFS)
            sim.add(t0, "bgp_notif", [ip, code, desc])
            sim.add(t0 + msec(r.uniform(0.2, 4)), "bgp_down", [ip, name, "BGP Notification send"])
        else:
            sim.add(t0, "bgp_down", [ip, name, S.cyc("ent", "why", [
                "Peer closed the session", "BGP Notification received"])])
        sim.add(t0 + sec(r.uniform(5, 60)), "bgp_up", [ip, name])

    # --- occasional SAI errors
    for t0 in sim.arrivals(1000, T0, END):
        sim.add(t0, "sai_err", [S.cyc("ent", "api", ["SAI_COMMON_API_CREATE", "SAI_COMMON_API_SET",
                                                     "SAI_COMMON_API_REMOVE"]),
                                S.cyc("ent", "st", ["SAI_STATUS_ITEM_ALREADY_EXISTS",
                                                    "SAI_STATUS_INSUFFICIENT_RESOURCES",
                                                    "SAI_STATUS_OBJECT_IN_USE",
                                                    "SAI_STATUS_INVALID_PARAMETER"])])

    def header(t, e, h):
        H, M, Sx, f = clock(t)
        s = "%s %2d %02d:%02d:%02d.%06d %s %s %s#%s" % (
            MONTHS[MONTH - 1], DAY, H, M, Sx, f // 1000, HOST, e["lvl"], e["cont"],
            h.get("prog", e["prog"]))
        pid = h.get("pid", e.get("pid"))
        if pid:
            s += "[%d]" % pid
        s += ": "
        if e["func"]:
            s += ":- %s: " % e["func"]
        return s

    sim.finish(header)
    return S


# ------------------------------------------------------------ 6. CumulusSwitchd

CUMULUS_RE = (r"(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})T(?P<H>\d{2}):(?P<M>\d{2}):"
              r"(?P<S>\d{2})\.(?P<frac>\d{6})\+00:00 (?P<host>[A-Za-z0-9-]+) "
              r"(?P<prog>switchd|clagd)\[(?P<pid>\d+)\]: "
              r"(?:(?P<src>[a-z0-9_]+\.c):(?P<line>\d+) )?")


def build_cumulus():
    S = System(6, "CumulusSwitchd", CUMULUS_RE)
    r = S.rng
    c = S.cyc
    HOST = "leaf03"
    SWP = ["swp%d" % i for i in range(1, 55)]
    BONDS = ["bond%d" % i for i in range(1, 25)]
    VENDORS = [("FINISAR CORP.", "FTLX8574D3BCL"), ("Mellanox", "MMA2P00-AS"),
               ("CISCO-AVAGO", "SFBR-7702SDZ"), ("Amphenol", "NDAAFF-0003"),
               ("INNOLIGHT", "TR-FC13R-N00"), ("Mellanox", "MCP2M00-A002")]

    def swp_speed(k):
        p = r.choice(SWP)
        n = int(p[3:])
        sp = "100G" if n > 48 else c(k, 1, ["25G", "10G", "25G"])
        fec = "rs" if sp == "100G" else c(k, 2, ["baser", "off", "rs"])
        return [p, sp, fec]

    def module(k):
        v, pn = c(k, 1, VENDORS)
        return [r.choice(SWP), v, pn, r.choice(["MT", "F", "AJ", "INJ"]) + "%d%s" % (
            r.randint(1800, 2399), rhex(r, 5).upper())]

    def bond(k):
        b = r.choice(BONDS)
        return [b, b[4:]]

    E = S.ev
    E("link_up", "<*>: link up, speed <*>, fec <*>", prog="switchd", src="sync_port.c:1218",
      vals=swp_speed)
    E("link_down", "<*>: link down", prog="switchd", src="sync_port.c:1231",
      vals=lambda k: [r.choice(SWP)])
    E("nl_overrun", "netlink socket <*> overrun, resyncing (<*> pending messages dropped)",
      prog="switchd", src="netlink.c:412",
      vals=lambda k: [c(k, 0, ["route", "neigh", "link"]), r.randint(12, 4096)])
    E("route_fail", "Failed to add route <*> via <*>: <*>", prog="switchd",
      src="sync_route.c:977",
      vals=lambda k: ["10.%d.%d.0/24" % (r.randint(0, 255), r.randint(0, 255)),
                      c(k, 1, ["169.254.0.1", "10.1.0.17", "10.1.0.21"]),
                      c(k, 2, ["table full", "nexthop not resolved",
                               "hardware resource exhausted (ECMP)", "table full"])])
    E("ecmp_add", "ECMP group <*> created with <*> next hops", prog="switchd",
      src="hal_bcm_route.c:2310",
      vals=lambda k: [200000 + r.randint(1, 4095), r.randint(2, 8)])
    E("ecmp_del", "ECMP group <*> deleted", prog="switchd", src="hal_bcm_route.c:2377",
      vals=lambda k: [200000 + r.randint(1, 4095)])
    E("mac_move", "MAC <*> moved from <*> to <*> in vlan <*>", prog="switchd",
      src="hal_bcm_l2.c:655",
      vals=lambda k: [rmac(r), r.choice(SWP[:48] + BONDS), r.choice(SWP[:48] + BONDS),
                      c(k, 3, [10, 20, 30, 100, 10])])
    E("acl", "ACL table <*> installed with <*> rules (<*> TCAM entries in use)",
      prog="switchd", src="hal_acl.c:3104",
      vals=lambda k: [c(k, 0, ["ingress-ipv4", "ingress-l2", "egress-ipv4"]),
                      r.randint(8, 220), r.randint(300, 2048)])
    E("mod_in", "<*>: module inserted, vendor <*>, part number <*>, serial <*>",
      prog="switchd", src="hal_bcm_port.c:1766", vals=module)
    E("mod_out", "<*>: module removed", prog="switchd", src="hal_bcm_port.c:1790",
      vals=lambda k: [r.choice(SWP)])
    E("role_pri", "Role is now primary", prog="clagd", src=None, vals=lambda k: [])
    E("role_sec", "Role is now secondary", prog="clagd", src=None, vals=lambda k: [])
    E("dual", "<*> is now dual-connected (clag-id <*>)", prog="clagd", src=None, vals=bond)
    E("single", "<*> is now single-connected (clag-id <*>)", prog="clagd", src=None,
      vals=bond)
    E("conflict", "Conflict (<*>): matching clag-id (<*>) not configured on peer",
      prog="clagd", src=None, vals=bond)

    PID = {"switchd": 1843, "clagd": 2710}

    def header(e, t, vals):
        H, M, Sx, f = clock(t)
        h = "%d-%02d-%02dT%02d:%02d:%02d.%06d+00:00 %s %s[%d]: " % (
            YEAR, MONTH, DAY, H, M, Sx, f // 1000, HOST, e["prog"], PID[e["prog"]])
        if e["src"]:
            h += e["src"] + " "
        return h

    counts = [34, 36, 8, 20, 26, 24, 75, 6, 5, 4, 3, 4, 22, 18, 15]
    run_shuffle(S, counts, at(10, 26, 50), 18.0, header)
    return S


# ------------------------------------------------------------ output + check

def write(S):
    d = os.path.join(OUT_DIR, S.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as f:
        for h, c, _, _ in S.rows:
            f.write(h + c + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8",
              newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CSV_HEADER)
        for i, (_, c, eid, tpl) in enumerate(S.rows, 1):
            w.writerow([i, c, eid, tpl])


def ts_key(m):
    g = m.groupdict()
    mon = g["mon"]
    mon = MONTHS.index(mon) + 1 if mon.isalpha() else int(mon)
    if mon != MONTH or int(g["day"]) != DAY or int(g.get("year") or YEAR) != YEAR:
        raise AssertionError("timestamp not on 2026-03-14")
    frac = g.get("frac") or ""
    return ((int(g["H"]) * 60 + int(g["M"])) * 60 + int(g["S"])) * NS + int(
        (frac + "000000000")[:9])


def check(S):
    def need(cond, msg):
        if not cond:
            raise AssertionError("%s: %s" % (S.name, msg))

    d = os.path.join(OUT_DIR, S.name)
    with open(os.path.join(d, S.name + ".log"), "rb") as f:
        log = f.read().decode("utf-8")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "rb") as f:
        cs = f.read().decode("utf-8")
    for name, text in (("log", log), ("csv", cs)):
        need(text.endswith("\n"), name + " does not end with newline")
        need("\r" not in text, name + " contains CR")
    lines = log.split("\n")[:-1]
    need(len(lines) == N_LINES, "log has %d lines" % len(lines))
    rows = list(csv.reader(io.StringIO(cs)))
    need(rows[0] == CSV_HEADER, "bad csv header")
    rows = rows[1:]
    need(len(rows) == N_LINES, "csv has %d rows" % len(rows))
    declared = collections.OrderedDict((e["eid"], e["template"]) for e in S.events)
    need(list(declared) == ["E%d" % i for i in range(1, len(declared) + 1)], "EventId order")
    need(len(set(declared.values())) == len(declared), "duplicate templates")
    regex = {eid: template_regex(t) for eid, t in declared.items()}
    caps = collections.defaultdict(set)
    counts = collections.Counter()
    last = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        need(len(row) == 4, "row %d has %d columns" % (i, len(row)))
        lid, content, eid, tpl = row
        need(lid == str(i), "LineId %s at %d" % (lid, i))
        need(content and content == content.strip(), "content not stripped at %d" % i)
        need(line.endswith(content), "line %d does not end with content" % i)
        header = line[:len(line) - len(content)]
        m = S.header_re.fullmatch(header)
        need(m is not None, "header regex fails at %d: %r" % (i, header))
        ts = ts_key(m)
        need(last is None or ts >= last, "time goes back at %d" % i)
        last = ts
        need(re.fullmatch(r"E\d+", eid) is not None, "bad EventId %r" % eid)
        need(declared.get(eid) == tpl, "template mismatch at %d" % i)
        mm = regex[eid].fullmatch(content)
        need(mm is not None, "template %s does not match line %d: %r" % (eid, i, content))
        for j, g in enumerate(mm.groups()):
            caps[(eid, j)].add(g)
        counts[eid] += 1
    need(set(counts) == set(declared), "unused events: %s" % sorted(set(declared) - set(counts)))
    for eid, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            need(len(caps[(eid, j)]) >= 2, "%s slot %d is constant %r" % (eid, j, caps[(eid, j)]))
    n = [counts[e] for e in declared]
    need(12 <= len(n) <= 15, "%d event types" % len(n))
    need(min(n) >= 3, "event with <3 lines: %s" % counts)
    need(sum(1 for x in n if 3 <= x <= 10) >= 3, "fewer than 3 rare events: %s" % n)
    med = statistics.median(n)
    need(max(n) >= 3 * med, "largest %d < 3x median %s" % (max(n), med))
    return n, med, lines[0], lines[-1]


def main():
    builders = [build_edgeos, build_huawei, build_h3c, build_exos, build_sonic, build_cumulus]
    systems = [b() for b in builders]
    for S in systems:
        write(S)
    ok = True
    for S in systems:
        try:
            n, med, first, lastl = check(S)
        except AssertionError as exc:
            ok = False
            print("FAIL", exc)
            continue
        print("%-15s k=%d %-10s events=%2d lines=%d max=%d median=%s min=%d counts=%s" % (
            S.name, S.k, S.kind, len(n), sum(n), max(n), med, min(n), n))
    if not ok:
        sys.exit(1)
    print("self-check passed")


if __name__ == "__main__":
    main()
