#!/usr/bin/env python3
"""Sealed 43 corpus generator.  Python 3 standard library only, fully deterministic.

Writes <System>/<System>.log and <System>/<System>.log_structured.csv for six systems,
then self-checks every file and prints a per-system summary.
"""
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270147
OUT = os.path.dirname(os.path.abspath(__file__))
NS = 1_000_000_000
MS = 1_000_000
US = 1_000
DAY_ISO = "2026-03-14"          # all clocks run on 2026-03-14 UTC
DAY_DOT = "2026.03.14"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]   # fixed list, locale never used
N_LINES = 300
SYSTEM_NAMES = ["XtraBackup", "ClickHouseKeeper", "Greenplum", "Dolt", "SurrealDb", "EdgeDb"]


# --------------------------------------------------------------------------- helpers
def hms(ns, digits):
    """Integer nanoseconds since midnight -> HH:MM:SS[.fff...] (truncated)."""
    assert 0 <= ns < 86400 * NS, ns
    sec, frac = divmod(ns, NS)
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    out = "%02d:%02d:%02d" % (h, m, s)
    if digits:
        out += "." + ("%09d" % frac)[:digits]
    return out


def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (template, v)
        out.append(v)
        out.append(p)
    return "".join(out)


def hexs(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def uuid4(r):
    h = hexs(r, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], r.choice("89ab"), h[17:20], h[20:32])


def b32(r, n):
    return "".join(r.choice("abcdefghijklmnopqrstuvwxyz234567") for _ in range(n))


def ip10(r):
    return "10.%d.%d.%d" % (r.randint(0, 40), r.randint(0, 255), r.randint(2, 254))


def eport(r):
    return r.randint(32768, 60999)


def dur_glued(r):
    """Go/Rust style glued duration."""
    x = r.random()
    if x < 0.45:
        return "%dms" % r.randint(3, 980)
    if x < 0.85:
        return "%.2fs" % r.uniform(1.0, 59.0)
    return "%dm%ds" % (r.randint(1, 14), r.randint(0, 59))


def size_h(r):
    x = r.random()
    if x < 0.3:
        return "%d KiB" % r.randint(4, 1023)
    if x < 0.8:
        return "%.1f MiB" % r.uniform(1, 1023)
    return "%.2f GiB" % r.uniform(1, 40)


class System:
    def __init__(self, k, name, kind, header_re):
        self.k = k
        self.name = name
        self.kind = kind                 # "simulation (...)" or "shuffle"
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.events = []                 # (key, template, meta)
        self.idx = {}
        self._cyc = {}
        self.cur = None

    def ev(self, key, template, **meta):
        assert key not in self.idx
        self.idx[key] = len(self.events)
        self.events.append((key, template, meta))

    def cy(self, slot, pool):
        """Cycle a small pool per (event, slot)."""
        k = (self.cur, slot)
        i = self._cyc.get(k, 0)
        self._cyc[k] = i + 1
        return pool[i % len(pool)]

    def eid(self, key):
        return "E%d" % (self.idx[key] + 1)

    def tmpl(self, key):
        return self.events[self.idx[key]][1]


def run_shuffle(S, start_ns, mean_gap_ns, header_fn):
    """Fixed count per event, shuffled, stamped by a forward-only clock with exponential gaps."""
    r = S.rng
    seq = []
    for key, _t, meta in S.events:
        seq.extend([key] * meta["count"])
    assert len(seq) == N_LINES, (S.name, len(seq))
    r.shuffle(seq)
    t = start_ns
    rows = []
    for key in seq:
        t += int(r.expovariate(1.0 / mean_gap_ns)) + 1
        S.cur = key
        meta = S.events[S.idx[key]][2]
        vals = meta["vals"](r)
        content = fill(S.tmpl(key), vals)
        header = header_fn(t, key, meta, r)
        rows.append((header, content, key))
    return rows


def merge_sim(S, recs, header_fn):
    """recs: (t_ns, seq, key, hdr, vals). Merge in time order, keep the first 300."""
    recs.sort(key=lambda x: (x[0], x[1]))
    rows = []
    for t, _s, key, hdr, vals in recs[:N_LINES]:
        content = fill(S.tmpl(key), vals)
        rows.append((header_fn(t, key, hdr), content, key))
    assert len(rows) == N_LINES, (S.name, len(rows))
    return rows


