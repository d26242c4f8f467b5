#!/usr/bin/env python3
"""Writes the round-9 blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: Kubelet, Logstash, Chronyd, Trino, ArgoCD, Jaeger. Every line is
made here from event formats written for this corpus, following each program's default log
layout (written from memory), with values from generators of this file. No line, template or
value list is copied from a real log or data set; the messages are invented in each project's
style. The corpus was written without running any template miner on it and without reading the
miner's source.

Deterministic: fixed seed 20261204, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
free-text error or reason, a list, a Trino query source, a Go or Ruby quoted string) is one
`<*>`; punctuation around a value stays literal (`"<*>"`, `key=<*>`, `key="<*>"`, `:key=>"<*>"`,
`"key":"<*>"`, `(<*>)`, `[<*>]`, `<*>:123`); a unit attached to a number stays literal after it
(`<*> seconds`, `<*> ppm`) unless the unit varies within the slot (a Go duration such as
`850ms`/`1m9.5s`, an airlift duration `1.23s`/`452.10ms`, a size `12.35MB`/`845.50kB`, an
eviction quantity `381Mi`/`8%`: one value); text that never changes within an event type stays
literal (Jaeger stack traces, `dest-name=`, `/var/lib/chrony/drift`). Event formats are written
directly as their templates: each `<*>` in a format is filled with one generated value (already
escaped as it appears in the line), and every `<*>` slot takes at least two different values
within its event type (checked when the lines are made and again on read-back).

At the end the files are read back and checked (see `self_check`).
"""
import calendar
import csv
import json
import os
import random
import re
import string
import time

SEED = 20261204
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["Kubelet", "Logstash", "Chronyd", "Trino", "ArgoCD", "Jaeger"]


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def alnum(n, alphabet="bcdfghjklmnpqrstvwxz2456789"):
    return "".join(R.choice(alphabet) for _ in range(n))


def uuid():
    return "%s-%s-4%s-%s%s-%s" % (hexid(8), hexid(4), hexid(3), R.choice("89ab"), hexid(3), hexid(12))


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


def go_float(x):
    """A float64 as zap writes it (`strconv.AppendFloat(b, f, 'f', -1, 64)`): shortest digits, no
    exponent, no trailing zeros (`0.5`, `13.37529`, `1`)."""
    s = repr(float(x))
    assert "e" not in s, s
    return s[:-2] if s.endswith(".0") else s


def airlift_duration(lo_ms, hi_ms):
    """airlift `Duration.convertToMostSuccinctTimeUnit().toString()`: `%.2f` and a unit."""
    ms = lo_ms * (hi_ms / lo_ms) ** R.random()
    for unit, size in (("d", 86400000.0), ("h", 3600000.0), ("m", 60000.0), ("s", 1000.0)):
        if ms >= size:
            return "%.2f%s" % (ms / size, unit)
    if ms >= 1:
        return "%.2fms" % ms
    return "%.2fus" % (ms * 1000)


def airlift_size(lo, hi):
    """airlift `DataSize.succinct().toString()`: `%.2f` and a unit (`B`, `kB`, `MB`, `GB`)."""
    b = lo * (hi / lo) ** R.random()
    for unit, size in (("GB", 1024.0 ** 3), ("MB", 1024.0 ** 2), ("kB", 1024.0)):
        if b >= size:
            return "%.2f%s" % (b / size, unit)
    return "%dB" % int(b)


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


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


