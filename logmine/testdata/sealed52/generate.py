#!/usr/bin/env python3
"""Sealed 52: blind labelled log corpus generator.

Python 3 standard library only.  Fully deterministic: no wall clock, no locale.
Base seed 20270167; system k (1..6) uses random.Random(20270167 * 10 + k).
All timestamps come from an integer nanosecond clock on 2026-03-14 UTC
(nanoseconds since 2026-03-14T00:00:00Z).

Running it writes, for every system, <System>/<System>.log (300 raw lines) and
<System>/<System>.log_structured.csv (LineId,Content,EventId,EventTemplate),
then re-reads every file and self-checks it.
"""

import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270167
OUT_DIR = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300

# fixed month list (never taken from the locale)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
DATE = "%04d-%02d-%02d" % (YEAR, MONTH, DAY)

NS_PER_MS = 1000000
NS_PER_S = 1000000000
DAY_NS = 86400 * NS_PER_S


# ---------------------------------------------------------------------------
# clock helpers
# ---------------------------------------------------------------------------

def tparts(ns):
    """Split ns-since-midnight into (h, m, s, ms, us)."""
    if not 0 <= ns < DAY_NS:
        raise ValueError("clock left 2026-03-14: %d" % ns)
    sec, sub = divmod(ns, NS_PER_S)
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    return h, m, s, sub // NS_PER_MS, sub // 1000


def hms(ns):
    h, m, s, _, _ = tparts(ns)
    return "%02d:%02d:%02d" % (h, m, s)


def ms_of(ns):
    return tparts(ns)[3]


def sec(x):
    return int(x * NS_PER_S)


def msec(x):
    return int(x * NS_PER_MS)


