#!/usr/bin/env python3
"""Round 30 blind labelled log corpus generator.

Python 3 standard library only and fully deterministic: no wall clock, no
locale, month names from a fixed list.  Every system k (1..6) draws from its
own random.Random(20270114 * 10 + k).  Time is an integer nanosecond clock
counted from 2026-03-14 00:00:00 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for the six systems, then self-checks every file and prints a summary.
"""
import calendar
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270114
HERE = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
S = 1_000_000_000
MS = 1_000_000
US = 1_000
DAY_EPOCH = calendar.timegm((YEAR, MONTH, DAY, 0, 0, 0, 0, 0, 0))
N_LINES = 300
CSV_HEADER = ["LineId", "Content", "EventId", "EventTemplate"]


def clock(ns):
    """Split a nanosecond offset within 2026-03-14 into h, m, s, ns-fraction."""
    if not 0 <= ns < 86400 * S:
        raise ValueError("clock left 2026-03-14: %d" % ns)
    sec, frac = divmod(ns, S)
    return sec // 3600, (sec // 60) % 60, sec % 60, frac


def hms(ns):
    h, m, s, _ = clock(ns)
    return "%02d:%02d:%02d" % (h, m, s)


# --------------------------------------------------------------------------
# framework
# --------------------------------------------------------------------------

class Event:
    def __init__(self, eid, template, meta):
        self.eid = eid
        self.template = template
        self.meta = meta
        self.parts = template.split("<*>")

    @property
    def name(self):
        return "E%d" % self.eid

    def fill(self, vals):
        vals = [str(v) for v in vals]
        if len(vals) != len(self.parts) - 1:
            raise ValueError("%s wants %d values, got %r"
                             % (self.template, len(self.parts) - 1, vals))
        out = [self.parts[0]]
        for v, p in zip(vals, self.parts[1:]):
            if not v or "\n" in v or "\r" in v:
                raise ValueError("bad value %r for %s" % (v, self.template))
            out.append(v)
            out.append(p)
        return "".join(out)


class System:
    def __init__(self, k, name, kind):
        self.k = k
        self.name = name
        self.kind = kind
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.events = []
        self._cyc = {}
        self.records = []          # (ns, header, content, event)
        self.header_fn = None
        self.header_re = None
        self.ts_key = None
        self.note = ""

    def ev(self, template, **meta):
        e = Event(len(self.events) + 1, template, meta)
        self.events.append(e)
        return e

    def cy(self, key, pool):
        """Cycle through a small pool per (event, slot) key, random start."""
        st = self._cyc.get(key)
        if st is None:
            st = [self.rng.randrange(len(pool)), 0]
            self._cyc[key] = st
        v = pool[(st[0] + st[1]) % len(pool)]
        st[1] += 1
        return v

    def emit(self, ns, event, vals, hmeta=None):
        content = event.fill(vals)
        header = self.header_fn(ns, event, hmeta or {})
        self.records.append((ns, header, content, event))


def split_gen(res):
    if isinstance(res, tuple):
        return res[0], res[1]
    return res, {}


def run_shuffle(sysm, plan, start_ns, mean_gap_s, gen, follow=None,
                follow_gap=(40 * US, 900 * US)):
    """Fixed count per event, shuffled, stamped by a forward-only clock."""
    r = sysm.rng
    follow = follow or {}
    counts = dict((e, c) for e, c in plan)
    for lead, fol in follow.items():
        assert counts[lead] == counts[fol], "follower count mismatch"
    assert sum(counts.values()) == N_LINES, sum(counts.values())
    followers = set(follow.values())
    bag = []
    for e, c in plan:
        if e not in followers:
            bag.extend([e] * c)
    r.shuffle(bag)
    ns = start_ns
    for e in bag:
        ns += max(1, int(r.expovariate(1.0) * mean_gap_s * S))
        vals, hmeta = split_gen(gen(e, ns))
        sysm.emit(ns, e, vals, hmeta)
        if e in follow:
            ns += r.randint(*follow_gap)
            vals, hmeta = split_gen(gen(follow[e], ns))
            sysm.emit(ns, follow[e], vals, hmeta)


def run_simulation(sysm, streams):
    """streams: list of per-entity lists of (ns, event, vals, hmeta)."""
    merged = []
    for ei, stream in enumerate(streams):
        for si, (ns, e, vals, hmeta) in enumerate(stream):
            merged.append((ns, ei, si, e, vals, hmeta))
    merged.sort(key=lambda x: (x[0], x[1], x[2]))
    for ns, _ei, _si, e, vals, hmeta in merged[:N_LINES]:
        sysm.emit(ns, e, vals, hmeta)
    if len(sysm.records) != N_LINES:
        raise RuntimeError("%s simulation produced only %d lines"
                           % (sysm.name, len(sysm.records)))


def frac_key(h, m, s, frac):
    return ((int(h) * 60 + int(m)) * 60 + int(s)) * S + int(frac.ljust(9, "0"))


def hexid(r, n):
    return "%0*x" % (n, r.getrandbits(4 * n))


def tso(ns, lag_ms, logical):
    """Milvus hybrid timestamp: physical ms << 18 | logical."""
    phys = DAY_EPOCH * 1000 + ns // MS - lag_ms
    return (phys << 18) | logical


# --------------------------------------------------------------------------
# 1. Corosync (seeded shuffle)
# --------------------------------------------------------------------------

