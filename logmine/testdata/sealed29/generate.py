#!/usr/bin/env python3
"""Sealed 29: generator for a small blind labelled log corpus.

Python 3 standard library only and fully deterministic: no wall clock, no
locale (month and weekday names come from fixed lists).  Base seed 20270117;
system number k (1..6) uses random.Random(20270117 * 10 + k).  Time is an
integer nanosecond clock on 2026-03-14 UTC.

Running it writes, next to this script:
    <System>/<System>.log                 300 raw lines
    <System>/<System>.log_structured.csv  LineId,Content,EventId,EventTemplate
    README.md
and then self-checks every file, printing a per-system summary.
"""
import csv
import os
import random
import re
import statistics
import sys
from collections import Counter

BASE_SEED = 20270117
HERE = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS_SUN0 = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
YEAR, MONTH, DAY = 2026, 3, 14

SEC = 1_000_000_000
MS = 1_000_000
US = 1_000


def weekday_name(y, m, d):
    """Sakamoto's method, no calendar/locale module involved (0 = Sunday)."""
    t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    if m < 3:
        y -= 1
    return WEEKDAYS_SUN0[(y + y // 4 - y // 100 + y // 400 + t[m - 1] + d) % 7]


WDAY = weekday_name(YEAR, MONTH, DAY)


# ---------------------------------------------------------------- clock ----
def parts(ns):
    """Split nanoseconds since 2026-03-14 00:00:00 UTC into h, m, s, frac."""
    if not 0 <= ns < 86400 * SEC:
        raise ValueError("clock left the day: %r" % ns)
    s, frac = divmod(ns, SEC)
    return s // 3600, (s // 60) % 60, s % 60, frac


def ts_packer(ns):                      # Go log default: 2006/01/02 15:04:05
    h, m, s, _ = parts(ns)
    return "%04d/%02d/%02d %02d:%02d:%02d" % (YEAR, MONTH, DAY, h, m, s)


def ts_rfc3339(ns):                     # logrus default (RFC3339, UTC)
    h, m, s, _ = parts(ns)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (YEAR, MONTH, DAY, h, m, s)


def ts_manticore(ns):                   # ctime-like with milliseconds
    h, m, s, frac = parts(ns)
    return "%s %s %2d %02d:%02d:%02d.%03d %04d" % (
        WDAY, MONTHS[MONTH - 1], DAY, h, m, s, frac // MS, YEAR)


def ts_syslog(ns):                      # RFC3164 syslog
    h, m, s, _ = parts(ns)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[MONTH - 1], DAY, h, m, s)


def key_hms(mt):
    """Comparable integer (microseconds of the day) from a regex match."""
    frac = mt.group("frac") or ""
    us = int((frac + "000000")[:6]) if frac else 0
    return ((int(mt.group("h")) * 60 + int(mt.group("m"))) * 60
            + int(mt.group("s"))) * 1_000_000 + us


# -------------------------------------------------------------- helpers ----
class Picker:
    """Cycle a small pool per (event, slot) so each slot takes several values."""

    def __init__(self, rng):
        self.rng = rng
        self.state = {}

    def __call__(self, ev, slot, pool):
        key = (ev, slot)
        if key not in self.state:
            self.state[key] = [self.rng.randrange(len(pool)), 0]
        st = self.state[key]
        val = pool[(st[0] + st[1]) % len(pool)]
        st[1] += 1
        return val


def fill(tpl, vals):
    pieces = tpl.split("<*>")
    if len(pieces) - 1 != len(vals):
        raise ValueError("slot count mismatch for %r: %r" % (tpl, vals))
    out = [pieces[0]]
    for v, p in zip(vals, pieces[1:]):
        v = str(v)
        if not v or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, tpl))
        out.append(v)
        out.append(p)
    return "".join(out)


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def alnum(rng, n):
    return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789")
                   for _ in range(n))


def go_duration(rng, lo_us, hi_us):
    """A Go time.Duration String() for a random duration in [lo_us, hi_us]."""
    us = rng.randint(lo_us, hi_us)
    ns = us * 1000 + rng.randint(0, 999)
    if ns < MS:
        return ("%.3f" % (ns / 1000)).rstrip("0").rstrip(".") + "\u00b5s"
    if ns < SEC:
        return ("%.6f" % (ns / MS)).rstrip("0").rstrip(".") + "ms"
    if ns < 60 * SEC:
        return ("%.9f" % (ns / SEC)).rstrip("0").rstrip(".") + "s"
    mins, rest = divmod(ns, 60 * SEC)
    return "%dm" % mins + ("%.9f" % (rest / SEC)).rstrip("0").rstrip(".") + "s"


def shuffle_lines(rng, events, make, start_ns, mean_gap_ns):
    """Fixed count per event, shuffled, stamped by a forward-only clock."""
    seq = [i for i, (_, n) in enumerate(events) for _ in range(n)]
    if len(seq) != N_LINES:
        raise ValueError("event counts add up to %d" % len(seq))
    rng.shuffle(seq)
    t = start_ns
    rows = []
    for ev in seq:
        t += 1 + int(rng.expovariate(1.0) * mean_gap_ns)
        header, vals = make(ev, t)
        rows.append((header, fill(events[ev][0], vals), ev))
    return rows


def merge_sim(recs, events, render):
    """Merge per-entity records (t, seq, ev, spec, vals) in time order, keep 300."""
    recs = sorted(recs, key=lambda r: (r[0], r[1]))[:N_LINES]
    if len(recs) != N_LINES:
        raise ValueError("simulation produced only %d lines" % len(recs))
    return [(render(t, spec), fill(events[ev][0], vals), ev)
            for t, _, ev, spec, vals in recs]


# ======================================================= 1. Packer ==========
PK_PLUGINS = {
    "amazon": "packer-plugin-amazon_v1.3.3_x5.0_linux_amd64",
    "qemu": "packer-plugin-qemu_v1.1.0_x5.0_linux_amd64",
}
PK_AWS = ["amazon-ebs.web", "amazon-ebs.bastion", "amazon-ebs.worker"]
PK_QEMU = ["qemu.rocky9", "qemu.debian12"]
PK_ALL = PK_AWS + PK_QEMU

PK_EVENTS = [
    ("Attempting SSH connection to <*>:<*>...", 60),                     # E1
    ("starting remote command: <*>", 44),                                 # E2
    ("<*> bytes written for '<*>'", 36),                                  # E3
    ("RPC client: Communicator ended with: <*>", 30),                     # E4
    ("Waiting for state to become: <*>", 24),                             # E5
    ("==> <*>: Provisioning with shell script: <*>", 20),                 # E6
    ("(telemetry) Starting provisioner <*>", 16),                         # E7
    ("(telemetry) ending <*>", 16),                                       # E8
    ("==> <*>: Creating temporary keypair: <*>", 12),                     # E9
    ("==> <*>: Instance ID: <*>", 10),                                    # E10
    ("==> <*>: Waiting for instance (<*>) to become ready...", 9),        # E11
    ("==> <*>: Creating AMI <*> from instance <*>", 8),                   # E12
    ("==> <*>: AMI: <*>", 6),                                             # E13
    ("Build '<*>' finished after <*>.", 5),                               # E14
    ("Build '<*>' errored after <*>: <*>", 4),                            # E15
]

