#!/usr/bin/env python3
"""Generate the Sealed 21 corpus (six systems, 300 labelled lines each).

Standard library only.  Deterministic: seed 20261231, system k uses
random.Random(20261231 * 10 + k); the clock is an integer count of
nanoseconds starting on 2026-05-19 UTC; no wall time, no locale.
Everything is written relative to the directory holding this script.
The script ends with a self-check of every file it wrote.
"""

import csv
import datetime
import os
import random
import re
import statistics

SEED = 20261231
HERE = os.path.dirname(os.path.abspath(__file__))
UTC = datetime.timezone.utc
SEC = 10 ** 9
MS = 10 ** 6
MIN = 60 * SEC
HOUR = 60 * MIN
DAY0 = int(datetime.datetime(2026, 5, 19, tzinfo=UTC).timestamp()) * SEC
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
N_LINES = 300


def civil(ns):
    """(datetime in UTC, nanoseconds within the second)."""
    return datetime.datetime.fromtimestamp(ns // SEC, tz=UTC), ns % SEC


def ymd_hms(ns):
    d, _ = civil(ns)
    return "%04d-%02d-%02d %02d:%02d:%02d" % (d.year, d.month, d.day, d.hour, d.minute, d.second)


def iso_s(ns):
    d, _ = civil(ns)
    return "%04d-%02d-%02dT%02d:%02d:%02d" % (d.year, d.month, d.day, d.hour, d.minute, d.second)


def syslog_ts(ns):
    d, _ = civil(ns)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[d.month - 1], d.day, d.hour, d.minute, d.second)


def gap(rng, mean_s, floor_ms=1):
    """Exponential gap in integer nanoseconds, never zero."""
    return int(rng.expovariate(1.0 / mean_s) * SEC) + floor_ms * MS


def hexid(rng, n):
    return "%0*x" % (n, rng.getrandbits(4 * n))


def uuid4(rng):
    h = hexid(rng, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) % 4], h[17:20], h[20:32])


def dur(rng, lo_us, hi_us):
    """A tracing-style duration with its unit glued on (e.g. 812µs, 3.41ms)."""
    us = rng.uniform(lo_us, hi_us)
    if us < 1000:
        return us, "%dµs" % int(us)
    return us, "%.2fms" % (us / 1000.0)


def fmt_us(us):
    if us < 1000:
        return "%dµs" % int(us)
    return "%.2fms" % (us / 1000.0)


