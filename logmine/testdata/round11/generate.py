#!/usr/bin/env python3
"""Writes round 11, a blind, labelled log corpus (see README.md beside this file).

Six systems, 300 lines each: NCCL, Telegraf, Nagios, Geth, Fluentd, Auditd. Every line is made
here from event formats written for this corpus, following each program's default log layout
(written from memory), with values from generators of this file. No line, template or value list
is copied from a real log or data set; the messages are invented in each project's style. The
corpus was written without running any template miner or log parser on it and without reading
the miner's source.

Deterministic: fixed seed 20261208, integer clock, no dependence on locale or wall time;
`python3 generate.py` rewrites the same files. Each system gets `<System>/<System>.log` (the raw
lines, header included) and `<System>/<System>.log_structured.csv` (LineId, Content, EventId,
EventTemplate).

Ground truth convention (Loghub style): one `<*>` per value; a value that holds spaces is one
`<*>`; punctuation around a value stays literal; a unit attached to a number stays literal after
it when it is fixed in the slot; text that never changes within an event type stays literal.
Event formats are written directly as their templates: each `<*>` of a format is filled with one
generated value, and every `<*>` slot takes at least two different values within its event type
(checked when the lines are made and again on read-back, see `self_check`).
"""
import calendar
import csv
import os
import random
import re
import time

SEED = 20261208
R = random.Random(SEED)
LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEMS = ["NCCL", "Telegraf", "Nagios", "Geth", "Fluentd", "Auditd"]
DAY0 = calendar.timegm((2026, 12, 8, 0, 0, 0))


# ------------------------------------------------------------------------------------------
# Small value generators.
def pick(seq):
    return R.choice(seq)


def num(a, b):
    return str(R.randint(a, b))


def hexid(n, digits="0123456789abcdef"):
    return "".join(R.choice(digits) for _ in range(n))


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
        hours, minutes = divmod(minutes, 60)
        secs = go_duration(rest) if rest >= 10 ** 9 else "0s"
        return ("%dh" % hours if hours else "") + "%dm%s" % (minutes, secs)
    whole, frac = divmod(ns, div)
    f = ("%0*d" % (prec, frac)).rstrip("0")
    return "%d%s%s" % (whole, "." + f if f else "", unit)


def rand_ns(lo_ms, hi_ms):
    ms = lo_ms * (hi_ms / lo_ms) ** R.random()
    return max(int(ms * 10 ** 6), 1)


def pretty_duration(ns):
    """go-ethereum's `common.PrettyDuration`: a Go duration cut to three decimals."""
    label = go_duration(ns)
    m = re.match(r"^(.*?\.)(\d+)(\D.*)$", label)
    if m and len(m.group(2)) > 3:
        label = m.group(1) + m.group(2)[:3] + m.group(3)
    return label


