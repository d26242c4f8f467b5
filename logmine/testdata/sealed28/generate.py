#!/usr/bin/env python3
"""Sealed 28: blind labelled log corpus generator.

Python 3 standard library only.  Fully deterministic: the wall clock and the
locale are never consulted, month names come from a fixed list, and every
random choice comes from a per-system random.Random(BASE_SEED * 10 + k).
Time is an integer nanosecond offset from 2026-03-14T00:00:00Z.

Running it writes, next to this file, for every system S:
    S/S.log                  300 raw lines
    S/S.log_structured.csv   LineId,Content,EventId,EventTemplate
and then re-reads every file and self-checks it.
"""

import calendar
import csv
import io
import os
import random
import re
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASE_SEED = 20270116
N_LINES = 300

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
YEAR, MONTH, DAY = 2026, 3, 14
DAY_EPOCH = calendar.timegm((YEAR, MONTH, DAY, 0, 0, 0, 0, 0, 0))

SEC = 1000000000
MS = 1000000
US = 1000
MINUTE = 60 * SEC
HOUR = 60 * MINUTE


# --------------------------------------------------------------------------
# clock

class Clock:
    """An integer nanosecond offset into 2026-03-14 UTC, split into fields."""

    def __init__(self, ns):
        if not 0 <= ns < 24 * HOUR:
            raise ValueError("clock left 2026-03-14: %d" % ns)
        self.ns = ns
        secs, self.frac = divmod(ns, SEC)
        self.hour, rest = divmod(secs, 3600)
        self.minute, self.second = divmod(rest, 60)
        self.epoch = DAY_EPOCH + secs
        self.mon = MONTHS[MONTH - 1]

    @property
    def hms(self):
        return "%02d:%02d:%02d" % (self.hour, self.minute, self.second)

    @property
    def ms(self):
        return self.frac // MS

    @property
    def us(self):
        return self.frac // US

    def iso_ms(self):
        return "%04d-%02d-%02dT%s.%03d+0000" % (YEAR, MONTH, DAY, self.hms, self.ms)

    def iso_z(self):
        return "%04d-%02d-%02dT%sZ" % (YEAR, MONTH, DAY, self.hms)

    def apache(self):
        return "%02d/%s/%04d:%s +0000" % (DAY, self.mon, YEAR, self.hms)

    def syslog(self):
        return "%s %2d %s" % (self.mon, DAY, self.hms)

    def glog(self):
        return "%02d%02d %s.%06d" % (MONTH, DAY, self.hms, self.us)

    def log4j(self):
        return "%04d-%02d-%02d %s,%03d" % (YEAR, MONTH, DAY, self.hms, self.ms)


# --------------------------------------------------------------------------
# framework

class Event:
    """One event type.  `slots` (shuffles only): per <*> either a list/tuple
    (a small pool, cycled per (event, slot)) or a callable(rng, ctx)."""

    def __init__(self, name, template, slots=None, n=None, **meta):
        self.name = name
        self.template = template
        self.slots = list(slots or [])
        self.n = n
        self.meta = meta
        self.nslots = template.count("<*>")


class Cycler:
    """Cycles through a small pool, separately for every key."""

    def __init__(self):
        self.pos = {}

    def __call__(self, key, pool):
        i = self.pos.get(key, 0)
        self.pos[key] = i + 1
        return pool[i % len(pool)]


class System:
    def __init__(self, k, name, kind, entities, events, header, header_re,
                 ts_key, build):
        self.k = k
        self.name = name
        self.kind = kind            # "simulation" or "shuffle"
        self.entities = entities
        self.events = events
        self.header = header        # (rng, Clock, Event, extra) -> str
        self.header_re = re.compile(header_re)
        self.ts_key = ts_key        # match -> comparable key
        self.build = build          # (rng, cyc) -> [(t_ns, seq, name, vals, extra)]


def fill(template, values):
    parts = template.split("<*>")
    if len(parts) != len(values) + 1:
        raise ValueError("slot count mismatch for %r" % template)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        if not v or "\n" in v or "\r" in v or v != v.strip():
            raise ValueError("bad value %r for %r" % (v, template))
        out.append(v)
        out.append(p)
    return "".join(out)


def expo(rng, mean_ns):
    return int(rng.expovariate(1.0) * mean_ns)


def hexs(rng, n):
    return "%0*x" % (n, rng.getrandbits(4 * n))


def uuid4(rng):
    return "%08x-%04x-4%03x-%04x-%012x" % (
        rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
        0x8000 | rng.getrandbits(14), rng.getrandbits(48))


def shuffle_build(events, start_ns, mean_gap_ns):
    """Seeded shuffle: fixed count per event, shuffled, forward-only clock
    with exponential gaps."""

    def build(rng, cyc):
        order = []
        for ev in events:
            order.extend([ev.name] * ev.n)
        if len(order) != N_LINES:
            raise ValueError("counts sum to %d" % len(order))
        rng.shuffle(order)
        evmap = {e.name: e for e in events}
        t = start_ns
        recs = []
        for seq, name in enumerate(order):
            t += 1 + expo(rng, mean_gap_ns)
            ev = evmap[name]
            if len(ev.slots) != ev.nslots:
                raise ValueError("slot specs for %s" % name)
            ctx = {"t": Clock(t)}
            vals = []
            for j, spec in enumerate(ev.slots):
                if isinstance(spec, (list, tuple)):
                    v = cyc((name, j), spec)
                else:
                    v = spec(rng, ctx)
                v = str(v)
                ctx[j] = v
                vals.append(v)
            recs.append((t, seq, name, vals, ctx))
        return recs

    return build


class Emitter:
    """Collects simulation records."""

    def __init__(self):
        self.recs = []

    def __call__(self, t, name, vals=(), **extra):
        self.recs.append((t, len(self.recs), name, [str(v) for v in vals], extra))


def fmt_go_dur(rng, lo_ms, hi_ms):
    ms = rng.uniform(lo_ms, hi_ms)
    if ms >= 1000:
        return "%.3fs" % (ms / 1000.0)
    return "%.3fms" % ms


# ==========================================================================
# 1. Hasura (simulation: server boots, HTTP requests, websocket connections)

HASURA_USERVARS = '"user_vars":{"x-hasura-role":"<*>","x-hasura-user-id":"<*>"}'
HASURA_CONN = '"connection_info":{"websocket_id":"<*>","token_expiry":"<*>","msg":null}'

