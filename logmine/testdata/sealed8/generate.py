#!/usr/bin/env python3
"""Writes sealed corpus 8, a blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: Graylog, Dqlite, Gitea, KnotResolver, RabbitMQStream, Kibana.
Every line is made here from event formats written for this corpus, following each program's
default log layout (written from memory), with values from generators of this file. No line,
template or value list is copied from a real log or data set; the messages are invented in each
project's style. The corpus was written without running any template miner on it and without
reading the miner's source.

Deterministic: fixed seed 20261207, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
free-text reason or error, an SQL statement, a rule or index-set title, an Erlang term, an HTTP
status with its reason phrase, a RabbitMQ connection name) is one `<*>`; punctuation around a
value stays literal (`(<*>)`, `'<*>'`, `"<*>"`, `key=<*>`, `key:<*>`, `[<*>/<*>]`, `<<*>>`);
a unit attached to a number stays literal after it (`<*> ms`, `<*>ms`, `<*>%`, `<*> s`) unless
the unit itself varies within the slot (a Go duration such as `850ms`/`1m9.5s`, or a size such
as `4.1KB`/`1.2MB`, is one value); text that never changes within an event type stays literal
(buffer sizes, `limit 80%`, `flagged as 'bad'`). Event formats are written directly as their
templates: each `<*>` in a format is filled with one generated value, and every `<*>` slot
takes at least two different values within its event type (checked when the lines are made and
again on read-back).

At the end the files are read back and checked (see `self_check`).
"""
import calendar
import csv
import json
import os
import random
import re
import time

