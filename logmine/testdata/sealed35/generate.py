#!/usr/bin/env python3
"""Sealed 35 -- blind labelled log corpus generator.

Python 3 standard library only and fully deterministic: no wall clock, no
locale.  Base seed 20270129; system number k (1..6) uses
random.Random(20270129 * 10 + k).  Time is an integer nanosecond clock counted
from 2026-03-14 00:00:00 UTC.

Running this script writes <System>/<System>.log and
<System>/<System>.log_structured.csv for every system, then self-checks them
and prints a per-system summary.
"""
import csv
import datetime
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270129
OUT_DIR = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
YEAR, MONTH, DAY = 2026, 3, 14
_DATE = datetime.date(YEAR, MONTH, DAY)
WEEKDAY = WEEKDAYS[_DATE.weekday()]
EPOCH_DAY_NS = (_DATE.toordinal() - datetime.date(1970, 1, 1).toordinal()) * 86400 * 10**9

US = 1000
MS = 1000 * US
SEC = 1000 * MS
MIN = 60 * SEC
HOUR = 60 * MIN
DAY_NS = 24 * HOUR


def split_clock(t):
    """t: ns since 2026-03-14 00:00 UTC -> (h, m, s, ns within second)."""
    assert 0 <= t < DAY_NS, "clock left the day: %d" % t
    s = t // SEC
    return s // 3600, (s // 60) % 60, s % 60, t % SEC


def iso_date():
    return "%04d-%02d-%02d" % (YEAR, MONTH, DAY)