class Corpus:
    """Events are declared in order (E1, E2, ...); lines are emitted with a
    nanosecond time, a ready-made header and the values for the template."""

    def __init__(self, name, k, header_re, timekey):
        self.name = name
        self.rng = random.Random(SEED * 10 + k)
        self.header_re = header_re
        self.timekey = timekey
        self.templates = []
        self.index = {}
        self.rows = []
        self.seq = 0
        self.cyc = {}

    def event(self, key, template):
        assert key not in self.index and template not in self.templates
        self.index[key] = len(self.templates)
        self.templates.append(template)

    def cycle(self, key, slot, pool):
        """Cycling pool per (event, slot): even rare events get >= 2 values."""
        i = self.cyc.get((key, slot), 0)
        self.cyc[(key, slot)] = i + 1
        return pool[i % len(pool)]

    def fill(self, key, vals):
        parts = self.templates[self.index[key]].split("<*>")
        vals = [str(v) for v in vals]
        assert len(parts) == len(vals) + 1, (key, vals)
        out = [parts[0]]
        for v, p in zip(vals, parts[1:]):
            assert v and v == v.strip(), (key, v)
            out.append(v)
            out.append(p)
        return "".join(out)

    def emit(self, t, header, key, *vals, block=None):
        content = self.fill(key, vals)
        self.seq += 1
        self.rows.append((t, self.seq, block, header, self.index[key], content))

    def finish(self, pad=None):
        rows = sorted(self.rows, key=lambda r: (r[0], r[1]))
        sizes = {}
        for r in rows:
            if r[2] is not None:
                sizes[r[2]] = sizes.get(r[2], 0) + 1
        kept, seen = [], set()
        for r in rows:
            if len(kept) >= N_LINES:
                break
            b = r[2]
            if b is not None and b not in seen:
                if len(kept) + sizes[b] > N_LINES:
                    break
                seen.add(b)
            kept.append(r)
        if len(kept) < N_LINES:
            assert pad is not None, self.name
            self.rows = []
            pad(kept[-1][0], N_LINES - len(kept))
            kept += sorted(self.rows, key=lambda r: (r[0], r[1]))
        assert len(kept) == N_LINES, (self.name, len(kept))
        self.rows = kept

    def write(self):
        d = os.path.join(HERE, self.name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, self.name + ".log"), "w", encoding="utf-8", newline="\n") as f:
            for r in self.rows:
                f.write(r[3] + r[5] + "\n")
        with open(os.path.join(d, self.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
            for i, r in enumerate(self.rows, 1):
                w.writerow([i, r[5], "E%d" % (r[4] + 1), self.templates[r[4]]])


def shuffle_stamp(c, units, start, mean_gap_s):
    """Seeded shuffle of fixed units, stamped by a forward-only clock."""
    c.rng.shuffle(units)
    t = start
    for unit in units:
        t += gap(c.rng, mean_gap_s)
        for off, header_fn, key, vals in unit:
            t += off
            c.emit(t, header_fn(t), key, *vals)


# ---------------------------------------------------------------- Carbon --

def carbon_key(prefix):
    m = re.match(r"(\d{2})/(\d{2})/(\d{4}) (\d{2}):(\d{2}):(\d{2})", prefix)
    d, mo, y, hh, mm, ss = (int(x) for x in m.groups())
    return (y, mo, d, hh, mm, ss)


def gen_carbon():
    c = Corpus("Carbon", 1,
               r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2} :: \[(?:console|creates|listener|query|cache)\] ",
               carbon_key)
    rng = c.rng
    ev = c.event
    ev("sorted", "Sorted <*> cache queues in <*> seconds")
    ev("schema", "new metric <*> matched schema <*>")
    ev("aggschema", "new metric <*> matched aggregation schema <*>")
    ev("createdb", "creating database metric <*> (archive=<*> xff=<*> agg=<*>)")
    ev("line_est", "MetricLineReceiver connection with <*> established")
    ev("line_closed", "MetricLineReceiver connection with <*> closed cleanly")
    ev("pickle_est", "MetricPickleReceiver connection with <*> established")
    ev("invalid", "invalid line (<*>) received from client <*>, ignoring")
    ev("cquery", "[<*>] cache query for \"<*>\" returned <*> values")
    ev("full", "MetricCache is full: self.size=<*>")
    ev("below", "MetricCache below watermark: self.size=<*>")
    ev("starting", "<*> starting on <*>")
    ev("sigterm", "Received SIGTERM, shutting down.")
    ev("createfail", "failed to create metric <*>: <*>")

    tag = {"sorted": "console", "schema": "creates", "aggschema": "creates", "createdb": "creates",
           "line_est": "listener", "line_closed": "listener", "pickle_est": "listener",
           "invalid": "listener", "cquery": "query", "full": "console", "below": "console",
           "starting": "console", "sigterm": "console", "createfail": "creates"}

    def hdr(key):
        def f(t):
            d, _ = civil(t)
            return "%02d/%02d/%04d %02d:%02d:%02d :: [%s] " % (
                d.day, d.month, d.year, d.hour, d.minute, d.second, tag[key])
        return f

    hosts = ["web01", "web02", "db-primary", "cache-3", "lb-edge-eu-west-1a", "k8s-node-07"]
    series = ["cpu.user", "cpu.system", "memory.free", "load.shortterm", "disk.sda.io_time",
              "nginx.requests.2xx", "nginx.requests.5xx", "df.root.percent_bytes-used",
              "jvm.gc.g1_young_generation.time", "interface.eth0.if_octets.rx"]
    schemas = [("servers", "[(60, 43200), (900, 35040)]"),
               ("stats", "[(10, 8640), (60, 10080), (600, 52560)]"),
               ("carbon", "[(60, 129600)]"),
               ("default_1min_for_1day", "[(60, 1440)]")]
    aggs = [("default_average", "0.5", "average"), ("sum", "0.0", "sum"),
            ("max", "0.1", "max"), ("min", "0.1", "min")]
    used = set()

    def metric():
        while True:
            r = rng.random()
            if r < 0.55:
                m = "servers.%s.%s" % (rng.choice(hosts), rng.choice(series))
            elif r < 0.85:
                m = "stats.timers.%s.%s.%s" % (
                    rng.choice(["api", "checkout", "search"]),
                    rng.choice(["payment.provider.stripe.latency", "db.query", "render",
                                "cache.lookup"]),
                    rng.choice(["p99", "mean", "upper_90", "count"]))
            else:
                m = "carbon.agents.graphite-a.%s" % rng.choice(
                    ["cpuUsage", "memUsage", "committedPoints", "creates", "avgUpdateTime"])
            if m not in used:
                used.add(m)
                return m

    def peer(port_lo=32768):
        return "10.0.%d.%d:%d" % (rng.choice([2, 2, 4, 9]), rng.randint(2, 250), rng.randint(port_lo, 60999))

    units = []
    for _ in range(80):
        n = rng.choice([rng.randint(1, 40), rng.randint(100, 900), rng.randint(2000, 48000)])
        units.append([(0, hdr("sorted"), "sorted", (n, "%.6f" % rng.uniform(0.00005, 0.4)))])
    for _ in range(38):
        m = metric()
        if m.startswith("stats."):
            s = schemas[1]
        elif m.startswith("carbon."):
            s = schemas[2]
        else:
            s = c.cycle("createdb", 1, [schemas[0], schemas[3]])
        a = c.cycle("createdb", 3, aggs) if not m.endswith("count") else aggs[1]
        units.append([
            (0, hdr("schema"), "schema", (m, s[0])),
            (rng.randint(1, 3) * MS, hdr("aggschema"), "aggschema", (m, a[0])),
            (rng.randint(1, 9) * MS, hdr("createdb"), "createdb", (m, s[1], a[1], a[2])),
        ])
    for _ in range(20):
        units.append([(0, hdr("line_est"), "line_est", (peer(),))])
    for _ in range(18):
        units.append([(0, hdr("line_closed"), "line_closed", (peer(),))])
    for _ in range(10):
        units.append([(0, hdr("pickle_est"), "pickle_est", (peer(),))])
    bad = ["servers.web01.cpu.user", "servers.web02.load 0.42", "hello", "stats.api.hits 12 1779180000 extra",
           "GET / HTTP/1.1", "servers.db-primary.df.root nan", "foo bar baz (1) 2 3", "servers.web01.cpu.user=0.7"]
    for i in range(8):
        units.append([(0, hdr("invalid"), "invalid", (bad[i], peer()))])
    for _ in range(25):
        m = "servers.%s.%s" % (rng.choice(hosts), rng.choice(series))
        units.append([(0, hdr("cquery"), "cquery",
                       ("127.0.0.1:%d" % rng.randint(40000, 60000), m, rng.choice([0, 0, 1, 2, 3, 7, 14])))])
    for i in range(6):
        units.append([(0, hdr("full"), "full", (c.cycle("full", 0, [2000000, 2000003, 2000011, 2000001]),))])
    for i in range(6):
        units.append([(0, hdr("below"), "below", (c.cycle("below", 0, [1799998, 1799412, 1650337]),))])
    factories = [("MetricLineReceiver", "2003"), ("MetricPickleReceiver", "2004"),
                 ("CacheManagementHandler", "7002")]
    for nstart in (2, 2, 1):
        u = [(0, hdr("sigterm"), "sigterm", ())]
        for j in range(nstart):
            f = c.cycle("starting", 0, factories)
            u.append(((rng.randint(3, 6) * SEC if j == 0 else rng.randint(2, 30) * MS),
                      hdr("starting"), "starting", f))
        units.append(u)
    errs = ["[Errno 28] No space left on device",
            "[Errno 13] Permission denied: '/var/lib/graphite/whisper/servers/k8s-node-07/cpu/user.wsp'",
            "[Errno 24] Too many open files",
            "InvalidConfiguration: Invalid archive configuration: [(60, 1440), (60, 10080)]"]
    for i in range(5):
        units.append([(0, hdr("createfail"), "createfail", (metric(), errs[i % len(errs)]))])

    shuffle_stamp(c, units, DAY0 + 7 * HOUR + 12 * MIN, 24.0)
    c.finish()
    return c


# ------------------------------------------------------------ UptimeKuma --

def kuma_key(prefix):
    return prefix[:19]


def gen_uptimekuma():
    c = Corpus("UptimeKuma", 2,
               r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00 \[[A-Z][A-Z-]*\] (?:INFO|WARN|ERROR|DEBUG): ",
               kuma_key)
    rng = c.rng
    ev = c.event
    ev("failing", "Monitor #<*> '<*>': Failing: <*> | Interval: <*> seconds | Type: <*> | Down Count: <*> | Resend Interval: <*>")
    ev("pending", "Monitor #<*> '<*>': Pending: <*> | Max retries: <*> | Retry: <*> | Retry Interval: <*> seconds | Type: <*>")
    ev("get", "Get Monitor: <*> User ID: 1")
    ev("pause", "Pause Monitor: <*> User ID: 1")
    ev("resume", "Resume Monitor: <*> User ID: 1")
    ev("token", "Login by token. IP=<*>")
    ev("userpass", "Login by username + password. IP=<*>")
    ev("loggedin", "Successfully logged in user admin. IP=<*>")
    ev("incorrect", "Incorrect username or password for user <*>. IP=<*>")
    ev("added", "Added Monitor: <*> User ID: 1")
    ev("delete", "Delete Monitor: <*> User ID: 1")
    ev("notifyfail", "Cannot send notification to <*>")
    ev("maint", "Monitor #<*> '<*>': Under Maintenance | Type: <*>")

    def hdr(t, module, level):
        return "%s+00:00 [%s] %s: " % (iso_s(t), module, level)

    start = DAY0 + 5 * HOUR + 40 * MIN
    end = start + 7 * HOUR
    errs = {
        "http": ["Request failed with status code 502", "timeout of 48000ms exceeded",
                 "connect ECONNREFUSED 10.20.0.5:443", "certificate has expired",
                 "getaddrinfo ENOTFOUND status.example.eu", "Request failed with status code 503"],
        "keyword": ['200 - OK, but keyword is not in [{"status":"degraded","db":"down","cache":"ok"}...]',
                    "timeout of 24000ms exceeded", "Request failed with status code 500"],
        "port": ["connect ECONNREFUSED 10.0.3.4:5432", "Connection timed out", "connect EHOSTUNREACH 10.0.3.4:25"],
        "dns": ["queryA ETIMEOUT intranet.example.lan", "queryA ENOTFOUND intranet.example.lan"],
        "ping": ["ping: sendmsg: Network is unreachable", "1 packets transmitted, 0 received, 100% packet loss, time 0ms"],
    }
    monitors = [
        dict(id=1, name="Homepage", type="http", interval=60, retries=0, resend=0, notif=None),
        dict(id=2, name="API: prod", type="keyword", interval=30, retries=2, resend=0, notif=None),
        dict(id=3, name="Postgres | primary", type="port", interval=60, retries=1, resend=10, notif="Telegram ops"),
        dict(id=4, name="DNS, internal", type="dns", interval=120, retries=0, resend=5, notif=None),
        dict(id=5, name="Status page [EU]", type="http", interval=20, retries=4, resend=0, notif=None),
        dict(id=6, name="Grafana", type="http", interval=60, retries=0, resend=0, notif=None),
        dict(id=7, name='Mail "relay"', type="port", interval=60, retries=1, resend=3,
             notif="SMTP (smtp.example.net:587)"),
        dict(id=8, name="Home Assistant", type="ping", interval=30, retries=2, resend=0, notif=None),
    ]
    # outage windows (minutes from start), chosen per monitor
    outages = {1: [(30, 36), (170, 173), (301, 309)],
               2: [(12, 16), (95, 99), (200, 206), (262, 265), (330, 333), (372, 376)],
               3: [(55, 63), (150, 154), (280, 287), (388, 392)],
               4: [(20, 30), (180, 188)],
               5: [(70, 73), (130, 132), (215, 218), (250, 252), (318, 321), (360, 363)],
               6: [(110, 114), (292, 296), (380, 384)],
               7: [(85, 94), (160, 166), (270, 275), (352, 356)],
               8: [(45, 47), (190, 193), (340, 342), (395, 400), (412, 415)]}
    maint = {6: (140, 148), 8: (140, 146), 1: (340, 345)}
    paused = {3: (120, 128), 5: (100, 108), 7: (225, 235)}
    deleted = {4: 205}
    admin_ips = ["192.168.10.23", "203.0.113.77"]

    for m in monitors:
        mid = m["id"]
        t = start + rng.randint(0, m["interval"]) * SEC
        retries, status, down_count = 0, "UP", 0
        err = None
        while t < end:
            mins = (t - start) / MIN
            if mid in deleted and mins >= deleted[mid]:
                break
            if mid in paused and paused[mid][0] <= mins < paused[mid][1]:
                t = start + paused[mid][1] * MIN + rng.randint(1, 900) * MS
                retries = 0
                continue
            step = m["interval"]
            if mid in maint and maint[mid][0] <= mins < maint[mid][1]:
                c.emit(t, hdr(t, "MONITOR", "WARN"), "maint", mid, m["name"], m["type"])
                status = "MAINTENANCE"
            elif any(a <= mins < b for a, b in outages[mid]):
                if err is None:
                    err = c.cycle("failing", 2, errs[m["type"]]) if m["retries"] == 0 else \
                        c.cycle("pending", 2, errs[m["type"]])
                if retries < m["retries"] and status != "DOWN":
                    retries += 1
                    c.emit(t, hdr(t, "MONITOR", "WARN"), "pending", mid, m["name"], err, m["retries"],
                           retries, m["interval"], m["type"])
                    status = "PENDING"
                else:
                    important = status != "DOWN"
                    if m["resend"] > 0 and not important:
                        down_count += 1
                        if down_count >= m["resend"]:
                            down_count = 0
                            important = True
                    c.emit(t, hdr(t, "MONITOR", "WARN"), "failing", mid, m["name"], err, m["interval"],
                           m["type"], down_count, m["resend"])
                    status = "DOWN"
                    if important and m["notif"]:
                        tt = t + rng.randint(200, 1900) * MS
                        c.emit(tt, hdr(tt, "MONITOR", "ERROR"), "notifyfail", m["notif"])
            else:
                if status == "DOWN" and m["notif"]:
                    tt = t + rng.randint(200, 1900) * MS
                    c.emit(tt, hdr(tt, "MONITOR", "ERROR"), "notifyfail", m["notif"])
                status, retries, down_count, err = "UP", 0, 0, None
            t += step * SEC + rng.randint(2, 400) * MS

    def at(mins):
        return start + int(mins * MIN) + rng.randint(0, 59000) * MS

    # the admin's browser sessions: password login, then token re-logins on reconnect
    for mins, ip in [(8, admin_ips[0]), (118, admin_ips[0]), (203, admin_ips[1])]:
        t = at(mins)
        c.emit(t, hdr(t, "AUTH", "INFO"), "userpass", ip)
        t += rng.randint(80, 300) * MS
        c.emit(t, hdr(t, "AUTH", "INFO"), "loggedin", ip)
    for mins in [3, 26, 61, 88, 139, 177, 214, 231, 258, 284, 311, 337, 366, 391]:
        t = at(mins)
        ip = c.cycle("token", 0, admin_ips)
        c.emit(t, hdr(t, "AUTH", "INFO"), "token", ip)
    # a slow password-guessing run from two addresses
    guesses = [("admin", "45.148.10.92"), ("root", "45.148.10.92"), ("Admin", "45.148.10.92"),
               ("uptime", "185.220.101.47"), ("administrator", "185.220.101.47"), ("kuma", "45.148.10.92")]
    for i, (user, ip) in enumerate(guesses):
        t = at(150 + i * 3.5)
        c.emit(t, hdr(t, "AUTH", "INFO"), "userpass", ip)
        t += rng.randint(60, 250) * MS
        c.emit(t, hdr(t, "AUTH", "WARN"), "incorrect", user, ip)
    # management actions by the admin
    for mins, key, mid in [(9.5, "get", 2), (10.2, "get", 5), (57, "get", 3), (100, "pause", 5),
                           (108, "resume", 5), (119, "get", 3), (120, "pause", 3), (121, "added", 9),
                           (122.5, "get", 9), (128, "resume", 3), (140, "get", 6),
                           (204, "delete", 9), (205, "delete", 4), (206, "added", 10), (206.8, "added", 11),
                           (207.5, "get", 11), (208, "delete", 11), (225, "pause", 7), (235, "resume", 7)]:
        t = at(mins)
        c.emit(t, hdr(t, "MONITOR" if key == "added" else "MANAGE", "INFO"), key, mid)

    c.finish()
    return c


# ------------------------------------------------------------- Authentik --

def ak_key(prefix):
    return prefix[:30]


def gen_authentik():
    c = Corpus("Authentik", 3, r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z ", ak_key)
    rng = c.rng
    ev = c.event
    ev("req_user", '{"auth_via": "<*>", "domain_url": "<*>", "event": "<*>", "host": "<*>", "level": "info", '
                   '"logger": "authentik.asgi", "method": "<*>", "pid": <*>, "remote": "<*>", "request_id": "<*>", '
                   '"runtime": <*>, "schema_name": "public", "scheme": "https", "status": <*>, "timestamp": "<*>", '
                   '"user": "<*>", "user_agent": "<*>"}')
    ev("req_anon", '{"auth_via": "unauthenticated", "domain_url": "<*>", "event": "<*>", "host": "<*>", '
                   '"level": "info", "logger": "authentik.asgi", "method": "<*>", "pid": <*>, "remote": "<*>", '
                   '"request_id": "<*>", "runtime": <*>, "schema_name": "public", "scheme": "https", '
                   '"status": <*>, "timestamp": "<*>", "user_agent": "<*>"}')
    ev("static", '{"event":"<*>","host":"<*>","level":"info","logger":"authentik.router","method":"GET",'
                 '"remote":"<*>","runtime":"<*>","scheme":"https","size":<*>,"status":<*>,"timestamp":"<*>",'
                 '"user_agent":"<*>"}')
    ev("ev_login", '{"action": "login", "app": "authentik.events.signals", "client_ip": "<*>", '
                   '"context": {"auth_method": "<*>", "http_request": {"args": {}, "method": "POST", '
                   '"path": "/api/v3/flows/executor/default-authentication-flow/"}}, "event": "Created Event", '
                   '"level": "info", "logger": "authentik.events.models", "pid": <*>, "request_id": "<*>", '
                   '"timestamp": "<*>", "user": {"email": "<*>", "pk": <*>, "username": "<*>"}}')
    ev("ev_failed", '{"action": "login_failed", "app": "authentik.events.signals", "client_ip": "<*>", '
                    '"context": {"stage": {"app": "authentik_stages_password", "model_name": "passwordstage", '
                    '"name": "default-authentication-password", "pk": "6f1c7e0a-3b52-4d8e-9a41-0c2b7d5e9f13"}, '
                    '"username": "<*>"}, "event": "Created Event", "level": "info", '
                    '"logger": "authentik.events.models", "pid": <*>, "request_id": "<*>", "timestamp": "<*>", '
                    '"user": {"pk": 1, "username": "AnonymousUser"}}')
    ev("ev_logout", '{"action": "logout", "app": "authentik.events.signals", "client_ip": "<*>", '
                    '"context": {"http_request": {"args": {}, "method": "GET", '
                    '"path": "/if/flow/default-invalidation-flow/"}}, "event": "Created Event", "level": "info", '
                    '"logger": "authentik.events.models", "pid": <*>, "request_id": "<*>", "timestamp": "<*>", '
                    '"user": {"email": "<*>", "pk": <*>, "username": "<*>"}}')
    ev("http", '{"event":"Starting HTTP server","level":"info","listen":"0.0.0.0:9000",'
               '"logger":"authentik.router","timestamp":"<*>"}')
    ev("https", '{"event":"Starting HTTPS server","level":"info","listen":"0.0.0.0:9443",'
                '"logger":"authentik.router","timestamp":"<*>"}')
    ev("worker", '{"event": "Booting worker with pid: <*>", "level": "info", "logger": "gunicorn.error", '
                 '"pid": <*>, "timestamp": "<*>"}')
    ev("pg_ok", '{"event": "PostgreSQL connection successful", "level": "info", "logger": "__main__", '
                '"pid": <*>, "timestamp": "<*>"}')
    ev("redis_ok", '{"event": "Redis Connection successful", "level": "info", "logger": "__main__", '
                   '"pid": <*>, "timestamp": "<*>"}')
    ev("task_req", '{"event": "Task published", "level": "info", "logger": "authentik.root.celery", '
                   '"pid": <*>, "request_id": "<*>", "task_id": "<*>", "task_name": "<*>", "timestamp": "<*>"}')
    ev("proxy_fail", '{"error":"<*>","event":"failed to proxy to backend","level":"warning",'
                     '"logger":"authentik.router","timestamp":"<*>"}')
    ev("bootstrap", '{"event": "Finished authentik bootstrap", "level": "info", "logger": "__main__", '
                    '"pid": <*>, "timestamp": "<*>"}')
    ev("task_bare", '{"event": "Task published", "level": "info", "logger": "authentik.root.celery", '
                    '"pid": <*>, "task_id": "<*>", "task_name": "<*>", "timestamp": "<*>"}')

    def hdr(t):
        d, ns = civil(t)
        return "%sZ " % (iso_s(t) + ".%09d" % ns)

    def emit(t, key, *vals):
        # Docker stamps the line a little after the program wrote it (sub-millisecond jitter)
        t += rng.randint(1000, 999999)
        c.emit(t, hdr(t), key, *vals)

    def py_ts(t):
        t2 = t - rng.randint(40, 900) * 1000
        d, ns = civil(t2)
        return iso_s(t2) + ".%06d" % (ns // 1000)

    def go_ts(t):
        return iso_s(t - rng.randint(30, 600) * 1000) + "Z"

    domains = ["auth.example.com", "sso.example.org"]
    browsers = [
        "Mozilla/5.0 (X11; Linux x86_64; rv:138.0) Gecko/20100101 Firefox/138.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Safari/605.1.15",
    ]
    users = [("akadmin", "admin@example.com", 4), ("alice", "alice@example.com", 12),
             ("bob.nakamura", "bob.nakamura@corp.example.com", 15), ("chen", "chen@example.com", 21),
             ("d.okafor", "d.okafor@example.org", 33)]
    outposts = [("ak-outpost-5a8f0c2e3b1d4e6f9a7b0c1d2e3f4a5b", "10.89.0.14",
                 "goauthentik.io/outpost/2026.2.1 (provider=ldap)", domains[0]),
                ("ak-outpost-c0ffee11d2e34f5a", "10.89.0.15",
                 "goauthentik.io/outpost/2026.2.1 (provider=proxy)", domains[1])]
    statics = [("/static/dist/flow.js", 412733), ("/static/dist/poly.js", 97118),
               ("/static/dist/styles/authentik.css", 61250), ("/static/dist/assets/icons/icon_left_brand.svg", 4820),
               ("/static/dist/user/UserInterface.js", 1288811), ("/static/dist/assets/fonts/RedHatText/RedHatText-Regular.woff2", 31440),
               ("/static/dist/custom.css", 0)]
    flow_api = "/api/v3/flows/executor/default-authentication-flow/?query=next%3D%252Fif%252Fuser%252F"
    user_api = ["/api/v3/core/users/me/", "/api/v3/core/brands/current/",
                "/api/v3/core/applications/?ordering=name&page=1&page_size=100&superuser_full_list=false",
                "/api/v3/root/config/", "/if/user/", "/api/v3/events/notifications/?ordering=-created&page=1&page_size=1&seen=false&user=12",
                "/api/v3/core/user_consent/?page=1&page_size=20&user=12"]
    admin_api = ["/if/admin/", "/api/v3/admin/system/", "/api/v3/admin/version/",
                 "/api/v3/events/events/?ordering=-created&page=1&page_size=20&search=",
                 "/api/v3/outposts/instances/?ordering=name&page=1&page_size=20",
                 "/api/v3/core/users/?include_groups=true&ordering=username&page=1&page_size=20"]
    admin_writes = [("PATCH", "/api/v3/core/users/15/", 200), ("POST", "/api/v3/core/groups/", 201),
                    ("DELETE", "/api/v3/core/tokens/ci-deploy-token/", 204),
                    ("PUT", "/api/v3/providers/oauth2/3/", 200),
                    ("POST", "/api/v3/core/users/21/set_password/", 204),
                    ("PATCH", "/api/v3/flows/instances/default-authentication-flow/", 400)]
    tasks = ["authentik.events.tasks.event_notification_handler",
             "authentik.events.tasks.event_trigger_handler",
             "authentik.core.tasks.clean_expired_models",
             "authentik.blueprints.v1.tasks.blueprints_discovery",
             "authentik.outposts.tasks.outpost_post_save"]

    start = DAY0 + 9 * HOUR + 2 * MIN
    boots = [start, start + 31 * MIN, start + 63 * MIN]
    end = start + 120 * MIN
    boot_pids = [(8, (27, 28)), (9, (29, 30)), (8, (31, 32))]
    ready = []  # (ready_time, worker pids)

    for bi, bt in enumerate(boots):
        p0, wp = boot_pids[bi]
        t = bt + rng.randint(300, 900) * MS
        emit(t, "pg_ok", p0, py_ts(t))
        t += rng.randint(20, 90) * MS
        emit(t, "redis_ok", p0, py_ts(t))
        t += rng.randint(30, 200) * MS
        emit(t, "bootstrap", p0, py_ts(t))
        t += rng.randint(400, 900) * MS
        emit(t, "http", go_ts(t))
        t += rng.randint(1, 4) * MS
        emit(t, "https", go_ts(t))
        proxy_errs = ["dial unix /dev/shm/authentik-core.sock: connect: no such file or directory",
                      "dial unix /dev/shm/authentik-core.sock: connect: connection refused"]
        for j in range(2 if bi != 1 else 1):
            t += rng.randint(600, 2500) * MS
            emit(t, "proxy_fail", c.cycle("proxy_fail", 0, proxy_errs), go_ts(t))
        t += rng.randint(3000, 6000) * MS
        for w in wp:
            t += rng.randint(5, 60) * MS
            emit(t, "worker", w, w, py_ts(t))
        t += rng.randint(2000, 4000) * MS
        for name in (tasks[3], tasks[2]):
            t += rng.randint(5, 90) * MS
            emit(t, "task_bare", wp[0], uuid4(rng), name, py_ts(t))
        ready.append((t, wp))

    def workers_at(t):
        cur = ready[0][1]
        for rt, wp in ready:
            if rt <= t:
                cur = wp
        return cur

    def up(t):
        # server is answering unless inside a restart gap
        for i, bt in enumerate(boots):
            if bt - 20 * SEC <= t <= ready[i][0]:
                return False
        return True

    def anon(t, dom, path, method, status, ip, ua, rid=None, runtime=None):
        if not up(t):
            return
        emit(t, "req_anon", dom, path, dom, method, rng.choice(workers_at(t)), ip,
               rid or hexid(rng, 32), runtime or rng.randint(6, 140), status, py_ts(t), ua)

    def authed(t, via, dom, path, method, status, ip, user, ua):
        if not up(t):
            return
        emit(t, "req_user", via, dom, path, dom, method, rng.choice(workers_at(t)), ip,
               hexid(rng, 32), rng.choice([rng.randint(4, 40), rng.randint(40, 400), rng.randint(900, 2600)]),
               status, py_ts(t), user, ua)

    def static(t, dom, ip, ua, n):
        for path, size in rng.sample(statics, n):
            t += rng.randint(3, 120) * MS
            st = 304 if rng.random() < 0.3 else 200
            emit(t, "static", path, dom, ip, "%.3f" % rng.uniform(0.05, 9.0),
                   0 if st == 304 else size, st, go_ts(t), ua)
        return t

    # outposts poll the API with their tokens
    for name, ip, ua, dom in outposts:
        t = start + rng.randint(5, 60) * SEC
        while t < end:
            path = c.cycle("req_user", 2, ["/api/v3/outposts/instances/?managed__iexact=goauthentik.io%2Foutposts%2Fembedded",
                                           "/api/v3/core/brands/current/", "/api/v3/root/config/",
                                           "/api/v3/outposts/ldap/?page=1&page_size=20"
                                           if "ldap" in ua else "/api/v3/outposts/proxy/?page=1&page_size=20"])
            authed(t, "token", dom, path, "GET", 200, ip, name, ua)
            t += gap(rng, 150)

    # background noise from scanners
    probes = [("/.env", 404), ("/wp-login.php", 404), ("/api/v3/core/users/", 403),
              ("/.git/config", 404), ("/actuator/health", 404), ("/api/v3/admin/system/", 403)]
    t = start + 4 * MIN
    for k in range(9):
        t += gap(rng, 700)
        path, st = probes[k % len(probes)]
        anon(t, domains[k % 2], path, "GET", st, c.cycle("probe", 0, ["45.148.10.92", "185.220.101.47", "162.243.12.9"]),
             c.cycle("probe", 1, ["Mozilla/5.0 zgrab/0.x", "curl/8.5.0", "python-requests/2.32.3"]))

    # interactive sessions
    ips = ["198.51.100.23", "203.0.113.140", "192.0.2.61", "2001:db8:4:12::1b", "198.51.100.7", "100.64.12.9"]
    sessions = []
    tt = start + 2 * MIN
    while tt < end - 10 * MIN:
        sessions.append(tt)
        tt += gap(rng, 500)
    for si, t in enumerate(sessions):
        user, email, pk = users[si % len(users)] if si % 4 != 3 else c.cycle("users", 0, users)
        dom = domains[0] if si % 3 else domains[1]
        ip = ips[si % len(ips)]
        ua = browsers[si % len(browsers)]
        if si % 2 == 0:
            anon(t, dom, "/", "GET", 302, ip, ua)
            t += rng.randint(30, 200) * MS
        anon(t, dom, "/if/flow/default-authentication-flow/?next=%2F", "GET", 200, ip, ua)
        t = static(t, dom, ip, ua, rng.randint(2, 4))
        t += rng.randint(100, 600) * MS
        anon(t, dom, flow_api, "GET", 200, ip, ua)
        t += rng.randint(3, 12) * SEC
        anon(t, dom, flow_api, "POST", 200, ip, ua)
        fails = 1 if si % 5 == 2 else (2 if si % 7 == 4 else 0)
        for _ in range(fails):
            t += rng.randint(4, 15) * SEC
            if up(t):
                rid = hexid(rng, 32)
                emit(t, "ev_failed", ip, c.cycle("ev_failed", 1, [user, email]),
                       rng.choice(workers_at(t)), rid, py_ts(t))
                anon(t + rng.randint(5, 30) * MS, dom, flow_api, "POST", 200, ip, ua, rid=rid,
                     runtime=rng.randint(300, 900))
        if si % 9 == 8:
            continue  # gave up
        t += rng.randint(4, 15) * SEC
        if not up(t):
            continue
        rid = hexid(rng, 32)
        pid = rng.choice(workers_at(t))
        emit(t, "ev_login", ip, c.cycle("ev_login", 1, ["password", "password", "auth_webauthn_pwl"]),
               pid, rid, py_ts(t), email, pk, user)
        t += rng.randint(5, 40) * MS
        emit(t, "task_req", pid, rid, uuid4(rng),
               c.cycle("task_req", 3, [tasks[0], tasks[1], tasks[0], tasks[4]]), py_ts(t))
        anon(t + rng.randint(5, 40) * MS, dom, flow_api, "POST", 200, ip, ua, rid=rid,
             runtime=rng.randint(200, 700))
        t += rng.randint(400, 1500) * MS
        pages = admin_api if user == "akadmin" else user_api
        for path in rng.sample(pages, rng.randint(2, 5)):
            t += rng.randint(1, 40) * SEC if rng.random() < 0.4 else rng.randint(40, 400) * MS
            authed(t, "session", dom, path, "GET", 200, ip, user, ua)
        if user == "akadmin":
            for method, path, status in rng.sample(admin_writes, 2):
                t += rng.randint(5, 60) * SEC
                authed(t, "session", dom, path, method, status, ip, user, ua)
        if si % 3 != 1:
            t += rng.randint(30, 400) * SEC
            if up(t):
                rid = hexid(rng, 32)
                pid = rng.choice(workers_at(t))
                emit(t, "ev_logout", ip, pid, rid, py_ts(t), email, pk, user)
                emit(t + 7 * MS, "req_user", "session", dom,
                       "/if/flow/default-invalidation-flow/", dom, "GET", pid, ip, rid,
                       rng.randint(20, 90), 302, py_ts(t + 7 * MS), user, ua)
    c.finish()
    return c


# --------------------------------------------------------------- Netdata --

def nd_key(prefix):
    return prefix[:19]


def gen_netdata():
    c = Corpus("Netdata", 4,
               r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}: (?:(?:netdata|apps\.plugin) (?:INFO |ERROR|FATAL) : \S+ : "
               r"|go\.d (?:INFO|WARNING|ERROR): [a-z0-9_]+\[[^\]]+\] )",
               nd_key)
    rng = c.rng
    ev = c.event
    ev("cg_limit", "Cannot refresh cgroup <*> cpu limit by reading '<*>'. Will not update its limit anymore.")
    ev("cg_limit_errno", "Cannot refresh cgroup <*> cpu limit by reading '<*>'. Will not update its limit anymore. (errno <*>, <*>)")
    ev("procfile", "PROCFILE: Cannot open file '<*>' (errno <*>, <*>)")
    ev("health", "HEALTH: alert '<*>' on chart '<*>' of host '<*>' transitioned from <*> to <*> (value <*>)")
    ev("stream_hello", "STREAM <*> [receive from [<*>]:<*>]: client willing to stream metrics for host '<*>' "
                       "with machine_guid '<*>': update every = <*>, history = <*>, memory mode = <*>, "
                       "health <*>, tags '<*>'")
    ev("stream_bye", "STREAM <*> [receive from [<*>]:<*>]: disconnected (completed <*> updates).")
    ev("stream_thread", "STREAM <*> [receive from [<*>]:<*>]: receive thread created (task id <*>)")
    ev("pluginsd", "'<*>' (pid <*>) exited with error code <*> and haven't collected any data. Disabling it.")
    ev("sigterm", "SIGNAL: Received SIGTERM. Cleaning up to exit...")
    ev("sigusr2", "SIGNAL: Received SIGUSR2. Reloading HEALTH configuration...")
    ev("apps_fd", "Cannot process /proc/<*>/fd (command '<*>') (errno <*>, <*>)")
    ev("god_ok", "check success")
    ev("god_get", "Get \"<*>\": <*>")
    ev("god_fail", "check failed")

    def nd(prog, level, thread):
        return lambda t: "%s: %s %-5s : %s : " % (ymd_hms(t), prog, level, thread)

    def god(level, module, job):
        return lambda t: "%s: go.d %s: %s[%s] " % (ymd_hms(t), level, module, job)

    cgroups = [
        ("/system.slice/docker-3f9c1ab27d0e5b4c8a6f7e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b.scope",
         "/sys/fs/cgroup/cpu,cpuacct/system.slice/docker-3f9c1ab27d0e5b4c8a6f7e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b.scope/cpu.cfs_quota_us"),
        ("/machine.slice/libpod-9a1b2c3d.scope", "/sys/fs/cgroup/cpu,cpuacct/machine.slice/libpod-9a1b2c3d.scope/cpu.cfs_period_us"),
        ("/lxc/ci-runner-2", "/sys/fs/cgroup/cpu,cpuacct/lxc/ci-runner-2/cpu.cfs_quota_us"),
        ("/system.slice/postgresql@16-main.service", "/sys/fs/cgroup/system.slice/postgresql@16-main.service/cpu.max"),
        ("/kubepods/burstable/pod4e1f0c2a-7b3d-4f59-8e60-2a1d9c3b7e45/0d2c", "/sys/fs/cgroup/kubepods/burstable/pod4e1f0c2a-7b3d-4f59-8e60-2a1d9c3b7e45/0d2c/cpu.max"),
        ("/user.slice", "/sys/fs/cgroup/user.slice/cpu.max"),
    ]
    errnos = [("2", "No such file or directory"), ("13", "Permission denied"), ("22", "Invalid argument"),
              ("24", "Too many open files")]
    units = []
    for _ in range(70):
        cg, path = rng.choice(cgroups)
        units.append([(0, nd("netdata", "ERROR", "PLUGIN[cgroups]"), "cg_limit", (cg, path))])
    for _ in range(12):
        cg, path = rng.choice(cgroups)
        e = c.cycle("cg_limit_errno", 2, errnos[:3])
        units.append([(0, nd("netdata", "ERROR", "PLUGIN[cgroups]"), "cg_limit_errno", (cg, path) + e)])
    procs = ["/proc/net/rpc/nfsd", "/proc/spl/kstat/zfs/arcstats", "/proc/net/snmp6", "/proc/pressure/irq",
             "/sys/kernel/mm/ksm/pages_shared", "/proc/net/ip_vs_stats",
             "/sys/class/power_supply/BAT0/capacity"]
    for _ in range(30):
        e = c.cycle("procfile", 1, [errnos[0], errnos[0], errnos[1], errnos[0]])
        units.append([(0, nd("netdata", "ERROR", "PLUGIN[proc]"), "procfile", (rng.choice(procs),) + e)])
    alerts = [("ram_in_use", "system.ram", ["80.4%", "91.7%", "95.2%", "62.0%"]),
              ("10min_cpu_usage", "system.cpu", ["85.3%", "97.1%", "12.9%"]),
              ("disk_space_usage", "disk_space./var/lib/docker", ["90.01%", "98.6%", "79.9%"]),
              ("1m_tcp_syn_queue_drops", "ip.tcp_syn_queue", ["1.2 drops/s", "0 drops/s"]),
              ("web_log_1m_unmatched", "web_log_nginx.excluded_requests", ["27.3%", "0%"]),
              ("load_average_15", "system.load", ["16.2", "4.07"])]
    trans = [("CLEAR", "WARNING"), ("WARNING", "CRITICAL"), ("CRITICAL", "WARNING"), ("WARNING", "CLEAR"),
             ("UNDEFINED", "CLEAR"), ("CLEAR", "CRITICAL")]
    nodes = ["web-01", "web-02", "db-primary.internal", "edge-fra-3"]
    for i in range(35):
        a, chart, vals = rng.choice(alerts)
        fr, to = trans[i % len(trans)] if i < 12 else rng.choice(trans)
        units.append([(0, nd("netdata", "INFO ", "HEALTH"), "health",
                       (a, chart, rng.choice(nodes), fr, to, rng.choice(vals)))])
    children = [("web-02", "10.0.0.12"), ("db-primary.internal", "10.0.0.30"), ("edge-fra-3", "172.16.5.3"),
                ("k8s-worker-b-7f6c9", "10.42.1.17")]
    guids = {h: uuid4(rng) for h, _ in children}
    stream_cfg = {"web-02": ("1", "3600", "dbengine", "auto", "type=web env=prod"),
                  "db-primary.internal": ("1", "86400", "dbengine", "enabled", "role=db"),
                  "edge-fra-3": ("2", "3996", "ram", "disabled", "dc=fra,rack=3"),
                  "k8s-worker-b-7f6c9": ("1", "3600", "dbengine", "auto", "k8s_cluster_id=prod-b")}
    for i in range(20):
        h, ip = children[i % len(children)]
        port = str(rng.randint(33000, 60000))
        thr = "STREAM_RECEIVER[%s,[%s]:%s]" % (h, ip, port)
        hello = (h, ip, port, h, guids[h]) + stream_cfg[h]
        units.append([(0, nd("netdata", "INFO ", thr), "stream_thread", (h, ip, port, str(rng.randint(10, 900)))),
                      (rng.randint(2, 40) * MS, nd("netdata", "INFO ", thr), "stream_hello", hello)])
    for i in range(18):
        h, ip = children[(i + 1) % len(children)]
        port = str(rng.randint(33000, 60000))
        thr = "STREAM_RECEIVER[%s,[%s]:%s]" % (h, ip, port)
        units.append([(0, nd("netdata", "ERROR", thr), "stream_bye",
                       (h, ip, port, str(rng.choice([rng.randint(3, 90), rng.randint(1000, 250000)]))))])
    plugins = [("go.d", "/usr/libexec/netdata/plugins.d/go.d.plugin"),
               ("charts.d", "/usr/libexec/netdata/plugins.d/charts.d.plugin"),
               ("python.d", "/usr/libexec/netdata/plugins.d/python.d.plugin"),
               ("ioping", "/usr/libexec/netdata/plugins.d/ioping.plugin")]
    for i in range(6):
        name, path = plugins[i % len(plugins)]
        units.append([(0, nd("netdata", "ERROR", "PLUGINSD[%s]" % name), "pluginsd",
                       (path, str(rng.randint(2000, 90000)), c.cycle("pluginsd", 2, ["1", "1", "2", "127"])))])
    for _ in range(3):
        units.append([(0, nd("netdata", "INFO ", "MAIN"), "sigterm", ())])
    for _ in range(4):
        units.append([(0, nd("netdata", "INFO ", "MAIN"), "sigusr2", ())])
    cmds = [("1", "systemd"), ("812", "dockerd"), ("2231", "containerd-shim"), ("14077", "postgres"),
            ("991", "sshd"), ("31502", "java")]
    for _ in range(25):
        pid, cmd = rng.choice(cmds)
        e = c.cycle("apps_fd", 2, [errnos[1], errnos[1], errnos[0]])
        units.append([(0, nd("apps.plugin", "ERROR", "MAIN"), "apps_fd", (pid, cmd) + e)])
    jobs = [("prometheus", "node_exporter"), ("nginx", "local"), ("postgres", "local"),
            ("httpcheck", "api_health"), ("docker", "local"), ("redis", "cache_3"),
            ("web_log", "nginx"), ("ping", "gateway")]
    for _ in range(35):
        m, j = rng.choice(jobs)
        units.append([(0, god("INFO", m, j), "god_ok", ())])
    urls = [("httpcheck", "api_health", "http://10.0.0.4:8080/health",
             "dial tcp 10.0.0.4:8080: connect: connection refused"),
            ("prometheus", "node_exporter", "http://127.0.0.1:9100/metrics",
             "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"),
            ("nginx", "local", "http://127.0.0.1/stub_status", "EOF"),
            ("prometheus", "cadvisor", "http://cadvisor.monitoring.svc.cluster.local:8080/metrics",
             "dial tcp: lookup cadvisor.monitoring.svc.cluster.local on 127.0.0.53:53: no such host")]
    for i in range(14):
        m, j, u, err = urls[i % len(urls)]
        units.append([(0, god("ERROR", m, j), "god_get", (u, err))])
    for i in range(8):
        m, j = c.cycle("god_fail", 0, [("httpcheck", "api_health"), ("prometheus", "node_exporter"),
                                        ("nginx", "local"), ("prometheus", "cadvisor")])
        units.append([(0, god("ERROR", m, j), "god_fail", ())])
    shuffle_stamp(c, units, DAY0 + 3 * HOUR + 51 * MIN, 31.0)
    c.finish()
    return c


# -------------------------------------------------------------- Postgrey --

def syslog_key(prefix):
    m = re.match(r"([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2})", prefix)
    return (MONTHS.index(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4)), int(m.group(5)))


def gen_postgrey():
    c = Corpus("Postgrey", 5,
               r"[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} [a-z0-9.-]+ postgrey\[\d+\]: ", syslog_key)
    rng = c.rng
    ev = c.event
    tail = "client_name=<*>, client_address=<*>, sender=<*>, recipient=<*>"
    ev("new", "action=greylist, reason=new, " + tail)
    ev("found", "action=pass, reason=triplet found, delay=<*>, " + tail)
    ev("early", "action=greylist, reason=early-retry (<*> missing), " + tail)
    ev("wl_client", "action=pass, reason=client whitelist, " + tail)
    ev("wl_rcpt", "action=pass, reason=recipient whitelist, " + tail)
    ev("awl", "action=pass, reason=client AWL, " + tail)
    ev("whitelisted", "whitelisted: <*>[<*>]")
    ev("new_null", "action=greylist, reason=new, client_name=<*>, client_address=<*>, sender=, recipient=<*>")
    ev("clean", "cleaning up old entries...")
    ev("clean_main", "cleaning main database finished. before: <*>, after: <*>")
    ev("clean_clients", "cleaning clients database finished. before: <*>, after: <*>")
    ev("starting", "<*> postgrey (type Net::Server::Multiplex) starting! pid(<*>)")
    ev("binding", "Binding to TCP port 10023 on host <*> with IPv4")
    ev("gid", "Setting gid to \"<*> <*>\"")
    ev("uid", "Setting uid to \"<*>\"")

    hosts = {"mx1": dict(pids=[1432, 28811, 30977], bind="127.0.0.1", gid="113", uid="106", db=5210, cl=388),
             "mx2": dict(pids=[1398, 22046], bind="10.0.0.25", gid="117", uid="109", db=3877, cl=251)}
    state = {h: dict(awl={}, wl=set(), triplets={}) for h in hosts}
    start = DAY0
    end = start + 46 * HOUR
    pid_from = {h: [(0, hosts[h]["pids"][0])] for h in hosts}

    def pid_at(t, h):
        return [p for since, p in pid_from[h] if since <= t][-1]

    def hdr(t, h):
        return "%s %s postgrey[%d]: " % (syslog_ts(t), h, pid_at(t, h))

    # restarts and maintenance are scheduled events; mail is simulated in between
    sched = []
    for h, off in (("mx1", 4 * HOUR + 10 * MIN), ("mx2", 5 * HOUR + 41 * MIN)):
        for d in range(2):
            sched.append((start + d * 24 * HOUR + off + rng.randint(0, 50) * SEC, "clean", h))
    for h, at in (("mx1", 10 * HOUR + 2 * MIN), ("mx2", 26 * HOUR + 17 * MIN), ("mx1", 38 * HOUR + 45 * MIN)):
        sched.append((start + at + rng.randint(0, 59) * SEC, "restart", h))
        pid_from[h].append((sched[-1][0], hosts[h]["pids"][len(pid_from[h])]))

    def do_sched(t, kind, h):
        hh = hosts[h]
        if kind == "clean":
            c.emit(t, hdr(t, h), "clean")
            t += rng.randint(200, 2500) * MS
            before = hh["db"] + rng.randint(0, 400)
            after = before - rng.randint(60, 700)
            hh["db"] = after
            c.emit(t, hdr(t, h), "clean_main", before, after)
            t += rng.randint(10, 300) * MS
            cb = hh["cl"] + rng.randint(0, 30)
            ca = cb - rng.randint(0, 9)
            hh["cl"] = ca
            c.emit(t, hdr(t, h), "clean_clients", cb, ca)
        else:
            d, _ = civil(t)
            stamp = "%04d/%02d/%02d-%02d:%02d:%02d" % (d.year, d.month, d.day, d.hour, d.minute, d.second)
            c.emit(t, hdr(t, h), "starting", stamp, pid_at(t, h))
            t += rng.randint(1, 30) * MS
            c.emit(t, hdr(t, h), "binding", hh["bind"])
            t += rng.randint(1, 10) * MS
            c.emit(t, hdr(t, h), "gid", hh["gid"], hh["gid"])
            t += rng.randint(1, 10) * MS
            c.emit(t, hdr(t, h), "uid", hh["uid"])

    for t, kind, h in sched:
        do_sched(t, kind, h)

    big = [("mail-wr1-f54.google.com", "209.85.221.54"), ("mail-ej1-f48.google.com", "209.85.218.48"),
           ("mail-am6eur05on2071.outbound.protection.outlook.com", "40.107.22.71"),
           ("a27-19.smtp-out.eu-west-1.amazonses.com", "54.240.27.19")]
    legit = [("mx.smallbiz.example", "198.51.100.25",
              ["prvs=0123abcd5=billing@smallbiz.example", "office@smallbiz.example"]),
             ("mail.uni-example.de", "192.0.2.114", ["noreply@uni-example.de", "m.schulz@uni-example.de"]),
             ("smtp-out.newsletters.example.net", "203.0.113.58", ["newsletter@newsletters.example.net"]),
             ("o1.email.examplemail.com", "198.51.100.201",
              ["bounces+12345-abcd-bob=example.org@em123.sendgrid.net",
               "bounces+12345-9f3e-carol.jones=example.org@em123.sendgrid.net"]),
             ("unknown", "192.0.2.77", ["alice@example.net"]),
             ("mta7.lists.example.org", "203.0.113.9", ["root@mta7.lists.example.org", "dev-bounces@lists.example.org"]),
             ("mail.example-shop.co.uk", "198.51.100.66", ["j@example-shop.co.uk", "orders@example-shop.co.uk"]),
             ("relay.forwarder.example.net", "203.0.113.201",
              ["SRS0=AbCd=XY=example.com=carol@forwarder.example.net", "SRS0=9kLm=XZ=uni-example.de=x@forwarder.example.net"])]
    bots = [("unknown", "45.95.169.20"), ("123-45-67-89.dyn.example-isp.net", "123.45.67.89"),
            ("host-91-203-4-17.static.example.ru", "91.203.4.17"), ("unknown", "185.234.219.8"),
            ("ip-77-90-185-2.pool.example.com", "77.90.185.2")]
    gmail_senders = ["someone@gmail.example", "k.ito@outlook.example", "receipts@amazon.example"]
    spam_senders = ["admin@paypal-secure-login.example", "xk3@qq.example.com", "info@example.org",
                    "sales.manager.international.trading@bulk-supplier-offers.example"]
    rcpts = ["bob@example.org", "carol.jones@example.org", "sales@example.org", "it-helpdesk@mail.example.org",
             "dev@example.org", "k@example.org"]
    special = ["postmaster@example.org", "abuse@example.org", "postmaster@mail.example.org"]

    # mail arrivals: a retry queue per host (legitimate MTAs retry, bots do not)
    retries = []  # (t, host, client, sender, rcpt, first_seen)
    t = start + rng.randint(10, 200) * SEC
    while t < end:
        h = "mx1" if rng.random() < 0.6 else "mx2"
        st = state[h]
        r = rng.random()
        if r < 0.18:
            cl = rng.choice(big)
            c.emit(t, hdr(t, h), "wl_client", cl[0], cl[1], rng.choice(gmail_senders),
                   rng.choice(rcpts))
        elif r < 0.25:
            cl = rng.choice(legit + bots)
            snd = rng.choice(cl[2]) if len(cl) > 2 else rng.choice(spam_senders)
            c.emit(t, hdr(t, h), "wl_rcpt", cl[0], cl[1], snd, rng.choice(special))
        elif r < 0.33:
            cl = rng.choice(bots + legit[:2])
            c.emit(t, hdr(t, h), "new_null", cl[0], cl[1], rng.choice(rcpts))
        elif r < 0.55:
            cl = rng.choice(bots)
            c.emit(t, hdr(t, h), "new", cl[0], cl[1], rng.choice(spam_senders), rng.choice(rcpts))
        else:
            cl = rng.choice(legit)
            snd = rng.choice(cl[2])
            rc = rng.choice(rcpts)
            if cl[:2] in st["wl"]:
                c.emit(t, hdr(t, h), "awl", cl[0], cl[1], snd, rc)
            else:
                trip = (cl[:2], snd, rc)
                if trip not in st["triplets"]:
                    st["triplets"][trip] = t
                    c.emit(t, hdr(t, h), "new", cl[0], cl[1], snd, rc)
                    first = t + rng.choice([rng.randint(55, 240), rng.randint(300, 1200),
                                            rng.randint(300, 900)]) * SEC
                    retries.append((first, h, trip))
        t += gap(rng, 720)
        # process due retries in time order
        retries.sort()
        while retries and retries[0][0] <= t:
            rt, rh, trip = retries.pop(0)
            rst = state[rh]
            cl, snd, rc = trip
            cl = cl[:2]
            waited = (rt - rst["triplets"][trip]) // SEC
            if waited < 300:
                c.emit(rt, hdr(rt, rh), "early", "%ds" % (300 - waited), cl[0], cl[1], snd, rc)
                retries.append((rt + rng.randint(240, 900) * SEC, rh, trip))
                continue
            c.emit(rt, hdr(rt, rh), "found", waited, cl[0], cl[1], snd, rc)
            del rst["triplets"][trip]
            rst["awl"][cl] = rst["awl"].get(cl, 0) + 1
            if rst["awl"][cl] >= 3 and cl not in rst["wl"]:
                rst["wl"].add(cl)
                c.emit(rt + rng.randint(1, 5) * MS, hdr(rt, rh), "whitelisted", cl[0], cl[1])
    c.finish()
    return c


# ---------------------------------------------------------------- Kanidm --

def gen_kanidm():
    c = Corpus("Kanidm", 6,
               r"[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} [a-z0-9.-]+ kanidmd\[\d+\]: "
               r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} (?:TRACE|DEBUG|INFO|WARN|ERROR) +"
               r"(?:(?:│  )*[┝┕]━ )?(?:\S \[[a-z.]+\]: +)?",
               syslog_key)
    rng = c.rng
    ev = c.event
    ev("request", "request [ <*> | <*> / 100.00% ] method: <*> | uri: <*> | version: HTTP/1.1")
    ev("h_auth", "handle_auth [ <*> | <*> ]")
    ev("h_whoami", "handle_whoami [ <*> | <*> ]")
    ev("h_oauth2", "handle_oauth2_token_exchange [ <*> | <*> ]")
    ev("latency", "| latency: <*> | status_code: <*>")
    ev("cred_ok", "Successful cred handling")
    ev("auth_init", "Initiating Authentication Session | username: <*> | issue: <*>")
    ev("cred_denied", "Credentials denied | reason: <*> | username: <*>")
    ev("bad_ident", "Invalid identity: <*>")
    ev("purge_ts", "purge_tombstones [ <*> | 100.00% ]")
    ev("purge_rc", "purge_recycled [ <*> | 100.00% ]")
    ev("ldap", "ldap_request [ <*> | 100.00% ] op: <*> | peer: <*>")
    ev("config", "Starting kanidm with configuration: address: <*>, domain: idm.example.com, ldap address: <*>, "
                 "origin: https://idm.example.com, admin bind path: <*>, thread count: <*>, dbpath: <*>, "
                 "max request size: 256144b, trust X-Forwarded-For: <*>, with TLS: true, online_backup: <*>")
    ev("perm_warn", "WARNING: permissions on <*> may not be secure. Should be readonly to running uid. "
                    "This could be a security risk ...")
    ev("ready", "ready to rumble! 🚀")

    hosts = {
        "idm1": dict(pids=[812, 4410], cfg=("[::]:8443", "[::]:3636", "/data/kanidmd.sock", "4", "/data/kanidm.db",
                                            "true", "enabled(path=/data/backups, schedule=00 22 * * *, versions=7)"),
                     conf="/data/server.toml"),
        "idm2": dict(pids=[790], cfg=("0.0.0.0:8443", "disabled", "/run/kanidmd/sock", "2",
                                      "/var/lib/private/kanidmd/kanidm.db", "false", "disabled"),
                     conf="/etc/kanidm/server.toml"),
    }
    pid_from = {h: [(0, hosts[h]["pids"][0])] for h in hosts}

    def pid_at(t, h):
        return [p for since, p in pid_from[h] if since <= t][-1]
    ZERO = "00000000-0000-0000-0000-000000000000"
    block = [0]

    def line(t, h, kopid, level, tree, icon_tag, key, *vals):
        head = "%s %s kanidmd[%d]: %s %-8s %s" % (syslog_ts(t), h, pid_at(t, h), kopid, level, tree)
        if icon_tag:
            head += "%s %s: " % icon_tag
            if key == "latency":
                head += " "
        c.emit(t, head, key, *vals, block=block[0])

    INFO = ("ｉ", "[info]")
    SEC_ACCESS = ("🔐", "[security.access]")
    REQ_ERR = ("🚨", "[request.error]")
    WARN = ("🚧", "[warn]")

    def startup(t, h, restart):
        block[0] += 1
        if restart:
            pid_from[h].append((t, hosts[h]["pids"][1]))
        line(t, h, ZERO, "INFO", "", INFO, "config", *hosts[h]["cfg"])
        t += rng.randint(1, 9) * MS
        line(t, h, ZERO, "WARN", "", WARN, "perm_warn", hosts[h]["conf"])
        t += rng.randint(400, 2600) * MS
        block[0] += 1
        line(t, h, ZERO, "INFO", "", INFO, "ready")

    def request(t, h, method, uri, child, events, status):
        """One request tree, printed when the root span closes."""
        block[0] += 1
        kop = uuid4(rng)
        if uri == "/status":
            total_us = rng.uniform(60, 700)
        else:
            total_us = rng.choice([rng.uniform(150, 900), rng.uniform(900, 9000), rng.uniform(9000, 240000)])
        lines = []
        if child:
            child_us = total_us * rng.uniform(0.25, 0.9)
            pct_child = 100.0 * child_us / total_us
            self_pct = 100.0 - pct_child
            lines.append(("INFO", "┝━ ", None, child, fmt_us(child_us), "%.2f%%" % pct_child))
            for i, (lvl, tag, key, vals) in enumerate(events):
                glyph = "│  ┕━ " if i == len(events) - 1 else "│  ┝━ "
                lines.append((lvl, glyph, tag, key) + tuple(vals))
        else:
            self_pct = 100.0 * rng.uniform(0.55, 0.97)
        line(t, h, kop, "INFO", "", None, "request", fmt_us(total_us), "%.2f%%" % self_pct, method, uri)
        for ln in lines:
            line(t, h, kop, ln[0], ln[1], ln[2], *ln[3:])
        line(t, h, kop, "INFO", "┕━ ", INFO, "latency", fmt_us(total_us * rng.uniform(1.0, 1.08)), status)

    def single(t, h, key, *vals):
        block[0] += 1
        line(t, h, uuid4(rng), "INFO", "", None, key, *vals)

    start = DAY0 + 13 * HOUR + 20 * MIN
    end = start + 150 * MIN
    startup(start + rng.randint(0, 900) * MS, "idm1", False)
    startup(start + 7 * SEC + rng.randint(0, 900) * MS, "idm2", False)
    restart_at = start + 71 * MIN + 13 * SEC
    down = (restart_at - 4 * SEC, restart_at + 4 * SEC)
    startup(restart_at, "idm1", True)

    def alive(t, h):
        return not (h == "idm1" and down[0] <= t <= down[1])

    # load-balancer health checks
    for h in hosts:
        t = start + 20 * SEC + rng.randint(0, 60000) * MS
        while t < end:
            if alive(t, h):
                request(t, h, "GET", "/status", None, [], 200)
            t += 600 * SEC + rng.randint(-2000, 2000) * MS
    # background purges
    for h in hosts:
        t = start + rng.randint(60, 300) * SEC
        while t < end:
            if alive(t, h):
                single(t, h, "purge_ts", dur(rng, 300, 40000)[1])
                single(t + rng.randint(20, 800) * MS, h, "purge_rc", dur(rng, 200, 9000)[1])
            t += 30 * MIN + rng.randint(0, 3000) * MS
    # LDAP service binds and searches
    peers = ["10.0.7.12", "10.0.7.13", "172.18.0.5"]
    t = start + 90 * SEC
    while t < end:
        h = rng.choice(["idm1", "idm2"])
        if alive(t, h):
            p = "%s:%d" % (rng.choice(peers), rng.randint(40000, 60999))
            single(t, h, "ldap", dur(rng, 90, 5000)[1], "bind", p)
            single(t + rng.randint(2, 40) * MS, h, "ldap", dur(rng, 300, 90000)[1], "search", p)
        t += gap(rng, 420)
    # people logging in, checking who they are, apps exchanging codes for tokens
    people = ["alice", "bob", "charlie.d", "admin", "idm_admin", "fiona.mcallister-jones"]
    t = start + 40 * SEC
    n = 0
    mean_flow = 400
    while t < end:
        h = "idm1" if n % 3 else "idm2"
        n += 1
        if not alive(t, h):
            t += gap(rng, mean_flow)
            continue
        who = people[n % len(people)] if n % 5 else c.cycle("auth_init", 0, people[::-1])
        issue = c.cycle("auth_init", 1, ["token", "cookie", "cookie"])
        request(t, h, "POST", "/v1/auth", "h_auth", [("INFO", INFO, "auth_init", (who, issue))], 200)
        t += rng.randint(2, 14) * SEC
        tries = 2 if n % 4 == 0 else 1
        ok = n % 11 != 7
        for k in range(tries):
            if k < tries - 1 or not ok:
                reason = c.cycle("cred_denied", 0, ["password incorrect", "totp code incorrect",
                                                    "password incorrect", "account expired"])
                request(t, h, "POST", "/v1/auth", "h_auth",
                        [("INFO", SEC_ACCESS, "cred_denied", (reason, who))], 401)
                t += rng.randint(3, 12) * SEC
            else:
                request(t, h, "POST", "/v1/auth", "h_auth", [("INFO", SEC_ACCESS, "cred_ok", ())], 200)
        if ok:
            t2 = t + rng.randint(1, 4) * SEC
            request(t2, h, "GET", c.cycle("request", 3, ["/v1/self", "/v1/self", "/ui/apps"]),
                    "h_whoami", [], 200)
            if n % 2:
                t2 += rng.randint(1, 3) * SEC
                request(t2, h, "POST", "/oauth2/token", "h_oauth2", [], 200)
            if n % 3 == 1:
                t3 = t2 + rng.randint(60, 400) * SEC
                if alive(t3, h):
                    reason = c.cycle("bad_ident", 0, ["SessionExpired", "NotAuthenticated", "SessionExpired",
                                                      "AccountInvalid"])
                    request(t3, h, "GET", "/v1/self", "h_whoami",
                            [("ERROR", REQ_ERR, "bad_ident", (reason,))], 401)
        t += gap(rng, mean_flow)

    def pad(t_last, k):
        t = t_last
        for i in range(k):
            t += gap(rng, 45)
            p = "%s:%d" % (rng.choice(peers), rng.randint(40000, 60999))
            single(t, rng.choice(["idm1", "idm2"]), "ldap", dur(rng, 90, 5000)[1], rng.choice(["bind", "search"]), p)

    c.finish(pad)
    return c


# ------------------------------------------------------------ self-check --

def load(c):
    d = os.path.join(HERE, c.name)
    with open(os.path.join(d, c.name + ".log"), encoding="utf-8", newline="") as f:
        raw = f.read()
    assert raw.endswith("\n"), c.name
    lines = raw[:-1].split("\n")
    with open(os.path.join(d, c.name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return lines, rows


def self_check(systems):
    sims = 0
    for c, simulated in systems:
        sims += simulated
        lines, rows = load(c)
        assert len(lines) == N_LINES, (c.name, len(lines))
        assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], c.name
        rows = rows[1:]
        assert len(rows) == N_LINES, (c.name, len(rows))
        hre = re.compile(c.header_re)
        prev = None
        tpl_of, groups, counts = {}, {}, {}
        order = []
        for i, (line, row) in enumerate(zip(lines, rows), 1):
            assert len(row) == 4, (c.name, i)
            lid, content, eid, tpl = row
            assert lid == str(i), (c.name, i, lid)
            assert content and content == content.strip(), (c.name, i)
            assert line.endswith(content), (c.name, i)
            prefix = line[:len(line) - len(content)]
            assert hre.fullmatch(prefix), (c.name, i, prefix)
            key = c.timekey(prefix)
            assert prev is None or key >= prev, (c.name, i, key, prev)
            prev = key
            assert re.fullmatch(r"E[1-9]\d*", eid), (c.name, i, eid)
            if eid in tpl_of:
                assert tpl_of[eid] == tpl, (c.name, eid)
            else:
                tpl_of[eid] = tpl
                order.append(eid)
            rx = "".join("(.+?)" if p == "<*>" else re.escape(p) for p in re.split(r"(<\*>)", tpl))
            m = re.fullmatch(rx, content)
            assert m, (c.name, i, tpl, content)
            g = groups.setdefault(eid, [set() for _ in m.groups()])
            for s, v in zip(g, m.groups()):
                s.add(v)
            counts[eid] = counts.get(eid, 0) + 1
        assert len(set(tpl_of.values())) == len(tpl_of), c.name
        ids = sorted(tpl_of, key=lambda e: int(e[1:]))
        assert ids == ["E%d" % k for k in range(1, len(ids) + 1)], (c.name, ids)
        assert [tpl_of[e] for e in ids] == c.templates, c.name
        for eid, gs in groups.items():
            for j, s in enumerate(gs):
                assert len(s) >= 2, (c.name, eid, j, s)
        n = [counts[e] for e in ids]
        assert 12 <= len(n) <= 15, (c.name, len(n))
        assert min(n) >= 3, (c.name, n)
        assert sum(1 for x in n if 3 <= x <= 10) >= 3, (c.name, n)
        assert max(n) >= 3 * statistics.median(n), (c.name, n, statistics.median(n))
        print("%s: %d event types, %s" % (c.name, len(ids), " ".join("%s=%d" % (e, counts[e]) for e in ids)))
    assert sims >= 3
    print("self-check passed")


def main():
    systems = [(gen_carbon(), False), (gen_uptimekuma(), True), (gen_authentik(), True),
               (gen_netdata(), False), (gen_postgrey(), True), (gen_kanidm(), True)]
    for c, _ in systems:
        c.write()
    self_check(systems)


if __name__ == "__main__":
    main()
