#!/usr/bin/env python3
"""Writes the round-8 blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: HTCondor, Suricata, OpenVPN, Temporal, WildFly, Flink. Every line
is made here from event formats written for this corpus, following each program's default log
layout (written from memory), with values from generators of this file. No line, template or
value list is copied from a real log or data set; the messages are invented in each project's
style. The corpus was written without running any template miner on it and without reading the
miner's source.

Deterministic: fixed seed 20261212, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
quoted string, a free-text reason or error, a list, a task or job name, a Suricata signature) is
one `<*>`; punctuation around a value stays literal (`(<*>)`, `'<*>'`, `"<*>"`, `key=<*>`,
`[<*>]`, `"key":"<*>"`, `<*>/<*>`); a unit attached to a number stays literal after it
(`<*> ms`, `<*>%`) unless the unit itself varies within the slot (a Go duration such as
`850ms`/`1m9.5s`, or a size such as `18.6 MB`/`912 KB`, is one value); text that never changes
within an event type stays literal (message ids such as `WFLYUT0021:`, Temporal's
`logging-call-at` and stack traces, Flink's `CheckpointType{...}`). Event formats are written
directly as their templates: each `<*>` in a format is filled with one generated value, and every
`<*>` slot takes at least two different values within its event type (checked when the lines are
made and again on read-back).

At the end the files are read back and checked (see `self_check`).
"""
import calendar
import csv
import json
import os
import random
import re
import time

SEED = 20261212
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["HTCondor", "Suricata", "OpenVPN", "Temporal", "WildFly", "Flink"]


# ------------------------------------------------------------------------------------------
# Small value generators (pools written for this corpus).
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def uuid():
    return "%s-%s-4%s-%s%s-%s" % (hexid(8), hexid(4), hexid(3), R.choice("89ab"), hexid(3), hexid(12))


def client_ip():
    kind = R.random()
    if kind < 0.45:
        return "203.0.113.%d" % R.randint(1, 254)
    if kind < 0.8:
        return "198.51.100.%d" % R.randint(1, 254)
    return "192.0.2.%d" % R.randint(1, 254)


def eph_port():
    return str(R.randint(32768, 60999))


def go_duration(ns):
    """Go's `time.Duration.String()`: `845ns`, `123.456µs`, `1.234567ms`, `2.5s`, `1m9.5s`."""
    if ns < 1000:
        return "%dns" % ns
    if ns < 10 ** 6:
        unit, div, prec = "µs", 10 ** 3, 3
    elif ns < 10 ** 9:
        unit, div, prec = "ms", 10 ** 6, 6
    elif ns < 60 * 10 ** 9:
        unit, div, prec = "s", 10 ** 9, 9
    else:
        minutes, rest = divmod(ns, 60 * 10 ** 9)
        return "%dm%s" % (minutes, go_duration(rest) if rest >= 10 ** 9 else "0s")
    whole, frac = divmod(ns, div)
    f = ("%0*d" % (prec, frac)).rstrip("0")
    return "%d%s%s" % (whole, "." + f if f else "", unit)


def rand_go_duration(lo_ms, hi_ms, rounded=0.3):
    lo, hi = lo_ms, hi_ms
    ms = lo * (hi / lo) ** R.random()
    ns = int(ms * 10 ** 6)
    if R.random() < rounded and ns >= 10 ** 7:
        ns -= ns % 10 ** 7
    return go_duration(max(ns, 1))


