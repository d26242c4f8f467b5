#!/usr/bin/env python3
"""Round 45 blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale,
month and weekday names come from fixed lists.  Base seed 20270145; system k
(1..6) uses random.Random(20270145 * 10 + k).  Time is an integer nanosecond
clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for six systems next to this file, then self-checks every file.
"""
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270145
OUT = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DOW_SUN0 = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
YEAR, MONTH, DAY = 2026, 3, 14
NS = 10 ** 9
MON_ALT = "|".join(MONTHS)


def weekday(y, m, d):
    """Sakamoto's algorithm, 0 = Sunday."""
    t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
    if m < 3:
        y -= 1
    return DOW_SUN0[(y + y // 4 - y // 100 + y // 400 + t[m - 1] + d) % 7]


def clock(ns):
    s, frac = divmod(ns, NS)
    d, r = divmod(s, 86400)
    if d != 0:
        raise ValueError("clock left 2026-03-14")
    h, r = divmod(r, 3600)
    m, sec = divmod(r, 60)
    return h, m, sec, frac


def H(h):
    return int(h * 3600 * NS)


def S(x):
    return int(round(x * NS))


class Cyc:
    """Cycle through a small pool per (event, slot) key."""

    def __init__(self):
        self.n = {}

    def __call__(self, key, pool):
        i = self.n.get(key, 0)
        self.n[key] = i + 1
        return pool[i % len(pool)]


def fill(tpl, vals):
    parts = tpl.split("<*>")
    if len(parts) - 1 != len(vals):
        raise ValueError("slot count mismatch for %r: %r" % (tpl, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        if not v or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, tpl))
        out.append(v)
        out.append(p)
    return "".join(out)


def shuffle_schedule(rng, counts, start_ns, mean_gap_s):
    keys = [k for k, c in counts for _ in range(c)]
    rng.shuffle(keys)
    t = start_ns
    out = []
    for k in keys:
        t += max(1, int(rng.expovariate(1.0 / mean_gap_s) * NS))
        out.append((t, k))
    return out


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def alnum(rng, n):
    a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(rng.choice(a) for _ in range(n))


def hms(sec):
    sec = int(sec)
    return "%02d:%02d:%02d" % (sec // 3600, sec // 60 % 60, sec % 60)


# ---------------------------------------------------------------------------
# 1. Bareos -- simulation of backup / restore jobs
# ---------------------------------------------------------------------------
BAREOS_EVENTS = [
    ("start_backup", "Start Backup JobId <*>, Job=<*>"),
    ("start_restore", "Start Restore Job <*>"),
    ("dev_write", 'Using Device "<*>" to write.'),
    ("dev_read", 'Using Device "<*>" to read.'),
    ("connected", "Connected Client: <*> at <*>:<*>, encryption: <*>"),
    ("handshake", "Handshake: <*>"),
    ("prev_written", 'Volume "<*>" previously written, moving to end of data.'),
    ("labeled", 'Labeled new Volume "<*>" on device "<*>" (<*>).'),
    ("ready_append", 'Ready to append to end of Volume "<*>" size=<*>'),
    ("ready_read", 'Ready to read from volume "<*>" on device "<*>" (<*>).'),
    ("cant_stat", 'Could not stat "<*>": ERR=<*>'),
    ("fatal_net", "Fatal error: Network error with FD during Backup: ERR=<*>"),
    ("elapsed", "Elapsed time=<*>, Transfer rate=<*> M Bytes/second"),
    ("releasing", 'Releasing device "<*>" (<*>).'),
    ("auth_err", 'ERROR in dir_authenticate.cc:327 Unable to authenticate console "<*>" at client:<*>:<*>.'),
]
BAREOS_HDR = r"\d{2}-(" + MON_ALT + r") (\d{2}):(\d{2}) [a-z0-9][a-z0-9.-]*(?: JobId \d+)?: +"


def bareos_key(m):
    return (MONTHS.index(m.group(1)), int(m.group(2)), int(m.group(3)))


def bareos_header(ns, daemon, jobid, pad):
    h, m, _, _ = clock(ns)
    j = " JobId %d" % jobid if jobid is not None else ""
    return "%02d-%s %02d:%02d %s%s:%s" % (DAY, MONTHS[MONTH - 1], h, m, daemon, j, pad)


def gen_bareos(rng):
    cy = Cyc()
    out = []

    def emit(t, daemon, jid, key, vals, pad=" "):
        out.append((t, len(out), bareos_header(t, daemon, jid, pad), key, vals))

    clients = [
        ("web01-fd", "10.20.1.11", 9102, "TLS_CHACHA20_POLY1305_SHA256 TLSv1.3", "Immediate TLS", "linux"),
        ("db02-fd", "10.20.1.24", 9102, "TLS_AES_256_GCM_SHA384 TLSv1.3", "Immediate TLS", "linux"),
        ("mailgw-fd", "10.20.2.5", 9102, "TLS_CHACHA20_POLY1305_SHA256 TLSv1.3", "Immediate TLS", "linux"),
        ("files03-fd", "172.16.8.30", 9112, "PSK-AES256-CBC-SHA TLSv1.2", "Cleartext Hello", "linux"),
        ("ci-runner7-fd", "10.20.4.77", 9102, "TLS_AES_256_GCM_SHA384 TLSv1.3", "Immediate TLS", "linux"),
        ("ws-kmeyer-fd", "192.168.40.112", 9102, "ECDHE-RSA-AES256-GCM-SHA384 TLSv1.2", "Cleartext Hello", "win"),
        ("ldap01-fd", "10.20.1.9", 9112, "TLS_CHACHA20_POLY1305_SHA256 TLSv1.3", "Immediate TLS", "linux"),
    ]
    devices = [
        ("FileStorage", "/var/lib/bareos/storage", "bareos-sd"),
        ("FileStorage2", "/srv/bareos/storage2", "bareos-sd"),
        ("LTO8-Drive0", "/dev/tape/by-id/scsi-35000e111c2f4a8d0-nst", "tape-sd01"),
    ]
    volseq = {"Full": 211, "Incr": 1730, "Diff": 388, "tape": 117}
    consoles = ["admin", "monitor-ro", "jsmith", "helpdesk"]
    users = ["kmeyer", "anna", "ci", "postgres", "www-data", "rsauer"]
    apps = ["chromium/Default/Cache", "pip/http", "thumbnails/large", "go-build", "yarn/v6"]
    t0 = H(1) + S(rng.uniform(2, 40))
    bk = 0
    for i in range(60):
        t0 += S(rng.expovariate(1 / 75.0)) + S(4)
        c = clients[rng.randrange(len(clients))]
        jid = 10342 + i
        h, m, s, _ = clock(t0)
        stamp = "%d-%02d-%02d_%02d.%02d.%02d_%02d" % (YEAR, MONTH, DAY, h, m, s, (i + 3) % 100)
        restore = (i % 6 == 2)
        dev = devices[rng.choice([0, 0, 0, 1, 1, 2])]
        sd = dev[2]
        t = t0
        if i in (2, 7, 12, 18, 23, 29):
            emit(t0 + S(rng.uniform(5, 50)), "bareos-dir", None, "auth_err",
                 [cy(("auth", 0), consoles),
                  "%d.%d.%d.%d" % (rng.choice([10, 192]), rng.randint(0, 40), rng.randint(1, 254), rng.randint(2, 250)),
                  rng.randint(33000, 60999)])
        if restore:
            emit(t, "bareos-dir", jid, "start_restore", ["RestoreFiles." + stamp])
        else:
            emit(t, "bareos-dir", jid, "start_backup", [jid, "backup-%s.%s" % (c[0], stamp)])
        t += S(rng.uniform(0.3, 3))
        emit(t, "bareos-dir", jid, "dev_read" if restore else "dev_write", [dev[0]])
        t += S(rng.uniform(0.2, 2))
        emit(t, "bareos-dir", jid, "connected", [c[0], c[1], c[2], c[3]])
        emit(t, "bareos-dir", jid, "handshake", [c[4]], pad="    ")
        if dev[0].startswith("LTO"):
            vol = "A%05dL8" % volseq["tape"]
            level = "tape"
        else:
            level = rng.choice(["Incr", "Incr", "Incr", "Diff", "Full"])
            vol = "%s-%04d" % (level, volseq[level])
        t += S(rng.uniform(0.5, 6))
        if restore:
            vol = "Full-%04d" % rng.randint(120, 210) if level != "tape" else "A%05dL8" % rng.randint(90, 116)
            emit(t, sd, jid, "ready_read", [vol, dev[0], dev[1]])
            t += S(rng.uniform(20, 400))
            emit(t, sd, jid, "releasing", [dev[0], dev[1]])
            continue
        bk += 1
        if bk % 7 == 5:
            volseq[level] += 1
            vol = "A%05dL8" % volseq["tape"] if level == "tape" else "%s-%04d" % (level, volseq[level])
            emit(t, sd, jid, "labeled", [vol, dev[0], dev[1]])
            size = rng.choice([226, 239, 251])
        else:
            emit(t, sd, jid, "prev_written", [vol])
            size = rng.randint(30_000_000, 53_687_000_000)
        t += S(rng.uniform(0.1, 1.5))
        emit(t, sd, jid, "ready_append", [vol, size])
        dur = rng.uniform(40, 900)
        fail_at = dur * rng.uniform(0.3, 0.9) if bk % 6 == 4 else None
        n = rng.randint(2, 12)
        offs = sorted(rng.uniform(2, dur) for _ in range(n))
        for o in offs:
            if fail_at is not None and o > fail_at:
                break
            if c[5] == "win":
                p = "C:/Users/kmeyer/AppData/Local/Temp/~DF%s.TMP" % hexs(rng, 8).upper()
            else:
                kind = rng.randrange(3)
                if kind == 0:
                    p = "/home/%s/.cache/%s/%s" % (rng.choice(users), rng.choice(apps), hexs(rng, 16))
                elif kind == 1:
                    p = "/var/lib/docker/overlay2/%s/merged" % hexs(rng, 24)
                else:
                    p = "/srv/www/%s/tmp/sess_%s" % (rng.choice(["shop", "wiki", "intranet"]), hexs(rng, 26))
            emit(t + S(o), c[0], jid, "cant_stat",
                 [p, cy(("stat", 1), ["No such file or directory", "No such file or directory",
                                      "Permission denied", "No such file or directory", "Stale file handle"])],
                 pad="      ")
        if fail_at is not None:
            emit(t + S(fail_at), "bareos-dir", jid, "fatal_net",
                 [cy(("fatal", 0), ["Connection reset by peer", "No data available", "Broken pipe"])])
            continue
        t += S(dur)
        emit(t, sd, jid, "elapsed", [hms(dur), "%.2f" % rng.uniform(4, 180)])
        t += S(rng.uniform(0.1, 2))
        emit(t, sd, jid, "releasing", [dev[0], dev[1]])
    return out


# ---------------------------------------------------------------------------
# 2. Amanda -- seeded shuffle of amdump driver/planner/taper debug lines
# ---------------------------------------------------------------------------
AMANDA_EVENTS = [
    ("planner_result", "time <*>: got result for host <*> disk <*>: 0 -> <*>K, 1 -> <*>K, -1 -> -1K"),
    ("promoted", "Full dump of <*>:<*> promoted from <*> days ahead."),
    ("est_failed", "disk <*>:<*>, estimate of level <*> failed."),
    ("add_hdisk", "adding holding disk <*> dir <*> size <*> chunksize <*>"),
    ("send_port_dump", "send-cmd time <*> to <*>: PORT-DUMP <*> <*> <*> 9ffeffffff7f <*> <*> <*> <*> APPLICATION"),
    ("dumper_done", 'result time <*> from <*>: DONE <*> <*> <*> <*> "[sec <*> kb <*> kps <*>]"'),
    ("chunker_done", 'result time <*> from <*>: DONE <*> <*> "[sec <*> kb <*> kps <*>]"'),
    ("dumper_failed", 'result time <*> from <*>: FAILED <*> "[<*>]"'),
    ("taper_partdone", 'result time <*> from <*>: PARTDONE <*> <*> <*> <*> "[sec <*> bytes <*> kps <*> orig-kb <*>]"'),
    ("hdisk_state", "hdisk-state time <*> hdisk <*>: free <*> dumpers <*>"),
    ("state", "state time <*> free kps: <*> space: <*> taper: <*> idle-dumpers: <*> qlen tapeq: <*> runq: <*> roomq: <*> wakeup: <*> driver-idle: <*>"),
    ("slot_usable", "Slot <*> with label <*> is usable"),
    ("slot_not_reusable", "Slot <*> with label <*> is not reusable"),
    ("new_label", "Will write new label `<*>' to new tape"),
]
AMANDA_COUNTS = [25, 6, 7, 3, 30, 28, 18, 5, 20, 106, 40, 4, 5, 3]
AMANDA_PROG = {"planner_result": "planner", "promoted": "planner", "est_failed": "planner",
               "slot_usable": "taper", "slot_not_reusable": "taper", "new_label": "taper"}
AMANDA_HDR = (r"(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat) (" + MON_ALT + r") (\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{9}) (\d{4}): "
              r"pid \d+: thd-0x[0-9a-f]+: (?:driver|planner|taper|dumper|chunker): ")


def amanda_key(m):
    return (int(m.group(7)), MONTHS.index(m.group(1)), int(m.group(2)), int(m.group(3)),
            int(m.group(4)), int(m.group(5)), int(m.group(6)))


def gen_amanda(rng):
    cy = Cyc()
    procs = {"driver": (23114, "0x55d0c8a3e400"), "planner": (23112, "0x5616a3b2e9c0"),
             "taper": (23117, "0x5604f1c27320")}
    hosts = ["web01.lab.lan", "db02.lab.lan", "mail.lab.lan", "files03.lab.lan", "build7.lab.lan", "nas-gw.lab.lan"]
    disks = ["/etc", "/var/www", "/home", "/var/lib/pgsql", "/srv/git", "/boot", "/opt/gitlab"]
    start = H(1) + S(2.117)
    sched = shuffle_schedule(rng, list(zip([k for k, _ in AMANDA_EVENTS], AMANDA_COUNTS)), start, 35.0)
    out = []
    handle = [0]
    for t, key in sched:
        el = "%.3f" % ((t - start) / NS)
        prog = AMANDA_PROG.get(key, "driver")
        h, m, s, f = clock(t)
        pid, thd = procs[prog]
        hdr = "%s %s %02d %02d:%02d:%02d.%09d %d: pid %d: thd-%s: %s: " % (
            weekday(YEAR, MONTH, DAY), MONTHS[MONTH - 1], DAY, h, m, s, f, YEAR, pid, thd, prog)
        host = rng.choice(hosts)
        disk = rng.choice(disks)
        handle[0] += rng.randint(0, 2)
        hd = "01-%05d" % (handle[0] + 1)
        dumper = "dumper%d" % rng.randint(0, 3)
        if key == "planner_result":
            full = rng.randint(80, 9_000_000)
            v = [el, host, disk, full, rng.randint(10, max(11, full // 8))]
        elif key == "promoted":
            v = [host, disk, cy((key, 2), [1, 2, 3, 2, 4])]
        elif key == "est_failed":
            v = [host, disk, cy((key, 2), [0, 1, 1, 2])]
        elif key == "add_hdisk":
            v = [cy((key, 0), [0, 1]), cy((key, 1), ["/amholding", "/amholding2"]),
                 cy((key, 2), [104857600, 52428800]), cy((key, 3), [1048576, 4194304])]
        elif key == "send_port_dump":
            lvl = rng.choice([0, 1, 1, 1, 2])
            v = [el, dumper, hd, rng.randint(11000, 11200), host, disk, disk, lvl,
                 "1970:1:1:0:0:0" if lvl == 0 else "2026:3:%d:1:%d:%d" % (rng.randint(7, 13), rng.randint(0, 59), rng.randint(0, 59))]
        elif key == "dumper_done":
            kb = rng.randint(30, 4_000_000)
            sec = rng.uniform(0.5, 900)
            v = [el, dumper, hd, kb, kb, int(sec), "%.3f" % sec, kb, "%.1f" % (kb / sec)]
        elif key == "chunker_done":
            kb = rng.randint(30, 4_000_000)
            sec = rng.uniform(0.5, 900)
            v = [el, "chunker%d" % rng.randint(0, 3), hd, kb, "%.3f" % sec, kb, "%.1f" % (kb / sec)]
        elif key == "dumper_failed":
            v = [el, dumper, hd, cy((key, 3), ["data timeout", "no backup size line",
                                                 "index tee cannot write [Broken pipe]",
                                                 "dump to tape failed: Connection refused"])]
        elif key == "taper_partdone":
            kb = rng.randint(1000, 10_000_000)
            sec = rng.uniform(1, 300)
            v = [el, cy((key, 1), ["taper0", "taper0", "taper1"]), hd, "DailySet1-%03d" % rng.randint(10, 14), rng.randint(1, 60), kb,
                 "%.3f" % sec, kb * 1024, "%.1f" % (kb / sec), kb + rng.randint(0, 500)]
        elif key == "hdisk_state":
            v = [el, cy((key, 1), [0, 0, 1]), rng.randint(1_000_000, 104_857_600), rng.randint(0, 4)]
        elif key == "state":
            v = [el, rng.randint(0, 80000), rng.randint(1_000_000, 157_286_400),
                 cy((key, 3), ["idle", "writing", "idle"]), rng.randint(0, 4), rng.randint(0, 6),
                 rng.randint(0, 30), rng.randint(0, 2), rng.randint(0, 1),
                 cy((key, 9), ["not-idle", "no-dumpers", "start-wait", "client-constrained", "not-idle"])]
        elif key in ("slot_usable", "slot_not_reusable"):
            v = [rng.randint(1, 24), "DailySet1-%03d" % rng.randint(1, 30)]
        elif key == "new_label":
            v = ["DailySet1-%03d" % rng.randint(31, 40)]
        out.append((t, len(out), hdr, key, v))
    return out


# ---------------------------------------------------------------------------
# 3. UrBackup -- simulation of client backup sessions plus cleanup runs
# ---------------------------------------------------------------------------
URB_EVENTS = [
    ("start_incr", "Starting scheduled incremental file backup..."),
    ("start_full", "Starting scheduled full file backup..."),
    ("start_image", 'Starting scheduled full image backup of volume "<*>"...'),
    ("backing_up", 'Backing up "<*>" with snapshot...'),
    ("indexing", 'Indexing of "<*>" done. <*> filesystem lookups <*> db lookups and <*> db updates'),
    ("load_list", "<*>: Loading file list..."),
    ("calc_diff", "<*>: Calculating file tree differences..."),
    ("linking", "<*>: Linking unchanged and loading new files..."),
    ("file_err", 'Error getting complete file "<*>" from <*>. Errorcode: <*> (<*>)'),
    ("offline", "Client <*> went offline."),
    ("transferred", "Transferred <*> - Average speed: <*>"),
    ("time_taken", "Time taken for backing up client <*>: <*>"),
    ("succeeded", "Backup succeeded"),
    ("del_file", 'Deleting file backup ( id=<*>, created=<*>, path=<*> ) from client "<*>" ( id=<*> ) ...'),
    ("del_image", 'Deleting image backup ( id=<*>, created=<*>, volume=<*>, path=<*> ) from client "<*>" ( id=<*> ) ...'),
]
URB_LEVEL = {"file_err": "WARNING", "offline": "ERROR"}
URB_HDR = r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}): (?:(?:WARNING|ERROR): )?"


def ymdhms_key(m):
    return tuple(int(g) for g in m.groups())


def fmt_size(b):
    for unit, div in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if b >= div:
            return "%.2f %s" % (b / div, unit)
    return "%d bytes" % b


def fmt_took(sec):
    sec = int(sec)
    h, m, s = sec // 3600, sec // 60 % 60, sec % 60
    if h:
        return "%dh %dm %ds" % (h, m, s)
    if m:
        return "%dm %ds" % (m, s)
    return "%ds" % s


def gen_urbackup(rng):
    cy = Cyc()
    out = []

    def emit(t, key, vals):
        h, m, s, _ = clock(t)
        lv = URB_LEVEL.get(key)
        hdr = "%d-%02d-%02d %02d:%02d:%02d: %s" % (YEAR, MONTH, DAY, h, m, s, (lv + ": ") if lv else "")
        out.append((t, len(out), hdr, key, vals))

    clients = [
        ("DESKTOP-7QK2M1", "win", ["C"], 3), ("laptop-anna", "win", ["C"], 7),
        ("srv-files01", "linux", ["root", "data"], 2), ("build-win2", "win", ["C", "D"], 11),
        ("accounting-pc3", "win", ["C"], 5), ("nuc-lab", "linux", ["home"], 14),
        ("ws-jdoe", "win", ["C", "D"], 9),
    ]
    winfiles = ["Users/{u}/AppData/Local/Microsoft/Outlook/{u}@example.org.ost",
                "Users/{u}/NTUSER.DAT", "Users/{u}/AppData/Local/Temp/~DF{x}.TMP",
                "Users/{u}/AppData/Roaming/Thunderbird/Profiles/{x}.default/places.sqlite-wal",
                "ProgramData/Microsoft/Search/Data/Applications/Windows/Windows.edb",
                "Users/{u}/Documents/Budget 2026 Q1.xlsx"]
    linfiles = ["var/lib/mysql/ibdata1", "home/{u}/.mozilla/firefox/{x}.default/cookies.sqlite",
                "var/log/journal/{x}/system.journal", "srv/share/scans/scan_{x}.pdf"]
    wusers = ["anna", "jdoe", "Buchhaltung", "kmeyer", "Administrator"]
    lusers = ["anna", "backup", "tom"]
    codes = [("CANNOT_OPEN_FILE", 3), ("TIMEOUT", 2), ("CANNOT_OPEN_FILE", 3), ("BASE_DIR_LOST", 5)]
    t0 = H(2) + S(rng.uniform(0, 20))
    for i in range(45):
        t0 += S(rng.expovariate(1 / 110.0)) + S(3)
        c = clients[rng.randrange(len(clients))]
        name = c[0]
        kind = "image" if i % 8 == 2 else ("full" if i % 8 == 5 else "incr")
        offline = (i % 5 == 3 and kind != "image")
        t = t0
        if kind == "image":
            vol = cy(("image", 0), ["C:", "D:", "C:", "ESP"])
            emit(t, "start_image", [vol])
            dur = rng.uniform(300, 2400)
            size = int(rng.uniform(2, 60) * 1024 ** 3)
        else:
            emit(t, "start_full" if kind == "full" else "start_incr", [])
            for vol in c[2]:
                t += S(rng.uniform(0.5, 4))
                emit(t, "backing_up", [vol])
                t += S(rng.uniform(3, 60))
                emit(t, "indexing", [vol, rng.randint(1000, 900000), rng.randint(0, 50000), rng.randint(0, 8000)])
            if kind == "incr":
                for key in ("load_list", "calc_diff", "linking"):
                    t += S(rng.uniform(0.5, 20))
                    emit(t, key, [name])
            dur = rng.uniform(60, 1500) if kind == "incr" else rng.uniform(600, 3000)
            size = int(rng.uniform(0.01, 3 if kind == "incr" else 40) * 1024 ** 3)
            n = rng.randint(1, 11)
            off_at = rng.randint(1, n) if offline else None
            for j, o in enumerate(sorted(rng.uniform(5, dur) for _ in range(n))):
                if c[1] == "win":
                    u = rng.choice(wusers)
                    p = rng.choice(winfiles).format(u=u, x=hexs(rng, 6).upper())
                else:
                    p = rng.choice(linfiles).format(u=rng.choice(lusers), x=hexs(rng, 8))
                code = cy(("file_err", 2), codes)
                emit(t + S(o), "file_err", [p, name, code[0], code[1]])
                if off_at is not None and j + 1 == off_at:
                    emit(t + S(o + rng.uniform(1, 40)), "offline", [name])
                    break
            if offline:
                continue
        t += S(dur)
        emit(t, "transferred", [fmt_size(size), "%.1f MBit/s" % (size * 8 / dur / 1e6)])
        t += S(rng.uniform(0.2, 3))
        emit(t, "time_taken", [name, fmt_took((t - t0) / NS)])
        emit(t, "succeeded", [])
    # cleanup runs
    tc = H(2) + S(rng.uniform(200, 500))
    bid = 4100
    for r in range(12):
        tc += S(rng.uniform(180, 420))
        for _ in range(rng.randint(1, 3)):
            c = clients[rng.randrange(len(clients))]
            bid += rng.randint(1, 40)
            dd, hh, mm = rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59)
            created = "2026-02-%02d %02d:%02d" % (dd, hh, mm)
            tc += S(rng.uniform(0.5, 30))
            if cy(("cleanup", 0), ["file", "file", "image"]) == "file":
                emit(tc, "del_file", [bid, created, "/media/urbackup/%s/2602%02d-%02d%02d" % (c[0], dd, hh, mm), c[0], c[3]])
            else:
                vol = c[2][0] if c[1] == "win" else "root"
                emit(tc, "del_image", [bid, created, vol + ":" if c[1] == "win" else vol,
                                       "/media/urbackup/%s/Image_%s_2602%02d-%02d%02d.vhdz" % (c[0], vol, dd, hh, mm),
                                       c[0], c[3]])
    return out


# ---------------------------------------------------------------------------
# 4. Duplicacy -- seeded shuffle of CLI -log output
# ---------------------------------------------------------------------------
DUP_EVENTS = [
    ("storage_set", "INFO", "STORAGE_SET", "Storage set to <*>"),
    ("last_backup", "INFO", "BACKUP_START", "Last backup at revision <*> found"),
    ("no_prev", "INFO", "BACKUP_START", "No previous backup found"),
    ("indexing", "INFO", "BACKUP_INDEXING", "Indexing <*>"),
    ("upload_file", "INFO", "UPLOAD_FILE", "Uploaded <*> (<*>)"),
    ("upload_chunk", "INFO", "UPLOAD_PROGRESS", "Uploaded chunk <*> size <*>, <*> <*> <*>"),
    ("backup_end", "INFO", "BACKUP_END", "Backup for <*> at revision <*> completed"),
    ("stats_files", "INFO", "BACKUP_STATS", "Files: <*> total, <*> bytes; <*> new, <*> bytes"),
    ("stats_chunks", "INFO", "BACKUP_STATS", "All chunks: <*> total, <*> bytes; <*> new, <*> bytes, <*> bytes uploaded"),
    ("stats_time", "INFO", "BACKUP_STATS", "Total running time: <*>"),
    ("open_fail", "WARN", "OPEN_FAILURE", "Failed to open file for reading: open <*>: <*>"),
    ("snap_delete", "INFO", "SNAPSHOT_DELETE", "Deleting snapshot <*> at revision <*>"),
    ("fossil", "INFO", "FOSSIL_COLLECT", "Fossil collection <*> saved"),
    ("check_ok", "INFO", "SNAPSHOT_CHECK", "All chunks referenced by snapshot <*> at revisions <*> - <*> exist"),
    ("upload_err", "ERROR", "UPLOAD_CHUNK", "Failed to upload the chunk <*>: <*>"),
]
DUP_COUNTS = [6, 8, 3, 8, 140, 58, 8, 8, 8, 8, 9, 20, 5, 6, 5]
DUP_HDR = r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{3}) (?:TRACE|DEBUG|INFO|WARN|ERROR|FATAL) [A-Z_]+ "


def dup_size(b):
    for unit, div in (("G", 1024 ** 3), ("M", 1024 ** 2), ("K", 1024)):
        if b >= div * 10:
            return "{:,}{}".format(b // div, unit)
    return "{:,}".format(b)


def gen_duplicacy(rng):
    cy = Cyc()
    meta = {k: (lv, lid) for k, lv, lid, _ in DUP_EVENTS}
    snaps = ["alice-laptop", "nas-docs", "pg-dumps", "bob-mbp", "photos"]
    repos = ["/home/alice", "/srv/nextcloud/data", "/Users/bob", "/var/backups/pgdump", "C:/Users/carol"]
    dirs = ["Documents", "Pictures/2026/03", "src/acme-api", ".config/Code/User", "Mail/INBOX",
            "projects/thesis/figures", "nextcloud/files/alice/Shared", "pgdump/daily"]
    names = ["report-q1.pdf", "IMG_%04d.JPG", "main.go", "settings.json", "mbox", "fig%d.svg",
             "notes.md", "invoice-%d.pdf", "db_%d.sql.zst", "package-lock.json"]
    start = H(3) + S(0.412)
    sched = shuffle_schedule(rng, list(zip([e[0] for e in DUP_EVENTS], DUP_COUNTS)), start, 9.0)
    out = []
    for t, key in sched:
        h, m, s, f = clock(t)
        lv, lid = meta[key]
        hdr = "%d-%02d-%02d %02d:%02d:%02d.%03d %s %s " % (YEAR, MONTH, DAY, h, m, s, f // 1_000_000, lv, lid)
        if key == "storage_set":
            v = [cy((key, 0), ["sftp://backup@nas01.home.lan//volume1/duplicacy", "b2://acme-dup-offsite",
                               "s3://s3.eu-central-1.wasabisys.com/dup-laptops", "/mnt/usb-backup/duplicacy"])]
        elif key == "last_backup":
            v = [rng.randint(12, 420)]
        elif key == "no_prev":
            v = []
        elif key == "indexing":
            v = [cy((key, 0), repos)]
        elif key == "upload_file":
            nm = rng.choice(names)
            if "%" in nm:
                nm = nm % rng.randint(1, 9999)
            v = ["%s/%s" % (rng.choice(dirs), nm), rng.randint(120, 90_000_000)]
        elif key == "upload_chunk":
            sp = rng.uniform(0.2, 40)
            v = [rng.randint(1, 2400), rng.randint(1_048_576, 16_777_216),
                 ("%.2fMB/s" % sp) if sp >= 1 else ("%dKB/s" % int(sp * 1024)),
                 hms(rng.randint(1, 5400)), "%.1f%%" % rng.uniform(0.1, 99.9)]
        elif key == "backup_end":
            v = [cy((key, 0), repos), rng.randint(13, 421)]
        elif key == "stats_files":
            tot = rng.randint(800, 400_000)
            v = [tot, dup_size(rng.randint(10 ** 8, 6 * 10 ** 11)), rng.randint(0, 400),
                 dup_size(rng.randint(0, 3 * 10 ** 9))]
        elif key == "stats_chunks":
            tot = rng.randint(500, 120_000)
            nb = rng.randint(0, 3 * 10 ** 9)
            v = [tot, dup_size(rng.randint(10 ** 9, 6 * 10 ** 11)), rng.randint(0, 700), dup_size(nb),
                 dup_size(int(nb * rng.uniform(0.3, 0.95)))]
        elif key == "stats_time":
            v = [hms(rng.randint(4, 7200))]
        elif key == "open_fail":
            v = [rng.choice(["/home/alice/.local/share/keyrings/login.keyring", "/home/alice/.ssh/id_ed25519",
                             "C:/Users/carol/NTUSER.DAT", "/srv/nextcloud/data/nextcloud.log",
                             "/Users/bob/Library/Mail/V10/MailData/Envelope Index-wal"]),
                 cy((key, 1), ["permission denied", "device or resource busy",
                               "The process cannot access the file because it is being used by another process."])]
        elif key == "snap_delete":
            v = [cy((key, 0), snaps), rng.randint(1, 380)]
        elif key == "fossil":
            v = [rng.randint(1, 60)]
        elif key == "check_ok":
            v = [cy((key, 0), snaps), rng.choice([1, 1, 3, 17]), rng.randint(40, 420)]
        elif key == "upload_err":
            v = [hexs(rng, 64),
                 cy((key, 1), ["read tcp 192.168.1.20:%d->104.153.233.177:443: read: connection reset by peer" % rng.randint(40000, 60000),
                               "RequestTimeout: Your socket connection to the server was not read from or written to within the timeout period.",
                               'sftp: "Failure" (SSH_FX_FAILURE)'])]
        out.append((t, len(out), hdr, key, v))
    return out


# ---------------------------------------------------------------------------
# 5. Zrepl -- simulation of push-job invocations (snapshot, replicate, prune)
# ---------------------------------------------------------------------------
ZREPL_EVENTS = [
    ("create_snap", 'creating snapshot fs="<*>" snap="<*>"'),
    ("start_repl", "start replication invocation=<*>"),
    ("start_step", 'start step fs="<*>" from="<*>" to="<*>"'),
    ("step_done", 'step done fs="<*>" replicated=<*> duration=<*>'),
    ("step_failed", 'step failed fs="<*>" err="<*>"'),
    ("repl_done", "replication done invocation=<*> duration=<*>"),
    ("prune_sender", "start pruning sender"),
    ("prune_receiver", "start pruning receiver"),
    ("destroy", 'destroying snapshots fs="<*>" count=<*>'),
    ("cmd_start", 'start command cmd="<*>"'),
    ("cmd_ok", "command exited without error usertime=<*> systemtime=<*>"),
    ("cmd_err", 'command exited with error err="<*>"'),
    ("wakeup", "wait for wakeup"),
    ("dial_fail", 'dial failed err="<*>"'),
]
ZREPL_META = {"create_snap": ("INFO", "snapshot"), "start_repl": ("INFO", "repl"), "start_step": ("INFO", "repl"),
              "step_done": ("INFO", "repl"), "step_failed": ("ERRO", "repl"), "repl_done": ("INFO", "repl"),
              "prune_sender": ("INFO", "pruning"), "prune_receiver": ("INFO", "pruning"),
              "destroy": ("INFO", "pruning"), "cmd_start": ("DEBG", "zfs.cmd"), "cmd_ok": ("DEBG", "zfs.cmd"),
              "cmd_err": ("WARN", "zfs.cmd"), "wakeup": ("INFO", "job"), "dial_fail": ("WARN", "rpc.transport")}
ZREPL_NOSPAN = {"wakeup", "dial_fail"}
ZREPL_HDR = (r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z \[(?:DEBG|INFO|WARN|ERRO)\]"
             r"\[[a-z0-9_]+\]\[[a-z._]+\](?:\[[A-Za-z0-9$.]+\])?: ")


def gen_zrepl(rng):
    cy = Cyc()
    out = []

    def emit(t, job, span, key, vals):
        h, m, s, _ = clock(t)
        lv, sub = ZREPL_META[key]
        sp = "" if key in ZREPL_NOSPAN else "[%s]" % span
        hdr = "%d-%02d-%02dT%02d:%02d:%02dZ [%s][%s][%s]%s: " % (YEAR, MONTH, DAY, h, m, s, lv, job, sub, sp)
        out.append((t, len(out), hdr, key, vals))

    jobs = [
        ("tank_to_backup", ["tank/home", "tank/projects", "tank/db/pg15", "tank/mail"], 600, 30),
        ("vm_to_offsite", ["ssd/vm/win11", "ssd/vm/gitlab", "ssd/vm/nextcloud"], 900, 170),
        ("laptop_push", ["rpool/USERDATA/anna_x1y2z3", "rpool/ROOT/ubuntu_q7w8e9"], 300, 95),
    ]
    errs = ["exit status 1", "signal: killed", "exit status 2"]
    step_errs = ["zfs send exited with status code 1: cannot hold: dataset does not exist",
                 "read tcp 10.0.5.11:41822->10.0.5.20:8888: i/o timeout",
                 "cannot receive incremental stream: destination ssd/vm has been modified since most recent snapshot"]
    last = {}
    nstep = 0
    ninv = 0
    for job, fss, interval, off in jobs:
        for fs in fss:
            last[fs] = "zrepl_20260314_0%d%02d%02d_000" % (rng.randint(7, 8), rng.randint(0, 59), rng.randint(0, 59))
    invs = []
    for jn, (job, fss, interval, off) in enumerate(jobs):
        for n in range(12):
            invs.append((H(9) + S(off + n * interval + rng.uniform(0, 3)), jn, n + 1))
    invs.sort()
    for t0, jn, invno in invs:
        job, fss, interval, off = jobs[jn]
        ninv += 1
        root = alnum(rng, 4) + "$" + alnum(rng, 4)
        span = root + "$" + alnum(rng, 4)
        t = t0
        h, m, s, _ = clock(t)
        snapname = "zrepl_%d%02d%02d_%02d%02d%02d_000" % (YEAR, MONTH, DAY, h, m, s)
        for fs in fss:
            fsspan = span + "." + alnum(rng, 4)
            emit(t, job, fsspan, "create_snap", [fs, snapname])
            t += S(rng.uniform(0.001, 0.05))
            emit(t, job, fsspan, "cmd_start", ["zfs snapshot %s@%s" % (fs, snapname)])
            t += S(rng.uniform(0.02, 0.6))
            emit(t, job, fsspan, "cmd_ok", ["%.3fs" % rng.uniform(0.001, 0.02), "%.3fs" % rng.uniform(0.002, 0.09)])
        t += S(rng.uniform(0.5, 3))
        if job == "vm_to_offsite" and invno % 2 == 1 or job == "laptop_push" and invno % 3 == 2:
            emit(t, job, None, "dial_fail",
                 [cy(("dial", 0), ["dial tcp 10.0.5.20:8888: connect: connection refused",
                                    "dial tcp 10.0.5.20:8888: i/o timeout",
                                    "dial tcp: lookup backup-zfs2.lan: no such host"])])
            t += S(rng.uniform(5, 20))
        rspan = root + "$" + alnum(rng, 4)
        emit(t, job, rspan, "start_repl", [invno])
        tr = t
        for fs in fss:
            nstep += 1
            sspan = rspan + "." + alnum(rng, 4)
            t += S(rng.uniform(0.1, 1.5))
            emit(t, job, sspan, "start_step", [fs, last[fs], snapname])
            t += S(rng.uniform(0.01, 0.2))
            emit(t, job, sspan, "cmd_start", ["zfs send -w -i %s@%s %s@%s" % (fs, last[fs], fs, snapname)])
            dur = rng.uniform(0.5, 90)
            t += S(dur)
            if nstep % 7 == 3:
                emit(t, job, sspan, "cmd_err", [cy(("cmd_err", 0), errs)])
                emit(t, job, sspan, "step_failed", [fs, cy(("step_failed", 1), step_errs)])
                continue
            emit(t, job, sspan, "cmd_ok", ["%.3fs" % (dur * rng.uniform(0.01, 0.2)), "%.3fs" % (dur * rng.uniform(0.05, 0.5))])
            emit(t, job, sspan, "step_done", [fs, fmt_size(int(rng.uniform(4, 4e9))).replace(" ", ""), "%.3fs" % dur])
            last[fs] = snapname
        emit(t, job, rspan, "repl_done", [invno, "%.3fs" % ((t - tr) / NS)])
        for side in ("prune_sender", "prune_receiver"):
            pspan = root + "$" + alnum(rng, 4)
            t += S(rng.uniform(0.2, 2))
            emit(t, job, pspan, side, [])
            for fs in fss:
                if rng.random() < 0.45:
                    continue
                fsspan = pspan + "." + alnum(rng, 4)
                k = rng.randint(1, 4)
                old = ",".join("zrepl_20260313_%02d%02d%02d_000" % (rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)) for _ in range(k))
                t += S(rng.uniform(0.05, 0.5))
                emit(t, job, fsspan, "destroy", [fs, k])
                target = fs if side == "prune_sender" else "backup/" + job + "/" + fs
                emit(t, job, fsspan, "cmd_start", ["zfs destroy %s@%s" % (target, old)])
                t += S(rng.uniform(0.1, 3))
                emit(t, job, fsspan, "cmd_ok", ["%.3fs" % rng.uniform(0.001, 0.05), "%.3fs" % rng.uniform(0.01, 0.4)])
        t += S(rng.uniform(0.01, 0.3))
        emit(t, job, None, "wakeup", [])
    return out


# ---------------------------------------------------------------------------
# 6. Sanoid -- seeded shuffle of sanoid/syncoid syslog lines
# ---------------------------------------------------------------------------
SANOID_EVENTS = [
    ("taking_all", "INFO: taking snapshots..."),
    ("taking", "taking snapshot <*>"),
    ("pruning_all", "INFO: pruning snapshots..."),
    ("pruning", "INFO: pruning <*> ..."),
    ("cache_remove", "INFO: removing destroyed snapshots from cache."),
    ("cache_expired", "INFO: cache expired - updating from zfs list."),
    ("could_not_remove", "could not remove <*> : <*>"),
    ("crit_old", "CRIT: <*> newest <*> snapshot is <*> old (should be < <*>)"),
    ("defer_prune", "INFO: deferring pruning of <*> - <*> is currently in zfs send or receive."),
    ("send_incr", "Sending incremental <*> ... <*> (~ <*>):"),
    ("send_full", "INFO: Sending oldest full snapshot <*> (~ <*>) to new target filesystem:"),
    ("update_new", "INFO: Updating new target filesystem with incremental <*> ... <*> (~ <*>):"),
    ("no_match", "CRITICAL ERROR: Target <*> exists but has no snapshots matching with <*>!"),
    ("resume", "Resuming interrupted zfs send/receive from <*> to <*> (~ <*> remaining):"),
]
SANOID_COUNTS = [15, 110, 15, 74, 8, 9, 4, 5, 6, 40, 4, 4, 3, 3]
SANOID_HDR = r"(" + MON_ALT + r") ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) [a-z0-9-]+ (?:sanoid|syncoid)\[\d+\]: "


def sanoid_key(m):
    return (MONTHS.index(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4)), int(m.group(5)))


def gen_sanoid(rng):
    cy = Cyc()
    syncoid = {"send_incr", "send_full", "update_new", "no_match", "resume"}
    dsets = ["tank/home", "tank/home/anna", "tank/media", "tank/vm/win11", "rpool/ROOT/debian", "tank/db", "tank/shares"]
    periods = [("hourly", 1), ("daily", 24), ("frequently", 0), ("monthly", 24 * 30)]

    def snapname(t, back_h, period):
        h, m, s, _ = clock(t)
        tot = h * 60 + m - int(back_h * 60)
        y, mon, d = YEAR, MONTH, DAY
        dim = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]  # 2025/2026 are not leap years
        while tot < 0:
            tot += 1440
            d -= 1
            if d < 1:
                mon -= 1
                if mon < 1:
                    y, mon = y - 1, 12
                d = dim[mon - 1]
        mm = 15 * ((tot % 60) // 15) if period == "frequently" else 0
        return "autosnap_%d-%02d-%02d_%02d:%02d:%02d_%s" % (y, mon, d, tot // 60, mm, rng.choice([0, 1, 1, 2]), period)

    def size():
        return rng.choice(["%d KB" % rng.randint(4, 900), "%.1f MB" % rng.uniform(1, 900), "%.1f GB" % rng.uniform(1, 40)])

    start = H(10) + S(1.5)
    sched = shuffle_schedule(rng, list(zip([k for k, _ in SANOID_EVENTS], SANOID_COUNTS)), start, 20.0)
    out = []
    for t, key in sched:
        h, m, s, _ = clock(t)
        prog = "syncoid" if key in syncoid else "sanoid"
        host = "nas01" if prog == "syncoid" else cy(("host", prog), ["nas01", "nas01", "backup-zfs2"])
        pid = 41000 + (t - start) // (NS * 40) * 7 + (13 if prog == "syncoid" else 0) + (311 if host == "backup-zfs2" else 0)
        hdr = "%s %2d %02d:%02d:%02d %s %s[%d]: " % (MONTHS[MONTH - 1], DAY, h, m, s, host, prog, pid)
        ds = rng.choice(dsets)
        per, ph = periods[rng.randrange(len(periods))]
        if key in ("taking_all", "pruning_all", "cache_remove", "cache_expired"):
            v = []
        elif key == "taking":
            v = ["%s@%s" % (ds, snapname(t, 0, cy((key, "period"), ["hourly", "frequently", "hourly", "frequently", "daily"])))]
        elif key == "pruning":
            v = ["%s@%s" % (ds, snapname(t, rng.uniform(max(ph, 0.25) * 2, max(ph, 0.25) * 4 + 24), per))]
        elif key == "could_not_remove":
            v = ["%s@%s" % (ds, snapname(t, 30, per)), cy((key, 1), [256, 512, 256])]
        elif key == "crit_old":
            per2 = cy((key, 1), ["hourly", "daily", "hourly"])
            v = [ds, per2, "%dh %dm" % (rng.randint(2, 40), rng.randint(0, 59)),
                 "1h 30m" if per2 == "hourly" else "1d 4h"]
        elif key == "defer_prune":
            v = ["%s@%s" % (ds, snapname(t, 50, per)), ds]
        elif key == "send_incr":
            a = snapname(t, rng.choice([1, 2, 24]), "hourly")
            b = snapname(t, 0, "hourly")
            v = ["%s@%s" % (ds, a), b, size()]
        elif key == "send_full":
            v = ["%s@%s" % (ds, snapname(t, rng.choice([24, 48, 72]), "daily")), size()]
        elif key == "update_new":
            v = ["%s@%s" % (ds, snapname(t, 48, "daily")), snapname(t, 0, "hourly"), size()]
        elif key == "no_match":
            v = ["backup/nas01/" + ds, ds]
        elif key == "resume":
            v = [ds, "backup/nas01/" + ds, size()]
        out.append((t, len(out), hdr, key, v))
    return out


# ---------------------------------------------------------------------------
SYSTEMS = [
    # k, name, kind, events [(key, template)], header regex, ts key fn, generator
    (1, "Bareos", "simulation", BAREOS_EVENTS, BAREOS_HDR, bareos_key, gen_bareos),
    (2, "Amanda", "shuffle", AMANDA_EVENTS, AMANDA_HDR, amanda_key, gen_amanda),
    (3, "UrBackup", "simulation", URB_EVENTS, URB_HDR, ymdhms_key, gen_urbackup),
    (4, "Duplicacy", "shuffle", [(e[0], e[3]) for e in DUP_EVENTS], DUP_HDR, ymdhms_key, gen_duplicacy),
    (5, "Zrepl", "simulation", ZREPL_EVENTS, ZREPL_HDR, ymdhms_key, gen_zrepl),
    (6, "Sanoid", "shuffle", SANOID_EVENTS, SANOID_HDR, sanoid_key, gen_sanoid),
]


def build(k, name, events, gen):
    rng = random.Random(BASE_SEED * 10 + k)
    recs = gen(rng)
    recs.sort(key=lambda r: (r[0], r[1]))
    recs = recs[:N_LINES]
    idx = {key: i for i, (key, _) in enumerate(events)}
    rows = []
    raw = []
    for n, (t, _, hdr, key, vals) in enumerate(recs, 1):
        tpl = events[idx[key]][1]
        content = fill(tpl, vals)
        raw.append(hdr + content)
        rows.append([n, content, "E%d" % (idx[key] + 1), tpl])
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        for line in raw:
            f.write(line + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def tpl_regex(tpl):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in tpl.split("<*>")) + "$", re.S)


def check(k, name, events, hdr_re, ts_key):
    errs = []
    d = os.path.join(OUT, name)
    with open(os.path.join(d, name + ".log"), "rb") as f:
        data = f.read()
    if not data.endswith(b"\n") or b"\r" in data:
        errs.append("log: bad line endings")
    lines = data.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, name + ".log_structured.csv"), "rb") as f:
        cdata = f.read()
    if not cdata.endswith(b"\n") or b"\r" in cdata:
        errs.append("csv: bad line endings")
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("csv header")
    rows = rows[1:]
    if len(lines) != N_LINES or len(rows) != N_LINES:
        errs.append("counts %d lines %d rows" % (len(lines), len(rows)))
    hre = re.compile(hdr_re)
    declared = {"E%d" % (i + 1): tpl for i, (_, tpl) in enumerate(events)}
    tpl_of = {}
    caps = {}
    counts = {}
    prev = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d: %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("row %d: LineId %s" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d: content not stripped/empty" % i)
        if not line.endswith(content):
            errs.append("row %d: raw line does not end with content" % i)
            continue
        m = hre.fullmatch(line[:len(line) - len(content)])
        if not m:
            errs.append("row %d: header mismatch %r" % (i, line[:len(line) - len(content)]))
            continue
        key = ts_key(m)
        if prev is not None and key < prev:
            errs.append("row %d: time goes back" % i)
        prev = key
        if not re.fullmatch(r"E\d+", eid) or eid not in declared:
            errs.append("row %d: bad EventId %s" % (i, eid))
            continue
        if declared[eid] != tpl:
            errs.append("row %d: template differs from declared" % i)
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append("row %d: two templates for %s" % (i, eid))
        mm = tpl_regex(tpl).fullmatch(content)
        if not mm:
            errs.append("row %d: template does not match content" % i)
            continue
        for j, g in enumerate(mm.groups()):
            caps.setdefault((eid, j), set()).add(g)
        counts[eid] = counts.get(eid, 0) + 1
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("duplicate templates")
    if len(set(declared.values())) != len(declared):
        errs.append("duplicate declared templates")
    missing = [e for e in declared if e not in counts]
    if missing:
        errs.append("declared events unused: %s" % missing)
    for eid, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            if len(caps.get((eid, j), ())) < 2:
                errs.append("%s slot %d has < 2 distinct values" % (eid, j))
    c = sorted(counts.values())
    if not 12 <= len(declared) <= 15:
        errs.append("event count %d" % len(declared))
    if c and c[0] < 3:
        errs.append("an event has < 3 lines: %s" % {e: n for e, n in counts.items() if n < 3})
    if sum(1 for n in c if 3 <= n <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    if c and c[-1] < 3 * statistics.median(c):
        errs.append("largest %d < 3x median %s" % (c[-1], statistics.median(c)))
    return errs, counts


def main():
    ok = True
    for k, name, kind, events, hdr_re, ts_key, gen in SYSTEMS:
        build(k, name, events, gen)
    for k, name, kind, events, hdr_re, ts_key, gen in SYSTEMS:
        errs, counts = check(k, name, events, hdr_re, ts_key)
        c = [counts.get("E%d" % (i + 1), 0) for i in range(len(events))]
        print("%-10s %-10s events=%2d lines=%d min=%d median=%s max=%d  %s" % (
            name, kind, len(events), sum(c), min(c), statistics.median(c), max(c),
            "OK" if not errs else "FAIL"))
        print("           counts: " + " ".join("E%d=%d" % (i + 1, n) for i, n in enumerate(c)))
        for e in errs[:20]:
            print("    !", e)
        ok = ok and not errs
    print("ALL CHECKS PASSED" if ok else "SELF-CHECK FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
