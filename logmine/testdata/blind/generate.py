#!/usr/bin/env python3
"""Writes a small blind labelled log corpus (see README.md beside this file).

Six systems -- CoreDNS, ClickHouse, UWSGI, Etcd, Express, Jenkins -- each get a folder holding
`<System>.log` (300 raw lines, header included, as the program would write them) and
`<System>.log_structured.csv` (LineId, Content, EventId, EventTemplate). Every line is made here
from event formats invented for this corpus in the style of each project's documented default log
layout, with random values; nothing is copied from a public log or data set.

Deterministic: fixed seed 20261206, so `python3 generate.py` rewrites the same bytes.

Ground truth convention (Loghub style): one `<*>` per value; a value holding spaces (quoted string,
SQL statement, free-text reason, user agent, timestamp inside the message) is one `<*>`;
punctuation around a value stays literal; a unit glued to a number stays literal after `<*>`.

Each event below is (count, tag, template, value makers): the template is written with `<*>` holes
and the Content is the template with the holes filled in order, so Content and EventTemplate can
not drift apart. The counts are fixed (they sum to 300) and the line order is shuffled.
"""
import calendar
import csv
import json
import math
import os
import random
import re
import time

SEED = 20261206
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
HOLE = "<*>"

SUMMARY = {}      # system -> list of (EventId, count, template)
SLOT_VALUES = {}  # (system, EventId) -> list of sets of values per slot
HEADER_RE = {}    # system -> regex the raw line must match, with a group for Content (None: JSON)


# ---------------------------------------------------------------------------------------------
# small value helpers
def pick(seq):
    return lambda: R.choice(seq)


def rint(a, b):
    return lambda: str(R.randint(a, b))