def storage_size(b):
    """go-ethereum's `common.StorageSize.TerminalString()`."""
    for lim, unit in ((1 << 40, "TiB"), (1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")):
        if b > lim:
            return "%.2f%s" % (b / lim, unit)
    return "%.2fB" % b


def pretty_age(secs):
    """go-ethereum's `common.PrettyAge`: up to three units."""
    units = [(31536000, "y"), (2592000, "mo"), (604800, "w"), (86400, "d"), (3600, "h"), (60, "m"), (1, "s")]
    out, prec = "", 0
    for size, sym in units:
        if secs > size:
            out += "%d%s" % (secs // size, sym)
            secs %= size
            prec += 1
            if prec >= 3:
                break
    return out or "0"


def geth_uint(n):
    """go-ethereum's logfmt of integers: thousands separators from 100000 on."""
    return str(n) if n < 100000 else "{:,}".format(n)


def ruby_inspect(s):
    """Ruby's `String#inspect` for plain ASCII text."""
    return '"' + ruby_escape(s) + '"'


def ruby_escape(s):
    """The text between the quotes of Ruby's `String#inspect` (plain ASCII text)."""
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")


def audit_hex(s):
    return "".join("%02X" % b for b in s.encode())


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


class Counter:
    """Counts calls: lets a generator pick by how far through its event type it is (e.g. a
    version that changes once, after an upgrade)."""

    def __init__(self):
        self.n = 0

    def __call__(self):
        self.n += 1
        return self.n


class Clock:
    """Integer millisecond clock from 2026-12-08 at a random second of the morning (UTC)."""

    def __init__(self, lo_ms, hi_ms):
        self.ms = (DAY0 + R.randint(8 * 3600, 10 * 3600)) * 1000 + R.randint(0, 999)
        self.start_ms = self.ms
        self.lo, self.hi = lo_ms, hi_ms

    def tick(self):
        self.ms += R.randint(self.lo, self.hi)

    def s(self):
        return self.ms // 1000

    def g(self, offset_s=0):
        return time.gmtime(self.ms // 1000 + offset_s)

    def ymd_hms(self, sep=" ", offset_s=0):
        g = self.g(offset_s)
        return "%04d-%02d-%02d%s%02d:%02d:%02d" % (g.tm_year, g.tm_mon, g.tm_mday, sep, g.tm_hour, g.tm_min, g.tm_sec)

    def telegraf(self):
        return self.ymd_hms("T") + "Z"

    def geth(self):
        g = self.g()
        return "%02d-%02d|%02d:%02d:%02d.%03d" % (g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, self.ms % 1000)

    def fluentd(self, offset_s=0):
        return self.ymd_hms(" ", offset_s) + " +0000"


# ------------------------------------------------------------------------------------------
# Filling a template.
def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        assert v and "\n" not in v and v == v.strip(), (template, values)
        out += [v, p]
    return "".join(out)


def ev(template, *values):
    """(content, template, values) of one line of an event type."""
    values = tuple(str(v) for v in values)
    return fill(template, values), template, values


def write(system, clock, events, render):
    """events: list of (count, tag, gen); gen() -> ev(...), called after the clock ticked for
    the line; render(tag, content) -> the raw line. Counts sum to LINES; the order of lines is a
    seeded shuffle. Checks that every slot of every event type takes two or more values."""
    assert sum(e[0] for e in events) == LINES, (system, sum(e[0] for e in events))
    assert 13 <= len(events) <= 14, system
    order = [k for k, e in enumerate(events) for _ in range(e[0])]
    R.shuffle(order)
    rows, raw = [], []
    slot_values, templates = {}, {}
    for i, k in enumerate(order):
        _, tag, gen = events[k]
        clock.tick()
        content, template, values = gen()
        assert templates.setdefault(k, template) == template, (system, template)
        line = render(tag, content)
        assert "\n" not in line and "\r" not in line, (system, line)
        assert line.endswith(content), (system, line)
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
# 1. NCCL with NCCL_DEBUG=INFO (default subsystems), the combined stdout of a 2-node x 8-GPU
#    PyTorch job: `gpu-a100-07:214077:214077 [3] NCCL INFO message` (host, pid, thread id,
#    CUDA device); warnings carry the source location:
#    `gpu-a100-07:214077:214690 [3] transport/net_ib.cc:1696 NCCL WARN message`. No time stamp.
#    Content is what follows `NCCL INFO ` / `NCCL WARN `.
def nccl():
    c = Clock(0, 0)  # the lines carry no time stamp
    hosts = ["gpu-a100-07", "gpu-a100-08"]
    ips = {hosts[0]: "10.42.3.17", hosts[1]: "10.42.3.18"}
    oob_if = {hosts[0]: "ib0", hosts[1]: "ibp12s0"}
    bus = ["7000", "f000", "47000", "4e000", "87000", "90000", "b7000", "bd000"]
    base = {hosts[0]: R.randint(180000, 240000), hosts[1]: R.randint(30000, 90000)}
    ranks = []  # rank -> (host, pid, dev, proxy tid)
    for r in range(16):
        h = hosts[r // 8]
        pid = base[h] + 9 * (r % 8) + R.randint(0, 4)
        ranks.append((h, pid, r % 8, pid + R.randint(60, 900)))
    world_id = "0x" + hexid(16)
    node_id = {h: "0x" + hexid(16) for h in hosts}
    ptr = {}

    def comm_ptr(r, world):
        key = (r, world)
        if key not in ptr:
            ptr[key] = "0x" + pick(["55", "56", "7f"]) + hexid(10)
        return ptr[key]

    cur = {}

    def at(r, proxy=False, src=None):
        cur["r"], cur["proxy"], cur["src"] = r, proxy, src

    def ch_p2p():
        r = R.randrange(16)
        d = r % 8
        pd = (d + pick([1, 1, 1, 2, 7])) % 8
        at(r)
        return ev("Channel <*>/<*> : <*>[<*>] -> <*>[<*>] via <*>", "%02d" % R.randrange(24), pick("0001"), r, d,
                  (r // 8) * 8 + pd, pd, pick(["P2P/IPC/read", "P2P/IPC/read", "P2P/CUMEM/read", "P2P/IPC"]))

    def ch_net():
        r = R.randrange(16)
        d = r % 8
        other = (r + 8) % 16
        if R.random() < 0.5:
            src, dst, word = r, other, "send"
        else:
            src, dst, word = other, r, "receive"
        at(r)
        return ev("Channel <*>/0 : <*>[<*>] -> <*>[<*>] [<*>] via <*>", "%02d" % R.randrange(24), src, src % 8, dst, dst % 8,
                  word, "NET/IB/%d/GDRDMA" % (d // 2) if R.random() < 0.85 else "NET/IB/%d" % (d // 2))

    def init(word):
        def gen():
            r = R.randrange(16)
            world = R.random() < 0.6
            h, pid, d, _ = ranks[r]
            at(r)
            return ev("comm <*> rank <*> nranks <*> cudaDev <*> nvmlDev <*> busId <*> commId <*> - Init " + word,
                      comm_ptr(r, world), r if world else d, 16 if world else 8, d, d, bus[d],
                      world_id if world else node_id[h])
        return gen

    def literal(text):
        def gen():
            at(R.randrange(16))
            return ev(text)
        return gen

    envs = Cycle([("NCCL_SOCKET_IFNAME", "ib0"), ("NCCL_IB_HCA", "mlx5_0,mlx5_1,mlx5_2,mlx5_3"),
                  ("NCCL_IB_GID_INDEX", "3"), ("NCCL_NET_GDR_LEVEL", "PHB"), ("NCCL_P2P_LEVEL", "NVL"),
                  ("NCCL_IB_TIMEOUT", "22"), ("NCCL_CROSS_NIC", "0"), ("NCCL_IB_QPS_PER_CONNECTION", "4")])

    def env():
        at(R.randrange(16))
        return ev("<*> set by environment to <*>", *envs())

    def affinity():
        r = R.randrange(16)
        d = r % 8
        at(r)
        return ev("Setting affinity for GPU <*> to <*>", d,
                  "00000000,ffffffff,00000000,ffffffff" if d < 4 else "ffffffff,00000000,ffffffff,00000000")

    def channels():
        r = R.randrange(16)
        at(r)
        return ev("<*> coll channels, 0 nvls channels, <*> p2p channels, <*> p2p channels per peer",
                  *pick([("16", "32", "2"), ("24", "32", "4"), ("8", "16", "2"), ("32", "64", "4")]))

    def trees():
        r = R.randrange(16)
        d = r % 8
        at(r)
        parts = []
        for i in range(pick([2, 2, 4, 8])):
            child = r + 1 if d < 7 else -1
            parent = r - 1 if d > 0 else ((r + 8) % 16 if i % 2 == 0 else -1)
            parts.append("[%d] %d/-1/-1->%d->%d" % (i, child, r, parent))
        return ev("Trees <*>", " ".join(parts))

    ib_ranks = Cycle(range(16))

    def ib_using():
        r = ib_ranks()
        h = ranks[r][0]
        devs = " ".join("[%d]mlx5_%d:1/IB" % (i, i) for i in range(4))
        if h == hosts[1]:
            devs += " [4]mlx5_4:1/RoCE"
        at(r)
        return ev("NET/IB : Using <*> ; OOB <*>:<*><0>", devs, oob_if[h], ips[h])

    back = Cycle([("transport/net_ib.cc:1689", "6"), ("transport/net.cc:1138", "6"), ("proxy.cc:1546", "6"),
                  ("enqueue.cc:1185", "1"), ("init.cc:1701", "3"), ("group.cc:418", "2")])

    def trace():
        at(R.randrange(16), proxy=R.random() < 0.6)
        return ev("<*> -> <*>", *back())

    completion = Cycle([("12", "0", "0", "129", "Recv"), ("5", "1", "32768", "244", "Send"), ("12", "1", "0", "129", "Send"),
                        ("13", "128", "0", "0", "Recv")])

    def got_completion():
        r = R.randrange(16)
        h = ranks[r][0]
        peer = hosts[1] if h == hosts[0] else hosts[0]
        at(r, proxy=True, src="transport/net_ib.cc:1696")
        e = completion()
        return ev("NET/IB : Got completion from peer <*> with error <*>, opcode <*>, len <*>, vendor err <*> (<*>) "
                  "localGid <*> remoteGid <*>", "%s<%d>" % (ips[peer], R.randint(32768, 60999)), e[0], e[1], e[2], e[3],
                  e[4], "::ffff:" + ips[h], "::ffff:" + ips[peer])

    cuda = Cycle([("out of memory", "include/alloc.h:103"), ("an illegal memory access was encountered", "enqueue.cc:1185"),
                  ("unspecified launch failure", "misc/strongstream.cc:395")])

    def cuda_failure():
        err, src = cuda()
        at(R.randrange(16), src=src)
        return ev("Cuda failure '<*>'", err)

    events = [
        (112, "INFO", ch_p2p),
        (44, "INFO", ch_net),
        (22, "INFO", literal("Connected all rings")),
        (20, "INFO", literal("Connected all trees")),
        (18, "INFO", init("COMPLETE")),
        (16, "INFO", env),
        (14, "INFO", init("START")),
        (12, "INFO", affinity),
        (10, "INFO", channels),
        (9, "INFO", trees),
        (8, "INFO", ib_using),
        (7, "INFO", trace),
        (5, "WARN", got_completion),
        (3, "WARN", cuda_failure),
    ]

    def render(level, content):
        h, pid, d, ptid = ranks[cur["r"]]
        tid = ptid if cur["proxy"] else pid
        if level == "WARN":
            return "%s:%d:%d [%d] %s NCCL WARN %s" % (h, pid, tid, d, cur["src"], content)
        return "%s:%d:%d [%d] NCCL INFO %s" % (h, pid, tid, d, content)
    write("NCCL", c, events, render)


# ------------------------------------------------------------------------------------------
# 2. Telegraf 1.28/1.29 default log to stderr (with `debug = true` in [agent]):
#    `2026-12-08T10:00:00Z I! [inputs.cpu] message`, level letters `D!`, `I!`, `W!`, `E!`; the
#    plugin or `[agent]` logger in brackets, absent on the start-up lines. Content is what
#    follows the level letter and the bracketed logger when there is one.
def telegraf():
    c = Clock(50, 4200)
    outputs = [("outputs.influxdb_v2", 10000), ("outputs.kafka", 50000), ("outputs.file", 10000)]
    limits = dict(outputs)
    cur = {}

    def wrote():
        o = pick(outputs)
        cur["logger"] = o[0]
        return ev("Wrote batch of <*> metrics in <*>", pick(["1000", "1000", num(1, 999)]),
                  go_duration(rand_ns(0.4, 3000)))

    def fullness():
        o = pick(outputs)
        cur["logger"] = o[0]
        n = pick([0, 0, R.randint(1, 999), R.randint(1000, o[1])])
        return ev("Buffer fullness: <*> / <*> metrics", n, o[1])

    slow_inputs = ["inputs.snmp", "inputs.prometheus", "inputs.exec", "inputs.ping", "inputs.modbus"]

    def collection():
        cur["logger"] = pick(slow_inputs)
        return ev("Collection took longer than expected; not complete after interval of <*>", pick(["10s", "10s", "30s", "1m0s"]))

    plugin_errors = [
        ("inputs.prometheus", 'error making HTTP request to "http://10.30.4.21:9100/metrics": Get "http://10.30.4.21:9100/metrics": '
                              'context deadline exceeded (Client.Timeout exceeded while awaiting headers)'),
        ("inputs.prometheus", 'error making HTTP request to "http://plc-gw-2.site.lan:9273/metrics": Get '
                              '"http://plc-gw-2.site.lan:9273/metrics": dial tcp 10.30.4.22:9273: connect: no route to host'),
        ("inputs.temp", "open /sys/class/hwmon/hwmon3/temp2_input: no such file or directory"),
        ("inputs.exec", 'exec: exit status 2 for command "/opt/edge/bin/check_ups --format influx": ups0: driver not connected'),
        ("inputs.snmp", "agent udp://10.30.0.1:161: performing get on field sysUpTime: request timeout (after 3 retries)"),
        ("inputs.modbus", "slave 3: modbus: exception '2' (illegal data address), function '131'"),
        ("inputs.mqtt_consumer", "connection lost: EOF"),
        ("inputs.disk", "EOF"),
    ]

    def plugin_error():
        p, e = pick(plugin_errors)
        cur["logger"] = p
        return ev("Error in plugin: <*>", e)

    influx_urls = ["http://influxdb.mon.svc:8086", "https://influx-eu.example.net:8086"]

    def when_writing():
        u = pick(influx_urls)
        cur["logger"] = "outputs.influxdb_v2"
        err = pick([
            'Post "%s/api/v2/write?bucket=edge&org=ops": dial tcp 10.43.12.7:8086: connect: connection refused' % u,
            'Post "%s/api/v2/write?bucket=edge&org=ops": context deadline exceeded (Client.Timeout exceeded while awaiting headers)' % u,
            "failed to write metric to edge (will be dropped: 422 Unprocessable Entity): unprocessable entity: failure writing "
            "points to database: partial write: points beyond retention policy dropped=17",
            "401 Unauthorized: unauthorized access"])
        return ev("When writing to [<*>]: <*>", u, err)

    def overflow():
        cur["logger"] = pick(["outputs.influxdb_v2", "outputs.kafka"])
        return ev("Metric buffer overflow; <*> metrics have been dropped", num(1, 9000))

    def not_complete():
        cur["logger"] = "agent"
        return ev('["<*>"] did not complete within its flush interval', pick(outputs)[0])

    def error_writing():
        o = pick(["outputs.influxdb_v2", "outputs.influxdb_v2", "outputs.kafka"])
        cur["logger"] = "agent"
        e = ("failed to send metrics to any configured server(s)" if o.endswith("v2") else
             pick(["kafka: Failed to deliver %d messages." % R.randint(2, 900),
                   "kafka server: Message was too large, server rejected it to avoid allocation error"]))
        return ev("Error writing to <*>: <*>", o, e)

    starts = Counter()
    brokers = ["tcp://10.30.0.5:1883", "ssl://mqtt.plant.lan:8883"]

    def by_run(counter, total, old, new):
        """Values that change when the agent is restarted after its upgrade."""
        return old if counter() <= total // 2 else new

    n_start = 4

    def start_line(fmt, total, old, new):
        cnt = Counter()

        def gen():
            cur["logger"] = None
            return ev(fmt, by_run(cnt, total, old, new))
        return gen

    conf = Counter()

    def config():
        cur["logger"] = "agent"
        iv, fl = by_run(conf, 3, ("10s", "10s"), ("30s", "1m0s"))
        return ev('Config: Interval:<*>, Quiet:false, Hostname:"edge-gw-04", Flush Interval:<*>', iv, fl)

    mqtt_c = Cycle(brokers)
    mqtt_d = Cycle(brokers)

    def mqtt(word, cyc):
        def gen():
            cur["logger"] = "inputs.mqtt_consumer"
            return ev(word + " [<*>]", cyc())
        return gen

    events = [
        (96, "D", wrote),
        (80, "D", fullness),
        (30, "W", collection),
        (26, "E", plugin_error),
        (14, "E", when_writing),
        (12, "W", overflow),
        (10, "W", not_complete),
        (8, "E", error_writing),
        (5, "I", mqtt("Connecting", mqtt_c)),
        (4, "I", mqtt("Connected", mqtt_d)),
        (4, "I", start_line("Loaded inputs: <*>", 4, "cpu disk diskio exec mem modbus mqtt_consumer net ping snmp system temp",
                            "cpu disk diskio exec mem modbus mqtt_consumer net ping prometheus snmp system temp")),
        (4, "I", start_line("Loaded outputs: <*>", 4, "file influxdb_v2", "file influxdb_v2 kafka")),
        (4, "I", start_line("Starting Telegraf <*> brought to you by InfluxData the makers of InfluxDB", 4, "1.28.5", "1.29.1")),
        (3, "I", config),
    ]

    def render(level, content):
        lg = cur["logger"]
        return "%s %s! %s%s" % (c.telegraf(), level, "[%s] " % lg if lg else "", content)
    write("Telegraf", c, events, render)


# ------------------------------------------------------------------------------------------
# 3. Nagios Core 4 `nagios.log`: `[1796720000] SERVICE ALERT: host;service;STATE;TYPE;n;output`
#    and the other semicolon-separated records (notifications, flapping, current states at
#    start-up, external commands, event handlers), plus plain daemon messages. Content is what
#    follows `[epoch] `.
def nagios():
    c = Clock(3000, 110000)
    hosts = ["web-01", "web-02", "db-02", "lb-fra-1", "mail-gw", "nas01.storage", "k8s-node-07"]
    states_out = {
        "HTTP": [("OK", "HTTP OK: HTTP/1.1 200 OK - {bytes} bytes in {secs} second response time"),
                 ("WARNING", "HTTP WARNING: HTTP/1.1 404 Not Found - 412 bytes in 0.003 second response time"),
                 ("CRITICAL", "CRITICAL - Socket timeout after 10 seconds"),
                 ("CRITICAL", "connect to address {ip} and port 80: Connection refused")],
        "Current Load": [("OK", "OK - load average: 0.41, 0.38, 0.35"), ("WARNING", "WARNING - load average: 15.02, 12.40, 9.81"),
                         ("CRITICAL", "CRITICAL - load average: 31.70, 28.22, 22.93")],
        "Disk /var": [("OK", "DISK OK - free space: /var 18240 MiB (62.40% inode=97%);"),
                      ("WARNING", "DISK WARNING - free space: /var 1840 MiB (8.21% inode=91%);"),
                      ("CRITICAL", "DISK CRITICAL - free space: /var 412 MiB (1.80% inode=88%);")],
        "Swap Usage": [("OK", "SWAP OK - 98% free (2005 MB out of 2047 MB)"), ("CRITICAL", "SWAP CRITICAL - 9% free (186 MB out of 2047 MB)")],
        "Total Processes": [("OK", "PROCS OK: 212 processes"), ("WARNING", "PROCS WARNING: 412 processes with STATE = RSZDT")],
        "NTP offset": [("OK", "NTP OK: Offset 0.001832 secs"), ("WARNING", "NTP WARNING: Offset 1.284 secs"),
                       ("CRITICAL", "NTP CRITICAL: No response from NTP server")],
        "MySQL Replication": [("OK", "OK - replica running, 0 seconds behind source"),
                              ("CRITICAL", "CRITICAL - Replica IO thread not running; last error: error reconnecting to source "
                                           "'repl@10.20.2.4:3306' - retry-time: 60 retries: 12"),
                              ("UNKNOWN", "(Service check timed out after 60.01 seconds)")],
        "Certificate expiry": [("OK", "SSL OK - Certificate 'shop.example.org' will expire on 2027-02-14 12:00 +0000."),
                               ("WARNING", "SSL WARNING - Certificate 'shop.example.org' expires in 12 day(s) (2026-12-20 12:00 +0000).")],
    }
    services = list(states_out)
    host_out = [("DOWN", "PING CRITICAL - Packet loss = 100%"), ("UP", "PING OK - Packet loss = 0%, RTA = {rta} ms"),
                ("DOWN", "CRITICAL - Host Unreachable ({ip})"), ("UNREACHABLE", "CRITICAL - Host Unreachable (10.20.0.1)"),
                ("UP", "PING WARNING - Packet loss = 20%, RTA = {rta} ms")]
    host_ip = {h: "10.20.%d.%d" % (1 + i // 3, 11 + i) for i, h in enumerate(hosts)}

    def out_text(text, host):
        """A plugin's output for one check of one host."""
        return text.format(ip=host_ip[host], bytes=R.randint(800, 90000), secs="%.3f" % R.uniform(0.002, 0.9),
                           rta="%.2f" % R.uniform(0.2, 40))
    contacts = ["oncall-ops", "nagiosadmin", "dba-team", "j.kowalski"]

    def svc():
        s = pick(services)
        st, out = pick(states_out[s])
        h = pick(hosts)
        return h, s, st, out_text(out, h)

    def svc_alert():
        h, s, st, out = svc()
        typ = pick(["SOFT", "SOFT", "HARD"])
        n = R.randint(1, 3) if typ == "SOFT" else pick([1, 3, 4])
        return ev("SERVICE ALERT: <*>;<*>;<*>;<*>;<*>;<*>", h, s, st, typ, n, out)

    def current_state():
        h, s, st, out = svc()
        return ev("CURRENT SERVICE STATE: <*>;<*>;<*>;<*>;<*>;<*>", h, s, st, pick(["HARD", "HARD", "SOFT"]), pick([1, 1, 2, 3]), out)

    def svc_notify():
        h, s, st, out = svc()
        return ev("SERVICE NOTIFICATION: <*>;<*>;<*>;<*>;<*>;<*>", pick(contacts), h, s, st,
                  pick(["notify-service-by-email", "notify-service-by-sms", "notify-service-by-matrix"]), out)

    def host_alert():
        st, out = pick(host_out)
        typ = pick(["SOFT", "HARD"])
        h = pick(hosts)
        return ev("HOST ALERT: <*>;<*>;<*>;<*>;<*>", h, st, typ, R.randint(1, 5) if typ == "SOFT" else 5, out_text(out, h))

    def host_notify():
        st, out = pick(host_out)
        h = pick(hosts)
        return ev("HOST NOTIFICATION: <*>;<*>;<*>;<*>;<*>", pick(contacts), h, st,
                  pick(["notify-host-by-email", "notify-host-by-sms"]), out_text(out, h))

    handlers = {"HTTP": "restart-httpd", "Disk /var": "clean-var-tmp", "MySQL Replication": "restart-replica-io",
                "NTP offset": "resync-chrony"}

    def handler():
        s = pick(list(handlers))
        st = pick([x[0] for x in states_out[s] if x[0] != "OK"] + ["OK"])
        typ = pick(["SOFT", "HARD"])
        return ev("SERVICE EVENT HANDLER: <*>;<*>;<*>;<*>;<*>;<*>", pick(hosts), s, st, typ, R.randint(1, 3) if typ == "SOFT" else 4,
                  handlers[s])

    def forced():
        return ev("EXTERNAL COMMAND: SCHEDULE_FORCED_SVC_CHECK;<*>;<*>;<*>", pick(hosts), pick(services), c.s() + R.randint(0, 30))

    flap_svc = Cycle([(h, s) for h in hosts[:4] for s in ("HTTP", "Current Load", "NTP offset")])

    def flapping(word):
        def gen():
            h, s = flap_svc()
            if word == "STARTED":
                thr = pick(["20.0", "30.0"])
                return ev("SERVICE FLAPPING ALERT: <*>;<*>;STARTED; Service appears to have started flapping (<*>% change >= <*>% threshold)",
                          h, s, "%.1f" % R.uniform(float(thr), 60), thr)
            thr = pick(["5.0", "10.0"])
            return ev("SERVICE FLAPPING ALERT: <*>;<*>;STOPPED; Service appears to have stopped flapping (<*>% change < <*>% threshold)",
                      h, s, "%.1f" % R.uniform(0.5, float(thr) - 0.1), thr)
        return gen

    acks = Cycle([("db-02", "Disk /var", "2", "1", "1", "Jan Kowalski", "Disk replacement scheduled for Thursday, ticket OPS-4411"),
                  ("web-02", "HTTP", "1", "0", "0", "nagiosadmin", "known"),
                  ("mail-gw", "Certificate expiry", "2", "1", "0", "A. Meyer",
                   "Renewal waits for the CA (order #88213); do not page again before Monday 09:00"),
                  ("db-02", "MySQL Replication", "2", "0", "1", "dba-team", "Rebuilding the replica from last night's snapshot")])

    def ack():
        return ev("EXTERNAL COMMAND: ACKNOWLEDGE_SVC_PROBLEM;<*>;<*>;<*>;<*>;<*>;<*>;<*>", *acks())

    def wproc():
        p = R.randint(2000, 60000)
        return ev("wproc: Registry request: name=Core Worker <*>;pid=<*>", p, p)

    bounds = Cycle([("255", "MySQL Replication", "db-02"), ("4", "Certificate expiry", "mail-gw"), ("255", "NTP offset", "nas01.storage")])

    def rc():
        return ev("Warning: Return code of <*> for check of service '<*>' on host '<*>' was out of bounds.", *bounds())

    events = [
        (116, None, svc_alert),
        (44, None, svc_notify),
        (30, None, host_alert),
        (26, None, current_state),
        (16, None, handler),
        (14, None, host_notify),
        (12, None, lambda: ev("Auto-save of retention data completed successfully.")),
        (9, None, forced),
        (8, None, wproc),
        (7, None, flapping("STARTED")),
        (6, None, flapping("STOPPED")),
        (5, None, ack),
        (4, None, rc),
        (3, None, lambda: ev("Caught SIGHUP, restarting...")),
    ]

    def render(_, content):
        return "[%d] %s" % (c.s(), content)
    write("Nagios", c, events, render)


# ------------------------------------------------------------------------------------------
# 4. go-ethereum (geth 1.14) default terminal log without colour, to stderr:
#    `INFO [12-08|10:00:00.123] Imported new potential chain segment     number=24,104,221 ...`;
#    level `INFO `, `WARN ` or `ERROR` right before `[`, time `MM-DD|hh:mm:ss.mmm`; the message is
#    padded with spaces to 40 characters when key=value pairs follow, each pair after one space;
#    values with spaces are quoted. Content is what follows `] `.
def geth():
    c = Clock(40, 5200)
    head0 = 24100000 + R.randint(0, 90000)

    def head():
        return head0 + (c.ms - c.start_ms) // 12000

    def h6():
        return "%s..%s" % (hexid(6), hexid(6))

    def msg(text, keys):
        """A message with key=value pairs as geth writes it: `keys` is a list of `key` (value
        `<*>`) or `key=literal` entries."""
        if not keys:
            return text
        out = text.ljust(40)
        for k in keys:
            out += " " + (k if "=" in k else k + "=<*>")
        return out

    def imported(aged):
        keys = ["number", "hash", "blocks", "txs", "mgas", "elapsed", "mgasps"] + (["age"] if aged else []) + ["triediffs", "triedirty"]
        t = msg("Imported new potential chain segment", keys)

        def gen():
            blocks = pick([1, 1, 1, 1, 2]) if not aged else R.randint(2, 64)
            mgas = R.uniform(8, 30) * blocks
            ns = rand_ns(20, 900) * blocks
            vals = [geth_uint(head() - (R.randint(30, 4000) if aged else 0)), h6(), blocks, R.randint(40, 400) * blocks,
                    "%.3f" % mgas, pretty_duration(ns), "%.3f" % (mgas * 1e9 / ns)]
            if aged:
                vals.append(pretty_age(R.randint(400, 50000)))
            vals += [storage_size(R.randint(2 << 20, 900 << 20)), storage_size(R.randint(60 << 20, 256 << 20))]
            return ev(t, *vals)
        return gen

    def chain_head():
        return ev(msg("Chain head was updated", ["number", "hash", "root", "elapsed"]), geth_uint(head()), h6(), h6(),
                  pretty_duration(rand_ns(0.3, 40)))

    def peers():
        return ev(msg("Looking for peers", ["peercount", "tried", "static"]), R.randint(0, 49), R.randint(0, 120), pick([0, 0, 2]))

    def indexing(word):
        def gen():
            blocks = R.randint(1, 2000)
            return ev(msg(word + " transactions", ["blocks", "txs", "tail", "elapsed"]), blocks, blocks * R.randint(40, 300),
                      geth_uint(head() - 2350000 + R.randint(-5, 5)), pretty_duration(rand_ns(1, 9000)))
        return gen

    def syncing():
        left = R.randint(0, 30000)
        return ev(msg("Syncing beacon headers", ["downloaded", "left", "eta"]), geth_uint(R.randint(1000, 2000000)),
                  geth_uint(left), pretty_duration(max(left, 1) * R.randint(2, 9) * 10 ** 6 + R.randint(0, 999999)))

    snap_errs = ["peer connected on snap without compatible eth support", "too many peers",
                 "peer disconnected before the snap handshake completed", "snap/1 handshake timeout"]

    def snap_fail():
        return ev(msg("Snapshot extension registration failed", ["peer", 'err="<*>"']), hexid(16), pick(snap_errs))

    def known_payload():
        return ev(msg("Ignoring already known beacon payload", ["number", "hash", "age"]), geth_uint(head() - R.randint(1, 300)), h6(),
                  pretty_age(R.randint(12, 4000)))

    def persisted():
        return ev(msg("Persisted trie from memory database", ["nodes", "size", "time", "gcnodes", "gcsize", "gctime", "livenodes",
                                                               "livesize"]),
                  geth_uint(R.randint(20000, 900000)), storage_size(R.randint(5 << 20, 400 << 20)), pretty_duration(rand_ns(100, 9000)),
                  geth_uint(R.randint(100000, 9000000)), storage_size(R.randint(50 << 20, 2 << 30)), pretty_duration(rand_ns(300, 20000)),
                  geth_uint(R.randint(1000, 400000)), storage_size(R.randint(1 << 20, 200 << 20)))

    cached = Counter()

    def writing_cached():
        n = cached()
        return ev(msg("Writing cached state to disk", ["block", "hash", "root"]), geth_uint(head() - (0, 1, 127)[n % 3]), h6(), h6())

    journal_errs = Cycle(["snapshot [0x%s] missing" % hexid(64), "disk layer is stale",
                          'open "/data/geth/chaindata/ancient/state/state.meta": read-only file system'])

    def journal_failed():
        e = journal_errs().replace('"', '\\"')
        return ev(msg("Failed to journal state snapshot", ['err="<*>"']), e)

    node_rec = Counter()

    def local_record():
        node_rec()
        return ev(msg("New local node record", ["seq", "id", "ip", "udp=30303", "tcp=30303"]), geth_uint(c.ms - R.randint(0, 9000)),
                  pick(["1a2b3c4d5e6f7081", "9f8e7d6c5b4a3921"]), pick(["203.0.113.44", "198.51.100.9"]))

    events = [
        (91, "INFO ", imported(False)),
        (72, "INFO ", chain_head),
        (30, "INFO ", peers),
        (24, "INFO ", indexing("Unindexed")),
        (20, "INFO ", syncing),
        (14, "WARN ", snap_fail),
        (12, "INFO ", imported(True)),
        (9, "INFO ", indexing("Indexed")),
        (7, "WARN ", lambda: ev("Beacon client online, but no consensus updates received in a while. Please fix your beacon "
                                "client to follow the chain!")),
        (6, "WARN ", known_payload),
        (5, "INFO ", persisted),
        (4, "INFO ", local_record),
        (3, "INFO ", writing_cached),
        (3, "ERROR", journal_failed),
    ]

    def render(level, content):
        return "%s[%s] %s" % (level, c.geth(), content)
    write("Geth", c, events, render)


# ------------------------------------------------------------------------------------------
# 5. Fluentd v1.16 default log (two workers, the Kubernetes log-collector setup):
#    `2026-12-08 10:00:00 +0000 [info]: #0 [in_tail_containers] following tail of ...`; levels
#    `[info]`, `[warn]`, `[error]`; `#N ` (the worker id) on the lines from a worker, absent on
#    the lines of the configuration phase; a plugin's `@id` in brackets starts the message of
#    plugins that have one; values are Ruby-inspected (`key="value"` with `\"` inside). Content
#    is what follows `]: ` and the worker id when there is one.
def fluentd():
    c = Clock(30, 5000)
    cur = {}
    pods = [("checkout-api-6d8f7c9b5-x2k4p", "shop", "checkout-api"), ("payments-worker-5b7c9d-qq8zt", "shop", "worker"),
            ("ingress-nginx-controller-7fb9d4c8-m2kfn", "ingress-nginx", "controller"),
            ("coredns-5d78c9869d-8xw2v", "kube-system", "coredns"), ("grafana-0", "monitoring", "grafana"),
            ("batch-reindex-28911520-h7p2d", "search", "reindex")]
    cids = {p[0]: hexid(64) for p in pods}

    def cpath(p=None):
        p = p or pick(pods)
        return "/var/log/containers/%s_%s_%s-%s.log" % (p[0], p[1], p[2], cids[p[0]])

    def tailing():
        cur["w"] = pick(["0", "1"])
        tag = pick(["in_tail_containers", "in_tail_containers", "in_tail_audit"])
        path = cpath() if tag == "in_tail_containers" else pick(["/var/log/kube-apiserver/audit.log", "/var/log/kube-apiserver/audit-2026-12-08T09-12-44.118.log"])
        return ev("[<*>] following tail of <*>", tag, path)

    def rotation():
        cur["w"] = pick(["0", "1"])
        return ev("[in_tail_containers] detected rotation of <*>; waiting 5 seconds", cpath())

    es_hosts = ["es-logging-0.es-logging", "es-logging-1.es-logging", "10.43.0.12"]

    def chunk():
        return hexid(32)

    flush_errs = {
        "out_es": [("Fluent::Plugin::ElasticsearchOutput::RecoverableRequestFailure",
                    'could not push logs to Elasticsearch cluster ({:host=>"es-logging-0.es-logging", :port=>9200, :scheme=>"https"}): '
                    '[429] {"error":{"type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation"},"status":429}'),
                   ("Fluent::Plugin::ElasticsearchOutput::RecoverableRequestFailure",
                    'could not push logs to Elasticsearch cluster ({:host=>"10.43.0.12", :port=>9200, :scheme=>"https"}): read timeout reached'),
                   ("Errno::ECONNREFUSED", 'Connection refused - connect(2) for "es-logging-1.es-logging" port 9200')],
        "out_s3": [("Seahorse::Client::NetworkingError",
                    "Failed to open TCP connection to logs-archive.s3.eu-central-1.amazonaws.com:443 (getaddrinfo: Temporary failure in name resolution)"),
                   ("Aws::S3::Errors::SlowDown", "Please reduce your request rate."),
                   ("Aws::S3::Errors::AccessDenied", "Access Denied")],
    }

    def flush_failed():
        out = pick(["out_es", "out_es", "out_s3"])
        ec, e = pick(flush_errs[out])
        n = R.randint(0, 9)
        cur["w"] = pick(["0", "1"])
        return ev("[<*>] failed to flush the buffer. retry_times=<*> next_retry_time=<*> chunk=\"<*>\" error_class=<*> error=\"<*>\"",
                  out, n, c.fluentd(2 ** n + R.randint(0, 2 ** n)), chunk(), ec, ruby_escape(e))

    def retry_ok():
        cur["w"] = pick(["0", "1"])
        return ev('[<*>] retry succeeded. chunk_id="<*>"', pick(["out_es", "out_es", "out_s3"]), chunk())

    app_lines = ['time="{iso}" level=error msg="upstream timed out" upstream="payments:8443"',
                 "java.lang.IllegalStateException: Connection pool shut down",
                 "\tat org.apache.http.impl.conn.PoolingHttpClientConnectionManager.requestConnection(PoolingHttpClientConnectionManager.java:269)",
                 "}}",
                 "/usr/lib/python3.11/site-packages/urllib3/connectionpool.py:1103: InsecureRequestWarning: Unverified HTTPS "
                 "request is being made to host 'vault.internal'. Adding certificate verification is strongly advised.",
                 "[{ymd},{ms}] WARN  [Consumer clientId=reindex-1] Offset commit failed on partition events-3 (org.apache.kafka)"]

    def app_line():
        """A container's log line, written a moment before fluentd reads it."""
        return pick(app_lines).format(iso=c.ymd_hms("T", -1) + "Z", ymd=c.ymd_hms(" ", -1), ms="%03d" % R.randint(0, 999))

    def not_matched():
        cur["w"] = pick(["0", "1"])
        return ev('[in_tail_containers] pattern not matched: "<*>"', ruby_escape(app_line()))

    def dump_error():
        cur["w"] = pick(["0", "1"])
        p = pick(pods)
        tag = "kubernetes.var.log.containers.%s_%s_%s-%s.log" % (p[0], p[1], p[2], cids[p[0]])
        log = app_line()
        if R.random() < 0.5:
            ec = "Fluent::Plugin::Parser::ParserError"
            e = "pattern not matched with data '%s'" % log
        else:
            ec = "Fluent::Plugin::ElasticsearchErrorHandler::ElasticsearchError"
            e = ("400 - Rejected by Elasticsearch [error type]: mapper_parsing_exception [reason]: 'failed to parse field "
                 "[status] of type [long] in document with id '%s'. Preview of field's value: '%s''" % (hexid(20, "ABCDEFGHabcdefgh0123456789"), pick(["OK", "n/a", "timeout"])))
        rec = '"log"=>%s, "stream"=>"%s", "time"=>"2026-12-08T%s.%09dZ"' % (ruby_inspect(log), pick(["stdout", "stderr"]),
                                                                           c.ymd_hms()[11:], R.randint(0, 10 ** 9 - 1))
        return ev('dump an error event: error_class=<*> error="<*>" location=nil tag="<*>" time=<*> record={<*>}', ec, ruby_escape(e), tag,
                  "%s.%09d +0000" % (c.ymd_hms(), R.randint(0, 10 ** 9 - 1)), rec)

    es_errs = ["Connection refused - connect(2) for 10.43.0.12:9200 (Errno::ECONNREFUSED)",
               "read timeout reached",
               "[503] {\"error\":{\"root_cause\":[{\"type\":\"cluster_block_exception\",\"reason\":\"index [logs-2026.12.08] blocked by: "
               "[TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];\"}]},\"status\":503}",
               "SSL_connect returned=1 errno=0 peeraddr=10.43.0.13:9200 state=error: certificate verify failed (self-signed certificate in certificate chain) (OpenSSL::SSL::SSLError)"]

    def could_not():
        cur["w"] = pick(["0", "1"])
        return ev("[out_es] Could not communicate to Elasticsearch, resetting connection and trying again. <*>", pick(es_errs))

    def slow_flush():
        out = pick(["out_es", "out_s3"])
        cur["w"] = pick(["0", "1"])
        return ev('[<*>] buffer flush took longer time than slow_flush_log_threshold: elapsed_time=<*> slow_flush_log_threshold=20.0 '
                  'plugin_id="<*>"', out, "%.9f" % R.uniform(20.0, 140.0), out)

    emit_errs = Cycle([("Fluent::Plugin::Buffer::BufferOverflowError", "buffer space has too many data",
                        "/usr/lib/ruby/gems/3.2.0/gems/fluentd-1.16.3/lib/fluent/plugin/buffer.rb:330:in `write'"),
                       ("Fluent::Plugin::Buffer::BufferChunkOverflowError",
                        "a 9437184 bytes record (nth: 0) is larger than buffer chunk limit size (8388608)",
                        "/usr/lib/ruby/gems/3.2.0/gems/fluentd-1.16.3/lib/fluent/plugin/buffer.rb:795:in `block in write_step_by_step'")])

    def emit_failed():
        cur["w"] = pick(["0", "1"])
        ec, e, loc = emit_errs()
        p = pick(pods)
        return ev('emit transaction failed: error_class=<*> error="<*>" location="<*>" tag="<*>"', ec, ruby_escape(e), ruby_escape(loc),
                  "kubernetes.var.log.containers.%s_%s_%s-%s.log" % (p[0], p[1], p[2], cids[p[0]]))

    def opened():
        cur["w"] = pick(["0", "1"])
        return ev('[out_es] Connection opened to Elasticsearch cluster => {:host=>"<*>", :port=><*>, :scheme=>"<*>"}',
                  *pick([(es_hosts[0], "9200", "https"), (es_hosts[1], "9200", "https"), (es_hosts[2], "9201", "http")]))

    matches = Cycle([("kubernetes.**", "elasticsearch"), ("audit.**", "s3"), ("fluent.**", "null")])
    filters = Cycle([("kubernetes.**", "kubernetes_metadata"), ("kubernetes.var.log.containers.**", "grep"), ("**", "record_transformer")])

    def adding(word, cyc):
        def gen():
            cur["w"] = None
            return ev("adding " + word + ' pattern="<*>" type="<*>"', *cyc())
        return gen

    sup = R.randint(7, 40)
    sup2 = sup + R.randint(60, 400)  # the supervisor itself was restarted once
    starts = [(sup + 1, sup, 0), (sup + 2, sup, 1), (sup2 + 1, sup2, 0), (sup2 + 2, sup2, 1)]

    def worker_start():
        pid, ppid, w = starts.pop(0)
        cur["w"] = str(w)
        return ev("starting fluentd worker pid=<*> ppid=<*> worker=<*>", pid, ppid, w)

    give_up = Cycle([("12", "1840", "Aws::S3::Errors::AccessDenied", "Access Denied"),
                     ("17", "52213", "Seahorse::Client::NetworkingError", "execution expired")])

    def gave_up():
        cur["w"] = pick(["0", "1"])
        n, recs, ec, e = give_up()
        return ev("[out_s3] failed to flush the buffer, and hit limit for retries. dropping all chunks in the buffer queue. "
                  "retry_times=<*> records=<*> error_class=<*> error=\"<*>\"", n, recs, ec, ruby_escape(e))

    events = [
        (100, "info", tailing),
        (50, "warn", flush_failed),
        (38, "warn", not_matched),
        (24, "info", rotation),
        (20, "warn", retry_ok),
        (16, "warn", dump_error),
        (12, "warn", could_not),
        (10, "warn", slow_flush),
        (8, "warn", emit_failed),
        (6, "info", opened),
        (5, "info", adding("match", matches)),
        (4, "info", adding("filter", filters)),
        (4, "info", worker_start),
        (3, "error", gave_up),
    ]

    def render(level, content):
        w = cur["w"]
        return "%s [%s]: %s%s" % (c.fluentd(), level, "#%s " % w if w is not None else "", content)
    write("Fluentd", c, events, render)


# ------------------------------------------------------------------------------------------
# 6. Linux audit, /var/log/audit/audit.log as auditd writes it with `log_format = RAW`:
#    `type=SYSCALL msg=audit(1796724000.123:48211): arch=c000003e syscall=59 ...`; the record type
#    and the event's time stamp and serial are the header. Content is the whole record after
#    `msg=audit(...): `. Records are written one per event serial here (the records of one
#    event are not kept together).
def auditd():
    c = Clock(1, 2600)
    serial = {"n": R.randint(40000, 90000)}
    cur = {}
    subj_user = "unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023"
    subjs = [subj_user, "system_u:system_r:init_t:s0", "system_u:system_r:crond_t:s0-s0:c0.c1023",
             "system_u:system_r:httpd_t:s0", "system_u:system_r:sysadm_t:s0-s0:c0.c1023"]
    users = [("1000", "alice"), ("1001", "bwagner"), ("1004", "deploy"), ("0", "root"), ("4294967295", None)]
    progs = [("bash", "/usr/bin/bash"), ("cat", "/usr/bin/cat"), ("sudo", "/usr/bin/sudo"), ("python3", "/usr/bin/python3.11"),
             ("systemctl", "/usr/bin/systemctl"), ("chmod", "/usr/bin/chmod"), ("useradd", "/usr/sbin/useradd"),
             ("rm", "/usr/bin/rm"), ("httpd", "/usr/sbin/httpd"), ("vim", "/usr/bin/vim")]
    syscalls = [("59", "yes", "0"), ("257", "yes", "3"), ("257", "no", "-13"), ("82", "yes", "0"), ("87", "yes", "0"),
                ("90", "yes", "0"), ("263", "no", "-2"), ("268", "yes", "0")]
    keys = ["exec", "identity", "perm_mod", "delete", "access", "sudoers", "time-change"]

    def syscall(keyed):
        calls = Counter()

        def gen():
            arch = "40000003" if calls() % 7 == 3 else "c000003e"  # now and then a 32-bit program
            sc, ok, ex = pick(syscalls)
            if arch == "40000003":
                sc = {"59": "11", "257": "295", "82": "38", "87": "10", "90": "15", "263": "301", "268": "306"}[sc]
            auid, _ = pick(users)
            uid = pick(["0", auid if auid != "4294967295" else "0"])
            cm, exe = pick(progs)
            ppid = R.randint(900, 99000)
            unset = auid == "4294967295"
            vals = [arch, sc, ok, ex, "%x" % R.randint(1 << 40, 1 << 47), "%x" % R.randint(1 << 40, 1 << 47),
                    pick(["0", "%x" % R.randint(1 << 40, 1 << 47), "1b6"]), pick(["0", "8", "%x" % R.randint(16, 65535)]),
                    pick(["0", "1", "2"]), ppid, ppid + R.randint(1, 400), auid, uid, uid, uid, uid, uid, uid, uid, uid,
                    "(none)" if unset else pick(["pts0", "pts1", "pts3"]), "4294967295" if unset else pick(["3", "7", "12"]), cm, exe,
                    pick(subjs[1:4]) if unset else pick([subj_user, subj_user, subjs[4]])]
            t = ("arch=<*> syscall=<*> success=<*> exit=<*> a0=<*> a1=<*> a2=<*> a3=<*> items=<*> ppid=<*> pid=<*> auid=<*> "
                 "uid=<*> gid=<*> euid=<*> suid=<*> fsuid=<*> egid=<*> sgid=<*> fsgid=<*> tty=<*> ses=<*> comm=\"<*>\" "
                 "exe=\"<*>\" subj=<*> key=")
            if keyed:
                vals.append(pick(keys))
                t += '"<*>"'
            else:
                t += "(null)"
            return ev(t, *vals)
        return gen

    cmds = [("ls", "-la", "/etc/sudoers.d"), ("systemctl", "restart", "nginx"), ("tar", "-czf", "/tmp/home-alice.tgz"),
            ("ip", "addr", "show"), ("grep", "-r", "password"), ("chmod", "4755", "/tmp/.x"), ("usermod", "-aG", "wheel"),
            ("curl", "-fsSLo", "/tmp/install.sh")]

    def execve():
        return ev('argc=3 a0="<*>" a1="<*>" a2="<*>"', *pick(cmds))

    def cwd():
        return ev('cwd="<*>"', pick(["/", "/root", "/home/alice", "/home/deploy/releases/2026-12-08_0915", "/var/www/shop",
                                     "/tmp"]))

    files = [("/usr/bin/ls", "0100755", "root", "system_u:object_r:bin_t:s0"),
             ("/etc/shadow", "0100000", "root", "system_u:object_r:shadow_t:s0"),
             ("/etc/sudoers.d/90-deploy", "0100440", "root", "system_u:object_r:etc_t:s0"),
             ("/tmp/", "041777", "root", "system_u:object_r:tmp_t:s0"),
             ("/home/alice/.ssh/authorized_keys", "0100600", "1000", "unconfined_u:object_r:ssh_home_t:s0"),
             ("/lib64/ld-linux-x86-64.so.2", "0100755", "root", "system_u:object_r:ld_so_t:s0"),
             ("/var/www/shop/config/database.yml", "0100640", "48", "system_u:object_r:httpd_sys_content_t:s0")]

    def path():
        f = pick(files)
        own = "0" if f[2] == "root" else f[2]
        return ev("item=<*> name=\"<*>\" inode=<*> dev=<*> mode=<*> ouid=<*> ogid=<*> rdev=00:00 obj=<*> nametype=<*> "
                  "cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0",
                  pick(["0", "0", "1"]), f[0], R.randint(100, 60000000), pick(["fd:00", "fd:00", "fd:02", "08:02"]), f[1], own, own, f[3],
                  pick(["NORMAL", "NORMAL", "PARENT", "CREATE", "DELETE"]))

    def proctitle():
        return ev("proctitle=<*>", audit_hex("\0".join(pick(cmds + [("/bin/bash", "-c", "backup.sh --full"),
                                                                    ("python3", "-m", "http.server")]))))

    def pam_msg(op):
        setcred = Counter()

        def gen():
            uid, name = pick(users[:4])
            exe = pick(["/usr/bin/sudo", "/usr/bin/su", "/usr/bin/login", "/usr/libexec/cockpit-session", "/usr/sbin/crond"])
            remote = exe == "/usr/libexec/cockpit-session"
            host = pick(["10.20.7.31", "10.20.7.44"]) if remote else "?"
            term = {"/usr/bin/sudo": "/dev/pts/1", "/usr/bin/su": "pts/0", "/usr/bin/login": "tty1",
                    "/usr/libexec/cockpit-session": "?", "/usr/sbin/crond": "cron"}[exe]
            if op == "PAM:authentication":
                ok = R.random() < 0.7
                grant = pick(["pam_unix", "pam_faillock,pam_unix", "pam_sss"]) if ok else "?"
                res = "success" if ok else "failed"
            else:
                grant = pick(["pam_env,pam_unix", "pam_localuser,pam_unix", "pam_env,pam_sss"])
                res = "failed" if setcred() % 6 == 4 else "success"
            return ev("pid=<*> uid=0 auid=<*> ses=<*> subj=<*> msg='op=" + op + " grantors=<*> acct=\"<*>\" exe=\"<*>\" hostname=<*> "
                      "addr=<*> terminal=<*> res=<*>'", R.randint(2000, 99000), pick([uid, "4294967295"]),
                      pick(["4294967295", "3", "7", "12"]), pick(subjs[:3]), grant, name, exe, host, host, term, res)
        return gen

    def login():
        uid, name = pick(users[:4])
        exe = pick(["/usr/bin/login", "/usr/libexec/cockpit-session"])
        host = pick(["10.20.7.31", "10.20.7.44"]) if "cockpit" in exe else "?"
        return ev("pid=<*> uid=0 auid=<*> ses=<*> subj=<*> msg='op=login id=<*> exe=\"<*>\" hostname=<*> addr=<*> terminal=<*> res=<*>'",
                  R.randint(2000, 99000), uid, pick(["3", "7", "12", "15"]), pick(subjs[:2]), uid, exe, host, host,
                  "tty1" if host == "?" else "web console", pick(["success", "success", "failed"]))

    units = ["nginx", "dnf-makecache", "systemd-tmpfiles-clean", "user@1000", "logrotate", "fstrim", "backup-home"]

    def service():
        return ev("pid=1 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:init_t:s0 msg='unit=<*> comm=\"systemd\" "
                  "exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res=<*>'", pick(units), pick(["success"] * 4 + ["failed"]))

    avcs = [("read", "httpd", "database.yml", "dm-0", "system_u:system_r:httpd_t:s0", "unconfined_u:object_r:user_home_t:s0", "file"),
            ("name_connect", "php-fpm", None, None, "system_u:system_r:httpd_t:s0", "system_u:object_r:postgresql_port_t:s0", "tcp_socket"),
            ("read write open getattr", "rsync", "backup.tar", "dm-2", "system_u:system_r:rsync_t:s0", "system_u:object_r:tmp_t:s0", "file"),
            ("write", "nginx", "nginx.sock", "tmpfs", "system_u:system_r:httpd_t:s0", "system_u:object_r:var_run_t:s0", "sock_file")]

    def avc():
        a = pick([x for x in avcs if x[2]])
        return ev("avc:  denied  { <*> } for  pid=<*> comm=\"<*>\" name=\"<*>\" dev=\"<*>\" ino=<*> scontext=<*> tcontext=<*> "
                  "tclass=<*> permissive=<*>", a[0], R.randint(900, 99000), a[1], a[2], a[3], R.randint(1000, 9000000), a[4], a[5], a[6],
                  pick(["0", "0", "1"]))

    sudo_cmds = Cycle(["systemctl restart nginx", "/usr/bin/cat /var/log/nginx/error.log", "dnf -y update openssl",
                       "vim /etc/sudoers.d/90-deploy", "journalctl -u backup-home --since today"])

    def user_cmd():
        uid, _ = pick(users[:3])
        return ev("pid=<*> uid=<*> auid=<*> ses=<*> subj=" + subj_user + " msg='cwd=\"<*>\" cmd=<*> exe=\"/usr/bin/sudo\" "
                  "terminal=<*> res=<*>'", R.randint(2000, 99000), uid, uid, pick(["3", "7", "12"]), pick(["/home/alice", "/root", "/var/www/shop"]),
                  audit_hex(sudo_cmds()), pick(["pts/0", "pts/1"]), pick(["success", "success", "failed"]))

    rules = Cycle([("add_rule", "exec", "1"), ("remove_rule", "identity", "1"), ("add_rule", "time-change", "1"),
                   ("add_rule", "perm_mod", "0")])

    def config_change():
        op, key, res = rules()
        return ev("auid=<*> ses=<*> subj=<*> op=<*> key=\"<*>\" list=4 res=<*>", pick(["4294967295", "1000"]), pick(["4294967295", "3"]),
                  pick(["system_u:system_r:unconfined_service_t:s0", subj_user]), op, key, res)

    abends = Cycle([("1000", "python3", "/usr/bin/python3.11", "11"), ("48", "httpd", "/usr/sbin/httpd", "6"),
                    ("0", "rsync", "/usr/bin/rsync", "11")])

    def abend():
        uid, cm, exe, sig = abends()
        return ev("auid=<*> uid=<*> gid=<*> ses=<*> subj=<*> pid=<*> comm=\"<*>\" exe=\"<*>\" sig=<*> res=1",
                  "4294967295" if uid != "1000" else "1000", uid, uid, "4294967295" if uid != "1000" else "7",
                  subjs[3] if cm == "httpd" else subj_user, R.randint(900, 99000), cm, exe, sig)

    events = [
        (93, "SYSCALL", syscall(True)),
        (50, "PATH", path),
        (30, "PROCTITLE", proctitle),
        (20, "CWD", cwd),
        (18, "EXECVE", execve),
        (16, "USER_AUTH", pam_msg("PAM:authentication")),
        (14, "CRED_ACQ", pam_msg("PAM:setcred")),
        (12, "USER_LOGIN", login),
        (12, "SERVICE_START", service),
        (10, "SYSCALL", syscall(False)),
        (9, "AVC", avc),
        (8, "USER_CMD", user_cmd),
        (5, "CONFIG_CHANGE", config_change),
        (3, "ANOM_ABEND", abend),
    ]

    def render(typ, content):
        serial["n"] += R.randint(1, 37)
        return "type=%s msg=audit(%d.%03d:%d): %s" % (typ, c.ms // 1000, c.ms % 1000, serial["n"], content)
    write("Auditd", c, events, render)


# ------------------------------------------------------------------------------------------
def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


# Per system: the header that must precede Content on every raw line.
HEADERS = {
    "NCCL": re.compile(r"gpu-a100-0[78]:\d+:\d+ \[[0-7]\] (NCCL INFO |[a-z_/]+\.(cc|h):\d+ NCCL WARN )"),
    "Telegraf": re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ [DIWE]! (\[(agent|inputs\.[a-z_]+|outputs\.[a-z_0-9]+)\] )?"),
    "Nagios": re.compile(r"\[\d{10}\] "),
    "Geth": re.compile(r"(INFO |WARN |ERROR)\[\d\d-\d\d\|\d\d:\d\d:\d\d\.\d{3}\] "),
    "Fluentd": re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 \[(info|warn|error)\]: (#[01] )?"),
    "Auditd": re.compile(r"type=[A-Z_]+ msg=audit\(\d{10}\.\d{3}:\d+\): "),
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
            assert HEADERS[system].fullmatch(line[:len(line) - len(content)]), (system, i + 1, line)
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
    """Timestamps never go back: the header times, read back in a sortable form. NCCL lines
    carry no time stamp; for them the check is that each process's lines name one device."""
    def audit_key(l):
        m = re.match(r"type=[A-Z_]+ msg=audit\((\d+)\.(\d+):(\d+)\)", l)
        return (int(m.group(1)), int(m.group(2)), int(m.group(3)))

    parsers = {
        "Telegraf": lambda l: l[:20],
        "Nagios": lambda l: int(l[1:11]),
        "Geth": lambda l: l[6:24],
        "Fluentd": lambda l: l[:19],
        "Auditd": audit_key,
    }
    for system, key in parsers.items():
        with open(os.path.join(HERE, system, system + ".log"), encoding="utf-8") as f:
            stamps = [key(l) for l in f.read().splitlines()]
        assert len(stamps) == LINES, system
        assert stamps == sorted(stamps), system
        if system == "Auditd":
            serials = [s[2] for s in stamps]
            assert serials == sorted(set(serials)), system
    with open(os.path.join(HERE, "NCCL", "NCCL.log"), encoding="utf-8") as f:
        dev_of = {}
        for l in f.read().splitlines():
            m = re.match(r"([a-z0-9-]+):(\d+):\d+ \[(\d)\]", l)
            assert dev_of.setdefault((m.group(1), m.group(2)), m.group(3)) == m.group(3), l


if __name__ == "__main__":
    nccl()
    telegraf()
    nagios()
    geth()
    fluentd()
    auditd()
    check_clock_order()
    for system, counts in self_check().items():
        print("%-9s %2d events  %s" % (system, len(counts), " ".join("%s:%d" % kv for kv in counts.items())))
    print("self-check passed")
