#!/usr/bin/env python3
"""Writes the sealed3 blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: Ceph, Istio, ActixWeb, DeepSpeed, Unbound, Velero.
Every line is made here from event formats written for this corpus, following each program's
documented default log layout (written from memory), with values from generators of this file.
No line, template or value list is copied from a real log or data set; the messages are invented
in each project's style. The corpus was written without running any template miner on it.

Deterministic: fixed seed 20261206, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
quoted string, a free-text reason, a list, a user agent) is one `<*>`; punctuation around a value
stays literal (`(<*>)`, `'<*>'`, `"<*>"`, `key=<*>`, `[<*>]`, `<<*> <*> IN>`, `<*>'<*>`); a unit
attached to a number stays literal after it (`<*>ms`, `<*>s`, `<*>GB`); a size or duration whose
unit varies (`812B` / `12.3kB`, `310.2ms` / `1.4s`) is one value; text that never changes within
an event type stays literal. Event formats are written directly as their templates: each `<*>`
in a format is filled with one generated value, and every `<*>` slot takes at least two
different values within its event type (checked when the lines are made and again on
read-back).

At the end the files are read back and checked (see `self_check`).
"""
import calendar
import csv
import os
import random
import re
import string
import time

SEED = 20261206
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["Ceph", "Istio", "ActixWeb", "DeepSpeed", "Unbound", "Velero"]
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


def kname(n):
    """A Kubernetes-style generated name suffix (no vowels, as the apiserver makes them)."""
    return "".join(R.choice("bcdfghjklmnpqrstvwxz2456789") for _ in range(n))


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


def godur_ms(ms):
    """A Go time.Duration as String() prints it: `310.52ms`, `1.402339s`."""
    if ms < 1000:
        return ("%.6f" % ms).rstrip("0").rstrip(".") + "ms"
    return ("%.9f" % (ms / 1000.0)).rstrip("0").rstrip(".") + "s"