PK_HEADER_RE = (r"(?P<ts>\d{4}/\d{2}/\d{2} (?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2})(?P<frac>)) "
                r"(?:ui: |ui error: |packer-plugin-[a-z0-9]+_v\d+\.\d+\.\d+_x5\.0_linux_amd64 plugin: (?P=ts) )?"
                r"(?:\[(?:TRACE|DEBUG|INFO|WARN|ERROR)\] )?")


def pk_human(secs):
    m, s = divmod(secs, 60)
    sp = "%d second%s" % (s, "" if s == 1 else "s")
    if not m:
        return sp
    return "%d minute%s %s" % (m, "" if m == 1 else "s", sp)


def pk_build(rng):
    P = Picker(rng)

    def H(ns, kind, lvl=None, plugin=None):
        ts = ts_packer(ns)
        if kind == "core":
            h = ts + " "
        elif kind == "ui":
            h = ts + " ui: "
        elif kind == "uierr":
            h = ts + " ui error: "
        else:
            h = "%s %s plugin: %s " % (ts, PK_PLUGINS[plugin], ts)
        if lvl:
            h += "[%s] " % lvl
        return h

    def role(build):
        return build.split(".", 1)[1]

    def make(ev, ns):
        if ev == 0:
            plug = P(ev, "plug", ["amazon", "qemu", "amazon", "amazon"])
            if plug == "amazon":
                host = "10.%d.%d.%d" % (rng.choice([40, 41, 96]), rng.randint(0, 31), rng.randint(4, 250))
                return H(ns, "plugin", "INFO", plug), [host, "22"]
            return H(ns, "plugin", "INFO", plug), ["127.0.0.1", str(rng.randint(2222, 4444))]
        if ev == 1:
            plug = P(ev, "plug", ["amazon", "amazon", "qemu"])
            script = "/tmp/script_%d.sh" % rng.randint(1000, 9999)
            build = P(ev, "build", PK_AWS if plug == "amazon" else PK_QEMU)
            form = P(ev, "form", ["chmod", "env", "rm", "sudo", "env", "tar"])
            if form == "chmod":
                cmd = "chmod 0755 %s" % script
            elif form == "env":
                cmd = "/usr/bin/env PACKER_BUILDER_TYPE='%s' PACKER_BUILD_NAME='%s' %s" % (
                    build.split(".")[0], role(build), script)
            elif form == "rm":
                cmd = "rm -f %s" % script
            elif form == "sudo":
                cmd = "echo 'packer' | sudo -S -E sh -c '%s'" % script
            else:
                cmd = "cd /tmp && tar -xzf /tmp/pkr-upload-%s.tar.gz" % hexs(rng, 8)
            return H(ns, "plugin", "DEBUG", plug), [cmd]
        if ev == 2:
            stream = P(ev, "stream", ["stdout", "stdout", "stderr"])
            if stream == "stderr":
                n = rng.choice([0, 0, rng.randint(38, 2400)])
            else:
                n = rng.randint(40, 260000)
            return H(ns, "core", "INFO"), [n, stream]
        if ev == 3:
            code = P(ev, "code", ["0", "0", "0", "1", "0", "0", "100", "0", "2", "0"])
            return H(ns, "core", "INFO"), [code]
        if ev == 4:
            st = P(ev, "state", ["available", "running", "stopped", "terminated", "available"])
            return H(ns, "plugin", None, "amazon"), [st]
        if ev == 5:
            build = P(ev, "build", PK_ALL)
            kind = P(ev, "kind", ["inline", "file", "inline", "file"])
            if kind == "inline":
                path = "/tmp/packer-shell%d" % rng.randint(100000000, 4294967295)
            else:
                path = P(ev, "file", ["scripts/base.sh", "scripts/harden-cis.sh",
                                      "./provision/install-docker.sh", "scripts/cleanup.sh",
                                      "files/node_exporter.sh"])
            return H(ns, "ui"), [build, path]
        if ev in (6, 7):
            prov = P(ev, "prov", ["shell", "file", "ansible", "shell", "shell-local"])
            return H(ns, "core", "INFO"), [prov]
        if ev == 8:
            build = P(ev, "build", PK_AWS)
            key = "packer_%s-%s-%s-%s-%s" % (hexs(rng, 8), hexs(rng, 4), hexs(rng, 4),
                                             hexs(rng, 4), hexs(rng, 12))
            return H(ns, "ui"), [build, key]
        if ev == 9:
            return H(ns, "ui"), [P(ev, "build", PK_AWS), "i-0" + hexs(rng, 16)]
        if ev == 10:
            return H(ns, "ui"), [P(ev, "build", PK_AWS), "i-0" + hexs(rng, 16)]
        if ev == 11:
            build = P(ev, "build", PK_AWS)
            h, m, _, _ = parts(ns)
            name = "%s-ubuntu-2404-%04d%02d%02d-%02d%02d" % (role(build), YEAR, MONTH, DAY, h, m)
            return H(ns, "ui"), [build, name, "i-0" + hexs(rng, 16)]
        if ev == 12:
            return H(ns, "ui"), [P(ev, "build", PK_AWS), "ami-0" + hexs(rng, 16)]
        if ev == 13:
            return H(ns, "ui"), [P(ev, "build", PK_ALL), pk_human(rng.randint(95, 1900))]
        if ev == 14:
            err, pool = P(ev, "err", [
                ("Timeout waiting for SSH.", PK_QEMU),
                ("Script exited with non-zero exit status: 100. Allowed exit codes are: [0]", PK_ALL),
                ("Error launching source instance: UnauthorizedOperation: You are not authorized to "
                 "perform this operation.", PK_AWS),
                ("Error waiting for AMI: ResourceNotReady: failed waiting for successful resource state", PK_AWS),
            ])
            return H(ns, "uierr"), [P(ev, "build", pool), pk_human(rng.randint(40, 1500)), err]
        raise AssertionError(ev)

    start = 9 * 3600 * SEC + 12 * 60 * SEC + 4 * SEC + 310 * MS
    return shuffle_lines(rng, PK_EVENTS, make, start, int(2.6 * SEC))


# ===================================================== 2. Weaviate ==========
WV_CLASSES = [("Article", "article"), ("Product", "product"),
              ("DocumentChunk", "documentchunk"), ("SupportTicket", "supportticket")]
WV_NODES = ["weaviate-0", "weaviate-1", "weaviate-2", "weaviate-3"]

WV_EVENTS = [
    ('"msg":"Completed loading shard <*> in <*>","time":"<*>"}', 90),                        # E1
    ('"msg":"Created shard <*> in <*>","time":"<*>"}', 36),                                  # E2
    ('"msg":"prefilled vector cache","time":"<*>","took":<*>}', 50),                         # E3
    ('"msg":"active write-ahead-log found. Did weaviate crash prior to this? Trying to recover...",'
     '"path":"<*>","shard":"<*>","time":"<*>"}', 10),                                        # E4
    ('"msg":"successfully recovered from write-ahead-log","path":"<*>","shard":"<*>","time":"<*>"}', 9),  # E5
    ('"msg":"Serving weaviate at http://<*>","time":"<*>"}', 4),                             # E6
    ('"msg":"grpc server listening at <*>","time":"<*>"}', 4),                               # E7
    ('"msg":"No resource limits set, weaviate will use all available memory and CPU. '
     'To limit resources, set LIMIT_RESOURCES=true","time":"<*>"}', 4),                      # E8
    ('"msg":"backup started","time":"<*>"}', 6),                                             # E9
    ('"msg":"backup completed","time":"<*>","took":"<*>"}', 6),                              # E10
    ('"msg":"failed to push telemetry: <*>","time":"<*>"}', 8),                              # E11
    ('"msg":"memberlist: Refuting a suspect message (from: <*>)","time":"<*>"}', 18),        # E12
    ('"msg":"memberlist: Suspect <*> has failed, no acks received","time":"<*>"}', 7),       # E13
    ('"msg":"prop len tracker file <*> does not exist, creating new tracker","time":"<*>"}', 20),  # E14
    ('"msg":"completed hnsw tombstone cleanup","shard":"<*>","time":"<*>","took":"<*>"}', 28),    # E15
]

