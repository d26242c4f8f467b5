#!/usr/bin/env python3
"""Sealed 46: blind labelled log corpus generator.

Python 3 standard library only and fully deterministic: no wall clock, no locale.
Base seed 20270153; system k (1..6) uses random.Random(20270153 * 10 + k).
Time is an integer nanosecond clock on 2026-03-14 UTC (a Saturday).

Running this script writes, for every system, <System>/<System>.log (300 raw lines)
and <System>/<System>.log_structured.csv (LineId,Content,EventId,EventTemplate),
then re-reads every file and self-checks it, printing a per-system summary.
"""
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270153
OUT = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300

MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
YEAR, MONTH, DAY = 2026, 3, 14
WEEKDAY = 'Sat'                      # 2026-03-14 is a Saturday
EPOCH_DAYS = 20526                   # days from 1970-01-01 to 2026-03-14

US = 10 ** 3
MS = 10 ** 6
SEC = 10 ** 9
MIN = 60 * SEC
HOUR = 60 * MIN
DAY_NS = 24 * HOUR

HEX = '0123456789abcdef'


# --------------------------------------------------------------------------- time formatting
def hms(ns):
    if not 0 <= ns < DAY_NS:
        raise ValueError('clock left 2026-03-14: %d' % ns)
    s, frac = divmod(ns, SEC)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    return h, m, s, frac


def date_iso():
    return '%04d-%02d-%02d' % (YEAR, MONTH, DAY)


