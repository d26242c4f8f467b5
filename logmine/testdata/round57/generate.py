#!/usr/bin/env python3
"""Round 57: blind labelled log corpus generator (Python 3 standard library only).

Fully deterministic: no wall clock, no locale, no environment input.  Every
timestamp comes from an integer nanosecond clock on 2026-03-14 UTC.  System k
(1..6, in the order of SYSTEMS below) uses random.Random(20270170 * 10 + k).

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system next to this file, then re-reads and self-checks them.
"""
import csv
import math
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270170
HERE = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300
NS = 1000000000
MS = 1000000
US = 1000
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
YEAR, MONTH, DAY = 2026, 3, 14


# ---------------------------------------------------------------- calendar --
def days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(z):
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return yoe + era * 400 + (m <= 2), m, d


EPOCH0_S = days_from_civil(YEAR, MONTH, DAY) * 86400   # 2026-03-14 00:00:00 UTC


def _hms(ns):
    assert 0 <= ns < 86400 * NS, "clock left 2026-03-14"
    s = ns // NS
    return s // 3600, (s // 60) % 60, s % 60, (ns // MS) % 1000


def ts_sec(ns, dsep="-"):
    h, m, s, _ = _hms(ns)
    return "%04d%s%02d%s%02d %02d:%02d:%02d" % (YEAR, dsep, MONTH, dsep, DAY, h, m, s)


def ts_ms(ns, dsep="-"):
    return ts_sec(ns, dsep) + ".%03d" % _hms(ns)[3]


def ts_syslog(ns):
    h, m, s, _ = _hms(ns)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[MONTH - 1], DAY, h, m, s)


def epoch_ms(ns):
    return EPOCH0_S * 1000 + ns // MS


def fmt_abs(sec):
    """Absolute epoch seconds -> 'YYYY-MM-DD HH:MM:SS'."""
    d, r = divmod(sec, 86400)
    y, m, dd = civil_from_days(d)
    return "%04d-%02d-%02d %02d:%02d:%02d" % (y, m, dd, r // 3600, (r // 60) % 60, r % 60)


def go_duration(ns):
    """time.Duration.String() for durations below one minute."""
    if ns < US:
        return "%dns" % ns
    if ns < MS:
        unit, div = "\u00b5s", US
    elif ns < NS:
        unit, div = "ms", MS
    else:
        unit, div = "s", NS
    whole, frac = divmod(ns, div)
    out = str(whole)
    if frac:
        out += "." + ("%0*d" % (len(str(div)) - 1, frac)).rstrip("0")
    return out + unit


# --------------------------------------------------------------- templates --
def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) - 1 == len(values), (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (template, v)
        out.append(v)
        out.append(p)
    return "".join(out)


def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


# -------------------------------------------------------------------- base --
class Base:
    NAME = None
    K = None
    KIND = None          # "shuffle" or "simulation"
    HEADER_RE = None
    EVENTS = []

    def __init__(self):
        self.rng = random.Random(BASE_SEED * 10 + self.K)
        self.tpl = dict(self.EVENTS)
        assert len(self.tpl) == len(self.EVENTS)
        self.eid = {key: "E%d" % (i + 1) for i, (key, _) in enumerate(self.EVENTS)}
        self.recs = []
        self._seq = 0
        self._cyc = {}

    # small pools cycle per (event, slot)
    def cyc(self, key, slot, pool):
        i = self._cyc.get((key, slot), 0)
        self._cyc[(key, slot)] = i + 1
        return pool[i % len(pool)]

    def exp_ns(self, mean_s, floor_ns=MS):
        return max(floor_ns, int(self.rng.expovariate(1.0 / mean_s) * NS))

    def hexid(self, n):
        return "%0*x" % (n, self.rng.getrandbits(4 * n))

    def uuid(self):
        r = self.rng
        return "%08x-%04x-%04x-%04x-%012x" % (
            r.getrandbits(32), r.getrandbits(16), 0x4000 | r.getrandbits(12),
            0x8000 | r.getrandbits(14), r.getrandbits(48))

    def emit(self, ns, key, values, hdr):
        content = fill(self.tpl[key], values)
        self.recs.append((ns, self._seq, key, content, hdr))
        self._seq += 1

    def shuffle(self, plan, start_ns, mean_gap_s, inner_gap_ms=(0, 3)):
        """Seeded shuffle: fixed count per unit, shuffled, forward-only clock."""
        items = []
        for count, fn in plan:
            items.extend([fn] * count)
        self.rng.shuffle(items)
        t = start_ns
        for fn in items:
            t += self.exp_ns(mean_gap_s)
            for j, (key, values, hdr) in enumerate(fn()):
                if j:
                    t += self.rng.randint(*inner_gap_ms) * MS + self.rng.randint(0, MS - 1)
                self.emit(t, key, values, hdr)

    def header(self, ns, hdr):
        raise NotImplementedError

    def build(self):
        raise NotImplementedError

    def render(self):
        self.build()
        recs = sorted(self.recs, key=lambda r: (r[0], r[1]))[:N_LINES]
        assert len(recs) == N_LINES, (self.NAME, len(recs))
        return [(self.header(ns, hdr) + content, content, key) for ns, _, key, content, hdr in recs]


# ================================================================ 1 router ==
class MySqlRouter(Base):
    NAME = "MySqlRouter"
    K = 1
    KIND = "shuffle"
    HEADER_RE = (r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) (?P<module>[a-z_]+) "
                 r"(?P<level>SYSTEM|ERROR|WARNING|INFO|NOTE|DEBUG) \[(?P<tid>[0-9a-f]{12})\] +")
    EVENTS = [
        ("rt_started", "[routing:<*>] started: routing strategy = <*>"),
        ("accept_start", "Start accepting connections for routing routing:<*> listening on <*>"),
        ("accept_stop", "Stop accepting connections for routing routing:<*> listening on <*>"),
        ("md_changes", "Potential changes detected in cluster '<*>' after metadata refresh (view_id=<*>)"),
        ("md_members", "Metadata for cluster '<*>' has <*> member(s), single-primary: (view_id=<*>)"),
        ("member_rw", "<*> / 33060 - mode=RW"),
        ("member_ro", "<*> / 33060 - mode=RO"),
        ("gr_enable", "Enabling GR notices for cluster '<*>' changes on node <*>"),
        ("gr_disable", "Disabling GR notices for cluster '<*>' changes on node <*>"),
        ("md_connfail", "Failed connecting with Metadata Server <*>: <*>"),
        ("conn_timeout", "Timeout reached trying to connect to MySQL Server <*>"),
        ("block_host", "[routing:<*>] blocking client host <*>"),
        ("io_threads", "starting <*> io-threads, using backend 'linux_epoll'"),
        ("member_missing", "Member <*> (<*>) defined in metadata not found in actual Group Replication"),
    ]
    ROUTES = [("bootstrap_rw", "6446", "first-available"),
              ("bootstrap_ro", "6447", "round-robin-with-fallback"),
              ("bootstrap_x_rw", "6448", "first-available"),
              ("bootstrap_x_ro", "6449", "round-robin-with-fallback")]
    CLUSTERS = [("prodCluster", ["10.20.1.11", "10.20.1.12", "10.20.1.13"]),
                ("drCluster", ["10.20.8.21", "10.20.8.22"])]
    TIDS = {"routing": ["7f3a9c1fe700", "7f3a9b9fd700", "7f3a9b1fc700", "7f3a9a9fb700"],
            "metadata_cache": ["7f3a9d7ff700", "7f3a9e000700"],
            "io": ["7f3aa4a3b840"]}
    CONN_ERRORS = [
        "Can't connect to MySQL server on '{a}' (111) (2003)",
        "Lost connection to MySQL server at 'reading initial communication packet', system error: 104 (2013)",
        "Can't connect to MySQL server on '{a}' (110) (2003)",
        "Access denied for user 'mysql_router7_q2k8vd'@'10.20.0.5' (using password: YES) (1045)",
    ]

    def header(self, ns, h):
        return "%s %s %s [%s] %s" % (ts_sec(ns), h["mod"], h["lvl"], h["tid"], h.get("pad", ""))

    def H(self, mod, lvl, pad=""):
        return {"mod": mod, "lvl": lvl, "tid": self.rng.choice(self.TIDS[mod]), "pad": pad}

    def all_nodes(self):
        return [n for _, nodes in self.CLUSTERS for n in nodes]

    def build(self):
        rng = self.rng
        self.view_id = 41

        def rt_started():
            r = self.cyc("rt_started", 0, self.ROUTES)
            return [("rt_started", [r[0], r[2]], self.H("routing", "INFO"))]

        def accept(key):
            def f():
                r = self.cyc(key, 0, self.ROUTES)
                return [(key, [r[0], r[1]], self.H("routing", "INFO"))]
            return f

        def md_changes():
            name = self.cyc("md_changes", 0, [c[0] for c in self.CLUSTERS])
            self.view_id += rng.randint(0, 2)
            return [("md_changes", [name, self.view_id], self.H("metadata_cache", "INFO"))]

        def md_view():
            name, nodes = self.cyc("md_members", 0, self.CLUSTERS)
            self.view_id += 1
            h = self.H("metadata_cache", "INFO")
            hp = dict(h, pad="   ")
            out = [("md_members", [name, len(nodes), self.view_id], h)]
            prim = self.cyc("member_rw", 0, nodes) if name == "prodCluster" else None
            for n in nodes:
                out.append(("member_rw" if n == prim else "member_ro", [n + ":3306"], hp))
            return out

        def gr(key):
            def f():
                name, nodes = self.cyc(key, 0, self.CLUSTERS)
                return [(key, [name, rng.choice(nodes) + ":33060"], self.H("metadata_cache", "INFO"))]
            return f

        def md_connfail():
            a = self.cyc("md_connfail", 0, self.all_nodes()) + ":3306"
            err = self.cyc("md_connfail", 1, self.CONN_ERRORS).format(a=a)
            return [("md_connfail", [a, err], self.H("metadata_cache", "WARNING"))]

        def conn_timeout():
            a = rng.choice(self.all_nodes()) + ":3306"
            return [("conn_timeout", [a], self.H("routing", "WARNING"))]

        def block_host():
            r = self.cyc("block_host", 0, self.ROUTES)
            return [("block_host", [r[0], "10.20.%d.%d" % (rng.choice([30, 31, 44]), rng.randint(2, 250))],
                     self.H("routing", "WARNING"))]

        def io_threads():
            return [("io_threads", [self.cyc("io_threads", 0, [4, 8])], self.H("io", "INFO"))]

        def member_missing():
            a = self.cyc("member_missing", 0, self.all_nodes()) + ":3306"
            return [("member_missing", [a, self.uuid()], self.H("metadata_cache", "WARNING"))]

        plan = [(12, rt_started), (37, accept("accept_start")), (14, accept("accept_stop")),
                (40, md_changes), (9, md_view), (18, gr("gr_enable")), (6, gr("gr_disable")),
                (36, md_connfail), (90, conn_timeout), (4, block_host), (3, io_threads),
                (8, member_missing)]
        self.shuffle(plan, start_ns=(7 * 3600 + 12 * 60 + 5) * NS, mean_gap_s=14.0, inner_gap_ms=(0, 1))


