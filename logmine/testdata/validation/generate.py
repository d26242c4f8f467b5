#!/usr/bin/env python3
"""Writes the miner's validation corpus (see README.md beside this file).

Six systems whose formats are in none of the other corpora (`../loghub_2k`, `../dev_corpus`,
`../heldout`). Every line is made here from event formats written for this corpus from each
format's documented shape, with random values; nothing is copied from a public log.
Deterministic (fixed seed): `python3 generate.py` rewrites the same files. Each system gets
`<System>.log` (raw lines) and `<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate), the layout `loghub-eval` reads.

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces is one
`<*>`; punctuation around a value stays literal.

This corpus is for measuring only: no miner change may be made by reading its errors.
"""
import csv
import json
import os
import random
import time

R = random.Random(73105)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))

HOSTS = ["cass-a1", "cass-b2", "node-7", "worker-03", "edge-lb"]
KEYSPACES = ["orders_ks", "telemetry", "system_auth", "catalog"]
CFS = ["events_by_day", "user_sessions", "roles", "item_prices", "counters"]
QUEUES = ["celery", "emails", "reports", "thumbnails"]
TASKS = ["app.tasks.send_email", "app.tasks.render_report", "billing.tasks.charge_card", "media.tasks.make_thumbnail"]
VHOSTS = ["/", "/prod", "staging"]
RUSERS = ["guest", "svc_orders", "monitoring", "admin"]


def ip(prefix=None):
    a = prefix or R.choice(["10.12", "172.20", "192.168"])
    return "%s.%d.%d" % (a, R.randint(0, 255), R.randint(1, 254))


def hexid(n=8):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def uuid():
    return "-".join(hexid(n) for n in (8, 4, 4, 4, 12))


def num(a=1, b=99999):
    return str(R.randint(a, b))


def dec(a, b, places=3):
    return "%.*f" % (places, R.uniform(a, b))


class Clock:
    def __init__(self):
        self.t = 1780300000.0 + R.randint(0, 86400)

    def tick(self):
        self.t += R.random() * 3.0
        g = time.gmtime(self.t)
        return g, int((self.t % 1) * 1_000_000)


def ymd(g, sep="-"):
    return "%04d%s%02d%s%02d" % (g.tm_year, sep, g.tm_mon, sep, g.tm_mday)


def hms(g):
    return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)


