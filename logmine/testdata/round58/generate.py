#!/usr/bin/env python3
"""Round 58: blind labelled log corpus for a log template miner.

Python 3 standard library only and fully deterministic: no wall clock, no
locale.  Every system k (1..6) draws all of its randomness from its own
random.Random(20270171 * 10 + k).  Time is an integer nanosecond clock on
2026-03-14 UTC.  Running the script writes <System>/<System>.log and
<System>/<System>.log_structured.csv for every system and then self-checks
the written files.
"""

import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270171
N_LINES = 300
OUT_DIR = os.path.dirname(os.path.abspath(__file__))

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
NS = 1_000_000_000
MS = 1_000_000
US = 1_000
DAY_NS = 86400 * NS


# ---------------------------------------------------------------- clock ----

def at(h, m, s=0, ns=0):
    return ((h * 60 + m) * 60 + s) * NS + ns


def split_clock(t):
    assert 0 <= t < DAY_NS, "clock left 2026-03-14"
    s, frac = divmod(t, NS)
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return h, m, sec, frac


def ts_rfc3339nano(t):
    """Go time.RFC3339Nano in UTC: trailing zeros of the fraction trimmed."""
    h, m, s, f = split_clock(t)
    fr = ("%09d" % f).rstrip("0")
    return "%04d-%02d-%02dT%02d:%02d:%02d%sZ" % (
        YEAR, MONTH, DAY, h, m, s, ("." + fr) if fr else "")


def ts_rfc3339(t):
    h, m, s, _ = split_clock(t)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (YEAR, MONTH, DAY, h, m, s)


def ts_datadog(t):
    h, m, s, _ = split_clock(t)
    return "%04d-%02d-%02d %02d:%02d:%02d UTC" % (YEAR, MONTH, DAY, h, m, s)


def ts_zabbix(t):
    h, m, s, f = split_clock(t)
    return "%04d/%02d/%02d %02d:%02d:%02d.%06d" % (YEAR, MONTH, DAY, h, m, s, f // US)


def ts_syslog(t):
    h, m, s, _ = split_clock(t)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[MONTH - 1], DAY, h, m, s)


def go_dur(ns):
    """Go time.Duration.String() for non-negative durations."""
    if ns < US:
        return "%dns" % ns
    if ns < MS:
        unit, div = "\u00b5s", US
    elif ns < NS:
        unit, div = "ms", MS
    else:
        mins, rest = divmod(ns, 60 * NS)
        sec, frac = divmod(rest, NS)
        fr = ("%09d" % frac).rstrip("0")
        s = "%d%ss" % (sec, ("." + fr) if fr else "")
        if mins == 0:
            return s
        hours, mins = divmod(mins, 60)
        return ("%dh" % hours if hours else "") + "%dm" % mins + s
    whole, frac = divmod(ns, div)
    digits = len(str(div)) - 1
    fr = ("%0*d" % (digits, frac)).rstrip("0")
    return "%d%s%s" % (whole, ("." + fr) if fr else "", unit)


# -------------------------------------------------------------- helpers ----

class Ev:
    """One declared event type; its EventId is its 1-based declaration index."""

    def __init__(self, key, template, count=None, **hdr):
        self.key = key
        self.template = template
        self.count = count
        self.hdr = hdr
        self.slots = template.count("<*>")


class Cycler:
    """Small pools cycle per (event, slot) from a seeded start position."""

    def __init__(self, rng):
        self.rng = rng
        self.pos = {}

    def __call__(self, ev, slot, pool):
        key = (ev, slot)
        if key not in self.pos:
            self.pos[key] = self.rng.randrange(len(pool))
        i = self.pos[key]
        self.pos[key] = i + 1
        return pool[i % len(pool)]


