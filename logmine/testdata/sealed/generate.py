#!/usr/bin/env python3
"""Writes a sealed, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each. Every line is made here from event formats written for this
corpus from each project's documented default log layout (written from memory), with values
from generators of this file; no line, template or value list is copied from a real log or
data set. The corpus was written blind: no template miner or evaluation tool was run on it.

Deterministic: fixed seed 20261208, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId, EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
quoted string, a query, a free-text reason, a list, a dict) is one `<*>`; punctuation around a
value stays literal (`(<*>)`, `'<*>'`, `key=<*>`, `key="<*>"`, `[<*>]`); a unit glued to a
number stays literal after it (`<*>ms`, `<*>s`, `<*>%`); text that never changes within an
event type is literal. Event formats are written directly as their templates: each `<*>` in a
format is filled with one generated value, and every slot takes at least two different values
within its event type.

At the end the files are read back and checked (see `self_check`).
"""
import calendar
import csv
import json
import os
import random
import re
import string
import time

SEED = 20261208
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["Caddy", "Grafana", "NATS", "Sidekiq", "PgBouncer", "Ray"]


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def cycler(seq):
    """Returns the items of seq in turn from a random start: a slot of a rare event type that
    takes its values from it never stays constant."""
    state = {"i": R.randrange(len(seq))}

    def nxt():
        state["i"] += 1
        return seq[state["i"] % len(seq)]
    return nxt


def num(a, b):
    return str(R.randint(a, b))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def b36(n):
    return "".join(R.choice(string.digits + string.ascii_lowercase) for _ in range(n))


def client_ip():
    kind = R.random()
    if kind < 0.4:
        return "203.0.113.%d" % R.randint(1, 254)
    if kind < 0.75:
        return "198.51.100.%d" % R.randint(1, 254)
    return "192.0.2.%d" % R.randint(1, 254)


def lan_ip():
    return "10.%d.%d.%d" % (R.randint(0, 3), R.randint(0, 31), R.randint(2, 250))


def go_dur(lo_ns, hi_ns):
    """A Go time.Duration as String() prints it, for 1ms <= d < 60s (ms or s form)."""
    d = int(R.uniform(lo_ns, hi_ns))
    assert 10 ** 6 <= d < 60 * 10 ** 9
    if d < 10 ** 9:
        whole, frac = divmod(d, 10 ** 6)
        f = ("%06d" % frac).rstrip("0")
        return "%d%sms" % (whole, "." + f if f else "")
    whole, frac = divmod(d, 10 ** 9)
    f = ("%09d" % frac).rstrip("0")
    return "%d%ss" % (whole, "." + f if f else "")


UAS = [
    "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "curl/8.11.0", "Prometheus/3.0.1", "okhttp/4.12.0", "Blackbox-Exporter/0.25.0", "restic/0.17.3",
]


