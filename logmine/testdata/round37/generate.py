#!/usr/bin/env python3
"""Round 37 blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270127; system k (1..6) uses random.Random(20270127 * 10 + k).
All time comes from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system and then self-checks the output.
"""
import csv
import os
import random
import re
import statistics
import sys
from collections import Counter, defaultdict

BASE_SEED = 20270127
N_LINES = 300
OUT = os.path.dirname(os.path.abspath(__file__))

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
YEAR, MONTH, DAY = 2026, 3, 14


def weekday(y, m, d):
    """Day of week, Monday = 0 (Sakamoto's method, no datetime/locale)."""
    t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    yy = y - 1 if m < 3 else y
    sunday0 = (yy + yy // 4 - yy // 100 + yy // 400 + t[m - 1] + d) % 7
    return (sunday0 + 6) % 7


WEEKDAY = WEEKDAYS[weekday(YEAR, MONTH, DAY)]   # "Sat"

SEC = 10 ** 9
MS = 10 ** 6
US = 10 ** 3


def at(h, m, s=0):
    """Nanoseconds since 2026-03-14T00:00:00Z."""
    return ((h * 60 + m) * 60 + s) * SEC


def split(ns):
    s, frac = divmod(ns, SEC)
    h, rem = divmod(s, 3600)
    mi, se = divmod(rem, 60)
    if h >= 24:
        raise ValueError("clock left 2026-03-14")
    return h, mi, se, frac


# --------------------------------------------------------------------------
# common helpers
# --------------------------------------------------------------------------
class Picker:
    """Cycle through a small pool per (event, slot) key, from a seeded start."""

    def __init__(self, rng):
        self.rng = rng
        self.n = {}

    def __call__(self, key, pool):
        i = self.n.get(key)
        if i is None:
            i = self.rng.randrange(len(pool))
        self.n[key] = i + 1
        return pool[i % len(pool)]


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def alnum(rng, n):
    return "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
                   for _ in range(n))


def lower_alnum(rng, n):
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))


def js(s):
    """Escape a string the way json_encode(JSON_UNESCAPED_SLASHES) does (inner part)."""
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        else:
            out.append(ch)
    return "".join(out)


def rust_duration(ns):
    """core::time::Duration Debug output."""
    if ns >= SEC:
        unit, div = "s", SEC
    elif ns >= MS:
        unit, div = "ms", MS
    elif ns >= US:
        unit, div = "\u00b5s", US
    else:
        return "%dns" % ns
    ip, fp = divmod(ns, div)
    if fp == 0:
        return "%d%s" % (ip, unit)
    width = len(str(div)) - 1
    return "%d.%s%s" % (ip, str(fp).rjust(width, "0").rstrip("0"), unit)


def render(tpl, vals):
    parts = tpl.split("<*>")
    if len(parts) - 1 != len(vals):
        raise ValueError("slot count mismatch for %r: %r" % (tpl, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        if not v or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, tpl))
        out.append(v)
        out.append(p)
    return "".join(out)


class Sim:
    """Collects emissions from entities on their own clocks, merges in time order."""

    def __init__(self):
        self.items = []
        self.gid = 0

    def emit(self, ts, lines):
        self.gid += 1
        for i, line in enumerate(lines):
            line = dict(line)
            line["ns"] = ts
            self.items.append((ts, self.gid, i, line))

    def one(self, ts, ev, vals, **hdr):
        self.emit(ts, [dict(ev=ev, vals=list(vals), **hdr)])

    def first(self, n=N_LINES):
        self.items.sort(key=lambda x: (x[0], x[1], x[2]))
        if len(self.items) < n:
            raise RuntimeError("simulation produced only %d lines" % len(self.items))
        return [x[3] for x in self.items[:n]]


def shuffled_keys(rng, counts):
    keys = []
    for k, c in counts:
        keys.extend([k] * c)
    if len(keys) != N_LINES:
        raise ValueError("counts sum to %d" % len(keys))
    rng.shuffle(keys)
    return keys


def forward_clock(rng, start, mean_gap_s, n):
    t = start
    out = []
    for _ in range(n):
        t += int(rng.expovariate(1.0 / mean_gap_s) * SEC) + rng.randrange(1, 1000)
        out.append(t)
    return out


# ==========================================================================
# 1. RustTracing -- Axum + tower-http TraceLayer, tracing-subscriber fmt (full)
# ==========================================================================
RUST_EVENTS = [
    ("req_start", "DEBUG", "tower_http::trace::on_request",
     "started processing request"),
    ("req_finish", "DEBUG", "tower_http::trace::on_response",
     "finished processing request latency=<*> ms status=<*>"),
    ("req_fail", "ERROR", "tower_http::trace::on_failure",
     "response failed classification=Status code: <*> latency=<*> ms"),
    ("cache_hit", "DEBUG", "orders_api::cache", "cache hit key=<*>"),
    ("cache_miss", "DEBUG", "orders_api::cache", "cache miss key=<*>"),
    ("order_loaded", "INFO", "orders_api::handlers::orders",
     "order loaded order_id=<*> items=<*> status=<*>"),
    ("order_created", "INFO", "orders_api::handlers::orders",
     "order created order_id=<*> customer_id=<*> total_cents=<*>"),
    ("payment_auth", "INFO", "orders_api::payments",
     'payment authorized provider="<*>" amount_cents=<*> auth_code=<*>'),
    ("upstream_fail", "WARN", "orders_api::clients::inventory",
     "upstream request failed error=<*> attempt=<*>"),
    ("auth_reject", "WARN", "orders_api::auth",
     "rejected request: invalid bearer token error=Error(<*>)"),
    ("slow_stmt", "WARN", "sqlx::query",
     'slow statement: execution time exceeded alert threshold summary="<*>" db.statement="<*>" '
     "rows_affected=<*> rows_returned=<*> elapsed=<*> elapsed_secs=<*> slow_threshold=1s"),
    ("batch_start", "INFO", "orders_api::jobs::reconcile",
     "reconciliation batch started batch_id=<*> pending=<*>"),
    ("batch_finish", "INFO", "orders_api::jobs::reconcile",
     "reconciliation batch finished batch_id=<*> settled=<*> failed=<*> elapsed=<*>"),
    ("settle_reject", "WARN", "orders_api::jobs::reconcile",
     'settlement rejected by provider payment_id=<*> code="<*>"'),
]

RUST_SLOW_SQL = [
    ("SELECT o.id, o.status, …",
     r"\n\nSELECT\n  o.id,\n  o.status,\n  o.total_cents\nFROM\n  orders o\nWHERE\n  o.customer_id = $1\nORDER BY\n  o.created_at DESC\nLIMIT\n  $2\n"),
    ("SELECT * FROM order_items …",
     r"\n\nSELECT\n  *\nFROM\n  order_items\nWHERE\n  order_id = $1\n"),
    ("UPDATE payments SET settled_at …",
     r"\n\nUPDATE\n  payments\nSET\n  settled_at = now()\nWHERE\n  id = ANY($1)\n"),
]
RUST_UPSTREAM_ERRORS = [
    "error sending request for url (http://inventory.internal:8081/v1/stock/{sku}): operation timed out",
    "error sending request for url (http://inventory.internal:8081/v1/stock/{sku}): connection closed before message completed",
    "HTTP status server error (503 Service Unavailable) for url (http://inventory.internal:8081/v1/stock/{sku})",
]


