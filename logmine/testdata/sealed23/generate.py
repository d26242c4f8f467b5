#!/usr/bin/env python3
"""Sealed 23: generator for a small blind labelled log corpus.

Python 3 standard library only and fully deterministic: no wall clock, no locale.
Base seed 20270105; system k (1..6) uses random.Random(20270105 * 10 + k).
Time comes from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
next to this file for the six systems, then self-checks everything and prints a
per-system summary.  Any failed check raises and exits non-zero.
"""
import csv
import heapq
import itertools
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270105
N_LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
NS = 10 ** 9
MS = 10 ** 6
# Fixed month names, never taken from the locale (the formats below happen to
# write numeric dates only, but any month name would come from here).
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# ---------------------------------------------------------------- time helpers
def days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(z):
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return y + (m <= 2), m, d


DAY0 = days_from_civil(2026, 3, 14) * 86400 * NS   # 2026-03-14T00:00:00Z in ns


def at(h, m=0, s=0):
    return DAY0 + ((h * 60 + m) * 60 + s) * NS


def parts(ns):
    sec, frac = divmod(ns, NS)
    days, sod = divmod(sec, 86400)
    y, mo, d = civil_from_days(days)
    return y, mo, d, sod // 3600, sod // 60 % 60, sod % 60, frac


def iso(ns, digits):
    y, mo, d, h, mi, s, frac = parts(ns)
    out = "%04d-%02d-%02dT%02d:%02d:%02d" % (y, mo, d, h, mi, s)
    if digits:
        out += "." + ("%09d" % frac)[:digits]
    return out + "Z"


def go_time(ns, mono=None, frac=True):
    """Go time.Time.String() in UTC, optional monotonic reading."""
    y, mo, d, h, mi, s, f = parts(ns)
    out = "%04d-%02d-%02d %02d:%02d:%02d" % (y, mo, d, h, mi, s)
    fs = ("%09d" % f).rstrip("0")
    if frac and fs:
        out += "." + fs
    out += " +0000 UTC"
    if mono is not None:
        out += " m=+%d.%09d" % divmod(mono, NS)
    return out


def _frac(v, unit):
    w, f = divmod(v, unit)
    fs = ("%0*d" % (len(str(unit)) - 1, f)).rstrip("0")
    return "%d.%s" % (w, fs) if fs else str(w)


def go_dur(ns):
    """Go time.Duration.String()."""
    if ns == 0:
        return "0s"
    if ns < 1000:
        return "%dns" % ns
    if ns < MS:
        return _frac(ns, 1000) + "\u00b5s"
    if ns < NS:
        return _frac(ns, MS) + "ms"
    h, rem = divmod(ns, 3600 * NS)
    m, rem = divmod(rem, 60 * NS)
    out = ""
    if h:
        out += "%dh" % h
    if h or m:
        out += "%dm" % m
    return out + _frac(rem, NS) + "s"


# --------------------------------------------------------------- value helpers
K8S_ALNUM = "bcdfghjklmnpqrstvwxz2456789"


def k8s_sfx(r, n=5):
    return "".join(r.choice(K8S_ALNUM) for _ in range(n))


def hexs(r, n):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


def uuid4(r):
    h = hexs(r, 32)
    h = h[:12] + "4" + h[13:16] + r.choice("89ab") + h[17:]
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def jesc(s):
    """Escape a string for inclusion inside a JSON string literal."""
    return s.replace("\\", "\\\\").replace('"', '\\"')