def write(system, events, render):
    """events: list of (weight, tag, format with {} holes, value makers). render(tag, content,
    values) -> the raw line. A format may also be a callable returning (content, template)."""
    folder = os.path.join(HERE, system)
    os.makedirs(folder, exist_ok=True)
    rows, raw = [], []
    weights = [e[0] for e in events]
    for i in range(LINES):
        k = R.choices(range(len(events)), weights)[0]
        _, tag, fmt, makers = events[k]
        values = [m() for m in makers]
        if callable(fmt):
            content, template = fmt(*values)
        else:
            content = fmt.format(*values)
            template = fmt.format(*["<*>"] * len(values))
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(render(tag, content, values))
    with open(os.path.join(folder, system + ".log"), "w", newline="") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(folder, system + ".log_structured.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


# ---------------------------------------------------------------------------------------------
# Apache Cassandra system.log (logback pattern `%-5level [%thread] %date{ISO8601} %F:%L - %msg`).
# Content is what follows ` - `.
def cassandra():
    c = Clock()
    events = [
        (8, "INFO CompactionExecutor:{} CompactionTask.java:255", "Compacted ({}) {} sstables to [{}] to level={}.  {}KiB to {}KiB (~{}% of original) in {}ms.  Read Throughput = {}KiB/s, Write Throughput = {}KiB/s, Row Throughput = ~{}/s.  {} total partitions merged to {}.  Partition merge counts were {{{}}}", [uuid, lambda: num(2, 8), lambda: "/var/lib/cassandra/data/%s/%s-%s/nb-%s-big" % (R.choice(KEYSPACES), R.choice(CFS), hexid(32), num(1, 9999)), lambda: num(0, 3), lambda: num(10, 99999), lambda: num(10, 99999), lambda: num(20, 99), lambda: num(5, 9000), lambda: dec(0, 9999), lambda: dec(0, 9999), lambda: num(1, 90000), lambda: num(1, 9999), lambda: num(1, 9999), lambda: "1:%s, 2:%s" % (num(1, 999), num(1, 99))]),
        (8, "INFO MemtableFlushWriter:{} Flushing.java:145", "Writing Memtable-{}@{}({} KiB serialized bytes, {} ops, {}%/{}% of on/off-heap limit), flushed range = [{}, {})", [lambda: R.choice(CFS), lambda: num(100000000, 2147483647), lambda: dec(0, 9999), lambda: num(1, 99999), lambda: num(0, 30), lambda: num(0, 30), lambda: "min(-9223372036854775808)", lambda: "max(9223372036854775807)"]),
        (6, "INFO NativePoolCleaner ColumnFamilyStore.java:878", "Enqueuing flush of {}.{}, Reason: {}, Usage: {} KiB ({}%) on-heap, {} KiB ({}%) off-heap", [lambda: R.choice(KEYSPACES), lambda: R.choice(CFS), lambda: R.choice(["MEMTABLE_LIMIT", "COMMITLOG_DIRTY", "SNAPSHOT"]), lambda: dec(0, 99999), lambda: num(0, 40), lambda: dec(0, 9999), lambda: num(0, 40)]),
        (6, "INFO GossipStage:1 Gossiper.java:1140", "InetAddress /{} is now {}", [ip, lambda: R.choice(["UP", "DOWN"])]),
        (5, "WARN ScheduledTasks:1 NoSpamLogger.java:95", "Some operations were slow, details available at debug level (debug.log)", []),
        (5, "INFO Service Thread GCInspector.java:294", "{} GC in {}ms.  {}: {} -> {}", [lambda: R.choice(["G1 Young Generation", "ParNew", "ConcurrentMarkSweep"]), lambda: num(200, 5000), lambda: R.choice(["G1 Eden Space", "Par Eden Space", "CMS Old Gen"]), lambda: num(1000000, 900000000), lambda: num(0, 90000000)]),
        (4, "WARN ReadStage-{} ReadCommand.java:612", "Read {} live rows and {} tombstone cells for query SELECT * FROM {}.{} WHERE id = {} LIMIT {}; token {} (see tombstone_warn_threshold)", [lambda: num(0, 500), lambda: num(1001, 90000), lambda: R.choice(KEYSPACES), lambda: R.choice(CFS), uuid, lambda: R.choice(["100", "5000"]), lambda: num(-9223372036854775807, 9223372036854775807)]),
        (4, "INFO HANDSHAKE-/{} OutboundTcpConnection.java:561", "Handshaking version with /{}", [ip]),
        (3, "ERROR Native-Transport-Requests-{} ErrorMessage.java:384", "Unexpected exception during request; channel = [id: 0x{}, L:/{}:9042 ! R:/{}:{}]", [lambda: hexid(8), ip, ip, lambda: num(30000, 65000)]),
        (3, "INFO main StorageService.java:1533", "JOINING: {}", [lambda: R.choice(["waiting for ring information", "schema complete, ready to bootstrap", "Starting to bootstrap...", "sleeping 30000 ms for pending range setup"])]),
        (3, "INFO MigrationStage:1 ColumnFamilyStore.java:411", "Initializing {}.{}", [lambda: R.choice(KEYSPACES), lambda: R.choice(CFS)]),
        (2, "INFO StorageServiceShutdownHook HintsService.java:220", "Paused hints dispatch", []),
        (2, "WARN main StartupChecks.java:142", "JMX is not enabled to receive remote connections. Please see cassandra-env.sh for more info.", []),
        (2, "INFO main CassandraDaemon.java:650", "Startup complete", []),
    ]

    def render(tag, content, values):
        g, us = c.tick()
        parts = tag.split(" ")
        level, rest = parts[0], parts[1:]
        fileline = rest[-1]
        thread = " ".join(rest[:-1])
        if "{}" in thread:
            thread = thread.format(R.randint(1, 32) if "HANDSHAKE" not in thread else ip())
        return "%-5s [%s] %s %s,%03d %s - %s" % (level, thread, ymd(g), hms(g), us // 1000, fileline, content)
    write("Cassandra", events, render)


# ---------------------------------------------------------------------------------------------
# MongoDB 4.4+ structured JSON log: {"t":{"$date":…},"s":…,"c":…,"id":…,"ctx":…,"msg":…,"attr":{…}}.
# Content is the `msg` field (the values are in `attr`, so every template is constant).
def mongodb():
    c = Clock()

    def conn():
        return "conn%s" % num(1, 9999)
    events = [
        (9, ("I", "NETWORK", 22943, "listener"), "Connection accepted", [lambda: {"remote": "%s:%s" % (ip(), num(30000, 65000)), "uuid": uuid(), "connectionId": int(num(1, 9999)), "connectionCount": int(num(1, 300))}]),
        (9, ("I", "NETWORK", 22944, None), "Connection ended", [lambda: {"remote": "%s:%s" % (ip(), num(30000, 65000)), "uuid": uuid(), "connectionId": int(num(1, 9999)), "connectionCount": int(num(0, 300))}]),
        (7, ("I", "NETWORK", 51800, None), "client metadata", [lambda: {"remote": "%s:%s" % (ip(), num(30000, 65000)), "client": conn(), "doc": {"driver": {"name": R.choice(["nodejs", "PyMongo", "mongo-go-driver"]), "version": R.choice(["6.3.0", "4.6.1", "1.14.0"])}, "os": {"type": "Linux"}}}]),
        (7, ("I", "COMMAND", 51803, None), "Slow query", [lambda: {"type": "command", "ns": "%s.%s" % (R.choice(["shop", "auth"]), R.choice(["orders", "users", "carts"])), "command": {"find": R.choice(["orders", "users"]), "filter": {"status": R.choice(["open", "paid"])}}, "planSummary": R.choice(["COLLSCAN", "IXSCAN { status: 1 }"]), "durationMillis": int(num(100, 9000))}]),
        (5, ("I", "ACCESS", 20250, None), "Authentication succeeded", [lambda: {"mechanism": R.choice(["SCRAM-SHA-256", "SCRAM-SHA-1"]), "speculative": R.choice([True, False]), "principalName": R.choice(["app", "backup", "admin"]), "authenticationDatabase": "admin", "remote": "%s:%s" % (ip(), num(30000, 65000))}]),
        (3, ("I", "ACCESS", 20249, None), "Authentication failed", [lambda: {"mechanism": "SCRAM-SHA-256", "principalName": R.choice(["app", "root", "test"]), "authenticationDatabase": "admin", "remote": "%s:%s" % (ip(), num(30000, 65000)), "result": "AuthenticationFailed: SCRAM authentication failed, storedKey mismatch"}]),
        (4, ("I", "STORAGE", 22430, "Checkpointer"), "WiredTiger message", [lambda: {"message": {"ts_sec": int(c.t), "ts_usec": int(num(0, 999999)), "thread": "%s:0x%s" % (num(1, 99), hexid(12)), "message": "saving checkpoint snapshot min: %s, snapshot max: %s snapshot count: 0, oldest timestamp: (0, 0)" % (num(1, 99999), num(1, 99999))}}]),
        (3, ("I", "REPL", 21340, "ReplCoord-1"), "Member is in new state", [lambda: {"hostAndPort": "%s:27017" % R.choice(HOSTS), "newState": R.choice(["SECONDARY", "PRIMARY", "RECOVERING"])}]),
        (2, ("W", "CONTROL", 22120, "initandlisten"), "Access control is not enabled for the database. Read and write access to data and configuration is unrestricted", [lambda: {}]),
        (3, ("I", "INDEX", 20345, None), "Index build: done building", [lambda: {"buildUUID": None, "collectionUUID": {"uuid": {"$uuid": uuid()}}, "namespace": "shop.orders", "index": R.choice(["status_1", "created_at_-1"]), "ident": "index-%s-%s" % (num(1, 99), num(1000, 99999))}]),
        (2, ("E", "NETWORK", 23255, None), "Error receiving request from client. Ending connection from remote", [lambda: {"error": {"code": 141, "codeName": "SSLHandshakeFailed", "errmsg": "SSL handshake received but server is started without SSL support"}, "remote": "%s:%s" % (ip(), num(30000, 65000))}]),
        (2, ("I", "CONTROL", 23377, "SignalHandler"), "Received signal", [lambda: {"signal": 15, "error": "Terminated"}]),
    ]

    def render(tag, content, values):
        g, us = c.tick()
        s, comp, ident, ctx = tag
        line = {"t": {"$date": "%sT%s.%03d+00:00" % (ymd(g), hms(g), us // 1000)}, "s": s, "c": comp, "id": ident,
                "ctx": ctx or "conn%s" % num(1, 9999), "msg": content}
        if values[0]:
            line["attr"] = values[0]
        return json.dumps(line, separators=(",", ":"))

    # the attr dict is a value of the line, not of the message: no holes in the format
    events = [(w, t, (lambda m: (lambda _a: (m, m)))(m), mk) for (w, t, m, mk) in events]
    write("MongoDB", events, render)


# ---------------------------------------------------------------------------------------------
# HashiCorp hclog (Consul, Nomad, Vault): `2026-06-01T10:00:00.123Z [INFO]  agent.server: msg: key=value …`.
# Content is what follows the logger name (`agent.server: `); the name is a header field.
def hclog():
    c = Clock()
    nodes = ["consul-server-1", "consul-server-2", "web-7", "db-primary"]
    events = [
        (8, "INFO", "agent.server.serf.lan: serf: EventMemberJoin: {} {}", [lambda: R.choice(nodes), ip]),
        (6, "INFO", "agent.server.serf.lan: serf: EventMemberFailed: {} {}", [lambda: R.choice(nodes), ip]),
        (7, "INFO", "agent: Synced service: service={}", [lambda: R.choice(["web", "api-v2", "redis", "postgres-replica"]) + "-" + hexid(6)]),
        (6, "WARN", "agent: Check is now critical: check={}", [lambda: "service:" + R.choice(["web", "api-v2", "redis"]) + "-" + hexid(6)]),
        (5, "ERROR", "agent.client: RPC failed to server: method={} server={}:8300 error=\"{}\"", [lambda: R.choice(["Catalog.Register", "Health.ServiceNodes", "KVS.Get"]), ip, lambda: R.choice(["rpc error making call: EOF", "rpc error: No cluster leader", "i/o timeout"])]),
        (6, "INFO", "agent.server.raft: entering follower state: follower=\"Node at {}:8300 [Follower]\" leader-address={}:8300 leader-id={}", [ip, ip, uuid]),
        (4, "WARN", "agent.server.raft: heartbeat timeout reached, starting election: last-leader-addr={}:8300 last-leader-id={}", [ip, uuid]),
        (4, "INFO", "agent.server.raft: election won: term={} tally={}", [lambda: num(2, 400), lambda: num(2, 5)]),
        (5, "INFO", "agent.server.memberlist.lan: memberlist: Suspect {} has failed, no acks received", [lambda: R.choice(nodes)]),
        (4, "DEBUG", "agent.http: Request finished: method={} url={} from={}:{} latency={}", [lambda: R.choice(["GET", "PUT"]), lambda: R.choice(["/v1/agent/self", "/v1/kv/config/app?index=%s" % num(1, 99999), "/v1/health/service/web?passing=1"]), ip, lambda: num(30000, 65000), lambda: R.choice(["%sµs" % num(50, 999), "%s.%sms" % (num(1, 900), num(100000, 999999))])]),
        (3, "ERROR", "agent.dns: rpc error: error=\"{}\"", [lambda: R.choice(["No path to datacenter", "rpc error making call: Permission denied"])]),
        (2, "INFO", "agent: Consul agent running!", []),
        (2, "INFO", "agent: Caught: signal={}", [lambda: R.choice(["interrupt", "terminated", "hangup"])]),
    ]

    # the logger name is a header field: keep it out of Content and the template
    events = [(w, "%s %s" % (t, f.split(": ", 1)[0]), f.split(": ", 1)[1], mk) for (w, t, f, mk) in events]

    def render(tag, content, values):
        g, us = c.tick()
        level, name = tag.split(" ")
        return "%sT%s.%03dZ [%s] %s%s: %s" % (ymd(g), hms(g), us // 1000, level, " " * (5 - len(level)), name, content)
    write("Hclog", events, render)


# ---------------------------------------------------------------------------------------------
# RabbitMQ 3.9+ default log: `2026-06-01 10:00:00.123456+00:00 [info] <0.123.0> message`.
# Content is what follows the Erlang pid.
def rabbitmq():
    c = Clock()

    def epid():
        return "<0.%s.0>" % num(100, 99999)
    events = [
        (9, "info", "accepting AMQP connection {} ({}:{} -> {}:5672)", [epid, ip, lambda: num(30000, 65000), ip]),
        (8, "info", "connection {} ({}:{} -> {}:5672): user '{}' authenticated and granted access to vhost '{}'", [epid, ip, lambda: num(30000, 65000), ip, lambda: R.choice(RUSERS), lambda: R.choice(VHOSTS)]),
        (7, "info", "closing AMQP connection {} ({}:{} -> {}:5672, vhost: '{}', user: '{}')", [epid, ip, lambda: num(30000, 65000), ip, lambda: R.choice(VHOSTS), lambda: R.choice(RUSERS)]),
        (5, "warning", "closing AMQP connection {} ({}:{} -> {}:5672, vhost: '{}', user: '{}'):\nclient unexpectedly closed TCP connection".replace("\n", " "), [epid, ip, lambda: num(30000, 65000), ip, lambda: R.choice(VHOSTS), lambda: R.choice(RUSERS)]),
        (4, "error", "Error on AMQP connection {} ({}:{} -> {}:5672, state: starting): PLAIN login refused: user '{}' - invalid credentials", [epid, ip, lambda: num(30000, 65000), ip, lambda: R.choice(RUSERS + ["test", "root"])]),
        (4, "info", "Mirrored queue '{}' in vhost '{}': Adding mirror on node rabbit@{}: {}", [lambda: R.choice(["orders", "emails.retry", "events"]), lambda: R.choice(VHOSTS), lambda: R.choice(HOSTS), epid]),
        (4, "warning", "memory resource limit alarm set on node rabbit@{}.", [lambda: R.choice(HOSTS)]),
        (3, "info", "memory resource limit alarm cleared on node rabbit@{}", [lambda: R.choice(HOSTS)]),
        (4, "info", "Ready to start client connection listeners", []),
        (3, "info", "started TCP listener on [::]:{}", [lambda: R.choice(["5672", "15672", "25672"])]),
        (3, "info", "Waiting for Mnesia tables for {} ms, {} retries left", [lambda: "30000", lambda: num(1, 9)]),
        (3, "error", "Channel error on connection {} ({}:{} -> {}:5672, vhost: '{}', user: '{}'), channel {}: operation queue.declare caused a channel exception precondition_failed: inequivalent arg 'x-queue-type' for queue '{}' in vhost '{}': received none but current is the value 'quorum' of type 'longstr'", [epid, ip, lambda: num(30000, 65000), ip, lambda: R.choice(VHOSTS), lambda: R.choice(RUSERS), lambda: num(1, 20), lambda: R.choice(["orders", "events"]), lambda: R.choice(VHOSTS)]),
        (2, "info", "Server startup complete; {} plugins started.", [lambda: num(3, 8)]),
    ]

    def render(tag, content, values):
        g, us = c.tick()
        return "%s %s.%06d+00:00 [%s] %s %s" % (ymd(g), hms(g), us, tag, epid(), content)
    write("RabbitMQ", events, render)


# ---------------------------------------------------------------------------------------------
# Celery worker log (`[%(asctime)s: %(levelname)s/%(processName)s] %(message)s`, task lines with
# the task name and id). Content is what follows `] `.
def celery():
    c = Clock()
    events = [
        (10, "INFO/MainProcess", "Task {}[{}] received", [lambda: R.choice(TASKS), uuid]),
        (10, "INFO/ForkPoolWorker-{}", "Task {}[{}] succeeded in {}s: {}", [lambda: R.choice(TASKS), uuid, lambda: "%.*f" % (R.randint(9, 16), R.uniform(0, 30)), lambda: R.choice(["None", "True", "{'sent': %s}" % num(1, 9), "'ok'"])]),
        (4, "ERROR/ForkPoolWorker-{}", "Task {}[{}] raised unexpected: {}", [lambda: R.choice(TASKS), uuid, lambda: R.choice(["ConnectionError('Error 111 connecting to redis:6379. Connection refused.')", "TimeoutError()", "KeyError('customer_id')", "SMTPServerDisconnected('Connection unexpectedly closed')"])]),
        (4, "INFO/ForkPoolWorker-{}", "Task {}[{}] retry: Retry in {}s: {}", [lambda: R.choice(TASKS), uuid, lambda: R.choice(["10", "60", "300"]), lambda: R.choice(["TimeoutError()", "ConnectionResetError(104, 'Connection reset by peer')"])]),
        (3, "WARNING/MainProcess", "Substantial drift from {} may mean clocks are out of sync.  Current drift is {} seconds.  [orig: {} recv: {}]", [lambda: "celery@" + R.choice(HOSTS), lambda: num(30, 900), lambda: "2026-06-01 %s" % hms(time.gmtime(c.t)), lambda: "2026-06-01 %s" % hms(time.gmtime(c.t + 60))]),
        (3, "INFO/MainProcess", "Connected to {}", [lambda: "amqp://%s:**@%s:5672//" % (R.choice(RUSERS), ip())]),
        (3, "INFO/MainProcess", "mingle: searching for neighbors", []),
        (3, "INFO/MainProcess", "mingle: sync with {} nodes", [lambda: num(1, 9)]),
        (3, "INFO/MainProcess", "{} ready.", [lambda: "celery@" + R.choice(HOSTS)]),
        (3, "ERROR/MainProcess", "consumer: Cannot connect to {}: {}.\nTrying again in {} seconds... ({}/100)".replace("\n", " "), [lambda: "amqp://guest:**@%s:5672//" % ip(), lambda: R.choice(["[Errno 111] Connection refused", "timed out"]), lambda: R.choice(["2.00", "4.00", "6.00"]), lambda: num(1, 99)]),
        (2, "WARNING/MainProcess", "Restoring {} unacknowledged message(s)", [lambda: num(1, 300)]),
        (2, "INFO/MainProcess", "Events of group {{task}} enabled by remote.", []),
        (2, "ERROR/MainProcess", "Process '{}' pid:{} exited with 'signal 9 (SIGKILL)'", [lambda: "ForkPoolWorker-%s" % num(1, 16), lambda: num(100, 65000)]),
    ]

    def render(tag, content, values):
        g, us = c.tick()
        if "{}" in tag:
            tag = tag.format(R.randint(1, 16))
        return "[%s %s,%03d: %s] %s" % (ymd(g), hms(g), us // 1000, tag, content)
    write("Celery", events, render)


# ---------------------------------------------------------------------------------------------
# Squid native access.log: `time.ms elapsed client code/status bytes method URL user hierarchy/peer type`.
# The whole line is the message (Content = raw line), as for an access log without a prefix.
def squid():
    c = Clock()
    sites = ["http://deb.debian.org/debian/pool/main/%s.deb", "http://archive.example.net/files/%s.tar.gz", "https://api.example.org/%s"]

    def access(code, status, method, host_kind):
        c.tick()
        t = "%d.%03d" % (int(c.t) + R.randint(0, 2), R.randint(0, 999))
        elapsed = num(0, 90000)
        client = ip()
        size = num(0, 9999999)
        if method == "CONNECT":
            u = "%s:443" % R.choice(["api.example.org", "cdn.example.net", "login.example.com"])
            content = "%s %6s %s %s/%s %s %s %s - %s/%s -" % (t, elapsed, client, code, status, size, method, u, host_kind, ip())
            template = "<*> <*> <*> %s/<*> <*> %s <*> - %s/<*> -" % (code, method, host_kind)
        else:
            u = R.choice(sites) % hexid(10)
            mime = R.choice(["text/html", "application/octet-stream", "application/json"])
            content = "%s %6s %s %s/%s %s %s %s - %s/%s %s" % (t, elapsed, client, code, status, size, method, u, host_kind, ip() if host_kind != "HIER_NONE" else "-", mime)
            template = "<*> <*> <*> %s/<*> <*> %s <*> - %s/%s <*>" % (code, method, host_kind, "<*>" if host_kind != "HIER_NONE" else "-")
        return content, template
    events = [
        (10, "", access, [lambda: "TCP_MISS", lambda: R.choice(["200", "304", "404"]), lambda: "GET", lambda: "HIER_DIRECT"]),
        (8, "", access, [lambda: "TCP_TUNNEL", lambda: "200", lambda: "CONNECT", lambda: "HIER_DIRECT"]),
        (6, "", access, [lambda: "TCP_HIT", lambda: "200", lambda: "GET", lambda: "HIER_NONE"]),
        (4, "", access, [lambda: "TCP_REFRESH_UNMODIFIED", lambda: "304", lambda: "GET", lambda: "HIER_DIRECT"]),
        (3, "", access, [lambda: "TCP_DENIED", lambda: "403", lambda: R.choice(["GET", "POST"]), lambda: "HIER_NONE"]),
        (2, "", access, [lambda: "TCP_MISS", lambda: R.choice(["200", "201"]), lambda: "POST", lambda: "HIER_DIRECT"]),
    ]

    def render(tag, content, values):
        return content
    write("Squid", events, render)


if __name__ == "__main__":
    cassandra()
    mongodb()
    hclog()
    rabbitmq()
    celery()
    squid()