def go_duration(ns):
    """Format a duration the way Go's time.Duration.String() does (>= 1ms)."""
    if ns < NS_PER_S:
        v = ns / NS_PER_MS
        return ("%.6f" % v).rstrip("0").rstrip(".") + "ms"
    total_s = ns / NS_PER_S
    h = int(total_s // 3600)
    m = int((total_s - h * 3600) // 60)
    s = total_s - h * 3600 - m * 60
    s_txt = ("%.6f" % s).rstrip("0").rstrip(".") + "s"
    if h:
        return "%dh%dm%s" % (h, m, s_txt)
    if m:
        return "%dm%s" % (m, s_txt)
    return s_txt


# ---------------------------------------------------------------------------
# value helpers
# ---------------------------------------------------------------------------

HEX = "0123456789abcdef"
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def rhex(r, n):
    return "".join(r.choice(HEX) for _ in range(n))


def rb62(r, n):
    return "".join(r.choice(B62) for _ in range(n))


def ruuid(r):
    h = rhex(r, 32)
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def grouped(n):
    return "{:,}".format(n)


def logback_abbrev(name, target):
    """logback TargetLengthBasedClassNameAbbreviator (approximation)."""
    if len(name) <= target:
        return name
    parts = name.split(".")
    for i in range(len(parts) - 1):
        if len(".".join(parts)) <= target:
            break
        parts[i] = parts[i][0]
    return ".".join(parts)


# ---------------------------------------------------------------------------
# system framework
# ---------------------------------------------------------------------------

class System:
    def __init__(self, k, name, header_re, events):
        self.k = k
        self.name = name
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.events = events            # list of (key, template)
        self.index = {}
        for i, (key, tpl) in enumerate(events):
            if key in self.index:
                raise ValueError("duplicate event key %s" % key)
            self.index[key] = i
        self.cycles = {}
        self.records = []               # (header, event_key, content)
        self.kind = ""

    def cyc(self, ev, slot, pool):
        """Cycle through a small pool per (event, slot)."""
        key = (ev, slot)
        i = self.cycles.get(key)
        if i is None:
            i = self.rng.randrange(len(pool))
        self.cycles[key] = i + 1
        return pool[i % len(pool)]

    def render(self, ev, vals):
        tpl = self.events[self.index[ev]][1]
        parts = tpl.split("<*>")
        if len(parts) - 1 != len(vals):
            raise ValueError("%s/%s: %d slots, %d values"
                             % (self.name, ev, len(parts) - 1, len(vals)))
        out = [parts[0]]
        for v, p in zip(vals, parts[1:]):
            out.append(str(v))
            out.append(p)
        return "".join(out)

    def add(self, header, ev, vals):
        self.records.append((header, ev, self.render(ev, vals)))

    def event_id(self, ev):
        return "E%d" % (self.index[ev] + 1)


class Sim:
    """Merge lines from entities with their own clocks, in time order."""

    def __init__(self):
        self.items = []
        self.seq = 0

    def emit(self, ns, entity, payload):
        self.items.append((ns, entity, self.seq, payload))
        self.seq += 1

    def first(self, n):
        self.items.sort(key=lambda x: (x[0], x[1], x[2]))
        if len(self.items) < n:
            raise ValueError("simulation produced only %d lines" % len(self.items))
        return self.items[:n]


def shuffled_plan(S, counts):
    plan = []
    for ev, n in counts:
        plan.extend([ev] * n)
    if len(plan) != N_LINES:
        raise ValueError("%s: counts sum to %d" % (S.name, len(plan)))
    S.rng.shuffle(plan)
    return plan


# ===========================================================================
# 1. QpidBrokerJ  (simulation: AMQP connections with channels/subscriptions)
# ===========================================================================

QPID_EVENTS = [
    ("con_open", "[con:<*>(/<*>:<*>)] CON-1001 : Open : Destination : AMQP(10.40.2.15:<*>) : Protocol Version : <*>"),
    ("con_open_full", "[con:<*>(<*>@/<*>:<*>/<*>)] CON-1001 : Open : Destination : AMQP(10.40.2.15:<*>) : Protocol Version : <*> : Client ID : <*> : Client Version : <*> : Client Product : <*>"),
    ("chn_create", "[con:<*>(<*>@/<*>:<*>/<*>)/ch:<*>] CHN-1001 : Create"),
    ("sub_create", "[sub:<*>(vh(/<*>)/qu(<*>))] SUB-1001 : Create"),
    ("sub_close", "[sub:<*>(vh(/<*>)/qu(<*>))] SUB-1002 : Close"),
    ("chn_close", "[con:<*>(<*>@/<*>:<*>/<*>)/ch:<*>] CHN-1003 : Close"),
    ("con_close", "[con:<*>(<*>@/<*>:<*>/<*>)] CON-1002 : Close"),
    ("con_dropped", "[con:<*>(<*>@/<*>:<*>/<*>)] CON-1004 : Connection dropped"),
    ("flow_enforced", "[con:<*>(<*>@/<*>:<*>/<*>)/ch:<*>] CHN-1005 : Flow Control Enforced (Queue <*>)"),
    ("flow_removed", "[con:<*>(<*>@/<*>:<*>/<*>)/ch:<*>] CHN-1006 : Flow Control Removed"),
    ("que_overfull", "[vh(/<*>)/qu(<*>)] QUE-1003 : Overfull : Size : <*> bytes, <*> messages : Max Size : <*> bytes, <*> messages"),
    ("que_underfull", "[vh(/<*>)/qu(<*>)] QUE-1004 : Underfull : Size : <*> bytes, <*> messages : Resume Size : <*> bytes, <*> messages"),
    ("open_txn", "[con:<*>(<*>@/<*>:<*>/<*>)/ch:<*>] CHN-1008 : Open Transaction : <*> ms"),
    ("idle_txn", "[con:<*>(<*>@/<*>:<*>/<*>)/ch:<*>] CHN-1011 : Idle Transaction : <*> ms"),
]

QPID_HEADER_RE = (r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) "
                  r"(?:INFO |WARN |ERROR|DEBUG) \[.+\] \([\w.]+\) - ")

QPID_LOGGERS = {
    "con_open": "qpid.message.connection.open",
    "con_open_full": "qpid.message.connection.open",
    "chn_create": "qpid.message.channel.create",
    "sub_create": "qpid.message.subscription.create",
    "sub_close": "qpid.message.subscription.close",
    "chn_close": "qpid.message.channel.close",
    "con_close": "qpid.message.connection.close",
    "con_dropped": "qpid.message.connection.dropped_connection",
    "flow_enforced": "qpid.message.channel.flow_enforced",
    "flow_removed": "qpid.message.channel.flow_removed",
    "que_overfull": "qpid.message.queue.overfull",
    "que_underfull": "qpid.message.queue.underfull",
    "open_txn": "qpid.message.channel.open_txn",
    "idle_txn": "qpid.message.channel.idle_txn",
}
QPID_LEVELS = {"con_dropped": "WARN", "open_txn": "WARN", "idle_txn": "WARN",
               "que_overfull": "WARN"}


def qpid_logger(ev):
    # default pattern uses %logger{2}: every package shortened to one letter
    parts = QPID_LOGGERS[ev].split(".")
    return ".".join([p[0] for p in parts[:-1]] + [parts[-1]])


def build_qpid(S):
    r = S.rng
    S.kind = "simulation"
    sim = Sim()
    t0 = sec(7 * 3600 + 12 * 60) + r.randrange(NS_PER_S)
    clients = ["10.40.7.21", "10.40.7.22", "10.40.9.113", "10.41.0.56", "10.41.3.8"]
    users = ["orders-svc", "billing", "inventory-app", "reporting", "guest"]
    vhosts = ["default", "orders"]
    queues = {"default": ["audit.events", "notifications", "deadletter"],
              "orders": ["orders.in", "orders.retry", "shipments.out"]}
    qlimits = {"audit.events": (10485760, 20000), "notifications": (5242880, 10000),
               "deadletter": (52428800, 50000), "orders.in": (20971520, 25000),
               "orders.retry": (8388608, 8000), "shipments.out": (16777216, 15000)}
    libs = [("QpidJMS", "1.10.0", "1.0"), ("QpidJMS", "2.5.0", "1.0"),
            ("qpid-jms-client", "6.3.4", "0-9-1"), ("qpid-python", "1.39.0", "0-10")]
    con_id = 1040 + r.randrange(60)
    sub_id = 310 + r.randrange(90)
    ent = 0

    def line(ns, entity, ev, thread, vals):
        sim.emit(ns, entity, (ev, thread, vals))

    t = t0
    for _ in range(70):
        t += sec(r.expovariate(1 / 4.5)) + 1
        con_id += 1
        ent += 1
        ip = S.cyc("conn", "ip", clients)
        port = r.randint(32768, 60999)
        user = S.cyc("conn", "user", users)
        vh = S.cyc("conn", "vh", vhosts)
        dport = "5671" if r.random() < 0.35 else "5672"
        prod, ver, proto = S.cyc("conn", "lib", libs)
        thread = "IO-/%s:%d" % (ip, port)
        life = sec(8 + r.expovariate(1 / 60.0))
        end = t + life
        cs = [con_id, user, ip, port, vh]
        line(t, ent, "con_open", thread, [con_id, ip, port, dport, proto])
        t2 = t + msec(r.randint(2, 40)) + r.randrange(NS_PER_MS)
        line(t2, ent, "con_open_full", thread,
             cs + [dport, proto, "ID:%s:1" % ruuid(r), ver, prod])
        dropped = r.random() < 0.2
        nch = r.choice([1, 1, 2, 2, 3])
        closers = []
        flow_ch = r.randint(1, nch) if r.random() < 0.3 else 0
        for ch in range(1, nch + 1):
            tch = t2 + msec(r.randint(3, 250) * ch) + r.randrange(NS_PER_MS)
            line(tch, ent, "chn_create", thread, cs + [ch])
            nsub = r.choice([0, 1, 1, 2])
            for _s in range(nsub):
                sub_id += 1
                q = S.cyc("sub_create", "q" + vh, queues[vh])
                line(tch + msec(r.randint(1, 30)), ent, "sub_create", thread,
                     [sub_id, vh, q])
                closers.append(("sub_close", [sub_id, vh, q]))
            span = max(end - tch, NS_PER_S)
            if ch == flow_ch:
                tf = tch + int(span * r.uniform(0.05, 0.4))
                q = S.cyc("flow_enforced", "q" + vh, queues[vh])
                line(tf, ent, "flow_enforced", thread, cs + [ch, q])
                tr = min(tf + sec(r.uniform(0.5, 12)), end - msec(200))
                line(max(tr, tf + msec(5)), ent, "flow_removed", thread, cs + [ch])
            for ev_tx, p_tx, base in (("open_txn", 0.12, 10000), ("idle_txn", 0.12, 5000)):
                if r.random() < p_tx:
                    # housekeeping repeats the warning on each pass while the
                    # transaction stays open / idle
                    tx = tch + sec(r.uniform(1, 6))
                    age = base + r.randint(1, 4000)
                    for _rep in range(r.randint(1, 3)):
                        if tx >= end:
                            break
                        line(tx, ent, ev_tx, "Housekeeping[%s]" % vh, cs + [ch, age])
                        step = r.randint(9800, 10400)
                        tx += msec(step)
                        age += step
            closers.append(("chn_close", cs + [ch]))
        if dropped:
            line(end, ent, "con_dropped", thread, cs)
            tc = end
        else:
            tc = end - msec(r.randint(60, 140))
        for ev, vals in sorted(closers, key=lambda c: 0 if c[0] == "sub_close" else 1):
            tc += msec(r.randint(1, 12)) + r.randrange(NS_PER_MS)
            line(tc, ent, ev, thread, vals)
        tend = max(end, tc) + msec(r.randint(1, 5))
        if not dropped:
            line(tend, ent, "con_close", thread, cs)

    # queue depth watcher: overfull / underfull episodes
    allq = [(vh, q) for vh in vhosts for q in queues[vh]]
    for i in range(5):
        ent += 1
        vh, q = S.cyc("que_overfull", "vq", allq)
        mb, mm = qlimits[q]
        to = t0 + sec(r.uniform(8, 95))
        pool = "virtualhost-%s-iopool-%d" % (vh, r.randint(1, 8))
        line(to, ent, "que_overfull", pool,
             [vh, q, grouped(mb + r.randint(1000, 90000)), grouped(mm + r.randint(1, 400)),
              grouped(mb), grouped(mm)])
        tu = to + sec(r.uniform(4, 40))
        line(tu, ent, "que_underfull", pool,
             [vh, q, grouped(int(mb * 0.8) - r.randint(100, 9000)), grouped(int(mm * 0.8) - r.randint(1, 200)),
              grouped(int(mb * 0.8)), grouped(int(mm * 0.8))])

    for ns, _e, _s, (ev, thread, vals) in sim.first(N_LINES):
        h, m, s, ms, _ = tparts(ns)
        lvl = QPID_LEVELS.get(ev, "INFO")
        header = "%s %02d:%02d:%02d,%03d %-5s [%s] (%s) - " % (
            DATE, h, m, s, ms, lvl, thread, qpid_logger(ev))
        S.add(header, ev, vals)


# ===========================================================================
# 2. TibcoEms  (seeded shuffle)
# ===========================================================================

EMS_EVENTS = [
    ("connected", "[<*>@<*>]: connected, connection id=<*>, client id=<*>, type: <*>, version=<*>"),
    ("disconnected", "[<*>@<*>]: disconnected, connection id=<*>, client id=<*>, type: <*>"),
    ("connect_failed", "[<*>@<*>]: connect failed: <*>"),
    ("accepting", "Accepting connections on <*>."),
    ("active", "Server is active."),
    ("recovered", "Recovered <*> messages."),
    ("hb_timeout", "WARNING: Client heartbeat timeout on connection id=<*> [<*>@<*>], disconnecting."),
    ("create_queue", "[<*>@<*>]: create queue '<*>'"),
    ("delete_queue", "[<*>@<*>]: delete queue '<*>'"),
    ("maxbytes", "WARNING: Queue '<*>' has reached its maxbytes limit of <*>, rejecting messages from connection id=<*>"),
    ("ssl_failed", "SSL handshake failed for connection from <*>:<*>: <*>"),
    ("compacted", "Compacted store '<*>' from <*> to <*> in <*>"),
    ("route_up", "Route to server '<*>' at <*> connected."),
    ("route_down", "Route to server '<*>' at <*> disconnected: <*>"),
]
EMS_COUNTS = [("connected", 70), ("disconnected", 61), ("connect_failed", 22),
              ("accepting", 3), ("active", 3), ("recovered", 4), ("hb_timeout", 18),
              ("create_queue", 9), ("delete_queue", 7), ("maxbytes", 40),
              ("ssl_failed", 26), ("compacted", 16), ("route_up", 11), ("route_down", 10)]
EMS_HEADER_RE = r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) "