class Bag:
    """Draw outcomes without replacement from a refilled, shuffled bag."""

    def __init__(self, rng, items):
        self.rng = rng
        self.items = list(items)
        self.cur = []

    def draw(self):
        if not self.cur:
            self.cur = list(self.items)
            self.rng.shuffle(self.cur)
        return self.cur.pop()


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid4(rng):
    h = hexs(rng, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"), h[17:20], h[20:])


def kname(rng, n):
    return "".join(rng.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(n))


def esc(s):
    """Backslash-escape for a double-quoted logfmt / logrus value."""
    return s.replace("\\", "\\\\").replace('"', '\\"')


def exp_ns(rng, mean_s):
    return max(1, int(rng.expovariate(1.0 / mean_s) * NS))


def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) - 1 == len(values), (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (template, v)
        out.append(v)
        out.append(p)
    return "".join(out)


def run_shuffle(rng, events, start, mean_gap_s, make):
    seq = []
    for ev in events:
        seq.extend([ev.key] * ev.count)
    assert len(seq) == N_LINES, (len(seq), [e.key for e in events])
    rng.shuffle(seq)
    t = start
    recs = []
    for key in seq:
        t += exp_ns(rng, mean_gap_s)
        vals, extra = make(key)
        recs.append((t, key, vals, extra))
    return recs


class Sim:
    """Collects lines from entities that each run on their own clock."""

    def __init__(self):
        self.recs = []

    def emit(self, t, key, vals, extra=None):
        self.recs.append((t, len(self.recs), key, vals, extra))

    def first(self, n=N_LINES):
        assert len(self.recs) >= n, "simulation produced too few lines"
        recs = sorted(self.recs, key=lambda r: (r[0], r[1]))[:n]
        return [(t, k, v, x) for t, _, k, v, x in recs]


# ============================================================ 1 Promtail ===

LOKI_HOSTS = ["loki-gateway.logging.svc.cluster.local:80", "loki.obs-shared.example.net:443"]

PROMTAIL_EVENTS = [
    Ev("add_target", 'msg="Adding target" key="<*>"', level="info", caller="filetargetmanager.go:361"),
    Ev("remove_target", 'msg="Removing target" key="<*>"', level="info", caller="filetargetmanager.go:397"),
    Ev("watch_dir", 'msg="watching new directory" directory=<*>', level="info", caller="filetarget.go:313"),
    Ev("unwatch_dir", 'msg="removing directory from watcher" directory=<*>', level="info", caller="filetarget.go:326"),
    Ev("tail_started", 'component=tailer msg="tail routine: started" path=<*>', level="info", caller="tailer.go:145"),
    Ev("tail_exited", 'component=tailer msg="tail routine: exited" path=<*>', level="info", caller="tailer.go:152"),
    Ev("tail_chan_closed", 'component=tailer msg="tail routine: tail channel closed, stopping tailer" path=<*> reason=null',
       level="info", caller="tailer.go:164"),
    Ev("stopped_tailing", 'component=tailer msg="stopped tailing file" path=<*>', level="info", caller="tailer.go:254"),
    Ev("skip_position", 'component=tailer msg="skipping update of position for a file which does not currently exist" path=<*>',
       level="info", caller="tailer.go:202"),
    Ev("seeked", 'msg="Seeked <*> - &{Offset:<*> Whence:0}"', level="info", caller="log.go:168"),
    Ev("reopening", 'msg="Re-opening moved/deleted file <*> ..."', level="info", caller="log.go:168"),
    Ev("reopened", 'msg="Successfully reopened <*>"', level="info", caller="log.go:168"),
    Ev("batch_retry", 'component=client host=<*> msg="error sending batch, will retry" status=<*> tenant= error="<*>"',
       level="warn", caller="client.go:419"),
    Ev("batch_final", 'component=client host=<*> msg="final error sending batch" status=<*> tenant= error="<*>"',
       level="error", caller="client.go:430"),
]

PROMTAIL_HEADER_RE = (r"level=(?:debug|info|warn|error) "
                      r"ts=(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z) "
                      r"caller=[\w.]+\.go:\d+ ")


def promtail_header(t, ev, extra):
    return "level=%s ts=%s caller=%s " % (ev.hdr["level"], ts_rfc3339nano(t), ev.hdr["caller"])


PROMTAIL_APPS = [
    ("payments", "payments-api", "api", "deploy"),
    ("payments", "ledger-worker", "worker", "deploy"),
    ("web", "storefront", "nginx", "deploy"),
    ("web", "storefront", "php-fpm", "deploy"),
    ("batch", "report-builder", "builder", "job"),
    ("ci", "runner-job", "build", "job"),
    ("search", "indexer", "indexer", "deploy"),
    ("kube-system", "coredns", "coredns", "deploy"),
    ("batch", "invoice-export", "export", "job"),
    ("auth", "keycloak", "keycloak", "deploy"),
]
PROMTAIL_NODE = "ip-10-42-7-19.eu-west-1.compute.internal"


def promtail_error(rng, cyc, host, ev):
    status = cyc(ev, "status", [429, 429, 500, 429, -1, 503, 429])
    scheme = "https" if host.endswith(":443") else "http"
    push = "%s://%s/loki/api/v1/push" % (scheme, host.rsplit(":", 1)[0])
    if status == 429:
        lines = rng.randint(180, 2400)
        err = ("server returned HTTP status 429 Too Many Requests (429): Ingestion rate limit exceeded for "
               "user fake (limit: 4194304 bytes/sec) while attempting to ingest '%d' lines totaling '%d' bytes, "
               "reduce log volume or contact your Loki administrator to see if the limit can be increased"
               % (lines, lines * rng.randint(180, 900)))
    elif status == 500:
        err = ('server returned HTTP status 500 Internal Server Error (500): rpc error: code = Unavailable desc = '
               'connection error: desc = "transport: Error while dialing: dial tcp 10.0.%d.%d:9095: connect: '
               'connection refused"' % (rng.randint(16, 63), rng.randint(2, 250)))
    elif status == 503:
        err = ("server returned HTTP status 503 Service Unavailable (503): upstream connect error or "
               "disconnect/reset before headers. reset reason: connection failure")
    else:
        reason = cyc(ev, "neterr", [
            "context deadline exceeded",
            "dial tcp 10.96.%d.%d:80: connect: connection refused" % (rng.randint(0, 255), rng.randint(2, 250)),
            "read tcp 10.42.7.%d:%d->10.96.112.40:80: read: connection reset by peer"
            % (rng.randint(2, 250), rng.randint(32768, 60999)),
        ])
        err = 'Post "%s": %s' % (push, reason)
    return status, esc(err)


def gen_promtail(rng, cyc):
    sim = Sim()
    T0 = at(9, 41, 7, 318_204_551)
    horizon = T0 + 3600 * NS
    skip_bag = Bag(rng, [True, False, False])
    chan_bag = Bag(rng, [True, False, False, False])

    def pod(t0, initial):
        ns_, app, cont, kind = cyc("pod", "app", PROMTAIL_APPS)
        uid = uuid4(rng)
        if kind == "job":
            pname = "%s-%d-%s" % (app, rng.randint(29500000, 29599999), kname(rng, 5))
        else:
            pname = "%s-%s-%s" % (app, kname(rng, 10), kname(rng, 5))
        labels = ('{app="%s", container="%s", job="%s/%s", namespace="%s", node_name="%s", pod="%s"}'
                  % (app, cont, ns_, app, ns_, PROMTAIL_NODE, pname))
        key = esc("/var/log/pods/*%s/%s/*.log:%s" % (uid, cont, labels))
        directory = "/var/log/pods/%s_%s_%s/%s" % (ns_, pname, uid, cont)
        path = directory + "/0.log"
        t = t0
        sim.emit(t, "add_target", [key])
        t += rng.randint(40, 400) * US
        sim.emit(t, "watch_dir", [directory])
        t += rng.randint(20, 300) * US
        sim.emit(t, "tail_started", [path])
        t += rng.randint(10, 200) * US
        offset = rng.randint(2_000, 48_000_000) if initial else 0
        sim.emit(t, "seeked", [path, offset])
        if kind == "job":
            life = rng.randint(50, 420) * NS
        elif initial:
            life = exp_ns(rng, 3000)
        else:
            life = exp_ns(rng, 1500)
        t_end = t + life
        tr = t + exp_ns(rng, 1500)
        while tr < t_end:
            sim.emit(tr, "reopening", [path])
            sim.emit(tr + rng.randint(150, 2500) * US, "reopened", [path])
            tr += exp_ns(rng, 1500)
        t = t_end
        if skip_bag.draw():
            sim.emit(t, "skip_position", [path])
            t += rng.randint(200, 4000) * MS
        else:
            t += rng.randint(1, 900) * MS
        sim.emit(t, "remove_target", [key])
        t += rng.randint(30, 400) * US
        if chan_bag.draw():
            sim.emit(t, "tail_chan_closed", [path])
            t += rng.randint(10, 120) * US
        sim.emit(t, "tail_exited", [path])
        t += rng.randint(10, 200) * US
        sim.emit(t, "stopped_tailing", [path])
        t += rng.randint(20, 300) * US
        sim.emit(t, "unwatch_dir", [directory])

    # pods already on the node when promtail starts (positions file has offsets)
    t = T0
    for _ in range(7):
        t += rng.randint(300, 2500) * US
        pod(t, True)
    # pods scheduled afterwards
    t = T0 + 2 * NS
    while t < horizon:
        t += exp_ns(rng, 50)
        pod(t, False)

    # two clients (two Loki URLs), each sending batches one after another;
    # backoff_config: min_period 250ms, max_period 10s, max_retries 10
    fail_bag = Bag(rng, [1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 10])
    for ci, host in enumerate(LOKI_HOSTS):
        t = T0 + (5 + 7 * ci) * NS
        while t < horizon:
            t += exp_ns(rng, 26)
            fails = fail_bag.draw()
            backoff = 250 * MS
            for attempt in range(fails):
                t += rng.randint(20, 10_000) * MS if attempt == 0 else 0
                st, err = promtail_error(rng, cyc, host, "batch_retry")
                sim.emit(t, "batch_retry", [host, st, err])
                t += int(backoff * (0.5 + rng.random()))
                backoff = min(backoff * 2, 10 * NS)
            if fails == 10:
                st, err = promtail_error(rng, cyc, host, "batch_final")
                sim.emit(t, "batch_final", [host, st, err])
    return sim.first()


# ======================================================== 2 GrafanaAlloy ===

ALLOY_NODES = ["discovery.kubernetes.pods", "discovery.relabel.pods", "prometheus.scrape.pods",
               "prometheus.remote_write.default", "prometheus.remote_write.grafana_cloud",
               "loki.source.kubernetes.pods", "loki.process.json", "loki.write.default",
               "local.file_match.node_logs", "loki.source.file.node_logs", "prometheus.exporter.unix.node",
               "prometheus.scrape.node", "discovery.relabel.node"]
ALLOY_RW = [("prometheus.remote_write.default", "3f9e1a", "https://mimir.obs.example.internal/api/v1/push"),
            ("prometheus.remote_write.grafana_cloud", "b07c44",
             "https://prometheus-prod-24-prod-eu-west-2.grafana.net/api/prom/push")]
ALLOY_FILES = ["/var/log/syslog", "/var/log/auth.log", "/var/log/kern.log", "/var/log/dpkg.log",
               "/var/log/cloud-init.log", "/var/log/alternatives.log", "/var/log/unattended-upgrades/unattended-upgrades.log"]

ALLOY_EVENTS = [
    Ev("node_eval", 'msg="finished node evaluation" controller_path=/ controller_id="" trace_id=<*> node_id=<*> duration=<*>',
       95, level="info"),
    Ev("graph_start", 'msg="starting complete graph evaluation" controller_path=/ controller_id="" trace_id=<*>',
       5, level="info"),
    Ev("graph_done", 'msg="finished complete graph evaluation" controller_path=/ controller_id="" trace_id=<*> duration=<*>',
       5, level="info"),
    Ev("rw_retry", 'msg="Failed to send batch, retrying" component_path=/ component_id=<*> subcomponent=rw '
                   'remote_name=<*> url=<*> err="<*>"', 30, level="warn"),
    Ev("wal_done", 'msg="Done replaying WAL" component_path=/ component_id=<*> subcomponent=rw remote_name=<*> '
                   'url=<*> duration=<*>', 4, level="info"),
    Ev("reshard", 'msg="Remote storage resharding" component_path=/ component_id=<*> subcomponent=rw remote_name=<*> '
                  'url=<*> from=<*> to=<*>', 8, level="info"),
    Ev("tail_started", 'msg="tail routine: started" component_path=/ component_id=loki.source.file.node_logs '
                       'component=tailer path=<*>', 20, level="info"),
    Ev("tail_exited", 'msg="tail routine: exited" component_path=/ component_id=loki.source.file.node_logs '
                      'component=tailer path=<*>', 18, level="info"),
    Ev("stopped_tailing", 'msg="stopped tailing file" component_path=/ component_id=loki.source.file.node_logs '
                          'component=tailer path=<*>', 20, level="info"),
    Ev("seeked", 'msg="Seeked <*> - &{Offset:<*> Whence:0}" component_path=/ component_id=loki.source.file.node_logs '
                 'component=tailer', 20, level="info"),
    Ev("loki_retry", 'msg="error sending batch, will retry" component_path=/ component_id=loki.write.default '
                     'component=client host=logs-prod-012.grafana.net status=<*> tenant="" error="<*>"',
       40, level="warn"),
    Ev("log_stream", 'msg="opened log stream" component_path=/ component_id=loki.source.kubernetes.pods target=<*>',
       25, level="info"),
    Ev("peers", 'msg="peers changed" service=cluster peers_count=<*> min_cluster_size=0 peers=<*>', 6, level="info"),
    Ev("eval_fail", 'msg="failed to evaluate config" controller_path=/ controller_id="" trace_id=<*> node=<*> err="<*>"',
       4, level="error"),
]

ALLOY_HEADER_RE = (r"ts=(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z) "
                   r"level=(?:debug|info|warn|error) ")


def alloy_header(t, ev, extra):
    return "ts=%s level=%s " % (ts_rfc3339nano(t), ev.hdr["level"])


def gen_alloy(rng, cyc):
    targets = [("monitoring", "kube-state-metrics-6c9f7d8b5d-%s" % kname(rng, 5), "kube-state-metrics"),
               ("payments", "payments-api-7f6d9c8b4-%s" % kname(rng, 5), "api"),
               ("payments", "payments-api-7f6d9c8b4-%s" % kname(rng, 5), "istio-proxy"),
               ("web", "storefront-5b8c7d9f6-%s" % kname(rng, 5), "nginx"),
               ("ingress-nginx", "ingress-nginx-controller-84c9b7d6f-%s" % kname(rng, 5), "controller"),
               ("kube-system", "coredns-5d78c9869d-%s" % kname(rng, 5), "coredns"),
               ("batch", "report-builder-2951%04d-%s" % (rng.randint(0, 9999), kname(rng, 5)), "builder")]
    peer_sets = [["alloy-0", "alloy-1", "alloy-2"], ["alloy-0", "alloy-2"], ["alloy-0", "alloy-1", "alloy-2", "alloy-3"],
                 ["alloy-1", "alloy-2", "alloy-3"]]
    eval_errs = [
        ('discovery.relabel.pods', '/etc/alloy/config.alloy:48:14: component "discovery.kubernetes.pod.targets" '
                                   'does not exist or is out of scope'),
        ('prometheus.remote_write.grafana_cloud', '/etc/alloy/config.alloy:97:5: missing required attribute "url"'),
        ('loki.process.json', '/etc/alloy/config.alloy:131:3: stage.json: expressions must not be empty'),
    ]

    def make(key):
        if key == "node_eval":
            d = rng.randint(4 * US, 45 * MS) if rng.random() < 0.9 else rng.randint(50 * MS, 2400 * MS)
            return [hexs(rng, 32), cyc(key, "node", ALLOY_NODES), go_dur(d)], None
        if key == "graph_start":
            return [hexs(rng, 32)], None
        if key == "graph_done":
            return [hexs(rng, 32), go_dur(rng.randint(8 * MS, 900 * MS))], None
        if key == "rw_retry":
            cid, rn, url = cyc(key, "rw", ALLOY_RW)
            kind = cyc(key, "err", ["429", "deadline", "500", "429"])
            if kind == "429":
                err = ("server returned HTTP status 429 Too Many Requests: the request has been rejected because the "
                       "tenant exceeded the ingestion rate limit, set to %d items/s with a maximum allowed burst of "
                       "%d (err-mimir-tenant-max-ingestion-rate)" % (rng.choice([100000, 150000]),
                                                                    rng.choice([1000000, 1500000])))
            elif kind == "500":
                err = ("server returned HTTP status 500 Internal Server Error: failed pushing to ingester "
                       "mimir-ingester-zone-%s-%d: context deadline exceeded" % (rng.choice("abc"), rng.randint(0, 5)))
            else:
                err = 'Post "%s": context deadline exceeded' % url
            return [cid, rn, url, esc(err)], None
        if key == "wal_done":
            cid, rn, url = cyc(key, "rw", ALLOY_RW)
            return [cid, rn, url, go_dur(rng.randint(3 * MS, 9 * NS))], None
        if key == "reshard":
            cid, rn, url = cyc(key, "rw", ALLOY_RW)
            a, b = cyc(key, "shards", [(1, 2), (2, 4), (4, 3), (3, 1), (1, 6), (6, 2)])
            return [cid, rn, url, a, b], None
        if key in ("tail_started", "tail_exited", "stopped_tailing"):
            return [cyc(key, "path", ALLOY_FILES)], None
        if key == "seeked":
            return [cyc(key, "path", ALLOY_FILES), rng.randint(0, 90_000_000) if rng.random() < 0.8 else 0], None
        if key == "loki_retry":
            st = cyc(key, "status", [429, 429, 500, -1, 429, 502])
            if st == 429:
                n = rng.randint(120, 3000)
                err = ("server returned HTTP status 429 Too Many Requests (429): Ingestion rate limit exceeded for "
                       "user 482913 (limit: 4194304 bytes/sec) while attempting to ingest '%d' lines totaling '%d' "
                       "bytes, reduce log volume or contact your Loki administrator to see if the limit can be "
                       "increased" % (n, n * rng.randint(150, 800)))
            elif st == 500:
                err = "server returned HTTP status 500 Internal Server Error (500): empty ring"
            elif st == 502:
                err = "server returned HTTP status 502 Bad Gateway (502): "
                err += "upstream connect error or disconnect/reset before headers. reset reason: overflow"
            else:
                err = 'Post "https://logs-prod-012.grafana.net/loki/api/v1/push": ' + cyc(
                    key, "net", ["context deadline exceeded",
                                 "dial tcp 34.%d.%d.%d:443: i/o timeout" % (rng.randint(64, 120), rng.randint(0, 255),
                                                                           rng.randint(1, 254))])
            return [st, esc(err)], None
        if key == "log_stream":
            ns_, pod, cont = cyc(key, "target", targets)
            return ["%s/%s:%s" % (ns_, pod, cont)], None
        if key == "peers":
            ps = cyc(key, "peers", peer_sets)
            return [len(ps), ",".join(ps)], None
        if key == "eval_fail":
            node, err = cyc(key, "err", eval_errs)
            return [hexs(rng, 32), node, esc(err)], None
        raise KeyError(key)

    return run_shuffle(rng, ALLOY_EVENTS, at(7, 15, 42, 118_003_200), 3.1, make)


# ======================================================== 3 DatadogAgent ===

DD_SITE = "https://7-52-1-app.agent.datadoghq.com"

DD_EVENTS = [
    Ev("check_start", "Running check...", 80, level="INFO",
       src="pkg/collector/worker/check_logger.go:40 in CheckStarted", ctx=True),
    Ev("check_done", "Done running check", 78, level="INFO",
       src="pkg/collector/worker/check_logger.go:59 in CheckFinished", ctx=True),
    Ev("check_error", "Error running check: <*>", 20, level="ERROR",
       src="pkg/collector/worker/check_logger.go:69 in Error", ctx=True),
    Ev("tx_ok", 'Successfully posted payload to "<*>" (<*>), the agent will only log transaction success every 500 '
                'transactions', 14, level="INFO",
       src="comp/forwarder/defaultforwarder/transaction/transaction.go:433 in internalProcess"),
    Ev("tx_err", 'Error while processing transaction: error while sending transaction, rescheduling it: Post "<*>": <*>',
       40, level="ERROR", src="comp/forwarder/defaultforwarder/worker.go:191 in process"),
    Ev("too_many", "Too many errors for endpoint '<*>': retrying later", 18, level="ERROR",
       src="comp/forwarder/defaultforwarder/domain_forwarder.go:139 in retryTransactions"),
    Ev("host_meta", "Sent host metadata payload, size (raw/compressed): <*>/<*> bytes.", 6, level="INFO",
       src="pkg/serializer/serializer.go:455 in sendMetadata"),
    Ev("tailer_start", "Starting a new tailer for: <*> (offset: <*>, whence: <*>)", 12, level="INFO",
       src="pkg/logs/launchers/file/launcher.go:392 in startNewTailer"),
    Ev("tailer_closed", "Closed <*> for tailer key <*>. Read <*> bytes and <*> lines", 9, level="INFO",
       src="pkg/logs/tailers/file/tailer.go:263 in readForever"),
    Ev("schedule", "Scheduling check <*> with an interval of <*>", 8, level="INFO",
       src="pkg/collector/scheduler/scheduler.go:87 in Enter"),
    Ev("unschedule", "Unscheduling check <*>", 5, level="INFO",
       src="pkg/collector/scheduler/scheduler.go:131 in Cancel"),
    Ev("load_fail", "Unable to load a check from instance of config '<*>': <*>", 4, level="ERROR",
       src="pkg/collector/scheduler.go:204 in getChecks"),
    Ev("open_fail", "Could not open file <*>: <*>", 6, level="WARN",
       src="pkg/logs/launchers/file/launcher.go:371 in startNewTailer"),
]

DD_HEADER_RE = (r"(?P<ts>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) UTC \| CORE \| "
                r"(?:TRACE|DEBUG|INFO|WARN|ERROR|CRITICAL) \| \([\w./-]+\.go:\d+ in \w+\) \| "
                r"(?:check:[\w.-]+ \| )?")


def dd_header(t, ev, extra):
    h = "%s | CORE | %s | (%s) | " % (ts_datadog(t), ev.hdr["level"], ev.hdr["src"])
    if ev.hdr.get("ctx"):
        h += "check:%s | " % extra
    return h


def gen_datadog(rng, cyc):
    checks = ["cpu", "disk", "memory", "load", "network", "io", "uptime", "ntp", "file_handle", "nginx",
              "postgres", "redisdb", "http_check", "process"]
    tb = ('Traceback (most recent call last):\\n  File \\"/opt/datadog-agent/embedded/lib/python3.11/site-packages/'
          'datadog_checks/base/checks/base.py\\", line %d, in run\\n    self.check(instance)\\n')

    def err_postgres():
        return ('[{"message": "connection to server at \\"127.0.0.1\\", port 5432 failed: Connection refused\\n\\tIs the '
                'server running on that host and accepting TCP/IP connections?\\n", "traceback": "' + tb % rng.choice(
                    [1224, 1226]) + 'psycopg.OperationalError: connection failed\\n"}]')

    def err_nginx():
        return ('[{"message": "HTTPConnectionPool(host=\'localhost\', port=81): Max retries exceeded with url: '
                '/nginx_status (Caused by NewConnectionError(\'<urllib3.connection.HTTPConnection object at 0x7f%s>: '
                'Failed to establish a new connection: [Errno 111] Connection refused\'))", "traceback": "'
                % hexs(rng, 10) + tb % 1224 + 'requests.exceptions.ConnectionError\\n"}]')

    def err_redis():
        return ('[{"message": "Error %d connecting to 127.0.0.1:6379. %s.", "traceback": "'
                % rng.choice([(111, "Connection refused"), (110, "Connection timed out")]) + tb % 1224 +
                'redis.exceptions.ConnectionError\\n"}]')

    def err_http():
        return ('[{"message": "HTTPSConnectionPool(host=\'status.internal.example.net\', port=443): Read timed out. '
                '(read timeout=%d)", "traceback": "' % rng.choice([5, 10]) + tb % 1224 +
                'requests.exceptions.ReadTimeout\\n"}]')

    err_checks = [("postgres", err_postgres), ("nginx", err_nginx), ("redisdb", err_redis), ("http_check", err_http)]
    endpoints = [("/api/v2/series", "202 Accepted"), ("/api/v1/check_run", "202 Accepted"),
                 ("/intake/", "200 OK"), ("/api/beta/sketches", "202 Accepted"), ("/api/v1/metadata", "200 OK")]
    net_errs = [
        lambda: "dial tcp: lookup 7-52-1-app.agent.datadoghq.com on 10.0.0.2:53: read udp 10.0.4.17:%d->10.0.0.2:53: "
                "i/o timeout" % rng.randint(32768, 60999),
        lambda: "context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
        lambda: "dial tcp 3.233.%d.%d:443: connect: connection refused" % (rng.randint(128, 159), rng.randint(1, 254)),
        lambda: "proxyconnect tcp: dial tcp 10.1.0.8:3128: connect: no route to host",
    ]
    log_files = ["/var/log/nginx/access.log", "/var/log/nginx/error.log", "/var/log/app/worker.log",
                 "/var/log/postgresql/postgresql-15-main.log", "/var/log/app/api.log"]
    sched_checks = [("nginx", "30s"), ("postgres", "15s"), ("http_check", "1m0s"), ("redisdb", "15s"), ("ntp", "15m0s")]
    load_fails = [("nginx_custom", "Core Check Loader: Check nginx_custom not found in Catalog, Python Check Loader: "
                                   "unable to import module 'nginx_custom': No module named 'nginx_custom'"),
                  ("mysql", "Python Check Loader: could not configure check instance for python check mysql: "
                            "Either host or sock must be specified"),
                  ("snmp", "Core Check Loader: could not configure check instance: ip_address or network config "
                           "must be provided")]

    def make(key):
        if key in ("check_start", "check_done"):
            return [], cyc(key, "check", checks)
        if key == "check_error":
            name, fn = cyc(key, "check", err_checks)
            return [fn()], name
        if key == "tx_ok":
            path, status = cyc(key, "endpoint", endpoints)
            return [DD_SITE + path, status], None
        if key == "tx_err":
            path, _ = cyc(key, "endpoint", endpoints)
            return [DD_SITE + path, cyc(key, "reason", net_errs)()], None
        if key == "too_many":
            path, _ = cyc(key, "endpoint", endpoints)
            return [DD_SITE + path], None
        if key == "host_meta":
            raw = rng.randint(1800, 9400)
            return [raw, raw // 3 + rng.randint(-120, 120)], None
        if key == "tailer_start":
            path = cyc(key, "path", log_files)
            if rng.random() < 0.6:
                return [path, rng.randint(1000, 90_000_000), 0], None
            return [path, 0, 2], None
        if key == "tailer_closed":
            path = cyc(key, "path", log_files)
            lines = rng.randint(0, 40000)
            return [path, "file:" + path, lines * rng.randint(90, 400), lines], None
        if key == "schedule":
            name, iv = cyc(key, "check", sched_checks)
            return ["%s:%s" % (name, hexs(rng, 16)), iv], None
        if key == "unschedule":
            name, _ = cyc(key, "check", sched_checks)
            return ["%s:%s" % (name, hexs(rng, 16))], None
        if key == "load_fail":
            return list(cyc(key, "config", load_fails)), None
        if key == "open_fail":
            path = cyc(key, "path", log_files)
            reason = cyc(key, "reason", ["permission denied", "no such file or directory"])
            return [path, "open %s: %s" % (path, reason)], None
        raise KeyError(key)

    return run_shuffle(rng, DD_EVENTS, at(11, 2, 19, 507_114_000), 4.2, make)


# ======================================================= 4 NewRelicInfra ===

NR_EVENTS = [
    Ev("int_finished", 'msg="Integration finished" component=integrations.runner.Runner elapsed=<*> '
                       'integration_name=<*> runner_uid=<*>', 87, level="info"),
    Ev("int_stderr", 'msg="integration wrote to stderr" component=integrations.runner.Runner integration_name=<*> '
                     'runner_uid=<*> stderr="<*>"', 35, level="warning"),
    Ev("int_error", 'msg="integration exited with error state" component=integrations.runner.Runner error="<*>" '
                    'integration_name=<*> runner_uid=<*>', 10, level="error"),
    Ev("int_timeout", 'msg="integration timeout" component=integrations.runner.Runner integration_name=<*> '
                      'runner_uid=<*> timeout=<*>', 6, level="warning"),
    Ev("cmd_fetch", 'msg="commands fetch failed" component=AgentService error="<*>"', 4, level="warning"),
    Ev("sender", 'msg="metric sender can\'t process" component=MetricsIngestSender error="<*>"', 25, level="error"),
    Ev("url_error", 'msg="URL error detected. May be a configuration problem or a network connectivity issue." '
                    'component=AgentService error="<*>"', 8, level="warning"),
    Ev("proc_info", 'msg="can\'t get process info" component=ProcessSampler error="<*>" pid=<*>', 60, level="warning"),
    Ev("patch_sent", 'msg="patch sent" component=PatchSender entityKey=<*> size=<*>', 40, level="info"),
    Ev("patch_fail", 'msg="patch sender process failed" component=PatchSender entityKey=<*> error="<*>"', 7,
       level="warning"),
    Ev("def_loaded", 'msg="Integration definition loaded" component=integrations.Manager file=<*> integration=<*>', 14,
       level="info"),
    Ev("def_fail", 'msg="can\'t load integrations file" component=integrations.Manager error="<*>" file=<*>', 4,
       level="warning"),
]

NR_HEADER_RE = (r'time="(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)" '
                r"level=(?:trace|debug|info|warning|error|fatal) ")


def nr_header(t, ev, extra):
    return 'time="%s" level=%s ' % (ts_rfc3339(t), ev.hdr["level"])


def gen_newrelic(rng, cyc):
    ints = ["nri-mysql", "nri-redis", "nri-nginx", "nri-flex", "nri-postgresql", "nri-rabbitmq"]
    uids = {n: hexs(rng, 10) for n in ints}
    uids2 = {n: hexs(rng, 10) for n in ints}
    stderr_msgs = {
        "nri-mysql": "[ERR] Error getting metrics: dial tcp 127.0.0.1:3306: connect: connection refused",
        "nri-redis": "[WARN] Can't execute redis 'CONFIG' command: ERR unknown command 'CONFIG'",
        "nri-nginx": "[ERR] Request failed: Get \"http://127.0.0.1/status\": dial tcp 127.0.0.1:80: connect: "
                     "connection refused",
        "nri-flex": "level=error msg=\"url fetch failed\" error=\"context deadline exceeded\" name=cert-expiry",
        "nri-postgresql": "[ERR] Error creating list of entities to collect: pq: password authentication failed "
                          "for user \"newrelic\"",
        "nri-rabbitmq": "[WARN] Unable to retrieve queue data: 401 Unauthorized",
    }
    api = "https://infra-api.newrelic.com"
    hosts = ["web-03.prod.example.net", "db-primary-01.prod.example.net", "cache-02.prod.example.net"]
    files = {"nri-mysql": "mysql-config.yml", "nri-redis": "redis-config.yml", "nri-nginx": "nginx-config.yml",
             "nri-flex": "flex-cert-expiry.yml", "nri-postgresql": "postgresql-config.yml",
             "nri-rabbitmq": "rabbitmq-config.yml"}

    def uid(name):
        return uids[name] if rng.random() < 0.7 else uids2[name]

    def make(key):
        if key == "int_finished":
            n = cyc(key, "int", ints)
            d = rng.randint(40 * MS, 2600 * MS) if rng.random() < 0.9 else rng.randint(3 * NS, 28 * NS)
            return [go_dur(d), n, uid(n)], None
        if key == "int_stderr":
            n = cyc(key, "int", ints)
            return [n, uid(n), esc(stderr_msgs[n]) + "\\n"], None
        if key == "int_error":
            n = cyc(key, "int", ["nri-mysql", "nri-postgresql", "nri-flex"])
            return [cyc(key, "err", ["exit status 1", "exit status 2", "signal: killed"]), n, uid(n)], None
        if key == "int_timeout":
            n = cyc(key, "int", ["nri-flex", "nri-rabbitmq", "nri-postgresql"])
            return [n, uid(n), cyc(key, "timeout", ["20s", "2m0s", "30s"])], None
        if key == "cmd_fetch":
            e = cyc(key, "err", [
                'Get "https://infrastructure-command-api.newrelic.com/agent_commands/v1/commands": context deadline '
                'exceeded (Client.Timeout exceeded while awaiting headers)',
                'Get "https://infrastructure-command-api.newrelic.com/agent_commands/v1/commands": dial tcp: lookup '
                'infrastructure-command-api.newrelic.com on 127.0.0.53:53: server misbehaving'])
            return [esc(e)], None
        if key == "sender":
            kind = cyc(key, "err", ["deadline", "timeout", "429", "reset"])
            url = api + "/infra/v2/metrics/events/bulk"
            if kind == "deadline":
                e = 'error sending events: Post "%s": context deadline exceeded (Client.Timeout exceeded while ' \
                    'awaiting headers)' % url
            elif kind == "timeout":
                e = 'error sending events: Post "%s": dial tcp 162.247.%d.%d:443: i/o timeout' % (
                    url, rng.randint(240, 243), rng.randint(1, 254))
            elif kind == "429":
                e = "events were not accepted: 429 Too Many Requests"
            else:
                e = 'error sending events: Post "%s": read tcp 10.0.8.%d:%d->162.247.241.2:443: read: connection ' \
                    'reset by peer' % (url, rng.randint(2, 250), rng.randint(32768, 60999))
            return [esc(e)], None
        if key == "url_error":
            path = cyc(key, "path", ["/infra/v2/metrics/events/bulk", "/inventory/deltas", "/identity/v1/connect"])
            e = 'Post "%s%s": dial tcp: lookup infra-api.newrelic.com on 127.0.0.53:53: %s' % (
                api, path, cyc(key, "dns", ["server misbehaving", "no such host", "i/o timeout"]))
            return [esc(e)], None
        if key == "proc_info":
            pid = rng.randint(300, 4_190_000)
            e = cyc(key, "err", ["open /proc/%d/stat: no such file or directory",
                                 "open /proc/%d/status: no such file or directory",
                                 "readlink /proc/%d/exe: permission denied",
                                 "open /proc/%d/cmdline: no such process"]) % pid
            return [e, pid], None
        if key == "patch_sent":
            return [cyc(key, "entity", hosts), rng.randint(180, 52000)], None
        if key == "patch_fail":
            e = cyc(key, "err", ["inventory response code: 413 Request Entity Too Large",
                                 'Post "%s/inventory/deltas": context deadline exceeded' % api,
                                 "inventory response code: 503 Service Unavailable"])
            return [cyc(key, "entity", hosts), esc(e)], None
        if key == "def_loaded":
            n = cyc(key, "int", ints)
            return ["/etc/newrelic-infra/integrations.d/" + files[n], n], None
        if key == "def_fail":
            f, e = cyc(key, "f", [
                ("flex-custom-checks.yml", "yaml: line 14: did not find expected key"),
                ("kafka-config.yml", "yaml: unmarshal errors:\\n  line 3: cannot unmarshal !!str `30s` into int"),
                ("jmx-tomcat.yml", "integration definition not found: nri-jmx")])
            return [esc(e), "/etc/newrelic-infra/integrations.d/" + f], None
        raise KeyError(key)

    return run_shuffle(rng, NR_EVENTS, at(13, 20, 4, 0), 6.3, make)


# ========================================================= 5 ZabbixAgent2 ===

ZBX_ALLOWED = "127.0.0.1,10.20.0.21,10.20.0.22"

ZBX_EVENTS = [
    Ev("start", "Starting Zabbix Agent 2 (6.4.12)", 3),
    Ev("stopped", "Zabbix Agent 2 stopped. (6.4.12)", 3),
    Ev("plugin", "using plugin '<*>' (<*>) providing following interfaces: <*>", 60),
    Ev("cfg_fail", "[<*>] active check configuration update from [<*>] started to fail (cannot connect to [<*>]: <*>)", 8),
    Ev("cfg_ok", "[<*>] active check configuration update from [<*>] is working again", 7),
    Ev("hist_fail", "[<*>] history upload to [<*>] [<*>] started to fail: <*>", 6),
    Ev("hist_ok", "[<*>] history upload to [<*>] [<*>] is working again", 5),
    Ev("no_checks", "[<*>] no active checks on server [<*>]: host [<*>] not found", 12),
    Ev("rejected", 'failed to accept an incoming connection: connection from "<*>" rejected, allowed hosts: "%s"'
       % ZBX_ALLOWED, 9),
    Ev("unsupported", 'active check "<*>" is not supported: <*>', 40),
    Ev("exporter", "failed to execute direct exporter task for key '<*>' error: '<*>'", 70),
    Ev("conn_new", "[<*>] Created new connection: <*>", 14),
    Ev("conn_closed", "[<*>] Closed unused connection: <*>", 63),
]

ZBX_HEADER_RE = r"(?P<ts>\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}\.\d{6}) "


def zbx_header(t, ev, extra):
    return ts_zabbix(t) + " "


def gen_zabbix(rng, cyc):
    plugins = [("Agent", "built-in", "exporter"), ("Cpu", "built-in", "exporter, collector"),
               ("Docker", "built-in", "exporter, configurator"), ("File", "built-in", "exporter, configurator"),
               ("Log", "built-in", "exporter, configurator"), ("Memory", "built-in", "exporter"),
               ("Mysql", "built-in", "exporter, runner, configurator"), ("NetIf", "built-in", "exporter"),
               ("Redis", "built-in", "exporter, runner, configurator"), ("Swap", "built-in", "exporter"),
               ("SystemRun", "built-in", "exporter, configurator"), ("TCP", "built-in", "exporter, configurator"),
               ("Uptime", "built-in", "exporter"), ("VFSDev", "built-in", "exporter, collector"),
               ("WebPage", "built-in", "exporter, configurator"),
               ("ZabbixStats", "built-in", "exporter, configurator"),
               ("PostgreSQL", "/usr/sbin/zabbix-agent2-plugin/zabbix-agent2-plugin-postgresql",
                "exporter, runner, configurator"),
               ("MongoDB", "/usr/sbin/zabbix-agent2-plugin/zabbix-agent2-plugin-mongodb",
                "exporter, runner, configurator")]
    servers = [(101, "zbx-proxy01.dc1.example.net:10051", "10.20.0.21"),
               (102, "zbx-proxy02.dc1.example.net:10051", "10.20.0.22")]
    hostnames = ["web-03", "web-03-containers"]
    conns = [("Mysql", "tcp://127.0.0.1:3306"), ("PostgreSQL", "postgresql://zbx_monitor@localhost:5432/postgres"),
             ("Redis", "tcp://localhost:6379"), ("Mysql", "unix:/var/run/mysqld/mysqld.sock"),
             ("MongoDB", "tcp://127.0.0.1:27017")]
    exporter_fail = [
        ('docker.info', 'Cannot fetch data: Get "http://1.28/info": dial unix /var/run/docker.sock: connect: '
                        'permission denied.'),
        ('mysql.ping["tcp://127.0.0.1:3306","zbx_monitor",""]', 'Error 1045 (28000): Access denied for user '
                                                                '\'zbx_monitor\'@\'localhost\' (using password: NO)'),
        ('pgsql.connections["tcp://localhost:5432","zbx_monitor","postgres"]',
         'Connection failed: dial tcp 127.0.0.1:5432: connect: connection refused.'),
        ('redis.ping["tcp://localhost:6379"]', 'Connection failed: dial tcp [::1]:6379: connect: connection refused.'),
        ('web.page.get[http://localhost/server-status?auto]', 'Cannot get content of web page: Get '
                                                             '"http://localhost/server-status?auto": context deadline '
                                                             'exceeded (Client.Timeout exceeded while awaiting headers)'),
        ('vfs.fs.size[/data,pused]', 'Failed to obtain filesystem information.'),
    ]
    unsupported = [
        ('log[/var/log/app/error.log,"ERROR|FATAL",,100]', 'Cannot open file "/var/log/app/error.log": open '
                                                           '/var/log/app/error.log: permission denied'),
        ('vfs.file.cksum[/etc/app/app.conf,sha256]', 'Cannot open file: open /etc/app/app.conf: no such file or '
                                                     'directory'),
        ('net.tcp.service[https,,8443]', 'Invalid first parameter.'),
        ('logrt["/var/log/nginx/access.log.*",,,200,skip]', 'Cannot find any file matching "access.log.*" in '
                                                             '"/var/log/nginx/": permission denied'),
        ('system.run[/usr/local/bin/check_raid.sh]', 'Unknown metric system.run'),
    ]
    net_errs = ["dial tcp %s:10051: connect: connection refused", "dial tcp %s:10051: i/o timeout",
                "read tcp 10.20.4.33:%d->%s:10051: read: connection reset by peer"]

    def neterr(key, ip):
        tpl = cyc(key, "neterr", net_errs)
        if tpl.startswith("read"):
            return tpl % (rng.randint(32768, 60999), ip)
        return tpl % ip

    def make(key):
        if key in ("start", "stopped"):
            return [], None
        if key == "plugin":
            return list(cyc(key, "plugin", plugins)), None
        if key == "cfg_fail":
            cid, addr, ip = cyc(key, "srv", servers)
            return [cid, addr, addr, neterr(key, ip)], None
        if key == "cfg_ok":
            cid, addr, ip = cyc(key, "srv", servers)
            return [cid, addr], None
        if key == "hist_fail":
            cid, addr, ip = cyc(key, "srv", servers)
            return [cid, addr, cyc(key, "host", hostnames), "cannot connect to [%s]: %s" % (addr, neterr(key, ip))], None
        if key == "hist_ok":
            cid, addr, ip = cyc(key, "srv", servers)
            return [cid, addr, cyc(key, "host", hostnames)], None
        if key == "no_checks":
            cid, addr, ip = cyc(key, "srv", servers)
            return [cid, addr, cyc(key, "host", hostnames)], None
        if key == "rejected":
            return [cyc(key, "net", ["10.20.3.", "10.20.9.", "192.168.77."]) + str(rng.randint(2, 250))], None
        if key == "unsupported":
            return list(cyc(key, "item", unsupported)), None
        if key == "exporter":
            return list(cyc(key, "item", exporter_fail)), None
        if key in ("conn_new", "conn_closed"):
            return list(cyc(key, "conn", conns)), None
        raise KeyError(key)

    return run_shuffle(rng, ZBX_EVENTS, at(4, 10, 51, 992_417_000), 19.0, make)


# ================================================================ 6 Nrpe ===

NRPE_HOST = "db-replica-07"
NRPE_MASTER_PID = 1187

NRPE_EVENTS = [
    Ev("conn", "Connection from <*> port <*>"),
    Ev("not_allowed", "Host <*> is not allowed to talk to us!"),
    Ev("ssl_fail", "Error: (!log_opts) Could not complete SSL handshake with <*>: <*>"),
    Ev("accepted", "Remote <*> accepted a Version <*> Packet"),
    Ev("asking", "Host is asking for command '<*>' to be run..."),
    Ev("running", "Running command: <*>"),
    Ev("completed", "Command completed with return code <*> and output: <*>"),
    Ev("not_defined", "Command '<*>' not defined"),
    Ev("args", "Error: Request contained command arguments!"),
    Ev("metachars", "Error: Request contained illegal metachars!"),
    Ev("invalid", "Client request was invalid, bailing out..."),
    Ev("no_read", "Could not read request from client <*>, bailing out..."),
]

NRPE_HEADER_RE = (r"(?P<ts>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}:\d{2}) "
                  r"[\w.-]+ nrpe\[\d+\]: ")


def nrpe_header(t, ev, extra):
    return "%s %s nrpe[%d]: " % (ts_syslog(t), NRPE_HOST, extra)


PLUG = "/usr/lib64/nagios/plugins/"


def nrpe_commands(rng):
    def load():
        l1 = rng.uniform(0.05, 5.2)
        l5, l15 = l1 * rng.uniform(0.7, 1.1), l1 * rng.uniform(0.5, 1.0)
        rc = 2 if l1 > 6.0 else (1 if l1 > 4.0 else 0)
        st = ["OK", "WARNING", "CRITICAL"][rc]
        return rc, ("%s - load average per CPU: %.2f, %.2f, %.2f|load1=%.3f;4.000;6.000;0; load5=%.3f;3.500;5.500;0; "
                    "load15=%.3f;3.000;5.000;0;" % (st, l1, l5, l15, l1, l5, l15))

    def disk(mnt, size):
        def f():
            pct = rng.uniform(8, 35) if mnt == "/" else rng.uniform(11, 24)
            free = int(size * pct / 100)
            rc = 2 if pct < 10 else (1 if pct < 20 else 0)
            st = ["OK", "WARNING", "CRITICAL"][rc]
            return rc, ("DISK %s - free space: %s %d MiB (%.2f%% inode=%d%%);| %s=%dMiB;%d;%d;0;%d"
                        % (st, mnt, free, pct, rng.randint(71, 99), mnt, size - free, int(size * 0.8),
                           int(size * 0.9), size))
        return f

    def swap():
        free = rng.randint(3000, 4095)
        return 0, "SWAP OK - %d%% free (%d MB out of 4095 MB) |swap=%dMB;1638;819;0;4095" % (
            free * 100 // 4095, free, free)

    def zombies():
        n = rng.choice([0, 0, 0, 1, 2])
        return 0, "PROCS OK: %d processes with STATE = Z | procs=%d;5;10;0;" % (n, n)

    def procs():
        n = rng.randint(160, 320)
        rc = 1 if n > 300 else 0
        return rc, "PROCS %s: %d processes | procs=%d;300;450;0;" % (["OK", "WARNING"][rc], n, n)

    def repl():
        lag = rng.choice([0, 0, 0, 0, 1, 2, 0, 75, 412])
        rc = 2 if lag > 300 else (1 if lag > 60 else 0)
        return rc, ("Uptime: %d  Threads: %d  Questions: %d  Slow queries: %d  Opens: %d  Flush tables: 3  "
                    "Open tables: 4000  Queries per second avg: %.3f Slave IO: Yes Slave SQL: Yes Seconds Behind "
                    "Master: %d" % (rng.randint(1_800_000, 1_900_000), rng.randint(6, 40),
                                    rng.randint(90_000_000, 99_000_000), rng.randint(10, 30),
                                    rng.randint(2000, 2600), rng.uniform(40, 60), lag))

    def ntp():
        off = rng.uniform(-0.02, 0.02)
        return 0, "NTP OK: Offset %.9f secs|offset=%.6fs;0.500000;1.000000;" % (off, off)

    def users():
        n = rng.randint(0, 3)
        return 0, "USERS OK - %d users currently logged in |users=%d;5;10;0" % (n, n)

    return [
        ("check_load", PLUG + "check_load -r -w 4.0,3.5,3.0 -c 6.0,5.5,5.0", load),
        ("check_root_disk", PLUG + "check_disk -w 20% -c 10% -p /", disk("/", 29897)),
        ("check_mysql_disk", PLUG + "check_disk -w 20% -c 10% -p /var/lib/mysql", disk("/var/lib/mysql", 511749)),
        ("check_swap", PLUG + "check_swap -w 40% -c 20%", swap),
        ("check_zombie_procs", PLUG + "check_procs -w 5 -c 10 -s Z", zombies),
        ("check_total_procs", PLUG + "check_procs -w 300 -c 450", procs),
        ("check_mysql_replication", PLUG + "check_mysql -H 127.0.0.1 -u nagios -S -w 60 -c 300", repl),
        ("check_ntp_time", PLUG + "check_ntp_time -H 10.20.0.1 -w 0.5 -c 1", ntp),
        ("check_users", PLUG + "check_users -w 5 -c 10", users),
    ]


def gen_nrpe(rng, cyc):
    sim = Sim()
    T0 = at(16, 5, 12, 0)
    horizon = T0 + 3600 * NS
    cmds = nrpe_commands(rng)
    pid = [24310]

    def next_pid():
        pid[0] += rng.randint(1, 37)
        return pid[0]

    pollers = [("10.20.0.11", 4), ("10.20.0.12", 3)]
    outcome_bag = Bag(rng, ["ok"] * 11 + ["args", "metachars", "not_defined", "ssl"])

    def poll(t0):
        p = next_pid()
        ip, ver = cyc("poll", "poller", pollers)
        t = t0
        sim.emit(t, "conn", [ip, rng.randint(32768, 60999)], p)
        t += rng.randint(2, 40) * MS
        out = outcome_bag.draw()
        if out == "ssl":
            sim.emit(t, "ssl_fail", [ip, cyc("ssl_fail", "code", [1, 5])], p)
            return
        sim.emit(t, "accepted", [ip, ver], p)
        t += rng.randint(100, 900) * US
        if out in ("args", "metachars"):
            sim.emit(t, out, [], p)
            t += rng.randint(20, 200) * US
            sim.emit(t, "invalid", [], p)
            return
        if out == "not_defined":
            name = cyc("not_defined", "cmd", ["check_raid", "check_mem", "check_apt", "check_postfix_queue"])
            sim.emit(t, "asking", [name], p)
            t += rng.randint(20, 200) * US
            sim.emit(t, "not_defined", [name], p)
            return
        name, line, fn = cyc("poll", "cmd", cmds)
        sim.emit(t, "asking", [name], p)
        t += rng.randint(30, 300) * US
        sim.emit(t, "running", [line], p)
        t += rng.randint(4, 900) * MS if name != "check_mysql_replication" else rng.randint(30, 2400) * MS
        rc, output = fn()
        sim.emit(t, "completed", [rc, output], p)

    t = T0
    while t < horizon:
        t += exp_ns(rng, 8)
        poll(t)

    # TCP health checks from two load balancers: they connect and hang up
    hc_bag = Bag(rng, ["ssl", "no_read"])
    t = T0 + 11 * NS
    while t < horizon:
        t += rng.randint(36, 48) * NS
        ip = cyc("hc", "ip", ["10.20.0.3", "10.20.0.4"])
        p = next_pid()
        sim.emit(t, "conn", [ip, rng.randint(32768, 60999)], p)
        t2 = t + rng.randint(1, 30) * MS
        if hc_bag.draw() == "ssl":
            sim.emit(t2, "ssl_fail", [ip, 5], p)
        else:
            sim.emit(t2 + 5 * NS, "no_read", [ip], p)

    # internet scanners hitting the port
    t = T0 + 23 * NS
    while t < horizon:
        t += exp_ns(rng, 70)
        ip = "%s.%d" % (cyc("scan", "net", ["203.0.113", "198.51.100", "192.0.2"]), rng.randint(2, 254))
        sim.emit(t, "not_allowed", [ip], next_pid())
    return sim.first()


# ============================================================== systems ===

SYSTEMS = [
    ("Promtail", 1, "simulation", PROMTAIL_EVENTS, promtail_header, PROMTAIL_HEADER_RE, gen_promtail),
    ("GrafanaAlloy", 2, "shuffle", ALLOY_EVENTS, alloy_header, ALLOY_HEADER_RE, gen_alloy),
    ("DatadogAgent", 3, "shuffle", DD_EVENTS, dd_header, DD_HEADER_RE, gen_datadog),
    ("NewRelicInfra", 4, "shuffle", NR_EVENTS, nr_header, NR_HEADER_RE, gen_newrelic),
    ("ZabbixAgent2", 5, "shuffle", ZBX_EVENTS, zbx_header, ZBX_HEADER_RE, gen_zabbix),
    ("Nrpe", 6, "simulation", NRPE_EVENTS, nrpe_header, NRPE_HEADER_RE, gen_nrpe),
]


def write_system(name, k, events, header_fn, gen):
    rng = random.Random(BASE_SEED * 10 + k)
    cyc = Cycler(rng)
    recs = gen(rng, cyc)
    assert len(recs) == N_LINES
    by_key = {ev.key: (i + 1, ev) for i, ev in enumerate(events)}
    assert len(by_key) == len(events)
    d = os.path.join(OUT_DIR, name)
    os.makedirs(d, exist_ok=True)
    lines, rows = [], []
    for line_id, (t, key, vals, extra) in enumerate(recs, 1):
        num, ev = by_key[key]
        content = fill(ev.template, vals)
        lines.append(header_fn(t, ev, extra) + content)
        rows.append([line_id, content, "E%d" % num, ev.template])
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


# ----------------------------------------------------------- self-check ----

CLOCK_RE = re.compile(r"(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?")


def clock_ns(ts):
    m = CLOCK_RE.search(ts)
    h, mi, s, fr = m.groups()
    return at(int(h), int(mi), int(s), int((fr or "").ljust(9, "0")[:9] or 0))


def template_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")), re.S)


def check_system(name, events, header_re):
    d = os.path.join(OUT_DIR, name)
    hre = re.compile(header_re)
    raw_log = open(os.path.join(d, name + ".log"), "rb").read()
    raw_csv = open(os.path.join(d, name + ".log_structured.csv"), "rb").read()
    for raw in (raw_log, raw_csv):
        assert raw.endswith(b"\n") and b"\r" not in raw, name
    lines = raw_log.decode("utf-8").split("\n")[:-1]
    assert len(lines) == N_LINES, (name, len(lines))
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], name
    rows = rows[1:]
    assert len(rows) == N_LINES, (name, len(rows))
    declared = {"E%d" % (i + 1): ev.template for i, ev in enumerate(events)}
    assert len(set(declared.values())) == len(declared), "duplicate templates in " + name
    seen_tpl = {}
    captures = {}
    counts = {}
    prev = -1
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        assert len(row) == 4, (name, i)
        line_id, content, eid, tpl = row
        assert line_id == str(i), (name, i)
        assert content and content == content.strip(), (name, i)
        assert "\n" not in line and "\r" not in line
        assert line.endswith(content), (name, i)
        header = line[:len(line) - len(content)]
        m = hre.fullmatch(header)
        assert m, (name, i, header)
        t = clock_ns(m.group("ts"))
        assert t >= prev, (name, i, "clock went back")
        prev = t
        assert re.fullmatch(r"E\d+", eid), (name, i)
        assert eid in declared and declared[eid] == tpl, (name, i, eid)
        assert seen_tpl.setdefault(eid, tpl) == tpl
        mm = template_regex(tpl).fullmatch(content)
        assert mm, (name, i, tpl, content)
        for j, g in enumerate(mm.groups()):
            captures.setdefault((eid, j), set()).add(g)
        counts[eid] = counts.get(eid, 0) + 1
    assert set(counts) == set(declared), (name, "unused events", set(declared) - set(counts))
    for eid, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            assert len(captures[(eid, j)]) >= 2, (name, eid, "slot", j, "constant", captures[(eid, j)])
    c = sorted(counts.values())
    assert 12 <= len(c) <= 15, (name, len(c))
    assert min(c) >= 3, (name, counts)
    assert sum(1 for x in c if 3 <= x <= 10) >= 3, (name, counts)
    med = statistics.median(c)
    assert max(c) >= 3 * med, (name, counts, med)
    return counts, med


def main():
    for name, k, kind, events, header_fn, _, gen in SYSTEMS:
        write_system(name, k, events, header_fn, gen)
    ok = True
    for name, k, kind, events, _, header_re, _ in SYSTEMS:
        try:
            counts, med = check_system(name, events, header_re)
        except AssertionError as e:
            ok = False
            print("FAIL %-14s %s" % (name, e))
            continue
        order = sorted(counts, key=lambda e: int(e[1:]))
        print("ok   %-14s %-10s events=%2d  max=%3d median=%4.1f  %s" % (
            name, kind, len(counts), max(counts.values()), med,
            " ".join("%s:%d" % (e, counts[e]) for e in order)))
    if not ok:
        sys.exit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