HASURA_EVENTS = [
    Event("pg_conn",
          '{"kind":"postgres_connection","info":{"database":"storefront","retries":1,'
          '"user":"hasura_app","host":"pg-main.svc.internal","port":5432}}}',
          type="startup", level="info"),
    Event("catalog",
          '{"kind":"catalog_migrate","info":"Already at the latest catalog version (48); nothing to do."}}',
          type="startup", level="info"),
    Event("schema_sync",
          '{"kind":"schema-sync","info":{"thread_id":"ThreadId <*>","instance_id":"<*>",'
          '"message":"listener thread started"}}}',
          type="startup", level="info"),
    Event("et_prepare", '{"kind":"event_triggers","info":"preparing data"}}',
          type="startup", level="info"),
    Event("et_workers", '{"kind":"event_triggers","info":"starting workers"}}',
          type="startup", level="info"),
    Event("api_start",
          '{"kind":"server","info":{"time_taken":<*>,"message":"starting API server"}}}',
          type="startup", level="info"),
    Event("shutdown", '{"kind":"server","info":"gracefully shutting down server"}}',
          type="startup", level="info"),
    Event("http_ok",
          '{"operation":{' + HASURA_USERVARS + ',"request_id":"<*>","response_size":<*>,'
          '"query_execution_time":<*>,"query":{"operationName":"<*>"},"request_mode":"single"},'
          '"request_id":"<*>","http_info":{"status":200,"http_version":"HTTP/1.1",'
          '"url":"/v1/graphql","ip":"<*>","method":"POST","content_encoding":null}}}',
          type="http-log", level="info"),
    Event("http_meta",
          '{"operation":{"user_vars":{"x-hasura-role":"admin"},"request_id":"<*>","response_size":<*>,'
          '"query_execution_time":<*>,"query":{"type":"<*>"},"request_mode":"single"},'
          '"request_id":"<*>","http_info":{"status":200,"http_version":"HTTP/1.1",'
          '"url":"/v1/metadata","ip":"<*>","method":"POST","content_encoding":null}}}',
          type="http-log", level="info"),
    Event("http_err",
          '{"operation":{' + HASURA_USERVARS + ',"error":{"path":"<*>","error":"<*>","code":"<*>"},'
          '"request_id":"<*>","response_size":<*>,"query":{"operationName":"<*>"},"request_mode":"error"},'
          '"request_id":"<*>","http_info":{"status":<*>,"http_version":"HTTP/1.1",'
          '"url":"/v1/graphql","ip":"<*>","method":"POST","content_encoding":null}}}',
          type="http-log", level="error"),
    Event("ws_accepted",
          '{"event":{"type":"accepted"},' + HASURA_CONN + ',' + HASURA_USERVARS + '}}',
          type="websocket-log", level="info"),
    Event("ws_started",
          '{"event":{"type":"operation","detail":{"request_id":"<*>","operation_id":"<*>",'
          '"operation_type":{"type":"started"},"operation_name":"<*>"}},'
          + HASURA_CONN + ',' + HASURA_USERVARS + '}}',
          type="websocket-log", level="info"),
    Event("ws_stopped",
          '{"event":{"type":"operation","detail":{"request_id":null,"operation_id":"<*>",'
          '"operation_type":{"type":"stopped"},"operation_name":"<*>"}},'
          + HASURA_CONN + ',' + HASURA_USERVARS + '}}',
          type="websocket-log", level="info"),
    Event("ws_closed",
          '{"event":{"type":"closed"},' + HASURA_CONN + ',' + HASURA_USERVARS + '}}',
          type="websocket-log", level="info"),
]

HASURA_IPS = ["10.8.14.22", "10.8.14.37", "10.8.15.3", "10.8.15.119", "172.19.0.1"]
HASURA_OPS = ["GetOrders", "OrderDetails", "ListProducts", "CustomerProfile",
              "CartItems", "SearchCatalog", "InsertReview", "UpdateCartLine"]
HASURA_SUBS = ["OnOrderStatus", "WatchCart", "LiveInventory", "NotificationsFeed"]
HASURA_ROLES = ["user", "manager", "support", "user"]
HASURA_META = ["export_metadata", "reload_metadata", "get_inconsistent_metadata",
               "pg_track_table", "replace_metadata"]
HASURA_ERRORS = [
    ("$.selectionSet.orders.selectionSet.totl",
     "field 'totl' not found in type: 'orders'", "validation-failed", 200),
    ("$", "Could not verify JWT: JWTExpired", "invalid-jwt", 200),
    ("$.selectionSet.insert_users_one.args.object",
     'Uniqueness violation. duplicate key value violates unique constraint \\"users_email_key\\"',
     "constraint-violation", 200),
    ("$", "missing required field 'query'", "parse-failed", 400),
    ("$.selectionSet.update_cart_lines.args.where",
     "expected an object for type 'cart_lines_bool_exp', but found null", "validation-failed", 200),
]


def build_hasura(rng, cyc):
    emit = Emitter()
    t = 8 * HOUR + rng.randint(0, 50 * 60) * SEC
    for _boot in range(7):
        b0 = t
        tt = b0 + rng.randint(150000, 450000) * US
        emit(tt, "pg_conn")
        tt += rng.randint(200000, 900000) * US
        emit(tt, "catalog")
        tt += rng.randint(80000, 600000) * US
        emit(tt, "schema_sync", [rng.randint(14, 61), uuid4(rng)])
        tt += rng.randint(300000, 1500000) * US
        emit(tt, "et_prepare")
        tt += rng.randint(1000, 40000) * US
        emit(tt, "et_workers")
        tt += rng.randint(20000, 300000) * US + rng.randint(0, 999)
        emit(tt, "api_start", ["%.9f" % ((tt - b0) / SEC)])
        ready = tt
        end = ready + rng.randint(7, 13) * MINUTE + rng.randint(0, 59) * SEC

        # stateless HTTP requests
        ta = ready + expo(rng, 12 * SEC)
        while ta < end:
            x = rng.random()
            ip = rng.choice(HASURA_IPS)
            rid = uuid4(rng)
            if x < 0.76:
                role = cyc(("http_ok", 0), HASURA_ROLES)
                vals = [role, rng.randint(1000, 99999), rid, rng.randint(90, 48000),
                        "%.6f" % rng.uniform(0.0012, 0.35), cyc(("http_ok", 5), HASURA_OPS),
                        rid, ip]
                emit(ta + rng.randint(2, 400) * MS, "http_ok", vals)
            elif x < 0.9:
                vals = [rid, rng.randint(40, 230000), "%.6f" % rng.uniform(0.003, 1.9),
                        cyc(("http_meta", 3), HASURA_META), rid, ip]
                emit(ta + rng.randint(5, 900) * MS, "http_meta", vals)
            else:
                path, err, code, status = cyc(("http_err", 2), HASURA_ERRORS)
                role = cyc(("http_err", 0), HASURA_ROLES)
                vals = [role, rng.randint(1000, 99999), path, err, code, rid,
                        rng.randint(110, 260), cyc(("http_err", 8), HASURA_OPS), rid,
                        status, ip]
                emit(ta + rng.randint(1, 60) * MS, "http_err", vals)
            ta += expo(rng, 14 * SEC)

        # websocket connections with overlapping lifetimes
        tw = ready + expo(rng, 60 * SEC)
        while tw < end:
            wid = uuid4(rng)
            expiry = Clock(tw + rng.randint(20, 60) * MINUTE).iso_z()
            role = cyc(("ws_accepted", 2), HASURA_ROLES)
            uid = rng.randint(1000, 99999)
            ident = [wid, expiry, role, uid]
            close = tw + rng.randint(5, 60) * SEC + expo(rng, 4 * MINUTE)
            if close >= end:
                close = end + rng.randint(3, 90) * MS
            emit(tw, "ws_accepted", ident)
            st = tw
            for opid in range(1, rng.choice([1, 1, 2, 2, 3]) + 1):
                st += rng.randint(40, 2500) * MS + (opid - 1) * rng.randint(1, 40) * SEC
                if st >= close:
                    break
                name = cyc(("ws_started", 2), HASURA_SUBS)
                emit(st, "ws_started", [uuid4(rng), opid, name] + ident)
                if rng.random() < 0.7:
                    sp = st + rng.randint(2, 30) * SEC + expo(rng, 90 * SEC)
                    if sp < close:
                        emit(sp, "ws_stopped", [opid, name] + ident)
            emit(close, "ws_closed", ident)
            tw += expo(rng, 75 * SEC)

        emit(end, "shutdown")
        t = end + rng.randint(4, 25) * SEC
    return emit.recs