SEED = 20261207
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["Graylog", "Dqlite", "Gitea", "KnotResolver", "RabbitMQStream", "Kibana"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def uuid():
    return "%s-%s-4%s-%s%s-%s" % (hexid(8), hexid(4), hexid(3), R.choice("89ab"), hexid(3), hexid(12))


def uuid1():
    """A time-based UUID (version 1), as Graylog gives its messages."""
    return "%s-%s-11f1-%s%s-%s" % (hexid(8), hexid(4), R.choice("89ab"), hexid(3), hexid(12))


def client_ip():
    kind = R.random()
    if kind < 0.45:
        return "203.0.113.%d" % R.randint(1, 254)
    if kind < 0.8:
        return "198.51.100.%d" % R.randint(1, 254)
    return "192.0.2.%d" % R.randint(1, 254)


def eph_port():
    return str(R.randint(32768, 60999))


def go_duration(ns):
    """Go's `time.Duration.String()`: `845ns`, `123.456µs`, `1.234567ms`, `2.5s`, `1m9.5s`."""
    if ns < 1000:
        return "%dns" % ns
    if ns < 10 ** 6:
        unit, div, prec = "µs", 10 ** 3, 3
    elif ns < 10 ** 9:
        unit, div, prec = "ms", 10 ** 6, 6
    elif ns < 60 * 10 ** 9:
        unit, div, prec = "s", 10 ** 9, 9
    else:
        minutes, rest = divmod(ns, 60 * 10 ** 9)
        return "%dm%s" % (minutes, go_duration(rest) if rest >= 10 ** 9 else "0s")
    whole, frac = divmod(ns, div)
    f = ("%0*d" % (prec, frac)).rstrip("0")
    return "%d%s%s" % (whole, "." + f if f else "", unit)


def rand_go_duration(lo_ms, hi_ms, rounded=0.3):
    ms = lo_ms * (hi_ms / lo_ms) ** R.random()
    ns = int(ms * 10 ** 6)
    if R.random() < rounded and ns >= 10 ** 7:
        ns -= ns % 10 ** 7
    return go_duration(max(ns, 1))


def human_size(space=" ", units=("KB", "MB", "GB")):
    """A size whose unit varies: `912 KB`, `18.6 MB`, `1.2 GB` (or without the space)."""
    k = R.random()
    if k < 0.35:
        return "%d%s%s" % (R.randint(4, 1023), space, units[0])
    if k < 0.85:
        return "%.1f%s%s" % (R.uniform(1, 1023), space, units[1])
    return "%.1f%s%s" % (R.uniform(1, 12), space, units[2])


class Cycle:
    """Draws from a pool in seeded shuffled rounds: two draws in a row differ whenever the pool
    holds two different values (used for slots of rare event types)."""

    def __init__(self, pool):
        self.pool = list(pool)
        assert len(set(map(repr, self.pool))) >= 2, pool
        self.queue = []

    def __call__(self):
        if not self.queue:
            q = self.pool[:]
            R.shuffle(q)
            self.queue = q
        return self.queue.pop()


class Clock:
    """Integer nanosecond clock starting on 2026-12-07 at a random second of the morning (UTC)."""

    def __init__(self):
        self.start = calendar.timegm((2026, 12, 7, 0, 0, 0)) + R.randint(6 * 3600, 11 * 3600)
        self.ns = self.start * 10 ** 9 + R.randint(0, 10 ** 9 - 1)

    def tick(self):
        self.ns += R.randint(3 * 10 ** 6, 2600 * 10 ** 6)

    def g(self, offset_s=0):
        return time.gmtime(self.ns // 10 ** 9 + offset_s)

    def frac(self, digits):
        return "%0*d" % (digits, (self.ns % 10 ** 9) // 10 ** (9 - digits))

    def ymd(self, sep="-", offset_s=0):
        g = self.g(offset_s)
        return "%04d%s%02d%s%02d" % (g.tm_year, sep, g.tm_mon, sep, g.tm_mday)

    def hms(self, offset_s=0):
        g = self.g(offset_s)
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def graylog(self):
        """log4j2 `%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}` in a UTC+01:00 zone."""
        return "%sT%s.%s+01:00" % (self.ymd(offset_s=3600), self.hms(3600), self.frac(3))

    def epoch_ns(self):
        return str(self.ns)

    def gitea(self):
        """Go `log` date and time flags: `2026/12/07 10:00:00`."""
        return "%s %s" % (self.ymd("/"), self.hms())

    def journal(self):
        """journalctl `short` output: `Dec 07 10:00:00`."""
        g = self.g()
        return "%s %02d %s" % (MONTHS[g.tm_mon - 1], g.tm_mday, self.hms())

    def erlang(self):
        """RabbitMQ's logger time stamp: `2026-12-07 10:00:00.123456+00:00`."""
        return "%s %s.%s+00:00" % (self.ymd(), self.hms(), self.frac(6))

    def kibana(self):
        """Kibana's JSON layout `@timestamp`: `2026-12-07T10:00:00.123+00:00`."""
        return "%sT%s.%s+00:00" % (self.ymd(), self.hms(), self.frac(3))

    def iso_z(self, ns):
        g = time.gmtime(ns // 10 ** 9)
        return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec,
                                                      (ns % 10 ** 9) // 10 ** 6)


# ------------------------------------------------------------------------------------------
# Filling a template.
def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and v == v.strip(), (template, values)
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    """(content, template, values) of one line of an event type."""
    values = tuple(str(v) for v in values)
    return fill(template, values), template, values


# ------------------------------------------------------------------------------------------
def kibana_message(line):
    return json.loads(line)["message"]


def write(system, clock, events, render, content_of=None):
    """events: list of (count, tag, gen); gen() -> ev(...), called after the clock ticked for
    the line; render(tag, content) -> the raw line. Counts sum to LINES; the order of lines is a
    seeded shuffle. Checks that every slot of every event type takes two or more values.
    content_of: None when the raw line ends with Content; else a function giving the Content of
    a raw line (Kibana: the decoded `message` member)."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    assert 13 <= len(events) <= 14, system
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    R.shuffle(order)
    rows, raw = [], []
    slot_values = {}
    templates = {}
    for i, k in enumerate(order):
        _, tag, gen = events[k]
        clock.tick()
        content, template, values = gen()
        assert templates.setdefault(k, template) == template, (system, template)
        line = render(tag, content)
        assert "\n" not in line and "\r" not in line, (system, line)
        if content_of is None:
            assert line.endswith(content), (system, line)
        else:
            assert content_of(line) == content, (system, line)
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(line)
        seen = slot_values.setdefault(k, [set() for _ in values])
        assert len(seen) == len(values), (system, template)
        for s, v in zip(seen, values):
            s.add(v)
    for k, seen in slot_values.items():
        for j, s in enumerate(seen):
            assert len(s) >= 2, (system, "E%d" % (k + 1), "slot %d" % (j + 1), s)
    folder = os.path.join(HERE, system)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, system + ".log"), "w", newline="", encoding="utf-8") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(folder, system + ".log_structured.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


# ------------------------------------------------------------------------------------------
# 1. Graylog `server.log` (the package's log4j2 rolling file appender) with the pattern
#    `%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5p [%c{1}] %m%n`:
#    `2026-12-07T11:00:00.123+01:00 INFO  [InputStateListener] message` (short logger name in
#    brackets, level padded to 5). Content is what follows `[Logger] `.
def graylog():
    c = Clock()
    nodes = [uuid() for _ in range(3)]
    heap_max = {nodes[0]: "4096", nodes[1]: "8192", nodes[2]: "8192"}
    index_sets = [("Default index set", hexid(24), "graylog"), ("Firewall (perimeter)", hexid(24), "fw"),
                  ("k8s audit / 90 days", hexid(24), "k8saudit"), ("Windows DCs", hexid(24), "wineventlog")]
    current_index = {p: R.randint(8, 400) for _, _, p in index_sets}

    def index_name():
        p = pick(index_sets)[2]
        return "%s_%d" % (p, current_index[p] - R.choice([0, 0, 0, 1]))

    inputs = [("Syslog UDP", hexid(24)), ("GELF TCP", hexid(24)), ("Raw/Plaintext TCP", hexid(24)), ("Beats", hexid(24)),
              ("CEF AMQP", hexid(24)), ("GELF HTTP", hexid(24))]

    def wrote():
        s = pick(index_sets)
        return ev("Wrote <*> messages to index set \"<*>\" (<*>) in <*> ms", num(1, 5000), s[0], s[1], num(2, 4200))

    index_errors = ["mapper_parsing_exception: failed to parse field [src_port] of type [long]: value <ssh> is not a number",
                    "illegal_argument_exception: Limit of total fields [1000] has been exceeded",
                    "document_parsing_exception: [1:212] object mapping for [user] tried to parse field [user] as object, but found a concrete value",
                    "es_rejected_execution_exception: rejected execution of coordinating operation [coordinating_and_primary_bytes=104857600, "
                    "replica_bytes=0, all_bytes=104857600, operation_bytes=98765, max_coordinating_and_primary_bytes=107374182]",
                    "timeout"]

    def index_failed():
        return ev("Failed to index message: index=<<*>> id=<<*>> error=<<*>>", index_name(), uuid1(), pick(index_errors))

    adapters = [("geoip-city", hexid(24)), ("threat-intel-otx", hexid(24)), ("asset-inventory csv", hexid(24)), ("user-ou-map", hexid(24))]

    def refreshed():
        a = pick(adapters)
        return ev("Refreshed data adapter <*> [<*>] in <*> ms, <*> entries loaded", a[0], a[1], num(3, 9000), num(10, 3200000))

    def journal():
        return ev("Journal utilization is at <*>% of <*> (<*> unprocessed messages), inputs may be throttled",
                  "%.1f" % R.uniform(70, 99.9), pick(["5gb", "12gb", "512mb"]), num(20000, 9000000))

    rules = ["drop debug noise", "parse \"key=value\" pairs", "geoip: src_ip", "normalize Windows 4624/4625", "tag"]
    pipelines = ["Firewall enrichment", "Windows", "k8s: audit normalize"]
    rule_errors = ["In call to function 'to_long' at 3:12 an exception was thrown: For input string: \"n/a\"",
                   "Value for parameter 'value' is null",
                   "Regex ^(\\d+):(\\w+)$ did not match",
                   "Invalid IP address \"10.0.0.300\"",
                   "In call to function 'lookup_value' at 7:4 an exception was thrown: Lookup table <asset-inventory> is not available, "
                   "the data adapter is still starting (state STARTING)"]

    def rule_failed():
        return ev("Error evaluating rule \"<*>\" in stage <*> of pipeline \"<*>\" for message <*>: <*>",
                  pick(rules), pick(["-1", "0", "1", "2", "5"]), pick(pipelines), uuid1(), pick(rule_errors))

    def input_ev(word):
        def gen():
            i = pick(inputs)
            return ev("Input [<*>/<*>] " + word + " on node <*>", i[0], i[1], pick(nodes))
        return gen

    def throughput():
        n = pick(nodes)
        return ev("Node <*> throughput: in=<*>/s out=<*>/s process_buffer=<*>/65536 output_buffer=<*>/65536 journal=<*> "
                  "(<*> segments) heap=<*>/<*> MB gc=<*> ms",
                  n, num(200, 48000), num(200, 48000), num(0, 65536), num(0, 65536), human_size(), num(1, 60),
                  num(300, int(heap_max[n]) - 1), heap_max[n], num(0, 900))

    set_cycle = Cycle(index_sets)

    rotation_reasons = Cycle(["Index size 31.8 GB is higher than the limit 30.0 GB",
                              "Max age P1D reached",
                              "Index <fw_41> holds 20001234 documents, more than the configured 20000000",
                              "no documents for P7D"])
    def rotate():
        s = set_cycle()
        return ev("Deflector index <<*>> (index set <<*>>) should be rotated: <*>", "%s_%d" % (s[2], current_index[s[2]]), s[0],
                  rotation_reasons())

    created = Cycle(["2026-09-14T00:00:12.000Z", "2026-10-02T06:30:00.000Z", "2026-08-30T23:59:41.000Z", "2026-11-01T12:00:03.000Z"])

    def retention(closed):
        def gen():
            vals = ["%s_%d" % (pick(index_sets)[2], R.randint(1, 7)), num(0, 40000000), created()]
            tail = ""
            if closed:
                tail = ", closed <*> days ago"
                vals.append(num(1, 60))
            return ev("Retention: index <*> deleted (<*> documents, created <*>" + tail + ")", *vals)
        return gen

    missed = Cycle(["45s", "2m10s", "1m0s", "5m31s"])
    node_cycle = Cycle(nodes)
    users = Cycle(["admin", "j.okafor", "svc-maintenance"])

    events = [
        (79, ("INFO", "BlockingBatchedESOutput"), wrote),
        (50, ("WARN", "Messages"), index_failed),
        (34, ("INFO", "LookupDataAdapterRefreshService"), refreshed),
        (28, ("WARN", "JournalUtilizationChecker"), journal),
        (22, ("ERROR", "PipelineInterpreter"), rule_failed),
        (18, ("INFO", "InputStateListener"), input_ev("launched")),
        (16, ("INFO", "InputStateListener"), input_ev("terminated")),
        (14, ("INFO", "ThroughputCalculator"), throughput),
        (10, ("WARN", "AbstractRotationStrategy"), rotate),
        (9, ("INFO", "DeletionRetentionStrategy"), retention(False)),
        (7, ("INFO", "DeletionRetentionStrategy"), retention(True)),
        (6, ("WARN", "NodePingThread"),
         lambda: ev("<*> missed <*> heartbeats, last one received <*> ago", node_cycle(), num(2, 30), missed())),
        (4, ("INFO", "ProcessingStatusRecorder"), lambda: ev("Message processing paused by <*>", users())),
        (3, ("INFO", "ProcessingStatusRecorder"), lambda: ev("Message processing resumed by <*>", users())),
    ]

    def render(tag, content):
        level, logger = tag
        return "%s %-5s [%s] %s" % (c.graylog(), level, logger, content)
    write("Graylog", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. Dqlite (the distributed SQLite of the Raft family) with its tracing switched on
#    (`LIBDQLITE_TRACE=1`), the only text log the C library writes, to stderr: one line a record,
#    `LIBDQLITE <epoch ns> <function>:<line> message`, and the bundled Raft's records in the same
#    shape with `LIBRAFT`. Content is what follows `<function>:<line> `.
def dqlite():
    c = Clock()
    servers = [(str(R.randint(10 ** 18, 9 * 10 ** 18)), "10.42.0.%d:9000" % (11 + i)) for i in range(3)]
    dbs = ["k8s", "app.db", "lxd-global"]
    sqls = ["INSERT INTO kv(key, value) VALUES(?, ?)",
            "UPDATE nodes SET heartbeat = :now WHERE id = :id",
            "DELETE FROM leases WHERE expiry < ?",
            "BEGIN",
            "COMMIT",
            "SELECT value FROM kv WHERE key = ? AND revision > ?",
            "INSERT INTO events(kind, payload, created_at) VALUES('resize', '{\"w\":1280,\"h\":720}', strftime('%s','now'))"]
    exec_id = {"n": R.randint(1000, 9000)}

    def next_id():
        exec_id["n"] += R.randint(1, 9)
        return exec_id["n"]

    term = {"t": R.randint(20, 90)}
    index = {"i": R.randint(10 ** 5, 10 ** 6)}

    def idx():
        index["i"] += R.randint(1, 40)
        return index["i"]

    def send():
        s = pick(servers[1:])
        return ev("send <*> entries starting at <*> to server <*> at <*> (term <*>)",
                  num(1, 64), idx(), s[0], s[1], term["t"] + pick([0, 0, 0, 1]))

    request_types = ["EXEC_SQL", "QUERY_SQL", "PREPARE", "FINALIZE", "LEADER", "OPEN", "EXEC", "QUERY"]

    def vote(granted):
        def gen():
            s = pick(servers)
            if granted:
                return ev("vote request from server <*> for term <*> granted", s[0], term["t"] + R.randint(0, 3))
            return ev("vote request from server <*> for term <*> rejected: <*>", s[0], term["t"] + R.randint(0, 3),
                      pick(["log not up-to-date",
                            "already voted for %s" % pick(servers)[0],
                            "leader is alive (last contact %d ms ago)" % R.randint(5, 400),
                            "stale term"]))
        return gen

    roles = ["voter", "standby", "spare"]

    def config_changed():
        local = pick(servers)
        leader = pick(servers)
        i = idx()
        return ev("configuration changed at index <*>: <*> voters, <*> standbys, <*> spares; local server <*> is <*>; "
                  "leader <*> at <*>; commit <*> applied <*>",
                  i, pick(["3", "3", "5"]), num(0, 2), num(0, 3), local[0], pick(roles), leader[0], leader[1], i, i - R.randint(0, 12))

    def snapshot():
        return ev_snapshot("taken")

    def ev_snapshot(word):
        return ev("snapshot " + word + " at index <*> term <*> size <*>", idx(), term["t"] + R.randint(0, 2), num(40000, 900000000))

    exec_errors = Cycle(["database is locked", "UNIQUE constraint failed: kv.key", "no such table: t_orders_2026",
                         "disk I/O error"])
    rvs = Cycle(["5", "19", "1", "10"])

    events = [
        (79, ("LIBDQLITE", "handle_exec_sql", 412),
         lambda: ev("exec id:<*> db:<*> sql:<*>", next_id(), pick(dbs), pick(sqls))),
        (50, ("LIBRAFT", "sendAppendEntries", 187), send),
        (36, ("LIBDQLITE", "gateway__handle", 1263),
         lambda: ev("handle request type:<*> schema:<*> fd:<*>", pick(request_types), pick(["0", "0", "1"]), num(9, 140))),
        (28, ("LIBRAFT", "recvRequestVote", 96), vote(True)),
        (22, ("LIBRAFT", "recvRequestVote", 141), vote(False)),
        (18, ("LIBDQLITE", "vfsWalFrames", 2218),
         lambda: ev("vfs write frames db:<*> n:<*> commit:<*> page_size:4096", pick(dbs), num(1, 300), pick(["0", "1"]))),
        (16, ("LIBDQLITE", "fsm__apply_frames", 305),
         lambda: ev("fsm apply frames db:<*> pages:<*> truncate:<*>", pick(dbs), num(1, 300), pick(["0", "0", "0", num(2, 9000)]))),
        (12, ("LIBRAFT", "configurationApply", 73), config_changed),
        (10, ("LIBDQLITE", "leader_exec_cb", 528), lambda: ev("exec failed id:<*> rv:<*>", next_id(), rvs())),
        (8, ("LIBRAFT", "takeSnapshotCb", 612), snapshot),
        (7, ("LIBDQLITE", "conn__stop", 219),
         lambda: ev("<*>: connection closed, fd:<*> rv:<*>", "0x%012x" % R.randint(0x550000000000, 0x56ffffffffff), num(9, 140),
                    pick(["0", "-1", "1", "11"]))),
        (6, ("LIBRAFT", "installSnapshotCb", 1411), lambda: ev_snapshot("installed")),
        (5, ("LIBDQLITE", "leader_exec_cb", 533),
         lambda: ev("exec failed id:<*> rv:<*> msg:<*>", next_id(), rvs(), exec_errors())),
        (3, ("LIBDQLITE", "dqlite_node_stop", 701), lambda: ev("node stopped, raft closed")),
    ]

    def render(tag, content):
        prefix, func, line = tag
        return "%s %s %s:%d %s" % (prefix, c.epoch_ns(), func, line, content)
    write("Dqlite", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. Gitea (1.20 and later) default console/file logger: Go log flags `stdflags` (date, time,
#    medium file name, short function name, level initial):
#    `2026/12/07 10:00:00 ...eb/routing/logger.go:102:func1() [I] router: completed GET / ...`.
#    The medium file name keeps the last 20 characters of the path after `...`. Lines of the
#    router logger and of the queues. Content is what follows `[L] `.
def medfile(path):
    return path if len(path) <= 20 else "..." + path[-20:]


def gitea():
    c = Clock()
    owners = ["infra", "alice", "web-team", "mirrors", "k.tanaka"]
    repos = ["ansible-roles", "dotfiles", "storefront", "linux-stable", "design.system", "handbook"]

    def repo():
        return "%s/%s" % (pick(owners), pick(repos))

    clients = ["10.0.3.%d" % R.randint(2, 250) for _ in range(8)] + ["[fd00:3::%x]" % R.randint(1, 0xffff) for _ in range(3)]

    def client():
        return "%s:%s" % (pick(clients), eph_port())

    ok = ["200 OK"] * 8 + ["304 Not Modified", "500 Internal Server Error"]
    routes = [
        (["GET"], lambda: "/", "web/home.go:31(web.Home)", ok),
        (["GET", "POST"], lambda: "/user/login", "auth/auth.go:168(auth.SignIn)", ["200 OK", "303 See Other"]),
        (["GET"], lambda: "/" + repo(), "repo/view.go:725(repo.Home)", ok),
        (["GET"], lambda: "/%s/src/branch/main/%s" % (repo(), pick(["README.md", "roles/nginx/tasks/main.yml", "docs/ops/runbook%20(old).md"])),
         "repo/view.go:725(repo.Home)", ok),
        (["GET"], lambda: "/%s/commit/%s" % (repo(), hexid(40)), "repo/commit.go:272(repo.Diff)", ok + ["404 Not Found"]),
        (["GET"], lambda: "/api/v1/repos/%s/issues?state=open&page=%d" % (repo(), R.randint(1, 9)), "v1/repo/issue.go:309(repo.ListIssues)", ok),
        (["POST"], lambda: "/api/actions/runner.v1.RunnerService/FetchTask", "actions/runner/runner.go:142(runner.(*Service).FetchTask)",
         ["200 OK", "401 Unauthorized"]),
        (["GET"], lambda: "/%s/pulls/%d/files" % (repo(), R.randint(1, 900)), "repo/pull.go:741(repo.ViewPullFiles)", ok),
        (["PUT", "DELETE"], lambda: "/api/v1/repos/%s/topics/%s" % (repo(), pick(["go", "infra", "k8s"])),
         "v1/repo/topic.go:118(repo.AddTopic)", ["204 No Content", "422 Unprocessable Entity"]),
        (["GET"], lambda: "/%s.git/info/refs?service=git-upload-pack" % repo(), "repo/githttp.go:492(repo.GetInfoRefs)", ok),
    ]

    def completed():
        methods, path, handler, statuses = pick(routes)
        return ev("router: completed <*> <*> for <*>, <*> in <*>ms @ <*>", pick(methods), path(), client(), pick(statuses),
                  "%.1f" % (R.uniform(0.1, 400) if R.random() < 0.9 else R.uniform(400, 2900)), handler)

    def slow():
        methods, path, handler, _ = pick(routes[2:])
        return ev("router: slow <*> <*> for <*>, elapsed <*>ms @ <*>", pick(methods), path(), client(),
                  "%.1f" % R.uniform(3000, 40000), handler)

    polls = Cycle([("GET", "/user/events", "events/events.go:18(events.Events)"),
                   ("GET", "/user/events", "events/events.go:18(events.Events)"),
                   ("POST", "/api/actions/runner.v1.RunnerService/FetchTask", "actions/runner/runner.go:142(runner.(*Service).FetchTask)")])

    def polling():
        m, p, h = polls()
        return ev("router: polling <*> <*> for <*>, elapsed <*>ms @ <*>", m, p, client(), "%.1f" % R.uniform(3000, 60000), h)

    unknown = Cycle([("GET", "/wp-login.php", "404 Not Found"), ("GET", "/.env", "404 Not Found"),
                     ("POST", "/api/v1/repos/migrate", "405 Method Not Allowed"), ("GET", "/favicon.ico", "404 Not Found")])

    def completed_no_handler():
        m, p, s = unknown()
        return ev("router: completed <*> <*> for <*>, <*> in <*>ms", m, p, client(), s, "%.1f" % R.uniform(0.1, 9))

    queues = ["notification-service", "issue_indexer", "webhook_sender", "pr_patch_checker", "mirror", "repo-archive", "stats_recalc"]
    max_workers = {q: pick(["1", "2", "4", "10"]) for q in queues}
    max_workers["webhook_sender"] = "10"
    max_workers["mirror"] = "4"

    def busy():
        q = pick(queues)
        return ev("Queue \"<*>\" is busy: <*> items pending, <*> of <*> workers active, oldest item waited <*>",
                  q, num(20, 20000), max_workers[q], max_workers[q], rand_go_duration(2000, 900000))

    queue_errors = ["context canceled",
                    "repository does not exist [id: 4412, uid: 0, owner_name: , name: ]",
                    "git push failed: exit status 128 - fatal: could not read Username for 'https://git.example.org': terminal prompts disabled",
                    "database is locked",
                    "Error 1213 (40001): Deadlock found when trying to get lock; try restarting transaction",
                    "Post \"https://hooks.example.com/gitea?token=***\": dial tcp 203.0.113.80:443: i/o timeout"]

    def worker(word):
        def gen():
            q = pick(queues)
            m = int(max_workers[q])
            return ev("Queue \"<*>\" " + word + " worker: <*> of <*> running", q, R.randint(1, m) if word == "added" else R.randint(0, m - 1), m)
        return gen

    def stats():
        q = pick(queues)
        pushed = R.randint(10, 90000)
        handled = max(0, pushed - R.randint(0, 400))
        return ev("Queue \"<*>\" stats: length=<*> workers=<*>/<*> batch=<*> pushed=<*> handled=<*> failed=<*> requeued=<*> avg=<*> max=<*>",
                  q, num(0, 5000), num(0, int(max_workers[q])), max_workers[q], pick(["20", "50", "1"]), pushed, handled,
                  num(0, 40), num(0, 90), rand_go_duration(0.2, 900), rand_go_duration(900, 120000))

    mirror_errors = Cycle(["exit status 128 - fatal: unable to access 'https://git.kernel.example/pub/scm/linux.git/': "
                           "Failed to connect to git.kernel.example port 443 after 130512 ms: Couldn't connect to server",
                           "context deadline exceeded",
                           "exit status 1 - error: RPC failed; curl 92 HTTP/2 stream 5 was not closed cleanly: CANCEL (err 8)",
                           "authentication required"])
    full = Cycle(["notification-service", "webhook_sender", "stats_recalc"])
    saved = Cycle([("webhook_sender", "/data/gitea/queues/common"), ("issue_indexer", "/var/lib/gitea/data/queues/common"),
                   ("mirror", "/data/gitea/queues/common")])

    R_ = "modules/web/routing/logger.go"
    Q = "modules/queue/workergroup.go"
    events = [
        (96, ("I", R_, 102, "func1"), completed),
        (36, ("W", Q, 141, "doStartNewWorker"), busy),
        (30, ("I", Q, 207, "doFlush"), lambda: ev("Queue \"<*>\" flushed <*> items in <*>", pick(queues), num(1, 9000),
                                                  rand_go_duration(0.05, 90000))),
        (26, ("W", R_, 68, "func1"), slow),
        (22, ("E", "modules/queue/workerqueue.go", 84, "handleBatch"),
         lambda: ev("Queue \"<*>\" failed to handle <*> items: <*>", pick(queues), num(1, 50), pick(queue_errors))),
        (20, ("I", Q, 251, "doStartNewWorker"), worker("added")),
        (18, ("I", "modules/queue/manager.go", 118, "logStats"), stats),
        (12, ("I", R_, 102, "func1"), completed_no_handler),
        (10, ("E", "services/mirror/mirror_pull.go", 466, "runSync"),
         lambda: ev("<*>: mirror update failed after <*>: <*>", "mirrors/" + pick(["linux-stable", "nixpkgs", "llvm-project", "go"]),
                    rand_go_duration(1000, 600000), mirror_errors())),
        (9, ("I", Q, 280, "doWorkerHandle"), worker("removed")),
        (8, ("I", R_, 47, "func1"), polling),
        (6, ("W", "modules/queue/workerqueue.go", 133, "Push"),
         lambda: ev("Queue \"<*>\" is full, push blocked for <*>", full(), rand_go_duration(1000, 90000))),
        (4, ("I", "modules/queue/workerqueue.go", 201, "Shutdown"),
         lambda: (lambda s: ev("Queue \"<*>\" shut down with <*> items persisted to <*>", s[0], num(1, 900), s[1]))(saved())),
        (3, ("I", "modules/queue/manager.go", 72, "FlushAll"), lambda: ev("Flushing all queues")),
    ]

    def render(tag, content):
        level, path, line, func = tag
        return "%s %s:%d:%s() [%s] %s" % (c.gitea(), medfile(path), line, func, level, content)
    write("Gitea", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. Knot Resolver 5 (`kresd@N.service` instances) read through `journalctl` in its default
#    `short` output: `Dec 07 10:00:00 dns-res-02 kresd[1187]: [tls   ] message`. The message starts
#    with kresd's log group, padded to six characters in brackets; addresses are printed
#    `ip#port` (the port zero-padded to five digits in upstream addresses) and listen addresses
#    `ip@port`. Content is what follows `kresd[pid]: `.
def knot():
    c = Clock()
    pids = [R.randint(900, 4000) for _ in range(4)]
    zones = ["example.org.", "shop.example.net.", "corp.example.", "example.com.", "mail.example.org."]

    def qname():
        return pick(["", "www.", "api.", "_dmarc.", "cdn-%d." % R.randint(1, 40), "x%s." % hexid(6)]) + pick(zones)

    rrtypes = ["A", "AAAA", "MX", "TXT", "DS", "DNSKEY", "HTTPS"]
    bogus = ["bogus RRSIG",
             "no valid DNSKEY for example.net.",
             "signature expired at 20261201000000",
             "DS for 'shop.example.net.' does not match any DNSKEY (key tags 20326, 38696)",
             "NSEC3 proof of non-existence failed: iterations 500 exceed the limit"]
    upstreams = ["192.0.2.53#00853", "198.51.100.53#00053", "2001:db8:53::1#00853", "2001:db8:53::2#00053", "203.0.113.9#00053"]

    def peer():
        if R.random() < 0.25:
            return "2001:db8:%x::%x#%s" % (R.randint(1, 0xfff), R.randint(1, 0xffff), eph_port())
        return "%s#%s" % (client_ip(), eph_port())

    tls_errors = ["Error in the push function.", "A TLS fatal alert has been received.",
                  "The TLS connection was non-properly terminated.", "An unexpected TLS packet was received.",
                  "certificate verification failed: signer not found (chain depth 2, subject 'CN=dns.example.net')"]
    snis = Cycle(["dns.example.net", "resolver.corp.example", "dot.example.org"])
    actions = ["DENY", "REFUSE", "DROP", "TC", "REROUTE"]

    def policy():
        return ev("[policy] '<*>' type <*> from <*> matched rule <*>: <*>", qname(), pick(rrtypes), peer(),
                  "%s:%d" % (pick(["blocklist.rpz", "malware.rpz", "local-policy"]), R.randint(1, 90000)), pick(actions))

    def stats():
        q = R.randint(2000, 400000)
        return ev("[stats ] last 60 s: queries=<*> answered=<*> noerror=<*> nxdomain=<*> servfail=<*> cached=<*>% bogus=<*> "
                  "udp=<*> tcp=<*> dot=<*> doh=<*> p50=<*> ms p99=<*> ms",
                  q, q - R.randint(0, 50), int(q * 0.8), int(q * 0.15), num(0, 900), num(40, 95), num(0, 80),
                  int(q * 0.7), int(q * 0.1), int(q * 0.15), int(q * 0.05), num(1, 9), num(40, 900))

    ta_zones = [".", "corp.example.", "lab.example.org."]

    def refresh(word):
        def gen():
            return ev("[taupd ] active refresh " + word + " for <*>, next refresh in <*> s", pick(ta_zones), num(60, 43200))
        return gen

    prefill = Cycle([("/var/cache/knot-resolver/root.zone", "22613", "2026120700"),
                     ("/tmp/kresd-prefill.zone.tmp", "22617", "2026120701"),
                     ("/var/cache/knot-resolver/root.zone", "22617", "2026120701")])
    binds = Cycle([("127.0.0.1@53", "UDP", "Address already in use"), ("::1@853", "TLS", "Cannot assign requested address"),
                   ("192.0.2.10@443", "DoH2", "Permission denied"), ("127.0.0.1@53", "TCP", "Address already in use")])
    config_errors = Cycle([("/etc/knot-resolver/kresd.conf", "57", "attempt to call field 'add' (a nil value)"),
                           ("/etc/knot-resolver/policy.lua", "12", "'}' expected (to close '{' at line 9) near 'policy'"),
                           ("/etc/knot-resolver/kresd.conf", "103", "module 'http' not found")])
    signals = Cycle(["SIGTERM", "SIGINT"])

    events = [
        (79, None, lambda: ev("[dnssec] validation of '<*>' type <*> failed: <*>", qname(), pick(rrtypes), pick(bogus))),
        (50, None, lambda: ev("[io    ] => connection to '<*>' failed (<*>), flagged as 'bad'", pick(upstreams),
                              pick(["connection refused", "timeout", "network unreachable", "connection reset by peer"]))),
        (34, None, lambda: ev("[tls   ] TLS handshake with <*> has failed: <*>", peer(), pick(tls_errors))),
        (28, None, policy),
        (22, None, lambda: ev("[cache ] GC: usage <*>% > limit 80%, deleted <*> records, freed <*> in <*> ms",
                              num(80, 99), num(100, 900000), human_size(" ", ("KiB", "MiB", "GiB")), num(1, 4000))),
        (18, None, stats),
        (16, None, refresh("succeeded")),
        (14, None, refresh("failed")),
        (10, None, lambda: ev("[tls   ] TLS handshake with <*> (SNI '<*>') has failed: <*>", peer(), snis(), pick(tls_errors))),
        (9, None, lambda: (lambda p: ev("[prefil] root zone <*> loaded: <*> records, serial <*>, next refresh in <*> s",
                                        p[0], p[1], p[2], num(3600, 86400)))(prefill())),
        (7, None, lambda: ev("[net   ] bind to '<*>' (<*>): <*>", *binds())),
        (6, None, lambda: ev("[system] error while loading config: <*>:<*>: <*>", *config_errors())),
        (4, None, lambda: ev("[system] received <*>, stopping", signals())),
        (3, None, lambda: ev("[system] root hints were not loaded, using compiled-in defaults")),
    ]

    def render(_, content):
        return "%s dns-res-02 kresd[%d]: %s" % (c.journal(), pick(pids), content)
    write("KnotResolver", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. RabbitMQ (3.9 and later) with the stream plugin, the default file log of Erlang's
#    `logger` as RabbitMQ formats it: `2026-12-07 10:00:00.123456+00:00 [info] <0.4821.0> message`
#    (level in lower case, the Erlang pid of the process that logged). Multi-line messages
#    (continuation lines) are left out. Content is what follows `<pid> `.
def rabbitmq():
    c = Clock()
    server_ips = ["10.1.0.10", "10.1.0.11", "10.1.0.12"]
    client_ips = ["10.1.4.%d" % R.randint(2, 250) for _ in range(6)] + ["172.20.0.%d" % R.randint(2, 250) for _ in range(2)]

    def conn_name():
        return "%s:%s -> %s:%s" % (pick(client_ips), eph_port(), pick(server_ips), pick(["5552", "5552", "5551"]))

    streams = [("orders", "prod"), ("invoices.v2", "prod"), ("telemetry-eu-west", "iot/eu"), ("sensor readings (raw)", "iot/eu"),
               ("audit", "/")]
    nodes = ["rabbit@rmq-%d.rmq-nodes.mq.svc" % i for i in range(3)]
    epochs = {s[0]: R.randint(2, 40) for s in streams}

    def epid():
        return "<0.%d.0>" % R.randint(600, 90000)

    offsets = lambda: pick(["first", "last", "next", "{offset,%d}" % R.randint(0, 9 * 10 ** 6),
                            "{timestamp,%d}" % (c.ns // 10 ** 9 - R.randint(60, 86400))])

    def subscribed():
        s = pick(streams)
        return ev("Subscription <*> on '<*>' in vhost '<*>' created for connection <*>, offset spec <*>, initial credit <*>",
                  num(0, 40), s[0], s[1], conn_name(), offsets(), pick(["1", "10", "100"]))

    def publisher():
        s = pick(streams)
        return ev("Stream publisher <*> declared on connection <*> for stream '<*>' in vhost '<*>' with reference <*>",
                  num(0, 20), conn_name(), s[0], s[1],
                  pick(["undefined", "undefined", "<<\"billing-writer-%d\">>" % R.randint(1, 6), "<<\"edge gw %s\">>" % hexid(4)]))

    states = ["tcp_connected", "peer_properties_exchanged", "authenticating", "tuning", "tuned", "opened"]
    publish_errors = ["stream_not_available",
                      "{not_leader,'rabbit@rmq-1.rmq-nodes.mq.svc'}",
                      "{badmatch,{error,{no_exists,{'__orders_1796590001234567890',osiris_writer}}}}",
                      "access_refused: write access to stream 'orders' in vhost 'prod' refused for user 'svc-billing'",
                      "{timeout,{gen_server,call,[<0.5521.0>,{write,<<\"order-7781\">>},5000]}}"]

    def publish_failed():
        s = pick(streams)
        return ev("Stream publisher <*> on connection <*> failed to publish to '<*>': <*>", num(0, 20), conn_name(), s[0],
                  pick(publish_errors))

    def leader(word):
        def gen():
            s = pick(streams)
            epochs[s[0]] += 1
            return ev("rabbit_stream_coordinator: '<*>' in vhost '<*>': leader " + word + " on node <*> in epoch <*>",
                      s[0], s[1], pick(nodes), epochs[s[0]])
        return gen

    def member(s):
        return "__%s_%d" % (re.sub(r"[^a-z0-9]", "", s.split()[0]), 1796500000000000000 + len(s) * 7919)

    def replica():
        s = pick(streams)
        return ev("osiris_replica:init/1: <*>: replica started from offset <*>, writer <*> on <*>", member(s[0]),
                  num(0, 9 * 10 ** 6), "<%d.%d.0>" % (R.randint(12000, 19999), R.randint(400, 9000)), pick(nodes))

    def retention():
        s = pick(streams)
        first = R.randint(0, 10 ** 6)
        last = first + R.randint(1000, 9 * 10 ** 6)
        return ev("Stream '<*>' in vhost '<*>' retention: <*> segments, <*> bytes, first offset <*>, last offset <*>, "
                  "committed <*>, max-age <*>, max-length-bytes <*>, readers <*>",
                  s[0], s[1], num(1, 400), num(10 ** 6, 9 * 10 ** 10), first, last, last - R.randint(0, 200),
                  pick(["7D", "24h", "undefined"]), pick(["20000000000", "500000000", "undefined"]), num(0, 12))

    users = ["stream-producer", "svc-billing", "admin", "iot-gateway"]

    def declared(max_age):
        def gen():
            s = pick(streams)
            vals = [s[0], s[1], pick(users), pick(["1", "3", "5"])]
            tail = ""
            if max_age:
                tail = ", max-age <*>"
                vals.append(pick(["7D", "24h", "30m", "P14D"]))
            return ev("Stream '<*>' in vhost '<*>' declared by user '<*>' with <*> replicas" + tail, *vals)
        return gen

    tcp_addrs = Cycle(["[::]:5552", "0.0.0.0:5552"])
    tls_addrs = Cycle(["[::]:5551", "0.0.0.0:5551"])

    events = [
        (82, "info", subscribed),
        (52, "info", publisher),
        (36, "warning", lambda: ev("Stream connection <*> timed out in state '<*>' after <*> ms, closing", conn_name(), pick(states),
                                   pick(["10000", "20000", "60000", num(1000, 90000)]))),
        (28, "error", publish_failed),
        (22, "info", leader("elected")),
        (18, "info", replica),
        (16, "warning", leader("evicted")),
        (14, "info", retention),
        (12, "info", declared(False)),
        (7, "info", declared(True)),
        (6, "warning", lambda: ev("<*>: connection closed before the stream handshake completed", conn_name())),
        (4, "notice", lambda: ev("Started stream TCP listener on <*>", tcp_addrs())),
        (3, "notice", lambda: ev("Started stream TLS listener on <*>", tls_addrs())),
    ]

    def render(level, content):
        return "%s [%s] %s %s" % (c.erlang(), level, epid(), content)
    write("RabbitMQStream", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. Kibana 8.x with the `json` layout on its appender: one ECS JSON object a line,
#    `{"ecs":{"version":"8.11.0"},"@timestamp":"2026-12-07T10:00:00.123+00:00","message":"...",
#    "log":{"level":"INFO","logger":"plugins.alerting"},"process":{"pid":7,"uptime":12.345}}`; error
#    records carry `"error":{"message":...,"type":...,"stack_trace":...}` after `message`; the
#    `http.server.response` records add `http` and `url` members at the end. Content is the
#    string value of the top-level `message` member, JSON-decoded (`\"` read as `"`).
def kibana():
    c = Clock()
    boot_ns = c.ns - R.randint(300, 90000) * 10 ** 9
    current = {}
    rules = [("CPU > 90% on \"prod\" hosts", uuid()), ("Error rate", uuid()), ("Disk watermark (hot tier)", uuid()),
             ("5xx spike: checkout-service", uuid()), ("Heartbeat missing for > 5m", uuid()),
             ("Failed logins from the same source IP within 10 minutes across all Windows domain controllers", uuid())]
    rule_types = {r[1]: pick([".es-query", ".index-threshold", "metrics.alert.threshold", "xpack.uptime.alerts.monitorStatus",
                              "siem.queryRule"]) for r in rules}

    def rule_done():
        r = pick(rules)
        return ev("Rule \"<*>\" (<*>) of type <*> completed in <*>ms with <*> active alerts", r[0], r[1], rule_types[r[1]],
                  num(12, 9000), pick(["0", "0", "0", num(1, 300)]))

    paths = ["/api/status", "/api/saved_objects/_find?type=index-pattern&search_fields=title&search=logs-*",
             "/internal/search/ese", "/api/fleet/agents?perPage=20&page=%d", "/app/dashboards", "/api/alerting/rules/_find?per_page=100",
             "/internal/security/me", "/bundles/plugin/lens/8.11.0/lens.chunk.%d.js"]
    methods = {"/internal/search/ese": "POST"}

    def response():
        p = pick(paths)
        path = p % R.randint(1, 40) if "%d" in p else p
        m = methods.get(p, "GET")
        status = pick(["200", "200", "200", "200", "304", "401", "404", "500"])
        ms = R.randint(1, 4000)
        size = human_size("", ("B", "KB", "MB")) if R.random() < 0.9 else "%d.0B" % R.randint(0, 900)
        current["http"] = (m, path, int(status), ms)
        return ev("<*> <*> <*> <*>ms - <*>", m, path, status, ms, size)

    task_types = ["alerting:.es-query", "actions:.email", "reports:monitor", "fleet:check-deleted-files-task",
                  "endpoint:user-artifact-packager"]
    task_errors = ["Error: Request timed out",
                   "ResponseError: search_phase_execution_exception: [illegal_argument_exception] Reason: Text fields are not optimised for "
                   "operations that require per-document field data like aggregations and sorting, so these operations are disabled by "
                   "default. Please use a keyword field instead.",
                   "Error: Saved object [action/%s] not found" % uuid(),
                   "TypeError: Cannot read properties of undefined (reading 'hits')",
                   "Error: ECONNRESET"]

    def task_failed(retry):
        def gen():
            vals = [pick(task_types), uuid(), num(1, 5)]
            mid = ""
            if retry:
                mid = ", retrying at <*>"
                vals.append(c.iso_z(c.ns + R.randint(30, 3600) * 10 ** 9))
            vals.append(pick(task_errors))
            return ev("Task <*> \"<*>\" failed in attempt <*>" + mid + ": <*>", *vals)
        return gen

    def report():
        return ev("Report <*> (<*>) finished: <*> bytes in <*>ms", hexid(20), pick(["printable_pdf_v2", "csv_searchsource", "PNGV2"]),
                  num(2000, 90000000), num(400, 300000))

    auth_errors = [("[security_exception]: unable to authenticate user [alice] for REST request [/_security/_authenticate]", "ResponseError"),
                   ("Request timed out", "TimeoutError"),
                   ("[invalid_grant]: token has expired", "ResponseError"),
                   ("SAML response is not valid: the assertion's NotOnOrAfter condition (2026-12-07T09:55:00Z) has passed", "Error")]

    def auth_failed():
        e = pick(auth_errors)
        current["error"] = e
        return ev("Authentication attempt failed for \"<*>\" using provider <*>: <*>", pick(["alice", "b.meyer", "elastic", "svc-ci",
                                                                                              "j.doe@example.org"]),
                  pick(["basic.basic1", "saml.okta", "token.token1"]), e[0])

    statuses = [("available", "degraded"), ("degraded", "available"), ("degraded", "unavailable"), ("unavailable", "degraded")]

    def status():
        s = pick(statuses)
        return ev("Kibana is now <*> (was <*>)", s[0], s[1])

    es_errors = ["connect ECONNREFUSED 10.1.2.3:9200", "getaddrinfo ENOTFOUND es-master-0.es.svc",
                 "security_exception: [security_exception] Reason: missing authentication credentials for REST request "
                 "[/_nodes?filter_path=nodes.*.version%2Cnodes.*.http.publish_address%2Cnodes.*.ip]",
                 "Request timed out"]
    steps = [("INIT", "WAIT_FOR_YELLOW_SOURCE"), ("WAIT_FOR_YELLOW_SOURCE", "UPDATE_SOURCE_MAPPINGS"),
             ("UPDATE_SOURCE_MAPPINGS", "CHECK_VERSION_INDEX_READY_ACTIONS"), ("CHECK_VERSION_INDEX_READY_ACTIONS", "DONE")]

    def migration():
        s = pick(steps)
        return ev("[<*>] migration step <*> -> <*> took <*>ms", pick([".kibana", ".kibana_task_manager", ".kibana_analytics"]),
                  s[0], s[1], num(1, 900))

    def health():
        return ev("Task Manager health: status=<*> capacity=<*>/<*> workers overdue=<*> p50_drift=<*>ms p99_drift=<*>ms load=<*>% "
                  "claim_duration=<*>ms polling=<*> last_successful_poll=<*>",
                  pick(["OK", "warn", "error"]), num(0, 10), pick(["10", "20"]), num(0, 400), num(0, 9000), num(1000, 900000),
                  num(0, 100), num(3, 2000), pick(["NoTasksClaimed", "RanOutOfCapacity", "PoolFilled"]),
                  c.iso_z(c.ns - R.randint(1, 600) * 10 ** 9))

    rule_cycle = Cycle(rules)
    editors = Cycle(["elastic", "alice", "svc-terraform"])

    def toggled(word):
        def gen():
            r = rule_cycle()
            return ev("Rule \"<*>\" (<*>) " + word + " by <*>", r[0], r[1], editors())
        return gen

    events = [
        (84, ("INFO", "plugins.alerting"), rule_done),
        (52, ("DEBUG", "http.server.response"), response),
        (36, ("WARN", "plugins.taskManager"), task_failed(False)),
        (28, ("INFO", "plugins.reporting.runTask"), report),
        (22, ("ERROR", "plugins.security.authentication"), auth_failed),
        (18, ("INFO", "status"), status),
        (16, ("WARN", "elasticsearch-service"), lambda: ev("Could not read node versions from Elasticsearch: <*>", pick(es_errors))),
        (12, ("INFO", "savedobjects-service"), migration),
        (10, ("WARN", "plugins.taskManager"), health),
        (8, ("WARN", "plugins.taskManager"), task_failed(True)),
        (6, ("INFO", "plugins.alerting"), toggled("enabled")),
        (5, ("INFO", "plugins.alerting"), toggled("disabled")),
        (3, ("INFO", "root"), lambda: ev("Shutdown requested, stopping plugins")),
    ]

    def render(tag, content):
        level, logger = tag
        rec = {"ecs": {"version": "8.11.0"}, "@timestamp": c.kibana(), "message": content}
        if level == "ERROR":
            msg, typ = current["error"]
            rec["error"] = {"message": msg, "type": typ,
                            "stack_trace": "%s: %s\n    at AuthenticationService.login (/usr/share/kibana/node_modules/@kbn/security-plugin/"
                                           "server/authentication/authenticator.js:412:17)\n    at processTicksAndRejections "
                                           "(node:internal/process/task_queues:95:5)" % (typ, msg)}
        rec["log"] = {"level": level, "logger": logger}
        rec["process"] = {"pid": 7, "uptime": round((c.ns - boot_ns) / 10 ** 9, 3)}
        if logger == "http.server.response":
            m, path, st, ms = current["http"]
            rec["http"] = {"request": {"method": m}, "response": {"status_code": st, "responseTime": ms}}
            rec["url"] = {"path": path.split("?")[0]}
        return json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
    write("Kibana", c, events, render, content_of=kibana_message)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


# Per system: the header that must precede Content on every raw line (Kibana is JSON).
HEADERS = {
    "Graylog": re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+01:00 (INFO |WARN |ERROR) \[[A-Za-z]+\] "),
    "Dqlite": re.compile(r"(LIBDQLITE|LIBRAFT) \d{19} [A-Za-z_]+:\d+ "),
    "Gitea": re.compile(r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d (\.\.\.)?[A-Za-z0-9_./-]{1,20}:\d+:[A-Za-z0-9_]+\(\) \[[IWE]\] "),
    "KnotResolver": re.compile(r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d\d \d\d:\d\d:\d\d dns-res-02 kresd\[\d+\]: "),
    "RabbitMQStream": re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\+00:00 \[(info|notice|warning|error)\] <0\.\d+\.0> "),
}
KIBANA_KEYS = ["ecs", "@timestamp", "message", "log", "process"]


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
        templates, counts, slots = {}, {}, {}
        for i, (row, line) in enumerate(zip(rows, lines)):
            assert len(row) == 4, (system, row)
            line_id, content, event_id, template = row
            assert line_id == str(i + 1), (system, line_id)
            assert re.fullmatch(r"E[0-9]+", event_id), (system, event_id)
            assert content and content == content.strip(), (system, i + 1)
            if system == "Kibana":
                obj = json.loads(line)
                assert obj["message"] == content, (system, i + 1)
                keys = [k for k in obj if k not in ("error", "http", "url")]
                assert keys == KIBANA_KEYS, (system, i + 1, list(obj))
                level, logger = obj["log"]["level"], obj["log"]["logger"]
                assert level in ("DEBUG", "INFO", "WARN", "ERROR"), (system, i + 1)
                assert ("error" in obj) == (level == "ERROR"), (system, i + 1)
                if "error" in obj:
                    assert list(obj)[3] == "error" and content.endswith(obj["error"]["message"]), (system, i + 1)
                assert ("http" in obj) == (logger == "http.server.response"), (system, i + 1)
                assert line == json.dumps(obj, ensure_ascii=False, separators=(",", ":")), (system, i + 1)
            else:
                assert line.endswith(content), (system, i + 1)
                h = HEADERS[system].fullmatch(line[:len(line) - len(content)])
                assert h, (system, i + 1, line)
            assert "<*><*>" not in template, (system, template)
            m = template_regex(template).fullmatch(content)
            assert m, (system, i + 1, template, content)
            assert templates.setdefault(event_id, template) == template, (system, event_id)
            counts[event_id] = counts.get(event_id, 0) + 1
            seen = slots.setdefault(event_id, [set() for _ in m.groups()])
            for s, v in zip(seen, m.groups()):
                s.add(v)
        assert len(set(templates.values())) == len(templates), system
        assert 13 <= len(counts) <= 14, (system, len(counts))
        assert min(counts.values()) >= 2, (system, counts)
        assert sum(1 for n in counts.values() if 2 <= n <= 10) >= 3, (system, counts)
        top = sorted(counts.values(), reverse=True)
        assert top[0] >= 3 * top[len(top) // 2], (system, counts)  # skewed frequencies
        for event_id, seen in slots.items():
            for j, s in enumerate(seen):
                assert len(s) >= 2, (system, event_id, "slot %d" % (j + 1), s)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary


def check_clock_order():
    """Timestamps never go back: the header times, read back in a sortable form."""
    def journal_key(l):
        m = re.match(r"([A-Z][a-z]{2}) (\d\d) (\d\d:\d\d:\d\d) ", l)
        return "%02d-%s %s" % (MONTHS.index(m.group(1)) + 1, m.group(2), m.group(3))

    parsers = {
        "Graylog": lambda l: l[:23],
        "Dqlite": lambda l: int(l.split(" ")[1]),
        "Gitea": lambda l: l[:19],
        "KnotResolver": journal_key,
        "RabbitMQStream": lambda l: l[:26],
        "Kibana": lambda l: json.loads(l)["@timestamp"],
    }
    for system, key in parsers.items():
        with open(os.path.join(HERE, system, system + ".log"), encoding="utf-8") as f:
            stamps = [key(l) for l in f.read().splitlines()]
        assert len(stamps) == LINES, system
        assert stamps == sorted(stamps), system


if __name__ == "__main__":
    graylog()
    dqlite()
    gitea()
    knot()
    rabbitmq()
    kibana()
    check_clock_order()
    for system, counts in self_check().items():
        print("%-14s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
