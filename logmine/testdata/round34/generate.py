#!/usr/bin/env python3
"""Round 34: blind labelled log corpus generator.

Standard library only and fully deterministic: no wall clock, no locale.
Base seed 20270122; system k (1..6) uses random.Random(20270122 * 10 + k).
All times come from an integer nanosecond clock counted from
2026-03-14 00:00:00 UTC.

Running this script writes <System>/<System>.log and
<System>/<System>.log_structured.csv for every system, then re-reads the
files and self-checks them, printing a per-system summary.
"""

import csv
import math
import os
import random
import re
import statistics
import sys
from collections import Counter, defaultdict

BASE_SEED = 20270122
OUT_DIR = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
SEC = 10 ** 9
MS = 10 ** 6
US = 10 ** 3
DAY_NS = 86400 * SEC
N_LINES = 300


# --------------------------------------------------------------------------
# time formatting (integer ns since 2026-03-14 00:00:00 UTC)
# --------------------------------------------------------------------------

def hms(t):
    assert 0 <= t < DAY_NS, t
    s = t // SEC
    return "%02d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60)


def syslog_stamp(t):
    return "%s %2d %s" % (MONTHS[MONTH - 1], DAY, hms(t))


def rsync_stamp(t):
    return "%04d/%02d/%02d %s" % (YEAR, MONTH, DAY, hms(t))


def kernel_stamp(t, boot):
    d = (t - boot) // US
    return "[%5d.%06d]" % (d // 10 ** 6, d % 10 ** 6)


def at(h, m, s=0):
    return ((h * 60 + m) * 60 + s) * SEC


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

class Gen:
    """Per-system random source plus pool cyclers keyed by (event, slot)."""

    def __init__(self, k):
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.counters = {}
        self.key = None

    def c(self, name, pool):
        key = (self.key, name)
        i = self.counters.get(key, 0)
        self.counters[key] = i + 1
        return pool[i % len(pool)]

    def deck(self, name, items):
        """Draw from a shuffled deck with fixed composition; reshuffle when empty."""
        key = ("deck", name)
        d = self.counters.get(key)
        if not d:
            d = list(items)
            self.rng.shuffle(d)
            self.counters[key] = d
        return d.pop()

    def ri(self, a, b):
        return self.rng.randint(a, b)

    def hex(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def uuid4(self):
        h = self.hex(32)
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16],
                                      self.rng.choice("89ab"), h[17:20], h[20:32])

    def gap(self, mean_s):
        return 1 + int(self.rng.expovariate(1.0 / mean_s) * SEC)

    def span(self, lo_s, hi_s):
        return int(self.rng.uniform(lo_s, hi_s) * SEC)

    def lognorm(self, mu, sigma):
        return max(1, int(math.exp(self.rng.gauss(mu, sigma))))