# --------------------------------------------------------------------------- 1 XtraBackup
def build_xtrabackup():
    S = System(1, "XtraBackup", "shuffle",
               r"^(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6})[+-]\d\d:\d\d \d+ "
               r"\[(?:System|Note|Warning|ERROR)\] \[MY-\d{6}\] \[(?:Xtrabackup|InnoDB|Server)\] $")
    r = S.rng
    dbs = ["shop", "crm", "billing", "analytics", "wp_site", "inventory", "hr"]
    tbls = ["orders", "customers", "order_items", "sessions", "audit_log", "invoices",
            "products", "payments", "users", "events", "stock_moves", "tickets"]
    dirs = ["/data/backups/full_2026-03-14_02-00-01", "/mnt/nfs/xb/inc_2026-03-14_02-00-01",
            "/var/backups/mysql/2026-03-14"]
    st = {"lsn": r.randint(18_000_000_000, 19_000_000_000), "last": None}

    def src():
        x = r.random()
        if x < 0.08:
            return r.choice(["./ibdata1", "./mysql.ibd", "./undo_001", "./undo_002", "./sys/sys_config.ibd"])
        d, t = r.choice(dbs), r.choice(tbls)
        if x < 0.18:
            return "./%s/%s#p#p%d.ibd" % (d, t, r.randint(202401, 202612))
        return "./%s/%s.ibd" % (d, t)

    def copy_vals(_r):
        s = src()
        return [s, S.cy("dir", dirs) + s[1:]]

    def lsn_step(_r):
        st["lsn"] += r.randint(2_000, 9_000_000)
        return st["lsn"]

    def tlog(_r):
        a = lsn_step(None)
        return [a, a + r.randint(50_000, 90_000_000)]

    files = ["backup-my.cnf", "xtrabackup_info", "xtrabackup_checkpoints", "xtrabackup_binlog_info",
             "xtrabackup_tablespaces"]

    X = dict(sub="Xtrabackup", code="011825", lvl="Note")
    S.ev("copy", "Copying <*> to <*>", count=86, thr="copy", vals=copy_vals, **X)
    S.ev("copy_done", "Done: Copying <*> to <*>", count=80, thr="copy", vals=copy_vals, **X)
    S.ev("scanned", ">> log scanned up to (<*>)", count=51, thr="redo", vals=lambda _r: [lsn_step(None)], **X)
    S.ev("connect", "Connecting to MySQL server host: <*>, user: <*>, password: set, port: <*>, socket: <*>",
         count=5, thr="main",
         vals=lambda _r: [S.cy("h", ["localhost", "db-prod-07.corp.internal", "10.20.4.31"]),
                          S.cy("u", ["bkpuser", "xtrabackup", "backup_ro"]),
                          S.cy("p", ["3306", "3307", "33060"]),
                          S.cy("s", ["not set", "/var/run/mysqld/mysqld.sock", "/tmp/mysql.sock"])], **X)
    S.ev("version", "Using server version <*>", count=4, thr="main",
         vals=lambda _r: [S.cy("v", ["8.0.36-28", "8.0.35-27", "8.4.0-1", "8.0.32-24"])], **X)
    S.ev("lock", "Executing LOCK INSTANCE FOR BACKUP...", count=6, thr="main", vals=lambda _r: [], **X)
    S.ev("noninno", "Starting to backup non-InnoDB tables and files", count=4, thr="main",
         vals=lambda _r: [], **X)
    S.ev("writing", "Writing <*>", count=12, thr="main",
         vals=lambda _r: [S.cy("d", dirs) + "/" + S.cy("f", files)], **X)
    S.ev("writing_done", "Done: Writing file <*>", count=12, thr="main",
         vals=lambda _r: [S.cy("d", dirs) + "/" + S.cy("f", files)], **X)
    S.ev("waitlsn", "Waiting for log copy thread to read lsn <*>", count=3, thr="main",
         vals=lambda _r: [lsn_step(None)], **X)
    S.ev("oserr", "Operating system error number <*> in a file operation.", count=4, thr="copy",
         sub="InnoDB", code="012592", lvl="ERROR", vals=lambda _r: [S.cy("n", ["2", "13", "28", "24"])])
    S.ev("errmeans", "The error means <*>.", count=4, thr="copy", sub="InnoDB", code="012596", lvl="ERROR",
         vals=lambda _r: [S.cy("m", ["the system cannot find the path specified",
                                     "mysqld does not have the access rights to the directory",
                                     "no space left on device for the target file",
                                     "too many open files, raise open_files_limit"])])
    S.ev("tlog", "Transaction log of lsn (<*>) to (<*>) was copied.", count=4, thr="main", vals=tlog, **X)
    S.ev("batch", "Applying a batch of <*> redo log records ...", count=22, thr="main", sub="InnoDB",
         code="013086", lvl="Note", vals=lambda _r: [r.randint(3, 240_000)])
    S.ev("ok", "completed OK!", count=3, thr="main", vals=lambda _r: [], **X)

    def header(t, key, meta, rr):
        thr = {"copy": rr.randint(1, 4), "redo": rr.choice([0, 1]), "main": 0}[meta["thr"]]
        return "%sT%s-00:00 %d [%s] [MY-%s] [%s] " % (DAY_ISO, hms(t, 6), thr, meta["lvl"], meta["code"],
                                                       meta["sub"])

    rows = run_shuffle(S, 2 * 3600 * NS + r.randint(0, 600) * NS, 900 * MS, header)
    return S, rows


