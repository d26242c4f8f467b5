#!/usr/bin/env python3
"""Sealed 51 -- blind labelled log corpus generator.

Python 3 standard library only.  Fully deterministic: no wall clock, no locale,
month names from a fixed list.  Base seed 20270166; system k (1..6) uses
random.Random(20270166 * 10 + k).  Time is an integer nanosecond clock counted
from 2026-03-14 00:00:00 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system next to this file, then re-reads and self-checks them.
"""
import collections
import csv
import itertools
import os
import random
import re
import statistics
import string
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASE_SEED = 20270166
N_LINES = 300
NS = 1_000_000_000
MS = 1_000_000
US = 1_000
MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun',
          'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
YEAR, MONTH, DAY = 2026, 3, 14
CSV_HEADER = ['LineId', 'Content', 'EventId', 'EventTemplate']


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def tod(ns):
    """Split a nanosecond clock (since 2026-03-14 00:00 UTC) into h, m, s, frac-ns."""
    assert 0 <= ns < 86400 * NS, ns
    s, frac = divmod(ns, NS)
    h, r = divmod(s, 3600)
    m, s = divmod(r, 60)
    return h, m, s, frac


def _frac(v, unit, digits):
    whole, rem = divmod(v, unit)
    fr = ('%0*d' % (digits, rem)).rstrip('0')
    return '%d.%s' % (whole, fr) if fr else '%d' % whole


def go_dur(ns):
    """time.Duration.String()"""
    if ns == 0:
        return '0s'
    if ns < US:
        return '%dns' % ns
    if ns < MS:
        return _frac(ns, US, 3) + '\u00b5s'
    if ns < NS:
        return _frac(ns, MS, 6) + 'ms'
    m, rem = divmod(ns, 60 * NS)
    h, m = divmod(m, 60)
    s = _frac(rem, NS, 9) + 's'
    if h:
        return '%dh%dm%s' % (h, m, s)
    if m:
        return '%dm%s' % (m, s)
    return s


def kt_dur(ms):
    """kotlin.time.Duration.toString() for millisecond values"""
    m, rem = divmod(ms, 60000)
    if m and rem == 0:
        return '%dm' % m
    s = _frac(rem, 1000, 3) + 's'
    return '%dm %s' % (m, s) if m else s


def iso_instant(ns):
    h, m, s, _ = tod(ns)
    return '%04d-%02d-%02dT%02d:%02d:%02dZ' % (YEAR, MONTH, DAY, h, m, s)


def rfc3339nano(ns):
    h, m, s, fr = tod(ns)
    base = '%04d-%02d-%02dT%02d:%02d:%02d' % (YEAR, MONTH, DAY, h, m, s)
    f = ('%09d' % fr).rstrip('0')
    return base + ('.' + f if f else '') + 'Z'


def clf_time(ns):
    h, m, s, _ = tod(ns)
    return '%02d/%s/%04d:%02d:%02d:%02d +0000' % (DAY, MONTHS[MONTH - 1], YEAR, h, m, s)


def hexs(rng, n):
    return ''.join(rng.choice('0123456789abcdef') for _ in range(n))


def alnum(rng, n):
    return ''.join(rng.choice(string.ascii_letters + string.digits) for _ in range(n))


def lower_alnum(rng, n):
    return ''.join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(n))


def ipv4(rng, kind='any'):
    if kind == 'private':
        return '10.%d.%d.%d' % (rng.randint(0, 63), rng.randint(0, 255), rng.randint(2, 254))
    net = rng.choice(['203.0.113', '198.51.100', '192.0.2', '100.64.%d' % rng.randint(0, 40),
                      '172.20.%d' % rng.randint(0, 15)])
    return '%s.%d' % (net, rng.randint(2, 254))