def build_ems(S):
    r = S.rng
    S.kind = "shuffle"
    plan = shuffled_plan(S, EMS_COUNTS)
    users = ["orders-svc", "billing-app", "anonymous", "edi-gw", "admin", "wms-bridge"]
    hosts = ["app-prd-03", "app-prd-07", "10.60.4.18", "batch-01", "edi-gw-2"]
    client_ids = ["<none>", "orders-sub-1", "billing-durable", "<none>", "wms-bridge-A"]
    types = ["queue", "topic", "generic", "admin"]
    versions = ["8.6.0", "10.2.1", "8.4.1", "10.3.0"]
    fail_reasons = ["not authorized to connect", "invalid user name or password",
                    "server busy, max_connections limit reached",
                    "client id 'billing-durable' already in use"]
    listens = ["tcp://ems-prd-01.corp.example:7222", "ssl://ems-prd-01.corp.example:7243"]
    queues = ["orders.in", "orders.retry", "edi.inbound.x12", "billing.invoices",
              "wms.pick.requests", "audit.trail"]
    limits = ["100 MB", "512 MB", "2 GB", "250 MB"]
    ssl_reasons = ["no shared cipher", "certificate verify failed",
                   "wrong version number", "peer did not return a certificate",
                   "unexpected EOF while reading"]
    stores = ["$sys.failsafe", "$sys.meta", "orders-sync", "$sys.nonfailsafe"]
    routes = [("EMS-DR-01", "tcp://10.70.1.11:7222"), ("EMS-EU-02", "ssl://emseu02.corp.example:7243"),
              ("EMS-APAC-01", "tcp://10.88.0.40:7222")]
    route_reasons = ["connection reset by peer", "heartbeat timeout",
                     "remote server shutting down", "no route to host"]
    conn_id = 20000 + r.randrange(5000)
    t = sec(9 * 3600 + 41 * 60) + r.randrange(NS_PER_S)
    for ev in plan:
        t += int(r.expovariate(1 / 1400.0) * NS_PER_MS) + 1
        if ev == "connected":
            conn_id += r.randint(1, 4)
            vals = [S.cyc(ev, "u", users), S.cyc(ev, "h", hosts), conn_id,
                    S.cyc(ev, "cid", client_ids), S.cyc(ev, "type", types), S.cyc(ev, "v", versions)]
        elif ev == "disconnected":
            vals = [S.cyc(ev, "u", users), S.cyc(ev, "h", hosts), conn_id - r.randint(1, 300),
                    S.cyc(ev, "cid", client_ids), S.cyc(ev, "type", types)]
        elif ev == "connect_failed":
            vals = [S.cyc(ev, "u", users), S.cyc(ev, "h", hosts), S.cyc(ev, "why", fail_reasons)]
        elif ev == "accepting":
            vals = [S.cyc(ev, "url", listens)]
        elif ev == "active":
            vals = []
        elif ev == "recovered":
            vals = [r.randint(0, 250000)]
        elif ev == "hb_timeout":
            vals = [conn_id - r.randint(1, 500), S.cyc(ev, "u", users), S.cyc(ev, "h", hosts)]
        elif ev in ("create_queue", "delete_queue"):
            vals = [S.cyc(ev, "u", ["admin", "ems-ops"]), S.cyc(ev, "h", ["ops-jump-01", "10.60.0.5"]),
                    S.cyc(ev, "q", queues)]
        elif ev == "maxbytes":
            vals = [S.cyc(ev, "q", queues), S.cyc(ev, "lim", limits), conn_id - r.randint(1, 400)]
        elif ev == "ssl_failed":
            vals = ["10.%d.%d.%d" % (r.choice([60, 61, 62]), r.randint(0, 20), r.randint(2, 250)),
                    r.randint(32768, 60999), S.cyc(ev, "why", ssl_reasons)]
        elif ev == "compacted":
            before = r.uniform(200, 4000)
            vals = [S.cyc(ev, "store", stores), "%.1f MB" % before,
                    "%.1f MB" % (before * r.uniform(0.3, 0.9)), "%.2f sec" % r.uniform(0.2, 14)]
        elif ev == "route_up":
            name, url = S.cyc(ev, "route", routes)
            vals = [name, url]
        elif ev == "route_down":
            name, url = S.cyc(ev, "route", routes)
            vals = [name, url, S.cyc(ev, "why", route_reasons)]
        else:
            raise KeyError(ev)
        h, m, s, ms, _ = tparts(t)
        S.add("%s %02d:%02d:%02d.%03d " % (DATE, h, m, s, ms), ev, vals)


# ===========================================================================
# 3. SolacePubSub  (simulation: client sessions, SEMP pollers, queue spool)
# ===========================================================================

SOL_EVENTS = [
    ("connect", "Client (<*>) <*> username <*> WebSessionId (N/A) connected to 10.30.1.5:<*> from <*>:<*> version(<*>) platform(<*>)"),
    ("open_flow", "Client (<*>) <*> Username <*> Pub flow session flow name <*> (<*>), publisher id <*>, last message id <*>, window size <*>"),
    ("bind_nonex", "Client (<*>) <*> Username <*> Bind to Non-Exclusive Queue <*>, AD Window Size(<*>), Max Unacked Msgs(<*>), Transport Window Size(<*>)"),
    ("bind_ex", "Client (<*>) <*> Username <*> Bind to Exclusive Queue <*>, AD Window Size(<*>), Max Unacked Msgs(<*>), Transport Window Size(<*>)"),
    ("bind_failed", "Client (<*>) <*> Username <*> Bind to Queue <*> failed - <*>"),
    ("unbind", "Client (<*>) <*> Username <*> Unbind from Queue <*>, Flow Id (<*>), messages delivered <*>, acked <*>, reason(<*>)"),
    ("close_flow", "Client (<*>) <*> Username <*> Pub flow session flow name <*> (<*>), publisher id <*> closed, messages published <*>"),
    ("disconnect", "Client (<*>) <*> username <*> WebSessionId (N/A) reason(<*>) final statistics - dp(<*>, <*>, <*>, <*>) conn(<*>, <*>, <*>)"),
    ("connect_fail", "Client (<*>) <*> username <*> WebSessionId (N/A) connection failed from <*>:<*> - <*>"),
    ("spool_high", "Message VPN (<*>) <*> Queue <*> message spool usage <*> kB has reached the set value <*> kB"),
    ("spool_clear", "Message VPN (<*>) <*> Queue <*> message spool usage <*> kB has fallen below the clear value <*> kB"),
    ("semp_open", "SEMP session <*> internal authentication opened for user <*> (<*>)"),
    ("semp_close", "SEMP session <*> internal authentication closed for user <*> (<*>)"),
]
SOL_META = {
    "connect": ("CLIENT", "CLIENT_CLIENT_CONNECT", "info"),
    "open_flow": ("CLIENT", "CLIENT_CLIENT_OPEN_FLOW", "info"),
    "bind_nonex": ("CLIENT", "CLIENT_CLIENT_BIND_SUCCESS", "info"),
    "bind_ex": ("CLIENT", "CLIENT_CLIENT_BIND_SUCCESS", "info"),
    "bind_failed": ("CLIENT", "CLIENT_CLIENT_BIND_FAILED", "warning"),
    "unbind": ("CLIENT", "CLIENT_CLIENT_UNBIND", "info"),
    "close_flow": ("CLIENT", "CLIENT_CLIENT_CLOSE_FLOW", "info"),
    "disconnect": ("CLIENT", "CLIENT_CLIENT_DISCONNECT", "info"),
    "connect_fail": ("CLIENT", "CLIENT_CLIENT_CONNECT_FAIL", "warning"),
    "spool_high": ("VPN", "VPN_AD_QENDPT_MSG_SPOOL_HIGH", "warning"),
    "spool_clear": ("VPN", "VPN_AD_QENDPT_MSG_SPOOL_HIGH_CLEAR", "notice"),
    "semp_open": ("SYSTEM", "SYSTEM_AUTHENTICATION_SESSION_OPENED", "info"),
    "semp_close": ("SYSTEM", "SYSTEM_AUTHENTICATION_SESSION_CLOSED", "info"),
}
SOL_HOST = "solace-prd-a"
SOL_HEADER_RE = (r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00) "
                 r"<local3\.(?:info|notice|warning|err)> solace-prd-a event: "
                 r"(?:CLIENT|VPN|SYSTEM): [A-Z_]+: \S+ \S+ ")


