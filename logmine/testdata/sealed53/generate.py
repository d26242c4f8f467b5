#!/usr/bin/env python3
"""Sealed 53: blind labelled log corpus generator.

Python 3 standard library only.  Fully deterministic: no wall clock, no
locale, every random draw comes from a per-system random.Random seeded from
BASE_SEED.  Time is an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and
<System>/<System>.log_structured.csv for the six systems and then re-reads
and self-checks every file, printing a per-system summary.
"""

import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270168
HERE = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300

SEC = 1_000_000_000
MS = 1_000_000
MINUTE = 60 * SEC
HOUR = 3600 * SEC
DAY = 24 * HOUR

# Fixed month list (never taken from the locale).
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, MDAY = 2026, 3, 14
EPOCH_MIDNIGHT = 1773446400  # 2026-03-14T00:00:00Z as Unix seconds

HEX = "0123456789abcdef"


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------
def hms(t):
    """Integer ns since 2026-03-14 00:00:00 UTC -> (h, m, s, ms)."""
    assert 0 <= t < DAY, t
    secs = t // SEC
    return secs // 3600, (secs // 60) % 60, secs % 60, (t % SEC) // MS


def hexs(r, n):
    return "".join(r.choice(HEX) for _ in range(n))


def uuid4(r):
    return "-".join(hexs(r, n) for n in (8, 4, 4, 4, 12))


def commas(n):
    # format spec "," is locale independent
    return "{:,}".format(n)


def size_unit(r, lo, hi, unit):
    return "%.1f %s" % (r.uniform(lo, hi), unit)


# --------------------------------------------------------------------------
# framework
# --------------------------------------------------------------------------
class Line:
    __slots__ = ("t", "key", "header", "content")

    def __init__(self, t, key, header, content):
        self.t, self.key, self.header, self.content = t, key, header, content


class System:
    TS_ORDER = ("Y", "Mo", "D", "h", "mi", "s", "ms")

    def __init__(self, k, name, header_re, mode, what):
        self.k = k
        self.name = name
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.header_re = re.compile(header_re)
        self.mode = mode          # "simulation" or "shuffle"
        self.what = what          # description for the summary
        self.events = []          # list of (eid, key, template, meta)
        self.index = {}
        self.counters = {}

    # declared order == EventId order
    def declare(self, key, template, **meta):
        assert key not in self.index, key
        eid = "E%d" % (len(self.events) + 1)
        self.index[key] = len(self.events)
        self.events.append((eid, key, template, meta))

    def eid(self, key):
        return self.events[self.index[key]][0]

    def template(self, key):
        return self.events[self.index[key]][2]

    def meta(self, key):
        return self.events[self.index[key]][3]

    def cyc(self, key, slot, pool):
        """Cycle through a small pool per (event, slot)."""
        i = self.counters.get((key, slot), 0)
        self.counters[(key, slot)] = i + 1
        return pool[i % len(pool)]

    def content(self, key, values):
        parts = self.template(key).split("<*>")
        assert len(parts) == len(values) + 1, (key, values)
        out = [parts[0]]
        for v, p in zip(values, parts[1:]):
            v = str(v)
            assert v and "\n" not in v and "\r" not in v, (key, v)
            out.append(v)
            out.append(p)
        return "".join(out)


def run_shuffle(S, counts, start, mean_gap, header_fn):
    keys = []
    assert set(counts) == set(e[1] for e in S.events), S.name
    for _eid, key, _tpl, _meta in S.events:
        keys.extend([key] * counts[key])
    assert len(keys) == N_LINES, (S.name, len(keys))
    S.rng.shuffle(keys)
    t = start
    lines = []
    for key in keys:
        t += 1 + int(S.rng.expovariate(1.0) * mean_gap)
        meta = S.meta(key)
        values = meta["gen"]()
        lines.append(Line(t, key, header_fn(t, key, meta), S.content(key, values)))
    return lines


class Pid:
    """Process id placeholder, numbered when the process is first seen in
    time order (so pids grow with time like a real kernel's)."""
    __slots__ = ("v",)

    def __init__(self):
        self.v = None


def finish_sim(S, emitted, header_fn, pid_start):
    """emitted: list of (t, seq, key, values, extra); merge in time order."""
    emitted.sort(key=lambda e: (e[0], e[1]))
    last = [pid_start]

    def res(v):
        if isinstance(v, Pid):
            if v.v is None:
                last[0] += S.rng.randint(3, 47)
                v.v = last[0]
            return v.v
        return v

    lines = []
    for t, _seq, key, values, extra in emitted[:N_LINES]:
        values = [res(v) for v in values]
        extra = res(extra)
        lines.append(Line(t, key, header_fn(t, key, extra), S.content(key, values)))
    assert len(lines) == N_LINES, (S.name, len(lines))
    return lines


