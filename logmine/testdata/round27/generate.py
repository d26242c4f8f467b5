#!/usr/bin/env python3
"""Round 27 blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270109; system k (1..6) uses random.Random(20270109 * 10 + k).
All time comes from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system, then re-reads the files and self-checks them.
"""
import csv
import os
import re
import random
import statistics
import sys

BASE_SEED = 20270109
OUT = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300

SEC = 10 ** 9
MS = 10 ** 6
DAY_NS = 86400 * SEC
YEAR, MONTH, DAY = 2026, 3, 14
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
EPOCH_DAY = 1773446400  # Unix time of 2026-03-14T00:00:00Z
DAY_WEEKDAY = "Sat"  # 2026-03-14 is a Saturday (fixed, not computed from a locale)

LEVEL_WORDS = ("debug", "info", "notice", "warn", "error", "crit", "alert", "emerg")


# --------------------------------------------------------------------------
# time formatting from the integer nanosecond clock (ns since 2026-03-14 00:00 UTC)
# --------------------------------------------------------------------------
def tod(ns):
    assert 0 <= ns < DAY_NS, ns
    s, frac = divmod(ns, SEC)
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return h, m, sec, frac


def ts_syslog(ns):
    h, m, s, _ = tod(ns)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[MONTH - 1], DAY, h, m, s)


def ts_iso_z(ns):
    h, m, s, _ = tod(ns)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (YEAR, MONTH, DAY, h, m, s)


def ts_nginx(ns):
    h, m, s, _ = tod(ns)
    return "%04d/%02d/%02d %02d:%02d:%02d" % (YEAR, MONTH, DAY, h, m, s)