def sim_rust(rng):
    P = Picker(rng)
    S = Sim()

    def req_span(method, uri):
        return "request{method=%s uri=%s version=HTTP/1.1}" % (method, uri)

    def finish(sp, t0, tend, status):
        lat = (tend - t0) // MS
        S.one(tend, "req_finish", [lat, status], spans=sp)
        if status >= 500:
            reason = {500: "500 Internal Server Error", 502: "502 Bad Gateway",
                      503: "503 Service Unavailable"}[status]
            S.one(tend + rng.randrange(5, 40) * US, "req_fail", [reason, lat], spans=sp)

    def slow(t, key):
        summ, stmt = P(("slow", key), RUST_SLOW_SQL)
        el = rng.randrange(1000, 2900) * MS + rng.randrange(0, MS)
        rows = rng.randrange(1, 60)
        affected = rows if summ.startswith("UPDATE") else 0
        returned = 0 if summ.startswith("UPDATE") else rows
        return el, [summ, stmt, affected, returned, rust_duration(el), repr(el / SEC)]

    start = at(10, 41, 7) + rng.randrange(SEC)
    end = start + 9 * 60 * SEC
    outage = [(start + 35 * SEC, start + 55 * SEC), (start + 100 * SEC, start + 115 * SEC)]

    ta = start
    while ta < end:
        ta += int(rng.expovariate(1 / 1.4) * SEC) + rng.randrange(1, 1000)
        kind = rng.choices(["health", "get", "create", "list"], [3, 5, 4, 2])[0]
        if kind == "health":
            sp = req_span("GET", "/healthz")
            S.one(ta, "req_start", [], spans=sp)
            finish(sp, ta, ta + rng.randrange(90, 900) * US, 200)
        elif kind == "get":
            oid = rng.randrange(10000, 99999)
            sp = req_span("GET", "/api/v1/orders/%d" % oid)
            sp2 = sp + ":get_order{order_id=%d}" % oid
            S.one(ta, "req_start", [], spans=sp)
            t = ta + rng.randrange(60, 500) * US
            status = 200
            if rng.random() < 0.6:
                S.one(t, "cache_hit", ["order:%d" % oid], spans=sp2)
            else:
                S.one(t, "cache_miss", ["order:%d" % oid], spans=sp2)
                t += rng.randrange(1, 15) * MS + rng.randrange(MS)
                if rng.random() < 0.12:
                    el, vals = slow(t, "get")
                    t += el
                    S.one(t, "slow_stmt", vals, spans=sp2)
                if rng.random() < 0.15:
                    status = 404
            if status == 200:
                t += rng.randrange(50, 400) * US
                S.one(t, "order_loaded",
                      [oid, rng.randrange(1, 9),
                       P(("loaded", "st"), ["Pending", "Paid", "Shipped", "Delivered", "Cancelled"])],
                      spans=sp2)
            finish(sp, ta, t + rng.randrange(100, 900) * US, status)
        elif kind == "create":
            cid = rng.randrange(1000, 9999)
            sp = req_span("POST", "/api/v1/orders")
            sp2 = sp + ":create_order{customer_id=%d}" % cid
            S.one(ta, "req_start", [], spans=sp)
            t = ta + rng.randrange(100, 600) * US
            if rng.random() < 0.14:
                S.one(t, "auth_reject",
                      [P(("auth", "e"), ["ExpiredSignature", "InvalidSignature", "InvalidToken"])],
                      spans=sp)
                finish(sp, ta, t + rng.randrange(50, 300) * US, 401)
                continue
            in_outage = any(a <= ta < b for a, b in outage)
            fails = 0
            if in_outage:
                fails = rng.choice([1, 3, 3])
            elif rng.random() < 0.08:
                fails = 1
            sku = "SKU-%05d" % rng.randrange(10000, 99999)
            for attempt in range(1, fails + 1):
                err = P(("up", "err"), RUST_UPSTREAM_ERRORS)
                t += (2000 * MS if "timed out" in err else rng.randrange(3, 40) * MS) + rng.randrange(MS)
                S.one(t, "upstream_fail", [err.format(sku=sku), attempt], spans=sp2)
            if fails == 3:
                finish(sp, ta, t + rng.randrange(100, 500) * US, 503)
                continue
            t += rng.randrange(4, 30) * MS
            oid = rng.randrange(100000, 999999)
            total = rng.randrange(899, 48900)
            S.one(t, "order_created", [oid, cid, total], spans=sp2)
            t += rng.randrange(80, 600) * MS
            if rng.random() < 0.06:
                finish(sp, ta, t, 502)
                continue
            S.one(t, "payment_auth",
                  [P(("pay", "prov"), ["stripe", "adyen"]), total, alnum(rng, 6).upper()], spans=sp2)
            finish(sp, ta, t + rng.randrange(1, 8) * MS, 201)
        else:
            cid = rng.randrange(1000, 9999)
            sp = req_span("GET", "/api/v1/customers/%d/orders?limit=20" % cid)
            S.one(ta, "req_start", [], spans=sp)
            t = ta + rng.randrange(2, 20) * MS
            if rng.random() < 0.2:
                el, vals = slow(t, "list")
                t += el
                S.one(t, "slow_stmt", vals, spans=sp)
            finish(sp, ta, t + rng.randrange(200, 2000) * US, 200)

    tb = start + rng.randrange(5, 25) * SEC
    batch = rng.randrange(4100, 4900)
    worker = 0
    while tb < end:
        batch += 1
        worker = worker % 2 + 1
        sp = "reconcile{worker=%d}" % worker
        pending = rng.randrange(8, 140)
        S.one(tb, "batch_start", [batch, pending], spans=sp)
        t = tb
        failed = rng.choice([0, 1, 1, 2])
        for _ in range(failed):
            t += rng.randrange(100, 900) * MS
            S.one(t, "settle_reject",
                  ["pi_" + alnum(rng, 24),
                   P(("settle", "code"), ["card_declined", "insufficient_funds", "expired_card"])],
                  spans=sp)
        t += rng.randrange(300, 2500) * MS + rng.randrange(MS)
        S.one(t, "batch_finish", [batch, pending - failed, failed, rust_duration(t - tb)], spans=sp)
        tb += rng.randrange(30, 50) * SEC + rng.randrange(SEC)
    return S.first()


def rust_header(line, ev):
    h, mi, se, frac = split(line["ns"])
    ts = "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ" % (YEAR, MONTH, DAY, h, mi, se, frac // 1000)
    spans = line.get("spans", "")
    return "%s %5s %s%s: " % (ts, ev["level"], spans + ": " if spans else "", ev["source"])


RUST_HRE = re.compile(
    r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6})Z (?:TRACE|DEBUG| INFO| WARN|ERROR) "
    r"(?:[a-z_]+(?:\{[^{}]*\})?(?::[a-z_]+(?:\{[^{}]*\})?)*: )?[a-z_]+(?:::[a-z_]+)*: ")


def rust_tskey(m):
    return m.group("ts")


# ==========================================================================
# 2. SymfonyMonolog -- var/log/prod.log, Monolog LineFormatter default
# ==========================================================================
SF_EVENTS = [
    ("route", "request", "INFO",
     'Matched route "<*>". {"route":"<*>","route_parameters":{"_route":"<*>","_controller":"<*>"},'
     '"request_uri":"<*>","method":"<*>"} []'),
    ("route_id", "request", "INFO",
     'Matched route "<*>". {"route":"<*>","route_parameters":{"_route":"<*>","_controller":"<*>","id":"<*>"},'
     '"request_uri":"<*>","method":"GET"} []'),
    ("auth_check", "security", "DEBUG",
     'Checking for authenticator support. {"firewall_name":"<*>","authenticators":<*>} []'),
    ("token_read", "security", "DEBUG",
     'Read existing security token from the session. {"key":"<*>","token_class":"<*>"} []'),
    ("user_reload", "security", "DEBUG",
     'User was reloaded from a user provider. {"provider":"Symfony\\\\Bridge\\\\Doctrine\\\\Security\\\\User\\\\EntityUserProvider","username":"<*>"} []'),
    ("auth_failed", "security", "INFO",
     'Authenticator failed. {"exception":"[object] (Symfony\\\\Component\\\\Security\\\\Core\\\\Exception\\\\BadCredentialsException(code: 0): <*> '
     'at /var/www/shop/vendor/symfony/security-http/EventListener/CheckCredentialsListener.php:<*>)",'
     '"authenticator":"Symfony\\\\Component\\\\Security\\\\Http\\\\Authenticator\\\\FormLoginAuthenticator"} []'),
    ("dbal_stmt", "doctrine", "DEBUG",
     'Executing statement: <*> (parameters: <*>, types: <*>) {"sql":"<*>","params":<*>,"types":<*>} []'),
    ("conn_exc", "request", "CRITICAL",
     'Uncaught PHP Exception Doctrine\\DBAL\\Exception\\ConnectionException: "An exception occurred in the driver: <*>" '
     'at /var/www/shop/vendor/doctrine/dbal/src/Driver/API/MySQL/ExceptionConverter.php line 101 '
     '{"exception":"[object] (Doctrine\\\\DBAL\\\\Exception\\\\ConnectionException(code: <*>): An exception occurred in the driver: <*> '
     'at /var/www/shop/vendor/doctrine/dbal/src/Driver/API/MySQL/ExceptionConverter.php:101)"} []'),
    ("php_error", "request", "CRITICAL",
     'Uncaught PHP Exception Error: "<*>" at <*> line <*> {"exception":"[object] (Error(code: 0): <*> at <*>:<*>)"} []'),
    ("php_warning", "php", "WARNING",
     'Warning: Undefined array key "<*>" {"exception":"[object] (ErrorException(code: 0): Warning: Undefined array key \\"<*>\\" at <*>:<*>)"} []'),
    ("msg_received", "messenger", "INFO",
     'Received message <*> {"class":"<*>"} []'),
    ("msg_handled", "messenger", "INFO",
     'Message <*> handled by <*> {"class":"<*>","handler":"<*>"} []'),
    ("msg_retry", "messenger", "WARNING",
     'Error thrown while handling message <*>. Sending for retry #<*> using <*> ms delay. Error: "<*>" '
     '{"class":"<*>","retryCount":<*>,"delay":<*>,"error":"<*>","exception":"[object] '
     '(Symfony\\\\Component\\\\Messenger\\\\Exception\\\\HandlerFailedException(code: 0): <*> '
     'at /var/www/shop/vendor/symfony/messenger/Middleware/HandleMessageMiddleware.php:124)"} []'),
    ("order_placed", "app", "INFO",
     'Order #<*> placed {"order_id":<*>,"customer":"<*>","total":"<*>"} []'),
]
SF_COUNTS = [("route", 63), ("route_id", 45), ("auth_check", 40), ("token_read", 35),
             ("user_reload", 30), ("auth_failed", 6), ("dbal_stmt", 40), ("conn_exc", 4),
             ("php_error", 3), ("php_warning", 5), ("msg_received", 8), ("msg_handled", 7),
             ("msg_retry", 4), ("order_placed", 10)]

