#!/usr/bin/env python3
"""Writes the sealed2 blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: CockroachDB, Redpanda, GitLabRunner, TorchServe, Kea, PBSPro.
Every line is made here from event formats written for this corpus, following each program's
documented default log layout (written from memory), with values from generators of this file.
No line, template or value list is copied from a real log or data set; the messages are invented
in each project's style. The corpus was written without running any template miner on it.

Deterministic: fixed seed 20261205, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
quoted string, a free-text reason, a list) is one `<*>`; punctuation around a value stays
literal (`(<*>)`, `'<*>'`, `"<*>"`, `key=<*>`, `[<*>]`, `{<*>}`, `‹<*>›`); a unit attached to a
number stays literal after it (`<*>ms`, `<*>s`, `<*>kb`); text that never changes within an
event type stays literal (column padding included). Event formats are written directly as their
templates: each `<*>` in a format is filled with one generated value, and every `<*>` slot takes
at least two different values within its event type (checked when the lines are made and again
on read-back).

At the end the files are read back and checked (see `self_check`).
"""
import calendar
import csv
import os
import random
import re
import string
import time

SEED = 20261205
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["CockroachDB", "Redpanda", "GitLabRunner", "TorchServe", "Kea", "PBSPro"]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
MIN_EVENTS, MAX_EVENTS = 12, 15


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def flt(a, b, digits=1):
    return "%.*f" % (digits, R.uniform(a, b))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def alnum(n):
    return "".join(R.choice(string.ascii_letters + string.digits) for _ in range(n))


def uuid():
    return "%s-%s-4%s-%s%s-%s" % (hexid(8), hexid(4), hexid(3), R.choice("89ab"), hexid(3), hexid(12))


def client_ip():
    kind = R.random()
    if kind < 0.45:
        return "203.0.113.%d" % R.randint(1, 254)
    if kind < 0.8:
        return "198.51.100.%d" % R.randint(1, 254)
    return "192.0.2.%d" % R.randint(1, 254)


def pod_ip():
    return "10.42.%d.%d" % (R.randint(0, 7), R.randint(2, 250))


def eph_port():
    return str(R.randint(32768, 60999))