WV_HEADER_RE = (r'\{(?:"action":"[a-z_]+",)?(?:"backend":"[a-z0-9]+",)?(?:"backup_id":"[A-Za-z0-9_-]+",)?'
                r'(?:"class":"[A-Za-z0-9_]+",)?(?:"count":\d+,)?(?:"index":"[a-z0-9_]+",)?'
                r'(?:"index_id":"[a-z0-9_]+",)?"level":"(?:debug|info|warning|error)",(?:"limit":\d+,)?')
WV_TS_RE = r'"time":"\d{4}-\d{2}-\d{2}T(?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2})(?P<frac>)Z"'


def wv_build(rng):
    P = Picker(rng)
    shards = {idx: [alnum(rng, 12) for _ in range(3)] for _, idx in WV_CLASSES}

    def hdr(level, **fields):
        # logrus JSON sorts keys; everything before "msg" is the header
        fields["level"] = level

        def enc(v):
            return str(v) if isinstance(v, int) else '"%s"' % v
        return "{" + "".join('"%s":%s,' % (k, enc(fields[k])) for k in sorted(fields))

    def shard_of(ev, idx):
        if P(ev, "tenant", [False, True, False]) and idx == "supportticket":
            return "cust-%s" % hexs(rng, 6)
        return rng.choice(shards[idx])

    def make(ev, ns):
        t = ts_rfc3339(ns)
        if ev in (0, 1):
            cls, idx = P(ev, "class", WV_CLASSES)
            name = "%s_%s" % (idx, shard_of(ev, idx))
            dur = go_duration(rng, 80, 9000) if ev == 1 else go_duration(rng, 300, 2600000)
            return hdr("info"), [name, dur, t]
        if ev == 2:
            n = rng.choice([1000, 2000, rng.randint(3, 999), rng.randint(1000, 180000)])
            return (hdr("info", action="hnsw_vector_cache_prefill", count=n, index_id="main",
                        limit=1000000000000), [t, rng.randint(21000, 4800000000)])
        if ev in (3, 4):
            cls, idx = P(ev, "class", WV_CLASSES)
            sh = rng.choice(shards[idx])
            bucket = P(ev, "bucket", ["objects", "property_title", "property__id",
                                      "property_title_searchable", "objects"])
            path = "/var/lib/weaviate/%s/%s/lsm/%s/segment-%d.wal" % (
                idx, sh, bucket, 1773400000000000000 + rng.randint(0, 99999999999999))
            action = "lsm_recover_from_active_wal" + ("" if ev == 3 else "_success")
            level = "warning" if ev == 3 else "info"
            return hdr(level, action=action, **{"class": cls, "index": idx}), [path, sh, t]
        if ev == 5:
            return hdr("info", action="restapi_management"), [P(ev, "bind", ["[::]:8080", "0.0.0.0:8080"]), t]
        if ev == 6:
            return hdr("info", action="grpc_startup"), [P(ev, "bind", ["[::]:50051", "0.0.0.0:50051"]), t]
        if ev == 7:
            return hdr("info"), [t]
        if ev in (8, 9):
            backend = P(ev, "backend", ["s3", "gcs", "filesystem"])
            h, m, _, _ = parts(ns)
            bid = P(ev, "bid", ["nightly-%04d%02d%02d" % (YEAR, MONTH, DAY),
                                "pre-upgrade-1-28", "hourly-%02d00" % h, "adhoc-%s" % hexs(rng, 6)])
            f = {"action": "try_backup", "backend": backend, "backup_id": bid}
            if ev == 8:
                return hdr("info", **f), [t]
            return hdr("info", **f), [t, go_duration(rng, 4000000, 420000000)]
        if ev == 10:
            reason = P(ev, "reason", [
                'Post \\"https://telemetry.weaviate.io/weaviate-telemetry\\": dial tcp: lookup '
                'telemetry.weaviate.io on 10.96.0.10:53: no such host',
                'Post \\"https://telemetry.weaviate.io/weaviate-telemetry\\": context deadline exceeded '
                '(Client.Timeout exceeded while awaiting headers)',
                'Post \\"https://telemetry.weaviate.io/weaviate-telemetry\\": dial tcp 34.117.%d.%d:443: '
                'connect: connection refused' % (rng.randint(1, 254), rng.randint(1, 254)),
            ])
            return hdr("error", action="telemetry_push"), [reason, t]
        if ev == 11:
            return hdr("warning", action="memberlist"), [P(ev, "node", WV_NODES), t]
        if ev == 12:
            return hdr("info", action="memberlist"), [P(ev, "node", WV_NODES), t]
        if ev == 13:
            cls, idx = P(ev, "class", WV_CLASSES)
            path = "/var/lib/weaviate/%s/%s/proplengths" % (idx, shard_of(ev, idx))
            return hdr("warning"), [path, t]
        if ev == 14:
            cls, idx = P(ev, "class", WV_CLASSES)
            return (hdr("info", action="hnsw_tombstone_cleanup", **{"class": cls}),
                    [shard_of(ev, idx), t, go_duration(rng, 900, 95000000)])
        raise AssertionError(ev)

    start = 10 * 3600 * SEC + 3 * 60 * SEC + 51 * SEC
    return shuffle_lines(rng, WV_EVENTS, make, start, int(7.5 * SEC))


# ============================================== 3. ManticoreSearch ==========
MS_EVENTS = [
    ("rt: table <*>: diskchunk <*>(<*>), segments <*> saved in <*> (<*>) sec, RAM saved/new <*>/<*> "
     "ratio <*> (soft limit <*>, conf limit <*>)", 100),                                   # E1
    ("rt: table <*>: diskchunk <*>(<*>), segments <*> forcibly saved in <*> (<*>) sec, RAM saved/new "
     "<*>/<*> ratio <*> (soft limit <*>, conf limit <*>)", 14),                            # E2
    ("conn <*>:<*>(<*>), sock=<*>: bailing on failed MySQL header, AsyncNetInputBuffer_c::AppendData: "
     "error <*> (<*>) return -1", 44),                                                     # E3
    ("binlog: replaying log <*>", 10),                                                     # E4
    ("binlog: finished replaying <*>; <*> MB in <*> sec", 10),                             # E5
    ("binlog: finished replaying total <*> in <*> sec", 4),                                # E6
    ("listening on <*>:<*> for <*>", 12),                                                  # E7
    ("prereading <*> tables", 4),                                                          # E8
    ("preread <*> tables in <*> sec", 4),                                                  # E9
    ("accepting connections", 4),                                                          # E10
    ("table '<*>': prealloc: failed to open <*>: <*>; NOT SERVING", 6),                    # E11
    ("[BUDDY] started <*> '<*>' at <*>", 4),                                               # E12
    ("rt: table <*>: optimized chunk(s) <*> ( left <*> ) in <*>", 30),                     # E13
    ("send() failed: <*>: <*>, sock=<*>", 38),                                             # E14
    ("last message repeated <*> times", 16),                                               # E15
]
MS_WARN = {2, 10, 13, 14}
MS_TABLES = [("products", 134217728), ("orders_rt", 268435456), ("events_2026_03", 536870912),
             ("users", 134217728), ("docs_chunks", 268435456)]