# --------------------------------------------------------------------------
# 1. IBM Spectrum Protect client dsmerror.log / dsmsched.log  (shuffle)
# --------------------------------------------------------------------------
def build_spectrum():
    S = System(1, "SpectrumProtect",
               r"(?P<Mo>\d\d)/(?P<D>\d\d)/(?P<Y>\d{4}) "
               r"(?P<h>\d\d):(?P<mi>\d\d):(?P<s>\d\d) ",
               "shuffle", "seeded shuffle")
    r = S.rng
    users = ["akimura", "bsolano", "cfenwick", "dmarlow", "eokafor",
             "fjansen", "gpetrova", "hnaidu"]
    vols = ["/home", "/var", "/opt", "/data01", "/srv/www"]
    home_sub = ["Documents", "projects/atlas", "projects/kestrel", "mail",
                "Downloads", ".config/evolution", "Pictures/2025", "src/etl"]
    stems = ["report_q1", "invoice_", "notes", "thumb_", "budget", "draft_v",
             "meeting_", "scan_", "export_", "backup_"]
    exts = ["pdf", "xlsx", "txt", "jpg", "docx", "csv", "odt", "png", "log",
            "tar.gz"]

    def fname():
        return "%s%03d.%s" % (r.choice(stems), r.randint(1, 999), r.choice(exts))

    def fpath():
        k = r.randrange(6)
        if k == 0 or k == 1:
            return "/home/%s/%s/%s" % (r.choice(users), r.choice(home_sub), fname())
        if k == 2:
            return "/var/lib/pgsql/data/base/%d/%d" % (
                r.choice([16384, 16401, 24577]), r.randint(16400, 99999))
        if k == 3:
            return "/opt/app/releases/2026.%02d.%d/lib/%s-%d.%d.%d.jar" % (
                r.randint(1, 3), r.randint(0, 4),
                r.choice(["core", "billing", "auth", "report"]),
                r.randint(1, 5), r.randint(0, 12), r.randint(0, 9))
        if k == 4:
            return "/data01/projects/%s/%s" % (
                r.choice(["genome-pipeline", "sensor-ingest", "cad-archive"]), fname())
        return "/srv/www/%s/htdocs/%s/%s" % (
            r.choice(["intranet", "shop", "wiki"]),
            r.choice(["assets", "uploads/2026/03", "cache"]), fname())

    def dpath():
        k = r.randrange(4)
        if k == 0:
            return "/home/%s/%s" % (r.choice(users), r.choice(home_sub))
        if k == 1:
            return "/var/log/%s" % r.choice(["httpd", "audit", "sa", "pgsql", "journal/3f9c1e"])
        if k == 2:
            return "/data01/projects/%s/run_%04d" % (
                r.choice(["genome-pipeline", "sensor-ingest", "cad-archive"]), r.randint(1, 4000))
        return "/srv/www/%s/htdocs/uploads/2026/%02d" % (
            r.choice(["intranet", "shop", "wiki"]), r.randint(1, 3))

    def size7():
        return commas(r.randint(100_000, 999_999))

    sched = ["DAILY_INCR", "NIGHTLY_FS", "WEEKLY_SEL"]
    servers = ["TSMSRV01", "SPPROD2", "SPSRV-DR"]
    plats = ["Linux/x86_64", "AIX"]

    S.declare("file", "Normal File-->" + " " * 13 + "<*> <*> [Sent]",
              gen=lambda: [size7(), fpath()])
    S.declare("dir", "Directory-->" + " " * 17 + "<*> <*> [Sent]",
              gen=lambda: [S.cyc("dir", 0, ["4,096", "4,096", "4,096", "8,192"]), dpath()])
    S.declare("processed", "ANS1898I ***** Processed     <*> files *****",
              gen=lambda: [commas(500 * r.randint(2, 19))])
    S.declare("expire", "Expiring-->" + " " * 16 + "<*> <*> [Sent]",
              gen=lambda: [size7(), fpath()])
    S.declare("ans1228", "ANS1228E Sending of object '<*>' failed.",
              gen=lambda: [fpath()])
    S.declare("ans4037", "ANS4037E Object '<*>' changed during processing. Object skipped.",
              gen=lambda: [fpath()])
    S.declare("ans4005", "ANS4005E Error processing '<*>': file not found",
              gen=lambda: [fpath()])
    S.declare("ans4007", "ANS4007E Error processing '<*>': access to the object is denied",
              gen=lambda: [fpath()])
    S.declare("incvol", "Incremental backup of volume '<*>'",
              gen=lambda: [S.cyc("incvol", 0, vols)])
    S.declare("success", "Successful incremental backup of '<*>/*'",
              gen=lambda: [S.cyc("success", 0, vols)])
    S.declare("ans1802", "ANS1802E Incremental backup of '<*>/*' finished with <*> failure(s)",
              gen=lambda: [S.cyc("ans1802", 0, vols), r.randint(1, 14)])
    S.declare("schedok", "Scheduled event '<*>' completed successfully.",
              gen=lambda: [S.cyc("schedok", 0, sched)])
    S.declare("sendres", "Sending results for scheduled event '<*>'.",
              gen=lambda: [S.cyc("sendres", 0, sched)])
    S.declare("session", "Session established with server <*>: <*>",
              gen=lambda: [S.cyc("session", 0, servers), S.cyc("session", 1, plats)])
    S.declare("elapsed", "Elapsed processing time:           <*>",
              gen=lambda: ["%02d:%02d:%02d" % (r.choice([0, 0, 0, 1]), r.randint(0, 59), r.randint(0, 59))])

    counts = {"file": 110, "dir": 45, "processed": 20, "expire": 12,
              "ans1228": 8, "ans4037": 6, "ans4005": 5, "ans4007": 4,
              "incvol": 18, "success": 16, "ans1802": 4, "schedok": 11,
              "sendres": 12, "session": 14, "elapsed": 15}

    def header(t, key, meta):
        h, m, s, _ = hms(t)
        return "%02d/%02d/%04d %02d:%02d:%02d " % (MONTH, MDAY, YEAR, h, m, s)

    lines = run_shuffle(S, counts, 20 * HOUR + 30 * MINUTE, 4 * SEC, header)
    return S, lines


