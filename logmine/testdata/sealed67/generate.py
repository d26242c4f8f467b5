#!/usr/bin/env python3
"""Generate the Sealed 67 blind labelled log corpus (six security scanners).

Python 3 standard library only and fully deterministic: no wall clock, no
locale (month and weekday names come from fixed lists).  Every message is
invented in the style of its program; hosts, addresses, ids and users are
made up.

Run:  python3 generate.py
It writes <System>/<System>.log, <System>/<System>.log_structured.csv and
README.md next to this file, then re-reads the files and self-checks them.
"""
import csv
import datetime
import os
import random
import re
import statistics
import sys

SEED = 20270195
N_LINES = 300
OUT_DIR = os.path.dirname(os.path.abspath(__file__))

NS = 1_000_000_000
MS = 1_000_000
DAY_NS = 86400 * NS
DAY0 = datetime.date(2026, 3, 14).toordinal()  # clock origin: 2026-03-14 00:00:00 UTC
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


# ---------------------------------------------------------------- clock ----
def civil(t):
    """Integer ns since 2026-03-14 00:00:00 UTC -> calendar parts."""
    days, rem = divmod(t, DAY_NS)
    d = datetime.date.fromordinal(DAY0 + days)
    secs, frac = divmod(rem, NS)
    hh, rem2 = divmod(secs, 3600)
    mm, ss = divmod(rem2, 60)
    return d.year, d.month, d.day, d.weekday(), hh, mm, ss, frac


def iso(t):
    y, mo, d, _, hh, mm, ss, _ = civil(t)
    return "%04d-%02d-%02d %02d:%02d:%02d" % (y, mo, d, hh, mm, ss)


def hms(t):
    _, _, _, _, hh, mm, ss, _ = civil(t)
    return "%02d:%02d:%02d" % (hh, mm, ss)


def ctime(t):
    y, mo, d, wd, hh, mm, ss, _ = civil(t)
    return "%s %s %2d %02d:%02d:%02d %04d" % (WEEKDAYS[wd], MONTHS[mo - 1], d, hh, mm, ss, y)


def compact_minute(t):
    y, mo, d, _, hh, mm, _, _ = civil(t)
    return "%04d%02d%02d%02d%02d" % (y, mo, d, hh, mm)


