#!/usr/bin/env python3
"""Writes round 13, a blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: NetworkManager, BeeGFS, Ansible, GitHubRunner, Jellyfin, OpenLDAP.
Every line is made here from event formats written for this corpus, following each program's
default log layout (written from memory), with values from generators of this file. No line,
template or value list is copied from a real log or data set; the messages are invented in each
project's style. The corpus was written without running any template miner or log parser on it
and without reading the miner's source.

Deterministic: fixed seed 20261213, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
free-text reason or error, a command line, a list, a name with spaces) is one `<*>`; punctuation
around a value stays literal (`(<*>)`, `'<*>'`, `"<*>"`, `[<*>]`, `key=<*>`, `<*>:` before a
message, a sentence-final `.`); a unit attached to a number stays literal after it (`<*> ms`,
`<*> seconds`) unless the unit varies within the slot; text that never changes within an event
type stays literal. Event formats are written directly as their templates: each `<*>` in a format
is filled with one generated value, and every `<*>` slot takes at least two different values
within its event type (checked when the lines are made and again on read-back).

At the end the files are read back and checked (see `self_check` and `check_clock_order`).
"""
import calendar
import csv
import os
import random
import re
import time

SEED = 20261213
R = random.Random(SEED)
LINES = 300
MIN_EVENTS, MAX_EVENTS = 12, 15
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["NetworkManager", "BeeGFS", "Ansible", "GitHubRunner", "Jellyfin", "OpenLDAP"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


# ------------------------------------------------------------------------------------------
# Small value generators.
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def uuid4():
    return "%s-%s-4%s-%s%s-%s" % (hexid(8), hexid(4), hexid(3), R.choice("89ab"), hexid(3), hexid(12))


def timespan(ticks):
    """.NET `TimeSpan.ToString()` (constant format `c`): `00:04:12.3456789` (ticks of 100 ns)."""
    secs, frac = divmod(ticks, 10 ** 7)
    h, rest = divmod(secs, 3600)
    m, s = divmod(rest, 60)
    return "%02d:%02d:%02d.%07d" % (h, m, s, frac)


def timespan_g(ticks):
    """.NET `TimeSpan.ToString("g")`: `0:00:01.6237118` (hours not padded, fraction trimmed)."""
    secs, frac = divmod(ticks, 10 ** 7)
    h, rest = divmod(secs, 3600)
    m, s = divmod(rest, 60)
    f = ("%07d" % frac).rstrip("0")
    return "%d:%02d:%02d%s" % (h, m, s, "." + f if f else "")


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
    """Integer nanosecond clock starting on 2026-12-13 at a given or random second."""

    def __init__(self, start_s=None, lo_ms=3, hi_ms=2600):
        if start_s is None:
            start_s = R.randint(6 * 3600, 11 * 3600)
        self.ns = (calendar.timegm((2026, 12, 13, 0, 0, 0)) + start_s) * 10 ** 9 + R.randint(0, 10 ** 9 - 1)
        self.lo, self.hi = lo_ms, hi_ms

    def tick(self):
        self.ns += R.randint(self.lo * 10 ** 6, self.hi * 10 ** 6)

    def adv(self, lo_ms, hi_ms):
        self.ns += R.randint(lo_ms * 10 ** 6, hi_ms * 10 ** 6)

    def secs(self):
        return self.ns // 10 ** 9

    def g(self):
        return time.gmtime(self.secs())

    def frac(self, digits):
        return "%0*d" % (digits, (self.ns % 10 ** 9) // 10 ** (9 - digits))

    def ymd(self):
        g = self.g()
        return "%04d-%02d-%02d" % (g.tm_year, g.tm_mon, g.tm_mday)

    def hms(self):
        g = self.g()
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def journal(self):
        """journalctl's short format: `Dec 13 08:14:02`."""
        g = self.g()
        return "%s %02d %s" % (MONTHS[g.tm_mon - 1], g.tm_mday, self.hms())

    def nm(self):
        """NetworkManager's own stamp: seconds since the epoch with four decimals."""
        return "%d.%s" % (self.secs(), self.frac(4))

    def beegfs(self):
        """BeeGFS: `Dec13 08:14:02` (month and day run together)."""
        g = self.g()
        return "%s%02d %s" % (MONTHS[g.tm_mon - 1], g.tm_mday, self.hms())

    def asctime(self):
        """Python logging's `%(asctime)s`: `2026-12-13 08:14:02,123`."""
        return "%s %s,%s" % (self.ymd(), self.hms(), self.frac(3))

    def runner(self):
        """.NET `DateTime.ToString("u")` without the T: `2026-12-13 08:14:02Z`."""
        return "%s %sZ" % (self.ymd(), self.hms())

    def us_date(self, plus_s=0):
        """InvariantCulture `DateTime.ToString()`: `12/13/2026 08:24:02`."""
        g = time.gmtime(self.secs() + plus_s)
        return "%02d/%02d/%04d %02d:%02d:%02d" % (g.tm_mon, g.tm_mday, g.tm_year, g.tm_hour, g.tm_min, g.tm_sec)

    def serilog(self):
        """Serilog `{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz}` (the clock is local time, UTC+1)."""
        return "%s %s.%s +01:00" % (self.ymd(), self.hms(), self.frac(3))

    def rfc3339(self):
        """rsyslog's high-precision RFC 3339 stamp (local time, UTC+1)."""
        return "%sT%s.%s+01:00" % (self.ymd(), self.hms(), self.frac(6))


# ------------------------------------------------------------------------------------------
# Filling a template.
def fill(template, values, padded=False):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v.strip() and "\n" not in v and (padded or v == v.strip()), (template, values)
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    """(content, template, values) of one line of an event type."""
    values = tuple(str(v) for v in values)
    return fill(template, values), template, values


def ev_padded(template, *values):
    """Like `ev`, for values that carry their own printf padding (Ansible's recap)."""
    values = tuple(str(v) for v in values)
    return fill(template, values, padded=True), template, values


# ------------------------------------------------------------------------------------------
def emit(system, n_events, items):
    """items: list of (event index k, raw line, content, template, values) in file order.
    Checks the per-type invariants while writing, then writes both files."""
    assert len(items) == LINES, (system, len(items))
    assert MIN_EVENTS <= n_events <= MAX_EVENTS, system
    rows, raw = [], []
    slot_values, templates = {}, {}
    for i, (k, line, content, template, values) in enumerate(items):
        assert templates.setdefault(k, template) == template, (system, template)
        assert "\n" not in line and "\r" not in line, (system, line)
        assert line.endswith(content), (system, line)
        rows.append([i + 1, content, "E%d" % (k + 1), template])
        raw.append(line)
        seen = slot_values.setdefault(k, [set() for _ in values])
        assert len(seen) == len(values), (system, template)
        for s, v in zip(seen, values):
            s.add(v)
    assert sorted(templates) == list(range(n_events)), (system, sorted(templates))
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
# 1. NetworkManager as journald shows it (`journalctl`, short format):
#    `Dec 13 08:14:02 thinkpad-t14 NetworkManager[1187]: <info>  [1765613642.1234] message`.
#    After the journald prefix NetworkManager writes its level in angle brackets padded to seven
#    characters plus a space (`<info>  `, `<warn>  `, `<error> `) and its own realtime stamp
#    (seconds with four decimals). The pid changes after each restart (the `is starting...`
#    line is the first line of a new pid). Content is what follows `[<stamp>] `.
def network_manager():
    c = Clock(lo_ms=20, hi_ms=9000)
    host = "thinkpad-t14"
    state = {"pid": 1187}
    wifi = "wlp0s20f3"
    p2p = "p2p-dev-" + wifi
    conns = [("Wired connection 1", "enp0s31f6"), ("eduroam", wifi), ("Hotel Lobby Free WiFi", wifi), ("Bob's iPhone", wifi),
             ("café-gäste", wifi), ("USB Ethernet", "enx00e04c6801a2"), ("corp-vpn (split tunnel)", "tun0"), ("virbr0", "virbr0"),
             ("FRITZ!Box 7590 HN", wifi)]
    uuids = {name: uuid4() for name, _ in conns}
    devices = [wifi, wifi, "enp0s31f6", "enx00e04c6801a2", p2p, "tun0", "virbr0"]

    transitions = [("unavailable", "disconnected", "none"), ("disconnected", "prepare", "none"), ("prepare", "config", "none"),
                   ("config", "need-auth", "none"), ("need-auth", "prepare", "none"), ("config", "ip-config", "none"),
                   ("ip-config", "ip-check", "none"), ("ip-check", "secondaries", "none"), ("secondaries", "activated", "none"),
                   ("activated", "deactivating", "user-requested"), ("deactivating", "disconnected", "user-requested"),
                   ("activated", "unavailable", "carrier-changed"), ("activated", "failed", "supplicant-disconnect"),
                   ("failed", "disconnected", "none"), ("ip-config", "failed", "ip-config-unavailable"),
                   ("unmanaged", "unavailable", "managed"), ("disconnected", "unmanaged", "sleeping"),
                   ("activated", "deactivating", "new-activation"), ("config", "failed", "no-secrets"),
                   ("prepare", "failed", "ssid-not-found"), ("disconnected", "prepare", "none"), ("prepare", "config", "none")]

    def state_change():
        dev = pick(devices)
        a, b, reason = pick(transitions)
        if dev in ("tun0", "virbr0"):
            sys_state = pick(["external", "external", "managed"])
        elif dev == "enx00e04c6801a2" and b == "unmanaged":
            sys_state = "removed"
        else:
            sys_state = pick(["managed"] * 6 + ["assume"])
        return ev("device (<*>): state change: <*> -> <*> (reason '<*>', sys-iface-state: '<*>')", dev, a, b, reason, sys_state)

    sup = [("disconnected", "scanning"), ("scanning", "authenticating"), ("authenticating", "associating"), ("associating", "associated"),
           ("associated", "4way_handshake"), ("4way_handshake", "completed"), ("completed", "disconnected"), ("inactive", "scanning"),
           ("scanning", "inactive"), ("completed", "group_handshake"), ("group_handshake", "completed")]

    def supplicant():
        if R.random() < 0.15:
            return ev("device (<*>): supplicant interface state: <*> -> <*>", p2p, *pick([("disconnected", "inactive"),
                                                                                         ("inactive", "disconnected")]))
        return ev("device (<*>): supplicant interface state: <*> -> <*>", wifi, *pick(sup))

    def starting_conn():
        name, dev = pick(conns)
        return ev("device (<*>): Activation: starting connection '<*>' (<*>)", dev, name, uuids[name])

    def activated():
        return ev("device (<*>): Activation: successful, device activated.", pick(conns)[1])

    failed_conns = Cycle([c2 for c2 in conns if c2[1] in (wifi, "tun0")])

    def act_failed():
        name, dev = failed_conns()
        return ev("device (<*>): Activation: failed for connection '<*>'", dev, name)

    leases = {wifi: ["192.168.178.%d" % R.randint(20, 90) for _ in range(3)] + ["10.12.%d.%d" % (R.randint(64, 127), R.randint(2, 250))
                                                                               for _ in range(3)],
              "enp0s31f6": ["10.40.0.%d" % R.randint(30, 200) for _ in range(2)], "enx00e04c6801a2": ["192.168.8.%d" % R.randint(100, 199)]}

    def lease():
        dev = pick([wifi, wifi, wifi, "enp0s31f6", "enx00e04c6801a2"])
        return ev("dhcp4 (<*>): state changed new lease, address=<*>", dev, pick(leases[dev]))

    def beginning():
        return ev("dhcp4 (<*>): activation: beginning transaction (timeout in 45 seconds)",
                  pick([wifi, wifi, "enp0s31f6", "enx00e04c6801a2"]))

    v4_default = [c2 for c2 in conns if c2[1] in (wifi, "enp0s31f6", "enx00e04c6801a2", "tun0")]
    v6_default = Cycle([("eduroam", wifi), ("Wired connection 1", "enp0s31f6"), ("FRITZ!Box 7590 HN", wifi)])

    def policy4():
        return ev("policy: set '<*>' (<*>) as default for IPv4 routing and DNS", *pick(v4_default))

    def policy6():
        return ev("policy: set '<*>' (<*>) as default for IPv6 routing and DNS", *v6_default())

    nm_states = ["CONNECTED_GLOBAL", "CONNECTED_GLOBAL", "CONNECTING", "DISCONNECTED", "CONNECTED_LOCAL", "CONNECTED_SITE", "ASLEEP",
                 "DISCONNECTING"]

    def audit_ok():
        name, _ = pick(conns)
        return ev('audit: op="connection-activate" uuid="<*>" name="<*>" pid=<*> uid=<*> result="success"', uuids[name], name,
                  pick(["2214", "2214", "48120", "51377", "3390"]), pick(["1000", "1000", "0"]))

    fail_reasons = Cycle([
        ("Bob's iPhone", "Connection 'Bob's iPhone' is not available on device wlp0s20f3 because profile is not compatible with device "
                         "(mismatching SSID)"),
        ("virbr0", "No suitable device found for this connection (device lo not available because device is strictly unmanaged)."),
        ("corp-vpn (split tunnel)", "Not authorized to control networking."),
        ("Hotel Lobby Free WiFi", "A 'wireless' setting is required if no AP path was given."),
        ("USB Ethernet", "timeout"),
    ])

    def audit_fail():
        name, reason = fail_reasons()
        return ev('audit: op="connection-activate" uuid="<*>" name="<*>" result="fail" reason="<*>"', uuids[name], name, reason)

    routes = Cycle([("254", "0.0.0.0/0", "192.168.178.1", "3", "600", "dhcp", "17", "File exists"),
                    ("254", "10.8.0.0/16", "10.8.0.1", "7", "50", "user", "101", "Network is unreachable"),
                    ("52", "0.0.0.0/0", "10.12.64.1", "3", "20600", "dhcp", "22", "Invalid argument"),
                    ("254", "192.168.122.0/24", "192.168.122.1", "5", "425", "user", "17", "File exists")])

    def route_fail():
        return ev("platform-linux: do-add-ip4-route[table: <*>, <*> via <*> dev <*> metric <*> mss 0 rt-src <*>]: failure <*> (<*>)",
                  *routes())

    versions = Cycle(["1.50.0-1.fc41", "1.50.3-1.fc41"])
    pids = Cycle([2741, 3318, 4052])

    def nm_starting():
        state["pid"] = pids()
        return ev("NetworkManager (version <*>) is starting... (after a restart, boot:9e41c0b7-52d3-4a8f-b1e6-0c27f4d9a315)",
                  versions())

    events = [
        (100, "info", state_change),
        (40, "info", supplicant),
        (28, "info", lambda: ev("manager: NetworkManager state is now <*>", pick(nm_states))),
        (24, "info", starting_conn),
        (20, "info", lease),
        (18, "info", activated),
        (18, "info", beginning),
        (14, "info", policy4),
        (10, "info", audit_ok),
        (7, "warn", act_failed),
        (6, "info", policy6),
        (5, "info", audit_fail),
        (4, "warn", route_fail),
        (3, "info", nm_starting),
        (3, "info", lambda: ev("manager: startup complete")),
    ]

    def render(level, content):
        return "%s %s NetworkManager[%d]: %-7s [%s] %s" % (c.journal(), host, state["pid"], "<%s>" % level, c.nm(), content)
    write("NetworkManager", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. BeeGFS storage server (`beegfs-storage`), its log file with the default `logType=logfile`:
#    `(2) Dec13 08:14:02 Worker4 [NodeConn (acquire stream)] >> message`: the level of the
#    message in parentheses (0 error, 1 critical, 2 warning, 3 notice), the date with month and
#    day run together, the thread name and the log context in brackets (it may hold spaces and
#    parentheses). Content is what follows ` >> `.
def beegfs():
    c = Clock(lo_ms=40, hi_ms=14000)
    workers = ["Worker%d" % i for i in range(1, 13)] + ["DirectWorker1", "DirectWorker2"]
    clients = ["10.3.2.%d" % R.randint(10, 90) for _ in range(12)] + ["10.3.0.11", "10.3.0.12"]
    targets = ["101", "102", "103", "104"]

    def client_addr():
        return "%s:%d" % (pick(clients), R.randint(32768, 60999))

    peers = [("beegfs-mgmtd", "10.3.0.5:8008", ("TCP",)), ("beegfs-meta", "10.3.0.11:8005", ("TCP", "RDMA")),
             ("beegfs-meta", "10.3.0.12:8005", ("TCP", "RDMA")), ("beegfs-storage", "10.3.0.22:8003", ("RDMA",))]

    def connected():
        kind, addr, protos = pick(peers)
        return ev("Connected: <*>@<*> (protocol: <*>)", kind, addr, pick(protos))

    def chunk_path():
        owner = pick(["u2001", "u2001", "u1417", "u30512", "u0"])
        t = "%X" % R.randint(0x67000000, 0x675FFFFF)
        return "%s/%s/%X/%X-%s-%d/%X-%s-%d" % (owner, t[:4], R.randint(0, 15), R.randint(1, 0xFFF), t, R.randint(1, 2),
                                               R.randint(1, 0xFFFF), "%X" % R.randint(0x67000000, 0x675FFFFF), R.randint(1, 2))

    open_errs = ["No such file or directory", "No such file or directory", "Permission denied", "Too many open files",
                 "Input/output error", "Stale file handle"]
    trunc_errs = Cycle(["Read-only file system", "No space left on device", "Input/output error"])
    write_errs = Cycle(["No space left on device", "Input/output error", "Disk quota exceeded", "Bad file descriptor"])

    def write_error():
        return ev("Chunk file write error. TargetID: <*>; EntryID: <*>; Offset: <*>; Count: <*>; SysErr: <*>", pick(targets),
                  "%X-%X-%d" % (R.randint(1, 0xFFFF), R.randint(0x67000000, 0x675FFFFF), R.randint(1, 2)),
                  R.randint(0, 2 ** 34) // 524288 * 524288, pick(["524288", "524288", "131072", "4096"]), write_errs())

    consistency = Cycle([("GOOD", "NEEDS_RESYNC"), ("NEEDS_RESYNC", "GOOD"), ("GOOD", "BAD"), ("BAD", "NEEDS_RESYNC")])
    pools = Cycle([("normal", "low"), ("low", "emergency"), ("emergency", "low"), ("low", "normal")])
    resync_pairs = Cycle([("101", "201"), ("102", "202"), ("103", "203")])
    resync_status = Cycle([("COMPLETED", "0"), ("INTERRUPTED", "0"), ("ERRORS", "3"), ("COMPLETED", "0"), ("ERRORS", "17")])

    def resync_done():
        status, errs = resync_status()
        return ev("Resync of target <*> finished. Status: <*>; Files synced: <*>; Dirs synced: <*>; Errors: <*>", resync_pairs()[0], status,
                  num(0, 480000), num(0, 9000), errs)

    versions = Cycle(["7.4.4", "7.4.5"])
    target_lists = Cycle(["101, 102, 103", "101, 102, 103, 104"])
    session_clients = ["%X-%X-%s" % (R.randint(0x1000, 0xFFFF), R.randint(0x67000000, 0x675FFFFF), pick(["gpu07", "gpu12", "login01",
                                                                                                      "cpu-a114", "viz02"]))
                       for _ in range(8)]

    events = [
        (110, ("3", ("ConnAccept",), "ConnAccept"),
         lambda: ev("Accepted new connection from <*> [SockFD: <*>]", client_addr(), num(20, 420))),
        (56, ("3", workers + ["TimerWork"], "NodeConn (acquire stream)"), connected),
        (30, ("2", workers, "Work (process incoming msgs)"),
         lambda: ev("Problem encountered during processing of a message. Disconnecting: <*>", client_addr())),
        (30, ("1", workers, "Open chunk file"), lambda: ev("Unable to open chunk file: <*>. SysErr: <*>", chunk_path(), pick(open_errs))),
        (20, ("3", ("TimerWork",), "SessionStore"),
         lambda: ev("Client session removed. Client: <*>; Open files closed: <*>", pick(session_clients), pick(["0", "0", "1", "4", "37"]))),
        (12, ("2", ("TimerWork",), "StorageTargets"),
         lambda: ev("Target consistency state changed. TargetID: <*>; State: <*> -> <*>", pick(targets), *consistency())),
        (9, ("0", workers, "WriteChunkFileMsg incoming"), write_error),
        (8, ("2", ("TimerWork",), "StorageTargets"),
         lambda: ev("Target capacity pool changed. TargetID: <*>; Pool: <*> -> <*>", pick(targets), *pools())),
        (6, ("2", ("BuddyResync",), "BuddyResyncJob"),
         lambda: ev("Resync of target <*> started. BuddyTargetID: <*>", *resync_pairs())),
        (5, ("2", ("BuddyResync",), "BuddyResyncJob"), resync_done),
        (5, ("0", workers, "TruncChunkFileMsg incoming"),
         lambda: ev("<*>: Unable to truncate chunk file. SysErr: <*>", chunk_path(), trunc_errs())),
        (3, ("1", ("Main",), "App"), lambda: ev("BeeGFS Storage Server Version: <*>", versions())),
        (3, ("2", ("Main",), "App"), lambda: ev("Detected storage targets: <*>", target_lists())),
        (3, ("1", ("Main",), "App"), lambda: ev("All components stopped. Exiting now!")),
    ]

    def render(tag, content):
        level, threads, context = tag
        return "(%s) %s %s [%s] >> %s" % (level, c.beegfs(), pick(threads), context, content)
    write("BeeGFS", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. Ansible with `log_path` set (`ansible.log`): Python logging's
#    `%(asctime)s p=%(process)d u=%(user)s n=%(name)s | %(message)s`:
#    `2026-12-13 08:14:02,123 p=48213 u=deploy n=ansible | TASK [common : ...] ****`. The pid
#    and the user change with each `ansible-playbook` run. The log holds what the default
#    callback prints, without colour: banners padded with `*` to 80 columns (at least three),
#    host results, and the recap, whose host lines are padded (`%-26s`, `ok=%-4s`), so they end
#    with spaces. Content is what follows ` | `. The lines come from six seeded simulated runs
#    of four playbooks; the file stops after 300 lines, in the middle of the last run.
def ansible():
    c = Clock(start_s=7 * 3600 + R.randint(0, 1800))
    names = ["task", "ok", "changed", "skipping", "ok_item", "changed_item", "recap_host", "play", "failed", "included",
             "ok_delegated", "handler", "ignoring", "unreachable", "recap"]
    E = {n: i for i, n in enumerate(names)}
    items = []
    run = {"pid": 0, "user": ""}

    def add(name, evt, lo=40, hi=2500):
        c.adv(lo, hi)
        content, template, values = evt
        line = "%s p=%d u=%s n=ansible | %s" % (c.asctime(), run["pid"], run["user"], content)
        items.append((E[name], line, content, template, values))

    def stars(msg):
        return "*" * max(3, 79 - len(msg))

    def banner(name, kind, title):
        msg = "%s [%s]" % (kind, title)
        add(name, ev(kind + " [<*>] <*>", title, stars(msg)), 300, 9000)

    def run_playbook(user, plays, unreachable=None):
        run["pid"] = R.randint(20000, 99000)
        run["user"] = user
        c.adv(600000, 2400000)
        unreachable = dict(unreachable or {})
        stats = {}
        dead = set()

        def st(h):
            return stats.setdefault(h, dict(ok=0, changed=0, unreachable=0, failed=0, skipped=0, rescued=0, ignored=0))

        for title, hosts, tasks in plays:
            banner("play", "PLAY", title)
            alive = [h for h in hosts if h not in dead]
            notified = {}
            for task in tasks:
                kind = task[0]
                if not alive:
                    break
                if kind == "include":
                    _, tname, path = task
                    banner("task", "TASK", tname)
                    add("included", ev("included: <*> for <*>", path, ", ".join(alive)))
                    continue
                banner("task", "TASK", "Gathering Facts" if kind == "facts" else task[1])
                order = alive[:]
                R.shuffle(order)
                rescued_hosts = []
                for h in order:
                    s = st(h)
                    if kind == "facts":
                        if h in unreachable:
                            add("unreachable", ev('fatal: [<*>]: UNREACHABLE! => {"changed": false, "msg": "<*>", "unreachable": true}',
                                                  h, unreachable.pop(h)), 2000, 12000)
                            s["unreachable"] += 1
                            dead.add(h)
                        else:
                            add("ok", ev("ok: [<*>]", h))
                            s["ok"] += 1
                    elif kind == "plain":
                        _, tname, p_changed, p_skip, notify = task
                        r = R.random()
                        if r < p_skip:
                            add("skipping", ev("skipping: [<*>]", h), 5, 200)
                            s["skipped"] += 1
                        elif r < p_skip + p_changed:
                            add("changed", ev("changed: [<*>]", h))
                            s["ok"] += 1
                            s["changed"] += 1
                            if notify:
                                notified.setdefault(notify, set()).add(h)
                        else:
                            add("ok", ev("ok: [<*>]", h))
                            s["ok"] += 1
                    elif kind == "loop":
                        _, tname, values, p_changed, notify = task
                        any_changed = False
                        for v in values:
                            if R.random() < p_changed:
                                add("changed_item", ev("changed: [<*>] => (item=<*>)", h, v))
                                any_changed = True
                            else:
                                add("ok_item", ev("ok: [<*>] => (item=<*>)", h, v), 20, 900)
                        s["ok"] += 1
                        if any_changed:
                            s["changed"] += 1
                            if notify:
                                notified.setdefault(notify, set()).add(h)
                    elif kind == "delegate":
                        _, tname, target = task
                        add("ok_delegated", ev("ok: [<*> -> <*>]", h, target))
                        s["ok"] += 1
                    elif kind == "fail":
                        fails, mode = task[2], task[3]
                        if h in fails:
                            add("failed", ev('fatal: [<*>]: FAILED! => {"changed": false, "msg": "<*>"}', h, fails[h]))
                            if mode == "ignore":
                                add("ignoring", ev("...ignoring"), 1, 30)
                                s["ignored"] += 1
                            elif mode == "rescue":
                                rescued_hosts.append(h)
                            else:
                                s["failed"] += 1
                                dead.add(h)
                        elif R.random() < 0.3:
                            add("changed", ev("changed: [<*>]", h))
                            s["ok"] += 1
                            s["changed"] += 1
                        else:
                            add("ok", ev("ok: [<*>]", h))
                            s["ok"] += 1
                if kind == "fail" and rescued_hosts:
                    banner("task", "TASK", task[4] if len(task) > 4 else "Roll back")
                    for h in rescued_hosts:
                        add("changed", ev("changed: [<*>]", h))
                        st(h)["ok"] += 1
                        st(h)["changed"] += 1
                        st(h)["rescued"] += 1
                alive = [h for h in alive if h not in dead]
            for handler, hs in notified.items():
                hs = [h for h in alive if h in hs]
                if not hs:
                    continue
                banner("handler", "RUNNING HANDLER", handler)
                R.shuffle(hs)
                for h in hs:
                    add("changed", ev("changed: [<*>]", h))
                    st(h)["ok"] += 1
                    st(h)["changed"] += 1
        add("recap", ev("PLAY RECAP " + stars("PLAY RECAP")), 100, 900)
        for h in sorted(stats):
            s = stats[h]
            add("recap_host", ev_padded("<*> : ok=<*> changed=<*> unreachable=<*> failed=<*> skipped=<*> rescued=<*> ignored=<*>",
                                        "%-26s" % h, *("%-4s" % s[k] for k in ("ok", "changed", "unreachable", "failed", "skipped",
                                                                               "rescued", "ignored"))), 1, 20)

    web = ["web-01", "web-02", "web-03"]
    db = ["db-01", "db-02"]
    cache = ["cache-01", "cache-02", "10.40.7.21"]
    every = web + db + ["lb-01"] + cache

    site_web = ("Configure web servers", web, [
        ("facts",),
        ("loop", "common : Install base packages", ["curl", "vim-nox", "chrony", "unattended-upgrades"], 0.25, None),
        ("plain", "common : Set timezone to Europe/Berlin", 0.15, 0.0, None),
        ("plain", "common : Disable password authentication for sshd", 0.2, 0.0, "common : restart sshd"),
        ("include", "nginx : Include distribution specific tasks", "/srv/ansible/roles/nginx/tasks/debian.yml"),
        ("plain", "nginx : Install nginx", 0.2, 0.0, None),
        ("loop", "nginx : Deploy vhosts", ["shop.example.net", "api.example.net", "static.example.net"], 0.3, "nginx : reload nginx"),
        ("plain", "nginx : Ensure sysctl [net.core.somaxconn] is raised for busy vhosts behind haproxy", 0.1, 0.0, None),
        ("plain", "nginx : Remove default site", 0.1, 0.5, None),
    ])
    site_db = ("Configure database servers", db, [
        ("facts",),
        ("plain", "postgresql : Install PostgreSQL 16", 0.1, 0.0, None),
        ("fail", "postgresql : Create replication slot", {
            "db-02": 'Unable to connect to database: connection to server on socket \\"/var/run/postgresql/.s.PGSQL.5432\\" failed: '
                     'No such file or directory\\n\\tIs the server running locally and accepting connections on that socket?\\n'},
         "ignore"),
        ("plain", "postgresql : Ensure postgresql is started and enabled", 0.3, 0.0, None),
    ])
    deploy = ("Rolling deploy of shop frontend", web, [
        ("facts",),
        ("delegate", "Disable backend in haproxy", "lb-01"),
        ("plain", "shop : Pull release artifact 2026.12.13-1", 0.9, 0.0, None),
        ("plain", "shop : Unpack release", 0.9, 0.0, "shop : restart php-fpm"),
        ("include", "shop : Run migrations on the first host only", "/srv/ansible/roles/shop/tasks/migrate.yml"),
        ("fail", "shop : Apply database migrations", {
            "web-02": 'Migration 0042_order_index failed: relation \\"shop_order\\" does not exist'}, "rescue",
         "shop : Roll back to previous release"),
        ("plain", "shop : Switch current symlink", 0.8, 0.0, "shop : restart php-fpm"),
        ("delegate", "Wait for health check on port 8080", "localhost"),
        ("delegate", "Enable backend in haproxy", "lb-01"),
    ])
    redis = ("Redis cache nodes", cache, [
        ("facts",),
        ("loop", "redis : Set kernel parameters", ["{'name': 'vm.overcommit_memory', 'value': '1'}",
                                                   "{'name': 'net.core.somaxconn', 'value': '1024'}"], 0.4, None),
        ("plain", "redis : Render redis.conf", 0.6, 0.0, "redis : restart redis"),
        ("fail", "redis : Check replication status", {
            "cache-01": "Unable to connect to Redis: Error 111 connecting to localhost:6379. Connection refused.",
            "cache-02": "Authentication required."}, "ignore"),
    ])
    upgrade = ("all", every, [
        ("facts",),
        ("fail", "Update apt cache", {
            "db-02": "Failed to lock apt for exclusive operation: Failed to lock directory /var/lib/apt/lists/: E:Could not get lock "
                     "/var/lib/apt/lists/lock. It is held by process 2231 (apt-get)"}, "fatal"),
        ("loop", "Upgrade security packages", ["openssl", "libssl3", "openssh-server", "linux-image-amd64"], 0.35, None),
        ("plain", "Check whether a reboot is required", 0.0, 0.0, None),
        ("include", "Reboot when needed", "/srv/ansible/playbooks/tasks/reboot.yml"),
        ("plain", "Reboot host", 0.1, 0.8, None),
    ])

    run_playbook("deploy", [site_web, site_db])
    run_playbook("jenkins", [deploy])
    run_playbook("root", [redis], unreachable={
        "10.40.7.21": "Failed to connect to the host via ssh: ssh: connect to host 10.40.7.21 port 22: No route to host"})
    run_playbook("deploy", [upgrade], unreachable={
        "10.40.7.21": "Failed to connect to the host via ssh: deploy@10.40.7.21: Permission denied (publickey,password).",
        "cache-02": 'Data could not be sent to remote host \\"cache-02\\". Make sure this host can be reached over ssh: ssh: Could '
                    'not resolve hostname cache-02: Name or service not known\\r\\n'})
    run_playbook("jenkins", [site_web, site_db])
    run_playbook("root", [redis])
    del items[LINES:]
    emit("Ansible", len(names), items)


# ------------------------------------------------------------------------------------------
# 4. GitHub Actions self-hosted runner, its listener diagnostic log (`_diag/Runner_*.log`):
#    `[2026-12-13 08:14:02Z INFO JobDispatcher] message`: the UTC time, the level padded to four
#    (`INFO`, `WARN`, `ERR `) and the trace source (component). What the runner prints on its
#    terminal is traced too, by `Terminal` as `WRITE LINE: ...`. The lines come from a seeded
#    simulation: start-up, then jobs (received, started, renewed every minute, finished) and
#    dropped connections between them; the file stops after 300 lines. Content is what follows
#    `<Component>] `.
def github_runner():
    c = Clock(start_s=7 * 3600 + R.randint(0, 3600))
    names = ["renew", "message", "request", "running", "start_renew", "proc_start", "proc_end", "worker_done", "completed",
             "wellknown", "exception", "connect_error", "reconnected", "cancelled"]
    E = {n: i for i, n in enumerate(names)}
    items = []

    def add(name, level, comp, evt, lo=2, hi=400):
        """evt: ev(...) or a function making it after the clock moved (for times in Content)."""
        c.adv(lo, hi)
        content, template, values = evt() if callable(evt) else evt
        items.append((E[name], "[%s %-4s %s] %s" % (c.runner(), level, comp, content), content, template, values))

    root = "/home/gha/actions-runner"
    for d, p in [("Bin", root + "/bin"), ("Root", root), ("Diag", root + "/_diag"), ("Externals", root + "/externals")]:
        add("wellknown", "INFO", "HostContext", ev("Well known directory '<*>': '<*>'", d, p))
    later_dirs = [("Work", root + "/_work"), ("Tools", "/opt/hostedtoolcache")]

    jobs = ["build", "build (ubuntu-22.04, 3.12)", "build (ubuntu-22.04, 3.13)", "test / unit (linux, amd64)", "test / integration",
            "lint & format", "e2e [chromium]", "publish: docker image", "deploy-staging", "Nightly DB backup", "docs"]
    errors = Cycle(["Connection refused (pipelines.actions.githubusercontent.com:443)",
                    "The HTTP request timed out after 00:01:40.",
                    "Name or service not known (broker.actions.githubusercontent.com:443)",
                    "The SSL connection could not be established, see inner exception."])
    state = {"session": uuid4(), "msg": R.randint(3, 9), "req": R.randint(41000, 42000)}
    cancel_left = {"n": 3}

    def job(i):
        state["msg"] += 1
        state["req"] += R.randint(1, 60)
        req, plan, jid = state["req"], uuid4(), uuid4()
        name = pick(jobs)
        add("message", "INFO", "MessageListener", ev("Message '<*>' received from session '<*>'.", state["msg"], state["session"]), 5000,
            600000)
        add("request", "INFO", "JobDispatcher", ev("Job request <*> for plan <*> job <*> received.", req, plan, jid))
        add("running", "INFO", "Terminal", lambda: ev("WRITE LINE: <*>: Running job: <*>", c.runner(), name), 1, 30)
        if later_dirs and i % 2 == 0:
            add("wellknown", "INFO", "HostContext", ev("Well known directory '<*>': '<*>'", *later_dirs.pop(0)))
        add("start_renew", "INFO", "JobDispatcher", ev("Start renew job request <*> for job <*>.", req, jid))
        pid = R.randint(2000, 60000)
        add("proc_start", "INFO", "ProcessInvokerWrapper", ev("Process started with process id <*>, waiting for process exit.", pid))
        start = c.ns
        renews = R.choice([1, 1, 2, 3, 4, 5, 6, 8, 11])
        cancel = cancel_left["n"] > 0 and i % 5 == 3
        for r in range(renews):
            add("renew", "INFO", "JobDispatcher", lambda: ev("Successfully renew job request <*>, job is valid till <*>", req, c.us_date(600)),
                59000 if r else 300, 61000 if r else 2000)
        if cancel:
            cancel_left["n"] -= 1
            add("cancelled", "WARN", "JobDispatcher",
                ev("Job request <*> was cancelled by the server. Sending cancellation to the worker.", req), 1000, 40000)
            code, result = 103, "Canceled"
        else:
            code, result = pick([(100, "Succeeded"), (100, "Succeeded"), (100, "Succeeded"), (102, "Failed")])
        add("proc_end", "INFO", "ProcessInvokerWrapper",
            ev("Finished process <*> with exit code <*>, and elapsed time <*>.", pid, code, timespan((c.ns - start) // 100 + R.randint(
                10 ** 7, 4 * 10 ** 8))), 1000, 50000)
        add("worker_done", "INFO", "JobDispatcher", ev("Worker finished for job <*>. Code: <*>", jid, code))
        add("completed", "INFO", "Terminal", lambda: ev("WRITE LINE: <*>: Job <*> completed with result: <*>", c.runner(), name, result), 1, 30)

    i = 0
    while len(items) < LINES:
        job(i)
        i += 1
        if i % 4 == 2:
            add("exception", "ERR", "MessageListener", ev("Catch exception during get next message."), 60000, 900000)
            add("connect_error", "INFO", "Terminal",
                lambda: ev("WRITE LINE: <*>: Runner connect error: <*>. Retrying until reconnected.", c.runner(), errors()), 1, 20)
            add("reconnected", "INFO", "Terminal", lambda: ev("WRITE LINE: <*>: Runner reconnected.", c.runner()), 15000, 200000)
            state["session"] = uuid4()
    del items[LINES:]
    emit("GitHubRunner", len(names), items)


# ------------------------------------------------------------------------------------------
# 5. Jellyfin server, its file log (Serilog with Jellyfin's default output template
#    `[{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz}] [{Level:u3}] [{ThreadId}] {SourceContext}: {Message:lj}`):
#    `[2026-12-13 08:14:02.123 +01:00] [INF] [42] Emby.Server.Implementations.Session.SessionManager: message`.
#    The level (`INF`, `WRN`, `ERR`), the managed thread id and the logger (source context) vary
#    per line. Content is what follows `<SourceContext>: `.
def jellyfin():
    c = Clock(lo_ms=50, hi_ms=25000)
    server = "http://192.168.1.20:8096"
    lan = ["192.168.1.%d" % R.randint(30, 120) for _ in range(5)] + ["10.8.0.6", "172.19.0.1"]

    def item_id():
        return hexid(32)

    urls = [lambda: "%s/Items/%s/PlaybackInfo?UserId=%s&StartTimeTicks=0&IsPlayback=true&AutoOpenLiveStream=true&MaxStreamingBitrate="
                    "%d" % (server, item_id(), item_id(), pick([140000000, 120000000, 8000000])),
            lambda: "%s/Users/%s/Items?SortBy=DateCreated%%2CSortName&SortOrder=Descending&IncludeItemTypes=Movie&Recursive=true"
                    "&Fields=PrimaryImageAspectRatio%%2CBasicSyncInfo&ImageTypeLimit=1&StartIndex=0&Limit=100" % (server, item_id()),
            lambda: "%s/Videos/%s/hls1/main/%d.ts?DeviceId=%s&MediaSourceId=%s&VideoCodec=h264&AudioCodec=aac" % (
                server, item_id(), R.randint(0, 900), "TW96aWxsYS81LjA" + hexid(6), item_id()),
            lambda: "%s/Items/%s/Images/Primary?fillHeight=396&fillWidth=264&quality=96&tag=%s" % (server, item_id(), hexid(32)),
            lambda: "%s/Sessions/Playing/Progress" % server,
            lambda: "%s/Library/Refresh" % server]

    def slow():
        ticks = R.randint(5 * 10 ** 6, 3 * 10 ** 7) if R.random() < 0.85 else R.randint(3 * 10 ** 7, 9 * 10 ** 8)
        return ev("Slow HTTP Response from <*> to <*> in <*> with Status Code <*>", pick(urls)(), pick(lan), timespan_g(ticks),
                  pick(["200", "200", "200", "206", "204", "500"]))

    apps = [("Jellyfin Web", "10.10.3"), ("Jellyfin Android", "2.6.2"), ("Findroid", "0.15.4"), ("Infuse-Direct", "8.0.9"),
            ("Jellyfin Media Player", "1.11.1"), ("Swiftfin iOS", "1.0.0")]
    titles = ["Amélie", "Silence in the Library", "Ocean's Eleven", '"Weird Al" Yankovic: The Ultimate Video Collection', "Alien",
              "Episode 7", "Blue Planet II - One Ocean", "Spirited Away", "The Grand Budapest Hotel", "S02E11. Sunday, Bloody Sunday",
              "Heat"]

    def playback(word):
        def gen():
            a, v = pick(apps)
            pos = "0" if word == "start" and R.random() < 0.7 else str(R.randint(1000, 7900000))
            return ev("Playback " + word + " reported by app \"<*>\" \"<*>\" playing \"<*>\". "
                      + ("Started" if word == "start" else "Stopped") + " at <*> ms", a, v, pick(titles), pos)
        return gen

    users = ["anna", "media-tv", "Papa", "kids room", "jonas.k", "guest"]
    denied = Cycle([("admin", "203.0.113.77"), ("root", "198.51.100.23"), ("anna", "192.168.1.44"), ("Administrator", "203.0.113.77")])

    media = ["/media/movies/Amélie (2001)/Amélie (2001) - Bluray-1080p.mkv",
             "/media/tv/Doctor Who (2005)/Season 04/Doctor Who (2005) - S04E08 - Silence in the Library.mkv",
             "/media/movies/Ocean's Eleven (2001)/Ocean's Eleven (2001).mkv",
             "/media/movies/Spirited Away (2001)/Spirited Away (2001) [Remux-1080p].mkv",
             "/media/movies/Heat (1995)/Heat (1995) - WEBDL-2160p HDR.mkv"]

    def ffmpeg():
        out = "/cache/transcodes/" + item_id()
        src = pick(media)
        kind = R.random()
        if kind < 0.35:
            args = ('-analyzeduration 200M -probesize 1G -f matroska -i file:"%s" -map_metadata -1 -map_chapters -1 -threads 0 -map 0:0 '
                    '-map 0:1 -map -0:s -codec:v:0 copy -bsf:v h264_mp4toannexb -start_at_zero -codec:a:0 copy -copyts '
                    '-avoid_negative_ts disabled -f hls -max_delay 5000000 -hls_time 6 -hls_segment_type mpegts -start_number 0 '
                    '-hls_segment_filename "%s%%d.ts" -hls_playlist_type vod -hls_list_size 0 -y "%s.m3u8"' % (src, out, out))
        elif kind < 0.8:
            w = pick([1920, 1280, 854])
            args = ('-analyzeduration 200M -probesize 1G -f matroska,webm -i file:"%s" -map_metadata -1 -map_chapters -1 -threads 0 '
                    '-map 0:0 -map 0:1 -map -0:s -codec:v:0 libx264 -preset veryfast -crf 23 -maxrate %d -bufsize %d -profile:v:0 high '
                    '-level 51 -x264opts:0 subme=0:me_range=4:rc_lookahead=10:me=dia:no_chroma_me:8x8dct=0:partitions=none '
                    '-force_key_frames:0 "expr:gte(t,n_forced*3)" -sc_threshold:v:0 0 -vf "setparams=color_primaries=bt709:'
                    'color_trc=bt709:colorspace=bt709,scale=trunc(min(max(iw\\,ih*a)\\,%d)/2)*2:trunc(ow/a/2)*2,format=yuv420p" '
                    '-codec:a:0 aac -ac 2 -ab 256000 -copyts -avoid_negative_ts disabled -max_muxing_queue_size 2048 -f hls '
                    '-max_delay 5000000 -hls_time 3 -hls_segment_type mpegts -start_number 0 -hls_segment_filename "%s%%d.ts" '
                    '-hls_playlist_type vod -hls_list_size 0 -y "%s.m3u8"' % (src, w * 4488, w * 8976, w, out, out))
        else:
            args = ('-i file:"/media/music/Nils Frahm/All Melody (2018)/%02d - %s.flac" -threads 0 -map 0:a:0 -codec:a:0 libmp3lame '
                    '-ac 2 -ab 192000 -map_metadata -1 -map_chapters -1 -vn -f mp3 -y "%s.mp3"' % (
                        R.randint(1, 12), pick(["The Whole Universe Wants to Be Touched", "Sunson", "Momentum", "Harm Hymn"]), out))
        return ev('"/usr/lib/jellyfin-ffmpeg/ffmpeg" <*>', args)

    tasks = ["Scan Media Library", "Extract Chapter Images", "Clean Transcode Directory", "Refresh People", "Download missing subtitles",
             "Update Plugins", "Clean up collections and playlists", "Optimize database", "Generate Trickplay Images",
             "Media Segment Scan", "Clean Log Directory"]

    def task_done():
        t = pick(tasks)
        long = t in ("Scan Media Library", "Extract Chapter Images", "Generate Trickplay Images", "Refresh People")
        return ev('"<*>" Completed after <*> minute(s) and <*> seconds', t, num(1, 47) if long else "0", num(0, 59))

    provider_errors = Cycle([
        ("Silence in the Library", "TheTVDB", "Response status code does not indicate success: 429 (Too Many Requests)."),
        ("Alien", "TheMovieDb", "The operation was canceled."),
        ("Blue Planet II - One Ocean", "Fanart", "Name or service not known (webservice.fanart.tv:443)"),
        ("Spirited Away", "TheMovieDb", "The SSL connection could not be established, see inner exception."),
    ])
    versions = Cycle(["10.10.3", "10.10.5"])
    subnets = Cycle(["192.168.1.0/24", "192.168.1.0/24, 10.8.0.0/24", "192.168.1.0/24, 10.8.0.0/24, 172.19.0.0/16"])

    sm = "Emby.Server.Implementations.Session.SessionManager"
    tm = "MediaBrowser.MediaEncoding.Transcoding.TranscodeManager"
    um = "Jellyfin.Server.Implementations.Users.UserManager"
    events = [
        (82, ("WRN", "Jellyfin.Api.Middleware.ResponseTimeMiddleware"), slow),
        (40, ("INF", sm), playback("start")),
        (34, ("INF", sm), playback("stopped")),
        (24, ("INF", um), lambda: ev('Authentication request for "<*>" has succeeded.', pick(users))),
        (22, ("INF", "Emby.Server.Implementations.HttpServer.WebSocketManager"), lambda: ev('WS "<*>" request', pick(lan))),
        (18, ("INF", tm), ffmpeg),
        (18, ("INF", "Emby.Server.Implementations.HttpServer.WebSocketConnection"), lambda: ev('WS "<*>" closed', pick(lan))),
        (16, ("INF", "Emby.Server.Implementations.ScheduledTasks.TaskManager"), task_done),
        (12, ("INF", tm), lambda: ev("FFmpeg exited with code <*>", pick(["0", "0", "0", "1", "137", "255"]))),
        (10, ("INF", tm), lambda: ev("Deleting partial stream file(s) <*>", "/cache/transcodes/%s.m3u8" % item_id())),
        (8, ("WRN", um), lambda: ev('Authentication request for "<*>" has been denied (IP: "<*>").', *denied())),
        (6, ("ERR", "MediaBrowser.Providers.Manager.ProviderManager"),
         lambda: ev('Failed to fetch remote images for "<*>" from <*>: <*>', *provider_errors())),
        (4, ("INF", "Emby.Server.Implementations.Library.LibraryManager"), lambda: ev("Validating media library")),
        (3, ("INF", "Main"), lambda: ev("Jellyfin version: <*>", versions())),
        (3, ("INF", "Jellyfin.Networking.Manager.NetworkManager"), lambda: ev("Defined LAN subnets: [<*>]", subnets())),
    ]

    def render(tag, content):
        level, ctx = tag
        tid = 1 if ctx == "Main" else R.randint(2, 140)
        if content.startswith("FFmpeg exited with code ") and not content.endswith(" 0"):
            level = "ERR"
        return "[%s] [%s] [%d] %s: %s" % (c.serilog(), level, tid, ctx, content)
    write("Jellyfin", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. OpenLDAP `slapd` (2.5/2.6, `loglevel stats`) through rsyslog with its high-precision
#    RFC 3339 stamps: `2026-12-13T08:14:02.123456+01:00 ldap01 slapd[812]: conn=1043 op=2 SRCH ...`.
#    The lines are key=value records of connections (`conn=`, `fd=`, `op=`); the lines of
#    concurrent connections interleave. The lines come from seeded simulated clients (sssd
#    hosts with long-lived connections, web applications checking passwords, an admin doing
#    modifications); the file stops after 300 lines. Content is what follows `slapd[<pid>]: `.
def openldap():
    c = Clock(start_s=8 * 3600 + R.randint(0, 3600))
    names = ["srch", "search_result", "srch_attr", "result", "accept", "bind", "bind_mech", "closed", "unbind", "closed_reason",
             "mod_dn", "mod_attr", "result_text", "eq_unindexed", "sub_unindexed"]
    E = {n: i for i, n in enumerate(names)}
    items = []
    base = "dc=corp,dc=example"
    people = ["uid=jdoe", "uid=a.kowalska", "uid=m.haddad", "uid=svc-backup", "cn=Ana María López", "cn=Smith\\, John", "uid=t.nguyen",
              "uid=r.okafor"]
    uids = ["jdoe", "a.kowalska", "m.haddad", "t.nguyen", "r.okafor", "lpetrov"]

    people_cycle = Cycle(people)

    def user_dn():
        return "%s,ou=people,%s" % (people_cycle(), base)

    def qt():
        return "0.%06d" % R.randint(5, 40)

    def et():
        return "0.%06d" % (R.randint(80, 2500) if R.random() < 0.9 else R.randint(2500, 900000))

    # (filter, base, scope, attrs or None, unindexed (kind, attr) or None)
    def sssd_search():
        u = pick(uids)
        return R.choices([
            ("(&(uid=%s)(objectClass=posixAccount)(uid=*)(&(uidNumber=*)(!(uidNumber=0))))" % u, "ou=people," + base, "1",
             "objectClass uid userPassword uidNumber gidNumber gecos homeDirectory loginShell krbPrincipalName cn memberOf", None),
            ("(&(memberUid=%s)(objectClass=posixGroup)(cn=*)(&(gidNumber=*)(!(gidNumber=0))))" % u, "ou=groups," + base, "1",
             "objectClass cn userPassword gidNumber memberUid", ("eq", "memberUid")),
            ("(&(objectClass=sudoRole)(|(sudoUser=%s)(sudoUser=%%admins)(sudoUser=ALL)))" % u, "ou=sudoers," + base, "2",
             "objectClass cn sudoCommand sudoHost sudoUser sudoOption sudoRunAsUser", ("eq", "sudoUser")),
            ("(objectClass=*)", "cn=Subschema", "0", "objectClasses attributeTypes", None),
            ("(&(objectClass=posixGroup)(gidNumber=%d))" % R.randint(10000, 10080), "ou=groups," + base, "1", "cn gidNumber memberUid",
             None),
            ("(&(objectClass=ipService)(cn=*))", base, "2", None, None),
        ], weights=[6, 1, 1, 1, 2, 1])[0]

    def app_search(u):
        k = app_kind()
        if k == 0:
            return ("(&(objectClass=inetOrgPerson)(uid=%s))" % u, "ou=people," + base, "2", "uid cn mail displayName", None)
        if k == 1:
            return ("(&(objectClass=inetOrgPerson)(mail=%s@corp.example))" % u, "ou=people," + base, "2", "uid cn mail", ("eq", "mail"))
        if k == 2:
            a = sub_attrs()
            return ("(&(objectClass=inetOrgPerson)(|(%s=*%s*)(mail=*%s*)))" % (a, u[:3], u[:3]), "ou=people," + base, "2", "1.1",
                    ("sub", a))
        return ("(&(objectClass=groupOfNames)(member=uid=%s,ou=people,%s))" % (u, base), "ou=groups," + base, "2", "cn", None)

    sub_attrs = Cycle(["cn", "displayName", "sn"])
    search_errs = Cycle([("32", "0"), ("4", "500")])
    srch_count = {"n": 0}
    app_kind = Cycle([0, 1, 2, 3, 2])
    conn = {"n": R.randint(1040, 1090)}
    fds = list(range(12, 60))
    active = []

    def script_for(kind):
        conn["n"] += 1
        cid = conn["n"]
        fds.sort()
        fd = fds.pop(0)
        s = {"fd": fd, "lines": [], "op": 0}
        L = s["lines"]
        pre = "conn=<*> "

        def opline(name, tmpl, *vals):
            L.append((name, ev(pre + "op=<*> " + tmpl, cid, s["op"], *vals)))

        def search(f):
            flt, b, scope, attrs, unidx = f
            opline("srch", 'SRCH base="<*>" scope=<*> deref=<*> filter="<*>"', b, scope, pick(["0", "0", "3"]), flt)
            if attrs:
                opline("srch_attr", "SRCH attr=<*>", attrs)
            if unidx:
                k, a = unidx
                if k == "eq":
                    L.append(("eq_unindexed", ev("<= mdb_equality_candidates: (<*>) not indexed", a)))
                else:
                    L.append(("sub_unindexed", ev("<= mdb_substring_candidates: (<*>) not indexed", a)))
            n = "1" if "(uid=" in flt or "(mail=" in flt else pick(["0", "1", "1", "3", "12"])
            err = "0"
            if b == "cn=Subschema":
                n = "1"
            else:
                srch_count["n"] += 1
                if srch_count["n"] % 9 == 0:
                    err, n = search_errs()
            opline("search_result", "SEARCH RESULT tag=101 err=<*> qtime=<*> etime=<*> nentries=<*> text=", err, qt(), et(), n)
            s["op"] += 1

        def bind(dn, ok, ssf):
            opline("bind", 'BIND dn="<*>" method=128', dn)
            if ok:
                opline("bind_mech", 'BIND dn="<*>" mech=SIMPLE bind_ssf=0 ssf=<*>', dn, ssf)
            opline("result", "RESULT tag=<*> err=<*> qtime=<*> etime=<*> text=", "97", "0" if ok else "49", qt(), et())
            s["op"] += 1

        def close(how):
            if how == "unbind":
                opline("unbind", "UNBIND")
                L.append(("closed", ev(pre + "fd=<*> closed", cid, fd)))
            elif how in ("connection lost", "idletimeout"):
                L.append(("closed_reason", ev(pre + "fd=<*> closed (<*>)", cid, fd, how)))

        if kind == "sssd":
            host = "10.40.1.%d" % R.randint(11, 60)
            port = pick(["389", "636"])
            L.append(("accept", ev(pre + "fd=<*> ACCEPT from IP=<*> (IP=<*>)", cid, fd, "%s:%d" % (host, R.randint(32768, 60999)),
                                   "0.0.0.0:" + port)))
            bind("cn=sssd,ou=services," + base, True, "256" if port == "636" else "0")
            for _ in range(R.randint(3, 10)):
                search(sssd_search())
            close(sssd_end())
        elif kind == "app":
            app, host = pick([("gitlab", "10.40.3.5"), ("nextcloud", "10.40.3.8"), ("grafana", "10.40.3.12")])
            L.append(("accept", ev(pre + "fd=<*> ACCEPT from IP=<*> (IP=<*>)", cid, fd, "%s:%d" % (host, R.randint(32768, 60999)),
                                   "0.0.0.0:389")))
            bind("cn=%s,ou=services,%s" % (app, base), True, "0")
            u = pick(uids)
            search(app_search(u))
            bind("uid=%s,ou=people,%s" % (u, base) if R.random() < 0.7 else user_dn(), password_ok(), "0")
            close(app_end())
        else:
            L.append(("accept", ev(pre + "fd=<*> ACCEPT from IP=<*> (IP=<*>)", cid, fd, "10.40.9.4:%d" % R.randint(32768, 60999),
                                   "0.0.0.0:636")))
            bind("cn=admin," + base, True, "256")
            for _ in range(R.randint(1, 3)):
                opline("mod_dn", 'MOD dn="<*>"', user_dn())
                mod = mods()
                opline("mod_attr", "MOD attr=<*>", mod[0])
                if mod[1]:
                    err = {"m": "20", "u": "21", "o": "65", "P": "19"}[mod[1][0]]
                    opline("result_text", "RESULT tag=103 err=<*> qtime=<*> etime=<*> text=<*>", err, qt(), et(), mod[1])
                else:
                    opline("result", "RESULT tag=<*> err=<*> qtime=<*> etime=<*> text=", "103", pick(["0", "0", "0", "50"]), qt(), et())
                s["op"] += 1
            close("unbind")
        return s

    kinds = Cycle(["sssd"] * 4 + ["app"] * 5 + ["admin"] * 3)
    password_ok = Cycle([True, True, True, False])
    mods = Cycle([("mail telephoneNumber", None), ("userPassword pwdChangedTime", None), ("loginShell", None),
                  ("mail", "modify/add: mail: value #0 already exists"), ("uidNumber", "uidNumber: value #0 invalid per syntax"),
                  ("objectClass homeDirectory", "object class 'posixAccount' requires attribute 'homeDirectory'"),
                  ("userPassword", "Password fails quality checking policy"), ("description", None)])
    sssd_end = Cycle(["unbind", "connection lost", "idletimeout", "open"])
    app_end = Cycle(["unbind", "unbind", "unbind", "connection lost"])
    while len(items) < LINES:
        if not active or (len(active) < 5 and R.random() < 0.1):
            active.append(script_for(kinds()))
        cn = pick(active)
        if cn["lines"]:
            name, evt = cn["lines"].pop(0)
            c.adv(1, 900)
            content, template, values = evt
            items.append((E[name], "%s ldap01 slapd[812]: %s" % (c.rfc3339(), content), content, template, values))
        else:
            active.remove(cn)
            fds.append(cn["fd"])
    emit("OpenLDAP", len(names), items)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


MON = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
# Per system: the header that must precede Content on every raw line.
HEADERS = {
    "NetworkManager": re.compile(MON + r" \d\d \d\d:\d\d:\d\d thinkpad-t14 NetworkManager\[\d+\]: "
                                       r"(<info>  |<warn>  |<error> )\[\d{10}\.\d{4}\] "),
    "BeeGFS": re.compile(r"\([0-5]\) " + MON + r"\d\d \d\d:\d\d:\d\d [A-Za-z0-9]+ \[[^\]]+\] >> "),
    "Ansible": re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} p=\d+ u=[a-z]+ n=ansible \| "),
    "GitHubRunner": re.compile(r"\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ (INFO|WARN|ERR |VERB) [A-Za-z]+\] "),
    "Jellyfin": re.compile(r"\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \+01:00\] \[(INF|WRN|ERR|DBG)\] \[\d+\] [A-Za-z.]+: "),
    "OpenLDAP": re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+01:00 ldap01 slapd\[\d+\]: "),
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
            # Content starts with text; only Ansible's padded recap lines end with spaces.
            assert content and content == content.lstrip(), (system, i + 1)
            assert content == content.rstrip() or (system == "Ansible" and " : ok=" in content), (system, i + 1)
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
        assert min(counts.values()) >= 3, (system, counts)
        assert sum(1 for n in counts.values() if 3 <= n <= 10) >= 3, (system, counts)
        top = sorted(counts.values(), reverse=True)
        assert top[0] >= 3 * top[len(top) // 2], (system, counts)  # skewed frequencies
        assert sum(1 for n in top if n >= 40) <= 3, (system, counts)  # one to three frequent types
        for event_id, seen in slots.items():
            for j, s in enumerate(seen):
                assert len(s) >= 2, (system, event_id, "slot %d" % (j + 1), s)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary


def check_clock_order():
    """Timestamps never go back: the header times, read back in a sortable form. For
    NetworkManager both the journald time and NetworkManager's own stamp are checked, and they
    must name the same second; the Runner's `WRITE LINE: <time>:` stamps must equal the header's."""
    def read(system):
        with open(os.path.join(HERE, system, system + ".log"), encoding="utf-8") as f:
            return f.read().splitlines()

    nm = read("NetworkManager")
    journal, own = [], []
    for l in nm:
        m = re.match(MON + r" (\d\d) (\d\d:\d\d:\d\d) .*? \[(\d{10})\.(\d{4})\] ", l)
        journal.append("%02d-%s %s" % (MONTHS.index(m.group(1)) + 1, m.group(2), m.group(3)))
        own.append(int(m.group(4)) * 10000 + int(m.group(5)))
        assert time.strftime("%m-%d %H:%M:%S", time.gmtime(int(m.group(4)))) == journal[-1], l
    assert journal == sorted(journal) and own == sorted(own), "NetworkManager"

    beegfs = [(MONTHS.index(l[4:7]), l[7:9], l[10:18]) for l in read("BeeGFS")]
    assert beegfs == sorted(beegfs), "BeeGFS"
    for system, key in [("Ansible", lambda l: l[:23]), ("Jellyfin", lambda l: l[1:24]), ("OpenLDAP", lambda l: l[:26])]:
        stamps = [key(l) for l in read(system)]
        assert stamps == sorted(stamps), system
    runner = read("GitHubRunner")
    stamps = [l[1:21] for l in runner]
    assert stamps == sorted(stamps), "GitHubRunner"
    for l in runner:
        m = re.search(r"\] WRITE LINE: (\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ): ", l)
        if m:
            assert m.group(1) == l[1:21], l
    for lines in (nm, beegfs, runner):
        assert len(lines) == LINES


if __name__ == "__main__":
    network_manager()
    beegfs()
    ansible()
    github_runner()
    jellyfin()
    openldap()
    check_clock_order()
    for system, counts in self_check().items():
        print("%-14s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
