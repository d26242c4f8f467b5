#!/usr/bin/env python3
"""Sealed 55: generator for a small blind labelled log corpus.

Python 3 standard library only. Fully deterministic: no wall clock, no locale,
month names from a fixed list. Every message is invented in the style of the
program it imitates; hosts, addresses, ids and users are made up.

Running this script writes, for every system <S>:
    <S>/<S>.log                 300 raw lines
    <S>/<S>.log_structured.csv  LineId,Content,EventId,EventTemplate
and then re-reads and self-checks every file it wrote.
"""
import csv
import io
import itertools
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270173
HERE = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14          # all clocks run on 2026-03-14 UTC
NS = 1_000_000_000
MS = 1_000_000
US = 1_000
DAY_NS = 86400 * NS
N_LINES = 300
CSV_HEADER = ["LineId", "Content", "EventId", "EventTemplate"]


# ---------------------------------------------------------------- helpers
def rng_for(k):
    return random.Random(BASE_SEED * 10 + k)


def at(h, m, s):
    """Nanoseconds since 2026-03-14 00:00:00 UTC."""
    return ((h * 60 + m) * 60 + s) * NS


def hms(t):
    assert 0 <= t < DAY_NS, t
    s = t // NS
    return "%02d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60)


def frac(t, digits):
    return str(t % NS).rjust(9, "0")[:digits]


def date_iso():
    return "%04d-%02d-%02d" % (YEAR, MONTH, DAY)


def syslog_ts(t):
    return "%s %2d %s" % (MONTHS[MONTH - 1], DAY, hms(t))


def rfc3339(t):
    return "%sT%sZ" % (date_iso(), hms(t))


def _trim(n, unit):
    ip, fp = divmod(n, unit)
    s = str(ip)
    if fp:
        s += "." + str(fp).rjust(len(str(unit)) - 1, "0").rstrip("0")
    return s


def godur(ns):
    """Go time.Duration.String() for durations >= 1ms."""
    ns = max(ns, MS)
    if ns >= NS:
        return _trim(ns, NS) + "s"
    return _trim(ns, MS) + "ms"


def expo(rng, mean):
    return 1 + int(rng.expovariate(1.0 / mean))


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid4(rng):
    return "%s-%s-4%s-%s%s-%s" % (hexs(rng, 8), hexs(rng, 4), hexs(rng, 3),
                                   rng.choice("89ab"), hexs(rng, 3), hexs(rng, 12))


def lower_id(rng, n):
    return "".join(rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(n))


def esc(s):
    """Escape a value the way logrus quotes a string (inside msg="...")."""
    return s.replace("\\", "\\\\").replace('"', '\\"')


class Picker:
    """Small pools cycle through their values per (event, slot) key."""

    def __init__(self):
        self.n = {}

    def __call__(self, key, pool):
        i = self.n.get(key, 0)
        self.n[key] = i + 1
        return pool[i % len(pool)]