def clock(ns, sep='.', digits=3):
    h, m, s, frac = hms(ns)
    out = '%02d:%02d:%02d' % (h, m, s)
    if digits:
        out += sep + '%0*d' % (digits, frac // 10 ** (9 - digits))
    return out


def ctime_utc(ns):
    """Java Date.toString() style in UTC: Sat Mar 14 09:10:11 UTC 2026."""
    return '%s %s %02d %s UTC %d' % (WEEKDAY, MONTHS[MONTH - 1], DAY, clock(ns, digits=0), YEAR)


def ctime_plain(ns):
    """C ctime() style without the zone: Sat Mar 14 09:10:11 2026."""
    return '%s %s %02d %s %d' % (WEEKDAY, MONTHS[MONTH - 1], DAY, clock(ns, digits=0), YEAR)


def epoch_ms(ns):
    return EPOCH_DAYS * 86400 * 1000 + ns // MS


# --------------------------------------------------------------------------- value helpers
def hexs(R, n, alphabet=HEX):
    return ''.join(R.choice(alphabet) for _ in range(n))


def uuid4(R):
    return '%s-%s-4%s-%s%s-%s' % (hexs(R, 8), hexs(R, 4), hexs(R, 3), R.choice('89ab'),
                                   hexs(R, 3), hexs(R, 12))


def expgap(R, mean_ns):
    return 1 + int(R.expovariate(1.0 / mean_ns))


# --------------------------------------------------------------------------- corpus core
class Corpus:
    def __init__(self, k, name, mode):
        self.k = k
        self.name = name
        self.mode = mode
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.events = []        # declaration order -> E1, E2, ...
        self.tpl = {}
        self.eid = {}
        self._cyc = {}
        self.recs = []
        self.seq = 0
        self.state = {}

    def ev(self, key, template):
        assert key not in self.tpl, key
        assert template not in self.tpl.values(), template
        self.events.append(key)
        self.tpl[key] = template
        self.eid[key] = 'E%d' % len(self.events)

    def cy(self, key, slot, pool):
        """Cycle through a small pool per (event, slot)."""
        n = self._cyc.get((key, slot), 0)
        self._cyc[(key, slot)] = n + 1
        return pool[n % len(pool)]

    def emit(self, ns, key, vals, hdr):
        vals = tuple(str(v) for v in vals)
        self.recs.append((ns, self.seq, key, vals, hdr))
        self.seq += 1

    def content(self, key, vals):
        parts = self.tpl[key].split('<*>')
        assert len(parts) == len(vals) + 1, (key, vals)
        out = parts[0]
        for v, p in zip(vals, parts[1:]):
            assert v and '\n' not in v and '\r' not in v, (key, v)
            out += v + p
        return out


def shuffled(c, counts, start_ns, mean_gap_ns, gens):
    """Seeded shuffle: fixed count per event, shuffled, forward-only exponential clock."""
    assert list(counts) == c.events, 'counts must follow declaration order'
    order = []
    for key in c.events:
        order += [key] * counts[key]
    assert len(order) == N_LINES
    c.rng.shuffle(order)
    t = start_ns
    for key in order:
        t += expgap(c.rng, mean_gap_ns)
        vals, hdr = gens[key](t)
        c.emit(t, key, vals, hdr)


# =========================================================================== 1. Tarantool
TT_PID = 28417
TT_DIR = '/var/lib/tarantool/storage_a'


def tarantool_header(ns, h):
    src = (h['src'] + ' ') if h.get('src') else ''
    return '%s %s [%d] %s %s%s> ' % (date_iso(), clock(ns), TT_PID, h['fiber'], src, h['lvl'])


TARANTOOL_HDR = re.compile(r'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \[\d+\] [a-z]+/\S+ '
                           r'(?:[a-z_]+\.(?:c|cc):\d+ )?[FSCE!WIVD]> ')


def build_tarantool():
    c = Corpus(1, 'Tarantool', 'shuffle')
    R = c.rng
    E = c.ev
    E('cfg_set', "set '<*>' configuration option to <*>")
    E('ckpt_sched', 'scheduled next checkpoint for <*>')
    E('snap_save', "saving snapshot `<*>'")
    E('snap_done', 'done')
    E('wal_slow', 'too long WAL write: <*> rows at LSN <*>: <*> sec')
    E('app_master', 'remote master <*> at <*> running Tarantool <*>')
    E('app_auth', 'authenticated')
    E('relay_recover', "recover from `<*>'")
    E('app_noconn', "can't connect to master")
    E('app_syserr', 'SystemError connect, called on fd <*>, aka <*>: <*>')
    E('app_retry', 'will retry every <*> second')
    E('sub_replica', 'subscribed replica <*> at fd <*>, aka 10.20.1.11:3301, peer of <*>')
    E('vclock', 'remote vclock <*> local vclock <*>')
    E('orphan_in', 'entering orphan mode')
    E('orphan_out', 'leaving orphan mode')

    counts = dict(cfg_set=40, ckpt_sched=28, snap_save=24, snap_done=24, wal_slow=85,
                  app_master=12, app_auth=12, relay_recover=10, app_noconn=14, app_syserr=14,
                  app_retry=14, sub_replica=8, vclock=8, orphan_in=4, orphan_out=3)

    masters = [('10.20.1.12:3301', uuid4(R), 112), ('10.20.1.13:3301', uuid4(R), 113),
               ('10.20.1.16:3301', uuid4(R), 117)]
    replicas = [('10.20.1.14', uuid4(R)), ('10.20.1.15', uuid4(R))]
    options = [('listen', '"3301"'), ('memtx_memory', '1073741824'), ('replication_timeout', '1'),
               ('log_level', '5'), ('checkpoint_interval', '3600'), ('read_only', 'false'),
               ('replication_connect_quorum', '2'),
               ('replication', '["replicator@10.20.1.12:3301", "replicator@10.20.1.13:3301"]'),
               ('net_msg_max', '1536'), ('too_long_threshold', '0.5'), ('readahead', '65536'),
               ('wal_mode', '"write"'), ('memtx_max_tuple_size', '4194304'), ('log_format', '"plain"')]
    lsn = [4186211]

    def next_lsn():
        lsn[0] += R.randint(40, 9000)
        return lsn[0]

    def applier(key, extra=None):
        addr, uid, fid = c.cy(key, 'master', masters)
        h = dict(fiber='main/%d/applier/replicator@%s' % (fid, addr), lvl='I')
        if extra:
            h.update(extra)
        return addr, uid, h

    def g_cfg(t):
        opt, val = c.cy('cfg_set', 'opt', options)
        return [opt, val], dict(fiber=c.cy('cfg_set', 'fib', ['main/103/interactive', 'main/101/storage.lua']), lvl='I')

    def g_ckpt(t):
        nxt = min(t + 3600 * SEC + R.randint(-300, 300) * SEC, DAY_NS - SEC)
        return [ctime_plain(nxt)], dict(fiber='main/105/checkpoint_daemon', lvl='I')

    def g_snap(t):
        return ['%s/%020d.snap.inprogress' % (TT_DIR, next_lsn())], dict(fiber='snapshot/101/main', lvl='I')

    def g_done(t):
        return [], dict(fiber='snapshot/101/main', lvl='I')

    def g_wal(t):
        rows = R.choice([1, 1, 1, 1, 2, 2, 3, 5, 8, 17, 64])
        sec = R.choice([0.5, 0.5, 0.6, 0.8, 1.1, 1.9, 3.4]) + R.random() * 0.3
        fib = c.cy('wal_slow', 'fib', ['main/118/main', 'main/131/main', 'main/122/main',
                                         'main/112/applier/replicator@10.20.1.12:3301',
                                         'main/140/main', 'main/127/main'])
        return [rows, next_lsn(), '%.3f' % sec], dict(fiber=fib, lvl='W', src='txn.c:623')

    def g_master(t):
        addr, uid, h = applier('app_master')
        ver = c.cy('app_master', 'ver', ['2.11.2-0-g5e5ba4d', '2.11.1-0-g96877bd', '2.11.2-0-g5e5ba4d'])
        return [uid, addr, ver], h

    def g_auth(t):
        return [], applier('app_auth')[2]

    def g_recover(t):
        ip, _uid = c.cy('relay_recover', 'rep', replicas)
        return ['%s/%020d.xlog' % (TT_DIR, next_lsn() - R.randint(10000, 900000))], \
            dict(fiber='relay/%s:%d/101/main' % (ip, R.randint(33000, 60999)), lvl='I')

    def g_noconn(t):
        return [], applier('app_noconn')[2]

    def g_syserr(t):
        addr, uid, h = applier('app_syserr', dict(lvl='!', src='coio.cc:105'))
        reason = c.cy('app_syserr', 'why', ['Connection refused', 'No route to host',
                                            'Connection refused', 'Connection timed out'])
        local = '10.20.1.11:%d' % R.randint(33000, 60999)
        return [R.randint(19, 61), local, reason], h

    def g_retry(t):
        addr, uid, h = applier('app_retry')
        return [c.cy('app_retry', 'iv', ['1.00', '1.00', '0.50', '2.00'])], h

    def g_sub(t):
        ip, uid = c.cy('sub_replica', 'rep', replicas)
        return [uid, R.randint(21, 70), '%s:%d' % (ip, R.randint(33000, 60999))], \
            dict(fiber='main/%d/main' % R.randint(130, 190), lvl='I')

    def g_vclock(t):
        a, b = next_lsn(), R.randint(900, 48000)
        rem = '{1: %d, 2: %d}' % (a - R.randint(0, 4000), b)
        loc = '{1: %d, 2: %d}' % (a, b - R.randint(0, 300))
        return [rem, loc], dict(fiber='main/%d/main' % R.randint(130, 190), lvl='I')

    def g_orphan(t):
        return [], dict(fiber='main/103/interactive', lvl='I')

    gens = dict(cfg_set=g_cfg, ckpt_sched=g_ckpt, snap_save=g_snap, snap_done=g_done, wal_slow=g_wal,
                app_master=g_master, app_auth=g_auth, relay_recover=g_recover, app_noconn=g_noconn,
                app_syserr=g_syserr, app_retry=g_retry, sub_replica=g_sub, vclock=g_vclock,
                orphan_in=g_orphan, orphan_out=g_orphan)
    shuffled(c, counts, 7 * HOUR + 41 * MIN + 3 * SEC + 118 * MS, 23 * SEC, gens)
    return c


# =========================================================================== 2. OrientDb
def orientdb_header(ns, h):
    return '%s %s %s ' % (date_iso(), clock(ns, sep=':'), h['lvl'])


ORIENTDB_HDR = re.compile(r'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d:\d{3} (?:INFO |WARNI|SEVER|CONFI|FINE |FINER|FINES) ')


def build_orientdb():
    c = Corpus(2, 'OrientDb', 'shuffle')
    R = c.rng
    E = c.ev
    S = '[OLocalPaginatedStorage]'
    E('listen', 'Listening <*> connections on <*> (protocol v.<*>, socket=default) [OServerNetworkListener]')
    E('dbdir', 'Databases directory: <*> [OServer]')
    E('studio', 'OrientDB Studio available at <*> [OServer]')
    E('st_opened', "{db=<*>} Storage '<*>' is opened under OrientDB distribution : "
                   "3.2.27 (build 5f2e7a1c, branch 3.2.x) " + S)
    E('st_closed', "{db=<*>} Storage '<*>' was closed " + S)
    E('st_dirty', "{db=<*>} Storage '<*>' was not closed properly. Will try to recover from write ahead log " + S)
    E('wal_progress', '{db=<*>} <*> operations were processed, current LSN is <*> last LSN is <*> ' + S)
    E('wal_done', '{db=<*>} Storage data recover was completed ' + S)
    E('wc_flush', '{db=<*>} Flushed <*> dirty pages of write cache in <*> [OWOWCache]')
    E('node_join', '[orientdb-a] Node <*> joined the cluster [OHazelcastPlugin]')
    E('node_left', '[orientdb-a] Node <*> left the cluster [OHazelcastPlugin]')
    E('lowmem', 'Not enough physical memory available for DISKCACHE: <*> (heap=<*>). Set lower Maximum Heap '
                '(-Xmx setting on JVM) and restart OrientDB. Now running with DISKCACHE=<*> [orientechnologies]')
    E('st_exc', '{db=<*>} Exception `<*>` in storage `<*>`: <*> ' + S)
    E('http_err', 'Error on HTTP request <*> <*> from <*>: <*> [ONetworkProtocolHttpAbstract]')

    counts = dict(listen=8, dbdir=4, studio=4, st_opened=30, st_closed=26, st_dirty=9, wal_progress=45,
                  wal_done=9, wc_flush=75, node_join=14, node_left=12, lowmem=5, st_exc=20, http_err=39)

    dbs = ['inventory', 'crm_prod', 'telemetry', 'userstore', 'catalog_v2', 'audit_trail']

    def dbp(key):
        db = c.cy(key, 'db', dbs)
        base = c.cy(key, 'base', ['/opt/orientdb/databases', '/opt/orientdb/databases', '/data/orientdb/databases'])
        return db, 'plocal:%s/%s' % (base, db)

    def info(vals):
        return vals, dict(lvl='INFO ')

    def g_listen(t):
        kind, addr, proto = c.cy('listen', 'l', [('binary', '0.0.0.0:2424', '37'), ('http', '0.0.0.0:2480', '10'),
                                                 ('binary', '10.4.7.21:2425', '37'), ('http', '10.4.7.21:2481', '10')])
        return info([kind, addr, proto])

    def g_dbdir(t):
        return info([c.cy('dbdir', 'd', ['/opt/orientdb/databases', '/data/orientdb/databases'])])

    def g_studio(t):
        return info([c.cy('studio', 'u', ['http://10.4.7.21:2480/studio/index.html',
                                          'http://odb-a.lab.internal:2480/studio/index.html'])])

    def g_opened(t):
        return info(list(dbp('st_opened')))

    def g_closed(t):
        return info(list(dbp('st_closed')))

    def g_dirty(t):
        return info(list(dbp('st_dirty')))

    def g_walp(t):
        db = c.cy('wal_progress', 'db', dbs)
        n = R.choice([1000, 2000, 5000, 10000, 20000, 30000, 50000, 100000])
        seg = R.randint(3, 1900)
        cur = 'LSN{segment=%d, position=%d}' % (seg, R.randint(0, 40) * 65536 + R.randint(0, 65535))
        last = 'LSN{segment=%d, position=%d}' % (seg + R.randint(1, 40), R.randint(0, 40) * 65536 + R.randint(0, 65535))
        return info([db, n, cur, last])

    def g_wald(t):
        return info([c.cy('wal_done', 'db', dbs)])

    def g_flush(t):
        db = c.cy('wc_flush', 'db', dbs)
        pages = R.choice([R.randint(1, 60), R.randint(60, 900), R.randint(900, 30000)])
        dur = '%dms' % R.randint(2, 900) if R.random() < 0.8 else '%.1fs' % (1 + R.random() * 9)
        return info([db, pages, dur])

    nodes = ['orientdb-b', 'orientdb-c', 'orientdb-d']

    def g_join(t):
        return info([c.cy('node_join', 'n', nodes)])

    def g_left(t):
        return info([c.cy('node_left', 'n', nodes)])

    def g_lowmem(t):
        disk, heap, now = c.cy('lowmem', 'm', [('3,896MB', '1,024MB', '2,872MB'), ('15,802MB', '8,192MB', '6,914MB'),
                                               ('7,811MB', '4,096MB', '3,203MB')])
        return [disk, heap, now], dict(lvl='WARNI')

    reasons = [
        'Cannot find record #%d:%d (ORecordNotFoundException)',
        'Error during page flush of file \'%s\' (OStorageException)',
        'Cannot update record #%d:%d: found version %d but the database has version %d (OConcurrentModificationException)',
        'No space left on device (java.io.IOException)',
        'Found duplicated key \'%s\' in index \'%s\' previously assigned to the record #%d:%d (ORecordDuplicatedException)',
    ]

    def g_exc(t):
        db, st = dbp('st_exc')
        r = c.cy('st_exc', 'why', reasons)
        if r.startswith('Cannot find'):
            r = r % (R.randint(9, 60), R.randint(0, 400000))
        elif r.startswith('Error during'):
            r = r % R.choice(['v.pcl', 'e_4.pcl', 'ouser.pcl', 'internal.cpm'])
        elif r.startswith('Cannot update'):
            v = R.randint(2, 90)
            r = r % (R.randint(9, 60), R.randint(0, 400000), v, v + R.randint(1, 3))
        elif r.startswith('Found dup'):
            r = r % (R.choice(['alice@example.org', 'SKU-40112', 'dev-7731']),
                     R.choice(['User.email', 'Product.sku', 'Device.serial']), R.randint(9, 60), R.randint(0, 99999))
        return [db, hexs(R, 8, '0123456789ABCDEF'), st, r], dict(lvl='SEVER')

    def g_http(t):
        meth, path = c.cy('http_err', 'req', [
            ('GET', '/document/inventory/#33:%d' % R.randint(0, 9999)),
            ('POST', '/command/crm_prod/sql'),
            ('GET', '/query/telemetry/sql/select%%20from%%20Reading%%20limit%%20%d' % R.choice([20, 50, 100])),
            ('PUT', '/document/userstore/#41:%d' % R.randint(0, 9999)),
            ('GET', '/database/catalog_v2'),
            ('DELETE', '/document/audit_trail/#17:%d' % R.randint(0, 9999))])
        peer = '/10.4.%d.%d:%d' % (R.randint(1, 9), R.randint(2, 250), R.randint(32768, 60999))
        why = c.cy('http_err', 'why', ['Connection reset by peer', 'Broken pipe',
                                       'Read timed out after 30000 ms', 'Invalid authentication credentials',
                                       'Request entity too large'])
        return [meth, path, peer, why], dict(lvl='WARNI')

    gens = dict(listen=g_listen, dbdir=g_dbdir, studio=g_studio, st_opened=g_opened, st_closed=g_closed,
                st_dirty=g_dirty, wal_progress=g_walp, wal_done=g_wald, wc_flush=g_flush, node_join=g_join,
                node_left=g_left, lowmem=g_lowmem, st_exc=g_exc, http_err=g_http)
    shuffled(c, counts, 8 * HOUR + 2 * MIN + 47 * SEC + 306 * MS, 17 * SEC, gens)
    return c


# =========================================================================== 3. RavenDb (simulation)
def ravendb_header(ns, h):
    return '%sT%sZ, %d, %s, %s, %s, ' % (date_iso(), clock(ns, digits=7), h['thr'], h['lvl'], h['src'], h['logger'])


RAVENDB_HDR = re.compile(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z, \d+, (?:Information|Operations), '
                         r'[A-Za-z0-9_.-]+, [A-Za-z0-9_.]+, ')


def build_ravendb():
    c = Corpus(3, 'RavenDb', 'simulation')
    R = c.rng
    E = c.ev
    E('db_init_start', 'Starting database initialization')
    E('db_init_done', 'Finished database initialization in <*> ms')
    E('idx_started', "Index '<*>' was started")
    E('idx_stopped', "Index '<*>' was stopped")
    E('idx_batch', "Indexed <*> documents for index '<*>' in <*> ms, batch stopped because: <*>")
    E('voron_flush', 'Flushed <*> pages to the data file in <*> ms')
    E('db_idle', "Database '<*>' was idle for <*>, unloading it")
    E('db_unloaded', "Unloaded database '<*>' in <*> ms")
    E('repl_conn', 'Connected to <*> for outgoing replication')
    E('repl_fail', 'Failed to send documents to <*>: <*>')
    E('req_err', 'Error while processing request <*> <*> (took <*> ms): <*>')
    E('backup_done', "Backup task '<*>' completed successfully in <*>")
    E('expire', 'Deleted <*> expired documents in <*> ms')
    E('lowmem', 'Low memory detected: available memory is <*>, threshold is <*>')

    L_DB = 'Raven.Server.Documents.DocumentDatabase'
    L_IDXSTORE = 'Raven.Server.Documents.Indexes.IndexStore'
    L_IDX = 'Raven.Server.Documents.Indexes.MapIndex'
    L_JOURNAL = 'Voron.Impl.Journal.WriteAheadJournal'
    L_LANDLORD = 'Raven.Server.Documents.DatabasesLandlord'
    L_REPL = 'Raven.Server.Documents.Replication.OutgoingReplicationHandler'
    L_ROUTER = 'Raven.Server.Routing.RequestRouter'
    L_BACKUP = 'Raven.Server.Documents.PeriodicBackup.BackupTask'
    L_EXP = 'Raven.Server.Documents.Expiration.ExpiredDocumentsCleaner'
    L_MEM = 'Raven.Server.LowMemory.LowMemoryNotification'

    peers = ['https://raven-b.corp.example:443', 'https://raven-c.corp.example:443']
    stop_reasons = ['No more documents to index', 'Reached maximum batch size',
                    'Exceeded the allocated memory budget of 64 MBytes',
                    'Maximum time for batch (00:01:00) reached', 'No more documents to index']
    req_errors = ['Document id orders/%d-A does not exist',
                  'Concurrency violation, expected change vector A:%d-kD4sQ1z9bE2 but was A:%d-kD4sQ1z9bE2',
                  'The operation was canceled because the client disconnected',
                  'Index \'Orders/ByCompany\' is stale and WaitForNonStaleResults timed out after 00:00:15',
                  'Query with too many results (over %d) was aborted']
    repl_errors = ['Unable to connect to the remote server', 'The SSL connection could not be established',
                   'A task was canceled', 'Connection reset by peer']

    dbs = [
        ('Northwind', ['Orders/ByCompany', 'Products/Search', 'Employees/ByLastName', 'Orders/Totals']),
        ('Orders-EU', ['Orders/ByShipCountry', 'Auto/Orders/ByShipTo.City']),
        ('Telemetry', ['Readings/DailyAverages', 'Devices/ByStatus', 'Readings/BySensor']),
        ('Billing', ['Invoices/Unpaid', 'Invoices/ByCustomer']),
    ]

    def thr():
        return R.choice([R.randint(1, 40), R.randint(40, 260), R.randint(260, 900)])

    def H(lvl, src, logger):
        return dict(thr=thr(), lvl=lvl, src=src, logger=logger)

    def database(name, idxs, t0, active, idle_min):
        I = 'Information'
        t = t0
        c.emit(t, 'db_init_start', [], H(I, name, L_DB))
        for ix in idxs:
            t += R.randint(3, 60) * MS + R.randint(0, MS)
            c.emit(t, 'idx_started', [ix], H(I, name, L_IDXSTORE))
        t += R.randint(20, 400) * MS
        c.emit(t, 'db_init_done', [R.randint(180, 4200)], H(I, name, L_DB))
        for p in peers:
            t += R.randint(50, 900) * MS
            c.emit(t, 'repl_conn', ['%s/databases/%s' % (p, name)], H(I, name, L_REPL))
        end = t + active
        nxt = dict(batch=t + expgap(R, 40 * SEC), flush=t + expgap(R, 80 * SEC), req=t + expgap(R, 5 * MIN),
                   repl=t + expgap(R, 12 * MIN), exp=t + expgap(R, 6 * MIN), backup=t + expgap(R, 5 * MIN))
        while True:
            kind = min(nxt, key=lambda k: nxt[k])
            t = nxt[kind]
            if t >= end:
                break
            if kind == 'batch':
                ix = R.choice(idxs)
                docs = R.choice([R.randint(1, 40), R.randint(40, 2000), R.randint(2000, 65000)])
                c.emit(t, 'idx_batch', [docs, ix, R.randint(1, 30) if docs < 40 else R.randint(30, 9000),
                                        c.cy('idx_batch', 'why', stop_reasons)], H(I, name, L_IDX))
                nxt[kind] = t + expgap(R, 40 * SEC)
            elif kind == 'flush':
                c.emit(t, 'voron_flush', [R.randint(2, 6000), R.randint(1, 800)], H(I, name, L_JOURNAL))
                nxt[kind] = t + expgap(R, 80 * SEC)
            elif kind == 'req':
                meth, path = c.cy('req_err', 'rq', [
                    ('GET', '/databases/%s/docs?id=orders/%d-A' % (name, R.randint(1, 9999))),
                    ('PUT', '/databases/%s/docs?id=companies/%d-A' % (name, R.randint(1, 999))),
                    ('POST', '/databases/%s/queries?queryHash=%d' % (name, R.randint(10 ** 17, 10 ** 18))),
                    ('POST', '/databases/%s/bulk_docs' % name)])
                err = c.cy('req_err', 'err', req_errors)
                if '%d' in err:
                    n = R.randint(100, 90000)
                    err = err % ((n,) if err.count('%d') == 1 else (n, n + R.randint(1, 40)))
                c.emit(t, 'req_err', [meth, path, R.randint(1, 15000), err], H('Operations', name, L_ROUTER))
                nxt[kind] = t + expgap(R, 5 * MIN)
            elif kind == 'repl':
                c.emit(t, 'repl_fail', ['%s/databases/%s' % (R.choice(peers), name),
                                        c.cy('repl_fail', 'e', repl_errors)], H('Operations', name, L_REPL))
                nxt[kind] = t + expgap(R, 12 * MIN)
            elif kind == 'exp':
                c.emit(t, 'expire', [R.randint(1, 4000), R.randint(2, 1500)], H(I, name, L_EXP))
                nxt[kind] = t + expgap(R, 6 * MIN)
            elif kind == 'backup':
                secs = R.randint(1, 400)
                dur = '00:%02d:%02d.%07d' % (secs // 60, secs % 60, R.randint(0, 9999999))
                task = c.cy('backup_done', 'task', ['Nightly full backup', 'Incremental to S3',
                                                    'Hourly snapshot'])
                c.emit(t, 'backup_done', [task, dur], H('Operations', name, L_BACKUP))
                nxt[kind] = t + expgap(R, 9 * MIN)
        t = end + idle_min * MIN + R.randint(0, 59) * SEC
        c.emit(t, 'db_idle', [name, '00:%02d:%02d' % (idle_min, R.randint(0, 59))], H(I, 'Server', L_LANDLORD))
        for ix in idxs:
            t += R.randint(1, 40) * MS + R.randint(0, MS)
            c.emit(t, 'idx_stopped', [ix], H(I, name, L_IDXSTORE))
        t += R.randint(5, 900) * MS
        c.emit(t, 'db_unloaded', [name, R.randint(30, 2500)], H(I, 'Server', L_LANDLORD))
        return t

    start = 9 * HOUR + 12 * MIN + 40 * SEC + 551 * MS
    starts = [start, start + 47 * SEC, start + 4 * MIN + 2 * SEC, start + 9 * MIN + 31 * SEC]
    actives = [55 * MIN, 18 * MIN, 12 * MIN, 8 * MIN]
    idles = [15, 5, 5, 5]
    for (name, idxs), t0, act, idl in zip(dbs, starts, actives, idles):
        tend = database(name, idxs, t0, act, idl)
        if name in ('Orders-EU', 'Billing', 'Telemetry'):      # loaded again on the next request
            database(name, idxs, tend + R.randint(3, 9) * MIN, act, idl)

    # server-wide low memory monitor
    t = start + 2 * MIN
    for _ in range(12):
        t += expgap(R, 7 * MIN)
        avail = '%.2f MBytes' % (R.randint(9000, 99000) / 100.0)
        thr_v = c.cy('lowmem', 'th', ['1.00 GBytes', '512.00 MBytes'])
        c.emit(t, 'lowmem', [avail, thr_v], H('Operations', 'Server', L_MEM))
    return c


# =========================================================================== 4. ApacheDerby (simulation)
DERBY_DATE_LINE = re.compile(r'(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:%s) \d\d \d\d:\d\d:\d\d UTC \d{4}' % '|'.join(MONTHS))


def derby_header(ns, h):
    kind = h['kind']
    if kind == 'none':
        return ''
    if kind == 'date':
        return ctime_utc(ns) + ': '
    return '%s %s GMT Thread[%s,5,main] (XID = %d), (SESSIONID = %d), (DATABASE = %s), (DRDAID = %s), ' % (
        date_iso(), clock(ns), h['thread'], h['xid'], h['sess'], h['db'], h['drda'])


DERBY_HDR = re.compile(r'(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} GMT Thread\[[^\]]+,\d+,[a-z]+\] '
                       r'\(XID = \d+\), \(SESSIONID = \d+\), \(DATABASE = [^)]+\), \(DRDAID = [^)]+\), '
                       r'|' + DERBY_DATE_LINE.pattern + r': )?')


def build_derby():
    c = Corpus(4, 'ApacheDerby', 'simulation')
    R = c.rng
    E = c.ev
    E('sep', '-' * 64)
    E('date_line', '<*>:')
    E('booting', 'Booting Derby version The Apache Software Foundation - Apache Derby - 10.14.2.0 - (1828579): '
                 'instance <*>')
    E('on_dir', 'on database directory <*> with class loader <*>')
    E('loaded_from', 'Loaded from <*>')
    E('prop', '<*>=<*>')
    E('cl_started', 'Database Class Loader started - derby.database.classpath=<*>')
    E('shutdown_inst', 'Shutting down instance <*> on database directory <*> with class loader <*>')
    E('begin_compile', 'Begin compiling prepared statement: <*> :End prepared statement')
    E('end_compile', 'End compiling prepared statement: <*> :End prepared statement')
    E('exec', 'Executing prepared statement: <*> :End prepared statement')
    E('cleanup_start', 'Cleanup action starting')
    E('failed_stmt', 'Failed Statement is: <*>')
    E('error', 'ERROR <*>: <*>')
    E('cleanup_done', 'Cleanup action completed')

    NONE = dict(kind='none')
    DATE = dict(kind='date')
    sql = {
        'ordersdb': [
            'SELECT ORDER_ID, STATUS, TOTAL_CENTS FROM APP.ORDERS WHERE CUSTOMER_ID = ?',
            'INSERT INTO APP.ORDERS (ORDER_ID, CUSTOMER_ID, STATUS, TOTAL_CENTS, CREATED_AT) '
            'VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)',
            'UPDATE APP.ORDERS SET STATUS = ? WHERE ORDER_ID = ?',
            'SELECT COUNT(*) FROM APP.ORDER_LINES WHERE ORDER_ID = ?',
            'DELETE FROM APP.CART_ITEMS WHERE SESSION_KEY = ?',
            'INSERT INTO APP.ORDER_LINES (ORDER_ID, LINE_NO, SKU, QTY) VALUES (?, ?, ?, ?)',
        ],
        'auditdb': [
            'INSERT INTO AUDIT.EVENTS (EVENT_TS, ACTOR, ACTION, TARGET) VALUES (?, ?, ?, ?)',
            'SELECT MAX(EVENT_ID) FROM AUDIT.EVENTS',
            'SELECT ACTOR, ACTION FROM AUDIT.EVENTS WHERE EVENT_TS > ? ORDER BY EVENT_TS',
        ],
        'reportsdb': [
            'SELECT REGION, SUM(AMOUNT) FROM RPT.DAILY_SALES WHERE SALE_DATE BETWEEN ? AND ? GROUP BY REGION',
            'CALL SYSCS_UTIL.SYSCS_COMPRESS_TABLE(\'RPT\', \'DAILY_SALES\', 1)',
            'SELECT * FROM RPT.MONTHLY_ROLLUP WHERE YEAR_MONTH = ?',
        ],
    }
    bad_sql = {
        'ordersdb': 'SELECT * FROM APP.ORDER_ARCHIVE WHERE ORDER_ID = ?',
        'auditdb': 'SELECT * FROM AUDIT.EVENT_LOG WHERE ACTOR = ?',
        'reportsdb': 'SELECT REGION, TOTAL FROM RPT.WEEKLY_SALES',
    }

    def error_for(db, stmt):
        if stmt.startswith('INSERT') and c.cy('error', 'ins', [True, True, False]):
            table = stmt.split()[2].split('.')[1]
            return '23505', ("The statement was aborted because it would have caused a duplicate key value in a "
                             "unique or primary key constraint or unique index identified by 'SQL26031408%07d' "
                             "defined on '%s'." % (R.randint(0, 9999999), table))
        if stmt.startswith('INSERT'):
            return '22003', ("The resulting value is outside the range for the data type %s."
                             % R.choice(['INTEGER', 'SMALLINT', 'DECIMAL/NUMERIC(9,2)']))
        return '40XL1', 'A lock could not be obtained within the time requested'

    def missing_table(stmt):
        name = stmt.split(' FROM ')[1].split()[0]
        return '42X05', "Table/View '%s' does not exist." % name

    jvms = [
        dict(cl='sun.misc.Launcher$AppClassLoader@7852e922', jar='file:/srv/orderapp/lib/derby-10.14.2.0.jar',
             props=[('java.vendor', 'Oracle Corporation'), ('java.runtime.version', '1.8.0_402-b06'),
                    ('user.dir', '/srv/orderapp'), ('os.name', 'Linux'), ('os.arch', 'amd64'),
                    ('os.version', '5.15.0-97-generic'), ('derby.system.home', '/srv/orderapp/derby')]),
        dict(cl='jdk.internal.loader.ClassLoaders$AppClassLoader@5ca881b5', jar='file:/srv/orderapp/lib/derby.jar',
             props=[('java.vendor', 'Eclipse Adoptium'), ('java.runtime.version', '11.0.22+7'),
                    ('user.dir', '/srv/orderapp'), ('os.name', 'Linux'), ('os.arch', 'amd64'),
                    ('os.version', '5.15.0-101-generic'), ('derby.system.home', '/srv/orderapp/derby')]),
    ]
    dirs = {'ordersdb': '/srv/orderapp/derby/ordersdb', 'auditdb': '/srv/orderapp/derby/auditdb',
            'reportsdb': '/srv/orderapp/derby/reportsdb'}
    classpaths = {'ordersdb': "''", 'auditdb': "''", 'reportsdb': "'RPT.UDFJAR'"}
    counters = dict(sess=0, thread=0, drda=0)

    def instance_id():
        return 'a816c00e-018e-%s-%s-0000%s' % (hexs(R, 4), hexs(R, 4), hexs(R, 8))

    def boot(t, jvm, db):
        inst = instance_id()
        lines = [('sep', [], NONE), ('date_line', [ctime_utc(t)], NONE), ('booting', [inst], NONE),
                 ('on_dir', [dirs[db], jvm['cl']], NONE), ('loaded_from', [jvm['jar']], NONE)]
        lines += [('prop', [k, v], NONE) for k, v in jvm['props']]
        lines += [('cl_started', [classpaths[db]], NONE)]
        for i, (key, vals, h) in enumerate(lines):
            c.emit(t + i, key, vals, h)
        return inst

    def shutdown(t, jvm, db, inst):
        c.emit(t, 'sep', [], NONE)
        c.emit(t + 1, 'shutdown_inst', [inst, dirs[db], jvm['cl']], DATE)

    def session(t, db, t_end, mean_gap):
        counters['sess'] += 1
        counters['thread'] += 1
        counters['drda'] += 1
        base = dict(kind='stmt', sess=counters['sess'], db=db, thread='DRDAConnThread_%d' % counters['thread'],
                    drda='NF000001.A71F-%d{%d}' % (R.randint(10 ** 17, 10 ** 18 - 1), counters['drda']))
        prepared = R.sample(sql[db], min(len(sql[db]), R.randint(2, 3)))

        def H(newtx=False):
            h = dict(base)
            h['newtx'] = newtx
            return h

        for stmt in prepared:
            t += expgap(R, 40 * MS)
            c.emit(t, 'begin_compile', [stmt], H(True))
            t += expgap(R, 25 * MS)
            c.emit(t, 'end_compile', [stmt], H())
        if R.random() < 0.35:                   # a statement naming a missing table
            stmt = bad_sql[db]
            t += expgap(R, 300 * MS)
            c.emit(t, 'begin_compile', [stmt], H(True))
            t += expgap(R, 10 * MS)
            st, msg = missing_table(stmt)
            for key, vals in (('cleanup_start', []), ('failed_stmt', [stmt]), ('error', [st, msg]),
                              ('cleanup_done', [])):
                c.emit(t, key, vals, H() if key != 'error' else NONE)
                t += 1
        while True:
            t += expgap(R, mean_gap)
            if t >= t_end:
                break
            stmt = R.choice(prepared)
            c.emit(t, 'exec', [stmt], H(True))
            if R.random() < 0.045:
                st, msg = error_for(db, stmt)
                t += expgap(R, 4 * MS)
                for key, vals in (('cleanup_start', []), ('failed_stmt', [stmt]), ('error', [st, msg]),
                                  ('cleanup_done', [])):
                    c.emit(t, key, vals, H() if key != 'error' else NONE)
                    t += 1

    # JVM run 1: ordersdb + auditdb; auditdb is shut down first, the whole JVM later.
    j1 = jvms[0]
    t0 = 8 * HOUR + 10 * MIN + 14 * SEC + 377 * MS
    i_orders = boot(t0, j1, 'ordersdb')
    t_audit = t0 + 2 * MIN + 9 * SEC
    i_audit = boot(t_audit, j1, 'auditdb')
    end1 = t0 + 12 * MIN
    for k in range(3):
        s = t0 + 900 * MS + k * 70 * SEC + R.randint(0, 20000) * MS
        session(s, 'ordersdb', end1 - R.randint(0, 40) * SEC, 30 * SEC)
    for k in range(2):
        s = t_audit + 600 * MS + k * 45 * SEC
        session(s, 'auditdb', t_audit + 6 * MIN, 55 * SEC)
    shutdown(t_audit + 6 * MIN + 12 * SEC, j1, 'auditdb', i_audit)
    shutdown(end1 + 30 * SEC, j1, 'ordersdb', i_orders)

    # JVM run 2 (after the application upgrade): ordersdb + reportsdb.
    j2 = jvms[1]
    counters.update(sess=0, thread=0, drda=0)
    t1 = end1 + 14 * MIN + 51 * SEC + 129 * MS
    i_orders2 = boot(t1, j2, 'ordersdb')
    t_rep = t1 + 1 * MIN + 40 * SEC
    i_rep = boot(t_rep, j2, 'reportsdb')
    for k in range(3):
        s = t1 + 1100 * MS + k * 50 * SEC
        session(s, 'ordersdb', t1 + 60 * MIN, 22 * SEC)
    session(t_rep + 700 * MS, 'reportsdb', t_rep + 4 * MIN, 40 * SEC)
    shutdown(t_rep + 4 * MIN + 20 * SEC, j2, 'reportsdb', i_rep)
    c.state['xid'] = 18211
    c.state['cur'] = {}
    return c


def derby_prepare(c, recs):
    """Assign transaction ids in final line order (one XID per transaction and session)."""
    for ns, seq, key, vals, h in recs:
        if h.get('kind') == 'stmt':
            cur = c.state['cur']
            sk = (h['thread'], h['sess'])
            if h['newtx'] or sk not in cur:
                c.state['xid'] += c.rng.randint(1, 3)
                cur[sk] = c.state['xid']
            h['xid'] = cur[sk]


# =========================================================================== 5. KeyDb (simulation)
KDB_PID = 3127


def keydb_header(ns, h):
    h_, m, s, frac = hms(ns)
    stamp = '%02d %s %d %s' % (DAY, MONTHS[MONTH - 1], YEAR, clock(ns))
    return '%d:%d:%s %s %s ' % (h['pid'], h['tid'], h['role'], stamp, h['lvl'])


KEYDB_HDR = re.compile(r'\d+:\d+:[MSCX] \d\d (?:%s) \d{4} \d\d:\d\d:\d\d\.\d{3} [.\-*#] ' % '|'.join(MONTHS))


def build_keydb():
    c = Corpus(5, 'KeyDb', 'simulation')
    R = c.rng
    E = c.ev
    E('rep_ask', 'Replica <*> asks for synchronization')
    E('full_resync', 'Full resync requested by replica <*>')
    E('bgsave_sync', 'Starting BGSAVE for SYNC with target: disk')
    E('bg_started', 'Background saving started by pid <*>')
    E('db_saved', 'DB saved on disk')
    E('cow', 'RDB: <*> of memory used by copy-on-write')
    E('bg_ok', 'Background saving terminated with success')
    E('sync_ok', 'Synchronization with replica <*> succeeded')
    E('psync_ok', 'Partial resynchronization request from <*> accepted. Sending <*> bytes of backlog '
                  'starting from offset <*>.')
    E('rep_lost', 'Connection with replica <*> lost.')
    E('save_point', '<*> changes in <*> seconds. Saving...')
    E('obuf', 'Client id=<*> addr=<*> laddr=10.42.0.5:6379 fd=<*> name=<*> age=<*> idle=<*> flags=P db=0 '
              'sub=<*> psub=<*> multi=-1 qbuf=0 qbuf-free=<*> argv-mem=0 obl=0 oll=<*> omem=<*> tot-mem=<*> '
              'events=rw cmd=<*> user=default redir=-1 scheduled to be closed ASAP for overcoming of output '
              'buffer limits.')
    E('conn_master', 'Connecting to MASTER <*>')
    E('sync_done', 'MASTER <-> REPLICA sync: Finished with success')
    E('sock_err', 'Error condition on socket for SYNC: <*>')

    child = [KDB_PID + 2811]
    offset = [88134221]

    def main(lvl='*', tid=KDB_PID):
        return dict(pid=KDB_PID, tid=tid, role='S', lvl=lvl)

    def bgsave(t):
        child[0] += R.randint(3, 140)
        pid = child[0]
        c.emit(t, 'bg_started', [pid], main())
        t += R.randint(300, 9000) * MS
        ch = dict(pid=pid, tid=pid, role='C', lvl='*')
        c.emit(t, 'db_saved', [], ch)
        t += R.randint(1, 20) * MS
        c.emit(t, 'cow', ['%d MB' % R.choice([0, 0, 1, 2, 3, 6, 14, 37])], ch)
        t += R.randint(60, 900) * MS
        c.emit(t, 'bg_ok', [], main())
        return t

    def replica(addr, t, t_end):
        first = True
        while t < t_end:
            c.emit(t, 'rep_ask', [addr], main())
            t += R.randint(1, 4) * MS
            if first:
                c.emit(t, 'full_resync', [addr], main())
                t += R.randint(1, 3) * MS
                c.emit(t, 'bgsave_sync', [], main())
                t = bgsave(t + R.randint(1, 9) * MS)
                t += R.randint(50, 2500) * MS
                c.emit(t, 'sync_ok', [addr], main())
                first = False
            else:
                offset[0] += R.randint(10 ** 5, 10 ** 7)
                c.emit(t, 'psync_ok', [addr, R.randint(200, 900000), offset[0]], main())
            t += expgap(R, 16 * MIN)
            if t >= t_end:
                break
            c.emit(t, 'rep_lost', [addr], main())
            t += expgap(R, 40 * SEC)

    def saver(t, t_end):
        points = [('10000', '60'), ('100', '300'), ('1', '3600'), ('100', '300')]
        while True:
            t += expgap(R, 6 * MIN)
            if t >= t_end:
                break
            ch, secs = c.cy('save_point', 'p', points)
            c.emit(t, 'save_point', [ch, secs], main())
            t = bgsave(t + R.randint(1, 5) * MS)

    def master_link(t, t_end):
        masters = ['10.42.0.6:6379', '10.42.0.7:6379']
        errs = ['Connection refused', 'No route to host', 'Connection reset by peer', 'Connection timed out']
        while True:
            t += expgap(R, 18 * MIN)
            if t >= t_end:
                break
            m = c.cy('conn_master', 'm', masters)
            for _ in range(R.randint(0, 2) + 1):
                c.emit(t, 'conn_master', [m], main())
                t += R.randint(1, 30) * MS
                c.emit(t, 'sock_err', [c.cy('sock_err', 'e', errs)], main('#'))
                t += 1000 * MS + R.randint(0, 40) * MS
            c.emit(t, 'conn_master', [m], main())
            t += R.randint(200, 3000) * MS
            c.emit(t, 'sync_done', [], main())

    def subscribers(t, t_end):
        cid = [40112]
        names = ['notifier', 'ws-gateway-3', 'ws-gateway-7', 'billing-events', 'cache-invalidator']
        while True:
            t += expgap(R, 19 * SEC)
            if t >= t_end:
                break
            cid[0] += R.randint(1, 800)
            sub, psub = c.cy('obuf', 'sp', [('1', '0'), ('3', '0'), ('0', '2'), ('12', '0')])
            oll = R.randint(40, 30000)
            omem = oll * R.randint(16, 1100)
            vals = [cid[0], '10.42.%d.%d:%d' % (R.randint(1, 9), R.randint(2, 250), R.randint(32768, 60999)),
                    R.randint(14, 4000), c.cy('obuf', 'name', names), R.randint(1, 90000),
                    R.randint(0, 8), sub, psub, c.cy('obuf', 'qf', ['0', '20474', '40954']), oll, omem,
                    omem + R.randint(20000, 70000), c.cy('obuf', 'cmd', ['subscribe', 'psubscribe', 'ping'])]
            c.emit(t, 'obuf', vals, main('#', tid=c.cy('obuf', 'tid', [KDB_PID + 2, KDB_PID + 3, KDB_PID])))

    start = 6 * HOUR + 55 * MIN + 3 * SEC + 904 * MS
    end = start + 4 * HOUR
    replica('10.42.0.11:6379', start + 12 * SEC, end)
    replica('10.42.0.12:6379', start + 3 * MIN + 41 * SEC, end)
    replica('10.42.0.13:6379', start + 27 * MIN + 5 * SEC, end)
    saver(start, end)
    master_link(start, end)
    subscribers(start, end)
    return c


# =========================================================================== 6. VoltDb
def voltdb_header(ns, h):
    return '%s %s   %s [%s] %s: ' % (date_iso(), clock(ns, sep=','), h['lvl'], h['thread'], h['logger'])


VOLTDB_HDR = re.compile(r'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}   (?:INFO|WARN|ERROR|DEBUG|FATAL|TRACE) '
                        r'\[[^\]]+\] [A-Z]+: ')


def build_voltdb():
    c = Corpus(6, 'VoltDb', 'shuffle')
    R = c.rng
    E = c.ev
    E('host_join', 'Host <*> with hostname <*> joined the cluster')
    E('host_fail', 'Host <*> with hostname <*> failed')
    E('snap_init', 'Initiating automatic snapshot with nonce <*> to <*>')
    E('snap_done', 'Snapshot <*> finished at <*> and took <*> seconds')
    E('snap_del', 'Deleting snapshot <*> from <*> (<*> files, <*>)')
    E('cl_seg', 'Command log segment <*> closed after <*> transactions')
    E('cl_fsync', 'Command log fsync took <*> ms, exceeding the configured interval of 200 ms')
    E('exp_active', 'Export stream <*> partition <*> is active')
    E('exp_inactive', 'Export stream <*> partition <*> is inactive')
    E('exp_push', 'Exported <*> rows from stream <*> to target <*> in <*>')
    E('net_close', 'Closed client connection from <*> (user <*>): <*>')
    E('rejoin', 'Rejoin of host <*> completed in <*> seconds')
    E('gc', 'Detected long GC pause of <*> ms')
    E('proc_timeout', 'Procedure <*> timed out after <*> ms and was aborted: <*>')

    counts = dict(host_join=8, host_fail=4, snap_init=18, snap_done=18, snap_del=14, cl_seg=30, cl_fsync=9,
                  exp_active=12, exp_inactive=12, exp_push=80, net_close=55, rejoin=5, gc=20, proc_timeout=15)

    hosts = [('1', 'volt-db-02.prod.internal'), ('2', 'volt-db-03.prod.internal'), ('3', 'volt-db-04.prod.internal'),
             ('4', 'volt-db-05.prod.internal')]
    streams = [('ORDER_EVENTS', 'kafka_orders'), ('AUDIT_TRAIL', 'jdbc_audit'), ('CLICKSTREAM', 'kafka_clicks'),
               ('SETTLEMENTS', 'file_settlements')]
    snapdirs = ['/var/voltdb/snapshots', '/mnt/backup/voltdb/snapshots']
    snap_id = [1187]
    seg = [5210]

    def H(lvl, thread, logger):
        return dict(lvl=lvl, thread=thread, logger=logger)

    def g_join(t):
        hid, hn = c.cy('host_join', 'h', hosts)
        return [hid, hn], H('INFO', 'ZooKeeperServer', 'HOST')

    def g_fail(t):
        hid, hn = c.cy('host_fail', 'h', hosts[1:] + hosts[:1])
        return [hid, hn], H('WARN', 'ZooKeeperServer', 'HOST')

    def nonce(t):
        h, m, s, _ = hms(t)
        return 'AUTOSNAP%sT%02d.%02d.%02d' % (date_iso(), h, m, s)

    def g_init(t):
        return [nonce(t), c.cy('snap_init', 'd', snapdirs)], H('INFO', 'SnapshotDaemon', 'SNAPSHOT')

    def g_done(t):
        snap_id[0] += R.randint(1, 3)
        secs = R.choice([R.uniform(0.2, 3), R.uniform(3, 40), R.uniform(40, 300)])
        return [snap_id[0], epoch_ms(t), '%.2f' % secs], H('INFO', c.cy('snap_done', 'th', ['SnapshotDaemon', 'Snapshot Completion Monitor']), 'SNAPSHOT')

    def g_del(t):
        older = t - R.randint(6, 30) * 5 * MIN
        older = max(older, SEC)
        size = c.cy('snap_del', 'sz', ['%.1f GB' % R.uniform(1, 40), '%d MB' % R.randint(40, 990)])
        return [nonce(older), c.cy('snap_del', 'd', snapdirs), R.choice([9, 12, 18, 24, 36]), size], \
            H('INFO', 'SnapshotDaemon', 'SNAPSHOT')

    def g_seg(t):
        seg[0] += R.randint(1, 2)
        p = '/var/voltdb/command_log/log_%d_%07d.log' % (R.randint(0, 3), seg[0])
        return [p, R.randint(1000, 2000000)], H('INFO', 'CommandLog', 'LOGGING')

    def g_fsync(t):
        return [R.randint(201, 4200)], H('WARN', 'CommandLog', 'LOGGING')

    def g_active(t):
        s, _ = c.cy('exp_active', 's', streams)
        return [s, R.randint(0, 23)], H('INFO', 'ExportGeneration', 'EXPORT')

    def g_inactive(t):
        s, _ = c.cy('exp_inactive', 's', streams)
        return [s, R.randint(0, 23)], H('INFO', 'ExportGeneration', 'EXPORT')

    def g_push(t):
        s, tgt = c.cy('exp_push', 's', streams)
        dur = '%dms' % R.randint(3, 990) if R.random() < 0.75 else '%.1fs' % R.uniform(1, 25)
        return [R.choice([R.randint(1, 500), R.randint(500, 250000)]), s, tgt, dur], \
            H('INFO', 'ExportDataSource - %s' % s, 'EXPORT')

    def g_close(t):
        peer = '/10.%d.%d.%d:%d' % (R.randint(60, 63), R.randint(0, 9), R.randint(2, 250), R.randint(32768, 60999))
        user = c.cy('net_close', 'u', ['app_rw', 'etl_loader', 'readonly_dash', 'admin'])
        why = c.cy('net_close', 'w', ['Connection reset by peer', 'client closed the connection',
                                      'no heartbeat response in 120 seconds', 'Broken pipe',
                                      'client closed the connection'])
        return [peer, user, why], H('INFO', 'Volt Network - %d' % R.randint(0, 7), 'NETWORK')

    def g_rejoin(t):
        hid, hn = c.cy('rejoin', 'h', hosts[1:] + hosts[:1])
        return [hid, '%.1f' % R.uniform(20, 900)], H('INFO', 'main', 'REJOIN')

    def g_gc(t):
        return [R.randint(1001, 9000)], H('WARN', 'Periodic Work', 'HOST')

    def g_proc(t):
        proc = c.cy('proc_timeout', 'p', ['SettleBatch', 'GetCustomerHistory', 'RecalcBalances',
                                          '@AdHoc', 'ArchiveOldOrders'])
        why = c.cy('proc_timeout', 'w', ['query timeout of 10000 ms exceeded', 'client cancelled the request',
                                         'transaction was restarted too many times'])
        return [proc, R.randint(10000, 90000), why], H('WARN', 'SP %d Site - %d:%d' % (R.randint(0, 23), R.randint(0, 4), R.randint(0, 23)), 'SQL')

    gens = dict(host_join=g_join, host_fail=g_fail, snap_init=g_init, snap_done=g_done, snap_del=g_del, cl_seg=g_seg,
                cl_fsync=g_fsync, exp_active=g_active, exp_inactive=g_inactive, exp_push=g_push, net_close=g_close,
                rejoin=g_rejoin, gc=g_gc, proc_timeout=g_proc)
    shuffled(c, counts, 10 * HOUR + 6 * MIN + 52 * SEC + 40 * MS, 31 * SEC, gens)
    return c


# =========================================================================== timestamps for the check
def _ns(h, m, s, frac, digits):
    return ((int(h) * 60 + int(m)) * 60 + int(s)) * SEC + (int(frac) * 10 ** (9 - digits) if digits else 0)


def _ts_dash(sep, digits):
    rx = re.compile(r'(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)%s(\d{%d})' % (re.escape(sep), digits))

    def f(line):
        m = rx.match(line)
        if not m:
            return None
        assert (int(m.group(1)), int(m.group(2)), int(m.group(3))) == (YEAR, MONTH, DAY), line
        return _ns(m.group(4), m.group(5), m.group(6), m.group(7), digits), 10 ** (9 - digits)
    return f


_DERBY_ISO = _ts_dash('.', 3)
_DERBY_CT = re.compile(r'(\w{3}) (\w{3}) (\d\d) (\d\d):(\d\d):(\d\d) UTC (\d{4})')


def ts_derby(line):
    r = _DERBY_ISO(line)
    if r:
        return r
    m = _DERBY_CT.match(line)
    if m:
        assert (m.group(1), MONTHS.index(m.group(2)) + 1, int(m.group(3)), int(m.group(7))) == \
            (WEEKDAY, MONTH, DAY, YEAR), line
        return _ns(m.group(4), m.group(5), m.group(6), 0, 0), SEC
    return None


_KDB_TS = re.compile(r'\d+:\d+:[A-Z] (\d\d) (\w{3}) (\d{4}) (\d\d):(\d\d):(\d\d)\.(\d{3})')


def ts_keydb(line):
    m = _KDB_TS.match(line)
    if not m:
        return None
    assert (int(m.group(1)), MONTHS.index(m.group(2)) + 1, int(m.group(3))) == (DAY, MONTH, YEAR), line
    return _ns(m.group(4), m.group(5), m.group(6), m.group(7), 3), MS


# =========================================================================== registry
SYSTEMS = [
    # name, builder, header formatter, header regex, timestamp parser, prepare hook
    ('Tarantool', build_tarantool, tarantool_header, TARANTOOL_HDR, _ts_dash('.', 3), None),
    ('OrientDb', build_orientdb, orientdb_header, ORIENTDB_HDR, _ts_dash(':', 3), None),
    ('RavenDb', build_ravendb, ravendb_header, RAVENDB_HDR, _ts_dash('.', 7), None),
    ('ApacheDerby', build_derby, derby_header, DERBY_HDR, ts_derby, derby_prepare),
    ('KeyDb', build_keydb, keydb_header, KEYDB_HDR, ts_keydb, None),
    ('VoltDb', build_voltdb, voltdb_header, VOLTDB_HDR, _ts_dash(',', 3), None),
]


def write_system(c, header_fn, prepare):
    recs = sorted(c.recs, key=lambda r: (r[0], r[1]))[:N_LINES]
    assert len(recs) == N_LINES, (c.name, len(recs))
    if prepare:
        prepare(c, recs)
    d = os.path.join(OUT, c.name)
    os.makedirs(d, exist_ok=True)
    raw_lines, rows = [], []
    for i, (ns, seq, key, vals, h) in enumerate(recs, 1):
        content = c.content(key, vals)
        raw_lines.append(header_fn(ns, h) + content)
        rows.append([i, content, c.eid[key], c.tpl[key]])
    with open(os.path.join(d, c.name + '.log'), 'w', encoding='utf-8', newline='') as f:
        f.write('\n'.join(raw_lines) + '\n')
    with open(os.path.join(d, c.name + '.log_structured.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['LineId', 'Content', 'EventId', 'EventTemplate'])
        w.writerows(rows)
    return 2


def template_regex(tpl):
    return re.compile('(.+?)'.join(re.escape(p) for p in tpl.split('<*>')))


def check_system(c, hdr_re, ts_fn):
    errs = []
    d = os.path.join(OUT, c.name)
    with open(os.path.join(d, c.name + '.log'), 'rb') as f:
        raw = f.read()
    if not raw.endswith(b'\n'):
        errs.append('log does not end with a newline')
    if b'\r' in raw:
        errs.append('log contains \\r')
    lines = raw.decode('utf-8').split('\n')[:-1]
    with open(os.path.join(d, c.name + '.log_structured.csv'), 'rb') as f:
        craw = f.read()
    if not craw.endswith(b'\n') or b'\r' in craw:
        errs.append('csv newline problem')
    rows = list(csv.reader(craw.decode('utf-8').splitlines(True)))
    if rows[0] != ['LineId', 'Content', 'EventId', 'EventTemplate']:
        errs.append('bad csv header %r' % rows[0])
    rows = rows[1:]
    if len(lines) != N_LINES or len(rows) != N_LINES:
        errs.append('line/row count %d/%d' % (len(lines), len(rows)))
    tpl_of, counts, caps, prev = {}, {}, {}, None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append('row %d has %d columns' % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append('LineId %s at row %d' % (lid, i))
        if not content or content != content.strip():
            errs.append('row %d content empty or not stripped' % i)
        if not line.endswith(content):
            errs.append('row %d: raw line does not end with content' % i)
            continue
        header = line[:len(line) - len(content)]
        if not hdr_re.fullmatch(header):
            errs.append('row %d: header %r does not match' % (i, header))
        ts = ts_fn(line)
        if ts is not None:
            ns, res = ts
            if prev is not None and (prev // res) * res > ns:
                errs.append('row %d: timestamp goes back' % i)
            prev = ns
        if not re.fullmatch(r'E\d+', eid):
            errs.append('row %d: bad EventId %r' % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append('EventId %s has two templates' % eid)
        counts[eid] = counts.get(eid, 0) + 1
        m = template_regex(tpl).fullmatch(content)
        if not m:
            errs.append('row %d: template does not match content' % i)
            continue
        for j, g in enumerate(m.groups()):
            caps.setdefault((eid, j), set()).add(g)
    declared = [c.eid[k] for k in c.events]
    if sorted(tpl_of, key=lambda e: int(e[1:])) != declared:
        errs.append('declared vs used events differ: %s' % sorted(set(declared) ^ set(tpl_of)))
    for k in c.events:
        if c.eid[k] in tpl_of and tpl_of[c.eid[k]] != c.tpl[k]:
            errs.append('%s template differs from the declaration' % c.eid[k])
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append('two EventIds share a template')
    for eid, tpl in tpl_of.items():
        for j in range(tpl.count('<*>')):
            if len(caps.get((eid, j), ())) < 2:
                errs.append('%s slot %d takes fewer than 2 values' % (eid, j + 1))
    cnt = sorted(counts.values())
    med = statistics.median(cnt) if cnt else 0
    if not 12 <= len(cnt) <= 15:
        errs.append('%d event types' % len(cnt))
    if cnt and cnt[0] < 3:
        errs.append('an event has fewer than 3 lines: %s' % cnt)
    if sum(1 for n in cnt if 3 <= n <= 10) < 3:
        errs.append('fewer than 3 events with 3-10 lines: %s' % cnt)
    if cnt and cnt[-1] < 3 * med:
        errs.append('largest %d < 3 x median %s' % (cnt[-1], med))
    return errs, counts, med


def main():
    files = 0
    failed = False
    built = []
    for name, builder, header_fn, hdr_re, ts_fn, prepare in SYSTEMS:
        c = builder()
        assert c.name == name
        files += write_system(c, header_fn, prepare)
        built.append((c, hdr_re, ts_fn))
    print('%-12s %-10s %6s %6s %6s %6s %6s' % ('system', 'mode', 'lines', 'events', 'min', 'median', 'max'))
    for c, hdr_re, ts_fn in built:
        errs, counts, med = check_system(c, hdr_re, ts_fn)
        cnt = sorted(counts.values())
        print('%-12s %-10s %6d %6d %6d %6s %6d  %s' % (c.name, c.mode, sum(cnt), len(cnt), cnt[0], med, cnt[-1],
                                                       'OK' if not errs else 'FAIL'))
        if errs:
            failed = True
            for e in errs[:25]:
                print('    - ' + e)
            print('    counts: ' + ' '.join('%s=%d' % (c.eid[k], counts.get(c.eid[k], 0)) for k in c.events))
    print('files written: %d' % files)
    if failed:
        print('SELF-CHECK FAILED')
        return 1
    print('SELF-CHECK PASSED')
    return 0


if __name__ == '__main__':
    sys.exit(main())