MS_HEADER_RE = (r"\[(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                r"[ \d]\d (?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2})\.(?P<frac>\d{3}) \d{4}\] \[\d+\] "
                r"(?:(?:WARNING|ERROR|FATAL|DEBUG): )?")


def ms_build(rng):
    P = Picker(rng)
    pid = 31842
    tids = [pid] + [pid + d for d in (3, 4, 5, 9, 11, 12, 17)]

    def H(ns, ev):
        return "[%s] [%d] %s" % (ts_manticore(ns), rng.choice(tids), "WARNING: " if ev in MS_WARN else "")

    def make(ev, ns):
        if ev in (0, 1):
            table, conf = P(ev, "table", MS_TABLES)
            chunk = rng.randint(0, 38)
            ratio = rng.uniform(0.30, 0.99)
            t1 = rng.uniform(0.004, 2.8)
            soft = int(conf * ratio)
            return H(ns, ev), [table, chunk, chunk + rng.randint(1, 3), rng.randint(6, 71),
                               "%.6f" % t1, "%.6f" % (t1 + rng.uniform(0.0001, 0.09)),
                               rng.randint(900000, soft), rng.choice([0, 0, rng.randint(512, 400000)]),
                               "%.2f" % ratio, soft, conf]
        if ev == 2:
            errno, text = P(ev, "err", [("104", "Connection reset by peer"), ("110", "Connection timed out"),
                                        ("104", "Connection reset by peer"), ("32", "Broken pipe")])
            ip = "10.20.%d.%d" % (rng.randint(1, 9), rng.randint(2, 250))
            return H(ns, ev), [ip, rng.randint(32768, 60999), rng.randint(1, 99999), rng.randint(18, 2600),
                               errno, text]
        if ev == 3:
            return H(ns, ev), ["/var/lib/manticore/binlog.%03d" % rng.randint(1, 64)]
        if ev == 4:
            return H(ns, ev), ["/var/lib/manticore/binlog.%03d" % rng.randint(1, 64),
                               "%.1f" % rng.uniform(0, 48), "%.3f" % rng.uniform(0, 0.9)]
        if ev == 5:
            return H(ns, ev), [rng.randint(1, 9), "%.3f" % rng.uniform(0.001, 1.4)]
        if ev == 6:
            ip, port, proto = P(ev, "listen", [("10.20.0.5", "9306", "mysql"),
                                               ("10.20.0.5", "9312", "sphinx and http(s)"),
                                               ("127.0.0.1", "9308", "http"),
                                               ("127.0.0.1", "9307", "VIP mysql")])
            return H(ns, ev), [ip, port, proto]
        if ev == 7:
            return H(ns, ev), [rng.randint(3, 17)]
        if ev == 8:
            return H(ns, ev), [rng.randint(3, 17), "%.3f" % rng.uniform(0.01, 3.5)]
        if ev == 9:
            return H(ns, ev), []
        if ev == 10:
            table, _ = P(ev, "table", MS_TABLES)
            fname = P(ev, "file", ["meta", "sph", "ram"])
            err = P(ev, "err", ["No such file or directory", "Permission denied",
                                "failed to load meta: invalid format version 17"])
            return H(ns, ev), [table, "/var/lib/manticore/%s/%s.%s" % (table, table, fname), err]
        if ev == 11:
            ver = P(ev, "ver", ["v2.3.12", "v3.0.1"])
            thr = rng.choice([4, 8, 16])
            cmd = ("manticore-executor -n /usr/share/manticore/modules/manticore-buddy/src/main.php "
                   "--listen=http://10.20.0.5:9312 --threads=%d" % thr)
            return H(ns, ev), [ver, cmd, "http://127.0.0.1:%d" % rng.randint(32768, 60999)]
        if ev == 12:
            table, _ = P(ev, "table", MS_TABLES)
            d = rng.choice(["%dms" % rng.randint(12, 999), "%.3fs" % rng.uniform(1, 95)])
            return H(ns, ev), [table, rng.randint(2, 9), rng.randint(0, 14), d]
        if ev == 13:
            errno, text = P(ev, "err", [("32", "Broken pipe"), ("104", "Connection reset by peer")])
            return H(ns, ev), [errno, text, rng.randint(18, 2600)]
        if ev == 14:
            return H(ns, ev), [rng.randint(2, 48)]
        raise AssertionError(ev)

    start = 11 * 3600 * SEC + 47 * 60 * SEC + 9 * SEC + 402 * MS
    return shuffle_lines(rng, MS_EVENTS, make, start, int(11 * SEC))


# ========================================================= 4. GoBGP ==========
GB_EVENTS = [
    ('msg="Add a peer configuration for:<*>" Topic=Peer', None),                                # E1
    ('msg="Update a peer configuration for:<*>" Topic=Peer', None),                             # E2
    ('msg="Delete a peer configuration for:<*>" Topic=Peer', None),                             # E3
    ('msg="Peer Up" Key=<*> State=BGP_FSM_OPENCONFIRM Topic=Peer', None),                       # E4
    ('msg="Peer Down" Key=<*> Reason="<*>" State=BGP_FSM_ESTABLISHED Topic=Peer', None),        # E5
    ('msg="sent notification" Code=<*> Data="[]" Key=<*> State=<*> Subcode=<*> Topic=Peer', None),      # E6
    ('msg="received notification" Code=<*> Data="[]" Key=<*> State=<*> Subcode=<*> Topic=Peer', None),  # E7
    ('msg="hold timer expired" Key=<*> State=BGP_FSM_ESTABLISHED Topic=Peer', None),            # E8
    ('msg="Can\'t find configuration for a new passive connection from:<*>" Topic=Peer', None), # E9
    ('msg="Neighbor soft reset in" Key=<*> Topic=Operation', None),                             # E10
    ('msg="Neighbor soft reset out" Key=<*> Topic=Operation', None),                            # E11
    ('msg="prefix limit <*>% reached" Key=<*> Topic=Peer', None),                               # E12
    ('msg="malformed BGP update message" Key=<*> Topic=Peer error="<*>"', None),                # E13
]
(GB_ADD, GB_UPD, GB_DEL, GB_UP, GB_DOWN, GB_SENT, GB_RECV, GB_HOLD, GB_STRAY,
 GB_SRIN, GB_SROUT, GB_PFX, GB_MAL) = range(13)

GB_HEADER_RE = (r'time="\d{4}-\d{2}-\d{2}T(?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2})(?P<frac>)Z" '
                r'level=(?:debug|info|warning|error|fatal) ')


