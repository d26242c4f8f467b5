#!/usr/bin/env python3
"""Writes sealed 13, a never-read, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: Prefect, Tailscale, ClamAV, OpenSearch, Coturn, Zigbee2MQTT. Every
line is made here from event formats written for this corpus, following each program's default
log layout (written from memory), with values from generators of this file. No line, template or
value list is copied from a real log or data set; the messages are invented in each project's
style. The corpus was written without running any template miner or log parser on it and
without reading the miner's source.

Deterministic: fixed seed 20261221, integer clocks, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
free-text reason or error, a command line, a list, a name with spaces) is one `<*>`; punctuation
around a value stays literal (`(<*>)`, `'<*>'`, `"<*>"`, `[<*>]`, `<<*>>`, `{<*>}`, `key=<*>`,
`<*>:` before a message, a sentence-final `.`); a unit attached to a number stays literal after
it (`<*>s`, `<*> bytes`, `<*>%`) unless the unit varies within the slot (an OpenSearch time
value such as `312ms` / `1.1s`, a byte size such as `12.4gb`); text that never changes within an
event type stays literal. Event formats are written directly as their templates: each `<*>` in
a format is filled with one generated value, and every `<*>` slot takes at least two different
values within its event type (checked when the lines are made and again on read-back).

At the end the files are read back and checked (see `self_check` and `check_clock_order`).
"""
import calendar
import csv
import json
import os
import random
import re
import time