def hasura_header(rng, clk, ev, extra):
    return '{"type":"%s","timestamp":"%s","level":"%s","detail":' % (
        ev.meta["type"], clk.iso_ms(), ev.meta["level"])


HASURA_HEADER_RE = (r'\{"type":"(?:startup|http-log|websocket-log)",'
                    r'"timestamp":"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})\+0000",'
                    r'"level":"(?:debug|info|warn|error)","detail":')


# ==========================================================================
# 2. PostgREST (seeded shuffle)

PG_VERSIONS = [
    "PostgreSQL 16.2 (Debian 16.2-1.pgdg120+2) on x86_64-pc-linux-gnu, "
    "compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit",
    "PostgreSQL 16.3 (Debian 16.3-1.pgdg120+1) on x86_64-pc-linux-gnu, "
    "compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit",
]
PG_DETAILS = [
    r'connection to server at \"pgdb-a.svc.internal\" (10.0.4.12), port 5432 failed: '
    r'Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n',
    r'connection to server at \"pgdb-a.svc.internal\" (10.0.4.12), port 5432 failed: '
    r'FATAL:  the database system is starting up\n',
    r'could not translate host name \"pgdb-a.svc.internal\" to address: '
    r'Temporary failure in name resolution\n',
    r'connection to server at \"pgdb-a.svc.internal\" (10.0.4.12), port 5432 failed: '
    r'FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute\n',
]
PG_TABLES = ["orders", "customers", "products", "invoices", "shipments", "warehouses"]
PG_RPCS = ["refresh_stock", "close_invoice", "search_products", "apply_coupon"]
PG_UAS = ["curl/8.5.0", "python-requests/2.31.0", "axios/1.6.7", "Go-http-client/1.1",
          "PostmanRuntime/7.36.3", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)"]
PG_CLIENT_IPS = ["10.0.3.21", "10.0.3.22", "10.0.5.14", "127.0.0.1", "10.0.7.40"]


def pgrst_request(r, c):
    x = r.random()
    t = r.choice(PG_TABLES)
    if x < 0.55:
        q = r.choice([
            "select=*&limit=%d" % r.choice([20, 50, 100]),
            "id=eq.%d" % r.randint(100, 99999),
            "select=id,status,total&status=eq.%s&order=created_at.desc"
            % r.choice(["open", "paid", "shipped", "cancelled"]),
            "created_at=gte.2026-03-%02d&offset=%d" % (r.randint(1, 13), r.choice([0, 50, 100, 150])),
            "select=*,items(*)&id=in.(%d,%d,%d)" % (r.randint(1, 999), r.randint(1000, 4999),
                                                    r.randint(5000, 9999)),
        ])
        m, path = "GET", "/%s?%s" % (t, q)
        status = r.choice([200] * 9 + [206, 404, 406, 401])
    elif x < 0.70:
        m, path = "POST", "/%s" % t
        status = r.choice([201] * 6 + [409, 400, 403])
    elif x < 0.80:
        m, path = "PATCH", "/%s?id=eq.%d" % (t, r.randint(100, 99999))
        status = r.choice([204, 204, 204, 200, 400])
    elif x < 0.86:
        m, path = "DELETE", "/%s?id=eq.%d" % (t, r.randint(100, 99999))
        status = r.choice([204, 204, 403])
    else:
        m, path = "POST", "/rpc/%s" % r.choice(PG_RPCS)
        status = r.choice([200, 200, 200, 200, 400, 500, 503])
    anon = m == "GET" and r.random() < 0.45 or status == 401
    c["role"] = "web_anon" if anon else "app_user"
    c["path"], c["status"], c["ua"] = path, str(status), r.choice(PG_UAS)
    return m


PGRST_EVENTS = [
    Event("starting", "Starting PostgREST <*>...", [["12.0.2", "12.2.3"]], n=8),
    Event("attempting", "Attempting to connect to the database...", n=12),
    Event("connected", "Successfully connected to <*>", [PG_VERSIONS], n=8),
    Event("listening", "Listening on port 3000", n=8),
    Event("notif", "Listening for notifications on the pgrst channel", n=10),
    Event("config_reloaded", "Config reloaded", n=5),
    Event("sc_queried", "Schema cache queried in <*> milliseconds",
          [lambda r, c: "%.1f" % r.uniform(3.0, 190.0)], n=20),
    Event("sc_summary",
          "Schema cache loaded <*> Relations, <*> Relationships, <*> Functions, "
          "<*> Domain Representations, <*> Media Type Handlers",
          [lambda r, c: r.randint(38, 64), lambda r, c: r.randint(51, 97),
           lambda r, c: r.randint(9, 27), lambda r, c: r.choice([0, 0, 0, 1, 2]),
           lambda r, c: r.choice([1, 1, 2, 3])], n=20),
    Event("sc_loaded", "Schema cache loaded in <*> milliseconds",
          [lambda r, c: "%.1f" % r.uniform(0.4, 35.0)], n=20),
    Event("sc_reload_msg", "Received a schema cache reload message on the pgrst channel", n=12),
    Event("cfg_reload_msg", "Received a config reload message on the pgrst channel", n=5),
    Event("conn_error",
          '{"code":"PGRST000","details":"<*>","hint":null,'
          '"message":"Database connection error. Retrying the connection."}',
          [PG_DETAILS], n=9),
    Event("reconnect", "Attempting to reconnect to the database in <*> seconds...",
          [["1", "2", "4", "8", "16", "32"]], n=9),
    Event("request", '"<*> <*> HTTP/1.1" <*> - "" "<*>"',
          [pgrst_request, lambda r, c: c["path"], lambda r, c: c["status"],
           lambda r, c: c["ua"]], n=154, request=True),
]


def pgrst_header(rng, clk, ev, extra):
    if ev.meta.get("request"):
        return "%s - %s [%s] " % (rng.choice(PG_CLIENT_IPS), extra["role"], clk.apache())
    return "%s: " % clk.apache()


_APACHE_TS = r"\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d \+0000"
PGRST_HEADER_RE = (r"(?:(?P<ts>" + _APACHE_TS + r"): |\d{1,3}(?:\.\d{1,3}){3} - [a-z_]+ "
                   r"\[(?P<ts2>" + _APACHE_TS + r")\] )")


