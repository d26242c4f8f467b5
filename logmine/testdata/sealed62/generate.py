#!/usr/bin/env python3
"""Generate the Sealed 62 blind labelled log corpus.

Python 3 standard library only.  Fully deterministic: no wall clock, no
locale, no environment lookups.  Every message, header and value below was
invented for this corpus in the style of the named program.

Run:  python3 generate.py
It writes <System>/<System>.log and <System>/<System>.log_structured.csv for
six systems next to this file, then re-reads and self-checks every file.
"""
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270186
HERE = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300
CSV_HEADER = ["LineId", "Content", "EventId", "EventTemplate"]

# ---------------------------------------------------------------- clock ----
NS = 1_000_000_000
MS = 1_000_000
US = 1_000
YEAR, MONTH, DAY = 2026, 3, 14
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAY_NS = 86400 * NS


def days_from_civil(y, m, d):
    """Days since 1970-01-01 of a proleptic Gregorian date (no datetime)."""
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


assert days_from_civil(1970, 1, 1) == 0
assert days_from_civil(2000, 3, 1) == 11017
EPOCH_S = days_from_civil(YEAR, MONTH, DAY) * 86400   # 2026-03-14T00:00:00Z


def hms(ns):
    """Split a nanosecond-of-day clock value; the clock must stay on the day."""
    if not 0 <= ns < DAY_NS:
        raise ValueError("clock left %04d-%02d-%02d: %d" % (YEAR, MONTH, DAY, ns))
    s, frac = divmod(ns, NS)
    h, r = divmod(s, 3600)
    m, s = divmod(r, 60)
    return h, m, s, frac


def stamp(ns, sep=" ", digits=3, dec="."):
    h, m, s, frac = hms(ns)
    return "%04d-%02d-%02d%s%02d:%02d:%02d%s%s" % (
        YEAR, MONTH, DAY, sep, h, m, s, dec, ("%09d" % frac)[:digits])


def epoch_ms(ns):
    return EPOCH_S * 1000 + ns // MS


def ts_key(m):
    """Nanosecond clock value from a header match with groups H, M, S, F."""
    return ((int(m.group("H")) * 3600 + int(m.group("M")) * 60 + int(m.group("S"))) * NS
            + int(m.group("F").ljust(9, "0")))


# -------------------------------------------------------------- helpers ----
HEX = "0123456789abcdef"
B36 = "0123456789abcdefghijklmnopqrstuvwxyz"
B32 = "0123456789abcdefghijklmnopqrstuv"
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def hexs(rng, n):
    return "".join(rng.choice(HEX) for _ in range(n))


def b64id(rng, n=22):
    return "".join(rng.choice(B64) for _ in range(n))


def b32s(rng, n):
    return "".join(rng.choice(B32) for _ in range(n))


def base36(n, width):
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = B36[r] + out
    return out.rjust(width, "0")


def uuid4(rng):
    return "%s-%s-4%s-%s%s-%s" % (hexs(rng, 8), hexs(rng, 4), hexs(rng, 3),
                                   rng.choice("89ab"), hexs(rng, 3), hexs(rng, 12))


def expo(rng, mean_ns):
    return int(rng.expovariate(1.0 / mean_ns))


def commas(n):
    return "{:,}".format(n)          # locale independent


def trim1(v):
    return ("%.1f" % v).rstrip("0").rstrip(".")


def es_bytes(b):
    """Elasticsearch/CrateDB ByteSizeValue style: 9.8gb, 512mb, 87.2kb."""
    for unit, f in (("tb", 1 << 40), ("gb", 1 << 30), ("mb", 1 << 20), ("kb", 1 << 10)):
        if b >= f:
            return trim1(b / f) + unit
    return "%db" % b


