#!/usr/bin/env python3
"""Writes sealed corpus 9, a blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: OtelCollector, TGI, Icinga2, CRIO, BitcoinCore, ScyllaDB.
Every line is made here from event formats written for this corpus, following each program's
default log layout (written from memory), with values from generators of this file. No line,
template or value list is copied from a real log or data set; the messages are invented in each
project's style. The corpus was written without running any template miner or log parser on it
and without reading the miner's source.

Deterministic: fixed seed 20261209, integer clock (nanoseconds), no dependence on locale or
wall time; `python3 generate.py` rewrites the same files. Each system gets
`<System>/<System>.log` (the raw lines, header included) and
`<System>/<System>.log_structured.csv` (LineId, Content, EventId, EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
free-text reason or error, a list, a struct dump, a command line) is one `<*>`; punctuation
around a value stays literal; a unit attached to a number stays literal when it is fixed in the
slot; text that never changes within an event type stays literal. Event formats are written
directly as their templates: each `<*>` in a format is filled with one generated value, and
every `<*>` slot takes at least two different values within its event type (checked when the
lines are made and again on read-back, see `self_check`).
"""
import calendar
import csv
import json
import os
import random
import re
import time

SEED = 20261209
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["OtelCollector", "TGI", "Icinga2", "CRIO", "BitcoinCore", "ScyllaDB"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def hexid(n, alphabet="0123456789abcdef"):
    return "".join(R.choice(alphabet) for _ in range(n))


def uuid():
    return "%s-%s-4%s-%s%s-%s" % (hexid(8), hexid(4), hexid(3), R.choice("89ab"), hexid(3), hexid(12))


def rust_duration(ns):
    """Rust's `Debug` for `std::time::Duration`: `850ns`, `263.1µs`, `16.62ms`, `4.253127391s`."""
    if ns < 1000:
        return "%dns" % ns
    if ns < 10 ** 6:
        unit, div, prec = "µs", 10 ** 3, 3
    elif ns < 10 ** 9:
        unit, div, prec = "ms", 10 ** 6, 6
    else:
        unit, div, prec = "s", 10 ** 9, 9
    whole, frac = divmod(ns, div)
    f = ("%0*d" % (prec, frac)).rstrip("0")
    return "%d%s%s" % (whole, "." + f if f else "", unit)


def rand_ns(lo_ms, hi_ms):
    ms = lo_ms * (hi_ms / lo_ms) ** R.random()
    return max(int(ms * 10 ** 6), 1)


class Cycle:
    """Draws from a pool in seeded shuffled rounds, so that a rare event type sees two or more
    different values of each slot whenever the pool holds them."""

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
    """Integer nanosecond clock starting on 2026-12-09 at a random second of the morning (UTC)."""

    def __init__(self, lo_ms=3, hi_ms=2600):
        self.ns = (calendar.timegm((2026, 12, 9, 0, 0, 0)) + R.randint(6 * 3600, 10 * 3600)) * 10 ** 9 \
            + R.randint(0, 10 ** 9 - 1)
        self.lo, self.hi = lo_ms, hi_ms

    def tick(self):
        self.ns += R.randint(self.lo * 10 ** 6, self.hi * 10 ** 6)

    def g(self, ns=None):
        return time.gmtime((self.ns if ns is None else ns) // 10 ** 9)

    def frac(self, digits, ns=None):
        ns = self.ns if ns is None else ns
        return "%0*d" % (digits, (ns % 10 ** 9) // 10 ** (9 - digits))

    def ymd(self, ns=None):
        g = self.g(ns)
        return "%04d-%02d-%02d" % (g.tm_year, g.tm_mon, g.tm_mday)

    def hms(self, ns=None):
        g = self.g(ns)
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def journal(self):
        g = self.g()
        return "%s %02d %s" % (MONTHS[g.tm_mon - 1], g.tm_mday, self.hms())

    def iso_s(self, ns=None):
        return "%sT%sZ" % (self.ymd(ns), self.hms(ns))


# ------------------------------------------------------------------------------------------
# Filling a template.
def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\t" not in v and v == v.strip(), (template, values)
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    """(content, template, values) of one line of an event type."""
    values = tuple(str(v) for v in values)
    return fill(template, values), template, values


def logrus_escape(text):
    """A message or field value as logrus quotes it (Go `%q` for printable text): `\\` and `"` escaped."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def otel_message(line):
    """The message field of a zap console line: the fourth tab-separated field."""
    return line.split("\t")[3]


def write(system, clock, events, render, content_of=None):
    """events: list of (count, tag, gen); gen() -> ev(...), called after the clock ticked for
    the line; render(tag, content) -> the raw line. Counts sum to LINES; the order of lines is a
    seeded shuffle. Checks that every slot of every event type takes two or more values.
    content_of: None when the raw line ends with Content; else a function giving the Content of
    a raw line (OtelCollector: the message field)."""
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
    assert len(set(templates.values())) == len(templates), system
    folder = os.path.join(HERE, system)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, system + ".log"), "w", newline="", encoding="utf-8") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(folder, system + ".log_structured.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


# ------------------------------------------------------------------------------------------
# 1. OpenTelemetry Collector (contrib distribution, v0.90.0), its own logs with the default zap
#    console encoder to stderr: tab-separated `time  level  caller  message  {fields}`:
#    `2026-12-09T10:00:00.123Z\tinfo\tservice@v0.90.0/service.go:169\tmessage\t{"kind": "exporter", ...}`
#    (ISO 8601 time in milliseconds, lower-case level, the caller trimmed to `dir/file.go:line`,
#    the structured fields as one spaced JSON object, left out when a record has none). Stack
#    traces after warn/error records are left out. Content is the message field (the fourth
#    field); the level, caller and fields are not part of it.
def otel():
    c = Clock(3, 2200)
    current = {}
    grpc = {"grpc_log": True}
    grpc_errors = [
        "rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing: dial tcp "
        "10.44.6.21:4317: connect: connection refused\"",
        "rpc error: code = DeadlineExceeded desc = context deadline exceeded",
        "rpc error: code = ResourceExhausted desc = grpc: received message larger than max (9437310 vs. 4194304)",
    ]
    exporters = [("traces", "otlp/gateway", grpc_errors), ("traces", "otlp/tempo-eu", grpc_errors),
                 ("metrics", "prometheusremotewrite/mimir",
                  ["server returned HTTP status 503 Service Unavailable: ingester ring is not ready",
                   "Post \"http://mimir-distributor.metrics.svc:8080/api/v1/push\": context deadline exceeded"]),
                 ("logs", "otlphttp/loki",
                  ["failed to make an HTTP request: Post \"https://loki-gw.logging.svc:3100/otlp/v1/logs\": net/http: "
                   "request canceled (Client.Timeout exceeded while awaiting headers)",
                   "error exporting items, request to https://loki-gw.logging.svc:3100/otlp/v1/logs responded with HTTP "
                   "Status Code 429"])]

    def interval():
        return "%d.%09ds" % (R.randint(1, 28), R.randint(0, 10 ** 9 - 1))

    def retry():
        dt, name, errors = pick(exporters)
        current["fields"] = {"kind": "exporter", "data_type": dt, "name": name, "error": pick(errors),
                             "interval": interval()}
        return ev("Exporting failed. Will retry the request after interval.")

    def dropped():
        dt, name, errors = pick(exporters)
        current["fields"] = {"kind": "exporter", "data_type": dt, "name": name, "error": pick(errors),
                             "dropped_items": R.randint(1, 8192)}
        return ev("Exporting failed after exhausting all retries. Dropping data.")

    peers = ["10.44.6.21:4317", "10.44.6.22:4317", "10.44.9.3:4317", "10.44.12.40:55680"]
    server_names = {"10.44.6.21:4317": "otel-gateway.observability.svc:4317", "10.44.6.22:4317": "otel-gateway.observability.svc:4317",
                    "10.44.9.3:4317": "tempo-distributor.tracing.svc.cluster.local:4317", "10.44.12.40:55680": "10.44.12.40:55680"}
    states = ["CONNECTING", "READY", "TRANSIENT_FAILURE", "IDLE", "SHUTDOWN"]

    def channel():
        n = R.randint(1, 40)
        return n, n + R.randint(1, 6)

    def conn_change():
        ch, sub = channel()
        current["fields"] = grpc
        return ev("[core] [Channel #<*> SubChannel #<*>] Subchannel Connectivity change to <*>", ch, sub,
                  pick(states))

    def dial_error(addr):
        k = R.random()
        if k < 0.5:
            return "dial tcp %s: connect: connection refused" % addr
        if k < 0.75:
            return "dial tcp %s: i/o timeout" % addr
        if k < 0.9:
            return "dial tcp: lookup %s on 10.96.0.10:53: no such host" % server_names[addr].rsplit(":", 1)[0]
        return "tls: failed to verify certificate: x509: certificate signed by unknown authority (possibly because of " \
               "\"crypto/rsa: verification error\" while trying to verify candidate authority certificate \"otel-ca\")"

    def create_transport():
        ch, sub = channel()
        addr = pick(peers)
        current["fields"] = grpc
        return ev("[core] [Channel #<*> SubChannel #<*>] grpc: addrConn.createTransport failed to connect to "
                  "{Addr: \"<*>\", ServerName: \"<*>\", }. Err: connection error: desc = \"transport: Error while dialing: <*>\"",
                  ch, sub, addr, server_names[addr], dial_error(addr))

    client_ips = ["10.44.%d.%d" % (R.randint(1, 30), R.randint(2, 250)) for _ in range(9)]

    def closing():
        me = "10.44.3.%d:4317" % R.randint(10, 12)
        k = R.random()
        if k < 0.55:
            reason = "EOF"
        elif k < 0.8:
            reason = "read tcp %s->%s:%d: read: connection reset by peer" % (me, pick(client_ips), R.randint(32768, 60999))
        elif k < 0.93:
            reason = "connection error: desc = \"keepalive ping failed to receive ACK within timeout\""
        else:
            reason = "max_connection_age reached"
        current["fields"] = grpc
        return ev("[transport] [server-transport <*>] Closing: <*>", "0xc00" + hexid(7), reason)

    jobs = ["kubernetes-pods", "node-exporter", "kube-state-metrics", "otel-collector self", "blackbox/http_2xx"]

    def scrape_failed():
        job = pick(jobs)
        current["fields"] = {"kind": "receiver", "name": "prometheus", "data_type": "metrics",
                             "scrape_timestamp": c.ns // 10 ** 6 - R.randint(0, 30000),
                             "target_labels": "{__name__=\"up\", instance=\"%s:%d\", job=\"%s\"}" % (
                                 pick(client_ips), pick([9100, 8080, 8888, 9115]), job)}
        return ev("Failed to scrape Prometheus endpoint")

    topics = ["otlp_spans", "edge.logs.v2", "payments-audit (eu)"]

    def rebalanced():
        kind = pick(["traces", "logs"])
        current["fields"] = {"kind": "receiver", "name": "kafka/" + {"traces": "spans", "logs": "logs"}[kind], "data_type": kind}
        return ev("Consumer group rebalanced: claimed <*> partitions of topic \"<*>\" in generation <*>", num(1, 24),
                  pick(topics), num(2, 900))

    pipelines = ["traces", "metrics", "logs"]

    def mem(msg, lo, hi):
        def gen():
            current["fields"] = {"kind": "processor", "name": "memory_limiter", "pipeline": pick(pipelines),
                                 "cur_mem_mib": R.randint(lo, hi)}
            return ev(msg)
        return gen

    policies = Cycle(["pick_first", "round_robin", "pick_first", "round_robin", "grpclb"])

    def lb_policy():
        current["fields"] = grpc
        return ev("[core] [Channel #<*>] Channel switches to new LB policy \"<*>\"", num(1, 40), policies())

    handshake_errors = Cycle(["tls: first record does not look like a TLS handshake", "EOF",
                              "tls: client didn't provide a certificate",
                              "read tcp 10.44.3.11:4317->10.44.20.7:39120: i/o timeout"])

    def handshake():
        current["fields"] = grpc
        return ev("[core] [Server #<*> ListenSocket #<*>] grpc: Server.Serve failed to create ServerTransport: connection "
                  "error: desc = \"ServerHandshake(\\\"<*>\\\") failed: <*>\"",
                  num(1, 9), num(10, 30), "%s:%d" % (pick(client_ips), R.randint(32768, 60999)), handshake_errors())

    def plain(msg, fields=None):
        def gen():
            current["fields"] = fields
            return ev(msg)
        return gen

    def subchannel_deleted():
        ch, sub = channel()
        current["fields"] = grpc
        return ev("[core] [Channel #<*> SubChannel #<*>] Subchannel deleted", ch, sub)

    events = [
        (70, ("info", "zapgrpc/zapgrpc.go:178"), conn_change),
        (52, ("info", "exporterhelper/retry_sender.go:118"), retry),
        (40, ("warn", "zapgrpc/zapgrpc.go:195"), create_transport),
        (30, ("info", "zapgrpc/zapgrpc.go:178"), closing),
        (24, ("warn", "internal/transaction.go:123"), scrape_failed),
        (20, ("info", "kafkareceiver@v0.90.0/kafka_receiver.go:462"), rebalanced),
        (16, ("warn", "memorylimiterprocessor@v0.90.0/memorylimiter.go:276"),
         mem("Memory usage is above soft limit. Forcing a GC.", 1500, 1900)),
        (12, ("info", "memorylimiterprocessor@v0.90.0/memorylimiter.go:248"), mem("Memory usage after GC.", 600, 1400)),
        (10, ("error", "exporterhelper/retry_sender.go:97"), dropped),
        (8, ("warn", "memorylimiterprocessor@v0.90.0/memorylimiter.go:266"),
         mem("Memory usage is above hard limit. Forcing a GC.", 1900, 2300)),
        (7, ("info", "zapgrpc/zapgrpc.go:178"), lb_policy),
        (5, ("warn", "zapgrpc/zapgrpc.go:195"), handshake),
        (3, ("info", "service@v0.90.0/service.go:169"), plain("Everything is ready. Begin running and processing data.")),
        (3, ("info", "zapgrpc/zapgrpc.go:178"), subchannel_deleted),
    ]

    def render(tag, content):
        level, caller = tag
        line = "%sT%s.%sZ\t%s\t%s\t%s" % (c.ymd(), c.hms(), c.frac(3), level, caller, content)
        if current.get("fields"):
            line += "\t" + json.dumps(current["fields"], ensure_ascii=False, separators=(", ", ": "))
        return line
    write("OtelCollector", c, events, render, content_of=otel_message)


# ------------------------------------------------------------------------------------------
# 2. HuggingFace text-generation-inference (TGI 1.x/2.x), the launcher and the router it spawns
#    writing to the same stdout, with the `tracing_subscriber` fmt layer in its default text
#    format, without ANSI colours: `2026-12-09T10:00:00.123456Z  INFO spans: target: message`
#    (RFC 3339 time in microseconds, the level right-aligned to five characters, the current span
#    chain with its fields (`generate{parameters=GenerateParameters { ... } total_time="..."}:`),
#    the target). The router adds the source file and line after its target
#    (`text_generation_router::server: router/src/server.rs:457: `); the launcher does not
#    (`shard-manager: text_generation_launcher: `). An event's own fields follow its message
#    (`rank=0`). Content is what follows the target (launcher) or the `file:line: ` (router).
def tgi():
    c = Clock(3, 2600)
    current = {}

    def params():
        opt = lambda v: "Some(%s)" % v if v is not None else "None"
        stop = pick(["[]", "[]", "[\"</s>\"]", "[\"<|eot_id|>\", \"\\n\\nUser:\"]"])
        return ("GenerateParameters { best_of: %s, temperature: %s, repetition_penalty: %s, frequency_penalty: None, "
                "top_k: %s, top_p: %s, typical_p: None, do_sample: %s, max_new_tokens: %s, return_full_text: %s, stop: %s, "
                "truncate: %s, watermark: false, details: %s, decoder_input_details: false, seed: %s, top_n_tokens: None, "
                "grammar: None }") % (
            opt(pick([None, None, 2])), opt(pick([None, "0.7", "0.2", "1.0", "0.01"])), opt(pick([None, "1.03", "1.1"])),
            opt(pick([None, 10, 50])), opt(pick([None, "0.95", "0.9"])), pick(["true", "false"]),
            opt(pick([64, 256, 512, 1024, 20])), opt(pick([None, "false"])), stop, opt(pick([None, 3000])),
            pick(["true", "false"]), opt(pick([None, None, R.randint(1, 99999)])))

    def timing():
        inf = rand_ns(80, 30000)
        toks = R.randint(1, 1024)
        q = rand_ns(0.01, 900)
        v = rand_ns(0.05, 3)
        return ("total_time=\"%s\" validation_time=\"%s\" queue_time=\"%s\" inference_time=\"%s\" time_per_token=\"%s\" "
                "seed=\"%s\"") % (rust_duration(inf + q + v), rust_duration(v), rust_duration(q), rust_duration(inf),
                                  rust_duration(inf // toks), pick(["None", "None", "Some(%d)" % R.randint(1, 2 ** 63)]))

    gpus = ["1-nvidia-a10g", "2-nvidia-l4", "1-nvidia-a100"]

    def spans(done):
        inner = "parameters=%s" % params() + (" " + timing() if done else "")
        k = R.random()
        if k < 0.35:
            s = "generate{%s}" % inner
        elif k < 0.7:
            s = "generate_stream{%s}" % inner
        else:
            s = "compat_generate{default_return_full_text=true compute_type=Extension(ComputeType(\"%s\"))}:generate_stream{%s}" % (
                pick(gpus), inner)
        if not done:
            s += pick([":async_stream:generate_stream", ":generate", ":generate_stream"])
        return s

    def success():
        current["spans"] = spans(True)
        return ev("Success")

    def validation():
        current["spans"] = spans(False) + ":validate"
        new = R.randint(64, 2048)
        inp = R.randint(4096 - new + 1, 12000)
        return ev("`inputs` tokens + `max_new_tokens` must be <= 4096. Given: <*> `inputs` tokens and <*> `max_new_tokens`",
                  inp, new)

    def finished():
        current["spans"] = spans(False) + ":infer"
        return ev("Generation finished finish_reason=<*> generated_tokens=<*> input_length=<*>",
                  pick(["Length", "EndOfSequenceToken", "EndOfSequenceToken", "StopSequence"]), num(1, 1024), num(3, 3800))

    server_errors = [
        "CUDA out of memory. Tried to allocate 1.95 GiB. GPU 0 has a total capacity of 22.05 GiB of which 712.06 MiB is free. "
        "Process 2291 has 21.34 GiB memory in use. Of the allocated memory 19.87 GiB is allocated by PyTorch, and 1.02 GiB is "
        "reserved by PyTorch but unallocated.",
        "Unexpected <class 'torch.cuda.OutOfMemoryError'>",
        "'NoneType' object has no attribute 'input_lengths'",
        "Cancelled",
        "Shard 1 failed: transport error",
        "batch 4711 not found in cache",
    ]

    def failed():
        current["spans"] = spans(False) + ":infer:send_error"
        return ev("Request failed during generation: Server error: <*>", pick(server_errors))

    def overloaded():
        current["spans"] = spans(False)
        return ev("<*> requests waiting in queue, max_concurrent_requests reached", num(128, 900))

    def waiting():
        current["spans"] = "shard-manager"
        return ev("Waiting for shard to be ready... rank=<*>", pick(["0", "1", "2", "3"]))

    def ready():
        current["spans"] = "shard-manager"
        return ev("Shard ready in <*>s rank=<*>", "%d.%09d" % (R.randint(9, 160), R.randint(0, 10 ** 9 - 1)),
                  pick(["0", "1", "2", "3"]))

    methods = Cycle(["Prefill", "Decode", "Warmup", "FilterBatch"])

    def method_error():
        current["spans"] = None
        return ev("Method <*> encountered an error.", methods())

    models = ["mistralai/Mistral-7B-Instruct-v0.2", "acme-labs/support-bot-13b-awq", "bigcode/starcoder2-15b",
              "/data/checkpoints/llama-ft-2026-11-30"]
    model_cycle = Cycle(models)

    def fast_tok():
        current["spans"] = None
        return ev("Could not find a fast tokenizer implementation for <*>", model_cycle())

    totals = Cycle(["16000", "98304", "245760", "31440", "159232"])

    def set_total():
        current["spans"] = None
        return ev("Setting max batch total tokens to <*>", totals())

    def serving():
        current["spans"] = None
        return ev("Serving revision <*> of model <*>", hexid(40), model_cycle())

    configs = Cycle([
        ("mistralai/Mistral-7B-Instruct-v0.2", "Some(1)", "None", "Some(BFloat16)", "4095", "4096", "4145", hexid(12), "None"),
        ("acme-labs/support-bot-13b-awq", "Some(2)", "Some(Awq)", "None", "2048", "4096", "4096", hexid(12),
         "Some(\"http://otel-collector.observability:4317\")"),
        ("bigcode/starcoder2-15b", "Some(4)", "Some(BitsandbytesNf4)", "Some(Float16)", "8191", "8192", "8242", "tgi-code-0",
         "None"),
        ("/data/checkpoints/llama-ft-2026-11-30", "None", "None", "None", "1024", "2048", "4096", "tgi-ft-canary-1",
         "Some(\"grpc://10.8.0.14:4317\")"),
    ])

    def args():
        current["spans"] = None
        return ev("Args { model_id: \"<*>\", revision: None, validation_workers: 2, sharded: None, num_shard: <*>, "
                  "quantize: <*>, speculate: None, dtype: <*>, trust_remote_code: false, max_concurrent_requests: 128, "
                  "max_best_of: 2, max_stop_sequences: 4, max_top_n_tokens: 5, max_input_length: <*>, max_total_tokens: <*>, "
                  "waiting_served_ratio: 1.2, max_batch_prefill_tokens: <*>, max_batch_total_tokens: None, "
                  "max_waiting_tokens: 20, hostname: \"<*>\", port: 80, shard_uds_path: \"/tmp/text-generation-server\", "
                  "master_addr: \"localhost\", master_port: 29500, huggingface_hub_cache: Some(\"/data\"), "
                  "weights_cache_override: None, disable_custom_kernels: false, cuda_memory_fraction: 1.0, "
                  "json_output: false, otlp_endpoint: <*>, cors_allow_origin: [], ngrok: false, env: false }", *configs())

    files = Cycle([("mistralai--Mistral-7B-Instruct-v0.2", 3), ("acme-labs--support-bot-13b-awq", 2),
                   ("bigcode--starcoder2-15b", 7)])

    def downloaded():
        current["spans"] = "download"
        repo, n = files()
        path = "/data/models--%s/snapshots/%s/model-%05d-of-%05d.safetensors" % (repo, hexid(40), R.randint(1, n), n)
        return ev("Downloaded <*> in <*>.", path, "0:%02d:%02d.%06d" % (R.randint(0, 3), R.randint(0, 59), R.randint(0, 999999)))

    def cancelled():
        current["spans"] = spans(False) + ":infer"
        return ev("Request cancelled: client disconnected after <*> generated tokens", num(0, 700))

    S = "text_generation_router::server: router/src/server.rs:%d"
    L = "text_generation_launcher"
    events = [
        (80, ("INFO", S % 457), success),
        (52, ("ERROR", "text_generation_router::validation: router/src/validation.rs:174"), validation),
        (44, ("INFO", "text_generation_router::infer: router/src/infer.rs:512"), finished),
        (30, ("ERROR", "text_generation_router::infer: router/src/infer.rs:866"), failed),
        (24, ("WARN", "text_generation_router::queue: router/src/queue.rs:97"), overloaded),
        (18, ("INFO", L), waiting),
        (12, ("INFO", L), ready),
        (10, ("ERROR", L), method_error),
        (8, ("WARN", L), fast_tok),
        (6, ("INFO", "text_generation_router: router/src/main.rs:381"), set_total),
        (5, ("INFO", "text_generation_router: router/src/main.rs:416"), serving),
        (4, ("INFO", L), args),
        (4, ("INFO", L), downloaded),
        (3, ("WARN", "text_generation_router::infer: router/src/infer.rs:540"), cancelled),
    ]

    def render(tag, content):
        level, target = tag
        sp = current.get("spans")
        return "%sT%s.%sZ %5s %s%s: %s" % (c.ymd(), c.hms(), c.frac(6), level, sp + ": " if sp else "", target, content)
    write("TGI", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. Icinga 2 (2.13/2.14), its main log `/var/log/icinga2/icinga2.log` (the default
#    FileLogger, severity `information`): `[2026-12-09 10:00:00 +0000] information/ApiListener: message`
#    (local time with its offset, severity in lower case, the facility). Multi-line exception
#    dumps are left out. Content is what follows `<severity>/<Facility>: `.
def icinga():
    c = Clock(3, 3000)
    agents = ["web-%02d.dmz.example.net" % i for i in (1, 2, 3, 7)] + ["db-primary.example.net", "db-replica-2.example.net",
                                                                       "mq-01.example.org", "win-dc01.corp.example.org",
                                                                       "nas.branch-ber.example.org"]
    satellites = ["sat-eu-1.example.net", "sat-eu-2.example.net", "sat-us-1.example.org"]
    agent_ip = {a: "10.%d.%d.%d" % (R.randint(10, 30), R.randint(0, 9), R.randint(2, 250)) for a in agents + satellites}
    queues = ["ApiListener, RelayQueue", "ApiListener, SyncQueue", "IdoMysqlConnection, ido-mysql",
              "InfluxdbWriter, influxdb", "GraphiteWriter, graphite"]
    queue_no = {q: str(i) for q, i in zip(queues, R.sample(range(3, 14), len(queues)))}

    def workqueue():
        q = pick(queues)
        rate = R.uniform(0, 60)
        m = int(rate * 60 * R.uniform(0.8, 1.2))
        return ev("#<*> (<*>) items: <*>, rate: <*>/s (<*>/min <*>/5min <*>/15min);", queue_no[q], q,
                  pick(["0", "0", num(1, 40000)]), "%.5g" % rate, m, int(m * 5 * R.uniform(0.8, 1.2)),
                  int(m * 15 * R.uniform(0.8, 1.2)))

    def from_addr(a):
        return "[%s]:%d" % (agent_ip[a], R.randint(32768, 60999))

    def new_client():
        a = pick(agents)
        return ev("New client connection for identity '<*>' from <*>", a, from_addr(a))

    cert_errors = Cycle(["code 18: self-signed certificate", "code 10: certificate has expired",
                         "code 20: unable to get local issuer certificate"])

    def new_client_bad():
        a = pick(agents)
        return ev("New client connection for identity '<*>' from <*> (certificate validation failed: <*>)", a, from_addr(a),
                  cert_errors())

    def disconnected():
        return ev("API client disconnected for identity '<*>'", pick(agents + satellites))

    def pending():
        return ev("Pending queries: <*> (Input: <*>/s; Output: <*>/s)", pick(["0", num(1, 90000)]), num(0, 900), num(0, 900))

    services = ["http", "disk /var", "ping4", "mysql-replication", "load", "swap", "ssl-cert expiry"]

    def obj():
        a = pick(agents)
        return a if R.random() < 0.25 else "%s!%s" % (a, pick(services))

    ntypes = ["Problem", "Problem", "Recovery", "Acknowledgement", "Custom", "DowntimeStart"]
    users = ["oncall-infra", "m.schneider", "noc-team", "a.okonkwo"]

    def notify():
        o = obj()
        kind = "mail-service-notification" if "!" in o else "mail-host-notification"
        return ev("Sending '<*>' notification '<*>' for user '<*>'", pick(ntypes), "%s!%s" % (o, kind), pick(users))

    outputs = ["", "sendmail: fatal: parameter inet_interfaces: no local interface found for ::1",
               "Error: Missing argument for -r", "%s: line 214: /usr/bin/mail: No such file or directory"]

    def notify_failed():
        o = obj()
        script = "/etc/icinga2/scripts/mail-%s-notification.sh" % ("service" if "!" in o else "host")
        argv = "'%s' '-d' '%s' '-l' '%s' '-o' '%s' '-r' '%s' '-t' '%s'" % (
            script, c.ymd() + " " + c.hms() + " +0000", o.split("!")[0], pick(["HTTP OK: 200", "CRITICAL - Socket timeout",
                                                                             "PING CRITICAL - Packet loss = 100%"]),
            pick(["ops@example.net", "oncall@example.org"]), pick(["PROBLEM", "RECOVERY"]))
        out = pick(outputs).replace("%s", script)
        return ev("Notification command for object '<*>' (PID: <*>, arguments: <*>) terminated with exit code <*>, output: <*>",
                  o, num(3000, 99999), argv, pick(["1", "2", "127"]), out if out else "(no output)")

    conn_errors = ["Connection refused", "Operation timed out", "No route to host",
                   "Host not found (authoritative)", "Error: Handshake failed: certificate verify failed"]

    def cannot_connect():
        s = pick(satellites + agents[:3])
        return ev("Cannot connect to host '<*>' on port '5665': <*>", s, pick(conn_errors))

    def reconnect():
        s = pick(satellites + agents[:3])
        return ev("Reconnecting to endpoint '<*>' via host '<*>' and port '5665'", s, pick([s, agent_ip[s]]))

    def checker():
        return ev("Pending checkables: <*>; Idle checkables: <*>; Checks/s: <*>", num(0, 40), num(900, 4200), "%.2f" % R.uniform(5, 80))

    def removing():
        return ev("Removing API client for endpoint '<*>'. <*> API clients left.", pick(agents + satellites), num(0, 60))

    commands = Cycle(["SCHEDULE_SVC_DOWNTIME;web-02.dmz.example.net;http;%d;%d;1;0;7200;icingaadmin;kernel patching",
                      "ACKNOWLEDGE_SVC_PROBLEM;db-primary.example.net;mysql-replication;2;1;0;m.schneider;lag known, "
                      "rebuild running",
                      "PROCESS_SERVICE_CHECK_RESULT;nas.branch-ber.example.org;backup;0;OK - backup finished",
                      "ENABLE_HOST_NOTIFICATIONS;mq-01.example.org"])

    def external():
        t = c.ns // 10 ** 9
        cmd = commands()
        if "%d" in cmd:
            cmd = cmd % (t + 60, t + 7260)
        return ev("Executing external command: [<*>] <*>", t, cmd)

    check_errors = Cycle(["Function call 'pipe2' failed with error code 24, 'Too many open files'",
                          "Check command 'mysql_health' does not exist.",
                          "Error while evaluating expression: Tried to access undefined script variable 'disk_wfree'"])

    def check_exception():
        return ev("Exception occurred while checking '<*>': Error: <*>", obj(), check_errors())

    def wrong_cn():
        s = pick(satellites)
        return ev("Unexpected certificate common name while connecting to endpoint '<*>': got '<*>'", s,
                  pick(["localhost", "icinga2-default", s.replace("-1", "-01")]))

    events = [
        (80, ("information", "WorkQueue"), workqueue),
        (52, ("information", "ApiListener"), new_client),
        (37, ("warning", "JsonRpcConnection"), disconnected),
        (28, ("information", "IdoMysqlConnection"), pending),
        (22, ("information", "Notification"), notify),
        (18, ("warning", "PluginNotificationTask"), notify_failed),
        (14, ("critical", "ApiListener"), cannot_connect),
        (12, ("information", "ApiListener"), reconnect),
        (10, ("information", "CheckerComponent"), checker),
        (8, ("information", "ApiListener"), new_client_bad),
        (6, ("warning", "ApiListener"), removing),
        (5, ("information", "ExternalCommandListener"), external),
        (4, ("critical", "checker"), check_exception),
        (4, ("warning", "ApiListener"), wrong_cn),
    ]

    def render(tag, content):
        severity, facility = tag
        return "[%s %s +0000] %s/%s: %s" % (c.ymd(), c.hms(), severity, facility, content)
    write("Icinga2", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. CRI-O (1.28-1.30) on a Kubernetes worker, read with `journalctl -u crio` in its default
#    `short` output: `Dec 09 10:00:00 k8s-worker-07 crio[1187]: time="2026-12-09 10:00:00.123456789Z"
#    level=info msg="..." id=... name=/runtime.v1.RuntimeService/...` (the journal's time, host and
#    `crio[pid]`, then CRI-O's logrus text line: its own time in nanoseconds, the level, the
#    quoted message with `"` escaped as `\"`, and the fields, sorted, quoted only when needed).
#    Content is what follows `level=<level> `: `msg="..."` and the fields after it.
def crio():
    c = Clock(3, 3000)
    current = {}
    pid = [str(R.randint(900, 2400))]
    images = ["registry.k8s.io/pause:3.9", "docker.io/library/nginx:1.27-alpine", "quay.io/prometheus/node-exporter:v1.8.2",
              "ghcr.io/acme/checkout-api:2026.12.1", "registry.example.net/platform/envoy:v1.31.4",
              "registry.k8s.io/kube-proxy:v1.30.6", "docker.io/grafana/promtail:3.2.1", "ghcr.io/acme/worker@sha256:" + hexid(64)]
    pods = [("kube-system", "kube-proxy-" + hexid(5, "bcdfghjklmnpqrstvwxz2456789"), "kube-proxy"),
            ("monitoring", "node-exporter-" + hexid(5, "bcdfghjklmnpqrstvwxz2456789"), "node-exporter"),
            ("shop", "checkout-api-7f9c6d8b5-" + hexid(5, "bcdfghjklmnpqrstvwxz2456789"), "checkout-api"),
            ("shop", "checkout-api-7f9c6d8b5-" + hexid(5, "bcdfghjklmnpqrstvwxz2456789"), "istio-proxy"),
            ("logging", "promtail-" + hexid(5, "bcdfghjklmnpqrstvwxz2456789"), "promtail"),
            ("batch", "nightly-report-29411520-" + hexid(5, "bcdfghjklmnpqrstvwxz2456789"), "report"),
            ("ingress", "envoy-gw-5c7d9f-" + hexid(5, "bcdfghjklmnpqrstvwxz2456789"), "envoy")]

    def rpc(service, method):
        return "id=%s name=/runtime.v1.%s/%s" % (uuid(), service, method)

    def img_status():
        return ev("msg=\"Checking image status: <*>\" id=<*> name=/runtime.v1.ImageService/ImageStatus", pick(images), uuid())

    def desc():
        ns, pod, ctr = pick(pods)
        return "%s/%s/%s" % (ns, pod, ctr)

    def created():
        return ev("msg=\"Created container <*>: <*>\" id=<*> name=/runtime.v1.RuntimeService/CreateContainer", hexid(64), desc(),
                  uuid())

    def started():
        return ev("msg=\"Started container\" PID=<*> containerID=<*> description=<*> id=<*> "
                  "name=/runtime.v1.RuntimeService/StartContainer", num(2000, 4190000), hexid(64), desc(), uuid())

    def sandbox(word):
        def gen():
            return ev("msg=\"" + word + " pod sandbox: <*>\" id=<*> name=/runtime.v1.RuntimeService/StopPodSandbox", hexid(64), uuid())
        return gen

    def got_network():
        ns, pod, _ = pick(pods)
        sb = hexid(64)
        return ev("msg=\"Got pod network &{Name:<*> Namespace:<*> ID:<*> UID:<*> NetNS:<*> Networks:[] "
                  "RuntimeConfig:map[multus-cni-network:{IP: MAC: PortMappings:[] Bandwidth:<nil> IpRanges:[]}] Aliases:map[]}\" "
                  "id=<*> name=/runtime.v1.RuntimeService/RunPodSandbox",
                  pod, ns, sb, uuid(), "/var/run/netns/" + uuid(), uuid())

    stop_errors = ["timeout reached after 30 seconds waiting for container process to exit",
                   "timeout reached after 600 seconds waiting for container process to exit",
                   "context canceled",
                   "failed to kill container: exit status 1: \"container not running\""]

    def stop_timeout():
        e = logrus_escape(pick(stop_errors))
        return ev("msg=\"Stopping container <*> with stop signal timed out: <*>\" id=<*> "
                  "name=/runtime.v1.RuntimeService/StopContainer", hexid(64), e, uuid())

    def pull(word):
        def gen():
            return ev("msg=\"" + word + " image: <*>\" id=<*> name=/runtime.v1.ImageService/PullImage", pick(images), uuid())
        return gen

    def reserved():
        ns, pod, ctr = pick(pods)
        return ev("msg=\"Error reserving ctr name <*> for id <*>: name is reserved\"",
                  "k8s_%s_%s_%s_%s_%d" % (ctr, pod, ns, uuid(), R.randint(0, 3)), hexid(64))

    def removed():
        return ev("msg=\"Removed container <*>: <*>\" id=<*> name=/runtime.v1.RuntimeService/RemoveContainer", hexid(64), desc(),
                  uuid())

    cni_events = Cycle([("/etc/cni/net.d/00-multus.conf", "CREATE"), ("/etc/cni/net.d/00-multus.conf.tmp", "WRITE"),
                        ("/etc/cni/net.d/10-calico.conflist", "RENAME"), ("/etc/cni/net.d/00-multus.conf", "CHMOD")])

    def cni():
        p, op = cni_events()
        return ev("msg=\"CNI monitoring event \\\"<*>\\\": <*>\"", p, op)

    remove_errors = Cycle(["unlinkat /var/lib/containers/storage/overlay/%s/merged: device or resource busy" % hexid(64),
                           "layer not known", "remove /var/run/containers/storage/overlay-containers/%s/userdata/shm: "
                                              "no such file or directory" % hexid(64)])

    def remove_failed():
        return ev("msg=\"Unable to remove container <*>: <*>\"", hexid(64), remove_errors())

    versions = Cycle([("1.29.10", hexid(40), "clean"), ("1.30.7", hexid(40), "clean"), ("1.30.7-dev", hexid(40), "dirty")])

    def starting():
        v = versions()
        pid[0] = str(int(pid[0]) + R.randint(300, 9000))
        return ev("msg=\"Starting CRI-O, version: <*>, git: <*>(<*>)\"", *v)

    events = [
        (85, "info", img_status),
        (54, "info", created),
        (39, "info", started),
        (28, "info", sandbox("Stopping")),
        (22, "info", sandbox("Stopped")),
        (16, "info", got_network),
        (14, "warning", stop_timeout),
        (11, "info", pull("Pulling")),
        (9, "info", pull("Pulled")),
        (7, "warning", reserved),
        (5, "info", removed),
        (4, "info", cni),
        (3, "error", remove_failed),
        (3, "info", starting),
    ]

    def render(level, content):
        return "%s k8s-worker-07 crio[%s]: time=\"%s %s.%sZ\" level=%s %s" % (c.journal(), pid[0], c.ymd(), c.hms(), c.frac(9),
                                                                             level, content)
    write("CRIO", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Bitcoin Core (v26-v28) `debug.log` with the default logging options (no thread names, no
#    source locations, no microseconds) and `-debug=net -debug=mempool`:
#    `2026-12-09T10:00:00Z UpdateTip: new best=... height=...`; debug-category records carry
#    the category in brackets at the start of the message (`[net] `, `[mempool] `).
#    Content is what follows the timestamp and its space (the category prefix is part of it).
def bitcoin():
    c = Clock(2000, 300000)
    tip = {"h": R.randint(975000, 976000), "tx": R.randint(1250000000, 1260000000), "work": R.uniform(95.9, 96.0)}
    peers = {"n": R.randint(200, 900)}

    def bhash():
        z = R.randint(19, 20)
        return "0" * z + hexid(64 - z)

    def peer():
        return R.randint(0, peers["n"])

    def update_tip():
        tip["h"] += 1
        tip["tx"] += R.randint(800, 7000)
        tip["work"] += R.uniform(0.0000050, 0.0000070)
        return ev("UpdateTip: new best=<*> height=<*> version=<*> log2_work=<*> tx=<*> date='<*>' progress=<*> cache=<*>MiB(<*>txo)",
                  bhash(), tip["h"], pick(["0x20000000", "0x2000e000", "0x3fff0000", "0x20400000", "0x22000000"]),
                  "%.6f" % tip["work"], tip["tx"], c.iso_s(c.ns - R.randint(1, 900) * 10 ** 9),
                  pick(["1.000000", "1.000000", "1.000000", "0.999999"]), "%.1f" % R.uniform(60, 450), R.randint(300000, 2900000))

    def saw_header():
        return ev("Saw new header hash=<*> height=<*>", bhash(), tip["h"] + 1)

    def saw_cmpct():
        return ev("Saw new cmpctblock header hash=<*> peer=<*>", bhash(), peer())

    def accepted():
        return ev("[mempool] AcceptToMemoryPool: peer=<*>: accepted <*> (wtxid=<*>) (poolsz <*> txn, <*> kB)", peer(),
                  hexid(64), hexid(64), R.randint(20000, 160000), R.randint(40000, 300000))

    conn_types = ["outbound-full-relay", "outbound-full-relay", "block-relay-only", "manual", "feeler"]

    def connected():
        peers["n"] += R.randint(1, 4)
        return ev("New <*> <*> peer connected: version: 70016, blocks=<*>, peer=<*>", pick(conn_types), pick(["v1", "v2"]),
                  tip["h"] - pick([0, 0, 0, 1]), peers["n"])

    def socket_closed():
        return ev("[net] socket closed for peer=<*>", peer())

    def flush(word):
        def gen():
            n = R.randint(1000, 9000000)
            kb = n * R.randint(90, 130) // 1000
            if word == "started":
                return ev("FlushStateToDisk: write coins cache to disk (<*> coins, <*>kB) started", n, kb)
            return ev("FlushStateToDisk: write coins cache to disk (<*> coins, <*>kB) completed (<*>s)", n, kb,
                      "%.2f" % R.uniform(0.01, 40))
        return gen

    reasons = Cycle(["header with invalid proof of work", "non-continuous headers sequence",
                     "invalid compact block (mutated-block, bad-txnmrklroot, hashMerkleRoot mismatch)",
                     "getdata message size = 50001", "unrequested transaction"])

    def misbehaving():
        return ev("[net] Misbehaving: peer=<*>: <*>", peer(), reasons())

    def stale():
        return ev("Potential stale tip detected, will try using extra outbound peer (last tip update: <*> seconds ago)",
                  R.randint(1800, 7200))

    def added():
        return ev("[net] Added connection peer=<*>", peer())

    hosts = Cycle(["[2001:db8:4a1::17]:8333", "198.51.100.74:8333", "203.0.113.9:8333",
                   "hvq6zgw3a2zrnbhxq5u3wz2mqpdhjqh6h2fhvxnuq4mebvduk4d6ayyd.onion:8333"])

    def added_to():
        return ev("[net] Added connection to <*> peer=<*>", hosts(), peer())

    def imported():
        return ev("Imported mempool transactions from disk: <*> succeeded, <*> failed, <*> expired, <*> already there, "
                  "<*> waiting for initial broadcast", num(20000, 90000), num(0, 40), num(0, 900), num(0, 12), num(0, 3))

    def timeout_block():
        return ev("[net] Timeout downloading block <*> from peer=<*>, disconnecting", bhash(), peer())

    events = [
        (77, None, update_tip),
        (50, None, saw_header),
        (40, None, saw_cmpct),
        (30, None, accepted),
        (24, None, connected),
        (18, None, socket_closed),
        (14, None, flush("started")),
        (12, None, flush("completed")),
        (10, None, misbehaving),
        (8, None, stale),
        (6, None, added),
        (5, None, added_to),
        (3, None, imported),
        (3, None, timeout_block),
    ]

    def render(_, content):
        return "%s %s" % (c.iso_s(), content)
    write("BitcoinCore", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. ScyllaDB (5.x/6.x) writing its log to stdout/stderr (Docker image, `--log-to-stdout 1`):
#    `INFO  2026-12-09 10:00:00,123 [shard 3] compaction - message` (level padded to five, the
#    local time with milliseconds after a comma, the shard, the logger name). Continuation lines
#    of multi-line messages are left out. Content is what follows `<logger> - `.
def scylla():
    c = Clock(3, 2400)
    current = {}
    tables = [("shop", "orders"), ("shop", "order_items"), ("telemetry", "sensor_readings"), ("auth", "sessions"),
              ("system", "local"), ("events", "user_timeline")]
    table_id = {t: uuid() for t in tables}
    nodes = ["10.60.1.%d" % i for i in (11, 12, 13, 21, 22, 23)]
    alnum = "0123456789abcdefghijklmnopqrstuvwxyz"

    def sstable(t):
        return "/var/lib/scylla/data/%s/%s-%s/me-%s_%s_%s-big-Data.db" % (t[0], t[1], table_id[t].replace("-", ""), hexid(4, alnum),
                                                                          hexid(4, alnum), hexid(18, alnum))

    def size(b):
        """Scylla's pretty-printed size: the unit varies with the figure."""
        for unit, div in (("GB", 10 ** 9), ("MB", 10 ** 6), ("kB", 10 ** 3)):
            if b >= div:
                return "%d%s" % (b // div, unit)
        return "%dB" % b

    def compacted():
        t = pick(tables)
        current["shard"] = R.randint(0, 7)
        n = R.randint(2, 6)
        outs = ", ".join("%s:level=%d" % (sstable(t), pick([0, 1, 1, 2])) for _ in range(pick([1, 1, 1, 2])))
        b_in = int(10 ** R.uniform(4, 10.5))
        parts = max(2, b_in // R.randint(300, 60000))
        pct = R.randint(12, 100)
        b_out = b_in * pct // 100
        ms = max(3, int(b_in / 10 ** R.uniform(6.3, 8.4) * 1000))
        return ev("[Compact <*>.<*> <*>] Compacted <*> sstables to [<*>]. <*> to <*> (~<*>% of original) in <*>ms = <*>. "
                  "~<*> total partitions merged to <*>.", t[0], t[1], uuid(), n, outs, size(b_in), size(b_out), pct,
                  ms, size(b_in * 1000 // ms) + "/s", parts, parts - R.randint(0, parts // 2))

    origins = ["memtable", "compaction", "repair", "streaming"]

    def compacting():
        t = pick(tables)
        current["shard"] = R.randint(0, 7)
        ins = ", ".join("%s:level=%d:origin=%s" % (sstable(t), pick([0, 0, 1]), pick(origins)) for _ in range(R.randint(1, 4)))
        return ev("[Compact <*>.<*> <*>] Compacting [<*>]", t[0], t[1], uuid(), ins)

    keys = ["sensor-0042:2026-12-09", "{user_id: 81233, day: 20261208}", "eu-west", "tenant_7", "c0ffee00-0000-4000-8000-000000000001",
            "9ac8"]

    def large():
        t = pick(tables[:4] + tables[5:])
        current["shard"] = R.randint(0, 7)
        return ev("Writing large partition <*>/<*>: <*> (<*> bytes) to <*>", t[0], t[1], pick(keys),
                  R.randint(100 * 2 ** 20, 900 * 2 ** 20), sstable(t).rsplit("/", 1)[1])

    def gossip(word, states):
        def gen():
            current["shard"] = 0
            return ev("InetAddress <*> is now " + word + ", status = <*>", pick(nodes), pick(states))
        return gen

    cql_errors = ["std::system_error (error system:32, sendmsg: Broken pipe)",
                  "std::system_error (error system:104, recv: Connection reset by peer)",
                  "seastar::tls::verification_error (Certificate not trusted: issuer is unknown)",
                  "exceptions::invalid_request_exception (Invalid STRING constant (2026-13-01) for \"created_at\" of type timestamp)",
                  "Connection is closed"]

    def cql():
        current["shard"] = R.randint(0, 7)
        return ev("exception while processing connection: <*>", pick(cql_errors))

    sems = ["_read_concurrency_sem", "_streaming_concurrency_sem", "_system_read_concurrency_sem"]

    def semaphore():
        current["shard"] = R.randint(0, 7)
        limit = pick([100, 10])
        mem_limit = pick([149817098, 41943040])
        return ev("(rate limiting dropped <*> similar messages) Semaphore <*> with <*>/<*> count and <*>/<*> memory resources: "
                  "timed out, dumping permit diagnostics:", num(0, 4000), pick(sems), R.randint(0, limit), limit,
                  R.randint(0, mem_limit), mem_limit)

    repair_no = {"n": R.randint(1, 40)}
    option_sets = Cycle(["{{ \"trace\" -> \"false\"}, {\"jobThreads\" -> \"1\"}, {\"incremental\" -> \"false\"}, "
                         "{\"parallelism\" -> \"parallel\"}, {\"primaryRange\" -> \"true\"}}",
                         "{{\"columnFamilies\" -> \"orders,order_items\"}, {\"parallelism\" -> \"sequential\"}}",
                         "{}"])

    def repair_start():
        current["shard"] = 0
        repair_no["n"] += 1
        return ev("repair[<*>]: starting user-requested repair for keyspace <*>, repair id <*>, options <*>", uuid(),
                  pick(["shop", "events", "auth"]), repair_no["n"], option_sets())

    def repair_progress():
        current["shard"] = R.randint(0, 7)
        t = pick(tables[:4] + tables[5:])
        total = R.randint(200, 1600)
        a = R.randint(-2 ** 63, 2 ** 63 - 2 ** 60)
        peers = ", ".join(R.sample(nodes, 2))
        return ev("repair[<*>]: Repair <*> out of <*> ranges, keyspace=<*>, table=<*>, range=<*>, peers=<*>, live_peers=<*>",
                  uuid(), R.randint(1, total), total, t[0], t[1], "(%d, %d]" % (a, a + R.randint(2 ** 50, 2 ** 59)),
                  "{%s}" % peers, "{%s}" % peers)

    schema_cycle = Cycle(tables[:4] + [("events", "user_timeline_by_day"), ("audit", "audit_log")])

    def schema():
        current["shard"] = 0
        t = schema_cycle()
        return ev("Creating <*>.<*> id=<*> version=<*>", t[0], t[1], uuid(), uuid())

    flush_errors = Cycle(["std::system_error (error system:28, No space left on device)",
                          "seastar::named_semaphore_timed_out (Semaphore timed out: dirty_memory_manager)",
                          "std::bad_alloc (std::bad_alloc)"])

    def flush_failed():
        current["shard"] = R.randint(0, 7)
        t = pick(tables)
        return ev("Memtable flush of <*>.<*> failed: <*>. Will retry in <*>ms", t[0], t[1], flush_errors(), pick([1000, 2000, 4000, 8000]))

    def hints():
        current["shard"] = R.randint(0, 7)
        return ev("Too many in-flight hints to <*>: <*>, dropping hint", pick(nodes), num(10, 900))

    modes = Cycle(["NORMAL", "DRAINING", "DRAINED", "STARTING"])

    def mode():
        current["shard"] = 0
        return ev("entering <*> mode", modes())

    stop_reasons = Cycle(["Compaction for shop/orders deliberately stopped: table is being dropped",
                          "user request", "shutdown"])

    def stopped():
        current["shard"] = R.randint(0, 7)
        t = pick(tables)
        return ev("Compaction of <*>.<*> was stopped: <*>", t[0], t[1], stop_reasons())

    events = [
        (90, ("INFO", "compaction"), compacted),
        (60, ("INFO", "compaction"), compacting),
        (37, ("WARN", "large_data"), large),
        (26, ("INFO", "gossip"), gossip("UP", ["NORMAL", "NORMAL", "BOOT", "UNKNOWN"])),
        (20, ("INFO", "gossip"), gossip("DOWN", ["NORMAL", "shutdown", "UNKNOWN"])),
        (16, ("INFO", "cql_server"), cql),
        (12, ("WARN", "reader_concurrency_semaphore"), semaphore),
        (10, ("INFO", "repair"), repair_start),
        (8, ("INFO", "repair"), repair_progress),
        (6, ("INFO", "schema_tables"), schema),
        (5, ("ERROR", "database"), flush_failed),
        (4, ("WARN", "hints_manager"), hints),
        (3, ("INFO", "storage_service"), mode),
        (3, ("INFO", "compaction_manager"), stopped),
    ]

    def render(tag, content):
        level, logger = tag
        return "%-5s %s %s,%s [shard %d] %s - %s" % (level, c.ymd(), c.hms(), c.frac(3), current["shard"], logger, content)
    write("ScyllaDB", c, events, render)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


MON = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
# Per system: the header that must precede Content on every raw line (OtelCollector: the
# header is the first three tab-separated fields; the optional fields object follows Content).
HEADERS = {
    "OtelCollector": re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\t(?:debug|info|warn|error)\t[A-Za-z0-9_@./-]+\.go:\d+\t"),
    "TGI": re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z (?:TRACE|DEBUG| INFO| WARN|ERROR) (?:\S.*: )?"
                      r"(?:text_generation_router(?:::[a-z_]+)*: router/src/[a-z_/]+\.rs:\d+|text_generation_launcher): "),
    "Icinga2": re.compile(r"\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000\] (?:debug|notice|information|warning|critical)/[A-Za-z]+: "),
    "CRIO": re.compile(MON + r" \d\d \d\d:\d\d:\d\d k8s-worker-07 crio\[\d+\]: "
                       r"time=\"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9}Z\" level=(?:debug|info|warning|error|fatal) "),
    "BitcoinCore": re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ "),
    "ScyllaDB": re.compile(r"(?:TRACE|DEBUG|INFO |WARN |ERROR) \d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \[shard \d+\] [a-z_]+ - "),
}


def check_line(system, line, content):
    """Asserts that the raw line is the system's header, then Content (then, for the collector,
    nothing or a tab and the fields object in zap's spaced JSON)."""
    if system == "OtelCollector":
        h = HEADERS[system].match(line)
        assert h, (system, line)
        assert "\t" not in content and line.split("\t")[3] == content, (system, line)
        rest = line[h.end():]
        assert rest.startswith(content), (system, line)
        rest = rest[len(content):]
        if rest:
            assert rest.startswith("\t"), (system, line)
            obj = json.loads(rest[1:])
            assert isinstance(obj, dict) and obj, (system, line)
            assert json.dumps(obj, ensure_ascii=False, separators=(", ", ": ")) == rest[1:], (system, line)
        return
    assert line.endswith(content), (system, line)
    assert HEADERS[system].fullmatch(line[:len(line) - len(content)]), (system, line)
    if system == "CRIO":
        assert content.startswith("msg=\""), (system, line)


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
            check_line(system, line, content)
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
        assert sum(1 for n in counts.values() if n >= LINES // 6) <= 3, (system, counts)  # one to three frequent types
        for event_id, seen in slots.items():
            for j, s in enumerate(seen):
                assert len(s) >= 2, (system, event_id, "slot %d" % (j + 1), s)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary


def check_clock_order():
    """Timestamps never go back: the header times, read back in a sortable form. For CRI-O both
    the journal time and the logrus time are checked, and they must name the same second."""
    def journal_key(l):
        m = re.match(r"([A-Z][a-z]{2}) (\d\d) (\d\d:\d\d:\d\d) ", l)
        return "%02d-%s %s" % (MONTHS.index(m.group(1)) + 1, m.group(2), m.group(3))

    def crio_key(l):
        j = journal_key(l)
        t = re.search(r' time="(\d{4})-(\d\d)-(\d\d) (\d\d:\d\d:\d\d)(\.\d{9})Z" ', l)
        assert "%s-%s %s" % (t.group(2), t.group(3), t.group(4)) == j, l
        return (j, t.group(1) + t.group(2) + t.group(3) + t.group(4) + t.group(5))

    parsers = {
        "OtelCollector": lambda l: l[:24],
        "TGI": lambda l: l[:27],
        "Icinga2": lambda l: l[1:20],
        "CRIO": crio_key,
        "BitcoinCore": lambda l: l[:20],
        "ScyllaDB": lambda l: l[6:29],
    }
    for system, key in parsers.items():
        with open(os.path.join(HERE, system, system + ".log"), encoding="utf-8") as f:
            stamps = [key(l) for l in f.read().split("\n")[:-1]]
        assert len(stamps) == LINES, system
        assert stamps == sorted(stamps), system


if __name__ == "__main__":
    otel()
    tgi()
    icinga()
    crio()
    bitcoin()
    scylla()
    check_clock_order()
    for system, counts in self_check().items():
        print("%-14s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
