#!/usr/bin/env python3
"""Round 25 blind labelled log corpus generator.

Python 3 standard library only and fully deterministic: no wall clock, no
locale (month names come from a fixed list).  Base seed 20270104; system k
(1..6) uses random.Random(20270104 * 10 + k).  All time stamps come from an
integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system next to this file and then re-reads and self-checks them.
"""
import csv
import itertools
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270104
N_LINES = 300
OUT_DIR = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
NS = 1_000_000_000
MS = 1_000_000
US = 1_000


# ---------------------------------------------------------------- time ---
def days_from_civil(y, m, d):
    """Days since 1970-01-01 of a proleptic Gregorian date (integer math)."""
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


DAY_START_NS = days_from_civil(YEAR, MONTH, DAY) * 86400 * NS
DAY_END_NS = DAY_START_NS + 86400 * NS


def at(h, m=0, s=0):
    return DAY_START_NS + ((h * 60 + m) * 60 + s) * NS


def hms(ns):
    assert DAY_START_NS <= ns < DAY_END_NS, "clock left 2026-03-14"
    sod = (ns - DAY_START_NS) // NS
    h, rem = divmod(sod, 3600)
    mi, s = divmod(rem, 60)
    return h, mi, s


def t_hms(ns):
    return "%02d:%02d:%02d" % hms(ns)


def t_syslog(ns):                      # "Mar 14 03:12:45"
    return "%s %2d %s" % (MONTHS[MONTH - 1], DAY, t_hms(ns))


def t_iso_monit(ns):                   # "2026-03-14T03:12:45+0000"
    return "%04d-%02d-%02dT%s+0000" % (YEAR, MONTH, DAY, t_hms(ns))


def t_ymd_hms(ns):                     # "2026-03-14 03:12:45"
    return "%04d-%02d-%02d %s" % (YEAR, MONTH, DAY, t_hms(ns))


def t_mdy(ns):                         # "03/14/2026"
    hms(ns)
    return "%02d/%02d/%04d" % (MONTH, DAY, YEAR)


def epoch_s(ns):
    return ns // NS