def build_solace(S):
    r = S.rng
    S.kind = "simulation"
    sim = Sim()
    t0 = sec(13 * 3600 + 5 * 60) + r.randrange(NS_PER_S)
    vpns = [("prod-orders", 1), ("prod-telemetry", 2)]
    vpn_queues = {"prod-orders": ["q.orders.new", "q.orders.audit", "q.payments.req"],
                  "prod-telemetry": ["q.tele.raw", "q.tele.alerts", "q.tele.dlq"]}
    users = {"prod-orders": ["orders-app", "payments-svc", "audit-reader"],
             "prod-telemetry": ["telemetry-ingest", "alerting", "fleet-gw"]}
    app_hosts = ["ordapp-01", "ordapp-02", "tele-ing-4", "k8s-node-17", "k8s-node-22"]
    named = ["orders-publisher-1", "payments-consumer", "fleet-gateway-eu", "alert-router"]
    src_ips = ["10.30.12.4", "10.30.12.5", "10.30.14.77", "10.31.2.9", "10.31.2.10"]
    listen_ports = ["55555", "55443", "5672", "8008"]
    versions = ["10.21.0", "7.26.1.8", "1.6.0", "10.24.1"]
    platforms = ["Linux-amd64 (Java 17.0.10-b7) - JMS SDK (Java)",
                 "Linux-x86_64 - C SDK", "Linux-amd64 (Java 21.0.2) - JCSMP SDK (Java)",
                 "Windows-amd64 - .NET SDK (C#)"]
    fail_reasons = ["Unauthorized", "Client Username Is Shutdown",
                    "Max Connections Exceeded For Client Username", "Message VPN Not Allowed"]
    bind_fail = ["Queue Shutdown", "Max clients exceeded for queue", "Unknown Queue",
                 "Permission Not Allowed"]
    unbind_why = ["Client issued unbind", "Client disconnected", "Flow inactivity timeout"]
    disc_why = ["Client Disconnect Received", "Peer TCP Closed", "Keepalive Timeout",
                "Forced Logout"]
    ad_windows = ["255", "64", "128"]
    client_no = 4100 + r.randrange(800)
    flow_id = 900 + r.randrange(400)
    ent = 0

    def line(ns, entity, ev, vpn, client, vals):
        sim.emit(ns, entity, (ev, vpn, client, vals))

    t = t0
    for _ in range(90):
        t += sec(r.expovariate(1 / 2.6)) + 1
        ent += 1
        client_no += 1
        vpn, vpn_id = S.cyc("client", "vpn", vpns)
        user = S.cyc("client", "user" + vpn, users[vpn])
        if r.random() < 0.3:
            cname = "%s-%d" % (S.cyc("client", "named", named), r.randint(1, 9))
        else:
            cname = "%s/%d/#%08x/%s" % (S.cyc("client", "host", app_hosts), r.randint(1000, 65000),
                                        0x180000 + r.randint(1, 4000), rb62(r, 10))
        ip = S.cyc("client", "ip", src_ips)
        sport = r.randint(32768, 60999)
        cid = [client_no, cname]
        if r.random() < 0.07:
            line(t, ent, "connect_fail", vpn, cname,
                 [client_no, cname, user, ip, sport, S.cyc("connect_fail", "why", fail_reasons)])
            continue
        line(t, ent, "connect", vpn, cname,
             cid + [user, S.cyc("connect", "lport", listen_ports), ip, sport,
                    S.cyc("connect", "ver", versions), S.cyc("connect", "plat", platforms)])
        life = sec(6 + r.expovariate(1 / 45.0))
        end = t + life
        closers = []
        tc = t + msec(r.randint(5, 120))
        if r.random() < 0.45:
            fname = rhex(r, 16)
            pub = r.randint(1, 400)
            line(tc, ent, "open_flow", vpn, cname,
                 cid + [user, fname, r.randint(1000, 99999), pub, r.randint(0, 5000000),
                        S.cyc("open_flow", "win", ["50", "255"])])
            closers.append(("close_flow", cid + [user, fname, r.randint(1000, 99999), pub,
                                                 r.randint(10, 90000)]))
        else:
            for _b in range(r.choice([1, 1, 2])):
                tc += msec(r.randint(2, 60))
                q = S.cyc("bind", "q" + vpn, vpn_queues[vpn])
                if r.random() < 0.14:
                    line(tc, ent, "bind_failed", vpn, cname,
                         cid + [user, q, S.cyc("bind_failed", "why", bind_fail)])
                    continue
                ev = "bind_ex" if r.random() < 0.35 else "bind_nonex"
                flow_id += 1
                line(tc, ent, ev, vpn, cname,
                     cid + [user, q, S.cyc(ev, "adw", ad_windows),
                            S.cyc(ev, "unack", ["10000", "-1", "2500"]), S.cyc(ev, "tw", ["255", "64"])])
                deliv = r.randint(0, 60000)
                closers.append(("unbind", cid + [user, q, flow_id, deliv, deliv - r.randint(0, min(deliv, 40)),
                                                 S.cyc("unbind", "why", unbind_why)]))
        te = end
        for ev, vals in closers:
            te += msec(r.randint(1, 15)) + r.randrange(NS_PER_MS)
            line(te, ent, ev, vpn, cname, vals)
        te += msec(r.randint(1, 10))
        rx = r.randint(50, 900000)
        line(te, ent, "disconnect", vpn, cname,
             cid + [user, S.cyc("disconnect", "why", disc_why),
                    r.randint(10, 90000), rx, r.randint(1000, 9000000), r.randint(1000, 90000000),
                    r.randint(1, 4), r.randint(10, 900), r.randint(10, 900)])

    # SEMP poller sessions
    semp = [("10.30.8.40", "monitor-ro", "read-only"), ("10.30.8.41", "admin", "read-write"),
            ("10.30.8.40", "terraform", "read-write")]
    ts = t0
    for _ in range(12):
        ts += sec(r.uniform(6, 22))
        ent += 1
        ip, user, acc = S.cyc("semp", "who", semp)
        line(ts, ent, "semp_open", "-", "-", [ip, user, acc])
        line(ts + msec(r.randint(150, 2500)), ent, "semp_close", "-", "-", [ip, user, acc])

    # queue spool high-water episodes
    allq = [(v, vid, q) for (v, vid) in vpns for q in vpn_queues[v]]
    for _ in range(4):
        ent += 1
        vpn, vid, q = S.cyc("spool", "q", allq)
        setv = S.cyc("spool", "set", [819200, 1638400, 409600])
        th = t0 + sec(r.uniform(10, 90))
        line(th, ent, "spool_high", vpn, "-", [vid, vpn, q, setv + r.randint(1, 9000), setv])
        clear = setv * 6 // 10
        line(th + sec(r.uniform(3, 30)), ent, "spool_clear", vpn, "-",
             [vid, vpn, q, clear - r.randint(1, 9000), clear])

    for ns, _e, _s, (ev, vpn, client, vals) in sim.first(N_LINES):
        h, m, s, ms, _ = tparts(ns)
        scope, name, sev = SOL_META[ev]
        header = "%sT%02d:%02d:%02d.%03d+00:00 <local3.%s> %s event: %s: %s: %s %s " % (
            DATE, h, m, s, ms, sev, SOL_HOST, scope, name, vpn, client)
        S.add(header, ev, vals)


# ===========================================================================
# 4. KubeMq  (seeded shuffle)
# ===========================================================================