# --------------------------------------------------------------------------
# 2. Veritas NetBackup bpbkar legacy debug log  (shuffle)
# --------------------------------------------------------------------------
def build_netbackup():
    S = System(2, "NetBackup",
               r"(?P<h>\d\d):(?P<mi>\d\d):(?P<s>\d\d)\.(?P<ms>\d{3}) "
               r"\[\d+\] <(?:2|4|8|16)> ",
               "shuffle", "seeded shuffle")
    r = S.rng
    pids = [21734, 21802, 22415]
    clients = ["dbhost03", "appsrv-east1", "files02"]
    users = ["jdoe", "mkhan", "oracle", "svc_etl", "lbertrand"]
    filelists = ["/", "/home", "/etc", "/u01/app/oracle/admin", "/var/spool/mail", "/srv/nfs/exports"]

    def path():
        k = r.randrange(6)
        if k == 0:
            return "/home/%s/%s" % (r.choice(users), r.choice(
                [".profile", ".bash_history", ".ssh/known_hosts", "work/", "tmp/extract_%d.csv" % r.randint(1, 900),
                 "mbox", "scripts/rotate_%d.sh" % r.randint(1, 40)]))
        if k == 1:
            return "/etc/%s" % r.choice(["hosts", "fstab", "sysconfig/network-scripts/", "ssh/sshd_config",
                                         "cron.d/", "logrotate.d/httpd", "nsswitch.conf"])
        if k == 2:
            return "/u01/app/oracle/admin/ORCL%d/adump/ora_%d_%d.aud" % (
                r.randint(1, 3), r.randint(1000, 65000), r.randint(1, 99))
        if k == 3:
            return "/var/spool/mail/%s" % r.choice(users)
        if k == 4:
            return "/srv/nfs/exports/%s/%s/" % (r.choice(["eng", "finance", "hr"]), r.choice(["2025", "2026", "shared", "archive"]))
        return "/usr/openv/netbackup/logs/%s/%02d%02d26.log" % (r.choice(["bpcd", "bpbkar", "bpfis"]), MONTH, r.randint(1, 13))

    fatal = [("40", "network connection broken"), ("14", "file write failed"),
             ("24", "socket write failed"), ("13", "file read failed")]
    errnos = [("13", "Permission denied"), ("2", "No such file or directory"), ("5", "Input/output error")]
    excl = [("/proc", "/proc"), ("/tmp/.X11-unix", "/tmp"), ("/home/%s/.cache" % users[0], ".cache"),
            ("/var/tmp/sess_81f2.tmp", "*.tmp"), ("/u01/app/oracle/oradata/ORCL1/temp01.dbf", "*.dbf"),
            ("/sys", "/sys")]
    ips = ["10.40.2.11", "10.40.2.12", "10.40.7.23", "10.40.7.31", "10.41.0.9"]

    def conn():
        return ["%s.%d" % (S.cyc("conn", 0, ips[:2] + ips[4:]), r.randint(1024, 65000)),
                "%s.%s" % (S.cyc("conn", 1, ips[2:4]), S.cyc("conn", 2, ["1556", "13782"])),
                S.cyc("conn", 3, [3, 4, 5, 6, 7, 8])]

    def fatal_vals():
        code, text = S.cyc("fatal", 0, fatal)
        return [code, text]

    def errno_vals():
        code, text = S.cyc("cantopen", 0, errnos)
        return [path().rstrip("/"), code, text]

    def excl_vals():
        p, e = S.cyc("excluded", 0, excl)
        return [p, e]

    def mount_vals():
        fl = S.cyc("mount", 0, filelists)
        mp = {"/": "/", "/home": "/home", "/etc": "/", "/u01/app/oracle/admin": "/u01",
              "/var/spool/mail": "/var", "/srv/nfs/exports": "/srv/nfs"}[fl]
        return [fl, mp]

    S.declare("printfile", "bpbkar PrintFile: <*>", lvl=4, gen=lambda: [path()])
    S.declare("resolved", "bpbkar SelectFile: INF - Resolved_path = <*>", lvl=2,
              gen=lambda: [S.cyc("resolved", 0, filelists)])
    S.declare("mount", "bpbkar resolve_path: INF - Actual mount point of <*> is <*>", lvl=2, gen=mount_vals)
    S.declare("backupid", "bpbkar main: INF - Backup ID = <*>", lvl=4,
              gen=lambda: ["%s_%d" % (S.cyc("backupid", 0, clients), EPOCH_MIDNIGHT + r.randint(4500, 5400))])
    S.declare("completed", "bpbkar main: INF - Client completed sending data for backup", lvl=4, gen=lambda: [])
    S.declare("exit0", "bpbkar Exit: INF - EXIT STATUS 0: the requested operation was successfully completed",
              lvl=4, gen=lambda: [])
    S.declare("fatal", "bpbkar Exit: ERR - bpbkar FATAL exit status = <*>: <*>", lvl=16, gen=fatal_vals)
    S.declare("cantopen", "bpbkar SelectFile: WRN - Cannot open file <*>. Errno = <*>: <*>", lvl=8, gen=errno_vals)
    S.declare("excluded", "bpbkar is_excluded: Excluded <*> by exclude_list entry <*>", lvl=4, gen=excl_vals)
    S.declare("cwd", "bpbkar SelectFile: INF - cwd = <*>", lvl=2,
              gen=lambda: [S.cyc("cwd", 0, filelists)])
    S.declare("conn", "bpbkar logconnections: BPBRM CONNECT FROM <*> TO <*> fd = <*>", lvl=2, gen=conn)
    S.declare("processing", "bpbkar: INF - Processing <*>", lvl=4,
              gen=lambda: [S.cyc("processing", 0, filelists)])
    S.declare("killed", "bpbkar sighandler: WRN - bpbkar killed by <*>", lvl=8,
              gen=lambda: [S.cyc("killed", 0, ["SIGPIPE", "SIGTERM"])])
    S.declare("endlist", "bpbkar expand_wildcards: end backup for filelist <*>", lvl=4,
              gen=lambda: [S.cyc("endlist", 0, filelists)])

    counts = {"printfile": 120, "resolved": 25, "mount": 25, "backupid": 8,
              "completed": 8, "exit0": 6, "fatal": 4, "cantopen": 10,
              "excluded": 20, "cwd": 18, "conn": 14, "processing": 25,
              "killed": 3, "endlist": 14}

    def header(t, key, meta):
        h, m, s, ms = hms(t)
        return "%02d:%02d:%02d.%03d [%d] <%d> " % (h, m, s, ms, r.choice(pids), meta["lvl"])

    lines = run_shuffle(S, counts, 1 * HOUR + 15 * MINUTE, 900 * MS, header)
    return S, lines