# --------------------------------------------------------------------------- 2 ClickHouseKeeper
def build_keeper():
    S = System(2, "ClickHouseKeeper", "shuffle",
               r"^(?P<ts>\d{4}\.\d\d\.\d\d \d\d:\d\d:\d\d\.\d{6}) \[ \d+ \] \{[^{}]*\} "
               r"<(?:Trace|Debug|Information|Warning|Error|Fatal)> [A-Za-z][A-Za-z0-9_]*(?: \([^()]*\))?: $")
    r = S.rng
    st = {"sid": r.randint(40_000, 90_000), "snap": r.randint(1_000, 3_000) * 1000}
    snapdir = ["/var/lib/clickhouse/coordination/snapshots", "/mnt/keeper/snapshots"]
    logdir = ["/var/lib/clickhouse/coordination/log", "/mnt/keeper/log"]

    def sid():
        st["sid"] += r.randint(1, 40)
        return st["sid"]

    def snap_idx():
        st["snap"] += r.randint(1, 30) * 10_000
        return st["snap"]

    errs = ["Code: 210. DB::NetException: Connection reset by peer, while reading from socket",
            "Code: 209. DB::NetException: Timeout exceeded while reading from socket (30000 ms)",
            "Code: 33. DB::Exception: Cannot read all data. Bytes read: 0. Bytes expected: 4",
            "Poco::Exception. Code: 1000, e.code() = 32, I/O error: Broken pipe"]

    S.ev("fourlw", "Receive four letter command <*>", count=90, lg="KeeperTCPHandler", lvl="Information",
         tp="tcp", vals=lambda _r: [S.cy("c", ["ruok", "mntr", "srvr", "stat", "wchs", "isro", "conf", "dirs"])])
    S.ev("reqsid", "Requesting session ID for the new client", count=48, lg="KeeperTCPHandler", lvl="Debug",
         tp="tcp", vals=lambda _r: [])
    S.ev("gotsid", "Received session ID <*>", count=45, lg="KeeperTCPHandler", lvl="Debug", tp="tcp",
         vals=lambda _r: [sid()])
    S.ev("sidresp", "Session ID response <*> with timeout <*>", count=46, lg="KeeperStateMachine",
         lvl="Debug", tp="sm", vals=lambda _r: [sid(), S.cy("to", ["30000", "10000", "60000", "5000"])])
    S.ev("dead", "Found dead session <*>, will try to close it", count=14, lg="KeeperDispatcher",
         lvl="Information", tp="disp", vals=lambda _r: [sid()])
    S.ev("deadpush", "Dead session close request pushed", count=12, lg="KeeperDispatcher", lvl="Information",
         tp="disp", vals=lambda _r: [])
    S.ev("mksnap", "Creating snapshot <*>", count=8, lg="KeeperStateMachine", lvl="Information", tp="sm",
         vals=lambda _r: [snap_idx()])
    S.ev("snapdone", "Created persistent snapshot <*> with path <*>", count=7, lg="KeeperSnapshotManager",
         lvl="Information", tp="snap",
         vals=lambda _r: (lambda i: [i, "%s/snapshot_%d.bin.zstd" % (S.cy("d", snapdir), i)])(snap_idx()))
    S.ev("rmsnap", "Removing old snapshot <*>", count=5, lg="KeeperSnapshotManager", lvl="Information",
         tp="snap", vals=lambda _r: ["%s/snapshot_%d.bin.zstd" % (S.cy("d", snapdir), snap_idx() - 300_000)])
    S.ev("compact", "Compact logs up to log index <*>, our max log id is <*>", count=6, lg="Changelog",
         lvl="Information", tp="sm",
         vals=lambda _r: (lambda i: [i, i + r.randint(1, 99_999)])(snap_idx()))
    S.ev("rmlog", "Removing changelog <*> because of compaction", count=6, lg="Changelog", lvl="Information",
         tp="sm", vals=lambda _r: (lambda i: ["%s/changelog_%d_%d.bin.zstd" % (S.cy("d", logdir), i + 1, i + 100_000)])(
             snap_idx() - 400_000))
    S.ev("exc", "Exception while processing request from <*>: <*>", count=4, lg="KeeperTCPHandler",
         lvl="Error", tp="tcp", vals=lambda _r: ["%s:%d" % (ip10(r), eport(r)), S.cy("e", errs)])
    S.ev("syncsnap", "trying to sync snapshot with last index <*> to peer <*>, its last log idx <*>", count=5,
         lg="RaftInstance", lvl="Information", tp="raft",
         vals=lambda _r: (lambda i: [i, S.cy("p", ["2", "3"]), i - r.randint(10_000, 900_000)])(snap_idx()))
    S.ev("inactive", "connection to peer <*> is not active long time: <*> seconds, force re-connect", count=4,
         lg="RaftInstance", lvl="Warning", tp="raft",
         vals=lambda _r: [S.cy("p", ["3", "2"]), r.randint(11, 95)])

    tids = {"tcp": [r.randint(600, 1400) for _ in range(6)], "sm": [r.randint(100, 599)],
            "disp": [r.randint(100, 599)], "snap": [r.randint(100, 599)], "raft": [r.randint(100, 599) for _ in range(3)]}

    def header(t, key, meta, rr):
        return "%s %s [ %d ] {} <%s> %s: " % (DAY_DOT, hms(t, 6), rr.choice(tids[meta["tp"]]), meta["lvl"],
                                               meta["lg"])

    rows = run_shuffle(S, 13 * 3600 * NS + r.randint(0, 900) * NS, 1200 * MS, header)
    return S, rows