def pgrst_ts_key(m):
    s = m.group("ts") or m.group("ts2")
    day, mon, rest = s.split("/", 2)
    year, hms = rest.split(" ")[0].split(":", 1)
    return (int(year), MONTHS.index(mon), int(day), hms)


# ==========================================================================
# 3. syslog-ng (simulation: daemon runs, client connections, destination link)

SNG_DEST = "logsink.mgmt.vellum.lan:514"
SNG_EVENTS = [
    Event("start", "syslog-ng starting up; version='4.7.1'"),
    Event("shutdown", "syslog-ng shutting down; version='4.7.1'"),
    Event("reload_req", "Configuration reload request received, reloading configuration;"),
    Event("reload_done", "Configuration reload finished;"),
    Event("accepted", "Syslog connection accepted; fd='<*>', client='AF_INET(<*>)', "
                      "local='AF_INET(0.0.0.0:514)'"),
    Event("closed", "Syslog connection closed; fd='<*>', client='AF_INET(<*>)', "
                    "local='AF_INET(0.0.0.0:514)'"),
    Event("established", "Syslog connection established; fd='<*>', server='AF_INET(<*>)', "
                         "local='AF_INET(0.0.0.0:0)'"),
    Event("broken", "Syslog connection broken; fd='<*>', server='AF_INET(<*>)', time_reopen='60'"),
    Event("failed", "Connection failed; fd='<*>', server='AF_INET(<*>)', local='AF_INET(0.0.0.0:0)', "
                    "error='<*>', time_reopen='60'"),
    Event("stats", "Log statistics; processed='src.internal(s_sys#0)=<*>', "
                   "stamp='src.internal(s_sys#0)=<*>', processed='source(s_net)=<*>', "
                   "processed='center(received)=<*>', "
                   "dropped='dst.network(d_remote#0,tcp," + SNG_DEST + ")=<*>', "
                   "processed='destination(d_remote)=<*>', "
                   "queued='dst.network(d_remote#0,tcp," + SNG_DEST + ")=<*>', "
                   "processed='center(queued)=<*>'"),
    Event("queue_full", "Destination queue full, dropping messages; queue_len='10000', "
                        "log_fifo_size='10000', count='<*>', "
                        "persist_name='afsocket_dd.(stream," + SNG_DEST + ")'"),
    Event("open_error", "Error opening file for writing; filename='<*>', error='<*>'"),
    Event("io_error", "I/O error occurred while reading; fd='<*>', error='<*>'"),
    Event("max_conn", "Number of allowed concurrent connections reached, rejecting connection; "
                      "client='AF_INET(<*>)', local='AF_INET(0.0.0.0:514)', group_name='s_net', "
                      "location='/etc/syslog-ng/conf.d/20-network.conf:4:5', max='64'"),
]

SNG_COLLECTORS = ["10.20.0.5:514", "10.20.0.6:514"]
SNG_CONN_ERRORS = ["Connection refused (111)", "No route to host (113)",
                   "Connection timed out (110)"]
SNG_IO_ERRORS = ["Connection reset by peer (104)", "Connection timed out (110)"]
SNG_FILE_ERRORS = ["Permission denied (13)", "No space left on device (28)"]
SNG_HOSTS = ["web-01", "web-02", "db-11", "cache-03", "edge-fw-1", "k8s-node-07", "mail-02",
             "vpn-gw-2"]


def build_syslogng(rng, cyc):
    emit = Emitter()
    clients = ["10.30.%d.%d" % (rng.randint(1, 9), rng.randint(2, 250)) for _ in range(16)]
    pid = rng.randint(700, 1400)
    t = 3 * HOUR + rng.randint(0, 1800) * SEC

    def addr():
        return "%s:%d" % (rng.choice(clients), rng.randint(32768, 60999))

    for _seg in range(7):
        t0 = t
        t_end = t0 + rng.randint(30, 48) * MINUTE + rng.randint(0, 59) * SEC
        seg_first = len(emit.recs)
        emit(t0, "start", pid=pid)
        items = []        # [start, end or None, kind, data]
        outages = []      # (from, to)
        drops = []        # (time, count)

        # remote destination: up, broken, failed retries, up again ...
        td = t0 + rng.randint(50, 4000) * MS
        while td < t_end:
            srv = cyc(("established", 1), SNG_COLLECTORS)
            up_end = td + rng.randint(1, 6) * MINUTE + expo(rng, 11 * MINUTE)
            items.append([td, up_end if up_end < t_end else None, "dest", srv])
            if up_end >= t_end:
                break
            tf = up_end
            for _ in range(rng.choice([0, 1, 1, 2, 3])):
                tf += 60 * SEC + rng.randint(1, 400) * MS
                if tf >= t_end:
                    break
                items.append([tf, tf, "fail", cyc(("failed", 1), SNG_COLLECTORS)])
            nxt = tf + 60 * SEC + rng.randint(1, 400) * MS
            outages.append((up_end, nxt))
            if nxt - up_end > 90 * SEC and rng.random() < 0.7:
                tq = up_end + rng.randint(20 * SEC, nxt - up_end - SEC)
                if tq < t_end:
                    cnt = rng.randint(1, 900)
                    drops.append((tq, cnt))
                    emit(tq, "queue_full", [cnt], pid=pid)
            td = nxt

        # client connections
        # senders that were connected before the restart reconnect at once
        for _ in range(rng.randint(1, 4)):
            ta = t0 + rng.randint(200, 5000) * MS
            end = ta + rng.randint(2, 40) * SEC + expo(rng, 9 * MINUTE)
            items.append([ta, end if end < t_end else None, "client",
                          (addr(), rng.random() < 0.22)])
        ta = t0 + rng.randint(1, 30) * SEC
        while ta < t_end:
            end = ta + rng.randint(2, 40) * SEC + expo(rng, 9 * MINUTE)
            items.append([ta, end if end < t_end else None, "client",
                          (addr(), rng.random() < 0.22)])
            ta += expo(rng, 95 * SEC)

        # fd allocation sweep: lowest free fd, listeners hold everything below 14
        sweep = []
        for i, it in enumerate(items):
            sweep.append((it[0], 1, i))
            if it[2] != "fail" and it[1] is not None:
                sweep.append((it[1], 0, i))
        sweep.sort()
        used, fds = set(), {}
        for _tm, kind, i in sweep:
            if kind == 0:
                used.discard(fds[i])
                continue
            fd = 14
            while fd in used:
                fd += 1
            fds[i] = fd
            if items[i][2] != "fail":
                used.add(fd)
        for i, (st, en, kind, data) in enumerate(items):
            fd = fds[i]
            if kind == "client":
                a, ioerr = data
                emit(st, "accepted", [fd, a], pid=pid)
                if en is not None:
                    if ioerr:
                        emit(en, "io_error", [fd, cyc(("io_error", 1), SNG_IO_ERRORS)], pid=pid)
                    emit(en, "closed", [fd, a], pid=pid)
            elif kind == "dest":
                emit(st, "established", [fd, data], pid=pid)
                if en is not None:
                    emit(en, "broken", [fd, data], pid=pid)
            else:
                emit(st, "failed", [fd, data, cyc(("failed", 2), SNG_CONN_ERRORS)], pid=pid)

        # reloads, file errors, rejected connections
        tr = t0 + rng.randint(3, 15) * MINUTE + expo(rng, 12 * MINUTE)
        while tr < t_end - 2 * SEC:
            emit(tr, "reload_req", pid=pid)
            emit(tr + rng.randint(20, 450) * MS, "reload_done", pid=pid)
            tr += 5 * MINUTE + expo(rng, 25 * MINUTE)
        tx = t0 + expo(rng, 22 * MINUTE)
        while tx < t_end:
            fn = "/var/log/remote/%s/messages" % rng.choice(SNG_HOSTS)
            emit(tx, "open_error", [fn, cyc(("open_error", 1), SNG_FILE_ERRORS)], pid=pid)
            tx += expo(rng, 22 * MINUTE)
        tx = t0 + expo(rng, 16 * MINUTE)
        while tx < t_end:
            emit(tx, "max_conn", [addr()], pid=pid)
            tx += expo(rng, 16 * MINUTE)

        # statistics every 600 s (default stats-freq)
        seg_recs = emit.recs[seg_first:]
        ts = t0 + 600 * SEC
        net = 0
        while ts < t_end:
            own = [r[0] for r in seg_recs if r[0] < ts]
            internal = len(own)
            stamp = Clock(max(own)).epoch
            net += rng.randint(1800, 9500)
            received = net + internal
            dropped = sum(c for tq, c in drops if tq < ts)
            down = any(a <= ts < b for a, b in outages)
            queued = rng.randint(300, 6000) if down else rng.randint(0, 40)
            delivered = max(0, received - dropped - queued)
            emit(ts, "stats", [internal, stamp, net, received, dropped, delivered, queued,
                               2 * received], pid=pid)
            ts += 600 * SEC

        emit(t_end, "shutdown", pid=pid)
        t = t_end + rng.randint(900, 4000) * MS
        pid += rng.randint(150, 4000)
    return emit.recs


