#!/usr/bin/env python3
"""Writes sealed corpus 10, a blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: KubeApiserver, DockerDaemon, KernelNvidia, Druid, NiFi, Knative.
Every line is made here from event formats written for this corpus, following each program's
default log layout (written from memory), with values from generators of this file. No line,
template or value list is copied from a real log or data set; the messages are invented in each
project's style. The corpus was written without running any template miner or log parser on it
and without reading the miner's source.

Deterministic: fixed seed 20261211, integer nanosecond clock, no dependence on locale, time zone
or wall time; `python3 generate.py` rewrites the same files. Each system gets
`<System>/<System>.log` (the raw lines, header included) and
`<System>/<System>.log_structured.csv` (LineId, Content, EventId, EventTemplate).

Ground truth (Loghub style): one `<*>` per value; a value holding spaces (a free-text error, a
user agent, a list, a distinguished name, a JSON event) is one `<*>`; punctuation around a value
stays literal; a unit attached to a number stays literal when it is fixed in the slot, and a
duration or size whose unit varies is one value; text that never changes within an event type
stays literal. Event formats are written directly as their templates: each `<*>` is filled with
one generated value, and every slot takes at least two different values within its event type
(checked when the lines are made and again on read-back, see `self_check`).
"""
import calendar
import csv
import json
import os
import random
import re
import string
import time