def fill(template, vals):
    parts = template.split("<*>")
    assert len(parts) - 1 == len(vals), (template, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        out.append(v)
        out.append(p)
    return "".join(out)


class System:
    name = ""
    k = 0
    EVENTS = []          # list of (key, template), declaration order = EventId order
    HEADER_RE = r""      # must contain a named group "ts"
    MODE = ""

    def __init__(self):
        self.rng = random.Random(BASE_SEED * 10 + self.k)
        self.cyc_state = {}
        self.templates = dict(self.EVENTS)
        self.eid = {key: "E%d" % (i + 1) for i, (key, _) in enumerate(self.EVENTS)}
        self.header_re = re.compile(self.HEADER_RE)

    # ---- value helpers -------------------------------------------------
    def cyc(self, ev, slot, pool):
        """Cycle through a small pool per (event, slot)."""
        key = (ev, slot)
        i = self.cyc_state.get(key, 0)
        self.cyc_state[key] = i + 1
        return pool[i % len(pool)]

    def hexs(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def uuid(self):
        return "-".join(self.hexs(n) for n in (8, 4, 4, 4, 12))

    def ip(self, prefix="10"):
        if prefix == "10":
            return "10.%d.%d.%d" % (self.rng.randint(0, 60), self.rng.randint(0, 254),
                                    self.rng.randint(2, 254))
        return "%s.%d" % (prefix, self.rng.randint(2, 254))

    def port(self):
        return self.rng.randint(32768, 60999)

    def gap(self, mean_ns):
        return int(self.rng.expovariate(1.0 / mean_ns)) + 1

    def rec(self, t, ev, vals, **hdr):
        assert ev in self.templates, ev
        return {"t": int(t), "ev": ev, "vals": [str(v) for v in vals], "hdr": hdr}

    # ---- rendering -----------------------------------------------------
    def header(self, r):
        raise NotImplementedError

    def ts_key(self, ts):
        return ts

    def build(self):
        raise NotImplementedError

    def render(self):
        recs = self.build()
        assert len(recs) == N_LINES, (self.name, len(recs))
        lines, rows = [], []
        for i, r in enumerate(recs, 1):
            content = fill(self.templates[r["ev"]], r["vals"])
            lines.append(self.header(r) + content)
            rows.append([str(i), content, self.eid[r["ev"]], self.templates[r["ev"]]])
        return lines, rows

    # ---- shuffle helper ------------------------------------------------
    def shuffle_stamp(self, units, start, mean_gap, intra=(1 * MS, 40 * MS)):
        """units: list of lists of (ev, vals, hdr-dict), or callables t -> such a
        list (for counters that must grow with time). Shuffled, then stamped by a
        forward-only clock with exponential gaps between units."""
        self.rng.shuffle(units)
        out = []
        t = start
        for unit in units:
            t += self.gap(mean_gap)
            if callable(unit):
                unit = unit(t)
            for j, (ev, vals, hdr) in enumerate(unit):
                if j:
                    t += self.rng.randint(*intra)
                out.append(self.rec(t, ev, vals, **hdr))
        return out[:N_LINES]


# =========================================================================
# 1. RocketMQ broker.log  (simulation: client channels)
# =========================================================================
class RocketMQ(System):
    name = "RocketMQ"
    k = 1
    MODE = "simulation"
    CHINFO = ("ClientChannelInfo [channel=[id: <*>, L:/<*> - R:/<*>], clientId=<*>, "
              "language=<*>, version=<*>, lastUpdateTimestamp=<*>]")
    EVENTS = [
        ("registered", "NETTY SERVER PIPELINE: channelRegistered <*>"),
        ("active", "NETTY SERVER PIPELINE: channelActive, the channel[<*>]"),
        ("consumer_new", "new consumer connected, group: <*> <*> <*> channel: " + CHINFO),
        ("producer_new", "new producer connected, group: <*> channel: " + CHINFO),
        ("sub_missing", "the consumer's subscription not exist, group: <*>, topic:<*>"),
        ("inactive", "NETTY SERVER PIPELINE: channelInactive, the channel[<*>]"),
        ("unregistered", "NETTY SERVER PIPELINE: channelUnregistered, the channel[<*>]"),
        ("close", "closeChannel: close the connection to remote address[<*>] result: <*>"),
        ("group_gone", "unregister consumer ok, no any connection, and remove consumer group, <*>"),
        ("expired", "SCAN: remove expired channel from ConsumerManager consumerTable. "
                    "channel=[id: <*>, L:/<*> - R:/<*>], consumerGroup=<*>"),
        ("exception", "NETTY SERVER PIPELINE: exceptionCaught <*>"),
        ("dispatch", "dispatch behind commit log <*> bytes"),
        ("slave", "Slave fall behind master: <*> bytes"),
        ("ns_register", "register broker[0]to name server <*> OK"),
        ("topic_new", "create new topic TopicConfig [topicName=<*>, readQueueNums=<*>, "
                      "writeQueueNums=<*>, perm=RW-, topicFilterType=SINGLE_TAG, "
                      "topicSysFlag=0, order=false]"),
    ]
    HEADER_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) (?:INFO|WARN|ERROR|DEBUG) "
                 r"[A-Za-z][A-Za-z0-9_]* - ")
    TZ_SHIFT = 8 * HOUR  # logback pattern prints GMT+8

    CONSUMER_GROUPS = ["GID_order_sync", "CID_payment_notify", "risk_eval_consumer",
                       "please_rename_unique_group_name_4", "GID_inventory_delta",
                       "cg_settlement_batch"]
    PRODUCER_GROUPS = ["PID_order_center", "GID_coupon_sender", "trade_producer_grp",
                       "pg_logistics_track"]
    TOPICS = ["TopicOrderCreated", "pay_result_notify", "inventory-delta", "coupon_issue",
              "TRACK_EVENT_V2", "settle_batch_done"]

    def header(self, r):
        h, m, s, _ = split_clock(r["t"] + self.TZ_SHIFT)
        return "%s %02d:%02d:%02d %s %s - " % (iso_date(), h, m, s, r["hdr"]["level"],
                                               r["hdr"]["thread"])

    def chinfo(self, ev, ch):
        t = ch["t0"]
        return [ch["id"], self.cyc(ev, "L", ["10.20.0.11:10911", "10.20.0.11:10909"]),
                ch["addr"], ch["client_id"], ch["lang"], ch["ver"],
                (EPOCH_DAY_NS + t) // MS]

    def build(self):
        rng = self.rng
        recs = []
        start = 1 * HOUR + 27 * MIN + 13 * SEC + 418 * MS
        end = start + 22 * MIN
        # ---- client channels --------------------------------------------
        t = start
        seen_groups = {}
        while t < end:
            t += self.gap(11 * SEC)
            cip = self.ip("10")
            ch = {"addr": "%s:%d" % (cip, self.port()), "id": "0x" + self.hexs(8), "t0": t,
                  "client_id": "%s@%d" % (cip, rng.randint(1200, 65000)),
                  "lang": self.cyc("chan", "lang", ["JAVA", "JAVA", "CPP", "GO", "JAVA", "PYTHON"]),
                  "ver": self.cyc("chan", "ver", [399, 413, 435, 399, 373])}
            codec = "NettyServerCodecThread_%d" % rng.randint(1, 8)
            tt = t
            recs.append(self.rec(tt, "registered", [ch["addr"]], level="INFO", thread=codec))
            tt += rng.randint(1, 3) * MS
            recs.append(self.rec(tt, "active", [ch["addr"]], level="INFO", thread=codec))
            tt += rng.randint(20, 900) * MS
            ch["t0"] = tt
            consumer = rng.random() < 0.6
            if consumer:
                grp = self.cyc("chan", "cgroup", self.CONSUMER_GROUPS)
                seen_groups[grp] = seen_groups.get(grp, 0) + 1
                vals = [grp, self.cyc("consumer_new", "ctype",
                                      ["CONSUME_PASSIVELY", "CONSUME_PASSIVELY", "CONSUME_ACTIVELY"]),
                        self.cyc("consumer_new", "model", ["CLUSTERING", "CLUSTERING", "BROADCASTING"])]
                recs.append(self.rec(tt, "consumer_new", vals + self.chinfo("consumer_new", ch),
                                     level="INFO", thread="ClientManageThread_%d" % rng.randint(1, 4)))
                if rng.random() < 0.18:
                    tt += rng.randint(200, 4000) * MS
                    recs.append(self.rec(tt, "sub_missing", [grp, rng.choice(self.TOPICS)],
                                         level="WARN",
                                         thread="PullMessageThread_%d" % rng.randint(1, 16)))
            else:
                grp = self.cyc("chan", "pgroup", self.PRODUCER_GROUPS)
                recs.append(self.rec(tt, "producer_new", [grp] + self.chinfo("producer_new", ch),
                                     level="INFO", thread="ClientManageThread_%d" % rng.randint(1, 4)))
                if rng.random() < 0.12:
                    tt += rng.randint(50, 3000) * MS
                    recs.append(self.rec(
                        tt, "topic_new",
                        ["%s_%s" % (rng.choice(["t", "evt", "biz"]), self.hexs(6)),
                         self.cyc("topic_new", "rq", [4, 8, 16]),
                         self.cyc("topic_new", "wq", [4, 8, 16])],
                        level="INFO", thread="SendMessageThread_%d" % rng.randint(1, 8)))
            tt += self.gap(95 * SEC) + 5 * SEC
            fate = rng.random()
            sel = "NettyServerNIOSelector_3_%d" % rng.randint(1, 3)
            if fate < 0.16:
                recs.append(self.rec(tt, "exception", [ch["addr"]], level="WARN", thread=sel))
                tt += rng.randint(0, 2) * MS
                recs.append(self.rec(tt, "close", [ch["addr"], self.cyc("close", "res",
                                                                        ["true", "true", "false"])],
                                     level="INFO", thread=sel))
                tt += rng.randint(1, 4) * MS
            elif fate < 0.30 and consumer:
                hk = "ClientHousekeepingScheduledThread1"
                recs.append(self.rec(tt, "expired",
                                     [ch["id"], self.cyc("expired", "L",
                                                         ["10.20.0.11:10911", "10.20.0.11:10909"]),
                                      ch["addr"], grp],
                                     level="WARN", thread=hk))
                tt += rng.randint(0, 3) * MS
                recs.append(self.rec(tt, "close", [ch["addr"], self.cyc("close", "res",
                                                                        ["true", "true", "false"])],
                                     level="INFO", thread=hk))
                tt += rng.randint(1, 4) * MS
            recs.append(self.rec(tt, "inactive", [ch["addr"]], level="INFO", thread=codec))
            tt += rng.randint(0, 2) * MS
            recs.append(self.rec(tt, "unregistered", [ch["addr"]], level="INFO", thread=codec))
            if consumer and rng.random() < 0.3:
                tt += rng.randint(1, 6) * MS
                recs.append(self.rec(tt, "group_gone", [grp], level="INFO",
                                     thread="NettyEventExecutor"))
        # ---- broker background tasks ------------------------------------
        tb = start + 7 * SEC + 120 * MS
        while tb < end + 5 * MIN:
            recs.append(self.rec(tb, "ns_register",
                                 [self.cyc("ns_register", "ns", ["10.20.0.5:9876", "10.20.0.6:9876"])],
                                 level="INFO", thread="brokerOutApi_thread_%d" % rng.randint(1, 2)))
            tb += 30 * SEC + rng.randint(0, 40) * MS
        tb = start + 41 * SEC + 3 * MS
        while tb < end + 5 * MIN:
            recs.append(self.rec(tb, "dispatch",
                                 [rng.choice([0, 0, 0, 0, rng.randint(200, 90000)])],
                                 level="INFO", thread="BrokerControllerScheduledThread1"))
            recs.append(self.rec(tb + rng.randint(0, 2) * MS, "slave",
                                 [rng.choice([0, 0, 0, rng.randint(1024, 4 * 1024 * 1024)])],
                                 level="INFO", thread="BrokerControllerScheduledThread1"))
            tb += 60 * SEC + rng.randint(0, 30) * MS
        recs.sort(key=lambda r: r["t"])  # stable: per-entity order kept
        return recs[:N_LINES]


# =========================================================================
# 2. QuestDB server log  (simulation: HTTP / PGWire / ILP connections)
# =========================================================================
class QuestDB(System):
    name = "QuestDB"
    k = 2
    MODE = "simulation"
    EVENTS = [
        ("connected", "connected [ip=<*>, fd=<*>]"),
        ("disconnected", "disconnected [ip=<*>, fd=<*>, src=<*>]"),
        ("exec", "[<*>] exec [q='<*>']"),
        ("cache_miss", "miss [thread=<*>, sql=<*>]"),
        ("cache_hit", "hit [thread=<*>, sql=<*>]"),
        ("query_error", "[<*>] error [q=`<*>`, msg=`<*>`, errno=<*>]"),
        ("pg_parse", "parse [fd=<*>, q=<*>]"),
        ("pg_auth", "authentication failed [user=<*>, fd=<*>]"),
        ("writer_get", ">> [table=`<*>`, thread=<*>]"),
        ("writer_put", "<< [table=`<*>`, thread=<*>]"),
        ("wal_job", "job finished [table=<*>, seqTxn=<*>, transactions=<*>, rows=<*>, time=<*>, "
                    "rate=<*>, physicalWrittenRowsMultiplier=<*>]"),
        ("partition", "switched partition [path='<*>']"),
        ("reader_open", "open '<*>' [at=<*>]"),
        ("reader_closed", "closed '<*>' [at=<*>, reason=<*>]"),
    ]
    HEADER_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z) [DIEACX] "
                 r"[a-z][A-Za-z0-9_.\-]* ")

    TABLES = ["trades~3", "sensor_readings~7", "fx_quotes~12", "btc_orderbook~4",
              "telemetry_raw~15"]
    QUERIES = {
        "trades~3": ["select * from trades where symbol = 'BTC-USD' limit -100",
                     "select symbol, sum(amount) from trades sample by 1h",
                     "trades latest on timestamp partition by symbol"],
        "sensor_readings~7": ["select count() from sensor_readings",
                              "select device_id, avg(temp) from sensor_readings where ts > dateadd('h', -1, now())"],
        "fx_quotes~12": ["select avg(bid), max(ask) from fx_quotes sample by 1m",
                         "select * from fx_quotes where pair = 'EURUSD' order by ts desc limit 20"],
        "btc_orderbook~4": ["select price, size from btc_orderbook where side = 'ask' limit 50"],
        "telemetry_raw~15": ["SELECT ts, value FROM telemetry_raw LATEST ON ts PARTITION BY sensor",
                             "select min(ts), max(ts) from telemetry_raw"],
    }
    BAD_QUERIES = [
        ("select * from trade limit 10", "table does not exist [table=trade]", 0),
        ("select * from telemetry_raw", "timeout, query aborted [fd=-1]", -1),
        ("select prise from fx_quotes", "Invalid column: prise", 0),
        ("select count() from sensor_readings where", "unexpected token [where]", 0),
    ]
    PG_USERS = ["admin", "grafana", "etl_loader", "readonly"]

    def header(self, r):
        h, m, s, ns = split_clock(r["t"])
        return "%sT%02d:%02d:%02d.%06dZ %s %s " % (iso_date(), h, m, s, ns // US,
                                                   r["hdr"]["level"], r["hdr"]["logger"])

    def worker(self):
        return "questdb-worker-%d" % self.rng.randint(1, 8)

    def build(self):
        rng = self.rng
        recs = []
        start = 8 * HOUR + 3 * MIN + 51 * SEC + 227 * US
        end = start + 16 * MIN
        reader_open = {}
        seen_sql = set()
        fd_next = [41]

        def fd():
            fd_next[0] += rng.randint(1, 9)
            return fd_next[0]

        def reader(tt, table):
            if table not in reader_open:
                reader_open[table] = tt
                at = self.cyc("reader_open", "at", ["0:0", "0:1", "1:0"])
                recs.append(self.rec(tt, "reader_open", [table, at], level="I",
                                     logger="i.q.c.p.ReaderPool"))
                tc = tt + self.gap(150 * SEC) + 20 * SEC
                recs.append(self.rec(tc, "reader_closed",
                                     [table, at, self.cyc("reader_closed", "reason",
                                                          ["IDLE", "IDLE", "POOL_CLOSED"])],
                                     level="I", logger="i.q.c.p.ReaderPool"))
                reader_open[table] = tc

        t = start
        while t < end:
            t += self.gap(9 * SEC)
            kind = rng.choices(["http", "pg", "ilp"], [5, 3, 2])[0]
            cip = self.ip("10") if rng.random() < 0.7 else self.ip("172.18.0")
            f = fd()
            logger = {"http": "http-server", "pg": "pg-server", "ilp": "tcp-line-server"}[kind]
            tt = t
            recs.append(self.rec(tt, "connected", [cip, f], level="I", logger=logger))
            src = "queue"
            if kind == "http":
                for _ in range(rng.randint(1, 4)):
                    tt += rng.randint(2, 1800) * MS
                    if rng.random() < 0.12:
                        q, msg, errno = self.cyc("query_error", "bad", self.BAD_QUERIES)
                        recs.append(self.rec(tt, "exec", [f, q], level="I",
                                             logger="i.q.c.h.p.JsonQueryProcessorState"))
                        tt += rng.randint(1, 30) * MS
                        recs.append(self.rec(tt, "query_error", [f, q, msg, errno], level="E",
                                             logger="i.q.c.h.p.JsonQueryProcessorState"))
                        continue
                    table = rng.choice(self.TABLES)
                    q = rng.choice(self.QUERIES[table])
                    recs.append(self.rec(tt, "exec", [f, q], level="I",
                                         logger="i.q.c.h.p.JsonQueryProcessorState"))
                    tt += rng.randint(100, 900) * US
                    ev = "cache_hit" if q in seen_sql else "cache_miss"
                    seen_sql.add(q)
                    recs.append(self.rec(tt, ev, [self.worker(), q], level="I",
                                         logger="i.q.c.h.p.QueryCache"))
                    tt += rng.randint(100, 2000) * US
                    reader(tt, table)
                src = rng.choice(["queue", "queue", "peer"])
            elif kind == "pg":
                tt += rng.randint(5, 60) * MS
                if rng.random() < 0.25:
                    recs.append(self.rec(tt, "pg_auth", [self.cyc("pg_auth", "user", self.PG_USERS), f],
                                         level="E", logger="i.q.c.p.PGConnectionContext"))
                    src = "peer"
                else:
                    for _ in range(rng.randint(1, 5)):
                        tt += rng.randint(5, 4000) * MS
                        table = rng.choice(self.TABLES)
                        q = rng.choice(self.QUERIES[table])
                        recs.append(self.rec(tt, "pg_parse", [f, q], level="I",
                                             logger="i.q.c.p.PGConnectionContext"))
                        tt += rng.randint(100, 3000) * US
                        reader(tt, table)
                    src = rng.choice(["queue", "peer"])
            else:
                table = rng.choice(["trades~3", "sensor_readings~7", "telemetry_raw~15"])
                th = rng.randint(10, 30)
                tt += rng.randint(1, 40) * MS
                recs.append(self.rec(tt, "writer_get", [table, th], level="I",
                                     logger="i.q.c.p.WriterPool"))
                seq = rng.randint(1000, 90000)
                for _ in range(rng.randint(1, 6)):
                    tt += rng.randint(500, 20000) * MS
                    seq += rng.randint(1, 20)
                    tx = rng.randint(1, 40)
                    rows = tx * rng.randint(50, 5000)
                    ms = rng.randint(1, 180)
                    recs.append(self.rec(tt, "wal_job",
                                         [table, seq, tx, rows, "%dms" % ms,
                                          "%drows/s" % (rows * 1000 // ms),
                                          self.cyc("wal_job", "mult", ["1.00", "1.00", "1.32", "2.07"])],
                                         level="I", logger="i.q.c.w.ApplyWal2TableJob"))
                    if rng.random() < 0.2:
                        tt += rng.randint(1, 9) * MS
                        recs.append(self.rec(tt, "partition",
                                             ["/var/lib/questdb/db/%s/2026-03-14T%02d.%d" %
                                              (table, rng.randint(8, 9), seq)],
                                             level="I", logger="i.q.c.TableWriter"))
                tt += rng.randint(1, 200) * MS
                recs.append(self.rec(tt, "writer_put", [table, th], level="I",
                                     logger="i.q.c.p.WriterPool"))
                src = rng.choice(["peer", "queue"])
            tt += rng.randint(1, 90) * MS
            recs.append(self.rec(tt, "disconnected", [cip, f, src], level="I", logger=logger))
        recs.sort(key=lambda r: r["t"])
        return recs[:N_LINES]


# =========================================================================
# 3. RethinkDB log file  (seeded shuffle)
# =========================================================================
class RethinkDB(System):
    name = "RethinkDB"
    k = 3
    MODE = "shuffle"
    EVENTS = [
        ("peer_up", 'Connected to server "<*>" <*>'),
        ("peer_down", 'Disconnected from server "<*>" <*>'),
        ("attempt", "Attempting connection to <*> peers..."),
        ("connect_fail", "Failed to connect to peer <*>: <*>"),
        ("rejected", "Rejected a connection from server <*> since one is open already."),
        ("election", "Table <*>: Starting a new Raft election for term <*>."),
        ("leader", "Table <*>: This server is Raft leader for term <*>. Latest log index is <*>."),
        ("replica_add", "Table <*>: Added replica on this server."),
        ("replica_del", "Table <*>: Deleted replica from this server."),
        ("backfill_start", 'Table <*>: Starting backfill from server "<*>".'),
        ("backfill_done", 'Table <*>: Finished backfill from server "<*>" in <*>.'),
        ("renamed", 'Server renamed from "<*>" to "<*>".'),
        ("cache_warn", "Cache size does not leave much memory for server and query overhead "
                       "(available memory: <*>)."),
    ]
    COUNTS = {"peer_up": 20, "peer_down": 18, "attempt": 5, "connect_fail": 9, "rejected": 6,
              "election": 95, "leader": 60, "replica_add": 12, "replica_del": 10,
              "backfill_start": 30, "backfill_done": 28, "renamed": 3, "cache_warn": 4}
    LEVELS = {"peer_up": "info", "peer_down": "info", "attempt": "notice",
              "connect_fail": "warn", "rejected": "warn", "renamed": "notice",
              "cache_warn": "warn"}
    HEADER_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}) \d+\.\d{6}s "
                 r"(?:info|notice|warn|error|debug): ")
    BOOT = 3 * HOUR + 12 * MIN + 40 * SEC + 512337000

    def header(self, r):
        h, m, s, ns = split_clock(r["t"])
        up = r["t"] - self.BOOT
        return "%sT%02d:%02d:%02d.%09d %d.%06ds %s: " % (iso_date(), h, m, s, ns,
                                                        up // SEC, (up % SEC) // US,
                                                        r["hdr"]["level"])

    def build(self):
        rng = self.rng
        servers = [("rdb-east-%02d" % i, self.uuid()) for i in (1, 2, 3, 4, 5)]
        tables = [self.uuid() for _ in range(9)]
        terms = {tb: rng.randint(2, 40) for tb in tables}
        logidx = {tb: rng.randint(3, 900) for tb in tables}
        units = []

        def add(ev, vals):
            units.append([(ev, vals, {"level": self.LEVELS.get(ev, "info")})])

        for ev, n in self.COUNTS.items():
            for _ in range(n):
                if ev in ("peer_up", "peer_down"):
                    nm, uid = self.cyc(ev, "srv", servers)
                    add(ev, [nm, uid])
                elif ev == "attempt":
                    add(ev, [self.cyc(ev, "n", [4, 2, 3])])
                elif ev == "connect_fail":
                    add(ev, ["%s:29015" % self.ip("10.8.1"),
                             self.cyc(ev, "why", ["Connection refused", "Connection timed out",
                                                  "No route to host",
                                                  "handshake failed: cluster version mismatch"])])
                elif ev == "rejected":
                    add(ev, [self.cyc(ev, "srv", servers)[1]])
                elif ev == "election":
                    def unit(t, tb=rng.choice(tables)):
                        terms[tb] += 1
                        return [("election", [tb, terms[tb]], {"level": "info"})]
                    units.append(unit)
                elif ev == "leader":
                    def unit(t, tb=rng.choice(tables)):
                        terms[tb] += rng.randint(0, 1)
                        logidx[tb] += rng.randint(1, 400)
                        return [("leader", [tb, terms[tb], logidx[tb]], {"level": "info"})]
                    units.append(unit)
                elif ev in ("replica_add", "replica_del"):
                    add(ev, [rng.choice(tables)])
                elif ev == "backfill_start":
                    add(ev, [rng.choice(tables), self.cyc(ev, "srv", servers)[0]])
                elif ev == "backfill_done":
                    secs = rng.expovariate(1 / 40.0)
                    dur = "%.2fs" % secs if secs >= 1 else "%dms" % max(1, int(secs * 1000))
                    add(ev, [rng.choice(tables), self.cyc(ev, "srv", servers)[0], dur])
                elif ev == "renamed":
                    old, new = self.cyc(ev, "pair", [("rdb_a1b2c3", "rdb-east-06"),
                                                     ("ip-10-8-1-77", "rdb-east-07"),
                                                     ("rdb-east-06", "rdb-east-06b")])
                    add(ev, [old, new])
                elif ev == "cache_warn":
                    add(ev, [self.cyc(ev, "mem", ["812 MB", "1.1 GB", "645 MB"])])
        return self.shuffle_stamp(units, 6 * HOUR + 2 * MIN + 7 * SEC + 90210333, 55 * SEC)


