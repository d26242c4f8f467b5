#!/usr/bin/env python3
"""Writes the round-4 blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: Jupyter, Supervisord, Prometheus, KubeScheduler, Ollama, Torchrun.
Every line is made here from event formats written for this corpus from each project's
documented default log layout (written from memory), with values from generators of this file;
no line, template or value list is copied from a real log or data set. The corpus was written
without running any template miner or evaluation tool on it.

Deterministic: fixed seed 20261210, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId, EventTemplate).

Ground-truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
quoted string, a free-text reason, a command line, a list) is one `<*>`; punctuation around a
value stays literal (`(<*>)`, `'<*>'`, `key=<*>`, `key="<*>"`, `[<*>]`); a unit attached to a
number stays literal after it (`<*>ms`); text that never changes within an event type stays
literal. Every line is built from literal pieces and value pieces, so the template and the list
of values of each line are known exactly; `write` checks that every `<*>` slot takes at least
two different values within its event type.

At the end the files are read back and checked (see `self_check`).
"""
import calendar
import csv
import os
import random
import re
import time

SEED = 20261210
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["Jupyter", "Supervisord", "Prometheus", "KubeScheduler", "Ollama", "Torchrun"]


# ------------------------------------------------------------------------------------------
# Small value generators.
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def uuid():
    return "%s-%s-4%s-%s%s-%s" % (hexid(8), hexid(4), hexid(3), R.choice("89ab"), hexid(3), hexid(12))


class Cyc:
    """Cycles through a seeded shuffle of a pool, so two calls in a row give different items
    (used for the rare event types, whose few lines must still vary in every slot)."""

    def __init__(self, pool):
        self.pool = list(pool)
        assert len(set(map(repr, self.pool))) >= 2
        R.shuffle(self.pool)
        self.i = 0

    def __call__(self):
        v = self.pool[self.i % len(self.pool)]
        self.i += 1
        return v