KMQ_EVENTS = [
    ("connected", "client connected, client id: <*>, remote address: <*>:<*>"),
    ("disconnected", "client disconnected, client id: <*>, session duration: <*>"),
    ("queue_send", "send queue message to channel <*> completed, message id: <*>, size: <*>"),
    ("queue_expired", "queue message expired, channel: <*>, message id: <*>, expiration: <*>"),
    ("queue_dlq", "message moved to dead-letter queue <*> after <*> receive attempts, message id: <*>"),
    ("es_sub", "subscriber <*> subscribed to events_store channel <*> from sequence <*>"),
    ("es_unsub", "subscriber <*> unsubscribed from events_store channel <*>"),
    ("cmd_timeout", "command request timeout, channel: <*>, request id: <*>, timeout: <*>"),
    ("node_join", "node <*> joined the cluster, members: <*>"),
    ("node_left", "node <*> left the cluster, members: <*>"),
    ("snapshot", "store snapshot completed, index: <*>, size: <*>, duration: <*>"),
    ("authz_fail", "authorization failed for client <*> on channel <*>: <*>"),
    ("rest_req", "rest request <*> <*> completed with status <*> in <*>"),
    ("server_started", "<*> server started on port <*>"),
]
KMQ_COUNTS = [("connected", 52), ("disconnected", 45), ("queue_send", 68),
              ("queue_expired", 14), ("queue_dlq", 9), ("es_sub", 22), ("es_unsub", 19),
              ("cmd_timeout", 12), ("node_join", 4), ("node_left", 3), ("snapshot", 8),
              ("authz_fail", 17), ("rest_req", 24), ("server_started", 3)]
KMQ_META = {
    "connected": ("INFO", "grpc-server"), "disconnected": ("INFO", "grpc-server"),
    "queue_send": ("INFO", "queues"), "queue_expired": ("WARN", "queues"),
    "queue_dlq": ("WARN", "queues"), "es_sub": ("INFO", "events-store"),
    "es_unsub": ("INFO", "events-store"), "cmd_timeout": ("WARN", "commands"),
    "node_join": ("INFO", "cluster"), "node_left": ("WARN", "cluster"),
    "snapshot": ("INFO", "store"), "authz_fail": ("ERROR", "authorization"),
    "rest_req": ("INFO", "rest-server"), "server_started": ("INFO", "server"),
}
KMQ_HEADER_RE = (r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\t"
                 r"(?:DEBUG|INFO|WARN|ERROR)\t[a-z-]+\t")


def build_kubemq(S):
    r = S.rng
    S.kind = "shuffle"
    plan = shuffled_plan(S, KMQ_COUNTS)
    client_ids = ["orders-worker", "billing-consumer", "iot-gw-eu", "report-gen", "notif-sender"]
    ips = ["10.244.1.17", "10.244.2.31", "10.244.3.8", "10.244.1.52", "172.17.0.9"]
    q_channels = ["orders.pending", "billing.invoices", "iot.telemetry", "emails.outbound",
                  "reports.requests"]
    es_channels = ["audit.trail", "iot.events", "orders.history"]
    cmd_channels = ["inventory.reserve", "pricing.quote", "devices.reboot"]
    dlq = ["dlq.orders", "dlq.billing", "dlq.iot"]
    nodes = ["kubemq-cluster-0", "kubemq-cluster-1", "kubemq-cluster-2", "kubemq-cluster-3"]
    authz_why = ["no matching rule for client", "access denied by policy 'read-only'",
                 "token expired", "channel pattern not allowed"]
    methods = ["POST", "GET", "POST", "DELETE"]
    rest_paths = ["/queue/send", "/queue/receive", "/send/event", "/health", "/send/request"]
    statuses = ["200", "201", "400", "500", "200"]
    servers = [("grpc", "50000"), ("rest", "9090"), ("api", "8080")]
    t = sec(16 * 3600 + 27 * 60) + r.randrange(NS_PER_S)
    seq = 10000 + r.randrange(90000)
    for ev in plan:
        t += int(r.expovariate(1 / 1300.0) * NS_PER_MS) + 1
        if ev == "connected":
            vals = ["%s-%s" % (S.cyc(ev, "c", client_ids), rb62(r, 5).lower()),
                    S.cyc(ev, "ip", ips), r.randint(32768, 60999)]
        elif ev == "disconnected":
            vals = ["%s-%s" % (S.cyc(ev, "c", client_ids), rb62(r, 5).lower()),
                    go_duration(sec(r.expovariate(1 / 600.0)) + msec(r.randint(1, 999)))]
        elif ev == "queue_send":
            sz = r.randint(120, 90000)
            vals = [S.cyc(ev, "ch", q_channels), rb62(r, 22),
                    ("%d B" % sz) if sz < 1024 else ("%.1f KB" % (sz / 1024.0))]
        elif ev == "queue_expired":
            exp = t - sec(r.uniform(1, 3600))
            h, m, s, _, _ = tparts(exp)
            vals = [S.cyc(ev, "ch", q_channels), rb62(r, 22),
                    "%sT%02d:%02d:%02dZ" % (DATE, h, m, s)]
        elif ev == "queue_dlq":
            vals = [S.cyc(ev, "dlq", dlq), S.cyc(ev, "n", ["3", "5", "10"]), rb62(r, 22)]
        elif ev == "es_sub":
            seq += r.randint(1, 500)
            vals = ["%s-%s" % (S.cyc(ev, "c", client_ids), rb62(r, 5).lower()),
                    S.cyc(ev, "ch", es_channels), seq]
        elif ev == "es_unsub":
            vals = ["%s-%s" % (S.cyc(ev, "c", client_ids), rb62(r, 5).lower()),
                    S.cyc(ev, "ch", es_channels)]
        elif ev == "cmd_timeout":
            vals = [S.cyc(ev, "ch", cmd_channels), ruuid(r),
                    S.cyc(ev, "to", ["5s", "10s", "2.5s", "30s"])]
        elif ev == "node_join":
            vals = [S.cyc(ev, "n", nodes), S.cyc(ev, "m", ["3", "4"])]
        elif ev == "node_left":
            vals = [S.cyc(ev, "n", nodes), S.cyc(ev, "m", ["2", "3"])]
        elif ev == "snapshot":
            vals = [r.randint(100000, 9000000), "%.1f MB" % r.uniform(1, 900),
                    go_duration(msec(r.uniform(20, 9000)))]
        elif ev == "authz_fail":
            vals = ["%s-%s" % (S.cyc(ev, "c", client_ids), rb62(r, 5).lower()),
                    S.cyc(ev, "ch", q_channels + es_channels), S.cyc(ev, "why", authz_why)]
        elif ev == "rest_req":
            vals = [S.cyc(ev, "m", methods), S.cyc(ev, "p", rest_paths), S.cyc(ev, "st", statuses),
                    go_duration(msec(r.uniform(1, 900)))]
        elif ev == "server_started":
            name, port = S.cyc(ev, "srv", servers)
            vals = [name, port]
        else:
            raise KeyError(ev)
        h, m, s, ms, _ = tparts(t)
        lvl, logger = KMQ_META[ev]
        S.add("%sT%02d:%02d:%02d.%03dZ\t%s\t%s\t" % (DATE, h, m, s, ms, lvl, logger), ev, vals)


# ===========================================================================
# 5. ApacheCamel  (simulation: exchanges of three routes + infrastructure)
# ===========================================================================

