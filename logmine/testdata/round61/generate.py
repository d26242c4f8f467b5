#!/usr/bin/env python3
"""Round 61: blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270177; system k (1..6) uses random.Random(20270177 * 10 + k).
All times come from an integer nanosecond clock on 2026-03-14 (UTC).

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system and then self-checks every file.
"""
import calendar
import csv
import datetime
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270177
ROOT = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300
NS = 10 ** 9
MS = 10 ** 6
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
DAY0 = datetime.datetime(2026, 3, 14)          # naive, read as UTC
EPOCH_MS_DAY0 = calendar.timegm((2026, 3, 14, 0, 0, 0)) * 1000


# --------------------------------------------------------------------------
# clock helpers (integer nanoseconds since 2026-03-14 00:00:00 UTC)
# --------------------------------------------------------------------------
def at(h, m=0, s=0):
    return ((h * 60 + m) * 60 + s) * NS


def dt(ns):
    return DAY0 + datetime.timedelta(microseconds=ns // 1000)


def epoch_ms(ns):
    return EPOCH_MS_DAY0 + ns // MS


def ts_iso(ns):
    d = dt(ns)
    return "%04d-%02d-%02d %02d:%02d:%02d,%03d" % (
        d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond // 1000)


def ts_yy(ns):
    d = dt(ns)
    return "%02d/%02d/%02d %02d:%02d:%02d" % (
        d.year % 100, d.month, d.day, d.hour, d.minute, d.second)


def ts_log4j_dmy(ns):
    d = dt(ns)
    return "%02d %s %04d %02d:%02d:%02d,%03d" % (
        d.day, MONTHS[d.month - 1], d.year, d.hour, d.minute, d.second,
        d.microsecond // 1000)


def java_date(ns):
    d = dt(ns)
    return "%s %s %02d %02d:%02d:%02d UTC %04d" % (
        WEEKDAYS[d.weekday()], MONTHS[d.month - 1], d.day, d.hour, d.minute,
        d.second, d.year)


def secs(rng, lo, hi):
    return int(rng.uniform(lo, hi) * NS)


def expo(rng, mean_s):
    return int(rng.expovariate(1.0 / mean_s) * NS)


def fill(tpl, vals):
    parts = tpl.split("<*>")
    if len(parts) != len(vals) + 1:
        raise ValueError("slot count mismatch: %r %r" % (tpl, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        if not v or v != v.strip() or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, tpl))
        out.append(v)
        out.append(p)
    return "".join(out)


# --------------------------------------------------------------------------
# system container
# --------------------------------------------------------------------------
class System:
    def __init__(self, k, name, header_fn, header_re, ts_key, fmt_desc):
        self.k = k
        self.name = name
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.header_fn = header_fn
        self.header_re = re.compile(header_re)
        self.ts_key = ts_key
        self.fmt_desc = fmt_desc
        self.events = []
        self.by_key = {}
        self._cyc = {}
        self.recs = []
        self._seq = 0
        self.kind = None
        self.now = 0

    def event(self, key, level, where, tpl, count=None, gen=None, gap=""):
        if key in self.by_key:
            raise ValueError("duplicate event key " + key)
        ev = dict(key=key, level=level, where=where, tpl=tpl, count=count,
                  gen=gen, gap=gap, eid="E%d" % (len(self.events) + 1))
        self.events.append(ev)
        self.by_key[key] = ev

    def cyc(self, key, slot, pool):
        """Small pools cycle per (event, slot)."""
        n = self._cyc.get((key, slot), 0)
        self._cyc[(key, slot)] = n + 1
        return pool[n % len(pool)]

    def emit(self, ns, key, vals, thread=None):
        if key not in self.by_key:
            raise KeyError(key)
        self._seq += 1
        self.recs.append((ns, self._seq, key, list(vals), thread))


def run_shuffle(S, start_ns, mean_gap_s, fill_key):
    """Fixed count per event, shuffled, stamped by a forward-only clock."""
    S.kind = "shuffle"
    others = sum(e["count"] for e in S.events if e["key"] != fill_key)
    S.by_key[fill_key]["count"] = N_LINES - others
    bag = [e["key"] for e in S.events for _ in range(e["count"])]
    S.rng.shuffle(bag)
    t = start_ns
    for key in bag:
        t += max(MS, expo(S.rng, mean_gap_s))
        S.now = t
        vals, thread = S.by_key[key]["gen"](S, key)
        S.emit(t, key, vals, thread)


def rhex(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def ruuid(rng):
    h = rhex(rng, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16],
                                  rng.choice("89ab"), h[17:20], h[20:32])


# ==========================================================================
# 1. Flume  (simulation: file-channel checkpoints, Avro client connections,
#            HDFS bucket files)
# ==========================================================================
def flume_header(ns, ev, thread):
    return "%s %-5s [%s] (%s)  - %s" % (ts_log4j_dmy(ns), ev["level"], thread,
                                        ev["where"], ev["gap"])


FLUME_RE = (r"(?P<ts>\d{2} (?:%s) \d{4} \d{2}:\d{2}:\d{2},\d{3}) "
            r"(?:TRACE|DEBUG|INFO |WARN |ERROR|FATAL) \[.+\] "
            r"\([\w.$]+\.[\w$<>]+:\d+\)  - " % "|".join(MONTHS))


def flume_key(ts):
    d, mon, y, rest = ts.split(" ")
    return (int(y), MONTHS.index(mon), int(d), rest)


def build_flume():
    S = System(1, "Flume", flume_header, FLUME_RE, flume_key,
               "log4j `%d{dd MMM yyyy HH:mm:ss,SSS} %-5p [%t] (%C.%M:%L) %x - %m%n`")
    fc = "org.apache.flume.channel.file."
    nio = "org.apache.avro.ipc.NettyServer$NettyServerAvroHandler.handleUpstream:171"
    hd = "org.apache.flume.sink.hdfs."
    S.event("ck_start", "INFO", fc + "EventQueueBackingStoreFile.beginCheckpoint:230",
            "Start checkpoint for <*>, elements to sync = <*>")
    S.event("ck_meta", "INFO", fc + "EventQueueBackingStoreFile.checkpoint:255",
            "Updating checkpoint metadata: logWriteOrderID: <*>, queueSize: <*>, queueHead: <*>")
    S.event("ck_file", "INFO", fc + "Log.writeCheckpoint:1065",
            "Updated checkpoint for file: <*> position: <*> logWriteOrderID: <*>")
    S.event("n_open", "INFO", nio, "[id: <*>, <*> => <*>] OPEN")
    S.event("n_bound", "INFO", nio, "[id: <*>, <*> => <*>] BOUND: <*>")
    S.event("n_conn", "INFO", nio, "[id: <*>, <*> => <*>] CONNECTED: <*>")
    S.event("n_disc", "INFO", nio, "[id: <*>, <*> :> <*>] DISCONNECTED")
    S.event("n_unbound", "INFO", nio, "[id: <*>, <*> :> <*>] UNBOUND")
    S.event("n_closed", "INFO", nio, "[id: <*>, <*> :> <*>] CLOSED")
    S.event("h_create", "INFO", hd + "BucketWriter.open:251", "Creating <*>")
    S.event("h_close", "INFO", hd + "BucketWriter.close:393", "Closing <*>")
    S.event("h_rename", "INFO", hd + "BucketWriter$8.call:655", "Renaming <*> to <*>")
    S.event("h_cb", "INFO", hd + "HDFSEventSink$1.run:382", "Writer callback called.")
    S.event("h_ioe", "WARN", hd + "BucketWriter.append:570",
            "Caught IOException writing to HDFSWriter (<*>). Closing file (<*>) and rethrowing exception.")
    S.kind = "simulation"
    rng = S.rng
    T0 = at(9, 12, 7) + rng.randrange(NS)
    END = T0 + 45 * 60 * NS
    my_ip = "10.20.1.15"

    # --- file channels: checkpoint every 30 s on Log-BackgroundWorker ---
    chans = [("c1", ["/data1/flume/c1/data", "/data2/flume/c1/data"],
              "/data1/flume/c1/checkpoint/checkpoint"),
             ("c2", ["/data3/flume/c2/data"],
              "/data3/flume/c2/checkpoint/checkpoint")]
    for name, dirs, ckpt in chans:
        wo = epoch_ms(T0) - rng.randint(10 ** 7, 9 * 10 ** 7)
        files = [[d, rng.randint(20, 90), rng.randint(10 ** 6, 9 * 10 ** 8)] for d in dirs]
        queue = rng.randint(0, 3000)
        head = rng.randint(10 ** 5, 9 * 10 ** 5)
        thread = "Log-BackgroundWorker-" + name
        t = T0 + rng.randrange(30 * NS)
        while t < END:
            r = rng.random()
            if r < 0.2:
                elems = 0
            elif r < 0.5:
                elems = rng.randint(1, 400)
            else:
                elems = rng.randint(400, 30000)
            S.emit(t, "ck_start", [ckpt, elems], thread)
            wo += elems * 2 + rng.randint(1, 60)
            queue = max(0, queue + rng.randint(-min(queue, elems), elems // 3 + 1))
            head = (head + elems + rng.randint(0, 50)) % 1000000
            t2 = t + rng.randint(2, 80) * MS + rng.randrange(MS)
            S.emit(t2, "ck_meta", [wo, queue, head], thread)
            for f in files:
                f[2] += elems * rng.randint(180, 900) + rng.randint(0, 4096)
                if f[2] > 1623195647:
                    f[1] += 1
                    f[2] = rng.randint(2000, 900000)
                t2 += rng.randint(1, 6) * MS + rng.randrange(MS)
                S.emit(t2, "ck_file", ["%s/log-%d" % (f[0], f[1]), f[2], wo], thread)
            t += 30 * NS + rng.randint(0, 20) * MS

    # --- Avro sources: client connections with their own lifetimes ---
    sources = [(41414, "New I/O server boss #1 ([id: 0x3d1f2a6c, /0.0.0.0:41414])"),
               (4545, "New I/O server boss #2 ([id: 0x7be04c15, /0.0.0.0:4545])")]
    clients = ["10.20.4.%d" % n for n in (11, 12, 13, 17, 21, 22, 38)] + \
              ["10.20.6.%d" % n for n in (5, 9, 40)]
    t = T0 + secs(rng, 5, 50)
    n = 0
    while t < END:
        port, boss = sources[0] if n % 3 != 2 else sources[1]
        n += 1
        cid = "0x%08x" % rng.getrandbits(32)
        remote = "/%s:%d" % (rng.choice(clients), rng.randint(32768, 60999))
        local = "/%s:%d" % (my_ip, port)
        t1 = t
        S.emit(t1, "n_open", [cid, remote, local], boss)
        t1 += rng.randrange(MS) + 1
        S.emit(t1, "n_bound", [cid, remote, local, local], boss)
        t1 += rng.randrange(MS) + 1
        S.emit(t1, "n_conn", [cid, remote, local, remote], boss)
        te = t1 + expo(rng, 420) + 3 * NS
        worker = "New I/O  worker #%d" % rng.randint(1, 24)
        S.emit(te, "n_disc", [cid, remote, local], worker)
        te += rng.randrange(MS) + 1
        S.emit(te, "n_unbound", [cid, remote, local], worker)
        te += rng.randrange(MS) + 1
        S.emit(te, "n_closed", [cid, remote, local], worker)
        t += expo(rng, 75) + NS

    # --- HDFS sinks: one bucket file at a time per sink ---
    def k1_path(ns):
        d = dt(ns)
        return "hdfs://nn1.corp.example:8020/flume/weblogs/%04d-%02d-%02d/%02d/FlumeData.%d" % (
            d.year, d.month, d.day, d.hour, epoch_ms(ns))

    def k2_path(ns):
        d = dt(ns)
        return "hdfs://nn1.corp.example:8020/data/raw/appevents/dt=%04d-%02d-%02d/events.%d.avro" % (
            d.year, d.month, d.day, epoch_ms(ns))

    incidents = {"k1": [], "k2": []}
    ioe_reasons = [
        "Callable timed out after 10000 ms on file: {tmp}",
        "All datanodes DatanodeInfoWithStorage[10.20.3.14:1019,DS-6f0c2a1e-5b7d-4e2a-9c1f-0d2e3b4a5c6d,DISK] are bad. Aborting...",
        "Connection reset by peer",
        "Filesystem closed",
    ]
    for i in range(4):
        incidents["k1" if i % 2 == 0 else "k2"].append(T0 + secs(rng, 60, 660))
    for sink, roll, mk in (("k1", 60, k1_path), ("k2", 180, k2_path)):
        inc = sorted(incidents[sink])
        t = T0 + secs(rng, 1, roll)
        while t < END:
            base = mk(t)
            tmp = base + ".tmp"
            S.emit(t, "h_create", [tmp], "SinkRunner-PollingRunner-DefaultSinkProcessor")
            tc = t + roll * NS + rng.randint(0, 30) * MS + rng.randrange(MS)
            timer = "hdfs-%s-roll-timer-0" % sink
            if inc and t < inc[0] < tc:
                ti = inc.pop(0)
                reason = S.cyc("h_ioe", 0, ioe_reasons).format(tmp=tmp)
                S.emit(ti, "h_ioe", [reason, tmp], "SinkRunner-PollingRunner-DefaultSinkProcessor")
                tc = ti + rng.randint(1, 9) * MS
                timer = "SinkRunner-PollingRunner-DefaultSinkProcessor"
            S.emit(tc, "h_close", [tmp], timer)
            tr = tc + rng.randint(4, 60) * MS + rng.randrange(MS)
            S.emit(tr, "h_rename", [tmp, base], "hdfs-%s-call-runner-%d" % (sink, rng.randint(0, 9)))
            S.emit(tr + rng.randint(1, 3) * MS, "h_cb", [], "hdfs-%s-roll-timer-0" % sink)
            t = tr + secs(rng, 0.05, 4.0)
    return S


# ==========================================================================
# 2. Sqoop  (seeded shuffle)
# ==========================================================================
def yy_header(ns, ev, thread):
    return "%s %s %s: %s" % (ts_yy(ns), ev["level"], ev["where"], ev["gap"])


YY_RE = (r"(?P<ts>\d{2}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}) "
         r"(?:TRACE|DEBUG|INFO|WARN|ERROR|FATAL) [\w.$]+:  ?")


def fmt_bytes(n):
    if n < 1024:
        return "%d bytes" % n
    for unit, div in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if n >= div:
            return "%.4f %s" % (n / div, unit)


def build_sqoop():
    S = System(2, "Sqoop", yy_header, YY_RE, lambda ts: ts,
               "Hadoop console log4j `%d{yy/MM/dd HH:mm:ss} %p %c{2}: %m%n`")
    rng = S.rng
    tables = [("orders", "order_id"), ("customers", "customer_id"),
              ("order_items", "item_id"), ("payments", "payment_id"),
              ("shipments", "shipment_id"), ("inventory", "sku_id")]
    styles = ["mysql", "postgresql", "oracle"]
    rm_start = "1773385021443"

    seq = [rng.randint(300, 900)]

    def app_seq(new=False):
        if new:
            seq[0] += rng.randint(1, 3)
            return "%s_%04d" % (rm_start, seq[0])
        return "%s_%04d" % (rm_start, max(1, seq[0] - rng.randint(0, 4)))

    def g_version(S, k):
        return [S.cyc(k, 0, ["1.4.7", "1.4.6.2.6.5.0-292", "1.4.7.7.1.7.0-551"])], None

    def g_none(S, k):
        return [], None

    def g_sql(S, k):
        tab, _ = S.cyc(k, "t", tables)
        st = S.cyc(k, "s", styles)
        if st == "mysql":
            q = "SELECT t.* FROM `%s` AS t LIMIT 1" % tab
        elif st == "postgresql":
            q = 'SELECT t.* FROM "public"."%s" AS t LIMIT 1' % tab
        else:
            q = "SELECT t.* FROM SALES.%s t WHERE 1=0" % tab.upper()
        return [q], None

    def g_home(S, k):
        return [S.cyc(k, 0, ["/usr/hdp/current/hadoop-mapreduce-client",
                             "/opt/cloudera/parcels/CDH/lib/hadoop-mapreduce",
                             "/usr/lib/hadoop-mapreduce"])], None

    def g_jar(S, k):
        tab, _ = S.cyc(k, "t", tables)
        user = S.cyc(k, "u", ["etl", "svc_sqoop", "hdfs"])
        return ["/tmp/sqoop-%s/compile/%s/%s.jar" % (user, rhex(rng, 32), tab)], None

    def g_begin(S, k):
        return [S.cyc(k, 0, tables)[0]], None

    def g_bound(S, k):
        tab, col = S.cyc(k, "t", tables)
        st = S.cyc(k, "s", styles)
        if st == "mysql":
            q = "SELECT MIN(`%s`), MAX(`%s`) FROM `%s`" % (col, col, tab)
            if rng.random() < 0.5:
                q += " WHERE ( `updated_at` > '2026-03-%02d 00:00:00' )" % rng.randint(10, 13)
        elif st == "postgresql":
            q = 'SELECT MIN("%s"), MAX("%s") FROM "public"."%s"' % (col, col, tab)
        else:
            q = "SELECT MIN(%s), MAX(%s) FROM SALES.%s" % (col.upper(), col.upper(), tab.upper())
        return [q], None

    def g_splits(S, k):
        return [S.cyc(k, 0, [4, 8, 1, 12, 4, 16])], None

    def g_app(S, k):
        return ["application_" + app_seq(new=True)], None

    def g_job(S, k):
        return ["job_" + app_seq()], None

    def g_prog(S, k):
        m, r = S.cyc(k, 0, [("0%", "0%"), ("25%", "0%"), ("50%", "0%"), ("75%", "0%"),
                            ("100%", "0%"), ("13%", "0%"), ("38%", "0%"), ("63%", "0%"),
                            ("88%", "0%"), ("100%", "100%"), ("100%", "67%")])
        return [m, r], None

    def g_transfer(S, k):
        b = int(rng.choice([rng.uniform(3e3, 9e5), rng.uniform(1e6, 9e8), rng.uniform(1e9, 6e9)]))
        s = rng.uniform(14, 420)
        return [fmt_bytes(b), "%.4f" % s, fmt_bytes(int(b / s)) + "/sec"], None

    def g_records(S, k):
        return [rng.choice([rng.randint(20, 9000), rng.randint(10000, 4000000)])], None

    def g_fail(S, k):
        return [S.cyc(k, 0, [
            "No primary key could be found for table shipments. Please specify one with --split-by or perform a sequential import with '-m 1'.",
            "Import job failed!",
            "No primary key could be found for table order_items. Please specify one with --split-by or perform a sequential import with '-m 1'.",
        ])], None

    S.event("version", "INFO", "sqoop.Sqoop", "Running Sqoop version: <*>", 14, g_version)
    S.event("pw_warn", "WARN", "tool.BaseSqoopTool",
            "Setting your password on the command-line is insecure. Consider using -P instead.", 8, g_none)
    S.event("sql", "INFO", "manager.SqlManager", "Executing SQL statement: <*>", 38, g_sql)
    S.event("mr_home", "INFO", "orm.CompilationManager", "HADOOP_MAPRED_HOME is <*>", 13, g_home)
    S.event("jar", "INFO", "orm.CompilationManager", "Writing jar file: <*>", 13, g_jar)
    S.event("begin", "INFO", "mapreduce.ImportJobBase", "Beginning import of <*>", 14, g_begin)
    S.event("bounding", "INFO", "db.DataDrivenDBInputFormat", "BoundingValsQuery: <*>", 12, g_bound)
    S.event("splits", "INFO", "mapreduce.JobSubmitter", "number of splits:<*>", 13, g_splits)
    S.event("submitted", "INFO", "impl.YarnClientImpl", "Submitted application <*>", 13, g_app)
    S.event("running", "INFO", "mapreduce.Job", "Running job: <*>", 13, g_job)
    S.event("progress", "INFO", "mapreduce.Job", "map <*> reduce <*>", None, g_prog, gap=" ")
    S.event("done", "INFO", "mapreduce.Job", "Job <*> completed successfully", 12, g_job)
    S.event("transfer", "INFO", "mapreduce.ImportJobBase",
            "Transferred <*> in <*> seconds (<*>)", 10, g_transfer)
    S.event("records", "INFO", "mapreduce.ImportJobBase", "Retrieved <*> records.", 10, g_records)
    S.event("fail", "ERROR", "tool.ImportTool", "Error during import: <*>", 4, g_fail)
    run_shuffle(S, at(1, 30, 2) + rng.randrange(NS), 11.0, "progress")
    return S


# ==========================================================================
# 3. RangerAdmin  (seeded shuffle) xa_portal.log
# ==========================================================================
def ranger_header(ns, ev, thread):
    cls, loc = ev["where"]
    return "%s [%s] %-5s %s (%s) - %s" % (ts_iso(ns), thread, ev["level"], cls, loc, ev["gap"])


RANGER_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) \[[^\]]+\] "
             r"(?:TRACE|DEBUG|INFO |WARN |ERROR|FATAL) [\w.$]+ \(\w+\.java:\d+\) - ")


def build_ranger():
    S = System(3, "RangerAdmin", ranger_header, RANGER_RE, lambda ts: ts,
               "log4j `%d [%t] %-5p %C{6} (%F:%L) - %m%n`")
    rng = S.rng
    R = "org.apache.ranger."
    users = ["admin", "jdoe", "asmith", "keyadmin", "mlee", "svc_etl", "rangerusersync"]
    ips = ["10.30.4.21", "10.30.4.57", "10.30.9.8", "172.16.12.40", "10.30.4.102"]
    services = ["cm_hdfs", "cm_hive", "cm_hbase", "cm_yarn", "cm_kafka", "cm_solr"]
    apps = {"cm_hdfs": ("hdfs", ["nn01", "nn02"]), "cm_hive": ("hiveServer2", ["hs2-01", "hs2-02"]),
            "cm_hbase": ("hbaseMaster", ["hbm01", "rs07"]), "cm_yarn": ("yarn", ["rm01", "rm02"]),
            "cm_kafka": ("kafka", ["kb01", "kb03"]), "cm_solr": ("solr", ["solr01", "solr02"])}
    groups = ["analysts", "finance", "hadoop-admins", "etl-ops", "data-science"]
    policy_names = ["all - database, table, column", "finance_payroll_read", "tmp dir write",
                    "kafka_clickstream_producers", "pii masking - customers", "yarn_default_queue"]

    version = {svc: rng.randint(40, 900) for svc in services}

    def http():
        return "http-nio-6080-exec-%d" % rng.randint(1, 200)

    def before(lo_s, hi_s):
        return S.now - secs(rng, lo_s, hi_s)

    def sid():
        return rhex(rng, 32).upper()

    def g_login_ok(S, k):
        return [S.cyc(k, 0, users), S.cyc(k, 1, ips), sid()], http()

    def g_login_bad(S, k):
        return [S.cyc(k, 0, ["jdoe", "admin", "guest", "mlee"]), S.cyc(k, 1, ips)], http()

    def g_session(S, k):
        return [S.cyc(k, 0, users), rng.randint(1200, 98000), sid(), S.cyc(k, 1, ips),
                epoch_ms(before(0.001, 0.05))], http()

    def plugin_id(svc):
        app, hosts = apps[svc]
        return "%s@%s.corp.example-%s" % (app, rng.choice(hosts), svc)

    def g_notmod(S, k):
        svc = S.cyc(k, 0, services)
        return [svc, version[svc], epoch_ms(before(30, 5400)), plugin_id(svc)], http()

    def g_newver(S, k):
        svc = S.cyc(k, 0, services)
        v = version[svc]
        version[svc] = v + rng.randint(1, 3)
        return [svc, v, epoch_ms(before(30, 5400)), plugin_id(svc), version[svc]], http()

    def g_reqfail(S, k):
        return [S.cyc(k, 0, ["jdoe", "null", "asmith", "svc_etl"]), S.cyc(k, 1, [
            "User is not allowed to access the API",
            "Unauthorized access - unable to get client certificate",
            "Policy with same name already exists: finance_payroll_read",
            "Invalid service name: cm_hive_old",
            "User 'asmith' does not have delegated-admin privilege on given resources"])], http()

    def g_policy(S, k):
        return [rng.randint(3, 480), S.cyc(k, 0, policy_names), S.cyc(k, 1, services),
                S.cyc(k, 2, ["admin", "keyadmin", "jdoe"])], http()

    def g_groupuser(S, k):
        return [S.cyc(k, 0, ["jdoe", "asmith", "mlee", "rkumar", "tnguyen", "bwilson"]),
                S.cyc(k, 1, groups)], http()

    def g_polver(S, k):
        svc = S.cyc(k, 0, services)
        return [svc, version[svc] + 1, java_date(before(0.001, 0.5))], http()

    def g_lookup(S, k):
        return [S.cyc(k, 0, ["cm_hive", "cm_hbase", "cm_kafka"]), S.cyc(k, 1, ["3000ms", "5000ms"]),
                S.cyc(k, 2, ["admin", "jdoe"])], "timed-executor-pool-0"

    def g_plugininfo(S, k):
        svc = S.cyc(k, 0, services)
        app, hosts = apps[svc]
        h = rng.choice(hosts)
        return [svc, app, h + ".corp.example", "10.30.%d.%d" % (rng.randint(1, 9), rng.randint(2, 250)),
                version[svc]], http()

    S.event("login_ok", "INFO", (R + "security.listener.SpringEventListener", "SpringEventListener.java:69"),
            "Login Successful:<*> | Ip Address:<*> | sessionId=<*>", 24, g_login_ok)
    S.event("login_bad", "INFO", (R + "security.listener.SpringEventListener", "SpringEventListener.java:87"),
            "Login Unsuccessful:<*> | Ip Address:<*> | Bad Credentials", 8, g_login_bad)
    S.event("session", "INFO", (R + "biz.SessionMgr", "SessionMgr.java:254"),
            "Login Success: loginId=<*>, sessionId=<*>, sessionId=<*>, requestId=<*>, epoch=<*>", 24, g_session)
    S.event("notmod", "INFO", (R + "rest.ServiceREST", "ServiceREST.java:3315"),
            "getServicePoliciesIfUpdated(serviceName=<*>, lastKnownVersion=<*>, lastActivationTime=<*>, pluginId=<*>): not modified, returning 304",
            None, g_notmod)
    S.event("newver", "INFO", (R + "rest.ServiceREST", "ServiceREST.java:3342"),
            "getServicePoliciesIfUpdated(serviceName=<*>, lastKnownVersion=<*>, lastActivationTime=<*>, pluginId=<*>): returning policies version <*>",
            26, g_newver)
    S.event("reqfail", "WARN", (R + "common.RESTErrorUtil", "RESTErrorUtil.java:345"),
            "Request failed. loginId=<*>, logMessage=<*>", 12, g_reqfail)
    S.event("pol_created", "INFO", (R + "biz.ServiceDBStore", "ServiceDBStore.java:1987"),
            "Policy created: id=<*>, name='<*>', service=<*>, user=<*>", 6, g_policy)
    S.event("pol_deleted", "INFO", (R + "biz.ServiceDBStore", "ServiceDBStore.java:2280"),
            "Policy deleted: id=<*>, name='<*>', service=<*>, user=<*>", 4, g_policy)
    S.event("pol_updated", "INFO", (R + "biz.ServiceDBStore", "ServiceDBStore.java:2101"),
            "Policy updated: id=<*>, name='<*>', service=<*>, user=<*>", 11, g_policy)
    S.event("grp_add", "INFO", (R + "biz.XUserMgr", "XUserMgr.java:1532"),
            "Adding user <*> to group <*>", 14, g_groupuser)
    S.event("grp_del", "INFO", (R + "biz.XUserMgr", "XUserMgr.java:1610"),
            "Removing user <*> from group <*>", 5, g_groupuser)
    S.event("polver", "INFO", (R + "biz.ServiceDBStore", "ServiceDBStore.java:3955"),
            "updatePolicyVersion(serviceName=<*>): policyVersion=<*>, policyUpdateTime=<*>", 17, g_polver)
    S.event("lookup", "WARN", (R + "biz.ServiceMgr", "ServiceMgr.java:213"),
            "Lookup for service <*> timed out after <*>; returning empty result (user=<*>)", 4, g_lookup)
    S.event("plugininfo", "INFO", (R + "biz.AssetMgr", "AssetMgr.java:841"),
            "Updated plugin info: serviceName=<*>, appType=<*>, hostName=<*>, ipAddress=<*>, policyDownloadedVersion=<*>",
            13, g_plugininfo)
    run_shuffle(S, at(8, 3, 11) + rng.randrange(NS), 6.5, "notmod")
    return S


# ==========================================================================
# 4. Atlas  (seeded shuffle) application.log
# ==========================================================================
def atlas_header(ns, ev, thread):
    return "%s %-5s - [%s:] ~ %s" % (ts_iso(ns), ev["level"], thread, ev["gap"])


ATLAS_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) "
            r"(?:TRACE|DEBUG|INFO |WARN |ERROR|FATAL) - \[[^\]]+:\] ~ ")


