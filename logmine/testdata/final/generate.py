#!/usr/bin/env python3
"""Writes the final, sealed, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each. Every line is made here from event formats written for this
corpus, in each project's documented default log layout (written from memory), with values
from generators of this file; no line, template or value list is copied from a real log or data
set. The corpus was written blind: no template miner or evaluation tool was run on it.

Deterministic: fixed seed 20261209, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
quoted string, an SQL statement, a free-text reason, a list) is one `<*>`; punctuation around a
value stays literal (`(<*>)`, `'<*>'`, `"<*>"`, `key=<*>`, `[<*>]`, `%{<*>}`); a unit attached to
a number stays literal after it (`<*>ms`, `<*>s`, `<*>%`); text that never changes within an
event type stays literal. Event formats are written directly as their templates: each `<*>` in a
format is filled with one generated value.

At the end the files are read back and checked (see `self_check`).
"""
import calendar
import csv
import os
import random
import re
import string
import time

SEED = 20261209
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["FluentBit", "Vector", "Zabbix", "Tomcat", "Phoenix", "HomeAssistant"]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def dec(a, b, digits):
    return "%.*f" % (digits, R.uniform(a, b))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def deal(pool):
    """A generator function that deals the pool in shuffled rounds, so consecutive calls give
    different values (used for rare events, whose every slot must take two values or more)."""
    state = {"left": []}

    def nxt():
        if not state["left"]:
            left = list(pool)
            R.shuffle(left)
            state["left"] = left
        return state["left"].pop()
    return nxt


def lan_ip():
    return "192.168.%d.%d" % (R.randint(1, 3), R.randint(2, 250))


def net_ip():
    kind = R.random()
    if kind < 0.4:
        return "203.0.113.%d" % R.randint(1, 254)
    if kind < 0.75:
        return "198.51.100.%d" % R.randint(1, 254)
    return "10.%d.%d.%d" % (R.randint(0, 60), R.randint(0, 255), R.randint(1, 254))


