#!/usr/bin/env python3
"""Sealed 72: blind labelled log corpus generator.

Python 3 standard library only.  Fully deterministic: no wall clock, no locale,
no hash()-dependent ordering.  Every value is drawn from a per-system
random.Random(BASE_SEED * 10 + k) and every timestamp comes from an integer
nanosecond clock on 2026-03-14 (UTC).

Running it writes, for each system, <System>/<System>.log (300 raw lines) and
<System>/<System>.log_structured.csv (LineId,Content,EventId,EventTemplate),
then re-reads and self-checks every file and prints a per-system summary.
"""

import csv
import math
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270205
N_LINES = 300
OUT_DIR = os.path.dirname(os.path.abspath(__file__))
NS = 1_000_000_000
MS = 1_000_000
US = 1_000
DATE_Y, DATE_M, DATE_D = 2026, 3, 14
# Fixed month names (never taken from the locale).
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DATE_DASH = "%04d-%02d-%02d" % (DATE_Y, DATE_M, DATE_D)
DATE_COMPACT = "%04d%02d%02d" % (DATE_Y, DATE_M, DATE_D)
CSV_HEADER = ["LineId", "Content", "EventId", "EventTemplate"]
# Unix epoch milliseconds at 2026-03-14T00:00:00Z (2026-01-01 + 72 days).
EPOCH_MS_DAY = (1767225600 + 72 * 86400) * 1000
WILD = "<*>"


# --------------------------------------------------------------------------
# clock helpers (integer nanoseconds since 2026-03-14 00:00:00 UTC)
# --------------------------------------------------------------------------

def at(h, m=0, s=0):
    return ((h * 60 + m) * 60 + s) * NS


def hmsf(t):
    """Split a nanosecond-of-day clock into (hour, minute, second, ns)."""
    sec, frac = divmod(t, NS)
    if not 0 <= sec < 86400:
        raise ValueError("clock left the day: %r" % t)
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    return h, m, s, frac


def exp_ns(rng, mean_s):
    """Exponential gap (forward-only clock), at least 1 microsecond."""
    return max(US, int(rng.expovariate(1.0 / mean_s) * NS))


def uni_ns(rng, lo_s, hi_s):
    return int(rng.uniform(lo_s, hi_s) * NS)


def loguni(rng, lo, hi):
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def trim(x, digits):
    s = ("%." + str(digits) + "f") % x
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def go_duration(ns):
    ns = max(1, int(ns))
    if ns < US:
        return "%dns" % ns
    if ns < MS:
        return trim(ns / US, 3) + "\u00b5s"
    if ns < NS:
        return trim(ns / MS, 6) + "ms"
    return trim(ns / NS, 9) + "s"


def timespan(ns):
    """.NET TimeSpan.ToString() ("c" format): [d.]hh:mm:ss[.fffffff]."""
    ticks = ns // 100
    sec, frac = divmod(ticks, 10_000_000)
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    out = "%02d:%02d:%02d" % (h, m, s)
    if frac:
        out += ".%07d" % frac
    return out


def human_bytes(n, digits=2, space=True):
    units = ["B", "KB", "MB", "GB", "TB"]
    x = float(n)
    i = 0
    while x >= 1024 and i < len(units) - 1:
        x /= 1024.0
        i += 1
    return ("%." + str(digits) + "f%s%s") % (x, " " if space else "", units[i])


def hexstr(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid4(rng):
    h = hexstr(rng, 32)
    v = "89ab"[rng.randrange(4)]
    return "%s-%s-4%s-%s%s-%s" % (h[0:8], h[8:12], h[13:16], v, h[17:20], h[20:32])


# --------------------------------------------------------------------------
# event catalogue, pools and template filling
# --------------------------------------------------------------------------

class Catalog:
    """Events are numbered E1, E2, ... in declaration order."""

    def __init__(self):
        self.events = []
        self.by_name = {}

    def add(self, name, template, **meta):
        if name in self.by_name:
            raise ValueError("duplicate event name " + name)
        eid = "E%d" % (len(self.events) + 1)
        ev = dict(meta)
        ev.update(eid=eid, name=name, tpl=template)
        self.events.append(ev)
        self.by_name[name] = ev
        return ev

    def __getitem__(self, name):
        return self.by_name[name]


class Pools:
    """Small pools cycle per (event, slot) starting at a seeded offset."""

    def __init__(self, rng):
        self.rng = rng
        self.pos = {}

    def cyc(self, event, slot, pool):
        key = (event, slot)
        if key not in self.pos:
            self.pos[key] = self.rng.randrange(len(pool))
        i = self.pos[key]
        self.pos[key] = i + 1
        return pool[i % len(pool)]


def fill(template, values):
    parts = template.split(WILD)
    if len(parts) - 1 != len(values):
        raise ValueError("template %r wants %d values, got %d"
                         % (template, len(parts) - 1, len(values)))
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        if not v or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, template))
        out.append(v)
        out.append(p)
    return "".join(out)


class Sim:
    """Collects lines from entities that each run on their own clock."""

    def __init__(self):
        self.items = []
        self.seq = 0

    def emit(self, t, ent, ev, values, **hdr):
        self.items.append((int(t), ent, self.seq, ev, values, hdr))
        self.seq += 1

    def merged(self, n):
        items = sorted(self.items, key=lambda x: (x[0], x[1], x[2]))
        if len(items) < n:
            raise RuntimeError("simulation produced only %d lines" % len(items))
        return items[:n]


def shuffle_schedule(rng, counts, t0, mean_gap_s):
    seq = []
    for name, n in counts:
        seq.extend([name] * n)
    rng.shuffle(seq)
    t = t0
    out = []
    for name in seq:
        t += exp_ns(rng, mean_gap_s)
        out.append((t, name))
    return out


# ==========================================================================
# 1. Kvrocks (seeded shuffle) -- glog prefix
# ==========================================================================

