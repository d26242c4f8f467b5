#!/usr/bin/env python3
"""Generate the Sealed 22 blind log-parsing corpus (six systems, 300 lines each).

Every message is invented in the style of its project.  Output is written next
to this script, deterministically (seed 20270102; system k uses
random.Random(20270102 * 10 + k)); clocks are integer nanoseconds on a fixed
date in 2026, UTC.  The script ends with a self-check over the written files.
"""
import csv
import datetime
import os
import re
import random
import statistics

SEED = 20270102
HERE = os.path.dirname(os.path.abspath(__file__))
LINES = 300
NS = 10 ** 9
MS = 10 ** 6
UTC = datetime.timezone.utc
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=UTC)
MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun',
          'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


# ---------------------------------------------------------------- clocks

def base_ns(y, mo, d, h, mi, s=0):
    delta = datetime.datetime(y, mo, d, h, mi, s, tzinfo=UTC) - EPOCH
    return (delta.days * 86400 + delta.seconds) * NS


def _split(ns):
    return EPOCH + datetime.timedelta(seconds=ns // NS), ns % NS


def ts_date(ns):
    d, _ = _split(ns)
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def ts_hms(ns):
    d, _ = _split(ns)
    return f"{d.hour:02d}:{d.minute:02d}:{d.second:02d}"


def ts_space(ns):
    return f"{ts_date(ns)} {ts_hms(ns)}"


def ts_ms(ns):
    return f"{ts_space(ns)},{(ns % NS) // MS:03d}"


def ts_rfc3339nano(ns):
    frac = f"{ns % NS:09d}".rstrip('0')
    return f"{ts_date(ns)}T{ts_hms(ns)}" + (f".{frac}" if frac else '') + 'Z'


def ts_syslog(ns):
    d, _ = _split(ns)
    return f"{MONTHS[d.month - 1]} {d.day:2d} {ts_hms(ns)}"


def unix_s(ns):
    return ns // NS


def unix_ms(ns):
    return ns // MS


# ---------------------------------------------------------------- helpers

def hexs(rng, n):
    return ''.join(rng.choice('0123456789abcdef') for _ in range(n))


def uuid4(rng):
    h = hexs(rng, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'


def b64id(rng, n):
    return ''.join(rng.choice(ALNUM + '-_') for _ in range(n))


def lower_id(rng, n):
    return ''.join(rng.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(n))


def ulid(rng):
    return '01K' + ''.join(rng.choice('0123456789ABCDEFGHJKMNPQRSTVWXYZ') for _ in range(23))


def godur(ns):
    """Go time.Duration.String() for durations >= 1ms."""
    if ns < NS:
        whole, frac = divmod(ns, MS)
        f = f"{frac:06d}".rstrip('0')
        return f"{whole}" + (f".{f}" if f else '') + 'ms'
    s, frac = divmod(ns, NS)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    f = f"{frac:09d}".rstrip('0')
    out = ''
    if h:
        out += f"{h}h"
    if h or m:
        out += f"{m}m"
    return out + f"{s}" + (f".{f}" if f else '') + 's'


def logfmt(v):
    if v == '' or any(c in v for c in ' ="\\'):
        return '"' + v.replace('\\', '\\\\').replace('"', '\\"') + '"'
    return v


def display_size(n):
    """Apache commons-io byteCountToDisplaySize."""
    if n >= 1 << 30:
        return f"{n >> 30} GB"
    if n >= 1 << 20:
        return f"{n >> 20} MB"
    if n >= 1 << 10:
        return f"{n >> 10} KB"
    return f"{n} bytes"


# ---------------------------------------------------------------- corpus

class Corpus:
    def __init__(self, name, k, header_re, ts_key, kind):
        self.name = name
        self.k = k
        self.kind = kind
        self.rng = random.Random(SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.ts_key = ts_key
        self.templates = []
        self.key2id = {}
        self.recs = []
        self._cyc = {}
        self._seq = 0

    def event(self, key, template):
        assert key not in self.key2id and template not in self.templates
        self.templates.append(template)
        self.key2id[key] = len(self.templates)

    def cyc(self, key, slot, pool):
        """Cycling pool per (event, slot): every value shows up in turn."""
        st = self._cyc.get((key, slot))
        if st is None:
            order = list(pool)
            self.rng.shuffle(order)
            st = self._cyc[(key, slot)] = [order, 0]
        v = st[0][st[1] % len(st[0])]
        st[1] += 1
        return v

    def emit(self, ns, key, header, *vals):
        tpl = self.templates[self.key2id[key] - 1]
        pieces = tpl.split('<*>')
        assert len(pieces) == len(vals) + 1, (key, vals)
        out = [pieces[0]]
        for v, p in zip(vals, pieces[1:]):
            v = str(v)
            assert v and '\n' not in v, (key, v)
            out.append(v)
            out.append(p)
        content = ''.join(out)
        self.recs.append((ns, self._seq, key, header, content))
        self._seq += 1

    def write(self):
        recs = sorted(self.recs)[:LINES]
        assert len(recs) == LINES, (self.name, len(recs))
        d = os.path.join(HERE, self.name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, self.name + '.log'), 'w', encoding='utf-8', newline='') as f:
            for r in recs:
                f.write(r[3] + r[4] + '\n')
        with open(os.path.join(d, self.name + '.log_structured.csv'), 'w',
                  encoding='utf-8', newline='') as f:
            w = csv.writer(f)
            w.writerow(['LineId', 'Content', 'EventId', 'EventTemplate'])
            for i, r in enumerate(recs, 1):
                eid = self.key2id[r[2]]
                w.writerow([i, r[4], f"E{eid}", self.templates[eid - 1]])


def shuffled_order(rng, counts):
    order = [k for k, c in counts.items() for _ in range(c)]
    assert len(order) == LINES, len(order)
    rng.shuffle(order)
    return order


# ================================================================ MaxScale (shuffle)

MAXSCALE_RE = (r'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d   (?:alert  |error  |warning|notice |info   ): '
               r'(?:\(\d+\) )?(?:\[[a-z]+\] )?')


def gen_maxscale(C):
    rng = C.rng
    E = C.event
    E('state', "Server changed state: <*>[<*>:3306]: <*>. [<*>] -> [<*>]")
    E('monconn', "Monitor was unable to connect to server <*>[<*>:3306] : '<*>'")
    E('lost_idle', "Lost connection to the master server, closing session. Lost connection to master "
                   "server while connection was idle. Connection has been idle for <*> seconds. "
                   "Error caused by: <*>")
    E('auth_err', "Authentication failed for user '<*>'@[<*>] to service '<*>'. "
                  "Originating listener: '<*>'. MariaDB error: '<*>'.")
    E('auth', "Authentication failed for user '<*>'@[<*>] to service '<*>'. Originating listener: '<*>'.")
    E('failover_start', "Performing automatic failover to replace failed master '<*>'.")
    E('select', "Selecting a server to promote and replace '<*>'. Candidates are: <*>.")
    E('failover_done', "Failover '<*>' -> '<*>' performed.")
    E('switchover_done', "Switchover '<*>' -> '<*>' performed.")
    E('rest', "Started REST API on [<*>]:8989")
    E('flusher', "Started MaxScale log flusher.")
    E('started', "MaxScale started with <*> worker threads, each with a stack size of 8388608 bytes.")
    E('route', "> Autocommit: [<*>], trx is [<*>], cmd: (<*>) <*>, plen: <*>, type: <*>, stmt: <*>")
    E('version', "'<*>' sent version string '<*>'. Detected type: 'MariaDB', version: <*>.")
    E('lost_wait', "Lost connection to the master server, closing session. Lost connection to master "
                   "server while waiting for a result. Connection has been idle for <*> seconds. "
                   "Error caused by: <*>")

    counts = {'state': 45, 'monconn': 24, 'lost_idle': 8, 'auth_err': 20, 'auth': 6,
              'failover_start': 4, 'select': 4, 'failover_done': 3, 'switchover_done': 3,
              'rest': 3, 'flusher': 3, 'started': 3, 'route': 150, 'version': 15, 'lost_wait': 9}
    order = shuffled_order(rng, counts)

    servers = [('server1', '10.0.1.11'), ('server2', '10.0.1.12'),
               ('server3', '10.0.1.13'), ('server4', '10.0.1.14')]
    transitions = [('master_down', 'Master, Running', 'Down'),
                   ('master_up', 'Down', 'Master, Running'),
                   ('slave_down', 'Slave, Running', 'Down'),
                   ('slave_up', 'Down', 'Slave, Running'),
                   ('new_master', 'Slave, Running', 'Master, Running'),
                   ('lost_slave', 'Slave, Running', 'Running'),
                   ('server_down', 'Running', 'Down'),
                   ('new_slave', 'Running', 'Slave, Running')]
    mon_errors = ["Can't connect to MySQL server on '{ip}' (115)",
                  "Can't connect to server on '{ip}' (111 \"Connection refused\")",
                  "Lost connection to server at 'handshake: reading initial communication packet', "
                  "system error: 104",
                  "Access denied for user 'maxmon'@'10.0.1.5' (using password: YES)",
                  "Lost connection to server during query"]
    caused = ["#HY000: Lost connection to backend server: connection closed by peer ({srv})",
              "#08S01: Lost connection to backend server: network error ({srv}: 104, "
              "Connection reset by peer)",
              "#HY000: Lost connection to backend server: connection closed by peer ({srv}), "
              "Server '{srv}' is down",
              "#08S01: Lost connection to backend server: network error ({srv}: 110, "
              "Connection timed out)"]
    users = ['app', 'reporting', 'root', 'bi_reader', 'svc-billing', 'flyway']
    client_ips = ['10.0.3.21', '10.0.3.22', '10.0.7.140', '172.17.0.1', '::ffff:10.0.3.45',
                  '192.168.40.9']
    services = [('Read-Write-Service', 'Read-Write-Listener'),
                ('Read-Only-Service', 'Read-Only-Listener'),
                ('Splitter-Service', 'Splitter-Listener')]
    versions = [('10.6.16-MariaDB-log', '10.6.16'),
                ('10.11.6-MariaDB-1:10.11.6+maria~ubu2204-log', '10.11.6'),
                ('10.5.23-MariaDB', '10.5.23'),
                ('11.4.2-MariaDB-ubu2404', '11.4.2')]
    stmts = [
        ('0x03', 'COM_QUERY', 'QUERY_TYPE_READ|QUERY_TYPE_SYSVAR_READ',
         'select @@version_comment limit 1'),
        ('0x03', 'COM_QUERY', 'QUERY_TYPE_READ',
         'SELECT id, email, created_at FROM users WHERE id = {n}'),
        ('0x03', 'COM_QUERY', 'QUERY_TYPE_WRITE',
         "UPDATE sessions SET last_seen = NOW() WHERE token = '{hex}'"),
        ('0x03', 'COM_QUERY', 'QUERY_TYPE_BEGIN_TRX', 'START TRANSACTION'),
        ('0x03', 'COM_QUERY', 'QUERY_TYPE_COMMIT', 'COMMIT'),
        ('0x03', 'COM_QUERY', 'QUERY_TYPE_SESSION_WRITE', 'SET NAMES utf8mb4'),
        ('0x03', 'COM_QUERY', 'QUERY_TYPE_WRITE',
         "INSERT INTO order_items (order_id, sku, qty, price) VALUES ({n}, 'SKU-{m}', 2, 19.99), "
         "({n}, 'SKU-{k}', 1, 4.50)"),
        ('0x03', 'COM_QUERY', 'QUERY_TYPE_READ',
         'SELECT o.id, o.total, c.name FROM orders o JOIN customers c ON c.id = o.customer_id '
         'WHERE o.status IN (\'paid\', \'shipped\') ORDER BY o.created_at DESC LIMIT 50'),
        ('0x16', 'COM_STMT_PREPARE', 'QUERY_TYPE_PREPARE_STMT',
         'SELECT * FROM products WHERE category_id = ? AND active = 1 LIMIT ?'),
        ('0x17', 'COM_STMT_EXECUTE', 'QUERY_TYPE_EXEC_STMT|QUERY_TYPE_READ', 'ID: {k}'),
        ('0x02', 'COM_INIT_DB', 'QUERY_TYPE_SESSION_WRITE', 'shop'),
        ('0x03', 'COM_QUERY', 'QUERY_TYPE_READ', 'SELECT 1'),
    ]
    sessions = [rng.randint(20, 400)]

    def H(t, lvl, sid=None, mod=None):
        return (f"{ts_space(t)}   {lvl:<7}: " + (f"({sid}) " if sid is not None else '')
                + (f"[{mod}] " if mod else ''))

    def sid():
        if rng.random() < 0.3:
            sessions.append(sessions[-1] + rng.randint(1, 9))
            if len(sessions) > 8:
                sessions.pop(0)
        return rng.choice(sessions)

    t = base_ns(2026, 3, 14, 6, 12, 4)
    for key in order:
        t += int(rng.expovariate(1 / (2.3 * NS))) + 1
        if key == 'state':
            srv, ip = C.cyc(key, 0, servers)
            ev, a, b = C.cyc(key, 1, transitions)
            C.emit(t, key, H(t, 'notice', mod='mariadbmon'), srv, ip, ev, a, b)
        elif key == 'monconn':
            srv, ip = C.cyc(key, 0, servers)
            err = C.cyc(key, 1, mon_errors).format(ip=ip)
            C.emit(t, key, H(t, 'error', mod='mariadbmon'), srv, ip, err)
        elif key in ('lost_idle', 'lost_wait'):
            srv = C.cyc(key, 1, ['server1', 'server2', 'server3'])
            idle = C.cyc(key, 0, ['0.0', '0.1', '{:.1f}', '{:.1f}', '{:.1f}'])
            idle = idle.format(rng.expovariate(1 / 300.0))
            C.emit(t, key, H(t, 'error', sid(), 'readwritesplit'), idle,
                   C.cyc(key, 2, caused).format(srv=srv))
        elif key in ('auth_err', 'auth'):
            u = C.cyc(key, 0, users)
            ip = C.cyc(key, 1, client_ips)
            svc, lst = C.cyc(key, 2, services)
            vals = [u, ip, svc, lst]
            if key == 'auth_err':
                host = ip.replace('::ffff:', '')
                vals.append(C.cyc(key, 4, [
                    f"Access denied for user '{u}'@'{host}' (using password: YES)",
                    f"Access denied for user '{u}'@'{host}' (using password: NO)",
                    f"Access denied for user '{u}'@'{host}' to database 'shop'"]))
            C.emit(t, key, H(t, 'warning', sid(), 'mariadbprotocol'), *vals)
        elif key == 'failover_start':
            C.emit(t, key, H(t, 'notice', mod='mariadbmon'), C.cyc(key, 0, ['server1', 'server2']))
        elif key == 'select':
            old = C.cyc(key, 0, ['server1', 'server2', 'server3'])
            cands = [s for s, _ in servers if s != old]
            n = C.cyc(key, 1, [1, 2, 3])
            C.emit(t, key, H(t, 'notice', mod='mariadbmon'), old,
                   ', '.join(f"'{c}'" for c in cands[:n]))
        elif key in ('failover_done', 'switchover_done'):
            a, b = C.cyc(key, 0, [('server1', 'server2'), ('server2', 'server1'),
                                  ('server2', 'server3'), ('server3', 'server1')])
            C.emit(t, key, H(t, 'notice', mod='mariadbmon'), a, b)
        elif key == 'rest':
            C.emit(t, key, H(t, 'notice'), C.cyc(key, 0, ['127.0.0.1', '::', '0.0.0.0']))
        elif key == 'flusher':
            C.emit(t, key, H(t, 'notice'))
        elif key == 'started':
            C.emit(t, key, H(t, 'notice'), C.cyc(key, 0, [4, 8, 16]))
        elif key == 'route':
            code, name, typ, stmt = rng.choice(stmts)
            stmt = stmt.format(n=rng.randint(1, 99999), m=rng.randint(1000, 9999),
                               k=rng.randint(1, 40), hex=hexs(rng, 32))
            ac = 'enabled' if rng.random() < 0.8 else 'disabled'
            trx = 'open' if typ in ('QUERY_TYPE_COMMIT',) or rng.random() < 0.2 else 'not open'
            C.emit(t, key, H(t, 'info', sid(), 'readwritesplit'),
                   ac, trx, code, name, len(stmt) + 1, typ, stmt)
        elif key == 'version':
            srv, _ = C.cyc(key, 0, servers)
            vs, v = C.cyc(key, 1, versions)
            C.emit(t, key, H(t, 'notice'), srv, vs, v)
        else:
            raise KeyError(key)


def key_maxscale(prefix):
    return (prefix[:19], 0)


# ================================================================ Amavis (simulation)

AMAVIS_RE = r'[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d mx1 amavis\[\d+\]: (?:\(\d{5}-\d{2,}\) )?'


def gen_amavis(C):
    rng = C.rng
    E = C.event
    E('connect', 'Net::Server: <*> CONNECT TCP Peer: "[<*>]:<*>" Local: "[10.20.0.15]:10024"')
    E('checking', "Checking: <*> [<*>] <<*>> -> <<*>>")
    E('spamtag', "SPAM-TAG, <<*>> -> <<*>>, <*>, score=<*> tagged_above=-999 required=5 "
                 "tests=[<*>] autolearn=<*> autolearn_force=no")
    E('clean_q', "Passed CLEAN {RelayedInbound}, [<*>]:<*> [<*>] <<*>> -> <<*>>, Queue-ID: <*>, "
                 "Message-ID: <<*>>, mail_id: <*>, Hits: <*>, size: <*>, queued_as: <*>, <*> ms")
    E('clean', "Passed CLEAN {RelayedInbound}, [<*>]:<*> [<*>] <<*>> -> <<*>>, Queue-ID: <*>, "
               "Message-ID: <<*>>, mail_id: <*>, Hits: <*>, size: <*>, <*> ms")
    E('spammy', "Passed SPAMMY {RelayedTaggedInbound}, [<*>]:<*> [<*>] <<*>> -> <<*>>, Queue-ID: <*>, "
                "Message-ID: <<*>>, mail_id: <*>, Hits: <*>, size: <*>, queued_as: <*>, <*> ms")
    E('spam', "Blocked SPAM {DiscardedInbound,Quarantined}, [<*>]:<*> [<*>] <<*>> -> <<*>>, "
              "quarantine: <*>, Queue-ID: <*>, Message-ID: <<*>>, mail_id: <*>, Hits: <*>, "
              "size: <*>, <*> ms")
    E('infected', "Blocked INFECTED (<*>) {DiscardedInbound,Quarantined}, [<*>]:<*> [<*>] <<*>> -> <<*>>, "
                  "quarantine: <*>, Queue-ID: <*>, Message-ID: <<*>>, mail_id: <*>, Hits: -, "
                  "size: <*>, <*> ms")
    E('banned', "Blocked BANNED (<*>) {DiscardedInbound,Quarantined}, [<*>]:<*> [<*>] <<*>> -> <<*>>, "
                "quarantine: <*>, Queue-ID: <*>, Message-ID: <<*>>, mail_id: <*>, Hits: -, "
                "size: <*>, <*> ms")
    E('sqlfield', 'lookup_sql_field(id) (WARN: no such field in the SQL table), "<*>" result=undef')
    E('clamfail', "(!)ClamAV-clamd av-scanner FAILED: <*>")
    E('truncate', "truncating a message passed to SpamAssassin at 524288 bytes, orig <*>")
    E('wl', "wbl: whitelisted sender <<*>>")
    E('bl', "wbl: blacklisted sender <<*>>")
    E('outbound', "Passed CLEAN {RelayedOutbound}, ORIGINATING LOCAL [<*>]:<*> [<*>] <<*>> -> <<*>>, "
                  "Queue-ID: <*>, Message-ID: <<*>>, mail_id: <*>, Hits: -, size: <*>, "
                  "queued_as: <*>, <*> ms")

    senders = ['newsletter@news.shopmail-example.com', 'alice.m@partner-logistics.example',
               'billing@invoices.vendorhub.example', 'noreply@notifications.gitforge.example',
               'j.smith1987@freemail.example', 'bounce-7781-2231@em.campaign-cdn.example',
               'hr@recruit-now.example', 'support@saas-desk.example', 'k@x.example',
               'prvs=0123abcd=ops@cloudhost.example', 'marketing+weekly@deals.retail-example.net']
    spam_senders = ['promo@cheap-meds-4u.example', 'admin@secure-bank-verify.example',
                    'info@lottery-winner.example', 'x7k2p@mail.ru-spam.example',
                    'no-reply@dhl-tracking-parcel.example']
    local = ['bob', 'carol', 'dave', 'sales', 'support', 'it-helpdesk', 'finance', 'e.novak']
    dom = 'corp.example.com'
    ext_ips = ['198.51.100.23', '203.0.113.77', '192.0.2.145', '198.51.100.201', '203.0.113.9',
               '185.220.101.34', '209.85.218.52', '40.107.22.118']
    in_ips = ['10.20.0.31', '10.20.0.44', '10.20.3.7']
    ham_tests = ['BAYES_00=-1.9', 'DKIM_SIGNED=0.1', 'DKIM_VALID=-0.1', 'DKIM_VALID_AU=-0.1',
                 'HTML_MESSAGE=0.001', 'SPF_PASS=-0.001', 'SPF_HELO_NONE=0.001',
                 'RCVD_IN_DNSWL_NONE=-0.0001', 'URIBL_BLOCKED=0.001', 'MIME_HTML_MOSTLY=0.1']
    spam_tests = ['BAYES_99=3.5', 'BAYES_999=0.2', 'RCVD_IN_SBL_CSS=3.335', 'URIBL_ABUSE_SURBL=1.948',
                  'HTML_IMAGE_ONLY_16=1.092', 'RDNS_NONE=0.793', 'FREEMAIL_FROM=0.001',
                  'MIME_HTML_ONLY=0.1', 'SPF_FAIL=0.919', 'PYZOR_CHECK=1.985']
    viruses = ['Eicar-Signature', 'Win.Trojan.Agent-1388596', 'Doc.Downloader.Emotet-7036584-0',
               'Html.Phishing.Bank-1523', 'Sanesecurity.Foxhole.Zip_fs220.UNOFFICIAL']
    banned = ['multipart/mixed | application/x-msdownload,.exe,.exe-ms,invoice_0314.exe',
              'multipart/mixed | application/zip,.zip,scan_0042.zip | application/x-msdownload,.exe,'
              '.exe-ms,scan_0042.exe',
              '.exe-ms,setup.exe',
              'multipart/mixed | application/octet-stream,.asc,.js,Rechnung 2026-03.js']
    clam = ['run_av error: Too many retries to talk to /var/run/clamav/clamd.ctl (All attempts (1) '
            'failed connecting to /var/run/clamav/clamd.ctl) at (eval 107) line 613.',
            'run_av error: ask_daemon_internal: Exceeded allowed time at (eval 107) line 650.',
            "run_av error: Can't connect to UNIX socket /var/run/clamav/clamd.ctl: "
            "No such file or directory"]

    def qid():
        return ''.join(rng.choice('0123456789ABCDEF') for _ in range(10))

    def msgid():
        f = rng.randrange(4)
        if f == 0:
            return f"CA{b64id(rng, 8)}+{b64id(rng, 20)}@mail.gmail.example"
        if f == 1:
            return f"{rng.randint(10 ** 9, 10 ** 10)}.{rng.randint(100, 99999)}@mailer.example"
        if f == 2:
            return f"{uuid4(rng)}@{rng.choice(['outlook.example', 'saas-desk.example'])}"
        return f"{hexs(rng, 12)}$1{hexs(rng, 4)}@relay.example.net"

    # fates of the messages, shuffled (a fixed mix so rare outcomes occur)
    fates = (['clean_q'] * 46 + ['clean'] * 6 + ['spammy'] * 7 + ['spam'] * 5 + ['bl'] * 4
             + ['infected'] * 5 + ['banned'] * 5 + ['outbound'] * 10)
    rng.shuffle(fates)
    flags = {'wl': set(), 'sql': set(), 'trunc': set(), 'clam': set()}
    idx = list(range(len(fates)))
    for name, n in (('sql', 7), ('trunc', 6), ('clam', 5)):
        flags[name] = set(rng.sample(idx, n))
    clean_idx = [i for i, f in enumerate(fates) if f in ('clean_q', 'clean')]
    flags['wl'] = set(rng.sample(clean_idx, 7))

    pids = [24811, 24812, 24815, 25102, 25390]
    tasks = {p: rng.randint(1, 9) for p in pids}
    busy = {p: 0 for p in pids}
    t = base_ns(2026, 3, 14, 9, 4, 11)

    for i, fate in enumerate(fates):
        t += int(rng.expovariate(1 / (14 * NS)))
        free = [p for p in pids if busy[p] <= t]
        pid = rng.choice(free) if free else min(pids, key=lambda p: busy[p])
        start = max(t, busy[pid])
        tasks[pid] += 1
        lid = tasks[pid]

        def H(ts, logid=True):
            return f"{ts_syslog(ts)} mx1 amavis[{pid}]: " + (f"({pid:05d}-{lid:02d}) " if logid else '')

        cur = start
        outbound = fate == 'outbound'
        if outbound:
            sender = f"{rng.choice(local)}@{dom}"
            rcpts = [rng.choice(senders)]
            client = rng.choice(in_ips)
            origin = client
        else:
            sender = rng.choice(spam_senders if fate in ('spam', 'bl', 'infected', 'banned')
                                else senders)
            n_r = 1 if rng.random() < 0.8 else rng.randint(2, 3)
            rcpts = [f"{x}@{dom}" for x in rng.sample(local, n_r)]
            client = rng.choice(ext_ips)
            origin = client if rng.random() < 0.6 else rng.choice(ext_ips)
        rc = '>,<'.join(rcpts)
        mid = b64id(rng, 12)
        size = int(rng.lognormvariate(9.3, 1.2)) + 900
        if i in flags['trunc']:
            size = rng.randint(600000, 9000000)

        C.emit(cur, 'connect', H(cur, False), f"{ts_date(cur).replace('-', '/')}-{ts_hms(cur)}",
               C.cyc('connect', 1, ['10.20.0.21', '10.20.0.22']), rng.randint(32768, 60999))
        cur += rng.randint(2, 60) * MS
        if i in flags['sql']:
            C.emit(cur, 'sqlfield', H(cur), rcpts[0])
            cur += rng.randint(1, 8) * MS
        if i in flags['wl']:
            C.emit(cur, 'wl', H(cur), sender)
            cur += rng.randint(1, 5) * MS
        if fate == 'bl':
            C.emit(cur, 'bl', H(cur), sender)
            cur += rng.randint(1, 5) * MS
        C.emit(cur, 'checking', H(cur), mid, origin, sender, rc)
        cur += rng.randint(20, 900) * MS
        if i in flags['clam']:
            C.emit(cur, 'clamfail', H(cur), C.cyc('clamfail', 0, clam))
            cur += rng.randint(10, 3000) * MS
        hits = None
        if fate not in ('infected', 'banned', 'outbound'):
            if i in flags['trunc']:
                C.emit(cur, 'truncate', H(cur), size)
                cur += rng.randint(5, 50) * MS
            if fate in ('spam', 'bl'):
                tests = ['BAYES_99=3.5', 'BAYES_999=0.2']
                rest = [x for x in spam_tests if x not in tests]
                rng.shuffle(rest)
                while sum(float(x.split('=')[1]) for x in tests) < 6.9 or rng.random() < 0.4:
                    tests.append(rest.pop())
                learn = C.cyc('spamtag', 'learn_spam', ['spam', 'no', 'disabled'])
            elif fate == 'spammy':
                tests = (['BAYES_99=3.5', rng.choice(['PYZOR_CHECK=1.985', 'URIBL_ABUSE_SURBL=1.948'])]
                         + rng.sample(ham_tests[1:], 2))
                learn = 'no'
            else:
                tests = rng.sample(ham_tests, rng.randint(2, 7))
                learn = C.cyc('spamtag', 'learn_ham', ['ham', 'no', 'ham', 'unavailable'])
            score = sum(float(x.split('=')[1]) for x in tests)
            if fate == 'bl':
                tests.append('AM.WBL=10')
                score += 10
            if i in flags['wl']:
                tests.append('AM.WBL=-10')
                score -= 10
            score = round(score, 3) + 0.0
            tests.sort()
            hits = f"{score:.3f}"
            C.emit(cur, 'spamtag', H(cur), sender, rc, 'Yes' if score >= 5 else 'No', hits,
                   ', '.join(tests), learn)
            cur += rng.randint(5, 40) * MS
        elapsed = (cur - start) // MS + rng.randint(30, 400)
        cur = start + elapsed * MS
        port = rng.randint(1024, 65535)
        common = [client, port, origin, sender, rc]
        q = qid()
        if fate in ('clean_q', 'spammy'):
            C.emit(cur, fate, H(cur), *common, q, msgid(), mid, hits, size, qid(), elapsed)
        elif fate == 'clean':
            C.emit(cur, fate, H(cur), *common, q, msgid(), mid, hits, size, elapsed)
        elif fate in ('spam', 'bl'):
            C.emit(cur, 'spam', H(cur), *common, f"spam-{mid}.gz", q, msgid(), mid, hits, size, elapsed)
        elif fate == 'infected':
            C.emit(cur, fate, H(cur), C.cyc(fate, 0, viruses), *common, f"virus-{mid}", q, msgid(),
                   mid, size, elapsed)
        elif fate == 'banned':
            C.emit(cur, fate, H(cur), C.cyc(fate, 0, banned), *common, f"banned-{mid}", q, msgid(),
                   mid, size, elapsed)
        elif fate == 'outbound':
            C.emit(cur, fate, H(cur), *common, q, msgid(), mid, size, qid(), elapsed)
        busy[pid] = cur + rng.randint(1, 50) * MS


def key_amavis(prefix):
    return (MONTHS.index(prefix[:3]), int(prefix[4:6]), prefix[7:15])


# ================================================================ Redash (shuffle)

REDASH_RE = (r'(?:\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\]\[PID:\d+\]\[(?:DEBUG|INFO|WARNING|ERROR)\]'
             r'\[[\w.]+\] '
             r'|\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000\] \[\d+\] \[(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\] )')

FN = 'redash.tasks.queries.execution.execute_query'


def gen_redash(C):
    rng = C.rng
    E = C.event
    E('metrics', "method=<*> path=<*> endpoint=<*> status=<*> content_type=<*> content_length=<*> "
                 "duration=<*> query_count=<*> query_duration=<*>")
    E('load_ds', f"job.func_name={FN} job.id=<*> job=execute_query state=load_ds ds_id=<*>")
    E('executing', f"job.func_name={FN} job.id=<*> job=execute_query state=executing_query "
                   "query_hash=<*> type=<*> ds_id=<*> job_id=<*> queue=<*> query_id=<*> username=<*>")
    E('done', f"job.func_name={FN} job.id=<*> job=execute_query query_hash=<*> ds_id=<*> "
              "data_length=<*> error=[<*>]")
    E('alerts', f"job.func_name={FN} job.id=<*> job=execute_query state=checking_alerts")
    E('finished', f"job.func_name={FN} job.id=<*> job=execute_query state=finished")
    E('rq_start', f"<*>: {FN}(<*>, <*>, {{'Username': '<*>', 'query_id': <*>}}, user_id=<*>, "
                  "scheduled_query_id=<*>, is_api_key=False) (<*>)")
    E('rq_ok', "<*>: Job OK (<*>)")
    E('shutdown', "Shutting down: Master")
    E('booting', "Booting worker with pid: <*>")
    E('timeout', "WORKER TIMEOUT (pid:<*>)")
    E('exiting', "Worker exiting (pid: <*>)")
    E('refresh', "Done refreshing queries: {'outdated_queries_count': <*>, 'last_refresh_at': <*>, "
                 "'query_ids': '<*>'}")
    E('inserting', "Inserting job for <*> with metadata={'Username': '<*>', 'query_id': <*>}")
    E('existing', "[<*>] Found existing job: <*>")

    counts = {'metrics': 130, 'load_ds': 20, 'executing': 20, 'done': 20, 'alerts': 6,
              'finished': 18, 'rq_start': 20, 'rq_ok': 18, 'shutdown': 3, 'booting': 6,
              'timeout': 3, 'exiting': 5, 'refresh': 8, 'inserting': 15, 'existing': 8}
    order = shuffled_order(rng, counts)

    web_pids = [12, 13, 14, 15]
    next_pid = [16]
    users = ['alice@acme.example', 'bob.k@acme.example', 'data-team@acme.example',
             'ops@acme.example', 'None']
    sqls = ["SELECT 1",
            "SELECT date_trunc('day', created_at) AS day, count(*) FROM orders GROUP BY 1 ORDER BY 1",
            "SELECT * FROM events WHERE ts > now() - interval '1 hour' LIMIT 1000",
            "select country, sum(revenue) as revenue from sales_daily where day >= '2026-03-01' "
            "group by country",
            "SELECT status, count(*) FROM tickets GROUP BY status"]
    ds = [(1, 'pg'), (3, 'mysql'), (4, 'bigquery'), (7, 'clickhouse')]
    errors = ['relation "orders_2025" does not exist',
              'column "revenue_usd" does not exist',
              'Query exceeded Redash query execution time limit.',
              "Error running query: 400 Syntax error: Unexpected keyword FROM at [1:18]",
              'canceling statement due to statement timeout']
    endpoints = [('GET', '/api/queries/{q}', 'queries', 'application/json'),
                 ('GET', '/api/queries/{q}/results/{r}.json', 'query_result', 'application/json'),
                 ('POST', '/api/query_results', 'query_results', 'application/json'),
                 ('GET', '/api/jobs/{u}', 'job', 'application/json'),
                 ('GET', '/api/dashboards/{slug}', 'dashboard', 'application/json'),
                 ('POST', '/api/events', 'events', 'application/json'),
                 ('GET', '/login', 'redash.login', 'text/html; charset=utf-8'),
                 ('GET', '/queries/{q}', 'redash.index', 'text/html; charset=utf-8'),
                 ('GET', '/api/organization/status', 'organization_status', 'application/json'),
                 ('POST', '/api/queries/{q}/results', 'query_results', 'application/json'),
                 ('GET', '/api/session', 'redash_session', 'application/json')]
    slugs = ['sales-overview', 'kpis', 'ops-oncall-weekly', 'marketing-funnel-q1-2026']

    def A(t, pid, lvl, logger):
        return f"[{ts_ms(t)}][PID:{pid}][{lvl}][{logger}] "

    def G(t, pid, lvl):
        return f"[{ts_space(t)} +0000] [{pid}] [{lvl}] "

    t = base_ns(2026, 3, 14, 13, 40, 2)
    for key in order:
        t += int(rng.expovariate(1 / (1.7 * NS))) + 1
        jid = uuid4(rng)
        qh = hexs(rng, 32)
        d_id, d_type = rng.choice(ds)
        horse = rng.randint(200, 9999)
        jl = 'rq.job.redash.tasks.queries.execution'
        if key == 'metrics':
            m, path, ep, ct = rng.choice(endpoints)
            path = path.format(q=rng.randint(1, 480), r=rng.randint(1000, 99999), u=uuid4(rng),
                               slug=rng.choice(slugs))
            st = rng.choice([200] * 12 + [204, 302, 304, 400, 404, 500])
            C.emit(t, key, A(t, rng.choice(web_pids), 'INFO', 'metrics'), m, path, ep, st, ct,
                   rng.randint(2, 250000), f"{rng.expovariate(1 / 60):.2f}", rng.randint(0, 14),
                   f"{rng.expovariate(1 / 15):.2f}")
        elif key == 'load_ds':
            C.emit(t, key, A(t, horse, 'INFO', jl), jid, d_id)
        elif key == 'executing':
            C.emit(t, key, A(t, horse, 'INFO', jl), jid, qh, d_type, d_id, jid,
                   C.cyc(key, 0, ['queries', 'scheduled_queries']),
                   C.cyc(key, 1, ['adhoc', rng.randint(1, 480), rng.randint(1, 480)]),
                   C.cyc(key, 2, users))
        elif key == 'done':
            if rng.random() < 0.7:
                dl, err = rng.randint(40, 2500000), 'None'
            else:
                dl, err = 'None', C.cyc(key, 0, errors)
            C.emit(t, key, A(t, horse, 'INFO', jl), jid, qh, d_id, dl, err)
        elif key in ('alerts', 'finished'):
            C.emit(t, key, A(t, horse, 'INFO', jl), jid)
        elif key == 'rq_start':
            q = C.cyc(key, 0, ['queries', 'scheduled_queries'])
            qid = 'adhoc' if q == 'queries' and rng.random() < 0.5 else rng.randint(1, 480)
            uid = rng.randint(1, 40)
            C.emit(t, key, A(t, rng.choice([8, 9, 10]), 'INFO', 'rq.worker'), q, repr(rng.choice(sqls)),
                   d_id, rng.choice(users[:4]), repr(qid), uid, qid if q == 'scheduled_queries' else None, jid)
        elif key == 'rq_ok':
            C.emit(t, key, A(t, rng.choice([8, 9, 10]), 'INFO', 'rq.worker'),
                   C.cyc(key, 0, ['queries', 'scheduled_queries', 'periodic', 'emails']), jid)
        elif key == 'shutdown':
            C.emit(t, key, G(t, 1, 'INFO'))
        elif key == 'booting':
            pid = next_pid[0]
            next_pid[0] += rng.randint(1, 5)
            web_pids.append(pid)
            web_pids.pop(0)
            C.emit(t, key, G(t, 1, 'INFO'), pid)
        elif key == 'timeout':
            C.emit(t, key, G(t, 1, 'CRITICAL'), C.cyc(key, 0, web_pids))
        elif key == 'exiting':
            pid = rng.choice(web_pids)
            C.emit(t, key, G(t, pid, 'INFO'), pid)
        elif key == 'refresh':
            n = C.cyc(key, 0, [0, 1, 2, 3, 5])
            ids = sorted(rng.sample(range(1, 480), n))
            C.emit(t, key, A(t, horse, 'INFO', 'rq.job.redash.tasks.queries.maintenance'), n,
                   round(t / NS - rng.random(), 3), '[' + ', '.join(map(str, ids)) + ']')
        elif key == 'inserting':
            C.emit(t, key, A(t, rng.choice(web_pids), 'INFO', 'redash.tasks.queries.execution'),
                   qh, C.cyc(key, 0, users[:4]),
                   repr(C.cyc(key, 1, ['adhoc', rng.randint(1, 480), rng.randint(1, 480)])))
        elif key == 'existing':
            C.emit(t, key, A(t, rng.choice(web_pids), 'INFO', 'redash.tasks.queries.execution'),
                   qh, jid)
        else:
            raise KeyError(key)


def key_redash(prefix):
    sec = prefix[1:20]
    ms = int(prefix[21:24]) if prefix[20] == ',' else None
    return (sec, ms)


# ================================================================ Mimir (shuffle)

MIMIR_RE = (r'ts=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z caller=[\w.]+\.go:\d+ '
            r'level=(?:debug|info|warn|error)(?: user=[\w\-]+)?(?: traceID=[0-9a-f]+)? ')


def gen_mimir(C):
    rng = C.rng
    E = C.event
    E('qrange', 'msg="query stats" component=query-frontend method=<*> path=/prometheus/api/v1/query_range '
                'response_time=<*> query_wall_time_seconds=<*> fetched_series_count=<*> '
                'fetched_chunk_bytes=<*> fetched_chunks_count=<*> fetched_index_bytes=<*> '
                'sharded_queries=<*> split_queries=<*> estimated_series_count=<*> queue_time_seconds=<*> '
                'param_end=<*> param_query=<*> param_start=<*> param_step=<*> status=success')
    E('qinstant', 'msg="query stats" component=query-frontend method=<*> path=/prometheus/api/v1/query '
                  'response_time=<*> query_wall_time_seconds=<*> fetched_series_count=<*> '
                  'fetched_chunk_bytes=<*> fetched_chunks_count=<*> sharded_queries=<*> '
                  'split_queries=<*> queue_time_seconds=<*> param_query=<*> param_time=<*> status=success')
    E('push_err', 'msg="push error" err="<*>"')
    E('headgc', 'msg="Head GC completed" duration=<*>')
    E('ckpt', 'msg="Creating checkpoint" from_segment=<*> to_segment=<*> mint=<*>')
    E('ckpt_done', 'msg="WAL checkpoint complete" first=<*> last=<*> duration=<*>')
    E('compact', 'msg="compact blocks" count=<*> mint=<*> maxt=<*> ulid=<*> sources="[<*>]" '
                 'duration=<*> duration_ms=<*>')
    E('upload', 'msg="upload new block" id=<*>')
    E('state', 'msg="changing instance state from" old_state=<*> new_state=<*> ring=ingester')
    E('fj_start', 'msg="memberlist fast-join starting" nodes_found=<*> to_join=<*>')
    E('fj_done', 'msg="memberlist fast-join finished" joined_nodes=<*> elapsed_time=<*>')
    E('consistency', 'msg="retrying failed consistency check" attempt=<*> missing_blocks=<*>')
    E('app_started', 'msg="Application started"')
    E('starting', 'msg="Starting application" version="(version=<*>, branch=<*>, revision=<*>)"')
    E('push_insight', 'msg="push error" err="<*>" insight=true')

    counts = {'qrange': 120, 'qinstant': 40, 'push_err': 30, 'headgc': 20, 'ckpt': 8, 'ckpt_done': 8,
              'compact': 15, 'upload': 15, 'state': 9, 'fj_start': 4, 'fj_done': 4,
              'consistency': 6, 'app_started': 3, 'starting': 3, 'push_insight': 15}
    order = shuffled_order(rng, counts)

    callers = {'qrange': ('handler.go:314', 'info'), 'qinstant': ('handler.go:314', 'info'),
               'push_err': ('push.go:130', 'error'), 'push_insight': ('push.go:130', 'warn'),
               'headgc': ('head.go:1295', 'info'), 'ckpt': ('head.go:1368', 'info'),
               'ckpt_done': ('head.go:1396', 'info'), 'compact': ('compact.go:760', 'info'),
               'upload': ('shipper.go:287', 'info'), 'state': ('lifecycler.go:1046', 'info'),
               'fj_start': ('memberlist_client.go:595', 'info'),
               'fj_done': ('memberlist_client.go:615', 'info'),
               'consistency': ('blocks_store_queryable.go:594', 'warn'),
               'app_started': ('main.go:263', 'info'), 'starting': ('main.go:241', 'info')}
    tenants = ['team-a', 'anonymous', 'prod-eu-1', 'k6-loadtest', 'platform']
    queries = ['up',
               'sum by (job) (rate(http_requests_total{job="api"}[5m]))',
               'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))',
               'count(kube_pod_info)',
               'node_memory_MemAvailable_bytes{instance=~"node-.*"}',
               'sum(rate(container_cpu_usage_seconds_total{namespace="checkout", container!=""}[2m])) '
               'by (pod)',
               'max_over_time(mimir_ingester_memory_series[1h])']
    push5xx = ['failed pushing to ingester ingester-zone-a-1: rpc error: code = DeadlineExceeded desc = '
               'context deadline exceeded',
               'at least 2 live replicas required, could only find 1 - unhealthy instances: '
               '10.42.3.17:9095,10.42.5.2:9095',
               'rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while '
               'dialing: dial tcp 10.42.1.9:9095: connect: connection refused\\"',
               'context canceled']
    push4xx = ['the sample has been rejected because its timestamp is too old '
               '(err-mimir-sample-timestamp-too-old). The affected sample has timestamp {ts} and is from '
               'series {{__name__=\\"node_load1\\", instance=\\"node-7:9100\\", job=\\"node\\"}}',
               'the request has been rejected because the tenant exceeded the ingestion rate limit, set '
               'to 10000 items/s with a maximum allowed burst of 200000. This limit is applied on the '
               'total number of samples, exemplars and metadata received across all distributors '
               '(err-mimir-tenant-max-ingestion-rate). To adjust the related per-tenant limits, configure '
               '-distributor.ingestion-rate-limit and -distributor.ingestion-burst-size, or contact your '
               'service administrator.',
               'received a series whose number of labels exceeds the limit (actual: 34, limit: 30) series: '
               '\'k8s_container_cpu{{cluster=\\"prod-eu\\", namespace=\\"checkout\\", …}}\' '
               '(err-mimir-max-label-names-per-series)',
               'duplicate sample for timestamp (err-mimir-sample-duplicate-timestamp)']
    transitions = [('PENDING', 'JOINING'), ('JOINING', 'ACTIVE'), ('ACTIVE', 'LEAVING')]

    def H(t, key, user=None, trace=False):
        caller, lvl = callers[key]
        return (f"ts={ts_rfc3339nano(t)} caller={caller} level={lvl} " + (f"user={user} " if user else '')
                + (f"traceID={hexs(rng, 16)} " if trace else ''))

    def qtime(t, back):
        v = t - back
        if rng.random() < 0.6:
            return str(unix_s(v))
        return ts_date(v) + 'T' + ts_hms(v - v % (60 * NS)) + 'Z'

    seg = [4411]
    t = base_ns(2026, 3, 14, 17, 5, 0)
    for key in order:
        t += int(rng.expovariate(1 / (1.9 * NS))) + rng.randint(1, 999)
        u = rng.choice(tenants)
        if key in ('qrange', 'qinstant'):
            rt = int(rng.lognormvariate(17.5, 1.3)) + MS
            series = rng.randint(0, 40000)
            chunks = series * rng.randint(1, 6)
            vals = [rng.choice(['GET', 'POST', 'POST']), godur(rt), f"{rt / NS * 0.93:.6f}".rstrip('0'),
                    series, chunks * rng.randint(120, 1400), chunks]
            if key == 'qrange':
                span = rng.choice([1, 3, 6, 12, 24, 168]) * 3600 * NS
                vals += [rng.randint(0, 900000), rng.choice([0, 0, 2, 8, 16]), rng.choice([1, 1, 2, 7]),
                         rng.randint(0, 50000), f"{rng.expovariate(1 / 0.004):.6f}",
                         qtime(t, 0), logfmt(rng.choice(queries)), qtime(t, span),
                         rng.choice([15, 30, 60, 120, 3600])]
            else:
                vals += [rng.choice([0, 0, 4, 16]), 0 if rng.random() < 0.5 else 1,
                         f"{rng.expovariate(1 / 0.004):.6f}", logfmt(rng.choice(queries)), qtime(t, 0)]
            C.emit(t, key, H(t, key, u, True), *vals)
        elif key == 'push_err':
            C.emit(t, key, H(t, key, u, True), C.cyc(key, 0, push5xx))
        elif key == 'push_insight':
            old = t - rng.randint(3600, 40000) * NS
            err = C.cyc(key, 0, push4xx).format(ts=ts_rfc3339nano(old - old % MS))
            C.emit(t, key, H(t, key, u, True), err)
        elif key == 'headgc':
            C.emit(t, key, H(t, key, u), godur(rng.randint(2 * MS, 900 * MS) + rng.randint(0, 999)))
        elif key == 'ckpt':
            a = seg[0]
            b = a + rng.randint(2, 9)
            seg[0] = b + 1
            C.emit(t, key, H(t, key, u), a, b, unix_ms(t) - rng.randint(2, 4) * 3600000)
        elif key == 'ckpt_done':
            a = seg[0] - rng.randint(3, 9)
            C.emit(t, key, H(t, key, u), a, seg[0] - 1, godur(rng.randint(40 * MS, 9 * NS)))
        elif key == 'compact':
            n = C.cyc(key, 0, [2, 3, 4])
            mint = unix_ms(t) - (unix_ms(t) % 7200000) - 7200000 * rng.randint(1, 12)
            d = rng.randint(300 * MS, 95 * NS)
            C.emit(t, key, H(t, key, u), n, mint, mint + 7200000 * n, ulid(rng),
                   ' '.join(ulid(rng) for _ in range(n)), godur(d), d // MS)
        elif key == 'upload':
            C.emit(t, key, H(t, key, u), ulid(rng))
        elif key == 'state':
            a, b = C.cyc(key, 0, transitions)
            C.emit(t, key, H(t, key), a, b)
        elif key == 'fj_start':
            n = C.cyc(key, 0, [3, 5, 9, 12])
            C.emit(t, key, H(t, key), n, min(n, 5))
        elif key == 'fj_done':
            C.emit(t, key, H(t, key), C.cyc(key, 0, [2, 3]), godur(rng.randint(3 * MS, 2 * NS)))
        elif key == 'consistency':
            C.emit(t, key, H(t, key, u, True), C.cyc(key, 0, [1, 2, 3]),
                   ','.join(ulid(rng) for _ in range(C.cyc(key, 1, [1, 2, 1, 3]))))
        elif key == 'app_started':
            C.emit(t, key, H(t, key))
        elif key == 'starting':
            v, br = C.cyc(key, 0, [('2.14.0', 'HEAD'), ('2.14.1', 'release-2.14'),
                                   ('2.15.0', 'release-2.15')])
            C.emit(t, key, H(t, key), v, br, hexs(rng, 10))
        else:
            raise KeyError(key)


def key_mimir(prefix):
    m = re.match(r'ts=(\S+?)(?:\.(\d+))?Z ', prefix)
    return (m.group(1), int((m.group(2) or '').ljust(9, '0')))


# ================================================================ Airbyte (simulation)

AB_HDR = r'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (?:INFO|WARN|ERROR|DEBUG) i\.a\.[\w.]+\([\w$]+\):\d+ - '
AIRBYTE_RE = (r'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (?:(?:INFO|WARN|ERROR|DEBUG) i\.a\.[\w.]+\([\w$]+\):\d+ - '
              r'|(?:source|destination) > (?:' + AB_HDR + r')?)')


def gen_airbyte(C):
    rng = C.rng
    E = C.event
    E('logpath', "Docker volume job log path: /tmp/workspace/<*>/<*>/logs.log")
    E('checking', "Checking if <*> exists...")
    E('found', "<*> was found locally.")
    E('container', "Creating docker container = <*> with resources <*> and allowedHosts <*>")
    E('records', "Records read: <*> (<*>)")
    E('nomore', "Source has no more messages, closing connection.")
    E('total', "Total records read: <*> (<*>)")
    E('trace', "Stream status TRACE received of status: <*> for stream <*>")
    E('schema', "Schema validation errors found for stream <*>. Error messages: [<*>]")
    E('exitcode', "Source process exited with non-0 exit code <*>")
    E('summary', 'sync summary: {"status":"<*>","recordsSynced":<*>,"bytesSynced":<*>,"startTime":<*>,'
                 '"endTime":<*>,"totalStats":{"bytesEmitted":<*>,"recordsEmitted":<*>,"recordsCommitted":<*>}}')
    E('syncing', "Syncing stream: <*>")
    E('readn', "Read <*> records from <*> stream")
    E('finished', "Finished syncing <*>")
    E('flush', "Flushing buffer of stream <*> (<*>)")

    conns = [
        dict(src='airbyte/source-postgres:3.3.8', dst='airbyte/destination-bigquery:2.4.12', java=True,
             streams=['public.users', 'public.orders', 'public.order_items'],
             hosts='db-prod-replica.internal, *.datadoghq.com, *.datadoghq.eu, *.sentry.io',
             rec=(2000, 14000), width=(180, 900),
             schema=['$.created_at: string found, integer expected',
                     '$.updated_at: string found, integer expected',
                     '$.discount: string found, number expected, $.tags: array found, string expected']),
        dict(src='airbyte/source-github:1.6.3', dst='airbyte/destination-snowflake:3.7.0', java=False,
             streams=['issues', 'pull_requests', 'commits'],
             hosts='api.github.com, *.datadoghq.com, *.sentry.io', rec=(300, 5000), width=(1500, 6000),
             schema=['$.closed_at: string found, null expected', '$.labels[0]: object found, string expected']),
        dict(src='airbyte/source-stripe:5.3.7', dst='airbyte/destination-postgres:2.0.9', java=False,
             streams=['charges', 'customers', 'invoices', 'refunds'],
             hosts='api.stripe.com, *.datadoghq.com, *.sentry.io', rec=(200, 4000), width=(700, 2400),
             schema=['$.amount: null found, number expected, $.currency: does not have a value in the '
                     'enumeration [usd, eur, gbp]', '$.metadata: string found, object expected']),
    ]
    exits = [1, 137, 143]

    def P(t, lvl, logger):
        return f"{ts_space(t)} {lvl} {logger} - "

    def S(t, who, logger=None):
        h = f"{ts_space(t)} {who} > "
        if logger:
            h += f"{ts_space(t)} INFO {logger} - "
        return h

    RW = 'i.a.w.g.DefaultReplicationWorker'
    job_id = 4101
    t0 = base_ns(2026, 3, 14, 2, 0, 7)
    fails_left = [3]
    schema_at = set(rng.sample([(j, s) for j in range(8) for s in range(3)], 6))

    for j in range(12):
        conn = conns[j % 3] if j < 3 else rng.choice(conns)
        t0 += int(rng.expovariate(1 / (70 * NS))) + 5 * NS
        attempt = 0
        t = t0
        jid = job_id
        job_id += rng.randint(1, 4)
        while True:
            fail = fails_left[0] > 0 and attempt == 0 and j in (1, 3, 4)
            if fail:
                fails_left[0] -= 1
            C.emit(t, 'logpath', P(t, 'INFO', 'i.a.w.t.TemporalAttemptExecution(get):136'), jid, attempt)
            t += rng.randint(20, 300) * MS
            for img in (conn['src'], conn['dst']):
                C.emit(t, 'checking', P(t, 'INFO', 'i.a.c.i.LineGobbler(voidCall):149'), img)
                t += rng.randint(5, 400) * MS
                C.emit(t, 'found', P(t, 'INFO', 'i.a.c.i.LineGobbler(voidCall):149'), img)
                t += rng.randint(5, 80) * MS
            for img, role, hosts in ((conn['src'], 'read', conn['hosts']), (conn['dst'], 'write', None)):
                name = img.split('/')[1].split(':')[0]
                if rng.random() < 0.6:
                    res = 'cpuRequest=,cpuLimit=,memoryRequest=,memoryLimit='
                else:
                    res = rng.choice(['cpuRequest=0.5,cpuLimit=2,memoryRequest=1Gi,memoryLimit=2Gi',
                                      'cpuRequest=1,cpuLimit=4,memoryRequest=2Gi,memoryLimit=8Gi'])
                res = f"io.airbyte.config.ResourceRequirements@{hexs(rng, 7)}[{res},additionalProperties={{}}]"
                ah = (f"io.airbyte.config.AllowedHosts@{hexs(rng, 7)}[hosts=[{hosts}],additionalProperties={{}}]"
                      if hosts else 'null')
                C.emit(t, 'container', P(t, 'INFO', 'i.a.w.p.DockerProcessFactory(create):140'),
                       f"{name}-{role}-{jid}-{attempt}-{lower_id(rng, 5)}", res, ah)
                t += rng.randint(200, 2500) * MS
            total_rec = 0
            total_bytes = 0
            next_mark = 1000
            src_logger = 'i.a.c.i.s.r.AbstractDbSource(lambda$read$1):167' if conn['java'] else None
            failed_now = False
            streams = conn['streams']
            fail_at = rng.randrange(len(streams)) if fail else None
            for si, st in enumerate(streams):
                C.emit(t, 'trace', P(t, 'INFO', 'i.a.w.h.StreamStatusTracker(track):73'), 'STARTED', st)
                t += rng.randint(5, 200) * MS
                C.emit(t, 'syncing', S(t, 'source', src_logger), st)
                n = rng.randint(*conn['rec'])
                width = rng.randint(*conn['width'])
                rate = rng.uniform(40, 300)
                if si == fail_at:
                    n = n // 2 + 1
                buf = 0
                for r in range(n):
                    total_rec += 1
                    total_bytes += width
                    buf += width
                    if total_rec == next_mark:
                        tt = t + int((r + 1) / rate * NS)
                        C.emit(tt, 'records', P(tt, 'INFO', f'{RW}(lambda$readFromSrcAndWriteToDstRunnable$6):361'),
                               total_rec, display_size(total_bytes))
                        next_mark += 1000
                    if (j, si) in schema_at and r == min(37, n - 1):
                        tt = t + int((r + 1) / rate * NS)
                        C.emit(tt, 'schema', P(tt, 'WARN', f'{RW}(lambda$readFromSrcAndWriteToDstRunnable$6):350'),
                               st, rng.choice(conn['schema']))
                    if buf > 3_000_000:
                        tt = t + int((r + 1) / rate * NS) + 7 * MS
                        C.emit(tt, 'flush', S(tt, 'destination',
                                              'i.a.c.i.d.r.SerializedBufferingStrategy(flushSingleBuffer):102'),
                               st, display_size(buf))
                        buf = 0
                t += int(n / rate * NS) + rng.randint(1, 50) * MS
                if si == fail_at:
                    C.emit(t, 'exitcode', P(t, 'ERROR', f'{RW}(replicate):206'), C.cyc('exitcode', 0, exits))
                    t += rng.randint(2, 30) * MS
                    C.emit(t, 'trace', P(t, 'INFO', 'i.a.w.h.StreamStatusTracker(track):73'), 'INCOMPLETE', st)
                    failed_now = True
                    break
                C.emit(t, 'readn', S(t, 'source', src_logger), n, st)
                t += rng.randint(1, 30) * MS
                C.emit(t, 'finished', S(t, 'source', src_logger), st)
                t += rng.randint(1, 60) * MS
                if buf:
                    C.emit(t, 'flush', S(t, 'destination',
                                         'i.a.c.i.d.r.SerializedBufferingStrategy(flushSingleBuffer):102'),
                           st, display_size(buf))
                    t += rng.randint(100, 3000) * MS
                C.emit(t, 'trace', P(t, 'INFO', 'i.a.w.h.StreamStatusTracker(track):73'), 'COMPLETE', st)
                t += rng.randint(5, 200) * MS
            if not failed_now:
                C.emit(t, 'nomore', P(t, 'INFO', f'{RW}(lambda$readFromSrcAndWriteToDstRunnable$6):372'))
                t += rng.randint(100, 4000) * MS
                C.emit(t, 'total', P(t, 'INFO', f'{RW}(replicate):257'), total_rec, display_size(total_bytes))
                t += rng.randint(50, 900) * MS
            C.emit(t, 'summary', P(t, 'INFO', f'{RW}(getReplicationOutput):310'),
                   'failed' if failed_now else 'completed', 0 if failed_now else total_rec,
                   0 if failed_now else total_bytes, unix_ms(t0), unix_ms(t), total_bytes, total_rec,
                   0 if failed_now else total_rec)
            if not failed_now:
                break
            attempt += 1
            t += rng.randint(30, 90) * NS


def key_airbyte(prefix):
    return (prefix[:19], 0)


# ================================================================ Oozie (simulation)

OOZIE_RE = (r'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (?: INFO| WARN|ERROR|DEBUG) [\w$]+:\d+ - '
            r'SERVER\[oozie01\.corp\.example\.com\] '
            r'(?:USER\[[^\]]*\] GROUP\[[^\]]*\] TOKEN\[[^\]]*\] APP\[[^\]]*\] JOB\[[^\]]*\] ACTION\[[^\]]*\] )?')


def gen_oozie(C):
    rng = C.rng
    E = C.event
    E('start', "Start action [<*>] with user-retry state : userRetryCount [0], userRetryMax [<*>], "
               "userRetryInterval [10]")
    E('status', "[***<*>***]Action status=<*>")
    E('updated', "[***<*>***]Action updated in DB!")
    E('check', "checking action, hadoop job ID [<*>] status [<*>]")
    E('completed', "action completed, external ID [<*>]")
    E('callback', "callback for action [<*>]")
    E('notify', "No Notification URL is defined. Therefore nothing to notify for job <*>")
    E('starterr', "Error starting action [<*>]. ErrorType [<*>], ErrorCode [<*>], Message [<*>]")
    E('checkexc', "Exception in check(). Message[<*>]")
    E('purge_start', "STARTED Purge to purge Workflow Jobs older than [30] days, Coordinator Jobs older "
                     "than [7] days, Bundlejobs older than [7] days.")
    E('purge_end', "ENDED Purge deleted [<*>] workflows, [<*>] workflow actions, [<*>] coordinators, "
                   "[<*>] coordinator actions, [<*>] bundles, [<*>] bundle actions")
    E('sla', "ERROR is considered as FAILED for SLA")
    E('coord', "CoordMaterializeTriggerService - Curr Date= <*>, Num jobs to materialize = <*>")

    apps = [
        dict(app='daily-sales-etl', user='etl_svc', retry=3,
             nodes=[('extract', 'java'), ('transform', 'hive2'), ('load', 'shell')]),
        dict(app='hourly-clickstream-agg', user='etl_svc', retry=0, nodes=[('agg-mr', 'map-reduce')]),
        dict(app='weekly-report', user='alice', retry=0,
             nodes=[('build-report', 'spark'), ('send-mail', 'email')]),
        dict(app='hdfs-cleanup', user='hdfs', retry=0, nodes=[('rm-tmp', 'fs')]),
        dict(app='ml-feature-refresh', user='bob', retry=3,
             nodes=[('features', 'spark'), ('publish', 'shell')]),
    ]
    SYNC = ('email', 'fs')
    start_err = [('NON_TRANSIENT', 'JA009', 'JA009: Cannot initialize Cluster. Please check your '
                  'configuration for mapreduce.framework.name and the correspond server addresses.'),
                 ('ERROR', 'EL_ERROR', 'EL_ERROR: variable [inputDir] cannot be resolved'),
                 ('TRANSIENT', 'JA006', 'JA006: Call From oozie01.corp.example.com/10.30.0.5 to '
                  'rm01.corp.example.com:8032 failed on connection exception: java.net.ConnectException: '
                  'Connection refused')]
    SRV = 'oozie01.corp.example.com'
    DASH = ('-', '-', '-', '-', '-')

    def H(t, lvl, cls, ctx=None):
        h = f"{ts_ms(t)} {lvl:>5} {cls} - SERVER[{SRV}] "
        if ctx is DASH:
            h += "USER[-] GROUP[-] TOKEN[-] APP[-] JOB[-] ACTION[-] "
        elif ctx:
            u, a, j, ac = ctx
            h += f"USER[{u}] GROUP[-] TOKEN[] APP[{a}] JOB[{j}] ACTION[{ac}] "
        return h

    server_start = '260314071502133'
    cluster_ts = 1773472502133
    hseq = [311]
    seq = 231
    t0 = base_ns(2026, 3, 14, 7, 30, 0)

    # background services
    tc = t0 + rng.randint(10, 290) * NS + rng.randint(0, 999) * MS
    for _ in range(30):
        minute = tc - tc % (60 * NS)
        C.emit(tc, 'coord', H(tc, 'INFO', 'CoordMaterializeTriggerService$CoordMaterializeTriggerRunnable:139'),
               ts_date(minute) + 'T' + ts_hms(minute)[:5] + 'Z', C.cyc('coord', 1, [0, 0, 0, 1, 2]))
        tc += 300 * NS + rng.randint(0, 900) * MS
    tp = t0 + rng.randint(60, 200) * NS + rng.randint(0, 999) * MS
    for _ in range(8):
        C.emit(tp, 'purge_start', H(tp, 'INFO', 'PurgeXCommand:520', DASH))
        tp += rng.randint(200, 4000) * MS
        wf = C.cyc('purge_end', 0, [0, 3, 12, 41])
        co = C.cyc('purge_end', 2, [0, 1, 2])
        bu = C.cyc('purge_end', 4, [0, 1, 0])
        C.emit(tp, 'purge_end', H(tp, 'INFO', 'PurgeXCommand:520', DASH),
               wf, wf * rng.randint(2, 5), co, co * rng.choice([24, 48, 96]), bu, bu * rng.randint(2, 6))
        tp += 700 * NS + rng.randint(0, 2000) * MS

    fates = ['ok'] * 5 + ['starterr'] * 3 + ['checkexc'] * 4
    rng.shuffle(fates)
    fates = ['ok'] + fates + ['ok'] * 10
    lost_pool = [False, False, False, False, True]
    t = t0
    for wi, fate in enumerate(fates):
        t += int(rng.expovariate(1 / (170 * NS))) + 10 * NS
        app = apps[wi % len(apps)] if wi < 5 else rng.choice(apps)
        while fate == 'checkexc' and all(typ in SYNC for _, typ in app['nodes']):
            app = rng.choice(apps)
        job = f"{seq:07d}-{server_start}-oozie-oozi-W"
        seq += 1
        u, a = app['user'], app['app']
        cur = t
        nodes = list(app['nodes'])
        bad = rng.randrange(len(nodes)) if fate != 'ok' else None
        if fate == 'checkexc':
            async_nodes = [i for i, (_, typ) in enumerate(nodes) if typ not in SYNC]
            bad = rng.choice(async_nodes)

        def control(node, cur):
            aid = f"{job}@{node}"
            ctx = (u, a, job, aid)
            C.emit(cur, 'start', H(cur, 'INFO', 'ActionStartXCommand:520', ctx), aid, app['retry'])
            cur += rng.randint(3, 40) * MS
            C.emit(cur, 'status', H(cur, 'INFO', 'ActionStartXCommand:520', ctx), aid, 'DONE')
            cur += rng.randint(1, 20) * MS
            C.emit(cur, 'updated', H(cur, 'INFO', 'ActionStartXCommand:520', ctx), aid)
            cur += rng.randint(1, 30) * MS
            C.emit(cur, 'notify', H(cur, 'INFO', 'WorkflowNotificationXCommand:520', ctx), aid)
            return cur + rng.randint(5, 120) * MS

        cur = control(':start:', cur)
        killed = False
        for ni, (node, typ) in enumerate(nodes):
            aid = f"{job}@{node}"
            ctx = (u, a, job, aid)
            C.emit(cur, 'start', H(cur, 'INFO', 'ActionStartXCommand:520', ctx), aid, app['retry'])
            cur += rng.randint(20, 900) * MS
            if fate == 'starterr' and ni == bad:
                et, ec, msg = C.cyc('starterr', 0, start_err)
                C.emit(cur, 'starterr', H(cur, ' WARN', 'ActionStartXCommand:520', ctx), node, et, ec, msg)
                cur += rng.randint(5, 200) * MS
                C.emit(cur, 'sla', H(cur, 'INFO', 'ActionEndXCommand:520', ctx))
                cur += rng.randint(5, 200) * MS
                killed = True
                break
            if typ in SYNC:
                C.emit(cur, 'status', H(cur, 'INFO', 'ActionStartXCommand:520', ctx), aid, 'DONE')
                cur += rng.randint(1, 20) * MS
                C.emit(cur, 'updated', H(cur, 'INFO', 'ActionStartXCommand:520', ctx), aid)
                cur += rng.randint(1, 30) * MS
                C.emit(cur, 'notify', H(cur, 'INFO', 'WorkflowNotificationXCommand:520', ctx), aid)
                cur += rng.randint(10, 300) * MS
                continue
            hjob = f"job_{cluster_ts}_{hseq[0]:04d}"
            hseq[0] += 1
            C.emit(cur, 'status', H(cur, 'INFO', 'ActionStartXCommand:520', ctx), aid, 'RUNNING')
            cur += rng.randint(1, 20) * MS
            C.emit(cur, 'updated', H(cur, 'INFO', 'ActionStartXCommand:520', ctx), aid)
            cur += rng.randint(1, 30) * MS
            C.emit(cur, 'notify', H(cur, 'INFO', 'WorkflowNotificationXCommand:520', ctx), aid)
            run = int(rng.lognormvariate(4.6, 0.9) * NS) + 8 * NS
            began = cur
            interval = 180 * NS
            if fate == 'checkexc' and ni == bad:
                tt = began + interval
                C.emit(tt, 'checkexc', H(tt, ' WARN', 'ActionCheckXCommand:520', ctx),
                       f"JA017: Could not lookup launched hadoop Job ID [{hjob}] which was associated with "
                       f" action [{aid}].  Failing this action!")
                cur = tt + rng.randint(5, 200) * MS
                C.emit(cur, 'sla', H(cur, 'INFO', 'ActionEndXCommand:520', ctx))
                cur += rng.randint(5, 200) * MS
                killed = True
                break
            lost = C.cyc('lost', 0, lost_pool)
            k = 1
            while began + k * interval < began + run:
                tt = began + k * interval
                C.emit(tt, 'check', H(tt, 'INFO', 'JavaActionExecutor:520', ctx), hjob, 'RUNNING')
                k += 1
            if lost:
                tt = began + k * interval
                C.emit(tt, 'check', H(tt, 'INFO', 'JavaActionExecutor:520', ctx), hjob, 'SUCCEEDED')
                cur = tt
            else:
                cur = began + run
                C.emit(cur, 'callback', H(cur, 'INFO', 'CallbackServlet:520', ctx), aid)
            cur += rng.randint(20, 600) * MS
            C.emit(cur, 'completed', H(cur, 'INFO', 'JavaActionExecutor:520', ctx), hjob)
            cur += rng.randint(10, 300) * MS
            C.emit(cur, 'notify', H(cur, 'INFO', 'WorkflowNotificationXCommand:520', ctx), aid)
            cur += rng.randint(10, 300) * MS
        cur = control('kill' if killed else 'end', cur)
        C.emit(cur, 'notify', H(cur, 'INFO', 'WorkflowNotificationXCommand:520', (u, a, job, '-')), job)


def key_oozie(prefix):
    return (prefix[:23], 0)


# ================================================================ self-check

SYSTEMS = [
    ('MaxScale', 1, MAXSCALE_RE, key_maxscale, gen_maxscale, 'shuffle'),
    ('Amavis', 2, AMAVIS_RE, key_amavis, gen_amavis, 'simulation'),
    ('Redash', 3, REDASH_RE, key_redash, gen_redash, 'shuffle'),
    ('Mimir', 4, MIMIR_RE, key_mimir, gen_mimir, 'shuffle'),
    ('Airbyte', 5, AIRBYTE_RE, key_airbyte, gen_airbyte, 'simulation'),
    ('Oozie', 6, OOZIE_RE, key_oozie, gen_oozie, 'simulation'),
]


def later_or_equal(prev, cur):
    if prev[0] != cur[0]:
        return prev[0] < cur[0]
    if prev[1] is None or cur[1] is None:
        return True
    return prev[1] <= cur[1]


def self_check(C):
    name = C.name
    d = os.path.join(HERE, name)
    with open(os.path.join(d, name + '.log'), encoding='utf-8', newline='') as f:
        raw = f.read()
    assert raw.endswith('\n'), name
    lines = raw[:-1].split('\n')
    assert len(lines) == LINES, (name, len(lines))
    with open(os.path.join(d, name + '.log_structured.csv'), encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f))
    assert rows[0] == ['LineId', 'Content', 'EventId', 'EventTemplate'], name
    rows = rows[1:]
    assert len(rows) == LINES, (name, len(rows))
    tpl_of = {}
    counts = {}
    captures = {}
    prev = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        assert len(row) == 4, (name, i)
        lid, content, eid, tpl = row
        assert lid == str(i), (name, i, lid)
        assert content and content == content.strip(), (name, i, content)
        assert line.endswith(content), (name, i)
        prefix = line[:len(line) - len(content)]
        assert C.header_re.fullmatch(prefix), (name, i, prefix)
        key = C.ts_key(prefix)
        if prev is not None:
            assert later_or_equal(prev, key), (name, i, prev, key)
        prev = key
        assert re.fullmatch(r'E[1-9]\d*', eid), (name, i, eid)
        assert tpl_of.setdefault(eid, tpl) == tpl, (name, eid)
        rx = '(.+?)'.join(re.escape(p) for p in tpl.split('<*>'))
        m = re.fullmatch(rx, content)
        assert m, (name, i, tpl, content)
        counts[eid] = counts.get(eid, 0) + 1
        caps = captures.setdefault(eid, [set() for _ in m.groups()])
        for s, g in zip(caps, m.groups()):
            s.add(g)
    n = len(C.templates)
    assert set(tpl_of) == {f"E{j}" for j in range(1, n + 1)}, (name, sorted(tpl_of))
    for j in range(1, n + 1):
        assert tpl_of[f"E{j}"] == C.templates[j - 1], (name, j)
    assert len(set(tpl_of.values())) == len(tpl_of), name
    for eid, caps in captures.items():
        for gi, s in enumerate(caps, 1):
            assert len(s) >= 2, (name, eid, gi, s)
    assert 12 <= n <= 15, (name, n)
    cs = [counts[f"E{j}"] for j in range(1, n + 1)]
    assert min(cs) >= 3, (name, cs)
    assert sum(1 for c in cs if 3 <= c <= 10) >= 3, (name, cs)
    assert max(cs) >= 3 * statistics.median(cs), (name, cs)
    return cs


def main():
    made = []
    for name, k, hre, tkey, gen, kind in SYSTEMS:
        C = Corpus(name, k, hre, tkey, kind)
        gen(C)
        C.write()
        made.append(C)
    n_sim = sum(1 for C in made if C.kind == 'simulation')
    assert n_sim >= 3, n_sim
    for C in made:
        cs = self_check(C)
        print(f"{C.name}: {len(cs)} event types; lines per event: "
              + ' '.join(f"E{j}={c}" for j, c in enumerate(cs, 1)))
    print('self-check passed')


if __name__ == '__main__':
    main()