def gb_build(rng):
    P = Picker(rng)
    recs = []

    def emit(t, lvl, ev, vals):
        recs.append((t, len(recs), ev, lvl, [str(v) for v in vals]))

    used = set()

    def peer_ip():
        while True:
            ip = rng.choice(["10.255.%d.%d" % (rng.randint(0, 3), rng.randint(1, 254)),
                             "172.16.%d.%d" % (rng.randint(0, 31), rng.randint(1, 254)),
                             "192.168.%d.%d" % (rng.randint(100, 120), rng.randint(1, 254))])
            if ip not in used:
                used.add(ip)
                return ip

    T0 = 7 * 3600 * SEC + 41 * 60 * SEC + 5 * SEC + 118 * MS
    horizon = T0 + 3 * 3600 * SEC
    est = "BGP_FSM_ESTABLISHED"
    cease = {2: "administrative shutdown", 4: "administrative reset"}
    malformed = [("bad AS_PATH: segment length %d exceeds remaining %d bytes", 11, "malformed as_path"),
                 ("attribute ORIGIN: invalid value %d", 6, "invalid origin attribute"),
                 ("duplicate attribute LOCAL_PREF in update from AS %d", 1, "malformed attribute list"),
                 ("MP_REACH_NLRI: nexthop length %d is not valid for AFI %d", 9, "optional attribute error")]

    for i in range(22):
        ip = peer_ip()
        if i < 14:
            t = T0 + rng.randint(0, 400) * MS
        else:
            t = T0 + int(rng.uniform(60, 2400) * SEC)
        emit(t, "info", GB_ADD, [ip])
        bad = rng.random() < 0.25
        tries = 0
        deletable = i % 2 == 0
        t += int(rng.uniform(0.5, 9) * SEC)
        alive = True
        while alive and t < horizon:
            if bad:
                if P(GB_SENT, "bad", [True, False]):
                    emit(t, "warning", GB_SENT, [2, ip, "BGP_FSM_OPENSENT", 2])
                else:
                    emit(t, "warning", GB_RECV, [2, ip, "BGP_FSM_OPENSENT", 2])
                tries += 1
                t += int(rng.uniform(5, 60) * SEC)
                if tries >= 3 and rng.random() < 0.5:
                    emit(t, "info", GB_UPD, [ip])
                    bad = False
                    t += int(rng.uniform(1, 6) * SEC)
                continue
            emit(t, "info", GB_UP, [ip])
            while True:
                t += SEC + int(rng.expovariate(1 / 140) * SEC)
                r = rng.random()
                if r < 0.27:
                    sub = P(GB_RECV, "sub", [2, 4, 4])
                    emit(t, "warning", GB_RECV, [6, ip, est, sub])
                    emit(t + rng.randint(1, 900) * US, "info", GB_DOWN,
                         [ip, "notification-received code 6(cease) subcode %d(%s)" % (sub, cease[sub])])
                    break
                if r < 0.39:
                    emit(t, "warning", GB_HOLD, [ip])
                    emit(t + rng.randint(1, 500) * US, "warning", GB_SENT, [4, ip, est, 0])
                    emit(t + rng.randint(501, 1500) * US, "info", GB_DOWN,
                         [ip, "notification-sent code 4(hold timer expired) subcode 0(undefined)"])
                    break
                if r < 0.46:
                    fmt, sub, name = P(GB_MAL, "kind", malformed)
                    nargs = fmt.count("%d")
                    err = fmt % tuple(rng.randint(2, 64) if k else rng.randint(2, 9) for k in range(nargs))
                    if "AS %d" in fmt:
                        err = fmt % rng.randint(64512, 65534)
                    emit(t, "warning", GB_MAL, [ip, err])
                    emit(t + rng.randint(1, 500) * US, "warning", GB_SENT, [3, ip, est, sub])
                    emit(t + rng.randint(501, 1500) * US, "info", GB_DOWN,
                         [ip, "notification-sent code 3(update message error) subcode %d(%s)" % (sub, name)])
                    break
                if r < 0.58:
                    emit(t, "warning", GB_PFX, [P(GB_PFX, "pct", ["80", "90", "100", "80"]), ip])
                    continue
                if r < 0.68:
                    emit(t, "info", GB_SRIN, [ip])
                    continue
                if r < 0.76:
                    emit(t, "info", GB_SROUT, [ip])
                    continue
                if r < 0.84:
                    emit(t, "info", GB_UPD, [ip])
                    if rng.random() < 0.6:
                        emit(t + rng.randint(20, 900) * MS, "info", GB_SROUT, [ip])
                    continue
                if r < 0.90 and deletable:
                    emit(t, "info", GB_DEL, [ip])
                    emit(t + rng.randint(1, 500) * US, "warning", GB_SENT, [6, ip, est, 3])
                    emit(t + rng.randint(501, 1500) * US, "info", GB_DOWN,
                         [ip, "notification-sent code 6(cease) subcode 3(peer de-configured)"])
                    alive = False
                    break
            t += int(rng.uniform(3, 50) * SEC)

    for _ in range(18):
        t = T0 + int(rng.uniform(20, 3600) * SEC)
        ip = "%d.%d.%d.%d" % (rng.choice([45, 91, 185, 193, 212]), rng.randint(0, 255),
                              rng.randint(0, 255), rng.randint(1, 254))
        emit(t, "warning", GB_STRAY, [ip])

    return merge_sim(recs, GB_EVENTS,
                     lambda t, lvl: 'time="%s" level=%s ' % (ts_rfc3339(t), lvl))


# ========================================================= 5. Enroot =========
EN_EVENTS = [
    ("Querying registry for permission grant", 18),                        # E1
    ("Authenticating with user: <*>", 12),                                 # E2
    ("Authentication succeeded", 10),                                      # E3
    ("Downloading <*> missing layers...", 8),                              # E4
    ("Extracting image layers...", 12),                                    # E5
    ("Creating squashfs filesystem...", 12),                               # E6
    ("Parallel mksquashfs: Using <*> processors", 12),                     # E7
    ("Creating 4.0 filesystem on <*>, block size 131072.", 12),            # E8
    ("File already exists: <*>", 4),                                       # E9
    ("No such file or directory: <*>", 8),                                 # E10
    ("URL <*> returned error code: <*>", 4),                               # E11
    ("importing docker image: <*>", 96),                                   # E12
    ("imported docker image: <*>", 80),                                    # E13
    ("child <*> failed with error code: <*>", 8),                          # E14
    ("<*>: task <*>: Exited with exit code <*>", 4),                       # E15
]
EN_HDR = {0: "[INFO] ", 1: "[INFO] ", 2: "[INFO] ", 3: "[INFO] ", 4: "[INFO] ", 5: "[INFO] ",
          6: "", 7: "", 8: "[ERROR] ", 9: "[ERROR] ", 10: "[ERROR] ",
          11: "pyxis: ", 12: "pyxis: ", 13: "slurmstepd: error: pyxis: ", 14: "srun: error: "}
EN_HEADER_RE = r"(?:\[(?:INFO|WARN|ERROR)\] |pyxis: |slurmstepd: error: pyxis: |srun: error: )?"
EN_IMAGES = [("nvcr.io", "nvidia/pytorch", "24.01-py3"), ("nvcr.io", "nvidia/tensorflow", "23.12-tf2-py3"),
             ("", "ubuntu", "22.04"), ("gitlab.hpc-corp.example:5005", "mlops/trainer", "3.4.1"),
             ("nvcr.io", "nvidia/nemo", "24.05"), ("", "rockylinux", "9"),
             ("ghcr.io", "acme-lab/simkit", "2026.2")]