# ========================================================== 2 orchestrator ==
class Orchestrator(Base):
    NAME = "Orchestrator"
    K = 2
    KIND = "shuffle"
    HEADER_RE = (r"(?:(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) "
                 r"(?P<level>DEBUG|INFO|NOTICE|WARNING|ERROR|CRITICAL|FATAL) |\[martini\] )")
    EVENTS = [
        ("audit", "auditType:<*> instance:<*> cluster:<*> message:<*>"),
        ("will_handle", "topology_recovery: will handle <*> event on <*>"),
        ("proc_detect", "executeCheckAndRecoverFunction: proceeding with <*> detection on <*>; "
                        "isActionable?: <*>; skipProcesses: <*>"),
        ("proc_recover", "executeCheckAndRecoverFunction: proceeding with <*> recovery on <*>; "
                         "isRecoverable?: <*>; skipProcesses: <*>"),
        ("discover_nil", "DiscoverInstance(<*>) instance is nil in <*> (Backend: <*>, Instance: <*>), error=<*>"),
        ("read_err", "ReadTopologyInstance(<*>) show slave status: <*>"),
        ("not_elected", "Not elected as active node; active node: <*>; polling"),
        ("elected", "Elected as active node"),
        ("m_started", "Started <*> <*> for <*>"),
        ("m_completed", "Completed <*> <*> in <*>"),
        ("unresolved", "Hostname unresolved yet: <*>"),
        ("pre_hooks", "topology_recovery: Running <*> PreFailoverProcesses hooks"),
        ("post_hooks", "topology_recovery: Running <*> PostFailoverProcesses hooks"),
        ("discovered", "Discovered host: <*>, master: <*>, version: <*> in <*>"),
    ]
    DOMAIN = ".db.kestrel.lan"
    CLUSTERS = [("mysql-ord-01", ["mysql-ord-02", "mysql-ord-03", "mysql-ord-04"], "10.30.4"),
                ("mysql-pay-01", ["mysql-pay-02", "mysql-pay-03"], "10.30.5"),
                ("mysql-cat-11", ["mysql-cat-12", "mysql-cat-13"], "10.30.6")]
    ANALYSES = ["DeadMaster", "DeadIntermediateMaster", "DeadMasterAndSomeReplicas"]
    VERSIONS = ["8.0.36-28", "8.0.36", "5.7.44-48-log"]
    OWNERS = ["dba-jlee", "dba-mkowal", "ops-bot"]
    REASONS = ["kernel upgrade", "disk replacement on sdb", "pt-osc on orders_items"]
    ROUTES = [("GET", "/api/clusters-info", 200), ("GET", "/api/cluster/alias/{alias}", 200),
              ("GET", "/api/instance/{host}/3306", 200), ("HEAD", "/api/lb-check", 200),
              ("GET", "/api/leader-check", 404), ("GET", "/api/discover/{host}/3306", 200),
              ("GET", "/api/replication-analysis", 200), ("GET", "/api/begin-downtime/{host}/3306/ops-bot/patching/30m", 500),
              ("GET", "/web/clusters", 200), ("GET", "/api/health", 200)]
    STATUS = {200: "OK", 404: "Not Found", 500: "Internal Server Error"}

    def header(self, ns, h):
        if h.get("martini"):
            return "[martini] "
        return "%s %s " % (ts_sec(ns), h["lvl"])

    def host(self, short):
        return short + self.DOMAIN + ":3306"

    def ip_of(self, short):
        for m, reps, net in self.CLUSTERS:
            members = [m] + reps
            if short in members:
                return "%s.%d" % (net, 11 + members.index(short))
        raise KeyError(short)

    def build(self):
        rng = self.rng
        L = lambda lvl: {"lvl": lvl}
        M = {"martini": True}
        self.token = 17

        def cluster(key):
            m, reps, _ = self.cyc(key, "cluster", self.CLUSTERS)
            return m, reps

        def audit():
            m, reps = cluster("audit")
            inst = rng.choice([m] + reps)
            kind = self.cyc("audit", 0, ["begin-maintenance", "end-maintenance", "register-candidate",
                                          "emergently-read-topology-instance", "recover-dead-master",
                                          "relocate-replicas", "end-downtime"])
            if kind == "begin-maintenance":
                self.token += 1
                msg = "maintenanceToken: %d, owner: %s, reason: %s" % (
                    self.token, self.cyc("audit", "owner", self.OWNERS), self.cyc("audit", "reason", self.REASONS))
            elif kind == "end-maintenance":
                msg = "maintenanceToken: %d" % (self.token - rng.randint(0, 2))
            elif kind == "register-candidate":
                msg = self.cyc("audit", "rule", ["prefer", "neutral", "prefer_not"])
            elif kind == "emergently-read-topology-instance":
                msg = self.cyc("audit", "analysis", self.ANALYSES)
            elif kind == "recover-dead-master":
                msg = "problem found; will recover"
            elif kind == "relocate-replicas":
                msg = "relocated %d replicas of %s below %s" % (
                    rng.randint(1, 3), self.host(m), self.host(rng.choice(reps)))
            else:
                msg = "duration: %dm" % rng.choice([15, 30, 60])
            return [("audit", [kind, self.host(inst), self.host(m), msg], L("INFO"))]

        def will_handle():
            m, _ = cluster("will_handle")
            return [("will_handle", [self.cyc("will_handle", 0, self.ANALYSES), self.host(m)], L("INFO"))]

        def proc(key):
            def f():
                m, _ = cluster(key)
                return [(key, [self.cyc(key, 0, self.ANALYSES), self.host(m),
                               self.cyc(key, 2, ["true", "false"]), self.cyc(key, 3, ["false", "false", "true"])],
                         L("INFO"))]
            return f

        def discover_nil():
            m, reps = cluster("discover_nil")
            short = rng.choice(reps)
            b = rng.randint(1, 4) * MS + rng.randint(0, 999) * US
            i = self.cyc("discover_nil", "lat", [rng.randint(1000, 1010), rng.randint(5, 120)])
            i = i * MS + rng.randint(0, 999) * US
            err = self.cyc("discover_nil", 4, [
                "dial tcp %s:3306: connect: connection refused" % self.ip_of(short),
                "dial tcp %s:3306: i/o timeout" % self.ip_of(short),
                "Error 1045: Access denied for user 'orchestrator'@'10.30.0.9' (using password: YES)",
                "invalid connection"])
            return [("discover_nil", [self.host(short), "%.3fs" % ((b + i) / NS), "%.3fs" % (b / NS),
                                      "%.3fs" % (i / NS), err], L("WARNING"))]

        def read_err():
            m, reps = cluster("read_err")
            short = rng.choice(reps)
            err = self.cyc("read_err", 1, [
                "Error 1227: Access denied; you need (at least one of) the SUPER, REPLICATION CLIENT privilege(s) for this operation",
                "dial tcp %s:3306: i/o timeout" % self.ip_of(short),
                "context deadline exceeded",
                "driver: bad connection"])
            return [("read_err", [self.host(short), err], L("ERROR"))]

        def not_elected():
            return [("not_elected", [self.cyc("not_elected", 0, ["orc-prod-02", "orc-prod-03"])], L("INFO"))]

        def elected():
            return [("elected", [], L("INFO"))]

        def started_vals():
            meth, path, code = self.cyc("m_started", 0, self.ROUTES)
            m, reps, _ = rng.choice(self.CLUSTERS)
            path = path.format(alias=m.split("-")[1], host=rng.choice(reps) + self.DOMAIN)
            client = "%s:%d" % (rng.choice(["10.30.0.21", "10.30.0.22", "127.0.0.1", "10.30.9.77"]),
                                rng.randint(32768, 60999))
            return [meth, path, client], code

        def request():
            vals, code = started_vals()
            if code == 200:
                d = int(rng.lognormvariate(math.log(1.8 * MS), 1.1))
            else:
                d = int(rng.lognormvariate(math.log(0.4 * MS), 0.8))
            return [("m_started", vals, M),
                    ("m_completed", [code, self.STATUS[code], go_duration(max(d, 40 * US + rng.randint(0, 999)))], M)]

        def lone_started():
            vals, _ = started_vals()
            return [("m_started", vals, M)]

        def unresolved():
            m, reps = cluster("unresolved")
            return [("unresolved", [rng.choice(reps)], L("INFO"))]

        def hooks(key):
            def f():
                return [(key, [self.cyc(key, 0, [1, 2])], L("INFO"))]
            return f

        def discovered():
            m, reps = cluster("discovered")
            if rng.random() < 0.2:
                inst, master = m, ":0"
            else:
                inst, master = rng.choice(reps), self.host(m)
            took = rng.randint(2, 60) * MS + rng.randint(0, 999) * US
            return [("discovered", [self.host(inst), master, self.cyc("discovered", 2, self.VERSIONS),
                                    "%.3fs" % (took / NS)], L("DEBUG"))]

        plan = [(40, audit), (8, will_handle), (12, proc("proc_detect")), (6, proc("proc_recover")),
                (20, discover_nil), (18, read_err), (14, not_elected), (3, elected), (58, request),
                (2, lone_started), (7, unresolved), (5, hooks("pre_hooks")), (5, hooks("post_hooks")),
                (44, discovered)]
        self.shuffle(plan, start_ns=(11 * 3600 + 47 * 60 + 31) * NS, mean_gap_s=6.0, inner_gap_ms=(0, 4))