class Clock:
    """Integer nanosecond clock starting on 2026-12-03 at a random second of the morning (UTC)."""

    def __init__(self):
        self.start = calendar.timegm((2026, 12, 3, 0, 0, 0)) + R.randint(6 * 3600, 11 * 3600)
        self.ns = self.start * 10 ** 9 + R.randint(0, 10 ** 9 - 1)

    def tick(self):
        self.ns += R.randint(3 * 10 ** 6, 2600 * 10 ** 6)

    @property
    def g(self):
        return time.gmtime(self.ns // 10 ** 9)

    def frac(self, digits):
        return "%0*d" % (digits, (self.ns % 10 ** 9) // 10 ** (9 - digits))

    def ymd(self, sep="-"):
        g = self.g
        return "%04d%s%02d%s%02d" % (g.tm_year, sep, g.tm_mon, sep, g.tm_mday)

    def hms(self):
        g = self.g
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def klog(self):
        """klog header time: `mmdd hh:mm:ss.uuuuuu` (the level letter goes before it)."""
        g = self.g
        return "%02d%02d %s.%s" % (g.tm_mon, g.tm_mday, self.hms(), self.frac(6))

    def log4j_iso8601(self):
        """log4j2 `%d{ISO8601}`: `2026-12-03T10:00:00,123`."""
        return "%sT%s,%s" % (self.ymd(), self.hms(), self.frac(3))

    def syslog(self):
        """RFC 3164 timestamp as rsyslog's traditional file format writes it: `Dec  3 10:00:00`."""
        g = self.g
        return "%s %2d %s" % (MONTHS[g.tm_mon - 1], g.tm_mday, self.hms())

    def airlift(self):
        """airlift log timestamp in UTC: `2026-12-03T10:00:00.123Z`."""
        return "%sT%s.%sZ" % (self.ymd(), self.hms(), self.frac(3))

    def rfc3339(self, ns=None):
        """Go `time.RFC3339` in UTC (logrus' default): `2026-12-03T10:00:00Z`."""
        ns = self.ns if ns is None else ns
        g = time.gmtime(ns // 10 ** 9)
        return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec)

    def zap_epoch(self):
        """zap's `EpochTimeEncoder`: `float64(UnixNano) / 1e9`, printed shortest (`'f', -1`)."""
        s = repr(float(self.ns) / 1e9)
        assert re.fullmatch(r"\d+\.\d+", s), s
        return s

    def compact(self):
        """`20261203_100000` (Trino query ids)."""
        return "%s_%s" % (self.ymd(""), self.hms().replace(":", ""))


# ------------------------------------------------------------------------------------------
# Filling a template, and escaping a value as each format writes it.
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


def goq(s):
    """The body of Go's `strconv.Quote(s)` for printable text: `\\` and `"` escaped (klog `%q`
    values, logrus quoted fields)."""
    assert all(" " <= ch <= "~" or ch == "µ" for ch in s), s
    return s.replace("\\", "\\\\").replace('"', '\\"')


def rbq(s):
    """The body of Ruby's `String#inspect` for printable ASCII: `\\`, `"` and `#{` escaped."""
    assert all(" " <= ch <= "~" for ch in s), s
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("#{", "\\#{").replace("#$", "\\#$").replace("#@", "\\#@")


def jesc(s):
    """The body of a JSON string as zap's JSON encoder writes it: `"` and `\\` escaped, control
    characters as `\\n`, `\\t`; `<`, `>` and `&` left as they are; no ASCII escaping."""
    return json.dumps(s, ensure_ascii=False)[1:-1]


# ------------------------------------------------------------------------------------------
def write(system, clock, events, render):
    """events: list of (count, tag, gen); gen() -> ev(...), called after the clock ticked for
    the line; render(tag, content) -> the raw line, which must end with Content (Jaeger: hold
    it). Counts sum to LINES; the order of lines is a seeded shuffle. Checks that every slot of
    every event type takes two or more values."""
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
        assert templates.setdefault(k, template) == template, (system, templates[k], template)
        line = render(tag, content)
        assert "\n" not in line and "\r" not in line, (system, line)
        if system == "Jaeger":
            assert content in line, (system, line)
        else:
            assert line.endswith(content), (system, line)
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
# 1. Kubelet, klog text format (structured logging): `Lmmdd hh:mm:ss.uuuuuu pid file:line] msg`,
#    the level letter `I`/`W`/`E`, the process id right-aligned in 7 columns, then the source
#    file and line of the call, `] ` and the message: a `%q`-quoted sentence followed by
#    `key=value` pairs (strings `%q`-quoted with `\"` escapes, numbers and booleans bare, object
#    lists as `["ns/name",...]`). Content is what follows `] `.
def kubelet():
    c = Clock()
    pid = R.randint(1100, 9800)
    ns_apps = [("payments", "checkout-api", ["app", "istio-proxy"], 8080), ("payments", "ledger-worker", ["worker"], 9090),
               ("shop", "storefront-web", ["nginx", "app"], 3000), ("monitoring", "node-exporter", ["node-exporter"], 9100),
               ("kube-system", "coredns", ["coredns"], 8181), ("data", "postgres", ["postgres", "metrics"], 5432),
               ("shop", "search-indexer", ["indexer"], 8088)]
    pods = []
    for ns, app, containers, port in ns_apps:
        template_hash = alnum(R.choice([9, 10]))  # one ReplicaSet per app
        for _ in range(R.randint(1, 3)):
            if app == "postgres":
                name = "postgres-%d" % len([p for p in pods if p[1].startswith("postgres")])
            elif app == "node-exporter":
                name = "%s-%s" % (app, alnum(5))
            else:
                name = "%s-%s-%s" % (app, template_hash, alnum(5))
            pods.append((ns, name, containers, port, "10.244.%d.%d" % (R.randint(0, 5), R.randint(2, 250)), uuid()))

    def pod():
        return pick(pods)

    def ref(p):
        return "%s/%s" % (p[0], p[1])

    probes = ["Readiness", "Readiness", "Liveness", "Startup"]

    def probe_output(p):
        ip, port = p[4], p[3]
        k = R.random()
        if k < 0.3:
            return 'Get "http://%s:%d/healthz": dial tcp %s:%d: connect: connection refused' % (ip, port, ip, port)
        if k < 0.5:
            return 'Get "http://%s:%d/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)' % (ip, port)
        if k < 0.7:
            return "HTTP probe failed with statuscode: %s" % pick(["500", "503", "404"])
        if k < 0.85:
            return "dial tcp %s:%d: i/o timeout" % (ip, port)
        return "command timed out after %ss" % pick(["1", "3", "5"])

    def probe():
        p = pod()
        return ev('"Container probe did not pass" probe="<*>" pod="<*>" podUID="<*>" container="<*>" failures=<*> output="<*>"',
                  pick(probes), ref(p), p[5], pick(p[2]), pick(["1", "1", "2", "3", "5"]), goq(probe_output(p)))

    phases = ["Running", "Running", "Running", "Pending", "Succeeded", "Failed"]

    def status():
        p = pod()
        phase = pick(phases)
        ready = "true" if phase == "Running" and R.random() < 0.8 else "false"
        return ev('"Reported pod status" pod="<*>" podUID="<*>" phase="<*>" ready=<*> restartCount=<*>',
                  ref(p), p[5], phase, ready, pick(["0", "0", "0", "1", "2", "7", "31"]))

    def pod_list():
        chosen = R.sample(pods, pick([1, 1, 1, 2, 3]))
        return ",".join('"%s"' % goq(ref(p)) for p in chosen)

    images = ["registry.example.com/shop/checkout:v2.14.0", "registry.example.com/shop/storefront@sha256:%s" % hexid(64),
              "quay.example.org/monitoring/node-exporter:v1.8.2", "registry.example.com/data/postgres:16.4-alpine",
              "registry.example.com/shop/search-indexer:nightly-20261202"]

    def pull_error(img):
        return pick(['rpc error: code = NotFound desc = failed to pull and unpack image "%s": not found' % img,
                     'rpc error: code = Unknown desc = failed to resolve reference "%s": unexpected status from HEAD request: 401 Unauthorized' % img,
                     "context deadline exceeded",
                     "rpc error: code = Canceled desc = context canceled",
                     'rpc error: code = Unknown desc = failed to copy: httpReadSeeker: failed open: unexpected status code https://registry.example.com/v2/: 503 Service Unavailable'])

    def pull():
        img, p = pick(images), pod()
        return ev('"Image pull did not succeed" image="<*>" pod="<*>" err="<*>"', goq(img), ref(p), goq(pull_error(img)))

    volumes = [("config", "kubernetes.io/configmap"), ("tls-certs", "kubernetes.io/secret"), ("kube-api-access-%s" % alnum(5), "kubernetes.io/projected"),
               ("data", "kubernetes.io/csi"), ("tmp", "kubernetes.io/empty-dir")]

    def volume():
        v, plugin = pick(volumes)
        return ev('"Volume set up for pod" volume="<*>" plugin="<*>" pod="<*>"', v, plugin, ref(pod()))

    def eviction():
        sig = pick(["memory.available", "nodefs.available", "imagefs.available", "nodefs.inodesFree"])
        if sig == "memory.available":
            obs, thr = "%dMi" % R.randint(120, 499), "500Mi"
        else:
            obs, thr = "%d%%" % R.randint(2, 9), pick(["10%", "15%"])
        return ev('"Eviction signal above threshold" signal="<*>" observed="<*>" threshold="<*>"', sig, obs, thr)

    def container_id():
        return "containerd://" + hexid(64)

    stop_reasons = Cycle(["Pod was deleted",
                          "Container app failed liveness probe, will be restarted",
                          "Preempted to admit a pod with higher priority (system-node-critical) on this node",
                          "Node pressure eviction"])

    def stopping(with_reason):
        def gen():
            p = pod()
            vals = [ref(p), p[5], pick(p[2]), container_id(), pick(["30", "30", "30", "0", "10", "60"])]
            tail = ""
            if with_reason:
                tail = ' reason="<*>"'
                vals.append(goq(stop_reasons()))
            return ev('"Stopping container" pod="<*>" podUID="<*>" containerName="<*>" containerID="<*>" gracePeriod=<*>' + tail, *vals)
        return gen

    def sync_error():
        p = pod()
        k = R.random()
        if k < 0.5:
            cn = pick(p[2])
            err = 'failed to "StartContainer" for "%s" with CrashLoopBackOff: "back-off %s restarting failed container=%s pod=%s_%s(%s)"' % (
                cn, pick(["10s", "20s", "40s", "1m20s", "2m40s", "5m0s"]), cn, p[1], p[0], p[5])
        elif k < 0.75:
            err = "unmounted volumes=[%s], unattached volumes=[%s kube-api-access-%s]: timed out waiting for the condition" % (
                pick(["config", "data", "tls-certs"]), pick(["config", "data"]), alnum(5))
        else:
            err = 'failed to "CreatePodSandbox" for "%s_%s(%s)" with CreatePodSandboxError: "network is not ready"' % (p[1], p[0], p[5])
        return ev('"Pod sync did not complete, will retry" err="<*>" pod="<*>" podUID="<*>"', goq(err), ref(p), p[5])

    conditions = Cycle([("Ready", "False", "KubeletNotReady"), ("Ready", "True", "KubeletReady"), ("MemoryPressure", "True", "KubeletHasInsufficientMemory"),
                        ("MemoryPressure", "False", "KubeletHasSufficientMemory"), ("DiskPressure", "True", "KubeletHasDiskPressure"),
                        ("PIDPressure", "False", "KubeletHasSufficientPID")])
    leftovers = Cycle([(uuid(), "1"), (uuid(), "3"), (uuid(), "2")])
    gcs = Cycle([("1073741824", "4"), ("352321536", "1"), ("2684354560", "9")])
    gc_took = Cycle(["1.304s", "842.117ms", "3.9s"])

    events = [
        (78, ("I", "prober.go", 107), probe),
        (46, ("I", "status_manager.go", 874), status),
        (34, ("I", "kubelet.go", 2452), lambda: ev('"Pod update from config source" source="<*>" pods=[<*>]', pick(["api", "api", "api", "file"]), pod_list())),
        (26, ("I", "kubelet.go", 2468), lambda: ev('"Pod removal from config source" source="<*>" pods=[<*>]', pick(["api", "api", "file"]), pod_list())),
        (22, ("E", "kuberuntime_image.go", 55), pull),
        (20, ("I", "reconciler_common.go", 251), volume),
        (16, ("W", "eviction_manager.go", 343), eviction),
        (14, ("I", "kuberuntime_container.go", 808), stopping(False)),
        (12, ("E", "pod_workers.go", 1298), sync_error),
        (10, ("I", "kuberuntime_container.go", 808), stopping(True)),
        (8, ("I", "setters.go", 736), lambda: ev('"Node condition changed" condition="<*>" status="<*>" reason="<*>"', *conditions())),
        (6, ("W", "kubelet_volumes.go", 163), lambda: ev('"Leftover volume directories for removed pod" podUID="<*>" count=<*>', *leftovers())),
        (5, ("I", "image_gc_manager.go", 391), lambda: ev('"Image garbage collection freed space" bytesFreed=<*> images=<*> duration="<*>"', *(gcs() + (gc_took(),)))),
        (3, ("I", "kubelet.go", 2361), lambda: ev('"Entering main sync loop"')),
    ]

    def render(tag, content):
        level, src, line = tag
        return "%s%s %7d %s:%d] %s" % (level, c.klog(), pid, src, line, content)
    write("Kubelet", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. Logstash 8 `logstash-plain.log` with its default log4j2 pattern
#    `[%d{ISO8601}][%-5p][%-25c]%notEmpty{[%X{pipeline.id}]}%notEmpty{[%X{plugin.id}]} %m%n`:
#    `[2026-12-03T10:00:00,123][WARN ][logstash.outputs.elasticsearch][main][es_primary] message`.
#    The logger is padded to 25 (longer names are not cut); the pipeline and plugin ids are only
#    there when the line is logged inside a pipeline or a plugin. Messages carry their details as
#    a Ruby hash (`{:key=>"value", :n=>3}`, strings as Ruby's `inspect` writes them). Content is
#    what follows the last header field and one space.
def logstash():
    c = Clock()
    pipelines = ["main", "beats-ingest", "syslog-relay"]
    es_plugins = {"main": "es_primary", "beats-ingest": hexid(64), "syslog-relay": "out_es_archive"}
    grok_plugins = {"main": hexid(64), "beats-ingest": "grok_nginx_access", "syslog-relay": "parse_syslog"}
    codec_plugins = {"main": "json_lines_in", "beats-ingest": hexid(64), "syslog-relay": hexid(64)}
    file_plugins = {"main": "tail_app_logs", "syslog-relay": hexid(64)}
    agg_plugins = {"main": "aggregate_sessions", "beats-ingest": hexid(64)}
    es_hosts = ["https://es-hot-01.example.internal:9200/", "https://es-hot-02.example.internal:9200/", "https://es-hot-03.example.internal:9200/",
                "http://10.30.4.18:9200/"]
    current = {}

    def in_plugin(plugins):
        pl = pick(sorted(plugins))
        current["mdc"] = (pl, plugins[pl])
        return pl

    def in_pipeline():
        pl = pick(pipelines)
        current["mdc"] = (pl,)
        return pl

    def no_mdc():
        current["mdc"] = ()

    def index_name():
        return pick(["logs-app-2026.12.03", "logs-nginx-2026.12.03", "syslog-2026.12", "logs-app-2026.12.02", "audit-000017"])

    def rejected():
        in_plugin(es_plugins)
        status = pick(["400", "400", "429", "409", "403"])
        idx = index_name()
        doc = "nil" if R.random() < 0.6 else '"%s"' % alnum(20, string.ascii_letters + string.digits + "_-")
        reason = {
            "400": pick(["failed to parse field [http.response.bytes] of type [long] in document with id '%s'. Preview of field's value: '-'" % alnum(20, string.ascii_letters + string.digits),
                         "mapper [user.id] cannot be changed from type [keyword] to [long]",
                         "Limit of total fields [1000] has been exceeded while adding new fields [4]"]),
            "429": "rejected execution of coordinating operation [coordinating_and_primary_bytes=%d, replica_bytes=0, all_bytes=%d, max_coordinating_and_primary_bytes=429496729]" % ((R.randint(10 ** 8, 4 * 10 ** 8),) * 2),
            "409": "[%s]: version conflict, document already exists (current version [1])" % alnum(20, string.ascii_letters + string.digits),
            "403": "index [%s] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];" % idx,
        }[status]
        return ev('Bulk item rejected, will retry {:status=><*>, :index=>"<*>", :document_id=><*>, :reason=>"<*>"}', status, idx, doc, rbq(reason))

    beats_peers = ["10.30.%d.%d" % (R.randint(1, 9), R.randint(2, 250)) for _ in range(8)]

    def beats_closed():
        no_mdc()
        return ev("[local: <*>, remote: <*>] Connection closed by client after <*> events", pick(["10.30.0.12:5044", "10.30.0.12:5044", "10.30.0.12:5045"]),
                  "%s:%d" % (pick(beats_peers), R.randint(32768, 60999)), pick([num(0, 250000), num(0, 90), "0"]))

    grok_patterns = ["%{SYSLOGTIMESTAMP:ts} %{SYSLOGHOST:host} %{DATA:prog}(?:\\[%{POSINT:pid}\\])?: %{GREEDYDATA:msg}",
                     '%{IPORHOST:client} - %{DATA:user} \\[%{HTTPDATE:ts}\\] "%{WORD:verb} %{DATA:request} HTTP/%{NUMBER:httpversion}" %{NUMBER:status:int} %{NUMBER:bytes:int}',
                     "%{TIMESTAMP_ISO8601:ts}\\s+%{LOGLEVEL:level}\\s+%{GREEDYDATA:rest}"]
    grok_values = ['- - [03/Dec/2026:10:00:12 +0000] "GET /healthz HTTP/1.1" 200 2',
                   "kernel: [88213.441] eth0: link down",
                   "<134>1 2026-12-03T09:59:58.120Z edge-fw-02 filterlog 4411 - - 77,,,1000000103,igb1,match,block,in,4,0x0,,64,0,0,DF,6,tcp",
                   'ERROR', '10.30.5.77 - alice [03/Dec/2026:10:01:44 +0000] "POST /api/v2/orders?expand={items} HTTP/2.0" 201 -',
                   'Dec  3 10:02:01 db-03 postgres[2231]: [5-1] user=app,db=orders LOG:  duration: 1532.118 ms  statement: SELECT * FROM "order_lines" WHERE id = 42']

    def grok():
        in_plugin(grok_plugins)
        return ev('Grok pattern did not match {:field=>"<*>", :pattern=>"<*>", :value=>"<*>"}',
                  pick(["message", "message", "event.original", "log.syslog.msg"]), rbq(pick(grok_patterns)), rbq(pick(grok_values)))

    def alive():
        in_plugin(es_plugins)
        return ev('Marking Elasticsearch node as alive {:url=>"<*>"}', pick(es_hosts))

    def dead():
        in_plugin(es_plugins)
        return ev('Marking Elasticsearch node as dead {:url=>"<*>"}', pick(es_hosts))

    health_errors = [("LogStash::Outputs::ElasticSearch::HttpClient::Pool::HostUnreachableError", "Elasticsearch Unreachable: [%s][Manticore::SocketTimeout] Read timed out"),
                     ("LogStash::Outputs::ElasticSearch::HttpClient::Pool::HostUnreachableError", "Elasticsearch Unreachable: [%s][Manticore::SocketException] Connection refused (Connection refused)"),
                     ("LogStash::Outputs::ElasticSearch::HttpClient::Pool::BadResponseCodeError", "Got response code '503' contacting Elasticsearch at URL '%s_nodes/_local'"),
                     ("LogStash::Outputs::ElasticSearch::HttpClient::Pool::HostUnreachableError", "Elasticsearch Unreachable: [%s][Manticore::ClientProtocolException] %s:9200 failed to respond")]

    def health_failed():
        in_plugin(es_plugins)
        url = pick(es_hosts)
        etype, msg = pick(health_errors)
        host = url.split("//")[1].split(":")[0]
        msg = msg % ((url, host) if msg.count("%s") == 2 else (url,))
        return ev('Health check of Elasticsearch node failed {:url=>"<*>", :error_type=><*>, :error=>"<*>"}', url, etype, rbq(msg))

    def aggregate():
        in_plugin(agg_plugins)
        return ev('Aggregate timeout flushed <*> maps {:task_id=>"<*>", :timeout=><*>}', num(1, 400),
                  pick(["%{session_id}", "%{[client][ip]}", "%{transaction.id}"]), pick(["120", "300", "1800"]))

    def queue_full():
        pl = in_pipeline()
        mx = pick(["1gb", "4gb", "1024mb", "512mb"])
        used = {"1gb": "1023.9mb", "4gb": "4095.2mb", "1024mb": "1023.6mb", "512mb": "511.8mb"}[mx]
        return ev('Persistent queue is full, blocking inputs {:pipeline_id=>"<*>", :queue_bytes=>"<*>", :max_bytes=>"<*>"}', pl, used, mx)

    def watching():
        pl = in_plugin(file_plugins)
        path = pick(["/var/log/app/orders-api.log", "/var/log/app/payments.%s.log" % pick(["1", "2"]), "/var/log/nginx/access.log",
                     "/srv/legacy/batch jobs/export-%s.log" % num(1, 9)])
        if pl == "syslog-relay":
            path = pick(["/var/log/remote/edge-fw-02/messages", "/var/log/remote/db-03/messages"])
        return ev('Started watching file {:path=>"<*>", :position=><*>}', rbq(path), pick(["0", "0", num(1000, 90000000)]))

    json_bad = Cycle([("Unexpected end-of-input: expected close marker for Object", '{"ts":"2026-12-03T09:58:01Z","level":"info","msg":"order created","id":4411'),
                      ("Unexpected character ('}' (code 125)): was expecting double-quote to start field name", '{"user":"bob",}'),
                      ("Unrecognized token 'INFO': was expecting ('true', 'false' or 'null')", "INFO 2026-12-03 09:59:12 worker started"),
                      ("Unexpected character ('\\' (code 92)): expected a valid value", '\\x00\\x01{"k":1}')])

    def json_fail():
        in_plugin(codec_plugins)
        err, data = json_bad()
        return ev('Could not decode event as JSON, keeping raw text {:error=>"<*>", :data=>"<*>"}', rbq(err), rbq(data))

    reloads = Cycle([("main", "4", "125", '"/etc/logstash/conf.d/10-input.conf", "/etc/logstash/conf.d/50-filter.conf", "/etc/logstash/conf.d/90-output.conf"', "0.412"),
                     ("beats-ingest", "8", "250", '"/etc/logstash/pipelines/beats.conf"', "1.07"),
                     ("syslog-relay", "2", "125", '"/etc/logstash/pipelines/syslog/*.conf"', "0.233")])

    def reloaded():
        no_mdc()
        return ev('Pipeline reloaded {:pipeline_id=>"<*>", "pipeline.workers"=><*>, "pipeline.batch.size"=><*>, "pipeline.sources"=>[<*>], :took_in_seconds=><*>}',
                  *reloads())

    dlq = Cycle([("logs-app-2026.12.03", "400", "mapper_parsing_exception: failed to parse field [labels.build] of type [long]"),
                 ("syslog-2026.12", "400", "illegal_argument_exception: Document contains at least one immense term in field=\"message\""),
                 ("logs-nginx-2026.12.03", "404", "index_not_found_exception: no such index [logs-nginx-2026.12.03] and [action.auto_create_index] is [false]")])

    def to_dlq():
        in_plugin(es_plugins)
        idx, st, reason = dlq()
        return ev('Event sent to dead letter queue {:index=>"<*>", :status=><*>, :reason=>"<*>"}', idx, st, rbq(reason))

    crashes = Cycle([("Java::JavaLang::OutOfMemoryError", "Java heap space", 304),
                     ("NoMethodError", "undefined method `[]' for nil", 297),
                     ("Java::JavaLang::IllegalStateException", "Unexpected ack on closed queue page 17", 304)])

    def crashed():
        pl = in_pipeline()
        exc, msg, line = crashes()
        thread = "#<Thread:0x%s@/usr/share/logstash/logstash-core/lib/logstash/java_pipeline.rb:%d sleep>" % (hexid(8), line)
        return ev('Worker thread terminated by exception {:pipeline_id=>"<*>", :exception=><*>, :message=>"<*>", :thread=>"<*>"}',
                  pl, exc, rbq(msg), rbq(thread))

    def shutdown():
        no_mdc()
        return ev("Shutdown complete, exiting")

    ES = "logstash.outputs.elasticsearch"
    events = [
        (79, ("WARN", ES), rejected),
        (48, ("INFO", "org.logstash.beats.BeatsHandler"), beats_closed),
        (34, ("WARN", "logstash.filters.grok"), grok),
        (26, ("INFO", ES), alive),
        (22, ("WARN", ES), dead),
        (18, ("WARN", ES), health_failed),
        (16, ("DEBUG", "logstash.filters.aggregate"), aggregate),
        (14, ("WARN", "logstash.javapipeline"), queue_full),
        (12, ("INFO", "logstash.inputs.file"), watching),
        (10, ("ERROR", "logstash.codecs.json"), json_fail),
        (8, ("INFO", "logstash.agent"), reloaded),
        (6, ("WARN", ES), to_dlq),
        (4, ("ERROR", "logstash.javapipeline"), crashed),
        (3, ("INFO", "logstash.runner"), shutdown),
    ]

    def render(tag, content):
        level, logger = tag
        mdc = "".join("[%s]" % m for m in current["mdc"])
        return "[%s][%-5s][%-25s]%s %s" % (c.log4j_iso8601(), level, logger, mdc, content)
    write("Logstash", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. chronyd logging to syslog (daemon facility), as rsyslog writes it to a file in the
#    traditional RFC 3164 shape: `Dec  3 10:00:00 ntp-gw01 chronyd[812]: message` (no priority
#    in the file, so the level is not in the line). The process id changes after each restart
#    (`chronyd version ... starting`). Content is what follows `chronyd[pid]: `.
def chronyd():
    c = Clock()
    pid = {"n": R.randint(600, 1400)}
    servers = [("192.0.2.10", "ntp1.example.net"), ("192.0.2.11", "ntp2.example.net"), ("198.51.100.40", "time.campus.example.edu"),
               ("203.0.113.123", "0.pool.example.org"), ("203.0.113.7", "1.pool.example.org"), ("2001:db8:10::123", "ntp6.example.net"),
               ("2001:db8:4f2::7", "2.pool.example.org")]

    def addr():
        return pick(servers)[0]

    def signed(lo, hi, digits):
        v = R.uniform(lo, hi) * pick([1, -1])
        return "%.*f" % (digits, v)

    ke_errors = Cycle(["Connection refused",
                       "TLS handshake failed: The certificate is NOT trusted. The certificate issuer is unknown. The name in the certificate does not match the expected.",
                       "timed out",
                       "Received NTS-KE response with unexpected protocol (0x8002)"])
    send_errors = Cycle(["Network is unreachable", "Operation not permitted", "Cannot assign requested address"])
    versions = Cycle([("4.5", "+CMDMON +NTP +REFCLOCK +RTC +PRIVDROP +SCFILTER +SIGND +ASYNCDNS +NTS +SECHASH +IPV6 -DEBUG"),
                      ("4.6.1", "+CMDMON +NTP +REFCLOCK +RTC +PRIVDROP +SCFILTER +SIGND +ASYNCDNS +NTS +SECHASH +IPV6 -DEBUG"),
                      ("4.5", "+CMDMON +NTP +REFCLOCK -RTC +PRIVDROP -SCFILTER -SIGND +ASYNCDNS -NTS +SECHASH +IPV6 -DEBUG")])

    def kod():
        return ev("Kiss-o'-Death <*> received from <*>, backing off to poll <*>", pick(["RATE", "RATE", "DENY", "RSTR"]), addr(), pick(["8", "9", "10", "12"]))

    def replaced():
        a, b = R.sample(servers, 2)
        return ev("Replaced unreachable source <*> by <*> (<*>)", a[0], b[0], b[1])

    events = [
        (88, None, lambda: (lambda s: ev("Now tracking source <*> (<*>) at stratum <*>", s[0], s[1], pick(["1", "2", "2", "3"])))(pick(servers))),
        (50, None, lambda: ev("Source <*> went offline", addr())),
        (38, None, lambda: ev("Source <*> went online", addr())),
        (26, None, lambda: ev("Clock error estimated at <*> seconds, slewing", signed(0.0001, 0.9, 6))),
        (20, None, kod),
        (16, None, lambda: ev("Can't synchronise: no selectable sources (<*> candidates rejected)", pick(["1", "2", "3", "4"]))),
        (14, None, lambda: (lambda s: ev("NTS-KE session with <*> (<*>) failed : <*>", s[1], s[0], ke_errors()))(pick(servers))),
        (12, None, replaced),
        (10, None, lambda: ev("Clock stepped by <*> seconds", signed(1.0, 400.0, 6))),
        (8, None, lambda: ev("Loaded frequency <*> +/- <*> ppm from /var/lib/chrony/drift", signed(0.5, 40, 3), "%.3f" % R.uniform(0.005, 2))),
        (6, None, lambda: ev("Can't synchronise: no majority (<*> of <*> sources agree)", *pick([("1", "3"), ("2", "5"), ("2", "4"), ("3", "7")]))),
        (5, None, lambda: ev("Backward clock jump of <*> seconds detected, resetting sources", "%.6f" % R.uniform(0.5, 3700))),
        (4, None, lambda: ev("Could not send to <*>:123 : <*>", addr(), send_errors())),
        (3, "start", lambda: ev("chronyd version <*> starting (<*>)", *versions())),
    ]

    def render(tag, content):
        if tag == "start":
            pid["n"] += R.randint(40, 3000)
        return "%s ntp-gw01 chronyd[%d]: %s" % (c.syslog(), pid["n"], content)
    write("Chronyd", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. Trino coordinator `var/log/server.log`, airlift's log format: tab-separated
#    `timestamp<TAB>LEVEL<TAB>thread<TAB>logger<TAB>message`, the timestamp ISO-8601 with
#    milliseconds in UTC: `2026-12-03T10:00:00.123Z	INFO	dispatcher-query-7	io.trino.event.QueryMonitor	...`.
#    Stack traces that follow a message on later lines are left out. Content is the message
#    after the fourth tab.
def trino():
    c = Clock()
    coord = alnum(5, "abcdefghijkmnpqrstuvwxyz23456789")
    counter = {"n": R.randint(40, 900)}
    recent = []

    def new_query():
        counter["n"] += 1
        qid = "%s_%05d_%s" % (c.compact(), counter["n"], coord)
        recent.append(qid)
        del recent[:-12]
        return qid

    def query():
        return new_query() if not recent or R.random() < 0.55 else pick(recent)

    workers = [("trino-worker-%d" % i, "10.1.4.%d" % (20 + i)) for i in range(1, 7)] + [(uuid(), "10.1.5.%d" % R.randint(2, 250))]

    users = ["alice", "bkumar", "svc_airflow", "superset", "dbt_runner", "m.ortega"]
    sources = ["trino-cli", "Apache Superset", "dbt-trino 1.8.2 (model: orders_daily, run 3)", "airflow", "trino-jdbc",
               "Tableau 2024.3 - Orders dashboard, refresh 2/4", "trino-python-client"]

    def completed():
        state = pick(["FINISHED"] * 6 + ["FAILED", "CANCELED"])
        return ev("Query <*> completed: state <*>, user <*>, source <*>, elapsed <*>, rows <*>, peak memory <*>",
                  query(), state, pick(users), pick(sources), airlift_duration(40, 900000), num(0, 5 * 10 ** 6), airlift_size(300, 6 * 1024 ** 3))

    def task_id():
        return "%s.%d.%d.%d" % (query(), R.randint(0, 6), R.randint(0, 31), pick([0, 0, 0, 1]))

    def task_failure(giving_up):
        def gen():
            t = task_id()
            _, ip = pick(workers)
            uri = "http://%s:8080/v1/task/%s/status" % (ip, t)
            vals = [t, uri, pick(["1", "2", "3", "5", "8"])]
            tail = ""
            if giving_up:
                tail = ", giving up after <*>"
                vals.append(airlift_duration(30000, 600000))
            return ev("<*>: request to <*> failed (<*> consecutive errors)" + tail, *vals)
        return gen

    groups = ["global.adhoc.alice", "global.adhoc.bkumar", "global.etl", "global.dashboards", "global.etl.backfill"]

    def queued():
        return ev("Query <*> queued in resource group <*> (running <*>, queued <*>)", query(), pick(groups), num(1, 40), num(1, 300))

    fail_reasons = ["line 1:15: Column 'ordr_id' cannot be resolved",
                    "Query exceeded per-node memory limit of 8GB [Allocated: 8.01GB, Delta: 12.50MB, Top Consumers: {HashBuilderOperator=6.22GB, ScanFilterAndProjectOperator=1.02GB}]",
                    "Remote host failed",
                    "Division by zero",
                    "line 3:8: mismatched input 'FORM'. Expecting: ',', 'FROM', 'GROUP', 'HAVING', 'LIMIT', 'ORDER', 'WHERE', <EOF>",
                    "Partition location does not exist: s3a://warehouse-prod/sales/orders/dt=2026-11-30",
                    "Error opening Hive split s3a://warehouse-prod/sales/orders/dt=2026-12-01/part-00017.parquet (offset=0, length=134217728): Malformed Parquet file"]
    kill_reasons = ["Query killed because the cluster is out of memory. Please try again in a few minutes.",
                    "Query exceeded maximum time limit of 1.00h",
                    "Killed by user m.ortega",
                    "Query exceeded the maximum execution time limit of 30.00m"]
    current = {}

    def failed():
        q = query()
        current["q"] = q
        return ev("Query <*> failed: <*>", q, pick(fail_reasons))

    def killed():
        q = query()
        current["q"] = q
        return ev("Query <*> killed: <*>", q, pick(kill_reasons))

    def low_memory():
        w, _ = pick(workers)
        total = pick(["48.00GB", "96.00GB"])
        return ev("Node <*> is low on memory: <*> free of <*> (<*> queries running)", w, airlift_size(200 * 1024 ** 2, 3 * 1024 ** 3), total, num(2, 60))

    def left():
        return ev("Node <*> left the cluster (last announcement <*> ago)", pick(workers)[0], airlift_duration(5000, 90000))

    def joined():
        return ev("Node <*> joined the cluster (version <*>, coordinator=<*>)", pick(workers)[0], pick(["468", "468", "469"]),
                  pick(["false", "false", "false", "true"]))

    tables = ["sales.orders", "sales.order_lines", "web.clickstream_raw", "finance.ledger_entries", "hr.people"]

    def metastore():
        return ev("Metastore call <*> took <*> for <*>", pick(["getTable", "getPartitionsByNames", "getPartitionNamesByFilter", "getTableStatistics"]),
                  airlift_duration(800, 20000), pick(tables))

    def listing():
        t = pick(tables).replace(".", "/")
        return ev("Listing <*> returned <*> files in <*>; consider partition pruning", "s3a://warehouse-prod/%s" % t, num(10000, 900000),
                  airlift_duration(2000, 120000))

    plugins = Cycle([("hive", "1", "0"), ("iceberg", "1", "12"), ("postgresql", "1", "0"), ("ml", "0", "7"), ("tpch", "1", "0")])
    hb_errors = Cycle(["java.net.ConnectException: Connection refused", "java.util.concurrent.TimeoutException: Idle timeout 30000 ms",
                       "java.io.EOFException: HttpConnectionOverHTTP@5c1e77a9::DecryptedEndPoint@1b7e0f3c{l=/10.1.4.2:44810,r=/10.1.4.23:8080,CLOSED,fill=-,flush=-,to=12/30000}"])

    def worker_failed():
        return ev("Worker <*> marked as failed: <*>", "http://%s:8080" % pick(workers)[1], hb_errors())

    def dispatcher():
        return "dispatcher-query-%d" % R.randint(1, 64)

    def query_thread():
        return "Query-%s-%d" % (current["q"], R.randint(100, 9999))

    events = [
        (81, ("INFO", dispatcher, "io.trino.event.QueryMonitor"), completed),
        (46, ("WARN", lambda: "http-client-coordinator-%d" % R.randint(1, 40), "io.trino.server.remotetask.RequestErrorTracker"), task_failure(False)),
        (34, ("INFO", dispatcher, "io.trino.execution.resourcegroups.InternalResourceGroup"), queued),
        (26, ("ERROR", query_thread, "io.trino.execution.SqlQueryExecution"), failed),
        (22, ("INFO", query_thread, "io.trino.execution.SqlQueryExecution"), killed),
        (18, ("WARN", lambda: "cluster-memory-manager-%d" % R.randint(0, 3), "io.trino.memory.ClusterMemoryManager"), low_memory),
        (16, ("INFO", lambda: "node-state-poller-0", "io.trino.node.DiscoveryNodeManager"), left),
        (14, ("INFO", lambda: "node-state-poller-0", "io.trino.node.DiscoveryNodeManager"), joined),
        (12, ("DEBUG", lambda: "hive-metastore-hive-%d" % R.randint(1, 16), "io.trino.plugin.hive.metastore.thrift.ThriftHiveMetastore"), metastore),
        (10, ("WARN", lambda: "hive-split-producer-%d" % R.randint(1, 24), "io.trino.plugin.hive.fs.CachingDirectoryLister"), listing),
        (8, ("WARN", lambda: "http-client-coordinator-%d" % R.randint(1, 40), "io.trino.server.remotetask.RequestErrorTracker"), task_failure(True)),
        (6, ("INFO", lambda: "main", "io.trino.server.PluginManager"), lambda: ev("Loaded plugin <*> (<*> connectors, <*> functions)", *plugins())),
        (4, ("ERROR", lambda: "failure-detector-%d" % R.randint(0, 1), "io.trino.failuredetector.HeartbeatFailureDetector"), worker_failed),
        (3, ("INFO", lambda: "main", "io.trino.server.Server"), lambda: ev("======== COORDINATOR READY ========")),
    ]

    def render(tag, content):
        level, thread, logger = tag
        return "%s\t%s\t%s\t%s\t%s" % (c.airlift(), level, thread(), logger, content)
    write("Trino", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Argo CD `argocd-application-controller`, logrus text formatter (the default text format,
#    not a terminal): `time="2026-12-03T10:00:00Z" level=info msg="..." key=value ...`; time in
#    RFC 3339 seconds, level `debug`/`info`/`warning`/`error`, then `msg` and the fields sorted by
#    key; a value is quoted (Go `%q`) when it holds a character other than letters, digits and
#    `-._/@^+`, an empty value is written bare (`dest-name=`). Content is what follows
#    `level=<level> `: from `msg=` to the end of the line.
LOGRUS_BARE = set(string.ascii_letters + string.digits + "-._/@^+")


def logrus_needs_quote(s):
    return any(ch not in LOGRUS_BARE for ch in s)


class Lit(str):
    """A field value that is constant within its event type (literal in the template)."""


def logrus_ev(msg, msg_values, fields):
    """Content and template of a logrus text record: `msg="..."` (msg holds `<*>` slots filled
    with msg_values) and the fields sorted by key. A field value is a slot unless it is a Lit.
    Quoting of a slot follows its value, so a slot whose values would be quoted on some lines and
    bare on others gives two templates for one event type (caught by `write`)."""
    assert logrus_needs_quote(fill(msg, msg_values))
    template = 'msg="%s"' % "<*>".join(goq(p) for p in msg.split("<*>"))
    # A field value is a str slot, a Lit (constant) or a (prefix, value, suffix) slot.
    values = [goq(v) for v in msg_values]
    for k in sorted(fields):
        v = fields[k]
        if isinstance(v, Lit):
            template += " %s=%s" % (k, '"%s"' % goq(v) if logrus_needs_quote(v) else v)
        elif isinstance(v, tuple):  # (literal prefix, value, literal suffix), e.g. a list in brackets
            pre, val, post = v
            assert logrus_needs_quote(pre + val + post)
            template += ' %s="%s<*>%s"' % (k, goq(pre), goq(post))
            values.append(goq(val))
        elif logrus_needs_quote(v):
            template += ' %s="<*>"' % k
            values.append(goq(v))
        else:
            template += " %s=<*>" % k
            values.append(v)
    return ev(template, *values)


def argocd():
    c = Clock()
    apps = ["argocd/guestbook", "argocd/payments-api", "argocd/monitoring-stack", "argocd/ingress-nginx", "team-data/airflow",
            "team-data/trino-etl", "argocd/cert-manager"]
    dest_ns = {"argocd/guestbook": "guestbook", "argocd/payments-api": "payments", "argocd/monitoring-stack": "monitoring",
               "argocd/ingress-nginx": "ingress-nginx", "team-data/airflow": "airflow", "team-data/trino-etl": "trino",
               "argocd/cert-manager": "cert-manager"}
    servers = ["https://kubernetes.default.svc", "https://kubernetes.default.svc", "https://10.40.0.1:6443", "https://eks-prod-eu.example.com"]
    revisions = [hexid(40) for _ in range(9)]
    repos = ["https://git.example.com/platform/gitops.git", "https://git.example.com/data/airflow-deploy.git",
             "oci://registry.example.com/charts"]

    def app():
        return pick(apps)

    def reconcile():
        a = app()
        return logrus_ev("Reconcile finished", [], {
            "app": a, "comparison_level": pick(["0", "1", "1", "2", "3"]), "dest-name": Lit(""), "dest-namespace": dest_ns[a],
            "dest-server": pick(servers), "duration_ms": num(3, 4000), "git_ms": num(0, 2500), "health_ms": num(0, 30)})

    refresh_reasons = ["spec.source differs", "controller refresh requested", "orphaned resource updated",
                       "comparison expired, requesting refresh. reconciledAt: 2026-12-03 09:%02d:%02d +0000 UTC, expiry: 3m0s",
                       "resource Deployment/%s changed" % pick(["checkout", "airflow-scheduler", "trino-coordinator"])]

    def refresh():
        r = pick(refresh_reasons)
        if "%02d" in r:
            r = r % (R.randint(0, 59), R.randint(0, 59))
        return logrus_ev("Refresh requested: <*>, comparison level <*>", [r, pick(["1", "2", "3"])], {"application": app()})

    def sync(word):
        def gen():
            return logrus_ev("Sync of revision <*> %s" % word, [pick(revisions)], {"application": app(), "resources": num(1, 140)})
        return gen

    gvks = ["apps/v1, Kind=Deployment", "/v1, Kind=ConfigMap", "batch/v1, Kind=CronJob", "networking.k8s.io/v1, Kind=Ingress",
            "monitoring.coreos.com/v1, Kind=ServiceMonitor", "argoproj.io/v1alpha1, Kind=Rollout"]
    watch_errors = ["the server has asked for the client to provide credentials",
                    "Get \"https://10.40.0.1:6443/apis/apps/v1/deployments?watch=true\": dial tcp 10.40.0.1:6443: connect: connection refused",
                    "context canceled",
                    "the server could not find the requested resource",
                    "very short watch: k8s.io/client-go/tools/cache/reflector.go:251: Unexpected watch close - watch lasted less than a second and no items received"]

    def watch_failed():
        return logrus_ev("Failed to watch resource, will retry", [], {"error": pick(watch_errors), "gvk": pick(gvks), "server": pick(servers)})

    health = [("Progressing", "Healthy"), ("Healthy", "Degraded"), ("Degraded", "Healthy"), ("Healthy", "Progressing"),
              ("Missing", "Progressing"), ("Healthy", "Suspended")]

    def health_changed():
        return logrus_ev("Updated health status: <*> -> <*>", list(pick(health)), {"application": app()})

    def skip_reason():
        return pick(["application status is Synced",
                     "most recent sync already to %s" % pick(revisions),
                     "failed previous sync attempt to %s: one or more objects failed to apply, reason: admission webhook \"validate.nginx.ingress.kubernetes.io\" denied the request" % pick(revisions),
                     "auto-sync is disabled for this window"])

    def cache_synced():
        return logrus_ev("Cluster cache sync completed", [], {"apis": num(60, 220), "resources": num(800, 40000), "server": pick(servers),
                                                             "took": rand_go_duration(40, 95000)})

    kind_sets = ["ConfigMap Secret", "ConfigMap", "Service", "Job Pod Pod", "ServiceAccount RoleBinding"]

    def orphans():
        return logrus_ev("Orphaned resources found", [], {"application": app(), "count": num(1, 12), "kinds": ("[", pick(kind_sets), "]")})

    gen_errors = ["rpc error: code = Unknown desc = `helm template . --name-template payments-api --namespace payments --values values-prod.yaml` failed exit status 1: Error: template: payments/templates/deployment.yaml:41:20: executing \"payments/templates/deployment.yaml\" at <.Values.image.tag>: nil pointer evaluating interface {}.tag",
                  "rpc error: code = Unknown desc = `kustomize build .` failed exit status 1: Error: accumulating resources: accumulation err='accumulating resources from '../base': '/tmp/_argocd-repo/overlays/base' must resolve to a file'",
                  "rpc error: code = DeadlineExceeded desc = context deadline exceeded",
                  "repository not found",
                  "rpc error: code = Unknown desc = authentication required"]

    def manifest(cached):
        def gen():
            fields = {"application": app(), "error": pick(gen_errors), "repo": pick(repos)}
            if cached:
                fields["cached"] = Lit("true")
            return logrus_ev("Manifest generation failed", [], fields)
        return gen

    changes = Cycle([("Deployment", "checkout", "payments"), ("ConfigMap", "airflow-config", "airflow"), ("Certificate", "wildcard-tls", "cert-manager"),
                     ("Rollout", "trino-worker", "trino")])

    def enqueue():
        k, n, ns = changes()
        return logrus_ev("Enqueueing app for refresh after resource change", [], {"application": app(), "kind": k, "name": n, "namespace": ns})

    shards = Cycle([("https://10.40.0.1:6443", "1"), ("https://eks-prod-eu.example.com", "2"), ("https://10.40.0.1:6443", "0")])
    versions = Cycle([("v2.13.1+af54ef8", "2026-11-20T14:05:33Z"), ("v2.13.2+1c9e0b4", "2026-12-01T08:41:10Z")])

    events = [
        (80, "info", reconcile),
        (48, "info", refresh),
        (34, "info", sync("succeeded")),
        (26, "warning", watch_failed),
        (22, "info", health_changed),
        (20, "error", sync("failed")),
        (16, "info", lambda: logrus_ev("Auto-sync not triggered: <*>", [skip_reason()], {"application": app()})),
        (14, "debug", cache_synced),
        (12, "warning", orphans),
        (10, "error", manifest(False)),
        (6, "error", manifest(True)),
        (5, "info", enqueue),
        (4, "warning", lambda: (lambda s: logrus_ev("Cluster assigned to another shard, skipping", [], {"server": s[0], "shard": s[1]}))(shards())),
        (3, "info", lambda: logrus_ev("Application Controller (version: <*>, built: <*>) starting (namespace: argocd)", list(versions()), {})),
    ]

    def render(level, content):
        return 'time="%s" level=%s %s' % (c.rfc3339(), level, content)
    write("ArgoCD", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. Jaeger collector (Go, zap production config, JSON encoder): one object a line,
#    `{"level":"info","ts":1796292000.1234567,"caller":"handler/grpc_handler.go:61","msg":"...",<fields>}`;
#    `ts` is seconds since the epoch as a float, durations are float seconds, `error` records end
#    with `"stacktrace":"..."` (frames joined by `\n\t` escapes). Content is the raw text of the
#    object after the `caller` member: from `"msg":` up to, not including, the closing `}`.
def jaeger():
    c = Clock()
    services = ["checkout", "payment-gateway", "frontend-web", "inventory", "email-worker", "search-api"]
    operations = ["GET /api/orders/{id}", "POST /api/checkout", "SELECT shop.orders", "kafka.consume payments", "grpc.health.v1.Health/Check",
                  "HTTP GET", "render_template product_page.html"]

    def trace(frames):
        return jesc("\n".join("%s\n\t%s" % fr for fr in frames))

    st_write = trace([("github.com/jaegertracing/jaeger/cmd/collector/app.(*spanProcessor).saveSpan", "github.com/jaegertracing/jaeger/cmd/collector/app/span_processor.go:179"),
                      ("github.com/jaegertracing/jaeger/cmd/collector/app.ChainedProcessSpan.func1", "github.com/jaegertracing/jaeger/cmd/collector/app/model_consumer.go:35"),
                      ("github.com/jaegertracing/jaeger/pkg/queue.(*BoundedQueue).StartConsumersWithFactory.func1", "github.com/jaegertracing/jaeger/pkg/queue/bounded_queue.go:88")])
    st_kafka = trace([("github.com/jaegertracing/jaeger/plugin/storage/kafka.(*SpanWriter).WriteSpan.func1", "github.com/jaegertracing/jaeger/plugin/storage/kafka/writer.go:64")])

    def dropped():
        return ev('"msg":"Span dropped, queue at capacity","service":"<*>","operation":"<*>","queue-size":<*>',
                  pick(services), jesc(pick(operations)), pick(["2000", "2000", "4000", "8000"]))

    def batch():
        tr, fmt = pick([("grpc", "proto"), ("grpc", "proto"), ("http", "thrift"), ("http", "json"), ("http", "proto")])
        return ev('"msg":"Span batch received","transport":"<*>","format":"<*>","spans":<*>', tr, fmt, num(1, 800))

    write_errors = ["elastic: Error 429 (Too Many Requests): rejected execution of coordinating operation [coordinating_and_primary_bytes=%d, max_coordinating_and_primary_bytes=214748364] [type=es_rejected_execution_exception]" % R.randint(2 * 10 ** 8, 3 * 10 ** 8),
                    "context deadline exceeded",
                    "gocql: no response received from cassandra within timeout period",
                    'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 10.60.2.14:17271: connect: connection refused"',
                    "Post \"http://es-tracing:9200/_bulk\": EOF"]

    def write_failed():
        be = pick(["elasticsearch", "elasticsearch", "cassandra", "grpc-plugin"])
        return ev('"msg":"Could not write spans to storage","backend":"<*>","spans":<*>,"error":"<*>","stacktrace":"' + st_write + '"',
                  be, num(1, 500), jesc(pick(write_errors)))

    def sampling():
        if R.random() < 0.6:
            return ev('"msg":"Sampling strategy updated","service":"<*>","strategy":"<*>","param":<*>', pick(services), "probabilistic",
                      pick(["0.001", "0.01", "0.05", "0.1", "0.25", "1"]))
        return ev('"msg":"Sampling strategy updated","service":"<*>","strategy":"<*>","param":<*>', pick(services), "ratelimiting",
                  pick(["1", "5", "10", "50", "2.5"]))

    reject_reasons = ["span has no service name", "invalid trace id: 0", "span start time is %d years in the future" % R.randint(2, 30),
                      "duration is negative", 'tag "http.status_code" has unsupported type []interface {}']

    def rejected(with_service):
        def gen():
            vals = [hexid(32), hexid(16), jesc(pick(reject_reasons))]
            tail = ""
            if with_service:
                tail = ',"service":"<*>"'
                vals.append(pick(services))
            return ev('"msg":"Invalid span rejected","trace-id":"<*>","span-id":"<*>","reason":"<*>"' + tail, *vals)
        return gen

    def slow():
        return ev('"msg":"Slow storage write","backend":"<*>","latency":<*>,"threshold":0.5', pick(["elasticsearch", "cassandra", "kafka"]),
                  go_float(round(R.uniform(0.5, 14), 6)))

    sizes = {"v": 2000}

    def resize():
        old = sizes["v"]
        new = pick([v for v in (2000, 4000, 6000, 8000, 12000) if v != old])
        sizes["v"] = new
        return ev('"msg":"Resizing span queue","old-size":<*>,"new-size":<*>', old, new)

    kafka_errors = ["kafka: Failed to produce message to topic jaeger-spans: kafka server: Message was too large, server rejected it to avoid allocation error",
                    "kafka: client has run out of available brokers to talk to: dial tcp 10.60.3.9:9092: i/o timeout",
                    "kafka server: Request exceeded the user-specified time limit in the request"]

    def kafka():
        return ev('"msg":"Kafka producer error","topic":"<*>","partition":<*>,"error":"<*>","stacktrace":"' + st_kafka + '"',
                  pick(["jaeger-spans", "jaeger-spans", "jaeger-spans-canary"]), num(0, 11), jesc(pick(kafka_errors)))

    peers = ["10.60.%d.%d:%d" % (R.randint(1, 8), R.randint(2, 250), R.randint(32768, 60999)) for _ in range(6)] + ["[fd00:60::1c]:%d" % R.randint(32768, 60999)]
    builds = Cycle([("d9f2a1c", "v1.64.0", "2026-11-28T10:12:44Z"), ("4be07f3", "v1.65.0", "2026-12-02T16:30:05Z")])

    events = [
        (80, ("warn", "app/span_processor.go:214"), dropped),
        (50, ("info", "handler/grpc_handler.go:61"), batch),
        (34, ("error", "app/span_processor.go:181"), write_failed),
        (26, ("info", "sampling/strategyprovider/adaptive/provider.go:117"), sampling),
        (22, ("warn", "app/span_processor.go:152"), rejected(False)),
        (18, ("info", "healthcheck/handler.go:129"), lambda: ev('"msg":"Collector health changed","status":"<*>"', pick(["ready", "unavailable", "ready"]))),
        (16, ("warn", "app/span_processor.go:190"), slow),
        (14, ("info", "app/span_processor.go:262"), resize),
        (12, ("error", "kafka/writer.go:66"), kafka),
        (10, ("info", "server/grpc.go:94"), lambda: ev('"msg":"gRPC client connected","peer":"<*>"', pick(peers))),
        (6, ("info", "server/grpc.go:101"), lambda: ev('"msg":"gRPC client disconnected","peer":"<*>"', pick(peers))),
        (5, ("warn", "app/span_processor.go:152"), rejected(True)),
        (4, ("info", "collector/main.go:73"), lambda: ev('"msg":"Collector starting","build":{"commit":"<*>","version":"<*>","date":"<*>"}', *builds())),
        (3, ("info", "app/collector.go:170"), lambda: ev('"msg":"Span processor shut down"')),
    ]

    def render(tag, content):
        level, caller = tag
        return '{"level":"%s","ts":%s,"caller":"%s",%s}' % (level, c.zap_epoch(), caller, content)
    write("Jaeger", c, events, render)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


# Per system: the header that must precede Content on every raw line (Jaeger is JSON).
HEADERS = {
    "Kubelet": re.compile(r"[IWE]\d{4} \d\d:\d\d:\d\d\.\d{6} (?P<pid> *\d+) [a-z_]+\.go:\d+\] "),
    "Logstash": re.compile(r"\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d,\d{3}\]\[(INFO |WARN |ERROR|DEBUG)\]\[(?P<logger>[A-Za-z.]+ *)\]"
                           r"(\[[A-Za-z0-9_-]+\]){0,2} "),
    "Chronyd": re.compile(r"Dec [ 1-3]\d \d\d:\d\d:\d\d ntp-gw01 chronyd\[\d+\]: "),
    "Trino": re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\t(INFO|WARN|ERROR|DEBUG)\t[A-Za-z0-9_.-]+\t[a-z][A-Za-z0-9_.]+\t"),
    "ArgoCD": re.compile(r'time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" level=(debug|info|warning|error) '),
}
JAEGER_LINE = re.compile(r'\{"level":"(info|warn|error)","ts":(\d+\.\d+),"caller":"[a-z_/]+\.go:\d+",(.*)\}')
LOGFMT_PAIR = re.compile(r'([A-Za-z_][A-Za-z0-9_.-]*)=("(?:[^"\\]|\\.)*"|[^ "]*)')


def check_logrus(system, line_no, content):
    """`msg` first, then the fields sorted by key; each value quoted exactly when logrus quotes it."""
    keys, pos = [], 0
    while pos < len(content):
        m = LOGFMT_PAIR.match(content, pos)
        assert m, (system, line_no, content[pos:])
        key, raw = m.group(1), m.group(2)
        if raw.startswith('"'):
            value = json.loads(raw)  # Go `%q` of printable ASCII is valid JSON
            assert logrus_needs_quote(value) and goq(value) == raw[1:-1], (system, line_no, key)
        else:
            assert not logrus_needs_quote(raw), (system, line_no, key)
        keys.append(key)
        pos = m.end()
        if pos < len(content):
            assert content[pos] == " ", (system, line_no)
            pos += 1
    assert keys[0] == "msg" and keys[1:] == sorted(keys[1:]) and len(set(keys)) == len(keys), (system, line_no, keys)


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
            if system == "Jaeger":
                m = JAEGER_LINE.fullmatch(line)
                assert m and m.group(3) == content, (system, i + 1)
                obj = json.loads(line)
                assert list(obj)[:4] == ["level", "ts", "caller", "msg"], (system, i + 1)
                assert ("stacktrace" in obj) == (obj["level"] == "error"), (system, i + 1)
                if obj["level"] == "error":
                    assert list(obj)[-1] == "stacktrace", (system, i + 1)
            else:
                assert line.endswith(content), (system, i + 1)
                h = HEADERS[system].fullmatch(line[:len(line) - len(content)])
                assert h, (system, i + 1, line)
                if system == "Kubelet":  # klog: the pid right-aligned in 7 columns
                    assert len(h.group("pid")) == 7, (system, i + 1)
                    assert content.startswith('"'), (system, i + 1)
                if system == "Logstash":  # `%-25c`: padded to 25, a longer name is not cut
                    lg = h.group("logger")
                    assert len(lg) == 25 or (len(lg) > 25 and not lg.endswith(" ")), (system, i + 1)
                if system == "ArgoCD":
                    check_logrus(system, i + 1, content)
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
    def syslog_key(l):
        m = re.match(r"(\w{3}) ([ \d]\d) (\d\d:\d\d:\d\d)", l)
        return (MONTHS.index(m.group(1)), int(m.group(2)), m.group(3))

    parsers = {
        "Kubelet": lambda l: l[1:21],
        "Logstash": lambda l: l[1:24],
        "Chronyd": syslog_key,
        "Trino": lambda l: l[:24],
        "ArgoCD": lambda l: re.match(r'time="([^"]+)"', l).group(1),
        "Jaeger": lambda l: json.loads(l)["ts"],
    }
    for system, key in parsers.items():
        with open(os.path.join(HERE, system, system + ".log"), encoding="utf-8") as f:
            stamps = [key(l) for l in f.read().splitlines()]
        assert len(stamps) == LINES, system
        assert stamps == sorted(stamps), system


if __name__ == "__main__":
    kubelet()
    logstash()
    chronyd()
    trino()
    argocd()
    jaeger()
    check_clock_order()
    for system, counts in self_check().items():
        print("%-9s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