def syslogng_header(rng, clk, ev, extra):
    return "%s logrelay-02 syslog-ng[%d]: " % (clk.syslog(), extra["pid"])


_SYSLOG_TS = r"[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d"
SNG_HEADER_RE = r"(?P<ts>" + _SYSLOG_TS + r") logrelay-02 syslog-ng\[\d+\]: "


def syslog_ts_key(m):
    s = m.group("ts")
    return (MONTHS.index(s[:3]), int(s[4:6]), s[7:])


# ==========================================================================
# 4. Dgraph (seeded shuffle)

DG_STATE = {"term": 6, "index": 1843000, "readts": 5240000, "table": 812, "minpend": 5239000}


def dg_node(r, c):
    c["node"] = r.choice(["1", "2", "3"])
    return c["node"]


def dg_other(r, c):
    return r.choice([x for x in ("1", "2", "3") if x != c["node"]])


def dg_term(r, c):
    DG_STATE["term"] += r.choice([0, 0, 1])
    return DG_STATE["term"]


def dg_index(r, c):
    DG_STATE["index"] += r.randint(40, 2600)
    return DG_STATE["index"]


def dg_readts(r, c):
    DG_STATE["readts"] += r.randint(50, 4000)
    return DG_STATE["readts"]


def dg_minpending(r, c):
    return r.choice([0, DG_STATE["readts"] - r.randint(1, 900)])


def dg_from_level(r, c):
    c["from"] = r.choice([0, 0, 0, 4, 5])
    return c["from"]


def dg_tables(r, c):
    top = r.randint(1, 6)
    bot = r.randint(0, 5)
    new = max(1, top + bot - r.randint(0, 2))
    ids = []
    for _ in range(top + bot):
        DG_STATE["table"] += 1
        ids.append("%05d" % DG_STATE["table"])
    out = []
    for _ in range(new):
        DG_STATE["table"] += 1
        out.append("%05d" % DG_STATE["table"])
    c["bot"], c["new"], c["splits"] = bot, new, r.randint(0, 3)
    c["in"] = " ".join(ids[:top]) + " . " + " ".join(ids[top:]) if bot else " ".join(ids) + " ."
    c["out"] = " ".join(out) + " ."
    return top


DG_EVENTS = [
    Event("follower", "<*> became follower at term <*>", [dg_node, dg_term],
          n=14, level="I", src="log.go:34"),
    Event("candidate", "<*> became candidate at term <*>", [dg_node, dg_term],
          n=8, level="I", src="log.go:34"),
    Event("leader", "<*> became leader at term <*>", [dg_node, dg_term],
          n=6, level="I", src="log.go:34"),
    Event("elected", "raft.node: <*> elected leader <*> at term <*>", [dg_node, dg_other, dg_term],
          n=10, level="I", src="log.go:34"),
    Event("msgvote", "<*> [logterm: <*>, index: <*>] sent MsgVote request to <*> at term <*>",
          [dg_node, lambda r, c: DG_STATE["term"], dg_index, dg_other,
           lambda r, c: DG_STATE["term"] + 1],
          n=9, level="I", src="log.go:34"),
    Event("snap_create", "Creating snapshot at Index: <*>, ReadTs: <*>", [dg_index, dg_readts],
          n=38, level="I", src="draft.go:1722"),
    Event("snap_skip", "Skipping snapshot at index: <*>. Insufficient discard entries: <*>. "
                       "MinPendingStartTs: <*>",
          [dg_index, lambda r, c: r.randint(1, 9999), dg_minpending],
          n=80, level="I", src="draft.go:1697"),
    Event("op_started", "Operation started with id: <*>",
          [["opRollup", "opSnapshot", "opIndexing", "opRollup", "opPredMove"]],
          n=22, level="I", src="draft.go:136"),
    Event("op_completed", "Operation completed with id: <*>",
          [["opRollup", "opSnapshot", "opRollup", "opIndexing"]],
          n=22, level="I", src="draft.go:174"),
    Event("compaction", "[Compactor: <*>] Running compaction: {level:<*> score:<*> adjusted:<*> "
                        "dropPrefixes:[] t:{baseLevel:6 targetSz:[0 10485760 10485760 10485760 "
                        "10485760 10485760 12582912] fileSz:[67108864 2097152 2097152 2097152 "
                        "2097152 2097152 2097152]}}",
          [lambda r, c: r.randint(0, 3), lambda r, c: r.choice([0, 0, 0, 4, 5]),
           lambda r, c: "%.2f" % r.uniform(1.0, 3.6), lambda r, c: "%.2f" % r.uniform(1.0, 4.2)],
          n=36, level="I", src="log.go:34"),
    Event("log_compact", "LOG Compact <*>-><*> (<*>, <*> -> <*> tables with <*> splits). "
                         "[<*>] -> [<*>], took <*>",
          [dg_from_level, lambda r, c: 6 if c["from"] == 0 else c["from"] + 1, dg_tables,
           lambda r, c: c["bot"], lambda r, c: c["new"], lambda r, c: c["splits"],
           lambda r, c: c["in"], lambda r, c: c["out"], lambda r, c: fmt_go_dur(r, 40, 4800)],
          n=37, level="I", src="log.go:34"),
    Event("alter", 'Received ALTER op: schema:"<*>"',
          [["email: string @index(hash) @upsert .", "follows: [uid] @reverse @count .",
            "created_at: datetime @index(hour) .", "name: string @index(exact, term) .",
            "price: float @index(float) ."]],
          n=5, level="I", src="server.go:402"),
    Event("echo_error", "Echo error from <*>. Err: <*>",
          [["alpha2:7080", "zero1:5080", "alpha3:7080"],
           ['rpc error: code = Unavailable desc = connection error: desc = "transport: Error '
            'while dialing dial tcp 10.4.0.12:7080: connect: connection refused"',
            "rpc error: code = DeadlineExceeded desc = context deadline exceeded",
            "rpc error: code = Unavailable desc = transport is closing"]],
          n=7, level="W", src="pool.go:306"),
    Event("reconnected", "CONN: Re-established connection with <*>.",
          [["alpha2:7080", "alpha3:7080", "zero1:5080"]],
          n=6, level="I", src="pool.go:287"),
]


