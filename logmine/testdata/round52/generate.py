#!/usr/bin/env python3
"""Round 52 blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Every system k (1..6) draws from its own random.Random(20270159 * 10 + k).
All timestamps come from an integer nanosecond clock on 2026-03-14 (UTC).

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for the six systems and then self-checks every file it wrote.
"""
import csv
import datetime
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270159
OUT_DIR = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300
NS = 1_000_000_000
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
YEAR, MONTH, DAY = 2026, 3, 14
MON = MONTHS[MONTH - 1]
WDAY = WEEKDAYS[datetime.date(YEAR, MONTH, DAY).weekday()]   # fixed date, not the clock
SYSLOG_DATE = "%s %2d" % (MON, DAY)                          # "Mar 14"


# --------------------------------------------------------------------------- helpers
def split_ns(ns):
    """ns since 2026-03-14 00:00:00 UTC -> (h, m, s, fraction in ns)."""
    sec, frac = divmod(ns, NS)
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    if not 0 <= h < 24:
        raise ValueError("clock left 2026-03-14: %d ns" % ns)
    return h, m, s, frac


def t_hms(ns):
    h, m, s, _ = split_ns(ns)
    return "%02d:%02d:%02d" % (h, m, s)


def t_ms(ns):
    return "%s.%03d" % (t_hms(ns), split_ns(ns)[3] // 1_000_000)


def t_us(ns):
    return "%s.%06d" % (t_hms(ns), split_ns(ns)[3] // 1_000)


def at(h, m=0, s=0):
    return ((h * 60 + m) * 60 + s) * NS


def secs(x):
    return int(x * NS)


class Cycler:
    """Small pools cycle through their values per (event, slot) key."""

    def __init__(self):
        self.pos = {}

    def __call__(self, key, pool):
        i = self.pos.get(key, 0)
        self.pos[key] = i + 1
        return pool[i % len(pool)]


def fill(tpl, vals):
    parts = tpl.split("<*>")
    if len(parts) - 1 != len(vals):
        raise ValueError("template %r wants %d values, got %d" % (tpl, len(parts) - 1, len(vals)))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        if not v or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, tpl))
        out.append(v)
        out.append(p)
    return "".join(out)


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")))


def mac(rng, oui=None, sep=":", upper=False):
    b = list(oui) if oui else [rng.randrange(256) & 0xFC]
    while len(b) < 6:
        b.append(rng.randrange(256))
    s = sep.join("%02x" % x for x in b)
    return s.upper() if upper else s


def dotted_mac(rng, oui=None):
    b = list(oui) if oui else [rng.randrange(256) & 0xFC]
    while len(b) < 6:
        b.append(rng.randrange(256))
    h = "".join("%02x" % x for x in b)
    return "%s.%s.%s" % (h[0:4], h[4:8], h[8:12])


def eph_port(rng):
    return str(rng.randint(32768, 65535))


def public_ip(rng):
    first = rng.choice([31, 37, 45, 61, 77, 89, 91, 103, 109, 116, 141, 152, 176, 185, 193, 212, 217, 222])
    return "%d.%d.%d.%d" % (first, rng.randint(1, 254), rng.randint(0, 255), rng.randint(1, 254))


B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def ssh_fp(rng, cy, key):
    kind = cy(key, ["RSA", "ED25519", "ECDSA"])
    return "%s SHA256:%s" % (kind, "".join(rng.choice(B64) for _ in range(43)))


def stamp_shuffle(rng, events, start_ns, mean_gap_s, min_gap_ns=1_000_000):
    """Seeded shuffle: fixed count per event, shuffled, stamped by a forward-only clock
    with exponential gaps."""
    order = [e[0] for e in events for _ in range(e[2])]
    if len(order) != N_LINES:
        raise ValueError("event counts add up to %d, not %d" % (len(order), N_LINES))
    rng.shuffle(order)
    t = start_ns
    out = []
    for key in order:
        t += max(min_gap_ns, int(rng.expovariate(1.0 / mean_gap_s) * NS))
        out.append((t, key))
    return out


class Sim:
    """Collects lines emitted by simulated entities, each on its own clock."""

    def __init__(self):
        self.lines = []

    def emit(self, t, key, vals, meta=None):
        self.lines.append((int(t), len(self.lines), key, list(vals), meta or {}))

    def first(self, t0, n=N_LINES):
        kept = sorted(x for x in self.lines if x[0] >= t0)
        if len(kept) < n:
            raise ValueError("simulation produced only %d lines after t0" % len(kept))
        return kept[:n]


def arrivals(rng, start, end, mean_gap_s):
    t = start
    while True:
        t += int(rng.expovariate(1.0 / mean_gap_s) * NS)
        if t >= end:
            return
        yield t


# Every system builder returns (events, records, header_re):
#   events  = [(key, template), ...] in declaration order (E1, E2, ...)
#   records = [(header, key, values), ...] exactly 300, in time order
#   header_re must fully match the header; named groups mon/day/hms/frac give the time.

# ============================================================== 1. CiscoIos (shuffle)
CISCO_EVENTS = [
    ("link_up", "%LINK-3-UPDOWN: Interface <*>, changed state to up", 30),
    ("link_down", "%LINK-3-UPDOWN: Interface <*>, changed state to down", 28),
    ("proto_up", "%LINEPROTO-5-UPDOWN: Line protocol on Interface <*>, changed state to up", 62),
    ("proto_down", "%LINEPROTO-5-UPDOWN: Line protocol on Interface <*>, changed state to down", 40),
    ("config_i", "%SYS-5-CONFIG_I: Configured from console by <*> on <*> (<*>)", 18),
    ("login_ok", "%SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: <*>] [Source: <*>] "
                 "[localport: <*>] at <*>", 25),
    ("login_fail", "%SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: <*>] [Source: <*>] "
                   "[localport: <*>] [Reason: Login Authentication Failed] at <*>", 12),
    ("ospf_full", "%OSPF-5-ADJCHG: Process <*>, Nbr <*> on <*> from LOADING to FULL, Loading Done", 14),
    ("ospf_down", "%OSPF-5-ADJCHG: Process <*>, Nbr <*> on <*> from FULL to DOWN, Neighbor Down: <*>", 9),
    ("bgp_up", "%BGP-5-ADJCHANGE: neighbor <*> Up", 8),
    ("bgp_down", "%BGP-5-ADJCHANGE: neighbor <*> Down <*>", 6),
    ("bgp_notif", "%BGP-3-NOTIFICATION: sent to neighbor <*> <*> (<*>) 0 bytes", 5),
    ("macflap", "%SW_MATM-4-MACFLAP_NOTIF: Host <*> in vlan <*> is flapping between port <*> and port <*>", 22),
    ("cdp_vlan", "%CDP-4-NATIVE_VLAN_MISMATCH: Native VLAN mismatch discovered on <*> (<*>), "
                 "with <*> <*> (<*>).", 15),
    ("ssh2", "%SSH-5-SSH2_SESSION: SSH2 Session request from <*> (tty = <*>) using crypto cipher "
             "'<*>', hmac '<*>' Succeeded", 6),
]
CISCO_HEADER = (r"(?:\d{6}: )?\*(?P<mon>[A-Z][a-z]{2}) +(?P<day>\d{1,2}) "
                r"(?P<hms>\d{2}:\d{2}:\d{2})\.(?P<frac>\d{3}): ")


