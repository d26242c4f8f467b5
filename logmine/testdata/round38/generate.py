#!/usr/bin/env python3
"""Round 38 blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Every message is invented in the style of its project.  Running this script
writes <System>/<System>.log and <System>/<System>.log_structured.csv for the
six systems and then self-checks all of them.
"""
import csv
import json
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270130
ROOT = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
NS = 1_000_000_000
MS = 1_000_000
US = 1_000
N_LINES = 300


# ----------------------------------------------------------------------------
# time formatting (t = integer nanoseconds since 2026-03-14 00:00:00 UTC)
# ----------------------------------------------------------------------------
def hms(t):
    s, ns = divmod(t, NS)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    assert 0 <= h < 24, "clock left the day"
    return h, m, s, ns


def ts_tyk(t):  # logrus TimestampFormat "Jan 02 15:04:05"
    h, m, s, _ = hms(t)
    return f"{MONTHS[MONTH - 1]} {DAY:02d} {h:02d}:{m:02d}:{s:02d}"


def ts_krakend(t):  # go-logging "2006/01/02 - 15:04:05.000"
    h, m, s, ns = hms(t)
    return f"{YEAR:04d}/{MONTH:02d}/{DAY:02d} - {h:02d}:{m:02d}:{s:02d}.{ns // MS:03d}"


def ts_gin(t):  # gin "2006/01/02 - 15:04:05"
    h, m, s, _ = hms(t)
    return f"{YEAR:04d}/{MONTH:02d}/{DAY:02d} - {h:02d}:{m:02d}:{s:02d}"


def ts_rfc3339(t):
    h, m, s, _ = hms(t)
    return f"{YEAR:04d}-{MONTH:02d}-{DAY:02d}T{h:02d}:{m:02d}:{s:02d}Z"


def ts_o2p(t):  # oauth2-proxy "2006/01/02 15:04:05"
    h, m, s, _ = hms(t)
    return f"{YEAR:04d}/{MONTH:02d}/{DAY:02d} {h:02d}:{m:02d}:{s:02d}"


def ts_gostring(t):  # Go time.Time.String() in UTC
    h, m, s, ns = hms(t)
    frac = f"{ns:09d}".rstrip("0")
    frac = "." + frac if frac else ""
    return f"{YEAR:04d}-{MONTH:02d}-{DAY:02d} {h:02d}:{m:02d}:{s:02d}{frac} +0000 UTC"


def at(h, m, s=0):
    return ((h * 60 + m) * 60 + s) * NS


def go_duration(d):
    """Go time.Duration.String() for a non-negative integer of nanoseconds."""
    if d == 0:
        return "0s"
    if d < US:
        return f"{d}ns"
    if d < MS:
        w, f = divmod(d, US)
        f = f"{f:03d}".rstrip("0")
        return f"{w}.{f}µs" if f else f"{w}µs"
    if d < NS:
        w, f = divmod(d, MS)
        f = f"{f:06d}".rstrip("0")
        return f"{w}.{f}ms" if f else f"{w}ms"
    secs, f = divmod(d, NS)
    f = f"{f:09d}".rstrip("0")
    sec_part = f"{secs % 60}.{f}s" if f else f"{secs % 60}s"
    mins = secs // 60
    if mins == 0:
        return sec_part
    h, m = divmod(mins, 60)
    if h == 0:
        return f"{m}m{sec_part}"
    return f"{h}h{m}m{sec_part}"


# ----------------------------------------------------------------------------
# value helpers
# ----------------------------------------------------------------------------
HEX = "0123456789abcdef"
B64U = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def hexs(r, n):
    return "".join(r.choice(HEX) for _ in range(n))


def b64u(r, n):
    return "".join(r.choice(B64U) for _ in range(n))


def uuid4(r):
    h = f"{r.getrandbits(128):032x}"
    h = h[:12] + "4" + h[13:16] + "89ab"[int(h[16], 16) & 3] + h[17:]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def snowflake(r):  # ZITADEL style numeric id
    return str(r.randint(200000000000000000, 299999999999999999))


def rexp(r, mean_s):
    """exponential gap in integer ns (at least 1 ms)."""
    return int(r.expovariate(1.0 / mean_s) * NS) + MS


def urlq(path):
    out = []
    for ch in path:
        if ch.isalnum() or ch in "-_.~":
            out.append(ch)
        else:
            out.append("%{:02X}".format(ord(ch)))
    return "".join(out)


class Cyc:
    """Small pools cycle per (event, slot) so each slot takes several values."""

    def __init__(self):
        self.c = {}

    def __call__(self, key, pool):
        i = self.c.get(key, 0)
        self.c[key] = i + 1
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


def jstr(s):
    """escape a value for the inside of a JSON string"""
    return json.dumps(s, ensure_ascii=False)[1:-1]


def shuffle_events(r, counts):
    seq = [i for i, c in enumerate(counts) for _ in range(c)]
    r.shuffle(seq)
    return seq


class Sim:
    """collects lines of entities that each run on their own clock"""

    def __init__(self, templates):
        self.T = templates
        self.recs = []
        self.n = 0

    def add(self, t, header, e, vals):
        self.recs.append((t, self.n, header, e, fill(self.T[e], vals)))
        self.n += 1

    def first(self, n):
        self.recs.sort(key=lambda x: (x[0], x[1]))
        return [(t, h, e, c) for (t, _, h, e, c) in self.recs[:n]]


FIRST = ["alice", "bruno", "chen", "dmitri", "elena", "farah", "gustav", "hana",
         "ivan", "jonas", "keiko", "luis", "maya", "nikhil", "olga", "pavel",
         "quinn", "rosa", "sven", "tariq", "ursula", "viktor", "wen", "yara", "zoltan"]
LAST = ["abbott", "berg", "castillo", "dorsey", "eriksen", "fischer", "gallo",
        "haddad", "ito", "janssen", "kowalski", "lindqvist", "moreau", "novak",
        "okafor", "pereira", "quist", "rahman", "sato", "tanaka", "varga", "weber"]

BROWSER_UA = [
    "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 Edg/122.0.2365.80",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
]


# ----------------------------------------------------------------------------
# 1. Tyk (seeded shuffle) -- logrus text formatter, fields sorted after msg
# ----------------------------------------------------------------------------
TYK_T = [
    'msg="Loading API Specification from <*>" prefix=main',
    'msg="Checking security policy: <*>" api_id=<*> api_name="<*>" org_id=<*> prefix=main',
    'msg="API Loaded" api_id=<*> api_name="<*>" org_id=<*> prefix=gateway server_name=-- user_id=-- user_ip=--',
    'msg="Detected <*> APIs" prefix=main',
    'msg="Policies found (<*> total):" prefix=main',
    'msg="Initialising Tyk REST API Endpoints" prefix=main',
    'msg="--> Listening on port: <*>" prefix=main',
    'msg="Attempted access with non-existent key." api_id=<*> api_name="<*>" key="<*>" org_id=<*> origin=<*> path=<*> prefix=auth-mgr',
    'msg="Key rate limit exceeded." api_id=<*> api_name="<*>" key="<*>" org_id=<*> origin=<*> path=<*> prefix=sessionlimiter',
    'msg="Key quota limit exceeded." api_id=<*> api_name="<*>" key="<*>" org_id=<*> origin=<*> path=<*> prefix=sessionlimiter',
    'msg="http: proxy error: <*>" api_id=<*> api_name="<*>" org_id=<*> path=<*> prefix=proxy server_name="<*>" user_ip=<*>',
    'msg="Connection to Redis failed, reconnect in 10s" err="<*>" prefix=pub-sub',
    'msg="Key has expired, please renew" api_id=<*> api_name="<*>" key="<*>" org_id=<*> origin=<*> path=<*> prefix=auth-mgr',
    'msg="[HOST CHECKER] [HOST DOWN]: <*>" prefix=host-check-mgr',
    'msg="[HOST CHECKER] [HOST UP]: <*>" prefix=host-check-mgr',
]
TYK_COUNTS = [18, 18, 18, 6, 6, 5, 7, 90, 40, 15, 30, 12, 20, 8, 7]
TYK_LEVEL = ["info", "info", "info", "info", "info", "info", "info", "warning",
             "info", "info", "error", "error", "info", "warning", "info"]