def build_atlas():
    S = System(4, "Atlas", atlas_header, ATLAS_RE, lambda ts: ts,
               "log4j `%d %-5p - [%t:%x] ~ %m (%C{1}:%L)%n`")
    rng = S.rng
    dbs = ["sales", "finance", "marketing", "staging", "default"]
    tabs = ["orders", "payroll", "campaigns", "web_events", "customers", "invoices"]
    cluster = "prod1"

    def qn():
        return "%s.%s@%s" % (rng.choice(dbs), rng.choice(tabs), cluster)

    def rest_thread(force_plain=False):
        base = "qtp1157440841-%d" % rng.randint(30, 420)
        if force_plain or rng.random() < 0.3:
            return base
        return "%s - %s" % (base, ruuid(rng))

    offsets = [rng.randint(400000, 9000000) for _ in range(3)]

    def next_offset(p):
        offsets[p] += rng.randint(1, 900)
        return offsets[p]

    def hook_thread():
        return "NotificationHookConsumer thread-%d" % rng.randint(0, 2)

    services = ["org.apache.atlas.web.service.ActiveInstanceElectorService",
                "org.apache.atlas.kafka.KafkaNotification",
                "org.apache.atlas.notification.NotificationHookConsumer",
                "org.apache.atlas.repository.audit.HBaseBasedAuditRepository",
                "org.apache.atlas.notification.EntityNotificationListenerV2",
                "org.apache.atlas.repository.impexp.ExportImportAuditService"]

    def g_props(S, k):
        return [S.cyc(k, 0, ["/etc/atlas/conf/atlas-application.properties",
                             "/usr/hdp/current/atlas-server/conf/atlas-application.properties"])], "main"

    def g_start(S, k):
        return [S.cyc(k, 0, services)], "main"

    def g_stop(S, k):
        return [S.cyc(k, 0, services[::-1])], "Thread-%d" % rng.randint(3, 40)

    def g_leader(S, k):
        return ["id%d" % S.cyc(k, 0, [1, 2])], "main-EventThread"

    def g_rollback(S, k):
        kind = S.cyc(k, 0, [0, 1, 2, 3])
        if kind == 0:
            v = "AtlasBaseException:Instance hive_table with unique attribute {qualifiedName=%s} does not exist" % qn()
        elif kind == 1:
            v = "AtlasBaseException:Given instance guid %s is invalid/not found" % ruuid(rng)
        elif kind == 2:
            v = "AtlasBaseException:Invalid instance creation/updation parameters passed : hive_column.table: mandatory attribute value missing in type hive_column"
        else:
            v = "AtlasBaseException:Instance hdfs_path with unique attribute {qualifiedName=hdfs://nn01.corp.example:8020/warehouse/tablespace/external/hive/%s.db/%s@%s} does not exist" % (
                rng.choice(dbs), rng.choice(tabs), cluster)
        return [v], hook_thread() if rng.random() < 0.7 else rest_thread()

    def g_hook(S, k):
        p = rng.randint(0, 2)
        return [p, next_offset(p),
                S.cyc(k, 0, ["ENTITY_CREATE_V2", "ENTITY_PARTIAL_UPDATE_V2", "ENTITY_FULL_UPDATE_V2",
                             "ENTITY_DELETE_V2", "ENTITY_CREATE_V2"]),
                S.cyc(k, 1, ["hive", "spark", "impala", "hive", "sqoop", "hbase"])], hook_thread()

    def g_maxretry(S, k):
        p = rng.randint(0, 2)
        return [next_offset(p), p], hook_thread()

    def g_loginfail(S, k):
        return [S.cyc(k, 0, ["admin", "jdoe", "guest", "svc_dq"])], rest_thread(force_plain=True)

    props = [("hive_table.name", "java.lang.String"), ("Referenceable.qualifiedName", "java.lang.String"),
             ("hive_table.createTime", "java.util.Date"), ("hive_column.position", "java.lang.Integer"),
             ("Asset.owner", "java.lang.String"), ("hive_table.temporary", "java.lang.Boolean"),
             ("kafka_topic.partitionCount", "java.lang.Integer"), ("__timestamp", "java.lang.Long")]

    def g_index(S, k):
        p, ty = S.cyc(k, 0, props)
        return [p, ty], "main"

    def g_index_done(S, k):
        return [S.cyc(k, 0, ["hive_table", "hive_column", "hive_db", "kafka_topic", "hdfs_path",
                             "spark_process", "hbase_table"])], "main"

    def g_model(S, k):
        return [S.cyc(k, 0, [
            "/usr/hdp/current/atlas-server/models/0000-Area0/0010-base_model.json",
            "/usr/hdp/current/atlas-server/models/1000-Hadoop/1030-hive_model.json",
            "/usr/hdp/current/atlas-server/models/1000-Hadoop/1020-fs_model.json",
            "/usr/hdp/current/atlas-server/models/1000-Hadoop/1070-kafka_model.json",
            "/usr/hdp/current/atlas-server/models/1000-Hadoop/1060-hbase_model.json",
            "/usr/hdp/current/atlas-server/models/1000-Hadoop/1100-spark_model.json"])], "main"

    def g_notify(S, k):
        return [rng.randint(1, 64), "%d ms" % rng.randint(2, 240)], hook_thread()

    def g_authz(S, k):
        return [S.cyc(k, 0, ["jdoe", "guest", "mlee", "svc_dq"]),
                S.cyc(k, 1, ["[analysts, public]", "[public]", "[data-science, public]"]),
                S.cyc(k, 2, ["ENTITY_READ", "ENTITY_UPDATE", "ENTITY_DELETE", "TYPE_CREATE"]),
                "hive_table:" + qn()], rest_thread()

    def g_delete(S, k):
        ty = S.cyc(k, 0, ["hive_column", "hive_table", "hdfs_path", "hive_column", "hive_process"])
        if ty == "hive_column":
            q = "%s.%s.%s@%s" % (rng.choice(dbs), rng.choice(tabs),
                                 rng.choice(["id", "amount", "email", "created_at", "status"]), cluster)
        elif ty == "hdfs_path":
            q = "hdfs://nn01.corp.example:8020/data/landing/%s/%d@%s" % (rng.choice(tabs), rng.randint(1, 99), cluster)
        elif ty == "hive_process":
            q = "%s.%s@%s:%d" % (rng.choice(dbs), rng.choice(tabs), cluster, epoch_ms(S.now) - rng.randrange(10 ** 8))
        else:
            q = qn()
        return [ruuid(rng), ty, q], hook_thread() if rng.random() < 0.6 else rest_thread()

    S.event("props", "INFO", None,
            "Loading atlas-application.properties from file:<*> (ApplicationProperties:133)", 4, g_props)
    S.event("svc_start", "INFO", None, "Starting service <*> (Services:56)", 12, g_start)
    S.event("svc_stop", "INFO", None, "Stopping service <*> (Services:78)", 6, g_stop)
    S.event("leader", "INFO", None,
            "Server instance with server id <*> is elected as leader (ActiveInstanceElectorService:178)", 3, g_leader)
    S.event("rollback", "WARN", None, "graph rollback due to exception <*> (GraphTransactionInterceptor:202)",
            28, g_rollback)
    S.event("hook", "INFO", None,
            "Processed hook message: topic=ATLAS_HOOK, partition=<*>, offset=<*>, type=<*>, user=<*> (NotificationHookConsumer:923)",
            None, g_hook)
    S.event("maxretry", "WARN", None,
            "Max retries exceeded for message at offset <*> in partition <*> (NotificationHookConsumer:781)", 5, g_maxretry)
    S.event("loginfail", "ERROR", None, "Login failed for user: <*> (AtlasFileAuthenticationProvider:80)", 7, g_loginfail)
    S.event("index", "INFO", None, "Creating index for property <*> of type <*> (GraphBackedSearchIndexer:612)",
            18, g_index)
    S.event("index_done", "INFO", None, "Index creation for type <*> complete (GraphBackedSearchIndexer:390)",
            10, g_index_done)
    S.event("model", "INFO", None, "No new type in file <*> (AtlasTypeDefStoreInitializer:190)", 14, g_model)
    S.event("notify", "INFO", None,
            "Sent <*> entity notifications to ATLAS_ENTITIES in <*> (EntityNotificationListenerV2:112)", 30, g_notify)
    S.event("authz", "WARN", None,
            "Authorization denied: user=<*>, groups=<*>, action=<*>, entity=<*> (AtlasAuthorizationUtils:118)", 15, g_authz)
    S.event("softdel", "INFO", None,
            "Soft-deleting entity guid=<*>, typeName=<*>, qualifiedName=<*> (DeleteHandlerV1:231)", 16, g_delete)
    run_shuffle(S, at(10, 20, 45) + rng.randrange(NS), 4.0, "hook")
    return S