def goq(s):
    """Go %q quoting (as logrus uses for values that need quoting)."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def lq(s):
    """logrus TextFormatter value: bare when safe, else %q-quoted."""
    if s and re.fullmatch(r"[A-Za-z0-9\-._/@^+]+", s):
        return s
    return goq(s)


def fill(tmpl, vals):
    pieces = tmpl.split("<*>")
    if len(pieces) - 1 != len(vals):
        raise ValueError("slot count mismatch for %r: %r" % (tmpl, vals))
    out = [pieces[0]]
    for v, p in zip(vals, pieces[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


# ------------------------------------------------------------------ framework
class Ev:
    def __init__(self, eid, key, tmpl, count, gen, meta):
        self.eid, self.key, self.tmpl = eid, key, tmpl
        self.count, self.gen, self.meta = count, gen, meta


class Ctx:
    def __init__(self, system, ev, t):
        self.r = system.rng
        self.t = t
        self.s = system
        self.key = ev.key

    def cy(self, slot, pool):
        return self.s.cy(self.key, slot, pool)


class System:
    def __init__(self, k, name, mode, header_re, header_fn, what):
        self.k, self.name, self.mode, self.what = k, name, mode, what
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.header_fn = header_fn
        self.events, self.by_key = [], {}
        self._cyc = {}
        self.lines = []
        self.start = None

    def ev(self, key, tmpl, count=0, gen=None, **meta):
        e = Ev("E%d" % (len(self.events) + 1), key, tmpl, count, gen, meta)
        self.events.append(e)
        self.by_key[key] = e
        return e

    def cy(self, key, slot, pool):
        i = self._cyc.get((key, slot), 0)
        self._cyc[(key, slot)] = i + 1
        return pool[i % len(pool)]

    def emit(self, t, key, vals):
        e = self.by_key[key]
        content = fill(e.tmpl, vals)
        self.lines.append((t, self.header_fn(self, t, e), content, e))


def run_shuffle(S, start, mean_gap_ns):
    """Fixed count per event, shuffled, stamped by a forward-only clock."""
    S.start = start
    seq = []
    for e in S.events:
        seq.extend([e] * e.count)
    if len(seq) != N_LINES:
        raise ValueError("%s: counts sum to %d" % (S.name, len(seq)))
    S.rng.shuffle(seq)
    t = start
    for e in seq:
        t += 1 + int(S.rng.expovariate(1.0) * mean_gap_ns)
        S.emit(t, e.key, e.gen(Ctx(S, e, t)))


def run_simulation(S, start, streams, post=None):
    """Merge per-entity streams of (t, key, vals) in time order, keep 300."""
    S.start = start
    merged = heapq.merge(*streams, key=lambda rec: rec[0])
    recs = list(itertools.islice(merged, N_LINES))
    if len(recs) != N_LINES:
        raise ValueError("%s: simulation produced only %d lines" % (S.name, len(recs)))
    if post:
        recs = post(recs)
    for t, key, vals in recs:
        S.emit(t, key, vals)


def sorted_stream(recs):
    """Entity stream on its own clock: stable sort of its own records."""
    return iter(sorted(recs, key=lambda rec: rec[0]))


# =========================================================== 1 ClusterAutoscaler
def build_cluster_autoscaler():
    def hdr(S, t, e):
        y, mo, d, h, mi, s, f = parts(t)
        return "%s%02d%02d %02d:%02d:%02d.%06d %7d %s] " % (
            e.meta["lvl"], mo, d, h, mi, s, f // 1000, 1, e.meta["src"])

    S = System(1, "ClusterAutoscaler", "shuffle",
               r"(?P<lvl>[IWEF])(?P<ts>\d{4} \d{2}:\d{2}:\d{2}\.\d{6}) +\d+ "
               r"[a-z_]+\.go:\d+\] ", hdr,
               "klog text: level letter + MMDD, time with microseconds, pid, file:line]")
    r = S.rng
    nodes = ["ip-10-%d-%d-%d.eu-west-1.compute.internal"
             % (r.choice((16, 17, 18)), r.randint(0, 63), r.randint(2, 254)) for _ in range(26)]
    groups = ["eks-%s-%s" % (n, uuid4(r)) for n in ("general-m6i", "spot-c6a", "batch-r6i")]
    gmax = {groups[0]: 30, groups[1]: 50, groups[2]: 12}
    apps = [("default", "checkout-api"), ("payments", "ledger-worker"),
            ("data", "spark-executor"), ("ml", "trainer-gpu"), ("search", "indexer")]
    rs = {a: k8s_sfx(r, 10) for a in apps}
    start = at(9, 12, 4) + r.randint(0, NS)

    def pod(c, slot):
        a = c.cy(slot, apps)
        return "%s/%s-%s-%s" % (a[0], a[1], rs[a], k8s_sfx(c.r))

    def util(c):
        return "%.6f" % (c.r.random() * c.cy("band", (0.45, 0.9, 0.3)))

    scale_errs = [
        "failed to increase node group size: InsufficientInstanceCapacity: We currently do not have "
        "sufficient r6i.4xlarge capacity in the Availability Zone you requested (eu-west-1c).",
        "could not compute total resources: No node info for: %s" % nodes[5],
        "failed to set node group size: RequestLimitExceeded: Request limit exceeded. status code: 503, "
        "request id: %s" % uuid4(r),
    ]

    def cpu_mem(c):
        cpu = round(c.r.random() * 0.5, 4)
        mem = round(c.r.random() * 0.5, 4)
        res = "cpu" if cpu >= mem else "memory"
        return "%r %r 0 %s %r" % (cpu, mem, res, max(cpu, mem))

    S.ev("main", "Starting main loop", 35, lambda c: [],
         lvl="I", src="static_autoscaler.go:289")
    S.ev("filter", "Filtering out schedulables", 30, lambda c: [],
         lvl="I", src="filter_out_schedulable.go:66")
    S.ev("marked", "<*> pods marked as unschedulable can be scheduled.", 25,
         lambda c: [c.cy("n", ("0", "2", "0", "1", "0", "4"))],
         lvl="I", src="filter_out_schedulable.go:123")
    S.ev("unsched", "Pod <*> is unschedulable", 20, lambda c: [pod(c, "p")],
         lvl="I", src="klogx.go:87")
    S.ev("estimate", "Estimated <*> nodes needed in <*>", 12,
         lambda c: [str(c.r.randint(1, 7)), c.cy("g", groups)],
         lvl="I", src="orchestrator.go:188")

    def plan(c):
        g = c.cy("g", groups)
        cur = c.r.randint(2, gmax[g] - 6)
        return [g, str(cur), str(cur + c.r.randint(1, 5)), str(gmax[g])]
    S.ev("plan", "Final scale-up plan: [{<*> <*>-><*> (max: <*>)}]", 10, plan,
         lvl="I", src="orchestrator.go:241")
    S.ev("setsize", "Scale-up: setting group <*> size to <*>", 9,
         lambda c: [c.cy("g", groups), str(c.r.randint(4, 28))],
         lvl="I", src="executor.go:147")
    S.ev("cpu", "Node <*> - cpu utilization <*>", 55,
         lambda c: [c.r.choice(nodes), util(c)], lvl="I", src="eligibility.go:162")
    S.ev("mem", "Node <*> - memory utilization <*>", 40,
         lambda c: [c.r.choice(nodes), util(c)], lvl="I", src="eligibility.go:162")
    S.ev("unneeded", "<*> was unneeded for <*>", 28,
         lambda c: [c.r.choice(nodes), go_dur(c.r.randint(10, 640) * NS + c.r.randint(0, NS - 1))],
         lvl="I", src="nodes.go:126")
    S.ev("rmempty", 'Scale-down: removing empty node "<*>"', 8,
         lambda c: [c.r.choice(nodes)], lvl="I", src="actuator.go:175")
    S.ev("rmnode", "Scale-down: removing node <*>, utilization: {<*>}, pods to reschedule: <*>", 5,
         lambda c: [c.r.choice(nodes), cpu_mem(c),
                    ",".join(pod(c, "q") for _ in range(c.r.randint(1, 3)))],
         lvl="I", src="actuator.go:236")
    S.ev("readiness", "Failed to find readiness information for <*>", 4,
         lambda c: [c.cy("g", groups)], lvl="W", src="clusterstate.go:1005")
    S.ev("scalefail", "Failed to scale up: <*>", 3,
         lambda c: [c.cy("e", scale_errs)], lvl="E", src="static_autoscaler.go:584")
    S.ev("asg", "Refreshed ASG list, next refresh after <*>", 16,
         lambda c: [go_time(c.t + 60 * NS, mono=c.t - start + 60 * NS + 41 * NS)],
         lvl="I", src="auto_scaling_groups.go:154")
    run_shuffle(S, start, 2400 * MS)
    return S


# =============================================================== 2 FluxKustomize
def build_flux_kustomize():
    def hdr(S, t, e):
        lg = e.meta.get("logger")
        return '{"level":"%s","ts":"%s",%s' % (
            e.meta["lvl"], iso(t, 3), ('"logger":"%s",' % lg) if lg else "")

    S = System(2, "FluxKustomize", "shuffle",
               r'\{"level":"(?P<lvl>debug|info|error)","ts":"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d'
               r'\.\d{3}Z)",(?:"logger":"[a-z.-]+",)?', hdr,
               "zap JSON: level, ts (ISO8601, ms), optional logger; Content = msg key onwards")
    r = S.rng
    KS = [
        ("apps", "flux-system", "git", "10m0s",
         [("Deployment", "podinfo", "podinfo"), ("Service", "podinfo", "podinfo"),
          ("HorizontalPodAutoscaler", "podinfo", "podinfo"), ("ConfigMap", "podinfo", "podinfo-env")],
         ["Namespace/podinfo"]),
        ("infra-controllers", "flux-system", "git", "1h0m0s",
         [("HelmRelease", "ingress-nginx", "ingress-nginx"), ("HelmRelease", "cert-manager", "cert-manager"),
          ("HelmRepository", "flux-system", "jetstack")],
         ["Namespace/ingress-nginx", "Namespace/cert-manager"]),
        ("monitoring", "flux-system", "oci", "30m0s",
         [("HelmRelease", "monitoring", "kube-prometheus-stack"),
          ("ConfigMap", "monitoring", "grafana-dashboards-k8s"),
          ("HelmRepository", "monitoring", "prometheus-community")],
         ["Namespace/monitoring", "CustomResourceDefinition/prometheusrules.monitoring.coreos.com"]),
        ("tenant-billing", "team-billing", "git", "5m0s",
         [("Deployment", "billing", "invoice-api"), ("Service", "billing", "invoice-api"),
          ("Ingress", "billing", "invoice-api"), ("Secret", "billing", "invoice-db")],
         ["Namespace/billing", "ClusterRoleBinding/billing-reconciler"]),
        ("redis", "data", "git", "10m0s",
         [("StatefulSet", "redis", "redis-master"), ("Service", "redis", "redis-headless"),
          ("PodDisruptionBudget", "redis", "redis")],
         ["Namespace/redis"]),
        ("kyverno-policies", "flux-system", "oci", "15m0s",
         [("ClusterPolicy", "", "require-labels"), ("ClusterPolicy", "", "disallow-latest-tag"),
          ("ClusterPolicy", "", "restrict-hostpath")],
         ["CustomResourceDefinition/clusterpolicies.kyverno.io"]),
    ]
    heads = {"git": ("main", "refs/heads/release-2.4", "main"), "oci": ("latest", "v1.9.2", "v1.9.3")}

    def pick(c):
        return c.cy("ks", KS)

    def ctx(c, ks):
        return [ks[0], ks[1], ks[1], ks[0], uuid4(c.r)]

    def rev(c, ks):
        h = c.cy("head-" + ks[2], heads[ks[2]])
        if ks[2] == "git":
            return "%s@sha1:%s" % (h, hexs(c.r, 40))
        return "%s@sha256:%s" % (h, hexs(c.r, 64))

    def objkey(o):
        return "%s/%s/%s" % o if o[1] else "%s/%s" % (o[0], o[2])

    def output(c, ks, states):
        objs = c.r.sample(ks[4], c.r.randint(1, len(ks[4])))
        return ",".join('"%s":"%s"' % (objkey(o), c.r.choice(states))
                        for o in sorted(objs, key=objkey))

    def dur(c):
        return go_dur(c.r.randint(90, 48000) * MS)

    CTX = ('"controller":"kustomization","controllerGroup":"kustomize.toolkit.fluxcd.io",'
           '"controllerKind":"Kustomization","Kustomization":{"name":"<*>","namespace":"<*>"},'
           '"namespace":"<*>","name":"<*>","reconcileID":"<*>"')
    CTRL = ('"controller":"kustomization","controllerGroup":"kustomize.toolkit.fluxcd.io",'
            '"controllerKind":"Kustomization"')

    def fail_err(c, ks):
        n = c.r.randint(1000000000, 4000000000)
        o = ks[4][0]
        errs = [
            "kustomize build failed: accumulating resources: accumulation err='accumulating resources "
            "from './overlays/prod': open /tmp/kustomization-%d/overlays/prod: no such file or directory'"
            % n,
            "health check failed after %s: timeout waiting for: [%s status: 'InProgress']"
            % (go_dur(c.r.randint(300000, 302000) * MS), objkey(o)),
            "%s dry-run failed: failed to get API group resources: unable to retrieve the complete list "
            "of server APIs: helm.toolkit.fluxcd.io/v2: the server could not find the requested resource"
            % objkey(o),
            "Secret/%s/db-credentials decryption failed: failed to decrypt with sops: error decrypting "
            "key: no identity matched any of the recipients" % (o[1] or ks[1]),
        ]
        return jesc(c.cy("err", errs))

    def rec_err(c, ks):
        errs = [
            'failed to update status: Operation cannot be fulfilled on kustomizations.kustomize.toolkit.'
            'fluxcd.io "%s": the object has been modified; please apply your changes to the latest '
            'version and try again' % ks[0],
            "failed to get source: Get \"https://10.96.0.1:443/apis/source.toolkit.fluxcd.io/v1/"
            "namespaces/%s/gitrepositories/%s\": context deadline exceeded" % (ks[1], ks[0]),
            'client rate limiter Wait returned an error: context canceled',
        ]
        return jesc(c.cy("err", errs))

    def g_apply(c):
        ks = pick(c)
        return ctx(c, ks) + [output(c, ks, ("configured", "unchanged", "unchanged", "created"))]

    def g_defs(c):
        ks = pick(c)
        objs = ks[5]
        return ctx(c, ks) + [",".join('"%s":"%s"' % (o, c.r.choice(("unchanged", "unchanged", "configured")))
                                      for o in sorted(objs))]

    def g_finished(c):
        ks = pick(c)
        return [dur(c), ks[3]] + ctx(c, ks) + [rev(c, ks)]

    def g_gc(c):
        ks = pick(c)
        return ctx(c, ks) + [output(c, ks, ("deleted",))]

    def g_failed(c):
        ks = pick(c)
        return [dur(c), c.cy("retry", ("2m0s", "1m0s", "5m0s"))] + ctx(c, ks) + [rev(c, ks), fail_err(c, ks)]

    def g_recerr(c):
        ks = pick(c)
        return ctx(c, ks) + [rec_err(c, ks)]

    def g_src(c):
        ks = pick(c)
        kind = "GitRepository" if ks[2] == "git" else "OCIRepository"
        return ["%s/%s/%s" % (kind, ks[1], ks[0] if ks[2] == "oci" else "fleet-" + ks[0])] + ctx(c, ks)

    S.ev("apply", '"msg":"server-side apply completed",' + CTX + ',"output":{<*>}}', 90, g_apply, lvl="info")
    S.ev("finished", '"msg":"Reconciliation finished in <*>, next run in <*>",' + CTX + ',"revision":"<*>"}',
         65, g_finished, lvl="info")
    S.ev("gc", '"msg":"garbage collection completed",' + CTX + ',"output":{<*>}}', 12, g_gc, lvl="info")
    S.ev("depwait", '"msg":"Dependencies do not meet ready condition, retrying in 30s",' + CTX + '}', 23,
         lambda c: ctx(c, pick(c)), lvl="info")
    S.ev("depready", '"msg":"All dependencies are ready, proceeding with reconciliation",' + CTX + '}', 30,
         lambda c: ctx(c, pick(c)), lvl="info")
    S.ev("failed", '"msg":"Reconciliation failed after <*>, next try in <*>",' + CTX +
         ',"revision":"<*>","error":"<*>"}', 15, g_failed, lvl="error")
    S.ev("recerr", '"msg":"Reconciler error",' + CTX + ',"error":"<*>"}', 10, g_recerr, lvl="error")
    S.ev("srcnotready", '"msg":"Source is not ready, artifact not found",' + CTX + '}', 8,
         lambda c: ctx(c, pick(c)), lvl="info")
    S.ev("srcmissing", '"msg":"Source \'<*>\' not found",' + CTX + '}', 5, g_src, lvl="info")
    S.ev("evsource", '"msg":"Starting EventSource",' + CTRL + ',"source":"kind source: <*>"}', 8,
         lambda c: [c.cy("k", ("*v1.Kustomization", "*v1.GitRepository", "*v1beta2.OCIRepository",
                               "*v1beta2.Bucket"))], lvl="info")
    S.ev("workers", '"msg":"Starting workers",' + CTRL + ',"worker count":4}', 3, lambda c: [], lvl="info")
    S.ev("lease", '"msg":"attempting to acquire leader lease '
         'flux-system/kustomize-controller-leader-election...\\n"}', 3, lambda c: [],
         lvl="info", logger="runtime")
    S.ev("acquired", '"msg":"successfully acquired lease '
         'flux-system/kustomize-controller-leader-election\\n"}', 3, lambda c: [],
         lvl="info", logger="runtime")
    S.ev("defs", '"msg":"server-side apply for cluster definitions completed",' + CTX + ',"output":{<*>}}',
         25, g_defs, lvl="info")
    run_shuffle(S, at(10, 3, 41) + r.randint(0, NS), 9 * NS)
    return S


# ====================================================================== 3 Kaniko
def build_kaniko():
    def hdr(S, t, e):
        return "%s[%04d] " % (e.meta["lvl"], (t - S.start) // NS)

    S = System(3, "Kaniko", "shuffle", r"(?P<lvl>INFO|WARN|ERRO|DEBU)\[(?P<ts>\d{4})\] ", hdr,
               "logrus text as kaniko prints it: 4-letter level + [seconds since start]")
    r = S.rng
    bases = [("golang:1.22-alpine", "index.docker.io"), ("node:20-bookworm-slim", "index.docker.io"),
             ("gcr.io/distroless/static-debian12:nonroot", "gcr.io"),
             ("registry.gitlab.example.net/platform/base/nginx:1.25-alpine", "registry.gitlab.example.net")]
    stages = [("golang:1.22-alpine", "0", "-1"), ("node:20-bookworm-slim", "1", "-1"),
              ("gcr.io/distroless/static-debian12:nonroot", "2", "-1"), ("builder", "3", "0")]
    runs = ["go mod download",
            "apk add --no-cache git ca-certificates tzdata",
            'CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/storefront ./cmd/storefront',
            "npm ci --no-audit --no-fund",
            "npm run build -- --mode production",
            "addgroup -S app && adduser -S -G app app",
            "go test ./internal/... -count=1"]
    copies = ["COPY go.mod go.sum ./", "COPY . .", "COPY package.json package-lock.json ./",
              "COPY --from=builder /out/storefront /usr/local/bin/storefront",
              "COPY --from=1 /src/dist /usr/share/nginx/html"]
    cmds = ["RUN " + x for x in runs] + copies
    cache = "registry.gitlab.example.net/acme/storefront/cache"
    dests = ["registry.gitlab.example.net/acme/storefront:1.8.3",
             "registry.gitlab.example.net/acme/storefront:latest",
             "registry.gitlab.example.net/acme/storefront:main-3f9c2ab"]

    def warn(c):
        opts = ["getting file info: stat /cache/sha256:%s: no such file or directory" % hexs(c.r, 64),
                "GET https://registry.gitlab.example.net/v2/acme/storefront/cache/manifests/%s: "
                "MANIFEST_UNKNOWN: manifest unknown; map[Tag:%s]" % ((hexs(c.r, 64),) * 2),
                'Get "https://registry.gitlab.example.net/v2/": net/http: TLS handshake timeout']
        return [c.cy("w", opts)]

    S.ev("manifest", "Retrieving image manifest <*>", 31, lambda c: [c.cy("b", bases)[0]], lvl="INFO")
    S.ev("retrieve", "Retrieving image <*> from registry <*>", 12,
         lambda c: list(c.cy("b", bases)), lvl="INFO")
    S.ev("cachedmf", "Returning cached image manifest", 8, lambda c: [], lvl="INFO")
    S.ev("checkcache", "Checking for cached layer <*>...", 70,
         lambda c: ["%s:%s" % (cache, hexs(c.r, 64))], lvl="INFO")
    S.ev("usecache", "Using caching version of cmd: <*>", 50, lambda c: [c.r.choice(cmds)], lvl="INFO")
    S.ev("nocache", "No cached layer found for cmd <*>", 15, lambda c: [c.r.choice(cmds)], lvl="INFO")
    S.ev("unpack", "Unpacking rootfs as cmd <*> requires it.", 10, lambda c: [c.cy("c", cmds)], lvl="INFO")
    S.ev("snapfull", "Taking snapshot of full filesystem...", 15, lambda c: [], lvl="INFO")
    S.ev("snapfiles", "Taking snapshot of files...", 30, lambda c: [], lvl="INFO")
    S.ev("running", "Running: [/bin/sh -c <*>]", 18, lambda c: [c.r.choice(runs)], lvl="INFO")
    S.ev("pushlayer", "Pushing layer <*> to cache now", 14,
         lambda c: ["%s:%s" % (cache, hexs(c.r, 64))], lvl="INFO")
    S.ev("pushimage", "Pushing image to <*>", 10, lambda c: [c.cy("d", dests)], lvl="INFO")
    S.ev("pushed", "Pushed <*>", 7,
         lambda c: ["%s@sha256:%s" % (c.cy("d", dests).rsplit(":", 1)[0], hexs(c.r, 64))], lvl="INFO")
    S.ev("cachewarn", "Error while retrieving image from cache: <*>", 4, warn, lvl="WARN")
    S.ev("stage", "Building stage '<*>' [idx: '<*>', base-idx: '<*>']", 6,
         lambda c: list(c.cy("s", stages)), lvl="INFO")
    run_shuffle(S, at(14, 27, 9) + r.randint(0, NS), 1700 * MS)
    return S


# ================================================================= 4 DroneRunner
def build_drone_runner():
    def hdr(S, t, e):
        return 'time="%s" level=%s ' % (iso(t, 0), e.meta["lvl"])

    S = System(4, "DroneRunner", "simulation",
               r'time="(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)" '
               r'level=(?P<lvl>trace|debug|info|warning|error) ', hdr,
               "logrus text: time=\"RFC3339\" level=...; Content = msg=... and sorted fields")
    r = S.rng
    SF = "stage.id=<*> stage.name=<*> stage.number=<*> thread=<*>"
    F = ("build.id=<*> build.number=<*> repo.id=<*> repo.name=<*> repo.namespace=<*> "
         "stage.id=<*> stage.name=<*> stage.number=<*> thread=<*>")
    FS = ("build.id=<*> build.number=<*> repo.id=<*> repo.name=<*> repo.namespace=<*> "
          "stage.id=<*> stage.name=<*> stage.number=<*> step.name=<*> thread=<*>")
    S.ev("poll", 'msg="poller: request stage from remote server" thread=<*>', lvl="debug")
    S.ev("nostage", 'msg="poller: no stage returned" error="context deadline exceeded" thread=<*>',
         lvl="trace")
    S.ev("received", 'msg="stage received" ' + SF, lvl="debug")
    S.ev("accepted", 'msg="stage accepted" ' + SF, lvl="debug")
    S.ev("other", 'msg="stage accepted by another runner" ' + SF, lvl="debug")
    S.ev("details", 'msg="stage details fetched" ' + F, lvl="debug")
    S.ev("running", 'msg="updated stage to running" ' + F, lvl="debug")
    S.ev("listen", 'msg="listen for cancellations" ' + F, lvl="debug")
    S.ev("exit", 'msg="received exit code <*>" ' + FS, lvl="debug")
    S.ev("cancel", 'msg="received cancellation" ' + F, lvl="debug")
    S.ev("destroying", 'msg="destroying the pipeline environment" ' + F, lvl="debug")
    S.ev("destroyed", 'msg="successfully destroyed the pipeline environment" ' + F, lvl="debug")
    S.ev("complete", 'msg="updated stage to complete" ' + F, lvl="debug")
    S.ev("donelisten", 'msg="done listening for cancellations" ' + F, lvl="debug")
    S.ev("reqerr", 'msg="cannot request stage" error="<*>" thread=<*>', lvl="error")

    repos = [  # namespace, name, id, next build number, pipeline stages (name, steps)
        ["acme", "storefront", 17, 2281,
         [("lint", ["clone", "deps", "golangci-lint", "hadolint", "yamllint"]),
          ("test", ["clone", "deps", "unit tests", "integration", "coverage", "sonar"]),
          ("build", ["clone", "build", "docker-publish", "helm-package", "notify"])]],
        ["acme", "payments-api", 23, 914,
         [("default", ["clone", "deps", "vet", "test", "build", "publish", "deploy-staging"])]],
        ["platform", "terraform-modules", 41, 377,
         [("validate", ["clone", "fmt", "validate", "tflint", "checkov"]),
          ("plan", ["clone", "init", "plan", "infracost", "post-plan-comment"])]],
        ["data", "etl-jobs", 58, 1290,
         [("default", ["clone", "lint", "pytest", "package", "upload", "notify"])]],
        ["mkovacs", "dotfiles", 102, 64, [("default", ["clone", "shellcheck", "bats", "install-test"])]],
    ]
    state = {"build_id": 48817, "stage_id": 131402, "pending": []}
    endpoint = "https://drone.acme.example/rpc/v2/stage"
    req_errs = ['Post \\"%s\\": dial tcp 10.40.2.15:443: connect: connection refused' % endpoint,
                'Post \\"%s\\": EOF' % endpoint,
                'Post \\"%s\\": net/http: TLS handshake timeout' % endpoint,
                "bad gateway"]
    clock = {"next_build": at(11, 40, 0)}

    def take_stage(t):
        # builds are queued by the server at their own rate; a poll gets the oldest stage queued by t
        while clock["next_build"] <= t:
            repo = repos[S.cy("build", "repo", (0, 1, 3, 0, 2, 1, 0, 4, 3, 1))]
            state["build_id"] += r.randint(1, 4)
            bnum = repo[3]
            repo[3] += 1
            # now and then another runner wins the race for one stage of a build
            contested = -1
            if S.cy("sim", "contested", (1, 0, 0, 0, 1, 0, 0, 1, 0, 0)):
                contested = S.cy("sim", "contested-stage", (0, 1, 2)) % len(repo[4])
            # and now and then a user cancels a running build
            cancelled = -1
            if S.cy("sim", "cancelled", (0, 0, 1, 1, 0, 0, 1, 0, 0, 0)):
                cancelled = S.cy("sim", "cancelled-stage", (0, 1, 2)) % len(repo[4])
            for num, (sname, steps) in enumerate(repo[4], 1):
                state["stage_id"] += 1
                state["pending"].append(dict(build_id=state["build_id"], build_number=bnum, repo=repo,
                                             stage_id=state["stage_id"], name=sname, number=num,
                                             steps=steps, other=(num - 1 == contested),
                                             cancel=(num - 1 == cancelled), ready=clock["next_build"]))
            clock["next_build"] += int(r.expovariate(1.0) * 70 * NS) + NS
        for i, st in enumerate(state["pending"]):
            if st["ready"] <= t:
                return state["pending"].pop(i), None
        nxt = min([clock["next_build"]] + [st["ready"] for st in state["pending"]])
        return None, nxt

    def thread(tid, t):
        ms = lambda a, b: r.randint(a, b) * MS
        while True:
            yield (t, "poll", [tid])
            if S.cy("sim", "reqerr-%d" % tid, tuple(int(i == 2 * tid) for i in range(9))):
                t += ms(5, 900)
                yield (t, "reqerr", [S.cy("reqerr", "error", req_errs), tid])
                t += r.randint(5, 15) * NS
                continue
            deadline = t + 50 * NS          # long poll: the server answers empty after ~50s
            while True:
                st, nxt = take_stage(t)
                if st is not None or nxt > deadline:
                    break
                t = nxt
            if st is None:
                t = deadline + ms(0, 400)
                yield (t, "nostage", [tid])
                t += ms(1, 30)
                continue
            t += ms(20, 400)
            sf = [st["stage_id"], lq(st["name"]), st["number"], tid]
            yield (t, "received", sf)
            t += ms(10, 200)
            if st["other"]:
                yield (t, "other", sf)
                t += ms(1, 20)
                continue
            yield (t, "accepted", sf)
            repo = st["repo"]
            full = [st["build_id"], st["build_number"], repo[2], lq(repo[1]), lq(repo[0]),
                    st["stage_id"], lq(st["name"]), st["number"], tid]
            t += ms(10, 150)
            yield (t, "details", full)
            t += ms(20, 300)
            yield (t, "running", full)
            t += ms(1, 20)
            yield (t, "listen", full)
            cancel_at = r.randrange(1, len(st["steps"])) if st["cancel"] else None
            for i, step in enumerate(st["steps"]):
                t += int(r.expovariate(1.0) * 25 * NS) + ms(800, 4000)
                if cancel_at == i:
                    yield (t, "cancel", full)
                    t += ms(50, 900)
                    break
                code = 0 if r.random() < 0.95 else r.choice((1, 1, 2, 127))
                yield (t, "exit", [code] + full[:8] + [lq(step), tid])
                if code:
                    break
            t += ms(5, 60)
            yield (t, "destroying", full)
            t += ms(400, 3500)
            yield (t, "destroyed", full)
            t += ms(20, 300)
            yield (t, "complete", full)
            t += ms(1, 10)
            yield (t, "donelisten", full)
            t += ms(1, 20)

    start = at(11, 39, 12) + r.randint(0, NS)
    streams = [thread(i, start + i * r.randint(1, 90) * MS) for i in range(1, 4)]
    run_simulation(S, start, streams)
    return S


# ================================================================== 5 Concourse
def build_concourse():
    def hdr(S, t, e):
        return '{"timestamp":"%s","level":"%s","source":"%s",' % (iso(t, 9), e.meta["lvl"], e.meta["src"])

    S = System(5, "Concourse", "shuffle",
               r'\{"timestamp":"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z)",'
               r'"level":"(?P<lvl>debug|info|error|fatal)","source":"(?:atc|tsa|worker|baggageclaim)",', hdr,
               "lager JSON: timestamp (RFC3339, ns), level, source; Content = message key onwards")
    r = S.rng
    teams = ["main", "platform", "payments"]
    pipes = {"main": ["ci", "nightly"], "platform": ["terraform", "base-images"],
             "payments": ["deploy-prod", "ledger"]}
    jobs = ["unit", "integration", "build-image", "deploy", "plan", "apply"]
    steps = ["repo", "run-tests", "build", "push-image", "version", "terraform-plan"]
    resources = ["repo", "base-image", "version", "slack-alert", "tf-state", "chart-repo"]
    workers = ["10.1.7.%d" % r.randint(10, 250) for _ in range(5)]

    def sess(c, depth=2):
        return ".".join([str(c.r.randint(2, 60))] + [str(c.r.randint(1, 900)) for _ in range(depth - 1)])

    def tp(c):
        team = c.cy("team", teams)
        return team, c.r.choice(pipes[team])

    def step_vals(c, with_exit):
        team, pipe = tp(c)
        v = [str(c.r.randint(41200, 45900))]
        if with_exit:
            v.append(c.cy("exit", ("0", "0", "1", "0", "2")))
        return v + [c.r.choice(jobs), pipe, sess(c, 4), c.r.choice(steps), team]

    def build_fin(c):
        team, pipe = tp(c)
        return [str(c.r.randint(41200, 45900)), c.r.choice(jobs), pipe, sess(c, 3),
                c.cy("st", ("succeeded", "failed", "succeeded", "errored", "aborted")), team]

    def check_fail(c):
        team, pipe = tp(c)
        errs = ["exit status 128",
                'Get \\"https://registry-1.docker.io/v2/\\": net/http: request canceled while waiting '
                'for connection (Client.Timeout exceeded while awaiting headers)',
                "checking origin acme/%s failed: remote: Repository not found." % c.r.choice(
                    ("storefront", "infra-live", "ledger")),
                "get-image: UNAUTHORIZED: authentication required"]
        return [c.cy("e", errs), pipe, c.r.choice(resources), sess(c, 3), team]

    def dial(c):
        addr = c.cy("tsa", ("10.1.0.21:2222", "10.1.0.22:2222"))
        err = c.cy("e", ("dial tcp %s: connect: connection refused" % addr,
                         "dial tcp %s: i/o timeout" % addr))
        return [addr, err, sess(c, 3)]

    users = [("github", "jdoe", "jdoe@acme.example", ['acme:platform']),
             ("ldap", "m.ito", "m.ito@acme.example", ["concourse-users", "payments"]),
             ("github", "rkaur", "rkaur@acme.example", ["acme:payments", "acme:sre"])]

    def login(c):
        u = c.cy("u", users)
        groups = " ".join('\\"%s\\"' % g for g in u[3])
        return [u[0], u[1], u[1], u[2], groups, sess(c, 1)]

    def register(c):
        w = c.r.choice(workers)
        return ["%s:%d" % (w, c.r.randint(32768, 60999)), sess(c, 3), "%s:7777" % w]

    S.ev("scanstart", '"message":"atc.scanner.tick.start","data":{"session":"<*>"}}', 70,
         lambda c: [sess(c)], lvl="debug", src="atc")
    S.ev("scanend", '"message":"atc.scanner.tick.end","data":{"session":"<*>"}}', 62,
         lambda c: [sess(c)], lvl="debug", src="atc")
    S.ev("track", '"message":"atc.tracker.track.start","data":{"session":"<*>"}}', 19,
         lambda c: [sess(c)], lvl="debug", src="atc")
    S.ev("stepstart", '"message":"atc.build.step.started","data":{"build":<*>,"job":"<*>",'
         '"pipeline":"<*>","session":"<*>","step":"<*>","team":"<*>"}}', 30,
         lambda c: step_vals(c, False), lvl="info", src="atc")
    S.ev("stepfin", '"message":"atc.build.step.finished","data":{"build":<*>,"exit-status":<*>,'
         '"job":"<*>","pipeline":"<*>","session":"<*>","step":"<*>","team":"<*>"}}', 25,
         lambda c: step_vals(c, True), lvl="info", src="atc")
    S.ev("buildfin", '"message":"atc.build.finished","data":{"build":<*>,"job":"<*>","pipeline":"<*>",'
         '"session":"<*>","status":"<*>","team":"<*>"}}', 12, build_fin, lvl="info", src="atc")
    S.ev("checkfail", '"message":"atc.check-resource.check.failed","data":{"error":"<*>",'
         '"pipeline":"<*>","resource":"<*>","session":"<*>","team":"<*>"}}', 9, check_fail,
         lvl="error", src="atc")
    S.ev("heartbeat", '"message":"worker.beacon-runner.beacon.heartbeat.heartbeated","data":{'
         '"containers":<*>,"session":"<*>","volumes":<*>}}', 16,
         lambda c: [str(c.r.randint(3, 140)), sess(c, 3), str(c.r.randint(20, 900))],
         lvl="info", src="worker")
    S.ev("dialfail", '"message":"worker.beacon-runner.beacon.forward.forward-conn.failed-to-dial",'
         '"data":{"addr":"<*>","error":"<*>","network":"tcp","session":"<*>"}}', 5, dial,
         lvl="error", src="worker")
    S.ev("volcreated", '"message":"baggageclaim.api.volume-server.create-volume-async.created-volume",'
         '"data":{"handle":"<*>","session":"<*>"}}', 18,
         lambda c: [uuid4(c.r), sess(c, 3)], lvl="info", src="baggageclaim")
    S.ev("voldestroyed", '"message":"baggageclaim.api.volume-server.destroy.destroyed-volume",'
         '"data":{"handle":"<*>","session":"<*>"}}', 16,
         lambda c: [uuid4(c.r), sess(c, 3)], lvl="info", src="baggageclaim")
    S.ev("login", '"message":"atc.dex.event","data":{"fields":{},"message":"login successful: connector '
         '\\"<*>\\", username=\\"<*>\\", preferred_username=\\"<*>\\", email=\\"<*>\\", groups=[<*>]",'
         '"session":"<*>"}}', 4, login, lvl="info", src="atc")
    S.ev("register", '"message":"tsa.connection.channel.forward-worker.register.done","data":{'
         '"remote":"<*>","session":"<*>","worker-address":"<*>","worker-platform":"linux",'
         '"worker-tags":""}}', 8, register, lvl="info", src="tsa")
    S.ev("checkstart", '"message":"atc.checker.tick.start","data":{"session":"<*>"}}', 6,
         lambda c: [sess(c)], lvl="debug", src="atc")
    run_shuffle(S, at(16, 5, 30) + r.randint(0, NS), 4 * NS)
    return S


# ============================================================== 6 ArgoWorkflows
class _RV:
    """Placeholder for a resourceVersion; numbered after the time merge."""


RV = _RV()


def build_argo_workflows():
    def hdr(S, t, e):
        return 'time="%s" level=%s ' % (iso(t, 3), e.meta["lvl"])

    S = System(6, "ArgoWorkflows", "simulation",
               r'time="(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)" level=(?P<lvl>info|warning|error) ',
               hdr, "logrus text: time=\"RFC3339 ms\" level=...; Content = msg=... and sorted fields")
    r = S.rng
    NW = "namespace=<*> workflow=<*>"
    S.ev("proc0", 'msg="Processing workflow" Phase= ResourceVersion=<*> ' + NW, lvl="info")
    S.ev("proc", 'msg="Processing workflow" Phase=Running ResourceVersion=<*> ' + NW, lvl="info")
    S.ev("wfrun", 'msg="Updated phase  -> Running" ' + NW, lvl="info")
    S.ev("dag", 'msg="DAG node <*> initialized Running" ' + NW, lvl="info")
    S.ev("podinit", 'msg="Pod node <*> initialized Pending" ' + NW, lvl="info")
    S.ev("created", 'msg="Created pod: <*> (<*>)" ' + NW, lvl="info")
    S.ev("nodephase", 'msg="node <*> phase <*> -> <*>" ' + NW, lvl="info")
    S.ev("nodefin", 'msg="node <*> finished: <*>" ' + NW, lvl="info")
    S.ev("update", 'msg="Workflow update successful" namespace=<*> phase=<*> resourceVersion=<*> workflow=<*>',
         lvl="info")
    S.ev("podfail", 'msg="Pod failed: <*>" displayName=<*> namespace=<*> pod=<*> templateName=<*> workflow=<*>',
         lvl="warning")
    S.ev("wfdone", 'msg="Updated phase Running -> <*>" ' + NW, lvl="info")
    S.ev("marking", 'msg="Marking workflow completed" ' + NW, lvl="info")
    S.ev("cleanup", 'msg="cleaning up pod" action=<*> key=<*>', lvl="info")
    S.ev("ttl", 'msg="Queueing <*> workflow <*> for delete in <*> due to TTL"', lvl="info")
    S.ev("mem", 'msg="Alloc=<*> TotalAlloc=<*> Sys=<*> NumGC=<*> Goroutines=<*>"', lvl="info")

    kinds = [  # generateName, namespace, DAG levels, podGC action, TTL seconds or None
        ("ci-build-", "ci", [["checkout"], ["unit-test", "lint"], ["build-image"], ["push-image"]],
         "labelPodCompleted", 86400),
        ("nightly-etl-", "data-pipelines", [["extract-orders", "extract-customers"], ["transform"],
                                             ["load-warehouse"]], "deletePod", 3600),
        ("model-train-", "ml", [["fetch-dataset"], ["train"], ["evaluate"]], "labelPodCompleted", None),
        ("release-", "argo", [["tag"], ["publish-chart", "publish-docs"]], "deletePod", 600),
    ]
    fail_reasons = ["Error (exit code 1)", "OOMKilled (exit code 137)",
                    "Error (exit code 2): failed to push registry.acme.example/storefront:1.8.4: unauthorized",
                    "pod deleted during operation"]
    ms = lambda a, b: r.randint(a, b) * MS

    def workflow(t0, kind):
        prefix, ns, levels, action, ttl = kind
        name = prefix + k8s_sfx(r)
        recs = []
        add = lambda t, key, vals: recs.append((t, key, vals))
        t = t0
        add(t, "proc0", [RV, ns, name])
        t += ms(2, 20)
        add(t, "wfrun", [ns, name])
        add(t, "dag", [name, ns, name])
        q = []
        seq = itertools.count()
        state = {"left": 0, "failed": False, "level": 0}
        fail_task = None
        if S.cy("sim", "wffail", (0, 0, 1, 0, 1)):
            fail_task = r.choice(levels[r.randrange(min(2, len(levels)))])

        def start_level(t, lvl):
            for task in levels[lvl]:
                h = r.randint(1000000000, 4294967295)
                node, pod = "%s-%d" % (name, h), "%s-%s-%d" % (name, task, h)
                t += ms(1, 9)
                add(t, "podinit", [node, ns, name])
                t += ms(8, 60)
                add(t, "created", ["%s.%s" % (name, task), pod, ns, name])
                heapq.heappush(q, (t + ms(1500, 9000), next(seq), "run", task, node, pod))
            state["left"] = len(levels[lvl])
            t += ms(10, 80)
            add(t, "update", [ns, "Running", RV, name])

        start_level(t, 0)
        while q:
            tp, _, what, task, node, pod = heapq.heappop(q)
            t = tp
            add(t, "proc", [RV, ns, name])
            t += ms(1, 12)
            if what == "run":
                add(t, "nodephase", [node, "Pending", "Running", ns, name])
                t += ms(5, 60)
                add(t, "update", [ns, "Running", RV, name])
                dur = int(r.expovariate(1.0) * 40 * NS) + ms(3000, 15000)
                heapq.heappush(q, (t + dur, next(seq), "fin", task, node, pod))
                continue
            failed = task == fail_task
            add(t, "nodephase", [node, "Running", "Failed" if failed else "Succeeded", ns, name])
            if failed:
                state["failed"] = True
                t += ms(0, 3)
                add(t, "podfail", [S.cy("podfail", "reason", fail_reasons), task, ns, pod, task, name])
            t += ms(0, 4)
            add(t, "nodefin", [node, go_time(t - ms(300, 2500), frac=False), ns, name])
            t += ms(2, 30)
            add(t, "cleanup", [action, "%s/%s/%s" % (ns, pod, action)])
            state["left"] -= 1
            if state["left"] == 0:
                state["level"] += 1
                if not state["failed"] and state["level"] < len(levels):
                    start_level(t, state["level"])
                    continue
                phase = "Failed" if state["failed"] else "Succeeded"
                t += ms(5, 40)
                add(t, "wfdone", [phase, ns, name])
                add(t, "marking", [ns, name])
                t += ms(10, 90)
                add(t, "update", [ns, phase, RV, name])
                if ttl:
                    t += ms(1, 10)
                    add(t, "ttl", [phase, "%s/%s" % (ns, name), go_dur(ttl * NS - ms(50, 999) // NS * NS)])
            else:
                t += ms(5, 60)
                add(t, "update", [ns, "Running", RV, name])
        return sorted_stream(recs)

    def memstats(t):
        alloc, total, sysm, gc = 38211, 512733, 91456, 212
        while True:
            alloc = max(20000, alloc + r.randint(-6000, 7000))
            total += r.randint(9000, 30000)
            sysm += r.choice((0, 0, 0, 2048, 4096))
            gc += r.randint(1, 4)
            yield (t, "mem", [alloc, total, sysm, gc, r.randint(168, 240)])
            t += 60 * NS + ms(0, 30)

    start = at(7, 58, 40) + r.randint(0, NS)
    streams = [memstats(start + ms(100, 59000))]
    t = start
    for i in range(40):
        t += int(r.expovariate(1.0) * 38 * NS) + ms(100, 2000)
        streams.append(workflow(t, kinds[S.cy("wf", "kind", (0, 1, 0, 3, 2, 0, 1, 3, 0, 2))]))

    def number_rvs(recs):
        rv = 48213377
        out = []
        for t, key, vals in recs:
            nv = []
            for v in vals:
                if v is RV:
                    rv += r.randint(1, 37)
                    v = rv
                nv.append(v)
            out.append((t, key, nv))
        return out

    run_simulation(S, start, streams, post=number_rvs)
    return S


# ===================================================================== output
def write_system(S):
    d = os.path.join(HERE, S.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as f:
        for t, h, c, e in S.lines:
            f.write(h + c + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (t, h, c, e) in enumerate(S.lines, 1):
            w.writerow([i, c, e.eid, e.tmpl])


def tmpl_regex(tmpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tmpl.split("<*>")), re.S)


class CheckError(Exception):
    pass


def need(cond, msg):
    if not cond:
        raise CheckError(msg)


def check_system(S):
    d = os.path.join(HERE, S.name)
    logp = os.path.join(d, S.name + ".log")
    csvp = os.path.join(d, S.name + ".log_structured.csv")
    for p in (logp, csvp):
        raw = open(p, "rb").read()
        need(raw.endswith(b"\n"), "%s does not end with \\n" % p)
        need(b"\r" not in raw, "%s contains \\r" % p)
    lines = open(logp, encoding="utf-8", newline="").read().split("\n")
    need(lines[-1] == "", "log tail")
    lines = lines[:-1]
    need(len(lines) == N_LINES, "%s: %d lines" % (S.name, len(lines)))
    with open(csvp, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    need(rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], "csv header")
    rows = rows[1:]
    need(len(rows) == N_LINES, "%s: %d rows" % (S.name, len(rows)))
    declared = {e.eid: e.tmpl for e in S.events}
    need(list(declared) == ["E%d" % i for i in range(1, len(S.events) + 1)], "EventId numbering")
    need(len(set(declared.values())) == len(declared), "duplicate templates declared")
    tmpl_of, counts, caps = {}, {}, {}
    prev_ts = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        need(len(row) == 4, "row %d has %d columns" % (i, len(row)))
        lid, content, eid, tmpl = row
        need(lid == str(i), "LineId %s at %d" % (lid, i))
        need(content != "" and content == content.strip(), "content not stripped at %d" % i)
        need("\n" not in content and "\r" not in content, "multi-line content at %d" % i)
        need(line.endswith(content), "line %d does not end with Content" % i)
        header = line[:len(line) - len(content)]
        m = S.header_re.fullmatch(header)
        need(m is not None, "line %d header %r does not match" % (i, header))
        ts = m.group("ts")
        need(prev_ts is None or ts >= prev_ts, "time goes back at line %d" % i)
        prev_ts = ts
        need(re.fullmatch(r"E\d+", eid) is not None, "bad EventId %r" % eid)
        need(declared.get(eid) == tmpl, "template of %s differs from declaration" % eid)
        need(tmpl_of.setdefault(eid, tmpl) == tmpl, "two templates for %s" % eid)
        mm = tmpl_regex(tmpl).fullmatch(content)
        need(mm is not None, "line %d: template %s does not match content" % (i, eid))
        counts[eid] = counts.get(eid, 0) + 1
        slots = caps.setdefault(eid, [set() for _ in mm.groups()])
        for s, g in zip(slots, mm.groups()):
            s.add(g)
    need(set(counts) == set(declared), "unused events: %s" % sorted(set(declared) - set(counts)))
    need(len(set(tmpl_of.values())) == len(tmpl_of), "templates not distinct")
    for eid, slots in caps.items():
        for j, s in enumerate(slots, 1):
            need(len(s) >= 2, "%s slot %d captures a single value %r" % (eid, j, s))
    cs = [counts[e.eid] for e in S.events]
    med = statistics.median(cs)
    need(12 <= len(cs) <= 15, "%d event types" % len(cs))
    need(min(cs) >= 3, "an event has < 3 lines: %s" % cs)
    need(sum(1 for c in cs if 3 <= c <= 10) >= 3, "fewer than 3 events with 3-10 lines: %s" % cs)
    need(max(cs) >= 3 * med, "largest %d < 3 x median %s" % (max(cs), med))
    return cs, med, lines[0][:len(lines[0]) - len(rows[0][1])], prev_ts


BUILDERS = [build_cluster_autoscaler, build_flux_kustomize, build_kaniko,
            build_drone_runner, build_concourse, build_argo_workflows]


def main():
    systems = [b() for b in BUILDERS]
    for S in systems:
        write_system(S)
    ok = True
    for S in systems:
        try:
            cs, med, first_hdr, last_ts = check_system(S)
        except CheckError as exc:
            ok = False
            print("FAIL %-18s %s" % (S.name, exc))
            continue
        print("ok   %-18s %-10s events=%2d lines=%d min=%d median=%s max=%d small(3-10)=%d counts=%s"
              % (S.name, S.mode, len(cs), N_LINES, min(cs), med, max(cs),
                 sum(1 for c in cs if 3 <= c <= 10), ",".join(map(str, cs))))
    if not ok:
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
