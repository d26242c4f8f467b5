#!/usr/bin/env python3
"""Round 53 blind corpus generator for a log template miner.

Python 3 standard library only and fully deterministic: no wall clock, no
locale (month and weekday names come from fixed lists below).  Base seed
20270162; system k (1..6, in the order of SYSTEMS) uses
random.Random(20270162 * 10 + k).  All time comes from an integer nanosecond
clock on 2026-03-14 UTC.

Running the script writes, for every system,
    <System>/<System>.log                300 raw lines
    <System>/<System>.log_structured.csv LineId,Content,EventId,EventTemplate
and then re-reads everything it wrote and self-checks it (see self_check()).

Every message was invented for this corpus in the style of the program named.
"""

import csv
import datetime
import os
import random
import re
import statistics
import string
import sys
from collections import Counter, defaultdict

BASE_SEED = 20270162
HERE = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
YEAR, MONTH, DAY = 2026, 3, 14
NS = 1_000_000_000
_DATE = datetime.date(YEAR, MONTH, DAY)
DAY0_NS = (_DATE.toordinal() - datetime.date(1970, 1, 1).toordinal()) * 86400 * NS
WDAY = WEEKDAYS[_DATE.weekday()]          # "Sat"
MON = MONTHS[MONTH - 1]                   # "Mar"


# --------------------------------------------------------------------------
# small framework
# --------------------------------------------------------------------------

def clock(ns):
    """Split an absolute ns timestamp into (hour, minute, second, sub-ns)."""
    t = ns - DAY0_NS
    if not 0 <= t < 86400 * NS:
        raise ValueError("clock left %04d-%02d-%02d" % (YEAR, MONTH, DAY))
    sec, sub = divmod(t, NS)
    h, rest = divmod(sec, 3600)
    m, s = divmod(rest, 60)
    return h, m, s, sub


def to_ns(h, m, s, sub_ns=0):
    return DAY0_NS + ((h * 60 + m) * 60 + s) * NS + sub_ns


def start_ns(rng, hour, spread_s):
    return DAY0_NS + hour * 3600 * NS + rng.randrange(spread_s * NS)


def gap(rng, mean_s):
    """Exponential gap in whole nanoseconds, always > 0."""
    return int(rng.expovariate(1.0 / mean_s) * NS) + 1


_FMT = string.Formatter()


def nslots(pattern):
    return sum(1 for _lit, field, _spec, _conv in _FMT.parse(pattern)
               if field is not None)


class Events:
    """Ordered event declarations: key -> str.format pattern, one {} per value.

    EventId = E<position in the declaration>, template = pattern with every
    {} replaced by <*>.
    """

    def __init__(self, spec):
        self.keys = [k for k, _ in spec]
        self.pattern = dict(spec)
        if len(self.pattern) != len(spec):
            raise ValueError("duplicate event key")
        self.eid = {k: "E%d" % (i + 1) for i, k in enumerate(self.keys)}

    def template(self, key):
        p = self.pattern[key]
        return p.format(*(["<*>"] * nslots(p)))

    def render(self, key, *vals):
        p = self.pattern[key]
        if nslots(p) != len(vals):
            raise ValueError("%s wants %d values, got %r" % (key, nslots(p), vals))
        vals = [str(v) for v in vals]
        for v in vals:
            if not v or v != v.strip() or "\n" in v or "\r" in v:
                raise ValueError("bad value %r for %s" % (v, key))
        return p.format(*vals)


class Cyc:
    """Small pools cycle per (event, slot) key, from a seeded start offset."""

    def __init__(self, rng):
        self.rng = rng
        self.pos = {}

    def __call__(self, key, pool):
        if key not in self.pos:
            self.pos[key] = self.rng.randrange(len(pool))
        v = pool[self.pos[key] % len(pool)]
        self.pos[key] += 1
        return v


# A row is (ns, header, content, event_key).


# --------------------------------------------------------------------------
# 1. OracleAlert: Oracle Database 19c alert_FINPRD.log   (seeded shuffle)
# --------------------------------------------------------------------------

ORACLE_EVENTS = Events([
    ("ts", "{}"),
    ("advanced", "Thread 1 advanced to log sequence {} (LGWR switch),  current SCN: {}"),
    ("curlog", "Current log# {} seq# {} mem# {}: {}"),
    ("archived", "{} (PID:{}): Archived Log entry {} added for T-1.S-{} ID 0x7d3a91c4 LAD:1"),
    ("cannot_alloc", "Thread 1 cannot allocate new log, sequence {}"),
    ("ckpt_nc", "Checkpoint not complete"),
    ("errfile_inc", "Errors in file {}  (incident={}):"),
    ("errfile", "Errors in file {}:"),
    ("ora600", "ORA-00600: internal error code, arguments: [{}], [{}], [{}], [], [], [], [], [], [], [], [], []"),
    ("ora12012", 'ORA-12012: error on auto execute of job "{}"."{}"'),
    ("ora6512", 'ORA-06512: at "{}", line {}'),
    ("incident", "Incident details in: {}"),
    ("resize", "Resize operation completed for file# {}, old size {}K, new size {}K"),
    ("bg_start", "Starting background process {}"),
    ("bg_stop", "Stopping background process {}"),
])

ORACLE_HEADER_RE = r"(?:  )?"      # no per-line header; redo member lines are indented
_ORA_TS = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\.(\d{6})\+00:00")


