#!/usr/bin/env python3
"""Round 63 blind labelled log corpus generator.

Python 3 standard library only and fully deterministic: no wall clock, no
locale (month and weekday names come from fixed lists).  Base seed 20270179;
system k (1..6) uses random.Random(20270179 * 10 + k).  All times come from an
integer nanosecond clock counted from 2026-03-14 00:00:00 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for the six systems, then self-checks every file and prints a summary.
"""
import csv
import datetime
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270179
ROOT = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300
SEC = 1_000_000_000
MS = 1_000_000
US = 1_000
MIN = 60 * SEC
HOUR = 3600 * SEC
DAY0 = datetime.date(2026, 3, 14)
EPOCH_DAY = (DAY0 - datetime.date(1970, 1, 1)).days  # days since 1970-01-01
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
CSV_HEADER = ["LineId", "Content", "EventId", "EventTemplate"]


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------
def hms(t):
    """(hour, minute, second) of nanosecond time t on 2026-03-14."""
    s = t // SEC
    if not 0 <= s < 86400:
        raise ValueError("time outside 2026-03-14: %d" % t)
    return s // 3600, (s // 60) % 60, s % 60


def asctime(date, h, m, s):
    """C asctime() style, e.g. 'Sat Mar  7 02:00:03 2026' (fixed name lists)."""
    return "%s %s %2d %02d:%02d:%02d %d" % (
        WDAYS[date.weekday()], MONTHS[date.month - 1], date.day, h, m, s, date.year)


def fill(template, values):
    parts = template.split("<*>")
    if len(parts) != len(values) + 1:
        raise ValueError("slot count mismatch for %r: %r" % (template, values))
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


def hexs(r, n, upper=False):
    s = "".join(r.choice("0123456789abcdef") for _ in range(n))
    return s.upper() if upper else s


def iec(n):
    """1.23 GiB style (binary units)."""
    units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
    x = float(n)
    i = 0
    while x >= 1024 and i < len(units) - 1:
        x /= 1024.0
        i += 1
    if i == 0:
        return "%d B" % n
    return "%.2f %s" % (x, units[i])