# ==========================================================================
# 5. Knox  (seeded shuffle) gateway.log
# ==========================================================================
def build_knox():
    S = System(5, "Knox", yy_header, YY_RE, lambda ts: ts,
               "log4j `%d{yy/MM/dd HH:mm:ss} %p %c{2}: %m%n`")
    rng = S.rng
    homes = ["/usr/hdp/3.1.5.0-152/knox", "/opt/knox-1.4.0"]
    topos = ["default", "sandbox", "admin", "manager", "knoxsso", "cdp-proxy"]
    users = ["jdoe", "asmith", "mlee", "svc_etl", "rkumar", "tnguyen", "guest", "bwilson"]
    grouppool = ["analysts", "hadoop-users", "finance", "etl-ops", "data-science", "admins"]

    def g_none(S, k):
        return [], None

    def g_res(S, k):
        return [S.cyc(k, 0, [
            "jar:file:/usr/hdp/3.1.5.0-152/knox/bin/../lib/gateway-server-1.0.0.3.1.5.0-152.jar!/conf/gateway-default.xml",
            "jar:file:/opt/knox-1.4.0/bin/../lib/gateway-server-1.4.0.jar!/conf/gateway-default.xml"])], None

    def g_file(S, k):
        return [S.cyc(k, 0, [h + "/bin/../conf/gateway-site.xml" for h in homes])], None

    def g_mon(S, k):
        return [S.cyc(k, 0, [h + "/bin/../conf/topologies" for h in homes])], None

    def g_topofile(S, k):
        h = S.cyc(k, 0, homes)
        return ["%s/bin/../conf/topologies/%s.xml" % (h, S.cyc(k, 1, topos))], None

    def deploy_dir(topo):
        d = "/var/lib/knox/data-3.1.5.0-152" if rng.random() < 0.6 else "/opt/knox-1.4.0/data"
        return "%s/deployments/%s.topo.%x" % (d, topo, epoch_ms(at(0)) - rng.randrange(40 * 86400 * 1000))

    def g_deploying(S, k):
        t = S.cyc(k, 0, topos)
        return [t, deploy_dir(t)], None

    def g_topo(S, k):
        return [S.cyc(k, 0, topos)], None

    def g_port(S, k):
        return [S.cyc(k, 0, ["8,443", "8,442", "9,443"])], None

    def g_roles(S, k):
        g = sorted(rng.sample(grouppool, rng.randint(1, 3)))
        return ["[" + ", ".join(g) + "]", S.cyc(k, 0, users)], None

    def g_ldapfail(S, k):
        return [S.cyc(k, 0, [
            "[LDAP: error code 49 - 80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e, v4563]",
            "LDAP authentication failed.",
            "[LDAP: error code 49 - 80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 775, v4563]",
            "ldaps://dc02.corp.example:636: connect timed out"])], None

    backends = [
        ("https://nn01.corp.example:50470/webhdfs/v1/user/{u}?op=LISTSTATUS&user.name={u}", 0),
        ("http://hs2-01.corp.example:10001/cliservice", 1),
        ("http://rm01.corp.example:8088/ws/v1/cluster/apps?state=RUNNING", 0),
        ("https://nn02.corp.example:50470/webhdfs/v1/data/landing/{u}?op=GETFILESTATUS&user.name={u}", 2),
        ("http://hbm01.corp.example:60080/status/cluster", 1),
    ]
    excs = ["java.net.ConnectException: Connection refused (Connection refused)",
            "org.apache.http.conn.HttpHostConnectException: Connect to hs2-01.corp.example:10001 [hs2-01.corp.example/10.30.2.41] failed: Connection refused (Connection refused)",
            "java.net.SocketTimeoutException: Read timed out",
            "org.apache.http.NoHttpResponseException: nn02.corp.example:50470 failed to respond"]

    def g_dispatch(S, k):
        url, _ = S.cyc(k, 0, backends)
        return [url.format(u=rng.choice(users)), S.cyc(k, 1, excs)], None

    K = "knox.gateway"
    S.event("starting", "INFO", K, "Starting gateway...", 4, g_none)
    S.event("cfg_res", "INFO", K, "Loading configuration resource <*>", 8, g_res)
    S.event("cfg_file", "INFO", K, "Loading configuration file <*>", 8, g_file)
    S.event("monitor", "INFO", K, "Monitoring topologies in directory: <*>", 6, g_mon)
    S.event("topo_file", "INFO", K, "Loading topology file: <*>", 14, g_topofile)
    S.event("deploying", "INFO", K, "Deploying topology <*> to <*>", 14, g_deploying)
    S.event("deployed", "INFO", K, "Deployed topology <*>.", 14, g_topo)
    S.event("undeploy", "INFO", K, "Undeploying topology <*>", 5, g_topo)
    S.event("credstore", "INFO", K, "Credential store found for the cluster: <*> - no need to create one.", 10, g_topo)
    S.event("started", "INFO", K, "Started gateway on port <*>.", 4, g_port)
    S.event("stopping", "INFO", K, "Stopping gateway...", 3, g_none)
    S.event("roles", "INFO", K, "Computed roles/groups: <*> for principal: <*>", None, g_roles)
    S.event("ldapfail", "WARN", K, "Failed to Authenticate with LDAP server: <*>", 25, g_ldapfail)
    S.event("dispatch", "WARN", K, "Connection exception dispatching request: <*> <*>", 40, g_dispatch)
    S.event("stopped", "INFO", K, "Stopped gateway.", 3, g_none)
    run_shuffle(S, at(13, 5, 40) + rng.randrange(NS), 9.0, "roles")
    return S