TYK_HEADER_RE = r'time="[A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2}" level=(?:debug|info|warning|error|fatal) '
TYK_TS_RE = r'^time="[A-Z][a-z]{2} \d{2} (\d{2}):(\d{2}):(\d{2})"'


def gen_tyk(r):
    cy = Cyc()
    orgs = [hexs(r, 24), hexs(r, 24)]
    specs = [("Orders API", "orders", "/orders/", "http://orders.svc.cluster.local:8080"),
             ("Billing Service", "billing", "/billing/", "http://billing.internal:9000"),
             ("Customer Profiles", "profiles", "/profiles/", "http://profiles-v2.svc.cluster.local:8080"),
             ("Inventory Sync", "inventory-sync", "/inventory/", "http://10.12.4.31:7001"),
             ("Partner Webhooks", "partner-hooks", "/hooks/", "https://hooks.partner-gw.example.net"),
             ("Payments Gateway", "payments", "/payments/", "http://payments.internal:8443")]
    apis = [dict(id=hexs(r, 32), name=n, slug=s, listen=l, up=u, org=orgs[i % 2])
            for i, (n, s, l, u) in enumerate(specs)]
    resources = ["v1/items", "v2/items", "v1/accounts", "status", "v1/search", "v1/batches", "v3/events"]

    def path(a):
        res = r.choice(resources)
        p = a["listen"] + res
        if r.random() < 0.6:
            p += "/" + str(r.randint(10, 99999))
        return p

    def origin():
        return r.choice(["203.0.113.", "198.51.100.", "10.20.3.", "192.0.2.", "172.16.40."]) + str(r.randint(2, 254))

    def key():
        return "****" + hexs(r, 4)

    def proxy_err(a):
        host = a["up"].split("//", 1)[1]
        ip = f"10.12.{r.randint(0, 9)}.{r.randint(2, 250)}"
        port = host.rsplit(":", 1)[1] if ":" in host else "443"
        return cy(("E11", "err"), [
            f"dial tcp {ip}:{port}: connect: connection refused",
            "context deadline exceeded",
            f"read tcp 10.12.0.7:{r.randint(32768, 60999)}->{ip}:{port}: read: connection reset by peer",
            f"dial tcp: lookup {host.split(':')[0]} on 10.96.0.10:53: no such host",
            "net/http: timeout awaiting response headers",
            "EOF",
        ])

    out = []
    t = at(8, 52, 17) + r.randint(0, NS)
    for e in shuffle_events(r, TYK_COUNTS):
        t += rexp(r, 6.0)
        if e == 0:
            a = cy(("E1", "api"), apis)
            v = [f"/opt/tyk-gateway/apps/{a['slug']}.json"]
        elif e == 1:
            a = cy(("E2", "api"), apis)
            v = [cy(("E2", "pol"), ["Token", "Open", "JWT", "Token", "HMAC"]), a["id"], a["name"], a["org"]]
        elif e == 2:
            a = cy(("E3", "api"), apis)
            v = [a["id"], a["name"], a["org"]]
        elif e == 3:
            v = [cy(("E4", "n"), ["6", "5", "7"])]
        elif e == 4:
            v = [cy(("E5", "n"), ["3", "4"])]
        elif e == 5:
            v = []
        elif e == 6:
            v = [cy(("E7", "port"), ["8080", "8443"])]
        elif e in (7, 8, 9, 12):
            a = cy((e, "api"), apis)
            v = [a["id"], a["name"], key(), a["org"], origin(), path(a)]
        elif e == 10:
            a = cy(("E11", "api"), apis)
            v = [proxy_err(a), a["id"], a["name"], a["org"], path(a), a["up"], origin()]
        elif e == 11:
            ip = f"10.12.7.{cy(('E12', 'ip'), ['3', '4', '5'])}"
            v = [cy(("E12", "err"), [f"dial tcp {ip}:6379: connect: connection refused",
                                      f"dial tcp {ip}:6379: i/o timeout",
                                      "EOF",
                                      "NOAUTH Authentication required."])]
        elif e in (13, 14):
            a = cy((e, "api"), apis)
            v = [a["up"] + cy((e, "hc"), ["/health", "/healthz", "/status"])]
        hdr = f'time="{ts_tyk(t)}" level={TYK_LEVEL[e]} '
        out.append((t, hdr, e, fill(TYK_T[e], v)))
    return out


# ----------------------------------------------------------------------------
# 2. KrakenD (seeded shuffle) -- krakend-gologging + gin access log
# ----------------------------------------------------------------------------
KRAKEND_T = [
    "Starting the KrakenD instance",
    "[SERVICE: Gin] Listening on port: <*>",
    "[ENDPOINT: <*>] Building the proxy pipe",
    "[BACKEND: <*>] Building the backend pipe",
    "[ENDPOINT: <*>][JWTValidator] Validator enabled for this endpoint",
    "[ENDPOINT: <*>][JWTSigner] Signer disabled for the endpoint",
    "[BACKEND: <*>][CB] Creating the circuit breaker named '<*>'",
    "[BACKEND: <*>][CB] Circuit breaker named '<*>' went from '<*>' to '<*>'",
    "[ENDPOINT: <*>] <*>",
    "[ENDPOINT: <*>][JWTValidator] Unable to validate the token: <*>",
    '<*> | <*> | <*> | GET      "<*>"',
    '<*> | <*> | <*> | POST     "<*>"',
    "Error #01: <*>",
    "[SERVICE: Gin][CORS] Enabled CORS for all requests",
]
KRAKEND_COUNTS = [4, 4, 22, 26, 12, 12, 8, 6, 20, 14, 100, 50, 18, 4]
KRAKEND_LEVEL = ["INFO", "INFO", "DEBUG", "DEBUG", "DEBUG", "INFO", "DEBUG", "WARNIN",
                 "ERROR", "WARNIN", None, None, None, "INFO"]
KRAKEND_HEADER_RE = (r'(?:\[KRAKEND\] \d{4}/\d{2}/\d{2} - \d{2}:\d{2}:\d{2}\.\d{3} ▶ (?:DEBUG|INFO|WARNIN|ERROR|CRITIC) '
                     r'|\[GIN\] \d{4}/\d{2}/\d{2} - \d{2}:\d{2}:\d{2} \| '
                     r'|)')
KRAKEND_TS_RE = r'^\[(?:KRAKEND|GIN)\] \d{4}/\d{2}/\d{2} - (\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?'