def human_size():
    """A size whose unit varies: `912 KB`, `18.6 MB`, `1.2 GB`."""
    k = R.random()
    if k < 0.35:
        return "%d KB" % R.randint(4, 1023)
    if k < 0.85:
        return "%.1f MB" % R.uniform(1, 1023)
    return "%.1f GB" % R.uniform(1, 12)


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
    """Integer nanosecond clock starting on 2026-12-11 at a random second of the morning (UTC)."""

    def __init__(self):
        self.start = calendar.timegm((2026, 12, 11, 0, 0, 0)) + R.randint(6 * 3600, 11 * 3600)
        self.ns = self.start * 10 ** 9 + R.randint(0, 10 ** 9 - 1)

    def tick(self):
        self.ns += R.randint(3 * 10 ** 6, 2600 * 10 ** 6)

    @property
    def g(self):
        return time.gmtime(self.ns // 10 ** 9)

    def frac(self, digits):
        return "%0*d" % (digits, (self.ns % 10 ** 9) // 10 ** (9 - digits))

    def ymd(self, sep="-"):
        g = self.g
        return "%04d%s%02d%s%02d" % (g.tm_year, sep, g.tm_mon, sep, g.tm_mday)

    def hms(self):
        g = self.g
        return "%02d:%02d:%02d" % (g.tm_hour, g.tm_min, g.tm_sec)

    def iso(self):
        """`2026-12-11 10:00:00` (Suricata `%z`, OpenVPN 2.5+)."""
        return "%s %s" % (self.ymd(), self.hms())

    def java(self):
        """log4j / JBoss `yyyy-MM-dd HH:mm:ss,SSS`."""
        return "%s %s,%s" % (self.ymd(), self.hms(), self.frac(3))

    def condor(self):
        """HTCondor `DEBUG_TIME_FORMAT` default `%m/%d/%y %H:%M:%S`."""
        g = self.g
        return "%02d/%02d/%02d %s" % (g.tm_mon, g.tm_mday, g.tm_year % 100, self.hms())

    def zap_iso8601(self, ns=None):
        """zap's `ISO8601TimeEncoder` in UTC: `2026-12-11T10:00:00.123Z` (now, or at `ns`)."""
        ns = self.ns if ns is None else ns
        g = time.gmtime(ns // 10 ** 9)
        return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec,
                                                      (ns % 10 ** 9) // 10 ** 6)

    def epoch_ms(self):
        return str(self.ns // 10 ** 6)


# ------------------------------------------------------------------------------------------
# Filling a template.
def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and "\n" not in v, (template, values)
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    """(content, template, values) of one line of an event type."""
    values = tuple(str(v) for v in values)
    return fill(template, values), template, values


def jesc(s):
    """The body of a JSON string as zap's JSON encoder writes it: `"` and `\\` escaped, control
    characters as `\\n`, `\\t`; `<`, `>` and `&` left as they are; no ASCII escaping."""
    return json.dumps(s, ensure_ascii=False)[1:-1]


# ------------------------------------------------------------------------------------------
def write(system, clock, events, render, suffix=True):
    """events: list of (count, tag, gen); gen() -> ev(...), called after the clock ticked for
    the line; render(tag, content) -> the raw line. Counts sum to LINES; the order of lines is a
    seeded shuffle. Checks that every slot of every event type takes two or more values.
    suffix: the raw line ends with Content (Temporal: checked by `self_check` instead)."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    assert 13 <= len(events) <= 14, system
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    R.shuffle(order)
    rows, raw = [], []
    slot_values = {}
    templates = {}
    for i, k in enumerate(order):
        _, tag, gen = events[k]
        clock.tick()
        content, template, values = gen()
        assert templates.setdefault(k, template) == template, (system, template)
        line = render(tag, content)
        assert "\n" not in line and "\r" not in line, (system, line)
        if suffix:
            assert line.endswith(content), (system, line)
        else:
            assert content in line, (system, line)
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
# 1. HTCondor `condor_startd` daemon log (StartLog) with the default `DEBUG_TIME_FORMAT`
#    `%m/%d/%y %H:%M:%S ` and default `STARTD_DEBUG` (no pid, no category):
#    `12/11/26 10:00:00 slot1_3: Changing activity: Idle -> Busy`. Partitionable `slot1` with
#    dynamic slots `slot1_N`. Content is what follows the date, the time and one space.
def htcondor():
    c = Clock()
    submit_hosts = ["10.4.1.12", "10.4.1.13", "10.4.1.40", "10.4.2.7"]
    owners = ["alice@pool.example.edu", "bkumar@pool.example.edu", "cms-prod@pool.example.edu",
              "ligo.sim@pool.example.edu", "nkowalski@pool.example.edu"]

    def slot():
        return "slot1_%d" % R.randint(1, 24)

    def job_id():
        return "%d.%d" % (R.randint(41000, 48999), pick([0, 0, 0, R.randint(1, 99)]))

    def pid():
        return num(20000, 400000)

    state_moves = [("Unclaimed/Idle", "Claimed/Idle"), ("Claimed/Idle", "Claimed/Busy"), ("Claimed/Busy", "Preempting/Vacating"),
                   ("Preempting/Vacating", "Owner/Idle"), ("Claimed/Idle", "Preempting/Vacating"), ("Owner/Idle", "Unclaimed/Idle"),
                   ("Preempting/Killing", "Owner/Idle"), ("Claimed/Busy", "Claimed/Idle"), ("Claimed/Retiring", "Preempting/Vacating")]
    activity_moves = [("Idle", "Busy"), ("Busy", "Idle"), ("Busy", "Suspended"), ("Suspended", "Busy"), ("Busy", "Retiring"),
                      ("Retiring", "Idle")]
    evict_reasons = ["PREEMPT expression evaluated to TRUE",
                     "claim deactivated by schedd",
                     "job exceeded requested memory (used 9120 MB, requested 4096 MB) and the WANT_HOLD policy is not set on this execute point",
                     "startd is shutting down",
                     "MaxJobRetirementTime of 3600 seconds expired",
                     "owner became active"]
    signals = Cycle([("9", "SIGKILL"), ("6", "SIGABRT"), ("11", "SIGSEGV"), ("15", "SIGTERM")])
    gpus = ["GPU-3f2a1c0b", "GPU-77d0e2a9", "GPU-c41b90de", "GPU-0a9e55f3"]
    gpu_sets = Cycle(['"%s"' % gpus[0], '"%s", "%s"' % (gpus[1], gpus[2]), '"%s"' % gpus[3], '"%s", "%s", "%s", "%s"' % tuple(gpus)])
    dyn = Cycle([("1", "2048", "4194304", "0"), ("4", "16384", "20971520", "1"), ("8", "32768", "52428800", "2"),
                 ("2", "4096", "8388608", "0"), ("16", "65536", "104857600", "4")])

    def claim_id():
        ip = pick(["10.4.0.21", "10.4.0.22", "10.4.0.35"])
        host = {"10.4.0.21": "exec-07", "10.4.0.22": "exec-08", "10.4.0.35": "exec-19"}[ip]
        return "<%s:9618?addrs=%s-9618&alias=%s.pool.example.edu&noUDP&sock=startd_%s_%s>#%s#%s#..." % (
            ip, ip, host, num(1200, 4800), hexid(4), num(1796800000, 1796950000), num(1, 400))

    def cleaned():
        p = pid()
        return ev("Cleaned up execute directory <*>: removed <*> files (<*>) in <*> s",
                  "/var/lib/condor/execute/dir_%s" % p, num(3, 4200), human_size(), "%.3f" % R.uniform(0.002, 9))

    events = [
        (80, None, lambda: ev("<*>: Changing state and activity: <*> -> <*>", slot(), *pick(state_moves))),
        (50, None, lambda: ev("<*>: Changing activity: <*> -> <*>", slot(), *pick(activity_moves))),
        (34, None, lambda: ev("<*>: Got activate_claim request from shadow (<*>)", slot(), pick(submit_hosts))),
        (28, None, lambda: ev("<*>: Remote job ID is <*>", slot(), job_id())),
        (22, None, lambda: ev("Starter pid <*> exited with status <*>", pid(), pick(["0", "0", "0", "1", "4", "100"]))),
        (20, None, lambda: ev("<*>: Request accepted.", slot())),
        (16, None, lambda: ev("<*>: Remote owner is <*>", slot(), pick(owners))),
        (14, None, cleaned),
        (10, None, lambda: ev("<*>: Evicting job <*>: <*>", slot(), job_id(), pick(evict_reasons))),
        (8, None, lambda: ev("New dynamic slot <*> from slot1: Cpus=<*>, Memory=<*>, Disk=<*>, GPUs=<*>", slot(), *dyn())),
        (6, None, lambda: ev("Error: can't find resource with ClaimId (<*>) -- perhaps this claim was already removed?", claim_id())),
        (5, None, lambda: ev("Starter pid <*> exited on signal <*> (<*>)", pid(), *signals())),
        (4, None, lambda: ev("<*>: Assigned GPUs [<*>] to job <*>", slot(), gpu_sets(), job_id())),
        (3, None, lambda: ev("Got SIGHUP. Re-reading configuration files.")),
    ]

    def render(_, content):
        return "%s %s" % (c.condor(), content)
    write("HTCondor", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. Suricata 7 engine log file `suricata.log` with the default file format
#    `[%i - %m] %z %d: %S: ` (thread id, thread name, `YYYY-MM-DD HH:MM:SS`, level name,
#    subsystem): `[4417 - Suricata-Main] 2026-12-11 10:00:00 Notice: detect: rule reload
#    complete`. Content is what follows `<Level>: <subsystem>: `.
def suricata():
    c = Clock()
    main_tid = R.randint(3000, 9000)
    workers = {"W#01-ens1f0": "ens1f0", "W#02-ens1f0": "ens1f0", "W#03-ens1f1": "ens1f1", "W#04-ens1f1": "ens1f1"}
    tids = {"Suricata-Main": main_tid}
    for k, name in enumerate(list(workers) + ["FM#01", "FR#01", "US", "CW"]):
        tids[name] = main_tid + 3 + k

    def worker():
        return pick(sorted(workers))

    home = ["10.20.3.%d" % i for i in (14, 15, 31, 77, 102)] + ["10.20.8.5"]

    def endpoint(local):
        if local:
            return "%s:%s" % (pick(home), pick(["443", "80", "53", "8443", "22", "25"]) if R.random() < 0.3 else eph_port())
        if R.random() < 0.2:
            return "[2001:db8:%x::%x]:%s" % (R.randint(1, 0xfff), R.randint(1, 0xffff), pick(["443", "80", eph_port()]))
        return "%s:%s" % (client_ip(), pick(["443", "80", eph_port()]))

    def flow():
        a, b = endpoint(False), endpoint(True)
        return (a, b) if R.random() < 0.5 else (b, a)

    rules = ['alert http $HOME_NET any -> $EXTERNAL_NET any (msg:"LOCAL curl user agent from server segment"; flow:established,to_server; http.user_agent; content:"curl/"; startswith; sid:9100031; rev:3;)',
             'drop tls any any -> $HOME_NET 443 (msg:"LOCAL TLS SNI for retired portal"; tls.sni; content:"portal-old.example.net"; nocase; sid:9100107; rev:1;)',
             'alert dns $HOME_NET any -> any any (msg:"LOCAL DNS query for dyn-dns zone"; dns.query; content:".dyn-dns.example"; endswith; classtype:policy-violation; sid:9100210 rev:2;)',
             'alert tcp any any -> any 22 (msg:"LOCAL SSH banner on odd port"; flow:to_server; content:"SSH-2.0"; depth 7; sid:9100344;)',
             'alert http any any -> any any (msg:"LOCAL suspicious path"; http.uri; pcre:"/\\/wp-(admin|login)\\.php$/U"; http_header_names; sid:9100401; rev:4;)']
    rule_files = ["/var/lib/suricata/rules/local.rules", "/etc/suricata/rules/site-policy.rules", "/var/lib/suricata/rules/suricata.rules"]
    outputs = [("eve-log", "regular", "eve.json"), ("fast", "regular", "fast.log"), ("stats", "regular", "stats.log"),
               ("eve-log", "unix_stream", "/run/suricata/eve.sock"), ("alert-debug", "regular", "alert-debug.log")]
    ring_errors = Cycle(["Cannot allocate memory", "Device or resource busy", "Operation not permitted",
                         "No such device"])
    thresholds = Cycle([("suppress", "9100031", "14", "/etc/suricata/threshold.config"),
                        ("rate_filter", "2210045", "31", "/etc/suricata/local-threshold.config"),
                        ("threshold", "9100344", "7", "/etc/suricata/threshold.config")])
    commands = Cycle(["reload-rules", "iface-stat ens1f1", "dataset-add blocked-ips ipv4 203.0.113.77", "ruleset-stats",
                      "memcap-set flow 2gb"])
    datasets = Cycle([("blocked-ips", "ipv4", "/var/lib/suricata/data/blocked-ips.lst", "fopen failed: No such file or directory"),
                      ("ja3-bad", "md5", "/etc/suricata/datasets/ja3-bad.lst", "bad data at line 212"),
                      ("sni-watch", "string", "/var/lib/suricata/data/sni-watch.lst", "memcap reached while loading, 50000 of 61244 entries loaded")])
    def memcap_use():
        cap = pick([128, 256, 1024])
        return ("%dmb" % cap if cap < 1024 else "1gb"), "%.1f" % (cap * R.uniform(0.80, 0.999))

    versions = Cycle([("7.0.7", "SYSTEM"), ("7.0.8", "USER")])
    files_loaded = {"n": R.randint(31200, 31900)}

    def loaded():
        files_loaded["n"] += R.randint(-40, 60)
        return ev("<*> rule files processed. <*> rules successfully loaded, <*> rules failed, <*> rules skipped",
                  pick(["1", "2", "3"]), files_loaded["n"], pick(["0", "0", "0", "1", "2", "5"]), num(0, 40))

    events = [
        (88, ("Warning", "stream-tcp", worker),
         lambda: ev("stream.reassembly.memcap (<*>) reached, dropped <*> segments of flow <*> -> <*>",
                    pick(["512mb", "1gb", "2gb"]), num(1, 900), *flow())),
        (54, ("Info", "af-packet", None), None),  # filled below: needs the worker's interface
        (30, ("Info", "detect", "Suricata-Main"), loaded),
        (24, ("Info", "logopenfile", "Suricata-Main"), lambda: ev("<*> output device (<*>) initialized: <*>", *pick(outputs))),
        (20, ("Error", "detect", "Suricata-Main"),
         lambda: ev("error parsing signature \"<*>\" from file <*> at line <*>", pick(rules), pick(rule_files), num(3, 4800))),
        (16, ("Warning", "flow-manager", "FM#01"),
         lambda: ev("flow emergency mode entered (memcap <*>, in use <*> MB)", *memcap_use())),
        (14, ("Info", "flow-manager", "FM#01"),
         lambda: ev("flow emergency mode left (memcap <*>, in use <*> MB)", *memcap_use())),
        (12, ("Notice", "detect", "Suricata-Main"), lambda: ev("rule reload starting")),
        (11, ("Notice", "detect", "Suricata-Main"), lambda: ev("rule reload complete")),
        (10, ("Error", "af-packet", None), None),  # filled below
        (8, ("Warning", "threshold-config", "Suricata-Main"),
         lambda: ev("<*> for sid <*> (line <*> of <*>) ignored: rule not loaded", *thresholds())),
        (6, ("Info", "unix-manager", "US"), lambda: ev("client <*> sent command \"<*>\"", pick(["fd 14", "fd 17", "fd 21"]), commands())),
        (4, ("Error", "datasets", "Suricata-Main"), lambda: ev("dataset '<*>' (type <*>) failed to load from <*>: <*>", *datasets())),
        (3, ("Notice", "suricata", "Suricata-Main"), lambda: ev("This is Suricata version <*> RELEASE running in <*> mode", *versions())),
    ]
    # Events whose thread is chosen per line and whose Content names the thread's interface.
    current = {}

    def ring_stats():
        w = current["thread"]
        pk = R.randint(10 ** 5, 9 * 10 ** 8)
        dr = int(pk * R.uniform(0, 0.02)) if R.random() < 0.8 else 0
        return ev("ring stats for <*>: packets <*>, dropped <*> (<*>%)", workers[w], pk, dr, "%.2f" % (100.0 * dr / pk))

    def ring_fail():
        return ev("<*>: failed to set up ring: <*>", workers[current["thread"]], ring_errors())

    def threaded(gen):
        def g():
            current["thread"] = worker()
            return gen()
        return g

    events[1] = (54, ("Info", "af-packet", "@current"), threaded(ring_stats))
    events[9] = (10, ("Error", "af-packet", "@current"), threaded(ring_fail))

    def render(tag, content):
        level, subsystem, thread = tag
        if thread == "@current":
            thread = current["thread"]
        elif callable(thread):
            thread = thread()
        return "[%d - %s] %s %s: %s: %s" % (tids[thread], thread, c.iso(), level, subsystem, content)
    write("Suricata", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. OpenVPN 2.6 server writing its own log file (`--log`), default timestamps (ISO-like since
#    2.5, no microseconds at the default verbosity): `2026-12-11 10:00:00 message`. Lines of a
#    client instance start with `common_name/ip:port ` (before authentication `ip:port `), as
#    OpenVPN prints them. Content is what follows the date, the time and one space.
def openvpn():
    c = Clock()
    cns = ["alice.laptop", "bob-workstation", "carol.phone", "dev-ci-runner", "eve.tablet", "frank.home", "gw-branch-lyon"]
    peers = [client_ip() for _ in range(12)]

    def addr():
        return "%s:%s" % (pick(peers), eph_port())

    def cn_addr():
        return pick(cns), addr()

    def tun_ip():
        return "10.8.0.%d" % R.randint(2, 250)

    ciphers = ["AES-256-GCM", "AES-256-GCM", "CHACHA20-POLY1305", "AES-128-GCM"]
    tls_fail = Cycle(["error:0A000086:SSL routines::certificate verify failed",
                      "error:0A00010B:SSL routines::wrong version number",
                      "error:0A000412:SSL routines::sslv3 alert bad certificate (SSL alert number 42)",
                      "error:0A0000C1:SSL routines::no shared cipher"])
    sigusr = Cycle(["ping-restart", "connection-reset", "tls-error"])
    platforms = Cycle(["linux", "win", "mac", "android", "ios"])

    def initial():
        a = addr()
        return ev("<*> TLS: Initial packet from [AF_INET]<*>, sid=<*> <*>", a, a, hexid(8), hexid(8))

    def sent_control():
        cn, a = cn_addr()
        return ev("<*>/<*> SENT CONTROL [<*>]: 'PUSH_REPLY,route 10.20.0.0 255.255.0.0,route-gateway 10.8.0.1,topology subnet,"
                  "ping 10,ping-restart 120,ifconfig <*> 255.255.255.0,peer-id <*>,cipher <*>' (status=1)",
                  cn, a, cn, tun_ip(), num(0, 60), pick(ciphers))

    def verify():
        if R.random() < 0.5:
            return ev("<*> VERIFY OK: depth=<*>, CN=<*>", addr(), "1", "Example Corp VPN CA")
        return ev("<*> VERIFY OK: depth=<*>, CN=<*>", addr(), "0", pick(cns))

    events = [
        (80, None, initial),
        (50, None, lambda: ev("<*>/<*> PUSH: Received control message: 'PUSH_REQUEST'", *cn_addr())),
        (36, None, sent_control),
        (30, None, verify),
        (24, None, lambda: ev("<*>/<*> MULTI_sva: pool returned IPv4=<*>, IPv6=(Not enabled)", pick(cns), addr(), tun_ip())),
        (18, None, lambda: ev("<*> TLS Error: TLS key negotiation failed to occur within 60 seconds (check your network connectivity)", addr())),
        (14, None, lambda: ev("<*>/<*> Connection reset, restarting [<*>]", pick(cns), addr(), pick(["0", "0", "-1"]))),
        (12, None, lambda: ev("<*> WARNING: Failed running command (--auth-user-pass-verify): external program exited with error status: <*>",
                              addr(), pick(["1", "1", "2", "3"]))),
        (10, None, lambda: ev("<*>/<*> Data Channel: cipher '<*>', peer-id: <*>", pick(cns), addr(), pick(ciphers), num(0, 60))),
        (8, None, lambda: ev("<*> peer info: IV_PLAT=<*>", addr(), platforms())),
        (6, None, lambda: ev("<*>/<*> SIGUSR1[soft,<*>] received, client-instance restarting", pick(cns), addr(), sigusr())),
        (5, None, lambda: ev("<*>/<*> SIGTERM[soft,remote-exit] received, client-instance exiting", pick(cns), addr())),
        (4, None, lambda: ev("<*> TLS Error: TLS handshake failed: <*>", addr(), tls_fail())),
        (3, None, lambda: ev("Initialization Sequence Completed")),
    ]

    def render(_, content):
        return "%s %s" % (c.iso(), content)
    write("OpenVPN", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. Temporal server (Go, zap JSON encoder as the server configures it): one object a line,
#    `{"level":"info","ts":"2026-12-11T10:00:00.123Z","msg":"...",<tags>,"logging-call-at":"file.go:N"}`;
#    `error` records add `"error":"..."` among the tags and a `"stacktrace":"..."` at the end.
#    Levels lower case (`info`, `warn`, `error`). Content is the raw text of the object after
#    the `ts` member: from `"msg":` up to, not including, the closing `}` (so JSON escapes such
#    as `\"` and `\n\t` stay as they are in the line).
def temporal():
    c = Clock()
    history_hosts = ["10.0.2.11:7234", "10.0.2.12:7234", "10.0.2.13:7234"]
    namespaces = ["payments", "orders-prod", "default", "fraud-scoring"]
    ns_ids = {n: uuid() for n in namespaces}

    def shard():
        return num(1, 512)

    def wf_id():
        return pick(["order-processing-%s" % uuid(), "invoice-2026-12-%04d" % R.randint(1, 9999), "cron-nightly-report",
                     "payment-capture/%s" % num(100000, 999999), "kyc-check:%s" % hexid(12)])

    def trace(frames):
        return jesc("\n".join("%s\n\t%s" % (fn, path if path.startswith("/") else "/home/builder/temporal/" + path)
                               for fn, path in frames))

    st_poll = trace([("go.temporal.io/server/common/log.(*zapLogger).Error", "common/log/zap_logger.go:156"),
                     ("go.temporal.io/server/service/frontend.(*WorkflowHandler).PollWorkflowTaskQueue", "service/frontend/workflow_handler.go:931"),
                     ("go.temporal.io/api/workflowservice/v1._WorkflowService_PollWorkflowTaskQueue_Handler.func1", "/home/builder/go/pkg/mod/go.temporal.io/api@v1.43.0/workflowservice/v1/service_grpc.pb.go:1581")])
    st_task = trace([("go.temporal.io/server/common/log.(*zapLogger).Error", "common/log/zap_logger.go:156"),
                     ("go.temporal.io/server/service/history/queues.(*executableImpl).HandleErr", "service/history/queues/executable.go:447"),
                     ("go.temporal.io/server/common/tasks.(*FIFOScheduler[...]).executeTask", "common/tasks/fifo_scheduler.go:231")])
    st_ack = trace([("go.temporal.io/server/common/log.(*zapLogger).Error", "common/log/zap_logger.go:156"),
                    ("go.temporal.io/server/service/history/queues.(*queueBase).updateReaderProgress", "service/history/queues/queue_base.go:402")])

    poll_errors = ["context deadline exceeded", "Not enough hosts to serve the request",
                   'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 10.0.2.31:7235: connect: connection refused"',
                   "matching client encountered error"]
    store_errors = ["context deadline exceeded", "operation GetWorkflowExecution encountered gocql: no hosts available in the pool",
                    "Workflow execution not found", 'pq: canceling statement due to statement timeout']
    task_errors = ["context deadline exceeded", 'unable to find namespace: "fraud-scoring"', "Shard status unknown",
                   "workflow busy", "sql: transaction has already been committed or rolled back"]
    components = ["transfer-queue-processor", "timer-queue-processor", "visibility-queue-processor", "outbound-queue-processor"]
    task_types = ["TransferWorkflowTask", "TransferActivityTask", "ActivityTimeout", "WorkflowRunTimeout", "VisibilityUpsertExecution"]
    activity_types = ["ChargeCard", "SendReceiptEmail", "ReserveInventory", "ScoreTransaction", "GeneratePdf"]
    queues = ["payments-worker", "orders-tq", "pdf-render", "fraud-scorer@canary", "default"]
    services = Cycle(["frontend", "history", "matching", "worker"])
    ranges = {}

    def range_updated():
        s = shard()
        r = ranges.setdefault(s, R.randint(3, 90)) + 1
        ranges[s] = r
        return ev('"msg":"Shard range id renewed","service":"history","shard-id":<*>,"address":"<*>","shard-range-id":<*>,'
                  '"previous-shard-range-id":<*>,"logging-call-at":"context_impl.go:1311"',
                  s, pick(history_hosts), r, r - 1)

    def wf():
        n = pick(namespaces)
        return n, wf_id(), uuid()

    def wf_ns_id():
        n, w, r = wf()
        return ns_ids[n], w, r

    def members():
        svc = services()
        port = {"frontend": "7233", "history": "7234", "matching": "7235", "worker": "7239"}[svc]
        k = R.randint(1, 4)
        addrs = ",".join('"10.0.2.%d:%s"' % (20 + i * 3 + R.randint(0, 2), port) for i in range(k))
        return ev('"msg":"Current reachable members","component":"service-resolver","service":"<*>","addresses":[<*>],'
                  '"logging-call-at":"service_resolver.go:279"', svc, addrs)

    def activity_timeout(heartbeat):
        def gen():
            n, w, r = wf()
            vals = [shard(), n, w, r, "%d" % R.randint(1, 40), pick(activity_types), pick(["StartToClose", "ScheduleToClose", "Heartbeat"]),
                    num(1, 12)]
            tail = ',"last-heartbeat-time":"<*>"' if heartbeat else ""
            if heartbeat:
                vals.append(c.zap_iso8601(c.ns - R.randint(5 * 10 ** 9, 600 * 10 ** 9)))
            return ev('"msg":"Activity task timed out","service":"history","shard-id":<*>,"wf-namespace":"<*>","wf-id":"<*>",'
                      '"wf-run-id":"<*>","activity-id":"<*>","activity-type":"<*>","timeout-type":"<*>","attempt":<*>' + tail +
                      ',"logging-call-at":"timer_queue_active_task_executor.go:274"', *vals)
        return gen

    def critical():
        n, w, r = wf_ns_id()
        return ev('"msg":"Critical error processing task, retrying.","service":"history","shard-id":<*>,"address":"<*>",'
                  '"component":"<*>","wf-namespace-id":"<*>","wf-id":"<*>","wf-run-id":"<*>","queue-task-id":<*>,'
                  '"queue-task-type":"<*>","error":"<*>","logging-call-at":"executable.go:447","stacktrace":"' + st_task + '"',
                  shard(), pick(history_hosts), pick(components), n, w, r, num(10 ** 7, 9 * 10 ** 8), pick(task_types), jesc(pick(task_errors)))

    history_size = Cycle([("12582912", "10412"), ("31457280", "40007"), ("20971520", "18233")])
    scanners = Cycle(["temporal-sys-tq-scanner-workflow", "temporal-sys-history-scanner-workflow",
                      "temporal-sys-executions-scanner-workflow"])
    dyn = Cycle([("frontend.rps", "4800", "2400"), ("matching.numTaskqueueReadPartitions", "8", "4"),
                 ("history.enableReplicationStream", "true", "false")])

    def ack_error():
        return ev('"msg":"Error updating ack level for shard","service":"history","shard-id":<*>,"address":"<*>","component":"<*>",'
                  '"error":"<*>","operation-result":"OperationFailed","logging-call-at":"queue_base.go:402","stacktrace":"' + st_ack + '"',
                  shard(), pick(history_hosts), pick(components), jesc(pick(["Shard status unknown", "context deadline exceeded",
                                                                           "shard closed: ownership lost to 10.0.2.13:7234"])))

    events = [
        (77, "info", range_updated),
        (52, "warn", lambda: (lambda x: ev('"msg":"Workflow task timed out","service":"history","shard-id":<*>,"address":"<*>",'
                                           '"wf-namespace":"<*>","wf-id":"<*>","wf-run-id":"<*>","timeout-type":"<*>","wf-task-attempt":<*>,'
                                           '"logging-call-at":"timer_queue_active_task_executor.go:358"',
                                           shard(), pick(history_hosts), x[0], x[1], x[2], pick(["StartToClose", "ScheduleToStart"]),
                                           pick(["1", "1", "2", "3", "7"])))(wf())),
        (34, "error", lambda: ev('"msg":"Unable to call matching.PollWorkflowTaskQueue.","service":"frontend","wf-task-queue-name":"<*>",'
                                 '"timeout":"<*>","error":"<*>","logging-call-at":"workflow_handler.go:931","stacktrace":"' + st_poll + '"',
                                 pick(queues), rand_go_duration(200, 70000, 0.5), jesc(pick(poll_errors)))),
        (28, "info", lambda: ev('"msg":"Queue processor started","service":"history","shard-id":<*>,"address":"<*>","component":"<*>",'
                                '"lifecycle":"Started","logging-call-at":"queue_base.go:311"', shard(), pick(history_hosts), pick(components))),
        (24, "info", lambda: ev('"msg":"Queue processor stopped","service":"history","shard-id":<*>,"address":"<*>","component":"<*>",'
                                '"lifecycle":"Stopped","logging-call-at":"queue_base.go:338"', shard(), pick(history_hosts), pick(components))),
        (20, "info", members),
        (16, "warn", lambda: (lambda x: ev('"msg":"Persistent fetch operation Failure","service":"history","shard-id":<*>,"address":"<*>",'
                                           '"wf-namespace-id":"<*>","wf-id":"<*>","wf-run-id":"<*>","store-operation":"<*>","error":"<*>",'
                                           '"logging-call-at":"transaction_impl.go:488"',
                                           shard(), pick(history_hosts), x[0], x[1], x[2],
                                           pick(["get-wf-execution", "read-history-branch", "get-current-execution"]),
                                           jesc(pick(store_errors))))(wf_ns_id())),
        (13, "warn", activity_timeout(False)),
        (10, "warn", activity_timeout(True)),
        (8, "error", critical),
        (6, "warn", lambda: (lambda x, s: ev('"msg":"history size exceeds warn limit.","service":"history","wf-namespace-id":"<*>",'
                                             '"wf-id":"<*>","wf-run-id":"<*>","wf-history-size":<*>,"wf-event-count":<*>,'
                                             '"logging-call-at":"workflow_size_checker.go:109"', x[0], x[1], x[2], s[0], s[1]))(wf_ns_id(), history_size())),
        (5, "info", lambda: ev('"msg":"<*> workflow successfully started","service":"worker","logging-call-at":"scanner.go:292"', scanners())),
        (4, "error", ack_error),
        (3, "info", lambda: ev('"msg":"Dynamic config value changed","key":"<*>","value":<*>,"default-value":<*>,'
                               '"logging-call-at":"collection.go:174"', *dyn())),
    ]

    def render(level, content):
        return '{"level":"%s","ts":"%s",%s}' % (level, c.zap_iso8601(), content)
    write("Temporal", c, events, render, suffix=False)


# ------------------------------------------------------------------------------------------
# 5. WildFly `server.log` with the default `PATTERN` formatter of the periodic rotating file
#    handler, `%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c] (%t) %s%e%n`:
#    `2026-12-11 10:00:00,123 INFO  [org.jboss.as.server] (Controller Boot Thread) WFLYSRV0212: ...`.
#    Stack traces (`%e`, several lines) are left out. Content is what follows `(thread) `.
def wildfly():
    c = Clock()
    customers = [R.randint(10000, 99999) for _ in range(40)]
    users = ["m.keller", "j.ngata", "admin", "l.dubois", "svc-import", "t.oyelaran@example.org"]
    ips = [client_ip() for _ in range(14)] + ["10.30.1.8", "10.30.1.9"]

    def task_thread():
        return "default task-%d" % R.randint(1, 64)

    def msc_thread():
        return "MSC service thread 1-%d" % R.randint(1, 8)

    methods = [("ProductFacade", "public java.util.List com.example.shop.catalog.ProductFacade.search(java.lang.String,int)"),
               ("OrderService", "public com.example.shop.order.Order com.example.shop.order.OrderService.confirm(long)"),
               ("InventoryBean", "public void com.example.shop.stock.InventoryBean.reserve(java.util.Map<java.lang.Long, java.lang.Integer>)"),
               ("PaymentGateway", "public com.example.shop.pay.Receipt com.example.shop.pay.PaymentGateway.capture(java.lang.String,java.math.BigDecimal)")]
    ejb_errors = ["jakarta.ejb.EJBTransactionRolledbackException: Transaction rolled back",
                  "jakarta.ejb.EJBException: java.lang.NullPointerException: Cannot invoke \"com.example.shop.order.Address.getCountry()\" because \"shipping\" is null",
                  "jakarta.persistence.PessimisticLockException: could not obtain lock on row in relation \"inventory\"",
                  "jakarta.ejb.ConcurrentAccessTimeoutException: WFLYEJB0241: EJB 3.1 PFD2 4.8.5.5.1 concurrent access timeout on InventoryBean - could not obtain lock within 5000MILLISECONDS"]
    contexts = ["/shop", "/shop-admin", "/api", "/metrics-bridge", "/"]
    deployments = [("shop.war", "shop.war"), ("shop-admin.war", "shop-admin.war"), ("api-2.14.3.war", "api.war"),
                   ("metrics-bridge.war", "metrics-bridge.war"), ("shop-ear-4.2.0.ear", "shop.ear")]
    conn_errors = ["null: jakarta.resource.ResourceException: IJ031084: Unable to create connection",
                   "Connection to db-primary.internal:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.",
                   "FATAL: remaining connection slots are reserved for non-replication superuser connections",
                   "The connection attempt failed."]
    request_paths = lambda: pick(["/shop/api/orders/%d/items" % pick(customers), "/shop/checkout", "/api/v2/stock?sku=%s" % hexid(6).upper(),
                                  "/shop-admin/reports/daily.csv", "/shop/cart/%s" % uuid()])
    request_errors = ["java.lang.IllegalStateException: UT000002: The response has already been started",
                      "java.io.IOException: Broken pipe",
                      "jakarta.servlet.ServletException: jakarta.ws.rs.ProcessingException: RESTEASY004655: Unable to invoke request: org.apache.http.conn.HttpHostConnectException: Connect to stock-svc:8080 [stock-svc/10.30.2.17] failed: Connection refused",
                      "java.lang.OutOfMemoryError: Java heap space"]
    sql_states = Cycle([("0", "23505"), ("0", "40P01"), ("0", "57014"), ("1213", "40001")])
    regions = ["products", "categories", "prices", "shipping-zones"]
    boots = Cycle([("WildFly Full 33.0.2.Final", "25.0.2.Final", "6412", "781", "1032", "246"),
                   ("WildFly 35.0.1.Final", "27.0.1.Final", "5120", "802", "1047", "239")])

    def tx():
        return "0:ffff0a1e0108:%s:6579a1%s:%x" % (hexid(8), hexid(2), R.randint(0x10, 0xffff))

    def order():
        return ev("Order <*> confirmed for customer <*> (<*> items, total <*> <*>)",
                  "SO-2026-%06d" % R.randint(1, 999999), pick(customers), num(1, 14), "%.2f" % R.uniform(5, 2400), pick(["EUR", "EUR", "CHF", "GBP"]))

    def locked_until():
        return "2026-12-11T%s:%02d:%02dZ" % ("%02d" % ((c.g.tm_hour + 1) % 24), R.randint(0, 59), R.randint(0, 59))

    events = [
        (79, ("INFO", "com.example.shop.order.OrderService", task_thread), order),
        (48, ("WARN", "com.arjuna.ats.arjuna", lambda: "Transaction Reaper Worker %d" % R.randint(0, 1)),
         lambda: ev("ARJUNA012117: TransactionReaper::check timeout for TX <*> in state <*>", tx(), pick(["RUN", "RUN", "CANCEL"]))),
        (34, ("ERROR", "org.jboss.as.ejb3.invocation", task_thread),
         lambda: (lambda m: ev("WFLYEJB0034: Jakarta Enterprise Beans Invocation failed on component <*> for method <*>: <*>",
                               m[0], m[1], pick(ejb_errors)))(pick(methods))),
        (26, ("INFO", "org.wildfly.extension.undertow", lambda: "ServerService Thread Pool -- %d" % R.randint(60, 95)),
         lambda: ev("WFLYUT0021: Registered web context: '<*>' for server 'default-server'", pick(contexts))),
        (22, ("INFO", "org.wildfly.extension.undertow", lambda: "ServerService Thread Pool -- %d" % R.randint(60, 95)),
         lambda: ev("WFLYUT0022: Unregistered web context: '<*>' from server 'default-server'", pick(contexts))),
        (18, ("WARN", "com.example.shop.auth.LoginService", task_thread),
         lambda: ev("Login failed for user '<*>' from <*>", pick(users), pick(ips))),
        (16, ("WARN", "org.jboss.jca.core.connectionmanager.pool.strategy.OnePool", task_thread),
         lambda: ev("IJ000604: Throwable while attempting to get a new connection: <*>", pick(conn_errors))),
        (14, ("ERROR", "io.undertow.request", task_thread),
         lambda: ev("UT005023: Exception handling request to <*>: <*>", request_paths(), pick(request_errors))),
        (12, ("INFO", "org.jboss.as.server.deployment", msc_thread),
         lambda: ev("WFLYSRV0027: Starting deployment of \"<*>\" (runtime-name: \"<*>\")", *pick(deployments))),
        (10, ("WARN", "org.hibernate.engine.jdbc.spi.SqlExceptionHelper", task_thread),
         lambda: ev("SQL Error: <*>, SQLState: <*>", *sql_states())),
        (8, ("WARN", "com.example.shop.auth.LoginService", task_thread),
         lambda: ev("Login failed for user '<*>' from <*> (account locked until <*>)", pick(users), pick(ips), locked_until())),
        (6, ("INFO", "com.example.shop.cache.CatalogCache", lambda: "EE-ManagedScheduledExecutorService-default-Thread-%d" % R.randint(1, 4)),
         lambda: ev("Cache refresh took <*> ms (entries=<*>, evicted=<*>, region=<*>)", num(40, 9000), num(100, 250000), num(0, 5000), pick(regions))),
        (4, ("INFO", "org.jboss.as", lambda: "Controller Boot Thread"),
         lambda: (lambda b: ev("WFLYSRV0025: <*> (WildFly Core <*>) started in <*>ms - Started <*> of <*> services (<*> services are lazy, "
                               "passive or on-demand) - Server configuration file in use: standalone.xml", *b))(boots())),
        (3, ("INFO", "org.jboss.as.server", lambda: "Controller Boot Thread"), lambda: ev("WFLYSRV0212: Resuming server")),
    ]

    def render(tag, content):
        level, category, thread = tag
        return "%s %-5s [%s] (%s) %s" % (c.java(), level, category, thread(), content)
    write("WildFly", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. Apache Flink JobManager log (`flink-<user>-standalonesession-0-<host>.log`) with the log4j2
#    pattern Flink ships in `conf/log4j.properties`, `%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n`:
#    `2026-12-11 10:00:00,123 INFO  org.apache.flink.runtime.checkpoint.CheckpointCoordinator    [] - ...`
#    (logger name padded to 60, the empty NDC printed as `[]`). Exceptions appended after a
#    message (several lines) are left out. Content is what follows `[] - `.
def flink():
    c = Clock()
    jobs = [("orders-enrichment", hexid(32), hexid(32)), ("Fraud scoring v2", hexid(32), hexid(32)),
            ("clickstream sessionizer (nightly backfill)", hexid(32), hexid(32))]
    tasks = {
        0: [("Source: orders-kafka -> Filter -> Map", 4), ("KeyedProcess -> Sink: enriched-orders", 4)],
        1: [("Source: transactions[1]", 2), ("Window(TumblingEventTimeWindows(60000), EventTimeTrigger, ScoreAggregate, PassThroughWindowFunction) -> Sink: alerts-kafka", 8)],
        2: [("Source: clicks-s3 -> Timestamps/Watermarks", 6), ("SessionWindow -> Sink: clickhouse-sink", 6)],
    }
    vertex = {(j, t): hexid(32) for j in tasks for t in range(len(tasks[j]))}
    checkpoints = {j: R.randint(100, 4000) for j in range(len(jobs))}
    tms = [("10.0.5.%d" % (20 + i), str(R.randint(32768, 60999)), hexid(6), "flink-taskmanager-%d.flink.svc.cluster.local" % i,
            str(R.randint(32768, 60999))) for i in range(4)]

    def job():
        return R.randrange(len(jobs))

    def subtask():
        j = job()
        t = R.randrange(len(tasks[j]))
        name, par = tasks[j][t]
        idx = R.randrange(par)
        attempt = pick([0, 0, 0, 1, 2])
        attempt_id = "%s_%s_%d_%d" % (jobs[j][2], vertex[(j, t)], idx, attempt)
        return j, name, str(idx + 1), str(par), attempt_id, "%s_%d" % (vertex[(j, t)], idx)

    moves = [("CREATED", "SCHEDULED"), ("SCHEDULED", "DEPLOYING"), ("DEPLOYING", "INITIALIZING"), ("INITIALIZING", "RUNNING"),
             ("RUNNING", "FINISHED"), ("RUNNING", "CANCELING"), ("CANCELING", "CANCELED")]

    def switched():
        _, name, i, p, a, _ = subtask()
        return ev("<*> (<*>/<*>) (<*>) switched from <*> to <*>.", name, i, p, a, *pick(moves))

    failed_tm = Cycle(tms)
    failed_from = Cycle(["RUNNING", "INITIALIZING", "DEPLOYING"])

    def failed():
        _, name, i, p, a, _ = subtask()
        tm = failed_tm()
        return ev("<*> (<*>/<*>) (<*>) switched from <*> to FAILED on <*> @ <*> (dataPort=<*>).", name, i, p, a,
                  failed_from(), "%s:%s-%s" % tm[:3], tm[3], tm[4])

    def trigger():
        j = job()
        checkpoints[j] += 1
        return ev("Triggering checkpoint <*> (type=CheckpointType{name='Checkpoint', sharingFilesStrategy=FORWARD_BACKWARD}) @ <*> for job <*>.",
                  checkpoints[j], c.epoch_ms(), jobs[j][1])

    def completed():
        j = job()
        return ev("Completed checkpoint <*> for job <*> (<*> bytes, checkpointDuration=<*> ms, finalizationTime=<*> ms).",
                  checkpoints[j], jobs[j][1], num(20000, 9 * 10 ** 9), num(40, 120000), num(0, 40))

    def failed_cp():
        j = job()
        return ev("Failed to trigger or complete checkpoint <*> for job <*>. (<*> consecutive failed attempts so far)",
                  checkpoints[j] + 1, jobs[j][1], num(0, 9))

    def register():
        tm = pick(tms)
        return ev("Registering TaskManager with ResourceID <*> (<*>) at ResourceManager",
                  "%s:%s-%s" % tm[:3], "pekko.tcp://flink@%s:6122/user/rpc/taskmanager_0" % tm[0])

    def tm_id():
        return "%s:%s-%s" % pick(tms)[:3]

    job_states = [("CREATED", "RUNNING"), ("RUNNING", "RESTARTING"), ("RESTARTING", "RUNNING"), ("RUNNING", "CANCELLING"),
                  ("CANCELLING", "CANCELED"), ("RUNNING", "FAILING"), ("FAILING", "FAILED")]
    jm_ids = Cycle([hexid(32) for _ in range(3)])
    shutdowns = Cycle([("StandaloneSessionClusterEntrypoint", "UNKNOWN", "Cluster entrypoint has been closed externally"),
                       ("KubernetesSessionClusterEntrypoint", "SUCCEEDED", "Flink cluster shut down on request of the operator (generation 14)"),
                       ("StandaloneApplicationClusterEntryPoint", "FAILED", "Application failed: job orders-enrichment reached terminal state FAILED")])
    free_slots = Cycle(["0", "2", "1", "3"])

    EG = "org.apache.flink.runtime.executiongraph.ExecutionGraph"
    CC = "org.apache.flink.runtime.checkpoint.CheckpointCoordinator"
    RM = "org.apache.flink.runtime.resourcemanager.StandaloneResourceManager"
    events = [
        (88, ("INFO", EG), switched),
        (50, ("INFO", CC), trigger),
        (40, ("INFO", CC), completed),
        (24, ("INFO", "org.apache.flink.runtime.resourcemanager.slotmanager.FineGrainedSlotManager"),
         lambda: ev("Received resource requirements from job <*>: [ResourceRequirement{resourceProfile=ResourceProfile{UNKNOWN}, numberOfRequiredSlots=<*>}]",
                    jobs[job()][1], pick(["2", "4", "6", "8", "12"]))),
        (20, ("WARN", CC), failed_cp),
        (16, ("INFO", RM), register),
        (14, ("INFO", "org.apache.flink.runtime.dispatcher.StandaloneDispatcher"),
         lambda: (lambda j: ev("Received JobGraph submission '<*>' (<*>).", j[0], j[1]))(pick(jobs))),
        (12, ("INFO", EG), lambda: (lambda j: ev("Job <*> (<*>) switched from state <*> to <*>.", j[0], j[1], *pick(job_states)))(pick(jobs))),
        (10, ("WARN", RM), lambda: ev("The heartbeat of TaskManager with id <*> timed out.", tm_id())),
        (8, ("WARN", RM), lambda: ev("The heartbeat of JobManager with id <*> timed out.", jm_ids())),
        (6, ("INFO", "org.apache.flink.runtime.executiongraph.failover.RestartPipelinedRegionFailoverStrategy"),
         lambda: ev("Calculating tasks to restart to recover the failed task <*>.", subtask()[5])),
        (5, ("ERROR", "org.apache.flink.runtime.jobmaster.slotpool.DeclarativeSlotPoolBridge"),
         lambda: ev("Could not fulfill resource requirements of job <*>. Free slots: <*>", jobs[job()][1], free_slots())),
        (4, ("INFO", EG), failed),
        (3, ("INFO", "org.apache.flink.runtime.entrypoint.ClusterEntrypoint"),
         lambda: ev("Shutting <*> down with application status <*>. Diagnostics <*>.", *shutdowns())),
    ]

    def render(tag, content):
        level, logger = tag
        return "%s %-5s %-60s [] - %s" % (c.java(), level, logger, content)
    write("Flink", c, events, render)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


# Per system: the header that must precede Content on every raw line (Temporal is JSON).
HEADERS = {
    "HTCondor": re.compile(r"\d\d/\d\d/\d\d \d\d:\d\d:\d\d "),
    "Suricata": re.compile(r"\[\d+ - (Suricata-Main|W#0\d-ens1f[01]|FM#01|FR#01|US|CW)\] \d{4}-\d\d-\d\d \d\d:\d\d:\d\d "
                           r"(Error|Warning|Notice|Info): [a-z-]+: "),
    "OpenVPN": re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d "),
    "WildFly": re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (INFO |WARN |ERROR) \[[A-Za-z0-9_.]+\] \([^()]+\) "),
    "Flink": re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (INFO |WARN |ERROR) (?P<logger>[A-Za-z0-9_.]+ *) \[\] - "),
}
TEMPORAL_LINE = re.compile(r'\{"level":"(info|warn|error)","ts":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)",(.*)\}')


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
            if system == "Temporal":
                m = TEMPORAL_LINE.fullmatch(line)
                assert m and m.group(3) == content, (system, i + 1)
                obj = json.loads(line)
                assert list(obj)[:3] == ["level", "ts", "msg"], (system, i + 1)
                assert "logging-call-at" in obj, (system, i + 1)
                assert ("stacktrace" in obj) == (obj["level"] == "error"), (system, i + 1)
                assert list(obj)[-1] == ("stacktrace" if obj["level"] == "error" else "logging-call-at"), (system, i + 1)
            else:
                assert line.endswith(content), (system, i + 1)
                h = HEADERS[system].fullmatch(line[:len(line) - len(content)])
                assert h, (system, i + 1, line)
                if system == "Flink":  # `%-60c`: padded to 60, a longer name is not cut
                    lg = h.group("logger")
                    assert len(lg) == 60 or (len(lg) > 60 and not lg.endswith(" ")), (system, i + 1)
            assert "<*><*>" not in template, (system, template)
            m = template_regex(template).fullmatch(content)
            assert m, (system, i + 1, template, content)
            assert templates.setdefault(event_id, template) == template, (system, event_id)
            counts[event_id] = counts.get(event_id, 0) + 1
            seen = slots.setdefault(event_id, [set() for _ in m.groups()])
            for s, v in zip(seen, m.groups()):
                s.add(v)
        assert len(set(templates.values())) == len(templates), system
        assert 13 <= len(counts) <= 14, (system, len(counts))
        assert min(counts.values()) >= 2, (system, counts)
        assert sum(1 for n in counts.values() if 2 <= n <= 10) >= 3, (system, counts)
        top = sorted(counts.values(), reverse=True)
        assert top[0] >= 3 * top[len(top) // 2], (system, counts)  # skewed frequencies
        for event_id, seen in slots.items():
            for j, s in enumerate(seen):
                assert len(s) >= 2, (system, event_id, "slot %d" % (j + 1), s)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary


def check_clock_order():
    """Timestamps never go back: the header times, read back as strings in a sortable form."""
    def condor_key(l):
        m = re.match(r"(\d\d)/(\d\d)/(\d\d) (\d\d:\d\d:\d\d)", l)
        return "%s-%s-%s %s" % (m.group(3), m.group(1), m.group(2), m.group(4))

    parsers = {
        "HTCondor": condor_key,
        "Suricata": lambda l: re.search(r"\] (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) ", l).group(1),
        "OpenVPN": lambda l: l[:19],
        "Temporal": lambda l: json.loads(l)["ts"],
        "WildFly": lambda l: l[:23],
        "Flink": lambda l: l[:23],
    }
    for system, key in parsers.items():
        with open(os.path.join(HERE, system, system + ".log"), encoding="utf-8") as f:
            stamps = [key(l) for l in f.read().splitlines()]
        assert len(stamps) == LINES, system
        assert stamps == sorted(stamps), system


if __name__ == "__main__":
    htcondor()
    suricata()
    openvpn()
    temporal()
    wildfly()
    flink()
    check_clock_order()
    for system, counts in self_check().items():
        print("%-9s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
