#!/usr/bin/env python3
"""Sealed 65: blind labelled log corpus generator.

Standard library only and fully deterministic: no wall clock, no locale.
Base seed 20270191; system k (1..6) uses random.Random(20270191 * 10 + k).
All times come from an integer nanosecond clock counted from
2026-03-14 00:00:00 UTC.

Running this writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system next to this file, then re-reads and self-checks them.
"""
import csv
import io
import os
import random
import re
import statistics
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
BASE_SEED = 20270191
NLINES = 300
YEAR, MONTH, DAY = 2026, 3, 14
MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun',
          'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
WDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
SEC = 10 ** 9
MS = 10 ** 6
DAY_NS = 86400 * SEC


def weekday(y, m, d):
    """0 = Monday (Sakamoto's method)."""
    t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    yy = y - (1 if m < 3 else 0)
    w = (yy + yy // 4 - yy // 100 + yy // 400 + t[m - 1] + d) % 7  # 0 = Sunday
    return (w + 6) % 7


WDAY = WDAYS[weekday(YEAR, MONTH, DAY)]
MON = MONTHS[MONTH - 1]


# ---------------------------------------------------------------- time formats
def split_ns(t):
    assert 0 <= t < DAY_NS, t
    s, frac = divmod(t, SEC)
    return s // 3600, s // 60 % 60, s % 60, frac


def ts_seaf(t):          # [%x %X] in the C locale
    h, m, s, _ = split_ns(t)
    return '%02d/%02d/%02d %02d:%02d:%02d' % (MONTH, DAY, YEAR % 100, h, m, s)


def ts_pylog(t):         # python logging asctime
    h, m, s, f = split_ns(t)
    return '%04d-%02d-%02d %02d:%02d:%02d,%03d' % (YEAR, MONTH, DAY, h, m, s, f // MS)


def ts_rfc3339nano(t):   # Go time.RFC3339Nano, trailing zeros trimmed
    h, m, s, f = split_ns(t)
    frac = ('%09d' % f).rstrip('0')
    return '%04d-%02d-%02dT%02d:%02d:%02d%sZ' % (YEAR, MONTH, DAY, h, m, s,
                                                 '.' + frac if frac else '')


def ts_golog(t):         # Go log.LstdFlags
    h, m, s, _ = split_ns(t)
    return '%04d/%02d/%02d %02d:%02d:%02d' % (YEAR, MONTH, DAY, h, m, s)


def ts_zap(t):           # zap ISO8601 encoder, UTC
    h, m, s, f = split_ns(t)
    return '%04d-%02d-%02dT%02d:%02d:%02d.%03dZ' % (YEAR, MONTH, DAY, h, m, s, f // MS)


def ts_clock_cs(t):      # HH:MM:SS.cc
    h, m, s, f = split_ns(t)
    return '%02d:%02d:%02d.%02d' % (h, m, s, f // (10 * MS))


def ts_clock(t):
    h, m, s, _ = split_ns(t)
    return '%02d:%02d:%02d' % (h, m, s)


def ts_ctime(t):         # C ctime() without the newline
    h, m, s, _ = split_ns(t)
    return '%s %s %2d %02d:%02d:%02d %d' % (WDAY, MON, DAY, h, m, s, YEAR)


def go_dur(ns):
    """Go time.Duration.String() for durations >= 1ms."""
    if ns < SEC:
        ip, fp = divmod(ns, MS)
        f = ('%06d' % fp).rstrip('0')
        return '%d%sms' % (ip, '.' + f if f else '')
    mins, rem = divmod(ns, 60 * SEC)
    hrs, mins = divmod(mins, 60)
    sec, frac = divmod(rem, SEC)
    f = ('%09d' % frac).rstrip('0')
    out = ''
    if hrs:
        out += '%dh' % hrs
    if hrs or mins:
        out += '%dm' % mins
    return out + '%d%ss' % (sec, '.' + f if f else '')


def go_float(x):
    """strconv.FormatFloat(x, 'f', -1, 64) for a value rounded to microseconds."""
    v = repr(round(x, 6))
    return v[:-2] if v.endswith('.0') else v


def hsize(n):
    for unit, div in (('GB', 10 ** 9), ('MB', 10 ** 6), ('kB', 10 ** 3)):
        if n >= div:
            return '%.1f %s' % (n / div, unit)
    return '%d B' % n


# ---------------------------------------------------------------- value helpers
HEX = '0123456789abcdef'
B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
B64URL = B62 + '-_'


def hexs(r, n):
    return ''.join(r.choice(HEX) for _ in range(n))


def b62(r, n):
    return ''.join(r.choice(B62) for _ in range(n))


def uuid4(r):
    h = hexs(r, 32)
    h = h[:12] + '4' + h[13:16] + r.choice('89ab') + h[17:]
    return '%s-%s-%s-%s-%s' % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def rand_ip(r):
    k = r.randrange(5)
    if k == 0:
        return '10.%d.%d.%d' % (r.randint(0, 40), r.randint(0, 255), r.randint(2, 254))
    if k == 1:
        return '192.168.%d.%d' % (r.randint(0, 20), r.randint(2, 254))
    if k == 2:
        return '172.%d.%d.%d' % (r.randint(16, 31), r.randint(0, 255), r.randint(2, 254))
    if k == 3:
        return '203.0.113.%d' % r.randint(2, 254)
    return '198.51.100.%d' % r.randint(2, 254)


USERS = ['lena.hart', 'okafor', 'psandoval', 'yuki.mori', 'mbrandt', 'zora.k',
         'divanov', 'teodora', 'rquint', 'hallvard', 'amira.s', 'jfenwick']
MAIL_DOMAINS = ['corp.example', 'mail.example.org', 'example.net']
DIRS = ['Documents', 'Projects/atlas', 'Photos/2025/summer', 'Shared/finance',
        'Clients/nordwind', 'Archive/2024', 'Team/design', 'Scans', 'Projects/kestrel/specs',
        'Music/live', 'Invoices/2026']
FILES = ['report-q1.pdf', 'budget_2026.xlsx', 'IMG_4821.JPG', 'minutes-0312.docx',
         'design-v3.fig', 'notes.md', 'invoice-7731.pdf', 'backup.tar.gz', 'slides.pptx',
         'README.txt', 'DSC01942.NEF', 'contract_signed.pdf', 'roadmap.odt', 'data.csv',
         'standup.mp4', 'logo@2x.png', 'floorplan.dwg', 'offer letter.pdf', 'todo.txt',
         'scan_0042.tiff', 'mockup-home.png', 'payroll-feb.ods']


def rpath(r):
    return r.choice(DIRS) + '/' + r.choice(FILES)


def email(r, user=None):
    return (user or r.choice(USERS)) + '@' + r.choice(MAIL_DOMAINS)


# ---------------------------------------------------------------- framework
class Event:
    def __init__(self, eid, key, tpl, fn, hdr):
        self.eid, self.key, self.tpl, self.fn, self.hdr = eid, key, tpl, fn, hdr


def fill(tpl, vals):
    parts = tpl.split('<*>')
    assert len(parts) == len(vals) + 1, (tpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        assert v and '\n' not in v and '\r' not in v, (tpl, v)
        out.append(v)
        out.append(p)
    return ''.join(out)


class System:
    def __init__(self, name, k, kind):
        self.name, self.k, self.kind = name, k, kind
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.events = []
        self.by_key = {}
        self.counters = {}
        self.cur = None
        self.slot = 0
        self.rows = []          # (raw line, content, eid, template)
        self.header = None      # f(system, t, event, attrs) -> str
        self.hdr_re = None      # compiled regex; must fullmatch the header
        self.ts_of = None       # f(raw line) -> comparable or None
        self.entities = ''
        self.fmt_desc = ''

    def ev(self, key, tpl, fn=None, **hdr):
        e = Event('E%d' % (len(self.events) + 1), key, tpl, fn, hdr)
        assert key not in self.by_key
        self.events.append(e)
        self.by_key[key] = e

    def cy(self, pool):
        """Cycle through a small pool, separately per (event, slot)."""
        key = (self.cur, self.slot)
        self.slot += 1
        i = self.counters.get(key, 0)
        self.counters[key] = i + 1
        return pool[i % len(pool)]

    def emit(self, t, key, a=None):
        e = self.by_key[key]
        a = dict(a or {})
        a['t'] = t
        self.cur, self.slot = key, 0
        vals = e.fn(self, a) if e.fn else []
        content = fill(e.tpl, vals)
        raw = self.header(self, t, e, a) + content
        self.rows.append((raw, content, e.eid, e.tpl))


def run_shuffle(s, counts, start, mean_gap_s):
    assert sum(n for _, n in counts) == NLINES
    assert [k for k, _ in counts] == [e.key for e in s.events]
    seq = [k for k, n in counts for _ in range(n)]
    s.rng.shuffle(seq)
    t = start
    for k in seq:
        t += 1 + int(s.rng.expovariate(1.0) * mean_gap_s * SEC)
        s.emit(t, k)


class Timeline:
    """Collects (t, seq, key, attrs) from simulated entities."""

    def __init__(self):
        self.items = []

    def add(self, t, key, **a):
        self.items.append((int(t), len(self.items), key, a))

    def play(self, s):
        self.items.sort(key=lambda x: (x[0], x[1]))
        for t, _, key, a in self.items[:NLINES]:
            s.emit(t, key, a)
        assert len(s.rows) == NLINES, (s.name, len(s.rows))


# ================================================================ 1. Seafile
def build_seafile():
    s = System('Seafile', 1, 'shuffle')
    r = s.rng
    repos = [uuid4(r) for _ in range(7)]
    s.fmt_desc = ('seaf-server seafile.log `[%x %X] file.c(line): msg` merged with '
                  'seahub `asctime [LEVEL] logger:lineno funcName msg`')

    def header(s, t, e, a):
        h = e.hdr
        if h['kind'] == 'seaf':
            return '[%s] %s: ' % (ts_seaf(t), h['src'])
        return '%s [%s] %s:%d %s ' % (ts_pylog(t), h['level'], h['logger'], h['line'], h['func'])
    s.header = header
    s.hdr_re = re.compile(
        r'(?:\[\d\d/\d\d/\d\d \d\d:\d\d:\d\d\] [\w./-]+\.c\(\d+\): '
        r'|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \[(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\] '
        r'[\w.]+:\d+ \w+ )')

    def ts_of(line):
        m = re.match(r'\[03/14/26 (\d\d):(\d\d):(\d\d)\] ', line) or \
            re.match(r'2026-03-14 (\d\d):(\d\d):(\d\d),\d{3} ', line)
        assert m, line
        h, mi, se = map(int, m.groups())
        return h * 3600 + mi * 60 + se
    s.ts_of = ts_of

    def seaf(src):
        return dict(kind='seaf', src=src)

    def hub(level, logger, line, func):
        return dict(kind='hub', level=level, logger=logger, line=line, func=func)

    def repo(s):
        return s.cy(repos)

    def hub_path(s):
        k = s.cy(['file', 'thumb', 'lib', 'share', 'dir', 'avatar', 'upload'])
        if k == 'file':
            return '/api2/repos/%s/file/' % r.choice(repos)
        if k == 'thumb':
            return '/thumbnail/%s/%d/%s' % (r.choice(repos), r.choice([48, 96, 192, 1024]), rpath(r))
        if k == 'lib':
            return '/lib/%s/file/%s' % (r.choice(repos), rpath(r))
        if k == 'share':
            return '/f/%s/' % hexs(r, 20)
        if k == 'dir':
            return '/api/v2.1/repos/%s/dir/' % r.choice(repos)
        if k == 'avatar':
            return '/media/avatars/%s/resized/%d/%s.png' % (hexs(r, 2), r.choice([36, 72, 80]), hexs(r, 32))
        return '/api2/repos/%s/upload-link/' % r.choice(repos)

    sqls = ['SELECT repo_id, owner_id FROM RepoOwner WHERE owner_id=?',
            'UPDATE RepoSize SET size=?, head_id=? WHERE repo_id=?',
            'SELECT commit_id FROM Branch WHERE name=? AND repo_id=?',
            'INSERT INTO RepoFileCount (repo_id,file_count) VALUES (?,?)',
            'SELECT permission FROM SharedRepo WHERE repo_id=? AND to_email=?']
    myerrs = ['Lost connection to MySQL server during query',
              'MySQL server has gone away',
              "Deadlock found when trying to get lock; try restarting transaction",
              'Lock wait timeout exceeded; try restarting transaction']

    s.ev('qsize', 'Repo size compute queue size is <*>',
         lambda s, a: [s.cy([0, 0, 1, 0, 2, 0, 0, 3, 1, 0, 5, 0, 0, 1, 12])],
         **seaf('size-sched.c(96)'))
    s.ev('notfound', 'Not Found: <*>', lambda s, a: [hub_path(s)],
         **hub('WARNING', 'django.request', 241, 'log_response'))
    s.ev('blockbend', '[block bend] failed to open block <*>:<*> for read: <*>.',
         lambda s, a: [repo(s), hexs(r, 40),
                       s.cy(['No such file or directory', 'Permission denied',
                             'No such file or directory', 'Input/output error'])],
         **seaf('../common/block-backend-fs.c(74)'))
    s.ev('commit', 'Failed to load commit <*> in repo <*>.',
         lambda s, a: [hexs(r, 40), repo(s)], **seaf('repo-mgr.c(1246)'))
    s.ev('forbidden', 'Forbidden: <*>', lambda s, a: [hub_path(s)],
         **hub('WARNING', 'django.request', 241, 'log_response'))
    s.ev('execsql', 'Failed to execute sql <*>: <*>',
         lambda s, a: [s.cy(sqls), s.cy(myerrs)], **seaf('../common/seaf-db.c(745)'))
    s.ev('thumb', 'cannot identify image file <_io.BytesIO object at <*>>',
         lambda s, a: ['0x7f' + hexs(r, 10)],
         **hub('ERROR', 'seahub.thumbnail.utils', 174, '_create_thumbnail_common'))
    s.ev('loginlimit', 'Login attempt limit reached, email/username: <*>, ip: <*>, attemps: <*>',
         lambda s, a: [s.cy([email(r), r.choice(USERS)]), rand_ip(r), s.cy([3, 4, 5, 3, 6])],
         **hub('WARNING', 'seahub.auth.views', 119, 'login'))
    s.ev('prepsql', 'Failed to prepare sql <*>: <*>',
         lambda s, a: [s.cy(sqls[::-1]), s.cy(myerrs[:2])], **seaf('../common/seaf-db.c(731)'))
    s.ev('zipdir', 'Failed to zip dir <*> in repo <*>.',
         lambda s, a: ['/' + r.choice(DIRS), repo(s)], **seaf('zip-download-mgr.c(382)'))
    s.ev('sendmail', 'Failed to send email to <*>: <*>',
         lambda s, a: [email(r), s.cy(['[Errno 111] Connection refused', 'timed out',
                                       'SMTP AUTH extension not supported by server.'])],
         **hub('ERROR', 'seahub.utils', 318, 'send_html_email_with_dj_template'))
    s.ev('quota', '[upload] Out of quota for repo <*>.', lambda s, a: [repo(s)],
         **seaf('upload-file.c(612)'))
    s.ev('token', 'Access token <*> is invalid or expired.', lambda s, a: [uuid4(r)],
         **seaf('http-server.c(1517)'))
    s.ev('fsobj', '[fs mgr] Failed to decompress fs object <*>.', lambda s, a: [hexs(r, 40)],
         **seaf('../common/fs-mgr.c(2873)'))

    counts = [('qsize', 81), ('notfound', 38), ('blockbend', 30), ('commit', 24),
              ('forbidden', 22), ('execsql', 20), ('thumb', 18), ('loginlimit', 16),
              ('prepsql', 14), ('zipdir', 12), ('sendmail', 9), ('quota', 7),
              ('token', 5), ('fsobj', 4)]
    run_shuffle(s, counts, 7 * 3600 * SEC + 12 * 60 * SEC + r.randrange(SEC), 26)
    return s


# ================================================================ 2. OcisServer
def build_ocis():
    s = System('OcisServer', 2, 'simulation')
    r = s.rng
    s.entities = 'user sessions issuing WebDAV/OCS/Graph requests, uploads and their postprocessing'
    s.fmt_desc = ('zerolog JSON: `{"level":..,"service":..,` then event fields, `"time"`, '
                  '`"message"`; Content is everything after the service field')
    s.header = lambda s, t, e, a: '{"level":"%s","service":"%s",' % (e.hdr['level'], e.hdr['service'])
    s.hdr_re = re.compile(r'\{"level":"(?:debug|info|warn|error)","service":"[a-z-]+",')

    def ts_of(line):
        m = re.search(r'"time":"2026-03-14T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?Z"', line)
        assert m, line
        h, mi, se = int(m.group(1)), int(m.group(2)), int(m.group(3))
        frac = int((m.group(4) or '0').ljust(9, '0'))
        return (h * 3600 + mi * 60 + se) * SEC + frac
    s.ts_of = ts_of

    def T(a):
        return ts_rfc3339nano(a['t'])

    def H(level, service):
        return dict(level=level, service=service)

    host = hexs(r, 12)
    rprefix = host + '/' + b62(r, 10)
    ctr = [0]

    def rid(a):
        req = a['req']
        if req.get('rid') is None:
            ctr[0] += 1
            req['rid'] = '%s-%06d' % (rprefix, ctr[0])
        return req['rid']

    s.ev('access', '"request-id":"<*>","remote-addr":"<*>","proto":"HTTP/1.1","method":"<*>",'
         '"status":<*>,"path":"<*>","duration":<*>,"bytes":<*>,"time":"<*>","message":"access-log"}',
         lambda s, a: [rid(a), a['ip'], a['method'], a['status'], a['path'],
                       go_float(a['dur'] / MS), a['bytes'], T(a)], **H('info', 'proxy'))
    s.ev('upcreate', '"pkg":"rgrpc","traceid":"<*>","spaceid":"<*>","uploadid":"<*>","filename":"<*>",'
         '"size":<*>,"time":"<*>","message":"upload session initiated"}',
         lambda s, a: [a['trace'], a['space'], a['up'], a['fname'], a['size'], T(a)],
         **H('info', 'storage-users'))
    s.ev('ppstep', '"uploadid":"<*>","step":"<*>","time":"<*>","message":"postprocessing step finished"}',
         lambda s, a: [a['up'], a['step'], T(a)], **H('info', 'postprocessing'))
    s.ev('avscan', '"uploadid":"<*>","filename":"<*>","scanner":"clamav","infected":false,'
         '"duration":"<*>","time":"<*>","message":"file scanned"}',
         lambda s, a: [a['up'], a['fname'], go_dur(a['scan']), T(a)], **H('info', 'antivirus'))
    s.ev('infected', '"uploadid":"<*>","filename":"<*>","scanner":"clamav","infected":true,'
         '"description":"<*>","time":"<*>","message":"file infected"}',
         lambda s, a: [a['up'], a['fname'],
                       s.cy(['Win.Test.EICAR_HDB-1', 'Doc.Dropper.Agent-7413390-0',
                             'Js.Trojan.Agent-6457102-0', 'Pdf.Exploit.CVE_2018_4990-6532245-0']),
                       T(a)], **H('warn', 'antivirus'))
    s.ev('ppdone', '"uploadid":"<*>","outcome":"<*>","duration":"<*>","time":"<*>",'
         '"message":"postprocessing finished"}',
         lambda s, a: [a['up'], a['outcome'], go_dur(a['ppdur']), T(a)], **H('info', 'postprocessing'))
    s.ev('indexed', '"spaceid":"<*>","path":"<*>","duration":"<*>","time":"<*>","message":"indexed resource"}',
         lambda s, a: [a['space'], './' + a['rel'], go_dur(a['idx']), T(a)], **H('info', 'search'))
    s.ev('statfail', '"pkg":"rhttp","traceid":"<*>","request-id":"<*>","path":"<*>","error":"<*>",'
         '"time":"<*>","message":"error sending a grpc stat request"}',
         lambda s, a: [a['trace'], rid(a), a['path'],
                       s.cy(['rpc error: code = DeadlineExceeded desc = context deadline exceeded',
                             'rpc error: code = Unavailable desc = error reading from server: EOF',
                             'rpc error: code = Internal desc = gateway: error calling Stat: internal error']),
                       T(a)], **H('error', 'ocdav'))
    s.ev('notfound', '"pkg":"rhttp","traceid":"<*>","request-id":"<*>","path":"<*>","time":"<*>",'
         '"message":"resource not found"}',
         lambda s, a: [a['trace'], rid(a), a['path'], T(a)], **H('warn', 'ocdav'))
    s.ev('sharecreated', '"pkg":"rgrpc","traceid":"<*>","share_id":"<*>","grantee":"<*>","role":"<*>",'
         '"time":"<*>","message":"share created"}',
         lambda s, a: [a['trace'], a['share'], a['grantee'], a['role'], T(a)], **H('info', 'sharing'))
    s.ev('shareremoved', '"pkg":"rgrpc","traceid":"<*>","share_id":"<*>","time":"<*>","message":"share removed"}',
         lambda s, a: [a['trace'], a['share'], T(a)], **H('info', 'sharing'))
    s.ev('tokenfail', '"error":"<*>","time":"<*>","message":"could not verify access token"}',
         lambda s, a: [a['err'], T(a)], **H('error', 'proxy'))
    s.ev('thumbfail', '"path":"<*>","error":"<*>","time":"<*>","message":"could not get thumbnail"}',
         lambda s, a: [a['rel'], s.cy(['image: unknown format', 'thumbnails: file too large',
                                       'rpc error: code = NotFound desc = thumbnail not found']),
                       T(a)], **H('error', 'thumbnails'))

    # ------------------------------------------------------------ simulation
    tl = Timeline()
    storage = uuid4(r)
    people = USERS[:10]
    personal = {u: storage + '$' + uuid4(r) for u in people}
    projects = [storage + '$' + uuid4(r) for _ in range(3)]
    roles = ['viewer', 'editor', 'uploader', 'viewer', 'editor']
    kinds = (['propfind'] * 12 + ['get'] * 5 + ['upload'] * 3 + ['preview'] * 2 +
             ['share_create'] * 2 + ['share_remove', 'notfound', 'statfail', 'tokenfail', 'thumbfail'])
    r.shuffle(kinds)
    kind_i = [0]
    upload_n = [0]
    open_shares = []

    def dav(space, rel):
        return '/remote.php/dav/spaces/%s/%s' % (space, rel)

    t_start = 9 * 3600 * SEC + r.randrange(600 * SEC)
    for si in range(70):
        user = people[si % len(people)]
        ip = rand_ip(r)
        t = t_start + int(r.uniform(0, 5400) * SEC)
        for _ in range(r.randint(3, 11)):
            kind = kinds[kind_i[0] % len(kinds)]
            kind_i[0] += 1
            space = personal[user] if r.random() < 0.7 else r.choice(projects)
            rel = rpath(r)
            req = {}
            trace = hexs(r, 32)
            base = dict(req=req, ip=ip)
            if kind == 'propfind':
                d = int(r.uniform(4, 180) * MS)
                tl.add(t + d, 'access', method='PROPFIND', status=207,
                       path=dav(space, rel.rsplit('/', 1)[0] + '/'), dur=d,
                       bytes=r.randint(900, 64000), **base)
            elif kind == 'get':
                size = r.randint(2000, 40 * 10 ** 6)
                d = int((r.uniform(5, 60) + size / 2.0e5) * MS)
                tl.add(t + d, 'access', method='GET', status=r.choice([200, 200, 200, 304]),
                       path=dav(space, rel), dur=d, bytes=size, **base)
            elif kind == 'preview':
                d = int(r.uniform(20, 400) * MS)
                tl.add(t + d, 'access', method='GET', status=200, path=dav(space, rel),
                       dur=d, bytes=r.randint(3000, 90000), **base)
            elif kind == 'thumbfail':
                d = int(r.uniform(30, 900) * MS)
                tl.add(t + d - 2 * MS, 'thumbfail', rel=rel)
                tl.add(t + d, 'access', method='GET', status=500, path=dav(space, rel),
                       dur=d, bytes=r.randint(60, 200), **base)
            elif kind == 'notfound':
                d = int(r.uniform(3, 40) * MS)
                p = dav(space, rel)
                tl.add(t + d - MS, 'notfound', trace=trace, path=p, **base)
                tl.add(t + d, 'access', method=r.choice(['PROPFIND', 'GET', 'HEAD']), status=404,
                       path=p, dur=d, bytes=r.choice([0, 246, 251]), **base)
            elif kind == 'statfail':
                d = int(r.uniform(900, 10000) * MS)
                p = dav(space, rel.rsplit('/', 1)[0] + '/')
                tl.add(t + d - MS, 'statfail', trace=trace, path=p, **base)
                tl.add(t + d, 'access', method='PROPFIND', status=500, path=p, dur=d,
                       bytes=0, **base)
            elif kind == 'tokenfail':
                d = int(r.uniform(1, 9) * MS)
                err = r.choice(['token is expired by %dm%ds' % (r.randint(0, 40), r.randint(0, 59)),
                                'token has invalid claims: token is expired',
                                'token signature is invalid: crypto/rsa: verification error'])
                tl.add(t + d - 200000, 'tokenfail', err=err)
                tl.add(t + d, 'access', method=r.choice(['PROPFIND', 'GET', 'POST']), status=401,
                       path=r.choice(['/graph/v1.0/me/drives', '/ocs/v1.php/cloud/user',
                                      dav(space, rel)]), dur=d, bytes=0, **base)
            elif kind == 'share_create':
                d = int(r.uniform(30, 300) * MS)
                sh = storage + '$' + space.split('$')[1] + '!' + uuid4(r)
                open_shares.append(sh)
                grantee = r.choice([u for u in people if u != user])
                tl.add(t + d - 3 * MS, 'sharecreated', trace=trace, share=sh, grantee=grantee,
                       role=roles[len(open_shares) % len(roles)])
                tl.add(t + d, 'access', method='POST', status=200,
                       path='/ocs/v2.php/apps/files_sharing/api/v1/shares', dur=d,
                       bytes=r.randint(900, 1600), **base)
            elif kind == 'share_remove':
                d = int(r.uniform(20, 200) * MS)
                sh = open_shares.pop(0) if open_shares else \
                    storage + '$' + space.split('$')[1] + '!' + uuid4(r)
                tl.add(t + d - 2 * MS, 'shareremoved', trace=trace, share=sh)
                tl.add(t + d, 'access', method='DELETE', status=200,
                       path='/ocs/v2.php/apps/files_sharing/api/v1/shares/' + sh, dur=d,
                       bytes=r.randint(300, 420), **base)
            else:  # upload
                upload_n[0] += 1
                up = uuid4(r)
                size = r.randint(800, 60 * 10 ** 6)
                fname = rel.rsplit('/', 1)[1]
                d1 = int(r.uniform(10, 120) * MS)
                tl.add(t + d1 - 2 * MS, 'upcreate', trace=trace, space=space, up=up,
                       fname=fname, size=size)
                tl.add(t + d1, 'access', method='POST', status=201,
                       path=dav(space, rel.rsplit('/', 1)[0] + '/'), dur=d1,
                       bytes=0, **base)
                d2 = int((r.uniform(40, 300) + size / 4.0e4) * MS)
                t2 = t + d1 + int(r.uniform(5, 60) * MS) + d2
                tl.add(t2, 'access', method='PATCH', status=204, path='/data/' + b62(r, 12) + '.' +
                       b62(r, 24), dur=d2, bytes=0, req={}, ip=ip)
                t3 = t2 + int(r.uniform(15, 90) * MS)
                tl.add(t3, 'ppstep', up=up, step='policies')
                scan = int((r.uniform(30, 400) + size / 1.0e5) * MS)
                t4 = t3 + scan
                infected = upload_n[0] % 4 == 2
                if infected:
                    tl.add(t4, 'infected', up=up, fname=fname)
                else:
                    tl.add(t4, 'avscan', up=up, fname=fname, scan=scan)
                tl.add(t4 + int(r.uniform(2, 12) * MS), 'ppstep', up=up, step='virusscan')
                t5 = t4 + int(r.uniform(15, 60) * MS)
                tl.add(t5, 'ppdone', up=up, outcome='delete' if infected else 'continue',
                       ppdur=t5 - t2)
                if not infected:
                    tl.add(t5 + int(r.uniform(200, 1500) * MS), 'indexed', space=space, rel=rel,
                           idx=int(r.uniform(40, 900) * MS))
                d = d1 + d2
            t += d + int((0.4 + r.expovariate(1 / 35.0)) * SEC)
    tl.play(s)
    return s


# ================================================================ 3. Filebrowser
def build_filebrowser():
    s = System('Filebrowser', 3, 'shuffle')
    r = s.rng
    s.fmt_desc = 'Go standard log: `YYYY/MM/DD HH:MM:SS msg`'
    s.header = lambda s, t, e, a: ts_golog(t) + ' '
    s.hdr_re = re.compile(r'\d{4}/\d\d/\d\d \d\d:\d\d:\d\d ')

    def ts_of(line):
        m = re.match(r'2026/03/14 (\d\d):(\d\d):(\d\d) ', line)
        assert m, line
        h, mi, se = map(int, m.groups())
        return h * 3600 + mi * 60 + se
    s.ts_of = ts_of

    clients = [rand_ip(r) for _ in range(9)]

    def cip(s):
        return r.choice(clients) if r.random() < 0.8 else rand_ip(r)

    def raw_err(s):
        k = s.cy(['pipe', 'dir', 'cancel', 'perm', 'reset'])
        if k == 'pipe':
            return 'write tcp 172.19.0.3:80->%s:%d: write: broken pipe' % (rand_ip(r), r.randint(32768, 60999))
        if k == 'dir':
            return 'read /srv/%s: is a directory' % r.choice(DIRS)
        if k == 'cancel':
            return 'context canceled'
        if k == 'perm':
            return 'open /srv/%s: permission denied' % rpath(r)
        return 'readfrom tcp 172.19.0.3:80->%s:%d: write: connection reset by peer' % (
            rand_ip(r), r.randint(32768, 60999))

    def p404(s, a):
        p = rpath(r)
        return [p, cip(s), p]

    s.ev('res404', '/api/resources/<*>: 404 <*> open /srv/<*>: no such file or directory', p404)
    s.ev('login403', '/api/login: 403 <*> <nil>', lambda s, a: [cip(s)])
    s.ev('res409', '/api/resources/<*>: 409 <*> <nil>', lambda s, a: [rpath(r), cip(s)])
    s.ev('renew401', '/api/renew: 401 <*> <nil>', lambda s, a: [cip(s)])
    s.ev('raw500', '/api/raw/<*>: 500 <*> <*>', lambda s, a: [rpath(r), cip(s), raw_err(s)])
    s.ev('res403', '/api/resources/<*>: 403 <*> <nil>', lambda s, a: [rpath(r), cip(s)])
    s.ev('tls', 'http: TLS handshake error from <*>: <*>',
         lambda s, a: ['%s:%d' % (rand_ip(r), r.randint(1024, 65535)),
                       s.cy(['EOF', 'remote error: tls: unknown certificate',
                             'tls: first record does not look like a TLS handshake',
                             'remote error: tls: bad certificate',
                             'tls: client offered only unsupported versions: [302 301]'])])
    s.ev('thumb', '/api/preview/thumb/<*>: 500 <*> image: unknown format',
         lambda s, a: [r.choice(DIRS) + '/' + s.cy(['DSC01942.NEF', 'scan_0042.tiff', 'IMG_5120.HEIC',
                                                    'render.webp', 'cover.avif']), cip(s)])
    s.ev('share404', '/api/public/share/<*>: 404 <*> <nil>',
         lambda s, a: [''.join(r.choice(B64URL) for _ in range(8)), rand_ip(r)])
    s.ev('superfluous', 'http: superfluous response.WriteHeader call from '
         'github.com/filebrowser/filebrowser/v2/http.handle.func1 (data.go:89)')
    s.ev('usingdb', 'Using database: <*>',
         lambda s, a: [s.cy(['/database/filebrowser.db', '/srv/.filebrowser/filebrowser.db'])])
    s.ev('usingcfg', 'Using config file: <*>',
         lambda s, a: [s.cy(['/config/settings.json', '/etc/filebrowser/.filebrowser.json'])])
    s.ev('listening', 'Listening on <*>',
         lambda s, a: [s.cy(['[::]:80', '127.0.0.1:8080', '0.0.0.0:8080'])])
    s.ev('signal', 'Caught signal <*>: shutting down.', lambda s, a: [s.cy(['terminated', 'interrupt'])])

    counts = [('res404', 86), ('login403', 40), ('res409', 32), ('renew401', 26), ('raw500', 22),
              ('res403', 20), ('tls', 17), ('thumb', 14), ('share404', 11), ('superfluous', 9),
              ('usingdb', 6), ('usingcfg', 6), ('listening', 6), ('signal', 5)]
    run_shuffle(s, counts, 10 * 3600 * SEC + 3 * 60 * SEC + r.randrange(SEC), 31)
    return s


# ================================================================ 4. PydioCells
def build_cells():
    s = System('PydioCells', 4, 'shuffle')
    r = s.rng
    s.fmt_desc = 'zap console encoder: `ISO8601<TAB>LEVEL<TAB>logger<TAB>msg[<TAB>{fields}]`'

    def header(s, t, e, a):
        logger = e.hdr['logger']
        if logger.endswith('.'):
            logger += s.cy(['pydiods1', 'personal', 'cellsdata'])
        return '%s\t%s\t%s\t' % (ts_zap(t), e.hdr['level'], logger)
    s.header = header
    s.hdr_re = re.compile(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\t(?:DEBUG|INFO|WARN|ERROR)\tpydio\.[\w.-]+\t')

    def ts_of(line):
        m = re.match(r'2026-03-14T(\d\d):(\d\d):(\d\d)\.(\d{3})Z\t', line)
        assert m, line
        h, mi, se, ms = map(int, m.groups())
        return ((h * 3600 + mi * 60 + se) * 1000) + ms
    s.ts_of = ts_of

    def L(level, logger):
        return dict(level=level, logger=logger)

    agents = ['Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0',
              'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15',
              'cells-client/4.1.0',
              'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36',
              'CellsSync/0.9.4 (linux; amd64)']
    jobs = ['resync-ds-pydiods1', 'clean-orphan-files', 'users-activity-digest',
            'thumbs-job', 'prune-versions-job', 'clean-expired-acl']
    schedules = ['R/2012-06-04T19:25:16.828696-07:00/PT5M', 'R/2012-06-04T19:25:16.828696-07:00/PT10M',
                 'R/2012-06-04T19:25:16.828696-07:00/PT24H', 'R/2012-06-04T19:25:16.828696-07:00/PT1H']
    ws = []

    def ws_open(s, a):
        sid = uuid4(r)
        u = s.cy(USERS)
        ws.append((sid, u))
        return [sid, u, rand_ip(r)]

    def ws_close(s, a):
        if ws and r.random() < 0.8:
            sid, u = ws.pop(r.randrange(len(ws)))
        else:
            sid, u = uuid4(r), s.cy(USERS[::-1])
        return [sid, u]

    def dur(s):
        return go_dur(int(r.uniform(3, 9000) * MS))

    s.ev('ws_open', 'Websocket session opened\t{"SessionId": "<*>", "UserName": "<*>", "RemoteAddress": "<*>"}',
         ws_open, **L('INFO', 'pydio.gateway.websocket'))
    s.ev('ws_close', 'Websocket session closed\t{"SessionId": "<*>", "UserName": "<*>"}',
         ws_close, **L('INFO', 'pydio.gateway.websocket'))
    s.ev('runjob', 'Run Job <*> on timer event <*>', lambda s, a: [s.cy(jobs), s.cy(schedules)],
         **L('INFO', 'pydio.grpc.jobs'))
    s.ev('taskdone', 'Task <*> of job <*> finished in <*>',
         lambda s, a: [uuid4(r), s.cy(jobs[::-1]), dur(s)], **L('INFO', 'pydio.grpc.tasks'))
    s.ev('taskfail', 'Task <*> of job <*> failed: <*>',
         lambda s, a: [uuid4(r), s.cy(jobs), s.cy(['context deadline exceeded',
                                                   'cannot find datasource cellsdata',
                                                   'image: unknown format',
                                                   'rpc error: code = Unavailable desc = connection refused'])],
         **L('ERROR', 'pydio.grpc.tasks'))
    s.ev('resync', 'Resync operation done: <*> changes, <*> errors, took <*>',
         lambda s, a: [s.cy([0, 3, 17, 0, 1, 240, 6]), s.cy([0, 0, 0, 1, 0, 2]), dur(s)],
         **L('INFO', 'pydio.grpc.data.sync.'))
    s.ev('uploaded', '[PutObject] Uploaded <*> (<*>)\t{"UserName": "<*>", "RemoteAddress": "<*>", "SpanUuid": "<*>"}',
         lambda s, a: [s.cy(['pydiods1', 'personal/' + r.choice(USERS), 'cellsdata']) + '/' + rpath(r),
                       hsize(r.randint(300, 90 * 10 ** 6)), s.cy(USERS), rand_ip(r), uuid4(r)],
         **L('INFO', 'pydio.gateway.data'))
    s.ev('upfail', '[PutObject] Upload failed for <*>: <*>\t{"UserName": "<*>", "SpanUuid": "<*>"}',
         lambda s, a: ['pydiods1/' + rpath(r), s.cy(['context canceled', 'quota exceeded for user',
                                                     'Forbidden Upload', 'unexpected EOF']),
                       s.cy(USERS), uuid4(r)], **L('ERROR', 'pydio.gateway.data'))
    s.ev('loginok', 'Login successful\t{"UserName": "<*>", "RemoteAddress": "<*>", "UserAgent": "<*>"}',
         lambda s, a: [s.cy(USERS), rand_ip(r), s.cy(agents)], **L('INFO', 'pydio.web.oauth'))
    s.ev('loginfail', 'Login failed\t{"UserName": "<*>", "RemoteAddress": "<*>", "UserAgent": "<*>"}',
         lambda s, a: [s.cy(USERS[::-1] + ['admin', 'root']), rand_ip(r), s.cy(agents[::-1])],
         **L('WARN', 'pydio.web.oauth'))
    s.ev('mail', 'Successfully sent mail to <*>\t{"Subject": "<*>"}',
         lambda s, a: [email(r), s.cy(['Your daily digest', 'A file was shared with you',
                                       'Reset your password', 'New comment on report-q1.pdf'])],
         **L('INFO', 'pydio.grpc.mailer'))
    s.ev('flush', 'Flushed batch of <*> documents in <*>',
         lambda s, a: [r.randint(1, 500), go_dur(int(r.uniform(2, 2500) * MS))],
         **L('INFO', 'pydio.grpc.search'))
    s.ev('nonode', 'Cannot find node for path <*>\t{"SpanUuid": "<*>"}',
         lambda s, a: [rpath(r), uuid4(r)], **L('WARN', 'pydio.grpc.data.index.'))
    s.ev('pruned', 'Pruned <*> versions for node <*>',
         lambda s, a: [s.cy([2, 5, 1, 12]), uuid4(r)], **L('INFO', 'pydio.grpc.versions'))

    counts = [('ws_open', 70), ('ws_close', 45), ('runjob', 35), ('taskdone', 28), ('taskfail', 6),
              ('resync', 12), ('uploaded', 24), ('upfail', 8), ('loginok', 20), ('loginfail', 15),
              ('mail', 10), ('flush', 18), ('nonode', 5), ('pruned', 4)]
    run_shuffle(s, counts, 13 * 3600 * SEC + 41 * 60 * SEC + r.randrange(SEC), 17)
    return s


# ================================================================ 5. Unison
def build_unison():
    s = System('Unison', 5, 'simulation')
    r = s.rng
    s.entities = 'repeating sync runs of several profiles (each run with parallel file transfers)'
    s.fmt_desc = 'unison.log: no per-line header; the whole line is Content'
    s.header = lambda s, t, e, a: ''
    s.hdr_re = re.compile(r'')

    def ts_of(line):
        m = re.search(r' at (\d\d):(\d\d):(\d\d)', line)
        if not m:
            return None
        h, mi, se = map(int, m.groups())
        return h * 3600 + mi * 60 + se
    s.ts_of = ts_of

    V = 'UNISON 2.53.5 (OCAML 4.14.1)'
    s.ev('connected', 'Connected [<*> -> <*>]', lambda s, a: [a['lroot'], a['rroot']])
    s.ev('nothing', 'Nothing to do: replicas have not changed since last sync.')
    s.ev('started', V + ' started propagating changes at <*> on %02d %s %d' % (DAY, MON, YEAR),
         lambda s, a: [ts_clock_cs(a['t'])])
    s.ev('bgn_upd', '[BGN] Updating file <*> from <*> to <*>', lambda s, a: [a['p'], a['src'], a['dst']])
    s.ev('end_upd', '[END] Updating file <*>', lambda s, a: [a['p']])
    s.ev('bgn_copy', '[BGN] Copying <*> from <*> to <*>', lambda s, a: [a['p'], a['src'], a['dst']])
    s.ev('end_copy', '[END] Copying <*>', lambda s, a: [a['p']])
    s.ev('bgn_del', '[BGN] Deleting <*> from <*>', lambda s, a: [a['p'], a['dst']])
    s.ev('end_del', '[END] Deleting <*>', lambda s, a: [a['p']])
    s.ev('shortcut', 'Shortcut: copied <*> from local file <*>', lambda s, a: [a['p'], a['p2']])
    s.ev('failed', 'Failed [<*>]: <*>', lambda s, a: [a['p'], a['why']])
    s.ev('conflict', '[CONFLICT] Skipping <*>', lambda s, a: [a['p']])
    s.ev('finished', V + ' finished propagating changes at <*> on %02d %s %d' % (DAY, MON, YEAR),
         lambda s, a: [ts_clock_cs(a['t'])])
    s.ev('complete', 'Synchronization complete at <*>  (<*> items transferred, <*> skipped, 0 failed)',
         lambda s, a: [ts_clock(a['t']), a['n'], a['skipped']])
    s.ev('incomplete', 'Synchronization incomplete at <*>  (<*> items transferred, <*> skipped, <*> failed)',
         lambda s, a: [ts_clock(a['t']), a['n'], a['skipped'], a['failed']])

    profiles = [
        ('lena-x1', '/home/lena/Documents', 'nas-hq.corp.example', '/srv/unison/lena/Documents', 150),
        ('studio-mac', '/Users/okafor/Projects', 'nas-hq.corp.example', '/srv/unison/okafor/Projects', 210),
        ('build07', '/var/lib/artifacts', 'mirror2.corp.example', '/data/artifacts', 300),
        ('kiosk-3', '/home/kiosk/media', 'files.example.net', '/export/kiosk/media', 420),
    ]
    sub = ['docs', 'src/atlas', 'photos/2025', 'finance', 'drafts', 'assets/img', 'notes', 'old/2024']
    reasons = ['Error in renaming %s: No such file or directory',
               'Error in opening %s: Permission denied',
               'The file %s has been modified during synchronization.  Transfer aborted.',
               'Lost connection with the server']
    kinds = ['fail', 'nothing', 'shortcut', 'conflict', 'nothing', 'fail2', 'changes', 'nothing']
    acts = ['update', 'update', 'copy', 'update', 'update', 'delete', 'update', 'update', 'copy',
            'update', 'update', 'update']
    tl = Timeline()
    run_no = [0]
    act_no = [0]
    t_start = 8 * 3600 * SEC + r.randrange(900 * SEC)
    for pno, (host, lpath, rhost, rpath_, period) in enumerate(profiles):
        run_no[0] = 2 * pno
        lroot, rroot = lpath, '//%s/%s' % (rhost, rpath_)
        t = t_start + int(r.uniform(0, period) * SEC)
        for _ in range(40):
            kind = kinds[run_no[0] % len(kinds)]
            run_no[0] += 1
            tl.add(t + int(r.uniform(300, 1500) * MS), 'connected',
                   lroot='//%s/%s' % (host, lpath), rroot=rroot)
            scan = t + int(r.uniform(2, 25) * SEC)
            if kind == 'nothing':
                tl.add(scan, 'nothing')
                t += int((period + r.uniform(-20, 20)) * SEC)
                continue
            tl.add(scan, 'started')
            n_items = r.randint(2, 13)
            skipped = 1 if kind in ('conflict', 'fail2') else 0
            nfail = {'fail': 1, 'fail2': 2}.get(kind, 0)
            if skipped:
                tl.add(scan + int(r.uniform(1, 4) * MS), 'conflict',
                       p='%s/%s' % (r.choice(sub), r.choice(FILES)))
            ends = [scan + 5 * MS]
            fail_left = nfail
            ok = 0
            shortcut_left = 1 if kind in ('shortcut', 'changes') else 0
            for i in range(n_items + nfail):
                act = acts[act_no[0] % len(acts)]
                act_no[0] += 1
                if shortcut_left and i == 0:
                    act = 'copy'
                p = '%s/%s' % (r.choice(sub), r.choice(FILES))
                b = scan + int((8 + 25 * i + r.uniform(0, 20)) * MS)
                size = r.randint(300, 80 * 10 ** 6)
                e = b + int((r.uniform(5, 80) + size / 2.5e4) * MS)
                src, dst = (lroot, rroot) if r.random() < 0.6 else (rroot, lroot)
                if act == 'delete':
                    tl.add(b, 'bgn_del', p=p, dst=dst)
                else:
                    tl.add(b, 'bgn_upd' if act == 'update' else 'bgn_copy', p=p, src=src, dst=dst)
                if fail_left and i >= n_items - 1:
                    fail_left -= 1
                    why = r.choice(reasons)
                    tl.add(e, 'failed', p=p, why=why % (dst + '/' + p) if '%s' in why else why)
                else:
                    if act == 'copy' and shortcut_left:
                        shortcut_left = 0
                        tl.add(b + int(r.uniform(1, 4) * MS), 'shortcut', p=p,
                               p2='%s/%s' % (r.choice(sub), p.rsplit('/', 1)[1]))
                        e = b + int(r.uniform(5, 30) * MS)
                    ok += 1
                    tl.add(e, {'update': 'end_upd', 'copy': 'end_copy', 'delete': 'end_del'}[act], p=p)
                ends.append(e)
            fin = max(ends) + int(r.uniform(2, 15) * MS)
            tl.add(fin, 'finished')
            if nfail:
                tl.add(fin + MS, 'incomplete', n=ok, skipped=skipped, failed=nfail)
            else:
                tl.add(fin + MS, 'complete', n=ok, skipped=skipped)
            t = max(t + int((period + r.uniform(-20, 20)) * SEC), fin + 5 * SEC)
    tl.play(s)
    return s


# ================================================================ 6. Lsyncd
def build_lsyncd():
    s = System('Lsyncd', 6, 'simulation')
    r = s.rng
    s.entities = 'daemon runs (ended by HUP or TERM) and, inside each, sync targets with their own change batches'
    s.fmt_desc = ('logfile: `ctime() Category: msg`; continuation lines of a multi-line '
                  'message (file lists) have no header')

    def header(s, t, e, a):
        if e.hdr.get('cont'):
            return ''
        return '%s %s: ' % (ts_ctime(t), e.hdr.get('cat', 'Normal'))
    s.header = header
    s.hdr_re = re.compile(r'(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) '
                          r'[ \d]\d \d\d:\d\d:\d\d \d{4} (?:Normal|Warn|Error): )?')

    def ts_of(line):
        m = re.match(r'%s %s %2d (\d\d):(\d\d):(\d\d) %d ' % (WDAY, MON, DAY, YEAR), line)
        if not m:
            assert line.startswith('/'), line
            return None
        h, mi, se = map(int, m.groups())
        return h * 3600 + mi * 60 + se
    s.ts_of = ts_of

    s.ev('startup_d', '--- Startup, daemonizing ---')
    s.ev('startup', '--- Startup ---')
    s.ev('recursive', 'recursive startup rsync: <*> -> <*>', lambda s, a: [a['src'], a['dst']])
    s.ev('startfin', 'Startup of <*> -> <*> finished.', lambda s, a: [a['src'], a['dst']])
    s.ev('startretry', 'Retrying startup of <*> -> <*>: <*>', lambda s, a: [a['src'], a['dst'], a['code']])
    s.ev('calling', 'Calling rsync with filter-list of new/modified files/dirs')
    s.ev('pathline', '<*>', lambda s, a: [a['p']], cont=True)
    s.ev('listfin', 'Finished a list after exitcode: <*>', lambda s, a: [a['code']])
    s.ev('listretry', 'Retrying a list after exitcode = <*>', lambda s, a: [a['code']])
    s.ev('rsyncing', 'Rsyncing list')
    s.ev('deleting', 'Deleting list')
    s.ev('moving', 'Moving <*> -> <*>', lambda s, a: [a['p'], a['p2']])
    s.ev('hup', '--- HUP signal, resetting ---')
    s.ev('term', '--- TERM signal, fading ---')

    pairs = [
        ('/srv/www/', 'web02.corp.example:/srv/www/', 'rsync', 110, (3, 20),
         ['/index.html', '/assets/css/site.css', '/assets/img/hero-2026.webp', '/blog/2026/03/spring-sale.html',
          '/robots.txt', '/api/status.json', '/assets/js/app.4f2c1e.js', '/docs/faq.html']),
        ('/home/shared/', 'backup01.corp.example::shared/', 'rsync', 230, (20, 110),
         ['/finance/q1/budget_2026.xlsx', '/hr/onboarding/checklist.odt', '/scans/scan_0042.tiff',
          '/projects/atlas/minutes-0312.docx', '/templates/letterhead.ott']),
        ('/var/lib/media/', 'media-replica.corp.example:/var/lib/media/', 'rsyncssh', 150, (10, 60),
         ['/uploads/2026/03/IMG_4821.jpg', '/uploads/2026/03/clip-0142.mp4', '/thumbs/IMG_4821_320.jpg',
          '/uploads/2026/02/poster.png', '/tmp/upload-7fa2.part']),
        ('/etc/nginx/', 'web03.corp.example:/etc/nginx/', 'rsync', 520, (1, 3),
         ['/sites-available/shop.conf', '/nginx.conf', '/snippets/tls.conf', '/conf.d/upstreams.conf']),
    ]
    tl = Timeline()
    cyc = defaultdict(int)

    def nxt(name, pool):
        i = cyc[name]
        cyc[name] += 1
        return pool[i % len(pool)]

    def file_list(files, parents=True):
        out = []
        for f in r.sample(files, r.randint(1, min(3, len(files)))):
            out.append(f)
            parent = f.rsplit('/', 1)[0] + '/'
            if parents and parent != '/' and parent not in out:
                out.append(parent)
        return out

    t = 6 * 3600 * SEC + 50 * 60 * SEC + r.randrange(300 * SEC)
    prev_end = 'term'
    for sess in range(12):
        end_kind = 'hup' if sess % 2 == 0 else 'term'
        t_end = t + int(r.uniform(150, 330) * SEC)
        items = []

        def add(tt, key, **a):
            if tt < t_end:
                items.append((int(tt), key, a))
        add(t, 'startup_d' if prev_end == 'term' else 'startup')
        for pi, (src, dst, mode, gap, sdur, files) in enumerate(pairs):
            ts = t + (pi + 1) * int(r.uniform(1, 4) * MS)
            add(ts, 'recursive', src=src, dst=dst)
            te = ts + int(r.uniform(*sdur) * SEC)
            if nxt('startretry', [False, False, False, True, False, False, False]):
                add(te, 'startretry', src=src, dst=dst, code=nxt('scode', [12, 30, 10, 5, 35]))
                ts = te + int(r.uniform(8, 20) * SEC)
                add(ts, 'recursive', src=src, dst=dst)
                te = ts + int(r.uniform(*sdur) * SEC)
            add(te, 'startfin', src=src, dst=dst)
            tb = te + int(r.expovariate(1.0 / gap) * SEC) + 2 * SEC
            while tb < t_end:
                if mode == 'rsync':
                    lst = file_list(files)
                    outcome = nxt('rs', [0, 0, 0, 24, 0, 0, 23, 0, 0, 24, 0, 12, 0, 0])
                    add(tb, 'calling')
                    for p in lst:
                        add(tb, 'pathline', p=p)
                    tf = tb + int(r.uniform(0.3, 9) * SEC)
                    if outcome in (12, 23):
                        add(tf, 'listretry', code=outcome)
                        tb = tf + int(r.uniform(5, 15) * SEC)
                        add(tb, 'calling')
                        for p in lst:
                            add(tb, 'pathline', p=p)
                        tf = tb + int(r.uniform(0.3, 9) * SEC)
                        outcome = 0
                    add(tf, 'listfin', code=outcome)
                else:
                    op = nxt('ssh', ['move', 'delete', 'rsync', 'move', 'rsync', 'delete'])
                    if op == 'move':
                        f = r.choice(files)
                        d, b = f.rsplit('/', 1)
                        add(tb, 'moving', p=f, p2=r.choice(['/archive', '/uploads/2026/03', d + '/old']) + '/' + b)
                        tf = tb
                    else:
                        lst = file_list(files, parents=(op == 'rsync'))
                        add(tb, 'rsyncing' if op == 'rsync' else 'deleting')
                        for p in lst:
                            add(tb, 'pathline', p=p)
                        tf = tb + int(r.uniform(0.2, 6) * SEC)
                        add(tf, 'listfin', code=nxt('sshcode', [0, 0, 24, 0]))
                tb = tf + int(r.expovariate(1.0 / gap) * SEC) + SEC
        items.sort(key=lambda x: x[0])
        for tt, key, a in items:
            tl.add(tt, key, **a)
        tl.add(t_end, end_kind)
        prev_end = end_kind
        t = t_end + (int(r.uniform(0.05, 0.4) * SEC) if end_kind == 'hup' else int(r.uniform(40, 900) * SEC))
    tl.play(s)
    return s


# ================================================================ output + self-check
def write_system(s):
    d = os.path.join(HERE, s.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, s.name + '.log'), 'w', encoding='utf-8', newline='') as f:
        for raw, _, _, _ in s.rows:
            f.write(raw + '\n')
    with open(os.path.join(d, s.name + '.log_structured.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['LineId', 'Content', 'EventId', 'EventTemplate'])
        for i, (_, content, eid, tpl) in enumerate(s.rows, 1):
            w.writerow([i, content, eid, tpl])
    return 2


def tpl_regex(tpl):
    return re.compile('(.+?)'.join(re.escape(p) for p in tpl.split('<*>')))


def check_system(s):
    d = os.path.join(HERE, s.name)
    with open(os.path.join(d, s.name + '.log'), encoding='utf-8', newline='') as f:
        raw = f.read()
    with open(os.path.join(d, s.name + '.log_structured.csv'), encoding='utf-8', newline='') as f:
        ctext = f.read()
    for txt in (raw, ctext):
        assert txt.endswith('\n') and '\r' not in txt, s.name
    lines = raw[:-1].split('\n')
    assert len(lines) == NLINES, (s.name, len(lines))
    rows = list(csv.reader(io.StringIO(ctext)))
    assert rows[0] == ['LineId', 'Content', 'EventId', 'EventTemplate'], rows[0]
    rows = rows[1:]
    assert len(rows) == NLINES, (s.name, len(rows))
    declared = {e.eid: e.tpl for e in s.events}
    assert len(set(declared.values())) == len(declared), 'duplicate templates'
    assert 12 <= len(declared) <= 15, (s.name, len(declared))
    counts = defaultdict(int)
    slots = defaultdict(lambda: defaultdict(set))
    prev = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        assert len(row) == 4, row
        lid, content, eid, tpl = row
        assert lid == str(i), (lid, i)
        assert content and content == content.strip(), (s.name, i, content)
        assert line.endswith(content), (s.name, i)
        hdr = line[:len(line) - len(content)]
        assert s.hdr_re.fullmatch(hdr), (s.name, i, hdr)
        ts = s.ts_of(line)
        if ts is not None:
            assert prev is None or ts >= prev, (s.name, i, 'time went back')
            prev = ts
        assert re.fullmatch(r'E\d+', eid), eid
        assert eid in declared and declared[eid] == tpl, (s.name, i, eid)
        m = tpl_regex(tpl).fullmatch(content)
        assert m, (s.name, i, tpl, content)
        for j, g in enumerate(m.groups()):
            slots[eid][j].add(g)
        counts[eid] += 1
    assert set(counts) == set(declared), (s.name, 'unused', sorted(set(declared) - set(counts)))
    for eid, tpl in declared.items():
        for j in range(tpl.count('<*>')):
            assert len(slots[eid][j]) >= 2, (s.name, eid, j, tpl, slots[eid][j])
    ns = sorted(counts.values())
    med = statistics.median(ns)
    assert ns[0] >= 3, (s.name, 'event below 3', dict(counts))
    assert sum(1 for n in ns if 3 <= n <= 10) >= 3, (s.name, 'need 3 small events', dict(counts))
    assert ns[-1] >= 3 * med, (s.name, 'skew', ns)
    return len(declared), ns[0], med, ns[-1]


def main():
    builders = [build_seafile, build_ocis, build_filebrowser, build_cells, build_unison, build_lsyncd]
    systems = [b() for b in builders]
    nfiles = 0
    for s in systems:
        nfiles += write_system(s)
    ok = True
    for s in systems:
        try:
            ne, lo, med, hi = check_system(s)
            print('%-12s %-10s lines=%d events=%d min=%d median=%g max=%d  OK'
                  % (s.name, s.kind, NLINES, ne, lo, med, hi))
        except AssertionError as exc:
            ok = False
            print('%-12s FAILED: %r' % (s.name, exc.args))
    print('files written: %d' % nfiles)
    if not ok:
        sys.exit(1)


if __name__ == '__main__':
    main()