# --------------------------------------------------------------------------
# 3. Veeam Agent for Linux job log  (shuffle)
# --------------------------------------------------------------------------
def build_veeam():
    S = System(3, "VeeamLinux",
               r"\[(?P<D>\d\d)\.(?P<Mo>\d\d)\.(?P<Y>\d{4}) "
               r"(?P<h>\d\d):(?P<mi>\d\d):(?P<s>\d\d)\.(?P<ms>\d{3})\] "
               r"<\d+> [a-z]+ *\| (?:ERR \||WARN\||>>  \|)?",
               "shuffle", "seeded shuffle")
    r = S.rng
    tids = [140213847762688, 140213839369984, 140213822584576, 140213940848384]
    devices = ["/dev/sda1", "/dev/sda2", "/dev/nvme0n1p2", "/dev/mapper/vg_root-lv_root", "/dev/vdb1"]
    snaps = ["/dev/veeamimage0", "/dev/veeamimage1", "/dev/veeamimage2"]
    jobs = ["LinuxHosts-Daily", "db01_volume", "BackupJob1"]
    targets = ["vbr01.ops.internal", "10.88.4.20", "repo-lx02.ops.internal"]
    ports = ["10006", "2500", "2501", "6162"]
    objects = devices + ["/home", "/var/lib/mysql", "/etc"]
    errors = ["Not enough space on snapshot storage",
              "veeamsnap: ioctl failed with code 22",
              "Device or resource busy",
              "Module veeamsnap is not loaded"]

    def gb(lo, hi):
        return size_unit(r, lo, hi, "GB")

    def ep(prefix):
        return "%s.%d:%d" % (prefix, r.randint(2, 250), r.randint(32768, 60999))

    def retention_date():
        return "%02d.%02d.2026 %02d:%02d:%02d" % (r.randint(1, 13), r.choice([2, 3]), r.randint(20, 23),
                                                  r.randint(0, 59), r.randint(0, 59))

    S.declare("progress", "[Progress] Processed: [<*>], read: [<*>], transferred: [<*>], rate: [<*>].",
              mod="vmb", lvl="",
              gen=lambda: [gb(1, 240), gb(1, 120), gb(0.2, 40), size_unit(r, 20, 480, "MB/s")])
    S.declare("mksnap", "Creating snapshot for device [<*>].", mod="lpbcore", lvl="",
              gen=lambda: [S.cyc("mksnap", 0, devices)])
    S.declare("snapok", "Snapshot created. Device: [<*>], snapshot: [<*>].", mod="lpbcore", lvl="",
              gen=lambda: [S.cyc("snapok", 0, devices), S.cyc("snapok", 1, snaps)])
    S.declare("snaprm", "Snapshot removed. Device: [<*>].", mod="lpbcore", lvl="",
              gen=lambda: [S.cyc("snaprm", 0, devices)])
    S.declare("connect", "Connecting to [<*>], port [<*>].", mod="net", lvl="",
              gen=lambda: [S.cyc("connect", 0, targets), S.cyc("connect", 1, ports)])
    S.declare("connected", "Connection established. Local endpoint: [<*>], remote endpoint: [<*>].",
              mod="net", lvl="", gen=lambda: [ep("10.88.12"), ep("10.88.4")])
    S.declare("jobstart", "Job [<*>] session [<*>] started.", mod="lpbcore", lvl="",
              gen=lambda: [S.cyc("jobstart", 0, jobs), "{%s}" % uuid4(r)])
    S.declare("jobend", "Job [<*>] session [<*>] finished with status [<*>].", mod="lpbcore", lvl="",
              gen=lambda: [S.cyc("jobend", 0, jobs), "{%s}" % uuid4(r),
                           S.cyc("jobend", 2, ["Success", "Warning", "Success", "Failed"])])
    S.declare("object", "Backing up object [<*>], size [<*>].", mod="vmb", lvl="",
              gen=lambda: [S.cyc("object", 0, objects), gb(2, 500)])
    S.declare("snapfail", "Failed to create snapshot for device [<*>]. Error: [<*>].", mod="lpbcore",
              lvl="ERR |", gen=lambda: [S.cyc("snapfail", 0, devices), S.cyc("snapfail", 1, errors)])
    S.declare("exc", "An exception was thrown from thread [<*>].", mod="lpbcore", lvl=">>  |",
              gen=lambda: [S.cyc("exc", 0, tids)])
    S.declare("trace", "--tr:Failed to perform backup of [<*>].", mod="lpbcore", lvl=">>  |",
              gen=lambda: [S.cyc("trace", 0, objects)])
    S.declare("snapwarn", "Snapshot storage usage is high: [<*>] of [<*>] used.", mod="lpbcore",
              lvl="WARN|", gen=lambda: [gb(3.2, 3.9), S.cyc("snapwarn", 1, ["4.0 GB", "8.0 GB"])])
    S.declare("retention", "Retention: deleting restore point [<*>] created at [<*>].", mod="lpbman",
              lvl="", gen=lambda: ["{%s}" % uuid4(r), retention_date()])

    counts = {"progress": 100, "mksnap": 14, "snapok": 14, "snaprm": 12,
              "connect": 20, "connected": 18, "jobstart": 8, "jobend": 7,
              "object": 60, "snapfail": 6, "exc": 5, "trace": 9,
              "snapwarn": 4, "retention": 23}

    def header(t, key, meta):
        h, m, s, ms = hms(t)
        return "[%02d.%02d.%04d %02d:%02d:%02d.%03d] <%d> %-7s| %s" % (
            MDAY, MONTH, YEAR, h, m, s, ms, r.choice(tids), meta["mod"], meta["lvl"])

    lines = run_shuffle(S, counts, 21 * HOUR + 30 * MINUTE, 3 * SEC, header)
    return S, lines