# =========================================================================
# 4. Firebird firebird.log  (seeded shuffle of log entries)
# =========================================================================
class Firebird(System):
    name = "Firebird"
    k = 4
    MODE = "shuffle"
    EVENTS = [
        ("read_err", "INET/inet_error: read errno = <*>, client host = <*>, address = <*>, user = <*>"),
        ("send_err", "INET/inet_error: send errno = <*>, client host = <*>, address = <*>, user = <*>"),
        ("auth_err", "Authentication error"),
        ("no_plugin", "No matching plugins on server"),
        ("db_colon", "Database: <*>"),
        ("sweep_start", "Sweep is started by <*>"),
        ("db_quoted", 'Database "<*>"'),
        ("oit", "OIT <*>, OAT <*>, OST <*>, Next <*>"),
        ("sweep_done", "Sweep is finished"),
        ("shutdown", "Shutting down the server with <*> active connection(s) to <*> database(s), "
                     "<*> active service(s)"),
        ("guardian", "Guardian starting: /opt/firebird/bin/firebird"),
        ("io_open", 'I/O error during "open" operation for file "<*>"'),
        ("open_fail", "Error while trying to open file"),
        ("enoent", "No such file or directory"),
        ("modify_proc", "Modifying procedure <*> which is currently in use by active user requests"),
    ]
    HOST = "FBSRV-ACCT01"
    HEADER_RE = (r"[A-Za-z0-9_.\-]+\t(?P<ts>(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) "
                 r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 0-9]\d "
                 r"\d{2}:\d{2}:\d{2} \d{4})\t")
    DBS = ["/var/lib/firebird/data/acct2026.fdb", "/srv/firebird/wms.fdb",
           "/var/lib/firebird/data/hr_payroll.fdb", "/srv/firebird/crm_main.fdb"]

    def header(self, r):
        h, m, s, _ = split_clock(r["t"])
        return "%s\t%s %s %2d %02d:%02d:%02d %04d\t" % (self.HOST, WEEKDAY, MONTHS[MONTH - 1], DAY,
                                                        h, m, s, YEAR)

    def ts_key(self, ts):
        return ts.split()[3]

    def build(self):
        rng = self.rng
        hosts = ["WS-ACCT-07", "LAPTOP-K3M9QF", "TERMSRV02", "ws-logistics-14", "RDP-FIN-03",
                 "build-agent-2"]
        users = ["SYSDBA", "JDOE", "ACC_READER", "KLEE", "WMS_APP", "MPETROVA"]
        txn = {db: rng.randint(180000, 900000) for db in self.DBS}
        units = []

        def addr():
            return "%s/%d" % (self.ip("192.168.10"), self.port())

        def oit_vals(db):
            txn[db] += rng.randint(50, 4000)
            nxt = txn[db]
            ost = nxt - rng.randint(1, 30)
            oat = ost - rng.randint(0, 3)
            oit = oat - rng.randint(1, 900)
            return [oit, oat, ost, nxt]

        plan = {"read": 119, "send": 30, "auth": 8, "sweep_s": 12, "sweep_f": 12,
                "proc": 20, "io": 5, "shutdown": 4, "guardian": 4}
        for kind, n in plan.items():
            for _ in range(n):
                if kind == "read":
                    units.append([("read_err", [self.cyc("read_err", "errno", [104, 104, 110]),
                                                self.cyc("read_err", "host", hosts), addr(),
                                                self.cyc("read_err", "user", users)], {})])
                elif kind == "send":
                    units.append([("send_err", [self.cyc("send_err", "errno", [32, 104]),
                                                self.cyc("send_err", "host", hosts), addr(),
                                                self.cyc("send_err", "user", users)], {})])
                elif kind == "auth":
                    units.append([("auth_err", [], {}), ("no_plugin", [], {})])
                elif kind in ("sweep_s", "sweep_f"):
                    db = self.cyc(kind, "db", self.DBS)
                    first = (("sweep_start", [self.cyc("sweep_start", "by", ["SYSDBA", "SYSDBA", "ACC_ADMIN"])])
                             if kind == "sweep_s" else ("sweep_done", []))
                    units.append(lambda t, db=db, first=first:
                                 [(first[0], first[1], {}), ("db_quoted", [db], {}),
                                  ("oit", oit_vals(db), {})])
                elif kind == "proc":
                    units.append([("db_colon", [self.cyc("db_colon", "db", self.DBS)], {}),
                                  ("modify_proc", [self.cyc("modify_proc", "p",
                                                            ["SP_POST_INVOICE", "SP_RECALC_STOCK",
                                                             "GET_OPEN_ORDERS", "SP_CLOSE_PERIOD",
                                                             "PAYROLL_CALC"])], {})])
                elif kind == "io":
                    units.append([("io_open", [self.cyc("io_open", "f",
                                                        ["/var/lib/firebird/data/acct2025.fdb",
                                                         "/srv/firebird/tmp_import.fdb",
                                                         "/var/lib/firebird/data/ACCT2026.FDB"])], {}),
                                  ("open_fail", [], {}), ("enoent", [], {})])
                elif kind == "shutdown":
                    units.append([("shutdown", [self.cyc("shutdown", "c", [3, 0, 11, 1]),
                                                self.cyc("shutdown", "d", [2, 1, 3]),
                                                self.cyc("shutdown", "s", [0, 1])], {})])
                elif kind == "guardian":
                    units.append([("guardian", [], {})])
        recs = self.shuffle_stamp(units, 0 * HOUR + 9 * MIN + 31 * SEC, 4 * MIN,
                                  intra=(0, 0))
        return recs