def dgraph_header(rng, clk, ev, extra):
    return "%s%s %7d %s] " % (ev.meta["level"], clk.glog(), 2731, ev.meta["src"])


DG_HEADER_RE = r"[IWEF](?P<ts>\d{4} \d\d:\d\d:\d\d\.\d{6}) +\d+ [\w.-]+\.go:\d+\] "


# ==========================================================================
# 5. TeamCityAgent (seeded shuffle)

TC_AGENT = "jetbrains.buildServer.AGENT"
TC_IMPL = "jetbrains.buildServer.agent.impl.BuildAgentImpl"
TC_POLL = "jetbrains.buildServer.agent.impl.serverCommandsPolling.ServerCommandsPoller"
TC_DISK = "jetbrains.buildServer.agent.impl.DiskSpaceCleaner"
TC_ART = "jetbrains.buildServer.agent.impl.artifacts.ArtifactsWatcherImpl"
TC_KILL = "jetbrains.buildServer.agent.impl.ProcessTreeTerminatorImpl"
TC_VCS = "jetbrains.buildServer.buildTriggers.vcs.git.agent.GitAgentVcsSupport"

TC_CONFIGS = [("Backend :: Unit Tests", "Backend_UnitTests"),
              ("Web :: Build and Package", "Web_BuildAndPackage"),
              ("Mobile :: Android Release", "Mobile_AndroidRelease"),
              ("Infra :: Terraform Plan", "Infra_TerraformPlan"),
              ("Backend :: Integration Tests", "Backend_IntegrationTests")]
TC_REPOS = ["ssh://git@git.larkspur-dev.net/backend/api.git",
            "ssh://git@git.larkspur-dev.net/web/storefront.git",
            "https://git.larkspur-dev.net/mobile/android-app.git",
            "ssh://git@git.larkspur-dev.net/infra/terraform-live.git"]
TC_STATE = {"build": 884120, "number": {}}


def tc_config(r, c):
    name, btid = r.choice(TC_CONFIGS)
    c["btid"] = btid
    num = TC_STATE["number"].get(btid, r.randint(120, 3400)) + r.randint(0, 3)
    TC_STATE["number"][btid] = num
    c["num"] = num
    TC_STATE["build"] += r.randint(1, 40)
    c["id"] = TC_STATE["build"]
    return name


def tc_size(r, lo, hi):
    v = r.uniform(lo, hi)
    if v >= 1024:
        return "%.2f GB" % (v / 1024.0)
    return "%.1f MB" % v


def tc_dur(r, lo_s, hi_s):
    s = r.randint(lo_s, hi_s)
    if s >= 60:
        return "%dm:%02ds" % divmod(s, 60)
    return "%ds" % s


TC_EVENTS = [
    Event("registering",
          "Registering on server via URL https://ci.larkspur-dev.net: AgentDetails{Name='lnx-build-07', "
          "AgentId=41, BuildId=null, AgentOwnAddress='null', AlternativeAddresses=[10.42.7.19, 172.17.0.1], "
          "Port=9090, Version='<*>', PluginsVersion='<*>', AuthorizationToken='***', PingCode='<*>'}",
          [["147486", "149203"], lambda r, c: "%s-md5-%s" % (c[0], hexs(r, 32)),
           lambda r, c: hexs(r, 32)],
          n=6, level="INFO", logger=TC_AGENT),
    Event("registered", "Agent registered on server in <*>, agentId=41",
          [lambda r, c: "%dms" % r.randint(180, 4200)],
          n=6, level="INFO", logger=TC_AGENT),
    Event("build_started", "Build started: '<*>' #<*> {id=<*>, buildTypeId=<*>}",
          [tc_config, lambda r, c: c["num"], lambda r, c: c["id"], lambda r, c: c["btid"]],
          n=40, level="INFO", logger=TC_IMPL),
    Event("build_finished",
          "Build finished: '<*>' #<*> {id=<*>, buildTypeId=<*>}, status=<*>, duration=<*>",
          [tc_config, lambda r, c: c["num"], lambda r, c: c["id"], lambda r, c: c["btid"],
           lambda r, c: r.choice(["SUCCESS"] * 4 + ["FAILURE"]), lambda r, c: tc_dur(r, 14, 2700)],
          n=36, level="INFO", logger=TC_IMPL),
    Event("build_interrupted", "Build interrupted: '<*>' #<*> {id=<*>}, reason: <*>",
          [tc_config, lambda r, c: c["num"], lambda r, c: c["id"],
           ["Canceled by user 'mkovacs'", "Execution timeout of 60 minutes exceeded",
            "Agent is shutting down", "Canceled by user 'r.delaney'"]],
          n=5, level="WARN", logger=TC_IMPL),
    Event("poll_failed", "Failed to poll server for commands: <*>",
          [["java.net.ConnectException: Connection refused",
            "java.net.SocketTimeoutException: Read timed out",
            "javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake",
            "java.net.UnknownHostException: ci.larkspur-dev.net"]],
          n=9, level="ERROR", logger=TC_POLL),
    Event("poll_restored", "Connection to server restored after <*>",
          [lambda r, c: tc_dur(r, 5, 600)], n=8, level="INFO", logger=TC_POLL),
    Event("disk_low", "Free disk space requirement of <*> is not met for <*> (free: <*>), cleaning up",
          [["3 GB", "5 GB"], ["/opt/buildagent/temp", "/opt/buildagent/work"],
           lambda r, c: tc_size(r, 300, 4900)],
          n=10, level="WARN", logger=TC_DISK),
    Event("disk_removed", "Removing checkout directory <*> (<*>), last used <*> ago",
          [lambda r, c: "/opt/buildagent/work/%s" % hexs(r, 16), lambda r, c: tc_size(r, 40, 6000),
           lambda r, c: r.choice(["%d days" % r.randint(2, 30), "%d hours" % r.randint(5, 47)])],
          n=22, level="INFO", logger=TC_DISK),
    Event("publish_started", "Publishing artifacts started for build id=<*>",
          [lambda r, c: 884120 + r.randint(0, 9000)], n=38, level="INFO", logger=TC_ART),
    Event("publish_finished", "Publishing artifacts finished for build id=<*>: <*> files, <*> in <*>",
          [lambda r, c: 884120 + r.randint(0, 9000), lambda r, c: r.randint(1, 420),
           lambda r, c: tc_size(r, 0.2, 2600), lambda r, c: "%.1fs" % r.uniform(0.2, 95.0)],
          n=36, level="INFO", logger=TC_ART),
    Event("kill_tree", "Killing process tree of pid <*>: <*>",
          [lambda r, c: r.randint(3000, 98000),
           ["/usr/lib/jvm/java-17-openjdk-amd64/bin/java -Xmx2g -jar gradle-wrapper.jar test",
            "node /opt/buildagent/work/6c1f0e9a2d7b3c44/node_modules/.bin/jest --ci",
            "/bin/sh -c ./scripts/integration.sh --keep-db"]],
          n=4, level="WARN", logger=TC_KILL),
    Event("checkout", "Updating sources: agent side checkout of <*> to revision <*> in <*>",
          [TC_REPOS, lambda r, c: hexs(r, 40), lambda r, c: "/opt/buildagent/work/%s" % hexs(r, 16)],
          n=70, level="INFO", logger=TC_VCS),
    Event("params_changed", "Detected changes in agent parameters: <*>",
          [["[teamcity.agent.work.dir.freeSpaceMb]", "[env.PATH, system.agent.name]",
            "[teamcity.agent.hardware.memorySizeMb, teamcity.agent.work.dir.freeSpaceMb]",
            "[docker.server.version]"]],
          n=10, level="INFO", logger=TC_AGENT),
]