def fill(tmpl, vals):
    parts = tmpl.split("<*>")
    assert len(parts) == len(vals) + 1, (tmpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (tmpl, v)
        out.append(v)
        out.append(p)
    return "".join(out)


def shuffled_lines(g, events, start, mean_gap_s, header_fn):
    """Seeded shuffle: fixed count per event, shuffled, stamped by a
    forward-only clock with exponential gaps."""
    seq = []
    for i, ev in enumerate(events):
        seq += [i] * ev[3]
    assert len(seq) == N_LINES, len(seq)
    g.rng.shuffle(seq)
    t = start
    out = []
    for i in seq:
        t += g.gap(mean_gap_s)
        tmpl, src, fn, _n = events[i]
        g.key = i
        content = fill(tmpl, fn(g, t))
        out.append((t, header_fn(g, t, src), content, i))
    return out


def merged_lines(recs, header_fn):
    """Simulation: records (t, seq, src, event_index, values) from many
    entities, merged in time order, first N_LINES kept."""
    recs = sorted(recs, key=lambda r: (r[0], r[1]))
    assert len(recs) >= N_LINES, len(recs)
    out = []
    for t, _seq, src, ei, vals, tmpl in recs[:N_LINES]:
        out.append((t, header_fn(t, src), fill(tmpl, vals), ei))
    return out


class Recorder:
    def __init__(self, events):
        self.events = events
        self.recs = []
        self.seq = 0

    def __call__(self, t, src, ei, vals):
        self.seq += 1
        self.recs.append((t, self.seq, src, ei, list(vals), self.events[ei][0]))


# --------------------------------------------------------------------------
# 1. Guacd (simulation: connections with their own child processes)
# --------------------------------------------------------------------------

GUACD_EVENTS = [
    ('Creating new client for protocol "<*>"', "parent"),                       # E1
    ('Connection ID is "<*>"', "parent"),                                       # E2
    ('Joining existing connection "<*>"', "parent"),                            # E3
    ('User "<*>" joined connection "<*>" (<*> users now present)', "child"),    # E4
    ('Loading keymap "<*>"', "child"),                                          # E5
    ('Connected to RDPDR <*> as client <*>', "child"),                          # E6
    ('RDPDR user logged on', "child"),                                          # E7
    ('RDP server closed/refused connection: <*>', "child"),                     # E8
    ('Unable to connect to VNC server.', "child"),                              # E9
    ('Error handling message from VNC server.', "child"),                       # E10
    ('SSH connection ended.', "child"),                                         # E11
    ('Internal RDP client disconnected', "child"),                              # E12
    ('User "<*>" disconnected (<*> users remain)', "child"),                    # E13
    ('Last user of connection "<*>" disconnected', "child"),                    # E14
    ('Connection "<*>" removed.', "parent"),                                    # E15
]

GUACD_HOST = "rgw-bastion01"
GUACD_PARENT_PID = 912
GUACD_HEADER_RE = (r"(?P<ts>Mar 14 (?P<hms>\d\d:\d\d:\d\d)) rgw-bastion01 "
                   r"guacd\[\d+\]: ")


def build_guacd(g):
    rng = g.rng
    g.key = "sim"
    E = list(range(len(GUACD_EVENTS)))
    rec = Recorder(GUACD_EVENTS)
    layouts = ["en-us-qwerty", "de-de-qwertz", "en-gb-qwerty", "fr-fr-azerty",
               "en-us-qwerty", "sv-se-qwerty"]
    rdp_fail = ["Security negotiation failed (wrong security type?)",
                "Server refused connection (wrong security type?)",
                "Authentication failure (invalid credentials?)",
                "Server is busy or unable to accept connection"]
    protocols = ["rdp", "vnc", "ssh", "rdp", "vnc", "rdp", "ssh", "vnc"]
    viewers_pool = [0, 0, 1, 0, 2, 0, 1, 7, 0, 3, 0, 10, 1, 0, 2, 0, 6, 4]
    t = at(7, 41, 17) + rng.randint(0, SEC)
    next_pid = 30211
    for _n in range(60):
        t += g.gap(75)
        proto = g.c("proto", protocols)
        child = next_pid
        next_pid += rng.randint(2, 37)
        cid = "$" + g.uuid4()
        P, C = GUACD_PARENT_PID, child
        rec(t, P, E[0], [proto])
        rec(t + rng.randint(200 * US, 3 * MS), P, E[1], [cid])
        owner = "@" + g.uuid4()
        tj = t + rng.randint(30 * MS, 400 * MS)
        rec(tj, C, E[3], [owner, cid, 1])
        if proto == "rdp":
            tk = tj + rng.randint(1 * MS, 5 * MS)
            rec(tk, C, E[4], ["base"])
            rec(tk + rng.randint(100 * US, MS), C, E[4], [g.c("layout", layouts)])
        outcome = "ok"
        if proto == "rdp":
            outcome = g.deck("rdp", ["ok", "ok", "fail", "drive", "drive", "fail"])
        elif proto == "vnc":
            outcome = g.deck("vnc", ["ok", "fail", "err", "ok", "err", "fail"])
        if outcome == "fail" and proto == "rdp":
            tf = tj + g.span(0.3, 4.0)
            rec(tf, C, E[7], [g.c("rdpfail", rdp_fail)])
            rec(tf + rng.randint(MS, 3 * MS), C, E[12], [owner, 0])
            rec(tf + rng.randint(4 * MS, 6 * MS), C, E[13], [cid])
            rec(tf + rng.randint(20 * MS, 200 * MS), P, E[14], [cid])
            continue
        if outcome == "fail" and proto == "vnc":
            tf = tj + g.span(0.5, 3.0)
            rec(tf, C, E[8], [])
            rec(tf + rng.randint(MS, 3 * MS), C, E[12], [owner, 0])
            rec(tf + rng.randint(4 * MS, 6 * MS), C, E[13], [cid])
            rec(tf + rng.randint(20 * MS, 200 * MS), P, E[14], [cid])
            continue
        if outcome == "drive":
            td = tj + g.span(0.8, 2.5)
            rec(td, C, E[5], [g.c("rdpdr_ver", ["1.13", "1.12"]),
                              g.c("rdpdr_id", ["0x0002", "0x0003", "0x0005", "0x0004"])])
            rec(td + g.span(0.2, 3.0), C, E[6], [])
        te = tj + max(25 * SEC, g.gap(110 if outcome == "err" else 300))
        # users present: owner plus share-link viewers
        events = [(tj, "join", owner)]
        for _v in range(g.c("viewers", viewers_pool)):
            jt = tj + int(rng.uniform(0.05, 0.8) * (te - tj))
            lt = jt + int(rng.uniform(0.1, 1.15) * (te - jt))
            user = "@" + g.uuid4()
            rec(jt - rng.randint(30 * MS, 300 * MS), P, E[2], [cid])
            events.append((jt, "join", user))
            events.append((lt, "leave", user))
        abnormal = outcome == "err"
        tend = te
        if abnormal:
            rec(te, C, E[9], [])
        if proto == "ssh":
            rec(te, C, E[10], [])
        events.append((te + (MS if (abnormal or proto == "ssh") else 0), "leave", owner))
        if abnormal or proto == "ssh":
            # the whole connection ends at once: everyone still present goes
            events = [(min(et, te + MS), kind, u) for et, kind, u in events]
        events.sort(key=lambda e: (e[0], e[1] == "join"))
        present = 0
        for et, kind, u in events:
            if kind == "join":
                present += 1
                if u != owner:
                    rec(et, C, E[3], [u, cid, present])
            else:
                present -= 1
                rec(et, C, E[12], [u, present])
            tend = max(tend, et)
        assert present == 0
        tl = tend + rng.randint(100 * US, 2 * MS)
        rec(tl, C, E[13], [cid])
        if proto == "rdp":
            rec(tl + rng.randint(2 * MS, 40 * MS), C, E[11], [])
        rec(tl + rng.randint(50 * MS, 250 * MS), P, E[14], [cid])
    assert max(r[0] for r in rec.recs if r[3] == E[0]) > \
        sorted(r[0] for r in rec.recs)[N_LINES - 1], "simulation too short"

    def header(t, pid):
        return "%s %s guacd[%d]: " % (syslog_stamp(t), GUACD_HOST, pid)
    return merged_lines(rec.recs, header)


# --------------------------------------------------------------------------
# 2. Rsyncd (simulation: client connections, one forked daemon child each)
# --------------------------------------------------------------------------

RSYNCD_EVENTS = [
    ("connect from <*> (<*>)", ""),                                  # E1
    ("name lookup failed for <*>: <*>", ""),                         # E2
    ("unknown module '<*>' tried from <*> (<*>)", ""),               # E3
    ("auth failed on module <*> from <*> (<*>): <*>", ""),           # E4
    ("rsync denied on module <*> from <*> (<*>)", ""),               # E5
    ("rsync on <*> from <*>@<*> (<*>)", ""),                         # E6
    ("rsync on <*> from <*> (<*>)", ""),                             # E7
    ("rsync to <*> from <*>@<*> (<*>)", ""),                         # E8
    ("building file list", ""),                                      # E9
    ("send <*> [<*>] <*> (<*>) <*> <*>", ""),                        # E10
    ("recv <*> [<*>] <*> (<*>) <*> <*>", ""),                        # E11
    ('rsync: [sender] link_stat "<*>" (in <*>) failed: <*>', ""),    # E12
    ('rsync: [generator] failed to set times on "<*>" (in <*>): <*>', ""),  # E13
    ("rsync error: <*> (code <*>) at <*> [<*>]", ""),                # E14
    ("sent <*> bytes  received <*> bytes  total size <*>", ""),      # E15
]

RSYNCD_HEADER_RE = r"(?P<ts>2026/03/14 (?P<hms>\d\d:\d\d:\d\d)) \[\d+\] "

RSYNC_CLIENTS = [
    ("web01.quarry.lan", "10.20.1.11"), ("web02.quarry.lan", "10.20.1.12"),
    ("db-main.quarry.lan", "10.20.2.5"), ("ws-hannah.quarry.lan", "10.20.5.31"),
    ("mail01.quarry.lan", "10.20.1.25"), ("ws-oskar.quarry.lan", "10.20.5.44"),
    ("ci-runner3.quarry.lan", "10.20.6.13"), ("git.quarry.lan", "10.20.1.30"),
    ("ws-priya.quarry.lan", "10.20.5.52"), ("monitor.quarry.lan", "10.20.1.40"),
]
RSYNC_FILES = {
    "etc": ["etc/nginx/nginx.conf", "etc/hosts", "etc/fstab", "etc/ssh/sshd_config",
            "etc/systemd/system/app.service", "etc/crontab", "etc/passwd"],
    "var": ["var/lib/app/state.db", "var/log/syslog.1.gz", "var/backups/dpkg.status.0",
            "var/lib/postgresql/dump/main-%s.sql.gz", "var/spool/cron/crontabs/root"],
    "home": ["home/deploy/.bashrc", "home/deploy/releases/r%s.tar.zst",
             "home/deploy/.ssh/authorized_keys"],
}
RSYNC_PROJECTS = {
    "atlas": ["src/main.go", "src/handlers/upload.go", "docs/design.md", "go.sum",
              "assets/logo.svg", "testdata/fixtures_%s.json"],
    "borealis": ["model/train.py", "model/config.yaml", "data/splits/val_%s.csv",
                 "notebooks/eda.ipynb", "README.md"],
    "cinder": ["firmware/build/cinder-%s.bin", "firmware/src/boot.c", "Makefile",
               "tools/flash.sh"],
}
RSYNC_PUB = ["pub/isos/", "pub/mirror/debian/dists/bookworm/", "pub/tools/", "pub/fonts/"]


def build_rsyncd(g):
    rng = g.rng
    g.key = "sim"
    E = list(range(len(RSYNCD_EVENTS)))
    rec = Recorder(RSYNCD_EVENTS)
    t = at(2, 58, 40) + rng.randint(0, SEC)
    next_pid = 48213
    VER = "3.2.7"
    aborts = [("error in socket IO", 10, "io.c(820)"),
              ("timeout in data send/receive", 30, "io.c(197)"),
              ("error in rsync protocol data stream", 12, "io.c(232)")]
    partial = "some files/attrs were not transferred (see previous errors)"

    def num(n):
        return "{:,}".format(n)

    def backup_file(short):
        part = g.c("part", ["etc", "var", "etc", "home"])
        f = rng.choice(RSYNC_FILES[part])
        if "%s" in f:
            f = f % rng.randint(100, 999)
        return "hosts/%s/%s" % (short, f)

    def project_file(proj):
        f = rng.choice(RSYNC_PROJECTS[proj])
        if "%s" in f:
            f = f % rng.randint(1, 60)
        return "%s/%s" % (proj, f)

    for _n in range(160):
        t += g.gap(24)
        pid = next_pid
        next_pid += rng.randint(1, 29)
        host, ip = g.c("client", RSYNC_CLIENTS)
        tt = t
        if g.deck("lookup", [True] + [False] * 9):
            ip = "%s.%d" % (g.c("extnet", ["198.51.100", "203.0.113", "192.0.2"]),
                            rng.randint(2, 250))
            host = "UNKNOWN"
            rec(tt, pid, E[1], [ip, g.c("lookup", ["Name or service not known",
                                                     "Temporary failure in name resolution"])])
            tt += rng.randint(MS, 40 * MS)
        rec(tt, pid, E[0], [host, ip])
        tt += rng.randint(5 * MS, 90 * MS)
        kind = g.deck("kind", ["unknown", "denied", "authfail", "anon", "anon",
                               "push-backup", "push-backup", "push-backup",
                               "pull-projects", "pull-projects", "push-projects",
                               "pull-backup"])
        if host == "UNKNOWN" and kind not in ("unknown", "denied", "anon"):
            kind = g.c("unkkind", ["denied", "unknown", "anon"])
        if kind == "unknown":
            rec(tt, pid, E[2], [g.c("badmod", ["backups", "www", "root", "Backup", "data", "home2"]),
                                host, ip])
            continue
        if kind == "denied":
            rec(tt, pid, E[4], [g.c("denymod", ["backup", "projects"]), host, ip])
            continue
        authfail = kind == "authfail"
        if authfail:
            kind = g.c("authkind", ["push-backup", "pull-projects"])
        if kind == "anon":
            path = g.c("pub", RSYNC_PUB)
            rec(tt, pid, E[6], [path, host, ip])
            tt += rng.randint(10 * MS, 400 * MS)
            rec(tt, pid, E[8], [])
            tt += g.span(0.5, 120)
            sent = g.lognorm(18, 2.0)
            rec(tt, pid, E[14], [num(sent), num(rng.randint(40, 4000)),
                                 num(sent + g.lognorm(20, 1.0))])
            continue
        direction, module = kind.split("-")
        short = host.split(".")[0]
        if module == "backup":
            user = g.c("bkuser", ["svc-backup", "bkp-agent"])
            path = "backup/hosts/%s/" % short
            pick = lambda: backup_file(short)
        else:
            proj = g.c("proj", sorted(RSYNC_PROJECTS))
            user = g.c("projuser", ["hannah", "oskar", "priya", "dmitri", "jwu"])
            path = "projects/%s/" % proj
            pick = lambda: project_file(proj)
        if authfail:
            rec(tt, pid, E[3], [module, host, ip,
                                g.c("authwhy", ["password mismatch", "unauthorized user"])])
            continue
        pull = direction == "pull"
        rec(tt, pid, E[5] if pull else E[7], [path, user, host, ip])
        if pull:
            tt += rng.randint(20 * MS, 900 * MS)
            rec(tt, pid, E[8], [])
        nfiles = 1 + int(rng.expovariate(1 / 3.5))
        moved = 0
        for _f in range(nfiles):
            tt += g.span(0.02, 4.0)
            size = g.lognorm(8.5, 2.2)
            moved += size
            rec(tt, pid, E[9] if pull else E[10], [host, ip, module, user, pick(), size])
        err = g.deck("err", ["partial", "partial", "partial", "abort",
                             "ok", "ok", "ok", "ok", "ok", "ok"])
        if err == "partial":
            tt += g.span(0.01, 0.4)
            if pull:
                if module == "projects":
                    missing = g.c("missing", ["old", "build/out", "docs/archive", "vendor", "tmp"])
                else:
                    missing = g.c("bkmissing", ["var/lib/app/state.db-wal", "etc/nginx/conf.d",
                                                "home/deploy/releases/current"])
                rec(tt, pid, E[11], ["/%s%s" % (path[len(module) + 1:], missing), module,
                                     g.c("lsreason", ["No such file or directory (2)",
                                                      "Permission denied (13)"])])
            else:
                rec(tt, pid, E[12], [pick(), module,
                                     g.c("settimes", ["Operation not permitted (1)",
                                                      "No such file or directory (2)"])])
        elif err == "abort":
            tt += g.span(1, 90)
            why = g.c("abort", aborts)
            rec(tt, pid, E[13], [why[0], why[1], why[2],
                                 ("sender=" if pull else "receiver=") + VER])
            continue
        tt += g.span(0.01, 0.5)
        if pull:
            stats = [num(moved + rng.randint(2000, 90000)), num(rng.randint(60, 900))]
        else:
            stats = [num(rng.randint(90, 4000)),
                     num(moved + rng.randint(500, 9000))]
        rec(tt, pid, E[14], stats + [num(moved + g.lognorm(16, 1.5))])
        if err == "partial":
            rec(tt + rng.randint(MS, 5 * MS), pid, E[13],
                [partial, 23, "main.c(1338)", ("sender=" if pull else "generator=") + VER])
    assert max(r[0] for r in rec.recs if r[3] == E[0]) > \
        sorted(r[0] for r in rec.recs)[N_LINES - 1], "simulation too short"

    def header(t, pid):
        return "%s [%d] " % (rsync_stamp(t), pid)
    return merged_lines(rec.recs, header)


# --------------------------------------------------------------------------
# 3. Iscsid (seeded shuffle; iscsid daemon plus kernel iSCSI/SCSI lines)
# --------------------------------------------------------------------------

ISCSI_HOST = "kvm-node07"
ISCSI_PID = 1187
ISCSI_BOOT = at(6, 3, 52) + 418_337_000
ISCSI_TARGETS = [
    ("iqn.2019-08.lan.quarry:stor02.vmstore", "10.40.7.21"),
    ("iqn.2019-08.lan.quarry:stor02.dbvol", "10.40.8.21"),
    ("iqn.2004-04.com.qnap:ts-873a:iscsi.backup01.7c1e2a", "10.40.7.35"),
    ("iqn.2000-01.com.synology:dsm-east.target-1.5d0c3f91aa", "10.40.8.36"),
    ("iqn.2019-08.lan.quarry:stor02.vmstore", "10.40.8.22"),
]
ISCSI_IFACES = ["default", "iface-ens1f0", "iface-ens1f1"]
ISCSI_ERRS = ["1020 - ISCSI_ERR_TCP_CONN_CLOSE: TCP connection closed",
              "1022 - ISCSI_ERR_NOP_TIMEDOUT: A NOP has timed out",
              "1011 - ISCSI_ERR_CONN_FAILED: iSCSI connection failed"]
ISCSI_HEADER_RE = (r"(?P<ts>Mar 14 (?P<hms>\d\d:\d\d:\d\d)) kvm-node07 "
                   r"(?:iscsid\[\d+\]: |kernel: (?:(?P<up>\[ *\d+\.\d{6}\]) )?)")


def _iscsi_jiffies(t):
    up_s = (t - ISCSI_BOOT) / SEC
    return 4294892296 + int(up_s * 250)


def _scsi_dev(g, name):
    i = g.c(name, list(range(6)))
    host = 3 + i
    lun = g.c(name + "lun", [0, 1, 0, 2])
    letter = "abcdefghijklmnop"[1 + i * 2 + (lun % 2)]
    return "%d:0:0:%d" % (host, lun), "sd" + letter


def _iscsi_ping(g, t):
    to = g.c("pto", [5, 15, 10])
    now = _iscsi_jiffies(t)
    return [g.c("sid", [1, 2, 3, 4, 5, 6]), to, to, now - 2 * to * 250, now - to * 250, now]


def _iscsi_blocks(g, t):
    addr, dev = _scsi_dev(g, "dev")
    gib = g.c("gib", [100, 500, 2048, 50, 1024])
    blocks = gib * 1024 * 1024 * 2
    gb = gib * 1024 ** 3 / 1e9

    def sig3(x):
        return "%.0f" % x if x >= 100 else ("%.1f" % x if x >= 10 else "%.2f" % x)
    human = ("%s TB/%s TiB" % (sig3(gb / 1000), sig3(gib / 1024))) if gib >= 1024 \
        else ("%s GB/%s GiB" % (sig3(gb), sig3(gib)))
    return [addr, dev, blocks, human]


ISCSID_EVENTS = [
    ("connection<*>:0: detected conn error (<*>)", "kernel",
     lambda g, t: [g.c("sid", [1, 2, 3, 4, 5, 6]), g.c("code", [1020, 1022, 1020, 1011])], 72),
    ("Kernel reported iSCSI connection <*>:0 error (<*>) state (<*>)", "iscsid",
     lambda g, t: [g.c("sid", [1, 2, 3, 4, 5, 6]), g.c("err", ISCSI_ERRS), g.c("st", [3, 3, 1])], 40),
    ("connection<*>:0 is operational after recovery (<*> attempts)", "iscsid",
     lambda g, t: [g.c("sid", [2, 1, 4, 3, 6, 5]), g.ri(1, 24)], 30),
    ("Connection<*>:0 to [target: <*>, portal: <*>,3260] through [iface: <*>] is operational now", "iscsid",
     lambda g, t: (lambda s, tp: [s, tp[0], tp[1], g.c("if", ISCSI_IFACES)])(
         g.c("sid", [1, 2, 3, 4, 5]), g.c("tp", ISCSI_TARGETS)), 22),
    ("Connection<*>:0 to [target: <*>, portal: <*>,3260] through [iface: <*>] is shutdown.", "iscsid",
     lambda g, t: (lambda s, tp: [s, tp[0], tp[1], g.c("if", ISCSI_IFACES)])(
         g.c("sid", [3, 1, 4, 2, 5]), g.c("tp", ISCSI_TARGETS[::-1])), 9),
    ("connection<*>:0: ping timeout of <*> secs expired, recv timeout <*>, last rx <*>, last ping <*>, now <*>",
     "kernel", _iscsi_ping, 24),
    ("session<*>: session recovery timed out after <*> secs", "kernel",
     lambda g, t: [g.c("sid", [4, 2, 6]), g.c("rto", [120, 15])], 6),
    ("conn 0 login rejected: initiator failed authorization with target", "iscsid",
     lambda g, t: [], 4),
    ("Could not set session<*> priority. READ/WRITE throughout and latency could be affected.", "iscsid",
     lambda g, t: [g.c("sid", [1, 2, 3, 4, 5, 6, 7])], 14),
    ("scsi host<*>: iSCSI Initiator over TCP/IP", "kernel",
     lambda g, t: [g.c("host", [3, 4, 5, 6, 7, 8, 9])], 12),
    ("sd <*>: [<*>] Attached SCSI disk", "kernel",
     lambda g, t: list(_scsi_dev(g, "dev")), 11),
    ("sd <*>: [<*>] <*> 512-byte logical blocks: (<*>)", "kernel", _iscsi_blocks, 10),
    ("sd <*>: [<*>] Synchronizing SCSI cache", "kernel",
     lambda g, t: list(_scsi_dev(g, "dev")), 3),
    ("connect to <*>:3260 failed (<*>)", "iscsid",
     lambda g, t: [g.c("ip", ["10.40.8.21", "10.40.8.22", "10.40.7.35", "10.40.8.36"]),
                   g.c("why", ["No route to host", "Connection refused", "No route to host",
                               "Connection timed out"])], 18),
    ("cannot make a connection to <*>:3260 (-1,<*>)", "iscsid",
     lambda g, t: [g.c("ip", ["10.40.8.22", "10.40.8.21", "10.40.8.36"]), g.c("errno", [113, 111, 110, 113])], 25),
]


def build_iscsid(g):
    def header(g, t, src):
        if src == "kernel":
            return "%s %s kernel: %s " % (syslog_stamp(t), ISCSI_HOST, kernel_stamp(t, ISCSI_BOOT))
        return "%s %s iscsid[%d]: " % (syslog_stamp(t), ISCSI_HOST, ISCSI_PID)
    return shuffled_lines(g, ISCSID_EVENTS, at(8, 12, 5) + g.ri(0, SEC), 19, header)


# --------------------------------------------------------------------------
# 4. Multipathd (seeded shuffle; journal short format)
# --------------------------------------------------------------------------

MP_HOST = "san-host03"
MP_PID = 812
MP_HEADER_RE = (r"(?P<ts>Mar 14 (?P<hms>\d\d:\d\d:\d\d)) san-host03 "
                r"multipathd\[\d+\]: ")


def _sd_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = "abcdefghijklmnopqrstuvwxyz"[r] + s
    return "sd" + s


def _sd_devnum(i):
    if i < 16:
        return "8:%d" % (i * 16)
    return "%d:%d" % (65 + (i - 16) // 16, (i % 16) * 16)


# map name -> (size in sectors, path disk indexes)
MP_MAPS = [
    ("mpatha", 209715200, [1, 2, 9, 10]),
    ("mpathb", 1073741824, [3, 4, 11, 12]),
    ("mpathc", 4294967296, [5, 6, 13, 14]),
    ("mpathd", 104857600, [7, 8, 15, 16]),
    ("mpathe", 2147483648, [17, 18, 19, 20]),
]


def _mp_path(g):
    name, size, paths = g.c("map", MP_MAPS)
    p = g.rng.choice(paths)
    return name, size, paths, p


def _mp_checker(g, t):
    name, _s, _ps, p = _mp_path(g)
    return [name, _sd_name(p), g.c("chk", ["tur", "tur", "directio"])]


def _mp_failed(g, t):
    name, _s, _ps, p = _mp_path(g)
    return [_sd_devnum(p), name]


def _mp_load(g, t):
    name, size, paths, _p = _mp_path(g)
    return [name, size, _sd_devnum(paths[0]), _sd_devnum(paths[1])]


MULTIPATHD_EVENTS = [
    ("<*>: <*> - <*> checker reports path is up", "", _mp_checker, 30),
    ("<*>: <*> - <*> checker reports path is down", "", _mp_checker, 64),
    ("checker failed path <*> in map <*>", "", _mp_failed, 28),
    ("<*>: remaining active paths: <*>", "",
     lambda g, t: [g.c("map", MP_MAPS)[0], g.c("n", [3, 2, 1, 0, 3, 2])], 40),
    ("<*>: reinstated", "", lambda g, t: [_sd_devnum(_mp_path(g)[3])], 26),
    ("<*>: mark as failed", "", lambda g, t: [_sd_devnum(_mp_path(g)[3])], 12),
    ("<*>: add path (uevent)", "", lambda g, t: [_sd_name(_mp_path(g)[3])], 22),
    ("<*>: remove path (uevent)", "", lambda g, t: [_sd_name(_mp_path(g)[3])], 20),
    ("<*>: load table [0 <*> multipath 1 queue_if_no_path 1 alua 2 1 service-time 0 1 1 <*> 1 "
     "service-time 0 1 1 <*> 1]", "", _mp_load, 22),
    ("<*>: Entering recovery mode: max_retries=<*>", "",
     lambda g, t: [g.c("map", MP_MAPS)[0], g.c("mr", [12, 30, 12])], 6),
    ("<*>: Recovered to normal mode", "", lambda g, t: [g.c("map", MP_MAPS)[0]], 5),
    ("<*>: Disable queueing", "", lambda g, t: [g.c("map", MP_MAPS[::-1])[0]], 8),
    ("<*>: switch to path group #<*>", "",
     lambda g, t: [g.c("map", MP_MAPS)[0], g.c("pg", [2, 1, 2])], 10),
    ("<*>: remove map (uevent)", "", lambda g, t: [g.c("map", MP_MAPS[2:])[0]], 4),
    ("<*>: failed to get udev uid: <*>", "",
     lambda g, t: [_sd_name(g.c("dev", [23, 24, 25])), g.c("why", ["Invalid argument",
                                                                  "No such file or directory"])], 3),
]


def build_multipathd(g):
    def header(g, t, src):
        return "%s %s multipathd[%d]: " % (syslog_stamp(t), MP_HOST, MP_PID)
    return shuffled_lines(g, MULTIPATHD_EVENTS, at(13, 2, 44) + g.ri(0, SEC), 16, header)


# --------------------------------------------------------------------------
# 5. Autofs (seeded shuffle; automount daemon via syslog, verbose logging)
# --------------------------------------------------------------------------

AF_HOST = "ws-lab12"
AF_PID = 1034
AF_HEADER_RE = (r"(?P<ts>Mar 14 (?P<hms>\d\d:\d\d:\d\d)) ws-lab12 "
                r"automount\[\d+\]: ")
AF_USERS = ["amartin", "bchen", "cokafor", "dlindqvist", "esato", "fnowak", "gruiz", "hkaur"]
AF_PROJ = ["genomics", "cfd-runs", "thesis-2026", "imaging", "shared-tools"]


def _af_key(g, tag):
    if g.c(tag + "kind", ["home", "proj", "home"]) == "home":
        u = g.c(tag + "u", AF_USERS)
        return "/home/" + u, "nfs01.quarry.lan:/export/home/" + u
    p = g.c(tag + "p", AF_PROJ)
    return "/proj/" + p, g.c(tag + "srv", ["nfs02.quarry.lan", "nfs03.quarry.lan"]) + ":/srv/proj/" + p


def _af_mounted(g, t):
    mp, src = _af_key(g, "k")
    return [src, mp]


def _af_failure(g, t):
    mp, src = _af_key(g, "k")
    return [src, mp]


def _af_mountnfs(g, t):
    mp, src = _af_key(g, "k")
    return [g.c("why", [
        "access denied by server while mounting " + src,
        "mounting %s failed, reason given by server: No such file or directory" % src,
        "Connection timed out",
        "requested NFS version or transport protocol is not supported",
    ])]


def _af_master(g, t):
    mp, to = g.c("m", [("/home", 300), ("/proj", 600), ("/net", 300), ("/misc", 60)])
    return [mp, to, to // 4]


def _af_direct(g, t):
    mp, to = g.c("m", [("/opt/tools", 900), ("/scratch/shared", 300), ("/opt/licenses", 600)])
    return [mp, to, to // 4]


AUTOFS_EVENTS = [
    ("attempting to mount entry <*>", "", lambda g, t: [_af_key(g, "k")[0]], 68),
    ("mount_mount: mount(nfs): mounted <*> on <*>", "", _af_mounted, 52),
    ("expiring path <*>", "", lambda g, t: [_af_key(g, "k")[0]], 44),
    ("expired <*>", "", lambda g, t: [_af_key(g, "k")[0]], 42),
    ('key "<*>" not found in map source(s).', "",
     lambda g, t: [g.c("key", [".git", "HEAD", "lib64", ".directory", "autorun.inf",
                               "favicon.ico", "tmp", "hooks"])], 22),
    ("failed to mount <*>", "", lambda g, t: [_af_key(g, "k")[0]], 14),
    ("mount(nfs): nfs: mount failure <*> on <*>", "", _af_failure, 12),
    (">> mount.nfs: <*>", "", _af_mountnfs, 10),
    ("mounted indirect on <*> with timeout <*>, freq <*> seconds", "", _af_master, 8),
    ("mounted direct on <*> with timeout <*>, freq <*> seconds", "", _af_direct, 6),
    ("umounted indirect mount <*>", "",
     lambda g, t: [g.c("m", ["/home", "/proj", "/net", "/misc"])], 6),
    ("re-reading map for <*>", "",
     lambda g, t: [g.c("m", ["/home", "/proj", "/opt/tools", "/net"])], 5),
    ("bind_ldap_simple: lookup(ldap): Unable to bind to the LDAP server: <*>, error <*>", "",
     lambda g, t: [g.c("srv", ["(default)", "ldap://ldap01.quarry.lan"]),
                   g.c("err", ["Can't contact LDAP server", "Invalid credentials"])], 3),
    ("mount_mount: mount(nfs): no hosts available", "", lambda g, t: [], 4),
    ("umount_autofs_indirect: ask umount returned busy <*>", "",
     lambda g, t: [g.c("m", ["/home", "/proj"])], 4),
]


def build_autofs(g):
    def header(g, t, src):
        return "%s %s automount[%d]: " % (syslog_stamp(t), AF_HOST, AF_PID)
    return shuffled_lines(g, AUTOFS_EVENTS, at(9, 30, 2) + g.ri(0, SEC), 23, header)


# --------------------------------------------------------------------------
# 6. NfsServer (seeded shuffle; kernel nfsd/sunrpc plus rpc.mountd)
# --------------------------------------------------------------------------

NFS_HOST = "nfs01"
NFS_BOOT = at(1, 17, 9) - 31_388 * SEC + 552_019_000
NFS_HEADER_RE = (r"(?P<ts>Mar 14 (?P<hms>\d\d:\d\d:\d\d)) nfs01 "
                 r"(?:rpc\.mountd\[\d+\]: |kernel: (?:(?P<up>\[ *\d+\.\d{6}\]) )?)")
NFS_EXPORTS = ["/export/home", "/export/projects", "/srv/nfs/scratch", "/export/vmimages"]
NFS_SUBDIRS = {"/export/home": ["", "/amartin", "/bchen", "/gruiz"],
               "/export/projects": ["", "/genomics", "/cfd-runs"],
               "/srv/nfs/scratch": [""], "/export/vmimages": ["", "/templates"]}


def _nfs_ip(g):
    return "10.30.%d.%d" % (g.c("net", [4, 4, 5, 6]), g.ri(10, 240))


def _nfs_req(g, t):
    ex = g.c("ex", NFS_EXPORTS)
    sub = g.rng.choice(NFS_SUBDIRS[ex])
    return [_nfs_ip(g), g.ri(600, 1023), ex + sub, ex]


def _nfs_refused(g, t):
    ip = g.c("ip", ["172.16.9.14", "10.30.4.77", "192.168.50.3", "10.30.7.201"])
    path, root, why = g.c("case", [
        ("/export/home", "/", "not exported"),
        ("/export/projects/cfd-runs", "/export/projects", "unmatched host"),
        ("/srv/nfs/scratch", "/srv/nfs/scratch", "illegal port %d" % (40000 + g.ri(0, 25000))),
        ("/export/backup", "/", "not exported"),
    ])
    return [ip, path, root, why]


NFSSERVER_EVENTS = [
    ("authenticated mount request from <*>:<*> for <*> (<*>)", "mountd", _nfs_req, 78),
    ("authenticated unmount request from <*>:<*> for <*> (<*>)", "mountd", _nfs_req, 44),
    ("refused mount request from <*> for <*> (<*>): <*>", "mountd", _nfs_refused, 18),
    ("<*> client attached: <*> from \"<*>\"", "mountd",
     lambda g, t: [g.c("v", ["v4.2", "v4.1", "v4.2", "v4.0"]), "0x" + g.hex(16), _nfs_ip(g)], 34),
    ("<*> client detached: <*> from \"<*>\"", "mountd",
     lambda g, t: [g.c("v", ["v4.2", "v4.2", "v4.1"]), "0x" + g.hex(16), _nfs_ip(g)], 30),
    ("NFSD: starting 90-second grace period (net <*>)", "kernel",
     lambda g, t: [g.c("net", ["f0000000", "f00000a8"])], 3),
    ("nfsd: last server has exited, flushing export cache", "kernel", lambda g, t: [], 4),
    ("NFSD: Using nfsdcld client tracking operations.", "kernel", lambda g, t: [], 3),
    ("nfsd: peername failed (err <*>)!", "kernel", lambda g, t: [g.c("err", [107, 22, 107])], 12),
    ("RPC: fragment too large: <*>", "kernel",
     lambda g, t: [g.c("len", [1195725856, 1347375956, 369295616, 50331648, 1195725856])], 20),
    ("svc: <*>, port=<*>: unknown version (<*> for prog <*>, <*>)", "kernel",
     lambda g, t: (lambda pr: [_nfs_ip(g), g.ri(600, 1023), g.c("ver", [5, 1, 4]), pr[0], pr[1]])(
         g.c("prog", [(100003, "nfsd"), (100227, "nfsacl")])), 9),
    ("NFSD: client <*> testing state ID with incorrect client ID", "kernel",
     lambda g, t: [_nfs_ip(g)], 14),
    ("lockd: cannot monitor <*>", "kernel",
     lambda g, t: [g.c("h", ["10.30.5.61", "ws-lab12.quarry.lan", "10.30.4.18", "hpc-login2"])], 16),
    ("Caught signal 15, un-registering and exiting.", "mountd", lambda g, t: [], 5),
    ("NFSD: Unable to end grace period: <*>", "kernel", lambda g, t: [g.c("e", [-110, -5])], 10),
]


def build_nfsserver(g):
    def header(g, t, src):
        if src == "kernel":
            return "%s %s kernel: %s " % (syslog_stamp(t), NFS_HOST, kernel_stamp(t, NFS_BOOT))
        return "%s %s rpc.mountd[%d]: " % (syslog_stamp(t), NFS_HOST, 1201)

    lines = shuffled_lines(g, NFSSERVER_EVENTS, at(10, 48, 31) + g.ri(0, SEC), 21, header)
    # rpc.mountd comes back with a new pid after each "Caught signal 15"
    out = []
    pid = 1201
    for t, h, content, ei in lines:
        if h.find("rpc.mountd[") >= 0:
            h = re.sub(r"rpc\.mountd\[\d+\]", "rpc.mountd[%d]" % pid, h)
            if content.startswith("Caught signal 15"):
                pid += g.ri(300, 4000)
        out.append((t, h, content, ei))
    return out


# --------------------------------------------------------------------------
# registry
# --------------------------------------------------------------------------

SYSTEMS = [
    # name, k, kind, events (template first), header regex, builder
    ("Guacd", 1, "simulation", GUACD_EVENTS, GUACD_HEADER_RE, build_guacd),
    ("Rsyncd", 2, "simulation", RSYNCD_EVENTS, RSYNCD_HEADER_RE, build_rsyncd),
    ("Iscsid", 3, "shuffle", ISCSID_EVENTS, ISCSI_HEADER_RE, build_iscsid),
    ("Multipathd", 4, "shuffle", MULTIPATHD_EVENTS, MP_HEADER_RE, build_multipathd),
    ("Autofs", 5, "shuffle", AUTOFS_EVENTS, AF_HEADER_RE, build_autofs),
    ("NfsServer", 6, "shuffle", NFSSERVER_EVENTS, NFS_HEADER_RE, build_nfsserver),
]


def write_system(name, k, events, builder):
    g = Gen(k)
    lines = builder(g)
    assert len(lines) == N_LINES
    d = os.path.join(OUT_DIR, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        for _t, header, content, _ei in lines:
            f.write(header + content + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8",
              newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_t, _h, content, ei) in enumerate(lines, 1):
            w.writerow([i, content, "E%d" % (ei + 1), events[ei][0]])


# --------------------------------------------------------------------------
# self-check
# --------------------------------------------------------------------------

def template_regex(tmpl):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in tmpl.split("<*>")) + "$")


def check_system(name, events, header_re):
    d = os.path.join(OUT_DIR, name)
    problems = []

    def req(cond, msg):
        if not cond:
            problems.append(msg)

    raw = {}
    for fn in (name + ".log", name + ".log_structured.csv"):
        with open(os.path.join(d, fn), "rb") as f:
            data = f.read()
        req(data.endswith(b"\n"), fn + ": no final newline")
        req(b"\r" not in data, fn + ": contains \\r")
        raw[fn] = data.decode("utf-8")
    lines = raw[name + ".log"].split("\n")[:-1]
    req(len(lines) == N_LINES, "log has %d lines" % len(lines))
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    req(rows and rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], "bad csv header")
    rows = rows[1:]
    req(len(rows) == N_LINES, "csv has %d rows" % len(rows))
    hre = re.compile(header_re)
    prev_ts, prev_up = -1, -1.0
    tmpl_of = {}
    caps = defaultdict(lambda: defaultdict(set))
    counts = Counter()
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            req(False, "row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tmpl = row
        req(lid == str(i), "LineId %s at row %d" % (lid, i))
        req(content != "" and content == content.strip(), "row %d: content not stripped" % i)
        req(line.endswith(content), "line %d does not end with its Content" % i)
        header = line[:len(line) - len(content)]
        m = hre.fullmatch(header)
        req(m is not None, "line %d header %r does not match" % (i, header))
        if m:
            hh, mm, ss = (int(x) for x in m.group("hms").split(":"))
            ts = hh * 3600 + mm * 60 + ss
            req(ts >= prev_ts, "line %d: time goes back" % i)
            prev_ts = ts
            up = m.groupdict().get("up")
            if up:
                upv = float(up.strip("[] "))
                req(upv >= prev_up, "line %d: kernel uptime goes back" % i)
                prev_up = upv
        req(re.fullmatch(r"E\d+", eid) is not None, "bad EventId %r" % eid)
        if eid in tmpl_of:
            req(tmpl_of[eid] == tmpl, "EventId %s has two templates" % eid)
        tmpl_of[eid] = tmpl
        mt = template_regex(tmpl).match(content)
        req(mt is not None, "line %d: template %r does not match %r" % (i, tmpl, content))
        if mt:
            for j, v in enumerate(mt.groups()):
                caps[eid][j].add(v)
        counts[eid] += 1
    req(len(set(tmpl_of.values())) == len(tmpl_of), "templates not distinct")
    declared = ["E%d" % (i + 1) for i in range(len(events))]
    req(sorted(tmpl_of) == sorted(declared), "not all declared events used")
    for i, ev in enumerate(events):
        req(tmpl_of.get("E%d" % (i + 1)) == ev[0], "E%d template differs from declaration" % (i + 1))
        ns = ev[0].count("<*>")
        for j in range(ns):
            vals = caps["E%d" % (i + 1)][j]
            req(len(vals) >= 2, "E%d slot %d has only %r" % (i + 1, j + 1, sorted(vals)))
    cs = [counts[e] for e in declared]
    req(12 <= len(cs) <= 15, "%d event types" % len(cs))
    req(min(cs) >= 3, "an event has fewer than 3 lines: %r" % cs)
    req(sum(1 for c in cs if 3 <= c <= 10) >= 3, "fewer than 3 events with 3-10 lines: %r" % cs)
    med = statistics.median(cs)
    req(max(cs) >= 3 * med, "largest %d < 3 x median %s" % (max(cs), med))
    return problems, cs, med, lines


def main():
    for name, k, _kind, events, _hre, builder in SYSTEMS:
        write_system(name, k, events, builder)
    failed = False
    print("Round 34 corpus, base seed %d" % BASE_SEED)
    for name, k, kind, events, hre, _b in SYSTEMS:
        problems, cs, med, lines = check_system(name, events, hre)
        stamp = re.compile(hre)
        first = stamp.match(lines[0]).group("ts") if lines else "?"
        last = stamp.match(lines[-1]).group("ts") if lines else "?"
        status = "OK" if not problems else "FAIL"
        print("%-10s k=%d %-10s %d lines, %d events, largest %d, median %s, span %s .. %s  %s"
              % (name, k, kind, len(lines), len(cs), max(cs), med, first, last, status))
        print("           counts: " + " ".join("E%d=%d" % (i + 1, c) for i, c in enumerate(cs)))
        for p in problems:
            failed = True
            print("           PROBLEM: " + p)
    if failed:
        print("self-check FAILED")
        sys.exit(1)
    print("self-check passed")


if __name__ == "__main__":
    main()