CAMEL_EVENTS = [
    ("order_received", "Received order <*> from partner <*> with <*> items"),
    ("stock_reserved", "Reserved stock for order <*> at warehouse <*> (<*>)"),
    ("order_published", "Order <*> published to <*>"),
    ("delivery_failed", "Failed delivery for (MessageId: <*> on ExchangeId: <*>). Exhausted after delivery attempt: <*> caught: org.apache.camel.http.base.HttpOperationFailedException: HTTP operation failed invoking <*> with statusCode: <*>"),
    ("trace_exception", "org.apache.camel.http.base.HttpOperationFailedException: HTTP operation failed invoking <*> with statusCode: <*>"),
    ("trace_frame", "at <*>(<*>)"),
    ("invoice_picked", "Processing invoice file <*> (<*> bytes)"),
    ("invoice_stored", "Invoice <*> stored, total <*> <*>"),
    ("file_rollback", "Rollback file strategy: org.apache.camel.component.file.strategy.GenericFileRenameProcessStrategy@5e7c1b2a for file: GenericFile[<*>]"),
    ("sync_started", "Stock sync run <*> started, fetching changes since <*>"),
    ("sync_finished", "Stock sync run <*> finished: <*> records updated, <*> unchanged in <*>"),
    ("jms_setup_failed", "Setup of JMS message listener invoker failed for destination '<*>' - trying to recover. Cause: <*>"),
    ("jms_refreshed", "Successfully refreshed JMS Connection"),
    ("hikari_validate", "HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@<*> (<*>). Possibly consider using a shorter maxLifetime value."),
    ("order_rejected", "Order <*> rejected: <*>"),
]
CAMEL_PID = 48213
CAMEL_APP = "order-router"
CAMEL_HEADER_RE = (r"(?:(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) "
                   r"(?: INFO| WARN|ERROR|DEBUG) \d+ --- \[order-router\] \[.{15}\] "
                   r"(?:\[[0-9a-f]{32}-[0-9a-f]{16}\] )?\S.{39} : |\t|)")
CAMEL_FRAMES = [
    ("org.apache.camel.component.http.HttpProducer.populateHttpOperationFailedException", "HttpProducer.java:491"),
    ("org.apache.camel.component.http.HttpProducer.populateResponse", "HttpProducer.java:389"),
    ("org.apache.camel.component.http.HttpProducer.executeMethod", "HttpProducer.java:516"),
    ("org.apache.camel.component.http.HttpProducer.process", "HttpProducer.java:266"),
    ("org.apache.camel.support.AsyncProcessorConverterHelper$ProcessorToAsyncProcessorBridge.process", "AsyncProcessorConverterHelper.java:65"),
    ("org.apache.camel.processor.SendProcessor.process", "SendProcessor.java:212"),
]


def camel_header(ns, level, thread, logger, corr):
    h, m, s, ms, _ = tparts(ns)
    th = thread[-15:].rjust(15)
    lg = logback_abbrev(logger, 39)[:40].ljust(40)
    c = "[%s] " % corr if corr else ""
    return "%sT%02d:%02d:%02d.%03dZ %5s %d --- [%s] [%s] %s%s : " % (
        DATE, h, m, s, ms, level, CAMEL_PID, CAMEL_APP, th, c, lg)


def build_camel(S):
    r = S.rng
    S.kind = "simulation"
    sim = Sim()
    t0 = sec(10 * 3600 + 3 * 60) + r.randrange(NS_PER_S)
    partners = ["acme-retail", "northwind", "globex", "initech-eu", "umbrella-b2b"]
    warehouses = ["WH-BER-01", "WH-HAM-02", "WH-MUC-03", "WH-RTM-01"]
    topics = ["kafka:orders-confirmed", "kafka:orders-priority"]
    endpoints = ["http://inventory-svc:8080/api/v2/reservations",
                 "http://inventory-svc:8080/api/v2/stock/check",
                 "http://pricing-svc.internal:8081/quotes"]
    statuses = ["503", "500", "409", "504"]
    reject_why = ["missing shipping address", "unknown SKU 'XB-20931'", "currency 'CHF' not enabled for partner",
                  "duplicate order number", "quantity exceeds credit limit"]
    currencies = ["EUR", "USD", "GBP"]
    jms_dest = ["orders.in", "orders.priority"]
    jms_cause = ["Could not connect to broker URL: tcp://amq-prd-01:61616. Reason: java.net.ConnectException: Connection refused",
                 "The Consumer is closed",
                 "Could not connect to broker URL: tcp://amq-prd-02:61616. Reason: java.net.SocketTimeoutException: connect timed out"]
    hik_why = ["This connection has been closed.", "An I/O error occurred while sending to the backend."]
    id_prefix = rhex(r, 15).upper()
    counter = [r.randint(10, 90)]
    ent = 0

    def next_id():
        counter[0] += 1
        return "%s-%016d" % (id_prefix, counter[0])

    def line(ns, entity, ev, level, thread, logger, corr, vals):
        sim.emit(ns, entity, (ev, level, thread, logger, corr, vals))

    def corr():
        return "%s-%s" % (rhex(r, 32), rhex(r, 16))

    jms_thread = "Camel (camel-1) thread #%d - JmsConsumer[orders.in]"
    # order exchanges
    t = t0
    order_no = 5200000 + r.randrange(100000)
    for _ in range(120):
        t += sec(r.expovariate(1 / 3.6)) + 1
        ent += 1
        order_no += r.randint(1, 7)
        th = jms_thread % r.randint(2, 6)
        cid = corr()
        line(t, ent, "order_received", "INFO", th, "order-intake", cid,
             [order_no, S.cyc("order_received", "p", partners), r.randint(1, 40)])
        tt = t + msec(r.randint(2, 30))
        x = r.random()
        if x < 0.07:
            line(tt, ent, "order_rejected", "WARN", th, "order-intake", cid,
                 [order_no, S.cyc("order_rejected", "why", reject_why)])
            continue
        if x < 0.15:
            tt += msec(r.randint(200, 3000))
            mid = next_id()
            url = S.cyc("delivery_failed", "url", endpoints)
            st = S.cyc("delivery_failed", "st", statuses)
            line(tt, ent, "delivery_failed", "ERROR", th,
                 "org.apache.camel.processor.errorhandler.DefaultErrorHandler", cid,
                 [mid, mid, S.cyc("delivery_failed", "n", ["1", "3"]), url, st])
            line(tt, ent, "trace_exception", None, None, None, None, [url, st])
            nfr = r.randint(4, 6)
            for fn, loc in CAMEL_FRAMES[:nfr]:
                line(tt, ent, "trace_frame", None, "\t", None, None, [fn, loc])
            continue
        tt += msec(r.randint(40, 900))
        line(tt, ent, "stock_reserved", "INFO", th, "order-intake", cid,
             [order_no, S.cyc("stock_reserved", "wh", warehouses), "%dms" % r.randint(12, 880)])
        tt += msec(r.randint(3, 60))
        line(tt, ent, "order_published", "INFO", th, "order-intake", cid,
             [order_no, S.cyc("order_published", "topic", topics)])

    # invoice file poller
    t = t0 + sec(r.uniform(1, 6))
    inv = 400 + r.randrange(300)
    ith = "Camel (camel-1) thread #1 - file://data/invoices/inbox"
    for _ in range(40):
        t += sec(r.uniform(7, 20))
        ent += 1
        inv += r.randint(1, 5)
        fname = "INV-2026-03-%06d.xml" % inv
        cid = corr()
        line(t, ent, "invoice_picked", "INFO", ith, "invoice-files", cid, [fname, r.randint(1800, 250000)])
        tt = t + msec(r.randint(80, 1200))
        if r.random() < 0.2:
            line(tt, ent, "file_rollback", "WARN", ith,
                 "org.apache.camel.component.file.GenericFileOnCompletion", cid,
                 ["/data/invoices/inbox/" + fname])
        else:
            line(tt, ent, "invoice_stored", "INFO", ith, "invoice-files", cid,
                 ["INV-2026-03-%06d" % inv, "%.2f" % r.uniform(40, 25000), S.cyc("invoice_stored", "cur", currencies)])

    # stock sync timer
    sth = "Camel (camel-1) thread #0 - timer://stock-sync"
    t = t0 + sec(r.uniform(2, 10))
    run = 800 + r.randrange(200)
    last = t - sec(60)
    for _ in range(12):
        ent += 1
        run += 1
        cid = corr()
        h, m, s, ms, _ = tparts(last)
        line(t, ent, "sync_started", "INFO", sth, "stock-sync", cid,
             [run, "%sT%02d:%02d:%02d.%03dZ" % (DATE, h, m, s, ms)])
        dur = sec(r.uniform(1.5, 9))
        line(t + dur, ent, "sync_finished", "INFO", sth, "stock-sync", cid,
             [run, r.randint(0, 4000), r.randint(100, 90000), "%.1fs" % (dur / NS_PER_S)])
        last = t
        t += sec(r.uniform(35, 50))

    # JMS listener outages
    for i, at in enumerate([40, 140, 235]):
        ent += 1
        ta = t0 + sec(at + r.uniform(0, 20))
        dest = S.cyc("jms_setup_failed", "d", jms_dest)
        th = "Camel (camel-1) thread #%d - JmsConsumer[%s]" % (r.randint(2, 9), dest)
        for _k in range(r.randint(1, 2)):
            line(ta, ent, "jms_setup_failed", "WARN", th,
                 "org.springframework.jms.listener.DefaultMessageListenerContainer", None,
                 [dest, S.cyc("jms_setup_failed", "why", jms_cause)])
            ta += sec(5)
        line(ta + msec(r.randint(5, 300)), ent, "jms_refreshed", "INFO", th,
             "org.springframework.jms.listener.DefaultMessageListenerContainer", None, [])

    # Hikari validation warnings
    for at in [70, 160, 205, 270]:
        ent += 1
        line(t0 + sec(at + r.uniform(0, 15)), ent, "hikari_validate", "WARN", ith,
             "com.zaxxer.hikari.pool.PoolBase", corr(),
             [rhex(r, 8), S.cyc("hikari_validate", "why", hik_why)])

    for ns, _e, _s, (ev, level, thread, logger, cid, vals) in sim.first(N_LINES):
        if level is None:
            header = thread or ""
        else:
            header = camel_header(ns, level, thread, logger, cid)
        S.add(header, ev, vals)