def hexs(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def uuid4():
    return "%s-%s-4%s-%s%s-%s" % (hexs(8), hexs(4), hexs(3), R.choice("89ab"), hexs(3), hexs(12))


def fnum(a, b, places):
    return "%.*f" % (places, R.uniform(a, b))


def ipv4(*nets):
    """An address in one of the given /24 prefixes (written as three octets)."""
    return "%s.%d" % (R.choice(nets), R.randint(2, 253))


def lfnum(a, b, places):
    """Log-uniform decimal: most values small, a long tail (durations, sizes)."""
    return "%.*f" % (places, math.exp(R.uniform(math.log(a), math.log(b))))


def lint(a, b):
    return lambda: str(int(math.exp(R.uniform(math.log(a + 1), math.log(b + 1)))) - 1)


def port():
    return str(R.randint(32768, 60999))


class Clock:
    """Monotonic UTC clock starting on 2026-05-0x."""

    def __init__(self, mean_gap=1.6):
        self.t = calendar.timegm((2026, 5, 1, 0, 0, 0)) + R.randint(0, 5 * 86400)
        self.gap = mean_gap

    def tick(self):
        self.t += R.expovariate(1.0 / self.gap)
        return time.gmtime(self.t), int((self.t % 1) * 1_000_000)


MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


# ---------------------------------------------------------------------------------------------
def write(system, events, render, header_re):
    """events: list of (count, tag, template, makers). render(tag, content, values) -> raw line."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    assert 10 <= len(events) <= 16, system
    templates = [e[2] for e in events]
    assert len(set(templates)) == len(templates), "duplicate template in " + system
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    R.shuffle(order)
    folder = os.path.join(HERE, system)
    os.makedirs(folder, exist_ok=True)
    rows, raw = [], []
    slots = {}
    for i, k in enumerate(order):
        _, tag, template, makers = events[k]
        parts = template.split(HOLE)
        assert len(parts) - 1 == len(makers), (system, template)
        values = [m() for m in makers]
        content = parts[0]
        for v, p in zip(values, parts[1:]):
            assert v and "\n" not in v, (system, template, v)
            content += v + p
        eid = "E%d" % (k + 1)
        slots.setdefault(eid, [set() for _ in values])
        for s, v in zip(slots[eid], values):
            s.add(v)
        rows.append([i + 1, content, eid, template])
        raw.append(render(tag, content, values))
    with open(os.path.join(folder, system + ".log"), "w", newline="") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(folder, system + ".log_structured.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)
    SUMMARY[system] = [("E%d" % (k + 1), e[0], e[2]) for k, e in enumerate(events)]
    for eid, s in slots.items():
        SLOT_VALUES[(system, eid)] = s
    HEADER_RE[system] = header_re


# ---------------------------------------------------------------------------------------------
# 1. CoreDNS: plugin messages `[LEVEL] plugin/name: message` and `log` plugin query lines in its
# default format `{remote}:{port} - {>id} "{type} {class} {name} {proto} {size} {>do} {>bufsize}"
# {rcode} {>rflags} {rsize} {duration}`. No timestamp (stdout collected by the runtime).
# Content = everything after `[LEVEL] `.
def coredns():
    pods = ["10.244.0", "10.244.1", "10.244.3", "10.244.7"]
    upstreams = ["172.20.0.10:53", "172.20.0.11:53", "9.9.9.9:53", "149.112.112.112:53"]
    names = ["inventory.prod.svc.cluster.local.", "grafana.monitoring.svc.cluster.local.",
             "registry.npmjs.org.", "registry.npmjs.org.default.svc.cluster.local.",
             "ghcr.io.", "ghcr.io.cluster.local.", "sts.eu-central-1.amazonaws.com.",
             "ledger-db-0.ledger-db.prod.svc.cluster.local.", "14.3.244.10.in-addr.arpa.",
             "_grpclb._tcp.orders.prod.svc.cluster.local.", "pypi.org.svc.cluster.local.",
             "time.cloudflare.com."]
    qtypes = ["A", "A", "A", "AAAA", "AAAA", "SRV", "PTR", "TXT", "MX"]

    def client():
        return "%s:%s" % (ipv4(*pods), port())

    def duration():
        return ("%.9f" % R.choice([R.uniform(0.00003, 0.0009), R.uniform(0.001, 0.09), R.uniform(0.1, 2.1)])).rstrip("0")

    resources = {"*v1.Namespace": "api/v1/namespaces", "*v1.Service": "api/v1/services",
                 "*v1.EndpointSlice": "apis/discovery.k8s.io/v1/endpointslices"}
    k8s = {}

    events = [
        (149, "INFO", '<*> - <*> "<*> IN <*> <*> <*> <*> <*>" <*> <*> <*> <*>s',
         [client, rint(1, 65535), pick(qtypes), pick(names), pick(["udp"] * 6 + ["tcp"]),
          rint(29, 98), pick(["false"] * 5 + ["true"]), pick(["512", "1232", "4096"]),
          pick(["NOERROR"] * 4 + ["NXDOMAIN"] * 3 + ["SERVFAIL", "REFUSED"]),
          pick(["qr,aa,rd", "qr,rd,ra", "qr,aa,rd,ra", "qr,rd"]), rint(40, 720), duration]),
        (38, "ERROR", "plugin/errors: <*> <*> <*>: read udp <*>-><*>: i/o timeout",
         [pick(["2", "2", "2", "5", "3"]), pick(names), pick(qtypes), lambda: "%s:%s" % (ipv4("10.244.1", "10.244.3"), port()), pick(upstreams)]),
        (11, "ERROR", "plugin/errors: <*> <*> <*>: dial tcp <*>: connect: connection refused",
         [pick(["2", "2", "5"]), pick(names), pick(qtypes), pick(upstreams)]),
        (20, "ERROR", 'plugin/kubernetes: pkg/mod/k8s.io/client-go@v0.29.3/tools/cache/reflector.go:229: failed to list <*>: Get "<*>": dial tcp 10.96.0.1:443: i/o timeout',
         [lambda: k8s.__setitem__("r", R.choice(list(resources))) or k8s["r"],
          lambda: "https://10.96.0.1:443/%s?limit=500&resourceVersion=%s" % (
              resources[k8s["r"]], R.choice(["0", str(R.randint(100000, 9999999))]))]),
        (17, "WARNING", 'plugin/health: Local health request to "http://:8080/health" took more than 1s: <*>s',
         [lambda: fnum(1.0, 4.5, 9).rstrip("0")]),
        (15, "INFO", 'plugin/ready: Still waiting on: "<*>"',
         [pick(["kubernetes", "kubernetes,etcd", "forward", "kubernetes,forward,cache"])]),
        (8, "INFO", "plugin/reload: Running configuration SHA512 = <*>", [lambda: hexs(128)]),
        (8, "INFO", "Reloading", []),
        (8, "INFO", "Reloading complete", []),
        (7, "WARNING", "plugin/kubernetes: starting server with unsynced Kubernetes API", []),
        (9, "WARNING", "plugin/forward: upstream <*> marked unhealthy after <*> failed health checks, next check in <*>",
         [pick(upstreams), rint(2, 9), pick(["500ms", "1s", "2s", "4s"])]),
        (3, "FATAL", 'plugin/loop: Loop (<*> -> :53) detected for zone "<*>", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO <*>"',
         [lambda: "127.0.0.1:%s" % port(), pick([".", "cluster.local.", "corp.example.net."]),
          lambda: "%d.%d." % (R.randint(10**18, 9 * 10**18), R.randint(10**18, 9 * 10**18))]),
        (3, "INFO", "SIGTERM: Shutting down servers then terminating", []),
        (4, "INFO", "plugin/health: Going into lameduck mode for 5s", []),
    ]

    def render(tag, content, values):
        return "[%s] %s" % (tag, content)
    write("CoreDNS", events, render, r"\[(?:INFO|WARNING|ERROR|FATAL)\] (.*)")


# ---------------------------------------------------------------------------------------------
# 2. ClickHouse server log (clickhouse-server.log, text format):
# `YYYY.MM.DD hh:mm:ss.micros [ thread ] {query_id} <Level> Logger: message`.
# Background work (merges, disks, startup) has an empty `{}`. Content = after `<Level> `.
def clickhouse():
    c = Clock(0.9)
    tables = ["analytics.page_views", "analytics.sessions", "billing.invoice_lines", "telemetry.spans",
              "telemetry.metrics_1m", "default.audit_trail"]
    table_uuid = {t: uuid4() for t in tables}
    users = ["default", "metabase", "etl_loader", "superset", "ops_ro", "kirill"]
    client_ips = ["10.12.3", "10.12.9", "172.22.0"]

    def peer():
        return "[::ffff:%s]:%s" % (ipv4(*client_ips), port())

    sql = [
        lambda: "SELECT toStartOfHour(ts) AS h, count() FROM analytics.page_views WHERE ts > now() - INTERVAL %d HOUR GROUP BY h ORDER BY h" % R.randint(1, 48),
        lambda: "INSERT INTO telemetry.spans FORMAT RowBinary",
        lambda: "SELECT user_id, uniqExact(session_id) FROM analytics.sessions WHERE event_date = '2026-05-0%d' GROUP BY user_id LIMIT %d" % (R.randint(1, 6), R.choice([100, 500, 1000])),
        lambda: "SELECT sum(amount) FROM billing.invoice_lines WHERE customer_id = %d" % R.randint(1000, 99999),
        lambda: "SELECT 1",
        lambda: "INSERT INTO telemetry.metrics_1m (name, ts, value) VALUES",
        lambda: "SELECT name, value FROM system.settings WHERE changed",
        lambda: "ALTER TABLE default.audit_trail DELETE WHERE ts < now() - INTERVAL 90 DAY",
    ]

    def part(month="202605"):
        a = R.randint(1, 900)
        return "%s_%d_%d_%d" % (month, a, a + R.randint(0, 40), R.randint(0, 4))

    def part_list():
        return ", ".join(part() for _ in range(R.randint(1, 6)))

    errors = [
        ("60", lambda: "Table analytics.page_view does not exist", "UNKNOWN_TABLE"),
        ("47", lambda: "Missing columns: 'usr_id' while processing query: 'SELECT usr_id FROM analytics.sessions', required columns: 'usr_id'", "UNKNOWN_IDENTIFIER"),
        ("241", lambda: "Memory limit (for query) exceeded: would use %.2f GiB (attempt to allocate chunk of %d bytes), maximum: 9.31 GiB" % (R.uniform(9.31, 9.6), R.choice([1048576, 4194304, 8388608])), "MEMORY_LIMIT_EXCEEDED"),
        ("159", lambda: "Timeout exceeded: elapsed %.6f seconds, maximum: 60" % R.uniform(60, 60.01), "TIMEOUT_EXCEEDED"),
    ]
    err_state = {}
    mrg = {}
    rd = {}

    def read_rows():
        """rows read, size and time of one query; the two rates are derived from them."""
        rd["rows"] = int(lfnum(1, 90000000, 0))
        rd["mib"] = max(0.01, rd["rows"] * R.uniform(8, 120) / 1048576)
        rd["sec"] = max(0.0004, rd["rows"] / R.uniform(2e5, 4e8) + R.uniform(0.0003, 0.02))
        return str(rd["rows"])

    def err_code():
        e = R.choice(errors)
        err_state["e"] = e
        return e[0]

    events = [
        (55, ("Debug", "q"), "executeQuery: (from <*>, user: <*>) <*> (stage: Complete)",
         [peer, pick(users), lambda: R.choice(sql)()]),
        (35, ("Trace", "q"), "ContextAccess (<*>): Access granted: <*> ON <*>",
         [pick(users), pick(["SELECT(ts, url, user_id)", "SELECT(user_id, session_id)", "INSERT(trace_id, span_id, name, start, duration_ns)", "SELECT(amount, customer_id)", "ALTER DELETE"]), pick(tables)]),
        (35, ("Debug", "q"), "<*> (<*>) (SelectExecutor): Selected <*>/<*> parts by partition key, <*> parts by primary key, <*>/<*> marks by primary key, <*> marks to read from <*> ranges",
         [pick(tables), lambda: uuid4(), rint(1, 12), rint(12, 40), rint(1, 12), rint(1, 900), rint(900, 40000), rint(1, 900), rint(1, 60)]),
        (41, ("Information", "q"), "executeQuery: Read <*> rows, <*> MiB in <*> sec., <*> rows/sec., <*> MiB/sec.",
         [read_rows, lambda: "%.2f" % rd["mib"], lambda: "%.6f" % rd["sec"], lambda: "%.2f" % (rd["rows"] / rd["sec"]), lambda: "%.2f" % (rd["mib"] / rd["sec"])]),
        (30, ("Debug", "q"), "MemoryTracker: Peak memory usage (for query): <*> MiB.", [lambda: lfnum(0.5, 9000, 2)]),
        (25, ("Debug", "q"), "TCPHandler: Processed in <*> sec.", [lambda: lfnum(0.0003, 45, 6)]),
        (15, ("Debug", "q"), "TCP-Session: <*>: Authenticating user '<*>' from <*>", [uuid4, pick(users), peer]),
        (15, ("Debug", ""), "TCPHandler: Connected ClickHouse client version <*>, revision: <*>, database: <*>, user: <*>.",
         [pick(["24.3.2", "23.8.9", "24.1.5"]), pick(["54467", "54465", "54466"]), pick(["default", "analytics", "telemetry", "billing"]), pick(users)]),
        (14, ("Debug", ""), "<*> (<*>) (MergerMutator): Selected <*> parts from <*> to <*>",
         [pick(tables), uuid4, rint(2, 14), lambda: mrg.__setitem__("a", R.randint(1, 800)) or "202605_%d_%d_%d" % (mrg["a"], mrg["a"] + R.randint(0, 30), R.randint(0, 4)),
          lambda: "202605_%d_%d_%d" % (mrg["a"] + R.randint(40, 90), mrg["a"] + R.randint(90, 140), R.randint(0, 3))]),
        (9, ("Trace", ""), "<*> (<*>): Removing <*> parts from filesystem (serially): Parts: [<*>]",
         [pick(tables), uuid4, rint(1, 6), part_list]),
        (10, ("Trace", ""), "DiskLocal: Reserved <*> MiB on local disk `<*>`, having unreserved <*> GiB.",
         [lambda: lfnum(0.1, 800, 2), pick(["default", "hot_nvme", "cold_hdd"]), lambda: fnum(20, 3600, 2)]),
        (8, ("Error", "q"), "executeQuery: Code: <*>. DB::Exception: <*>. (<*>) (version 24.3.2.23 (official build)) (from <*>) (in query: <*>), Stack trace (when copying this message, always include the lines below):",
         [err_code, lambda: err_state["e"][1](), lambda: err_state["e"][2], peer, lambda: R.choice(sql)()]),
        (4, ("Error", ""), "DNSResolver: Cannot resolve host (<*>), error 0: <*>.",
         [lambda: err_state.setdefault("h", R.choice(["ch-replica-03", "ch-keeper-2.db.internal", "zk-1"])), lambda: err_state.pop("h")]),
        (2, ("Warning", ""), "Context: Maximum number of threads is lower than 30000. There could be problems with handling a lot of simultaneous queries.", []),
        (2, ("Information", ""), "Application: Received termination signal (Terminated)", []),
    ]
    # the MergerMutator / SelectExecutor uuid is the table's own: fix it up through a wrapper
    def table_then_uuid(makers):
        state = {}
        def t():
            state["t"] = R.choice(tables)
            return state["t"]
        def u():
            return table_uuid[state["t"]]
        return [t, u] + makers[2:]
    for i, e in enumerate(events):
        if e[2].startswith("<*> (<*>)"):
            events[i] = (e[0], e[1], e[2], table_then_uuid(e[3]))

    def render(tag, content, values):
        g, us = c.tick()
        level, q = tag
        qid = uuid4() if q else ""
        return "%04d.%02d.%02d %02d:%02d:%02d.%06d [ %d ] {%s} <%s> %s" % (
            g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, us,
            R.randint(180, 9900), qid, level, content)
    write("ClickHouse", events, render,
          r"\d{4}\.\d\d\.\d\d \d\d:\d\d:\d\d\.\d{6} \[ \d+ \] \{[0-9a-f-]*\} <(?:Trace|Debug|Information|Warning|Error)> (.*)")


# ---------------------------------------------------------------------------------------------
# 3. uWSGI: default request logging (`[pid: P|app: A|req: N/T] addr (user) {V vars in B bytes}
# [asctime] METHOD uri => generated ... (1 switches on core C)`) mixed with master/worker
# messages. Content = the whole line.
def uwsgi():
    c = Clock(1.1)
    workers = {w: R.randint(1200, 30000) for w in range(1, 7)}
    req_no = {w: 0 for w in workers}
    total = [R.randint(400, 900)]
    clients = ["10.40.2", "10.40.7", "192.168.31"]
    paths = ["/api/v1/invoices/%d", "/api/v1/invoices/%d/pdf", "/static/css/site.%s.css", "/healthz",
             "/admin/login/?next=/admin/", "/api/v1/search?q=%s", "/api/v1/export?format=%s", "/",
             "/media/avatars/%d.png", "/api/v1/tokens/refresh"]

    def path():
        p = R.choice(paths)
        if "%d" in p:
            return p % R.randint(1, 99999)
        if "%s" in p:
            if "css" in p:
                return p % hexs(8)
            if "search" in p:
                return p % R.choice(["lamp", "desk+chair", "oak%20shelf", "usb-c"])
            return p % R.choice(["csv", "xlsx", "json"])
        return p

    state = {}

    def wpid():
        w = R.choice(list(workers))
        state["w"] = w
        return str(workers[w])

    def reqs():
        w = state["w"]
        req_no[w] += 1
        total[0] += R.randint(1, 5)
        return "%d/%d" % (req_no[w], total[0])

    def asctime():
        return time.asctime(time.gmtime(c.t))

    def status():
        s = R.choice(["200"] * 12 + ["201", "204", "301", "302", "304", "400", "403", "404", "404", "500", "502"])
        state["s"] = s
        return s

    def worker_no():
        w = R.choice(list(workers))
        state["w"] = w
        return str(w)

    def pid_of_worker():
        return str(workers[state["w"]])

    def new_pid():
        workers[state["w"]] = R.randint(1200, 30000)
        return str(workers[state["w"]])

    events = [
        (175, "", "[pid: <*>|app: <*>|req: <*>] <*> () {<*> vars in <*> bytes} [<*>] <*> <*> => generated <*> bytes in <*> msecs (<*> <*>) <*> headers in <*> bytes (1 switches on core <*>)",
         [wpid, pick(["0", "0", "1"]), reqs, lambda: ipv4(*clients), rint(28, 44), rint(380, 1400), asctime,
          pick(["GET"] * 8 + ["POST", "POST", "PUT", "DELETE", "HEAD"]), path, lint(0, 480000), lint(1, 4200),
          pick(["HTTP/1.1"] * 5 + ["HTTP/1.0"]), status, rint(2, 9), rint(60, 420), rint(0, 3)]),
        (20, "", "SIGPIPE: writing to a closed pipe/socket/fd (probably the client disconnected) on request <*> (ip <*>) !!!",
         [path, lambda: ipv4(*clients)]),
        (18, "", "uwsgi_response_writev_headers_and_body_do(): Broken pipe [core/writer.c line 306] during <*> <*> (<*>)",
         [pick(["GET", "GET", "POST"]), path, lambda: ipv4(*clients)]),
        (15, "", "spawned uWSGI worker <*> (pid: <*>, cores: 1)", [worker_no, new_pid]),
        (12, "", "DAMN ! worker <*> (pid: <*>) died, killed by signal <*> :( trying respawn ...",
         [worker_no, pid_of_worker, pick(["9", "9", "6", "11"])]),
        (12, "", "Respawned uWSGI worker <*> (new pid: <*>)", [worker_no, new_pid]),
        (8, "", "*** HARAKIRI ON WORKER <*> (pid: <*>, try: 1) ***", [worker_no, pid_of_worker]),
        (10, "", '*** uWSGI listen queue of socket "127.0.0.1:8001" (fd: 3) full !!! (<*>/100) ***', [rint(101, 180)]),
        (6, "", "WSGI app <*> (mountpoint='<*>') ready in <*> seconds on interpreter <*> pid: <*>",
         [pick(["0", "1"]), pick(["/billing", "/portal", "/api"]), rint(1, 9), lambda: "0x%s" % hexs(12), rint(900, 1199)]),
        (4, "", "*** uWSGI is running in multiple interpreter mode ***", []),
        (8, "", "Gracefully killing worker <*> (pid: <*>)...", [worker_no, pid_of_worker]),
        (7, "", "worker <*> buried after <*> seconds", [worker_no, rint(1, 30)]),
        (5, "", "...The work of process <*> is done. Seeya!", [wpid]),
    ]

    def render(tag, content, values):
        c.tick()
        return content
    write("UWSGI", events, render, r"(.*)")


# ---------------------------------------------------------------------------------------------
# 4. etcd 3.5 zap JSON logger: {"level","ts","caller","msg", fields...}. Content = the msg value.
# Raft's own messages embed member ids and terms in msg; the others keep values in fields.
def etcd():
    c = Clock(2.0)
    members = [hexs(16) for _ in range(3)]
    peers = ["10.0.4.11", "10.0.4.12", "10.0.4.13"]
    keys = ["/registry/pods/payments/api-7d9f8c6b5-%s" % hexs(5), "/registry/leases/kube-node-lease/node-%d",
            "/registry/configmaps/kube-system/", "/registry/events/", "/registry/services/endpoints/prod/ledger",
            "/registry/deployments/prod/", "/registry/secrets/ci/runner-token-%s"]

    def key():
        k = R.choice(keys)
        if "%d" in k:
            return k % R.randint(1, 40)
        if "%s" in k:
            return k % hexs(5)
        return k

    def ms(a, b):
        """A Go time.Duration string: 852.163995ms, 1.972107053s."""
        v = float(lfnum(a, b, 6))
        if v >= 1000:
            return "%ss" % ("%.9f" % (v / 1000)).rstrip("0").rstrip(".")
        return "%sms" % ("%.6f" % v).rstrip("0").rstrip(".")

    def term():
        return str(R.randint(2, 19))

    def apply_fields():
        k = key()
        if k.endswith("/"):
            req = 'key:"%s" range_end:"%s0" %s' % (k, k[:-1], R.choice(["count_only:true ", "limit:500 ", ""]))
            resp = "range_response_count:%d size:%d" % (R.randint(0, 900), R.randint(0, 9000000)) if "count_only" not in req else "range_response_count:0 size:%d" % R.randint(5, 9)
        else:
            req = 'key:"%s" ' % k
            resp = "range_response_count:%d size:%d" % (R.randint(0, 1), R.randint(300, 9000))
        return [("took", ms(100, 2400)), ("expected-duration", "100ms"), ("prefix", R.choice(["read-only range ", ""])),
                ("request", req), ("response", resp)]

    def peer_err():
        p = R.choice(peers)
        return R.choice(["dial tcp %s:2380: connect: connection refused" % p, "dial tcp %s:2380: i/o timeout" % p,
                         "read tcp 10.0.4.11:%s->%s:2380: read: connection reset by peer" % (port(), p)])

    def local_remote():
        a, b = R.sample(members, 2)
        return a, b

    mem = {}

    def m(k):
        def f():
            if k == "self":
                mem["self"] = R.choice(members)
                return mem["self"]
            if k == "other":
                mem["other"] = R.choice([x for x in members if x != mem["self"]])
                return mem["other"]
            return mem[k]
        return f

    rev = [R.randint(3_000_000, 4_000_000)]

    def revision():
        rev[0] += R.randint(800, 9000)
        return rev[0]

    events = [
        (86, ("warn", "etcdserver/util.go:170", apply_fields), "apply request took too long", []),
        (45, ("info", "mvcc/index.go:214", lambda: [("revision", revision())]), "compact tree index", []),
        (43, ("info", "mvcc/kvstore_compaction.go:66", lambda: [("compact-revision", rev[0]), ("took", ms(3, 300)), ("hash", R.randint(10**8, 4 * 10**9))]), "finished scheduled compaction", []),
        (22, ("warn", "wal/wal.go:805", lambda: [("took", "%ss" % fnum(1, 6, 9).rstrip("0")), ("expected-duration", "1s")]), "slow fdatasync", []),
        (18, ("warn", "rafthttp/probing_status.go:68", lambda: [("round-tripper-name", R.choice(["ROUND_TRIPPER_RAFT_MESSAGE", "ROUND_TRIPPER_SNAPSHOT"])), ("remote-peer-id", R.choice(members)), ("rtt", R.choice(["0s", ms(1, 9)])), ("error", peer_err())]), "prober detected unhealthy status", []),
        (16, ("warn", "embed/config_logging.go:169", lambda: [("remote-addr", "%s:%s" % (ipv4("10.0.9", "10.0.12"), port())), ("server-name", ""), ("error", R.choice(["tls: first record does not look like a TLS handshake", "EOF", "remote error: tls: bad certificate", "tls: failed to verify certificate: x509: certificate signed by unknown authority"]))]), "rejected connection", []),
        (12, ("warn", "rafthttp/stream.go:421", lambda: (lambda lr: [("stream-reader-type", R.choice(["stream MsgApp v2", "stream Message"])), ("local-member-id", lr[0]), ("remote-peer-id", lr[1]), ("error", R.choice(["unexpected EOF", peer_err()]))])(local_remote())), "lost TCP streaming connection with remote peer", []),
        (8, ("info", "etcdserver/zap_raft.go:77", None), "<*> is starting a new election at term <*>", [m("self"), term]),
        (8, ("info", "etcdserver/zap_raft.go:77", None), "<*> became candidate at term <*>", [m("self"), term]),
        (14, ("info", "etcdserver/zap_raft.go:77", None), "<*> received MsgVoteResp from <*> at term <*>", [m("self"), m("other"), term]),
        (6, ("info", "etcdserver/zap_raft.go:77", None), "<*> [logterm: <*>, index: <*>, vote: <*>] cast MsgVote for <*> [logterm: <*>, index: <*>] at term <*>",
         [m("self"), term, rint(100000, 999999), pick(["0"] + members), m("other"), term, rint(100000, 999999), term]),
        (6, ("info", "etcdserver/zap_raft.go:77", None), "raft.node: <*> elected leader <*> at term <*>", [m("self"), m("other"), term]),
        (10, ("warn", "etcdserver/v3_server.go:831", lambda: [("timeout", "7s")]), "timed out waiting for read index response (local node might have slow network)", []),
        (3, ("info", "etcdserver/server.go:2067", lambda: (lambda me: [("local-member-id", me), ("local-member-attributes", '{Name:%s ClientURLs:[https://%s:2379]}' % (R.choice(["etcd-a", "etcd-b", "etcd-c"]), R.choice(peers))), ("request-path", "/0/members/%s/attributes" % me), ("cluster-id", "3f5e0c1b9a7d2e44"), ("publish-timeout", "7s")])(R.choice(members))), "published local member to cluster through raft", []),
        (3, ("info", "embed/serve.go:103", lambda: []), "ready to serve client requests", []),
    ]

    def render(tag, content, values):
        level, caller, fields = tag
        g, us = c.tick()
        d = {"level": level, "ts": "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, us // 1000),
             "caller": caller, "msg": content}
        if fields is None:
            d = {"level": level, "ts": d["ts"], "logger": "raft", "caller": caller, "msg": content}
        else:
            for k, v in fields():
                d[k] = v
        return json.dumps(d, separators=(",", ":"))
    write("Etcd", events, render, None)


# ---------------------------------------------------------------------------------------------
# 5. Express app: morgan `combined` access lines (Content = the whole line) mixed with the app's
# console lines `[ISO time] LEVEL: message` (Content = after `LEVEL: `).
def express():
    c = Clock(1.3)
    agents = ["Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
              "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
              "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
              "kube-probe/1.29", "axios/1.6.8", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)", "UptimeRobot/2.0"]
    routes = ["/api/products?page=%d", "/api/orders/%s", "/api/cart", "/health", "/static/js/main.%s.js",
              "/api/auth/login", "/api/auth/refresh", "/favicon.ico", "/api/products/%s/reviews", "/webhooks/stripe"]

    def oid():
        return hexs(24)

    def route():
        r = R.choice(routes)
        if "%d" in r:
            return r % R.randint(1, 40)
        if "%s" in r:
            return r % (oid() if "orders" in r or "products/" in r else hexs(8))
        return r

    def clf():
        g = time.gmtime(c.t)
        return "%02d/%s/%04d:%02d:%02d:%02d +0000" % (g.tm_mday, MONTHS[g.tm_mon - 1], g.tm_year, g.tm_hour, g.tm_min, g.tm_sec)

    st = {}

    def status():
        st["s"] = R.choice(["200"] * 10 + ["201", "204", "304", "304", "301", "400", "401", "404", "404", "429", "500", "502"])
        return st["s"]

    def length():
        return "-" if st["s"] in ("204", "304") else str(R.randint(0, 90000))

    users = ["maria.k", "tobias", "j.okafor", "admin", "support-bot", "nina_h", "pieter"]
    emails = ["maria.k@mail.example", "tobias@corp.example", "j.okafor@post.example", "nina@mail.example"]
    events = [
        (150, "", '<*> - - [<*>] "<*> <*> HTTP/<*>" <*> <*> "<*>" "<*>"',
         [lambda: R.choice([ipv4("203.0.113", "198.51.100"), "::ffff:" + ipv4("172.18.0"), "::1"]), clf,
          pick(["GET"] * 7 + ["POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]), route, pick(["1.1"] * 6 + ["1.0", "2.0"]),
          status, length, pick(["-", "-", "-", "https://shop.example.net/", "https://shop.example.net/cart", "https://www.bing.com/"]), pick(agents)]),
        (25, "DEBUG", "Cache miss for key <*>", [lambda: R.choice(["product:%s" % oid(), "cart:%s" % hexs(12), "rates:EUR", "rates:GBP", "session:%s" % hexs(16)])]),
        (20, "INFO", "User <*> logged in from <*>", [pick(users), lambda: ipv4("203.0.113", "198.51.100")]),
        (14, "WARN", "Slow query on <*> took <*>ms", [pick(["orders.find", "products.aggregate", "users.findOne", "carts.updateOne", "reviews.find"]), rint(250, 9000)]),
        (14, "INFO", "Order <*> created for user <*> (<*> items, total <*> EUR)", [oid, pick(users), rint(1, 14), lambda: fnum(3, 900, 2)]),
        (12, "WARN", "Login failed for <*>: <*>", [pick(emails + ["root@localhost"]), pick(["invalid password", "account locked", "user not found", "too many attempts, try again in 15 minutes", "email not verified"])]),
        (12, "INFO", "Payment webhook received: <*> for <*>", [pick(["payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded", "checkout.session.completed"]), lambda: "pi_" + "".join(R.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789") for _ in range(24))]),
        (10, "INFO", "Email queued to <*> (template=<*>)", [pick(emails), pick(["order-confirmation", "password-reset", "welcome", "shipping-update"])]),
        (10, "WARN", "JWT verification failed: <*>", [pick(["jwt expired", "invalid signature", "jwt malformed", "jwt must be provided", "jwt audience invalid. expected: api.shop.example.net"])]),
        (9, "WARN", "Rate limit exceeded for <*> on <*>", [lambda: ipv4("203.0.113", "198.51.100"), pick(["/api/auth/login", "/api/products", "/api/cart"])]),
        (8, "ERROR", "Unhandled error on <*> <*>: <*>", [pick(["GET", "POST", "PUT"]), route,
                                                         pick(["Cannot read properties of undefined (reading 'id')", "connect ECONNREFUSED 172.18.0.4:6379", "Request timed out", "Cast to ObjectId failed for value \"undefined\" (type string) at path \"_id\" for model \"Order\""])]),
        (6, "DEBUG", "Session store: <*> expired sessions purged", [rint(0, 4000)]),
        (5, "WARN", "MongoDB connection lost, retrying in <*>s (attempt <*>/5)", [pick(["1", "2", "4", "8"]), rint(1, 5)]),
        (3, "INFO", "Connected to MongoDB at <*>", [pick(["mongodb://mongo-0.mongo:27017/shop", "mongodb://mongo-1.mongo:27017/shop", "mongodb://10.8.0.21:27017/shop?replicaSet=rs0"])]),
        (2, "INFO", "Received SIGTERM, shutting down gracefully", []),
    ]

    def render(tag, content, values):
        g, us = c.tick()
        if not tag:
            return content
        return "[%04d-%02d-%02dT%02d:%02d:%02d.%03dZ] %s: %s" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, us // 1000, tag, content)
    write("Express", events, render,
          r"(?:\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\] (?:DEBUG|INFO|WARN|ERROR): )?(.*)")


# ---------------------------------------------------------------------------------------------
# 6. Jenkins controller log (java.util.logging through Jenkins' SupportLogFormatter, one line per
# record): `yyyy-MM-dd HH:mm:ss.SSS+0000 [id=N]<TAB>LEVEL<TAB>logger#method: message`.
# Content = after `logger#method: `.
def jenkins():
    c = Clock(2.2)
    jobs = ["payments-api", "infra/terraform-plan", "web-frontend/main", "nightly-db-backup", "web-frontend/PR-482",
            "mobile/android-release", "docs-site", "infra/ansible-lint"]
    agents = ["linux-agent-%s" % hexs(4) for _ in range(4)] + ["win-builder-02", "mac-m2-01"]
    works = ["Download metadata", "Periodic background build discarder", "Workspace clean-up", "Fingerprint cleanup",
             "Connection Activity monitoring to agents", "telemetry collection"]
    results = ["SUCCESS"] * 6 + ["FAILURE", "FAILURE", "UNSTABLE", "ABORTED", "NOT_BUILT"]
    events = [
        (64, ("INFO", "hudson.model.Run#execute"), "<*> #<*> main build action completed: <*>", [pick(jobs), rint(1, 2400), pick(results)]),
        (55, ("INFO", "org.jenkinsci.plugins.workflow.job.WorkflowRun#finish"), "<*> #<*> completed: <*>", [pick(jobs), rint(1, 2400), pick(results)]),
        (35, ("INFO", "hudson.model.AsyncPeriodicWork#lambda$doRun$1"), "Started <*>", [pick(works)]),
        (35, ("INFO", "hudson.model.AsyncPeriodicWork#lambda$doRun$1"), "Finished <*>. <*> ms", [pick(works), lambda: "{:,}".format(R.randint(3, 250000))]),
        (20, ("INFO", "hudson.slaves.NodeProvisioner#update"), "<*> provisioning successfully completed. We have now <*> computer(s)", [pick(agents), rint(2, 14)]),
        (15, ("WARNING", "hudson.TcpSlaveAgentListener$ConnectionHandler#run"), "Connection #<*> failed: <*>",
         [rint(1, 9000), pick(["java.io.EOFException", "java.net.SocketException: Connection reset", "Connection closed before acknowledgement sent", "Unrecognized protocol: GET / HTTP/1.1"])]),
        (12, ("INFO", "jenkins.slaves.DefaultJnlpSlaveReceiver#channelClosed"), "Computer.threadPoolForRemoting [#<*>] for <*> terminated: <*>",
         [rint(1, 400), pick(agents), pick(["java.nio.channels.ClosedChannelException", "java.io.IOException: Connection reset by peer", "java.io.EOFException", "hudson.remoting.ChannelClosedException: Channel \"hudson.remoting.Channel@5e1d:JNLP4-connect connection\": Remote call failed"])]),
        (14, ("WARNING", "hudson.security.csrf.CrumbFilter#doFilter"), "No valid crumb was included in request for <*> by <*>. Returning 403.",
         [lambda: "/job/%s/build" % R.choice(jobs).replace("/", "/job/"), pick(["deploy-bot", "anonymous", "r.alvarez", "ci-trigger"])]),
        (10, ("INFO", "hudson.slaves.ChannelPinger$1#onDead"), "Ping failed. Terminating the channel <*>.", [pick(agents)]),
        (20, ("INFO", "hudson.tasks.LogRotator#perform"), "Deleting <*> #<*>", [pick(jobs), rint(1, 2000)]),
        (3, ("INFO", "jenkins.InitReactorRunner$1#onAttained"), "Completed initialization", []),
        (3, ("INFO", "hudson.lifecycle.Lifecycle#onReady"), "Jenkins is fully up and running", []),
        (8, ("INFO", "hudson.slaves.SlaveComputer#tryReconnect"), "Attempting to reconnect <*>", [pick(agents)]),
        (2, ("INFO", "jenkins.model.Jenkins#cleanUp"), "Stopping Jenkins", []),
        (4, ("SEVERE", "hudson.init.impl.InstallUncaughtExceptionHandler$DefaultUncaughtExceptionHandler#uncaughtException"),
         "A thread (<*>) died unexpectedly due to an uncaught exception, this may leave your Jenkins in a bad way and is usually indicative of a bug in the code.",
         [pick(["Timer-3", "jenkins.util.Timer [#7]", "Executor #0 for linux-agent-b2c4", "Handling GET /computer/ from 10.0.30.5 : Jetty (winstone)-142"])]),
    ]

    def render(tag, content, values):
        level, where = tag
        g, us = c.tick()
        return "%04d-%02d-%02d %02d:%02d:%02d.%03d+0000 [id=%d]\t%s\t%s: %s" % (
            g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, us // 1000, R.randint(20, 4800), level, where, content)
    write("Jenkins", events, render,
          r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\+0000 \[id=\d+\]\t(?:INFO|WARNING|SEVERE)\t[\w.$]+#[\w$]+: (.*)")


# ---------------------------------------------------------------------------------------------
def template_regex(t):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in t.split(HOLE)) + "$", re.S)


def self_check():
    for system, summary in SUMMARY.items():
        folder = os.path.join(HERE, system)
        with open(os.path.join(folder, system + ".log"), newline="") as f:
            raw = f.read()
        assert raw.endswith("\n")
        lines = raw[:-1].split("\n")
        assert len(lines) == LINES, (system, len(lines))
        with open(os.path.join(folder, system + ".log_structured.csv"), newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], system
        rows = rows[1:]
        assert len(rows) == LINES, (system, len(rows))
        tmpl_of = {}
        for n, (row, line) in enumerate(zip(rows, lines), 1):
            assert len(row) == 4 and row[0] == str(n), (system, row)
            line_id, content, eid, tmpl = row
            assert tmpl_of.setdefault(eid, tmpl) == tmpl, (system, eid)
            assert template_regex(tmpl).match(content), (system, line_id, content, tmpl)
            if HEADER_RE[system] is None:
                assert json.loads(line)["msg"] == content, (system, line_id)
            else:
                m = re.fullmatch(HEADER_RE[system], line)
                assert m and m.group(1) == content, (system, line_id, line)
        assert 10 <= len(tmpl_of) <= 16, system
        counts = {eid: c for eid, c, _ in summary}
        assert sum(1 for c in counts.values() if c <= 10) >= 4, system        # several rare events
        assert max(counts.values()) >= 5 * min(counts.values()), system       # skewed
        # every hole takes at least two different values within its event type
        for eid, _, tmpl in summary:
            for i, s in enumerate(SLOT_VALUES[(system, eid)]):
                assert len(s) >= 2, (system, eid, i, tmpl, s)


if __name__ == "__main__":
    coredns()
    clickhouse()
    uwsgi()
    etcd()
    express()
    jenkins()
    self_check()
    for system, summary in SUMMARY.items():
        print("%-10s %2d event types: %s" % (system, len(summary), " ".join("%s=%d" % (e, c) for e, c, _ in summary)))
    print("self-check passed")
