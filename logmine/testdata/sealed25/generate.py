#!/usr/bin/env python3
"""Sealed 25: generator for a small blind labelled log corpus.

Python 3 standard library only and fully deterministic: no wall clock, no locale.
Base seed 20270108; system k (1..6) uses random.Random(20270108 * 10 + k).
All time comes from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system, then re-reads and self-checks them.
"""
import csv
import math
import os
import random
import re
import sys

BASE_SEED = 20270108
N_LINES = 300
OUT_DIR = os.path.dirname(os.path.abspath(__file__))
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
YEAR, MONTH, DAY = 2026, 3, 14
NS = 1_000_000_000
MS = 1_000_000


# ---------------------------------------------------------------- clock ----
def days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


DAY0 = days_from_civil(YEAR, MONTH, DAY) * 86400 * NS


def at(h, m, s=0):
    return DAY0 + ((h * 60 + m) * 60 + s) * NS


def split(t):
    off = t - DAY0
    if not 0 <= off < 86400 * NS:
        raise ValueError("clock left 2026-03-14")
    sec, frac = divmod(off, NS)
    return sec // 3600, (sec // 60) % 60, sec % 60, frac


def ts_klog(t):
    h, m, s, f = split(t)
    return "%02d%02d %02d:%02d:%02d.%06d" % (MONTH, DAY, h, m, s, f // 1000)


def ts_rfc3339nano(t):
    h, m, s, f = split(t)
    frac = ("%09d" % f).rstrip("0")
    return "%04d-%02d-%02dT%02d:%02d:%02d%sZ" % (
        YEAR, MONTH, DAY, h, m, s, ("." + frac) if frac else "")


def ts_rfc3339(t):
    h, m, s, _ = split(t)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (YEAR, MONTH, DAY, h, m, s)


def ts_capnslog(t):
    h, m, s, f = split(t)
    return "%04d-%02d-%02d %02d:%02d:%02d.%06d" % (YEAR, MONTH, DAY, h, m, s, f // 1000)


def minute_epoch(t):
    return t // (60 * NS)


# -------------------------------------------------------------- helpers ----
def _trim(intpart, frac, width):
    f = ("%0*d" % (width, frac)).rstrip("0")
    return "%d.%s" % (intpart, f) if f else "%d" % intpart


def go_dur(ns):
    """Go time.Duration.String()."""
    if ns < 1000:
        return "%dns" % ns
    if ns < MS:
        return _trim(ns // 1000, ns % 1000, 3) + "\u00b5s"
    if ns < NS:
        return _trim(ns // MS, ns % MS, 6) + "ms"
    if ns < 60 * NS:
        return _trim(ns // NS, ns % NS, 9) + "s"
    mins, rest = divmod(ns, 60 * NS)
    return "%dm%ss" % (mins, _trim(rest // NS, rest % NS, 9))


K8S_ALNUM = "bcdfghjklmnpqrstvwxz2456789"


def k8s_suffix(r, n=5):
    return "".join(r.choice(K8S_ALNUM) for _ in range(n))


def rs_hash(r):
    return k8s_suffix(r, 10)


def mac(r):
    first = (r.randrange(256) & 0xFC) | 0x02
    return ":".join("%02x" % b for b in [first] + [r.randrange(256) for _ in range(5)])


def uuid4(r):
    h = "%032x" % r.getrandbits(128)
    h = h[:12] + "4" + h[13:16] + "89ab"[r.randrange(4)] + h[17:]
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def fill(tpl, vals):
    parts = tpl.split("<*>")
    if len(parts) - 1 != len(vals):
        raise ValueError("slot count mismatch for %r: %r" % (tpl, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        if not v or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, tpl))
        out.append(v)
        out.append(p)
    return "".join(out)


class Picker:
    """Small pools cycle per (event, slot), so every slot sees >= 2 values."""

    def __init__(self):
        self.n = {}

    def __call__(self, key, pool):
        i = self.n.get(key, 0)
        self.n[key] = i + 1
        return pool[i % len(pool)]


class Ev:
    def __init__(self, key, tpl, count=0, gen=None, **meta):
        self.key, self.tpl, self.count, self.gen, self.meta = key, tpl, count, gen, meta


# --------------------------------------------------------- header styles ---
def klog_header(t, meta):
    return "%s%s %7d %s] " % (meta["lvl"], ts_klog(t), meta.get("pid", 1), meta["src"])


KLOG_RE = r"[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ [A-Za-z0-9_.-]+\.go:\d+\] "


def klog_time(line):
    m = re.match(r"[IWEF](\d\d)(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{6}) ", line)
    mo, d, h, mi, s, us = map(int, m.groups())
    return ((((mo * 31 + d) * 24 + h) * 60 + mi) * 60 + s) * NS + us * 1000


def metallb_header(t, meta):
    return '{"caller":"%s",' % meta["caller"]


METALLB_RE = r'\{"caller":"[a-z_]+\.go:\d+",'


def metallb_time(line):
    m = re.search(r'"ts":"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?Z"\}$', line)
    y, mo, d, h, mi, s = map(int, m.groups()[:6])
    frac = int((m.group(7) or "").ljust(9, "0"))
    return ((((mo * 31 + d) * 24 + h) * 60 + mi) * 60 + s) * NS + frac


def logrus_header(t, meta):
    return 'time="%s" level=%s msg=' % (ts_rfc3339(t), meta["lvl"])


LOGRUS_RE = r'time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" level=(?:debug|info|warning|error|fatal) msg='


def logrus_time(line):
    m = re.match(r'time="\d{4}-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z"', line)
    mo, d, h, mi, s = map(int, m.groups())
    return ((((mo * 31 + d) * 24 + h) * 60 + mi) * 60 + s) * NS


def capnslog_header(t, meta):
    return "%s %s | %s: " % (ts_capnslog(t), meta["lvl"], meta["pkg"])


CAPNSLOG_RE = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} [DINWEC] \| [a-z0-9-]+: "


def capnslog_time(line):
    m = re.match(r"\d{4}-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{6}) ", line)
    mo, d, h, mi, s, us = map(int, m.groups())
    return ((((mo * 31 + d) * 24 + h) * 60 + mi) * 60 + s) * NS + us * 1000


# ======================================================================
# 1. KubeControllerManager (simulation: Deployments rolling out, CronJob runs)
# ======================================================================
def _evt(kind, api, typ, reason, message):
    return ('"Event occurred" object="<*>" fieldPath="" kind="%s" apiVersion="%s" '
            'type="%s" reason="%s" message="%s"' % (kind, api, typ, reason, message))


KCM_EVENTS = [
    Ev("scaled_up", _evt("Deployment", "apps/v1", "Normal", "ScalingReplicaSet",
                         "Scaled up replica set <*> to <*> from <*>"), lvl="I", src="event.go:377"),
    Ev("scaled_down", _evt("Deployment", "apps/v1", "Normal", "ScalingReplicaSet",
                           "Scaled down replica set <*> to <*> from <*>"), lvl="I", src="event.go:377"),
    Ev("too_few", '"Too few replicas" logger="replicaset-controller" replicaSet="<*>" need=<*> creating=<*>',
       lvl="I", src="replica_set.go:576"),
    Ev("too_many", '"Too many replicas" logger="replicaset-controller" replicaSet="<*>" need=<*> deleting=<*>',
       lvl="I", src="replica_set.go:603"),
    Ev("rs_created_pod", _evt("ReplicaSet", "apps/v1", "Normal", "SuccessfulCreate", "Created pod: <*>"),
       lvl="I", src="event.go:377"),
    Ev("rs_deleted_pod", _evt("ReplicaSet", "apps/v1", "Normal", "SuccessfulDelete", "Deleted pod: <*>"),
       lvl="I", src="event.go:377"),
    Ev("cj_created_job", _evt("CronJob", "batch/v1", "Normal", "SuccessfulCreate", "Created job <*>"),
       lvl="I", src="event.go:377"),
    Ev("job_created_pod", _evt("Job", "batch/v1", "Normal", "SuccessfulCreate", "Created pod: <*>"),
       lvl="I", src="event.go:377"),
    Ev("job_completed", _evt("Job", "batch/v1", "Normal", "Completed", "Job completed"),
       lvl="I", src="event.go:377"),
    Ev("cj_saw_completed", _evt("CronJob", "batch/v1", "Normal", "SawCompletedJob",
                                "Saw completed job: <*>, status: Complete"), lvl="I", src="event.go:377"),
    Ev("cj_deleted_job", _evt("CronJob", "batch/v1", "Normal", "SuccessfulDelete", "Deleted job <*>"),
       lvl="I", src="event.go:377"),
    Ev("job_backoff", _evt("Job", "batch/v1", "Warning", "BackoffLimitExceeded",
                           "Job has reached the specified backoff limit"), lvl="I", src="event.go:377"),
    Ev("eps_retry", '"Error syncing endpoint slices for service, retrying" logger="endpointslice-controller" '
                    'key="<*>" err="<*>"', lvl="I", src="endpointslice_controller.go:311"),
    Ev("podgc_force", '"PodGC is force deleting Pod" logger="pod-garbage-collector-controller" pod="<*>"',
       lvl="I", src="gc_controller.go:329"),
]


def sim_kcm(r, P, emit):
    t0 = at(7, 40, 0)
    t_end = t0 + 45 * 60 * NS

    def jit(lo, hi):
        return r.randint(lo, hi) * MS + r.randint(0, 999) * 1000 + r.randint(0, 999)
    deps = [
        ["shop", "checkout-api", 8], ["default", "nginx", 3], ["payments", "ledger-worker", 4],
        ["monitoring", "grafana", 2], ["web", "frontend", 12], ["search", "indexer", 6],
        ["auth", "token-service", 5], ["kube-system", "coredns", 2],
    ]
    eps_errs = [
        "EndpointSlice informer cache is out of date",
        'failed to update %s EndpointSlice for Service %s: Operation cannot be fulfilled on '
        'endpointslices.discovery.k8s.io \\"%s\\": the object has been modified; please apply your '
        'changes to the latest version and try again',
        'failed to create EndpointSlice for Service %s: Internal error occurred: resource quota '
        'evaluation timed out',
    ]

    def maybe_eps(t, ns, name, p):
        if r.random() < p:
            e = P(("eps", "err"), eps_errs)
            if e.startswith("failed to update"):
                slice_name = "%s-%s" % (name, k8s_suffix(r))
                e = e % (slice_name, ns + "/" + name, slice_name)
            elif "%s" in e:
                e = e % (ns + "/" + name)
            emit(t + jit(2, 40), "eps_retry", ns + "/" + name, e)

    def create_pods(t, ns, rs, k):
        for _ in range(k):
            t += jit(3, 25)
            emit(t, "rs_created_pod", "%s/%s" % (ns, rs), "%s-%s" % (rs, k8s_suffix(r)))
        return t

    def delete_pods(t, ns, rs, pods, k):
        for _ in range(k):
            t += jit(2, 20)
            pod = pods.pop(0) if pods else "%s-%s" % (rs, k8s_suffix(r))
            emit(t, "rs_deleted_pod", "%s/%s" % (ns, rs), pod)
        return t

    # ---- Deployments: rollouts and horizontal scaling, one timeline per Deployment
    for ns, name, replicas in deps:
        cur = "%s-%s" % (name, rs_hash(r))
        t = t0 + int(r.expovariate(1.0) * 6 * 60 * NS)
        while t < t_end:
            action = r.random()
            if action < 0.6:
                new = "%s-%s" % (name, rs_hash(r))
                s = max(1, (replicas + 3) // 4)
                n_new, n_old = 0, replicas
                old_pods = []
                while n_old > 0:
                    if n_new < replicas:
                        k = min(s, replicas - n_new)
                        emit(t, "scaled_up", ns + "/" + name, new, n_new + k, n_new)
                        t += jit(4, 30)
                        emit(t, "too_few", "%s/%s" % (ns, new), n_new + k, k)
                        t = create_pods(t, ns, new, k)
                        maybe_eps(t, ns, name, 0.07)
                        n_new += k
                    t += r.randint(3, 22) * NS + jit(0, 999)
                    d = min(s, n_old)
                    emit(t, "scaled_down", ns + "/" + name, cur, n_old - d, n_old)
                    t += jit(4, 30)
                    emit(t, "too_many", "%s/%s" % (ns, cur), n_old - d, d)
                    t = delete_pods(t, ns, cur, old_pods, d)
                    maybe_eps(t, ns, name, 0.07)
                    n_old -= d
                    t += r.randint(1, 4) * NS
                cur = new
            else:
                k = r.randint(1, 3)
                if action < 0.8 or replicas - k < 1:
                    emit(t, "scaled_up", ns + "/" + name, cur, replicas + k, replicas)
                    t += jit(4, 30)
                    emit(t, "too_few", "%s/%s" % (ns, cur), replicas + k, k)
                    t = create_pods(t, ns, cur, k)
                    replicas += k
                else:
                    emit(t, "scaled_down", ns + "/" + name, cur, replicas - k, replicas)
                    t += jit(4, 30)
                    emit(t, "too_many", "%s/%s" % (ns, cur), replicas - k, k)
                    t = delete_pods(t, ns, cur, [], k)
                    replicas -= k
                maybe_eps(t, ns, name, 0.1)
            t += int(r.expovariate(1.0) * 9 * 60 * NS) + 20 * NS

    # ---- CronJobs: each run is its own Job entity
    cronjobs = [("billing", "invoice-sync", 3, 2), ("default", "cleanup-tmp", 5, 0),
                ("batch", "report-gen", 10, 0), ("monitoring", "backup-prom", 15, 0)]
    for ns, name, period, fail_every in cronjobs:
        history = []
        m = minute_epoch(t0)
        m -= m % period
        for i in range(4):
            history.insert(0, "%s-%d" % (name, m - (i + 1) * period))
        m += period
        run = 0
        while m * 60 * NS < t_end:
            run += 1
            job = "%s-%d" % (name, m)
            t = m * 60 * NS + jit(40, 1900)
            emit(t, "cj_created_job", ns + "/" + name, job)
            t += jit(6, 40)
            emit(t, "job_created_pod", ns + "/" + job, "%s-%s" % (job, k8s_suffix(r)))
            if fail_every and run % fail_every == 0:
                for back in (10, 20):
                    t += back * NS + jit(500, 9000)
                    emit(t, "job_created_pod", ns + "/" + job, "%s-%s" % (job, k8s_suffix(r)))
                t += r.randint(3, 30) * NS
                emit(t, "job_backoff", ns + "/" + job)
            else:
                t += r.randint(4, min(50, period * 45)) * NS + jit(0, 999)
                emit(t, "job_completed", ns + "/" + job)
                t += jit(20, 900)
                emit(t, "cj_saw_completed", ns + "/" + name, job)
                history.append(job)
                while len(history) > 3:
                    t += jit(5, 60)
                    emit(t, "cj_deleted_job", ns + "/" + name, history.pop(0))
            m += period

    # ---- background: PodGC force-deleting orphaned pods of a removed node
    t = t0 + int(r.expovariate(1.0) * 3 * 60 * NS)
    while t < t_end:
        ns, name, _ = P(("podgc", "dep"), deps)
        emit(t, "podgc_force", "%s/%s-%s-%s" % (ns, name, rs_hash(r), k8s_suffix(r)))
        t += int(r.expovariate(1.0) * 4 * 60 * NS) + NS


# ======================================================================
# 2. KubeProxy (seeded shuffle)
# ======================================================================
KP_SVCS = [
    ("default", "kubernetes", "https", "10.96.0.1", 443, "TCP"),
    ("kube-system", "kube-dns", "dns", "10.96.0.10", 53, "UDP"),
    ("kube-system", "kube-dns", "dns-tcp", "10.96.0.10", 53, "TCP"),
    ("kube-system", "kube-dns", "metrics", "10.96.0.10", 9153, "TCP"),
    ("shop", "checkout-api", "http", "10.96.41.17", 8080, "TCP"),
    ("shop", "cart", "grpc", "10.96.112.5", 9090, "TCP"),
    ("monitoring", "prometheus-k8s", "web", "10.96.73.201", 9090, "TCP"),
    ("monitoring", "grafana", "", "10.96.8.144", 3000, "TCP"),
    ("ingress-nginx", "ingress-nginx-controller", "http", "10.96.220.9", 80, "TCP"),
    ("ingress-nginx", "ingress-nginx-controller", "https", "10.96.220.9", 443, "TCP"),
    ("payments", "ledger", "postgres", "10.96.150.66", 5432, "TCP"),
    ("ci", "runner-cache", "", "10.96.33.90", 9000, "TCP"),
    ("iot", "mqtt", "mqtt", "10.96.19.240", 1883, "TCP"),
]


def kp_svc(r):
    if r.random() < 0.35:
        n = r.randint(1000, 9999)
        return ("dev", "preview-%d" % n, "http",
                "10.96.%d.%d" % (r.randint(1, 254), r.randint(1, 254)), 80, "TCP")
    return r.choice(KP_SVCS)


def kp_portname(s):
    return "%s/%s:%s" % (s[0], s[1], s[2]) if s[2] else "%s/%s" % (s[0], s[1])


def kp_add(r, P):
    s = kp_svc(r)
    return [kp_portname(s), "%s:%d/%s" % (s[3], s[4], s[5])]


def kp_stale_ips(r, P):
    n = r.choice((1, 1, 2))
    return [",".join('"%s"' % r.choice(KP_SVCS)[3] if r.random() < 0.6 else
                     '"10.96.%d.%d"' % (r.randint(1, 254), r.randint(1, 254)) for _ in range(n))]


def kp_stale_eps(r, P):
    out = []
    for _ in range(r.choice((1, 1, 2))):
        s = P(("stale_eps", "svc"), KP_SVCS[1:4] + KP_SVCS[4:6] + KP_SVCS[12:13])
        out.append("{Endpoint:10.244.%d.%d:%d ServicePortName:%s}" % (
            r.randint(0, 7), r.randint(2, 250), 8080 if s[4] < 1024 and s[1] != "kube-dns" else s[4],
            kp_portname(s)))
    return [" ".join(out)]


KP_TYPES = ("*v1.Service", "*v1.EndpointSlice", "*v1.Node")
KP_APIS = ("10.0.1.10:6443", "k8s-api.corp.internal:6443")
KP_ERRS = ("dial tcp %s: connect: connection refused", "net/http: TLS handshake timeout",
           "dial tcp %s: i/o timeout", "http2: client connection lost")


def kp_list_err(r, P, key):
    typ = P((key, "type"), KP_TYPES)
    api = P((key, "api"), KP_APIS)
    rv = r.randint(1800000, 2600000)
    if typ == "*v1.Service":
        url = ("https://%s/api/v1/services?labelSelector=%%21service.kubernetes.io%%2Fheadless%%2C"
               "%%21service.kubernetes.io%%2Fservice-proxy-name&limit=500&resourceVersion=%d" % (api, rv))
    elif typ == "*v1.EndpointSlice":
        url = ("https://%s/apis/discovery.k8s.io/v1/endpointslices?labelSelector=%%21service.kubernetes.io"
               "%%2Fheadless%%2C%%21service.kubernetes.io%%2Fservice-proxy-name&limit=500&resourceVersion=%d"
               % (api, rv))
    else:
        url = ("https://%s/api/v1/nodes?fieldSelector=metadata.name%%3Dworker-07&limit=500&resourceVersion=%d"
               % (api, rv))
    err = P((key, "err"), KP_ERRS)
    if "%s" in err:
        err = err % api
    return typ, url, err


def kp_warn(r, P):
    typ, url, err = kp_list_err(r, P, "warn")
    return [typ, url, err]


def kp_watch(r, P):
    typ, url, err = kp_list_err(r, P, "watch")
    return [typ, typ, url, err]


def kp_sync_done(r, P):
    return [go_dur(int(r.lognormvariate(math.log(38e6), 0.55)))]


def kp_reload(r, P):
    nsvc = r.randint(38, 47)
    neps = nsvc * 2 + r.randint(5, 40)
    return [nsvc, neps, r.choice((5, 6)), r.randint(3, 14), nsvc * 2 + r.randint(10, 60),
            neps * 2 + nsvc + r.randint(20, 80)]


KUBEPROXY_EVENTS = [
    Ev("sync_done", '"SyncProxyRules complete" elapsed="<*>"', 90, kp_sync_done, lvl="I", src="proxier.go:805"),
    Ev("reload", '"Reloading service iptables data" numServices=<*> numEndpoints=<*> numFilterChains=<*> '
                 'numFilterRules=<*> numNATChains=<*> numNATRules=<*>', 80, kp_reload,
       lvl="I", src="proxier.go:1534"),
    Ev("add_port", '"Adding new service port" portName="<*>" servicePort="<*>"', 34, kp_add,
       lvl="I", src="servicechangetracker.go:143"),
    Ev("remove_port", '"Removing service port" portName="<*>"', 16,
       lambda r, P: [kp_portname(kp_svc(r))], lvl="I", src="servicechangetracker.go:157"),
    Ev("update_port", '"Updating existing service port" portName="<*>" servicePort="<*>"', 12, kp_add,
       lvl="I", src="servicechangetracker.go:145"),
    Ev("stale_svc", '"Deleting conntrack stale entries for services" IPs=[<*>]', 8, kp_stale_ips,
       lvl="I", src="cleanup.go:63"),
    Ev("stale_eps", '"Deleting stale endpoint connections" endpoints=[<*>]', 10, kp_stale_eps,
       lvl="I", src="cleanup.go:83"),
    Ev("list_failed", "k8s.io/client-go/informers/factory.go:159: failed to list <*>: Get \"<*>\": <*>", 7,
       kp_warn, lvl="W", src="reflector.go:561"),
    Ev("watch_failed", "k8s.io/client-go/informers/factory.go:159: Failed to watch <*>: failed to list <*>: "
                       "Get \"<*>\": <*>", 7, kp_watch, lvl="E", src="reflector.go:158"),
    Ev("using_iptables", '"Using iptables Proxier"', 3, lambda r, P: [], lvl="I", src="server_linux.go:218"),
    Ev("node_ips", '"Successfully retrieved node IP(s)" IPs=["10.0.1.27"]', 3, lambda r, P: [],
       lvl="I", src="server.go:677"),
    Ev("version", '"Version info" version="<*>"', 3,
       lambda r, P: [P(("version", "v"), ("v1.29.4", "v1.29.6"))], lvl="I", src="server.go:484"),
    Ev("starting_cfg", '"Starting <*> config controller"', 9,
       lambda r, P: [P(("starting", "c"), ("service", "endpoint slice", "node"))], lvl="I", src="config.go:188"),
    Ev("wait_sync", "Waiting for caches to sync for <*>", 9,
       lambda r, P: [P(("wait", "c"), ("service config", "endpoint slice config", "node config"))],
       lvl="I", src="shared_informer.go:313"),
    Ev("synced", "Caches are synced for <*>", 9,
       lambda r, P: [P(("synced", "c"), ("service config", "endpoint slice config", "node config"))],
       lvl="I", src="shared_informer.go:320"),
]


# ======================================================================
# 3. Flannel (seeded shuffle)
# ======================================================================
FL_NODES = [
    ("10.0.1.21", "5e:1a:9c:02:7b:e4", "10.244.0.0/24"),
    ("10.0.1.23", "0a:7f:31:c4:19:5d", "10.244.2.0/24"),
    ("10.0.1.24", "be:02:66:d1:8a:30", "10.244.3.0/24"),
    ("10.0.1.25", "62:9c:e8:45:0f:b7", "10.244.4.0/24"),
    ("10.0.1.31", "ce:48:13:7a:f2:91", "10.244.5.0/24"),
]


def fl_node(r, P, key):
    if r.random() < 0.45:
        return ("10.0.2.%d" % r.randint(10, 250), mac(r), "10.244.%d.0/24" % r.randint(6, 90))
    return P((key, "node"), FL_NODES)


def fl_event(r, P):
    ip, m, _ = fl_node(r, P, "event")
    return [ip, '{"VNI":1,"VtepMAC":"%s"}' % m]


def fl_subnet(key):
    def g(r, P):
        ip, m, sn = fl_node(r, P, key)
        return [sn, ip, m]
    return g


FL_RULES = (
    "-s 10.244.0.0/16 -d 10.244.0.0/16 -m comment --comment flanneld masq -j RETURN",
    "-s 10.244.0.0/16 ! -d 224.0.0.0/4 -m comment --comment flanneld masq -j MASQUERADE --random-fully",
    "! -s 10.244.0.0/16 -d 10.244.1.0/24 -m comment --comment flanneld masq -j RETURN",
    "! -s 10.244.0.0/16 -d 10.244.0.0/16 -m comment --comment flanneld masq -j MASQUERADE --random-fully",
    '-s 10.244.0.0/16 -m comment --comment "flanneld forward" -j ACCEPT',
    '-d 10.244.0.0/16 -m comment --comment "flanneld forward" -j ACCEPT',
)


def fl_ensure_err(r, P):
    chain, rule = P(("ensure", "rule"), (("FLANNEL-POSTRTG", FL_RULES[0]), ("FLANNEL-FWD", FL_RULES[4]),
                                         ("FLANNEL-POSTRTG", FL_RULES[1])))
    table = "nat" if chain == "FLANNEL-POSTRTG" else "filter"
    tail = P(("ensure", "tail"), ("exit status 4: iptables: Resource temporarily unavailable.",
                                  "exit status 4: Another app is currently holding the xtables lock. "
                                  "Stopped waiting after %ds." % r.randint(5, 30)))
    return ["error checking rule existence: failed to check rule existence: running [/sbin/iptables -t %s "
            "-C %s %s --wait]: %s" % (table, chain, rule, tail)]


def fl_subnet_mgr_err(r, P):
    pod = "kube-flannel-ds-%s" % k8s_suffix(r)
    tail = P(("sm", "err"), ("dial tcp 10.96.0.1:443: i/o timeout", "dial tcp 10.96.0.1:443: connect: connection refused"))
    return ["error retrieving pod spec for 'kube-flannel/%s': Get \"https://10.96.0.1:443/api/v1/namespaces/"
            "kube-flannel/pods/%s\": %s" % (pod, pod, tail)]


FLANNEL_EVENTS = [
    Ev("subnet_event", "Received Subnet Event with VxLan: BackendType: vxlan, PublicIP: <*>, PublicIPv6: (nil), "
                       "BackendData: <*>, BackendV6Data: (nil)", 80, fl_event, lvl="I", src="vxlan_network.go:159"),
    Ev("adding_subnet", "adding subnet: <*> PublicIP: <*> VtepMAC: <*>", 60, fl_subnet("add"),
       lvl="I", src="vxlan_network.go:178"),
    Ev("removing_subnet", "removing subnet: <*> PublicIP: <*> VtepMAC: <*>", 15, fl_subnet("rm"),
       lvl="I", src="vxlan_network.go:213"),
    Ev("rules_missing", "Some iptables rules are missing; deleting and recreating rules", 21,
       lambda r, P: [], lvl="I", src="iptables.go:421"),
    Ev("deleting_rule", "Deleting iptables rule: <*>", 44,
       lambda r, P: [P(("del", "rule"), FL_RULES)], lvl="I", src="iptables.go:283"),
    Ev("adding_rule", "Adding iptables rule: <*>", 44,
       lambda r, P: [P(("add", "rule"), FL_RULES)], lvl="I", src="iptables.go:270"),
    Ev("ensure_failed", "Failed to ensure iptables rules: <*>", 9, fl_ensure_err, lvl="E", src="iptables.go:327"),
    Ev("using_iface", "Using interface with name ens5 and address 10.0.1.22", 4, lambda r, P: [],
       lvl="I", src="main.go:535"),
    Ev("node_lease", "Creating the node lease for IPv4. This is the n.Spec.PodCIDRs: [10.244.1.0/24]", 4,
       lambda r, P: [], lvl="I", src="kube.go:636"),
    Ev("subnet_file", "Wrote subnet file to /run/flannel/subnet.env", 4, lambda r, P: [],
       lvl="I", src="main.go:413"),
    Ev("running_backend", "Running backend.", 4, lambda r, P: [], lvl="I", src="main.go:417"),
    Ev("subnet_mgr_failed", "Failed to create SubnetManager: <*>", 4, fl_subnet_mgr_err,
       lvl="E", src="main.go:332"),
    Ev("exiting", "Exiting cleanly...", 3, lambda r, P: [], lvl="I", src="main.go:445"),
    Ev("node_sync_ok", "Node controller sync successful", 4, lambda r, P: [], lvl="I", src="kube.go:477"),
]


# ======================================================================
# 4. MetalLB (simulation: LoadBalancer Services, member nodes, config edits)
# ======================================================================
METALLB_EVENTS = [
    Ev("svc_start", '"controller":"ServiceReconciler","level":"info","start reconcile":"<*>","ts":"<*>"}',
       caller="service_controller.go:60"),
    Ev("svc_end", '"controller":"ServiceReconciler","end reconcile":"<*>","level":"info","ts":"<*>"}',
       caller="service_controller.go:103"),
    Ev("ip_allocated", '"event":"ipAllocated","ip":["<*>"],"level":"info","msg":"IP address assigned by '
                       'controller","ts":"<*>"}', caller="service.go:114"),
    Ev("svc_deleted", '"event":"serviceDeleted","level":"info","msg":"service deleted","service":"<*>",'
                      '"ts":"<*>"}', caller="service.go:66"),
    Ev("announced", '"event":"serviceAnnounced","ips":["<*>"],"level":"info","msg":"service has IP, '
                    'announcing","pool":"<*>","protocol":"layer2","ts":"<*>"}', caller="main.go:374"),
    Ev("withdrawn", '"event":"serviceWithdrawn","ip":null,"level":"info","msg":"withdrawing service '
                    'announcement","reason":"<*>","service":"<*>","ts":"<*>"}', caller="main.go:420"),
    Ev("arp_responder", '"event":"createARPResponder","interface":"<*>","level":"info","msg":"created ARP '
                        'responder for interface","ts":"<*>"}', caller="announcer.go:126"),
    Ev("ndp_responder", '"event":"createNDPResponder","interface":"<*>","level":"info","msg":"created NDP '
                        'responder for interface","ts":"<*>"}', caller="announcer.go:135"),
    Ev("node_start", '"controller":"NodeReconciler","level":"info","start reconcile":"<*>","ts":"<*>"}',
       caller="node_controller.go:46"),
    Ev("node_end", '"controller":"NodeReconciler","end reconcile":"<*>","level":"info","ts":"<*>"}',
       caller="node_controller.go:69"),
    Ev("node_join", '"level":"info","msg":"node event - forcing sync","node addr":"<*>","node event":"NodeJoin",'
                    '"node name":"<*>","ts":"<*>"}', caller="speakerlist.go:271"),
    Ev("node_leave", '"level":"info","msg":"node event - forcing sync","node addr":"<*>","node event":"NodeLeave",'
                     '"node name":"<*>","ts":"<*>"}', caller="speakerlist.go:271"),
    Ev("suspect", '"component":"Memberlist","level":"warn","msg":"memberlist: Suspect <*> has failed, no acks '
                  'received","ts":"<*>"}', caller="logger.go:70"),
    Ev("alloc_failed", '"error":"<*>","level":"error","msg":"IP allocation failed","op":"allocateIPs","ts":"<*>"}',
       caller="service.go:105"),
    Ev("config_reloaded", '"controller":"ConfigReconciler","event":"config reloaded","level":"info","ts":"<*>"}',
       caller="config_controller.go:150"),
]


def sim_metallb(r, P, emit):
    t0 = at(10, 5, 0)
    t_end = t0 + 35 * 60 * NS
    me = "worker-2"
    nodes = [("worker-1", "10.20.0.11"), ("worker-3", "10.20.0.13"), ("worker-4", "10.20.0.14"),
             ("cp-1", "10.20.0.5")]
    pools = {"lan-pool": ["192.168.40.%d" % i for i in range(160, 251)],
             "public-pool": ["203.0.113.%d" % i for i in range(10, 61)]}
    used = set()

    def ms(a, b):
        return r.randint(a, b) * MS + r.randint(0, 999) * 1000 + r.randint(0, 999)

    def alloc(pool):
        free = [ip for ip in pools[pool] if ip not in used]
        ip = r.choice(free)
        used.add(ip)
        return ip

    alloc_errs = [
        "no available IPs in pool \\\"%s\\\"",
        "pool \\\"%s\\\" not found",
        "[\\\"%s\\\"] is not allowed in config",
    ]

    # --- speaker start on this node at t0
    t = t0 + ms(40, 90)
    for iface in ("eth0", "ens19", "vlan120"):
        emit(t, "arp_responder", iface)
        t += ms(0, 3)
        emit(t, "ndp_responder", iface)
        t += ms(0, 3)
    t += ms(200, 900)
    for name, addr in nodes:
        emit(t, "node_join", addr, name)
        t += ms(1, 30)
    for name, _ in nodes + [(me, "")]:
        emit(t, "node_start", "/" + name)
        t += ms(0, 4)
        emit(t, "node_end", "/" + name)
        t += ms(1, 10)

    # --- a new VLAN interface shows up later
    tv = t0 + 11 * 60 * NS + ms(0, 59000)
    emit(tv, "arp_responder", "vlan130")
    emit(tv + ms(0, 3), "ndp_responder", "vlan130")

    # --- config edits (controller) force a reload of every Service
    reload_times = [t0 + ms(2000, 4000)] + [t0 + k * 60 * NS + ms(0, 50000) for k in (6, 13)]

    # --- Services: pre-existing ones and new ones arriving over time
    svc_names = ["ingress-nginx/ingress-nginx-controller", "media/jellyfin", "dns/coredns-ext",
                 "iot/mqtt-broker", "monitoring/grafana-lb", "ci/gitlab-ssh"]
    extra = ["shop/checkout-gw", "db/postgres-ro", "web/frontend-lb", "games/minecraft", "vpn/wireguard",
             "default/nginx-lb", "auth/keycloak", "files/nextcloud", "chat/matrix-synapse", "dev/preview-%d",
             "logs/loki-gateway", "home/assistant", "build/registry-mirror", "mail/postfix-relay"]
    services = []
    for i, name in enumerate(svc_names):
        services.append((name, t0 - 3600 * NS, False))
    tn = t0 + int(r.expovariate(1.0) * 60 * NS)
    i = 0
    while tn < t_end:
        name = extra[i % len(extra)]
        if "%d" in name:
            name = name % r.randint(100, 999)
        elif i >= len(extra):
            name = name + "-%d" % (i // len(extra) + 1)
        services.append((name, tn, True))
        tn += int(r.expovariate(1.0) * 60 * NS) + 5 * NS
        i += 1

    for idx, (svc, tc, is_new) in enumerate(services):
        pool = P(("svc", "pool"), ("lan-pool", "lan-pool", "public-pool"))
        fails = is_new and idx % 4 == 1
        ip = None if fails else alloc(pool)
        owner = P(("svc", "owner"), (True, False, True))
        life = int(r.expovariate(1.0) * 6 * 60 * NS) + 60 * NS
        t_del = tc + life if is_new else (t0 + 33 * 60 * NS + ms(0, 60000) if idx == 2 else t_end + NS)
        # reconciles in the controller at creation and at config reloads
        ctl_times = ([tc] if is_new else []) + [x for x in reload_times if tc < x < t_del]
        for k, tr in enumerate(ctl_times):
            t = tr + ms(1, 40)
            emit(t, "svc_start", svc)
            t += ms(0, 6)
            if fails:
                err = P(("alloc", "err"), alloc_errs)
                if "not allowed" in err:
                    err = err % ("192.168.40.%d" % r.randint(2, 99))
                else:
                    err = err % pool
                emit(t, "alloc_failed", err)
            elif is_new and k == 0:
                emit(t, "ip_allocated", ip)
            t += ms(0, 5)
            emit(t, "svc_end", svc)
        if fails:
            continue
        # speaker: initial reconcile (at speaker start for existing ones, at creation otherwise)
        t = (tc if is_new else t0 + 1500 * MS) + ms(20, 300)
        emit(t, "svc_start", svc)
        t += ms(0, 8)
        if owner:
            emit(t, "announced", ip, pool)
            t += ms(0, 4)
        emit(t, "svc_end", svc)
        # endpoint changes while it lives: speaker reconciles, sometimes ownership moves
        t = max(t, t0) + int(r.expovariate(1.0) * 9 * 60 * NS) + 10 * NS
        while t < min(t_del, t_end):
            emit(t, "svc_start", svc)
            t2 = t + ms(0, 8)
            if r.random() < 0.3:
                if owner:
                    emit(t2, "withdrawn", "notOwner", svc)
                else:
                    emit(t2, "announced", ip, pool)
                owner = not owner
                t2 += ms(0, 4)
            emit(t2, "svc_end", svc)
            t = t2 + int(r.expovariate(1.0) * 9 * 60 * NS) + 10 * NS
        # deletion
        if t_del < t_end:
            t = t_del
            emit(t, "svc_start", svc)
            emit(t + ms(0, 4), "svc_deleted", svc)
            emit(t + ms(5, 9), "svc_end", svc)
            t += ms(30, 400)
            emit(t, "svc_start", svc)
            if owner:
                emit(t + ms(0, 4), "withdrawn", "serviceDeleted", svc)
            emit(t + ms(5, 9), "svc_end", svc)

    for tr in reload_times:
        emit(tr, "config_reloaded")

    # --- member nodes rebooting: suspect, leave, come back
    for k, (name, addr) in enumerate(nodes[:3]):
        t = t0 + (2 + 4 * k) * 60 * NS + ms(0, 50000)
        emit(t, "suspect", name)
        t += ms(1500, 4000)
        emit(t, "node_leave", addr, name)
        t += ms(50, 400)
        emit(t, "node_start", "/" + name)
        emit(t + ms(0, 5), "node_end", "/" + name)
        t += r.randint(70, 200) * NS
        emit(t, "node_join", addr, name)
        t += ms(50, 400)
        emit(t, "node_start", "/" + name)
        emit(t + ms(0, 5), "node_end", "/" + name)

    # --- label / annotation edits on nodes
    t = t0 + int(r.expovariate(1.0) * 5 * 60 * NS)
    while t < t_end:
        name = P(("nodes", "relabel"), [n for n, _ in nodes] + [me])
        emit(t, "node_start", "/" + name)
        emit(t + ms(0, 5), "node_end", "/" + name)
        t += int(r.expovariate(1.0) * 6 * 60 * NS) + NS


# ======================================================================
# 5. ExternalDNS (seeded shuffle)
# ======================================================================
ED_ZONES = (("example.org.", "/hostedzone/Z04718292GQ3KX1EXAMPLE"),
            ("corp.example.net.", "/hostedzone/Z09911AQ7HRW4EXAMPLE"))
ED_HOSTS = ("shop", "api", "grafana", "status", "docs", "auth", "mqtt", "wiki", "git", "vpn", "chat", "files")
ED_FILTER = "example.org. .example.org. corp.example.net. .corp.example.net."


def ed_zone(r, P, key):
    return P((key, "zone"), ED_ZONES)


def ed_name(r, zone):
    host = r.choice(ED_HOSTS) if r.random() < 0.75 else "preview-%d" % r.randint(100, 999)
    return host + "." + zone[0].rstrip(".")


def ed_change(key):
    def g(r, P):
        zone = ed_zone(r, P, key)
        name = ed_name(r, zone)
        typ = P((key, "type"), ("A", "TXT", "A", "TXT", "CNAME", "TXT"))
        if typ == "TXT" and r.random() < 0.5:
            name = "a-" + name
        return [name, typ, zone[1], zone[0]]
    return g


def ed_updated(r, P):
    zone = ed_zone(r, P, "updated")
    return [r.randint(1, 9), zone[1], zone[0]]


def ed_failure(r, P):
    zone = ed_zone(r, P, "failure")
    rid = uuid4(r)
    kind = P(("failure", "err"), ("dup", "throttle", "prior"))
    if kind == "dup":
        err = ("InvalidChangeBatch: [Tried to create resource record set [name='%s.', type='%s'] but it "
               "already exists]\\n\\tstatus code: 400, request id: %s" % (ed_name(r, zone), r.choice("A TXT".split()), rid))
    elif kind == "throttle":
        err = "Throttling: Rate exceeded\\n\\tstatus code: 400, request id: %s" % rid
    else:
        err = ("PriorRequestNotComplete: The request was rejected because Route 53 was still processing a "
               "prior request.\\n\\tstatus code: 400, request id: %s" % rid)
    return [zone[0], err, zone[1], zone[0]]


def ed_submit_failed(r, P):
    z = P(("submit", "zones"), ((ED_ZONES[0][1],), (ED_ZONES[1][1],), (ED_ZONES[0][1], ED_ZONES[1][1])))
    return [" ".join(z)]


def ed_run_once(r, P):
    kind = P(("runonce", "err"), ("dns", "throttle", "tls"))
    if kind == "dns":
        return ["soft error\\nrecords retrieval failed: failed to list hosted zones: RequestError: send request "
                "failed\\ncaused by: Get \\\"https://route53.amazonaws.com/2013-04-01/hostedzone?maxitems=100\\\": "
                "dial tcp: lookup route53.amazonaws.com on 10.96.0.10:53: read udp 10.244.%d.%d:%d->10.96.0.10:53: "
                "i/o timeout" % (r.randint(0, 7), r.randint(2, 250), r.randint(32768, 60999))]
    if kind == "throttle":
        zone = r.choice(ED_ZONES)
        return ["soft error\\nrecords retrieval failed: failed to list resource records sets for zone %s: "
                "Throttling: Rate exceeded\\n\\tstatus code: 400, request id: %s" % (zone[1], uuid4(r))]
    return ["soft error\\nrecords retrieval failed: failed to list hosted zones: RequestError: send request "
            "failed\\ncaused by: Get \\\"https://route53.amazonaws.com/2013-04-01/hostedzone?maxitems=100\\\": "
            "net/http: TLS handshake timeout"]


def ed_skip_record(r, P):
    return [P(("skip", "name"), ("legacy.example.com", "intranet.corp.local", "test.example.io")).replace(
        "legacy", r.choice(("legacy", "old-shop", "beta")))]


EXTERNALDNS_EVENTS = [
    Ev("up_to_date", '"All records are already up to date"', 82, lambda r, P: [], lvl="info"),
    Ev("filter", '"Applying provider record filter for domains: [%s]"' % ED_FILTER, 100, lambda r, P: [],
       lvl="info"),
    Ev("create", '"Desired change: CREATE <*> <*>" profile=default zoneID=<*> zoneName=<*>', 26,
       ed_change("create"), lvl="info"),
    Ev("upsert", '"Desired change: UPSERT <*> <*>" profile=default zoneID=<*> zoneName=<*>', 18,
       ed_change("upsert"), lvl="info"),
    Ev("delete", '"Desired change: DELETE <*> <*>" profile=default zoneID=<*> zoneName=<*>', 14,
       ed_change("delete"), lvl="info"),
    Ev("updated", '"<*> record(s) were successfully updated" profile=default zoneID=<*> zoneName=<*>', 20,
       ed_updated, lvl="info"),
    Ev("failure", '"Failure in zone <*> when submitting change batch: <*>" profile=default zoneID=<*> '
                  'zoneName=<*>', 5, ed_failure, lvl="error"),
    Ev("submit_failed", '"failed to submit all changes for the following zones: [<*>]"', 5, ed_submit_failed,
       lvl="error"),
    Ev("run_once", '"Failed to do run once: <*>"', 7, ed_run_once, lvl="error"),
    Ev("skip_record", '"Skipping record <*> because no hosted zone matching record DNS Name was detected"', 8,
       ed_skip_record, lvl="warning"),
    Ev("k8s_client", '"Instantiating new Kubernetes client"', 3, lambda r, P: [], lvl="info"),
    Ev("incluster", '"Using inCluster-config based on serviceaccount-token"', 3, lambda r, P: [], lvl="info"),
    Ev("created_client", '"Created Kubernetes client https://172.20.0.1:443"', 3, lambda r, P: [], lvl="info"),
    Ev("owner_skip", '"Skipping endpoint <*> because owner id does not match, found: \\"<*>\\", required: '
                     '\\"default\\""', 6,
       lambda r, P: [ed_name(r, r.choice(ED_ZONES)), P(("owner", "found"), ("cluster-b", "staging", "legacy-dns"))],
       lvl="warning"),
]


# ======================================================================
# 6. RookOperator (seeded shuffle)
# ======================================================================
RK_CLUSTERS = (
    {"ns": "rook-ceph", "name": "rook-ceph", "hosts": ("worker-1", "worker-2", "worker-3"),
     "mons": ("a=10.96.14.7:6789,b=10.96.201.33:6789,c=10.96.88.5:6789",
              "a=10.96.14.7:6789,c=10.96.88.5:6789,d=10.96.47.190:6789"),
     "quorum": ("a b c", "a c d", "a c"), "osds": 9},
    {"ns": "ceph-archive", "name": "archive", "hosts": ("store-01", "store-02", "store-03", "store-04"),
     "mons": ("a=10.96.120.4:6789,b=10.96.9.213:6789,c=10.96.166.71:6789",),
     "quorum": ("a b c", "b c"), "osds": 16},
)


def rk_cluster(P, key):
    return P((key, "cluster"), RK_CLUSTERS)


def rk_deploy(r, P):
    c = r.choice(RK_CLUSTERS)
    kind = P(("deploy", "kind"), ("osd", "osd", "mon", "crash", "osd", "mgr", "exporter", "mds", "rgw"))
    if kind == "osd":
        return "rook-ceph-osd-%d" % r.randrange(c["osds"])
    if kind == "mon":
        return "rook-ceph-mon-%s" % r.choice("abc")
    if kind == "crash":
        return "rook-ceph-crashcollector-%s" % r.choice(c["hosts"])
    if kind == "exporter":
        return "rook-ceph-exporter-%s" % r.choice(c["hosts"])
    if kind == "mgr":
        return "rook-ceph-mgr-%s" % r.choice("ab")
    if kind == "mds":
        return "rook-ceph-mds-myfs-%s" % r.choice("ab")
    return "rook-ceph-rgw-objstore-a"


def rk_pg_health(r, P):
    if P(("pg", "clean"), (True, False, True)):
        return "all PGs in cluster are clean"
    clean = r.randint(90, 240)
    other = P(("pg", "state"), ("active+undersized+degraded", "active+remapped+backfilling",
                                "active+clean+scrubbing+deep"))
    return "cluster is not fully clean. PGs: [{StateName:active+clean Count:%d} {StateName:%s Count:%d}]" % (
        clean, other, r.randint(1, 40))


def rk_reconcile_err(r, P):
    c = rk_cluster(P, "err")
    kind = P(("err", "kind"), ("quorum", "timeout", "osd"))
    if kind == "quorum":
        e = ("failed to reconcile cluster \"%s\": failed to configure local ceph cluster: failed to create cluster: "
             "failed to start ceph monitors: failed to start mon pods: failed to check mon quorum %s: failed to "
             "wait for mon quorum: exceeded max retry count waiting for monitors to reach quorum"
             % (c["name"], r.choice("abcd")))
    elif kind == "timeout":
        e = ("failed to reconcile cluster \"%s\": failed to configure local ceph cluster: failed to create cluster: "
             "failed to start ceph mgr: failed to enable mgr services: failed to enable service monitor: "
             "exec timeout waiting for process ceph to return after %d seconds" % (c["name"], r.choice((15, 30, 60))))
    else:
        e = ("failed to reconcile cluster \"%s\": failed to configure local ceph cluster: failed to create cluster: "
             "failed to start ceph osds: %d failures encountered while running osds on nodes in namespace \"%s\". "
             "failed to update osd deployment %d: timed out waiting for deployment to be ready"
             % (c["name"], r.randint(1, 3), c["ns"], r.randrange(c["osds"])))
    return ["%s/%s" % (c["ns"], c["name"]), e]


ROOK_EVENTS = [
    Ev("reconciling", 'reconciling ceph cluster in namespace "<*>"', 20,
       lambda r, P: [rk_cluster(P, "rec")["ns"]], lvl="I", pkg="ceph-cluster-controller"),
    Ev("mon_endpoints", "parsing mon endpoints: <*>", 20,
       lambda r, P: [P(("mon_ep", "v"), RK_CLUSTERS[0]["mons"] + RK_CLUSTERS[1]["mons"])], lvl="I", pkg="op-mon"),
    Ev("basic_quorum", "checking for basic quorum with existing mons", 18, lambda r, P: [], lvl="I", pkg="op-mon"),
    Ev("in_quorum", "Monitors in quorum: [<*>]", 18,
       lambda r, P: [P(("quorum", "v"), RK_CLUSTERS[0]["quorum"] + RK_CLUSTERS[1]["quorum"])], lvl="I", pkg="op-mon"),
    Ev("osd_status", 'OSD orchestration status for node <*> is "<*>"', 44,
       lambda r, P: [r.choice(r.choice(RK_CLUSTERS)["hosts"]),
                     P(("osd_status", "state"), ("starting", "orchestrating", "completed"))],
       lvl="I", pkg="op-osd"),
    Ev("osd_start", 'start running osds in namespace "<*>"', 12,
       lambda r, P: [rk_cluster(P, "osd_start")["ns"]], lvl="I", pkg="op-osd"),
    Ev("osd_finished", 'finished running OSDs in namespace "<*>"', 10,
       lambda r, P: [rk_cluster(P, "osd_fin")["ns"]], lvl="I", pkg="op-osd"),
    Ev("no_change", 'deployment "<*>" did not change, nothing to update', 96,
       lambda r, P: [rk_deploy(r, P)], lvl="I", pkg="op-k8sutil"),
    Ev("updating", 'updating deployment "<*>" after verifying it is safe to stop', 14,
       lambda r, P: ["rook-ceph-osd-%d" % r.randrange(16)], lvl="I", pkg="op-k8sutil"),
    Ev("finished_wait", 'finished waiting for updated deployment "<*>"', 14,
       lambda r, P: ["rook-ceph-osd-%d" % r.randrange(16)], lvl="I", pkg="op-k8sutil"),
    Ev("disruption", 'all "host" failure domains: [<*>]. osd is down in failure domain: "". active node drains: '
                     'false. pg health: "<*>"', 12,
       lambda r, P: [" ".join(rk_cluster(P, "pdb")["hosts"]), rk_pg_health(r, P)],
       lvl="I", pkg="clusterdisruption-controller"),
    Ev("mon_missing", 'mon "<*>" not found in quorum, waiting for timeout (<*> seconds left) before failover', 6,
       lambda r, P: [P(("mon_missing", "mon"), ("b", "d", "a")), r.randint(12, 598)], lvl="W", pkg="op-mon"),
    Ev("reconcile_failed", 'failed to reconcile CephCluster "<*>". <*>', 5, rk_reconcile_err,
       lvl="E", pkg="ceph-cluster-controller"),
    Ev("pool_ok", "reconciling replicated pool <*> succeeded", 8,
       lambda r, P: [P(("pool", "name"), ("replicapool", ".mgr", "archive-meta", "objstore.rgw.buckets.index",
                                          "myfs-metadata"))], lvl="I", pkg="cephclient"),
    Ev("ceph_version", 'detected ceph image version: "<*>"', 3,
       lambda r, P: [P(("ver", "v"), ("18.2.2-0 reef", "17.2.7-0 quincy"))], lvl="I", pkg="ceph-spec"),
]


# ======================================================================
# systems
# ======================================================================
SYSTEMS = [
    # name, k, events, mode, header fn, header regex, time fn, start, mean gap (shuffles)
    dict(name="KubeControllerManager", k=1, events=KCM_EVENTS, mode="sim", sim=sim_kcm,
         header=klog_header, header_re=KLOG_RE, time=klog_time),
    dict(name="KubeProxy", k=2, events=KUBEPROXY_EVENTS, mode="shuffle", start=at(3, 12, 7), gap=14 * NS,
         header=klog_header, header_re=KLOG_RE, time=klog_time),
    dict(name="Flannel", k=3, events=FLANNEL_EVENTS, mode="shuffle", start=at(5, 48, 31), gap=21 * NS,
         header=klog_header, header_re=KLOG_RE, time=klog_time),
    dict(name="MetalLB", k=4, events=METALLB_EVENTS, mode="sim", sim=sim_metallb, ts_in_content=True,
         header=metallb_header, header_re=METALLB_RE, time=metallb_time),
    dict(name="ExternalDNS", k=5, events=EXTERNALDNS_EVENTS, mode="shuffle", start=at(12, 1, 44), gap=26 * NS,
         header=logrus_header, header_re=LOGRUS_RE, time=logrus_time),
    dict(name="RookOperator", k=6, events=ROOK_EVENTS, mode="shuffle", start=at(14, 30, 2), gap=9 * NS,
         header=capnslog_header, header_re=CAPNSLOG_RE, time=capnslog_time),
]


def build(sysdef):
    r = random.Random(BASE_SEED * 10 + sysdef["k"])
    P = Picker()
    events = sysdef["events"]
    index = {e.key: i for i, e in enumerate(events)}
    if len(index) != len(events):
        raise ValueError("duplicate event key in " + sysdef["name"])
    rows = []  # (t, seq, event index, values)
    if sysdef["mode"] == "shuffle":
        order = []
        for i, e in enumerate(events):
            order += [i] * e.count
        if len(order) != N_LINES:
            raise ValueError("%s: counts sum to %d" % (sysdef["name"], len(order)))
        r.shuffle(order)
        t = sysdef["start"]
        for seq, i in enumerate(order):
            t += 1000 + int(r.expovariate(1.0) * sysdef["gap"])
            rows.append((t, seq, i, list(events[i].gen(r, P))))
    else:
        seq = [0]

        def emit(t, key, *vals):
            rows.append((int(t), seq[0], index[key], list(vals)))
            seq[0] += 1

        sysdef["sim"](r, P, emit)
        rows.sort(key=lambda x: (x[0], x[1]))
        rows = rows[:N_LINES]
        if len(rows) != N_LINES:
            raise ValueError("%s: simulation produced only %d lines" % (sysdef["name"], len(rows)))
    lines, struct = [], []
    for n, (t, _, i, vals) in enumerate(rows, 1):
        e = events[i]
        if sysdef.get("ts_in_content"):
            vals = vals + [ts_rfc3339nano(t)]
        content = fill(e.tpl, vals)
        lines.append(sysdef["header"](t, e.meta) + content)
        struct.append((n, content, "E%d" % (i + 1), e.tpl))
    return lines, struct


def write(sysdef, lines, struct):
    d = os.path.join(OUT_DIR, sysdef["name"])
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, sysdef["name"] + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(d, sysdef["name"] + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for row in struct:
            w.writerow(row)


def tpl_regex(tpl):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in tpl.split("<*>")) + "$", re.S)


def check(sysdef):
    name = sysdef["name"]
    d = os.path.join(OUT_DIR, name)
    errs = []

    def bad(msg):
        errs.append("%s: %s" % (name, msg))

    with open(os.path.join(d, name + ".log"), "rb") as f:
        raw = f.read()
    with open(os.path.join(d, name + ".log_structured.csv"), "rb") as f:
        craw = f.read()
    for label, data in (("log", raw), ("csv", craw)):
        if not data.endswith(b"\n"):
            bad(label + " does not end with newline")
        if b"\r" in data:
            bad(label + " contains CR")
    lines = raw.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rdr = list(csv.reader(f))
    if rdr[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        bad("bad csv header")
    rows = rdr[1:]
    if len(lines) != N_LINES or len(rows) != N_LINES:
        bad("expected %d lines/rows, got %d/%d" % (N_LINES, len(lines), len(rows)))
    hdr_re = re.compile(sysdef["header_re"])
    tpl_of, counts, caps = {}, {}, {}
    last_t = None
    for n, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            bad("row %d has %d columns" % (n, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(n):
            bad("row %d LineId %s" % (n, lid))
        if not content or content != content.strip():
            bad("row %d content empty or unstripped" % n)
        if not line.endswith(content):
            bad("line %d does not end with content" % n)
            continue
        if not hdr_re.fullmatch(line[:len(line) - len(content)]):
            bad("line %d header does not match" % n)
        t = sysdef["time"](line)
        if last_t is not None and t < last_t:
            bad("line %d goes back in time" % n)
        last_t = t
        if not re.fullmatch(r"E\d+", eid):
            bad("row %d bad EventId %s" % (n, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            bad("EventId %s has two templates" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        m = tpl_regex(tpl).fullmatch(content)
        if not m:
            bad("row %d content does not match its template" % n)
            continue
        for j, g in enumerate(m.groups()):
            caps.setdefault((eid, j), set()).add(g)
    if len(set(tpl_of.values())) != len(tpl_of):
        bad("two EventIds share a template")
    declared = ["E%d" % (i + 1) for i in range(len(sysdef["events"]))]
    if sorted(tpl_of) != sorted(declared):
        bad("used events %s differ from declared %s" % (sorted(tpl_of), declared))
    for i, e in enumerate(sysdef["events"]):
        if tpl_of.get("E%d" % (i + 1), e.tpl) != e.tpl:
            bad("E%d template differs from declaration" % (i + 1))
    for (eid, j), vals in caps.items():
        if len(vals) < 2:
            bad("%s slot %d takes only %r" % (eid, j + 1, sorted(vals)))
    c = sorted(counts.values())
    if not 12 <= len(c) <= 15:
        bad("%d event types" % len(c))
    if c and c[0] < 3:
        bad("an event has fewer than 3 lines: %r" % counts)
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        bad("fewer than 3 events with 3-10 lines: %r" % c)
    if c:
        med = (c[(len(c) - 1) // 2] + c[len(c) // 2]) / 2.0
        if c[-1] < 3 * med:
            bad("largest %d < 3 x median %.1f" % (c[-1], med))
    return errs, counts


def main():
    all_errs = []
    for sysdef in SYSTEMS:
        lines, struct = build(sysdef)
        write(sysdef, lines, struct)
    for sysdef in SYSTEMS:
        errs, counts = check(sysdef)
        all_errs += errs
        c = sorted(counts.values())
        print("%-22s %-7s events=%2d lines=%d min=%d max=%d  %s" % (
            sysdef["name"], sysdef["mode"], len(counts), sum(c), c[0] if c else 0, c[-1] if c else 0,
            "OK" if not errs else "FAIL"))
    if all_errs:
        for e in all_errs:
            print("  " + e)
        sys.exit(1)
    print("self-check passed")


if __name__ == "__main__":
    main()