def go_dur(ns):
    """Go time.Duration.String() for the ranges used here."""
    def trim(whole, frac, digits):
        f = ("%0*d" % (digits, frac)).rstrip("0")
        return "%d.%s" % (whole, f) if f else "%d" % whole
    if ns < US:
        return "%dns" % ns
    if ns < MS:
        return trim(ns // US, ns % US, 3) + "\u00b5s"
    if ns < SEC:
        return trim(ns // MS, ns % MS, 6) + "ms"
    if ns < MIN:
        return trim(ns // SEC, ns % SEC, 9) + "s"
    m, rest = divmod(ns, MIN)
    return "%dm%ss" % (m, trim(rest // SEC, rest % SEC, 9))


def ceph_span(ns):
    """Ceph timespan: 0.004000104s."""
    return "%d.%09ds" % (ns // SEC, ns % SEC)


# --------------------------------------------------------------------------
# system model
# --------------------------------------------------------------------------
class System:
    def __init__(self, name, k, kind, header_re, header_fn, desc=""):
        self.name = name
        self.k = k
        self.kind = kind            # "simulation" or "shuffle"
        self.desc = desc
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.header_fn = header_fn
        self.events = []            # [(key, template)] in declaration order
        self.index = {}
        self.meta = {}
        self.counts = {}
        self.gens = {}
        self._cyc = {}
        self.records = []
        self.seq = 0
        self.times = []

    def ev(self, key, template, count=None, gen=None, **meta):
        if key in self.index:
            raise ValueError("duplicate event key " + key)
        self.index[key] = len(self.events)
        self.events.append((key, template))
        self.meta[key] = meta
        if count is not None:
            self.counts[key] = count
            self.gens[key] = gen

    def template(self, key):
        return self.events[self.index[key]][1]

    def cyc(self, key, slot, pool):
        """Cycle through a small pool per (event, slot)."""
        i = self._cyc.get((key, slot), 0)
        self._cyc[(key, slot)] = i + 1
        return pool[i % len(pool)]

    def emit(self, t, key, values, **meta):
        self.records.append((int(t), self.seq, key, tuple(values), meta))
        self.seq += 1


def run_shuffle(S, start, mean_gap):
    """Fixed count per event, shuffled, forward-only clock with exponential gaps."""
    r = S.rng
    keys = []
    for key, _ in S.events:
        keys.extend([key] * S.counts[key])
    if len(keys) != N_LINES:
        raise ValueError("%s: shuffle counts sum to %d" % (S.name, len(keys)))
    r.shuffle(keys)
    t = start
    for key in keys:
        t += 1 + int(r.expovariate(1.0 / mean_gap))
        res = S.gens[key](t)
        if isinstance(res, tuple):
            vals, meta = res
        else:
            vals, meta = res, {}
        S.emit(t, key, vals, **meta)


def write_system(S):
    d = os.path.join(ROOT, S.name)
    os.makedirs(d, exist_ok=True)
    recs = sorted(S.records, key=lambda x: (x[0], x[1]))[:N_LINES]
    if len(recs) != N_LINES:
        raise ValueError("%s: only %d records" % (S.name, len(recs)))
    lines, rows = [], []
    for i, (t, _seq, key, vals, meta) in enumerate(recs, 1):
        tmpl = S.template(key)
        content = fill(tmpl, vals)
        m = dict(S.meta[key])
        m.update(meta)
        lines.append(S.header_fn(t, m) + content)
        rows.append([i, content, "E%d" % (S.index[key] + 1), tmpl])
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w",
              encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CSV_HEADER)
        w.writerows(rows)
    S.times = [x[0] for x in recs]


# --------------------------------------------------------------------------
# 1. ProxmoxBackup: Proxmox Backup Server task log (seeded shuffle)
# --------------------------------------------------------------------------
def build_proxmox_backup():
    S = System(
        "ProxmoxBackup", 1, "shuffle",
        r"(?P<ts>2026-03-14T\d{2}:\d{2}:\d{2})\+00:00: ",
        lambda t, m: "2026-03-14T%02d:%02d:%02d+00:00: " % hms(t),
        "backup task lines")
    r = S.rng
    stores = ["store1", "pbs-zfs", "offsite-usb", "backup-hdd"]
    guests = [("vm", 100), ("vm", 101), ("vm", 104), ("vm", 112), ("vm", 131),
              ("vm", 2040), ("ct", 200), ("ct", 203), ("ct", 215),
              ("host", "pve-node2"), ("host", "files01")]
    fidx = ["drive-scsi0.img.fidx", "drive-scsi1.img.fidx", "drive-virtio0.img.fidx",
            "drive-efidisk0.img.fidx", "drive-tpmstate0-backup.img.fidx", "drive-sata0.img.fidx"]
    didx = ["root.pxar.didx", "catalog.pcat1.didx", "etc.pxar.didx", "home.pxar.didx"]
    blobs = [("qemu-server.conf.blob", 260, 1400, ("vm",)), ("index.json.blob", 300, 900, None),
             ("fw.conf.blob", 90, 600, ("vm", "ct")), ("client.log.blob", 2000, 96000, None),
             ("pct.conf.blob", 180, 700, ("ct",))]

    def snap(t, kinds=None):
        cands = guests if kinds is None else [g for g in guests if g[0] in kinds]
        typ, gid = r.choice(cands)
        bt = max(0, t - r.randint(0, 1800) * SEC)
        return "%s/%s/2026-03-14T%02d:%02d:%02dZ" % ((typ, gid) + hms(bt))

    def g_start(t):
        ip = "::ffff:10.20.%d.%d" % (r.randint(0, 3), r.randint(10, 250))
        return [S.cyc("start", 0, stores), ip, snap(t)]

    def g_download(t):
        return [S.cyc("download", 0, ["index.json.blob"] + fidx + didx)]

    def g_register(t):
        return [S.cyc("register", 0, fidx + didx)]

    def g_fixed(t):
        return [r.randint(1, 4), "%s/%s" % (snap(t, ("vm",)), r.choice(fidx))]

    def g_dynamic(t):
        return [S.cyc("dynamic", 0, [1, 2, 1, 3]),
                "%s/%s" % (snap(t, ("ct", "host")), r.choice(didx))]

    def g_blob(t):
        name, lo, hi, kinds = S.cyc("blob", 0, blobs)
        size = r.randint(lo, hi)
        comp = max(60, int(size * r.uniform(0.3, 0.98)))
        typ, gid = r.choice([g for g in guests if kinds is None or g[0] in kinds])
        path = "/mnt/datastore/%s/%s/%s/2026-03-14T%02d:%02d:%02dZ/%s" % (
            (r.choice(stores), typ, gid) + hms(max(0, t - r.randint(0, 1800) * SEC)) + (name,))
        return [path, size, comp]

    def g_stats(t):
        return [S.cyc("stats", 0, fidx + didx)]

    def g_upsize(t):
        return [r.randint(0, 900) * 4194304 + r.randint(0, 4194303), r.randint(0, 100)]

    def g_dups(t):
        return [r.randint(0, 16000), r.randint(0, 40), r.randint(0, 100)]

    def g_comp(t):
        return [r.randint(4, 79)]

    def g_closed_fixed(t):
        return [r.randint(1, 4)]

    def g_closed_dyn(t):
        return [S.cyc("closed_dyn", 0, [1, 2, 1, 3])]

    reasons = [
        "backup ended but finished flag is not set.",
        "connection error: Connection reset by peer (os error 104)",
        'unable to acquire lock on backup group directory "/mnt/datastore/store1/vm/112" '
        "- another backup is already running",
        "removing backup snapshot \"/mnt/datastore/pbs-zfs/ct/203/2026-03-14T02:03:11Z\" "
        "failed - Directory not empty (os error 39)",
    ]

    def g_error(t):
        return [S.cyc("error", 0, reasons)]

    S.ev("start", "starting new backup on datastore '<*>' from <*>: \"<*>\"", 8, g_start)
    S.ev("download", "download '<*>' from previous backup.", 45, g_download)
    S.ev("register", "register chunks in '<*>' from previous backup.", 30, g_register)
    S.ev("fixed", "created new fixed index <*> (\"<*>\")", 20, g_fixed)
    S.ev("dynamic", "created new dynamic index <*> (\"<*>\")", 9, g_dynamic)
    S.ev("blob", "add blob \"<*>\" (<*> bytes, comp: <*>)", 72, g_blob)
    S.ev("stats", "Upload statistics for '<*>'", 24, g_stats)
    S.ev("upsize", "Upload size: <*> (<*>%)", 24, g_upsize)
    S.ev("dups", "Duplicates: <*>+<*> (<*>%)", 24, g_dups)
    S.ev("comp", "Compression: <*>%", 14, g_comp)
    S.ev("closed_fixed", "successfully closed fixed index <*>", 16, g_closed_fixed)
    S.ev("closed_dyn", "successfully closed dynamic index <*>", 6, g_closed_dyn)
    S.ev("finished", "successfully finished backup", 5, lambda t: [])
    S.ev("error", "TASK ERROR: <*>", 3, g_error)
    run_shuffle(S, 2 * HOUR, 2 * SEC)
    return S


# --------------------------------------------------------------------------
# 2. CephRgw: Ceph RADOS gateway log (simulation: client sessions / requests)
# --------------------------------------------------------------------------
def build_ceph_rgw():
    def header(t, m):
        h, mi, s = hms(t)
        return "2026-03-14T%02d:%02d:%02d.%03d+0000 %s %2d " % (
            h, mi, s, (t // MS) % 1000, m["thread"], m["lvl"])

    S = System(
        "CephRgw", 2, "simulation",
        r"(?P<ts>2026-03-14T\d{2}:\d{2}:\d{2}\.\d{3})\+0000 [0-9a-f]{12} (?: \d|-\d|\d\d) ",
        header,
        "client sessions issuing S3 requests (each request: start, optional error, done, "
        "beast access line) plus reshard, lifecycle, GC and idle-connection threads")
    r = S.rng
    S.ev("start", "====== starting new request req=<*> =====", lvl=1)
    S.ev("done", "====== req done req=<*> op status=<*> http_status=<*> latency=<*> ======", lvl=1)
    S.ev("beast", "beast: <*>: <*> - <*> [<*>] \"<*>\" <*> <*> - \"<*>\" - latency=<*>", lvl=1)
    S.ev("reqerr", "req <*> <*> <*> WARNING: set_req_state_err err_no=<*> resorting to 500", lvl=0)
    S.ev("placement", "req <*> <*> <*> NOTICE: invalid dest placement: <*>", lvl=0)
    S.ev("skew", "req <*> <*> <*> NOTICE: request time skew too big now=<*> req_time=<*>", lvl=0)
    S.ev("hdr", "req <*> <*> <*> ERROR: RESTFUL_IO(s)->complete_header() returned err=<*>", lvl=0)
    S.ev("complete", "ERROR: client_io->complete_request() returned <*>", lvl=0)
    S.ev("readhdr", "failed to read header: <*>", lvl=1)
    S.ev("reshard", "INFO: RGWReshardLock::lock found lock on <*> to be held by another "
                    "RGW process; skipping for now", lvl=0)
    S.ev("lc", "lifecycle: RGWLC::process() failed to acquire lock on <*>, sleep 5, try again", lvl=0)
    S.ev("gc", "RGWGC::process failed to acquire lock on <*>", lvl=0)

    beast_threads = ["7f2c1a7fc640", "7f2c19ffb640", "7f2c197fa640", "7f2c18ff9640",
                     "7f2c187f8640", "7f2c17ff7640", "7f2c177f6640", "7f2c16ff5640"]
    reshard_thread, lc_thread, gc_thread = "7f2c3b7fe640", "7f2c3affd640", "7f2c3cfff640"
    buckets = ["backups", "media-assets", "logs-2026", "ml-datasets", "web-static", "invoices"]
    users = ["alice", "svc-backup", "grafana", "ci-runner", "bob.k", "-", "tenant2$ingest"]
    agents = [
        "aws-sdk-go/1.44.122 (go1.20.3; linux; amd64)",
        "Boto3/1.34.10 md/Botocore#1.34.10 ua/2.0 os/linux#6.1.0-18-amd64 md/arch#x86_64 "
        "lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.10",
        "rclone/v1.65.0",
        "MinIO (linux; amd64) minio-go/v7.0.63",
        "aws-cli/2.15.8 Python/3.11.6 Linux/6.5.0-21-generic exe/x86_64.ubuntu.22 "
        "prompt/off command/s3.cp",
        "S3 Browser/11.5.7 https://s3browser.com",
    ]
    ops = [("GET", "s3:get_obj", "obj", 40), ("PUT", "s3:put_obj", "obj", 22),
           ("HEAD", "s3:get_obj", "obj", 12), ("GET", "s3:list_bucket", "bucket", 10),
           ("DELETE", "s3:delete_obj", "obj", 6), ("GET", "s3:list_buckets", "root", 3),
           ("POST", "s3:init_multipart", "mpinit", 4),
           ("POST", "s3:complete_multipart", "mp", 3)]
    weights = [o[3] for o in ops]

    def objkey():
        kind = r.randint(0, 4)
        if kind == 0:
            return "img/2026/03/%s.jpg" % hexs(r, 12)
        if kind == 1:
            return "daily/db-2026-03-%02d.sql.gz" % r.randint(1, 13)
        if kind == 2:
            return "warehouse/events/part-%05d.parquet" % r.randint(0, 2047)
        if kind == 3:
            return "static/js/app.%s.js" % hexs(r, 8)
        return "vm-exports/%s/disk%d.qcow2" % (hexs(r, 6), r.randint(0, 3))

    start_w = 9 * HOUR + 12 * MIN
    end_w = start_w + 3 * HOUR
    # --- sessions -> requests
    reqs = []
    t = start_w
    while t < end_w:
        t += 1 + int(r.expovariate(1.0 / (110 * SEC)))
        ip = "10.60.%d.%d" % (r.randint(1, 9), r.randint(2, 250))
        user = r.choice(users)
        ua = r.choice(agents)
        bucket = r.choice(buckets)
        tt = t
        for _ in range(r.randint(1, 7)):
            op = r.choices(ops, weights)[0]
            reqs.append({"t0": tt, "ip": ip, "user": user, "ua": ua,
                         "bucket": bucket, "op": op})
            tt += int(r.expovariate(1.0 / (250 * MS)))
    reqs.sort(key=lambda q: q["t0"])
    # deterministic error injection among early requests (kept window)
    early = list(range(min(70, len(reqs))))
    puts = [i for i in early if reqs[i]["op"][1] == "s3:put_obj"]
    inits = [i for i in early if reqs[i]["op"][1] == "s3:init_multipart"]
    placement_idx = r.sample(puts, 2) + r.sample(inits, 2)
    rest = [i for i in early if i not in placement_idx]
    chosen = r.sample(rest, 13)
    inject = {}
    for i in placement_idx:
        inject[i] = "placement"
    for kind, ids in (("reqerr", chosen[0:4]), ("skew", chosen[4:7]),
                      ("hdr", chosen[7:10]), ("complete", chosen[10:13])):
        for i in ids:
            inject[i] = kind

    classes = ["STANDARD_IA", "GLACIER", "COLD", "archive/STANDARD"]
    for n, q in enumerate(reqs):
        reqid = 51873 + n
        thr = r.choice(beast_threads)
        ptr = "0x7f2c%s%s" % (hexs(r, 5), r.choice(["0", "8"]) + "10")
        method, opname, kind, _w = q["op"]
        key = objkey()
        if kind == "obj":
            path = "/%s/%s" % (q["bucket"], key)
        elif kind == "bucket":
            path = "/%s?list-type=2&prefix=%s&max-keys=1000" % (
                q["bucket"], r.choice(["img%2F2026%2F", "daily%2F", "warehouse%2F", ""]))
        elif kind == "root":
            path = "/"
        elif kind == "mpinit":
            path = "/%s/%s?uploads" % (q["bucket"], key)
        else:
            path = "/%s/%s?uploadId=2~%s" % (q["bucket"], key, hexs(r, 24))
        status, opst = 200, 0
        size = 0
        if method == "GET" and kind == "obj":
            size = int(r.lognormvariate(11.5, 2.0))
            if r.random() < 0.12:
                status, size = 206, min(size, 1048576)
        elif kind == "bucket":
            size = r.randint(420, 24000)
        elif kind == "root":
            size = r.randint(380, 2400)
        elif kind in ("mpinit", "mp"):
            size = r.randint(280, 460)
        if method == "DELETE":
            status = 204
        if method in ("GET", "HEAD") and kind == "obj" and r.random() < 0.1:
            status, opst, size = 404, -2, (0 if method == "HEAD" else r.randint(218, 246))
        elif r.random() < 0.03:
            status, opst, size = 403, -13, (0 if method == "HEAD" else r.randint(198, 232))
        lat = int(r.lognormvariate(15.2, 1.0))  # ~4ms median
        if method == "PUT":
            lat += int(r.lognormvariate(18.6, 1.5))
        elif size > 0:
            lat += size * 40
        inj = inject.get(n)
        t0 = q["t0"]
        S.emit(t0, "start", [ptr], thread=thr)
        pref = [reqid, None, opname]
        if inj == "reqerr":
            errno = S.cyc("reqerr", 4, [5, 125, 34, 11])
            status, opst, size = 500, -errno, r.randint(220, 250)
            lat = int(r.lognormvariate(16.5, 0.8))
            el = int(lat * r.uniform(0.6, 0.95))
            pref[1] = ceph_span(el)
            S.emit(t0 + el, "reqerr", pref + [errno], thread=thr)
        elif inj == "placement":
            status, opst, size = 400, -22, r.randint(230, 260)
            lat = int(r.lognormvariate(13.5, 0.5))
            el = int(lat * r.uniform(0.4, 0.9))
            pref[1] = ceph_span(el)
            S.emit(t0 + el, "placement", pref + ["default-placement/" + S.cyc("placement", 4, classes)],
                   thread=thr)
        elif inj == "skew":
            status, opst, size = 403, -2012, r.randint(300, 330)
            lat = int(r.lognormvariate(13.0, 0.5))
            el = int(lat * r.uniform(0.3, 0.9))
            pref[1] = ceph_span(el)
            now = t0 + el
            skew = r.randint(16 * 60, 4 * 3600) * S.cyc("skew", 9, [-1, 1])
            rt = now // SEC + skew
            nh, nm, ns = hms(now)
            rh, rm, rs = hms(rt * SEC)
            S.emit(now, "skew", pref + [
                "2026-03-14T%02d:%02d:%02d.%06d+0000" % (nh, nm, ns, (now // US) % 1000000),
                "2026-03-14T%02d:%02d:%02d.000000+0000" % (rh, rm, rs)], thread=thr)
        elif inj == "hdr":
            pref[1] = ceph_span(lat - r.randint(20, 400) * US)
            S.emit(t0 + lat - 10 * US, "hdr",
                   pref + [S.cyc("hdr", 4, ["Broken pipe", "Connection reset by peer"])],
                   thread=thr)
        elif inj == "complete":
            S.emit(t0 + lat - 8 * US, "complete",
                   [S.cyc("complete", 0, ["Connection reset by peer", "Broken pipe"])],
                   thread=thr)
        t1 = t0 + lat
        S.emit(t1, "done", [ptr, opst, status, ceph_span(lat)], thread=thr)
        h, mi, s = hms(t1)
        stamp = "14/Mar/2026:%02d:%02d:%02d.%03d +0000" % (h, mi, s, (t1 // MS) % 1000)
        S.emit(t1 + r.randint(5, 60) * US, "beast",
               [ptr, q["ip"], q["user"], stamp, "%s %s HTTP/1.1" % (method, path),
                status, size, q["ua"], ceph_span(lat)], thread=thr)

    # --- idle keep-alive connections timing out / bad input
    t = start_w
    while t < end_w:
        t += 1 + int(r.expovariate(1.0 / (170 * SEC)))
        S.emit(t, "readhdr", [S.cyc("readhdr", 0, [
            "The socket was closed due to a timeout", "end of stream",
            "The socket was closed due to a timeout", "bad method",
            "Connection reset by peer"])], thread=r.choice(beast_threads))
    # --- background threads
    for key, thr, period, fmt, nshards in (
            ("reshard", reshard_thread, 600, "reshard.%010d", 16),
            ("lc", lc_thread, 280, "lc.%d", 32),
            ("gc", gc_thread, 400, "gc.%d", 32)):
        t = start_w + r.randint(0, period) * SEC + r.randint(0, 999999999)
        while t < end_w:
            S.emit(t, key, [fmt % r.randint(0, nshards - 1)], thread=thr)
            t += int(period * r.uniform(0.5, 1.5) * SEC)
    return S


# --------------------------------------------------------------------------
# 3. LizardFs: LizardFS master via syslog (simulation: chunkservers, client
#    sessions, metaloggers, master housekeeping)
# --------------------------------------------------------------------------
def build_lizardfs():
    S = System(
        "LizardFs", 3, "simulation",
        r"Mar 14 (?P<ts>\d{2}:\d{2}:\d{2}) lfs-master01 mfsmaster\[2417\]: ",
        lambda t, m: "Mar 14 %02d:%02d:%02d lfs-master01 mfsmaster[2417]: " % hms(t),
        "chunkservers (connected / disconnected / re-registering, chunk operation "
        "failures), client mount sessions, metaloggers and the master's housekeeping loops")
    r = S.rng
    S.ev("reg_begin", "chunkserver register begin (packet version: 6) - ip: <*>, port: <*>")
    S.ev("reg_end", "chunkserver register end (packet version: 6) - ip: <*>, port: <*>, "
                    "usedspace: <*> (<*>), totalspace: <*> (<*>)")
    S.ev("cs_closed", "connection with CS(<*>) has been closed by peer")
    S.ev("cs_disc", "chunkserver disconnected - ip: <*>, port: <*>, usedspace: <*> (<*>), "
                    "totalspace: <*> (<*>)")
    S.ev("repl", "(<*>:<*>) chunk: <*> replication status: <*>")
    S.ev("dele", "(<*>:<*>) chunk: <*> deletion status: <*>")
    S.ev("crea", "(<*>:<*>) chunk: <*> creation status: <*>")
    S.ev("invalid", "chunk <*> has only invalid copies (<*>) - please repair it manually")
    S.ev("cl_open", "client(ip:<*>) session <*> opened, version: <*>, mounted: <*>")
    S.ev("cl_closed", "connection with client(ip:<*>) has been closed by peer")
    S.ev("ml_closed", "connection with ML(<*>) has been closed by peer")
    S.ev("total", "total: usedspace: <*> (<*>), totalspace: <*> (<*>), usage: <*>%")
    S.ev("store", "store process has finished - store time: <*>")

    W0 = 6 * HOUR
    W1 = W0 + 12 * HOUR
    TiB = 1 << 40
    statuses = ["No such chunk", "Disconnected", "Wrong chunk version",
                "Operation timed out", "IO error", "No space left"]

    # chunkservers
    cs_list = [("10.40.1.11", 9422), ("10.40.1.12", 9422), ("10.40.1.13", 9422),
               ("10.40.1.14", 9422), ("10.40.1.15", 9422), ("10.40.1.13", 9522),
               ("10.40.1.14", 9522), ("10.40.1.15", 9522)]
    down = []  # (from, to, total) per chunkserver outage
    for ip, port in cs_list:
        total = (8 if port == 9422 else 2) * TiB - r.randint(0, 40) * (1 << 30)
        used = int(total * r.uniform(0.45, 0.8))
        t = W0
        while t < W1:
            up_end = t + int(r.expovariate(1.0 / (150 * MIN)))
            te = t
            while True:
                te += int(r.expovariate(1.0 / (22 * MIN)))
                if te >= up_end:
                    break
                kind = r.choices(["repl", "dele", "crea"], [72, 20, 8])[0]
                S.emit(te, kind, [ip, port, "%016X" % r.randint(0x100000, 0x3FFFFFF),
                                  S.cyc(kind, 3, statuses)])
            used += r.randint(0, 30) * (1 << 30)
            S.emit(up_end, "cs_closed", [ip])
            S.emit(up_end + r.randint(1, 300) * MS, "cs_disc",
                   [ip, port, used, iec(used), total, iec(total)])
            back = up_end + 20 * SEC + int(r.expovariate(1.0 / (8 * MIN)))
            down.append((up_end, back, total))
            S.emit(back, "reg_begin", [ip, port])
            S.emit(back + r.randint(40, 1500) * MS, "reg_end",
                   [ip, port, used, iec(used), total, iec(total)])
            t = back + 2 * SEC

    # client sessions
    hosts = ["10.40.20.%d" % x for x in (11, 12, 13, 17, 21, 22, 23, 30, 31, 34, 41, 42, 55, 56, 60, 77, 78, 90)]
    versions = ["3.12.0", "3.13.0-rc3", "3.12.0", "3.11.3"]
    mounts = ["/", "/home", "/projects/genomics", "/scratch", "/archive/2025"]
    for _ in range(12):  # sessions open before the window: only closure seen
        S.emit(W0 + int(r.expovariate(1.0 / (70 * MIN))), "cl_closed", [r.choice(hosts)])
    sid = 3127
    t = W0
    while t < W1:
        t += int(r.expovariate(1.0 / (8 * MIN)))
        ip = r.choice(hosts)
        S.emit(t, "cl_open", [ip, sid, S.cyc("cl_open", 2, versions), S.cyc("cl_open", 3, mounts)])
        sid += r.randint(1, 3)
        S.emit(t + 5 * SEC + int(r.expovariate(1.0 / (55 * MIN))), "cl_closed", [ip])

    # metaloggers / shadow masters
    for ip in ("10.40.0.21", "10.40.0.22"):
        t = W0
        while t < W1:
            t += int(r.expovariate(1.0 / (75 * MIN)))
            S.emit(t, "ml_closed", [ip])

    # master housekeeping: chunk loop, usage summary, hourly metadata store
    bad = ["%016X" % r.randint(0x100000, 0x3FFFFFF) for _ in range(5)]
    t = W0
    while t < W1:
        t += int(r.expovariate(1.0 / (14 * MIN)))
        S.emit(t, "invalid", [S.cyc("invalid", 0, bad), S.cyc("invalid", 1, [1, 2, 1, 3])])
    full = sum((8 if p == 9422 else 2) * TiB for _, p in cs_list) - 37 * (1 << 30)
    used_all = int(full * 0.63)
    t = W0 + r.randint(0, 599) * SEC
    while t < W1:
        used_all += r.randint(-20, 120) * (1 << 30)
        total_all = full - sum(tot for a, b, tot in down if a <= t < b)
        S.emit(t, "total", [used_all, iec(used_all), total_all, iec(total_all),
                            "%.2f" % (100.0 * used_all / total_all)])
        t += 600 * SEC + r.randint(0, 999) * MS
    t = W0 + HOUR + r.randint(1, 3) * SEC
    while t < W1:
        st = r.randint(600, 4800)
        S.emit(t + st * MS, "store", ["%d.%03ds" % (st // 1000, st % 1000)])
        t += HOUR
    return S


# --------------------------------------------------------------------------
# 4. OrangeFs: OrangeFS server log (seeded shuffle)
# --------------------------------------------------------------------------
def build_orangefs():
    def header(t, m):
        return "[%s 03/14/2026 %02d:%02d:%02d] " % ((m["lvl"],) + hms(t))

    S = System(
        "OrangeFs", 4, "shuffle",
        r"\[[A-Z] 03/14/2026 (?P<ts>\d{2}:\d{2}:\d{2})\] ",
        header, "server log lines")
    r = S.rng
    servers = ["tcp://ofs-io01:3334", "tcp://ofs-io02:3334", "tcp://ofs-io04:3334",
               "tcp://ofs-meta01:3334", "tcp://10.50.0.16:3334"]
    errs = ["Connection refused", "Broken pipe", "Connection reset by peer",
            "Operation cancelled (possibly due to timeout)", "No route to host"]
    codes = [-1073742095, -1073741933, -1610612737, -1073741944]

    def flow():
        return "0x7f%s%s0" % (r.choice("0123456789abcdef"), hexs(r, 8))

    S.ev("starting", "PVFS2 Server on node ofs-io03 version <*> starting...", 4,
         lambda t: [S.cyc("starting", 0, ["2.9.7-orangefs", "2.9.8-orangefs"])], lvl="S")
    S.ev("init_ok", "Initialization completed successfully.", 4, lambda t: [], lvl="S")
    S.ev("signal", "PVFS2 server got signal <*> (server_status_flag: <*>)", 4,
         lambda t: [S.cyc("signal", 0, [15, 2]), S.cyc("signal", 1, [507903, 507647])], lvl="S")
    S.ev("shutdown", "*** server shutdown in progress ***", 4, lambda t: [], lvl="S")
    S.ev("halting", "[+] halting <*> interface [ okay ]", 20,
         lambda t: [S.cyc("halting", 0, ["request scheduler", "flow", "job", "trove", "bmi",
                                         "event logging", "encoder"])], lvl="S")
    S.ev("jto_flow", "job_time_mgr_expire: job time out: cancelling flow operation, job_id: <*>.",
         30, lambda t: [r.randint(100000, 9999999)], lvl="E")
    S.ev("jto_bmi", "job_time_mgr_expire: job time out: cancelling bmi operation, job_id: <*>.",
         12, lambda t: [r.randint(100000, 9999999)], lvl="E")
    S.ev("retry", "Warning: msgpair failed to <*>, will retry: <*>", 40,
         lambda t: [S.cyc("retry", 0, servers), S.cyc("retry", 1, errs)], lvl="E")
    S.ev("mp_failed", "*** msgpairarray_completion_fn: msgpair to server <*> failed: <*>", 25,
         lambda t: [S.cyc("mp_failed", 0, servers), S.cyc("mp_failed", 1, errs[:4])], lvl="E")
    S.ev("out_retries", "*** Out of retries.", 5, lambda t: [], lvl="E")
    S.ev("io_started", "handle_io_error: flow proto error cleanup started on <*>, error_code: <*>",
         55, lambda t: [flow(), S.cyc("io_started", 1, codes)], lvl="E")
    S.ev("io_canceled", "handle_io_error: flow proto <*> canceled <*> operations, will clean up.",
         45, lambda t: [flow(), r.randint(1, 4)], lvl="E")
    S.ev("io_finished", "handle_io_error: flow proto <*> error cleanup finished, error_code: <*>",
         42, lambda t: [flow(), S.cyc("io_finished", 1, codes)], lvl="E")
    S.ev("attr", "Error: failed to get attributes for handle <*>: <*>", 10,
         lambda t: [r.randint(4611686018427387904, 4611686018527387903),
                    S.cyc("attr", 1, ["No such file or directory", "Stale file handle",
                                      "Input/output error"])], lvl="E")
    run_shuffle(S, 0 * HOUR + 17 * MIN, 30 * SEC)
    return S


# --------------------------------------------------------------------------
# 5. JuiceFs: JuiceFS client mount log (seeded shuffle)
# --------------------------------------------------------------------------
def build_juicefs():
    def header(t, m):
        h, mi, s = hms(t)
        return "2026/03/14 %02d:%02d:%02d.%06d juicefs[28417] <%s>: " % (
            h, mi, s, (t // US) % 1000000, m["lvl"])

    S = System(
        "JuiceFs", 5, "shuffle",
        r"2026/03/14 (?P<ts>\d{2}:\d{2}:\d{2}\.\d{6}) juicefs\[\d+\] <(?:DEBUG|INFO|WARNING|ERROR|FATAL)>: ",
        header, "mount log lines")
    r = S.rng
    cfgs = [
        {"meta": "redis://:****@10.30.0.8:6379/1", "data": "minio://10.30.0.20:9000/jfs-data/myjfs/",
         "vol": "myjfs", "mp": "/jfs", "uuid": "3b7e5c2a-9f41-4d0e-8a6b-1c2d3e4f5a6b"},
        {"meta": "redis://jfs-meta.internal:6379/3",
         "data": "s3://jfs-prod.s3.eu-central-1.amazonaws.com/analytics/",
         "vol": "analytics", "mp": "/mnt/analytics", "uuid": "d41f0a77-2c3b-4e8f-b9a0-7e6d5c4b3a21"},
        {"meta": "rediss://:****@10.30.0.9:6380/2", "data": "minio://10.30.0.21:9000/jfs-home/home/",
         "vol": "home", "mp": "/home", "uuid": "0e9a8b7c-6d5e-4f3a-9b2c-1d0e9f8a7b6c"},
    ]
    vers = ["1.1.2+2024-02-04.8dbd89a", "1.1.5+2024-09-13.a3c9f1e", "1.2.0+2024-06-18.040e5a9"]

    def chunk_key():
        cid = r.randint(100000, 99999999)
        return "chunks/%d/%d/%d_%d_%d" % (cid // 1000000, cid // 1000, cid, r.randint(0, 15),
                                          r.choice([4194304, 4194304, 1048576, r.randint(4096, 4194304)]))

    def upload(t):
        key = chunk_key()
        return [key, up_err(key), r.choice([1, 1, 1, 2, 2, 3, 4])]

    def up_err(key):
        return S.cyc("upload", 1, [
            "context deadline exceeded",
            'Put "http://10.30.0.20:9000/jfs-data/myjfs/%s": dial tcp 10.30.0.20:9000: '
            "connect: connection refused" % key,
            "read tcp 10.30.1.14:51822->10.30.0.21:9000: read: connection reset by peer",
            "SlowDown: Please reduce your request rate.",
            "InternalError: We encountered an internal error, please try again.",
        ])

    S.ev("meta", "Meta address: <*> [interface.go:497]", 4,
         lambda t: [S.cyc("meta", 0, cfgs)["meta"]], lvl="INFO")
    S.ev("ping", "Ping redis latency: <*> [redis.go:3593]", 4,
         lambda t: [go_dur(r.randint(90, 2600) * US + r.randint(0, 999))], lvl="INFO")
    S.ev("data", "Data use <*> [mount.go:629]", 4,
         lambda t: [S.cyc("data", 0, cfgs)["data"]], lvl="INFO")
    S.ev("cache", "Disk cache (<*>): capacity (<*> MB), free ratio (<*>%), max pending pages (<*>) "
                  "[disk_cache.go:114]", 5,
         lambda t: ["/var/jfsCache/%s/" % S.cyc("cache", 0, cfgs)["uuid"],
                    S.cyc("cache", 1, [102400, 51200, 204800]), S.cyc("cache", 2, [10, 20]),
                    S.cyc("cache", 3, [15, 30, 15])], lvl="INFO")
    S.ev("session", "Create session <*> OK with version: <*> [base.go:279]", 4,
         lambda t: [r.randint(3, 480), S.cyc("session", 1, vers)], lvl="INFO")
    S.ev("mounting", "Mounting volume <*> at <*> ... [mount_unix.go:269]", 4,
         lambda t: (lambda c: [c["vol"], c["mp"]])(S.cyc("mounting", 0, cfgs)), lvl="INFO")
    S.ev("ready", "OK, <*> is ready at <*> [mount_unix.go:48]", 4,
         lambda t: (lambda c: [c["vol"], c["mp"]])(S.cyc("ready", 0, cfgs)), lvl="INFO")
    S.ev("upload", "Upload <*>: <*> (try <*>) [cached_store.go:509]", 70,
         upload, lvl="WARNING")
    S.ev("slow", "slow request: <*> <*> (req_id: \"<*>\", err: <*>, cost: <*>) [accesslog.go:83]", 90,
         lambda t: [S.cyc("slow", 0, ["GET", "PUT", "GET", "DELETE", "GET"]), chunk_key(),
                    hexs(r, 16, upper=True),
                    S.cyc("slow", 3, ["<nil>", "<nil>", "<nil>", "context deadline exceeded",
                                      "<nil>", "unexpected EOF"]),
                    go_dur(r.randint(1, 150) * SEC + r.randint(0, 999999) * US)], lvl="WARNING")
    S.ev("readpage", "fail to read page <*>: <*> [cached_store.go:150]", 40,
         lambda t: [chunk_key(), S.cyc("readpage", 1, [
             "unexpected EOF", "context deadline exceeded",
             "NoSuchKey: The specified key does not exist.", "read: connection reset by peer"])],
         lvl="WARNING")
    S.ev("trash", "cleanupTrash: deleted <*> files in <*> [base.go:2140]", 20,
         lambda t: [r.randint(0, 5000), go_dur(r.randint(2, 9000) * MS + r.randint(0, 999999))],
         lvl="INFO")
    S.ev("dblat", "The latency to database is too high: <*> [base.go:367]", 25,
         lambda t: [go_dur(r.randint(10, 900) * MS + r.randint(0, 999) * US)], lvl="WARNING")
    S.ev("signal", "Received signal <*>, exiting... [mount_unix.go:161]", 4,
         lambda t: [S.cyc("signal", 0, ["terminated", "interrupt"])], lvl="INFO")
    S.ev("write", "write inode:<*> indx:<*>  <*> [writer.go:211]", 22,
         lambda t: [r.randint(2, 9000000), r.randint(0, 40),
                    S.cyc("write", 2, ["input/output error", "no space left on device",
                                       "input/output error", "resource temporarily unavailable"])],
         lvl="ERROR")
    run_shuffle(S, 8 * HOUR + 3 * MIN, 20 * SEC)
    return S


# --------------------------------------------------------------------------
# 6. Duplicity: duplicity backup output (seeded shuffle, no header)
# --------------------------------------------------------------------------
def build_duplicity():
    S = System("Duplicity", 6, "shuffle", r"", lambda t, m: "", "console output lines")
    r = S.rng

    def pretty(t):
        return asctime(DAY0, *hms(t))

    def epoch(t):
        cs = t // (10 * MS)
        return "%d.%02d" % (EPOCH_DAY * 86400 + cs // 100, cs % 100)

    def dup_bytes(n):
        for ab, name in ((1 << 40, "TB"), (1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")):
            if n >= ab:
                x = float(n) / ab
                prec = 0 if x >= 100 else (1 if x >= 10 else 2)
                return "%.*f %s" % (prec, x, name)
        return "1 byte" if n == 1 else "%d bytes" % n

    def elapsed(cs):
        secs = cs / 100.0
        h, rem = divmod(cs, 360000)
        m, sc = divmod(rem, 6000)
        parts = []
        if h:
            parts.append("%d hour%s" % (h, "" if h == 1 else "s"))
        if m:
            parts.append("%d minute%s" % (m, "" if m == 1 else "s"))
        parts.append("%.2f seconds" % (sc / 100.0))
        return ["%.2f" % secs, " ".join(parts)]

    def stamp(day, h, m, s):
        return "202603%02dT%02d%02d%02dZ" % (day, h, m, s)

    def rstamp():
        return stamp(r.randint(1, 13), 2, r.randint(0, 9), r.randint(0, 59))

    def volname():
        a = r.randint(1, 12)
        kind = S.cyc("copy", 0, ["manifest", "sigtar", "vol", "manifest", "newsig", "fullsig"])
        s1 = stamp(a, 2, r.randint(0, 9), r.randint(0, 59))
        s2 = stamp(a + 1, 2, r.randint(0, 9), r.randint(0, 59))
        if kind == "manifest":
            return "duplicity-inc.%s.to.%s.manifest.gpg" % (s1, s2)
        if kind == "newsig":
            return "duplicity-new-signatures.%s.to.%s.sigtar.gpg" % (s1, s2)
        if kind == "fullsig":
            return "duplicity-full-signatures.%s.sigtar.gpg" % s1
        if kind == "sigtar":
            return "duplicity-full.%s.manifest.gpg" % s1
        return "duplicity-inc.%s.to.%s.vol%d.difftar.gpg" % (s1, s2, r.randint(1, 40))

    caches = ["/root/.cache/duplicity/8c1f3a0e9b2d4c6e7f8a9b0c1d2e3f4a",
              "/var/cache/duplicity/nas-home", "/home/backup/.cache/duplicity/5e2b7d0c41a9f3e68b1c2d3e4f5a6b7c"]

    def g_delete(t):
        a = r.randint(1, 12)
        return ["%s/duplicity-inc.%s.to.%s.manifest" % (
            S.cyc("delete", 0, caches), stamp(a, 2, r.randint(0, 9), r.randint(0, 59)),
            stamp(a + 1, 2, r.randint(0, 9), r.randint(0, 59)))]

    def g_lastfull(t):
        d = DAY0 - datetime.timedelta(days=S.cyc("lastfull", 0, [6, 13, 7, 1, 12]))
        return [asctime(d, 2, r.randint(0, 9), r.randint(0, 59))]

    attempts = [
        ("BackendException", "ssh: connect to host backup.nas.lan port 22: Connection timed out"),
        ("ConnectionError", "('Connection aborted.', RemoteDisconnected('Remote end closed "
                            "connection without response'))"),
        ("S3ResponseError", "S3ResponseError: 503 Slow Down"),
        ("TimeoutError", "timed out"),
        ("BackendException", "Error running 'rclone copyto remote:duplicity/{vol}': returned 1"),
        ("SSLError", "[SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol "
                     "(_ssl.c:2406)"),
    ]

    def g_attempt(t):
        cls, msg = S.cyc("attempt", 2, attempts)
        if "{vol}" in msg:
            msg = msg.replace("{vol}", volname())
        return [S.cyc("attempt", 0, ["put", "get", "put", "list", "delete", "put"]),
                r.choice([1, 1, 1, 2, 2, 3, 4]), cls, msg]

    def g_elapsed(t):
        return elapsed(r.choice([r.randint(300, 5999), r.randint(6000, 360000), r.randint(360000, 900000)]))

    def g_size(key):
        return lambda t: (lambda n: [n, dup_bytes(n)])(
            int(r.lognormvariate(22.0 if key == "srcsize" else 17.0, 1.5)))

    S.ev("insync", "Local and Remote metadata are synchronized, no sync needed.", 5, lambda t: [])
    S.ev("lastfull", "Last full backup date: <*>", 6, g_lastfull)
    S.ev("globbing", "Reading globbing filelist <*>", 4,
         lambda t: [S.cyc("globbing", 0, ["/etc/duplicity/exclude.list",
                                          "/root/.config/duplicity/filelist.txt"])])
    S.ev("start", "StartTime <*> (<*>)", 20, lambda t: (
        lambda st: [epoch(st), pretty(st)])(max(0, t - r.randint(60, 3000) * SEC)))
    S.ev("end", "EndTime <*> (<*>)", 20, lambda t: [epoch(t), pretty(t)])
    S.ev("elapsed", "ElapsedTime <*> (<*>)", 20, g_elapsed)
    S.ev("srcfiles", "SourceFiles <*>", 18, lambda t: [r.randint(1200, 480000)])
    S.ev("srcsize", "SourceFileSize <*> (<*>)", 18, g_size("srcsize"))
    S.ev("newfiles", "NewFiles <*>", 16, lambda t: [r.randint(0, 900)])
    S.ev("chgsize", "ChangedFileSize <*> (<*>)", 14, g_size("chgsize"))
    S.ev("errors", "Errors <*>", 9, lambda t: [S.cyc("errors", 0, [0, 0, 0, 2, 0, 1])])
    S.ev("attempt", "Attempt of <*> Nr. <*> failed. <*>: <*>", 45, g_attempt)
    S.ev("copy", "Copying <*> to local cache.", 80, lambda t: [volname()])
    S.ev("delete", "Deleting local <*> (not authoritative at backend).", 12, g_delete)
    S.ev("statshdr", "--------------[ Backup Statistics ]--------------", 13, lambda t: [])
    run_shuffle(S, 2 * HOUR, 5 * SEC)
    return S


# --------------------------------------------------------------------------
# self-check
# --------------------------------------------------------------------------
def check_system(S):
    errs = []
    d = os.path.join(ROOT, S.name)
    logp = os.path.join(d, S.name + ".log")
    csvp = os.path.join(d, S.name + ".log_structured.csv")
    for p in (logp, csvp):
        with open(p, "rb") as f:
            b = f.read()
        if not b.endswith(b"\n"):
            errs.append("%s does not end with newline" % p)
        if b"\r" in b:
            errs.append("%s contains CR" % p)
    with open(logp, encoding="utf-8", newline="") as f:
        raw = f.read().split("\n")
    if raw[-1] != "":
        errs.append("log: last line not terminated")
    raw = raw[:-1]
    if len(raw) != N_LINES:
        errs.append("log has %d lines" % len(raw))
    with open(csvp, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != CSV_HEADER:
        errs.append("bad csv header %r" % rows[0])
    rows = rows[1:]
    if len(rows) != N_LINES:
        errs.append("csv has %d rows" % len(rows))
    declared = {"E%d" % (i + 1): tmpl for i, (_k, tmpl) in enumerate(S.events)}
    tmpl_of = {}
    counts = {}
    slots = {}
    last_ts = None
    for i, row in enumerate(rows, 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tmpl = row
        if lid != str(i):
            errs.append("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty or not stripped" % i)
        line = raw[i - 1] if i - 1 < len(raw) else ""
        if not line.endswith(content):
            errs.append("line %d does not end with its content" % i)
            continue
        head = line[:len(line) - len(content)]
        m = S.header_re.fullmatch(head)
        if not m:
            errs.append("line %d header %r does not match" % (i, head))
        elif "ts" in S.header_re.groupindex:
            ts = m.group("ts")
            if last_ts is not None and ts < last_ts:
                errs.append("line %d timestamp goes back" % i)
            last_ts = ts
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %r" % (i, eid))
        if tmpl_of.setdefault(eid, tmpl) != tmpl:
            errs.append("EventId %s has two templates" % eid)
        if declared.get(eid) != tmpl:
            errs.append("row %d: %s template differs from declaration" % (i, eid))
        counts[eid] = counts.get(eid, 0) + 1
        rx = "".join("(.+?)" if p == "<*>" else re.escape(p)
                     for p in re.split(r"(<\*>)", tmpl) if p != "")
        mm = re.fullmatch(rx, content)
        if not mm:
            errs.append("row %d content does not match template" % i)
            continue
        for j, g in enumerate(mm.groups()):
            slots.setdefault((eid, j), set()).add(g)
    if any(b < a for a, b in zip(S.times, S.times[1:])):
        errs.append("internal clock goes back")
    if len(set(tmpl_of.values())) != len(tmpl_of):
        errs.append("two EventIds share a template")
    missing = set(declared) - set(counts)
    if missing:
        errs.append("declared events unused: %s" % sorted(missing))
    for eid, tmpl in tmpl_of.items():
        for j in range(tmpl.count("<*>")):
            if len(slots.get((eid, j), ())) < 2:
                errs.append("%s slot %d takes fewer than 2 values" % (eid, j))
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
    systems = [build_proxmox_backup(), build_ceph_rgw(), build_lizardfs(),
               build_orangefs(), build_juicefs(), build_duplicity()]
    ok = True
    for S in systems:
        write_system(S)
    for S in systems:
        errs, counts, med = check_system(S)
        order = ["E%d" % (i + 1) for i in range(len(S.events))]
        c = sorted(counts.values())
        print("%-14s %-10s events=%2d lines=%d min=%d median=%s max=%d span=%s..%s  %s" % (
            S.name, S.kind, len(counts), sum(c), c[0], med, c[-1],
            "%02d:%02d:%02d" % hms(S.times[0]), "%02d:%02d:%02d" % hms(S.times[-1]),
            "OK" if not errs else "FAIL"))
        print("    counts: " + " ".join("%s=%d" % (e, counts.get(e, 0)) for e in order))
        for e in errs:
            print("    ERROR: " + e)
        ok = ok and not errs
    print("self-check:", "PASSED" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