def build_cisco(rng, cy):
    def intf():
        r = rng.random()
        if r < 0.70:
            return "GigabitEthernet1/0/%d" % rng.randint(1, 48)
        if r < 0.85:
            return "GigabitEthernet2/0/%d" % rng.randint(1, 48)
        if r < 0.95:
            return "TenGigabitEthernet1/1/%d" % rng.randint(1, 4)
        return "Port-channel%d" % rng.choice([1, 2, 10])

    users = ["netadmin", "jmorales", "noc-ro", "tkaminski", "svc-rancid"]
    bad_users = ["admin", "cisco", "root", "test", "manager", "guest"]
    ospf_nbrs = ["10.255.0.%d" % i for i in (2, 3, 7, 11, 12)]
    bgp_nbrs = ["172.16.254.1", "172.16.254.5", "192.0.2.33", "198.51.100.9"]
    remote_sw = ["acc-sw-03", "acc-sw-11", "lab-sw-2.corp.example", "idf4-sw1"]

    def vals(key, t):
        at_txt = "%s UTC %s %s %d %d" % (t_hms(t), WDAY, MON, DAY, YEAR)
        if key in ("link_up", "link_down", "proto_up", "proto_down"):
            return [intf()]
        if key == "config_i":
            return [cy((key, 0), users), "vty%d" % rng.randint(0, 4),
                    "10.10.5.%d" % rng.randint(10, 80)]
        if key == "login_ok":
            return [cy((key, 0), users), "10.10.5.%d" % rng.randint(10, 80),
                    cy((key, 2), ["22", "22", "22", "23"]), at_txt]
        if key == "login_fail":
            return [cy((key, 0), bad_users), public_ip(rng), cy((key, 2), ["22", "23"]), at_txt]
        if key == "ospf_full":
            return [cy((key, 0), ["1", "10"]), rng.choice(ospf_nbrs), intf()]
        if key == "ospf_down":
            return [cy((key, 0), ["1", "10"]), rng.choice(ospf_nbrs), intf(),
                    cy((key, 3), ["Dead timer expired", "Interface down or detached",
                                  "BFD node down", "Too many retransmissions"])]
        if key == "bgp_up":
            return [rng.choice(bgp_nbrs)]
        if key == "bgp_down":
            return [rng.choice(bgp_nbrs),
                    cy((key, 1), ["BGP Notification sent", "Peer closed the session",
                                  "Interface flap", "BGP Notification received", "Admin. shutdown"])]
        if key == "bgp_notif":
            code, txt = cy((key, 1), [("4/0", "hold time expired"), ("6/4", "Administrative Reset"),
                                      ("6/2", "Administrative Shutdown"), ("3/1", "update malformed")])
            return [rng.choice(bgp_nbrs), code, txt]
        if key == "macflap":
            a = rng.randint(1, 48)
            b = rng.choice([x for x in range(1, 49) if x != a])
            return [dotted_mac(rng), cy((key, 1), ["10", "20", "110", "30"]), "Gi1/0/%d" % a, "Gi1/0/%d" % b]
        if key == "cdp_vlan":
            lv = cy((key, 1), ["1", "10"])
            rv = cy((key, 4), ["20", "99", "30"])
            return ["GigabitEthernet1/0/%d" % rng.randint(1, 48), lv, cy((key, 2), remote_sw),
                    "GigabitEthernet0/%d" % rng.randint(1, 24), rv]
        if key == "ssh2":
            return ["10.10.5.%d" % rng.randint(10, 80), str(rng.randint(0, 4)),
                    cy((key, 2), ["aes256-ctr", "aes128-ctr", "aes256-gcm"]),
                    cy((key, 3), ["hmac-sha2-256", "hmac-sha1", "hmac-sha2-512"])]
        raise KeyError(key)

    stamped = stamp_shuffle(rng, CISCO_EVENTS, at(9, 12, 3), 17.0)
    # `service sequence-numbers` is switched on by the first config change after line 90:
    # from that line on, every message carries the running sequence number.
    switch = next((i for i, (_, k) in enumerate(stamped) if k == "config_i" and i >= 90), 120)
    seq = rng.randint(400, 900)
    recs = []
    for i, (t, key) in enumerate(stamped):
        hdr = "*%s %s: " % (SYSLOG_DATE, t_ms(t))
        if i >= switch:
            hdr = "%06d: %s" % (seq, hdr)
            seq += 1
        recs.append((hdr, key, vals(key, t)))
    return [(k, tpl) for k, tpl, _ in CISCO_EVENTS], recs, CISCO_HEADER


# ================================================================= 2. Junos (shuffle)
JUNOS_EVENTS = [
    ("commit", "mgd", "UI_COMMIT: User '<*>' requested 'commit' operation (comment: <*>)", 14),
    ("commit_done", "mgd", "UI_COMMIT_COMPLETED: commit complete", 13),
    ("login", "mgd", "UI_LOGIN_EVENT: User '<*>' login, class '<*>' [<*>], ssh-connection '<*>', "
                     "client-mode '<*>'", 20),
    ("logout", "mgd", "UI_LOGOUT_EVENT: User '<*>' logout", 17),
    ("cmdline", "mgd", "UI_CMDLINE_READ_LINE: User '<*>', command '<*>'", 66),
    ("trap_down", "mib2d", "SNMP_TRAP_LINK_DOWN: ifIndex <*>, ifAdminStatus up(1), ifOperStatus down(2), "
                           "ifName <*>", 30),
    ("trap_up", "mib2d", "SNMP_TRAP_LINK_UP: ifIndex <*>, ifAdminStatus up(1), ifOperStatus up(1), "
                         "ifName <*>", 32),
    ("bgp_state", "rpd", "RPD_BGP_NEIGHBOR_STATE_CHANGED: BGP peer <*> (External AS <*>) changed state "
                         "from <*> to <*> (event <*>) (instance master)", 24),
    ("ospf_down", "rpd", "RPD_OSPF_NBRDOWN: OSPF neighbor <*> (realm ospf-v2 <*> area <*>) state changed "
                         "from Full to Down due to <*> (event reason: <*>)", 6),
    ("ospf_up", "rpd", "RPD_OSPF_NBRUP: OSPF neighbor <*> (realm ospf-v2 <*> area <*>) state changed "
                       "from Loading to Full due to LoadDone (event reason: OSPF loadDone)", 8),
    ("ssh_fail", "sshd", "SSHD_LOGIN_FAILED: Login failed for user '<*>' from host '<*>'", 22),
    ("ssh_ok", "sshd", "Accepted <*> for <*> from <*> port <*> ssh2", 19),
    ("arp", "/kernel", "KERN_ARP_ADDR_CHANGE: arp info overwritten for <*> from <*> to <*>", 9),
    ("snmp_auth", "snmpd", "SNMPD_AUTH_FAILURE: nsa_log_community: unauthorized SNMP community from <*> "
                           "to unknown community name (<*>)", 15),
    ("lacp_timeout", "lacpd", "LACPD_TIMEOUT: <*>: lacp current while timer expired current Receive "
                              "State: CURRENT", 5),
]
JUNOS_HEADER = (r"(?P<mon>[A-Z][a-z]{2}) +(?P<day>\d{1,2}) (?P<hms>\d{2}:\d{2}:\d{2}) "
                r"(?P<host>[\w.-]+) (?P<proc>[\w/.-]+)(?:\[(?P<pid>\d+)\])?: ")


