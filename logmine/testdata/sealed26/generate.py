#!/usr/bin/env python3
"""Sealed 26 corpus generator.

Writes, for each of six systems, <System>/<System>.log (300 raw lines) and
<System>/<System>.log_structured.csv (LineId,Content,EventId,EventTemplate),
then re-reads every file and self-checks it.

Standard library only, fully deterministic: base seed 20270110, system k uses
random.Random(20270110 * 10 + k).  Time is an integer nanosecond clock counted
from 2026-03-14 00:00:00 UTC; the wall clock and the locale are never used.
"""
import csv
import os
import random
import re
import statistics

BASE_SEED = 20270110
HERE = os.path.dirname(os.path.abspath(__file__))
NS = 1_000_000_000
MS = 1_000_000
US = 1_000
N_LINES = 300

YEAR, MONTH, DAY = 2026, 3, 14
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
WDAY = 5  # 2026-03-14 is a Saturday


# --------------------------------------------------------------------------
# shared helpers
# --------------------------------------------------------------------------

def hms(t):
    """Split a nanosecond-of-day clock into h, m, s, nanoseconds."""
    s, frac = divmod(t, NS)
    if not 0 <= s < 86400:
        raise ValueError("clock left 2026-03-14: %d" % t)
    return s // 3600, (s // 60) % 60, s % 60, frac