# ==========================================================================
# 6. Ambari  (simulation: agent hosts, operation requests, stack advisor,
#             sporadic auth failures and stale alerts)
# ==========================================================================
def ambari_header(ns, ev, thread):
    return "%s %5s [%s] %s - %s" % (ts_iso(ns), ev["level"], thread, ev["where"], ev["gap"])


AMBARI_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}) "
             r"(?:TRACE|DEBUG| INFO| WARN|ERROR|FATAL) \[[^\]]+\] \w+:\d+ - ")


def build_ambari():
    S = System(6, "Ambari", ambari_header, AMBARI_RE, lambda ts: ts,
               "log4j `%d{ISO8601} %5p [%t] %c{1}:%L - %m%n`")
    S.event("reg", "INFO", "HostImpl:374",
            "Received host registration, host=[hostname=<*>,fqdn=<*>,domain=prod1.corp.example,architecture=x86_64,processorcount=<*>,physicalprocessorcount=<*>,memoryTotal=<*>], registrationTime=<*>, agentVersion=2.7.8.0")
    S.event("host_trans", "INFO", "HostImpl:1067",
            "Host transitioned to a new state, host=<*>, oldState=<*>, currentState=<*>, event=<*>")
    S.event("hb_lost", "WARN", "HeartbeatMonitor:169", "Heartbeat lost from host <*>")
    S.event("upd_req", "INFO", "AmbariManagementControllerImpl:3401",
            "Received a updateHostComponent request, clusterName=prod1, serviceName=<*>, componentName=<*>, hostname=<*>, request={ desiredState=<*>, adminState=null }")
    S.event("role_trans", "INFO", "ServiceComponentHostImpl:1073",
            "Host role transitioned to a new state, serviceComponentName=<*>, hostName=<*>, oldState=<*>, currentState=<*>")
    S.event("timeout", "WARN", "ActionScheduler:1187",
            "Host: <*>, role: <*>, actionId: <*> timed out and will be rescheduled")
    S.event("req_done", "INFO", "ActionScheduler:1321", "Request <*> (<*>) finished with status <*>")
    S.event("sa_script", "INFO", "StackAdvisorRunner:61",
            "Script=/var/lib/ambari-server/resources/scripts/stack_advisor.py, actionDirectory=<*>, command=<*>")
    S.event("sa_out", "INFO", "StackAdvisorRunner:98", "Stack-advisor output=<*>, error=<*>")
    S.event("apply_cfg", "INFO", "AmbariManagementControllerImpl:1787",
            "Applying configuration with tag '<*>' to cluster 'prod1' for configuration type <*>")
    S.event("auth_fail", "WARN", "AmbariAuthenticationEventHandlerImpl:125", "Failed to authenticate <*>: <*>")
    S.event("alert_bad", "WARN", "AlertReceivedListener:512",
            "Unable to process alert <*> for an invalid cluster named <*>")
    S.kind = "simulation"
    rng = S.rng
    T0 = at(7, 41, 12) + rng.randrange(NS)
    END = T0 + 60 * 60 * NS
    dom = "prod1.corp.example"
    masters = [("mst01", 32, 2, 263842716), ("mst02", 32, 2, 263842716), ("mst03", 24, 2, 197807844)]
    workers = [("wrk%02d" % i, rng.choice([16, 48]), rng.choice([1, 2]), rng.choice([131921052, 395868292]))
               for i in range(1, 10)]
    hosts = masters + workers
    fq = {h[0]: h[0] + "." + dom for h in hosts}
    W = "WAITING_FOR_HOST_STATUS_UPDATES"

    def register(h, t, old):
        name, cpu, phys, mem = h
        th = "agent-register-processor-%d" % rng.randint(0, 3)
        S.emit(t, "reg", [name, fq[name], cpu, phys, mem, epoch_ms(t)], th)
        S.emit(t + rng.randint(2, 30) * MS, "host_trans",
               [fq[name], old, W, "HOST_REGISTRATION_REQUEST"], th)
        S.emit(t + secs(rng, 1, 12), "host_trans",
               [fq[name], W, "HEALTHY", "HOST_STATUS_UPDATES_RECEIVED"],
               "agent-report-processor-%d" % rng.randint(0, 3))

    for h in hosts:
        register(h, T0 + secs(rng, 12, 110), "INIT")
    for h in rng.sample(hosts, 3):
        tl = T0 + secs(rng, 240, 900)
        S.emit(tl, "hb_lost", [fq[h[0]]], "ambari-hearbeat-monitor")
        S.emit(tl + rng.randint(1, 4) * MS, "host_trans",
               [fq[h[0]], "HEALTHY", "HEARTBEAT_LOST", "HOST_HEARTBEAT_LOST"], "ambari-hearbeat-monitor")
        register(h, tl + secs(rng, 45, 240), "HEARTBEAT_LOST")

    wn = [w[0] for w in workers]
    mn = [m[0] for m in masters]
    comps = [("HDFS", "DATANODE", "DataNodes", wn), ("YARN", "NODEMANAGER", "NodeManagers", wn),
             ("ZOOKEEPER", "ZOOKEEPER_SERVER", "ZooKeeper Servers", mn),
             ("HBASE", "HBASE_REGIONSERVER", "RegionServers", wn[:8]),
             ("KAFKA", "KAFKA_BROKER", "Kafka Brokers", wn[:5]),
             ("HDFS", "JOURNALNODE", "JournalNodes", mn),
             ("AMBARI_METRICS", "METRICS_MONITOR", "Metrics Monitors", mn + wn),
             ("YARN", "RESOURCEMANAGER", "ResourceManagers", mn[1:]),
             ("HIVE", "HIVE_SERVER", "HiveServer2", mn[2:] + wn[:2])]
    # next operation for a host component, keyed by its current state
    OPS = {"STARTED": ("Stop", "INSTALLED", ("STARTED", "STOPPING", "INSTALLED")),
           "INSTALLED": ("Start", "STARTED", ("INSTALLED", "STARTING", "STARTED")),
           "INIT": ("Install", "INSTALLED", ("INIT", "INSTALLING", "INSTALLED"))}
    state = {}
    for _svc, comp, _disp, cand in comps:
        for hname in cand:
            state[(comp, hname)] = "STARTED" if rng.random() < 0.8 else "INSTALLED"
    for comp, hname in (("KAFKA_BROKER", "wrk04"), ("KAFKA_BROKER", "wrk05"),
                        ("HBASE_REGIONSERVER", "wrk07"), ("HBASE_REGIONSERVER", "wrk08"),
                        ("HIVE_SERVER", "wrk02")):
        state[(comp, hname)] = "INIT"
    rid = rng.randint(140, 260)
    t = T0 + secs(rng, 130, 170)
    ci = rng.randrange(len(comps))
    while t < END:
        svc, comp, disp, cand = comps[ci % len(comps)]
        ci += 1 + (rng.random() < 0.3)
        by = {}
        for hname in cand:
            by.setdefault(state[(comp, hname)], []).append(hname)
        cur = "INIT" if "INIT" in by else rng.choice(sorted(by))
        verb, desired, (s0, s1, s2) = OPS[cur]
        hs = rng.sample(by[cur], rng.randint(1, min(len(by[cur]), 5)))
        ctx = "%s %s" % (verb, disp)
        client = "ambari-client-thread-%d" % rng.randint(20, 260)
        tu = t
        for hname in hs:
            S.emit(tu, "upd_req", [svc, comp, fq[hname], desired], client)
            tu += rng.randint(1, 5) * MS + rng.randrange(MS)
        stage_t = tu + secs(rng, 0.4, 2.0)
        status = "COMPLETED"
        finish = stage_t
        for hname in hs:
            rp = "agent-report-processor-%d" % rng.randint(0, 3)
            t1 = stage_t + secs(rng, 0.2, 3.0)
            S.emit(t1, "role_trans", [comp, fq[hname], s0, s1], rp)
            if rng.random() < 0.09:
                tt = t1 + secs(rng, 300, 310)
                S.emit(tt, "timeout", [fq[hname], comp, "%d-0" % rid], "ambari-action-scheduler")
                t2 = tt + secs(rng, 5, 60)
                if S.cyc("timeout", "retry-outcome", ["ok", "failed"]) == "ok":
                    S.emit(t2, "role_trans", [comp, fq[hname], s1, s2], rp)
                    state[(comp, hname)] = s2
                else:
                    S.emit(t2, "role_trans", [comp, fq[hname], s1, s0], rp)
                    state[(comp, hname)] = s0
                    status = "FAILED"
            else:
                t2 = t1 + secs(rng, 4, 45)
                S.emit(t2, "role_trans", [comp, fq[hname], s1, s2], rp)
                state[(comp, hname)] = s2
            finish = max(finish, t2)
        S.emit(finish + secs(rng, 0.5, 2.0), "req_done", [rid, ctx, status], "ambari-action-scheduler")
        rid += 1
        t += secs(rng, 25, 110)

    # stack advisor invocations from the UI
    sa = rng.randint(30, 90)
    t = T0 + secs(rng, 200, 320)
    cfg_types = ["hdfs-site", "core-site", "yarn-site", "hbase-site", "hive-site", "kafka-broker"]
    while t < END:
        cmd = S.cyc("sa_script", 1, ["recommend-configurations", "validate-configurations",
                                     "recommend-configuration-dependencies"])
        th = "ambari-client-thread-%d" % rng.randint(20, 260)
        d = "/var/run/ambari-server/stack-recommendations/%d" % sa
        S.emit(t, "sa_script", [d, cmd], th)
        S.emit(t + secs(rng, 1.5, 6.0), "sa_out", [d + "/stackadvisor.out", d + "/stackadvisor.err"], th)
        if cmd == "validate-configurations":
            ta = t + secs(rng, 8, 40)
            tag = "version%d" % epoch_ms(ta)
            for ct in rng.sample(cfg_types, rng.randint(1, 3)):
                S.emit(ta, "apply_cfg", [tag, ct], "ambari-client-thread-%d" % rng.randint(20, 260))
                ta += rng.randint(3, 40) * MS
        sa += 1
        t += secs(rng, 60, 260)

    reasons = ["Unable to sign in. Invalid username/password combination.",
               "User is disabled",
               "Too many authentication failures"]
    for i in range(5):
        S.emit(T0 + secs(rng, 150, 1300), "auth_fail",
               [S.cyc("auth_fail", 0, ["admin", "jsmith", "ops_ro"]), S.cyc("auth_fail", 1, reasons)],
               "ambari-client-thread-%d" % rng.randint(20, 260))
    for i in range(5):
        S.emit(T0 + secs(rng, 60, 1300), "alert_bad",
               [S.cyc("alert_bad", 0, ["ambari_agent_disk_usage", "datanode_process", "yarn_nodemanager_health",
                                       "ambari_agent_version_select"]),
                S.cyc("alert_bad", 1, ["prod1_old", "sandbox"])],
               "alert-event-bus-%d" % rng.randint(1, 2))
    return S