# --------------------------------------------------------------------------
# 4. rsnapshot log  (shuffle)
# --------------------------------------------------------------------------
def build_rsnapshot():
    S = System(4, "Rsnapshot",
               r"\[(?P<Y>\d{4})-(?P<Mo>\d\d)-(?P<D>\d\d)T(?P<h>\d\d):(?P<mi>\d\d):(?P<s>\d\d)\] ",
               "shuffle", "seeded shuffle")
    r = S.rng
    intervals = ["daily", "hourly", "weekly", "monthly"]
    roots = ["/backup/snapshots/", "/srv/rsnapshot/"]
    confs = ["/etc/rsnapshot.d/web.conf", "/etc/rsnapshot.d/db.conf", "/etc/rsnapshot-nas.conf"]
    remote = ["root@web01.lan:/etc/", "root@web01.lan:/var/www/", "backup@db02.lan:/var/lib/mysql-dumps/",
              "root@mail3.lan:/var/vmail/", "backup@git.lan:/srv/git/"]
    local = ["/home/", "/etc/", "/usr/local/", "/root/", "/var/spool/cron/"]

    def label(src):
        if "@" in src:
            return src.split("@", 1)[1].split(":", 1)[0] + "/"
        return "localhost/"

    def snap(iv, n):
        return "%s%s.%d/" % (r.choice(roots), iv, n)

    def mv_vals():
        iv = S.cyc("mv", 0, intervals)
        n = r.randint(0, 6)
        root = r.choice(roots)
        return ["%s%s.%d/" % (root, iv, n), "%s%s.%d/" % (root, iv, n + 1)]

    def cp_vals():
        iv = S.cyc("cpal", 0, intervals)
        root = r.choice(roots)
        return ["%s%s.0" % (root, iv), "%s%s.1" % (root, iv)]

    def rs_vals(key, pool):
        src = S.cyc(key, 0, pool)
        return [src, "%s%s.0/%s" % (r.choice(roots), r.choice(intervals[:2]), label(src))]

    S.declare("started", "/usr/bin/rsnapshot <*>: started",
              gen=lambda: [S.cyc("started", 0, intervals)])
    S.declare("started_c", "/usr/bin/rsnapshot -c <*> <*>: started",
              gen=lambda: [S.cyc("started_c", 0, confs), S.cyc("started_c", 1, intervals[:2])])
    S.declare("ok", "/usr/bin/rsnapshot <*>: completed successfully",
              gen=lambda: [S.cyc("ok", 0, intervals)])
    S.declare("okwarn", "/usr/bin/rsnapshot <*>: completed, but with some warnings",
              gen=lambda: [S.cyc("okwarn", 0, intervals)])
    S.declare("error", "/usr/bin/rsnapshot <*>: ERROR: /usr/bin/rsync returned <*> while processing <*>",
              gen=lambda: [S.cyc("error", 0, intervals[:2]), S.cyc("error", 1, ["255", "12", "30", "10"]),
                           S.cyc("error", 2, remote)])
    S.declare("warning", "/usr/bin/rsnapshot <*>: WARNING: /usr/bin/rsync returned <*> while processing <*>",
              gen=lambda: [S.cyc("warning", 0, intervals[:2]), S.cyc("warning", 1, ["24", "23"]),
                           S.cyc("warning", 2, remote + local)])
    S.declare("pid", "echo <*> > /var/run/rsnapshot.pid", gen=lambda: [r.randint(1200, 32000)])
    S.declare("rmpid", "rm -f /var/run/rsnapshot.pid", gen=lambda: [])
    S.declare("mv", "mv <*> <*>", gen=mv_vals)
    S.declare("rmrf", "/bin/rm -rf <*>",
              gen=lambda: [snap(S.cyc("rmrf", 0, intervals), r.choice([6, 7, 3, 11, 4]))])
    S.declare("cpal", "/bin/cp -al <*> <*>", gen=cp_vals)
    S.declare("rsync", "/usr/bin/rsync -a --delete --numeric-ids --relative --delete-excluded <*> <*>",
              gen=lambda: rs_vals("rsync", local))
    S.declare("rsync_ssh",
              "/usr/bin/rsync -a --delete --numeric-ids --relative --delete-excluded --rsh=/usr/bin/ssh <*> <*>",
              gen=lambda: rs_vals("rsync_ssh", remote))
    S.declare("touch", "touch <*>", gen=lambda: [snap(S.cyc("touch", 0, intervals[:3]), 0)])
    S.declare("mkdir", "mkdir -m 0755 -p <*>", gen=lambda: [snap(S.cyc("mkdir", 0, intervals[:2]), 0)])

    counts = {"started": 10, "started_c": 4, "ok": 10, "okwarn": 4, "error": 5,
              "warning": 8, "pid": 14, "rmpid": 14, "mv": 60, "rmrf": 15,
              "cpal": 15, "rsync": 30, "rsync_ssh": 90, "touch": 15, "mkdir": 6}

    def header(t, key, meta):
        h, m, s, _ = hms(t)
        return "[%04d-%02d-%02dT%02d:%02d:%02d] " % (YEAR, MONTH, MDAY, h, m, s)

    lines = run_shuffle(S, counts, 2 * HOUR, 25 * SEC, header)
    return S, lines


