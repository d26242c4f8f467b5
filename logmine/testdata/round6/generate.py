#!/usr/bin/env python3
"""Writes the round-6 blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: Consul, Cilium, RedisSentinel, Nomad, Django, AspNetCore. Every
line is made here from event formats written for this corpus, following each program's
documented default log layout (written from memory), with values from generators of this file.
No line, template or value list is copied from a real log or data set; the messages are invented
in each project's style. The corpus was written without running any template miner on it.

Deterministic: fixed seed 20261204, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
quoted string, a free-text reason or error, a list, an SQL statement) is one `<*>`; punctuation
around a value stays literal (`(<*>)`, `'<*>'`, `"<*>"`, `key=<*>`, `[<*>]`); a unit attached
to a number stays literal after it (`<*>ms`, `<*>s`) unless the unit itself varies within the
slot (a Go duration such as `850µs`/`12.5ms`/`1.2s` is one value); text that never changes
within an event type stays literal. Event formats are written directly as their templates: each
`<*>` in a format is filled with one generated value, and every `<*>` slot takes at least two
different values within its event type (checked when the lines are made and again on read-back).

At the end the files are read back and checked (see `self_check`).
"""
import calendar
import csv
import os
import random
import re
import string
import time

SEED = 20261204
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["Consul", "Cilium", "RedisSentinel", "Nomad", "Django", "AspNetCore"]
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def alnum(n):
    return "".join(R.choice(string.ascii_letters + string.digits) for _ in range(n))


def lower_alnum(n):
    return "".join(R.choice(string.ascii_lowercase + string.digits) for _ in range(n))


def uuid():
    return "%s-%s-4%s-%s%s-%s" % (hexid(8), hexid(4), hexid(3), R.choice("89ab"), hexid(3), hexid(12))


def client_ip():
    kind = R.random()
    if kind < 0.45:
        return "203.0.113.%d" % R.randint(1, 254)
    if kind < 0.8:
        return "198.51.100.%d" % R.randint(1, 254)
    return "192.0.2.%d" % R.randint(1, 254)


def eph_port():
    return str(R.randint(32768, 60999))


