#!/usr/bin/env python3
"""Round 33 blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270120; system k (1..6) uses random.Random(20270120 * 10 + k).
Time comes from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system and then self-checks all files.
"""
import csv
import os
import random
import re
import statistics
import sys

OUT = os.path.dirname(os.path.abspath(__file__))
BASE_SEED = 20270120
N_LINES = 300
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
YEAR, MONTH, DAY = 2026, 3, 14
SEC = 10 ** 9
MS = 10 ** 6


def days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


DAYS = days_from_civil(YEAR, MONTH, DAY)
DAY0 = DAYS * 86400 * SEC                 # 2026-03-14T00:00:00Z in ns
WEEKDAY = WEEKDAYS[(DAYS + 3) % 7]        # 1970-01-01 was a Thursday
assert DAY0 == 1773446400 * SEC and WEEKDAY == "Sat"


def clock(t):
    off = t - DAY0
    assert 0 <= off < 86400 * SEC, "time left 2026-03-14"
    s, ns = divmod(off, SEC)
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return h, m, s, ns


def ts_syslog(t):
    h, m, s, _ = clock(t)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[MONTH - 1], DAY, h, m, s)


def ts_iso_us(t):
    h, m, s, ns = clock(t)
    return "%04d-%02d-%02d %02d:%02d:%02d.%06d" % (YEAR, MONTH, DAY, h, m, s, ns // 1000)


def ts_iso_ms(t):
    h, m, s, ns = clock(t)
    return "%04d-%02d-%02d %02d:%02d:%02d.%03d" % (YEAR, MONTH, DAY, h, m, s, ns // MS)


def ts_glog(t):
    h, m, s, ns = clock(t)
    return "%04d%02d%02d %02d:%02d:%02d.%06d" % (YEAR, MONTH, DAY, h, m, s, ns // 1000)


def ts_compact(t):
    h, m, s, ns = clock(t)
    return "%04d%02d%02d%02d%02d%02d%06d" % (YEAR, MONTH, DAY, h, m, s, ns // 1000)


def at(h, m=0, s=0):
    return DAY0 + ((h * 60 + m) * 60 + s) * SEC


SYSLOG_TS = r"(?P<ts>(?:%s) [ \d]\d \d\d:\d\d:\d\d)" % "|".join(MONTHS)


def syslog_key(ts):
    mon, day, hms = ts.split()
    return (MONTHS.index(mon), int(day), hms)


# --------------------------------------------------------------------------
# framework
# --------------------------------------------------------------------------

class System:
    """One system: its declared events (order = EventId), header regex, rng."""

    def __init__(self, k, name, kind, events, header_re, ts_key, make_header):
        self.k = k
        self.name = name
        self.kind = kind
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.events = events            # list of (key, template, meta)
        self.keys = [e[0] for e in events]
        self.by_key = {e[0]: e for e in events}
        assert len(self.by_key) == len(events)
        self.eid = {e[0]: "E%d" % (i + 1) for i, e in enumerate(events)}
        self.header_re = re.compile(header_re)
        self.ts_key = ts_key
        self.make_header = make_header
        self.counter = {}
        self.seq = 0

    def cyc(self, key, slot, pool):
        """Small pools cycle through per (event, slot)."""
        c = self.counter.get((key, slot), 0)
        self.counter[(key, slot)] = c + 1
        return pool[c % len(pool)]

    def rec(self, t, key, vals, **hdr):
        assert key in self.by_key, key
        self.seq += 1
        return (t, self.seq, key, [str(v) for v in vals], hdr)

    def render(self, key, vals):
        tpl = self.by_key[key][1]
        parts = tpl.split("<*>")
        assert len(parts) == len(vals) + 1, (key, tpl, vals)
        out = [parts[0]]
        for v, p in zip(vals, parts[1:]):
            assert v and v == v.strip() and "\n" not in v, (key, v)
            out.append(v)
            out.append(p)
        return "".join(out)

    def finish(self, recs):
        recs = sorted(recs, key=lambda r: (r[0], r[1]))[:N_LINES]
        assert len(recs) == N_LINES, (self.name, len(recs))
        rows = []
        for t, _, key, vals, hdr in recs:
            content = self.render(key, vals)
            header = self.make_header(t, self.by_key[key][2], hdr)
            rows.append((header + content, content, self.eid[key],
                         self.by_key[key][1]))
        return rows


def shuffled_keys(S, counts):
    keys = []
    for key in S.keys:
        keys.extend([key] * counts[key])
    S.rng.shuffle(keys)
    return keys


def forward_clock(S, n, start, mean_gap_s):
    t = start
    out = []
    for _ in range(n):
        t += int(S.rng.expovariate(1.0 / mean_gap_s) * SEC) + S.rng.randint(1, 999)
        out.append(t)
    return out


def build_shuffle(S, counts, gens, start, mean_gap_s):
    assert set(counts) == set(S.keys) and sum(counts.values()) == N_LINES
    keys = shuffled_keys(S, counts)
    times = forward_clock(S, len(keys), start, mean_gap_s)
    recs = []
    for t, key in zip(times, keys):
        vals, hdr = gens[key](S, t)
        recs.append(S.rec(t, key, vals, **hdr))
    return recs


def hexs(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def exp_s(r, mean_s):
    return int(r.expovariate(1.0 / mean_s) * SEC)


# --------------------------------------------------------------------------
# 1. Beanstalkd  (simulation: server instances and client connections)
# --------------------------------------------------------------------------
# verbose (-V) lines go to stdout bare; twarn()/twarnx() lines go to stderr as
# "<argv0>: <file>:<line> in <func>: <msg>[: <strerror>]".  systemd forwards
# both to syslog.

BEANSTALKD_EVENTS = [
    ("accept", "accept <*>", {}),
    ("close", "close <*>", {}),
    ("read_err", "read(): <*>", {"src": ("prot.c", 1875, "conn_data")}),
    ("write_err", "write(): <*>", {"src": ("prot.c", 1901, "conn_data")}),
    ("writev_err", "writev(): <*>", {"src": ("prot.c", 1938, "conn_data")}),
    ("accept_err", "accept(): <*>", {"src": ("prot.c", 2013, "h_accept")}),
    ("pid", "pid <*>", {}),
    ("bind", "bind <*> <*>:<*>", {}),
    ("inherited", "inherited listen fd; ignoring -l and -p options",
     {"src": ("net.c", 58, "make_server_socket")}),
    ("eof", "<*>: unexpected EOF", {"src": ("file.c", 241, "readrec")}),
    ("falloc", "Cannot allocate space for binlog <*>: <*>",
     {"src": ("walg.c", 287, "balloc")}),
    ("unlink", "unlink <*>: <*>", {"src": ("walg.c", 42, "walgc")}),
    ("oom", "out of memory", {"src": ("prot.c", 1230, "enqueue_incoming_job")}),
]


def beanstalkd_header(t, meta, hdr):
    h = "%s %s beanstalkd[%d]: " % (ts_syslog(t), hdr["host"], hdr["pid"])
    if "src" in meta:
        f, ln, fn = meta["src"]
        h += "/usr/bin/beanstalkd: %s:%d in %s: " % (f, ln, fn)
    return h


def build_beanstalkd(S):
    r = S.rng
    host = "mq-build-02"
    recs = []
    t = at(6, 40) + r.randint(0, 600 * SEC)
    pid = r.randint(700, 1500)
    binlog_no = r.randint(40, 90)
    # per-instance incident plan (designed faults of this simulated host)
    plan_acc_err = [1, 0, 2, 0, 1, 1, 0]
    plan_falloc = [1, 1, 0, 1, 0, 1, 0]
    plan_unlink = [1, 0, 1, 0, 1, 0, 1]
    plan_oom = [0, 1, 0, 1, 1, 0, 0]
    for inst in range(7):
        start = t
        dur = int(r.uniform(22, 38) * 60 * SEC)
        end = start + dur
        pid += r.randint(30, 3000)
        P = {"host": host, "pid": pid}
        tt = start + r.randint(1, 40) * MS
        recs.append(S.rec(tt, "pid", [pid], **P))
        tt += r.randint(1, 900) * 1000
        socket_activated = inst % 2 == 1
        if socket_activated:
            recs.append(S.rec(tt, "inherited", [], **P))
        else:
            fd = S.cyc("bind", 0, ["3", "4"])
            addr = S.cyc("bind", 1, ["0.0.0.0", "10.12.4.21", "127.0.0.1"])
            port = S.cyc("bind", 2, ["11300", "11300", "11301"])
            recs.append(S.rec(tt, "bind", [fd, addr, port], **P))
        binlog_no += r.randint(2, 9)
        if inst in (1, 2, 4, 5):      # restarted after a crash: torn tail record
            tt += r.randint(1, 50) * MS
            recs.append(S.rec(tt, "eof", ["/var/lib/beanstalkd/binlog.%d" % (binlog_no - r.randint(0, 2))], **P))
        # client connections: overlapping lifetimes, each on its own clock
        conn_events = []
        ta = start + r.randint(2, 20) * SEC
        cid = 0
        while ta < end:
            cid += 1
            worker = r.random() < 0.18
            life = exp_s(r, 1500 if worker else 70) + r.randint(5, 900) * MS
            te = ta + life
            conn_events.append((ta, 0, cid, "accept"))
            u = r.random()
            if te < end:
                if u < 0.14:
                    conn_events.append((te, 1, cid, "read_err"))
                elif u < 0.20:
                    conn_events.append((te, 1, cid, "write_err"))
                elif u < 0.25:
                    conn_events.append((te, 1, cid, "writev_err"))
                conn_events.append((te + r.randint(20, 400) * 1000, 2, cid, "close"))
            ta += exp_s(r, 75) + r.randint(1, 999) * MS
        conn_events.sort()
        fds = {}
        used = set()
        for tc, _, c, kind in conn_events:
            if kind == "accept":
                fd = 5
                while fd in used:
                    fd += 1
                used.add(fd)
                fds[c] = fd
                recs.append(S.rec(tc, "accept", [fd], **P))
            elif kind == "close":
                fd = fds[c]
                used.discard(fd)
                recs.append(S.rec(tc, "close", [fd], **P))
            elif kind == "read_err":
                recs.append(S.rec(tc, kind, [S.cyc(kind, 0, ["Connection reset by peer", "Connection timed out", "No route to host"])], **P))
            elif kind == "write_err":
                recs.append(S.rec(tc, kind, [S.cyc(kind, 0, ["Broken pipe", "Connection reset by peer"])], **P))
            else:
                recs.append(S.rec(tc, kind, [S.cyc(kind, 0, ["Connection reset by peer", "Broken pipe"])], **P))
        # daemon-level incidents on the instance's own clock
        def when():
            return start + int(r.uniform(0.1, 0.95) * dur)
        for _ in range(plan_acc_err[inst]):
            recs.append(S.rec(when(), "accept_err", [S.cyc("accept_err", 0, ["Too many open files", "Software caused connection abort"])], **P))
        for _ in range(plan_falloc[inst]):
            recs.append(S.rec(when(), "falloc", ["/var/lib/beanstalkd/binlog.%d" % (binlog_no + r.randint(1, 4)),
                                                 S.cyc("falloc", 1, ["No space left on device", "Disk quota exceeded"])], **P))
        for _ in range(plan_unlink[inst]):
            recs.append(S.rec(when(), "unlink", ["/var/lib/beanstalkd/binlog.%d" % (binlog_no - r.randint(3, 8)),
                                                 S.cyc("unlink", 1, ["Permission denied", "Read-only file system"])], **P))
        for _ in range(plan_oom[inst]):
            recs.append(S.rec(when(), "oom", [], **P))
        t = end + r.randint(2, 30) * SEC
    return recs


# --------------------------------------------------------------------------
# 2. Gearman  (simulation: gearmand instances, client and worker connections)
# --------------------------------------------------------------------------
# gearmand --log-file: "%5s %s [%6s ] %s" (verbosity, local time with usec,
# thread name), errors end with " -> file:line".

GEARMAN_EVENTS = [
    ("init", "Initializing Gear on port 4730 with SSL: false", {"lvl": "INFO"}),
    ("bind_timeout", "Timeout occured when calling bind() for <*>:4730 -> libgearman-server/gearmand.cc:679", {"lvl": "ERROR"}),
    ("listening", "Listening on <*> (<*>)", {"lvl": "INFO"}),
    ("add_event", "Adding event for listening socket (<*>)", {"lvl": "INFO"}),
    ("accepted", "Accepted connection from <*>:<*>", {"lvl": "INFO"}),
    ("peer_close", "Peer connection has called close()", {"lvl": "INFO"}),
    ("disconnected", "Disconnected <*>:<*>", {"lvl": "INFO"}),
    ("lost_recv", "lost connection to client recv(EPIPE || ECONNRESET || EHOSTDOWN)(<*>) -> libgearman-server/io.cc:100", {"lvl": "ERROR"}),
    ("lost_send", "lost connection to client during send(EPIPE || ECONNRESET || EHOSTDOWN)(<*>) -> libgearman-server/io.cc:417", {"lvl": "ERROR"}),
    ("errno_close", "closing connection due to previous errno error(<*>) -> libgearman-server/io.cc:218", {"lvl": "ERROR"}),
    ("dropped", "Dropped job due to max retry count: <*> <*>", {"lvl": "NOTICE"}),
    ("signal", "Received <*>, shutting down", {"lvl": "NOTICE"}),
    ("clearing", "Clearing up connections", {"lvl": "INFO"}),
    ("shutdown", "Shutdown complete", {"lvl": "INFO"}),
]


def gearman_header(t, meta, hdr):
    return "%5s %s [%6s ] " % (meta["lvl"], ts_iso_us(t), hdr["thr"])


def build_gearman(S):
    r = S.rng
    recs = []
    clients = ["10.40.2.%d" % n for n in (11, 12, 17, 23)] + ["10.40.3.%d" % n for n in (5, 6, 41)]
    workers = ["10.40.8.%d" % n for n in (31, 32, 33, 34)]
    fn_names = ["resize_image", "send_mail", "pdf_render", "reindex_doc", "geo_lookup"]
    t = at(9, 5) + r.randint(0, 900 * SEC)
    bind_fail = [True, True, False, True, False]
    handle_no = r.randint(1000, 5000)
    for inst in range(5):
        start = t
        dur = int(r.uniform(38, 62) * 60 * SEC)
        end = start + dur
        tt = start + r.randint(1, 30) * MS
        recs.append(S.rec(tt, "init", [], thr="main"))
        if bind_fail[inst]:
            tt += r.randint(1, 5) * SEC + r.randint(0, 999999) * 1000
            recs.append(S.rec(tt, "bind_timeout", [S.cyc("bind_timeout", 0, ["0.0.0.0", "::"])], thr="main"))
        fd = 7 + inst % 2
        for addr in ("0.0.0.0:4730", ":::4730"):
            tt += r.randint(50, 900) * 1000
            recs.append(S.rec(tt, "listening", [addr, fd], thr="main"))
            tt += r.randint(10, 200) * 1000
            recs.append(S.rec(tt, "add_event", [fd], thr="main"))
            fd += 1
        # connections, each with its own clock
        ta = tt + r.randint(1, 10) * SEC + r.randint(0, 999999) * 1000
        thr = 0
        while ta < end:
            is_worker = r.random() < 0.2
            ip = r.choice(workers if is_worker else clients)
            port = r.randint(32768, 60999)
            thr = thr % 4 + 1
            T = str(thr)
            recs.append(S.rec(ta, "accepted", [ip, port], thr="main"))
            life = exp_s(r, 1800 if is_worker else 45) + r.randint(3, 800) * MS
            te = ta + life
            if te < end:
                u = r.random()
                if u < 0.62:
                    recs.append(S.rec(te, "peer_close", [], thr=T))
                elif u < 0.80:
                    recs.append(S.rec(te, "lost_recv", [S.cyc("lost_recv", 0, ["Connection reset by peer", "No route to host", "Connection reset by peer"])], thr=T))
                elif u < 0.89:
                    recs.append(S.rec(te, "lost_send", [S.cyc("lost_send", 0, ["Broken pipe", "Connection reset by peer"])], thr=T))
                else:
                    recs.append(S.rec(te, "errno_close", [S.cyc("errno_close", 0, ["Connection timed out", "Broken pipe"])], thr=T))
                recs.append(S.rec(te + r.randint(20, 300) * 1000, "disconnected", [ip, port], thr=T))
            if is_worker and r.random() < 0.6:
                handle_no += r.randint(3, 400)
                td = ta + int(r.uniform(0.2, 0.9) * life)
                if td < end:
                    recs.append(S.rec(td, "dropped", ["H:gear-q1:%d" % handle_no,
                                                      "%s-%s" % (r.choice(fn_names), hexs(r, 8))], thr="proc"))
            ta += exp_s(r, 115) + r.randint(1, 999) * MS
        # shutdown
        te = end
        recs.append(S.rec(te, "signal", [S.cyc("signal", 0, ["SIGTERM", "SIGTERM", "SIGINT"])], thr="main"))
        te += r.randint(1, 40) * MS
        recs.append(S.rec(te, "clearing", [], thr="main"))
        te += r.randint(5, 300) * MS
        recs.append(S.rec(te, "shutdown", [], thr="main"))
        t = te + r.randint(3, 90) * SEC
    return recs


# --------------------------------------------------------------------------
# 3. Memgraph  (seeded shuffle)
# --------------------------------------------------------------------------
# spdlog pattern "[%Y-%m-%d %H:%M:%S.%e] [memgraph_log] [%l] %v"

MEMGRAPH_EVENTS = [
    ("version", "You are running Memgraph v<*>", {"lvl": "info"}),
    ("bolt_up", "Bolt server is fully armed and operational", {"lvl": "info"}),
    ("bolt_listen", "Bolt listening on <*>:<*>", {"lvl": "info"}),
    ("mon_up", "Monitoring server is fully armed and operational", {"lvl": "info"}),
    ("nossl", "Using non-secure Bolt connection (without SSL)", {"lvl": "info"}),
    ("mapcount", "Max virtual memory areas vm.max_map_count <*> is too low, increase to at least <*>", {"lvl": "warning"}),
    ("snap_start", "Starting snapshot creation to <*>", {"lvl": "info"}),
    ("snap_ok", "Snapshot creation successful!", {"lvl": "info"}),
    ("recover", "Recovering persisted data using snapshot (<*>)", {"lvl": "info"}),
    ("rec_vertices", "Recovering <*> vertices.", {"lvl": "info"}),
    ("rec_edges", "Recovering <*> edges.", {"lvl": "info"}),
    ("memlimit", "Memory limit exceeded! Attempting to allocate a chunk of <*> which would exceed the limit of <*>", {"lvl": "warning"}),
    ("txtimeout", "Transaction <*> was aborted because of transaction timeout.", {"lvl": "warning"}),
    ("snap_remove", "Removing old snapshot file <*>", {"lvl": "info"}),
]

MEMGRAPH_COUNTS = {
    "version": 5, "bolt_up": 5, "bolt_listen": 6, "mon_up": 5, "nossl": 5,
    "mapcount": 4, "snap_start": 62, "snap_ok": 58, "recover": 8,
    "rec_vertices": 8, "rec_edges": 8, "memlimit": 36, "txtimeout": 24,
    "snap_remove": 66,
}


def memgraph_header(t, meta, hdr):
    return "[%s] [memgraph_log] [%s] " % (ts_iso_ms(t), meta["lvl"])


def snap_path(r, t):
    return "/var/lib/memgraph/snapshots/%s_timestamp_%d" % (ts_compact(t), r.randint(1200, 98000))


MEMGRAPH_GENS = {
    "version": lambda S, t: ([S.cyc("version", 0, ["2.14.1", "2.15.0"])], {}),
    "bolt_up": lambda S, t: ([], {}),
    "bolt_listen": lambda S, t: ([S.cyc("bolt_listen", 0, ["0.0.0.0", "10.31.7.14"]), S.cyc("bolt_listen", 1, ["7687", "7687", "7688"])], {}),
    "mon_up": lambda S, t: ([], {}),
    "nossl": lambda S, t: ([], {}),
    "mapcount": lambda S, t: ([S.cyc("mapcount", 0, ["65530", "262144"]), S.cyc("mapcount", 1, ["524288", "1048576"])], {}),
    "snap_start": lambda S, t: ([snap_path(S.rng, t)], {}),
    "snap_ok": lambda S, t: ([], {}),
    "recover": lambda S, t: ([snap_path(S.rng, t - S.rng.randint(600, 7200) * SEC)], {}),
    "rec_vertices": lambda S, t: ([S.rng.randint(120000, 2400000)], {}),
    "rec_edges": lambda S, t: ([S.rng.randint(300000, 9800000)], {}),
    "memlimit": lambda S, t: (["%.2fMiB" % S.rng.choice([1.0, 2.0, 4.0, 8.0, 16.0, 0.5]),
                               S.cyc("memlimit", 1, ["2.00GiB", "4.00GiB", "1.50GiB"])], {}),
    "txtimeout": lambda S, t: ([S.rng.randint(1 << 20, 1 << 34)], {}),
    "snap_remove": lambda S, t: ([snap_path(S.rng, t - S.rng.randint(3 * 3600, 6 * 3600) * SEC)], {}),
}


def build_memgraph(S):
    return build_shuffle(S, MEMGRAPH_COUNTS, MEMGRAPH_GENS, at(7, 12) + S.rng.randint(0, 600) * SEC, 110)


# --------------------------------------------------------------------------
# 4. Dragonfly  (seeded shuffle)
# --------------------------------------------------------------------------
# glog style: "Lyyyymmdd hh:mm:ss.uuuuuu %5d file:line] msg"

DRAGONFLY_EVENTS = [
    ("starting", "Starting dragonfly df-v<*>-<*>", {"lvl": "I", "src": "dfly_main.cc:786"}),
    ("optmode", "dragonfly running in opt mode.", {"lvl": "I", "src": "init.cc:78"}),
    ("nomaxmem", "maxmemory has not been specified. Deciding myself....", {"lvl": "I", "src": "dfly_main.cc:644"}),
    ("found_mem", "Found <*> of memory. Setting maxmemory to <*>", {"lvl": "I", "src": "dfly_main.cc:653"}),
    ("iothreads", "Running <*> io threads", {"lvl": "I", "src": "proactor_pool.cc:147"}),
    ("loading", "Loading <*>", {"lvl": "I", "src": "server_family.cc:778"}),
    ("load_done", "Load finished, num keys read: <*>", {"lvl": "I", "src": "server_family.cc:834"}),
    ("listen", "sock[<*>] AcceptServer - listening on port <*>", {"lvl": "I", "src": "listener_interface.cc:101"}),
    ("saved", "Saving \"<*>\" finished after <*>", {"lvl": "I", "src": "server_family.cc:1490"}),
    ("full_sync", "Started full sync with <*>:<*>", {"lvl": "I", "src": "replica.cc:495"}),
    ("stable_sync", "Started stable sync with <*>:<*>", {"lvl": "I", "src": "replica.cc:561"}),
    ("full_done", "full sync finished in <*>", {"lvl": "I", "src": "replica.cc:548"}),
    ("sync_err", "Error syncing with <*>:<*> <*>", {"lvl": "W", "src": "replica.cc:232"}),
    ("sock_err", "Socket error system:<*> <*> on connection id=<*> addr=<*>", {"lvl": "W", "src": "dragonfly_connection.cc:641"}),
    ("nosnap", "Could not load snapshot - its used memory is <*> but the limit is <*>", {"lvl": "E", "src": "server_family.cc:812"}),
]

DRAGONFLY_COUNTS = {
    "starting": 5, "optmode": 5, "nomaxmem": 4, "found_mem": 4, "iothreads": 5,
    "loading": 6, "load_done": 6, "listen": 10, "saved": 96, "full_sync": 9,
    "stable_sync": 8, "full_done": 9, "sync_err": 22, "sock_err": 108, "nosnap": 3,
}

DF_TIDS = ["1", "7", "8", "9", "10"]


def dragonfly_header(t, meta, hdr):
    return "%s%s %5s %s] " % (meta["lvl"], ts_glog(t), hdr["tid"], meta["src"])


def df_save_path(r, t):
    h, m, s, _ = clock(t - r.randint(1, 30) * SEC)
    return "/data/dump-%04d-%02d-%02dT%02d:%02d:%02d-summary.dfs" % (YEAR, MONTH, DAY, h, m, s)


def df_dur(r):
    if r.random() < 0.6:
        return "%d ms" % r.randint(40, 990)
    return "%d s" % r.randint(1, 14)


def df_sock_err(S, t):
    r = S.rng
    errno, msg = S.cyc("sock_err", 0, [("104", "Connection reset by peer"), ("32", "Broken pipe"), ("110", "Connection timed out")])
    addr = "%s:%d" % (r.choice(["10.22.5.17", "10.22.5.18", "10.22.6.3", "10.22.9.40"]), r.randint(32768, 60999))
    return [errno, msg, r.randint(12, 48000), addr], {"tid": r.choice(DF_TIDS[1:])}


DRAGONFLY_GENS = {
    "starting": lambda S, t: ([S.cyc("starting", 0, ["1.15.1", "1.16.0"]), hexs(S.rng, 40)], {"tid": "1"}),
    "optmode": lambda S, t: ([], {"tid": "1"}),
    "nomaxmem": lambda S, t: ([], {"tid": "1"}),
    "found_mem": lambda S, t: (S.cyc("found_mem", 0, [["15.54GiB", "12.43GiB"], ["31.26GiB", "25.01GiB"]]), {"tid": "1"}),
    "iothreads": lambda S, t: ([S.cyc("iothreads", 0, ["4", "8", "6"])], {"tid": "1"}),
    "loading": lambda S, t: ([S.cyc("loading", 0, ["/data/dump-summary.dfs", "/var/lib/dragonfly/dump-summary.dfs"])], {"tid": "1"}),
    "load_done": lambda S, t: ([S.rng.randint(20000, 4800000)], {"tid": "1"}),
    "listen": lambda S, t: ([S.cyc("listen", 0, ["7", "8", "9"]), S.cyc("listen", 1, ["6379", "11211"])], {"tid": S.rng.choice(DF_TIDS[1:])}),
    "saved": lambda S, t: ([df_save_path(S.rng, t), df_dur(S.rng)], {"tid": S.rng.choice(DF_TIDS[1:])}),
    "full_sync": lambda S, t: ([S.cyc("full_sync", 0, ["10.22.1.5", "10.22.1.6"]), S.cyc("full_sync", 1, ["6379", "6380"])], {"tid": S.rng.choice(DF_TIDS[1:])}),
    "stable_sync": lambda S, t: ([S.cyc("stable_sync", 0, ["10.22.1.5", "10.22.1.6"]), S.cyc("stable_sync", 1, ["6379", "6380"])], {"tid": S.rng.choice(DF_TIDS[1:])}),
    "full_done": lambda S, t: (["%.2fs" % S.rng.uniform(0.3, 48.0)], {"tid": S.rng.choice(DF_TIDS[1:])}),
    "sync_err": lambda S, t: ([S.cyc("sync_err", 0, ["10.22.1.5", "10.22.1.6"]), S.cyc("sync_err", 1, ["6379", "6380"]),
                               S.cyc("sync_err", 2, ["generic:103 Software caused connection abort", "system:111 Connection refused",
                                                     "generic:125 Operation canceled"])], {"tid": S.rng.choice(DF_TIDS[1:])}),
    "sock_err": df_sock_err,
    "nosnap": lambda S, t: (S.cyc("nosnap", 0, [["13.08GiB", "12.43GiB"], ["26.71GiB", "25.01GiB"]]), {"tid": "1"}),
}


def build_dragonfly(S):
    return build_shuffle(S, DRAGONFLY_COUNTS, DRAGONFLY_GENS, at(8, 30) + S.rng.randint(0, 600) * SEC, 95)


# --------------------------------------------------------------------------
# 5. OpenNTPD  (simulation: ntpd instances, NTP peers, constraints, clock)
# --------------------------------------------------------------------------

OPENNTPD_EVENTS = [
    ("listening", "listening on <*>", {}),
    ("ready", "ntp engine ready", {}),
    ("constraint", "constraint reply from <*>: offset <*>", {}),
    ("tls_fail", "tls connect failed: <*> (<*>): <*>", {}),
    ("setclock", "set local clock to <*> (offset <*>)", {}),
    ("valid", "peer <*> now valid", {}),
    ("invalid", "peer <*> now invalid", {}),
    ("notsynced", "reply from <*>: not synced (<*>), next query <*>", {}),
    ("noreply", "no reply from <*> received in time, next query <*>", {}),
    ("recvmsg", "recvmsg <*>: <*>", {}),
    ("synced", "clock is now synced", {}),
    ("unsynced", "clock is now unsynced", {}),
    ("adjust", "adjusting local clock by <*>", {}),
    ("freq", "adjusting clock frequency by <*> to <*>", {}),
]


def openntpd_header(t, meta, hdr):
    return "%s %s ntpd[%d]: " % (ts_syslog(t), hdr["host"], hdr["pid"])


def build_openntpd(S):
    r = S.rng
    host = "edge-gw1"
    recs = []
    peer_pool = ["192.0.2.%d" % n for n in (14, 33, 71, 108, 152, 203)] + \
                ["198.51.100.%d" % n for n in (9, 27, 64, 130, 199)] + \
                ["203.0.113.%d" % n for n in (5, 46, 88, 121)]
    constraints = [("198.51.100.250", "www.example.net"), ("203.0.113.240", "constraint.example.org"),
                   ("192.0.2.250", "time-check.example.com")]
    t = at(0, 20) + r.randint(0, 900) * SEC
    ppid = r.randint(400, 900)
    for inst in range(3):
        start = t
        dur = int(r.uniform(6.2, 7.2) * 3600 * SEC)
        end = start + dur
        ppid += r.randint(200, 9000)
        epid = ppid + r.randint(1, 3)
        PP = {"host": host, "pid": ppid}
        PE = {"host": host, "pid": epid}
        tt = start + r.randint(10, 500) * MS
        for addr in S.cyc("listening", 0, [["127.0.0.1", "::1"], ["127.0.0.1", "10.0.0.1"]]):
            recs.append(S.rec(tt, "listening", [addr], **PE))
            tt += r.randint(1, 900) * 1000
        recs.append(S.rec(tt, "ready", [], **PE))
        # constraints (each checked by its own short-lived child)
        tset = tt
        for j, (cip, cname) in enumerate(constraints):
            tc = tt + r.randint(300, 2500) * MS
            if (inst + j) % 3 == 0:
                err = S.cyc("tls_fail", 2, ["connect: Connection refused", "handshake failed: certificate verification failed",
                                            "connect: Network is unreachable"])
                recs.append(S.rec(tc, "tls_fail", [cip, cname, err], **PE))
                tc += r.randint(55, 70) * SEC
            recs.append(S.rec(tc, "constraint", [cip, "%.6f" % r.uniform(-0.6, 0.6)], **PE))
            tset = max(tset, tc)
        # ntpd -s: clock set once at start-up
        ts = tset + r.randint(2, 9) * SEC
        off = r.uniform(-2.5, 2.5)
        h, m, s, _ = clock(ts)
        recs.append(S.rec(ts, "setclock", ["%s %s %2d %02d:%02d:%02d UTC %d" % (WEEKDAY, MONTHS[MONTH - 1], DAY, h, m, s, YEAR),
                                           "%.6fs" % off], **PP))
        # peers: each on its own query clock, alternating good and bad phases
        peers = r.sample(peer_pool, 7)
        for ip in peers:
            tp = ts + r.randint(20, 240) * SEC
            recs.append(S.rec(tp, "valid", [ip], **PE))
            kind = r.choice(["noreply", "noreply", "notsynced", "recvmsg"])
            while True:
                tp += exp_s(r, 2.6 * 3600) + r.randint(30, 900) * SEC
                if tp >= end:
                    break
                nbad = 1 + int(r.expovariate(1 / 1.6))
                for b in range(nbad):
                    if tp >= end:
                        break
                    nq = r.randint(3000, 3300)
                    if kind == "noreply":
                        recs.append(S.rec(tp, "noreply", [ip, "%ds" % nq], **PE))
                    elif kind == "notsynced":
                        recs.append(S.rec(tp, "notsynced", [ip, S.cyc("notsynced", 1, ["alarm", "alarm", "stratum 16"]), "%ds" % nq], **PE))
                    else:
                        recs.append(S.rec(tp, "recvmsg", [ip, S.cyc("recvmsg", 1, ["Connection refused", "Host is unreachable"])], **PE))
                        nq = r.randint(30, 60)
                    if b == 0:
                        recs.append(S.rec(tp + r.randint(1, 300) * MS, "invalid", [ip], **PE))
                    tp += nq * SEC + r.randint(0, 999) * MS
                tp += r.randint(60, 600) * SEC
                if tp >= end:
                    break
                recs.append(S.rec(tp, "valid", [ip], **PE))
                kind = r.choice(["noreply", "noreply", "notsynced", "recvmsg"])
        # the local clock: synced, adjustments, frequency corrections
        tk = ts + r.randint(240, 600) * SEC
        recs.append(S.rec(tk, "synced", [], **PE))
        outages = [start + int(r.uniform(0.12, 0.4) * dur), start + int(r.uniform(0.55, 0.9) * dur)]
        outage = outages.pop(0)
        in_sync = True
        tf = tk + exp_s(r, 2400)
        while tk < end:
            tk += exp_s(r, 290) + r.randint(20, 60) * SEC
            if tk >= end:
                break
            if in_sync and tk >= outage:
                recs.append(S.rec(tk, "unsynced", [], **PE))
                in_sync = False
                outage = outages.pop(0) if outages else end + 1   # upstream outages
                tk += r.randint(900, 2400) * SEC
                if tk < end:
                    recs.append(S.rec(tk, "synced", [], **PE))
                    in_sync = True
                continue
            if tk >= tf:
                recs.append(S.rec(tk, "freq", ["%.6f" % r.uniform(-0.0009, 0.0009), "%.6fppm" % r.uniform(-18.0, 24.0)], **PP))
                tf = tk + exp_s(r, 2400) + 600 * SEC
            recs.append(S.rec(tk + r.randint(1, 80) * MS, "adjust", ["%.6fs" % r.gauss(0, 0.02)], **PP))
        t = end + r.randint(5, 60) * SEC
    return recs


# --------------------------------------------------------------------------
# 6. Haveged  (seeded shuffle: haveged and rngd on several hosts)
# --------------------------------------------------------------------------
# haveged prefixes most syslog messages with "haveged: "; rngd prefixes
# per-source messages with "[%-6s]: ".

HAVEGED_EVENTS = [
    ("hv_start", "haveged starting up", {"prog": "haveged"}),
    ("hv_ver", "ver: <*>; arch: <*>; vend: <*>; build: (<*>); collect: <*>", {"prog": "haveged", "pfx": True}),
    ("hv_cpu", "cpu: (<*>); data: <*> (<*>); inst: <*> (<*>); idx: <*>/<*>; sz: <*>/<*>", {"prog": "haveged", "pfx": True}),
    ("hv_tests", "tot tests(BA8): A:<*> B:<*> continuous tests(B):  last entropy estimate <*>", {"prog": "haveged", "pfx": True}),
    ("hv_fills", "fills: <*>, generated: <*>", {"prog": "haveged", "pfx": True}),
    ("hv_stop", "Stopping due to signal <*>", {"prog": "haveged", "pfx": True}),
    ("rn_init", "Initializing available sources", {"prog": "rngd"}),
    ("rn_fail", "Initialization Failed", {"prog": "rngd", "src": True}),
    ("rn_enable", "Enabling <*> rng support", {"prog": "rngd", "src": True}),
    ("rn_ok", "Initialized", {"prog": "rngd", "src": True}),
    ("rn_disable", "Disabling <*>: <*> (<*>)", {"prog": "rngd"}),
    ("rn_bits", "stats: bits received from HRNG source: <*>", {"prog": "rngd"}),
    ("rn_fips_ok", "stats: FIPS 140-2 successes: <*>", {"prog": "rngd"}),
    ("rn_fips_bad", "stats: FIPS 140-2 failures: <*>", {"prog": "rngd"}),
]

HAVEGED_COUNTS = {
    "hv_start": 5, "hv_ver": 5, "hv_cpu": 5, "hv_tests": 22, "hv_fills": 60,
    "hv_stop": 4, "rn_init": 5, "rn_fail": 9, "rn_enable": 8, "rn_ok": 8,
    "rn_disable": 10, "rn_bits": 55, "rn_fips_ok": 52, "rn_fips_bad": 52,
}

HV_HOSTS = {"vm-web-03": (612, 655), "vm-web-04": (598, 641), "vm-db-01": (733, 702), "kiosk-lab-7": (401, 388)}


def haveged_header(t, meta, hdr):
    host = hdr["host"]
    hv_pid, rn_pid = HV_HOSTS[host]
    if meta["prog"] == "haveged":
        h = "%s %s haveged[%d]: " % (ts_syslog(t), host, hv_pid)
        if meta.get("pfx"):
            h += "haveged: "
    else:
        h = "%s %s rngd[%d]: " % (ts_syslog(t), host, rn_pid)
        if meta.get("src"):
            h += "[%-6s]: " % hdr["src"]
    return h


def hv_host(S):
    return {"host": S.rng.choice(sorted(HV_HOSTS))}


def hv_ver(S, t):
    vend = S.cyc("hv_ver", 2, ["GenuineIntel", "AuthenticAMD"])
    return [S.cyc("hv_ver", 0, ["1.9.14", "1.9.18"]), S.cyc("hv_ver", 1, ["x86", "x86", "generic"]), vend,
            S.cyc("hv_ver", 3, ["gcc 10.2.1 ITV", "gcc 12.2.0 ITV"]), S.cyc("hv_ver", 4, ["128K", "128K", "256K"])], hv_host(S)


def hv_cpu(S, t):
    r = S.rng
    lvl = S.cyc("hv_cpu", 0, ["L4 VC", "L2 VC", "L4 V"])
    return [lvl, S.cyc("hv_cpu", 1, ["32K", "48K"]), S.cyc("hv_cpu", 2, ["L4 V", "L2 V"]),
            S.cyc("hv_cpu", 3, ["32K", "64K"]), S.cyc("hv_cpu", 4, ["L4 V", "L2 V"]),
            r.randint(9, 19), S.cyc("hv_cpu", 6, ["40", "39"]), r.randint(28000, 33000), r.randint(52000, 56000)], hv_host(S)


def hv_tests(S, t):
    n = S.cyc("hv_tests", 0, [1, 2, 1, 3])
    m = S.cyc("hv_tests", 1, [1, 1, 2])
    return ["%d/%d" % (n, n), "%d/%d" % (m, m), "%.5f" % S.rng.uniform(7.9960, 7.9990)], hv_host(S)


def hv_fills(S, t):
    r = S.rng
    fills = r.randint(0, 80) if r.random() < 0.85 else 0
    gen = "%d K bytes" % (fills * 64) if fills else "0"
    return [fills, gen], hv_host(S)


def rn_src(S, key, pool):
    d = hv_host(S)
    d["src"] = S.cyc(key, "src", pool)
    return d


def rn_enable(S, t):
    src, what = S.cyc("rn_enable", 0, [("rdrand", "RDSEED"), ("jitter", "JITTER"), ("rdrand", "RDRAND")])
    d = hv_host(S)
    d["src"] = src
    return [what], d


HAVEGED_GENS = {
    "hv_start": lambda S, t: ([], hv_host(S)),
    "hv_ver": hv_ver,
    "hv_cpu": hv_cpu,
    "hv_tests": hv_tests,
    "hv_fills": hv_fills,
    "hv_stop": lambda S, t: ([S.cyc("hv_stop", 0, ["15", "15", "2"])], hv_host(S)),
    "rn_init": lambda S, t: ([], hv_host(S)),
    "rn_fail": lambda S, t: ([], rn_src(S, "rn_fail", ["hwrng", "rtlsdr", "pkcs11", "nist"])),
    "rn_enable": rn_enable,
    "rn_ok": lambda S, t: ([], rn_src(S, "rn_ok", ["rdrand", "jitter"])),
    "rn_disable": lambda S, t: (S.cyc("rn_disable", 0, [["7", "PKCS11 Entropy generator", "pkcs11"],
                                                       ["5", "NIST Network Entropy Beacon", "nist"],
                                                       ["8", "Qrypt quantum entropy beacon", "qrypt"]]), hv_host(S)),
    "rn_bits": lambda S, t: ([S.rng.randint(2, 900) * 20032 + 64], hv_host(S)),
    "rn_fips_ok": lambda S, t: ([S.rng.randint(1, 45000)], hv_host(S)),
    "rn_fips_bad": lambda S, t: ([S.rng.choice([0, 0, 0, 1, 2, 3, 5, 11])], hv_host(S)),
}


def build_haveged(S):
    return build_shuffle(S, HAVEGED_COUNTS, HAVEGED_GENS, at(5, 2) + S.rng.randint(0, 600) * SEC, 80)


# --------------------------------------------------------------------------
# systems
# --------------------------------------------------------------------------

def make_systems():
    return [
        (System(1, "Beanstalkd", "simulation", BEANSTALKD_EVENTS,
                r"^" + SYSLOG_TS + r" [\w.-]+ beanstalkd\[\d+\]: "
                r"(?:/usr/bin/beanstalkd: \w+\.c:\d+ in \w+: )?$",
                syslog_key, beanstalkd_header), build_beanstalkd),
        (System(2, "Gearman", "simulation", GEARMAN_EVENTS,
                r"^ *(?:FATAL|ERROR|WARNING|NOTICE|INFO|DEBUG) "
                r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}) \[ *\w+ \] $",
                str, gearman_header), build_gearman),
        (System(3, "Memgraph", "shuffle", MEMGRAPH_EVENTS,
                r"^\[(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})\] \[memgraph_log\] "
                r"\[(?:trace|debug|info|warning|error|critical)\] $",
                str, memgraph_header), build_memgraph),
        (System(4, "Dragonfly", "shuffle", DRAGONFLY_EVENTS,
                r"^[IWEF](?P<ts>\d{8} \d\d:\d\d:\d\d\.\d{6}) +\d+ [\w.]+:\d+\] $",
                str, dragonfly_header), build_dragonfly),
        (System(5, "OpenNTPD", "simulation", OPENNTPD_EVENTS,
                r"^" + SYSLOG_TS + r" [\w.-]+ ntpd\[\d+\]: $",
                syslog_key, openntpd_header), build_openntpd),
        (System(6, "Haveged", "shuffle", HAVEGED_EVENTS,
                r"^" + SYSLOG_TS + r" [\w.-]+ (?:haveged\[\d+\]: (?:haveged: )?"
                r"|rngd\[\d+\]: (?:\[[\w ]{6}\]: )?)$",
                syslog_key, haveged_header), build_haveged),
    ]


def write_system(S, rows):
    d = os.path.join(OUT, S.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as f:
        for raw, _, _, _ in rows:
            f.write(raw + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, content, eid, tpl) in enumerate(rows, 1):
            w.writerow([i, content, eid, tpl])


def tpl_regex(tpl):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in tpl.split("<*>")) + "$")


def check_system(S):
    d = os.path.join(OUT, S.name)
    logp = os.path.join(d, S.name + ".log")
    csvp = os.path.join(d, S.name + ".log_structured.csv")
    errors = []

    def fail(msg):
        errors.append("%s: %s" % (S.name, msg))

    for p in (logp, csvp):
        with open(p, "rb") as f:
            data = f.read()
        if not data.endswith(b"\n"):
            fail("%s does not end with newline" % p)
        if b"\r" in data:
            fail("%s contains \\r" % p)
    with open(logp, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")[:-1]
    with open(csvp, encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    if table[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        fail("bad csv header %r" % table[0])
    rows = table[1:]
    if len(lines) != N_LINES or len(rows) != N_LINES:
        fail("line/row count %d/%d" % (len(lines), len(rows)))
    declared = {S.eid[k]: S.by_key[k][1] for k in S.keys}
    if len(set(declared.values())) != len(declared):
        fail("duplicate templates")
    tpl_of = {}
    counts = {}
    slot_vals = {}
    last = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            fail("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            fail("LineId %s at row %d" % (lid, i))
        if not content or content != content.strip():
            fail("row %d content empty or unstripped" % i)
        if "\n" in line or not line.endswith(content):
            fail("line %d does not end with its Content" % i)
            continue
        header = line[: len(line) - len(content)]
        m = S.header_re.match(header)
        if not m:
            fail("line %d header %r does not match" % (i, header))
            continue
        key = S.ts_key(m.group("ts"))
        if last is not None and key < last:
            fail("line %d time goes back" % i)
        last = key
        if not re.fullmatch(r"E\d+", eid):
            fail("bad EventId %r" % eid)
        if eid not in declared or declared[eid] != tpl:
            fail("row %d EventId/template not as declared" % i)
        if tpl_of.setdefault(eid, tpl) != tpl:
            fail("EventId %s has two templates" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        mm = tpl_regex(tpl).match(content)
        if not mm:
            fail("row %d content %r does not match template %r" % (i, content, tpl))
            continue
        for j, g in enumerate(mm.groups()):
            slot_vals.setdefault((eid, j), set()).add(g)
    if set(counts) != set(declared):
        fail("declared but unused events: %s" % sorted(set(declared) - set(counts)))
    for eid, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            if len(slot_vals.get((eid, j), ())) < 2:
                fail("%s slot %d has < 2 distinct values" % (eid, j + 1))
    c = sorted(counts.values())
    if not 12 <= len(c) <= 15:
        fail("%d event types" % len(c))
    if c and c[0] < 3:
        fail("an event has fewer than 3 lines: %s" % counts)
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        fail("fewer than 3 events with 3-10 lines")
    med = statistics.median(c) if c else 0
    if c and c[-1] < 3 * med:
        fail("largest %d < 3 x median %s" % (c[-1], med))
    order = sorted(counts, key=lambda e: int(e[1:]))
    return errors, counts, order, med


def main():
    all_errors = []
    for S, build in make_systems():
        rows = S.finish(build(S))
        write_system(S, rows)
    for S, _ in make_systems():
        errors, counts, order, med = check_system(S)
        all_errors.extend(errors)
        print("%-10s %-10s events=%2d max=%3d median=%4s  %s" % (
            S.name, S.kind, len(counts), max(counts.values()), med,
            " ".join("%s:%d" % (e, counts[e]) for e in order)))
    if all_errors:
        for e in all_errors:
            print("CHECK FAILED:", e)
        sys.exit(1)
    print("self-check passed for all systems")


if __name__ == "__main__":
    main()