def build_corosync():
    s = System(1, "Corosync", "shuffle")
    r = s.rng
    PID, HOST = 2154, "hastor-n1"

    def header(ns, e, hm):
        h, m, sec, frac = clock(ns)
        return "%s %02d %02d:%02d:%02d.%03d [%d] %s corosync %-7s [%-6s] " % (
            MONTHS[MONTH - 1], DAY, h, m, sec, frac // MS, PID, HOST,
            e.meta["level"], e.meta["subsys"])
    s.header_fn = header
    s.header_re = re.compile(
        r"(?P<mon>%s) (?P<d>\d{2}) (?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2})\.(?P<f>\d{3}) "
        r"\[\d+\] [\w.-]+ corosync (?:notice |info   |warning|error  |debug  |crit   ) "
        r"\[[A-Z ]{6}\] " % "|".join(MONTHS))
    s.ts_key = lambda m: frac_key(m["h"], m["m"], m["s"], m["f"])

    def ev(level, subsys, t):
        return s.ev(t, level=level, subsys=subsys)
    e_up = ev("info", "KNET", "rx: host: <*> link: <*> is up")
    e_down = ev("info", "KNET", "link: host: <*> link: <*> is down")
    e_best = ev("info", "KNET", "host: host: <*> (passive) best link: <*> (pri: <*>)")
    e_noact = ev("warning", "KNET", "host: host: <*> has no active links")
    e_pmtud = ev("info", "KNET", "pmtud: PMTUD link change for host: <*> link: <*> from <*> to <*>")
    e_pause = ev("notice", "TOTEM", "Process pause detected for <*>, flushing membership messages.")
    e_fail = ev("notice", "TOTEM", "A processor failed, forming new configuration: "
                "token timed out (<*>), waiting <*> for consensus.")
    e_join = ev("notice", "TOTEM", "A new membership (<*>) was formed. Members joined: <*>")
    e_left = ev("notice", "TOTEM", "A new membership (<*>) was formed. Members left: <*>")
    e_retr = ev("notice", "TOTEM", "Retransmit List: <*>")
    e_dl = ev("notice", "CPG", "downlist left_list: <*> received")
    e_sync = ev("notice", "QUORUM", "Sync members[<*>]: <*>")
    e_memb = ev("notice", "QUORUM", "Members[<*>]: <*>")
    e_prim = ev("notice", "QUORUM", "This node is within the primary component and will provide service.")
    e_done = ev("notice", "MAIN", "Completed service synchronization, ready to provide service.")

    ring = [0x1b4]
    seqno = [0x5e12]
    HOSTS = ["2", "3", "4"]
    LINKS = ["0", "1"]
    MEMBER_SETS = [["1", "2", "3", "4"], ["1", "2", "3"], ["1", "3", "4"], ["1", "2", "4"], ["1", "2"]]
    DELTAS = ["2", "3", "4", "2 3", "3 4", "2 4"]

    def gen(e, ns):
        k = e.eid
        if e in (e_up, e_down):
            return [s.cy((k, "host"), HOSTS), s.cy((k, "link"), LINKS)]
        if e is e_best:
            link, pri = s.cy((k, "lp"), [("0", "1"), ("1", "2")])
            return [s.cy((k, "host"), HOSTS), link, pri]
        if e is e_noact:
            return [s.cy((k, "host"), HOSTS)]
        if e is e_pmtud:
            a, b = s.cy((k, "mtu"), [("469", "1397"), ("1397", "1365"), ("469", "1365"), ("1365", "1397")])
            return [s.cy((k, "host"), HOSTS), s.cy((k, "link"), LINKS), a, b]
        if e is e_pause:
            return ["%d ms" % r.randint(1900, 8800)]
        if e is e_fail:
            return list(s.cy((k, "tok"), [("3000ms", "3600ms"), ("5000ms", "6000ms")]))
        if e in (e_join, e_left):
            ring[0] += r.choice([4, 8, 12])
            return ["1.%x" % ring[0], s.cy((k, "who"), DELTAS)]
        if e is e_retr:
            n = r.randint(1, 9)
            st = seqno[0]
            seqno[0] += n + r.randint(3, 60)
            return [" ".join("%x" % x for x in range(st, st + n))]
        if e is e_dl:
            return [s.cy((k, "n"), ["0", "1", "0", "2"])]
        if e in (e_sync, e_memb):
            ms = s.cy((k, "set"), MEMBER_SETS)
            return [str(len(ms)), " ".join(ms)]
        return []

    plan = [(e_up, 18), (e_down, 18), (e_best, 30), (e_noact, 8), (e_pmtud, 12),
            (e_pause, 5), (e_fail, 4), (e_join, 10), (e_left, 9), (e_retr, 100),
            (e_dl, 14), (e_sync, 20), (e_memb, 20), (e_prim, 20), (e_done, 12)]
    run_shuffle(s, plan, (2 * 3600 + 11 * 60 + 7) * S + 318 * MS, 19.0, gen)
    return s


# --------------------------------------------------------------------------
# 2. Ptp4l (seeded shuffle)
# --------------------------------------------------------------------------