def glog_header(level, t, tid, src):
    h, m, s, f = hmsf(t)
    return "%s%s %02d:%02d:%02d.%06d %5d %s] " % (level, DATE_COMPACT, h, m, s, f // US, tid, src)


def gen_kvrocks(rng):
    cat = Catalog()
    ev = cat.add
    ev("flush_begin", "[event_listener/flush_begin] column family: <*>, thread_id: <*>, job_id: <*>, reason: <*>",
       lvl="I", src="event_listener.cc:86")
    ev("flush_completed", "[event_listener/flush_completed] column family: <*>, thread_id: <*>, job_id: <*>, file: <*>, "
       "reason: <*>, is_write_slowdown: <*>, is_write_stall: <*>, largest seqno: <*>, smallest seqno: <*>",
       lvl="I", src="event_listener.cc:97")
    ev("compaction_begin", "[event_listener/compaction_begin] column family: <*>, job_id: <*>, compaction reason: <*>, "
       "output compression type: <*>, base input level(files): <*>(<*>), output level: <*>, input bytes: <*>, "
       "is_manual_compaction: <*>", lvl="I", src="event_listener.cc:113")
    ev("compaction_completed", "[event_listener/compaction_completed] column family: <*>, job_id: <*>, compaction reason: <*>, "
       "output compression type: <*>, base input level(files): <*>(<*>), output level(files): <*>(<*>), input bytes: <*>, "
       "output bytes: <*>, is_manual_compaction: <*>, elapsed(micro): <*>", lvl="I", src="event_listener.cc:131")
    ev("file_created", "[event_listener/table_file_created] column family: <*>, file path: <*>, file size: <*>, job_id: <*>, "
       "reason: <*>, status: OK", lvl="I", src="event_listener.cc:152")
    ev("file_deleted", "[event_listener/table_file_deleted] db: /var/lib/kvrocks/db, sst file: <*>, status: OK",
       lvl="I", src="event_listener.cc:160")
    ev("stall_changed", "[event_listener/stall_cond_changed] column family: <*>, write stall condition was changed, from <*> to <*>",
       lvl="W", src="event_listener.cc:168")
    ev("bg_error", "[event_listener/background_error] reason: <*>, status: <*>", lvl="E", src="event_listener.cc:177")
    ev("feed_start", "[replication] Start feeding WAL to replica <*> from sequence <*>", lvl="I", src="replication.cc:209")
    ev("feed_stop", "[replication] Stop feeding WAL to replica <*>, reason: <*>", lvl="I", src="replication.cc:247")
    ev("wal_gap", "[replication] WAL iterator is discontinuous for replica <*>, expected sequence <*> but got <*>",
       lvl="W", src="replication.cc:284")
    ev("backup_start", "[storage] Start to create new backup", lvl="I", src="storage.cc:611")
    ev("backup_done", "[storage] Success to create new backup, backup size: <*>, took <*>", lvl="I", src="storage.cc:633")
    ev("idle_client", "[server] Close the idle client id=<*> addr=<*>, idle time: <*>", lvl="I", src="server.cc:1094")

    counts = [("file_created", 60), ("flush_begin", 46), ("flush_completed", 44), ("file_deleted", 30),
              ("compaction_begin", 22), ("compaction_completed", 20), ("idle_client", 14), ("feed_start", 12),
              ("feed_stop", 12), ("backup_start", 10), ("backup_done", 9), ("wal_gap", 8),
              ("stall_changed", 7), ("bg_error", 6)]
    P = Pools(rng)
    t0 = at(8, 41, 17) + rng.randrange(NS)
    sched = shuffle_schedule(rng, counts, t0, 5.5)

    DB = "/var/lib/kvrocks/db"
    CFS = ["default", "metadata", "zset_score", "default", "metadata", "stream", "pubsub", "default", "propagate"]
    FLUSH_TIDS = [35, 36]
    COMPACT_TIDS = [37, 38, 39, 40]
    WORKER_TIDS = list(range(14, 22))
    REPL_TIDS = [44, 45, 46]
    REPLICAS = ["10.20.3.14:6666", "10.20.3.15:6666", "10.20.7.41:6666"]
    CLIENTS = ["10.20.1.%d" % rng.randint(10, 250) for _ in range(9)]
    st = dict(job=2311 + rng.randrange(400), fileno=18244 + rng.randrange(900),
              seq=731_550_212 + rng.randrange(10_000_000), client=48_210 + rng.randrange(5000))

    def sst(no):
        return "%s/%06d.sst" % (DB, no)

    def nextjob():
        st["job"] += rng.randint(1, 3)
        return st["job"]

    def nextfile():
        st["fileno"] += rng.randint(1, 4)
        return st["fileno"]

    def render(name):
        e = cat[name]
        if name == "flush_begin":
            tid = P.cyc(name, "tid", FLUSH_TIDS)
            vals = [P.cyc(name, "cf", CFS), tid, nextjob(),
                    P.cyc(name, "reason", ["Write Buffer Full", "Write Buffer Full", "Manual Flush",
                                            "Write Buffer Manager", "Write Buffer Full", "Get Live Files"])]
        elif name == "flush_completed":
            tid = P.cyc(name, "tid", FLUSH_TIDS)
            small = st["seq"] + rng.randint(1, 400)
            large = small + rng.randint(3_000, 180_000)
            st["seq"] = large
            vals = [P.cyc(name, "cf", CFS), tid, nextjob(), sst(nextfile()),
                    P.cyc(name, "reason", ["Write Buffer Full", "Write Buffer Full", "Manual Flush", "Write Buffer Manager"]),
                    P.cyc(name, "slow", ["no", "no", "no", "no", "yes", "no", "no"]),
                    P.cyc(name, "stall", ["no", "no", "no", "no", "no", "no", "yes", "no"]),
                    large, small]
        elif name in ("compaction_begin", "compaction_completed"):
            tid = P.cyc(name, "tid", COMPACT_TIDS)
            reason = P.cyc(name, "reason", ["LevelL0FilesNum", "LevelMaxLevelSize", "LevelL0FilesNum",
                                            "FilesMarkedForCompaction", "ManualCompaction", "LevelMaxLevelSize"])
            base = P.cyc(name, "base", [0, 1, 0, 2, 3, 0, 1, 4])
            nin = rng.randint(2, 9) if base == 0 else rng.randint(1, 12)
            inb = int(loguni(rng, 2e6, 9e8))
            manual = "yes" if reason == "ManualCompaction" else "no"
            comp = P.cyc(name, "comp", ["NoCompression", "Snappy", "Snappy", "ZSTD", "LZ4"])
            cf = P.cyc(name, "cf", CFS)
            if name == "compaction_begin":
                vals = [cf, nextjob(), reason, comp, base, nin, base + 1, inb, manual]
            else:
                outb = int(inb * rng.uniform(0.55, 0.98))
                vals = [cf, nextjob(), reason, comp, base, nin, base + 1, max(1, nin + rng.randint(-1, 2)),
                        inb, outb, manual, int(loguni(rng, 8e4, 6e7))]
        elif name == "file_created":
            reason = P.cyc(name, "reason", ["Flush", "Compaction", "Compaction", "Flush", "Compaction", "Recovery"])
            tid = rng.choice(FLUSH_TIDS if reason == "Flush" else COMPACT_TIDS)
            vals = [P.cyc(name, "cf", CFS), sst(nextfile()), int(loguni(rng, 9e4, 6.7e7)), nextjob(), reason]
        elif name == "file_deleted":
            tid = rng.choice(COMPACT_TIDS)
            vals = [sst(st["fileno"] - rng.randint(40, 1500))]
        elif name == "stall_changed":
            tid = rng.choice(WORKER_TIDS)
            a, b = P.cyc(name, "pair", [("normal", "delayed"), ("delayed", "normal"), ("delayed", "stopped"),
                                        ("stopped", "delayed"), ("delayed", "normal")])
            vals = [P.cyc(name, "cf", ["default", "metadata", "zset_score"]), a, b]
        elif name == "bg_error":
            tid = rng.choice(FLUSH_TIDS + COMPACT_TIDS)
            status = P.cyc(name, "status", [
                "IO error: No space left on device: While appending to file: %s" % sst(st["fileno"] + 1),
                "Corruption: block checksum mismatch: stored = %d, computed = %d in %s offset %d size %d"
                % (rng.randint(10 ** 9, 4 * 10 ** 9), rng.randint(10 ** 9, 4 * 10 ** 9),
                   sst(st["fileno"] - rng.randint(10, 900)), rng.randrange(0, 64) * 4096, 4096 * rng.randint(1, 4)),
                "IO error: While fsync: a directory: Input/output error",
                "IO error: No space left on device: While appending to file: %s/%06d.log" % (DB, st["fileno"] + 2),
            ])
            vals = [P.cyc(name, "reason", ["Flush", "Compaction", "WriteCallback", "MemTable"]), status]
        elif name == "feed_start":
            tid = rng.choice(REPL_TIDS)
            vals = [P.cyc(name, "replica", REPLICAS), st["seq"] - rng.randint(0, 25_000)]
        elif name == "feed_stop":
            tid = rng.choice(REPL_TIDS)
            vals = [P.cyc(name, "replica", REPLICAS),
                    P.cyc(name, "reason", ["connection reset by peer", "replica closed the connection",
                                           "write to replica timed out", "WAL iterator is not valid anymore",
                                           "server is shutting down the replication link"])]
        elif name == "wal_gap":
            tid = rng.choice(REPL_TIDS)
            exp = st["seq"] - rng.randint(1000, 900_000)
            vals = [P.cyc(name, "replica", REPLICAS), exp, exp + rng.randint(2, 40_000)]
        elif name == "backup_start":
            tid = 12
            vals = []
        elif name == "backup_done":
            tid = 12
            vals = [human_bytes(int(loguni(rng, 6e8, 2.4e10))),
                    "%dms" % int(loguni(rng, 1500, 95000))]
        elif name == "idle_client":
            tid = rng.choice(WORKER_TIDS)
            st["client"] += rng.randint(3, 400)
            vals = [st["client"], "%s:%d" % (P.cyc(name, "ip", CLIENTS), rng.randint(32768, 60999)),
                    "%ds" % rng.randint(301, 7200)]
        else:
            raise KeyError(name)
        return e, e["lvl"], tid, e["src"], vals

    rows = []
    for t, name in sched:
        e, lvl, tid, src, vals = render(name)
        rows.append((glog_header(lvl, t, tid, src), fill(e["tpl"], vals), e["eid"]))
    return cat, rows


def ts_glog(header):
    m = re.match(r"[IWEF](\d{8}) (\d\d):(\d\d):(\d\d)\.(\d{6})", header)
    h, mi, s, us = int(m.group(2)), int(m.group(3)), int(m.group(4)), int(m.group(5))
    return ((h * 60 + mi) * 60 + s) * 1_000_000 + us


# ==========================================================================
# 2. Garnet (seeded shuffle) -- Microsoft.Extensions.Logging simple console
# ==========================================================================

def garnet_header(t, lvl, category):
    h, m, s, _ = hmsf(t)
    h12 = h % 12 or 12
    return "%02d::%02d::%02d %s: %s[0] " % (h12, m, s, lvl, category)


def gen_garnet(rng):
    cat = Catalog()
    ev = cat.add
    ev("tcp_accept", "Accepted TCP connection from <*>", lvl="dbug", cat_="GarnetServerTcp")
    ev("tcp_closed", "TCP connection from <*> closed after <*>", lvl="dbug", cat_="GarnetServerTcp")
    ev("ckpt_start", "Initiating checkpoint for <*> store, token <*>", lvl="info", cat_="StoreWrapper")
    ev("ckpt_done", "Completed checkpoint for <*> store in <*>, token <*>", lvl="info", cat_="StoreWrapper")
    ev("shift_begin", "Shifting begin address from <*> to <*>", lvl="info", cat_="TsavoriteKV")
    ev("aof_limit", "AOF size <*> exceeds configured limit, taking checkpoint", lvl="warn", cat_="StoreWrapper")
    ev("gossip_fail", "Gossip to node <*> at <*> failed: <*>", lvl="warn", cat_="ClusterProvider")
    ev("replica_attach", "Replica <*> attached at AOF address <*>", lvl="info", cat_="ReplicationManager")
    ev("replica_detach", "Replica <*> detached: <*>", lvl="info", cat_="ReplicationManager")
    ev("session_exc", "ProcessMessages threw an exception: <*>", lvl="fail", cat_="RespServerSession")
    ev("unknown_cmd", "Unknown RESP command '<*>' from <*>", lvl="warn", cat_="RespServerSession")
    ev("expired", "Expired key collection removed <*> records from <*> store in <*>", lvl="info", cat_="StoreWrapper")
    ev("index_grow", "Growing hash index from <*> to <*> buckets", lvl="info", cat_="TsavoriteKV")
    ev("lua_compiled", "Compiled Lua script <*> (<*> bytes)", lvl="info", cat_="LuaRunner")

    counts = [("tcp_accept", 70), ("tcp_closed", 62), ("expired", 26), ("ckpt_start", 24), ("ckpt_done", 22),
              ("gossip_fail", 20), ("unknown_cmd", 18), ("shift_begin", 14), ("aof_limit", 12),
              ("replica_attach", 9), ("replica_detach", 8), ("lua_compiled", 6), ("session_exc", 5),
              ("index_grow", 4)]
    P = Pools(rng)
    t0 = at(9, 12, 40) + rng.randrange(NS)
    sched = shuffle_schedule(rng, counts, t0, 3.8)

    subnets = ["10.8.%d." % rng.randint(0, 40) for _ in range(3)]
    clients = [rng.choice(subnets) + str(rng.randint(2, 254)) for _ in range(14)]
    nodes = [hexstr(rng, 40) for _ in range(5)]
    node_eps = ["10.8.100.%d:7000" % (11 + i) for i in range(5)]
    st = dict(begin={"main": 64 * 1024 * rng.randint(2000, 9000), "obj": 64 * 1024 * rng.randint(200, 900)},
              aof=rng.randint(10 ** 9, 3 * 10 ** 9), idx={"main": 1 << 24, "obj": 1 << 20})

    def ep():
        return "%s:%d" % (rng.choice(clients), rng.randint(49152, 65535))

    def render(name):
        e = cat[name]
        category = e["cat_"]
        if name == "tcp_accept":
            vals = [ep()]
        elif name == "tcp_closed":
            vals = [ep(), timespan(int(loguni(rng, 0.002, 900.0) * NS))]
        elif name == "ckpt_start":
            vals = [P.cyc(name, "store", ["main", "object"]), uuid4(rng)]
        elif name == "ckpt_done":
            vals = [P.cyc(name, "store", ["main", "object"]), "%dms" % int(loguni(rng, 40, 9000)), uuid4(rng)]
        elif name == "shift_begin":
            store = P.cyc(name, "store", ["main", "obj", "main"])
            category = "TsavoriteKV [%s]" % store
            old = st["begin"][store]
            new = old + 64 * 1024 * rng.randint(50, 4000)
            st["begin"][store] = new
            vals = [old, new]
        elif name == "aof_limit":
            st["aof"] += rng.randint(10 ** 7, 4 * 10 ** 8)
            vals = [st["aof"]]
        elif name == "gossip_fail":
            i = P.cyc(name, "node", [0, 1, 2, 3, 4])
            vals = [nodes[i], node_eps[i],
                    P.cyc(name, "err", ["Connection refused", "The operation has timed out.",
                                        "Unable to read data from the transport connection: Connection reset by peer.",
                                        "No route to host"])]
        elif name == "replica_attach":
            st["aof"] += rng.randint(10 ** 5, 10 ** 8)
            vals = [P.cyc(name, "node", nodes[1:4]), st["aof"]]
        elif name == "replica_detach":
            vals = [P.cyc(name, "node", nodes[1:4]),
                    P.cyc(name, "why", ["connection lost while streaming AOF",
                                        "replica requested full sync after AOF truncation",
                                        "replication timeout of 60s exceeded", "node was removed by CLUSTER FORGET"])]
        elif name == "session_exc":
            vals = [P.cyc(name, "exc", [
                "System.IO.IOException: Unable to write data to the transport connection: Broken pipe.",
                "System.ObjectDisposedException: Cannot access a disposed object. Object name: 'System.Net.Sockets.Socket'.",
                "Garnet.common.GarnetException: Client exceeded the maximum output buffer of 64 MB",
                "System.Net.Sockets.SocketException (104): Connection reset by peer"])]
        elif name == "unknown_cmd":
            vals = [P.cyc(name, "cmd", ["HELLOX", "FT.SEARCH", "JSON.GETT", "CLIENT TRACKINGINFO", "MODULE",
                                        "XAUTOCLAIM", "OBJECT FREQ"]), ep()]
        elif name == "expired":
            vals = [rng.randint(0, 48_000), P.cyc(name, "store", ["main", "object", "main"]),
                    "%dms" % int(loguni(rng, 2, 2400))]
        elif name == "index_grow":
            store = P.cyc(name, "store", ["main", "obj"])
            category = "TsavoriteKV [%s]" % store
            old = st["idx"][store]
            st["idx"][store] = old * 2
            vals = [old, old * 2]
        elif name == "lua_compiled":
            vals = [hexstr(rng, 40), rng.randint(120, 9800)]
        else:
            raise KeyError(name)
        return e, category, vals

    rows = []
    for t, name in sched:
        e, category, vals = render(name)
        rows.append((garnet_header(t, e["lvl"], category), fill(e["tpl"], vals), e["eid"]))
    return cat, rows


def ts_garnet(header):
    m = re.match(r"(\d\d)::(\d\d)::(\d\d) ", header)
    return (int(m.group(1)) * 60 + int(m.group(2))) * 60 + int(m.group(3))


# ==========================================================================
# 3. FerretDb (simulation of client connections) -- zap console encoder
# ==========================================================================

def ferret_header(t, lvl, logger, caller):
    h, m, s, f = hmsf(t)
    ts = "%sT%02d:%02d:%02d.%03dZ" % (DATE_DASH, h, m, s, f // MS)
    if logger:
        return "%s\t%s\t%s\t%s\t" % (ts, lvl, logger, caller)
    return "%s\t%s\t%s\t" % (ts, lvl, caller)


def gen_ferretdb(rng):
    LOCAL = "10.0.1.5:27017"
    cat = Catalog()
    ev = cat.add
    ev("conn_started", 'Connection started\t{"conn": "<*> -> %s"}' % LOCAL,
       lvl="INFO", caller="clientconn/listener.go:197")
    ev("conn_stopped", 'Connection stopped\t{"conn": "<*> -> %s", "active": <*>}' % LOCAL,
       lvl="INFO", caller="clientconn/listener.go:214")
    ev("meta_app", 'Client metadata\t{"driver": "<*>", "driver_version": "<*>", "os": "<*>", "app": "<*>"}',
       lvl="DEBUG", caller="handler/msg_hello.go:88")
    ev("meta", 'Client metadata\t{"driver": "<*>", "driver_version": "<*>", "os": "<*>"}',
       lvl="DEBUG", caller="handler/msg_hello.go:88")
    ev("auth_ok", 'Authentication succeeded\t{"user": "<*>", "mechanism": "<*>"}',
       lvl="INFO", caller="handler/msg_saslcontinue.go:121")
    ev("auth_fail", 'Authentication failed\t{"user": "<*>", "mechanism": "<*>", "error": "<*>"}',
       lvl="WARN", caller="handler/msg_saslcontinue.go:109")
    ev("cmd_ok", 'Command handled\t{"command": "<*>", "db": "<*>", "collection": "<*>", "duration": "<*>"}',
       lvl="DEBUG", caller="clientconn/conn.go:563")
    ev("cmd_fail", 'Command failed\t{"command": "<*>", "db": "<*>", "code": <*>, "codeName": "<*>", "error": "<*>"}',
       lvl="WARN", caller="clientconn/conn.go:541")
    ev("cmd_slow", 'Slow command\t{"command": "<*>", "db": "<*>", "collection": "<*>", "duration": "<*>"}',
       lvl="INFO", caller="clientconn/conn.go:571")
    ev("cursor_new", 'Cursor created\t{"cursor_id": <*>, "db": "<*>", "collection": "<*>"}',
       lvl="DEBUG", caller="clientconn/cursor/registry.go:131")
    ev("cursor_del", 'Cursor deleted\t{"cursor_id": <*>, "reason": "<*>"}',
       lvl="DEBUG", caller="clientconn/cursor/registry.go:168")
    ev("telemetry_fail", 'Failed to send telemetry report\t{"error": "<*>"}',
       lvl="WARN", caller="telemetry/reporter.go:159")
    ev("pool_stats", 'PostgreSQL pool stats\t{"total": <*>, "idle": <*>, "acquired": <*>}',
       lvl="INFO", caller="backends/postgresql/metadata/pool/pool.go:142")
    ev("conn_error", 'Connection closed with error\t{"error": "<*>"}',
       lvl="ERROR", caller="clientconn/conn.go:274")

    P = Pools(rng)
    sim = Sim()
    t0 = at(10, 15, 3) + rng.randrange(NS)
    horizon = t0 + 45 * 60 * NS

    nets = ["10.0.4.", "10.0.6.", "172.18.0.", "10.0.4."]
    hosts = [rng.choice(nets) + str(rng.randint(2, 250)) for _ in range(12)]
    drivers = [("nodejs", "6.3.0"), ("PyMongo", "4.6.1"), ("mongo-go-driver", "v1.13.1"),
               ("mongo-java-driver|sync", "4.11.1"), ("nodejs|Mongoose", "6.5.0"), ("PyMongo", "4.8.0")]
    oses = ["linux", "darwin", "linux", "windows", "linux"]
    apps = ["orders-api", "mongosh 2.1.5", "reporting-worker", "MongoDB Compass", "inventory-sync"]
    users = ["app_orders", "svc-reporting", "grafana", "etl_loader", "alice.kim", "admin"]
    mechs = ["SCRAM-SHA-256", "SCRAM-SHA-1", "SCRAM-SHA-256", "PLAIN"]
    dbs = {"shop": ["orders", "customers", "carts", "products"],
           "metrics": ["events", "daily_rollup"],
           "inventory": ["stock", "warehouses", "movements"],
           "test": ["foo", "bar"]}
    db_names = ["shop", "shop", "metrics", "inventory", "shop", "test", "inventory"]
    commands = ["find", "find", "find", "insert", "update", "aggregate", "find", "getMore", "delete",
                "count", "findAndModify", "insert", "update", "distinct", "createIndexes", "aggregate"]
    failures = [("2", "BadValue", "unknown operator: $regexMatch"),
                ("26", "NamespaceNotFound", "ns does not exist"),
                ("11000", "DuplicateKey", "E11000 duplicate key error collection: shop.orders index: _id_"),
                ("50", "MaxTimeMSExpired", "operation exceeded time limit"),
                ("13", "Unauthorized", "command createIndexes requires authentication"),
                ("9", "FailedToParse", "unknown top level operator: $where")]
    cursor_reasons = ["exhausted", "killCursors", "timeout", "exhausted"]

    ENT = [0]

    def new_ent():
        ENT[0] += 1
        return ENT[0]

    # Client connections -------------------------------------------------
    t = t0
    cursor_id = [rng.randint(10 ** 9, 5 * 10 ** 9)]
    while True:
        t += exp_ns(rng, 38.0)
        if t > horizon:
            break
        ent = new_ent()
        remote = "%s:%d" % (rng.choice(hosts), rng.randint(32768, 60999))
        logger = "// %s -> %s " % (remote, LOCAL)
        E = cat.by_name
        sim.emit(t, ent, E["conn_started"], [remote], logger="listener")
        c = t + uni_ns(rng, 0.0008, 0.012)
        drv, ver = P.cyc("meta", "driver", drivers)
        if rng.random() < 0.6:
            sim.emit(c, ent, E["meta_app"], [drv, ver, P.cyc("meta_app", "os", oses), P.cyc("meta_app", "app", apps)],
                     logger=logger)
        else:
            sim.emit(c, ent, E["meta"], [drv, ver, P.cyc("meta", "os", oses)], logger=logger)
        c += uni_ns(rng, 0.002, 0.04)
        user = rng.choice(users)
        if rng.random() < 0.13:
            sim.emit(c, ent, E["auth_fail"], [user, P.cyc("auth_fail", "mech", mechs),
                                             P.cyc("auth_fail", "err", [
                                                 "Authentication failed.", "SCRAM: stored key mismatch",
                                                 "user not found", "mechanism not supported for this user"])],
                     logger=logger)
            c += uni_ns(rng, 0.001, 0.006)
            sim.emit(c, ent, E["conn_stopped"], [remote, "ACTIVE"], logger="listener")
            continue
        sim.emit(c, ent, E["auth_ok"], [user, P.cyc("auth_ok", "mech", mechs)], logger=logger)
        ncmd = 1
        while rng.random() < 0.83 and ncmd < 40:
            ncmd += 1
        open_cursors = []
        for _ in range(ncmd):
            c += exp_ns(rng, 7.0)
            cmd = rng.choice(commands)
            db = rng.choice(db_names)
            coll = rng.choice(dbs[db])
            r = rng.random()
            if r < 0.07:
                code, name, err = P.cyc("cmd_fail", "fail", failures)
                sim.emit(c, ent, E["cmd_fail"], [cmd, db, code, name, err], logger=logger)
                continue
            if r < 0.14:
                dur = int(loguni(rng, 0.11, 7.5) * NS)
                sim.emit(c + dur, ent, E["cmd_slow"], [cmd, db, coll, go_duration(dur)], logger=logger)
                c += dur
            else:
                dur = int(loguni(rng, 90e-6, 0.09) * NS)
                sim.emit(c + dur, ent, E["cmd_ok"], [cmd, db, coll, go_duration(dur)], logger=logger)
                c += dur
            if cmd in ("find", "aggregate") and rng.random() < 0.3:
                cursor_id[0] += rng.randint(1, 10 ** 6)
                sim.emit(c + US * rng.randint(20, 400), ent, E["cursor_new"], [cursor_id[0], db, coll],
                         logger=logger)
                open_cursors.append((c + uni_ns(rng, 0.3, 25.0), cursor_id[0]))
        end = c + exp_ns(rng, 2.5)
        for (tc, cid) in open_cursors:
            if tc < end:
                sim.emit(tc, ent, E["cursor_del"], [cid, P.cyc("cursor_del", "reason", cursor_reasons)],
                         logger=logger)
            else:
                sim.emit(end - US * rng.randint(50, 400), ent, E["cursor_del"], [cid, "connection closed"],
                         logger=logger)
        if rng.random() < 0.18:
            sim.emit(end, ent, E["conn_error"], [P.cyc("conn_error", "err", [
                "read tcp %s->%s: read: connection reset by peer" % (LOCAL, remote),
                "write tcp %s->%s: write: broken pipe" % (LOCAL, remote),
                "read tcp %s->%s: i/o timeout" % (LOCAL, remote),
                "unexpected EOF"])], logger=logger)
            end += US * rng.randint(100, 900)
        sim.emit(end, ent, E["conn_stopped"], [remote, "ACTIVE"], logger="listener")

    # Background: pool stats and telemetry --------------------------------
    ent = new_ent()
    t = t0 + uni_ns(rng, 2, 40)
    total = 12
    while t < horizon:
        total = max(4, min(40, total + rng.randint(-3, 4)))
        idle = rng.randint(0, total)
        sim.emit(t, ent, cat["pool_stats"], [total, idle, total - idle], logger="")
        t += uni_ns(rng, 50, 70)
    ent = new_ent()
    t = t0 + uni_ns(rng, 30, 120)
    while t < horizon:
        sim.emit(t, ent, cat["telemetry_fail"], [P.cyc("telemetry_fail", "err", [
            "context deadline exceeded",
            "dial tcp 203.0.113.40:443: i/o timeout",
            "unexpected HTTP status code 503",
            "dial tcp: lookup beacon.ferretdb.io on 10.0.0.2:53: no such host"])], logger="telemetry")
        t += uni_ns(rng, 150, 280)

    rows = []
    active = rng.randint(4, 9)
    for (t, ent, _seq, e, vals, hdr) in sim.merged(N_LINES):
        if e["name"] == "conn_started":
            active += 1
        vals = list(vals)
        if e["name"] == "conn_stopped":
            active -= 1
            vals[1] = active
        rows.append((ferret_header(t, e["lvl"], hdr["logger"], e["caller"]), fill(e["tpl"], vals), e["eid"]))
    return cat, rows


def ts_ferret(header):
    m = re.match(r"\d{4}-\d\d-\d\dT(\d\d):(\d\d):(\d\d)\.(\d{3})Z", header)
    return ((int(m.group(1)) * 60 + int(m.group(2))) * 60 + int(m.group(3))) * 1000 + int(m.group(4))


# ==========================================================================
# 4. ApacheDoris (simulation of loads, queries, compactions) -- fe.log + be.INFO
# ==========================================================================

def doris_fe_header(t, lvl, thread, tid, where):
    h, m, s, f = hmsf(t)
    return "%s %02d:%02d:%02d,%03d %s (%s|%d) [%s] " % (DATE_DASH, h, m, s, f // MS, lvl, thread, tid, where)


def gen_doris(rng):
    cat = Catalog()
    ev = cat.add
    ev("be_income", "new income streaming load request. id=<*>, job_id=-1, txn_id=-1, label=<*>, db=<*>, tbl=<*>",
       side="BE", lvl="I", src="stream_load.cpp:312")
    ev("fe_begin", "begin transaction: txn id <*> with label <*> from coordinator BE: <*>, listener id: -1",
       side="FE", lvl="INFO", where="DatabaseTransactionMgr.beginTransaction():412")
    ev("be_load_done", "finished to execute stream load. label=<*>, txn_id=<*>, query_id=<*>, load_cost_ms=<*>, "
       "receive_data_cost_ms=<*>, read_data_cost_ms=<*>, write_data_cost_ms=<*>",
       side="BE", lvl="I", src="stream_load.cpp:146")
    ev("be_load_fail", "fail to execute stream load. label=<*>, txn_id=<*>, status=[<*>]",
       side="BE", lvl="W", src="stream_load.cpp:133")
    ev("fe_commit", "transaction:[TransactionState. txn id: <*>, label: <*>, db id: <*>, table id list: <*>, "
       "coordinator: BE: <*>, transaction status: COMMITTED, error replicas num: <*>] successfully committed",
       side="FE", lvl="INFO", where="DatabaseTransactionMgr.commitTransaction():871")
    ev("fe_abort", "abort transaction <*> with label <*>, reason: <*>",
       side="FE", lvl="INFO", where="DatabaseTransactionMgr.abortTransaction():1533")
    ev("be_publish", "publish version successfully on tablet. table_id=<*>, tablet=<*>, transaction_id=<*>, "
       "version=<*>, num_rows=<*>, res=[OK]", side="BE", lvl="I", src="engine_publish_version_task.cpp:287")
    ev("fe_finish", "finish transaction <*> successfully, publish result: <*>",
       side="FE", lvl="INFO", where="DatabaseTransactionMgr.finishTransaction():1206")
    ev("be_mem_reg", "Register query/load memory tracker, query/load id: <*> limit: <*>",
       side="BE", lvl="I", src="query_context.cpp:96")
    ev("be_mem_dereg", "Deregister query/load memory tracker, queryId=<*>, Limit=<*>, CurrUsed=<*>, PeakUsed=<*>",
       side="BE", lvl="I", src="query_context.cpp:118")
    ev("fe_cancel", "cancel query [<*>], reason: <*>",
       side="FE", lvl="WARN", where="Coordinator.cancel():1298")
    ev("fe_tablet_check", "finished to check tablets. unhealth/total/added/in_sched/not_ready: <*>/<*>/<*>/<*>/<*>, cost: <*>.",
       side="FE", lvl="INFO", where="TabletChecker.checkTablets():247")
    ev("be_cumu", "succeed to do cumulative compaction. tablet=<*>, output_version=[<*>-<*>], current_max_version=<*>, "
       "disk=<*>, segments=<*>, input_row_num=<*>, output_row_num=<*>, time_us=<*>",
       side="BE", lvl="I", src="compaction.cpp:403")
    ev("be_base", "succeed to do base compaction. tablet=<*>, output_version=[0-<*>], current_max_version=<*>, "
       "disk=<*>, segments=<*>, input_row_num=<*>, output_row_num=<*>, time_us=<*>",
       side="BE", lvl="I", src="compaction.cpp:403")
    ev("fe_hb_fail", "backend[<*>] got exception: <*>",
       side="FE", lvl="WARN", where="HeartbeatMgr$BackendHeartbeatHandler.call():318")

    P = Pools(rng)
    sim = Sim()
    t0 = at(11, 2, 0) + rng.randrange(NS)
    horizon = t0 + 45 * 60 * NS

    bes = [("10021", "172.21.0.11"), ("10022", "172.21.0.12"), ("10023", "172.21.0.13")]
    thrift = [("thrift-server-pool-%d" % n, 150 + n * 2 + rng.randrange(2)) for n in rng.sample(range(2, 60), 8)]
    mysql_threads = [("mysql-nio-pool-%d" % n, 300 + n * 3 + rng.randrange(3)) for n in rng.sample(range(0, 40), 5)]
    be_http_tids = [rng.randint(40000, 49999) for _ in range(6)]
    be_pub_tids = [rng.randint(50000, 59999) for _ in range(4)]
    be_frag_tids = [rng.randint(60000, 69999) for _ in range(8)]
    be_comp_tids = [rng.randint(70000, 79999) for _ in range(4)]
    disks = ["/data1/doris/storage", "/data2/doris/storage", "/data3/doris/storage"]
    tables = []  # (db, db_id, tbl, tbl_id, schema_hash, tablets)
    spec = [("ods", 10002, "user_events"), ("ods", 10002, "page_views"), ("dw_sales", 10010, "orders"),
            ("dw_sales", 10010, "order_items"), ("example_db", 10031, "inventory_snapshot")]
    tid_base = 10040
    for db, db_id, tbl in spec:
        tid_base += rng.randint(5, 40)
        tbl_id = tid_base
        tablets = [tbl_id + 2 + i for i in range(rng.choice([8, 10, 16]))]
        tid_base = tablets[-1] + 1
        tables.append((db, db_id, tbl, tbl_id, rng.randint(10 ** 8, 2 * 10 ** 9), tablets))
    version = {}
    uid = {}
    for tb in tables:
        for tab in tb[5]:
            version[tab] = rng.randint(120, 4200)
            uid[tab] = hexstr(rng, 32)
    tablet_owner = {}
    for tb in tables:
        for tab in tb[5]:
            tablet_owner[tab] = tb

    def qid():
        return "%s-%s" % (hexstr(rng, 16), hexstr(rng, 16))

    ENT = [0]

    def new_ent():
        ENT[0] += 1
        return ENT[0]

    def emit(t, ent, name, vals, **hdr):
        sim.emit(t, ent, cat[name], vals, **hdr)

    # Stream loads --------------------------------------------------------
    txn = [rng.randint(420_000, 460_000)]
    t = t0
    while True:
        t += exp_ns(rng, 45.0)
        if t > horizon:
            break
        ent = new_ent()
        db, db_id, tbl, tbl_id, _sh, tablets = rng.choice(tables)
        be_id, be_ip = rng.choice(bes)
        style = P.cyc("label", "style", [0, 1, 2, 1])
        h, m, s, _ = hmsf(t)
        if style == 0:
            label = "flink_%s_%s_%02d%02d%02d_%d" % (db, tbl, h, m, s, rng.randint(0, 3))
        elif style == 1:
            label = uuid4(rng)
        else:
            label = "label_%s_%d" % (tbl, EPOCH_MS_DAY + t // MS)
        lid = qid()
        htid = rng.choice(be_http_tids)
        emit(t, ent, "be_income", [lid, label, db, tbl], tid=htid)
        c = t + uni_ns(rng, 0.003, 0.02)
        txn[0] += rng.randint(1, 9)
        my_txn = txn[0]
        th, thid = rng.choice(thrift)
        emit(c, ent, "fe_begin", [my_txn, label, be_ip], thread=th, tid=thid)
        cost = int(loguni(rng, 0.15, 9.0) * NS)
        c += cost
        if rng.random() < 0.18:
            emit(c, ent, "be_load_fail", [label, my_txn, P.cyc("be_load_fail", "st", [
                "DATA_QUALITY_ERROR: too many filtered rows",
                "INTERNAL_ERROR: cancelled: [CANCELLED]load memory limit exceeded",
                "TIMEOUT: stream load pipe read timeout after 600s",
                "INVALID_ARGUMENT: column count mismatch, expect=14 real=13"])], tid=htid)
            c += uni_ns(rng, 0.002, 0.015)
            th, thid = rng.choice(thrift)
            emit(c, ent, "fe_abort", [my_txn, label, P.cyc("fe_abort", "why", [
                "too many filtered rows", "load memory limit exceeded", "stream load pipe read timeout",
                "column count mismatch"])], thread=th, tid=thid)
            continue
        ms_total = cost // MS
        recv = int(ms_total * rng.uniform(0.4, 0.8))
        read = int(ms_total * rng.uniform(0.05, 0.2))
        write = int(ms_total * rng.uniform(0.05, 0.3))
        emit(c, ent, "be_load_done", [label, my_txn, qid(), ms_total, recv, read, write], tid=htid)
        c += uni_ns(rng, 0.004, 0.03)
        th, thid = rng.choice(thrift)
        emit(c, ent, "fe_commit", [my_txn, label, db_id, tbl_id, be_ip,
                                   P.cyc("fe_commit", "err", [0, 0, 0, 0, 0, 1, 0, 0])], thread=th, tid=thid)
        k = rng.randint(1, min(4, len(tablets)))
        last = c
        for tab in rng.sample(tablets, k):
            pt = c + uni_ns(rng, 0.02, 0.6)
            last = max(last, pt)
            version[tab] += 1
            emit(pt, ent, "be_publish", [tbl_id, tab, my_txn, version[tab], rng.randint(40, 250_000)],
                 tid=rng.choice(be_pub_tids))
        fin = last + uni_ns(rng, 0.005, 0.08)
        emit(fin, ent, "fe_finish", [my_txn, P.cyc("fe_finish", "res", ["SUCCESS", "SUCCESS", "SUCCESS", "QUORUM_SUCC"])],
             thread="PUBLISH_VERSION", tid=41)

    # Queries -------------------------------------------------------------
    t = t0
    while True:
        t += exp_ns(rng, 20.0)
        if t > horizon:
            break
        ent = new_ent()
        q = qid()
        limit = P.cyc("be_mem_reg", "limit", ["2.00 GB", "8.00 GB", "2.00 GB", "4.00 GB"])
        ftid = rng.choice(be_frag_tids)
        emit(t, ent, "be_mem_reg", [q, limit], tid=ftid)
        c = t + int(loguni(rng, 0.01, 20.0) * NS)
        if rng.random() < 0.1:
            th, thid = rng.choice(mysql_threads)
            emit(c, ent, "fe_cancel", [q, P.cyc("fe_cancel", "why", [
                "query timeout", "cancelled by user", "MEM_LIMIT_EXCEEDED: process memory used 59.81 GB exceed limit",
                "backend 10022 is down"])], thread=th, tid=thid)
            c += uni_ns(rng, 0.001, 0.05)
        emit(c, ent, "be_mem_dereg", [q, limit, P.cyc("be_mem_dereg", "cur", ["0", "0", "0", "0", "256.00 KB", "0"]),
                                      human_bytes(int(loguni(rng, 2e4, 6e9)))], tid=ftid)

    # Tablet checker ------------------------------------------------------
    ent = new_ent()
    t = t0 + uni_ns(rng, 1, 20)
    total = sum(len(tb[5]) for tb in tables) * 3 + 4120
    while t < horizon:
        uh = P.cyc("tc", "unh", [0, 0, 0, 2, 0, 1, 0, 0, 3])
        added = P.cyc("tc", "added", [0, 0, 0, 1, 0, 0, 2])
        insch = P.cyc("tc", "insch", [0, 0, 1, 0, 0, 0, 0, 2])
        nr = P.cyc("tc", "nr", [0, 0, 0, 0, 1, 0])
        total += rng.choice([0, 0, 0, 3, -3, 16])
        emit(t, ent, "fe_tablet_check", [uh, total, added, insch, nr, "%d ms" % rng.randint(2, 60)],
             thread="tablet checker", tid=38)
        t += uni_ns(rng, 19.9, 20.3)

    # Compactions ---------------------------------------------------------
    all_tablets = [tab for tb in tables for tab in tb[5]]
    for kind, mean in (("be_cumu", 30.0), ("be_base", 110.0)):
        t = t0 + (0 if kind == "be_cumu" else uni_ns(rng, 30, 90))
        while True:
            t += exp_ns(rng, mean)
            if t > horizon:
                break
            ent = new_ent()
            tab = rng.choice(all_tablets)
            tb = tablet_owner[tab]
            tstr = "%d.%d.%s" % (tab, tb[4], uid[tab])
            v = version[tab]
            rows_in = rng.randint(1000, 9_000_000) if kind == "be_base" else rng.randint(20, 600_000)
            rows_out = rows_in - rng.randint(0, rows_in // 20)
            if kind == "be_cumu":
                lo = max(2, v - rng.randint(2, 30))
                vals = [tstr, lo, v, v, rng.choice(disks), rng.randint(1, 4), rows_in, rows_out,
                        int(loguni(rng, 4e3, 3e6))]
            else:
                lo = max(2, v - rng.randint(30, 300))
                vals = [tstr, lo, v, rng.choice(disks), rng.randint(1, 12), rows_in, rows_out,
                        int(loguni(rng, 5e5, 9e7))]
            emit(t, ent, kind, vals, tid=rng.choice(be_comp_tids))

    # Heartbeat failures -------------------------------------------------
    ent = new_ent()
    t = t0 + uni_ns(rng, 60, 180)
    while t < horizon:
        be_id, be_ip = P.cyc("hb", "be", bes)
        emit(t, ent, "fe_hb_fail", [be_id, P.cyc("fe_hb_fail", "exc", [
            "org.apache.thrift.transport.TTransportException: java.net.SocketTimeoutException: Read timed out",
            "org.apache.thrift.transport.TTransportException: java.net.ConnectException: Connection refused",
            "java.net.NoRouteToHostException: No route to host"])], thread="heartbeat mgr", tid=29)
        t += uni_ns(rng, 120, 260)

    rows = []
    for (t, ent, _seq, e, vals, hdr) in sim.merged(N_LINES):
        if e["side"] == "FE":
            header = doris_fe_header(t, e["lvl"], hdr["thread"], hdr["tid"], e["where"])
        else:
            header = glog_header(e["lvl"], t, hdr["tid"], e["src"])
        rows.append((header, fill(e["tpl"], vals), e["eid"]))
    return cat, rows


def ts_doris(header):
    m = re.match(r"\d{4}-\d\d-\d\d (\d\d):(\d\d):(\d\d),(\d{3}) ", header)
    if m:
        return ((int(m.group(1)) * 60 + int(m.group(2))) * 60 + int(m.group(3))) * 1000 + int(m.group(4))
    return ts_glog(header) // 1000  # compare FE and BE at millisecond resolution


# ==========================================================================
# 5. GreptimeDb (seeded shuffle) -- tracing-subscriber full format
# ==========================================================================

def greptime_header(t, lvl, target, span=None):
    h, m, s, f = hmsf(t)
    ts = "%sT%02d:%02d:%02d.%06dZ" % (DATE_DASH, h, m, s, f // US)
    sp = (span + ": ") if span else ""
    return "%s %5s %s%s: " % (ts, lvl, sp, target)


def gen_greptime(rng):
    cat = Catalog()
    ev = cat.add
    ev("flushed", "Successfully flushed memtables, region: <*>, reason: <*>, files: [<*>], cost: <*>",
       lvl="INFO", target="mito2::flush")
    ev("compacted", "Compacted SST files, region: <*>, input: [<*>], output: [<*>], window: <*>, cost: <*>",
       lvl="INFO", target="mito2::compaction::task")
    ev("sst_deleted", "Successfully deleted SST file, file_id: <*>, region: <*>",
       lvl="INFO", target="mito2::sst::file_purger")
    ev("region_opened", "Region <*> is opened", lvl="INFO", target="mito2::worker::handle_open")
    ev("region_closed", "Region <*> is closed", lvl="INFO", target="mito2::worker::handle_close")
    ev("proc_done", "Procedure <*> done", lvl="INFO", target="common_procedure::local::runner")
    ev("proc_failed", "Procedure <*> failed, error: <*>", lvl="ERROR", target="common_procedure::local::runner")
    ev("table_created", "Successfully created table '<*>' with table id <*>", lvl="INFO",
       target="operator::statement::ddl")
    ev("query_failed", "Failed to execute query: <*>, error: <*>", lvl="WARN", target="servers::mysql::handler")
    ev("slow_query", "Slow query detected, cost: <*>, threshold: 5s, query: <*>", lvl="WARN",
       target="query::slow_query_recorder")
    ev("lease", "Renewed region leases, regions: <*>, until: <*>", lvl="INFO", target="datanode::alive_keeper")
    ev("grpc_error", "Failed to handle request, error: <*>", lvl="ERROR", target="servers::grpc::greptime_handler")
    ev("remote_write", "Remote write request handled, samples: <*>, series: <*>, cost: <*>", lvl="DEBUG",
       target="servers::http::prom_store")
    ev("replay", "Replay memtable for region: <*>, rows recovered: <*>, last entry id: <*>", lvl="INFO",
       target="mito2::region::opener")

    counts = [("flushed", 56), ("lease", 48), ("sst_deleted", 44), ("compacted", 26), ("remote_write", 22),
              ("slow_query", 20), ("proc_done", 18), ("query_failed", 16), ("region_opened", 14),
              ("region_closed", 12), ("table_created", 9), ("replay", 6), ("proc_failed", 5), ("grpc_error", 4)]
    P = Pools(rng)
    t0 = at(13, 5, 9) + rng.randrange(NS)
    sched = shuffle_schedule(rng, counts, t0, 4.2)

    tables = ["cpu_metrics", "http_requests_total", "node_memory_bytes", "app_logs", "k8s_pod_status",
              "sensor_readings", "orders_ts", "jvm_gc_pause"]
    table_ids = {}
    nid = 1024 + rng.randrange(20)
    for tb in tables:
        table_ids[tb] = nid
        nid += rng.randint(1, 6)
    st = dict(next_table=nid + 3, entry=rng.randint(120_000, 900_000))

    def region(tb=None):
        tb = tb or rng.choice(tables)
        tid = table_ids[tb]
        num = rng.randint(0, 3)
        return "%d(%d, %d)" % ((tid << 32) | num, tid, num)

    def secs(lo, hi):
        return trim(loguni(rng, lo, hi), 3) + "s"

    queries = ["SELECT host, avg(usage_user) FROM cpu_metrics WHERE ts > now() - interval '1 hour' GROUP BY host",
               "SELECT * FROM app_logs WHERE message LIKE '%timeout%' ORDER BY ts DESC LIMIT 100",
               "SELECT count(*) FROM http_requests_total WHERE status_code >= 500",
               "INSERT INTO sensor_readings(device_id, ts, temp) VALUES ('d-17', 1773493500000, 21.4)",
               "SELECT date_bin(INTERVAL '5 minutes', ts) AS w, max(value) FROM node_memory_bytes GROUP BY w",
               "DESC TABLE k8s_pod_status"]
    q_errors = ["Table not found: greptime.public.orders_ts_v2",
                "Failed to plan SQL: Schema error: No field named usage_sys",
                "Invalid SQL, error: sql parser error: Expected an expression, found: FROM",
                "Query has been cancelled"]

    def render(name, t):
        e = cat[name]
        span = None
        if name == "flushed":
            r = region()
            files = ", ".join(uuid4(rng) for _ in range(rng.choice([1, 1, 1, 2])))
            vals = [r, P.cyc(name, "reason", ["EngineFull", "Periodically", "RegionFull", "Manual", "EngineFull",
                                              "Alter"]), files, secs(0.02, 4.0)]
            if rng.random() < 0.4:
                span = "flush_region{region_id=%s}" % r
        elif name == "compacted":
            vals = [region(), ", ".join(uuid4(rng) for _ in range(rng.randint(2, 5))), uuid4(rng),
                    P.cyc(name, "window", ["3600", "7200", "86400", "3600"]), secs(0.1, 30.0)]
        elif name == "sst_deleted":
            vals = [uuid4(rng), region()]
        elif name in ("region_opened", "region_closed"):
            vals = [region()]
        elif name == "proc_done":
            vals = ["%s-%s" % (P.cyc(name, "kind", ["CreateTable", "AlterTable", "DropTable", "RegionMigration",
                                                    "CreateTable"]), uuid4(rng))]
        elif name == "proc_failed":
            vals = ["%s-%s" % (P.cyc(name, "kind", ["AlterTable", "RegionMigration", "DropTable"]), uuid4(rng)),
                    P.cyc(name, "err", ["Failed to invoke datanode 2, source: status: Unavailable, message: "
                                        "\"error trying to connect: tcp connect error: Connection refused\"",
                                        "Table not found: greptime.public.jvm_gc_pause",
                                        "Region 4402341478400(1025, 0) is not leader",
                                        "Timeout while waiting for region migration, elapsed: 60.001s"])]
        elif name == "table_created":
            tb = P.cyc(name, "tb", ["greptime.public.%s" % x for x in
                                    ["edge_latency", "pipeline_runs", "billing_events", "dns_queries", "audit_trail"]])
            st["next_table"] += rng.randint(1, 4)
            vals = [tb, st["next_table"]]
        elif name == "query_failed":
            vals = [P.cyc(name, "q", queries), P.cyc(name, "err", q_errors)]
        elif name == "slow_query":
            vals = [secs(5.01, 48.0), P.cyc(name, "q", queries)]
        elif name == "lease":
            n = rng.randint(12, 40)
            until = t + int(rng.uniform(18, 22) * NS)
            h, m, s, f = hmsf(until)
            vals = [n, "%sT%02d:%02d:%02d.%03dZ" % (DATE_DASH, h, m, s, f // MS)]
        elif name == "grpc_error":
            vals = [P.cyc(name, "err", ["Region 4398046511106(1024, 2) not found",
                                        "Invalid request: column ts not found in schema",
                                        "Region 4406636445697(1026, 1) is read only",
                                        "Memory limit exceeded: requested 67108864 bytes"])]
        elif name == "remote_write":
            series = rng.randint(40, 9000)
            vals = [series * rng.randint(1, 12), series, secs(0.002, 0.8)]
            if rng.random() < 0.5:
                span = 'http_request{method="POST" uri="/v1/prometheus/write?db=%s"}' % P.cyc(
                    "remote_write", "db", ["public", "k8s", "public", "edge"])
        elif name == "replay":
            st["entry"] += rng.randint(500, 80_000)
            vals = [region(), rng.randint(0, 250_000), st["entry"]]
        else:
            raise KeyError(name)
        return e, span, vals

    rows = []
    for t, name in sched:
        e, span, vals = render(name, t)
        rows.append((greptime_header(t, e["lvl"], e["target"], span), fill(e["tpl"], vals), e["eid"]))
    return cat, rows


def ts_greptime(header):
    m = re.match(r"\d{4}-\d\d-\d\dT(\d\d):(\d\d):(\d\d)\.(\d{6})Z", header)
    return ((int(m.group(1)) * 60 + int(m.group(2))) * 60 + int(m.group(3))) * 1_000_000 + int(m.group(4))


# ==========================================================================
# 6. Infinispan (simulation of cluster members, rebalances, requests)
# ==========================================================================

def ispn_header(t, lvl, thread, category):
    h, m, s, f = hmsf(t)
    return "%s %02d:%02d:%02d,%03d %-5s (%s) [%s] " % (DATE_DASH, h, m, s, f // MS, lvl, thread, category)


def gen_infinispan(rng):
    LOCAL = "infinispan-0-51422"
    cat = Catalog()
    ev = cat.add
    CL = "org.infinispan.CLUSTER"
    ev("view", "ISPN000094: Received new cluster view for channel cluster: [%s|<*>] (<*>) [<*>]" % LOCAL,
       lvl="INFO", category=CL)
    ev("joined", "ISPN100000: Node <*> joined the cluster", lvl="INFO", category=CL)
    ev("left", "ISPN100001: Node <*> left the cluster", lvl="INFO", category=CL)
    ev("reb_start", "[Context=<*>] ISPN100002: Starting rebalance with members [<*>], phase READ_OLD_WRITE_ALL, "
       "topology id <*>", lvl="INFO", category=CL)
    ev("reb_phase", "[Context=<*>] ISPN100009: Advancing to rebalance phase <*>, topology id <*>",
       lvl="INFO", category=CL)
    ev("reb_done", "[Context=<*>] ISPN100010: Finished rebalance with members [<*>], topology id <*>",
       lvl="INFO", category=CL)
    ev("members", "[Context=<*>] ISPN100008: Updating cache members list [<*>], topology id <*>",
       lvl="INFO", category=CL)
    ev("no_phys", "JGRP000032: %s: no physical address for <*>, dropping message" % LOCAL,
       lvl="WARN", category="org.jgroups.protocols.TCP")
    ev("cmd_error", "ISPN000136: Error executing command <*> on Cache '<*>', writing keys [<*>]",
       lvl="ERROR", category="org.infinispan.interceptors.impl.InvocationContextInterceptor")
    ev("exc", "org.infinispan.util.concurrent.TimeoutException: ISPN000476: Timed out waiting for responses for "
       "request <*> from <*> after 15 seconds", trace="")
    ev("at1", "at org.infinispan.remoting.transport.impl.SingleTargetRequest.onTimeout(SingleTargetRequest.java:86)",
       trace="\t")
    ev("at2", "at org.infinispan.remoting.transport.AbstractRequest.call(AbstractRequest.java:88)", trace="\t")
    ev("at3", "at java.base/java.util.concurrent.FutureTask.run(FutureTask.java:317)", trace="\t")
    ev("purge_start", "Purging data container of expired entries", lvl="DEBUG",
       category="org.infinispan.expiration.impl.ClusterExpirationManager")
    ev("purge_done", "Purging data container completed in <*>", lvl="DEBUG",
       category="org.infinispan.expiration.impl.ClusterExpirationManager")

    P = Pools(rng)
    sim = Sim()
    t0 = at(14, 20, 5) + rng.randrange(NS)
    horizon = t0 + 50 * 60 * NS
    caches = ["___protobuf_metadata", "___script_cache", "sessions", "orders", "product-catalog"]
    topo = {c: rng.randint(6, 14) for c in caches}

    def nodename(ordinal):
        return "infinispan-%d-%05d" % (ordinal, rng.randint(10000, 65535))

    members = [LOCAL, nodename(1), nodename(2)]
    timeline = [(0, list(members))]
    view_id = [rng.randint(3, 7)]

    def emit(t, ent, name, vals, **hdr):
        sim.emit(t, ent, cat[name], vals, **hdr)

    def jg():
        return "jgroups-%d,%s" % (rng.randint(3, 24), LOCAL)

    def nb():
        return "non-blocking-thread--p2-t%d" % rng.randint(1, 8)

    # Cluster membership changes and the rebalances they trigger -----------
    pattern = ["join", "leave", "join", "join", "leave", "leave", "join", "leave", "join", "join", "leave",
               "join", "leave", "leave", "join"]
    t = t0 + uni_ns(rng, 15, 60)
    ent = 1
    nophys_budget = [3]
    for i, what in enumerate(pattern):
        if t > horizon:
            break
        ent += 1
        if what == "join":
            used = {int(x.split("-")[1]) for x in members}
            ordinal = min(o for o in range(1, 10) if o not in used)
            node = nodename(ordinal)
            if nophys_budget[0] > 0 or rng.random() < 0.4:
                nophys_budget[0] -= 1
                for _ in range(rng.randint(1, 2)):
                    emit(t - uni_ns(rng, 0.005, 0.09), ent, "no_phys", [node], thread=jg())
            members = members + [node]
        else:
            node = rng.choice(members[1:])
            members = [x for x in members if x != node]
        timeline.append((t, list(members)))
        view_id[0] += 1
        th = jg()
        emit(t, ent, "view", [view_id[0], len(members), ", ".join(members)], thread=th)
        emit(t + uni_ns(rng, 0.0002, 0.002), ent, "joined" if what == "join" else "left", [node], thread=th)
        mlist = ", ".join(members)
        for ci, cname in enumerate(caches):
            sub = ent * 100 + ci
            c = t + uni_ns(rng, 0.003, 0.04)
            if what == "leave":
                topo[cname] += 1
                emit(c, sub, "members", [cname, mlist, topo[cname]], thread=nb())
                c += uni_ns(rng, 0.001, 0.02)
            topo[cname] += 1
            emit(c, sub, "reb_start", [cname, mlist, topo[cname]], thread=nb())
            weight = 0.05 if cname.startswith("___") else 1.6
            for phase in ("READ_ALL_WRITE_ALL", "READ_NEW_WRITE_ALL"):
                c += int(loguni(rng, 0.004, weight) * NS)
                topo[cname] += 1
                emit(c, sub, "reb_phase", [cname, phase, topo[cname]], thread=nb())
            c += uni_ns(rng, 0.002, 0.05)
            topo[cname] += 1
            emit(c, sub, "reb_done", [cname, mlist, topo[cname]], thread=nb())
        t += uni_ns(rng, 70, 260)

    # Expiration reaper ---------------------------------------------------
    t = t0 + uni_ns(rng, 0, 60)
    while t < horizon:
        emit(t, 3, "purge_start", [], thread="expiration-thread--p3-t1")
        d = int(loguni(rng, 0.0004, 0.9) * NS)
        emit(t + d, 3, "purge_done", ["%dms" % max(1, d // MS) if d >= MS else "%d\u00b5s" % (d // US)],
             thread="expiration-thread--p3-t1")
        t += 60 * NS + rng.randint(0, 3 * MS)

    # Remote request timeouts with stack traces -----------------------------
    t = t0 + uni_ns(rng, 20, 90)
    req = rng.randint(30_000, 90_000)
    ent = 10 ** 6
    commands = ["PutKeyValueCommand", "RemoveCommand", "ReplaceCommand", "PutKeyValueCommand", "ComputeCommand"]
    while t < horizon:
        ent += 1
        req += rng.randint(50, 9000)
        now_members = [m for (tm, m) in timeline if tm <= t][-1]
        target = rng.choice(now_members[1:])
        cname = P.cyc("cmd_error", "cache", ["sessions", "orders", "product-catalog"])
        key = P.cyc("cmd_error", "keyp", ["session:", "order-", "sku-"]) + str(rng.randint(10000, 999999))
        th = nb()
        emit(t, ent, "cmd_error", [P.cyc("cmd_error", "cmd", commands), cname,
                                   "WrappedByteArray[\\x03>\\x%02X%s]" % (len(key), key)], thread=th)
        emit(t, ent, "exc", [req, target], thread=th)
        emit(t, ent, "at1", [], thread=th)
        emit(t, ent, "at2", [], thread=th)
        emit(t, ent, "at3", [], thread=th)
        t += uni_ns(rng, 200, 500)

    rows = []
    for (t, ent, _seq, e, vals, hdr) in sim.merged(N_LINES):
        if "trace" in e:
            header = e["trace"]
        else:
            header = ispn_header(t, e["lvl"], hdr["thread"], e["category"])
        rows.append((header, fill(e["tpl"], vals), e["eid"]))
    return cat, rows


def ts_ispn(header):
    m = re.match(r"\d{4}-\d\d-\d\d (\d\d):(\d\d):(\d\d),(\d{3}) ", header)
    if not m:
        return None  # stack trace continuation lines carry no header timestamp
    return ((int(m.group(1)) * 60 + int(m.group(2))) * 60 + int(m.group(3))) * 1000 + int(m.group(4))


# ==========================================================================
# systems table, writer and self-check
# ==========================================================================

SYSTEMS = [
    # (k, name, generator, mode, header regex, timestamp key)
    (1, "Kvrocks", gen_kvrocks, "shuffle",
     r"[IWEF]\d{8} \d\d:\d\d:\d\d\.\d{6} +\d+ [\w./-]+\.cc:\d+\] ", ts_glog),
    (2, "Garnet", gen_garnet, "shuffle",
     r"\d\d::\d\d::\d\d (?:trce|dbug|info|warn|fail|crit): [A-Za-z][\w.]*(?: \[\w+\])?\[\d+\] ", ts_garnet),
    (3, "FerretDb", gen_ferretdb, "simulation",
     r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\t(?:DEBUG|INFO|WARN|ERROR)\t(?:[^\t]+\t)?[\w./-]+\.go:\d+\t",
     ts_ferret),
    (4, "ApacheDoris", gen_doris, "simulation",
     r"(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (?:DEBUG|INFO|WARN|ERROR) \([^|()]+\|\d+\) \[[\w$]+\.\w+\(\):\d+\] "
     r"|[IWEF]\d{8} \d\d:\d\d:\d\d\.\d{6} +\d+ [\w./-]+\.(?:cpp|cc|h):\d+\] )", ts_doris),
    (5, "GreptimeDb", gen_greptime, "shuffle",
     r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z (?:TRACE|DEBUG| INFO| WARN|ERROR) (?:[a-z_]+\{[^{}]*\}: )?"
     r"[a-z_][a-z0-9_]*(?:::[a-z0-9_]+)*: ", ts_greptime),
    (6, "Infinispan", gen_infinispan, "simulation",
     r"(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (?:TRACE|DEBUG|INFO |WARN |ERROR|FATAL) \([^()]+\) \[[\w.$]+\] |\t)?",
     ts_ispn),
]


def write_system(name, cat, rows):
    d = os.path.join(OUT_DIR, name)
    os.makedirs(d, exist_ok=True)
    tpl_of = {e["eid"]: e["tpl"] for e in cat.events}
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        for header, content, _eid in rows:
            f.write(header + content + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CSV_HEADER)
        for i, (_h, content, eid) in enumerate(rows, 1):
            w.writerow([i, content, eid, tpl_of[eid]])


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split(WILD)))


def check_system(name, cat, header_re, ts_key):
    d = os.path.join(OUT_DIR, name)
    log_path = os.path.join(d, name + ".log")
    csv_path = os.path.join(d, name + ".log_structured.csv")
    for p in (log_path, csv_path):
        with open(p, "rb") as f:
            raw = f.read()
        assert raw.endswith(b"\n"), p + ": no final newline"
        assert b"\r" not in raw, p + ": contains CR"
    with open(log_path, "rb") as f:
        lines = f.read().decode("utf-8").split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    assert len(lines) == N_LINES, "%s: %d lines" % (name, len(lines))
    with open(csv_path, encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    assert table[0] == CSV_HEADER, "%s: bad CSV header" % name
    body = table[1:]
    assert len(body) == N_LINES, "%s: %d rows" % (name, len(body))
    hre = re.compile(header_re)
    declared = [e["eid"] for e in cat.events]
    assert declared == ["E%d" % i for i in range(1, len(declared) + 1)]
    tpl_seen = {}
    counts = {}
    captures = {}
    last_ts = None
    for i, (line, row) in enumerate(zip(lines, body), 1):
        assert len(row) == 4, "%s row %d: %d columns" % (name, i, len(row))
        line_id, content, eid, tpl = row
        assert line_id == str(i), "%s: LineId %s at %d" % (name, line_id, i)
        assert content and content == content.strip(), "%s row %d: content empty or unstripped" % (name, i)
        assert line.endswith(content), "%s row %d: raw line does not end with Content" % (name, i)
        header = line[:len(line) - len(content)]
        assert hre.fullmatch(header), "%s row %d: header %r does not match" % (name, i, header)
        ts = ts_key(header)
        if ts is not None:
            assert last_ts is None or ts >= last_ts, "%s row %d: time went back" % (name, i)
            last_ts = ts
        assert re.fullmatch(r"E\d+", eid), "%s row %d: bad EventId %r" % (name, i, eid)
        if eid in tpl_seen:
            assert tpl_seen[eid] == tpl, "%s: %s has two templates" % (name, eid)
        else:
            tpl_seen[eid] = tpl
        m = tpl_regex(tpl).fullmatch(content)
        assert m, "%s row %d: template does not match content" % (name, i)
        counts[eid] = counts.get(eid, 0) + 1
        slots = captures.setdefault(eid, [set() for _ in m.groups()])
        for s, v in zip(slots, m.groups()):
            s.add(v)
    assert len(set(tpl_seen.values())) == len(tpl_seen), "%s: duplicate templates" % name
    assert sorted(tpl_seen, key=lambda x: int(x[1:])) == declared, "%s: declared events unused: %s" % (
        name, sorted(set(declared) - set(tpl_seen)))
    for e in cat.events:
        assert tpl_seen[e["eid"]] == e["tpl"], "%s: %s template mismatch" % (name, e["eid"])
    for eid, slots in captures.items():
        for j, s in enumerate(slots):
            assert len(s) >= 2, "%s %s slot %d has a single value %r" % (name, eid, j + 1, sorted(s))
    n_ev = len(counts)
    assert 12 <= n_ev <= 15, "%s: %d event types" % (name, n_ev)
    vals = sorted(counts.values())
    assert vals[0] >= 3, "%s: an event has %d lines" % (name, vals[0])
    small = sum(1 for v in vals if 3 <= v <= 10)
    assert small >= 3, "%s: only %d events with 3-10 lines" % (name, small)
    med = statistics.median(vals)
    assert vals[-1] >= 3 * med, "%s: largest %d < 3 x median %s" % (name, vals[-1], med)
    return counts, med


def main():
    summary = []
    for k, name, gen, mode, header_re, ts_key in SYSTEMS:
        rng = random.Random(BASE_SEED * 10 + k)
        cat, rows = gen(rng)
        write_system(name, cat, rows)
        summary.append((k, name, mode, cat, header_re, ts_key))
    failed = False
    for k, name, mode, cat, header_re, ts_key in summary:
        try:
            counts, med = check_system(name, cat, header_re, ts_key)
        except AssertionError as exc:
            failed = True
            print("%d %-12s FAIL: %s" % (k, name, exc))
            continue
        vals = sorted(counts.values())
        print("%d %-12s %-10s lines=%d events=%d min=%d median=%s max=%d small(3-10)=%d  OK"
              % (k, name, mode, sum(vals), len(vals), vals[0], med, vals[-1],
                 sum(1 for v in vals if 3 <= v <= 10)))
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