# ======================================================== 3 foundationdb ==
class FoundationDb(Base):
    NAME = "FoundationDb"
    K = 3
    KIND = "shuffle"
    HEADER_RE = (r'(?P<ts>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) (?P<host>[A-Za-z0-9.-]+) '
                 r'fdbmonitor\[(?P<pid>\d+)\]: LogGroup="(?P<group>[^"]+)" Process="(?P<proc>[^"]+)": +')
    EVENTS = [
        ("launch", "Launching <*> (<*>) for <*>"),
        ("exited", "Process <*> exited <*>, restarting <*> in <*> seconds"),
        ("signaled", "Process <*> terminated by signal <*>, restarting <*> in <*> seconds"),
        ("updated", "Updated configuration for <*>"),
        ("deconf", "Deconfigured <*>"),
        ("joined", "FDBD joined cluster."),
        ("notjoined", "Warning: FDBD has not joined the cluster after 5 seconds."),
        ("checkcfg", "Check configuration and availability using the 'status' command with the fdbcli"),
        ("listen_err", "ERROR: Could not listen on <*> (<*>)"),
        ("shutdown", "Received signal <*> (<*>), shutting down"),
        ("started", "Started FoundationDB Process Monitor <*> (<*>)"),
        ("killing", "Sending signal <*> to PID <*> to kill <*>"),
    ]
    SECTIONS = [("fdbserver.4500", "/usr/sbin/fdbserver"), ("fdbserver.4501", "/usr/sbin/fdbserver"),
                ("fdbserver.4502", "/usr/sbin/fdbserver"), ("fdbserver.4503", "/usr/sbin/fdbserver"),
                ("backup_agent.1", "/usr/lib/foundationdb/backup_agent/backup_agent")]
    SERVERS = ["fdbserver.4500", "fdbserver.4501", "fdbserver.4502", "fdbserver.4503"]
    HOST = "fdb-kv-03"
    ADDR = "10.50.3.7"

    def header(self, ns, h):
        return '%s %s fdbmonitor[%d]: LogGroup="default" Process="%s": %s' % (
            ts_syslog(ns), self.HOST, self.mon_pid, h["proc"], h.get("pad", ""))

    def next_pid(self):
        self.child_pid += self.rng.randint(3, 60)
        return self.child_pid

    def build(self):
        rng = self.rng
        self.mon_pid = 1187
        self.child_pid = 23010
        # headers are rendered after sorting, so each record carries the monitor pid
        def mon():
            return {"proc": "fdbmonitor", "pid": self.mon_pid}

        def launch():
            sec, path = self.cyc("launch", 2, self.SECTIONS)
            return [("launch", [path, self.next_pid(), sec], mon())]

        def exited():
            return [("exited", [self.next_pid(), self.cyc("exited", 1, [1, 0, 1, 2]),
                                self.cyc("exited", 2, self.SERVERS), self.cyc("exited", 3, [0, 2, 4, 8, 16])], mon())]

        def signaled():
            return [("signaled", [self.next_pid(), self.cyc("signaled", 1, [9, 11, 6]),
                                  self.cyc("signaled", 2, self.SERVERS + ["backup_agent.1"]),
                                  self.cyc("signaled", 3, [0, 2, 4])], mon())]

        def updated():
            return [("updated", [self.cyc("updated", 0, [s for s, _ in self.SECTIONS])], mon())]

        def deconf():
            return [("deconf", [self.cyc("deconf", 0, ["fdbserver.4503", "backup_agent.1", "fdbserver.4502"])], mon())]

        def joined():
            return [("joined", [], {"proc": self.cyc("joined", "proc", self.SERVERS), "pid": self.mon_pid})]

        def notjoined():
            p = self.cyc("notjoined", "proc", self.SERVERS)
            return [("notjoined", [], {"proc": p, "pid": self.mon_pid}),
                    ("checkcfg", [], {"proc": p, "pid": self.mon_pid, "pad": "  "})]

        def listen_err():
            p = self.cyc("listen_err", "proc", self.SERVERS)
            return [("listen_err", ["%s:%s" % (self.ADDR, p.split(".")[1]),
                                    self.cyc("listen_err", 1, ["Local address in use", "Cannot assign requested address"])],
                     {"proc": p, "pid": self.mon_pid})]

        def shutdown():
            sig, name = self.cyc("shutdown", 0, [(15, "Terminated"), (2, "Interrupt")])
            return [("shutdown", [sig, name], mon())]

        def started():
            self.mon_pid += rng.randint(200, 4000)
            major, full = self.cyc("started", 0, [("7.1", "v7.1.43"), ("7.3", "v7.3.27")])
            return [("started", [major, full], mon())]

        def killing():
            return [("killing", [self.cyc("killing", 0, [15, 9]), self.next_pid(),
                                 self.cyc("killing", 2, [s for s, _ in self.SECTIONS])], mon())]

        plan = [(96, launch), (44, exited), (14, signaled), (18, updated), (6, deconf), (38, joined),
                (22, notjoined), (5, listen_err), (3, shutdown), (4, started), (28, killing)]
        self.shuffle(plan, start_ns=(2 * 3600 + 5 * 60 + 44) * NS, mean_gap_s=35.0, inner_gap_ms=(0, 0))

    def render(self):
        self.build()
        recs = sorted(self.recs, key=lambda r: (r[0], r[1]))[:N_LINES]
        assert len(recs) == N_LINES
        out = []
        for ns, _, key, content, hdr in recs:
            self.mon_pid = hdr["pid"]
            out.append((self.header(ns, hdr) + content, content, key))
        return out