# ===========================================================================
# 6. MuleRuntime  (seeded shuffle)
# ===========================================================================

MULE_EVENTS = [
    ("req_received", "Received request <*> <*> from <*>"),
    ("order_created", "Order <*> created for customer <*>, total <*> <*>"),
    ("resp_sent", "Response sent with status <*> in <*>"),
    ("backend_failed", "Backend call to <*> failed: <*>"),
    ("source_reconnect", "Message source '<*>' on flow '<*>' threw exception. Attempting to reconnect..."),
    ("flow_starting", "Starting flow: <*>"),
    ("flow_stopping", "Stopping flow: <*>"),
    ("policy_applied", "Applied policy <*> version <*> to API <*>"),
    ("c3p0_failed", "com.mchange.v2.resourcepool.BasicResourcePool$ScatteredAcquireTask@<*> -- Acquisition Attempt Failed!!! Clearing pending acquires. While trying to acquire a needed new resource, we failed to succeed more than the maximum number of allowed acquisition attempts (30)."),
    ("poll_fetched", "Polling batch <*>: fetched <*> records from <*>"),
    ("batch_created", "Created instance '<*>' for batch job '<*>'"),
    ("batch_finished", "Finished execution for instance '<*>' of job '<*>'. Total Records processed: <*>. Successful records: <*>. Failed Records: <*>"),
    ("step_finished", "Step <*> finished processing all records for instance <*> of job <*>"),
]
MULE_COUNTS = [("req_received", 58), ("order_created", 40), ("resp_sent", 55),
               ("backend_failed", 16), ("source_reconnect", 5), ("flow_starting", 4),
               ("flow_stopping", 3), ("policy_applied", 3), ("c3p0_failed", 7),
               ("poll_fetched", 44), ("batch_created", 12), ("batch_finished", 10),
               ("step_finished", 43)]
MULE_HEADER_RE = (r"(?:ERROR|WARN |INFO |DEBUG) (?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) "
                  r"\[.+\] (?:\[processor: [\w/.-]+; event: [0-9a-f-]+\] )?[\w.$]+: ")
MULE_LOGGER = {
    "req_received": "org.mule.runtime.core.internal.processor.LoggerMessageProcessor",
    "order_created": "org.mule.runtime.core.internal.processor.LoggerMessageProcessor",
    "resp_sent": "org.mule.runtime.core.internal.processor.LoggerMessageProcessor",
    "backend_failed": "org.mule.runtime.core.internal.processor.LoggerMessageProcessor",
    "poll_fetched": "org.mule.runtime.core.internal.processor.LoggerMessageProcessor",
    "source_reconnect": "org.mule.runtime.module.extension.internal.runtime.source.ExtensionMessageSource",
    "flow_starting": "org.mule.runtime.core.internal.construct.FlowConstructLifecycleManager",
    "flow_stopping": "org.mule.runtime.core.internal.construct.FlowConstructLifecycleManager",
    "policy_applied": "com.mulesoft.mule.runtime.gw.policies.service.DefaultPolicyDeploymentService",
    "c3p0_failed": "com.mchange.v2.resourcepool.BasicResourcePool",
    "batch_created": "com.mulesoft.mule.runtime.module.batch.internal.engine.DefaultBatchEngine",
    "batch_finished": "com.mulesoft.mule.runtime.module.batch.internal.engine.DefaultBatchEngine",
    "step_finished": "com.mulesoft.mule.runtime.module.batch.internal.DefaultBatchStep",
}
MULE_LEVEL = {"backend_failed": "ERROR", "source_reconnect": "WARN", "c3p0_failed": "WARN"}


def build_mule(S):
    r = S.rng
    S.kind = "shuffle"
    plan = shuffled_plan(S, MULE_COUNTS)
    app = "orders-api"
    methods = ["GET", "POST", "PUT", "GET"]
    paths = ["/api/v1/orders/%d", "/api/v1/orders", "/api/v1/orders/%d/status", "/api/v1/customers/%d/orders"]
    ips = ["10.12.4.31", "10.12.4.32", "172.20.9.14", "10.12.7.200"]
    currencies = ["EUR", "USD", "GBP"]
    statuses = ["200", "201", "200", "404", "500", "202"]
    backends = ["http://erp-gw.internal:8081/api/stock", "https://crm.corp.example/api/customers",
                "http://pricing-svc:8080/v2/quote"]
    backend_why = ["Connection refused", "Remotely closed", "Timeout exceeded",
                   "HTTP GET on resource 'http://erp-gw.internal:8081/api/stock' failed: service unavailable (503)."]
    sources = [("listener", "orders-jms-consumer"), ("scheduler", "poll-erp-orders"),
               ("consumer", "customer-sync-listener")]
    lifecycle_flows = ["orders-api-main", "poll-erp-orders", "orders-jms-consumer", "customer-sync-listener"]
    policies = [("rate-limiting-3184220", "1.4.0", "18273645"), ("client-id-enforcement-3184221", "1.3.2", "18273645"),
                ("jwt-validation-3190077", "1.6.1", "18273901")]
    tables = ["erp.sales_orders", "erp.customers", "erp.order_lines"]
    jobs = ["orders-batch", "customer-sync-batch"]
    steps = ["validate-step", "transform-step", "upsert-step"]
    instances = [ruuid(r) for _ in range(6)]
    t = sec(11 * 3600 + 48 * 60) + r.randrange(NS_PER_S)
    order = 880000 + r.randrange(50000)
    batch_no = 3000 + r.randrange(1000)
    for ev in plan:
        t += int(r.expovariate(1 / 1500.0) * NS_PER_MS) + 1
        proc = None
        thread = None
        if ev == "req_received":
            m = S.cyc(ev, "m", methods)
            p = S.cyc(ev, "p", paths)
            if "%d" in p:
                p = p % r.randint(100000, 999999)
            vals = [m, p, S.cyc(ev, "ip", ips)]
            proc = "orders-api-main/processors/%d" % S.cyc(ev, "pi", [0, 1])
        elif ev == "order_created":
            order += r.randint(1, 9)
            vals = ["ORD-2026-%06d" % order, "C-%05d" % r.randint(1000, 99999),
                    "%.2f" % r.uniform(9, 9000), S.cyc(ev, "cur", currencies)]
            proc = "create-order-subflow/processors/%d" % S.cyc(ev, "pi", [3, 4])
        elif ev == "resp_sent":
            vals = [S.cyc(ev, "st", statuses), "%d ms" % r.randint(4, 2400)]
            proc = "orders-api-main/processors/%d" % S.cyc(ev, "pi", [5, 6])
        elif ev == "backend_failed":
            vals = [S.cyc(ev, "url", backends), S.cyc(ev, "why", backend_why)]
            proc = "orders-api-main/errorHandler/0/processors/%d" % S.cyc(ev, "pi", [0, 1])
        elif ev == "source_reconnect":
            src, flow = S.cyc(ev, "sf", sources)
            vals = [src, flow]
            thread = "[MuleRuntime].uber.%02d: [%s].%s.CPU_LITE @%s" % (r.randint(1, 16), app, flow, rhex(r, 8))
        elif ev == "flow_starting":
            vals = [S.cyc(ev, "f", lifecycle_flows)]
            thread = "ArtifactDeployer.start.%02d" % r.randint(1, 4)
        elif ev == "flow_stopping":
            vals = [S.cyc(ev, "f", lifecycle_flows)]
            thread = "Mule.app.deployer.monitor.1.thread.1"
        elif ev == "policy_applied":
            vals = list(S.cyc(ev, "pol", policies))
            thread = "agw-policy-set-deployment.%02d" % r.randint(1, 3)
        elif ev == "c3p0_failed":
            vals = [rhex(r, 8)]
            thread = "C3P0PooledConnectionPoolManager[identityToken->%s]-HelperThread-#%d" % (rb62(r, 20), r.randint(0, 2))
        elif ev == "poll_fetched":
            batch_no += 1
            vals = [batch_no, r.randint(0, 500), S.cyc(ev, "tbl", tables)]
            proc = "poll-erp-orders/processors/%d" % S.cyc(ev, "pi", [1, 2])
        elif ev == "batch_created":
            vals = [S.cyc(ev, "inst", instances), S.cyc(ev, "job", jobs)]
        elif ev == "batch_finished":
            total = r.randint(10, 20000)
            failed = r.choice([0, 0, r.randint(1, 40)])
            vals = [S.cyc(ev, "inst", instances), S.cyc(ev, "job", jobs), total, total - failed, failed]
        elif ev == "step_finished":
            vals = [S.cyc(ev, "step", steps), S.cyc(ev, "inst", instances), S.cyc(ev, "job", jobs)]
        else:
            raise KeyError(ev)
        if thread is None:
            if ev in ("batch_created", "batch_finished", "step_finished"):
                job = vals[2] if ev == "step_finished" else vals[1]
                thread = "[MuleRuntime].uber.%02d: [%s].%s.BLOCKING @%s" % (
                    r.randint(1, 16), app, job, rhex(r, 8))
            else:
                flow = proc.split("/")[0]
                thread = "[MuleRuntime].uber.%02d: [%s].%s.CPU_LITE @%s" % (r.randint(1, 16), app, flow, rhex(r, 8))
        h, m, s, ms, _ = tparts(t)
        lvl = MULE_LEVEL.get(ev, "INFO")
        part = ""
        if proc is not None:
            part = "[processor: %s; event: %s] " % (proc, ruuid(r))
        header = "%-5s %s %02d:%02d:%02d,%03d [%s] %s%s: " % (
            lvl, DATE, h, m, s, ms, thread, part, MULE_LOGGER[ev])
        S.add(header, ev, vals)