def build_junos(rng, cy):
    host = "mx204-core-ams1"
    users = {"netops": ("j-super-user", "2001"), "ppetrov": ("j-operator", "2014"),
             "automation": ("j-super-user", "2003"), "auditor": ("j-read-only", "2020")}
    user_names = list(users)
    ifs = {}
    for i, name in enumerate(["ge-0/0/%d" % n for n in range(0, 8)] + ["xe-0/1/%d" % n for n in range(0, 4)]
                             + ["et-0/0/0", "et-0/0/1"]):
        ifs[name] = str(512 + i * 3 + (i % 2))
    if_names = list(ifs)
    bgp_peers = [("192.0.2.1", "64500"), ("198.51.100.14", "64511"), ("203.0.113.66", "65020"),
                 ("192.0.2.129", "64496")]
    bgp_moves = [("Idle", "Connect", "Start"), ("Connect", "OpenSent", "Open"),
                 ("OpenSent", "OpenConfirm", "RecvOpen"), ("OpenConfirm", "Established", "RecvKeepAlive"),
                 ("Established", "Idle", "HoldTime"), ("Established", "Idle", "RecvNotify"),
                 ("Active", "Idle", "Stop")]
    commands = ["show interfaces terse", "show bgp summary", "show route 10.40.0.0/16 exact",
                "configure private", "show log messages | last 50", "commit check",
                "show chassis alarms", "show ospf neighbor", "monitor interface xe-0/1/2",
                "show lacp interfaces ae0", "request system storage cleanup dry-run", "exit"]
    comments = ["none", "add vlan 210 to ae0", "CHG-4471 prefix-list update", "raise bgp hold-time",
                "none", "drain xe-0/1/1 for RMA"]
    mgd_pids = ["4512", "5120", "6031", "7784", "8096"]
    fixed_pid = {"rpd": "1873", "mib2d": "1855", "snmpd": "1860", "lacpd": "1892"}
    proc_of = {k: p for k, p, _, _ in JUNOS_EVENTS}

    def vals(key):
        if key == "commit":
            return [cy((key, 0), user_names), cy((key, 1), comments)]
        if key == "commit_done":
            return []
        if key == "login":
            u = cy((key, 0), user_names)
            src = "10.20.%d.%d" % (rng.choice([1, 1, 8]), rng.randint(10, 200))
            return [u, users[u][0], users[u][1], "%s %s 10.0.0.1 22" % (src, eph_port(rng)),
                    cy((key, 4), ["cli", "cli", "junoscript", "cli"])]
        if key == "logout":
            return [cy((key, 0), user_names)]
        if key == "cmdline":
            return [cy((key, 0), user_names), rng.choice(commands)]
        if key in ("trap_down", "trap_up"):
            n = rng.choice(if_names)
            return [ifs[n], n]
        if key == "bgp_state":
            ip, asn = rng.choice(bgp_peers)
            a, b, ev = cy((key, 2), bgp_moves)
            return [ip, asn, a, b, ev]
        if key in ("ospf_down", "ospf_up"):
            nb = "10.0.%d.%d" % (rng.randint(0, 3), rng.choice([2, 6, 10, 14]))
            unit = "%s.%d" % (rng.choice(if_names[:8]), rng.choice([0, 0, 100]))
            out = [nb, unit, cy((key, 2), ["0.0.0.0", "0.0.0.0", "0.0.0.10"])]
            if key == "ospf_down":
                due, why = cy((key, 3), [("KillNbr", "interface went down"),
                                         ("InActiveTimer", "neighbor was inactive and declared dead"),
                                         ("1WayRcvd", "neighbor declared 1-way"),
                                         ("BFDSessionDown", "BFD session went down")])
                out += [due, why]
            return out
        if key == "ssh_fail":
            return [cy((key, 0), ["root", "admin", "oracle", "ubnt", "test", "support"]), public_ip(rng)]
        if key == "ssh_ok":
            return [cy((key, 0), ["password", "keyboard-interactive/pam"]), cy((key, 1), user_names),
                    "10.20.1.%d" % rng.randint(10, 200), eph_port(rng)]
        if key == "arp":
            return ["10.30.%d.%d" % (rng.randint(0, 3), rng.randint(2, 250)), mac(rng), mac(rng)]
        if key == "snmp_auth":
            return ["10.20.%d.%d" % (rng.choice([4, 9]), rng.randint(2, 250)),
                    cy((key, 1), ["public", "private", "n0c-r3ad", "cisco"])]
        if key == "lacp_timeout":
            return [rng.choice(if_names[8:])]
        raise KeyError(key)

    recs = []
    for t, key in stamp_shuffle(rng, [(k, t, n) for k, _, t, n in JUNOS_EVENTS], at(14, 3, 40), 15.0):
        proc = proc_of[key]
        if proc == "/kernel":
            tag = proc
        elif proc == "mgd":
            tag = "mgd[%s]" % rng.choice(mgd_pids)
        elif proc == "sshd":
            tag = "sshd[%d]" % rng.randint(20000, 65000)
        else:
            tag = "%s[%s]" % (proc, fixed_pid[proc])
        recs.append(("%s %s %s %s: " % (SYSLOG_DATE, t_hms(t), host, tag), key, vals(key)))
    return [(k, tpl) for k, _, tpl, _ in JUNOS_EVENTS], recs, JUNOS_HEADER


# ========================================================== 3. MikroTik (simulation)
MIKROTIK_EVENTS = [
    ("login", "system,info,account", "user <*> logged in from <*> via <*>"),
    ("logout", "system,info,account", "user <*> logged out from <*> via <*>"),
    ("login_fail", "system,error,critical", "login failure for user <*> from <*> via <*>"),
    ("dhcp_assigned", "dhcp,info", "<*> assigned <*> to <*>"),
    ("dhcp_deassigned", "dhcp,info", "<*> deassigned <*> from <*>"),
    ("wifi_conn", "wireless,info", "<*>@<*>: connected, signal strength <*>"),
    ("wifi_disc", "wireless,info", "<*>@<*>: disconnected, <*>, signal strength <*>"),
    ("link_up", "interface,info", "<*> link up (speed <*>, full duplex)"),
    ("link_down", "interface,info", "<*> link down"),
    ("ppp_auth", "pppoe,ppp,info", "<<*>>: authenticated"),
    ("ppp_conn", "pppoe,ppp,info", "<<*>>: connected"),
    ("ppp_disc", "pppoe,ppp,info", "<<*>>: disconnected"),
    ("rule_added", "system,info", "<*> rule added by <*>"),
    ("rule_changed", "system,info", "<*> rule changed by <*>"),
    ("fw_input", "firewall,info", "input: in:<*> out:(unknown 0), src-mac <*>, proto <*>, <*>:<*>-><*>:<*>, len <*>"),
]
MIKROTIK_HEADER = r"(?P<hms>\d{2}:\d{2}:\d{2}) (?P<topics>[a-z0-9-]+(?:,[a-z0-9-]+)*) "