SEED = 20261221
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["Prefect", "Tailscale", "ClamAV", "OpenSearch", "Coturn", "Zigbee2MQTT"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
DAY0 = calendar.timegm((2026, 12, 21, 0, 0, 0))
MIN_EVENTS, MAX_EVENTS = 12, 15


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def hexs(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def b64(n, alphabet=B64URL):
    return "".join(R.choice(alphabet) for _ in range(n))


def uuid4():
    return "%s-%s-4%s-%s%s-%s" % (hexs(8), hexs(4), hexs(3), pick("89ab"), hexs(3), hexs(12))


def compact_json(obj):
    return json.dumps(obj, separators=(",", ":"), sort_keys=True)


class Cycle:
    """Draws from a pool in seeded shuffled rounds, so that the slots of rare event types take
    several values."""

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


def ctime(sec):
    """C `ctime()` without the newline: `Mon Dec 21 08:00:00 2026` (day padded with a space)."""
    g = time.gmtime(sec)
    return "%s %s %2d %02d:%02d:%02d %04d" % (WEEKDAYS[g.tm_wday], MONTHS[g.tm_mon - 1], g.tm_mday, g.tm_hour, g.tm_min,
                                              g.tm_sec, g.tm_year)


class Clock:
    """Integer nanosecond clock starting on 2026-12-21 at a given or random second (UTC)."""

    def __init__(self, start_s=None, lo_ms=3, hi_ms=2600):
        if start_s is None:
            start_s = R.randint(6 * 3600, 10 * 3600)
        self.ns = (DAY0 + start_s) * 10 ** 9 + R.randint(0, 10 ** 9 - 1)
        self.lo, self.hi = lo_ms, hi_ms

    def tick(self):
        self.ns += R.randint(self.lo * 10 ** 6, self.hi * 10 ** 6)

    def sec(self):
        return self.ns // 10 ** 9

    def g(self):
        return time.gmtime(self.sec())

    def ms(self):
        return "%03d" % ((self.ns % 10 ** 9) // 10 ** 6)

    def hms(self):
        g = self.g()
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def ymd(self):
        g = self.g()
        return "%04d-%02d-%02d" % (g.tm_year, g.tm_mon, g.tm_mday)

    def prefect(self):
        """Prefect's `%(asctime)s.%(msecs)03d` with datefmt `%H:%M:%S`."""
        return "%s.%s" % (self.hms(), self.ms())

    def journal(self):
        """journalctl's short format: `Dec 21 08:00:01`."""
        g = self.g()
        return "%s %02d %s" % (MONTHS[g.tm_mon - 1], g.tm_mday, self.hms())

    def log4j_iso(self):
        """log4j2 `%d{ISO8601}`: `2026-12-21T08:00:01,123`."""
        return "%sT%s,%s" % (self.ymd(), self.hms(), self.ms())

    def z2m(self):
        """Zigbee2MQTT's default timestamp format `YYYY-MM-DD HH:mm:ss`."""
        return "%s %s" % (self.ymd(), self.hms())


# ------------------------------------------------------------------------------------------
# Filling a template.
def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v.strip() and v == v.strip() and "\n" not in v and "\t" not in v, (template, values)
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    """(content, template, values) of one line of an event type."""
    values = tuple(str(v) for v in values)
    return fill(template, values), template, values


# ------------------------------------------------------------------------------------------
def emit(system, n_events, items):
    """items: list of (event index k, raw line, content, template, values) in file order.
    Checks the per-type invariants while writing, then writes both files."""
    assert len(items) == LINES, (system, len(items))
    assert MIN_EVENTS <= n_events <= MAX_EVENTS, (system, n_events)
    rows, raw = [], []
    slot_values, templates = {}, {}
    for i, (k, line, content, template, values) in enumerate(items):
        assert templates.setdefault(k, template) == template, (system, template)
        assert "\n" not in line and "\r" not in line, (system, line)
        assert "\t" not in content, (system, content)
        assert line.endswith(content), (system, line)
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(line)
        seen = slot_values.setdefault(k, [set() for _ in values])
        assert len(seen) == len(values), (system, template)
        for s, v in zip(seen, values):
            s.add(v)
    assert sorted(templates) == list(range(n_events)), (system, sorted(templates), n_events)
    assert len(set(templates.values())) == n_events, system
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


def write(system, clock, events, render):
    """events: list of (count, tag, gen); gen() -> ev(...), called after the clock ticked for
    the line; render(tag, content) -> the raw line. Counts sum to LINES; the order of lines is a
    seeded shuffle."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    R.shuffle(order)
    items = []
    for k in order:
        _, tag, gen = events[k]
        clock.tick()
        content, template, values = gen()
        items.append((k, render(tag, content), content, template, values))
    emit(system, len(events), items)


# ------------------------------------------------------------------------------------------
# 1. Prefect 2 (a process worker and the flow runs it starts, all on one console), the default
#    `logging.yml` formatter `%(asctime)s.%(msecs)03d | %(levelname)-7s | %(name)s - %(message)s`
#    with datefmt `%H:%M:%S`; the `prefect.flow_runs` and `prefect.task_runs` loggers use
#    `Flow run %(flow_run_name)r - ` and `Task run %(task_run_name)r - ` in place of the logger
#    name. Content is what follows ` - ` after the logger name or the run name.
def prefect():
    c = Clock(lo_ms=3, hi_ms=2400)
    adjectives = ["amber", "brisk", "cobalt", "dapper", "eager", "fuzzy", "glossy", "hazel", "ivory", "jolly", "kinetic", "lunar",
                  "mellow", "nimble", "opal", "placid", "quirky", "rustic", "silky", "tidy", "umber", "vivid", "wry", "zesty"]
    animals = ["axolotl", "bison", "caracal", "dingo", "egret", "ferret", "gecko", "heron", "ibex", "jackal", "kiwi", "lemur",
               "marmot", "narwhal", "ocelot", "puffin", "quokka", "raven", "stoat", "tapir", "urchin", "vole", "walrus", "yak"]
    run_names = sorted({"%s-%s" % (pick(adjectives), pick(animals)) for _ in range(22)})
    tasks = ["fetch_orders", "clean_orders", "load_warehouse", "refresh_dashboard", "notify-slack", "export_csv",
             "score_customers", "sync_inventory"]

    def task_run():
        t = pick(tasks)
        return t, "%s-%d" % (t, pick([0, 0, 0, 0, 1, 1, 2, 3, 4, 7, 12, 31]))

    state = {"worker": uuid4()}
    worker_ids = Cycle([uuid4() for _ in range(4)])

    def created():
        t, tr = task_run()
        return ev("Created task run '<*>' for task '<*>'", tr, t)

    storages = [".", ".", ".", "/opt/prefect/flows", "/home/prefect/repos/data-pipelines", "s3://acme-prefect-flows/etl/nightly"]
    tables = ["analytics.orders_daily", "staging.customers", '"raw"."events"', "warehouse.fct_inventory_snapshots",
              "reporting.kpi", "s3://acme-lake/exports/orders/2026-12-21.parquet"]

    def rows_written():
        n = R.randint(1, 99) if R.random() < 0.3 else R.randint(100, 2400000)
        return ev("<*> rows written to <*> in <*>s", n, pick(tables), "%.2f" % R.uniform(0.05, 380))

    exceptions = Cycle([
        ("KeyError", "'customer_id'"),
        ("ConnectionError", "HTTPSConnectionPool(host='api.acme-shop.io', port=443): Max retries exceeded with url: "
                            "/v2/orders?page=7&per_page=500 (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection "
                            "object at 0x7f3a2c1d5e50>: Failed to establish a new connection: [Errno 111] Connection refused'))"),
        ("ValueError", "could not convert string to float: 'N/A'"),
        ("TimeoutError", "timed out"),
        ("psycopg2.errors.UniqueViolation", 'duplicate key value violates unique constraint "orders_pkey"'),
        ("FileNotFoundError", "[Errno 2] No such file or directory: '/data/incoming/inventory - 2026-12-21.csv'"),
    ])
    states_failed = Cycle([("1", "3"), ("2", "5"), ("1", "4"), ("3", "7")])
    exit_codes = Cycle(["1", "2", "1", "-9", "120"])

    def started():
        state["worker"] = worker_ids()
        return ev("Worker 'ProcessWorker <*>' started!", state["worker"])

    F, T, FW, W = "flow", "task", "prefect.flow_runs.worker", "worker"
    events = [
        (64, (F, "INFO"), created),
        (58, (F, "INFO"), lambda: ev("Executing '<*>' immediately...", task_run()[1])),
        (52, (T, "INFO"), lambda: ev("Finished in state Completed()")),
        (22, (FW, "INFO"), lambda: ev("Worker 'ProcessWorker <*>' submitting flow run '<*>'", state["worker"], uuid4())),
        (20, (FW, "INFO"), lambda: ev("Opening process...")),
        (20, (FW, "INFO"), lambda: ev("Completed submission of flow run '<*>'", uuid4())),
        (18, (F, "INFO"), lambda: ev("Downloading flow code from storage at '<*>'", pick(storages))),
        (12, (F, "INFO"), rows_written),
        (8, (T, "ERROR"), lambda: ev("Finished in state Failed('Task run encountered an exception <*>: <*>')", *exceptions())),
        (7, (T, "WARNING"), lambda: ev("Received non-final state 'AwaitingRetry' when proposing final state 'Failed' and will "
                                       "attempt to run again...")),
        (6, (F, "INFO"), lambda: ev("Finished in state Completed('All states completed.')")),
        (4, (F, "ERROR"), lambda: ev("Finished in state Failed('<*>/<*> states failed.')", *states_failed())),
        (5, (FW, "ERROR"), lambda: ev("Process '<*>' exited with status code: <*>", pick(run_names), exit_codes())),
        (4, (W, "INFO"), started),
    ]

    def render(tag, content):
        kind, level = tag
        if kind == F:
            name = "Flow run '%s'" % pick(run_names)
        elif kind == T:
            name = "Task run '%s'" % task_run()[1]
        elif kind == W:
            name = "prefect.worker.process.processworker %s" % state["worker"]
        else:
            name = kind
        return "%s | %-7s | %s - %s" % (c.prefect(), level, name, content)
    write("Prefect", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. Tailscale: tailscaled under systemd, read back with `journalctl -u tailscaled` in its
#    default short format: `Dec 21 08:00:01 gw-office-01 tailscaled[812]: message` (month, day,
#    time to the second, host, the unit's process name and pid; the pid changes when tailscaled
#    restarts: after each `Program starting` line). Content is what follows `tailscaled[pid]: `.
def tailscale():
    c = Clock(lo_ms=5, hi_ms=2600)
    host = "gw-office-01"
    self_ip = "100.94.17.66"
    peers = []
    for i in range(14):
        peers.append({"ip": "100.%d.%d.%d" % (R.randint(64, 127), R.randint(0, 255), R.randint(1, 254)),
                      "short": b64(5, B64), "disco": hexs(16),
                      "addr": pick(["%s.%d:%d" % (pick(["198.51.100", "203.0.113", "192.0.2"]), R.randint(2, 250),
                                                  pick([41641, 41641, R.randint(1024, 65535)])),
                                    "192.168.10.%d:41641" % R.randint(2, 250),
                                    "[2001:db8:%x::%x]:41641" % (R.randint(1, 0xffff), R.randint(1, 0xffff))])})
    state = {"pid": 812}
    pids = Cycle([1364, 1907, 2488])

    def flow(verdict_tail):
        def gen():
            p = pick(peers)
            dport = pick(["22", "22", "443", "8080", "5432", "3389", "9100"])
            return ev(verdict_tail[0] + ": TCP{<*> > <*>} <*> " + verdict_tail[1], "%s:%d" % (p["ip"], R.randint(32768, 60999)),
                      "%s:%s" % (self_ip, dport), pick(["52", "60", "60", "64", "40"]))
        return gen

    def reconfig():
        total = pick([14, 14, 15])
        return ev("wgengine: Reconfig: configuring userspace WireGuard config (with <*>/<*> peers)", R.randint(1, total), total)

    def disco():
        p = pick(peers)
        addr = p["addr"] if R.random() < 0.8 else "192.168.10.%d:41641" % R.randint(2, 250)
        return ev("magicsock: disco: node [<*>] d:<*> now using <*> mtu=1360 tx=<*>", p["short"], p["disco"], addr, hexs(12))

    def handshake(what):
        return lambda: ev("wg: [v2] [<*>] - " + what, pick(peers)["short"])

    derp_regions = {1: "nyc", 2: "sfo", 4: "fra", 9: "dfw", 12: "ord", 16: "mia"}

    def netcheck():
        regions = R.sample(sorted(derp_regions), R.randint(2, 5))
        dists = ",".join("%dv4:%dms" % (r, R.randint(4, 140)) for r in regions)
        return ev("netcheck: report: udp=true v6=<*> v6os=true mapvarydest=<*> hair=false portmap=? v4a=<*> derp=<*> derpdist=<*>",
                  pick(["false", "false", "true"]), pick(["false", "false", "true"]),
                  "%s:%d" % (pick(["203.0.113.84", "203.0.113.84", "198.51.100.7"]), pick([41641, 41641, R.randint(1024, 65535)])),
                  regions[0], dists)

    endpoint_sets = Cycle([
        "203.0.113.84:41641 (stun), 192.168.10.21:41641 (local)",
        "203.0.113.84:41641 (stun), 203.0.113.84:50412 (stun), 192.168.10.21:41641 (local), 172.17.0.1:41641 (local)",
        "198.51.100.7:41641 (stun)",
        "203.0.113.84:41641 (portmap), [2001:db8:4c1::21]:41641 (stun), 192.168.10.21:41641 (local)",
    ])
    derp_ids = Cycle(["1", "4", "9", "12"])

    logtail_errors = Cycle([
        'Post "https://log.tailscale.io/c/tailnode.log.tailscale.io/%s": dial tcp: lookup log.tailscale.io on 127.0.0.53:53: '
        'server misbehaving' % hexs(40),
        "context deadline exceeded",
        'Post "https://log.tailscale.io/c/tailnode.log.tailscale.io/%s": EOF' % hexs(40),
    ])
    link_states = Cycle([
        ("eth0", "eth0:[192.168.10.21/24] tailscale0:[100.94.17.66/32 fd7a:115c:a1e0::9f01:1142/128]", "false"),
        ("wlan0", "wlan0:[192.168.50.3/24 fd00::3/64] tailscale0:[100.94.17.66/32]", "true"),
        ("eth0", "eth0:[192.168.10.21/24 2001:db8:4c1::21/64]", "true"),
    ])
    health_errors = Cycle([
        ("network-status", "Tailscale cannot connect because the network is down. (No network connection)"),
        ("no-derp-home", "Tailscale could not connect to the 'Frankfurt' relay server. Your Internet connection might be down, "
                         "or the server might be temporarily unavailable."),
        ("login-state", "unexpected state: NeedsLogin"),
        ("dns-forwarder", "timeout"),
    ])
    health_ok = Cycle(["network-status", "no-derp-home", "login-state"])
    starts = Cycle([
        ("v1.76.6-t2c8e1d4a9-g5b0f3e7c1", "1.23.1", '"/usr/sbin/tailscaled", "--state=/var/lib/tailscale/tailscaled.state", '
                                                    '"--socket=/run/tailscale/tailscaled.sock", "--port=41641"'),
        ("v1.78.1-t9b1f6a2c4-g7d3e0a9b5", "1.23.3", '"/usr/sbin/tailscaled", "--state=/var/lib/tailscale/tailscaled.state", '
                                                    '"--socket=/run/tailscale/tailscaled.sock", "--port=41641"'),
        ("v1.78.1-t9b1f6a2c4-g7d3e0a9b5", "1.23.3", '"/usr/sbin/tailscaled", "--state=/var/lib/tailscale/tailscaled.state", '
                                                    '"--socket=/run/tailscale/tailscaled.sock", "--port=41641", '
                                                    '"--tun=userspace-networking"'),
    ])

    def starting():
        state["pid"] = pids()
        return ev("Program starting: <*>, Go <*>: []string{<*>}", *starts())

    events = [
        (96, None, flow(("Accept", "tcp ok"))),
        (44, None, reconfig),
        (30, None, disco),
        (26, None, handshake("Sending handshake initiation")),
        (22, None, handshake("Received handshake response")),
        (24, None, netcheck),
        (9, None, flow(("Drop", "no rules matched"))),
        (10, None, lambda: ev("magicsock: endpoints changed: <*>", endpoint_sets())),
        (12, None, lambda: ev("magicsock: derp-<*> connected; connGen=<*>", derp_ids(), num(1, 9))),
        (6, None, lambda: ev("logtail: upload: log upload of <*> bytes compressed failed: <*>", num(180, 96000), logtail_errors())),
        (5, None, lambda: ev("LinkChange: major, rebinding. New state: interfaces.State{defaultRoute=<*> ifs={<*>} v4=true v6=<*>}",
                             *link_states())),
        (8, None, lambda: ev("health(warnable=<*>): error: <*>", *health_errors())),
        (5, None, lambda: ev("health(warnable=<*>): ok", health_ok())),
        (3, None, starting),
    ]

    def render(tag, content):
        return "%s %s tailscaled[%d]: %s" % (c.journal(), host, state["pid"], content)
    write("Tailscale", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. ClamAV: clamd's own log file (`LogFile /var/log/clamav/clamd.log`, `LogTime yes`,
#    `LogClean yes`): `Mon Dec 21 08:00:01 2026 -> message` (C `ctime` date, then ` -> `). Lines
#    follow a timeline rather than a shuffle: the log opens with clamd's start-up, clamd checks
#    its databases every 600 seconds (`SelfCheck`), reloads them when freshclam has updated them,
#    is restarted twice, and scans files in between. Content is what follows ` -> `.
def clamav():
    names = ["ok", "selfcheck_ok", "found", "error", "libwarn", "support", "limit_bytes", "limit_plain", "daemon", "started",
             "stopped", "reloaded", "modified", "reading", "activating"]
    idx = {n: k for k, n in enumerate(names)}
    items = []
    T = {"now": DAY0 + R.randint(6 * 3600, 6 * 3600 + 1800)}

    def line(name, sec, evt):
        assert sec >= T["now"], (name, sec, T["now"])
        T["now"] = sec
        content, template, values = evt
        items.append((idx[name], "%s -> %s" % (ctime(sec), content), content, template, values))

    # Values.
    users = ["anna", "bkowalski", "deploy", "h.tanaka", "finance-share"]
    docs = ["Budget 2027 v3.xlsx", "invoice_88213.pdf", "Scan 2026-12-18 (2).pdf", "notes.txt", "setup-x64.exe", "photos.zip",
            "Q4 board deck - final.pptx", "contract_signed.docx", "backup.tar.gz", "IMG_4402.HEIC"]

    def amavis_part():
        g = time.gmtime(T["now"])
        return "/var/lib/amavis/tmp/amavis-%04d%02d%02dT%02d%02d%02d-%05d-%s/parts/p%03d" % (
            g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, R.randint(1000, 65000),
            b64(8, B64[:62]), R.randint(1, 14))

    def some_path():
        r = R.random()
        if r < 0.3:
            return amavis_part()
        if r < 0.55:
            return "instream(127.0.0.1@%d)" % R.randint(32768, 60999)
        if r < 0.8:
            return "/srv/nextcloud/data/%s/files/%s" % (pick(users), pick(docs))
        if r < 0.9:
            return "/srv/www/uploads/2026/12/%s.%s" % (hexs(12), pick(["jpg", "png", "pdf", "svg"]))
        return "/home/%s/Downloads/%s" % (pick(["anna", "deploy", "mkraus"]), pick(docs))

    signatures = ["Win.Test.EICAR_HDB-1", "Doc.Downloader.Emotet-9375213-0", "Html.Phishing.Bank-1027", "Heuristics.Encrypted.Zip",
                  "PUA.Win.Packer.Upx-2", "Xls.Dropper.Agent-7031882-0", "Sanesecurity.Foxhole.JS_Zip_1.UNOFFICIAL",
                  "Heuristics.Phishing.Email.SpoofedDomain", "Js.Trojan.Nemucod-6998011-0"]
    scan_errors = ["Access denied.", "lstat() failed: No such file or directory.", "Can't open file or directory",
                   "lstat() failed: Permission denied.", "Excluded"]
    lib_warnings = Cycle(["cli_scanxz: decompress file size exceeds limits - only scanning 27262976 bytes",
                          "PE file contains unaligned section", "cli_pdf: encrypted pdf found, stream will probably fail to decompress!",
                          "Bytecode run timed out in interpreter after 311 opcodes",
                          "fmap_readpage: pread fail: asked for 4094 bytes @ offset 2, got 0",
                          "cli_scanzip: bad zip header in local file"])

    def scan(kind):
        if kind == "ok":
            return ev("<*>: OK", some_path())
        if kind == "found":
            return ev("<*>: <*> FOUND", some_path(), pick(signatures))
        if kind == "error":
            p = pick(["/srv/nextcloud/data/%s/files/%s" % (pick(users), pick(docs)), "/proc/%d/mem" % R.randint(300, 9000),
                      "/home/mkraus/.gnupg/S.gpg-agent", "/srv/www/uploads/2026/12/%s.tmp" % hexs(12)])
            return ev("<*>: <*> ERROR", p, pick(scan_errors))
        return ev("LibClamAV Warning: <*>", lib_warnings())

    versions = ["1.4.1", "1.4.1", "1.4.2"]
    limits = [("Global size", "419430400", True), ("File size", "104857600", True), ("Recursion level", "17", False),
              ("Files", "10000", False), ("MaxEmbeddedPE", "41943040", True)]
    supports = ["Archive", "Portable Executable", "ELF", "Mail files", "OLE2"]
    sigs = {"n": R.randint(8695000, 8702000)}

    def startup(run):
        t0 = T["now"]
        line("started", t0, ev("+++ Started at <*>", ctime(t0)))
        line("daemon", t0, ev("clamd daemon <*> (OS: Linux, ARCH: x86_64, CPU: x86_64)", versions[run]))
        line("reading", t0, ev("Reading databases from /var/lib/clamav"))
        t1 = t0 + R.randint(18, 45)
        for name, value, is_bytes in limits:
            if is_bytes:
                line("limit_bytes", t1, ev("Limits: <*> limit set to <*> bytes.", name, value))
            else:
                line("limit_plain", t1, ev("Limits: <*> limit set to <*>.", name, value))
        for s in supports:
            line("support", t1, ev("<*> support enabled.", s))
        return t1

    def reload(t):
        line("modified", t, ev("SelfCheck: Database modification detected. Forcing reload."))
        line("reading", t, ev("Reading databases from /var/lib/clamav"))
        sigs["n"] += R.randint(40, 900)
        t2 = t + R.randint(15, 40)
        line("reloaded", t2, ev("Database correctly reloaded (<*> signatures)", sigs["n"]))
        line("activating", t2, ev("Activating the newly loaded database..."))
        return t2

    # Layout: three runs of clamd (the start of the log, then two restarts).
    runs_checks = [13, 12, 11]                    # SelfCheck lines per run
    n_checks = sum(runs_checks)
    reload_at = set(R.sample(range(n_checks), 4))  # which checks find new databases
    startup_lines = 3 + len(limits) + len(supports)
    n_fixed = 3 * startup_lines + 2 + n_checks + 3 * len(reload_at)
    n_scans = LINES - n_fixed
    kinds = ["found"] * 22 + ["error"] * 8 + ["libwarn"] * 6
    kinds += ["ok"] * (n_scans - len(kinds))
    R.shuffle(kinds)
    gaps = n_checks + 3                            # scans before each check, plus a tail after each run
    cuts = sorted(R.randint(0, n_scans) for _ in range(gaps - 1))
    sizes = [b - a for a, b in zip([0] + cuts, cuts + [n_scans])]
    gap_i, check_i, pos = 0, 0, 0

    def scans_between(lo, hi, n):
        nonlocal pos
        secs = sorted(R.randint(lo, hi) for _ in range(n))
        for s in secs:
            line(kinds[pos], s, scan(kinds[pos]))
            pos += 1

    for run, n in enumerate(runs_checks):
        ready = startup(run)
        base = ready
        last = ready
        for _ in range(n):
            check_t = base + 600
            scans_between(last + 1, check_t - 1, sizes[gap_i])
            gap_i += 1
            if check_i in reload_at:
                last = reload(check_t)
            else:
                line("selfcheck_ok", check_t, ev("SelfCheck: Database status OK."))
                last = check_t
            check_i += 1
            base = check_t
        tail_end = base + R.randint(120, 560)
        scans_between(last + 1, tail_end, sizes[gap_i])
        gap_i += 1
        if run < 2:
            stop_t = max(T["now"], tail_end) + 1
            line("stopped", stop_t, ev("--- Stopped at <*>", ctime(stop_t)))
            T["now"] = stop_t + R.randint(2, 6)
    assert pos == n_scans and gap_i == gaps and check_i == n_checks
    emit("ClamAV", len(names), items)


# ------------------------------------------------------------------------------------------
# 4. OpenSearch: a node's main log file (`<cluster>.log`), the default log4j2 pattern
#    `[%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n`:
#    `[2026-12-21T08:00:01,123][INFO ][o.o.c.m.MetadataMappingService] [os-data-2] message`
#    (level padded to five, the abbreviated logger padded to 25 inside its brackets, the node
#    name). Content is what follows `[<node name>] `.
def opensearch():
    c = Clock(lo_ms=3, hi_ms=2600)
    node = "os-data-2"
    jvm_start = c.sec() - R.randint(3000, 90000)
    state = {"level": "INFO"}
    indices = ["logs-app-2026.12.21", "logs-app-2026.12.20", "logs-nginx-2026.12.21", "metrics-2026.12", "orders_v3",
               "security-auditlog-2026.12.21", ".plugins-ml-config", "traces-span-000042"]
    uuids = {i: b64(22) for i in indices}

    def gc():
        ms = int(R.expovariate(1 / 260.0)) + 40
        spent = "%dms" % ms if ms < 1000 else "%.1fs" % (ms / 1000.0)
        state["level"] = "WARN" if ms >= 500 else "INFO"
        return ev("[gc][<*>] overhead, spent [<*>] collecting in the last [<*>]", c.sec() - jvm_start, spent,
                  pick(["1s", "1s", "1s", "1.1s", "1.2s"]))

    def update_mapping():
        i = pick(indices)
        return ev("[<*>/<*>] update_mapping [_doc]", i, uuids[i])

    new_indices = ["logs-app-2026.12.22", "logs-nginx-2026.12.22", "traces-span-000043", "logs-app-2026.12.21-reindex",
                   ".opendistro-job-scheduler-lock", "security-auditlog-2026.12.22", "metrics-2027.01", "tmp_export_8812"]
    template_sets = ["logs-template", "ism-history-indices-template, logs-default", "traces-template", "metrics"]

    def creating():
        return ev("[<*>] creating index, cause [<*>], templates [<*>], shards [<*>]/[<*>]", pick(new_indices),
                  pick(["auto(bulk api)", "auto(bulk api)", "api", "rollover_index"]), pick(template_sets), pick(["1", "1", "3", "5"]),
                  pick(["1", "1", "0"]))

    bare_indices = Cycle(["tmp_export_8812", "orders_v3_backfill", ".kibana_92668751_admin_1", "test-index"])

    def creating_bare():
        return ev("[<*>] creating index, cause [<*>], templates [], shards [<*>]/[<*>]", bare_indices(), pick(["api", "auto(bulk api)"]),
                  pick(["1", "2"]), pick(["0", "1"]))

    health = Cycle([
        ("RED", "YELLOW", "shards started [[logs-app-2026.12.22][0]]"),
        ("YELLOW", "GREEN", "shards started [[security-auditlog-2026.12.22][0], [security-auditlog-2026.12.22][1]]"),
        ("GREEN", "YELLOW", "index [logs-nginx-2026.12.22] created"),
        ("YELLOW", "RED", "cleaning up after node-left"),
        ("YELLOW", "GREEN", "shards started [[traces-span-000043][2]]"),
    ])
    sources = Cycle([
        '{"@timestamp":"2026-12-21T07:59:58.123Z","level":"error","message":"upstream timed out (110: Connection timed out)",'
        '"host":{"name":"web-3"},"tags":["nginx","prod"]}',
        "n/a, actual length: [5.2kb], max length: 2kb",
        '{"order_id":88213,"total":"12,40"}',
        '{"span_id":"9f2c1e","duration":"1.2s","attributes":{"http.route":"/api/v1/cart/[id]"}}',
    ])

    def bulk_fail():
        i = pick(indices[:5])
        return ev("[<*>][<*>] failed to execute bulk item (index) index {[<*>][_doc][<*>], source[<*>]}", i, num(0, 4), i, b64(20),
                  sources())

    deleted = Cycle(["logs-app-2026.11.21", "logs-app-2026.11.22", "logs-nginx-2026.11.20", "logs-nginx-2026.11.21",
                     "traces-span-000011", "security-auditlog-2026.11.21", "tmp_export_8790"])

    def deleting():
        i = deleted()
        return ev("[<*>/<*>] deleting index", i, b64(22))

    auth_users = ["admin", "kibanaserver", "logstash", "svc-grafana", "root", "j.smith@corp.example"]

    def auth_failed():
        return ev("Authentication finally failed for <*> from <*>", pick(auth_users),
                  "%s:%d" % (pick(["10.0.4.17", "10.0.4.23", "172.16.9.4", "192.0.2.66"]), R.randint(32768, 60999)))

    perm_users = Cycle([("svc-grafana", "readonly", "cluster:monitor/state", "own_index, readall"),
                        ("logstash", "logstash, writer", "indices:admin/template/put", "logstash, own_index"),
                        ("j.smith@corp.example", "dev-team, ldap-users, vpn", "cluster:admin/opendistro/ism/policy/write",
                         "own_index, dev_read, kibana_user"),
                        ("reporting", "reports", "cluster:admin/snapshot/create", "own_index")])

    def perm():
        return ev("No cluster-level perm match for User [name=<*>, backend_roles=[<*>], requestedTenant=null] [Action [<*>]] "
                  "[RolesChecked [<*>]]", *perm_users())

    def search_request():
        idx = pick(["logs-app-*", "logs-*", "metrics-2026.12", "traces-span-*"])
        src = pick(['{"size":0,"query":{"range":{"@timestamp":{"gte":"now-15m"}}}}',
                    '{"query":{"match_all":{"boost":1.0}}}',
                    '{"size":500,"query":{"bool":{"filter":[{"term":{"level":"error"}}]}},"sort":[{"@timestamp":"desc"}]}'])
        return ("SearchRequest{searchType=QUERY_THEN_FETCH, indices=[%s], indicesOptions=IndicesOptions[ignore_unavailable=false, "
                "allow_no_indices=true], routing='null', preference='null', requestCache=null, scroll=null, source=%s, "
                "cancelAfterTimeInterval=null, pipeline=null}" % (idx, src))

    def search_fail():
        i = pick(indices)
        return ev("[<*>][<*>], node[<*>], [<*>], s[STARTED], a[id=<*>]: Failed to execute [<*>] lastShard [<*>]", i, num(0, 4),
                  b64(22), pick(["P", "R"]), b64(22), search_request(), pick(["true", "false"]))

    resync = Cycle(["logs-app-2026.12.21", "orders_v3", "metrics-2026.12", "traces-span-000042"])

    def node_desc(name, ip):
        return "{%s}{%s}{%s}{%s}{%s:9300}{dimr}{shard_indexing_pressure_enabled=true}" % (name, b64(22), b64(22), ip, ip)

    members = Cycle([node_desc("os-data-3", "10.0.4.13"), node_desc("os-data-4", "10.0.4.14"), node_desc("os-ingest-1", "10.0.4.31")])
    masters = Cycle([node_desc("os-master-1", "10.0.4.2"), node_desc("os-master-2", "10.0.4.3")])
    version = {"n": R.randint(18000, 19000), "term": 12}

    def membership(word):
        bumps = Cycle([0, 1, 0])

        def gen():
            version["n"] += R.randint(1, 40)
            version["term"] += bumps()
            return ev(word + " {<*>}, term: <*>, version: <*>, reason: ApplyCommitRequest{term=<*>, version=<*>, sourceNode=<*>}",
                      members(), version["term"], version["n"], version["term"], version["n"], masters())
        return gen

    paths = Cycle([("/logs-app-*/_search", "index=logs-app-*"), ("/orders_v3/_doc/8812", "index=orders_v3, id=8812"),
                   ("/_plugins/_ism/explain/logs-*", "index=logs-*"),
                   ("/metrics-2026.12/_search", "size=0, index=metrics-2026.12, track_total_hits=true")])

    O = lambda lvl, lg: (lvl, lg)  # noqa: E731
    events = [
        (100, O(None, "o.o.m.j.JvmGcMonitorService"), gc),
        (66, O("INFO", "o.o.c.m.MetadataMappingService"), update_mapping),
        (26, O("INFO", "o.o.c.m.MetadataCreateIndexService"), creating),
        (8, O("INFO", "o.o.c.m.MetadataCreateIndexService"), creating_bare),
        (12, O("INFO", "o.o.c.r.a.AllocationService"),
         lambda: ev("Cluster health status changed from [<*>] to [<*>] (reason: [<*>]).", *health())),
        (10, O("DEBUG", "o.o.a.b.TransportShardBulkAction"), bulk_fail),
        (14, O("INFO", "o.o.c.m.MetadataDeleteIndexService"), deleting),
        (24, O("WARN", "o.o.s.a.BackendRegistry"), auth_failed),
        (10, O("WARN", "o.o.s.p.PrivilegesEvaluator"), perm),
        (8, O("DEBUG", "o.o.a.s.TransportSearchAction"), search_fail),
        (6, O("INFO", "o.o.i.s.IndexShard"),
         lambda: ev("[<*>][<*>] primary-replica resync completed with <*> operations", resync(), num(0, 4), num(0, 2400))),
        (5, O("INFO", "o.o.c.s.ClusterApplierService"), membership("added")),
        (4, O("INFO", "o.o.c.s.ClusterApplierService"), membership("removed")),
        (7, O("WARN", "r.suppressed"), lambda: ev("path: <*>, params: {<*>}", *paths())),
    ]

    def render(tag, content):
        level, logger = tag
        level = level or state["level"]
        return "[%s][%-5s][%-25s] [%s] %s" % (c.log4j_iso(), level, logger, node, content)
    write("OpenSearch", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Coturn: turnserver's log (`--log-file`, default prefix): `1534: (2219): INFO: message`, the
#    seconds since the server started, the id of the logging thread in parentheses, the level.
#    Lines follow the server's start (its listeners) and then seeded random TURN sessions that
#    interleave (unauthenticated ALLOCATE, authentication, allocation, permissions, channel
#    binds, refreshes, close). The file stops after 300 lines, which can fall inside a session.
#    Content is what follows `<LEVEL>: `.
def coturn():
    realm = "turn.northwind.example"
    names = ["success", "error", "unauth", "new", "refreshed", "peer", "closed", "usage", "delete", "nocred", "denied", "listener",
             "udp"]
    templates = {
        "success": "session <*>: realm <" + realm + "> user <<*>>: incoming packet <*> processed, success",
        "error": "session <*>: realm <" + realm + "> user <<*>>: incoming packet <*> processed, error <*>: <*>",
        "unauth": "session <*>: realm <" + realm + "> user <>: incoming packet ALLOCATE processed, error 401: Unauthorized",
        "new": "session <*>: new, realm=<" + realm + ">, username=<<*>>, lifetime=<*>",
        "refreshed": "session <*>: refreshed, realm=<" + realm + ">, username=<<*>>, lifetime=<*>",
        "peer": "session <*>: peer <*> lifetime updated: <*>",
        "closed": "session <*>: closed (2nd stage), user <<*>> realm <" + realm + "> origin <> local <*> remote <*>, reason: <*>",
        "usage": "session <*>: usage: realm=<" + realm + ">, username=<<*>>, rp=<*>, rb=<*>, sp=<*>, sb=<*>",
        "delete": "session <*>: delete: realm=<" + realm + ">, username=<<*>>",
        "nocred": "check_stun_auth: Cannot find credentials of user <<*>>",
        "denied": "A peer IP <*> denied in the range: <*>",
        "listener": "IPv4. <*> listener opened on: <*>",
        "udp": "handle_udp_packet: New UDP endpoint: local addr 10.20.0.5:3478, remote addr <*>",
    }
    levels = {"nocred": "ERROR", "denied": "WARNING", "error": "WARNING"}
    idx = {n: k for k, n in enumerate(names)}
    items = []
    clock = {"up": 0}

    def line(name, tid, *values):
        content, template, vals = ev(templates[name], *values)
        level = levels.get(name, "INFO")
        items.append((idx[name], "%d: (%d): %s: %s" % (clock["up"], tid, level, content), content, template, vals))

    main_tid = 2214
    relay_tids = [2219, 2220, 2221, 2222]
    for proto, addr in [("UDP", "10.20.0.5:3478"), ("TCP", "10.20.0.5:3478"), ("TLS/TCP", "10.20.0.5:5349"),
                        ("DTLS/UDP", "10.20.0.5:5349"), ("UDP", "127.0.0.1:3478"), ("TCP", "127.0.0.1:3478"),
                        ("TLS/TCP", "127.0.0.1:5349"), ("DTLS/UDP", "127.0.0.1:5349")]:
        line("listener", main_tid, proto, addr)
    clock["up"] += R.randint(1, 4)

    good_users = ["1766390400:u4821", "1766394000:u0193", "1766390400:u7730", "alice.kim", "ops-monitor", "1766397600:g-9f3a21",
                  "meet-bridge-02", "1766394000:u5512"]
    bad_users = Cycle(["bob", "1766300000:u4821", "test", "admin"])
    close_client = ["TCP connection closed by client (callback)", "refresh with zero lifetime",
                    "TLS/TCP socket to be closed in client handler: remote 203.0.113.57:61022, local 10.20.0.5:5349"]
    close_timeout = ["allocation timeout", "allocation watchdog determined stale session state"]
    private_peers = Cycle([("10.20.0.9", "10.0.0.0-10.255.255.255"), ("192.168.1.20", "192.168.0.0-192.168.255.255"),
                           ("127.0.0.1", "127.0.0.0-127.255.255.255"), ("172.17.0.2", "172.16.0.0-172.31.255.255")])
    seqs = {t: R.randint(1, 40) for t in relay_tids}

    def client_addr():
        return "%s.%d:%d" % (pick(["198.51.100", "203.0.113", "192.0.2", "100.72.14"]), R.randint(2, 250), R.randint(1024, 65535))

    def session_script():
        tid = pick(relay_tids)
        seqs[tid] += R.randint(1, 3)
        sid = "%03d%015d" % (relay_tids.index(tid), seqs[tid])
        remote = client_addr()
        udp = R.random() < 0.7
        local = "10.20.0.5:3478" if udp or R.random() < 0.4 else "10.20.0.5:5349"
        chunks = []
        first = []
        if udp:
            first.append(("udp", remote))
        first.append(("unauth", sid))
        chunks.append(first)
        if R.random() < 0.2:
            u = bad_users()
            chunks.append([("nocred", u), ("error", sid, u, "ALLOCATE", "401", "Unauthorized")])
            return tid, chunks
        user = pick(good_users)
        chunks.append([("new", sid, user, pick(["600", "600", "3600"])), ("success", sid, user, "ALLOCATE")])
        for _ in range(R.randint(1, 3)):
            peer = "%s.%d" % (pick(["198.51.100", "203.0.113", "192.0.2"]), R.randint(2, 250))
            if R.random() < 0.1:
                ip, rng = private_peers()
                chunks.append([("denied", ip, rng), ("error", sid, user, "CREATE_PERMISSION", "403", "Forbidden IP")])
                continue
            chunks.append([("peer", sid, peer, "300"), ("success", sid, user, "CREATE_PERMISSION")])
            if R.random() < 0.5:
                chunks.append([("peer", sid, peer, "600"), ("success", sid, user, "CHANNEL_BIND")])
        for _ in range(R.randint(0, 3)):
            if R.random() < 0.12:
                chunks.append([("error", sid, user, "REFRESH", "438", "Stale nonce")])
            chunks.append([("refreshed", sid, user, "600"), ("success", sid, user, "REFRESH")])
        rp, sp = R.randint(3, 90000), R.randint(3, 90000)
        usage = ("usage", sid, user, rp, rp * R.randint(90, 1200), sp, sp * R.randint(90, 1200))
        if R.random() < 0.7:
            chunks.append([("refreshed", sid, user, "0"), ("success", sid, user, "REFRESH")])
            reason = pick(close_client)
        else:
            reason = pick(close_timeout)
        chunks.append([usage, ("closed", sid, user, local, remote, reason), ("delete", sid, user)])
        return tid, chunks

    active = []
    while len(items) < LINES:
        if not active or (len(active) < 5 and R.random() < 0.12):
            tid, chunks = session_script()
            active.append([tid, chunks])
        s = pick(active)
        tid, chunks = s
        clock["up"] += pick([0, 0, 1, 1, 2, 3, 5, 8])
        for entry in chunks.pop(0):
            name = entry[0]
            line(name, tid, *entry[1:])
        if not chunks:
            active.remove(s)
    del items[LINES:]
    emit("Coturn", len(names), items)


# ------------------------------------------------------------------------------------------
# 6. Zigbee2MQTT 2.x, its default log format (console and `log.log`):
#    `[2026-12-21 08:00:01] info: \tz2m: message` (timestamp `YYYY-MM-DD HH:mm:ss`, the level in
#    lower case, a colon and a tab, then the namespace of the logger such as `z2m` or
#    `zh:ember`). The log level is set to debug. Content is what follows `<namespace>: `.
def zigbee2mqtt():
    c = Clock(lo_ms=3, hi_ms=2600)
    devices = [("Living Room Lamp", "light", 1), ("Kitchen/Ceiling Light", "light", 2), ("Kid's Room Blinds", "blind", 1),
               ("Hallway Motion", "motion", 1), ("Bathroom: Humidity", "climate", 1), ("Office Plug", "plug", 1),
               ("0x00158d0008c4e2a1", "contact", 1), ("Garage Door Contact", "contact", 1), ("Bedroom TRV", "trv", 1),
               ("Balcony Temp", "climate", 1), ("Desk Strip", "light", 11), ("Washer Plug", "plug", 1)]

    def lq():
        return R.randint(18, 255)

    def payload(kind):
        if kind == "light":
            d = {"brightness": R.randint(1, 254), "color_mode": "color_temp", "color_temp": R.randint(153, 454), "linkquality": lq(),
                 "state": pick(["ON", "ON", "OFF"])}
        elif kind == "blind":
            d = {"battery": R.randint(20, 100), "linkquality": lq(), "position": R.choice([0, 25, 40, 60, 100]),
                 "state": pick(["OPEN", "CLOSE", "STOP"])}
        elif kind == "motion":
            d = {"battery": R.randint(40, 100), "illuminance": R.randint(0, 900), "linkquality": lq(), "occupancy": R.random() < 0.4}
        elif kind == "climate":
            d = {"battery": R.randint(30, 100), "humidity": round(R.uniform(30, 80), 1), "linkquality": lq(),
                 "temperature": round(R.uniform(-3, 26), 1), "voltage": R.randint(2700, 3100)}
        elif kind == "plug":
            d = {"current": round(R.uniform(0, 9), 2), "energy": round(R.uniform(1, 900), 2), "linkquality": lq(),
                 "power": round(R.uniform(0, 2100), 1), "state": pick(["ON", "OFF"]), "voltage": round(R.uniform(225, 238), 1)}
        elif kind == "contact":
            d = {"battery": R.randint(40, 100), "contact": R.random() < 0.8, "linkquality": lq(), "voltage": R.randint(2800, 3050)}
        else:
            d = {"battery": R.randint(40, 100), "current_heating_setpoint": R.choice([17, 19.5, 20, 21, 21.5]), "linkquality": lq(),
                 "local_temperature": round(R.uniform(15, 23), 1), "system_mode": "heat"}
        return compact_json(d)

    def publish():
        name, kind, _ = pick(devices)
        return ev("MQTT publish: topic 'zigbee2mqtt/<*>', payload '<*>'", name, payload(kind))

    def zigbee_message(kind):
        if kind == "light":
            return pick([("attributeReport", "genOnOff", compact_json({"onOff": R.randint(0, 1)})),
                         ("attributeReport", "genLevelCtrl", compact_json({"currentLevel": R.randint(1, 254)}))])
        if kind == "blind":
            return ("attributeReport", "closuresWindowCovering", compact_json({"currentPositionLiftPercentage": R.randint(0, 100)}))
        if kind == "motion":
            return pick([("attributeReport", "msOccupancySensing", compact_json({"occupancy": R.randint(0, 1)})),
                         ("attributeReport", "msIlluminanceMeasurement", compact_json({"measuredValue": R.randint(0, 30000)}))])
        if kind == "climate":
            return pick([("attributeReport", "msTemperatureMeasurement", compact_json({"measuredValue": R.randint(-300, 2600)})),
                         ("attributeReport", "msRelativeHumidity", compact_json({"measuredValue": R.randint(3000, 8000)})),
                         ("readResponse", "genPowerCfg", compact_json({"batteryPercentageRemaining": R.randint(40, 200),
                                                                       "batteryVoltage": R.randint(26, 31)}))])
        if kind == "plug":
            return pick([("attributeReport", "haElectricalMeasurement", compact_json({"activePower": R.randint(0, 21000)})),
                         ("readResponse", "seMetering", compact_json({"currentSummDelivered": [0, R.randint(1000, 90000)]}))])
        if kind == "contact":
            return ("commandStatusChangeNotification", "ssIasZone",
                    compact_json({"extendedstatus": 0, "zonestatus": R.randint(0, 1), "zoneID": 23, "delay": 0}))
        return ("attributeReport", "hvacThermostat", compact_json({"localTemp": R.randint(1500, 2300),
                                                                   "occupiedHeatingSetpoint": R.choice([1700, 1950, 2000, 2100])}))

    light_groups = Cycle(["0", "0", "0", "0", "901"])

    def received():
        name, kind, endpoint = pick(devices)
        typ, cluster, data = zigbee_message(kind)
        group = light_groups() if kind == "light" else "0"
        return ev("Received Zigbee message from '<*>', type '<*>', cluster '<*>', data '<*>' from endpoint <*> with groupID <*>", name,
                  typ, cluster, data, endpoint, group)

    set_data = {"light": ['{"state":"TOGGLE"}', '{"brightness":120,"transition":2}', '{"color_temp":300}', '{"state":"OFF"}'],
                "blind": ['{"position":40}', '{"state":"CLOSE"}'], "plug": ['{"state":"OFF"}', '{"state":"ON"}'],
                "trv": ['{"current_heating_setpoint":20.5}', '{"system_mode":"off"}']}
    settable = [d for d in devices if d[1] in set_data]

    def mqtt_set():
        name, kind, _ = pick(settable)
        return ev("Received MQTT message on 'zigbee2mqtt/<*>/set' with data '<*>'", name, pick(set_data[kind]))

    failures = Cycle([
        ("state", "Desk Strip", "Error: ZCL command 0x001788010b2c4f1e/11 genOnOff.off({}, {\"timeout\":10000,\"disableResponse\":false,"
                                "\"disableRecovery\":false,\"disableDefaultResponse\":true,\"direction\":0,\"reservedBits\":0,"
                                "\"writeUndiv\":false}) failed (Delivery failed for '4321'.)"),
        ("brightness", "Living Room Lamp", "Error: Timeout - 25117 - 1 - 42 - 8 - 11 after 10000ms"),
        ("position", "Kid's Room Blinds", "Error: ZCL command 0x54ef441000a1b2c3/1 closuresWindowCovering.goToLiftPercentage("
                                          "{\"percentageliftvalue\":40}, {\"timeout\":10000}) failed (no response received)"),
        ("current_heating_setpoint", "Bedroom TRV", "Error: Device '0x84fd27fffe61a0b9' has no endpoint"),
    ])
    newcomers = ["0xa4c138d2e1f00a17", "0x00124b0029f5c3d8", "0x54ef441000a1b2c3", "0x84fd27fffe61a0b9", "0xb4e3f9fffe0c1d22"]
    joined, interviews, good, bad, left = (Cycle(newcomers) for _ in range(5))
    announced = Cycle([d[0] for d in devices] + newcomers[:2])
    aps = Cycle([("23417", {"profileId": 260, "clusterId": 6, "sourceEndpoint": 1, "destinationEndpoint": 11, "options": 4416,
                            "groupId": 0, "sequence": 0}, "155"),
                 ("4321", {"profileId": 260, "clusterId": 8, "sourceEndpoint": 1, "destinationEndpoint": 1, "options": 4416,
                           "groupId": 0, "sequence": 0}, "17"),
                 ("61047", {"profileId": 260, "clusterId": 258, "sourceEndpoint": 1, "destinationEndpoint": 1, "options": 4352,
                            "groupId": 0, "sequence": 0}, "203"),
                 ("25117", {"profileId": 260, "clusterId": 513, "sourceEndpoint": 1, "destinationEndpoint": 1, "options": 4416,
                            "groupId": 0, "sequence": 0}, "88")])

    def delivery():
        nid, frame, tag = aps()
        frame = dict(frame, sequence=R.randint(0, 255))
        return ev('Delivery of UNICAST failed for "<*>" [apsFrame=<*> messageTag=<*>]', nid, json.dumps(frame, separators=(",", ":")), tag)

    updates = Cycle(["Living Room Lamp", "Desk Strip", "Office Plug", "Bedroom TRV"])

    Z, ZH = "z2m", "zh:ember"
    events = [
        (130, ("info", Z), publish),
        (70, ("debug", Z), received),
        (32, ("debug", Z), mqtt_set),
        (9, ("error", Z), lambda: ev("Publish 'set' '<*>' to '<*>' failed: '<*>'", *failures())),
        (5, ("info", Z), lambda: ev("Device '<*>' joined", joined())),
        (14, ("debug", Z), lambda: ev("Device '<*>' announced itself", announced())),
        (5, ("info", Z), lambda: ev("Starting interview of '<*>'", interviews())),
        (3, ("info", Z), lambda: ev("Successfully interviewed '<*>', device has successfully been paired", good())),
        (3, ("error", Z), lambda: ev("Failed to interview '<*>', device has not successfully been paired", bad())),
        (12, ("warning", ZH), delivery),
        (4, ("info", Z), lambda: ev("Zigbee: allowing new devices to join.")),
        (4, ("info", Z), lambda: ev("Zigbee: disabling joining new devices.")),
        (6, ("info", Z), lambda: ev("Update available for '<*>'", updates())),
        (3, ("warning", Z), lambda: ev("Device '<*>' left the network", left())),
    ]

    def render(tag, content):
        level, ns = tag
        return "[%s] %s: \t%s: %s" % (c.z2m(), level, ns, content)
    write("Zigbee2MQTT", c, events, render)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


MON = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
DOW = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
# Per system: the header that must precede Content on every raw line.
HEADERS = {
    "Prefect": re.compile(r"\d\d:\d\d:\d\d\.\d{3} \| (DEBUG  |INFO   |WARNING|ERROR  ) \| "
                          r"(prefect\.worker\.process\.processworker [0-9a-f-]{36}|prefect\.flow_runs\.worker"
                          r"|Flow run '[a-z]+-[a-z]+'|Task run '[a-z_-]+-\d+') - "),
    "Tailscale": re.compile(MON + r" \d\d \d\d:\d\d:\d\d gw-office-01 tailscaled\[\d+\]: "),
    "ClamAV": re.compile(DOW + " " + MON + r" [ \d]\d \d\d:\d\d:\d\d \d{4} -> "),
    "OpenSearch": re.compile(r"\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d,\d{3}\]\[(DEBUG|INFO |WARN |ERROR)\]\[[A-Za-z.]+ *\] \[os-data-2\] "),
    "Coturn": re.compile(r"\d+: \(\d+\): (DEBUG|INFO|WARNING|ERROR): "),
    "Zigbee2MQTT": re.compile(r"\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] (debug|info|warning|error): \t(z2m|zh:ember): "),
}


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
            assert line.endswith(content), (system, i + 1)
            h = HEADERS[system].fullmatch(line[:len(line) - len(content)])
            assert h, (system, i + 1, line)
            assert "<*><*>" not in template, (system, template)
            m = template_regex(template).fullmatch(content)
            assert m, (system, i + 1, template, content)
            assert templates.setdefault(event_id, template) == template, (system, event_id)
            counts[event_id] = counts.get(event_id, 0) + 1
            seen = slots.setdefault(event_id, [set() for _ in m.groups()])
            for s, v in zip(seen, m.groups()):
                s.add(v)
        assert len(set(templates.values())) == len(templates), system
        assert MIN_EVENTS <= len(counts) <= MAX_EVENTS, (system, len(counts))
        assert min(counts.values()) >= 2, (system, counts)
        assert sum(1 for n in counts.values() if 2 <= n <= 10) >= 3, (system, counts)
        top = sorted(counts.values(), reverse=True)
        assert top[0] >= 3 * top[len(top) // 2], (system, counts)  # skewed frequencies
        assert sum(1 for n in top if n >= 3 * top[len(top) // 2]) <= 3, (system, counts)  # one to three frequent types
        for event_id, seen in slots.items():
            for j, s in enumerate(seen):
                assert len(s) >= 2, (system, event_id, "slot %d" % (j + 1), s)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary


def check_clock_order():
    """Timestamps never go back: the header times, read back in a sortable form."""
    def clam_key(l):
        return calendar.timegm(time.strptime(l[:24], "%a %b %d %H:%M:%S %Y"))

    parsers = {
        "Prefect": lambda l: l[:12],
        "Tailscale": lambda l: (MONTHS.index(l[:3]), l[4:15]),
        "ClamAV": clam_key,
        "OpenSearch": lambda l: l[1:24],
        "Coturn": lambda l: int(l.split(":", 1)[0]),
        "Zigbee2MQTT": lambda l: l[1:20],
    }
    for system, key in parsers.items():
        with open(os.path.join(HERE, system, system + ".log"), encoding="utf-8") as f:
            stamps = [key(l) for l in f.read().splitlines()]
        assert len(stamps) == LINES, system
        assert stamps == sorted(stamps), system


if __name__ == "__main__":
    prefect()
    tailscale()
    clamav()
    opensearch()
    coturn()
    zigbee2mqtt()
    check_clock_order()
    for system, counts in self_check().items():
        print("%-12s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