def secs2(ns):
    """ns -> seconds with two decimals, integer arithmetic only."""
    return "%d.%02d" % (ns // NS, (ns % NS) // (10 * MS))


def secs1(ns):
    return "%d.%d" % (ns // NS, (ns % NS) // (100 * MS))


def clock_dur(ns):
    s = ns // NS
    return "%02d:%02d:%02d" % (s // 3600, (s // 60) % 60, s % 60)


def go_dur(ns):
    """Go time.Duration.String() for durations of at least one second."""
    total, frac = divmod(ns, NS)
    h, rem = divmod(total, 3600)
    m, s = divmod(rem, 60)
    fs = ("%09d" % frac).rstrip("0")
    sec = ("%d.%ss" % (s, fs)) if fs else ("%ds" % s)
    if h:
        return "%dh%dm%s" % (h, m, sec)
    if m:
        return "%dm%s" % (m, sec)
    return sec


# --------------------------------------------------------------- values ----
def hexs(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def uuid4(r):
    h = hexs(r, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:])


def mac(r):
    return "-".join(hexs(r, 2) for _ in range(6))


# ----------------------------------------------------------------- base ----
class System:
    name = ""
    k = 0
    kind = ""          # "simulation" or "shuffle"
    entities = ""      # what the simulated entities are
    header_re = ""
    fmt_desc = ""
    content_desc = ""
    events = []        # (key, template) in EventId order
    counts = {}        # shuffles only: fixed count per event

    def __init__(self):
        self.rng = random.Random(SEED * 10 + self.k)
        self.tpl = {}
        self.eid = {}
        for i, (key, tpl) in enumerate(self.events, 1):
            assert key not in self.tpl, key
            self.tpl[key] = tpl
            self.eid[key] = "E%d" % i
        self._cyc = {}
        self.recs = []

    # slots drawn from small pools cycle through the pool per (event, slot)
    def cyc(self, ev, slot, pool):
        st = self._cyc.get((ev, slot))
        if st is None:
            st = self.rng.randrange(len(pool))
        self._cyc[(ev, slot)] = st + 1
        return pool[st % len(pool)]

    def fill(self, key, vals):
        parts = self.tpl[key].split("<*>")
        assert len(parts) == len(vals) + 1, (self.name, key, vals)
        out = [parts[0]]
        for v, p in zip(vals, parts[1:]):
            v = str(v)
            assert v and "\n" not in v and "\r" not in v, (key, v)
            out.append(v)
            out.append(p)
        return "".join(out)

    def emit(self, t, header, key, *vals):
        self.recs.append((t, len(self.recs), header, key, self.fill(key, vals)))

    def gap(self, mean_ns):
        return 1 + int(self.rng.expovariate(1.0 / mean_ns))

    def shuffle_build(self, t0, mean_gap):
        plan = []
        for key, _ in self.events:
            plan += [key] * self.counts[key]
        assert len(plan) == N_LINES, (self.name, len(plan))
        self.rng.shuffle(plan)
        t = t0
        for key in plan:
            t += self.gap(mean_gap)
            header, vals = self.make(key, t)
            self.emit(t, header, key, *vals)

    def build(self):
        raise NotImplementedError

    def ts_key(self, header, content):
        return None

    def lines(self):
        self.build()
        recs = sorted(self.recs, key=lambda x: (x[0], x[1]))[:N_LINES]
        assert len(recs) == N_LINES, (self.name, len(recs))
        return [(h + c, c, key) for (_, _, h, key, c) in recs]


# ============================================================ 1 OpenVAS ====
class Openvas(System):
    name = "Openvas"
    k = 1
    kind = "simulation"
    entities = ("scan tasks (gvmd task state machine, one openvas scan process, one forked "
                "process per target host and per plugin), GMP logins and gvmd feed/scanner housekeeping")
    header_re = (r"(?:sd   main|md manage|event task|lib  misc):(?:MESSAGE|WARNING|   INFO):"
                 r"\d{4}-\d{2}-\d{2} \d{2}h\d{2}\.\d{2} UTC:\d+: ")
    fmt_desc = "`domain:LEVEL:YYYY-MM-DD HHhMM.SS UTC:pid: message` (gvm-libs prepend)"
    content_desc = "everything after `pid: `"
    events = [
        ("task_status", "Status of task <*> (<*>) has changed to <*>"),
        ("task_req_start", "Task <*> (<*>) has been requested to start by <*>"),
        ("task_req_stop", "Task <*> (<*>) has been requested to stop by <*>"),
        ("scan_start", "Vulnerability scan <*> started: Target has <*> hosts: <*>, "
                       "with max_hosts = <*> and max_checks = <*>"),
        ("alive_done", "Alive scan <*> finished in <*> seconds: <*> alive hosts of <*>."),
        ("host_start", "Vulnerability scan <*> started for host: <*>"),
        ("host_done", "Vulnerability scan <*> finished for host <*> in <*> seconds"),
        ("scan_done", "Vulnerability scan <*> finished in <*> seconds: <*> alive hosts of <*>"),
        ("sock_timeout", "[<*>](<*>) open_sock_tcp: <*>:<*> time-out."),
        ("sock_closed", "[<*>](<*>) open_sock_tcp: <*>:<*> too many timeouts. "
                        "This port will be set to closed."),
        ("auth_ok", "Authentication success for '<*>' from <*>"),
        ("auth_fail", "Authentication failure for '<*>' from <*>"),
        ("scanner_down", "Could not connect to Scanner at <*>"),
        ("vt_diff", "OSP service has different VT status (version <*>) from database "
                    "(version <*>, <*> VTs). Starting update ..."),
        ("vt_done", "Updating VTs in database ... done (<*> VTs)."),
    ]
    DOM = {
        "task_status": ("event task", "MESSAGE"),
        "task_req_start": ("event task", "MESSAGE"),
        "task_req_stop": ("event task", "MESSAGE"),
        "scan_start": ("sd   main", "MESSAGE"),
        "alive_done": ("sd   main", "MESSAGE"),
        "host_start": ("sd   main", "MESSAGE"),
        "host_done": ("sd   main", "MESSAGE"),
        "scan_done": ("sd   main", "MESSAGE"),
        "sock_timeout": ("lib  misc", "MESSAGE"),
        "sock_closed": ("lib  misc", "WARNING"),
        "auth_ok": ("md manage", "MESSAGE"),
        "auth_fail": ("md manage", "WARNING"),
        "scanner_down": ("md manage", "WARNING"),
        "vt_diff": ("md manage", "   INFO"),
        "vt_done": ("md manage", "   INFO"),
    }
    USERS = ["admin", "jmeyer", "secops", "k.tanaka", "avasquez", "scan-svc"]
    NAMES = ["Weekly DMZ full and fast", "PCI internal segment", "Branch office 12",
             "Datacenter core switches", "Web farm quarterly", "Lab discovery",
             "Printers and IoT", "VPN concentrators", "HR subnet audit",
             "Staging Kubernetes nodes", "Mail relays", "Finance workstations",
             "OT gateway check", "Guest wifi sweep", "Backup servers", "Jump hosts"]
    ANALYST_IPS = ["10.10.5.21", "10.10.5.37", "10.10.6.4", "172.20.1.15", "127.0.0.1", "10.10.5.102"]
    SUBNETS = ["10.0.3", "10.0.12", "192.168.40", "172.16.8", "10.44.1", "192.168.101", "10.2.200"]
    PORTS = [443, 8443, 22, 3389, 5432, 8080, 445, 25, 3306, 9100, 161, 5985]
    SCANNERS = ["/run/ospd/ospd-openvas.sock", "10.20.0.15:9390", "/var/run/ospd/ospd.sock"]
    BAD_USERS = ["root", "test", "administrator", "admin", "gvm", "guest"]

    def newpid(self):
        self.pid += self.rng.randint(1, 37)
        if self.pid > 99000:
            self.pid = 3000 + self.rng.randrange(500)
        return self.pid

    def ev(self, t, key, pid, *vals):
        dom, lvl = self.DOM[key]
        y, mo, d, _, hh, mm, ss, _ = civil(t)
        hdr = "%s:%s:%04d-%02d-%02d %02dh%02d.%02d UTC:%d: " % (dom, lvl, y, mo, d, hh, mm, ss, pid)
        self.emit(t, hdr, key, *vals)

    def ts_key(self, header, content):
        m = re.search(r"(\d{4}-\d{2}-\d{2}) (\d{2})h(\d{2})\.(\d{2}) UTC", header)
        return m.groups()

    def build(self):
        r = self.rng
        self.pid = 3100 + r.randrange(500)
        t0 = 8 * 3600 * NS + r.randrange(900) * NS
        t = t0
        for i in range(20):
            t += self.gap(13 * 60 * NS)
            self.task(t, i)
        times = sorted(x[0] for x in self.recs)
        self.background(t0, times[230])
        self.renumber_pids()

    def renumber_pids(self):
        """Processes fork in time order: renumber pids by first appearance."""
        r = self.rng
        first = {}
        for (t, o, h, key, c) in self.recs:
            p = int(re.search(r":(\d+): $", h).group(1))
            first[p] = min(first.get(p, t), t)
        new = {}
        cur = 3100 + r.randrange(400)
        for p in sorted(first, key=lambda q: (first[q], q)):
            cur += r.randint(1, 29)
            new[p] = cur
        out = []
        for (t, o, h, key, c) in self.recs:
            h = re.sub(r":(\d+): $", lambda m: ":%d: " % new[int(m.group(1))], h)
            if key in ("sock_timeout", "sock_closed"):
                c = re.sub(r"^\[(\d+)\]", lambda m: "[%d]" % new[int(m.group(1))], c)
            out.append((t, o, h, key, c))
        self.recs = out

    def task(self, t0, i):
        r = self.rng
        name = self.cyc("task", "name", self.NAMES)
        tid = uuid4(r)
        user = self.cyc("task", "user", self.USERS)
        gmp_pid = self.newpid()
        self.ev(t0 - r.randint(2, 90) * NS - r.randrange(NS), "auth_ok", gmp_pid,
                user, self.cyc("auth_ok", "ip", self.ANALYST_IPS))
        self.ev(t0, "task_req_start", gmp_pid, name, tid, user)
        t = t0 + r.randint(3, 40) * MS
        self.ev(t, "task_status", gmp_pid, name, tid, "Requested")
        hpid = self.newpid()
        t += r.randint(800, 4000) * MS
        self.ev(t, "task_status", hpid, name, tid, "Queued")
        t += r.randint(1500, 9000) * MS
        self.ev(t, "task_status", hpid, name, tid, "Running")

        spid = self.newpid()
        scan = uuid4(r)
        net = self.cyc("task", "subnet", self.SUBNETS)
        n = self.cyc("task", "nhosts", [1, 3, 5, 2, 6, 4, 8, 3])
        first = r.randint(2, 240 - n)
        ips = ["%s.%d" % (net, first + j) for j in range(n)]
        target = ", ".join(ips) if n <= 3 else "%s-%s" % (ips[0], ips[-1])
        ts = t + r.randint(900, 3500) * MS
        sev = [(ts, "scan_start", spid,
                (scan, n, target, self.cyc("scan_start", "max_hosts", [20, 10, 30]),
                 self.cyc("scan_start", "max_checks", [4, 5, 8])))]
        alive = [h for h in ips if r.random() < 0.82] or [ips[-1]]
        ta = ts + r.randint(2000, 15000) * MS
        sev.append((ta, "alive_done", spid, (scan, (ta - ts) // NS, len(alive), n)))
        ends = []
        th = ts + r.randint(500, 3000) * MS
        for h in alive:
            th += r.randint(200, 6000) * MS
            hp = self.newpid()
            dur = 40 * NS + self.gap(7 * 60 * NS)
            he = th + dur
            sev.append((th, "host_start", hp, (scan, h)))
            for _ in range(self.cyc("sock", "n", [0, 1, 2, 1, 3, 1, 2, 4])):
                tt = th + r.randrange(dur)
                port = self.cyc("sock", "port", self.PORTS)
                pp = self.newpid()
                oid = "1.3.6.1.4.1.25623.1.0.%d" % r.randint(10000, 152999)
                sev.append((tt, "sock_timeout", pp, (hp, oid, h, port)))
                if r.random() < 0.16:
                    tc = tt + r.randint(2000, 30000) * MS
                    if tc < he:
                        sev.append((tc, "sock_closed", pp, (hp, oid, h, port)))
            sev.append((he, "host_done", hp, (scan, h, secs2(dur))))
            ends.append(he)
        te = max(ends) + r.randint(1000, 6000) * MS
        sev.append((te, "scan_done", spid, (scan, (te - ts) // NS, len(alive), n)))
        if i % 3 == 1:
            tstop = ts + (te - ts) * r.randint(30, 70) // 100
            sev = [e for e in sev if e[0] < tstop]
            p2 = self.newpid()
            self.ev(tstop, "task_req_stop", p2, name, tid, self.cyc("task_req_stop", "user", self.USERS))
            self.ev(tstop + r.randint(5, 50) * MS, "task_status", p2, name, tid, "Stop Requested")
            self.ev(tstop + r.randint(2000, 20000) * MS, "task_status", hpid, name, tid, "Stopped")
        else:
            self.ev(te + r.randint(500, 5000) * MS, "task_status", hpid, name, tid, "Done")
        for (tt, key, pid, vals) in sev:
            self.ev(tt, key, pid, *vals)

    def background(self, t0, t1):
        r = self.rng
        span = t1 - t0
        count = 93000 + r.randint(0, 4000)
        prev = compact_minute(t0 - r.randint(10, 20) * 3600 * NS)
        for j in range(4):
            tv = t0 + span * (2 * j + 1) // 8 + r.randint(-300, 300) * NS
            ver = compact_minute(tv - r.randint(20, 50) * 60 * NS)
            pid = self.newpid()
            self.ev(tv, "vt_diff", pid, ver, prev, count)
            count += r.randint(3, 180)
            self.ev(tv + r.randint(20, 150) * NS + r.randrange(NS), "vt_done", pid, count)
            prev = ver
        for j in range(4):
            self.ev(t0 + r.randrange(span), "scanner_down", self.newpid(),
                    self.cyc("scanner_down", "addr", self.SCANNERS))
        for j in range(6):
            ip = "%s.%d" % (r.choice(["10.10.5", "10.10.9", "192.168.77", "172.20.1"]), r.randint(2, 250))
            self.ev(t0 + r.randrange(span), "auth_fail", self.newpid(),
                    self.cyc("auth_fail", "user", self.BAD_USERS), ip)
        for j in range(7):
            self.ev(t0 + r.randrange(span), "auth_ok", self.newpid(),
                    self.cyc("auth_ok", "user", self.USERS), self.cyc("auth_ok", "ip", self.ANALYST_IPS))


# ============================================================ 2 Nessusd ====
class Nessusd(System):
    name = "Nessusd"
    k = 2
    kind = "simulation"
    entities = "scans (each with its own thread) and their target hosts (one thread per host), UI logins/logouts and plugin reloads"
    header_re = (r"\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                 r"[ \d]\d \d{2}:\d{2}:\d{2} \d{4}\]\[\d+\.\d+\]"
                 r"(?: |\[user=[^\]]+\]\[name=[^\]]+\]\[scan=[0-9a-f-]+\](?:\[target=[^\]]+\])? : )")
    fmt_desc = ("`[Www Mmm dd HH:MM:SS YYYY][pid.thread]` then, for scan lines, "
                "`[user=..][name=..][scan=..]`, `[target=..]` for host lines, and ` : `")
    content_desc = "everything after the bracket groups (and the ` : ` separator)"
    events = [
        ("login", "User '<*>' logged in from <*>"),
        ("logout", "User '<*>' logged out from <*>"),
        ("plugins", "Finished loading <*> plugins (took <*>)"),
        ("scan_start", "Starting scan of <*> target(s) with policy '<*>' (max_hosts=<*>, max_checks=<*>)"),
        ("scan_stop", "Scan stopped by '<*>'"),
        ("scan_done", "Scan finished: <*> host(s) scanned in <*>"),
        ("testing", "testing <*> (<*>)"),
        ("portscan", "Port scan finished: <*> open TCP port(s) found in <*>"),
        ("ssh_ok", "SSH login as '<*>' succeeded (port <*>)"),
        ("ssh_fail", "SSH login as '<*>' failed (port <*>): <*>"),
        ("slow", "<*> (pid <*>) is slow to finish - killing it"),
        ("dead", "The remote host <*> appears to be dead (<*>)"),
        ("host_done", "Finished testing <*>. Time : <*> secs"),
    ]
    USERS = ["admin", "mrossi", "vulnmgmt", "l.okafor", "nessus-api"]
    SCAN_NAMES = ["Weekly Internal", "DMZ Credentialed", "PCI ASV prep", "New Servers", "Lab Sweep",
                  "Finance VLAN", "Monthly Patch Audit", "Remote Sites"]
    POLICIES = ["Basic Network Scan", "Advanced Scan", "Credentialed Patch Audit",
                "Web Application Tests", "Internal PCI Network Scan"]
    UI_IPS = ["10.50.1.12", "10.50.1.40", "192.168.5.23", "10.50.2.7"]
    NETS = ["10.1.4", "10.1.9", "10.30.0", "192.168.20", "172.17.44", "10.77.3"]
    ROLES = ["web", "db", "app", "dc", "file", "mail", "print", "esx", "build", "proxy"]
    DOMAINS = ["corp.internal", "dmz.internal", "lab.internal", "branch.internal"]
    DEAD = ["no reply to ICMP echo, TCP SYN on ports 22,80,139,443,3389",
            "ARP who-has request timed out",
            "host unreachable",
            "no response to TCP ping on port 445"]
    SSH_USERS = ["nessus", "svc_scan", "root", "audit"]
    SSH_ERR = ["Authentication failed", "Connection timed out",
               "Permission denied (publickey,password)",
               "Received disconnect: Too many authentication failures",
               "host key verification failed"]
    PLUGINS = ["ssl_supported_ciphers.nasl", "webmirror.nasl", "smb_enum_services.nasl",
               "ssh_get_info2.nasl", "http_version.nasl", "snmp_settings.nasl",
               "wmi_enum_qfes.nbin", "find_service2.nasl", "pci_dss_xss.nasl",
               "dcetest.nasl", "ssl_cert_chain.nasl", "smb_hotfixes.nasl"]

    def newtid(self):
        self.tid += 1
        return self.tid

    def hdr(self, t, tid, sc=None, target=None):
        h = "[%s][%d.%d]" % (ctime(t), self.dpid, tid)
        if sc is None:
            return h + " "
        h += "[user=%s][name=%s][scan=%s]" % sc
        if target is not None:
            h += "[target=%s]" % target
        return h + " : "

    def ev(self, t, tid, sc, target, key, *vals):
        self.emit(t, self.hdr(t, tid, sc, target), key, *vals)

    def ts_key(self, header, content):
        m = re.match(r"\[\w+ (\w+) +(\d+) (\d{2}:\d{2}:\d{2}) (\d{4})\]", header)
        return (m.group(4), MONTHS.index(m.group(1)), int(m.group(2)), m.group(3))

    def build(self):
        r = self.rng
        self.dpid = 1834 + r.randrange(300)
        self.tid = 0
        t0 = 7 * 3600 * NS + r.randrange(1800) * NS
        t = t0
        for i in range(16):
            t += self.gap(16 * 60 * NS)
            self.scan(t, i)
        times = sorted(x[0] for x in self.recs)
        self.background(t0, times[230])
        self.renumber_threads()

    def renumber_threads(self):
        """Threads are created in time order: renumber by first appearance (0 = main)."""
        first = {}
        for (t, o, h, key, c) in self.recs:
            q = int(re.search(r"\]\[\d+\.(\d+)\]", h).group(1))
            if q:
                first[q] = min(first.get(q, t), t)
        new = {0: 0}
        for n, q in enumerate(sorted(first, key=lambda x: (first[x], x)), 1):
            new[q] = n
        out = []
        for (t, o, h, key, c) in self.recs:
            h = re.sub(r"\]\[(\d+)\.(\d+)\]",
                       lambda m: "][%s.%d]" % (m.group(1), new[int(m.group(2))]), h, count=1)
            out.append((t, o, h, key, c))
        self.recs = out

    def scan(self, t0, i):
        r = self.rng
        user = self.cyc("scan", "user", self.USERS)
        sc = (user, self.cyc("scan", "name", self.SCAN_NAMES), uuid4(r))
        uip = self.cyc("login", "ip", self.UI_IPS)
        self.ev(t0 - r.randint(20, 400) * NS, self.newtid(), None, None, "login", user, uip)
        self.ev(t0 + r.randint(60, 1500) * NS, self.newtid(), None, None, "logout", user, uip)
        stid = self.newtid()
        n = self.cyc("scan", "n", [4, 6, 3, 8, 5, 2, 7])
        net = self.cyc("scan", "net", self.NETS)
        a = r.randint(2, 150)
        hosts = []
        for _ in range(n):
            hosts.append("%s.%d" % (net, a))
            a += r.randint(1, 9)
        self.ev(t0, stid, sc, None, "scan_start", n,
                self.cyc("scan_start", "policy", self.POLICIES),
                self.cyc("scan_start", "max_hosts", [30, 20, 5]),
                self.cyc("scan_start", "max_checks", [5, 4, 10]))
        evs = []
        ends = []
        th = t0 + r.randint(500, 3000) * MS
        for h in hosts:
            th += r.randint(100, 4000) * MS
            ht = self.newtid()
            rdns = "%s-%02d.%s" % (self.cyc("testing", "role", self.ROLES), r.randint(1, 40),
                                   self.cyc("testing", "dom", self.DOMAINS))
            evs.append((th, ht, h, "testing", (h, rdns)))
            if r.random() < 0.14:
                td = th + r.randint(3, 25) * NS + r.randrange(NS)
                evs.append((td, ht, h, "dead", (h, self.cyc("dead", "why", self.DEAD))))
                ends.append(td)
                continue
            tp = th + 5 * NS + self.gap(40 * NS)
            evs.append((tp, ht, h, "portscan", (r.choice([2, 3, 4, 5, 7, 9, 12, 17, 23]), secs1(tp - th) + "s")))
            if r.random() < 0.7:
                tss = tp + r.randint(1000, 8000) * MS
                su = self.cyc("ssh", "user", self.SSH_USERS)
                port = self.cyc("ssh", "port", [22, 22, 2222, 22, 22022])
                if r.random() < 0.27:
                    evs.append((tss, ht, h, "ssh_fail", (su, port, self.cyc("ssh_fail", "why", self.SSH_ERR))))
                else:
                    evs.append((tss, ht, h, "ssh_ok", (su, port)))
            dur = (tp - th) + 60 * NS + self.gap(9 * 60 * NS)
            he = th + dur
            for _ in range(self.cyc("slow", "n", [1, 3, 0, 2, 4, 2, 1, 3])):
                tk = tp + r.randrange(he - tp)
                evs.append((tk, ht, h, "slow", (r.choice(self.PLUGINS), r.randint(2000, 64000))))
            evs.append((he, ht, h, "host_done", (h, secs2(dur))))
            ends.append(he)
        te = max(ends) + r.randint(1, 10) * NS + r.randrange(NS)
        if i % 3 == 1:
            tstop = t0 + (te - t0) * r.randint(25, 75) // 100
            evs = [e for e in evs if e[0] < tstop]
            self.ev(tstop, stid, sc, None, "scan_stop", self.cyc("scan_stop", "user", self.USERS))
        else:
            self.ev(te, stid, sc, None, "scan_done", n, clock_dur(te - t0))
        for (tt, ht, h, key, vals) in evs:
            self.ev(tt, ht, sc, h, key, *vals)

    def background(self, t0, t1):
        r = self.rng
        span = t1 - t0
        nplug = 201500 + r.randint(0, 3000)
        for j in range(4):
            tv = t0 + span * (2 * j + 1) // 8 + r.randint(-600, 600) * NS
            self.ev(tv, 0, None, None, "plugins", nplug, secs1(25 * NS + self.gap(20 * NS)) + "s")
            nplug += r.randint(5, 240)
        for j in range(3):
            tl = t0 + r.randrange(span)
            u = self.cyc("login", "user", self.USERS)
            ip = self.cyc("login", "ip", self.UI_IPS)
            self.ev(tl, self.newtid(), None, None, "login", u, ip)
            self.ev(tl + r.randint(30, 900) * NS, self.newtid(), None, None, "logout", u, ip)


# ============================================================= 3 Nuclei ====
class Nuclei(System):
    name = "Nuclei"
    k = 3
    kind = "simulation"
    entities = ("scheduled nuclei runs, and inside each run the targets, each worked on concurrently "
                "by its own request stream")
    header_re = r"(?:\[(?:INF|WRN|ERR|VER|DBG)\] )?"
    fmt_desc = "`[INF] message` (label only, no timestamp by default); result lines carry no label"
    content_desc = "everything after the `[LBL] ` label; the whole line for result lines"
    events = [
        ("version", "Current nuclei version: <*> (<*>)"),
        ("tversion", "Current nuclei-templates version: <*> (<*>)"),
        ("unsigned", "Loading <*> unsigned templates for scan. Use with caution."),
        ("targets", "Targets loaded for current scan: <*>"),
        ("templates", "Templates loaded for current scan: <*>"),
        ("clustered", "Templates clustered: <*> (Reduced <*> Requests)"),
        ("interactsh", "Using Interactsh Server: <*>"),
        ("sent", "[<*>] Sent HTTP request to <*>"),
        ("exec_err", "[<*>] Could not execute request for <*>: <*>"),
        ("skipped", "Skipped <*> from target list as found unresponsive <*> times"),
        ("res_http", "[<*>] [http] [<*>] <*>"),
        ("res_matcher", "[<*>:<*>] [http] [info] <*>"),
        ("res_ssl", "[<*>] [ssl] [<*>] <*> [\"<*>\"]"),
        ("res_dns", "[<*>] [dns] [info] <*>"),
        ("completed", "Scan completed in <*>. <*> matches found."),
    ]
    LVL = {"version": "INF", "tversion": "INF", "unsigned": "WRN", "targets": "INF",
           "templates": "INF", "clustered": "INF", "interactsh": "INF", "sent": "VER",
           "exec_err": "WRN", "skipped": "INF", "completed": "INF"}
    HOSTS = ["portal.northwind-labs.example", "api.contoso-retail.example", "staging.fabrikam.example",
             "git.blueyonder-air.example", "shop.tailspin-toys.example", "vpn.woodgrove.example",
             "intranet.litware.example", "status.adatum.example", "cdn.proseware.example",
             "auth.wingtip.example", "jira.fourthcoffee.example", "grafana.margies-travel.example",
             "mail.relecloud.example", "docs.lucerne-pub.example"]
    HTTP = [("git-config", "medium", "/.git/config"),
            ("exposed-env", "high", "/.env"),
            ("CVE-2021-41773", "high", "/cgi-bin/.%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd"),
            ("phpinfo-files", "low", "/phpinfo.php"),
            ("swagger-api", "info", "/swagger-ui/index.html"),
            ("apache-server-status", "low", "/server-status"),
            ("springboot-env", "medium", "/actuator/env"),
            ("graphql-detect", "info", "/graphql"),
            ("robots-txt-endpoint", "info", "/robots.txt"),
            ("wordpress-login", "info", "/wp-login.php"),
            ("jira-detect", "info", "/secure/Dashboard.jspa"),
            ("CVE-2023-22515", "critical", "/server-info.action?bootstrapStatusProvider.applicationConfig.setupComplete=false"),
            ("ds-store-file", "info", "/.DS_Store"),
            ("openapi-json", "info", "/openapi.json"),
            ("tomcat-manager-default", "high", "/manager/html"),
            ("grafana-detect", "info", "/login")]
    HIT = {"info": 0.45, "low": 0.3, "medium": 0.22, "high": 0.12, "critical": 0.08}
    MATCHERS = [("tech-detect", ["nginx", "apache", "cloudflare", "express", "php", "jquery", "bootstrap"]),
                ("waf-detect", ["cloudflare", "modsecurity", "aws-waf", "akamai"]),
                ("http-missing-security-headers", ["strict-transport-security", "content-security-policy",
                                                   "x-frame-options", "permissions-policy", "referrer-policy"])]
    SSL = [("ssl-issuer", "info", ["Let's Encrypt", "DigiCert Inc", "Sectigo Limited", "Example Corp Internal CA"]),
           ("tls-version", "info", ["tls12", "tls13"]),
           ("deprecated-tls", "info", ["tls10", "tls11"]),
           ("weak-cipher-suites", "low", ["TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_ECDHE_RSA_WITH_RC4_128_SHA"]),
           ("self-signed-ssl", "low", ["CN=localhost", "CN=appliance.local"])]
    DNS = ["caa-fingerprint", "mx-fingerprint", "txt-fingerprint", "spf-record-detect", "dmarc-detect"]
    ERRS = ["context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
            "dial tcp {ip}:443: connect: connection refused",
            "read tcp 10.8.0.14:{sport}->{ip}:443: read: connection reset by peer",
            "no address found for host",
            "remote error: tls: handshake failure",
            "EOF"]

    def ev(self, t, key, *vals):
        lvl = self.LVL.get(key)
        self.emit(t, ("[%s] " % lvl) if lvl else "", key, *vals)

    def build(self):
        r = self.rng
        t = 6 * 3600 * NS + r.randrange(3600) * NS
        for run in range(6):
            t = self.run(t) + 10 * 60 * NS + self.gap(25 * 60 * NS)

    def err_text(self, key):
        r = self.rng
        e = self.cyc(key, "why", self.ERRS)
        return e.format(ip="10.%d.%d.%d" % (r.randint(0, 90), r.randint(0, 255), r.randint(2, 250)),
                        sport=r.randint(32768, 60999))

    def run(self, t0):
        r = self.rng
        ver, vst = self.cyc("version", "v", [("v3.3.1", "latest"), ("v3.2.9", "outdated"),
                                             ("v3.3.2", "latest"), ("v3.2.4", "outdated")])
        tv, tst = self.cyc("tversion", "v", [("v10.0.3", "latest"), ("v9.9.4", "outdated"),
                                             ("v10.0.4", "latest")])
        t = t0
        self.ev(t, "version", ver, vst)
        t += r.randint(300, 900) * MS
        self.ev(t, "tversion", tv, tst)
        t += r.randint(200, 2500) * MS
        self.ev(t, "unsigned", self.cyc("unsigned", "n", [3, 12, 1, 7]))
        t += r.randint(50, 400) * MS
        self.ev(t, "templates", r.randint(3800, 8900))
        m = self.cyc("targets", "n", [5, 4, 6, 3, 5])
        t += r.randint(5, 60) * MS
        self.ev(t, "targets", m)
        t += r.randint(20, 300) * MS
        cl = r.randint(300, 1400)
        self.ev(t, "clustered", cl, cl + r.randint(200, 1500))
        t += r.randint(300, 1500) * MS
        self.ev(t, "interactsh", self.cyc("interactsh", "s", ["oast.pro", "oast.fun", "oast.me",
                                                             "oast.site", "oast.online", "oast.live"]))
        start = t
        first = r.randrange(len(self.HOSTS))
        targets = [self.HOSTS[(first + 3 * j) % len(self.HOSTS)] for j in range(m)]
        dead = r.randrange(m)
        mhe = self.cyc("skipped", "mhe", [30, 15, 50])
        matches = 0
        last = start
        for j, host in enumerate(targets):
            url = "https://" + host
            wt = start + r.randint(0, 2000) * MS
            if j == dead:
                for _ in range(r.randint(2, 4)):
                    wt += 5 * NS + self.gap(3 * NS)
                    tid, _, path = r.choice(self.HTTP)
                    self.ev(wt, "exec_err", tid, url + path, self.err_text("exec_err"))
                wt += r.randint(10, 300) * MS
                self.ev(wt, "skipped", host + ":443", mhe)
                last = max(last, wt)
                continue
            picks = r.sample(self.HTTP, r.randint(4, 8))
            mpos = r.randrange(len(picks) + 1)
            for q, (tid, sev, path) in enumerate(picks + [(None, None, None)]):
                if q == mpos:
                    mid, mlist = self.MATCHERS[r.randrange(len(self.MATCHERS))]
                    wt += self.gap(700 * MS)
                    self.ev(wt, "sent", mid, url)
                    for mname in r.sample(mlist, r.randint(1, 2)):
                        wt += r.randint(1, 30) * MS
                        self.ev(wt, "res_matcher", mid, mname, url)
                        matches += 1
                if tid is None:
                    continue
                wt += self.gap(700 * MS)
                self.ev(wt, "sent", tid, url + path)
                if r.random() < 0.05:
                    wt += r.randint(5, 12) * NS
                    self.ev(wt, "exec_err", tid, url + path, self.err_text("exec_err"))
                elif r.random() < self.HIT[sev]:
                    wt += r.randint(5, 200) * MS
                    self.ev(wt, "res_http", tid, sev, url + path)
                    matches += 1
            for sid, ssev, vals in r.sample(self.SSL, r.randint(0, 2)):
                wt += self.gap(500 * MS)
                self.ev(wt, "res_ssl", sid, ssev, host + ":443", r.choice(vals))
                matches += 1
            if r.random() < 0.45:
                wt += self.gap(300 * MS)
                self.ev(wt, "res_dns", self.cyc("res_dns", "id", self.DNS), host.split(".", 1)[1])
                matches += 1
            last = max(last, wt)
        tend = last + r.randint(200, 900) * MS
        self.ev(tend, "completed", go_dur(tend - t0 + r.randrange(MS)), matches)
        return tend


# ============================================================ 4 Masscan ====
class Masscan(System):
    name = "Masscan"
    k = 4
    kind = "shuffle"
    header_re = r"(?:\[[+-]\] )?"
    fmt_desc = "plain stdout/stderr lines; `--verbose` diagnostics prefixed `[+] ` (`[-] ` on failure)"
    content_desc = "the line after the optional `[+] `/`[-] ` marker"
    events = [
        ("start", "Starting masscan <*> (http://bit.ly/14GZzcT) at <*> GMT"),
        ("initiating", "Initiating SYN Stealth Scan"),
        ("scanning", "Scanning <*> hosts [<*> ports/host]"),
        ("if_open", "if(<*>): successfully opened"),
        ("source_ip", "source-ip = <*>"),
        ("router_mac", "router-mac-ipv4 = <*>"),
        ("open_tcp", "Discovered open port <*>/tcp on <*>"),
        ("open_udp", "Discovered open port <*>/udp on <*>"),
        ("banner", "Banner on port <*>/tcp on <*>: [<*>] <*>"),
        ("rate", "rate: <*>-kpps, <*>% done, <*> remaining, found=<*>"),
        ("rate_wait", "rate:  <*>-kpps, 100.00% done, waiting <*>-secs, found=<*>"),
        ("arp_fail", "FAIL: ARP timed-out resolving MAC address for router <*>: \"<*>\""),
        ("pcap", "if(<*>): pcap: libpcap version <*>"),
    ]
    counts = {"start": 6, "initiating": 6, "scanning": 6, "if_open": 5, "source_ip": 5,
              "router_mac": 5, "open_tcp": 128, "open_udp": 18, "banner": 55, "rate": 48,
              "rate_wait": 9, "arp_fail": 4, "pcap": 5}
    HDR = {"if_open": "[+] ", "source_ip": "[+] ", "router_mac": "[+] ", "pcap": "[+] ", "arp_fail": "[-] "}
    IFACES = ["eth0", "ens192", "enp3s0", "bond0"]
    NETS = ["10.14", "10.200", "172.22", "192.168", "10.3"]
    TCP = [80, 443, 22, 3389, 8080, 445, 21, 25, 53, 8443, 3306, 5432, 6379, 9200, 27017, 139, 135, 5900, 8000, 111]
    UDP = [53, 161, 123, 500, 1900, 5353, 11211, 137]
    BANNERS = [(22, "ssh", ["SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6", "SSH-2.0-OpenSSH_7.4",
                            "SSH-2.0-dropbear_2020.81", "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u2"]),
               (80, "http", ["HTTP/1.1 200 OK\\x0d\\x0aServer: nginx/1.18.0 (Ubuntu)\\x0d\\x0a",
                             "HTTP/1.1 301 Moved Permanently\\x0d\\x0aServer: Apache/2.4.57 (Debian)\\x0d\\x0a",
                             "HTTP/1.0 401 Unauthorized\\x0d\\x0aServer: lighttpd/1.4.59\\x0d\\x0a"]),
               (80, "title", ["Welcome to nginx!", "401 Unauthorized", "RouterOS router configuration page",
                              "Index of /"]),
               (21, "ftp", ["220 (vsFTPd 3.0.3)", "220 ProFTPD Server (Debian) [::ffff:10.14.2.9]",
                            "220 Microsoft FTP Service"]),
               (25, "smtp", ["220 mx2.corp.internal ESMTP Postfix (Ubuntu)",
                             "220 exch01.corp.internal Microsoft ESMTP MAIL Service ready"]),
               (443, "ssl", ["TLS/1.2 cipher:0xc030, CN=*.corp.internal",
                             "TLS/1.3 cipher:0x1302, CN=vpn.branch.internal"]),
               (3306, "mysql", ["5.7.42-log", "8.0.35-0ubuntu0.22.04.1"])]

    def ip(self):
        r = self.rng
        net = self.cyc("ip", "net", self.NETS)
        return "%s.%d.%d" % (net, r.randint(0, 255), r.randint(1, 254))

    def make(self, key, t):
        r = self.rng
        c = self.cyc
        h = self.HDR.get(key, "")
        if key == "start":
            return h, (c(key, "v", ["1.3.2", "1.3.9-integration"]), iso(t))
        if key == "initiating":
            return h, ()
        if key == "scanning":
            return h, (c(key, "hosts", [256, 65536, 1024, 4096, 16777216, 512]),
                       c(key, "ports", [1, 2, 3, 10, 100, 1000, 65535]))
        if key in ("if_open", "pcap"):
            iface = c(key, "if", self.IFACES)
            if key == "if_open":
                return h, (iface,)
            return h, (iface, c(key, "v", ["1.10.1 (with TPACKET_V3)", "1.9.1 (with TPACKET_V3)", "1.10.3"]))
        if key == "source_ip":
            return h, (self.ip(),)
        if key == "router_mac":
            return h, (mac(r),)
        if key == "open_tcp":
            return h, (r.choice(self.TCP) if r.random() < 0.85 else r.randint(1024, 65535), self.ip())
        if key == "open_udp":
            return h, (c(key, "port", self.UDP), self.ip())
        if key == "banner":
            port, proto, texts = self.BANNERS[r.randrange(len(self.BANNERS))]
            if proto in ("http", "title") and r.random() < 0.4:
                port = r.choice([8080, 8000, 8888])
            return h, (port, self.ip(), proto, r.choice(texts))
        if key == "rate":
            rem = r.randint(3, 5400)
            return h, ("%.2f" % r.uniform(10.0, 99.99), "%.2f" % r.uniform(10.0, 99.99),
                       "%d:%02d:%02d" % (rem // 3600, (rem // 60) % 60, rem % 60), r.randint(0, 4000))
        if key == "rate_wait":
            return h, ("%.2f" % r.uniform(0.0, 2.5), r.randint(1, 10), r.randint(0, 4000))
        if key == "arp_fail":
            return h, (c(key, "if", self.IFACES), "%s.%d.1" % (c(key, "net", self.NETS), r.randint(0, 40)))
        raise KeyError(key)

    def build(self):
        self.shuffle_build(9 * 3600 * NS + self.rng.randrange(3600) * NS, 9 * NS)

    def ts_key(self, header, content):
        m = re.search(r" at (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) GMT$", content)
        return m.group(1) if m else None


# ============================================================== 5 Nikto ====
class Nikto(System):
    name = "Nikto"
    k = 5
    kind = "shuffle"
    header_re = r"[+-] "
    fmt_desc = "`+ message` (findings and scan facts), `- message` for the banner line"
    content_desc = "the line after the `+ `/`- ` marker"
    events = [
        ("banner", "Nikto <*>"),
        ("target_ip", "Target IP:          <*>"),
        ("target_host", "Target Hostname:    <*>"),
        ("target_port", "Target Port:        <*>"),
        ("start_time", "Start Time:         <*> (GMT0)"),
        ("server", "Server: <*>"),
        ("xfo", "<*>: The anti-clickjacking X-Frame-Options header is not present. "
                "See: https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/X-Frame-Options"),
        ("xcto", "<*>: The X-Content-Type-Options header is not set. This could allow the user agent "
                 "to render the content of the site in a different fashion to the MIME type. "
                 "See: https://www.netsparker.com/web-vulnerability-scanner/vulnerabilities/missing-content-type-header/"),
        ("no_cgi", "No CGI Directories found (use '-C all' to force check all possible dirs)"),
        ("etag", "<*>: Server may leak inodes via ETags, header found with file <*>, inode: <*>, size: <*>, "
                 "mtime: <*>. See: http://cve.mitre.org/cgi-bin/cvename.cgi?name=CVE-2003-1418"),
        ("interesting", "<*>: This might be interesting."),
        ("error_limit", "ERROR: Error limit (<*>) reached for host, giving up. Last error: <*>"),
        ("methods", "OPTIONS: Allowed HTTP Methods: <*> ."),
        ("summary", "<*> requests: <*> error(s) and <*> item(s) reported on remote host"),
        ("end_time", "End Time:           <*> (GMT0) (<*> seconds)"),
    ]
    counts = {"banner": 8, "target_ip": 14, "target_host": 14, "target_port": 14, "start_time": 14,
              "server": 14, "xfo": 20, "xcto": 20, "no_cgi": 8, "etag": 6, "interesting": 123,
              "error_limit": 5, "methods": 12, "summary": 14, "end_time": 14}
    SERVERS = ["Apache/2.4.41 (Ubuntu)", "nginx/1.18.0 (Ubuntu)", "Microsoft-IIS/10.0",
               "Apache/2.4.57 (Debian)", "nginx", "lighttpd/1.4.59", "No banner retrieved",
               "Apache-Coyote/1.1", "openresty/1.21.4.1"]
    PATHS = ["/backup/", "/admin/", "/config/", "/old/", "/test/", "/db/", "/logs/", "/tmp/",
             "/phpmyadmin/", "/uploads/", "/includes/", "/private/", "/.svn/entries", "/install/",
             "/database.sql", "/web.config.bak", "/server-status", "/.htpasswd", "/dump.tar.gz",
             "/cgi-bin/printenv", "/debug/", "/staging/", "/data/", "/export/", "/wp-config.php.bak"]
    METHODS = ["GET, POST, OPTIONS, HEAD", "GET, HEAD, POST, OPTIONS, TRACE", "OPTIONS, TRACE, GET, HEAD, POST",
               "GET, HEAD, POST, PUT, DELETE, OPTIONS", "POST, OPTIONS, GET, HEAD"]
    ERRORS = ["opening stream: can't connect (timeout): Operation now in progress",
              "error reading HTTP response",
              "opening stream: can't connect (connect error): Connection refused",
              "SSL negotiation failed: error:0A000126:SSL routines::unexpected eof while reading",
              "Unable to read response headers"]
    HOSTPARTS = ["www", "intranet", "legacy", "dev", "shop", "wiki", "crm", "files", "portal", "hr"]
    DOMAINS = ["acme-corp.internal", "riverside.example", "kestrel.test", "bluefin.example"]

    def make(self, key, t):
        r = self.rng
        c = self.cyc
        h = "- " if key == "banner" else "+ "
        if key == "banner":
            return h, (c(key, "v", ["v2.5.0", "v2.1.6"]),)
        if key == "target_ip":
            return h, ("%s.%d.%d" % (r.choice(["10.40", "192.168", "172.18"]), r.randint(0, 60), r.randint(2, 250)),)
        if key == "target_host":
            return h, ("%s%s.%s" % (c(key, "p", self.HOSTPARTS), r.choice(["", "01", "2", "-old"]),
                                    c(key, "d", self.DOMAINS)),)
        if key == "target_port":
            return h, (c(key, "port", [80, 443, 8080, 8443, 8000]),)
        if key == "start_time":
            return h, (iso(t),)
        if key == "server":
            return h, (c(key, "s", self.SERVERS),)
        if key in ("xfo", "xcto"):
            return h, (c(key, "path", ["/", "/", "/index.php", "/login", "/"]),)
        if key == "no_cgi":
            return h, ()
        if key == "etag":
            return h, (c(key, "path", ["/", "/index.html"]), c(key, "file", ["/", "/index.html", "/icons/README"]),
                       hexs(r, r.randint(3, 5)), hexs(r, 13), c(key, "mt", ["gzip", "br"]))
        if key == "interesting":
            return h, (r.choice(self.PATHS),)
        if key == "error_limit":
            return h, (c(key, "n", [20, 10, 30]), c(key, "why", self.ERRORS))
        if key == "methods":
            return h, (c(key, "m", self.METHODS),)
        if key == "summary":
            return h, (r.randint(700, 8200), r.randint(0, 12), r.randint(3, 28))
        if key == "end_time":
            return h, (iso(t), r.randint(12, 2400))
        raise KeyError(key)

    def build(self):
        self.shuffle_build(10 * 3600 * NS + self.rng.randrange(1800) * NS, 20 * NS)

    def ts_key(self, header, content):
        m = re.match(r"(?:Start|End) Time: +(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) ", content)
        return m.group(1) if m else None


# ============================================================= 6 Sqlmap ====
class Sqlmap(System):
    name = "Sqlmap"
    k = 6
    kind = "shuffle"
    header_re = r"(?:\[\d{2}:\d{2}:\d{2}\] \[(?:INFO|DEBUG|WARNING|ERROR|CRITICAL)\] |\[\*\] )"
    fmt_desc = "`[HH:MM:SS] [LEVEL] message`; the start marker as `[*] message`"
    content_desc = "everything after `[LEVEL] ` (or after `[*] `)"
    events = [
        ("starting", "starting @ <*> /2026-03-14/"),
        ("conn", "testing connection to the target URL"),
        ("dyn_test", "testing if <*> parameter '<*>' is dynamic"),
        ("dyn_yes", "<*> parameter '<*>' appears to be dynamic"),
        ("dyn_no", "<*> parameter '<*>' does not appear to be dynamic"),
        ("heur_yes", "heuristic (basic) test shows that <*> parameter '<*>' might be injectable "
                     "(possible DBMS: '<*>')"),
        ("heur_no", "heuristic (basic) test shows that <*> parameter '<*>' might not be injectable"),
        ("testing", "testing '<*>'"),
        ("injectable", "<*> parameter '<*>' appears to be '<*>' injectable (with --string=\"<*>\")"),
        ("not_inj", "<*> parameter '<*>' does not seem to be injectable"),
        ("queries", "performed <*> queries in <*> seconds"),
        ("dbms", "the back-end DBMS is <*>"),
        ("unreach", "unable to connect to the target URL ('<*>'). sqlmap is going to retry the request(s)"),
        ("fetch_cols", "fetching columns for table '<*>' in database '<*>'"),
        ("retrieved", "retrieved: '<*>'"),
    ]
    counts = {"starting": 5, "conn": 8, "dyn_test": 14, "dyn_yes": 9, "dyn_no": 5, "heur_yes": 8,
              "heur_no": 6, "testing": 100, "injectable": 7, "not_inj": 9, "queries": 12, "dbms": 8,
              "unreach": 4, "fetch_cols": 15, "retrieved": 90}
    LVL = {"starting": None, "conn": "INFO", "dyn_test": "INFO", "dyn_yes": "INFO", "dyn_no": "WARNING",
           "heur_yes": "INFO", "heur_no": "WARNING", "testing": "INFO", "injectable": "INFO",
           "not_inj": "WARNING", "queries": "DEBUG", "dbms": "INFO", "unreach": "CRITICAL",
           "fetch_cols": "INFO", "retrieved": "INFO"}
    PLACES = ["GET", "POST", "Cookie", "GET", "POST"]
    PARAMS = ["id", "cat", "q", "page", "user", "sort", "artist", "item_id", "lang", "search", "pid", "uname"]
    DBMS = ["MySQL", "PostgreSQL", "Microsoft SQL Server", "Oracle", "SQLite"]
    TECH = ["AND boolean-based blind - WHERE or HAVING clause",
            "OR boolean-based blind - WHERE or HAVING clause (NOT)",
            "Boolean-based blind - Parameter replace (original value)",
            "MySQL >= 5.0 AND error-based - WHERE, HAVING, ORDER BY or GROUP BY clause (FLOOR)",
            "PostgreSQL AND error-based - WHERE or HAVING clause",
            "Microsoft SQL Server/Sybase AND error-based - WHERE or HAVING clause (IN)",
            "Oracle AND error-based - WHERE or HAVING clause (XMLType)",
            "Generic inline queries",
            "PostgreSQL > 8.1 stacked queries (comment)",
            "Microsoft SQL Server/Sybase stacked queries (comment)",
            "MySQL >= 5.0.12 AND time-based blind (query SLEEP)",
            "PostgreSQL > 8.1 AND time-based blind",
            "Oracle AND time-based blind",
            "Generic UNION query (NULL) - 1 to 20 columns",
            "MySQL UNION query (NULL) - 1 to 20 columns",
            "SQLite > 2.0 AND time-based blind (heavy query)"]
    STRINGS = ["Welcome", "Products", "Logout", "total of", "Add to cart"]
    REASONS = ["Connection refused", "No route to host", "Connection reset by peer", "timed out"]
    TABLES = ["users", "orders", "customers", "products", "sessions", "admin_users", "payments", "wp_users"]
    DBS = ["shopdb", "webapp", "crm_prod", "public", "inventory"]
    COLS = ["id", "username", "password", "email", "created_at", "last_login", "is_admin", "cc_number",
            "session_token", "price"]
    FIRST = ["jdoe", "msmith", "a.chen", "pkowalski", "rnair", "tbrandt", "lgarcia", "admin"]
    MAILDOMS = ["shop.example", "mail.example", "crm.test"]

    def make(self, key, t):
        r = self.rng
        c = self.cyc
        lvl = self.LVL[key]
        h = ("[%s] [%s] " % (hms(t), lvl)) if lvl else "[*] "
        if key == "starting":
            return h, (hms(t),)
        if key == "conn":
            return h, ()
        if key in ("dyn_test", "dyn_yes", "dyn_no", "heur_no", "not_inj"):
            return h, (c(key, "place", self.PLACES), r.choice(self.PARAMS))
        if key == "heur_yes":
            return h, (c(key, "place", self.PLACES), r.choice(self.PARAMS), c(key, "dbms", self.DBMS))
        if key == "testing":
            return h, (r.choice(self.TECH),)
        if key == "injectable":
            return h, (c(key, "place", self.PLACES), r.choice(self.PARAMS), c(key, "tech", self.TECH[:7]),
                       c(key, "s", self.STRINGS))
        if key == "queries":
            return h, (r.randint(3, 180), "%.2f" % r.uniform(0.3, 95.0))
        if key == "dbms":
            return h, (c(key, "dbms", self.DBMS),)
        if key == "unreach":
            return h, (c(key, "why", self.REASONS),)
        if key == "fetch_cols":
            return h, (c(key, "table", self.TABLES), c(key, "db", self.DBS))
        if key == "retrieved":
            kind = r.randrange(5)
            if kind == 0:
                v = r.choice(self.COLS)
            elif kind == 1:
                v = "%s@%s" % (r.choice(self.FIRST), r.choice(self.MAILDOMS))
            elif kind == 2:
                v = hexs(r, 32)
            elif kind == 3:
                v = r.choice(self.TABLES + self.DBS)
            else:
                v = str(r.randint(1, 99999))
            return h, (v,)
        raise KeyError(key)

    def build(self):
        self.shuffle_build(9 * 3600 * NS + self.rng.randrange(3600) * NS, 2 * NS)

    def ts_key(self, header, content):
        m = re.match(r"\[(\d{2}:\d{2}:\d{2})\]", header)
        if m:
            return m.group(1)
        m = re.match(r"starting @ (\d{2}:\d{2}:\d{2}) ", content)
        return m.group(1) if m else None


SYSTEMS = [Openvas, Nessusd, Nuclei, Masscan, Nikto, Sqlmap]


# ---------------------------------------------------------------- write ----
def write_system(sysobj):
    rows = sysobj.lines()
    d = os.path.join(OUT_DIR, sysobj.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, sysobj.name + ".log"), "w", encoding="utf-8", newline="") as f:
        for raw, _, _ in rows:
            f.write(raw + "\n")
    with open(os.path.join(d, sysobj.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, content, key) in enumerate(rows, 1):
            w.writerow([i, content, sysobj.eid[key], sysobj.tpl[key]])
    return rows


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")))


# ---------------------------------------------------------------- check ----
def check_system(sysobj):
    name = sysobj.name
    errs = []

    def bad(msg):
        errs.append("%s: %s" % (name, msg))

    d = os.path.join(OUT_DIR, name)
    logb = open(os.path.join(d, name + ".log"), "rb").read()
    csvb = open(os.path.join(d, name + ".log_structured.csv"), "rb").read()
    for label, b in (("log", logb), ("csv", csvb)):
        if not b.endswith(b"\n"):
            bad("%s does not end with newline" % label)
        if b"\r" in b:
            bad("%s contains CR" % label)
    raw_lines = logb.decode("utf-8").split("\n")[:-1]
    if len(raw_lines) != N_LINES:
        bad("log has %d lines" % len(raw_lines))
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    if table[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        bad("bad csv header %r" % table[0])
    rows = table[1:]
    if len(rows) != N_LINES:
        bad("csv has %d rows" % len(rows))
    hre = re.compile(sysobj.header_re)
    declared = {sysobj.eid[key]: tpl for key, tpl in sysobj.events}
    eid_tpl = {}
    counts = {}
    captures = {}
    last_ts = None
    for i, row in enumerate(rows, 1):
        if len(row) != 4:
            bad("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            bad("row %d LineId %s" % (i, lid))
        if not content or content != content.strip():
            bad("row %d content empty or not stripped" % i)
        raw = raw_lines[i - 1] if i - 1 < len(raw_lines) else ""
        if not raw.endswith(content):
            bad("row %d raw line does not end with content" % i)
            continue
        header = raw[:len(raw) - len(content)]
        if not hre.fullmatch(header):
            bad("row %d header %r does not match" % (i, header))
        ts = sysobj.ts_key(header, content)
        if ts is not None:
            if last_ts is not None and ts < last_ts:
                bad("row %d timestamp goes back" % i)
            last_ts = ts
        if not re.fullmatch(r"E\d+", eid):
            bad("row %d bad EventId %r" % (i, eid))
        if eid_tpl.setdefault(eid, tpl) != tpl:
            bad("EventId %s has two templates" % eid)
        if declared.get(eid) != tpl:
            bad("row %d template differs from declaration of %s" % (i, eid))
        counts[eid] = counts.get(eid, 0) + 1
        m = tpl_regex(tpl).fullmatch(content)
        if not m:
            bad("row %d template does not match content" % i)
            continue
        for j, g in enumerate(m.groups()):
            captures.setdefault((eid, j), set()).add(g)
    if len(set(eid_tpl.values())) != len(eid_tpl):
        bad("two EventIds share a template")
    if set(counts) != set(declared):
        bad("declared events unused: %s" % sorted(set(declared) - set(counts)))
    for (eid, j), vals in sorted(captures.items()):
        if len(vals) < 2:
            bad("%s slot %d captures only %r" % (eid, j + 1, sorted(vals)))
    n_ev = len(declared)
    if not 12 <= n_ev <= 15:
        bad("%d event types" % n_ev)
    c = sorted(counts.values())
    if c and c[0] < 3:
        bad("an event has fewer than 3 lines: %s" % {e: n for e, n in counts.items() if n < 3})
    small = sum(1 for v in c if 3 <= v <= 10)
    if small < 3:
        bad("only %d events with 3-10 lines" % small)
    med = statistics.median(c) if c else 0
    if c and c[-1] < 3 * med:
        bad("largest %d < 3 x median %s" % (c[-1], med))
    summary = "%-8s %-10s lines=%d events=%d min=%d median=%s max=%d small(3-10)=%d" % (
        name, sysobj.kind, len(rows), len(counts), c[0] if c else 0, med, c[-1] if c else 0, small)
    return errs, summary


# --------------------------------------------------------------- readme ----
def write_readme(objs, rows_by):
    L = []
    L.append("# Sealed 67: a blind corpus for the log template miner")
    L.append("")
    L.append("Six labelled logs from vulnerability and attack-surface scanners: **Openvas** "
             "(OpenVAS scanner and gvmd default logs, openvas.log/gvmd.log style), **Nessusd** "
             "(Nessus scanner nessusd.messages), **Nuclei** (ProjectDiscovery nuclei `-v` output), "
             "**Masscan** (masscan output with `--verbose`), **Nikto** (Nikto scanner output) and "
             "**Sqlmap** (sqlmap `-v` output). Each system has a folder `<System>/` holding "
             "`<System>.log` (exactly 300 raw lines with the program's default header) and "
             "`<System>.log_structured.csv` (columns `LineId,Content,EventId,EventTemplate`, "
             "LineId 1..300, `Content` is the message after the header, EventIds `E1`, `E2`, ... "
             "in declaration order in `generate.py`, one template per EventId). `generate.py` "
             "rebuilds every file and self-checks it.")
    L.append("")
    L.append("**Blind:** this corpus was written without running the miner or any other log parser "
             "or template miner, and without reading the miner's source, tests, docs or earlier "
             "corpora. No Loghub data or any paper's per-system analysis was used. Messages were "
             "invented in each project's style from memory of its default log format and usual "
             "messages; no line, template or value list was copied from a public log or data set. "
             "Hosts, addresses, ids and users are made up.")
    L.append("")
    L.append("## Scores")
    L.append("")
    L.append("(filled in by the maintainer)")
    L.append("")
    L.append("## How it was made")
    L.append("")
    L.append("`python3 generate.py` (standard library only, deterministic: no wall clock, no locale, "
             "month names from a fixed list). Base seed `%d`; system *k* (1..6 in the order above) "
             "uses `random.Random(%d*10 + k)`. Time comes from an integer nanosecond clock on "
             "2026-03-14 UTC." % (SEED, SEED))
    L.append("")
    sims = [o for o in objs if o.kind == "simulation"]
    shufs = [o for o in objs if o.kind == "shuffle"]
    L.append("Simulations (entities with overlapping lifetimes, each producing lines on its own clock, "
             "merged in time order, first 300 kept):")
    L.append("")
    for o in sims:
        L.append("- **%s**: %s." % (o.name, o.entities))
    L.append("")
    L.append("Seeded shuffles (fixed count per event, shuffled, stamped by a forward-only clock with "
             "exponential gaps): %s." % ", ".join("**%s**" % o.name for o in shufs))
    L.append("")
    L.append("Slots drawn from small pools cycle through the pool per (event, slot), so every slot "
             "takes at least two values. Programs without a timestamp in their default header "
             "(Nuclei, Masscan, Nikto) are still ordered by the clock; timestamps that appear inside "
             "their messages follow it.")
    L.append("")
    L.append("| system | format (default shape) | Content is |")
    L.append("|---|---|---|")
    for o in objs:
        hdr = ""
        for raw, content, _ in rows_by[o.name]:
            h = raw[:len(raw) - len(content)]
            if len(h) > len(hdr):
                hdr = h
        L.append("| %s | %s; e.g. header `%s` | %s |" % (o.name, o.fmt_desc, hdr.rstrip(), o.content_desc))
    L.append("")
    L.append("## Ground-truth convention (Loghub style)")
    L.append("")
    L.append("- One `<*>` per value. A value that contains spaces still gets one `<*>` (free-text errors, "
             "SQL, lists, `2 MB`, glued durations like `1.2s` or `350ms`, timestamps inside the message).")
    L.append("- Punctuation around a value stays literal (`(<*>)`, `[<*>]`, `<*>,`, `\"<*>\"`, `key=<*>`).")
    L.append("- Words that name a different event stay literal; different words mean different events.")
    L.append("- An optional field makes a separate event type.")
    L.append("- Text that never changes within an event type stays literal, even if it looks like a number.")
    L.append("- Every `<*>` takes at least two distinct values in the data.")
    L.append("")
    L.append("Example templates:")
    L.append("")
    for o in objs:
        n = len(o.events)
        picks = [0, n // 2, n - 1]
        ex = ", ".join("`%s`" % o.events[p][1] for p in picks)
        L.append("- **%s**: %s" % (o.name, ex))
    L.append("")
    with open(os.path.join(OUT_DIR, "README.md"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(L))


def main():
    objs = [cls() for cls in SYSTEMS]
    rows_by = {}
    for o in objs:
        rows_by[o.name] = write_system(o)
    write_readme(objs, rows_by)
    all_errs = []
    for o in objs:
        errs, summary = check_system(o)
        print(summary + ("  OK" if not errs else "  FAIL"))
        all_errs += errs
    for e in all_errs[:60]:
        print("  " + e)
    if all_errs:
        print("self-check FAILED (%d problems)" % len(all_errs))
        return 1
    print("self-check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