# =========================================================================
# 5. Microsoft SQL Server on Linux errorlog  (seeded shuffle)
# =========================================================================
class MssqlErrorlog(System):
    name = "MssqlErrorlog"
    k = 5
    MODE = "shuffle"
    INFO = "This is an informational message only. No user action is required."
    EVENTS = [
        ("err18456", "Error: 18456, Severity: 14, State: <*>."),
        ("login_pw", "Login failed for user '<*>'. Reason: Password did not match that for the "
                     "login provided. [CLIENT: <*>]"),
        ("login_nouser", "Login failed for user '<*>'. Reason: Could not find a login matching "
                         "the name provided. [CLIENT: <*>]"),
        ("login_db", "Login failed for user '<*>'. Reason: Failed to open the explicitly "
                     "specified database '<*>'. [CLIENT: <*>]"),
        ("db_backed", "Database backed up. Database: <*>, creation date(time): <*>, pages dumped: "
                      "<*>, first LSN: <*>, last LSN: <*>, number of dump devices: 1, device "
                      "information: (FILE=1, TYPE=DISK: {'<*>'}). " + INFO),
        ("log_backed", "Log was backed up. Database: <*>, creation date(time): <*>, first LSN: "
                       "<*>, last LSN: <*>, number of dump devices: 1, device information: "
                       "(FILE=1, TYPE=DISK: {'<*>'}). " + INFO),
        ("bk_db_done", "BACKUP DATABASE successfully processed <*> pages in <*> seconds (<*> MB/sec)."),
        ("bk_log_done", "BACKUP LOG successfully processed <*> pages in <*> seconds (<*> MB/sec)."),
        ("set_option", "Setting database option <*> to <*> for database '<*>'."),
        ("starting_db", "Starting up database '<*>'."),
        ("redo_start", "Parallel redo is started for database '<*>' with worker pool size [<*>]."),
        ("redo_stop", "Parallel redo is shutdown for database '<*>' with worker pool size [<*>]."),
        ("recovery", "Recovery completed for database <*> (database ID <*>) in <*> second(s) "
                     "(analysis <*> ms, redo <*> ms, undo <*> ms [system undo <*> ms, regular "
                     "undo <*> ms].) " + INFO),
        ("checkdb", "DBCC CHECKDB (<*>) WITH no_infomsgs executed by <*> found 0 errors and "
                    "repaired 0 errors. Elapsed time: 0 hours <*> minutes <*> seconds.  Internal "
                    "database snapshot has split point LSN = <*> and first LSN = <*>."),
        ("slow_io", "SQL Server has encountered <*> occurrence(s) of I/O requests taking longer "
                    "than 15 seconds to complete on file [<*>] in database id <*>. The OS file "
                    "handle is <*>. The offset of the latest long I/O is: <*>. The duration of "
                    "the long I/O is: <*> ms."),
    ]
    HEADER_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{2}) "
                 r"(?:Server|Logon|Backup|spid\d+s?) +")
    DBS = [("SalesDB", 7, "2025/11/03(14:22:09)"), ("Inventory", 8, "2025/11/03(14:25:51)"),
           ("HRCore", 9, "2026/01/19(08:03:40)"), ("ReportingDW", 10, "2025/06/30(22:11:05)"),
           ("msdb", 4, "2025/09/24(13:10:02)")]

    def header(self, r):
        h, m, s, ns = split_clock(r["t"])
        return "%s %02d:%02d:%02d.%02d %-12s" % (iso_date(), h, m, s, ns // (10 * MS),
                                                  r["hdr"]["src"])

    def build(self):
        rng = self.rng
        lsn = {d[0]: [rng.randint(200, 2000), rng.randint(100, 9000)] for d in self.DBS}
        units = []
        clients = ["10.12.4.21", "10.12.4.37", "172.20.8.5", "10.12.9.140", "192.168.50.23"]

        def next_lsn(db):
            a = lsn[db]
            first = "%d:%d:%d" % (a[0], a[1], rng.randint(1, 40))
            a[1] += rng.randint(8, 4000)
            if a[1] > 99000:
                a[0] += 1
                a[1] = rng.randint(16, 400)
            last = "%d:%d:%d" % (a[0], a[1], 1)
            return first, last

        def rate(pages, secs):
            return "%.3f" % (pages * 8192 / 1048576.0 / secs)

        spid = lambda: "spid%d" % rng.randint(51, 140)
        sys_spid = lambda: "spid%ds" % rng.randint(9, 40)
        logon = [("login_pw", 8, 30), ("login_nouser", 5, 10), ("login_db", 38, 6)]
        for ev, state, n in logon:
            for _ in range(n):
                user = self.cyc(ev, "user", ["sa", "app_reporting", "svc_etl", "grafana_ro",
                                             "jenkins", "bi_loader"])
                cl = self.cyc(ev, "client", clients)
                vals = [user, self.cyc(ev, "db", ["ReportingDW", "Staging"]), cl] if ev == "login_db" \
                    else [user, cl]
                units.append([("err18456", [state], {"src": "Logon"}), (ev, vals, {"src": "Logon"})])
        def log_unit(t, db, created):
            first, last = next_lsn(db)
            pages = rng.randint(3, 2400)
            secs = max(0.004, pages * rng.uniform(0.00003, 0.0004))
            h, m, s, _ = split_clock(t)
            path = "/var/opt/mssql/backup/%s/%s_LOG_20260314_%02d%02d%02d.trn" % (db, db, h, m, s)
            return [("log_backed", [db, created, first, last, path], {"src": "Backup"}),
                    ("bk_log_done", [pages, "%.3f" % secs, rate(pages, secs)], {"src": "Backup"})]

        def full_unit(t, db, created):
            first, last = next_lsn(db)
            pages = rng.randint(1200, 900000)
            secs = max(0.05, pages * rng.uniform(0.00002, 0.00009))
            h, m, s, _ = split_clock(t)
            path = "/var/opt/mssql/backup/%s/%s_FULL_20260314_%02d%02d%02d.bak" % (db, db, h, m, s)
            return [("db_backed", [db, created, pages, first, last, path], {"src": "Backup"}),
                    ("bk_db_done", [pages, "%.3f" % secs, rate(pages, secs)], {"src": "Backup"})]

        for _ in range(80):
            db, _, created = self.cyc("log_backed", "db", self.DBS[:4])
            units.append(lambda t, db=db, c=created: log_unit(t, db, c))
        for _ in range(8):
            db, _, created = self.cyc("db_backed", "db", self.DBS)
            units.append(lambda t, db=db, c=created: full_unit(t, db, c))
        for _ in range(6):
            opt, val = self.cyc("set_option", "pair",
                                [("RECOVERY", "FULL"), ("AUTO_CLOSE", "OFF"),
                                 ("READ_COMMITTED_SNAPSHOT", "ON"), ("RECOVERY", "SIMPLE"),
                                 ("MULTI_USER", "ON")])
            units.append([("set_option", [opt, val, self.cyc("set_option", "db",
                                                             ["Staging", "HRCore", "SalesDB"])],
                           {"src": spid()})])
        for i in range(6):
            db, dbid, _ = self.cyc("starting_db", "db", self.DBS[:4] + [("Staging", 11, "")])
            sp = sys_spid()
            u = [("starting_db", [db], {"src": sp})]
            if i < 4:
                pool = self.cyc("redo", "pool", [2, 4, 1])
                a, rd, ud = rng.randint(4, 300), rng.randint(1, 2000), rng.randint(0, 40)
                sundo, rundo = (0, ud) if rng.random() < 0.6 else (rng.randint(1, 5), ud)
                secs = (a + rd + sundo + rundo) // 1000 + 1
                u += [("redo_start", [db, pool], {"src": sp}),
                      ("redo_stop", [db, pool], {"src": sp}),
                      ("recovery", [db, dbid, secs, a, rd, sundo + rundo, sundo, rundo], {"src": sp})]
            units.append(u)
        for _ in range(5):
            db = self.cyc("checkdb", "db", ["SalesDB", "Inventory", "HRCore", "ReportingDW", "msdb"])
            a = rng.randint(0x100, 0x9ff)
            b = rng.randint(0x100, 0xfff)
            units.append([("checkdb", [db, self.cyc("checkdb", "by", ["sa", "svc_maint"]),
                                       rng.randint(0, 14), rng.randint(0, 59),
                                       "%08x:%08x:0001" % (a, b), "%08x:%08x:0001" % (a, b - rng.randint(1, 9))],
                           {"src": spid()})])
        for _ in range(3):
            db, dbid, _ = self.cyc("slow_io", "db", self.DBS[:4])
            ext = self.cyc("slow_io", "ext", [".mdf", "_log.ldf"])
            units.append([("slow_io", [rng.randint(1, 12), "/var/opt/mssql/data/%s%s" % (db, ext), dbid,
                                       "0x%016X" % rng.randint(0x200, 0xFFFF),
                                       "0x%012x" % (rng.randint(1, 0xFFFFFF) * 8192),
                                       rng.randint(15001, 48000)],
                           {"src": sys_spid()})])
        return self.shuffle_stamp(units, 0 * HOUR + 4 * MIN + 12 * SEC, 150 * SEC,
                                  intra=(0, 30 * MS))