# --------------------------------------------------------------------------
# 5. BackupPC server LOG  (simulation: host backup jobs, link jobs,
#    hourly wakeups, user requests, host-list reloads)
# --------------------------------------------------------------------------
def build_backuppc():
    S = System(5, "BackupPc",
               r"(?P<Y>\d{4})-(?P<Mo>\d\d)-(?P<D>\d\d) (?P<h>\d\d):(?P<mi>\d\d):(?P<s>\d\d) ",
               "simulation", "host backup jobs + BackupPC_link jobs + wakeups + reloads")
    r = S.rng

    S.declare("wakeup", "Next wakeup is <*>")
    S.declare("start_full", "Started full backup on <*> (pid=<*>, share=<*>)")
    S.declare("start_incr", "Started incr backup on <*> (pid=<*>, share=<*>)")
    S.declare("fin_full", "Finished full backup on <*>")
    S.declare("fin_incr", "Finished incr backup on <*>")
    S.declare("link_run", "Running BackupPC_link <*> (pid=<*>)")
    S.declare("link_fin", "Finished <*> (BackupPC_link <*>)")
    S.declare("failed", "Backup failed on <*> (<*>)")
    S.declare("dhcp", "<*> is dhcp <*>, user is <*>")
    S.declare("user_req", "User <*> requested backup of <*> (<*>)")
    S.declare("reading", "Reading hosts file")
    S.declare("added", "Added host <*> to backup list")
    S.declare("deleted", "Deleted host <*> from backup list")
    S.declare("diskfull", "Disk too full (<*>%); skipped <*> hosts")

    hosts = {
        # host: (share, dhcp owner or None)
        "fileserv2": ("/srv/share", None), "ws-ahmed": ("C$", "sahmed"), "lab-pc07": ("/home", None),
        "mailgw": ("/var/vmail", None), "lt-garcia": ("Users", "mgarcia"), "acct-pc3": ("C$", None),
        "build01": ("/", None), "nas-media": ("/volume1/photos", None), "lt-obrien": ("/home", "kobrien"),
        "dc-east": ("C$", None), "ws-liang": ("D$", "yliang"), "webfront": ("/var/www", None),
        "printsrv": ("C$", None), "lab-pc11": ("/home", None), "lt-petrov": ("Users", "apetrov"),
        "gitea": ("/srv/gitea", None), "ws-recept": ("C$", None), "pgsql-02": ("/var/lib/pgsql/backups", None),
        "lt-mbeki": ("/home", "tmbeki"), "hr-pc1": ("D$", None), "kvm-host4": ("/etc", None),
        "ws-dubois": ("C$", "cdubois"),
    }
    host_order = sorted(hosts)
    r.shuffle(host_order)
    reasons = ["Unable to read 4 bytes", "NT_STATUS_ACCESS_DENIED listing \\*",
               "Tar exited with error 512 () status",
               "rsync error: error in rsync protocol data stream (code 12) at io.c(226) [Receiver=3.1.3]",
               "smbclient: connection to host failed", "aborted by signal=ALRM"]
    users = ["admin", "mrivera", "tkowalski", "backuppc"]
    emitted = []
    busy = {h: [] for h in hosts}

    def emit(t, key, values):
        emitted.append((t, len(emitted), key, values, None))

    def newpid():
        return Pid()

    state = {"job": 0}

    def job(t, host, typ):
        """Run one backup of host starting at t; False if host is busy then."""
        share, owner = hosts[host]
        dur = max(2 * MINUTE, int(r.expovariate(1.0) * (55 if typ == "full" else 22) * MINUTE))
        t_end = t + dur + 3 * MINUTE
        if any(a < t_end and t < b for a, b in busy[host]):
            return False
        busy[host].append((t - MINUTE, t_end))
        if owner:
            emit(t, "dhcp", [host, "192.168.20.%d" % r.randint(20, 240), owner])
            t += r.randint(1, 3) * SEC
        emit(t, "start_" + typ, [host, newpid(), share])
        t2 = t + dur
        state["job"] += 1
        if state["job"] % 7 == 3:
            emit(t2, "failed", [host, S.cyc("failed", 1, reasons)])
            return True
        emit(t2, "fin_" + typ, [host])
        t3 = t2 + r.randint(1, 4) * SEC
        emit(t3, "link_run", [host, newpid()])
        emit(t3 + r.randint(2, 140) * SEC, "link_fin", [host, host])
        return True

    # host-list reloads
    added = ["lt-nguyen2", "ws-frontdesk", "srv-ci03", "lab-pc12"]
    deleted = ["lt-olddell", "ws-temp01", "kiosk-lobby"]
    for i, base in enumerate([12 * MINUTE, 1 * HOUR + 37 * MINUTE, 3 * HOUR + 20 * MINUTE]):
        t = base + r.randint(0, 300) * SEC
        emit(t, "reading", [])
        emit(t, "added", [added[i]])
        if i == 0:
            emit(t, "added", [added[3]])
        emit(t, "deleted", [deleted[i]])

    # hourly wakeups, WakeupSchedule = 1..16
    disk_hours = {3: 96, 5: 97, 8: 95}
    qi = 0
    nj = 0
    for h in range(1, 17):
        tw = h * HOUR + r.randint(0, 1500) * MS
        emit(tw, "wakeup", ["%04d-%02d-%02d %02d:00:00" % (YEAR, MONTH, MDAY, h + 1)])
        if h in disk_hours:
            emit(tw, "diskfull", [disk_hours[h], r.randint(2, 9)])
            continue
        for _ in range(r.randint(4, 7)):
            nj += 1
            t = tw + r.randint(1, 240) * SEC
            for _try in range(len(host_order)):
                host = host_order[qi % len(host_order)]
                qi += 1
                if nj % 9 == 4:
                    if not any(a < t < b for a, b in busy[host]):
                        emit(t, "failed", [host, "no ping response"])
                        break
                elif job(t, host, "full" if nj % 6 == 1 else "incr"):
                    break

    # user requested backups
    ui = 0
    for base in [40 * MINUTE, 2 * HOUR + 15 * MINUTE, 4 * HOUR + 30 * MINUTE, 6 * HOUR + 5 * MINUTE]:
        t = base + r.randint(0, 900) * SEC
        typ = S.cyc("user_req", 9, ["full", "incr"])
        for _try in range(len(host_order)):
            host = host_order[(ui * 5 + 2) % len(host_order)]
            ui += 1
            if job(t + r.randint(1, 3) * SEC, host, typ):
                emit(t, "user_req", [S.cyc("user_req", 0, users), host, host])
                break

    def header(t, key, extra):
        hh, mm, ss, _ = hms(t)
        return "%04d-%02d-%02d %02d:%02d:%02d " % (YEAR, MONTH, MDAY, hh, mm, ss)

    return S, finish_sim(S, emitted, header, 3811)