SEED = 20261211
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["KubeApiserver", "DockerDaemon", "KernelNvidia", "Druid", "NiFi", "Knative"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
CTX = {}  # per-line side values a generator hands to the renderer (cleared before each line)


# ------------------------------------------------------------------------------------------
# Value generators (all pools are written for this corpus).
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def hexs(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def alnum(n, alphabet="bcdfghjklmnpqrstvwxz2456789"):
    return "".join(R.choice(alphabet) for _ in range(n))


def uuid4():
    return "%s-%s-4%s-%s%s-%s" % (hexs(8), hexs(4), hexs(3), R.choice("89ab"), hexs(3), hexs(12))


def go_duration(ns):
    """Go's `time.Duration.String()`: `640ns`, `12.5µs`, `3.236542ms`, `1.5s`, `7m41.2s`, `1h0m3s`."""
    def frac(whole, part, digits):
        f = ("%0*d" % (digits, part)).rstrip("0")
        return str(whole) + ("." + f if f else "")
    if ns == 0:
        return "0s"
    if ns < 1000:
        return "%dns" % ns
    if ns < 10 ** 6:
        return frac(ns // 1000, ns % 1000, 3) + "\u00b5s"
    if ns < 10 ** 9:
        return frac(ns // 10 ** 6, ns % 10 ** 6, 6) + "ms"
    h, rest = divmod(ns, 3600 * 10 ** 9)
    m, rest = divmod(rest, 60 * 10 ** 9)
    s = frac(rest // 10 ** 9, rest % 10 ** 9, 9) + "s"
    if h:
        return "%dh%dm%s" % (h, m, s)
    if m:
        return "%dm%s" % (m, s)
    return s


def rand_ns(lo_ms, hi_ms):
    """A log-uniform duration in nanoseconds between lo_ms and hi_ms."""
    ms = lo_ms * (float(hi_ms) / lo_ms) ** R.random()
    return max(1, int(ms * 10 ** 6))


def rand_go(lo_ms, hi_ms, coarse=0.25):
    ns = rand_ns(lo_ms, hi_ms)
    if R.random() < coarse and ns > 10 ** 8:
        ns -= ns % 10 ** 8
    return go_duration(ns)


class Cycle:
    """Draws from a pool in seeded shuffled rounds, so that slots of rare event types take two or
    more values."""

    def __init__(self, pool):
        self.pool = list(pool)
        assert len(set(map(repr, self.pool))) >= 2, pool
        self.queue = []

    def __call__(self):
        if not self.queue:
            self.queue = self.pool[:]
            R.shuffle(self.queue)
        return self.queue.pop()


class Clock:
    """Integer nanosecond clock, starting on 2026-12-11 at a seeded second of the morning (UTC);
    each line moves it forward by a seeded step between lo_ms and hi_ms."""

    def __init__(self, lo_ms, hi_ms):
        start = calendar.timegm((2026, 12, 11, 0, 0, 0)) + R.randint(7 * 3600, 10 * 3600)
        self.ns = start * 10 ** 9 + R.randint(0, 10 ** 9 - 1)
        self.lo, self.hi = lo_ms, hi_ms

    def tick(self):
        self.ns += R.randint(self.lo * 10 ** 6, self.hi * 10 ** 6) + R.randint(0, 999999)

    def tm(self, ns=None):
        return time.gmtime((self.ns if ns is None else ns) // 10 ** 9)

    def frac(self, digits, ns=None):
        ns = self.ns if ns is None else ns
        return "%0*d" % (digits, (ns % 10 ** 9) // 10 ** (9 - digits))

    def hms(self, ns=None):
        g = self.tm(ns)
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def ymd(self, sep="-", ns=None):
        g = self.tm(ns)
        return "%04d%s%02d%s%02d" % (g.tm_year, sep, g.tm_mon, sep, g.tm_mday)

    def klog(self, level):
        """klog: `Lmmdd hh:mm:ss.uuuuuu`."""
        g = self.tm()
        return "%s%02d%02d %s.%s" % (level, g.tm_mon, g.tm_mday, self.hms(), self.frac(6))

    def journal(self):
        """journalctl `short` output: `Dec 11 10:00:00`."""
        g = self.tm()
        return "%s %02d %s" % (MONTHS[g.tm_mon - 1], g.tm_mday, self.hms())

    def rfc3339_nano_fixed(self):
        """dockerd's logrus time stamp (RFC 3339, nine fraction digits, UTC): `...T10:00:00.123456789Z`."""
        return "%sT%s.%sZ" % (self.ymd(), self.hms(), self.frac(9))

    def ctime(self):
        """`dmesg -T`: `Fri Dec 11 10:00:00 2026` (strftime `%a %b %e %H:%M:%S %Y`)."""
        g = self.tm()
        return "%s %s %2d %s %04d" % (WEEKDAYS[g.tm_wday], MONTHS[g.tm_mon - 1], g.tm_mday, self.hms(), g.tm_year)

    def log4j_iso(self):
        """log4j2 `%d{ISO8601}`: `2026-12-11T10:00:00,123`."""
        return "%sT%s,%s" % (self.ymd(), self.hms(), self.frac(3))

    def logback(self):
        """logback `%date`: `2026-12-11 10:00:00,123`."""
        return "%s %s,%s" % (self.ymd(), self.hms(), self.frac(3))

    def zap_iso(self):
        """zap ISO8601TimeEncoder in UTC: `2026-12-11T10:00:00.123Z`."""
        return "%sT%s.%sZ" % (self.ymd(), self.hms(), self.frac(3))


# ------------------------------------------------------------------------------------------
# Filling a template.
def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        assert v and "\n" not in v and v == v.strip(), (template, values)
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    """(content, template, values) of one line of an event type."""
    values = tuple(str(v) for v in values)
    return fill(template, values), template, values


def write(system, clock, events, render, content_of=None):
    """events: list of (count, tag, gen); gen() -> ev(...), called after the clock ticked for the
    line; render(tag, content) -> the raw line. Counts sum to LINES; the line order is a seeded
    shuffle. Asserts that every slot of every event type takes two or more values.
    content_of: None when the raw line ends with Content, else a function giving the Content of a
    raw line (Knative: the decoded `msg` member)."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    assert 13 <= len(events) <= 14, system
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    R.shuffle(order)
    rows, raw, slot_values, templates = [], [], {}, {}
    for i, k in enumerate(order):
        _, tag, gen = events[k]
        clock.tick()
        CTX.clear()
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
        for s, v in zip(seen, values):
            s.add(v)
    assert len(set(templates.values())) == len(templates), system
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


def go_escape(s):
    """The inside of Go's `strconv.Quote` for printable text: `\\` and `"` escaped."""
    assert all(ch.isprintable() for ch in s), s
    return s.replace("\\", "\\\\").replace('"', '\\"')


# ------------------------------------------------------------------------------------------
# 1. kube-apiserver, klog text output to stderr (as the container runtime keeps it):
#    `I1211 10:00:00.123456       1 httplog.go:134] message` -- level initial, month and day,
#    time with microseconds, the thread id (the pid) right-aligned in seven columns, the source
#    file and line, `] `. Structured records are `"msg" key="value" key=value` (strings quoted as
#    Go does, `\"` inside); the HTTP trace lines are structured records of httplog; the request
#    trace records are multi-line in klog, and only their first line is kept.
#    Content is what follows `] `.
def kube():
    c = Clock(2, 1900)
    namespaces = ["default", "kube-system", "ml-serving", "payments", "argocd", "observability"]
    apps = ["ledger-api", "triton-infer", "grafana", "coredns", "node-exporter", "checkout", "kafka-ui"]
    nodes = ["ip-10-20-3-41.ec2.internal", "ip-10-20-7-112.ec2.internal", "gpu-a100-03", "worker-pool-b-9k2lm"]
    agents = ["kubectl/v1.31.2 (linux/amd64) kubernetes/5864a46",
              "kube-controller-manager/v1.31.4 (linux/amd64) kubernetes/a78aa47/system:serviceaccount:kube-system:replicaset-controller",
              "kubelet/v1.31.4 (linux/amd64) kubernetes/a78aa47",
              "argocd-application-controller/v0.0.0 (linux/amd64) kubernetes/$Format",
              "Go-http-client/2.0",
              "helm/v3.16.3 (darwin/arm64) helm/cfd0749",
              "kube-probe/1.31",
              "kube-scheduler/v1.31.4 (linux/amd64) kubernetes/a78aa47/leader-election"]

    def pod(app=None):
        return "%s-%s-%s" % (app or pick(apps), hexs(9), alnum(5))

    def src_ip():
        return pick(["10.244.%d.%d" % (R.randint(0, 9), R.randint(2, 250)), "192.168.40.%d" % R.randint(10, 60), "127.0.0.1"])

    def request():
        ns, app = pick(namespaces), pick(apps)
        kind = R.randint(0, 8)
        if kind == 0:
            return "GET", "/api/v1/namespaces/%s/pods/%s" % (ns, pod(app)), "Get", "pods", "namespace"
        if kind == 1:
            return ("LIST", "/api/v1/namespaces/%s/pods?labelSelector=app%%3D%s&limit=500" % (ns, app), "List", "pods",
                    "namespace")
        if kind == 2:
            return "LIST", "/apis/apps/v1/deployments?limit=500&resourceVersion=0", "List", "deployments", "cluster"
        if kind == 3:
            return ("PUT", "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/%s?timeout=10s" % pick(nodes),
                    "Update", "leases", "namespace")
        if kind == 4:
            return "PATCH", "/api/v1/nodes/%s/status?timeout=10s" % pick(nodes), "Patch", "nodes", "cluster"
        if kind == 5:
            return "POST", "/apis/authorization.k8s.io/v1/subjectaccessreviews", "Create", "subjectaccessreviews", "cluster"
        if kind == 6:
            return "DELETE", "/api/v1/namespaces/%s/pods/%s" % (ns, pod(app)), "Delete", "pods", "namespace"
        if kind == 7:
            return ("GET", "/apis/apps/v1/namespaces/%s/replicasets/%s-%s" % (ns, app, hexs(9)), "Get", "replicasets",
                    "namespace")
        return "PATCH", "/apis/apps/v1/namespaces/%s/deployments/%s/status" % (ns, app), "Patch", "deployments", "namespace"

    def http_apf():
        verb, uri, _, _, _ = request()
        exec_ns = rand_ns(0.2, 900)
        extra = 0 if R.random() < 0.85 else rand_ns(0.5, 300)
        lat = exec_ns + extra + R.randint(10000, 900000)
        resp = {"POST": ["201", "201", "201", "403"], "PUT": ["200", "200", "200", "409"],
                "GET": ["200", "200", "200", "404"], "DELETE": ["200", "200", "404"]}.get(verb, ["200", "200", "200", "422"])
        level = pick([("exempt", "exempt"), ("system", "system-nodes"), ("workload-high", "kube-controller-manager"),
                      ("workload-low", "service-accounts"), ("global-default", "global-default"),
                      ("leader-election", "system-leader-election")])
        seats = R.randint(2, 10) if verb == "LIST" else 1
        return ev('"HTTP" verb="<*>" URI="<*>" latency="<*>" userAgent="<*>" audit-ID="<*>" srcIP="<*>" apf_pl="<*>" apf_fs="<*>" '
                  'apf_iseats=<*> apf_fseats=<*> apf_additionalLatency="<*>" apf_execution_time="<*>" resp=<*>',
                  verb, uri, go_duration(lat), go_escape(pick(agents)), uuid4(), "%s:%d" % (src_ip(), R.randint(32768, 60999)),
                  level[0], level[1], seats, pick(["0", "0", "0", "1"]) if verb in ("POST", "PUT", "PATCH", "DELETE") else "0",
                  go_duration(extra), go_duration(exec_ns), pick(resp))

    watch_res = ["configmaps", "secrets", "endpointslices", "pods", "customresourcedefinitions", "leases"]

    def http_watch():
        res = pick(watch_res)
        group = {"endpointslices": "/apis/discovery.k8s.io/v1", "customresourcedefinitions": "/apis/apiextensions.k8s.io/v1",
                 "leases": "/apis/coordination.k8s.io/v1"}.get(res, "/api/v1")
        t = R.randint(300, 599)
        scope = "" if R.random() < 0.4 else "/namespaces/%s" % pick(namespaces)
        uri = "%s%s/%s?allowWatchBookmarks=true&resourceVersion=%d&timeout=%dm%ds&timeoutSeconds=%d&watch=true" % (
            group, scope, res, R.randint(10 ** 7, 9 * 10 ** 7), t // 60, t % 60, t)
        lat = t * 10 ** 9 + R.randint(0, 10 ** 9) if R.random() < 0.8 else rand_ns(400, 250000)
        return ev('"HTTP" verb="WATCH" URI="<*>" latency="<*>" userAgent="<*>" audit-ID="<*>" srcIP="<*>" resp=<*>',
                  uri, go_duration(lat), go_escape(pick(agents)), uuid4(), "%s:%d" % (src_ip(), R.randint(32768, 60999)),
                  pick(["200", "200", "200", "200", "0"]))

    accepts = ["application/json, */*", "application/vnd.kubernetes.protobuf, */*",
               "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json",
               "application/vnd.kubernetes.protobuf,application/json"]

    def trace():
        verb, uri, op, res, scope = request()
        total_ms = R.randint(500, 14000)
        start = c.ns - total_ms * 10 ** 6 - R.randint(0, 999999)
        g = c.tm(start)
        started = "%02d-%s-%04d %s.%s" % (g.tm_mday, MONTHS[g.tm_mon - 1], g.tm_year, c.hms(start), c.frac(3, start))
        return ev('Trace[<*>]: "<*>" accept:<*>,audit-id:<*>,client:<*>,protocol:<*>,resource:<*>,scope:<*>,url:<*>,'
                  'user-agent:<*>,verb:<*> (<*>) (total time: <*>ms):',
                  R.randint(10 ** 8, 2 * 10 ** 9), op, pick(accepts), uuid4(), src_ip(), pick(["HTTP/2.0", "HTTP/2.0", "HTTP/1.1"]),
                  res, scope, uri.split("?")[0], pick(agents), verb, started, total_ms)

    sources = ["k8s.io/client-go/informers/factory.go:160", "k8s.io/client-go/metadata/metadatainformer/informer.go:138",
               "storage/cacher/cacher.go:448", "k8s.io/apiextensions-apiserver/pkg/client/informers/externalversions/factory.go:141"]
    types = ["*v1.Secret", "*v1.ConfigMap", "*apiextensions.CustomResourceDefinition", "*v1.PartialObjectMetadata",
             "*unstructured.Unstructured", "*v1.ValidatingWebhookConfiguration"]
    watch_errors = ["context canceled",
                    "Internal error occurred: etcdserver: no leader",
                    "very short watch: storage/cacher/cacher.go:448: Unexpected watch close - watch lasted less than a second and "
                    "no items received",
                    "an error on the server (\"unable to decode an event from the watch stream: http2: client connection lost\") "
                    "has prevented the request from succeeding",
                    "too old resource version: 48112093 (48120977)"]

    def reflector():
        return ev("<*>: watch of <*> ended with: <*>", pick(sources), pick(types), pick(watch_errors))

    auth_errors = ["invalid bearer token",
                   "[invalid bearer token, service account token has been invalidated]",
                   "[x509: certificate has expired or is not yet valid: current time 2026-12-11T09:41:07Z is after "
                   "2026-12-10T23:59:59Z, verifying certificate SN=7734012, SKID=, AKID=4F:1C:9A failed: x509: certificate has "
                   "expired or is not yet valid]",
                   "[oidc: verify token: oidc: token is expired (Token Expiry: 2026-12-11 09:12:40 +0000 UTC), invalid bearer token]",
                   "Unauthorized"]

    def auth():
        return ev('"Request authentication failed" err="<*>"', go_escape(pick(auth_errors)))

    def lease():
        name = "apiserver-%s" % alnum(26, "abcdefghijklmnopqrstuvwxyz234567")[:26]
        errs = ['Operation cannot be fulfilled on leases.coordination.k8s.io "%s": the object has been modified; please apply '
                'your changes to the latest version and try again' % name,
                "etcdserver: request timed out",
                "Timeout: request did not complete within requested timeout - context deadline exceeded",
                "rpc error: code = Unavailable desc = keepalive ping failed to receive ACK within timeout"]
        return ev('"Failed to update lease" lease="<*>" err="<*>"', "kube-system/" + name, go_escape(pick(errs)))

    def slow_etcd():
        ns = pick(namespaces)
        key = pick(["/registry/pods/%s/%s" % (ns, pod()), "/registry/leases/kube-node-lease/%s" % pick(nodes),
                    "/registry/events/%s/%s.%s" % (ns, pod(), hexs(16)), "/registry/secrets/%s/sh.helm.release.v1.%s.v%d"
                    % (ns, pick(apps), R.randint(2, 90)), "/registry/apiextensions.k8s.io/customresourcedefinitions/"])
        return ev('"Slow etcd request" operation="<*>" key="<*>" took="<*>" limit="500ms"',
                  pick(["range", "txn", "txn", "delete", "compaction"]), key, rand_go(501, 9000))

    webhooks = ["validate.kyverno.svc-fail", "mpod.elbv2.k8s.aws", "webhook.cert-manager.io", "policy.sigstore.dev",
                "vingress.elbv2.k8s.aws"]
    hook_urls = {"validate.kyverno.svc-fail": "https://kyverno-svc.kyverno.svc:443/validate/fail?timeout=10s",
                 "mpod.elbv2.k8s.aws": "https://aws-load-balancer-webhook-service.kube-system.svc:443/mutate-v1-pod?timeout=10s",
                 "webhook.cert-manager.io": "https://cert-manager-webhook.cert-manager.svc:443/validate?timeout=30s",
                 "policy.sigstore.dev": "https://webhook.cosign-system.svc:443/validations?timeout=10s",
                 "vingress.elbv2.k8s.aws": "https://aws-load-balancer-webhook-service.kube-system.svc:443/validate-networking-v1-ingress?timeout=10s"}

    def hook_error(w):
        tail = pick(["context deadline exceeded", "no endpoints available for service \"%s\"" % hook_urls[w].split("//")[1].split(".")[0],
                     "dial tcp 10.96.%d.%d:443: connect: connection refused" % (R.randint(0, 255), R.randint(1, 254)),
                     "tls: failed to verify certificate: x509: certificate signed by unknown authority"])
        return 'failed calling webhook "%s": failed to call webhook: Post "%s": %s' % (w, hook_urls[w], tail)

    hooks_open, hooks_closed = Cycle(webhooks), Cycle(webhooks)

    def webhook(word, cyc):
        def gen():
            w = cyc()
            return ev('"Failed calling webhook, failing ' + word + '" webhook="<*>" err="<*>"', w, go_escape(hook_error(w)))
        return gen

    def slow_watchers():
        return ev('"Closing unresponsive watchers" resource="<*>" count=<*> budget="<*>"',
                  pick(["pods", "events", "endpointslices", "nodes", "configmaps"]), num(1, 40), rand_go(50, 2000))

    groups = Cycle([("metrics.k8s.io", "v1beta1", "kube-system/metrics-server"),
                    ("custom.metrics.k8s.io", "v1beta2", "observability/prometheus-adapter"),
                    ("external.metrics.k8s.io", "v1beta1", "keda/keda-operator-metrics-apiserver"),
                    ("packages.operators.coreos.com", "v1", "olm/packageserver-service")])

    def registered():
        g = groups()
        return ev('"Registered aggregated API group" group="<*>" version="<*>" service="<*>"', *g)

    unavail = Cycle([("v1beta1.metrics.k8s.io", "FailedDiscoveryCheck",
                      "failing or missing response from https://10.244.3.17:10250/apis/metrics.k8s.io/v1beta1: Get "
                      "\"https://10.244.3.17:10250/apis/metrics.k8s.io/v1beta1\": dial tcp 10.244.3.17:10250: i/o timeout"),
                     ("v1beta1.external.metrics.k8s.io", "MissingEndpoints", "endpoints for service/keda-operator-metrics-apiserver "
                      "in \"keda\" have no addresses with port name \"https\""),
                     ("v1.packages.operators.coreos.com", "ServiceNotFound", "service/packageserver-service in \"olm\" is not present")])

    def unavailable():
        u = unavail()
        return ev('"Aggregated API unavailable" apiService="<*>" reason="<*>" err="<*>"', u[0], u[1], go_escape(u[2]))

    def primed():
        return ev("watch cache for <*> primed at resourceVersion <*> with <*> objects in <*>",
                  pick(["*core.Pod", "*core.Secret", "*apps.ReplicaSet", "*discovery.EndpointSlice", "*rbac.ClusterRole"]),
                  R.randint(10 ** 7, 9 * 10 ** 7), num(3, 22000), rand_go(2, 4000))

    timeout_verbs = Cycle(["LIST", "GET", "WATCH", "POST"])

    def timed_out():
        verb = timeout_verbs()
        _, uri, _, _, _ = request()
        return ev('"Request handler timed out" verb="<*>" URI="<*>" audit-ID="<*>" timeout="<*>"', verb, uri, uuid4(),
                  pick(["1m0s", "34s", "1m0s", "10s"]))

    events = [
        (100, ("I", "httplog.go:134"), http_apf),
        (40, ("I", "httplog.go:134"), http_watch),
        (30, ("I", "trace.go:236"), trace),
        (25, ("W", "reflector.go:492"), reflector),
        (20, ("E", "authentication.go:74"), auth),
        (18, ("E", "controller.go:195"), lease),
        (16, ("W", "store.go:613"), slow_etcd),
        (12, ("W", "dispatcher.go:205"), webhook("open", hooks_open)),
        (8, ("E", "dispatcher.go:214"), webhook("closed", hooks_closed)),
        (10, ("I", "watch_tracker.go:91"), slow_watchers),
        (7, ("I", "handler_proxy.go:143"), registered),
        (5, ("W", "available_controller.go:460"), unavailable),
        (5, ("I", "cacher.go:468"), primed),
        (4, ("E", "timeout.go:142"), timed_out),
    ]

    def render(tag, content):
        level, src = tag
        return "%s %7d %s] %s" % (c.klog(level), 1, src, content)
    write("KubeApiserver", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. dockerd (logrus text formatter) on stderr, read with `journalctl -u docker` in its default
#    `short` output: `Dec 11 10:00:00 ci-runner-12 dockerd[912]: time="2026-12-11T10:00:00.123456789Z"
#    level=info msg="..." key=value`. logrus writes time, level, msg, then the other fields sorted
#    by key; a value is quoted (Go `%q`) when it holds anything but letters, digits and `-._/@^+`.
#    Content is what follows `level=<level> `: it starts with `msg=`.
LOGRUS_SAFE = set(string.ascii_letters + string.digits + "-._/@^+")


def logrus_needs_quote(s):
    return s == "" or any(ch not in LOGRUS_SAFE for ch in s)


def logrus_value(s):
    return '"%s"' % go_escape(s) if logrus_needs_quote(s) else s


def lr(msg, msg_values, fields):
    """A logrus record after `level=...`: msg is a template (`<*>` for each of msg_values), fields a
    list of (key, value, mode). Modes: 'l' literal text of the event type, 'q' a value that always
    needs quoting (template `key="<*>"`), 'u' a value that never does (`key=<*>`), 'm' a value that
    sometimes does (`key=<*>`, the quotes are part of the value)."""
    tparts = ['msg="%s"' % go_escape(msg)]
    cparts = ['msg="%s"' % go_escape(fill(msg, [str(v) for v in msg_values]) if msg_values else msg)]
    values = [go_escape(str(v)) for v in msg_values]
    for key, value, mode in sorted(fields, key=lambda f: f[0]):
        value = str(value)
        cparts.append("%s=%s" % (key, logrus_value(value)))
        if mode == "l":
            tparts.append("%s=%s" % (key, logrus_value(value)))
        elif mode == "q":
            assert logrus_needs_quote(value), (key, value)
            tparts.append('%s="<*>"' % key)
            values.append(go_escape(value))
        elif mode == "u":
            assert not logrus_needs_quote(value), (key, value)
            tparts.append("%s=<*>" % key)
            values.append(value)
        else:
            assert mode == "m", mode
            tparts.append("%s=<*>" % key)
            values.append(logrus_value(value))
    content, template, vals = ev(" ".join(tparts), *values)
    assert content == " ".join(cparts), (content, cparts)
    return content, template, vals


def docker():
    c = Clock(3, 2200)
    images = ["alpine:3.20", "busybox", "postgres:16.4-bookworm", "registry.gitlab.example.com/platform/ci-images/node:20-slim",
              "ghcr.io/actions/actions-runner:2.321.0", "python", "redis:7.4", "ubuntu",
              "nvcr.io/nvidia/pytorch:24.10-py3", "quay.io/prometheus/node-exporter:v1.8.2"]
    containers = [hexs(64) for _ in range(24)]
    networks = ["bridge", "ci_default", "traefik-public", "runner-net-4f2a", "host-gw"]
    volumes = ["pgdata", "ml_cache", "runner-cache-7", hexs(64), hexs(64), "gitlab-runner-builds"]
    state = {"pid": R.randint(700, 1500)}

    def exited():
        return lr("handled task exit", [], [("container", pick(containers), "u"),
                                            ("exitCode", pick(["0", "0", "0", "1", "137", "143", "2"]), "u"),
                                            ("module", "libcontainerd", "l"), ("namespace", "moby", "l")])

    def size():
        k = R.random()
        if k < 0.3:
            return "%.1fkB" % R.uniform(1, 999)
        if k < 0.85:
            return "%.1fMB" % R.uniform(1, 999)
        return "%.2fGB" % R.uniform(1, 9)

    def pulled(platform):
        def gen():
            fields = [("digest", "sha256:" + hexs(64), "q"), ("image", pick(images), "m"), ("size", size(), "u")]
            if platform:
                fields.append(("platform", pick(["linux/arm64", "linux/amd64", "linux/arm/v7"]), "u"))
            return lr("image pulled", [], fields)
        return gen

    probe_errors = ["EOF", "exit status 1", "context deadline exceeded",
                    "Health check exceeded timeout (30s): curl: (28) Operation timed out after 30001 milliseconds with 0 bytes received",
                    "OCI runtime exec failed: exec failed: unable to start container process: exec: \"pg_isready\": executable file "
                    "not found in $PATH: unknown",
                    "Get \"http://127.0.0.1:8080/healthz\": dial tcp 127.0.0.1:8080: connect: connection refused"]

    def probe():
        return lr("health probe failed", [], [("container", pick(containers), "u"), ("error", pick(probe_errors), "m"),
                                              ("failingStreak", num(1, 12), "u"), ("probe", pick(["CMD-SHELL", "CMD"]), "u")])

    api_paths = ["/v1.47/containers/json", "/v1.47/containers/json?all=1&filters=%7B%22label%22%3A%5B%22ci.job%22%5D%7D",
                 "/v1.47/containers/%s/json", "/v1.47/containers/%s/logs?follow=1&stderr=1&stdout=1&tail=all",
                 "/v1.47/images/create?fromImage=redis&tag=7.4", "/_ping", "/v1.47/events?filters=%7B%22type%22%3A%5B%22container%22%5D%7D",
                 "/v1.47/containers/%s/wait?condition=next-exit", "/v1.47/info"]

    def api_path():
        p = pick(api_paths)
        return p % pick(containers)[:12] if "%s" in p else p

    def api_request():
        return lr("API request", [], [("method", pick(["GET", "GET", "GET", "POST", "HEAD", "DELETE"]), "u"),
                                      ("path", api_path(), "m"), ("status", pick(["200", "200", "200", "201", "204", "304"]), "u"),
                                      ("took", rand_go(0.05, 900), "m")])

    api_errors = ["No such container: %s" % hexs(12), "No such image: ghcr.io/actions/actions-runner:2.999.0",
                  "conflict: unable to delete %s (cannot be forced) - image is being used by running container %s" % (hexs(12), hexs(12)),
                  "Conflict. The container name \"/runner-7-build\" is already in use by container \"%s\". You have to remove (or rename) "
                  "that container to be able to reuse that name." % hexs(64),
                  "pull access denied for private/tooling, repository does not exist or may require 'docker login': denied: "
                  "requested access to the resource is denied",
                  "context canceled"]

    failed_paths = [("GET", "/v1.47/containers/%s/json"), ("POST", "/v1.47/containers/%s/start"), ("DELETE", "/v1.47/images/%s"),
                    ("POST", "/v1.47/containers/create?name=runner-7-build"), ("POST", "/v1.47/images/create?fromImage=private%%2Ftooling&tag=latest"),
                    ("POST", "/v1.47/containers/%s/stop?t=10")]

    def api_failed():
        method, path = pick(failed_paths)
        if "%s" in path:
            path = path % pick(containers)[:12]
        else:
            path = path.replace("%%", "%")
        return lr("API request failed", [], [("error", pick(api_errors), "q"), ("method", method, "u"),
                                             ("path", path, "m"), ("status", pick(["404", "409", "500", "404"]), "u")])

    def grace():
        return lr("container did not exit within grace period, sending SIGKILL", [],
                  [("container", pick(containers), "u"), ("signal", pick(["SIGTERM", "SIGTERM", "SIGINT", "SIGQUIT"]), "u"),
                   ("timeout", pick(["10s", "10s", "30s", "2m0s", "1s"]), "u")])

    def endpoint(word):
        def gen():
            return lr("endpoint " + word + " sandbox", [], [("endpoint", hexs(64), "u"), ("network", pick(networks), "u"),
                                                              ("sandbox", hexs(64), "u")])
        return gen

    mount_errors = Cycle(["error while mounting volume '/var/lib/docker/volumes/pgdata/_data': failed to mount local volume: mount "
                          ":/exports/pg:/var/lib/docker/volumes/pgdata/_data, data: addr=10.8.0.4: connection timed out",
                          "permission denied",
                          "VolumeDriver.Mount: exit status 1",
                          "error evaluating symlinks from mount source \"/mnt/cache/ml\": lstat /mnt/cache: no such file or directory"])

    def mount_failed():
        return lr("failed to mount volume", [], [("driver", pick(["local", "local", "rclone", "nfs-csi"]), "u"),
                                                 ("error", mount_errors(), "q"), ("volume", pick(volumes), "u")])

    mirrors = Cycle(["https://mirror.gcr.example.net", "http://10.8.0.20:5000", "https://dockerhub-cache.internal.example.org"])

    def mirror():
        m = mirrors()
        err = pick(["Get \"%s/v2/\": dial tcp: lookup %s: no such host" % (m, m.split("//")[1].split(":")[0]),
                    "Get \"%s/v2/\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" % m,
                    "received unexpected HTTP status: 503 Service Unavailable"])
        return lr("registry mirror unavailable, falling back to upstream", [], [("error", err, "q"), ("mirror", m, "q")])

    def restored():
        n = R.randint(3, 60)
        return lr("restored <*> containers (<*> running) in <*>", [n, R.randint(0, n), rand_go(80, 9000)], [])

    debug_flags = Cycle(["false", "true"])

    def starting():
        state["pid"] = R.randint(state["pid"] + 200, state["pid"] + 40000)
        return lr("starting daemon", [], [("debug", debug_flags(), "u"), ("pid", state["pid"], "u"), ("version", "27.3.1", "l")])

    shim_errors = Cycle(["ttrpc: closed", "EOF", "connection reset by peer",
                         "shim disconnected: read unix @/containerd-shim/%s.sock->@: read: connection reset by peer" % hexs(64)])

    def shim():
        return lr('shim for "<*>" disconnected unexpectedly', [pick(containers)],
                  [("error", shim_errors(), "m"), ("exitStatus", pick(["137", "255", "139"]), "u")])

    events = [
        (100, "info", exited),
        (42, "info", pulled(False)),
        (9, "info", pulled(True)),
        (34, "warning", probe),
        (25, "debug", api_request),
        (20, "error", api_failed),
        (16, "warning", grace),
        (14, "info", endpoint("joined")),
        (8, "info", endpoint("left")),
        (10, "error", mount_failed),
        (7, "warning", mirror),
        (6, "info", restored),
        (4, "info", starting),
        (5, "error", shim),
    ]

    def render(level, content):
        return '%s ci-runner-12 dockerd[%d]: time="%s" level=%s %s' % (c.journal(), state["pid"], c.rfc3339_nano_fixed(), level,
                                                                       content)
    write("DockerDaemon", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. The kernel ring buffer of a GPU host as printed by `dmesg -T`: `[Fri Dec 11 10:00:00 2026] `
#    (strftime `%a %b %e %H:%M:%S %Y`, no level shown), then the message: NVIDIA driver (NVRM) Xid
#    reports mixed with bridge port changes of the container runtime, PCIe AER reports,
#    segfaults, the OOM killer and EDAC. Content is what follows the first `] `.
def kernel():
    c = Clock(400, 40000)
    gpus = ["0000:18:00", "0000:3b:00", "0000:5e:00", "0000:86:00", "0000:af:00", "0000:d8:00"]
    gpu_uuid = {g: "GPU-%s-%s-%s-%s-%s" % (hexs(8), hexs(4), hexs(4), hexs(4), hexs(12)) for g in gpus}
    procs = ["python3", "python3", "pt_main_thread", "torchrun", "tritonserver", "nvidia-smi", "dcgm-exporter"]

    def who():
        if R.random() < 0.12:
            return "'<unknown>'", "<unknown>"
        return str(R.randint(2000, 4190000)), pick(procs)

    def xid_head():
        pid, name = who()
        return [pick(gpus), pid, name]

    warp_errors = ["Out Of Range Address", "Illegal Instruction Encoding", "Misaligned Address", "Invalid Address Space",
                   "Illegal Instruction Parameter", "MMU Nack"]

    def xid13():
        return ev("NVRM: Xid (PCI:<*>): 13, pid=<*>, name=<*>, Graphics Exception: warp error in (GPC <*>, TPC <*>, SM <*>): <*>",
                  *(xid_head() + [num(0, 7), num(0, 8), num(0, 1), pick(warp_errors)]))

    bridges = ["docker0", "br-%s" % hexs(12), "br-%s" % hexs(12), "cni0"]
    veths = ["veth%s" % hexs(7) for _ in range(30)]

    def port(word):
        def gen():
            return ev("<*>: port <*>(<*>) entered " + word + " state", pick(bridges), num(1, 14), pick(veths))
        return gen

    def xid31():
        engine = pick(["GRAPHICS GPCCLIENT_T1_%d" % R.randint(0, 15), "GRAPHICS GPCCLIENT_GPM", "CE3 HUBCLIENT_CE1",
                       "GRAPHICS GPCCLIENT_RAST"]).split(" ")
        addr = "0x%s_%s000" % (hexs(4), hexs(5))
        kind = pick([("FAULT_PDE", "ACCESS_TYPE_VIRT_READ"), ("FAULT_PTE", "ACCESS_TYPE_VIRT_WRITE"),
                     ("FAULT_PTE", "ACCESS_TYPE_VIRT_READ"), ("FAULT_INFO_TYPE_UNSUPPORTED", "ACCESS_TYPE_VIRT_ATOMIC")])
        return ev("NVRM: Xid (PCI:<*>): 31, pid=<*>, name=<*>, Ch <*>, intr 10000000. MMU Fault: ENGINE <*> <*> faulted @ <*>. "
                  "Fault is of type <*> <*>", *(xid_head() + ["%08x" % R.randint(1, 0x60), engine[0], engine[1], addr,
                                                              kind[0], kind[1]]))

    ports = ["0000:17:00.0", "0000:3a:00.0", "0000:5d:00.0", "0000:85:00.0"]

    def aer():
        dev = pick([("pcieport", pick(ports)), ("nvidia", pick(gpus) + ".0")])
        return ev("<*> <*>: PCIe Bus Error: severity=Corrected, type=<*>, (<*>)", dev[0], dev[1],
                  pick(["Physical Layer", "Physical Layer", "Data Link Layer"]), pick(["Receiver ID", "Transmitter ID"]))

    libs = ["libcuda.so.550.127.08", "libc.so.6", "libnccl.so.2.21.5", "python3.11", "libtorch_cuda.so"]

    def segv():
        base = R.randint(0x7f0000000, 0x7fffffff0) * 0x1000
        return ev("<*>[<*>]: segfault at <*> ip <*> sp <*> error <*> in <*>[<*>+<*>] likely on CPU <*> (core <*>, socket <*>)",
                  pick(["python3", "pt_main_thread", "tritonserver", "ray::IDLE"]), R.randint(2000, 4190000),
                  pick(["0", "8", "18", "%x" % R.randint(0x1000, 0xffffffff)]), "%016x" % (base + R.randint(0, 0xffffff)),
                  "%016x" % (0x7ffc00000000 + R.randint(0, 0x3ffffffff)), pick(["4", "6", "14", "15"]), pick(libs), "%x" % base,
                  "%x" % R.randint(0x10000, 0x3000000), num(0, 95), num(0, 47), num(0, 1))

    def xid79():
        return ev("NVRM: Xid (PCI:<*>): 79, pid=<*>, name=<*>, GPU has fallen off the bus.", *xid_head())

    def gpu_at():
        g = pick(gpus)
        return ev("NVRM: GPU at PCI:<*>: <*>", g, gpu_uuid[g])

    def oom():
        vm = R.randint(10 ** 7, 4 * 10 ** 8)
        anon = R.randint(vm // 8, vm // 2)
        return ev("Out of memory: Killed process <*> (<*>) total-vm:<*>kB, anon-rss:<*>kB, file-rss:<*>kB, shmem-rss:<*>kB, "
                  "UID:<*> pgtables:<*>kB oom_score_adj:<*>", R.randint(2000, 4190000),
                  pick(["python3", "pt_main_thread", "java", "ray::Trainer"]), vm, anon, R.randint(0, 900000),
                  R.randint(0, 8 * 10 ** 6), pick(["0", "1000", "1001", "65534"]), max(2000, anon // 500 + R.randint(0, 9000)),
                  pick(["0", "0", "1000", "-998", "999"]))

    def xid48():
        return ev("NVRM: Xid (PCI:<*>): 48, pid=<*>, name=<*>, An uncorrectable double bit error (DBE) has been detected on GPU in "
                  "the framebuffer at partition <*>, subpartition <*>.", *(xid_head() + [num(0, 11), num(0, 1)]))

    units94 = Cycle([("SM", "0x1"), ("FBHUB", "0x4"), ("L2", "0x2"), ("SM", "0x1")])
    rst = Cycle([("No", "No"), ("No", "Yes"), ("Yes", "No")])

    def xid94():
        u, r = units94(), rst()
        return ev("NVRM: Xid (PCI:<*>): 94, pid=<*>, name=<*>, Contained: <*> (<*>). RST: <*>, D-RST: <*>",
                  *(xid_head() + [u[0], u[1], r[0], r[1]]))

    units95 = Cycle([("SM", "0x1"), ("FBHUB", "0x4"), ("HSHUB", "0x10")])

    def xid95():
        u = units95()
        return ev("NVRM: Xid (PCI:<*>): 95, pid=<*>, name=<*>, Uncontained: <*> (<*>). RST: Yes, D-RST: No",
                  *(xid_head() + [u[0], u[1]]))

    dimms = Cycle(["CPU_SrcID#0_MC#0_Chan#1_DIMM#0", "CPU_SrcID#1_MC#1_Chan#0_DIMM#0", "CPU_SrcID#0_MC#1_Chan#2_DIMM#1"])
    counts = Cycle(["1", "1", "2", "3"])

    def edac():
        d = dimms()
        return ev("EDAC MC<*>: <*> CE memory read error on <*> (channel:<*> slot:<*> page:<*> offset:<*> grain:32 syndrome:<*>)",
                  d.split("MC#")[1][0], counts(), d, d.split("Chan#")[1][0], d[-1], "0x%x" % R.randint(0x1000, 0xffffff),
                  "0x%x" % (R.randint(0, 0xff) * 0x10), "0x%x" % R.randint(0, 0xffffffff))

    events = [
        (80, None, port("forwarding")),
        (50, None, xid13),
        (30, None, port("blocking")),
        (26, None, aer),
        (20, None, port("disabled")),
        (20, None, xid31),
        (14, None, segv),
        (12, None, xid79),
        (12, None, gpu_at),
        (9, None, oom),
        (7, None, xid48),
        (8, None, xid94),
        (4, None, xid95),
        (8, None, edac),
    ]

    def render(_tag, content):
        return "[%s] %s" % (c.ctime(), content)
    write("KernelNvidia", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. Apache Druid with its default log4j2 configuration, pattern `%d{ISO8601} %p [%t] %c - %m%n`:
#    `2026-12-11T10:00:00,123 INFO [qtp1934185429-147] org.apache.druid.server.QueryResource - message`
#    (level not padded, thread in brackets, full logger name); the services of a small cluster
#    (coordinator-overlord, broker, historical, peon tasks) merged in time order. Content is what
#    follows ` - ` after the logger.
def druid():
    c = Clock(2, 2000)
    datasources = ["clickstream", "ad_events", "iot-telemetry", "billing_daily", "k8s_metrics"]
    tiers = ["_default_tier", "hot", "cold"]
    hosts = ["historical-0.druid.svc:8083", "historical-1.druid.svc:8083", "historical-2.druid.svc:8083",
             "middlemanager-0.druid.svc:8091", "10.40.2.17:8083"]
    qtp = ["qtp%d" % R.randint(10 ** 8, 2 * 10 ** 9) for _ in range(2)]

    def iso(ns):
        g = time.gmtime(ns // 10 ** 9)
        return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec,
                                                      (ns % 10 ** 9) // 10 ** 6)

    def segment(ds=None):
        start = (c.ns // 10 ** 9 // 3600 - R.randint(0, 30)) * 3600
        sid = "%s_%s_%s_%s" % (ds or pick(datasources), iso(start * 10 ** 9), iso((start + 3600) * 10 ** 9),
                               iso((start + R.randint(60, 4000)) * 10 ** 9 + R.randint(0, 999) * 10 ** 6))
        part = R.randint(0, 9)
        return sid + ("_%d" % part if part else "")

    def query():
        return ev("Query[<*>] on dataSource[<*>] of type[<*>] finished in [<*>]ms with [<*>] rows.",
                  uuid4(), pick(datasources), pick(["timeseries", "groupBy", "groupBy", "topN", "scan", "segmentMetadata"]),
                  int(rand_ns(2, 40000) // 10 ** 6) + 1, pick(["0", num(1, 50), num(1, 5000), num(1000, 900000)]))

    def balance():
        considered = R.randint(0, 4000)
        return ev("Tier[<*>]: moved [<*>] of [<*>] segments considered in [<*>]ms.", pick(tiers),
                  R.randint(0, min(considered, 50)), considered, R.randint(1, 2500))

    def persisted():
        return ev("Persisted [<*>] rows for [<*>] sinks in [<*>]ms, total hydrants [<*>].", R.randint(1, 500000),
                  R.randint(1, 12), R.randint(3, 9000), R.randint(1, 400))

    sync_errors = ["java.util.concurrent.TimeoutException: Timeout waiting for response",
                   "org.jboss.netty.channel.ChannelException: Channel disconnected",
                   "java.net.ConnectException: Connection refused: historical-2.druid.svc/10.40.2.19:8083",
                   "org.apache.druid.java.util.common.IOE: Received status [503] and content [Service Unavailable: the server is "
                   "shutting down, retry against another replica]",
                   "Unexpected end of input"]

    def sync_failed():
        return ev("Failed to sync with server[<*>] after [<*>] attempts: <*>", pick(hosts), R.randint(1, 20), pick(sync_errors))

    def task_id():
        ds = pick(datasources)
        return pick([("index_kafka_%s_%s_%s" % (ds, hexs(15), alnum(8, string.ascii_lowercase)), "index_kafka"),
                     ("compact_%s_%s_%s" % (ds, alnum(8, string.ascii_lowercase), iso(c.ns - R.randint(60, 9000) * 10 ** 9)), "compact"),
                     ("index_parallel_%s_%s_%s" % (ds, alnum(8, string.ascii_lowercase), iso(c.ns - R.randint(60, 9000) * 10 ** 9)),
                      "index_parallel")])

    def task_done():
        tid, typ = task_id()
        return ev("Task[<*>] of type[<*>] completed with status[<*>] after [<*>]ms.", tid, typ,
                  pick(["SUCCESS", "SUCCESS", "SUCCESS", "FAILED"]), R.randint(2000, 7200000))

    def lag():
        parts = R.randint(1, 6)
        per = {p: R.choice([0, R.randint(0, 300), R.randint(0, 90000)]) for p in range(parts)}
        CTX["ds"] = pick(datasources)
        return ev("Supervisor[<*>] lag: total[<*>], per partition <*>.", CTX["ds"], sum(per.values()),
                  "{" + ", ".join("%d=%d" % kv for kv in per.items()) + "}")

    query_errors = ["org.apache.druid.query.QueryInterruptedException: Query cancelled",
                    "org.apache.druid.query.ResourceLimitExceededException: Not enough merge buffers available to run the query, "
                    "wanted [2] but only [1] available",
                    "java.lang.OutOfMemoryError: Direct buffer memory",
                    "org.apache.druid.segment.SegmentMissingException: No segment found for interval [2026-12-10T00:00:00.000Z/"
                    "2026-12-10T01:00:00.000Z]",
                    "java.io.IOException: No space left on device"]

    def query_failed():
        return ev("Query[<*>] failed on segment[<*>]: <*>", uuid4(), segment(), pick(query_errors))

    def announce(word):
        def gen():
            h = pick(hosts[:3])
            return ev(word + " segment[<*>] at path[<*>]", segment(),
                      "/druid/segments/%s/%s_historical__default_tier_%s_%d" % (h, h, iso(c.ns - R.randint(3600, 90000) * 10 ** 9),
                                                                                R.randint(0, 400)))
        return gen

    reasons = Cycle(["Query timeout", "Client disconnected", "Query cancelled by user request",
                     "Resource limit exceeded: total rows [1,000,001] exceeded the limit [1,000,000]"])

    def cancel(with_reason):
        def gen():
            vals = [uuid4(), pick(datasources)]
            tail = ""
            if with_reason:
                tail = ", reason[<*>]"
                vals.append(reasons())
            return ev("Cancelling query[<*>] on dataSource[<*>]" + tail, *vals)
        return gen

    metrics = Cycle(["query/time", "segment/scan/pending", "jvm/gc/cpu", "ingest/events/processed", "query/cache/total/hitRate"])

    def emitted():
        m = metrics()
        obj = {"feed": "metrics", "metric": m, "service": pick(["druid/broker", "druid/historical", "druid/peon"]),
               "host": pick(hosts), "version": "31.0.1", "value": R.choice([R.randint(0, 90000), round(R.random(), 4)]),
               "timestamp": iso(c.ns - R.randint(0, 900) * 10 ** 6)}
        if m.startswith("query/time"):
            obj.update({"dataSource": pick(datasources), "type": "groupBy", "id": uuid4(), "success": "true"})
        if m.startswith("jvm/gc"):
            obj.update({"gcName": ["g1"], "gcGen": ["old", "young"]})
        return ev("[metrics] <*>", json.dumps(obj, separators=(",", ":")))

    def fmt_thousands(n):
        return "{:,}".format(n)

    def started():
        return ev("Started node with processors[<*>], maxMemory[<*>] bytes, directMemory[<*>] bytes.",
                  pick(["8", "16", "32", "64"]), fmt_thousands(pick([4, 8, 12, 16]) * 1024 ** 3 - R.randint(0, 9) * 1024 ** 2),
                  fmt_thousands(pick([6, 8, 16, 24]) * 1024 ** 3))

    rep = Cycle([("hot", "1", "2"), ("_default_tier", "0", "2"), ("hot", "2", "3"), ("cold", "0", "1")])

    def under_replicated():
        r = rep()
        return ev("Segment[<*>] is under-replicated on tier[<*>]: [<*>] of [<*>] replicas loaded.", segment(), *r)

    def processing():
        return "processing-%d" % R.randint(0, 15)

    def jetty():
        return "%s-%d" % (pick(qtp), R.randint(30, 220))

    events = [
        (100, ("INFO", jetty, "org.apache.druid.server.QueryResource"), query),
        (49, ("INFO", lambda: "Coordinator-Exec--0", "org.apache.druid.server.coordinator.duty.BalanceSegments"), balance),
        (30, ("INFO", lambda: "task-runner-0-priority-0", "org.apache.druid.segment.realtime.appenderator.StreamAppenderator"),
         persisted),
        (25, ("WARN", lambda: "HttpClient-Netty-Worker-%d" % R.randint(0, 15),
              "org.apache.druid.server.coordination.ChangeRequestHttpSyncer"), sync_failed),
        (20, ("INFO", lambda: "TaskQueue-Manager", "org.apache.druid.indexing.overlord.TaskQueue"), task_done),
        (16, ("INFO", lambda: "KafkaSupervisor-%s" % CTX["ds"], "org.apache.druid.indexing.kafka.supervisor.KafkaSupervisor"),
         lag),
        (14, ("ERROR", processing, "org.apache.druid.query.ChainedExecutionQueryRunner"), query_failed),
        (10, ("INFO", lambda: "ZKCoordinator--%d" % R.randint(0, 3), "org.apache.druid.server.coordination.BatchDataSegmentAnnouncer"),
         announce("Announcing")),
        (8, ("INFO", lambda: "ZKCoordinator--%d" % R.randint(0, 3), "org.apache.druid.server.coordination.BatchDataSegmentAnnouncer"),
         announce("Unannouncing")),
        (7, ("WARN", jetty, "org.apache.druid.server.QueryScheduler"), cancel(False)),
        (6, ("WARN", jetty, "org.apache.druid.server.QueryScheduler"), cancel(True)),
        (6, ("INFO", lambda: "LoggingEmitter-Emitter-%d" % R.randint(0, 1), "org.apache.druid.java.util.emitter.core.LoggingEmitter"),
         emitted),
        (5, ("INFO", lambda: "main", lambda: "org.apache.druid.cli.%s" % pick(["CliBroker", "CliHistorical", "CliCoordinator", "CliPeon"])),
         started),
        (4, ("WARN", lambda: "Coordinator-Exec--0", "org.apache.druid.server.coordinator.duty.RunRules"), under_replicated),
    ]

    def render(tag, content):
        level, thread, logger = tag
        return "%s %s [%s] %s - %s" % (c.log4j_iso(), level, thread(), logger if isinstance(logger, str) else logger(), content)
    write("Druid", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Apache NiFi `logs/nifi-app.log` with the logback pattern of its default `logback.xml`,
#    `%date %level [%thread] %logger{40} %msg%n`: `2026-12-11 10:00:00,123 INFO [Timer-Driven Process
#    Thread-7] o.a.n.c.s.StandardProcessScheduler Starting PutS3Object[id=...]` (level not padded,
#    thread names with spaces, the logger abbreviated by logback to at most 40 characters where it
#    can be: package segments cut to their first letter from the left). Content is what follows
#    the logger and one space.
def logback_abbreviate(fqcn, target=40):
    """logback's TargetLengthBasedClassNameAbbreviator."""
    if len(fqcn) <= target:
        return fqcn
    parts = fqcn.split(".")
    to_trim = len(fqcn) - target
    out = []
    for seg in parts[:-1]:
        if to_trim > 0 and len(seg) > 1:
            to_trim -= len(seg) - 1
            out.append(seg[0])
        else:
            out.append(seg)
    return ".".join(out + [parts[-1]])


def nifi():
    c = Clock(2, 2100)
    procs = {}
    for typ, n in [("PutS3Object", 2), ("ConsumeKafka_2_6", 2), ("PublishKafka_2_6", 2), ("PutSQL", 2), ("InvokeHTTP", 3),
                   ("ExecuteScript", 2), ("MergeContent", 1), ("ConvertRecord", 2), ("UpdateAttribute", 2), ("PutHDFS", 1)]:
        procs[typ] = [uuid4() for _ in range(n)]
    files = ["orders-%d.csv", "clicks_%d.json.gz", "%d.avro", "invoice-%d.pdf", "sensor-batch-%d.parquet", "part-%05d"]

    def flowfile():
        size = R.randint(120, 90000000)
        rid = "%d-%d" % (c.ns // 10 ** 6 - R.randint(10 ** 5, 10 ** 8), R.randint(1, 1024))
        return ("StandardFlowFileRecord[uuid=%s,claim=StandardContentClaim [resourceClaim=StandardResourceClaim[id=%s, "
                "container=default, section=%d], offset=%d, length=%d],offset=0,name=%s,size=%d]"
                % (uuid4(), rid, R.randint(1, 1024), R.randint(0, 10 ** 6), size, pick(files) % R.randint(1, 99999), size))

    def proc(typ):
        return "%s[id=%s]" % (typ, pick(procs[typ]))

    buckets = ["datalake-raw-eu", "nifi-archive", "finance-exports-prod", "iot.landing"]

    def s3_put():
        return ev("PutS3Object[id=<*>] Successfully put <*> to Amazon S3 bucket <*> as key <*> in <*> milliseconds",
                  pick(procs["PutS3Object"]), flowfile(), pick(buckets),
                  "%s/2026/12/11/%s" % (pick(["raw", "landing/iot", "exports"]), uuid4()), R.randint(40, 90000))

    def lifecycle(word):
        def gen():
            typ = pick(sorted(procs))
            return ev(word + " <*>[id=<*>]", typ, pick(procs[typ]))
        return gen

    def checkpoint():
        return ev("FlowFile Repository checkpoint completed: <*> records, <*> swap locations, took <*> ms",
                  R.randint(0, 400000), pick(["0", "0", "0", num(1, 40)]), R.randint(1, 9000))

    kafka_errors = ["org.apache.kafka.common.errors.TimeoutException: Expiring 14 record(s) for orders-events-3:120001 ms has "
                    "passed since batch creation",
                    "org.apache.kafka.common.errors.RecordTooLargeException: The message is 1349012 bytes when serialized which is "
                    "larger than 1048576, which is the value of the max.request.size configuration.",
                    "org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [audit.trail]",
                    "java.lang.InterruptedException"]

    def kafka_failed():
        return ev("PublishKafka_2_6[id=<*>] Failed to send <*> to Kafka topic <*>; routing to failure: <*>",
                  pick(procs["PublishKafka_2_6"]), flowfile(), pick(["orders-events", "audit.trail", "iot_readings_v2"]),
                  pick(kafka_errors))

    script_errors = ["java.lang.NullPointerException",
                     "org.apache.nifi.processor.exception.ProcessException: javax.script.ScriptException: "
                     "groovy.lang.MissingPropertyException: No such property: flowfile for class: Script42",
                     "java.net.SocketTimeoutException: timeout",
                     "org.apache.nifi.schema.access.SchemaNotFoundException: Unable to find schema with name 'orders_v3'",
                     "java.lang.IllegalStateException: StandardFlowFileRecord[uuid=%s] already in use for an active callback or "
                     "an InputStream created by ProcessSession.read(FlowFile) has not been closed" % uuid4()]

    def yielding():
        typ = pick(["ExecuteScript", "InvokeHTTP", "ConvertRecord", "PutHDFS"])
        return ev("<*>[id=<*>] Processing halted: yielding for <*> sec after uncaught exception: <*>", typ, pick(procs[typ]),
                  pick(["1", "1", "5", "30"]), pick(script_errors))

    ports = [("To Archive", "https://nifi-archive-0.example.net:8443/nifi"),
             ("iot ingest (EU)", "https://nifi-eu-1.example.net:8443/nifi,https://nifi-eu-2.example.net:8443/nifi"),
             ("reprocess", "https://10.8.4.21:9443/nifi")]

    def human():
        k = R.random()
        if k < 0.3:
            return "%d bytes" % R.randint(100, 1023)
        if k < 0.6:
            return "%.2f KB" % R.uniform(1, 1023)
        return "%.2f MB" % R.uniform(1, 900)

    def s2s():
        p = pick(ports)
        peer = pick(["nifi://nifi-archive-0.example.net:10443", "nifi://nifi-eu-1.example.net:10443", "http://10.8.4.21:9443"])
        return ev("RemoteGroupPort[name=<*>,targets=<*>] Transferred <*> FlowFiles (<*>) to <*> in <*> milliseconds at a rate of <*>/sec",
                  p[0], p[1], R.randint(1, 5000), human(), peer, R.randint(3, 40000), human())

    def heartbeat():
        return ev("Heartbeat sent to coordinator <*> in <*> millis, sequence <*>",
                  pick(["nifi-0.nifi-headless.data.svc.cluster.local:11443", "nifi-1.nifi-headless.data.svc.cluster.local:11443"]),
                  R.randint(1, 400), R.randint(1000, 99999))

    conns = Cycle([("success", uuid4()), ("failure / retry", uuid4()), ("parsed, enriched", uuid4()), ("matched", uuid4())])

    def back_pressure():
        k = conns()
        thr = pick(["10000", "20000", "50000"])
        return ev("Back pressure engaged on connection[id=<*>, name=<*>]: FlowFile count <*> reached threshold <*>, data size <*>",
                  k[1], k[0], int(thr) + R.randint(0, 40), thr, pick(["1 GB", "812.4 MB", "2.3 GB", "44.01 MB"]))

    def saved():
        return ev("Flow configuration saved to ./conf/flow.json.gz (<*> bytes) in <*> ms", R.randint(40000, 900000), R.randint(2, 800))

    sql_errors = Cycle(["java.sql.BatchUpdateException: Batch entry 0 INSERT INTO orders (id, customer_id, total) VALUES "
                        "(('81234'), ('4411'), ('19.90')) was aborted: ERROR: duplicate key value violates unique constraint "
                        "\"orders_pkey\"; Call getNextException to see other errors in the batch.",
                        "java.sql.SQLTransientConnectionException: Cannot get a connection, pool error Timeout waiting for idle object",
                        "org.postgresql.util.PSQLException: ERROR: relation \"staging.events\" does not exist",
                        "java.sql.SQLException: Connection is closed"])

    def sql_failed(word):
        def gen():
            return ev("PutSQL[id=<*>] Failed to update database due to <*>; routing <*> FlowFiles to " + word,
                      pick(procs["PutSQL"]), sql_errors(), pick(["1", "1", num(2, 400)]))
        return gen

    users = Cycle(["CN=svc-etl, OU=Data Platform, O=Example Corp", "alice@example.com", "CN=nifi-eu-2.example.net, OU=NIFI",
                   "anonymous"])

    def denied():
        return ev("Rejecting access for <*> to <*> <*>: <*>", users(), pick(["GET", "PUT", "POST", "DELETE"]),
                  pick(["/nifi-api/process-groups/root/processors", "/nifi-api/flow/process-groups/%s" % uuid4(),
                        "/nifi-api/provenance", "/nifi-api/controller/cluster"]),
                  pick(["Unable to view the user interface. Contact the system administrator.",
                        "No applicable policies could be found.", "Untrusted proxy", "Expired JWT"]))

    dirs = Cycle([("./lib", "9.81"), ("./extensions", "1.02"), ("./lib", "11.3"), ("/opt/nifi/nifi-current/nar_extensions", "0.4")])

    def loaded():
        d = dirs()
        return ev("Loaded <*> NAR bundles from <*> in <*> seconds", R.randint(2, 140), d[0], d[1])

    def timer():
        return "Timer-Driven Process Thread-%d" % R.randint(1, 10)

    def web():
        return "NiFi Web Server-%d" % R.randint(20, 400)

    events = [
        (95, ("INFO", timer, "org.apache.nifi.processors.aws.s3.PutS3Object"), s3_put),
        (50, ("INFO", web, "org.apache.nifi.controller.scheduling.StandardProcessScheduler"), lifecycle("Starting")),
        (25, ("INFO", web, "org.apache.nifi.controller.scheduling.StandardProcessScheduler"), lifecycle("Stopping")),
        (34, ("INFO", lambda: "pool-%d-thread-1" % R.randint(5, 9), "org.apache.nifi.controller.repository.WriteAheadFlowFileRepository"),
         checkpoint),
        (20, ("ERROR", timer, "org.apache.nifi.processors.kafka.pubsub.PublishKafka_2_6"), kafka_failed),
        (18, ("WARN", timer, "org.apache.nifi.controller.tasks.ConnectableTask"), yielding),
        (14, ("INFO", timer, "org.apache.nifi.remote.StandardRemoteGroupPort"), s2s),
        (10, ("INFO", lambda: "Clustering Tasks Thread-%d" % R.randint(1, 3), "org.apache.nifi.controller.cluster.ClusterProtocolHeartbeater"),
         heartbeat),
        (8, ("WARN", timer, "org.apache.nifi.controller.queue.StandardFlowFileQueue"), back_pressure),
        (7, ("INFO", lambda: "Flow Service Tasks Thread-%d" % R.randint(1, 2), "org.apache.nifi.controller.StandardFlowService"), saved),
        (6, ("ERROR", timer, "org.apache.nifi.processors.standard.PutSQL"), sql_failed("failure")),
        (4, ("WARN", timer, "org.apache.nifi.processors.standard.PutSQL"), sql_failed("retry")),
        (5, ("WARN", web, "org.apache.nifi.web.api.config.AccessDeniedExceptionMapper"), denied),
        (4, ("INFO", lambda: "main", "org.apache.nifi.nar.NarClassLoaders"), loaded),
    ]

    def render(tag, content):
        level, thread, logger = tag
        return "%s %s [%s] %s %s" % (c.logback(), level, thread(), logback_abbreviate(logger), content)
    write("NiFi", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. Knative Serving activator and autoscaler, zap's JSON encoder as Knative configures it: one
#    compact object a line, `{"level":"info","ts":"2026-12-11T10:00:00.123Z","logger":"autoscaler",
#    "caller":"kpa/scaler.go:356","msg":"...","commit":"4c1d2e7","knative.dev/key":"default/hello-00001"}`:
#    level, ts, logger, caller, msg, then the logger's context fields (`commit`, the activator's
#    `knative.dev/pod`, `knative.dev/key`) and an `error` member on error records. Content is the
#    string value of `msg`, JSON-decoded.
def knative():
    c = Clock(2, 1600)
    revisions = ["default/hello-00001", "default/hello-00002", "ml-serving/predictor-v2-00012", "payments/fraud-score-00007",
                 "web/storefront-00031", "ml-serving/embedder-00004"]
    activators = ["activator-6d9f7b8c5-%s" % alnum(5) for _ in range(3)]
    commit = {"activator": "4c1d2e7", "autoscaler": "4c1d2e7"}

    def rev():
        r = pick(revisions)
        CTX["key"] = r
        return r

    def pod_ip():
        return "10.244.%d.%d:8012" % (R.randint(0, 9), R.randint(2, 250))

    def f3(x):
        return "%.3f" % x

    def compute():
        rev()
        target = pick([100.0, 70.0, 10.0, 200.0])
        stable = R.uniform(0, 400)
        panic = stable * R.uniform(0.5, 2.2)
        ready = R.randint(0, 12)
        excess = ready * target - panic - R.uniform(0, 200)
        want = max(0, int(stable / target + 0.999))
        return ev("Scale computation: observed stable=<*> panic=<*> target=<*> excessBC=<*> readyPods=<*> want=<*> mode=<*>",
                  f3(stable), f3(panic), f3(target), f3(excess), ready, want, pick(["stable", "stable", "stable", "panic"]))

    def throttler():
        rev()
        backends = R.randint(0, 12)
        cc = pick([0, 10, 100])
        acts = R.randint(1, 3)
        return ev("Updating throttler capacity: backends=<*> containerConcurrency=<*> activators=<*> capacity=<*>",
                  backends, cc, acts, backends * cc // acts if cc else "+Inf")

    def scaling():
        rev()
        a = R.randint(0, 9)
        return ev("Scaling revision from <*> to <*> pods", a, pick([0, a + 1, a + R.randint(2, 5), max(a - 1, 0)]))

    proxy_errors = ["context canceled", "dial tcp %s: connect: connection refused" % pod_ip(),
                    "http: proxy error: EOF", "net/http: abort Handler",
                    "read tcp 10.244.1.33:41822->%s: read: connection reset by peer" % pod_ip()]

    def proxy_failed():
        rev()
        CTX["error"] = pick(proxy_errors)
        return ev("Proxy request failed")

    stat_errors = ["websocket: close 1006 (abnormal closure): unexpected EOF", "failed to decode stat message: unexpected EOF",
                   "stat for unknown revision \"web/storefront-00029\"", "queue full"]

    def stat_rejected():
        return ev("Stat message from <*> rejected: <*>", pod_ip().replace(":8012", ":%d" % R.randint(32768, 60999)),
                  pick(stat_errors))

    def endpoint(word):
        def gen():
            return ev("Endpoint <*> is now " + word + " for revision <*>", pod_ip(), rev())
        return gen

    reach = Cycle(["Reachable", "Unreachable", "Unknown", "Reachable"])

    def reconcile_scale():
        rev()
        return ev("Reconciling scale: current=<*> desired=<*> activatorCount=<*> reachability=<*>", R.randint(0, 9), R.randint(0, 12),
                  pick(["1", "2", "3"]), reach())

    def timed_out(depth):
        def gen():
            vals = [rev(), rand_go(1000, 600000)]
            tail = ""
            if depth:
                tail = " (queue depth <*>)"
                vals.append(R.randint(1, 800))
            return ev("Request to <*> timed out after <*>" + tail, *vals)
        return gen

    def breaker_full():
        r = rev()
        return ev("<*>: breaker queue full, <*> requests pending (capacity <*>)", r, R.randint(100, 10000), pick(["100", "1000", "10000"]))

    def starting():
        return ev("Starting the Knative activator")

    status_errors = Cycle(['Operation cannot be fulfilled on podautoscalers.autoscaling.internal.knative.dev "%s": the '
                           'object has been modified; please apply your changes to the latest version and try again',
                           "context deadline exceeded",
                           'podautoscalers.autoscaling.internal.knative.dev "%s" not found'])

    def status_failed():
        r = rev()
        e = status_errors()
        return ev("Failed to update status for <*>: <*>", r, e % r.split("/")[1] if "%s" in e else e)

    events = [
        (110, ("debug", "autoscaler", "scaling/autoscaler.go:264"), compute),
        (55, ("debug", "activator", "net/throttler.go:331"), throttler),
        (30, ("info", "autoscaler", "kpa/scaler.go:356"), scaling),
        (22, ("error", "activator", "handler/handler.go:141"), proxy_failed),
        (18, ("warn", "autoscaler", "statserver/server.go:204"), stat_rejected),
        (16, ("info", "activator", "net/revision_backends.go:344"), endpoint("ready")),
        (9, ("info", "activator", "net/revision_backends.go:351"), endpoint("unready")),
        (12, ("info", "autoscaler", "kpa/kpa.go:188"), reconcile_scale),
        (8, ("warn", "activator", "handler/handler.go:118"), timed_out(False)),
        (5, ("warn", "activator", "handler/handler.go:118"), timed_out(True)),
        (6, ("warn", "activator", "net/throttler.go:412"), breaker_full),
        (4, ("info", "activator", "activator/main.go:142"), starting),
        (5, ("warn", "autoscaler", "kpa/kpa.go:121"), status_failed),
    ]
    assert len(events) == 13

    def render(tag, content):
        level, logger, caller = tag
        rec = {"level": level, "ts": c.zap_iso(), "logger": logger, "caller": caller, "msg": content, "commit": commit[logger]}
        if logger == "activator":
            rec["knative.dev/pod"] = pick(activators)
        if "key" in CTX:
            rec["knative.dev/key"] = CTX["key"]
        if level == "error":
            rec["error"] = CTX["error"]
        return json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
    write("Knative", c, events, render, content_of=knative_msg)


def knative_msg(line):
    return json.loads(line)["msg"]


# ------------------------------------------------------------------------------------------
# Read-back checks.
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


MON = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
# Per system: exactly what precedes Content on every raw line (Knative is JSON).
HEADERS = {
    "KubeApiserver": re.compile(r"[IWE]\d{4} \d\d:\d\d:\d\d\.\d{6} [ \d]{7} [a-z_]+\.go:\d+\] "),
    "DockerDaemon": re.compile(MON + r" \d\d \d\d:\d\d:\d\d ci-runner-12 dockerd\[\d+\]: "
                               r'time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z" level=(debug|info|warning|error) '),
    "KernelNvidia": re.compile(r"\[(Mon|Tue|Wed|Thu|Fri|Sat|Sun) " + MON + r" [ \d]\d \d\d:\d\d:\d\d \d{4}\] "),
    "Druid": re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d,\d{3} (DEBUG|INFO|WARN|ERROR) \[[^\]]+\] org\.apache\.druid(\.[A-Za-z]+)+ - "),
    "NiFi": re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (DEBUG|INFO|WARN|ERROR) \[[^\]]+] ([a-z0-9_]+\.)+[A-Z][A-Za-z0-9_]* "),
}
KNATIVE_KEYS = ["level", "ts", "logger", "caller", "msg", "commit"]


def check_knative_line(line, content, where):
    obj = json.loads(line)
    assert obj["msg"] == content, where
    keys = list(obj)
    assert keys[:6] == KNATIVE_KEYS, (where, keys)
    rest = [k for k in ["knative.dev/pod", "knative.dev/key", "error"] if k in obj]
    assert keys[6:] == rest, (where, keys)
    assert ("knative.dev/pod" in obj) == (obj["logger"] == "activator"), where
    assert ("error" in obj) == (obj["level"] == "error"), where
    assert obj["level"] in ("debug", "info", "warn", "error"), where
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", obj["ts"]), where
    assert re.fullmatch(r"[a-z_/]+\.go:\d+", obj["caller"]), where
    assert line == json.dumps(obj, ensure_ascii=False, separators=(",", ":")), where


def self_check():
    """Reads every written file back and asserts the corpus invariants; returns the per-system
    event counts."""
    summary = {}
    for system in SYSTEMS:
        folder = os.path.join(HERE, system)
        with open(os.path.join(folder, system + ".log"), encoding="utf-8", newline="") as f:
            raw = f.read()
        assert raw.endswith("\n") and "\r" not in raw, system
        lines = raw[:-1].split("\n")
        assert len(lines) == LINES, (system, len(lines))
        with open(os.path.join(folder, system + ".log_structured.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], system
        rows = rows[1:]
        assert len(rows) == LINES, (system, len(rows))
        templates, counts, slots = {}, {}, {}
        for i, (row, line) in enumerate(zip(rows, lines)):
            where = (system, i + 1)
            assert len(row) == 4, where
            line_id, content, event_id, template = row
            assert line_id == str(i + 1), where
            assert re.fullmatch(r"E[0-9]+", event_id), where
            assert content and content == content.strip(), where
            if system == "Knative":
                check_knative_line(line, content, where)
            else:
                assert line.endswith(content), where
                assert HEADERS[system].fullmatch(line[:len(line) - len(content)]), (where, line)
            assert "<*><*>" not in template, (system, template)
            m = template_regex(template).fullmatch(content)
            assert m, (where, template, content)
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
    """Timestamps never go back (read back from the header in a sortable form)."""
    def docker_key(line):
        m = re.match(MON + r' (\d\d) (\d\d:\d\d:\d\d) .*? time="([^"]+)"', line)
        journal = "2026-%02d-%sT%s" % (MONTHS.index(m.group(1)) + 1, m.group(2), m.group(3))
        assert m.group(4).startswith(journal), line  # the journal and logrus times agree to the second
        return m.group(4)

    def kernel_key(line):
        m = re.match(r"\[\w{3} " + MON + r" ([ \d]\d) (\d\d:\d\d:\d\d) (\d{4})\] ", line)
        return "%s-%02d-%02d %s" % (m.group(4), MONTHS.index(m.group(1)) + 1, int(m.group(2)), m.group(3))

    keys = {
        "KubeApiserver": lambda l: l[1:21],
        "DockerDaemon": docker_key,
        "KernelNvidia": kernel_key,
        "Druid": lambda l: l[:23],
        "NiFi": lambda l: l[:23],
        "Knative": lambda l: json.loads(l)["ts"],
    }
    for system, key in keys.items():
        with open(os.path.join(HERE, system, system + ".log"), encoding="utf-8") as f:
            stamps = [key(l) for l in f.read().splitlines()]
        assert len(stamps) == LINES, system
        assert stamps == sorted(stamps), system


if __name__ == "__main__":
    kube()
    docker()
    kernel()
    druid()
    nifi()
    knative()
    check_clock_order()
    for system, counts in self_check().items():
        print("%-14s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