def gen_krakend(r):
    cy = Cyc()
    # (endpoint pattern, backend pattern, cb name, method, concrete path maker)
    eps = [
        ("/v1/users/:id", "/users/{{.Id}}", "users-svc", "GET", lambda: f"/v1/users/{r.randint(1, 90000)}"),
        ("/v1/orders", "/orders", "orders-svc", "POST", lambda: "/v1/orders"),
        ("/v1/orders/:id", "/orders/{{.Id}}", "orders-svc", "GET", lambda: f"/v1/orders/{r.randint(1000, 99999)}"),
        ("/v1/catalog/search", "/search", "catalog-svc", "GET", lambda: "/v1/catalog/search"),
        ("/v1/cart/:id/items", "/carts/{{.Id}}/items", "cart-svc", "POST", lambda: f"/v1/cart/{hexs(r, 8)}/items"),
        ("/v1/me", "/profile", "users-svc", "GET", lambda: "/v1/me"),
        ("/v1/payments", "/charges", "payments-svc", "POST", lambda: "/v1/payments"),
        ("/v1/shipping/quotes", "/quotes", "shipping-svc", "GET", lambda: "/v1/shipping/quotes"),
    ]
    get_eps = [x for x in eps if x[3] == "GET"]
    post_eps = [x for x in eps if x[3] == "POST"]
    clients = [f"10.{r.randint(0, 3)}.{r.randint(0, 255)}.{r.randint(2, 254)}" for _ in range(6)] + \
              ["172.17.0.1", "::1"]

    def latency(slow=False):
        if slow:
            d = r.randint(900 * MS, 3 * NS)
        else:
            x = r.random()
            if x < 0.15:
                d = r.randint(40 * US, 999 * US)
            elif x < 0.95:
                d = r.randint(1 * MS, 180 * MS)
            else:
                d = r.randint(200 * MS, 1400 * MS)
        return f"{go_duration(d):>13}"

    def upstream_err(ep):
        svc = ep[2]
        verb = "Get" if ep[3] == "GET" else "Post"
        return cy(("err", "e"), [
            "invalid status code",
            f'{verb} "http://{svc}:8000{ep[1].replace("{{.Id}}", str(r.randint(1, 9999)))}": context deadline exceeded',
            f"dial tcp 10.8.{r.randint(0, 9)}.{r.randint(2, 250)}:8000: connect: connection refused",
            "json: cannot unmarshal string into Go value of type map[string]interface {}",
            f'{verb} "http://{svc}:8000{ep[1].replace("{{.Id}}", hexs(r, 6))}": EOF',
        ])

    n_pairs = KRAKEND_COUNTS[12]
    n_pair_get, n_pair_post = 12, n_pairs - 12
    units = []
    for e, c in enumerate(KRAKEND_COUNTS):
        if e == 10:
            c -= n_pair_get
        elif e == 11:
            c -= n_pair_post
        elif e == 12:
            c = 0
        units += [e] * c
    units += ["pg"] * n_pair_get + ["pp"] * n_pair_post
    r.shuffle(units)

    out = []
    t = at(13, 5, 41) + r.randint(0, NS)

    def kd(e, vals):
        out.append((t, f"[KRAKEND] {ts_krakend(t)} ▶ {KRAKEND_LEVEL[e]} ", e, fill(KRAKEND_T[e], vals)))

    def gin(e, status, lat, ip, path):
        out.append((t, f"[GIN] {ts_gin(t)} | ", e, fill(KRAKEND_T[e], [status, lat, f"{ip:>15}", path])))

    for u in units:
        t += rexp(r, 2.5)
        if u == 0:
            kd(0, [])
        elif u == 1:
            kd(1, [cy(("E2", "p"), ["8080", "8090"])])
        elif u in (2, 4, 5):
            kd(u, [cy((u, "ep"), eps)[0]])
        elif u == 3:
            kd(3, [cy(("E4", "be"), eps)[1]])
        elif u == 6:
            ep = cy(("E7", "ep"), eps)
            kd(6, [ep[1], f"cb-{ep[2]}-{cy(('E7', 'n'), ['0', '1'])}"])
        elif u == 7:
            ep = cy(("E8", "ep"), eps)
            fr, to = cy(("E8", "st"), [("closed", "open"), ("open", "half-open"),
                                        ("half-open", "closed"), ("half-open", "open")])
            kd(7, [ep[1], f"cb-{ep[2]}-0", fr, to])
        elif u == 8:
            ep = cy(("E9", "ep"), eps)
            kd(8, [ep[0], upstream_err(ep)])
        elif u == 9:
            ep = cy(("E10", "ep"), eps)
            kd(9, [ep[0], cy(("E10", "why"), [
                "token is expired",
                "square/go-jose: error in cryptographic primitive",
                "no Keys has been found",
                "Token is not valid yet",
                "invalid audience"])])
        elif u == 13:
            kd(13, [])
        elif u in (10, 11):
            ep = cy((u, "ep"), get_eps if u == 10 else post_eps)
            st = r.choice(["200"] * 8 + (["304", "404"] if u == 10 else ["201", "400"]) + ["401", "429"])
            gin(u, st, latency(), cy((u, "ip"), clients), ep[4]())
        else:  # a failed request: gin line followed by the gin error line
            e = 10 if u == "pg" else 11
            ep = cy((e, "ep"), get_eps if e == 10 else post_eps)
            gin(e, cy(("pair", "st"), ["500", "502", "504"]), latency(True), cy((e, "ip"), clients), ep[4]())
            out.append((t, "", 12, fill(KRAKEND_T[12], [upstream_err(ep)])))
    return out


# ----------------------------------------------------------------------------
# 3. OAuth2Proxy (simulation: browser sessions + health probes)
# ----------------------------------------------------------------------------
O2P_T = [
    "Error loading cookied session: <*>, removing session",
    "Refreshing session - User: <*>; SessionAge: <*>",
    "Error redeeming code during OAuth2 callback: <*>",
    "Error proxying to upstream server: <*>",
    "Authenticated via OAuth2: Session{email:<*> user:<*> PreferredUsername:<*> token:true id_token:true created:<*> expires:<*> refresh_token:true}",
    "Invalid authentication via OAuth2: unauthorized",
    "Invalid authentication via OAuth2: CSRF token mismatch, potential attack",
    '<*> GET - "<*>" HTTP/1.1 "<*>" 403 <*> <*>',
    '<*> GET - "/oauth2/start?rd=<*>" HTTP/1.1 "<*>" 302 <*> <*>',
    '<*> GET - "/oauth2/callback?code=<*>&state=<*>" HTTP/1.1 "<*>" <*> <*> <*>',
    '<*> GET <*> "<*>" HTTP/1.1 "<*>" <*> <*> <*>',
    '<*> POST <*> "<*>" HTTP/1.1 "<*>" <*> <*> <*>',
    '<*> GET - "/ping" HTTP/1.1 "<*>" 200 2 <*>',
    '<*> GET - "/oauth2/sign_out?rd=<*>" HTTP/1.1 "<*>" 302 <*> <*>',
]
O2P_FILE = {0: "oauthproxy.go:1037", 1: "stored_session.go:192", 2: "oauthproxy.go:839", 3: "http.go:108"}
O2P_HEADER_RE = (r'(?:\[\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}\] \[[a-z_]+\.go:\d+\] '
                 r'|\S+ - [0-9a-f-]{36} - \S+ \[\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}\] \[Auth(?:Success|Failure|Error)\] '
                 r'|\S+ - [0-9a-f-]{36} - \S+ \[\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}\] )')
O2P_TS_RE = r'\[\d{4}/\d{2}/\d{2} (\d{2}):(\d{2}):(\d{2})\]'