# --------------------------------------------------------------------------
# 6. Burp backup server log  (simulation: client timer connections, each
#    served by a forked child with its own pid; backups; rogue clients)
# --------------------------------------------------------------------------
def build_burp():
    S = System(6, "BurpBackup",
               r"(?P<Y>\d{4})-(?P<Mo>\d\d)-(?P<D>\d\d) (?P<h>\d\d):(?P<mi>\d\d):(?P<s>\d\d): burp\[\d+\] ",
               "simulation", "client connections (forked children) + backups")
    r = S.rng

    S.declare("fork", "forked child pid <*>")
    S.declare("exit", "Child <*> exited with <*>")
    S.declare("version", "Client version: <*>")
    S.declare("auth_ok", "auth ok for: <*>")
    S.declare("unauth", "Unable to authorise <*>")
    S.declare("notime", "Not time to backup <*>")
    S.declare("recover", "Found interrupted backup. Running working_dir_recovery_method: <*>")
    S.declare("p2begin", "Phase 2 begin (recv backup data)")
    S.declare("p2end", "Phase 2 end (recv backup data)")
    S.declare("ending", "Backup ending - disconnect from client.")
    S.declare("deleting", "Deleting <*> <*>")
    S.declare("sslerr", "SSL read problem: <*>, errno=<*> (<*>)")

    main_pid = 1187
    clients = ["laptop-nora", "build-agent-2", "pi-garage", "ws-kessler", "mediabox", "lt-achebe",
               "dev-vm-31", "nas-west", "ws-lindqvist", "router-cfg", "lt-moreau", "scanner-pc"]
    rogue = ["old-mediapc", "tmp-vm17"]
    versions = ["2.2.18", "2.4.0", "2.3.38", "2.1.28"]
    version_of = {c: versions[i % 3] for i, c in enumerate(clients)}
    version_of.update({rogue[0]: versions[3], rogue[1]: versions[1]})
    errs = [("104", "Connection reset by peer"), ("110", "Connection timed out"), ("32", "Broken pipe")]
    methods = ["resume", "delete", "use"]
    emitted = []
    bcount = [0]

    def emit(t, pid, key, values):
        emitted.append((t, len(emitted), key, values, pid))

    def newpid():
        return Pid()

    def connect(t, name):
        pid = newpid()
        emit(t, main_pid, "fork", [pid])
        t += r.randint(20, 400) * MS
        emit(t, pid, "version", [version_of[name]])
        t += r.randint(10, 250) * MS
        return pid, t

    def old_backup(name, n, day):
        return ["/var/spool/burp/%s/%07d" % (name, n),
                "2026-02-%02d %02d:%02d:%02d" % (day, r.randint(0, 23), r.randint(0, 59), r.randint(0, 59))]

    horizon = 4 * HOUR
    for i, name in enumerate(clients):
        t = r.randint(0, 1200) * SEC
        due = r.randint(0, 75) * MINUTE
        done = False
        busy_until = 0
        nb = r.randint(40, 180)
        while t < horizon:
            if t >= busy_until:
                pid, tc = connect(t, name)
                emit(tc, pid, "auth_ok", [name])
                tc += r.randint(30, 600) * MS
                if done or t < due:
                    emit(tc, pid, "notime", [name])
                    emit(tc + r.randint(5, 80) * MS, main_pid, "exit", [pid, 0])
                else:
                    b = bcount[0]
                    bcount[0] += 1
                    if b % 3 == 0:
                        emit(tc, pid, "recover", [S.cyc("recover", 0, methods)])
                        tc += r.randint(1, 20) * SEC
                    emit(tc, pid, "p2begin", [])
                    tend = tc + max(2 * MINUTE, int(r.expovariate(1.0) * 12 * MINUTE))
                    if b % 3 == 1:
                        code, text = S.cyc("sslerr", 1, errs)
                        emit(tend, pid, "sslerr", [S.cyc("sslerr", 0, ["5", "1"]), code, text])
                        emit(tend + r.randint(5, 90) * MS, main_pid, "exit", [pid, 1])
                    else:
                        emit(tend, pid, "p2end", [])
                        tend += r.randint(200, 3000) * MS
                        emit(tend, pid, "ending", [])
                        day = r.randint(1, 20)
                        for j in range(b % 3 + 1):
                            tend += r.randint(50, 900) * MS
                            emit(tend, pid, "deleting", old_backup(name, nb + j, day + 2 * j))
                        nb += 1
                        emit(tend + r.randint(5, 90) * MS, main_pid, "exit", [pid, 0])
                        done = True
                    busy_until = tend + SEC
            t += 20 * MINUTE + r.randint(0, 50) * SEC
    for i, name in enumerate(rogue):
        t = (7 + 11 * i) * MINUTE + r.randint(0, 60) * SEC
        while t < horizon:
            pid, tc = connect(t, name)
            emit(tc, pid, "unauth", [name])
            emit(tc + r.randint(5, 80) * MS, main_pid, "exit", [pid, 1])
            t += 30 * MINUTE + r.randint(0, 90) * SEC

    def header(t, key, pid):
        hh, mm, ss, _ = hms(t)
        return "%04d-%02d-%02d %02d:%02d:%02d: burp[%d] " % (YEAR, MONTH, MDAY, hh, mm, ss, pid)

    return S, finish_sim(S, emitted, header, 24310)