def tc_header(rng, clk, ev, extra):
    logger = ev.meta["logger"][-30:]
    return "[%s] %6s - %30s - " % (clk.log4j(), ev.meta["level"], logger)


TC_HEADER_RE = (r"\[(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})\] "
                r"(?:  INFO|  WARN| ERROR| DEBUG) - [\w. $]{30} - ")


# ==========================================================================
# 6. WireGuard (seeded shuffle)

WG_IFACES = ["wg0", "wg1"]
WG_STATE = {"keypair": 1480}


def wg_peers():
    r = random.Random(BASE_SEED * 10 + 6 + 1000)
    peers = {"wg0": [], "wg1": []}
    pid = 1
    for i in range(9):
        if i % 4 == 3:
            ep = "[2001:db8:%x::%x]:%d" % (r.randint(0x10, 0xfff), r.randint(2, 0xfff),
                                           r.randint(20000, 65000))
        else:
            ep = "%s.%d:%d" % (r.choice(["198.51.100", "203.0.113", "192.0.2"]),
                               r.randint(2, 250), r.randint(20000, 65000))
        peers["wg0"].append((str(pid), ep))
        pid += 1
    for _ in range(3):
        peers["wg1"].append((str(pid), "203.0.113.%d:51820" % r.randint(2, 250)))
        pid += 1
    return peers


WG_PEERS = wg_peers()


def wg_peer(r, c):
    c["peer"] = r.choice(WG_PEERS[c[0]])
    return c["peer"][0]


def wg_ep(r, c):
    return c["peer"][1]


def wg_kp_new(r, c):
    WG_STATE["keypair"] += 1
    return WG_STATE["keypair"]


def wg_kp_old(r, c):
    return WG_STATE["keypair"] - r.randint(1, 3)


def wg_random_ep(r, c):
    return "%d.%d.%d.%d:%d" % (r.choice([45, 91, 141, 185, 194]), r.randint(0, 255),
                               r.randint(0, 255), r.randint(1, 254), r.randint(1024, 65535))


WG_EVENTS = [
    Event("loaded", "WireGuard 1.0.0 loaded. See www.wireguard.com for information.",
          n=4, src="kernel"),
    Event("peer_created", "<*>: Peer <*> created", [WG_IFACES, wg_peer], n=12, src="kernel"),
    Event("send_init", "<*>: Sending handshake initiation to peer <*> (<*>)",
          [WG_IFACES, wg_peer, wg_ep], n=102, src="kernel"),
    Event("recv_resp", "<*>: Receiving handshake response from peer <*> (<*>)",
          [WG_IFACES, wg_peer, wg_ep], n=35, src="kernel"),
    Event("recv_init", "<*>: Receiving handshake initiation from peer <*> (<*>)",
          [WG_IFACES, wg_peer, wg_ep], n=16, src="kernel"),
    Event("send_resp", "<*>: Sending handshake response to peer <*> (<*>)",
          [WG_IFACES, wg_peer, wg_ep], n=16, src="kernel"),
    Event("kp_created", "<*>: Keypair <*> created for peer <*>",
          [WG_IFACES, wg_kp_new, lambda r, c: r.choice(WG_PEERS[c[0]])[0]], n=24, src="kernel"),
    Event("kp_destroyed", "<*>: Keypair <*> destroyed for peer <*>",
          [WG_IFACES, wg_kp_old, lambda r, c: r.choice(WG_PEERS[c[0]])[0]], n=20, src="kernel"),
    Event("send_keepalive", "<*>: Sending keepalive packet to peer <*> (<*>)",
          [WG_IFACES, wg_peer, wg_ep], n=22, src="kernel"),
    Event("recv_keepalive", "<*>: Receiving keepalive packet from peer <*> (<*>)",
          [WG_IFACES, wg_peer, wg_ep], n=18, src="kernel"),
    Event("hs_retry", "<*>: Handshake for peer <*> (<*>) did not complete after 5 seconds, "
                      "retrying (try <*>)",
          [WG_IFACES, wg_peer, wg_ep, lambda r, c: r.randint(2, 20)], n=9, src="kernel"),
    Event("zeroing", "<*>: Zeroing out all keys for peer <*> (<*>), since we haven't received "
                     "a new one in 540 seconds",
          [WG_IFACES, wg_peer, wg_ep], n=7, src="kernel"),
    Event("invalid_init", "<*>: Invalid handshake initiation from <*>",
          [WG_IFACES, wg_random_ep], n=5, src="kernel"),
    Event("link_add", "[#] ip link add <*> type wireguard", [WG_IFACES], n=5, src="wg-quick"),
    Event("link_delete", "[#] ip link delete dev <*>", [WG_IFACES], n=5, src="wg-quick"),
]


def wg_header(rng, clk, ev, extra):
    if ev.meta["src"] == "wg-quick":
        return "%s vpn-edge-1 wg-quick[%d]: " % (clk.syslog(), rng.randint(900, 65000))
    return "%s vpn-edge-1 kernel: wireguard: " % clk.syslog()