def godur(lo_ms, hi_ms):
    """A Go `time.Duration` string between lo_ms and hi_ms: `850.25µs`, `12.402913ms`, `1.5s`."""
    ms = R.uniform(lo_ms, hi_ms)
    if ms < 1:
        v, unit = "%.3f" % (ms * 1000), "µs"
    elif ms < 1000:
        v, unit = "%.6f" % ms, "ms"
    else:
        v, unit = "%.6f" % (ms / 1000), "s"
    if R.random() < 0.3:
        v = v.split(".")[0]
    if "." in v:
        v = v.rstrip("0").rstrip(".")
    return v + unit


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
    """Integer nanosecond clock starting on 2026-12-04 at a random second of the morning."""

    def __init__(self, offset_s=0):
        self.offset = offset_s  # added to UTC for local-time headers
        self.start = calendar.timegm((2026, 12, 4, 0, 0, 0)) + R.randint(6 * 3600, 11 * 3600)
        self.ns = self.start * 10 ** 9 + R.randint(0, 10 ** 9 - 1)

    def tick(self):
        self.ns += R.randint(2 * 10 ** 6, 2400 * 10 ** 6)

    @property
    def g(self):
        return time.gmtime(self.ns // 10 ** 9 + self.offset)

    def frac(self, digits):
        return "%0*d" % (digits, (self.ns % 10 ** 9) // 10 ** (9 - digits))

    def ymd(self, sep="-"):
        g = self.g
        return "%04d%s%02d%s%02d" % (g.tm_year, sep, g.tm_mon, sep, g.tm_mday)

    def hms(self):
        g = self.g
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def iso(self, digits=3):
        return "%sT%s.%s" % (self.ymd(), self.hms(), self.frac(digits))

    def dmy(self):
        """`04 Dec 2026` (Redis) ."""
        g = self.g
        return "%02d %s %04d" % (g.tm_mday, MONTHS[g.tm_mon - 1], g.tm_year)

    def clf(self):
        """`04/Dec/2026:10:00:01`-style date without the colon: `04/Dec/2026 10:00:01`."""
        g = self.g
        return "%02d/%s/%04d %s" % (g.tm_mday, MONTHS[g.tm_mon - 1], g.tm_year, self.hms())

    def iso_at(self, delta_s):
        t = time.gmtime(self.ns // 10 ** 9 + delta_s)
        return "%04d-%02d-%02dT%02d:%02d:%02dZ" % t[:6]


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
    assert 12 <= len(events) <= 15, system
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


def hclog_level(level):
    """hclog's level field: `[INFO]  `, `[WARN]  `, `[ERROR] `, `[DEBUG] ` (padded to 8)."""
    return "%-7s " % ("[%s]" % level)


# ------------------------------------------------------------------------------------------
# 1. Consul agent, hclog default output:
#    `2026-12-04T10:00:00.123Z [INFO]  agent.server.raft: message: key=value key="a value"`.
#    Content is what follows the `[LEVEL]` field and its padding (the logger name is part of it).
def consul():
    c = Clock()
    servers = {"consul-server-1": "10.10.0.11", "consul-server-2": "10.10.0.12", "consul-server-3": "10.10.0.13"}
    clients = ["web-01", "web-02", "ip-10-10-4-17", "ip-10-10-5-203", "batch-07", "edge-lb-2", "pg-replica-1"]
    node_ip = {n: "10.10.%d.%d" % (R.randint(2, 6), R.randint(10, 250)) for n in clients}
    node_ip.update(servers)
    services = ["web", "payments-api", "redis-cache", "ledger-worker", "edge-proxy", "search-indexer", "pg-replica"]

    def service_id():
        return "%s-%s" % (pick(services), hexid(6))

    corr_ids = ["roots", "leaf", "intentions", "service-http-checks:web", "mesh-gateway:dc2",
                "upstream-target:payments-api.default.default.dc1:payments-api",
                "upstream-target:redis-cache.default.default.dc1:redis-cache",
                "discovery-chain:search-indexer", "peering-trust-bundles"]
    check_outputs = ["HTTP GET http://%s:8080/healthz: 503 Service Unavailable Output: warming up caches",
                     "dial tcp %s:6379: connect: connection refused",
                     "Get \\\"http://%s:9090/ready\\\": context deadline exceeded",
                     "TCP connect %s:5432: i/o timeout",
                     "ttl check missed its deadline by 12s"]
    rpc_methods = ["Catalog.Register", "Health.ServiceNodes", "KVS.Apply", "Coordinate.Update",
                   "Intention.Match", "ConfigEntry.ResolveServiceConfig", "Session.Renew"]
    fwd_errors = ["rpc error making call: No cluster leader",
                  "rpc error getting client: failed to get conn: dial tcp 10.10.0.12:8300: i/o timeout",
                  "no path to datacenter",
                  "rpc error making call: rpc: can't find method",
                  "read tcp 10.10.0.11:51234->10.10.0.13:8300: read: connection reset by peer"]
    dcs = ["dc2", "eu-west-1", "ap-south-1", "dc-lab"]
    autopilot_errors = Cycle(["error getting server raft protocol versions: no leader",
                              "stale health data for server consul-server-3: last contact 14s ago",
                              "failed to remove dead server consul-server-2: operation would leave fewer than 3 voters"])
    signals = Cycle([("terminated", "true"), ("interrupt", "true"), ("hangup", "false"), ("terminated", "false")])

    def cfg_servers():
        ids = R.sample(sorted(servers), R.randint(2, 3))
        return " ".join("{Suffrage:%s ID:%s Address:%s:8300}" % (pick(["Voter", "Voter", "Nonvoter"]), server_uuid[s], servers[s]) for s in ids)

    server_uuid = {s: uuid() for s in servers}

    def root_id():
        return ":".join(hexid(2) for _ in range(8))

    events = [
        (85, "DEBUG", lambda: ev("agent.proxycfg: watch update received: service_id=<*> kind=connect-proxy correlation_id=<*>",
                                 service_id() + "-sidecar-proxy", pick(corr_ids))),
        (48, "DEBUG", lambda: ev("agent.anti_entropy: service registration synced: service=<*> node=<*>", service_id(), pick(clients))),
        (34, "WARN", lambda: ev("agent.checks: health check failed: check=<*> status=<*> output=\"<*>\"",
                                "service:" + service_id(), pick(["critical", "critical", "warning"]),
                                pick(check_outputs).replace("%s", node_ip[pick(clients)]))),
        (28, "INFO", lambda: (lambda n: ev("agent.server.memberlist.lan: memberlist: probe of node timed out, marking suspect: node=<*> addr=<*> timeout=<*>",
                                           n, "%s:8301" % node_ip[n], pick(["500ms", "500ms", "1s", "2.5s"])))(pick(clients))),
        (22, "ERROR", lambda: ev("agent.server.rpc: failed to forward RPC: method=<*> error=\"<*>\"", pick(rpc_methods), pick(fwd_errors))),
        (18, "ERROR", lambda: ev("agent.server.rpc: failed to forward RPC: method=<*> datacenter=<*> error=\"<*>\"", pick(rpc_methods), pick(dcs), pick(fwd_errors))),
        (15, "INFO", lambda: ev("agent.anti_entropy: service deregistration synced: service=<*> node=<*>", service_id(), pick(clients))),
        (12, "INFO", lambda: (lambda s: ev("agent.server.raft: updating configuration: command=<*> server-id=<*> server-addr=<*> servers=\"[<*>]\"",
                                           pick(["AddVoter", "AddNonvoter", "RemoveServer"]), server_uuid[s], "%s:8300" % servers[s], cfg_servers()))(pick(sorted(servers)))),
        (10, "WARN", lambda: ev("agent.server.raft: leader lease lost, stepping down: term=<*> last-contact=<*>", num(2, 90), godur(400, 3200))),
        (9, "INFO", lambda: (lambda n: ev("agent.server: serf member state changed: member=<*> partition=default status=<*>",
                                          n, pick(["alive", "failed", "left"])))(pick(clients))),
        (7, "WARN", lambda: ev("agent.server.connect: CA root rotation pending: active-root=<*> pending-root=<*> remaining=<*>",
                               root_id(), root_id(), pick(["71h59m12s", "23h4m40s", "1h0m0s", "167h22m9s"]))),
        (5, "DEBUG", lambda: ev("agent.server.fsm: snapshot created: index=<*> size=<*> duration=<*>", num(100000, 9000000), num(40000, 90000000), godur(3, 4000))),
        (4, "ERROR", lambda: ev("agent.server.autopilot: failed to reconcile server health: error=\"<*>\"", autopilot_errors())),
        (3, "INFO", lambda: ev("agent: shutdown requested: signal=<*> graceful=<*>", *signals())),
    ]

    def render(level, content):
        return "%sZ %s%s" % (c.iso(3), hclog_level(level), content)
    write("Consul", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. Cilium agent, logrus TextFormatter: `time="2026-12-04T10:00:01Z" level=info msg="..."
#    key=value ... subsys=daemon`; after `msg` the fields are sorted by key; a value is quoted
#    when it holds a character outside `[A-Za-z0-9-._/@^+]`. Content is everything after the
#    `time="..." ` field (it starts at `level=`).
LOGRUS_PLAIN = re.compile(r"[A-Za-z0-9\-._/@^+]+")


def cilium():
    c = Clock()
    namespaces = ["default", "payments", "storefront", "kube-system", "observability"]
    apps = ["web", "checkout", "ledger", "coredns", "otel-collector", "cart", "search-api"]

    def pod():
        return "%s/%s-%s-%s" % (pick(namespaces), pick(apps), lower_alnum(9), lower_alnum(5))

    def pod_ip():
        return "10.0.%d.%d" % (R.randint(0, 7), R.randint(2, 250))

    def node_ip():
        return "172.18.0.%d" % R.randint(2, 9)

    def container_id():
        return hexid(64) if R.random() < 0.5 else hexid(12)

    def identity():
        return pick(["1", "4", str(R.randint(1000, 65535)), str(R.randint(1000, 65535))])

    ipcache_errors = ["unable to allocate identity: kvstore lock timeout",
                      "ipcache map update failed: no space left in map",
                      "pod IP is already owned by another endpoint",
                      "host IP does not belong to any known node"]
    cluster_errors = ["etcd client: context deadline exceeded",
                      "x509: certificate signed by unknown authority",
                      "dial tcp 172.31.4.10:2379: connect: connection refused",
                      "cluster configuration not found in kvstore"]
    regen_errors = ["failed to compile bpf_lxc.o: exit status 1",
                    "loading eBPF collection: program cil_from_container: map cilium_calls_01234: no such file or directory",
                    "context canceled",
                    "unable to replace ingress program: device or resource busy"]
    regen_reasons = ["one or more identities created or deleted", "policy rules added", "policy rules deleted",
                     "kube-apiserver identity updated", "daemon configuration changed"]
    label_sets = ["k8s:app=web k8s:io.kubernetes.pod.namespace=storefront",
                  "k8s:app=ledger k8s:io.kubernetes.pod.namespace=payments k8s:tier=backend",
                  "k8s:app.kubernetes.io/name=otel-collector k8s:io.kubernetes.pod.namespace=observability",
                  "reserved:host",
                  "k8s:app=search-api k8s:io.kubernetes.pod.namespace=default k8s:version=v2"]
    alloc_errors = Cycle(["lock acquisition timed out after 15s", "etcdserver: request timed out",
                          "identity 48113 is already in use by another key"])

    def ep():
        return num(1, 4095)

    def endpoint_change(word):
        return lambda: ev("level=info msg=\"%s endpoint request\" containerID=<*> endpointID=<*> k8sNamespace=<*> k8sPodName=<*> subsys=daemon" % word,
                          container_id(), ep(), pick(namespaces), pod().split("/", 1)[1])

    events = [
        (82, lambda: ev("level=debug msg=\"Endpoint regenerated\" bpfCompilation=<*> containerID=<*> datapathPolicyRevision=<*> desiredPolicyRevision=<*> endpointID=<*> identity=<*> k8sPodName=<*> subsys=endpoint",
                        pick(["0s", "0s", "%.6fs" % R.uniform(0.8, 4.5), "%.6fms" % R.uniform(150, 999)]), container_id(), num(1, 240), num(1, 240), ep(), identity(), pod())),
        (45, lambda: ev("level=info msg=\"Policy imported via API, recalculating...\" policyAddRequest=<*> policyRevision=<*> subsys=daemon",
                        uuid(), num(2, 600))),
        (35, lambda: ev("level=warning msg=\"Unable to update ipcache map entry on pod add\" error=\"<*>\" hostIP=<*> k8sNamespace=<*> k8sPodName=<*> podIP=<*> subsys=k8s-watcher",
                        pick(ipcache_errors), node_ip(), pick(namespaces), pod().split("/", 1)[1], pod_ip())),
        (28, endpoint_change("Delete")),
        (25, endpoint_change("Create")),
        (20, lambda: ev("level=error msg=\"Unable to connect to remote cluster\" clusterName=<*> error=\"<*>\" retryIn=<*> subsys=clustermesh",
                        pick(["eu-west-prod", "us-east-prod", "edge-lab"]), pick(cluster_errors), pick(["2s", "4s", "8s", "16s", "32s", "1m4s"]))),
        (16, lambda: ev("level=info msg=\"Rewrote endpoint BPF program\" containerID=<*> datapathPolicyRevision=<*> desiredPolicyRevision=<*> endpointID=<*> identity=<*> ipv4=<*> k8sPodName=<*> subsys=endpoint",
                        container_id(), num(1, 240), num(1, 240), ep(), identity(), pod_ip(), pod())),
        (12, lambda: ev("level=warning msg=\"Cilium health probe to node failed\" error=\"<*>\" nodeIP=<*> port=<*> subsys=health-server",
                        pick(["connection timed out after 5s", "no route to host", "HTTP probe returned 503"]), node_ip(), pick(["4240", "4240", "4244"]))),
        (10, lambda: ev("level=info msg=\"Identity allocated\" identity=<*> labels=\"<*>\" subsys=identity-cache",
                        num(1000, 65535), pick(label_sets))),
        (8, lambda: ev("level=error msg=\"Error while rewriting endpoint BPF program\" containerID=<*> endpointID=<*> error=\"<*>\" k8sPodName=<*> subsys=endpoint",
                       container_id(), ep(), pick(regen_errors), pod())),
        (7, lambda: ev("level=info msg=\"Regenerating all endpoints\" reason=\"<*>\" subsys=endpoint-manager", pick(regen_reasons))),
        (5, lambda: ev("level=debug msg=\"Conntrack garbage collection finished\" deleted=<*> duration=<*> family=<*> protocol=<*> subsys=ct-gc",
                       num(0, 9000), "%.6fms" % R.uniform(1, 900), pick(["ipv4", "ipv6"]), pick(["TCP", "non-TCP"]))),
        (4, (lambda cyc: lambda: ev("level=info msg=\"Restored services from maps\" failedServices=<*> restoredServices=<*> subsys=service", *cyc()))(
            Cycle([("0", "41"), ("2", "38"), ("0", "57"), ("1", "12")]))),
        (3, lambda: ev("level=warning msg=\"Key allocation attempt failed\" attempt=<*> error=\"<*>\" key=\"<*>\" subsys=allocator",
                       num(0, 4), alloc_errors(), pick(label_sets[:3]).replace(" ", ";") + ";")),
    ]

    # The raw line must look like logrus wrote it: sorted keys after msg, quoting as logrus does.
    field = re.compile(r' ([A-Za-z0-9]+)=("(?:[^"\\]|\\.)*"|\S+)')

    def check(content):
        assert re.match(r'level=[a-z]+ msg="[^"]+" ', content), content
        fields = field.findall(" " + content.split('" ', 1)[1])
        keys = [k for k, _ in fields]
        assert keys == sorted(keys), content
        for k, v in fields:
            if v.startswith('"'):
                assert not LOGRUS_PLAIN.fullmatch(v[1:-1]), (k, v)
            else:
                assert LOGRUS_PLAIN.fullmatch(v), (k, v)

    def render(_tag, content):
        check(content)
        return 'time="%sT%sZ" %s' % (c.ymd(), c.hms(), content)
    write("Cilium", c, [(n, None, g) for n, g in events], render)


# ------------------------------------------------------------------------------------------
# 3. Redis Sentinel: `pid:X dd Mon yyyy hh:mm:ss.mmm <level> message`, role letter `X` for a
#    sentinel, level markers `.` debug, `-` verbose, `*` notice, `#` warning. Content is what
#    follows the level marker and its space.
def redis_sentinel():
    c = Clock()
    pid = R.randint(1000, 60000)
    masters = {"mymaster": ("10.20.0.11", "6379", "2"), "cache-eu": ("10.20.1.21", "6380", "2"),
               "sessions": ("10.20.2.31", "6379", "3")}
    replicas = {m: ["10.20.%d.%d" % (k, R.randint(40, 90)) for _ in range(3)] for k, m in enumerate(masters)}
    sentinels = [(hexid(40), "10.20.9.%d" % (11 + i)) for i in range(5)]
    state = {"epoch": R.randint(3, 40)}

    def master():
        m = pick(sorted(masters))
        return m, masters[m]

    def replica_event(head):
        def gen():
            m, (mip, mport, _) = master()
            ip = pick(replicas[m])
            return ev(head + " <*> <*> <*> @ <*> <*> <*>", "%s:%s" % (ip, mport), ip, mport, m, mip, mport)
        return gen

    def sentinel_sdown():
        m, (mip, mport, _) = master()
        runid, ip = pick(sentinels)
        return ev("+sdown sentinel <*> <*> 26379 @ <*> <*> <*>", runid, ip, m, mip, mport)

    def client_closed():
        return ev("Client closed connection id=<*> addr=<*> laddr=<*> fd=<*> name=<*> age=<*> idle=<*> flags=N db=0",
                  num(3, 90000), "%s:%s" % (pick([s[1] for s in sentinels] + ["10.20.7.15", "10.20.7.16"]), eph_port()),
                  "10.20.9.%d:26379" % R.randint(11, 15), num(8, 300),
                  "sentinel-%s-%s" % (hexid(8), pick(["cmd", "pubsub"])), num(0, 86000), num(0, 900))

    def odown():
        m, (mip, mport, q) = master()
        return ev("+odown master <*> <*> <*> #quorum <*>/<*>", m, mip, mport, R.randint(int(q), 5), q)

    def new_epoch():
        state["epoch"] += 1
        return ev("+new-epoch <*>", state["epoch"])

    def vote():
        return ev("+vote-for-leader <*> <*>", pick(sentinels)[0], state["epoch"] + R.randint(0, 1))

    def switch():
        m, (mip, mport, _) = master()
        return ev("+switch-master <*> <*> <*> <*> <*>", m, mip, mport, pick(replicas[m]), mport)

    persist = Cycle([("/etc/redis/sentinel.conf", "No space left on device"), ("/data/sentinel.conf", "Read-only file system"),
                     ("/etc/redis/sentinel.conf", "Permission denied")])
    monitors = Cycle(sorted(masters))

    events = [
        (66, "#", replica_event("+sdown slave")),
        (61, "#", replica_event("-sdown slave")),
        (35, "#", sentinel_sdown),
        (30, "*", replica_event("+slave slave")),
        (25, "-", client_closed),
        (20, "#", odown),
        (15, "#", lambda: (lambda m: ev("+try-failover master <*> <*> <*>", m[0], *m[1][:2]))(master())),
        (12, "#", vote),
        (10, "#", switch),
        (8, "*", replica_event("+convert-to-slave slave")),
        (6, "#", lambda: (lambda m: ev("-failover-abort-not-elected master <*> <*> <*>", m[0], *m[1][:2]))(master())),
        (5, "#", new_epoch),
        (4, "#", lambda: ev("Failed to persist Sentinel configuration to <*>: <*>", *persist())),
        (3, "*", lambda: (lambda m: ev("+monitor master <*> <*> <*> quorum <*>", m, *masters[m]))(monitors())),
    ]

    def render(level, content):
        return "%d:X %s %s.%s %s %s" % (pid, c.dmy(), c.hms(), c.frac(3), level, content)
    write("RedisSentinel", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. Nomad client agent, hclog with a local-time offset:
#    `2026-12-04T11:00:00.123+0100 [INFO]  client.alloc_runner.task_runner: message: k=v ...`.
#    Content is what follows the `[LEVEL]` field and its padding (the logger name is part of it).
def nomad():
    c = Clock(offset_s=3600)
    tasks = ["web", "api", "worker", "redis", "log-shipper", "connect-proxy-api", "migrate-db"]
    allocs = [uuid() for _ in range(14)]

    def alloc():
        return pick(allocs)

    task_msgs = [("Received", "Task received by client", "false"),
                 ("Started", "Task started by client", "false"),
                 ("Terminated", "Exit Code: 0", "false"),
                 ("Terminated", "Exit Code: 137, Signal: 9", "true"),
                 ("Restarting", "Task restarting in 16.204311837s", "false"),
                 ("Killing", "Sent interrupt. Waiting 5s before force killing", "false"),
                 ("Driver", "Downloading image", "false"),
                 ("Killed", "Task successfully killed", "false")]
    restart_reasons = ["Restart within policy", "Exceeded allowed attempts, applying a delay",
                       "Unhealthy because of failed health checks"]
    driver_errors = ["failed to create container: Error response from daemon: pull access denied for registry.example.com/shop/api",
                     "failed to start task: container exited before it could be attached",
                     "image registry.example.com/shop/worker:1.14.2 not found",
                     "failed to create container: Error response from daemon: Conflict. The container name is already in use"]
    consul_errors = ["Get \\\"http://127.0.0.1:8500/v1/agent/self\\\": dial tcp 127.0.0.1:8500: connect: connection refused",
                     "Unexpected response code: 500 (rpc error making call: No cluster leader)",
                     "context deadline exceeded"]
    rpc_errors = ["rpc error: EOF", "rpc error: node secret ID does not match",
                  "failed to get conn: dial tcp 10.30.0.12:4647: i/o timeout", "rpc error: No cluster leader"]
    stats_errors = ["container not found", "failed to read cgroup stats: open /sys/fs/cgroup/nomad.slice: no such file or directory",
                    "stats collection is unsupported by the driver"]
    artifacts = ["https://artifacts.example.com/shop/api-1.14.2.tar.gz", "s3::https://s3.amazonaws.com/example-builds/worker.zip",
                 "git::https://git.example.com/ops/templates.git?ref=v3", "https://artifacts.example.com/shop/static-assets.tgz"]
    gc_reasons = Cycle(["number of allocations (52) is over the limit (50)", "forced collection",
                        "disk usage (91.3%) is over the limit (80%)"])
    heartbeat = Cycle([("12.384s", "10s"), ("21.009s", "15s"), ("31.702s", "30s")])

    def task_event():
        t, msg, failed = pick(task_msgs)
        return ev("client.alloc_runner.task_runner: Task event: alloc_id=<*> task=<*> type=<*> msg=\"<*>\" failed=<*>",
                  alloc(), pick(tasks), t, msg, failed)

    def plugin(word):
        return lambda: ev("client.alloc_runner.task_runner.task_hook.logmon: plugin %s: alloc_id=<*> task=<*> path=/usr/local/bin/nomad pid=<*>" % word,
                          alloc(), pick(tasks), num(2000, 400000))

    events = [
        (84, "INFO", task_event),
        (50, "DEBUG", lambda: (lambda total: ev("client: updated allocations: index=<*> total=<*> pulled=<*> filtered=<*>",
                                                num(10000, 900000), total, *(lambda p: [p, total - p])(R.randint(0, total))))(R.randint(4, 40))),
        (35, "INFO", lambda: ev("client.driver_mgr.docker: created container: driver=docker container_id=<*>", hexid(64))),
        (28, "INFO", lambda: ev("client.gc: marking allocation for GC: alloc_id=<*>", alloc())),
        (22, "WARN", lambda: ev("client.alloc_runner.task_runner: restarting task: alloc_id=<*> task=<*> reason=\"<*>\" delay=<*>",
                                alloc(), pick(tasks), pick(restart_reasons), godur(1000, 60000))),
        (18, "ERROR", lambda: ev("client.alloc_runner.task_runner: running driver failed: alloc_id=<*> task=<*> error=\"<*>\"",
                                 alloc(), pick(tasks), pick(driver_errors))),
        (15, "INFO", plugin("started")),
        (12, "DEBUG", plugin("exited")),
        (10, "WARN", lambda: ev("client.fingerprint_mgr.consul: consul agent is unavailable: error=\"<*>\"", pick(consul_errors))),
        (8, "INFO", lambda: ev("client.alloc_runner.task_runner.task_hook.artifacts: downloading artifact: alloc_id=<*> task=<*> artifact=<*> aid=<*>",
                               alloc(), pick(tasks), pick(artifacts), alnum(22))),
        (6, "ERROR", lambda: ev("client.rpc: error performing RPC to server: error=\"<*>\" rpc=<*> server=<*>",
                                pick(rpc_errors), pick(["Node.UpdateAlloc", "Node.GetClientAllocs", "Node.UpdateStatus"]),
                                "10.30.0.%d:4647" % R.randint(11, 13))),
        (5, "DEBUG", lambda: ev("client.alloc_runner.task_runner.task_hook.stats_hook: failed to start stats collection for task: alloc_id=<*> task=<*> error=\"<*>\"",
                                alloc(), pick(tasks), pick(stats_errors))),
        (4, "WARN", lambda: ev("client: heartbeat missed, re-registering node: elapsed=<*> ttl=<*>", *heartbeat())),
        (3, "INFO", lambda: ev("client.gc: garbage collecting allocation: alloc_id=<*> reason=\"<*>\"", alloc(), gc_reasons())),
    ]

    def render(level, content):
        return "%s+0100 %s%s" % (c.iso(3), hclog_level(level), content)
    write("Nomad", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Django: the `django.server` formatter `[{server_time}] {message}` (runserver request and
#    error lines) mixed with the documented `verbose` formatter
#    `{levelname} {asctime} {module} {process:d} {thread:d} {message}`. Content is what follows
#    `] ` on server lines and what follows the thread id on verbose lines. Tracebacks are not
#    logged (no `exc_info`), so every record is one line.
def django():
    c = Clock()
    pids = [R.randint(2000, 60000) for _ in range(2)]
    threads = [R.randint(139_000_000_000_000, 140_999_999_999_999) for _ in range(4)]
    customers = ["cus_%s" % alnum(14) for _ in range(6)]

    def page_path():
        return pick(["/", "/orders/", "/orders/%s/" % num(1000, 99999), "/api/v1/orders/?page=%s" % num(1, 30),
                     "/accounts/login/?next=/orders/", "/static/css/site.%s.css" % hexid(12), "/static/js/app.%s.js" % hexid(12),
                     "/media/invoices/INV-2026-%05d.pdf" % R.randint(1, 99999), "/api/v1/cart/items/", "/admin/orders/order/"])

    def request():
        m = pick(["GET", "GET", "GET", "GET", "POST", "POST", "PUT", "DELETE", "HEAD"])
        status = pick(["200", "200", "200", "200", "302", "304", "201", "404", "403", "500"])
        size = "0" if status == "304" else num(0, 180000)
        return ev("\"<*> <*> HTTP/1.1\" <*> <*>", m, page_path(), status, size)

    queries = [
        (lambda a: 'SELECT "orders_order"."id", "orders_order"."customer_id", "orders_order"."status", "orders_order"."total" FROM "orders_order" WHERE "orders_order"."id" = %s LIMIT 21' % a,
         lambda: [num(1000, 99999)], lambda a: "%s," % a[0]),
        (lambda a: 'SELECT COUNT(*) AS "__count" FROM "orders_order" WHERE ("orders_order"."customer_id" = \'%s\' AND "orders_order"."status" = \'%s\')' % tuple(a),
         lambda: [pick(customers), pick(["pending", "paid", "shipped"])], lambda a: "'%s', '%s'" % tuple(a)),
        (lambda a: 'UPDATE "django_session" SET "session_data" = \'%s\', "expire_date" = \'2026-12-18T10:00:00+00:00\'::timestamptz WHERE "django_session"."session_key" = \'%s\'' % tuple(a),
         lambda: [alnum(40), lower_alnum(32)], lambda a: "'%s', datetime.datetime(2026, 12, 18, 10, 0, tzinfo=datetime.timezone.utc), '%s'" % tuple(a)),
        (lambda a: 'INSERT INTO "orders_orderline" ("order_id", "sku", "quantity") VALUES (%s, \'%s\', %s) RETURNING "orders_orderline"."id"' % tuple(a),
         lambda: [num(1000, 99999), "SKU-%s" % num(10000, 99999), num(1, 12)], lambda a: "%s, '%s', %s" % tuple(a)),
    ]

    def sql():
        text, args, argfmt = pick(queries)
        a = args()
        return ev("(<*>) <*>; args=(<*>); alias=default", "%.3f" % R.uniform(0.0, 0.4), text(a), argfmt(a))

    csrf_reasons = ["CSRF token missing.", "CSRF cookie not set.", "CSRF token from POST incorrect.",
                    "Origin checking failed - https://shop.example.net does not match any trusted origins."]
    bad_hosts = ["203.0.113.77", "evil.example.net", "shop.example.com.attacker.example", "10.0.3.14:8000"]
    providers = ["stripe", "adyen", "paypal-legacy"]
    tls_garbage = Cycle(["\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xfc\\x03\\x03\\xa1",
                         "\\x16\\x03\\x01\\x00\\xf4\\x01\\x00\\x00\\xf0\\x03\\x03\\x8e",
                         "\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xfc\\x03\\x03\\x3b"])
    changed = Cycle(["/srv/app/orders/views.py", "/srv/app/shop/settings/base.py", "/srv/app/billing/models.py"])
    resets = Cycle([("m.oyelaran@example.org", "412"), ("it-helpdesk@example.com", "7"), ("a.varga@example.net", "1093")])

    events = [
        (105, ("server", None, None), request),
        (40, ("verbose", "DEBUG", "utils"), sql),
        (30, ("verbose", "WARNING", "log"), lambda: ev("Not Found: <*>", page_path())),
        (25, ("verbose", "INFO", "views"), lambda: ev("Order <*> created for customer <*> total=<*> currency=<*>",
                                                       num(1000, 99999), pick(customers), "%.2f" % R.uniform(3, 900), pick(["EUR", "EUR", "GBP", "USD"]))),
        (20, ("verbose", "ERROR", "log"), lambda: ev("Internal Server Error: <*>", page_path())),
        (18, ("verbose", "WARNING", "payments"), lambda: ev("Payment provider <*> responded with status <*> after <*>ms; retrying (attempt <*> of 3)",
                                                            pick(providers), pick(["502", "503", "504", "429"]), num(300, 30000), num(1, 3))),
        (14, ("verbose", "WARNING", "log"), lambda: ev("Forbidden (<*>): <*>", pick(csrf_reasons), page_path())),
        (12, ("verbose", "WARNING", "log"), lambda: ev("Bad Request: <*>", page_path())),
        (10, ("verbose", "ERROR", "exception"), lambda: (lambda h: ev("Invalid HTTP_HOST header: '<*>'. You may need to add '<*>' to ALLOWED_HOSTS.", h, h.split(":")[0]))(pick(bad_hosts))),
        (8, ("verbose", "WARNING", "middleware"), lambda: ev("Slow request <*> <*> took <*>s (<*> queries, <*> cache misses)",
                                                             pick(["GET", "POST"]), page_path(), "%.2f" % R.uniform(1, 12), num(5, 400), num(0, 60))),
        (6, ("server", None, None), lambda: ev("code 400, message Bad request version ('<*>')", tls_garbage())),
        (5, ("server", None, None), lambda: ev("You're accessing the development server over HTTPS, but it only supports HTTP.")),
        (4, ("verbose", "INFO", "autoreload"), lambda: ev("<*> changed, reloading.", changed())),
        (3, ("verbose", "INFO", "signals"), lambda: ev("Password reset email queued for <*> (user id <*>)", *resets())),
    ]

    def render(tag, content):
        kind, level, module = tag
        if kind == "server":
            return "[%s] %s" % (c.clf(), content)
        return "%s %s %s,%s %s %d %d %s" % (level, c.ymd(), c.hms(), c.frac(3), module, pick(pids), pick(threads), content)
    write("Django", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. ASP.NET Core console logger, SimpleConsole formatter with SingleLine=true and
#    TimestampFormat "yyyy-MM-ddTHH:mm:ss.fff ": `2026-12-04T10:00:00.123 info: Category[EventId]
#    message`. Content is what follows `<level>: ` (`Category[EventId]` is part of it and literal,
#    as it is fixed per event type). Exceptions are written as `Type: message` on the same line;
#    stack frames are left out.
def aspnetcore():
    c = Clock()
    hosts = ["http://localhost:5000", "https://localhost:5001", "http://shopfront-api:8080"]

    def url():
        return pick(hosts) + pick(["/api/orders", "/api/orders/%s" % num(1000, 99999), "/api/orders?page=%s&size=20" % num(1, 30),
                                   "/api/cart/%s/items" % uuid(), "/api/inventory/SKU-%s" % num(10000, 99999), "/health/ready",
                                   "/swagger/v1/swagger.json", "/api/customers/%s" % num(1, 9000)])

    def starting():
        m = pick(["GET", "GET", "GET", "POST", "PUT", "DELETE"])
        proto = pick(["HTTP/1.1", "HTTP/1.1", "HTTP/2"])
        body = m in ("POST", "PUT")
        return ev("Microsoft.AspNetCore.Hosting.Diagnostics[1] Request starting <*> <*> <*> - <*> <*>",
                  proto, m, url(), "application/json" if body else "-", num(20, 4000) if body else "-")

    def finished():
        m = pick(["GET", "GET", "GET", "POST", "PUT", "DELETE"])
        status = pick(["200", "200", "200", "201", "204", "400", "401", "404", "500"])
        empty = status in ("204", "401")
        return ev("Microsoft.AspNetCore.Hosting.Diagnostics[2] Request finished <*> <*> <*> - <*> <*> <*> <*>ms",
                  pick(["HTTP/1.1", "HTTP/1.1", "HTTP/2"]), m, url(), status, "0" if empty else num(2, 60000),
                  "-" if empty else pick(["application/json;+charset=utf-8", "application/problem+json;+charset=utf-8", "text/plain"]),
                  "%.4f" % R.uniform(0.3, 2500))

    endpoints = ["Shopfront.Api.Controllers.OrdersController.GetOrder (Shopfront.Api)",
                 "Shopfront.Api.Controllers.OrdersController.CreateOrder (Shopfront.Api)",
                 "Shopfront.Api.Controllers.CartController.AddItem (Shopfront.Api)",
                 "Shopfront.Api.Controllers.InventoryController.GetStock (Shopfront.Api)",
                 "Health checks",
                 "HTTP: GET /api/customers/{id:int}"]
    commands = [('SELECT o."Id", o."CustomerId", o."Status", o."Total" FROM "Orders" AS o WHERE o."Id" = @__orderId_0 LIMIT 1',
                 "@__orderId_0='?' (DbType = Int32)"),
                ('INSERT INTO "OrderLines" ("OrderId", "Quantity", "Sku") VALUES (@p0, @p1, @p2) RETURNING "Id";',
                 "@p0='?' (DbType = Int32), @p1='?' (DbType = Int32), @p2='?' (Size = 32)"),
                ('UPDATE "Carts" SET "UpdatedAt" = @p0 WHERE "Id" = @p1;',
                 "@p0='?' (DbType = DateTime), @p1='?' (DbType = Guid)"),
                ('SELECT c."Id", c."Email" FROM "Customers" AS c WHERE c."Email" = @__email_0 LIMIT 2',
                 "@__email_0='?' (Size = 256)")]

    def dbcommand(head):
        def gen():
            sql, params = pick(commands)
            return ev(head + " DbCommand (<*>ms) [Parameters=[<*>], CommandType='Text', CommandTimeout='30'] <*>", num(0, 3000), params, sql)
        return gen

    failed_commands = Cycle(commands)

    def failed_dbcommand():
        sql, params = failed_commands()
        return ev("Microsoft.EntityFrameworkCore.Database.Command[20102] Failed executing DbCommand (<*>ms) [Parameters=[<*>], CommandType='Text', CommandTimeout='30'] <*>",
                  num(30000, 30100), params, sql)

    exceptions = [("System.InvalidOperationException", "Sequence contains no elements"),
                  ("System.NullReferenceException", "Object reference not set to an instance of an object."),
                  ("Npgsql.NpgsqlException", "Exception while reading from stream"),
                  ("System.TimeoutException", "The operation has timed out after 00:00:30"),
                  ("Shopfront.Api.Domain.CartLockedException", "Cart is locked by checkout session 7f3e")]
    token_errors = [("Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException", "The token lifetime ended before the current time."),
                    ("Microsoft.IdentityModel.Tokens.SecurityTokenInvalidSignatureException", "No signing key matched the kid in the token header."),
                    ("Microsoft.IdentityModel.Tokens.SecurityTokenInvalidAudienceException", "Audience 'shop-admin' is not one of the accepted audiences.")]
    listen = Cycle(["http://localhost:5000", "https://localhost:5001", "http://[::]:8080"])
    heartbeat = Cycle(["00:00:01.4839210", "00:00:02.0113377", "00:00:01.2090054"])

    events = [
        (68, "info", starting),
        (66, "info", finished),
        (40, "info", lambda: ev("Microsoft.AspNetCore.Routing.EndpointMiddleware[0] Executing endpoint '<*>'", pick(endpoints))),
        (36, "info", lambda: ev("Microsoft.AspNetCore.Routing.EndpointMiddleware[1] Executed endpoint '<*>'", pick(endpoints))),
        (22, "info", dbcommand("Microsoft.EntityFrameworkCore.Database.Command[20101] Executed")),
        (16, "warn", lambda: ev("Shopfront.Api.Services.InventoryClient[3104] Inventory lookup for SKU <*> failed with <*>; serving cached stock level from <*>",
                                "SKU-%s" % num(10000, 99999), pick(["503 (ServiceUnavailable)", "504 (GatewayTimeout)", "500 (InternalServerError)"]),
                                c.iso_at(-R.randint(30, 3600)))),
        (12, "fail", lambda: ev("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1] An unhandled exception has occurred while executing the request. <*>: <*>",
                                *pick(exceptions))),
        (10, "info", lambda: ev("System.Net.Http.HttpClient.InventoryClient.LogicalHandler[100] Start processing HTTP request <*> <*>",
                                pick(["GET", "GET", "POST"]), "http://inventory:8080/v2/stock/SKU-%s" % num(10000, 99999))),
        (8, "info", lambda: ev("Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler[1] Failed to validate the token. <*>: <*>", *pick(token_errors))),
        (6, "warn", lambda: ev("Microsoft.AspNetCore.HttpsPolicy.HttpsRedirectionMiddleware[3] Failed to determine the https port for redirect.")),
        (5, "info", lambda: ev("Shopfront.Api.Workers.OutboxDispatcher[2201] Dispatched <*> outbox messages to <*> in <*>ms (<*> remaining)",
                               num(1, 500), pick(["rabbitmq://broker-1/orders", "rabbitmq://broker-2/orders", "rabbitmq://broker-1/billing"]), num(3, 2000), num(0, 4000))),
        (4, "info", lambda: ev("Microsoft.Hosting.Lifetime[14] Now listening on: <*>", listen())),
        (3, "warn", lambda: ev("Microsoft.AspNetCore.Server.Kestrel[22] Heartbeat tick at \"<*>\" ran for \"<*>\", longer than the \"00:00:01\" interval; the thread pool may be starved.",
                               c.iso_at(0), heartbeat())),
        (4, "fail", failed_dbcommand),
    ]

    def render(level, content):
        return "%s %s: %s" % (c.iso(3), level, content)
    write("AspNetCore", c, events, render)


# ------------------------------------------------------------------------------------------
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
        templates, counts, slots = {}, {}, {}
        for i, (row, line) in enumerate(zip(rows, lines)):
            assert len(row) == 4, (system, row)
            line_id, content, event_id, template = row
            assert line_id == str(i + 1), (system, line_id)
            assert re.fullmatch(r"E[0-9]+", event_id), (system, event_id)
            assert content and content == content.strip() and line.endswith(content), (system, i + 1)
            assert len(line) > len(content), (system, i + 1)  # a header precedes the Content
            assert "<*><*>" not in template, (system, template)
            m = template_regex(template).fullmatch(content)
            assert m, (system, i + 1, template, content)
            assert templates.setdefault(event_id, template) == template, (system, event_id)
            counts[event_id] = counts.get(event_id, 0) + 1
            seen = slots.setdefault(event_id, [set() for _ in m.groups()])
            for s, v in zip(seen, m.groups()):
                s.add(v)
        assert len(set(templates.values())) == len(templates), system
        assert 12 <= len(counts) <= 15, (system, len(counts))
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
    """Timestamps never go back: the header times, read back as strings in a sortable form."""
    parsers = {
        "Consul": lambda l: l[:23],
        "Nomad": lambda l: l[:23],
        "Cilium": lambda l: l[6:26],
        "AspNetCore": lambda l: l[:23],
        "RedisSentinel": lambda l: (lambda p: "%s-%02d-%s %s" % (p[2], MONTHS.index(p[1]) + 1, p[0], p[3]))(l.split(" ")[1:5]),
        "Django": lambda l: (lambda m: "%s-%02d-%s %s" % (m.group(3), MONTHS.index(m.group(2)) + 1, m.group(1), m.group(4)))(
            re.match(r"\[(\d\d)/(\w\w\w)/(\d{4}) (\d\d:\d\d:\d\d)\]", l)) if l.startswith("[")
        else (lambda p: "%s %s" % (p[1], p[2].split(",")[0]))(l.split(" ")),
    }
    for system, key in parsers.items():
        with open(os.path.join(HERE, system, system + ".log"), encoding="utf-8") as f:
            stamps = [key(l) for l in f.read().splitlines()]
        assert stamps == sorted(stamps), system


if __name__ == "__main__":
    consul()
    cilium()
    redis_sentinel()
    nomad()
    django()
    aspnetcore()
    check_clock_order()
    for system, counts in self_check().items():
        print("%-13s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
