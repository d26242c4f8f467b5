#!/usr/bin/env python3
"""Writes sealed 11, a never-read, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: NvidiaContainerToolkit, PowerDNS, MLflow, BuildKit, Lustre,
Vsftpd. Every line is made here from event formats written for this corpus, following each
program's default log layout (written from memory), with values from generators of this file.
No line, template or value list is copied from a real log or data set; the messages are invented
in each project's style. The corpus was written without running any template miner or log parser
on it and without reading the miner's source.

Deterministic: fixed seed 20261215, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces (a
free-text reason or error, a command line, a list) is one `<*>`; punctuation around a value stays
literal (`(<*>)`, `'<*>'`, `"<*>"`, `[<*>]`, `key=<*>`, `<*>:` before a message, a
sentence-final `.`); a unit attached to a number stays literal after it (`<*> bytes`,
`<*>Kbyte/sec`, `<*>%`) unless the unit varies within the slot; text that never changes within an
event type stays literal. Event formats are written directly as their templates: each `<*>` in a
format is filled with one generated value, and every `<*>` slot takes at least two different
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

SEED = 20261215
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["NvidiaContainerToolkit", "PowerDNS", "MLflow", "BuildKit", "Lustre", "Vsftpd"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
DAY0 = calendar.timegm((2026, 12, 15, 0, 0, 0))


# ------------------------------------------------------------------------------------------
# Small value generators.
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def hexid(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def b36id(n):
    return "".join(R.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))


class Cycle:
    """Draws from a pool in seeded shuffled rounds, so that a rare event type sees several
    different values."""

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


def jesc(s):
    """A string as Go's encoding/json writes it inside quotes (HTML escaping on, as logrus's
    JSONFormatter leaves it)."""
    out = json.dumps(s, ensure_ascii=False)[1:-1]
    return out.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def gq(s):
    """The inside of Go's %q (and of C++ std::quoted) for the printable ASCII used here."""
    return s.replace("\\", "\\\\").replace('"', '\\"')


LOGFMT_PLAIN = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._/@^+")


def lv(s):
    """A logrus TextFormatter field value: bare when every character is plain, else %q."""
    return s if s and all(ch in LOGFMT_PLAIN for ch in s) else '"%s"' % gq(s)