# --------------------------------------------------------------------------- 3 Greenplum
def build_greenplum():
    S = System(3, "Greenplum", "simulation (client sessions with the checkpointer and FTS prober)",
               r'^(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}) UTC,(?:"[^"]*")?,(?:"[^"]*")?,p\d+,th-?\d+,'
               r'(?:"[^"]*")?,(?:"\d+")?,(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC)?,\d+,(?:con\d+)?,(?:cmd\d+)?,'
               r'seg-?\d+,(?:slice\d+)?,(?:dx\d+)?,(?:x\d+)?,(?:sx\d+)?,'
               r'"(?:DEBUG\d|LOG|INFO|NOTICE|WARNING|ERROR|FATAL|PANIC)","[0-9A-Z]{5}",$')
    r = S.rng
    T0 = ',,,,,,,0,,"%s",%d,'          # tail for lines without a query
    TQ = ',,,,,,"<*>",<*>,,"%s",%d,'   # tail with debug_query_string and cursor position
    S.ev("recv", '"connection received: host=<*> port=<*>"' + T0 % ("postmaster.c", 4361))
    S.ev("auth", '"connection authorized: user=<*> database=<*>"' + T0 % ("postinit.c", 362))
    S.ev("stmt", '"statement: <*>"' + T0 % ("postgres.c", 1664))
    S.ev("dur", '"duration: <*> ms"' + T0 % ("postgres.c", 1935))
    S.ev("disc", '"disconnection: session time: <*> user=<*> database=<*> host=<*> port=<*>"'
         + T0 % ("postgres.c", 4695))
    S.ev("norel", '"relation ""<*>"" does not exist"' + TQ % ("parse_relation.c", 1159))
    S.ev("cancel", '"canceling statement due to user request"' + TQ.replace('<*>,,"', '0,,"') % ("postgres.c", 3502))
    S.ev("ftsconn", '"FTS: cannot establish libpq connection (content=<*>, dbid=<*>): <*>"'
         + T0 % ("ftsprobe.c", 412))
    S.ev("ftsupd", '"FTS: updating segment status: dbid <*> content <*> status <*> mode <*>"'
         + T0 % ("fts.c", 538))
    S.ev("ckstart", '"checkpoint starting: <*>"' + T0 % ("xlog.c", 8389))
    S.ev("ckdone", '"checkpoint complete: wrote <*> buffers (<*>%); <*> transaction log file(s) added, '
                   '<*> removed, <*> recycled; write=<*> s, sync=<*> s, total=<*> s; sync files=<*>, '
                   'longest=<*> s, average=<*> s"' + T0 % ("xlog.c", 8499))
    S.ev("notx", '"there is no transaction in progress"' + TQ.replace('<*>,,"', '0,,"') % ("xact.c", 3871))
    S.ev("disp", '"Error on receive from seg<*> slice<*> <*>:<*> pid=<*>: server closed the connection '
                 'unexpectedly"' + TQ.replace('<*>,,"', '0,,"') % ("cdbdispatchresult.c", 1106))
    S.ev("authfail", '"password authentication failed for user ""<*>"""' + T0 % ("auth.c", 307))

    users = ["gpadmin", "etl_loader", "analyst_kim", "report_svc", "dbt_runner", "bi_tableau"]
    dbs = ["warehouse", "sales", "marketing_dw", "postgres", "finance"]
    clients = [ip10(r) for _ in range(9)] + ["127.0.0.1"]
    tables = ["fact_orders", "dim_customer", "stg_clicks", "fact_payments", "dim_product", "tmp_rollup",
              "ext_s3_events", "sales_2026_q1"]
    segs = [("sdw%d" % i, "10.40.%d.%d" % (i, 10 + i)) for i in range(1, 7)]

    def sql():
        t = S.cy("tbl", tables)
        k = r.randint(0, 7)
        if k == 0:
            return "SELECT count(*) FROM %s WHERE order_date >= '2026-03-%02d'" % (t, r.randint(1, 13))
        if k == 1:
            return "INSERT INTO %s SELECT * FROM stg_%s WHERE batch_id = %d" % (t, t.split("_")[-1], r.randint(100, 9999))
        if k == 2:
            return "UPDATE %s SET status = 'closed' WHERE id = %d" % (t, r.randint(1, 10 ** 7))
        if k == 3:
            return "BEGIN"
        if k == 4:
            return "COMMIT"
        if k == 5:
            return "ANALYZE %s" % t
        if k == 6:
            return "SELECT customer_id, sum(amount) FROM %s GROUP BY 1 ORDER BY 2 DESC LIMIT %d" % (t, r.choice([10, 50, 100]))
        return "DELETE FROM %s WHERE created_at < now() - interval '%d days'" % (t, r.randint(7, 400))

    recs = []
    seq = [0]

    def add(t, key, hdr, vals):
        seq[0] += 1
        recs.append((t, seq[0], key, hdr, vals))

    start = 10 * 3600 * NS + r.randint(0, 1800) * NS
    # sessions
    t_arr = start
    con = r.randint(1200, 5200)
    rare_q = ["norel", "cancel", "notx", "disp"]
    rare_n = [0]
    for i in range(60):
        t_arr += int(r.expovariate(1 / (3.6 * NS)))
        con += r.randint(1, 4)
        t = t_arr
        pid = r.randint(20000, 65000)
        base = dict(pid=pid, th=r.randint(10 ** 9, 4 * 10 ** 9), host=r.choice(clients), port=str(eport(r)),
                    sst="%s %s UTC" % (DAY_ISO, hms(t, 0)), con="con%d" % con)
        user, db = r.choice(users), r.choice(dbs)
        add(t, "recv", dict(base, lvl="LOG", st="00000"), [base["host"], base["port"]])
        t += r.randint(2, 30) * MS
        if i % 6 == 5:
            add(t, "authfail", dict(base, user=user, db=db, lvl="FATAL", st="28P01"), [user])
            continue
        sess = dict(base, user=user, db=db)
        add(t, "auth", dict(sess, lvl="LOG", st="00000"), [user, db])
        cmd = 0
        x = r.randint(100000, 900000)
        for j in range(r.randint(2, 9)):
            t += int(r.expovariate(1 / (2.4 * NS)))
            cmd += 1
            x += r.randint(1, 50)
            q = sql()
            h = dict(sess, cmd="cmd%d" % cmd, dx="dx%d" % (con * 3 + cmd), x="x%d" % x, sx="sx1", lvl="LOG",
                     st="00000")
            add(t, "stmt", h, [q])
            d = r.choice([r.uniform(0.05, 30), r.uniform(30, 9000), r.uniform(0.3, 4)])
            t += int(d * MS)
            roll = r.random()
            if roll < 0.14:
                kind = rare_q[rare_n[0] % 4]
                rare_n[0] += 1
                he = dict(h, lvl="ERROR" if kind != "notx" else "WARNING")
                if kind == "norel":
                    bad = S.cy("bad", ["public.fact_order", "stg_click", "tmp_rollup_old", "dim_custmer"])
                    if r.random() < 0.5:
                        qq, pos = "SELECT * FROM %s LIMIT %d" % (bad, r.randint(1, 500)), 15
                    else:
                        qq, pos = "SELECT count(*) FROM %s" % bad, 22
                    add(t, kind, dict(he, st="42P01"), [bad, qq, pos])
                elif kind == "cancel":
                    add(t, kind, dict(he, st="57014"), [q])
                elif kind == "notx":
                    add(t, kind, dict(he, st="25P01"), [S.cy("c", ["COMMIT", "END", "ROLLBACK"])])
                else:
                    sg, sip = r.choice(segs)
                    add(t, kind, dict(he, st="58M01", slice="slice%d" % r.randint(1, 3)),
                        [r.randint(0, 15), r.randint(1, 4), sg, 6000 + r.randint(0, 7), r.randint(3000, 60000), q])
            elif roll < 0.75:
                add(t, "dur", dict(h), ["%.3f" % d])
        t += int(r.expovariate(1 / (1.5 * NS)))
        stime = (t - t_arr) // MS
        add(t, "disc", dict(sess, lvl="LOG", st="00000"),
            ["%d:%02d:%02d.%03d" % (stime // 3600000, stime // 60000 % 60, stime // 1000 % 60, stime % 1000),
             user, db, base["host"], base["port"]])

    # checkpointer
    ck = dict(pid=r.randint(3000, 9000), th=r.randint(10 ** 9, 4 * 10 ** 9), lvl="LOG", st="00000")
    t = start + r.randint(2, 9) * NS
    for _ in range(12):
        t += int(r.uniform(14, 26) * NS)
        add(t, "ckstart", ck, [S.cy("ckwhy", ["time", "xlog", "immediate force wait"])])
        w = r.uniform(0.5, 9)
        t2 = t + int(w * NS)
        bufs = r.randint(12, 90000)
        sync = r.uniform(0.001, 0.6)
        add(t2, "ckdone", ck, [bufs, "%.1f" % (bufs / 1310.72), r.randint(0, 3), r.randint(0, 2), r.randint(0, 6),
                               "%.3f" % w, "%.3f" % sync, "%.3f" % (w + sync + 0.002), r.randint(3, 160),
                               "%.3f" % (sync * 0.6), "%.3f" % (sync / 40)])
    # FTS prober
    fts = dict(pid=r.randint(3000, 9000), th=r.randint(10 ** 9, 4 * 10 ** 9), lvl="LOG", st="00000")
    reasons = ["could not connect to server: Connection refused",
               "timeout expired",
               "could not translate host name to address: Name or service not known",
               "server closed the connection unexpectedly"]
    t = start + r.randint(1, 6) * NS
    for _ in range(14):
        t += int(r.uniform(8, 22) * NS)
        content = r.randint(0, 15)
        dbid = content + 2 + r.choice([0, 16])
        add(t, "ftsconn", fts, [content, dbid, S.cy("why", reasons)])
        add(t + r.randint(5, 900) * MS, "ftsupd", fts,
            [dbid, content, S.cy("s", ["d", "u"]), S.cy("m", ["n", "s"])])

    def header(t, key, h):
        q = lambda s: '"%s"' % s if s else ""
        f = ["%s %s UTC" % (DAY_ISO, hms(t, 6)), q(h.get("user")), q(h.get("db")), "p%d" % h["pid"],
             "th%d" % h["th"], q(h.get("host")), q(h.get("port")), h.get("sst", ""), "0", h.get("con", ""),
             h.get("cmd", ""), "seg-1", h.get("slice", ""), h.get("dx", ""), h.get("x", ""), h.get("sx", ""),
             '"%s"' % h["lvl"], '"%s"' % h["st"]]
        return ",".join(f) + ","

    # duplicate double quotes inside the quoted message / query fields
    for i, (t, s, key, hdr, vals) in enumerate(recs):
        recs[i] = (t, s, key, hdr, [str(v).replace('"', '""') for v in vals])
    return S, merge_sim(S, recs, header)


# --------------------------------------------------------------------------- 4 Dolt
def build_dolt():
    S = System(4, "Dolt", "simulation (client connections with replication and auto-GC workers)",
               r"^(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)) (?:TRACE|DEBUG|INFO|WARN|ERROR) "
               r"\[(?:conn \d+|no conn)\] $")
    r = S.rng
    QF = "{connectTime=<*>, connectionDb=<*>, query=<*>}"
    S.ev("newconn", "NewConnection {DisableClientMultiStatements=false}")
    S.ev("closed", "ConnectionClosed {}")
    S.ev("start", "Starting query " + QF)
    S.ev("fin", "Query finished in <*> ms " + QF)
    S.ev("err", "error running query {connectTime=<*>, connectionDb=<*>, error=<*>, query=<*>}")
    S.ev("commit", "commit <*> created on branch <*> in database <*> by <*>")
    S.ev("repl", "replicating commit <*> on branch <*> to remote <*>")
    S.ev("repl_ok", "replication to remote <*> completed in <*>")
    S.ev("repl_fail", "replication to remote <*> failed: <*>")
    S.ev("authfail", "failed to authenticate user <*> from <*>: <*>")
    S.ev("idle", "client <*> did not send a packet for <*>, closing idle connection")
    S.ev("gc_start", "auto gc started on database <*>")
    S.ev("gc_done", "auto gc finished on database <*>, reclaimed <*> in <*>")

    dbs = ["inventory", "pricing", "shop", "datasets_wiki", "ops"]
    users = ["app", "root", "reporter", "ci_bot", "dana"]
    remotes = ["origin", "backup", "s3-mirror", "dolthub"]
    branches = ["main", "feature/pricing-v2", "release-3.4", "dev"]
    tables = ["items", "prices", "orders", "customers", "warehouses", "skus"]

    def query(db):
        t = S.cy("tbl", tables)
        k = r.randint(0, 10)
        if k == 10:
            k = 5
        if k <= 2:
            return "select * from %s where id = %d" % (t, r.randint(1, 99999))
        if k == 3:
            return "insert into %s (id, name, qty) values (%d, 'item-%s', %d)" % (t, r.randint(1, 99999), hexs(r, 4), r.randint(0, 500))
        if k == 4:
            return "update %s set qty = qty - %d where id = %d" % (t, r.randint(1, 9), r.randint(1, 99999))
        if k == 5:
            return "call dolt_commit('-Am', 'sync %s batch %d')" % (t, r.randint(1, 900))
        if k == 6:
            return "select * from dolt_log limit %d" % r.choice([5, 10, 20])
        if k == 7:
            return "call dolt_checkout('%s')" % r.choice(branches)
        if k == 8:
            return "show tables"
        return "select count(*) from %s as of 'HEAD~%d'" % (t, r.randint(1, 30))

    errors = ["table not found: %s", "Duplicate entry '%d' for key 'PRIMARY'",
              "branch not found: %s", "nothing to commit",
              "cannot merge with uncommitted changes", "syntax error at position %d near 'fro'"]

    recs = []
    seq = [0]

    def add(t, key, conn, lvl, vals):
        seq[0] += 1
        recs.append((t, seq[0], key, (conn, lvl), vals))

    repl_n = [0]
    start = 15 * 3600 * NS + r.randint(0, 1800) * NS
    t_arr = start
    cid = r.randint(40, 900)
    for i in range(70):
        t_arr += int(r.expovariate(1 / (2.2 * NS)))
        cid += 1
        t = t_arr
        ct = "%s %s +0000 UTC" % (DAY_ISO, hms(t, 9))
        db = r.choice(dbs)
        add(t, "newconn", cid, "INFO", [])
        if i % 7 == 3:
            t += r.randint(1, 40) * MS
            add(t, "authfail", cid, "WARN", [S.cy("u", users), "%s:%d" % (ip10(r), eport(r)),
                                             S.cy("afwhy", ["Access denied for user", "unknown auth plugin caching_sha2",
                                                          "client closed connection during handshake"])])
            add(t + r.randint(1, 5) * MS, "closed", cid, "INFO", [])
            continue
        for j in range(r.randint(1, 6)):
            t += int(r.expovariate(1 / (0.9 * NS)))
            q = query(db)
            add(t, "start", cid, "DEBUG", [ct, db, q])
            d = r.choice([r.randint(0, 9), r.randint(1, 60), r.randint(10, 2500)])
            t += d * MS
            if r.random() < 0.09:
                e = S.cy("err", errors)
                if "%s" in e:
                    e = e % r.choice(tables + branches)
                elif "%d" in e:
                    e = e % r.randint(1, 99999)
                add(t, "err", cid, "WARN", [ct, db, e, q])
                continue
            add(t, "fin", cid, "DEBUG", [d, ct, db, q])
            if q.startswith("call dolt_commit"):
                h = b32(r, 32)
                br = S.cy("br", branches)
                add(t + 1, "commit", cid, "INFO", [h, br, db, "%s@%%" % S.cy("by", users)])
                rt = t + r.randint(5, 400) * MS
                rem = S.cy("rem", remotes)
                add(rt, "repl", None, "INFO", [h, br, rem])
                repl_n[0] += 1
                if repl_n[0] % 3 == 2:
                    add(rt + r.randint(100, 9000) * MS, "repl_fail", None, "WARN",
                        [rem, S.cy("why", ["rpc error: code = Unavailable desc = connection refused",
                                           "context deadline exceeded",
                                           "remote ref was updated concurrently, retry later"])])
                else:
                    dd = r.randint(40, 6000)
                    add(rt + dd * MS, "repl_ok", None, "INFO",
                        [rem, "%dms" % dd if dd < 1000 else "%.2fs" % (dd / 1000)])
        if i % 4 == 2:
            idle = S.cy("idle", [8, 15, 20, 30])
            t += idle * NS
            add(t, "idle", cid, "WARN", ["%s:%d" % (ip10(r), eport(r)), "%ds" % idle])
        t += r.randint(1, 900) * MS
        add(t, "closed", cid, "INFO", [])
    t = start
    for _ in range(10):
        t += int(r.uniform(8, 16) * NS)
        db = r.choice(dbs)
        add(t, "gc_start", None, "INFO", [db])
        d = r.uniform(0.3, 4)
        add(t + int(d * NS), "gc_done", None, "INFO", [db, size_h(r), "%.2fs" % d])

    def header(t, key, h):
        conn, lvl = h
        return "%sT%sZ %s [%s] " % (DAY_ISO, hms(t, 0), lvl, "no conn" if conn is None else "conn %d" % conn)

    return S, merge_sim(S, recs, header)


# --------------------------------------------------------------------------- 5 SurrealDb
def build_surreal():
    S = System(5, "SurrealDb", "shuffle",
               r"^(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z) (?:TRACE|DEBUG| INFO| WARN|ERROR) "
               r"(?:[a-z/_]+\{[^{}]*\}: )?[a-z_]+(?:::[a-z_]+)*: $")
    r = S.rng
    tables = ["person", "order", "product", "message", "session", "review"]

    def surql(_r):
        t = S.cy("t", tables)
        k = r.randint(0, 6)
        if k == 0:
            return ["SELECT * FROM %s WHERE age > %d" % (t, r.randint(18, 70))]
        if k == 1:
            return ["CREATE %s CONTENT { total: %.2f, status: 'paid' }" % (t, r.uniform(1, 900))]
        if k == 2:
            return ["UPDATE %s:%s SET last_login = time::now()" % (t, b32(r, 20))]
        if k == 3:
            return ["LIVE SELECT * FROM %s WHERE room = room:%s" % (t, r.choice(["lobby", "support", "dev"]))]
        if k == 4:
            return ["RELATE user:%s->likes->%s:%s SET at = time::now()" % (b32(r, 8), t, b32(r, 8))]
        if k == 5:
            return ["DELETE %s WHERE expires < time::now() - %dd" % (t, r.randint(1, 90))]
        return ["SELECT count() FROM %s GROUP ALL" % t]

    S.ev("exec", "Executing: <*>", count=101, lvl="DEBUG", tgt="surrealdb::core::dbs", span="rpc", vals=surql)
    S.ev("wsup", "WebSocket <*> connected", count=30, lvl="INFO", tgt="surrealdb::net::rpc", span=None,
         vals=lambda _r: [uuid4(r)])
    S.ev("wsdown", "WebSocket <*> disconnected", count=28, lvl="INFO", tgt="surrealdb::net::rpc", span=None,
         vals=lambda _r: [uuid4(r)])
    S.ev("qerr", "Error executing query: <*>", count=8, lvl="WARN", tgt="surrealdb::net::rpc::response",
         span="rpc", vals=lambda _r: [S.cy("e", [
             "There was a problem with the database: The table 'ordr' does not exist",
             "Found 'x' for field `total`, with record `order:9k2`, but expected a number",
             "Parse error: Unexpected token `FORM`, expected FROM",
             "You don't have permission to run this query on the `review` table"])])
    S.ev("kvs_start", "Starting kvs store at <*>", count=4, lvl=" INFO", tgt="surrealdb::core::kvs::ds", span=None,
         vals=lambda _r: [S.cy("s", ["rocksdb:/data/srdb.db", "surrealkv:/var/lib/surreal/data", "memory"])])
    S.ev("kvs_up", "Started kvs store at <*>", count=4, lvl=" INFO", tgt="surrealdb::core::kvs::ds", span=None,
         vals=lambda _r: [S.cy("s", ["rocksdb:/data/srdb.db", "surrealkv:/var/lib/surreal/data", "memory"])])
    S.ev("web", "Started web server on <*>", count=4, lvl=" INFO", tgt="surrealdb::net", span=None,
         vals=lambda _r: [S.cy("a", ["0.0.0.0:8000", "127.0.0.1:8000", "[::]:8080"])])
    S.ev("env", "Running <*> for <*> on <*>", count=4, lvl=" INFO", tgt="surreal::env", span=None,
         vals=lambda _r: [S.cy("v", ["2.1.4", "2.2.1", "2.0.3"]), S.cy("o", ["linux", "macos"]),
                          S.cy("a", ["x86_64", "aarch64"])])
    S.ev("root", "Credentials were provided, and no root users were found. The root user '<*>' will be created",
         count=3, lvl=" INFO", tgt="surrealdb::core::iam::entities", span=None,
         vals=lambda _r: [S.cy("u", ["root", "admin", "surreal"])])
    S.ev("req_start", "started processing request", count=50, lvl="DEBUG", tgt="surrealdb::net::tracer",
         span="http", vals=lambda _r: [])
    S.ev("req_fin", "finished processing request http.response.status_code=<*> http.latency.ms=<*>", count=48,
         lvl="DEBUG", tgt="surrealdb::net::tracer", span="http",
         vals=lambda _r: [S.cy("c", ["200", "200", "200", "400", "401", "200", "404", "500"]), r.randint(0, 4200)])
    S.ev("lq", "Cleaned up <*> expired live queries for node <*>", count=6, lvl=" INFO",
         tgt="surrealdb::core::kvs::node", span=None, vals=lambda _r: [r.randint(1, 60), uuid4(r)])
    S.ev("import", "Imported <*> statements into <*>/<*> in <*>", count=3, lvl=" INFO",
         tgt="surrealdb::net::import", span="http",
         vals=lambda _r: [r.randint(10, 90000), S.cy("ns", ["prod", "test"]), S.cy("db", ["shop", "chat"]),
                          dur_glued(r)])
    S.ev("conflict", "Transaction read conflict on key <*>, retrying (attempt <*>)", count=7, lvl=" WARN",
         tgt="surrealdb::core::kvs::tx", span="rpc",
         vals=lambda _r: ["/*%s*%s*%s" % (S.cy("ns", ["prod", "test"]), S.cy("db", ["shop", "chat"]),
                                          S.cy("tb", tables)), S.cy("a", ["1", "2", "3", "4"])])

    routes = [("POST", "/sql"), ("GET", "/health"), ("POST", "/signin"), ("GET", "/rpc"), ("POST", "/import"),
              ("GET", "/key/person")]

    def header(t, key, meta, rr):
        lvl = meta["lvl"].strip()
        span = ""
        if meta["span"] == "rpc" and rr.random() < 0.85:
            span = 'rpc/call{otel.name="surrealdb.rpc/query" rpc.method="query" ws.id=%s}: ' % uuid4(rr)
        elif meta["span"] == "http":
            m, p = rr.choice(routes)
            span = 'request{otel.name="%s %s" http.request.method="%s" http.route="%s" http.request.id=%s}: ' % (
                m, p, m, p, uuid4(rr))
        return "%sT%sZ %5s %s%s: " % (DAY_ISO, hms(t, 6), lvl, span, meta["tgt"])

    rows = run_shuffle(S, 7 * 3600 * NS + r.randint(0, 1800) * NS, 700 * MS, header)
    return S, rows


# --------------------------------------------------------------------------- 6 EdgeDb
def build_edgedb():
    S = System(6, "EdgeDb", "shuffle",
               r"^(?:DEBUG|INFO|WARNING|ERROR|CRITICAL) \d+ (?:-|[a-z0-9_-]+) "
               r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}) [a-z_.]+: $")
    r = S.rng
    branches = ["main", "staging", "feature_billing", "analytics"]
    st = {"pid": r.randint(300, 900)}

    def peer():
        return "%s:%d" % (ip10(r), eport(r))

    def mig():
        return "m1" + b32(r, 52)

    def wpid():
        st["pid"] += r.randint(1, 30)
        return st["pid"]

    S.ev("conn", 'new connection from <*> to branch "<*>" as user "<*>"', count=110, lvl="DEBUG",
         lg="edb.server.protocol",
         vals=lambda _r: [peer(), S.cy("b", branches), S.cy("u", ["edgedb", "admin", "app_ro", "svc_ingest"])])
    S.ev("closed", "connection from <*> closed after <*>", count=100, lvl="DEBUG", lg="edb.server.protocol",
         vals=lambda _r: [peer(), dur_glued(r)])
    S.ev("starting", "Starting EdgeDB server <*> on platform <*>", count=3, lvl="INFO", lg="edb.server",
         vals=lambda _r: [S.cy("v", ["5.6+b8a3f21", "5.7+1c0d9e4", "4.8+a51b0c2"]),
                          S.cy("p", ["linux-x86_64", "linux-aarch64"])])
    S.ev("serving", "Serving on <*>", count=4, lvl="INFO", lg="edb.server",
         vals=lambda _r: [S.cy("a", ["127.0.0.1:5656", "[::1]:5656", "0.0.0.0:5656", "10.8.0.4:10701"])])
    S.ev("worker", "started compiler worker process (pid <*>)", count=18, lvl="INFO",
         lg="edb.server.compiler_pool", vals=lambda _r: [wpid()])
    S.ev("worker_exit", "compiler worker process (pid <*>) exited with code <*>", count=5, lvl="WARNING",
         lg="edb.server.compiler_pool", vals=lambda _r: [wpid(), S.cy("c", ["1", "-9", "137"])])
    S.ev("mig_apply", 'applying migration <*> to branch "<*>"', count=8, lvl="INFO", lg="edb.server",
         vals=lambda _r: [mig(), S.cy("b", branches)])
    S.ev("mig_done", 'applied migration <*> to branch "<*>" in <*>', count=7, lvl="INFO", lg="edb.server",
         vals=lambda _r: [mig(), S.cy("b", branches), dur_glued(r)])
    S.ev("mig_fail", 'migration <*> failed on branch "<*>": <*>', count=3, lvl="ERROR", lg="edb.server",
         vals=lambda _r: [mig(), S.cy("b", branches), S.cy("e", [
             "SchemaError: cannot drop property 'email' of object type 'default::User' because other objects depend on it",
             "MissingRequiredError: missing value for required property 'sku' of object type 'default::Item'",
             "QueryError: object type 'default::Invoic' does not exist"])])
    S.ev("pglost", "backend connection to Postgres lost: <*>", count=6, lvl="WARNING", lg="edb.server.pgcon",
         vals=lambda _r: [S.cy("e", ["connection reset by peer", "server closed the connection unexpectedly",
                                     "terminating connection due to administrator command"])])
    S.ev("idle", "terminating idle connection from <*> (session_idle_timeout <*>)", count=9, lvl="INFO",
         lg="edb.server", vals=lambda _r: [peer(), S.cy("t", ["60s", "5m", "30s"])])
    S.ev("ckstart", "LOG:  checkpoint starting: <*>", count=10, lvl="INFO", lg="postgres",
         vals=lambda _r: [S.cy("w", ["time", "wal", "immediate force wait"])])
    S.ev("ckdone", "LOG:  checkpoint complete: wrote <*> buffers (<*>%); write=<*> s, sync=<*> s, total=<*> s",
         count=10, lvl="INFO", lg="postgres",
         vals=lambda _r: (lambda b, w, s: [b, "%.1f" % (b / 163.84), "%.3f" % w, "%.3f" % s, "%.3f" % (w + s + 0.001)])(
             r.randint(3, 9000), r.uniform(0.01, 27), r.uniform(0.001, 0.4)))
    S.ev("br_create", 'branch "<*>" was created', count=4, lvl="INFO", lg="edb.server",
         vals=lambda _r: [S.cy("b", ["pr_4121", "staging", "feature_billing", "tmp_restore"])])
    S.ev("br_drop", 'branch "<*>" was dropped', count=3, lvl="INFO", lg="edb.server",
         vals=lambda _r: [S.cy("b", ["pr_4098", "tmp_restore", "analytics_old"])])

    pids = [r.randint(40, 99), r.randint(1000, 4000)]

    def header(t, key, meta, rr):
        return "%s %d - %sT%s %s: " % (meta["lvl"], pids[rr.random() < 0.3], DAY_ISO, hms(t, 3), meta["lg"])

    rows = run_shuffle(S, 18 * 3600 * NS + r.randint(0, 1800) * NS, 2500 * MS, header)
    return S, rows


