#!/usr/bin/env python3
"""Sealed 63: blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270187; system k (1..6) uses random.Random(20270187 * 10 + k).
All time comes from an integer nanosecond clock on 2026-03-14 UTC.
Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system, then self-checks every file and prints a summary.
"""
import calendar
import csv
import json
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270187
HERE = os.path.dirname(os.path.abspath(__file__))
NS = 1_000_000_000
MS = 1_000_000
US = 1_000
Y, MO, D = 2026, 3, 14
EPOCH_S = calendar.timegm((Y, MO, D, 0, 0, 0, 0, 0, 0))  # 2026-03-14T00:00:00Z
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]  # fixed list, never the locale
N_LINES = 300
SLOT = "<*>"


# ---------------------------------------------------------------- clock / formats
def at(h, m=0, s=0):
    return ((h * 60 + m) * 60 + s) * NS


def hms(t):
    s, frac = divmod(t, NS)
    if not 0 <= s < 86400:
        raise ValueError("clock left 2026-03-14: %d" % t)
    h, r = divmod(s, 3600)
    m, s = divmod(r, 60)
    return h, m, s, frac


def ts_spring(t):
    h, m, s, f = hms(t)
    return "%04d-%02d-%02d %02d:%02d:%02d.%03d" % (Y, MO, D, h, m, s, f // MS)


def ts_log4j(t):
    h, m, s, f = hms(t)
    return "%04d-%02d-%02d %02d:%02d:%02d,%03d" % (Y, MO, D, h, m, s, f // MS)


def ts_iso_ms(t):
    h, m, s, f = hms(t)
    return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (Y, MO, D, h, m, s, f // MS)


def ts_iso_s(t):
    h, m, s, f = hms(t)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (Y, MO, D, h, m, s)


def ts_iso_nano(t):
    """Go time.RFC3339Nano: trailing zeros of the fraction are trimmed."""
    h, m, s, f = hms(t)
    frac = ("%09d" % f).rstrip("0")
    return "%04d-%02d-%02dT%02d:%02d:%02d%sZ" % (Y, MO, D, h, m, s, "." + frac if frac else "")


def ts_munin(t):
    h, m, s, f = hms(t)
    return "%04d/%02d/%02d %02d:%02d:%02d" % (Y, MO, D, h, m, s)


def ts_munin_node(t):
    h, m, s, f = hms(t)
    return "%04d/%02d/%02d-%02d:%02d:%02d" % (Y, MO, D, h, m, s)


def unix_s(t):
    return EPOCH_S + t // NS


def unix_ms(t):
    return EPOCH_S * 1000 + t // MS


def go_dur(ns):
    """Go time.Duration.String() for durations >= 1ms."""
    ns = max(int(ns), MS)
    if ns < NS:
        whole, frac = divmod(ns, MS)
        fs = ("%06d" % frac).rstrip("0")
        return "%d.%sms" % (whole, fs) if fs else "%dms" % whole
    s, frac = divmod(ns, NS)
    m, s = divmod(s, 60)
    h, m = divmod(m, 60)
    fs = ("%09d" % frac).rstrip("0")
    sec = "%d.%s" % (s, fs) if fs else "%d" % s
    out = ""
    if h:
        out += "%dh" % h
    if h or m:
        out += "%dm" % m
    return out + sec + "s"


# ---------------------------------------------------------------- value helpers
HEX = "0123456789abcdef"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def hexs(rng, n):
    return "".join(rng.choice(HEX) for _ in range(n))


def uuid4(rng):
    h = hexs(rng, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:])


def ulid(rng, t):
    ms = unix_ms(t)
    head = ""
    for _ in range(10):
        ms, r = divmod(ms, 32)
        head = CROCKFORD[r] + head
    return head + "".join(rng.choice(CROCKFORD) for _ in range(16))


def ip(rng, prefix):
    parts = prefix.split(".")
    while len(parts) < 4:
        parts.append(str(rng.randint(2, 250)))
    return ".".join(parts)


def logfmt_q(s):
    """go-kit logfmt quoting of a string value (only the escaping, quotes added by the template)."""
    return s.replace("\\", "\\\\").replace('"', '\\"')


def json_s(s):
    """JSON string escaping as Go encoding/json does it (no surrounding quotes)."""
    return json.dumps(s, ensure_ascii=False)[1:-1]


# ---------------------------------------------------------------- framework
class System:
    def __init__(self, k, name, header_re, ts_re, coarse_seconds=False):
        self.k = k
        self.name = name
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.keys = []
        self.tpl = {}
        self.counter = {}
        self.lines = []
        self.seq = 0
        self.header_re = header_re
        self.ts_re = ts_re
        self.coarse = coarse_seconds
        self.kind = ""

    def ev(self, key, template):
        assert key not in self.tpl, key
        assert template not in self.tpl.values(), template
        self.keys.append(key)
        self.tpl[key] = template

    def cyc(self, key, slot, pool):
        c = self.counter.get((key, slot), 0)
        self.counter[(key, slot)] = c + 1
        return pool[c % len(pool)]

    def fill(self, key, vals):
        parts = self.tpl[key].split(SLOT)
        if len(parts) != len(vals) + 1:
            raise ValueError("%s/%s: %d slots, %d values" % (self.name, key, len(parts) - 1, len(vals)))
        out = [parts[0]]
        for v, p in zip(vals, parts[1:]):
            out.append(str(v))
            out.append(p)
        return "".join(out)

    def emit(self, t, header, key, vals):
        self.seq += 1
        self.lines.append((t, self.seq, header, self.fill(key, vals), key))

    def finish_simulation(self):
        self.lines.sort(key=lambda x: (x[0], x[1]))
        self.lines = self.lines[:N_LINES]

    def eid(self, key):
        return "E%d" % (self.keys.index(key) + 1)


def shuffle_stamp(S, counts, start, mean_gap_s, render):
    """Seeded shuffle: fixed count per event, shuffled, forward-only clock, exponential gaps."""
    seq = []
    for key, n in counts:
        seq.extend([key] * n)
    S.rng.shuffle(seq)
    t = start
    for key in seq:
        t += 1 + int(S.rng.expovariate(1.0 / mean_gap_s) * NS)
        render(key, t)


def write_system(S):
    d = os.path.join(HERE, S.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        for t, _, header, content, key in S.lines:
            f.write(header + content + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (t, _, header, content, key) in enumerate(S.lines, 1):
            w.writerow([i, content, S.eid(key), S.tpl[key]])


# ================================================================ 1. Zipkin
def thread15(name):
    """logback %15.15t: right-aligned in 15 columns, truncated from the left."""
    return name[-15:].rjust(15)


def logger40(name, target=39):
    """logback %-40.40logger{39}: abbreviate packages left to right, pad to 40."""
    parts = name.split(".")
    i = 0
    while len(".".join(parts)) > target and i < len(parts) - 1:
        parts[i] = parts[i][0]
        i += 1
    s = ".".join(parts)
    return s[-40:].ljust(40)


def build_zipkin():
    S = System(1, "Zipkin",
               header_re=r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} (?: INFO| WARN|ERROR|DEBUG) "
                         r"\[(?:[0-9a-f]{16}/[0-9a-f]{16}|/)\] 1 --- \[[ \w\-:*]{15}\] [\w.$ ]{40} : ",
               ts_re=r"^\d{4}-\d\d-\d\d (?P<h>\d\d):(?P<m>\d\d):(?P<s>\d\d)\.(?P<f>\d{3}) ")
    S.kind = "seeded shuffle"
    R = S.rng
    E = S.ev
    E("store", "Cannot store spans [<*>] due to <*>(<*>)")
    E("decode", "Cannot decode spans due to <*>(<*>)")
    E("assign", "[Consumer clientId=<*>, groupId=<*>] Adding newly assigned partitions: <*>")
    E("revoke", "[Consumer clientId=<*>, groupId=<*>] Revoke previously assigned partitions <*>")
    E("reset", "[Consumer clientId=<*>, groupId=<*>] Resetting offset for partition <*> to position "
               "FetchPosition{offset=<*>, offsetEpoch=Optional.empty, currentLeader=LeaderAndEpoch"
               "{leader=Optional[<*>], epoch=<*>}}.")
    E("throttle", "Dropped <*> spans: storage throttle limit of <*> in-flight requests reached")
    E("esfail", "Elasticsearch request <*> <*> failed with status <*>: <*>")
    E("template", "Installed index template <*> with <*> shards and <*> replicas")
    E("coll_start", "Collector <*> started")
    E("coll_stop", "Collector <*> stopped")
    E("serving", "Serving HTTP at /<*>:<*> - http://127.0.0.1:<*>/")
    E("started", "Started ZipkinServer in <*> seconds (JVM running for <*>)")
    E("cass", "[<*>] Error connecting to Node(endPoint=<*>, hostId=<*>, hashCode=<*>), trying next node (<*>)")
    E("health", "Health check of <*> failed after <*>: <*>")

    workers = ["armeria-common-worker-epoll-2-%d" % i for i in range(1, 9)]
    kafka_threads = ["zipkin-kafka-collector-%d" % i for i in range(0, 4)]
    groups = ["zipkin", "zipkin-dr"]
    clients = ["consumer-zipkin-1", "consumer-zipkin-2", "consumer-zipkin-3", "consumer-zipkin-dr-1"]
    es_nodes = ["es-data-0.es.tracing.svc", "es-data-1.es.tracing.svc", "es-data-2.es.tracing.svc"]

    def hdr(t, lvl, logger, thread, traced=False):
        if traced:
            tid = hexs(R, 16)
            trace = "%s/%s" % (tid, tid if R.random() < 0.4 else hexs(R, 16))
        else:
            trace = "/"
        return "%s %5s [%s] 1 --- [%s] %s : " % (ts_spring(t), lvl, trace, thread15(thread), logger40(logger))

    def spans():
        n = R.randint(1, 4)
        s = ", ".join(hexs(R, 16) for _ in range(min(n, 3)))
        return s + (", ..." if n == 4 else "")

    store_exc = [
        ("RejectedExecutionException", "Rejecting request because it would exceed the maximum pending size of 10000"),
        ("ResponseTimeoutException", "null"),
        ("IllegalStateException", "bulk request failed: es_rejected_execution_exception rejected execution of coordinating operation"),
        ("UnprocessedRequestException", "io.netty.channel.ConnectTimeoutException: connection timed out: es-data-1.es.tracing.svc/10.40.2.11:9200"),
        ("DriverTimeoutException", "Query timed out after PT2S"),
    ]
    decode_exc = [
        ("IllegalArgumentException", "Expected BEGIN_ARRAY but was BEGIN_OBJECT at line 1 column 2 path $"),
        ("EOFException", "End of input at line 1 column 4097 path $[12].tags"),
        ("IllegalArgumentException", "Empty endpoint at $[0].localEndpoint reading List<Span> from json"),
        ("IllegalArgumentException", "Unsupported Content-Type: text/plain; charset=utf-8"),
        ("InvalidProtocolBufferException", "While parsing a protocol message, the input ended unexpectedly in the middle of a field."),
    ]
    es_reqs = [("POST", "/_bulk"), ("GET", "/zipkin:span-2026-03-14/_search"),
               ("POST", "/zipkin:span-2026-03-13,zipkin:span-2026-03-14/_search?ignore_unavailable=true&allow_no_indices=true"),
               ("GET", "/zipkin:dependency-2026-03-14/_search")]
    es_errs = [(429, "es_rejected_execution_exception: rejected execution of coordinating operation [shard_detail=[zipkin:span-2026-03-14][2][P]]"),
               (503, "no_shard_available_action_exception: No shard available for [get [zipkin:span-2026-03-14]]"),
               (500, "circuit_breaking_exception: [parent] Data too large, data for [indices:data/write/bulk[s]] would be [1031792560/983.9mb]"),
               (504, "Gateway Timeout")]
    collectors = ["KafkaCollector{bootstrapServers=kafka-0.kafka-headless.tracing.svc:9092, topic=zipkin}",
                  "RabbitMQCollector{addresses=rabbitmq.tracing.svc:5672, queue=zipkin}",
                  "ActiveMQCollector{brokerUrl=failover:(tcp://amq-1.mq.internal:61616), queue=zipkin}"]
    es_target = "ElasticsearchStorage{initialEndpoints=http://es-data-0.es.tracing.svc:9200, index=zipkin}"
    cass_target = "CassandraStorage{contactPoints=cassandra-0.cass.tracing.svc:9042, keyspace=zipkin2}"
    kafka_target = "KafkaCollector{bootstrapServers=kafka-0.kafka-headless.tracing.svc:9092, topic=zipkin}"
    health = [(es_target, "ResponseTimeoutException"),
              (cass_target, "AllNodesFailedException: All 3 node(s) tried for the query failed"),
              (es_target, "Connection refused: es-data-0.es.tracing.svc/10.40.2.9:9200"),
              (kafka_target, "TimeoutException: Timeout expired while fetching topic metadata"),
              (cass_target, "DriverTimeoutException: query 'SELECT now() FROM system.local' timed out after PT2S")]
    cass_nodes = ["cassandra-0.cass.tracing.svc/10.40.5.21:9042", "cassandra-1.cass.tracing.svc/10.40.5.34:9042",
                  "cassandra-2.cass.tracing.svc/10.40.6.8:9042"]
    cass_ids = ["null", uuid4(R), uuid4(R)]
    cass_errs = ["ConnectionInitException: [s0|control|connecting...] Protocol initialization request, step 1 (OPTIONS): "
                 "failed to send request (io.netty.channel.StacklessClosedChannelException)",
                 "ConnectionInitException: [s0|control|connecting...] init query OPTIONS: error writing request (java.nio.channels.ClosedChannelException)",
                 "DriverTimeoutException: query 'SELECT * FROM system.local' timed out after PT5S"]

    def render(key, t):
        if key == "store":
            cls, msg = S.cyc(key, "exc", store_exc)
            S.emit(t, hdr(t, "WARN", "zipkin2.collector.Collector", R.choice(workers), R.random() < 0.35),
                   key, [spans(), cls, msg])
        elif key == "decode":
            cls, msg = S.cyc(key, "exc", decode_exc)
            S.emit(t, hdr(t, "WARN", "zipkin2.collector.Collector", R.choice(workers), R.random() < 0.35),
                   key, [cls, msg])
        elif key in ("assign", "revoke"):
            g = S.cyc(key, "group", groups)
            cid = S.cyc(key, "client", clients)
            parts = sorted(R.sample(range(12), R.randint(1, 4)))
            plist = ", ".join("zipkin-%d" % p for p in parts)
            S.emit(t, hdr(t, "INFO", "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
                          R.choice(kafka_threads)), key, [cid, g, plist])
        elif key == "reset":
            g = S.cyc(key, "group", groups)
            cid = S.cyc(key, "client", clients)
            b = R.randint(0, 2)
            leader = "kafka-%d.kafka-headless.tracing.svc:9092 (id: %d rack: %s)" % (b, b, R.choice(["null", "eu-west-1a", "eu-west-1b"]))
            S.emit(t, hdr(t, "INFO", "org.apache.kafka.clients.consumer.internals.SubscriptionState",
                          R.choice(kafka_threads)),
                   key, [cid, g, "zipkin-%d" % R.randint(0, 11), R.randint(1200, 98_000_000), leader, R.randint(0, 14)])
        elif key == "throttle":
            S.emit(t, hdr(t, "WARN", "zipkin2.server.internal.throttle.ThrottledCall", R.choice(workers), R.random() < 0.3),
                   key, [R.randint(1, 480), S.cyc(key, "limit", [1000, 1000, 500])])
        elif key == "esfail":
            m, p = S.cyc(key, "req", es_reqs)
            st, why = S.cyc(key, "err", es_errs)
            S.emit(t, hdr(t, "WARN", "zipkin2.elasticsearch.internal.client.HttpCall", R.choice(workers), R.random() < 0.4),
                   key, [m, p, st, why])
        elif key == "template":
            S.emit(t, hdr(t, "INFO", "zipkin2.elasticsearch.ElasticsearchStorage", R.choice(workers)),
                   key, [S.cyc(key, "name", ["zipkin:span_template", "zipkin:dependency_template", "zipkin:autocomplete_template"]),
                         S.cyc(key, "shards", [5, 3]), S.cyc(key, "replicas", [1, 2, 1])])
        elif key in ("coll_start", "coll_stop"):
            S.emit(t, hdr(t, "INFO", "zipkin2.server.internal.ZipkinCollectorLifecycle", "main"),
                   key, [S.cyc(key, "c", collectors)])
        elif key == "serving":
            port = S.cyc(key, "port", [9411, 9412])
            S.emit(t, hdr(t, "INFO", "com.linecorp.armeria.server.Server", "oss-http-*:%d" % port),
                   key, [S.cyc(key, "bind", ["0.0.0.0", "[0:0:0:0:0:0:0:0%0]"]), port, port])
        elif key == "started":
            a = R.uniform(3.1, 9.8)
            S.emit(t, hdr(t, "INFO", "zipkin2.server.ZipkinServer", "main"),
                   key, ["%.3f" % a, "%.3f" % (a + R.uniform(0.6, 1.9))])
        elif key == "cass":
            S.emit(t, hdr(t, "WARN", "com.datastax.oss.driver.internal.core.control.ControlConnection",
                          "s0-admin-%d" % R.randint(0, 1)),
                   key, [S.cyc(key, "sess", ["s0", "s1"]), S.cyc(key, "node", cass_nodes),
                         S.cyc(key, "hid", cass_ids), hexs(R, 8).lstrip("0") or "1",
                         S.cyc(key, "why", cass_errs)])
        elif key == "health":
            tgt, why = S.cyc(key, "h", health)
            S.emit(t, hdr(t, "WARN", "zipkin2.server.internal.health.ZipkinHealthIndicator", R.choice(workers), R.random() < 0.25),
                   key, [tgt, "%dms" % R.randint(900, 5200), why])
        else:
            raise KeyError(key)

    counts = [("store", 72), ("decode", 30), ("assign", 12), ("revoke", 12), ("reset", 40), ("throttle", 18),
              ("esfail", 35), ("template", 6), ("coll_start", 4), ("coll_stop", 4), ("serving", 5),
              ("started", 5), ("cass", 25), ("health", 32)]
    shuffle_stamp(S, counts, at(9, 2, 11) + 417 * MS, 19.0, render)
    return S


# ================================================================ 2. SkyWalking
def build_skywalking():
    S = System(2, "SkyWalking",
               header_re=r"(?:\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - [\w.$]+ - \d+ \[[^\]]+\] - "
                         r"(?:INFO |WARN |ERROR|DEBUG) \[\] - |\t|)",
               ts_re=r"^\d{4}-\d\d-\d\d (?P<h>\d\d):(?P<m>\d\d):(?P<s>\d\d),(?P<f>\d{3}) - ")
    S.kind = "seeded shuffle (stack traces kept together)"
    R = S.rng
    E = S.ev
    E("persist", "Batch persistence of <*> requests finished, prepare cost <*>, execute cost <*>")
    E("notready", "Remote client <*> is not ready, dropped <*> stream data")
    E("radd", "Remote client added: address=<*>, self=<*>")
    E("rdel", "Remote client removed: address=<*>, self=<*>")
    E("alarm", "Rule <*> triggered alarm on <*> entity <*>, <*> hooks notified")
    E("cache", "Metrics <*> cache holds <*> entries, over the threshold <*>, forcing flush")
    E("flushfail", "Failed to flush bulk request of <*> documents to <*>")
    E("exc", "java.util.concurrent.CompletionException: com.linecorp.armeria.client.UnprocessedRequestException: "
             "io.netty.channel.ConnectTimeoutException: connection timed out: <*>")
    E("frame", "at <*>(<*>)")
    E("ttl_run", "The selected first getAddress is <*>. The remove stage is running.")
    E("ttl_skip", "The selected first getAddress is <*>. The remove stage is skipped.")
    E("ttl_del", "Deleted history data of <*> before time bucket <*>")
    E("stream", "Segment report stream from <*> closed with status <*>: <*>")
    E("toolong", "Segment <*> of service <*> dropped: span count <*> exceeds limit <*>")
    E("grouping", "Endpoint name grouping rules reloaded, <*> rules for <*> services")

    P = "org.apache.skywalking.oap.server."
    oap_peers = ["oap-0.oap-headless.skywalking.svc:11800", "oap-1.oap-headless.skywalking.svc:11800",
                 "oap-2.oap-headless.skywalking.svc:11800", "10.42.7.31:11800", "10.42.3.118:11800"]
    services = ["checkout::prod", "payment-gateway::prod", "cart|default|prod|", "search-api::staging",
                "inventory::prod", "notification-worker::prod", "auth-service::prod", "order-history::staging"]
    metric_names = ["endpoint_cpm", "service_resp_time", "service_instance_jvm_old_gc_time", "endpoint_percentile",
                    "service_sla", "database_access_resp_time", "meter_k8s_pod_cpu_usage", "endpoint_relation_server_side"]
    es_hosts = ["es-data-0.es.observability.svc/10.42.1.12:9200", "es-data-1.es.observability.svc/10.42.2.40:9200",
                "es-data-2.es.observability.svc/10.42.3.17:9200"]
    frames = [
        ("com.linecorp.armeria.client.HttpClientDelegate.execute", "HttpClientDelegate.java:85"),
        ("com.linecorp.armeria.client.HttpClientDelegate.acquireConnectionAndExecute", "HttpClientDelegate.java:132"),
        ("org.apache.skywalking.library.elasticsearch.requests.factory.v7plus.V78BulkFactory.bulk", "V78BulkFactory.java:61"),
        ("org.apache.skywalking.library.elasticsearch.bulk.BulkProcessor.doFlush", "BulkProcessor.java:147"),
        ("org.apache.skywalking.library.elasticsearch.bulk.BulkProcessor.flush", "BulkProcessor.java:130"),
        ("java.util.concurrent.ThreadPoolExecutor.runWorker", "ThreadPoolExecutor.java:1136"),
        ("java.util.concurrent.ThreadPoolExecutor$Worker.run", "ThreadPoolExecutor.java:635"),
        ("java.lang.Thread.run", "Thread.java:833"),
    ]
    grpc_threads = ["grpc-default-executor-%d" % i for i in (0, 1, 2, 3, 5, 8, 13)]
    stream_status = [("CANCELLED", "client cancelled"),
                     ("UNAVAILABLE", "Connection closed after GOAWAY. HTTP/2 error code: NO_ERROR"),
                     ("CANCELLED", "io.grpc.Context was cancelled without error"),
                     ("UNKNOWN", "channel closed")]
    agents = ["10.44.1.23:51822", "10.44.6.7:40116", "10.44.2.140:37790", "10.44.9.12:60218", "10.44.3.88:45004"]

    def hdr(t, lvl, logger, line, thread):
        return "%s - %s - %d [%s] - %-5s [] - " % (ts_log4j(t), logger, line, thread, lvl)

    def dc_thread():
        return "DataCarrier.MetricsPersistentWorker.%s.Consumer.%d.Thread" % (R.choice(metric_names), R.randint(0, 1))

    def render(key, t):
        if key == "persist":
            S.emit(t, hdr(t, "INFO", P + "core.storage.PersistenceTimer", 102, "pool-11-thread-1"), key,
                   [R.randint(180, 9600), "%dms" % R.randint(2, 240), "%dms" % R.randint(40, 2900)])
        elif key == "notready":
            S.emit(t, hdr(t, "WARN", P + "core.remote.client.GRPCRemoteClient", 171, R.choice(grpc_threads)), key,
                   [R.choice(oap_peers), R.randint(1, 3400)])
        elif key in ("radd", "rdel"):
            S.emit(t, hdr(t, "INFO", P + "core.remote.client.RemoteClientManager", 187 if key == "radd" else 203,
                          "pool-6-thread-1"), key,
                   [S.cyc(key, "addr", oap_peers), S.cyc(key, "self", ["false", "true", "false"])])
        elif key == "alarm":
            scope, ent = S.cyc(key, "scope", [("Service", None), ("Endpoint", None), ("ServiceInstance", None)])
            svc = R.choice(services)
            if scope == "Service":
                ent = svc
            elif scope == "Endpoint":
                ent = "%s in %s" % (R.choice(["POST:/api/v2/orders", "GET:/cart/{id}", "{GET}/healthz", "/payments/authorize"]), svc)
            else:
                ent = "%s of %s" % (R.choice(["3f5a9c1e0b7d@10.44.1.23", "pod-7d9f6c-xk2lp", "i-0a1b2c3d4e5f6a7b8"]), svc)
            S.emit(t, hdr(t, "INFO", P + "core.alarm.provider.AlarmCore", 94, "AlarmCore"), key,
                   [S.cyc(key, "rule", ["service_resp_time_rule", "service_sla_rule", "endpoint_percent_rule",
                                        "service_instance_jvm_gc_rule"]), scope, ent, S.cyc(key, "hooks", [2, 1, 3])])
        elif key == "cache":
            S.emit(t, hdr(t, "WARN", P + "core.analysis.worker.MetricsPersistentWorker", 269, dc_thread()), key,
                   [R.choice(metric_names), R.randint(50_001, 380_000), S.cyc(key, "thr", [50000, 100000])])
        elif key == "flushfail":
            host = R.choice(es_hosts)
            S.emit(t, hdr(t, "ERROR", P + "storage.plugin.elasticsearch.base.BatchProcessEsDAO", 88,
                          "pool-%d-thread-1" % S.cyc(key, "pool", [11, 14])), key,
                   [R.randint(200, 5000), host.split("/")[0] + ":9200"])
            S.emit(t, "", "exc", [host])
            n = S.frame_counts.pop(0)
            for m, loc in frames[:n]:
                S.emit(t, "\t", "frame", [m, loc])
        elif key in ("ttl_run", "ttl_skip"):
            S.emit(t, hdr(t, "INFO", P + "core.storage.ttl.DataTTLKeeperTimer", 77 if key == "ttl_run" else 81,
                          "pool-9-thread-1"), key, [S.cyc(key, "addr", oap_peers)])
        elif key == "ttl_del":
            day = R.randint(1, 12)
            S.emit(t, hdr(t, "INFO", P + "core.storage.ttl.DataTTLKeeperTimer", 119, "pool-9-thread-1"), key,
                   [S.cyc(key, "idx", ["sw_metrics-all-202603%02d" % day, "sw_segment-202603%02d" % day,
                                       "sw_log-202603%02d" % day, "sw_records-all-202603%02d" % day]),
                    "202603%02d" % day])
        elif key == "stream":
            st, why = S.cyc(key, "st", stream_status)
            S.emit(t, hdr(t, "WARN", P + "receiver.trace.provider.handler.v8.grpc.TraceSegmentReportServiceHandler", 86,
                          R.choice(grpc_threads)), key, [R.choice(agents), st, why])
        elif key == "toolong":
            S.emit(t, hdr(t, "WARN", P + "analyzer.provider.trace.parser.TraceAnalyzer", 64, R.choice(grpc_threads)), key,
                   ["%s.%d.%d" % (hexs(R, 32), R.randint(40, 180), unix_ms(t) * 10000 + R.randint(0, 9999)),
                    R.choice(services), R.randint(2001, 14000), S.cyc(key, "lim", [2000, 3000])])
        elif key == "grouping":
            S.emit(t, hdr(t, "INFO", P + "core.config.group.EndpointNameGrouping", 232, "pool-4-thread-1"), key,
                   [R.randint(12, 90), R.randint(3, 18)])
        else:
            raise KeyError(key)

    n_err = 9
    frame_counts = [R.randint(2, 6) for _ in range(n_err)]
    counts = [("notready", 25), ("radd", 5), ("rdel", 4), ("alarm", 22), ("cache", 18), ("flushfail", n_err),
              ("ttl_run", 14), ("ttl_skip", 30), ("ttl_del", 12), ("stream", 20), ("toolong", 8), ("grouping", 6)]
    fixed = sum(n for _, n in counts) + n_err + sum(frame_counts)
    counts.insert(0, ("persist", N_LINES - fixed))
    S.frame_counts = frame_counts
    shuffle_stamp(S, counts, at(11, 40, 3) + 88 * MS, 14.0, render)
    return S


# ================================================================ 3. Pyroscope
def build_pyroscope():
    S = System(3, "Pyroscope",
               header_re=r"level=(?:debug|info|warn|error) ts=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z "
                         r"caller=[\w.\-]+\.go:\d+ (?:component=[\w\-]+ )?",
               ts_re=r"^level=\w+ ts=\d{4}-\d\d-\d\dT(?P<h>\d\d):(?P<m>\d\d):(?P<s>\d\d)(?:\.(?P<f>\d{1,9}))?Z ")
    S.kind = "seeded shuffle"
    R = S.rng
    E = S.ev
    E("flushed", 'msg="head block flushed" tenant=<*> block=<*> duration=<*> size=<*>')
    E("uploading", 'msg="uploading block" tenant=<*> block=<*> path=<*>')
    E("uploaded", 'msg="block uploaded" tenant=<*> block=<*> duration=<*>')
    E("cjstart", 'msg="compaction job started" job=<*> tenant=<*> blocks=<*>')
    E("cjdone", 'msg="compaction job finished" job=<*> tenant=<*> duration=<*>')
    E("cjfail", 'msg="compaction job failed" job=<*> tenant=<*> err="<*>"')
    E("pushfail", 'msg="failed to push profile" tenant=<*> err="<*>"')
    E("httplog", 'msg="<*> <*> (<*>) <*>"')
    E("joined", 'msg="ring member joined" ring=<*> member=<*> addr=<*>')
    E("left", 'msg="ring member left" ring=<*> member=<*> addr=<*>')
    E("query", 'msg="query completed" tenant=<*> query="<*>" start=<*> end=<*> duration=<*>')
    E("marked", 'msg="block marked for deletion" tenant=<*> block=<*> reason=<*>')
    E("discard", 'msg="discarding profile" tenant=<*> reason=<*> err="<*>"')
    E("fastjoin", 'msg="memberlist fast-join finished" joined_nodes=<*> elapsed_time=<*>')

    tenants = ["anonymous", "team-payments", "team-search", "ops-platform", "anonymous", "team-mobile"]
    data_dir = "/data/pyroscope"
    members = [("ingester", "pyroscope-ingester-0"), ("store-gateway", "pyroscope-store-gateway-1"),
               ("ingester", "pyroscope-ingester-2"), ("compactor", "pyroscope-compactor-0"),
               ("ingester", "pyroscope-ingester-1"), ("store-gateway", "pyroscope-store-gateway-0")]
    services = ["checkout", "cart", "ride-sharing-app", "payments-api", "search-indexer", "frontend"]
    profile_types = ["process_cpu:cpu:nanoseconds:cpu:nanoseconds",
                     "memory:alloc_space:bytes:space:bytes",
                     "memory:inuse_space:bytes:space:bytes",
                     "goroutine:goroutine:count:goroutine:count",
                     "block:delay:nanoseconds:contentions:count"]
    cj_errs = ["failed to download block 01HZX5M2Q3RB0J7N6FZ8KQ4W1C: context canceled",
               "open /data/pyroscope/compactor/01HZX5N0R9D4Y3ZC2J5V8B7A6E/profiles.parquet: no such file or directory",
               "upload block: write object: storage: object doesn't exist",
               "merge series: parquet: column chunk size exceeds limit"]
    push_errs = ["rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: "
                 "dial tcp 10.44.3.21:9095: connect: connection refused\"",
                 "rpc error: code = DeadlineExceeded desc = context deadline exceeded",
                 "at least 2 live replicas required, could only find 1 - unhealthy instances: 10.44.5.12:9095",
                 "rpc error: code = ResourceExhausted desc = grpc: received message larger than max (5242880 vs. 4194304)"]
    http_paths = ["/ingest?name=%s.cpu%%7Benv%%3Dprod%%7D&from=%d&until=%d&format=pprof&spyName=gospy",
                  "/push.v1.PusherService/Push",
                  "/querier.v1.QuerierService/SelectMergeStacktraces",
                  "/pyroscope/render?query=%s&from=now-1h&until=now&format=json",
                  "/querier.v1.QuerierService/LabelValues"]
    discard = [("profile_size", "profile size %d bytes exceeds limit 4194304"),
               ("out_of_order", "profile timestamp is too old: %d"),
               ("rate_limited", "ingestion rate limit (%d bytes) exceeded while adding profile"),
               ("series_limit", "per-user series limit of %d exceeded")]

    def hdr(t, lvl, caller, comp=None):
        h = "level=%s ts=%s caller=%s " % (lvl, ts_iso_nano(t), caller)
        if comp:
            h += "component=%s " % comp
        return h

    def job(t):
        hr = unix_ms(t) // 3_600_000 * 3_600_000
        return "%d@%d-merge--%d-%d" % (R.randint(0, 3), R.getrandbits(63), hr - 3_600_000 * R.randint(1, 6), hr)

    def size():
        return R.randint(180_000, 96_000_000)

    def render(key, t):
        ten = lambda: S.cyc(key, "tenant", tenants)
        if key == "flushed":
            S.emit(t, hdr(t, "info", "head.go:462"), key,
                   [ten(), ulid(R, t - R.randint(1, 60) * NS), go_dur(R.randint(80, 9000) * MS), size()])
        elif key == "uploading":
            tn = ten()
            b = ulid(R, t - R.randint(60, 600) * NS)
            S.emit(t, hdr(t, "info", "shipper.go:214"), key, [tn, b, "%s/local/%s/%s" % (data_dir, tn, b)])
        elif key == "uploaded":
            S.emit(t, hdr(t, "info", "shipper.go:251"), key,
                   [ten(), ulid(R, t - R.randint(60, 600) * NS), go_dur(R.randint(120, 14000) * MS)])
        elif key == "cjstart":
            S.emit(t, hdr(t, "info", "bucket_compactor.go:327", "compactor"), key, [job(t), ten(), R.randint(2, 24)])
        elif key == "cjdone":
            S.emit(t, hdr(t, "info", "bucket_compactor.go:401", "compactor"), key,
                   [job(t), ten(), go_dur(R.randint(3_000, 410_000) * MS)])
        elif key == "cjfail":
            S.emit(t, hdr(t, "error", "bucket_compactor.go:418", "compactor"), key,
                   [job(t), ten(), logfmt_q(S.cyc(key, "err", cj_errs))])
        elif key == "pushfail":
            S.emit(t, hdr(t, "warn", "distributor.go:389"), key, [ten(), logfmt_q(S.cyc(key, "err", push_errs))])
        elif key == "httplog":
            p = S.cyc(key, "path", http_paths)
            if p.startswith("/ingest"):
                p = p % (R.choice(services), unix_s(t) - 10, unix_s(t))
            elif "%s" in p:
                p = p % (R.choice(profile_types) + "%7Bservice_name%3D%22" + R.choice(services) + "%22%7D")
            method = "GET" if p.startswith("/pyroscope/render") else "POST"
            st = S.cyc(key, "st", [500, 503, 500, 429, 502])
            S.emit(t, hdr(t, "warn", "logging.go:86"), key, [method, p, st, go_dur(R.randint(2, 30_000) * MS)])
        elif key in ("joined", "left"):
            ring, mem = S.cyc(key, "mem", members)
            S.emit(t, hdr(t, "info", "lifecycler.go:744" if key == "joined" else "lifecycler.go:781", "ring"), key,
                   [ring, mem, "%s:9095" % ip(R, "10.44")])
        elif key == "query":
            q = "%s{service_name=\"%s\"}" % (R.choice(profile_types), R.choice(services))
            end = unix_s(t) // 10 * 10
            span = R.choice([900, 3600, 3600, 21600, 86400])
            S.emit(t, hdr(t, "info", "query_frontend.go:118"), key,
                   [ten(), logfmt_q(q), ts_iso_s_abs(end - span), ts_iso_s_abs(end), go_dur(R.randint(40, 12_000) * MS)])
        elif key == "marked":
            S.emit(t, hdr(t, "info", "blocks_cleaner.go:287", "cleaner"), key,
                   [ten(), ulid(R, t - R.randint(3600, 40000) * NS), S.cyc(key, "why", ["retention", "compacted"])])
        elif key == "discard":
            why, fmt = S.cyc(key, "why", discard)
            num = {"profile_size": R.randint(4_194_305, 9_000_000), "out_of_order": unix_s(t) - R.randint(3700, 9000),
                   "rate_limited": R.choice([4194304, 8388608]), "series_limit": R.choice([5000, 10000])}[why]
            S.emit(t, hdr(t, "warn", "distributor.go:512"), key, [ten(), why, logfmt_q(fmt % num)])
        elif key == "fastjoin":
            S.emit(t, hdr(t, "info", "memberlist_client.go:599"), key,
                   [R.randint(2, 9), go_dur(R.randint(4, 900) * MS)])
        else:
            raise KeyError(key)

    counts = [("flushed", 39), ("uploading", 22), ("uploaded", 22), ("cjstart", 14), ("cjdone", 12), ("cjfail", 4),
              ("pushfail", 20), ("httplog", 80), ("joined", 5), ("left", 5), ("query", 55), ("marked", 10),
              ("discard", 9), ("fastjoin", 3)]
    shuffle_stamp(S, counts, at(13, 5, 47) + 123_456_789, 11.0, render)
    return S


def ts_iso_s_abs(unix):
    """RFC3339 (seconds) for an absolute unix time inside 2026-03-13 .. 2026-03-14."""
    rel = unix - EPOCH_S
    day = D
    if rel < 0:
        rel += 86400
        day = D - 1
    h, r = divmod(rel, 3600)
    m, s = divmod(r, 60)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (Y, MO, day, h, m, s)


# ================================================================ 4. Kapacitor (simulation)
def build_kapacitor():
    S = System(4, "Kapacitor",
               header_re=r"ts=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z lvl=(?:debug|info|warn|error) ",
               ts_re=r"^ts=\d{4}-\d\d-\d\dT(?P<h>\d\d):(?P<m>\d\d):(?P<s>\d\d)\.(?P<f>\d{3})Z ")
    S.kind = "simulation"
    R = S.rng
    E = S.ev
    E("http", 'msg="http request" service=http host=<*> username=- start=<*> method=<*> uri=<*> protocol=HTTP/1.1 '
              'status=<*> referer=- user-agent=<*> request-id=<*> duration=<*>')
    E("started", 'msg="started task" service=kapacitor task_master=main task=<*>')
    E("stopped", 'msg="stopped task" service=kapacitor task_master=main task=<*>')
    E("sess_new", 'msg="created log session" service=sessions id=<*> content-type=<*>')
    E("sess_del", 'msg="deleted log session" service=sessions id=<*> content-type=<*>')
    E("linking", 'msg="linking subscriptions for cluster" service=influxdb cluster=<*>')
    E("sendfail", 'msg="failed to send event" service=kapacitor task_master=main task=<*> node=<*> handler=<*> err="<*>"')
    E("evalerr", 'msg="error evaluating expression" service=kapacitor task_master=main task=<*> node=<*> err="<*>"')
    E("udf", 'msg="UDF log" service=kapacitor task_master=main task=<*> node=<*> text="<*>"')
    E("noresult", 'msg="batch query returned no results" service=kapacitor task_master=main task=<*> node=<*> query="<*>"')
    E("connfail", 'msg="failed to connect to InfluxDB, retrying..." service=influxdb cluster=<*> err="<*>"')
    E("writefail", 'msg="failed to write points" service=kapacitor task_master=main task=<*> node=<*> err="<*>"')

    T0 = at(7, 30, 0) + 4_812_377
    T_END = T0 + 3 * 3600 * NS
    rid_seq = [R.randint(0, 0x3fff)]

    def out(t, lvl, key, vals):
        S.emit(t, "ts=%s lvl=%s " % (ts_iso_ms(t), lvl), key, vals)

    def reqid(t):
        t100 = (EPOCH_S * NS + t) // 100 + 0x01B21DD213814000
        rid_seq[0] = (rid_seq[0] + 1) & 0x3fff
        return "%08x-%04x-%04x-%04x-000000000000" % (
            t100 & 0xFFFFFFFF, (t100 >> 32) & 0xFFFF, ((t100 >> 48) & 0x0FFF) | 0x1000, 0x8000 | rid_seq[0])

    def http(t_start, host, method, uri, status, ua, dur):
        t_end = t_start + dur
        out(t_end, "info", "http", [host, ts_iso_nano(t_start), method, uri, status, ua, reqid(t_start), go_dur(dur)])

    def exp_s(mean):
        return int(R.expovariate(1.0 / mean) * NS) + 1

    # --- entity: InfluxDB subscription / Telegraf writers
    writers = [("10.20.1.11", "InfluxDBClient", "/write?consistency=&db=telegraf&precision=ns&rp=autogen", 7.3, 100),
               ("10.20.1.12", "InfluxDBClient", "/write?consistency=&db=telegraf&precision=ns&rp=autogen", 31.9, 100),
               ("10.20.4.7", "telegraf", "/write?db=metrics&rp=autogen&precision=ns", 18.0, 150)]
    for host, ua, uri, off, every in writers:
        t = T0 + int(off * NS)
        while t < T_END:
            status = 204 if R.random() > 0.02 else 400
            http(t, host, "POST", uri, status, ua, R.randint(350, 9000) * US + R.randint(0, 999))
            t += every * NS + R.randint(-2500, 2500) * MS + R.randint(0, 999_999)

    # --- entity: Chronograf poller
    polls = ["/kapacitor/v1/ping",
             "/kapacitor/v1/tasks?dot-view=attributes&fields=type&fields=status&fields=executing&fields=dbrps"
             "&limit=100&offset=0&pattern=&replay-id=&script-format=formatted",
             "/kapacitor/v1/ping", "/kapacitor/v1/config/smtp"]
    t = T0 + 44 * NS
    while t < T_END:
        uri = S.cyc("poll", "uri", polls)
        http(t, "10.20.9.40", "GET", uri, 204 if uri.endswith("ping") else 200, "Go-http-client/1.1",
             R.randint(300, 25_000) * US)
        t += 240 * NS + R.randint(-4000, 4000) * MS + R.randint(0, 999_999)

    # --- entity: tasks
    tasks = [
        # name, pre-existing, behaviour, node, extra
        ("cpu_alert", True, "sendfail", "alert2", "slack"),
        ("mem_used_alert", True, "evalerr", "eval3", "no field or tag exists for used_percent"),
        ("batch_cpu_mean", True, "noresult", "query1", "usage_user"),
        ("anomaly_udf", True, "udf", "morgoth4", None),
        ("downsample_1h", True, "writefail", "influxdb_out4", None),
        ("rollup_edge_5m", True, "writefail", "influxdb_out3", None),
        ("disk_free_warn", False, "sendfail", "alert3", "pagerduty2"),
        ("http_5xx_rate", False, "evalerr", "alert5",
         "mismatched type to binary operator. got int and float. see bool(), int(), float(), string(), duration()"),
        ("deadman_telegraf", False, "sendfail", "noop3", "opsgenie2"),
        ("batch_mem_p95", False, "noresult", "query2", "used_percent"),
        ("redis_latency", False, "evalerr", "eval2", "left reference value \"latency_ms\" is missing value"),
        ("net_errs_alert", False, "udf", "outliers3", None),
        ("queue_depth_alert", False, "sendfail", "alert4", "slack"),
    ]
    send_errs = ["Post \"https://hooks.slack.com/services/T0000/B0000/XXXX\": dial tcp: lookup hooks.slack.com: i/o timeout",
                 "failed to understand PagerDuty response. code: 429 content: rate limited",
                 "Post \"https://api.opsgenie.com/v2/alerts\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
                 "failed to send message to Slack. code: 500 content: internal_error"]
    udf_texts = ["model warmup %d/1024 points", "anomaly score %.3f above threshold for host=web-%02d",
                 "rebuilding window, %d points dropped", "fitted seasonal model in %dms"]
    write_errs = ["timeout", "database not found: \"downsampled\"", "partial write: points beyond retention policy dropped=%d",
                  "Post \"http://influxdb-edge:8086/write?db=downsampled&rp=one_year\": EOF"]
    api_host = "10.20.9.40"

    def task_lines(name, pre, kind, node, extra):
        if pre:
            created = T0 - R.randint(600, 20_000) * NS
            stop = T0 + exp_s(2400) if R.random() < 0.4 else T_END + NS
        else:
            created = T0 + R.randint(120, 3300) * NS
            stop = created + exp_s(2400)
        if not pre:
            d = R.randint(4, 90) * MS
            out(created + d - R.randint(1, 3) * MS, "info", "started", [name])
            http(created, api_host, "POST", "/kapacitor/v1/tasks", 200, "Go-http-client/1.1", d)
        # runtime
        t = max(created, T0) + exp_s(60)
        while t < min(stop, T_END):
            if kind == "sendfail":
                gap = exp_s(300)
                if R.random() < 0.7:
                    out(t, "error", "sendfail", [name, node, extra, logfmt_q(S.cyc("sendfail", "err", send_errs))])
            elif kind == "evalerr":
                gap = exp_s(170)
                out(t, "error", "evalerr", [name, node, logfmt_q(extra)])
            elif kind == "noresult":
                gap = 300 * NS
                if R.random() < 0.7:
                    w_end = (t // (300 * NS)) * 300 * NS
                    q = ('SELECT mean("%s") AS "mean" FROM "telegraf"."autogen"."%s" WHERE time >= \'%s\' AND '
                         'time < \'%s\' GROUP BY time(1m), "host"') % (
                        extra, "cpu" if extra == "usage_user" else "mem", ts_iso_s(w_end - 300 * NS), ts_iso_s(w_end))
                    out(t, "warn", "noresult", [name, node, logfmt_q(q)])
            elif kind == "udf":
                gap = exp_s(150)
                f = S.cyc("udf", "text", udf_texts)
                txt = f % ((R.randint(1, 1023),) if f.startswith("model") else (R.uniform(0.9, 0.999), R.randint(1, 14))
                           if f.startswith("anomaly") else (R.randint(2, 400),))
                out(t, "info", "udf", [name, node, logfmt_q(txt)])
            else:  # writefail
                gap = exp_s(600)
                e = S.cyc("writefail", "err", write_errs)
                if "%d" in e:
                    e = e % R.randint(1, 5000)
                out(t, "error", "writefail", [name, node, logfmt_q(e)])
            t += gap
        if stop < T_END:
            d = R.randint(3, 40) * MS
            out(stop + R.randint(1, 2) * MS, "info", "stopped", [name])
            method, status = S.cyc("taskstop", "how", [("PATCH", 200), ("DELETE", 204)])
            http(stop, api_host, method, "/kapacitor/v1/tasks/" + name, status, "Go-http-client/1.1", d)
            if method == "PATCH" and R.random() < 0.5:
                # re-enabled after an edit
                back = stop + R.randint(30, 400) * NS
                if back < T_END:
                    out(back + 5 * MS, "info", "started", [name])
                    http(back, api_host, "PATCH", "/kapacitor/v1/tasks/" + name, 200, "Go-http-client/1.1", 9 * MS)

    for spec in tasks:
        task_lines(*spec)

    # --- entity: log sessions opened from the UI
    t = T0 + R.randint(100, 400) * NS
    while t < T_END:
        sid = uuid4(R)
        ct = S.cyc("sess", "ct", ["application/json", "text/plain"])
        task = R.choice([x[0] for x in tasks])
        out(t, "info", "sess_new", [sid, ct])
        life = R.randint(40, 520) * NS
        out(t + life, "info", "sess_del", [sid, ct])
        http(t - 2 * MS, "10.20.9.40", "GET", "/kapacitor/v1preview/logs?task=" + task, 200, "Go-http-client/1.1",
             life + 3 * MS)
        t += exp_s(700)

    # --- entity: subscription sync loop
    t = T0 + 12 * NS + 101 * MS
    while t < T_END:
        out(t, "info", "linking", ["default"])
        out(t + R.randint(3, 60) * MS, "info", "linking", ["edge"])
        t += 300 * NS + R.randint(0, 40) * MS

    # --- entity: edge cluster outages
    for start in (T0 + R.randint(900, 1500) * NS, T0 + R.randint(2400, 3600) * NS):
        t = start
        for i in range(R.randint(3, 5)):
            out(t, "error", "connfail", [S.cyc("connfail", "cl", ["edge", "edge", "default"]),
                                         logfmt_q(S.cyc("connfail", "err", [
                                             "Get \"http://influxdb-edge:8086/ping\": dial tcp 10.20.2.30:8086: connect: connection refused",
                                             "Get \"http://influxdb-edge:8086/ping\": context deadline exceeded",
                                             "invalid character '<' looking for beginning of value"]))])
            t += R.randint(5, 20) * NS * (i + 1)

    S.finish_simulation()
    return S


# ================================================================ 5. SensuBackend
def build_sensu():
    S = System(5, "SensuBackend",
               header_re=r'\{"component":"[a-z]+",|'
                         r'\{"level":"(?:debug|info|warn|error)","ts":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z",'
                         r'"caller":"[\w./\-]+\.go:\d+",',
               ts_re=r'"(?:time|ts)":"\d{4}-\d\d-\d\dT(?P<h>\d\d):(?P<m>\d\d):(?P<s>\d\d)(?:\.(?P<f>\d{3}))?Z"',
               coarse_seconds=True)
    S.kind = "seeded shuffle"
    R = S.rng

    comp_of = {}

    def L(key, component, fields):
        """logrus JSONFormatter line: keys sorted; the leading component key is the header."""
        fields = dict(fields)
        fields["time"] = None
        parts = []
        for k in sorted(fields):
            v = fields[k]
            if v is None:
                parts.append('"%s":"<*>"' % k)
            elif v == "#":
                parts.append('"%s":<*>' % k)
            elif v == "[#]":
                parts.append('"%s":[<*>]' % k)
            elif isinstance(v, int):
                parts.append('"%s":%d' % (k, v))
            else:
                parts.append('"%s":%s' % (k, json.dumps(v)))
        assert min(fields) > "component"
        S.ev(key, ",".join(parts) + "}")
        comp_of[key] = ("logrus", component)

    def Z(key, level, caller, msg, fields):
        """etcd (zap) JSON line: level, ts, caller in front (header), then msg and fields in call order."""
        parts = ['"msg":%s' % json.dumps(msg)]
        for k, v in fields:
            parts.append('"%s":"<*>"' % k if v is None else '"%s":%s' % (k, json.dumps(v)))
        S.ev(key, ",".join(parts) + "}")
        comp_of[key] = ("zap", level, caller)

    L("sess_up", "agentd", {"entity": None, "level": "info", "msg": "agent session established",
                            "namespace": None, "subscriptions": "[#]"})
    L("sess_stop", "agentd", {"entity": None, "error": None, "level": "warning", "msg": "stopping agent session",
                              "namespace": None})
    L("registered", "keepalived", {"entity": None, "level": "info", "msg": "entity registered", "namespace": None})
    L("deregistered", "keepalived", {"entity": None, "level": "info", "msg": "entity deregistered", "namespace": None})
    L("ka_timeout", "keepalived", {"entity": None, "level": "warning",
                                   "msg": "keepalive timed out, creating keepalive event", "namespace": None,
                                   "timeout": "#"})
    L("sched_start", "schedulerd", {"interval": "#", "level": "info", "msg": "starting new interval scheduler",
                                    "name": None, "namespace": None, "scheduler_type": "interval"})
    L("sched_stop", "schedulerd", {"level": "info", "msg": "stopping scheduler", "name": None, "namespace": None,
                                   "scheduler_type": None})
    L("pipe_fail", "pipelined", {"error": None, "handler": None, "level": "error",
                                 "msg": "failed to execute event pipe handler", "namespace": None})
    L("pipe_ok", "pipelined", {"duration": None, "entity": None, "event_id": None, "handler": None, "level": "info",
                               "msg": "event pipe handler executed", "namespace": None, "output": None,
                               "status": "#"})
    L("eventd_err", "eventd", {"error": None, "level": "error", "msg": "error handling event"})
    L("api", "apid", {"duration": None, "level": "info", "method": None, "msg": "request completed", "path": None,
                      "size": "#", "status": "#", "user": None})
    L("watch", "store", {"key": None, "level": "warning", "msg": "watcher channel closed, restarting watch"})
    Z("slow_apply", "warn", "etcdserver/util.go:166", "apply request took too long",
      [("took", None), ("expected-duration", "100ms"), ("prefix", "read-only range "), ("request", None),
       ("response", None)])
    Z("fdatasync", "warn", "wal/wal.go:802", "slow fdatasync", [("took", None), ("expected-duration", "1s")])

    entities = ["web-%02d" % i for i in range(1, 13)] + ["db-01", "db-02", "lb-01", "cache-01", "build-agent-7",
                                                         "win-rdp-03", "k8s-node-a1", "k8s-node-b4"]
    namespaces = ["default", "production", "staging"]
    checks = ["check-cpu", "check-memory", "check-disk-usage", "check-http-api", "check-ntp", "check-nginx-status",
              "check-postgres-replication", "metrics-node-exporter"]
    handlers = ["slack", "pagerduty", "influxdb", "keepalive", "ops-email", "tcp-logstash"]
    stop_errs = ["websocket: close 1006 (abnormal closure): unexpected EOF",
                 "read tcp 10.60.0.4:8081->10.60.3.%d:%d: i/o timeout",
                 "websocket: close 1001 (going away)",
                 "context canceled"]
    pipe_errs = ["exit status 1",
                 "handler timed out after 10s",
                 "dial tcp 10.60.8.20:5000: connect: connection refused",
                 "asset sensu-slack-handler_1.5.0_linux_amd64.tar.gz: could not fetch: Get \"https://assets.example.net/"
                 "sensu-slack-handler_1.5.0_linux_amd64.tar.gz\": x509: certificate signed by unknown authority"]
    outputs = ["", "notification sent to #ops-alerts\n", "ok\n", "Error: 400 Bad Request: invalid_payload\n",
               "wrote 14 points\n", "incident created: PD-%d\n"]
    eventd_errs = ["context deadline exceeded", "etcdserver: request timed out",
                   "could not get entity: key not found: /sensu.io/entities/%s/%s",
                   "event has no check name"]
    api_paths = ["/api/core/v2/namespaces/%s/events", "/api/core/v2/namespaces/%s/entities?limit=500",
                 "/api/core/v2/namespaces/%s/checks/%s/execute", "/graphql", "/auth/token", "/health",
                 "/api/core/v2/namespaces/%s/silenced"]
    users = ["admin", "agent", "svc-grafana", "jdoe", "ci-deployer"]
    watch_keys = ["/sensu.io/entities/", "/sensu.io/checks/", "/sensu.io/handlers/", "/sensu.io/silenced/",
                  "/sensu.io/tessen"]

    def hdr(key, t):
        c = comp_of[key]
        if c[0] == "logrus":
            return '{"component":"%s",' % c[1]
        return '{"level":"%s","ts":"%s","caller":"%s",' % (c[1], ts_iso_ms(t), c[2])

    def render(key, t):
        ns = lambda: S.cyc(key, "ns", namespaces)
        tm = ts_iso_s(t)
        h = hdr(key, t)
        if key == "sess_up":
            ent = R.choice(entities)
            subs = ['"linux"' if not ent.startswith("win") else '"windows"', '"entity:%s"' % ent]
            if ent.startswith(("web", "lb")):
                subs.insert(1, '"webservers"')
            S.emit(t, h, key, [ent, ns(), ",".join(subs), tm])
        elif key == "sess_stop":
            e = S.cyc(key, "err", stop_errs)
            if "%d" in e:
                e = e % (R.randint(2, 250), R.randint(32768, 60999))
            S.emit(t, h, key, [R.choice(entities), json_s(e), ns(), tm])
        elif key in ("registered", "deregistered"):
            S.emit(t, h, key, [S.cyc(key, "ent", ["build-agent-%d" % R.randint(10, 99), "ci-runner-%s" % hexs(R, 5),
                                                  "k8s-node-%s%d" % (R.choice("abc"), R.randint(1, 9))]), ns(), tm])
        elif key == "ka_timeout":
            S.emit(t, h, key, [R.choice(entities), ns(), tm, S.cyc(key, "to", [120, 180, 120, 60])])
        elif key == "sched_start":
            S.emit(t, h, key, [S.cyc(key, "iv", [60, 30, 300, 10, 60]), R.choice(checks), ns(), tm])
        elif key == "sched_stop":
            S.emit(t, h, key, [R.choice(checks), ns(), S.cyc(key, "st", ["interval", "cron", "round-robin interval"]), tm])
        elif key == "pipe_fail":
            S.emit(t, h, key, [json_s(S.cyc(key, "err", pipe_errs)), R.choice(handlers), ns(), tm])
        elif key == "pipe_ok":
            o = S.cyc(key, "out", outputs)
            if "%d" in o:
                o = o % R.randint(1000, 99999)
            if o == "":
                o = "\n"
            st = 0 if not o.startswith("Error") else 1
            S.emit(t, h, key, [go_dur(R.randint(3, 4200) * MS + R.randint(0, 999_999)), R.choice(entities),
                               uuid4(R), R.choice(handlers), ns(), json_s(o), st, tm])
        elif key == "eventd_err":
            e = S.cyc(key, "err", eventd_errs)
            if "%s" in e:
                e = e % (R.choice(namespaces), R.choice(entities))
            S.emit(t, h, key, [json_s(e), tm])
        elif key == "api":
            p = R.choice(api_paths)
            n = p.count("%s")
            if n == 1:
                p = p % R.choice(namespaces)
            elif n == 2:
                p = p % (R.choice(namespaces), R.choice(checks))
            method = "POST" if p.endswith(("execute", "graphql", "token")) else "GET"
            status = 200 if R.random() > 0.12 else R.choice([401, 404, 500])
            if p.endswith("execute") and status == 200:
                status = 202
            user = "admin" if p in ("/health", "/auth/token") else R.choice(users)
            S.emit(t, h, key, [go_dur(R.randint(1, 900) * MS + R.randint(0, 999_999)), method, p,
                               R.randint(2, 180_000), status, tm, user])
        elif key == "watch":
            S.emit(t, h, key, [S.cyc(key, "key", watch_keys), tm])
        elif key == "slow_apply":
            k = "/sensu.io/%s/%s/%s" % (R.choice(["entities", "events", "checks", "keepalives"]),
                                         R.choice(namespaces), R.choice(entities))
            cnt = R.randint(0, 1)
            S.emit(t, h, key, [go_dur(R.randint(101, 1900) * MS + R.randint(0, 999_999)),
                               json_s('key:"%s" ' % k),
                               "range_response_count:%d size:%d" % (cnt, R.randint(900, 9000) if cnt else R.randint(5, 9))])
        elif key == "fdatasync":
            S.emit(t, h, key, [go_dur(R.randint(1001, 4200) * MS + R.randint(0, 999_999))])
        else:
            raise KeyError(key)

    counts = [("sess_up", 28), ("sess_stop", 9), ("registered", 6), ("deregistered", 5), ("ka_timeout", 14),
              ("sched_start", 16), ("sched_stop", 8), ("pipe_fail", 18), ("pipe_ok", 40), ("eventd_err", 4),
              ("api", 88), ("watch", 12), ("slow_apply", 30), ("fdatasync", 22)]
    shuffle_stamp(S, counts, at(16, 20, 9) + 5 * MS, 9.0, render)
    return S


# ================================================================ 6. Munin (simulation)
def build_munin():
    S = System(6, "Munin",
               header_re=r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d \[(?:INFO|WARNING|ERROR|FATAL|DEBUG)\]:? |"
                         r"\d{4}/\d\d/\d\d-\d\d:\d\d:\d\d \[\d+\] \t?|",
               ts_re=r"^\d{4}/\d\d/\d\d[ \-](?P<h>\d\d):(?P<m>\d\d):(?P<s>\d\d) ")
    S.kind = "simulation"
    R = S.rng
    E = S.ev
    E("start", "Starting munin-update")
    E("finish", "Munin-update finished (<*> sec)")
    E("work", "starting work in <*> for <*>/<*>:4949.")
    E("reap", "Reaping Munin::Master::UpdateWorker<<*>;<*>>.  Exit value/signal: <*>/<*>")
    E("nodata", "Service <*> on <*>/<*>:4949 returned no data for label <*>")
    E("died", "Munin::Master::UpdateWorker<<*>;<*>> died with '[FATAL] Socket read timed out to <*>: alarm")
    E("quote", "'")
    E("accept", "Call to accept timed out. Remaining workers: <*>")
    E("refused", "Failed to connect to node <*>:4949/tcp : <*>")
    E("connect", 'CONNECT TCP Peer: "[::ffff:<*>]:<*>" Local: "[::ffff:<*>]:4949"')
    E("exited", "Service '<*>' exited with status <*>/<*>.")
    E("errout", "Error output from <*>:")
    E("cantexec", "Can't exec \"<*>\": No such file or directory at <*> line <*>.")
    E("timedout", "Service '<*>' timed out.")

    def upd(t, lvl, key, vals, colon=False):
        S.emit(t, "%s [%s]%s " % (ts_munin(t), lvl, ":" if colon else ""), key, vals)

    def node(t, pid, key, vals, tab=False):
        S.emit(t, "%s [%d] %s" % (ts_munin_node(t), pid, "\t" if tab else ""), key, vals)

    hosts = [("example.net", "mon-01.example.net", "127.0.0.1"),
             ("example.net", "web-01.example.net", "10.30.1.21"),
             ("example.net", "web-02.example.net", "10.30.1.22"),
             ("example.net", "db-01.example.net", "10.30.2.10"),
             ("dmz.example.net", "mx-01.dmz.example.net", "192.168.50.5")]
    nodata = {"web-01.example.net": [("if_eth1", "down"), ("if_err_eth1", "trans"), ("nginx_request", "request")],
              "db-01.example.net": [("postgres_connections_ALL", "waiting"), ("postgres_size_ALL", "billing"),
                                    ("df", "_dev_mapper_vg0_pgwal"), ("postgres_locks_ALL", "exclusivelock")],
              "mx-01.dmz.example.net": [("postfix_mailqueue", "deferred"), ("exim_mailstats", "rejected")]}
    exits = [("apt_all", 1, 0), ("ps_zombie", 0, 13), ("nginx_status", 2, 0), ("mysql_queries", 255, 0),
             ("ntp_offset", 1, 0)]
    cant = [("smartctl", "/etc/munin/plugins/smart_sda", 42), ("ipmitool", "/etc/munin/plugins/ipmi_temp", 117),
            ("sensors", "/etc/munin/plugins/sensors_temp", 88), ("smartctl", "/etc/munin/plugins/smart_nvme0n1", 42)]
    slow = ["postfix_mailqueue", "apt_all", "df_inode", "http_loadtime", "mysql_innodb"]
    maint = set(range(6, 9))  # web-02 down for maintenance during these cycles
    db_hang = set(R.sample(range(2, 15), 2))  # db-01 stalls past the fetch timeout in two cycles

    def node_session(t, peer, local):
        pid = R.randint(3000, 32000)
        node(t, pid, "connect", [peer, R.randint(32768, 60999), local])
        t += R.randint(40, 900) * MS
        if R.random() < 0.3:
            exe, path, line = S.cyc("cantexec", "c", cant)
            node(t, pid, "errout", [path.rsplit("/", 1)[1]])
            node(t, pid, "cantexec", [exe, path, line], tab=True)
            t += R.randint(10, 300) * MS
        if R.random() < 0.25:
            name, code, sig = S.cyc("exited", "e", exits)
            node(t, pid, "exited", [name, code, sig])
            t += R.randint(10, 300) * MS
        if R.random() < 0.18:
            node(t + 10 * NS, pid, "timedout", [S.cyc("timedout", "s", slow)])

    for c in range(24):
        t0 = at(8, 0, 1) + c * 300 * NS + R.randint(20, 900) * MS
        upd(t0, "INFO", "start", [], colon=True)
        ends = []
        base_pid = 41000 + c * 37
        for i, (grp, host, addr) in enumerate(hosts):
            ws = t0 + (35 + i * R.randint(2, 14)) * MS
            pid = base_pid + i + 1
            upd(ws, "INFO", "work", [pid, host, addr])
            t = ws + R.randint(2, 9) * MS
            outcome = "ok"
            u = R.random()
            if host == "web-02.example.net" and c in maint:
                outcome = "refused"
            elif host == "db-01.example.net" and u < 0.14:
                outcome = "died"
            elif host == "db-01.example.net" and c in db_hang:
                outcome = "hang"
            elif host == "mx-01.dmz.example.net":
                if u < 0.16:
                    outcome = "died"
                elif u < 0.40:
                    outcome = "hang"
                elif u < 0.48:
                    outcome = "unreach"
            if host == "mon-01.example.net":
                node_session(t + 3 * MS, "127.0.0.1", "127.0.0.1")
            if outcome in ("refused", "unreach"):
                why = "Connection refused" if outcome == "refused" else "No route to host"
                upd(t, "ERROR", "refused", [addr, why])
                t += R.randint(1, 6) * MS
                upd(t, "INFO", "reap", [grp, host, 0, 0])
            elif outcome == "died":
                t += 60 * NS + R.randint(1, 400) * MS
                upd(t, "ERROR", "died", [grp, host, host.split(".")[0]])
                S.emit(t, "", "quote", [])
                t += R.randint(2, 30) * MS
                upd(t, "INFO", "reap", [grp, host, 255, 0])
            elif outcome == "hang":
                t = t0 + 90 * NS + R.randint(1, 50) * MS
                upd(t, "WARNING", "accept", ["%s;%s" % (grp, host)])
                t += R.randint(1, 20) * MS
                upd(t, "INFO", "reap", [grp, host, 0, 9])
            else:
                t += R.randint(300, 3800) * MS
                if host in nodata and R.random() < 0.4:
                    svc, label = R.choice(nodata[host])
                    upd(t, "WARNING", "nodata", [svc, host, addr, label])
                    t += R.randint(5, 200) * MS
                upd(t, "INFO", "reap", [grp, host, 0, 0])
            ends.append(t)
        t_fin = max(ends) + R.randint(40, 600) * MS
        upd(t_fin, "INFO", "finish", ["%.2f" % ((t_fin - t0) / NS)], colon=True)
        # second munin master polls this node half a cycle later
        node_session(t0 + 150 * NS + R.randint(0, 4000) * MS, "10.30.0.12", "10.30.0.11")

    S.finish_simulation()
    return S


# ================================================================ self-check
class CheckError(Exception):
    pass


def need(cond, msg):
    if not cond:
        raise CheckError(msg)


def tpl_regex(tpl):
    return re.compile("".join("(.+?)" if p == SLOT else re.escape(p) for p in re.split(r"(<\*>)", tpl)))


def check_system(S):
    d = os.path.join(HERE, S.name)
    logp = os.path.join(d, S.name + ".log")
    csvp = os.path.join(d, S.name + ".log_structured.csv")
    raw = open(logp, "rb").read()
    need(raw.endswith(b"\n"), "log does not end with newline")
    need(b"\r" not in raw, "log contains CR")
    lines = raw.decode("utf-8").split("\n")[:-1]
    need(len(lines) == N_LINES, "log has %d lines" % len(lines))
    craw = open(csvp, "rb").read()
    need(craw.endswith(b"\n") and b"\r" not in craw, "csv line endings")
    with open(csvp, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    need(rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], "csv header %r" % rows[0])
    rows = rows[1:]
    need(len(rows) == N_LINES, "csv has %d rows" % len(rows))
    header_re = re.compile(S.header_re)
    ts_re = re.compile(S.ts_re)
    last = None
    eid_tpl = {}
    slot_vals = {}
    counts = {}
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        need(len(row) == 4, "row %d has %d columns" % (i, len(row)))
        lid, content, eid, tpl = row
        need(lid == str(i), "LineId %s at row %d" % (lid, i))
        need(content != "" and content == content.strip(), "content not stripped at %d" % i)
        need("\n" not in content and "\r" not in content, "embedded newline at %d" % i)
        need(line.endswith(content), "line %d does not end with its content" % i)
        header = line[:len(line) - len(content)]
        need(header_re.fullmatch(header) is not None, "header mismatch at %d: %r" % (i, header))
        m = ts_re.search(line)
        if header.strip():
            need(m is not None, "no timestamp in line %d" % i)
        if m:
            f = (m.group("f") or "") if "f" in m.groupdict() else ""
            v = ((int(m.group("h")) * 60 + int(m.group("m"))) * 60 + int(m.group("s"))) * NS
            if not S.coarse and f:
                v += int(f.ljust(9, "0"))
            need(last is None or v >= last, "timestamp goes back at line %d" % i)
            last = v
        need(re.fullmatch(r"E\d+", eid) is not None, "bad EventId %r" % eid)
        if eid in eid_tpl:
            need(eid_tpl[eid] == tpl, "EventId %s has two templates" % eid)
        eid_tpl[eid] = tpl
        mm = tpl_regex(tpl).fullmatch(content)
        need(mm is not None, "template does not match content at line %d: %r / %r" % (i, tpl, content))
        for j, g in enumerate(mm.groups()):
            slot_vals.setdefault((eid, j), set()).add(g)
        counts[eid] = counts.get(eid, 0) + 1
    need(len(set(eid_tpl.values())) == len(eid_tpl), "two EventIds share a template")
    declared = ["E%d" % (k + 1) for k in range(len(S.keys))]
    need(sorted(eid_tpl, key=lambda e: int(e[1:])) == declared, "declared events unused: %s" %
         sorted(set(declared) - set(eid_tpl), key=lambda e: int(e[1:])))
    for k, key in enumerate(S.keys):
        need(eid_tpl["E%d" % (k + 1)] == S.tpl[key], "EventId order differs from declaration")
    for (eid, j), vals in sorted(slot_vals.items(), key=lambda x: (int(x[0][0][1:]), x[0][1])):
        need(len(vals) >= 2, "%s slot %d takes a single value %r" % (eid, j + 1, next(iter(vals))))
    c = sorted(counts.values())
    need(12 <= len(c) <= 15, "%d event types" % len(c))
    need(min(c) >= 3, "an event has fewer than 3 lines: %s" % counts)
    need(sum(1 for x in c if 3 <= x <= 10) >= 3, "fewer than 3 events with 3-10 lines: %s" % counts)
    med = statistics.median(c)
    need(max(c) >= 3 * med, "largest %d < 3 x median %s" % (max(c), med))
    return counts, med


BUILDERS = [build_zipkin, build_skywalking, build_pyroscope, build_kapacitor, build_sensu, build_munin]


def main():
    systems = [b() for b in BUILDERS]
    for S in systems:
        if len(S.lines) != N_LINES:
            raise SystemExit("%s produced %d lines" % (S.name, len(S.lines)))
        write_system(S)
    ok = True
    for S in systems:
        try:
            counts, med = check_system(S)
        except CheckError as e:
            ok = False
            print("%-13s FAIL: %s" % (S.name, e))
            continue
        ordered = sorted(counts.items(), key=lambda x: int(x[0][1:]))
        first = S.lines[0][0]
        lastt = max(x[0] for x in S.lines)
        print("%-13s ok  k=%d seed=%d  %-15s events=%d  max=%d median=%s  span=%s..%s" % (
            S.name, S.k, BASE_SEED * 10 + S.k, S.kind.split(" (")[0], len(counts), max(counts.values()), med,
            ts_munin(first)[11:], ts_munin(lastt)[11:]))
        print("              counts: " + " ".join("%s=%d" % kv for kv in ordered))
    if not ok:
        sys.exit(1)
    print("all %d systems written to %s and self-checked" % (len(systems), HERE))


if __name__ == "__main__":
    main()
