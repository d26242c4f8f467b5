#!/usr/bin/env python3
"""Round 21 blind log-parsing corpus generator.

Writes, next to this file, one directory per system holding
<System>.log (raw lines) and <System>.log_structured.csv
(LineId,Content,EventId,EventTemplate), then runs a self-check.

Deterministic: seed 20261227, system k uses random.Random(20261227*10 + k),
an integer nanosecond clock counted from 2026-03-14 00:00:00 UTC,
no wall time, no locale.  Python 3 standard library only.
"""
import csv
import heapq
import json
import os
import re
import statistics
import uuid
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261227
N_LINES = 300

UTC = timezone.utc
DAY = datetime(2026, 3, 14, tzinfo=UTC)     # the fixed date; clock 0 = midnight UTC
SEC = 1_000_000_000
MSEC = 1_000_000
USEC = 1_000


def at(ns):
    """Clock value (integer ns since DAY 00:00 UTC) -> aware datetime (us precision)."""
    return DAY + timedelta(microseconds=ns // USEC)


def ms3(ns):
    return '%03d' % (at(ns).microsecond // 1000)


def fill(template, vals):
    parts = template.split('<*>')
    if len(parts) - 1 != len(vals):
        raise ValueError('slot count mismatch for %r: %r' % (template, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        if not v:
            raise ValueError('empty value in %r' % template)
        out.append(v)
        out.append(p)
    return ''.join(out)


class System:
    def __init__(self, name, k):
        self.name = name
        self.rng = random.Random(SEED * 10 + k)
        self.templates = []
        self.rows = []          # (header, content, event number)
        self._cyc = {}

    def ev(self, template):
        self.templates.append(template)
        return len(self.templates)

    def cyc(self, ev, slot, items):
        """Cycling pool per (event, slot): rare events still get >= 2 values."""
        key = (ev, slot)
        n = self._cyc.get(key)
        if n is None:
            n = self.rng.randrange(len(items))
        self._cyc[key] = n + 1
        return items[n % len(items)]

    def emit(self, header, ev, *vals):
        content = fill(self.templates[ev - 1], vals)
        self.rows.append((header, content, ev))

    def hexid(self, nbits):
        return '%0*x' % (nbits // 4, self.rng.getrandbits(nbits))

    def uuid4(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def exp_gap(self, mean_s, min_ns=MSEC):
        return max(min_ns, int(self.rng.expovariate(1.0 / mean_s) * SEC))


class Sim:
    """Tiny discrete-event loop: callbacks run in time order."""

    def __init__(self):
        self.q = []
        self.n = 0

    def at(self, t, fn, *args):
        heapq.heappush(self.q, (t, self.n, fn, args))
        self.n += 1

    def run(self, done):
        while self.q and not done():
            t, _, fn, args = heapq.heappop(self.q)
            fn(t, *args)


def shuffle_stream(S, counts, start_ns, mean_gap_s):
    """Seeded shuffle of fixed per-event counts, stamped by a forward-only clock."""
    order = []
    for ev, n in counts.items():
        order += [ev] * n
    S.rng.shuffle(order)
    t = start_ns
    out = []
    for ev in order:
        t += S.exp_gap(mean_gap_s)
        out.append((t, ev))
    return out


# ---------------------------------------------------------------------------
# Hive: HiveServer2, log4j2 default pattern  %d{ISO8601} %5p [%t] %c{2}: %m%n
# ---------------------------------------------------------------------------
HIVE_HEADER = re.compile(
    r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d,\d{3} (?: INFO| WARN|ERROR|DEBUG) '
    r'\[[^\]]+\] [A-Za-z0-9_$]+\.[A-Za-z0-9_$]+: ')


def hive_time(head):
    return head[:23]          # fixed-width ISO8601, compares lexically


def gen_hive():
    S = System('Hive', 1)
    rng = S.rng
    E_DIR = S.ev('Created HDFS directory: <*>')
    E_CONF = S.ev('HiveConf of name <*> does not exist')
    E_OPEN = S.ev('Session opened, SessionHandle [<*>], current sessions:<*>')
    E_CLOSE = S.ev('Session closed, SessionHandle [<*>], current sessions:<*>')
    E_THR = S.ev('Updating thread name to <*> <*>')
    E_COMP = S.ev('Compiling command(queryId=<*>): <*>')
    E_SEM = S.ev('Semantic Analysis Completed (retrial = <*>)')
    E_SCH = S.ev('Returning Hive schema: Schema(fieldSchemas:[<*>], properties:null)')
    E_COMPD = S.ev('Completed compiling command(queryId=<*>); Time taken: <*> seconds')
    E_EXEC = S.ev('Executing command(queryId=<*>): <*>')
    E_P0 = S.ev('<*> Stage-<*> map = 0%,  reduce = 0%')
    E_P = S.ev('<*> Stage-<*> map = <*>%,  reduce = <*>%, Cumulative CPU <*> sec')
    E_EXECD = S.ev('Completed executing command(queryId=<*>); Time taken: <*> seconds')
    E_OK = S.ev('OK')
    E_FAIL = S.ev('FAILED: SemanticException [Error <*>]: Line <*> <*>')

    def fs(name, typ):
        return 'FieldSchema(name:%s, type:%s, comment:null)' % (name, typ)

    # (sql, schema, number of MR jobs or None for a fetch task, failure or None)
    QUERIES = [
        ("SELECT count(*) FROM sales.orders WHERE dt = '2026-03-13'",
         fs('_c0', 'bigint'), 1, None),
        ("SELECT customer_id, sum(amount) AS total FROM sales.orders GROUP BY customer_id "
         "ORDER BY total DESC LIMIT 20",
         fs('customer_id', 'int') + ', ' + fs('total', 'decimal(20,2)'), 2, None),
        ("select 1", fs('_c0', 'int'), None, None),
        ("SELECT * FROM sales.customers LIMIT 10",
         ', '.join([fs('customers.id', 'int'), fs('customers.name', 'string'),
                    fs('customers.email', 'string'), fs('customers.region', 'string'),
                    fs('customers.created_at', 'timestamp')]), None, None),
        ("INSERT OVERWRITE TABLE sales.daily_totals PARTITION (dt='2026-03-13') "
         "SELECT region, sum(amount) FROM sales.orders WHERE dt='2026-03-13' GROUP BY region",
         fs('_col0', 'string') + ', ' + fs('_col1', 'decimal(20,2)'), 1, None),
        ("SELECT amt FROM sales.orders", None, None,
         ('10004', '1:7', "Invalid table alias or column reference 'amt': "
                          "(possible column names are: id, customer_id, amount, region, dt)")),
        ("SELECT o.id, c.name FROM sales.orders o JOIN sales.customers c ON (o.customer_id = c.id) "
         "WHERE o.amount > 1000",
         fs('o.id', 'int') + ', ' + fs('c.name', 'string'), 1, None),
        ("show databases", 'FieldSchema(name:database_name, type:string, comment:from deserializer)',
         None, None),
        ("SELECT region, count(*) FROM web.clicks WHERE dt >= '2026-03-01' GROUP BY region",
         fs('region', 'string') + ', ' + fs('_c1', 'bigint'), 1, None),
        ("SELECT * FROM orders_stg", None, None, ('10001', '1:14', "Table not found 'orders_stg'")),
        ("SELECT user_id, count(DISTINCT session_id) FROM web.clicks GROUP BY user_id HAVING count(*) > 50",
         fs('user_id', 'bigint') + ', ' + fs('_c1', 'bigint'), 2, None),
        ("SELECT region, count(*) FROM sales.orders", None, None,
         ('10025', '1:7', "Expression not in GROUP BY key 'region'")),
        ("SELECT max(dt) FROM web.clicks", fs('_c0', 'string'), 1, None),
    ]
    USERS = ['etl_svc', 'alice', 'hive', 'bob', 'analyst_ro']
    CONFS = ['hive.metastore.event.db.notification.api.auth', 'hive.server2.webui.use.pam',
             'hive.stats.fetch.bitvector', 'hive.tez.cartesian-product.enabled']

    sim = Sim()
    st = {'sessions': 0, 'q': 0, 'bg': 181, 'handler': 40, 'sess': 0}

    def H(t, lvl, thread, logger):
        d = at(t)
        return '%s,%s %5s [%s] %s: ' % (d.strftime('%Y-%m-%dT%H:%M:%S'), ms3(t), lvl, thread, logger)

    def line(t, lvl, thread, logger, ev, *vals):
        def fire(tt):
            S.emit(H(tt, lvl, thread, logger), ev, *[v() if callable(v) else v for v in vals])
        sim.at(t, fire)

    def ts_in(t):
        d = at(t)
        return '%s,%s' % (d.strftime('%Y-%m-%d %H:%M:%S'), ms3(t))

    def open_session(t):
        st['sess'] += 1
        user = USERS[st['sess'] % len(USERS)] if st['sess'] > 1 else 'etl_svc'
        sid = S.uuid4()
        st['handler'] += rng.randint(1, 9)
        pool = 'HiveServer2-HttpHandler-Pool' if rng.random() < 0.35 else 'HiveServer2-Handler-Pool'
        thread = '%s: Thread-%d' % (pool, st['handler'])
        line(t, 'WARN', thread, 'conf.HiveConf', E_CONF, S.cyc(E_CONF, 0, CONFS))
        scratch = '/tmp/hive/%s/%s' % (user, sid)
        line(t + 31 * MSEC, 'INFO', thread, 'session.SessionState', E_DIR, scratch)
        line(t + 38 * MSEC, 'INFO', thread, 'session.SessionState', E_DIR, scratch + '/_tmp_space.db')

        def opened():
            st['sessions'] += 1
            return st['sessions']
        line(t + 52 * MSEC, 'INFO', thread, 'session.SessionManager', E_OPEN, sid, opened)
        sess = {'sid': sid, 'thread': thread, 'left': rng.randint(2, 4)}
        sim.at(t + rng.randint(2000, 9000) * MSEC, run_query, sess)
        sim.at(t + rng.randint(35000, 110000) * MSEC, lambda tt: open_session(tt))

    def close_session(t, sess):
        def closed():
            st['sessions'] -= 1
            return st['sessions']
        line(t, 'INFO', sess['thread'], 'session.SessionManager', E_CLOSE, sess['sid'], closed)

    def run_query(t, sess):
        st['q'] += 1
        good = [q for q in QUERIES if q[3] is None]
        bad = [q for q in QUERIES if q[3] is not None]
        if st['q'] % 6 == 4:                            # a failing query now and then
            sql, schema, jobs, fail = bad[(st['q'] // 6) % len(bad)]
        else:
            sql, schema, jobs, fail = good[(st['q'] * 3 + rng.randrange(2)) % len(good)]
        qid = 'hive_%s_%s' % (at(t).strftime('%Y%m%d%H%M%S'), S.uuid4())
        th = sess['thread']
        line(t, 'INFO', th, 'ql.Driver', E_COMP, qid, sql)
        if fail:
            line(t + rng.randint(60, 400) * MSEC, 'ERROR', th, 'ql.Driver', E_FAIL, *fail)
            end = t + 500 * MSEC
        else:
            c1 = rng.randint(90, 1400) * MSEC
            line(t + c1, 'INFO', th, 'ql.Driver', E_SEM,
                 S.cyc(E_SEM, 0, ['false', 'false', 'false', 'false', 'true']))
            line(t + c1 + 4 * MSEC, 'INFO', th, 'ql.Driver', E_SCH, schema)
            c2 = c1 + rng.randint(6, 40) * MSEC
            line(t + c2, 'INFO', th, 'ql.Driver', E_COMPD, qid, '%.3f' % (c2 / SEC))
            st['bg'] += rng.randint(1, 4)
            bg = 'HiveServer2-Background-Pool: Thread-%d' % st['bg']
            t2 = t + c2 + 3 * MSEC
            line(t2, 'INFO', bg, 'session.SessionState', E_THR, sess['sid'], bg)
            line(t2 + 1 * MSEC, 'INFO', bg, 'ql.Driver', E_EXEC, qid, sql)
            tc = t2 + 40 * MSEC
            if jobs:
                cpu = 0.0
                for j in range(1, jobs + 1):
                    tc += rng.randint(4000, 9000) * MSEC
                    line(tc, 'INFO', bg, 'exec.Task', E_P0, ts_in(tc - rng.randint(1, 4) * MSEC), str(j))
                    steps = rng.randint(3, 7)
                    for s in range(1, steps + 1):
                        tc += rng.randint(3000, 12000) * MSEC
                        frac = s / steps
                        mp = min(100, int(round(200 * frac / 5.0)) * 5) if frac < 0.5 else 100
                        rp = 0 if frac < 0.5 else int(round((frac - 0.5) * 2 * 100))
                        if s == steps:
                            mp, rp = 100, 100
                        cpu += rng.uniform(0.8, 9.5)
                        line(tc, 'INFO', bg, 'exec.Task', E_P, ts_in(tc - rng.randint(1, 4) * MSEC), str(j),
                             str(mp), str(rp), '%.2f' % cpu)
            tc += rng.randint(15, 900) * MSEC
            line(tc, 'INFO', bg, 'ql.Driver', E_EXECD, qid, '%.3f' % ((tc - t2) / SEC))
            line(tc + 1 * MSEC, 'INFO', bg, 'ql.Driver', E_OK)
            end = tc
        sess['left'] -= 1
        if sess['left'] > 0:
            sim.at(end + rng.randint(3000, 40000) * MSEC, run_query, sess)
        else:
            sim.at(end + rng.randint(1000, 6000) * MSEC, close_session, sess)

    sim.at((8 * 3600 + 12 * 60) * SEC + 417 * MSEC, lambda tt: open_session(tt))
    sim.run(lambda: len(S.rows) >= N_LINES)
    S.rows = S.rows[:N_LINES]
    return S


# ---------------------------------------------------------------------------
# Impala: impalad glog  Lmmdd hh:mm:ss.uuuuuu tid file:line] [query-id] msg
# ---------------------------------------------------------------------------
IMPALA_HEADER = re.compile(
    r'[IWEF]\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ [a-z0-9_-]+\.(?:cc|h):\d+\] '
    r'(?:[0-9a-f]{16}:[0-9a-f]{16}\] )?')


def impala_time(head):
    return head[1:21]


def gen_impala():
    S = System('Impala', 2)
    rng = S.rng
    E_OPEN = S.ev('Opened session: <*> effective username: <*>')
    E_REG = S.ev('Registered query query_id=<*> session_id=<*>')
    E_ADMIT = S.ev('Trying to admit id=<*> in pool_name=<*> executor_group_name=<*> '
                   'per_host_mem_estimate=<*> dedicated_coord_mem_estimate=<*> max_requests=<*> '
                   'max_queued=<*> max_mem=<*> is_trivial_query=<*>')
    E_RES = S.ev('Admission result: <*>')
    E_EXEC = S.ev('Exec() query_id=<*> stmt=<*>')
    E_START = S.ev('StartQueryFInstances() query_id=<*> coord=<*> #instances=<*>')
    E_INST = S.ev('Executing instance. instance_id=<*> fragment_idx=<*> per_fragment_instance_idx=<*> '
                  'coord_state_idx=<*> #in-flight=<*>')
    E_IDONE = S.ev('Instance completed. instance_id=<*> #in-flight=<*> status=<*>')
    E_BACK = S.ev('Backend completed: host=<*> remaining=<*> query_id=<*>')
    E_FAILQ = S.ev('Query <*> failed: <*>')
    E_CANCEL = S.ev('Cancel(): query_id=<*>')
    E_UNREG = S.ev('UnregisterQuery(): query_id=<*>')
    E_REL = S.ev('ReleaseQueryState(): deleted query_id=<*>')
    E_CAT = S.ev('Catalog topic update applied with version: <*> new min catalog object version: <*>')
    E_CLOSE = S.ev('Closing session: <*>')

    SRC = {
        E_OPEN: 'impala-hs2-server.cc:372', E_REG: 'impala-server.cc:1291',
        E_ADMIT: 'admission-controller.cc:1512', E_RES: 'admission-controller.cc:1530',
        E_EXEC: 'coordinator.cc:154', E_START: 'query-exec-mgr.cc:97',
        E_INST: 'query-state.cc:860', E_IDONE: 'query-state.cc:873',
        E_BACK: 'coordinator.cc:941', E_FAILQ: 'impala-server.cc:1462',
        E_CANCEL: 'impala-server.cc:1603', E_UNREG: 'impala-server.cc:1380',
        E_REL: 'query-exec-mgr.cc:211', E_CAT: 'impala-server.cc:2011',
        E_CLOSE: 'impala-server.cc:2470',
    }
    ME = 'impalad-02.dw.internal:27000'
    PEERS = ['impalad-01.dw.internal:27000', 'impalad-03.dw.internal:27000',
             'impalad-04.dw.internal:27000']
    POOLS = {
        'root.default': ('root.default-group-000', '-1', '200', '-1.00 B'),
        'root.etl': ('root.etl-group-000', '20', '50', '512.00 GB'),
    }
    STMTS = [
        ('SELECT count(*) FROM tpcds.store_sales', 'root.default', False),
        ('SELECT ss_item_sk, sum(ss_net_paid) FROM tpcds.store_sales WHERE ss_sold_date_sk BETWEEN '
         '2451911 AND 2452275 GROUP BY ss_item_sk ORDER BY 2 DESC LIMIT 100', 'root.default', False),
        ('select 1', 'root.default', True),
        ("INSERT INTO etl.daily_sales PARTITION (dt='2026-03-13') SELECT s_store_id, sum(ss_net_paid) "
         "FROM tpcds.store_sales JOIN tpcds.store ON ss_store_sk = s_store_sk GROUP BY s_store_id",
         'root.etl', False),
        ('SELECT * FROM tpcds.item WHERE i_category = \'Music\' LIMIT 50', 'root.default', False),
        ('select version()', 'root.default', True),
        ('SELECT d_year, count(*) FROM tpcds.date_dim GROUP BY d_year', 'root.etl', False),
    ]
    ERRORS = ["AnalysisException: Could not resolve table reference: 'tpcds.store_sale'",
              "AnalysisException: Column/field reference is ambiguous: 'ss_item_sk'",
              "AnalysisException: Database does not exist: tpcd"]
    USERS = ['alice', 'etl_svc', 'bob', 'tableau_svc']

    sim = Sim()
    st = {'inflight': 0, 'qn': 0, 'catv': 88410, 'remote': 0}

    def H(t, lvl, tid, ev, ctx):
        d = at(t)
        return '%s%s %s.%06d %5d %s] %s' % (lvl, d.strftime('%m%d'), d.strftime('%H:%M:%S'),
                                             d.microsecond, tid, SRC[ev], (ctx + '] ') if ctx else '')

    def line(t, lvl, tid, ctx, ev, *vals):
        t += rng.randrange(1000) * USEC          # sub-millisecond jitter keeps the order of >=1 ms steps

        def fire(tt):
            S.emit(H(tt, lvl, tid, ev, ctx), ev, *[v() if callable(v) else v for v in vals])
        sim.at(t, fire)

    def newtid():
        return rng.choice([rng.randint(21000, 29999), rng.randint(110000, 139999), rng.randint(4000, 9999)])

    def qids():
        hi = rng.getrandbits(64)
        lo = rng.getrandbits(32) << 32
        return hi, lo

    def fmt(hi, lo):
        return '%016x:%016x' % (hi, lo)

    def inc():
        st['inflight'] += 1
        return str(st['inflight'])

    def dec():
        st['inflight'] -= 1
        return str(st['inflight'])

    def run_instances(t, hi, lo, n, cancel_at=None, coord_is_me=True):
        qid = fmt(hi, lo)
        tid_ctl = newtid()
        coord = ME if coord_is_me else S.cyc(E_START, 1, PEERS)
        line(t, 'I', tid_ctl, qid, E_START, qid, coord, str(n))
        ends = []
        frag_of = [0] + [1 + (i - 1) // 2 for i in range(1, n)]
        for i in range(n):
            iid = fmt(hi, lo + i)
            tid = newtid()
            ts = t + (2 + i) * MSEC + rng.randint(0, 900) * USEC
            pf = 0 if i == 0 else (i - 1) % 2
            line(ts, 'I', tid, iid, E_INST, iid, str(frag_of[i]), str(pf), str(i % 3), inc)
            te = ts + rng.randint(300, 9000) * MSEC
            if cancel_at is not None and te > cancel_at:
                te = cancel_at + rng.randint(2, 40) * MSEC
                status = 'CANCELLED: Cancelled'
            else:
                status = 'OK'
            line(te, 'I', tid, iid, E_IDONE, iid, dec, status)
            ends.append(te)
        return max(ends)

    def session(t, user, nq):
        sid = fmt(rng.getrandbits(64), rng.getrandbits(64))
        tid = newtid()
        line(t, 'I', tid, None, E_OPEN, sid, user)
        sim.at(t + rng.randint(1, 5) * SEC, query, sid, tid, nq)

    def query(t, sid, tid, left):
        st['qn'] += 1
        k = st['qn']
        hi, lo = qids()
        qid = fmt(hi, lo)
        line(t, 'I', tid, None, E_REG, qid, sid)
        if k in (2, 8, 15, 21, 27):                      # analysis error
            tf = t + rng.randint(20, 300) * MSEC
            line(tf, 'W', tid, qid, E_FAILQ, qid, S.cyc(E_FAILQ, 1, ERRORS))
            line(tf + 3 * MSEC, 'I', tid, None, E_UNREG, qid)
            end = tf + 5 * MSEC
        else:
            stmt, pool, trivial = STMTS[(k * 3 + rng.randrange(2)) % len(STMTS)]
            if k in (4, 11, 17, 24):                     # cancelled by the client
                stmt, pool, trivial = STMTS[[1, 3, 6, 0][(k // 6) % 4]]
            grp, maxr, maxq, maxm = POOLS[pool]
            ta = t + rng.randint(40, 600) * MSEC
            mem = rng.choice(['10.00 MB', '52.02 MB', '1.23 GB', '388.50 MB', '4.00 GB', '176.00 KB'])
            cmem = rng.choice(['100.02 MB', '104.02 MB', '1.00 GB', '212.00 MB'])
            line(ta, 'I', tid, qid, E_ADMIT, qid, pool, grp, mem, cmem, maxr, maxq, maxm,
                 'true' if trivial else 'false')
            if pool == 'root.etl' and k % 3 == 0:
                line(ta + 1 * MSEC, 'I', tid, qid, E_RES, 'Queued')
                ta += rng.randint(2, 20) * SEC
                line(ta, 'I', 27702, qid, E_RES, 'Admitted (queued)')
            else:
                line(ta + 1 * MSEC, 'I', tid, qid, E_RES, 'Admitted immediately')
            te = ta + rng.randint(2, 30) * MSEC
            line(te, 'I', tid, qid, E_EXEC, qid, stmt)
            n = 1 if trivial else rng.randint(2, 7)
            cancel_at = None
            if k in (4, 11, 17, 24):
                cancel_at = te + rng.randint(1500, 4000) * MSEC
                line(cancel_at, 'I', tid, None, E_CANCEL, qid)
            done = run_instances(te + 5 * MSEC, hi, lo, n, cancel_at)
            backends = [ME] + rng.sample(PEERS, 0 if trivial else rng.randint(1, 3))
            tb = done
            for r, host in enumerate(reversed(backends)):
                tb += rng.randint(1, 120) * MSEC
                line(tb, 'I', newtid(), qid, E_BACK, host, str(len(backends) - 1 - r), qid)
            tu = tb + rng.randint(50, 3000) * MSEC
            line(tu, 'I', tid, None, E_UNREG, qid)
            line(tu + rng.randint(1, 9) * MSEC, 'I', newtid(), qid, E_REL, qid)
            end = tu + 10 * MSEC
        if left > 1:
            sim.at(end + rng.randint(1, 25) * SEC, query, sid, tid, left - 1)
        else:
            line(end + rng.randint(1, 9) * SEC, 'I', tid, None, E_CLOSE, sid)
            sim.at(end + rng.randint(10, 40) * SEC, lambda tt, u=S.cyc(E_OPEN, 1, USERS):
                   session(tt, u, rng.randint(2, 4)))

    def remote_fragment(t):
        # this impalad also runs fragments for queries coordinated elsewhere
        hi, lo = qids()
        n = rng.randint(1, 3)
        done = run_instances(t, hi, lo, n, coord_is_me=False)
        line(done + rng.randint(1, 30) * MSEC, 'I', newtid(), fmt(hi, lo), E_REL, fmt(hi, lo))
        sim.at(t + rng.randint(25, 70) * SEC, remote_fragment)

    def catalog(t):
        old = st['catv']
        st['catv'] += rng.randint(1, 40)
        line(t, 'I', 9187, None, E_CAT, str(st['catv']), str(old - rng.randint(0, 300)))
        sim.at(t + rng.randint(35, 80) * SEC, catalog)

    base = (10 * 3600 + 31 * 60) * SEC + 250 * MSEC
    sim.at(base + 3 * SEC, catalog)
    for i, u in enumerate(['alice', 'etl_svc', 'tableau_svc']):
        sim.at(base + (1 + 7 * i) * SEC + rng.randint(0, 999) * MSEC,
               lambda tt, u=u: session(tt, u, rng.randint(2, 4)))
    sim.at(base + 14 * SEC, remote_fragment)
    sim.run(lambda: len(S.rows) >= N_LINES)
    S.rows = S.rows[:N_LINES]
    return S


# ---------------------------------------------------------------------------
# Nextcloud: nextcloud.log JSON lines; Content = message text onward
# ---------------------------------------------------------------------------
NEXTCLOUD_HEADER = re.compile(
    r'\{"reqId":"[A-Za-z0-9]{20}","level":[0-4],"time":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00",'
    r'"remoteAddr":"[^"]*","user":"[^"]*","app":"[^"]*","method":"[^"]*","url":"[^"]*","message":"')


def nextcloud_time(head):
    return re.search(r'"time":"([^"]+)"', head).group(1)


def jesc(s):
    return json.dumps(s, ensure_ascii=False)[1:-1]


def gen_nextcloud():
    S = System('Nextcloud', 3)
    rng = S.rng
    SUF = '","userAgent":"<*>","version":"28.0.4.1"}'
    SUFC = '","userAgent":"--","version":"28.0.4.1"}'
    E_LF = S.ev('Login failed: <*> (Remote IP: <*>)' + SUF)
    E_BF = S.ev(r'Bruteforce attempt from \"<*>\" detected for action \"<*>\".' + SUF)
    E_TD = S.ev(r'Trusted domain error. \"<*>\" tried to access using \"<*>\" as host.' + SUF)
    E_BJ = S.ev(r'Background job \"<*> (id: <*>, arguments: <*>)\" ran for <*> seconds' + SUFC)
    E_FS = S.ev('Expected filesize of <*> bytes but read (from Nextcloud client) and wrote '
                '(to Nextcloud storage) <*> bytes. Could either be a network problem on the sending '
                'side or a problem writing to the storage on the server side.' + SUF)
    E_RS = S.ev('Could not find resource <*> to load' + SUF)
    E_NU = S.ev('Backends provided no user object for <*>' + SUF)
    E_FO = S.ev('<*>: Failed to open stream: No such file or directory at <*>#<*>' + SUF)
    E_UK = S.ev(r'Undefined array key \"<*>\" at <*>#<*>' + SUF)
    E_LA = S.ev(r'Login attempt: \"<*>\"' + SUF)
    E_LS = S.ev(r'Login successful: \"<*>\"' + SUF)
    E_LO = S.ev('Logout occurred' + SUF)
    E_FW = S.ev(r'File written to: \"<*>\"' + SUF)
    E_FA = S.ev(r'File accessed: \"<*>\"' + SUF)
    E_FR = S.ev(r'File renamed: \"<*>\" to \"<*>\"' + SUF)

    COUNTS = {E_LF: 34, E_BF: 7, E_TD: 5, E_BJ: 4, E_FS: 9, E_RS: 12, E_NU: 16, E_FO: 10, E_UK: 14,
              E_LA: 40, E_LS: 36, E_LO: 20, E_FW: 60, E_FA: 25, E_FR: 8}

    BROWSERS = [
        'Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0',
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) '
        'Chrome/122.0.0.0 Safari/537.36',
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3_1) AppleWebKit/605.1.15 (KHTML, like Gecko) '
        'Version/17.3 Safari/605.1.15',
    ]
    CLIENTS = [
        'Mozilla/5.0 (Windows) mirall/3.12.1stable-Win64 (build 20240306) (Nextcloud, '
        'windows-10.0.22631 ClientArchitecture: x86_64 OsArchitecture: x86_64)',
        'Mozilla/5.0 (Android) Nextcloud-android/3.28.0',
        'Mozilla/5.0 (iOS) Nextcloud-iOS/5.2.0',
        'Mozilla/5.0 (Linux) mirall/3.11.1 (Nextcloud, ubuntu-6.5.0-26-generic '
        'ClientArchitecture: x86_64 OsArchitecture: x86_64)',
    ]
    BOTS = ['curl/8.5.0', 'python-requests/2.31.0', 'Mozilla/5.0 zgrab/0.x']
    USERS = ['alice', 'bob', 'carol', 'dmitri', 'admin', 'svc-backup']
    LAN = ['192.168.10.23', '192.168.10.41', '192.168.10.57', '10.8.0.6']
    WAN = ['198.51.100.77', '203.0.113.9', '2001:db8:4:12::1a', '198.51.100.140']
    FILES = ['/Documents/Quarterly Report Q1 2026.odt', '/Photos/IMG_2031.jpg', '/notes.md',
             '/Projects/atlas/data/export-2026-03-13.csv', '/Talk/Shared with me/agenda.pdf',
             '/Music/Pink Floyd - Time.flac', '/Documents/Budget [draft] v3.xlsx',
             '/Photos/2026/03/PXL_20260313_184455123.MP.jpg', '/a.txt']

    def rid():
        a = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
        return ''.join(rng.choice(a) for _ in range(20))

    def dav(user, path):
        return '/remote.php/dav/files/%s%s' % (user, path.replace(' ', '%20').replace('[', '%5B')
                                                .replace(']', '%5D'))

    def build(ev):
        """-> level, remoteAddr, user, app, method, url, message values, user agent"""
        u = rng.choice(USERS)
        f = rng.choice(FILES)
        ipl = rng.choice(LAN)
        ua_c = S.cyc(ev, 'uac', CLIENTS)
        ua_b = S.cyc(ev, 'uab', BROWSERS)
        if ev == E_LF:
            ip = rng.choice(WAN + LAN)
            name = S.cyc(ev, 0, USERS + ['root', 'test', 'bob@example.org'])
            if rng.random() < 0.5:
                return 2, ip, '--', 'core', 'POST', '/login', [name, ip], rng.choice(BROWSERS + BOTS)
            return 2, ip, '--', 'core', 'PROPFIND', '/remote.php/dav/files/%s/' % name, [name, ip], \
                rng.choice(CLIENTS + BOTS)
        if ev == E_BF:
            ip = S.cyc(ev, 0, WAN)
            action = S.cyc(ev, 1, ['login', 'login', 'publicLinkAuth', 'sharePasswordValidation'])
            url = '/login' if action == 'login' else '/index.php/s/%s/authenticate/showShare' % rid()[:15]
            return 1, ip, '--', 'core', 'POST', url, [ip, action], rng.choice(BROWSERS + BOTS)
        if ev == E_TD:
            ip = S.cyc(ev, 0, LAN + WAN)
            host = S.cyc(ev, 1, ['192.168.10.5', 'nextcloud.local:8080', 'cloud', '192.168.10.5:443'])
            return 1, ip, '--', 'core', 'GET', '/', [ip, host], rng.choice(BROWSERS + BOTS)
        if ev == E_BJ:
            job = S.cyc(ev, 0, [r'OCA\Files\BackgroundJob\ScanFiles',
                                r'OCA\Preview\BackgroundJob\GeneratePreviews',
                                r'OCA\DAV\BackgroundJob\RefreshWebcalJob',
                                r'OC\Core\BackgroundJobs\BackgroundCleanupUpdaterBackupsJob'])
            arg = S.cyc(ev, 2, ['null', '{"uid":"%s"}' % u, '[]'])
            return 2, '', '--', 'cron', '', '--', [jesc(job), str(rng.randint(11, 4800)), jesc(arg),
                                                   str(rng.randint(301, 2900))], None
        if ev == E_FS:
            exp = rng.randint(40_000, 900_000_000)
            got = rng.randint(0, exp - 1)
            return 3, ipl, u, 'webdav', 'PUT', dav(u, f + '.ocTransferId%d.part' % rng.randint(10**8, 10**9)), \
                [str(exp), str(got)], ua_c
        if ev == E_RS:
            res = S.cyc(ev, 0, ['files_pdfviewer/js/files_pdfviewer-main.js', 'core/css/server.css',
                                'richdocuments/js/viewer', 'theming/img/background/kamil-porembinski-clouds.jpg'])
            return 3, ipl, u, 'core', 'GET', '/apps/files/', [res], ua_b
        if ev == E_NU:
            who = S.cyc(ev, 0, ['ldap-7f3e21c0', 'olduser', 'bob', 'S-1-5-21-3623811015-3361044348-30300820-1013'])
            return 2, ipl, '--', 'core', rng.choice(['PROPFIND', 'GET']), dav(who, '/'), [who], ua_c
        if ev == E_FO:
            fn = S.cyc(ev, 0, ['fopen', 'file_get_contents', 'filemtime'])
            target = '/srv/ncdata/%s/files%s' % (u, f)
            call = '%s(%s)' % (fn, target)
            src = S.cyc(ev, 1, ['/var/www/nextcloud/lib/private/Files/Storage/Local.php',
                                '/var/www/nextcloud/lib/private/Files/Storage/Wrapper/Encryption.php'])
            line_no = {'fopen': '350', 'file_get_contents': '210', 'filemtime': '178'}[fn]
            ua = '--' if S.cyc(ev, 'cron', [False, False, True]) else rng.choice(CLIENTS + BROWSERS)
            if ua == '--':                               # same warning raised from cron.php
                return 3, '', '--', 'PHP', '', '--', [jesc(call), src, line_no], ua
            return 3, ipl, u, 'PHP', 'GET', dav(u, f), [jesc(call), src, line_no], ua
        if ev == E_UK:
            key = S.cyc(ev, 0, ['uid', 'displayname', 'quota', 'HTTP_X_FORWARDED_HOST'])
            src, ln = S.cyc(ev, 1, [('/var/www/nextcloud/apps/user_ldap/lib/Access.php', '482'),
                                    ('/var/www/nextcloud/apps/calendar/lib/Controller/ViewController.php', '97'),
                                    ('/var/www/nextcloud/lib/private/AppFramework/Http/Request.php', '731')])
            return 2, ipl, u, 'PHP', 'GET', '/apps/calendar/', [key, src, ln], ua_b
        if ev == E_LA:
            name = S.cyc(ev, 0, USERS + ['alice@example.org'])
            return 1, rng.choice(LAN + WAN), '--', 'admin_audit', 'POST', '/login', [name], \
                rng.choice(BROWSERS + CLIENTS)
        if ev == E_LS:
            return 1, rng.choice(LAN + WAN), u, 'admin_audit', 'POST', '/login', [u], \
                rng.choice(BROWSERS + CLIENTS)
        if ev == E_LO:
            return 1, ipl, u, 'admin_audit', 'GET', '/logout', [], ua_b
        if ev == E_FW:
            return 1, ipl, u, 'admin_audit', 'PUT', dav(u, f), [f], rng.choice(CLIENTS + CLIENTS + BROWSERS)
        if ev == E_FA:
            return 1, ipl, u, 'admin_audit', 'GET', dav(u, f), [f], rng.choice(CLIENTS + BROWSERS)
        if ev == E_FR:
            g = rng.choice([x for x in FILES if x != f])
            dst = g.rsplit('/', 1)[0] + '/' + f.rsplit('/', 1)[1]
            if dst == f:
                dst = f.rsplit('.', 1)[0] + ' (2).' + f.rsplit('.', 1)[1]
            return 1, ipl, u, 'admin_audit', 'MOVE', dav(u, f), [f, dst], rng.choice(CLIENTS + BROWSERS)
        raise KeyError(ev)

    for t, ev in shuffle_stream(S, COUNTS, (0 * 3600 + 4 * 60) * SEC, 95):
        lvl, ip, user, app, method, url, vals, ua = build(ev)
        head = ('{"reqId":"%s","level":%d,"time":"%s","remoteAddr":"%s","user":"%s","app":"%s",'
                '"method":"%s","url":"%s","message":"') % (
            rid(), lvl, at(t).strftime('%Y-%m-%dT%H:%M:%S+00:00'), ip, user, app, method, url)
        if ev == E_LA or ev == E_LS or ev == E_FW or ev == E_FA or ev == E_FR:
            vals = [jesc(v) for v in vals]
        if ua is not None:
            vals = vals + [ua]
        S.emit(head, ev, *vals)
    return S


# ---------------------------------------------------------------------------
# Pi-hole FTL: FTL.log (v5)  [yyyy-mm-dd hh:mm:ss.mmm PID(M|/TTID)] msg
# ---------------------------------------------------------------------------
FTL_HEADER = re.compile(r'\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \d+(?:M|/T\d+)\] ')


def ftl_time(head):
    return head[1:24]


def gen_ftl():
    S = System('PiholeFTL', 4)
    rng = S.rng
    E_RSZ = S.ev('Resizing "FTL-<*>" from <*> to (<*> * <*>) == <*> (/dev/shm: <*> used, <*> total, '
                 'FTL uses <*>)')
    E_IMP = S.ev('Imported <*> queries from the long-term database')
    E_RGX = S.ev('Compiled <*> whitelist and <*> blacklist regex filters for <*> clients in <*> msec')
    E_SIG = S.ev('Received: Real-time signal <*> (<*> -> <*>)')
    E_BLK = S.ev('Blocking status is <*>')
    E_RL = S.ev('Rate-limiting <*> for at least <*> seconds')
    E_RLE = S.ev('Ending rate-limitation of <*>')
    E_DB = S.ev('Notice: Database size is <*> MB, deleted <*> rows')
    E_SQL = S.ev('SQLite3 message: <*> (<*>)')
    E_LOAD = S.ev('WARNING: Long-term load (15min avg) larger than number of processors: <*> > <*>')
    E_LSN = S.ev('Listening on port 4711 for incoming <*> telnet connections')
    E_SHUT = S.ev('Shutting down... // exit code <*> // jmpret <*>')
    E_TERM = S.ev('########## FTL terminated after <*>  (code <*>)! ##########')
    E_GRAV = S.ev('Gravity database has been updated, reloading now')
    E_CONN = S.ev('WARNING: Connection error (<*>#<*>): <*>')
    COUNTS = {E_RSZ: 14, E_IMP: 3, E_RGX: 8, E_SIG: 8, E_BLK: 10, E_RL: 95, E_RLE: 80, E_DB: 6,
              E_SQL: 9, E_LOAD: 5, E_LSN: 4, E_SHUT: 3, E_TERM: 3, E_GRAV: 7, E_CONN: 45}
    CLIENTS = ['192.168.1.50', '192.168.1.23', '10.0.1.39', '192.168.1.104', 'fd00::4c2a:91ff:fe3b:7a10',
               '192.168.1.7']
    SHM = [('strings', 1), ('queries', 40), ('domains', 24), ('clients', 664), ('overTime', 48),
           ('dns-cache', 8)]
    UPSTREAM = [('1.1.1.1', '53'), ('127.0.0.1', '5335'), ('2001:4860:4860::8888', '53'), ('9.9.9.9', '53')]
    CONNERR = ['TCP connection failed while receiving payload length from upstream '
               '(Connection prematurely closed by remote server)',
               'failed to send UDP request (Network unreachable)',
               'TCP connection failed while sending query to upstream (Connection refused)']
    SQLMSG = [('file unlinked while open: /etc/pihole/gravity.db', '28'),
              ('database is locked', '5'),
              ('statement aborts at 38: [INSERT INTO queries VALUES (?,?,?,?,?,?,?,?,?)] database is locked', '5'),
              ('recovered 12 frames from WAL file /etc/pihole/pihole-FTL.db-wal', '283')]
    mb = lambda x: ('%.1fMB' % x) if x < 1000 else ('%.1fGB' % (x / 1024))
    split_at = 168        # FTL restarted: pid changes after this line
    runs = [(1842, 1845, 1847), (27311, 27314, 27316)]
    for i, (t, ev) in enumerate(shuffle_stream(S, COUNTS, 5 * 3600 * SEC + 9 * SEC, 29)):
        pid, tdb, tgc = runs[0] if i < split_at else runs[1]
        thread = 'M'
        if ev == E_RSZ:
            name, sz = S.cyc(ev, 0, SHM)
            cnt = rng.choice([4096, 8192, 12288, 16384, 20480, 36864])
            old = (cnt - 4096) * sz if cnt > 4096 else cnt * sz // 2
            used = rng.uniform(1.3, 28.0)
            vals = [name, str(old), str(cnt), str(sz), str(cnt * sz), mb(used),
                    S.cyc(ev, 6, ['1.9GB', '486.4MB', '3.8GB']), mb(used - rng.uniform(0.01, 0.9))]
            thread = rng.choice(['M', '/T%d' % tgc])
        elif ev == E_IMP:
            vals = [str(rng.randint(30000, 900000))]
        elif ev == E_RGX:
            vals = [str(rng.randint(0, 6)), str(rng.randint(2, 40)), str(rng.randint(4, 38)),
                    '%.1f' % rng.uniform(0.1, 9.0)]
        elif ev == E_SIG:
            n = S.cyc(ev, 0, [0, 0, 4, 2])
            vals = [str(n), str(34 + n), str(n)]
        elif ev == E_BLK:
            vals = [S.cyc(ev, 0, ['enabled', 'enabled', 'disabled'])]
        elif ev == E_RL:
            vals = [rng.choice(CLIENTS), str(rng.randint(5, 59))]
        elif ev == E_RLE:
            vals = [rng.choice(CLIENTS)]
        elif ev == E_DB:
            vals = ['%.2f' % rng.uniform(80, 2100), str(rng.randint(0, 90000))]
            thread = '/T%d' % tdb
        elif ev == E_SQL:
            vals = list(S.cyc(ev, 0, SQLMSG))
            thread = '/T%d' % tdb
        elif ev == E_LOAD:
            vals = ['%.1f' % rng.uniform(4.1, 11.0), '4']
            vals[1] = S.cyc(ev, 1, ['4', '4', '2'])
            thread = '/T%d' % tgc
        elif ev == E_LSN:
            vals = [S.cyc(ev, 0, ['IPv4', 'IPv6'])]
        elif ev == E_SHUT:
            vals = [S.cyc(ev, 0, ['0', '0', '1']), S.cyc(ev, 1, ['0', '1'])]
        elif ev == E_TERM:
            vals = [S.cyc(ev, 0, ['2d 3h 12m 45s', '17h 4m 9s', '58m 2s']), S.cyc(ev, 1, ['0', '0', '1'])]
        elif ev == E_GRAV:
            vals = []
            thread = '/T%d' % tdb
        elif ev == E_CONN:
            ip, port = rng.choice(UPSTREAM)
            vals = [ip, port, rng.choice(CONNERR)]
        d = at(t)
        head = '[%s.%s %d%s] ' % (d.strftime('%Y-%m-%d %H:%M:%S'), ms3(t), pid, thread)
        S.emit(head, ev, *vals)
    return S


# ---------------------------------------------------------------------------
# Terraform: TF_LOG=DEBUG, hclog  ts [LEVEL] [name: ]msg
# ---------------------------------------------------------------------------
TERRAFORM_HEADER = re.compile(
    r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (?:\[(?:TRACE|DEBUG|ERROR)\] |\[(?:INFO|WARN)\]  )'
    r'(?:provider(?:\.terraform-provider-[a-z0-9]+_v\d+\.\d+\.\d+_x\d)?: )?')


def terraform_time(head):
    return head[:23]


def gen_terraform():
    S = System('Terraform', 5)
    rng = S.rng
    E_VER = S.ev('Terraform version: <*>')
    E_ARGS = S.ev('CLI args: <*>')
    E_PSTART = S.ev('starting plugin: path=<*> args=<*>')
    E_PSTARTED = S.ev('plugin started: path=<*> pid=<*>')
    E_PEXIT = S.ev('plugin process exited: path=<*> pid=<*>')
    E_PEXITED = S.ev('plugin exited')
    E_PADDR = S.ev('plugin address: address=<*> network=unix timestamp=<*>')
    E_REF = S.ev('ReferenceTransformer: "<*>" references: [<*>]')
    E_REF0 = S.ev('ReferenceTransformer: "<*>" references: []')
    E_WALK = S.ev('Starting graph walk: <*>')
    E_APPLY = S.ev('<*>: applying the planned <*> change')
    E_PLANOP = S.ev('backend/local: starting Plan operation')
    E_APPLYOP = S.ev('backend/local: starting Apply operation')
    E_VERTEX = S.ev('vertex "<*>" error: <*>')
    E_HTTP = S.ev('HTTP Response Received: '
                  '@caller=github.com/hashicorp/aws-sdk-go-base/v2@v2.0.0-beta.45/logging/tf_logger.go:45 '
                  '@module=aws aws.operation=<*> aws.region=<*> aws.sdk=aws-sdk-go-v2 aws.service=<*> '
                  'http.duration=<*> http.response.header.x_amzn_requestid=<*> http.status_code=<*> '
                  'tf_mux_provider=*schema.GRPCProviderServer '
                  'tf_provider_addr=registry.terraform.io/hashicorp/aws tf_req_id=<*> '
                  'tf_resource_type=<*> tf_rpc=<*> timestamp=<*>')
    COUNTS = {E_VER: 6, E_ARGS: 6, E_PSTART: 14, E_PSTARTED: 14, E_PEXIT: 14, E_PEXITED: 12, E_PADDR: 14,
              E_REF: 70, E_REF0: 20, E_WALK: 12, E_APPLY: 30, E_PLANOP: 5, E_APPLYOP: 4, E_VERTEX: 4,
              E_HTTP: 75}
    PROVIDERS = [('hashicorp', 'aws', '5.31.0'), ('hashicorp', 'random', '3.6.0'),
                 ('hashicorp', 'null', '3.2.2'), ('hashicorp', 'aws', '5.31.0')]
    RES = ['aws_instance.web', 'aws_subnet.main', 'aws_s3_bucket.logs', 'aws_security_group.web_sg',
           'aws_iam_role.ci_runner', 'random_id.suffix', 'null_resource.bootstrap',
           'module.vpc.aws_route_table.private[0]', 'aws_s3_bucket_policy.logs', 'aws_lb.public',
           'module.vpc.aws_nat_gateway.this["eu-west-1a"]']
    REFS = ['var.ami_id', 'aws_subnet.main', 'aws_security_group.web_sg', 'random_id.suffix',
            'local.tags', 'module.vpc.aws_vpc.this[0]', 'data.aws_iam_policy_document.assume',
            'var.environment']
    OPS = [('DescribeInstances', 'EC2', 'aws_instance', 'ReadResource'),
           ('RunInstances', 'EC2', 'aws_instance', 'ApplyResourceChange'),
           ('GetBucketPolicy', 'S3', 'aws_s3_bucket', 'ReadResource'),
           ('GetRole', 'IAM', 'aws_iam_role', 'ReadResource'),
           ('DescribeSubnets', 'EC2', 'aws_subnet', 'ReadResource'),
           ('CreateBucket', 'S3', 'aws_s3_bucket', 'ApplyResourceChange'),
           ('DescribeSecurityGroups', 'EC2', 'aws_security_group', 'ReadResource')]
    ERRS = [('aws_instance.web', "creating EC2 Instance: InvalidAMIID.NotFound: The image id "
                                 "'[ami-0c1f2e3d4b5a69788]' does not exist"),
            ('aws_s3_bucket.logs', 'creating S3 Bucket (acme-ci-logs-2026): BucketAlreadyExists'),
            ('aws_iam_role.ci_runner', 'reading IAM Role (ci-runner): operation error IAM: GetRole, '
                                       'https response error StatusCode: 403, RequestID: '
                                       '5b0e7c1a-93f2-4d6e-8a41-0f2c7d9e1b33, api error AccessDenied: '
                                       'User: arn:aws:iam::123456789012:user/ci is not authorized to '
                                       'perform: iam:GetRole on resource: role ci-runner'),
            ('null_resource.bootstrap', 'local-exec provisioner error: exit status 1')]

    def ppath(p):
        ns, name, ver = p
        return ('.terraform/providers/registry.terraform.io/%s/%s/%s/linux_amd64/'
                'terraform-provider-%s_v%s_x5') % (ns, name, ver, name, ver)

    def pname(p):
        return 'provider.terraform-provider-%s_v%s_x5' % (p[1], p[2])

    def ts(t):
        d = at(t)
        return '%s.%sZ' % (d.strftime('%Y-%m-%dT%H:%M:%S'), ms3(t))

    for t, ev in shuffle_stream(S, COUNTS, (13 * 3600 + 2 * 60) * SEC, 4.5):
        lvl, logger = 'DEBUG', None
        if ev == E_VER:
            lvl, vals = 'INFO', [S.cyc(ev, 0, ['1.7.4', '1.7.4', '1.6.6'])]
        elif ev == E_ARGS:
            lvl = 'INFO'
            vals = [S.cyc(ev, 0, ['[]string{"terraform", "plan", "-input=false", "-out=tfplan"}',
                                  '[]string{"terraform", "apply", "-auto-approve", "tfplan"}',
                                  '[]string{"terraform", "validate"}',
                                  '[]string{"terraform", "plan", "-destroy", "-var-file=envs/staging.tfvars"}'])]
        elif ev in (E_PSTART, E_PSTARTED, E_PEXIT):
            logger = 'provider'
            p = S.cyc(ev, 0, PROVIDERS)
            if ev == E_PSTART:
                vals = [ppath(p), '["%s"]' % ppath(p)]
            else:
                vals = [ppath(p), str(rng.randint(2000, 65000))]
        elif ev == E_PEXITED:
            logger, vals = 'provider', []
        elif ev == E_PADDR:
            logger = pname(S.cyc(ev, 0, PROVIDERS))
            vals = ['/tmp/plugin%d' % rng.randint(10**8, 10**10), ts(t - rng.randint(1, 40) * MSEC)]
        elif ev == E_REF:       # Go %q escapes the quotes inside an address
            r = rng.choice(RES).replace('"', '\\"')
            vals = [r, ' '.join(rng.sample(REFS, rng.randint(1, 4)))]
        elif ev == E_REF0:
            vals = [rng.choice(RES).replace('"', '\\"')]
        elif ev == E_WALK:
            vals = [S.cyc(ev, 0, ['walkValidate', 'walkPlan', 'walkApply', 'walkPlanDestroy'])]
        elif ev == E_APPLY:
            vals = [rng.choice(RES), S.cyc(ev, 1, ['Create', 'Update', 'Create', 'Delete', 'Create'])]
        elif ev in (E_PLANOP, E_APPLYOP):
            lvl, vals = 'INFO', []
        elif ev == E_VERTEX:
            lvl = 'ERROR'
            vals = list(S.cyc(ev, 0, ERRS))
        elif ev == E_HTTP:
            logger = pname(PROVIDERS[0])
            op, svc, rtype, rpc = rng.choice(OPS)
            status = '200' if rng.random() < 0.9 else S.cyc(ev, 'st', ['400', '403', '404'])
            vals = [op, S.cyc(ev, 1, ['eu-west-1', 'eu-west-1', 'us-east-1']), svc,
                    str(rng.randint(18, 1900)), S.uuid4(), status, S.uuid4(), rtype, rpc,
                    ts(t - rng.randint(0, 3) * MSEC)]
        d = at(t)
        lv = '[%s]' % lvl + (' ' if len(lvl) == 4 else '')
        head = '%s %s %s' % (ts(t), lv, (logger + ': ') if logger else '')
        S.emit(head, ev, *vals)
    return S


# ---------------------------------------------------------------------------
# Mastodon: Rails (Ruby Logger + lograge, request-id tag) and Sidekiq default
# ---------------------------------------------------------------------------
MASTODON_HEADER = re.compile(
    r'(?:[DIWEFA], \[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6} #\d+\] +(?:DEBUG|INFO|WARN|ERROR|FATAL|ANY) -- : '
    r'(?:\[[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\] )?(?:\[ActiveJob\] )?'
    r'|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z pid=\d+ tid=[0-9a-z]+'
    r'(?: class=[A-Za-z0-9_:]+ jid=[0-9a-f]{24}(?: elapsed=\d+\.\d+)?)? (?:DEBUG|INFO|WARN|ERROR|FATAL): )')


def mastodon_time(head):
    if head[1] == ',':
        return head[4:27]     # yyyy-mm-ddThh:mm:ss.mmm (truncate micros to ms)
    return head[:23]


def gen_mastodon():
    S = System('Mastodon', 6)
    rng = S.rng
    E_REQ = S.ev('method=<*> path=<*> format=<*> controller=<*> action=<*> status=<*> duration=<*> '
                 'view=<*> db=<*>')
    E_REDIR = S.ev('method=<*> path=<*> format=html controller=<*> action=<*> status=302 duration=<*> '
                   'view=0.00 db=<*> location=<*>')
    E_ERR = S.ev("method=<*> path=<*> format=<*> controller=<*> action=<*> status=500 error='<*>' "
                 "duration=<*> view=0.00 db=<*>")
    E_ROUTE = S.ev('ActionController::RoutingError (No route matches [<*>] "<*>"):')
    E_CSRF = S.ev("Can't verify CSRF token authenticity.")
    E_AJ = S.ev('Enqueued ActionMailer::MailDeliveryJob (Job ID: <*>) to Sidekiq(mailers) with arguments: <*>')
    E_START = S.ev('start')
    E_DONE = S.ev('done')
    E_FAIL = S.ev('fail')
    E_UNEXP = S.ev('Mastodon::UnexpectedResponseError: <*> returned code <*>')
    E_CONN = S.ev('HTTP::ConnectionError: failed to connect: <*>')
    E_GREEN = S.ev('Switching <*> from <*> to green')
    E_RED = S.ev('Switching <*> from <*> to red because <*>')
    E_REDIS = S.ev('Redis::CannotConnectError: Error connecting to Redis on redis:6379 (<*>)')

    DOMAIN = 'https://social.example.org'
    PUMA = [1187, 1192, 1197, 1203]
    SK_PID = 1311
    TIDS = ['gu8', '2bq9', 'owla', '1q4x', 'bvk0', 'c3kn', '2dfw', 'x7s']
    USERS = ['alice', 'bob', 'mxk', 'ops', 'j_doe']
    sim = Sim()
    st = {'n': 0}

    def rails_head(t, lvl, pid, rid, aj=False):
        d = at(t)
        return '%s, [%s.%06d #%d] %5s -- : %s%s' % (
            lvl[0], d.strftime('%Y-%m-%dT%H:%M:%S'), d.microsecond, pid, lvl,
            ('[%s] ' % rid) if rid else '', '[ActiveJob] ' if aj else '')

    def sk_head(t, lvl, tid, cls=None, jid=None, elapsed=None):
        d = at(t)
        h = '%s.%sZ pid=%d tid=%s' % (d.strftime('%Y-%m-%dT%H:%M:%S'), ms3(t), SK_PID, tid)
        if cls:
            h += ' class=%s jid=%s' % (cls, jid)
            if elapsed is not None:
                h += ' elapsed=%s' % elapsed
        return h + ' %s: ' % lvl

    def later(t, head_fn, ev, *vals):
        sim.at(t, lambda tt: S.emit(head_fn(tt), ev, *vals))

    def f2(lo, hi):
        return '%.2f' % rng.uniform(lo, hi)

    # ---- Sidekiq jobs -----------------------------------------------------
    def job(t, cls, outcome=None, jid=None):
        """outcome: None (done) or callable(t, head_fn) emitting error lines -> returns 'fail'/'done'.
        A Sidekiq retry keeps the jid of the first attempt."""
        jid = jid or S.hexid(96)
        tid = rng.choice(TIDS)
        later(t, lambda tt: sk_head(tt, 'INFO', tid, cls, jid), E_START)
        el = rng.uniform(0.004, 0.3) if cls != 'ActivityPub::DeliveryWorker' else rng.uniform(0.08, 2.5)
        te = t + int(el * SEC)
        res = 'done'
        if outcome:
            res = outcome(t + int(el * SEC * 0.9), lambda lvl: (lambda tt: sk_head(tt, lvl, tid, cls, jid)))
        later(te, lambda tt: sk_head(tt, 'INFO', tid, cls, jid, '%.3f' % el), E_DONE if res == 'done' else E_FAIL)

    BAD = {  # inbox -> (kind, detail)
        'https://mastodon.oldserver.net/inbox': ('code', '503'),
        'https://pleroma.example.net/users/ann/inbox': ('conn', 'Connection refused - connect(2) for '
                                                                '"pleroma.example.net" port 443'),
        'https://fedi.home.arpa/inbox': ('code', '502'),
        'https://misskey.test.io/inbox': ('conn', 'No route to host - connect(2) for "misskey.test.io" '
                                                  'port 443'),
    }
    fails = Counter()

    def delivery_failure(inbox):
        kind, detail = BAD[inbox]

        def outcome(t, hf):
            fails[inbox] += 1
            if kind == 'code':
                ev, vals = E_UNEXP, [inbox, detail]
                because = 'Mastodon::UnexpectedResponseError %s returned code %s' % (inbox, detail)
            else:
                ev, vals = E_CONN, [detail]
                because = 'HTTP::ConnectionError failed to connect: %s' % detail
            if fails[inbox] == 3:
                later(t - 2 * MSEC, hf('WARN'), E_RED, inbox, S.cyc(E_RED, 1, ['green', 'yellow']), because)
            later(t, hf('WARN'), ev, *vals)
            return 'fail'
        return outcome

    def delivery_recovery(inbox):
        def outcome(t, hf):
            later(t, hf('WARN'), E_GREEN, inbox, S.cyc(E_GREEN, 1, ['red', 'yellow']))
            return 'done'
        return outcome

    # ---- Rails requests ---------------------------------------------------
    NORMAL = [
        ('GET', lambda: '/api/v1/timelines/home', 'json', 'Api::V1::Timelines::HomeController', 'show', '200'),
        ('GET', lambda: '/api/v1/notifications', 'json', 'Api::V1::NotificationsController', 'index', '200'),
        ('POST', lambda: '/inbox', 'json', 'ActivityPub::InboxesController', 'create', '202'),
        ('POST', lambda: '/users/%s/inbox' % rng.choice(USERS), 'json', 'ActivityPub::InboxesController',
         'create', '202'),
        ('GET', lambda: '/@%s/%d' % (rng.choice(USERS), rng.randint(111900000000000000, 112099999999999999)),
         'html', 'StatusesController', 'show', '200'),
        ('GET', lambda: '/health', '*/*', 'HealthController', 'show', '200'),
        ('GET', lambda: '/.well-known/webfinger', 'json', 'WellKnown::WebfingerController', 'show', '200'),
        ('GET', lambda: '/api/v1/instance', 'json', 'Api::V1::InstancesController', 'show', '200'),
        ('POST', lambda: '/api/v1/statuses', 'json', 'Api::V1::StatusesController', 'create', '200'),
        ('GET', lambda: '/users/%s' % rng.choice(USERS), 'json', 'AccountsController', 'show', '200'),
        ('GET', lambda: '/api/v1/accounts/verify_credentials', 'json',
         'Api::V1::Accounts::CredentialsController', 'show', '200'),
        ('GET', lambda: '/api/v2/search', 'json', 'Api::V2::SearchController', 'index', '200'),
        ('GET', lambda: '/.well-known/webfinger', 'json', 'WellKnown::WebfingerController', 'show', '404'),
        ('GET', lambda: '/api/v1/timelines/public', 'json', 'Api::V1::Timelines::PublicController', 'show',
         '200'),
    ]
    REDIRS = [
        ('GET', '/', 'HomeController', 'index', DOMAIN + '/auth/sign_in'),
        ('POST', '/auth/sign_in', 'Auth::SessionsController', 'create', DOMAIN + '/home'),
        ('GET', '/settings/profile', 'Settings::ProfilesController', 'show', DOMAIN + '/auth/sign_in'),
        ('GET', '/users/alice', 'AccountsController', 'show', DOMAIN + '/@alice'),
    ]
    ERRS = [('POST', '/api/v1/statuses', 'json', 'Api::V1::StatusesController', 'create',
             'Mastodon::RaceConditionError: Mastodon::RaceConditionError'),
            ('GET', '/api/v1/statuses/112004417395012345/context', 'json', 'Api::V1::StatusesController',
             'context', 'HTTP::TimeoutError: Read timed out after 10 seconds'),
            ('GET', '/@mxk/with_replies', 'html', 'AccountsController', 'show',
             "ActiveRecord::QueryCanceled: PG::QueryCanceled: ERROR:  canceling statement due to statement timeout")]
    SCANS = [('GET', '/wp-login.php'), ('GET', '/.env'), ('POST', '/xmlrpc.php'),
             ('GET', '/phpmyadmin/index.php?lang=en'), ('GET', '/.git/config')]
    MAILS = ['"UserMailer", "reset_password_instructions", "deliver_now", {:args=>[#<GlobalID:0x00007f3b2c1d8e40 '
             '@uri=#<URI::GID gid://mastodon/User/42>>, "Ks9xQwE2rT7vN1aZbY3c"]}',
             '"UserMailer", "confirmation_instructions", "deliver_now", {:args=>[#<GlobalID:0x00007f3b2b9a0c18 '
             '@uri=#<URI::GID gid://mastodon/User/318>>, "pQ4mZ8sXcV2bN6lK0jHg", {:to=>"new@example.com"}]}',
             '"NotificationMailer", "mention", "deliver_later", {:args=>[#<GlobalID:0x00007f3b2c004b70 '
             '@uri=#<URI::GID gid://mastodon/Account/7>>]}']

    def request(t):
        st['n'] += 1
        k = st['n']
        pid = rng.choice(PUMA)
        rid = S.uuid4()
        dur = rng.uniform(3, 180)
        te = t + int(dur * MSEC)
        hf = lambda lvl, aj=False: (lambda tt: rails_head(tt, lvl, pid, rid, aj))
        if k % 19 == 11:
            m, p = S.cyc(E_ROUTE, 0, SCANS)
            later(t + 2 * MSEC, hf('FATAL'), E_ROUTE, m, p)
        elif k % 31 == 20:
            m, p, fmt, c, a, err = S.cyc(E_ERR, 0, ERRS)
            later(te, hf('INFO'), E_ERR, m, p, fmt, c, a, err, '%.2f' % dur, f2(0.5, 40))
        elif k % 13 == 6:
            m, p, c, a, loc = S.cyc(E_REDIR, 0, REDIRS)
            later(te, hf('INFO'), E_REDIR, m, p, c, a, '%.2f' % dur, f2(0.3, 9), loc)
        elif k % 29 == 23:
            later(t + 4 * MSEC, hf('WARN'), E_CSRF)
            later(te, hf('INFO'), E_REQ, 'POST', '/auth/sign_in', 'html', 'Auth::SessionsController', 'create',
                  '422', '%.2f' % dur, f2(0.5, dur * 0.6), f2(0.2, dur * 0.3))
        elif k % 27 == 17:
            mail = S.cyc(E_AJ, 1, MAILS)
            later(t + int(dur * 0.6 * MSEC), hf('INFO', True), E_AJ, S.uuid4(), mail)
            path = '/auth/password' if 'reset' in mail else '/auth' if 'confirm' in mail else '/api/v1/statuses'
            ctl = {'/auth/password': 'Auth::PasswordsController', '/auth': 'Auth::RegistrationsController',
                   '/api/v1/statuses': 'Api::V1::StatusesController'}[path]
            later(te, hf('INFO'), E_REQ, 'POST', path, 'json' if path.startswith('/api') else 'html', ctl,
                  'create', '200', '%.2f' % dur, f2(0.5, dur * 0.6), f2(0.2, dur * 0.3))
            job(te + rng.randint(5, 400) * MSEC, 'ActionMailer::MailDeliveryJob')
        else:
            m, pf, fmt, c, a, status = rng.choice(NORMAL + NORMAL[:2] + NORMAL[4:8] + NORMAL[10:12])
            view = '0.00' if status == '202' else f2(0.5, dur * 0.6)
            later(te, hf('INFO'), E_REQ, m, pf(), fmt, c, a, status, '%.2f' % dur, view, f2(0.2, dur * 0.3))
            if c == 'ActivityPub::InboxesController':
                job(te + rng.randint(5, 300) * MSEC, 'ActivityPub::ProcessingWorker')
            elif c == 'Api::V1::StatusesController':
                tj = te + rng.randint(5, 200) * MSEC
                job(tj, 'DistributionWorker')
                if rng.random() < 0.4:
                    job(tj + rng.randint(1, 30) * MSEC, 'LinkCrawlWorker')
                for _ in range(rng.randint(0, 2)):
                    job(tj + rng.randint(20, 900) * MSEC, 'ActivityPub::DeliveryWorker')
        sim.at(t + S.exp_gap(1.5), request)

    def background(t):
        cls = rng.choice(['PushUpdateWorker', 'LocalNotificationWorker', 'FeedInsertWorker',
                          'ThreadResolveWorker', 'Scheduler::ScheduledStatusesScheduler'])
        job(t, cls)
        sim.at(t + S.exp_gap(9.0), background)

    base = (17 * 3600 + 6 * 60) * SEC + 120 * MSEC
    sim.at(base, request)
    sim.at(base + 700 * MSEC, background)
    # failing remote inboxes: first try, two retries (Sidekiq backoff), later a recovery
    for i, inbox in enumerate(BAD):
        t0 = base + (6 + 13 * i) * SEC + rng.randint(0, 999) * MSEC
        jid = S.hexid(96)
        for r, gap in enumerate([0, rng.randint(16, 30), rng.randint(31, 50)]):
            t0 += gap * SEC + rng.randint(0, 999) * MSEC
            sim.at(t0, lambda tt, ib=inbox, j=jid: job(tt, 'ActivityPub::DeliveryWorker', delivery_failure(ib), j))
        sim.at(t0 + rng.randint(35, 80) * SEC + rng.randint(0, 999) * MSEC,
               lambda tt, ib=inbox: job(tt, 'ActivityPub::DeliveryWorker', delivery_recovery(ib)))
    # a short Redis outage seen by the Sidekiq fetcher threads (no job context)
    tr = base + 95 * SEC
    for i, err in enumerate(['Errno::ECONNREFUSED', 'Errno::ECONNREFUSED', 'Errno::ETIMEDOUT']):
        tid = TIDS[(i * 3) % len(TIDS)]
        later(tr + i * 1300 * MSEC, lambda tt, tid=tid: sk_head(tt, 'WARN', tid), E_REDIS, err)
    sim.run(lambda: len(S.rows) >= N_LINES)
    S.rows = S.rows[:N_LINES]
    return S


SYSTEMS = [
    ('Hive', gen_hive, HIVE_HEADER, hive_time),
    ('Impala', gen_impala, IMPALA_HEADER, impala_time),
    ('Nextcloud', gen_nextcloud, NEXTCLOUD_HEADER, nextcloud_time),
    ('PiholeFTL', gen_ftl, FTL_HEADER, ftl_time),
    ('Terraform', gen_terraform, TERRAFORM_HEADER, terraform_time),
    ('Mastodon', gen_mastodon, MASTODON_HEADER, mastodon_time),
]


def write(S):
    d = os.path.join(HERE, S.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, S.name + '.log'), 'w', encoding='utf-8', newline='\n') as f:
        for head, content, _ in S.rows:
            f.write(head + content + '\n')
    with open(os.path.join(d, S.name + '.log_structured.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['LineId', 'Content', 'EventId', 'EventTemplate'])
        for i, (_, content, ev) in enumerate(S.rows, 1):
            w.writerow([i, content, 'E%d' % ev, S.templates[ev - 1]])


def template_regex(tpl):
    return re.compile('^' + '(.+?)'.join(re.escape(p) for p in tpl.split('<*>')) + '$', re.S)


def self_check(name, header_re, time_key, declared):
    d = os.path.join(HERE, name)
    with open(os.path.join(d, name + '.log'), encoding='utf-8', newline='') as f:
        raw = f.read()
    assert raw.endswith('\n') and '\r' not in raw, name
    lines = raw[:-1].split('\n')
    assert len(lines) == N_LINES, (name, len(lines))
    with open(os.path.join(d, name + '.log_structured.csv'), encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f))
    assert rows[0] == ['LineId', 'Content', 'EventId', 'EventTemplate'], name
    body = rows[1:]
    assert len(body) == N_LINES, (name, len(body))
    tpl_of = {}
    counts = Counter()
    caps = defaultdict(lambda: defaultdict(set))
    prev = None
    cache = {}
    for i, (row, ln) in enumerate(zip(body, lines), 1):
        assert len(row) == 4, (name, i)
        lid, content, eid, tpl = row
        assert lid == str(i), (name, i)
        assert content and content == content.strip(), (name, i)
        assert ln.endswith(content), (name, i)
        head = ln[:len(ln) - len(content)]
        assert header_re.fullmatch(head), (name, i, head)
        tk = time_key(head)
        assert prev is None or tk >= prev, (name, i, prev, tk)
        prev = tk
        assert tpl_of.setdefault(eid, tpl) == tpl, (name, eid)
        rx = cache.get(tpl) or cache.setdefault(tpl, template_regex(tpl))
        m = rx.fullmatch(content)
        assert m, (name, i, tpl, content)
        for g, v in enumerate(m.groups()):
            caps[eid][g].add(v)
        counts[eid] += 1
        if name == 'Nextcloud':
            json.loads(ln)
    expected = {'E%d' % (k + 1): t for k, t in enumerate(declared)}
    assert tpl_of == expected, (name, 'every declared event used, ids in declaration order')
    assert len(set(tpl_of.values())) == len(tpl_of), name
    for eid, tpl in tpl_of.items():
        for g in range(tpl.count('<*>')):
            assert len(caps[eid][g]) >= 2, (name, eid, g, caps[eid][g])
    n = list(counts.values())
    assert 12 <= len(n) <= 15, (name, len(n))
    assert min(n) >= 3, (name, counts)
    assert sum(1 for c in n if 3 <= c <= 10) >= 3, (name, counts)
    assert max(n) >= 3 * statistics.median(n), (name, counts)
    return counts


def main():
    built = []
    for name, gen, _, _ in SYSTEMS:
        S = gen()
        assert S.name == name and len(S.rows) == N_LINES, (name, len(S.rows))
        write(S)
        built.append(S)
    for (name, _, hre, tkey), S in zip(SYSTEMS, built):
        counts = self_check(name, hre, tkey, S.templates)
        ordered = sorted(counts, key=lambda e: int(e[1:]))
        print('%-10s %2d events: %s' % (name, len(counts), ' '.join('%s=%d' % (e, counts[e]) for e in ordered)))
    print('self-check passed')


if __name__ == '__main__':
    main()