SF_HOST = "https://shop.lindqvist-home.example"
SF_ROUTES = [
    ("app_home", "HomeController::index", "/", "GET"),
    ("app_cart", "CartController::index", "/cart", "GET"),
    ("app_login", "SecurityController::login", "/login", "POST"),
    ("app_checkout", "CheckoutController::index", "/checkout", "GET"),
    ("app_checkout_confirm", "CheckoutController::confirm", "/checkout/confirm", "POST"),
    ("app_search", "SearchController::search", "/search?q={q}", "GET"),
    ("app_cart_add", "CartController::add", "/cart/add", "POST"),
]
SF_ROUTES_ID = [
    ("app_product_show", "ProductController::show", "/product/{id}"),
    ("app_order_show", "AccountController::order", "/account/orders/{id}"),
    ("app_category", "CategoryController::show", "/category/{id}"),
]
SF_USERS = ["m.lindqvist@mailbox.example", "oskar.berg@post.example", "h.tanaka@kaisha.example",
            "lucia.ferro@posta.example", "dvd.mensah@inbox.example", "ana.pires@correio.example"]
SF_SQL = [
    ("SELECT t0.id AS id_1, t0.email AS email_2, t0.roles AS roles_3, t0.password AS password_4 FROM `user` t0 WHERE t0.id = ?",
     "int"),
    ("SELECT p0_.id AS id_0, p0_.name AS name_1, p0_.price AS price_2, p0_.stock AS stock_3 FROM product p0_ WHERE p0_.id = ?",
     "int"),
    ("SELECT c0_.id AS id_0, c0_.quantity AS quantity_1, c0_.product_id AS product_id_2 FROM cart_item c0_ WHERE c0_.cart_id = ?",
     "int"),
    ("SELECT p0_.id AS id_0, p0_.name AS name_1 FROM product p0_ WHERE p0_.name LIKE ? ORDER BY p0_.name ASC LIMIT 24",
     "str"),
    ("UPDATE product SET stock = ? WHERE id = ?", "int2"),
]
SF_SEARCH = ["kettle", "desk+lamp", "wool+socks", "espresso", "usb-c+cable"]
SF_MESSAGES = [("App\\Message\\SendOrderConfirmation", "App\\MessageHandler\\SendOrderConfirmationHandler::__invoke"),
               ("App\\Message\\GenerateInvoicePdf", "App\\MessageHandler\\GenerateInvoicePdfHandler::__invoke"),
               ("App\\Message\\SyncStockLevels", "App\\MessageHandler\\SyncStockLevelsHandler::__invoke")]
SF_RETRY_ERRORS = [
    "Connection could not be established with host smtp.relay.example:587: Connection timed out",
    "Failed to authenticate on SMTP server with username shop-mailer using 2 possible authenticators",
    "Unable to write to /var/www/shop/var/invoices/2026/03: Permission denied",
]


