#!/usr/bin/env python3
"""Round 32 blind labelled log corpus generator.

Python 3 standard library only and fully deterministic: no wall clock, no
locale (month and weekday names come from fixed lists).  Base seed 20270118;
system k (1..6) uses random.Random(20270118 * 10 + k).  All timestamps come
from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system next to this file, then self-checks the written files and
prints a per-system summary.  Exit status is non-zero if any check fails.
"""

import bisect
import csv
import datetime
import os
import random
import re
import statistics
import sys
from collections import Counter, defaultdict

BASE_SEED = 20270118
N_LINES = 300
OUT_DIR = os.path.dirname(os.path.abspath(__file__))

MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun',
          'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
YEAR, MONTH, DAY = 2026, 3, 14
_DATE = datetime.date(YEAR, MONTH, DAY)
WEEKDAY = WEEKDAYS[_DATE.weekday()]
EPOCH_DAY = (_DATE.toordinal() - datetime.date(1970, 1, 1).toordinal()) * 86400

SEC = 10 ** 9
MS = 10 ** 6
US = 10 ** 3
MIN = 60 * SEC
HOUR = 3600 * SEC
DAY_NS = 24 * HOUR


# ---------------------------------------------------------------- clock ----

def split_ns(ns):
    """ns since 2026-03-14 00:00:00 UTC -> (h, m, s, ns-fraction)."""
    assert 0 <= ns < DAY_NS, ns
    s, frac = divmod(ns, SEC)
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return h, m, s, frac


def ts_syslog(ns):
    h, m, s, _ = split_ns(ns)
    return '%s %2d %02d:%02d:%02d' % (MONTHS[MONTH - 1], DAY, h, m, s)


def ts_ctime(ns):
    h, m, s, _ = split_ns(ns)
    return '%s %s %2d %02d:%02d:%02d %d' % (WEEKDAY, MONTHS[MONTH - 1], DAY,
                                            h, m, s, YEAR)