def build_mikrotik(rng, cy):
    sim = Sim()
    t0 = at(7, 40, 0)
    start, end = t0 - at(2), t0 + at(4)
    wans = [("ether1", "e4:8d:8c:3a:71:02", "203.0.113.10"), ("sfp1", "00:1d:aa:9f:10:02", "198.51.100.77")]

    # scanners and brute forcers hitting the WAN side
    for t in arrivals(rng, start, end, 95.0):
        src = public_ip(rng)
        inif, smac, dst = cy(("fw_input", 0), wans)
        if rng.random() < 0.14:                  # password guesser on the management ports
            via = cy(("login_fail", 2), ["ssh", "winbox", "telnet"])
            for _ in range(rng.randint(2, 5)):
                t += secs(rng.uniform(1.5, 9.0))
                sim.emit(t, "login_fail", [cy(("login_fail", 0), ["admin", "root", "user", "support",
                                                                  "test", "ubnt", "mikrotik"]), src, via])
            continue
        for _ in range(rng.choice([1, 1, 2, 3, 4, 6])):
            t += secs(rng.expovariate(1 / 2.5))
            port = rng.choice([22, 23, 23, 8291, 3389, 445, 80, 443, 5060, 8728, 1433, 2323])
            proto = "UDP" if port == 5060 else "TCP (SYN)"
            ln = "60" if proto == "UDP" else rng.choice(["40", "44", "52", "60", "60"])
            sim.emit(t, "fw_input", [inif, smac, proto, src, eph_port(rng), dst, port, ln])

    # administrators
    for t in arrivals(rng, start, end, 320.0):
        user = cy(("login", 0), ["admin", "netops", "helpdesk"])
        src = cy(("login", 1), ["192.168.88.%d" % rng.randint(20, 60), "10.8.0.%d" % rng.randint(2, 30)])
        via = cy(("login", 2), ["winbox", "ssh", "web", "winbox", "api"])
        sim.emit(t, "login", [user, src, via])
        dur = secs(rng.expovariate(1 / 600.0)) + secs(20)
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            tt = t + int(rng.random() * dur)
            key = cy(("rule", "kind"), ["rule_added", "rule_changed", "rule_added"])
            sim.emit(tt, key, [cy((key, 0), ["filter", "nat", "mangle"]), user])
        sim.emit(t + dur, "logout", [user, src, via])

    # wireless clients (DHCP follows the association; the lease is deassigned after it expires)
    for t in arrivals(rng, start, end, 130.0):
        wlan = cy(("wifi_conn", 1), ["wlan1", "wlan2", "wlan1"])
        cmac = mac(rng, upper=True)
        server, net = ("dhcp-lan", "192.168.88") if wlan == "wlan1" else ("dhcp-guest", "192.168.77")
        ip = "%s.%d" % (net, rng.randint(100, 254))
        sig = rng.randint(-82, -41)
        sim.emit(t, "wifi_conn", [cmac, wlan, sig])
        sim.emit(t + secs(rng.uniform(0.2, 3.0)), "dhcp_assigned", [server, ip, cmac])
        stay = secs(rng.expovariate(1 / 2400.0)) + secs(30)
        reason = cy(("wifi_disc", 2), ["received disassoc: sending station leaving (8)", "extensive data loss",
                                       "received deauth: unspecified (1)", "group key exchange timeout"])
        sim.emit(t + stay, "wifi_disc", [cmac, wlan, reason, sig + rng.randint(-12, 3)])
        sim.emit(t + stay + secs(rng.uniform(60, 600)), "dhcp_deassigned", [server, ip, cmac])

    # wired clients on the bridge
    for t in arrivals(rng, start, end, 300.0):
        cmac = mac(rng, upper=True)
        ip = "192.168.88.%d" % rng.randint(2, 99)
        sim.emit(t, "dhcp_assigned", ["dhcp-lan", ip, cmac])
        sim.emit(t + secs(rng.expovariate(1 / 5400.0)) + secs(60), "dhcp_deassigned", ["dhcp-lan", ip, cmac])

    # PPPoE subscribers
    subs = ["pppoe-jkowalczyk", "pppoe-anna.nowak", "pppoe-client1042", "pppoe-bistro-rynek",
            "pppoe-client0877", "pppoe-mwisniewski", "pppoe-farm-zalesie"]
    for t in arrivals(rng, start, end, 420.0):
        name = cy(("ppp_auth", 0), subs)
        sim.emit(t, "ppp_auth", [name])
        sim.emit(t + secs(rng.uniform(0.1, 1.5)), "ppp_conn", [name])
        sim.emit(t + secs(rng.expovariate(1 / 3600.0)) + secs(5), "ppp_disc", [name])

    # flapping access ports
    for t in arrivals(rng, start, end, 900.0):
        port = cy(("link_down", 0), ["ether3", "ether4", "ether5", "ether7"])
        sim.emit(t, "link_down", [port])
        sim.emit(t + secs(rng.uniform(2, 40)), "link_up", [port, cy(("link_up", 1), ["1Gbps", "100Mbps"])])

    topics = {k: tp for k, tp, _ in MIKROTIK_EVENTS}
    recs = [("%s %s " % (t_hms(t), topics[key]), key, vals) for t, _, key, vals, _ in sim.first(t0)]
    return [(k, tpl) for k, _, tpl in MIKROTIK_EVENTS], recs, MIKROTIK_HEADER


# ============================================================= 4. AristaEos (shuffle)
ARISTA_EVENTS = [
    ("proto_up", "Ebra", "%LINEPROTO-5-UPDOWN: Line protocol on Interface <*>, changed state to up", 58),
    ("proto_down", "Ebra", "%LINEPROTO-5-UPDOWN: Line protocol on Interface <*>, changed state to down", 44),
    ("bgp", "Bgp", "%BGP-5-ADJCHANGE: peer <*> (VRF <*> AS <*>) old state <*> event <*> new state <*>", 30),
    ("lldp_new", "Lldp", "%LLDP-5-NEIGHBOR_NEW: LLDP neighbor with chassisId <*> and portId \"<*>\" "
                         "added on interface <*>", 14),
    ("lldp_del", "Lldp", "%LLDP-5-NEIGHBOR_DEL: LLDP neighbor with chassisId <*> and portId \"<*>\" "
                         "removed from interface <*>", 9),
    ("config_e", "ConfigAgent", "%SYS-5-CONFIG_E: Enter configuration mode from console by <*> on <*> (<*>)", 20),
    ("config_i", "ConfigAgent", "%SYS-5-CONFIG_I: Configured from console by <*> on <*> (<*>)", 19),
    ("stp", "Stp", "%SPANTREE-6-INTERFACE_STATE: Interface <*> instance <*> moving from <*> to <*>", 36),
    ("hostflap", "Bridging", "%ETH-4-HOSTFLAP: Host <*> in VLAN <*> is flapping between interface <*> "
                             "and interface <*>", 12),
    ("xcvr_in", "Xcvr", "%TRANSCEIVER-6-INSERTED: A transceiver for interface <*> has been inserted. "
                        "manufacturer: <*> model: <*> part number <*> serial number <*>", 5),
    ("xcvr_out", "Xcvr", "%TRANSCEIVER-6-REMOVED: The transceiver for interface <*> has been removed", 6),
    ("ssh_ok", "sshd", "Accepted publickey for <*> from <*> port <*> ssh2: <*>", 22),
    ("ssh_fail", "sshd", "Failed password for <*> from <*> port <*> ssh2", 15),
    ("procmgr", "ProcMgr-worker", "%PROCMGR-6-PROCESS_RESTART: Restarting '<*>' immediately (it had PID=<*>)", 4),
    ("mlag", "Mlag", "%MLAG-4-INTF_INACTIVE_LOCAL: Local interface <*> is link down. MLAG <*> is inactive.", 6),
]
ARISTA_HEADER = (r"(?P<mon>[A-Z][a-z]{2}) +(?P<day>\d{1,2}) (?P<hms>\d{2}:\d{2}:\d{2}) "
                 r"(?P<host>[\w.-]+) (?P<agent>[A-Za-z][\w-]*)(?:\[(?P<pid>\d+)\])?: ")