def fill(tpl, vals):
    parts = tpl.split("<*>")
    if len(parts) - 1 != len(vals):
        raise ValueError("slot count mismatch for %r: %r" % (tpl, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


def _trim(ns, unit, digits):
    whole, frac = divmod(ns, unit)
    if frac == 0:
        return str(whole)
    return "%d.%s" % (whole, str(frac).rjust(digits, "0").rstrip("0"))


def go_dur(ns, truncate_minutes=False):
    """Format like Go's time.Duration.String()."""
    if ns < US:
        return "%dns" % ns
    if ns < MS:
        return _trim(ns, US, 3) + "\u00b5s"
    if ns < NS:
        return _trim(ns, MS, 6) + "ms"
    if ns < 60 * NS:
        return _trim(ns, NS, 9) + "s"
    if truncate_minutes:
        ns -= ns % NS
    total_s, frac = divmod(ns, NS)
    h, rem = divmod(total_s, 3600)
    m, s = divmod(rem, 60)
    sec = _trim(s * NS + frac, NS, 9) + "s"
    if h:
        return "%dh%dm%s" % (h, m, sec)
    return "%dm%s" % (m, sec)


class Ctx:
    """Per-system random state plus pool cycling per (event, slot)."""

    def __init__(self, k):
        self.k = k
        self.rng = random.Random(BASE_SEED * 10 + k)
        self._cyc = {}

    def cyc(self, key, pool):
        if key not in self._cyc:
            self._cyc[key] = self.rng.randrange(len(pool))
        i = self._cyc[key]
        self._cyc[key] = i + 1
        return pool[i % len(pool)]

    def hexs(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def alnum(self, n, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"):
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def exp_ns(self, mean_s):
        return max(1, int(self.rng.expovariate(1.0 / mean_s) * NS))

    def eport(self):
        return self.rng.randint(32768, 60999)

    def uniform_ns(self, lo, hi):
        return self.rng.randint(int(lo), int(hi))


def shuffle_plan(ctx, events, counts, start_t, mean_gap_s):
    """Seeded shuffle: fixed count per event, shuffled, forward-only clock."""
    seq = []
    for key, _tpl, _meta in events:
        seq.extend([key] * counts[key])
    if len(seq) != N_LINES:
        raise ValueError("shuffle counts sum to %d" % len(seq))
    ctx.rng.shuffle(seq)
    t = start_t
    plan = []
    for key in seq:
        t += ctx.exp_ns(mean_gap_s)
        plan.append((t, key))
    return plan


def merge_with_background(ent, bg_recs_fn, n_bg):
    """Merge entity lines with n_bg background lines placed before the cut."""
    ent.sort(key=lambda r: r[0])
    if len(ent) < N_LINES:
        raise ValueError("simulation too short: %d entity lines" % len(ent))
    t_hi = ent[N_LINES - n_bg - 1][0]
    bg = bg_recs_fn(t_hi)
    if len(bg) != n_bg:
        raise ValueError("background produced %d lines, wanted %d" % (len(bg), n_bg))
    allr = ent + bg
    allr.sort(key=lambda r: r[0])
    return allr[:N_LINES]


# --------------------------------------------------------------------------
# 1. Graphite (graphite-web + carbon-cache) -- seeded shuffle
# --------------------------------------------------------------------------

GRAPHITE_EVENTS = [
    ("sorted", "Sorted <*> cache queues in <*> seconds", "carbon"),
    ("conn_up", "MetricLineReceiver connection with <*>:<*> established", "carbon"),
    ("conn_down", "MetricLineReceiver connection with <*>:<*> closed cleanly", "carbon"),
    ("new_schema", "new metric <*> matched schema <*>", "carbon"),
    ("new_agg", "new metric <*> matched aggregation schema <*>", "carbon"),
    ("create", "creating database file <*> (archive=<*> xff=<*> agg=<*>)", "carbon"),
    ("cachequery", "[<*>:<*>] cache query for \"<*>\" returned <*> values", "carbon"),
    ("full", "MetricCache is full: self.size=<*>", "carbon"),
    ("watermark", "MetricCache below watermark: self.size=<*>", "carbon"),
    ("invalid", "invalid line (<*>) received from client <*>:<*>, ignoring", "carbon"),
    ("rendered", "Rendered PNG in <*> seconds", "web"),
    ("rc_hit", "Request-Cache hit [<*>]", "web"),
    ("rc_miss", "Request-Cache miss [<*>]", "web"),
    ("cl_query", "CarbonLink cache-query request for <*> returned <*> datapoints", "web"),
]
GRAPHITE_COUNTS = {
    "sorted": 70, "conn_up": 14, "conn_down": 12, "new_schema": 25, "new_agg": 25,
    "create": 25, "cachequery": 30, "full": 4, "watermark": 4, "invalid": 6,
    "rendered": 20, "rc_hit": 15, "rc_miss": 18, "cl_query": 32,
}
GRAPHITE_HEADER_RE = (
    r"(?:\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2} :: "
    r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r" \d{2} \d{2}:\d{2}:\d{2} \d{4} :: )"
)


def graphite_header(t, meta, hx):
    h, m, s, _ = hms(t)
    if meta == "carbon":
        return "%02d/%02d/%04d %02d:%02d:%02d :: " % (DAY, MONTH, YEAR, h, m, s)
    return "%s %s %02d %02d:%02d:%02d %04d :: " % (
        WEEKDAYS[WDAY], MONTHS[MONTH - 1], DAY, h, m, s, YEAR)


def graphite_metric(ctx):
    r = ctx.rng
    hosts = ["web-01", "web-02", "api-03", "db-01", "db-02", "cache-04", "lb-01", "worker-07"]
    kind = r.randrange(6)
    host = r.choice(hosts)
    if kind == 0:
        return "servers.%s.cpu.%s.%s" % (host, r.choice(["total", "cpu0", "cpu1", "cpu3"]),
                                         r.choice(["user", "system", "iowait", "steal"]))
    if kind == 1:
        return "collectd.%s.df-%s.df_complex-%s" % (host.replace("-", "_"),
                                                   r.choice(["root", "var", "data", "boot"]),
                                                   r.choice(["free", "used", "reserved"]))
    if kind == 2:
        return "stats.timers.%s.%s.%s" % (r.choice(["checkout", "search", "auth", "cart"]),
                                          r.choice(["api", "db_query", "render"]),
                                          r.choice(["upper_90", "mean", "count", "sum", "max"]))
    if kind == 3:
        return "stats_counts.%s.%s.%s" % (r.choice(["nginx", "haproxy", "celery"]),
                                          r.choice(["requests", "errors", "retries"]),
                                          r.choice(["count", "sum", "min"]))
    if kind == 4:
        return "carbon.agents.%s-%s.%s" % (r.choice(["graphite-01", "graphite-02"]),
                                           r.choice(["a", "b", "c"]),
                                           r.choice(["cache.queues", "memUsage", "pointsPerUpdate",
                                                     "updateOperations", "cache.size"]))
    return "apps.%s.%s.%s" % (r.choice(["billing", "ingest", "mailer"]),
                              host, r.choice(["queue.depth", "jobs.max", "latency_ms", "gc.pause"]))


def graphite_schema(metric):
    if metric.startswith("carbon."):
        return "carbon"
    if metric.startswith("collectd."):
        return "collectd_10s_for_30d"
    if metric.startswith("stats"):
        return "statsd_10s_1y"
    return "default_1min_for_1day"


def graphite_aggr(metric):
    last = metric.rsplit(".", 1)[-1]
    if last in ("count", "sum"):
        return "sum_counters", "sum", "0.0"
    if last in ("min",):
        return "min", "min", "0.1"
    if last in ("max", "upper_90"):
        return "max", "max", "0.1"
    return "default_average", "average", "0.5"


GRAPHITE_ARCHIVES = {
    "carbon": "[(60, 129600)]",
    "collectd_10s_for_30d": "[(10, 259200)]",
    "statsd_10s_1y": "[(10, 8640), (60, 10080), (600, 52560)]",
    "default_1min_for_1day": "[(60, 1440)]",
}


def gen_graphite(ctx):
    r = ctx.rng
    start = 6 * 3600 * NS + r.randint(0, 1800) * NS
    plan = shuffle_plan(ctx, GRAPHITE_EVENTS, GRAPHITE_COUNTS, start, 2.6)
    feeders = ["10.30.4.11", "10.30.4.12", "10.30.7.21", "10.30.9.5", "172.20.1.40"]
    webs = ["127.0.0.1", "10.30.2.8", "10.30.2.9"]
    invalid_lines = [
        "servers.web-02.disk.sda.await",
        "collectd.db_01 load shortterm 0.43 1773470113",
        "stats.gauges.queue depth 12",
        "app.billing.latency_ms NaN-ish 1773471002",
        "  ",
        "servers.lb-01.net.eth0.rx_bytes 88123 17734x",
    ]
    recs = []
    for t, key in plan:
        if key == "sorted":
            vals = (r.randint(180, 9400), "%.6f" % r.uniform(0.00004, 0.0381))
        elif key in ("conn_up", "conn_down"):
            vals = (ctx.cyc((key, 0), feeders), ctx.eport())
        elif key == "new_schema":
            mt = graphite_metric(ctx)
            vals = (mt, graphite_schema(mt))
        elif key == "new_agg":
            mt = graphite_metric(ctx)
            vals = (mt, graphite_aggr(mt)[0])
        elif key == "create":
            mt = graphite_metric(ctx)
            sch = graphite_schema(mt)
            _, agg, xff = graphite_aggr(mt)
            path = "/opt/graphite/storage/whisper/%s.wsp" % mt.replace(".", "/")
            vals = (path, GRAPHITE_ARCHIVES[sch], xff, agg)
        elif key == "cachequery":
            vals = (ctx.cyc((key, 0), webs), ctx.eport(), graphite_metric(ctx), r.randint(0, 42))
        elif key == "full":
            vals = (2000000 + r.randint(0, 900),)
        elif key == "watermark":
            vals = (1900000 - r.randint(1, 4000),)
        elif key == "invalid":
            line = ctx.cyc((key, 0), invalid_lines).strip() or "servers..cpu.user 3 1773470001"
            vals = (line, ctx.cyc((key, 1), feeders), ctx.eport())
        elif key == "rendered":
            vals = ("%.6f" % r.uniform(0.012, 2.9),)
        elif key in ("rc_hit", "rc_miss"):
            vals = (ctx.hexs(32),)
        elif key == "cl_query":
            vals = (graphite_metric(ctx), r.randint(0, 30))
        else:
            raise KeyError(key)
        recs.append((t, key, vals, {}))
    return recs


# --------------------------------------------------------------------------
# 2. Opensips (syslog) -- simulation of calls, registrations, scanners
# --------------------------------------------------------------------------

OPS_HOST = "sbc-fra-02"
OPENSIPS_EVENTS = [
    ("invite", "[<*>] INVITE <*> -> <*> from <*>:<*>", None),
    ("prov", "[<*>] provisional reply <*> <*>", None),
    ("answered", "[<*>] call answered, setup time <*> ms", None),
    ("failed", "[<*>] call failed: <*> <*>", None),
    ("cancel", "[<*>] CANCEL from <*>:<*>", None),
    ("bye", "[<*>] BYE received from <*>, call lasted <*> seconds", None),
    ("reg", "REGISTER <*> from <*>:<*> expires=<*>", None),
    ("reg_rej", "REGISTER <*> from <*>:<*> rejected: <*>", None),
    ("dlg_val", "failed to validate remote contact: dlg=[<*>] , req=[<*>]",
     "ERROR:dialog:dlg_validate_dialog"),
    ("utimer", "utimer task <tm-utimer> already scheduled <*> ms ago (now <*> ms), delaying execution",
     "WARNING:core:utimer_ticker"),
    ("timer", "timer task <dlg-timer> already scheduled <*> ms ago (now <*> ms), delaying execution",
     "WARNING:core:timer_ticker"),
    ("tcp_to", "connect timed out, <*> us elapsed out of 100000 us",
     "ERROR:core:tcp_connect_blocking_timeout"),
    ("pike_block", "PIKE - BLOCKing ip <*>, node=<*>", "WARNING:pike:pike_check_req"),
    ("pike_unblock", "PIKE - UNBLOCKing node <*>", "WARNING:pike:clean_routine"),
]
OPENSIPS_HEADER_RE = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}:\d{2} [\w.-]+ "
    r"/usr/sbin/opensips\[\d+\]: (?:(?:DBG|INFO|NOTICE|WARNING|ERROR|CRITICAL|ALERT):\w+:\w+: )?"
)


def opensips_header(t, meta, hx):
    h, m, s, _ = hms(t)
    pre = (meta + ": ") if meta else ""
    return "%s %2d %02d:%02d:%02d %s /usr/sbin/opensips[%d]: %s" % (
        MONTHS[MONTH - 1], DAY, h, m, s, OPS_HOST, hx["pid"], pre)


def gen_opensips(ctx):
    r = ctx.rng
    t0 = 9 * 3600 * NS + r.randint(0, 3000) * NS
    boot = t0 - (2 * 86400 + r.randint(0, 40000)) * NS
    udp_pids = list(range(2871, 2879))
    tcp_pids = [2881, 2882, 2883]
    timer_pid = 2866
    domains = ["voice.brightline.example", "pbx.nordhaven.net", "sip.kestrel-tel.com"]
    trunks = ["sip.carrier-one.example", "gw2.tollfree-partner.net"]
    ua_nets = ["10.20.1.", "10.20.3.", "192.168.40.", "100.64.12."]
    recs = []

    def add(t, key, vals, pid):
        recs.append((t, key, vals, {"pid": pid}))

    def callid():
        style = ctx.cyc(("callid", "style"), [0, 1, 2])
        if style == 0:
            return "%s-%s-%s-%s-%s" % (ctx.hexs(8), ctx.hexs(4), ctx.hexs(4), ctx.hexs(4), ctx.hexs(12))
        if style == 1:
            return "%s@%s%d" % (ctx.hexs(14), r.choice(ua_nets), r.randint(2, 250))
        return "%s.%d" % (ctx.alnum(22, "abcdefghijklmnopqrstuvwxyz0123456789"), r.randint(100, 99999))

    # --- calls
    t = t0
    for _ in range(400):
        t += ctx.exp_ns(7.5)
        cid = callid()
        dom = r.choice(domains)
        src = "%s%d" % (r.choice(ua_nets), r.randint(2, 250))
        sport = ctx.cyc(("invite", 4), [5060, 5062, 5080, r.randint(20000, 60000)])
        fu = "sip:%d@%s" % (r.randint(100, 1999), dom)
        if r.random() < 0.55:
            ru = "sip:+49%d@%s" % (r.randint(1500000000, 1799999999), r.choice(trunks))
        else:
            ru = "sip:%d@%s" % (r.randint(100, 1999), dom)
        add(t, "invite", (cid, fu, ru, src, sport), r.choice(udp_pids))
        tp = t + r.randint(40, 600) * MS
        if r.random() < 0.8:
            code, reason = ctx.cyc(("prov", 1), [("180", "Ringing"), ("183", "Session Progress"),
                                                 ("180", "Ringing")])
            add(tp, "prov", (cid, code, reason), r.choice(udp_pids))
        u = r.random()
        if u < 0.60:
            setup = r.randint(1800, 21000)
            ta = t + setup * MS
            add(ta, "answered", (cid, setup), r.choice(udp_pids))
            dur = max(2, int(r.expovariate(1 / 140.0)))
            tb = ta + dur * NS + r.randint(0, 999) * MS
            by = ctx.cyc(("bye", 1), ["caller", "callee"])
            add(tb, "bye", (cid, by, dur), r.choice(udp_pids))
        elif u < 0.86:
            code, reason = ctx.cyc(("failed", 1), [
                ("486", "Busy Here"), ("404", "Not Found"), ("480", "Temporarily Unavailable"),
                ("408", "Request Timeout"), ("503", "Service Unavailable"), ("486", "Busy Here"),
                ("603", "Decline")])
            add(t + r.randint(300, 30000) * MS, "failed", (cid, code, reason), r.choice(udp_pids))
        else:
            add(t + r.randint(2500, 25000) * MS, "cancel", (cid, src, sport), r.choice(udp_pids))

    # --- registrations: each UA refreshes on its own period
    for i in range(34):
        net = ua_nets[i % len(ua_nets)]
        ip = "%s%d" % (net, 10 + i)
        port = r.choice([5060, 5060, 5062, r.randint(1024, 65000)])
        aor = "sip:%d@%s" % (100 + i * 7, domains[i % len(domains)])
        exp = ctx.cyc(("reg", 3), [120, 300, 600, 3600, 300, 1800])
        tr = t0 + r.randint(0, exp * 1000) * MS
        while tr < t0 + 7200 * NS:
            add(tr, "reg", (aor, ip, port, exp), r.choice(udp_pids))
            tr += (exp * 1000 - r.randint(0, exp * 100)) * MS

    # --- REGISTER scanners (rejected brute-force attempts)
    scanners = ["185.243.115.%d" % r.randint(2, 250), "45.134.26.%d" % r.randint(2, 250),
                "193.46.255.%d" % r.randint(2, 250)]
    reasons = ["wrong password", "unknown user", "auth user does not match From user",
               "too many failed attempts"]
    ts = t0 + r.randint(5, 60) * NS
    for sip in scanners:
        sp = ctx.cyc(("reg_rej", 2), [5060, 5070, r.randint(30000, 60000)])
        for _ in range(r.randint(2, 4)):
            ts += r.randint(300, 4000) * MS
            aor = "sip:%d@%s" % (r.randint(100, 9999), r.choice(domains))
            add(ts, "reg_rej", (aor, sip, sp, ctx.cyc(("reg_rej", 3), reasons)), r.choice(udp_pids))
        ts += r.randint(20, 90) * NS

    bg_counts = [("dlg_val", 4), ("utimer", 6), ("timer", 4), ("tcp_to", 5)]
    n_pike = 3
    n_bg = sum(n for _, n in bg_counts) + 2 * n_pike

    def background(t_hi):
        out = []
        for key, n in bg_counts:
            times = sorted(ctx.uniform_ns(t0, t_hi - 1) for _ in range(n))
            for tb in times:
                if key == "dlg_val":
                    ext = r.randint(100, 1999)
                    a = "%s%d" % (r.choice(ua_nets), r.randint(2, 250))
                    b = "%s%d" % (r.choice(ua_nets), r.randint(2, 250))
                    vals = ("sip:%d@%s:%d" % (ext, a, 5060),
                            "sip:%d@%s:%d;transport=%s" % (ext, b, r.choice([5060, 5062, 43110]),
                                                          ctx.cyc(("dlg_val", "tr"), ["udp", "tcp"])))
                    out.append((tb, key, vals, {"pid": r.choice(udp_pids)}))
                elif key in ("utimer", "timer"):
                    ago = ctx.cyc((key, 0), [100, 200, 300, 400, 600, 1000, 1100] if key == "timer"
                                  else [200, 300, 400, 500, 700])
                    now_ms = (tb - boot) // MS
                    out.append((tb, key, (ago, now_ms), {"pid": timer_pid}))
                else:
                    out.append((tb, key, (100000 + r.randint(3, 2900),), {"pid": r.choice(tcp_pids)}))
        times = sorted(ctx.uniform_ns(t0, t_hi - 1) for _ in range(2 * n_pike))
        nodes = ["0x7f%s" % ctx.hexs(10) for _ in range(n_pike)]
        for i in range(n_pike):
            out.append((times[i], "pike_block", (scanners[i % len(scanners)], nodes[i]),
                        {"pid": r.choice(udp_pids)}))
            out.append((times[n_pike + i], "pike_unblock", (nodes[i],), {"pid": timer_pid}))
        return out

    return merge_with_background(recs, background, n_bg)


# --------------------------------------------------------------------------
# 3. Rclone (sync -v) -- seeded shuffle
# --------------------------------------------------------------------------

RCLONE_EVENTS = [
    ("copied_new", "<*>: Copied (new)", "INFO"),
    ("copied_repl", "<*>: Copied (replaced existing)", "INFO"),
    ("modtime", "<*>: Updated modification time in destination", "INFO"),
    ("deleted", "<*>: Deleted", "INFO"),
    ("copy_fail", "<*>: Failed to copy: <*>", "ERROR"),
    ("rmdir", "<*>: Removing directory", "INFO"),
    ("ss_copy", "<*>: Copied (server-side copy)", "INFO"),
    ("wait_checks", "<*>: Waiting for checks to finish", "INFO"),
    ("wait_transfers", "<*>: Waiting for transfers to finish", "INFO"),
    ("attempt", "Attempt <*>/<*> failed with <*> errors and: <*>", "ERROR"),
    ("sync_fail", "Failed to sync with <*> errors: last error was: <*>", None),
    ("symlink", "<*>: Can't follow symlink without -L/--copy-links", "NOTICE"),
    ("nothing", "There was nothing to transfer", "INFO"),
    ("dryrun", "<*>: Skipped copy as --dry-run is set (size <*>)", "NOTICE"),
]
RCLONE_COUNTS = {
    "copied_new": 100, "copied_repl": 35, "modtime": 30, "deleted": 40, "copy_fail": 9,
    "rmdir": 12, "ss_copy": 18, "wait_checks": 12, "wait_transfers": 12, "attempt": 6,
    "sync_fail": 3, "symlink": 8, "nothing": 5, "dryrun": 10,
}
RCLONE_HEADER_RE = (
    r"\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} "
    r"(?:(?:DEBUG |INFO  |NOTICE|ERROR |CRITICAL|ALERT |EMERGENCY): )?"
)


def rclone_header(t, meta, hx):
    h, m, s, _ = hms(t)
    lvl = ("%-6s: " % meta) if meta else ""
    return "%04d/%02d/%02d %02d:%02d:%02d %s" % (YEAR, MONTH, DAY, h, m, s, lvl)


def rclone_path(ctx):
    r = ctx.rng
    kind = r.randrange(7)
    if kind == 0:
        return "photos/2025/%02d/IMG_%04d.%s" % (r.randint(1, 12), r.randint(1, 9999),
                                                 r.choice(["JPG", "HEIC", "jpg"]))
    if kind == 1:
        return "invoices/2026/%02d/INV-2026%02d%02d-%04d.pdf" % (
            r.randint(1, 3), r.randint(1, 3), r.randint(1, 28), r.randint(1, 9999))
    if kind == 2:
        return "projects/%s/%s" % (r.choice(["atlas", "heron", "quill"]),
                                   r.choice(["src/main.go", "src/store/cache.go", "README.md",
                                             "docs/design.md", "go.sum", "web/static/app.js",
                                             "migrations/0042_add_index.sql"]))
    if kind == 3:
        return "backups/db/%s-2026031%d-%02d00.sql.gz" % (r.choice(["pg-main", "mysql-crm", "pg-analytics"]),
                                                         r.randint(0, 4), r.randint(0, 23))
    if kind == 4:
        return "home/mara/Documents/%s" % r.choice(["taxes/2025/receipts.xlsx", "notes/meeting 2026-02-17.md",
                                                    "cv/Mara_Lind_CV.docx", "scans/lease agreement.pdf",
                                                    "recipes/sourdough.txt"])
    if kind == 5:
        return "media/podcasts/%s/episode-%03d.mp3" % (r.choice(["late-night-systems", "garden-hour"]),
                                                       r.randint(1, 240))
    return "shared/%s/%s_%s.%s" % (r.choice(["marketing", "finance", "ops"]),
                                   r.choice(["report", "export", "snapshot", "draft"]),
                                   ctx.hexs(6), r.choice(["csv", "pptx", "zip", "json"]))


def rclone_dir(ctx):
    r = ctx.rng
    return r.choice(["photos/2024/%02d" % r.randint(1, 12), "projects/old-%s/build" % r.choice(["atlas", "heron"]),
                     "shared/tmp/%s" % ctx.hexs(8), "home/mara/Downloads/%s" % r.choice(["iso", "old", "tmp"]),
                     "media/podcasts/retired-show/%d" % r.randint(2019, 2023)])


def rclone_size(ctx):
    r = ctx.rng
    unit = ctx.cyc(("size", "unit"), ["Ki", "Mi", "Mi", "Gi"])
    return "%.3f%s" % (r.uniform(1.0, 999.0) if unit != "Gi" else r.uniform(1.0, 7.5), unit)


RCLONE_ERRORS = [
    "googleapi: Error 403: User rate limit exceeded., userRateLimitExceeded",
    "RequestTimeout: Your socket connection to the server was not read from or written to within the timeout period.",
    "failed to open source object: permission denied",
    "context deadline exceeded",
    "read tcp 192.168.1.20:51844->203.0.113.77:443: read: connection reset by peer",
    "corrupted on transfer: sizes differ 10485760 vs 10223616",
    "unexpected EOF",
]


def gen_rclone(ctx):
    r = ctx.rng
    start = 2 * 3600 * NS + r.randint(0, 1800) * NS
    plan = shuffle_plan(ctx, RCLONE_EVENTS, RCLONE_COUNTS, start, 9.0)
    fss = ["Local file system at /srv/backup/mirror", "S3 bucket acme-offsite path nightly",
           "B2 bucket photo-vault path library", "sftp://rclone@nas02.home.lan:22/volume1/sync"]
    recs = []
    for t, key in plan:
        if key in ("copied_new", "copied_repl", "modtime", "deleted", "ss_copy", "symlink"):
            p = rclone_path(ctx)
            if key == "symlink":
                p = ctx.cyc((key, 0), ["home/mara/.config/current", "projects/atlas/latest",
                                       "media/podcasts/current-show", "shared/ops/runbooks-link"])
            vals = (p,)
        elif key == "copy_fail":
            vals = (rclone_path(ctx), ctx.cyc((key, 1), RCLONE_ERRORS))
        elif key == "rmdir":
            vals = (rclone_dir(ctx),)
        elif key in ("wait_checks", "wait_transfers"):
            vals = (ctx.cyc((key, 0), fss),)
        elif key == "attempt":
            n, tot = ctx.cyc((key, 0), [(1, 3), (2, 3), (1, 5), (3, 3), (4, 5)])
            vals = (n, tot, r.randint(1, 6), ctx.cyc((key, 3), RCLONE_ERRORS))
        elif key == "sync_fail":
            vals = (r.randint(2, 9), ctx.cyc((key, 1), RCLONE_ERRORS))
        elif key == "nothing":
            vals = ()
        elif key == "dryrun":
            vals = (rclone_path(ctx), rclone_size(ctx))
        else:
            raise KeyError(key)
        recs.append((t, key, vals, {}))
    return recs


# --------------------------------------------------------------------------
# 4. Nsq (nsqd) -- simulation of client connections, topics and channels
# --------------------------------------------------------------------------

NSQ_EVENTS = [
    ("new_client", "TCP: new client(<*>:<*>)", "INFO"),
    ("magic", "CLIENT(<*>:<*>): desired protocol magic '  V2'", "INFO"),
    ("identify", "[<*>:<*>] IDENTIFY: {ClientID:<*> Hostname:<*> HeartbeatInterval:<*> "
                 "OutputBufferSize:16384 OutputBufferTimeout:250 FeatureNegotiation:true TLSv1:false "
                 "Deflate:false DeflateLevel:6 Snappy:<*> SampleRate:0 UserAgent:<*> MsgTimeout:0}", "INFO"),
    ("exit_ioloop", "PROTOCOL(V2): [<*>:<*>] exiting ioloop", "INFO"),
    ("exit_pump", "PROTOCOL(V2): [<*>:<*>] exiting messagePump", "INFO"),
    ("topic_created", "TOPIC(<*>): created", "INFO"),
    ("new_channel", "TOPIC(<*>): new channel(<*>)", "INFO"),
    ("lk_topic_reg", "LOOKUPD(<*>): topic REGISTER <*>", "INFO"),
    ("lk_chan_reg", "LOOKUPD(<*>): channel REGISTER <*> <*>", "INFO"),
    ("lk_chan_unreg", "LOOKUPD(<*>): channel UNREGISTER <*> <*>", "INFO"),
    ("del_channel", "TOPIC(<*>): deleting channel <*>", "INFO"),
    ("read_err", "client(<*>:<*>) - failed to read command - <*>", "ERROR"),
    ("bad_topic", "[<*>:<*>] - E_BAD_TOPIC SUB topic name \"<*>\" is not valid", "ERROR"),
    ("lk_ping", "LOOKUPD(<*>): PING - <*>", "ERROR"),
]
NSQ_HEADER_RE = (
    r"\[nsqd\] \d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}\.\d{6} (?:DEBUG|INFO|WARNING|ERROR|FATAL): "
)


def nsq_header(t, meta, hx):
    h, m, s, frac = hms(t)
    return "[nsqd] %04d/%02d/%02d %02d:%02d:%02d.%06d %s: " % (
        YEAR, MONTH, DAY, h, m, s, frac // US, meta)


def gen_nsq(ctx):
    r = ctx.rng
    t0 = 13 * 3600 * NS + r.randint(0, 1800) * NS
    nsqd_ip = "10.8.0.21"
    lookupds = ["nsqlookupd-a.internal:4160", "nsqlookupd-b.internal:4160"]
    lookupd_ips = ["10.8.0.5", "10.8.0.6"]
    hosts = [
        ("10.8.1.14", "billing-worker-1.prod.internal"), ("10.8.1.15", "billing-worker-2.prod.internal"),
        ("10.8.2.31", "indexer-a.prod.internal"), ("10.8.2.32", "indexer-b.prod.internal"),
        ("10.8.3.7", "mailer-0.prod.internal"), ("10.8.4.40", "analytics-etl.prod.internal"),
        ("10.8.5.9", "ops-bastion.prod.internal"), ("10.8.1.22", "ledger-sync.prod.internal"),
    ]
    uas = ["go-nsq/1.1.0", "go-nsq/1.0.8", "pynsq/0.9.1", "nsqjs/0.13.0"]
    topics = {
        "orders": {"archive", "billing"}, "payments.settled": {"ledger"},
        "clickstream": {"warehouse"}, "email_outbound": {"sender"},
    }
    durable_subs = [
        ("orders", "archive"), ("orders", "billing"), ("orders", "fraud-score"),
        ("payments.settled", "ledger"), ("payments.settled", "notify"),
        ("clickstream", "warehouse"), ("email_outbound", "sender"),
        ("user_signups", "welcome-mail"), ("user_signups", "crm-sync"),
        ("inventory.updates", "search-index"), ("audit-log", "s3-archiver"),
        ("webhooks.retry", "dispatcher"),
    ]
    tail_topics = ["orders", "payments.settled", "clickstream", "user_signups", "audit-log"]
    bad_names = ["orders/eu", "payments settled", "click*stream", "user_signups!", "..",
                 "audit-log-" + "x" * 70]
    read_errs = ["read tcp %s:4150->%%s:%%d: i/o timeout" % nsqd_ip,
                 "read tcp %s:4150->%%s:%%d: read: connection reset by peer" % nsqd_ip]
    recs = []

    def add(t, key, *vals):
        recs.append((t, key, vals, {}))

    t = t0
    for _ in range(220):
        t += ctx.exp_ns(6.5)
        ip, fqdn = ctx.cyc(("client", "host"), hosts)
        port = ctx.eport()
        add(t, "new_client", ip, port)
        t1 = t + r.randint(40, 400) * US
        add(t1, "magic", ip, port)
        t2 = t1 + r.randint(200, 3000) * US
        hb = ctx.cyc(("identify", 4), [30000, 30000, 60000, 15000])
        snappy = ctx.cyc(("identify", 5), ["false", "false", "true"])
        add(t2, "identify", ip, port, fqdn.split(".")[0], fqdn, hb, snappy, ctx.cyc(("identify", 6), uas))
        t3 = t2 + r.randint(300, 5000) * US
        u = r.random()
        if u < 0.08:
            add(t3, "bad_topic", ip, port, ctx.cyc(("bad_topic", 2), bad_names))
            te = t3 + r.randint(100, 900) * US
        else:
            if u < 0.25:
                topic = ctx.cyc(("tail", "topic"), tail_topics)
                channel = "tail%d#ephemeral" % r.randint(100000, 999999)
                life = r.randint(15, 240) * NS + r.randint(0, 999) * MS
            else:
                topic, channel = ctx.cyc(("sub", 0), durable_subs)
                life = ctx.exp_ns(1500.0)
            tc = t3
            if topic not in topics:
                topics[topic] = set()
                add(tc, "topic_created", topic)
                for lk in lookupds:
                    tc += r.randint(200, 2500) * US
                    add(tc, "lk_topic_reg", lk, topic)
            if channel not in topics[topic]:
                topics[topic].add(channel)
                tc += r.randint(20, 300) * US
                add(tc, "new_channel", topic, channel)
                for lk in lookupds:
                    tc += r.randint(200, 2500) * US
                    add(tc, "lk_chan_reg", lk, topic, channel)
            te = t3 + life
            if channel.endswith("#ephemeral"):
                td = te + r.randint(300, 3000) * US
                add(td, "del_channel", topic, channel)
                topics[topic].discard(channel)
                for lk in lookupds:
                    td += r.randint(200, 2500) * US
                    add(td, "lk_chan_unreg", lk, topic, channel)
        if r.random() < 0.25:
            add(te, "read_err", ip, port, ctx.cyc(("read_err", 2), read_errs) % (ip, port))
            te += r.randint(20, 200) * US
        add(te, "exit_ioloop", ip, port)
        add(te + r.randint(10, 900) * US, "exit_pump", ip, port)

    n_ping = 4
    ping_errs = ["read tcp %s:%%d->%%s:4160: i/o timeout" % nsqd_ip,
                 "dial tcp %s:4160: connect: connection refused"]

    def background(t_hi):
        out = []
        for tb in sorted(ctx.uniform_ns(t0, t_hi - 1) for _ in range(n_ping)):
            i = ctx.cyc(("lk_ping", 0), [0, 1])
            err = ctx.cyc(("lk_ping", 1), ping_errs)
            err = err % ((ctx.eport(), lookupd_ips[i]) if err.count("%") == 2 else (lookupd_ips[i],))
            out.append((tb, "lk_ping", (lookupds[i], err), {}))
        return out

    return merge_with_background(recs, background, n_ping)


# --------------------------------------------------------------------------
# 5. Gotify (server, gin access log + websocket errors) -- seeded shuffle
# --------------------------------------------------------------------------

GOTIFY_EVENTS = [
    ("stream", '<*> | <*> | <*> | GET      "/stream?token=<*>"', "gin"),
    ("post_msg", '<*> | <*> | <*> | POST     "/message?token=<*>"', "gin"),
    ("get_msgs", '<*> | <*> | <*> | GET      "/message?limit=<*>"', "gin"),
    ("del_msg", '<*> | <*> | <*> | DELETE   "/message/<*>"', "gin"),
    ("get_apps", '<*> | <*> | <*> | GET      "/application"', "gin"),
    ("get_clients", '<*> | <*> | <*> | GET      "/client"', "gin"),
    ("post_client", '<*> | <*> | <*> | POST     "/client"', "gin"),
    ("cur_user", '<*> | <*> | <*> | GET      "/current/user"', "gin"),
    ("health", '<*> | <*> | <*> | GET      "/health"', "gin"),
    ("static", '<*> | <*> | <*> | GET      "/static/<*>"', "gin"),
    ("put_app", '<*> | <*> | <*> | PUT      "/application/<*>"', "gin"),
    ("ws_read", "WebSocket: ReadError <*>", None),
    ("ws_write", "WebSocket: WriteError <*>", None),
]
GOTIFY_COUNTS = {
    "stream": 40, "post_msg": 95, "get_msgs": 25, "del_msg": 18, "get_apps": 20,
    "get_clients": 8, "post_client": 5, "cur_user": 20, "health": 30, "static": 12,
    "put_app": 4, "ws_read": 15, "ws_write": 8,
}
GOTIFY_HEADER_RE = r"(?:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2}) \| )?"


def gotify_header(t, meta, hx):
    if meta is None:
        return ""
    h, m, s, _ = hms(t)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ | " % (YEAR, MONTH, DAY, h, m, s)


def gen_gotify(ctx):
    r = ctx.rng
    start = 17 * 3600 * NS + r.randint(0, 1800) * NS
    plan = shuffle_plan(ctx, GOTIFY_EVENTS, GOTIFY_COUNTS, start, 11.0)
    ips = ["172.18.0.1", "192.168.1.23", "192.168.1.57", "10.0.0.2", "100.101.7.12"]
    tok_alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_"
    app_tokens = ["A" + ctx.alnum(14, tok_alpha) for _ in range(6)]
    client_tokens = ["C" + ctx.alnum(14, tok_alpha) for _ in range(4)]
    statics = ["js/main.4f2c1a9b.js", "css/main.91ad03e2.css", "static/media/roboto-latin-400.woff2",
               "js/787.c1e0d4b7.chunk.js", "favicon-196x196.png"]
    ws_read = ["websocket: close 1006 (abnormal closure): unexpected EOF",
               "read tcp 172.18.0.5:80->%s:%d: read: connection reset by peer",
               "read tcp 172.18.0.5:80->%s:%d: i/o timeout"]
    ws_write = ["write tcp 172.18.0.5:80->%s:%d: write: broken pipe",
                "websocket: close sent",
                "write tcp 172.18.0.5:80->%s:%d: i/o timeout"]
    msg_id = 18400 + r.randint(0, 300)
    recs = []

    def lat(lo_ns, hi_ns):
        return "%13s" % go_dur(r.randint(lo_ns, hi_ns), truncate_minutes=True)

    def ip_(key):
        return "%15s" % ctx.cyc((key, 2), ips)

    for t, key in plan:
        if key == "stream":
            st = ctx.cyc((key, 0), ["200"] * 6 + ["401"])
            lt = lat(40 * NS, 9000 * NS) if st == "200" else lat(90 * US, 900 * US)
            vals = (st, lt, ip_(key), ctx.cyc((key, 3), client_tokens))
        elif key == "post_msg":
            st = ctx.cyc((key, 0), ["200"] * 9 + ["401", "200", "400"])
            msg_id += 1
            vals = (st, lat(900 * US, 45 * MS), ip_(key), ctx.cyc((key, 3), app_tokens))
        elif key == "get_msgs":
            vals = (ctx.cyc((key, 0), ["200"] * 5 + ["401"]), lat(2 * MS, 180 * MS), ip_(key),
                    ctx.cyc((key, 3), [100, 100, 50, 10]))
        elif key == "del_msg":
            vals = (ctx.cyc((key, 0), ["200"] * 5 + ["404"]), lat(700 * US, 30 * MS), ip_(key),
                    msg_id - r.randint(0, 250))
        elif key in ("get_apps", "get_clients", "cur_user"):
            vals = (ctx.cyc((key, 0), ["200"] * 4 + ["401"]), lat(150 * US, 12 * MS), ip_(key))
        elif key == "post_client":
            vals = (ctx.cyc((key, 0), ["200", "200", "400"]), lat(1 * MS, 25 * MS), ip_(key))
        elif key == "health":
            vals = (ctx.cyc((key, 0), ["200"] * 9 + ["500"]), lat(60 * US, 3 * MS), ip_(key))
        elif key == "static":
            vals = (ctx.cyc((key, 0), ["200", "200", "304", "200", "404"]), lat(80 * US, 20 * MS), ip_(key),
                    ctx.cyc((key, 3), statics))
        elif key == "put_app":
            vals = (ctx.cyc((key, 0), ["200", "200", "400"]), lat(1 * MS, 40 * MS), ip_(key),
                    r.randint(1, 14))
        elif key in ("ws_read", "ws_write"):
            e = ctx.cyc((key, 0), ws_read if key == "ws_read" else ws_write)
            if "%s" in e:
                e = e % (ctx.cyc((key, "ip"), ips), ctx.eport())
            vals = (e,)
        else:
            raise KeyError(key)
        recs.append((t, key, vals, {}))
    return recs


# --------------------------------------------------------------------------
# 6. Sftpgo (JSON logs) -- simulation of SSH connections
# --------------------------------------------------------------------------

SFTPGO_EVENTS = [
    ("accept", '"sender":"sftpd","message":"accepted inbound connection, ip: <*>"}', "debug"),
    ("login", '"sender":"login","ip":"<*>","username":"<*>","method":"<*>","protocol":"<*>",'
              '"connection_id":"<*>","client":"<*>","encrypted":true}', "info"),
    ("login_failed", '"sender":"connection_failed","client_ip":"<*>","username":"<*>","login_type":"<*>",'
                     '"protocol":"SSH","error":"<*>"}', "debug"),
    ("upload", '"sender":"Upload","local_addr":"<*>","remote_addr":"<*>","elapsed_ms":<*>,"size_bytes":<*>,'
               '"username":"<*>","file_path":"<*>","connection_id":"<*>","protocol":"<*>"}', "info"),
    ("download", '"sender":"Download","local_addr":"<*>","remote_addr":"<*>","elapsed_ms":<*>,"size_bytes":<*>,'
                 '"username":"<*>","file_path":"<*>","connection_id":"<*>","protocol":"<*>"}', "info"),
    ("rename", '"sender":"Rename","local_addr":"<*>","remote_addr":"<*>","username":"<*>","file_path":"<*>",'
               '"target_path":"<*>","elapsed":<*>,"connection_id":"<*>","protocol":"SFTP"}', "info"),
    ("remove", '"sender":"Remove","local_addr":"<*>","remote_addr":"<*>","username":"<*>","file_path":"<*>",'
               '"target_path":"","elapsed":<*>,"connection_id":"<*>","protocol":"SFTP"}', "info"),
    ("mkdir", '"sender":"Mkdir","local_addr":"<*>","remote_addr":"<*>","username":"<*>","file_path":"<*>",'
              '"target_path":"","elapsed":<*>,"connection_id":"<*>","protocol":"SFTP"}', "info"),
    ("closed", '"sender":"<*>","connection_id":"<*>","message":"connection closed, local address: <*>, '
               'remote address: <*>"}', "debug"),
    ("quota", '"sender":"SFTP","connection_id":"<*>","message":"denying write access to <*>: quota exceeded, '
              'used <*> of <*>"}', "warn"),
    ("open_err", '"sender":"SFTP","connection_id":"<*>","message":"could not open file <*> for reading: <*>"}',
     "error"),
    ("idle", '"sender":"common","connection_id":"<*>","message":"close idle connection, idle time: <*>, '
             'username: <*>, close err: <nil>"}', "info"),
    ("handshake", '"sender":"sftpd","message":"failed to accept an incoming connection from ip <*>: <*>"}',
     "debug"),
    ("defender", '"sender":"defender","message":"host <*> added to the block list, score <*>"}', "info"),
]
SFTPGO_HEADER_RE = (
    r"\{\"level\":\"(?:debug|info|warn|error)\",\"time\":\"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\","
)


def sftpgo_header(t, meta, hx):
    h, m, s, frac = hms(t)
    return '{"level":"%s","time":"%04d-%02d-%02dT%02d:%02d:%02d.%03d",' % (
        meta, YEAR, MONTH, DAY, h, m, s, frac // MS)


def gen_sftpgo(ctx):
    r = ctx.rng
    t0 = 11 * 3600 * NS + r.randint(0, 1800) * NS
    xid_alpha = "0123456789abcdefghijklmnopqrstuv"
    users = [
        ("mkeller", "10.10.4.%d", ["WinSCP_release_6.3.3", "OpenSSH_9.6p1 Ubuntu-3ubuntu13.5"]),
        ("backup-agent", "10.10.9.%d", ["OpenSSH_8.9p1 Ubuntu-3ubuntu0.10"]),
        ("svc_edi", "198.51.100.%d", ["paramiko_3.4.0", "Go"]),
        ("lhofmann", "10.10.4.%d", ["FileZilla_3.66.5", "WinSCP_release_6.1.2"]),
        ("photos", "203.0.113.%d", ["OpenSSH_for_Windows_9.5"]),
        ("acme-uploads", "192.0.2.%d", ["JSCH-0.1.54", "paramiko_3.4.0"]),
        ("tchen", "10.10.6.%d", ["OpenSSH_9.7", "Cyberduck/8.8.2.41480 (Mac OS X/14.4) (arm64)"]),
    ]
    homes = {u: "/srv/sftpgo/data/%s" % u for u, _, _ in users}
    subdirs = ["inbox", "outbox", "archive/2026-03", "reports", "tmp", "exports/daily"]
    files = ["orders_%s.csv", "invoice_%s.pdf", "dump_%s.tar.gz", "IMG_%s.jpg", "edi_%s.x12", "scan_%s.tiff"]
    attackers = ["45.155.205.%d" % r.randint(2, 250), "141.98.11.%d" % r.randint(2, 250),
                 "92.118.39.%d" % r.randint(2, 250), "218.92.0.%d" % r.randint(2, 250),
                 "80.94.95.%d" % r.randint(2, 250)]
    bad_users = ["root", "admin", "test", "oracle", "ubuntu", "ftpuser", "git", "user1"]
    fail_errs = ["invalid credentials", "username not found", "no auth passed yet",
                 "password authentication disabled for this user", "too many authentication failures"]
    hs_errs = ["ssh: handshake failed: EOF",
               "ssh: handshake failed: read tcp %s: read: connection reset by peer",
               "ssh: no common algorithm for key exchange; client offered: [diffie-hellman-group1-sha1], "
               "server supported: [curve25519-sha256 ecdh-sha2-nistp256]",
               "ssh: overflow reading version string"]
    read_errs = ["permission denied", "no such file or directory", "is a directory"]
    recs = []

    def add(t, key, *vals):
        recs.append((t, key, vals, {}))

    def conn_id(proto):
        return "%s_%s" % (proto, "cq" + "".join(r.choice(xid_alpha) for _ in range(18)))

    def fpath(user):
        return "%s/%s/%s" % (homes[user], r.choice(subdirs),
                             r.choice(files) % ("2026031%d_%s" % (r.randint(0, 4), ctx.hexs(4))))

    t = t0
    for _ in range(300):
        t += ctx.exp_ns(19.0)
        kind = ctx.cyc(("session", "kind"), ["user", "user", "fail", "user", "scan", "user", "user",
                                             "fail", "user", "user"])
        if kind == "user":
            user, net, clients = ctx.cyc(("session", "user"), users)
            ip = net % r.randint(2, 250)
        elif kind == "fail":
            ip = r.choice(attackers)
        else:
            ip = "%d.%d.%d.%d" % (r.randint(20, 220), r.randint(0, 255), r.randint(0, 255), r.randint(2, 250))
        port = ctx.eport()
        add(t, "accept", ip)
        if kind == "scan":
            e = ctx.cyc(("handshake", 1), hs_errs)
            if "%s" in e:
                e = e % ("10.10.0.5:2022->%s:%d" % (ip, port))
            add(t + r.randint(80, 5000) * MS, "handshake", ip, e)
            continue
        if kind == "fail":
            tf = t
            for _ in range(r.randint(1, 3)):
                tf += r.randint(400, 3500) * MS
                add(tf, "login_failed", ip, ctx.cyc(("login_failed", 1), bad_users),
                    ctx.cyc(("login_failed", 2), ["password", "keyboard-interactive", "password",
                                                  "publickey"]),
                    ctx.cyc(("login_failed", 3), fail_errs))
            continue
        proto = ctx.cyc(("session", "proto"), ["SFTP", "SFTP", "SFTP", "SCP"])
        local = "10.10.0.5:2022" if ip.startswith("10.") else "203.0.113.10:2022"
        remote = "%s:%d" % (ip, port)
        cid = conn_id(proto)
        method = ctx.cyc(("login", 2), ["publickey", "password", "publickey", "keyboard-interactive"])
        tl = t + r.randint(60, 900) * MS
        add(tl, "login", ip, user, method, proto, cid, "SSH-2.0-" + ctx.cyc(("login", 5, user), clients))
        tcur = tl
        for _ in range(ctx.cyc(("session", "ops"), [1, 6, 2, 12, 3, 9, 14, 4])):
            tcur += ctx.exp_ns(7.0)
            if proto == "SCP":
                op = r.choice(["upload", "download"])
            else:
                op = r.choice(["upload", "upload", "upload", "upload", "upload", "download", "download",
                               "mkdir", "rename", "remove"])
            if op == "upload":
                if r.random() < 0.05:
                    used = r.uniform(1.9, 2.0)
                    add(tcur, "quota", cid, fpath(user), "%.2f GB" % used,
                        ctx.cyc(("quota", 3), ["2.00 GB", "2.00 GB", "5.00 GB"]) if used < 1.99 else "2.00 GB")
                    continue
                size = int(r.lognormvariate(13, 2))
                el = max(1, size // r.randint(800, 12000))
                tcur += el * MS
                add(tcur, "upload", local, remote, el, size, user, fpath(user), cid, proto)
            elif op == "download":
                if r.random() < 0.1:
                    add(tcur, "open_err", cid, fpath(user), ctx.cyc(("open_err", 2), read_errs))
                    continue
                size = int(r.lognormvariate(12.5, 2))
                el = max(1, size // r.randint(1500, 20000))
                tcur += el * MS
                add(tcur, "download", local, remote, el, size, user, fpath(user), cid, proto)
            elif op == "mkdir":
                add(tcur, "mkdir", local, remote, user, "%s/%s/%s" % (homes[user], r.choice(subdirs),
                                                                        ctx.hexs(6)), r.randint(0, 4), cid)
            elif op == "rename":
                src = fpath(user)
                dst = src.rsplit("/", 1)[0] + "/" + ctx.cyc(("rename", 4), ["done_", "processed_", ""]) + \
                    src.rsplit("/", 1)[1].replace(".filepart", "")
                if dst == src:
                    dst = src + ".old"
                add(tcur, "rename", local, remote, user, src, dst, r.randint(0, 6), cid)
            else:
                add(tcur, "remove", local, remote, user, fpath(user), r.randint(0, 5), cid)
        if r.random() < 0.45:
            idle_ns = 2 * 60 * NS + r.randint(0, 119 * NS)
            tcur += idle_ns
            add(tcur, "idle", cid, go_dur(idle_ns), user)
        tcur += r.randint(1, 400) * MS
        add(tcur, "closed", proto, cid, local, remote)

    n_def = 4

    def background(t_hi):
        out = []
        for tb in sorted(ctx.uniform_ns(t0, t_hi - 1) for _ in range(n_def)):
            out.append((tb, "defender", (ctx.cyc(("defender", 0), attackers),
                                         ctx.cyc(("defender", 1), [15, 16, 18, 30])), {}))
        return out

    return merge_with_background(recs, background, n_def)


# --------------------------------------------------------------------------
# writing and self-check
# --------------------------------------------------------------------------

SYSTEMS = [
    # (k, name, events, header fn, header regex, generator, mode)
    (1, "Graphite", GRAPHITE_EVENTS, graphite_header, GRAPHITE_HEADER_RE, gen_graphite, "shuffle"),
    (2, "Opensips", OPENSIPS_EVENTS, opensips_header, OPENSIPS_HEADER_RE, gen_opensips, "simulation"),
    (3, "Rclone", RCLONE_EVENTS, rclone_header, RCLONE_HEADER_RE, gen_rclone, "shuffle"),
    (4, "Nsq", NSQ_EVENTS, nsq_header, NSQ_HEADER_RE, gen_nsq, "simulation"),
    (5, "Gotify", GOTIFY_EVENTS, gotify_header, GOTIFY_HEADER_RE, gen_gotify, "shuffle"),
    (6, "Sftpgo", SFTPGO_EVENTS, sftpgo_header, SFTPGO_HEADER_RE, gen_sftpgo, "simulation"),
]

TIME_RE = re.compile(r"(\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?")


def header_time(header):
    m = TIME_RE.search(header)
    if not m:
        return None
    h, mi, s, frac = m.groups()
    frac = (frac or "").ljust(9, "0")[:9]
    return ((int(h) * 60 + int(mi)) * 60 + int(s)) * NS + int(frac)


def write_system(k, name, events, header_fn, recs):
    ev_index = {key: i for i, (key, _t, _m) in enumerate(events)}
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    raw_lines, rows = [], []
    for i, (t, key, vals, hx) in enumerate(recs, 1):
        idx = ev_index[key]
        _key, tpl, meta = events[idx]
        content = fill(tpl, vals)
        raw_lines.append(header_fn(t, meta, hx) + content)
        rows.append([i, content, "E%d" % (idx + 1), tpl])
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(raw_lines) + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")), re.S)


def check_system(name, events, header_re):
    d = os.path.join(HERE, name)
    log_path = os.path.join(d, name + ".log")
    csv_path = os.path.join(d, name + ".log_structured.csv")
    errors = []
    for p in (log_path, csv_path):
        with open(p, "rb") as f:
            data = f.read()
        if not data.endswith(b"\n"):
            errors.append("%s does not end with newline" % p)
        if b"\r" in data:
            errors.append("%s contains CR" % p)
    with open(log_path, encoding="utf-8", newline="") as f:
        raw = f.read().split("\n")[:-1]
    with open(csv_path, encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    if table[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errors.append("bad csv header %r" % table[0])
    rows = table[1:]
    if len(raw) != N_LINES or len(rows) != N_LINES:
        errors.append("line/row count %d/%d" % (len(raw), len(rows)))
    hre = re.compile(header_re)
    templates = {}
    captures = {}
    counts = {}
    last_t = None
    for i, (line, row) in enumerate(zip(raw, rows), 1):
        if len(row) != 4:
            errors.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errors.append("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            errors.append("row %d content empty or unstripped" % i)
        if "\n" in line or "\n" in content:
            errors.append("row %d multi-line" % i)
        if not line.endswith(content):
            errors.append("line %d does not end with its content" % i)
            continue
        header = line[:len(line) - len(content)]
        if not hre.fullmatch(header):
            errors.append("line %d header %r fails header regex" % (i, header))
        ht = header_time(header)
        if ht is not None:
            if last_t is not None and ht < last_t:
                errors.append("line %d time goes back" % i)
            last_t = ht
        if not re.fullmatch(r"E\d+", eid):
            errors.append("row %d bad EventId %r" % (i, eid))
        if templates.setdefault(eid, tpl) != tpl:
            errors.append("EventId %s has two templates" % eid)
        m = tpl_regex(tpl).fullmatch(content)
        if not m:
            errors.append("row %d content does not match template %s" % (i, eid))
            continue
        for j, g in enumerate(m.groups()):
            captures.setdefault((eid, j), set()).add(g)
        counts[eid] = counts.get(eid, 0) + 1
    if len(set(templates.values())) != len(templates):
        errors.append("two EventIds share a template")
    declared = ["E%d" % (i + 1) for i in range(len(events))]
    for i, eid in enumerate(declared):
        if eid not in counts:
            errors.append("declared event %s unused" % eid)
        elif templates[eid] != events[i][1]:
            errors.append("template for %s differs from declaration" % eid)
    for eid in counts:
        if eid not in declared:
            errors.append("undeclared EventId %s" % eid)
    for eid, tpl in templates.items():
        for j in range(tpl.count("<*>")):
            vals = captures.get((eid, j), set())
            if len(vals) < 2:
                errors.append("%s slot %d has %d distinct values" % (eid, j + 1, len(vals)))
    cs = sorted(counts.values())
    if not 12 <= len(cs) <= 15:
        errors.append("%d event types" % len(cs))
    if cs and cs[0] < 3:
        errors.append("an event has fewer than 3 lines")
    if sum(1 for c in cs if 3 <= c <= 10) < 3:
        errors.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(cs) if cs else 0
    if cs and cs[-1] < 3 * med:
        errors.append("largest %d < 3 x median %s" % (cs[-1], med))
    return errors, cs, med


def main():
    failed = False
    for k, name, events, header_fn, header_re, gen, mode in SYSTEMS:
        ctx = Ctx(k)
        recs = gen(ctx)
        if len(recs) != N_LINES:
            raise SystemExit("%s produced %d lines" % (name, len(recs)))
        write_system(k, name, events, header_fn, recs)
        errors, cs, med = check_system(name, events, header_re)
        status = "OK" if not errors else "FAIL"
        print("%-9s %-10s lines=%d events=%d min=%d median=%s max=%d small(3-10)=%d  %s" % (
            name, mode, N_LINES, len(cs), cs[0] if cs else 0, med, cs[-1] if cs else 0,
            sum(1 for c in cs if 3 <= c <= 10), status))
        for e in errors[:40]:
            print("    " + e)
        failed = failed or bool(errors)
    if failed:
        raise SystemExit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