def gen_symfony(rng):
    P = Picker(rng)
    keys = shuffled_keys(rng, SF_COUNTS)
    times = forward_clock(rng, at(14, 2, 11) + rng.randrange(SEC), 1.1, N_LINES)
    lines = []
    for key, ns in zip(keys, times):
        if key == "route":
            r, ctl, path, method = P(("route", "r"), SF_ROUTES)
            path = path.replace("{q}", P(("route", "q"), SF_SEARCH))
            ctl = "App\\\\Controller\\\\" + ctl
            vals = [r, r, r, ctl, SF_HOST + path, method]
        elif key == "route_id":
            r, ctl, path = P(("route_id", "r"), SF_ROUTES_ID)
            rid = str(rng.randrange(12, 4800))
            vals = [r, r, r, "App\\\\Controller\\\\" + ctl, rid, SF_HOST + path.replace("{id}", rid)]
        elif key == "auth_check":
            fw = P(("auth_check", "fw"), ["main", "main", "admin"])
            vals = [fw, 1 if fw == "main" else 2]
        elif key == "token_read":
            vals = ["_security_" + P(("token_read", "fw"), ["main", "main", "main", "admin"]),
                    P(("token_read", "cls"),
                      ["Symfony\\\\Component\\\\Security\\\\Http\\\\Authenticator\\\\Token\\\\PostAuthenticationToken",
                       "Symfony\\\\Component\\\\Security\\\\Core\\\\Authentication\\\\Token\\\\RememberMeToken"])]
        elif key == "user_reload":
            vals = [P(("user_reload", "u"), SF_USERS)]
        elif key == "auth_failed":
            msg, ln = P(("auth_failed", "m"), [("The presented password is invalid.", 69),
                                                ("The presented password cannot be empty.", 74)])
            vals = [msg, ln]
        elif key == "dbal_stmt":
            sql, kind = P(("dbal", "sql"), SF_SQL)
            if kind == "int":
                v = rng.randrange(3, 5000)
                p_msg, t_msg = 'array{"1":%d}' % v, 'array{"1":1}'
                p_ctx, t_ctx = '{"1":%d}' % v, '{"1":1}'
            elif kind == "str":
                v = "%" + P(("dbal", "like"), ["kettle", "lamp", "socks", "grinder"]) + "%"
                p_msg, t_msg = 'array{"1":"%s"}' % v, 'array{"1":2}'
                p_ctx, t_ctx = '{"1":"%s"}' % v, '{"1":2}'
            else:
                a, b = rng.randrange(0, 80), rng.randrange(3, 5000)
                p_msg, t_msg = 'array{"1":%d,"2":%d}' % (a, b), 'array{"1":1,"2":1}'
                p_ctx, t_ctx = '{"1":%d,"2":%d}' % (a, b), '{"1":1,"2":1}'
            vals = [sql, p_msg, t_msg, js(sql), p_ctx, t_ctx]
        elif key == "conn_exc":
            code, msg = P(("conn_exc", "m"), [
                (2002, "SQLSTATE[HY000] [2002] Connection refused"),
                (1045, "SQLSTATE[HY000] [1045] Access denied for user 'shop'@'10.20.3.17' (using password: YES)"),
                (2006, "SQLSTATE[HY000] [2006] MySQL server has gone away"),
            ])
            vals = [msg, code, msg]
        elif key == "php_error":
            msg, path, ln = P(("php_error", "m"), [
                ("Call to a member function getId() on null", "/var/www/shop/src/Controller/CheckoutController.php", 88),
                ("Call to undefined method App\\Entity\\Cart::getTotals()", "/var/www/shop/src/Service/CartTotals.php", 41),
                ("Cannot assign null to property App\\Entity\\Order::$shippedAt of type DateTimeImmutable",
                 "/var/www/shop/src/Service/ShipmentTracker.php", 133),
            ])
            vals = [msg, path, ln, js(msg), path, ln]
        elif key == "php_warning":
            k, path, ln = P(("php_warning", "k"), [
                ("sku", "/var/www/shop/src/Import/StockFeedParser.php", 57),
                ("variant_id", "/var/www/shop/src/Twig/ProductExtension.php", 102),
                ("shipping_zone", "/var/www/shop/src/Service/ShippingCalculator.php", 29),
            ])
            vals = [k, k, path, ln]
        elif key == "msg_received":
            cls, _h = P(("msg_received", "c"), SF_MESSAGES)
            vals = [cls, js(cls)]
        elif key == "msg_handled":
            cls, h = P(("msg_handled", "c"), SF_MESSAGES)
            vals = [cls, h, js(cls), js(h)]
        elif key == "msg_retry":
            cls, _h = P(("msg_retry", "c"), SF_MESSAGES)
            n = P(("msg_retry", "n"), [1, 2, 3])
            delay = 1000 * 2 ** (n - 1)
            err = P(("msg_retry", "e"), SF_RETRY_ERRORS)
            hmsg = 'Handling "%s" failed: %s' % (cls, err)
            vals = [cls, n, delay, err, js(cls), n, delay, js(err), js(hmsg)]
        elif key == "order_placed":
            oid = rng.randrange(20000, 29999)
            cents = rng.randrange(990, 45000)
            vals = [oid, oid, P(("order", "u"), SF_USERS),
                    "%d.%02d %s" % (cents // 100, cents % 100, P(("order", "cur"), ["EUR", "SEK"]))]
        else:
            raise KeyError(key)
        lines.append(dict(ns=ns, ev=key, vals=vals))
    return lines


def sf_header(line, ev):
    h, mi, se, frac = split(line["ns"])
    return "[%04d-%02d-%02dT%02d:%02d:%02d.%06d+00:00] %s.%s: " % (
        YEAR, MONTH, DAY, h, mi, se, frac // 1000, ev["channel"], ev["level"])


SF_HRE = re.compile(
    r"\[(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6})\+00:00\] [a-z_]+\."
    r"(?:DEBUG|INFO|NOTICE|WARNING|ERROR|CRITICAL|ALERT|EMERGENCY): ")


def sf_tskey(m):
    return m.group("ts")


# ==========================================================================
# 3. FlaskWerkzeug -- werkzeug dev server request log + Flask default_handler
# ==========================================================================
FLASK_EVENTS = [
    ("get", None, None, '"GET <*> HTTP/1.1" <*> -'),
    ("post", None, None, '"POST <*> HTTP/1.1" <*> -'),
    ("delete", None, None, '"DELETE <*> HTTP/1.1" <*> -'),
    ("login", "INFO", "auth", "User <*> logged in from <*>"),
    ("logout", "INFO", "auth", "User <*> logged out"),
    ("login_fail", "WARNING", "auth", "Failed login for <*>: <*>"),
    ("sql", "DEBUG", "db", "SQL <*> returned <*> rows in <*>"),
    ("cart_add", "INFO", "cart", "Added <*> x <*> to cart <*>"),
    ("cart_remove", "INFO", "cart", "Removed <*> from cart <*>"),
    ("pay_declined", "WARNING", "payments", "Payment <*> declined: <*>"),
    ("slow", "WARNING", "views", "Slow request <*> took <*>"),
    ("reload_detect", None, None, "* Detected change in '<*>', reloading"),
    ("reload_restart", None, None, "* Restarting with stat"),
    ("debugger", None, None, "* Debugger is active!"),
]
FLASK_USERS = ["ingrid.s", "tomasz_k", "amelie", "r.okafor", "pbhatt", "noor.h", "kjell", "sofia.m",
               "devon.r", "li.wei"]
FLASK_PRODUCTS = ["linen-apron", "cast-iron-skillet", "oak-cutting-board", "enamel-mug",
                  "chef-knife-21cm", "ceramic-teapot", "bread-proofing-basket"]
FLASK_SKUS = ["KT-1042", "KT-2210", "KT-0317", "KT-5581", "KT-0930", "KT-7716"]
FLASK_STATIC = ["/static/css/app.css", "/static/js/cart.js", "/static/img/logo.svg", "/favicon.ico"]


def sim_flask(rng):
    P = Picker(rng)
    S = Sim()
    start = at(16, 20, 3) + rng.randrange(SEC)
    end = start + 25 * 60 * SEC

    def req(t, method, path, status, ip, app=()):
        """app lines (ev, vals, level-less) happen while handling; werkzeug line after response."""
        tt = t
        for ev, vals in app:
            tt += rng.randrange(1, 40) * MS + rng.randrange(MS)
            S.one(tt, ev, vals)
        tt += rng.randrange(1, 30) * MS + rng.randrange(MS)
        S.one(tt, {"GET": "get", "POST": "post", "DELETE": "delete"}[method], [path, status], ip=ip)
        return tt

    def sqlv(name, rows):
        return ("sql", [name, rows, "%.1fms" % (rng.randrange(4, 180) / 10)])

    ts = start
    n_session = 0
    while ts < end:
        ts += int(rng.expovariate(1 / 30.0) * SEC) + rng.randrange(1, 1000)
        n_session += 1
        ip = "192.168.%d.%d" % (rng.choice([0, 1, 10]), rng.randrange(2, 250))
        user = P(("sess", "user"), FLASK_USERS)
        t = ts
        t = req(t, "GET", "/login", 200, ip)
        t = req(t, "GET", P(("sess", "static"), FLASK_STATIC), P(("sess", "st"), [200, 304, 304]), ip)
        t += rng.randrange(3, 15) * SEC
        if rng.random() < 0.3:
            reason = P(("fail", "reason"), ["invalid password", "unknown user", "account locked"])
            t = req(t, "POST", "/login", 200, ip, [("login_fail", [user, reason])])
            if reason == "account locked":
                continue
            t += rng.randrange(5, 20) * SEC
        t = req(t, "POST", "/login", 302, ip, [sqlv("users.by_name", 1), ("login", [user, ip])])
        cart = "c-" + lower_alnum(rng, 8)
        for _ in range(rng.randrange(2, 7)):
            t += rng.randrange(2, 25) * SEC + rng.randrange(SEC)
            what = rng.choices(["view", "add", "remove", "orders", "checkout"], [6, 4, 2, 3, 2])[0]
            if what == "view":
                slug = P(("view", "slug"), FLASK_PRODUCTS)
                if rng.random() < 0.15:
                    t = req(t, "GET", "/products/" + slug + "-v2", 404, ip)
                else:
                    t = req(t, "GET", "/products/" + slug, 200, ip, [sqlv("products.by_slug", 1)])
            elif what == "add":
                t = req(t, "POST", "/cart/items", 302, ip,
                        [("cart_add", [rng.choice([1, 1, 2, 3]), P(("add", "sku"), FLASK_SKUS), cart])])
                t = req(t, "GET", "/cart", 200, ip, [sqlv("cart.items_for_user", rng.randrange(1, 6))])
            elif what == "remove":
                sku = P(("rm", "sku"), FLASK_SKUS)
                if rng.random() < 0.25:
                    t = req(t, "DELETE", "/cart/items/" + sku, 404, ip)
                else:
                    t = req(t, "DELETE", "/cart/items/" + sku, 204, ip, [("cart_remove", [sku, cart])])
            elif what == "orders":
                pool = ["/account/orders", "/account/orders?page=2", "/account/orders?status=open"]
                is_slow = rng.random() < 0.6
                path = P(("slow" if is_slow else "orders", "path"), pool)
                app = [sqlv("orders.for_user", rng.randrange(0, 40))]
                if is_slow:
                    app.append(("slow", [path, "%.2fs" % (rng.randrange(120, 480) / 100)]))
                t = req(t, "GET", path, 200, ip, app)
            else:
                app = [sqlv("cart.items_for_user", rng.randrange(1, 6))]
                if rng.random() < 0.5:
                    app.append(("pay_declined",
                                ["pay_" + lower_alnum(rng, 10),
                                 P(("pay", "why"), ["card expired", "insufficient funds",
                                                    "3-D Secure authentication failed"])]))
                    t = req(t, "POST", "/checkout", 402, ip, app)
                else:
                    t = req(t, "POST", "/checkout", 303, ip, app)
        t += rng.randrange(5, 60) * SEC
        t = req(t, "GET", "/logout", 302, ip, [("logout", [user])])

    # scanners
    tb = start + rng.randrange(30, 90) * SEC
    while tb < end:
        ip = "10.13.%d.%d" % (rng.randrange(0, 4), rng.randrange(2, 250))
        req(tb, "GET", P(("scan", "p"), ["/wp-login.php", "/.env", "/admin/config.php", "/.git/HEAD"]), 404, ip)
        tb += rng.randrange(60, 200) * SEC

    # reloader (files saved while developing)
    tr = start + rng.randrange(40, 80) * SEC
    while tr < end:
        f = P(("reload", "f"), ["/home/dev/shop/app/views.py", "/home/dev/shop/app/cart.py",
                                "/home/dev/shop/app/templates.py", "/home/dev/shop/app/payments.py"])
        S.one(tr, "reload_detect", [f])
        t = tr + rng.randrange(200, 600) * MS
        S.one(t, "reload_restart", [])
        S.one(t + rng.randrange(700, 1500) * MS, "debugger", [])
        tr += rng.randrange(70, 160) * SEC
    return S.first()


def flask_header(line, ev):
    h, mi, se, frac = split(line["ns"])
    if ev["key"] in ("get", "post", "delete"):
        return "%s - - [%02d/%s/%04d %02d:%02d:%02d] " % (line["ip"], DAY, MONTHS[MONTH - 1], YEAR, h, mi, se)
    if ev["level"] is None:
        return " "
    return "[%04d-%02d-%02d %02d:%02d:%02d,%03d] %s in %s: " % (
        YEAR, MONTH, DAY, h, mi, se, frac // MS, ev["level"], ev["source"])


FLASK_HRE = re.compile(
    r"\[(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),\d{3}\] (?:DEBUG|INFO|WARNING|ERROR|CRITICAL) in [a-z_]+: "
    r"|\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3} - - \[(?P<wts>\d\d/[A-Z][a-z]{2}/\d{4} \d\d:\d\d:\d\d)\] "
    r"| ")


def flask_tskey(m):
    if m.group("ts"):
        return m.group("ts")
    if m.group("wts"):
        d, mon, rest = m.group("wts").split("/", 2)
        y, hms = rest.split(" ")
        return "%s-%02d-%s %s" % (y, MONTHS.index(mon) + 1, d, hms)
    return None


# ==========================================================================
# 4. NestJs -- default ConsoleLogger, colourless
# ==========================================================================
NEST_EVENTS = [
    ("starting", "LOG", "NestFactory", "Starting Nest application..."),
    ("deps", "LOG", "InstanceLoader", "<*> dependencies initialized +<*>"),
    ("routes", "LOG", "RoutesResolver", "<*> {<*>}: +<*>"),
    ("mapped", "LOG", "RouterExplorer", "Mapped {<*>, <*>} route +<*>"),
    ("started", "LOG", "NestApplication", "Nest application successfully started +<*>"),
    ("http_get", "LOG", "HTTP", "GET <*> <*> <*> - <*> <*>"),
    ("http_post", "LOG", "HTTP", "POST <*> <*> <*> - <*> <*>"),
    ("order_created", "LOG", "OrdersService", "Created order <*> for customer <*> (<*> items)"),
    ("order_cancelled", "WARN", "OrdersService", "Cancelled order <*>: <*>"),
    ("payment_incomplete", "WARN", "PaymentsService", "Payment intent <*> not completed (status=<*>)"),
    ("redis_up", "LOG", "CacheService", "Connected to Redis at <*>"),
    ("redis_down", "WARN", "CacheService", "Disconnected from Redis at <*>"),
    ("cron_start", "DEBUG", "TasksService", "Cron job <*> started"),
    ("cron_end", "DEBUG", "TasksService", "Cron job <*> finished in <*>"),
    ("jwt_reject", "WARN", "JwtAuthGuard", "Rejected token for user <*>: <*>"),
]
NEST_COUNTS = [("starting", 3), ("deps", 24), ("routes", 9), ("mapped", 30), ("started", 3),
               ("http_get", 95), ("http_post", 40), ("order_created", 28), ("order_cancelled", 8),
               ("payment_incomplete", 6), ("redis_up", 5), ("redis_down", 4), ("cron_start", 18),
               ("cron_end", 17), ("jwt_reject", 10)]
NEST_MODULES = ["AppModule", "ConfigModule", "TypeOrmModule", "OrdersModule", "PaymentsModule",
                "ScheduleModule", "AuthModule", "JwtModule", "CacheModule", "TypeOrmCoreModule"]
NEST_CONTROLLERS = [("OrdersController", "/api/orders"), ("PaymentsController", "/api/payments"),
                    ("AuthController", "/api/auth"), ("HealthController", "/health")]
NEST_ROUTES = [("/api/orders", "GET"), ("/api/orders/:id", "GET"), ("/api/orders", "POST"),
               ("/api/orders/:id/cancel", "POST"), ("/api/payments/intents", "POST"),
               ("/api/payments/webhook", "POST"), ("/api/auth/login", "POST"), ("/health", "GET")]
NEST_UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
            "okhttp/4.12.0", "curl/8.5.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1",
            "Dart/3.3 (dart:io)"]
NEST_CRONS = ["cleanupExpiredCarts", "syncExchangeRates", "sendAbandonedCartReminders"]


def gen_nest(rng):
    P = Picker(rng)
    keys = shuffled_keys(rng, NEST_COUNTS)
    times = forward_clock(rng, at(11, 57, 40) + rng.randrange(SEC), 1.6, N_LINES)
    pid = 27 + rng.randrange(40)
    lines = []
    for key, ns in zip(keys, times):
        diff = lambda: "%dms" % rng.choice([0, 0, 1, 1, 2, 3, 5, 8, 13, 21])
        if key == "starting":
            vals = []
        elif key == "deps":
            vals = [P(("deps", "m"), NEST_MODULES), diff()]
        elif key == "routes":
            c, p = P(("routes", "c"), NEST_CONTROLLERS)
            vals = [c, p, diff()]
        elif key == "mapped":
            p, m = P(("mapped", "r"), NEST_ROUTES)
            vals = [p, m, diff()]
        elif key == "started":
            vals = ["%dms" % rng.randrange(2, 40)]
        elif key in ("http_get", "http_post"):
            ip = P((key, "ip"), ["::ffff:10.42.0.%d" % i for i in (11, 17, 23, 31, 46)])
            if key == "http_get":
                path = rng.choice(["/api/orders/%d" % rng.randrange(1000, 9999),
                                   "/api/orders?page=%d&limit=20" % rng.randrange(1, 9), "/health"])
                ua = "kube-probe/1.29" if path == "/health" else P((key, "ua"), NEST_UAS)
                status = 200 if path == "/health" else rng.choice([200, 200, 200, 304, 404])
                size = 0 if status == 304 else rng.randrange(60, 9000)
            else:
                ua = P((key, "ua"), NEST_UAS)
                path = rng.choice(["/api/orders", "/api/payments/intents", "/api/auth/login",
                                   "/api/orders/%d/cancel" % rng.randrange(1000, 9999)])
                status = rng.choice([201, 201, 201, 400, 401])
                size = rng.randrange(40, 1200)
            vals = [path, status, size, ua, ip]
        elif key == "order_created":
            vals = ["ord_" + lower_alnum(rng, 10), "cus_" + lower_alnum(rng, 8), rng.randrange(1, 9)]
        elif key == "order_cancelled":
            vals = ["ord_" + lower_alnum(rng, 10),
                    P(("cancel", "r"), ["payment timeout", "requested by customer", "out of stock"])]
        elif key == "payment_incomplete":
            vals = ["pi_3" + alnum(rng, 23),
                    P(("pay", "s"), ["requires_action", "requires_payment_method", "processing"])]
        elif key in ("redis_up", "redis_down"):
            vals = [P(("redis", key), ["redis://cache-0.cache.shop.svc:6379", "redis://cache-1.cache.shop.svc:6379"])]
        elif key == "cron_start":
            vals = [P(("cron_start", "n"), NEST_CRONS)]
        elif key == "cron_end":
            vals = [P(("cron_end", "n"), NEST_CRONS), "%dms" % rng.randrange(8, 4200)]
        elif key == "jwt_reject":
            vals = ["usr_" + lower_alnum(rng, 6), P(("jwt", "e"), ["jwt expired", "invalid signature", "jwt malformed"])]
        else:
            raise KeyError(key)
        lines.append(dict(ns=ns, ev=key, vals=vals, pid=pid))
    return lines


def nest_header(line, ev):
    h, mi, se, _ = split(line["ns"])
    h12 = h % 12 or 12
    ampm = "AM" if h < 12 else "PM"
    ts = "%02d/%02d/%04d, %d:%02d:%02d %s" % (MONTH, DAY, YEAR, h12, mi, se, ampm)
    return "[Nest] %d  - %s %7s [%s] " % (line["pid"], ts, ev["level"], ev["source"])


NEST_HRE = re.compile(
    r"\[Nest\] \d+  - (?P<ts>\d\d/\d\d/\d{4}, \d{1,2}:\d\d:\d\d [AP]M) "
    r"(?:    LOG|  ERROR|   WARN|  DEBUG|VERBOSE|  FATAL) \[[A-Za-z]+\] ")


def nest_tskey(m):
    date, rest = m.group("ts").split(", ")
    mo, d, y = date.split("/")
    hms, ampm = rest.split(" ")
    h, mi, se = (int(x) for x in hms.split(":"))
    h = h % 12 + (12 if ampm == "PM" else 0)
    return "%s-%s-%s %02d:%02d:%02d" % (y, mo, d, h, mi, se)


# ==========================================================================
# 5. Micronaut -- default logback.xml pattern
#    %d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n
# ==========================================================================
MN_EVENTS = [
    ("fetch", "DEBUG", "com.example.orders.OrderController", "Fetching order <*> for tenant <*>"),
    ("created", "INFO", "com.example.orders.OrderController", "Order <*> created for customer <*> with <*> line items"),
    ("cancelled", "INFO", "com.example.orders.OrderController", "Order <*> cancelled by <*>"),
    ("sync_start", "INFO", "com.example.inventory.InventorySyncJob", "Inventory sync started for warehouse <*>"),
    ("sync_end", "INFO", "com.example.inventory.InventorySyncJob",
     "Inventory sync finished for warehouse <*>: <*> items updated in <*>"),
    ("retry", "WARN", "com.example.inventory.InventoryClient",
     "Stock lookup for SKU <*> failed, retrying (attempt <*> of 3)"),
    ("pool_stats", "DEBUG", "com.zaxxer.hikari.pool.HikariPool",
     "HikariPool-1 - Pool stats (total=10, active=<*>, idle=<*>, waiting=<*>)"),
    ("conn_added", "DEBUG", "com.zaxxer.hikari.pool.HikariPool",
     "HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@<*>"),
    ("conn_closing", "DEBUG", "com.zaxxer.hikari.pool.PoolBase",
     "HikariPool-1 - Closing connection org.postgresql.jdbc.PgConnection@<*>: (connection has passed maxLifetime)"),
    ("route_error", "ERROR", "io.micronaut.http.server.RouteExecutor",
     "Unexpected error occurred: Connect Error: Connection refused: <*>"),
    ("exc", None, None,
     "io.micronaut.http.client.exceptions.HttpClientException: Connect Error: Connection refused: <*>"),
    ("frame", None, None, "at <*>(<*>:<*>)"),
    ("caused_annotated", None, None,
     "Caused by: io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: <*>"),
    ("caused_connect", None, None, "Caused by: java.net.ConnectException: Connection refused"),
    ("omitted", None, None, "... 7 common frames omitted"),
]
MN_TOP_FRAMES = [
    ("io.micronaut.http.client.netty.ConnectionManager.lambda$connectForExchange$5", "ConnectionManager.java", 651),
    ("io.netty.util.concurrent.DefaultPromise.notifyListener0", "DefaultPromise.java", 590),
    ("io.netty.util.concurrent.DefaultPromise.notifyListeners0", "DefaultPromise.java", 583),
    ("io.netty.util.concurrent.DefaultPromise.notifyListenersNow", "DefaultPromise.java", 559),
    ("io.netty.util.concurrent.DefaultPromise.tryFailure", "DefaultPromise.java", 122),
    ("io.netty.channel.nio.AbstractNioChannel$AbstractNioUnsafe.fulfillConnectPromise", "AbstractNioChannel.java", 321),
    ("io.netty.channel.nio.AbstractNioChannel$AbstractNioUnsafe.finishConnect", "AbstractNioChannel.java", 337),
    ("io.netty.channel.nio.NioEventLoop.processSelectedKey", "NioEventLoop.java", 776),
    ("io.netty.channel.nio.NioEventLoop.processSelectedKeysOptimized", "NioEventLoop.java", 724),
    ("io.netty.channel.nio.NioEventLoop.processSelectedKeys", "NioEventLoop.java", 650),
    ("io.netty.channel.nio.NioEventLoop.run", "NioEventLoop.java", 562),
    ("io.netty.util.concurrent.SingleThreadEventExecutor$4.run", "SingleThreadEventExecutor.java", 997),
    ("io.netty.util.internal.ThreadExecutorMap$2.run", "ThreadExecutorMap.java", 74),
    ("java.base/java.lang.Thread.run", "Thread.java", 1583),
]
MN_CAUSE_FRAMES = [
    ("java.base/sun.nio.ch.Net.pollConnectNow", "Net.java", 682),
    ("java.base/sun.nio.ch.SocketChannelImpl.finishConnect", "SocketChannelImpl.java", 973),
    ("io.netty.channel.socket.nio.NioSocketChannel.doFinishConnect", "NioSocketChannel.java", 337),
    ("io.netty.channel.nio.AbstractNioChannel$AbstractNioUnsafe.finishConnect", "AbstractNioChannel.java", 334),
]
MN_UPSTREAMS = ["inventory.shop.svc.cluster.local/10.96.14.202:8081",
                "pricing.shop.svc.cluster.local/10.96.7.58:8083"]
MN_TENANTS = ["acme-nordic", "baltic-outdoor", "kestrel-books", "umbra-lighting"]
MN_USERS = ["ops-svc", "customer", "j.halvorsen", "support-bot"]
MN_WAREHOUSES = ["WH-OSL-1", "WH-GOT-2", "WH-TLL-1"]


def logback_abbrev(name, target=36):
    """logback TargetLengthBasedClassNameAbbreviator."""
    if len(name) <= target:
        return name
    parts = name.split(".")
    total = len(name)
    for i in range(len(parts) - 1):
        if total <= target:
            break
        total -= len(parts[i]) - 1
        parts[i] = parts[i][0]
    return ".".join(parts)


def sim_micronaut(rng):
    P = Picker(rng)
    S = Sim()
    start = at(7, 15, 22) + rng.randrange(SEC)
    end = start + 12 * 60 * SEC
    outages = [(start + 40 * SEC, start + 62 * SEC), (start + 150 * SEC, start + 160 * SEC)]
    io_n = [0]

    def io_thread():
        io_n[0] = io_n[0] % 9 + 1
        return "io-executor-thread-%d" % io_n[0]

    ta = start
    while ta < end:
        ta += int(rng.expovariate(1 / 1.3) * SEC) + rng.randrange(1, 1000)
        kind = rng.choices(["get", "post", "delete"], [7, 3, 1])[0]
        th = io_thread()
        if kind == "get":
            S.one(ta, "fetch", [rng.randrange(100000, 999999), P(("fetch", "t"), MN_TENANTS)], thread=th)
        elif kind == "delete":
            S.one(ta + rng.randrange(2, 30) * MS, "cancelled",
                  [rng.randrange(100000, 999999), P(("cancel", "u"), MN_USERS)], thread=th)
        else:
            in_outage = any(a <= ta < b for a, b in outages)
            if in_outage and rng.random() < 0.55:
                target = P(("err", "up"), MN_UPSTREAMS)
                te = ta + rng.randrange(1, 4) * MS + rng.randrange(MS)
                el = "default-nioEventLoopGroup-1-%d" % rng.randrange(1, 9)
                grp = [dict(ev="route_error", vals=[target], thread=el),
                       dict(ev="exc", vals=[target])]
                grp += [dict(ev="frame", vals=list(f)) for f in MN_TOP_FRAMES]
                grp += [dict(ev="caused_annotated", vals=[target]), dict(ev="caused_connect", vals=[])]
                grp += [dict(ev="frame", vals=list(f)) for f in MN_CAUSE_FRAMES]
                grp += [dict(ev="omitted", vals=[])]
                S.emit(te, grp)
            else:
                S.one(ta + rng.randrange(10, 90) * MS, "created",
                      [rng.randrange(100000, 999999), "C-%05d" % rng.randrange(10000, 99999), rng.randrange(1, 12)],
                      thread=th)

    # scheduled inventory sync
    tj = start + rng.randrange(10, 40) * SEC
    sch = 0
    while tj < end:
        sch = sch % 2 + 1
        th = "scheduled-executor-thread-%d" % sch
        wh = P(("sync", "wh"), MN_WAREHOUSES)
        S.one(tj, "sync_start", [wh], thread=th)
        t = tj
        in_outage = any(a <= tj < b + 20 * SEC for a, b in outages)
        if in_outage or rng.random() < 0.5:
            sku = "%s-%06d" % (rng.choice(["BK", "LT", "OD"]), rng.randrange(0, 999999))
            for attempt in range(1, rng.choice([1, 2, 2]) + 1):
                t += rng.randrange(200, 3000) * MS
                S.one(t, "retry", [sku, attempt], thread=th)
        t += rng.randrange(800, 9000) * MS + rng.randrange(MS)
        S.one(t, "sync_end", [wh, rng.randrange(0, 900), "%dms" % ((t - tj) // MS)], thread=th)
        tj += rng.randrange(25, 45) * SEC

    # Hikari housekeeper every 30 s
    th = start + rng.randrange(0, 30) * SEC
    while th < end:
        active = rng.choice([0, 0, 1, 1, 2, 3, 4, 10])
        waiting = rng.randrange(1, 6) if active == 10 else 0
        S.one(th, "pool_stats", [active, 10 - active, waiting], thread="HikariPool-1 housekeeper")
        th += 30 * SEC + rng.randrange(0, 3 * MS)

    # maxLifetime retirement
    tr = start + rng.randrange(20, 60) * SEC
    while tr < end:
        S.one(tr, "conn_closing", [hexs(rng, 8).lstrip("0") or "1"], thread="HikariPool-1 connection closer")
        S.one(tr + rng.randrange(5, 60) * MS, "conn_added", [hexs(rng, 8).lstrip("0") or "1"],
              thread="HikariPool-1 connection adder")
        tr += rng.randrange(30, 80) * SEC
    return S.first()


def mn_header(line, ev):
    if ev["level"] is None:
        return "\t" if ev["key"] in ("frame", "omitted") else ""
    h, mi, se, frac = split(line["ns"])
    return "%02d:%02d:%02d.%03d [%s] %-5s %s - " % (
        h, mi, se, frac // MS, line["thread"], ev["level"], logback_abbrev(ev["source"]))


MN_HRE = re.compile(
    r"(?P<ts>\d\d:\d\d:\d\d\.\d{3}) \[[^\]]+\] (?:TRACE|DEBUG|INFO |WARN |ERROR) [\w.$]+ - |\t|")


def mn_tskey(m):
    return m.group("ts")


# ==========================================================================
# 6. VertX -- java.util.logging + io.vertx.core.logging.VertxLoggerFormatter
#    [thread] ISO_OFFSET_DATE_TIME LEVEL [logger]  message
# ==========================================================================
VX_EVENTS = [
    ("access_get", "INFO", "io.vertx.ext.web.handler.impl.LoggerHandlerImpl",
     '<*> - - [<*>] "GET <*> HTTP/1.1" <*> <*> "<*>" "<*>"'),
    ("access_post", "INFO", "io.vertx.ext.web.handler.impl.LoggerHandlerImpl",
     '<*> - - [<*>] "POST <*> HTTP/1.1" <*> <*> "<*>" "<*>"'),
    ("blocked", "WARNING", "io.vertx.core.impl.BlockedThreadChecker",
     "Thread Thread[<*>,5,main] has been blocked for <*> ms, time limit is 2000 ms"),
    ("deployed", "INFO", "io.vertx.core.impl.launcher.commands.VertxIsolatedDeployer",
     "Succeeded in deploying verticle"),
    ("server_started", "INFO", "com.example.gateway.MainVerticle", "HTTP server started on port <*>"),
    ("upstream_ok", "INFO", "com.example.gateway.ProxyHandler", "Upstream <*> responded <*> in <*> ms"),
    ("upstream_fail", "WARNING", "com.example.gateway.ProxyHandler", "Upstream <*> failed: <*>"),
    ("cache_hit", "FINE", "com.example.gateway.cache.ResponseCache", "Cache hit for key <*>"),
    ("cache_miss", "FINE", "com.example.gateway.cache.ResponseCache", "Cache miss for key <*>"),
    ("circuit_open", "WARNING", "com.example.gateway.CircuitBreakers", "Circuit <*> opened after <*> failures"),
    ("circuit_closed", "INFO", "com.example.gateway.CircuitBreakers", "Circuit <*> closed"),
    ("token_reject", "WARNING", "com.example.gateway.auth.JwtAuth", "Rejected token for subject <*>: <*>"),
    ("consumer_reg", "INFO", "com.example.gateway.EventBusBridge", "Consumer registered on address <*>"),
    ("consumer_unreg", "INFO", "com.example.gateway.EventBusBridge", "Consumer unregistered from address <*>"),
]
VX_COUNTS = [("access_get", 110), ("access_post", 40), ("blocked", 6), ("deployed", 3),
             ("server_started", 4), ("upstream_ok", 50), ("upstream_fail", 9), ("cache_hit", 30),
             ("cache_miss", 20), ("circuit_open", 4), ("circuit_closed", 3), ("token_reject", 12),
             ("consumer_reg", 5), ("consumer_unreg", 4)]
VX_UPSTREAMS = ["catalog", "pricing", "reviews", "stock"]
VX_UAS = ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
          "Vert.x-WebClient/4.5.4", "python-requests/2.31.0",
          "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0"]
VX_ADDRS = ["orders.updates", "stock.changed", "prices.updated", "cart.events"]


def rfc1123(ns):
    h, mi, se, _ = split(ns)
    return "%s, %02d %s %04d %02d:%02d:%02d GMT" % (WEEKDAY, DAY, MONTHS[MONTH - 1], YEAR, h, mi, se)


def gen_vertx(rng):
    P = Picker(rng)
    keys = shuffled_keys(rng, VX_COUNTS)
    times = forward_clock(rng, at(19, 3, 55) + rng.randrange(SEC), 0.9, N_LINES)
    lines = []
    el = lambda: "vert.x-eventloop-thread-%d" % rng.randrange(0, 4)
    for key, ns in zip(keys, times):
        thread = el()
        if key in ("access_get", "access_post"):
            ip = "172.18.%d.%d" % (rng.randrange(0, 3), rng.randrange(2, 250))
            t0 = ns - rng.randrange(1, 400) * MS
            ref = P((key, "ref"), ["-", "-", "https://www.northwind-outfitters.example/"])
            ua = P((key, "ua"), VX_UAS)
            if key == "access_get":
                path = rng.choice(["/api/catalog/items?page=%d" % rng.randrange(1, 30),
                                   "/api/catalog/items/%d" % rng.randrange(1000, 99999),
                                   "/api/reviews/%d" % rng.randrange(1000, 99999), "/health"])
                status = rng.choice([200, 200, 200, 200, 304])
                size = 0 if status == 304 else rng.randrange(80, 24000)
            else:
                path = rng.choice(["/api/cart/items", "/api/checkout", "/api/auth/token"])
                status = rng.choice([200, 201, 201, 202])
                size = rng.randrange(20, 900)
            vals = [ip, rfc1123(max(t0, 0)), path, status, size, ref, ua]
        elif key == "blocked":
            thread = "vertx-blocked-thread-checker"
            vals = ["vert.x-eventloop-thread-%d" % P(("blocked", "t"), [0, 1, 2, 3]), rng.randrange(2001, 4900)]
        elif key == "deployed":
            thread = "vert.x-eventloop-thread-0"
            vals = []
        elif key == "server_started":
            vals = [P(("server", "port"), [8080, 8443])]
        elif key == "upstream_ok":
            vals = [P(("up_ok", "u"), VX_UPSTREAMS), rng.choice([200, 200, 200, 204, 404]), rng.randrange(3, 900)]
        elif key == "upstream_fail":
            u = P(("up_fail", "u"), VX_UPSTREAMS)
            host = "%s.internal:%d" % (u, 9000 + VX_UPSTREAMS.index(u))
            err = P(("up_fail", "e"), [
                "Connection refused: %s.internal/10.1.4.%d:%d" % (u, rng.randrange(2, 250), 9000 + VX_UPSTREAMS.index(u)),
                "The timeout period of 5000ms has been exceeded while executing GET /items for server %s" % host,
                "Connection was closed"])
            vals = [u, err]
        elif key in ("cache_hit", "cache_miss"):
            vals = ["GET:/api/catalog/items/%d" % rng.randrange(1000, 99999)]
        elif key == "circuit_open":
            vals = [P(("c_open", "n"), ["catalog-cb", "pricing-cb", "reviews-cb"]), rng.choice([5, 5, 6, 8])]
        elif key == "circuit_closed":
            vals = [P(("c_closed", "n"), ["catalog-cb", "pricing-cb", "reviews-cb"])]
        elif key == "token_reject":
            vals = ["user-" + hexs(rng, 8),
                    P(("tok", "e"), ["Expired JWT token", "Signature verification failed",
                                     "Invalid audience: expected gateway"])]
        elif key in ("consumer_reg", "consumer_unreg"):
            vals = [P((key, "a"), VX_ADDRS)]
        else:
            raise KeyError(key)
        lines.append(dict(ns=ns, ev=key, vals=vals, thread=thread))
    return lines


def vx_header(line, ev):
    h, mi, se, frac = split(line["ns"])
    ms = frac // MS
    fr = ("." + ("%03d" % ms).rstrip("0")) if ms else ""
    ts = "%04d-%02d-%02dT%02d:%02d:%02d%sZ" % (YEAR, MONTH, DAY, h, mi, se, fr)
    return "[%s] %s %s [%s]  " % (line["thread"], ts, ev["level"], ev["source"])


VX_HRE = re.compile(
    r"\[[^\]]+\] (?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?)Z "
    r"(?:SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST) \[[\w.$]+\]  ")


def vx_tskey(m):
    ts = m.group("ts")
    if "." in ts:
        a, b = ts.split(".")
        return a + "." + b.ljust(3, "0")
    return ts + ".000"


# ==========================================================================
# driver
# ==========================================================================
def ev_table(events, kind):
    out = []
    for e in events:
        if kind == "sf":
            key, channel, level, tpl = e
            out.append(dict(key=key, channel=channel, level=level, tpl=tpl, source=None))
        else:
            key, level, source, tpl = e
            out.append(dict(key=key, level=level, source=source, tpl=tpl))
    return out


SYSTEMS = [
    # (k, name, events, kind, generator, header fn, header regex, ts key, mode)
    (1, "RustTracing", ev_table(RUST_EVENTS, "x"), sim_rust, rust_header, RUST_HRE, rust_tskey, "simulation"),
    (2, "SymfonyMonolog", ev_table(SF_EVENTS, "sf"), gen_symfony, sf_header, SF_HRE, sf_tskey, "shuffle"),
    (3, "FlaskWerkzeug", ev_table(FLASK_EVENTS, "x"), sim_flask, flask_header, FLASK_HRE, flask_tskey, "simulation"),
    (4, "NestJs", ev_table(NEST_EVENTS, "x"), gen_nest, nest_header, NEST_HRE, nest_tskey, "shuffle"),
    (5, "Micronaut", ev_table(MN_EVENTS, "x"), sim_micronaut, mn_header, MN_HRE, mn_tskey, "simulation"),
    (6, "VertX", ev_table(VX_EVENTS, "x"), gen_vertx, vx_header, VX_HRE, vx_tskey, "shuffle"),
]


def build(k, name, events, gen, header):
    rng = random.Random(BASE_SEED * 10 + k)
    lines = gen(rng)
    by_key = {e["key"]: (i + 1, e) for i, e in enumerate(events)}
    raw, rows = [], []
    for lid, line in enumerate(lines, 1):
        eid, ev = by_key[line["ev"]]
        content = render(ev["tpl"], line["vals"])
        hdr = header(line, ev)
        raw.append(hdr + content)
        rows.append([str(lid), content, "E%d" % eid, ev["tpl"]])
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")), re.S)


def check(name, events, hre, tskey):
    d = os.path.join(OUT, name)
    with open(os.path.join(d, name + ".log"), "rb") as f:
        data = f.read().decode("utf-8")
    assert data.endswith("\n"), name
    assert "\r" not in data, name
    lines = data[:-1].split("\n")
    assert len(lines) == N_LINES, (name, len(lines))
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], name
    rows = rows[1:]
    assert len(rows) == N_LINES, (name, len(rows))
    declared = {"E%d" % (i + 1): e["tpl"] for i, e in enumerate(events)}
    assert len(set(declared.values())) == len(declared), name
    assert 12 <= len(declared) <= 15, (name, len(declared))
    seen_tpl = {}
    slots = defaultdict(set)
    counts = Counter()
    prev = None
    for i, (row, line) in enumerate(zip(rows, lines), 1):
        assert len(row) == 4, (name, i)
        lid, content, eid, tpl = row
        assert lid == str(i), (name, i)
        assert content and content == content.strip(), (name, i, content)
        assert line.endswith(content), (name, i)
        hdr = line[:len(line) - len(content)]
        m = hre.fullmatch(hdr)
        assert m, (name, i, hdr)
        key = tskey(m)
        if key is not None:
            assert prev is None or key >= prev, (name, i, prev, key)
            prev = key
        assert re.fullmatch(r"E\d+", eid), (name, i, eid)
        assert declared.get(eid) == tpl, (name, i, eid)
        if eid in seen_tpl:
            assert seen_tpl[eid] == tpl
        seen_tpl[eid] = tpl
        mm = tpl_regex(tpl).fullmatch(content)
        assert mm, (name, i, tpl, content)
        for j, g in enumerate(mm.groups()):
            slots[(eid, j)].add(g)
        counts[eid] += 1
    assert set(counts) == set(declared), (name, set(declared) - set(counts))
    for eid, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            assert len(slots[(eid, j)]) >= 2, (name, eid, j, slots[(eid, j)])
    vals = sorted(counts.values())
    med = statistics.median(vals)
    assert min(vals) >= 3, (name, counts)
    assert sum(1 for v in vals if 3 <= v <= 10) >= 3, (name, counts)
    assert max(vals) >= 3 * med, (name, counts, med)
    return counts, med


def main():
    ok = True
    for k, name, events, gen, header, hre, tskey, mode in SYSTEMS:
        build(k, name, events, gen, header)
    for k, name, events, gen, header, hre, tskey, mode in SYSTEMS:
        try:
            counts, med = check(name, events, hre, tskey)
        except AssertionError as e:
            ok = False
            print("%-15s FAIL %r" % (name, e.args))
            continue
        order = sorted(counts, key=lambda e: int(e[1:]))
        print("%-15s OK  %-10s events=%2d max=%3d median=%5.1f  %s" % (
            name, mode, len(counts), max(counts.values()), med,
            " ".join("%s:%d" % (e, counts[e]) for e in order)))
    if not ok:
        sys.exit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
