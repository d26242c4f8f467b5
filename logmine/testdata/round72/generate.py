#!/usr/bin/env python3
"""Round 72 blind labelled log corpus generator.

Standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270200; system k (1..6) uses random.Random(20270200 * 10 + k).
All time comes from an integer nanosecond clock on 2026-03-14 UTC.

Systems (k): 1 Tornado, 2 Sanic, 3 Aiohttp, 4 Twisted, 5 CherryPy, 6 Waitress.
Simulations: Aiohttp (client sessions), Waitress (connections + thread pool).
Seeded shuffles: Tornado, Sanic, Twisted, CherryPy.

Run:  python3 generate.py   (writes <System>/<System>.log and
      <System>/<System>.log_structured.csv next to this file, then self-checks)
"""
import base64
import csv
import datetime
import heapq
import math
import os
import random
import re
import statistics
import sys
from collections import deque

OUT = os.path.dirname(os.path.abspath(__file__))
BASE_SEED = 20270200
N_LINES = 300

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
SEC = 10 ** 9
MS = 10 ** 6
_EPOCH_ORD = datetime.date(1970, 1, 1).toordinal()
DAY0_NS = (datetime.date(2026, 3, 14).toordinal() - _EPOCH_ORD) * 86400 * SEC


def at(h, m, s, ms=0):
    """Nanosecond timestamp for 2026-03-14 h:m:s.ms UTC."""
    return DAY0_NS + ((h * 60 + m) * 60 + s) * SEC + ms * MS


def parts(ns):
    days, rem = divmod(ns, 86400 * SEC)
    d = datetime.date.fromordinal(_EPOCH_ORD + days)
    h, rem = divmod(rem, 3600 * SEC)
    m, rem = divmod(rem, 60 * SEC)
    s, sub = divmod(rem, SEC)
    return d.year, d.month, d.day, h, m, s, sub


def ts_tornado(ns):          # %y%m%d %H:%M:%S
    Y, M, D, h, m, s, _ = parts(ns)
    return "%02d%02d%02d %02d:%02d:%02d" % (Y % 100, M, D, h, m, s)


def ts_sanic(ns):            # [%Y-%m-%d %H:%M:%S %z]
    Y, M, D, h, m, s, _ = parts(ns)
    return "[%04d-%02d-%02d %02d:%02d:%02d +0000]" % (Y, M, D, h, m, s)