class Clock:
    """Integer nanosecond clock on 2026-12-15 (UTC)."""

    def __init__(self, start_s, lo_ms, hi_ms):
        self.ns = (DAY0 + start_s) * 10 ** 9 + R.randint(0, 10 ** 9 - 1)
        self.lo, self.hi = lo_ms, hi_ms

    def tick(self, lo_ms=None, hi_ms=None):
        lo = self.lo if lo_ms is None else lo_ms
        hi = self.hi if hi_ms is None else hi_ms
        self.ns += R.randint(lo * 10 ** 6, hi * 10 ** 6)

    def secs(self):
        return self.ns // 10 ** 9

    def g(self, offset_s=0):
        return time.gmtime(self.secs() + offset_s)

    def frac(self, digits):
        return "%0*d" % (digits, (self.ns % 10 ** 9) // 10 ** (9 - digits))

    def rfc3339_local(self):
        """Go time.RFC3339 in a UTC+1 zone: `2026-12-15T10:00:00+01:00`."""
        return time.strftime("%Y-%m-%dT%H:%M:%S", self.g(3600)) + "+01:00"

    def rfc3339_nano(self):
        """`2026-12-15T09:00:00.123456789Z` (fixed 9 digits)."""
        return time.strftime("%Y-%m-%dT%H:%M:%S", self.g()) + "." + self.frac(9) + "Z"

    def syslog(self):
        """journalctl short format: `Dec 15 09:00:00`."""
        g = self.g()
        return "%s %2d %s" % (MONTHS[g.tm_mon - 1], g.tm_mday, time.strftime("%H:%M:%S", g))

    def epoch_milli(self):
        return "%d.%s" % (self.secs(), self.frac(3))

    def gunicorn(self):
        """gunicorn error log: `2026-12-15 09:00:00 +0000`."""
        return time.strftime("%Y-%m-%d %H:%M:%S", self.g()) + " +0000"

    def clf(self):
        """gunicorn access log `%(t)s` without the brackets: `15/Dec/2026:09:00:00 +0000`."""
        g = self.g()
        return "%02d/%s/%04d:%s +0000" % (g.tm_mday, MONTHS[g.tm_mon - 1], g.tm_year, time.strftime("%H:%M:%S", g))

    def http_date(self):
        g = self.g()
        return "%s, %02d %s %04d %s GMT" % (WEEKDAYS[g.tm_wday], g.tm_mday, MONTHS[g.tm_mon - 1], g.tm_year,
                                              time.strftime("%H:%M:%S", g))

    def vsftpd(self):
        """vsftpd's date: `Tue Dec 15 09:00:00 2026` (day padded with a space)."""
        g = self.g()
        return "%s %s %2d %s %04d" % (WEEKDAYS[g.tm_wday], MONTHS[g.tm_mon - 1], g.tm_mday, time.strftime("%H:%M:%S", g),
                                      g.tm_year)


# ------------------------------------------------------------------------------------------
# Filling a template.
def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v.strip() and v == v.strip() and "\n" not in v, (template, values)
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    """(content, template, values) of one line of an event type."""
    values = tuple(str(v) for v in values)
    return fill(template, values), template, values


class Sink:
    """Collects (event index, raw line, content, template, values) in file order."""

    def __init__(self, names):
        self.E = {n: i for i, n in enumerate(names)}
        assert len(self.E) == len(names)
        self.items = []

    def add(self, name, prefix, evt):
        content, template, values = evt
        self.items.append((self.E[name], prefix + content, content, template, values))

    def full(self):
        return len(self.items) >= LINES


def emit(system, sink):
    """Checks the per-type invariants while writing, then writes both files."""
    items = sink.items[:LINES]
    n_events = len(sink.E)
    assert len(items) == LINES, (system, len(items))
    assert 12 <= n_events <= 15, system
    rows, raw = [], []
    slot_values, templates = {}, {}
    for i, (k, line, content, template, values) in enumerate(items):
        assert templates.setdefault(k, template) == template, (system, template, templates[k])
        assert "\n" not in line and "\r" not in line, (system, line)
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
            assert len(s) >= 2, (system, "E%d" % (k + 1), templates[k], "slot %d" % (j + 1), s)
    folder = os.path.join(HERE, system)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, system + ".log"), "w", newline="", encoding="utf-8") as f:
        f.write("\n".join(raw) + "\n")
    with open(os.path.join(folder, system + ".log_structured.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def shuffled(counts):
    """[(count, name)] -> a seeded shuffle of the names, each repeated count times."""
    assert sum(n for n, _ in counts) == LINES, sum(n for n, _ in counts)
    order = [name for n, name in counts for _ in range(n)]
    R.shuffle(order)
    return order


# ------------------------------------------------------------------------------------------
# 1. NVIDIA Container Toolkit: the debug log of nvidia-container-runtime
#    (`/var/log/nvidia-container-runtime.log`, `log-level = "debug"`), logrus's JSONFormatter:
#    one JSON object per line, keys sorted (`error` when set, `level`, `msg`, `time`), time in
#    Go's RFC 3339 in the host's zone (UTC+1 here), HTML characters escaped (`\u003e`). The
#    runtime is run by containerd-shim for every OCI command (create, start, exec, kill, delete)
#    of every container on a Docker host. There is no header outside the JSON object: Content
#    is the whole line.
def nvidia_container_toolkit():
    s = Sink(["cmdline", "lowlevel", "nomod", "bundle", "ocispec", "mode", "hook", "applied", "cdidevs", "selecting",
              "notlocated", "specignored", "failed"])
    c = Clock(7 * 3600 + R.randint(0, 1800), 1, 14)

    def nv(name, level, msg, *vals, err=None):
        """msg: the msg template, its literal text already JSON-escaped; vals are raw."""
        head, evals = "", []
        if err is not None:
            etmpl, evs = err
            head = '"error":"%s",' % etmpl
            evals = [jesc(v) for v in evs]
        template = '{%s"level":"%s","msg":"%s","time":"<*>"}' % (head, level, msg)
        s.add(name, "", ev(template, *(evals + [jesc(v) for v in vals] + [c.rfc3339_local()])))

    driver = "550.127.05"
    containers = []
    t = 0
    modes = ["legacy"] * 20
    for i in (2, 6, 9, 13, 16):
        modes[i] = "cdi"
    fails = {4, 9, 14}
    for i in range(20):
        t += R.randint(15, 420)
        cid = hexid(64)
        life = R.randint(8, 2400)
        execs = sorted(t + R.randint(1, life - 1) for _ in range(pick([0, 0, 1, 1, 2, 3])))
        containers.append({"id": cid, "mode": modes[i], "fail": i in fails, "t": t, "life": life, "execs": execs})

    invocations = []  # (seconds offset, sequence, container, op)
    seq = 0
    for cn in containers:
        t0 = cn["t"]
        plan = [(t0, "create")]
        if cn["fail"]:
            plan.append((t0 + 1, "delete"))
        else:
            plan.append((t0 + 1, "start"))
            plan += [(te, "exec") for te in cn["execs"]]
            plan.append((t0 + cn["life"], "kill"))
            plan.append((t0 + cn["life"] + 1, "delete"))
        for when, op in plan:
            seq += 1
            invocations.append((when, seq, cn, op))
    invocations.sort(key=lambda x: (x[0], x[1]))

    task = "/run/containerd/io.containerd.runtime.v2.task/moby/"
    legacy_errors = Cycle([
        "failed to construct OCI spec modifier: requirements not met: unsatisfied condition: cuda>=12.6 (cuda=12.4)",
        "failed to construct OCI spec modifier: failed to construct discoverer: failed to create mount discoverer: failed to "
        "locate libnvidia-ml.so.1: pattern libnvidia-ml.so.1 not found",
    ])
    cdi_error = ("failed to construct OCI spec modifier: failed to create CDI modifier: failed to resolve CDI devices: "
                 "unresolvable CDI devices nvidia.com/gpu=3")
    cdi_devs = Cycle(["nvidia.com/gpu=all", "nvidia.com/gpu=0", "nvidia.com/gpu=1 nvidia.com/gpu=2",
                      "nvidia.com/gpu=GPU-3b7c1e52-9f0a-4d8e-b1c6-6a2f9d04e7b1"])
    selectable = ["/dev/nvidiactl", "/dev/nvidia-uvm", "/dev/nvidia-uvm-tools", "/dev/nvidia0", "/dev/nvidia1", "/dev/nvidia2",
                  "/usr/bin/nvidia-smi", "/usr/bin/nvidia-debugdump", "/run/nvidia-persistenced/socket",
                  "/usr/lib/x86_64-linux-gnu/libcuda.so." + driver, "/usr/lib/x86_64-linux-gnu/libnvidia-ml.so." + driver,
                  "/usr/lib/x86_64-linux-gnu/libnvidia-ptxjitcompiler.so." + driver,
                  "/lib/firmware/nvidia/%s/gsp_ga10x.bin" % driver]
    not_located = Cycle([("libnvidia-egl-gbm.so." + driver, "pattern libnvidia-egl-gbm.so.%s not found" % driver),
                         ("/nvidia-fabricmanager/socket", "pattern /nvidia-fabricmanager/socket not found"),
                         ("nvidia-imex-ctl", "pattern nvidia-imex-ctl not found"),
                         ("libnvidia-vulkan-producer.so", "pattern libnvidia-vulkan-producer.so.* not found")])
    ignored_specs = Cycle([("/etc/cdi/nvidia.yaml", "failed to parse CDI Spec \"/etc/cdi/nvidia.yaml\": yaml: line 41: mapping "
                                                   "values are not allowed in this context"),
                           ("/var/run/cdi/nvidia-legacy.json", "invalid CDI Spec: cdiVersion \"0.3.0\" is not supported, "
                                                               "device \"gpu0\" has no edits"),
                           ("/etc/cdi/mellanox-ofed.yaml", "unresolvable vendor")])

    for when, _, cn, op in invocations:
        if s.full():
            break
        start_ns = (DAY0 + 7 * 3600 + 1800 + when) * 10 ** 9 + R.randint(0, 10 ** 9 - 1)
        c.ns = max(c.ns + R.randint(2, 30) * 10 ** 6, start_ns)
        b = task + cn["id"]
        args = ("/usr/bin/nvidia-container-runtime --root /var/run/docker/runtime-runc/moby --log %s/log.json --log-format json "
                "--systemd-cgroup " % b)
        if op == "create":
            args += "create --bundle %s --pid-file %s/init.pid %s" % (b, b, cn["id"])
        elif op == "start":
            args += "start " + cn["id"]
        elif op == "exec":
            args += "exec --process /tmp/runc-process%d --detach --pid-file %s/%s.pid %s" % (
                R.randint(100000000, 999999999), b, hexid(64), cn["id"])
        elif op == "kill":
            args += "kill %s %s" % (cn["id"], pick(["15", "15", "9"]))
        else:
            args += ("delete --force %s" if cn["fail"] else "delete %s") % cn["id"]
        nv("cmdline", "debug", "Command line arguments: [<*>]", args)
        c.tick()
        if op != "create":
            nv("nomod", "debug", "No modification required")
            c.tick()
            nv("lowlevel", "info", "Using low-level runtime /usr/bin/runc")
            continue
        nv("bundle", "debug", "Using bundle directory: <*>", b)
        c.tick()
        nv("ocispec", "info", "Using OCI specification file path: <*>", b + "/config.json")
        c.tick()
        nv("mode", "info", "Auto-detected mode as '<*>'", cn["mode"])
        c.tick()
        if cn["fail"]:
            nv("failed", "error", "failed to create NVIDIA Container Runtime: <*>",
               cdi_error if cn["mode"] == "cdi" else legacy_errors())
            continue
        if cn["mode"] == "legacy":
            nv("hook", "info", "Using prestart hook path: /usr/bin/nvidia-container-runtime-hook")
            c.tick()
        else:
            nv("cdidevs", "info", "Injecting CDI devices: [<*>]", cdi_devs())
            c.tick()
            if R.random() < 0.8:
                spec, err = ignored_specs()
                nv("specignored", "warning", "Ignoring CDI spec file <*>", spec, err=("<*>", [err]))
                c.tick()
            for p in sorted(R.sample(selectable, R.randint(4, 7)), key=selectable.index):
                nv("selecting", "info", "Selecting <*> as <*>", p, p)
                c.tick(0, 2)
            for _ in range(R.randint(1, 2)):
                lib, err = not_located()
                nv("notlocated", "warning", "Could not locate <*>: <*>", lib, err)
                c.tick()
        nv("applied", "info", "Applied required modification to OCI specification")
        c.tick()
        nv("lowlevel", "info", "Using low-level runtime /usr/bin/runc")
    emit("NvidiaContainerToolkit", s)


# ------------------------------------------------------------------------------------------
# 2. PowerDNS Recursor 5.x under systemd, read with `journalctl -u pdns-recursor` (short format):
#    `Dec 15 09:00:00 resolver1 pdns_recursor[1187]: msg="..." subsystem="..." level="0" ...`.
#    Structured logging (the default since 5.0) writes key="value" records (std::quoted): `msg`,
#    `error` when set, `subsystem`, `level`, `prio`, `tid`, `ts` (epoch seconds with
#    milliseconds), then the entry's own keys in sorted order. Content is what follows
#    `pdns_recursor[<pid>]: `; `tid` and `ts` are inside it.
def powerdns():
    s = Sink(["question", "servfail", "drop_udp", "drop_tcp", "unexpected", "bogus", "sendmsg", "stats", "threads", "ixfr",
              "xfer_failed", "priming", "down"])
    c = Clock(9 * 3600 + R.randint(0, 1800), 200, 17000)
    state = {"pid": 1187, "mtid": R.randint(20000, 40000), "serial": {}}
    pids = iter([23410, 23977])
    primed = {"n": 0}

    clients4 = ["10.40.%d.%d" % (R.choice([1, 1, 2, 7]), R.randint(2, 250)) for _ in range(14)]
    clients6 = ["2001:db8:40:1::%x" % R.randint(0x10, 0xfff) for _ in range(4)]

    def remote():
        if R.random() < 0.8:
            return "%s:%d" % (pick(clients4), R.randint(1024, 65535))
        return "[%s]:%d" % (pick(clients6), R.randint(1024, 65535))

    names = ["www.example.com", "api.github.com", "login.microsoftonline.com", "time.cloudflare.com", "ocsp.digicert.com",
             "mirror.hetzner.de", "pool.ntp.org", "_ldap._tcp.corp.example.net", "grafana.int.example.net",
             "1.7.40.10.in-addr.arpa", "23.113.0.203.in-addr.arpa", "d3k9x2m4q7.cloudfront.net", "updates.signal.org", "mx1.mail.example.org",
             "tracking.adnet-partners.example", "xn--bcher-kva.example", "example.org"]
    qtypes = ["A", "A", "A", "AAAA", "AAAA", "HTTPS", "A", "AAAA", "TXT", "NS", "DS", "SOA"]

    def qname_type():
        q = pick(names)
        if q.endswith("in-addr.arpa"):
            return q, "PTR"
        if q.startswith("_"):
            return q, "SRV"
        if q.startswith("mx1.") or q == "example.org":
            return q, pick(["MX", "A", "AAAA", "TXT"])
        return q, pick(qtypes)

    tid_any = Cycle(["2", "3", "4", "5"])

    def question():
        q, t = qname_type()
        state["mtid"] += R.randint(1, 9)
        return ev('msg="Question" subsystem="syncres" level="0" prio="Info" tid="<*>" ts="<*>" ecs="" mtid="<*>" proto="<*>" '
                  'qname="<*>" qtype="<*>" remote="<*>"', pick(["2", "3", "4", "5"]), c.epoch_milli(), state["mtid"],
                  "udp" if R.random() < 0.88 else "tcp", q, t, remote())

    ns_ips = ["192.0.2.%d" % R.randint(1, 254) for _ in range(5)] + ["2001:db8:53::%x" % R.randint(1, 200) for _ in range(2)]

    def servfail():
        q, t = qname_type()
        r = R.random()
        if r < 0.45:
            err = "Too much time waiting for %s|%s, timeouts: %d, throttles: %d, queries: %d, %dmsec" % (
                q, t, R.randint(2, 6), R.randint(0, 3), R.randint(3, 14), R.randint(6800, 7600))
        elif r < 0.6:
            err = "More than 50 (max-qperq) queries sent resolving %s" % q
        elif r < 0.72:
            err = "Server Failure"
        elif r < 0.84:
            err = "Too many throttled servers"
        elif r < 0.93:
            err = "Unable to resolve nameserver \"%s\" for %s: no addresses" % (pick(["ns1.dnsowl.example", "a.ns.broken-dns.example"]), q)
        else:
            err = "EDNS: FORMERR from %s:53, retrying without EDNS" % pick(ns_ips)
        return ev('msg="Sending SERVFAIL during resolve" error="<*>" subsystem="syncres" level="0" prio="Notice" tid="<*>" '
                  'ts="<*>" qname="<*>" qtype="<*>" remote="<*>"', gq(err), tid_any(), c.epoch_milli(), q, t, remote())

    strangers = ["203.0.113.%d" % R.randint(1, 254) for _ in range(6)] + ["198.51.100.%d" % R.randint(1, 254) for _ in range(3)]

    def drop(proto):
        def gen():
            return ev('msg="Dropping ' + proto + ' query, address not matched by allow-from" subsystem="in" level="0" '
                      'prio="Notice" tid="<*>" ts="<*>" remote="<*>"', tid_any(), c.epoch_milli(),
                      "%s:%d" % (pick(strangers), R.randint(1024, 65535)))
        return gen

    def unexpected():
        q, t = qname_type()
        return ev('msg="Discarding unexpected packet" subsystem="in" level="0" prio="Notice" tid="<*>" ts="<*>" from="<*>" '
                  'qname="<*>" qtype="<*>" waiters="0"', tid_any(), c.epoch_milli(),
                  "%s:53" % pick(ns_ips) if R.random() < 0.8 else "[%s]:53" % pick(ns_ips[-2:]), q, t)

    vstates = Cycle(["BogusNoValidRRSIG", "BogusSignatureExpired", "BogusNoRRSIG", "BogusUnableToGetDNSKEYs",
                     "BogusInvalidDenial"])
    bogus_names = ["dnssec-failed.org", "www.dnssec-failed.org", "expired.badsig.example", "rhybar.cz", "shop.example.net"]

    def bogus():
        return ev('msg="Answer to query validates as Bogus" subsystem="syncres" level="0" prio="Warning" tid="<*>" ts="<*>" '
                  'qname="<*>" qtype="<*>" remote="<*>" vState="<*>"', tid_any(), c.epoch_milli(), pick(bogus_names),
                  pick(["A", "AAAA", "A", "MX"]), remote(), vstates())

    send_errors = Cycle(["Resource temporarily unavailable", "Network is unreachable", "Invalid argument",
                         "Message too long"])

    def sendmsg():
        return ev('msg="Error sending reply with sendmsg" error="<*>" subsystem="in" level="0" prio="Warning" tid="<*>" '
                  'ts="<*>" address="<*>" socket="<*>"', send_errors(), tid_any(), c.epoch_milli(), remote(), num(18, 41))

    counters = {"q": R.randint(2400000, 2600000), "cache": R.randint(180000, 220000)}

    def stats():
        counters["q"] += R.randint(30000, 60000)
        counters["cache"] += R.randint(-3000, 9000)
        lines = [("stats", ev('msg="Periodic statistics report" subsystem="stats" level="0" prio="Info" tid="0" ts="<*>" '
                              'cache-entries="<*>" cache-hitratio="<*>%" negcache-entries="<*>" packetcache-entries="<*>" '
                              'packetcache-hitratio="<*>%" questions="<*>" throttle-entries="<*>"', c.epoch_milli(),
                              counters["cache"], R.randint(61, 79), R.randint(9000, 15000), R.randint(40000, 52000),
                              R.randint(38, 55), counters["q"], R.randint(0, 40)))]
        for th in range(4):
            lines.append(("threads", ev('msg="Queries handled by thread" subsystem="stats" level="0" prio="Info" tid="0" '
                                        'ts="<*>" count="<*>" thread="<*>" tname="<*>"', c.epoch_milli(),
                                        R.randint(200000, 900000), th + 1, "distr" if th == 0 else "worker")))
        return lines

    rpz = [("rpz.threat-intel.example", "198.51.100.53:53"), ("blocklist.rpz.corp.example", "10.40.0.53:53"),
           ("malware.rpz.feed.example", "[2001:db8:53::35]:53")]
    for z, _ in rpz:
        state["serial"][z] = R.randint(2026121500, 2026121510) if "corp" in z else R.randint(171000, 179000)

    def ixfr():
        z, p = pick(rpz)
        state["serial"][z] += R.randint(1, 3)
        return ev('msg="Getting IXFR deltas" subsystem="rpz" level="0" prio="Info" tid="1" ts="<*>" primary="<*>" serial="<*>" '
                  'zone="<*>"', c.epoch_milli(), p, state["serial"][z], z)

    xfer_errors = Cycle([(rpz[0], "Timeout reading IXFR response"), (rpz[2], "Remote returned RCODE REFUSED"),
                         (rpz[1], "Unable to connect to 10.40.0.53:53: Connection refused"),
                         (rpz[0], "Received a truncated IXFR, SOA serial mismatch: 171442 != 171439")])

    def xfer_failed():
        (z, p), err = xfer_errors()
        return ev('msg="Unable to transfer RPZ zone" error="<*>" subsystem="rpz" level="0" prio="Error" tid="1" ts="<*>" '
                  'primary="<*>" zone="<*>"', err, c.epoch_milli(), p, z)

    def priming():
        primed["n"] += 1
        if primed["n"] > 1:
            state["pid"] = next(pids)
        return ev('msg="Done priming cache with root hints" subsystem="housekeeping" level="0" prio="Info" tid="0" ts="<*>"',
                  c.epoch_milli())

    def down():
        return ev('msg="Marking server as down" subsystem="syncres" level="0" prio="Notice" tid="<*>" ts="<*>" server="<*>" '
                  'timeouts="<*>"', tid_any(), c.epoch_milli(), pick(ns_ips), R.randint(3, 12))

    gens = {"question": question, "servfail": servfail, "drop_udp": drop("UDP"), "drop_tcp": drop("TCP"), "unexpected": unexpected,
            "bogus": bogus, "sendmsg": sendmsg, "ixfr": ixfr, "xfer_failed": xfer_failed, "priming": priming, "down": down}
    # The statistics report and its per-thread lines come as a group of five (3 groups).
    order = shuffled([(128, "question"), (44, "servfail"), (28, "drop_udp"), (5, "drop_tcp"), (24, "unexpected"),
                      (10, "bogus"), (6, "sendmsg"), (15, "stats"), (20, "ixfr"), (4, "xfer_failed"), (3, "priming"),
                      (13, "down")])
    order = [x for x in order if x != "stats"]
    for pos in sorted(R.sample(range(len(order) + 1), 3), reverse=True):
        order.insert(pos, "stats")
    for name in order:
        c.tick()
        group = stats() if name == "stats" else [(name, gens[name]())]
        for n, evt in group:
            if n == "threads":
                c.tick(0, 1)
            s.add(n, "%s resolver1 pdns_recursor[%d]: " % (c.syslog(), state["pid"]), evt)
    emit("PowerDNS", s)


# ------------------------------------------------------------------------------------------
# 3. MLflow tracking server (`mlflow server --app-name basic-auth --backend-store-uri
#    postgresql://... --gunicorn-opts "--access-logfile -"`, 4 sync workers) as its container
#    prints it: gunicorn's error log `[2026-12-15 09:00:00 +0000] [11] [INFO] message` (the
#    pid of the master or of the worker that logs), gunicorn's access log in its default format
#    `%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s"` (the user is the basic-auth
#    user), and alembic's lines `INFO  [alembic.runtime.migration] message` (no time stamp)
#    when a new worker opens the tracking store. Content: after `[<LEVEL>] ` in gunicorn's
#    lines, after the `[<time>] ` bracket in access lines, after `] ` in alembic's.
def mlflow():
    s = Sink(["logbatch", "getrun", "create", "update", "byname", "uisearch", "artifact", "booting", "ctx", "ddl", "timeout",
              "exiting", "sigkill", "hup", "hangup"])
    c = Clock(10 * 3600 + R.randint(0, 1800), 300, 9000)
    master = 11
    workers = [14, 15, 16, 17]
    nextpid = {"n": 180}

    def glog(name, level, pid, evt):
        s.add(name, "[%s] [%d] [%s] " % (c.gunicorn(), pid, level), evt)

    def alembic(name, evt):
        s.add(name, "INFO  [alembic.runtime.migration] ", evt)

    trainers = ["10.42.%d.%d" % (R.randint(0, 7), R.randint(2, 250)) for _ in range(9)]
    ingress = ["10.0.12.5", "10.0.12.6"]
    svc_users = ["svc-train", "svc-airflow", "ci-runner", "svc-train", "priya.n"]
    ui_users = ["alice", "bob.m", "priya.n", "admin"]
    clients = ["mlflow-python-client/2.19.0", "mlflow-python-client/2.19.0", "mlflow-python-client/2.17.2",
               "mlflow-python-client/2.9.2"]
    browsers = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 "
                "Safari/605.1.15",
                "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"]
    referers = ["http://mlflow.ml.internal:5000/", "https://mlflow.example.org/", "https://mlflow.example.org/#/experiments/14"]
    runs = [hexid(32) for _ in range(16)]
    exps = ["4", "9", "14", "14", "21", "37"]
    exp_names = [("fraud-detection", "200"), ("churn-model", "200"), ("demand+forecast+%28weekly%29", "200"),
                 ("%2FUsers%2Fpriya.n%2Fllm-eval", "200"), ("ranking-v2-ablation", "404"), ("tmp-hparam-sweep", "404")]
    artifacts = ["model/model.pkl", "model/MLmodel", "model/requirements.txt", "model/conda.yaml", "plots/roc%20curve.png",
                 "confusion_matrix.json", "eval/predictions.parquet"]

    def access(name, template, *values, ui=False):
        if ui:
            host, user = pick(ingress), pick(ui_users)
        else:
            host, user = pick(trainers), pick(svc_users)
        s.add(name, "%s - %s [%s] " % (host, user, c.clf()), ev(template, *values))

    def a_logbatch():
        access("logbatch", '"POST /api/2.0/mlflow/runs/log-batch HTTP/1.1" 200 2 "-" "<*>"', pick(clients))

    def a_getrun():
        access("getrun", '"GET /api/2.0/mlflow/runs/get?run_id=<*> HTTP/1.1" 200 <*> "-" "<*>"', pick(runs),
               R.randint(900, 42000), pick(clients))

    def a_create():
        access("create", '"POST /api/2.0/mlflow/runs/create HTTP/1.1" 200 <*> "-" "<*>"', R.randint(610, 980), pick(clients))

    def a_update():
        access("update", '"POST /api/2.0/mlflow/runs/update HTTP/1.1" 200 <*> "-" "<*>"', R.randint(230, 290), pick(clients))

    def a_byname():
        name, st = pick(exp_names)
        access("byname", '"GET /api/2.0/mlflow/experiments/get-by-name?experiment_name=<*> HTTP/1.1" <*> <*> "-" "<*>"', name, st,
               R.randint(280, 520) if st == "200" else R.randint(118, 131), pick(clients))

    def a_uisearch():
        access("uisearch", '"POST /ajax-api/2.0/mlflow/runs/search HTTP/1.1" 200 <*> "<*>" "<*>"', R.randint(2, 180000),
               pick(referers), pick(browsers), ui=True)

    def a_artifact():
        access("artifact", '"PUT /api/2.0/mlflow-artifacts/artifacts/<*> HTTP/1.1" 200 2 "-" "<*>"',
               "%s/%s/artifacts/%s" % (pick(exps), pick(runs), pick(artifacts)), pick(clients))

    def boot():
        nextpid["n"] += R.randint(1, 60)
        pid = nextpid["n"]
        c.tick(5, 60)
        glog("booting", "INFO", pid, ev("Booting worker with pid: <*>", pid))
        c.tick(300, 1800)
        alembic("ctx", ev("Context impl PostgresqlImpl."))
        alembic("ddl", ev("Will assume transactional DDL."))
        return pid

    def timeout():
        w = pick(workers)
        glog("timeout", "CRITICAL", master, ev("WORKER TIMEOUT (pid:<*>)", w))
        c.tick(1, 40)
        glog("exiting", "INFO", w, ev("Worker exiting (pid: <*>)", w))
        workers[workers.index(w)] = boot()

    def oom():
        w = pick(workers)
        glog("sigkill", "ERROR", master, ev("Worker (pid:<*>) was sent SIGKILL! Perhaps out of memory?", w))
        workers[workers.index(w)] = boot()

    def hup():
        glog("hup", "INFO", master, ev("Handling signal: hup"))
        c.tick(1, 5)
        glog("hangup", "INFO", master, ev("Hang up: Master"))
        old = workers[:]
        for i in range(len(workers)):
            workers[i] = boot()
        for w in old:
            c.tick(2, 90)
            glog("exiting", "INFO", w, ev("Worker exiting (pid: <*>)", w))

    gens = {"logbatch": a_logbatch, "getrun": a_getrun, "create": a_create, "update": a_update, "byname": a_byname,
            "uisearch": a_uisearch, "artifact": a_artifact, "timeout": timeout, "oom": oom, "hup": hup}
    # Incidents are units of several lines: a timeout is 5 lines, an OOM kill 4, a reload 18.
    units = [("logbatch", 118), ("getrun", 36), ("create", 22), ("update", 20), ("byname", 14), ("uisearch", 13),
             ("artifact", 9), ("timeout", 4), ("oom", 3), ("hup", 2)]
    order = [n for n, k in units for _ in range(k)]
    R.shuffle(order)
    for name in order:
        c.tick()
        gens[name]()
    assert len(s.items) == LINES, len(s.items)
    emit("MLflow", s)


# ------------------------------------------------------------------------------------------
# 4. BuildKit daemon (`buildkitd --debug`, a buildx docker-container builder), logrus's
#    TextFormatter as it writes to a pipe: `time="2026-12-15T09:00:00.123456789Z" level=debug
#    msg="..." key=value ...`; the fields after msg are sorted by key, and a value is written
#    bare when it holds only [A-Za-z0-9-._/@^+], else Go-quoted. Content is what follows
#    `level=<level> ` (it starts with `msg=`).
def buildkit():
    s = Sink(["session_started", "session_finished", "creating", "resolving", "resolve_req", "resolve_resp", "blob_req",
              "blob_resp", "distsrc", "solve_err", "gc", "hostnet", "worker", "server"])
    c = Clock(8 * 3600 + R.randint(0, 1800), 1, 400)

    def bk(name, level, template, *values, lo=None, hi=None):
        c.tick(lo, hi)
        s.add(name, 'time="%s" level=%s ' % (c.rfc3339_nano(), level), ev(template, *values))

    ua = "buildkit/v0.18.2"
    accept_manifest = ("application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.distribution.manifest.list"
                       ".v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json, */*")
    platforms = Cycle(["linux/amd64 linux/amd64/v2 linux/amd64/v3 linux/386",
                       "linux/amd64 linux/amd64/v2 linux/amd64/v3 linux/arm64 linux/riscv64 linux/ppc64le linux/s390x linux/386 "
                       "linux/mips64le linux/mips64 linux/arm/v7 linux/arm/v6"])

    def start():
        wid = b36id(25)
        bk("hostnet", "warning", 'msg="using host network as the default"', lo=200, hi=900)
        labels = ("org.mobyproject.buildkit.worker.executor:oci org.mobyproject.buildkit.worker.hostname:%s "
                  "org.mobyproject.buildkit.worker.network:host org.mobyproject.buildkit.worker.oci.process-mode:sandbox "
                  "org.mobyproject.buildkit.worker.selinux.enabled:false org.mobyproject.buildkit.worker.snapshotter:overlayfs"
                  % hexid(12))
        bk("worker", "info", 'msg="found worker \\"<*>\\", labels=map[<*>], platforms=[<*>]"', wid, labels, platforms(),
           lo=5, hi=60)
        bk("server", "info", 'msg="running server on <*>"', "/run/buildkit/buildkitd.sock", lo=20, hi=200)
        bk("server", "info", 'msg="running server on <*>"', "[::]:1234", lo=0, hi=2)

    images = [("registry-1.docker.io", "library/node", "22-alpine"), ("registry-1.docker.io", "library/python", "3.12-slim"),
              ("ghcr.io", "acme/base-python", "3.12"), ("registry.internal:5000", "platform/golang-builder", "1.23"),
              ("public.ecr.aws", "docker/library/nginx", "1.27-alpine"), ("registry-1.docker.io", "library/debian",
                                                                          "bookworm-slim")]
    frontend = ("registry-1.docker.io", "docker/dockerfile", "1")
    layer_types = ["application/vnd.oci.image.layer.v1.tar+gzip", "application/vnd.docker.image.rootfs.diff.tar.gzip",
                   "application/vnd.oci.image.layer.v1.tar+zstd"]
    cmds = ["/bin/sh -c apk add --no-cache git openssh-client", "/bin/sh -c npm ci --omit=dev",
            "/bin/sh -c apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*",
            "/bin/sh -c pip install --no-cache-dir -r requirements.txt", "/bin/sh -c go build -trimpath -ldflags=\"-s -w\" -o /out/api ./cmd/api",
            "/bin/sh -c echo \"build $(date -u +%FT%TZ)\" > /etc/build-info", "npm run build", "/bin/sh -c make test",
            "/bin/sh -c useradd -r -u 10001 app", "/bin/sh -c chmod +x /usr/local/bin/entrypoint.sh",
            "/bin/sh -c python -m compileall -q /app", "/bin/sh -c go mod download"]
    solve_errors = Cycle([
        ("Unknown", 'failed to solve: process "/bin/sh -c npm ci --omit=dev" did not complete successfully: exit code: 1'),
        ("Canceled", "context canceled"),
        ("Unknown", 'failed to solve: failed to compute cache key: failed to calculate checksum of ref %s::%s: "/dist": not found'
         % (b36id(25), b36id(25))),
        ("Unknown", "failed to solve: ghcr.io/acme/base-python:3.12: failed to resolve source metadata for ghcr.io/acme/base-python:"
                    "3.12: unexpected status from HEAD request to https://ghcr.io/v2/acme/base-python/manifests/3.12: 403 Forbidden"),
    ])
    dist_errors = Cycle(["content digest %s: not found", "lease \"%s\" does not exist: not found" % b36id(25),
                         "failed to update label for content %s: context canceled"])

    finishes = Cycle(["<nil>"] * 4 + ["rpc error: code = Unavailable desc = error reading from server: EOF"])

    def digest():
        return "sha256:" + hexid(64)

    def blob(host, repo, mtype, size):
        d = digest()
        url = "https://%s/v2/%s/blobs/%s" % (host, repo, d)
        bk("blob_req", "debug", 'msg="do request" digest="<*>" mediatype=<*> request.header.accept="<*>, */*" '
           'request.header.user-agent=' + ua + ' request.method=GET size=<*> url="<*>"', d, mtype, mtype, size, url, lo=1, hi=30)
        redirect = host == "registry-1.docker.io" and R.random() < 0.7
        bk("blob_resp", "debug", 'msg="fetch response received" digest="<*>" mediatype=<*> response.header.content-length=<*> '
           'response.header.content-type=<*> response.header.date="<*>" response.status="<*>" size=<*> url="<*>"', d, mtype,
           R.randint(150, 420) if redirect else size, "text/html" if redirect else "application/octet-stream", c.http_date(),
           "307 Temporary Redirect" if redirect else "200 OK", size, url, lo=20, hi=900)
        if R.random() < 0.1:
            e = dist_errors()
            bk("distsrc", "warning", 'msg="failed to update distribution source for layer <*>: <*>"', d,
               gq(e % d if "%s" in e else e), lo=1, hi=20)

    def resolve(ref, trace):
        host, repo, tag = ref
        bk("resolving", "debug", "msg=resolving host=<*> spanID=<*> traceID=<*>", lv(host), hexid(16), trace, lo=1, hi=40)
        url = "https://%s/v2/%s/manifests/%s" % (host, repo, tag)
        bk("resolve_req", "debug", 'msg="do request" host=<*> request.header.accept="' + accept_manifest +
           '" request.header.user-agent=' + ua + ' request.method=HEAD url="<*>"', lv(host), url, lo=0, hi=3)
        bk("resolve_resp", "debug", 'msg="fetch response received" host=<*> response.header.content-length=<*> '
           'response.header.content-type=<*> response.header.date="<*>" response.header.docker-content-digest="<*>" '
           'response.status="200 OK" url="<*>"', lv(host), R.randint(1200, 10300),
           pick(["application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json"]),
           c.http_date(), digest(), url, lo=40, hi=700)

    builds = 0
    start()
    while not s.full():
        builds += 1
        if builds in (7, 13):
            c.tick(60000, 900000)
            start()
        c.tick(3000, 900000)
        trace = hexid(32)
        bk("session_started", "debug", 'msg="session started" spanID=<*> traceID=<*>', hexid(16), trace)
        refs = ([frontend] if R.random() < 0.3 else []) + R.sample(images, pick([1, 1, 1, 1, 2]))
        for ref in refs:
            resolve(ref, trace)
            if ref is not frontend and R.random() < 0.7:
                host, repo, _ = ref
                blob(host, repo, "application/vnd.oci.image.config.v1+json", R.randint(1400, 9800))
                for _ in range(R.randint(1, 5)):
                    blob(host, repo, pick(layer_types), R.randint(31000, 98000000))
        steps = R.sample(cmds, R.randint(3, 7))
        outcome = R.random()
        if outcome < 0.25 and builds > 1:
            steps = steps[:R.randint(1, len(steps))]
        for cmd in steps:
            bk("creating", "debug", 'msg="> creating <*> [<*>]" spanID=<*> traceID=<*>', b36id(25), gq(cmd), hexid(16), trace,
               lo=200, hi=60000)
        if outcome < 0.25 and builds > 1:
            code, desc = solve_errors()
            bk("solve_err", "error", 'msg="/moby.buildkit.v1.Control/Solve returned error: rpc error: code = <*> desc = <*>"',
               code, gq(desc), lo=5, hi=9000)
            fin = "rpc error: code = Canceled desc = context canceled" if code == "Canceled" else "<nil>"
        else:
            fin = finishes()
        bk("session_finished", "debug", 'msg="session finished: <*>" spanID=<*> traceID=<*>', fin, hexid(16), trace, lo=10,
           hi=900)
        if R.random() < 0.3:
            bk("gc", "debug", 'msg="gc cleaned up <*> bytes"', R.randint(10 ** 6, 9 * 10 ** 9), lo=100, hi=3000)
    emit("BuildKit", s)


# ------------------------------------------------------------------------------------------
# 5. Lustre 2.15 client (a compute node with two Lustre file systems mounted over InfiniBand),
#    kernel messages as `dmesg` prints them: `[1834512.123456] Lustre: message`, the time since
#    boot (`[%5lu.%06lu]`). Lustre's console messages carry their own prefix (`Lustre:`,
#    `LustreError:`, `LNet:`, `LNetError:`), often a message id (`11-0:`) or the thread pid and
#    source location (`3791:0:(client.c:2338:ptlrpc_expire_one_request())`). Content is what
#    follows `] ` (the prefixes are part of it).
def lustre():
    s = Sink(["timedout", "neterror", "lost", "restored", "opfailed", "evicted", "skipped", "skipped_err", "tx", "rdma",
              "complain", "mounted", "unmounted", "suppressed"])
    c = Clock(9 * 3600 + R.randint(0, 3600), 40, 26000)
    boot = DAY0 + 9 * 3600 - 1834512  # uptime 1834512 s at 09:00:00 UTC

    def uptime():
        us = (c.ns // 1000) - boot * 10 ** 6
        return "[%5d.%06d] " % (us // 10 ** 6, us % 10 ** 6)

    oss = {"scratch": ["10.21.4.%d@o2ib" % i for i in (13, 14, 15, 16)], "home": ["10.21.5.%d@o2ib" % i for i in (21, 22)]}
    mds = {"scratch": ["10.21.4.2@o2ib", "10.21.4.3@o2ib"], "home": ["10.21.5.2@o2ib"]}
    inst = {"scratch": "ffff9c4e2a5b4800", "home": "ffff9c4e31d7c000"}
    ptlrpcd = [3788, 3789, 3791, 3792, 3795, 3798, 3801]
    lnd = [2811, 2812, 2817]

    def target(fs=None, kind=None):
        fs = fs or pick(["scratch", "scratch", "scratch", "home"])
        kind = kind or ("OST" if R.random() < 0.8 else "MDT")
        if kind == "OST":
            idx = R.randint(0, 31 if fs == "scratch" else 7)
            name = "%s-OST%04x" % (fs, idx)
            nid = oss[fs][idx % len(oss[fs])]
            obd = "%s-osc-%s" % (name, inst[fs])
        else:
            idx = R.randint(0, len(mds[fs]) - 1)
            name = "%s-MDT%04x" % (fs, idx)
            nid = mds[fs][idx]
            obd = "%s-mdc-%s" % (name, inst[fs])
        return fs, kind, name, nid, obd

    ops_ost = [("4", "6/4", "488/448"), ("3", "6/4", "488/432"), ("400", "28/4", "224/224"), ("101", "17/18", "328/400"),
               ("6", "6/4", "520/440")]
    ops_mdt = [("400", "12/10", "224/224"), ("36", "12/10", "672/1192"), ("101", "12/10", "616/1136"), ("35", "12/10", "392/944")]
    jobs = ["dd.0", "python3.41022", "srun.41037", "rsync.1207", "lmp_mpi.41009", "ptlrpcd_01_03.0", "ls.1003", "kworker/u128:3.0"]

    def rpc(kind_word):
        def gen():
            fs, kind, name, nid, obd = target()
            opc, portal, lens = pick(ops_ost if kind == "OST" else ops_mdt)
            now = c.secs()
            to = pick([7, 17, 33, 48, 100, 137])
            sent = now - to if kind_word.startswith("timed") else now
            flags = pick(["XQr", "XNQr", "XNQr", "QU", "XQU"])
            return ev("Lustre: <*>:0:(client.c:2338:ptlrpc_expire_one_request()) @@@ Request sent has " + kind_word +
                      ": [sent <*>/real <*>]  req@<*> x<*>/t0(0) o<*>-><*>@<*>:<*>/<*> lens <*>/<*> e 0 to 1 dl <*> ref <*> "
                      "fl Rpc:<*>/0/ffffffff rc 0/-1 job:'<*>'", pick(ptlrpcd), sent, sent, "ffff9c4" + hexid(7) + pick(["00", "40", "80", "c0"]),
                      R.randint(1818200000000000, 1818299999999999), opc, obd, nid, *portal.split("/"), *lens.split("/"), sent + to, pick([1, 2, 2]), flags,
                      pick(jobs))
        return gen

    def lost():
        fs, kind, name, nid, obd = target()
        return ev("Lustre: <*>: Connection to <*> (at <*>) was lost; in progress operations using this service will wait for "
                  "recovery to complete", obd, name, nid)

    def restored():
        fs, kind, name, nid, obd = target()
        return ev("Lustre: <*>: Connection restored to <*> (at <*>)", obd, pick([nid, name + "_UUID"]), nid)

    ops = {"OST": ["ost_connect", "obd_ping", "ost_write", "ldlm_enqueue", "ost_statfs"],
           "MDT": ["mds_connect", "mds_reint", "ldlm_enqueue", "mds_getattr", "obd_ping"]}

    def opfailed():
        fs, kind, name, nid, obd = target()
        return ev("LustreError: 11-0: <*>: operation <*> to node <*> failed: rc = <*>", obd, pick(ops[kind]), nid,
                  pick(["-107", "-107", "-16", "-19", "-110", "-11"]))

    def evicted():
        fs, kind, name, nid, obd = target()
        return ev("LustreError: 167-0: <*>: This client was evicted by <*>; in progress operations using this service will fail.",
                  obd, name)

    def skipped(prefix):
        return lambda: ev(prefix + ": Skipped <*> previous similar messages", pick([1, 1, 2, 3, 5, 8, 13, 27, 61]))

    tx_queues = Cycle(["active_txs", "tx_queue", "tx_queue_nocred", "tx_noops", "tx_queue_rsrvd"])

    def tx():
        return ev("LNetError: <*>:0:(o2iblnd_cb.c:3402:kiblnd_check_txs_locked()) Timed out tx: <*>, <*> seconds", pick(lnd),
                  tx_queues(), pick([0, 1, 1, 2, 4]))

    def rdma():
        nid = pick(oss["scratch"] + oss["home"] + mds["scratch"])
        return ev("LNetError: <*>:0:(o2iblnd_cb.c:3477:kiblnd_check_conns()) Timed out RDMA with <*> (<*>): c: <*>, oc: <*>, "
                  "rc: <*>", pick(lnd), nid, R.randint(5, 130), pick([0, 0, 1, 6]), pick([0, 0, 2]), pick([8, 8, 7, 5]))

    def complain():
        fs, kind, name, nid, obd = target(kind="OST")
        fid = "0x%x:0x%x:0x0" % (R.randint(0x2c0000400, 0x2c0000420), R.randint(0x1000, 0x3fffff))
        return ev("LustreError: <*>:0:(ldlm_resource.c:1148:ldlm_resource_complain()) <*>: namespace resource [<*>].0x0 (<*>) "
                  "refcount nonzero (<*>) after lock cleanup; forcing cleanup.", pick(ptlrpcd + [41022, 41037]), obd, fid,
                  "ffff9c4d" + hexid(6) + pick(["00", "40", "80", "c0"]), pick([1, 1, 2, 3]))

    mounts = Cycle(["scratch-client", "home-client", "project-client"])
    umounts = Cycle(["scratch-client", "home-client", "project-client"])

    suppressed_funcs = Cycle(["net_ratelimit", "ptlrpc_check_set", "lnet_parse_put", "kiblnd_cq_event"])

    def suppressed():
        return ev("<*>: <*> callbacks suppressed", suppressed_funcs(), pick([2, 3, 5, 9, 14, 37]))

    gens = {"timedout": rpc("timed out for slow reply"), "neterror": rpc("failed due to network error"), "lost": lost,
            "restored": restored, "opfailed": opfailed, "evicted": evicted, "skipped": skipped("Lustre"),
            "skipped_err": skipped("LustreError"), "tx": tx, "rdma": rdma, "complain": complain,
            "mounted": lambda: ev("Lustre: Mounted <*>", mounts()), "unmounted": lambda: ev("Lustre: Unmounted <*>", umounts()),
            "suppressed": suppressed}
    order = shuffled([(121, "timedout"), (20, "neterror"), (28, "lost"), (24, "restored"), (36, "opfailed"), (5, "evicted"),
                      (18, "skipped"), (14, "skipped_err"), (8, "tx"), (10, "rdma"), (4, "complain"), (3, "mounted"),
                      (3, "unmounted"), (6, "suppressed")])
    for name in order:
        c.tick()
        s.add(name, uptime(), gens[name]())
    emit("Lustre", s)


# ------------------------------------------------------------------------------------------
# 6. vsftpd 3.0 with its default log (`/var/log/vsftpd.log`, `xferlog_std_format=NO`,
#    `log_ftp_protocol=NO`): `Tue Dec 15 09:00:00 2026 [pid 2] [user] OK LOGIN: Client "ip"`.
#    With `isolate=YES` (the default) each session runs in its own pid namespace, so the pid is
#    2 for the pre-login process, 1 for the privileged login process and 3 for the logged-in
#    session; `[user]` is there once a user name is known. Content is what follows `[pid N] `
#    and, when present, `[<user>] `.
def vsftpd():
    s = Sink(["connect", "login", "login_anon", "login_fail", "download", "download_fail", "upload", "upload_fail", "mkdir",
              "delete", "delete_fail", "rename", "rmdir"])
    c = Clock(7 * 3600 + 40 * 60 + R.randint(0, 600), 1000, 28000)

    def line(pid, user, name, evt):
        c.tick()
        s.add(name, "%s [pid %d] %s" % (c.vsftpd(), pid, "[%s] " % user if user else ""), evt)

    clients = ["::ffff:198.51.100.%d" % R.randint(2, 250) for _ in range(4)] + \
              ["::ffff:10.8.%d.%d" % (R.randint(0, 3), R.randint(2, 250)) for _ in range(5)] + \
              ["2001:db8:5:%x::%x" % (R.randint(1, 9), R.randint(1, 0xfff)) for _ in range(2)]
    scanners = ["::ffff:203.0.113.%d" % R.randint(2, 250) for _ in range(3)] + ["::ffff:45.%d.%d.%d" % (R.randint(10, 200),
                                                                                                      R.randint(0, 255),
                                                                                                      R.randint(1, 254))]
    locals_ = {"deploy": "/releases", "scanner": "/scans", "jmartin": "/incoming", "backup": "/backups", "printshop": "/jobs"}
    bad_users = ["admin", "root", "test", "ftpuser", "oracle", "user1", "jmartin", "backup"]
    anon_pw = Cycle(["anonymous@", "guest", "mozilla@example.com", "-wget@", "IEUser@", "chrome@example.com"])
    files = {"deploy": ["api-2026.12.3.tar.gz", "api-2026.12.4.tar.gz", "frontend-build-7731.zip", "CHANGELOG.md",
                        "checksums.sha256"],
             "scanner": ["scan_20261215_0812.pdf", "invoice \"copy\".pdf", "Scan 0042.tif", "contract, signed.pdf"],
             "jmartin": ["Q4 forecast, v2 (final).xlsx", "notes.txt", "photos [site visit].zip", "budget_2027.ods"],
             "backup": ["db-2026-12-15.sql.gz", "etc-2026-12-15.tar.zst", "wiki-2026-12-15.tar.gz"],
             "printshop": ["job-88123_A3.pdf", "job-88124 poster - final.pdf", "proof_881 25.png"]}
    pub = ["/pub/README", "/pub/iso/debian-12.8.0-amd64-netinst.iso", "/pub/firmware/ap-fw-4.2.1.bin", "/pub/docs/manual v3.pdf",
           "/pub/mirror/ls-lR.gz"]

    def xfer(ok):
        size = pick([R.randint(200, 9000), R.randint(10000, 900000), R.randint(10000, 900000), R.randint(10 ** 6, 60 * 10 ** 6)])
        if not ok:
            size = pick([0, R.randint(1, size)])
        secs = max(0.02, size / R.uniform(400000, 11000000))
        return str(size), "%.2f" % (size / 1024 / secs)

    deck = (["download"] * 60 + ["upload"] * 20 + ["download_fail"] * 5 + ["upload_fail"] * 6 + ["mkdir"] * 7 +
            ["delete"] * 11 + ["delete_fail"] * 4 + ["rename"] * 5 + ["rmdir"] * 4)
    R.shuffle(deck)

    def draw():
        return deck.pop() if deck else pick(["download", "download", "download", "upload"])

    def action(user, ip, kind):
        home = locals_[user]
        f = "%s/%s" % (home, pick(files[user]))
        xfer_t = 'Client "<*>", "<*>", <*> bytes, <*>Kbyte/sec'
        if kind in ("download", "download_fail", "upload", "upload_fail"):
            size, rate = xfer(not kind.endswith("fail"))
            word = ("OK " if not kind.endswith("fail") else "FAIL ") + kind.split("_")[0].upper()
            return kind, ev(word + ": " + xfer_t, ip, f, size, rate)
        if kind == "mkdir":
            return kind, ev('OK MKDIR: Client "<*>", "<*>"', ip, "%s/%s" % (home, pick(["2026-12", "tmp", "old builds", "batch_17",
                                                                                      "review (legal)"])))
        if kind == "rmdir":
            return kind, ev('OK RMDIR: Client "<*>", "<*>"', ip, "%s/%s" % (home, pick(["tmp", "2026-11", "old builds"])))
        if kind == "delete":
            return kind, ev('OK DELETE: Client "<*>", "<*>"', ip, f)
        if kind == "delete_fail":
            return kind, ev('FAIL DELETE: Client "<*>", "<*>"', ip, "%s/%s" % (home, pick(["locked.lck", ".ftpquota", "readonly/x.txt"])))
        return kind, ev('OK RENAME: Client "<*>", "<*> <*>"', ip, f + ".part", f)

    sessions = []
    seq = {"n": 0}

    def new_session():
        r = R.random()
        seq["n"] += 1
        if r < 0.2:
            return {"kind": "scan", "ip": pick(scanners), "steps": ["connect"] + ["fail"] * R.randint(1, 3)}
        if r < 0.33:
            return {"kind": "anon", "ip": pick(clients + scanners[:1]), "steps": ["connect", "anon"] +
                    ["anon_dl"] * R.randint(1, 4)}
        user = pick(sorted(locals_))
        steps = ["connect"] + (["typo"] if R.random() < 0.12 else []) + ["login"] + ["act"] * R.randint(3, 12)
        return {"kind": "local", "user": user, "ip": pick(clients), "steps": steps}

    while not s.full():
        if not sessions or (len(sessions) < 3 and R.random() < 0.15):
            sessions.append(new_session())
        ss = pick(sessions)
        step = ss["steps"].pop(0)
        ip = ss["ip"]
        if step == "connect":
            line(2, None, "connect", ev('CONNECT: Client "<*>"', ip))
        elif step == "fail":
            line(1, pick(bad_users), "login_fail", ev('FAIL LOGIN: Client "<*>"', ip))
        elif step == "typo":
            line(1, ss["user"], "login_fail", ev('FAIL LOGIN: Client "<*>"', ip))
        elif step == "login":
            line(1, ss["user"], "login", ev('OK LOGIN: Client "<*>"', ip))
        elif step == "anon":
            line(1, "ftp", "login_anon", ev('OK LOGIN: Client "<*>", anon password "<*>"', ip, anon_pw()))
        elif step == "anon_dl":
            size, rate = xfer(R.random() < 0.93)
            ok = size != "0"
            line(3, "ftp", "download" if ok else "download_fail",
                 ev(("OK" if ok else "FAIL") + ' DOWNLOAD: Client "<*>", "<*>", <*> bytes, <*>Kbyte/sec', ip, pick(pub), size, rate))
        else:
            name, evt = action(ss["user"], ip, draw())
            line(3, ss["user"], name, evt)
        if not ss["steps"]:
            sessions.remove(ss)
    emit("Vsftpd", s)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


MON = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
DOW = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
# Per system: the header that must precede Content on every raw line.
HEADERS = {
    "NvidiaContainerToolkit": re.compile(r""),
    "PowerDNS": re.compile(MON + r" [ \d]\d \d\d:\d\d:\d\d resolver1 pdns_recursor\[\d+\]: "),
    "MLflow": re.compile(r"(\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000\] \[\d+\] \[(INFO|WARNING|ERROR|CRITICAL)\] "
                         r"|\d+\.\d+\.\d+\.\d+ - [a-z][a-z.-]* \[\d\d/" + MON + r"/\d{4}:\d\d:\d\d:\d\d \+0000\] "
                         r"|INFO  \[alembic\.runtime\.migration\] )"),
    "BuildKit": re.compile(r'time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z" level=(debug|info|warning|error) '),
    "Lustre": re.compile(r"\[[ \d]{4}\d+\.\d{6}\] "),
    "Vsftpd": re.compile(DOW + " " + MON + r" [ \d]\d \d\d:\d\d:\d\d \d{4} \[pid \d+\] (\[[a-z0-9.-]+\] )?"),
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
            for st, v in zip(seen, m.groups()):
                st.add(v)
        assert len(set(templates.values())) == len(templates), system
        assert 12 <= len(counts) <= 15, (system, len(counts))
        assert min(counts.values()) >= 2, (system, counts)
        assert sum(1 for n in counts.values() if 3 <= n <= 10) >= 3, (system, counts)  # several rare types
        assert 1 <= sum(1 for n in counts.values() if n >= LINES // 10) <= 3, (system, counts)  # one to three frequent
        top = sorted(counts.values(), reverse=True)
        assert top[0] >= 3 * top[len(top) // 2], (system, counts)  # skewed frequencies
        for event_id, seen in slots.items():
            for j, st in enumerate(seen):
                assert len(st) >= 2, (system, event_id, "slot %d" % (j + 1), st)
        summary[system] = dict(sorted(counts.items(), key=lambda kv: int(kv[0][1:])))
    return summary


def check_clock_order():
    """Timestamps never go back, read back in a sortable form from each system's header (or,
    for the JSON lines, from their `time` field; PowerDNS's `ts` inside Content is checked too
    and must agree with the journal's second). alembic's lines in MLflow have no time stamp."""
    def read(system):
        with open(os.path.join(HERE, system, system + ".log"), encoding="utf-8") as f:
            out = f.read().splitlines()
        assert len(out) == LINES, system
        return out

    def ordered(system, keys):
        assert keys == sorted(keys), system

    ordered("NvidiaContainerToolkit", [re.search(r'"time":"([^"]+)"\}$', l).group(1) for l in read("NvidiaContainerToolkit")])
    keys, ts = [], []
    for l in read("PowerDNS"):
        m = re.match(MON + r" ([ \d]\d) (\d\d:\d\d:\d\d) ", l)
        keys.append("%02d %s" % (int(m.group(2)), m.group(3)))
        t = float(re.search(r' ts="(\d+\.\d{3})"', l).group(1))
        ts.append(t)
        assert time.strftime("%H:%M:%S", time.gmtime(int(t))) == m.group(3), l
    ordered("PowerDNS", keys)
    ordered("PowerDNS ts", ts)
    keys = []
    for l in read("MLflow"):
        m = re.match(r"\[(\d{4})-(\d\d)-(\d\d) (\d\d:\d\d:\d\d) ", l)
        if m:
            keys.append("%s-%s-%s %s" % m.groups())
            continue
        m = re.match(r"\S+ - \S+ \[(\d\d)/" + MON + r"/(\d{4}):(\d\d:\d\d:\d\d) ", l)
        if m:
            keys.append("%s-%02d-%s %s" % (m.group(3), MONTHS.index(m.group(2)) + 1, m.group(1), m.group(4)))
            continue
        assert l.startswith("INFO  [alembic."), l
    ordered("MLflow", keys)
    ordered("BuildKit", [l[6:36] for l in read("BuildKit")])
    ordered("Lustre", [float(re.match(r"\[\s*(\d+\.\d{6})\] ", l).group(1)) for l in read("Lustre")])
    ordered("Vsftpd", [l[4:19] for l in read("Vsftpd")])


if __name__ == "__main__":
    nvidia_container_toolkit()
    powerdns()
    mlflow()
    buildkit()
    lustre()
    vsftpd()
    check_clock_order()
    for system, counts in self_check().items():
        print("%-23s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