# =========================================================================
# 6. HiveMQ broker log (hive.log)  (seeded shuffle)
# =========================================================================
class HiveMQ(System):
    name = "HiveMQ"
    k = 6
    MODE = "shuffle"
    EVENTS = [
        ("listener_up", "Started TCP Listener on address <*> and on port <*>"),
        ("listener_down", "Stopped TCP Listener on address <*> and on port <*>"),
        ("ext_start", 'Extension "<*>" version <*> started successfully.'),
        ("ext_stop", 'Extension "<*>" version <*> stopped successfully.'),
        ("cluster", "Cluster size = <*>, members : [<*>]."),
        ("bad_topic", "Disconnecting client with id <*> and IP <*> because it sent a PUBLISH with "
                      "an invalid topic '<*>'."),
        ("too_big", "Disconnecting client with id <*> and IP <*> because it exceeded the maximum "
                    "packet size of 268435460 bytes."),
        ("started", "Started HiveMQ in <*>"),
        ("shutting", "Shutting down HiveMQ. Please wait, this could take a while..."),
        ("overload", "Overload protection was activated for client <*>, reducing credits to <*>."),
        ("expired", "Session for client <*> expired after <*> of inactivity."),
        ("retained_err", "Could not write retained message for topic '<*>' to persistence: <*>"),
        ("fd_limit", "The open file limit of <*> is lower than the recommended limit of 1000000. "
                     "This may cause problems with many concurrent connections."),
        ("node_join", "Node <*> joined the cluster."),
        ("node_left", "Node <*> left the cluster."),
    ]
    COUNTS = {"listener_up": 8, "listener_down": 6, "ext_start": 12, "ext_stop": 9,
              "cluster": 20, "bad_topic": 70, "too_big": 40, "started": 4, "shutting": 3,
              "overload": 25, "expired": 60, "retained_err": 5, "fd_limit": 4,
              "node_join": 18, "node_left": 16}
    LEVELS = {"bad_topic": "WARN", "too_big": "WARN", "overload": "WARN", "fd_limit": "WARN",
              "retained_err": "ERROR"}
    HEADER_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) "
                 r"(?:INFO  |WARN  |ERROR |DEBUG |TRACE )- ")

    def header(self, r):
        h, m, s, ns = split_clock(r["t"])
        left = "%s %02d:%02d:%02d,%03d %s" % (iso_date(), h, m, s, ns // MS, r["hdr"]["level"])
        return "%-30s- " % left

    def node_id(self):
        return "".join(self.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789")
                       for _ in range(5))

    def client_id(self):
        r = self.rng
        kind = r.randint(0, 4)
        if kind == 0:
            return "plant%d-line%d-plc%02d" % (r.randint(1, 4), r.randint(1, 9), r.randint(1, 40))
        if kind == 1:
            return "truck-%s" % self.hexs(6).upper()
        if kind == 2:
            return "mqttx_%s" % self.hexs(8)
        if kind == 3:
            return "meter/%d" % r.randint(100000, 999999)
        return "gw-%s-%d" % (r.choice(["berlin", "lyon", "porto", "graz"]), r.randint(1, 60))

    def build(self):
        rng = self.rng
        nodes = [self.node_id() for _ in range(6)]
        exts = [("HiveMQ Enterprise Security Extension", "4.26.0"),
                ("HiveMQ Enterprise Extension for Kafka", "4.26.1"),
                ("Prometheus Monitoring Extension", "4.0.11"),
                ("HiveMQ Enterprise Bridge Extension", "4.25.0")]
        units = []
        for ev, n in self.COUNTS.items():
            for _ in range(n):
                if ev in ("listener_up", "listener_down"):
                    vals = [self.cyc(ev, "addr", ["0.0.0.0", "10.30.1.15"]),
                            self.cyc(ev, "port", [1883, 1883, 1884])]
                elif ev in ("ext_start", "ext_stop"):
                    vals = list(self.cyc(ev, "ext", exts))
                elif ev == "cluster":
                    size = rng.randint(2, 5)
                    vals = [size, ", ".join(rng.sample(nodes, size))]
                elif ev == "bad_topic":
                    vals = [self.client_id(), self.ip("10"),
                            self.cyc(ev, "topic", ["sensors/+temp/raw", "plant/#/alarms",
                                                   "fleet/gps/\u0000", "meters//+x/kwh",
                                                   "$SYS/broker/clients/#/x"])]
                elif ev == "too_big":
                    vals = [self.client_id(), self.ip("10")]
                elif ev == "started":
                    vals = ["%dms" % rng.randint(2100, 9800)]
                elif ev == "shutting":
                    vals = []
                elif ev == "overload":
                    vals = [self.client_id(), rng.choice([0, 50, 200, 500, 1000])]
                elif ev == "expired":
                    vals = [self.client_id(), self.cyc(ev, "exp", ["3600s", "86400s", "300s", "604800s"])]
                elif ev == "retained_err":
                    vals = ["%s/%s/state" % (rng.choice(["plant3", "fleet", "meters"]), self.hexs(4)),
                            self.cyc(ev, "why", ["No space left on device",
                                                 "Persistence is shutting down",
                                                 "write stall timeout after 5000ms"])]
                elif ev == "fd_limit":
                    vals = [self.cyc(ev, "lim", [4096, 65536, 1024])]
                else:  # node_join / node_left
                    vals = [rng.choice(nodes)]
                vals = [v.replace("\u0000", "%00") if isinstance(v, str) else v for v in vals]
                units.append([(ev, vals, {"level": self.LEVELS.get(ev, "INFO")})])
        return self.shuffle_stamp(units, 2 * HOUR + 48 * MIN + 5 * SEC + 331 * MS, 80 * SEC)


SYSTEMS = [RocketMQ, QuestDB, RethinkDB, Firebird, MssqlErrorlog, HiveMQ]


# =========================================================================
# writing and self-check
# =========================================================================
def write_system(sysobj):
    d = os.path.join(OUT_DIR, sysobj.name)
    os.makedirs(d, exist_ok=True)
    lines, rows = sysobj.render()
    with open(os.path.join(d, sysobj.name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        for ln in lines:
            f.write(ln + "\n")
    with open(os.path.join(d, sysobj.name + ".log_structured.csv"), "w", encoding="utf-8",
              newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def template_regex(tpl):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in tpl.split("<*>")) + "$", re.S)


def check_system(sysobj):
    errors = []
    d = os.path.join(OUT_DIR, sysobj.name)
    log_path = os.path.join(d, sysobj.name + ".log")
    csv_path = os.path.join(d, sysobj.name + ".log_structured.csv")
    for p in (log_path, csv_path):
        with open(p, "rb") as f:
            data = f.read()
        if not data.endswith(b"\n"):
            errors.append("%s does not end with newline" % p)
        if b"\r" in data:
            errors.append("%s contains CR" % p)
    with open(log_path, encoding="utf-8", newline="") as f:
        raw = f.read().split("\n")
    if raw and raw[-1] == "":
        raw = raw[:-1]
    with open(csv_path, encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    header, rows = table[0], table[1:]
    if header != ["LineId", "Content", "EventId", "EventTemplate"]:
        errors.append("bad csv header %r" % header)
    if len(raw) != N_LINES:
        errors.append("log has %d lines" % len(raw))
    if len(rows) != N_LINES:
        errors.append("csv has %d rows" % len(rows))
    hre = sysobj.header_re
    tpl_of = {}
    counts = {}
    slot_vals = {}
    prev_ts = None
    for i, (line, row) in enumerate(zip(raw, rows), 1):
        if len(row) != 4:
            errors.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errors.append("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            errors.append("row %d content empty or not stripped" % i)
        if "\n" in line or "\r" in line:
            errors.append("row %d multi-line" % i)
        if not line.endswith(content):
            errors.append("row %d raw line does not end with content" % i)
            continue
        hdr = line[:len(line) - len(content)]
        m = hre.fullmatch(hdr)
        if not m:
            errors.append("row %d header %r does not match" % (i, hdr))
            continue
        key = sysobj.ts_key(m.group("ts"))
        if prev_ts is not None and key < prev_ts:
            errors.append("row %d timestamp goes back" % i)
        prev_ts = key
        if not re.fullmatch(r"E\d+", eid):
            errors.append("row %d bad EventId %r" % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            errors.append("EventId %s has two templates" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        mm = template_regex(tpl).fullmatch(content)
        if not mm:
            errors.append("row %d template does not match content" % i)
            continue
        for j, g in enumerate(mm.groups()):
            slot_vals.setdefault((eid, j), set()).add(g)
    if len(set(tpl_of.values())) != len(tpl_of):
        errors.append("two EventIds share a template")
    declared = [sysobj.eid[k] for k, _ in sysobj.EVENTS]
    for k, tpl in sysobj.EVENTS:
        e = sysobj.eid[k]
        if e not in counts:
            errors.append("event %s never used" % e)
        elif tpl_of[e] != tpl:
            errors.append("event %s template differs from declaration" % e)
        for j in range(tpl.count("<*>")):
            if len(slot_vals.get((e, j), ())) < 2:
                errors.append("event %s slot %d has < 2 distinct values" % (e, j))
    if set(counts) - set(declared):
        errors.append("undeclared EventIds used")
    n_ev = len(declared)
    if not 12 <= n_ev <= 15:
        errors.append("%d event types" % n_ev)
    cs = sorted(counts.values())
    if cs and min(cs) < 3:
        errors.append("an event has fewer than 3 lines")
    if sum(1 for c in cs if 3 <= c <= 10) < 3:
        errors.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(cs) if cs else 0
    if cs and max(cs) < 3 * med:
        errors.append("largest %d < 3 x median %s" % (max(cs), med))
    return errors, cs, med


def main():
    failed = False
    for cls in SYSTEMS:
        s = cls()
        write_system(s)
    for cls in SYSTEMS:
        s = cls()
        errs, cs, med = check_system(s)
        status = "OK" if not errs else "FAIL"
        print("%-14s %-10s %-4s events=%2d lines=%d min=%d median=%s max=%d small(3-10)=%d"
              % (s.name, s.MODE, status, len(s.EVENTS), sum(cs), min(cs) if cs else 0, med,
                 max(cs) if cs else 0, sum(1 for c in cs if 3 <= c <= 10)))
        for e in errs[:20]:
            print("    " + e)
        failed = failed or bool(errs)
    if failed:
        print("SELF-CHECK FAILED")
        sys.exit(1)
    print("SELF-CHECK PASSED")


if __name__ == "__main__":
    main()