def ora_ts(ns):
    h, m, s, sub = clock(ns)
    return "%04d-%02d-%02dT%02d:%02d:%02d.%06d+00:00" % (YEAR, MONTH, DAY, h, m, s, sub // 1000)


def ts_oracle(header, content):
    m = _ORA_TS.fullmatch(content)
    if not m:
        return None
    y, mo, d, h, mi, s, us = (int(x) for x in m.groups())
    assert (y, mo, d) == (YEAR, MONTH, DAY)
    return to_ns(h, mi, s, us * 1000)


def gen_oracle(rng):
    ev = ORACLE_EVENTS
    cyc = Cyc(rng)
    kinds = (["switch"] * 30 + ["arch"] * 30 + ["ckpt"] * 6 + ["job"] * 5
             + ["incident"] * 4 + ["resize"] * 12 + ["bgstart"] * 6 + ["bgstop"] * 5)
    depths = [3, 2, 3, 2, 3]          # ORA-06512 frames per failed job
    rng.shuffle(kinds)
    rng.shuffle(depths)

    seq = 18342 + rng.randrange(40)
    last_arch = seq - 8
    arc_entry = 36120 + rng.randrange(200)
    scn = 14523887104 + rng.randrange(10 ** 6)
    incident = 48213 + rng.randrange(500)
    fsize = {4: 31457280, 7: 4194304, 9: 8388608, 12: 2097152}
    arc_pid = {"ARC0": 21734, "ARC1": 21738, "ARC2": 21742, "ARC3": 21746}
    diag = "/u01/app/oracle/diag/rdbms/finprd/FINPRD"
    stacks = {
        "SYS": [("SYS.DBMS_STATS", 47207), ("SYS.DBMS_STATS", 48105),
                ("SYS.DBMS_STATS_INTERNAL", 21130)],
        "FINAPP": [("FINAPP.PKG_GL_POST", 1187), ("FINAPP.PKG_GL_POST", 412),
                   ("FINAPP.GL_NIGHTLY_DRIVER", 23)],
        "REPORTING": [("SYS.DBMS_SNAPSHOT_KKXRCA", 3020), ("SYS.DBMS_SNAPSHOT_KKXRCA", 2432),
                      ("REPORTING.PKG_MV_REFRESH", 88)],
    }

    def redo(g, s):
        return [("curlog", g, s, 0, "/u02/oradata/FINPRD/onlinelog/redo%02da.log" % g),
                ("curlog", g, s, 1, "/u03/oradata/FINPRD/onlinelog/redo%02db.log" % g)]

    t = start_ns(rng, 2, 1800)
    rows = []
    job_no = 0
    for kind in kinds:
        t += gap(rng, 95)
        scn += rng.randrange(20000, 900000)
        if kind == "switch":
            seq += 1
            body = [("advanced", seq, scn)] + redo(seq % 3 + 1, seq)
        elif kind == "ckpt":
            body = [("cannot_alloc", seq + 1), ("ckpt_nc",)] + redo(seq % 3 + 1, seq)
        elif kind == "arch":
            last_arch = min(last_arch + 1, seq - 1)
            arc_entry += 1
            arc = cyc(("archived", 0), ["ARC0", "ARC1", "ARC2", "ARC3"])
            body = [("archived", arc, arc_pid[arc], arc_entry, last_arch)]
        elif kind == "job":
            jproc = cyc(("errfile", 0), ["j000", "j001", "j002", "j003"])
            pid = rng.randrange(10000, 65000)
            owner = cyc(("ora12012", 0), ["SYS", "FINAPP", "REPORTING"])
            job = {"SYS": "ORA$AT_OS_OPT_SY_%d" % rng.randrange(1000, 99999),
                   "FINAPP": "GL_NIGHTLY_POST",
                   "REPORTING": "REFRESH_MV_SALES_DAILY"}[owner]
            body = [("errfile", "%s/trace/FINPRD_%s_%d.trc" % (diag, jproc, pid)),
                    ("ora12012", owner, job)]
            body += [("ora6512", u, ln) for u, ln in stacks[owner][:depths[job_no]]]
            job_no += 1
        elif kind == "incident":
            pid = rng.randrange(10000, 65000)
            incident += rng.randrange(1, 60)
            args = cyc(("ora600", 0), [("kdsgrp1", "1", "0x6c1e3a0"), ("kcbgtcr_13", "2", "17"),
                                       ("ktspScanInit-l1", "0", "4"), ("qerghFetch:x", "3", "122")])
            body = [("errfile_inc", "%s/trace/FINPRD_ora_%d.trc" % (diag, pid), incident),
                    ("ora600",) + args,
                    ("incident", "%s/incident/incdir_%d/FINPRD_ora_%d_i%d.trc"
                     % (diag, incident, pid, incident))]
        elif kind == "resize":
            f = cyc(("resize", 0), [4, 7, 9, 12])
            old = fsize[f]
            fsize[f] = old + cyc(("resize", 2), [65536, 131072, 1048576])
            body = [("resize", f, old, fsize[f])]
        elif kind == "bgstart":
            body = [("bg_start", cyc(("bg_start", 0), ["CJQ0", "SMCO", "W007", "QM02", "MMNL", "W00A"]))]
        else:
            body = [("bg_stop", cyc(("bg_stop", 0), ["CJQ0", "W005", "SMCO", "W00A"]))]
        rows.append((t, "", ora_ts(t), "ts"))
        for item in body:
            key, vals = item[0], item[1:]
            rows.append((t, "  " if key == "curlog" else "", ev.render(key, *vals), key))
    assert len(rows) == N_LINES, len(rows)
    return rows


# --------------------------------------------------------------------------
# 2. Db2Diag: IBM Db2 11.5 db2diag.log (simulation: apps, log archivers, EDUs)
# --------------------------------------------------------------------------

DB2_EVENTS = Events([
    ("level", "LEVEL: {}"),
    ("pid", "PID     : {}                TID : {}  PROC : {}"),
    ("inst_db", "INSTANCE: db2inst1             NODE : 000            DB   : {}"),
    ("inst", "INSTANCE: db2inst1             NODE : 000"),
    ("apphdl", "APPHDL  : {}              APPID: {}"),
    ("authid", "AUTHID  : {}             HOSTNAME: dbprd01"),
    ("host", "HOSTNAME: dbprd01"),
    ("eduid", "EDUID   : {}                  EDUNAME: {}"),
    ("function", "FUNCTION: DB2 UDB, {}, {}, probe:{}"),
    ("zrc", 'MESSAGE : ZRC={}={}={} "{}"'),
    ("data_hex", "DATA #1 : Hexdump, {} bytes"),
    ("hexline", "{} : {} {} {} {} {} {} {} {}    {}"),
    ("arch_start", "MESSAGE : Started archive for log file {}."),
    ("arch_done", "MESSAGE : Completed archive for log file {} to {} from {}."),
    ("escalation", 'MESSAGE : ADM5502W  The escalation of "{}" locks on table "{}" to lock intent "{}" was successful.'),
])

DB2_HEADER_RE = r"(?:\d{4}-\d\d-\d\d-\d\d\.\d\d\.\d\d\.\d{6}[+-]\d{3} I\d+E\d+ +)?"
_DB2_TS = re.compile(r"(\d{4})-(\d\d)-(\d\d)-(\d\d)\.(\d\d)\.(\d\d)\.(\d{6})\+000 ")


def db2_ts(ns):
    h, m, s, sub = clock(ns)
    return "%04d-%02d-%02d-%02d.%02d.%02d.%06d+000" % (YEAR, MONTH, DAY, h, m, s, sub // 1000)


def ts_db2(header, content):
    m = _DB2_TS.match(header)
    if not m:
        return None
    y, mo, d, h, mi, s, us = (int(x) for x in m.groups())
    assert (y, mo, d) == (YEAR, MONTH, DAY)
    return to_ns(h, mi, s, us * 1000)


def zrc_vals(hexcode, name, desc):
    return (hexcode, str(int(hexcode, 16) - 2 ** 32), name, desc)


def tid15(rng):
    return str(rng.randrange(139_700_000_000_000, 140_740_000_000_000))


def db2_hexdump(rng, nlines):
    addr = (0x00007F0000000000 + rng.randrange(0x10000000000)) & ~0xF
    text = "DB2INST1SQLCA   SQLDAsqlerror"
    out = []
    for i in range(nlines):
        b = []
        for _ in range(16):
            r = rng.random()
            if r < 0.40:
                b.append(0)
            elif r < 0.70:
                b.append(ord(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_abcdefxyz")))
            else:
                x = rng.randrange(1, 256)
                b.append(0xFF if x == 0x20 else x)
        if i == 0 and rng.random() < 0.5:
            b[:8] = [ord(c) for c in text[:8]]
        groups = ["%02X%02X" % (b[j], b[j + 1]) for j in range(0, 16, 2)]
        asc = "".join(chr(x) if 0x21 <= x <= 0x7E else "." for x in b)
        out.append(("hexline", "0x%016X" % (addr + 16 * i)) + tuple(groups) + (asc,))
    return out


def db2_record_lines(rec):
    lines = [("level", rec["level"]), ("pid", rec["pid"], rec["tid"], rec["proc"])]
    lines.append(("inst_db", rec["db"]) if rec["db"] else ("inst",))
    app = rec.get("app")
    if app:
        lines.append(("apphdl", app["hdl"], app["appid"]))
        lines.append(("authid", app["auth"]))
    else:
        lines.append(("host",))
    lines.append(("eduid", rec["eduid"], rec["eduname"]))
    lines.append(("function",) + tuple(rec["func"]))
    lines.extend(rec["body"])
    return lines


def gen_db2(rng):
    ev = DB2_EVENTS
    cyc = Cyc(rng)
    t0 = start_ns(rng, 4, 3600)
    horizon = t0 + 9 * 3600 * NS
    recs = []

    def add(ns, rec):
        recs.append((ns, len(recs), rec))

    sysc_pid = str(rng.randrange(20000, 40000))
    acd_pid = str(rng.randrange(40000, 50000))
    fmp_pid = str(rng.randrange(50000, 65000))

    # entity: one log archiver per database; each log file is started then completed
    for db, eduid, first, chain in (("SAMPLE", "214", 4521, 3), ("PAYROLL", "377", 11873, 7)):
        tid = tid15(rng)
        n = first + rng.randrange(20)
        t = t0 + gap(rng, 500)
        while t < horizon:
            logf = "S%07d.LOG" % n
            common = dict(pid=sysc_pid, tid=tid, proc="db2sysc 0", db=db, app=None,
                          eduid=eduid, eduname="db2logmgr (%s) 0" % db, level="Info")
            add(t, dict(common, func=("data protection services", "sqlpgArchiveLogFile", "3108"),
                        body=[("arch_start", logf)]))
            done = t + int(rng.uniform(0.3, 25.0) * NS)
            add(done, dict(common, func=("data protection services", "sqlpgArchiveLogFile", "3180"),
                           body=[("arch_done", logf,
                                  "DISK:/db2/archive/db2inst1/%s/NODE0000/LOGSTREAM0000/C%07d/" % (db, chain),
                                  "/db2/%s/logs/NODE0000/LOGSTREAM0000/" % db)]))
            n += 1
            t = done + gap(rng, 2100)

    # entity: application connections with agents; escalations and errors on own clock
    tables = {"SAMPLE": ["DB2INST1.ORDERS", "DB2INST1.ORDER_LINES", "APPSCHEMA.STOCK_MOVES"],
              "PAYROLL": ["PAYROLL.EMP_HIST", "PAYROLL.TIMESHEET", "PAYROLL.PAY_RUN_DETAIL"],
              "SALESDW": ["DW.FACT_SALES", "DW.STG_SALES_DAILY"]}
    app_errs = [
        (("relation data serv", "sqlrr_process_execute_request", "30"),
         zrc_vals("0x8012006D", "SQLP_ALOGFULL", "Active log is full")),
        (("buffer pool services", "sqlbReadPage", "1030"),
         zrc_vals("0x86020019", "SQLB_CSUM", "Bad Page, Checksum Error")),
        (("data management", "sqldInsertRow", "860"),
         zrc_vals("0x87040055", "SQLO_NOSPACE_FS", "No space left on the file system")),
        (("base sys utilities", "sqleUCagentConnect", "20"),
         zrc_vals("0x8005006D", "SQLE_CA_BUILT", "SQLCA has been built and saved in component specific control block.")),
    ]
    hdl = 18210 + rng.randrange(500)
    t = t0 + gap(rng, 90)
    while t < horizon:
        hdl += rng.randrange(1, 40)
        db = cyc(("inst_db", 0), ["SAMPLE", "PAYROLL", "SALESDW", "SAMPLE"])
        auth = cyc(("authid", 0), ["DB2INST1", "APPUSER1", "ETLBATCH", "RPTUSER1", "APPUSER1"])
        h, m, s, _ = clock(t)
        stamp = "%02d%02d%02d%02d%02d%02d" % (YEAR % 100, MONTH, DAY, h, m, s)
        if rng.random() < 0.3:
            appid = "*LOCAL.db2inst1." + stamp
        else:
            appid = "10.40.%d.%d.%d.%s" % (rng.randrange(1, 30), rng.randrange(2, 250),
                                          rng.randrange(32768, 61000), stamp)
        app = dict(hdl="0-%05d" % hdl, appid=appid, auth=auth)
        common = dict(pid=sysc_pid, tid=tid15(rng), proc="db2sysc 0", db=db, app=app,
                      eduid=str(rng.randrange(120, 1000)), eduname="db2agent (%s) 0" % db)
        life = rng.expovariate(1 / 1500.0)
        for _ in range(rng.choice([0, 0, 1, 1, 1, 2])):
            te = t + int(rng.uniform(0, life) * NS)
            add(te, dict(common, level="Warning",
                         func=("data management", "sqldEscalateLocks", "2"),
                         body=[("escalation", rng.randrange(5000, 250000),
                                cyc(("escalation", 1), tables[db]),
                                cyc(("escalation", 2), ["X", "S", "X"]))]))
        for _ in range(rng.choice([0, 1, 1, 1, 2])):
            te = t + int(rng.uniform(0, life) * NS)
            func, zrc = cyc(("zrc", "app"), app_errs)
            k = rng.choice([3, 4, 4, 5, 6, 8])
            body = [("zrc",) + zrc, ("data_hex", 16 * k)] + db2_hexdump(rng, k)
            add(te, dict(common, level="Error", func=func, body=body))
        t += gap(rng, 360)

    # entity: instance-level EDUs failing now and then (no database, no application)
    inst_srcs = [
        (sysc_pid, "db2sysc 0", "118", "db2tcpcm 0", "Error",
         ("common communication", "sqlcctcpconnmgr_child", "125"),
         zrc_vals("0x810F0012", "SQLO_CONN_RESET", "Connection reset by peer")),
        (acd_pid, "db2acd 0", "163", "db2acd 0", "Warning",
         ("Health Monitor", "HealthIndicator::update", "300"),
         zrc_vals("0x8B0F0000", "SQLM_HMON_INTERNAL", "Health monitor internal error")),
        (fmp_pid, "db2fmp (C) 0", "229", "db2fmp (C) 0", "Severe",
         ("routine_infrastructure", "sqlerFmpListener", "15"),
         zrc_vals("0x870F0016", "SQLO_ACCD", "Access Denied")),
    ]
    tids = {src[2]: tid15(rng) for src in inst_srcs}
    t = t0 + gap(rng, 600)
    while t < horizon:
        pid, proc, eduid, eduname, level, func, zrc = cyc(("pid", "inst"), inst_srcs)
        k = rng.choice([2, 3, 4, 6])
        add(t, dict(pid=pid, tid=tids[eduid], proc=proc, db=None, app=None, eduid=eduid,
                    eduname=eduname, level=level, func=func,
                    body=[("zrc",) + zrc, ("data_hex", 16 * k)] + db2_hexdump(rng, k)))
        t += gap(rng, 700)

    recs.sort(key=lambda r: (r[0], r[1]))
    rows = []
    offset = rng.randrange(2_000_000, 9_000_000)
    for ns, _, rec in recs:
        lines = db2_record_lines(rec)
        contents = [(item[0], ev.render(item[0], *item[1:])) for item in lines]
        length = sum(len(c) + 1 for _, c in contents) + 31 + 1
        header = "%s %-19s" % (db2_ts(ns), "I%dE%d" % (offset, length))
        offset += length
        for i, (key, content) in enumerate(contents):
            rows.append((ns, header if i == 0 else "", content, key))
        if len(rows) >= N_LINES:
            break
    return rows[:N_LINES]


# --------------------------------------------------------------------------
# 3. SapHana: SAP HANA 2.0 indexserver trace (simulation: SQL sessions + jobs)
# --------------------------------------------------------------------------

HANA_EVENTS = Events([
    ("savepoint", "Savepoint current savepoint version: {}, restart redo log position: {}, next savepoint version: {}, last snapshot SP version: {}"),
    ("sess_open", 'Session {} opened for user {} from {}:{}, application "{}"'),
    ("sess_close", "Session {} closed by client after {}"),
    ("sess_disc", "Session {} disconnected: {}"),
    ("err131", "SQL error 131: transaction rolled back by lock wait timeout: Lock timeout occurs while waiting {} of mode {}"),
    ("err301", "SQL error 301: unique constraint violated: Table({}), Index({}), Key({})"),
    ("err259", "SQL error 259: invalid table name:  Could not find table/view {} in schema {}: line {} col {} (at pos {})"),
    ("err4", "SQL error 4: cannot allocate enough memory: Allocation failed ; $failure_type$=STATEMENT_MEMORY_LIMIT; $size$={}; $name$={}; $type$=pool; $inuse_count$={}; $allocated_size$={}"),
    ("merge_start", "Automatic delta merge of table {} started"),
    ("merge_end", "Automatic delta merge of table {} finished"),
    ("trexnet", "ERROR: reading from channel {} <{}:{}> failed with timeout error; timeout={} elapsed [{}]{{-1}}, [-1/-1]"),
    ("logbackup", "Log backup of volume {} completed: {} written to {} in {}"),
    ("auth_fail", "Authentication failed for user {} from {}:{}: {}"),
    ("unload", "Unloading {} columns of table {} due to memory pressure ({} freed)"),
])

# severity, component, source file, source line (fixed per message, as in the real trace)
HANA_META = {
    "savepoint": ("i", "PersistenceManager", "PersistenceManagerImpl.cpp", 1457),
    "sess_open": ("i", "SQLSession", "SessionManager.cpp", 921),
    "sess_close": ("i", "SQLSession", "SessionManager.cpp", 1184),
    "sess_disc": ("w", "SQLSession", "SessionManager.cpp", 1211),
    "err131": ("e", "SQLSessionCmd", "SessionCmd.cpp", 389),
    "err301": ("e", "SQLSessionCmd", "SessionCmd.cpp", 389),
    "err259": ("e", "SQLSessionCmd", "SessionCmd.cpp", 389),
    "err4": ("e", "Memory", "PoolAllocator.cpp", 2871),
    "merge_start": ("i", "Mergedog", "Mergedog.cpp", 1026),
    "merge_end": ("i", "Mergedog", "Mergedog.cpp", 1102),
    "trexnet": ("e", "TrexNet", "Channel.cpp", 351),
    "logbackup": ("i", "Logger", "LogBackupHandler.cpp", 788),
    "auth_fail": ("w", "Authentication", "ManagerImpl.cpp", 1633),
    "unload": ("w", "ResourceManager", "UnloadManager.cpp", 513),
}

HANA_HEADER_RE = (r"\[\d+\]\{-?\d+\}\[-?\d+/-?\d+\] \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} "
                  r"[iwefd] \S+ +\S+\(\d{5}\) : ")
_HANA_TS = re.compile(r"\S+ (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{6}) ")


def ts_hana(header, content):
    m = _HANA_TS.match(header)
    y, mo, d, h, mi, s, us = (int(x) for x in m.groups())
    assert (y, mo, d) == (YEAR, MONTH, DAY)
    return to_ns(h, mi, s, us * 1000)


def hana_header(ns, key, tid, conn, txn):
    sev, comp, src, line = HANA_META[key]
    h, m, s, sub = clock(ns)
    return "[%d]{%d}[%s] %04d-%02d-%02d %02d:%02d:%02d.%06d %s %-16s %s(%05d) : " % (
        tid, conn, txn, YEAR, MONTH, DAY, h, m, s, sub // 1000, sev, comp, src, line)


def gen_hana(rng):
    ev = HANA_EVENTS
    cyc = Cyc(rng)
    t0 = start_ns(rng, 6, 3600)
    horizon = t0 + 8 * 3600 * NS
    recs = []

    def add(ns, key, tid, conn, txn, *vals):
        recs.append((ns, len(recs), key, tid, conn, txn, vals))

    # entity: savepoint coordinator, every ~300 s
    sp_tid = rng.randrange(20000, 30000)
    spv = 481 * 1000 + rng.randrange(1000)
    snap = spv - rng.randrange(30, 90)
    redo = 0x3C2A1F000 + rng.randrange(0x1000000) * 0x1000
    t = t0 + gap(rng, 150)
    while t < horizon:
        redo += rng.randrange(0x100, 0x40000) * 0x1000
        if rng.random() < 0.2:
            snap = spv
        add(t, "savepoint", sp_tid, -1, "-1/-1", spv, "0x%x" % redo, spv + 1, snap)
        spv += 1
        t += int(rng.uniform(298, 306) * NS)

    # entity: mergedog runs, each a start/finish pair
    merge_tables = ["SAPHANADB:VBAP", "SAPHANADB:ACDOCA", "SAPHANADB:MATDOC",
                    "SAPHANADB:BALDAT", "SAPHANADB:CDPOS", "SAPHANADB:/1BCDWB/DB0001"]
    t = t0 + gap(rng, 200)
    while t < horizon:
        table = cyc(("merge_start", 0), merge_tables)
        tid = rng.randrange(30000, 32000)
        add(t, "merge_start", tid, -1, "-1/-1", table)
        add(t + int(rng.uniform(0.2, 45.0) * NS), "merge_end", tid, -1, "-1/-1", table)
        t += gap(rng, 330)

    # entity: log backups per persistence volume
    for vol in (2, 3, 4):
        t = t0 + gap(rng, 900)
        n = rng.randrange(1_000_000, 9_000_000)
        while t < horizon:
            n += rng.randrange(2000, 90000)
            size = "%.2f MB" % rng.uniform(0.1, 64.0)
            dest = "/hana/backup/S4P/log/DB_S4P/log_backup_%d_0_%d_%d" % (vol, n, n + rng.randrange(1000, 90000))
            add(t, "logbackup", rng.randrange(40000, 42000), -1, "-1/-1", vol, size, dest,
                "%.2fs" % rng.uniform(0.05, 9.0))
            t += gap(rng, 1500)

    # entity: inter-service channel timeouts, memory unloads, failed logons
    t = t0 + gap(rng, 1200)
    while t < horizon:
        port = cyc(("trexnet", 2), [30003, 30040, 30007])
        add(t, "trexnet", rng.randrange(10000, 60000), -1, "-1/-1", rng.randrange(10, 900),
            cyc(("trexnet", 1), ["10.20.4.31", "10.20.4.32"]), port,
            cyc(("trexnet", 3), ["1000 ms", "60000 ms", "5000 ms"]), rng.randrange(10000, 99999))
        t += gap(rng, 1500)
    t = t0 + gap(rng, 1500)
    while t < horizon:
        add(t, "unload", rng.randrange(10000, 60000), -1, "-1/-1", rng.randrange(2, 240),
            cyc(("unload", 1), ["SAPHANADB:BALDAT", "SAPHANADB:CDPOS", "SAPHANADB:ZSD_ARCH_2019"]),
            "%.1f MB" % rng.uniform(12, 4000))
        t += gap(rng, 900)
    reasons_auth = ["invalid user name or password",
                    "user is locked; try again later: lock time is 1440 minutes",
                    "user is deactivated"]
    conn_fail = 310000 + rng.randrange(1000)
    t = t0 + gap(rng, 900)
    while t < horizon:
        conn_fail += rng.randrange(1, 30)
        add(t, "auth_fail", rng.randrange(10000, 60000), conn_fail, "-1/-1",
            cyc(("auth_fail", 0), ["SAPHANADB", "BI_REPORTING", "SYSTEM", "ETL_LOADER", "JDOE"]),
            "10.20.%d.%d" % (rng.randrange(1, 12), rng.randrange(2, 250)), rng.randrange(32768, 61000),
            cyc(("auth_fail", 3), reasons_auth))
        t += gap(rng, 700)

    # entity: SQL sessions with their own lifetimes
    profiles = {
        "batch": ("SAPHANADB", ["10.20.4.11", "10.20.4.12", "10.20.4.13"], "ABAP:S4P", 900),
        "report": ("BI_REPORTING", ["10.20.7.55", "10.20.7.56"], "SAP BusinessObjects", 600),
        "etl": ("ETL_LOADER", ["10.20.9.20"], "python3 hdbcli", 1200),
        "admin": ("SYSTEM", ["10.20.1.5", "10.20.1.6"], "HANA Studio", 400),
    }
    locks = [("TABLE_LOCK", "EXCLUSIVE"), ("RECORD_LOCK", "EXCLUSIVE"),
             ("TABLE_LOCK", "INTENTIONAL EXCLUSIVE"), ("RECORD_LOCK", "EXCLUSIVE")]
    uniq = [("SAPHANADB:ZSD_ORDER_IMPORT", "SAPHANADB:ZSD_ORDER_IMPORT~0", "ORDER_ID=4500%06d"),
            ("ETL_STAGE:CUSTOMER_DELTA", "ETL_STAGE:_SYS_TREE_CS_#184233_#0_#P0", "KUNNR=%010d")]
    missing = [("ZSD_ORDERS_TMP", "SYSTEM"), ("SALES_2025", "BI_REPORTING"), ("T_PLANNING", "ETL_STAGE")]
    disc = ["connection reset by peer", "idle_connection_timeout of 60 min exceeded",
            "client heartbeat lost (TCP keepalive)"]
    conn = 203417 + rng.randrange(300)
    utx = 48_000_000 + rng.randrange(1_000_000)
    t = t0 + gap(rng, 40)
    while t < horizon:
        conn += rng.randrange(1, 12)
        kind = cyc(("sess_open", 1), ["batch", "report", "batch", "etl", "batch", "admin", "report"])
        user, hosts, appname, mean_life = profiles[kind]
        tid = rng.randrange(10000, 60000)
        life = rng.expovariate(1.0 / mean_life)
        add(t, "sess_open", tid, conn, "-1/-1", conn, user, cyc(("sess_open", 2), hosts),
            rng.randrange(32768, 61000), appname)
        if kind == "batch":
            for _ in range(rng.choice([1, 2, 3, 4, 5])):
                utx += rng.randrange(10, 5000)
                lk = cyc(("err131", 0), locks)
                add(t + int(rng.uniform(0, life) * NS), "err131", tid, conn,
                    "%d/%d" % (rng.randrange(2, 400), utx), lk[0], lk[1])
        if kind == "etl":
            for _ in range(rng.choice([0, 1, 2])):
                tab, idx, keyfmt = cyc(("err301", 0), uniq)
                add(t + int(rng.uniform(0, life) * NS), "err301", tid, conn,
                    "%d/%d" % (rng.randrange(2, 400), utx), tab, idx, keyfmt % rng.randrange(10 ** 6))
        if kind in ("report", "admin") and rng.random() < 0.5:
            tab, schema = cyc(("err259", 0), missing)
            col = rng.randrange(15, 80)
            add(t + int(rng.uniform(0, life) * NS), "err259", tid, conn,
                "%d/-1" % rng.randrange(2, 400), tab, schema, rng.choice([1, 2, 3]), col, col - 1)
        if kind == "report" and rng.random() < 0.6:
            add(t + int(rng.uniform(0, life) * NS), "err4", tid, conn,
                "%d/-1" % rng.randrange(2, 400), rng.randrange(10 ** 8, 4 * 10 ** 9),
                cyc(("err4", 1), ["Pool/JoinEvaluator/JERequestedAttributes/Results",
                                  "Pool/itab", "Pool/ValueArray"]),
                rng.randrange(1, 40000), rng.randrange(10 ** 9, 8 * 10 ** 9))
        end = t + int(life * NS)
        if rng.random() < 0.8:
            add(end, "sess_close", tid, conn, "-1/-1", conn, "%.3fs" % life)
        else:
            add(end, "sess_disc", tid, conn, "-1/-1", conn, cyc(("sess_disc", 1), disc))
        t += gap(rng, 70)

    recs.sort(key=lambda r: (r[0], r[1]))
    rows = []
    for ns, _, key, tid, conn, txn, vals in recs[:N_LINES]:
        rows.append((ns, hana_header(ns, key, tid, conn, txn), ev.render(key, *vals), key))
    return rows


# --------------------------------------------------------------------------
# 4. Informix: IBM Informix 14.10 online.log   (seeded shuffle)
# --------------------------------------------------------------------------

INFORMIX_EVENTS = Events([
    ("ckpt_done", "Checkpoint Completed:  duration was {} seconds."),
    ("ckpt_pos", "%s %s %d - loguniq {}, logpos {}, timestamp: {} Interval: {}" % (WDAY, MON, DAY)),
    ("maxconn", "Maximum server connections {}"),
    ("ckpt_stats", "Checkpoint Statistics - Avg. Txn Block Time {}, # Txns blocked {}, Plog used {}, Llog used {}"),
    ("logc", "Logical Log {} Complete, timestamp: {}."),
    ("bk_start", "Logical Log {} - Backup Started"),
    ("bk_done", "Logical Log {} - Backup Completed"),
    ("shm_add", "Dynamically allocated new virtual shared memory segment (size {})"),
    ("memsizes", "Memory sizes:resident:1331200 KB, virtual:{} KB, no SHMTOTAL limit"),
    ("listener", "listener-thread: err = {}: oserr = {}: errstr = : {}"),
    ("lockovf", "Lock table overflow - user id {}, session id {}"),
    ("chunk_off", "Chunk number {} '{}' -- Offline"),
    ("chunk_on", "Chunk number {} '{}' -- Online"),
    ("longtx", "Aborting Long Transaction: tx {}."),
])

INFORMIX_HEADER_RE = r"\d\d:\d\d:\d\d  "


def ts_informix(header, content):
    h, m, s = (int(x) for x in header[:8].split(":"))
    return to_ns(h, m, s)


def gen_informix(rng):
    ev = INFORMIX_EVENTS
    cyc = Cyc(rng)
    kinds = (["ckpt"] * 90 + ["ckpt_stats"] * 9 + ["maxconn"] * 8 + ["logbk"] * 14 + ["logc"] * 6
             + ["shm"] * 5 + ["listener"] * 8 + ["lockovf"] * 6 + ["chunk_off"] * 4
             + ["chunk_on"] * 4 + ["longtx"] * 5)
    rng.shuffle(kinds)
    loguniq = 8841 + rng.randrange(50)
    logpos = 0x1C018
    tsx = 0x5A3B2C1D + rng.randrange(0x100000)
    interval = 61234 + rng.randrange(500)
    conns = 37
    virtual = 2703360
    offline = []
    chunks = [(7, "/ifmx/chunks/datadbs_07"), (12, "/ifmx/chunks/datadbs_12"),
              (15, "/ifmx/chunks/idxdbs_03"), (21, "/dev/rdsk/ifx_llogdbs_01")]
    listener_errs = [(-25572, 0, "Network driver cannot accept a connection on the port."),
                     (-25582, 104, "Network connection is broken."),
                     (-25571, 98, "Network driver cannot bind a name to the port.")]
    t = start_ns(rng, 1, 1800)
    t -= t % NS
    rows = []

    def emit(items, step_s=(0, 0)):
        nonlocal t
        for i, item in enumerate(items):
            if i:
                t += rng.randint(*step_s) * NS
            h, m, s, _ = clock(t)
            rows.append((t, "%02d:%02d:%02d  " % (h, m, s), ev.render(item[0], *item[1:]), item[0]))

    for kind in kinds:
        t += (int(rng.expovariate(1 / 62.0)) + 1) * NS
        tsx += rng.randrange(0x200, 0x8000)
        logpos += rng.randrange(0x40, 0x3000)
        if kind in ("ckpt", "ckpt_stats"):
            items = [("ckpt_done", rng.choice([0, 0, 0, 0, 1, 1, 2, 5])),
                     ("ckpt_pos", loguniq, "0x%x" % logpos, "0x%x" % tsx, interval)]
            interval += 1
            if kind == "ckpt_stats":
                items.append(("ckpt_stats", "%.3f" % rng.choice([0, 0, 0.004, 0.012, 0.331]),
                              rng.choice([0, 0, 1, 3, 12]), rng.randrange(20, 4000), rng.randrange(5, 900)))
            emit(items)
        elif kind == "maxconn":
            conns += rng.randrange(1, 6)
            emit([("maxconn", conns)])
        elif kind in ("logbk", "logc"):
            items = [("logc", loguniq, "0x%x" % tsx)]
            if kind == "logbk":
                items += [("bk_start", loguniq), ("bk_done", loguniq)]
            emit(items, (0, 9))
            loguniq += 1
            logpos = 0x18 + rng.randrange(0x100)
        elif kind == "shm":
            seg = cyc(("shm_add", 0), ["8192KB", "16384KB"])
            virtual += int(seg[:-2])
            emit([("shm_add", seg), ("memsizes", virtual)])
        elif kind == "listener":
            emit([("listener",) + cyc(("listener", 0), listener_errs)])
        elif kind == "lockovf":
            emit([("lockovf", cyc(("lockovf", 0), [1001, 2010, 1004, 200]), rng.randrange(20, 9000))])
        elif kind == "chunk_off":
            c = cyc(("chunk_off", 0), chunks)
            offline.append(c)
            emit([("chunk_off",) + c])
        elif kind == "chunk_on":
            c = offline.pop(0) if offline else cyc(("chunk_on", 0), chunks)
            emit([("chunk_on",) + c])
        else:
            emit([("longtx", "0x%x" % rng.randrange(0x44000000, 0x4FFFFFFF))])
    assert len(rows) == N_LINES, len(rows)
    return rows


# --------------------------------------------------------------------------
# 5. SybaseAse: SAP ASE 16.0 errorlog   (seeded shuffle)
# --------------------------------------------------------------------------

ASE_EVENTS = Events([
    ("error", "Error: {}, Severity: {}, State: {}"),
    ("e1608", "A client process exited abnormally, or a network error was encountered. Unless other errors occurred, continue processing normally."),
    ("e1105", "Can't allocate space for object '{}' in database '{}' because '{}' segment is full/has no free extents. If you ran out of space in syslogs, dump the transaction log. Otherwise, use ALTER DATABASE to increase the size of the segment."),
    ("e1205", "Your server command (family id #{}, process id #{}) encountered a deadlock situation. Please re-run your command."),
    ("cant_read", "Cannot read, host process disconnected: {} spid: {}"),
    ("cant_send", "Cannot send, host process disconnected: {} spid: {}"),
    ("log_low", "Space available in the log segment has fallen critically low in database '{}'. All future modifications to this database will be suspended until the log is successfully dumped and space becomes available."),
    ("log_sleep", "{} task(s) are sleeping waiting for space to become available in the log segment for database {}."),
    ("cfg_change", "The configuration option '{}' has been changed by '{}' from '{}' to '{}'."),
    ("cfg_write", "Configuration file '/opt/sap/ASE-16_0/PRODASE.cfg' has been written and the previous version has been renamed to '{}'."),
    ("sigsegv", "Current process ({}) infected with signal 11 (SIGSEGV)"),
    ("address", "Address {} ({}), siginfo (code, address) = ({}, {})"),
    ("pc", "pc: {} {}({}, {}, {}, {})"),
    ("logdump", "background task message: LOG DUMP: '{}' for 'logsegment' dumped"),
])

ASE_HEADER_RE = r"\d\d:\d{4}:\d{5}:\d{5}:\d{4}/\d\d/\d\d \d\d:\d\d:\d\d\.\d\d (?:server|kernel)  "
_ASE_TS = re.compile(r"\d\d:\d{4}:\d{5}:\d{5}:(\d{4})/(\d\d)/(\d\d) (\d\d):(\d\d):(\d\d)\.(\d\d) ")


def ts_ase(header, content):
    y, mo, d, h, mi, s, cs = (int(x) for x in _ASE_TS.match(header).groups())
    assert (y, mo, d) == (YEAR, MONTH, DAY)
    return to_ns(h, mi, s, cs * 10_000_000)


def gen_ase(rng):
    ev = ASE_EVENTS
    cyc = Cyc(rng)
    kinds = (["e1608"] * 85 + ["e1105"] * 6 + ["e1205"] * 16 + ["cant_read"] * 27 + ["cant_send"] * 9
             + ["log_low"] * 4 + ["log_sleep"] * 11 + ["cfg"] * 5 + ["crash"] * 3 + ["logdump"] * 7)
    depths = [4, 3, 5]
    rng.shuffle(kinds)
    rng.shuffle(depths)
    cfg_gen = 11 + rng.randrange(20)
    cfg_opts = [("number of user connections", "400", "500"), ("max memory", "4194304", "6291456"),
                ("number of locks", "250000", "400000"), ("procedure cache size", "98304", "131072"),
                ("deadlock retries", "5", "10")]
    frames = ["ptn__pagelink", "bt__insert", "getpage_with_validation", "s_execute",
              "exec_lava", "sequencer", "tdsrecv_language"]
    t = start_ns(rng, 3, 1800)
    rows = []
    crash_no = 0

    def emit(items, thr, spid, src):
        nonlocal t
        for i, item in enumerate(items):
            if i:
                t += rng.randrange(0, 3) * 10_000_000
            h, m, s, sub = clock(t)
            header = "00:%04d:00000:%05d:%04d/%02d/%02d %02d:%02d:%02d.%02d %s  " % (
                thr, spid, YEAR, MONTH, DAY, h, m, s, sub // 10_000_000, src)
            rows.append((t, header, ev.render(item[0], *item[1:]), item[0]))

    for kind in kinds:
        t += gap(rng, 58)
        thr = rng.randrange(2, 8)
        spid = rng.randrange(15, 480)
        if kind == "e1608":
            emit([("error", 1608, 18, 4), ("e1608",)], thr, spid, "server")
        elif kind == "e1105":
            obj, db, seg = cyc(("e1105", 0), [("syslogs", "salesdb", "logsegment"),
                                              ("ORDER_HISTORY", "salesdb", "default"),
                                              ("syslogs", "tempdb", "logsegment"),
                                              ("AUDIT_TRAIL", "secdb", "default")])
            emit([("error", 1105, 17, cyc(("error", 2, 1105), [4, 6])), ("e1105", obj, db, seg)],
                 thr, spid, "server")
        elif kind == "e1205":
            fam = cyc(("e1205", 0), [0, 0, 0, spid])
            emit([("error", 1205, 13, cyc(("error", 2, 1205), [1, 2, 1])), ("e1205", fam, spid)],
                 thr, spid, "server")
        elif kind in ("cant_read", "cant_send"):
            emit([(kind, rng.randrange(1000, 65000), spid)], thr, spid, "kernel")
        elif kind == "log_low":
            emit([("log_low", cyc(("log_low", 0), ["salesdb", "tempdb", "secdb"]))], thr, spid, "server")
        elif kind == "log_sleep":
            emit([("log_sleep", rng.choice([1, 1, 2, 3, 7, 12]),
                   cyc(("log_sleep", 1), ["salesdb", "secdb", "tempdb"]))], thr, spid, "server")
        elif kind == "cfg":
            opt, old, new = cyc(("cfg_change", 0), cfg_opts)
            cfg_gen += 1
            emit([("cfg_change", opt, cyc(("cfg_change", 1), ["sa", "dbadmin"]), old, new),
                  ("cfg_write", "/opt/sap/ASE-16_0/PRODASE.%03d" % cfg_gen)],
                 thr, spid, "server")
        elif kind == "crash":
            pc = 0x1000000 + rng.randrange(0x4000000)
            items = [("sigsegv", "0x%08x" % rng.randrange(0x20000000, 0x3FFFFFFF)),
                     ("address", "0x%016x" % pc, "%s+0x%x" % (frames[crash_no], rng.randrange(0x10, 0x400)),
                      rng.choice([1, 2]), "0x%016x" % rng.choice([0, 0x18, 0x40, 0x7F3A00001000]))]
            for j in range(depths[crash_no]):
                items.append(("pc", "0x%016x" % (pc + rng.randrange(0x100000)),
                              "%s+0x%x" % (frames[(crash_no + j + 1) % len(frames)], rng.randrange(0x10, 0x800)),
                              "0x%016x" % rng.randrange(1 << 44), "0x%x" % rng.randrange(0x10000),
                              "0x%016x" % rng.randrange(1 << 44), "0x%x" % rng.randrange(0x100)))
            crash_no += 1
            emit(items, thr, spid, "kernel")
        else:
            emit([("logdump", cyc(("logdump", 0), ["salesdb", "secdb"]))], thr, spid, "server")
    assert len(rows) == N_LINES, len(rows)
    return rows


# --------------------------------------------------------------------------
# 6. IbmMq: IBM MQ 9.3 queue manager AMQERR01.LOG (simulation: channels, tasks)
# --------------------------------------------------------------------------

MQ_EVENTS = Events([
    ("process", "Process({}) User(mqm) Program({})"),
    ("host", "Host(mqprd01) Installation(Installation1)"),
    ("vrmf", "VRMF(9.3.0.15) QMgr(QMPRD1)"),
    ("time", "Time({})"),
    ("arith", "ArithInsert1({}) ArithInsert2({})"),
    ("ci1", "CommentInsert1({})"),
    ("ci2", "CommentInsert2({})"),
    ("ci3", "CommentInsert3(TCP/IP)"),
    ("amq9002", "AMQ9002I: Channel '{}' is starting."),
    ("amq9001", "AMQ9001I: Channel '{}' ended normally."),
    ("amq9209", "AMQ9209E: Connection to host '{} ({})({})' for channel '{}' closed."),
    ("amq9999", "AMQ9999E: Channel '{}' to host '{} ({})' ended abnormally."),
    ("amq5051", "AMQ5051I: The queue manager task '{}' has started."),
    ("amq5052", "AMQ5052I: The queue manager task '{}' has ended."),
    ("source", "----- {} : {} " + "-" * 56),
])

MQ_SOURCE = {"amq9002": ("amqrccca.c", 4143), "amq9001": ("amqrmrsa.c", 1037),
             "amq9209": ("amqccita.c", 4214), "amq9999": ("amqrmrsa.c", 1310),
             "amq5051": ("amqzmuc0.c", 1562), "amq5052": ("amqzmuc0.c", 1601)}
MQ_INDENT = " " * 20
MQ_HEADER_RE = r"(?:\d\d/\d\d/\d{4} \d\d:\d\d:\d\d [AP]M - | {20})?"
_MQ_TS = re.compile(r"(\d\d)/(\d\d)/(\d{4}) (\d\d):(\d\d):(\d\d) ([AP])M - ")


def ts_mq(header, content):
    m = _MQ_TS.fullmatch(header)
    if not m:
        return None
    mo, d, y, h12, mi, s = (int(x) for x in m.groups()[:6])
    assert (y, mo, d) == (YEAR, MONTH, DAY) and 1 <= h12 <= 12
    h = h12 % 12 + (12 if m.group(7) == "P" else 0)
    return to_ns(h, mi, s)


def gen_mq(rng):
    ev = MQ_EVENTS
    cyc = Cyc(rng)
    t0 = start_ns(rng, 5, 3600)
    horizon = t0 + 12 * 3600 * NS
    recs = []

    def add(ns, prog, pid, tid, msg, inserts):
        recs.append((ns, len(recs), prog, pid, tid, msg, inserts))

    pool_pids = [rng.randrange(20000, 40000) for _ in range(2)]       # amqrmppa pool processes
    zpid = rng.randrange(10000, 20000)                                # amqzmuc0

    # entity: message channel agents (senders and receivers), restarted after each end
    mcas = [("QMPRD1.TO.QMHUB2", "sender", "mqhub02.corp.example", "10.40.3.21"),
            ("QMPRD1.TO.QMDR1", "sender", "mqdr01.corp.example", "10.60.3.8"),
            ("QMHUB2.TO.QMPRD1", "receiver", "mqhub02.corp.example", "10.40.3.21")]
    for name, role, host, ip in mcas:
        t = t0 + gap(rng, 1500)
        while t < horizon:
            if role == "sender":
                prog, pid, tid = "runmqchl", rng.randrange(40000, 60000), 1
            else:
                prog, pid, tid = "amqrmppa", rng.choice(pool_pids), rng.randrange(3, 60)
            add(t, prog, pid, tid, ("amq9002", name), [("ci1", name)])
            te = t + gap(rng, 3000)
            if rng.random() < 0.65:
                add(te, prog, pid, tid, ("amq9001", name), [("ci1", name)])
                t = te + gap(rng, 1500)
            else:
                port = 1414 if role == "sender" else rng.randrange(32768, 61000)
                add(te, prog, pid, tid, ("amq9209", host, ip, port, name),
                    [("ci1", "%s (%s)(%d)" % (host, ip, port)), ("ci2", name), ("ci3",)])
                add(te + rng.randrange(1, 80) * 1_000_000, prog, pid, tid, ("amq9999", name, host, ip),
                    [("arith", pid, tid), ("ci1", name), ("ci2", "%s (%s)" % (host, ip))])
                t = te + gap(rng, 300)

    # entity: client (SVRCONN) connections that vanish without a clean disconnect
    t = t0 + gap(rng, 900)
    while t < horizon:
        ch = cyc(("amq9209", 3), ["APP.ORDERS.SVRCONN", "APP.BILLING.SVRCONN", "MON.SVRCONN"])
        host, ip = cyc(("amq9209", 0), [("appsrv03", "10.40.12.7"), ("appsrv04", "10.40.12.8"),
                                        ("batch01", "10.40.20.15"), ("mon01", "10.40.1.30")])
        port = rng.randrange(32768, 61000)
        pid, tid = rng.choice(pool_pids), rng.randrange(3, 200)
        add(t, "amqrmppa", pid, tid, ("amq9209", host, ip, port, ch),
            [("ci1", "%s (%s)(%d)" % (host, ip, port)), ("ci2", ch), ("ci3",)])
        if rng.random() < 0.3:
            add(t + rng.randrange(1, 80) * 1_000_000, "amqrmppa", pid, tid, ("amq9999", ch, host, ip),
                [("arith", pid, tid), ("ci1", ch), ("ci2", "%s (%s)" % (host, ip))])
        t += gap(rng, 1500)

    # entity: queue manager internal tasks (start ... end)
    t = t0 + gap(rng, 1200)
    while t < horizon:
        task = cyc(("amq5051", 0), ["LOG-FORMAT", "MEDIA-IMAGE", "LOG-FORMAT"])
        tid = rng.randrange(5, 40)
        add(t, "amqzmuc0", zpid, tid, ("amq5051", task), [("ci1", task)])
        add(t + int(rng.uniform(2, 90) * NS), "amqzmuc0", zpid, tid, ("amq5052", task), [("ci1", task)])
        t += gap(rng, 3000)

    recs.sort(key=lambda r: (r[0], r[1]))
    rows = []
    for ns, _, prog, pid, tid, msg, inserts in recs:
        h, m, s, sub = clock(ns)
        first = "%02d/%02d/%04d %02d:%02d:%02d %s - " % (MONTH, DAY, YEAR, h % 12 or 12, m, s,
                                                         "AM" if h < 12 else "PM")
        iso = "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (YEAR, MONTH, DAY, h, m, s, sub // 1_000_000)
        lines = [(first, ("process", "%d.%d" % (pid, tid), prog)),
                 (MQ_INDENT, ("host",)), (MQ_INDENT, ("vrmf",)), (MQ_INDENT, ("time", iso))]
        lines += [(MQ_INDENT, ins) for ins in inserts]
        lines += [("", msg), ("", ("source",) + MQ_SOURCE[msg[0]])]
        for hdr, item in lines:
            rows.append((ns, hdr, ev.render(item[0], *item[1:]), item[0]))
        if len(rows) >= N_LINES:
            break
    return rows[:N_LINES]


# --------------------------------------------------------------------------
# registry, writer, self-check
# --------------------------------------------------------------------------

SYSTEMS = [
    dict(name="OracleAlert", gen=gen_oracle, events=ORACLE_EVENTS, header_re=ORACLE_HEADER_RE,
         ts=ts_oracle, mode="shuffle"),
    dict(name="Db2Diag", gen=gen_db2, events=DB2_EVENTS, header_re=DB2_HEADER_RE,
         ts=ts_db2, mode="simulation"),
    dict(name="SapHana", gen=gen_hana, events=HANA_EVENTS, header_re=HANA_HEADER_RE,
         ts=ts_hana, mode="simulation"),
    dict(name="Informix", gen=gen_informix, events=INFORMIX_EVENTS, header_re=INFORMIX_HEADER_RE,
         ts=ts_informix, mode="shuffle"),
    dict(name="SybaseAse", gen=gen_ase, events=ASE_EVENTS, header_re=ASE_HEADER_RE,
         ts=ts_ase, mode="shuffle"),
    dict(name="IbmMq", gen=gen_mq, events=MQ_EVENTS, header_re=MQ_HEADER_RE,
         ts=ts_mq, mode="simulation"),
]


def paths(name):
    d = os.path.join(HERE, name)
    return d, os.path.join(d, name + ".log"), os.path.join(d, name + ".log_structured.csv")


def write_system(k, sysd):
    rng = random.Random(BASE_SEED * 10 + k)
    rows = sysd["gen"](rng)
    if len(rows) != N_LINES:
        raise SystemExit("%s: generator gave %d rows" % (sysd["name"], len(rows)))
    ev = sysd["events"]
    d, logp, csvp = paths(sysd["name"])
    os.makedirs(d, exist_ok=True)
    with open(logp, "w", encoding="utf-8", newline="\n") as f:
        for _ns, header, content, _key in rows:
            f.write(header + content + "\n")
    with open(csvp, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_ns, _header, content, key) in enumerate(rows, 1):
            w.writerow([i, content, ev.eid[key], ev.template(key)])


def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


def self_check(sysd):
    """Return (problems, summary) for one system, reading back the files."""
    name, ev = sysd["name"], sysd["events"]
    _d, logp, csvp = paths(name)
    bad = []
    raw = open(logp, "rb").read()
    if not raw.endswith(b"\n"):
        bad.append("log does not end with \\n")
    if b"\r" in raw:
        bad.append("log contains \\r")
    lines = raw.decode("utf-8")[:-1].split("\n")
    if len(lines) != N_LINES:
        bad.append("log has %d lines" % len(lines))
    craw = open(csvp, "rb").read()
    if b"\r" in craw or not craw.endswith(b"\n"):
        bad.append("csv line endings")
    with open(csvp, encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    if table[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        bad.append("csv header %r" % table[0])
    rows = table[1:]
    if len(rows) != N_LINES:
        bad.append("csv has %d rows" % len(rows))
    hre = re.compile(sysd["header_re"])
    last_ts, first_ts, n_ts = None, None, 0
    tmpl_of, counts = {}, Counter()
    caps = defaultdict(lambda: defaultdict(set))
    rx_cache = {}
    for i, (row, line) in enumerate(zip(rows, lines), 1):
        if len(row) != 4:
            bad.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tmpl = row
        if lid != str(i):
            bad.append("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            bad.append("row %d Content empty or not stripped" % i)
        if not line.endswith(content):
            bad.append("line %d does not end with its Content" % i)
            continue
        header = line[:len(line) - len(content)]
        if not hre.fullmatch(header):
            bad.append("line %d header %r does not match" % (i, header))
            continue
        ts = sysd["ts"](header, content)
        if ts is not None:
            n_ts += 1
            if first_ts is None:
                first_ts = ts
            if last_ts is not None and ts < last_ts:
                bad.append("line %d timestamp goes back" % i)
            last_ts = ts
        if not re.fullmatch(r"E\d+", eid):
            bad.append("row %d EventId %r" % (i, eid))
        if tmpl_of.setdefault(eid, tmpl) != tmpl:
            bad.append("%s has two templates" % eid)
        counts[eid] += 1
        rx = rx_cache.get(tmpl) or rx_cache.setdefault(tmpl, template_regex(tmpl))
        m = rx.fullmatch(content)
        if not m:
            bad.append("row %d: template %r does not match %r" % (i, tmpl, content))
            continue
        for j, g in enumerate(m.groups()):
            caps[eid][j].add(g)
    if n_ts == 0:
        bad.append("no timestamps parsed")
    if len(set(tmpl_of.values())) != len(tmpl_of):
        bad.append("two EventIds share a template")
    declared = ["E%d" % (i + 1) for i in range(len(ev.keys))]
    if set(tmpl_of) != set(declared):
        bad.append("EventIds used %s != declared %s" % (sorted(tmpl_of), declared))
    for i, key in enumerate(ev.keys):
        e = declared[i]
        if e in tmpl_of and tmpl_of[e] != ev.template(key):
            bad.append("%s template differs from declaration" % e)
        if e in tmpl_of:
            for j in range(ev.template(key).count("<*>")):
                if len(caps[e][j]) < 2:
                    bad.append("%s slot %d takes only %r" % (e, j + 1, sorted(caps[e][j])))
    n = len(declared)
    vals = [counts[e] for e in declared]
    med = statistics.median(vals)
    if not 12 <= n <= 15:
        bad.append("%d event types" % n)
    if min(vals) < 3:
        bad.append("an event has fewer than 3 lines: %s" % dict(zip(declared, vals)))
    small = sum(1 for v in vals if 3 <= v <= 10)
    if small < 3:
        bad.append("only %d events with 3-10 lines" % small)
    if max(vals) < 3 * med:
        bad.append("largest %d < 3 x median %s" % (max(vals), med))
    span = "%s..%s" % (fmt_hms(first_ts), fmt_hms(last_ts)) if first_ts is not None else "-"
    summary = "%-12s %-10s events=%2d lines=%d  max=%d median=%g min=%d  3-10:%d  time %s" % (
        name, sysd["mode"], n, len(lines), max(vals), med, min(vals), small, span)
    return bad, summary, dict(zip(declared, vals))


def fmt_hms(ns):
    h, m, s, _ = clock(ns)
    return "%02d:%02d:%02d" % (h, m, s)


def main():
    for k, sysd in enumerate(SYSTEMS, 1):
        write_system(k, sysd)
    failed = False
    for sysd in SYSTEMS:
        bad, summary, counts = self_check(sysd)
        print(summary)
        print("    counts: " + " ".join("%s=%d" % kv for kv in counts.items()))
        for b in bad[:20]:
            print("    FAIL: " + b)
        failed = failed or bool(bad)
    print("self-check: " + ("FAILED" if failed else "all systems passed"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