class Clock:
    """Integer nanosecond clock starting on 2026-12-04 at a random second of the early morning."""

    def __init__(self):
        self.ns = (calendar.timegm((2026, 12, 4, 0, 0, 0)) + R.randint(0, 6 * 3600)) * 10 ** 9 + R.randint(0, 10 ** 9 - 1)

    def tick(self):
        self.ns += R.randint(2 * 10 ** 6, 2400 * 10 ** 6)

    @property
    def epoch(self):
        return self.ns // 10 ** 9

    @property
    def g(self):
        return time.gmtime(self.epoch)

    def frac(self, digits):
        return "%0*d" % (digits, (self.ns % 10 ** 9) // 10 ** (9 - digits))

    def ymd(self, sep="-"):
        g = self.g
        return "%04d%s%02d%s%02d" % (g.tm_year, sep, g.tm_mon, sep, g.tm_mday)

    def hms(self, sep=":"):
        g = self.g
        return "%02d%s%02d%s%02d" % (g.tm_hour, sep, g.tm_min, sep, g.tm_sec)


# ------------------------------------------------------------------------------------------
def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v, (template, values)
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    """(content, template, values) of one line."""
    values = [str(v) for v in values]
    return fill(template, values), template, values


def write(system, clock, events, render):
    """events: list of (count, tag, gen); gen() -> (content, template, values) or
    (content, template, values, hdr), called after the clock ticked for the line;
    render(tag, hdr, content) -> the raw line. Counts sum to LINES; the order of lines is a
    seeded shuffle. Checks while writing that every slot of an event type takes two values or
    more."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    assert 10 <= len(events) <= 16, system
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    R.shuffle(order)
    rows, raw = [], []
    slots = {}
    for i, k in enumerate(order):
        _, tag, gen = events[k]
        clock.tick()
        out = gen()
        content, template, values = out[:3]
        hdr = out[3] if len(out) > 3 else None
        line = render(tag, hdr, content)
        assert line.endswith(content) and "\n" not in line, (system, line)
        assert content == content.strip(), (system, content)
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(line)
        for j, v in enumerate(values):
            slots.setdefault((k, j), set()).add(v)
    for (k, j), vals in slots.items():
        assert len(vals) >= 2, (system, "E%d" % (k + 1), events[k], j, vals)
    folder = os.path.join(HERE, system)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, system + ".log"), "w", newline="", encoding="utf-8") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(folder, system + ".log_structured.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


# ------------------------------------------------------------------------------------------
# 1. Fluent Bit's own log: `[yyyy/mm/dd hh:mm:ss] [level] [component] message`, the level padded
#    to five in its brackets (`[ info]`, `[ warn]`, `[error]`, `[debug]`), one or two component
#    tags in brackets. Content is what follows the last header bracket and its space.
def fluentbit():
    c = Clock()
    apps = [("checkout-api-6f8d9c7b5-q4wzx", "shop", "checkout-api"), ("ledger-worker-59c8d7f4b-m2kjd", "finance", "worker"),
            ("edge-proxy-7b9f6d-xl2vn", "ingress", "envoy"), ("metrics-gw-0", "observability", "gateway"),
            ("search-indexer-84d6b9-trp5s", "search", "indexer"), ("dns-cache-5d78c-8kzrf", "kube-system", "unbound")]
    host_files = ["/var/log/app/billing.log", "/var/log/app/reports.log", "/var/log/nginx/edge.access.log",
                  "/var/log/audit/audit.log", "/var/log/app/scheduler.log"]

    def container_log():
        if R.random() < 0.2:
            return pick(host_files)
        pod, ns, ctr = pick(apps)
        return "/var/log/containers/%s_%s_%s-%s.log" % (pod, ns, ctr, hexid(64))

    inputs = ["tail.0", "tail.1", "systemd.0"]
    bpath = deal(["/var/fluent-bit/state", "/buffers/flb"])
    outputs = {"es.0": ("es", lambda: "es-hot-%d.logging.svc:9200" % R.randint(0, 2)),
               "loki.1": ("loki", lambda: "loki-distributor.observability.svc:3100"),
               "http.2": ("http", lambda: pick(["intake.logs.example.net:443", "10.40.7.21:8088"]))}
    uris = {"es": "/_bulk", "loki": "/loki/api/v1/push", "http": "/v2/ingest"}

    def chunk():
        return "%d-%d.%09d.flb" % (pick([1, 1, 1, 7]), c.epoch - R.randint(0, 900), R.randint(0, 10 ** 9 - 1))

    def inode():
        return num(100000, 99999999)

    def tail_tag():
        return ["input:tail:tail.%d" % pick([0, 1])]

    def out_tag(name):
        plugin = outputs[name][0]
        return ["output:%s:%s" % (plugin, name)]

    def flushed():
        name = pick(list(outputs))
        return ev("flushed <*> records (<*> bytes) to <*> in <*>ms", num(1, 2048), num(300, 4000000), outputs[name][1](), num(1, 900)) + (out_tag(name),)

    reject_reasons = ["payload too large",
                      "entry out of order for stream",
                      "mapper_parsing_exception: failed to parse field [kubernetes.labels.tier] of type [long]",
                      "too many requests",
                      "upstream connect error or disconnect/reset before headers"]

    def rejected():
        name = pick(list(outputs))
        return ev("request to <*> rejected with HTTP <*>: <*>", uris[outputs[name][0]], pick(["400", "400", "413", "429", "500", "503"]), pick(reject_reasons)) + (out_tag(name),)

    def conn_timeout():
        name = pick(list(outputs))
        return ev("connection #<*> to <*> timed out after <*> seconds", num(20, 400), outputs[name][1](), pick(["10", "10", "30", "5"])) + (out_tag(name) + ["upstream"],)

    k8s_errors = ["HTTP 403 Forbidden from API server",
                  "connection refused",
                  "no response within 10 seconds",
                  "pod not found"]

    def rotated():
        old = pick(host_files)
        return ev("inode=<*> rotation detected: <*> => <*>", inode(), old, "%s.%s" % (old, pick(["1", "20261204", c.ymd("") + "-" + c.hms("")]))) + (tail_tag(),)

    events = [
        (79, ("info", None), lambda: ev("inotify watch added: inode=<*> watch_fd=<*> file=<*>", inode(), num(1, 400), container_log()) + (tail_tag(),)),
        (60, ("debug", None), flushed),
        (35, ("warn", ["engine"]), lambda: ev("chunk '<*>' could not be flushed, retry scheduled in <*> seconds: task_id=<*>, input=<*> > output=<*>", chunk(), num(1, 180), num(0, 63), pick(inputs), pick(list(outputs)))),
        (25, ("info", ["engine"]), lambda: ev("chunk '<*>' flushed on retry #<*>: task_id=<*>, input=<*> > output=<*>", chunk(), num(1, 6), num(0, 63), pick(inputs), pick(list(outputs)))),
        (23, ("error", None), rejected),
        (15, ("error", None), conn_timeout),
        (15, ("warn", ["input"]), lambda: ev("<*> paused: <*> buffer over limit (<*> bytes)", pick(inputs), pick(["mem", "mem", "storage"]), num(5000000, 60000000))),
        (12, ("info", ["input"]), lambda: ev("<*> resumed: <*> buffer back under limit", pick(inputs), pick(["mem", "mem", "storage"]))),
        (10, ("info", None), rotated),
        (8, ("error", ["filter:kubernetes:kubernetes.0", "kube"]), lambda: (lambda a: ev("metadata request for pod <*>/<*> failed: <*>", a[1], a[0], pick(k8s_errors)))(pick(apps))),
        (6, ("warn", None), lambda: ev("inode=<*> file truncated, offset reset: <*>", inode(), pick(host_files)) + (tail_tag(),)),
        (4, ("info", ["fluent bit"]), (lambda v, p: lambda: ev("engine version=<*>, commit=<*>, pid=<*>", v(), hexid(10), p()))(deal(["3.1.9", "3.2.2", "4.0.1"]), deal(["1", "7", "13", "2231"]))),
        (3, ("info", ["storage"]), (lambda t, s, m: lambda: ev("backlog path=<*> type=<*> sync=<*> max_chunks_up=<*>", bpath(), t(), s(), m()))(deal(["memory", "filesystem"]), deal(["normal", "full"]), deal(["64", "128", "256"]))),
        (3, ("info", ["http_server"]), (lambda a: lambda: ev("monitoring server listening on <*>", a()))(deal(["0.0.0.0:2020", "127.0.0.1:2020", "[::]:2021"]))),
        (2, ("warn", ["engine"]), lambda: ev("shutdown grace period expired, dropping pending tasks")),
    ]

    def render(tag, hdr, content):
        level, tags = tag
        tags = hdr if hdr is not None else tags
        return "[%s %s] [%5s] %s %s" % (c.ymd("/"), c.hms(), level, " ".join("[%s]" % t for t in tags), content)
    write("FluentBit", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. Vector: tracing-subscriber default text, `<RFC3339 micros>Z <LEVEL padded to 5> [spans: ]
#    target: message fields`, spans like `sink{component_kind="sink" component_id=.. ...}` and
#    `request{request_id=N}` joined by `:`. Content is what follows `target: `.
def vector():
    c = Clock()
    sinks = [("es_out", "elasticsearch"), ("loki_out", "loki"), ("cold_archive", "aws_s3"), ("audit_http", "http")]
    sources = {"file": ("app_files", "file"), "k8s": ("k8s_logs", "kubernetes_logs"), "syslog": ("syslog_in", "syslog")}
    transforms = [("parse_app", "remap"), ("enrich_geo", "remap"), ("normalize", "remap")]
    state = {"req": R.randint(100, 3000)}

    def span(kind, comp):
        return '%s{component_kind="%s" component_id=%s component_type=%s}' % (kind, kind, comp[0], comp[1])

    def sink_span(with_request=False):
        s = span("sink", pick(sinks))
        if with_request:
            state["req"] += R.randint(1, 9)
            s += ":request{request_id=%d}" % state["req"]
        return s

    files = ["/var/log/app/api-%d.log" % i for i in range(1, 4)] + ["/var/log/app/jobs.log", "/srv/legacy/logs/batch.out", "/var/log/nginx/access.log"]
    retry_errors = ["Server responded with an error: 429 Too Many Requests",
                    "Server responded with an error: 503 Service Unavailable",
                    "Failed to make HTTP(S) request: error trying to connect: tcp connect error: Connection refused (os error 111)",
                    "timeout",
                    "bulk request reported 3 failed items"]
    remap_errors = ['function call error for "parse_json" at (12:40): unable to parse json: expected value at line 1 column 1',
                    'function call error for "to_int" at (31:52): unable to coerce null into integer',
                    'field ".status" is not a string',
                    "invalid argument type"]
    hc_errors = ["Unexpected status: 401 Unauthorized",
                 "dns error: failed to lookup address information: Name or service not known",
                 "timed out",
                 "Failed to make HTTP(S) request: connection closed before message completed"]
    suppressed = ["Request failed, will retry.", "Dropped events, buffer is full.", "Remap program aborted on event."]
    conf_paths = ['"/etc/vector/vector.yaml"', '"/etc/vector/conf.d/sinks.yaml"', '"/etc/vector/conf.d/sources.toml"', '"/etc/vector/conf.d/transforms.yaml"']

    def paths():
        return ", ".join(R.sample(conf_paths, R.randint(1, 3)))

    pods = [("checkout-api-6f8d9c7b5-q4wzx", "shop"), ("ledger-worker-59c8d7f4b-m2kjd", "finance"),
            ("cron-reaper-29671840-jk2xq", "ops"), ("search-indexer-84d6b9-trp5s", "search")]
    versions = deal([("0.42.0", "x86_64", "3d16e34 2024-10-21"), ("0.43.1", "aarch64", "e30bf1f 2024-12-10"), ("0.44.0", "x86_64", "f2a1d6c 2025-01-27")])
    stop_secs = deal(["30", "60"])
    drain = deal(['"es_out"', '"cold_archive", "audit_http"', '"loki_out"', '"es_out", "enrich_geo"'])

    events = [
        (85, ("DEBUG", "vector::internal_events::http_client"), lambda: ev("Request completed. status=<*> events=<*> byte_size=<*> elapsed_ms=<*>", pick(["200", "200", "200", "202", "204"]), num(1, 1000), num(400, 9000000), num(2, 2500)) + (sink_span(),)),
        (52, ("WARN", "vector::sinks::util::retries"), lambda: ev("Request failed, will retry. error=<*> attempt=<*> internal_log_rate_limit=true", pick(retry_errors), num(1, 9)) + (sink_span(True),)),
        (40, ("INFO", "vector::internal_events::file::source"), lambda: ev("Started watching file. file=<*> fingerprint=<*>", pick(files), num(10 ** 9, 2 ** 64 - 1)) + (span("source", sources["file"]),)),
        (25, ("INFO", "vector::internal_events::file::source"), lambda: ev("Stopped watching file. file=<*> reason=<*>", pick(files), pick(["deleted", "rotated away", "idle timeout reached"])) + (span("source", sources["file"]),)),
        (20, ("ERROR", "vector::internal_events::remap"), lambda: ev("Remap program aborted on event. error=<*> drop_on_error=<*> internal_log_rate_limit=true", pick(remap_errors), pick(["true", "false"])) + (span("transform", pick(transforms)),)),
        (15, ("WARN", "vector_buffers::internal_events"), lambda: (lambda s: ev("Dropped events, buffer is full. count=<*> buffer_id=<*> internal_log_rate_limit=true", num(1, 5000), s[0]) + (span("sink", s),))(pick(sinks))),
        (15, ("INFO", "vector::sinks::util::retries"), lambda: ev("Internal log [<*>] rate limited: <*> similar messages hidden during the last <*>s.", pick(suppressed), num(2, 900), pick(["10", "10", "30"])) + (sink_span(),)),
        (12, ("ERROR", "vector::topology::builder"), lambda: ev("Healthcheck did not pass. error=<*>", pick(hc_errors)) + (sink_span(),)),
        (10, ("INFO", "vector::topology::builder"), lambda: ev("Healthcheck succeeded.") + (sink_span(),)),
        (8, ("WARN", "vector::internal_events::kubernetes_logs"), lambda: (lambda p: ev("Pod metadata not found, event left unannotated. pod=<*> namespace=<*>", p[0], p[1]))(pick(pods)) + (span("source", sources["k8s"]),)),
        (6, ("INFO", "vector::topology::running"), lambda: ev("Configuration reloaded. components_added=<*> components_removed=<*> paths=[<*>]", num(0, 4), num(0, 3), paths())),
        (4, ("INFO", "vector::app"), lambda: (lambda v: ev('Vector is starting. version="<*>" arch="<*>" revision="<*>"', *v))(versions())),
        (3, ("INFO", "vector::app"), lambda: ev("Reading configuration. paths=[<*>]", paths())),
        (3, ("INFO", "vector::signal"), (lambda s: lambda: ev("Signal received, shutting down. signal=<*>", s()))(deal(["SIGTERM", "SIGINT"]))),
        (2, ("ERROR", "vector::topology::running"), lambda: ev("Components failed to stop within <*> seconds. component_ids=[<*>]", stop_secs(), drain())),
    ]

    def render(tag, hdr, content):
        level, target = tag
        prefix = hdr + ": " if hdr else ""
        return "%sT%s.%sZ %5s %s%s: %s" % (c.ymd(), c.hms(), c.frac(6), level, prefix, target, content)
    write("Vector", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. Zabbix server log: `%6d:%Y%m%d:%H%M%S.%03d message` (pid right-aligned to six). Content is
#    what follows the timestamp and its space.
def zabbix():
    c = Clock()
    kinds = {"poller": [R.randint(1200, 1300) for _ in range(6)], "unreachable poller": [R.randint(1300, 1320) for _ in range(2)],
             "trapper": [R.randint(1320, 1340) for _ in range(3)], "history syncer": [R.randint(1340, 1360) for _ in range(4)],
             "housekeeper": [R.randint(1190, 1199)], "main": [R.randint(1000, 1100)],
             "configuration syncer": [R.randint(1101, 1120)], "timer": [R.randint(1121, 1140)],
             "proxy poller": [R.randint(1141, 1150)]}
    hosts = ["web-01", "web-02", "db-pg-01", "db-pg-02", "edge-rtr-1", "nas-backup", "k8s-node-07", "mail-relay", "ups-rack2", "printer-3f"]
    keys = ["system.cpu.util[,iowait]", "vfs.fs.size[/var,pfree]", "net.if.in[ens192]", "proc.num[nginx]",
            "pgsql.connections[active]", "custom.backup.age", "vfs.file.cksum[/etc/passwd]", "sensor.temp[cpu0]"]
    unsupported = ["Unsupported item key.",
                   "Cannot obtain filesystem information: [2] No such file or directory",
                   "Received value [none] is not suitable for value type [Numeric (float)]",
                   "Timeout while executing a shell script.",
                   "Interface ens192 not found"]
    agent_errors = ["connection refused", "read timeout", "ZBX_TCP_READ() failed: [104] Connection reset by peer", "host name mismatch in agent response"]
    tables = ["history", "history_uint", "trends", "events", "problem"]

    def slow_sql():
        return pick(["select itemid,clock,value from %s where itemid=%s and clock>%s order by clock" % (pick(tables[:2]), num(20000, 90000), c.epoch - R.randint(600, 86400)),
                     "delete from %s where clock<%s limit 10000" % (pick(tables[:3]), c.epoch - R.randint(86400 * 7, 86400 * 90)),
                     "update items set lastlogsize=%s where itemid=%s" % (num(0, 999999), num(20000, 90000)),
                     "select eventid,objectid from events where source=0 and object=0 and eventid>%s" % num(100000, 900000)])

    def iface():
        kind, port = pick([("agent", "10050"), ("agent", "10050"), ("SNMP", "161"), ("IPMI", "623"), ("JMX", "12345")])
        return kind, "10.20.%d.%d:%s" % (R.randint(1, 9), R.randint(2, 250), port)

    db_errors = ["server closed the connection unexpectedly",
                 "could not connect to server: Connection refused",
                 "terminating connection due to administrator command",
                 "timeout"]
    trig_errors = ["Cannot evaluate function last(/web-01/proc.num[nginx]): item is not supported.",
                   "division by zero",
                   "Invalid second parameter."]
    start = deal([("7.0.6", "eb3c1a6f1d7"), ("7.0.7", "3b8d1f0c2e4"), ("7.2.1", "a91e7c4b553")])
    spawn = deal([("poller", "3"), ("history syncer", "2"), ("trapper", "1"), ("unreachable poller", "1")])

    def in_kind(kind, gen):
        def g():
            return gen() + (pick(kinds[kind]),)
        return g

    def unreachable():
        k, addr = iface()
        return ev("host \"<*>\" marked unreachable after <*> consecutive errors on <*> interface <*>", pick(hosts), num(2, 9), k, addr) + (pick(kinds["unreachable poller"]),)

    def stats():
        kind = pick(["poller", "poller", "trapper", "history syncer", "unreachable poller"])
        return ev("<*> #<*> processed <*> values in <*> sec, busy <*>%", kind, R.randint(1, len(kinds[kind])), num(0, 4000), dec(0, 5, 6), dec(0, 100, 2)) + (pick(kinds[kind]),)

    def spawned():
        kind, n = spawn()
        return ev("process #<*> started as [<*> #<*>]", num(2, 60), kind, n) + (pick(kinds["main"]),)

    events = [
        (90, "poller", lambda: ev("item \"<*>:<*>\" switched to not supported state: <*>", pick(hosts), pick(keys), pick(unsupported)) + (pick(kinds["poller"]),)),
        (55, "poller", lambda: ev("agent check \"<*>\" on host \"<*>\" failed: <*>, retrying in <*> seconds", pick(keys), pick(hosts), pick(agent_errors), pick(["15", "15", "30", "60"])) + (pick(kinds["poller"]),)),
        (45, "stats", stats),
        (25, "history syncer", in_kind("history syncer", lambda: ev("query execution took <*> sec (over the 3 sec threshold): \"<*>\"", dec(3, 40, 6), slow_sql()))),
        (20, "unreachable", unreachable),
        (15, "poller", lambda: (lambda i: ev("host \"<*>\" <*> interface <*> is available again", pick(hosts), i[0], i[1]))(iface()) + (pick(kinds["poller"]),)),
        (12, "housekeeper", in_kind("housekeeper", lambda: ev("housekeeper cycle done: removed <*> history and <*> trend records, <*> events, <*> sessions in <*> sec, next run in <*> hour(s)", num(0, 900000), num(0, 40000), num(0, 3000), num(0, 40), dec(0.01, 120, 6), pick(["1", "1", "2", "6"])))),
        (10, "housekeeper", in_kind("housekeeper", lambda: ev("housekeeper cycle started"))),
        (8, "trapper", in_kind("trapper", lambda: ev("active checks request from \"<*>\" rejected: host [<*>] is not monitored", net_ip(), pick(["laptop-qa-12", "old-web-03", "test-vm", "Zabbix server"])))),
        (6, "history syncer", in_kind("history syncer", lambda: ev("database connection lost: <*>; reconnecting in <*> seconds", pick(db_errors), pick(["10", "10", "30"])))),
        (5, "timer", in_kind("timer", lambda: ev("failed to evaluate expression of trigger <*>: <*>", num(13000, 40000), pick(trig_errors)))),
        (4, "proxy poller", in_kind("proxy poller", lambda: ev("proxy \"<*>\" configuration sent (<*> bytes, <*> sec)", pick(["proxy-dc2", "proxy-branch-lyon", "proxy-dmz"]), num(2000, 3000000), dec(0, 4, 6)))),
        (3, "main", in_kind("main", lambda: (lambda v: ev("Zabbix Server <*> started (revision <*>)", *v))(start()))),
        (2, "main", spawned),
    ]

    def render(tag, hdr, content):
        return "%6d:%s:%s.%s %s" % (hdr, c.ymd(""), c.hms(""), c.frac(3), content)
    write("Zabbix", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. Tomcat (Catalina default OneLineFormatter): `dd-MMM-yyyy HH:mm:ss.SSS LEVEL [thread]
#    fully.qualified.Class.method message`. Content is what follows `Class.method `.
def tomcat():
    c = Clock()
    contexts = ["/shop", "/billing", "/admin", "/reports", "/api"]
    wars = ["shop.war", "billing.war", "admin-console.war", "reports-2.3.1.war", "api.war"]
    exec_thread = lambda: "http-nio-8080-exec-%d" % R.randint(1, 200)
    util_thread = lambda: "Catalina-utility-%d" % R.randint(1, 2)
    uris = lambda: pick(["/shop/cart/checkout", "/billing/invoices/%s/pdf" % num(1000, 99999), "/reports/export?format=xlsx&month=2026-%02d" % R.randint(1, 11),
                         "/api/v2/orders/%s" % num(1, 900000), "/admin/users?page=%s" % num(1, 40)])
    exceptions = [("java.lang.IllegalStateException", "Cannot create a session after the response has been committed"),
                  ("org.springframework.dao.DataAccessResourceFailureException", "Unable to acquire JDBC Connection"),
                  ("java.lang.NumberFormatException", 'For input string: "undefined"'),
                  ("java.lang.NullPointerException", 'Cannot invoke "com.example.billing.Invoice.getTotal()" because "invoice" is null'),
                  ("java.io.IOException", "Broken pipe")]
    rejections = ["invalid character in request target",
                  "method name contains illegal characters",
                  "request header too large",
                  "TLS handshake sent to a plaintext connector"]
    leaked = ["pool-%d-thread-1" % R.randint(2, 9), "Abandoned connection cleanup thread", "Timer-0", "quartz-scheduler_Worker-3", "OkHttp ConnectionPool"]
    restore_errors = ["java.io.InvalidClassException: com.example.shop.Cart; local class incompatible",
                      "java.io.EOFException",
                      "java.lang.ClassNotFoundException: com.example.admin.UserPrefs",
                      "java.io.StreamCorruptedException: invalid stream header: 3C3F786D"]
    handlers = deal(["http-nio-8080", "https-openssl-nio-8443", "ajp-nio-127.0.0.1-8009"])
    rngs = deal(["SHA1PRNG", "DRBG", "NativePRNG"])
    services = deal(["Catalina", "Catalina-admin"])
    pools = deal(["jdbc/ShopDB", "jdbc/BillingDB"])
    waits = deal(["5000", "10000", "30000"])
    jars = deal(["42", "57", "61", "88"])

    def ctx():
        return pick(contexts)

    def warname(path):
        return "/opt/tomcat/webapps/" + path

    events = [
        (78, ("WARNING", "org.apache.catalina.valves.StuckThreadDetectionValve.notifyStuckThreadDetected", util_thread),
         lambda: ev("Thread [<*>] (id=[<*>]) busy for [<*>] milliseconds serving [<*>], possibly stuck; [<*>] thread(s) currently flagged", exec_thread(), num(30, 400), num(60000, 900000), uris(), num(1, 6))),
        (62, ("INFO", "org.apache.catalina.core.ApplicationContext.log", exec_thread),
         lambda: ev("[<*>] session <*> invalidated after <*> seconds of inactivity", ctx(), hexid(32).upper(), num(1800, 7200))),
        (43, ("SEVERE", "org.apache.catalina.core.StandardWrapperValve.invoke", exec_thread),
         lambda: (lambda e: ev("Servlet [<*>] in context [<*>] threw <*>: <*>", pick(["dispatcher", "reportServlet", "jsp", "jerseyServlet"]), ctx(), e[0], e[1]))(pick(exceptions))),
        (30, ("INFO", "org.apache.coyote.http11.Http11Processor.service", exec_thread),
         lambda: ev("Rejected request from [<*>]: <*>", net_ip(), pick(rejections))),
        (20, ("WARNING", "org.apache.catalina.loader.WebappClassLoaderBase.clearReferencesThreads", util_thread),
         lambda: ev("The web application [<*>] left thread [<*>] running after it was stopped, which is likely to leak memory", pick(["shop", "billing", "admin-console", "reports-2.3.1"]), pick(leaked))),
        (15, ("SEVERE", "org.apache.catalina.session.StandardManager.startInternal", lambda: "main"),
         lambda: ev("Could not restore persisted sessions for context [<*>]: <*>", ctx(), pick(restore_errors))),
        (12, ("INFO", "org.apache.catalina.startup.HostConfig.deployWAR", lambda: "main"),
         lambda: ev("Web application archive [<*>] is being deployed", warname(pick(wars)))),
        (12, ("INFO", "org.apache.catalina.startup.HostConfig.deployWAR", lambda: "main"),
         lambda: ev("Web application archive [<*>] deployed in [<*>] ms", warname(pick(wars)), num(300, 30000))),
        (8, ("INFO", "org.apache.coyote.AbstractProtocol.start", lambda: "main"),
         lambda: ev("Protocol handler [\"<*>\"] started", handlers())),
        (6, ("INFO", "org.apache.catalina.startup.Catalina.start", lambda: "main"),
         lambda: ev("Server started in [<*>] milliseconds", num(900, 60000))),
        (5, ("WARNING", "org.apache.catalina.util.SessionIdGeneratorBase.createSecureRandom", lambda: "main"),
         lambda: ev("Seeding session ID generator [<*>] needed [<*>] milliseconds", rngs(), num(150, 9000))),
        (4, ("SEVERE", "org.apache.tomcat.jdbc.pool.ConnectionPool.borrowConnection", exec_thread),
         lambda: ev("Connection pool [<*>] exhausted: [<*>] active, [<*>] idle, timed out after [<*>] ms", pools(), num(20, 100), num(0, 3), waits())),
        (3, ("INFO", "org.apache.catalina.core.StandardService.stopInternal", lambda: "main"),
         lambda: ev("Service [<*>] is stopping", services())),
        (2, ("INFO", "org.apache.jasper.servlet.TldScanner.scanJars", lambda: "main"),
         lambda: ev("TLD scan of [<*>] JARs found no tag libraries", jars())),
    ]

    def render(tag, hdr, content):
        level, where, thread = tag
        g = c.g
        return "%02d-%s-%04d %s.%s %s [%s] %s %s" % (g.tm_mday, MONTHS[g.tm_mon - 1], g.tm_year, c.hms(), c.frac(3), level, thread(), where, content)
    write("Tomcat", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Phoenix (Elixir Logger default console format `$time $metadata[$level] $message`, with
#    `request_id=...` metadata on request-scoped lines). Content is what follows `[level] `.
def phoenix():
    c = Clock()
    routes = [("GET", "/api/products", "ShopWeb.ProductController.index"), ("GET", "/api/products/%s", "ShopWeb.ProductController.show"),
              ("POST", "/api/orders", "ShopWeb.OrderController.create"), ("GET", "/api/orders/%s", "ShopWeb.OrderController.show"),
              ("PATCH", "/api/cart/items/%s", "ShopWeb.CartController.update"), ("DELETE", "/api/cart/items/%s", "ShopWeb.CartController.delete"),
              ("GET", "/health", "ShopWeb.HealthController.check"), ("POST", "/api/sessions", "ShopWeb.SessionController.create")]

    def route():
        m, p, a = pick(routes)
        return m, (p % num(1, 99999)) if "%s" in p else p, a

    def duration():
        if R.random() < 0.3:
            return "%dµs" % R.randint(80, 999)
        return "%dms" % R.randint(1, 1800)

    def params():
        opts = ['"id" => "%s"' % num(1, 99999), '"page" => "%s"' % num(1, 30), '"quantity" => %s' % num(1, 9),
                '"password" => "[FILTERED]"', '"email" => "%s@example.org"' % pick(["ana", "li.wei", "k.brandt", "omar"]),
                '"sort" => "%s"' % pick(["price", "-inserted_at", "name"])]
        return ", ".join(R.sample(opts, R.randint(1, 3)))

    tables = ["products", "orders", "order_items", "carts", "users", "inventory_levels"]
    genservers = ["Shop.Inventory.Cache", "Shop.Payments.WebhookBuffer", "Shop.Search.Indexer"]
    gen_errors = [("RuntimeError", "cache table missing"), ("KeyError", "key :sku not found in: %{}"),
                  ("ArgumentError", "errors were found at the given arguments"), ("DBConnection.ConnectionError", "connection not available and request was dropped from queue after 2000ms")]
    pg_errors = ["tcp recv: closed", "ssl recv: timeout", "client #PID<0.%d.0> timed out because it queued and checked out the connection for longer than 15000ms" % R.randint(400, 9000)]
    endpoints = deal([("ShopWeb.Endpoint", "0.0.0.0:4000", "http"), ("ShopWeb.Endpoint", "[::]:4443", "https"), ("ShopWeb.AdminEndpoint", "127.0.0.1:4010", "http")])
    mail = deal([("ana@example.org", "SMTP 421 too many connections"), ("ops@example.net", "timeout"), ("li.wei@example.org", "mailbox unavailable for now")])
    chan = deal(["Phoenix.LiveView.Socket", "ShopWeb.UserSocket"])
    attempts = deal(["3", "20"])
    oban_err = deal(["timeout", "** (RuntimeError) label printer offline"])
    topics = lambda: pick(["lv:phx-F%s" % "".join(R.choice(string.ascii_letters + string.digits) for _ in range(11)), "cart:%s" % num(1, 99999), "notifications:%s" % num(1, 9999)])

    def rid():
        return "".join(R.choice(string.ascii_letters + string.digits + "-_") for _ in range(20))

    req = "req"
    events = [
        (72, ("info", req), lambda: (lambda r: ev("<*> <*>", r[0], r[1]))(route())),
        (72, ("info", req), lambda: ev("Sent <*> in <*>", pick(["200", "200", "200", "201", "204", "302", "401", "404", "422", "500"]), duration())),
        (40, ("debug", req), lambda: ev("Processing with <*>/2", route()[2])),
        (25, ("debug", req), lambda: ev("Parameters: %{<*>}", params())),
        (22, ("debug", req), lambda: ev("QUERY OK source=\"<*>\" db=<*>ms idle=<*>ms", pick(tables), dec(0.1, 80, 1), dec(0.5, 2000, 1))),
        (16, ("debug", req), lambda: ev("QUERY OK source=\"<*>\" db=<*>ms queue=<*>ms idle=<*>ms", pick(tables), dec(0.1, 80, 1), dec(0.1, 40, 1), dec(0.5, 2000, 1))),
        (12, ("warning", req), lambda: ev("Rate limit hit for <*> on <*>, retry after <*>s", net_ip(), pick(["/api/sessions", "/api/orders", "/api/products"]), num(1, 60))),
        (10, ("error", None), lambda: (lambda e: ev("GenServer <*> terminating: ** (<*>) <*>", pick(genservers), e[0], e[1]))(pick(gen_errors))),
        (8, ("info", req), lambda: ev("Rendered <*> as a <*> response", pick(["Ecto.NoResultsError", "Phoenix.Router.NoRouteError", "Ecto.Query.CastError", "Plug.CSRFProtection.InvalidCSRFTokenError"]), pick(["404", "400", "403"]))),
        (6, ("error", None), lambda: ev("Postgrex.Protocol (<*>) disconnected: ** (DBConnection.ConnectionError) <*>", "#PID<0.%d.0>" % R.randint(300, 900), pick(pg_errors))),
        (5, ("info", None), lambda: ev("Order <*> paid by customer <*>, total <*> <*>", num(10000, 99999), num(1, 40000), dec(3, 900, 2), pick(["EUR", "USD", "GBP"]))),
        (4, ("notice", None), lambda: (lambda e: ev("Endpoint <*> listening at <*> (<*>)", *e))(endpoints())),
        (3, ("warning", None), lambda: (lambda m: ev("Mailer delivery to <*> deferred: <*>", *m))(mail())),
        (3, ("info", None), lambda: ev("Channel <*> joined topic \"<*>\" in <*>", chan(), topics(), duration())),
        (2, ("error", None), lambda: ev("Oban job <*> failed after <*> attempts: <*>", num(100000, 999999), attempts(), oban_err())),
    ]

    def render(tag, hdr, content):
        level, scope = tag
        meta = "request_id=%s " % rid() if scope == req else ""
        return "%s.%s %s[%s] %s" % (c.hms(), c.frac(3), meta, level, content)
    write("Phoenix", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. Home Assistant: `%(asctime)s.%(msecs)03d %(levelname)s (%(threadName)s) [%(name)s]
#    %(message)s`. Content is what follows `[logger] `.
def homeassistant():
    c = Clock()
    topics = ["zigbee2mqtt/hallway_motion", "zigbee2mqtt/kitchen_plug", "tele/tasmota_5C3F21/SENSOR", "esphome/garage-door/status",
              "shellies/shellyplug-s-7A1E02/relay/0/power", "homeassistant/sensor/boiler_temp/state"]
    payloads = lambda: pick(["b'{\"occupancy\":%s,\"battery\":%d}'" % (pick(["true", "false"]), R.randint(5, 100)),
                             "b'{\"Time\": \"2026-12-04T%s\", \"ENERGY\": {\"Power\": %d}}'" % (c.hms(), R.randint(0, 2500)),
                             "b'online'", "b'offline'", "b'%s'" % dec(10, 30, 1)])
    entities = {"zha": ["sensor.hallway_motion_battery", "binary_sensor.back_door_contact", "light.kitchen_spots"],
                "shelly": ["switch.dishwasher_plug", "sensor.dryer_power"],
                "esphome": ["cover.garage_door", "sensor.greenhouse_humidity"],
                "tuya": ["climate.office_heater", "fan.bedroom_fan"],
                "hue": ["light.living_room_lamp", "scene.movie_night"]}
    unavail = ["device did not respond", "connection lost", "timeout", "integration reload in progress"]
    domains = ["mqtt", "zha", "shelly", "esphome", "tuya", "hue", "met", "recorder", "history", "mobile_app", "solaredge"]
    coord_errors = ["Timeout fetching data", "Invalid response from API: 502 Bad Gateway", "Authentication expired, reauth required", "Cannot connect to host 192.168.1.40:80"]
    tmpl_warn = ["'dict object' has no attribute 'battery'", "float got invalid input 'unknown'", "undefined variable 'trigger'"]
    tmpls = ['{{ states("sensor.boiler_temp") | float }}', "{{ trigger.to_state.state }}",
             '{{ state_attr("climate.office_heater", "current_temperature") | round(1) }}', "{{ value_json.battery }}"]
    conf_errors = ["required key 'platform' not provided", "expected a dictionary", "value must be one of ['heat', 'cool', 'auto']", "extra keys not allowed"]
    autos = [("hallway_lights_on_motion", "Hallway lights on motion"), ("night_mode", "Night mode"),
             ("garage_door_left_open", "Garage door left open"), ("boiler_boost", "Boiler boost")]
    triggers = ["state of binary_sensor.hallway_motion", "time pattern", "sun event sunset with offset -0:15:00", "numeric state of sensor.greenhouse_humidity"]
    customs = deal([("hacs", "2.0.1"), ("alexa_media", "4.13.8"), ("localtuya", "5.2.2")])
    brokens = deal([("/config/home-assistant_v2.db", "/config/home-assistant_v2.db.corrupt.2026-12-04T%sZ"), ("/data/ha/recorder.db", "/data/ha/recorder.db.corrupt.2026-12-04T%sZ")])

    def entity():
        dom = pick(list(entities))
        return dom, pick(entities[dom])

    def comp(dom):
        return "homeassistant.components.%s" % dom

    def with_logger(logger, gen):
        def g():
            return gen() + (logger,)
        return g

    def unavailable():
        dom, e = entity()
        return ev("Entity <*> is unavailable: <*>", e, pick(unavail)) + (comp(dom),)

    def slow():
        dom, e = entity()
        return ev("Refresh of <*> exceeded its scheduled interval of <*> (took <*> seconds)", e, pick(["0:00:30", "0:00:30", "0:01:00", "0:05:00"]), dec(10, 90, 3)) + (comp(dom) + ".sensor",)

    def automation(text, *vals):
        def g():
            slug, name = pick(autos)
            return ev(text, name, *[v() for v in vals]) + (comp("automation") + "." + slug,)
        return g

    def broken():
        a, b = brokens()
        return ev("Unrecoverable database error at <*>, moving it aside to <*>", a, b % c.hms()) + ("homeassistant.components.recorder.util",)

    events = [
        (95, ("DEBUG", "MainThread"), with_logger("homeassistant.components.mqtt.client", lambda: ev("Message arrived on topic <*> (qos=<*>, retain=<*>): <*>", pick(topics), pick(["0", "0", "1"]), pick(["False", "False", "True"]), payloads()))),
        (60, ("WARNING", "MainThread"), unavailable),
        (35, ("WARNING", "MainThread"), slow),
        (25, ("INFO", "MainThread"), with_logger("homeassistant.setup", lambda: ev("Integration <*> set up in <*> seconds", pick(domains), dec(0, 20, 2)))),
        (20, ("ERROR", "MainThread"), lambda: (lambda d: ev("Coordinator <*> failed to refresh: <*>", d, pick(coord_errors)) + (comp(d),))(pick(["solaredge", "met", "tuya", "hue"]))),
        (15, ("WARNING", "MainThread"), with_logger("homeassistant.helpers.template", lambda: ev("Template warning: <*> while rendering '<*>'", pick(tmpl_warn), pick(tmpls)))),
        (12, ("ERROR", "MainThread"), with_logger("homeassistant.config", lambda: ev("Invalid config for '<*>' in <*>, line <*>: <*>", pick(["climate", "template", "sensor", "mqtt"]), pick(["configuration.yaml", "packages/heating.yaml", "automations.yaml"]), num(3, 400), pick(conf_errors)))),
        (10, ("INFO", "MainThread"), automation("Automation '<*>' triggered by <*>", lambda: pick(triggers))),
        (8, ("WARNING", "MainThread"), automation("Automation '<*>' skipped, maximum of <*> concurrent runs reached", lambda: pick(["1", "1", "10", "5"]))),
        (6, ("WARNING", "ImportExecutor_0"), with_logger("homeassistant.loader", lambda: (lambda x: ev("Loaded custom integration '<*>' (version <*>), which is not maintained by the Home Assistant core team", *x))(customs()))),
        (5, ("ERROR", "MainThread"), with_logger("homeassistant.components.mqtt.client", lambda: ev("Lost connection to MQTT broker <*> (<*>), reconnecting in <*> seconds", pick(["core-mosquitto:1883", "192.168.1.20:1883"]), pick(["keepalive timeout", "connection refused by server", "unexpected disconnect"]), pick(["1", "2", "4", "8"])))),
        (4, ("WARNING", "Recorder"), with_logger("homeassistant.components.recorder.core", lambda: ev("Recorder queue holds <*> events; database writes are falling behind", num(30000, 250000)))),
        (3, ("INFO", "MainThread"), with_logger("homeassistant.bootstrap", lambda: ev("Startup finished after <*>s with <*> integrations loaded", dec(8, 120, 2), num(40, 220)))),
        (2, ("CRITICAL", "Recorder"), broken),
    ]

    def render(tag, hdr, content):
        level, thread = tag
        return "%s %s.%s %s (%s) [%s] %s" % (c.ymd(), c.hms(), c.frac(3), level, thread, hdr, content)
    write("HomeAssistant", c, events, render)


# ------------------------------------------------------------------------------------------
# Read-back checks.
def template_regex(template, group=False):
    hole = "(.+?)" if group else ".+?"
    return re.compile(hole.join(re.escape(p) for p in template.split("<*>")), re.S)


# The header (raw line minus Content) of each system, and the key that orders its timestamps.
HEADERS = {
    "FluentBit": r"\[(\d{4}/\d\d/\d\d \d\d:\d\d:\d\d)\] \[(?: info| warn|error|debug)\](?: \[[^\]]+\]){1,2} ",
    "Vector": r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6})Z (?: INFO| WARN|ERROR|DEBUG|TRACE) (?:[a-z]+\{[^}]*\}(?::[a-z]+\{[^}]*\})*: )?[a-z_]+(?:::[a-z_]+)*: ",
    "Zabbix": r" *\d{1,6}:(\d{8}:\d{6}\.\d{3}) ",
    "Tomcat": r"(\d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d:\d\d\.\d{3}) (?:SEVERE|WARNING|INFO|CONFIG|FINE) \[[^\] ]+\] (?:[a-z][a-z0-9]*\.)+[A-Z][A-Za-z0-9]*\.[a-zA-Z]+ ",
    "Phoenix": r"(\d\d:\d\d:\d\d\.\d{3}) (?:request_id=[A-Za-z0-9_-]{20} )?\[(?:debug|info|notice|warning|error)\] ",
    "HomeAssistant": r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) (?:DEBUG|INFO|WARNING|ERROR|CRITICAL) \([A-Za-z_0-9]+\) \[[a-z_.0-9]+\] ",
}


def time_key(system, stamp):
    if system == "Tomcat":
        d, mon, rest = stamp.split("-", 2)
        y, hms = rest.split(" ")
        return (y, MONTHS.index(mon), d, hms)
    return stamp


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
        header = re.compile(HEADERS[system])
        templates, counts, slots = {}, {}, {}
        last = None
        for i, (row, line) in enumerate(zip(rows, lines)):
            assert len(row) == 4, (system, row)
            line_id, content, event_id, template = row
            assert line_id == str(i + 1), (system, line_id)
            assert re.fullmatch(r"E[0-9]+", event_id), (system, event_id)
            assert content and content == content.strip() and line.endswith(content), (system, i + 1)
            m = header.fullmatch(line[:len(line) - len(content)])
            assert m, (system, i + 1, line)
            key = time_key(system, m.group(1))
            assert last is None or key >= last, (system, i + 1, key, last)
            last = key
            assert "<*><*>" not in template, (system, template)
            m = template_regex(template, True).fullmatch(content)
            assert m, (system, i + 1, template, content)
            for j, v in enumerate(m.groups()):
                slots.setdefault((event_id, j), set()).add(v)
            assert templates.setdefault(event_id, template) == template, (system, event_id)
            counts[event_id] = counts.get(event_id, 0) + 1
        assert len(set(templates.values())) == len(templates), system
        assert 10 <= len(counts) <= 16, (system, len(counts))
        assert min(counts.values()) >= 2, (system, counts)
        assert sum(1 for n in counts.values() if 2 <= n <= 10) >= 3, (system, counts)
        assert sorted(counts.values(), reverse=True)[0] >= 40, (system, counts)
        for (event_id, j), vals in slots.items():
            assert len(vals) >= 2, (system, event_id, j, vals)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary


if __name__ == "__main__":
    fluentbit()
    vector()
    zabbix()
    tomcat()
    phoenix()
    homeassistant()
    for system, counts in self_check().items():
        print("%-13s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