EN_USERS = ["mkowalski", "tnakamura", "aferreira", "svc-ci", "lbrandt"]


def en_build(rng):
    P = Picker(rng)

    def img_ref(img):
        reg, repo, tag = img
        return ("%s#%s:%s" % (reg, repo, tag)) if reg else "%s:%s" % (repo, tag)

    def sqsh_name(img):
        reg, repo, tag = img
        return "+".join(([reg.split(":")[0]] if reg else []) + repo.split("/")) + "+" + tag + ".sqsh"

    def make(ev, ns):
        h = EN_HDR[ev]
        if ev == 1:
            return h, [P(ev, "user", ["<anonymous>", "$oauthtoken", "svc-ci", "<anonymous>", "$oauthtoken"])]
        if ev == 3:
            return h, [rng.randint(1, 42)]
        if ev == 6:
            return h, [P(ev, "cpus", ["16", "32", "48", "64", "128"])]
        if ev == 7:
            img = P(ev, "img", EN_IMAGES)
            user = P(ev, "user", EN_USERS)
            if P(ev, "where", [True, False]):
                path = "/home/%s/%s" % (user, sqsh_name(img))
            else:
                path = "/lustre/fsw/%s/images/%s" % (user, sqsh_name(img))
            return h, [path]
        if ev == 8:
            img = P(ev, "img", EN_IMAGES)
            return h, ["/home/%s/%s" % (P(ev, "user", EN_USERS), sqsh_name(img))]
        if ev == 9:
            user = P(ev, "user", EN_USERS)
            path = P(ev, "path", ["/home/%s/images/%s" % (user, sqsh_name(P(ev, "img", EN_IMAGES))),
                                  "/lustre/fsw/%s/ckpt/run-%d/env.sqsh" % (user, rng.randint(100, 999)),
                                  "/home/%s/.local/share/enroot/%s" % (user, "pyxis_%d.0" % rng.randint(100000, 999999))])
            return h, [path]
        if ev == 10:
            url, code = P(ev, "url", [
                ("https://nvcr.io/v2/nvidia/pytorch/manifests/24.01-py3", "401 Unauthorized"),
                ("https://registry-1.docker.io/v2/library/rockylinux/manifests/9.9", "404 Not Found"),
                ("https://ghcr.io/v2/acme-lab/simkit/blobs/sha256:" + hexs(rng, 64), "429 Too Many Requests"),
                ("https://gitlab.hpc-corp.example:5005/v2/mlops/trainer/manifests/3.5.0", "404 Not Found")])
            return h, [url, code]
        if ev in (11, 12):
            return h, [img_ref(P(ev, "img", EN_IMAGES))]
        if ev == 13:
            return h, [rng.randint(40000, 3999999), P(ev, "code", ["1", "1", "2"])]
        if ev == 14:
            return h, ["node%04d" % rng.randint(1, 512), rng.randint(0, 7), P(ev, "code", ["1", "137", "1", "2"])]
        return h, []

    return shuffle_lines(rng, EN_EVENTS, make, 13 * 3600 * SEC + 5 * 60 * SEC, int(4 * SEC))


# ========================================================= 6. Lldpd ==========
LL_EVENTS = [
    ("protocol <*> enabled", None),                                         # E1
    ("protocol <*> disabled", None),                                        # E2
    ("libevent <*> initialized with epoll method", None),                   # E3
    ("/etc/localtime copied to chroot", None),                              # E4
    ("lldpd should resume operations", None),                               # E5 (lldpcli)
    ("unable to send packet on real device for <*>: <*>", None),            # E6
    ("error while receiving frame on <*>: <*>", None),                      # E7
    ("MSAP has changed for port <*>, sending a shutdown LLDPDU", None),     # E8
    ("too many neighbors for port <*>, drop this new one", None),           # E9
    ("removal request for address of <*>%<*>, but no knowledge of it", None),  # E10
    ("unable to initialize <*>", None),                                     # E11
    ("unknown org tlv [<*>] received on <*>", None),                        # E12
    ("too short frame received on <*>", None),                              # E13
]
(LL_EN, LL_DIS, LL_LIBEV, LL_TZ, LL_RESUME, LL_SEND, LL_RECV, LL_MSAP, LL_TOOMANY,
 LL_REMOVAL, LL_INIT, LL_ORGTLV, LL_SHORT) = range(13)

LL_HOSTS = [
    ("leaf01", ["swp1", "swp2", "swp3", "swp4", "swp49", "swp50"], False, "2.1.12-stable"),
    ("hv-ams-03", ["eno1", "eno2", "ens1f0", "ens1f1"], True, "2.1.11-stable"),
    ("leaf02", ["swp1", "swp2", "swp5", "swp7", "swp49", "swp50"], False, "2.1.12-stable"),
    ("stor-nas02", ["enp3s0f0", "enp3s0f1", "bond0"], False, "2.1.8-stable"),
    ("spine01", ["swp1", "swp2", "swp3", "swp4", "swp5", "swp6"], False, "2.1.12-stable"),
    ("kvm-lab-2", ["enp1s0", "vnet3", "vnet7", "vnet12"], True, "2.1.12-stable"),
    ("gw-edge-1", ["eth0", "eth1", "eth2"], False, "2.1.11-stable"),
    ("build-runner-5", ["ens192", "ens224"], False, "2.1.12-stable"),
    ("hv-ams-07", ["eno1", "eno2", "ens2f0", "ens2f1"], True, "2.1.11-stable"),
]
LL_HEADER_RE = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d "
                r"(?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2})(?P<frac>) [a-z0-9-]+ (?:lldpd|lldpcli)\[\d+\]: ")