def ts_snort(ns):
    h, m, s, f = split_ns(ns)
    return '%02d/%02d-%02d:%02d:%02d.%06d' % (MONTH, DAY, h, m, s, f // US)


def ts_iso(ns):
    h, m, s, _ = split_ns(ns)
    return '%04d-%02d-%02d %02d:%02d:%02d' % (YEAR, MONTH, DAY, h, m, s)


def ts_iso_ms(ns):
    return ts_iso(ns) + ',%03d' % (split_ns(ns)[3] // MS)


def ts_hms_ms(ns):
    h, m, s, f = split_ns(ns)
    return '%02d:%02d:%02d.%03d' % (h, m, s, f // MS)


def ts_zm(ns):
    """zmdc.pl strftime('%y/%m/%d %H:%M:%S')."""
    h, m, s, _ = split_ns(ns)
    return '%02d/%02d/%02d %02d:%02d:%02d' % (YEAR % 100, MONTH, DAY, h, m, s)


def epoch_s(ns):
    return EPOCH_DAY + ns // SEC


def epoch_ms(ns):
    return EPOCH_DAY * 1000 + ns // MS


def exp_gap(rng, mean_s):
    return max(1, int(rng.expovariate(1.0 / mean_s) * SEC))


def digits_key(n=None):
    def key(s):
        d = tuple(int(x) for x in re.findall(r'\d+', s))
        return d if n is None else d[:n]
    return key


# ------------------------------------------------------------ framework ----

class Ref(object):
    """A number (request id, event id) fixed after the simulation, in time order."""
    __slots__ = ('t', 'seq', 'value')

    def __str__(self):
        assert self.value is not None
        return str(self.value)


class RefPool(object):
    def __init__(self, start):
        self.start = start
        self.items = []

    def new(self, t):
        r = Ref()
        r.t, r.seq, r.value = t, len(self.items), None
        self.items.append(r)
        return r

    def assign(self):
        for i, r in enumerate(sorted(self.items, key=lambda r: (r.t, r.seq))):
            r.value = self.start + i


class System(object):
    def __init__(self, k, name, kind, header_re, header_fn, ts_key, events):
        self.k = k
        self.name = name
        self.kind = kind
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.header_fn = header_fn
        self.ts_key = ts_key
        self.keys = [key for key, _ in events]
        assert len(set(self.keys)) == len(self.keys)
        self.tpl = dict(events)
        self.eid = dict((key, 'E%d' % (i + 1)) for i, key in enumerate(self.keys))
        self.recs = []
        self._cyc = {}
        self.lines = None
        self.rows = None

    def cyc(self, key, slot, pool):
        """Small pools cycle per (event, slot)."""
        n = self._cyc.get((key, slot), 0)
        self._cyc[(key, slot)] = n + 1
        return pool[n % len(pool)]

    def emit(self, t, fields, key, *vals):
        assert key in self.tpl, key
        assert self.tpl[key].count('<*>') == len(vals), (key, vals)
        self.recs.append((t, len(self.recs), fields, key, vals))

    def fill(self, key, vals):
        parts = self.tpl[key].split('<*>')
        out = [parts[0]]
        for v, p in zip(vals, parts[1:]):
            s = str(v)
            assert s and '\n' not in s and '\r' not in s, (key, s)
            out.append(s)
            out.append(p)
        return ''.join(out)

    def finalize(self):
        recs = sorted(self.recs, key=lambda r: (r[0], r[1]))
        if self.kind == 'simulation':
            assert len(recs) >= N_LINES, (self.name, len(recs))
            recs = recs[:N_LINES]
        assert len(recs) == N_LINES, (self.name, len(recs))
        self.lines, self.rows = [], []
        for i, (t, _, fields, key, vals) in enumerate(recs, 1):
            content = self.fill(key, vals)
            self.lines.append(self.header_fn(t, fields) + content)
            self.rows.append((i, content, self.eid[key], self.tpl[key]))

    def write(self):
        d = os.path.join(OUT_DIR, self.name)
        if not os.path.isdir(d):
            os.makedirs(d)
        with open(os.path.join(d, self.name + '.log'), 'w',
                  encoding='utf-8', newline='') as f:
            f.write('\n'.join(self.lines) + '\n')
        with open(os.path.join(d, self.name + '.log_structured.csv'), 'w',
                  encoding='utf-8', newline='') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['LineId', 'Content', 'EventId', 'EventTemplate'])
            for row in self.rows:
                w.writerow(row)


def run_shuffle(S, counts, gens, t0, mean_gap_s):
    """Fixed count per event, seeded shuffle, forward-only clock, exp gaps."""
    assert set(counts) == set(S.keys) and set(gens) == set(S.keys)
    assert sum(counts.values()) == N_LINES
    keys = []
    for key in S.keys:
        keys.extend([key] * counts[key])
    S.rng.shuffle(keys)
    t = t0
    for key in keys:
        t += exp_gap(S.rng, mean_gap_s) + S.rng.randint(0, 999999)
        fields, vals = gens[key](t)
        S.emit(t, fields, key, *vals)


SYSLOG_TS = r'(?:%s) [ \d]\d \d\d:\d\d:\d\d' % '|'.join(MONTHS)


# ========================================================= 1. FreeRADIUS ====

FREERADIUS_EVENTS = [
    ('ok_cli', '(<*>) Login OK: [<*>] (from client <*> port <*> cli <*>)'),
    ('ok_tunnel', '(<*>) Login OK: [<*>] (from client <*> port <*> via TLS tunnel)'),
    ('bad_tunnel', '(<*>) Login incorrect (<*>): [<*>] (from client <*> port <*> via TLS tunnel)'),
    ('bad_cli', '(<*>) Login incorrect: [<*>] (from client <*> port <*> cli <*>)'),
    ('ok_plain', '(<*>) Login OK: [<*>] (from client <*> port <*>)'),
    ('bad_plain', '(<*>) Login incorrect (<*>): [<*>] (from client <*> port <*>)'),
    ('tls_alert', '(<*>) <*>: ERROR: TLS Alert read:fatal:<*>'),
    ('eap_fail', '(<*>) eap: ERROR: Failed continuing EAP <*> (<*>) session.  EAP sub-module failed'),
    ('dup', '(<*>) Ignoring duplicate packet from client <*> port <*> - ID: <*> due to unfinished request in component <*> module <*>'),
    ('sql_open', 'rlm_sql (sql): Opening additional connection (<*>), <*> of <*> pending slots used'),
    ('sql_close', 'rlm_sql (sql): Closing connection (<*>): Hit idle_timeout, was idle for <*> seconds'),
    ('unknown_client', 'Ignoring request to auth address * port 1812 bound to server default from unknown client <*> port <*> proto udp'),
    ('zombie', 'Marking home server <*> port 1812 as zombie (it has not responded in <*> seconds).'),
    ('alive', 'Marking home server <*> port 1812 alive'),
    ('bad_secret', 'Received packet from <*> with invalid Message-Authenticator!  (Shared secret is incorrect.) Dropping packet without response.'),
]


def freeradius_header(t, f):
    return '%s : %s: ' % (ts_ctime(t), f['level'])


def gen_freeradius(S):
    rng = S.rng
    REQ = RefPool(rng.randint(18000, 26000))
    T0 = 6 * HOUR + 50 * MIN + rng.randint(0, 600) * SEC
    END = T0 + 150 * MIN
    REALM = 'corp.example.org'
    users = ['amelia.hart', 'bkowalski', 'chen.wei', 'dpatel', 'e.ortiz',
             'fnguyen', 'g.haddad', 'hlarsen', 'i.novak', 'jtanaka', 'k.osei',
             'lmartin', 'm.rossi', 'nsato', 'o.fischer', 'p.dubois', 'q.ahmed',
             'r.silva', 's.mwangi', 't.berg']
    wifi = [('ap-b1-lobby', 0), ('ap-b1-east', 0), ('ap-b2-lab', 0),
            ('wlc-campus', 1), ('ap-annex-02', 0), ('wlc-campus', 13)]
    ouis = ['3C-22-FB', 'F0-18-98', 'A4-83-E7', '00-E0-4C', 'DC-A6-32',
            '8C-85-90', '5C-E9-1E', 'B4-8C-9D']
    admins = [('sw-core-01', [1, 2, 3]), ('sw-dist-02', [1, 2]),
              ('fw-edge-01', [0]), ('ups-mgmt-03', [0, 1])]
    admin_users = ['netadmin', 'oxidized', 'j.ortega', 'svc-backup', 'm.rossi']

    def emit(t, level, key, *vals):
        S.emit(t, {'level': level}, key, *vals)

    def mac():
        return rng.choice(ouis) + '-%02X-%02X-%02X' % (
            rng.randrange(256), rng.randrange(256), rng.randrange(256))

    def eap_session(t0):
        client, port = rng.choice(wifi)
        cli = mac()
        method = rng.choices(['PEAP', 'TTLS', 'TLS'], weights=[66, 24, 10])[0]
        module, code = {'PEAP': ('eap_peap', 25), 'TTLS': ('eap_ttls', 21),
                        'TLS': ('eap_tls', 13)}[method]
        user = rng.choice(users)
        if method == 'TLS':
            outer = 'host/lt-%04d.%s' % (rng.randint(100, 2999), REALM)
            inner = None
        else:
            outer = ('anonymous@' + REALM if rng.random() < 0.6
                     else '%s@%s' % (user, REALM))
            inner = user if method == 'PEAP' else '%s@%s' % (user, REALM)
        n = {'PEAP': 8, 'TTLS': 7, 'TLS': 6}[method] + rng.randint(0, 2)
        r = rng.random()
        if r < 0.07:
            outcome, last = 'tls', 3
        elif r < 0.22 and inner is not None:
            outcome, last = 'reject', n - 1
        else:
            outcome, last = 'ok', n - 1
        dup_at = rng.randrange(1, last) if rng.random() < 0.06 else None
        times, t = [], t0
        for i in range(last + 1):
            times.append(t)
            t += rng.randint(3, 40) * MS + rng.randint(0, 999) * US
            if i == dup_at:
                t += rng.randint(2500, 6000) * MS
        pk = [REQ.new(x) for x in times]
        if dup_at is not None:
            comp, mod = S.cyc('dup', 'cm', [('authenticate', 'eap'), ('authorize', 'ldap'),
                                            ('authenticate', 'eap'), ('post-auth', 'sql')])
            emit(times[dup_at] + rng.randint(1000, 2400) * MS, 'Error', 'dup',
                 pk[dup_at], client, rng.randint(1024, 65535), rng.randint(0, 255), comp, mod)
        if outcome == 'tls':
            reason = S.cyc('tls_alert', 'reason', ['unknown CA', 'access denied',
                                                   'certificate unknown', 'bad certificate',
                                                   'unknown CA', 'certificate expired'])
            emit(times[3] + 180 * US, 'Error', 'tls_alert', pk[3], module, reason)
            emit(times[3] + 240 * US, 'Error', 'eap_fail', pk[3], method, code)
            emit(times[3] + 610 * US, 'Auth', 'bad_cli', pk[3], outer, client, port, cli)
        elif outcome == 'reject':
            if method == 'PEAP':
                reason = S.cyc('bad_tunnel', 'peap', [
                    'mschap: MS-CHAP2-Response is incorrect',
                    "mschap: Program returned code (1) and output 'Logon failure (0xc000006d)'",
                    'mschap: Account has expired'])
            else:
                reason = S.cyc('bad_tunnel', 'ttls', [
                    'pap: Crypt password does not match "known good" password',
                    'ldap: Bind as user failed'])
            emit(times[-3] + 450 * US, 'Auth', 'bad_tunnel', pk[-3], reason, inner, client, port)
            emit(times[-1] + 520 * US, 'Auth', 'bad_cli', pk[-1], outer, client, port, cli)
        else:
            if inner is not None:
                emit(times[-3] + 430 * US, 'Auth', 'ok_tunnel', pk[-3], inner, client, port)
            emit(times[-1] + 500 * US, 'Auth', 'ok_cli', pk[-1], outer, client, port, cli)

    def pap_session(t0):
        client, ports = rng.choice(admins)
        port = rng.choice(ports)
        user = rng.choice(admin_users)
        p = REQ.new(t0)
        if rng.random() < 0.14:
            reason = S.cyc('bad_plain', 'reason', [
                'pap: Crypt password does not match "known good" password',
                'ldap: User object not found',
                'pap: Cleartext password does not match "known good" password'])
            emit(t0 + rng.randint(2, 60) * MS, 'Auth', 'bad_plain', p, reason, user, client, port)
        else:
            emit(t0 + rng.randint(2, 60) * MS, 'Auth', 'ok_plain', p, user, client, port)

    t = T0
    while True:
        t += exp_gap(rng, 33)
        if t >= END:
            break
        eap_session(t)
    t = T0
    while True:
        t += exp_gap(rng, 130)
        if t >= END:
            break
        pap_session(t)

    # rlm_sql connection pool
    conn = rng.randint(40, 70)
    t = T0 + rng.randint(60, 240) * SEC
    while t < END:
        conn += 1
        emit(t, 'Info', 'sql_open', conn, rng.choice([1, 1, 2]), rng.choice([27, 28, 29, 30, 31]))
        emit(t + rng.randint(4, 20) * MIN + rng.randint(0, 999) * MS, 'Info', 'sql_close',
             conn, rng.randint(60, 64))
        t += rng.randint(6 * 60, 10 * 60) * SEC + rng.randint(0, 999) * MS
    # unknown NAS
    t = T0 + rng.randint(60, 300) * SEC
    while t < END:
        ip = S.cyc('unknown_client', 'ip', ['192.168.88.23', '10.99.4.7', '172.16.40.201'])
        emit(t, 'Error', 'unknown_client', ip, rng.randint(1024, 65535))
        t += rng.randint(7 * 60, 11 * 60) * SEC + rng.randint(0, 999) * MS
    # NAS with the wrong shared secret
    t = T0 + rng.randint(120, 400) * SEC
    while t < END:
        ip = S.cyc('bad_secret', 'ip', ['10.20.5.15', '10.30.0.4'])
        emit(t, 'Error', 'bad_secret', ip)
        t += rng.randint(8 * 60, 13 * 60) * SEC + rng.randint(0, 999) * MS
    # eduroam-style home servers going zombie and coming back
    t = T0 + rng.randint(180, 500) * SEC
    while t < END:
        hs = S.cyc('zombie', 'hs', ['192.0.2.41', '198.51.100.17'])
        emit(t, 'Proxy', 'zombie', hs, '%d.%06d' % (rng.choice([20, 30]), rng.randrange(10 ** 6)))
        emit(t + rng.randint(60, 300) * SEC + rng.randint(0, 999) * MS, 'Proxy', 'alive', hs)
        t += rng.randint(11 * 60, 15 * 60) * SEC
    REQ.assign()


# ========================================================= 2. Zoneminder ====

ZONEMINDER_EVENTS = [
    ('capture', '[<*>: <*> - Capturing at <*> fps, capturing bandwidth <*>]'),
    ('analyse', '[<*>: <*> - Analysing at <*> fps]'),
    ('open', '[<*>: <*> - Opening new event <*>, alarm start]'),
    ('alarm', '[<*>: <*> - Gone into alarm state]'),
    ('alert', '[<*>: <*> - Gone into alert state]'),
    ('back', '[<*>: <*> - Gone back into alarm state]'),
    ('left', '[<*>: <*> - Left alert state]'),
    ('close', '[<*>: <*> - Closing event <*>, alarm end]'),
    ('readfail', '[Unable to read packet from stream <*>: error <*> "<*>".]'),
    ('openfail', '[Unable to open input <*> due to: <*>]'),
    ('starting', "['<*>' starting at <*>, pid = <*>]"),
    ('stop', "['<*>' sending stop to pid <*> at <*>]"),
    ('exit_abn', "['<*>' exited abnormally, exit status <*>]"),
    ('watch', '[Restarting capture daemon for <*>, time since last capture <*> seconds (<*>-<*>)]'),
    ('delete', '[Deleting event <*> from Monitor <*>]'),
]


def zoneminder_header(t, f):
    return '%s nvr01 %s[%d]: %s [%s] ' % (ts_syslog(t), f['proc'], f['pid'], f['lvl'], f['proc'])


def gen_zoneminder(S):
    rng = S.rng
    T0 = 9 * HOUR + rng.randint(0, 1800) * SEC
    END = T0 + 150 * MIN
    EVT = RefPool(rng.randint(41000, 45000))
    IV = 3000  # frames between fps reports
    mons = [
        {'id': 1, 'name': 'Front Door', 'fps': 10, 'modect': True, 'fb': 21000},
        {'id': 2, 'name': 'Driveway', 'fps': 5, 'modect': False, 'fb': 34000,
         'url': 'rtsp://admin@10.10.40.22:554/cam/realmonitor?channel=1&subtype=0'},
        {'id': 3, 'name': 'Back Yard', 'fps': 10, 'modect': True, 'fb': 26000},
        {'id': 4, 'name': 'Garage', 'fps': 5, 'modect': False, 'fb': 18000,
         'url': 'rtsp://10.10.40.24:554/Streaming/Channels/101'},
        {'id': 5, 'name': 'Loading Dock', 'fps': 15, 'modect': True, 'fb': 15500},
    ]
    pidc = [rng.randint(2100, 2600)]

    def newpid():
        pidc[0] += rng.randint(5, 60)
        return pidc[0]

    ZMDC = rng.randint(900, 990)
    ZMWATCH = rng.randint(1000, 1090)
    ZMFILTER = rng.randint(1100, 1190)

    def H(proc, pid, lvl='INF'):
        return {'proc': proc, 'pid': pid, 'lvl': lvl}

    def capture_run(m, start, stop, pid):
        proc = 'zmc_m%d' % m['id']
        t, k = start, 0
        while True:
            eff = m['fps'] * rng.uniform(0.985, 1.008)
            dt = int(IV / eff * SEC)
            t += dt
            k += 1
            if t >= stop or t >= END:
                return
            if t >= T0:
                fps = IV / (dt / SEC)
                bw = int(fps * m['fb'] * rng.uniform(0.88, 1.12))
                S.emit(t, H(proc, pid), 'capture', m['name'], k * IV,
                       '%.2f' % fps, '%dbytes/sec' % bw)

    def analysis(m):
        proc = 'zma_m%d' % m['id']
        t, k = m['zs'], 0
        pts_t, pts_f = [t], [0]
        while t < END:
            eff = m['fps'] * rng.uniform(0.965, 1.0)
            dt = int(IV / eff * SEC)
            t += dt
            k += 1
            pts_t.append(t)
            pts_f.append(k * IV)
            if T0 <= t < END:
                S.emit(t, H(proc, m['zma_pid']), 'analyse', m['name'], k * IV,
                       '%.2f' % (IV / (dt / SEC)))
        m['pts'] = (pts_t, pts_f)

    def frame_at(m, t):
        pts_t, pts_f = m['pts']
        i = bisect.bisect_right(pts_t, t) - 1
        i = min(i, len(pts_t) - 2)
        t0, t1 = pts_t[i], pts_t[i + 1]
        f0, f1 = pts_f[i], pts_f[i + 1]
        return '%03d' % (f0 + (f1 - f0) * (t - t0) // (t1 - t0))

    def alarm(m, t):
        proc, pid, name = 'zma_m%d' % m['id'], m['zma_pid'], m['name']
        eid = EVT.new(t)
        S.emit(t, H(proc, pid), 'open', name, frame_at(m, t), eid)
        S.emit(t + 150 * US, H(proc, pid), 'alarm', name, frame_at(m, t))
        t += rng.randint(3000, 25000) * MS
        S.emit(t, H(proc, pid), 'alert', name, frame_at(m, t))
        while rng.random() < 0.3:
            t += rng.randint(1500, 8000) * MS
            S.emit(t, H(proc, pid), 'back', name, frame_at(m, t))
            t += rng.randint(3000, 15000) * MS
            S.emit(t, H(proc, pid), 'alert', name, frame_at(m, t))
        t += rng.randint(5000, 12000) * MS
        S.emit(t, H(proc, pid), 'left', name, frame_at(m, t))
        S.emit(t + 90 * US, H(proc, pid), 'close', name, frame_at(m, t), eid)
        return t

    # analysis daemons (modect monitors) and their alarms
    for m in mons:
        if m['modect']:
            m['zs'] = T0 - rng.randint(2, 9) * HOUR - rng.randint(0, 3599) * SEC
            m['zma_pid'] = newpid()
            analysis(m)
            t = T0 + exp_gap(rng, 420)
            while t < END:
                t = alarm(m, t)
                t += exp_gap(rng, 660) + 30 * SEC

    # capture daemons with crashes (Garage) and zmwatch restarts (stalls)
    for m in mons:
        m['cur'] = (T0 - rng.randint(2, 9) * HOUR - rng.randint(0, 3599) * SEC, newpid())
    plan = []
    for mid, base in ((4, 14), (2, 43), (4, 71), (4, 102), (2, 131)):
        plan.append((T0 + (base + rng.randint(0, 5)) * MIN + rng.randint(0, 59) * SEC, mid, 'crash'))
    for mid, base in ((1, 24), (3, 52), (5, 80), (1, 112)):
        plan.append((T0 + (base + rng.randint(0, 5)) * MIN + rng.randint(0, 59) * SEC, mid, 'stall'))
    plan.sort()
    by_id = dict((m['id'], m) for m in mons)
    for td, mid, kind in plan:
        m = by_id[mid]
        start, pid = m['cur']
        capture_run(m, start, td, pid)
        proc, cmd = 'zmc_m%d' % mid, 'zmc -m %d' % mid
        if kind == 'crash':
            t = td
            for _ in range(S.cyc('crash', 'nwarn', [2, 1, 2, 1, 1])):
                stream, code, text = S.cyc('readfail', 'err', [
                    (0, -541478725, 'End of file'), (0, -110, 'Connection timed out'),
                    (1, -541478725, 'End of file'), (0, -104, 'Connection reset by peer')])
                S.emit(t, H(proc, pid, 'WAR'), 'readfail', stream, code, text)
                t += rng.randint(800, 3000) * MS
            t += rng.randint(50, 900) * MS
            S.emit(t, H('zmdc', ZMDC), 'exit_abn', cmd, 255)
            nfail = S.cyc('crash', 'nfail', [1, 2, 0, 1, 0])
            delay = 5
            for f in range(nfail + 1):
                t += delay * SEC + rng.randint(0, 999) * MS
                newp = newpid()
                S.emit(t, H('zmdc', ZMDC), 'starting', cmd, ts_zm(t), newp)
                if f < nfail:
                    t += rng.randint(1500, 9000) * MS
                    reason = S.cyc('openfail', 'reason', [
                        'Connection refused', 'Operation timed out',
                        'Server returned 401 Unauthorized (authorization failed)'])
                    S.emit(t, H(proc, newp, 'ERR'), 'openfail', m['url'], reason)
                    t += rng.randint(100, 700) * MS
                    S.emit(t, H('zmdc', ZMDC), 'exit_abn', cmd, 1)
                    delay *= 2
            m['cur'] = (t, newp)
        else:
            tw = td + rng.randint(61, 95) * SEC + rng.randint(0, 999) * MS
            now, last = epoch_s(tw), epoch_s(td)
            S.emit(tw, H('zmwatch', ZMWATCH), 'watch', m['name'], now - last, now, last)
            t = tw + rng.randint(20, 200) * MS
            S.emit(t, H('zmdc', ZMDC), 'stop', cmd, pid, ts_zm(t))
            t += rng.randint(2000, 6000) * MS
            newp = newpid()
            S.emit(t, H('zmdc', ZMDC), 'starting', cmd, ts_zm(t), newp)
            m['cur'] = (t, newp)
    for m in mons:
        start, pid = m['cur']
        capture_run(m, start, END, pid)

    # zmfilter PurgeWhenFull
    old = EVT.start - rng.randint(7000, 9000)
    t = T0 + rng.randint(3, 9) * MIN
    while t < END:
        for j in range(S.cyc('delete', 'n', [1, 2, 1, 3])):
            old += rng.randint(1, 6)
            S.emit(t + j * rng.randint(20, 300) * MS, H('zmfilter_1', ZMFILTER), 'delete',
                   old, rng.choice([1, 3, 5, 2, 4]))
        t += rng.randint(11, 19) * MIN + rng.randint(0, 59) * SEC
    EVT.assign()


# ============================================================= 3. Snort3 ====

SNORT3_EVENTS = [
    ('sep', '--------------------------------------------------'),
    ('banner', 'o")~   Snort++ <*>'),
    ('loading', 'Loading <*>:'),
    ('finished', 'Finished <*>:'),
    ('rules', 'total rules loaded: <*>'),
    ('commencing', 'Commencing packet processing'),
    ('thread_start', '++ [<*>] <*>'),
    ('thread_stop', '-- [<*>] <*>'),
    ('received', 'received: <*>'),
    ('exiting', 'Snort exiting'),
    ('ssh', '[**] [1:1000010:2] "LOCAL SSH brute force attempt" [**] [Classification: Attempted Administrator Privilege Gain] [Priority: 1] {TCP} <*>:<*> -> <*>:22'),
    ('reset', '[**] [129:15:1] "(stream_tcp) reset outside window" [**] [Priority: 3] {TCP} <*>:<*> -> <*>:<*>'),
    ('icmp', '[**] [1:1000020:1] "LOCAL ICMP ping sweep" [**] [Classification: Misc activity] [Priority: 3] {ICMP} <*> -> <*>'),
    ('dns', '[**] [1:1000030:3] "LOCAL DNS query for newly observed domain" [**] [Classification: Potentially Bad Traffic] [Priority: 2] {UDP} <*>:<*> -> 10.0.0.53:53'),
    ('web', '[**] [1:1000040:2] "LOCAL WEB directory traversal attempt" [**] [Classification: Web Application Attack] [Priority: 1] {TCP} <*>:<*> -> <*>:<*>'),
]


def snort3_header(t, f):
    if f.get('ts'):
        return ts_snort(t) + ' '
    return ' ' * f.get('indent', 0)


def gen_snort3(S):
    rng = S.rng
    externals = ['203.0.113.%d' % rng.randint(2, 250) for _ in range(6)] + \
                ['198.51.100.%d' % rng.randint(2, 250) for _ in range(6)] + \
                ['192.0.2.%d' % rng.randint(2, 250) for _ in range(4)]
    ifaces = ['eth1', 'eth2']
    versions = ['3.1.78.0', '3.1.78.0', '3.1.82.0', '3.1.82.0']
    runs = []
    t = 4 * MIN + rng.randint(0, 300) * SEC
    nrules = rng.randint(4080, 4130)
    for i in range(4):
        dur = rng.randint(300, 340) * MIN + rng.randint(0, 59) * SEC
        nrules += rng.randint(3, 25)
        runs.append((t, t + dur, versions[i], nrules))
        t += dur + rng.randint(40, 150) * SEC
    assert t < DAY_NS

    def console(t, key, *vals, **kw):
        indent = 0
        if kw.get('label'):
            indent = 25 - len(kw['label'])
        S.emit(t, {'indent': indent}, key, *vals)

    def alert(t, key, *vals):
        S.emit(t, {'ts': True}, key, *vals)

    def eport():
        return rng.randint(32768, 60999)

    for ts, te, ver, nr in runs:
        c = [ts]

        def step(lo=1, hi=40):
            c[0] += rng.randint(lo, hi) * MS + rng.randint(0, 999) * US
            return c[0]
        console(step(), 'sep')
        console(step(), 'banner', ver)
        console(step(), 'sep')
        console(step(), 'loading', '/etc/snort/snort.lua')
        console(step(), 'loading', 'snort_defaults.lua')
        console(step(), 'finished', 'snort_defaults.lua')
        console(step(), 'loading', 'file_magic.lua')
        console(step(), 'finished', 'file_magic.lua')
        console(step(), 'finished', '/etc/snort/snort.lua')
        console(step(), 'loading', '/etc/snort/rules/pulledpork.rules')
        console(step(300, 900), 'finished', '/etc/snort/rules/pulledpork.rules')
        console(step(), 'sep')
        console(step(800, 2500), 'rules', nr, label='total rules loaded')
        console(step(), 'sep')
        console(step(100, 400), 'commencing')
        for i, ifc in enumerate(ifaces):
            console(step(), 'thread_start', i, ifc)
        a, b = c[0] + 5 * SEC, te - 2 * SEC

        def episodes(mean_s, fn):
            t = a + exp_gap(rng, mean_s)
            while t < b:
                t = fn(t)
                t += exp_gap(rng, mean_s)

        def ssh(t):
            src, dst = rng.choice(externals), S.cyc('ssh', 'dst', ['10.0.5.10', '10.0.5.11'])
            for _ in range(rng.randint(4, 11)):
                if t >= b:
                    break
                alert(t, 'ssh', src, eport(), dst)
                t += rng.randint(25, 120) * SEC + rng.randint(0, 999999) * US
            return t

        def icmp(t):
            src = rng.choice(externals + ['10.0.30.77', '10.0.30.78'])
            host = rng.randint(1, 20)
            for _ in range(rng.randint(4, 9)):
                if t >= b:
                    break
                alert(t, 'icmp', src, '10.0.5.%d' % host)
                host += rng.randint(1, 3)
                t += rng.randint(150, 2500) * MS + rng.randint(0, 999) * US
            return t

        def dns(t):
            alert(t, 'dns', '10.0.20.%d' % rng.randint(10, 240), eport())
            return t

        def reset(t):
            if rng.random() < 0.5:
                alert(t, 'reset', rng.choice(externals), rng.choice([443, 443, 80]),
                      '10.0.20.%d' % rng.randint(10, 240), eport())
            else:
                alert(t, 'reset', '10.0.20.%d' % rng.randint(10, 240), eport(),
                      rng.choice(externals), rng.choice([443, 993, 8443]))
            return t

        def web(t):
            src = rng.choice(externals)
            dst, dport = S.cyc('web', 'dst', [('10.0.5.20', 80), ('10.0.5.21', 8080), ('10.0.5.20', 443)])
            for _ in range(rng.randint(3, 8)):
                if t >= b:
                    break
                alert(t, 'web', src, eport(), dst, dport)
                t += rng.randint(200, 9000) * MS + rng.randint(0, 999) * US
            return t

        episodes(130 * 60, ssh)
        episodes(190 * 60, icmp)
        episodes(38 * 60, dns)
        episodes(33 * 60, reset)
        episodes(180 * 60, web)
        c[0] = te
        for i, ifc in enumerate(ifaces):
            console(step(), 'thread_stop', i, ifc)
        console(step(), 'sep')
        console(step(), 'received', rng.randint(20000000, 90000000), label='received')
        console(step(), 'sep')
        console(step(), 'exiting')


# ============================================================ 4. Checkmk ====

CHECKMK_EVENTS = [
    ('force', 'Executing external command: SCHEDULE_FORCED_SVC_CHECK;<*>;<*>;<*>'),
    ('ack', 'Executing external command: ACKNOWLEDGE_SVC_PROBLEM;<*>;<*>;2;1;0;<*>;<*>'),
    ('reload', 'Reload triggered by <*>'),
    ('loaded', 'Successfully loaded configuration (<*> hosts, <*> services) in <*>'),
    ('timeout', "Timeout after <*> while executing active check '<*>' on host '<*>'"),
    ('fetcher', "Fetcher for host '<*>' failed: <*>"),
    ('helper_started', 'Checker helper <*> started with PID <*>'),
    ('helper_term', 'Checker helper <*> terminated with exit code <*>'),
    ('ignoring', "Ignoring check result for unknown service '<*>' on host '<*>'"),
    ('job_init', 'Initialized background job (Job ID: <*>, Title: <*>)'),
    ('job_done', 'Background job <*> finished after <*>'),
    ('internal', 'Internal error: <*>'),
    ('login_failed', "Login failed for username '<*>' (existing: <*>, locked: <*>, failed logins: <*>)"),
    ('automation', 'Automation call "<*>" to site "<*>" took <*>'),
    ('ldap', 'LDAP connection "<*>": failed to bind as "<*>": <*>'),
]


def checkmk_header(t, f):
    if f['log'] == 'cmc':
        return '%s [%d] [%s] ' % (ts_iso(t), f['lvl'], f['comp'])
    return '%s [%d] [%s %d] ' % (ts_iso_ms(t), f['lvl'], f['logger'], f['pid'])


def gen_checkmk(S):
    rng = S.rng
    hosts = ['srv-db01', 'srv-db02', 'web-fe01', 'web-fe02', 'esx-r2-07', 'fw-dmz01',
             'nas-backup', 'k8s-node-04', 'mail-gw01', 'printsrv-b2', 'sw-core-01', 'ups-rack3']
    services = ['CPU load', 'Memory', 'Filesystem /var', 'Interface 3', 'NTP Time',
                'Check_MK', 'Mount options of /srv', 'Systemd Service Summary',
                'Disk IO SUMMARY', 'TCP Connections', 'Oracle Tablespace PROD.USERS']
    active = ['HTTPS portal', 'SSH', 'HTTP intranet', 'DNS resolve', 'SMTP relay']
    users = ['cmkadmin', 'jschmidt', 'a.berger', 'ops-bot', 'tkoenig']
    web_pids = [rng.randint(20000, 40000) for _ in range(4)]
    cmc_pid_base = [rng.randint(5000, 9000)]

    def cmc(lvl, comp='cmc'):
        return {'log': 'cmc', 'lvl': lvl, 'comp': comp}

    def web(lvl, logger, key):
        return {'log': 'web', 'lvl': lvl, 'logger': logger,
                'pid': S.cyc(key, 'pid', web_pids)}

    def rnd(seq):
        return rng.choice(seq)

    def dur_s(lo, hi):
        return '%.2fs' % rng.uniform(lo, hi)

    def job(key):
        kind = S.cyc(key, 'job', ['discovery', 'activate', 'rename', 'bake', 'diag'])
        h = rnd(hosts)
        return kind, h

    def job_ids(kind, h):
        if kind == 'discovery':
            return 'service_discovery-%s' % h, 'Service discovery on host %s' % h
        if kind == 'activate':
            return 'activate-changes-%08x' % rng.getrandbits(32), 'Activate changes'
        if kind == 'rename':
            return 'host-renaming', 'Renaming of %s' % h
        if kind == 'bake':
            return 'agent_baking', 'Baking agents'
        return 'diagnostics_dump-%d' % rng.randint(100, 999), 'Creating dump file'

    def g_force(t):
        return cmc(6), [rnd(hosts), rnd(services), epoch_s(t)]

    def g_ack(t):
        return cmc(6), [rnd(hosts), rnd(services), S.cyc('ack', 'user', users),
                        S.cyc('ack', 'comment', ['Known issue, see INC-%06d' % rng.randint(1, 999999),
                                                 'Disk replacement scheduled for Monday',
                                                 'working on it',
                                                 'Vendor case 0%d opened' % rng.randint(1000000, 9999999)])]

    def g_reload(t):
        return cmc(5), [S.cyc('reload', 'by', ['Livestatus/external command', 'SIGHUP'])]

    def g_loaded(t):
        return cmc(5), [rng.randint(412, 419), rng.randint(9820, 9960), dur_s(0.6, 2.4)]

    def g_timeout(t):
        return cmc(4, 'checker %d' % rng.randint(0, 7)), [
            S.cyc('timeout', 'after', ['60s', '90s', '60s', '120s']), rnd(active), rnd(hosts)]

    def g_fetcher(t):
        return cmc(3, 'fetcher %d' % rng.randint(0, 11)), [rnd(hosts), S.cyc('fetcher', 'reason', [
            '[Errno 111] Connection refused', 'timed out', '[Errno 113] No route to host',
            'Agent exited with code 255: ssh: connect to host 10.2.0.17 port 22: Connection timed out',
            'SNMP Error on ups-rack3: Timeout (Exit-Code: 1)'])]

    def g_started(t):
        cmc_pid_base[0] += rng.randint(10, 400)
        return cmc(5), [rng.randint(0, 7), cmc_pid_base[0]]

    def g_term(t):
        return cmc(4), [rng.randint(0, 7), S.cyc('helper_term', 'code', [1, 143, 1, 137])]

    def g_ignoring(t):
        return cmc(4), [S.cyc('ignoring', 'svc', ['Filesystem /mnt/old', 'Interface 12',
                                                  'Service nginx', 'Log /var/log/syslog',
                                                  'Backup nightly']), rnd(hosts)]

    def g_job_init(t):
        kind, h = job('job_init')
        jid, title = job_ids(kind, h)
        return web(20, 'cmk.web.background-job', 'job_init'), [jid, title]

    def g_job_done(t):
        kind, h = job('job_done')
        jid, _ = job_ids(kind, h)
        d = rng.uniform(0.4, 95.0)
        ds = '%.1fs' % d if d < 60 else '%dm %ds' % (int(d) // 60, int(d) % 60)
        return web(20, 'cmk.web.background-job', 'job_done'), [jid, ds]

    def g_internal(t):
        return web(40, 'cmk.web', 'internal'), [S.cyc('internal', 'reason', [
            'Livestatus error: Cannot connect to site "branch-ffm": [Errno 111] Connection refused',
            "KeyError: 'tag_agent'",
            'MKGeneralException: Failed to parse JSON response from site "branch-muc"',
            'MKTimeout: Your request timed out after 110 seconds.'])]

    def g_login(t):
        u, ex, lk, n = S.cyc('login_failed', 'who', [
            ('jdoe', 'No', 'No', 0), ('cmkadmin', 'Yes', 'No', 1), ('a.berger', 'Yes', 'No', 2),
            ('root', 'No', 'No', 0), ('tkoenig', 'Yes', 'Yes', 5), ('a.berger', 'Yes', 'No', 3)])
        return web(30, 'cmk.web.auth', 'login_failed'), [u, ex, lk, n]

    def g_automation(t):
        return web(20, 'cmk.web.automations', 'automation'), [
            S.cyc('automation', 'cmd', ['get-check-information', 'service-discovery',
                                        'push-profiles', 'ping', 'activate-changes']),
            S.cyc('automation', 'site', ['branch-ffm', 'branch-muc', 'dc2']), dur_s(0.05, 14.0)]

    def g_ldap(t):
        conn, dn = S.cyc('ldap', 'conn', [
            ('corp-ad', 'CN=svc-checkmk,OU=Service Accounts,DC=corp,DC=example,DC=org'),
            ('corp-ad-fallback', 'CN=svc-checkmk-ro,OU=Service Accounts,DC=corp,DC=example,DC=org')])
        return web(30, 'cmk.web.ldap', 'ldap'), [conn, dn, S.cyc('ldap', 'reason', [
            "Can't contact LDAP server", 'Invalid credentials', 'Timeout'])]

    gens = {'force': g_force, 'ack': g_ack, 'reload': g_reload, 'loaded': g_loaded,
            'timeout': g_timeout, 'fetcher': g_fetcher, 'helper_started': g_started,
            'helper_term': g_term, 'ignoring': g_ignoring, 'job_init': g_job_init,
            'job_done': g_job_done, 'internal': g_internal, 'login_failed': g_login,
            'automation': g_automation, 'ldap': g_ldap}
    counts = {'force': 80, 'ack': 12, 'reload': 8, 'loaded': 8, 'timeout': 25,
              'fetcher': 40, 'helper_started': 5, 'helper_term': 5, 'ignoring': 14,
              'job_init': 20, 'job_done': 18, 'internal': 6, 'login_failed': 10,
              'automation': 45, 'ldap': 4}
    run_shuffle(S, counts, gens, 8 * HOUR + rng.randint(0, 900) * SEC, 28)


# ============================================================ 5. Dnsdist ====

DNSDIST_EVENTS = [
    ('down', "Marking downstream <*> as 'down'"),
    ('up', "Marking downstream <*> as 'up'"),
    ('added', 'Added downstream server <*>'),
    ('ctl_got', 'Got control connection from <*>'),
    ('ctl_closed', 'Closed control connection from <*>'),
    ('hc_timeout', 'Timeout while waiting for the health check response (ID <*>) from backend <*>'),
    ('hc_error', 'Error while reading the health check response from backend <*>: <*>'),
    ('dynblock', 'Inserting dynamic block for <*> for <*> seconds: <*>'),
    ('tcp_exc', 'Got an exception while handling (reading) TCP query from <*>: <*>'),
    ('listening', 'Listening on <*>'),
    ('acl', 'ACL allowing queries from: <*>'),
    ('carbon', 'Problem sending carbon data to <*>: <*>'),
    ('udp_resp', 'Got an error in UDP responder thread while parsing a response from <*>, id <*>: <*>'),
    ('webserver', 'Webserver launched on <*>'),
]


def dnsdist_header(t, f):
    return '%s dns-lb01 dnsdist[%d]: ' % (ts_syslog(t), f['pid'])


def gen_dnsdist(S):
    rng = S.rng
    PID = rng.randint(700, 1400)
    H = {'pid': PID}
    backends = ['10.53.0.11:53', '10.53.0.12:53', '10.53.1.21:53',
                '[2001:db8:53::11]:53', '10.53.1.22:53']

    def client():
        r = rng.random()
        if r < 0.4:
            return '203.0.113.%d:%d' % (rng.randint(2, 254), rng.randint(1024, 65535))
        if r < 0.8:
            return '198.51.100.%d:%d' % (rng.randint(2, 254), rng.randint(1024, 65535))
        return '[2001:db8:%x::%x]:%d' % (rng.randint(1, 0xfff), rng.randint(1, 0xffff),
                                          rng.randint(1024, 65535))

    def ctl():
        host = rng.choice(['127.0.0.1', '127.0.0.1', '[::1]'])
        return '%s:%d' % (host, rng.randint(32768, 60999))

    def dyn_target():
        if rng.random() < 0.75:
            return '%s.%d/32' % (rng.choice(['203.0.113', '198.51.100', '192.0.2']),
                                 rng.randint(2, 254))
        return '2001:db8:%x:%x::/64' % (rng.randint(1, 0xfff), rng.randint(1, 0xffff))

    gens = {
        'down': lambda t: (H, [S.cyc('down', 'b', backends)]),
        'up': lambda t: (H, [S.cyc('up', 'b', backends)]),
        'added': lambda t: (H, [S.cyc('added', 'b', backends)]),
        'ctl_got': lambda t: (H, [ctl()]),
        'ctl_closed': lambda t: (H, [ctl()]),
        'hc_timeout': lambda t: (H, [rng.randint(0, 65535), S.cyc('hc_timeout', 'b', backends)]),
        'hc_error': lambda t: (H, [S.cyc('hc_error', 'b', backends), S.cyc('hc_error', 'r', [
            'Connection refused', 'Network is unreachable', 'Connection reset by peer',
            'EOF while reading the response'])]),
        'dynblock': lambda t: (H, [dyn_target(), S.cyc('dynblock', 's', [10, 60, 300, 60]),
                                   S.cyc('dynblock', 'r', ['Exceeded query rate', 'Exceeded ServFail rate',
                                                           'Exceeded NXD rate', 'Exceeded query rate',
                                                           'Exceeded bandwidth rate'])]),
        'tcp_exc': lambda t: (H, [client(), S.cyc('tcp_exc', 'r', [
            'EOF', 'Reading from the client: Connection reset by peer',
            'Timeout while reading from the client', 'EOF',
            'Query of size 7 is too small to be valid'])]),
        'listening': lambda t: (H, [S.cyc('listening', 'a', ['10.53.0.1:53', '[2001:db8:53::1]:53',
                                                             '127.0.0.1:53', '0.0.0.0:5300'])]),
        'acl': lambda t: (H, [S.cyc('acl', 'l', [
            '127.0.0.0/8, 10.0.0.0/8, 100.64.0.0/10, 169.254.0.0/16, 192.168.0.0/16, 172.16.0.0/12, ::1/128, fc00::/7, fe80::/10',
            '10.0.0.0/8, 127.0.0.0/8, ::1/128',
            '10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 127.0.0.0/8, ::1/128, fc00::/7'])]),
        'carbon': lambda t: (H, [S.cyc('carbon', 'a', ['10.53.9.5:2003', '10.53.9.6:2003']),
                                 S.cyc('carbon', 'r', ['Connection refused', 'Connection timed out',
                                                       'No route to host'])]),
        'udp_resp': lambda t: (H, [S.cyc('udp_resp', 'b', backends), rng.randint(0, 65535),
                                   S.cyc('udp_resp', 'r', [
                                       'Packet too short to be a valid DNS response',
                                       'Unexpected qname in the response',
                                       'Invalid DNS response: query ID mismatch'])]),
        'webserver': lambda t: (H, [S.cyc('webserver', 'a', ['127.0.0.1:8083', '10.53.0.1:8083'])]),
    }
    counts = {'down': 12, 'up': 11, 'added': 6, 'ctl_got': 40, 'ctl_closed': 38,
              'hc_timeout': 30, 'hc_error': 9, 'dynblock': 70, 'tcp_exc': 45,
              'listening': 5, 'acl': 4, 'carbon': 8, 'udp_resp': 18, 'webserver': 4}
    run_shuffle(S, counts, gens, 5 * HOUR + rng.randint(0, 900) * SEC, 45)


# ==================================================== 6. ActiveMQClassic ====

ACTIVEMQ_EVENTS = [
    ('conn_started', 'Connector <*> started'),
    ('conn_stopped', 'Connector <*> stopped'),
    ('transport_failed', 'Transport Connection to: tcp://<*>:<*> failed: <*>'),
    ('broker_starting', 'Apache ActiveMQ 6.1.2 (mq01, <*>) is starting'),
    ('broker_started', 'Apache ActiveMQ 6.1.2 (mq01, <*>) started'),
    ('broker_shutting', 'Apache ActiveMQ 6.1.2 (mq01, <*>) is shutting down'),
    ('broker_uptime', 'Apache ActiveMQ 6.1.2 (mq01, <*>) uptime <*>'),
    ('recovery', 'Recovery replayed <*> operations from the journal in <*> seconds.'),
    ('listening', 'Listening for connections at: <*>'),
    ('security', 'Async error occurred: java.lang.SecurityException: User name [<*>] or password is invalid.'),
    ('inactive', '<*> Inactive for longer than <*> ms - removing ...'),
    ('bridge_up', 'Network connection between <*> and <*> (<*>) has been established.'),
    ('bridge_stopped', 'mq01 bridge to <*> stopped'),
    ('flow_control', 'Usage(default:memory:queue://<*>:memory) percentUsage=<*>%, usage=<*>, limit=<*>, percentUsageMinDelta=1%: Usage Manager Memory Limit reached. Producer (<*>) stopped to prevent flooding queue://<*>. See http://activemq.apache.org/producer-flow-control.html for more info (blocking for: <*>)'),
    ('accept_failed', 'Could not accept connection from tcp://<*>:<*>: <*>'),
]


def activemq_header(t, f):
    # log4j2 default PatternLayout: %d{HH:mm:ss.SSS} [%t] %-5level %logger{36} - %msg%n
    return '%s [%s] %-5s %s - ' % (ts_hms_ms(t), f['thread'], f['level'], f['logger'])


def gen_activemq(S):
    rng = S.rng
    BS = 'org.apache.activemq.broker.BrokerService'
    TC = 'org.apache.activemq.broker.TransportConnector'
    DFB = 'org.apache.activemq.network.DemandForwardingBridgeSupport'
    TSH = ('ActiveMQ Transport Server Thread Handler: '
           'tcp://0.0.0.0:61616?maximumConnections=1000&wireFormat.maxFrameSize=104857600')
    connectors = ['openwire', 'amqp', 'stomp', 'mqtt', 'ws']
    urls = {'openwire': 'tcp://mq01:61616', 'amqp': 'amqp://mq01:5672',
            'stomp': 'stomp://mq01:61613', 'mqtt': 'mqtt://mq01:1883', 'ws': 'ws://mq01:61614'}
    queues = ['orders.in', 'billing.events', 'audit.trail', 'shipments.dlq.retry', 'sensor.ingest']
    qlimit = {'orders.in': 1048576, 'billing.events': 5242880, 'audit.trail': 2097152,
              'shipments.dlq.retry': 1048576, 'sensor.ingest': 10485760}
    task = [rng.randint(3, 40)]

    def H(thread, level, logger):
        return {'thread': thread, 'level': level, 'logger': logger}

    def client():
        return '10.40.%d.%d' % (rng.randint(0, 3), rng.randint(10, 250)), rng.randint(32768, 60999)

    def transport_thread(ip, port):
        return 'ActiveMQ Transport: tcp:///%s:%d@61616' % (ip, port)

    def broker_id(t):
        return 'ID:mq01-%d-%d-0:1' % (rng.randint(33000, 46000), epoch_ms(t) - rng.randint(0, 400))

    def task_thread():
        task[0] += rng.randint(1, 9)
        return 'ActiveMQ BrokerService[mq01] Task-%d' % task[0]

    def g_conn_started(t):
        return H('main', 'INFO', TC), [S.cyc('conn_started', 'c', connectors)]

    def g_conn_stopped(t):
        return H('ActiveMQ ShutdownHook', 'INFO', TC), [S.cyc('conn_stopped', 'c', connectors)]

    def g_transport_failed(t):
        ip, port = client()
        reason = S.cyc('transport_failed', 'r', ['eof', 'reset', 'inactive', 'eof', 'frame'])
        reason = {
            'eof': 'java.io.EOFException',
            'reset': 'java.net.SocketException: Connection reset',
            'inactive': ('org.apache.activemq.transport.InactivityIOException: Channel was inactive '
                         '(no connection attempt made) for too (>30000) long: tcp://%s:%d' % (ip, port)),
            'frame': 'java.io.IOException: Frame size of %d MB larger than max allowed 100 MB'
                     % rng.choice([256, 1024, 795]),
        }[reason]
        return H(transport_thread(ip, port), 'WARN',
                 'org.apache.activemq.broker.TransportConnection.Transport'), [ip, port, reason]

    def g_broker(thread):
        def g(t):
            return H(thread, 'INFO', BS), [broker_id(t)]
        return g

    def g_uptime(t):
        up = S.cyc('broker_uptime', 'u', ['3 hours 12 minutes', '47.812 seconds',
                                          '1 day 2 hours', '5 minutes'])
        return H('ActiveMQ ShutdownHook', 'INFO', BS), [broker_id(t), up]

    def g_recovery(t):
        return H('main', 'INFO', 'org.apache.activemq.store.kahadb.MessageDatabase'), [
            rng.randint(0, 48000), '%.3f' % rng.uniform(0.004, 6.5)]

    def g_listening(t):
        c = S.cyc('listening', 'c', connectors)
        return H('main', 'INFO', 'org.apache.activemq.transport.TransportServerThreadSupport'), [
            urls[c] + '?maximumConnections=1000&wireFormat.maxFrameSize=104857600']

    def g_security(t):
        ip, port = client()
        return H(transport_thread(ip, port), 'WARN',
                 'org.apache.activemq.broker.TransportConnection.Service'), [
            S.cyc('security', 'u', ['svc-orders', 'billing-app', 'guest', 'admin', 'reporting'])]

    def g_inactive(t):
        if S.cyc('inactive', 'kind', ['q', 'q', 't']) == 'q':
            dest, ms = 'queue://reply.%08x' % rng.getrandbits(32), 60000
        else:
            dest, ms = 'topic://events.device.%04d' % rng.randint(1, 9999), 300000
        return H('ActiveMQ Broker[mq01] Scheduler', 'INFO',
                 'org.apache.activemq.broker.region.RegionBroker'), [dest, ms]

    def g_bridge_up(t):
        remote, ip = S.cyc('bridge_up', 'r', [('mq02', '10.40.8.12'), ('mq03', '10.40.8.13'),
                                              ('mq-dr01', '10.90.1.5')])
        return H(task_thread(), 'INFO', DFB), [
            'vm://mq01#%d' % rng.randint(0, 40),
            'tcp:///%s:61616@%d' % (ip, rng.randint(32768, 60999)), remote]

    def g_bridge_stopped(t):
        return H(task_thread(), 'INFO', DFB), [S.cyc('bridge_stopped', 'r', ['mq02', 'mq03', 'mq-dr01'])]

    def g_flow(t):
        q = S.cyc('flow_control', 'q', queues)
        lim = qlimit[q]
        pct = S.cyc('flow_control', 'pct', [100, 100, 101, 103])
        ip, port = client()
        prod = 'ID:app%02d-%d-%d-1:%d:1:1' % (rng.randint(1, 12), rng.randint(33000, 46000),
                                              epoch_ms(t) - rng.randint(10 ** 6, 10 ** 8),
                                              rng.randint(1, 30))
        return H(transport_thread(ip, port), 'INFO', 'org.apache.activemq.broker.region.Queue'), [
            q, pct, lim * pct // 100 + rng.randint(0, 999), lim, prod, q,
            S.cyc('flow_control', 'block', ['30s', '5s', '12s', '31s'])]

    def g_accept(t):
        ip, port = client()
        reason = S.cyc('accept_failed', 'r', [
            'java.net.SocketException: Connection reset',
            'javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake',
            'org.apache.activemq.transport.tcp.ExceededMaximumConnectionsException: '
            'Exceeded the maximum number of allowed client connections.'])
        return H(TSH, 'ERROR', TC), [ip, port, reason]

    gens = {'conn_started': g_conn_started, 'conn_stopped': g_conn_stopped,
            'transport_failed': g_transport_failed,
            'broker_starting': g_broker('main'), 'broker_started': g_broker('main'),
            'broker_shutting': g_broker('ActiveMQ ShutdownHook'), 'broker_uptime': g_uptime,
            'recovery': g_recovery, 'listening': g_listening, 'security': g_security,
            'inactive': g_inactive, 'bridge_up': g_bridge_up, 'bridge_stopped': g_bridge_stopped,
            'flow_control': g_flow, 'accept_failed': g_accept}
    counts = {'conn_started': 12, 'conn_stopped': 9, 'transport_failed': 90,
              'broker_starting': 4, 'broker_started': 4, 'broker_shutting': 3,
              'broker_uptime': 3, 'recovery': 4, 'listening': 10, 'security': 35,
              'inactive': 40, 'bridge_up': 20, 'bridge_stopped': 16, 'flow_control': 30,
              'accept_failed': 20}
    run_shuffle(S, counts, gens, 10 * HOUR + rng.randint(0, 900) * SEC, 22)


# ============================================================== systems ====

MONTH_ALT = '|'.join(MONTHS)
SYSTEMS = [
    (1, 'FreeRADIUS', 'simulation', FREERADIUS_EVENTS, freeradius_header,
     r'(?P<ts>(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:%s) [ \d]\d \d\d:\d\d:\d\d \d{4}) : '
     r'(?:Auth|Info|Error|Warning|Proxy|Debug): ' % MONTH_ALT,
     digits_key(), gen_freeradius),
    (2, 'Zoneminder', 'simulation', ZONEMINDER_EVENTS, zoneminder_header,
     r'(?P<ts>%s) [\w.-]+ (?P<proc>\w+)\[\d+\]: (?:DBG|INF|WAR|ERR|FAT|PNC) \[(?P=proc)\] ' % SYSLOG_TS,
     digits_key(), gen_zoneminder),
    (3, 'Snort3', 'simulation', SNORT3_EVENTS, snort3_header,
     r'(?:(?P<ts>\d\d/\d\d-\d\d:\d\d:\d\d\.\d{6}) | *)',
     digits_key(), gen_snort3),
    (4, 'Checkmk', 'shuffle', CHECKMK_EVENTS, checkmk_header,
     r'(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(?: \[[0-7]\] \[(?:cmc|checker \d+|fetcher \d+)\]'
     r'|,\d{3} \[(?:10|20|30|40|50)\] \[cmk\.web(?:\.[a-z-]+)? \d+\]) ',
     digits_key(6), gen_checkmk),
    (5, 'Dnsdist', 'shuffle', DNSDIST_EVENTS, dnsdist_header,
     r'(?P<ts>%s) [\w.-]+ dnsdist\[\d+\]: ' % SYSLOG_TS,
     digits_key(), gen_dnsdist),
    (6, 'ActiveMQClassic', 'shuffle', ACTIVEMQ_EVENTS, activemq_header,
     r'(?P<ts>\d\d:\d\d:\d\d\.\d{3}) \[.+\] (?:TRACE|DEBUG|INFO |WARN |ERROR) [A-Za-z_$][\w.$]* - ',
     digits_key(), gen_activemq),
]


# ========================================================== self-check ====

def template_regex(tpl):
    return re.compile('^' + '(.+?)'.join(re.escape(p) for p in tpl.split('<*>')) + '$')


def check(S):
    errs = []

    def err(msg):
        errs.append('%s: %s' % (S.name, msg))

    d = os.path.join(OUT_DIR, S.name)
    log_path = os.path.join(d, S.name + '.log')
    csv_path = os.path.join(d, S.name + '.log_structured.csv')
    with open(log_path, 'rb') as f:
        raw = f.read()
    with open(csv_path, 'rb') as f:
        raw_csv = f.read()
    for label, data in (('log', raw), ('csv', raw_csv)):
        if not data.endswith(b'\n'):
            err('%s does not end with \\n' % label)
        if b'\r' in data:
            err('%s contains \\r' % label)
    lines = raw.decode('utf-8')[:-1].split('\n')
    if len(lines) != N_LINES:
        err('log has %d lines' % len(lines))
    with open(csv_path, encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != ['LineId', 'Content', 'EventId', 'EventTemplate']:
        err('bad csv header')
        return errs, None
    rows = rows[1:]
    if len(rows) != N_LINES:
        err('csv has %d rows' % len(rows))
    tpl_of = {}
    counts = Counter()
    slots = defaultdict(set)
    prev = None
    for i, (row, line) in enumerate(zip(rows, lines), 1):
        if len(row) != 4:
            err('row %d has %d columns' % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            err('row %d LineId %r' % (i, lid))
        if not content or content != content.strip():
            err('row %d content empty or not stripped' % i)
        if not line.endswith(content):
            err('line %d does not end with its content' % i)
            continue
        header = line[:len(line) - len(content)]
        m = S.header_re.fullmatch(header)
        if not m:
            err('line %d header %r does not match' % (i, header))
        else:
            ts = m.groupdict().get('ts')
            if ts:
                key = S.ts_key(ts)
                if prev is not None and key < prev:
                    err('line %d timestamp goes back' % i)
                prev = key
        if not re.fullmatch(r'E\d+', eid):
            err('row %d bad EventId %r' % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            err('EventId %s has two templates' % eid)
        mm = template_regex(tpl).fullmatch(content)
        if not mm:
            err('row %d content does not match its template' % i)
        else:
            for j, g in enumerate(mm.groups()):
                slots[(eid, j)].add(g)
        counts[eid] += 1
    if len(set(tpl_of.values())) != len(tpl_of):
        err('two EventIds share a template')
    declared = dict((S.eid[k], S.tpl[k]) for k in S.keys)
    if set(tpl_of) != set(declared):
        err('declared events not all used: missing %s' % sorted(set(declared) - set(tpl_of)))
    for eid, tpl in tpl_of.items():
        if declared.get(eid) != tpl:
            err('%s template differs from declaration' % eid)
        for j in range(tpl.count('<*>')):
            if len(slots[(eid, j)]) < 2:
                err('%s slot %d has one value %r' % (eid, j + 1, sorted(slots[(eid, j)])))
    n = len(declared)
    if not 12 <= n <= 15:
        err('%d event types' % n)
    cs = sorted(counts.values())
    if cs and min(cs) < 3:
        err('event with <3 lines: %s' % dict((e, c) for e, c in counts.items() if c < 3))
    small = sum(1 for c in cs if 3 <= c <= 10)
    if small < 3:
        err('only %d events with 3-10 lines' % small)
    med = statistics.median(cs) if cs else 0
    if cs and max(cs) < 3 * med:
        err('largest %d < 3 x median %s' % (max(cs), med))
    summary = (S.name, S.kind, n, max(cs) if cs else 0, med, min(cs) if cs else 0, small,
               ' '.join('%s=%d' % (e, counts[e]) for e in sorted(counts, key=lambda x: int(x[1:]))))
    return errs, summary


def main():
    systems = []
    for k, name, kind, events, header_fn, header_re, ts_key, gen in SYSTEMS:
        S = System(k, name, kind, header_re, header_fn, ts_key, events)
        gen(S)
        S.finalize()
        S.write()
        systems.append(S)
    all_errs = []
    for S in systems:
        errs, summary = check(S)
        all_errs.extend(errs)
        if summary:
            name, kind, n, mx, med, mn, small, detail = summary
            print('%-16s %-10s events=%2d max=%3d median=%5s min=%2d small(3-10)=%d  %s'
                  % (name, kind, n, mx, med, mn, small, 'OK' if not errs else 'FAIL'))
            print('    ' + detail)
    for e in all_errs:
        print('CHECK FAILED: ' + e)
    if all_errs:
        sys.exit(1)
    print('all self-checks passed')


if __name__ == '__main__':
    main()