def gen_oauth2proxy(r):
    cy = Cyc()
    sim = Sim(O2P_T)
    hosts = ["grafana.northwind-labs.io", "grafana.int.northwind-labs.io"]
    get_paths = ["/", "/dashboards", "/d/k8s-cluster/overview", "/explore", "/alerting/list",
                 "/api/search?query=&starred=false", "/api/dashboards/uid/f3Kd9aQ", "/public/build/app.4f1c2.js",
                 "/api/user/preferences", "/d/pg-replication/postgres?orgId=1"]
    post_paths = ["/api/ds/query", "/api/frontend-metrics", "/api/dashboards/db", "/api/annotations",
                  "/render/d/k8s-cluster/overview"]
    upstreams = ["/", "/api/"]

    def std(t, e, vals):
        sim.add(t, f"[{ts_o2p(t)}] [{O2P_FILE[e]}] ", e, vals)

    def auth(t, c, rid, user, st, e, vals):
        sim.add(t, f"{c} - {rid} - {user} [{ts_o2p(t)}] [{st}] ", e, vals)

    def req(t, c, rid, user, e, vals):
        sim.add(t, f"{c} - {rid} - {user} [{ts_o2p(t)}] ", e, vals)

    def secs(d):
        return f"{d / NS:.3f}"

    def user_session(t, uid):
        first, last = r.choice(FIRST), r.choice(LAST)
        allowed = cy(("ent", "allowed"), [True, True, True, False, True, True, True])
        domain = "northwind-labs.io" if allowed else r.choice(["gmail.com", "outlook.com", "proton.me"])
        email = f"{first}.{last}@{domain}"
        sub = uuid4(r)
        ip = r.choice(["10.30.", "10.31.", "172.20."]) + f"{r.randint(0, 255)}.{r.randint(2, 254)}"
        ua = cy(("ent", "ua"), BROWSER_UA)
        host = cy(("ent", "host"), hosts)
        kind = r.random()

        def browse(t, last_refresh):
            n = r.randint(2, 11)
            for _ in range(n):
                t += rexp(r, 11.0) + 200 * MS
                if t - last_refresh > 3600 * NS:
                    std(t, 1, [email, go_duration(t - last_refresh + r.randint(0, 999) * MS)])
                    last_refresh = t
                    t += r.randint(80, 400) * MS
                rid = uuid4(r)
                post = r.random() < 0.22
                if r.random() < 0.05:
                    std(t, 3, [cy(("E4", "err"), [
                        f"dial tcp 10.42.7.{r.randint(2, 250)}:3000: connect: connection refused",
                        "context canceled",
                        f"read tcp 10.42.3.17:{r.randint(32768, 60999)}->10.42.7.31:3000: read: connection reset by peer",
                        "EOF"])])
                    st, size, d = "502", str(r.randint(1400, 1500)), r.randint(2 * MS, 30 * NS // 10)
                else:
                    if post:
                        st = r.choice(["200"] * 6 + ["204", "400"])
                    else:
                        st = r.choice(["200"] * 8 + ["304", "304", "404"])
                    size = "0" if st in ("204", "304") else str(r.randint(120, 180000))
                    d = r.randint(3 * MS, 900 * MS)
                path = r.choice(post_paths if post else get_paths)
                up = upstreams[1] if path.startswith("/api/") else upstreams[0]
                req(t + d, ip, rid, email, 11 if post else 10,
                    [host, up, path, ua, st, size, secs(d)])
                t += d
            if r.random() < 0.3:
                t += rexp(r, 20.0)
                rd = r.choice(["/", "/login", "/dashboards"])
                d = r.randint(1 * MS, 9 * MS)
                req(t, ip, uuid4(r), email, 13, [host, urlq(rd), ua, str(24 + len(urlq(rd))), secs(d)])

        def login(t):
            p = r.choice(get_paths[:6])
            d = r.randint(1 * MS, 6 * MS)
            req(t, ip, uuid4(r), "-", 7, [host, p, ua, str(r.randint(2700, 2900) + len(p)), secs(d)])
            t += r.randint(1500, 9000) * MS
            rd = urlq(p)
            d = r.randint(1 * MS, 8 * MS)
            req(t, ip, uuid4(r), "-", 8, [host, rd, ua, str(330 + len(rd) + r.randint(0, 40)), secs(d)])
            t += r.randint(3000, 25000) * MS
            code = f"{uuid4(r)}.{uuid4(r)}.{uuid4(r)}"
            state = f"{b64u(r, 43)}%3A{rd}"
            rid = uuid4(r)
            x = r.random()
            if x < 0.72 and allowed:
                d = r.randint(40 * MS, 400 * MS)
                created = t + d - r.randint(1, 9) * MS
                auth(t + d, ip, rid, email, "AuthSuccess", 4,
                     [email, sub, f"{first}.{last}", ts_gostring(created), ts_gostring(created + 300 * NS)])
                req(t + d, ip, rid, email, 9, [host, code, state, ua, "302", str(25 + len(p)), secs(d)])
                browse(t + d, t + d)
            elif not allowed:
                d = r.randint(40 * MS, 300 * MS)
                auth(t + d, ip, rid, email, "AuthFailure", 5, [])
                req(t + d, ip, rid, "-", 9, [host, code, state, ua, "403", str(r.randint(2600, 2700)), secs(d)])
            elif x < 0.82:
                d = r.randint(20 * MS, 5 * NS)
                std(t + d, 2, [cy(("E3", "err"), [
                    'unable to redeem code: oauth2: "invalid_grant" "Code not valid"',
                    f"email in id_token ({email}) isn't verified",
                    'could not verify id_token: failed to verify signature: fetching keys oidc: get keys failed: Get "https://sso.northwind-labs.io/realms/corp/protocol/openid-connect/certs": context deadline exceeded',
                    "token exchange failed: oauth2: server response missing access_token"])])
                req(t + d, ip, rid, "-", 9, [host, code, state, ua, "500", str(r.randint(2500, 2600)), secs(d)])
            else:
                d = r.randint(1 * MS, 9 * MS)
                auth(t + d, ip, rid, "-", "AuthFailure", 6, [])
                req(t + d, ip, rid, "-", 9, [host, code, state, ua, "403", str(r.randint(2600, 2700)), secs(d)])

        if kind < 0.55 or not allowed:
            login(t)
        elif kind < 0.8:
            age = r.randint(120, 5 * 3600) * NS
            browse(t, t - age)
        else:
            std(t, 0, [cy(("E1", "err"), [
                "session ticket cookie failed validation: cookie signature not valid",
                "error decrypting the session state: cipher: message authentication failed",
                "session ticket not found in redis: redis: nil",
                "cookie \"_oauth2_proxy\" not present"])])
            p = r.choice(get_paths[:6])
            d = r.randint(1 * MS, 6 * MS)
            req(t, ip, uuid4(r), "-", 7, [host, p, ua, str(r.randint(2700, 2900) + len(p)), secs(d)])
            if r.random() < 0.6:
                login(t + r.randint(2, 15) * NS)

    t0 = at(9, 41, 7) + r.randint(0, NS)
    t = t0
    uid = 0
    while t < t0 + 90 * 60 * NS:
        t += rexp(r, 24.0)
        uid += 1
        user_session(t, uid)
    # health probes: kubelet liveness/readiness and the load balancer
    for src, period, host, ua in (("10.42.3.1", 40, "10.42.3.17:4180", "kube-probe/1.29"),
                                  ("lb", 55, "grafana.northwind-labs.io", "ELB-HealthChecker/2.0")):
        t = t0 + r.randint(0, period) * NS
        while t < t0 + 90 * 60 * NS:
            c = src if src != "lb" else cy(("E13", "lb"), ["10.0.1.48", "10.0.2.113", "10.0.3.77"])
            req(t, c, uuid4(r), "-", 12, [host, ua, r.choice(["0.000", "0.000", "0.001"])])
            t += period * NS + r.randint(-200, 200) * MS
    return sim.first(N_LINES)


# ----------------------------------------------------------------------------
# 4. Pomerium (seeded shuffle) -- zerolog JSON
# ----------------------------------------------------------------------------
POM_T = [
    '"service":"envoy","upstream-cluster":"<*>","method":"<*>","authority":"<*>","path":"<*>","user-agent":"<*>","referer":"","forwarded-for":"<*>","request-id":"<*>","duration":<*>,"size":<*>,"response-code":<*>,"response-code-details":"via_upstream","time":"<*>","message":"http-request"}',
    '"service":"envoy","upstream-cluster":"<*>","method":"<*>","authority":"<*>","path":"<*>","user-agent":"<*>","referer":"","forwarded-for":"<*>","request-id":"<*>","duration":<*>,"size":<*>,"response-code":<*>,"response-code-details":"ext_authz_denied","time":"<*>","message":"http-request"}',
    '"service":"authorize","request-id":"<*>","check-request-id":"<*>","method":"<*>","path":"<*>","host":"<*>","query":"","ip":"<*>","session-id":"<*>","user":"<*>","email":"<*>","allow":true,"allow-why-true":["<*>"],"deny":false,"deny-why-false":[],"time":"<*>","message":"authorize check"}',
    '"service":"authorize","request-id":"<*>","check-request-id":"<*>","method":"<*>","path":"<*>","host":"<*>","query":"","ip":"<*>","allow":false,"allow-why-false":["user-unauthenticated"],"deny":false,"deny-why-false":[],"time":"<*>","message":"authorize check"}',
    '"config_file_source":"/pomerium/config.yaml","bootstrap":true,"time":"<*>","message":"enabled authenticate service"}',
    '"config_file_source":"/pomerium/config.yaml","bootstrap":true,"time":"<*>","message":"enabled authorize service"}',
    '"config_file_source":"/pomerium/config.yaml","bootstrap":true,"time":"<*>","message":"enabled proxy service"}',
    '"service":"identity_manager","syncer_id":"identity_manager","syncer_type":"<*>","time":"<*>","message":"initial sync"}',
    '"service":"identity_manager","session_id":"<*>","user_id":"<*>","time":"<*>","message":"refreshing session"}',
    '"service":"identity_manager","error":"<*>","session_id":"<*>","user_id":"<*>","time":"<*>","message":"failed to refresh oauth2 token, deleting session"}',
    '"service":"envoy","name":"config","time":"<*>","message":"StreamAggregatedResources gRPC config stream to pomerium-control-plane-grpc closed: <*>"}',
    '"addr":"<*>","time":"<*>","message":"starting control-plane gRPC server"}',
    '"addr":"<*>","time":"<*>","message":"starting control-plane http server"}',
    '"config_file_source":"/pomerium/config.yaml","checksum":"<*>","time":"<*>","message":"config: file updated, reconfiguring..."}',
    '"status":<*>,"status_text":"<*>","request-id":"<*>","error":"<*>","time":"<*>","message":"httputil: error"}',
]
POM_COUNTS = [100, 30, 45, 20, 4, 4, 4, 8, 25, 10, 12, 5, 5, 14, 14]
POM_LEVEL = ["info", "info", "info", "info", "info", "info", "info", "info", "debug", "error",
             "warn", "info", "info", "info", "info"]
POM_HEADER_RE = r'\{"level":"(?:debug|info|warn|error)",'
POM_TS_RE = r'"time":"\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2}):(\d{2})Z"'


def gen_pomerium(r):
    cy = Cyc()
    routes = [("grafana.corp.tessellate.dev", "route-" + hexs(r, 16)),
              ("wiki.corp.tessellate.dev", "route-" + hexs(r, 16)),
              ("ci.corp.tessellate.dev", "route-" + hexs(r, 16)),
              ("pgadmin.corp.tessellate.dev", "route-" + hexs(r, 16)),
              ("verify.corp.tessellate.dev", "route-" + hexs(r, 16))]
    paths = ["/", "/api/health", "/d/overview", "/pages/viewpage.action?pageId=88213", "/job/deploy-prod/lastBuild/",
             "/browser/", "/static/js/main.9c1e.js", "/api/v1/query", "/favicon.ico", "/.pomerium/"]
    people = [(f"{f}.{l}@tessellate.dev", b64u(r, 22)) for f, l in
              (("maya", "okafor"), ("sven", "lindqvist"), ("hana", "sato"), ("luis", "pereira"),
               ("viktor", "novak"), ("wen", "rahman"))]
    why_true = ["email-ok", "domain-ok", "claim-ok", "user-ok"]
    meths = ["GET"] * 6 + ["POST", "PUT"]

    def ip():
        return r.choice(["203.0.113.", "198.51.100.", "100.64.12."]) + str(r.randint(2, 254))

    def dur():
        return f"{r.randint(200, 900000) / 1000:.3f}"

    out = []
    t = at(16, 20, 3) + r.randint(0, NS)
    for e in shuffle_events(r, POM_COUNTS):
        t += rexp(r, 3.0)
        ts = ts_rfc3339(t)
        if e == 0:
            host, route = cy(("E1", "route"), routes)
            v = [route, r.choice(meths), host, r.choice(paths), cy(("E1", "ua"), BROWSER_UA), ip(), uuid4(r),
                 dur(), str(r.randint(0, 250000)), r.choice(["200"] * 7 + ["304", "404", "500"]), ts]
        elif e == 1:
            host, route = cy(("E2", "route"), routes)
            code = cy(("E2", "code"), ["302", "302", "403"])
            v = [route, "GET", host, r.choice(paths), cy(("E2", "ua"), BROWSER_UA), ip(), uuid4(r), dur(),
                 str(r.randint(0, 40) if code == "302" else r.randint(2900, 3400)), code, ts]
            v[1] = cy(("E2", "m"), ["GET", "GET", "POST"])
        elif e == 2:
            host, _ = cy(("E3", "route"), routes)
            em, uid = cy(("E3", "who"), people)
            v = [uuid4(r), uuid4(r), r.choice(meths), r.choice(paths), host, ip(), b64u(r, 22), uid, em,
                 cy(("E3", "why"), why_true), ts]
        elif e == 3:
            host, _ = cy(("E4", "route"), routes)
            v = [uuid4(r), uuid4(r), cy(("E4", "m"), ["GET", "GET", "HEAD"]), r.choice(paths), host, ip(), ts]
        elif e in (4, 5, 6):
            v = [ts]
        elif e == 7:
            v = [cy(("E8", "t"), ["type.googleapis.com/session.Session", "type.googleapis.com/user.User"]), ts]
        elif e == 8:
            _, uid = cy(("E9", "who"), people)
            v = [b64u(r, 22), uid, ts]
        elif e == 9:
            _, uid = cy(("E10", "who"), people)
            v = [cy(("E10", "err"), [
                jstr('oauth2: "invalid_grant" "Token is not active"'),
                jstr('oauth2: "invalid_grant" "Session not active"'),
                jstr("oauth2: cannot fetch token: 503 Service Unavailable"),
                jstr('Post "https://sso.tessellate.dev/realms/staff/protocol/openid-connect/token": dial tcp 10.40.2.9:443: i/o timeout')]),
                 b64u(r, 22), uid, ts]
        elif e == 10:
            v = [ts, cy(("E11", "why"), ["14, upstream connect error or disconnect/reset before headers. reset reason: connection failure",
                                         "13, ", "2, stream terminated by RST_STREAM with error code: NO_ERROR",
                                         "14, connection closed"])]
        elif e in (11, 12):
            v = [f"127.0.0.1:{r.randint(33000, 60999)}", ts]
        elif e == 13:
            v = [hexs(r, 16), ts]
        elif e == 14:
            st, txt, err = cy(("E15", "st"), [
                ("403", "Forbidden", "access denied"),
                ("400", "Bad Request", "internal/sessions: session is malformed"),
                ("401", "Unauthorized", "identity/oidc: callback state mismatch"),
                ("500", "Internal Server Error", 'oidc: failed to get userinfo: Get \\"https://sso.tessellate.dev/realms/staff/protocol/openid-connect/userinfo\\": EOF'),
                ("403", "Forbidden", "access denied")])
            v = [st, txt, uuid4(r), err, ts]
        out.append((t, f'{{"level":"{POM_LEVEL[e]}",', e, fill(POM_T[e], v)))
    return out


# ----------------------------------------------------------------------------
# 5. Zitadel (seeded shuffle) -- zitadel/logging on logrus text formatter
# ----------------------------------------------------------------------------
ZP = "/home/runner/work/zitadel/zitadel"
ZIT_T = [
    f'msg="setup started" caller="{ZP}/cmd/setup/setup.go:123"',
    f'msg="starting migration" caller="{ZP}/internal/migration/migration.go:56" name=<*>',
    f'msg="verify migration" caller="{ZP}/internal/migration/migration.go:44" name=<*>',
    f'msg="setup completed" caller="{ZP}/cmd/setup/setup.go:171"',
    f'msg="server is listening on <*>" caller="{ZP}/cmd/start/start.go:412"',
    f'msg="projection handler started" caller="{ZP}/internal/eventstore/handler/v2/handler.go:187" projection=<*>',
    f'msg="process events failed" caller="{ZP}/internal/eventstore/handler/v2/handler.go:412" error="<*>" projection=<*>',
    f'msg="unable to handle request" caller="{ZP}/internal/api/grpc/server/middleware/error_interceptor.go:31" error="<*>" method=<*>',
    f'msg="unable to set instance" caller="{ZP}/internal/api/grpc/server/middleware/instance_interceptor.go:64" error="<*>" host="<*>"',
    f'msg="sending email failed" caller="{ZP}/internal/notification/handlers/user_notifier.go:318" error="<*>" instance=<*> type=<*> user=<*>',
    f'msg="email sent" caller="{ZP}/internal/notification/handlers/user_notifier.go:302" instance=<*> type=<*> user=<*>',
    f'msg="unable to acquire lock" caller="{ZP}/internal/eventstore/handler/v2/handler.go:352" error="<*>" projection=<*>',
    f'msg="projection handler stopped" caller="{ZP}/internal/eventstore/handler/v2/handler.go:201" projection=<*>',
]
ZIT_COUNTS = [3, 12, 12, 3, 4, 28, 22, 110, 30, 10, 55, 6, 5]
ZIT_LEVEL = ["info", "info", "info", "info", "info", "info", "warning", "error", "warning", "error",
             "info", "warning", "info"]
ZIT_HEADER_RE = r'time="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z" level=(?:debug|info|warning|error|fatal|panic) '
ZIT_TS_RE = r'^time="\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2}):(\d{2})Z"'


def gen_zitadel(r):
    cy = Cyc()
    migrations = ["01_tables", "02_assets", "03_default_instance", "05_last_failed", "07_logstore",
                  "08_auth_token_indexes", "10_event_created_at", "14_events_push",
                  "15_current_projection_state", "18_add_lowercase_fields", "23_correct_global_unique_constraints"]
    projections = ["projections.users10", "projections.login_names3", "projections.orgs1", "projections.sessions8",
                   "projections.instances", "projections.idp_templates5", "projections.apps7",
                   "projections.notifications", "projections.user_auth_methods5", "projections.org_members4"]
    methods = ["/zitadel.management.v1.ManagementService/GetUserByID",
               "/zitadel.auth.v1.AuthService/GetMyUser",
               "/zitadel.user.v2.UserService/AddHumanUser",
               "/zitadel.session.v2.SessionService/CreateSession",
               "/zitadel.admin.v1.AdminService/ListOrgs",
               "/zitadel.management.v1.ManagementService/AddOIDCApp",
               "/zitadel.org.v2.OrganizationService/AddOrganization",
               "/zitadel.user.v2.UserService/VerifyEmail"]
    req_errors = ["ID=QUERY-Dfbe2 Message=Errors.User.NotFound",
                  "ID=AUTH-7nf3s Message=Errors.Token.Invalid",
                  "ID=COMMAND-2M9fs Message=Errors.User.AlreadyExisting",
                  "ID=AUTHZ-8fh3E Message=Errors.Token.Invalid Parent=(square/go-jose: error in cryptographic primitive)",
                  "ID=SESSION-Jkl3p Message=Errors.User.Password.Invalid",
                  "ID=QUERY-n0wng Message=Errors.Org.NotFound",
                  "ID=COMMAND-Df23a Message=Errors.User.Email.CodeInvalid",
                  "ID=AUTHZ-Bq8vx Message=Errors.PermissionDenied"]
    # which error a gRPC method plausibly fails with
    req_pairs = [(req_errors[0], methods[0]), (req_errors[1], methods[1]), (req_errors[2], methods[2]),
                 (req_errors[3], methods[4]), (req_errors[4], methods[3]), (req_errors[5], methods[6]),
                 (req_errors[6], methods[7]), (req_errors[7], methods[5]), (req_errors[1], methods[0]),
                 (req_errors[7], methods[4]), (req_errors[0], methods[3]), (req_errors[3], methods[1])]
    instances = [snowflake(r) for _ in range(3)]
    users = [snowflake(r) for _ in range(9)]
    out = []
    t = at(6, 14, 52) + r.randint(0, NS)
    for e in shuffle_events(r, ZIT_COUNTS):
        t += rexp(r, 7.0)
        if e in (0, 3):
            v = []
        elif e in (1, 2):
            v = [cy((e, "m"), migrations)]
        elif e == 4:
            v = [cy(("E5", "a"), ["[::]:8080", "0.0.0.0:8080"])]
        elif e in (5, 12):
            v = [cy((e, "p"), projections)]
        elif e == 6:
            p = cy(("E7", "p"), projections)
            tbl = p.split(".", 1)[1]
            v = [cy(("E7", "err"), [
                f'ID=CRDB-sdnJ8 Message=unable to execute statement Parent=(ERROR: duplicate key value violates unique constraint \\"{tbl}_pkey\\" (SQLSTATE 23505))',
                "ID=V2-lpiK0 Message=Errors.Internal Parent=(timeout: context already done: context canceled)",
                "context deadline exceeded",
                f'ID=CRDB-SJ43f Message=Errors.Internal Parent=(ERROR: relation \\"{tbl}\\" does not exist (SQLSTATE 42P01))',
                "ID=V2-xB9kd Message=Errors.Internal Parent=(failed to connect to `host=db.zitadel.svc user=zitadel database=zitadel`: dial error (timeout: dial tcp 10.60.1.4:5432: i/o timeout))"]),
                 p]
        elif e == 7:
            v = list(cy(("E8", "pair"), req_pairs))
        elif e == 8:
            v = [cy(("E9", "err"), ["ID=QUERY-1kIjX Message=Errors.IAM.NotFound",
                                     "ID=AUTHZ-IH8ns Message=Errors.Instance.NotFound Parent=(sql: no rows in result set)"]),
                 cy(("E9", "host"), ["login.dunmore-health.example:443", "zitadel.svc.cluster.local:8080",
                                     "10.60.0.23:8080", "auth.dunmore-health.example"])]
        elif e == 9:
            v = [cy(("E10", "err"), ["ID=SMTP-4n9sA Message=could not dial Parent=(dial tcp 10.60.4.2:587: connect: connection refused)",
                                      "ID=SMTP-s9kfs Message=could not add smtp auth Parent=(535 5.7.8 Authentication credentials invalid)",
                                      "ID=NOTIF-bc2Es Message=Errors.SMTPConfig.NotFound"]),
                 cy(("E10", "i"), instances), cy(("E10", "ty"), ["InitCode", "VerifyEmail", "PasswordReset"]),
                 r.choice(users)]
        elif e == 10:
            v = [cy(("E11", "i"), instances),
                 cy(("E11", "ty"), ["VerifyEmail", "InitCode", "PasswordReset", "VerifyEmail", "PasswordChange", "OTPEmail"]),
                 r.choice(users)]
        elif e == 11:
            v = [cy(("E12", "err"), ["projection already locked", "ID=CRDB-mmi4J Message=Errors.Internal Parent=(context canceled)"]),
                 cy(("E12", "p"), projections)]
        out.append((t, f'time="{ts_rfc3339(t)}" level={ZIT_LEVEL[e]} ', e, fill(ZIT_T[e], v)))
    return out


# ----------------------------------------------------------------------------
# 6. Ory Kratos (simulation: self-service flows, API clients, courier)
# ----------------------------------------------------------------------------
KS = "service_name=Ory Kratos service_version=v1.1.0"
KRATOS_T = [
    "msg=started handling request http_request=map[headers:map[accept:<*> user-agent:<*>] host:<*> method:<*> path:<*> query:<*> remote:<*> scheme:http]",
    "msg=completed handling request http_request=map[headers:map[accept:<*> user-agent:<*>] host:<*> method:<*> path:<*> query:<*> remote:<*> scheme:http] http_response=map[headers:map[cache-control:private, no-cache, no-store, must-revalidate content-type:<*> vary:Origin] size:<*> status:<*> text_status:<*> took:<*>]",
    f"msg=Identity authenticated successfully and was issued an Ory Kratos Session Cookie. audience=audit identity_id=<*> {KS} session_id=<*>",
    f"msg=Identity authenticated successfully and was issued an Ory Kratos Session Token. audience=audit identity_id=<*> {KS} session_id=<*>",
    f"msg=A new identity has registered using self-service registration. audience=audit flow_method=<*> identity_id=<*> {KS}",
    f"msg=Encountered self-service login error. audience=audit error=map[message:<*> status:<*> status_code:<*>] {KS}",
    f"msg=Encountered self-service registration error. audience=audit error=map[message:<*> status:Bad Request status_code:400] {KS}",
    f"msg=Encountered self-service settings error. audience=audit error=map[message:<*> status:<*> status_code:<*>] {KS}",
    f"msg=Courier sent out message. audience=application message_id=<*> message_subject=<*> message_template_type=<*> message_type=email {KS}",
    f"msg=Unable to send email using SMTP connection. audience=application error=map[message:<*>] message_id=<*> {KS} smtp_server=smtp.mailrelay.acme-widgets.dev:587 smtp_ssl_enabled=true",
    f"msg=An error occurred while handling a request audience=application error=map[message:<*> status:<*> status_code:<*>] {KS}",
    f"msg=An identity updated their settings using self-service settings. audience=audit flow_method=<*> identity_id=<*> {KS}",
]
KRATOS_HEADER_RE = r'time=\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z level=(?:trace|debug|info|warning|error) '
KRATOS_TS_RE = r'^time=\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2}):(\d{2})Z'
TEXT_STATUS = {"200": "OK", "303": "See Other", "400": "Bad Request", "401": "Unauthorized",
               "403": "Forbidden", "404": "Not Found", "410": "Gone", "500": "Internal Server Error"}


def gen_orykratos(r):
    cy = Cyc()
    sim = Sim(KRATOS_T)
    nid = uuid4(r)
    public = "auth.acme-widgets.dev"
    internal = "kratos:4433"
    backend_remote = ["10.88.1.14", "10.88.1.15"]
    native_ua = ["AcmeWidgets/4.2.1 (iPhone; iOS 17.3.1) CFNetwork/1490.0.4", "okhttp/4.12.0"]
    json_accept = "application/json"
    spa_accept = "application/json, text/plain, */*"
    html_accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

    def line(t, lvl, e, vals):
        sim.add(t, f"time={ts_rfc3339(t)} level={lvl} ", e, vals)

    def request(t, accept, ua, host, method, path, query, remote, status, ctype, size, took, mids=()):
        base = [accept, ua, host, method, path, query, remote]
        line(t, "info", 0, base)
        for k, (lvl, e, vals) in enumerate(mids):
            line(t + took * (k + 1) // (len(mids) + 1), lvl, e, vals)
        line(t + took, "info", 1, base + [ctype, str(size), status, TEXT_STATUS[status], go_duration(took)])
        return t + took

    def took_ms(lo, hi):
        return r.randint(int(lo * MS), int(hi * MS))

    def whoami(t, remote, ok, ua="Go-http-client/1.1"):
        rem = f"{remote}:{r.randint(32768, 60999)}"
        if ok:
            return request(t, json_accept, ua, internal, "GET", "/sessions/whoami", "<nil>", rem, "200",
                           "application/json; charset=utf-8", r.randint(980, 1600), took_ms(0.4, 9))
        tk = took_ms(0.3, 4)
        return request(t, json_accept, ua, internal, "GET", "/sessions/whoami", "<nil>", rem, "401",
                       "application/json", r.randint(200, 230), tk,
                       [("info", 10, ["No valid session credentials found in the request.", "Unauthorized", "401"])])

    def courier(t, template, subject):
        mid = uuid4(r)
        if r.random() < 0.35:
            line(t, "error", 9, [cy(("E10", "err"), [
                "dial tcp 10.88.5.20:587: connect: connection refused",
                "gomail: could not send email 1: 421 4.7.0 Try again later, closing connection.",
                "dial tcp 10.88.5.20:587: i/o timeout"]), mid])
            t += r.randint(1, 10) * NS
        line(t, "info", 8, [mid, subject, template])

    def browser_user(t, flow_kind):
        ip = r.choice(["203.0.113.", "198.51.100.", "192.0.2."]) + str(r.randint(2, 254))
        ua = cy(("ent", "ua"), BROWSER_UA)
        rem = lambda: f"{ip}:{r.randint(1024, 65000)}"
        identity = uuid4(r)
        if flow_kind == "anon":  # anonymous visit: backend asks whoami, gets 401
            t = whoami(t, r.choice(backend_remote), False)
            return
        if flow_kind == "lost":  # the UI fetches a flow that no longer exists
            request(t, spa_accept, ua, public, "GET", "/self-service/login/flows", f"id={uuid4(r)}", rem(), "404",
                    "application/json", r.randint(230, 260), took_ms(1, 8),
                    [("info", 10, ["Unable to locate the resource", "Not Found", "404"])])
            return
        rt = r.choice(["<nil>", "return_to=https%3A%2F%2Fapp.acme-widgets.dev%2F",
                       "return_to=https%3A%2F%2Fapp.acme-widgets.dev%2Fbilling"])
        t = request(t, spa_accept, ua, public, "GET", f"/self-service/{flow_kind}/browser", rt, rem(), "200",
                    "application/json; charset=utf-8", r.randint(1800, 4200), took_ms(3, 40))
        flow = uuid4(r)
        tries = 0
        while True:
            t += r.randint(4, 40) * NS
            tries += 1
            x = r.random()
            q = f"flow={flow}"
            if flow_kind == "login":
                if x < 0.3 and tries < 3:
                    msg, st = cy(("E6", "why"), [
                        ("the provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number", "400"),
                        (f"The login flow expired {r.randint(101, 999) / 100:.2f} minutes ago, please try again.", "410")])
                    t = request(t, spa_accept, ua, public, "POST", "/self-service/login", q, rem(), st,
                                "application/json; charset=utf-8", r.randint(2500, 4500), took_ms(60, 400),
                                [("info", 5, [msg, TEXT_STATUS[st], st])])
                    if st == "410":
                        return
                    continue
                sess = uuid4(r)
                t = request(t, spa_accept, ua, public, "POST", "/self-service/login", q, rem(), "200",
                            "application/json; charset=utf-8", r.randint(1400, 2100), took_ms(80, 600),
                            [("info", 2, [identity, sess])])
                break
            if flow_kind == "registration":
                if x < 0.35 and tries < 3:
                    msg = cy(("E7", "why"), [
                        "An account with the same identifier (email, phone, username, ...) exists already.",
                        "The password can not be used because the password has been found in data breaches and must no longer be used.",
                        "The password can not be used because the password length must be at least 8 characters but only got 6."])
                    t = request(t, spa_accept, ua, public, "POST", "/self-service/registration", q, rem(), "400",
                                "application/json; charset=utf-8", r.randint(2500, 4500), took_ms(90, 700),
                                [("info", 6, [msg])])
                    continue
                t = request(t, spa_accept, ua, public, "POST", "/self-service/registration", q, rem(), "200",
                            "application/json; charset=utf-8", r.randint(1500, 2300), took_ms(150, 900),
                            [("info", 4, [cy(("E5", "m"), ["password", "oidc", "password", "code"]), identity]),
                             ("info", 2, [identity, uuid4(r)])])
                courier(t + r.randint(1, 5) * NS, "verification_code_valid", "Please verify your email address")
                break
            if flow_kind == "settings":
                if x < 0.5 and tries < 2:
                    msg, st = cy(("E8", "why"), [
                        ("The login session is too old and thus not allowed to update these fields. Please re-authenticate.", "403"),
                        ("The password can not be used because the password is too similar to the identifier.", "400")])
                    t = request(t, spa_accept, ua, public, "POST", "/self-service/settings", q, rem(), st,
                                "application/json; charset=utf-8", r.randint(2500, 4500), took_ms(50, 300),
                                [("info", 7, [msg, TEXT_STATUS[st], st])])
                    continue
                t = request(t, spa_accept, ua, public, "POST", "/self-service/settings", q, rem(), "200",
                            "application/json; charset=utf-8", r.randint(2500, 4800), took_ms(60, 500),
                            [("info", 11, [cy(("E12", "m"), ["password", "profile", "totp", "profile"]), identity])])
                break
            # recovery
            t = request(t, spa_accept, ua, public, "POST", "/self-service/recovery", q, rem(), "200",
                        "application/json; charset=utf-8", r.randint(1900, 2600), took_ms(30, 200))
            courier(t + r.randint(1, 5) * NS, "recovery_code_valid", "Recover access to your account")
            return
        # browsing after a successful flow: the app backend checks the session
        for _ in range(r.randint(1, 3)):
            t += rexp(r, 14.0)
            t = whoami(t, cy(("ent", "be"), backend_remote), True)

    def native_user(t):
        ip = r.choice(["100.64.", "172.58."]) + f"{r.randint(0, 255)}.{r.randint(2, 254)}"
        ua = cy(("ent", "nua"), native_ua)
        rem = lambda: f"{ip}:{r.randint(1024, 65000)}"
        t = request(t, json_accept, ua, public, "GET", "/self-service/login/api", "<nil>", rem(), "200",
                    "application/json; charset=utf-8", r.randint(1500, 2400), took_ms(2, 25))
        t += r.randint(3, 25) * NS
        q = f"flow={uuid4(r)}"
        if r.random() < 0.25:
            request(t, json_accept, ua, public, "POST", "/self-service/login", q, rem(), "400",
                    "application/json; charset=utf-8", r.randint(2500, 4000), took_ms(60, 400),
                    [("info", 5, ["the provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number", "Bad Request", "400"])])
            return
        request(t, json_accept, ua, public, "POST", "/self-service/login", q, rem(), "200",
                "application/json; charset=utf-8", r.randint(1500, 2200), took_ms(80, 500),
                [("info", 3, [uuid4(r), uuid4(r)])])

    def html_visitor(t):  # classic browser redirect into the login UI
        ip = r.choice(["203.0.113.", "198.51.100."]) + str(r.randint(2, 254))
        request(t, html_accept, cy(("ent", "hua"), BROWSER_UA), public, "GET", "/self-service/login/browser",
                "return_to=https%3A%2F%2Fapp.acme-widgets.dev%2F", f"{ip}:{r.randint(1024, 65000)}", "303",
                "text/html; charset=utf-8", r.randint(110, 140), took_ms(2, 20))

    def db_outage(t):
        for _ in range(r.randint(1, 2)):
            request(t, json_accept, "Go-http-client/1.1", internal, "GET", "/sessions/whoami", "<nil>",
                    f"{r.choice(backend_remote)}:{r.randint(32768, 60999)}", "500", "application/json",
                    r.randint(250, 300), took_ms(1000, 5000),
                    [("error", 10, [cy(("E11", "500"), [
                        "An internal server error occurred, please contact the system administrator",
                        "failed to connect to `host=postgres.acme-internal user=kratos database=kratos`: dial error (dial tcp 10.88.3.7:5432: connect: connection refused)"]),
                        "Internal Server Error", "500"])])
            t += r.randint(2, 9) * NS

    ENTITY_MIX = ["login", "registration", "anon", "settings", "native", "login", "recovery", "registration",
                  "html", "settings", "login", "native", "lost", "registration", "login", "settings"]
    t0 = at(11, 2, 36) + r.randint(0, NS)
    t = t0
    while t < t0 + 60 * 60 * NS:
        t += rexp(r, 9.0)
        kind = "outage" if r.random() < 0.03 else cy(("ent", "kind"), ENTITY_MIX)
        if kind == "native":
            native_user(t)
        elif kind == "html":
            html_visitor(t)
        elif kind == "outage":
            db_outage(t)
        else:
            browser_user(t, kind)
    return sim.first(N_LINES)


# ----------------------------------------------------------------------------
# driver, writer and self-check
# ----------------------------------------------------------------------------
SYSTEMS = [
    # name, k, generator, templates, header regex, timestamp regex, kind
    ("Tyk", 1, gen_tyk, TYK_T, TYK_HEADER_RE, TYK_TS_RE, "shuffle"),
    ("KrakenD", 2, gen_krakend, KRAKEND_T, KRAKEND_HEADER_RE, KRAKEND_TS_RE, "shuffle"),
    ("OAuth2Proxy", 3, gen_oauth2proxy, O2P_T, O2P_HEADER_RE, O2P_TS_RE, "simulation"),
    ("Pomerium", 4, gen_pomerium, POM_T, POM_HEADER_RE, POM_TS_RE, "shuffle"),
    ("Zitadel", 5, gen_zitadel, ZIT_T, ZIT_HEADER_RE, ZIT_TS_RE, "shuffle"),
    ("OryKratos", 6, gen_orykratos, KRATOS_T, KRATOS_HEADER_RE, KRATOS_TS_RE, "simulation"),
]


def write_system(name, templates, records):
    d = os.path.join(ROOT, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"{name}.log"), "w", encoding="utf-8", newline="") as f:
        for _, hdr, _, content in records:
            f.write(hdr + content + "\n")
    with open(os.path.join(d, f"{name}.log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, _, e, content) in enumerate(records, 1):
            w.writerow([i, content, f"E{e + 1}", templates[e]])


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")))


def check_system(name, templates, header_re, ts_re):
    errs = []
    d = os.path.join(ROOT, name)
    with open(os.path.join(d, f"{name}.log"), "rb") as f:
        raw = f.read()
    if not raw.endswith(b"\n"):
        errs.append("log does not end with newline")
    if b"\r" in raw:
        errs.append("log contains \\r")
    lines = raw.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, f"{name}.log_structured.csv"), encoding="utf-8", newline="") as f:
        craw = f.read()
    if "\r" in craw or not craw.endswith("\n"):
        errs.append("csv line endings")
    rows = list(csv.reader(craw.splitlines(True)))
    header, rows = rows[0], rows[1:]
    if header != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append(f"csv header {header}")
    if len(lines) != N_LINES or len(rows) != N_LINES:
        errs.append(f"{len(lines)} lines, {len(rows)} rows")
    hre = re.compile(header_re)
    tre = re.compile(ts_re)
    ev_tpl = {}
    counts = {}
    captures = {}
    last = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append(f"row {i}: {len(row)} columns")
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append(f"row {i}: LineId {lid}")
        if not content or content != content.strip():
            errs.append(f"row {i}: content empty or not stripped")
        if not line.endswith(content):
            errs.append(f"row {i}: line does not end with content")
            continue
        hdr = line[:len(line) - len(content)]
        if not hre.fullmatch(hdr):
            errs.append(f"row {i}: header {hdr!r} does not match")
        m = tre.search(line)
        if m:
            g = m.groups()
            secs = int(g[0]) * 3600 + int(g[1]) * 60 + int(g[2])
            frac = int(g[3]) if len(g) > 3 and g[3] is not None else None
            if last is not None:
                ls, lf = last
                if secs < ls or (secs == ls and frac is not None and lf is not None and frac < lf):
                    errs.append(f"row {i}: timestamp goes back")
                if secs > ls or frac is not None:
                    last = (secs, frac)
            else:
                last = (secs, frac)
        if not re.fullmatch(r"E\d+", eid):
            errs.append(f"row {i}: EventId {eid}")
        if ev_tpl.setdefault(eid, tpl) != tpl:
            errs.append(f"row {i}: {eid} has two templates")
        counts[eid] = counts.get(eid, 0) + 1
        mm = tpl_regex(tpl).fullmatch(content)
        if not mm:
            errs.append(f"row {i}: template does not match content")
            continue
        caps = captures.setdefault(eid, [set() for _ in mm.groups()])
        for s, v in zip(caps, mm.groups()):
            s.add(v)
    declared = {f"E{i + 1}": t for i, t in enumerate(templates)}
    if set(counts) != set(declared):
        errs.append(f"events used {sorted(counts)} vs declared {len(declared)}")
    for eid, tpl in ev_tpl.items():
        if declared.get(eid) != tpl:
            errs.append(f"{eid} template differs from declaration")
    if len(set(declared.values())) != len(declared):
        errs.append("duplicate templates")
    for eid, caps in captures.items():
        for j, s in enumerate(caps):
            if len(s) < 2:
                errs.append(f"{eid} slot {j + 1} has only {sorted(s)}")
    n_ev = len(declared)
    if not 12 <= n_ev <= 15:
        errs.append(f"{n_ev} event types")
    cs = sorted(counts.values())
    if cs and cs[0] < 3:
        errs.append(f"an event has only {cs[0]} lines")
    if sum(1 for c in cs if 3 <= c <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    if cs and cs[-1] < 3 * statistics.median(cs):
        errs.append(f"largest {cs[-1]} < 3x median {statistics.median(cs)}")
    return errs, counts


def main():
    ok = True
    for name, k, gen, templates, hre, tre, kind in SYSTEMS:
        r = random.Random(BASE_SEED * 10 + k)
        records = gen(r)
        assert len(records) == N_LINES, (name, len(records))
        write_system(name, templates, records)
    for name, k, gen, templates, hre, tre, kind in SYSTEMS:
        errs, counts = check_system(name, templates, hre, tre)
        cs = [counts.get(f"E{i + 1}", 0) for i in range(len(templates))]
        status = "OK" if not errs else "FAIL"
        print(f"{name:12s} {kind:10s} events={len(templates):2d} max={max(cs):3d} "
              f"median={statistics.median(cs):5.1f} min={min(cs):2d} counts={cs} {status}")
        for e in errs[:25]:
            print("   ", e)
        ok = ok and not errs
    print("self-check:", "PASSED" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
