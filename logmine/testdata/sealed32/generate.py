#!/usr/bin/env python3
"""Sealed 32: blind labelled log corpus generator.

Python 3 standard library only.  Fully deterministic: no wall clock, no locale.
Base seed 20270123; system k (1..6) uses random.Random(20270123 * 10 + k).
All times come from an integer nanosecond clock on 2026-03-14 UTC.

Running this script writes <System>/<System>.log and
<System>/<System>.log_structured.csv for every system, then self-checks them.
"""

import csv
import os
import re
import statistics
import sys
import random

BASE_SEED = 20270123
N_LINES = 300
NS = 1_000_000_000
MS = 1_000_000
OUT = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


# ---------------------------------------------------------------------------
# clock
# ---------------------------------------------------------------------------

def days_from_civil(y, m, d):
    y -= 1 if m <= 2 else 0
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


DAY_START_NS = days_from_civil(2026, 3, 14) * 86400 * NS
DAY_END_NS = DAY_START_NS + 86400 * NS


def at(h, m=0, s=0):
    """Nanosecond clock value for a time of day on 2026-03-14 UTC."""
    return DAY_START_NS + ((h * 60 + m) * 60 + s) * NS


def clock_parts(ns):
    if not DAY_START_NS <= ns < DAY_END_NS:
        raise ValueError("clock left 2026-03-14: %d" % ns)
    sec, frac = divmod(ns - DAY_START_NS, NS)
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    return h, m, s, frac


def ts_syslog(ns):
    h, m, s, _ = clock_parts(ns)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[2], 14, h, m, s)


def ts_rfc3339_us(ns):
    h, m, s, frac = clock_parts(ns)
    return "2026-03-14T%02d:%02d:%02d.%06d+00:00" % (h, m, s, frac // 1000)


def ts_plain(ns):
    h, m, s, _ = clock_parts(ns)
    return "2026-03-14 %02d:%02d:%02d" % (h, m, s)


def printk_time(uptime_ns):
    sec, frac = divmod(uptime_ns, NS)
    return "[%5d.%06d]" % (sec, frac // 1000)


def expo_ns(rng, mean_ns):
    return 1 + int(rng.expovariate(1.0) * mean_ns)


# ---------------------------------------------------------------------------
# value helpers
# ---------------------------------------------------------------------------

HEXD = "0123456789abcdef"


def hx(rng, n):
    return "".join(rng.choice(HEXD) for _ in range(n))


def uuid4(rng):
    return "%s-%s-4%s-%s%s-%s" % (hx(rng, 8), hx(rng, 4), hx(rng, 3),
                                   rng.choice("89ab"), hx(rng, 3), hx(rng, 12))


def ptr(rng):
    return "0x%x" % (0x55d000000000 + (rng.getrandbits(32) << 4))


class Ctx:
    """Value source.  Pool draws cycle through the pool per (event, slot)."""

    def __init__(self, rng):
        self.rng = rng
        self.state = {}
        self.key = None
        self.slot = 0

    def begin(self, key):
        self.key = key
        self.slot = 0

    def pick(self, pool, tag=None):
        if tag is None:
            k = (self.key, self.slot, len(pool))
            self.slot += 1
        else:
            k = ("tag", tag)
        st = self.state.get(k)
        if st is None:
            order = list(range(len(pool)))
            self.rng.shuffle(order)
            st = self.state[k] = [order, 0]
        order, n = st
        st[1] = n + 1
        return pool[order[n % len(order)]]


def render(template, values):
    parts = template.split("<*>")
    if len(parts) - 1 != len(values):
        raise ValueError("slot count mismatch for %r: %r" % (template, values))
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        if not v or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, template))
        out.append(v)
        out.append(p)
    return "".join(out)


def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")))


# ---------------------------------------------------------------------------
# system container, writers, runners
# ---------------------------------------------------------------------------