# --------------------------------------------------------------------------- write + self-check
def write(S, rows):
    d = os.path.join(OUT, S.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as f:
        for h, c, _k in rows:
            f.write(h + c + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_h, c, k) in enumerate(rows, 1):
            w.writerow([i, c, S.eid(k), S.tmpl(k)])


def check(S):
    d = os.path.join(OUT, S.name)
    errs = []

    def need(cond, msg):
        if not cond:
            errs.append(msg)

    raw = open(os.path.join(d, S.name + ".log"), "rb").read()
    csvb = open(os.path.join(d, S.name + ".log_structured.csv"), "rb").read()
    for nm, b in (("log", raw), ("csv", csvb)):
        need(b.endswith(b"\n"), nm + " does not end with newline")
        need(b"\r" not in b, nm + " contains CR")
    lines = raw.decode("utf-8").split("\n")[:-1]
    need(len(lines) == N_LINES, "log has %d lines" % len(lines))
    with open(os.path.join(d, S.name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rd = list(csv.reader(f))
    need(rd[0] == ["LineId", "Content", "EventId", "EventTemplate"], "bad csv header")
    body = rd[1:]
    need(len(body) == N_LINES, "csv has %d rows" % len(body))
    need(all(len(row) == 4 for row in body), "csv column count")
    declared = {S.eid(k): t for k, t, _m in S.events}
    need(len(set(declared.values())) == len(declared), "duplicate templates")
    tmpl_of = {}
    caps = {}
    counts = {}
    last_ts = None
    for i, (line, row) in enumerate(zip(lines, body), 1):
        lid, content, eid, tmpl = row
        need(lid == str(i), "LineId %s at %d" % (lid, i))
        need(content and content == content.strip(), "content not stripped at %d" % i)
        need(line.endswith(content), "line %d does not end with content" % i)
        hdr = line[:len(line) - len(content)]
        m = S.header_re.fullmatch(hdr)
        need(m is not None, "header regex fails at %d: %r" % (i, hdr))
        if m:
            ts = m.group("ts")
            need(last_ts is None or ts >= last_ts, "time goes back at %d" % i)
            last_ts = ts
        need(re.fullmatch(r"E\d+", eid) is not None, "bad EventId %s" % eid)
        need(declared.get(eid) == tmpl, "template mismatch for %s" % eid)
        need(tmpl_of.setdefault(eid, tmpl) == tmpl, "EventId %s has two templates" % eid)
        rx = "^" + "(.+?)".join(re.escape(p) for p in tmpl.split("<*>")) + "$"
        mm = re.fullmatch(rx, content, re.S)
        need(mm is not None, "template does not match content at %d" % i)
        if mm:
            for j, g in enumerate(mm.groups()):
                caps.setdefault((eid, j), set()).add(g)
        counts[eid] = counts.get(eid, 0) + 1
    need(set(counts) == set(declared), "unused events: %s" % sorted(set(declared) - set(counts)))
    for eid, t in declared.items():
        for j in range(t.count("<*>")):
            need(len(caps.get((eid, j), ())) >= 2, "slot %d of %s has < 2 values" % (j, eid))
    vals = sorted(counts.values())
    med = statistics.median(vals) if vals else 0
    need(12 <= len(declared) <= 15, "%d events" % len(declared))
    need(all(v >= 3 for v in vals), "event with < 3 lines: %s" % {k: v for k, v in counts.items() if v < 3})
    need(sum(1 for v in vals if 3 <= v <= 10) >= 3, "fewer than 3 events with 3-10 lines")
    need(vals and vals[-1] >= 3 * med, "largest %s < 3x median %s" % (vals[-1] if vals else 0, med))
    return errs, counts, med


def main():
    builders = [build_xtrabackup, build_keeper, build_greenplum, build_dolt, build_surreal, build_edgedb]
    ok = True
    for b in builders:
        S, rows = b()
        write(S, rows)
        errs, counts, med = check(S)
        order = sorted(counts, key=lambda e: int(e[1:]))
        print("%-17s %-8s lines=%d events=%d max=%d median=%s  %s" % (
            S.name, "sim" if S.kind.startswith("simulation") else "shuffle", N_LINES, len(S.events),
            max(counts.values()) if counts else 0, med, " ".join("%s:%d" % (e, counts[e]) for e in order)))
        for e in errs[:20]:
            print("   FAIL:", e)
        ok = ok and not errs
    print("SELF-CHECK", "PASSED" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