def es_time(ns):
    """Elasticsearch/CrateDB TimeValue style: 812ms, 1.2s, 2.3m, 1.1h."""
    for unit, f in (("h", 3600 * NS), ("m", 60 * NS), ("s", NS), ("ms", MS)):
        if ns >= f:
            return trim1(ns / f) + unit
    return "%dmicros" % max(1, ns // US)


def rust_dur(ns):
    """Rust Duration Debug style at microsecond precision: 48.213ms, 3.402118s."""
    ns = max(MS, ns) // US * US
    if ns >= NS:
        q, r, w, u = ns // NS, ns % NS, 9, "s"
    else:
        q, r, w, u = ns // MS, ns % MS, 6, "ms"
    frac = ("%0*d" % (w, r)).rstrip("0")
    return "%d.%s%s" % (q, frac, u) if frac else "%d%s" % (q, u)


def mib(b):
    for unit, f in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if b >= f:
            return "%.1f %s" % (b / f, unit)
    return "%d B" % b


class Pools:
    """Small value pools cycle per (event, slot) key, starting at a seeded offset."""

    def __init__(self, rng):
        self.rng = rng
        self.pos = {}

    def cyc(self, key, pool):
        pool = list(pool)
        if key not in self.pos:
            self.pos[key] = self.rng.randrange(len(pool))
        i = self.pos[key]
        self.pos[key] = i + 1
        return pool[i % len(pool)]


class Catalog:
    """Event types in declaration order; EventId E<n> is position n (1-based)."""

    def __init__(self, specs):
        self.keys = [k for k, _ in specs]
        self.tpl = [t for _, t in specs]
        self.idx = {k: i for i, k in enumerate(self.keys)}
        assert len(self.idx) == len(self.keys), "duplicate event key"
        assert len(set(self.tpl)) == len(self.tpl), "duplicate template"

    def content(self, key, vals):
        parts = self.tpl[self.idx[key]].split("<*>")
        if len(parts) - 1 != len(vals):
            raise ValueError("%s: %d slots, %d values" % (key, len(parts) - 1, len(vals)))
        out = parts[0]
        for v, p in zip(vals, parts[1:]):
            v = str(v)
            if not v or v != v.strip() or "\n" in v or "\r" in v:
                raise ValueError("%s: bad value %r" % (key, v))
            out += v + p
        return out


class Rec:
    __slots__ = ("t", "header", "content", "eid", "vals")

    def __init__(self, t, header, content, eid, vals):
        self.t, self.header, self.content, self.eid, self.vals = t, header, content, eid, vals


def run_shuffle(rng, cat, counts, start_ns, mean_gap_ns, render):
    """Seeded shuffle: fixed count per event, shuffled, forward-only clock."""
    assert len(counts) == len(cat.keys) and sum(counts) == N_LINES, counts
    order = [i for i, c in enumerate(counts) for _ in range(c)]
    rng.shuffle(order)
    recs, t = [], start_ns
    for i in order:
        t += US + expo(rng, mean_gap_ns)
        key = cat.keys[i]
        header, vals = render(key, t)
        recs.append(Rec(t, header, cat.content(key, vals), i, [str(v) for v in vals]))
    return recs


def run_simulation(cat, emitted, header_fn):
    """Merge per-entity lines in time order and keep the first N_LINES."""
    emitted.sort(key=lambda e: (e[0], e[1]))
    recs = []
    for t, _seq, key, vals, info in emitted[:N_LINES]:
        recs.append(Rec(t, header_fn(t, key, info), cat.content(key, vals),
                        cat.idx[key], [str(v) for v in vals]))
    assert len(recs) == N_LINES, len(recs)
    return recs


# ============================================================ 1. Vertica ====
VERTICA_HDR = re.compile(
    r"2026-03-14 (?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d)\.(?P<F>\d{3}) "
    r"[A-Z][A-Za-z ]*[a-z](?:\(\d\d\))?:(?:0x)?[0-9a-f]{12}(?:-a[0-9a-f]{13})? "
    r"(?:\[[A-Za-z]+\] )?<(?:LOG|INFO|WARNING|ERROR|FATAL)> ")


def build_vertica(rng):
    P = Pools(rng)
    NODE, PID = "v_sales_node0002", 218734
    N = "@" + NODE + ": "
    cat = Catalog([
        ("conn_recv", N + "00000/2705: Connection received: host=<*> port=<*> (connCnt <*>)"),
        ("ssl_recv", N + "00000/4540: Received SSL negotiation startup packet"),
        ("ssl_resp", N + "00000/4691: Sending SSL negotiation response '<*>'"),
        ("auth_req", N + "00000/4686: Authentication - sendAuthRequest: user=<*> database=sales host=<*> authType=<*>"),
        ("auth_ok", N + "00000/2703: Connection authenticated: user=<*> database=sales host=<*>"),
        ("begin", "Begin Txn: <*> '<*>'"),
        ("query", "[Query] TX:<*>(<*>) <*>"),
        ("commit_start", "Starting commit: Txn: <*> '<*>'"),
        ("commit_done", "Commit Complete: Txn: <*> at epoch <*> and new global catalog version <*>"),
        ("rollback", "Rollback Txn: <*> '<*>'"),
        ("sess_end", N + "00000/4719: Session <*> ended; closing connection (connCnt <*>)"),
        ("syntax", N + "42601/4856: Syntax error at or near \"<*>\" at character <*>"),
        ("auth_fail", N + "28000/3781: Authentication failed for username \"<*>\""),
        ("mergeout", "Mergeout: projection <*> selected <*> ROS containers (<*>) for stratum <*>"),
        ("ahm", "Advancing AHM to epoch <*> (last good epoch <*>)"),
    ])
    users = ["dbadmin", "etl_loader", "bi_reader", "mkowalski", "tableau_ro",
             "spark_ingest", "a.ferreira"]
    hosts = ["10.40.12.31", "10.40.12.57", "10.40.13.8", "172.19.4.210",
             "10.40.14.102", "192.168.70.15", "10.40.12.200"]
    bad_users = ["bi_readr", "admin", "tableau", "root", "etl"]

    def sel_sql():
        k = P.cyc(("sql", "sel"), range(8))
        if k == 0:
            return "select count(*) from store.store_sales_fact where date_key > %d" % rng.randrange(1800, 2400)
        if k == 1:
            return ("SELECT customer_key, sum(sales_dollar_amount) FROM store.store_sales_fact "
                    "GROUP BY 1 ORDER BY 2 DESC LIMIT %d" % rng.choice([10, 20, 50, 100]))
        if k == 2:
            return "select version()"
        if k == 3:
            return "SELECT node_name, node_state FROM v_catalog.nodes"
        if k == 4:
            return ("select * from online_sales.call_center_dimension where call_center_key = %d"
                    % rng.randrange(1, 200))
        if k == 5:
            return "SELECT table_schema, table_name FROM v_catalog.tables WHERE NOT is_temp_table"
        if k == 6:
            return ("SELECT projection_name, used_bytes FROM v_monitor.projection_storage "
                    "WHERE anchor_table_name = '%s'"
                    % rng.choice(["store_sales_fact", "customer_dimension", "orders_fact"]))
        return ("select order_id, status from public.orders_fact where order_id in (%d, %d)"
                % (rng.randrange(100000, 999999), rng.randrange(100000, 999999)))

    def wr_sql():
        k = P.cyc(("sql", "wr"), range(6))
        if k == 0:
            return ("COPY store.store_sales_fact FROM '/data/stage/sales_0314_%02d%s.csv.gz' "
                    "GZIP DELIMITER '|' DIRECT" % (rng.randrange(24), rng.choice("abcd")))
        if k == 1:
            return ("insert into public.etl_audit values (%d, 'load_%s', now())"
                    % (rng.randrange(4000, 9000), rng.choice(["sales", "returns", "inventory"])))
        if k == 2:
            return ("UPDATE public.customer_flags SET churn_risk = '%s' WHERE customer_key = %d"
                    % (rng.choice(["high", "low", "medium"]), rng.randrange(1, 500000)))
        if k == 3:
            return ("DELETE FROM public.session_cache WHERE expires_at < now() - interval '%d hours'"
                    % rng.choice([1, 6, 12, 24]))
        if k == 4:
            return "TRUNCATE TABLE stage.product_delta"
        return ("MERGE INTO public.dim_product t USING stage.product_delta s ON t.product_key = "
                "s.product_key WHEN MATCHED THEN UPDATE SET price = s.price")

    bad_sql = [("selct", "selct * from store.store_sales_fact limit 10"),
               ("FORM", "SELECT customer_key, name FORM public.customer_dimension"),
               ("WHERE", "SELECT * FROM public.orders_fact ORDER BY 1 WHERE status = 'open'"),
               (")", "select count(*)) from v_monitor.sessions")]

    def epoch(t):
        return 0x2c10 + t // (45 * NS)

    class Late:
        def __init__(self, kind):
            self.kind = kind

    sessions = []
    t = 9 * 3600 * NS + 17 * 60 * NS + rng.randrange(60 * NS)
    t_first = t
    scount = 0x2e4a0 + rng.randrange(4096)
    for i in range(80):
        t += 200 * MS + expo(rng, 11 * NS)
        start = t
        sid = "%s-%d:0x%x" % (NODE, PID, scount)
        scount += 1 + rng.randrange(3)
        tid = "7f" + hexs(rng, 7) + "700"
        user = P.cyc(("sess", "user"), users)
        host = P.cyc(("sess", "host"), hosts)
        port = rng.randrange(32768, 61000)
        lines = []

        def add(c, key, vals, txn=None, comp=None, level="INFO"):
            lines.append([c, key, vals, ("Init Session", tid, txn, comp, level)])

        c = start
        add(c, "conn_recv", [host, port, Late("cc_start")], level="LOG")
        if P.cyc(("sess", "ssl"), [True, False, True, False, False]):
            c += 20 * US + rng.randrange(300 * US)
            add(c, "ssl_recv", [], level="LOG")
            c += 10 * US + rng.randrange(100 * US)
            add(c, "ssl_resp", [P.cyc(("ssl_resp", 0), ["N", "S", "N"])], level="LOG")
        c += 200 * US + rng.randrange(3 * MS)
        failed = i % 6 == 2
        auth_user = P.cyc(("auth", "bad"), bad_users) if failed else user
        add(c, "auth_req", [auth_user, host, P.cyc(("auth_req", 2), [0, 0, 5, 0, 2])], level="LOG")
        c += 2 * MS + rng.randrange(40 * MS)
        if failed:
            add(c, "auth_fail", [auth_user], level="FATAL")
            sessions.append({"start": start, "end": c + MS, "lines": lines})
            continue
        add(c, "auth_ok", [user, host], level="LOG")
        nq = min(8, 1 + int(rng.expovariate(1 / 2.2)))
        for _q in range(nq):
            c += 30 * MS + expo(rng, 3 * NS)
            kind = P.cyc(("q", "kind"), ["sel", "sel", "wr", "sel", "sel", "bad", "sel", "wr",
                                         "sel", "sel", "wr", "sel", "sel", "sel", "wr"])
            txn = "a%013x" % (0x4f2a1000 + c // MS)
            if kind == "bad":
                tok, sql = P.cyc(("q", "bad"), bad_sql)
            else:
                sql = sel_sql() if kind == "sel" else wr_sql()
            add(c, "begin", [txn, sql], txn=txn, comp="Txn")
            c += 40 * US + rng.randrange(400 * US)
            add(c, "query", [txn, sid, sql], txn=txn, comp="Session")
            if kind == "bad":
                c += 300 * US + rng.randrange(MS)
                add(c, "syntax", [tok, sql.rfind(tok) + 1], txn=txn, level="ERROR")
                c += 50 * US + rng.randrange(200 * US)
                add(c, "rollback", [txn, sql], txn=txn, comp="Txn")
            elif kind == "sel":
                c += 2 * MS + expo(rng, 350 * MS)
                add(c, "rollback", [txn, sql], txn=txn, comp="Txn")
            else:
                c += 20 * MS + expo(rng, 2500 * MS)
                add(c, "commit_start", [txn, sql], txn=txn, comp="Txn")
                c += 3 * MS + expo(rng, 30 * MS)
                add(c, "commit_done", [txn, "0x%x" % epoch(c), 1840000 + c // (3 * NS)],
                    txn=txn, comp="Txn")
        c += 5 * MS + expo(rng, 2 * NS)
        add(c, "sess_end", [sid, Late("cc_end")], level="LOG")
        sessions.append({"start": start, "end": c, "lines": lines})

    emitted = []
    for s in sessions:
        cc_start = sum(1 for o in sessions if o["start"] <= s["start"] < o["end"])
        cc_end = sum(1 for o in sessions if o is not s and o["start"] <= s["end"] < o["end"])
        for c, key, vals, info in s["lines"]:
            vals = [cc_start if isinstance(v, Late) and v.kind == "cc_start" else
                    cc_end if isinstance(v, Late) else v for v in vals]
            emitted.append((c, len(emitted), key, vals, info))

    horizon = t_first + 2 * 3600 * NS
    mo_threads = [("TM Mergeout(00)", "0x7f" + hexs(rng, 10)),
                  ("TM Mergeout(01)", "0x7f" + hexs(rng, 10))]
    projections = ["store.store_sales_fact_b0", "store.store_sales_fact_b1",
                   "public.customer_dimension_super", "online_sales.online_sales_fact_b0",
                   "public.etl_audit_super", "public.orders_fact_b1"]
    tm = t_first + expo(rng, 40 * NS)
    while tm < horizon:
        thread, tid = P.cyc(("mergeout", "thread"), mo_threads)
        size = rng.randrange(40, 4000) * (1 << 20)
        size_s = "%.1f GB" % (size / (1 << 30)) if size >= (1 << 30) else "%d MB" % (size >> 20)
        emitted.append((tm, len(emitted), "mergeout",
                        [P.cyc(("mergeout", 0), projections), rng.randrange(3, 33), size_s,
                         rng.randrange(0, 6)],
                        (thread, tid, None, "TM", "INFO")))
        tm += 5 * NS + expo(rng, 55 * NS)
    ahm_tid = "0x7f" + hexs(rng, 10)
    ta = t_first + rng.randrange(60 * NS)
    while ta < horizon:
        e = epoch(ta)
        emitted.append((ta, len(emitted), "ahm", [e - 3 - rng.randrange(3), e - 1],
                        ("ManageEpochs", ahm_tid, None, None, "INFO")))
        ta += 80 * NS + rng.randrange(40 * NS)

    def header(t, key, info):
        thread, tid, txn, comp, level = info
        return "%s %s:%s%s %s<%s> " % (stamp(t), thread, tid, "-" + txn if txn else "",
                                         "[%s] " % comp if comp else "", level)

    return cat, run_simulation(cat, emitted, header)


# ============================================================ 2. CrateDB ====
CRATE_NODE = "Piz Kesch"
CRATEDB_HDR = re.compile(
    r"\[2026-03-14T(?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d),(?P<F>\d{3})\]"
    r"\[(?:TRACE|DEBUG|INFO |WARN |ERROR)\]\[(?:[a-z]\.)+[A-Z][A-Za-z]+ *\] "
    r"\[Piz Kesch\] (?:\[[\w.]+\]\[\d+\] )?")


def build_cratedb(rng):
    P = Pools(rng)
    cat = Catalog([
        ("added", "added {{<*>}{<*>}{<*>}{<*>:4300}}, term: <*>, version: <*>, reason: ApplyCommitRequest{term=<*>, version=<*>}"),
        ("removed", "removed {{<*>}{<*>}{<*>}{<*>:4300}}, term: <*>, version: <*>, reason: ApplyCommitRequest{term=<*>, version=<*>}"),
        ("create", "[<*>] creating index, cause [<*>], templates [<*>], shards [<*>]/[<*>]"),
        ("delete", "[<*>/<*>] deleting index"),
        ("health", "Cluster health status changed from [<*>] to [<*>] (reason: [<*>])."),
        ("gc_over", "[gc][<*>] overhead, spent [<*>] collecting in the last [<*>]"),
        ("gc_young", "[gc][young][<*>][<*>] duration [<*>], collections [<*>]/[<*>], total [<*>]/[<*>], memory [<*>]->[<*>]/[8gb]"),
        ("disk_high", "high disk watermark [90%] exceeded on [<*>][<*>][<*>] free: <*>[<*>], shards will be relocated away from this node"),
        ("disk_low", "low disk watermark [85%] exceeded on [<*>][<*>][<*>] free: <*>[<*>], replicas will not be assigned to this node"),
        ("setting", "updating [<*>] from [<*>] to [<*>]"),
        ("resync", "primary-replica resync completed with <*> operations"),
        ("recovery", "recovery of shard from [<*>] completed, took [<*>], files [<*>], translog ops [<*>]"),
        ("gateway", "recovered [<*>] indices into cluster_state"),
        ("conn_fail", "failed to connect to {<*>}{<*>}{<*>}{<*>:4300} (tried [<*>] times)"),
    ])
    counts = [12, 9, 40, 14, 30, 75, 50, 6, 15, 8, 20, 12, 4, 5]
    LOG = {
        "added": ("o.e.c.s.ClusterApplierService", "INFO"),
        "removed": ("o.e.c.s.ClusterApplierService", "INFO"),
        "create": ("o.e.c.m.MetadataCreateIndexService", "INFO"),
        "delete": ("o.e.c.m.MetadataDeleteIndexService", "INFO"),
        "health": ("o.e.c.r.a.AllocationService", "INFO"),
        "gc_over": ("o.e.m.j.JvmGcMonitorService", None),
        "gc_young": ("o.e.m.j.JvmGcMonitorService", None),
        "disk_high": ("o.e.c.r.a.DiskThresholdMonitor", "WARN"),
        "disk_low": ("o.e.c.r.a.DiskThresholdMonitor", "INFO"),
        "setting": ("o.e.c.s.ClusterSettings", "INFO"),
        "resync": ("o.e.i.s.IndexShard", "INFO"),
        "recovery": ("o.e.i.r.PeerRecoveryTargetService", "INFO"),
        "gateway": ("o.e.g.GatewayService", "INFO"),
        "conn_fail": ("o.e.c.NodeConnectionsService", "WARN"),
    }
    names = [CRATE_NODE, "Dom", "Weisshorn", "Piz Bernina", "Gemsstock", "Tschingelhorn"]
    paths = ["/data/crate/nodes/0", "/mnt/disk1/crate/nodes/0", "/var/lib/crate/nodes/0"]
    nodes = []
    for k, name in enumerate(names):
        nodes.append({"name": name, "id": b64id(rng), "eph": b64id(rng),
                      "ip": "10.31.4.%d" % (11 + 3 * k + rng.randrange(3)),
                      "path": paths[k % len(paths)], "disk": rng.choice([500, 750, 1000]) << 30})
    peers = nodes[1:]
    tables = ["orders", "sensor_readings", "page_views", "audit_events", "iot.device_metrics"]
    live = ["orders", "iot.device_metrics"] + [".partitioned.%s.%s" % (tables[i], b32s(rng, 24))
                                               for i in (1, 2, 3, 1)]
    settings = [("cluster.routing.allocation.enable", "all", "primaries"),
                ("cluster.routing.allocation.enable", "primaries", "all"),
                ("stats.jobs_log_size", "10000", "50000"),
                ("indices.recovery.max_bytes_per_sec", "40mb", "200mb"),
                ("cluster.graceful_stop.min_availability", "primaries", "full"),
                ("cluster.routing.rebalance.enable", "all", "none"),
                ("indices.breaker.query.limit", "60%", "70%")]
    start = 7 * 3600 * NS + 41 * 60 * NS + rng.randrange(60 * NS)
    jvm_start = start - 3 * 86400 * NS // 10 - rng.randrange(3600 * NS)
    st = {"version": 48100 + rng.randrange(900), "health": "GREEN", "ycount": 21800 + rng.randrange(400),
          "ytime": 9 * 60 * NS + rng.randrange(60 * NS), "ocount": 3 + rng.randrange(4), "tried": {},
          "heap": 8 << 30}

    def node_desc(n):
        return [n["name"], n["id"], n["eph"], n["ip"]]

    def term(t):
        return 11 + (t - start) // (40 * 60 * NS)

    def gc_seq(t):
        return (t - jvm_start) // NS

    def render(key, t):
        logger, level = LOG[key]
        marker = ""
        if key in ("added", "removed"):
            n = P.cyc((key, "node"), peers)
            if key == "added":
                n["eph"] = b64id(rng)
            st["version"] += 1 + rng.randrange(9)
            vals = node_desc(n) + [term(t), st["version"], term(t), st["version"]]
        elif key == "create":
            table = P.cyc((key, "table"), tables[:4])
            index = ".partitioned.%s.%s" % (table, b32s(rng, rng.choice([20, 24, 26])))
            live.append(index)
            vals = [index, P.cyc((key, "cause"), ["bulk", "api", "bulk"]),
                    ".partitioned.%s." % table, P.cyc((key, "shards"), [4, 6, 8, 3]),
                    P.cyc((key, "replicas"), [1, 0, 1, 2])]
        elif key == "delete":
            index = live.pop(rng.randrange(len(live))) if len(live) > 3 else \
                ".partitioned.%s.%s" % (P.cyc((key, "table"), tables[:4]), b32s(rng, 24))
            vals = [index, b64id(rng)]
        elif key == "health":
            old = st["health"]
            new = {"GREEN": P.cyc((key, "from_green"), ["YELLOW", "YELLOW", "RED"]),
                   "YELLOW": "GREEN", "RED": "YELLOW"}[old]
            if new == "GREEN" or (old == "RED" and new == "YELLOW"):
                reason = "shards started [[%s][%d]]" % (P.cyc((key, "idx"), live), rng.randrange(6))
            else:
                reason = P.cyc((key, "worse"), [
                    "{%s}{%s} reason: disconnected" % (peers[0]["name"], peers[0]["id"]),
                    "index [%s] created" % live[-1],
                    "{%s}{%s} reason: followers check retry count exceeded" % (peers[2]["name"], peers[2]["id"]),
                    "shards failed [[%s][%d]]" % (live[0], rng.randrange(6))])
            st["health"] = new
            vals = [old, new, reason]
        elif key == "gc_over":
            last = NS + rng.randrange(NS)
            frac = rng.choice([0.3, 0.45, 0.6, 0.8, 0.9])
            spent = int(last * frac)
            level = "WARN" if frac >= 0.5 else "INFO"
            vals = [gc_seq(t), es_time(spent), es_time(last)]
        elif key == "gc_young":
            n = 1 + rng.randrange(2)
            dur = 400 * MS + rng.randrange(2200) * MS
            st["ycount"] += n + rng.randrange(40)
            st["ytime"] += dur + rng.randrange(4 * NS)
            level = "WARN" if dur >= NS else ("INFO" if dur >= 700 * MS else "DEBUG")
            before = st["heap"] - rng.randrange(1 << 30)
            after = before - (1 << 30) - rng.randrange(3 << 30)
            vals = [gc_seq(t), st["ycount"], es_time(dur), n, es_time(dur + rng.randrange(80) * MS),
                    st["ycount"], es_time(st["ytime"]), es_bytes(before), es_bytes(after)]
        elif key in ("disk_high", "disk_low"):
            n = P.cyc((key, "node"), nodes)
            pct = rng.uniform(6.0, 9.9) if key == "disk_high" else rng.uniform(10.2, 14.9)
            free = int(n["disk"] * pct / 100)
            vals = [n["id"], n["name"], n["path"], es_bytes(free), "%.1f%%" % pct]
        elif key == "setting":
            vals = list(P.cyc((key, 0), settings))
        elif key == "resync":
            marker = "[%s][%d] " % (P.cyc((key, "idx"), live), rng.randrange(6))
            vals = [P.cyc((key, 0), [0, rng.randrange(1, 40), 0, rng.randrange(100, 5000)])]
        elif key == "recovery":
            marker = "[%s][%d] " % (P.cyc((key, "idx"), live), rng.randrange(6))
            vals = [P.cyc((key, "src"), peers)["name"], es_time(30 * MS + expo(rng, 4 * NS)),
                    rng.randrange(1, 140), rng.randrange(0, 9000)]
        elif key == "gateway":
            vals = [len(live) + rng.randrange(4, 40)]
        else:  # conn_fail
            n = P.cyc((key, "node"), peers[:3])
            st["tried"][n["name"]] = st["tried"].get(n["name"], 0) + 1
            vals = node_desc(n) + [st["tried"][n["name"]]]
        header = "[%s][%-5s][%-25s] [%s] %s" % (stamp(t, "T", 3, ","), level, logger,
                                                 CRATE_NODE, marker)
        return header, vals

    return cat, run_shuffle(rng, cat, counts, start, 19 * NS, render)


# ======================================================== 3. Materialize ====
MZ_HDR = re.compile(
    r"2026-03-14T(?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d)\.(?P<F>\d{6})Z "
    r"(?:TRACE|DEBUG| INFO| WARN|ERROR) (?:[a-z_]+\{[^{}]*\}: )?[a-z_]+(?:::[a-z_]+)*: ")


def build_materialize(rng):
    P = Pools(rng)
    cat = Catalog([
        ("create", "create <*> <*> (<*>)"),
        ("drop", "drop <*> <*> (<*>)"),
        ("retry", "external operation <*> failed, retrying in <*>: <*>"),
        ("pg_open", "accepted pgwire connection from <*> (conn_id <*>)"),
        ("pg_close", "pgwire connection <*> closed: <*>"),
        ("kafka", "kafka source <*> fetched metadata for topic <*>: <*> partitions"),
        ("pg_err", "postgres source <*> replication error: <*>"),
        ("df_create", "creating dataflow \"<*>\" as_of [<*>]"),
        ("df_drop", "dropping dataflow \"<*>\""),
        ("ensure", "ensure service <*>: scale=<*> cpu=<*> memory=<*>"),
        ("rep_conn", "connected to replica <*> at <*>"),
        ("rep_disc", "disconnected from replica <*>: <*>"),
        ("upsert", "upsert rehydration for source <*> complete: <*> keys, <*> in <*>"),
        ("compact", "compaction of shard <*> took <*> (<*> parts, <*>)"),
    ])
    counts = [10, 6, 70, 42, 38, 25, 8, 18, 12, 5, 14, 4, 9, 39]
    TGT = {
        "create": ("mz_adapter::catalog", "INFO"),
        "drop": ("mz_adapter::catalog", "INFO"),
        "retry": ("mz_persist_client::internal::machine", "WARN"),
        "pg_open": ("mz_pgwire::server", "INFO"),
        "pg_close": ("mz_pgwire::server", "INFO"),
        "kafka": ("mz_storage::source::kafka", "INFO"),
        "pg_err": ("mz_storage::source::postgres", "WARN"),
        "df_create": ("mz_compute::compute_state", "INFO"),
        "df_drop": ("mz_compute::compute_state", "INFO"),
        "ensure": ("mz_orchestrator_kubernetes", "INFO"),
        "rep_conn": ("mz_compute_client::controller::replica", "INFO"),
        "rep_disc": ("mz_compute_client::controller::replica", "WARN"),
        "upsert": ("mz_storage::upsert", "INFO"),
        "compact": ("mz_persist_client::internal::compact", "INFO"),
    }
    item_types = ["materialized view", "view", "table", "source", "index", "sink"]
    bases = {"materialized view": ["order_totals", "active_sessions", "fraud_scores", "daily_revenue"],
             "view": ["v_orders_enriched", "v_top_customers", "v_late_shipments"],
             "table": ["feature_flags", "region_map", "manual_overrides"],
             "source": ["orders_kafka", "pg_inventory", "clickstream_src"],
             "index": ["order_totals_primary_idx", "active_sessions_user_idx", "fraud_scores_idx"],
             "sink": ["fraud_alerts_sink", "revenue_export"]}
    schemas = ["public", "analytics", "ops"]
    st = {"uid": 480 + rng.randrange(40), "conn": 9100 + rng.randrange(500), "open": []}
    items = []
    retry_ops = ["consensus::compare_and_set", "consensus::head", "blob::set", "blob::get",
                 "consensus::scan", "consensus::truncate"]
    retry_errs = ["indeterminate: db error: ERROR: restart transaction: TransactionRetryWithProtoRefreshError: WriteTooOldError",
                  "timeout: deadline has elapsed",
                  "unexpected: s3 error: dispatch failure: io error: connection reset by peer",
                  "indeterminate: error connecting to server: Connection refused (os error 111)",
                  "determinate: s3 error: service error: SlowDown: Please reduce your request rate",
                  "indeterminate: connection closed"]
    close_reasons = ["client disconnected", "connection reset by peer",
                     "terminating connection due to idle-in-transaction timeout",
                     "canceled by pg_cancel_backend", "client disconnected"]
    kafka_srcs = [("u12", "orders.v2", 12), ("u37", "clickstream", 24), ("u204", "inventory-updates", 6),
                  ("u311", "payments_cdc", 3)]
    pg_srcs = ["u41", "u58", "u199"]
    pg_errs = ['db error: ERROR: replication slot "materialize_4f2e9a0c1b7d4e2f" is active for PID 88213',
               "connection closed",
               'db error: ERROR: publication "mz_source" does not exist',
               "error connecting to server: timed out",
               "db error: FATAL: terminating connection due to administrator command"]
    dataflows = ["Dataflow: materialize.public.order_totals_primary_idx",
                 "Dataflow: materialize.analytics.fraud_scores_idx",
                 "Dataflow: materialize.public.active_sessions_user_idx",
                 "Dataflow: mz_catalog.mz_objects_ind",
                 "Dataflow: materialize.ops.daily_revenue"]
    services = [("cluster-u2-replica-u5", 1, "2", "8GiB"), ("cluster-u3-replica-u7", 2, "4", "16GiB"),
                ("cluster-s1-replica-s1", 1, "500m", "2GiB"), ("cluster-u3-replica-u9", 1, "4", "16GiB")]
    replicas = ["u5", "u7", "u9", "s1", "u11"]
    disc = ["transport error",
            "status: Unavailable, message: \"error trying to connect: tcp connect error: Connection refused (os error 111)\"",
            "replica process exited with code 137",
            "h2 protocol error: error reading a body from connection: stream closed because of a broken pipe"]
    upsert_srcs = ["u12", "u204", "u77"]
    shards = ["s" + uuid4(rng) for _ in range(7)]
    client_nets = ["10.12.3.%d", "10.12.9.%d", "172.20.0.%d", "10.12.14.%d"]
    start = 13 * 3600 * NS + 2 * 60 * NS + rng.randrange(60 * NS)

    def render(key, t):
        target, level = TGT[key]
        span = ""
        if key == "create":
            typ = P.cyc((key, 0), item_types)
            name = "materialize.%s.%s" % (P.cyc((key, "schema"), schemas), P.cyc((key, typ), bases[typ]))
            st["uid"] += 1 + rng.randrange(3)
            item = (typ, name, "u%d" % st["uid"])
            items.append(item)
            vals = list(item)
        elif key == "drop":
            if items:
                vals = list(items.pop(rng.randrange(len(items))))
            else:
                typ = P.cyc((key, 0), item_types)
                vals = [typ, "materialize.public." + P.cyc((key, typ), bases[typ]),
                        "u%d" % (st["uid"] - 1 - rng.randrange(200))]
        elif key == "retry":
            vals = [P.cyc((key, 0), retry_ops),
                    P.cyc((key, 1), ["2ms", "4ms", "8ms", "16ms", "32ms", "64ms", "128ms", "256ms", "1.024s"]),
                    P.cyc((key, 2), retry_errs)]
        elif key == "pg_open":
            st["conn"] += 1 + rng.randrange(4)
            st["open"].append(st["conn"])
            vals = ["%s:%d" % (P.cyc((key, 0), client_nets) % rng.randrange(2, 250), rng.randrange(40000, 65000)),
                    st["conn"]]
        elif key == "pg_close":
            conn = st["open"].pop(rng.randrange(len(st["open"]))) if st["open"] else st["conn"] - rng.randrange(1, 90)
            vals = [conn, P.cyc((key, 1), close_reasons)]
        elif key == "kafka":
            sid, topic, parts = P.cyc((key, 0), kafka_srcs)
            span = "storage_source{id=%s}: " % sid
            vals = [sid, topic, parts]
        elif key == "pg_err":
            sid = P.cyc((key, 0), pg_srcs)
            span = "storage_source{id=%s}: " % sid
            vals = [sid, P.cyc((key, 1), pg_errs)]
        elif key == "df_create":
            vals = [P.cyc((key, 0), dataflows), epoch_ms(t) - rng.randrange(200, 4000)]
        elif key == "df_drop":
            vals = [P.cyc((key, 0), dataflows)]
        elif key == "ensure":
            vals = list(P.cyc((key, 0), services))
        elif key == "rep_conn":
            r = P.cyc((key, 0), replicas)
            vals = [r, "10.4.%d.%d:2101" % (rng.randrange(0, 8), rng.randrange(2, 250))]
        elif key == "rep_disc":
            vals = [P.cyc((key, 0), replicas), P.cyc((key, 1), disc)]
        elif key == "upsert":
            sid = P.cyc((key, 0), upsert_srcs)
            span = "storage_source{id=%s}: " % sid
            keys = rng.randrange(20000, 9000000)
            vals = [sid, keys, mib(keys * rng.randrange(60, 400)), rust_dur(200 * MS + expo(rng, 20 * NS))]
        else:  # compact
            vals = [P.cyc((key, 0), shards), rust_dur(5 * MS + expo(rng, 900 * MS)),
                    rng.randrange(2, 40), mib(rng.randrange(1 << 16, 1 << 30))]
        header = "%sZ %5s %s%s: " % (stamp(t, "T", 6), level, span, target)
        return header, vals

    return cat, run_shuffle(rng, cat, counts, start, 9 * NS, render)


# ========================================================= 4. RisingWave ====
RW_HDR = re.compile(
    r"2026-03-14T(?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d)\.(?P<F>\d{6})Z "
    r"(?:TRACE|DEBUG| INFO| WARN|ERROR) (?:[a-z_]+\{[^{}]*\}: )?[a-z_]+(?:::[a-z_]+)*: ")
RW_EPOCH_BASE_MS = 1617235200000     # 2021-04-01T00:00:00Z


def build_risingwave(rng):
    P = Pools(rng)
    cat = Catalog([
        ("mv_recover", "recovering mview progress"),
        ("mv_recover_done", "recovering mview progress finished"),
        ("rec_fail", "recovery failed error=<*>"),
        ("rec_ok", "recovery success new_epoch=<*> duration_ms=<*>"),
        ("worker_add", "add worker node worker_id=<*> host=<*> type=<*>"),
        ("worker_del", "delete worker node worker_id=<*> host=<*> type=<*>"),
        ("job_create", "creating streaming job id=<*> name=<*> definition=\"<*>\""),
        ("job_done", "finish stream job succeeded id=<*>"),
        ("compact_ready", "Ready to handle task: <*> compact_task_statistics CompactTaskStatistics { total_file_count: <*>, total_key_count: <*>, total_file_size: <*>, total_uncompressed_file_size: <*> }, compression_algorithm <*>, parallelism <*>, enable fast runner: <*>"),
        ("compact_done", "Finished compaction task in <*>: task_id=<*> compaction_group_id=<*> task_status=<*>"),
        ("src_err", "stream source reader error actor_id=<*> source_id=<*> error=<*>"),
        ("rpc_err", "get error from response stream worker_id=<*> host=<*> error=<*>"),
        ("sync", "epoch synced epoch=<*> sst_count=<*> sync_size=<*>"),
        ("checkpoint", "new checkpoint generated version_id=<*> removed_delta_count=<*>"),
    ])
    counts = [6, 5, 4, 7, 9, 8, 14, 12, 60, 55, 20, 10, 75, 15]
    TGT = {
        "mv_recover": ("risingwave_meta::barrier::recovery", "INFO"),
        "mv_recover_done": ("risingwave_meta::barrier::recovery", "INFO"),
        "rec_fail": ("risingwave_meta::barrier", "WARN"),
        "rec_ok": ("risingwave_meta::barrier", "INFO"),
        "worker_add": ("risingwave_meta::manager::cluster", "INFO"),
        "worker_del": ("risingwave_meta::manager::cluster", "INFO"),
        "job_create": ("risingwave_meta::rpc::ddl_controller", "INFO"),
        "job_done": ("risingwave_meta::rpc::ddl_controller", "INFO"),
        "compact_ready": ("risingwave_storage::hummock::compactor::compactor_runner", "INFO"),
        "compact_done": ("risingwave_storage::hummock::compactor", "INFO"),
        "src_err": ("risingwave_stream::executor::source::source_executor", "WARN"),
        "rpc_err": ("risingwave_meta::barrier::rpc", "ERROR"),
        "sync": ("risingwave_storage::hummock::event_handler::uploader", "INFO"),
        "checkpoint": ("risingwave_meta::hummock::manager::checkpoint", "INFO"),
    }
    rec_errs = ["gRPC request to stream service failed: Unavailable: error trying to connect: tcp connect error: Connection refused (os error 111)",
                "get error from control stream, in worker node 3: gRPC request to stream service failed: Internal: Actor 1042 exited unexpectedly: Executor error: Connector error: Kafka error: Broker transport failure",
                "collect barrier failed: Storage error: Hummock error: Other error: sync epoch failed",
                "Timeout: wait for worker nodes to be ready timed out after 60s"]
    worker_kinds = [("ComputeNode", 5688), ("Compactor", 6660), ("ComputeNode", 5688), ("Frontend", 4566)]
    job_names = ["mv_order_stats", "mv_user_sessions", "sink_alerts_kafka", "mv_top_products",
                 "mv_fraud_windows"]
    job_sql = {"mv_order_stats": "CREATE MATERIALIZED VIEW mv_order_stats AS SELECT customer_id, count(*) AS n, sum(amount) AS total FROM orders GROUP BY customer_id",
               "mv_user_sessions": "CREATE MATERIALIZED VIEW mv_user_sessions AS SELECT user_id, window_start, count(*) FROM TUMBLE(page_events, event_time, INTERVAL '5 MINUTES') GROUP BY user_id, window_start",
               "sink_alerts_kafka": "CREATE SINK sink_alerts_kafka FROM mv_fraud_windows WITH (connector = 'kafka', topic = 'fraud.alerts', properties.bootstrap.server = 'kafka-0:9092')",
               "mv_top_products": "CREATE MATERIALIZED VIEW mv_top_products AS SELECT product_id, sum(qty) AS sold FROM order_items GROUP BY product_id ORDER BY sold DESC LIMIT 100",
               "mv_fraud_windows": "CREATE MATERIALIZED VIEW mv_fraud_windows AS SELECT card_id, window_end, count(*) AS attempts FROM HOP(payments, ts, INTERVAL '1 MINUTE', INTERVAL '10 MINUTES') GROUP BY card_id, window_end HAVING count(*) > 5"}
    src_errs = ["Connector error: Kafka error: Message consumption error: BrokerTransportFailure (Local: Broker transport failure)",
                "Connector error: Postgres CDC error: replication slot \"rw_cdc_orders\" does not exist",
                "Connector error: failed to parse json payload: expected value at line 1 column 1",
                "Connector error: Kafka error: Meta data fetch error: OperationTimedOut (Local: Timed out)"]
    rpc_errs = ["gRPC request to stream service failed: Internal: Barrier collection failed for epoch",
                "gRPC request to stream service failed: Unavailable: transport error",
                "gRPC request to stream service failed: Cancelled: h2 protocol error: stream no longer needed"]
    statuses = ["Success", "Success", "HeartbeatCanceled", "Success", "ExecuteFailed", "Success"]
    groups = [2, 3, 2, 2001, 2004]
    st = {"worker": 14 + rng.randrange(10), "job": 1004 + rng.randrange(40), "task": 88210 + rng.randrange(500),
          "version": 1210400 + rng.randrange(900), "jobs": [], "workers": []}
    start = 16 * 3600 * NS + 48 * 60 * NS + rng.randrange(60 * NS)

    def rw_epoch(t):
        return (epoch_ms(t) - RW_EPOCH_BASE_MS) << 16

    def render(key, t):
        target, level = TGT[key]
        span = ""
        if key in ("mv_recover", "mv_recover_done", "rec_fail"):
            span = "failure_recovery{prev_epoch=%d}: " % rw_epoch(t - rng.randrange(2, 40) * NS)
        if key in ("mv_recover", "mv_recover_done"):
            vals = []
        elif key == "rec_fail":
            vals = [P.cyc((key, 0), rec_errs)]
        elif key == "rec_ok":
            vals = [rw_epoch(t), rng.randrange(800, 45000)]
        elif key == "worker_add":
            kind, port = P.cyc((key, 0), worker_kinds)
            st["worker"] += 1 + rng.randrange(2)
            w = (st["worker"], "10.77.2.%d:%d" % (rng.randrange(10, 240), port), kind)
            st["workers"].append(w)
            vals = list(w)
        elif key == "worker_del":
            if st["workers"] and rng.random() < 0.7:
                vals = list(st["workers"].pop(0))
            else:
                kind, port = P.cyc((key, 0), worker_kinds)
                vals = [st["worker"] - 1 - rng.randrange(12), "10.77.2.%d:%d" % (rng.randrange(10, 240), port), kind]
        elif key == "job_create":
            st["job"] += 1 + rng.randrange(6)
            name = P.cyc((key, 1), job_names)
            st["jobs"].append(st["job"])
            vals = [st["job"], name, job_sql[name]]
        elif key == "job_done":
            vals = [st["jobs"].pop(0) if st["jobs"] else st["job"] - 2 - rng.randrange(20)]
        elif key == "compact_ready":
            st["task"] += 1 + rng.randrange(5)
            files = rng.randrange(2, 30)
            size = files * rng.randrange(2 << 20, 64 << 20)
            vals = [st["task"], files, rng.randrange(10000, 9000000), size,
                    int(size * rng.uniform(1.6, 3.2)), P.cyc((key, 5), [0, 2, 1, 2]),
                    P.cyc((key, 6), [1, 2, 4, 1]), P.cyc((key, 7), ["false", "false", "true"])]
        elif key == "compact_done":
            vals = [rust_dur(20 * MS + expo(rng, 6 * NS)), st["task"] - rng.randrange(0, 4),
                    P.cyc((key, 2), groups), P.cyc((key, 3), statuses)]
        elif key == "src_err":
            vals = [rng.randrange(1000, 1400), P.cyc((key, 1), [1002, 1007, 1021]), P.cyc((key, 2), src_errs)]
        elif key == "rpc_err":
            w = P.cyc((key, 0), [(3, "10.77.2.41:5688"), (5, "10.77.2.118:5688"), (8, "10.77.2.77:5688")])
            vals = [w[0], w[1], P.cyc((key, 2), rpc_errs)]
        elif key == "sync":
            vals = [rw_epoch(t - rng.randrange(1, 3) * NS), rng.randrange(1, 12), rng.randrange(40000, 90000000)]
        else:  # checkpoint
            st["version"] += 100 + rng.randrange(900)
            vals = [st["version"], rng.randrange(40, 1200)]
        header = "%sZ %5s %s%s: " % (stamp(t, "T", 6), level, span, target)
        return header, vals

    return cat, run_shuffle(rng, cat, counts, start, 5 * NS, render)


# =========================================================== 5. Accumulo ====
ACCUMULO_HDR = re.compile(
    r"2026-03-14T(?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d),(?P<F>\d{3}) "
    r"\[[a-z]+\.[A-Z][A-Za-z]+ *\] (?:INFO |WARN |DEBUG|ERROR|TRACE): ")


def build_accumulo(rng):
    P = Pools(rng)
    cat = Catalog([
        ("load", "Loading tablet <*>"),
        ("wal", "Adding 1 logs for extent <*> as alias <*>"),
        ("upsess", "UpSess <*> <*> in <*>, at=[<*> <*> <*> <*>] ft=<*>(pt=<*> lt=<*> ct=<*>)"),
        ("scansess", "ScanSess tid <*> <*> <*> entries in <*> secs, nbTimes = [<*> <*> <*> <*>]"),
        ("minc_init", "MinC initiate lock <*> secs"),
        ("minc_begin", "Begin minor compaction <*> <*>"),
        ("minc_fin", "MinC finish lock <*> secs <*>"),
        ("majc_start", "Starting MajC <*> (<*>) [<*>] --> <*>"),
        ("majc_fin", "MajC finish lock <*> secs <*>"),
        ("split_start", "Starting split: <*>"),
        ("split_done", "Tablet split: <*> size0 <*> size1 <*> time <*>"),
        ("scan_err", "exception while scanning tablet <*>: <*>"),
        ("unload", "Unloading tablet <*>"),
        ("gc", "gc G1 Young Generation=<*>(<*>) secs G1 Old Generation=<*>(<*>) secs freemem=<*>(<*>) totalmem=<*>"),
    ])
    LOG = {
        "load": ("tserver.AssignmentHandler", "INFO"),
        "wal": ("log.TabletServerLogger", "INFO"),
        "upsess": ("tserver.ThriftClientHandler", "DEBUG"),
        "scansess": ("tserver.ThriftScanClientHandler", "DEBUG"),
        "minc_init": ("tablet.Tablet", "DEBUG"),
        "minc_begin": ("tablet.MinorCompactor", "DEBUG"),
        "minc_fin": ("tablet.Tablet", "DEBUG"),
        "majc_start": ("tablet.Tablet", "DEBUG"),
        "majc_fin": ("tablet.Tablet", "DEBUG"),
        "split_start": ("tablet.Tablet", "INFO"),
        "split_done": ("tablet.Tablet", "INFO"),
        "scan_err": ("tserver.ThriftScanClientHandler", "WARN"),
        "unload": ("tserver.UnloadTabletHandler", "INFO"),
        "gc": ("tserver.TabletServer", "DEBUG"),
    }
    NN = "hdfs://nn01.acc.example.internal:8020/accumulo/tables"
    tables = {
        "3": ["row_%04d" % k for k in range(125, 2001, 125)],
        "5": ["%02x" % k for k in range(0x10, 0x100, 0x10)],
        "8": sorted("user%04d" % rng.randrange(1000, 9999) for _ in range(12)),
        "c": ["202603%02d" % d for d in range(1, 14)],
    }
    extents = []
    for tid, splits in tables.items():
        for j in range(len(splits) + 1):
            prev = splits[j - 1] if j > 0 else None
            end = splits[j] if j < len(splits) else None
            text = (tid + ";" + end if end else tid + "<") + (";" + prev if prev else "<")
            extents.append((tid, text, "default_tablet" if end is None else "t-" + base36(rng.randrange(36 ** 7), 7)))
    rng.shuffle(extents)
    clients = ["10.60.7.21", "10.60.7.34", "10.60.8.5", "10.60.8.19", "10.60.9.112"]
    reasons = ["NORMAL", "NORMAL", "USER", "NORMAL", "CHOP", "IDLE"]
    scan_errors = [
        "java.io.IOException: Filesystem closed",
        "org.apache.hadoop.hdfs.BlockMissingException: Could not obtain block: BP-1730412290-10.60.1.4-1712000000000:blk_1074%06d_%d",
        "org.apache.accumulo.tserver.TooManyFilesException: Tablet %s has too many files, batch lookup can not run",
        "java.lang.InterruptedException: sleep interrupted",
        "org.apache.accumulo.core.client.SampleNotPresentException: Table %s does not have sampling configured",
    ]
    emitted = []

    def add(c, key, vals):
        emitted.append((c, len(emitted), key, vals, None))

    def secs(x):
        return "%.2f" % x

    def lock_secs(key):
        return P.cyc((key, "lock"), ["0.00", "0.00", "0.01", "0.00", "0.02", "0.00", "0.03"])

    def fname(prefix, c):
        return "%s%s.rf" % (prefix, base36(0x1b00000 + c // (10 * MS), 7))

    t0 = 6 * 3600 * NS + 3 * 60 * NS + rng.randrange(60 * NS)
    t = t0
    for i, (tid, ext, tdir) in enumerate(extents[:45]):
        t += 100 * MS + expo(rng, 13 * NS)
        c = t
        add(c, "load", [ext])
        c += 30 * MS + rng.randrange(900 * MS)
        ops = ["w"] * rng.randint(2, 8) + ["s"] * rng.randint(0, 5)
        rng.shuffle(ops)
        first_w, since, mincs, files = True, 0, 0, []
        for op in ops:
            c += 50 * MS + expo(rng, 5 * NS)
            if op == "w":
                if first_w:
                    add(c, "wal", [ext, 7 + (c - t0) // (75 * NS)])
                    c += 200 * US + rng.randrange(2 * MS)
                    first_w = False
                cli = "%s:%d" % (P.cyc(("upsess", 0), clients), rng.randrange(33000, 61000))
                total = rng.uniform(0.004, 0.6)
                ft = total * rng.uniform(0.3, 0.9)
                pt, lt = ft * rng.uniform(0.02, 0.2), ft * rng.uniform(0.2, 0.5)
                ct = max(0.0, ft - pt - lt)
                cnt = rng.randint(1, 6)
                mn = rng.randint(0, 3)
                mx = mn + rng.randint(0, 5)
                add(c, "upsess", [cli, 1 + expo(rng, 4000), "%.3fs" % total, mn, mx,
                                  "%.2f" % ((mn + mx) / 2), cnt, "%.3fs" % ft, "%.3fs" % pt,
                                  "%.3fs" % lt, "%.3fs" % ct])
                since += 1
                if since >= 3 and P.cyc(("minc", "go"), [True, False, True, True, False]):
                    since = 0
                    c += 10 * MS + rng.randrange(2 * NS)
                    add(c, "minc_init", [lock_secs("minc_init")])
                    c += 100 * US + rng.randrange(3 * MS)
                    f = fname("F", c)
                    add(c, "minc_begin", ["%s/%s/%s/%s_tmp" % (NN, tid, tdir, f), ext])
                    c += 150 * MS + expo(rng, 1500 * MS)
                    add(c, "minc_fin", [lock_secs("minc_fin"), ext])
                    files.append(f)
                    mincs += 1
                    if mincs >= 2 and P.cyc(("majc", "go"), [True, False, True]):
                        c += 20 * MS + rng.randrange(500 * MS)
                        out = fname("A", c)
                        add(c, "majc_start", [ext, P.cyc(("majc_start", 1), reasons), ", ".join(files),
                                              "%s/%s/%s/%s_tmp" % (NN, tid, tdir, out)])
                        c += 800 * MS + expo(rng, 8 * NS)
                        add(c, "majc_fin", [lock_secs("majc_fin"), ext])
                        files = [out]
            else:
                if P.cyc(("scan", "err"), [False] * 7 + [True]):
                    k = P.cyc(("scan_err", 1), range(len(scan_errors)))
                    reason = scan_errors[k]
                    if k == 1:
                        reason = reason % (rng.randrange(10 ** 6), rng.randrange(100000, 999999))
                    elif k == 2:
                        reason = reason % ext
                    elif k == 4:
                        reason = reason % tid
                    add(c, "scan_err", [ext, reason])
                else:
                    cli = "%s:%d" % (P.cyc(("scansess", 0), clients), rng.randrange(33000, 61000))
                    nb = rng.randint(1, 40)
                    spread = rng.randint(0, 12)
                    add(c, "scansess", [cli, tid, commas(expo(rng, 20000) + 1),
                                        secs(rng.uniform(0.0, 0.9)), nb, nb + spread,
                                        "%.2f" % (nb + rng.uniform(0, spread)), rng.randint(1, 9)])
        fate = P.cyc(("tablet", "fate"), ["stay", "split", "unload", "stay", "split", "unload", "stay"])
        c += 100 * MS + expo(rng, 6 * NS)
        if fate == "unload":
            add(c, "unload", [ext])
        elif fate == "split":
            add(c, "split_start", [ext])
            c += 20 * MS + expo(rng, 400 * MS)
            size = rng.randrange(200 << 20, 3 << 30)
            part = rng.uniform(0.3, 0.7)
            add(c, "split_done", [ext, int(size * part), size - int(size * part),
                                  "%dms" % ((c - t) // MS % 900 + 12)])

    young, old = 180.0 + rng.uniform(0, 60), 0.4 + rng.uniform(0, 2)
    free, total = 3_800_000_000 + rng.randrange(400_000_000), 8_589_934_592
    tg = t0 + rng.randrange(30 * NS)
    while tg < t + 3600 * NS:
        dy = rng.uniform(0.01, 0.9)
        do = P.cyc(("gc", "old"), [0.0, 0.0, rng.uniform(0.05, 0.8), 0.0])
        young += dy
        old += do
        nfree = max(600_000_000, min(7_000_000_000, free + rng.randrange(-900_000_000, 900_000_000)))
        delta = nfree - free
        free = nfree
        total = P.cyc(("gc", "total"), [8_589_934_592, 8_589_934_592, 7_851_737_088, 8_237_613_056])
        add(tg, "gc", ["%.2f" % young, "%+.2f" % dy, "%.2f" % old, "%+.2f" % do, commas(free),
                       ("+" if delta >= 0 else "-") + commas(abs(delta)), commas(total)])
        tg += 20 * NS + expo(rng, 35 * NS)

    def header(c, key, info):
        logger, level = LOG[key]
        return "%s [%-8s] %-5s: " % (stamp(c, "T", 3, ","), logger, level)

    return cat, run_simulation(cat, emitted, header)


# ============================================================= 6. Exasol ====
EXASOL_HDR = re.compile(
    r"2026-03-14 (?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d)\.(?P<F>\d{6}) n\d{4} "
    r"(?:Information|Notice|Warning|Error) "
    r"(?:EXAoperation|EXASolution|Storage|Cluster Services|Hardware)(?: \[exa_[a-z0-9_]+\])?: ")


def build_exasol(rng):
    P = Pools(rng)
    cat = Catalog([
        ("login", "User <*> logged in from <*>."),
        ("logout", "User <*> logged out."),
        ("started", "System started successfully in partition <*>."),
        ("startup_req", "Database startup requested by user <*>."),
        ("shutdown_req", "Database shutdown requested by user <*>."),
        ("rec_start", "Volume <*>: recovery of segment <*> on node <*> started."),
        ("rec_done", "Volume <*>: recovery of segment <*> on node <*> finished, <*> restored in <*>."),
        ("degraded", "Volume <*> is degraded: node <*> not reachable (<*>)."),
        ("backup_start", "Backup <*> to archive volume <*> started (level <*>, expire <*>)."),
        ("backup_done", "Backup <*> finished successfully, <*> written in <*>."),
        ("heartbeat", "Node <*> missed heartbeat, last seen <*>."),
        ("conn", "Connection from <*>:<*>, user <*>, client <*>, session <*>."),
        ("killed", "Session <*> of user <*> killed: <*>."),
        ("disk", "Disk <*> on node <*> is <*> full (<*> free)."),
        ("snmp", "Failed to send SNMP trap to <*>: <*>"),
    ])
    counts = [40, 34, 4, 5, 4, 12, 10, 6, 9, 8, 14, 95, 22, 30, 7]
    META = {
        "login": ("Information", "EXAoperation", False),
        "logout": ("Information", "EXAoperation", False),
        "started": ("Notice", "EXASolution", True),
        "startup_req": ("Notice", "EXASolution", True),
        "shutdown_req": ("Notice", "EXASolution", True),
        "rec_start": ("Information", "Storage", False),
        "rec_done": ("Information", "Storage", False),
        "degraded": ("Warning", "Storage", False),
        "backup_start": ("Information", "EXASolution", True),
        "backup_done": ("Information", "EXASolution", True),
        "heartbeat": ("Warning", "Cluster Services", False),
        "conn": ("Information", "EXASolution", True),
        "killed": ("Warning", "EXASolution", True),
        "disk": ("Warning", "Hardware", False),
        "snmp": ("Error", "EXAoperation", False),
    }
    nodes = ["n0011", "n0012", "n0013", "n0014", "n0015"]
    dbs = ["exa_db1", "exa_db1", "exa_analytics"]
    op_users = ["admin", "opsadmin", "jhartmann", "monitoring", "k.novak"]
    op_ips = ["10.70.1.15", "10.70.1.22", "192.168.200.41", "10.70.3.9"]
    db_users = ["SYS", "ETL_USER", "TABLEAU_RO", "DWH_LOADER", "ANALYST_07", "PYEXA_BATCH"]
    clients = ["EXAplus 7.1.20 (Linux)", "EXASolution driver for JDBC 24.0.0",
               "pyexasol 0.25.2", "EXASolution ODBC driver 24.1.1 (Windows)",
               "DBeaver 24.0.2 (JDBC 7.1.17)"]
    kill_reasons = ["idle timeout of 3600 s exceeded", "killed by SYS",
                    "query timeout of 900 s exceeded", "client connection lost"]
    vols = ["v0000", "v0001", "v0002"]
    unreach = ["connection refused", "no route to host", "timeout after 30 s", "ping lost"]
    snmp_hosts = ["10.70.0.5:162", "nms01.example.internal:162", "10.70.0.6:162"]
    snmp_errs = ["timed out", "Name or service not known", "Connection refused", "Network is unreachable"]
    disks = ["/dev/sda", "/dev/sdb", "/dev/sdc", "/dev/nvme0n1", "/dev/nvme1n1"]
    st = {"logged": [], "backup": 8800 + rng.randrange(400), "backups": [],
          "partition": 41 + rng.randrange(5)}
    start = 10 * 3600 * NS + 9 * 60 * NS + rng.randrange(60 * NS)

    def render(key, t):
        prio, subsys, has_db = META[key]
        node = P.cyc(("node", subsys), nodes)
        db = P.cyc(("db", key), dbs) if has_db else None
        if key == "login":
            u = P.cyc((key, 0), op_users)
            st["logged"].append(u)
            vals = [u, P.cyc((key, 1), op_ips)]
        elif key == "logout":
            vals = [st["logged"].pop(0) if st["logged"] else P.cyc((key, 0), op_users)]
        elif key == "started":
            st["partition"] += 1 + rng.randrange(3)
            vals = [st["partition"]]
        elif key in ("startup_req", "shutdown_req"):
            vals = [P.cyc((key, 0), op_users[:3])]
        elif key in ("rec_start", "rec_done"):
            vals = [P.cyc((key, 0), vols), rng.randrange(0, 16), P.cyc((key, 2), nodes)]
            if key == "rec_done":
                vals += [mib(rng.randrange(1 << 28, 1 << 37)), "%d s" % rng.randrange(4, 2400)]
        elif key == "degraded":
            vals = [P.cyc((key, 0), vols), P.cyc((key, 1), nodes), P.cyc((key, 2), unreach)]
        elif key == "backup_start":
            st["backup"] += 1 + rng.randrange(3)
            st["backups"].append(st["backup"])
            vals = [st["backup"], P.cyc((key, 1), ["v0002", "r0001", "v0003"]),
                    P.cyc((key, 2), [0, 1, 1]), P.cyc((key, 3), ["7d", "2w", "30d"])]
        elif key == "backup_done":
            vals = [st["backups"].pop(0) if st["backups"] else st["backup"] - 1,
                    mib(rng.randrange(1 << 30, 1 << 40)), "%d s" % rng.randrange(60, 7200)]
        elif key == "heartbeat":
            seen = t - (3 * NS + rng.randrange(40 * NS))
            h, m, s, frac = hms(seen)
            vals = [P.cyc((key, 0), nodes),
                    "%s %02d %02d:%02d:%02d.%03d" % (MONTHS[MONTH - 1], DAY, h, m, s, frac // MS)]
        elif key == "conn":
            vals = ["10.70.%d.%d" % (rng.choice([4, 5, 8, 12]), rng.randrange(2, 250)),
                    rng.randrange(40000, 65000), P.cyc((key, 2), db_users), P.cyc((key, 3), clients),
                    str(1780000000000000000 + epoch_ms(t) * 1000 % 10 ** 15 + rng.randrange(10 ** 9))]
        elif key == "killed":
            vals = [str(1780000000000000000 + rng.randrange(10 ** 15)), P.cyc((key, 1), db_users),
                    P.cyc((key, 2), kill_reasons)]
        elif key == "disk":
            vals = [P.cyc((key, 0), disks), P.cyc((key, 1), nodes), "%d%%" % rng.randrange(85, 99),
                    mib(rng.randrange(1 << 33, 1 << 38))]
        else:  # snmp
            vals = [P.cyc((key, 0), snmp_hosts), P.cyc((key, 1), snmp_errs)]
        header = "%s %s %s %s%s: " % (stamp(t, " ", 6), node, prio, subsys,
                                       " [%s]" % db if db else "")
        return header, vals

    return cat, run_shuffle(rng, cat, counts, start, 23 * NS, render)


# ============================================================== driver ====
SYSTEMS = [  # (k, name, builder, header regex, kind)
    (1, "Vertica", build_vertica, VERTICA_HDR, "simulation"),
    (2, "CrateDB", build_cratedb, CRATEDB_HDR, "shuffle"),
    (3, "Materialize", build_materialize, MZ_HDR, "shuffle"),
    (4, "RisingWave", build_risingwave, RW_HDR, "shuffle"),
    (5, "Accumulo", build_accumulo, ACCUMULO_HDR, "simulation"),
    (6, "Exasol", build_exasol, EXASOL_HDR, "shuffle"),
]


def write_system(name, recs, cat):
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        for r in recs:
            f.write(r.header + r.content + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CSV_HEADER)
        for i, r in enumerate(recs, 1):
            w.writerow([i, r.content, "E%d" % (r.eid + 1), cat.tpl[r.eid]])
    return 2


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")), re.S)


def check_system(name, hdr_re, cat, recs):
    d = os.path.join(HERE, name)
    raw = {}
    for fn in (name + ".log", name + ".log_structured.csv"):
        with open(os.path.join(d, fn), "rb") as f:
            data = f.read()
        assert data.endswith(b"\n"), fn + ": no final newline"
        assert b"\r" not in data, fn + ": carriage return"
        raw[fn] = data.decode("utf-8")
    lines = raw[name + ".log"].split("\n")[:-1]
    assert len(lines) == N_LINES, "%s: %d lines" % (name, len(lines))
    rows = list(csv.reader(raw[name + ".log_structured.csv"].splitlines(True)))
    assert rows[0] == CSV_HEADER, rows[0]
    rows = rows[1:]
    assert len(rows) == N_LINES, "%s: %d rows" % (name, len(rows))
    declared = {"E%d" % (i + 1): t for i, t in enumerate(cat.tpl)}
    tpl_of, counts, caps = {}, {}, {}
    last = -1
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        assert len(row) == 4, (name, i, row)
        lid, content, eid, tpl = row
        assert lid == str(i), (name, i, lid)
        assert content and content == content.strip(), (name, i, content)
        assert line.endswith(content), (name, i)
        m = hdr_re.fullmatch(line[:len(line) - len(content)])
        assert m, (name, i, "header", line[:len(line) - len(content)])
        k = ts_key(m)
        assert k >= last, (name, i, "time went back")
        last = k
        assert re.fullmatch(r"E\d+", eid), (name, i, eid)
        assert declared.get(eid) == tpl, (name, i, eid, "template differs from declaration")
        assert tpl_of.setdefault(eid, tpl) == tpl, (name, i, "two templates for", eid)
        counts[eid] = counts.get(eid, 0) + 1
        mm = tpl_regex(tpl).fullmatch(content)
        assert mm, (name, i, "template does not match", tpl, content)
        for j, g in enumerate(mm.groups()):
            caps.setdefault((eid, j), set()).add(g)
    assert len(set(tpl_of.values())) == len(tpl_of), name + ": shared template"
    assert set(counts) == set(declared), (name, "unused events", set(declared) - set(counts))
    for eid, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            assert len(caps.get((eid, j), ())) >= 2, (name, eid, "slot", j, "constant")
    # the generator's own values too (the real ground truth behind each <*>)
    own = {}
    for r in recs:
        for j, v in enumerate(r.vals):
            own.setdefault((r.eid, j), set()).add(v)
    for (e, j), vs in own.items():
        assert len(vs) >= 2, (name, "E%d" % (e + 1), "slot", j, "constant value", vs)
    cs = sorted(counts.values())
    med = statistics.median(cs)
    assert 12 <= len(cs) <= 15, (name, len(cs), "event types")
    assert min(cs) >= 3, (name, counts)
    assert sum(1 for c in cs if 3 <= c <= 10) >= 3, (name, counts)
    assert max(cs) >= 3 * med, (name, counts, med)
    return counts, med


def main():
    written = 0
    summary = []
    for k, name, builder, hdr_re, kind in SYSTEMS:
        rng = random.Random(BASE_SEED * 10 + k)
        cat, recs = builder(rng)
        written += write_system(name, recs, cat)
        counts, med = check_system(name, hdr_re, cat, recs)
        cs = sorted(counts.values())
        summary.append("%-12s %-10s lines=%d events=%d min=%d median=%g max=%d small(3-10)=%d  %s .. %s"
                       % (name, kind, N_LINES, len(counts), cs[0], med, cs[-1],
                          sum(1 for c in cs if 3 <= c <= 10),
                          stamp(recs[0].t, "T", 3), stamp(recs[-1].t, "T", 3)[11:]))
    for s in summary:
        print(s)
    print("self-check passed: %d files written for %d systems" % (written, len(SYSTEMS)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