def epoch_ms_str(ns):                  # "1773450061.129"
    return "%d.%03d" % (ns // NS, (ns % NS) // MS)


def dur_s6(ns):                        # "0.004315s"
    return "%d.%06ds" % (ns // NS, (ns % NS) // US)


# ----------------------------------------------------------- framework ---
def fill(tpl, vals):
    parts = tpl.split("<*>")
    assert len(parts) == len(vals) + 1, (tpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (tpl, vals)
        out.append(v)
        out.append(p)
    return "".join(out)


class System:
    def __init__(self, k, name, kind, events, header_re):
        self.k = k
        self.name = name
        self.kind = kind
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.keys = [e[0] for e in events]
        self.tpl = {e[0]: e[-1] for e in events}
        self.extra = {e[0]: e[1:-1] for e in events}
        self.eid = {key: "E%d" % (i + 1) for i, key in enumerate(self.keys)}
        assert len(set(self.tpl.values())) == len(self.keys), "duplicate template"
        assert 12 <= len(self.keys) <= 15
        self.header_re = re.compile(header_re)
        self._cyc = {}
        self._tie = itertools.count()

    def cyc(self, key, slot, pool):
        """Cycle through a small pool per (event, slot)."""
        n = self._cyc.get((key, slot), 0)
        self._cyc[(key, slot)] = n + 1
        return pool[n % len(pool)]

    def rec(self, t, header, key, *vals):
        return (t, next(self._tie), header, key, fill(self.tpl[key], vals))

    def shuffle_plan(self, counts, start_ns, mean_gap_s):
        assert set(counts) == set(self.keys)
        assert sum(counts.values()) == N_LINES, sum(counts.values())
        keys = []
        for key in self.keys:
            keys += [key] * counts[key]
        self.rng.shuffle(keys)
        t = start_ns
        times = []
        for _ in keys:                       # forward-only clock
            t += int(self.rng.expovariate(1.0 / mean_gap_s) * NS) + self.rng.randrange(MS)
            times.append(t)
        return list(zip(keys, times))


def write_system(sys_obj, recs):
    recs = sorted(recs, key=lambda r: (r[0], r[1]))[:N_LINES]
    assert len(recs) == N_LINES, (sys_obj.name, len(recs))
    d = os.path.join(OUT_DIR, sys_obj.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, sys_obj.name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        for r in recs:
            f.write(r[2] + r[4] + "\n")
    with open(os.path.join(d, sys_obj.name + ".log_structured.csv"), "w",
              encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, r in enumerate(recs, 1):
            w.writerow([i, r[4], sys_obj.eid[r[3]], sys_obj.tpl[r[3]]])
    return recs


def syslog_header_re(prog, pid="required", tail=""):
    p = {"required": r"\[(?P<pid>\d+)\]", "optional": r"(?:\[(?P<pid>\d+)\])?"}[pid]
    return (r"(?P<mon>[A-Z][a-z]{2}) (?P<d>[ \d]\d) (?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d) "
            r"(?P<host>[A-Za-z0-9._-]+) " + prog + p + ": " + tail)


# ====================================================== 1. IpmiSel (shuffle)
IPMI_EVENTS = [
    ("mem_ce", "Memory <*> | Correctable ECC | Asserted"),
    ("mem_ce_limit", "Memory <*> | Correctable ECC logging limit reached | Asserted"),
    ("mem_ue", "Memory <*> | Uncorrectable ECC | Asserted"),
    ("temp_hi_a", "Temperature <*> | Upper Critical going high | Asserted | Reading <*> > Threshold <*> degrees C"),
    ("temp_hi_d", "Temperature <*> | Upper Critical going high | Deasserted | Reading <*> < Threshold <*> degrees C"),
    ("fan_lo_a", "Fan <*> | Lower Critical going low | Asserted | Reading <*> < Threshold <*> RPM"),
    ("fan_lo_d", "Fan <*> | Lower Critical going low | Deasserted | Reading <*> > Threshold <*> RPM"),
    ("psu_ac_a", "Power Supply <*> | Power Supply AC lost | Asserted"),
    ("psu_ac_d", "Power Supply <*> | Power Supply AC lost | Deasserted"),
    ("psu_present", "Power Supply <*> | Presence detected | Asserted"),
    ("drv_fault", "Drive Slot / Bay <*> | Drive Fault | Asserted"),
    ("drv_present", "Drive Slot / Bay <*> | Drive Present | Asserted"),
    ("cpu_ierr", "Processor <*> | IERR | Asserted"),
    ("volt_lo_a", "Voltage <*> | Lower Critical going low | Asserted | Reading <*> < Threshold <*> Volts"),
    ("clock_sync", "System Event <*> | Timestamp Clock Sync | Asserted"),
]
IPMI_COUNTS = dict(mem_ce=108, mem_ce_limit=9, mem_ue=4, temp_hi_a=30, temp_hi_d=28,
                   fan_lo_a=22, fan_lo_d=20, psu_ac_a=16, psu_ac_d=15, psu_present=14,
                   drv_fault=8, drv_present=12, cpu_ierr=3, volt_lo_a=6, clock_sync=5)
IPMI_HEADER_RE = (r" *[0-9a-f]+ \| (?:(?P<mo>\d\d)/(?P<d>\d\d)/(?P<y>\d{4}) \| "
                  r"(?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d) \| | Pre-Init  \|\d{10}\| )")


def gen_ipmisel():
    S = System(1, "IpmiSel", "shuffle", IPMI_EVENTS, IPMI_HEADER_RE)
    rng = S.rng
    dimms_ce = ["DIMM_B2", "DIMM_B2", "DIMM_E1", "DIMM_B2", "DIMM_A1"]
    dimms = ["DIMM_B2", "DIMM_E1", "DIMM_F2"]
    temps = [("CPU1 Temp", 90), ("Inlet Temp", 42), ("CPU2 Temp", 90),
             ("Exhaust Temp", 75), ("PCH Temp", 85)]
    fans = [("FAN3", 600), ("FAN1", 600), ("FAN5", 840), ("FAN2", 600)]
    volts = [("12V", "10.80"), ("3.3VCC", "2.97"), ("5VCC", "4.50"), ("VBAT", "2.50")]
    psus = ["PS1 Status", "PS2 Status"]
    drives = ["Drive 3", "Drive 0", "Drive 7", "Drive 3", "Drive 11"]
    recs = []
    rid = 1
    boot_s = rng.randint(3, 9)
    plan = S.shuffle_plan(IPMI_COUNTS, at(0, 3, 41), 185.0)
    for i, (key, t) in enumerate(plan):
        if i < 3:       # BMC came up before its clock was synced
            boot_s += rng.randint(1, 12)
            header = "%4x |  Pre-Init  |%010d| " % (rid, boot_s)
        else:
            header = "%4x | %s | %s | " % (rid, t_mdy(t), t_hms(t))
        rid += 1
        c = lambda slot, pool: S.cyc(key, slot, pool)
        if key == "mem_ce":
            vals = (c("dimm", dimms_ce),)
        elif key in ("mem_ce_limit", "mem_ue"):
            vals = (c("dimm", dimms),)
        elif key == "temp_hi_a":
            name, thr = c("sensor", temps)
            vals = (name, thr + rng.randint(1, 6), thr)
        elif key == "temp_hi_d":
            name, thr = c("sensor", temps)
            vals = (name, thr - rng.randint(1, 5), thr)
        elif key == "fan_lo_a":
            name, thr = c("sensor", fans)
            vals = (name, rng.choice([0, 120, 240, 360, thr - 120]), thr)
        elif key == "fan_lo_d":
            name, thr = c("sensor", fans)
            vals = (name, thr + 120 * rng.randint(2, 45), thr)
        elif key in ("psu_ac_a", "psu_ac_d", "psu_present"):
            vals = (c("psu", psus),)
        elif key in ("drv_fault", "drv_present"):
            vals = (c("bay", drives),)
        elif key == "cpu_ierr":
            vals = (c("cpu", ["CPU1 Status", "CPU2 Status"]),)
        elif key == "volt_lo_a":
            name, thr = c("sensor", volts)
            vals = (name, "%.2f" % (float(thr) - rng.randint(2, 40) / 100.0), thr)
        elif key == "clock_sync":
            vals = (c("sensor", ["#0x83", "#0x8a"]),)
        else:
            raise KeyError(key)
        recs.append(S.rec(t, header, key, *vals))
    return S, recs


# ======================================================= 2. Smartd (shuffle)
SMARTD_EVENTS = [
    ("temp194", "Device: <*> [SAT], SMART Usage Attribute: 194 Temperature_Celsius changed from <*> to <*>"),
    ("temp190", "Device: <*> [SAT], SMART Usage Attribute: 190 Airflow_Temperature_Cel changed from <*> to <*>"),
    ("prefail", "Device: <*> [SAT], SMART Prefailure Attribute: <*> <*> changed from <*> to <*>"),
    ("pending", "Device: <*> [SAT], <*> Currently unreadable (pending) sectors"),
    ("offl_unc", "Device: <*> [SAT], <*> Offline uncorrectable sectors"),
    ("short_test", "Device: <*> [SAT], starting scheduled Short Self-Test."),
    ("long_test", "Device: <*> [SAT], starting scheduled Long Self-Test."),
    ("test_ok", "Device: <*> [SAT], previous self-test completed without error"),
    ("test_err", "Device: <*> [SAT], Self-Test Log error count increased from <*> to <*>"),
    ("temp_lim", "Device: <*> [SAT], Temperature <*> Celsius reached limit of <*> Celsius (Min/Max <*>)"),
    ("temp_crit", "Device: <*> [SAT], Temperature <*> Celsius reached critical limit of <*> Celsius (Min/Max <*>)"),
    ("nvme_errlog", "Device: <*>, number of Error Log entries increased from <*> to <*>"),
    ("send_warn", "Sending warning via <*> to <*> ..."),
    ("warn_ok", "Warning via <*> to <*>: successful"),
    ("warn_fail", "Warning via <*> to <*>: failed (32-bit/8-bit exit status: <*>)"),
]
SMARTD_COUNTS = dict(temp194=120, temp190=38, prefail=26, pending=14, offl_unc=12,
                     short_test=18, long_test=6, test_ok=16, test_err=3, temp_lim=8,
                     temp_crit=4, nvme_errlog=5, send_warn=15, warn_ok=12, warn_fail=3)


def gen_smartd():
    S = System(2, "Smartd", "shuffle", SMARTD_EVENTS, syslog_header_re("smartd"))
    rng = S.rng
    hosts = [
        dict(name="stor-a03", pid=1377, runner="/usr/share/smartmontools/smartd-runner",
             to="root", sat=["/dev/sda", "/dev/sdb", "/dev/sdc", "/dev/sdd", "/dev/sde", "/dev/sdf"],
             nvme=["/dev/nvme0"], warn=45, crit=55),
        dict(name="stor-b11", pid=2044, runner="/usr/libexec/smartmontools/smartdnotify",
             to="storage-oncall@kelvar.example", sat=["/dev/sda", "/dev/sdb", "/dev/sdc", "/dev/sdd"],
             nvme=["/dev/nvme0", "/dev/nvme1"], warn=50, crit=60),
    ]
    sat_pairs = []
    for i in range(6):
        for h in (0, 1):
            if i < len(hosts[h]["sat"]):
                sat_pairs.append((h, hosts[h]["sat"][i]))
    bad_pairs = [(0, "/dev/sdc"), (1, "/dev/sdb"), (0, "/dev/sdc")]
    nvme_pairs = [(0, "/dev/nvme0"), (1, "/dev/nvme1"), (1, "/dev/nvme0")]
    attrs = [(1, "Raw_Read_Error_Rate"), (7, "Seek_Error_Rate"), (3, "Spin_Up_Time"),
             (195, "Hardware_ECC_Recovered")]
    temp, attr_state, sectors, offl, errlog, selftest = {}, {}, {}, {}, {}, {}
    recs = []
    for key, t in S.shuffle_plan(SMARTD_COUNTS, at(0, 1, 5), 150.0):
        c = lambda slot, pool: S.cyc(key, slot, pool)
        if key in ("temp194", "temp190", "short_test", "long_test", "test_ok", "temp_lim", "temp_crit"):
            h, dev = c("dev", sat_pairs)
        elif key in ("pending", "offl_unc", "test_err"):
            h, dev = c("dev", bad_pairs)
        elif key == "prefail":
            h, dev = c("dev", sat_pairs)
        elif key == "nvme_errlog":
            h, dev = c("dev", nvme_pairs)
        else:
            h, dev = c("host", [0, 1, 1]), None
        host = hosts[h]
        header = "%s %s smartd[%d]: " % (t_syslog(t), host["name"], host["pid"])
        if key in ("temp194", "temp190"):
            old = temp.setdefault((h, dev), rng.randint(31, 38))
            new = min(47, max(27, old + rng.choice([-2, -1, -1, 1, 1, 2])))
            if new == old:
                new = old + 1
            temp[(h, dev)] = new
            vals = (dev, old, new) if key == "temp194" else (dev, 100 - old, 100 - new)
        elif key == "prefail":
            num, name = c("attr", attrs)
            old = attr_state.setdefault((h, dev, num), rng.randint(70, 118))
            new = old + rng.choice([-3, -2, -1, 1, 2, 3])
            attr_state[(h, dev, num)] = new
            vals = (dev, num, name, old, new)
        elif key == "pending":
            n = sectors.setdefault((h, dev), 8 * rng.randint(1, 3))
            sectors[(h, dev)] = n + rng.choice([0, 0, 8, 16])
            vals = (dev, n)
        elif key == "offl_unc":
            n = offl.setdefault((h, dev), 8 * rng.randint(1, 2))
            offl[(h, dev)] = n + rng.choice([0, 0, 8])
            vals = (dev, n)
        elif key in ("short_test", "long_test", "test_ok"):
            vals = (dev,)
        elif key == "test_err":
            n = selftest.setdefault((h, dev), rng.randint(0, 1))
            selftest[(h, dev)] = n + 1
            vals = (dev, n, n + 1)
        elif key in ("temp_lim", "temp_crit"):
            lim = host["warn"] if key == "temp_lim" else host["crit"]
            cur = lim + rng.randint(0, 3)
            mm = "%d/%d" % (rng.randint(22, 28), cur) + ("!" if key == "temp_crit" else "")
            vals = (dev, cur, lim, mm)
        elif key == "nvme_errlog":
            n = errlog.setdefault((h, dev), rng.randint(40, 3000))
            m = n + rng.randint(1, 4)
            errlog[(h, dev)] = m
            vals = (dev, n, m)
        elif key in ("send_warn", "warn_ok"):
            vals = (host["runner"], host["to"])
        elif key == "warn_fail":
            vals = (host["runner"], host["to"], c("status", ["256/1", "512/2"]))
        else:
            raise KeyError(key)
        recs.append(S.rec(t, header, key, *vals))
    return S, recs


# ==================================================== 3. ZfsZed (simulation)
ZED_EVENTS = [
    ("invoking", 'Invoking "<*>" eid=<*> pid=<*>'),
    ("finished", 'Finished "<*>" eid=<*> pid=<*> time=<*> exit=<*>'),
    ("history_event", "eid=<*> class=history_event pool='<*>'"),
    ("config_sync", "eid=<*> class=config_sync pool='<*>'"),
    ("scrub_start", "eid=<*> class=scrub_start pool='<*>'"),
    ("scrub_finish", "eid=<*> class=scrub_finish pool='<*>'"),
    ("checksum", "eid=<*> class=checksum pool='<*>' vdev=<*> algorithm=<*> size=<*> offset=<*> "
                 "priority=<*> err=52 flags=<*> bookmark=<*>"),
    ("io", "eid=<*> class=io pool='<*>' vdev=<*> size=<*> offset=<*> priority=<*> err=5 "
           "flags=<*> delay=<*>"),
    ("statechange", "eid=<*> class=statechange pool='<*>' vdev=<*> vdev_state=<*>"),
    ("vdev_attach", "eid=<*> class=vdev_attach pool='<*>' vdev=<*> vdev_state=ONLINE"),
    ("resilver_start", "eid=<*> class=resilver_start pool='<*>'"),
    ("resilver_finish", "eid=<*> class=resilver_finish pool='<*>'"),
]
ZEDLETS = {
    "history_event": ["all-syslog.sh", "history_event-zfs-list-cacher.sh"],
    "config_sync": ["all-syslog.sh"],
    "scrub_start": ["all-syslog.sh"],
    "scrub_finish": ["all-syslog.sh", "scrub_finish-notify.sh"],
    "checksum": ["all-syslog.sh", "checksum-notify.sh"],
    "io": ["all-syslog.sh", "io-notify.sh"],
    "statechange": ["all-syslog.sh", "statechange-led.sh", "statechange-notify.sh"],
    "vdev_attach": ["all-syslog.sh", "vdev_attach-led.sh"],
    "resilver_start": ["all-syslog.sh"],
    "resilver_finish": ["all-syslog.sh", "resilver_finish-notify.sh",
                        "resilver_finish-start-scrub.sh"],
}


def gen_zfszed():
    S = System(3, "ZfsZed", "simulation", ZED_EVENTS, syslog_header_re("zed", pid="optional"))
    rng = S.rng
    host, zpid = "fs-store07", 2817
    pools = {
        "tank": dict(alg="fletcher4", objset=[54, 1283, 771]),
        "vault": dict(alg="sha256", objset=[142, 388]),
        "backup": dict(alg="fletcher4", objset=[21, 96, 605]),
    }
    zev = []                     # (t, tie, class, pool, info)
    tie = itertools.count()

    def post(t, cls, pool, **info):
        zev.append((t, next(tie), cls, pool, info))

    # entity: hourly auto-snapshot jobs (snapshot + sometimes a destroy)
    for pool, minute in (("tank", 0), ("vault", 30)):
        for h in range(24):
            t = at(h, minute) + rng.randint(1, 20) * NS + rng.randrange(NS)
            post(t, "history_event", pool)
            if rng.random() < 0.5:
                post(t + rng.randint(150, 900) * MS, "history_event", pool)
    # entity: scrubs
    for pool, start, dur_min in (("backup", at(0, 3, 3), 26), ("vault", at(0, 15, 0), 38),
                                 ("tank", at(0, 31, 0), 47)):
        t = start + rng.randrange(NS)
        post(t, "history_event", pool)
        post(t + rng.randint(8, 40) * MS, "scrub_start", pool)
        t2 = t + (dur_min * 60 + rng.randint(0, 59)) * NS + rng.randrange(NS)
        post(t2, "scrub_finish", pool, healthy=True)
        post(t2 + rng.randint(2, 12) * MS, "history_event", pool)
    # entity: failing disks, replaced and resilvered
    incidents = [
        ("tank", "ata-WDC_WD80EFZZ-68BTXN0_WD-CA1K7T2L-part1",
         "ata-WDC_WD80EFZZ-68BTXN0_WD-CA2M0Q9D-part1", at(0, 9, 12), "FAULTED"),
        ("backup", "ata-ST12000VN0008-2YS101_ZRT0KX8M-part1",
         "ata-ST12000VN0008-2YS101_ZRT1B4QE-part1", at(0, 24, 40), "DEGRADED"),
        ("vault", "wwn-0x5000c500d4e8a913-part1", "wwn-0x5000c500e1f02b77-part1",
         at(0, 41, 31), "REMOVED"),
    ]
    for pool, vdev, new_vdev, t0, state in incidents:
        t = t0 + rng.randrange(NS)
        n_io, n_ck = rng.randint(1, 3), rng.randint(2, 4)
        kinds = ["io"] * n_io + ["checksum"] * n_ck
        rng.shuffle(kinds)
        for kind in kinds:
            t += int(rng.expovariate(1 / 3.5) * NS) + rng.randint(1, 40) * MS
            post(t, kind, pool, vdev=vdev)
        t += rng.randint(4, 40) * NS
        post(t, "statechange", pool, vdev=vdev, state=state)
        t += rng.randint(8, 18) * 60 * NS + rng.randrange(60 * NS)      # operator replaces disk
        post(t, "history_event", pool)
        post(t + rng.randint(40, 300) * MS, "vdev_attach", pool, vdev=new_vdev)
        post(t + rng.randint(310, 600) * MS, "statechange", pool, vdev=new_vdev, state="ONLINE")
        post(t + rng.randint(700, 1500) * MS, "resilver_start", pool)
        post(t + rng.randint(1600, 2600) * MS, "config_sync", pool)
        t += rng.randint(12, 28) * 60 * NS + rng.randrange(60 * NS)      # resilver done
        post(t, "resilver_finish", pool)
        post(t + rng.randint(5, 30) * MS, "history_event", pool)
        post(t + rng.randint(400, 1200) * MS, "config_sync", pool)

    zev.sort()
    recs = []
    next_pid = 412306
    notified = {}
    eid = 7309
    for t, _, cls, pool, info in zev:
        eid += 1
        start = t + rng.randint(1, 6) * MS
        for j, zedlet in enumerate(ZEDLETS[cls]):
            inv = start + j * rng.randint(300, 1500) * US
            next_pid += rng.randint(1, 3)
            pid = next_pid
            exit_code = 0
            if zedlet == "all-syslog.sh":
                run = rng.randint(2, 9) * MS + rng.randrange(MS)
            elif zedlet == "history_event-zfs-list-cacher.sh":
                run = rng.choice([rng.randint(3, 14), rng.randint(80, 420)]) * MS + rng.randrange(MS)
            elif zedlet in ("checksum-notify.sh", "io-notify.sh"):
                k = (zedlet, pool, info.get("vdev"))
                if k in notified and t - notified[k] < 3600 * NS:
                    exit_code, run = 3, rng.randint(4, 12) * MS + rng.randrange(MS)
                else:
                    notified[k] = t
                    run = rng.randint(120, 900) * MS + rng.randrange(MS)
            elif zedlet == "scrub_finish-notify.sh":
                exit_code, run = 3, rng.randint(3, 9) * MS + rng.randrange(MS)
            elif zedlet == "statechange-notify.sh":
                if info.get("state") == "ONLINE":
                    exit_code, run = 3, rng.randint(3, 9) * MS + rng.randrange(MS)
                else:
                    run = rng.randint(150, 800) * MS + rng.randrange(MS)
            elif zedlet == "resilver_finish-notify.sh":
                run = rng.randint(150, 800) * MS + rng.randrange(MS)
            elif zedlet == "resilver_finish-start-scrub.sh":
                exit_code, run = 3, rng.randint(3, 8) * MS + rng.randrange(MS)
            else:                                       # enclosure LED zedlets
                run = rng.randint(12, 60) * MS + rng.randrange(MS)
            dh = "%s %s zed[%d]: " % (t_syslog(inv), host, zpid)
            recs.append(S.rec(inv, dh, "invoking", zedlet, eid, pid))
            if zedlet == "all-syslog.sh":
                lt = inv + rng.randint(1, run // MS) * MS
                lh = "%s %s zed: " % (t_syslog(lt), host)
                if cls in ("history_event", "config_sync", "scrub_start", "scrub_finish",
                           "resilver_start", "resilver_finish"):
                    vals = (eid, pool)
                elif cls == "checksum":
                    vals = (eid, pool, info["vdev"], pools[pool]["alg"],
                            S.cyc(cls, "size", [131072, 4096, 16384, 131072, 8192]),
                            rng.randrange(0x400000, 0x70000000000, 4096),
                            S.cyc(cls, "prio", [4, 0, 2, 4]),
                            S.cyc(cls, "flags", ["0x180880", "0x380880", "0x100080"]),
                            "%d:%d:0:%d" % (S.cyc(cls + pool, "objset", pools[pool]["objset"]),
                                            rng.randint(2, 250000), rng.randint(0, 9000)))
                elif cls == "io":
                    vals = (eid, pool, info["vdev"],
                            S.cyc(cls, "size", [4096, 131072, 8192, 1048576]),
                            rng.randrange(0x400000, 0x70000000000, 4096),
                            S.cyc(cls, "prio", [0, 2, 4, 3]),
                            S.cyc(cls, "flags", ["0x40080c80", "0x100080", "0x180880"]),
                            rng.randint(1_000_000, 31_000_000))
                elif cls == "statechange":
                    vals = (eid, pool, info["vdev"], info["state"])
                elif cls == "vdev_attach":
                    vals = (eid, pool, info["vdev"])
                else:
                    raise KeyError(cls)
                recs.append(S.rec(lt, lh, cls, *vals))
            ft = inv + run
            fh = "%s %s zed[%d]: " % (t_syslog(ft), host, zpid)
            recs.append(S.rec(ft, fh, "finished", zedlet, eid, pid, dur_s6(run), exit_code))
    return S, recs


# ==================================================== 4. Rasdaemon (shuffle)
_MC_TAIL = (" on <*> (page:<*> offset:<*> grain:32 syndrome:0x0 - err_code:<*> socket:<*> "
            "imc:<*> rank:<*> bg:<*> ba:<*> row:<*> col:<*>)")
RAS_EVENTS = [
    ("mc_ce_read", "mc_event: <*> +0000 <*> Corrected error: memory read error" + _MC_TAIL),
    ("mc_ce_scrub", "mc_event: <*> +0000 <*> Corrected error: memory scrubbing error" + _MC_TAIL),
    ("mc_ue_read", "mc_event: <*> +0000 <*> Uncorrected error: memory read error" + _MC_TAIL),
    ("aer_ce", "aer_event: <*> +0000 <*> Corrected error: <*>"),
    ("aer_nonfatal", "aer_event: <*> +0000 <*> Uncorrected (Non-Fatal) error: <*>, TLP Header=<*>"),
    ("aer_fatal", "aer_event: <*> +0000 <*> Uncorrected (Fatal) error: <*>, TLP Header=<*>"),
    ("mce", "mce_record: <*> +0000 bank=<*>, status= <*>, <*>, mci=<*>, mca= <*>, "
            "cpu_type= Intel Xeon Scalable, cpu= <*>, socketid= <*>, misc= <*>, addr= <*>, "
            "mcgstatus= 0, mcgcap= 0xf000c14, apicid= <*>"),
    ("ev_enabled", "rasdaemon: ras:<*> event enabled"),
    ("listening", "rasdaemon: Listening to events for cpus 0 to <*>"),
    ("recording", "rasdaemon: Recording <*> events"),
    ("pg_thresh", "rasdaemon: Corrected Errors at <*> exceeded threshold"),
    ("pg_offlined", "rasdaemon: Result of offlining page at <*>: offlined"),
    ("pg_failed", "rasdaemon: Result of offlining page at <*>: failed"),
    ("mem_fail", "memory_failure_event: <*> +0000 pfn=<*> page_type=<*> action_result=<*>"),
]
RAS_COUNTS = dict(mc_ce_read=129, mc_ce_scrub=34, mc_ue_read=4, aer_ce=40, aer_nonfatal=8,
                  aer_fatal=3, mce=30, ev_enabled=12, listening=4, recording=12,
                  pg_thresh=9, pg_offlined=7, pg_failed=3, mem_fail=5)
RAS_TRACE = r"(?:\s+<\.\.\.>-(?P<tpid>\d+)\s+\[(?P<cpu>\d{3})\]\s+(?P<up>\d+\.\d{6}): )?"


def gen_rasdaemon():
    S = System(4, "Rasdaemon", "shuffle", RAS_EVENTS, syslog_header_re("rasdaemon", tail=RAS_TRACE))
    rng = S.rng
    hosts = [("cn-r12-04", 1108, 47, at(0) - (12 * 86400 + 4410) * NS),
             ("cn-r12-05", 1131, 63, at(0) - (3 * 86400 + 61007) * NS),
             ("cn-r14-01", 986, 47, at(0) - (40 * 86400 + 7000) * NS)]
    tracepoints = ["mc_event", "aer_event", "mce_record", "extlog_mem_event",
                   "memory_failure_event", "non_standard_event", "devlink_event",
                   "disk_error_request"]
    recs = []
    for key, t in S.shuffle_plan(RAS_COUNTS, at(0, 0, 52), 210.0):
        c = lambda slot, pool: S.cyc(key, slot, pool)
        hname, hpid, maxcpu, boot = c("host", hosts)
        ts = t_ymd_hms(t)               # printed with a constant " +0000" after it
        daemon = key in ("ev_enabled", "listening", "recording", "pg_thresh", "pg_offlined", "pg_failed")
        header = "%s %s rasdaemon[%d]: " % (t_syslog(t), hname, hpid)
        if not daemon:
            up = t - boot - rng.randint(0, 900) * MS
            header += "%16s-%-5d [%03d] %12s: " % ("<...>", rng.randint(120, 48000),
                                                  rng.randint(0, maxcpu),
                                                  "%d.%06d" % (up // NS, (up % NS) // US))
        if key.startswith("mc_"):
            sock, imc = c("sock", [0, 1, 0]), c("imc", [0, 1])
            label = "CPU_SrcID#%d_MC#%d_Chan#%d_DIMM#%d" % (sock, imc, c("chan", [0, 1, 2, 0]),
                                                             c("dimm", [0, 0, 1]))
            errs = {"mc_ce_read": ["0000:009f", "0000:0091", "0000:0090"],
                    "mc_ce_scrub": ["0000:00c0", "0000:00c1", "0000:00c2"],
                    "mc_ue_read": ["0000:0091", "0000:009f"]}[key]
            count = c("count", [1, 2] if key == "mc_ue_read" else [1, 1, 1, 2, 1, 1, 1, 3])
            vals = (ts, count, label, "0x%x" % rng.randrange(0x100000, 0x7fffff),
                    "0x%x" % rng.randrange(0, 4096, 64), c("err", errs), sock, imc,
                    c("rank", [0, 1]), c("bg", [0, 1, 2, 3]), c("ba", [2, 0, 3, 1]),
                    "0x%x" % rng.randrange(0x20000), "0x%x" % rng.randrange(0, 1024, 8))
        elif key == "aer_ce":
            vals = (ts, c("dev", ["0000:3a:00.0", "0000:5d:02.0", "0000:17:00.0", "0000:b3:00.1"]),
                    c("msg", ["Receiver Error", "Bad TLP", "Bad DLLP", "Replay Timer Timeout",
                              "Receiver Error, Bad TLP"]))
        elif key in ("aer_nonfatal", "aer_fatal"):
            msgs = (["Unsupported Request", "Completion Timeout", "Malformed TLP"]
                    if key == "aer_nonfatal" else
                    ["Surprise Down Error", "Data Link Protocol Error", "Malformed TLP"])
            tlp = " ".join("%08x" % rng.getrandbits(32) for _ in range(4))
            vals = (ts, c("dev", ["0000:5d:02.0", "0000:17:00.0", "0000:86:00.0"]), c("msg", msgs), tlp)
        elif key == "mce":
            status, decoded, mci, mca = c("st", [
                ("8c00004000010090", "Corrected error, no action required.", "Corrected_error",
                 "MEMORY CONTROLLER RD_CHANNEL0_ERR Transaction: Memory read error"),
                ("cc00008000010090", "Corrected error, no action required.", "Error_overflow Corrected_error",
                 "MEMORY CONTROLLER RD_CHANNEL0_ERR Transaction: Memory read error"),
                ("8c000040000800c1", "Corrected patrol scrub error", "Corrected_error",
                 "MEMORY CONTROLLER MS_CHANNEL1_ERR Transaction: Memory scrubbing error"),
                ("8c000040000800c2", "Corrected patrol scrub error", "Corrected_error",
                 "MEMORY CONTROLLER MS_CHANNEL2_ERR Transaction: Memory scrubbing error"),
            ])
            cpu = rng.randint(0, maxcpu)
            vals = (ts, c("bank", [13, 14, 16, 7]), status, decoded, mci, mca, cpu,
                    cpu // ((maxcpu + 1) // 2), "0x%x" % (0x9000000000000 | rng.getrandbits(24)),
                    "0x%x" % rng.randrange(0x100000000, 0x7fffffffff, 64), "0x%x" % (cpu * 2))
        elif key in ("ev_enabled", "recording"):
            vals = (c("tp", tracepoints),)
        elif key == "listening":
            vals = (maxcpu,)
        elif key in ("pg_thresh", "pg_offlined", "pg_failed"):
            vals = ("0x%x" % (rng.randrange(0x100000, 0x7fffff) << 12),)
        elif key == "mem_fail":
            vals = (ts, "0x%x" % rng.randrange(0x100000, 0x7fffff),
                    c("pt", ["free buddy page", "clean LRU page", "dirty LRU page", "huge page"]),
                    c("res", ["Recovered", "Delayed", "Recovered", "Ignored"]))
        else:
            raise KeyError(key)
        recs.append(S.rec(t, header, key, *vals))
    return S, recs


# ===================================================== 5. Monit (simulation)
MONIT_EVENTS = [
    ("not_running", "error", "'<*>' process is not running"),
    ("trying", "info", "'<*>' trying to restart"),
    ("restart_cmd", "info", "'<*>' restart: '<*>'"),
    ("running_pid", "info", "'<*>' process is running with pid <*>"),
    ("restart_failed", "error", "'<*>' failed to restart (exit status 1) -- '<*>': <*>"),
    ("proto_failed", "error", "'<*>' failed protocol test [HTTP] at [<*>]:<*> [TCP/IP] -- <*>"),
    ("conn_ok", "info", "'<*>' connection succeeded to [<*>]:<*> [TCP/IP]"),
    ("pid_changed", "info", "'<*>' process PID changed from <*> to <*>"),
    ("cpu_limit", "error", "'<*>' cpu usage of <*> matches resource limit [cpu usage > <*>]"),
    ("cpu_ok", "info", "'<*>' cpu usage check succeeded [current cpu usage = <*>]"),
    ("space_limit", "error", "'<*>' space usage <*> matches resource limit [space usage > <*>]"),
    ("space_ok", "info", "'<*>' space usage check succeeded [current space usage = <*>]"),
    ("unmonitor", "info", "'<*>' unmonitor on user request"),
    ("monitor", "info", "'<*>' monitor on user request"),
]
MONIT_HEADER_RE = (r"\[(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)T(?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d)"
                   r"\+0000\] (?P<lvl>info|error|warning|debug) +: ")


def gen_monit():
    S = System(5, "Monit", "simulation", MONIT_EVENTS, MONIT_HEADER_RE)
    rng = S.rng
    cycle0, cycle_len = at(0, 0, 7) + 311 * MS, 30 * NS + 12 * MS
    end = at(23, 50)
    n_cycles = (end - cycle0) // cycle_len
    svc_off = {"web-07": 2, "nginx": 9, "php8.2-fpm": 14, "redis-server": 19, "postgresql": 25,
               "gunicorn-api": 31, "celery-worker": 38, "grafana": 44, "rootfs": 51,
               "data_volume": 53}
    cmd = {s: "/bin/systemctl restart " + s for s in svc_off}
    cmd["postgresql"] = "/bin/systemctl restart postgresql@15-main"
    cmd["gunicorn-api"] = "/usr/local/bin/supervisorctl restart gunicorn-api"
    cmd["celery-worker"] = "/usr/local/bin/supervisorctl restart celery-worker"
    pids = {s: rng.randint(900, 60000) for s in svc_off}
    lines = []

    def emit(t, key, *vals):
        lines.append((t, key, vals))

    def ct(n, svc, extra_ms=0):
        return cycle0 + n * cycle_len + (svc_off[svc] + extra_ms) * MS + rng.randrange(MS)

    def newpid(svc):
        pids[svc] = min(pids[svc] + rng.randint(40, 9000), 4194000)
        return pids[svc]

    def poisson(mean_s):
        t, out = cycle0, []
        while True:
            t += int(rng.expovariate(1.0 / mean_s) * NS)
            n = (t - cycle0) // cycle_len
            if n >= n_cycles - 60:
                return out
            out.append(n)

    # entity: crashed processes restarted by monit
    crash_pool = ["php8.2-fpm", "celery-worker", "redis-server", "nginx", "postgresql"]
    reasons = {"systemctl": ["Job for {0}.service failed because the control process exited with error code.",
                             "Job for {0}.service failed because a timeout was exceeded."],
               "supervisorctl": ["{0}: ERROR (spawn error)", "{0}: ERROR (abnormal termination)"]}
    for i, n in enumerate(poisson(2.6 * 3600)):
        svc = crash_pool[i % len(crash_pool)]
        while True:
            emit(ct(n, svc), "not_running", svc)
            emit(ct(n, svc, 1), "trying", svc)
            emit(ct(n, svc, 2), "restart_cmd", svc, cmd[svc])
            if rng.random() < 0.3:
                tool = cmd[svc].split()[0].rsplit("/", 1)[1]
                emit(ct(n, svc, rng.randint(900, 3100)), "restart_failed", svc, cmd[svc],
                     S.cyc("restart_failed", tool, reasons[tool]).format(cmd[svc].split()[-1]))
                n += 1
                continue
            emit(ct(n + 1, svc), "running_pid", svc, newpid(svc))
            break
    # entity: HTTP health checks failing and recovered by restart
    http_pool = [("nginx", "localhost", 80), ("gunicorn-api", "127.0.0.1", 8000),
                 ("grafana", "localhost", 3000)]
    http_reasons = ["HTTP error: Server returned status 502",
                    "HTTP: Error receiving data -- Resource temporarily unavailable",
                    "Connection refused",
                    "HTTP error: Server returned status 503"]
    for i, n in enumerate(poisson(2.4 * 3600)):
        svc, hst, port = http_pool[i % len(http_pool)]
        emit(ct(n, svc, 4), "proto_failed", svc, hst, port, S.cyc("proto_failed", "r", http_reasons))
        emit(ct(n, svc, 5), "trying", svc)
        emit(ct(n, svc, 6), "restart_cmd", svc, cmd[svc])
        old = pids[svc]
        emit(ct(n + 1, svc), "pid_changed", svc, old, newpid(svc))
        emit(ct(n + 1, svc, 4), "conn_ok", svc, hst, port)
    # entity: CPU spikes (system and per-process); logged every cycle while high
    cpu_pool = [("web-07", 90.0), ("gunicorn-api", 80.0), ("web-07", 90.0), ("celery-worker", 95.0)]
    for i, n in enumerate(poisson(1.35 * 3600)):
        svc, thr = cpu_pool[i % len(cpu_pool)]
        k = rng.randint(2, 12)
        for j in range(k):
            emit(ct(n + j, svc, 1), "cpu_limit", svc, "%.1f%%" % (thr + rng.uniform(0.1, min(9.8, 99.5 - thr))),
                 "%.1f%%" % thr)
        emit(ct(n + k, svc, 1), "cpu_ok", svc, "%.1f%%" % rng.uniform(2.0, thr - 25))
    # entity: filesystems filling up until cleanup
    fs_pool = [("data_volume", 85.0), ("rootfs", 90.0)]
    for i, n in enumerate(poisson(3.4 * 3600)):
        svc, thr = fs_pool[i % len(fs_pool)]
        k = rng.randint(4, 14)
        use = thr + rng.uniform(0.05, 0.4)
        for j in range(k):
            emit(ct(n + j, svc), "space_limit", svc, "%.1f%%" % use, "%.1f%%" % thr)
            use = min(99.9, use + rng.choice([0.0, 0.0, 0.1, 0.2]))
        emit(ct(n + k, svc), "space_ok", svc, "%.1f%%" % (thr - rng.uniform(6.0, 30.0)))
    # entity: operators pausing monitoring for maintenance
    maint_pool = ["postgresql", "nginx", "redis-server", "grafana"]
    t = at(0, 0)
    for i in range(12):
        t += int(rng.expovariate(1 / (3.8 * 3600)) * NS)
        if t > end - 3600 * NS:
            break
        svc = maint_pool[i % len(maint_pool)]
        emit(t, "unmonitor", svc)
        emit(t + rng.randint(4 * 60, 40 * 60) * NS + rng.randrange(NS), "monitor", svc)

    level = {k: lvl for k, lvl, _ in MONIT_EVENTS}
    recs = []
    for t, key, vals in lines:
        header = "[%s] %-8s : " % (t_iso_monit(t), level[key])
        recs.append(S.rec(t, header, key, *vals))
    return S, recs


# ===================================================== 6. Collectd (shuffle)
COLLECTD_EVENTS = [
    ("graphite_fail", "write_graphite plugin: Connecting to <*>:<*> via <*> failed. "
                      "The last error was: failed to connect to remote host: <*>"),
    ("http_fail", "write_http plugin: curl_easy_perform failed with status <*>: <*>"),
    ("rrdc_fail", "rrdcached plugin: rrdc_update (<*>, [<*>], 1) failed with status <*>."),
    ("uc_old", "uc_update: Value too old: name = <*>; value time = <*>; last cache update = <*>;"),
    ("read_suspend", "read-function of plugin `<*>' failed. Will suspend it for <*> seconds."),
    ("read_slow", "plugin_read_thread: read-function of the `<*>' plugin took <*> seconds, which is "
                  "above its read interval (<*> seconds). You might want to adjust the `Interval' "
                  "or `ReadThreads' settings."),
    ("notif_fail", "Notification: severity = FAILURE, host = <*>, plugin = <*>, type = <*>, message = <*>"),
    ("notif_warn", "Notification: severity = WARNING, host = <*>, plugin = <*>, plugin_instance = <*>, "
                   "type = <*>, type_instance = <*>, message = <*>"),
    ("notif_okay", "Notification: severity = OKAY, host = <*>, plugin = <*>, type = <*>, message = <*>"),
    ("plugin_load", 'plugin_load: plugin "<*>" successfully loaded.'),
    ("init_done", "Initialization complete, entering read-loop."),
    ("exit_ok", "Exiting normally."),
    ("df_statvfs", "df plugin: statvfs(<*>) failed: <*>"),
    ("exec_parse", 'exec plugin: Unable to parse command, ignoring line: "<*>"'),
    ("ping_fail", "ping plugin: ping_send failed: <*>"),
]
COLLECTD_COUNTS = dict(graphite_fail=70, http_fail=24, rrdc_fail=18, uc_old=52, read_suspend=20,
                       read_slow=14, notif_fail=12, notif_warn=16, notif_okay=14, plugin_load=9,
                       init_done=3, exit_ok=3, df_statvfs=6, exec_parse=5, ping_fail=34)
COLLECTD_HEADER_RE = r"\[(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d) (?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d)\] "


def gen_collectd():
    S = System(6, "Collectd", "shuffle", COLLECTD_EVENTS, COLLECTD_HEADER_RE)
    rng = S.rng
    hosts = ["web-07", "db-02", "cache-01", "web-08", "lb-01"]
    suspend = {}
    recs = []
    for key, t in S.shuffle_plan(COLLECTD_COUNTS, at(0, 2, 30), 140.0):
        c = lambda slot, pool: S.cyc(key, slot, pool)
        header = "[%s] " % t_ymd_hms(t)
        if key == "graphite_fail":
            dst, port, proto = c("dst", [("graphite.int.tarrow.example", 2003, "tcp"),
                                         ("10.40.2.15", 2003, "tcp"), ("10.40.2.16", 2013, "tcp"),
                                         ("10.40.2.16", 2003, "udp")])
            vals = (dst, port, proto, c("err", ["Connection refused", "Connection timed out",
                                                "Connection refused", "No route to host"]))
        elif key == "http_fail":
            st, msg = c("err", [
                (7, "Failed to connect to influx.mon.tarrow.example port 8086 after %d ms: Connection refused"),
                (28, "Operation timed out after %d milliseconds with 0 bytes received"),
                (6, "Could not resolve host: influx.mon.tarrow.example"),
                (52, "Empty reply from server")])
            if "%d" in msg:
                msg = msg % (rng.randint(1, 9) if st == 7 else 5000 + rng.randint(0, 3))
            vals = (st, msg)
        elif key == "rrdc_fail":
            h = c("host", hosts)
            plug, typ, n = c("rrd", [("load", "load", 3), ("cpu-0", "cpu-idle", 1),
                                     ("interface-eth0", "if_octets", 2), ("memory", "memory-used", 1)])
            ep = epoch_s(t) - rng.randint(0, 20)
            data = ":".join("%.2f" % rng.uniform(0.01, 99.0) if typ != "if_octets"
                            else "%d" % rng.randint(1000, 9_000_000) for _ in range(n))
            vals = ("/var/lib/collectd/rrd/%s/%s/%s.rrd" % (h, plug, typ), "%d:%s" % (ep, data),
                    c("st", [-1, -1, -110]))
        elif key == "uc_old":
            name = "%s/%s" % (c("host", hosts), c("id", ["cpu-3/cpu-idle", "interface-eth0/if_octets",
                                                        "memory/memory-used", "load/load",
                                                        "df-root/percent_bytes-used"]))
            last = t - rng.randint(50, 9000) * MS
            vt = last - rng.choice([0, rng.randint(1, 20_000)]) * MS
            vals = (name, epoch_ms_str(vt), epoch_ms_str(last))
        elif key == "read_suspend":
            plug = c("plug", ["mysql", "snmp", "apache", "postgresql", "nginx"])
            s = suspend.get(plug, 10) * 2
            suspend[plug] = s if s < 86400 else 20
            vals = (plug, "%.3f" % s)
        elif key == "read_slow":
            plug, iv = c("plug", [("snmp", 10.0), ("ipmi", 60.0), ("curl_json", 10.0), ("ping", 10.0)])
            vals = (plug, "%.3f" % (iv + rng.uniform(0.05, iv * 1.5)), "%.3f" % iv)
        elif key in ("notif_fail", "notif_okay"):
            h = c("host", hosts)
            plug, ds, thr, cur = c("src", [("load", "shortterm", 5.0, lambda: rng.uniform(5.1, 14.0)),
                                           ("users", "value", 50.0, lambda: rng.randint(51, 90)),
                                           ("contextswitch", "value", 150000.0,
                                            lambda: rng.randint(150100, 420000))])
            if key == "notif_fail":
                msg = ('Host %s, plugin %s type %s: Data source "%s" is currently %f. '
                       'That is above the failure threshold of %f.' % (h, plug, plug, ds, cur(), thr))
            else:
                msg = ('Host %s, plugin %s type %s: All data sources are within range again. '
                       'Current value of "%s" is %f.' % (h, plug, plug, ds, thr * rng.uniform(0.1, 0.8)))
            vals = (h, plug, plug, msg)
        elif key == "notif_warn":
            h = c("host", hosts)
            plug, pi, typ, ti, ds, thr = c("src", [("df", "root", "percent_bytes", "used", "value", 90.0),
                                                   ("cpu", "3", "percent", "wait", "value", 20.0),
                                                   ("df", "var", "percent_bytes", "used", "value", 90.0),
                                                   ("memory", "numa0", "percent", "used", "value", 85.0)])
            msg = ('Host %s, plugin %s (instance %s) type %s (instance %s): Data source "%s" is currently '
                   '%f. That is above the warning threshold of %f.'
                   % (h, plug, pi, typ, ti, ds, thr + rng.uniform(0.1, 9.5), thr))
            vals = (h, plug, pi, typ, ti, msg)
        elif key == "plugin_load":
            vals = (c("plug", ["syslog", "logfile", "cpu", "load", "memory", "df", "interface",
                               "network", "rrdcached", "write_graphite", "write_http", "ping"]),)
        elif key in ("init_done", "exit_ok"):
            vals = ()
        elif key == "df_statvfs":
            vals = (c("path", ["/mnt/nfs/archive", "/srv/backup", "/mnt/nfs/media"]),
                    c("err", ["Stale file handle", "Permission denied",
                              "Transport endpoint is not connected"]))
        elif key == "exec_parse":
            vals = (c("line", ["PUTVAL web-07/exec-backup/gauge-age interval=60 N:", "backup age unknown",
                               "PUTVAL db-02/exec-repl/gauge-lag N:NaN:3",
                               "ERROR: could not connect to replica"]),)
        elif key == "ping_fail":
            vals = (c("err", ["No route to host", "Network is unreachable", "No route to host",
                              "Operation not permitted"]),)
        else:
            raise KeyError(key)
        recs.append(S.rec(t, header, key, *vals))
    return S, recs


# ========================================================== self-check ---
def ts_key(m):
    g = m.groupdict()
    if g.get("H") is None:
        return None
    mon = int(g["mo"]) if g.get("mo") else MONTHS.index(g["mon"]) + 1
    return (int(g.get("y") or YEAR), mon, int(g["d"]), int(g["H"]), int(g["M"]), int(g["S"]))


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")))


def self_check(S):
    d = os.path.join(OUT_DIR, S.name)
    logp = os.path.join(d, S.name + ".log")
    csvp = os.path.join(d, S.name + ".log_structured.csv")
    for p in (logp, csvp):
        raw = open(p, "rb").read()
        assert raw.endswith(b"\n"), p + ": no final newline"
        assert b"\r" not in raw, p + ": contains CR"
    lines = open(logp, encoding="utf-8", newline="").read().split("\n")[:-1]
    assert len(lines) == N_LINES, (S.name, len(lines))
    with open(csvp, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], rows[0]
    rows = rows[1:]
    assert len(rows) == N_LINES, (S.name, len(rows))
    declared = {S.eid[k]: S.tpl[k] for k in S.keys}
    seen_tpl = {}
    captures = {}
    counts = {}
    prev = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        assert len(row) == 4, (S.name, i, row)
        lid, content, eid, tpl = row
        assert lid == str(i), (S.name, i, lid)
        assert content and content == content.strip(), (S.name, i, content)
        assert line.endswith(content), (S.name, i)
        header = line[:len(line) - len(content)]
        m = S.header_re.fullmatch(header)
        assert m, (S.name, i, "header does not match", header)
        k = ts_key(m)
        if k is not None:
            assert prev is None or k >= prev, (S.name, i, "time went back", prev, k)
            prev = k
        assert re.fullmatch(r"E\d+", eid), (S.name, i, eid)
        assert declared.get(eid) == tpl, (S.name, i, eid, tpl)
        assert seen_tpl.setdefault(eid, tpl) == tpl
        mm = tpl_regex(tpl).fullmatch(content)
        assert mm, (S.name, i, "template does not match content", tpl, content)
        for j, v in enumerate(mm.groups()):
            captures.setdefault((eid, j), set()).add(v)
        counts[eid] = counts.get(eid, 0) + 1
    assert len(set(seen_tpl.values())) == len(seen_tpl), "two EventIds share a template"
    assert set(counts) == set(declared), (S.name, "unused events", set(declared) - set(counts))
    for eid, tpl in declared.items():
        for j in range(tpl.count("<*>")):
            assert len(captures[(eid, j)]) >= 2, (S.name, eid, "slot", j + 1, captures[(eid, j)])
    cs = sorted(counts.values())
    assert 12 <= len(cs) <= 15, (S.name, len(cs))
    assert cs[0] >= 3, (S.name, "event below 3 lines", counts)
    assert sum(1 for c in cs if 3 <= c <= 10) >= 3, (S.name, "need 3 events with 3-10 lines", counts)
    med = statistics.median(cs)
    assert cs[-1] >= 3 * med, (S.name, "largest < 3x median", cs[-1], med)
    return counts, med, prev


def main():
    gens = [gen_ipmisel, gen_smartd, gen_zfszed, gen_rasdaemon, gen_monit, gen_collectd]
    ok = True
    for k, g in enumerate(gens, 1):
        S, recs = g()
        assert S.k == k
        recs = write_system(S, recs)
        try:
            counts, med, last = self_check(S)
        except AssertionError as e:
            ok = False
            print("FAIL %-10s %s" % (S.name, e))
            continue
        order = ", ".join("%s=%d" % (e, counts[e]) for e in sorted(counts, key=lambda x: int(x[1:])))
        print("OK   %-10s %-10s events=%d max=%d median=%g span=%s..%s  [%s]" % (
            S.name, S.kind, len(counts), max(counts.values()), med,
            t_hms(recs[0][0]), t_hms(recs[-1][0]), order))
    if not ok:
        sys.exit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