def fill(tpl, vals):
    parts = tpl.split('<*>')
    assert len(parts) == len(vals) + 1, (tpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        out.append(str(v))
        out.append(p)
    return ''.join(out)


def tpl_regex(tpl):
    return re.compile('(.+?)'.join(re.escape(p) for p in tpl.split('<*>')))


def ts_ns(m):
    d = m.groupdict()
    s = d.get('ts') or d.get('tsb')
    mm = re.search(r'(\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?', s)
    frac = int((mm.group(4) or '').ljust(9, '0'))
    return ((int(mm.group(1)) * 60 + int(mm.group(2))) * 60 + int(mm.group(3))) * NS + frac


class Sys:
    def __init__(self, k, name, kind, events, header_re, coarse=False):
        self.k = k
        self.name = name
        self.kind = kind
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.events = events
        self.idx = {key: i for i, (key, _) in enumerate(events)}
        assert len(self.idx) == len(events)
        self.header_re = re.compile(header_re)
        self.coarse = coarse          # timestamps compared at whole-second resolution
        self._cyc = {}

    def c(self, key, slot, pool):
        """Cycle through a small pool per (event, slot)."""
        n = self._cyc.get((key, slot), 0)
        self._cyc[(key, slot)] = n + 1
        return pool[n % len(pool)]

    def eid(self, key):
        return 'E%d' % (self.idx[key] + 1)

    def tpl(self, key):
        return self.events[self.idx[key]][1]

    def rec(self, key, header, vals):
        content = fill(self.tpl(key), vals)
        assert content and content == content.strip(), (self.name, key, content)
        assert '\n' not in content and '\r' not in content, (self.name, key)
        assert '\n' not in header and '\r' not in header
        return (header, content, key)


def shuffle_plan(S, counts):
    assert len(counts) == len(S.events)
    assert sum(counts) == N_LINES, (S.name, sum(counts))
    plan = [key for (key, _), c in zip(S.events, counts) for _ in range(c)]
    S.rng.shuffle(plan)
    return plan


def forward_clock(S, start, mean_s):
    t = start
    while True:
        yield t
        t += int(S.rng.expovariate(1.0 / mean_s) * NS) + S.rng.randint(1, 999) * US


def merge_sim(S, out, horizon):
    out.sort(key=lambda x: (x[0], x[1]))
    assert len(out) >= N_LINES, (S.name, len(out))
    assert out[N_LINES - 1][0] < horizon, (S.name, 'horizon too short')
    return [r for (_, _, r) in out[:N_LINES]]


# --------------------------------------------------------------------------
# 1. Ktor -- simulation (HTTP calls, user sessions, pool housekeeper)
# --------------------------------------------------------------------------

KTOR_RE = (r'(?P<ts>2026-03-14 \d\d:\d\d:\d\d\.\d{3}) \[[^\]]+\] '
           r'(?:TRACE|DEBUG|INFO |WARN |ERROR) [\w.$]{1,36} - ')


def gen_ktor():
    S = Sys(1, 'Ktor', 'simulation', [
        ('ok_get', '200 OK: GET - <*> in <*>'),
        ('created_post', '201 Created: POST - <*> in <*>'),
        ('nocontent_delete', '204 No Content: DELETE - <*> in <*>'),
        ('notfound_get', '404 Not Found: GET - <*> in <*>'),
        ('unauth_get', '401 Unauthorized: GET - <*> in <*>'),
        ('sql_select_user', 'SELECT users.id, users.email, users.display_name, users.created_at '
                            'FROM users WHERE users.id = <*>'),
        ('sql_insert_order', "INSERT INTO orders (customer_id, total_cents, currency, status) "
                             "VALUES (<*>, <*>, '<*>', 'PENDING')"),
        ('hk_before', 'HikariPool-1 - Before cleanup stats (total=10, active=<*>, idle=<*>, waiting=0)'),
        ('hk_after', 'HikariPool-1 - After cleanup  stats (total=10, active=<*>, idle=<*>, waiting=0)'),
        ('hk_fill', 'HikariPool-1 - Fill pool skipped, pool has sufficient level or currently '
                    'being filled (queueDepth=0).'),
        ('sess_created', 'Session <*> created for user <*>'),
        ('sess_expired', 'Session <*> expired after <*> of inactivity'),
        ('jwt_expired', 'JWT verification failed for <*>: The Token has expired on <*>.'),
        ('cart_added', 'Item <*> added to cart <*> (qty <*>)'),
        ('cart_removed', 'Item <*> removed from cart <*>'),
    ], KTOR_RE)
    rng = S.rng
    out = []
    seq = itertools.count()
    APP = 'ktor.application'
    HK = 'com.zaxxer.hikari.pool.HikariPool'
    SESS = 'com.northwind.shop.auth.SessionStore'
    JWT = 'com.northwind.shop.auth.JwtAuth'
    CART = 'com.northwind.shop.cart.CartService'
    USERS = ['m.okafor@northwind-shop.test', 'j.lindqvist@northwind-shop.test',
             'priya.raman@mailbox.test', 'tomasz.wrona@inbox.test',
             'ana.ferreira@northwind-shop.test', 'loadtest-07@northwind-shop.test',
             'kwame.asante@mailbox.test']
    CATS = ['garden', 'kitchen', 'outdoor-lighting', 'tools', 'bathroom']

    def emit(t, thread, level, logger, key, *vals):
        h, m, s, fr = tod(t)
        hdr = '2026-03-14 %02d:%02d:%02d.%03d [%s] %-5s %s - ' % (h, m, s, fr // MS, thread, level, logger)
        out.append((t, next(seq), S.rec(key, hdr, vals)))

    def worker():
        return 'DefaultDispatcher-worker-%d' % rng.randint(1, 16)

    def sku():
        return 'NW-%05d' % rng.randint(10000, 99999)

    start = (9 * 3600 + 41 * 60 + 7) * NS + rng.randrange(NS)
    horizon = start + 1500 * NS

    # HikariCP housekeeper, every 30 s
    t = start + rng.randrange(25 * NS)
    while t < horizon:
        a = rng.choice([0, 0, 1, 1, 1, 2, 3])
        a2 = max(0, a - rng.choice([0, 0, 1]))
        emit(t, 'HikariPool-1 housekeeper', 'DEBUG', HK, 'hk_before', a, 10 - a)
        t2 = t + rng.randint(200, 2500) * US
        emit(t2, 'HikariPool-1 housekeeper', 'DEBUG', HK, 'hk_after', a2, 10 - a2)
        emit(t2 + rng.randint(100, 900) * US, 'HikariPool-1 housekeeper', 'DEBUG', HK, 'hk_fill')
        t += 30 * NS + rng.randint(-3, 3) * MS

    # sessions that were alive before the window opens
    for _ in range(3):
        sid = hexs(rng, 32)
        idle = 120000 + rng.randint(0, 30000)
        texp = start + rng.randint(15, 150) * NS + rng.randrange(MS)
        emit(texp, worker(), 'INFO', SESS, 'sess_expired', sid, kt_dur(idle))

    kinds = ['get_product', 'get_user', 'get_missing', 'expired', 'post_order',
             'cart_add', 'cart_remove', 'login']
    weights = [38, 18, 5, 4, 9, 11, 5, 6]
    t = start + rng.randrange(2 * NS)
    while t < horizon:
        t += int(rng.expovariate(1 / 1.3) * NS) + 1
        kind = rng.choices(kinds, weights)[0]
        lp = 'eventLoopGroupProxy-4-%d' % rng.randint(1, 8)
        dur = max(2, int(rng.lognormvariate(2.4, 0.9)))
        tend = t + dur * MS + rng.randint(0, 999) * US
        t_app = t + rng.randint(300, dur * 1000 - 200) * US
        took = '%dms' % dur
        if kind == 'get_product':
            uri = S.c('ok_get', 'shape', ['p', 'p', 'q', 'c', 'p', 'h'])
            if uri == 'p':
                uri = '/api/v1/products/%s' % sku()
            elif uri == 'q':
                uri = '/api/v1/products?category=%s&page=%d' % (S.c('ok_get', 'cat', CATS), rng.randint(1, 6))
            elif uri == 'c':
                uri = '/api/v1/carts/crt_%s' % hexs(rng, 10)
            else:
                uri = '/health'
            emit(tend, lp, 'INFO', APP, 'ok_get', uri, took)
        elif kind == 'get_user':
            uid = rng.randint(1000, 99999)
            emit(t_app, worker(), 'DEBUG', 'Exposed', 'sql_select_user', uid)
            emit(tend, lp, 'INFO', APP, 'ok_get', '/api/v1/users/%d' % uid, took)
        elif kind == 'get_missing':
            if rng.random() < 0.5:
                uid = rng.randint(100000, 999999)
                emit(t_app, worker(), 'DEBUG', 'Exposed', 'sql_select_user', uid)
                uri = '/api/v1/users/%d' % uid
            else:
                uri = S.c('notfound_get', 0, ['/favicon.ico', '/api/v1/product/%s' % sku(),
                                              '/wp-admin/setup-config.php', '/api/v2/products'])
            emit(tend, lp, 'INFO', APP, 'notfound_get', uri, took)
        elif kind == 'expired':
            subj = 'user-%d' % rng.randint(1000, 9999)
            exp_at = iso_instant(t - rng.randint(60, 7200) * NS)
            emit(t_app, lp, 'WARN', JWT, 'jwt_expired', subj, exp_at)
            uri = S.c('unauth_get', 0, ['/api/v1/orders', '/api/v1/me', '/api/v1/orders?status=open'])
            emit(tend, lp, 'INFO', APP, 'unauth_get', uri, took)
        elif kind == 'post_order':
            cust = rng.randint(1000, 99999)
            cents = rng.randint(499, 48999)
            cur = S.c('sql_insert_order', 2, ['EUR', 'EUR', 'USD', 'GBP'])
            emit(t_app, worker(), 'DEBUG', 'Exposed', 'sql_insert_order', cust, cents, cur)
            emit(tend, lp, 'INFO', APP, 'created_post', '/api/v1/orders', took)
        elif kind == 'cart_add':
            cart = 'crt_' + hexs(rng, 10)
            emit(t_app, lp, 'INFO', CART, 'cart_added', sku(), cart, rng.choice([1, 1, 1, 2, 2, 3, 6]))
            emit(tend, lp, 'INFO', APP, 'created_post', '/api/v1/carts/%s/items' % cart, took)
        elif kind == 'cart_remove':
            cart = 'crt_' + hexs(rng, 10)
            item = sku()
            emit(t_app, lp, 'INFO', CART, 'cart_removed', item, cart)
            emit(tend, lp, 'INFO', APP, 'nocontent_delete', '/api/v1/carts/%s/items/%s' % (cart, item), took)
        else:  # login
            sid = hexs(rng, 32)
            emit(t_app, lp, 'INFO', SESS, 'sess_created', sid, S.c('sess_created', 1, USERS))
            emit(tend, lp, 'INFO', APP, 'created_post', '/api/v1/sessions', took)
            idle = 120000 + rng.randint(0, 30000)
            emit(tend + idle * MS, worker(), 'INFO', SESS, 'sess_expired', sid, kt_dur(idle))
    return S, merge_sim(S, out, horizon)


# --------------------------------------------------------------------------
# 2. PlayFramework -- seeded shuffle
# --------------------------------------------------------------------------

PLAY_RE = (r'(?P<ts>2026-03-14 \d\d:\d\d:\d\d,\d{3}) \[(?:TRACE|DEBUG|INFO|WARN|ERROR)\] '
           r'from [\w.$]+ in [\w.\-]+ - ')


def gen_play():
    S = Sys(2, 'PlayFramework', 'shuffle', [
        ('app_started', 'Application started (Prod) (no global state)'),
        ('listening', 'Listening for HTTP on /<*>'),
        ('host_denied', 'Host not allowed: <*>'),
        ('csrf_header', '[CSRF] Check failed because no token found in headers for <*>'),
        ('csrf_body', '[CSRF] Check failed because invalid token found in body for <*>'),
        ('login_ok', 'Login succeeded for user <*> from <*>'),
        ('login_fail', 'Login failed for user <*> from <*>: <*>'),
        ('order', 'Order <*> placed by <*> (<*> items, total <*>)'),
        ('mail', 'Sent <*> email to <*>'),
        ('req_timeout', 'Request timeout encountered for request [<*> <*> Empty]'),
        ('illegal', "Illegal request, responding with status '<*>': <*>"),
        ('json_err', 'Error decoding json body: <*>'),
        ('sync', 'Synced <*> products from <*> in <*>'),
        ('cache_miss', 'Cache miss for key <*>, loading from database'),
    ], PLAY_RE)
    rng = S.rng
    counts = [3, 3, 6, 8, 4, 45, 20, 30, 25, 7, 5, 9, 14, 121]
    plan = shuffle_plan(S, counts)
    clock = forward_clock(S, (10 * 3600 + 5 * 60 + 41) * NS + rng.randrange(NS), 1.8)
    USERS = ['hbrandt', 'lucia.m', 'okonkwo', 'svetlana_k', 'admin', 'r.tanaka', 'feodora', 'jpelletier']
    out = []

    def disp():
        return 'application-akka.actor.default-dispatcher-%d' % rng.randint(2, 24)

    for key in plan:
        t = next(clock)
        h, m, s, fr = tod(t)
        ts = '2026-03-14 %02d:%02d:%02d,%03d' % (h, m, s, fr // MS)
        if key == 'app_started':
            lvl, lg, th, vals = 'INFO', 'play.api.Play', 'main', []
        elif key == 'listening':
            lvl, lg, th = 'INFO', 'play.core.server.AkkaHttpServer', 'main'
            vals = [S.c(key, 0, ['0:0:0:0:0:0:0:0:9000', '0.0.0.0:9000'])]
        elif key == 'host_denied':
            lvl, lg, th = 'WARN', 'play.filters.hosts.AllowedHostsFilter', disp()
            vals = [S.c(key, 0, ['evil.example.net', '203.0.113.54:9000', 'admin.shop-intern.local',
                                 'localhost:8080', 'xn--shp-mla.example'])]
        elif key == 'csrf_header':
            lvl, lg, th = 'DEBUG', 'play.filters.CSRF', disp()
            vals = [S.c(key, 0, ['/account/password', '/cart/checkout', '/admin/users/%d/delete' % rng.randint(2, 900),
                                 '/api/wishlist'])]
        elif key == 'csrf_body':
            lvl, lg, th = 'DEBUG', 'play.filters.CSRF', disp()
            vals = [S.c(key, 0, ['/account/profile', '/cart/checkout', '/newsletter/subscribe'])]
        elif key == 'login_ok':
            lvl, lg, th = 'INFO', 'controllers.AuthController', disp()
            vals = [rng.choice(USERS), ipv4(rng)]
        elif key == 'login_fail':
            lvl, lg, th = 'WARN', 'controllers.AuthController', disp()
            vals = [rng.choice(USERS), ipv4(rng),
                    S.c(key, 2, ['invalid password', 'unknown user',
                                 'account locked until 2026-03-14T%02d:%02d:00Z' % ((h + 1) % 24, m),
                                 'invalid password', 'TOTP code rejected'])]
        elif key == 'order':
            lvl, lg, th = 'INFO', 'controllers.OrderController', disp()
            cur = S.c(key, 3, ['EUR', 'EUR', 'CHF', 'GBP'])
            vals = ['ORD-%06d' % rng.randint(100000, 999999), rng.choice(USERS), rng.randint(1, 9),
                    '%s %d.%02d' % (cur, rng.randint(9, 780), rng.randint(0, 99))]
        elif key == 'mail':
            lvl, lg, th = 'INFO', 'services.Mailer', disp()
            user = rng.choice(USERS).replace('.', '').replace('_', '')
            vals = [S.c(key, 0, ['order-confirmation', 'password-reset', 'welcome', 'shipping-update']),
                    '%s@%s' % (user, rng.choice(['mailbox.test', 'posteo.test', 'example.org', 'kunden.test']))]
        elif key == 'req_timeout':
            lvl, lg, th = 'WARN', 'akka.actor.ActorSystemImpl', disp()
            vals = [S.c(key, 0, ['GET', 'GET', 'POST']),
                    S.c(key, 1, ['/reports/export.csv', '/api/search?q=garden+hose', '/checkout/confirm',
                                 '/admin/orders?from=2026-01-01'])]
        elif key == 'illegal':
            lvl, lg, th = 'WARN', 'akka.actor.ActorSystemImpl', disp()
            st, why = S.c(key, 0, [
                ('400 Bad Request', "Illegal request-target: Invalid input ' ', expected pchar, '/', '?' or '#' (line 1, column %d)" % rng.randint(14, 60)),
                ('414 URI Too Long', 'URI length exceeds the configured limit of 2048 characters'),
                ('431 Request Header Fields Too Large', 'HTTP header value exceeds the configured limit of 8192 characters'),
                ('400 Bad Request', 'Illegal HTTP header name: X-Forwarded-For '),
            ])
            vals = [st, why.strip()]
        elif key == 'json_err':
            lvl, lg, th = 'DEBUG', 'play.api.mvc.PlayBodyParsers', disp()
            vals = [S.c(key, 0, [
                "Unexpected character ('}' (code 125)): was expecting double-quote to start field name",
                'Unexpected end-of-input: expected close marker for Object (start marker at [Source: (String)"{"sku":"A-%d"; line: 1, column: 1])' % rng.randint(100, 999),
                "Unrecognized token 'undefined': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
            ])]
        elif key == 'sync':
            lvl, lg, th = 'INFO', 'services.CatalogSync', disp()
            vals = [rng.randint(40, 5200),
                    S.c(key, 1, ['https://erp.kessler-intern.test/api/v2/articles', 's3://catalog-drop/feeds/products.jsonl']),
                    '%d milliseconds' % rng.randint(180, 24000)]
        else:  # cache_miss
            lvl, lg, th = 'DEBUG', 'services.ProductCache', disp()
            shape = S.c(key, 'shape', ['p', 'p', 'c', 'u'])
            if shape == 'p':
                k = 'product:%d' % rng.randint(1, 20000)
            elif shape == 'c':
                k = 'category:%s:page:%d' % (rng.choice(['garden', 'tools', 'lamps', 'decor']), rng.randint(1, 12))
            else:
                k = 'user:%d:prefs' % rng.randint(1, 9000)
            vals = [k]
        hdr = '%s [%s] from %s in %s - ' % (ts, lvl, lg, th)
        out.append(S.rec(key, hdr, vals))
    return S, out


# --------------------------------------------------------------------------
# 3. Dropwizard -- seeded shuffle
# --------------------------------------------------------------------------

DW_RE = (r'(?:TRACE|DEBUG|INFO |WARN |ERROR) \[(?P<ts>2026-03-14 \d\d:\d\d:\d\d,\d{3})\] '
         r'[\w.$]+: ')


def gen_dropwizard():
    S = Sys(3, 'Dropwizard', 'shuffle', [
        ('conn_started', 'Started <*>@<*>{HTTP/1.1, (http/1.1)}{<*>}'),
        ('conn_stopped', 'Stopped <*>@<*>{HTTP/1.1, (http/1.1)}{<*>}'),
        ('server_started', 'Started @<*>'),
        ('sql_error', 'SQL Error: 0, SQLState: <*>'),
        ('dup_key', 'ERROR: duplicate key value violates unique constraint "<*>"'),
        ('invoice', 'Created invoice <*> for account <*> (<*>)'),
        ('recon_start', 'Reconciliation run <*> started for <*>'),
        ('recon_done', 'Reconciliation run <*> finished: <*> matched, <*> unmatched in <*>'),
        ('io_exc', 'I/O exception (<*>) caught when processing request to {s}-><*>: <*>'),
        ('retry', 'Retrying request to {s}-><*>'),
        ('gauge', 'type=GAUGE, name=<*>, value=<*>'),
        ('meter', 'type=METER, name=<*>, count=<*>, m1_rate=<*>, m5_rate=<*>, m15_rate=<*>, '
                  'mean_rate=<*>, rate_unit=events/second'),
        ('apikey', 'Rejected API key <*> from <*>: <*>'),
        ('health', 'Health check changed state. name=<*>, healthy=<*>'),
    ], DW_RE)
    rng = S.rng
    counts = [4, 4, 3, 9, 9, 40, 12, 11, 7, 7, 128, 30, 16, 20]
    plan = shuffle_plan(S, counts)
    clock = forward_clock(S, (11 * 3600 + 20 * 60 + 3) * NS + rng.randrange(NS), 2.4)
    TARGETS = ['https://ledger.internal.acme-billing.test:443', 'http://fx-rates.svc.cluster.local:8080',
               'https://api.paygate.test:443']
    invoice_no = 4180 + rng.randint(0, 400)
    run_no = 900 + rng.randint(0, 90)
    meter_counts = {}
    out = []
    for key in plan:
        t = next(clock)
        h, m, s, fr = tod(t)
        ts = '2026-03-14 %02d:%02d:%02d,%03d' % (h, m, s, fr // MS)
        if key in ('conn_started', 'conn_stopped'):
            lvl, lg = 'INFO', 'org.eclipse.jetty.server.AbstractConnector'
            name, addr = S.c(key, 0, [('application', '0.0.0.0:8080'), ('admin', '0.0.0.0:8081')])
            vals = [name, hexs(rng, rng.choice([7, 8])), addr]
        elif key == 'server_started':
            lvl, lg = 'INFO', 'org.eclipse.jetty.server.Server'
            vals = ['%dms' % rng.randint(1900, 5200)]
        elif key == 'sql_error':
            lvl, lg = 'WARN', 'org.hibernate.engine.jdbc.spi.SqlExceptionHelper'
            vals = [S.c(key, 0, ['23505', '23505', '23503', '40001'])]
        elif key == 'dup_key':
            lvl, lg = 'ERROR', 'org.hibernate.engine.jdbc.spi.SqlExceptionHelper'
            vals = [S.c(key, 0, ['invoices_external_ref_key', 'accounts_email_key', 'payments_idempotency_key_key'])]
        elif key == 'invoice':
            lvl, lg = 'INFO', 'com.acme.billing.resources.InvoiceResource'
            invoice_no += rng.randint(1, 4)
            cur = S.c(key, 2, ['EUR', 'USD', 'EUR', 'SEK'])
            vals = ['INV-2026-%06d' % invoice_no, 'acct_' + lower_alnum(rng, 10),
                    '%s %s.%02d' % (cur, format(rng.randint(5, 18000), ','), rng.randint(0, 99))]
        elif key == 'recon_start':
            lvl, lg = 'INFO', 'com.acme.billing.jobs.ReconciliationJob'
            run_no += 1
            vals = ['#%d' % run_no, S.c(key, 1, ['2026-03-13', '2026-03-12', '2026-03-13', '2026-03-11'])]
        elif key == 'recon_done':
            lvl, lg = 'INFO', 'com.acme.billing.jobs.ReconciliationJob'
            vals = ['#%d' % (run_no - rng.randint(0, 2)), rng.randint(200, 9000), rng.choice([0, 0, 1, 2, 3, 7, 14]),
                    '%d ms' % rng.randint(800, 95000)]
        elif key == 'io_exc':
            lvl, lg = 'INFO', 'org.apache.http.impl.execchain.RetryExec'
            exc, why = S.c(key, 0, [('java.net.SocketException', 'Connection reset'),
                                    ('org.apache.http.NoHttpResponseException', 'The target server failed to respond'),
                                    ('java.net.SocketException', 'Broken pipe (Write failed)')])
            vals = [exc, S.c(key, 1, TARGETS), why]
        elif key == 'retry':
            lvl, lg = 'INFO', 'org.apache.http.impl.execchain.RetryExec'
            vals = [S.c(key, 0, TARGETS)]
        elif key == 'gauge':
            lvl, lg = 'INFO', 'metrics'
            name = S.c(key, 0, ['jvm.memory.heap.used', 'jvm.threads.count', 'jvm.memory.heap.usage',
                                'jvm.gc.G1-Young-Generation.count', 'io.dropwizard.db.ManagedPooledDataSource.hibernate.active',
                                'org.eclipse.jetty.util.thread.QueuedThreadPool.dw.utilization',
                                'jvm.memory.non-heap.committed', 'jvm.threads.blocked.count'])
            if name.endswith('heap.used') or name.endswith('committed'):
                v = rng.randint(90_000_000, 900_000_000)
            elif name.endswith('usage') or name.endswith('utilization'):
                v = repr(round(rng.uniform(0.01, 0.93), rng.randint(6, 16)))
            elif name.endswith('threads.count'):
                v = rng.randint(38, 140)
            elif name.endswith('G1-Young-Generation.count'):
                v = rng.randint(12, 4000)
            else:
                v = rng.randint(0, 12)
            vals = [name, v]
        elif key == 'meter':
            lvl, lg = 'INFO', 'metrics'
            name = S.c(key, 0, ['io.dropwizard.jetty.MutableServletContextHandler.2xx-responses',
                                'io.dropwizard.jetty.MutableServletContextHandler.4xx-responses',
                                'io.dropwizard.jetty.MutableServletContextHandler.5xx-responses',
                                'ch.qos.logback.core.Appender.warn',
                                'com.acme.billing.resources.InvoiceResource.create.exceptions'])
            meter_counts[name] = meter_counts.get(name, rng.randint(0, 5000)) + rng.randint(1, 400)

            def rate():
                return repr(round(rng.uniform(0.0, 14.0), rng.randint(9, 17)))
            vals = [name, meter_counts[name], rate(), rate(), rate(), rate()]
        elif key == 'apikey':
            lvl, lg = 'WARN', 'com.acme.billing.auth.ApiKeyAuthenticator'
            vals = ['ak_live_****' + hexs(rng, 4), ipv4(rng),
                    S.c(key, 2, ['key revoked', 'unknown key', 'key expired on 2026-02-28',
                                 'IP address not in allowlist'])]
        else:  # health
            lg = 'io.dropwizard.health.HealthCheckManager'
            healthy = S.c(key, 1, ['false', 'true'])
            lvl = 'INFO' if healthy == 'true' else 'WARN'
            vals = [S.c(key, 0, ['database', 'ledger-api', 'fx-rates', 'database', 'deadlocks']), healthy]
        hdr = '%-5s [%s] %s: ' % (lvl, ts, lg)
        out.append(S.rec(key, hdr, vals))
    return S, out


# --------------------------------------------------------------------------
# 4. Helidon SE -- seeded shuffle
# --------------------------------------------------------------------------

HELIDON_RE = (r'(?P<ts>2026\.03\.14 \d\d:\d\d:\d\d) (?:SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST) '
              r'[\w.$]+ (?:Thread\[#\d+,[^\]]+\]|VirtualThread\[#\d+\]/runnable@ForkJoinPool-\d+-worker-\d+): ')


def gen_helidon():
    S = Sys(4, 'Helidon', 'shuffle', [
        ('features', 'Helidon SE <*> features: [<*>]'),
        ('bound', "[<*>] http://0.0.0.0:<*> bound for socket '<*>'"),
        ('started', 'Started all channels in <*> milliseconds. <*> milliseconds since JVM startup. Java <*>'),
        ('shutdown', 'Shutdown requested by runtime shutdown hook'),
        ('acc_get', '<*> - [<*>] "GET <*> HTTP/1.1" <*> <*>'),
        ('acc_post', '<*> - [<*>] "POST <*> HTTP/1.1" <*> <*>'),
        ('acc_put', '<*> - [<*>] "PUT <*> HTTP/1.1" <*> <*>'),
        ('acc_delete', '<*> - [<*>] "DELETE <*> HTTP/1.1" <*> <*>'),
        ('greeting', 'Greeting changed from "<*>" to "<*>"'),
        ('auth_fail', 'Authentication failed for user <*>: <*>'),
        ('health_down', 'Health check <*> is DOWN: <*>'),
        ('health_up', 'Health check <*> is UP'),
        ('cache', 'Cache refresh for region <*> took <*> ms (<*> entries)'),
    ], HELIDON_RE)
    rng = S.rng
    counts = [3, 5, 3, 3, 140, 35, 15, 8, 12, 14, 9, 10, 43]
    plan = shuffle_plan(S, counts)
    clock = forward_clock(S, (13 * 3600 + 2 * 60 + 19) * NS + rng.randrange(NS), 1.2)
    GREETS = ['Hello', 'Hola', 'Bonjour', 'Ciao', 'Hallo', 'Hej', 'Ahoj']
    NAMES = ['Joe', 'Jose', 'Marta', 'Ingrid', 'Wanjiru', 'Yusuf', 'Daniela', 'Kenji']
    REGIONS = ['eu-central', 'eu-west', 'us-east', 'ap-south', 'sa-east']
    greet_now = ['Hello']
    out = []

    def vthread():
        return 'VirtualThread[#%d]/runnable@ForkJoinPool-1-worker-%d' % (rng.randint(40, 1900), rng.randint(1, 8))

    for key in plan:
        t = next(clock)
        h, m, s, _ = tod(t)
        ts = '2026.03.14 %02d:%02d:%02d' % (h, m, s)
        lvl, th = 'INFO', vthread()
        if key == 'features':
            lg, th = 'io.helidon.common.features.HelidonFeatures', 'Thread[#1,main,5,main]'
            vals = [S.c(key, 0, ['4.1.6', '4.2.0']),
                    S.c(key, 1, ['Config, Encoding, Health, Media, Metrics, Observe, Registry, Security, WebServer',
                                 'Config, Encoding, Health, Media, Observe, Registry, WebServer'])]
        elif key == 'bound':
            lg, th = 'io.helidon.webserver.ServerListener', 'Thread[#1,main,5,main]'
            port, sock = S.c(key, 1, [(8080, '@default'), (9081, 'admin')])
            vals = ['0x' + hexs(rng, 8), port, sock]
        elif key == 'started':
            lg, th = 'io.helidon.webserver.LoomServer', 'Thread[#1,main,5,main]'
            vals = [rng.randint(4, 40), rng.randint(380, 1600), S.c(key, 2, ['21.0.6+7-LTS', '21.0.2+13-58'])]
        elif key == 'shutdown':
            lg, th = 'io.helidon.Main', 'Thread[#%d,helidon-shutdown-thread,5,main]' % rng.randint(30, 90)
            vals = []
        elif key.startswith('acc_'):
            lg = 'io.helidon.webserver.AccessLog'
            if key == 'acc_get':
                shape = S.c(key, 'shape', ['g', 'g', 'n', 'h', 'm', 'g'])
                if shape == 'g':
                    path = '/greet/%s' % rng.choice(NAMES)
                elif shape == 'n':
                    path = '/greet'
                elif shape == 'h':
                    path = '/observe/health'
                else:
                    path = '/observe/metrics'
                st = S.c(key, 3, [200, 200, 200, 200, 304, 200, 404])
            elif key == 'acc_post':
                path = S.c(key, 2, ['/greet/greeting', '/api/regions/%s/refresh' % rng.choice(REGIONS), '/login'])
                st = S.c(key, 3, [200, 201, 200, 400])
            elif key == 'acc_put':
                path = '/greet/greeting' if rng.random() < 0.6 else '/api/regions/%s' % rng.choice(REGIONS)
                st = S.c(key, 3, [204, 200])
            else:
                path = '/api/sessions/%s' % hexs(rng, 12) if rng.random() < 0.7 else '/api/regions/%s' % rng.choice(REGIONS)
                st = S.c(key, 3, [204, 204, 404])
            if st == 404 and key == 'acc_get':
                path = S.c(key, 'missing', ['/favicon.ico', '/greet/v2/%s' % rng.choice(NAMES), '/api/regions/%s' % rng.choice(REGIONS)])
                size = rng.choice([0, 9, 31])
            elif st == 404:
                size = rng.choice([0, 31])
            else:
                size = '-' if st in (204, 304) else rng.randint(18, 2600)
            vals = [ipv4(rng), clf_time(t), path, st, size]
        elif key == 'greeting':
            lg = 'io.example.greet.GreetService'
            new = rng.choice([g for g in GREETS if g != greet_now[0]])
            vals = [greet_now[0], new]
            greet_now[0] = new
        elif key == 'auth_fail':
            lvl, lg = 'WARNING', 'io.helidon.security.providers.httpauth.HttpBasicAuthProvider'
            vals = [S.c(key, 0, ['jack', 'admin', 'svc-reporting', 'jill', 'root']),
                    S.c(key, 1, ['Invalid username or password', 'User is locked', 'Invalid username or password',
                                 'Missing authorization header'])]
        elif key == 'health_down':
            lvl, lg, th = 'WARNING', 'io.example.greet.health.DependencyCheck', 'Thread[#%d,health-checker-1,5,main]' % rng.randint(30, 60)
            vals = [S.c(key, 0, ['postgres', 'geo-api', 'redis']),
                    S.c(key, 1, ['Connection refused: db-primary.greet.test/10.11.4.20:5432',
                                 'Read timed out after 2000 ms', 'No route to host (Host unreachable)'])]
        elif key == 'health_up':
            lg, th = 'io.example.greet.health.DependencyCheck', 'Thread[#%d,health-checker-1,5,main]' % rng.randint(30, 60)
            vals = [S.c(key, 0, ['postgres', 'geo-api', 'redis', 'postgres'])]
        else:  # cache
            lg = 'io.example.greet.RegionCache'
            vals = [S.c(key, 0, REGIONS), rng.randint(3, 2400), rng.randint(20, 60000)]
        hdr = '%s %s %s %s: ' % (ts, lvl, lg, th)
        out.append(S.rec(key, hdr, vals))
    return S, out


# --------------------------------------------------------------------------
# 5. EchoGo -- simulation (requests, background jobs, websocket clients)
# --------------------------------------------------------------------------

ECHO_RE = (r'\{"time":"(?P<ts>2026-03-14T\d\d:\d\d:\d\d(?:\.\d{1,9})?Z)",'
           r'(?:"level":"(?:DEBUG|INFO|WARN|ERROR)","prefix":"echo","file":"[\w.]+\.go","line":"\d+","message":")?')

_ACC = ('"id":"<*>","remote_ip":"<*>","host":"<*>","method":"%s","uri":"<*>","user_agent":"<*>",'
        '"status":%s,"error":"%s","latency":<*>,"latency_human":"<*>","bytes_in":%s,"bytes_out":%s}')


def gen_echo():
    S = Sys(5, 'EchoGo', 'simulation', [
        ('acc_get', _ACC % ('GET', '<*>', '', '0', '<*>')),
        ('acc_post', _ACC % ('POST', '<*>', '', '<*>', '<*>')),
        ('acc_delete', _ACC % ('DELETE', '204', '', '0', '0')),
        ('acc_404', _ACC % ('GET', '404', 'code=404, message=Not Found', '0', '24')),
        ('acc_400', _ACC % ('POST', '400', 'code=400, message=<*>', '<*>', '<*>')),
        ('acc_500', _ACC % ('GET', '500', 'code=500, message=Internal Server Error, internal=<*>', '0', '36')),
        ('order_created', 'order <*> created for customer <*> (<*> items)"}'),
        ('cache_hit', 'cache hit for key <*>"}'),
        ('cache_miss', 'cache miss for key <*>"}'),
        ('job_started', 'worker <*> started job <*> (<*>)"}'),
        ('job_finished', 'worker <*> finished job <*> in <*>"}'),
        ('job_failed', 'worker <*> failed job <*>: <*>"}'),
        ('ws_connected', 'websocket client <*> connected from <*>"}'),
        ('ws_disconnected', 'websocket client <*> disconnected from <*>"}'),
        ('internal_err', 'code=500, message=Internal Server Error, internal=<*>"}'),
    ], ECHO_RE)
    rng = S.rng
    out = []
    seq = itertools.count()
    UAS = ['Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0', 'curl/8.5.0',
           'Go-http-client/1.1', 'okhttp/4.12.0', 'python-requests/2.31.0',
           'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15']
    HOSTS = ['api.ledgerly.test', 'api.ledgerly.test', 'localhost:1323', 'ingress.ledgerly.svc:1323']
    CLIENTS = [ipv4(rng) for _ in range(14)]

    def app(t, level, file, line, key, *vals):
        hdr = '{"time":"%s","level":"%s","prefix":"echo","file":"%s","line":"%d","message":"' % (
            rfc3339nano(t), level, file, line)
        out.append((t, next(seq), S.rec(key, hdr, vals)))

    def acc(t, key, *vals):
        hdr = '{"time":"%s",' % rfc3339nano(t)
        out.append((t, next(seq), S.rec(key, hdr, vals)))

    def common(key, ip):
        return [alnum(rng, 32), ip, S.c(key, 'host', HOSTS)]

    start = (14 * 3600 + 30 * 60 + 12) * NS + rng.randrange(NS)
    horizon = start + 900 * NS

    # websocket clients
    t = start + rng.randrange(5 * NS)
    while t < horizon:
        cid = 'c-' + hexs(rng, 6)
        ip = rng.choice(CLIENTS)
        app(t, 'INFO', 'hub.go', 38, 'ws_connected', cid, ip)
        life = rng.randint(4 * NS, 180 * NS)
        app(t + life, 'INFO', 'hub.go', 61, 'ws_disconnected', cid, ip)
        acc(t + life + rng.randint(20, 400) * US, 'acc_get', *common('acc_get', ip), '/ws',
            S.c('acc_get', 'ua', UAS), 101, life, go_dur(life), 0)
        t += int(rng.expovariate(1 / 20.0) * NS) + 1

    kinds = ['get_product', 'get_list', 'get_404', 'post_order', 'post_job', 'post_400', 'delete', 'get_500']
    weights = [40, 15, 5, 10, 6, 4, 5, 3]
    t = start + rng.randrange(NS)
    while t < horizon:
        t += int(rng.expovariate(1 / 0.75) * NS) + 1
        kind = rng.choices(kinds, weights)[0]
        ip = rng.choice(CLIENTS)
        lat = int(rng.lognormvariate(14.0, 1.0))  # ns, about 1.2 ms median
        tend = t + lat
        if kind == 'get_product':
            pid = rng.randint(1, 4000)
            ck = 'product:%d' % pid
            if rng.random() < 0.7:
                app(t + lat // 3, 'DEBUG', 'cache.go', 48, 'cache_hit', ck)
            else:
                app(t + lat // 3, 'DEBUG', 'cache.go', 53, 'cache_miss', ck)
            st = S.c('acc_get', 'st', [200, 200, 200, 200, 304, 200, 200])
            acc(tend, 'acc_get', *common('acc_get', ip), '/api/v1/products/%d' % pid, S.c('acc_get', 'ua', UAS),
                st, lat, go_dur(lat), 0 if st == 304 else rng.randint(380, 2400))
        elif kind == 'get_list':
            uri = S.c('acc_get', 'list', ['/api/v1/products?limit=50&offset=%d' % (50 * rng.randint(0, 20)),
                                          '/healthz', '/api/v1/orders?status=open', '/metrics'])
            acc(tend, 'acc_get', *common('acc_get', ip), uri, S.c('acc_get', 'ua', UAS),
                200, lat, go_dur(lat), rng.randint(2, 48000))
        elif kind == 'get_404':
            uri = S.c('acc_404', 'uri', ['/favicon.ico', '/api/v1/product/%d' % rng.randint(1, 999), '/.env',
                                         '/api/v2/products'])
            acc(tend, 'acc_404', *common('acc_404', ip), uri, S.c('acc_404', 'ua', UAS), lat, go_dur(lat))
        elif kind == 'post_order':
            oid = 'ord_' + alnum(rng, 12)
            app(t + lat * 4 // 5, 'INFO', 'orders.go', 71, 'order_created', oid, 'cus_' + lower_alnum(rng, 8),
                rng.randint(1, 7))
            acc(tend, 'acc_post', *common('acc_post', ip), '/api/v1/orders', S.c('acc_post', 'ua', UAS),
                201, lat, go_dur(lat), rng.randint(120, 900), rng.randint(90, 320))
        elif kind == 'post_job':
            jid = 'job_' + hexs(rng, 8)
            acc(tend, 'acc_post', *common('acc_post', ip), '/api/v1/jobs', S.c('acc_post', 'ua', UAS),
                202, lat, go_dur(lat), rng.randint(40, 300), 49)
            w = rng.randint(1, 4)
            t0 = tend + rng.randint(20, 600) * MS
            app(t0, 'INFO', 'pool.go', 93, 'job_started', w, jid,
                S.c('job_started', 2, ['thumbnail', 'export-csv', 'reindex', 'send-digest']))
            jd = int(rng.lognormvariate(22.5, 1.1))  # ns, about 6 s median
            if rng.random() < 0.2:
                app(t0 + jd, 'ERROR', 'pool.go', 112, 'job_failed', w, jid,
                    S.c('job_failed', 2, ['context deadline exceeded',
                                          'open /var/lib/ledgerly/exports/tmp-%s.csv: no space left on device' % hexs(rng, 6),
                                          'pq: could not serialize access due to concurrent update']))
            else:
                app(t0 + jd, 'INFO', 'pool.go', 117, 'job_finished', w, jid, go_dur(jd))
        elif kind == 'post_400':
            msg = S.c('acc_400', 'msg', [
                "Syntax error: offset=31, error=invalid character '}' looking for beginning of object key string, internal=invalid character '}' looking for beginning of object key string",
                'Unmarshal type error: expected=int, got=string, field=quantity, offset=42, internal=json: cannot unmarshal string into Go struct field OrderLine.items.quantity of type int',
                "Syntax error: offset=1, error=invalid character 'x' looking for beginning of value, internal=invalid character 'x' looking for beginning of value",
            ])
            short = msg.split(', internal=')[0]
            acc(tend, 'acc_400', *common('acc_400', ip), S.c('acc_400', 'uri', ['/api/v1/orders', '/api/v1/jobs']),
                S.c('acc_400', 'ua', UAS), msg, lat, go_dur(lat), rng.randint(20, 400),
                len('{"message":""}\n') + len(short))
        elif kind == 'delete':
            acc(tend, 'acc_delete', *common('acc_delete', ip), '/api/v1/orders/ord_%s' % alnum(rng, 12),
                S.c('acc_delete', 'ua', UAS), lat, go_dur(lat))
        else:  # get_500
            why = S.c('internal_err', 0, ['dial tcp 10.40.2.7:5432: connect: connection refused',
                                          'pq: canceling statement due to statement timeout',
                                          'context deadline exceeded'])
            lat = lat * 40
            tend = t + lat
            pid = rng.randint(1, 4000)
            app(tend - rng.randint(10, 90) * US, 'ERROR', 'products.go', 44, 'internal_err', why)
            acc(tend, 'acc_500', *common('acc_500', ip), '/api/v1/products/%d' % pid,
                S.c('acc_500', 'ua', UAS), why, lat, go_dur(lat))
    return S, merge_sim(S, out, horizon)


# --------------------------------------------------------------------------
# 6. GoFiber -- seeded shuffle
# --------------------------------------------------------------------------

FIBER_RE = (r'(?:(?P<ts>2026/03/14 \d\d:\d\d:\d\d\.\d{6}) \w+\.go:\d+: \[(?:Trace|Debug|Info|Warn|Error)\] '
            r'|(?P<tsb>\d\d:\d\d:\d\d) \| )')


def gen_fiber():
    S = Sys(6, 'GoFiber', 'shuffle', [
        ('acc_get', '<*> | <*> | <*> | GET     | <*>'),
        ('acc_post', '<*> | <*> | <*> | POST    | <*>'),
        ('acc_put', '<*> | <*> | <*> | PUT     | <*>'),
        ('acc_delete', '<*> | <*> | <*> | DELETE  | <*>'),
        ('acc_404', '404 | <*> | <*> | GET     | <*> Cannot GET <*>'),
        ('acc_500', '500 | <*> | <*> | POST    | <*> failed to create order: <*>'),
        ('redis', 'Connected to redis at <*> (db=<*>)'),
        ('warmup', 'Cache warmup finished: <*> keys in <*>'),
        ('signin', 'user <*> signed in from <*>'),
        ('signout', 'user <*> signed out'),
        ('ratelimit', 'rate limit exceeded for <*> on <*>'),
        ('webhook', 'webhook delivery to <*> failed: <*> (attempt <*>/5)'),
        ('shipped', 'order <*> shipped via <*>, tracking <*>'),
        ('shutdown', 'Shutting down server...'),
    ], FIBER_RE, coarse=True)
    rng = S.rng
    counts = [110, 40, 12, 6, 18, 5, 3, 4, 30, 22, 16, 9, 22, 3]
    plan = shuffle_plan(S, counts)
    clock = forward_clock(S, (16 * 3600 + 45 * 60 + 2) * NS + rng.randrange(NS), 0.9)
    PAD = 22
    USERS = ['daria', 'mkowalski', 'benji.o', 'f.nakamura', 'lea-s', 'ops-bot', 'chidi']
    STD = {
        'redis': ('main.go', 48, 'Info'), 'warmup': ('cache.go', 72, 'Info'),
        'signin': ('auth.go', 57, 'Info'), 'signout': ('auth.go', 91, 'Info'),
        'ratelimit': ('limiter.go', 29, 'Warn'), 'webhook': ('webhook.go', 104, 'Error'),
        'shipped': ('orders.go', 133, 'Info'), 'shutdown': ('main.go', 77, 'Info'),
    }
    out = []

    def lat():
        return ('%13s' % go_dur(int(rng.lognormvariate(13.6, 1.3))))

    def cip():
        return '%15s' % ipv4(rng)

    for key in plan:
        t = next(clock)
        h, m, s, fr = tod(t)
        if key.startswith('acc_'):
            hdr = '%02d:%02d:%02d | ' % (h, m, s)
            if key == 'acc_get':
                shape = S.c(key, 'shape', ['i', 'l', 'i', 'm', 's', 'r', 'i'])
                path = {'i': '/api/v1/items/%d' % rng.randint(1, 9999), 'l': '/api/v1/items',
                        'm': '/metrics', 's': '/static/js/app.%s.js' % hexs(rng, 8), 'r': '/'}[shape]
                st = S.c(key, 0, [200, 200, 200, 304, 200])
                vals = ['%3d' % st, lat(), cip(), path]
            elif key == 'acc_post':
                path = S.c(key, 'path', ['/api/v1/orders', '/api/v1/auth/login',
                                         '/api/v1/items/%d/reviews' % rng.randint(1, 9999)])
                st = 200 if path == '/api/v1/auth/login' else 201
                vals = ['%3d' % st, lat(), cip(), path]
            elif key == 'acc_put':
                st = S.c(key, 0, [200, 204])
                vals = ['%3d' % st, lat(), cip(), '/api/v1/items/%d' % rng.randint(1, 9999)]
            elif key == 'acc_delete':
                st = S.c(key, 0, [204, 200])
                path = '/api/v1/items/%d' % rng.randint(1, 9999) if st == 204 else '/api/v1/sessions/%s' % hexs(rng, 16)
                vals = ['%3d' % st, lat(), cip(), path]
            elif key == 'acc_404':
                path = S.c(key, 'path', ['/wp-login.php', '/.git/config', '/api/v1/itemz', '/favicon.ico'])
                vals = [lat(), cip(), path.ljust(PAD), path]
            else:  # acc_500
                path = S.c(key, 'path', ['/api/v1/orders', '/api/v1/orders/bulk'])
                why = S.c(key, 'why', ['pq: duplicate key value violates unique constraint "orders_external_id_key"',
                                       'context deadline exceeded', 'dial tcp 10.8.0.21:5432: i/o timeout'])
                vals = [lat(), cip(), path.ljust(PAD), why]
        else:
            f, ln, lv = STD[key]
            hdr = '2026/03/14 %02d:%02d:%02d.%06d %s:%d: [%s] ' % (h, m, s, fr // US, f, ln, lv)
            if key == 'redis':
                vals = [S.c(key, 0, ['redis-0.cache.svc:6379', '10.8.0.9:6379']), S.c(key, 1, [0, 2])]
            elif key == 'warmup':
                vals = [rng.randint(300, 42000), go_dur(rng.randint(80 * MS, 4 * NS))]
            elif key == 'signin':
                vals = [rng.choice(USERS), ipv4(rng)]
            elif key == 'signout':
                vals = [rng.choice(USERS)]
            elif key == 'ratelimit':
                vals = [ipv4(rng), S.c(key, 1, ['/api/v1/auth/login', '/api/v1/items', '/api/v1/orders'])]
            elif key == 'webhook':
                vals = [S.c(key, 0, ['https://hooks.partner-one.test/fiber', 'https://erp.gruen-handel.test/webhooks/orders',
                                     'http://10.8.3.14:9000/notify']),
                        S.c(key, 1, ['Post "https://hooks.partner-one.test/fiber": context deadline exceeded',
                                     'unexpected status 502 Bad Gateway', 'dial tcp: lookup erp.gruen-handel.test: no such host',
                                     'unexpected status 410 Gone']),
                        rng.randint(1, 4)]
            elif key == 'shipped':
                carrier = S.c(key, 1, ['DHL', 'UPS', 'PostNL', 'GLS'])
                vals = ['#%d' % rng.randint(20000, 99999), carrier,
                        {'DHL': 'JJD%018d', 'UPS': '1Z%016d', 'PostNL': '3S%013d', 'GLS': '%011d'}[carrier]
                        % rng.randint(10 ** 10, {'DHL': 10 ** 18, 'UPS': 10 ** 16, 'PostNL': 10 ** 13, 'GLS': 10 ** 11}[carrier] - 1)]
            else:
                vals = []
        out.append(S.rec(key, hdr, vals))
    return S, out


# --------------------------------------------------------------------------
# write + self-check
# --------------------------------------------------------------------------

def write(S, recs):
    d = os.path.join(HERE, S.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, S.name + '.log'), 'w', encoding='utf-8', newline='') as f:
        for h, c, _ in recs:
            f.write(h + c + '\n')
    with open(os.path.join(d, S.name + '.log_structured.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(CSV_HEADER)
        for i, (_, c, key) in enumerate(recs, 1):
            w.writerow([i, c, S.eid(key), S.tpl(key)])


def check(S):
    d = os.path.join(HERE, S.name)
    logp = os.path.join(d, S.name + '.log')
    csvp = os.path.join(d, S.name + '.log_structured.csv')
    for p in (logp, csvp):
        with open(p, 'rb') as f:
            raw = f.read()
        assert raw.endswith(b'\n'), p
        assert b'\r' not in raw, p
    with open(logp, encoding='utf-8', newline='') as f:
        lines = f.read().split('\n')
    assert lines[-1] == ''
    lines = lines[:-1]
    assert len(lines) == N_LINES, (S.name, len(lines))
    with open(csvp, encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f))
    assert rows[0] == CSV_HEADER, rows[0]
    rows = rows[1:]
    assert len(rows) == N_LINES, (S.name, len(rows))
    declared = collections.OrderedDict(('E%d' % (i + 1), t) for i, (_, t) in enumerate(S.events))
    assert 12 <= len(declared) <= 15, (S.name, len(declared))
    assert len(set(declared.values())) == len(declared), S.name
    regs = {e: tpl_regex(t) for e, t in declared.items()}
    counts = collections.Counter()
    caps = collections.defaultdict(lambda: collections.defaultdict(set))
    seen_tpl = {}
    prev = -1
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        assert len(row) == 4, (S.name, i, row)
        lid, content, eid, tpl = row
        assert lid == str(i), (S.name, i, lid)
        assert content and content == content.strip(), (S.name, i)
        assert line.endswith(content), (S.name, i)
        header = line[:len(line) - len(content)]
        m = S.header_re.fullmatch(header)
        assert m, (S.name, i, header)
        ts = ts_ns(m)
        key = ts // NS if S.coarse else ts
        assert key >= prev, (S.name, i, 'time went back')
        prev = key
        assert re.fullmatch(r'E\d+', eid) and eid in declared, (S.name, i, eid)
        assert seen_tpl.setdefault(eid, tpl) == tpl, (S.name, eid)
        assert tpl == declared[eid], (S.name, i, eid)
        mm = regs[eid].fullmatch(content)
        assert mm, (S.name, i, eid, content, tpl)
        for j, g in enumerate(mm.groups()):
            caps[eid][j].add(g)
        counts[eid] += 1
    assert set(counts) == set(declared), (S.name, sorted(set(declared) - set(counts)))
    assert len(set(seen_tpl.values())) == len(seen_tpl)
    for eid, t in declared.items():
        for j in range(t.count('<*>')):
            assert len(caps[eid][j]) >= 2, (S.name, eid, j, caps[eid][j])
    cs = sorted(counts.values())
    med = statistics.median(cs)
    assert cs[0] >= 3, (S.name, counts)
    assert sum(1 for c in cs if 3 <= c <= 10) >= 3, (S.name, counts)
    assert cs[-1] >= 3 * med, (S.name, counts)
    return counts, med


def main():
    gens = [gen_ktor, gen_play, gen_dropwizard, gen_helidon, gen_echo, gen_fiber]
    systems = []
    for k, g in enumerate(gens, 1):
        S, recs = g()
        assert S.k == k
        assert len(recs) == N_LINES, (S.name, len(recs))
        write(S, recs)
        systems.append(S)
    ok = True
    for S in systems:
        try:
            counts, med = check(S)
        except AssertionError as e:
            ok = False
            print('%-14s FAILED: %r' % (S.name, e))
            continue
        ordered = sorted(counts, key=lambda e: int(e[1:]))
        print('%-14s %-10s lines=%d events=%d max=%d median=%s small(3-10)=%d  %s' % (
            S.name, S.kind, sum(counts.values()), len(counts), max(counts.values()), med,
            sum(1 for c in counts.values() if 3 <= c <= 10),
            ' '.join('%s:%d' % (e, counts[e]) for e in ordered)))
    if not ok:
        sys.exit(1)
    print('self-check passed')


if __name__ == '__main__':
    main()