WG_HEADER_RE = (r"(?P<ts>" + _SYSLOG_TS + r") vpn-edge-1 "
                r"(?:kernel: wireguard: |wg-quick\[\d+\]: )")


# ==========================================================================
# registry

def simple_ts_key(m):
    return m.group("ts")


SYSTEMS = [
    System(1, "Hasura", "simulation",
           "server boots, HTTP requests and websocket connections with subscriptions",
           HASURA_EVENTS, hasura_header, HASURA_HEADER_RE, simple_ts_key, build_hasura),
    System(2, "PostgREST", "shuffle", None, PGRST_EVENTS, pgrst_header, PGRST_HEADER_RE,
           pgrst_ts_key, shuffle_build(PGRST_EVENTS, 6 * HOUR + 17 * MINUTE, 19 * SEC)),
    System(3, "SyslogNg", "simulation",
           "daemon runs (pid per run), client TCP connections and the remote destination link",
           SNG_EVENTS, syslogng_header, SNG_HEADER_RE, syslog_ts_key, build_syslogng),
    System(4, "Dgraph", "shuffle", None, DG_EVENTS, dgraph_header, DG_HEADER_RE,
           simple_ts_key, shuffle_build(DG_EVENTS, 10 * HOUR + 4 * MINUTE, 13 * SEC)),
    System(5, "TeamCityAgent", "shuffle", None, TC_EVENTS, tc_header, TC_HEADER_RE,
           simple_ts_key, shuffle_build(TC_EVENTS, 11 * HOUR + 42 * MINUTE, 41 * SEC)),
    System(6, "WireGuard", "shuffle", None, WG_EVENTS, wg_header, WG_HEADER_RE,
           syslog_ts_key, shuffle_build(WG_EVENTS, 13 * HOUR + 9 * MINUTE, 11 * SEC)),
]


# ==========================================================================
# writing

def paths(system):
    d = os.path.join(HERE, system.name)
    return d, os.path.join(d, system.name + ".log"), \
        os.path.join(d, system.name + ".log_structured.csv")


def generate(system):
    rng = random.Random(BASE_SEED * 10 + system.k)
    cyc = Cycler()
    recs = system.build(rng, cyc)
    recs.sort(key=lambda r: (r[0], r[1]))
    if len(recs) < N_LINES:
        raise ValueError("%s produced only %d lines" % (system.name, len(recs)))
    recs = recs[:N_LINES]
    evmap = {e.name: (i, e) for i, e in enumerate(system.events)}
    lines, rows = [], []
    for lid, (t, _seq, name, vals, extra) in enumerate(recs, 1):
        idx, ev = evmap[name]
        content = fill(ev.template, vals)
        header = system.header(rng, Clock(t), ev, extra)
        lines.append(header + content)
        rows.append([lid, content, "E%d" % (idx + 1), ev.template])
    d, log_path, csv_path = paths(system)
    os.makedirs(d, exist_ok=True)
    with open(log_path, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)
    return [log_path, csv_path]


# ==========================================================================
# self-check

def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")))


def check(system):
    problems = []

    def need(cond, msg):
        if not cond:
            problems.append(msg)
        return cond

    _d, log_path, csv_path = paths(system)
    with open(log_path, "rb") as f:
        raw = f.read().decode("utf-8")
    with open(csv_path, "rb") as f:
        csv_text = f.read().decode("utf-8")
    for label, text in (("log", raw), ("csv", csv_text)):
        need(text.endswith("\n"), "%s does not end with \\n" % label)
        need("\r" not in text, "%s contains \\r" % label)
    lines = raw[:-1].split("\n")
    need(len(lines) == N_LINES, "log has %d lines" % len(lines))
    rows = list(csv.reader(io.StringIO(csv_text, newline="")))
    need(rows and rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], "bad csv header")
    body = rows[1:]
    need(len(body) == N_LINES, "csv has %d rows" % len(body))

    declared = {"E%d" % (i + 1): e.template for i, e in enumerate(system.events)}
    need(len(set(declared.values())) == len(declared), "declared templates not distinct")
    regexes = {eid: template_regex(tpl) for eid, tpl in declared.items()}
    seen_tpl = {}
    counts = {}
    slot_vals = {}
    prev = None
    first_ts = last_ts = None
    for i, (row, line) in enumerate(zip(body, lines), 1):
        if not need(len(row) == 4, "row %d has %d columns" % (i, len(row))):
            continue
        lid, content, eid, tpl = row
        need(lid == str(i), "row %d LineId %r" % (i, lid))
        need(content != "" and content == content.strip(), "row %d Content not stripped" % i)
        need(line.endswith(content), "line %d does not end with Content" % i)
        header = line[:len(line) - len(content)]
        m = system.header_re.fullmatch(header)
        if need(m is not None, "line %d header %r does not match" % (i, header)):
            key = system.ts_key(m)
            need(prev is None or key >= prev, "line %d timestamp goes back" % i)
            prev = key
            first_ts = first_ts or key
            last_ts = key
        if not need(re.fullmatch(r"E\d+", eid) is not None and eid in declared,
                    "row %d bad EventId %r" % (i, eid)):
            continue
        seen_tpl.setdefault(eid, set()).add(tpl)
        need(tpl == declared[eid], "row %d template differs from declaration" % i)
        mm = regexes[eid].fullmatch(content)
        if need(mm is not None, "row %d template does not match Content" % i):
            for j, g in enumerate(mm.groups()):
                slot_vals.setdefault((eid, j), set()).add(g)
        counts[eid] = counts.get(eid, 0) + 1
    for eid, tpls in seen_tpl.items():
        need(len(tpls) == 1, "%s has %d templates" % (eid, len(tpls)))
    need(set(counts) == set(declared), "unused events: %s" % sorted(set(declared) - set(counts)))
    for eid, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            n = len(slot_vals.get((eid, j), ()))
            need(n >= 2, "%s slot %d takes %d distinct values" % (eid, j, n))
    c = sorted(counts.values())
    med = statistics.median(c) if c else 0
    need(12 <= len(declared) <= 15, "%d event types" % len(declared))
    need(c and min(c) >= 3, "an event has fewer than 3 lines: %s" % counts)
    need(sum(1 for x in c if 3 <= x <= 10) >= 3, "fewer than 3 events with 3-10 lines")
    need(c and max(c) >= 3 * med, "largest %s < 3 x median %s" % (max(c) if c else 0, med))
    summary = "%-14s %-10s events=%2d lines=%d counts min=%d median=%g max=%d  %s .. %s" % (
        system.name, system.kind, len(declared), len(lines), min(c) if c else 0, med,
        max(c) if c else 0, first_ts, last_ts)
    return problems, summary


def main():
    written = []
    for system in SYSTEMS:
        written.extend(generate(system))
    failed = False
    for system in SYSTEMS:
        problems, summary = check(system)
        print(("FAIL " if problems else "ok   ") + summary)
        for p in problems[:20]:
            print("     - " + p)
        failed = failed or bool(problems)
    print("%d files written" % len(written))
    if failed:
        print("SELF-CHECK FAILED")
        return 1
    print("self-check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