def ts_asctime(ns):          # logging default asctime
    Y, M, D, h, m, s, sub = parts(ns)
    return "%04d-%02d-%02d %02d:%02d:%02d,%03d" % (Y, M, D, h, m, s, sub // MS)


def ts_twisted(ns):          # %Y-%m-%dT%H:%M:%S%z
    Y, M, D, h, m, s, _ = parts(ns)
    return "%04d-%02d-%02dT%02d:%02d:%02d+0000" % (Y, M, D, h, m, s)


def ts_clf(ns, zone=True):   # 14/Mar/2026:10:12:03 [+0000]
    Y, M, D, h, m, s, _ = parts(ns)
    out = "%02d/%s/%04d:%02d:%02d:%02d" % (D, MONTHS[M - 1], Y, h, m, s)
    return out + " +0000" if zone else out


def fill(template, vals):
    pieces = template.split("<*>")
    if len(pieces) - 1 != len(vals):
        raise ValueError("slot count mismatch for %r: %r" % (template, vals))
    out = [pieces[0]]
    for v, p in zip(vals, pieces[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


class System:
    def __init__(self, k, name, header_re, ts_re, ts_key, kind):
        self.k = k
        self.name = name
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.kind = kind
        self.header_re = re.compile(header_re)
        self.ts_re = re.compile(ts_re)
        self.ts_key = ts_key
        self.events = []
        self.tpl = {}
        self._cyc = {}
        self.lines = []

    def event(self, key, template):
        assert key not in self.tpl
        self.events.append(key)
        self.tpl[key] = template

    def pick(self, key, slot, pool):
        """Cycle through a small pool per (event, slot)."""
        i = self._cyc.get((key, slot), 0)
        self._cyc[(key, slot)] = i + 1
        return pool[i % len(pool)]

    def emit(self, ns, header, key, vals):
        content = fill(self.tpl[key], vals)
        self.lines.append((ns, len(self.lines), header, content, key))

    def shuffle_run(self, counts, gen, start_ns, mean_gap_s):
        keys = []
        for key in self.events:
            keys += [key] * counts[key]
        assert len(keys) == N_LINES, (self.name, len(keys))
        self.rng.shuffle(keys)
        ns = start_ns
        for key in keys:
            ns += 1 + int(self.rng.expovariate(1.0 / mean_gap_s) * SEC)
            header, vals = gen(key, ns)
            self.emit(ns, header, key, vals)

    def finish(self):
        self.lines.sort(key=lambda x: (x[0], x[1]))
        self.lines = self.lines[:N_LINES]


# ---------------------------------------------------------------- helpers
def hexs(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def lognorm(r, median, sigma):
    return r.lognormvariate(math.log(median), sigma)


def fmt_dur(ms):
    if ms < 1000:
        return "%dms" % max(1, int(ms))
    return "%.2fs" % (ms / 1000.0)


def fmt_span(sec):
    sec = int(sec)
    if sec < 60:
        return "%ds" % sec
    if sec < 3600:
        return "%dm%02ds" % divmod(sec, 60)
    h, rem = divmod(sec, 3600)
    return "%dh%02dm" % (h, rem // 60)


def fmt_size(r, lo_kb, hi_kb):
    kb = r.uniform(lo_kb, hi_kb)
    if kb >= 1024:
        return "%.1f MB" % (kb / 1024.0)
    return "%d KB" % int(kb)


UA_BROWSER = [
    "Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.6261.105 Mobile Safari/537.36",
]
UA_TOOLS = ["curl/8.5.0", "python-requests/2.31.0", "Go-http-client/1.1",
            "okhttp/4.12.0", "Wget/1.21.4", "HTTPie/3.2.2"]
USERS = ["amara", "bjorn.k", "cwei", "dpatel", "elif.o", "fmoreau", "gustavo",
         "hana_s", "ivo", "jkowalski", "kemal", "lior", "mnakamura", "noor",
         "oksana", "pieter.v", "quinn", "rasmus"]


def client_ips(r, n):
    out = []
    while len(out) < n:
        kind = r.random()
        if kind < 0.4:
            ip = "10.%d.%d.%d" % (r.randint(0, 40), r.randint(0, 255), r.randint(2, 254))
        elif kind < 0.6:
            ip = "192.168.%d.%d" % (r.randint(0, 20), r.randint(2, 254))
        elif kind < 0.8:
            ip = "203.0.113.%d" % r.randint(2, 254)
        else:
            ip = "198.51.100.%d" % r.randint(2, 254)
        if ip not in out:
            out.append(ip)
    return out


# =================================================================== 1 Tornado
def build_tornado():
    S = System(
        1, "Tornado",
        r"\[[DIWEC] \d{6} \d\d:\d\d:\d\d [a-z_0-9]+:\d+\] ",
        r"^\[[DIWEC] (\d{6} \d\d:\d\d:\d\d) ",
        lambda m: m.group(1), "shuffle")
    S.event("get", "<*> GET <*> (<*>) <*>")
    S.event("post", "<*> POST <*> (<*>) <*>")
    S.event("put", "<*> PUT <*> (<*>) <*>")
    S.event("delete", "<*> DELETE <*> (<*>) <*>")
    S.event("xsrf_missing", "403 POST <*> (<*>): '_xsrf' argument missing from POST")
    S.event("xsrf_mismatch", "403 POST <*> (<*>): XSRF cookie does not match POST argument")
    S.event("cookie_invalid", "Invalid cookie signature <*>")
    S.event("cookie_expired", "Expired cookie <*>")
    S.event("malformed", "Malformed HTTP message from <*>: <*>")
    S.event("urlencoded", "Invalid x-www-form-urlencoded body: <*>")
    S.event("multipart", "Invalid multipart/form-data: no final boundary")
    S.event("encoding", "Unsupported Content-Encoding: <*>")
    S.event("child_exit", "child <*> (pid <*>) exited with status <*>, restarting")
    S.event("child_signal", "child <*> (pid <*>) killed by signal <*>, restarting")
    S.event("starting", "Starting <*> processes")
    counts = {"get": 128, "post": 46, "put": 21, "delete": 13, "xsrf_missing": 6,
              "xsrf_mismatch": 4, "cookie_invalid": 9, "cookie_expired": 14,
              "malformed": 17, "urlencoded": 8, "multipart": 5, "encoding": 4,
              "child_exit": 12, "child_signal": 5, "starting": 8}
    r = S.rng
    ips = client_ips(r, 14) + ["127.0.0.1", "::1"]
    devs = ["dev-" + hexs(r, 6) for _ in range(30)]

    def hdr(ns, lvl, mod, line):
        return "[%s %s %s:%d] " % (lvl, ts_tornado(ns), mod, line)

    def lvl_for(st):
        return "I" if st < 400 else ("W" if st < 500 else "E")

    def ms(median, sigma):
        return "%.2fms" % lognorm(r, median, sigma)

    def gen(key, ns):
        ip = r.choice(ips)
        if key == "get":
            x = r.random()
            if x < 0.28:
                path = "/static/%s?v=%s" % (r.choice(["css/app.css", "js/app.js", "js/vendor.js",
                                                      "img/logo.svg", "fonts/inter.woff2"]), hexs(r, 8))
                st, t = (304 if r.random() < 0.6 else 200), ms(0.9, 0.5)
            elif x < 0.52:
                path = "/api/v1/devices?page=%d&limit=50" % r.randint(1, 9)
                st, t = 200, ms(14, 0.6)
            elif x < 0.72:
                path = "/api/v1/devices/" + r.choice(devs)
                st, t = (404 if r.random() < 0.12 else 200), ms(6, 0.6)
            elif x < 0.80:
                path, st, t = "/healthz", 200, ms(0.4, 0.3)
            elif x < 0.87:
                path = "/dashboard"
                st, t = (302 if r.random() < 0.35 else 200), ms(9, 0.5)
            elif x < 0.92:
                path, st, t = "/favicon.ico", 404, ms(0.6, 0.3)
            elif x < 0.97:
                path, st, t = "/ws/telemetry?device=" + r.choice(devs), 101, ms(1.2, 0.4)
            else:
                path = "/api/v1/devices/%s/history?from=2026-03-0%d" % (r.choice(devs), r.randint(1, 9))
                st, t = 500, ms(240, 0.7)
            return hdr(ns, lvl_for(st), "web", 2348), [st, path, ip, t]
        if key == "post":
            x = r.random()
            if x < 0.3:
                path, st = "/login", (302 if r.random() < 0.8 else 200)
            elif x < 0.6:
                path, st = "/api/v1/devices", r.choice([201, 201, 201, 400, 409])
            elif x < 0.9:
                path, st = "/api/v1/devices/%s/commands" % r.choice(devs), 202
            else:
                path, st = "/settings/profile", r.choice([302, 403])
            return hdr(ns, lvl_for(st), "web", 2348), [st, path, ip, ms(18, 0.7)]
        if key == "put":
            dev = r.choice(devs)
            path = "/api/v1/devices/" + dev if r.random() < 0.6 else "/api/v1/devices/%s/tags" % dev
            st = r.choice([200, 200, 200, 200, 409, 400])
            return hdr(ns, lvl_for(st), "web", 2348), [st, path, ip, ms(16, 0.6)]
        if key == "delete":
            if r.random() < 0.7:
                path, st = "/api/v1/devices/" + r.choice(devs), r.choice([204, 204, 204, 404])
            else:
                path, st = "/api/v1/sessions/" + hexs(r, 16), 204
            return hdr(ns, lvl_for(st), "web", 2348), [st, path, ip, ms(9, 0.5)]
        if key in ("xsrf_missing", "xsrf_mismatch"):
            path = S.pick(key, 0, ["/login", "/settings/profile", "/api/v1/devices",
                                   "/api/v1/devices/%s/commands" % r.choice(devs)])
            return hdr(ns, "W", "web", 1873), [path, ip]
        if key in ("cookie_invalid", "cookie_expired"):
            user = base64.b64encode(r.choice(USERS).encode()).decode()
            age = r.randint(2, 20) * 86400 if key == "cookie_expired" else r.randint(0, 3600)
            stamp = (DAY0_NS + 12 * 3600 * SEC) // SEC - age
            val = "b'%s|%d|%s'" % (user, stamp, hexs(r, 40))
            return hdr(ns, "W", "web", 3537 if key == "cookie_invalid" else 3543), [val]
        if key == "malformed":
            reason = S.pick(key, 1, [
                "Malformed HTTP request line",
                "Malformed HTTP version in HTTP Request-Line: 'HTTP/2.0'",
                "Content-Length too long",
                "Malformed HTTP headers: '\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01'",
                "Unsupported Transfer-Encoding gzip, chunked",
            ])
            return hdr(ns, "I", "http1connection", 822), [ip, reason]
        if key == "urlencoded":
            reason = "'utf-8' codec can't decode byte 0x%s in position %d: %s" % (
                r.choice(["e9", "f1", "c3", "ff", "a0"]), r.randint(3, 180),
                r.choice(["invalid continuation byte", "invalid start byte"]))
            return hdr(ns, "W", "httputil", 824), [reason]
        if key == "multipart":
            return hdr(ns, "W", "httputil", 861), []
        if key == "encoding":
            return hdr(ns, "W", "httputil", 808), [S.pick(key, 0, ["br", "zstd", "compress"])]
        if key == "child_exit":
            return hdr(ns, "W", "process", 195), [r.randint(0, 7), r.randint(30100, 32760),
                                                  S.pick(key, 2, [1, 1, 3, 70])]
        if key == "child_signal":
            return hdr(ns, "W", "process", 192), [r.randint(0, 7), r.randint(30100, 32760),
                                                  S.pick(key, 2, [9, 11, 6])]
        if key == "starting":
            return hdr(ns, "I", "process", 131), [S.pick(key, 0, [4, 8])]
        raise KeyError(key)

    S.shuffle_run(counts, gen, at(7, 58, 12, 0), 1.6)
    return S


# ===================================================================== 2 Sanic
def build_sanic():
    S = System(
        2, "Sanic",
        r"\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000\] (?:\[\d+\] \[(?:DEBUG|INFO|WARNING|ERROR)\] "
        r"|- \(sanic\.access\)\[INFO\]\[[0-9a-f.:]+:\d+\]: )",
        r"^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \+0000\] ",
        lambda m: m.group(1), "shuffle")
    S.event("get", "GET <*>  <*> <*>")
    S.event("post", "POST <*>  <*> <*>")
    S.event("patch", "PATCH <*>  <*> <*>")
    S.event("delete", "DELETE <*>  <*> <*>")
    S.event("version", "Sanic v22.12.0")
    S.event("goin", "Goin' Fast @ <*>")
    S.event("mode", "mode: production, w/ <*> workers")
    S.event("start_worker", "Starting worker [<*>]")
    S.event("stop_worker", "Stopping worker [<*>]")
    S.event("signal", "Received signal <*>. Shutting down.")
    S.event("stopped", "Server Stopped")
    S.event("conn_lost", "Connection lost before response written @ <*>")
    S.event("keepalive", "KeepAlive Timeout. Closing connection.")
    S.event("transport", "Transport closed @ <*> and exception experienced during error handling")
    S.event("killing", "Killing <*> [<*>]")
    counts = {"get": 131, "post": 38, "patch": 9, "delete": 12, "version": 4, "goin": 4,
              "mode": 4, "start_worker": 14, "stop_worker": 11, "signal": 3, "stopped": 3,
              "conn_lost": 16, "keepalive": 36, "transport": 5, "killing": 10}
    r = S.rng
    ips = client_ips(r, 18)
    main_pids = [r.randint(1200, 9000) for _ in range(4)]
    worker_pids = [p + d for p in main_pids for d in (4, 5, 6, 7)]
    skus = ["SKU-%05d" % r.randint(100, 99999) for _ in range(40)]
    hosts = ["http://api.shoplet.test", "http://api.shoplet.test:8000"]
    cats = ["kitchen", "garden", "toys", "books", "audio", "lighting"]

    def gh(ns, lvl, pid=None):
        return "%s [%d] [%s] " % (ts_sanic(ns), pid or r.choice(worker_pids + main_pids), lvl)

    def ah(ns):
        return "%s - (sanic.access)[INFO][%s:%d]: " % (ts_sanic(ns), r.choice(ips), r.randint(32768, 60999))

    def gen(key, ns):
        host = hosts[0] if r.random() < 0.85 else hosts[1]
        if key == "get":
            x = r.random()
            if x < 0.35:
                path = "/api/products?category=%s&page=%d" % (r.choice(cats), r.randint(1, 12))
                st, b = 200, r.randint(2400, 48000)
            elif x < 0.65:
                path = "/api/products/" + r.choice(skus)
                st = 404 if r.random() < 0.1 else 200
                b = 61 if st == 404 else r.randint(700, 3900)
            elif x < 0.8:
                path, st, b = "/api/cart", 200, r.randint(90, 2100)
            elif x < 0.92:
                path, st, b = "/health", 200, r.choice([15, 16])
            else:
                path = "/api/orders/%d" % r.randint(80000, 99999)
                st = r.choice([200, 200, 403, 500])
                b = {200: r.randint(900, 5000), 403: 52, 500: 144}[st]
            return ah(ns), [host + path, st, b]
        if key == "post":
            x = r.random()
            if x < 0.5:
                path, st, b = "/api/cart/items", r.choice([201, 201, 201, 400]), r.randint(60, 400)
            elif x < 0.8:
                path, st, b = "/api/orders", r.choice([201, 201, 402, 409]), r.randint(80, 900)
            else:
                path, st, b = "/api/auth/token", r.choice([200, 200, 401]), r.randint(50, 600)
            return ah(ns), [host + path, st, b]
        if key == "patch":
            path = "/api/cart/items/%d" % r.randint(1000, 9999)
            return ah(ns), [host + path, r.choice([200, 200, 404]), r.randint(60, 400)]
        if key == "delete":
            path = r.choice(["/api/cart/items/%d" % r.randint(1000, 9999),
                             "/api/auth/token/" + hexs(r, 12)])
            return ah(ns), [host + path, r.choice([204, 204, 204, 404]), r.choice([0, 0, 0, 61])]
        if key == "version":
            return gh(ns, "INFO", r.choice(main_pids)), []
        if key == "goin":
            return gh(ns, "INFO", r.choice(main_pids)), [
                S.pick(key, 0, ["http://0.0.0.0:8000", "http://0.0.0.0:8000", "https://0.0.0.0:8443"])]
        if key == "mode":
            return gh(ns, "INFO", r.choice(main_pids)), [S.pick(key, 0, [4, 2, 4, 8])]
        if key in ("start_worker", "stop_worker"):
            pid = r.choice(worker_pids)
            return gh(ns, "INFO", pid), [pid]
        if key == "signal":
            return gh(ns, "INFO", r.choice(main_pids)), [S.pick(key, 0, ["SIGTERM", "SIGINT"])]
        if key == "stopped":
            return gh(ns, "INFO", r.choice(main_pids)), []
        if key == "conn_lost":
            return gh(ns, "ERROR"), [r.choice(ips)]
        if key == "keepalive":
            return gh(ns, "DEBUG"), []
        if key == "transport":
            return gh(ns, "ERROR"), ["('%s', %d)" % (r.choice(ips), r.randint(32768, 60999))]
        if key == "killing":
            i = r.randrange(len(main_pids))
            return gh(ns, "INFO", main_pids[i]), [
                "Sanic-Server-%d-0" % r.randint(0, 3), worker_pids[i * 4 + r.randint(0, 3)]]
        raise KeyError(key)

    S.shuffle_run(counts, gen, at(9, 14, 40, 0), 1.9)
    return S


# =================================================================== 3 Aiohttp
def build_aiohttp():
    S = System(
        3, "Aiohttp",
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - aiohttp\.(?:access|server|web) - "
        r"(?:DEBUG|INFO|WARNING|ERROR) - ",
        r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) ",
        lambda m: m.group(1), "simulation")
    acc = '<*> [<*>] "%s <*> HTTP/1.1" <*> <*> "<*>" "<*>"'
    S.event("get", acc % "GET")
    S.event("post", acc % "POST")
    S.event("delete", acc % "DELETE")
    S.event("login_ok", "User <*> logged in from <*>")
    S.event("logout", "User <*> logged out after <*>")
    S.event("login_fail", "Login failed for user '<*>': <*>")
    S.event("order", "Created order <*> for user <*> (<*> items, total <*>)")
    S.event("upstream", "Upstream GET <*> returned <*> in <*>")
    S.event("ws_open", "WebSocket connection opened for <*> from <*>")
    S.event("ws_close", "WebSocket connection closed for <*> with code <*>")
    S.event("ratelimit", "Rate limit exceeded for <*>: <*> requests in 10s")
    S.event("premature", "Ignored premature client disconnection.")
    S.event("expired", "Session <*> for <*> expired after <*> idle")
    r = S.rng
    site = "https://shop.kettle-and-co.test"
    skus = ["%d" % r.randint(10000, 99999) for _ in range(50)]
    assets = ["app.%s.js" % hexs(r, 8), "app.%s.css" % hexs(r, 8)]
    fail_reasons = ["invalid password", "unknown user", "account locked after 5 failed attempts",
                    "TOTP code expired"]
    user_i = [0]
    order_no = [4511]
    sessions = []           # (last_activity_ns, sid, user)

    def ev(ns, logger, level, key, vals):
        S.emit(ns, "%s - %s - %s - " % (ts_asctime(ns), logger, level), key, vals)

    def ms_ns(median, sigma):
        return int(lognorm(r, median, sigma) * MS) + 1

    class Client:
        pass

    def access(c, t, method, path, status, size, ref, dur_ns=None):
        d = dur_ns if dur_ns is not None else ms_ns(12, 0.8)
        ev(t + d, "aiohttp.access", "INFO", method.lower(),
           [c.ip, ts_clf(t), path, status, size, ref, c.ua])
        return t + d

    def think(median_s):
        return int(lognorm(r, median_s, 0.7) * SEC)

    def browser(t):
        c = Client()
        c.ip = "%s" % r.choice(client_ips(r, 1))
        c.ua = r.choice(UA_BROWSER)
        c.user = USERS[user_i[0] % len(USERS)]
        user_i[0] += 1
        t = access(c, t, "GET", "/", 200, r.randint(5200, 6100), "-")
        for a in assets:
            st = r.choice([200, 304, 304])
            t = access(c, t + ms_ns(20, 0.4), "GET", "/static/" + a, st,
                       r.randint(9000, 420000) if st == 200 else 0, site + "/", ms_ns(3, 0.5))
        t += think(6)
        while r.random() < 0.3:
            d = ms_ns(90, 0.3)
            ev(t + d - 2 * MS, "aiohttp.web", "WARNING", "login_fail",
               [c.user, S.pick("login_fail", 1, fail_reasons)])
            t = access(c, t, "POST", "/api/login", 401, r.randint(60, 90), site + "/login", d)
            t += think(5)
        d = ms_ns(110, 0.3)
        ev(t + d - 3 * MS, "aiohttp.web", "INFO", "login_ok", [c.user, c.ip])
        t = access(c, t, "POST", "/api/login", 200, r.randint(180, 260), site + "/login", d)
        login_t = t
        ws_t = None
        if r.random() < 0.6:
            ws_t = t + ms_ns(40, 0.3)
            ev(ws_t + 2 * MS, "aiohttp.web", "INFO", "ws_open", [c.user, c.ip])
            t = ws_t + 5 * MS
        cart = []
        for _ in range(r.randint(3, 11)):
            t += think(3)
            x = r.random()
            if x < 0.25:
                t = access(c, t, "GET", "/api/products?page=%d&sort=%s" % (
                    r.randint(1, 8), r.choice(["price", "rating", "new"])),
                    200, r.randint(3000, 26000), site + "/products", ms_ns(25, 0.5))
            elif x < 0.46:
                sku = r.choice(skus)
                d = ms_ns(60, 0.6)
                st = r.choice([200, 200, 200, 404, 503])
                ev(t + d - 4 * MS, "aiohttp.web", "INFO", "upstream",
                   ["http://inventory.internal:8081/v2/stock/" + sku, st,
                    fmt_dur((d - 4 * MS) / MS * 0.8)])
                t = access(c, t, "GET", "/api/products/" + sku, 200 if st != 503 else 502,
                           r.randint(900, 4200) if st != 503 else 88, site + "/products", d)
            elif x < 0.68:
                cart.append(r.choice(skus))
                t = access(c, t, "POST", "/api/cart/items", 201, r.randint(120, 240),
                           site + "/products/" + cart[-1])
            elif x < 0.77 and cart:
                if r.random() < 0.2:
                    t = access(c, t, "DELETE", "/api/cart/items/" + r.choice(skus), 404, 52,
                               site + "/cart")
                else:
                    t = access(c, t, "DELETE", "/api/cart/items/" + cart.pop(), 204, 0,
                               r.choice([site + "/cart", site + "/checkout"]))
            elif x < 0.9 and cart:
                d = ms_ns(180, 0.4)
                order_no[0] += r.randint(1, 3)
                ev(t + d - 5 * MS, "aiohttp.web", "INFO", "order",
                   ["ORD-%06d" % order_no[0], c.user, len(cart) + r.randint(0, 3),
                    "%.2f EUR" % (r.randint(900, 40000) / 100.0)])
                t = access(c, t, "POST", "/api/orders", 201, r.randint(300, 700), site + "/checkout", d)
                cart = []
            else:
                if r.random() < 0.5:
                    d = ms_ns(900, 0.5)
                    ev(t + d, "aiohttp.server", "DEBUG", "premature", [])
                    t += d
                else:
                    t = access(c, t, "GET", "/api/orders/export.csv?year=2025", 200,
                               r.randint(40000, 900000), site + "/account/orders", ms_ns(700, 0.4))
        if cart and r.random() < 0.5:
            t += think(3)
            d = ms_ns(180, 0.4)
            order_no[0] += r.randint(1, 3)
            ev(t + d - 5 * MS, "aiohttp.web", "INFO", "order",
               ["ORD-%06d" % order_no[0], c.user, len(cart) + r.randint(0, 3),
                "%.2f EUR" % (r.randint(900, 40000) / 100.0)])
            t = access(c, t, "POST", "/api/orders", 201, r.randint(300, 700), site + "/checkout", d)
        t += think(4)
        if r.random() < 0.55:
            d = ms_ns(15, 0.3)
            st = S.pick("delete", "logout-status", [204, 204, 204, 401])
            if st == 204:
                ev(t + d - MS, "aiohttp.web", "INFO", "logout", [c.user, fmt_span((t - login_t) / SEC)])
            t = access(c, t, "DELETE", "/api/session", st, 0 if st == 204 else 58, site + "/account", d)
            code = 1000
        else:
            sessions.append((t, hexs(r, 32), c.user))
            code = r.choice([1001, 1006])
        if ws_t is not None:
            t += 30 * MS
            ev(t, "aiohttp.web", "INFO", "ws_close", [c.user, code])
            access(c, ws_t, "GET", "/ws/notifications", 101, 0, "-", t - ws_t + MS)

    def app_client(t):
        c = Client()
        c.ip = r.choice(client_ips(r, 1))
        c.ua = "kettle-android/%s okhttp/4.12.0" % r.choice(["3.8.1", "3.9.0"])
        c.user = USERS[user_i[0] % len(USERS)]
        user_i[0] += 1
        for _ in range(r.randint(2, 6)):
            t += think(4)
            if r.random() < 0.7:
                t = access(c, t, "GET", "/api/products?page=%d" % r.randint(1, 8), 200,
                           r.randint(3000, 26000), "-", ms_ns(22, 0.5))
            else:
                t = access(c, t, "GET", "/api/cart", 200, r.randint(100, 900), "-", ms_ns(8, 0.5))

    def bot(t):
        c = Client()
        c.ip = r.choice(client_ips(r, 1))
        c.ua = r.choice(["python-requests/2.31.0", "Scrapy/2.11.1 (+https://scrapy.org)", "curl/8.5.0"])
        window = deque()
        limited = 0
        page = 1
        stop_after = r.randint(3, 5)
        while limited < stop_after:
            t += int(r.uniform(0.15, 0.5) * SEC)
            window.append(t)
            while window and window[0] < t - 10 * SEC:
                window.popleft()
            if len(window) > 15:
                d = ms_ns(1.5, 0.3)
                ev(t + MS, "aiohttp.web", "WARNING", "ratelimit", [c.ip, len(window)])
                access(c, t, "GET", "/api/products?page=%d" % page, 429, 37, "-", d)
                limited += 1
            else:
                t = access(c, t, "GET", "/api/products?page=%d" % page, 200,
                           r.randint(3000, 26000), "-", ms_ns(20, 0.4))
                page += 1

    t = at(11, 3, 27, 512)
    end = t + 15 * 60 * SEC
    n = 0
    while t < end:
        t += int(r.expovariate(1 / 12.0) * SEC)
        x = r.random()
        if x < 0.72:
            browser(t)
        elif x < 0.9:
            app_client(t)
        else:
            bot(t)
        n += 1
    # periodic session cleanup task: idle timeout 45s, runs every 15s
    tick = at(11, 3, 40, 0)
    pending = sorted(sessions)
    while tick < end + 10 * 60 * SEC:
        tick += 15 * SEC
        keep = []
        for (last, sid, user) in pending:
            if tick - last > 45 * SEC:
                ev(tick + r.randint(1, 40) * MS, "aiohttp.web", "INFO", "expired",
                   [sid, user, fmt_span((tick - last) / SEC)])
            else:
                keep.append((last, sid, user))
        pending = keep
    S.finish()
    return S


# =================================================================== 4 Twisted
def build_twisted():
    S = System(
        4, "Twisted",
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000 \[[^\]]+\] ",
        r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\+0000 ",
        lambda m: m.group(1), "shuffle")
    acc = '"<*>" - - [<*>] "%s <*> HTTP/1.1" <*> <*> "<*>" "<*>"'
    S.event("get", acc % "GET")
    S.event("post", acc % "POST")
    S.event("start_factory", "Starting factory <*>")
    S.event("stop_factory", "Stopping factory <*>")
    S.event("site", "Site starting on <*>")
    S.event("timeout", "Timing out client: <*>")
    S.event("force_timeout", "Forcibly timing out client: <*>")
    S.event("twistd", "twistd <*> (<*> <*>) starting up.")
    S.event("reactor", "reactor class: twisted.internet.epollreactor.EPollReactor.")
    S.event("signal", "Received <*>, shutting down.")
    S.event("port_closed", "(TCP Port <*> Closed)")
    S.event("mainloop", "Main loop terminated.")
    S.event("shutdown", "Server Shut Down.")
    S.event("rebuilt", "Rebuilt feed <*> with <*> entries in <*>")
    S.event("fetch_failed", "Fetch of <*> failed: <*>")
    counts = {"get": 119, "post": 27, "start_factory": 24, "stop_factory": 22, "site": 5,
              "timeout": 15, "force_timeout": 4, "twistd": 4, "reactor": 4, "signal": 3,
              "port_closed": 5, "mainloop": 3, "shutdown": 3, "rebuilt": 40, "fetch_failed": 22}
    r = S.rng
    ips = client_ips(r, 16)
    feeds = ["planet-python", "lwn-headlines", "hn-frontpage", "rust-blog", "kernel-releases",
             "pg-hackers", "debian-security", "arxiv-cs-dc", "go-dev", "nixos-weekly"]
    site_addrs = ["0x7f%s" % hexs(r, 10) for _ in range(5)]
    fetch_sources = ["https://planetpython.example.org/rss20.xml", "https://lwn.example.net/headlines/rss",
                     "https://news.example.com/rss", "https://blog.rust.example.org/feed.xml",
                     "https://kernel.example.org/feeds/kdist.xml", "https://security.debian.example/dsa.rdf"]
    fail_reasons = [
        "[Failure instance: Traceback (failure with no frames): <class 'twisted.internet.error.TimeoutError'>: User timeout caused connection failure.]",
        "[Failure instance: Traceback (failure with no frames): <class 'twisted.internet.error.DNSLookupError'>: DNS lookup failed: address '{host}' not found: [Errno -2] Name or service not known.]",
        "HTTP 503 Service Unavailable",
        "[Failure instance: Traceback (failure with no frames): <class 'twisted.web._newclient.ResponseNeverReceived'>: [<twisted.python.failure.Failure twisted.internet.error.ConnectionLost: Connection to the other side was lost in a non-clean fashion: Connection lost.>]]",
        "HTTP 404 Not Found",
    ]
    ref = "https://feeds.orchard-lab.test"

    def h(ns, system):
        return "%s [%s] " % (ts_twisted(ns), system)

    def gen(key, ns):
        if key in ("get", "post"):
            ip = r.choice(ips)
            if key == "get":
                x = r.random()
                if x < 0.45:
                    path = "/feeds/%s.xml" % r.choice(feeds)
                    st = 304 if r.random() < 0.4 else 200
                    ln = "-" if st == 304 else str(r.randint(4000, 180000))
                elif x < 0.7:
                    path = "/api/entries?since=%d&limit=%d" % (1773400000 + r.randint(0, 90000),
                                                               r.choice([20, 50, 100]))
                    st, ln = 200, str(r.randint(900, 60000))
                elif x < 0.85:
                    path = "/static/" + r.choice(["style.css", "app.js", "logo.png"])
                    st = r.choice([200, 304])
                    ln = "-" if st == 304 else str(r.randint(2000, 90000))
                elif x < 0.95:
                    path, st, ln = "/", 200, str(r.randint(7000, 7600))
                else:
                    path, st, ln = "/feeds/%s.atom" % r.choice(feeds), 404, "145"
                agent = r.choice(UA_BROWSER + ["FreshRSS/1.23.1 (Linux; https://freshrss.org)",
                                               "Miniflux/2.1.0 (+https://miniflux.app)", "curl/8.5.0"])
                referrer = r.choice(["-", "-", ref + "/", ref + "/feeds"])
            else:
                path = r.choice(["/api/subscriptions", "/api/refresh", "/api/subscriptions/%d/read" % r.randint(10, 400)])
                st = r.choice([201, 202, 200, 400])
                ln = str(r.randint(20, 800))
                agent = r.choice(UA_BROWSER + UA_TOOLS[:2])
                referrer = r.choice(["-", ref + "/settings"])
            return h(ns, "twisted.python.log#info"), [ip, ts_clf(ns), path, st, ln, referrer, agent]
        if key in ("start_factory", "stop_factory"):
            if r.random() < 0.3:
                return h(ns, "twisted.web.server.Site#info"), [
                    "<twisted.web.server.Site object at %s>" % r.choice(site_addrs)]
            return h(ns, "feedhub.fetch.FeedFetcherFactory#info"), [
                "<feedhub.fetch.FeedFetcherFactory object at 0x7f%s>" % hexs(r, 10)]
        if key == "site":
            return h(ns, "-"), [S.pick(key, 0, [8080, 8443])]
        if key in ("timeout", "force_timeout"):
            return h(ns, "twisted.web.http.HTTPChannel#info"), [
                "IPv4Address(type='TCP', host='%s', port=%d)" % (r.choice(ips), r.randint(32768, 60999))]
        if key == "twistd":
            return h(ns, "twisted.scripts._twistd_unix.UnixAppLogger#info"), [
                S.pick(key, 0, ["22.10.0", "23.10.0"]),
                S.pick(key, 1, ["/opt/feedhub/venv/bin/python3", "/usr/bin/python3"]),
                S.pick(key, 2, ["3.11.6", "3.10.12", "3.11.8"])]
        if key == "reactor":
            return h(ns, "twisted.scripts._twistd_unix.UnixAppLogger#info"), []
        if key == "signal":
            return h(ns, "-"), [S.pick(key, 0, ["SIGTERM", "SIGINT"])]
        if key == "port_closed":
            return h(ns, "-"), [S.pick(key, 0, [8080, 8443])]
        if key == "mainloop":
            return h(ns, "-"), []
        if key == "shutdown":
            return h(ns, "twisted.scripts._twistd_unix.UnixAppLogger#info"), []
        if key == "rebuilt":
            return h(ns, "feedhub.feeds.FeedBuilder#info"), [
                r.choice(feeds), r.randint(8, 120), fmt_dur(lognorm(r, 45, 0.8))]
        if key == "fetch_failed":
            src = r.choice(fetch_sources)
            return h(ns, "feedhub.fetch.FeedFetcher#warn"), [
                src, S.pick(key, 1, fail_reasons).replace("{host}", src.split("/")[2])]
        raise KeyError(key)

    S.shuffle_run(counts, gen, at(13, 21, 5, 0), 2.3)
    return S


# ================================================================== 5 CherryPy
def build_cherrypy():
    ts = r"\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d"
    S = System(
        5, "CherryPy",
        r"(?:\[" + ts + r"\] (?:ENGINE | )|\S+ - \S+ \[" + ts + r"\] )",
        r"\[(\d\d)/([A-Z][a-z]{2})/(\d{4}):(\d\d:\d\d:\d\d)\] ",
        lambda m: "%s-%02d-%s %s" % (m.group(3), MONTHS.index(m.group(2)) + 1, m.group(1), m.group(4)),
        "shuffle")
    S.event("bus_starting", "Bus STARTING")
    S.event("bus_started", "Bus STARTED")
    S.event("bus_stopping", "Bus STOPPING")
    S.event("bus_stopped", "Bus STOPPED")
    S.event("serving", "Serving on <*>")
    S.event("monitor_started", "Started monitor thread '<*>'.")
    S.event("thread_stopped", "Stopped thread '<*>'.")
    S.event("restarting", "Restarting because <*> changed.")
    S.event("http_shutdown", "HTTP Server <*> shut down")
    S.event("signal", "Caught signal <*>.")
    S.event("tls_lost", "Client <*> lost \u2014 peer dropped the TLS connection suddenly, during handshake: <*>")
    S.event("get", '"GET <*> HTTP/1.1" <*> <*> "<*>" "<*>"')
    S.event("post", '"POST <*> HTTP/1.1" <*> <*> "<*>" "<*>"')
    S.event("stored", "Stored upload <*> (<*>) for <*>")
    S.event("rejected", "Rejected upload <*> from <*>: <*>")
    counts = {"bus_starting": 7, "bus_started": 7, "bus_stopping": 5, "bus_stopped": 5,
              "serving": 8, "monitor_started": 14, "thread_stopped": 10, "restarting": 4,
              "http_shutdown": 5, "signal": 3, "tls_lost": 9, "get": 142, "post": 31,
              "stored": 40, "rejected": 10}
    r = S.rng
    ips = client_ips(r, 15)
    albums = ["lisbon-2025", "kitchen-reno", "hiking-tatra", "grandma-90", "cat-pics", "wedding-rsvp"]
    site = "https://photobox.willowmere.test"
    files = ["IMG_%04d.%s" % (r.randint(1000, 9999), r.choice(["jpg", "jpg", "png", "heic"])) for _ in range(40)]

    def eh(ns, ctx="ENGINE"):
        return "[%s] %s " % (ts_clf(ns, zone=False), ctx)

    def ah(ns):
        user = r.choice(["-", "-", r.choice(USERS[:8])])
        return "%s - %s [%s] " % (r.choice(ips), user, ts_clf(ns, zone=False))

    def gen(key, ns):
        if key.startswith("bus_"):
            return eh(ns), []
        if key == "serving":
            return eh(ns), [S.pick(key, 0, ["http://0.0.0.0:8080", "https://0.0.0.0:8443",
                                            "http://127.0.0.1:8080"])]
        if key in ("monitor_started", "thread_stopped"):
            return eh(ns), [S.pick(key, 0, ["Autoreloader", "_TimeoutMonitor", "Session cleanup"])]
        if key == "restarting":
            return eh(ns), [S.pick(key, 0, ["/srv/photobox/photobox/app.py",
                                            "/srv/photobox/photobox/views/albums.py",
                                            "/srv/photobox/photobox/config/prod.conf"])]
        if key == "http_shutdown":
            return eh(ns), [S.pick(key, 0, ["cherrypy._cpwsgi_server.CPWSGIServer(('0.0.0.0', 8080))",
                                            "cherrypy._cpwsgi_server.CPWSGIServer(('0.0.0.0', 8443))"])]
        if key == "signal":
            return eh(ns), [S.pick(key, 0, ["SIGTERM", "SIGHUP"])]
        if key == "tls_lost":
            return eh(ns), ["('%s', %d)" % (r.choice(ips), r.randint(32768, 60999)),
                            S.pick(key, 1, [
                                "(1, '[SSL: HTTP_REQUEST] http request (_ssl.c:1000)')",
                                "(8, 'EOF occurred in violation of protocol (_ssl.c:1000)')",
                                "(1, '[SSL: UNEXPECTED_EOF_WHILE_READING] unexpected eof while reading (_ssl.c:1000)')",
                                "(1, '[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1000)')"])]
        if key == "get":
            x = r.random()
            if x < 0.3:
                path = "/photos/%d/thumb?size=%d" % (r.randint(100, 9999), r.choice([240, 480]))
                st = r.choice([200, 200, 304])
                b = "-" if st == 304 else str(r.randint(9000, 90000))
            elif x < 0.55:
                path = "/albums/" + r.choice(albums)
                st, b = 200, str(r.randint(6000, 40000))
            elif x < 0.75:
                path = "/static/" + r.choice(["css/site.css", "js/gallery.js", "img/spinner.gif"])
                st = r.choice([200, 304, 304])
                b = "-" if st == 304 else str(r.randint(1200, 80000))
            elif x < 0.88:
                path = "/photos/%d/original" % r.randint(100, 9999)
                st = r.choice([200, 200, 403, 404])
                b = str(r.randint(900000, 9000000)) if st == 200 else str(r.randint(700, 1400))
            else:
                path, st, b = "/", 200, str(r.randint(3100, 3300))
            return ah(ns), [path, st, b, r.choice([site + "/", site + "/albums/" + r.choice(albums)]),
                            r.choice(UA_BROWSER)]
        if key == "post":
            x = r.random()
            if x < 0.6:
                path, st = "/upload", r.choice([303, 303, 303, 413, 400])
            elif x < 0.85:
                path, st = "/albums/%s/comments" % r.choice(albums), r.choice([303, 303, 400])
            else:
                path, st = "/login", r.choice([303, 401])
            return ah(ns), [path, st, str(r.randint(0, 2400)), site + "/albums/" + r.choice(albums),
                            r.choice(UA_BROWSER)]
        if key == "stored":
            return eh(ns, ""), [r.choice(files), fmt_size(r, 300, 14000), r.choice(USERS)]
        if key == "rejected":
            return eh(ns, ""), [r.choice(files), r.choice(USERS), S.pick(key, 2, [
                "file type image/heic is not allowed",
                "exceeds the 25 MB upload limit",
                "checksum mismatch (client %s, server %s)" % (hexs(r, 8), hexs(r, 8)),
                "album is read-only"])]
        raise KeyError(key)

    S.shuffle_run(counts, gen, at(16, 40, 2, 0), 2.0)
    return S


# ================================================================== 6 Waitress
def build_waitress():
    S = System(
        6, "Waitress",
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (?:DEBUG|INFO |WARNI|ERROR) \[[\w.]+:\d+\]\[[\w-]+\] ",
        r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) ",
        lambda m: m.group(1), "simulation")
    acc = '<*> - - [<*>] "%s <*> HTTP/1.1" <*> <*> "<*>" "<*>"'
    S.event("serving", "Serving on <*>")
    S.event("get", acc % "GET")
    S.event("post", acc % "POST")
    S.event("queue", "Task queue depth is <*>")
    S.event("disconnect", "Client disconnected while serving <*>")
    S.event("cl_exceeded", "application-written content exceeded the number of bytes "
                           "specified by Content-Length header (<*>)")
    S.event("cl_short", "application returned too few bytes (<*>) for specified "
                        "Content-Length (<*>) via app_iter")
    S.event("uncaptured", "uncaptured python exception, closing channel <*> (<*>:<*> <*>)")
    S.event("limit_reached", "total open connections reached the connection limit, "
                             "no longer accepting new connections")
    S.event("limit_below", "total open connections reduced below the connection limit, "
                           "accepting connections again")
    S.event("pay_ok", "Payment <*> authorized for invoice <*> (<*>)")
    S.event("pay_declined", "Payment <*> declined for invoice <*>: <*>")
    S.event("pdf", "Rendered invoice <*> as PDF (<*>) in <*>")
    r = S.rng
    THREADS = 4
    LIMIT = 14
    site = "https://ledgerly.fernhollow.test"
    invoices = ["INV-2026-%05d" % r.randint(100, 4999) for _ in range(60)]
    decline = ["card_declined: insufficient_funds", "card_declined: do_not_honor",
               "expired_card", "processing_error: issuer unavailable"]
    exc = [("<class 'ConnectionResetError'>", "[Errno 104] Connection reset by peer",
            "[/srv/ledgerly/venv/lib/python3.11/site-packages/waitress/wasyncore.py|read|97] "
            "[/srv/ledgerly/venv/lib/python3.11/site-packages/waitress/channel.py|handle_read|164] "
            "[/srv/ledgerly/venv/lib/python3.11/site-packages/waitress/wasyncore.py|recv|408]"),
           ("<class 'TimeoutError'>", "timed out",
            "[/srv/ledgerly/venv/lib/python3.11/site-packages/waitress/wasyncore.py|write|117] "
            "[/srv/ledgerly/venv/lib/python3.11/site-packages/waitress/channel.py|handle_write|98] "
            "[/srv/ledgerly/venv/lib/python3.11/site-packages/waitress/wasyncore.py|send|361]"),
           ("<class 'OSError'>", "[Errno 9] Bad file descriptor",
            "[/srv/ledgerly/venv/lib/python3.11/site-packages/waitress/wasyncore.py|readwrite|150] "
            "[/srv/ledgerly/venv/lib/python3.11/site-packages/waitress/channel.py|handle_close|408]")]

    def hdr(ns, lvl, logger, line, thread):
        return "%s %-5.5s [%s:%d][%s] " % (ts_asctime(ns), lvl, logger, line, thread)

    seq = [0]
    heap = []

    def push(t, kind, data):
        heapq.heappush(heap, (t, seq[0], kind, data))
        seq[0] += 1

    t0 = at(14, 2, 51, 206)
    for i, url in enumerate(["http://127.0.0.1:6543", "http://[::1]:6543", "http://10.0.4.12:6543"]):
        S.emit(t0 + i * 180000, hdr(t0 + i * 180000, "INFO", "waitress", 486, "MainThread"),
               "serving", [url])

    class Conn:
        pass

    def new_conn(t, kind):
        c = Conn()
        c.kind = kind
        c.fd_addr = "0x7f%s" % hexs(r, 10)
        if kind == "probe":
            c.ip, c.ua, c.reqs = "10.0.4.1", "kube-probe/1.29", [("GET", "/healthz")]
            c.port = r.randint(32768, 60999)
        elif kind == "batch":
            c.ip, c.ua = "10.0.7.%d" % r.randint(20, 40), "python-requests/2.31.0"
            c.port = r.randint(32768, 60999)
            c.reqs = [("GET", "/invoices/%s/pdf" % r.choice(invoices)) for _ in range(r.randint(1, 3))]
            if r.random() < 0.6:
                c.reqs.append(("GET", "/reports/export?month=2026-0%d&format=csv" % r.randint(1, 2)))
        else:
            c.ip = r.choice(ips)
            c.ua = r.choice(UA_BROWSER)
            c.port = r.randint(32768, 60999)
            c.reqs = []
            for _ in range(r.randint(1, 7)):
                x = r.random()
                if x < 0.25:
                    c.reqs.append(("GET", "/invoices?page=%d&status=%s" % (
                        r.randint(1, 6), r.choice(["open", "paid", "overdue"]))))
                elif x < 0.47:
                    c.reqs.append(("GET", "/invoices/" + r.choice(invoices)))
                elif x < 0.67:
                    c.reqs.append(("GET", "/static/" + r.choice(["ledgerly.css", "ledgerly.js", "logo.svg"])))
                elif x < 0.73:
                    c.reqs.append(("GET", "/invoices/%s/pdf" % r.choice(invoices)))
                elif x < 0.78:
                    c.reqs.append(("GET", "/reports/export?month=2026-0%d&format=csv" % r.randint(1, 2)))
                elif x < 0.97:
                    c.reqs.append(("POST", "/invoices/%s/pay" % r.choice(invoices)))
                else:
                    c.reqs.append(("POST", "/invoices"))
        return c

    ips = client_ips(r, 20)
    horizon = t0 + 12 * 60 * SEC
    t = t0 + 2 * SEC
    while t < horizon:                       # browsers
        t += int(r.expovariate(1 / 3.0) * SEC)
        push(t, "arrive", new_conn(t, "browser"))
    t = t0 + 7 * SEC
    while t < horizon:                       # kubelet probes every 10s
        push(t, "arrive", new_conn(t, "probe"))
        t += 10 * SEC + r.randint(-30, 30) * MS
    t = t0 + 20 * SEC
    while t < horizon:                       # batch PDF exporter bursts
        for _ in range(r.randint(10, 13)):
            push(t + r.randint(0, 600) * MS, "arrive", new_conn(t, "batch"))
        t += int(r.uniform(50, 70) * SEC)

    idle = list(range(THREADS))
    queue = deque()
    state = {"open": 0, "overflow": False}
    backlog = deque()

    def accept(t, c):
        state["open"] += 1
        if state["open"] >= LIMIT and not state["overflow"]:
            state["overflow"] = True
            S.emit(t, hdr(t, "WARNING", "waitress", 324, "MainThread"), "limit_reached", [])
        push(t + r.randint(1, 40) * MS, "request", (c, 0))

    def dispatch(t):
        while queue and idle:
            th = idle.pop(r.randrange(len(idle)))
            c, i, tq = queue.popleft()
            method, path = c.reqs[i]
            if path == "/healthz":
                d = lognorm(r, 2, 0.3)
            elif path.endswith("/pdf"):
                d = lognorm(r, 560, 0.45)
            elif path.startswith("/reports"):
                d = lognorm(r, 1800, 0.4)
            elif method == "POST":
                d = lognorm(r, 260, 0.4)
            else:
                d = lognorm(r, 35, 0.6)
            push(t + int(d * MS), "done", (th, c, i, t))

    def finish_request(t, th, c, i, tstart):
        thread = "waitress-%d" % th
        method, path = c.reqs[i]
        bare = path.split("?")[0]
        if path == "/healthz":
            st, b = 200, "2"
        elif path.endswith("/pdf"):
            inv = path.split("/")[2]
            size_b = r.randint(38000, 420000)
            S.emit(t - 3 * MS, hdr(t - 3 * MS, "INFO", "ledgerly.views.invoices", 88, thread), "pdf",
                   [inv, "%.1f KB" % (size_b / 1024.0), fmt_dur((t - tstart) / MS - 3)])
            if r.random() < 0.2:
                S.emit(t - MS, hdr(t - MS, "WARNING", "waitress", 402, thread), "cl_exceeded",
                       [size_b - r.randint(200, 4000)])
            if r.random() < 0.07:
                S.emit(t, hdr(t, "INFO", "waitress", 383, thread), "disconnect", [bare])
                return
            st, b = 200, str(size_b)
        elif path.startswith("/reports"):
            cl = r.randint(200000, 2400000)
            if r.random() < 0.35:
                S.emit(t - MS, hdr(t - MS, "WARNING", "waitress", 421, thread), "cl_short",
                       [cl - r.randint(1000, 90000), cl])
            if r.random() < 0.18:
                S.emit(t, hdr(t, "INFO", "waitress", 383, thread), "disconnect", [bare])
                return
            st, b = 200, str(cl)
        elif method == "POST" and bare.endswith("/pay"):
            inv = path.split("/")[2]
            pid = "pay_" + hexs(r, 14)
            if r.random() < 0.66:
                S.emit(t - 2 * MS, hdr(t - 2 * MS, "INFO", "ledgerly.services.payments", 57, thread),
                       "pay_ok", [pid, inv, "%.2f EUR" % (r.randint(2000, 900000) / 100.0)])
                st, b = 303, "0"
            else:
                S.emit(t - 2 * MS, hdr(t - 2 * MS, "WARNING", "ledgerly.services.payments", 64, thread),
                       "pay_declined", [pid, inv, S.pick("pay_declined", 2, decline)])
                st, b = 402, str(r.randint(3800, 4200))
        elif method == "POST":
            st, b = r.choice([302, 302, 400]), str(r.randint(0, 5200))
        elif bare.startswith("/static/"):
            st = r.choice([200, 304, 304])
            b = "-" if st == 304 else str(r.randint(3000, 90000))
        elif bare.startswith("/invoices/"):
            st = 404 if r.random() < 0.08 else 200
            b = str(r.randint(5200, 14000)) if st == 200 else "3301"
        else:
            st, b = 200, str(r.randint(9000, 42000))
        if c.kind != "browser":
            ref = "-"
        elif bare.endswith("/pay"):
            ref = site + "/invoices/" + path.split("/")[2]
        elif bare.startswith("/static/"):
            ref = site + "/"
        else:
            ref = site + "/invoices"
        S.emit(t, hdr(t, "INFO", "wsgi", 68, thread), method.lower(),
               [c.ip, ts_clf(tstart), path, st, b, ref, c.ua])

    while heap:
        t, _, kind, d = heapq.heappop(heap)
        if t > horizon + 60 * SEC:
            break
        if kind == "arrive":
            if state["open"] >= LIMIT:
                backlog.append(d)
            else:
                accept(t, d)
        elif kind == "request":
            c, i = d
            queue.append((c, i, t))
            if len(queue) > len(idle):
                S.emit(t, hdr(t, "WARNING", "waitress.queue", 116, "MainThread"), "queue",
                       [len(queue) - len(idle)])
            dispatch(t)
        elif kind == "done":
            th, c, i, tstart = d
            finish_request(t, th, c, i, tstart)
            idle.append(th)
            dispatch(t)
            if i + 1 < len(c.reqs):
                gap = r.randint(2, 30) * MS if c.kind == "batch" else int(lognorm(r, 2.5, 0.8) * SEC)
                push(t + gap, "request", (c, i + 1))
            else:
                linger = (r.randint(1, 20) * MS if c.kind == "probe"
                          else int(lognorm(r, 6 if c.kind == "browser" else 3, 0.6) * SEC))
                push(t + linger, "close", c)
        elif kind == "close":
            c = d
            if c.kind != "probe" and r.random() < 0.2:
                e = exc[S._cyc.get(("uncaptured", 1), 0) % len(exc)]
                S._cyc[("uncaptured", 1)] = S._cyc.get(("uncaptured", 1), 0) + 1
                S.emit(t, hdr(t, "ERROR", "waitress", 318, "MainThread"), "uncaptured",
                       ["<waitress.channel.HTTPChannel connected %s:%d at %s>" % (c.ip, c.port, c.fd_addr)]
                       + list(e))
            state["open"] -= 1
            if state["overflow"] and state["open"] < LIMIT:
                state["overflow"] = False
                S.emit(t, hdr(t, "INFO", "waitress", 331, "MainThread"), "limit_below", [])
            if backlog:
                accept(t + r.randint(1, 5) * MS, backlog.popleft())
    S.finish()
    return S


# =================================================================== output
def write(S):
    d = os.path.join(OUT, S.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as f:
        for (_, _, header, content, _) in S.lines:
            f.write(header + content + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, _, _, content, key) in enumerate(S.lines, 1):
            eid = "E%d" % (S.events.index(key) + 1)
            w.writerow([i, content, eid, S.tpl[key]])


def tpl_regex(t):
    return re.compile("".join("(.+?)" if p == "<*>" else re.escape(p)
                              for p in re.split(r"(<\*>)", t)), re.S)


def check(S):
    d = os.path.join(OUT, S.name)
    raw = open(os.path.join(d, S.name + ".log"), "rb").read()
    assert raw.endswith(b"\n") and b"\r" not in raw, "line endings"
    lines = raw.decode("utf-8").split("\n")[:-1]
    assert len(lines) == N_LINES, "raw line count %d" % len(lines)
    with open(os.path.join(d, S.name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], "csv header"
    rows = rows[1:]
    assert len(rows) == N_LINES, "csv row count"
    tpl_of = {}
    counts = {}
    caps = {}
    last = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        assert len(row) == 4, "columns at %d" % i
        lid, content, eid, tpl = row
        assert lid == str(i), "LineId %d" % i
        assert content and content == content.strip(), "content at %d" % i
        assert "\n" not in content and "\n" not in line
        assert line.endswith(content), "line %d does not end with content" % i
        header = line[:len(line) - len(content)]
        assert S.header_re.fullmatch(header), "header %d: %r" % (i, header)
        m = S.ts_re.search(header)
        assert m, "no timestamp at %d" % i
        key = S.ts_key(m)
        assert last is None or key >= last, "time goes back at %d" % i
        last = key
        assert re.fullmatch(r"E\d+", eid), eid
        if eid in tpl_of:
            assert tpl_of[eid] == tpl, "two templates for %s" % eid
        tpl_of[eid] = tpl
        counts[eid] = counts.get(eid, 0) + 1
        m2 = tpl_regex(tpl).fullmatch(content)
        assert m2, "template mismatch at %d: %r vs %r" % (i, tpl, content)
        for j, g in enumerate(m2.groups()):
            caps.setdefault((eid, j), set()).add(g)
    assert len(set(tpl_of.values())) == len(tpl_of), "templates not distinct"
    declared = ["E%d" % (i + 1) for i in range(len(S.events))]
    assert sorted(tpl_of) == sorted(declared), "unused events: %s" % (set(declared) - set(tpl_of))
    for eid in declared:
        n_slots = tpl_of[eid].count("<*>")
        for j in range(n_slots):
            assert len(caps[(eid, j)]) >= 2, "slot %d of %s has one value: %s" % (j, eid, caps[(eid, j)])
    assert 12 <= len(declared) <= 15, "event count"
    c = [counts[e] for e in declared]
    assert min(c) >= 3, "event below 3 lines: %s" % counts
    assert sum(1 for x in c if 3 <= x <= 10) >= 3, "fewer than three small events: %s" % counts
    med = statistics.median(c)
    assert max(c) >= 3 * med, "not skewed: max %d median %s" % (max(c), med)
    return counts, med


def main():
    builders = [build_tornado, build_sanic, build_aiohttp, build_twisted, build_cherrypy, build_waitress]
    ok = True
    for b in builders:
        S = b()
        write(S)
        try:
            counts, med = check(S)
        except AssertionError as e:
            ok = False
            print("%-9s FAIL: %s" % (S.name, e))
            continue
        order = ["E%d" % (i + 1) for i in range(len(S.events))]
        print("%-9s %-10s %2d events  lines=%d  max=%d  median=%s  counts=%s" % (
            S.name, S.kind, len(order), sum(counts.values()), max(counts.values()), med,
            " ".join("%s:%d" % (e, counts[e]) for e in order)))
    if not ok:
        sys.exit(1)
    print("self-check passed")


if __name__ == "__main__":
    main()