# --------------------------------------------------------------------------
# writing and self-check
# --------------------------------------------------------------------------
CSV_HEADER = ["LineId", "Content", "EventId", "EventTemplate"]


def write_system(S, lines):
    d = os.path.join(HERE, S.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as f:
        for ln in lines:
            f.write(ln.header + ln.content + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(CSV_HEADER)
        for i, ln in enumerate(lines, 1):
            w.writerow([i, ln.content, S.eid(ln.key), S.template(ln.key)])


def template_regex(tpl):
    return re.compile("".join("(.+?)" if p == "<*>" else re.escape(p)
                              for p in re.split(r"(<\*>)", tpl)), re.S)


def check_system(S):
    errors = []

    def fail(msg):
        errors.append("%s: %s" % (S.name, msg))

    d = os.path.join(HERE, S.name)
    log_path = os.path.join(d, S.name + ".log")
    csv_path = os.path.join(d, S.name + ".log_structured.csv")
    for p in (log_path, csv_path):
        with open(p, "rb") as f:
            data = f.read()
        if not data.endswith(b"\n"):
            fail("%s does not end with newline" % p)
        if b"\r" in data:
            fail("%s contains CR" % p)
    with open(log_path, encoding="utf-8", newline="") as f:
        raw = f.read().split("\n")
    if raw[-1] != "":
        fail("log last line not terminated")
    raw = raw[:-1]
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != CSV_HEADER:
        fail("bad CSV header")
    rows = rows[1:]
    if len(raw) != N_LINES:
        fail("log has %d lines" % len(raw))
    if len(rows) != N_LINES:
        fail("csv has %d rows" % len(rows))

    declared = {eid: tpl for eid, _k, tpl, _m in S.events}
    if len(set(declared.values())) != len(declared):
        fail("declared templates not distinct")
    seen_tpl = {}
    counts = {}
    captures = {}
    prev_ts = None
    regexes = {eid: template_regex(tpl) for eid, tpl in declared.items()}
    for i, (line, row) in enumerate(zip(raw, rows), 1):
        if len(row) != 4:
            fail("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            fail("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            fail("row %d content empty or not stripped" % i)
        if not line.endswith(content):
            fail("line %d does not end with its Content" % i)
            continue
        header = line[:len(line) - len(content)]
        m = S.header_re.fullmatch(header)
        if not m:
            fail("line %d header %r does not match" % (i, header))
            continue
        gd = m.groupdict()
        ts = tuple(int(gd[n]) for n in System.TS_ORDER if gd.get(n) is not None)
        if prev_ts is not None and ts < prev_ts:
            fail("line %d timestamp goes back" % i)
        prev_ts = ts
        if not re.fullmatch(r"E\d+", eid):
            fail("row %d bad EventId %r" % (i, eid))
        if eid not in declared or declared[eid] != tpl:
            fail("row %d EventId/template not as declared" % i)
        if seen_tpl.setdefault(eid, tpl) != tpl:
            fail("EventId %s has several templates" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        rm = regexes[eid].fullmatch(content) if eid in regexes else None
        if not rm:
            fail("row %d content does not match template %r: %r" % (i, tpl, content))
            continue
        for j, g in enumerate(rm.groups()):
            captures.setdefault((eid, j), set()).add(g)
    if set(counts) != set(declared):
        fail("declared but unused events: %s" % sorted(set(declared) - set(counts)))
    tpls = list(seen_tpl.values())
    if len(set(tpls)) != len(tpls):
        fail("two EventIds share a template")
    for eid, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            vals = captures.get((eid, j), set())
            if len(vals) < 2:
                fail("%s slot %d captures %d distinct values" % (eid, j, len(vals)))
    cs = sorted(counts.values())
    n_ev = len(declared)
    if not 12 <= n_ev <= 15:
        fail("%d event types" % n_ev)
    if cs and cs[0] < 3:
        fail("an event has fewer than 3 lines: %s" % counts)
    small = sum(1 for c in cs if 3 <= c <= 10)
    if small < 3:
        fail("only %d events with 3-10 lines" % small)
    med = statistics.median(cs) if cs else 0
    if not cs or cs[-1] < 3 * med:
        fail("largest %s < 3 x median %s" % (cs[-1] if cs else None, med))
    first = raw[0][:len(raw[0]) - len(rows[0][1])] if raw and rows else ""
    last = raw[-1][:len(raw[-1]) - len(rows[-1][1])] if raw and rows else ""
    summary = "%-16s %-10s lines=%d events=%d counts min=%d median=%s max=%d small(3-10)=%d  %s .. %s" % (
        S.name, S.mode, len(raw), n_ev, cs[0] if cs else 0, med, cs[-1] if cs else 0, small,
        first.split(" ")[0] + " " + first.split(" ")[1] if " " in first else first,
        last.split(" ")[0] + " " + last.split(" ")[1] if " " in last else last)
    return errors, summary


BUILDERS = [build_spectrum, build_netbackup, build_veeam, build_rsnapshot, build_backuppc, build_burp]


def main():
    systems = []
    for build in BUILDERS:
        S, lines = build()
        write_system(S, lines)
        systems.append(S)
    all_errors = []
    for S in systems:
        errors, summary = check_system(S)
        print(summary)
        all_errors.extend(errors)
    if all_errors:
        for e in all_errors[:60]:
            print("FAIL", e)
        print("self-check FAILED (%d problems)" % len(all_errors))
        return 1
    print("self-check passed for %d systems" % len(systems))
    return 0


if __name__ == "__main__":
    sys.exit(main())
