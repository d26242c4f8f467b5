#!/usr/bin/env python3
"""Round 36 blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Every system k (1..6) uses random.Random(20270126 * 10 + k).  Time is an
integer nanosecond clock on 2026-03-14 UTC.  Running this script writes
<System>/<System>.log and <System>/<System>.log_structured.csv for all six
systems, then re-reads and self-checks them.
"""

import csv
import os
import re
import statistics
import sys
from datetime import datetime, timedelta, timezone
import random

OUT = os.path.dirname(os.path.abspath(__file__))
BASE_SEED = 20270126
N_LINES = 300
SEC = 1_000_000_000
MS = 1_000_000

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
DAY0 = datetime(2026, 3, 14, tzinfo=timezone.utc)
EPOCH0 = 1773446400  # 2026-03-14T00:00:00Z as a Unix time


# ----------------------------------------------------------------- helpers

def wall(ns):
    return DAY0 + timedelta(microseconds=ns // 1000)


def ts_syslog(ns):          # "Mar 14 07:03:09"   (%b %e %T)
    d = wall(ns)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[d.month - 1], d.day,
                                      d.hour, d.minute, d.second)


def ts_bd(ns):              # "Mar 14 07:03:09"   (%b %d %T)
    d = wall(ns)
    return "%s %02d %02d:%02d:%02d" % (MONTHS[d.month - 1], d.day,
                                       d.hour, d.minute, d.second)


def ts_ctime(ns):           # "Sat Mar 14 07:03:09 2026"
    d = wall(ns)
    return "%s %s %2d %02d:%02d:%02d %d" % (
        WEEKDAYS[d.weekday()], MONTHS[d.month - 1], d.day,
        d.hour, d.minute, d.second, d.year)


def unix(ns):
    return EPOCH0 + ns // SEC


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def alnum_up(rng, n):
    return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
                   for _ in range(n))


def U(rng, a, b):
    """Uniform duration in seconds -> integer nanoseconds."""
    return int(rng.uniform(a, b) * SEC)


class Pools:
    """Small-pool slots cycle through their pool per (event, slot)."""

    def __init__(self, rng):
        self.rng = rng
        self.pos = {}

    def __call__(self, ev, slot, pool):
        key = (ev, slot)
        if key not in self.pos:
            self.pos[key] = self.rng.randrange(len(pool))
        v = pool[self.pos[key] % len(pool)]
        self.pos[key] += 1
        return v


def shuffle_clock(rng, counts, start_ns, mean_gap_s):
    """Seeded shuffle of a fixed multiset of event keys, stamped by a
    forward-only clock with exponential gaps."""
    keys = [k for k, c in counts for _ in range(c)]
    assert len(keys) == N_LINES, (len(keys), counts)
    rng.shuffle(keys)
    t = start_ns
    out = []
    for k in keys:
        t += 1 + int(rng.expovariate(1.0 / mean_gap_s) * SEC)
        out.append((t, k))
    return out


def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (template, v)
        out.append(v)
        out.append(p)
    return "".join(out)


SYSLOG_TS = (r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
             r"(?P<day>[ \d]\d) (?P<hh>\d\d):(?P<mm>\d\d):(?P<ss>\d\d)")


# ===================================================== 1. IscDhcpd (sim)

DHCPD_EVENTS = [
    ("discover", "DHCPDISCOVER from <*> via <*>"),
    ("discover_h", "DHCPDISCOVER from <*> (<*>) via <*>"),
    ("offer_h", "DHCPOFFER on <*> to <*> (<*>) via <*>"),
    ("offer", "DHCPOFFER on <*> to <*> via <*>"),
    ("request_h", "DHCPREQUEST for <*> (<*>) from <*> (<*>) via <*>"),
    ("request", "DHCPREQUEST for <*> (<*>) from <*> via <*>"),
    ("ack_h", "DHCPACK on <*> to <*> (<*>) via <*>"),
    ("ack", "DHCPACK on <*> to <*> via <*>"),
    ("renew_h", "DHCPREQUEST for <*> from <*> (<*>) via <*>"),
    ("wrongnet", "DHCPREQUEST for <*> from <*> (<*>) via <*>: wrong network."),
    ("nak", "DHCPNAK on <*> to <*> via <*>"),
    ("balance", "balancing pool <*> <*> total <*> free <*> backup <*> lts <*> max-own (+/-)<*>"),
    ("wrote_del", "Wrote 0 deleted host decls to leases file."),
    ("wrote_dyn", "Wrote 0 new dynamic host decls to leases file."),
    ("wrote_leases", "Wrote <*> leases to leases file."),
]