def mac():
    return "%s:%s" % (pick(["52:54:00", "b8:27:eb", "3c:ec:ef", "00:1b:21"]),
                      ":".join("%02x" % R.randint(0, 255) for _ in range(3)))


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
    """Integer nanosecond clock starting on 2026-12-05 at a random second of the morning."""

    def __init__(self):
        self.start = calendar.timegm((2026, 12, 5, 0, 0, 0)) + R.randint(6 * 3600, 11 * 3600)
        self.ns = self.start * 10 ** 9 + R.randint(0, 10 ** 9 - 1)

    def tick(self):
        self.ns += R.randint(3 * 10 ** 6, 2400 * 10 ** 6)

    @property
    def g(self):
        return time.gmtime(self.ns // 10 ** 9)

    @property
    def unix(self):
        return self.ns // 10 ** 9

    def frac(self, digits):
        return "%0*d" % (digits, (self.ns % 10 ** 9) // 10 ** (9 - digits))

    def ymd(self, sep="-"):
        g = self.g
        return "%04d%s%02d%s%02d" % (g.tm_year, sep, g.tm_mon, sep, g.tm_mday)

    def hms(self):
        g = self.g
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def syslog(self):
        """`Dec  5 10:00:01` (day of month padded with a space)."""
        g = self.g
        return "%s %2d %s" % (MONTHS[g.tm_mon - 1], g.tm_mday, self.hms())


# ------------------------------------------------------------------------------------------
# Filling a template.
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
    """(content, template, values) of one line of an event type."""
    values = tuple(str(v) for v in values)
    return fill(template, values), template, values


# ------------------------------------------------------------------------------------------
def write(system, clock, events, render):
    """events: list of (count, tag, gen); gen() -> ev(...), called after the clock ticked for
    the line; render(tag, content) -> the raw line. Counts sum to LINES; the order of lines is a
    seeded shuffle. Checks that every slot of every event type takes two or more values."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    assert MIN_EVENTS <= len(events) <= MAX_EVENTS, system
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    R.shuffle(order)
    rows, raw = [], []
    slot_values = {}
    for i, k in enumerate(order):
        _, tag, gen = events[k]
        clock.tick()
        content, template, values = gen()
        line = render(tag, content)
        assert line.endswith(content) and "\n" not in line, (system, line)
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
# 1. CockroachDB, crdb-v2 file format:
#    `Lyymmdd hh:mm:ss.uuuuuu goid [chan@]file:line ⋮ [tags] counter<cont>message`, severity
#    letter I/W/E, `⋮` marks a redactable entry, `‹…›` encloses unsafe values, the continuation
#    marker of a single-line entry is a space. Content is what follows the counter and the
#    continuation marker.
def cockroach():
    c = Clock()
    state = {"counter": R.randint(50, 4000), "range": R.randint(80, 900)}
    node = "n3"
    peers = {"n1": "10.20.1.11", "n2": "10.20.1.12", "n4": "10.20.1.14", "n5": "10.20.1.15", "n6": "10.20.1.16"}
    tables = [104, 106, 107, 112, 118, 121]
    users = ["app_orders", "root", "reporting", "svc_ledger", "migrator"]
    dbs = ["orders", "ledger", "defaultdb", "analytics"]
    apps = ["orders-api", "psql", "ledger-worker", "metabase", "cockroach sql"]

    def key():
        return "/Table/%d/1/%d" % (pick(tables), R.randint(1000, 9999999))

    def rng():
        return str(R.randint(40, 2400))

    def tag_node():
        return "T1,Vsystem,%s" % node

    def tag_range():
        return "T1,Vsystem,%s,s3,r%s/%d:‹/Table/%d/1/%d›" % (node, rng(), R.randint(1, 3), pick(tables), R.randint(1000, 9999999))

    def tag_client():
        return "T1,Vsystem,%s,client=‹%s:%s›,user=‹%s›" % (node, client_ip(), eph_port(), pick(users))

    def tag_job():
        return "T1,Vsystem,%s,job=‹%s id=%d›" % (node, pick(["SCHEMA CHANGE", "AUTO CREATE STATS", "BACKUP", "ROW LEVEL TTL"]), R.randint(10 ** 17, 10 ** 18))

    def tag_pebble():
        return "T1,Vsystem,%s,s3,pebble" % node

    def tag_rebalancer():
        return "T1,Vsystem,%s,s3,store-rebalancer" % node

    split_reasons = ["load at %s qps above threshold" % num(2500, 9000) for _ in range(6)] + \
                    ["size %s MiB above threshold %s MiB" % (num(513, 900), "512") for _ in range(4)] + ["manual split"]
    heartbeat_errors = ["operation \"node liveness heartbeat\" timed out after 4.5s",
                        "context deadline exceeded",
                        "heartbeat rejected: liveness record epoch changed",
                        "result is ambiguous: error=rpc error: code = Unavailable"]
    job_types = ["SCHEMA CHANGE", "AUTO CREATE STATS", "BACKUP", "ROW LEVEL TTL", "IMPORT"]
    job_errors = ["context canceled", "relation \"orders\" is being dropped", "external storage: 403 Forbidden",
                  "transaction retry limit exceeded", "node n5 is draining"]
    descriptors = ["orders.public.line_items", "ledger.public.entries", "defaultdb.public.sessions",
                   "analytics.public.events_daily", "orders.public.customers"]
    wal_paths = Cycle(["/mnt/data1/cockroach/%06d.log" % R.randint(1000, 99999) for _ in range(3)])
    statuses = Cycle([("n1", "decommissioning"), ("n6", "decommissioned"), ("n5", "draining"), ("n2", "live")])

    def peer():
        n = pick(sorted(peers))
        return n, "%s:26257" % peers[n]

    def runtime():
        total = R.randint(600, 3000)
        return ev("runtime stats: <*> MiB RSS, <*> goroutines, <*> MiB Go heap (<*> MiB total), <*> MiB CGO, <*>% CPU, <*> GC pauses",
                  R.randint(total + 200, total + 2500), num(300, 2600), R.randint(200, total), total, num(40, 900), flt(1, 95), num(0, 14))

    def gossip():
        n, a = peer()
        return ev("started gossip client to <*> (‹<*>›)", n, a)

    def clock_offset():
        n, a = peer()
        ms = R.uniform(0.5, 380)
        return ev("clock offset from <*> at ‹<*>› is <*>ms, <*>% of the maximum tolerated offset", n, a, "%.3f" % ms, "%.0f" % (ms / 5))

    events = [
        (72, ("I", "2@", "server/status/runtime_log.go:614", tag_node), runtime),
        (52, ("I", "13@", "kv/kvserver/replica_command.go:483", tag_range),
         lambda: ev("initiating split of r<*> at key ‹<*>› (‹<*>›)", rng(), key(), pick(split_reasons))),
        (40, ("W", "", "kv/kvserver/replica_raft.go:1702", tag_range),
         lambda: (lambda n: ev("slow proposal on r<*>: waited <*>s for replication to <*> of <*> replicas", rng(), flt(1, 60, 2), R.randint(1, n - 1), n))(pick([3, 3, 3, 5]))),
        (30, ("I", "4@", "sql/pgwire/server.go:1052", tag_client),
         lambda: ev("client session opened for user ‹<*>› on database ‹<*>› (application ‹<*>›)", pick(users), pick(dbs), pick(apps))),
        (25, ("I", "3@", "pebble/event.go:1137", tag_pebble),
         lambda: (lambda lv: ev("[JOB <*>] compacted <*> tables from L<*> into L<*>: <*> MiB written in <*>s", num(1000, 90000), num(2, 40), lv, lv + 1, flt(1, 900), flt(0.1, 30, 2)))(R.randint(0, 5))),
        (20, ("W", "2@", "kv/kvserver/liveness/liveness.go:820", tag_node),
         lambda: ev("node liveness heartbeat failed after <*>s: ‹<*>›", flt(0.5, 9, 2), pick(heartbeat_errors))),
        (15, ("I", "13@", "kv/kvserver/store_rebalancer.go:455", tag_rebalancer),
         lambda: (lambda a, b: ev("transferring lease of r<*> (<*> qps) from s<*> to s<*> to balance load", rng(), flt(50, 4000, 2), a, b))(*R.sample([1, 2, 3, 4, 5, 6], 2))),
        (12, ("E", "", "jobs/registry.go:1691", tag_job),
         lambda: ev("job <*> of type ‹<*>› failed: ‹<*>›", R.randint(10 ** 17, 10 ** 18), pick(job_types), pick(job_errors))),
        (10, ("I", "1@", "gossip/client.go:131", tag_node), gossip),
        (8, ("W", "", "rpc/clock_offset.go:283", tag_node), clock_offset),
        (6, ("I", "", "sql/catalog/lease/lease.go:1407", tag_node),
         lambda: ev("released lease on descriptor <*> (‹<*>›) at version <*>", num(104, 140), pick(descriptors), num(2, 60))),
        (5, ("E", "3@", "storage/pebble.go:1288", tag_pebble),
         lambda: ev("disk slowness detected: write to ‹<*>› took <*>s", wal_paths(), flt(2, 25, 3))),
        (5, ("I", "1@", "server/node.go:1976", tag_node),
         lambda: ev("peer node <*> reported status <*> in the node status table", *statuses())),
    ]

    def render(tag, content):
        sev, chan, src, tags = tag
        state["counter"] += R.randint(1, 3)
        g = c.g
        return "%s%02d%02d%02d %s.%s %d %s%s ⋮ [%s] %d  %s" % (
            sev, g.tm_year % 100, g.tm_mon, g.tm_mday, c.hms(), c.frac(6), R.randint(150, 990000), chan, src, tags(), state["counter"], content)
    write("CockroachDB", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. Redpanda (Seastar logger): `LEVEL yyyy-mm-dd hh:mm:ss,mmm [shard N:group] logger - msg`,
#    the level left-aligned to 5; Redpanda's own messages start with `file.cc:line - `, raft and
#    controller messages with their context (`[group_id:N, {ns/topic/partition}] `) before it.
#    Content is what follows the logger name and its ` - `.
def redpanda():
    c = Clock()
    topics = ["orders", "payments.v2", "clickstream", "inventory-changes", "audit_log", "ml-features"]
    brokers = ["10.30.0.11:33145", "10.30.0.12:33145", "10.30.0.13:33145", "10.30.0.14:33145"]

    def part():
        return pick(topics), num(0, 23)

    def group():
        return num(1, 640)

    conn_errors = ["std::system_error (error system:104, Connection reset by peer)",
                   "std::system_error (error system:32, Broken pipe)",
                   "kafka::exception (unsupported api version 12 for Fetch)",
                   "seastar::timed_out_error (timedout)",
                   "request too large: 104857600 bytes"]
    methods = ["append_entries", "heartbeat", "vote", "update_leadership", "node_status"]
    consumer_groups = ["orders-enricher", "fraud-scorer", "clickstream-sink", "search-indexer", "audit-exporter"]
    sasl_errors = ["invalid credentials", "unknown user", "SCRAM client proof mismatch", "nonce expired"]
    tx_ids = ["orders-enricher-0", "orders-enricher-3", "payments-tx-1", "ledger-sync-7", "inventory-writer-2"]
    buckets = ["rp-tiered-prod", "rp-tiered-archive", "rp-tiered-dr"]
    disk_alerts = Cycle([("91", "/var/lib/redpanda/data", "90"), ("96", "/var/lib/redpanda/data", "95"), ("93", "/var/lib/redpanda/cache", "90")])
    starts = Cycle([("v24.2.7", "2144"), ("v24.2.8", "2151"), ("v24.3.1", "2160")])

    def roll():
        t, p = part()
        return ev("disk_log_impl.cc:1620 - Rolling segment of {kafka/<*>/<*>} at offset <*> (term <*>, <*> bytes)", t, p, num(10 ** 5, 9 * 10 ** 8), num(2, 30), num(60000000, 134217728))

    def leader():
        t, p = part()
        n = pick([3, 3, 5])
        return ev("[group_id:<*>, {kafka/<*>/<*>}] vote_stm.cc:281 - became leader for term <*> with <*> of <*> votes", group(), t, p, num(2, 40), R.randint(n // 2 + 1, n), n)

    def behind():
        t, p = part()
        return ev("[group_id:<*>, {kafka/<*>/<*>}] consensus.cc:2087 - follower <*> is <*> entries behind, starting recovery", group(), t, p, num(1, 5), num(50, 900000))

    def reconcile():
        t, p = part()
        return ev("[{kafka/<*>/<*>}] controller_backend.cc:904 - partition replicas reconciled at revision <*> in <*>ms", t, p, num(100, 90000), num(1, 900))

    def upload():
        t, p = part()
        base = R.randint(10 ** 4, 10 ** 8)
        return ev("[{kafka/<*>/<*>}] ntp_archiver_service.cc:1203 - uploaded segment <*> to bucket <*> in <*>ms", t, p,
                  "%d-%d-v1.log" % (base, R.randint(2, 30)), pick(buckets), num(40, 9000))

    events = [
        (74, ("INFO", "storage", "main"), roll),
        (54, ("WARN", "kafka", "main"), lambda: ev("connection_context.cc:411 - Closing connection from <*> after error: <*>", "%s:%s" % (pod_ip(), eph_port()), pick(conn_errors))),
        (40, ("INFO", "raft", "raft"), leader),
        (30, ("WARN", "raft", "raft"), behind),
        (25, ("INFO", "kafka", "main"), lambda: ev("group.cc:512 - [group <*>] generation <*> started with <*> members (protocol <*>)",
                                                   pick(consumer_groups), num(1, 400), num(1, 24), pick(["range", "roundrobin", "cooperative-sticky"]))),
        (20, ("DEBUG", "cluster", "main"), reconcile),
        (15, ("WARN", "seastar_memory", "main"), lambda: ev("large contiguous allocation of <*> bytes (threshold <*> bytes)", pick(["262144", "393216", "1048576", "2097152"]), pick(["131072", "262144"]))),
        (12, ("WARN", "rpc", "main"), lambda: ev("transport.cc:210 - RPC to <*> timed out after <*>ms (method <*>)", pick(brokers), pick(["1500", "3000", "10000"]), pick(methods))),
        (10, ("INFO", "archival", "main"), upload),
        (8, ("ERROR", "request_auth", "main"), lambda: ev("sasl_server.cc:88 - SASL <*> authentication failed for user <*> from <*>: <*>",
                                                          pick(["SCRAM-SHA-256", "SCRAM-SHA-512"]), pick(["svc-orders", "svc-fraud", "admin", "kafka-ui", "etl"]), client_ip(), pick(sasl_errors))),
        (6, ("INFO", "tx", "main"), lambda: ev("tx_gateway_frontend.cc:2231 - aborting expired transaction <*> of producer {id: <*>, epoch: <*>} after <*>ms",
                                               pick(tx_ids), num(1000, 99999), num(0, 40), pick(["60000", "60000", "900000"]))),
        (3, ("WARN", "storage", "main"), lambda: ev("disk_space_manager.cc:174 - disk usage <*>% on <*> exceeds alert threshold of <*>%", *disk_alerts())),
        (3, ("INFO", "redpanda::main", "main"), lambda: ev("application.cc:2014 - Started Redpanda <*>, <*> partitions recovered", *starts())),
    ]

    def render(tag, content):
        level, logger, grp = tag
        return "%-5s %s %s,%s [shard %d:%s] %s - %s" % (level, c.ymd(), c.hms(), c.frac(3), R.randint(0, 3), grp, logger, content)
    write("Redpanda", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. GitLab Runner via syslog: `Dec  5 10:00:01 host gitlab-runner[pid]: <message><pad> k=v ...`.
#    The runner's default log format writes the message (with `WARNING: `/`ERROR: ` in front
#    for those levels) left-aligned in a 44-column field, then the sorted `key=value` fields; a
#    value with spaces is double-quoted. Content is what follows `gitlab-runner[pid]: `.
PAD = 44


def runner_ev(msg, msg_values, fields, field_values):
    """A GitLab Runner line: the message (a template, filled with msg_values) padded to PAD
    columns, a space, then the fields (a template, filled with field_values). The padding is
    part of the template; it must not depend on the values (checked on read-back)."""
    filled = fill(msg, [str(v) for v in msg_values])
    pad = " " * max(0, PAD - len(filled))
    return ev(msg + pad + " " + fields, *(list(msg_values) + list(field_values)))


def gitlab_runner():
    c = Clock()
    host = "ci-runner-%02d" % R.randint(2, 9)
    pid = R.randint(700, 4000)
    runners = [alnum(8) for _ in range(3)]
    state = {"job": R.randint(7000000, 9000000)}
    repos = ["https://gitlab.example.com/platform/infra-live.git", "https://gitlab.example.com/shop/checkout.git",
             "https://gitlab.example.com/ml/feature-store.git", "https://gitlab.example.com/shop/mobile-app.git",
             "https://gitlab.example.com/data/etl-jobs.git"]
    projects = ["118", "342", "877", "1204", "1530"]

    def job():
        state["job"] += R.randint(1, 40)
        return state["job"]

    def recent_job():
        return state["job"] - R.randint(0, 60)

    images = ["registry.example.com/ci/python:3.12-slim", "registry.example.com/ci/node:22-alpine",
              "golang:1.23", "registry.example.com/ci/terraform:1.9.8", "docker:27-dind", "rust:1.83-bookworm"]
    request_errors = ["POST https://gitlab.example.com/api/v4/jobs/request: 502 Bad Gateway",
                      "POST https://gitlab.example.com/api/v4/jobs/request: 500 Internal Server Error",
                      "couldn't execute POST against https://gitlab.example.com/api/v4/jobs/request: dial tcp 10.0.8.20:443: i/o timeout",
                      "POST https://gitlab.example.com/api/v4/jobs/request: 429 Too Many Requests"]
    process_errors = ["docker: context deadline exceeded", "no free machines that can process builds",
                      "kubernetes: pods is forbidden: exceeded quota compute-resources",
                      "creating docker network: address pools have been fully subnetted"]
    prep_errors = ["Error response from daemon: pull access denied for ci/tools, repository does not exist",
                   "Error response from daemon: toomanyrequests: rate limit exceeded",
                   "waiting for pod running: timed out waiting for pod to start",
                   "creating cache volume: no space left on device"]
    trace_errors = Cycle(["PATCH https://gitlab.example.com/api/v4/jobs/trace: 403 Forbidden",
                          "context canceled", "unexpected EOF"])

    events = [
        (75, (), lambda: runner_ev("Checking for jobs... received", [], "job=<*> repo_url=<*> runner=<*>", [job(), pick(repos), pick(runners)])),
        (58, (), lambda: runner_ev("Job succeeded", [], "duration_s=<*> job=<*> project=<*> runner=<*>",
                                   [flt(4, 3600, 9), recent_job(), pick(projects), pick(runners)])),
        (38, (), lambda: runner_ev("WARNING: Job failed: exit code <*>", [pick(["1", "1", "1", "2", "3"])], "duration_s=<*> job=<*> project=<*> runner=<*>",
                                   [flt(2, 3600, 9), recent_job(), pick(projects), pick(runners)])),
        (28, (), lambda: (lambda start, st: runner_ev("Appending job log to coordinator... ok", [], 'code=<*> job=<*> job-status=<*> runner=<*> sent-log=<*>-<*> status="<*>"',
                                                     [st[0], recent_job(), st[1], pick(runners), start, start + R.randint(200, 60000), st[2]]))(
            R.randint(0, 900000), pick([("202", "running", "202 Accepted"), ("202", "running", "202 Accepted"), ("200", "success", "200 OK"), ("200", "failed", "200 OK")]))),
        (22, (), lambda: runner_ev("Updating job...", [], "bytesize=<*> checksum=crc32:<*> job=<*> runner=<*>", [num(300, 900000), hexid(8), recent_job(), pick(runners)])),
        (18, (), lambda: runner_ev("WARNING: Checking for jobs... failed", [], 'runner=<*> status="<*>"', [pick(runners), pick(request_errors)])),
        (14, (), lambda: runner_ev("Using docker image <*> for build container", [pick(images)], "job=<*> project=<*> runner=<*>", [recent_job(), pick(projects), pick(runners)])),
        (12, (), lambda: runner_ev("ERROR: Failed to process runner", [], 'builds=<*> error="<*>" executor=<*> runner=<*>',
                                   [num(0, 8), pick(process_errors), pick(["docker", "docker+machine", "kubernetes"]), pick(runners)])),
        (10, (), lambda: runner_ev("Configuration loaded", [], "builds=<*> max_builds=<*>", [num(0, 8), pick(["4", "8", "12"])])),
        (8, (), lambda: runner_ev("WARNING: Preparation failed: <*>", [pick(prep_errors)], "job=<*> project=<*> runner=<*>", [recent_job(), pick(projects), pick(runners)])),
        (6, (), lambda: runner_ev("Pruned stale cache volumes", [], "count=<*> older_than=<*> runner=<*>", [num(1, 40), pick(["72h", "168h"]), pick(runners)])),
        (5, (), lambda: runner_ev("ERROR: Job log update failed", [], 'error="<*>" job=<*> runner=<*>', [trace_errors(), recent_job(), pick(runners)])),
        (4, (), lambda: runner_ev("Health check for runner failed, pausing requests", [], "duration=<*> runner=<*>", [pick(["1h0m0s", "30m0s", "2h0m0s"]), pick(runners)])),
        (2, (), (lambda cc: lambda: runner_ev("Reloading configuration", [], "concurrent=<*> file=/etc/gitlab-runner/config.toml", [cc()]))(Cycle(["4", "8", "12"]))),
    ]

    def render(tag, content):
        return "%s %s gitlab-runner[%d]: %s" % (c.syslog(), host, pid, content)
    write("GitLabRunner", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. TorchServe, log4j2 default `%d{ISO8601} [%-5p] %t %c - %m%n`:
#    `2026-12-05T10:00:01,123 [INFO ] W-9000-resnet50_1.0 org.pytorch.serve.wlm.WorkerThread - msg`;
#    the backend's stdout/stderr appear under `W-…-stdout`/`-stderr` threads as MODEL_LOG and
#    MODEL_METRICS, requests as ACCESS_LOG, host metrics as TS_METRICS. Content is what follows
#    the logger name and its ` - `.
def torchserve():
    c = Clock()
    workers = [("9000", "resnet50", "1.0"), ("9001", "resnet50", "1.0"), ("9002", "bert_ner", "2.1"),
               ("9003", "bert_ner", "2.1"), ("9004", "whisper_small", "1.3")]
    hostname = "torchserve-gpu-%s" % alnum(5).lower()
    models = sorted(set(w[1] for w in workers))

    def worker(suffix=""):
        w = pick(workers)
        return "W-%s-%s_%s%s" % (w[0], w[1], w[2], suffix)

    def epoll():
        return "epollEventLoopGroup-3-%d" % R.randint(1, 8)

    def pool():
        return "pool-3-thread-%d" % R.randint(1, 4)

    def access():
        m = pick(models)
        method, path = pick([("POST", "/predictions/%s" % m), ("POST", "/predictions/%s" % m), ("POST", "/v2/models/%s/infer" % m),
                             ("GET", "/ping"), ("GET", "/models/%s" % m), ("GET", "/metrics")])
        return ev('/<*>:<*> "<*> <*> <*>" <*> <*>', client_ip(), eph_port(), method, path, pick(["HTTP/1.1", "HTTP/1.1", "HTTP/1.0"]),
                  pick(["200", "200", "200", "200", "400", "404", "503"]), num(1, 900))

    host_metrics = [("CPUUtilization.Percent", lambda: flt(0, 100)), ("MemoryUsed.Megabytes", lambda: flt(2000, 60000)),
                    ("DiskAvailable.Gigabytes", lambda: flt(20, 400, 2)), ("MemoryUtilization.Percent", lambda: flt(5, 95))]
    reject_reasons = ["job queue is full (capacity 100)", "model version 3.0 not found", "no healthy workers available",
                      "request body exceeds max_request_size"]

    def host_metric():
        name, val = pick(host_metrics)
        return ev("<*>:<*>|#Level:Host|#hostname:%s,timestamp:<*>" % hostname, name, val(), c.unix)

    def preprocess():
        n = pick(["1", "2", "4", "8", "8", "16"])
        return ev("Preprocessed <*> images into tensor of shape (<*>, 3, 224, 224) on cuda:<*>", n, n, num(0, 3))

    def scaled():
        lo = R.randint(1, 2)
        hi = R.randint(lo + 1, 8)
        return ev("Model <*> version <*> scaled to <*> workers (min <*>, max <*>)", *(lambda w: [w[1], w[2]])(pick(workers)), R.randint(lo, hi), lo, hi)

    listeners = Cycle([("Inference", "http://0.0.0.0:8080"), ("Management", "http://127.0.0.1:8081"), ("Metrics", "http://127.0.0.1:8082")])

    events = [
        (74, ("INFO", epoll, "ACCESS_LOG"), access),
        (55, ("INFO", worker, "org.pytorch.serve.wlm.WorkerThread"), lambda: ev("Batch of <*> requests served by backend in <*> ms", pick(["1", "2", "4", "8"]), num(3, 1800))),
        (40, ("INFO", lambda: worker("-stdout"), "MODEL_METRICS"),
         lambda: ev("HandlerTime.Milliseconds:<*>|#ModelName:<*>,Level:Model|#hostname:%s,requestID:<*>,timestamp:<*>" % hostname, flt(2, 1500, 2), pick(models), uuid(), c.unix)),
        (30, ("INFO", pool, "TS_METRICS"), host_metric),
        (25, ("INFO", lambda: worker("-stdout"), "MODEL_LOG"), preprocess),
        (20, ("WARN", worker, "org.pytorch.serve.wlm.WorkerThread"), lambda: ev("Backend worker did not respond within <*> seconds, retry <*> of 3", pick(["30", "60", "120"]), num(1, 3))),
        (15, ("ERROR", lambda: worker("-stderr"), "MODEL_LOG"),
         lambda: ev("RuntimeError: CUDA out of memory while allocating <*> MiB on cuda:<*> (<*> MiB free of 81920 MiB)", num(20, 12000), num(0, 3), num(2, 900))),
        (12, ("INFO", epoll, "org.pytorch.serve.wlm.ModelManager"), scaled),
        (10, ("DEBUG", worker, "org.pytorch.serve.wlm.WorkerLifeCycle"),
         lambda: ev("Launched backend worker process <*> for model <*> on device cuda:<*>", num(3000, 90000), pick(models), num(0, 3))),
        (8, ("WARN", epoll, "org.pytorch.serve.http.api.rest.InferenceRequestHandler"),
         lambda: ev("Rejected request <*> for model <*>: <*>", uuid(), pick(models), pick(reject_reasons))),
        (5, ("INFO", lambda: "main", "org.pytorch.serve.archive.model.ModelArchive"),
         (lambda m: lambda: (lambda x: ev("Extracted archive <*> into <*> in <*> ms", "/home/model-server/model-store/%s.mar" % x, "/tmp/models/%s" % hexid(32), num(200, 40000)))(m()))(Cycle(models))),
        (3, ("ERROR", worker, "org.pytorch.serve.wlm.WorkerLifeCycle"),
         (lambda codes: lambda: ev("Backend worker process <*> exited with code <*>, restarting in <*> seconds", num(3000, 90000), codes(), pick(["1", "2", "3", "5"])))(Cycle(["1", "137", "-11"]))),
        (3, ("INFO", lambda: "main", "org.pytorch.serve.ModelServer"), lambda: ev("<*> API listening on <*>", *listeners())),
    ]

    def render(tag, content):
        level, thread, logger = tag
        return "%sT%s,%s [%-5s] %s %s - %s" % (c.ymd(), c.hms(), c.frac(3), level, thread(), logger, content)
    write("TorchServe", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Kea DHCPv4 server, default layout `%D{%Y-%m-%d %H:%M:%S.%q} %-5p [%c/%i.%t] %m`:
#    `2026-12-05 10:00:01.123 INFO  [kea-dhcp4.leases/2381.140231987654400] MESSAGE_ID text`;
#    client-related messages begin with `[hwtype=1 <mac>], cid=[<id>|no info], tid=0x…: `.
#    Content is what follows the bracketed logger/pid.thread and its space.
def kea():
    c = Clock()
    pid = R.randint(900, 9000)
    threads = [R.randint(139600000000000, 140700000000000) for _ in range(3)]
    subnets = [("10.50.0.0/22", "1"), ("10.50.4.0/24", "2"), ("10.60.8.0/23", "11"), ("172.20.16.0/24", "40")]
    relays = ["10.50.0.1", "10.50.4.1", "10.60.8.1", "0.0.0.0"]
    ifaces = ["ens3", "ens4", "bond0.120"]

    def addr(subnet=None):
        base = (subnet or pick(subnets))[0].split("/")[0].split(".")
        return "%s.%s.%d.%d" % (base[0], base[1], int(base[2]) + R.randint(0, 1), R.randint(10, 250))

    def client():
        m = mac()
        cid = "01:" + m if R.random() < 0.75 else "no info"
        return [m, cid, "0x%08x" % R.getrandbits(32)]

    C = "[hwtype=1 <*>], cid=[<*>], tid=<*>: "
    drop_reasons = ["no subnet selected for this client", "packet is not addressed to this server (server id mismatch)",
                    "relay agent information missing", "client classification rejected the packet"]
    ha_errors = ["Connection refused", "timeout while waiting for a response", "partner is in the terminated state",
                 "HTTP 503 Service Unavailable"]
    db_errors = ["server closed the connection unexpectedly", "deadlock detected", "could not obtain lock on row",
                 "canceling statement due to statement timeout"]
    statements = ["INSERT_LEASE4", "UPDATE_LEASE4", "GET_LEASE4_ADDR", "DELETE_LEASE4_STATE_EXPIRED"]
    commands = ["lease4-get", "lease4-del", "config-reload", "statistic-get-all", "ha-heartbeat", "lease4-wipe"]
    dup_hosts = Cycle([("10.50.0.40", "52:54:00:1a:2b:3c", "printer-2f"), ("10.60.8.12", "3c:ec:ef:aa:10:02", "ipmi-gpu07"),
                       ("172.20.16.9", "b8:27:eb:40:11:9e", "sensor-lab3")])
    starts = Cycle([("2.6.1", "4"), ("2.6.2", "5")])

    def alloc_fail():
        s = pick(subnets)
        return ev("ALLOC_ENGINE_V4_ALLOC_FAIL_SUBNET " + C + "no address left in subnet <*> (id <*>) after <*> attempts", *(client() + [s[0], s[1], num(10, 1024)]))

    def dup():
        a, m, h = dup_hosts()
        s = next(x for x in subnets if x[0].split(".")[:2] == a.split(".")[:2])
        return ev("HOSTS_DUPLICATE_RESERVATION reservation of <*> for <*> in subnet <*> conflicts with host <*>", a, m, s[1], h)

    events = [
        (70, ("INFO", "kea-dhcp4.leases"), lambda: ev("DHCP4_LEASE_ALLOC " + C + "lease <*> granted for <*> seconds", *(client() + [addr(), pick(["3600", "4000", "7200", "86400"])]))),
        (55, ("INFO", "kea-dhcp4.packets"), lambda: ev("DHCP4_PACKET_RECEIVED " + C + "got <*> from <*> via <*> on <*>",
                                                       *(client() + [pick(["DHCPDISCOVER", "DHCPREQUEST", "DHCPREQUEST", "DHCPINFORM"]), pick(["0.0.0.0", "0.0.0.0", addr()]), pick(relays), pick(ifaces)]))),
        (40, ("INFO", "kea-dhcp4.leases"), lambda: ev("DHCP4_LEASE_OFFER " + C + "offering <*> for <*> seconds", *(client() + [addr(), pick(["3600", "4000", "7200"])]))),
        (30, ("WARN", "kea-dhcp4.alloc-engine"), alloc_fail),
        (25, ("DEBUG", "kea-dhcp4.ddns"), lambda: ev("DHCP4_NCR_CREATE " + C + "queued <*> request for FQDN <*>, address <*>",
                                                    *(client() + [pick(["CHG_ADD", "CHG_REMOVE"]), "%s.%s." % (pick(["ws", "lab", "gpu", "kiosk"]) + num(1, 300), pick(["corp.example.org", "hpc.example.org"])), addr()]))),
        (20, ("INFO", "kea-dhcp4.dhcpsrv"), lambda: ev("DHCPSRV_MEMFILE_LFC_DONE lease file cleanup finished: <*> leases kept, <*> expired leases purged in <*> ms",
                                                       num(800, 20000), num(0, 900), num(3, 2500))),
        (15, ("WARN", "kea-dhcp4.packets"), lambda: ev("DHCP4_PACKET_DROP " + C + "dropped <*> from <*>: <*>",
                                                       *(client() + [pick(["DHCPDISCOVER", "DHCPREQUEST", "DHCPDECLINE"]), pick(relays), pick(drop_reasons)]))),
        (12, ("WARN", "kea-dhcp4.ha-hooks"), lambda: (lambda p: ev("HA_HEARTBEAT_FAILED heartbeat to partner <*> at <*> failed: <*>", p[0], p[1], pick(ha_errors)))(
            pick([("server2", "http://10.50.0.3:8001/"), ("server3", "http://10.50.0.4:8001/")]))),
        (10, ("ERROR", "kea-dhcp4.dhcpsrv"), lambda: ev("DHCPSRV_PGSQL_STATEMENT_FAILED statement <*> failed after <*> ms: <*>", pick(statements), num(2, 30000), pick(db_errors))),
        (8, ("INFO", "kea-dhcp4.leases"), lambda: ev("DHCP4_RELEASE_DONE " + C + "address <*> given back after <*> seconds", *(client() + [addr(), num(30, 86000)]))),
        (6, ("INFO", "kea-dhcp4.commands"), lambda: ev("COMMAND_ACCEPTED command '<*>' from <*> accepted", pick(commands),
                                                       pick(["unix:/run/kea/kea4-ctrl-socket", "http://127.0.0.1:8000", "http://10.50.0.3:8001"]))),
        (4, ("WARN", "kea-dhcp4.hosts"), dup),
        (3, ("INFO", "kea-dhcp4.leases"), lambda: ev("DHCP4_DECLINE_PROBATION " + C + "address <*> declined, held in probation for <*> seconds", *(client() + [addr(), pick(["3600", "86400"])]))),
        (2, ("INFO", "kea-dhcp4.dhcp4"), lambda: ev("DHCP4_STARTED Kea DHCPv4 server <*> started with <*> subnets", *starts())),
    ]

    def render(tag, content):
        level, logger = tag
        return "%s %s.%s %-5s [%s/%d.%d] %s" % (c.ymd(), c.hms(), c.frac(3), level, logger, pid, pick(threads), content)
    write("Kea", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. PBS Professional server log: `MM/DD/YYYY hh:mm:ss;<event type, 4 hex>;Server@<host>;
#    <object type>;<object name>;<message>`, object types Job, Svr, Node, Req, Queue, Hook
#    (the object name is empty for Req). Content is the message after the fifth `;`.
def pbspro():
    c = Clock()
    host = "pbs-head%02d" % R.randint(1, 3)
    state = {"job": R.randint(100000, 900000)}
    users = ["akowalski", "mchen", "rpatel", "svc_nightly", "jdoe", "lnguyen"]
    logins = ["login01.hpc.example.org", "login02.hpc.example.org", "jupyter01.hpc.example.org"]
    queues = ["gpu", "gpu_long", "cpu", "debug", "preempt"]
    names = ["train_llama_ft", "md_run.sh", "STDIN", "eval_sweep", "cfd_case12", "align_batch7", "nightly_reg"]
    nodes = ["gpu%03d" % n for n in range(1, 49, 3)] + ["cpu%03d" % n for n in range(1, 30, 4)]

    def jobid():
        if R.random() < 0.6:
            state["job"] += R.randint(1, 6)
            n = state["job"]
        else:
            n = state["job"] - R.randint(0, 400)
        return "%d%s.%s" % (n, "[]" if R.random() < 0.08 else "", host)

    def walltime(lo, hi):
        s = R.randint(lo, hi)
        return "%02d:%02d:%02d" % (s // 3600, s % 3600 // 60, s % 60)

    def usage():
        wall = R.randint(30, 170000)
        ncpus = pick([1, 4, 8, 16, 32, 64])
        return ev("Exit_status=<*> resources_used.cpupercent=<*> resources_used.cput=<*> resources_used.mem=<*>kb resources_used.ncpus=<*> resources_used.ngpus=<*> resources_used.walltime=<*>",
                  pick(["0", "0", "0", "0", "1", "271", "-11", "143"]), R.randint(0, ncpus * 100), walltime(0, wall * ncpus // 2 + 1), num(4000, 500000000),
                  ncpus, pick(["0", "0", "1", "2", "4", "8"]), "%02d:%02d:%02d" % (wall // 3600, wall % 3600 // 60, wall % 60))

    def vnodes():
        k = R.randint(1, 3)
        return "+".join("(%s:ncpus=%d:ngpus=%d:mem=%dgb)" % (n, pick([8, 16, 32]), pick([0, 1, 2, 4]), pick([32, 64, 128, 256])) for n in R.sample(nodes, k))

    node_states = ["free", "job-busy", "down", "offline", "state-unknown,down"]
    conn_reasons = ["host not in acl", "privileged port required", "munge credential rejected", "too many connections from host"]
    hooks = ["gpu_health", "enforce_project", "cgroups", "site_limits"]
    attrs = [("max_run", ["[u:PBS_GENERIC=8]", "[u:PBS_GENERIC=16]", "[u:PBS_GENERIC=4]"]), ("enabled", ["True", "False"]),
             ("resources_max.walltime", ["24:00:00", "72:00:00", "168:00:00"]), ("priority", ["100", "150", "50"])]
    recovered = Cycle([("412", "3"), ("398", "2"), ("455", "5")])

    def node_change():
        a, b = R.sample(node_states, 2)
        return ev("Node state changed from <*> to <*>", a, b)

    def attr():
        name, vals = pick(attrs)
        return ev("Attribute <*> set to <*> by <*>@<*>", name, pick(vals), pick(["root", "hpcadmin"]), pick(logins[:2] + [host]))

    def gpus():
        a, b = R.sample(["0", "2", "4", "8"], 2)
        return ev("resources_available.ngpus changed from <*> to <*>", a, b)

    events = [
        (70, ("0010", "Job", jobid), usage),
        (55, ("0008", "Job", jobid), lambda: ev("Job queued by <*>@<*> as <*> in queue <*>", pick(users), pick(logins), pick(names), pick(queues))),
        (40, ("0008", "Job", jobid), lambda: ev("Job sent to run on exec_vnode <*> by scheduler", vnodes())),
        (30, ("0008", "Job", jobid), lambda: ev("Delete request from <*>@<*>, job killed with <*>", pick(users + ["root"]), pick(logins + [host]), pick(["SIGTERM", "SIGTERM", "SIGKILL"]))),
        (25, ("0100", "Req", lambda: ""), lambda: ev("Request type <*> from <*>@<*> on socket <*>", pick(["0", "1", "19", "21", "49", "58"]), pick(users + ["root", "Scheduler"]), pick(logins + [host]), num(8, 600))),
        (20, ("0008", "Job", jobid), lambda: ev("Obit received from mom on <*>, exit status <*>", pick(nodes), pick(["0", "0", "1", "-11", "271"]))),
        (15, ("0004", "Node", lambda: pick(nodes)), node_change),
        (12, ("0001", "Job", jobid), lambda: (lambda lim: ev("Job killed: walltime <*> exceeded limit <*>", walltime(lim + 1, lim + 90), walltime(lim, lim)))(pick([3600, 14400, 86400]))),
        (10, ("0004", "Queue", lambda: pick(queues)), attr),
        (8, ("0020", "Svr", lambda: "Server@" + host), lambda: ev("Connection from <*> rejected: <*>", "%s:%s" % (client_ip(), pick(["1023", "15001", eph_port()])), pick(conn_reasons))),
        (6, ("0080", "Hook", lambda: pick(hooks)), lambda: ev("execution of hook for event <*> took <*> ms, result <*>",
                                                             pick(["queuejob", "execjob_begin", "runjob", "modifyjob"]), num(2, 4000), pick(["accept", "reject"]))),
        (5, ("0400", "Node", lambda: pick(nodes[:16])), gpus),
        (4, ("0002", "Svr", lambda: "Server@" + host), lambda: ev("Server ready, <*> jobs and <*> reservations recovered", *recovered())),
    ]

    def render(tag, content):
        code, otype, oname = tag
        g = c.g
        return "%02d/%02d/%04d %s;%s;Server@%s;%s;%s;%s" % (g.tm_mon, g.tm_mday, g.tm_year, c.hms(), code, host, otype, oname(), content)
    write("PBSPro", c, events, render)


# ------------------------------------------------------------------------------------------
# Read-back checks.
MON = {m: i + 1 for i, m in enumerate(MONTHS)}

# Each system's header: the raw line minus its Content must match this (the named group `ts` is
# the timestamp), and `key` turns `ts` into a sortable tuple; `strict` is True where the
# timestamp resolution is finer than the smallest clock step (so timestamps must increase).
HEADERS = {
    "CockroachDB": (r"[IWEF](?P<ts>\d{6} \d\d:\d\d:\d\d\.\d{6}) \d+ (?:\d+@)?[\w/.]+\.go:\d+ ⋮ \[[^\]]+\] \d+  ",
                    lambda ts: (ts,), True),
    "Redpanda": (r"(?:TRACE|DEBUG|INFO |WARN |ERROR) (?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) \[shard \d+:\w+\] [\w:]+ - ",
                 lambda ts: (ts,), True),
    "GitLabRunner": (r"(?P<ts>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) [\w-]+ gitlab-runner\[\d+\]: ",
                     lambda ts: (MON[ts[:3]], int(ts[4:6]), ts[7:]), False),
    "TorchServe": (r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d,\d{3}) \[(?:DEBUG|INFO |WARN |ERROR)\] \S+ \S+ - ",
                   lambda ts: (ts,), True),
    "Kea": (r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) (?:DEBUG|INFO |WARN |ERROR|FATAL) \[[\w.-]+/\d+\.\d+\] ",
            lambda ts: (ts,), True),
    "PBSPro": (r"(?P<ts>\d\d/\d\d/\d{4} \d\d:\d\d:\d\d);[0-9a-f]{4};Server@[\w-]+;(?:Job|Svr|Node|Req|Queue|Hook);[^;]*;",
               lambda ts: (ts[6:10], ts[0:2], ts[3:5], ts[11:]), False),
}


def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


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
        header_re, ts_key, strict = HEADERS[system]
        header_re = re.compile(header_re)
        templates, counts, slots, contents = {}, {}, {}, []
        last = None
        for i, (row, line) in enumerate(zip(rows, lines)):
            assert len(row) == 4, (system, row)
            line_id, content, event_id, template = row
            assert line_id == str(i + 1), (system, line_id)
            assert re.fullmatch(r"E[0-9]+", event_id), (system, event_id)
            assert content and content == content.strip() and line.endswith(content), (system, i + 1)
            h = header_re.fullmatch(line[:len(line) - len(content)])  # a header precedes the Content
            assert h, (system, i + 1, line)
            key = ts_key(h.group("ts"))
            if last is not None:
                assert key > last if strict else key >= last, (system, i + 1, "timestamp went back")
            last = key
            assert "<*><*>" not in template, (system, template)
            m = template_regex(template).fullmatch(content)
            assert m, (system, i + 1, template, content)
            assert templates.setdefault(event_id, template) == template, (system, event_id)
            counts[event_id] = counts.get(event_id, 0) + 1
            seen = slots.setdefault(event_id, [set() for _ in m.groups()])
            for s, v in zip(seen, m.groups()):
                s.add(v)
            contents.append((event_id, content))
        assert len(set(templates.values())) == len(templates), system
        regexes = {e: template_regex(t) for e, t in templates.items()}
        for event_id, content in contents:  # no line fits the template of another event type
            for other, rx in regexes.items():
                assert other == event_id or not rx.fullmatch(content), (system, event_id, other, content)
        assert MIN_EVENTS <= len(counts) <= MAX_EVENTS, (system, len(counts))
        assert min(counts.values()) >= 2, (system, counts)
        assert sum(1 for n in counts.values() if 2 <= n <= 10) >= 3, (system, counts)
        top = sorted(counts.values(), reverse=True)
        assert top[0] >= 3 * top[len(top) // 2], (system, counts)  # skewed frequencies
        for event_id, seen in slots.items():
            for j, s in enumerate(seen):
                assert len(s) >= 2, (system, event_id, "slot %d" % (j + 1), s)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary


if __name__ == "__main__":
    cockroach()
    redpanda()
    gitlab_runner()
    torchserve()
    kea()
    pbspro()
    for system, counts in self_check().items():
        print("%-12s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