class System:
    def __init__(self, k, name, mode, header_re, ts_key, events):
        self.k = k
        self.name = name
        self.mode = mode
        self.header_re = re.compile(header_re)
        self.ts_key = ts_key
        self.events = events
        self.eid = {}
        self.tpl = {}
        for i, (key, tpl) in enumerate(events, 1):
            if key in self.eid:
                raise ValueError("duplicate event key " + key)
            self.eid[key] = "E%d" % i
            self.tpl[key] = tpl
        self.rows = []      # (ns, header, content, key)

    def add(self, ns, header, key, values):
        self.rows.append((ns, header, render(self.tpl[key], values), key))

    def write(self):
        d = os.path.join(OUT, self.name)
        os.makedirs(d, exist_ok=True)
        if len(self.rows) != N_LINES:
            raise ValueError("%s: %d rows" % (self.name, len(self.rows)))
        with open(os.path.join(d, self.name + ".log"), "w", encoding="utf-8",
                  newline="\n") as f:
            for _, header, content, _ in self.rows:
                f.write(header + content + "\n")
        with open(os.path.join(d, self.name + ".log_structured.csv"), "w",
                  encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
            for i, (_, _, content, key) in enumerate(self.rows, 1):
                w.writerow([i, content, self.eid[key], self.tpl[key]])


def run_shuffle(system, rng, counts, gens, header_fn, start_ns, mean_gap_ns):
    ctx = Ctx(rng)
    seq = []
    for key, _ in system.events:
        seq.extend([key] * counts[key])
    if len(seq) != N_LINES:
        raise ValueError("%s: counts sum to %d" % (system.name, len(seq)))
    rng.shuffle(seq)
    t = start_ns
    for key in seq:
        t += expo_ns(rng, mean_gap_ns)
        ctx.begin(key)
        values = gens[key](ctx, t)
        ctx.begin(key + "#hdr")
        system.add(t, header_fn(ctx, t, key), key, values)


class Sim:
    """Collects (time, entity, seq, key, values) records from many entities."""

    def __init__(self, rng):
        self.rng = rng
        self.ctx = Ctx(rng)
        self.recs = []
        self.n = 0

    def emit(self, t, ent, key, values):
        self.recs.append((t, ent, self.n, key, values))
        self.n += 1

    def finish(self, system, header_fn):
        self.recs.sort(key=lambda r: (r[0], r[1], r[2]))
        for t, ent, _, key, values in self.recs[:N_LINES]:
            system.add(t, header_fn(t, key), key, values)


# ---------------------------------------------------------------------------
# 1. Mdadm  (seeded shuffle)
# ---------------------------------------------------------------------------

def build_mdadm():
    k = 1
    rng = random.Random(BASE_SEED * 10 + k)
    events = [
        ("check_start", "md: data-check of RAID array <*>"),
        ("check_done", "md: <*>: data-check done."),
        ("recov_start", "md: recovery of RAID array <*>"),
        ("recov_done", "md: <*>: recovery done."),
        ("r1_fail", "md/raid1:<*>: Disk failure on <*>, disabling device."),
        ("r1_cont", "md/raid1:<*>: Operation continuing on <*> devices."),
        ("r5_oper", "md/raid:<*>: device <*> operational as raid disk <*>"),
        ("r5_active", "md/raid:<*>: raid level <*> active with <*> out of <*> devices, algorithm 2"),
        ("capacity", "<*>: detected capacity change from 0 to <*>"),
        ("kick", "md: kicking non-fresh <*> from array!"),
        ("ev_degraded", "DegradedArray event detected on md device <*>"),
        ("ev_fail", "Fail event detected on md device <*>, component device <*>"),
        ("ev_rebuilt", "RebuildFinished event detected on md device <*>, component device mismatches found: <*> (on raid level <*>)"),
        ("ev_spare", "SpareActive event detected on md device <*>, component device <*>"),
        ("ev_new", "NewArray event detected on md device <*>"),
    ]
    counts = {
        "r5_oper": 72, "check_start": 34, "check_done": 31, "capacity": 26,
        "r5_active": 22, "ev_new": 20, "ev_degraded": 18, "recov_start": 16,
        "recov_done": 14, "ev_fail": 12, "r1_fail": 11, "r1_cont": 9,
        "ev_spare": 7, "ev_rebuilt": 5, "kick": 3,
    }
    system = System(k, "Mdadm", "shuffle",
                    r"(?P<ts>Mar 14 \d\d:\d\d:\d\d) [a-z0-9-]+ "
                    r"(?:kernel: \[ *\d+\.\d{6}\] |mdadm\[\d+\]: )",
                    lambda s: s, events)
    host = "nas-b12"
    mon_pid = 1187
    r1 = ["md0", "md1", "md126"]
    r5 = ["md2", "md3", "md127", "md125"]
    arrays = r1 + r5
    disks = ["sda1", "sdb1", "sdc1", "sdd1", "sde2", "sdf2", "nvme0n1p2",
             "nvme1n1p2", "sdg1", "sdh1", "sdi", "sdj"]
    mddevs = ["/dev/md0", "/dev/md/1", "/dev/md/data", "/dev/md127",
              "/dev/md2", "/dev/md/backup", "/dev/md/scratch"]
    sizes = ["1000070512640", "2000263577600", "3999953256448",
             "7999955091456", "11995048067072", "536736579584",
             "15998753882112"]

    def r5_active(c, t):
        total = int(c.pick(["4", "5", "6", "8", "3"]))
        level = c.pick(["5", "6"])
        active = total if c.rng.random() < 0.7 else total - 1
        return [c.pick(r5), level, active, total]

    gens = {
        "check_start": lambda c, t: [c.pick(arrays)],
        "check_done": lambda c, t: [c.pick(arrays)],
        "recov_start": lambda c, t: [c.pick(arrays)],
        "recov_done": lambda c, t: [c.pick(arrays)],
        "r1_fail": lambda c, t: [c.pick(r1), c.pick(disks)],
        "r1_cont": lambda c, t: [c.pick(r1), c.pick(["1", "2", "1"])],
        "r5_oper": lambda c, t: [c.pick(r5), c.pick(disks), c.rng.randint(0, 7)],
        "r5_active": r5_active,
        "capacity": lambda c, t: [c.pick(arrays), c.pick(sizes)],
        "kick": lambda c, t: [c.pick(disks)],
        "ev_degraded": lambda c, t: [c.pick(mddevs)],
        "ev_fail": lambda c, t: [c.pick(mddevs), "/dev/" + c.pick(disks)],
        "ev_rebuilt": lambda c, t: [c.pick(mddevs),
                                    c.pick(["0", "128", "2304", "0", "384"]),
                                    c.pick(["1", "5", "6", "10"])],
        "ev_spare": lambda c, t: [c.pick(mddevs), "/dev/" + c.pick(disks)],
        "ev_new": lambda c, t: [c.pick(mddevs)],
    }
    start = at(1, 47, 12) + rng.randrange(NS)
    boot = start - (4 * 86400 + 3 * 3600 + 1711) * NS - rng.randrange(NS)

    def header(c, t, key):
        if key.startswith("ev_"):
            pid = mon_pid if c.rng.random() < 0.8 else c.rng.randint(2000, 64000)
            return "%s %s mdadm[%d]: " % (ts_syslog(t), host, pid)
        return "%s %s kernel: %s " % (ts_syslog(t), host, printk_time(t - boot))

    run_shuffle(system, rng, counts, gens, header, start, 47 * NS)
    return system


# ---------------------------------------------------------------------------
# 2. Dmeventd  (seeded shuffle)
# ---------------------------------------------------------------------------

def build_dmeventd():
    k = 2
    rng = random.Random(BASE_SEED * 10 + k)
    events = [
        ("thin_mon", "Monitoring thin pool <*>."),
        ("thin_unmon", "No longer monitoring thin pool <*>."),
        ("thin_data", "WARNING: Thin pool <*> data is now <*> full."),
        ("thin_meta", "WARNING: Thin pool <*> metadata is now <*> full."),
        ("raid_mon", "Monitoring RAID device <*> for events."),
        ("raid_unmon", "No longer monitoring RAID device <*> for events."),
        ("raid_fail", "Device #<*> of <*> array, <*>, has failed."),
        ("raid_hint", "Use 'lvconvert --repair <*>' to replace failed device."),
        ("snap_mon", "Monitoring snapshot <*>."),
        ("snap_full", "WARNING: Snapshot <*> is now <*> full."),
        ("resize", "Size of logical volume <*> changed from <*> (<*> extents) to <*> (<*> extents)."),
        ("resized", "Logical volume <*> successfully resized."),
        ("vg_mon", "<*> logical volume(s) in volume group \"<*>\" monitored"),
        ("failed_cmd", "Failed command for <*>."),
        ("nospace", "Insufficient free space: <*> extents needed, but only <*> available"),
    ]
    counts = {
        "thin_data": 68, "thin_mon": 30, "thin_unmon": 27, "thin_meta": 25,
        "raid_mon": 22, "raid_unmon": 20, "vg_mon": 18, "resize": 16,
        "resized": 15, "snap_mon": 13, "snap_full": 12, "raid_fail": 10,
        "raid_hint": 10, "failed_cmd": 8, "nospace": 6,
    }
    system = System(k, "Dmeventd", "shuffle",
                    r"(?P<ts>2026-03-14T\d\d:\d\d:\d\d\.\d{6}\+00:00) [a-z0-9-]+ "
                    r"(?:dmeventd\[\d+\]: |lvm\[\d+\]: {3})",
                    lambda s: s, events)
    host = "kvm-lvm04"
    dm_pid = 734
    vgs = ["vg0", "vg_data", "vmstore", "pve", "vg_backup"]
    thin = ["vg_data-pool0-tpool", "vmstore-thinpool-tpool", "pve-data-tpool",
            "vg0-tpool1-tpool", "vg_backup-bkpool-tpool"]
    raids = [("vg0", "lv_raid"), ("vg_data", "mirror1"), ("vmstore", "r10_images"),
             ("vg_backup", "home"), ("pve", "vmroot")]
    snaps = ["vg0-snap_root", "vg_data-pre_upgrade", "pve-snap_vm101",
             "vg0-home_snap", "vmstore-nightly_0314"]
    subs = ["vg_data/pool0_tdata", "vmstore/thinpool_tdata", "pve/data_tmeta",
            "vg0/tpool1_tdata", "vg_backup/bkpool_tmeta"]

    def pct(c):
        return "%.2f%%" % c.rng.uniform(80.0, 99.95)

    def size(ext):
        mib = ext * 4
        if mib < 1024:
            return "%.2f MiB" % mib
        return "%.2f GiB" % (mib / 1024.0)

    def resize(c, t):
        lv = c.pick(subs)
        if lv.endswith("_tmeta"):
            old = c.rng.randint(8, 250)
        else:
            old = c.rng.randint(1280, 60000)
        new = old + max(1, (old * c.pick([20, 10, 25])) // 100)
        return [lv, size(old), old, size(new), new]

    def raid_fail(c, t):
        vg, lv = c.pick(raids)
        return [c.rng.randint(0, 3), c.pick(["raid1", "raid5", "raid6", "raid10"]),
                "%s-%s" % (vg, lv)]

    def nospace(c, t):
        need = c.rng.randint(16, 5120)
        return [need, c.rng.randint(0, need - 1)]

    gens = {
        "thin_mon": lambda c, t: [c.pick(thin)],
        "thin_unmon": lambda c, t: [c.pick(thin)],
        "thin_data": lambda c, t: [c.pick(thin), pct(c)],
        "thin_meta": lambda c, t: [c.pick(thin), pct(c)],
        "raid_mon": lambda c, t: ["%s-%s" % c.pick(raids)],
        "raid_unmon": lambda c, t: ["%s-%s" % c.pick(raids)],
        "raid_fail": raid_fail,
        "raid_hint": lambda c, t: ["%s/%s" % c.pick(raids)],
        "snap_mon": lambda c, t: [c.pick(snaps)],
        "snap_full": lambda c, t: [c.pick(snaps), pct(c)],
        "resize": resize,
        "resized": lambda c, t: [c.pick(subs)],
        "vg_mon": lambda c, t: [c.rng.randint(1, 14), c.pick(vgs)],
        "failed_cmd": lambda c, t: [c.pick(thin)],
        "nospace": nospace,
    }
    start = at(3, 5, 40) + rng.randrange(NS)

    def header(c, t, key):
        if key == "vg_mon":
            return "%s %s lvm[%d]:   " % (ts_rfc3339_us(t), host, c.rng.randint(400, 48000))
        return "%s %s dmeventd[%d]: " % (ts_rfc3339_us(t), host, dm_pid)

    run_shuffle(system, rng, counts, gens, header, start, 53 * NS)
    return system


# ---------------------------------------------------------------------------
# 3. LioTarget  (seeded shuffle)
# ---------------------------------------------------------------------------

def build_liotarget():
    k = 3
    rng = random.Random(BASE_SEED * 10 + k)
    events = [
        ("unsup_op", "iSCSI/<*>: Unsupported SCSI Opcode <*>, sending CHECK_CONDITION."),
        ("abort_found", "ABORT_TASK: Found referenced iSCSI task_tag: <*>"),
        ("abort_complete", "ABORT_TASK: Sending TMR_FUNCTION_COMPLETE for ref_tag: <*>"),
        ("abort_notexist", "ABORT_TASK: Sending TMR_TASK_DOES_NOT_EXIST for ref_tag: <*>"),
        ("login_timeout", "iSCSI Login timeout on Network Portal <*>"),
        ("login_failed", "iSCSI Login negotiation failed."),
        ("no_target", "Unable to locate Target IQN: <*> in Storage Node"),
        ("not_authorized", "iSCSI Initiator Node: <*> is not authorized to access iSCSI target portal group: <*>."),
        ("nopin", "Did not receive response to NOPIN on CID: <*>, failing connection for I_T Nexus <*>"),
        ("time2retain", "Time2Retain timer expired for SID: <*>, cleaning up iSCSI session."),
        ("bad_lun", "TARGET_CORE[iSCSI]: Detected NON_EXISTENT_LUN Access for <*> from <*>"),
        ("portal_add", "iSCSI_TPG[<*>] - Added Network Portal: <*> on <*>"),
        ("portal_del", "iSCSI_TPG[<*>] - Removed Network Portal: <*> on <*>"),
        ("rx_data", "rx_data returned <*>, expecting <*>."),
        ("dataout", "Unable to recover from DataOut timeout while in ERL=0, closing iSCSI connection for I_T Nexus <*>"),
    ]
    counts = {
        "rx_data": 70, "unsup_op": 35, "abort_found": 30, "abort_complete": 26,
        "login_timeout": 22, "nopin": 20, "login_failed": 18, "time2retain": 16,
        "bad_lun": 15, "abort_notexist": 12, "not_authorized": 11, "dataout": 9,
        "portal_add": 7, "portal_del": 5, "no_target": 4,
    }
    system = System(k, "LioTarget", "shuffle",
                    r"\[ *(?P<ts>\d+\.\d{6})\] ",
                    lambda s: int(s.replace(".", "")), events)
    inits = [
        "iqn.1998-01.com.vmware:esx-node03-5a2c1f3e",
        "iqn.1994-05.com.redhat:7c1e9a2b4d5f",
        "iqn.1991-05.com.microsoft:hv-host02.corp.example",
        "iqn.1998-01.com.vmware:esx-node07-0b9d44a1",
        "iqn.2004-10.com.ubuntu:01:8e3f2a6c91d0",
        "iqn.1994-05.com.redhat:k8s-worker-11",
    ]
    targets = [
        "iqn.2003-01.org.linux-iscsi.stor01.x8664:sn.4f2a91c0e7d3",
        "iqn.2003-01.org.linux-iscsi.stor01.x8664:sn.b81c5d0e2a47",
        "iqn.2024-06.net.example.san:vmfs-datastore2",
    ]
    bogus_targets = [
        "iqn.2003-01.org.linux-iscsi.stor02.x8664:sn.77e0a1c3f9b2",
        "iqn.2021-11.lan.lab:old-backup-lun",
        "iqn.2003-01.org.linux-iscsi.stor01.x8664:sn.4f2a91c0e7d4",
        "iqn.2019-02.com.example:quorum",
    ]
    portals = ["192.168.40.11:3260", "192.168.41.11:3260", "10.20.0.11:3260",
               "[fd00:40::11]:3260", "10.20.0.12:3260"]
    bind_portals = ["0.0.0.0:3260", "[::0]:3260", "10.20.0.11:3260",
                    "192.168.40.11:3260", "10.20.0.12:3261"]

    def nexus(c):
        return "%s,i,0x%s,%s,t,0x%02x" % (c.pick(inits), c.pick(["00023d000001", "00023d000002", "400001370000", "00e0ab120003"]),
                                          c.pick(targets), c.pick([1, 2]))

    def tag(c):
        return c.rng.randint(3, 4200000)

    gens = {
        "unsup_op": lambda c, t: [c.pick(inits), c.pick(["0xa3", "0x4d", "0x85", "0x9e", "0x83", "0xa0", "0x5a"])],
        "abort_found": lambda c, t: [tag(c)],
        "abort_complete": lambda c, t: [tag(c)],
        "abort_notexist": lambda c, t: [tag(c)],
        "login_timeout": lambda c, t: [c.pick(portals)],
        "login_failed": lambda c, t: [],
        "no_target": lambda c, t: [c.pick(bogus_targets)],
        "not_authorized": lambda c, t: [c.pick(inits), c.pick([1, 2, 3])],
        "nopin": lambda c, t: [c.pick([0, 1, 0]), nexus(c)],
        "time2retain": lambda c, t: [c.rng.randint(1, 240)],
        "bad_lun": lambda c, t: ["0x%08x" % c.pick([1, 2, 5, 8, 31, 255]), c.pick(inits)],
        "portal_add": lambda c, t: [c.pick([1, 2, 3]), c.pick(bind_portals), c.pick(["TCP", "TCP", "iSER"])],
        "portal_del": lambda c, t: [c.pick([1, 2, 3]), c.pick(bind_portals), c.pick(["TCP", "iSER", "TCP"])],
        "rx_data": lambda c, t: [c.pick(["-104", "0", "-32", "-110", "-104"]), c.pick([48, 8192, 65536, 48, 512])],
        "dataout": lambda c, t: [nexus(c)],
    }
    start = at(9, 12, 3) + rng.randrange(NS)
    boot = start - (7 * 3600 + 1402) * NS - rng.randrange(NS)

    def header(c, t, key):
        return printk_time(t - boot) + " "

    run_shuffle(system, rng, counts, gens, header, start, 41 * NS)
    return system


# ---------------------------------------------------------------------------
# 4. Tgtd  (simulation: iSCSI initiator connections + admin LUN operations)
# ---------------------------------------------------------------------------

def build_tgtd():
    k = 4
    rng = random.Random(BASE_SEED * 10 + k)
    events = [
        ("accept", "iscsi_tcp_event_handler(174) connection accepted from <*>"),
        ("sess_create", "session_create(183) session <*> created for <*>"),
        ("task", "iscsi_task_tx_start(2023) found a task <*> <*> <*> <*>"),
        ("nodata", "iscsi_task_tx_start(2068) no more data"),
        ("abort_set", "abort_task_set(1149) found <*> <*>"),
        ("abort_cmd", "abort_cmd(1125) found <*> <*>"),
        ("closed", "conn_close(101) connection closed, <*> <*>"),
        ("sesson", "conn_close(107) sesson <*> <*>"),
        ("force", "conn_close(128) Forcing release of pending task <*> <*>"),
        ("rxerr", "iscsi_rx_handler(2205) conn <*> rx failed, <*>"),
        ("ioerr", "bs_rdwr_request(370) io error <*> <*> <*> <*> <*>, <*>"),
        ("devmgmt", "device_mgmt(246) sz:<*> params:path=<*>"),
        ("bsthread", "bs_thread_open(412) <*>"),
        ("sess_destroy", "session_destroy(143) session <*> destroyed for <*>"),
    ]
    system = System(k, "Tgtd", "simulation",
                    r"(?P<ts>Mar 14 \d\d:\d\d:\d\d) [a-z0-9-]+ tgtd\[\d+\]: tgtd: ",
                    lambda s: s, events)
    host = "iscsi-gw02"
    pid = 1043
    inits = [
        ("iqn.1994-05.com.redhat:web07", "10.40.2.17"),
        ("iqn.1994-05.com.redhat:db-primary", "10.40.2.31"),
        ("iqn.1998-01.com.vmware:esxi-b04-61c2f0aa", "10.40.3.104"),
        ("iqn.1991-05.com.microsoft:fs02.ad.example.net", "10.40.5.22"),
        ("iqn.2004-10.com.ubuntu:01:c0ffee41d2a9", "10.40.2.58"),
        ("iqn.1994-05.com.redhat:backup-node1", "10.40.7.9"),
    ]
    backing = ["/var/lib/tgt/vol-web.img", "/dev/vg_iscsi/lun_db01",
               "/dev/disk/by-id/wwn-0x5000c500a1b2c3d4", "/srv/iscsi/archive-2026q1.img",
               "/dev/vg_iscsi/lun_vmfs02", "/dev/md/iscsi0"]
    reasons = ["Connection reset by peer", "Connection timed out", "Broken pipe",
               "No route to host", "Connection reset by peer"]
    sim = Sim(rng)
    c = sim.ctx
    t0 = at(6, 12, 9) + rng.randrange(NS)

    def connection(ent, t):
        iqn, ip = c.pick(inits, tag="init")
        c.begin("accept")
        sim.emit(t, ent, "accept", ["%s:%d" % (ip, rng.randint(32768, 60999))])
        t += expo_ns(rng, 15 * MS)
        sid = "0x%x" % (rng.getrandbits(40) | (1 << 39))
        sim.emit(t, ent, "sess_create", [sid, iqn])
        conn_ptr = ptr(rng)
        itt = rng.randrange(0x10, 0x400)
        ncmd = 1 + int(rng.expovariate(1.0) * 5)
        pending = None
        for _ in range(ncmd):
            t += expo_ns(rng, 24 * NS)
            itt += rng.randint(1, 60)
            c.begin("task")
            sim.emit(t, ent, "task", ["%x" % itt, c.pick([4096, 8192, 65536, 131072, 524288]),
                                      c.pick([0, 0, 65536, 262144]), c.pick([0, 1, 0])])
            if rng.random() < 0.55:
                t += expo_ns(rng, 3 * MS)
                sim.emit(t, ent, "nodata", [])
            r = rng.random()
            if r < 0.05:
                t += expo_ns(rng, 40 * MS)
                c.begin("ioerr")
                sim.emit(t, ent, "ioerr", [ptr(rng), c.pick(["2a", "28", "8a", "35"]),
                                           c.pick(["-1", "0"]), c.pick([4096, 65536, 131072, 512]),
                                           rng.randrange(0, 1 << 34, 512),
                                           c.pick(["Input/output error", "No space left on device",
                                                   "Success"])])
            elif r < 0.09:
                t += expo_ns(rng, 30 * NS)
                c.begin("abort_cmd")
                sim.emit(t, ent, "abort_cmd", ["%x" % itt, c.pick([6, 0, 6])])
                pending = itt
            elif r < 0.135:
                t += expo_ns(rng, 30 * NS)
                c.begin("abort_set")
                sim.emit(t, ent, "abort_set", ["%x" % itt, c.pick([0, 1, 2])])
                pending = itt
        t += expo_ns(rng, 40 * NS)
        if rng.random() < 0.4:
            c.begin("rxerr")
            sim.emit(t, ent, "rxerr", [conn_ptr, c.pick(reasons)])
            t += expo_ns(rng, 2 * MS)
        c.begin("closed")
        sim.emit(t, ent, "closed", [conn_ptr, c.pick([1, 2, 1])])
        if pending is not None or rng.random() < 0.15:
            t += expo_ns(rng, 1 * MS)
            sim.emit(t, ent, "force", [ptr(rng), "%x" % (pending if pending is not None else itt)])
        t += expo_ns(rng, 1 * MS)
        c.begin("sesson")
        sim.emit(t, ent, "sesson", [ptr(rng), c.pick([1, 0, 1])])
        t += expo_ns(rng, 1 * MS)
        sim.emit(t, ent, "sess_destroy", [sid, iqn])

    def admin(ent, t):
        path = c.pick(backing, tag="backing")
        params = "path=" + path
        c.begin("devmgmt")
        sim.emit(t, ent, "devmgmt", [len(params) + 20, path])
        t += expo_ns(rng, 4 * MS)
        c.begin("bsthread")
        sim.emit(t, ent, "bsthread", [c.pick([16, 8, 16, 4])])

    ent = 0
    t = t0
    for _ in range(40):
        t += expo_ns(rng, 150 * NS)
        connection(ent, t)
        ent += 1
    t = t0
    for _ in range(12):
        t += expo_ns(rng, 9 * 60 * NS)
        admin(ent, t)
        ent += 1

    def header(t, key):
        return "%s %s tgtd[%d]: tgtd: " % (ts_syslog(t), host, pid)

    sim.finish(system, header)
    return system


# ---------------------------------------------------------------------------
# 5. Drbd  (simulation: DRBD resources with peer connections)
# ---------------------------------------------------------------------------

def build_drbd():
    k = 5
    rng = random.Random(BASE_SEED * 10 + k)
    events = [
        ("worker", "drbd <*>: Starting worker thread (from drbdsetup [<*>])"),
        ("sender", "drbd <*> <*>: Starting sender thread (from drbdsetup [<*>])"),
        ("conn", "drbd <*> <*>: conn( <*> -> <*> )"),
        ("handshake", "drbd <*> <*>: Handshake to peer <*> successful: Agreed network protocol version <*>"),
        ("prep", "drbd <*>: Preparing cluster-wide state change <*> (<*>-><*> <*>/<*>)"),
        ("commit", "drbd <*>: Committing cluster-wide state change <*> (<*>)"),
        ("connpeer", "drbd <*> <*>: conn( <*> -> <*> ) peer( <*> -> <*> )"),
        ("pdskrepl", "drbd <*>/<*> <*> <*>: pdsk( <*> -> <*> ) repl( <*> -> <*> )"),
        ("resync_begin", "drbd <*>/<*> <*> <*>: Began resync as <*> (will sync <*> KB [<*> bits set])."),
        ("resync_done", "drbd <*>/<*> <*> <*>: Resync done (total <*> sec; paused 0 sec; <*> K/sec)"),
        ("role", "drbd <*>: role( <*> -> <*> )"),
        ("pingack", "drbd <*> <*>: PingAck did not arrive in time."),
        ("closed", "drbd <*> <*>: Connection closed"),
        ("helper", "drbd <*> <*>: helper command: /sbin/drbdadm disconnected"),
        ("helper_rc", "drbd <*> <*>: helper command: /sbin/drbdadm disconnected exit code 0"),
    ]
    system = System(k, "Drbd", "simulation",
                    r"(?P<ts>Mar 14 \d\d:\d\d:\d\d) [a-z0-9-]+ kernel: ",
                    lambda s: s, events)
    host = "stor-a1"
    # name, local node-id, peers (name, node-id), volumes (vol, minor)
    resources = [
        ("r0", 0, [("stor-b1", 1)], [(0, "drbd0")]),
        ("pgdata", 1, [("stor-b1", 0)], [(0, "drbd10"), (1, "drbd11")]),
        ("vmstore", 0, [("stor-b1", 1), ("stor-c1", 2)], [(0, "drbd20")]),
        ("web", 2, [("stor-b1", 0), ("stor-c1", 1)], [(0, "drbd30")]),
        ("mail", 1, [("stor-c1", 2)], [(0, "drbd40"), (1, "drbd41")]),
        ("nfs_home", 0, [("stor-c1", 2), ("stor-b1", 1)], [(0, "drbd50")]),
    ]
    protos = {"stor-b1": 121, "stor-c1": 122}
    masks = ["1", "3", "7", "6", "5", "3"]
    mvals = ["0", "2", "4", "1", "2"]
    sim = Sim(rng)
    c = sim.ctx

    def step(t, mean=4 * MS):
        return t + expo_ns(rng, mean)

    def resource(ent, t, res):
        name, me, peers, vols = res
        role = "Secondary"
        peer_role = {p: "Secondary" for p, _ in peers}
        setup_pid = rng.randint(1800, 31000)
        sim.emit(t, ent, "worker", [name, setup_pid])
        for p, _ in peers:
            t = step(t)
            sim.emit(t, ent, "sender", [name, p, setup_pid])
        for p, _ in peers:
            t = step(t)
            sim.emit(t, ent, "conn", [name, p, "StandAlone", "Unconnected"])
            t = step(t)
            sim.emit(t, ent, "conn", [name, p, "Unconnected", "Connecting"])

        def connect(t, p, pid_, resync):
            t = step(t, 300 * MS)
            sim.emit(t, ent, "handshake", [name, p, pid_, protos[p]])
            sc = rng.randint(10 ** 9, 4294967295)
            t = step(t, 2 * MS)
            c.begin("prep")
            sim.emit(t, ent, "prep", [name, sc, me, pid_, c.pick(masks), c.pick(mvals)])
            t = step(t, 6 * MS)
            c.begin("commit")
            sim.emit(t, ent, "commit", [name, sc, "%dms" % rng.randint(0, 40)])
            pr = "Secondary" if role == "Primary" else c.pick(["Secondary", "Primary", "Secondary"], tag="pr")
            peer_role[p] = pr
            t = step(t, 1 * MS)
            sim.emit(t, ent, "connpeer", [name, p, "Connecting", "Connected", "Unknown", pr])
            for v, minor in vols:
                t = step(t, 2 * MS)
                if resync:
                    source = role == "Primary" or rng.random() < 0.5
                    if source:
                        sim.emit(t, ent, "pdskrepl", [name, v, minor, p, "DUnknown", "Outdated", "Off", "WFBitMapS"])
                    else:
                        sim.emit(t, ent, "pdskrepl", [name, v, minor, p, "DUnknown", "UpToDate", "Off", "WFBitMapT"])
                    kb = rng.randint(1, 4000) * 4 * rng.choice([1, 16, 256])
                    t = step(t, 20 * MS)
                    sim.emit(t, ent, "resync_begin", [name, v, minor, p,
                                                      "SyncSource" if source else "SyncTarget",
                                                      kb, kb // 4])
                    rate = rng.randint(20000, 480000)
                    secs = max(1, kb // rate)
                    t += secs * NS + rng.randrange(NS)
                    sim.emit(t, ent, "resync_done", [name, v, minor, p, secs, kb // secs])
                    if source:
                        t = step(t)
                        sim.emit(t, ent, "pdskrepl", [name, v, minor, p, "Inconsistent", "UpToDate", "SyncSource", "Established"])
                else:
                    sim.emit(t, ent, "pdskrepl", [name, v, minor, p, "DUnknown", "UpToDate", "Off", "Established"])
            return t

        for p, pid_ in peers:
            t = connect(t, p, pid_, rng.random() < 0.3)

        for _ in range(30):
            t += expo_ns(rng, 7 * 60 * NS)
            r = rng.random()
            if r < 0.45:
                sc = rng.randint(10 ** 9, 4294967295)
                c.begin("prep")
                sim.emit(t, ent, "prep", [name, sc, me, -1, c.pick(masks), c.pick(mvals)])
                t = step(t, 8 * MS)
                c.begin("commit")
                sim.emit(t, ent, "commit", [name, sc, "%dms" % rng.randint(0, 60)])
                t = step(t, 1 * MS)
                new = "Primary" if role == "Secondary" else "Secondary"
                sim.emit(t, ent, "role", [name, role, new])
                role = new
            else:
                p, pid_ = peers[rng.randrange(len(peers))]
                if rng.random() < 0.7:
                    sim.emit(t, ent, "pingack", [name, p])
                    t = step(t, 1 * MS)
                sim.emit(t, ent, "connpeer", [name, p, "Connected", "NetworkFailure", peer_role[p], "Unknown"])
                for v, minor in vols:
                    t = step(t, 1 * MS)
                    sim.emit(t, ent, "pdskrepl", [name, v, minor, p, "UpToDate", "DUnknown", "Established", "Off"])
                t = step(t, 30 * MS)
                sim.emit(t, ent, "closed", [name, p])
                t = step(t, 2 * MS)
                sim.emit(t, ent, "helper", [name, p])
                t = step(t, 25 * MS)
                sim.emit(t, ent, "helper_rc", [name, p])
                t = step(t, 1 * MS)
                sim.emit(t, ent, "conn", [name, p, "NetworkFailure", "Unconnected"])
                t = step(t, 1 * MS)
                sim.emit(t, ent, "conn", [name, p, "Unconnected", "Connecting"])
                t += expo_ns(rng, 45 * NS)
                t = connect(t, p, pid_, rng.random() < 0.6)

    t = at(4, 30, 0) + rng.randrange(NS)
    order = list(range(len(resources)))
    for ent in order:
        resource(ent, t, resources[ent])
        t += expo_ns(rng, 4 * 60 * NS)

    def header(t, key):
        return "%s %s kernel: " % (ts_syslog(t), host)

    sim.finish(system, header)
    return system


# ---------------------------------------------------------------------------
# 6. Sanlock  (seeded shuffle)
# ---------------------------------------------------------------------------

def build_sanlock():
    k = 6
    rng = random.Random(BASE_SEED * 10 + k)
    events = [
        ("lockspace", "<*> lockspace <*>:<*>:<*>:0"),
        ("resource", "<*>:<*> resource <*>:<*>:<*>:<*> for <*>,<*>,<*>"),
        ("read_timeout", "<*> delta_renew read timeout 10 sec offset 0 <*>"),
        ("renew_err", "<*> renewal error <*> delta_length <*> last_success <*>"),
        ("lease_warn", "<*> check_our_lease warning <*> last_success <*>"),
        ("lease_failed", "<*> check_our_lease failed <*>"),
        ("kill", "<*> kill <*> sig <*> count <*>"),
        ("pids_clear", "<*> all pids clear"),
        ("held_err", "<*>:<*> acquire_token held error <*>"),
        ("owned", "<*>:<*> cmd_acquire <*>,<*>,<*> acquire_token -243 lease owned by other host"),
        ("long_write", "<*> delta_renew long write time <*> sec"),
        ("add_fail", "<*> add_lockspace fail result <*>"),
        ("host", "<*> host <*> <*> <*> <*>"),
        ("cmd_acquire", "cmd_acquire <*>,<*>,<*> ci_in <*> fd <*> count <*> flags 0"),
        ("cmd_release", "cmd_release <*>,<*>,<*> ci_in <*> fd <*> count <*> flags 0"),
    ]
    counts = {
        "host": 66, "resource": 32, "cmd_acquire": 30, "cmd_release": 27,
        "lockspace": 24, "renew_err": 20, "lease_warn": 18, "read_timeout": 16,
        "long_write": 15, "held_err": 14, "owned": 12, "kill": 10,
        "pids_clear": 8, "lease_failed": 5, "add_fail": 3,
    }
    system = System(k, "Sanlock", "shuffle",
                    r"(?P<ts>2026-03-14 \d\d:\d\d:\d\d) \d+ \[\d+\]: ",
                    lambda s: s, events)
    sd1, sd2, sd3 = uuid4(rng), uuid4(rng), uuid4(rng)
    # (name, our host_id, ids path, leases path, lockspace thread tid)
    spaces = [
        (sd1, 3, "/dev/%s/ids" % sd1, "/dev/%s/leases" % sd1, 2214),
        (sd2, 3, "/rhev/data-center/mnt/nfs01.lab.example:_export_data/%s/dom_md/ids" % sd2,
         "/rhev/data-center/mnt/nfs01.lab.example:_export_data/%s/dom_md/leases" % sd2, 2390),
        ("lvm_vgshared", 7, "/dev/mapper/vgshared-lvmlock", "/dev/mapper/vgshared-lvmlock", 2511),
        (sd3, 3, "/dev/%s/ids" % sd3, "/dev/%s/leases" % sd3, 2702),
        ("lvm_vgcluster", 2, "/dev/mapper/vgcluster-lvmlock", "/dev/mapper/vgcluster-lvmlock", 2866),
    ]
    hosts = {}
    for hid in range(1, 9):
        hosts[hid] = "%s.hv%02d.lab.example" % (uuid4(rng), hid)
    lv_locks = ["VGLK", "GLLK", uuid4(rng)[:8], "t7Rk2q-Xw1b-9LmN-pQ4v-Z0sY-aB3c-D5eF6g"]
    clients = [(2, 9, 3581), (3, 12, 3581), (4, 14, 8812), (5, 17, 8812), (6, 19, 12044), (2, 10, 4410)]
    main_tid = 1022
    worker_tids = [1029, 1030, 1031, 1032]
    mono0 = 190000 + rng.randint(0, 9999)
    start = at(12, 40, 17) + rng.randrange(NS)

    def sp(c):
        i = c.pick(list(range(len(spaces))))
        return i, "s%d" % (i + 1), spaces[i]

    def mono(t):
        return mono0 + (t - start) // NS

    def lockspace(c, t):
        i, s, (name, hid, ids, _, _) = sp(c)
        return [s, name, hid, ids]

    def resource(c, t):
        i, s, (name, hid, _, leases, _) = sp(c)
        if name.startswith("lvm_"):
            res = c.pick(lv_locks)
            off = c.pick([65536, 69206016, 70254592, 71303168])
        else:
            res = c.pick(["SDM", uuid4(c.rng), uuid4(c.rng)])
            off = 1048576 * c.pick([1, 105, 106, 117, 2003])
        cl = c.pick(clients)
        return [s, "r%d" % c.rng.randint(1, 64), name, res, leases, off, cl[0], cl[1], cl[2]]

    def renew_err(c, t):
        _, s, _ = sp(c)
        d = c.pick([10, 20, 30, 10, 40])
        return [s, c.pick(["-202", "-5", "-223", "-202"]), d, mono(t) - d - c.rng.randint(0, 10)]

    def lease_warn(c, t):
        _, s, _ = sp(c)
        w = c.rng.randint(60, 79)
        return [s, w, mono(t) - w]

    def cmd(c, t):
        cl = c.pick(clients)
        return [cl[0], cl[1], cl[2], cl[0], cl[1], c.pick([1, 1, 2, 3])]

    def host_line(c, t):
        _, s, _ = sp(c)
        hid = c.pick(list(range(1, 9)))
        return [s, hid, c.rng.randint(1, 40), c.rng.randint(1000, 2900000), hosts[hid]]

    gens = {
        "lockspace": lockspace,
        "resource": resource,
        "read_timeout": lambda c, t: (lambda r: [r[1], r[2][2]])(sp(c)),
        "renew_err": renew_err,
        "lease_warn": lease_warn,
        "lease_failed": lambda c, t: [sp(c)[1], c.pick([80, 80, 81, 82])],
        "kill": lambda c, t: [sp(c)[1], c.pick([3581, 8812, 12044, 4410, 27719]),
                              c.pick([15, 15, 9]), c.rng.randint(1, 40)],
        "pids_clear": lambda c, t: [sp(c)[1]],
        "held_err": lambda c, t: [sp(c)[1], "r%d" % c.rng.randint(1, 64),
                                  c.pick(["-243", "-17", "-11", "-243"])],
        "owned": lambda c, t: (lambda s, cl: [s, "r%d" % c.rng.randint(1, 64), cl[0], cl[1], cl[2]])(sp(c)[1], c.pick(clients)),
        "long_write": lambda c, t: [sp(c)[1], c.rng.randint(11, 58)],
        "add_fail": lambda c, t: [sp(c)[1], c.pick(["-19", "-90", "-223", "-5"])],
        "host": host_line,
        "cmd_acquire": cmd,
        "cmd_release": cmd,
    }

    def header(c, t, key):
        row = system_last[0]
        if key in ("cmd_acquire", "cmd_release", "owned"):
            tid = c.pick(worker_tids)
        elif key in ("add_fail",):
            tid = main_tid
        else:
            tid = spaces[int(row[0][1:].split(":")[0]) - 1][4] if row else main_tid
        return "%s %d [%d]: " % (ts_plain(t), mono(t), tid)

    # header needs the lockspace chosen for the line's values
    system_last = [None]
    wrapped = {}
    for key, g in gens.items():
        def w(c, t, g=g):
            vals = g(c, t)
            system_last[0] = vals
            return vals
        wrapped[key] = w
    run_shuffle(system, rng, counts, wrapped, header, start, 38 * NS)
    return system


# ---------------------------------------------------------------------------
# self-check
# ---------------------------------------------------------------------------

def check(system):
    d = os.path.join(OUT, system.name)
    logp = os.path.join(d, system.name + ".log")
    csvp = os.path.join(d, system.name + ".log_structured.csv")
    for p in (logp, csvp):
        with open(p, "rb") as f:
            raw = f.read()
        assert raw.endswith(b"\n"), p + ": no final newline"
        assert b"\r" not in raw, p + ": contains CR"
    with open(logp, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    assert len(lines) == N_LINES, "%s: %d lines" % (logp, len(lines))
    with open(csvp, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], rows[0]
    rows = rows[1:]
    assert len(rows) == N_LINES, "%s: %d rows" % (csvp, len(rows))
    declared = {system.eid[key]: tpl for key, tpl in system.events}
    tpl_of = {}
    caps = {}
    counts = {}
    prev = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        assert len(row) == 4, (i, row)
        lid, content, eid, tpl = row
        assert lid == str(i), (i, lid)
        assert content and content == content.strip(), (i, content)
        assert line.endswith(content), (i, line)
        header = line[:len(line) - len(content)]
        m = system.header_re.fullmatch(header)
        assert m, (system.name, i, header)
        key = system.ts_key(m.group("ts"))
        assert prev is None or key >= prev, (system.name, i, "time went back")
        prev = key
        assert re.fullmatch(r"E\d+", eid), eid
        if eid in tpl_of:
            assert tpl_of[eid] == tpl, (eid, tpl)
        else:
            tpl_of[eid] = tpl
        assert declared.get(eid) == tpl, (eid, tpl)
        mm = template_regex(tpl).fullmatch(content)
        assert mm, (system.name, i, content, tpl)
        for j, g in enumerate(mm.groups()):
            caps.setdefault((eid, j), set()).add(g)
        counts[eid] = counts.get(eid, 0) + 1
    assert len(set(tpl_of.values())) == len(tpl_of), "templates not distinct"
    assert set(tpl_of) == set(declared), (system.name, "unused events",
                                          sorted(set(declared) - set(tpl_of)))
    for eid, tpl in tpl_of.items():
        for j in range(tpl.count("<*>")):
            assert len(caps[(eid, j)]) >= 2, (system.name, eid, j, tpl, caps[(eid, j)])
    c = sorted(counts.values())
    assert 12 <= len(c) <= 15, (system.name, len(c))
    assert c[0] >= 3, (system.name, counts)
    assert sum(1 for x in c if 3 <= x <= 10) >= 3, (system.name, counts)
    med = statistics.median(c)
    assert c[-1] >= 3 * med, (system.name, c[-1], med)
    return c, med


def main():
    builders = [build_mdadm, build_dmeventd, build_liotarget, build_tgtd,
                build_drbd, build_sanlock]
    systems = []
    for b in builders:
        s = b()
        s.write()
        systems.append(s)
    ok = True
    for s in systems:
        try:
            c, med = check(s)
            first = ts_rfc3339_us(s.rows[0][0])[11:19]
            last = ts_rfc3339_us(s.rows[-1][0])[11:19]
            print("%-10s %-10s lines=%d events=%d min=%d median=%g max=%d small=%d span=%s..%s OK"
                  % (s.name, s.mode, len(s.rows), len(c), c[0], med, c[-1],
                     sum(1 for x in c if 3 <= x <= 10), first, last))
        except AssertionError as e:
            ok = False
            print("%-10s FAILED: %s" % (s.name, e))
    if not ok:
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