def build_arista(rng, cy):
    host = "dc2-leaf07b"
    users = ["admin", "cvpadmin", "lwong", "netbot"]

    def eth():
        r = rng.random()
        if r < 0.75:
            return "Ethernet%d" % rng.randint(1, 48)
        if r < 0.9:
            return "Ethernet%d/1" % rng.randint(49, 54)
        return "Port-Channel%d" % rng.choice([10, 11, 12, 1000])

    def uplink():
        return "Ethernet%d/1" % rng.randint(49, 54)

    bgp_peers = [("10.255.2.0", "65100"), ("10.255.2.2", "65100"), ("172.20.7.1", "65207"),
                 ("fd00:10:255::1", "65100")]
    bgp_moves = [("OpenConfirm", "Established", "Established"), ("Established", "Stop", "Idle"),
                 ("Idle", "Start", "Connect"), ("Established", "HoldTimerExpired", "Idle"),
                 ("OpenSent", "RecvOpen", "OpenConfirm"), ("Connect", "TcpConnectionConfirmed", "OpenSent")]
    xcvrs = [("Arista Networks", "QSFP-100G-SR4", "QSFP-100G-SR4-AR"),
             ("Arista Networks", "SFP-25G-SR", "SFP-25G-SR-AR"),
             ("FINISAR CORP.", "FTLX8574D3BCL", "FTLX8574D3BCL"),
             ("Arista Networks", "QSFP-100G-LR4", "QSFP-100G-LR4-AR")]
    agent_of = {k: a for k, a, _, _ in ARISTA_EVENTS}

    def vals(key):
        if key in ("proto_up", "proto_down"):
            return [eth()]
        if key == "bgp":
            ip, asn = rng.choice(bgp_peers)
            a, ev, b = cy((key, 3), bgp_moves)
            return [ip, cy((key, 1), ["default", "tenant-a", "default", "storage"]), asn, a, ev, b]
        if key in ("lldp_new", "lldp_del"):
            return [dotted_mac(rng, [0x44, 0x4c, 0xa8] if rng.random() < 0.7 else None),
                    cy((key, 1), ["Ethernet%d/1" % rng.randint(1, 32), "Ethernet%d" % rng.randint(1, 48),
                                  "xe-0/0/%d" % rng.randint(0, 23), "%s" % mac(rng, sep=":")]),
                    eth()]
        if key in ("config_e", "config_i"):
            return [cy((key, 0), users), "vty%d" % rng.randint(3, 9), "10.40.1.%d" % rng.randint(5, 90)]
        if key == "stp":
            a, b = cy((key, 2), [("discarding", "learning"), ("learning", "forwarding"),
                                 ("forwarding", "discarding")])
            return [eth(), cy((key, 1), ["MST0", "MST1", "MST0"]), a, b]
        if key == "hostflap":
            a = rng.randint(1, 48)
            b = rng.choice([x for x in range(1, 49) if x != a])
            return [dotted_mac(rng), cy((key, 1), ["110", "210", "10"]), "Ethernet%d" % a, "Ethernet%d" % b]
        if key == "xcvr_in":
            mf, model, pn = cy((key, 1), xcvrs)
            serial = "X%s%07d" % (rng.choice(["KT", "HK", "JA"]), rng.randint(0, 9999999))
            return [uplink(), mf, model, pn, serial]
        if key == "xcvr_out":
            return [uplink()]
        if key == "ssh_ok":
            return [cy((key, 0), users), "10.40.1.%d" % rng.randint(5, 90), eph_port(rng),
                    ssh_fp(rng, cy, (key, 3))]
        if key == "ssh_fail":
            return [cy((key, 0), users + ["root"]), "10.40.%d.%d" % (rng.choice([1, 6]), rng.randint(5, 200)),
                    eph_port(rng)]
        if key == "procmgr":
            return [cy((key, 0), ["Lldp", "Snmp", "Stp", "Arp"]), str(rng.randint(1800, 4200))]
        if key == "mlag":
            n = cy((key, 0), [10, 11, 12])
            return ["Port-Channel%d" % n, str(n)]
        raise KeyError(key)

    recs = []
    for t, key in stamp_shuffle(rng, [(k, t, n) for k, _, t, n in ARISTA_EVENTS], at(11, 27, 15), 21.0):
        agent = agent_of[key]
        tag = "sshd[%d]" % rng.randint(3000, 32000) if agent == "sshd" else agent
        recs.append(("%s %s %s %s: " % (SYSLOG_DATE, t_hms(t), host, tag), key, vals(key)))
    return [(k, tpl) for k, _, tpl, _ in ARISTA_EVENTS], recs, ARISTA_HEADER


# =========================================================== 5. ArubaOs (simulation)
# (key, process, message id, level, template)
ARUBA_EVENTS = [
    ("assoc_req", "stm", "501095", "NOTI", "Assoc request @ <*>: <*>: AP <*>-<*>-<*>"),
    ("assoc_ok", "stm", "501100", "NOTI", "Assoc success @ <*>: <*>: AP <*>-<*>-<*>"),
    ("deauth_from", "stm", "501105", "NOTI", "Deauth from sta: <*>: AP <*>-<*>-<*> Reason <*>"),
    ("deauth_to", "stm", "501106", "NOTI", "Deauth to sta: <*>: Ageout AP <*>-<*>-<*> <*>"),
    ("sta_up", "authmgr", "522035", "INFO", "MAC=<*> Station UP: BSSID=<*> ESSID=<*> VLAN=<*> AP-name=<*>"),
    ("sta_dn", "authmgr", "522036", "INFO", "MAC=<*> Station DN: BSSID=<*> ESSID=<*> VLAN=<*> AP-name=<*>"),
    ("auth_ok", "authmgr", "522008", "NOTI",
     "User Authentication Successful: username=<*> MAC=<*> IP=<*> role=<*> VLAN=<*> AP=<*> SSID=<*> "
     "AAA profile=<*> auth method=<*> auth server=<*>"),
    ("auth_fail", "authmgr", "522242", "WARN",
     "User Authentication failed: username=<*> MAC=<*> auth method=<*> auth server=<*> reason=<*>"),
    ("entry_add", "authmgr", "522006", "INFO", "MAC=<*> IP=<*> User entry added with reason=<*>"),
    ("entry_del", "authmgr", "522005", "INFO", "MAC=<*> IP=<*> User entry deleted with reason=<*>"),
    ("role_upd", "authmgr", "522049", "INFO",
     "MAC=<*>,IP=<*> User role updated, existing Role=<*>, new Role=<*>, reason=<*>"),
    ("arm", "sapd", "404087", "NOTI", "ARM: radio <*> changed channel from <*> to <*> (<*>)"),
    ("rogue", "wms", "126102", "WARN", "Rogue AP detected: BSSID <*> SSID <*> channel <*> heard by AP <*>"),
]
ARUBA_HEADER = (r"(?P<mon>[A-Z][a-z]{2}) +(?P<day>\d{1,2}) (?P<hms>\d{2}:\d{2}:\d{2}) (?P<year>\d{4}) "
                r"(?P<host>[\w.-]+) (?P<proc>[a-z]+)\[(?P<pid>\d+)\]: <(?P<msgid>\d{6})> "
                r"<(?P<level>[A-Z]{4})> <(?P<src>[\w.-]+ [\w.:]+)> {1,2}")