# ========================================================= 4 timescaledb ==
class TimescaleDb(Base):
    NAME = "TimescaleDb"
    K = 4
    KIND = "simulation"
    HEADER_RE = (r"(?:(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) UTC \[(?P<pid>\d+)\] "
                 r"(?P<level>LOG|ERROR|WARNING|FATAL|DETAIL|HINT|CONTEXT|STATEMENT):  |\t)")
    EVENTS = [
        ("refresh", 'refreshing continuous aggregate "<*>" in window [ <*>, <*> ]'),
        ("success", "job <*> (<*>) exiting with success: execution time <*> ms"),
        ("failure", "job <*> (<*>) exiting with failure: execution time <*> ms"),
        ("lock_timeout", "canceling statement due to lock timeout"),
        ("deadlock", "deadlock detected"),
        ("dl_detail", "Process <*> waits for <*> on relation <*> of database 16384; blocked by process <*>."),
        ("ctx_sql", 'SQL statement "<*>"'),
        ("ctx_plpgsql", "PL/pgSQL function <*> line <*> at <*>"),
        ("bgw_exit", 'background worker "<*>" (PID <*>) exited with exit code 1'),
        ("no_workers", 'failed to launch job <*> "<*>": out of background workers'),
        ("hint_workers", "Consider increasing timescaledb.max_background_workers."),
        ("admin_term", 'terminating background worker "<*>" due to administrator command'),
        ("chunk_done", "job <*> completed processing chunk <*>"),
        ("chunk_warn", 'compressing chunk "<*>" failed when compression policy is executed'),
        ("chunk_detail", "Message: (<*>), Detail: (<*>)."),
    ]
    POSTMASTER = 1187
    SCHEDULER = 1302
    # id, kind, object, schedule interval (s), extra
    JOBS = [
        (1000, "cagg", "cpu_usage_1m", 60, (60, 3600)),
        (1001, "cagg", "api_latency_5m", 300, (300, 6 * 3600)),
        (1002, "cagg", "conditions_hourly", 600, (3600, 2 * 86400)),
        (1003, "cagg", "orders_daily", 1800, (86400, 7 * 86400)),
        (1004, "compress", "conditions", 600, 1),
        (1005, "compress", "cpu_usage", 300, 2),
        (1006, "retention", "api_requests", 900, None),
        (1007, "retention", "conditions", 1800, None),
    ]
    # (message, detail) builders: f(rng, hypertable id, chunk id)
    CHUNK_ERRORS = [
        (lambda r, h, c: "canceling statement due to lock timeout",
         lambda r, h, c: 'lock on relation "_timescaledb_internal._hyper_%d_%d_chunk" held by process %d'
         % (h, c, r.randint(24000, 26000))),
        (lambda r, h, c: 'could not extend file "base/16384/%d": No space left on device' % r.randint(18000, 19999),
         lambda r, h, c: "Check free disk space."),
        (lambda r, h, c: 'duplicate key value violates unique constraint '
                         '"compress_hyper_%d_%d_chunk_device_id__ts_meta_sequence_num_idx"' % (h + 3, c + 611),
         lambda r, h, c: "Key (device_id, _ts_meta_sequence_num)=(d-%d, 10) already exists." % r.randint(1000, 1999)),
    ]

    def header(self, ns, h):
        if h.get("cont"):
            return "\t"
        return "%s UTC [%d] %s:  " % (ts_ms(ns), h["pid"], h["lvl"])

    def job_name(self, job):
        jid, kind = job[0], job[1]
        return {"cagg": "Refresh Continuous Aggregate Policy [%d]",
                "compress": "Compression Policy [%d]",
                "retention": "Retention Policy [%d]"}[kind] % jid

    def new_pid(self):
        self.pid += self.rng.randint(2, 37)
        return self.pid

    def fail(self, t, job, pid, start):
        rng = self.rng
        L = lambda lvl: {"pid": pid, "lvl": lvl}
        C = {"cont": True}
        kind = self.cyc("fail", job[1], ["lock", "deadlock"])
        if kind == "lock":
            self.emit(t, "lock_timeout", [], L("ERROR"))
        else:
            other = pid - rng.randint(1, 30)
            r1, r2 = rng.randint(17000, 19999), rng.randint(17000, 19999)
            self.emit(t, "deadlock", [], L("ERROR"))
            self.emit(t, "dl_detail", [pid, self.cyc("dl", 1, ["ShareLock", "RowExclusiveLock"]), r1, other],
                      L("DETAIL"))
            self.emit(t, "dl_detail", [other, self.cyc("dl", 2, ["AccessExclusiveLock", "ExclusiveLock"]), r2, pid], C)
        if job[1] == "compress":
            hid = job[4]
            self.chunk_id[hid] += 1
            self.emit(t, "ctx_sql", ["SELECT _timescaledb_functions.compress_chunk('_timescaledb_internal._hyper_%d_%d_chunk', true)"
                                     % (hid, self.chunk_id[hid])], L("CONTEXT"))
            self.emit(t, "ctx_plpgsql", ["_timescaledb_functions.policy_compression_execute(integer,integer,anyelement,integer,boolean,boolean,boolean)",
                                         80, "PERFORM"], C)
            self.emit(t, "ctx_sql", ["CALL _timescaledb_functions.policy_compression_execute(%d, %d, '7 days'::interval, 5, true, false, false)"
                                     % (job[0], hid)], C)
            self.emit(t, "ctx_plpgsql", ["_timescaledb_functions.policy_compression(integer,jsonb)", 51, "CALL"], C)
        exec_ms = (t - start) / MS
        self.emit(t + rng.randint(0, 2) * MS, "failure", [job[0], self.job_name(job), "%.2f" % exec_ms], L("LOG"))
        self.emit(t + rng.randint(3, 9) * MS, "bgw_exit", [self.job_name(job), pid],
                  {"pid": self.POSTMASTER, "lvl": "LOG"})

    def run_job(self, t, job):
        rng = self.rng
        pid = self.new_pid()
        L = lambda lvl: {"pid": pid, "lvl": lvl}
        jid, kind, obj = job[0], job[1], job[2]
        p_fail = {"cagg": 0.05, "compress": 0.22, "retention": 0.2}[kind]
        failed = rng.random() < p_fail
        if kind == "cagg":
            bucket, lookback = job[4]
            now_s = EPOCH0_S + t // NS
            end = (now_s // bucket) * bucket - bucket
            self.emit(t + rng.randint(2, 12) * MS, "refresh", [obj, fmt_abs(end - lookback) + "+00", fmt_abs(end) + "+00"],
                      L("LOG"))
            dur = int(rng.lognormvariate(math.log(90 if bucket < 3600 else 450), 0.7) * MS) + 15 * MS
        elif kind == "compress":
            hid = job[4]
            dur = rng.randint(20, 60) * MS
            for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
                dur += int(rng.lognormvariate(math.log(900), 0.6) * MS)
                self.chunk_id[hid] += 1
                chunk = "_timescaledb_internal._hyper_%d_%d_chunk" % (hid, self.chunk_id[hid])
                if rng.random() < 0.14:
                    fm, fd = self.cyc("chunk_detail", 0, self.CHUNK_ERRORS)
                    msg, det = fm(rng, hid, self.chunk_id[hid]), fd(rng, hid, self.chunk_id[hid])
                    self.emit(t + dur, "chunk_warn", [chunk], L("WARNING"))
                    self.emit(t + dur, "chunk_detail", [msg, det], L("DETAIL"))
                else:
                    self.emit(t + dur, "chunk_done", [jid, chunk], L("LOG"))
            dur += rng.randint(3, 30) * MS
        else:
            dur = int(rng.lognormvariate(math.log(40), 0.8) * MS) + 5 * MS
        dur += rng.randint(0, MS - 1)
        if failed:
            self.fail(t + dur, job, pid, t)
        else:
            self.emit(t + dur, "success", [jid, self.job_name(job), "%.2f" % (dur / MS)], L("LOG"))

    def build(self):
        rng = self.rng
        self.pid = 24100
        self.chunk_id = {1: 180, 2: 412}
        t0 = (9 * 3600 + 2 * 60) * NS + rng.randint(0, NS - 1)
        horizon = t0 + 3 * 3600 * NS
        # every job runs on its own schedule; actions are executed in time order so that
        # backend PIDs grow with time, as the postmaster hands them out
        actions = []
        for job in self.JOBS:
            t = t0 + rng.randint(0, job[3]) * NS + rng.randint(0, NS - 1)
            while t < horizon:
                actions.append((t, len(actions), "run", job))
                t += job[3] * NS + rng.randint(5, 1500) * MS
        # the scheduler sometimes cannot get a worker slot
        t = t0
        for _ in range(6):
            t += rng.randint(240, 600) * NS + rng.randint(0, NS - 1)
            actions.append((t, len(actions), "no_workers", None))
        # a DBA cancels a few running jobs with pg_terminate_backend()
        t = t0
        for _ in range(4):
            t += rng.randint(420, 800) * NS + rng.randint(0, NS - 1)
            actions.append((t, len(actions), "admin_term", None))
        actions.sort(key=lambda a: (a[0], a[1]))
        for t, _, what, job in actions:
            if what == "run":
                self.run_job(t, job)
            elif what == "no_workers":
                job = self.cyc("no_workers", 0, self.JOBS[:3] + self.JOBS[4:6])
                self.emit(t, "no_workers", [job[0], self.job_name(job)], {"pid": self.SCHEDULER, "lvl": "WARNING"})
                self.emit(t, "hint_workers", [], {"pid": self.SCHEDULER, "lvl": "HINT"})
            else:
                job = self.cyc("admin_term", 0, [self.JOBS[5], self.JOBS[1], self.JOBS[4]])
                pid = self.new_pid()
                self.emit(t, "admin_term", [self.job_name(job)], {"pid": pid, "lvl": "FATAL"})
                self.emit(t + rng.randint(2, 8) * MS, "bgw_exit", [self.job_name(job), pid],
                          {"pid": self.POSTMASTER, "lvl": "LOG"})


# ======================================================== 5 apache pinot ==
class ApachePinot(Base):
    NAME = "ApachePinot"
    K = 5
    KIND = "shuffle"
    HEADER_RE = (r"(?P<ts>\d{4}/\d\d/\d\d \d\d:\d\d:\d\d\.\d{3}) (?P<level>TRACE|DEBUG|INFO|WARN|ERROR|FATAL) "
                 r"\[(?P<logger>[^\]]+)\] \[(?P<thread>[^\]]+)\] ")
    EVENTS = [
        ("add_seg", "Adding segment: <*> to table: <*>"),
        ("remove_seg", "Removing segment: <*> from table: <*>"),
        ("online_from_offline", "SegmentOnlineOfflineStateModel.onBecomeOnlineFromOffline() : <*>"),
        ("offline_from_online", "SegmentOnlineOfflineStateModel.onBecomeOfflineFromOnline() : <*>"),
        ("consuming_from_offline", "SegmentOnlineOfflineStateModel.onBecomeConsumingFromOffline() : <*>"),
        ("consumed", "Consumed <*> events from (rate:<*>/s), currentOffset=<*>, numRowsConsumedSoFar=<*>, "
                     "numRowsIndexedSoFar=<*>"),
        ("stop_time", "Stopping consumption due to time limit start=<*> now=<*> numRowsConsumed=<*> numRowsIndexed=<*>"),
        ("stop_rows", "Stopping consumption due to row limit nRows=<*> numRowsIndexed=<*>, numRowsConsumed=<*>"),
        ("processed", "Processed requestId=<*>,table=<*>,segments(queried/processed/matched/consuming)=<*>/<*>/<*>/<*>,"
                      "schedulerWaitMs=<*>,reqDeserMs=<*>,totalExecMs=<*>,resSerMs=<*>,totalTimeMs=<*>,"
                      "minConsumingFreshnessMs=<*>,broker=<*>,numDocsScanned=<*>,scanInFilter=<*>,scanPostFilter=<*>,"
                      "sched=fcfs"),
        ("downloading", "Downloading segment: <*> of table: <*> with crc: <*> from: <*>"),
        ("downloaded", "Downloaded and untarred segment: <*> of table: <*> in <*>"),
        ("download_fail", "Failed to download segment: <*> of table: <*> from: <*> (attempt <*>/3): <*>"),
        ("query_timeout", "Query timed out for requestId: <*>, table: <*>, timeoutMs: <*>"),
        ("destroy_seg", "Trying to destroy segment : <*>"),
    ]
    TABLES = ["airlineStats_OFFLINE", "clickEvents_REALTIME", "orders_OFFLINE", "airlineStats_REALTIME"]
    RT = ["clickEvents_REALTIME", "airlineStats_REALTIME"]
    OFF = ["airlineStats_OFFLINE", "orders_OFFLINE"]
    BROKERS = ["Broker_pinot-broker-0.pinot-broker-headless.pinot.svc.cluster.local_8099",
               "Broker_pinot-broker-1.pinot-broker-headless.pinot.svc.cluster.local_8099"]
    DEEPSTORE = ["http://pinot-controller-0.pinot-controller-headless.pinot.svc.cluster.local:9000/segments",
                 "s3://acme-pinot-deepstore/segments"]
    DL_ERRORS = ["java.net.SocketTimeoutException: Read timed out",
                 "org.apache.pinot.spi.utils.retry.AttemptsExceededException: Operation failed after 3 attempts",
                 "software.amazon.awssdk.services.s3.model.NoSuchKeyException: The specified key does not exist."]
    STATE_LOGGER = "SegmentOnlineOfflineStateModelFactory$SegmentOnlineOfflineStateModel"

    def header(self, ns, h):
        return "%s %s [%s] [%s] " % (ts_ms(ns, "/"), h["lvl"], h["logger"], h["thread"])

    def helix(self):
        return "HelixTaskExecutor-message_handle_thread_%d" % self.rng.randint(0, 39)

    def segment(self, table):
        raw = table.rsplit("_", 1)[0]
        r = self.rng
        if table.endswith("_REALTIME"):
            return "%s__%d__%d__20260314T%02d%02dZ" % (raw, r.randint(0, 7), r.randint(90, 140),
                                                      r.randint(0, 12), r.choice([0, 15, 30, 45]))
        d = "2026-03-%02d" % r.randint(1, 13)
        return "%s_%s_%s_%d" % (raw, d, d, r.randint(0, 11))

    def build(self):
        rng = self.rng
        self.req = 4418203

        def add_remove(key):
            def f():
                tb = self.cyc(key, 1, self.TABLES)
                return [(key, [self.segment(tb), tb],
                         {"lvl": "INFO", "logger": "HelixInstanceDataManager", "thread": self.helix()})]
            return f

        def transition(key):
            def f():
                return [(key, [self.uuid()], {"lvl": "INFO", "logger": self.STATE_LOGGER, "thread": self.helix()})]
            return f

        def rt_hdr(seg, lvl="INFO"):
            return {"lvl": lvl, "logger": "RealtimeSegmentDataManager_" + seg, "thread": seg}

        def consumed():
            tb = self.cyc("consumed", "table", self.RT)
            seg = self.segment(tb)
            n = rng.randint(40000, 60000)
            so_far = rng.randint(n, 480000)
            return [("consumed", [n, "%.1f" % (n / rng.uniform(55.0, 65.0)), rng.randint(10 ** 7, 9 * 10 ** 8),
                                  so_far, so_far - rng.choice([0, 0, 0, rng.randint(1, 40)])], rt_hdr(seg))]

        def stop_time():
            tb = self.cyc("stop_time", "table", self.RT)
            seg = self.segment(tb)
            start = epoch_ms(rng.randint(0, 6 * 3600) * NS)
            n = rng.randint(20000, 99000)
            return [("stop_time", [start, start + 6 * 3600 * 1000 + rng.randint(0, 999), n, n - rng.randint(0, 3)],
                     rt_hdr(seg))]

        def stop_rows():
            tb = self.cyc("stop_rows", "table", self.RT)
            seg = self.segment(tb)
            limit = self.cyc("stop_rows", 0, [500000, 100000])
            return [("stop_rows", [limit, limit, limit + rng.randint(0, 12)], rt_hdr(seg))]

        def processed():
            tb = self.cyc("processed", 1, self.TABLES)
            self.req += rng.randint(1, 40)
            q = rng.randint(4, 64)
            p = q - rng.choice([0, 0, rng.randint(1, q - 1)])
            m = rng.randint(0, p)
            rt = tb.endswith("_REALTIME")
            cons = rng.randint(1, 2) if rt else -1
            wait, deser, ser = rng.choice([0, 0, 1, 3]), rng.choice([0, 0, 1]), rng.choice([0, 1, 2])
            ex = int(rng.lognormvariate(math.log(12), 1.0)) + 1
            fresh = epoch_ms(self.now - rng.randint(1, 4000) * MS) if rt else -1
            docs = rng.randint(0, 5 * 10 ** 6)
            return [("processed", [self.req, tb, q, p, m, cons, wait, deser, ex, ser, wait + deser + ex + ser, fresh,
                                   self.cyc("processed", 10, self.BROKERS), docs, rng.randint(0, 9 * 10 ** 6),
                                   rng.randint(0, docs)],
                     {"lvl": "INFO", "logger": "QueryScheduler", "thread": "pqr-%d" % rng.randint(0, 15)})]

        def dl_vals(key):
            tb = self.cyc(key, 1, self.OFF)
            seg = self.segment(tb)
            uri = "%s/%s/%s" % (self.cyc(key, "store", self.DEEPSTORE), tb.rsplit("_", 1)[0], seg)
            return seg, tb, uri

        def downloading():
            seg, tb, uri = dl_vals("downloading")
            return [("downloading", [seg, tb, rng.randint(10 ** 9, 4 * 10 ** 9), uri],
                     {"lvl": "INFO", "logger": "BaseTableDataManager", "thread": self.helix()})]

        def downloaded():
            seg, tb, _ = dl_vals("downloaded")
            return [("downloaded", [seg, tb, "%dms" % int(rng.lognormvariate(math.log(700), 0.8))],
                     {"lvl": "INFO", "logger": "BaseTableDataManager", "thread": self.helix()})]

        def download_fail():
            seg, tb, uri = dl_vals("download_fail")
            return [("download_fail", [seg, tb, uri, self.cyc("download_fail", 3, [1, 2, 3]),
                                       self.cyc("download_fail", 4, self.DL_ERRORS)],
                     {"lvl": "WARN", "logger": "BaseTableDataManager", "thread": self.helix()})]

        def query_timeout():
            self.req += rng.randint(1, 40)
            return [("query_timeout", [self.req, self.cyc("query_timeout", 1, self.TABLES),
                                       self.cyc("query_timeout", 2, [10000, 15000])],
                     {"lvl": "WARN", "logger": "ServerQueryExecutorV1Impl", "thread": "pqw-%d" % rng.randint(0, 7)})]

        def destroy_seg():
            seg = self.segment(self.cyc("destroy_seg", 0, self.RT))
            return [("destroy_seg", [seg], {"lvl": "INFO", "logger": "MutableSegmentImpl_" + seg, "thread": self.helix()})]

        plan = [(20, add_remove("add_seg")), (8, add_remove("remove_seg")),
                (18, transition("online_from_offline")), (6, transition("offline_from_online")),
                (10, transition("consuming_from_offline")), (50, consumed), (5, stop_time), (7, stop_rows),
                (125, processed), (16, downloading), (16, downloaded), (6, download_fail), (4, query_timeout),
                (9, destroy_seg)]
        self.now = (13 * 3600 + 4 * 60) * NS
        # processed() needs the current clock (freshness), so this shuffle keeps it in self.now
        self.shuffle_clocked(plan, start_ns=self.now, mean_gap_s=3.0)

    def shuffle_clocked(self, plan, start_ns, mean_gap_s):
        items = []
        for count, fn in plan:
            items.extend([fn] * count)
        self.rng.shuffle(items)
        self.now = start_ns
        for fn in items:
            self.now += self.exp_ns(mean_gap_s)
            for key, values, hdr in fn():
                self.emit(self.now, key, values, hdr)


# ========================================================== 6 starrocks fe ==
class StarRocks(Base):
    NAME = "StarRocks"
    K = 6
    KIND = "simulation"
    HEADER_RE = (r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z) (?P<level>DEBUG|INFO|WARN|ERROR) "
                 r"\((?P<thread>[^|()]+)\|(?P<tid>\d+)\) \[(?P<loc>[A-Za-z0-9_$]+\.[A-Za-z0-9_$<>]+)\(\):(?P<line>\d+)\] ")
    EVENTS = [
        ("txn_begin_req", "receive txn begin request, db: <*>, tbl: <*>, label: <*>, backend: <*>"),
        ("txn_begin", "begin transaction: txn_id: <*> with label <*> from coordinator BE: <*>, listener id: <*>"),
        ("txn_committed", "transaction:[TransactionState. txn_id: <*>, label: <*>, db id: <*>, table id list: <*>, "
                          "callback id: <*>, coordinator: BE: <*>, transaction status: COMMITTED, error replicas num: 0, "
                          "unknown replicas num: 0, prepare time: <*>, commit time: <*>, finish time: -1, "
                          "write cost: <*>] successfully committed"),
        ("txn_finished", "finish transaction TransactionState. txn_id: <*>, label: <*>, db id: <*>, table id list: <*>, "
                         "transaction status: VISIBLE, publish cost: <*> successfully"),
        ("txn_rollback_req", "receive txn rollback request. db: <*>, tbl: <*>, txn_id: <*>, reason: <*>, backend: <*>"),
        ("txn_aborted", "transaction:[TransactionState. txn_id: <*>, label: <*>, db id: <*>, table id list: <*>, "
                        "transaction status: ABORTED, reason: <*>] successfully rollback"),
        ("label_used", "failed to begin: Label [<*>] has already been used, relate to txn [<*>]"),
        ("query_reg", "register query id = <*>, job: -1"),
        ("query_dereg", "deregister query id <*>"),
        ("ckpt_begin", "begin to generate new image: <*>"),
        ("ckpt_done", "checkpoint finished save <*>"),
        ("tablet_check", "finished to check tablets. unhealthy/total/added/in_sched/not_ready: <*>/<*>/<*>/<*>/<*>, "
                         "cost: <*> ms"),
        ("be_dead", "backend[<*>] host: <*> is dead due to exceed heartbeat retry times, msg: <*>"),
        ("be_alive", "backend[<*>] host: <*> is back to alive"),
    ]
    LOC = {
        "txn_begin_req": ("INFO", "FrontendServiceImpl.loadTxnBegin", 1124),
        "txn_begin": ("INFO", "DatabaseTransactionMgr.beginTransaction", 287),
        "txn_committed": ("INFO", "DatabaseTransactionMgr.commitTransaction", 512),
        "txn_finished": ("INFO", "DatabaseTransactionMgr.finishTransaction", 1093),
        "txn_rollback_req": ("INFO", "FrontendServiceImpl.loadTxnRollback", 1342),
        "txn_aborted": ("INFO", "DatabaseTransactionMgr.abortTransaction", 1318),
        "label_used": ("WARN", "FrontendServiceImpl.loadTxnBegin", 1131),
        "query_reg": ("INFO", "QeProcessorImpl.registerQuery", 88),
        "query_dereg": ("INFO", "QeProcessorImpl.unregisterQuery", 131),
        "ckpt_begin": ("INFO", "Checkpoint.doCheckpoint", 96),
        "ckpt_done": ("INFO", "Checkpoint.doCheckpoint", 173),
        "tablet_check": ("INFO", "TabletChecker.runAfterCatalogReady", 214),
        "be_dead": ("WARN", "HeartbeatMgr.runAfterCatalogReady", 143),
        "be_alive": ("INFO", "ComputeNode.handleHbResponse", 642),
    }
    DBS = [("ods_events", 10125, [("user_clicks", 10188), ("page_views", 10241)]),
           ("dw_sales", 11002, [("orders_detail", 11037), ("refunds", 11090)])]
    BES = ["10.40.2.11", "10.40.2.12", "10.40.2.13", "10.40.2.14", "10.40.2.15"]
    FLAPPY = [(10003, "10.40.2.13"), (10005, "10.40.2.15")]
    ABORT_REASONS = ["too many filtered rows",
                     "[E1008]Reached timeout=300000ms @10.40.2.14",
                     "cancelled by user",
                     "load status: Cancelled, error msg: [Cancelled]primary key size exceed the limit."]
    HB_ERRORS = ["java.net.ConnectException: Connection refused (Connection refused)",
                 "java.net.SocketTimeoutException: Read timed out"]

    def header(self, ns, h):
        lvl, loc, line = self.LOC[h["key"]]
        return "%s.%03dZ %s (%s|%d) [%s():%d] " % (ts_sec(ns), _hms(ns)[3], lvl, h["thread"],
                                                   self.tid_of(h["thread"]), loc, line)

    def tid_of(self, thread):
        if thread not in self.tids:
            self.tid_next += self.rng.randint(1, 9)
            self.tids[thread] = self.tid_next
        return self.tids[thread]

    def em(self, ns, key, values, thread):
        self.emit(ns, key, values, {"key": key, "thread": thread})

    def build(self):
        rng = self.rng
        self.tids = {}
        self.tid_next = 140
        for fixed in ("leaderCheckpointer", "tablet checker", "heartbeat mgr", "PUBLISH_VERSION"):
            self.tid_of(fixed)
        t0 = (14 * 3600 + 31 * 60) * NS + rng.randint(0, 59 * NS)
        horizon = t0 + 900 * NS

        # interactive queries over the MySQL protocol
        t = t0
        while t < horizon:
            t += self.exp_ns(1.6)
            qid = self.uuid()
            th = "starrocks-mysql-nio-pool-%d" % rng.randint(0, 15)
            self.em(t, "query_reg", [qid], th)
            self.em(t + int(rng.lognormvariate(math.log(60), 1.3) * MS) + rng.randint(1, 999) * US,
                    "query_dereg", [qid], th)

        # stream load transactions
        t = t0
        txn = 880123
        listener = 40211
        labels = []
        while t < horizon:
            t += self.exp_ns(6.5)
            txn += rng.randint(1, 4)
            listener += rng.randint(1, 3)
            db, dbid, tables = self.cyc("txn", "db", self.DBS)
            tbl, tblid = self.cyc("txn", db, tables)
            label = self.cyc("txn", "labelstyle", [
                lambda: "flink_connector_%s_%s" % (tbl, self.hexid(12)),
                lambda: self.uuid(),
                lambda: "routine_%s_%d" % (tbl, txn)])()
            labels.append((t, label, txn))
            be = rng.choice(self.BES)
            th = "thrift-server-pool-%d" % rng.randint(0, 63)
            self.em(t, "txn_begin_req", [db, tbl, label, be], th)
            tb = t + rng.randint(1, 4) * MS + rng.randint(0, MS - 1)
            self.em(tb, "txn_begin", [txn, label, be, listener], th)
            load = int(rng.lognormvariate(math.log(1800), 0.9) * MS)
            te = tb + load
            th2 = "thrift-server-pool-%d" % rng.randint(0, 63)
            if rng.random() < 0.2:
                reason = self.cyc("txn", "reason", self.ABORT_REASONS)
                self.em(te, "txn_rollback_req", [db, tbl, txn, reason, be], th2)
                self.em(te + rng.randint(1, 3) * MS, "txn_aborted", [txn, label, dbid, "[%d]" % tblid, reason], th2)
            else:
                self.em(te, "txn_committed", [txn, label, dbid, "[%d]" % tblid, listener, be, epoch_ms(tb), epoch_ms(te),
                                              "%dms" % (load // MS)], th2)
                pub = rng.randint(20, 400) * MS + rng.randint(0, MS - 1)
                self.em(te + pub, "txn_finished", [txn, label, dbid, "[%d]" % tblid, "%dms" % (pub // MS)],
                        "PUBLISH_VERSION")

        # clients retrying with a label that was already used
        t = t0 + 20 * NS
        while t < horizon:
            t += self.exp_ns(28.0)
            old = [x for x in labels if x[0] < t - 2 * NS]
            if not old:
                continue
            _, label, old_txn = old[-1 - rng.randint(0, min(5, len(old) - 1))]
            self.em(t, "label_used", [label, old_txn], "thrift-server-pool-%d" % rng.randint(0, 63))

        # leader checkpoints
        t = t0 + rng.randint(5, 25) * NS
        image = 77310412
        while t < horizon:
            image += rng.randint(4000, 60000)
            self.em(t, "ckpt_begin", ["image.%d" % image], "leaderCheckpointer")
            self.em(t + rng.randint(2000, 7000) * MS, "ckpt_done", ["image.%d" % image], "leaderCheckpointer")
            t += rng.randint(35, 50) * NS + rng.randint(0, NS - 1)

        # tablet checker every 20 s
        t = t0 + rng.randint(0, 19) * NS
        total = 12480
        while t < horizon:
            total += self.cyc("tablet_check", "grow", [0, 0, 6, 0, 12])
            self.em(t, "tablet_check", [self.cyc("tablet_check", 0, [0, 0, 1, 3, 0, 2]), total,
                                        self.cyc("tablet_check", 2, [0, 0, 1]), self.cyc("tablet_check", 3, [0, 1, 0, 2]),
                                        self.cyc("tablet_check", 4, [0, 0, 0, 1]), rng.randint(3, 40)],
                    "tablet checker")
            t += 20 * NS + rng.randint(0, 30) * MS

        # two flapping backends
        t = t0 + rng.randint(8, 20) * NS
        while t < horizon:
            bid, host = self.cyc("be", 0, self.FLAPPY)
            self.em(t, "be_dead", [bid, host, self.cyc("be_dead", 2, self.HB_ERRORS)], "heartbeat mgr")
            self.em(t + rng.randint(8, 25) * NS + rng.randint(0, NS - 1), "be_alive", [bid, host], "heartbeat mgr")
            t += rng.randint(30, 48) * NS + rng.randint(0, NS - 1)


SYSTEMS = [MySqlRouter, Orchestrator, FoundationDb, TimescaleDb, ApachePinot, StarRocks]


# ------------------------------------------------------------------ output --
def write_system(sysobj):
    rows = sysobj.render()
    d = os.path.join(HERE, sysobj.NAME)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, sysobj.NAME + ".log"), "w", encoding="utf-8", newline="\n") as f:
        for raw, _, _ in rows:
            f.write(raw + "\n")
    with open(os.path.join(d, sysobj.NAME + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, content, key) in enumerate(rows, 1):
            w.writerow([i, content, sysobj.eid[key], sysobj.tpl[key]])


def ts_tuple(ts):
    for i, mn in enumerate(MONTHS):
        ts = ts.replace(mn, "%02d" % (i + 1))
    return tuple(int(x) for x in re.findall(r"\d+", ts))


def check_system(cls):
    name = cls.NAME
    errors = []

    def fail(msg):
        errors.append(msg)

    d = os.path.join(HERE, name)
    with open(os.path.join(d, name + ".log"), "rb") as f:
        raw = f.read()
    if not raw.endswith(b"\n"):
        fail("log does not end with newline")
    if b"\r" in raw:
        fail("log contains CR")
    lines = raw.decode("utf-8").split("\n")[:-1]
    if len(lines) != N_LINES:
        fail("log has %d lines" % len(lines))
    with open(os.path.join(d, name + ".log_structured.csv"), "rb") as f:
        craw = f.read()
    if not craw.endswith(b"\n") or b"\r" in craw:
        fail("csv line endings")
    rows = list(csv.reader(craw.decode("utf-8").splitlines(True)))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        fail("csv header %r" % rows[0])
    rows = rows[1:]
    if len(rows) != N_LINES:
        fail("csv has %d rows" % len(rows))
    hre = re.compile(cls.HEADER_RE)
    declared = [t for _, t in cls.EVENTS]
    declared_ids = ["E%d" % (i + 1) for i in range(len(declared))]
    eid_tpl = {}
    counts = {}
    caps = {}
    regexes = {e: template_regex(t) for e, t in zip(declared_ids, declared)}
    last_ts = None
    for i, row in enumerate(rows):
        if len(row) != 4:
            fail("row %d has %d columns" % (i + 1, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i + 1):
            fail("row %d LineId %r" % (i + 1, lid))
        if not content or content != content.strip():
            fail("row %d content not stripped/non-empty" % (i + 1))
        line = lines[i] if i < len(lines) else ""
        if not line.endswith(content):
            fail("line %d does not end with its Content" % (i + 1))
            continue
        m = hre.fullmatch(line[:len(line) - len(content)])
        if not m:
            fail("line %d header does not match: %r" % (i + 1, line[:len(line) - len(content)]))
            continue
        ts = m.groupdict().get("ts")
        if ts:
            tt = ts_tuple(ts)
            if last_ts is not None and tt < last_ts:
                fail("line %d timestamp goes back" % (i + 1))
            last_ts = tt
        if not re.fullmatch(r"E\d+", eid):
            fail("row %d bad EventId %r" % (i + 1, eid))
            continue
        if eid_tpl.setdefault(eid, tpl) != tpl:
            fail("EventId %s has two templates" % eid)
        if eid not in regexes or declared[int(eid[1:]) - 1] != tpl:
            fail("row %d EventId/template not as declared" % (i + 1))
            continue
        mm = regexes[eid].fullmatch(content)
        if not mm:
            fail("row %d template does not match content" % (i + 1))
            continue
        for other, rx in regexes.items():
            if other != eid and rx.fullmatch(content):
                fail("row %d content also matches %s" % (i + 1, other))
        counts[eid] = counts.get(eid, 0) + 1
        for j, g in enumerate(mm.groups()):
            caps.setdefault((eid, j), set()).add(g)
    if len(set(eid_tpl.values())) != len(eid_tpl):
        fail("two EventIds share a template")
    if len(set(declared)) != len(declared):
        fail("declared templates not distinct")
    if set(counts) != set(declared_ids):
        fail("declared but unused events: %s" % sorted(set(declared_ids) - set(counts)))
    for e in declared_ids:
        for j in range(declared[int(e[1:]) - 1].count("<*>")):
            if len(caps.get((e, j), ())) < 2:
                fail("%s slot %d captures fewer than 2 distinct values" % (e, j + 1))
    vals = [counts.get(e, 0) for e in declared_ids]
    if not 12 <= len(declared_ids) <= 15:
        fail("%d event types" % len(declared_ids))
    if min(vals) < 3:
        fail("an event has fewer than 3 lines: %s" % dict(zip(declared_ids, vals)))
    if sum(1 for v in vals if 3 <= v <= 10) < 3:
        fail("fewer than 3 events with 3-10 lines")
    med = statistics.median(vals)
    if max(vals) < 3 * med:
        fail("largest %d < 3 x median %s" % (max(vals), med))
    return errors, counts, med


def main():
    for cls in SYSTEMS:
        write_system(cls())
    ok = True
    for cls in SYSTEMS:
        errors, counts, med = check_system(cls)
        ids = ["E%d" % (i + 1) for i in range(len(cls.EVENTS))]
        print("%-13s %-10s events=%2d lines=%d max=%d median=%s counts=%s" % (
            cls.NAME, cls.KIND, len(cls.EVENTS), sum(counts.values()), max(counts.values() or [0]), med,
            " ".join("%s:%d" % (e, counts.get(e, 0)) for e in ids)))
        for e in errors[:20]:
            print("   FAIL:", e)
        ok = ok and not errors
    print("self-check:", "PASSED" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