def fill(tpl, vals):
    parts = tpl.split("<*>")
    assert len(parts) == len(vals) + 1, (tpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (tpl, vals)
        out.append(v)
        out.append(p)
    return "".join(out)


def shuffled_clock(rng, counts, start, mean_gap):
    """Fixed count per event, shuffled, stamped by a forward-only clock."""
    seq = []
    for i, c in enumerate(counts):
        seq += [i] * c
    rng.shuffle(seq)
    t = start
    out = []
    for i in seq:
        t += expo(rng, mean_gap)
        out.append((t, i))
    return out


def syslog_key(m):
    h, mi, s = (int(x) for x in m.group("hms").split(":"))
    return (h * 3600 + mi * 60 + s, None)


def rfc_key(m):
    h, mi, s = (int(x) for x in m.group("hms").split(":"))
    return (h * 3600 + mi * 60 + s, None)


SYSLOG_RE = (r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
             r"(?P<day>[ 1-3]\d) (?P<hms>\d\d:\d\d:\d\d) (?P<host>[A-Za-z0-9.-]+) "
             r"(?P<tag>[A-Za-z0-9_.-]+)\[(?P<pid>\d+)\]: ")
LOGRUS_RE = (r'time="(?P<date>\d{4}-\d\d-\d\d)T(?P<hms>\d\d:\d\d:\d\d)Z" '
             r"level=(?P<level>trace|debug|info|warning|error|fatal|panic) ")


# ================================================================ 1. H2oHttp
def sys_h2o():
    k = 1
    rng = rng_for(k)
    pk = Picker()
    EV = [
        "[lib/core/proxy.c] in request:<*>:<*>",
        "[h2o_mruby] in request:<*>:mruby raised: <*>",
        "[lib/handler/fastcgi.c] in request:<*>:<*>",
        "start_server (pid:<*>) starting new worker <*>",
        "received HUP, spawning a new worker",
        "new worker is now running, sending TERM to old workers:<*>",
        "old worker <*> died, status:<*>",
        "h2o server (pid:<*>) is ready to serve requests with <*> threads",
        "[INFO] raised RLIMIT_NOFILE to <*>",
        "[OCSP Stapling] successfully updated the OCSP response for certificate file:<*>",
        "[OCSP Stapling] failed to update the OCSP response for certificate file:<*>",
        "fetch-ocsp-response (using OpenSSL <*> <*>)",
        "failed to listen to port <*>:<*>:<*>",
        "received TERM, sending TERM to all workers:<*>",
    ]
    COUNTS = [85, 38, 24, 9, 12, 12, 14, 16, 18, 32, 7, 25, 5, 3]
    host = "web-h2o-03"
    masters = [rng.randint(700, 2900), rng.randint(31000, 39000)]

    def wpid():
        return str(rng.randint(3000, 99999))

    def path():
        r = rng.randrange(8)
        if r == 0:
            return "/api/v2/orders/%d" % rng.randint(100000, 999999)
        if r == 1:
            return "/api/v1/users/%d/sessions" % rng.randint(1000, 99999)
        if r == 2:
            return "/static/js/app.%s.js" % hexs(rng, 8)
        if r == 3:
            return "/graphql"
        if r == 4:
            return "/api/v2/cart/%s/items" % hexs(rng, 12)
        if r == 5:
            return "/search?q=%s&page=%d" % (rng.choice(["lamp", "desk", "usb-c+hub", "boots"]),
                                             rng.randint(1, 9))
        if r == 6:
            return "/img/products/%d/%dx%d.webp" % (rng.randint(1000, 9999),
                                                   rng.choice([320, 640, 1280]),
                                                   rng.choice([240, 480, 960]))
        return "/ws/notifications"

    def php_path():
        return rng.choice(["/index.php", "/wp-login.php", "/admin/report.php",
                           "/shop/checkout.php", "/wp-admin/admin-ajax.php"]) + \
            rng.choice(["", "?id=%d" % rng.randint(1, 5000), "?action=heartbeat"])

    proxy_err = ["connection refused", "I/O timeout", "first byte timeout",
                 "connection timeout", "invalid response from upstream", "I/O error",
                 "upstream closed the connection prematurely"]
    fcgi_err = ["I/O error", "connection refused", "failed to parse the response",
                "I/O timeout", "FastCGI response too large"]
    mruby_err = [
        "/etc/h2o/mruby/auth.rb:%d: undefined method 'split' for nil (NoMethodError)",
        "/etc/h2o/mruby/router.rb:%d: wrong number of arguments (given 2, expected 1) (ArgumentError)",
        "/etc/h2o/mruby/ratelimit.rb:%d: redis connection refused (RuntimeError)",
        "/etc/h2o/mruby/headers.rb:%d: can't modify frozen String (FrozenError)",
        "/etc/h2o/mruby/auth.rb:%d: invalid base64 (ArgumentError)",
    ]
    certs = ["/etc/h2o/certs/shop.example.net.crt",
             "/etc/h2o/certs/api.example.net.pem",
             "/etc/letsencrypt/live/cdn.example.org/fullchain.pem"]
    ossl = [("3.0.11", "19 Sep 2023"), ("3.0.13", "30 Jan 2024")]

    stamped = shuffled_clock(rng, COUNTS, at(5, 47, 13) + rng.randrange(NS), 55 * NS)
    recs = []
    for idx, (t, ei) in enumerate(stamped):
        epoch = 0 if idx < 180 else 1
        master = masters[epoch]
        if ei == 0:
            v = [path(), pk((0, 1), proxy_err)]
        elif ei == 1:
            v = [path(), pk((1, 1), mruby_err) % rng.randint(5, 140)]
        elif ei == 2:
            v = [php_path(), pk((2, 1), fcgi_err)]
        elif ei == 3:
            v = [master, wpid()]
        elif ei == 4:
            v = []
        elif ei == 5:
            v = [",".join(wpid() for _ in range(rng.choice([1, 1, 2])))]
        elif ei == 6:
            v = [wpid(), pk((6, 1), ["0", "0", "0", "15"])]
        elif ei == 7:
            v = [wpid(), pk((7, 1), ["8", "16", "4"])]
        elif ei == 8:
            v = [pk((8, 0), ["1048576", "524288", "65536"])]
        elif ei == 9:
            v = [pk((9, 0), certs)]
        elif ei == 10:
            v = [pk((10, 0), certs)]
        elif ei == 11:
            a, b = ossl[epoch]
            v = [a, b]
        elif ei == 12:
            v = [pk((12, 0), ["0.0.0.0", "127.0.0.1"]), pk((12, 1), ["443", "80", "8443"]),
                 pk((12, 2), ["Address already in use", "Permission denied"])]
        else:
            v = [",".join(wpid() for _ in range(rng.choice([1, 2, 3])))]
        header = "%s %s h2o[%d]: " % (syslog_ts(t), host, master)
        recs.append((t, header, ei, v))
    return dict(name="H2oHttp", k=k, mode="shuffle", events=EV, recs=recs,
                header_re=SYSLOG_RE, ts_key=syslog_key)


# ================================================================ 2. Hitch
def sys_hitch():
    k = 2
    rng = rng_for(k)
    pk = Picker()
    EV = [
        "{core} Loading certificate pem files (<*>)",
        "{core} Process <*> online",
        "{core} Child <*> (pid <*>) exited with status 0",
        "{core} Received SIGHUP: Initiating configuration reload.",
        "{core} Config reloaded.",
        "{ocsp} Refreshed OCSP staple for '<*>', next refresh in <*>",
        "{ocsp} Error refreshing OCSP staple for '<*>': <*>",
        "<*>:<*> :<*> <*>:<*> ssl start",
        "<*>:<*> :<*> <*>:<*> proxy connect",
        "<*>:<*> :<*> <*>:<*> ssl end",
        "<*>:<*> :<*> <*>:<*> proxy shutdown req",
        "<*>:<*> :<*> <*>:<*> proxy shutdown resp",
        "<*>:<*> :<*> <*>:<*> ssl handshake failure: <*>",
        "{backend} Error connecting to backend: <*>",
    ]
    host = "tls-edge-02"
    master = rng.randint(900, 1400)
    next_pid = [master + rng.randint(2, 6)]

    def new_pid():
        p = next_pid[0]
        next_pid[0] += rng.randint(1, 37)
        return p

    T0 = at(7, 41, 12) + rng.randrange(NS)
    out = []
    seq = itertools.count()

    def emit(t, pid, ei, vals):
        out.append((t, next(seq), pid, ei, vals))

    # --- master / worker generations (entity: the hitch master process)
    NWORK = 4
    reloads = [T0 + 115 * NS + rng.randrange(20 * NS),
               T0 + 255 * NS + rng.randrange(20 * NS),
               T0 + 400 * NS + rng.randrange(20 * NS)]
    pem_counts = [3, 3, 4, 4]
    gens = []                                   # (start, [pids])
    for g, start in enumerate([T0] + reloads):
        t = start
        if g > 0:
            emit(t, master, 3, [])
            t += rng.randint(2, 9) * MS
        emit(t, master, 0, [pem_counts[g]])
        t += rng.randint(20, 60) * MS
        pids = []
        for i in range(NWORK):
            p = new_pid()
            pids.append(p)
            t += rng.randint(1, 6) * MS
            emit(t, p, 1, [i])
        if g > 0:
            emit(t + rng.randint(5, 30) * MS, master, 4, [])
        gens.append((t + 40 * MS, pids))

    def gen_at(t):
        g = 0
        for i, (st, _) in enumerate(gens):
            if st <= t:
                g = i
        return g

    # --- client connections (entities with overlapping lifetimes)
    nets = ["203.0.113.", "198.51.100.", "192.0.2.", "100.72.14.", "172.31.200."]
    hs_err = ["error:0A0000C1:SSL routines::no shared cipher",
              "error:0A000102:SSL routines::unsupported protocol",
              "error:0A00009C:SSL routines::http request",
              "error:0A000076:SSL routines::no suitable signature algorithm",
              "error:0A00006C:SSL routines::bad key share"]
    be_err = ["Connection refused", "Connection timed out", "No route to host"]
    bag = ["hs"] * 6 + ["be"] * 4 + ["ok"] * 75
    rng.shuffle(bag)
    last_end = {}                              # worker pid -> last line time
    t = T0 + 900 * MS
    n = 0
    while t < T0 + 1100 * NS:
        t += expo(rng, 8 * NS)
        outcome = bag[n] if n < len(bag) else rng.choice(["ok"] * 30 + ["hs", "be"])
        n += 1
        g = gen_at(t)
        w = rng.choice(gens[g][1])
        ip = rng.choice(nets) + str(rng.randint(2, 254))
        cport = rng.randint(32768, 60999)
        lport = pk("lport", ["443", "443", "8443"])
        cfd = rng.randint(9, 180)
        pre = [ip, cport, lport]
        tt = t
        emit(tt, w, 7, pre + [cfd, cfd + 1])
        if outcome == "hs":
            tt += rng.randint(3, 300) * MS
            emit(tt, w, 12, pre + [cfd, cfd + 1, pk("hs", hs_err)])
        elif outcome == "be":
            tt += rng.randint(2, 90) * MS
            emit(tt, w, 8, pre + [cfd, cfd + 1])
            tt += rng.randint(1, 3000) * MS
            emit(tt, w, 13, [pk("be", be_err)])
            tt += rng.randint(200, 900) * US
            emit(tt, w, 9, pre + [cfd, cfd + 1])
        else:
            tt += rng.randint(2, 90) * MS
            emit(tt, w, 8, pre + [cfd, cfd + 1])
            tt += expo(rng, 14 * NS)
            emit(tt, w, 10 if rng.random() < 0.55 else 11, pre + [cfd, cfd + 1])
            tt += rng.randint(100, 2500) * US
            emit(tt, w, 9, pre + [cfd, cfd + 1])
        last_end[w] = max(last_end.get(w, 0), tt)

    # --- old workers exit after the reload once their connections drain
    for g in range(len(gens) - 1):
        r = reloads[g]
        for i, p in enumerate(gens[g][1]):
            te = max(r + rng.randint(300, 2500) * MS, last_end.get(p, 0) + rng.randint(5, 400) * MS)
            emit(te, master, 2, [i, p])

    # --- OCSP refresher (one entity per certificate)
    certs = ["/etc/hitch/certs/www.example.com.pem",
             "/etc/hitch/certs/api.example.com.pem",
             "/etc/hitch/certs/shop.example.net.pem"]
    ocsp_err = ["OCSP responder returned HTTP status 503",
                "connect to ocsp.example-ca.net:80: Connection timed out",
                "unable to verify OCSP response signature"]
    obag = ["ok", "err", "ok", "ok", "err", "ok", "err", "ok", "ok", "ok", "err", "ok"]
    rng.shuffle(obag)
    oi = 0
    for ci, cert in enumerate(certs):
        tt = T0 + rng.randint(2, 80) * NS
        while tt < T0 + 1100 * NS:
            res = obag[oi % len(obag)]
            oi += 1
            if res == "ok":
                nxt = rng.randint(1800, 14400)
                emit(tt, master, 5, [cert, "%ds" % nxt])
                tt += min(nxt, rng.randint(150, 260)) * NS
            else:
                emit(tt, master, 6, [cert, pk("ocsp", ocsp_err)])
                tt += rng.randint(60, 120) * NS

    out.sort(key=lambda r: (r[0], r[1]))
    recs = []
    for t, _, pid, ei, vals in out[:N_LINES]:
        recs.append((t, "%s %s hitch[%d]: " % (syslog_ts(t), host, pid), ei, vals))
    return dict(name="Hitch", k=k, mode="simulation", events=EV, recs=recs,
                header_re=SYSLOG_RE, ts_key=syslog_key)


# ================================================================ 3. DataplaneApi
def sys_dataplane():
    k = 3
    rng = rng_for(k)
    pk = Picker()
    EV = [
        'msg="Executed <*> <*>" client=<*> latency=<*> status=<*> user=<*>',
        'msg="Reload scheduled with ID: <*>"',
        'msg="Reload <*> successful"',
        'msg="Reload <*> failed: <*>"',
        'msg="Transaction <*> started" version=<*>',
        'msg="Transaction <*> committed" version=<*>',
        'msg="Transaction <*> deleted"',
        'msg="Transaction <*> commit failed: <*>"',
        'msg="Error reading runtime stats: <*>"',
        'msg="Map file <*> synced with runtime, <*> entries"',
        'msg="Serving data plane at <*>"',
        'msg="Stopped serving data plane at <*>"',
        'msg="HAProxy Data Plane API <*> <*>"',
        'msg="Build date: <*>"',
    ]
    LEVEL = ["info", "info", "info", "error", "info", "info", "info", "error",
             "warning", "info", "info", "info", "info", "info"]
    COUNTS = [110, 38, 32, 6, 25, 20, 9, 3, 18, 20, 5, 5, 5, 4]
    base = "/v2/services/haproxy"
    backends = ["be_api", "be_web", "be_static", "be_ws", "be_auth"]
    cfg_version = [rng.randint(180, 260)]
    reload_n = [rng.randint(3, 9)]

    def srv():
        return rng.choice(["web", "api", "app", "static"]) + str(rng.randint(1, 12))

    def tx():
        return uuid4(rng)

    def ver():
        cfg_version[0] += rng.randint(0, 2)
        return str(cfg_version[0])

    def reload_id():
        reload_n[0] += 1
        return "%s-%d" % (date_iso(), reload_n[0])

    def request():
        m = pk((0, 0), ["GET", "GET", "POST", "GET", "PUT", "GET", "DELETE", "POST"])
        be = rng.choice(backends)
        if m == "GET":
            uri = rng.choice([
                base + "/configuration/backends",
                base + "/configuration/servers?backend=" + be,
                base + "/stats/native?type=backend&name=" + be,
                "/v2/info",
                base + "/runtime/servers/%s?backend=%s" % (srv(), be),
                base + "/transactions",
            ])
            st = pk((0, 4, "g"), ["200", "200", "200", "404", "200"])
        elif m == "POST":
            uri = rng.choice([
                base + "/configuration/servers?backend=%s&transaction_id=%s" % (be, tx()),
                base + "/transactions?version=" + ver(),
                base + "/configuration/backends?version=" + ver(),
            ])
            st = pk((0, 4, "p"), ["201", "202", "201", "409"])
        elif m == "PUT":
            uri = rng.choice([
                base + "/transactions/" + tx(),
                base + "/runtime/servers/%s?backend=%s" % (srv(), be),
                base + "/configuration/servers/%s?backend=%s&version=%s" % (srv(), be, ver()),
            ])
            st = pk((0, 4, "u"), ["200", "202", "200", "400"])
        else:
            uri = rng.choice([
                base + "/configuration/servers/%s?backend=%s&transaction_id=%s" % (srv(), be, tx()),
                base + "/transactions/" + tx(),
            ])
            st = pk((0, 4, "d"), ["204", "202", "404"])
        client = "10.40.%d.%d" % (rng.randint(0, 3), rng.randint(2, 250))
        lat = godur(rng.randint(300, 90000) * US if st != "202" else rng.randint(2, 400) * MS)
        user = pk((0, 5), ["admin", "ci-deployer", "dpapi", "admin", "consul-sync"])
        return [m, uri, client, lat, st, user]

    reload_err = [
        "exit status 1: [ALERT]    (%d) : config : parsing [/etc/haproxy/haproxy.cfg:%d] : 'server web%d' : could not resolve address 'web%d.internal'",
        "exit status 1: [ALERT]    (%d) : config : backend 'be_api' has no server available (line %d, %d/%d)",
        "reload command timed out after %ds (pid %d, %d/%d)",
    ]
    tx_err = ["version mismatch, transaction version %d, configured version %d",
              "validation error: frontend fe_main: bind :443: unable to load SSL certificate file /etc/haproxy/certs/site%d.pem (%d)",
              "transaction outdated by configuration version %d (was %d)"]
    stats_err = ["dial unix /var/run/haproxy/admin.sock: connect: connection refused",
                 "dial unix /var/run/haproxy/admin.sock: connect: no such file or directory",
                 "read unix @->/var/run/haproxy/admin.sock: i/o timeout"]
    maps = ["/etc/haproxy/maps/hosts.map", "/etc/haproxy/maps/blocklist.map",
            "/etc/haproxy/maps/rewrite.map"]
    listeners = ["http://[::]:5555", "https://[::]:5556"]
    versions = [("v2.9.3", "3f2a91c"), ("v2.9.4", "b8e04d7")]
    dates = ["2025-11-20T09:14:07Z", "2026-01-28T16:42:51Z"]

    stamped = shuffled_clock(rng, COUNTS, at(9, 2, 41) + rng.randrange(NS), 24 * NS)
    recs = []
    for t, ei in stamped:
        if ei == 0:
            v = request()
        elif ei in (1, 2):
            v = [reload_id()]
        elif ei == 3:
            f = pk((3, 1), reload_err)
            v = [reload_id(), f % (rng.randint(1000, 9999), rng.randint(20, 300),
                                   rng.randint(1, 12), rng.randint(1, 12))]
        elif ei in (4, 5):
            v = [tx(), ver()]
        elif ei == 6:
            v = [tx()]
        elif ei == 7:
            v = [tx(), pk((7, 1), tx_err) % (rng.randint(200, 260), rng.randint(200, 260))]
        elif ei == 8:
            v = [pk((8, 0), stats_err)]
        elif ei == 9:
            v = [pk((9, 0), maps), str(rng.randint(3, 4200))]
        elif ei in (10, 11):
            v = [pk((ei, 0), listeners)]
        elif ei == 12:
            v = list(pk((12, 0), versions))
        else:
            v = [pk((13, 0), dates)]
        header = 'time="%s" level=%s ' % (rfc3339(t), LEVEL[ei])
        recs.append((t, header, ei, [esc(str(x)) for x in v]))
    return dict(name="DataplaneApi", k=k, mode="shuffle", events=EV, recs=recs,
                header_re=LOGRUS_RE, ts_key=rfc_key)


# ================================================================ 4. Skipper
def sys_skipper():
    k = 4
    rng = rng_for(k)
    pk = Picker()
    EV = [
        'msg="Expose metrics in codahale format"',
        'msg="TLS settings not found, defaulting to HTTP"',
        'msg="route settings received"',
        'msg="diff taken, inserts/updates: <*>, deletes: <*>"',
        'msg="route settings, update, route: <*>: <*>"',
        'msg="route settings, reset, route: <*>: <*>"',
        'msg="route settings, delete, route: <*>"',
        'msg="route settings applied"',
        'msg="error while proxying after <*>, route <*> with backend <*> <*>, status code <*>: <*>, remote host: <*>, request: \\"<*> <*> <*>\\", host: <*>, user agent: \\"<*>\\""',
        'msg="client canceled after <*>, route <*> with backend <*> <*>, status code 499: context canceled, remote host: <*>, request: \\"<*> <*> <*>\\", host: <*>, user agent: \\"<*>\\""',
        'msg="failed to process route (<*>): <*>"',
        'msg="convertPathRule: Failed to get service <*>, <*>, <*>"',
        'msg="error in routegroup <*>/<*>: invalid backend reference to <*>"',
        'msg="error while receiving updated route definitions: <*>"',
    ]
    LEVEL = ["info", "info", "info", "info", "info", "info", "info", "info",
             "error", "error", "error", "warning", "error", "error"]
    COUNTS = [4, 3, 22, 22, 24, 9, 14, 22, 100, 38, 12, 16, 6, 8]
    namespaces = ["default", "shop", "payments", "search", "identity"]
    apps = ["web", "checkout", "cart", "catalog", "login", "search-api", "billing", "img-resizer"]

    def route():
        ns, app = rng.choice(namespaces), rng.choice(apps)
        hostname = "%s.%s.example.org" % (app, ns)
        if rng.random() < 0.6:
            rid = "kube_%s__%s__%s____%s" % (ns, app, hostname.replace(".", "_").replace("-", "_"), app)
        else:
            rid = "kube_rg__%s__%s__all__%d_0" % (ns, app, rng.randint(0, 3))
        return rid, hostname

    def ep():
        return "http://10.2.%d.%d:%d" % (rng.randint(0, 63), rng.randint(2, 254),
                                         rng.choice([8080, 8080, 9090, 3000]))

    def expr(hostname):
        hre = hostname.replace(".", "[.]")
        path = rng.choice(["/", "/api", "/static", "/v1"])
        eps = ", ".join('"%s"' % ep() for _ in range(rng.randint(1, 3)))
        pred = rng.choice(["PathSubtree(\"%s\")" % path, "Path(\"%s\")" % path,
                           "PathSubtree(\"%s\") && Method(\"GET\")" % path])
        return 'Host(/^(%s[.]?(:[0-9]+)?)$/) && %s -> <roundRobin, %s>' % (hre, pred, eps)

    methods = ["GET", "POST", "GET", "GET", "PUT", "DELETE", "GET"]
    protos = ["HTTP/1.1", "HTTP/2.0", "HTTP/1.1"]
    uas = ["Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0",
           "okhttp/4.12.0", "Go-http-client/1.1", "curl/8.6.0",
           "python-requests/2.31.0",
           "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1"]

    def upath():
        return rng.choice(["/", "/api/v1/items/%d" % rng.randint(1, 99999),
                           "/static/main.%s.css" % hexs(rng, 8),
                           "/checkout/confirm", "/login?next=%2Faccount",
                           "/v1/search?q=%s" % rng.choice(["shoes", "tv", "sofa"])])

    def remote():
        return "%d.%d.%d.%d" % (rng.choice([81, 91, 178, 85, 62]), rng.randint(0, 255),
                                rng.randint(0, 255), rng.randint(1, 254))

    def proxy_fail(ei):
        rid, hostname = route()
        backend = ep()
        kind = pk((ei, 2), ["network", "lb", "network"])
        if ei == 8:
            ip = backend[len("http://"):]
            form = pk((8, 5), ["refused", "deadline", "reset", "headers", "idle"])
            if form == "refused":
                code, why = "502", "dialing failed false: dial tcp %s: connect: connection refused" % ip
            elif form == "deadline":
                code, why = "504", "context deadline exceeded"
            elif form == "reset":
                code, why = "502", "read tcp 10.2.%d.%d:%d->%s: read: connection reset by peer" % (
                    rng.randint(0, 63), rng.randint(2, 254), rng.randint(33000, 60000), ip)
            elif form == "headers":
                code, why = "504", "net/http: timeout awaiting response headers"
            else:
                code, why = "503", "http: server closed idle connection"
            dur = godur(rng.randint(1, 30000) * MS + rng.randint(0, 999) * US)
            head = [dur, rid, kind, backend, code, why]
        else:
            dur = godur(rng.randint(2, 12000) * MS + rng.randint(0, 999) * US)
            head = [dur, rid, kind, backend]
        return head + [remote(), pk((ei, "m"), methods), upath(), pk((ei, "p"), protos),
                       hostname, pk((ei, "ua"), uas)]

    route_err = ['filter "%s" not found' % x for x in ["ratelimitt", "setRequestHeder", "oauthTokeninfoAnyKye"]] + \
        ["invalid predicate count arg", "invalid backend: missing scheme", "predicate \"Weight\" not found"]
    list_err = ['Get "https://10.3.0.1:443/apis/zalando.org/v1/routegroups": context deadline exceeded',
                "failed to list ingresses: unexpected EOF",
                'Get "https://10.3.0.1:443/apis/networking.k8s.io/v1/ingresses": dial tcp 10.3.0.1:443: i/o timeout',
                "failed to list endpointslices: the server is currently unable to handle the request"]

    stamped = shuffled_clock(rng, COUNTS, at(11, 20, 5) + rng.randrange(NS), 9 * NS)
    recs = []
    for t, ei in stamped:
        if ei in (0, 1, 2, 7):
            v = []
        elif ei == 3:
            v = [rng.randint(0, 40), rng.choice([0, 0, 0, 1, 2, 5])]
        elif ei in (4, 5):
            rid, hostname = route()
            v = [rid, expr(hostname)]
        elif ei == 6:
            v = [route()[0]]
        elif ei in (8, 9):
            v = proxy_fail(ei)
        elif ei == 10:
            v = [route()[0], pk((10, 1), route_err)]
        elif ei == 11:
            v = [rng.choice(namespaces), rng.choice(apps) + rng.choice(["", "-svc", "-v2"]),
                 pk((11, 2), ["8080", "http", "80", "9090"])]
        elif ei == 12:
            ns, app = rng.choice(namespaces), rng.choice(apps)
            v = [ns, app, pk((12, 2), ["%s-backend" % app, "%s-canary" % app, "default"])]
        else:
            v = [pk((13, 0), list_err)]
        header = '[APP]time="%s" level=%s ' % (rfc3339(t), LEVEL[ei])
        recs.append((t, header, ei, [esc(str(x)) for x in v]))
    return dict(name="Skipper", k=k, mode="shuffle", events=EV, recs=recs,
                header_re=r"\[APP\]" + LOGRUS_RE, ts_key=rfc_key)


# ================================================================ 5. Contour
def sys_contour():
    k = 5
    rng = rng_for(k)
    pk = Picker()
    EV = [
        'msg="started HTTP server" address="<*>" context=<*>',
        'msg="handshake" connection=<*> context=xds node_id=<*> node_version=<*>',
        'msg="stream_wait" connection=<*> context=xds resource_names="<*>" response_nonce=<*> type_url=<*> version_info=<*>',
        'msg="response" connection=<*> context=xds count=<*> resource_names="<*>" type_url=<*> version_info=<*>',
        'msg="stream terminated" connection=<*> context=xds error="<*>"',
        'msg="performing delayed update" context=contourEventHandler last_update=<*> outstanding=<*>',
        'msg="received a new address for status.loadBalancer" context=loadBalancerStatusWriter loadbalancer-address=<*>',
        'msg="received a status update" context=StatusUpdateHandler name=<*> namespace=<*>',
        'msg="unable to update status" context=StatusUpdateHandler error="<*>" name=<*> namespace=<*>',
        'msg="endpoints added" context=endpointstranslator name=<*> namespace=<*>',
        'msg="endpoints updated" context=endpointstranslator name=<*> namespace=<*>',
        'msg="endpoints deleted" context=endpointstranslator name=<*> namespace=<*>',
        'msg="invalid TLS secret" context=KubernetesCache error="<*>" name=<*> namespace=<*>',
    ]
    LEVEL = ["info", "info", "debug", "debug", "error", "info", "info", "debug",
             "error", "debug", "debug", "debug", "error"]
    T0 = at(10, 3, 27) + rng.randrange(NS)
    out = []
    seq = itertools.count()

    def emit(t, ei, vals):
        out.append((t, next(seq), ei, vals))

    # --- contour process start
    t = T0
    for addr, ctx in [("0.0.0.0:8000", "metricsvc"), ("127.0.0.1:6060", "debugsvc"),
                      ("0.0.0.0:8002", "healthsvc")]:
        t += rng.randint(1, 15) * MS
        emit(t, 0, [addr, ctx])

    # --- cluster state and rebuild timeline (entity: the DAG builder)
    TYPES = ["Cluster", "ClusterLoadAssignment", "Listener", "RouteConfiguration", "Secret"]
    URL = {"Cluster": "type.googleapis.com/envoy.config.cluster.v3.Cluster",
           "ClusterLoadAssignment": "type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment",
           "Listener": "type.googleapis.com/envoy.config.listener.v3.Listener",
           "RouteConfiguration": "type.googleapis.com/envoy.config.route.v3.RouteConfiguration",
           "Secret": "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret"}
    services = [("default", "web", 80), ("shop", "cart", 8080), ("shop", "catalog", 8080),
                ("payments", "ledger", 9000), ("identity", "login", 8443),
                ("search", "query-api", 8080)]
    spare = [("shop", "recommender", 8080), ("default", "docs", 80), ("search", "indexer", 9200)]
    clusters = {s: "%s/%s/%d/%s" % (s[0], s[1], s[2], hexs(rng, 10)) for s in services[:5]}
    secrets = ["projectcontour/fallback-cert/%s" % hexs(rng, 10),
               "shop/shop-tls/%s" % hexs(rng, 10)]
    proxies = [("web", "default"), ("storefront", "shop"), ("ledger", "payments"),
               ("login", "identity"), ("search", "search")]
    version = 1
    tver = {ty: 1 for ty in TYPES}

    def snapshot(tt, affected):
        return dict(t=tt, affected=[ty for ty in TYPES if ty in affected], tver=dict(tver),
                    clusters=sorted(clusters.values()), secrets=list(secrets))

    snaps = [snapshot(T0 + rng.randint(400, 900) * MS, set(TYPES))]
    last_rb = snaps[0]["t"]
    kinds = (["upd"] * 20 + ["add"] * 4 + ["del"] * 4 + ["proxy"] * 8 +
             ["secret_bad"] * 4 + ["secret_ok"] * 2)
    rng.shuffle(kinds)
    ki = 0
    status_fail = itertools.cycle([True, False])
    conflict = ('Operation cannot be fulfilled on httpproxies.projectcontour.io "%s": '
                'the object has been modified; please apply your changes to the latest version and try again')
    secret_err = ["tls: failed to find any PEM data in certificate input",
                  "tls: private key does not match public key",
                  "missing TLS secret key tls.key"]
    t = T0 + 6 * NS
    while t < T0 + 1500 * NS:
        t += expo(rng, 21 * NS)
        n = rng.choice([1, 1, 1, 2, 2, 3])
        tc = t
        affected = set()
        touched = []
        for _ in range(n):
            kind = kinds[ki] if ki < len(kinds) else rng.choice(["upd"] * 6 + ["add", "del", "proxy"])
            ki += 1
            if kind in ("upd", "add", "del"):
                svc = rng.choice(services)
                if kind == "add" and spare:
                    svc = spare.pop(0)
                    services.append(svc)
                    clusters[svc] = "%s/%s/%d/%s" % (svc[0], svc[1], svc[2], hexs(rng, 10))
                    affected |= {"Cluster"}
                elif kind == "del" and len(clusters) > 3:
                    keys = sorted(clusters)
                    svc = keys[pk("del", [0, 3, 1, 4, 2]) % len(keys)]
                    del clusters[svc]
                    affected |= {"Cluster"}
                emit(tc, {"add": 9, "upd": 10, "del": 11}[kind], [svc[1], svc[0]])
                affected |= {"ClusterLoadAssignment"}
            elif kind == "proxy":
                p = rng.choice(proxies)
                touched.append(p)
                affected |= {"Cluster", "ClusterLoadAssignment", "RouteConfiguration"}
            elif kind == "secret_bad":
                nm = rng.choice([("shop-tls", "shop"), ("api-cert", "default"),
                                 ("login-tls", "identity")])
                emit(tc, 12, [pk("secret_err", secret_err), nm[0], nm[1]])
            else:
                secrets[-1] = secrets[-1].rsplit("/", 1)[0] + "/" + hexs(rng, 10)
                affected |= {"Secret"}
            tc += rng.randint(5, 400) * MS
        rb = tc + rng.randint(100, 180) * MS
        emit(rb, 5, [godur(rb - last_rb), n])
        last_rb = rb
        version += 1
        for ty in affected:
            tver[ty] = version
        snaps.append(snapshot(rb + rng.randint(1, 4) * MS, affected))
        ts = rb + rng.randint(20, 90) * MS
        for p in touched:
            if next(status_fail):
                emit(ts, 8, [conflict % p[0], p[0], p[1]])
                ts += rng.randint(30, 200) * MS
            emit(ts, 7, [p[0], p[1]])
            ts += rng.randint(2, 30) * MS

    # --- load balancer address changes (entity: the envoy Service)
    lb_addrs = ["203.0.113.24",
                "a7f3e2c91d0b44e8b6c5f1e0d9a8b7c6-1849203746.elb.eu-central-1.amazonaws.com",
                "198.51.100.73"]
    for i, tt in enumerate([T0 + rng.randint(1100, 1600) * MS, T0 + 130 * NS + rng.randrange(9 * NS),
                            T0 + 330 * NS + rng.randrange(9 * NS)]):
        emit(tt, 6, [lb_addrs[i]])

    # --- envoy xDS connections (entities with overlapping lifetimes)
    def res(ty, snap):
        if ty == "Cluster":
            return "[]", len(snap["clusters"])
        if ty == "ClusterLoadAssignment":
            return "[" + " ".join(snap["clusters"]) + "]", len(snap["clusters"])
        if ty == "Listener":
            return "[]", 2
        if ty == "RouteConfiguration":
            return "[ingress_http ingress_https]", 2
        return "[" + " ".join(snap["secrets"]) + "]", len(snap["secrets"])

    conns = []
    cid = itertools.count(1)
    R = T0 + 250 * NS + rng.randrange(10 * NS)
    stop_errs = ["rpc error: code = Canceled desc = context canceled",
                 "rpc error: code = Unavailable desc = transport is closing",
                 "rpc error: code = Canceled desc = grpc: the client connection is closing"]
    for i in range(3):
        start = T0 + 1800 * MS + i * 400 * MS + rng.randrange(300 * MS)
        end = R + i * 50 * NS + rng.randrange(8 * NS)
        conns.append(("envoy-" + lower_id(rng, 5), "v1.29.2", start, end))
        conns.append(("envoy-" + lower_id(rng, 5), "v1.29.3",
                      end + rng.randint(4, 9) * NS, None))
    conns.sort(key=lambda c: c[2])
    conns = [(next(cid),) + c for c in conns]      # connection ids in connect order
    horizon = T0 + 1500 * NS
    for c_id, node, nver, start, end in conns:
        stop = end if end is not None else horizon
        tt = start
        emit(tt, 1, [c_id, node, nver])
        nonce = 0
        snap = [s for s in snaps if s["t"] <= start][-1]
        for ty in TYPES:
            tt += rng.randint(1, 6) * MS
            names, cnt = res(ty, snap)
            nonce += 1
            emit(tt, 3, [c_id, cnt, names, URL[ty], snap["tver"][ty]])
            tt += rng.randint(2, 40) * MS
            emit(tt, 2, [c_id, names, nonce, URL[ty], snap["tver"][ty]])
        for s in snaps:
            if s["t"] <= start or s["t"] >= stop:
                continue
            tt = max(tt, s["t"])
            for ty in s["affected"]:
                tt += rng.randint(1, 12) * MS
                names, cnt = res(ty, s)
                nonce += 1
                emit(tt, 3, [c_id, cnt, names, URL[ty], s["tver"][ty]])
                tt += rng.randint(2, 30) * MS
                emit(tt, 2, [c_id, names, nonce, URL[ty], s["tver"][ty]])
        if end is not None:
            emit(max(end, tt + MS), 4, [c_id, pk("stop", stop_errs)])

    out.sort(key=lambda r: (r[0], r[1]))
    recs = []
    for t, _, ei, vals in out[:N_LINES]:
        header = 'time="%s" level=%s ' % (rfc3339(t), LEVEL[ei])
        recs.append((t, header, ei, [esc(str(x)) for x in vals]))
    return dict(name="Contour", k=k, mode="simulation", events=EV, recs=recs,
                header_re=LOGRUS_RE, ts_key=rfc_key)


# ================================================================ 6. Emissary
EMISSARY_RE = (
    r"(?:(?P<d1>\d{4}-\d\d-\d\d) (?P<hms1>\d\d:\d\d:\d\d) diagd (?P<ver>\d+\.\d+\.\d+) "
    r"\[P(?P<pid>\d+)T(?P<thread>[A-Za-z0-9_-]+)\] (?P<level1>DEBUG|INFO|WARNING|ERROR): "
    r"|\[(?P<d2>\d{4}-\d\d-\d\d) (?P<hms2>\d\d:\d\d:\d\d)\.(?P<ms>\d{3})\]\[(?P<tid>\d+)\]"
    r"\[(?P<level2>trace|debug|info|warning|error|critical)\]\[(?P<logger>[a-z_]+)\] "
    r"\[(?P<src>[A-Za-z0-9_./+-]+):(?P<line>\d+)\] )")


def emissary_key(m):
    if m.group("hms1"):
        h, mi, s = (int(x) for x in m.group("hms1").split(":"))
        return (h * 3600 + mi * 60 + s, None)
    h, mi, s = (int(x) for x in m.group("hms2").split(":"))
    return (h * 3600 + mi * 60 + s, int(m.group("ms")) * MS)


def sys_emissary():
    k = 6
    rng = rng_for(k)
    pk = Picker()
    EV = [
        "AmbassadorEventWatcher: configuration updated (incremental) from snapshot snapshot (S<*> L<*> G<*> C<*>)",
        "AmbassadorEventWatcher: configuration updated (complete) from snapshot snapshot (S<*> L<*> G<*> C<*>)",
        "EnvoyConfig: Generating V3",
        "V3Listener: ==== listen on <*>",
        "successfully validated the resulting envoy configuration, continuing...",
        "Secret <*> unknown",
        "TLSContext <*> found no certificate in secret <*> in namespace <*>, ignoring...",
        "cds: add <*> cluster(s), remove <*> cluster(s)",
        "cds: added/updated <*> cluster(s), skipped <*> unmodified cluster(s)",
        "lds: add/update listener '<*>'",
        "lds: remove listener '<*>'",
        "warming cluster <*> complete",
        "dns resolution for <*> failed with c-ares status <*>",
        "StreamAggregatedResources gRPC config stream to xds_cluster closed since <*> ago: <*>, <*>",
    ]
    # (kind, level, thread-or-tid pool, logger, source location)
    HDR = [
        ("diagd", "INFO", ["AEW"], None, None),
        ("diagd", "INFO", ["AEW"], None, None),
        ("diagd", "INFO", ["AEW", "Thread-3"], None, None),
        ("diagd", "INFO", ["AEW"], None, None),
        ("diagd", "INFO", ["MainThread", "AEW"], None, None),
        ("diagd", "ERROR", ["AEW"], None, None),
        ("diagd", "ERROR", ["AEW"], None, None),
        ("envoy", "info", ["31"], "upstream", "source/common/upstream/cds_api_helper.cc:32"),
        ("envoy", "info", ["31"], "upstream", "source/common/upstream/cds_api_helper.cc:69"),
        ("envoy", "info", ["31"], "upstream", "source/extensions/listener_managers/listener_manager/lds_api.cc:82"),
        ("envoy", "info", ["31"], "upstream", "source/extensions/listener_managers/listener_manager/lds_api.cc:61"),
        ("envoy", "info", ["31"], "upstream", "source/common/upstream/cluster_manager_impl.cc:240"),
        ("envoy", "warning", ["44", "46", "47", "31"], "dns", "source/extensions/network/dns_resolver/cares/dns_impl.cc:354"),
        ("envoy", "warning", ["31"], "config", "source/extensions/config_subscription/grpc/grpc_stream.h:163"),
    ]
    COUNTS = [70, 9, 25, 20, 24, 6, 4, 30, 30, 40, 8, 18, 10, 6]
    pid = 17
    version = "3.9.1"
    cluster_names = ["cluster_quote_default_default", "cluster_echo_backend_shop", "cluster_127_0_0_1_8500_ambassador",
                     "cluster_auth_service_identity", "cluster_catalog_8080_shop", "cluster_ledger_9000_payments",
                     "cluster_extauth_127_0_0_1_8500", "cluster_web_frontend_default"]
    listeners = ["ambassador-listener-0.0.0.0-8080", "ambassador-listener-0.0.0.0-8443",
                 "ambassador-listener-8877"]
    grpc_err = [("14", "upstream connect error or disconnect/reset before headers. reset reason: connection failure"),
                ("13", "upstream connect error or disconnect/reset before headers. reset reason: connection termination"),
                ("14", "no healthy upstream")]
    dns_names = ["quote.default", "legacy-api.internal.example.com", "auth.identity.svc.cluster.local",
                 "metrics-sink.monitoring", "ledger.payments.svc.cluster.local"]
    secrets = ["shop-tls.shop", "wildcard-cert.default", "api-cert.payments", "login-tls.identity"]

    stamped = shuffled_clock(rng, COUNTS, at(13, 15, 2) + rng.randrange(NS), 17 * NS)
    recs = []
    for t, ei in stamped:
        if ei in (0, 1):
            v = [rng.randint(3, 40), pk((ei, 1), ["1", "2", "1"]), rng.randint(0, 20), rng.randint(1, 15)]
        elif ei in (2, 4):
            v = []
        elif ei == 3:
            v = [pk((3, 0), ["0.0.0.0:8080", "0.0.0.0:8443"])]
        elif ei == 5:
            v = [pk((5, 0), secrets)]
        elif ei == 6:
            s = pk((6, 1), secrets)
            v = [pk((6, 0), ["shop-host-context", "payments-tls", "login-context"]), s.split(".")[0], s.split(".")[1]]
        elif ei == 7:
            v = [rng.randint(1, 14), rng.choice([0, 0, 1, 2])]
        elif ei == 8:
            v = [rng.randint(0, 6), rng.randint(3, 25)]
        elif ei in (9, 10):
            v = [pk((ei, 0), listeners)]
        elif ei == 11:
            v = [pk((11, 0), cluster_names)]
        elif ei == 12:
            v = [pk((12, 0), dns_names), pk((12, 1), ["12", "4", "11"])]
        else:
            code, why = pk((13, 1), grpc_err)
            v = ["%ds" % rng.randint(0, 240), code, why]
        kind, lvl, pool, logger, src = HDR[ei]
        thr = pk(("hdr", ei), pool)
        if kind == "diagd":
            header = "%s %s diagd %s [P%dT%s] %s: " % (date_iso(), hms(t), version, pid, thr, lvl)
        else:
            header = "[%s %s.%s][%s][%s][%s] [%s] " % (date_iso(), hms(t), frac(t, 3), thr, lvl, logger, src)
        recs.append((t, header, ei, v))
    return dict(name="Emissary", k=k, mode="shuffle", events=EV, recs=recs,
                header_re=EMISSARY_RE, ts_key=emissary_key)


# ================================================================ write + check
def write_system(s):
    d = os.path.join(HERE, s["name"])
    os.makedirs(d, exist_ok=True)
    recs = s["recs"]
    assert len(recs) == N_LINES, (s["name"], len(recs))
    raw, rows = [], []
    for i, (t, header, ei, vals) in enumerate(recs, 1):
        assert 0 <= t < DAY_NS
        tpl = s["events"][ei]
        content = fill(tpl, vals)
        raw.append(header + content)
        rows.append([i, content, "E%d" % (ei + 1), tpl])
    with open(os.path.join(d, s["name"] + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(d, s["name"] + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CSV_HEADER)
        w.writerows(rows)
    return 2


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")), re.S)


def check(s):
    name = s["name"]
    d = os.path.join(HERE, name)
    errs = []

    def need(cond, msg):
        if not cond:
            errs.append(msg)
        return cond

    blobs = {}
    for suffix in (".log", ".log_structured.csv"):
        with open(os.path.join(d, name + suffix), "rb") as f:
            b = f.read()
        need(b.endswith(b"\n"), suffix + " does not end with newline")
        need(b"\r" not in b, suffix + " contains CR")
        blobs[suffix] = b.decode("utf-8")
    lines = blobs[".log"].split("\n")[:-1]
    rows = list(csv.reader(io.StringIO(blobs[".log_structured.csv"], newline="")))
    need(rows and rows[0] == CSV_HEADER, "bad csv header")
    rows = rows[1:]
    need(len(lines) == N_LINES, "log has %d lines" % len(lines))
    need(len(rows) == N_LINES, "csv has %d rows" % len(rows))
    hre = re.compile(s["header_re"])
    templates, counts, slots = {}, {}, {}
    prev = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if not need(len(row) == 4, "row %d has %d columns" % (i, len(row))):
            continue
        lid, content, eid, tpl = row
        need(lid == str(i), "LineId %s at row %d" % (lid, i))
        need(content != "" and content == content.strip(), "content not stripped at %d" % i)
        if not need(line.endswith(content), "line %d does not end with content" % i):
            continue
        m = hre.fullmatch(line[:len(line) - len(content)])
        if not need(m is not None, "header mismatch at %d: %r" % (i, line[:len(line) - len(content)])):
            continue
        key = s["ts_key"](m)
        if prev is not None:
            if key[1] is None or prev[1] is None:
                need(key[0] >= prev[0], "time goes back at %d" % i)
            else:
                need(key >= prev, "time goes back at %d" % i)
        prev = key
        need(re.fullmatch(r"E\d+", eid) is not None, "bad EventId %r" % eid)
        if eid in templates:
            need(templates[eid] == tpl, "EventId %s has two templates" % eid)
        else:
            templates[eid] = tpl
        mm = tpl_regex(tpl).fullmatch(content)
        if need(mm is not None, "template does not match content at %d" % i):
            for j, g in enumerate(mm.groups()):
                slots.setdefault((eid, j), set()).add(g)
        counts[eid] = counts.get(eid, 0) + 1
    declared = ["E%d" % (i + 1) for i in range(len(s["events"]))]
    need(len(set(templates.values())) == len(templates), "templates not distinct")
    need(set(templates) == set(declared), "declared events unused or unknown: %s" %
         sorted(set(declared) ^ set(templates)))
    for i, eid in enumerate(declared):
        if eid in templates:
            need(templates[eid] == s["events"][i], "%s template differs from declaration" % eid)
    for (eid, j), vals in sorted(slots.items()):
        need(len(vals) >= 2, "%s slot %d takes only %r" % (eid, j, sorted(vals)))
    c = [counts.get(e, 0) for e in declared]
    med = statistics.median(c) if c else 0
    need(12 <= len(declared) <= 15, "%d event types" % len(declared))
    need(min(c) >= 3, "event below 3 lines: %s" % dict(zip(declared, c)))
    need(sum(1 for x in c if 3 <= x <= 10) >= 3, "fewer than 3 rare events: %s" % c)
    need(max(c) >= 3 * med, "largest %d < 3 x median %s" % (max(c), med))
    return errs, c, med


def main():
    builders = [sys_h2o, sys_hitch, sys_dataplane, sys_skipper, sys_contour, sys_emissary]
    systems = [b() for b in builders]
    assert [s["name"] for s in systems] == [
        "H2oHttp", "Hitch", "DataplaneApi", "Skipper", "Contour", "Emissary"]
    n_files = 0
    for s in systems:
        n_files += write_system(s)
    ok = True
    for s in systems:
        errs, c, med = check(s)
        t0, t1 = s["recs"][0][0], s["recs"][-1][0]
        print("%-13s k=%d %-10s events=%2d lines=%d min=%d median=%s max=%d span=%s..%s %s" % (
            s["name"], s["k"], s["mode"], len(s["events"]), len(s["recs"]), min(c), med, max(c),
            hms(t0), hms(t1), "OK" if not errs else "FAIL"))
        for e in errs[:20]:
            print("    " + e)
        ok = ok and not errs
    print("files written: %d" % n_files)
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