def build_aruba(rng, cy):
    sim = Sim()
    t0 = at(8, 21, 0)
    start, end = t0 - at(3), t0 + at(3)
    ctrl, ctrl_ip = "mc01-hq", "10.1.1.12"
    aps = []
    for i, name in enumerate(["ap-lobby-01", "ap-2f-east", "ap-2f-west", "ap-3f-east", "ap-3f-conf-a",
                              "ap-3f-west", "ap-wh-dock1", "ap-canteen"]):
        base = [0xd8, 0xc7, 0xc8, 0x4a, 0x10 + i * 7, rng.randrange(16) << 4]
        aps.append({"name": name, "ip": "10.1.50.%d" % (21 + i * 2),
                    "mac": ":".join("%02x" % b for b in base),
                    "bssid": ":".join("%02x" % b for b in base[:5] + [base[5] | 0x02]),
                    "pid": str(1700 + rng.randint(0, 900))})
    ssids = {"corp-wifi": ("20", "corp-dot1x"), "corp-byod": ("30", "byod-dot1x"),
             "guest-wifi": ("60", "guest-cp"), "iot-psk": ("70", "iot-psk")}
    roles = {"jdoe": "employee", "m.schulz": "employee", "akumar": "contractor", "s.oconnor": "employee",
             "lpetit": "contractor", "tnguyen": "employee", "r.alvarez": "employee", "hbergstrom": "contractor"}
    corp_users = ["jdoe", "m.schulz", "akumar", "s.oconnor", "lpetit", "tnguyen", "r.alvarez", "hbergstrom"]
    ouis = [[0xa4, 0x83, 0xe7], [0x3c, 0x22, 0xfb], [0xf0, 0x18, 0x98], [0x8c, 0x85, 0x90], [0xdc, 0xa6, 0x32]]

    def ap_part(ap):
        return [ap["ip"], ap["bssid"], ap["name"]]

    # clients
    for t in arrivals(rng, start, end, 75.0):
        ssid = cy(("client", "ssid"), ["corp-wifi", "corp-byod", "guest-wifi", "corp-wifi", "iot-psk",
                                       "corp-wifi"])
        vlan, aaa = ssids[ssid]
        ap = rng.choice(aps)
        cmac = mac(rng, rng.choice(ouis))
        ip4 = "10.%s.%d.%d" % (vlan, rng.randint(0, 3), rng.randint(2, 254))
        ip6 = ["fe80::%x:%x:%x:%x" % tuple(rng.randrange(1, 0xffff) for _ in range(4))]
        if rng.random() < 0.5:
            ip6.append("2001:db8:%s::%x:%x" % (vlan, rng.randrange(1, 0xffff), rng.randrange(1, 0xffff)))
        for _ in range(rng.choice([1, 1, 1, 2])):
            sim.emit(t, "assoc_req", [t_us(t), cmac] + ap_part(ap))
            t += secs(rng.uniform(0.002, 0.4))
        sim.emit(t, "assoc_ok", [t_us(t), cmac] + ap_part(ap))
        t += secs(rng.uniform(0.02, 0.08))
        sim.emit(t, "sta_up", [cmac, ap["bssid"], ssid, vlan, ap["name"]])
        role = {"guest-wifi": "guest-logon", "iot-psk": "iot"}.get(ssid)
        dot1x = ssid.startswith("corp-")
        if dot1x:
            fails = rng.random() < 0.2                   # wrong password, the client gives up
            ek = "auth_fail" if fails else "auth_ok"
            user = cy((ek, "username"), corp_users)
            role = "byod" if ssid == "corp-byod" else roles[user]
            method = cy((ek, "method"), ["802.1x", "802.1x", "802.1x-machine"])
            server = cy((ek, "server"), ["cppm-01", "cppm-02"])
            if fails:
                for _ in range(rng.randint(1, 3)):
                    t += secs(rng.uniform(1.0, 6.0))
                    sim.emit(t, "auth_fail", [user, cmac, method, server,
                                              cy(("auth_fail", 4), ["Authentication failed",
                                                                    "EAP-PEAP inner method failed",
                                                                    "Client did not respond (timeout)"])])
                t += secs(rng.uniform(0.5, 3))
                sim.emit(t, "deauth_from", [cmac] + ap_part(ap) + [cy(("deauth_from", 4), [
                    "Unspecified Failure", "Previous authentication no longer valid"])])
                sim.emit(t + secs(0.01), "sta_dn", [cmac, ap["bssid"], ssid, vlan, ap["name"]])
                continue
            t += secs(rng.uniform(0.6, 3.5))
            sim.emit(t, "auth_ok", [user, cmac, ip4, role, vlan, ap["name"], ssid, aaa, method, server])
        ips = [(ip4, "DHCP")] + [(a, "IPv6 ND") for a in ip6]
        for a, why in ips:
            t += secs(rng.uniform(0.3, 4.0))
            sim.emit(t, "entry_add", [cmac, a, why])
        if ssid == "guest-wifi" and rng.random() < 0.6:
            tt = t + secs(rng.uniform(25, 180))
            sim.emit(tt, "role_upd", [cmac, ip4, "guest-logon", "guest", "Captive Portal login"])
        elif dot1x and rng.random() < 0.2:              # posture result pushed by RADIUS CoA
            tt = t + secs(rng.uniform(20, 300))
            sim.emit(tt, "role_upd", [cmac, ip4, role, role + "-healthy", "RADIUS CoA from " + server])
        stay = secs(rng.expovariate(1 / {"corp-wifi": 7200.0, "corp-byod": 4800.0, "guest-wifi": 2400.0,
                                         "iot-psk": 20000.0}[ssid]))
        t += stay + secs(60)
        if rng.random() < 0.55:
            sim.emit(t, "deauth_from", [cmac] + ap_part(ap) + [cy(("deauth_from", 4), [
                "Sending STA has left and is disassociated", "Unspecified Failure",
                "Disassociated due to inactivity"])])
            why = "Station Deauth"
        else:
            sim.emit(t, "deauth_to", [cmac] + ap_part(ap) + [cy(("deauth_to", 4), [
                "Sapcp Ageout (internal ageout)", "Station inactivity timeout"])])
            why = "Ageout"
        sim.emit(t + secs(0.02), "sta_dn", [cmac, ap["bssid"], ssid, vlan, ap["name"]])
        for a, _ in ips:
            t += secs(rng.uniform(0.05, 2.0))
            sim.emit(t + secs(0.5), "entry_del", [cmac, a, cy(("entry_del", 2), [why, "idle timeout"])])

    # radios changing channel (ARM) on every AP
    for ap in aps:
        for t in arrivals(rng, start, end, 1800.0):
            radio = cy(("arm", 0), ["0", "1"])
            chans = ["36", "40", "44", "48", "52", "100", "149", "157"] if radio == "0" else ["1", "6", "11"]
            a = rng.choice(chans)
            b = rng.choice([c for c in chans if c != a])
            sim.emit(t, "arm", [radio, a, b, cy(("arm", 3), ["interference", "radar detected",
                                                             "noise floor exceeded", "coverage index"])],
                     {"ap": ap})

    # rogue radios heard by the APs
    neighbours = ["DIRECT-7f-HP M404 LaserJet", "CafeCentral_Free", "FRITZ!Box 7590 QX", "iPhone von Lea",
                  "Telekom_FON"]
    for t in arrivals(rng, start, end, 300.0):
        sim.emit(t, "rogue", [mac(rng), cy(("rogue", 1), neighbours), cy(("rogue", 2), ["6", "36", "11", "1", "44"]),
                              rng.choice(aps)["name"]])

    spec = {k: (p, mid, lvl) for k, p, mid, lvl, _ in ARUBA_EVENTS}
    pids = {"stm": "3398", "authmgr": "3412", "wms": "3420"}
    recs = []
    for t, _, key, vals, meta in sim.first(t0):
        proc, mid, lvl = spec[key]
        if proc == "sapd":
            ap = meta["ap"]
            pid, src, sep = ap["pid"], "%s %s" % (ap["ip"], ap["mac"].upper()), " "
        else:
            pid, src = pids[proc], "%s %s" % (ctrl, ctrl_ip)
            sep = "  " if proc == "authmgr" else " "
        hdr = "%s %s %d %s %s[%s]: <%s> <%s> <%s>%s" % (SYSLOG_DATE, t_hms(t), YEAR, ctrl, proc, pid,
                                                        mid, lvl, src, sep)
        recs.append((hdr, key, vals))
    return [(k, tpl) for k, _, _, _, tpl in ARUBA_EVENTS], recs, ARUBA_HEADER