class Clock:
    """Integer nanosecond clock starting on 2026-12-04 at a random second of the morning."""

    def __init__(self):
        self.ns = (calendar.timegm((2026, 12, 4, 0, 0, 0)) + R.randint(8 * 3600, 13 * 3600)) * 10 ** 9 + R.randint(0, 10 ** 9 - 1)

    def tick(self):
        self.ns += R.randint(3 * 10 ** 6, 2200 * 10 ** 6)

    @property
    def g(self):
        return time.gmtime(self.ns // 10 ** 9)

    def frac(self, digits):
        return "%0*d" % (digits, (self.ns % 10 ** 9) // 10 ** (9 - digits))

    def ymd(self, sep="-"):
        g = self.g
        return "%04d%s%02d%s%02d" % (g.tm_year, sep, g.tm_mon, sep, g.tm_mday)

    def hms(self):
        g = self.g
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def unix(self):
        return self.ns / 10 ** 9


# ------------------------------------------------------------------------------------------
# Filling a template.
def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\t" not in v and "<*>" not in v, (template, v)
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    """(content, template, values) of one line."""
    values = [str(v) for v in values]
    return fill(template, values), template, values


class V:
    """A variable field value (a constant field value is given as a plain str)."""

    def __init__(self, value):
        self.value = str(value)


# go-logfmt (Grafana): a value is quoted when it holds a rune <= ' ', '=' or '"'.
def _lf_needs_quote(s):
    return any(ch <= " " or ch in '="' for ch in s)


def _lf_escape(s):
    assert all(32 <= ord(c) < 127 for c in s), s
    return s.replace("\\", "\\\\").replace('"', '\\"')


def logfmt(msg_template, msg_values, *pairs):
    """Content, template and values of a Grafana line after `level=<lvl> `: msg first, then the
    key/value pairs in the given order; quotes around a value stay literal in the template."""
    items = [("msg", msg_template, [str(v) for v in msg_values])]
    for key, val in pairs:
        items.append((key, "<*>", [val.value]) if isinstance(val, V) else (key, val, []))
    c, t, vals = [], [], []
    for key, tmpl, vs in items:
        filled = fill(tmpl, vs)
        q = _lf_needs_quote(filled)
        esc = _lf_escape if q else (lambda s: s)
        wrap = '"%s"' if q else "%s"
        et = "<*>".join(esc(p) for p in tmpl.split("<*>"))
        ev_ = [esc(v) for v in vs]
        c.append("%s=%s" % (key, wrap % fill(et, ev_)))
        t.append("%s=%s" % (key, wrap % et))
        vals += ev_
    return " ".join(c), " ".join(t), vals


# ------------------------------------------------------------------------------------------
def write(system, clock, events, render):
    """events: list of (count, tag, gen); gen() -> (content, template, values[, extra]), called
    after the clock ticked for the line; render(tag, content, extra) -> the raw line. Counts sum
    to LINES; the order of lines is a seeded shuffle."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    assert 10 <= len(events) <= 16, system
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    R.shuffle(order)
    rows, raw = [], []
    slots = {}
    for i, k in enumerate(order):
        _, tag, gen = events[k]
        clock.tick()
        res = gen()
        content, template, values = res[:3]
        extra = res[3] if len(res) > 3 else None
        assert fill(template, values) == content, (system, template)
        seen = slots.setdefault(k, [template, [set() for _ in values]])
        assert seen[0] == template, (system, k, seen[0], template)
        for s, v in zip(seen[1], values):
            s.add(v)
        line = render(tag, content, extra)
        assert "\n" not in line and "\r" not in line, (system, line)
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(line)
    for k, (template, sets) in slots.items():
        for n, s in enumerate(sets):
            assert len(s) >= 2, (system, "E%d" % (k + 1), template, "slot %d constant" % n, s)
    folder = os.path.join(HERE, system)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, system + ".log"), "w", newline="", encoding="utf-8") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(folder, system + ".log_structured.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


# ------------------------------------------------------------------------------------------
# 1. Caddy 2: zap JSON logs, one object per line, `{"level":..,"ts":<unix float>,"logger":..,
#    "msg":..,<fields>}`. Content is the `msg` value.
def caddy():
    c = Clock()
    hosts = ["shop.example.net", "api.example.net", "status.example.org", "files.example.net", "wiki.example.org"]
    uris = {"shop.example.net": lambda: pick(["/", "/cart", "/products/%s" % num(100, 9999), "/assets/app-%s.css" % hexid(8), "/checkout/step/%s" % num(1, 3)]),
            "api.example.net": lambda: pick(["/v2/orders?page=%s" % num(1, 40), "/v2/orders/%s" % num(10000, 99999), "/v2/healthz", "/v2/customers/%s/invoices" % num(1, 800)]),
            "status.example.org": lambda: pick(["/", "/api/status", "/feed.xml"]),
            "files.example.net": lambda: pick(["/pub/backups/%s.tar.zst" % hexid(10), "/pub/iso/", "/pub/docs/manual-%s.pdf" % pick(["en", "de", "fr"])]),
            "wiki.example.org": lambda: pick(["/w/Runbook_%s" % pick(["DNS", "Postgres", "Paging"]), "/search?q=%s" % pick(["vpn", "oncall", "backup"]), "/static/wiki.js"])}
    upstreams = ["10.0.3.%d:%s" % (R.randint(2, 60), pick(["8080", "3000", "9000"])) for _ in range(7)]

    def dur(lo, hi):
        return round(R.uniform(lo, hi), 9)

    def req(host=None):
        host = host or pick(hosts)
        ip = client_ip()
        proto = pick(["HTTP/1.1", "HTTP/2.0", "HTTP/2.0", "HTTP/3.0"])
        headers = {"User-Agent": [pick(UAS)],
                   "Accept": [pick(["*/*", "application/json", "text/html,application/xhtml+xml", "image/avif,image/webp,*/*"])],
                   "Accept-Encoding": [pick(["gzip, deflate, br", "gzip", "br, zstd"])]}
        if R.random() < 0.3:
            headers["Cookie"] = ["REDACTED"]
        r = {"remote_ip": ip, "remote_port": num(1024, 65535), "client_ip": ip, "proto": proto,
             "method": pick(["GET", "GET", "GET", "POST", "PUT", "HEAD", "DELETE"]), "host": host, "uri": uris[host](),
             "headers": headers}
        r["tls"] = {"resumed": R.random() < 0.2, "version": pick([771, 772, 772]), "cipher_suite": pick([4865, 4866, 49199]),
                    "proto": {"HTTP/1.1": "http/1.1", "HTTP/2.0": "h2", "HTTP/3.0": "h3"}[proto], "server_name": host}
        return r

    def access():
        status = pick([200, 200, 200, 200, 200, 304, 301, 206, 404, 403, 499, 500, 502])
        size = 0 if status in (304, 499) else R.randint(0, 900000)
        ctype = pick(["text/html; charset=utf-8", "application/json", "text/css; charset=utf-8", "application/octet-stream"])
        extra = {"_level": "error" if status >= 500 else "info", "request": req(),
                 "bytes_read": pick([0, 0, 0, R.randint(10, 40000)]), "user_id": pick(["", "", "", "ops", "m.ilic"]),
                 "duration": dur(0.0001, 0.9), "size": size, "status": status,
                 "resp_headers": {"Server": ["Caddy"], "Alt-Svc": ['h3=":443"; ma=2592000'], "Content-Type": [ctype]}}
        return ev("handled request") + (extra,)

    def err_fields(status, trace):
        return {"request": req(), "duration": dur(0.0005, 30), "status": status, "err_id": b36(9), "err_trace": trace}

    domains = ["shop.example.net", "api.example.net", "status.example.org", "files.example.net", "wiki.example.org", "*.preview.example.net"]
    issuers = ["acme-v02.api.letsencrypt.org-directory", "acme.zerossl.com-v2-DV90"]
    acme_errors = ["HTTP 429 urn:ietf:params:acme:error:rateLimited - too many new orders recently",
                   "context deadline exceeded",
                   "[wiki.example.org] solving challenges: presenting for challenge: could not determine zone for domain: lookup failed (order=https://acme.example/order/%s)" % num(100000, 999999),
                   "no solvers available for remaining challenges"]
    abort_errors = ["writing: write tcp 10.0.0.1:443->%s:%s: write: broken pipe" % (client_ip(), num(1024, 65535)),
                    "reading: context canceled",
                    "writing: http2: stream closed"]
    events = [
        (150, ("info", "http.log.access"), access),
        (30, ("error", "http.log.error"), lambda: ev("dial tcp <*>: connect: connection refused", pick(upstreams)) + (err_fields(502, "reverseproxy.statusError (reverseproxy.go:1390)"),)),
        (24, ("debug", "http.handlers.reverse_proxy"), lambda: ev("upstream roundtrip") + ({"upstream": pick(upstreams), "duration": dur(0.0002, 2.5), "request": req(pick(["api.example.net", "wiki.example.org"])),
                                                                                           "headers": {"Content-Type": ["application/json"], "Content-Length": [num(2, 90000)]}, "status": pick([200, 200, 201, 404, 500])},)),
        (16, ("error", "http.log.error"), lambda: ev("read tcp <*>-><*>: read: connection reset by peer", "10.0.0.1:%s" % num(30000, 60999), pick(upstreams)) + (err_fields(502, "reverseproxy.statusError (reverseproxy.go:1390)"),)),
        (14, ("info", "tls.obtain"), lambda: ev("certificate obtained successfully") + ({"identifier": pick(domains), "issuer": pick(issuers)},)),
        (10, ("info", "tls"), lambda: ev("storage cleanup complete") + ({"storage": "FileStorage:/data/caddy", "removed": R.randint(0, 6)},)),
        (10, ("info", "admin.api"), lambda: ev("received request") + ({"method": pick(["GET", "POST", "PATCH"]), "host": "localhost:2019", "uri": pick(["/load", "/config/", "/config/apps/http/servers/srv0/routes", "/reverse_proxy/upstreams"]),
                                                                          "remote_ip": "127.0.0.1", "remote_port": num(30000, 60999), "headers": {"Accept-Encoding": ["gzip"], "User-Agent": ["curl/8.11.0"]}},)),
        (9, ("error", "http.log.error"), lambda: ev("open <*>: permission denied", pick(["/srv/files/pub/iso/private.img", "/srv/files/pub/backups/%s.tar.zst" % hexid(10), "/srv/www/wiki/.htpasswd", "/srv/files/pub/docs/draft.pdf"])) + (err_fields(403, "fileserver.(*FileServer).ServeHTTP (staticfiles.go:278)"),)),
        (7, ("error", "http.log.error"), lambda: ev("dial tcp: lookup <*> on <*>: no such host", pick(["orders-api", "wiki-backend", "legacy-shop.internal", "search"]), pick(["127.0.0.11:53", "10.96.0.10:53"])) + (err_fields(502, "reverseproxy.statusError (reverseproxy.go:1390)"),)),
        (6, ("info", "autosave"), lambda: ev("config snapshot written") + ({"file": pick(["/config/caddy/autosave.json", "/var/lib/caddy/.config/caddy/autosave.json"])},)),
        (5, ("error", "tls.obtain"), lambda: ev("could not get certificate from issuer") + ({"identifier": pick(domains), "issuer": pick(issuers), "error": pick(acme_errors)},)),
        (5, ("warn", "http.handlers.reverse_proxy"), lambda: ev("aborting with incomplete response") + ({"upstream": pick(upstreams), "duration": dur(0.5, 60), "request": req(), "error": pick(abort_errors)},)),
        (4, ("info", "http"), lambda: ev("enabling automatic TLS certificate management") + ({"domains": R.sample(domains, R.randint(1, 5))},)),
        (3, ("info", None), lambda: ev("serving initial configuration")),
        (7, ("info", "admin"), lambda: ev("admin endpoint started") + ({"address": "localhost:2019", "enforce_origin": False, "origins": ["//localhost:2019", "//[::1]:2019", "//127.0.0.1:2019"]},)),
    ]

    def render(tag, content, extra):
        level, logger = tag
        extra = dict(extra or {})
        level = extra.pop("_level", level)
        d = {"level": level, "ts": c.unix()}
        if logger:
            d["logger"] = logger
        d["msg"] = content
        d.update(extra)
        return json.dumps(d, separators=(",", ":"))
    write("Caddy", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. Grafana: logfmt `logger=<name> [context pairs] t=<time> level=<lvl> msg=... k=v ...`.
#    Content is everything after `level=<lvl> `.
def grafana():
    c = Clock()
    users = [(1, 1, "admin"), (7, 1, "j.moreau"), (12, 2, "svc-reporting"), (3, 1, "k.tanaka"), (19, 3, "p.lindqvist")]
    dash = ["k8s-overview", "payments-slo", "edge-latency", "postgres-fleet", "node-exporter-full"]

    def request_completed():
        d = int(R.uniform(1, 3000) * 10 ** 6)
        path, handler = pick([
            ("/api/dashboards/uid/%s" % b36(9), "/api/dashboards/uid/:uid"),
            ("/api/search", "/api/search"),
            ("/api/ds/query", "/api/ds/query"),
            ("/api/live/ws", "/api/live/ws"),
            ("/api/annotations", "/api/annotations"),
            ("/api/folders/%s/permissions" % b36(9), "/api/folders/:uid/permissions"),
            ("/api/user/preferences", "/api/user/preferences"),
        ])
        status = pick(["200", "200", "200", "-1", "400", "401", "403", "404", "500", "502"])
        return logfmt("Request Completed", [],
                      ("method", V(pick(["GET", "GET", "POST", "PUT", "DELETE"]))), ("path", V(path)), ("status", V(status)),
                      ("remote_addr", V(client_ip())), ("time_ms", V(d // 10 ** 6)), ("duration", V(go_dur(d, d + 1))),
                      ("size", V(num(0, 120000))), ("referer", V("https://grafana.example.net/d/%s/%s" % (b36(9), pick(dash)))),
                      ("handler", V(handler)), ("status_source", V(pick(["server", "server", "downstream"]))))

    queries = ['sum(rate(http_requests_total{job="%s"}[5m])) by (code)' % pick(["api", "edge"]),
               'histogram_quantile(0.99, sum by (le) (rate(request_duration_seconds_bucket{service="checkout"}[%s])))' % pick(["1m", "5m"]),
               'up{cluster="eu-west-2"} == 0',
               'avg_over_time(pg_replication_lag_seconds{instance=~"db-.*"}[10m]) > 30']

    def ctx_user():
        u = pick(users)
        return "userId=%d orgId=%d uname=%s" % u

    def rule():
        return "rule_uid=%s org_id=%d version=%d" % (b36(14), R.randint(1, 3), R.randint(1, 40))

    events = [
        (138, ("info", "context", ctx_user), request_completed),
        (42, ("info", "ngalert.scheduler", rule), lambda: logfmt("Alert rule evaluated", [], ("results", V(num(0, 60))), ("duration", V(go_dur(2 * 10 ** 6, 4 * 10 ** 9))))),
        (30, ("debug", "ngalert.sender.router", rule), lambda: logfmt("Forwarding alerts to notifier", [], ("count", V(num(1, 25))))),
        (20, ("info", "cleanup", None), lambda: logfmt("Completed cleanup jobs", [], ("duration", V(go_dur(5 * 10 ** 6, 900 * 10 ** 6))))),
        (16, ("warn", "context", lambda: "userId=0 orgId=0 uname="), lambda: logfmt("Session lookup failed", [], ("error", V(pick(["token revoked", "user token not found", "session expired after the rotation window", "invalid token"]))), ("remote_addr", V(client_ip())))),
        (12, ("error", "tsdb.prometheus", lambda: "dsUID=%s" % pick(["prom-main", "prom-edge", "thanos-q"])),
         lambda: logfmt("Range query failed", [], ("query", V(pick(queries))),
                        ("err", V(pick(["context deadline exceeded", "bad_data: 1:19: parse error: unexpected character inside braces", "server_error: server error: 503", "query processing would load too many samples into memory"]))),
                        ("duration", V(go_dur(50 * 10 ** 6, 30 * 10 ** 9))))),
        (10, ("info", "plugin.store", None), lambda: logfmt("Plugin registered", [], ("pluginId", V(pick(["grafana-clock-panel", "yesoreyeram-infinity-datasource", "grafana-piechart-panel", "marcusolsson-json-datasource", "redis-datasource"]))))),
        (8, ("info", "sqlstore.transactions", None), lambda: logfmt("SQLite busy, backing off", [], ("attempt", V(num(1, 5))), ("error", "database is locked"))),
        (6, ("info", "provisioning.dashboard", lambda: "type=file name=%s" % pick(["default", "teams"])), lambda: logfmt("Dashboards provisioned", [], ("folder", V(pick(["Team Payments", "Core Infra", "Edge Network Ops"]))), ("count", V(num(2, 60))))),
        (5, ("warn", "infra.usagestats", None), lambda: logfmt("Failed to send usage stats", [], ("err", V(pick(["context deadline exceeded (Client.Timeout exceeded while awaiting headers)", "proxy refused", "x509: certificate signed by unknown authority"]))))),
        (4, ("info", "http.server", None), lambda: logfmt("HTTP Server Listen", [], ("address", V(pick(["[::]:3000", "0.0.0.0:3000", "127.0.0.1:3001"]))), ("protocol", V(pick(["http", "https"]))), ("subUrl", "/grafana"))),
        (3, ("error", "alerting.notifier.slack", lambda: "receiver=%s integration=0" % pick(["oncall", "payments-team"])),
         lambda: logfmt("Failed to send Slack message", [], ("err", V(pick(["channel_not_found from slack", "request timed out after 30s", "rate limited"]))), ("statusCode", V(pick(["200", "404", "429"]))))),
        (3, ("info", "migrator", None), lambda: logfmt("migrations completed", [], ("performed", V(num(0, 40))), ("skipped", V(num(500, 700))), ("duration", V(go_dur(20 * 10 ** 6, 9 * 10 ** 9))))),
        (3, ("info", "live", None), lambda: logfmt("Closing websocket stream", [], ("reason", V(pick(["client went away", "ping timeout", "server shutting down now"]))), ("channel", V("grafana/dashboard/uid/%s" % b36(9))))),
    ]

    def render(tag, content, extra):
        level, logger, ctx = tag
        head = "logger=%s" % logger
        if ctx:
            head += " " + ctx()
        return "%s t=%sT%s.%s+00:00 level=%s %s" % (head, c.ymd(), c.hms(), c.frac(3), level, content)
    write("Grafana", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. NATS server: `[pid] yyyy/mm/dd hh:mm:ss.uuuuuu [LVL] message`. Content is after `[LVL] `.
def nats():
    c = Clock()
    state = {"cid": R.randint(100, 900)}
    pid = R.randint(1, 9)

    def cid():
        state["cid"] += R.randint(1, 9)
        return state["cid"]

    def caddr():
        return "%s:%s" % (lan_ip(), num(32768, 60999))

    def route():
        return "10.0.0.%d:6222" % R.randint(2, 7)

    clients = ["v1.37.0:go:orders-svc", "v2.28.3:node:web-gateway", "v2.9.0:python3:etl-loader", "v1.37.0:go:billing-worker", "v0.1.5:rust:telemetry"]
    closed = ["Client Closed", "Stale Connection", "Write Error", "Parse Error", "Authentication Timeout", "Max Connections Exceeded"]
    events = [
        (90, "DBG", lambda: ev("<*> - cid:<*> - Client connection created", caddr(), cid())),
        (77, "DBG", lambda: ev('<*> - cid:<*> - "<*>" - Client connection closed: <*>', caddr(), cid(), pick(clients), pick(closed))),
        (30, "WRN", lambda: ev('<*> - cid:<*> - "<*>" - Slow Consumer Detected: write deadline <*> exceeded, <*> chunks (<*> bytes) pending', caddr(), cid(), pick(clients), pick(["2s", "10s", "500ms"]), num(2, 64), num(70000, 9000000))),
        (22, "INF", lambda: ev("<*> - rid:<*> - Route connection created", route(), num(1, 40))),
        (16, "ERR", lambda: ev('<*> - cid:<*> - authorization failed for user "<*>"', caddr(), cid(), pick(["orders", "billing", "grafana-agent", "anonymous", "etl"]))),
        (14, "INF", lambda: ev("JetStream cluster new stream leader for '<*> > <*>'", pick(["$G", "APP", "TELEMETRY"]), pick(["ORDERS", "EVENTS", "AUDIT_LOG", "METRICS_RAW", "KV_sessions"]))),
        (10, "WRN", lambda: ev("<*> - rid:<*> - Readloop processing time: <*>", route(), num(1, 40), go_dur(2 * 10 ** 9, 9 * 10 ** 9))),
        (9, "INF", lambda: ev("<*> - gid:<*> - Gateway connection closed: <*>", "10.8.%d.%d:7222" % (R.randint(0, 3), R.randint(2, 30)), num(1, 20), pick(["Client Closed", "Stale Connection", "Duplicate Gateway Name Detected", "Read Error"]))),
        (7, "ERR", lambda: ev("<*> - cid:<*> - Maximum payload exceeded: <*> vs <*>", caddr(), cid(), num(1048577, 9000000), pick(["1048576", "8388608"]))),
        (5, "INF", lambda: ev("Listening for client connections on <*>", pick(["0.0.0.0:4222", "[::]:4222", "0.0.0.0:14222"]))),
        (4, "INF", lambda: ev("Using JetStream storage directory <*>", pick(["/data/jetstream", "/var/lib/nats/js", "/srv/nats/store"]))),
        (3, "INF", lambda: ev("Server is ready")),
        (8, "ERR", lambda: ev("Error connecting to route <*> (attempt <*>): <*>", route(), num(1, 30), pick(["connection refused", "i/o timeout", "no route to host", "TLS handshake timeout"]))),
        (5, "WRN", lambda: ev('JetStream account "<*>" exceeded its <*> limit', pick(["APP", "TELEMETRY", "$G"]), pick(["memory", "storage", "streams", "consumers"]))),
    ]

    def render(level, content, extra):
        return "[%d] %s %s.%s [%s] %s" % (pid, c.ymd("/"), c.hms(), c.frac(6), level, content)
    write("NATS", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. Sidekiq 7 default text formatter:
#    `<iso8601 ms>Z pid=<pid> tid=<tid>[ class=<C> jid=<jid>[ elapsed=<s>]] <LEVEL>: message`.
#    Content is after `<LEVEL>: `.
def sidekiq():
    c = Clock()
    pid = R.randint(7, 40)
    tids = [b36(4) for _ in range(10)]
    classes = ["InvoiceMailerJob", "SyncInventoryJob", "WebhookDeliveryJob", "ThumbnailJob", "NightlyLedgerExportJob", "PurgeStaleCartsJob"]
    queues = ["default", "mailers", "critical", "low"]

    def err_json():
        args = ", ".join(pick(['%s' % num(1, 99999), '"%s"' % hexid(12), '{"tenant_id":%s}' % num(1, 400), '"sku-%s"' % num(100, 999)]) for _ in range(R.randint(1, 3)))
        created = c.unix() - R.uniform(1, 3000)
        return ev('{"context":"Job raised exception","job":{"retry":<*>,"queue":"<*>","class":"<*>","args":[<*>],"jid":"<*>","created_at":<*>,"enqueued_at":<*>,"retry_count":<*>}}',
                  pick(["true", "true", "5", "3"]), pick(queues), pick(classes), args, hexid(24), "%.6f" % created, "%.6f" % (created + R.uniform(0, 60)), num(0, 12))

    events = [
        (118, ("INFO", "start"), lambda: ev("start")),
        (108, ("INFO", "done"), lambda: ev("done")),
        (14, ("INFO", "done"), lambda: ev("fail")),
        (14, ("WARN", "job"), err_json),
        (12, ("INFO", "sys"), lambda: ev("Poller moved <*> jobs from the <*> set to their queues", num(1, 80), pick(["retry", "schedule"]))),
        (6, ("WARN", "job"), lambda: ev("Net::ReadTimeout: Net::ReadTimeout with #<TCPSocket:(closed)>")),
        (5, ("WARN", "job"), lambda: ev("ActiveRecord::RecordNotFound: Couldn't find <*> with 'id'=<*>", pick(["Invoice", "Cart", "Webhook::Endpoint", "Product"]), num(1, 999999))),
        (3, ("WARN", "job"), lambda: ev("Stripe::RateLimitError: Request rate limit exceeded for account <*>; retry after <*>s", "acct_" + b36(16), num(1, 30))),
        (4, ("INFO", "sys"), lambda: ev("Booted Rails <*> application in <*> environment", pick(["7.2.2", "8.0.0"]), pick(["production", "staging"]))),
        (4, ("INFO", "sys"), lambda: ev("Running in <*>", pick(["ruby 3.3.6 (2024-11-05 revision 75015d4c1f) +YJIT [x86_64-linux]", "ruby 3.4.0dev (2024-11-20 master 1a2b3c4d5e) +PRISM [aarch64-linux]"]))),
        (4, ("INFO", "sys"), lambda: ev("Sidekiq <*> connecting to Redis with options <*>", pick(["7.3.5", "7.3.6"]),
                                        pick(['{size: 10, pool_name: "internal", url: "redis://redis:6379/0"}', '{size: 5, pool_name: "internal", url: "redis://cache-1.internal:6380/2", ssl: true}']))),
        (3, ("INFO", "sys"), lambda: ev("Starting processing, send TSTP to quiet or TERM to stop")),
        (3, ("WARN", "sys"), lambda: ev("Job <*> (<*>) moved to the dead set after <*> retries", hexid(24), pick(classes), pick(["25", "5", "3"]))),
        (2, ("INFO", "sys"), lambda: ev("Pausing to allow <*> busy jobs to finish...", num(1, 10))),
    ]

    def render(tag, content, extra):
        level, kind = tag
        head = "%sT%s.%sZ pid=%d tid=%s" % (c.ymd(), c.hms(), c.frac(3), pid, pick(tids))
        if kind != "sys":
            head += " class=%s jid=%s" % (pick(classes), hexid(24))
        if kind == "done":
            head += " elapsed=%.3f" % R.uniform(0.002, 45)
        return "%s %s: %s" % (head, level, content)
    write("Sidekiq", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. PgBouncer: `yyyy-mm-dd hh:mm:ss.mmm UTC [pid] LEVEL message`. Content is after the level
#    word and its space.
def pgbouncer():
    c = Clock()
    pid = R.randint(1000, 60000)
    pools = [("appdb", "appuser"), ("appdb", "app_ro"), ("reports", "analyst"), ("billing", "billing_rw")]
    servers = ["10.0.0.9:5432", "10.0.0.10:5432", "10.0.1.4:6432"]

    def ptr():
        return "0x55d1c2%s" % hexid(6)

    def cl():
        db, user = pick(pools)
        return ptr(), db, user, "%s:%s" % (lan_ip(), num(32768, 60999))

    def sv():
        db, user = pick(pools)
        return ptr(), db, user, pick(servers)

    def login():
        p, db, user, addr = cl()
        return ev("C-<*>: <*>/<*>@<*> login attempt: db=<*> user=<*> tls=<*>", p, db, user, addr, db, user, pick(["no", "no", "TLSv1.3/TLS_AES_256_GCM_SHA384", "TLSv1.2/ECDHE-RSA-AES128-GCM-SHA256"]))

    up_ver, up_ev = cycler(["1.23.1", "1.24.0"]), cycler(["2.1.12-stable (epoll)", "2.1.12-stable (poll)"])
    up_dns, up_tls = cycler(["c-ares 1.34.3", "evdns2"]), cycler(["OpenSSL 3.0.15 3 Sep 2024", "OpenSSL 3.3.2 3 Sep 2024"])
    sig = cycler(["SIGINT", "SIGTERM"])
    events = [
        (90, "LOG", login),
        (79, "LOG", lambda: ev("C-<*>: <*>/<*>@<*> closing because: <*> (age=<*>s)", *cl(), pick(["client close request", "client unexpected eof", "idle transaction timeout", "client_idle_timeout", "query timeout"]), num(0, 7200))),
        (30, "LOG", lambda: ev("stats: <*> xacts/s, <*> queries/s, in <*> B/s, out <*> B/s, xact <*> us, query <*> us, wait <*> us",
                               num(0, 900), num(0, 4000), num(0, 900000), num(0, 9000000), num(100, 90000), num(50, 40000), num(0, 5000))),
        (26, "LOG", lambda: ev("S-<*>: <*>/<*>@<*> new connection to server (from <*>)", *sv(), "10.0.0.2:%s" % num(32768, 60999))),
        (20, "LOG", lambda: ev("S-<*>: <*>/<*>@<*> closing because: <*> (age=<*>s)", *sv(), pick(["server idle timeout", "server lifetime over", "server_check_query failed", "client disconnect while server was not ready"]), num(0, 7200))),
        (16, "WARNING", lambda: ev("C-<*>: <*>/<*>@<*> pooler error: <*>", *cl(), pick(["query_wait_timeout", "no such user", "password authentication failed", "client_login_timeout (server down)"]))),
        (10, "LOG", lambda: ev("C-<*>: <*>/<*>@<*> cancel request forwarded to S-<*>", *cl(), ptr())),
        (8, "ERROR", lambda: ev("S-<*>: <*>/<*>@<*> server login failed: <*>", *sv(), pick(['FATAL: too many connections for role "analyst"', "FATAL: the database system is starting up", "FATAL: password authentication failed", "server closed the connection unexpectedly"]))),
        (6, "WARNING", lambda: ev("C-<*>: <*>/<*>@<*> waiting for server connection, <*> clients queued in pool", *cl(), num(2, 300))),
        (5, "LOG", lambda: ev("config reloaded from <*>: <*> databases, <*> users", pick(["/etc/pgbouncer/pgbouncer.ini", "/etc/pgbouncer/conf.d/pools.ini"]), num(2, 12), num(3, 40))),
        (4, "ERROR", lambda: ev("accept() failed: <*>", pick(["Too many open files", "Resource temporarily unavailable", "Software caused connection abort"]))),
        (3, "LOG", lambda: ev("process up: PgBouncer <*>, libevent <*>, adns: <*>, tls: <*>", up_ver(), up_ev(), up_dns(), up_tls())),
        (3, "LOG", lambda: ev("got <*>, shutting down with <*> client connections open", sig(), num(0, 500))),
    ]

    def render(level, content, extra):
        return "%s %s.%s UTC [%d] %s %s" % (c.ymd(), c.hms(), c.frac(3), pid, level, content)
    write("PgBouncer", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. Ray: Python logging `yyyy-mm-dd hh:mm:ss,mmm\tLEVEL file.py:line -- message`.
#    Content is after ` -- `.
def ray():
    c = Clock()

    def node():
        return hexid(56)

    def node_ip():
        return "10.2.%d.%d" % (R.randint(0, 7), R.randint(2, 250))

    def demand():
        shapes = ["{'CPU': 1.0}", "{'CPU': 4.0, 'GPU': 1.0}", "{'CPU': 2.0, 'memory': 8589934592.0}", "{'GPU': 1.0, 'accelerator_type:A10G': 0.001}", "{'CPU': 0.5}"]
        return "[%s]" % ", ".join("%s: %d+ pending tasks/actors" % (pick(shapes), R.randint(1, 40)) for _ in range(R.randint(1, 3)))

    def resources():
        cpu = R.choice([32, 64, 96, 128])
        gpu = R.choice([0, 4, 8])
        return "{'CPU': %.1f, 'GPU': %.1f, 'memory': %.1f, 'object_store_memory': %.1f}" % (cpu, gpu, cpu * 4 * 2 ** 30, cpu * 1.5 * 2 ** 30)

    task_errors = ["ray.exceptions.WorkerCrashedError: The worker died unexpectedly while executing this task.",
                   "ray.exceptions.OutOfMemoryError: Task was killed due to the node running low on memory.",
                   "ValueError: could not convert string to float: 'n/a'",
                   "ray.exceptions.RayTaskError(TimeoutError)"]
    actor_reasons = ["the worker process exited with code 137", "node was removed", "SIGSEGV in worker process",
                     "owner process of the actor died"]
    events = [
        (90, ("INFO", "external_storage.py:301"), lambda: ev("Spilled <*> MiB, <*> objects, write throughput <*> MiB/s.", num(1, 40000), num(1, 5000), num(80, 2400))),
        (62, ("INFO", "autoscaler.py:467"), lambda: ev("Pending resource demand: <*>", demand())),
        (38, ("WARNING", "worker.py:2231"), lambda: ev("Task <*> failed (attempt <*> of <*>): <*>", hexid(48), num(1, 4), pick(["3", "4", "5"]), pick(task_errors))),
        (24, ("INFO", "node_launcher.py:174"), lambda: ev("Launching <*> nodes, type <*>.", num(1, 8), pick(["cpu-worker", "gpu-worker-a10g", "spot-cpu-large"]))),
        (20, ("INFO", "autoscaler.py:1089"), lambda: ev("Terminating node <*>: idle for <*>s (idle_timeout_minutes=<*>)", node(), num(60, 3600), pick(["5", "10", "30"]))),
        (16, ("ERROR", "worker.py:2310"), lambda: ev("Actor <*> (pid=<*>, ip=<*>) died unexpectedly: <*>", hexid(32), num(200, 99999), node_ip(), pick(actor_reasons))),
        (12, ("INFO", "external_storage.py:340"), lambda: ev("Restored <*> MiB, <*> objects, read throughput <*> MiB/s.", num(1, 20000), num(1, 3000), num(100, 3000))),
        (10, ("WARNING", "memory_monitor.py:188"), lambda: ev("Node <*> memory usage <*>% exceeds threshold 95%; killing task <*>", node_ip(), "%.1f" % R.uniform(95, 99.9), hexid(48))),
        (8, ("INFO", "worker.py:1816"), lambda: ev("Connecting to existing Ray cluster at address: <*>...", pick(["10.2.0.4:6379", "ray-head.ml.svc:6379", "127.0.0.1:6379"]))),
        (6, ("INFO", "worker.py:1999"), lambda: ev("Started a local Ray instance. View the dashboard at <*>", pick(["http://127.0.0.1:8265", "http://10.2.0.4:8265"]))),
        (4, ("INFO", "scripts.py:912"), lambda: ev("Ray runtime started.")),
        (4, ("ERROR", "external_storage.py:355"), lambda: ev("Failed to spill objects to <*>: <*>", pick(["/tmp/ray/spill", "s3://ml-scratch/ray-spill"]), pick(["[Errno 28] No space left on device", "AccessDenied", "connection timed out after 60 seconds"]))),
        (3, ("INFO", "usage_lib.py:441"), lambda: ev("Usage stats collection is <*>.", pick(["enabled", "disabled"]))),
        (3, ("INFO", "services.py:1260"), lambda: ev("Cluster resources: <*>", resources())),
    ]

    def render(tag, content, extra):
        level, where = tag
        return "%s %s,%s\t%s %s -- %s" % (c.ymd(), c.hms(), c.frac(3), level, where, content)
    write("Ray", c, events, render)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile(".+?".join(re.escape(p) for p in template.split("<*>")), re.S)


# Per system: the header (everything before Content) and where its timestamp is. Caddy is JSON.
HEADERS = {
    "Grafana": re.compile(r"logger=[a-z.]+(?: [A-Za-z_]+=\S*)* t=(\S+) level=(?:info|debug|warn|error) "),
    "NATS": re.compile(r"\[\d+\] (\d{4}/\d\d/\d\d \d\d:\d\d:\d\d\.\d{6}) \[(?:INF|WRN|ERR|DBG)\] "),
    "Sidekiq": re.compile(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) pid=\d+ tid=[0-9a-z]+(?: class=\w+ jid=[0-9a-f]{24}(?: elapsed=\d+\.\d+)?)? (?:INFO|WARN|ERROR): "),
    "PgBouncer": re.compile(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) UTC \[\d+\] (?:LOG|WARNING|ERROR) "),
    "Ray": re.compile(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})\t(?:INFO|WARNING|ERROR) [a-z_]+\.py:\d+ -- "),
}


def self_check():
    """Reads every written file back and asserts the corpus invariants. Returns per-system
    event counts."""
    summary = {}
    for system in SYSTEMS:
        folder = os.path.join(HERE, system)
        with open(os.path.join(folder, system + ".log"), encoding="utf-8", newline="") as f:
            raw = f.read()
        assert raw.endswith("\n") and "\r" not in raw
        lines = raw[:-1].split("\n")
        assert len(lines) == LINES, (system, len(lines))
        with open(os.path.join(folder, system + ".log_structured.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], system
        rows = rows[1:]
        assert len(rows) == LINES, (system, len(rows))
        templates, counts, stamps = {}, {}, []
        for i, (row, line) in enumerate(zip(rows, lines)):
            assert len(row) == 4, (system, row)
            line_id, content, event_id, template = row
            assert line_id == str(i + 1), (system, line_id)
            assert re.fullmatch(r"E[0-9]+", event_id), (system, event_id)
            assert content and content == content.strip() and line.endswith(content) or system == "Caddy", (system, i + 1)
            if system == "Caddy":
                obj = json.loads(line)
                assert obj["msg"] == content and ('"msg":%s' % json.dumps(content)) in line, (system, i + 1)
                stamps.append(obj["ts"])
            else:
                m = HEADERS[system].match(line)
                assert m and line[m.end():] == content, (system, i + 1, line)
                stamps.append(m.group(1))
            assert "<*><*>" not in template, (system, template)
            assert template_regex(template).fullmatch(content), (system, i + 1, template, content)
            assert templates.setdefault(event_id, template) == template, (system, event_id)
            counts[event_id] = counts.get(event_id, 0) + 1
        assert all(a < b for a, b in zip(stamps, stamps[1:])), (system, "timestamps not increasing")
        assert len(set(templates.values())) == len(templates), system
        # No Content matches the template of another event type.
        regs = {e: template_regex(t) for e, t in templates.items()}
        for row in rows:
            others = [e for e, rx in regs.items() if e != row[2] and rx.fullmatch(row[1])]
            assert not others, (system, row[0], row[2], others)
        assert 10 <= len(counts) <= 16, (system, len(counts))
        assert min(counts.values()) >= 2, (system, counts)
        assert sum(1 for n in counts.values() if 2 <= n <= 10) >= 3, (system, counts)
        assert 1 <= sum(1 for n in counts.values() if n >= 60) <= 3, (system, counts)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary


if __name__ == "__main__":
    caddy()
    grafana()
    nats()
    sidekiq()
    pgbouncer()
    ray()
    for system, counts in self_check().items():
        print("%-10s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