def ts_python(ns):
    h, m, s, f = tod(ns)
    return "%04d-%02d-%02d %02d:%02d:%02d,%03d" % (YEAR, MONTH, DAY, h, m, s, f // MS)


def ts_borg(ns):
    h, m, s, _ = tod(ns)
    return "%s, %04d-%02d-%02d %02d:%02d:%02d" % (DAY_WEEKDAY, YEAR, MONTH, DAY, h, m, s)


def hms(h, m, s):
    return (h * 3600 + m * 60 + s) * SEC


# --------------------------------------------------------------------------
# small value helpers
# --------------------------------------------------------------------------
def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid4(rng):
    h = hexs(rng, 32)
    v = "89ab"[rng.randrange(4)]
    return "%s-%s-4%s-%s%s-%s" % (h[0:8], h[8:12], h[13:16], v, h[17:20], h[20:32])


def ip_in(rng, prefix):
    parts = prefix.split(".")
    while len(parts) < 4:
        parts.append(str(rng.randint(1, 254)))
    return ".".join(parts)


def restic_bytes(n):
    units = ["B", "KiB", "MiB", "GiB", "TiB"]
    v = float(n)
    u = 0
    while v >= 1024 and u < len(units) - 1:
        v /= 1024.0
        u += 1
    if u == 0:
        return "%d B" % n
    return "%.3f %s" % (v, units[u])


def restic_clock(seconds):
    h, rem = divmod(int(seconds), 3600)
    m, s = divmod(rem, 60)
    if h:
        return "%d:%02d:%02d" % (h, m, s)
    return "%d:%02d" % (m, s)


def borg_duration(seconds):
    h, rem = divmod(seconds, 3600.0)
    m, s = divmod(rem, 60.0)
    if h >= 1:
        return "%d hours %d minutes %.2f seconds" % (h, m, s)
    if m >= 1:
        return "%d minutes %.2f seconds" % (m, s)
    return "%.2f seconds" % s


# --------------------------------------------------------------------------
# per-system container
# --------------------------------------------------------------------------
class System:
    def __init__(self, k, name, kind, entities, events, header_re, ts_re):
        self.k = k
        self.name = name
        self.kind = kind            # "simulation" or "shuffle"
        self.entities = entities    # description of simulated entities (README)
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.events = events        # list of (key, template), declaration order
        self.eid = {}
        self.tpl = {}
        for i, (key, tpl) in enumerate(events):
            assert key not in self.eid, key
            self.eid[key] = "E%d" % (i + 1)
            self.tpl[key] = tpl
        self.header_re = re.compile(header_re)
        self.ts_re = re.compile(ts_re)
        self.counters = {}
        self.rows = []
        self.seq = 0

    def cyc(self, key, slot, pool):
        """Cycle through a small pool, separately per (event, slot)."""
        c = self.counters.get((key, slot), 0)
        self.counters[(key, slot)] = c + 1
        return pool[c % len(pool)]

    def content(self, key, *vals):
        parts = self.tpl[key].split("<*>")
        assert len(parts) == len(vals) + 1, (key, vals)
        out = [parts[0]]
        for v, p in zip(vals, parts[1:]):
            v = str(v)
            assert v and "\n" not in v and "\r" not in v, (key, v)
            out.append(v)
            out.append(p)
        return "".join(out)

    def add(self, ns, header, key, *vals):
        self.rows.append((ns, self.seq, header, self.content(key, *vals), key))
        self.seq += 1

    def finish(self):
        self.rows.sort(key=lambda r: (r[0], r[1]))
        assert len(self.rows) >= N_LINES, (self.name, len(self.rows))
        self.rows = self.rows[:N_LINES]

    def write(self):
        d = os.path.join(OUT, self.name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, self.name + ".log"), "w", encoding="utf-8", newline="") as f:
            for _, _, header, content, _ in self.rows:
                f.write(header + content + "\n")
        with open(os.path.join(d, self.name + ".log_structured.csv"), "w",
                  encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
            for i, (_, _, _, content, key) in enumerate(self.rows, 1):
                w.writerow([i, content, self.eid[key], self.tpl[key]])


def shuffle_run(S, counts, start_ns, mean_gap_s, build):
    """Seeded shuffle: fixed count per event, shuffled, forward-only clock."""
    keys = [k for k, _ in S.events]
    assert set(counts) == set(keys)
    assert sum(counts.values()) == N_LINES, sum(counts.values())
    order = []
    for k in keys:
        order.extend([k] * counts[k])
    S.rng.shuffle(order)
    t = start_ns
    for k in order:
        t += int(S.rng.expovariate(1.0 / mean_gap_s) * SEC) + S.rng.randrange(1, MS)
        build(S, t, k)


# ==========================================================================
# 1. NvidiaDcgmExporter (dcgm-exporter, logrus text formatter, no TTY) -- shuffle
# ==========================================================================
DCGM_EVENTS = [
    ("start", '"Starting dcgm-exporter"'),
    ("dcgm_ok", '"DCGM successfully initialized!"'),
    ("dcp", '"Collecting DCP Metrics"'),
    ("fallback", '"No configmap data specified, falling back to metric file <*>"'),
    ("entities", '"Initializing system entities of type: <*>"'),
    ("not_collecting", '"Not collecting <*> metrics; no fields to watch for device type: <*>"'),
    ("k8s", '"Kubernetes metrics collection enabled!"'),
    ("pipeline", '"Pipeline starting"'),
    ("webserver", '"Starting webserver"'),
    ("listening", '"Listening on" address="<*>"'),
    ("tls", '"TLS is disabled." address="<*>" http2=false'),
    ("skip_line", '"Skipping line <*> (\'<*>\'): metric not enabled"'),
    ("no_pod", '"Unable to map device <*> to a pod: <*>"'),
    ("collect_err", '"Failed to collect metrics; err: <*>"'),
    ("podres_err", '"Failed to get pod resources: <*>"'),
]
DCGM_LEVEL = {"skip_line": "warning", "no_pod": "warning",
              "collect_err": "error", "podres_err": "error"}
DCGM_COUNTS = {"start": 4, "dcgm_ok": 4, "dcp": 4, "fallback": 5, "entities": 14,
               "not_collecting": 12, "k8s": 4, "pipeline": 4, "webserver": 4,
               "listening": 4, "tls": 4, "skip_line": 95, "no_pod": 60,
               "collect_err": 50, "podres_err": 32}
DCGM_SKIP = [(19, "DCGM_FI_PROF_GR_ENGINE_ACTIVE"), (20, "DCGM_FI_PROF_SM_ACTIVE"),
             (21, "DCGM_FI_PROF_SM_OCCUPANCY"), (22, "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE"),
             (23, "DCGM_FI_PROF_DRAM_ACTIVE"), (24, "DCGM_FI_PROF_PIPE_FP64_ACTIVE"),
             (25, "DCGM_FI_PROF_PIPE_FP32_ACTIVE"), (26, "DCGM_FI_PROF_PIPE_FP16_ACTIVE"),
             (27, "DCGM_FI_PROF_PCIE_TX_BYTES"), (28, "DCGM_FI_PROF_PCIE_RX_BYTES"),
             (31, "DCGM_FI_PROF_NVLINK_TX_BYTES"), (32, "DCGM_FI_PROF_NVLINK_RX_BYTES")]


def dcgm_build(S, t, k):
    R = S.rng
    if k == "fallback":
        vals = (S.cyc(k, 0, ["/etc/dcgm-exporter/default-counters.csv",
                             "/etc/dcgm-exporter/dcp-metrics-included.csv"]),)
    elif k == "entities":
        vals = (S.cyc(k, 0, ["GPU", "NvSwitch", "NvLink", "CPU", "CPU Core"]),)
    elif k == "not_collecting":
        vals = S.cyc(k, 0, [("switch", 3), ("link", 6), ("CPU", 7), ("cpu core", 8)])
    elif k in ("listening", "tls"):
        vals = (S.cyc(k, 0, ["[::]:9400", ":9400", "0.0.0.0:9400"]),)
    elif k == "skip_line":
        vals = S.cyc(k, 0, DCGM_SKIP)
    elif k == "no_pod":
        dev = "nvidia%d" % R.randrange(8)
        if R.random() < 0.3:
            dev = "GPU-" + uuid4(R)
        vals = (dev, S.cyc(k, 1, ["device not found in pod-resources response",
                                  "no pod is using this device",
                                  "device belongs to a terminated pod"]))
    elif k == "collect_err":
        gpu = R.randrange(8)
        vals = (S.cyc(k, 0, [
            "Error getting field values for GPU %d: Host engine is not valid any longer" % gpu,
            "Error watching fields: This request is serviced by a module of DCGM that is not currently loaded",
            "Error getting field values for GPU %d: Timeout" % gpu,
            "Error getting GPU %d attributes: GPU is lost" % gpu,
        ]),)
    elif k == "podres_err":
        vals = (S.cyc(k, 0, [
            'rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: '
            'dial unix /var/lib/kubelet/pod-resources/kubelet.sock: connect: connection refused\\"',
            "rpc error: code = DeadlineExceeded desc = context deadline exceeded",
            'rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: '
            'dial unix /var/lib/kubelet/pod-resources/kubelet.sock: connect: no such file or directory\\"',
        ]),)
    else:
        vals = ()
    level = DCGM_LEVEL.get(k, "info")
    S.add(t, 'time="%s" level=%s msg=' % (ts_iso_z(t), level), k, *vals)


def make_dcgm():
    S = System(1, "NvidiaDcgmExporter", "shuffle", None, DCGM_EVENTS,
               r'time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" level=(?:trace|debug|info|warning|error|fatal|panic) msg=',
               r'time="\d{4}-\d\d-\d\dT(\d\d):(\d\d):(\d\d)Z"')
    shuffle_run(S, DCGM_COUNTS, hms(9, 41, 7), 38.0, dcgm_build)
    return S


# ==========================================================================
# 2. Xinetd (xinetd via syslog) -- simulation of connections + daemon lifecycle
# ==========================================================================
XINETD_EVENTS = [
    ("start", "START: <*> pid=<*> from=<*>"),
    ("exit", "EXIT: <*> status=<*> pid=<*> duration=<*>(sec)"),
    ("fail_psl", "FAIL: <*> per_source_limit from=<*>"),
    ("fail_addr", "FAIL: <*> address from=<*>"),
    ("libwrap_refused", "libwrap refused connection to <*> (libwrap=<*>) from <*>"),
    ("fail_libwrap", "FAIL: <*> libwrap from=<*>"),
    ("deactivating", "Deactivating service <*> due to excessive incoming connections.  Restarting in <*> seconds."),
    ("activating", "Activating service <*>"),
    ("reading", "Reading included configuration file: <*> [file=/etc/xinetd.conf] [line=14]"),
    ("reconf_start", "Starting reconfiguration"),
    ("readjust", "readjusting service <*>"),
    ("reconfigured", "Reconfigured: new=<*> old=<*> dropped=<*> (services)"),
    ("version", "xinetd Version 2.3.15 started with libwrap loadavg labeled-networking options compiled in."),
    ("started_working", "Started working: <*> available services"),
    ("exiting", "Exiting..."),
]


def make_xinetd():
    S = System(2, "Xinetd", "simulation",
               "inbound connections (START ... EXIT, refusals, cps bursts) and the xinetd daemon itself "
               "(restarts, SIGHUP reconfigurations, health-check timers)",
               XINETD_EVENTS,
               r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d "
               r"[A-Za-z0-9.-]+ xinetd\[\d+\]: ",
               r"^\w{3} [ \d]\d (\d\d):(\d\d):(\d\d) ")
    R = S.rng
    host = "edge-gw03"

    def H(ns, pid):
        return "%s %s xinetd[%d]: " % (ts_syslog(ns), host, pid)

    svc = {
        "nrpe": dict(v6=False, dur=(0, 1), nets=["10.20.0.15", "10.20.0.16"], cps=None),
        "tftp": dict(v6=False, dur=(0, 7), nets=["10.30.12", "10.30.14"], cps=None),
        "rsync": dict(v6=True, dur=(6, 540), nets=["10.20.4", "10.20.5"], cps=("rsync", 30)),
        "git": dict(v6=True, dur=(1, 30), nets=["10.44.8", "10.44.9"], cps=("git", 10)),
        "swat": dict(v6=False, dur=(2, 90), nets=["10.20.1"], cps=None),
    }
    child = [21403]

    def cpid():
        child[0] += R.randint(1, 37)
        return child[0]

    def client(name):
        n = S.cyc("client", name, svc[name]["nets"])
        ip = n if n.count(".") == 3 else ip_in(R, n)
        return ("::ffff:" + ip) if svc[name]["v6"] else ip

    # ---- daemon lifecycle (pid changes at each restart) ----
    T0 = hms(6, 58, 12) + R.randrange(SEC)
    files0 = ["git", "nrpe", "rsync", "tftp", "time-dgram"]
    pid_epochs = []  # (from_ns, pid)
    daemon_pid = 1187

    def startup(t, pid, files, nsvc):
        for f in files:
            S.add(t, H(t, pid), "reading", "/etc/xinetd.d/" + f)
            t += R.randrange(1, 40) * MS
        S.add(t, H(t, pid), "version")
        S.add(t, H(t, pid), "started_working", nsvc)

    def reconfigure(t, pid, files, kept, new, dropped):
        S.add(t, H(t, pid), "reconf_start")
        t += R.randrange(5, 60) * MS
        for f in files:
            S.add(t, H(t, pid), "reading", "/etc/xinetd.d/" + f)
            t += R.randrange(1, 30) * MS
        for s in kept:
            S.add(t, H(t, pid), "readjust", s)
        S.add(t, H(t, pid), "reconfigured", new, len(kept), dropped)

    startup(T0, daemon_pid, files0, 4)
    pid_epochs.append((T0, daemon_pid))
    plan = [
        # (offset_s, action, files, kept services, new, dropped, services after)
        (13 * 60 + 41, "reconf", files0 + ["swat"], ["git", "nrpe", "rsync", "tftp"], 1, 0, 5),
        (22 * 60 + 5, "restart", files0 + ["swat"], None, None, None, 5),
        (38 * 60 + 19, "reconf", files0 + ["swat"],
         ["git", "nrpe", "rsync", "swat", "tftp"], 0, 0, 5),
        (47 * 60 + 52, "restart", files0 + ["swat"], None, None, None, 5),
        (61 * 60 + 3, "reconf", ["daytime", "git", "nrpe", "rsync", "swat", "tftp", "time-dgram"],
         ["git", "nrpe", "rsync", "swat"], 1, 1, 5),
        (70 * 60 + 30, "restart", ["daytime", "git", "nrpe", "rsync", "swat", "tftp", "time-dgram"],
         None, None, None, 5),
    ]
    enabled_windows = []  # (from_ns, set of services)
    enabled_windows.append((T0, {"git", "nrpe", "rsync", "tftp"}))
    cur_enabled = {"git", "nrpe", "rsync", "tftp"}
    for off, action, files, kept, new, dropped, nsvc in plan:
        t = T0 + off * SEC + R.randrange(SEC)
        if action == "reconf":
            reconfigure(t, daemon_pid, files, kept, new, dropped)
            if dropped:
                cur_enabled = (cur_enabled - {"tftp"}) | {"daytime"}
            else:
                cur_enabled = cur_enabled | {"swat"}
        else:
            S.add(t, H(t, daemon_pid), "exiting")
            daemon_pid += R.randint(900, 4000)
            t2 = t + R.randint(1, 3) * SEC + R.randrange(SEC)
            startup(t2, daemon_pid, files, nsvc)
            pid_epochs.append((t, daemon_pid))
        enabled_windows.append((t, set(cur_enabled)))

    def pid_at(t):
        p = pid_epochs[0][1]
        for t0, pp in pid_epochs:
            if t >= t0:
                p = pp
        return p

    def enabled_at(t):
        e = enabled_windows[0][1]
        for t0, ee in enabled_windows:
            if t >= t0:
                e = ee
        return e

    def down_near(t):
        for t0, _ in pid_epochs[1:]:
            if t0 - 2 * SEC <= t <= t0 + 5 * SEC:
                return True
        return False

    # ---- cps bursts: one source hammers a service, per_source_limit, deactivation ----
    bursts = [(8 * 60 + 27, "rsync", "198.51.100.23"), (31 * 60 + 9, "git", "203.0.113.77"),
              (55 * 60 + 44, "rsync", "192.0.2.140"), (76 * 60 + 2, "git", "198.51.100.61")]
    def burst(t, name, src):
        pid = pid_at(t)
        src_s = "::ffff:" + src
        n_ok = S.cyc("burst", "per_source", [3, 4])
        n_fail = R.randint(2, 3)
        for i in range(n_ok):
            t += R.randrange(20, 180) * MS
            p = cpid()
            S.add(t, H(t, pid), "start", name, p, src_s)
            te = t + R.randint(0, 2) * SEC + R.randrange(SEC)
            S.add(te, H(te, pid), "exit", name, 0, p, (te - t) // SEC)
        for i in range(n_fail):
            t += R.randrange(10, 90) * MS
            S.add(t, H(t, pid), "fail_psl", name, src_s)
        wait = svc[name]["cps"][1]
        S.add(t, H(t, pid), "deactivating", name, wait)
        ta = t + wait * SEC + R.randrange(50 * MS)
        S.add(ta, H(ta, pid_at(ta)), "activating", name)

    # ---- ordinary connections ----
    weighted = ["nrpe", "tftp", "nrpe", "rsync", "git", "nrpe", "tftp", "git", "swat", "nrpe",
                "rsync", "tftp", "git", "nrpe", "swat"]
    t = T0 + 20 * SEC
    n = 0
    addr_fail_at = {7, 29, 58, 83}
    libwrap_at = {15, 44, 71, 97}
    pending = [(T0 + off * SEC + R.randrange(SEC), name, src) for off, name, src in bursts]
    while t < T0 + 130 * 60 * SEC:
        t += int(R.expovariate(1.0 / 48.0) * SEC) + R.randrange(SEC)
        while pending and pending[0][0] <= t:
            burst(*pending.pop(0))
        if down_near(t):
            continue
        name = S.cyc("conn", "service", weighted)
        if name not in enabled_at(t):
            continue
        n += 1
        pid = pid_at(t)
        src = client(name)
        if n in addr_fail_at:
            bad = S.cyc("fail_addr", "src", ["203.0.113.45", "198.51.100.200", "192.0.2.77"])
            S.add(t, H(t, pid), "fail_addr", S.cyc("fail_addr", "svc", ["nrpe", "tftp"]), bad)
            continue
        if n in libwrap_at:
            wname = S.cyc("libwrap", "svc", ["rsync", "git"])
            bad = ip_in(R, S.cyc("libwrap", "net", ["185.220.101", "45.155.205"]))
            S.add(t, H(t, pid), "libwrap_refused", wname, wname, bad)
            S.add(t, H(t, pid), "fail_libwrap", wname, bad)
            continue
        p = cpid()
        S.add(t, H(t, pid), "start", name, p, src)
        lo, hi = svc[name]["dur"]
        dur = R.randint(lo, hi)
        te = t + dur * SEC + R.randrange(SEC)
        status = 0
        if name in ("git", "rsync", "tftp") and R.random() < 0.12:
            status = S.cyc("exit", "status", [1, 255, 12])
        S.add(te, H(te, pid_at(te)), "exit", name, status, p, (te - t) // SEC)
    S.finish()
    return S


# ==========================================================================
# 3. OpenResty (nginx error log with Lua) -- simulation of client connections
# ==========================================================================
CTX = ', client: <*>, server: <*>, request: "<*>", host: "<*>"'
CTXU = ', client: <*>, server: <*>, request: "<*>", upstream: "<*>", host: "<*>"'
OPENRESTY_EVENTS = [
    ("jwt", "[lua] auth.lua:57: verify(): JWT verification failed: <*>" + CTX),
    ("ratelimit", "[lua] limit.lua:31: throttle(): rate limit exceeded, key: <*>, excess: <*>" + CTX),
    ("canary", "[lua] router.lua:41: route(): canary cookie matched, routing to <*>" + CTX),
    ("refused", "connect() failed (111: Connection refused) while connecting to upstream" + CTXU),
    ("timeout", "upstream timed out (110: Connection timed out) while reading response header from upstream" + CTXU),
    ("premature", "upstream prematurely closed connection while reading response header from upstream" + CTXU),
    ("luaerr", "lua entry thread aborted: runtime error: <*>"),
    ("traceback", "stack traceback:"),
    ("coroutine", "coroutine 0:"),
    ("frame", "<*>: in function '<*>'"),
    ("mainchunk", "<*>: in main chunk" + CTX),
    ("keepalive", "client <*> closed keepalive connection"),
    ("hc_fail", "[lua] healthcheck.lua:53: errlog(): healthcheck: failed to connect to <*>: <*>, context: ngx.timer"),
    ("hc_down", "[lua] healthcheck.lua:58: warn(): healthcheck: peer <*> is turned down after <*> failure(s), context: ngx.timer"),
    ("hc_up", "[lua] healthcheck.lua:58: warn(): healthcheck: peer <*> is turned up after <*> success(es), context: ngx.timer"),
]

LUALIB = "/usr/local/openresty/site/lualib/app/"
LUA_CRASHES = [
    (LUALIB + "cart.lua:88: attempt to index local 'item' (a nil value)",
     [(LUALIB + "cart.lua:88", "total"), (LUALIB + "cart.lua:141", "handler")],
     "content_by_lua(shop.conf:57):3", "POST /cart", "shop.example.net"),
    (LUALIB + "db.lua:61: failed to connect to mysql: timeout",
     [("[C]", "error"), (LUALIB + "db.lua:61", "connect"), (LUALIB + "orders.lua:23", "list")],
     "content_by_lua(api.conf:71):2", "GET /v1/orders", "api.shop.example.net"),
    (LUALIB + "session.lua:34: attempt to concatenate local 'sid' (a nil value)",
     [(LUALIB + "session.lua:34", "load")],
     "access_by_lua(shop.conf:44):5", "GET /account/orders", "shop.example.net"),
]


def make_openresty():
    S = System(3, "OpenResty", "simulation",
               "client connections (keepalive requests, Lua handlers, upstream calls) and "
               "upstream peers watched by the lua-resty-upstream-healthcheck timer",
               OPENRESTY_EVENTS,
               r"(?:\d{4}/\d\d/\d\d \d\d:\d\d:\d\d \[(?:debug|info|notice|warn|error|crit|alert|emerg)\] "
               r"\d+#\d+: (?:\*\d+ )?|\t?)",
               r"^\d{4}/\d\d/\d\d (\d\d):(\d\d):(\d\d) ")
    R = S.rng
    workers = [2813, 2814, 2815, 2816]

    def H(ns, level, pid, cid=None):
        h = "%s [%s] %d#%d: " % (ts_nginx(ns), level, pid, pid)
        if cid is not None:
            h += "*%d " % cid
        return h

    upstreams = {
        "app_backend": dict(peers=["10.40.2.11:8080", "10.40.2.12:8080", "10.40.2.13:8080"],
                            fall=3, rise=2, interval=2),
        "api_backend": dict(peers=["10.40.3.21:9000", "10.40.3.22:9000"],
                            fall=2, rise=1, interval=3),
    }
    servers = {
        "shop.example.net": dict(hosts=["shop.example.net", "shop.example.net"], up="app_backend",
                                 paths=["GET /", "GET /cart", "POST /checkout", "GET /account/orders",
                                        "GET /search?q=%s", "GET /product/%d"]),
        "api.shop.example.net": dict(hosts=["api.shop.example.net", "api.shop.example.net:443"],
                                     up="api_backend",
                                     paths=["GET /v1/orders", "GET /v1/orders/%d", "POST /v1/cart/items",
                                            "GET /v1/products?page=%d", "POST /v1/auth/refresh",
                                            "DELETE /v1/cart/items/%d"]),
    }
    words = ["lamp", "desk", "usb-c", "kettle", "socks", "monitor"]
    T0 = hms(14, 2, 37) + R.randrange(SEC)

    # ---- health-check incidents (entity: upstream peer) ----
    incidents = []
    for off, upn, peer_i, reason in [(3 * 60 + 12, "app_backend", 2, "connection refused"),
                                     (10 * 60 + 40, "api_backend", 1, "timeout"),
                                     (17 * 60 + 5, "app_backend", 0, "connection refused"),
                                     (24 * 60 + 30, "api_backend", 0, "connection refused")]:
        u = upstreams[upn]
        peer = u["peers"][peer_i]
        t = T0 + off * SEC + R.randrange(SEC)
        tfirst = t
        for j in range(u["fall"]):
            tt = t + j * u["interval"] * SEC
            S.add(tt, H(tt, "error", R.choice(workers)), "hc_fail", peer, reason)
        tdown = t + (u["fall"] - 1) * u["interval"] * SEC + R.randrange(2 * MS)
        S.add(tdown, H(tdown, "warn", R.choice(workers)), "hc_down", peer, u["fall"])
        tup = tdown + R.randint(45, 150) * SEC
        S.add(tup, H(tup, "warn", R.choice(workers)), "hc_up", peer, u["rise"])
        incidents.append((upn, peer, tfirst - 9 * SEC, tdown, tup))

    def pick_peer(upn, t):
        """Returns (peer, failing) for a request going to upstream upn at time t."""
        peers = list(upstreams[upn]["peers"])
        for iu, peer, tf, td, tu in incidents:
            if iu == upn:
                if td <= t <= tu and peer in peers:
                    peers.remove(peer)
                elif tf <= t < td and R.random() < 0.85:
                    return peer, True
        return R.choice(peers), False

    # ---- client connections ----
    conn_no = 48210
    t = T0
    n = 0
    crash_at = {9, 41, 77, 112, 139}
    while t < T0 + 40 * 60 * SEC:
        t += int(R.expovariate(1.0 / 7.5) * SEC) + R.randrange(SEC)
        conn_no += R.randint(1, 9)
        n += 1
        cid = conn_no
        pid = R.choice(workers)
        sname = S.cyc("conn", "server", ["shop.example.net", "api.shop.example.net",
                                         "api.shop.example.net"])
        sv = servers[sname]
        hostv = S.cyc("conn", "host-" + sname, sv["hosts"])
        cli = ip_in(R, S.cyc("conn", "net", ["203.0.113", "198.51.100", "192.0.2", "100.64.7"]))
        nreq = R.randint(1, 4)
        tr = t
        for ri in range(nreq):
            tr += int(R.expovariate(1.0 / 6.0) * SEC) + R.randrange(200 * MS)
            pth = S.cyc("req", sname, sv["paths"])
            if "%s" in pth:
                pth = pth % R.choice(words)
            elif "%d" in pth:
                pth = pth % R.randint(2, 48000)
            req = pth + " HTTP/1.1"
            if n in crash_at and ri == 0:
                msg, frames, chunk, creq, csrv = S.cyc("luaerr", "crash", LUA_CRASHES)
                req = creq + " HTTP/1.1"
                S.add(tr, H(tr, "error", pid, cid), "luaerr", msg)
                S.add(tr, "", "traceback")
                S.add(tr, "", "coroutine")
                for fl, fn in frames:
                    S.add(tr, "\t", "frame", fl, fn)
                S.add(tr, "\t", "mainchunk", chunk, cli, csrv, req, S.cyc("crash", "host-" + csrv, servers[csrv]["hosts"]))
                continue
            x = R.random()
            upn = sv["up"]
            peer, failing = pick_peer(upn, tr)
            ups = "http://%s%s" % (peer, pth.split(" ", 1)[1])
            if failing:
                S.add(tr, H(tr, "error", pid, cid), "refused", cli, sname, req, ups, hostv)
            elif x < 0.10:
                reason = S.cyc("jwt", "reason", ["jwt token expired", "signature mismatch",
                                                 "invalid jwt string", "no kid in header"])
                S.add(tr, H(tr, "warn", pid, cid), "jwt", reason, cli, sname, req, hostv)
            elif x < 0.19:
                key = cli if R.random() < 0.7 else "apikey:" + hexs(R, 12)
                S.add(tr, H(tr, "warn", pid, cid), "ratelimit", key, "%.3f" % R.uniform(0.1, 9.9),
                      cli, sname, req, hostv)
            elif x < 0.28:
                S.add(tr, H(tr, "notice", pid, cid), "canary",
                      "canary_" + upn, cli, sname, req, hostv)
            elif x < 0.325:
                tt = tr + 60 * SEC
                S.add(tt, H(tt, "error", pid, cid), "timeout", cli, sname, req, ups, hostv)
                tr = tt
            elif x < 0.35:
                S.add(tr, H(tr, "error", pid, cid), "premature", cli, sname, req, ups, hostv)
            elif x < 0.37:
                # a backend being redeployed refuses a connection before the health check notices
                S.add(tr, H(tr, "error", pid, cid), "refused", cli, sname, req, ups, hostv)
        if R.random() < 0.8:
            tc = tr + R.randint(1, 64) * SEC + R.randrange(SEC)
            S.add(tc, H(tc, "info", pid, cid), "keepalive", cli)
    S.finish()
    return S


# ==========================================================================
# 4. Restic (backup runs of several systemd units, captured by journald) -- simulation
# ==========================================================================
RESTIC_EVENTS = [
    ("open", "open repository"),
    ("opened", "repository <*> opened (version 2, compression level auto)"),
    ("lockwait", "repo already locked, waiting up to <*> for the lock"),
    ("parent", "using parent snapshot <*>"),
    ("scan", "start scan on [<*>]"),
    ("backup", "start backup on [<*>]"),
    ("scanned", "scan finished in <*>: <*> files, <*>"),
    ("eperm", "error: open <*>: permission denied"),
    ("enoent", "error: lstat <*>: no such file or directory"),
    ("files", "Files:          <*> new,   <*> changed, <*> unmodified"),
    ("dirs", "Dirs:            <*> new,    <*> changed,  <*> unmodified"),
    ("added", "Added to the repository: <*> (<*> stored)"),
    ("processed", "processed <*> files, <*> in <*>"),
    ("saved", "snapshot <*> saved"),
    ("warning", "Warning: at least one source file could not be read"),
]


def make_restic():
    S = System(4, "Restic", "simulation",
               "backup runs of four systemd units (restic-home, restic-mail, restic-srv, restic-media) "
               "against two repositories, each run with its own pid, overlapping in time",
               RESTIC_EVENTS,
               r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d "
               r"[A-Za-z0-9.-]+ restic\[\d+\]: ",
               r"^\w{3} [ \d]\d (\d\d):(\d\d):(\d\d) ")
    R = S.rng
    host = "nas01"

    def H(ns, pid):
        return "%s %s restic[%d]: " % (ts_syslog(ns), host, pid)

    repos = {"local": "3a7f91c0", "offsite": "e04d6b2f"}
    users = ["alice", "bob", "chen", "dmitri", "fatima"]
    units = [
        dict(name="home", paths="/home", repo="local", minute=0, dur=(240, 560), size=187.0,
             eperm=(10, 19), enoent=0.0, lockwait="10m0s"),
        dict(name="mail", paths="/var/vmail", repo="offsite", minute=3, dur=(110, 330), size=41.5,
             eperm=(0, 0), enoent=0.5, lockwait="5m0s"),
        dict(name="srv", paths="/srv/nextcloud/data", repo="offsite", minute=20, dur=(360, 800),
             size=612.0, eperm=(0, 3), enoent=0.0, lockwait="5m0s"),
        dict(name="media", paths="/srv/media /srv/photos", repo="local", minute=40, dur=(420, 980),
             size=1480.0, eperm=(0, 0), enoent=0.0, lockwait="10m0s"),
    ]
    lockwait_runs = {("home", 1), ("srv", 2), ("media", 3), ("mail", 4)}
    pid = 48213
    parents = {u["name"]: hexs(R, 8) for u in units}

    def eperm_path(u):
        if u["name"] == "home":
            user = R.choice(users)
            return S.cyc("eperm", "home", [
                "/home/%s/.local/share/containers/storage/overlay/%s/diff/etc/shadow" % (user, hexs(R, 16)),
                "/home/%s/.cache/doc" % user,
                "/home/%s/.local/share/keyrings/login.keyring" % user,
                "/home/%s/.mozilla/firefox/%s.default-release/lock" % (user, hexs(R, 8)),
                "/home/%s/projects/db-data/pg_stat_tmp/global.stat" % user,
                "/home/%s/.ssh/id_ed25519" % user,
            ])
        return "/srv/nextcloud/data/appdata_oc%s/preview/%d/%d/%d/%d" % (
            hexs(R, 10), R.randrange(10), R.randrange(10), R.randrange(10), R.randint(1000, 99999))

    for hour in range(1, 9):
        for u in units:
            run_idx = hour
            t = hms(hour, u["minute"], 0) + R.randint(0, 150) * SEC + R.randrange(SEC)
            pid += R.randint(40, 900)
            S.add(t, H(t, pid), "open")
            t += R.randrange(300, 2500) * MS
            S.add(t, H(t, pid), "opened", repos[u["repo"]])
            if (u["name"], run_idx) in lockwait_runs:
                t += R.randrange(50, 400) * MS
                S.add(t, H(t, pid), "lockwait", u["lockwait"])
                t += R.randint(20, 240) * SEC
            t += R.randrange(200, 1500) * MS
            S.add(t, H(t, pid), "parent", parents[u["name"]])
            t += R.randrange(10, 300) * MS
            S.add(t, H(t, pid), "scan", u["paths"])
            S.add(t, H(t, pid), "backup", u["paths"])
            tb = t
            f_new, f_chg, f_unm = R.randint(10, 99), R.randint(100, 999), R.randint(10000, 99999)
            d_new, d_chg, d_unm = R.randint(0, 9), R.randint(10, 99), R.randint(1000, 9999)
            nfiles = f_new + f_chg + f_unm
            total = int(u["size"] * R.uniform(0.995, 1.005) * 1024 ** 3)
            scan_s = R.uniform(1.2, 48.0)
            S.add(tb + int(scan_s * SEC), H(tb + int(scan_s * SEC), pid), "scanned",
                  "%.3fs" % scan_s, nfiles, restic_bytes(total))
            dur = R.randint(*u["dur"])
            te = tb + dur * SEC + R.randrange(SEC)
            nerr = 0
            for _ in range(R.randint(*u["eperm"])):
                tt = tb + R.randrange(int(scan_s * SEC) + SEC, dur * SEC)
                S.add(tt, H(tt, pid), "eperm", eperm_path(u))
                nerr += 1
            if u["enoent"] and R.random() < u["enoent"]:
                dom = S.cyc("enoent", "domain", ["example.org", "mail.example.net"])
                for _ in range(R.randint(1, 2)):
                    tt = tb + R.randrange(int(scan_s * SEC) + SEC, dur * SEC)
                    p = "/var/vmail/%s/%s/Maildir/new/%d.M%dP%d.mx1,S=%d,W=%d" % (
                        dom, R.choice(users), EPOCH_DAY + tb // SEC - R.randrange(30, 3000), R.randrange(999999),
                        R.randint(2000, 40000), R.randint(900, 90000), R.randint(900, 92000))
                    S.add(tt, H(tt, pid), "enoent", p)
                    nerr += 1
            added = int(R.uniform(0.2, 4.0) * 1024 ** 3 * (u["size"] / 400.0))
            stored = int(added * R.uniform(0.35, 0.92))
            S.add(te, H(te, pid), "files", f_new, f_chg, f_unm)
            S.add(te, H(te, pid), "dirs", d_new, d_chg, d_unm)
            S.add(te, H(te, pid), "added", restic_bytes(added), restic_bytes(stored))
            S.add(te, H(te, pid), "processed", nfiles, restic_bytes(total), restic_clock(dur))
            snap = hexs(R, 8)
            S.add(te, H(te, pid), "saved", snap)
            parents[u["name"]] = snap
            if nerr:
                S.add(te, H(te, pid), "warning")
    S.finish()
    return S


# ==========================================================================
# 5. Borgmatic (borgmatic log file, including borg output) -- shuffle
# ==========================================================================
BORGMATIC_EVENTS = [
    ("create", "<*>: Creating archive"),
    ("prune", "<*>: Pruning archives"),
    ("check", "<*>: Running consistency checks"),
    ("success", "<*>: Successfully ran configuration file"),
    ("rule", "------------------------------------------------------------------------------"),
    ("arch_name", "Archive name: <*>"),
    ("arch_fp", "Archive fingerprint: <*>"),
    ("t_start", "Time (start): <*>"),
    ("t_end", "Time (end):   <*>"),
    ("duration", "Duration: <*>"),
    ("nfiles", "Number of files: <*>"),
    ("changed", "<*>: file changed while we backed it up"),
    ("eacces", "<*>: open: [Errno 13] Permission denied: '<*>'"),
    ("repo_err", "<*>: Error running actions for repository"),
    ("cmd_err", "Command '<*>' returned non-zero exit status <*>."),
]
BORGMATIC_LEVEL = {"create": "INFO", "prune": "INFO", "check": "INFO", "success": "INFO",
                   "rule": "ANSWER", "arch_name": "ANSWER", "arch_fp": "ANSWER", "t_start": "ANSWER",
                   "t_end": "ANSWER", "duration": "ANSWER", "nfiles": "ANSWER",
                   "changed": "WARNING", "eacces": "WARNING", "repo_err": "ERROR", "cmd_err": "ERROR"}
BORGMATIC_COUNTS = {"create": 24, "prune": 20, "check": 8, "success": 18, "rule": 72,
                    "arch_name": 22, "arch_fp": 22, "t_start": 22, "t_end": 22, "duration": 22,
                    "nfiles": 22, "changed": 10, "eacces": 6, "repo_err": 5, "cmd_err": 5}
BORG_REPOS = ["local", "offsite", "ssh://borg@backup01.lan/./nas01"]
BORG_HOSTS = ["nas01", "web02", "db01"]


def borgmatic_build(S, t, k):
    R = S.rng
    if k in ("create", "prune", "check", "repo_err"):
        vals = (S.cyc(k, 0, BORG_REPOS),)
    elif k == "success":
        vals = (S.cyc(k, 0, ["/etc/borgmatic/config.yaml", "/etc/borgmatic.d/databases.yaml",
                             "/etc/borgmatic.d/home.yaml"]),)
    elif k == "arch_name":
        ta = max(0, t - R.randint(30, 4000) * SEC)
        h, m, s, f = tod(ta)
        vals = ("%s-%04d-%02d-%02dT%02d:%02d:%02d.%06d" % (S.cyc(k, 0, BORG_HOSTS), YEAR, MONTH, DAY,
                                                            h, m, s, f // 1000),)
    elif k == "arch_fp":
        vals = (hexs(R, 64),)
    elif k == "t_start":
        vals = (ts_borg(max(0, t - R.randint(20, 3000) * SEC)),)
    elif k == "t_end":
        vals = (ts_borg(t - R.randint(0, 2) * SEC),)
    elif k == "duration":
        vals = (borg_duration(S.cyc(k, 0, [R.uniform(5, 59), R.uniform(60, 3500),
                                            R.uniform(3600, 7000), R.uniform(60, 900)])),)
    elif k == "nfiles":
        vals = (R.randint(1200, 880000),)
    elif k == "changed":
        vals = (S.cyc(k, 0, [
            "/var/lib/postgresql/16/main/pg_wal/0000000100000%03X000000%02X" % (R.randrange(4096), R.randrange(256)),
            "/var/log/syslog",
            "/home/alice/.thunderbird/%s.default/global-messages-db.sqlite" % hexs(R, 8),
            "/var/lib/docker/volumes/gitea_data/_data/gitea/indexers/issues.bleve/store/root.bolt",
        ]),)
    elif k == "eacces":
        p = S.cyc(k, 0, ["/mnt/nfs/projects/%s/budget-%d.ods" % (R.choice(["apollo", "zephyr", "kestrel"]), R.randint(2019, 2026)),
                         "/run/user/1000/doc",
                         "/mnt/nfs/scratch/%s/core.%d" % (R.choice(["chen", "bob"]), R.randint(1000, 60000))])
        vals = (p, p)
    elif k == "cmd_err":
        repo = S.cyc(k, 0, ["ssh://borg@backup01.lan/./nas01", "/mnt/usb-backup/borg"])
        act = S.cyc(k, 1, ["create", "prune", "check"])
        if act == "create":
            cmd = ("('borg', 'create', '--exclude-from', '/tmp/tmp%s', '--compression', 'zstd,6', "
                   "'%s::{hostname}-{now:%%Y-%%m-%%dT%%H:%%M:%%S.%%f}', '/etc', '/home', '/var/lib')"
                   % (hexs(R, 8), repo))
        elif act == "prune":
            cmd = ("('borg', 'prune', '--keep-daily', '7', '--keep-weekly', '4', '--keep-monthly', '6', '%s')"
                   % repo)
        else:
            cmd = "('borg', 'check', '--repository-only', '%s')" % repo
        vals = (cmd, S.cyc(k, 2, [2, 2, 143]))
    else:
        vals = ()
    S.add(t, "[%s] %s: " % (ts_python(t), BORGMATIC_LEVEL[k]), k, *vals)


def make_borgmatic():
    S = System(5, "Borgmatic", "shuffle", None, BORGMATIC_EVENTS,
               r"\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\] (?:DEBUG|INFO|ANSWER|WARNING|ERROR|CRITICAL): ",
               r"^\[\d{4}-\d\d-\d\d (\d\d):(\d\d):(\d\d),(\d{3})\]")
    shuffle_run(S, BORGMATIC_COUNTS, hms(1, 30, 0), 55.0, borgmatic_build)
    return S


# ==========================================================================
# 6. Keda (KEDA operator, controller-runtime zap console encoder) -- shuffle
# ==========================================================================
SO_CTX = ('{"controller": "scaledobject", "controllerGroup": "keda.sh", "controllerKind": "ScaledObject", '
          '"ScaledObject": {"name":"<*>","namespace":"<*>"}, "namespace": "<*>", "name": "<*>", '
          '"reconcileID": "<*>"')
SJ_CTX = ('{"controller": "scaledjob", "controllerGroup": "keda.sh", "controllerKind": "ScaledJob", '
          '"ScaledJob": {"name":"<*>","namespace":"<*>"}, "namespace": "<*>", "name": "<*>", '
          '"reconcileID": "<*>"')
KEDA_EVENTS = [
    ("rec_so", "Reconciling ScaledObject\t" + SO_CTX + "}"),
    ("rec_sj", "Reconciling ScaledJob\t" + SJ_CTX + "}"),
    ("detected", "Detected resource targeted for scaling\t" + SO_CTX + ', "resource": "<*>", "name": "<*>"}'),
    ("hpa_new", "Creating a new HPA\t" + SO_CTX + ', "HPA.Namespace": "<*>", "HPA.Name": "<*>"}'),
    ("hpa_upd", "Updated HPA according to ScaledObject\t" + SO_CTX + ', "HPA.Namespace": "<*>", "HPA.Name": "<*>"}'),
    ("init_scaling", "Initializing Scaling logic according to ScaledObject Specification\t" + SO_CTX + "}"),
    ("se_updated", 'Successfully updated ScaleTarget\t{"scaledobject.Name": "<*>", "scaledObject.Namespace": "<*>", '
                   '"scaleTarget.Name": "<*>", "Original Replicas Count": <*>, "New Replicas Count": <*>}'),
    ("se_min", 'Successfully set ScaleTarget replicas count to ScaledObject minReplicaCount\t'
               '{"scaledobject.Name": "<*>", "scaledObject.Namespace": "<*>", "scaleTarget.Name": "<*>", '
               '"Original Replicas Count": <*>, "New Replicas Count": <*>}'),
    ("jobs_created", 'Created jobs\t{"scaledJob.Name": "<*>", "scaledJob.Namespace": "<*>", "Number of jobs": <*>}'),
    ("jobs_scaling", 'Scaling Jobs\t{"scaledJob.Name": "<*>", "scaledJob.Namespace": "<*>", "Number of running Jobs": <*>}'),
    ("metric_err", 'error getting metric for trigger\t{"scaledObject.Namespace": "<*>", "scaledObject.Name": "<*>", '
                   '"trigger": "<*>", "error": "<*>"}'),
    ("prom_err", 'error executing prometheus query\t{"type": "ScaledObject", "namespace": "<*>", "name": "<*>", '
                 '"error": "<*>"}'),
    ("cert_ok", "no cert refresh needed"),
    ("workers", 'Starting workers\t{"controller": "<*>", "controllerGroup": "keda.sh", "controllerKind": "<*>", '
                '"worker count": <*>}'),
    ("evsource", 'Starting EventSource\t{"controller": "<*>", "controllerGroup": "keda.sh", "controllerKind": "<*>", '
                 '"source": "<*>"}'),
]
KEDA_META = {  # level, logger (None = no logger name field)
    "rec_so": ("INFO", None), "rec_sj": ("INFO", None), "detected": ("INFO", None),
    "hpa_new": ("INFO", None), "hpa_upd": ("INFO", None), "init_scaling": ("INFO", None),
    "se_updated": ("INFO", "scaleexecutor"), "se_min": ("INFO", "scaleexecutor"),
    "jobs_created": ("INFO", "scaleexecutor"), "jobs_scaling": ("INFO", "scaleexecutor"),
    "metric_err": ("ERROR", "scale_handler"), "prom_err": ("ERROR", "prometheus_scaler"),
    "cert_ok": ("INFO", "cert-rotation"), "workers": ("INFO", None), "evsource": ("INFO", None),
}
KEDA_COUNTS = {"rec_so": 90, "rec_sj": 30, "detected": 10, "hpa_new": 5, "hpa_upd": 22,
               "init_scaling": 8, "se_updated": 35, "se_min": 14, "jobs_created": 20,
               "jobs_scaling": 26, "metric_err": 12, "prom_err": 9, "cert_ok": 6, "workers": 5,
               "evsource": 8}
KEDA_SO = [("payments", "checkout-worker", "Deployment"), ("ingest", "orders-consumer", "Deployment"),
           ("default", "email-sender", "Deployment"), ("media", "thumbnailer", "StatefulSet"),
           ("ingest", "rabbitmq-relay", "Deployment")]
KEDA_SJ = [("ml-batch", "train-launcher"), ("ingest", "csv-importer"), ("ml-batch", "embedding-batch")]


def keda_build(S, t, k):
    R = S.rng
    if k in ("rec_so", "detected", "hpa_new", "hpa_upd", "init_scaling"):
        ns, name, kind = S.cyc(k, "so", KEDA_SO)
        vals = [name, ns, ns, name, uuid4(R)]
        if k == "detected":
            vals += ["apps/v1." + kind, name]
        elif k in ("hpa_new", "hpa_upd"):
            vals += [ns, "keda-hpa-" + name]
    elif k == "rec_sj":
        ns, name = S.cyc(k, "sj", KEDA_SJ)
        vals = [name, ns, ns, name, uuid4(R)]
    elif k in ("se_updated", "se_min"):
        ns, name, _ = S.cyc(k, "so", KEDA_SO)
        if k == "se_updated":
            orig = R.randint(1, 12)
            new = max(1, orig + R.choice([-3, -2, -1, 1, 2, 4, 6]))
        else:
            orig = R.randint(1, 6)
            new = S.cyc(k, "min", [0, 1, 0, 2])
        vals = [name, ns, name, orig, new]
    elif k in ("jobs_created", "jobs_scaling"):
        ns, name = S.cyc(k, "sj", KEDA_SJ)
        vals = [name, ns, R.randint(1, 8) if k == "jobs_created" else R.randint(0, 15)]
    elif k == "metric_err":
        ns, name, _ = S.cyc(k, "so", KEDA_SO)
        trig, err = S.cyc(k, "trig", [
            ("rabbitMQScaler", "dial tcp 10.96.%d.%d:5672: connect: connection refused" % (R.randint(0, 255), R.randint(1, 254))),
            ("kafkaScaler", "kafka: client has run out of available brokers to talk to: dial tcp 10.96.%d.%d:9092: i/o timeout" % (R.randint(0, 255), R.randint(1, 254))),
            ("redisScaler", "NOAUTH Authentication required."),
            ("awsSqsQueueScaler", "operation error SQS: GetQueueAttributes, https response error StatusCode: 403, RequestID: %s, api error AccessDenied: Access to the resource https://sqs.eu-west-1.amazonaws.com/ is denied." % uuid4(R)),
        ])
        vals = [ns, name, trig, err]
    elif k == "prom_err":
        ns, name, _ = S.cyc(k, "so", KEDA_SO)
        q = S.cyc(k, "q", ["sum%28rate%28http_requests_total%5B2m%5D%29%29",
                           "avg%28queue_depth%7Bqueue%3D%22thumbs%22%7D%29"])
        err = S.cyc(k, "err", [
            'Get \\"http://prometheus-operated.monitoring.svc:9090/api/v1/query?query=%s&time=%s\\": '
            'context deadline exceeded (Client.Timeout exceeded while awaiting headers)' % (q, ts_iso_z(t)),
            'Get \\"http://prometheus-operated.monitoring.svc:9090/api/v1/query?query=%s&time=%s\\": '
            'dial tcp 10.96.41.%d:9090: connect: connection refused' % (q, ts_iso_z(t), R.randint(2, 250)),
            "prometheus query api returned error. status: 422 response: {\\\"status\\\":\\\"error\\\","
            "\\\"errorType\\\":\\\"execution\\\",\\\"error\\\":\\\"query processing would load too many samples into memory\\\"}",
        ])
        vals = [ns, name, err]
    elif k == "workers":
        vals = list(S.cyc(k, 0, [("scaledobject", "ScaledObject", 5), ("scaledjob", "ScaledJob", 1),
                                 ("triggerauthentication", "TriggerAuthentication", 1),
                                 ("clustertriggerauthentication", "ClusterTriggerAuthentication", 1)]))
    elif k == "evsource":
        vals = list(S.cyc(k, 0, [("scaledobject", "ScaledObject", "kind source: *v1alpha1.ScaledObject"),
                                 ("scaledobject", "ScaledObject", "kind source: *v2.HorizontalPodAutoscaler"),
                                 ("scaledjob", "ScaledJob", "kind source: *v1alpha1.ScaledJob"),
                                 ("triggerauthentication", "TriggerAuthentication",
                                  "kind source: *v1alpha1.TriggerAuthentication")]))
    else:
        vals = []
    level, logger = KEDA_META[k]
    h = "%s\t%s\t" % (ts_iso_z(t), level)
    if logger:
        h += logger + "\t"
    S.add(t, h, k, *vals)


def make_keda():
    S = System(6, "Keda", "shuffle", None, KEDA_EVENTS,
               r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\t(?:DEBUG|INFO|WARN|ERROR|DPANIC|PANIC|FATAL)\t(?:[a-z][a-z_-]*\t)?",
               r"^\d{4}-\d\d-\d\dT(\d\d):(\d\d):(\d\d)Z")
    shuffle_run(S, KEDA_COUNTS, hms(11, 5, 44), 21.0, keda_build)
    return S


# ==========================================================================
# self-check (re-reads the written files)
# ==========================================================================
def template_regex(tpl):
    return re.compile("".join("(.+?)" if p == "<*>" else re.escape(p)
                              for p in re.split(r"(<\*>)", tpl)))


def check(S):
    errs = []
    d = os.path.join(OUT, S.name)
    with open(os.path.join(d, S.name + ".log"), "rb") as f:
        raw = f.read()
    with open(os.path.join(d, S.name + ".log_structured.csv"), "rb") as f:
        rawcsv = f.read()
    for label, b in (("log", raw), ("csv", rawcsv)):
        if not b.endswith(b"\n"):
            errs.append("%s does not end with \\n" % label)
        if b"\r" in b:
            errs.append("%s contains \\r" % label)
    lines = raw.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, S.name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header %r" % rows[0])
    rows = rows[1:]
    if len(lines) != N_LINES:
        errs.append("log has %d lines" % len(lines))
    if len(rows) != N_LINES:
        errs.append("csv has %d rows" % len(rows))
    tpl_of = {}
    counts = {}
    caps = {}
    last_ts = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("row %d LineId %s" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty or not stripped" % i)
        if not line.endswith(content):
            errs.append("line %d does not end with its Content" % i)
            continue
        header = line[:len(line) - len(content)]
        if not S.header_re.fullmatch(header):
            errs.append("line %d header %r does not match" % (i, header))
        m = S.ts_re.match(header)
        if m:
            ts = tuple(int(x) for x in m.groups())
            if last_ts is not None and ts < last_ts:
                errs.append("line %d timestamp goes back" % i)
            last_ts = ts
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %s" % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append("EventId %s has two templates" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        mm = template_regex(tpl).fullmatch(content)
        if not mm:
            errs.append("row %d content does not match template %s" % (i, eid))
            continue
        for j, g in enumerate(mm.groups()):
            caps.setdefault((eid, j), set()).add(g)
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("two EventIds share a template")
    declared = {S.eid[k]: S.tpl[k] for k, _ in S.events}
    if set(counts) != set(declared):
        errs.append("declared events unused: %s" % sorted(set(declared) - set(counts)))
    for eid, tpl in tpl_of.items():
        if declared.get(eid) != tpl:
            errs.append("EventId %s template differs from declaration" % eid)
        for j in range(tpl.count("<*>")):
            if len(caps.get((eid, j), ())) < 2:
                errs.append("%s slot %d captures < 2 distinct values" % (eid, j))
    c = sorted(counts.values())
    if not 12 <= len(c) <= 15:
        errs.append("%d event types" % len(c))
    if c and c[0] < 3:
        errs.append("an event has fewer than 3 lines")
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(c) if c else 0
    if c and c[-1] < 3 * med:
        errs.append("largest %d < 3 x median %s" % (c[-1], med))
    return errs, counts, med


def main():
    systems = [make_dcgm(), make_xinetd(), make_openresty(), make_restic(), make_borgmatic(), make_keda()]
    ok = True
    for S in systems:
        S.write()
    for S in systems:
        errs, counts, med = check(S)
        order = sorted(counts, key=lambda e: int(e[1:]))
        print("%-20s %-10s events=%2d lines=%d min=%d median=%s max=%d  %s" % (
            S.name, S.kind, len(counts), sum(counts.values()), min(counts.values()), med,
            max(counts.values()), " ".join("%s:%d" % (e, counts[e]) for e in order)))
        for e in errs:
            ok = False
            print("  FAIL:", e)
    print("self-check:", "OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
