#!/usr/bin/env python3
"""Round 41 blind labelled log corpus generator (standard library only, deterministic).

Writes <System>/<System>.log and <System>/<System>.log_structured.csv for six
systems, then self-checks every file and prints a per-system summary.
"""
import csv
import datetime
import decimal
import io
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270137
N_LINES = 300
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
OUT = os.path.dirname(os.path.abspath(__file__))

# integer nanosecond clock: 2026-03-14T00:00:00Z
DAY0_NS = (datetime.date(2026, 3, 14).toordinal()
           - datetime.date(1970, 1, 1).toordinal()) * 86400 * 10**9
SEC = 10**9
MS = 10**6


def tod(ns):
    t = ns - DAY0_NS
    assert 0 <= t < 86400 * SEC, "clock left 2026-03-14"
    h, r = divmod(t, 3600 * SEC)
    m, r = divmod(r, 60 * SEC)
    s, r = divmod(r, SEC)
    return h, m, s, r


def fill(tmpl, vals):
    parts = tmpl.split("<*>")
    assert len(parts) - 1 == len(vals), (tmpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (tmpl, v)
        out.append(v)
        out.append(p)
    return "".join(out)


class Cycler:
    """Slots drawn from small pools cycle through the pool per (event, slot)."""

    def __init__(self):
        self.c = {}

    def __call__(self, ev, slot, pool):
        i = self.c.get((ev, slot), 0)
        self.c[(ev, slot)] = i + 1
        return pool[i % len(pool)]


# ---------------------------------------------------------------- helpers
def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid(rng):
    return "-".join(hexs(rng, n) for n in (8, 4, 4, 4, 12))


def ip10(rng):
    return "10.%d.%d.%d" % (rng.randint(0, 9), rng.randint(0, 40), rng.randint(2, 250))


def go_dur(rng, lo_s, hi_s):
    """Go time.Duration String() style."""
    us = rng.randint(int(lo_s * 1e6), int(hi_s * 1e6))
    if us < 1000:
        return "%dµs" % us
    if us < 1000000:
        return ("%.3f" % (us / 1000.0)).rstrip("0").rstrip(".") + "ms"
    s = us / 1e6
    h = int(s // 3600)
    m = int((s % 3600) // 60)
    sec = s - h * 3600 - m * 60
    ss = ("%.3f" % sec).rstrip("0").rstrip(".") + "s"
    if h:
        return "%dh%dm%s" % (h, m, ss)
    if m:
        return "%dm%s" % (m, ss)
    return ss


def human(n, units=("B", "KiB", "MiB", "GiB", "TiB", "PiB")):
    f = float(n)
    i = 0
    while f >= 1024 and i < len(units) - 1:
        f /= 1024.0
        i += 1
    return "%.2f %s" % (f, units[i])


def hms(sec):
    return "%d:%02d:%02d" % (sec // 3600, (sec % 3600) // 60, sec % 60)


def shuffle_lines(rng, counts, gens, start_ns, mean_gap_s):
    keys = []
    for k, n in counts:
        keys.extend([k] * n)
    assert len(keys) == N_LINES, len(keys)
    rng.shuffle(keys)
    ns = start_ns
    out = []
    for k in keys:
        ns += int(rng.expovariate(1.0 / mean_gap_s) * SEC) + rng.randint(0, 999) * 1000
        vals, kw = gens[k]()
        out.append((ns, k, vals, kw))
    return out


def fit_counts(counts):
    """The first event takes whatever is left to make 300 lines."""
    rest = sum(n for _, n in counts[1:])
    return [(counts[0][0], N_LINES - rest)] + list(counts[1:])


# ====================================================== 1. DeterminedMaster
DET_EVENTS = [
    ("req", "resources are requested by /experiments/<*>/trials/<*> (Allocation ID: <*>)", "INFO"),
    ("assign", "resources assigned to /experiments/<*>/trials/<*> on agent <*> (<*> slots) resource-pool=<*>", "INFO"),
    ("release", "resources are released for /experiments/<*>/trials/<*> (Allocation ID: <*>)", "INFO"),
    ("expstate", "experiment state changed to <*> experiment-id=<*> component=experiment", "INFO"),
    ("trialok", "trial <*> exited successfully after <*> experiment-id=<*>", "INFO"),
    ("trialerr", "trial <*> exited with error: <*> experiment-id=<*>", "ERRO"),
    ("agentup", "agent connected agent-id=<*> address=<*>:<*> resource-pool=<*>", "INFO"),
    ("agentdown", "agent disconnected agent-id=<*> address=<*>:<*> resource-pool=<*>", "WARN"),
    ("ckpt", "checkpoint <*> saved for trial <*> (<*> in <*>)", "INFO"),
    ("http", "request handled method=<*> uri=<*> status=<*> latency=<*>", "DEBU"),
    ("sched", "scheduling pass took <*>, <*> pending allocations resource-pool=<*>", "DEBU"),
    ("pull", "failed to pull image \"<*>\": <*> task-id=<*>", "WARN"),
    ("gc", "deleting checkpoints for experiment <*>: <*> checkpoint(s) queued", "INFO"),
    ("created", "created experiment <*> (\"<*>\") by user <*>", "INFO"),
]


def build_determined(rng, P):
    pools = ["default", "gpu-a100", "cpu-pool", "spot-t4"]
    agents = ["det-agent-gpu-%02d" % i for i in range(1, 13)] + ["ip-10-4-%d-%d" % (i, 7 * i) for i in range(2, 7)]
    users = ["determined", "akovacs", "priya.n", "jmoreau", "admin", "tchen"]
    exps = ["mnist-pytorch", "cifar10-resnet50", "bert-finetune-sst2", "gpt2-lora-sweep", "iris-tf-keras",
            "detectron2-coco", "ppo-atari-breakout"]
    errs = ["container exited with non-zero exit code: 137 (OOMKilled)",
            "context canceled",
            "rpc error: code = Unavailable desc = transport is closing",
            "trial exceeded max_restarts (5)",
            "harness error: CUDA out of memory. Tried to allocate 2.00 GiB",
            "allocation lost: agent det-agent-gpu-04 disconnected"]
    pullerrs = ["manifest unknown", "unauthorized: authentication required",
                "net/http: TLS handshake timeout", "context deadline exceeded"]
    images = ["determinedai/pytorch-ngc:0.34.0", "determinedai/tensorflow-cuda:2.12-gpu",
              "registry.corp.example/ml/bert-train:1.4.2", "determinedai/environments:cuda-11.8-pytorch-2.0-gpu"]

    def exp():
        return rng.randint(3, 418)

    def trial():
        return rng.randint(10, 2987)

    def alloc(e, t):
        return "%d.%d.%d" % (e, t, rng.randint(0, 3))

    def g_req():
        e, t = exp(), trial()
        return [e, t, alloc(e, t)], {}

    def g_release():
        e, t = exp(), trial()
        return [e, t, alloc(e, t)], {}

    def g_assign():
        return [exp(), trial(), rng.choice(agents), P("assign", "slots", [1, 2, 4, 8]),
                P("assign", "pool", pools)], {}

    def g_uri():
        return rng.choice([
            "/api/v1/experiments/%d" % exp(),
            "/api/v1/experiments/%d/trials?limit=%d" % (exp(), rng.choice([10, 50, 100])),
            "/api/v1/trials/%d/logs?follow=true" % trial(),
            "/api/v1/master/config",
            "/api/v1/agents",
            "/api/v1/checkpoints/%s" % uuid(rng),
            "/api/v1/tasks/%d.%d" % (exp(), trial()),
        ])

    gens = {
        "req": g_req,
        "assign": g_assign,
        "release": g_release,
        "expstate": lambda: ([P("expstate", "s", ["ACTIVE", "PAUSED", "STOPPING_COMPLETED", "COMPLETED",
                                                  "STOPPING_CANCELED", "CANCELED", "ERROR"]), exp()], {}),
        "trialok": lambda: ([trial(), go_dur(rng, 40, 20000), exp()], {}),
        "trialerr": lambda: ([trial(), P("trialerr", "e", errs), exp()], {}),
        "agentup": lambda: ([rng.choice(agents), ip10(rng), rng.randint(30000, 61000),
                             P("agentup", "pool", pools)], {}),
        "agentdown": lambda: ([rng.choice(agents), ip10(rng), rng.randint(30000, 61000),
                               P("agentdown", "pool", pools)], {}),
        "ckpt": lambda: ([uuid(rng), trial(), human(rng.randint(2 * 10**6, 9 * 10**9), ("B", "KB", "MB", "GB", "TB")),
                          go_dur(rng, 0.4, 300)], {}),
        "http": lambda: ([P("http", "m", ["GET", "GET", "POST", "GET", "PATCH", "DELETE"]), g_uri(),
                          P("http", "st", [200, 200, 200, 201, 404, 200, 500, 200]), go_dur(rng, 0.0002, 2.5)], {}),
        "sched": lambda: ([go_dur(rng, 0.00005, 0.09), rng.randint(0, 37), P("sched", "pool", pools)], {}),
        "pull": lambda: ([P("pull", "img", images), P("pull", "e", pullerrs), "%d.%d" % (exp(), trial())], {}),
        "gc": lambda: ([exp(), rng.randint(1, 240)], {}),
        "created": lambda: ([exp(), P("created", "n", exps), P("created", "u", users)], {}),
    }
    counts = fit_counts([
        ("req", 0), ("assign", 38), ("release", 33), ("expstate", 18), ("trialok", 22), ("trialerr", 7),
        ("agentup", 11), ("agentdown", 8), ("ckpt", 28), ("http", 26), ("sched", 14), ("pull", 4),
        ("gc", 5), ("created", 9),
    ])
    return shuffle_lines(rng, counts, gens, DAY0_NS + 7 * 3600 * SEC + 12 * 60 * SEC, 9.0)


def hdr_determined(ns, meta, kw):
    h, m, s, _ = tod(ns)
    return "%s[2026-03-14T%02d:%02d:%02dZ] " % (meta, h, m, s)


# ============================================================== 2. MooseFs
MFS_EVENTS = [
    ("repl", "(<*>:<*>) chunk: <*> replication status: <*>", None),
    ("regbeg", "chunkserver register begin (packet version: <*>) - ip: <*> / port: <*>", None),
    ("regend", "chunkserver register end (packet version: <*>) - ip: <*> / port: <*>, usedspace: <*> (<*>), totalspace: <*> (<*>)", None),
    ("csdisc", "chunkserver disconnected - ip: <*> / port: <*>, usedspace: <*> (<*>), totalspace: <*> (<*>)", None),
    ("cspeer", "connection with CS(<*>:<*>) has been closed by peer", None),
    ("nocopy", "chunk <*>: there are no copies", None),
    ("invalid", "chunk <*> has only invalid copies (<*>) - please repair it manually", None),
    ("del", "(<*>:<*>) chunk: <*> deletion status: <*>", None),
    ("store", "store process has finished - store time: <*>", None),
    ("clpeer", "connection with client(ip:<*>) has been closed by peer", None),
    ("session", "session <*>: client registered (ip: <*>, version: <*>, root: <*>)", None),
    ("nonexist", "chunkserver has nonexistent chunk (<*>), so create it for future deletion", None),
    ("csdb", "csdb: found cs using ip:port and csid (<*>:<*>,<*>)", None),
    ("loop", "structure check loop - chunks: <*> ; under goal: <*> ; over goal: <*> ; missing: <*>", None),
]


def build_moosefs(rng, P):
    cs = ["10.20.1.%d" % i for i in (11, 12, 13, 14, 15, 21, 22, 23)]
    clients = ["10.20.%d.%d" % (rng.randint(4, 9), rng.randint(2, 250)) for _ in range(20)]
    rstat = ["No such chunk", "Wrong chunk version", "Disconnected", "Operation timed out",
             "No space left", "CRC error"]
    dstat = ["No such chunk", "Wrong chunk version", "Disconnected", "Operation not permitted"]
    versions = ["3.0.117", "3.0.116", "4.44.4", "3.0.105"]
    roots = ["/", "/home", "/projects/genomics", "/backup", "/scratch/render"]

    def chunk():
        return "%016X_%08X" % (rng.randint(0x10000, 0x3FFFFFF), rng.randint(1, 9))

    def space():
        tot = rng.choice([4, 8, 12, 16]) * 10**12 - rng.randint(0, 10**11)
        used = int(tot * rng.uniform(0.05, 0.93))
        return [used, human(used), tot, human(tot)]

    gens = {
        "repl": lambda: ([rng.choice(cs), P("repl", "port", [9422, 9422, 9522]), chunk(), P("repl", "st", rstat)], {}),
        "regbeg": lambda: ([P("regbeg", "pv", [6, 5]), rng.choice(cs), P("regbeg", "port", [9422, 9422, 9522])], {}),
        "regend": lambda: ([P("regend", "pv", [6, 5]), rng.choice(cs), P("regend", "port", [9422, 9422, 9522])] + space(), {}),
        "csdisc": lambda: ([rng.choice(cs), P("csdisc", "port", [9422, 9522])] + space(), {}),
        "cspeer": lambda: ([rng.choice(cs), P("cspeer", "port", [9422, 9522])], {}),
        "nocopy": lambda: ([chunk()], {}),
        "invalid": lambda: ([chunk(), P("invalid", "n", [1, 2, 3])], {}),
        "del": lambda: ([rng.choice(cs), P("del", "port", [9422, 9422, 9522]), chunk(), P("del", "st", dstat)], {}),
        "store": lambda: (["%.3f" % rng.uniform(0.2, 41.0)], {}),
        "clpeer": lambda: ([rng.choice(clients)], {}),
        "session": lambda: ([rng.randint(1, 1480), rng.choice(clients), P("session", "v", versions),
                             P("session", "r", roots)], {}),
        "nonexist": lambda: ([chunk()], {}),
        "csdb": lambda: ([rng.choice(cs), P("csdb", "port", [9422, 9522]), rng.randint(1, 8)], {}),
        "loop": lambda: ([rng.randint(1800000, 1900000), rng.randint(0, 420), rng.randint(0, 90),
                          P("loop", "miss", [0, 0, 2, 0, 1])], {}),
    }
    counts = fit_counts([
        ("repl", 0), ("regbeg", 17), ("regend", 15), ("csdisc", 8), ("cspeer", 7), ("nocopy", 10),
        ("invalid", 4), ("del", 31), ("store", 12), ("clpeer", 38), ("session", 45), ("nonexist", 5),
        ("csdb", 6), ("loop", 9),
    ])
    return shuffle_lines(rng, counts, gens, DAY0_NS + 2 * 3600 * SEC + 5 * SEC, 13.0)


def hdr_moosefs(ns, meta, kw):
    h, m, s, _ = tod(ns)
    return "%s %2d %02d:%02d:%02d mfsmaster01 mfsmaster[%d]: " % (MONTHS[2], 14, h, m, s, kw.get("pid", 2417))


# ============================================================= 3. FluxCore
FLUX_EVENTS = [
    ("submit", "job <*> submitted by userid <*> urgency=<*> ntasks=<*>", ("job-ingest", "debug")),
    ("alloc", "alloc success (queue=<*> id=<*>)", ("sched-fluxion-qmanager", "debug")),
    ("denied", "alloc denied (queue=<*> id=<*>): <*>", ("sched-fluxion-qmanager", "debug")),
    ("start", "<*>: start: <*> shell(s) on <*>", ("job-exec", "debug")),
    ("complete", "<*>: complete: status=<*>", ("job-exec", "debug")),
    ("exception", "<*>: exception type=<*> severity=0 <*>", ("job-manager", "info")),
    ("free", "free succeeded (queue=<*> id=<*>)", ("sched-fluxion-qmanager", "debug")),
    ("purge", "purge: <*> inactive jobs purged, <*> remaining", ("job-manager", "debug")),
    ("online", "online: <*> (ranks <*>)", ("broker", "info")),
    ("lost", "<*> (rank <*>) transitioning to LOST due to <*>", ("broker", "err")),
    ("reconn", "<*> (rank <*>) reconnected after <*>", ("broker", "info")),
    ("reslog", "reslog_cb: <*> event posted", ("resource", "debug")),
    ("ckpt", "checkpoint: <*> blobs flushed (<*>) in <*>", ("content-sqlite", "debug")),
    ("signal", "<*>: sending <*> to job shells", ("job-exec", "info")),
]

F58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def f58(n):
    s = ""
    while n:
        n, r = divmod(n, 58)
        s = F58[r] + s
    return "\u0192" + s


def build_flux(rng, P):
    t0 = DAY0_NS + 10 * 3600 * SEC + 41 * 60 * SEC
    ev = []  # (ns, seq, key, vals, kw)
    seq = [0]

    def emit(ns, key, vals, rank=0):
        seq[0] += 1
        ev.append((ns, seq[0], key, vals, {"rank": rank}))

    queues = ["batch", "debug", "gpu"]
    users = [5001, 5013, 5042, 6110, 1000]
    nodes = 16
    # broker startup: ranks come online in two waves
    emit(t0 + 30 * MS, "online", ["node0", "0"])
    emit(t0 + 1900 * MS, "online", ["node[1-11]", "1-11"])
    emit(t0 + 2400 * MS, "online", ["node[12-15]", "12-15"])
    emit(t0 + 2500 * MS, "reslog", ["online"])
    horizon = t0 + 3 * 3600 * SEC
    # background: resource events, checkpoints, purges
    t = t0 + 5 * SEC
    while t < horizon:
        t += int(rng.expovariate(1 / 55.0) * SEC)
        emit(t, "reslog", [P("reslog", "e", ["drain", "undrain", "offline", "online", "drain"])])
    t = t0 + 10 * SEC
    while t < horizon:
        t += int(rng.expovariate(1 / 70.0) * SEC)
        n = rng.randint(12, 4800)
        emit(t, "ckpt", [n, human(n * rng.randint(300, 9000)), go_dur(rng, 0.002, 1.8)])
    t = t0 + 20 * SEC
    while t < horizon:
        t += int(rng.expovariate(1 / 80.0) * SEC)
        emit(t, "purge", [rng.randint(1, 40), rng.randint(200, 1000)])
    # broker overlay losses
    t = t0 + 60 * SEC
    reasons = ["EHOSTUNREACH error on send", "missed heartbeat", "overlay peer timeout",
               "ECONNRESET error on receive"]
    while t < horizon:
        t += int(rng.expovariate(1 / 60.0) * SEC)
        r = rng.randint(1, nodes - 1)
        parent = 0 if r < 4 else (r - 1) // 4 + 0
        emit(t, "lost", ["node%d" % r, r, P("lost", "why", reasons)], rank=parent)
        back = t + int(rng.uniform(8, 95) * SEC)
        emit(back, "reconn", ["node%d" % r, r, go_dur(rng, 8, 95)], rank=parent)
        emit(back + 40 * MS, "online", ["node%d" % r, str(r)])
    # jobs
    t = t0 + 4 * SEC
    idx = 0
    fluid_epoch_ms = 0
    while t < horizon:
        t += int(rng.expovariate(1 / 7.5) * SEC)
        idx += 1
        jid = (((t - t0) // MS + 86400000 * 3) << 24) | (rng.randint(0, 15) << 10) | rng.randint(0, 1023)
        fid = f58(jid)
        q = P("job", "queue", queues)
        emit(t, "submit", [fid, rng.choice(users), P("submit", "urg", [16, 16, 16, 31, 0, 16, 8]),
                           rng.choice([1, 1, 2, 4, 8, 16, 32, 64])])
        ta = t + int(rng.uniform(0.002, 0.9) * SEC)
        if idx % 13 == 6:
            emit(ta, "denied", [q, jid, P("denied", "why", ["unsatisfiable request",
                                                             "Resource temporarily unavailable",
                                                             "match error: Invalid argument"])])
            emit(ta + 3 * MS, "exception", [fid, "alloc", P("exc", "n", ["alloc denied due to type=\"unsatisfiable\"",
                                                                             "resource allocation failed"])])
            continue
        emit(ta, "alloc", [q, jid])
        ts = ta + int(rng.uniform(0.01, 0.35) * SEC)
        n0 = rng.randint(0, nodes - 2)
        n1 = min(nodes - 1, n0 + rng.choice([0, 0, 1, 3, 7]))
        hosts = "node%d" % n0 if n0 == n1 else "node[%d-%d]" % (n0, n1)
        emit(ts, "start", [fid, n1 - n0 + 1, hosts])
        run = int(rng.expovariate(1 / 70.0) * SEC) + 200 * MS
        if idx % 11 == 4:
            te = ts + run
            emit(te, "exception", [fid, "timeout", P("exc2", "n", ["resource allocation expired",
                                                                       "job duration limit of 30m exceeded"])])
            emit(te + 2 * MS, "signal", [fid, P("sig", "s", ["SIGTERM", "SIGKILL"])])
            tc = te + int(rng.uniform(0.05, 3) * SEC)
            emit(tc, "complete", [fid, P("cst", "kill", [15, 9])])
        else:
            tc = ts + run
            emit(tc, "complete", [fid, P("cst", "s", [0, 0, 0, 256, 0, 0, 2])])
        emit(tc + int(rng.uniform(0.001, 0.05) * SEC), "free", [q, jid])
    ev.sort(key=lambda x: (x[0], x[1]))
    return [(ns, k, v, kw) for ns, _, k, v, kw in ev[:N_LINES]]


def hdr_flux(ns, meta, kw):
    h, m, s, r = tod(ns)
    return "2026-03-14T%02d:%02d:%02d.%06dZ %s.%s[%d]: " % (h, m, s, r // 1000, meta[0], meta[1], kw["rank"])


# =============================================================== 4. Xrootd
XRD_EVENTS = [
    ("loginas", "<*> pub <*> login as <*>", "XrootdXeq"),
    ("login", "<*> pub <*> login", "XrootdXeq"),
    ("disc", "<*> disc <*>", "XrootdXeq"),
    ("auth", "<*> authenticated as \"<*>\" using <*>", "XrootdProtocol"),
    ("authfail", "<*> authentication failed; <*>", "XrootdProtocol"),
    ("openr", "<*> opened <*> for reading", "XrdOfs"),
    ("openw", "<*> opened <*> for writing", "XrdOfs"),
    ("closer", "<*> closed <*> (<*> bytes read)", "XrdOfs"),
    ("closew", "<*> closed <*> (<*> bytes written)", "XrdOfs"),
    ("noopen", "<*> ofs_open: Unable to open <*>; <*>", None),
    ("redir", "<*> redirected to <*>:<*> for <*>", "XrootdRedirect"),
    ("tpcstart", "event=TRANSFER_START, local=<*>, remote=<*>, user=<*>", "TPC_PullRequest"),
    ("tpcok", "event=TRANSFER_SUCCESS, local=<*>, bytes=<*>, rate=<*>", "TPC_PullRequest"),
    ("tpcfail", "event=TRANSFER_FAIL, local=<*>, error=<*>", "TPC_PullRequest"),
    ("cms", "manager <*>:<*> reported <*> data servers online", "cms_ClientMan"),
]


def build_xrootd(rng, P):
    t0 = DAY0_NS + 16 * 3600 * SEC + 3 * 60 * SEC
    ev = []
    seq = [0]

    def emit(ns, key, vals, tid):
        seq[0] += 1
        ev.append((ns, seq[0], key, vals, {"tid": tid}))

    users = ["alice", "bmorgan", "cms001", "atlasprd", "lhcbsgm", "dteam042", "kpatel", "svc_fts"]
    hosts = ["wn%03d.grid.example.org" % i for i in range(1, 90)] + ["lxplus%d.cern.example" % i for i in (7, 8, 12)] + \
        ["fts3-02.example.ch", "ui01.hep.example.edu"]
    dns = {u: "/DC=org/DC=example/OU=People/CN=%s/CN=%d" % (u, 100000 + 37 * i) for i, u in enumerate(users)}
    dirs = ["/store/data/Run2026B/JetHT/RAW/v1", "/store/mc/Summer26/TTbar/AODSIM", "/atlas/rucio/data26_13p6TeV",
            "/lhcb/LHCb/Collision26/DST", "/eos/user/scratch", "/dteam/test"]
    errs = ["no such file or directory", "permission denied", "file exists", "no space left on device",
            "input/output error"]
    authfails = ["unable to get credentials from gsi", "ztn: token has expired",
                 "Secgsi: ErrParseBuffer: unknown CA: cannot verify certificate",
                 "sss: unable to find key for user"]
    remotes = ["https://eosatlas.example.ch:443", "https://dcache-door.example.de:2880", "davs://se01.example.fr:443"]
    tpcerrs = ["Remote side failed with status code 403", "Failure when receiving data from the peer",
               "Timeout was reached", "Checksum mismatch (adler32)"]
    redirs = ["xrd-ds01.example.org", "xrd-ds02.example.org", "xrd-ds07.example.org"]

    def path():
        return "%s/%s.root" % (rng.choice(dirs), hexs(rng, 8) + "-" + hexs(rng, 4))

    # server background: cms
    t = t0
    horizon = t0 + 4 * 3600 * SEC
    while t < horizon:
        t += int(rng.expovariate(1 / 45.0) * SEC)
        emit(t, "cms", [P("cms", "m", ["xrd-mgr01.example.org", "xrd-mgr02.example.org"]), P("cms", "port", [1213, 1213, 3121]),
                        rng.randint(38, 46)], 1)
    t = t0
    sidx = 0
    opidx = 0
    tpcidx = 0
    while t < horizon:
        t += int(rng.expovariate(1 / 7.0) * SEC)
        sidx += 1
        tid = rng.randint(180, 9800)
        anon = sidx % 6 == 3
        u = "anon" if anon else rng.choice(users)
        client = "%s.%d:%d@%s" % (u, rng.randint(1000, 65000), rng.randint(20, 400), rng.choice(hosts))
        c = t
        pub = P("login" if anon else "loginas", "pub", ["IPv4", "IP46", "IPv6", "IPv4"])
        if not anon:
            c += int(rng.uniform(0.01, 0.3) * SEC)
            if sidx % 12 == 7:
                emit(c, "authfail", [client, P("authfail", "r", authfails)], tid)
                emit(c + int(rng.uniform(0.001, 0.2) * SEC), "disc", [client, "0:00:%02d" % rng.randint(0, 2)], tid)
                continue
            emit(c, "auth", [client, dns[u], P("auth", "m", ["gsi", "ztn", "gsi", "sss"])], tid)
            c += int(rng.uniform(0.001, 0.05) * SEC)
            emit(c, "loginas", [client, pub, u], tid)
        else:
            c += int(rng.uniform(0.01, 0.2) * SEC)
            emit(c, "login", [client, pub], tid)
        if sidx % 4 == 1 and not anon:
            tpcidx += 1
            c += int(rng.uniform(0.05, 2) * SEC)
            loc = path()
            emit(c, "tpcstart", [loc, rng.choice(remotes) + path(), u], tid)
            size = rng.randint(10**7, 6 * 10**9)
            dur = rng.uniform(2, 140)
            c += int(dur * SEC)
            if tpcidx % 3 == 1:
                emit(c, "tpcfail", [loc, P("tpcfail", "e", tpcerrs)], tid)
            else:
                emit(c, "tpcok", [loc, size, "%.1fMB/s" % (size / dur / 1e6)], tid)
        else:
            nops = 1 + int(rng.expovariate(1 / 1.6))
            for _ in range(nops):
                opidx += 1
                c += int(rng.uniform(0.02, 8) * SEC)
                p = path()
                if opidx % 10 == 4:
                    emit(c, "noopen", [client, p, P("noopen", "e", errs)], tid)
                    continue
                if opidx % 9 == 2:
                    emit(c, "redir", [client, P("redir", "h", redirs), P("redir", "p", [1094, 1095]), p], tid)
                    continue
                w = (opidx % 4 == 0) and not anon
                emit(c, "openw" if w else "openr", [client, p], tid)
                c += int(rng.expovariate(1 / 12.0) * SEC) + 30 * MS
                emit(c, "closew" if w else "closer", [client, p, rng.randint(4096, 4 * 10**9)], tid)
        c += int(rng.uniform(0.05, 20) * SEC)
        emit(c, "disc", [client, hms((c - t) // SEC)], tid)
    ev.sort(key=lambda x: (x[0], x[1]))
    return [(ns, k, v, kw) for ns, _, k, v, kw in ev[:N_LINES]]


def hdr_xrootd(ns, meta, kw):
    h, m, s, _ = tod(ns)
    base = "260314 %02d:%02d:%02d %03d " % (h, m, s, kw["tid"])
    return base + (meta + ": " if meta else "")


# ========================================================== 5. BoincClient
BOINC_EVENTS = [
    ("start", "Starting task <*>", "p"),
    ("done", "Computation for task <*> finished", "p"),
    ("dlstart", "Started download of <*>", "p"),
    ("dlend", "Finished download of <*>", "p"),
    ("ulstart", "Started upload of <*>", "p"),
    ("ulend", "Finished upload of <*>", "p"),
    ("schedreq", "Sending scheduler request: <*>", "p"),
    ("schedok", "Scheduler request completed: got <*> new tasks", "p"),
    ("report", "Reporting <*> completed tasks", "p"),
    ("delay", "Project requested delay of <*> seconds", "p"),
    ("reqtasks", "Requesting new tasks for <*>", "p"),
    ("suspend", "Suspending computation - <*>", "g"),
    ("resume", "Resuming computation", "g"),
    ("dlfail", "Temporarily failed download of <*>: <*>", "p"),
    ("schedfail", "Scheduler request failed: <*>", "p"),
]


def build_boinc(rng, P):
    projects = ["Einstein@Home", "Rosetta@home", "World Community Grid", "LHC@home", "PrimeGrid", "Milkyway@Home"]

    def task(proj):
        if proj == "Einstein@Home":
            f = "%.2f" % rng.uniform(300, 1500)
            return "h1_%s_O3aC01Cl1In0__O3MD1V2_VelaJr1_%sHz_%d_%d" % (
                f.zfill(7), "%.2f" % (float(f) + 0.65), rng.randint(100, 2000), rng.randint(0, 2))
        if proj == "Rosetta@home":
            return "rb_03_%02d_%d_%d__t000__0_C1_SAVE_ALL_OUT_IGNORE_THE_REST_%d_%d_0" % (
                rng.randint(1, 14), rng.randint(70000, 99999), rng.randint(40000, 89999),
                rng.randint(1000000, 3999999), rng.randint(100, 2000))
        if proj == "World Community Grid":
            return "%s_%07d_%04d_%d" % (rng.choice(["MCM1", "ARP1", "OPNG"]), rng.randint(1, 9999999),
                                         rng.randint(1, 9999), rng.randint(0, 2))
        if proj == "LHC@home":
            return "Theory_%d-%d-%d_%d" % (rng.randint(2600, 2800), rng.randint(1000000, 2999999),
                                           rng.randint(1, 900), rng.randint(0, 1))
        if proj == "PrimeGrid":
            return "llrSGS_%d_%d" % (rng.randint(400000000, 499999999), rng.randint(0, 1))
        return "de_modfit_%d_bundle4_4s_south4s_bgset_%d_%d_%d" % (
            rng.randint(80, 90), rng.randint(1700000000, 1799999999), rng.randint(1000000, 99999999),
            rng.randint(0, 2))

    def dfile(proj):
        if proj == "Einstein@Home":
            return "h1_%07.2f_O3aC01Cl1In0" % rng.uniform(300, 1500)
        if proj == "World Community Grid":
            return "%s_%07d_%04d.zip" % (rng.choice(["MCM1", "ARP1"]), rng.randint(1, 9999999), rng.randint(1, 9999))
        if proj == "LHC@home":
            return "Theory_%d-%d-%d.tgz" % (rng.randint(2600, 2800), rng.randint(1000000, 2999999), rng.randint(1, 900))
        if proj == "Rosetta@home":
            return "rb_03_%02d_%d_%d.zip" % (rng.randint(1, 14), rng.randint(70000, 99999), rng.randint(40000, 89999))
        if proj == "PrimeGrid":
            return "llrSGS_%d.in" % rng.randint(400000000, 499999999)
        return "de_modfit_%d_bundle4_4s_south4s_bgset.params" % rng.randint(80, 90)

    def ufile(proj):
        return task(proj) + "_%d" % rng.randint(0, 1)

    def pj(key):
        return P(key, "proj", projects)

    def g(key, fn):
        def inner():
            p = pj(key)
            return fn(p), {"proj": p}
        return inner

    gens = {
        "start": g("start", lambda p: [task(p)]),
        "done": g("done", lambda p: [task(p)]),
        "dlstart": g("dlstart", lambda p: [dfile(p)]),
        "dlend": g("dlend", lambda p: [dfile(p)]),
        "ulstart": g("ulstart", lambda p: [ufile(p)]),
        "ulend": g("ulend", lambda p: [ufile(p)]),
        "schedreq": g("schedreq", lambda p: [P("schedreq", "r", ["To fetch work.", "To report completed tasks.",
                                                                   "Requested by project.", "To fetch work.",
                                                                   "Requested by user."])]),
        "schedok": g("schedok", lambda p: [P("schedok", "n", [1, 0, 3, 2, 8, 1, 12])]),
        "report": g("report", lambda p: [rng.randint(1, 9)]),
        "delay": g("delay", lambda p: [rng.choice([7, 31, 61, 91, 121, 303, 1800, 3600, 14400])]),
        "reqtasks": g("reqtasks", lambda p: [P("reqtasks", "r", ["CPU", "CPU and NVIDIA GPU", "NVIDIA GPU",
                                                                   "CPU and AMD/ATI GPU"])]),
        "suspend": lambda: ([P("suspend", "r", ["computer is in use", "CPU is busy", "time of day",
                                                 "on batteries", "user request"])], {"proj": "---"}),
        "resume": lambda: ([], {"proj": "---"}),
        "dlfail": g("dlfail", lambda p: [dfile(p), P("dlfail", "e", ["transient HTTP error", "connect() failed",
                                                                       "timeout was reached"])]),
        "schedfail": g("schedfail", lambda p: [P("schedfail", "e", ["Couldn't resolve host name",
                                                                      "HTTP service unavailable",
                                                                      "Couldn't connect to server"])]),
    }
    counts = fit_counts([
        ("start", 0), ("done", 38), ("dlstart", 33), ("dlend", 31), ("ulstart", 27), ("ulend", 25),
        ("schedreq", 19), ("schedok", 16), ("report", 12), ("delay", 13), ("reqtasks", 11), ("suspend", 6),
        ("resume", 5), ("dlfail", 4), ("schedfail", 3),
    ])
    return shuffle_lines(rng, counts, gens, DAY0_NS + 5 * 3600 * SEC + 47 * 60 * SEC, 21.0)


def hdr_boinc(ns, meta, kw):
    h, m, s, _ = tod(ns)
    return "14-%s-2026 %02d:%02d:%02d [%s] " % (MONTHS[2], h, m, s, kw["proj"])


# ======================================================= 6. KatibController
STACK = ("sigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller).reconcileHandler\\n\\t"
         "/go/pkg/mod/sigs.k8s.io/controller-runtime@v0.16.3/pkg/internal/controller/controller.go:329\\n"
         "sigs.k8s.io/controller-runtime/pkg/internal/controller.(*Controller).processNextWorkItem\\n\\t"
         "/go/pkg/mod/sigs.k8s.io/controller-runtime@v0.16.3/pkg/internal/controller/controller.go:266")
KATIB_EVENTS = [
    ("sync", "Sync assignments\",\"Suggestion\":{\"name\":\"<*>\",\"namespace\":\"<*>\"},\"Suggestion Requests\":<*>,\"Suggestion Count\":<*>}", ("info", "suggestion-controller")),
    ("created", "Created Trials\",\"Experiment\":{\"name\":\"<*>\",\"namespace\":\"<*>\"},\"trialNames\":[<*>]}", ("info", "experiment-controller")),
    ("expfail", "Update experiment instance status failed, reconciler requeued\",\"Experiment\":{\"name\":\"<*>\",\"namespace\":\"<*>\"},\"err\":\"<*>\"}", ("info", "experiment-controller")),
    ("expok", "Experiment succeeded\",\"Experiment\":{\"name\":\"<*>\",\"namespace\":\"<*>\"},\"reason\":\"<*>\"}", ("info", "experiment-controller")),
    ("deploy", "Creating Deployment\",\"Suggestion\":{\"name\":\"<*>\",\"namespace\":\"<*>\"},\"namespace\":\"<*>\",\"name\":\"<*>\"}", ("info", "suggestion-controller")),
    ("service", "Creating Service\",\"Suggestion\":{\"name\":\"<*>\",\"namespace\":\"<*>\"},\"namespace\":\"<*>\",\"name\":\"<*>\"}", ("info", "suggestion-controller")),
    ("job", "Creating Job\",\"Trial\":{\"name\":\"<*>\",\"namespace\":\"<*>\"},\"kind\":\"<*>\",\"name\":\"<*>\"}", ("info", "trial-controller")),
    ("trialok", "Trial is succeeded\",\"Trial\":{\"name\":\"<*>\",\"namespace\":\"<*>\"}}", ("info", "trial-controller")),
    ("trialfail", "Trial is failed\",\"Trial\":{\"name\":\"<*>\",\"namespace\":\"<*>\"},\"reason\":\"<*>\",\"message\":\"<*>\"}", ("info", "trial-controller")),
    ("nometrics", "Metrics are not available yet\",\"Trial\":{\"name\":\"<*>\",\"namespace\":\"<*>\"},\"retry\":<*>}", ("info", "trial-controller")),
    ("evsrc", "Starting EventSource\",\"controller\":\"<*>\",\"source\":\"<*>\"}", ("info", None)),
    ("workers", "Starting workers\",\"controller\":\"<*>\",\"worker count\":<*>}", ("info", None)),
    ("recerr", "Reconciler error\",\"controller\":\"<*>\",\"name\":\"<*>\",\"namespace\":\"<*>\",\"error\":\"<*>\",\"stacktrace\":\"" + STACK + "\"}", ("error", None)),
    ("whreq", "received request\",\"webhook\":\"<*>\",\"UID\":\"<*>\",\"kind\":\"kubeflow.org/v1beta1, Kind=Experiment\",\"resource\":{\"group\":\"kubeflow.org\",\"version\":\"v1beta1\",\"resource\":\"experiments\"}}", ("debug", "controller-runtime.webhook.webhooks")),
    ("whresp", "wrote response\",\"webhook\":\"<*>\",\"code\":<*>,\"UID\":\"<*>\",\"allowed\":<*>}", ("debug", "controller-runtime.webhook.webhooks")),
]


def build_katib(rng, P):
    exps = ["random-example", "bayesian-optimization", "tpe-mnist-pytorch", "hyperband-cifar10", "cmaes-resnet18",
            "grid-xgboost-iris", "enas-cnn-cifar10", "darts-search"]
    algos = {"random-example": "random", "bayesian-optimization": "bayesianoptimization",
             "tpe-mnist-pytorch": "tpe", "hyperband-cifar10": "hyperband", "cmaes-resnet18": "cmaes",
             "grid-xgboost-iris": "grid", "enas-cnn-cifar10": "enas", "darts-search": "darts"}
    nss = ["kubeflow", "kubeflow-user-example-com", "team-vision", "ml-research"]
    abc = "abcdefghijklmnopqrstuvwxyz0123456789"
    ctrls = ["experiment-controller", "trial-controller", "suggestion-controller"]

    def exp():
        return rng.choice(exps)

    def tname(e):
        return e + "-" + "".join(rng.choice(abc) for _ in range(8))

    def uid():
        return uuid(rng)

    experrs = ["Operation cannot be fulfilled on experiments.kubeflow.org \\\"%s\\\": the object has been modified; please apply your changes to the latest version and try again",
               "etcdserver: request timed out",
               "context deadline exceeded"]
    recerrs = ["Operation cannot be fulfilled on trials.kubeflow.org \\\"%s\\\": the object has been modified; please apply your changes to the latest version and try again",
               "Internal error occurred: failed calling webhook \\\"validator.experiment.katib.kubeflow.org\\\": context deadline exceeded",
               "rpc error: code = Unavailable desc = connection error: desc = \\\"transport: Error while dialing dial tcp 10.96.41.7:6789: connect: connection refused\\\"",
               "jobs.batch \\\"%s\\\" already exists"]
    sources = {"experiment-controller": ["kind source: *v1beta1.Experiment", "kind source: *v1beta1.Trial",
                                         "kind source: *v1beta1.Suggestion"],
               "trial-controller": ["kind source: *v1beta1.Trial", "kind source: *unstructured.Unstructured"],
               "suggestion-controller": ["kind source: *v1beta1.Suggestion", "kind source: *v1.Deployment",
                                         "kind source: *v1.Service", "kind source: *v1.PersistentVolumeClaim"]}

    def g_created():
        e = exp()
        n = rng.randint(1, 4)
        return [e, P("created", "ns", nss), ",".join('"%s"' % tname(e) for _ in range(n))], {}

    def g_expfail():
        e = exp()
        msg = P("expfail", "e", experrs)
        if "%s" in msg:
            msg = msg % e
        return [e, P("expfail", "ns", nss), msg], {}

    def g_recerr():
        c = P("recerr", "c", ctrls)
        e = exp()
        nm = e if c == "experiment-controller" else (tname(e) if c == "trial-controller" else e)
        msg = P("recerr", "e", recerrs)
        if "%s" in msg:
            msg = msg % tname(e)
        return [c, nm, P("recerr", "ns", nss), msg], {}

    def g_evsrc():
        c = P("evsrc", "c", ctrls)
        return [c, P("evsrc:" + c, "s", sources[c])], {}

    def g_sugg(key):
        def inner():
            e = exp()
            ns = P(key, "ns", nss)
            return [e, ns, ns, "%s-%s" % (e, algos[e])], {}
        return inner

    def g_job():
        e = exp()
        t = tname(e)
        return [t, P("job", "ns", nss), P("job", "k", ["Job", "TFJob", "PyTorchJob", "Job", "MPIJob"]), t], {}

    uids = [uid() for _ in range(40)]
    gens = {
        "sync": lambda: ([exp(), P("sync", "ns", nss), rng.randint(3, 60), rng.randint(1, 60)], {}),
        "created": g_created,
        "expfail": g_expfail,
        "expok": lambda: ([exp(), P("expok", "ns", nss), P("expok", "r", ["ExperimentMaxTrialsReached",
                                                                          "ExperimentGoalReached"])], {}),
        "deploy": g_sugg("deploy"),
        "service": g_sugg("service"),
        "job": g_job,
        "trialok": lambda: ([tname(exp()), P("trialok", "ns", nss)], {}),
        "trialfail": lambda: ([tname(exp()), P("trialfail", "ns", nss),
                               P("trialfail", "r", ["TrialFailed", "MetricsUnavailable"]),
                               P("trialfail", "m", ["Trial has failed. Job message: Job has reached the specified backoff limit",
                                                    "Metrics are not available",
                                                    "Trial has failed. Job message: Pod was OOMKilled"])], {}),
        "nometrics": lambda: ([tname(exp()), P("nometrics", "ns", nss), rng.randint(1, 12)], {}),
        "evsrc": g_evsrc,
        "workers": lambda: ([P("workers", "c", ctrls), P("workers", "n", [1, 1, 1, 4, 1, 2])], {}),
        "recerr": g_recerr,
        "whreq": lambda: ([P("whreq", "w", ["/validate-experiment", "/mutate-experiment"]), rng.choice(uids)], {}),
        "whresp": lambda: ([P("whresp", "w", ["/validate-experiment", "/mutate-experiment"]),
                            P("whresp", "c", [200, 200, 403, 200]), rng.choice(uids),
                            P("whresp", "a", ["true", "true", "false", "true"])], {}),
    }
    counts = fit_counts([
        ("sync", 0), ("created", 40), ("expfail", 7), ("expok", 9), ("deploy", 10), ("service", 10), ("job", 38),
        ("trialok", 30), ("trialfail", 8), ("nometrics", 22), ("evsrc", 12), ("workers", 6), ("recerr", 5),
        ("whreq", 16), ("whresp", 15),
    ])
    return shuffle_lines(rng, counts, gens, DAY0_NS + 13 * 3600 * SEC + 26 * 60 * SEC, 11.0)


def hdr_katib(ns, meta, kw):
    sec = ns // SEC
    frac = ("%06d" % ((ns // 1000) % 10**6)).rstrip("0")
    ts = "%d.%s" % (sec, frac) if frac else "%d" % sec
    lg = ',"logger":"%s"' % meta[1] if meta[1] else ""
    return '{"level":"%s","ts":%s%s,"msg":"' % (meta[0], ts, lg)


# ================================================================ registry
SYSTEMS = [
    dict(name="DeterminedMaster", k=1, events=DET_EVENTS, build=build_determined, hdr=hdr_determined,
         kind="shuffle",
         hre=r"(?:INFO|WARN|ERRO|DEBU)\[2026-03-14T(?P<t>\d\d:\d\d:\d\d)Z\] ", tkey=str),
    dict(name="MooseFs", k=2, events=MFS_EVENTS, build=build_moosefs, hdr=hdr_moosefs, kind="shuffle",
         hre=r"Mar 14 (?P<t>\d\d:\d\d:\d\d) [a-z0-9-]+ mfsmaster\[\d+\]: ", tkey=str),
    dict(name="FluxCore", k=3, events=FLUX_EVENTS, build=build_flux, hdr=hdr_flux, kind="simulation",
         hre=r"2026-03-14T(?P<t>\d\d:\d\d:\d\d\.\d{6})Z [a-z][a-z0-9-]*\.(?:emerg|alert|crit|err|warning|notice|info|debug)\[\d+\]: ",
         tkey=str),
    dict(name="Xrootd", k=4, events=XRD_EVENTS, build=build_xrootd, hdr=hdr_xrootd, kind="simulation",
         hre=r"260314 (?P<t>\d\d:\d\d:\d\d) \d{3,5} (?:[A-Za-z_]+: )?", tkey=str),
    dict(name="BoincClient", k=5, events=BOINC_EVENTS, build=build_boinc, hdr=hdr_boinc, kind="shuffle",
         hre=r"14-Mar-2026 (?P<t>\d\d:\d\d:\d\d) \[(?:---|[A-Za-z@ ]+)\] ", tkey=str),
    dict(name="KatibController", k=6, events=KATIB_EVENTS, build=build_katib, hdr=hdr_katib, kind="shuffle",
         hre=r'\{"level":"(?:debug|info|error)","ts":(?P<t>\d+(?:\.\d+)?)(?:,"logger":"[a-z][a-z0-9.-]*")?,"msg":"',
         tkey=decimal.Decimal),
]


def generate(sd):
    rng = random.Random(BASE_SEED * 10 + sd["k"])
    P = Cycler()
    rows = sd["build"](rng, P)
    assert len(rows) == N_LINES, (sd["name"], len(rows))
    ev_index = {key: (i + 1, tmpl, meta) for i, (key, tmpl, meta) in enumerate(sd["events"])}
    raw_lines, csv_rows = [], []
    for i, (ns, key, vals, kw) in enumerate(rows):
        eid, tmpl, meta = ev_index[key]
        content = fill(tmpl, vals)
        raw_lines.append(sd["hdr"](ns, meta, kw) + content)
        csv_rows.append([i + 1, content, "E%d" % eid, tmpl])
    d = os.path.join(OUT, sd["name"])
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, sd["name"] + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("".join(line + "\n" for line in raw_lines))
    with open(os.path.join(d, sd["name"] + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(csv_rows)


def check(sd):
    name = sd["name"]
    d = os.path.join(OUT, name)
    with open(os.path.join(d, name + ".log"), "rb") as f:
        data = f.read()
    assert data.endswith(b"\n"), name
    assert b"\r" not in data, name
    raw = data.decode("utf-8").split("\n")[:-1]
    assert len(raw) == N_LINES, (name, len(raw))
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], name
    rows = rows[1:]
    assert len(rows) == N_LINES, (name, len(rows))
    hre = re.compile(sd["hre"])
    prev = None
    tmpl_of = {}
    counts = {}
    slots = {}
    for i, (row, line) in enumerate(zip(rows, raw)):
        assert len(row) == 4, (name, i)
        lid, content, eid, tmpl = row
        assert lid == str(i + 1), (name, lid)
        assert content and content == content.strip(), (name, lid)
        assert line.endswith(content), (name, lid)
        head = line[:len(line) - len(content)]
        m = hre.fullmatch(head)
        assert m, (name, lid, head)
        t = sd["tkey"](m.group("t"))
        assert prev is None or t >= prev, (name, lid, "time went back")
        prev = t
        assert re.fullmatch(r"E\d+", eid), (name, eid)
        assert tmpl_of.setdefault(eid, tmpl) == tmpl, (name, eid, "two templates")
        counts[eid] = counts.get(eid, 0) + 1
        rx = "^" + "(.+?)".join(re.escape(p) for p in tmpl.split("<*>")) + "$"
        mm = re.fullmatch(rx, content)
        assert mm, (name, lid, content, tmpl)
        for j, v in enumerate(mm.groups()):
            slots.setdefault((eid, j), set()).add(v)
    assert len(set(tmpl_of.values())) == len(tmpl_of), (name, "duplicate templates")
    declared = ["E%d" % (i + 1) for i in range(len(sd["events"]))]
    assert sorted(counts) == sorted(declared), (name, "declared events unused", set(declared) - set(counts))
    for (eid, j), vs in slots.items():
        assert len(vs) >= 2, (name, eid, j, vs)
    for eid in declared:
        ntmpl = tmpl_of[eid].count("<*>")
        for j in range(ntmpl):
            assert (eid, j) in slots
    n = len(counts)
    assert 12 <= n <= 15, (name, n)
    cs = sorted(counts.values())
    assert min(cs) >= 3, (name, counts)
    assert sum(1 for c in cs if 3 <= c <= 10) >= 3, (name, counts)
    med = statistics.median(cs)
    assert max(cs) >= 3 * med, (name, max(cs), med)
    return counts, med


def main():
    for sd in SYSTEMS:
        generate(sd)
    ok = True
    for sd in SYSTEMS:
        try:
            counts, med = check(sd)
        except AssertionError as e:
            ok = False
            print("%-17s FAIL %r" % (sd["name"], e.args))
            continue
        order = ["E%d" % (i + 1) for i in range(len(sd["events"]))]
        print("%-17s %-10s %2d events  max=%3d median=%5.1f  %s" % (
            sd["name"], sd["kind"], len(counts), max(counts.values()), med,
            " ".join("%s:%d" % (e, counts[e]) for e in order)))
    if not ok:
        sys.exit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