def byte_count(n):
    """A byte count with a unit that varies: `812B`, `12.3kB`, `1.4MB`."""
    if n < 1000:
        return "%dB" % n
    if n < 10 ** 6:
        return "%.1fkB" % (n / 1000.0)
    return "%.1fMB" % (n / 10.0 ** 6)


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
    """Integer nanosecond clock starting on 2026-12-06 at a random second of the morning."""

    def __init__(self):
        self.start = calendar.timegm((2026, 12, 6, 0, 0, 0)) + R.randint(6 * 3600, 11 * 3600)
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

    def iso_ago(self, lo, hi, digits=6, zone="+0000"):
        """An ISO timestamp lo to hi seconds before now (for timestamps inside messages)."""
        ns = self.ns - int(R.uniform(lo, hi) * 10 ** 9)
        g = time.gmtime(ns // 10 ** 9)
        return "%04d-%02d-%02dT%02d:%02d:%02d.%0*d%s" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec,
                                                        digits, (ns % 10 ** 9) // 10 ** (9 - digits), zone)


# ------------------------------------------------------------------------------------------
# Filling a template.
def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\t" not in v, (template, values)
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
# 1. Ceph OSD daemon log (/var/log/ceph/ceph-osd.7.log), Ceph's own log file format:
#    `yyyy-mm-ddThh:mm:ss.mmm+0000 <thread id, hex> <priority, width 2> <message>`, e.g.
#    `... 7f3a9c7fe640  0 ...` or `... 7f3a9c7fe640 -1 ...`. The subsystem's dout prefix
#    (`osd.7 <epoch> `, `osd.7 pg_epoch: <epoch> pg[...] `, `bluestore(<path>) `, `rocksdb: `,
#    `log_channel(cluster) log [LVL] : `, the messenger's `--2- <addr> >> <addr> conn(...)`) is
#    part of the message. Content is what follows the priority and its space.
def ceph():
    c = Clock()
    threads = ["7f%07x%s" % (R.getrandbits(28), pick(["640", "700", "6c0"])) for _ in range(7)]
    state = {"epoch": R.randint(30000, 90000), "job": R.randint(2000, 90000), "table": R.randint(10000, 900000),
             "probe": R.randint(20, 400)}
    peers = [("10.40.1.11", 2, 6804), ("10.40.1.11", 3, 6812), ("10.40.1.12", 12, 6806), ("10.40.1.12", 14, 6814),
             ("10.40.1.13", 19, 6802), ("10.40.1.14", 23, 6810), ("10.40.1.15", 31, 6808)]
    others = [p[1] for p in peers]
    pools = ["1", "3", "3", "3", "5", "5", "6"]
    rbd_images = [hexid(12) for _ in range(5)]
    cephfs_inodes = [R.randint(0x10000000000, 0x10000ffffff) for _ in range(6)]
    currently = ["waiting for sub ops", "queued for pg", "waiting for rw locks", "started", "delayed", "waiting for readable"]

    def epoch():
        if R.random() < 0.12:
            state["epoch"] += R.randint(1, 3)
        return state["epoch"]

    def pgid(pool=None):
        return "%s.%x" % (pool or pick(pools), R.randint(0, 127))

    def obj(pool):
        if pool == "3":
            return "rbd_data.%s.%016x" % (pick(rbd_images), R.randint(0, 6000))
        return "%x.%08x" % (pick(cephfs_inodes), R.randint(0, 400))

    def op():
        k = R.random()
        if k < 0.6:
            ln = pick([4096, 8192, 16384, 65536, 131072])
            return "write %d~%d in=%db" % (R.randint(0, 1023) * 4096, ln, ln)
        if k < 0.85:
            return "writefull 0~4194304 in=4194304b"
        return "zero %d~%d" % (R.randint(0, 1023) * 4096, pick([4096, 65536, 1048576]))

    def osd_op(pool, e):
        return "osd_op(client.%d.0:%d %s %s:%s:::%s:head [%s] snapc 0=[] ondisk+write+known_if_redirected e%d)" % (
            R.randint(4100, 98000), R.randint(1, 9000000), pgid(pool), pool, hexid(8), obj(pool), op(), e)

    def scrub(word):
        return lambda: ev("log_channel(cluster) log [DBG] : <*> <*> " + word, pgid(), pick(["scrub", "scrub", "deep-scrub"]))

    def flush():
        state["job"] += R.randint(1, 4)
        state["table"] += R.randint(2, 9)
        return ev("rocksdb: [db/flush_job.cc:1012] [<*>] [JOB <*>] Level-0 flush table #<*>: <*> bytes OK",
                  pick(["default", "p-0", "p-1", "p-2", "O-0", "O-1", "O-2", "L", "m-0"]), state["job"], state["table"], num(40000, 70000000))

    def heartbeat():
        ip, o, port = pick(peers)
        return ev("osd.7 <*> heartbeat_check: no reply from <*> osd.<*> since back <*> front <*> (oldest deadline <*>)",
                  epoch(), "%s:%d" % (ip, port + 1), o, c.iso_ago(21, 60), c.iso_ago(21, 60), c.iso_ago(0, 20))

    def slow_request():
        pool = pick(["3", "3", "5"])
        return ev("log_channel(cluster) log [WRN] : slow request osd_op(client.<*>.0:<*> <*> <*>:<*>:::<*>:head [<*>] snapc 0=[] "
                  "ondisk+write+known_if_redirected e<*>) initiated <*> currently <*>",
                  num(4100, 98000), num(1, 9000000), pgid(pool), pool, hexid(8), obj(pool), op(), epoch(), c.iso_ago(30, 240), pick(currently))

    def peering():
        acting = R.sample(others, 2)
        acting.insert(R.randint(0, 2), 7)
        r = acting.index(7)
        e = epoch()
        created = R.randint(120, 3000)
        les = e - R.randint(1, 40)
        lv = e - R.randint(0, 600)
        ver = R.randint(2000, 900000)
        return ev("osd.7 pg_epoch: <*> pg[<*>( v <*>'<*> lc <*>'<*> n=<*> ec=<*>/<*> lis/c=<*>/<*> les/c/f=<*>/<*>/0 sis=<*>) [<*>] r=<*> lpr=<*> <*>] "
                  "state<Start>: transitioning to <*>",
                  e, pgid(), lv, ver, lv, ver - R.randint(1, 40), R.randint(50, 90000), created, created - R.randint(0, 60),
                  les, les - R.randint(0, 30), les, les - R.randint(0, 30), e, ",".join(map(str, acting)), r, e,
                  pick(["peering", "unknown", "activating"]), "Primary" if r == 0 else "Stray")

    def latency():
        return ev("bluestore(/var/lib/ceph/osd/ceph-7) log_latency slow operation observed for <*>, latency = <*>s",
                  pick(["submit_transact", "kv_final", "kv_sync", "_txc_committed_kv", "read", "kv_commit"]), flt(5, 60, 9))

    def health():
        pool = pick(["3", "5"])
        return ev("osd.7 <*> get_health_metrics reporting <*> slow ops, oldest is <*>", epoch(), num(1, 180), osd_op(pool, state["epoch"] - R.randint(0, 3)))

    def osdmap():
        have = state["epoch"]
        k = R.randint(1, 4)
        state["epoch"] = have + k
        return ev("osd.7 <*> handle_osd_map epochs [<*>,<*>], i have <*>, src has [<*>,<*>]",
                  have, have + 1, have + k, have, have - R.randint(300, 900), have + k)

    local_addrs = ["[v2:10.40.1.17:%d/%d,v1:10.40.1.17:%d/%d]" % (p, 2214, p + 1, 2214) for p in (6800, 6802, 6804)]
    lossy = Cycle(["0", "1"])

    def msgr():
        ip, o, port = pick(peers)
        nonce = 1000 + 97 * o
        remote = "[v2:%s:%d/%d,v1:%s:%d/%d]" % (ip, port - 2, nonce, ip, port - 1, nonce)
        return ev("--2- <*> >> <*> conn(<*> <*> crc :-1 s=READY pgs=<*> cs=0 l=<*> rev1=1 crypto rx=0 tx=0 comp rx=0 tx=0)"
                  ".handle_read_frame_preamble_main read frame preamble failed r=-1 ((1) Operation not permitted)",
                  pick(local_addrs), remote, "0x55%08x00" % R.getrandbits(32), "0x55%08x00" % R.getrandbits(32), num(2, 9000), lossy())

    def probe():
        state["probe"] += 1
        cnt = R.randint(20000, 900000)
        return ev("bluestore(/var/lib/ceph/osd/ceph-7) allocation stats probe <*>: cnt: <*> frags: <*> size: <*>",
                  state["probe"], cnt, cnt + R.randint(0, 40000), R.randint(10 ** 9, 9 * 10 ** 11))

    bdevs = Cycle([("0x55%08x00" % R.getrandbits(32), "/var/lib/ceph/osd/ceph-7/block"),
                   ("0x55%08x00" % R.getrandbits(32), "/var/lib/ceph/osd/ceph-7/block.db")])

    def aio():
        ptr, path = bdevs()
        return ev("bdev(<*> <*>) aio_submit retries <*>", ptr, path, num(1, 40))

    def marked_down():
        state["epoch"] += R.randint(2, 5)
        return ev("log_channel(cluster) log [DBG] : map e<*> wrongly marked me down at e<*>", state["epoch"], state["epoch"] - 1)

    benches = Cycle([(flt(300, 900, 3), flt(60000, 200000, 3), flt(0.3, 2, 3)) for _ in range(3)])

    def bench():
        state["epoch"] += 1
        return ev("osd.7 <*> mclock osd bench result - bandwidth (MiB/sec): <*> iops: <*> elapsed_sec: <*>", state["epoch"], *benches())

    events = [
        (70, 0, scrub("starts")),
        (58, 0, scrub("ok")),
        (36, 4, flush),
        (30, -1, heartbeat),
        (24, 0, slow_request),
        (20, 1, peering),
        (16, 0, latency),
        (12, -1, health),
        (10, 1, osdmap),
        (8, 1, msgr),
        (6, 0, probe),
        (4, -1, aio),
        (3, 0, marked_down),
        (3, 1, bench),
    ]

    def render(prio, content):
        return "%sT%s.%s+0000 %s %2d %s" % (c.ymd(), c.hms(), c.frac(3), pick(threads), prio, content)
    write("Ceph", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. Istio control plane (istiod / pilot-discovery), Istio's default text log:
#    `yyyy-mm-ddThh:mm:ss.uuuuuuZ<TAB>level<TAB>scope<TAB>message`, levels `debug`, `info`,
#    `warn`, `error`; the scope column is left out for the `default` scope.
#    Content is what follows the scope and its tab (the level and its tab for `default`).
def istio():
    c = Clock()
    deploys = [("productpage-v1", "bookinfo"), ("reviews-v2", "bookinfo"), ("reviews-v3", "bookinfo"), ("ratings-v1", "bookinfo"),
               ("checkout", "shop"), ("cart", "shop"), ("payments-api", "shop"), ("triton-router", "inference"),
               ("embeddings", "inference"), ("istio-ingressgateway", "istio-system")]
    pods = []
    for d, ns in deploys:
        h = kname(10)
        for _ in range(2):
            pods.append(("%s-%s-%s" % (d, h, kname(5)), ns, pod_ip()))
    namespaces = sorted(set(ns for _, ns in deploys))
    services = ["%s.%s.svc.cluster.local" % (d.rsplit("-v", 1)[0], ns) for d, ns in deploys]
    state = {"conn": R.randint(5, 400), "debounce": R.randint(100, 3000)}

    def proxy():
        p, ns, _ = pick(pods)
        return "%s.%s" % (p, ns)

    def conn_id():
        state["conn"] += R.randint(1, 3)
        return "%s-%d" % (proxy(), state["conn"])

    def old_conn():
        return "%s-%d" % (proxy(), state["conn"] - R.randint(0, 60))

    def push():
        return ev("<*>: PUSH for node:<*> resources:<*> size:<*>", pick(["CDS", "LDS", "RDS", "EDS", "EDS"]), proxy(), num(1, 240),
                  byte_count(R.randint(300, 3000000)))

    kinds = ["ServiceEntry", "VirtualService", "DestinationRule", "EndpointSlice", "Sidecar", "AuthorizationPolicy"]
    cfg_names = ["reviews", "ratings", "checkout", "payments-api", "ext-stripe", "triton-router", "default", "mesh-egress"]

    def cfg():
        s = "%s/%s/%s" % (pick(kinds), pick(namespaces), pick(cfg_names))
        if R.random() < 0.3:
            s += " and %d more configs" % R.randint(1, 9)
        return s

    def debounce():
        state["debounce"] += 1
        return ev("Push debounce stable[<*>] <*> for config <*>: <*> since last change, <*> since last push, full=<*>",
                  state["debounce"], num(1, 12), cfg(), godur_ms(R.uniform(100, 400)), godur_ms(R.uniform(100, 20000)), pick(["true", "false"]))

    def terminated():
        return ev('ADS: "<*>" <*> terminated', "%s:%s" % (pick(pods)[2], eph_port()), old_conn())

    watch_types = ["*v1.EndpointSlice", "*v1.Pod", "*v1.Service", "*v1alpha3.VirtualService", "*v1beta1.AuthorizationPolicy",
                   "*v1.ConfigMap"]
    watch_errors = ["an error on the server (unable to decode an event from the watch stream: http2: client connection lost) has prevented the request from succeeding",
                    "Internal error occurred: etcdserver: no leader",
                    "very short watch: unexpected watch close - watch lasted less than a second and no items received",
                    "the server has asked for the client to provide credentials"]

    def klog():
        return ev("k8s.io/client-go@v0.31.3/tools/cache/reflector.go:243: watch of <*> ended with: <*>", pick(watch_types), pick(watch_errors))

    def new_service():
        s = pick(services)
        return ev("Full push, new service <*>/<*>", s.split(".")[1], s)

    sas = ["default", "bookinfo-reviews", "bookinfo-ratings", "checkout", "payments-api", "triton-router", "istio-ingressgateway"]

    def csr():
        p = pick(pods)
        return ev("CSR from <*> for identity <*> signed, TTL <*>", p[2], "spiffe://cluster.local/ns/%s/sa/%s" % (p[1], pick(sas)),
                  pick(["24h0m0s", "24h0m0s", "12h0m0s", "1h0m0s"]))

    ack_errors = ["Internal:Error adding/updating listener(s) 0.0.0.0_9080: duplicate listener 0.0.0.0_9080 found",
                  "Proto constraint validation failed (RouteConfigurationValidationError.VirtualHosts[0]): value is required",
                  "Unknown cluster 'outbound|8000||triton-router.inference.svc.cluster.local'",
                  "Didn't find a registered implementation for type: 'type.googleapis.com/udpa.type.v1.TypedStruct'"]

    def ack_error():
        return ev("ADS:<*>: ACK ERROR <*> <*>", pick(["LDS", "RDS", "CDS", "LDS"]), old_conn(), pick(ack_errors))

    invalid = ["spec.http[0].route[0].destination.host: must be a fully qualified domain name",
               "trafficPolicy.tls.mode must be set when credentialName is used", "at least one of hosts or ports is required",
               "wildcard host * is not allowed for this kind"]

    def ignore_invalid():
        return ev("Ignoring invalid <*> <*>/<*>: <*>", pick(kinds[:3] + ["Gateway"]), pick(namespaces), pick(cfg_names), pick(invalid))

    vms = Cycle([("gpu-bare-%02d" % n, "10.60.8.%d" % (10 + n)) for n in range(1, 6)])

    def wle():
        vm, ip = vms()
        return ev("auto-registered WorkloadEntry <*>/<*> for proxy <*>", pick(["inference", "shop"]), "%s-%s" % (vm, ip.replace(".", "-")), "%s.%s" % (vm, "vm"))

    def send_timeout():
        return ev('ADS: "<*>" <*> <*> push timed out, closing stream', "%s:%s" % (pick(pods)[2], eph_port()), old_conn(), pick(["CDS", "EDS", "LDS"]))

    holder = "istiod-%s-%s" % (kname(10), kname(5))
    locks = Cycle([("istio-leader", holder), ("istio-namespace-controller-election", holder),
                   ("istio-gateway-deployment-default", "istiod-%s-%s" % (kname(10), kname(5)))])
    flags = Cycle([("domain", "cluster.local"), ("keepaliveMaxServerConnectionAge", "30m0s"), ("monitoringAddr", ":15014"),
                   ("log_output_level", "default:info"), ("grpcAddr", ":15010"), ("clusterID", "gpu-east-1")])

    events = [
        (70, ("info", "ads"), push),
        (52, ("info", "ads"), lambda: ev("ADS: new connection for node:<*>", conn_id())),
        (40, ("info", "ads"), debounce),
        (30, ("info", "ads"), terminated),
        (24, ("warn", "klog"), klog),
        (20, ("info", "model"), new_service),
        (16, ("info", "ca"), csr),
        (12, ("error", "ads"), ack_error),
        (10, ("warn", "model"), ignore_invalid),
        (8, ("info", "wle"), wle),
        (7, ("warn", "ads"), send_timeout),
        (6, ("info", "leaderelection"), lambda: ev("lock <*> acquired by <*>", *locks())),
        (5, ("info", ""), lambda: ev('FLAG: --<*>="<*>"', *flags())),
    ]

    def render(tag, content):
        level, scope = tag
        return "%sT%s.%sZ\t%s\t%s%s" % (c.ymd(), c.hms(), c.frac(6), level, scope + "\t" if scope else "", content)
    write("Istio", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. A Rust actix-web service logging through env_logger's default format:
#    `[yyyy-mm-ddThh:mm:ssZ LEVEL module::path] message`, the level left-aligned to 5;
#    requests by actix-web's `Logger::default()` (`%a "%r" %s %b "%{Referer}i" "%{User-Agent}i" %T`).
#    Content is what follows the `] ` closing the header.
def actix():
    c = Clock()
    uas = ["Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "curl/8.11.0", "okhttp/4.12.0",
           "kube-probe/1.31", "Prometheus/3.0.1", "python-httpx/0.28.1"]
    referers = ["-", "-", "-", "https://shop.example.com/cart", "https://shop.example.com/checkout"]
    state = {"order": R.randint(100000, 900000)}

    def access():
        method, path = pick([("GET", "/api/v1/orders/%d" % R.randint(100000, 999999)), ("GET", "/api/v1/products?page=%d" % R.randint(1, 40)),
                             ("POST", "/api/v1/orders"), ("POST", "/api/v1/cart/items"), ("GET", "/healthz"), ("GET", "/metrics"),
                             ("DELETE", "/api/v1/cart/items/%d" % R.randint(1, 99999))])
        return ev('<*>:<*> "<*> <*> <*>" <*> <*> "<*>" "<*>" <*>', client_ip(), eph_port(), method, path, pick(["HTTP/1.1", "HTTP/1.1", "HTTP/2.0"]),
                  pick(["200", "200", "200", "201", "204", "400", "401", "404", "429", "500"]), num(0, 90000), pick(referers), pick(uas),
                  "%.6f" % R.uniform(0.0001, 2.5))

    queries = ["find_open_orders", "load_customer", "list_products", "cart_items_for_session", "order_lines", "stock_levels"]

    def order_created():
        state["order"] += R.randint(1, 9)
        return ev("order <*> created for customer <*> (<*> items, total <*> <*>)", state["order"], uuid(), num(1, 14),
                  "%.2f" % R.uniform(3, 900), pick(["EUR", "EUR", "USD", "GBP"]))

    token_errors = ["ExpiredSignature", "InvalidSignature", "InvalidAudience", "InvalidToken"]
    pay_errors = ["error sending request for url (https://payments.internal.example.com/v1/charges)",
                  "HTTP status server error (502 Bad Gateway) for url (https://payments.internal.example.com/v1/charges)",
                  "operation timed out", "error decoding response body: missing field `charge_id` at line 1 column 48"]
    redis_errors = ["Connection refused (os error 111)", "broken pipe", "timed out", "LOADING: Redis is loading the dataset in memory"]
    upstreams = Cycle(["https://payments.internal.example.com/", "https://inventory.shop.svc.cluster.local:8443/", "http://10.43.0.12:9000/"])
    workers = Cycle(["4", "8", "16"])
    signals = Cycle([("SIGTERM", "graceful"), ("SIGINT", "forced"), ("SIGQUIT", "forced")])

    events = [
        (76, ("INFO", "actix_web::middleware::logger"), access),
        (52, ("DEBUG", "orders_api::repo"), lambda: ev("query <*> returned <*> rows in <*>ms", pick(queries), num(0, 500), flt(0.2, 90, 3))),
        (38, ("INFO", "orders_api::handlers::orders"), order_created),
        (30, ("WARN", "orders_api::auth"), lambda: ev("rejected bearer token for sub=<*>: <*>", uuid(), pick(token_errors))),
        (24, ("INFO", "orders_api::jobs::outbox"), lambda: ev("published <*> outbox events to <*> in <*>ms", num(1, 250),
                                                              pick(["orders.created", "orders.paid", "cart.abandoned"]), num(2, 900))),
        (20, ("ERROR", "orders_api::clients::payments"), lambda: ev("charge request for order <*> failed: <*>", state["order"] - R.randint(0, 50), pick(pay_errors))),
        (16, ("WARN", "orders_api::db"), lambda: ev("slow acquire from pool <*>: waited <*>ms (<*> idle, <*> in use)", pick(["primary", "replica"]),
                                                    num(250, 30000), num(0, 3), num(10, 32))),
        (12, ("WARN", "orders_api::middleware::ratelimit"), lambda: ev("rate limit exceeded for <*> on <*> (<*> req/min)", client_ip(),
                                                                       pick(["/api/v1/orders", "/api/v1/cart/items", "/api/v1/login"]), pick(["60", "120", "600"]))),
        (10, ("ERROR", "orders_api::cache"), lambda: ev("redis <*> failed: <*>", pick(["GET", "SETEX", "MGET", "DEL"]), pick(redis_errors))),
        (8, ("DEBUG", "reqwest::connect"), lambda: ev("starting new connection: <*>", upstreams())),
        (6, ("WARN", "orders_api::handlers::checkout"), lambda: ev("reservation <*> expired before checkout of order <*>", uuid(), state["order"] - R.randint(0, 80))),
        (5, ("INFO", "actix_server::builder"), lambda: ev("starting <*> workers", workers())),
        (3, ("INFO", "actix_server::server"), lambda: ev("<*> received; starting <*> shutdown", *signals())),
    ]

    def render(tag, content):
        level, module = tag
        return "[%sT%sZ %-5s %s] %s" % (c.ymd(), c.hms(), level, module, content)
    write("ActixWeb", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. DeepSpeed training run (rank 0's stdout), DeepSpeed's logger format
#    `[%(asctime)s] [%(levelname)s] [%(filename)s:%(lineno)d:%(funcName)s] %(message)s`:
#    `[yyyy-mm-dd hh:mm:ss,mmm] [INFO] [engine.py:2211:_take_model_step] message`; `log_dist`
#    messages begin with `[Rank N] `. Content is what follows the third bracket and its space.
def deepspeed():
    c = Clock()
    state = {"step": R.randint(300, 900) * 10, "skipped": R.randint(3, 60)}
    ckpt_root = "/lustre/ckpt/llama-13b-sft"

    def lr():
        return repr(round(R.uniform(1e-5, 3e-4), 11))

    def step_line():
        state["step"] += 10
        return ev("[Rank 0] step=<*>, skipped=<*>, lr=[<*>], mom=[(0.9, 0.95)]", state["step"], state["skipped"], lr())

    def timer():
        state["step"] += 10
        peak = R.uniform(30, 74)
        return ev("epoch=<*>/micro_step=<*>/global_step=<*>, RunningAvgSamplesPerSec=<*>, CurrSamplesPerSec=<*>, MemAllocated=<*>GB, MaxMemAllocated=<*>GB",
                  state["step"] // 1000, state["step"] * 8, state["step"], flt(40, 160, 12), flt(20, 180, 12), "%.2f" % (peak - R.uniform(3, 20)), "%.2f" % peak)

    def overflow():
        state["skipped"] += 1
        scale = 2 ** R.randint(12, 17)
        return ev("[deepspeed] OVERFLOW! Rank <*> Skipping step. Attempted loss scale: <*>, reducing to <*>", num(0, 7), scale, scale // 2)

    def breakdown():
        return ev("[Rank 0] time (ms) | forward: <*> | backward: <*> | backward_inner: <*> | backward_allreduce: <*> | step: <*>",
                  flt(80, 400, 2), flt(150, 800, 2), flt(100, 600, 2), flt(20, 300, 2), flt(10, 90, 2))

    def ckpt_file():
        step = state["step"] // 500 * 500
        f = pick(["mp_rank_00_model_states.pt"] + ["zero_pp_rank_%d_mp_rank_00_optim_states.pt" % r for r in range(8)])
        return "%s/global_step%d/%s" % (ckpt_root, step, f)

    masters = Cycle(["10.60.8.21", "10.60.8.34"])
    kills = Cycle([("['/usr/bin/python3', '-u', 'train.py', '--local_rank=%d', '--deepspeed', '--deepspeed_config', 'ds_z3.json']" % r, code)
                   for r, code in ((3, "-9"), (5, "1"), (0, "-6"))])
    mem = Cycle(["Before initializing optimizer states", "After initializing optimizer states", "After initializing ZeRO optimizer"])
    cfgs = Cycle([("512", "4", "8"), ("1024", "4", "16"), ("256", "2", "8")])

    events = [
        (84, ("INFO", "logging.py:128:log_dist"), step_line),
        (60, ("INFO", "timer.py:264:stop"), timer),
        (40, ("INFO", "loss_scaler.py:190:update_scale"), overflow),
        (28, ("INFO", "logging.py:128:log_dist"), breakdown),
        (22, ("WARNING", "stage3.py:2117:step"), lambda: ev("<*> allocator cache flushes since last step on rank <*>; memory pressure is high, consider lowering the micro batch size",
                                                             num(1, 40), num(0, 7))),
        (18, ("INFO", "torch_checkpoint_engine.py:33:save"), lambda: ev("[Torch] Saved <*>.", ckpt_file())),
        (14, ("INFO", "engine.py:3587:_save_zero_checkpoint"), lambda: ev("zero checkpoint saved <*>", ckpt_file())),
        (10, ("WARNING", "engine.py:2241:_take_model_step"), lambda: ev("[Rank <*>] grad norm <*> is not finite, skipping optimizer step <*>",
                                                                         num(0, 7), pick(["inf", "nan"]), state["step"] + R.randint(1, 9))),
        (8, ("INFO", "comm.py:718:mpi_discovery"), lambda: ev("Discovered MPI settings of world_rank=<*>, local_rank=<*>, world_size=16, master_addr=<*>, master_port=29500",
                                                               *(lambda r: (r, r % 8, masters()))(R.randint(0, 15)))),
        (6, ("INFO", "engine.py:3142:_load_checkpoint"), lambda: (lambda n: ev("[Rank <*>] loaded checkpoint <*> at global step <*>", num(0, 7),
                                                                               "%s/global_step%d" % (ckpt_root, n), n))(R.randint(4, 18) * 500)),
        (4, ("ERROR", "launch.py:325:sigkill_handler"), lambda: ev("<*> exits with return code = <*>", *kills())),
        (3, ("INFO", "utils.py:802:see_memory_usage"), lambda: ev("<*> MA <*> GB Max_MA <*> GB CA <*> GB Max_CA <*> GB", mem(), flt(2, 30, 2), flt(30, 60, 2), flt(30, 60, 2), num(60, 78))),
        (3, ("INFO", "config.py:1003:print"), lambda: ev("DeepSpeedEngine configuration: train_batch_size=<*> micro_batch=<*> gradient_accumulation_steps=<*>", *cfgs())),
    ]

    def render(tag, content):
        level, where = tag
        return "[%s %s,%s] [%s] [%s] %s" % (c.ymd(), c.hms(), c.frac(3), level, where, content)
    write("DeepSpeed", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Unbound, logging to its own logfile (`use-syslog: no`, `log-queries: yes`,
#    `log-replies: yes`): `[<unix seconds>] unbound[<pid>:<thread, hex>] <type>: message`,
#    types `debug`, `info`, `notice`, `warning`, `error`. Content is what follows `<type>: `.
def unbound():
    c = Clock()
    pid = R.randint(800, 30000)
    names = ["registry-1.docker.io.", "nvcr.io.", "huggingface.co.", "cdn-lfs.hf.co.", "pypi.org.", "files.pythonhosted.org.",
             "api.github.com.", "ntp.ubuntu.com.", "ldap01.corp.example.org.", "gpu017.hpc.example.org.", "s3.eu-west-1.amazonaws.com.",
             "37.8.60.10.in-addr.arpa.", "_ldap._tcp.corp.example.org."]
    qtypes = ["A", "A", "A", "AAAA", "AAAA", "HTTPS", "PTR", "SRV", "TXT", "MX"]

    def src():
        return "10.60.%d.%d" % (R.randint(0, 15), R.randint(2, 250))

    def query():
        return ev("<*> <*> <*> IN", src(), pick(names), pick(qtypes))

    def reply():
        return ev("<*> <*> <*> IN <*> <*> <*> <*>", src(), pick(names), pick(qtypes), pick(["NOERROR"] * 6 + ["NXDOMAIN", "NXDOMAIN", "SERVFAIL", "REFUSED"]),
                  "%.6f" % (R.uniform(0, 0.002) if R.random() < 0.6 else R.uniform(0.003, 1.2)), pick(["0", "1", "1"]), num(29, 1232))

    def stats():
        q = R.randint(500, 90000)
        cache = R.randint(0, q)
        return ev("server stats for thread <*>: <*> queries, <*> answers from cache, <*> recursions, <*> prefetch, <*> rejected by ip ratelimiting",
                  num(0, 3), q, cache, q - cache, num(0, 400), pick(["0", "0", "0", num(1, 90)]))

    def reqlist():
        return ev("server stats for thread <*>: requestlist max <*> avg <*> exceeded <*> jostled <*>",
                  num(0, 3), num(1, 200), flt(0, 30, 5), pick(["0", "0", num(1, 30)]), pick(["0", "0", num(1, 12)]))

    servfail = ["all the configured stub or forward servers failed, at zone . from 9.9.9.9 upstream server timeout",
                "exceeded the maximum nameserver nxdomains", "failed to send query to upstream 192.0.2.53",
                "misc failure"]
    val_fail = ["signature expired", "no signatures", "key for validation corp.example.org. is marked as invalid",
                "DS hash mismatches key"]
    send_errors = ["Network is unreachable", "Permission denied", "No route to host"]
    upstreams = [("ip4", "9.9.9.9", "853", "16"), ("ip4", "1.1.1.1", "853", "16"), ("ip6", "2620:fe::fe", "853", "28"),
                 ("ip4", "192.0.2.53", "53", "16"), ("ip6", "2001:db8::53", "53", "28")]
    tcp_errors = Cycle(["Connection refused", "Connection timed out", "No route to host"])
    zones = Cycle([("corp.example.org.", "20261206%02d" % R.randint(1, 9)), ("hpc.example.org.", "20261205%02d" % R.randint(1, 9)),
                   ("60.10.in-addr.arpa.", "%d" % R.randint(1000, 9000))])
    modules = Cycle([("0", "subnetcache"), ("1", "validator"), ("2", "iterator")])
    versions = Cycle(["1.21.1", "1.22.0"])

    def remote():
        fam, ip, port, ln = pick(upstreams)
        return ev("remote address is <*> <*> port <*> (len <*>)", fam, ip, port, ln)

    def tcp_connect():
        _, ip, port, ln = pick(upstreams)
        return ev("tcp connect: <*> for <*> port <*> (len <*>)", tcp_errors(), ip, port, ln)

    events = [
        (86, "info", query),
        (60, "info", reply),
        (36, "info", stats),
        (28, "info", reqlist),
        (22, "info", lambda: ev("average recursion processing time <*> sec", flt(0.004, 0.9, 6))),
        (18, "error", lambda: ev("SERVFAIL <<*> <*> IN>: <*>", pick(names), pick(qtypes), pick(servfail))),
        (14, "info", lambda: ev("validation failure <<*> <*> IN>: <*> from <*>", pick(names[8:10] + ["corp.example.org.", "www.example.net."]),
                                pick(["A", "DNSKEY", "DS", "AAAA"]), pick(val_fail), pick(["192.0.2.53", "198.51.100.7", "2001:db8::53"]))),
        (10, "notice", lambda: ev("sendto failed: <*>", pick(send_errors))),
        (8, "notice", remote),
        (6, "error", tcp_connect),
        (4, "info", lambda: ev("auth zone <*> transfer done, serial <*>", *zones())),
        (3, "notice", lambda: ev("init module <*>: <*>", *modules())),
        (3, "info", lambda: ev("start of service (unbound <*>).", versions())),
        (2, "info", lambda: ev("service stopped (unbound <*>).", versions())),
    ]

    def render(level, content):
        return "[%d] unbound[%d:%x] %s: %s" % (c.unix, pid, R.randint(0, 3), level, content)
    write("Unbound", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. Velero server (logrus text formatter, logfmt, no TTY):
#    `time="yyyy-mm-ddThh:mm:ssZ" level=<lvl> msg="…" key=value …`, the keys after `msg` sorted,
#    a value quoted when it holds anything outside `[A-Za-z0-9-._/@^+]`, `logSource` the
#    emitting file and line. Content is everything after `level=<lvl> ` (keys and quotes stay
#    literal).
def velero():
    c = Clock()
    schedules = ["nightly-full", "hourly-apps", "gpu-ops-weekly"]
    backups = ["velero/%s-202612%02d%02d%02d%02d" % (s, d, h, m, R.randint(0, 59))
               for s, d, h, m in (("nightly-full", 6, 2, 0), ("hourly-apps", 6, R.randint(6, 9), 5), ("hourly-apps", 6, R.randint(3, 5), 5),
                                  ("gpu-ops-weekly", 6, 1, 30), ("nightly-full", 5, 2, 0))]
    apps = [("shop", "checkout"), ("shop", "cart"), ("shop", "postgres"), ("bookinfo", "reviews"), ("monitoring", "grafana"),
            ("monitoring", "prometheus"), ("ml-serving", "triton"), ("ml-serving", "embeddings"), ("gitlab", "gitlab-runner")]
    items = []
    for ns, app in apps:
        items += [("pods", ns, "%s-%s-%s" % (app, kname(10), kname(5))), ("configmaps", ns, "%s-config" % app),
                  ("secrets", ns, "%s-tls" % app), ("persistentvolumeclaims", ns, "data-%s-0" % app),
                  ("deployments.apps", ns, app), ("services", ns, app), ("serviceaccounts", ns, app)]

    def item():
        return pick(items)

    def backing_up():
        r, ns, n = item()
        return ev('msg="Backing up item" backup=<*> logSource="pkg/backup/item_backupper.go:179" name=<*> namespace=<*> resource=<*>', pick(backups), n, ns, r)

    def processing():
        r, ns, n = item()
        return ev('msg="Processing item" backup=<*> logSource="pkg/backup/backup.go:436" name=<*> namespace=<*> progress= resource=<*>', pick(backups), n, ns, r)

    def backed_up():
        r, ns, n = item()
        total = R.randint(200, 4000)
        return ev('msg="Backed up <*> of an estimated <*> items" backup=<*> logSource="pkg/backup/backup.go:516" name=<*> namespace=<*> progress= resource=<*>',
                  R.randint(1, total), total, pick(backups), n, ns, r)

    groups = [("events", "v1"), ("events.events.k8s.io", "events.k8s.io/v1"), ("leases.coordination.k8s.io", "coordination.k8s.io/v1"),
              ("nodes", "v1"), ("jobs.batch", "batch/v1"), ("pods.metrics.k8s.io", "metrics.k8s.io/v1beta1")]

    def excluded():
        r, g = pick(groups)
        return ev('msg="Resource excluded by backup spec" backup=<*> group=<*> logSource="pkg/backup/item_collector.go:301" resource=<*>', pick(backups), g, r)

    def pvb_name():
        return "%s-%s" % (pick(backups).split("/")[1], kname(5))

    def pvb_done():
        r, ns, n = pick([i for i in items if i[0] == "pods"])
        return ev('msg="Uploader finished volume <*> of pod <*>/<*>: <*> bytes, <*> files" controller=podvolumebackup logSource="pkg/uploader/kopia/snapshot.go:212" podvolumebackup=velero/<*>',
                  pick(["data", "models", "cache", "wal"]), ns, n, R.randint(10 ** 5, 9 * 10 ** 11), num(1, 400000), pvb_name())

    skip_reasons = ["volume type hostPath is not supported", "persistent volume claim is not bound", "volume is excluded by annotation",
                    "emptyDir volumes are not backed up by default"]
    item_errors = ["rpc error: code = Unknown desc = timed out waiting for VolumeSnapshot to become ready",
                   "error getting persistent volume claim: persistentvolumeclaims not found",
                   "client rate limiter Wait returned an error: context deadline exceeded",
                   "error executing custom action: the server was unable to return a response in the time allotted"]
    bsl_errors = Cycle(["rpc error: code = Unknown desc = operation error S3: ListObjectsV2, https response error StatusCode: 403, api error AccessDenied: Access Denied",
                        "rpc error: code = Unknown desc = dial tcp 10.61.0.20:9000: connect: connection refused",
                        "BackupStorageLocation is unavailable: bucket velero-gpu-east does not exist"])
    bsls = Cycle(["velero/default", "velero/offsite-minio"])
    done = Cycle(backups)
    due = Cycle(["velero/" + s for s in schedules])
    expired = Cycle(backups[-3:])

    events = [
        (88, "info", backing_up),
        (60, "info", processing),
        (36, "info", backed_up),
        (28, "debug", excluded),
        (22, "info", lambda: ev('msg="Reconciling PodVolumeBackup" controller=podvolumebackup logSource="pkg/controller/pod_volume_backup_controller.go:104" podvolumebackup=velero/<*>',
                                pvb_name())),
        (18, "info", pvb_done),
        (14, "warning", lambda: (lambda it: ev('msg="Volume <*> of pod <*> is not backed up: <*>" backup=<*> logSource="pkg/podvolume/backupper.go:247" namespace=<*>',
                                               pick(["data", "scratch", "shm", "host-logs"]), it[2], pick(skip_reasons), pick(backups), it[1]))(
            pick([i for i in items if i[0] == "pods"]))),
        (10, "error", lambda: (lambda it: ev('msg="Error backing up item" backup=<*> error="<*>" error.file="/go/src/github.com/vmware-tanzu/velero/pkg/backup/item_backupper.go:441" '
                                             'error.function="github.com/vmware-tanzu/velero/pkg/backup.(*itemBackupper).backupItemInternal" logSource="pkg/backup/backup.go:480" name=<*>',
                                             pick(backups), pick(item_errors), it[2]))(item())),
        (8, "info", lambda: ev('msg="BackupStorageLocation is valid, marking as available" backup-storage-location=<*> controller=backup-storage-location logSource="pkg/controller/backup_storage_location_controller.go:128"',
                               bsls())),
        (6, "error", lambda: ev('msg="fail to validate backup store" backup-storage-location=<*> controller=backup-storage-location error="<*>" logSource="pkg/controller/backup_storage_location_controller.go:143"',
                                bsls(), bsl_errors())),
        (4, "info", lambda: ev('msg="Backup completed" backup=<*> controller=backup logSource="pkg/controller/backup_controller.go:790"', done())),
        (3, "info", lambda: ev('msg="Schedule is due, creating new backup" controller=schedule logSource="pkg/controller/schedule_controller.go:186" schedule=<*>', due())),
        (3, "info", lambda: ev('msg="Backup has expired, deleting it" backup=<*> controller=gc logSource="pkg/controller/gc_controller.go:171"', expired())),
    ]

    def render(level, content):
        return 'time="%sT%sZ" level=%s %s' % (c.ymd(), c.hms(), level, content)
    write("Velero", c, events, render)


# ------------------------------------------------------------------------------------------
# Read-back checks.
# Each system's header: the raw line minus its Content must match this (the named group `ts` is
# the timestamp), and `key` turns `ts` into a sortable tuple; `strict` is True where the
# timestamp resolution is finer than the smallest clock step (so timestamps must increase).
HEADERS = {
    "Ceph": (r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})\+0000 7f[0-9a-f]{10} (?: \d|-\d|\d\d) ",
             lambda ts: (ts,), True),
    "Istio": (r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6})Z\t(?:debug|info|warn|error)\t(?:[A-Za-z]+\t)?",
              lambda ts: (ts,), True),
    "ActixWeb": (r"\[(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z (?:ERROR|WARN |INFO |DEBUG|TRACE) [a-z_]+(?:::[a-z_]+)*\] ",
                 lambda ts: (ts,), False),
    "DeepSpeed": (r"\[(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})\] \[(?:DEBUG|INFO|WARNING|ERROR)\] \[\w+\.py:\d+:\w+\] ",
                  lambda ts: (ts,), True),
    "Unbound": (r"\[(?P<ts>\d{10})\] unbound\[\d+:[0-9a-f]+\] (?:debug|info|notice|warning|error): ",
                lambda ts: (int(ts),), False),
    "Velero": (r'time="(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z" level=(?:debug|info|warning|error) ',
               lambda ts: (ts,), False),
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
    ceph()
    istio()
    actix()
    deepspeed()
    unbound()
    velero()
    for system, counts in self_check().items():
        print("%-10s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