def ll_build(rng):
    P = Picker(rng)
    recs = []

    def emit(t, host, prog, pid, ev, vals):
        recs.append((t, len(recs), ev, (host, prog, pid), [str(v) for v in vals]))

    T0 = 5 * 3600 * SEC + 58 * 60 * SEC + 47 * SEC + 220 * MS
    kinds = [(LL_REMOVAL, 34), (LL_SEND, 15), (LL_RECV, 12), (LL_MSAP, 9), (LL_TOOMANY, 6),
             (LL_INIT, 3), (LL_ORGTLV, 4), (LL_SHORT, 3), (None, 2)]   # None = daemon restart
    total_w = sum(w for _, w in kinds)

    for hi, (host, ifaces, cdp, libev) in enumerate(LL_HOSTS):
        t = T0 + (0 if hi == 0 else int(rng.uniform(5, 2700) * SEC))
        end = T0 + 5 * 3600 * SEC
        pid = rng.randint(640, 2900)
        mean_gap = rng.uniform(35, 140)
        while t < end:
            # --- daemon start: privsep monitor writes the startup lines
            emit(t, host, "lldpd", pid, LL_TZ, [])
            t += rng.randint(1, 4) * MS
            for proto, on in [("LLDP", True), ("CDPv1", cdp), ("CDPv2", cdp),
                              ("SONMP", False), ("EDP", False), ("FDP", False)]:
                emit(t, host, "lldpd", pid, LL_EN if on else LL_DIS, [proto])
                t += rng.randint(0, 2) * MS + rng.randint(1, 900) * US
            emit(t, host, "lldpd", pid, LL_LIBEV, [libev])
            t += rng.randint(150, 900) * MS
            emit(t, host, "lldpcli", pid + rng.randint(3, 40), LL_RESUME, [])
            child = pid + rng.randint(1, 2)
            # --- running daemon
            restarted = False
            while t < end:
                t += SEC + int(rng.expovariate(1 / mean_gap) * SEC)
                x = rng.uniform(0, total_w)
                for kind, w in kinds:
                    x -= w
                    if x <= 0:
                        break
                if kind is None:
                    pid = pid + rng.randint(200, 5000)
                    t += rng.randint(1500, 4000) * MS
                    restarted = True
                    break
                ifc = rng.choice(ifaces)
                if kind == LL_REMOVAL:
                    if P(kind, "fam", [True, True, False]):
                        addr = "fe80::%x:%xff:fe%02x:%x" % (rng.randint(0x1000, 0xffff), rng.randint(0x10, 0xff),
                                                           rng.randint(0, 255), rng.randint(0x1000, 0xffff))
                    else:
                        addr = "192.168.%d.%d" % (rng.randint(0, 40), rng.randint(2, 250))
                    emit(t, host, "lldpd", child, kind, [addr, rng.randint(2, 38)])
                elif kind == LL_SEND:
                    emit(t, host, "lldpd", child, kind, [ifc, P(kind, "err", ["Network is down",
                                                                               "No such device or address",
                                                                               "Network is down",
                                                                               "No buffer space available"])])
                elif kind == LL_RECV:
                    emit(t, host, "lldpd", child, kind, [ifc, P(kind, "err", ["Network is down",
                                                                               "Resource temporarily unavailable",
                                                                               "Bad address"])])
                elif kind == LL_ORGTLV:
                    emit(t, host, "lldpd", child, kind, [P(kind, "oui", ["00:80:c2", "00:12:0f", "00:0e:cf",
                                                                          "00:01:42"]), ifc])
                else:
                    emit(t, host, "lldpd", child, kind, [ifc])
            if not restarted:
                break

    return merge_sim(recs, LL_EVENTS,
                     lambda t, spec: "%s %s %s[%d]: " % (ts_syslog(t), spec[0], spec[1], spec[2]))


# ====================================================== registry ============
SYSTEMS = [
    dict(name="Packer", mode="shuffle", events=PK_EVENTS, build=pk_build,
         header_re=PK_HEADER_RE, ts_re=PK_HEADER_RE),
    dict(name="Weaviate", mode="shuffle", events=WV_EVENTS, build=wv_build,
         header_re=WV_HEADER_RE, ts_re=WV_TS_RE),
    dict(name="ManticoreSearch", mode="shuffle", events=MS_EVENTS, build=ms_build,
         header_re=MS_HEADER_RE, ts_re=MS_HEADER_RE),
    dict(name="GoBGP", mode="simulation", events=GB_EVENTS, build=gb_build,
         header_re=GB_HEADER_RE, ts_re=GB_HEADER_RE),
    dict(name="Enroot", mode="shuffle", events=EN_EVENTS, build=en_build,
         header_re=EN_HEADER_RE, ts_re=None),
    dict(name="Lldpd", mode="simulation", events=LL_EVENTS, build=ll_build,
         header_re=LL_HEADER_RE, ts_re=LL_HEADER_RE),
]


# ========================================================= writing ==========
def write_system(sysd, rows):
    name = sysd["name"]
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        for header, content, _ in rows:
            f.write(header + content + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, content, ev) in enumerate(rows, 1):
            w.writerow([i, content, "E%d" % (ev + 1), sysd["events"][ev][0]])


def template_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")))


def check_counts(counts):
    vals = list(counts.values())
    med = statistics.median(vals)
    problems = []
    if not 12 <= len(vals) <= 15:
        problems.append("%d event types" % len(vals))
    if min(vals) < 3:
        problems.append("an event has %d lines" % min(vals))
    if sum(1 for v in vals if 3 <= v <= 10) < 3:
        problems.append("fewer than 3 events with 3-10 lines")
    if max(vals) < 3 * med:
        problems.append("largest %d < 3 x median %s" % (max(vals), med))
    return problems, med