# ================================================================= 6. VyOS (shuffle)
VYOS_EVENTS = [
    ("cfg_recv", "vyos-configd", "Received message: {\"type\": \"node\", \"data\": \"<*>\"}", 52),
    ("cfg_send", "vyos-configd", "Sending response <*>", 40),
    ("commit", "commit", "Successful change to active configuration by user <*> on <*>", 16),
    ("bgp_up", "bgpd", "[M59KS-A3ZXZ] %ADJCHANGE: neighbor <*>(<*>) in vrf default Up", 9),
    ("bgp_down", "bgpd", "[N7A9F-1QC4D] %ADJCHANGE: neighbor <*>(<*>) in vrf default Down <*>", 7),
    ("bgp_notif", "bgpd", "[HKWM3-ZC5QP] %NOTIFICATION: received from neighbor <*> <*> (<*>) 0 bytes", 5),
    ("dhcp_discover", "dhcpd", "DHCPDISCOVER from <*> via <*>", 30),
    ("dhcp_offer", "dhcpd", "DHCPOFFER on <*> to <*> (<*>) via <*>", 25),
    ("dhcp_request", "dhcpd", "DHCPREQUEST for <*> (<*>) from <*> (<*>) via <*>", 34),
    ("dhcp_ack_host", "dhcpd", "DHCPACK on <*> to <*> (<*>) via <*>", 28),
    ("dhcp_ack", "dhcpd", "DHCPACK on <*> to <*> via <*>", 8),
    ("link_up", "kernel", "e1000e <*> <*>: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx", 6),
    ("link_down", "kernel", "e1000e <*> <*>: NIC Link is Down", 6),
    ("ssh_ok", "sshd", "Accepted publickey for <*> from <*> port <*> ssh2: <*>", 14),
    ("ssh_invalid", "sshd", "Invalid user <*> from <*> port <*>", 20),
]
VYOS_HEADER = (r"(?P<mon>[A-Z][a-z]{2}) +(?P<day>\d{1,2}) (?P<hms>\d{2}:\d{2}:\d{2}) "
               r"(?P<host>[\w.-]+) (?P<proc>[\w.-]+)(?:\[(?P<pid>\d+)\])?: ")


def build_vyos(rng, cy):
    host = "vyos-br-gdansk"
    scripts = ["interfaces_ethernet.py", "protocols_bgp.py", "service_dhcp-server.py", "firewall.py",
               "nat.py", "interfaces_wireguard.py", "system_login.py", "protocols_static.py"]
    lans = [("eth1", "192.168.10"), ("eth1.20", "192.168.20"), ("eth2", "10.44.0")]
    hosts = ["LAPTOP-8F2K1Q", "iPhone", "printer-2f", "desk-pi", "Galaxy-S23", "android-5b1c9e2f0a",
             "thinkpad-marta", "NPI4D7E21"]
    peers = [("192.0.2.5", "isp-a-pe1"), ("198.51.100.201", "ix-rs1"), ("10.255.0.2", "Unknown"),
             ("2001:db8:ff::1", "isp-b-edge")]
    nics = [("0000:00:19.0", "eth0"), ("0000:02:00.0", "eth1"), ("0000:03:00.0", "eth2"), ("0000:04:00.0", "eth3")]
    pid_of = {"vyos-configd": "812", "bgpd": "1034", "dhcpd": "2291"}
    proc_of = {k: p for k, p, _, _ in VYOS_EVENTS}

    def lan(key):
        return cy((key, "lan"), lans)

    def client_mac():
        return mac(rng, rng.choice([[0x3c, 0x22, 0xfb], [0xb8, 0x27, 0xeb], [0x00, 0x1b, 0x21], None]))

    def vals(key):
        if key == "cfg_recv":
            return ["/usr/libexec/vyos/conf_mode/" + rng.choice(scripts)]
        if key == "cfg_send":
            return [cy((key, 0), ["1", "1", "1", "2"])]
        if key == "commit":
            return [cy((key, 0), ["vyos", "mkrol", "ansible"]), cy((key, 1), ["/dev/pts/0", "/dev/pts/1", "/dev/pts/3"])]
        if key in ("bgp_up", "bgp_down"):
            ip, name = rng.choice(peers)
            out = [ip, name]
            if key == "bgp_down":
                out.append(cy((key, 2), ["Peer closed the session", "BGP Notification received",
                                         "Interface down", "Hold Timer Expired"]))
            return out
        if key == "bgp_notif":
            code, txt = cy((key, 1), [("6/2", "Cease/Administrative Shutdown"),
                                      ("4/0", "Hold Timer Expired/Unspecific"),
                                      ("6/4", "Cease/Administrative Reset"),
                                      ("3/1", "UPDATE Message Error/Malformed Attribute List")])
            return [rng.choice(peers)[0], code, txt]
        ifc, net = lan(key)
        ip = "%s.%d" % (net, rng.randint(50, 250))
        if key == "dhcp_discover":
            return [client_mac(), ifc]
        if key == "dhcp_offer":
            return [ip, client_mac(), rng.choice(hosts), ifc]
        if key == "dhcp_request":
            return [ip, net + ".1", client_mac(), rng.choice(hosts), ifc]
        if key == "dhcp_ack_host":
            return [ip, client_mac(), rng.choice(hosts), ifc]
        if key == "dhcp_ack":
            return [ip, client_mac(), ifc]
        if key in ("link_up", "link_down"):
            return list(cy((key, 0), nics))
        if key == "ssh_ok":
            return [cy((key, 0), ["vyos", "mkrol", "ansible"]), "10.44.0.%d" % rng.randint(2, 40),
                    eph_port(rng), ssh_fp(rng, cy, (key, 3))]
        if key == "ssh_invalid":
            return [cy((key, 0), ["admin", "ubuntu", "oracle", "pi", "git", "postgres", "ftpuser"]),
                    public_ip(rng), eph_port(rng)]
        raise KeyError(key)

    recs = []
    for t, key in stamp_shuffle(rng, [(k, t, n) for k, _, t, n in VYOS_EVENTS], at(16, 48, 2), 19.0):
        proc = proc_of[key]
        if proc in ("kernel", "commit"):
            tag = proc
        elif proc == "sshd":
            tag = "sshd[%d]" % rng.randint(4000, 90000)
        else:
            tag = "%s[%s]" % (proc, pid_of[proc])
        recs.append(("%s %s %s %s: " % (SYSLOG_DATE, t_hms(t), host, tag), key, vals(key)))
    return [(k, tpl) for k, _, tpl, _ in VYOS_EVENTS], recs, VYOS_HEADER