def build_ptp4l():
    s = System(2, "Ptp4l", "shuffle")
    r = s.rng
    BOOT = 1_204_733 * S + 518_204_117      # CLOCK_MONOTONIC at 00:00 UTC

    def header(ns, e, hm):
        mono = ns + BOOT
        return "ptp4l[%d.%03d]: " % (mono // S, (mono % S) // MS)
    s.header_fn = header
    s.header_re = re.compile(r"ptp4l\[(?P<sec>\d+)\.(?P<ms>\d{3})\]: ")
    s.ts_key = lambda m: int(m["sec"]) * 1000 + int(m["ms"])
    s.note = "header is ptp4l's CLOCK_MONOTONIC stamp (wall clock + fixed uptime offset)"

    e_s2 = s.ev("master offset <*> s2 freq <*> path delay <*>")
    e_s0 = s.ev("master offset <*> s0 freq <*> path delay <*>")
    e_s1 = s.ev("master offset <*> s1 freq <*> path delay <*>")
    e_lu = s.ev("port <*> (<*>): LISTENING to UNCALIBRATED on RS_SLAVE")
    e_us = s.ev("port <*> (<*>): UNCALIBRATED to SLAVE on MASTER_CLOCK_SELECTED")
    e_su = s.ev("port <*> (<*>): SLAVE to UNCALIBRATED on SYNCHRONIZATION_FAULT")
    e_lm = s.ev("port <*> (<*>): LISTENING to MASTER on ANNOUNCE_RECEIPT_TIMEOUT_EXPIRES")
    e_best = s.ev("selected best master clock <*>")
    e_foreign = s.ev("port <*> (<*>): new foreign master <*>")
    e_ldown = s.ev("port <*> (<*>): link down")
    e_lup = s.ev("port <*> (<*>): link up")
    e_txto = s.ev("timed out while polling for tx timestamp")
    e_txhint = s.ev("increasing tx_timestamp_timeout may correct this issue, "
                    "but it is likely caused by a driver bug")
    e_fwd = s.ev("clockcheck: clock jumped forward or running faster than expected!")
    e_bwd = s.ev("clockcheck: clock jumped backward or running slower than expected!")

    PORTS = [("1", "ens2f0"), ("2", "ens2f1"), ("3", "ens3f0")]
    CLOCKS = ["ec0d9a.fffe.3b41c0", "001b21.fffe.6d2e18", "b49691.fffe.8a07f2"]
    FREQ = -14217.0

    def offset_vals(off):
        freq = FREQ + r.gauss(0, 45)
        pd = int(r.gauss(611, 7))
        return ["%10d" % off, "%+7.0f" % freq, "%9d" % pd]

    def gen(e, ns):
        k = e.eid
        if e is e_s2:
            return offset_vals(int(r.gauss(0, 19)))
        if e in (e_s0, e_s1):
            return offset_vals(r.choice([-1, 1]) * r.randint(18_000, 9_400_000))
        if e is e_best:
            return [s.cy((k, "clk"), CLOCKS)]
        if e is e_foreign:
            p = s.cy((k, "port"), PORTS)
            return [p[0], p[1], "%s-%d" % (s.cy((k, "clk"), CLOCKS), s.cy((k, "pn"), [1, 2, 1]))]
        if len(e.parts) == 3:
            p = s.cy((k, "port"), PORTS)
            return [p[0], p[1]]
        return []

    plan = [(e_s2, 164), (e_s0, 8), (e_s1, 6), (e_lu, 12), (e_us, 12), (e_su, 7),
            (e_lm, 10), (e_best, 14), (e_foreign, 16), (e_ldown, 9), (e_lup, 9),
            (e_txto, 12), (e_txhint, 12), (e_fwd, 5), (e_bwd, 4)]
    run_shuffle(s, plan, (5 * 3600 + 2 * 60 + 41) * S + 77 * MS, 1.1, gen,
                follow={e_txto: e_txhint}, follow_gap=(15 * US, 400 * US))
    return s


# --------------------------------------------------------------------------
# 3. Milvus (seeded shuffle)
# --------------------------------------------------------------------------

def build_milvus():
    s = System(3, "Milvus", "shuffle")
    r = s.rng

    def header(ns, e, hm):
        h, m, sec, frac = clock(ns)
        return "[%04d/%02d/%02d %02d:%02d:%02d.%03d +00:00] [%s] [%s] " % (
            YEAR, MONTH, DAY, h, m, sec, frac // MS, e.meta["level"], e.meta["caller"])
    s.header_fn = header
    s.header_re = re.compile(
        r"\[\d{4}/\d{2}/\d{2} (?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2})\.(?P<f>\d{3}) \+00:00\] "
        r"\[(?:DEBUG|INFO|WARN|ERROR)\] \[[\w./-]+\.go:\d+\] ")
    s.ts_key = lambda m: frac_key(m["h"], m["m"], m["s"], m["f"])

    def ev(level, caller, t):
        return s.ev(t, level=level, caller=caller)
    e_ins = ev("INFO", "proxy/impl.go:2581",
               '["Insert received"] [traceID=<*>] [role=proxy] [db=default] [collection=<*>] '
               '[partition=<*>] [numRows=<*>]')
    e_slow = ev("INFO", "proxy/impl.go:2988",
                '["Search slow"] [traceID=<*>] [role=proxy] [db=default] [collection=<*>] '
                '[nq=<*>] [topK=<*>] [guarantee_timestamp=<*>] [duration=<*>]')
    e_flush = ev("INFO", "datacoord/services.go:104",
                 '["receive flush request"] [dbID=1] [collectionID=<*>] [collection=<*>] [isImport=false]')
    e_binlog = ev("INFO", "datacoord/services.go:431",
                  '["receive SaveBinlogPaths request"] [nodeID=<*>] [collectionID=<*>] '
                  '[segmentID=<*>] [isFlush=true] [isDropped=false]')
    e_load = ev("INFO", "querynodev2/segments/segment_loader.go:208",
                '["start loading..."] [collectionID=<*>] [segmentNum=<*>] [afterFilter=<*>]')
    e_loaded = ev("INFO", "querynodev2/segments/segment_loader.go:265",
                  '["load segment done"] [collectionID=<*>] [segmentID=<*>] [segmentType=Sealed] '
                  '[rowNum=<*>] [duration=<*>]')
    e_lfail = ev("WARN", "querynodev2/segments/segment_loader.go:241",
                 '["failed to load segment"] [collectionID=<*>] [segmentID=<*>] [error="<*>"]')
    e_crq = ev("INFO", "rootcoord/root_coord.go:1052",
               '["received request to create collection"] [traceID=<*>] [role=rootcoord] '
               '[dbName=default] [name=<*>]')
    e_cdone = ev("INFO", "rootcoord/root_coord.go:1079",
                 '["done to create collection"] [traceID=<*>] [role=rootcoord] [dbName=default] '
                 '[name=<*>] [ts=<*>]')
    e_drq = ev("INFO", "rootcoord/root_coord.go:1103",
               '["received request to drop collection"] [traceID=<*>] [role=rootcoord] '
               '[dbName=default] [name=<*>]')
    e_ddone = ev("INFO", "rootcoord/root_coord.go:1128",
                 '["done to drop collection"] [traceID=<*>] [role=rootcoord] [dbName=default] '
                 '[name=<*>] [ts=<*>]')
    e_plan = ev("INFO", "datacoord/compaction.go:318",
                '["new compaction plan"] [planID=<*>] [type=MixCompaction] [channel=<*>] '
                '[segmentIDs="[<*>]"]')
    e_reg = ev("INFO", "sessionutil/session_util.go:297",
               '["service registered successfully"] [ServerName=<*>] [serverID=<*>]')
    e_retry = ev("WARN", "retry/retry.go:46",
                 '["retry func failed"] [retried=<*>] [error="<*>"]')
    e_cp = ev("INFO", "datanode/channel_checkpoint_updater.go:142",
              '["UpdateChannelCheckpoint success"] [channel=<*>] [cpTs=<*>] [cpTime="<*>"]')

    COLLS = ["book_embeddings", "product_vec_v2", "faq_chunks", "clip_images",
             "ticket_search", "news_bge_m3"]
    CID = dict((c, 447_000_000_000_000_000 + r.randrange(10 ** 15))
               for c in COLLS)
    LOAD_ERRORS = [
        "failed to get object: The specified key does not exist.",
        "context deadline exceeded",
        "load segment failed, OOM if load, memUsage = 7.41 GB, totalMem = 8.00 GB",
        "segment not found, segmentID = 447912804716290113",
    ]
    RETRY_ERRORS = [
        'rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while '
        'dialing: dial tcp 10.112.3.41:21123: connect: connection refused\\"',
        "service not ready: Abnormal",
        "rpc error: code = DeadlineExceeded desc = context deadline exceeded",
        "node not match, expectedNodeID = 14, actualNodeID = 9",
    ]

    def segid():
        return 447_900_000_000_000_000 + r.randrange(10 ** 14)

    def channel(c):
        return "by-dev-rootcoord-dml_%d_%dv%d" % (r.randint(0, 15), CID[c], r.randint(0, 1))

    def dur_ms(lo, hi):
        return "%.6fms" % r.uniform(lo, hi)

    def gen(e, ns):
        k = e.eid
        c = s.cy((k, "coll"), COLLS)
        tid = hexid(r, 32)
        if e is e_ins:
            return [tid, c, s.cy((k, "part"), ["_default", "p_2026_03", "_default", "hot"]),
                    r.choice([1, 8, 64, 100, 500, 1000, 2000]) + r.randint(0, 7)]
        if e is e_slow:
            return [tid, c, s.cy((k, "nq"), [1, 1, 4, 16, 10]), s.cy((k, "topk"), [10, 50, 100]),
                    tso(ns, r.randint(40, 900), r.randint(0, 3)),
                    "%.9fs" % r.uniform(1.02, 6.8)]
        if e is e_flush:
            return [CID[c], c]
        if e is e_binlog:
            return [s.cy((k, "node"), [4, 7, 11]), CID[c], segid()]
        if e is e_load:
            n = r.randint(1, 9)
            return [CID[c], n, r.randint(1, n)]
        if e is e_loaded:
            return [CID[c], segid(), r.randint(1200, 480000), dur_ms(35, 2900)]
        if e is e_lfail:
            return [CID[c], segid(), s.cy((k, "err"), LOAD_ERRORS)]
        if e in (e_crq, e_drq):
            return [tid, c]
        if e in (e_cdone, e_ddone):
            return [tid, c, tso(ns, r.randint(1, 30), r.randint(0, 2))]
        if e is e_plan:
            return [r.randrange(10 ** 18), channel(c), ",".join(str(segid()) for _ in range(r.randint(2, 4)))]
        if e is e_reg:
            return [s.cy((k, "role"), ["querynode", "datanode", "indexnode", "proxy"]),
                    s.cy((k, "sid"), [9, 11, 14, 17, 22])]
        if e is e_retry:
            return [s.cy((k, "n"), [3, 5, 10, 7]), s.cy((k, "err"), RETRY_ERRORS)]
        if e is e_cp:
            lag = r.randint(180, 4200) * MS + r.randrange(MS)
            h, m, sec, frac = clock(ns - lag)
            fr = ("%09d" % frac).rstrip("0")
            t = "%04d-%02d-%02d %02d:%02d:%02d%s +0000 UTC" % (
                YEAR, MONTH, DAY, h, m, sec, "." + fr if fr else "")
            return [channel(c), tso(ns, lag // MS, r.randint(0, 5)), t]
        raise AssertionError(e.template)

    plan = [(e_ins, 70), (e_slow, 25), (e_flush, 18), (e_binlog, 40), (e_load, 20),
            (e_loaded, 30), (e_lfail, 6), (e_crq, 10), (e_cdone, 10), (e_drq, 5),
            (e_ddone, 5), (e_plan, 20), (e_reg, 8), (e_retry, 12), (e_cp, 21)]
    run_shuffle(s, plan, (11 * 3600 + 4 * 60 + 12) * S + 905 * MS, 2.3, gen)
    return s


# --------------------------------------------------------------------------
# 4. Qdrant (simulation: API clients working on their own collections,
#    plus two Prometheus scrapers)
# --------------------------------------------------------------------------

def build_qdrant():
    s = System(4, "Qdrant", "simulation")
    r = s.rng
    ACC = "actix_web::middleware::logger"
    META = "storage::content_manager::toc::collection_meta_ops"

    def header(ns, e, hm):
        h, m, sec, frac = clock(ns)
        return "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ %5s %s: " % (
            YEAR, MONTH, DAY, h, m, sec, frac // US, e.meta["level"], e.meta["target"])
    s.header_fn = header
    s.header_re = re.compile(
        r"\d{4}-\d{2}-\d{2}T(?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2})\.(?P<f>\d{6})Z "
        r"(?:TRACE|DEBUG| INFO| WARN|ERROR) [a-z_][a-z0-9_]*(?:::[a-z0-9_]+)*: ")
    s.ts_key = lambda m: frac_key(m["h"], m["m"], m["s"], m["f"])

    def acc(t):
        return s.ev(t, level="INFO", target=ACC)
    e_404 = acc('<*> "GET /collections/<*> HTTP/1.1" 404 <*> "-" "<*>" <*>')
    e_creating = s.ev("Creating collection <*>", level="INFO", target=META)
    e_create = acc('<*> "PUT /collections/<*> HTTP/1.1" 200 <*> "-" "<*>" <*>')
    e_index = acc('<*> "PUT /collections/<*>/index?wait=true HTTP/1.1" 200 <*> "-" "<*>" <*>')
    e_upsert = acc('<*> "PUT /collections/<*>/points?wait=true HTTP/1.1" 200 <*> "-" "<*>" <*>')
    e_search = acc('<*> "POST /collections/<*>/points/search HTTP/1.1" 200 <*> "-" "<*>" <*>')
    e_bad = acc('<*> "POST /collections/<*>/points/search HTTP/1.1" 400 <*> "-" "<*>" <*>')
    e_scroll = acc('<*> "POST /collections/<*>/points/scroll HTTP/1.1" 200 <*> "-" "<*>" <*>')
    e_delpts = acc('<*> "POST /collections/<*>/points/delete?wait=true HTTP/1.1" 200 <*> "-" "<*>" <*>')
    e_info = acc('<*> "GET /collections/<*> HTTP/1.1" 200 <*> "-" "<*>" <*>')
    e_metrics = acc('<*> "GET /metrics HTTP/1.1" 200 <*> "-" "<*>" <*>')
    e_deleting = s.ev("Deleting collection <*>", level="INFO", target=META)
    e_drop = acc('<*> "DELETE /collections/<*> HTTP/1.1" 200 <*> "-" "<*>" <*>')

    CLIENT_IPS = ["10.42.1.17", "10.42.3.8", "10.42.0.23", "172.18.0.5", "10.42.5.61"]
    AGENTS = ["python-client/1.9.1 python/3.11.8", "qdrant-js/1.9.0", "Go-http-client/1.1",
              "python-client/1.8.2 python/3.10.12", "rust-client/1.9.0"]
    BASES = ["docs", "products", "faq", "tickets", "images", "chunks", "legal_pages", "support_kb"]
    t0 = (16 * 3600 + 31 * 60 + 4) * S + 207_118 * US
    streams = []

    def sec6(x):
        return "%.6f" % x

    def client(start, idx):
        out = []
        ip = s.cy(("client", "ip"), CLIENT_IPS)
        ua = s.cy(("client", "ua"), AGENTS)
        name = "%s_%s" % (s.cy(("client", "base"), BASES), hexid(r, 4))
        t = start
        lat = r.uniform(0.0002, 0.0009)
        out.append((t + int(lat * S), e_404, [ip, name, 84 + len(name) + r.randint(0, 3), ua, sec6(lat)], None))
        t += int(r.uniform(0.004, 0.03) * S)
        out.append((t + r.randint(200, 900) * US, e_creating, [name], None))
        lat = r.uniform(0.04, 0.31)
        out.append((t + int(lat * S), e_create, [ip, name, r.randint(56, 59), ua, sec6(lat)], None))
        t += int((lat + r.uniform(0.01, 0.2)) * S)
        for _ in range(r.choice([0, 1, 1, 2])):
            lat = r.uniform(0.003, 0.06)
            out.append((t + int(lat * S), e_index, [ip, name, r.randint(88, 93), ua, sec6(lat)], None))
            t += int((lat + r.uniform(0.005, 0.05)) * S)
        for _ in range(r.randint(2, 6)):
            lat = r.uniform(0.02, 0.62)
            out.append((t + int(lat * S), e_upsert, [ip, name, r.randint(86, 92), ua, sec6(lat)], None))
            t += int((lat + r.expovariate(1 / 0.6)) * S)
        ops = ["search"] * r.randint(6, 20) + ["scroll"] * r.randint(0, 2) \
            + ["delpts"] * r.randint(0, 2) + ["info"] * r.randint(0, 2)
        r.shuffle(ops)
        for op in ops:
            t += int(r.expovariate(1 / 1.3) * S)
            if op == "search":
                if r.random() < 0.09:
                    lat = r.uniform(0.0002, 0.0011)
                    out.append((t + int(lat * S), e_bad, [ip, name, r.randint(118, 171), ua, sec6(lat)], None))
                else:
                    lat = r.uniform(0.0015, 0.09)
                    out.append((t + int(lat * S), e_search, [ip, name, r.randint(160, 7400), ua, sec6(lat)], None))
            elif op == "scroll":
                lat = r.uniform(0.003, 0.2)
                out.append((t + int(lat * S), e_scroll, [ip, name, r.randint(900, 48000), ua, sec6(lat)], None))
            elif op == "delpts":
                lat = r.uniform(0.01, 0.3)
                out.append((t + int(lat * S), e_delpts, [ip, name, r.randint(86, 92), ua, sec6(lat)], None))
            else:
                lat = r.uniform(0.0003, 0.002)
                out.append((t + int(lat * S), e_info, [ip, name, r.randint(410, 720), ua, sec6(lat)], None))
        if r.random() < 0.5:
            t += int(r.uniform(0.5, 4.0) * S)
            out.append((t + r.randint(300, 2000) * US, e_deleting, [name], None))
            lat = r.uniform(0.02, 0.25)
            out.append((t + int(lat * S), e_drop, [ip, name, r.randint(56, 59), ua, sec6(lat)], None))
        return out

    t = t0
    for i in range(40):
        streams.append(client(t, i))
        t += int(r.expovariate(1 / 22.0) * S)
    for ip, ua, off in [("10.42.7.3", "Prometheus/2.51.2", 3.17), ("10.42.9.14", "Prometheus/2.45.0", 18.6)]:
        st = []
        t = t0 + int(off * S)
        while t < t0 + 3600 * S:
            lat = r.uniform(0.0009, 0.0041)
            st.append((t + int(lat * S), e_metrics, [ip, r.randint(6100, 8900), ua, sec6(lat)], None))
            t += 30 * S + r.randint(-2000, 2000) * US
        streams.append(st)
    run_simulation(s, streams)
    return s


# --------------------------------------------------------------------------
# 5. VerneMQ (seeded shuffle)
# --------------------------------------------------------------------------

def build_vernemq():
    s = System(5, "VerneMQ", "shuffle")
    r = s.rng
    NODE = "VerneMQ@10.0.4.21"

    def header(ns, e, hm):
        h, m, sec, frac = clock(ns)
        loc = ""
        if e.meta.get("mod"):
            mod, fun, line = hm.get("loc") or (e.meta["mod"], e.meta["fun"], e.meta["line"])
            loc = "@%s:%s:%d" % (mod, fun, line)
        return "%04d-%02d-%02d %02d:%02d:%02d.%03d [%s] <0.%d.0>%s " % (
            YEAR, MONTH, DAY, h, m, sec, frac // MS, e.meta["level"], hm["pid"], loc)
    s.header_fn = header
    s.header_re = re.compile(
        r"\d{4}-\d{2}-\d{2} (?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2})\.(?P<f>\d{3}) "
        r"\[(?:debug|info|notice|warning|error|critical|alert|emergency)\] "
        r"<\d+\.\d+\.\d+>(?:@[a-z_0-9]+:[a-z_0-9]+:\d+)? ")
    s.ts_key = lambda m: frac_key(m["h"], m["m"], m["s"], m["f"])

    def ev(level, t, mod=None, fun=None, line=None):
        return s.ev(t, level=level, mod=mod, fun=fun, line=line)
    e_ka = ev("warning", 'client {[],<<"<*>">>} with username <<"<*>">> stopped due to keepalive expired',
              "vmq_mqtt_fsm", "connected", 214)
    e_auth = ev("warning", 'can\'t authenticate client {[],<<"<*>">>} from <*> due to <*>',
                "vmq_mqtt_fsm", "check_user", 596)
    e_abn = ev("warning", "session stopped abnormally due to '<*>'", "vmq_ranch", "teardown", 123)
    e_app = ev("info", "Application <*> started on node '%s'" % NODE)
    e_ranch = ev("error", "Ranch listener {{<*>},<*>} had connection process started with "
                 "vmq_ranch:start_link/4 at <*> exit with reason: <*>")
    e_crash = ev("error", "CRASH REPORT Process <*> with <*> neighbours crashed with reason: <*>")
    e_gens = ev("error", "gen_server <*> terminated with reason: <*>")
    e_up = ev("info", "cluster node '<*>' UP", "vmq_cluster_mon", "handle_info", 88)
    e_dn = ev("warning", "cluster node '<*>' DOWN", "vmq_cluster_mon", "handle_info", 95)
    e_conn = ev("warning", "can't connect to cluster node '<*>' due to <*>", "vmq_cluster_node", "connect", 247)
    e_q = ev("warning", 'offline queue for subscriber {[],<<"<*>">>} is full, dropped <*> messages',
             "vmq_queue", "offline", 591)
    e_hook = ev("error", 'calling endpoint <<"<*>">> for hook <*> failed due to <*>',
                "vmq_webhooks", "call_endpoint", 427)
    e_pst = ev("info", "plugin <*> started", "vmq_plugin_mgr", "start_plugin", 612)
    e_psp = ev("info", "plugin <*> stopped", "vmq_plugin_mgr", "stop_plugin", 648)

    CID_PATTERNS = ["sensor-%04d", "gw-%s", "mqttjs_%s", "paho%d", "truck-%03d-telemetry"]
    USERS = ["fleet01", "meter-svc", "iot-gw", "tenant42", "ha-bridge"]
    PEERS = ["VerneMQ@10.0.4.22", "VerneMQ@10.0.4.23", "VerneMQ@10.0.4.24"]

    def client_id(k):
        p = s.cy((k, "cidpat"), CID_PATTERNS)
        if "%s" in p:
            return p % hexid(r, 6 if p.startswith("gw") else 8)
        if p.startswith("paho"):
            return p % r.randint(10 ** 11, 10 ** 12 - 1)
        return p % r.randint(1, 1800 if "sensor" in p else 240)

    def pid():
        return r.randint(900, 48000)

    def gen(e, ns):
        k = e.eid
        hm = {"pid": pid()}
        if e is e_ka:
            mod = s.cy((k, "mod"), ["vmq_mqtt_fsm", "vmq_mqtt5_fsm"])
            hm["loc"] = (mod, "connected", 214 if mod == "vmq_mqtt_fsm" else 306)
            return [client_id(k), s.cy((k, "user"), USERS)], hm
        if e is e_auth:
            return [client_id(k), "10.8.%d.%d:%d" % (r.randint(0, 15), r.randint(2, 254), r.randint(32768, 60999)),
                    s.cy((k, "why"), ["invalid_credentials", "not_authorized", "no_matching_hook_found",
                                      "{error,invalid_credentials}"])], hm
        if e is e_abn:
            return [s.cy((k, "why"), ["msg_size_exceeded", "protocol_violation", "{error,closed}",
                                      "unexpected_frame_type", "invalid_topic"])], hm
        if e is e_app:
            hm["pid"] = r.randint(40, 420)
            return [s.cy((k, "app"), ["vmq_server", "vmq_webhooks", "vmq_acl", "vmq_passwd",
                                      "vmq_diversity", "vmq_swc"])], hm
        if e is e_ranch:
            ipt, port = s.cy((k, "lst"), [("0,0,0,0", "1883"), ("10,0,4,21", "8883"), ("0,0,0,0", "8080")])
            return [ipt, port, "<0.%d.0>" % pid(), s.cy((k, "why"), [
                "{{badmatch,{error,closed}},[{vmq_ranch,handle_message,2,[{file,\"vmq_ranch.erl\"},{line,183}]}]}",
                "{timeout,{gen_server,call,[vmq_reg_sync,{sync,reg}]}}",
                "{{case_clause,{error,einval}},[{vmq_ranch,loop_,1,[{file,\"vmq_ranch.erl\"},{line,147}]}]}",
                "noproc"])], hm
        if e is e_crash:
            return ["<0.%d.0>" % pid(), s.cy((k, "nb"), ["0", "1", "0"]), s.cy((k, "why"), [
                "no match of right hand value {error,timeout} in vmq_swc_store:handle_call/3 line 412",
                "bad argument in call to ets:lookup(vmq_subscriber_db, {[],<<\"gw-3fa91c\">>}) in vmq_reg:get_session_pids/1 line 905",
                "no function clause matching vmq_queue:offline({enqueue,[]}, undefined) line 588",
                "call to undefined function vmq_diversity_script:call_function/4 from vmq_diversity_plugin:all_till_ok/3 line 761"])], hm
        if e is e_gens:
            return [s.cy((k, "srv"), ["vmq_swc_store_meta3", "vmq_cluster_node_sup", "vmq_reg_sync",
                                      "vmq_webhooks_cache"]),
                    s.cy((k, "why"), ["no case clause matching {error,timeout} in vmq_swc_store:handle_call/3 line 418",
                                      "{timeout,{gen_server,call,[vmq_swc_store_meta5,get]}}",
                                      "killed", "shutdown"])], hm
        if e in (e_up, e_dn):
            return [s.cy((k, "node"), PEERS)], hm
        if e is e_conn:
            return [s.cy((k, "node"), PEERS), s.cy((k, "why"), ["{error,econnrefused}", "{error,timeout}",
                                                                "{error,ehostunreach}"])], hm
        if e is e_q:
            return [client_id(k), r.choice([1, 1, 2, 5, 17, 64, 250, 1000])], hm
        if e is e_hook:
            hook = s.cy((k, "hook"), ["auth_on_register", "auth_on_publish", "auth_on_subscribe", "on_client_offline"])
            url = s.cy((k, "url"), ["http://authz.iot.internal:8080/mqtt/hooks",
                                    "http://10.0.7.14:9000/vmq/%s" % hook.replace("_", "-")])
            return [url, hook, s.cy((k, "why"), ["{error,timeout}", "{error,econnrefused}",
                                                 "{ok,500,<<\"internal error\">>}", "{error,{closed,\"The connection was lost.\"}}"])], hm
        if e in (e_pst, e_psp):
            hm["pid"] = r.randint(300, 900)
            return [s.cy((k, "plug"), ["vmq_webhooks", "vmq_diversity", "vmq_bridge", "vmq_acl", "vmq_passwd"])], hm
        raise AssertionError(e.template)

    plan = [(e_ka, 90), (e_auth, 40), (e_abn, 25), (e_app, 12), (e_ranch, 15), (e_crash, 8),
            (e_gens, 6), (e_up, 5), (e_dn, 5), (e_conn, 20), (e_q, 30), (e_hook, 30),
            (e_pst, 7), (e_psp, 7)]
    run_shuffle(s, plan, (14 * 3600 + 20 * 60 + 55) * S + 12 * MS, 6.5, gen)
    return s


# --------------------------------------------------------------------------
# 6. Ds389Access (simulation: LDAP client connections)
# --------------------------------------------------------------------------

def build_ds389():
    s = System(6, "Ds389Access", "simulation")
    r = s.rng

    def header(ns, e, hm):
        h, m, sec, frac = clock(ns)
        return "[%02d/%s/%04d:%02d:%02d:%02d.%09d +0000] " % (
            DAY, MONTHS[MONTH - 1], YEAR, h, m, sec, frac)
    s.header_fn = header
    s.header_re = re.compile(
        r"\[\d{2}/(?:%s)/\d{4}:(?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2})\.(?P<f>\d{9}) \+0000\] "
        % "|".join(MONTHS))
    s.ts_key = lambda m: frac_key(m["h"], m["m"], m["s"], m["f"])

    e_conn = s.ev("conn=<*> fd=<*> slot=<*> connection from <*> to <*>")
    e_ssl = s.ev("conn=<*> fd=<*> slot=<*> SSL connection from <*> to <*>")
    e_tls = s.ev("conn=<*> <*> 256-bit AES-GCM")
    e_bind = s.ev('conn=<*> op=<*> BIND dn="<*>" method=128 version=3')
    e_bok = s.ev('conn=<*> op=<*> RESULT err=0 tag=97 nentries=0 wtime=<*> optime=<*> etime=<*> dn="<*>"')
    e_bfail = s.ev("conn=<*> op=<*> RESULT err=49 tag=97 nentries=0 wtime=<*> optime=<*> etime=<*> "
                   "- Invalid credentials")
    e_srch = s.ev('conn=<*> op=<*> SRCH base="<*>" scope=<*> filter="<*>" attrs="<*>"')
    e_srch_all = s.ev('conn=<*> op=<*> SRCH base="<*>" scope=<*> filter="<*>" attrs=ALL')
    e_res = s.ev("conn=<*> op=<*> RESULT err=0 tag=101 nentries=<*> wtime=<*> optime=<*> etime=<*>")
    e_res_u = s.ev('conn=<*> op=<*> RESULT err=0 tag=101 nentries=<*> wtime=<*> optime=<*> etime=<*> '
                   'notes=U details="Partially Unindexed Filter"')
    e_mod = s.ev('conn=<*> op=<*> MOD dn="<*>"')
    e_rmod = s.ev("conn=<*> op=<*> RESULT err=0 tag=103 nentries=0 wtime=<*> optime=<*> etime=<*> csn=<*>")
    e_unbind = s.ev("conn=<*> op=<*> UNBIND")
    e_close = s.ev("conn=<*> op=<*> fd=<*> closed - U1")
    e_idle = s.ev("conn=<*> op=-1 fd=<*> closed - T1")

    SUFFIX = "dc=corp,dc=example"
    PEOPLE = "ou=People," + SUFFIX
    GROUPS = "ou=Groups," + SUFFIX
    USERS = ["jdoe", "asmith", "mkowalski", "lnguyen", "rpatel", "tbauer", "cmartin",
             "ehansen", "ysato", "dokafor", "fgarcia", "kmueller"]
    SERVER_IPS = ["10.20.0.5", "10.20.0.5", "10.20.0.6"]
    IDLE_TIMEOUT = 45
    csn_seq = {}
    conn_no = [41873]

    def user():
        return s.cy(("user",), USERS)

    def times(lo, hi):
        w = r.uniform(0.000031, 0.00042)
        o = r.uniform(lo, hi)
        e = w + o + r.uniform(0.000004, 0.00003)
        return "%.9f" % w, "%.9f" % o, "%.9f" % e, e

    def csn(ns):
        sec = DAY_EPOCH + ns // S
        n = csn_seq.get(sec, 0)
        csn_seq[sec] = n + 1
        return "%08x%04x%04x%04x" % (sec, n, 1, 0)

    def connection(start, profile):
        out = []
        c = conn_no[0]
        conn_no[0] += 1
        fd = r.randint(64, 139)
        t = start
        if profile == "admin":
            src, dst, ssl = "127.0.0.1", "127.0.0.1", False
        else:
            src = s.cy((profile, "ip"), {
                "sssd": ["10.20.4.31", "10.20.4.32", "10.20.7.115", "10.20.7.116"],
                "portal": ["10.20.9.6", "10.20.9.7"],
                "auth": ["192.168.40.12", "10.20.3.50", "192.168.40.13"]}[profile])
            dst = s.cy(("dst",), SERVER_IPS)
            ssl = r.random() < {"sssd": 0.55, "portal": 0.2, "auth": 0.45}[profile]
        out.append((t, e_ssl if ssl else e_conn, [c, fd, fd, src, dst], None))
        if ssl:
            t += r.randint(900 * US, 4200 * US)
            out.append((t, e_tls, [c, s.cy(("tls",), ["TLS1.3", "TLS1.2", "TLS1.3"])], None))
        op = 0
        think = {"sssd": 0.004, "portal": 0.035, "auth": 0.012, "admin": 0.6}[profile]

        def step():
            return int((r.expovariate(1 / think) + 0.0002) * S)

        t += r.randint(150 * US, 2500 * US)
        if profile == "sssd":
            bdn = "uid=sssd-bind,ou=Services," + SUFFIX
        elif profile == "portal":
            bdn = "uid=svc-portal,ou=Services," + SUFFIX
        elif profile == "admin":
            bdn = "cn=Directory Manager"
        else:
            bdn = "uid=svc-sso,ou=Services," + SUFFIX

        def bind(t, op, dn, can_fail):
            out.append((t, e_bind, [c, op, dn], None))
            fail = can_fail and r.random() < 0.45
            w, o, e, el = times(0.00009, 0.012 if can_fail else 0.0004)
            t += int(el * S)
            if fail:
                out.append((t, e_bfail, [c, op, w, o, e], None))
            else:
                out.append((t, e_bok, [c, op, w, o, e, dn.lower()], None))
            return t, fail

        t, fail = bind(t, op, bdn, False)
        op += 1
        searches = []
        if profile == "sssd":
            for _ in range(r.randint(1, 9)):
                u = user()
                kind = r.random()
                if kind < 0.5:
                    searches.append((SUFFIX, 2, "(&(uid=%s)(objectclass=posixAccount)(uid=*)"
                                     "(&(uidNumber=*)(!(uidNumber=0))))" % u,
                                     "objectClass uid userPassword uidNumber gidNumber gecos "
                                     "homeDirectory loginShell memberOf", False, 1))
                elif kind < 0.85:
                    searches.append((GROUPS, 2, "(&(member=uid=%s,%s)(objectClass=groupOfNames)"
                                     "(cn=*)(&(gidNumber=*)(!(gidNumber=0))))" % (u, PEOPLE),
                                     "objectClass cn gidNumber member", False, r.randint(0, 7)))
                else:
                    searches.append((SUFFIX, 2, "(&(objectClass=sudoRole)(|(sudoUser=%s)(sudoUser=ALL)))" % u,
                                     "objectClass cn sudoCommand sudoHost sudoUser sudoOption",
                                     r.random() < 0.35, r.randint(0, 3)))
        elif profile == "portal":
            for _ in range(r.randint(1, 5)):
                u = user()
                kind = r.random()
                if kind < 0.6:
                    searches.append((PEOPLE, 1, "(mail=%s@corp.example)" % u, None, False, 1))
                elif kind < 0.8:
                    q = s.cy(("portal", "q"), ["smi", "ann", "kow", "tech", "ops"])
                    searches.append((PEOPLE, 2, "(|(cn=*%s*)(displayName=*%s*))" % (q, q),
                                     "cn mail telephoneNumber title", True, r.randint(0, 14)))
                else:
                    searches.append(("uid=%s,%s" % (u, PEOPLE), 0, "(objectClass=*)", None, False, 1))
        elif profile == "auth":
            # pooled SSO connection: per login, look the user up and bind as the user
            # to check the password; rebind as the service account between logins
            for n in range(r.choice([1, 2, 2, 3])):
                if n:
                    t += step()
                    t, _ = bind(t, op, bdn, False)
                    op += 1
                u = user()
                udn = "uid=%s,%s" % (u, PEOPLE)
                t += step()
                out.append((t, e_srch, [c, op, PEOPLE, 2, "(uid=%s)" % u, "dn"], None))
                w, o, e, el = times(0.00006, 0.0009)
                t += int(el * S)
                out.append((t, e_res, [c, op, 1, w, o, e], None))
                op += 1
                t += step()
                t, fail = bind(t, op, udn, True)
                op += 1
                if not fail:
                    t += step()
                    out.append((t, e_srch, [c, op, udn, 0, "(objectClass=*)",
                                            "memberOf nsAccountLock passwordExpirationTime"], None))
                    w, o, e, el = times(0.00006, 0.0009)
                    t += int(el * S)
                    out.append((t, e_res, [c, op, 1, w, o, e], None))
                    op += 1
        else:
            for _ in range(r.randint(1, 3)):
                searches.append(("cn=config", 2, s.cy(("admin", "f"), [
                    "(objectClass=nsBackendInstance)", "(cn=userRoot)", "(objectClass=nsds5Replica)"]),
                    None, False, r.randint(1, 3)))
            searches.append((SUFFIX, 2, "(description=*contractor*)", "uid cn description", True,
                             r.randint(0, 40)))
        for base, scope, filt, attrs, unidx, nent in searches:
            t += step()
            if attrs is None:
                out.append((t, e_srch_all, [c, op, base, scope, filt], None))
            else:
                out.append((t, e_srch, [c, op, base, scope, filt, attrs], None))
            w, o, e, el = times(0.04, 1.9) if unidx else times(0.00006, 0.0011)
            t += int(el * S)
            out.append((t, e_res_u if unidx else e_res, [c, op, nent, w, o, e], None))
            op += 1
        nmods = 0
        if profile == "portal" and r.random() < 0.5:
            nmods = r.randint(1, 2)
        elif profile == "admin":
            nmods = r.randint(0, 2)
        for _ in range(nmods):
            t += step()
            dn = ("uid=%s,%s" % (user(), PEOPLE)) if profile == "portal" else \
                s.cy(("admin", "mod"), ["cn=config", "cn=Password Policy,cn=config",
                                        "cn=userRoot,cn=ldbm database,cn=plugins,cn=config"])
            out.append((t, e_mod, [c, op, dn], None))
            w, o, e, el = times(0.0008, 0.009)
            t += int(el * S)
            out.append((t, e_rmod, [c, op, w, o, e, csn(t)], None))
            op += 1
        if profile == "sssd" and r.random() < 0.45:
            t += IDLE_TIMEOUT * S + r.randint(5, 900) * MS
            out.append((t, e_idle, [c, fd], None))
        else:
            t += step()
            out.append((t, e_unbind, [c, op], None))
            t += r.randint(30 * US, 400 * US)
            out.append((t, e_close, [c, op, fd], None))
        return out

    streams = []
    t = (9 * 3600 + 47 * 60 + 2) * S + 140_558_912
    for i in range(90):
        prof = r.choices(["sssd", "portal", "auth", "admin"], [0.33, 0.22, 0.37, 0.08])[0]
        streams.append(connection(t, prof))
        t += int(r.expovariate(1 / 8.0) * S) + r.randint(1, 999)
    run_simulation(s, streams)
    return s


# --------------------------------------------------------------------------
# writing and self-check
# --------------------------------------------------------------------------

def write(sysm):
    d = os.path.join(HERE, sysm.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, sysm.name + ".log"), "w", encoding="utf-8", newline="") as f:
        for _ns, header, content, _e in sysm.records:
            f.write(header + content + "\n")
    with open(os.path.join(d, sysm.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CSV_HEADER)
        for i, (_ns, _h, content, e) in enumerate(sysm.records, 1):
            w.writerow([i, content, e.name, e.template])


def template_regex(t):
    return re.compile("".join("(.+?)" if p == "<*>" else re.escape(p)
                              for p in re.split(r"(<\*>)", t) if p != ""))


def check(sysm):
    errs = []
    d = os.path.join(HERE, sysm.name)
    logp = os.path.join(d, sysm.name + ".log")
    csvp = os.path.join(d, sysm.name + ".log_structured.csv")
    for p in (logp, csvp):
        with open(p, "rb") as f:
            b = f.read()
        if not b.endswith(b"\n"):
            errs.append("%s does not end with newline" % p)
        if b"\r" in b:
            errs.append("%s contains CR" % p)
    with open(logp, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines[-1] != "":
        errs.append("log last line unterminated")
    lines = lines[:-1]
    with open(csvp, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != CSV_HEADER:
        errs.append("bad csv header %r" % rows[0])
    rows = rows[1:]
    if len(lines) != N_LINES or len(rows) != N_LINES:
        errs.append("counts: %d lines, %d rows" % (len(lines), len(rows)))
    declared = dict((e.name, e.template) for e in sysm.events)
    seen_tpl = {}
    counts = {}
    captures = {}
    regexes = {}
    prev = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty or unstripped" % i)
        if not line.endswith(content):
            errs.append("row %d raw line does not end with content" % i)
            continue
        head = line[:len(line) - len(content)]
        m = sysm.header_re.fullmatch(head)
        if not m:
            errs.append("row %d header %r does not match" % (i, head))
        else:
            key = sysm.ts_key(m)
            if prev is not None and key < prev:
                errs.append("row %d timestamp goes back" % i)
            prev = key
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %r" % (i, eid))
        if seen_tpl.setdefault(eid, tpl) != tpl:
            errs.append("%s has two templates" % eid)
        if declared.get(eid) != tpl:
            errs.append("row %d: %s template differs from declaration" % (i, eid))
        counts[eid] = counts.get(eid, 0) + 1
        rx = regexes.get(tpl)
        if rx is None:
            rx = regexes[tpl] = template_regex(tpl)
        mm = rx.fullmatch(content)
        if not mm:
            errs.append("row %d content does not match its template" % i)
            continue
        caps = captures.setdefault(eid, [set() for _ in mm.groups()])
        for j, g in enumerate(mm.groups()):
            caps[j].add(g)
    if len(set(seen_tpl.values())) != len(seen_tpl):
        errs.append("two EventIds share a template")
    if set(declared.values()).__len__() != len(declared):
        errs.append("declared templates not distinct")
    unused = [k for k in declared if k not in counts]
    if unused:
        errs.append("declared but unused: %s" % unused)
    for eid, caps in captures.items():
        for j, vals in enumerate(caps):
            if len(vals) < 2:
                errs.append("%s slot %d takes a single value %r" % (eid, j + 1, sorted(vals)))
    c = list(counts.values())
    if not 12 <= len(declared) <= 15:
        errs.append("%d event types" % len(declared))
    if min(c) < 3:
        errs.append("an event has fewer than 3 lines: %s" % counts)
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines: %s" % sorted(c))
    med = statistics.median(c)
    if max(c) < 3 * med:
        errs.append("largest %d < 3 x median %s" % (max(c), med))
    return errs, counts


def main():
    builders = [build_corosync, build_ptp4l, build_milvus, build_qdrant, build_vernemq, build_ds389]
    failed = False
    for b in builders:
        sysm = b()
        write(sysm)
        errs, counts = check(sysm)
        c = sorted(counts.values())
        first, last = sysm.records[0][0], sysm.records[-1][0]
        print("%d %-12s %-10s lines=%d events=%d counts min=%d median=%s max=%d span=%s..%s%s" % (
            sysm.k, sysm.name, sysm.kind, len(sysm.records), len(sysm.events), c[0],
            statistics.median(c), c[-1], hms(first), hms(last),
            "  [" + sysm.note + "]" if sysm.note else ""))
        print("    per event: " + " ".join("%s=%d" % (e.name, counts.get(e.name, 0)) for e in sysm.events))
        for e in errs:
            failed = True
            print("    FAIL: " + e)
    if failed:
        print("SELF-CHECK FAILED")
        sys.exit(1)
    print("SELF-CHECK PASSED")


if __name__ == "__main__":
    main()