# ==========================================================================
# write + self-check
# ==========================================================================
def write_system(S):
    recs = sorted(S.recs, key=lambda r: (r[0], r[1]))[:N_LINES]
    if len(recs) != N_LINES:
        raise SystemExit("%s: only %d records" % (S.name, len(recs)))
    d = os.path.join(ROOT, S.name)
    os.makedirs(d, exist_ok=True)
    lines, rows = [], []
    for i, (ns, _seq, key, vals, thread) in enumerate(recs, 1):
        ev = S.by_key[key]
        content = fill(ev["tpl"], vals)
        lines.append(S.header_fn(ns, ev, thread) + content)
        rows.append([i, content, ev["eid"], ev["tpl"]])
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")))


def check_system(S):
    errs = []
    d = os.path.join(ROOT, S.name)
    log_path = os.path.join(d, S.name + ".log")
    csv_path = os.path.join(d, S.name + ".log_structured.csv")
    for p in (log_path, csv_path):
        raw = open(p, "rb").read()
        if not raw.endswith(b"\n"):
            errs.append("%s does not end with newline" % p)
        if b"\r" in raw:
            errs.append("%s contains CR" % p)
    text = open(log_path, encoding="utf-8", newline="").read()
    lines = text[:-1].split("\n")
    with open(csv_path, encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    if table[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header")
    rows = table[1:]
    if len(lines) != N_LINES or len(rows) != N_LINES:
        errs.append("line/row count %d/%d" % (len(lines), len(rows)))
    tpl_of = {}
    counts = {}
    captures = {}
    last = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("row %d LineId %s" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty or unstripped" % i)
        if not line.endswith(content):
            errs.append("line %d does not end with its content" % i)
            continue
        header = line[:len(line) - len(content)]
        m = S.header_re.fullmatch(header)
        if not m:
            errs.append("line %d header mismatch: %r" % (i, header))
        else:
            key = S.ts_key(m.group("ts"))
            if last is not None and key < last:
                errs.append("line %d timestamp goes back" % i)
            last = key
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %s" % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append("EventId %s has two templates" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        mm = tpl_regex(tpl).fullmatch(content)
        if not mm:
            errs.append("row %d template does not match content" % i)
        else:
            cap = captures.setdefault(eid, [set() for _ in mm.groups()])
            for j, g in enumerate(mm.groups()):
                cap[j].add(g)
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("two EventIds share a template")
    declared = [e["eid"] for e in S.events]
    for e in S.events:
        if e["eid"] not in counts:
            errs.append("declared event %s (%s) unused" % (e["eid"], e["key"]))
        elif tpl_of[e["eid"]] != e["tpl"]:
            errs.append("EventId %s template differs from declaration" % e["eid"])
    if set(counts) - set(declared):
        errs.append("undeclared EventIds")
    for eid, cap in captures.items():
        for j, vals in enumerate(cap):
            if len(vals) < 2:
                errs.append("%s slot %d takes one value %r" % (eid, j + 1, sorted(vals)))
    n = len(S.events)
    if not 12 <= n <= 15:
        errs.append("%d event types" % n)
    cs = [counts.get(e, 0) for e in declared]
    if min(cs) < 3:
        errs.append("an event has fewer than 3 lines: %s" % cs)
    if sum(1 for c in cs if 3 <= c <= 10) < 3:
        errs.append("fewer than three events with 3-10 lines: %s" % cs)
    med = statistics.median(cs)
    if max(cs) < 3 * med:
        errs.append("largest %d < 3 x median %s" % (max(cs), med))
    return errs, counts, med


def main():
    builders = [build_flume, build_sqoop, build_ranger, build_atlas, build_knox, build_ambari]
    systems = [b() for b in builders]
    for S in systems:
        write_system(S)
    failed = False
    for S in systems:
        errs, counts, med = check_system(S)
        cs = [counts.get(e["eid"], 0) for e in S.events]
        print("%-12s %-10s events=%2d counts=%s median=%s max=%d -> %s" % (
            S.name, S.kind, len(S.events), cs, med, max(cs), "OK" if not errs else "FAIL"))
        for e in errs[:25]:
            print("    " + e)
        failed = failed or bool(errs)
    if failed:
        sys.exit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