def self_check(sysd):
    name = sysd["name"]
    d = os.path.join(HERE, name)
    errs = []

    def fail(msg):
        errs.append("%s: %s" % (name, msg))

    with open(os.path.join(d, name + ".log"), "rb") as f:
        raw = f.read()
    with open(os.path.join(d, name + ".log_structured.csv"), "rb") as f:
        craw = f.read()
    for label, blob in (("log", raw), ("csv", craw)):
        if not blob.endswith(b"\n"):
            fail("%s does not end with a newline" % label)
        if b"\r" in blob:
            fail("%s contains \\r" % label)
    lines = raw.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    if not table or table[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        fail("bad CSV header")
        return errs, None
    rows = table[1:]
    if len(lines) != N_LINES or len(rows) != N_LINES:
        fail("%d lines / %d rows" % (len(lines), len(rows)))
        return errs, None

    hdr_re = re.compile(sysd["header_re"])
    ts_re = re.compile(sysd["ts_re"]) if sysd["ts_re"] else None
    declared = {"E%d" % (k + 1): tpl for k, (tpl, _) in enumerate(sysd["events"])}
    tpl_of, slots, counts = {}, {}, Counter()
    prev_ts, first_ts, last_ts = None, None, None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            fail("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            fail("LineId %r at row %d" % (lid, i))
        if not content or content != content.strip():
            fail("Content not stripped/non-empty at %d" % i)
        if not line.endswith(content):
            fail("line %d does not end with its Content" % i)
            continue
        header = line[:len(line) - len(content)]
        if not hdr_re.fullmatch(header):
            fail("header of line %d does not match: %r" % (i, header))
        if ts_re is not None:
            mt = ts_re.search(line)
            if not mt:
                fail("no timestamp on line %d" % i)
            else:
                k = key_hms(mt)
                if prev_ts is not None and k < prev_ts:
                    fail("time goes back at line %d" % i)
                prev_ts = k
                first_ts = k if first_ts is None else first_ts
                last_ts = k
        if not re.fullmatch(r"E\d+", eid):
            fail("bad EventId %r" % eid)
        if tpl_of.setdefault(eid, tpl) != tpl:
            fail("EventId %s has two templates" % eid)
        if declared.get(eid) != tpl:
            fail("EventId %s template differs from declaration" % eid)
        m = template_regex(tpl).fullmatch(content)
        if not m:
            fail("template %s does not match line %d" % (eid, i))
            continue
        for j, g in enumerate(m.groups()):
            slots.setdefault((eid, j), set()).add(g)
        counts[eid] += 1
    if len(set(tpl_of.values())) != len(tpl_of):
        fail("two EventIds share a template")
    if set(tpl_of) != set(declared):
        fail("declared events unused: %s" % sorted(set(declared) - set(tpl_of)))
    for eid, tpl in tpl_of.items():
        for j in range(tpl.count("<*>")):
            if len(slots.get((eid, j), ())) < 2:
                fail("slot %d of %s takes %d value(s)" % (j + 1, eid, len(slots.get((eid, j), ()))))
    problems, med = check_counts(counts)
    for p in problems:
        fail(p)

    def fmt_us(k):
        if k is None:
            return "-"
        s = k // 1_000_000
        return "%02d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60)

    summary = "%-16s %-10s lines=%d events=%d largest=%d median=%s smallest=%d  time %s..%s" % (
        name, sysd["mode"], len(rows), len(counts), max(counts.values()), med,
        min(counts.values()), fmt_us(first_ts), fmt_us(last_ts))
    return errs, summary


# ========================================================== README ==========
README_ROWS = {
    "Packer": ("`PACKER_LOG=1` log: Go `log` date and time; then `ui: ` / `ui error: ` for UI lines, "
               "or a plugin binary name, ` plugin: ` and the plugin's own Go `log` timestamp; then an "
               "optional `[LEVEL] ` tag",
               "the text after the last header part (UI text keeps its `==> build:` prefix)"),
    "Weaviate": ("logrus JSON, keys sorted: optional structured fields that sort before `level` "
                 "(`action`, `class`, ...), `level`, optional `limit`",
                 "from `\"msg\":` to the closing brace, including the later fields (`time`, `took`, "
                 "`shard`, ...)"),
    "ManticoreSearch": ("searchd log: `[Day Mon DD HH:MM:SS.mmm YYYY] [thread id] ` and an optional "
                        "`WARNING: ` level prefix",
                        "the text after `[thread id] ` and the optional level prefix"),
    "GoBGP": ("logrus text formatter (non-TTY): `time=\"RFC3339\" level=LEVEL `",
              "`msg=\"...\"` followed by the sorted `Key=value` fields"),
    "Enroot": ("no timestamp: enroot's `[INFO] `/`[ERROR] ` tag, pyxis's `pyxis: `, slurmstepd's "
               "`slurmstepd: error: pyxis: `, srun's `srun: error: `, or nothing (mksquashfs output)",
               "the text after the tag (the whole line when there is none)"),
    "Lldpd": ("RFC3164 syslog: `Mon DD HH:MM:SS host prog[pid]: ` (prog is `lldpd` or `lldpcli`)",
              "the syslog message text"),
}
README_EXAMPLES = {"Packer": [0, 10, 14], "Weaviate": [0, 3, 14], "ManticoreSearch": [2, 12, 13],
                   "GoBGP": [3, 4, 6], "Enroot": [1, 7, 13], "Lldpd": [1, 5, 9]}


def write_readme(header_examples):
    L = []
    L.append("# Sealed 29: a blind corpus for the log template miner")
    L.append("")
    L.append("Six small labelled logs, 300 lines each, for testing a log template miner: "
             "**Packer** (HashiCorp Packer build output with `PACKER_LOG=1`, core, plugin and UI lines), "
             "**Weaviate** (the Weaviate vector database's default JSON log), "
             "**ManticoreSearch** (the Manticore Search daemon `searchd` log), "
             "**GoBGP** (the `gobgpd` daemon's default log lines), "
             "**Enroot** (NVIDIA enroot and pyxis messages when importing and starting containers under Slurm) and "
             "**Lldpd** (lldpd and lldpcli messages as written to syslog). "
             "Each system has a directory `<System>/` holding `<System>.log` (300 raw lines with the "
             "program's default header) and `<System>.log_structured.csv` "
             "(`LineId,Content,EventId,EventTemplate`, LineId 1..300). `generate.py` (Python 3 standard "
             "library only, deterministic) writes every file and self-checks them.")
    L.append("")
    L.append("**Blind:** written without running the miner or any other log parser, without reading "
             "the miner's source, tests, docs or earlier corpora; no Loghub data or per-system analysis "
             "was used; messages were invented in each project's style from memory of its default log "
             "format and usual messages; no line, template or value list was copied from a public log or "
             "data set; hosts, addresses, ids and users are made up.")
    L.append("")
    L.append("## Scores")
    L.append("")
    L.append("(filled in by the maintainer)")
    L.append("")
    L.append("## How it was made")
    L.append("")
    L.append("Base seed `20270117`; system *k* (1..6 in the order above) uses "
             "`random.Random(20270117*10 + k)`. Time comes from an integer nanosecond clock on "
             "2026-03-14 UTC, formatted with fixed month/weekday lists (no wall clock, no locale).")
    L.append("")
    L.append("- **Simulations** (entities with overlapping lifetimes, each on its own clock, merged in "
             "time order, first 300 lines kept): **GoBGP** (BGP peers: configured at start-up or later "
             "through the API, sessions coming up and going down, notifications, soft resets, config "
             "updates and deletions, plus stray passive connections) and **Lldpd** (hosts sending "
             "syslog to one collector, each booting lldpd at its own time, running with interface errors "
             "and neighbour churn, and sometimes restarting the daemon with a new pid).")
    L.append("- **Seeded shuffles** (fixed count per event, shuffled, stamped by a forward-only clock "
             "with exponential gaps): **Packer**, **Weaviate**, **ManticoreSearch** and **Enroot** "
             "(Enroot/pyxis output carries no timestamp, so the clock only orders the lines).")
    L.append("- Small value pools cycle per (event, slot); ids, hex, paths, IPs, ports, durations and "
             "sizes are drawn at random.")
    L.append("")
    L.append("| system | format (default shape) | Content is |")
    L.append("|---|---|---|")
    for sysd in SYSTEMS:
        fmt, content = README_ROWS[sysd["name"]]
        ex = header_examples[sysd["name"]].rstrip()
        L.append("| %s | %s; e.g. `%s` | %s |" % (sysd["name"], fmt, ex, content))
    L.append("")
    L.append("## Ground-truth convention (Loghub style)")
    L.append("")
    L.append("- One `<*>` per value. A value that contains spaces still gets one `<*>` (free-text "
             "errors, SQL, lists, `2 MB`, glued durations like `1.2s` or `350ms`, timestamps inside "
             "the message).")
    L.append("- Punctuation around a value stays literal (`(<*>)`, `[<*>]`, `<*>,`, `\"<*>\"`, `key=<*>`).")
    L.append("- Words that name a different event stay literal; different words mean different events.")
    L.append("- An optional field makes a separate event type.")
    L.append("- Text that never changes within an event type stays literal, even if it looks like a number.")
    L.append("- Every `<*>` takes at least two distinct values in the data.")
    L.append("")
    L.append("Example templates:")
    L.append("")
    for sysd in SYSTEMS:
        L.append("- %s:" % sysd["name"])
        for k in README_EXAMPLES[sysd["name"]]:
            L.append("  - `E%d` `%s`" % (k + 1, sysd["events"][k][0]))
    L.append("")
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(L))


# ============================================================ main ==========
def main():
    header_examples = {}
    for k, sysd in enumerate(SYSTEMS, 1):
        rng = random.Random(BASE_SEED * 10 + k)
        rows = sysd["build"](rng)
        write_system(sysd, rows)
        # README example: the first line whose header is the longest shape seen
        header_examples[sysd["name"]] = max((h for h, _, _ in rows), key=len)
    write_readme(header_examples)
    all_errs = []
    for sysd in SYSTEMS:
        errs, summary = self_check(sysd)
        all_errs.extend(errs)
        if summary:
            print(summary)
    if all_errs:
        for e in all_errs:
            print("FAIL", e, file=sys.stderr)
        sys.exit(1)
    print("self-check passed for %d systems" % len(SYSTEMS))


if __name__ == "__main__":
    main()