def go_duration(ns):
    """time.Duration.String() for a positive integer number of nanoseconds."""
    def dec(whole, frac, digits):
        f = ("%0*d" % (digits, frac)).rstrip("0")
        return "%d%s" % (whole, "." + f if f else "")
    if ns < 1000:
        return "%dns" % ns
    if ns < 10 ** 6:
        return dec(ns // 1000, ns % 1000, 3) + "\u00b5s"
    if ns < 10 ** 9:
        return dec(ns // 10 ** 6, ns % 10 ** 6, 6) + "ms"
    s, frac = divmod(ns, 10 ** 9)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    out = dec(s, frac, 9) + "s"
    if h:
        return "%dh%dm%s" % (h, m, out)
    if m:
        return "%dm%s" % (m, out)
    return out


def dur_ms(lo, hi):
    """A Go duration between lo and hi milliseconds (printed in µs, ms or s as Go does)."""
    return go_duration(R.randint(int(lo * 10 ** 6), int(hi * 10 ** 6)))


ULID_CHARS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def ulid():
    return "01J" + "".join(R.choice(ULID_CHARS) for _ in range(23))


class Clock:
    """Integer nanosecond clock starting on 2026-12-04 at a random second of the morning."""

    def __init__(self):
        self.ns = (calendar.timegm((2026, 12, 4, 8, 0, 0)) + R.randint(0, 4 * 3600)) * 10 ** 9 + R.randint(0, 10 ** 9 - 1)

    def tick(self):
        self.ns += R.randint(2 * 10 ** 6, 2400 * 10 ** 6)

    @property
    def g(self):
        return time.gmtime(self.ns // 10 ** 9)

    def frac(self, digits):
        return "%0*d" % (digits, (self.ns % 10 ** 9) // 10 ** (9 - digits))

    def ymd(self, sep="-"):
        g = self.g
        return "%04d%s%02d%s%02d" % (g.tm_year, sep, g.tm_mon, sep, g.tm_mday)

    def mmdd(self):
        g = self.g
        return "%02d%02d" % (g.tm_mon, g.tm_mday)

    def hms(self):
        g = self.g
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def iso_ms(self):
        return "%sT%s.%sZ" % (self.ymd(), self.hms(), self.frac(3))

    def epoch_ms(self):
        return self.ns // 10 ** 6


# ------------------------------------------------------------------------------------------
# Building a line: a line is a sequence of literal pieces and value pieces. `ev` fills a
# template; `kv` renders key=value fields with a quoting rule. Every generator returns
# (content, template, values).
def ev(template, *values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    vals = []
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "<*>" not in v and "\n" not in v, (template, v)
        out += [v, p]
        vals.append(v)
    return "".join(out), template, vals


class V:
    """A variable piece of a key=value field."""

    def __init__(self, value):
        self.value = str(value)


def M(template, *values):
    """A field value made of literal text and values: M('started in <*> seconds', 2.31)."""
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        out += [V(v), p]
    return [x for x in out if not (isinstance(x, str) and x == "")]


def go_escape(s):
    """Escaping inside a Go quoted string (strconv.Quote / go-logfmt) for printable text."""
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        else:
            assert ch.isprintable(), repr(s)
            out.append(ch)
    return "".join(out)


def logfmt_needs_quote(s):  # go-logfmt (go-kit log): rune <= ' ', '=', '"', or empty
    return s == "" or any(ord(ch) <= 32 or ch in '="' for ch in s)


def slog_needs_quote(s):  # log/slog TextHandler: space, '=', '"', non-printable, or empty
    return s == "" or any(ch in ' ="' or not ch.isprintable() for ch in s)


def kv(needs_quote, *pairs):
    """Renders `key=value` fields joined by spaces. A pair is (key, value) where value is a
    literal str, a V, or a list of str/V pieces (see M). The value is quoted (and escaped) when
    its whole text needs it; quotes around a variable value stay literal in the template."""
    c, t, vals = [], [], []
    for key, val in pairs:
        pieces = val if isinstance(val, list) else [val]
        raw = "".join(p.value if isinstance(p, V) else p for p in pieces)
        q = needs_quote(raw)
        esc = go_escape if q else (lambda s: s)
        cc, tt = [], []
        for p in pieces:
            if isinstance(p, V):
                assert p.value, (key, raw)
                cc.append(esc(p.value))
                tt.append("<*>")
                vals.append(esc(p.value))
            else:
                cc.append(esc(p))
                tt.append(esc(p))
        quote = '"' if q else ""
        c.append("%s=%s%s%s" % (key, quote, "".join(cc), quote))
        t.append("%s=%s%s%s" % (key, quote, "".join(tt), quote))
    return " ".join(c), " ".join(t), vals


def join(*lines):
    """Joins several (content, template, values) parts with single spaces."""
    return (" ".join(x[0] for x in lines), " ".join(x[1] for x in lines), [v for x in lines for v in x[2]])


def q(s):
    """Go %q of a printable string, without the quotes (klog structured values)."""
    return go_escape(s)


# ------------------------------------------------------------------------------------------
def write(system, clock, events, render):
    """events: list of (count, tag, gen); gen() -> (content, template, values), called after
    the clock ticked for the line; render(tag, content) -> the raw line. Counts sum to LINES;
    the order of lines is a seeded shuffle."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    assert 10 <= len(events) <= 16, system
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    R.shuffle(order)
    rows, raw = [], []
    slots = {}
    for i, k in enumerate(order):
        _, tag, gen = events[k]
        clock.tick()
        content, template, values = gen()
        assert "<*>" not in content and "\n" not in content, (system, content)
        assert len(values) == template.count("<*>"), (system, template, values)
        line = render(tag, content)
        assert line.endswith(content) and "\n" not in line, (system, line)
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(line)
        for s, v in enumerate(values):
            slots.setdefault((k, s), set()).add(v)
    for (k, s), seen in sorted(slots.items()):
        assert len(seen) >= 2, (system, "E%d" % (k + 1), "slot %d" % s, seen)
    folder = os.path.join(HERE, system)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, system + ".log"), "w", newline="", encoding="utf-8") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(folder, system + ".log_structured.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def fill_first(events):
    """The first event takes whatever lines the others leave."""
    rest = sum(e[0] for e in events[1:])
    first = events[0]
    return [(LINES - rest,) + tuple(first[1:])] + events[1:]


# ------------------------------------------------------------------------------------------
# 1. Jupyter Server (tornado-style LogFormatter, default
#    `[%(levelname)1.1s %(asctime)s.%(msecs).03d %(name)s] %(message)s`).
#    Content is what follows `] `.
def jupyter():
    c = Clock()
    kernels = [uuid() for _ in range(9)]
    kernel_names = ["python3", "python3", "ir", "julia-1.11", "conda-env-geo-py"]
    notebooks = ["work/eda.ipynb", "projects/churn/model_v3.ipynb", "Untitled1.ipynb", "scratch/sql_checks.ipynb",
                 "reports/2026-Q4/summary.ipynb", "work/etl/clean_orders.py", "shared/onboarding/README.md",
                 "projects/geo/tiles.ipynb"]
    ips = ["127.0.0.1", "127.0.0.1", "::1", "10.0.0.4", "10.0.0.17", "172.17.0.1"]

    def ms_tag():
        return c.epoch_ms() - R.randint(3, 900)

    def ok_request():
        m = ms_tag()
        k = pick(kernels)
        nb = pick(notebooks)
        choice = R.randint(0, 9)
        if choice <= 2:
            method, uri, status = "GET", pick(["/api/kernels?%d", "/api/sessions?%d", "/api/terminals?%d", "/api/me?%d", "/api/kernelspecs?%d"]) % m, pick(["200", "200", "304"])
        elif choice <= 4:
            method, uri, status = "GET", "/api/contents/%s?content=0&hash=1&%d" % (nb, m), "200"
        elif choice == 5:
            method, uri, status = "PUT", "/api/contents/%s?%d" % (nb, m), "200"
        elif choice == 6:
            method, uri, status = "POST", "/api/contents/%s/checkpoints?%d" % (nb, m), "201"
        elif choice == 7:
            method, uri, status = "GET", "/api/kernels/%s/channels?session_id=%s" % (k, uuid()), "101"
        elif choice == 8:
            method, uri, status = pick(["PATCH", "DELETE"]), "/api/sessions/%s?%d" % (uuid(), m), pick(["200", "204"])
        else:
            method, uri, status = "PUT", "/lab/api/workspaces/auto-%s?%d" % (pick("abcdefgh"), m), "204"
        return ev("<*> <*> <*> (<*>) <*>ms", status, method, uri, pick(ips), "%.2f" % R.uniform(0.4, 95))

    def bad_request():
        m = ms_tag()
        status, method, uri = pick([
            ("404", "GET", "/api/kernels/%s?%d" % (uuid(), m)),
            ("404", "GET", "/files/data/raw_%s.csv" % num(1, 40)),
            ("404", "GET", "/api/contents/old/%s.ipynb?content=1&hash=0&%d" % (pick(["draft", "backup", "tmp"]), m)),
            ("403", "POST", "/api/terminals?%d" % m),
            ("400", "PATCH", "/api/sessions/%s?%d" % (uuid(), m)),
        ])
        referer = pick(["None", "http://127.0.0.1:8888/lab/tree/%s" % pick(notebooks), "https://hub.example.org/user/ana/lab"])
        return ev("<*> <*> <*> (<*>) <*>ms referer=<*>", status, method, uri, pick(ips), "%.2f" % R.uniform(0.4, 30), referer)

    save_errors = ["[Errno 13] Permission denied: '/home/jovyan/%s'",
                   "[Errno 28] No space left on device",
                   "Notebook JSON is invalid",
                   "database is locked"]
    save_error_paths = Cyc(notebooks)
    save_error_reasons = Cyc(save_errors)

    def save_error():
        path, reason = save_error_paths(), save_error_reasons()
        return ev("Unexpected error while saving file: <*> <*>", path, reason % path if "%s" in reason else reason)
    versions = Cyc(["2.14.2", "2.15.0", "2.16.0"])
    lab_dirs = Cyc(["/opt/conda/lib/python3.12/site-packages/jupyterlab", "/usr/local/lib/python3.11/dist-packages/jupyterlab",
                    "/home/jovyan/.local/lib/python3.12/site-packages/jupyterlab"])
    untrusted = Cyc(notebooks)
    restart_counts = Cyc(["1", "2", "3", "4", "5"])

    events = [
        (0, ("D", "ServerApp"), ok_request),
        (38, ("I", "ServerApp"), lambda: ev("Saving file at <*>", "/" + pick(notebooks))),
        (25, ("I", "ServerApp"), lambda: ev("Connecting to kernel <*>.", pick(kernels))),
        (22, ("I", "ServerApp"), lambda: ev("Kernel started: <*>, name: <*>", pick(kernels), pick(kernel_names))),
        (17, ("I", "ServerApp"), lambda: ev("Starting buffering for <*>:<*>", pick(kernels), uuid())),
        (15, ("I", "ServerApp"), lambda: ev("Kernel shutdown: <*>", pick(kernels))),
        (13, ("I", "ServerApp"), lambda: ev("Kernel restarted: <*>", pick(kernels))),
        (12, ("I", "ServerApp"), lambda: ev("Culling '<*>' kernel '<*>' (<*>) with <*> connections due to <*> seconds of inactivity.",
                                            pick(["idle", "idle", "busy", "starting"]), pick(kernel_names), pick(kernels), pick(["0", "0", "1", "2"]),
                                            pick(["3600", "3602", "7201", "1800"]))),
        (10, ("W", "ServerApp"), bad_request),
        (8, ("W", "ServerApp"), lambda: ev("AsyncIOLoopKernelRestarter: restarting kernel (<*>/5), keep random ports", restart_counts())),
        (6, ("W", "ServerApp"), lambda: ev("Replacing stale connection: <*>:<*>", pick(kernels), uuid())),
        (4, ("E", "ServerApp"), save_error),
        (3, ("W", "ServerApp"), lambda: ev("Notebook <*> is not trusted", untrusted())),
        (3, ("I", "LabApp"), lambda: ev("JupyterLab extension loaded from <*>", lab_dirs())),
        (2, ("I", "ServerApp"), lambda: ev("Jupyter Server <*> is running at:", versions())),
        (2, ("E", "ServerApp"), lambda: ev("AsyncIOLoopKernelRestarter: restart failed")),
    ]
    events = fill_first(events)

    def render(tag, content):
        level, app = tag
        return "[%s %s %s.%s %s] %s" % (level, c.ymd(), c.hms(), c.frac(3), app, content)
    write("Jupyter", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. Supervisord main log (`%(asctime)s %(levelname)s %(message)s`, asctime with `,mmm`).
#    Content is what follows the level word and its space.
def supervisord():
    c = Clock()
    startsecs = {"worker_00": 5, "worker_01": 5, "worker_02": 5, "worker_03": 5, "celery_beat": 10, "nginx": 1,
                 "php-fpm": 1, "queue_consumer_01": 3, "queue_consumer_02": 3, "redis_exporter": 1, "cron_runner": 10}
    programs = list(startsecs)

    def exited():
        code = pick(["0", "0", "1", "1", "1", "2", "127", "75"])
        return ev("exited: <*> (exit status <*>; <*>)", pick(programs), code, "expected" if code in ("0", "75") else "not expected")

    def waiting():
        names = R.sample(programs, pick([1, 1, 1, 2, 3]))
        return ev("waiting for <*> to die", ", ".join(names))

    signals = Cyc(["SIGTERM", "SIGINT", "SIGQUIT"])
    reaped_codes = Cyc(["0", "1", "2"])
    pools = Cyc(["crashmail", "memmon", "httpok_listener"])
    missing = Cyc(["/opt/app/bin/consumer", "celery", "/usr/local/bin/exporter-v2"])
    includes = Cyc(["/etc/supervisor/conf.d/workers.conf", "/etc/supervisor/conf.d/nginx.conf", "/etc/supervisor/conf.d/exporters.conf"])
    events = [
        (0, "INFO", lambda: ev("spawned: '<*>' with pid <*>", pick(programs), num(1200, 64000))),
        (66, "INFO", lambda: (lambda p: ev("success: <*> entered RUNNING state, process has stayed up for > than <*> seconds (startsecs)", p, startsecs[p]))(pick(programs))),
        (47, "INFO", exited),
        (20, "INFO", lambda: ev("stopped: <*> (<*>)", pick(programs), pick(["terminated by SIGTERM", "terminated by SIGTERM", "exit status 0", "terminated by SIGKILL", "exit status 143"]))),
        (18, "INFO", waiting),
        (14, "INFO", lambda: ev("exited: <*> (terminated by <*>; not expected)", pick(programs), pick(["SIGKILL", "SIGKILL", "SIGSEGV", "SIGABRT"]))),
        (10, "INFO", lambda: ev("gave up: <*> entered FATAL state, too many start retries too quickly", pick(programs))),
        (8, "WARN", lambda: ev("killing '<*>' (<*>) with SIGKILL", pick(programs), num(1200, 64000))),
        (6, "CRIT", lambda: ev("reaped unknown pid <*> (exit status <*>)", num(1200, 64000), reaped_codes())),
        (5, "WARN", lambda: ev("received <*> indicating exit request", signals())),
        (5, "INFO", lambda: ev("supervisord started with pid <*>", num(1, 900))),
        (4, "INFO", lambda: ev("RPC interface 'supervisor' initialized")),
        (3, "CRIT", lambda: ev("Server 'unix_http_server' running without any HTTP authentication checking")),
        (3, "ERRO", lambda: ev("pool <*> event buffer overflowed, discarding event <*>", pools(), num(1, 9000))),
        (2, "INFO", lambda: ev("spawnerr: can't find command '<*>'", missing())),
        (2, "INFO", lambda: ev("Included extra file \"<*>\" during parsing", includes())),
    ]
    events = fill_first(events)

    def render(level, content):
        return "%s %s,%s %s %s" % (c.ymd(), c.hms(), c.frac(3), level, content)
    write("Supervisord", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. Prometheus (go-kit logfmt: `ts=<ms UTC> caller=<file:line> level=<lvl> component=... msg=...
#    k=v ...`; a value is quoted when it holds a space, '=' or '"'). Content is everything after
#    `level=<lvl> ` (keys and quotes stay literal).
def prometheus():
    c = Clock()
    L = logfmt_needs_quote
    jobs = {
        "node": lambda: "http://10.0.%d.%d:9100/metrics" % (R.randint(1, 6), R.randint(2, 250)),
        "kubelet-cadvisor": lambda: "https://10.0.%d.%d:10250/metrics/cadvisor" % (R.randint(1, 6), R.randint(2, 250)),
        "spring-apps": lambda: "http://10.244.%d.%d:8080/actuator/prometheus" % (R.randint(0, 12), R.randint(2, 250)),
        "postgres-exporter": lambda: "http://10.0.%d.%d:9187/metrics" % (R.randint(1, 6), R.randint(2, 250)),
        "redis": lambda: "http://10.244.%d.%d:9121/metrics" % (R.randint(0, 12), R.randint(2, 250)),
    }

    def hostport(url):
        return url.split("/")[2]

    def scrape_failed():
        job = pick(list(jobs))
        target = jobs[job]()
        err = pick([
            'Get "%s": context deadline exceeded' % target,
            'Get "%s": dial tcp %s: connect: connection refused' % (target, hostport(target)),
            "server returned HTTP status 503 Service Unavailable",
            "server returned HTTP status 401 Unauthorized",
            "read tcp 10.0.0.12:%d->%s: read: connection reset by peer" % (R.randint(30000, 60000), hostport(target)),
            "body size limit exceeded",
        ])
        return kv(L, ("component", "scrape manager"), ("scrape_pool", V(job)), ("target", V(target)),
                  ("msg", "Scrape failed"), ("err", V(err)))

    def block_window(blocks=1):
        mint = (c.epoch_ms() // 7200000 - R.randint(2, 60)) * 7200000
        return mint, mint + blocks * 7200000

    def write_block():
        mint, maxt = block_window()
        return kv(L, ("component", "tsdb"), ("msg", "write block"), ("mint", V(mint)), ("maxt", V(maxt)),
                  ("ulid", V(ulid())), ("duration", V(dur_ms(150, 9000))))

    def compact():
        n = pick([2, 3, 3])
        mint, maxt = block_window(n)
        return kv(L, ("component", "tsdb"), ("msg", "compact blocks"), ("count", V(n)), ("mint", V(mint)), ("maxt", V(maxt)),
                  ("ulid", V(ulid())), ("sources", M("[<*>]", " ".join(ulid() for _ in range(n)))), ("duration", V(dur_ms(400, 30000))))

    rules = [
        ("/etc/prometheus/rules/node.yml", "node.rules", "NodeFilesystemAlmostFull",
         "alert: NodeFilesystemAlmostFull\nexpr: node_filesystem_avail_bytes{fstype!=\"tmpfs\"} / node_filesystem_size_bytes < 0.07\nfor: 15m\nlabels:\n  severity: warning\n"),
        ("/etc/prometheus/rules/node.yml", "node.rules", "instance:cpu_busy:rate5m",
         "record: instance:cpu_busy:rate5m\nexpr: 1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[5m]))\n"),
        ("/etc/prometheus/rules/checkout.yml", "checkout-slo", "CheckoutLatencyBudgetBurn",
         "alert: CheckoutLatencyBudgetBurn\nexpr: histogram_quantile(0.99, sum by (le) (rate(http_server_duration_seconds_bucket{service=\"checkout\"}[10m]))) > 1.2\nfor: 5m\n"),
        ("/etc/prometheus/rules/db.yml", "postgres", "PostgresReplicationLagHigh",
         "alert: PostgresReplicationLagHigh\nexpr: pg_replication_lag_seconds * on (instance) group_left (role) pg_instance_role > 30\n"),
    ]
    rule_errors = [
        "vector contains metrics with the same labelset after applying alert labels",
        "found duplicate series for the match group {instance=\"10.0.3.7:9187\"} on the right hand-side of the operation: [{__name__=\"pg_instance_role\", instance=\"10.0.3.7:9187\", role=\"primary\"}]; many-to-many matching not allowed: matching labels must be unique on one side",
        "query timed out in expression evaluation",
        "query processing would load too many samples into memory in query execution",
    ]

    def rule_failed():
        f, g, name, rule = pick(rules)
        return kv(L, ("component", "rule manager"), ("file", V(f)), ("group", V(g)), ("name", V(name)), ("index", V(R.randint(0, 11))),
                  ("msg", "Evaluating rule failed"), ("rule", V(rule)), ("err", V(pick(rule_errors))))

    ams = ["http://10.0.5.%d:9093/api/v2/alerts" % i for i in (3, 4, 9)]

    def alert_failed():
        am = pick(ams)
        err = pick(['Post "%s": context deadline exceeded' % am,
                    'Post "%s": dial tcp %s: connect: no route to host' % (am, hostport(am)),
                    "bad response status 500 Internal Server Error"])
        return kv(L, ("component", "notifier"), ("alertmanager", V(am)), ("count", V(R.randint(1, 64))), ("msg", "Error sending alert"), ("err", V(err)))

    remotes = [("5f0c2e", "https://mimir.example.net/api/v1/push"), ("longterm", "https://metrics-archive.example.org/prometheus/api/v1/write"),
               ("a91d47", "https://ingest.example.com/api/prom/push")]

    def remote_failed():
        name, url = pick(remotes)
        err = pick(['Post "%s": context deadline exceeded' % url,
                    "server returned HTTP status 429 Too Many Requests: ingestion rate limit (20000) exceeded",
                    'Post "%s": dial tcp: lookup %s on 10.96.0.10:53: no such host' % (url, url.split("/")[2]),
                    "server returned HTTP status 500 Internal Server Error: upstream error"])
        return kv(L, ("component", "remote"), ("remote_name", V(name)), ("url", V(url)), ("msg", "Failed to send batch, retrying"), ("err", V(err)))

    remote_cyc = Cyc(remotes)

    def resharding():
        name, url = remote_cyc()
        a = R.randint(1, 40)
        b = max(1, a + R.choice([-1, 1]) * R.randint(1, 12))
        return kv(L, ("component", "remote"), ("remote_name", V(name)), ("url", V(url)), ("msg", "Remote storage resharding"), ("from", V(a)), ("to", V(b)))

    sd = Cyc([("kubernetes", "kubernetes-pods", "unable to load specified CA cert /etc/prometheus/secrets/kube-ca/ca.crt: open /etc/prometheus/secrets/kube-ca/ca.crt: no such file or directory"),
              ("consul", "consul-services", "invalid \"server\" address for consul: missing port in address"),
              ("kubernetes", "kubernetes-endpoints", "could not read bearer token file: permission denied")])

    def sd_failed():
        d, cfg, err = sd()
        return kv(L, ("component", "discovery manager scrape"), ("discovery", V(d)), ("config", V(cfg)), ("msg", "Cannot create service discovery"), ("err", V(err)))

    config_files = Cyc(["/etc/prometheus/prometheus.yml", "/etc/prometheus/config_out/prometheus.env.yaml"])

    def config_loaded():
        small = lambda: go_duration(R.randint(400, 90000))
        return kv(L, ("msg", "Completed loading of configuration file"), ("filename", V(config_files())), ("totalDuration", V(dur_ms(2, 240))),
                  ("db_storage", V(small())), ("remote_storage", V(small())), ("web_handler", V(small())), ("query_engine", V(small())),
                  ("scrape", V(dur_ms(0.05, 3))), ("scrape_sd", V(dur_ms(0.05, 3))), ("notify", V(small())), ("rules", V(dur_ms(1, 200))))

    versions = Cyc(["2.53.3", "2.54.1", "3.1.0"])
    wal_errors = Cyc(["corruption in segment /prometheus/wal/00004312 at 98304: unexpected full record",
                      "corruption in segment /prometheus/wal/00000871 at 32768: last record is torn",
                      "read /prometheus/wal/00002219: input/output error"])
    events = [
        (0, ("debug", "scrape.go:1412"), scrape_failed),
        (45, ("info", "head.go:1296"), lambda: kv(L, ("component", "tsdb"), ("msg", "Head GC completed"), ("caller", "truncateMemory"), ("duration", V(dur_ms(0.3, 85))))),
        (28, ("info", "compact.go:575"), write_block),
        (24, ("warn", "manager.go:192"), rule_failed),
        (20, ("info", "db.go:1687"), lambda: kv(L, ("component", "tsdb"), ("msg", "Deleting obsolete block"), ("block", V(ulid())))),
        (17, ("info", "compact.go:514"), compact),
        (15, ("info", "head.go:1265"), lambda: (lambda a: kv(L, ("component", "tsdb"), ("msg", "WAL checkpoint complete"), ("first", V(a)), ("last", V(a + R.randint(1, 3))), ("duration", V(dur_ms(20, 2500)))))(R.randint(800, 9000))),
        (12, ("error", "notifier.go:553"), alert_failed),
        (10, ("warn", "queue_manager.go:1711"), remote_failed),
        (7, ("info", "main.go:1392"), config_loaded),
        (6, ("info", "queue_manager.go:1093"), resharding),
        (5, ("error", "manager.go:212"), sd_failed),
        (4, ("warn", "head_wal.go:821"), lambda: kv(L, ("component", "tsdb"), ("msg", "Encountered WAL read error, attempting repair"), ("err", V(wal_errors())))),
        (3, ("info", "main.go:640"), lambda: kv(L, ("msg", "Starting Prometheus Server"), ("mode", "server"), ("version", M("(version=<*>, branch=HEAD, revision=<*>)", versions(), hexid(40))))),
        (3, ("info", "main.go:1352"), lambda: kv(L, ("msg", "Server is ready to receive web requests."))),
    ]
    events = fill_first(events)

    def render(tag, content):
        level, caller = tag
        return "ts=%s caller=%s level=%s %s" % (c.iso_ms(), caller, level, content)
    write("Prometheus", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. kube-scheduler (klog text header `Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg`; structured
#    lines `"msg" key="value" key=number`, strings quoted with %q; older lines are plain text).
#    Content is what follows `] `.
def kube_scheduler():
    c = Clock()
    namespaces = ["default", "payments", "ml-jobs", "monitoring", "search", "batch"]
    apps = ["web", "checkout-api", "ledger-worker", "feature-store", "grafana", "indexer", "etl-runner", "notifier"]
    nodes = ["node-pool-a-7f3k2", "node-pool-a-9qx1m", "node-pool-b-2cd8w", "gpu-pool-l40s-4h7tz",
             "ip-10-0-12-41.eu-west-1.compute.internal", "ip-10-0-33-7.eu-west-1.compute.internal"]
    alnum = "bcdfghjklmnpqrstvwxz2456789"

    def pod():
        ns = pick(namespaces)
        if ns in ("ml-jobs", "batch") and R.random() < 0.6:
            return "%s/%s-%s-worker-%d" % (ns, pick(["train-resnet", "nightly-dedupe", "embed-backfill"]), num(10000, 99999), R.randint(0, 7))
        return "%s/%s-%s-%s" % (ns, pick(apps), "".join(R.choice(alnum) for _ in range(10)), "".join(R.choice(alnum) for _ in range(5)))

    def no_fit():
        total = R.randint(3, 14)
        reasons = ["Insufficient cpu", "Insufficient memory", "Insufficient nvidia.com/gpu",
                   "node(s) had untolerated taint {dedicated: gpu}", "node(s) didn't match Pod's node affinity/selector",
                   "node(s) had volume node affinity conflict", "node(s) didn't have free ports for the requested pod ports"]
        chosen = R.sample(reasons, R.randint(1, min(3, total)))
        cuts = sorted(R.sample(range(1, total), len(chosen) - 1)) if len(chosen) > 1 else []
        sizes = [b - a for a, b in zip([0] + cuts, cuts + [total])]
        part = ", ".join("%d %s" % (n, r) for n, r in sorted(zip(sizes, chosen)))
        victims = R.randint(0, total)
        pre = []
        if victims:
            pre.append("%d No preemption victims found for incoming pod" % victims)
        if total - victims:
            pre.append("%d Preemption is not helpful for scheduling" % (total - victims))
        return "0/%d nodes are available: %s. preemption: 0/%d nodes are available: %s." % (total, part, total, ", ".join(pre))

    def sched_error():
        p = pod()
        name = p.split("/")[1]
        return pick([
            'binding rejected: running Bind plugin "DefaultBinder": Operation cannot be fulfilled on pods/binding "%s": pod %s is already assigned to node "%s"' % (name, name, pick(nodes)),
            'running PreBind plugin "VolumeBinding": binding volumes: context deadline exceeded',
            'Post "https://10.96.0.1:443/api/v1/namespaces/%s/pods/%s/binding": http2: client connection lost' % tuple(p.split("/")),
            'running Reserve plugin "VolumeBinding": pod has unbound immediate PersistentVolumeClaims',
        ]), p

    lock_errors = Cyc([
        'Get "https://10.96.0.1:443/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-scheduler?timeout=5s": context deadline exceeded',
        'leases.coordination.k8s.io "kube-scheduler" is forbidden: User "system:kube-scheduler" cannot get resource "leases" in API group "coordination.k8s.io" in the namespace "kube-system"',
        "etcdserver: request timed out",
        'Get "https://10.96.0.1:443/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-scheduler?timeout=5s": net/http: request canceled (Client.Timeout exceeded while awaiting headers)',
    ])
    renew_errors = Cyc(["timed out waiting for the condition", "context deadline exceeded",
                        'Put "https://10.96.0.1:443/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-scheduler?timeout=5s": http2: client connection lost'])

    def list_failed():
        kind = pick([("*v1.Pod", "pods?fieldSelector=status.phase%21%3DSucceeded%2Cstatus.phase%21%3DFailed&limit=500&resourceVersion=0", "pods"),
                     ("*v1.Node", "nodes?limit=500&resourceVersion=0", "nodes"),
                     ("*v1.PersistentVolumeClaim", "persistentvolumeclaims?limit=500&resourceVersion=0", "persistentvolumeclaims"),
                     ("*v1.CSINode", "csinodes?limit=500&resourceVersion=0", "csinodes")])
        api = "apis/storage.k8s.io/v1/" if kind[2] == "csinodes" else "api/v1/"
        reason = pick(['Get "https://10.96.0.1:443/%s%s": dial tcp 10.96.0.1:443: connect: connection refused' % (api, kind[1]),
                       '%s is forbidden: User "system:kube-scheduler" cannot list resource "%s" in API group "%s" at the cluster scope' % (kind[2], kind[2], "storage.k8s.io" if kind[2] == "csinodes" else ""),
                       'an error on the server ("") has prevented the request from succeeding'])
        return ev("<*>: failed to list <*>: <*>", pick(["k8s.io/client-go/informers/factory.go:160", "k8s.io/client-go/informers/factory.go:159"]), kind[0], reason)

    versions = Cyc(["v1.31.4", "v1.32.1", "v1.32.3"])
    serving = Cyc(["[::]:10259", "127.0.0.1:10259"])
    events = [
        (0, ("I", "schedule_one.go:314"), lambda: ev('"Successfully bound pod to node" pod="<*>" node="<*>" evaluatedNodes=<*> feasibleNodes=<*>',
                                                  pod(), pick(nodes), R.randint(3, 14), R.randint(1, 3))),
        (50, ("I", "schedule_one.go:1055"), lambda: ev('"Unable to schedule pod; no fit; waiting" pod="<*>" err="<*>"', pod(), q(no_fit()))),
        (30, ("I", "schedule_one.go:93"), lambda: ev('"Attempting to schedule pod" pod="<*>"', pod())),
        (22, ("I", "eventhandlers.go:149"), lambda: ev('"Add event for unscheduled pod" pod="<*>"', pod())),
        (20, ("E", "schedule_one.go:1088"), lambda: (lambda e, p: ev('"Error scheduling pod; retrying" err="<*>" pod="<*>"', q(e), p))(*sched_error())),
        (14, ("I", "eventhandlers.go:232"), lambda: ev('"Delete event for scheduled pod" pod="<*>"', pod())),
        (11, ("W", "schedule_one.go:1114"), lambda: ev('"Pod has been assigned to node. Abort adding it back to queue." pod="<*>" node="<*>"', pod(), pick(nodes))),
        (10, ("W", "reflector.go:561"), list_failed),
        (8, ("E", "leaderelection.go:436"), lambda: ev("error retrieving resource lock kube-system/kube-scheduler: <*>", lock_errors())),
        (6, ("I", "leaderelection.go:257"), lambda: ev("attempting to acquire leader lease kube-system/kube-scheduler...")),
        (5, ("I", "preemption.go:241"), lambda: ev('"Preempting victim pod to make room" preemptor="<*>" victim="<*>" node="<*>"', pod(), pod(), pick(nodes))),
        (4, ("I", "leaderelection.go:271"), lambda: ev("successfully acquired lease kube-system/kube-scheduler")),
        (3, ("E", "leaderelection.go:347"), lambda: ev("failed to renew lease kube-system/kube-scheduler: <*>", renew_errors())),
        (3, ("I", "server.go:167"), lambda: ev('"Starting Kubernetes Scheduler" version="<*>"', versions())),
        (2, ("I", "secure_serving.go:213"), lambda: ev("Serving securely on <*>", serving())),
    ]
    events = fill_first(events)

    def render(tag, content):
        level, caller = tag
        return "%s%s %s.%s %7d %s] %s" % (level, c.mmdd(), c.hms(), c.frac(6), 1, caller, content)
    write("KubeScheduler", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Ollama server: Go log/slog TextHandler lines `time=<ms> level=INFO source=file.go:N msg=...
#    k=v` (Content = everything after `level=<LVL> `, so `source=` is part of it) mixed with gin's
#    default access log `[GIN] 2006/01/02 - 15:04:05 | 200 |   1.234567ms |       127.0.0.1 | POST
#    "/api/generate"` (Content = the whole line after `[GIN] `; the date and time are one value,
#    and gin's column padding belongs to no value: the template has one space around each hole).
def ollama():
    c = Clock()
    S = slog_needs_quote
    models = [(hexid(64), 33), (hexid(64), 49), (hexid(64), 47), (hexid(64), 41), (hexid(64), 29)]
    gpus = [("GPU-" + uuid(), "NVIDIA GeForce RTX 4090", 23.6, "8.9", "v12", "12.4"),
            ("GPU-" + uuid(), "NVIDIA L40S", 44.4, "8.9", "v12", "12.6"),
            ("GPU-" + uuid(), "NVIDIA RTX A6000", 47.5, "8.6", "v11", "11.8")]

    def blob(m):
        return "/root/.ollama/models/blobs/sha256-" + m[0]

    def gib(x):
        return "%.1f GiB" % x

    def size_of(x):
        return gib(x) if x >= 1 else "%.1f MiB" % (x * 1024)

    def required():
        full = R.uniform(2.5, 52)
        part = full * R.uniform(0.35, 1)
        return full, part, part * R.uniform(0.04, 0.3)

    def gin():
        path, method, slow = pick([("/api/chat", "POST", True), ("/api/chat", "POST", True), ("/api/generate", "POST", True),
                                   ("/v1/chat/completions", "POST", True), ("/api/embed", "POST", False), ("/api/tags", "GET", False),
                                   ("/api/ps", "GET", False), ("/api/show", "POST", False), ("/api/version", "GET", False), ("/", "HEAD", False),
                                   ("/api/blobs/sha256:" + hexid(64), "HEAD", False), ("/api/pull", "POST", True)])
        status = pick(["200"] * 12 + ["400", "404", "500"])
        ns = R.randint(800 * 10 ** 6, 45 * 10 ** 9) if slow else R.randint(20 * 10 ** 3, 90 * 10 ** 6)
        lat = go_duration(ns)
        ip = pick(["127.0.0.1", "127.0.0.1", "172.17.0.1", "10.0.0.23", "::1"])
        stamp = "%s - %s" % (c.ymd("/"), c.hms())
        qpath = '"%s"' % path
        content = "%s | %s | %13s | %15s | %-7s  %s" % (stamp, status, lat, ip, method, qpath)
        return content, '<*> | <*> | <*> | <*> | <*> "<*>"', [stamp, status, lat, ip, method, path]

    def src(where):
        return ("source", where)

    def runner_cmd():
        m = pick(models)
        exe = pick(["/usr/lib/ollama/runners/cuda_v12_avx/ollama_llama_server", "/usr/local/bin/ollama runner"])
        return "%s --model %s --ctx-size %d --batch-size 512 --n-gpu-layers %d --threads %d --parallel %d --port %d" % (
            exe, blob(m), pick([2048, 4096, 8192, 16384, 32768]), R.randint(0, m[1]), pick([8, 16, 24]), pick([1, 2, 4]), R.randint(32768, 60999))

    def offload():
        m = pick(models)
        g = R.sample(gpus, pick([1, 1, 2]))
        return kv(S, src("memory.go:343"), ("msg", "offload"), ("library", "cuda"), ("layers.requested", V(pick(["-1", "-1", "99", "20"]))),
                  ("layers.model", V(m[1])), ("layers.offload", V(R.randint(0, m[1]))), ("layers.split", ""),
                  ("memory.available", M("[<*>]", " ".join(gib(x[2] - R.uniform(0.3, 4)) for x in g))),
                  *(lambda full, part, kvm: (("memory.required.full", V(gib(full))), ("memory.required.partial", V(gib(part))),
                                             ("memory.required.kv", V(size_of(kvm)))))(*required()))

    def fits():
        m, g = pick(models), pick(gpus)
        return kv(S, src("sched.go:730"), ("msg", "new model will fit in available VRAM in single GPU, loading"), ("model", V(blob(m))),
                  ("gpu", V(g[0])), ("parallel", V(pick([1, 2, 4]))), ("available", V(int((g[2] - R.uniform(0.3, 4)) * 2 ** 30))),
                  ("required", V(gib(R.uniform(1.5, 20)))))

    load_errors = Cyc(["llama runner process has terminated: exit status 2",
                       "timed out waiting for llama runner to start - progress 0.42 - ",
                       "llama runner process has terminated: error loading model: unable to allocate CUDA0 buffer",
                       "unable to load model: " + blob(models[3])])
    gpu_cyc = Cyc(gpus)

    def compute():
        g = gpu_cyc()
        return kv(S, src("types.go:131"), ("msg", "inference compute"), ("id", V(g[0])), ("library", "cuda"), ("variant", V(g[4])),
                  ("compute", V(g[3])), ("driver", V(g[5])), ("name", V(g[1])), ("total", V(gib(g[2]))), ("available", V(gib(g[2] - R.uniform(0.2, 1.5)))))

    listen = Cyc([("127.0.0.1:11434", "0.5.7"), ("[::]:11434", "0.6.2"), ("0.0.0.0:11434", "0.5.12")])
    events = [
        (0, "GIN", gin),
        (30, "INFO", lambda: kv(S, src("server.go:594"), ("msg", M("llama runner started in <*> seconds", "%.2f" % R.uniform(0.8, 45))))),
        (29, "INFO", lambda: kv(S, src("server.go:376"), ("msg", "starting llama server"), ("cmd", V(runner_cmd())))),
        (27, "INFO", offload),
        (20, "INFO", fits),
        (15, "INFO", lambda: kv(S, src("server.go:585"), ("msg", "waiting for server to become available"), ("status", V(pick(["llm server loading model", "llm server loading model", "llm server not responding", "llm server error"]))))),
        (12, "INFO", lambda: (lambda g: kv(S, src("sched.go:514"), ("msg", "updated VRAM based on existing loaded models"), ("gpu", V(g[0])), ("library", "cuda"),
                                           ("total", V(gib(g[2]))), ("available", V(gib(g[2] - R.uniform(1, 20))))))(pick(gpus))),
        (10, "WARN", lambda: kv(S, src("sched.go:647"), ("msg", "gpu VRAM usage didn't recover within timeout"), ("seconds", V("%.9f" % R.uniform(5, 5.6))), ("model", V(blob(pick(models)))))),
        (8, "WARN", lambda: kv(S, src("server.go:136"), ("msg", "requested context size too large for model"), ("num_ctx", V(pick([65536, 131072, 262144]))),
                               ("num_parallel", V(pick([1, 2, 4]))), ("n_ctx_train", V(pick([8192, 32768, 131072]))))),
        (6, "ERROR", lambda: kv(S, src("sched.go:455"), ("msg", "error loading llama server"), ("error", V(load_errors())))),
        (4, "INFO", compute),
        (4, "INFO", lambda: kv(S, src("images.go:432"), ("msg", M("total blobs: <*>", R.randint(3, 400))))),
        (3, "INFO", lambda: kv(S, src("images.go:439"), ("msg", M("total unused blobs removed: <*>", R.randint(0, 40))))),
        (3, "INFO", lambda: (lambda a: kv(S, src("routes.go:1238"), ("msg", M("Listening on <*> (version <*>)", *a))))(listen())),
    ]
    events = fill_first(events)

    def render(level, content):
        if level == "GIN":
            return "[GIN] " + content
        return "time=%s level=%s %s" % (c.iso_ms(), level, content)
    write("Ollama", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. torchrun (PyTorch distributed): c10 glog-like lines `[Lmmdd hh:mm:ss.uuuuuu file.cpp:N] msg`
#    (Content = after the first `] `), Python logging's default `LEVEL:logger:message`
#    (Content = after the second `:`), and NCCL's `host:pid:tid [dev] NCCL INFO msg`
#    (Content = after `NCCL INFO ` / `NCCL WARN `).
def torchrun():
    c = Clock()
    hosts = ["gpu-node-01", "gpu-node-02", "gpu-node-03", "gpu-node-04"]
    procs = {h: (R.randint(2000, 90000), [R.randint(2000, 90000) for _ in range(8)]) for h in hosts}

    def ring():
        n = pick([4, 8, 8])
        order = list(range(1, n))
        if R.random() < 0.5:
            R.shuffle(order)
        return " ".join(map(str, [0] + order))

    def p2p():
        a = R.randint(0, 15)
        b = (a + 1) % 16
        transport = pick(["P2P/CUMEM/read", "P2P/IPC", "SHM/direct/direct", "NET/IB/0/GDRDMA", "NET/Socket/0"])
        return ev("Channel <*>/0 : <*>[<*>] -> <*>[<*>] via <*>", "%02d" % R.randint(0, 15), a, a % 8, b, b % 8, transport)

    def init_complete():
        n = pick([8, 16, 32])
        r = R.randint(0, n - 1)
        return ev("comm <*> rank <*> nranks <*> cudaDev <*> nvmlDev <*> busId <*> commId <*> - Init COMPLETE",
                  "0x" + hexid(12), r, n, r % 8, r % 8, pick(["1b000", "29000", "3d000", "4f000", "9a000", "ba000", "cc000", "db000"]), "0x" + hexid(16))

    errnos = [("111", "Connection refused"), ("111", "Connection refused"), ("110", "Connection timed out"), ("113", "No route to host")]

    def client_fail():
        e = pick(errnos)
        return ev("[c10d] The client socket has failed to connect to [<*>]:<*> (errno: <*> - <*>).",
                  pick(hosts + ["localhost", "10.1.0.5"]), pick(["29500", "29500", "29400"]), e[0], e[1])

    def watchdog():
        timeout = pick([600000, 1800000])
        return ev("[Rank <*>] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=<*>, OpType=<*>, NumelIn=<*>, NumelOut=<*>, Timeout(ms)=<*>) ran for <*> milliseconds before timing out.",
                  R.randint(0, 31), R.randint(2, 90000), pick(["ALLREDUCE", "BROADCAST", "ALLGATHER", "_REDUCE_SCATTER_BASE"]),
                  *(lambda n: (n, n))(pick([1, 2048, 25690112, 131334144])), timeout, timeout + R.randint(3, 900))

    def pg_init():
        size = pick([8, 16, 32])
        rank = R.randint(0, size - 1)
        pg = pick([0, 0, 1, 2])
        return ev("[PG <*> Rank <*>] ProcessGroupNCCL initialization options: size: <*>, global rank: <*>, TIMEOUT(ms): <*>, USE_HIGH_PRIORITY_STREAM: 0, PG Name: <*>",
                  pg, rank, size, rank, pick([600000, 1800000]), pg)

    pg_errors = Cyc(["CUDA error: an illegal memory access was encountered",
                     "NCCL error: remote process exited or there was a network error, NCCL version 2.21.5",
                     "Connection reset by peer"])
    bind_addrs = Cyc(["[::]:29500", "0.0.0.0:29500", "[::]:29400"])
    death = Cyc(["SIGTERM", "SIGINT", "SIGHUP"])
    nets = Cyc(["IB", "Socket"])
    ib_events = Cyc(["port error", "GID table change", "local catastrophic error"])
    wg_states = Cyc(["FAILED", "FAILED", "UNHEALTHY"])
    binaries = ["/usr/bin/python3", "/opt/conda/bin/python", "/workspace/.venv/bin/python3.11"]

    def worker_group():
        total = pick([3, 5])
        return ev("[default] Worker group <*>. <*>/<*> attempts left; will restart worker group", wg_states(), R.randint(1, total - 1), total)

    def joined():
        return ev("The node '<*>' has joined round <*> of the rendezvous '<*>' as rank <*> in a world of size <*>.",
                  "%s_%d_0" % (pick(hosts), R.randint(2000, 90000)), R.randint(0, 4), pick(["llm-pretrain-7b", "vit-finetune-0412"]), R.randint(0, 3), pick([2, 4]))

    events = [
        (0, ("nccl", "INFO"), lambda: (lambda n: ev("Channel <*>/<*> : <*>", "%02d" % R.randint(0, n - 1), "%02d" % n, ring()))(pick([2, 4, 8, 16]))),
        (35, ("py", "WARNING:torch.distributed.elastic.multiprocessing.api"), lambda: ev("Sending process <*> closing signal <*>", R.randint(2000, 90000), pick(["SIGTERM", "SIGTERM", "SIGTERM", "SIGKILL"]))),
        (30, ("nccl", "INFO"), p2p),
        (20, ("c10", "W", "socket.cpp:752"), client_fail),
        (15, ("py", "INFO:torch.distributed.elastic.agent.server.api"), lambda: ev("[default] Starting worker group")),
        (14, ("py", "INFO:torch.distributed.elastic.rendezvous.dynamic_rendezvous"), joined),
        (12, ("nccl", "INFO"), init_complete),
        (12, ("c10", "I", "ProcessGroupNCCL.cpp:926"), pg_init),
        (10, ("py", "ERROR:torch.distributed.elastic.multiprocessing.api"), lambda: ev("failed (exitcode: <*>) local_rank: <*> (pid: <*>) of binary: <*>",
                                                                                     pick(["1", "1", "-9", "-6", "-11"]), R.randint(0, 7), R.randint(2000, 90000), pick(binaries))),
        (8, ("c10", "E", "ProcessGroupNCCL.cpp:632"), watchdog),
        (7, ("py", "INFO:torch.distributed.elastic.agent.server.api"), worker_group),
        (5, ("c10", "W", "socket.cpp:464"), lambda: ev("[c10d] The server socket has failed to bind to <*> (errno: 98 - Address already in use).", bind_addrs())),
        (4, ("c10", "E", "ProcessGroupNCCL.cpp:1593"), lambda: ev("[PG <*> Rank <*>] Process group watchdog thread terminated with exception: <*>", R.randint(0, 3), R.randint(0, 31), pg_errors())),
        (4, ("nccl", "INFO"), lambda: ev("Using network <*>", nets())),
        (3, ("nccl", "WARN"), lambda: ev("NET/IB : Got async event : <*>", ib_events())),
        (3, ("py", "WARNING:torch.distributed.elastic.agent.server.api"), lambda: ev("Received <*> death signal, shutting down workers", death())),
    ]
    events = fill_first(events)

    def render(tag, content):
        kind = tag[0]
        if kind == "py":
            return "%s:%s" % (tag[1], content)
        if kind == "c10":
            return "[%s%s %s.%s %s] %s" % (tag[1], c.mmdd(), c.hms(), c.frac(6), tag[2], content)
        host = pick(hosts)
        pid, tids = procs[host]
        dev = R.randint(0, 7)
        return "%s:%d:%d [%d] NCCL %s %s" % (host, pid, tids[dev], dev, tag[1], content)
    write("Torchrun", c, events, render)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile(".+?".join(re.escape(p) for p in template.split("<*>")), re.S)


# How the Content of a raw line is cut out, per system (the documented rule of README.md).
def cut_content(system, line):
    if system == "Jupyter":
        return line.split("] ", 1)[1]
    if system == "Supervisord":
        return line.split(" ", 3)[3]
    if system == "Prometheus":
        return re.match(r"ts=\S+ caller=\S+ level=\w+ (.*)$", line).group(1)
    if system == "KubeScheduler":
        return line.split("] ", 1)[1]
    if system == "Ollama":
        if line.startswith("[GIN] "):
            return line[len("[GIN] "):]
        return re.match(r"time=\S+ level=[A-Z]+ (.*)$", line).group(1)
    if system == "Torchrun":
        if line.startswith("["):
            return line.split("] ", 1)[1]
        m = re.match(r"\S+:\d+:\d+ \[\d+\] NCCL (?:INFO|WARN) (.*)$", line)
        if m:
            return m.group(1)
        return line.split(":", 2)[2]
    raise KeyError(system)


def self_check():
    """Reads every written file back and asserts the corpus invariants. Returns per-system
    event counts."""
    summary = {}
    for system in SYSTEMS:
        folder = os.path.join(HERE, system)
        with open(os.path.join(folder, system + ".log"), encoding="utf-8", newline="") as f:
            raw = f.read()
        assert raw.endswith("\n")
        lines = raw[:-1].split("\n")
        assert len(lines) == LINES, (system, len(lines))
        with open(os.path.join(folder, system + ".log_structured.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], system
        rows = rows[1:]
        assert len(rows) == LINES, (system, len(rows))
        templates, counts = {}, {}
        for i, (row, line) in enumerate(zip(rows, lines)):
            assert len(row) == 4, (system, row)
            line_id, content, event_id, template = row
            assert line_id == str(i + 1), (system, line_id)
            assert re.fullmatch(r"E[0-9]+", event_id), (system, event_id)
            assert content and line.endswith(content), (system, i + 1)
            assert cut_content(system, line) == content, (system, i + 1, line)
            assert "<*><*>" not in template and "<*>" not in content, (system, template)
            assert template_regex(template).fullmatch(content), (system, i + 1, template, content)
            assert templates.setdefault(event_id, template) == template, (system, event_id)
            counts[event_id] = counts.get(event_id, 0) + 1
        assert len(set(templates.values())) == len(templates), system
        assert 10 <= len(counts) <= 16, (system, len(counts))
        assert min(counts.values()) >= 2, (system, counts)
        assert sum(1 for n in counts.values() if 2 <= n <= 10) >= 3, (system, counts)
        top = sorted(counts.values(), reverse=True)
        assert top[0] >= 3 * top[3], (system, top)  # one to three frequent types
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    # Timestamps increase within every system (checked on the raw text of each header).
    stamp = {
        "Jupyter": r"^\[\w (\S+ \S+) ",
        "Supervisord": r"^(\S+ \S+) ",
        "Prometheus": r"^ts=(\S+) ",
        "KubeScheduler": r"^\w(\d{4} \S+) ",
        "Ollama": r"^(?:time=(\S+) |\[GIN\] (\S+ - \S+) )",
        "Torchrun": r"^\[\w(\d{4} \S+) ",
    }
    for system in SYSTEMS:
        with open(os.path.join(HERE, system, system + ".log"), encoding="utf-8") as f:
            seen = []
            for line in f:
                m = re.match(stamp[system], line)
                if m:
                    s = [g for g in m.groups() if g][0]
                    s = s.replace("/", "-").replace(" - ", "T").replace(" ", "T").rstrip("Z").replace(",", ".")
                    seen.append(s)
        assert len(seen) >= 20, system
        # Equal-width fields compare as text; GIN stamps (seconds) are compared on their seconds.
        for a, b in zip(seen, seen[1:]):
            assert a[:19] <= b[:19] and (len(a) != len(b) or a <= b), (system, a, b)
    return summary


if __name__ == "__main__":
    jupyter()
    supervisord()
    prometheus()
    kube_scheduler()
    ollama()
    torchrun()
    for system, counts in self_check().items():
        print("%-13s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