# ===========================================================================
# writing and self-check
# ===========================================================================

SYSTEMS = [
    (1, "QpidBrokerJ", QPID_HEADER_RE, QPID_EVENTS, build_qpid),
    (2, "TibcoEms", EMS_HEADER_RE, EMS_EVENTS, build_ems),
    (3, "SolacePubSub", SOL_HEADER_RE, SOL_EVENTS, build_solace),
    (4, "KubeMq", KMQ_HEADER_RE, KMQ_EVENTS, build_kubemq),
    (5, "ApacheCamel", CAMEL_HEADER_RE, CAMEL_EVENTS, build_camel),
    (6, "MuleRuntime", MULE_HEADER_RE, MULE_EVENTS, build_mule),
]


def write_system(S):
    d = os.path.join(OUT_DIR, S.name)
    os.makedirs(d, exist_ok=True)
    log_path = os.path.join(d, S.name + ".log")
    csv_path = os.path.join(d, S.name + ".log_structured.csv")
    with open(log_path, "w", encoding="utf-8", newline="") as f:
        for header, _ev, content in S.records:
            f.write(header + content + "\n")
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_h, ev, content) in enumerate(S.records, 1):
            w.writerow([i, content, S.event_id(ev), S.events[S.index[ev]][1]])
    return log_path, csv_path


def template_regex(tpl):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in tpl.split("<*>")) + "$", re.S)


def check_system(S, log_path, csv_path):
    errs = []
    with open(log_path, "r", encoding="utf-8", newline="") as f:
        raw = f.read()
    if not raw.endswith("\n"):
        errs.append("log does not end with newline")
    if "\r" in raw:
        errs.append("log contains CR")
    lines = raw[:-1].split("\n") if raw.endswith("\n") else raw.split("\n")
    if len(lines) != N_LINES:
        errs.append("log has %d lines" % len(lines))
    with open(csv_path, "r", encoding="utf-8", newline="") as f:
        craw = f.read()
    if not craw.endswith("\n") or "\r" in craw:
        errs.append("csv newline problem")
    with open(csv_path, "r", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header %r" % rows[0])
    rows = rows[1:]
    if len(rows) != N_LINES:
        errs.append("csv has %d rows" % len(rows))
    tpl_of = {}
    counts = {}
    captures = {}
    last_ts = None
    for i, row in enumerate(rows, 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("row %d LineId %s" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty or unstripped" % i)
        if "\n" in content or "\r" in content:
            errs.append("row %d content multi-line" % i)
        if i <= len(lines):
            rl = lines[i - 1]
            if not rl.endswith(content):
                errs.append("row %d raw line does not end with content" % i)
            else:
                header = rl[:len(rl) - len(content)]
                m = S.header_re.fullmatch(header)
                if not m:
                    errs.append("row %d header does not match: %r" % (i, header))
                else:
                    ts = m.groupdict().get("ts")
                    if ts is not None:
                        if last_ts is not None and ts < last_ts:
                            errs.append("row %d timestamp goes back" % i)
                        last_ts = ts
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %s" % (i, eid))
        if eid in tpl_of and tpl_of[eid] != tpl:
            errs.append("EventId %s has two templates" % eid)
        tpl_of[eid] = tpl
        counts[eid] = counts.get(eid, 0) + 1
        m = template_regex(tpl).fullmatch(content)
        if not m:
            errs.append("row %d template does not match content" % i)
        else:
            for j, g in enumerate(m.groups()):
                captures.setdefault((eid, j), set()).add(g)
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("two EventIds share a template")
    declared = ["E%d" % (i + 1) for i in range(len(S.events))]
    for i, eid in enumerate(declared):
        if eid not in counts:
            errs.append("declared event %s unused" % eid)
        elif tpl_of[eid] != S.events[i][1]:
            errs.append("%s template differs from declaration" % eid)
    for eid in counts:
        if eid not in declared:
            errs.append("undeclared EventId %s" % eid)
    for (eid, j), vals in captures.items():
        if len(vals) < 2:
            errs.append("%s slot %d has a single value %r" % (eid, j + 1, list(vals)[0]))
    c = sorted(counts.values())
    if not 12 <= len(c) <= 15:
        errs.append("%d event types" % len(c))
    if c and c[0] < 3:
        errs.append("an event has fewer than 3 lines: %r" % {k: v for k, v in counts.items() if v < 3})
    if sum(1 for v in c if 3 <= v <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    if c and c[-1] < 3 * statistics.median(c):
        errs.append("largest %d < 3x median %s" % (c[-1], statistics.median(c)))
    return errs, counts


def main():
    all_ok = True
    for k, name, hre, events, build in SYSTEMS:
        S = System(k, name, hre, events)
        build(S)
        if len(S.records) != N_LINES:
            raise SystemExit("%s produced %d lines" % (name, len(S.records)))
        log_path, csv_path = write_system(S)
        errs, counts = check_system(S, log_path, csv_path)
        c = sorted(counts.values())
        print("%-13s %-10s lines=%d events=%d min=%d median=%s max=%d small(3-10)=%d %s" % (
            name, S.kind, N_LINES, len(counts), c[0], statistics.median(c), c[-1],
            sum(1 for v in c if 3 <= v <= 10), "OK" if not errs else "FAIL"))
        for e in errs[:20]:
            print("   ", e)
        if errs:
            all_ok = False
    if not all_ok:
        sys.exit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