SYSTEMS = [
    ("CiscoIos", build_cisco, "shuffle"),
    ("Junos", build_junos, "shuffle"),
    ("MikroTik", build_mikrotik, "simulation"),
    ("AristaEos", build_arista, "shuffle"),
    ("ArubaOs", build_aruba, "simulation"),
    ("VyOS", build_vyos, "shuffle"),
]
HEADER_RES = {}


# ------------------------------------------------------------------------- writing
def write_system(k, name, builder):
    rng = random.Random(BASE_SEED * 10 + k)
    cy = Cycler()
    events, recs, header_re = builder(rng, cy)
    HEADER_RES[name] = header_re
    if len(recs) != N_LINES:
        raise ValueError("%s: %d records" % (name, len(recs)))
    eid = {key: "E%d" % (i + 1) for i, (key, _) in enumerate(events)}
    tpl_of = dict(events)
    if len(eid) != len(events):
        raise ValueError("%s: duplicate event keys" % name)
    d = os.path.join(OUT_DIR, name)
    os.makedirs(d, exist_ok=True)
    rows, lines, mism = [], [], 0
    for i, (hdr, key, vals) in enumerate(recs, 1):
        content = fill(tpl_of[key], vals)
        m = tpl_regex(tpl_of[key]).fullmatch(content)
        if m is None or list(m.groups()) != [str(v) for v in vals]:
            mism += 1
        lines.append(hdr + content)
        rows.append([i, content, eid[key], tpl_of[key]])
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)
    return events, mism


# ------------------------------------------------------------------------ self-check
def ts_key(m):
    g = m.groupdict()
    mon = MONTHS.index(g["mon"]) if g.get("mon") else MONTH - 1
    day = int(g["day"]) if g.get("day") else DAY
    frac = (g.get("frac") or "").ljust(9, "0")
    return (mon, day, g["hms"], frac)


def check_system(name, events):
    errs = []
    d = os.path.join(OUT_DIR, name)
    with open(os.path.join(d, name + ".log"), "rb") as f:
        raw = f.read()
    if not raw.endswith(b"\n"):
        errs.append("log does not end with newline")
    if b"\r" in raw:
        errs.append("log contains \\r")
    with open(os.path.join(d, name + ".log_structured.csv"), "rb") as f:
        craw = f.read()
    if not craw.endswith(b"\n") or b"\r" in craw:
        errs.append("csv newline problem")
    lines = raw.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rdr = list(csv.reader(f))
    header, rows = rdr[0], rdr[1:]
    if header != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header %r" % header)
    if len(lines) != N_LINES or len(rows) != N_LINES:
        errs.append("%d lines / %d rows" % (len(lines), len(rows)))
    hre = re.compile(HEADER_RES[name])
    declared = {"E%d" % (i + 1): tpl for i, (_, tpl) in enumerate(events)}
    if len(set(declared.values())) != len(declared):
        errs.append("declared templates not distinct")
    tpl_by_eid, counts, slot_vals = {}, {}, {}
    prev = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("LineId %r at row %d" % (lid, i))
        if not content or content != content.strip():
            errs.append("line %d: empty or unstripped content" % i)
        if not line.endswith(content):
            errs.append("line %d does not end with its content" % i)
            continue
        hm = hre.fullmatch(line[:len(line) - len(content)])
        if hm is None:
            errs.append("line %d: header does not match: %r" % (i, line[:len(line) - len(content)]))
        else:
            k = ts_key(hm)
            if prev is not None and k < prev:
                errs.append("line %d: time goes back" % i)
            prev = k
        if not re.fullmatch(r"E\d+", eid):
            errs.append("line %d: bad EventId %r" % (i, eid))
        if declared.get(eid) != tpl:
            errs.append("line %d: %s is not its declared template" % (i, eid))
        if tpl_by_eid.setdefault(eid, tpl) != tpl:
            errs.append("%s has more than one template" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        m = tpl_regex(tpl).fullmatch(content)
        if m is None:
            errs.append("line %d: template does not match content" % i)
            continue
        for j, v in enumerate(m.groups()):
            slot_vals.setdefault((eid, j), set()).add(v)
    if len(set(tpl_by_eid.values())) != len(tpl_by_eid):
        errs.append("two EventIds share a template")
    unused = set(declared) - set(counts)
    if unused:
        errs.append("declared events unused: %s" % sorted(unused))
    for eid, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            if len(slot_vals.get((eid, j), ())) < 2:
                errs.append("%s slot %d takes fewer than 2 values" % (eid, j + 1))
    c = sorted(counts.values())
    if not 12 <= len(declared) <= 15:
        errs.append("%d event types" % len(declared))
    if c and c[0] < 3:
        errs.append("an event has fewer than 3 lines")
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(c) if c else 0
    if not c or c[-1] < 3 * med:
        errs.append("largest %s < 3 x median %s" % (c[-1] if c else 0, med))
    return errs, counts, med


def main():
    ok = True
    for k, (name, builder, kind) in enumerate(SYSTEMS, 1):
        events, mism = write_system(k, name, builder)
        errs, counts, med = check_system(name, events)
        order = sorted(counts, key=lambda e: int(e[1:]))
        print("%-10s %-10s events=%d lines=%d median=%s max=%d min=%d capture-mismatch=%d" % (
            name, kind, len(events), sum(counts.values()), med, max(counts.values()),
            min(counts.values()), mism))
        print("           " + " ".join("%s:%d" % (e, counts[e]) for e in order))
        for e in errs:
            print("   FAIL: " + e)
        if errs:
            ok = False
    print("self-check: %s" % ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