def gen_dhcpd(rng):
    P = Pools(rng)
    host, pid = "dhcp-a", 1873
    # iface (local NIC or relay agent address), network, server-id, ip maker
    subnets = [
        ("eth0", "10.40.0.0/22", "10.40.0.5", (10, 40, range(0, 4)), 5),
        ("10.41.8.1", "10.41.8.0/22", "10.40.0.5", (10, 41, range(8, 12)), 4),
        ("10.44.32.1", "10.44.32.0/23", "10.40.0.5", (10, 44, range(32, 34)), 3),
        ("eth1", "172.20.6.0/24", "172.20.6.2", (172, 20, range(6, 7)), 2),
    ]
    weights = [s[4] for s in subnets]
    used = set()

    def new_ip(sn):
        a, b, c3 = sn[3]
        while True:
            ip = "%d.%d.%d.%d" % (a, b, rng.choice(list(c3)), rng.randint(11, 250))
            if ip not in used:
                used.add(ip)
                return ip

    ouis = ["3c:22:fb", "f0:18:98", "a4:83:e7", "b8:27:eb", "dc:a6:32",
            "8c:85:90", "00:1b:21", "d4:3b:04", "70:b3:d5", "ac:1f:6b"]

    def new_mac():
        return rng.choice(ouis) + ":" + ":".join("%02x" % rng.randrange(256)
                                                 for _ in range(3))

    first = ["anna", "jdoe", "mkrause", "lchen", "pvarga", "sofia", "tomas", "rgupta"]

    def new_hostname():
        kind = P("host", "kind", ["desktop", "android", "iphone", "mbp",
                                  "laptop", "ws", "android", "desktop"])
        if kind == "desktop":
            return "DESKTOP-" + alnum_up(rng, 7)
        if kind == "laptop":
            return "LAPTOP-" + alnum_up(rng, 8)
        if kind == "android":
            return "android-" + hexs(rng, 16)
        if kind == "iphone":
            return rng.choice(["iPhone", "iPad", "Galaxy-S23", "Pixel-7"])
        if kind == "mbp":
            return rng.choice(first) + "-mbp"
        return "ws-%04d" % rng.randint(1, 2200)

    events = []          # (ns, entity, seq, key, values)
    ent = [0]

    def entity():
        ent[0] += 1
        seq = [0]
        eid = ent[0]

        def emit(t, key, values):
            seq[0] += 1
            events.append((t, eid, seq[0], key, values))
        return emit

    W0 = 7 * 3600 * SEC + U(rng, 0, 3600)
    HORIZON = 2400 * SEC

    # already-bound clients: renew every ~lease/2 (lease 1800 s)
    for _ in range(70):
        emit = entity()
        sn = rng.choices(subnets, weights)[0]
        ip, mac, hn = new_ip(sn), new_mac(), new_hostname()
        t = W0 + U(rng, 0, 900)
        while t < W0 + HORIZON:
            emit(t, "renew_h", [ip, mac, hn, sn[0]])
            emit(t + U(rng, 0.0003, 0.004), "ack_h", [ip, mac, hn, sn[0]])
            t += U(rng, 880, 930)

    # new clients arriving
    t_arr = W0
    i = 0
    hosted = 0
    while True:
        t_arr += 1 + int(rng.expovariate(1 / 18.0) * SEC)
        if t_arr > W0 + HORIZON:
            break
        emit = entity()
        sn = rng.choices(subnets, weights)[0]
        mac = new_mac()
        t = t_arr
        if i % 5 == 2:                      # no host-name option (PXE, IoT)
            ip = new_ip(sn)
            emit(t, "discover", [mac, sn[0]])
            t += U(rng, 1.0, 1.2)           # ping-check before the offer
            emit(t, "offer", [ip, mac, sn[0]])
            t += U(rng, 0.01, 0.6)
            emit(t, "request", [ip, sn[2], mac, sn[0]])
            emit(t + U(rng, 0.0003, 0.004), "ack", [ip, mac, sn[0]])
        else:
            hn = new_hostname()
            if hosted % 8 == 5:             # laptop moved to another subnet
                other = [s for s in subnets if s is not sn]
                old_ip = new_ip(rng.choice(other))
                emit(t, "wrongnet", [old_ip, mac, hn, sn[0]])
                emit(t + U(rng, 0.0002, 0.002), "nak", [old_ip, mac, sn[0]])
                t += U(rng, 2.0, 4.5)
            hosted += 1
            ip = new_ip(sn)
            emit(t, "discover_h", [mac, hn, sn[0]])
            t += U(rng, 1.0, 1.2)
            emit(t, "offer_h", [ip, mac, hn, sn[0]])
            t += U(rng, 0.01, 0.6)
            emit(t, "request_h", [ip, sn[2], mac, hn, sn[0]])
            emit(t + U(rng, 0.0003, 0.004), "ack_h", [ip, mac, hn, sn[0]])
            t += U(rng, 880, 930)
            for _ in range(rng.randint(0, 2)):
                emit(t, "renew_h", [ip, mac, hn, sn[0]])
                emit(t + U(rng, 0.0003, 0.004), "ack_h", [ip, mac, hn, sn[0]])
                t += U(rng, 880, 930)
        i += 1

    # failover pool balancer
    emit = entity()
    pools = [("55b9e13c7a40", "10.40.0.0/22", 1013),
             ("55b9e13c9f10", "10.41.8.0/22", 1013),
             ("55b9e13cb2d8", "10.44.32.0/23", 501),
             ("55b9e13cc6a0", "172.20.6.0/24", 239)]
    t = W0 + U(rng, 5, 40)
    while t < W0 + HORIZON:
        ptr, net, total = P("balance", "pool", pools)
        free = rng.randint(total // 3, total // 2)
        backup = free + rng.randint(-12, 12)
        lts = (free - backup) // 2
        emit(t, "balance", [ptr, net, total, free, backup, lts,
                            max(2, total // 10 // 2 + rng.randint(-3, 3))])
        t += U(rng, 60, 110)

    # lease file rewrites
    emit = entity()
    t = W0 + U(rng, 20, 60)
    nleases = rng.randint(1400, 1600)
    while t < W0 + HORIZON:
        emit(t, "wrote_del", [])
        emit(t + U(rng, 0.0001, 0.001), "wrote_dyn", [])
        nleases += rng.randint(-9, 25)
        emit(t + U(rng, 0.002, 0.03), "wrote_leases", [nleases])
        t += U(rng, 170, 200)

    events.sort(key=lambda e: (e[0], e[1], e[2]))
    out = []
    for t, _, _, key, values in events[:N_LINES]:
        out.append((t, "%s %s dhcpd[%d]: " % (ts_syslog(t), host, pid), key, values))
    return out


# ================================================== 2. PureFtpd (shuffle)

PUREFTPD_EVENTS = [
    ("newconn", "New connection from <*>"),
    ("login", "<*> is now logged in"),
    ("logout", "Logout."),
    ("upload", "<*> uploaded (<*> bytes, <*>KB/sec)"),
    ("download", "<*> downloaded (<*> bytes, <*>KB/sec)"),
    ("authfail", "Authentication failed for user [<*>]"),
    ("timeout", "Timeout - try typing a little faster next time"),
    ("toomany_ip", "Too many connections (5) from this IP"),
    ("maxusers", "50 users (the maximum) are already logged in, sorry"),
    ("cwdfail", "Can't change directory to <*>: <*>"),
    ("quota", "Quota exceeded: [<*>] won't be saved"),
    ("anon", "Anonymous users are not allowed here"),
    ("deleted", "Deleted <*>"),
]

PUREFTPD_COUNTS = [
    ("newconn", 75), ("login", 55), ("logout", 45), ("download", 40),
    ("upload", 25), ("authfail", 15), ("timeout", 12), ("deleted", 8),
    ("cwdfail", 7), ("anon", 6), ("toomany_ip", 5), ("quota", 4),
    ("maxusers", 3),
]


def gen_pureftpd(rng):
    P = Pools(rng)
    host = "ftp01"
    users = {
        "webdev": "10.12.3.41", "backup01": "10.12.9.7", "mhartmann": "192.168.88.23",
        "scanner": "10.12.20.150", "reports": "10.12.3.58", "jlindqvist": "198.51.100.74",
        "cam-gate3": "10.12.21.13", "partner_ftp": "203.0.113.199",
    }
    names = sorted(users)
    strangers = ["185.220.101.33", "45.155.205.12", "91.241.19.84", "203.0.113.61",
                 "198.51.100.230", "141.98.10.57"]
    level = {"newconn": "INFO", "login": "INFO", "logout": "INFO", "upload": "NOTICE",
             "download": "NOTICE", "authfail": "WARNING", "timeout": "INFO",
             "toomany_ip": "WARNING", "maxusers": "WARNING", "cwdfail": "ERROR",
             "quota": "WARNING", "anon": "INFO", "deleted": "NOTICE"}
    dirs = ["incoming", "www/assets", "scans/2026-03", "backups/nightly", "outgoing", "pub"]
    files = [("IMG_%04d.jpg", 1, 9999), ("db-dump-202603%02d.sql.gz", 1, 14),
             ("scan_%04d.pdf", 1, 2500), ("report-q1-v%d.xlsx", 1, 9),
             ("index-%d.html", 1, 40), ("cam3-%06d.mp4", 1, 200000),
             ("invoice_%05d.pdf", 1000, 99999), ("site-backup-%d.tar.zst", 1, 31)]

    def fname():
        pat, lo, hi = P("file", "pat", files)
        return pat % rng.randint(lo, hi)

    def fpath(user):
        return "/srv/ftp/%s//%s/%s" % (user, P("file", "dir", dirs), fname())

    out = []
    for t, key in shuffle_clock(rng, PUREFTPD_COUNTS, 9 * 3600 * SEC + U(rng, 0, 1800), 11.0):
        user = P("u", key, names)
        ip = users[user]
        who = user
        if key == "newconn":
            ip = P(key, "ip", [users[n] for n in names] + strangers)
            who, vals = "?", [ip]
        elif key == "login":
            who, vals = "?", [user]
        elif key in ("logout", "deleted", "cwdfail", "quota", "upload", "download"):
            if key == "upload" or key == "download":
                size = int(rng.lognormvariate(11, 2.2)) + 1
                secs = max(0.01, size / (rng.uniform(80, 9000) * 1024))
                vals = [fpath(user), size, "%.2f" % (size / 1024.0 / secs)]
            elif key == "deleted":
                vals = [fpath(user)]
            elif key == "cwdfail":
                vals = ["/srv/ftp/%s//%s" % (user, P(key, "d", ["old-site", "archive/2024",
                                                                 "tmp/upload", "private"])),
                        P(key, "why", ["No such file or directory", "Permission denied"])]
            elif key == "quota":
                vals = [fname()]
            else:
                vals = []
        elif key == "authfail":
            who = "?"
            ip = P(key, "ip", strangers + [users["jlindqvist"]])
            vals = [P(key, "user", ["admin", "root", "ftp", "test", "jlindqvist",
                                    "www-data", "backup", "oracle"])]
        elif key == "timeout":
            if P(key, "who", [True, False, True]):
                vals = []
            else:
                who, ip, vals = "?", P(key, "ip", strangers), []
        elif key in ("toomany_ip", "maxusers", "anon"):
            who = "?"
            ip = P(key, "ip", strangers + [users["cam-gate3"]])
            vals = []
        else:
            raise KeyError(key)
        header = "%s %s pure-ftpd: (%s@%s) [%s] " % (ts_syslog(t), host, who, ip, level[key])
        out.append((t, header, key, vals))
    return out


# ================================================== 3. Krb5kdc (shuffle)

KRB5_EVENTS = [
    ("as_issue", "AS_REQ (<*> etypes {<*>}) <*>: ISSUE: authtime <*>, etypes {rep=<*>, tkt=<*>, ses=<*>}, <*> for <*>"),
    ("tgs_issue", "TGS_REQ (<*> etypes {<*>}) <*>: ISSUE: authtime <*>, etypes {rep=<*>, tkt=<*>, ses=<*>}, <*> for <*>"),
    ("as_needpre", "AS_REQ (<*> etypes {<*>}) <*>: NEEDED_PREAUTH: <*> for <*>, Additional pre-authentication required"),
    ("as_notfound", "AS_REQ (<*> etypes {<*>}) <*>: CLIENT_NOT_FOUND: <*> for <*>, Client not found in Kerberos database"),
    ("as_prefail", "AS_REQ (<*> etypes {<*>}) <*>: PREAUTH_FAILED: <*> for <*>, Preauthentication failed"),
    ("as_locked", "AS_REQ (<*> etypes {<*>}) <*>: LOCKED_OUT: <*> for <*>, Client's credentials have been revoked"),
    ("as_keyexp", "AS_REQ (<*> etypes {<*>}) <*>: CLIENT KEY EXPIRED: <*> for <*>, Password has expired"),
    ("tgs_nosrv", "TGS_REQ (<*> etypes {<*>}) <*>: LOOKING_UP_SERVER: authtime 0, <*> for <*>, Server not found in Kerberos database"),
    ("tgs_process", "TGS_REQ (<*> etypes {<*>}) <*>: PROCESS_TGS: authtime 0, <unknown client> for <*>, <*>"),
    ("tgs_badenc", "TGS_REQ (<*> etypes {<*>}) <*>: BAD_ENCRYPTION_TYPE: authtime <*>, <*> for <*>, KDC has no support for encryption type"),
    ("preauth_fail", "preauth (<*>) verify failure: <*>"),
    ("closing", "closing down fd <*>"),
    ("tcp_wants", "TCP client <*> wants <*> bytes, cap is 1048572"),
]

KRB5_COUNTS = [
    ("tgs_issue", 95), ("as_issue", 60), ("as_needpre", 50), ("as_prefail", 18),
    ("preauth_fail", 18), ("as_notfound", 14), ("tgs_nosrv", 12), ("tgs_process", 9),
    ("closing", 7), ("as_locked", 5), ("as_keyexp", 5), ("tcp_wants", 4),
    ("tgs_badenc", 3),
]


def gen_krb5(rng):
    P = Pools(rng)
    host, pid = "kdc1", 2314
    R = "CORP.EXAMPLE.NET"
    TGT = "krbtgt/%s@%s" % (R, R)
    e18 = "aes256-cts-hmac-sha1-96(18)"
    e17 = "aes128-cts-hmac-sha1-96(17)"
    e20 = "aes256-cts-hmac-sha384-192(20)"
    e19 = "aes128-cts-hmac-sha256-128(19)"
    e23 = "DEPRECATED:arcfour-hmac(23)"
    e16 = "DEPRECATED:des3-cbc-sha1(16)"
    e24 = "DEPRECATED:arcfour-hmac-exp(24)"
    etlists = [
        (6, ", ".join([e18, e17, e20, e19, e16, e23])),
        (4, ", ".join([e18, e17, e20, e19])),
        (6, ", ".join([e18, e17, e23, "-135", e24, "-133"])),
        (2, ", ".join([e18, e17])),
        (4, ", ".join([e18, e17, e20, e19])),
    ]
    people = ["jsmith", "akumar", "mlopez", "tnguyen", "ebrandt", "okafor",
              "svc-backup", "svc-jenkins", "rweiss", "hsato"]
    hostsvc = ["ws-0142", "ws-0377", "lab-gpu03", "build07", "ws-0219"]
    services = ["HTTP/intranet.corp.example.net", "cifs/fs01.corp.example.net",
                "ldap/dc2.corp.example.net", "host/build07.corp.example.net",
                "nfs/nas2.corp.example.net", "HTTP/jenkins.corp.example.net",
                "imap/mail.corp.example.net", "postgres/db3.corp.example.net"]
    bogus = ["HTTP/wiki-old.corp.example.net", "cifs/fs-legacy.corp.example.net",
             "host/10.20.4.17", "HTTP/grafana", "nfs/nas9.corp.example.net"]
    strangers = ["no.such.user", "administrator", "guest", "scan", "jsmiht", "oracle"]

    def ip(key):
        return "10.20.%d.%d" % (P(key, "net", [4, 7, 12, 30, 31]), rng.randint(10, 250))

    def client(key):
        if P(key, "ckind", [0, 0, 0, 1]):
            return "host/%s.corp.example.net@%s" % (P(key, "hs", hostsvc), R)
        return "%s@%s" % (P(key, "cl", people), R)

    def etl(key):
        return P(key, "etl", etlists)

    as_servers = [TGT, TGT, TGT, "kadmin/changepw@%s" % R]
    out = []
    for t, key in shuffle_clock(rng, KRB5_COUNTS, 8 * 3600 * SEC + U(rng, 0, 1800), 6.0):
        lvl = "info"
        n, lst = etl(key)
        now = unix(t)
        if key == "as_issue":
            rep = P(key, "rep", [e18, e18, e18, e17, e18, e23])
            ses = P(key, "ses", [e18, e18, e20, e18])
            vals = [n, lst, ip(key), now,
                    rep if rep in lst else e18,
                    P(key, "tkt", [e18, e18, e18, e17]),
                    ses if ses in lst else e18,
                    client(key), P(key, "srv", as_servers)]
        elif key == "tgs_issue":
            vals = [n, lst, ip(key), now - rng.randint(30, 36000),
                    P(key, "rep", [e18, e18, e18, e20]),
                    P(key, "tkt", [e18, e18, e17, e18, e23]),
                    P(key, "ses", [e18, e18, e17, e18]),
                    client(key), "%s@%s" % (P(key, "srv", services), R)]
        elif key in ("as_needpre", "as_prefail", "as_locked", "as_keyexp"):
            vals = [n, lst, ip(key), client(key) if key == "as_needpre" else
                    "%s@%s" % (P(key, "cl", people), R), P(key, "srv", as_servers)]
        elif key == "as_notfound":
            vals = [n, lst, ip(key), "%s@%s" % (P(key, "cl", strangers), R),
                    P(key, "srv", as_servers)]
        elif key == "tgs_nosrv":
            vals = [n, lst, ip(key), client(key), "%s@%s" % (P(key, "srv", bogus), R)]
        elif key == "tgs_process":
            vals = [n, lst, ip(key), P(key, "srv", [TGT, "%s@%s" % (services[0], R),
                                                    "%s@%s" % (services[1], R)]),
                    P(key, "err", ["Ticket expired", "Decrypt integrity check failed",
                                   "Request is a replay", "Ticket expired"])]
        elif key == "tgs_badenc":
            vals = [n, lst, ip(key), now - rng.randint(30, 36000), client(key),
                    "%s@%s" % (P(key, "srv", ["cifs/nas-old.corp.example.net",
                                              "host/aix7.corp.example.net"]), R)]
        elif key == "preauth_fail":
            vals = [P(key, "type", ["encrypted_timestamp", "encrypted_timestamp",
                                    "encrypted_challenge"]),
                    P(key, "why", ["Preauthentication failed", "Preauthentication failed",
                                   "Decrypt integrity check failed"])]
        elif key == "closing":
            vals = [rng.randint(14, 61)]
        elif key == "tcp_wants":
            lvl = "error"
            vals = ["10.20.%d.%d.%d" % (P(key, "net", [4, 30, 99]), rng.randint(10, 250),
                                        rng.randint(32768, 60999)),
                    P(key, "n", [1195725856, 369295618, 1397966893])]
        else:
            raise KeyError(key)
        header = "%s %s krb5kdc[%d](%s): " % (ts_bd(t), host, pid, lvl)
        out.append((t, header, key, vals))
    return out


# ================================================== 4. OpenSmtpd (sim)

SMTPD_EVENTS = [
    ("s_conn", "<*> smtp connected address=<*> host=<*>"),
    ("s_tls", "<*> smtp tls ciphers=<*>"),
    ("s_auth_ok", "<*> smtp authentication user=<*> result=ok"),
    ("s_auth_fail", "<*> smtp authentication user=<*> result=permfail"),
    ("s_msg", "<*> smtp message msgid=<*> size=<*> nrcpt=<*> proto=ESMTP"),
    ("s_env", "<*> smtp envelope evpid=<*> from=<<*>> to=<<*>>"),
    ("s_failcmd", "<*> smtp failed-command command=\"RCPT TO:<<*>>\" result=\"550 Invalid recipient: <<*>>\""),
    ("s_disc", "<*> smtp disconnected reason=<*>"),
    ("m_connecting", "<*> mta connecting address=<*> host=<*>"),
    ("m_connected", "<*> mta connected"),
    ("m_tls", "<*> mta tls ciphers=<*>"),
    ("m_ok", "<*> mta delivery evpid=<*> from=<<*>> to=<<*>> rcpt=<-> source=\"<*>\" relay=\"<*> (<*>)\" delay=<*> result=\"Ok\" stat=\"<*>\""),
    ("m_tempfail", "<*> mta delivery evpid=<*> from=<<*>> to=<<*>> rcpt=<-> source=\"<*>\" relay=\"<*> (<*>)\" delay=<*> result=\"TempFail\" stat=\"<*>\""),
    ("m_disc", "<*> mta disconnected reason=quit messages=<*>"),
    ("mda", "<*> mda delivery evpid=<*> from=<<*>> to=<<*>> rcpt=<<*>> user=<*> delay=<*> result=Ok stat=Delivered"),
]


def duration_text(sec):
    sec = max(0, int(sec))
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    if h:
        return "%dh%dm%ds" % (h, m, s)
    if m:
        return "%dm%ds" % (m, s)
    return "%ds" % s


def gen_smtpd(rng):
    P = Pools(rng)
    host = "mx1"
    PID = {"smtp": 48213, "mta": 48210, "mda": 48207}
    DOM = "northgate.example.org"
    local = ["alice", "bkowalski", "cwei", "dpatel", "erin", "fmorales", "gsantos", "hr"]
    aliases = {"hr": "dpatel", "erin": "erin"}
    senders = ["noreply@alerts.cloudhost.example", "jane.doe@partner-firm.example",
               "billing@invoices.acme.example", "newsletter@news.bookshop.example",
               "ops@monitoring.example.net", "k.tanaka@uni-east.example.edu",
               "support@tickets.vendor.example", "marta@fotostudio.example"]
    mx_peers = [("209.85.218.54", "mail-ej1-f54.mailhost.example"),
                ("40.107.22.91", "mail-vi1eur02on2091.outbound.example.com"),
                ("198.51.100.17", "smtp-out3.partner-firm.example"),
                ("203.0.113.80", "mx-relay.bookshop.example"),
                ("192.0.2.141", "mta141.news.example.net"),
                ("198.51.100.202", "mail.uni-east.example.edu")]
    probes = [("185.191.171.40", "scanner-40.research.example"),
              ("45.148.10.95", "vps-10-95.hoster.example"),
              ("141.98.11.23", "unknown.node.example"),
              ("80.94.95.184", "ip-184.colo.example")]
    submitters = [("10.8.0.14", "vpn-pool-14.northgate.example.org"),
                  ("10.8.0.37", "vpn-pool-37.northgate.example.org"),
                  ("192.168.50.22", "ws-22.office.northgate.example.org"),
                  ("100.64.12.9", "cgnat-12-9.isp.example")]
    remote_rcpts = {
        "partner-firm.example": (["jane.doe", "accounts", "t.berg"],
                                 ("198.51.100.17", "mx.partner-firm.example")),
        "uni-east.example.edu": (["k.tanaka", "grad-office"],
                                 ("198.51.100.203", "mx2.uni-east.example.edu")),
        "mailhost.example": (["marco.r88", "li.ying.work"],
                             ("209.85.233.27", "mx-in-1.mailhost.example")),
        "fotostudio.example": (["marta", "info"],
                               ("203.0.113.55", "mail.fotostudio.example")),
    }
    domains = sorted(remote_rcpts)
    ciphers = ["TLSv1.3:TLS_AES_256_GCM_SHA384:256", "TLSv1.3:TLS_CHACHA20_POLY1305_SHA256:256",
               "TLSv1.2:ECDHE-RSA-AES256-GCM-SHA384:256", "TLSv1.3:TLS_AES_128_GCM_SHA256:128"]
    sources = ["203.0.113.25", "203.0.113.26"]
    ok_stats = ["250 2.0.0 Ok: queued as %s", "250 2.0.0 OK %s - gsmtp",
                "250 2.6.0 <%s@northgate.example.org> Queued mail for delivery"]
    temp_stats = ["451 4.7.1 Greylisted, please try again later",
                  "421 4.7.0 Too many concurrent connections from this IP",
                  "450 4.2.0 Recipient address rejected: Greylisted for 5 minutes"]

    events = []
    ent = [0]

    def entity():
        ent[0] += 1
        seq = [0]
        eid = ent[0]

        def emit(t, proc, key, values):
            seq[0] += 1
            events.append((t, eid, seq[0], proc, key, values))
        return emit

    counters = {"mta": 0, "mx": 0}

    def mta_session(t, msg_t, sender, rcpts, domain, retry=False):
        emit = entity()
        sid = hexs(rng, 16)
        ips, (rip, rname) = remote_rcpts[domain]
        counters["mta"] += 1
        emit(t, "mta", "m_connecting",
             [sid, P("m", "scheme", ["smtp+tls://", "smtp://", "smtp+tls://"]) + rip + ":25", rname])
        t += U(rng, 0.03, 0.25)
        emit(t, "mta", "m_connected", [sid])
        t += U(rng, 0.05, 0.3)
        emit(t, "mta", "m_tls", [sid, P("m_tls", "c", ciphers)])
        t += U(rng, 0.2, 0.9)
        src = P("m", "src", sources)
        delivered = 0
        failed = []
        for j, (evpid, rcpt) in enumerate(rcpts):
            delay = duration_text((t - msg_t) / SEC)
            if not retry and j == 0 and counters["mta"] % 3 == 1:
                emit(t, "mta", "m_tempfail", [sid, evpid, sender, rcpt, src, rip, rname, delay,
                                              P("m_tempfail", "stat", temp_stats)])
                failed.append((evpid, rcpt))
            else:
                stat = P("m_ok", "stat", ok_stats)
                if "%s@" in stat:
                    stat = stat % hexs(rng, 12)
                elif "gsmtp" in stat:
                    stat = stat % ("%d %s" % (unix(t), alnum_up(rng, 10).lower()))
                else:
                    stat = stat % (alnum_up(rng, 4) + alnum_up(rng, 8).lower())
                emit(t, "mta", "m_ok", [sid, evpid, sender, rcpt, src, rip, rname, delay, stat])
                delivered += 1
            t += U(rng, 0.1, 0.6)
        emit(t, "mta", "m_disc", [sid, delivered])
        if failed:
            mta_session(t + U(rng, 420, 900), msg_t, sender, failed, domain, retry=True)

    def mda_delivery(t, msg_t, evpid, sender, rcpt_local):
        emit = entity()
        user = aliases.get(rcpt_local, rcpt_local)
        to_local = user
        emit(t, "mda", "mda", [hexs(rng, 16), evpid, sender, "%s@%s" % (to_local, DOM),
                               "%s@%s" % (rcpt_local, DOM), user,
                               duration_text((t - msg_t) / SEC)])

    def session(t, kind):
        emit = entity()
        sid = hexs(rng, 16)
        if kind == "mx":
            counters["mx"] += 1
            ip, name = P("s", "mx", mx_peers)
            emit(t, "smtp", "s_conn", [sid, ip, name])
            t += U(rng, 0.1, 0.5)
            if rng.random() < 0.75:
                emit(t, "smtp", "s_tls", [sid, P("s_tls", "c", ciphers)])
                t += U(rng, 0.1, 0.4)
            if counters["mx"] % 6 == 2:
                bad = "%s@%s" % (P("bad", "u", ["j.smith", "sales", "info", "webmaster",
                                                "a.nowak"]), DOM)
                emit(t, "smtp", "s_failcmd", [sid, bad, bad])
                t += U(rng, 0.1, 0.5)
                if rng.random() < 0.5:
                    emit(t, "smtp", "s_disc", [sid, "quit"])
                    return
            sender = P("s", "sender", senders)
            rc = rng.sample(local, P("s", "n", [1, 1, 2, 1, 3, 1, 2]))
            msgid = hexs(rng, 8)
            emit(t, "smtp", "s_msg", [sid, msgid, int(rng.lognormvariate(9.5, 1.3)) + 400, len(rc)])
            msg_t = t
            for r in rc:
                evpid = msgid + hexs(rng, 8)
                emit(t, "smtp", "s_env", [sid, evpid, sender, "%s@%s" % (r, DOM)])
                mda_delivery(t + U(rng, 0.3, 2.8), msg_t, evpid, sender, r)
            t += U(rng, 0.05, 0.4)
            emit(t, "smtp", "s_disc", [sid, "quit"])
        elif kind == "sub":
            ip, name = P("s", "sub", submitters)
            user = P("s", "authuser", local[:7])
            emit(t, "smtp", "s_conn", [sid, ip, name])
            t += U(rng, 0.05, 0.3)
            emit(t, "smtp", "s_tls", [sid, P("s_tls", "c", ciphers)])
            t += U(rng, 0.1, 0.5)
            emit(t, "smtp", "s_auth_ok", [sid, user])
            t += U(rng, 0.3, 2.0)
            sender = "%s@%s" % (user, DOM)
            dom_list = [P("s", "dom", domains)]
            if rng.random() < 0.25:
                dom_list.append(rng.choice([d for d in domains if d != dom_list[0]]))
            rc = []
            for d in dom_list:
                for lp in rng.sample(remote_rcpts[d][0], rng.choice([1, 1, 2])):
                    rc.append((d, "%s@%s" % (lp, d)))
            msgid = hexs(rng, 8)
            emit(t, "smtp", "s_msg", [sid, msgid, int(rng.lognormvariate(10.5, 1.5)) + 600, len(rc)])
            msg_t = t
            per_dom = {}
            for d, r in rc:
                evpid = msgid + hexs(rng, 8)
                emit(t, "smtp", "s_env", [sid, evpid, sender, r])
                per_dom.setdefault(d, []).append((evpid, r))
            t += U(rng, 0.05, 0.4)
            emit(t, "smtp", "s_disc", [sid, "quit"])
            for d in dom_list:
                mta_session(msg_t + U(rng, 0.2, 1.5), msg_t, sender, per_dom[d], d)
        elif kind == "brute":
            ip, name = P("s", "probe", probes)
            emit(t, "smtp", "s_conn", [sid, ip, name])
            t += U(rng, 0.2, 0.8)
            if rng.random() < 0.5:
                emit(t, "smtp", "s_tls", [sid, P("s_tls", "c", ciphers)])
                t += U(rng, 0.1, 0.4)
            for _ in range(rng.randint(1, 3)):
                t += U(rng, 1.5, 4.0)
                emit(t, "smtp", "s_auth_fail",
                     [sid, P("s_auth_fail", "u", ["admin", "test", "info", "sales",
                                                  "webmaster", "alice"])])
            t += U(rng, 0.1, 2.0)
            emit(t, "smtp", "s_disc", [sid, P("s_disc", "brute", ["quit", "disconnect"])])
        else:  # probe: banner grab, no mail
            ip, name = P("s", "probe", probes)
            emit(t, "smtp", "s_conn", [sid, ip, name])
            t += U(rng, 0.5, 20)
            emit(t, "smtp", "s_disc", [sid, P("s_disc", "probe", ["disconnect", "timeout",
                                                                  "quit", "disconnect"])])

    pattern = ["mx", "mx", "sub", "mx", "probe", "mx", "brute",
               "mx", "sub", "mx", "sub", "probe"]
    t = 10 * 3600 * SEC + U(rng, 0, 3600)
    end = t + 1800 * SEC
    i = 0
    while t < end:
        session(t, pattern[i % len(pattern)])
        i += 1
        t += 1 + int(rng.expovariate(1 / 9.0) * SEC)

    events.sort(key=lambda e: (e[0], e[1], e[2]))
    out = []
    for t, _, _, proc, key, values in events[:N_LINES]:
        out.append((t, "%s %s smtpd[%d]: " % (ts_syslog(t), host, PID[proc]), key, values))
    return out


# ================================================== 5. Radvd (shuffle)

RADVD_EVENTS = [
    ("started", "version 2.19 started"),
    ("reread", "attempting to reread config file"),
    ("resume", "resuming normal operation"),
    ("stopadv", "sending stop adverts"),
    ("rmpid", "removing /var/run/radvd.pid"),
    ("exiting", "Exiting, sigterm or sigint received."),
    ("noiface", "interface <*> does not exist or is not set up properly, ignoring the interface"),
    ("nolinklocal", "no linklocal address configured for <*>"),
    ("hoplimit", "our AdvCurHopLimit on <*> doesn't agree with <*>"),
    ("validlt", "our AdvValidLifetime on <*> for <*> doesn't agree with <*>"),
    ("preflt", "our AdvPreferredLifetime on <*> for <*> doesn't agree with <*>"),
    ("sendmsg", "sendmsg: <*>"),
    ("allrouters", "resetting ipv6-allrouters membership on <*>"),
    ("forwarding", "IPv6 forwarding setting is: 0, should be 1 or 2"),
]

RADVD_COUNTS = [
    ("sendmsg", 85), ("validlt", 45), ("preflt", 40), ("allrouters", 30),
    ("hoplimit", 20), ("nolinklocal", 18), ("noiface", 16), ("reread", 12),
    ("resume", 12), ("forwarding", 6), ("started", 5), ("stopadv", 4),
    ("rmpid", 4), ("exiting", 3),
]


def gen_radvd(rng):
    P = Pools(rng)
    ifaces = ["eth1", "eth2", "br-lan", "vlan30", "wlan0"]
    peers = ["fe80::5054:ff:fe3a:91c2", "fe80::1", "fe80::a236:9fff:fe0c:44e1",
             "fe80::2e0:4cff:fe68:1b07"]
    prefixes = ["2001:db8:40:1::/64", "2001:db8:40:30::/64", "2001:db8:7e1:a00::/64",
                "fd4c:2a17:9b3e:10::/64"]
    errors = ["Network is unreachable", "Cannot assign requested address",
              "No such device", "Network is down", "Cannot assign requested address"]
    pid = rng.randint(700, 2000)
    out = []
    for t, key in shuffle_clock(rng, RADVD_COUNTS, 5 * 3600 * SEC + U(rng, 0, 3600), 40.0):
        if key == "started":
            pid += rng.randint(40, 9000)
        if key == "sendmsg":
            vals = [P(key, "err", errors)]
        elif key in ("noiface", "nolinklocal", "allrouters"):
            vals = [P(key, "if", ifaces)]
        elif key == "hoplimit":
            vals = [P(key, "if", ifaces), P(key, "peer", peers)]
        elif key in ("validlt", "preflt"):
            vals = [P(key, "if", ifaces[:4]), P(key, "pfx", prefixes), P(key, "peer", peers)]
        else:
            vals = []
        out.append((t, "[%s] radvd (%d): " % (ts_bd(t), pid), key, vals))
    return out


# ================================================== 6. Conntrackd (shuffle)

CONNTRACKD_EVENTS = [
    ("start", "-- starting in daemon mode --"),
    ("filter", "using user-space event filtering"),
    ("bufset", "netlink event socket buffer size has been set to 262142 bytes"),
    ("initdone", "initialization completed"),
    ("shutdown", "---- shutdown received ----"),
    ("resync_req", "resync requested by other node"),
    ("bulk", "sending bulk update"),
    ("committing", "committing all external caches"),
    ("committed", "Committed <*> new entries"),
    ("notcommitted", "<*> entries can't be committed"),
    ("committime", "commit has taken <*> seconds"),
    ("doubled", "netlink event socket buffer size has been doubled to <*> bytes"),
    ("maxbuf", "maximum netlink socket buffer size has been reached. We are likely to be losing events, this may lead to unsynchronized replicas. Please, consider increasing the buffer size via NetlinkBufferSize and NetlinkBufferSizeMaxGrowth clauses in conntrackd.conf"),
    ("chan_up", "channel <*> is up"),
    ("chan_down", "channel <*> is down"),
]

CONNTRACKD_COUNTS = [
    ("doubled", 66), ("resync_req", 45), ("bulk", 45), ("committing", 25),
    ("committed", 25), ("committime", 25), ("chan_up", 14), ("chan_down", 14),
    ("notcommitted", 9), ("maxbuf", 8), ("start", 5), ("filter", 5),
    ("bufset", 5), ("initdone", 5), ("shutdown", 4),
]


def gen_conntrackd(rng):
    P = Pools(rng)
    level = {"notcommitted": "ERROR", "doubled": "WARNING", "maxbuf": "WARNING",
             "chan_down": "WARNING"}
    pid = rng.randint(900, 4000)
    out = []
    for t, key in shuffle_clock(rng, CONNTRACKD_COUNTS, 13 * 3600 * SEC + U(rng, 0, 3600), 25.0):
        if key == "start":
            pid += rng.randint(50, 20000)
        if key == "committed":
            vals = [int(rng.lognormvariate(7.5, 1.2))]
        elif key == "notcommitted":
            vals = [rng.randint(1, 40)]
        elif key == "committime":
            vals = ["%d.%06d" % (P(key, "s", [0, 0, 0, 1]), rng.randint(0, 999999))]
        elif key == "doubled":
            vals = [P(key, "n", [524284, 1048568, 2097136, 4194272, 8388544])]
        elif key in ("chan_up", "chan_down"):
            vals = [P(key, "ch", ["eth3", "eth4", "bond1"])]
        else:
            vals = []
        header = "[%s] (pid=%d) [%s] " % (ts_ctime(t), pid, level.get(key, "notice"))
        out.append((t, header, key, vals))
    return out


# ======================================================= system registry

def R(body):
    return re.compile(r"^" + body + r"$")


SYSTEMS = [
    dict(name="IscDhcpd", k=1, events=DHCPD_EVENTS, gen=gen_dhcpd,
         header=R(SYSLOG_TS + r" [A-Za-z0-9.-]+ dhcpd\[\d+\]: ")),
    dict(name="PureFtpd", k=2, events=PUREFTPD_EVENTS, gen=gen_pureftpd,
         header=R(SYSLOG_TS + r" [A-Za-z0-9.-]+ pure-ftpd: \((?:\?|[A-Za-z0-9._-]+)@"
                  r"[0-9a-fA-F.:]+\) \[(?:DEBUG|INFO|NOTICE|WARNING|ERROR)\] ")),
    dict(name="Krb5kdc", k=3, events=KRB5_EVENTS, gen=gen_krb5,
         header=R(SYSLOG_TS + r" [A-Za-z0-9.-]+ krb5kdc\[\d+\]\((?:emergency|alert|critical|"
                  r"error|warning|notice|info|debug)\): ")),
    dict(name="OpenSmtpd", k=4, events=SMTPD_EVENTS, gen=gen_smtpd,
         header=R(SYSLOG_TS + r" [A-Za-z0-9.-]+ smtpd\[\d+\]: ")),
    dict(name="Radvd", k=5, events=RADVD_EVENTS, gen=gen_radvd,
         header=R(r"\[" + SYSLOG_TS + r"\] radvd \(\d+\): ")),
    dict(name="Conntrackd", k=6, events=CONNTRACKD_EVENTS, gen=gen_conntrackd,
         header=R(r"\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) " + SYSLOG_TS +
                  r" (?P<year>\d{4})\] \(pid=\d+\) \[(?:info|notice|WARNING|ERROR)\] ")),
]


# ================================================================ writing

def write_system(sysd):
    rng = random.Random(BASE_SEED * 10 + sysd["k"])
    rows = sysd["gen"](rng)
    assert len(rows) == N_LINES, (sysd["name"], len(rows))
    tmpl = dict(sysd["events"])
    eid = {key: "E%d" % (i + 1) for i, (key, _) in enumerate(sysd["events"])}
    d = os.path.join(OUT, sysd["name"])
    os.makedirs(d, exist_ok=True)
    raw_path = os.path.join(d, sysd["name"] + ".log")
    csv_path = os.path.join(d, sysd["name"] + ".log_structured.csv")
    with open(raw_path, "w", encoding="utf-8", newline="\n") as fr, \
            open(csv_path, "w", encoding="utf-8", newline="") as fc:
        w = csv.writer(fc, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for n, (t, header, key, values) in enumerate(rows, 1):
            content = fill(tmpl[key], values)
            fr.write(header + content + "\n")
            w.writerow([n, content, eid[key], tmpl[key]])


# ============================================================= self-check

def tmpl_regex(t):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in t.split("<*>")) + "$",
                      re.DOTALL)


def check_system(sysd):
    name = sysd["name"]
    d = os.path.join(OUT, name)
    raw = open(os.path.join(d, name + ".log"), "rb").read()
    assert raw.endswith(b"\n"), name
    assert b"\r" not in raw, name
    lines = raw.decode("utf-8").split("\n")[:-1]
    assert len(lines) == N_LINES, (name, len(lines))
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], rows[0]
    rows = rows[1:]
    assert len(rows) == N_LINES, (name, len(rows))
    declared = ["E%d" % (i + 1) for i in range(len(sysd["events"]))]
    declared_t = {"E%d" % (i + 1): t for i, (_, t) in enumerate(sysd["events"])}
    assert len(set(declared_t.values())) == len(declared_t), name + ": duplicate templates"
    assert 12 <= len(declared) <= 15, (name, len(declared))
    tmpl_of = {}
    counts = {}
    slots = {}
    prev = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        assert len(row) == 4, (name, i, row)
        lid, content, eid, tmpl = row
        assert lid == str(i), (name, i, lid)
        assert content and content == content.strip(), (name, i, content)
        assert line.endswith(content), (name, i)
        header = line[: len(line) - len(content)]
        m = sysd["header"].match(header)
        assert m, (name, i, header)
        key = (MONTHS.index(m.group("mon")), int(m.group("day")),
               int(m.group("hh")), int(m.group("mm")), int(m.group("ss")))
        assert prev is None or key >= prev, (name, i, "time went back")
        prev = key
        assert re.fullmatch(r"E\d+", eid), (name, i, eid)
        assert tmpl_of.setdefault(eid, tmpl) == tmpl, (name, i, "two templates for " + eid)
        assert declared_t.get(eid) == tmpl, (name, i, eid, tmpl)
        mm = tmpl_regex(tmpl).match(content)
        assert mm, (name, i, tmpl, content)
        for j, g in enumerate(mm.groups()):
            slots.setdefault((eid, j), set()).add(g)
        counts[eid] = counts.get(eid, 0) + 1
    assert sorted(counts, key=lambda e: int(e[1:])) == declared, (name, "unused events",
                                                                 set(declared) - set(counts))
    for t_ in tmpl_of:
        n_slots = tmpl_of[t_].count("<*>")
        for j in range(n_slots):
            assert len(slots[(t_, j)]) >= 2, (name, t_, j, slots[(t_, j)])
    c = list(counts.values())
    assert min(c) >= 3, (name, counts)
    assert sum(1 for x in c if 3 <= x <= 10) >= 3, (name, counts)
    med = statistics.median(c)
    assert max(c) >= 3 * med, (name, max(c), med)
    return counts, med


def main():
    for s in SYSTEMS:
        write_system(s)
    ok = True
    for s in SYSTEMS:
        try:
            counts, med = check_system(s)
        except AssertionError as e:
            ok = False
            print("%-11s FAIL %r" % (s["name"], e.args))
            continue
        order = sorted(counts, key=lambda e: int(e[1:]))
        print("%-11s OK  events=%2d max=%3d median=%5.1f small(3-10)=%d  %s" % (
            s["name"], len(counts), max(counts.values()), med,
            sum(1 for v in counts.values() if 3 <= v <= 10),
            " ".join("%s:%d" % (e, counts[e]) for e in order)))
    if not ok:
        sys.exit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
