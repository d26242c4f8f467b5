#!/usr/bin/env python3
"""Sealed 49: blind labelled log corpus generator.

Python 3 standard library only.  Fully deterministic: no wall clock, no locale.
Base seed 20270160; system k (1..6) uses random.Random(20270160 * 10 + k).
All times come from an integer nanosecond clock on 2026-03-14 UTC.

Running this script writes <System>/<System>.log and
<System>/<System>.log_structured.csv for every system, then self-checks them.
"""
import calendar
import csv
import os
import re
import statistics
import sys

import random

BASE_SEED = 20270160
N_LINES = 300
HERE = os.path.dirname(os.path.abspath(__file__))

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
DAY0_S = calendar.timegm((YEAR, MONTH, DAY, 0, 0, 0, 0, 0, 0))
NS = 10 ** 9
MS = 10 ** 6
DAY_NS = 86400 * NS


# ---------------------------------------------------------------- helpers

def hms(t):
    """t: integer ns since 2026-03-14 00:00:00 UTC -> (h, m, s, ms)."""
    assert 0 <= t < DAY_NS, "clock left the day"
    s, rest = divmod(t, NS)
    h, r = divmod(s, 3600)
    m, sec = divmod(r, 60)
    return h, m, sec, rest // MS


class Pools:
    """Small-pool values cycle per (event, slot) key, starting at a seeded offset."""

    def __init__(self, rng):
        self.r = rng
        self.idx = {}

    def cyc(self, key, pool):
        i = self.idx.get(key)
        if i is None:
            i = self.r.randrange(len(pool))
        self.idx[key] = i + 1
        return pool[i % len(pool)]

    def hexs(self, n):
        return "".join(self.r.choice("0123456789abcdef") for _ in range(n))

    def uuid(self):
        h = self.hexs(32)
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16],
                                      self.r.choice("89ab"), h[17:20], h[20:32])

    def ip(self, prefix="10"):
        r = self.r
        if prefix == "192":
            return "192.168.%d.%d" % (r.randint(0, 40), r.randint(2, 250))
        if prefix == "172":
            return "172.%d.%d.%d" % (r.randint(16, 31), r.randint(0, 254), r.randint(2, 250))
        return "%s.%d.%d.%d" % (prefix, r.randint(0, 40), r.randint(0, 254), r.randint(2, 250))


def fmt_dur(ns):
    if ns < NS:
        return "%dms" % max(1, ns // MS)
    if ns < 60 * NS:
        return "%.2fs" % (ns / NS)
    s = ns // NS
    if s < 3600:
        return "%dm%02ds" % divmod(s, 60)
    h, r = divmod(s, 3600)
    return "%dh%02dm%02ds" % (h, r // 60, r % 60)


def fmt_size(r, lo_mib, hi_mib):
    mib = r.uniform(lo_mib, hi_mib)
    if mib >= 1024:
        return "%.2f GiB" % (mib / 1024)
    return "%.1f MiB" % mib


def tpl_to_regex(tpl):
    parts = tpl.split("<*>")
    return "(.+?)".join(re.escape(p) for p in parts)


def fill(tpl, vals):
    parts = tpl.split("<*>")
    assert len(parts) - 1 == len(vals), (tpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


def shuffle_records(rng, names_counts, valfn, start_ns, mean_gap_ns):
    """Seeded shuffle: fixed count per event, shuffled, forward-only clock
    with exponential gaps."""
    seq = [n for n, c in names_counts for _ in range(c)]
    assert len(seq) == N_LINES, len(seq)
    rng.shuffle(seq)
    t = start_ns
    out = []
    for name in seq:
        t += 1 + int(rng.expovariate(1.0 / mean_gap_ns))
        vals, extra = valfn(name, t)
        out.append((t, name, vals, extra))
    return out


def merge_entities(entity_lists):
    """Simulation: merge per-entity records in time order; keep the first 300."""
    allr = []
    seq = 0
    for ent in entity_lists:
        for rec in ent:
            allr.append((rec[0], seq, rec))
            seq += 1
    allr.sort(key=lambda x: (x[0], x[1]))
    return [x[2] for x in allr[:N_LINES]]


def wchoice(r, items):
    tot = sum(w for _, w in items)
    x = r.uniform(0, tot)
    for k, w in items:
        x -= w
        if x <= 0:
            return k
    return items[-1][0]


# ================================================================ 1. TrueNAS middlewared.log
# [YYYY/MM/DD HH:MM:SS] (LEVEL) logger.func():lineno - message

TRUENAS_EVENTS = [
    ("job_start", "Job <*> '<*>' started", ("DEBUG", "middlewared.job.run", 402)),
    ("job_done", "Job <*> '<*>' finished successfully in <*>", ("DEBUG", "middlewared.job.run", 455)),
    ("job_failed", "Job <*> '<*>' failed: <*>", ("ERROR", "middlewared.job.run", 431)),
    ("scrub_start", "Scrub started on pool '<*>'", ("INFO", "middlewared.plugins.pool_.scrub.__run", 139)),
    ("scrub_done", "Scrub finished on pool '<*>': repaired <*> with <*> errors",
     ("INFO", "middlewared.plugins.pool_.scrub.__run", 168)),
    ("snap_created", "Created snapshot <*>", ("INFO", "middlewared.plugins.zettarepl.observer", 287)),
    ("snap_destroyed", "Destroyed snapshot <*>", ("INFO", "middlewared.plugins.zettarepl.observer", 301)),
    ("alert_raised", "Alert '<*>' (<*>) raised: <*>", ("WARNING", "middlewared.plugins.alert.send_alerts", 652)),
    ("alert_cleared", "Alert '<*>' (<*>) cleared", ("INFO", "middlewared.plugins.alert.send_alerts", 671)),
    ("repl_sent", "Replication task <*> sent <*> to <*>",
     ("INFO", "middlewared.plugins.zettarepl._observer", 512)),
    ("smart_done", "SMART <*> test on /dev/<*> completed: <*>",
     ("INFO", "middlewared.plugins.smart.manual_test", 333)),
    ("sess_login", "Session <*> authenticated as '<*>' from <*>",
     ("INFO", "middlewared.plugins.auth.login", 774)),
    ("sess_closed", "Session <*> closed after <*>", ("DEBUG", "middlewared.main.on_close", 218)),
    ("cloud_failed", "Cloud sync task <*> failed: rclone exited with code <*>: <*>",
     ("ERROR", "middlewared.plugins.cloud_sync.sync", 1097)),
]

TN_POOLS = ["tank", "boot-pool", "backup", "fast"]
TN_DATASETS = ["tank/home/alice", "tank/home/bob", "tank/vm/win11", "tank/media", "fast/db/postgres",
               "tank/projects/render", "backup/archive", "fast/iocage/jails/web01"]
TN_REPL_TARGETS = ["backup01.corp.lan:backup/replica/home", "10.40.2.19:vault/tank-mirror",
                   "dr-site.example.net:dr/tank/projects", "backup01.corp.lan:backup/replica/vm"]
TN_JOB_ERRORS = ["[EFAULT] Failed to connect to remote system: timed out",
                 "[ENOENT] Dataset tank/scratch does not exist",
                 "[EINVAL] Target dataset has newer snapshots than source",
                 "cannot receive incremental stream: destination has been modified",
                 "[EBUSY] Pool backup is busy",
                 "ssh: connect to host 10.40.2.19 port 22: No route to host"]
TN_ALERTS = [("VolumeStatus", "CRITICAL", "Pool backup state is DEGRADED: One or more devices has been removed"),
             ("SMART", "CRITICAL", "Device: /dev/sdd [SAT], 8 Currently unreadable (pending) sectors."),
             ("NTPHealthCheck", "WARNING", "NTP health check failed - No Active NTP peers"),
             ("ScrubPaused", "WARNING", "Scrub for pool tank is paused for more than 8 hours."),
             ("DiskTemperatureTooHot", "WARNING", "Disk sdb is 56 C which is above the critical threshold"),
             ("UPSOnBattery", "CRITICAL", "UPS ups01 is on battery power"),
             ("SnapshotCount", "INFO", "Dataset tank/media has more snapshots (2317) than recommended")]
TN_USERS = ["root", "truenas_admin", "alice", "svc-backup", "bob"]
TN_CLOUD_ERRORS = [
    "Failed to copy: AccessDenied: Access Denied status code: 403, url https://s3.eu-west-1.amazonaws.com/corp-nas-offsite",
    "couldn't list directory: 401 Unauthorized, url https://api.backblazeb2.com/b2api/v2/b2_list_file_names",
    "Post \"https://storage.googleapis.com/upload/storage/v1/b/nas-archive/o\": dial tcp: i/o timeout",
    "directory not found: /mnt/tank/media/incoming",
]


def build_truenas(rng, P):
    r = rng
    jid = [r.randint(41000, 58000)]
    ents = []

    def nid():
        jid[0] += r.randint(1, 4)
        return jid[0]

    def job_end(out, t, j, method, t0, ok=True, err=None):
        if ok:
            out.append((t, "job_done", [j, method, fmt_dur(t - t0)], {}))
        else:
            out.append((t, "job_failed", [j, method, err or P.cyc(("job_failed", 2), TN_JOB_ERRORS)], {}))

    def ent_snap(t):
        out = []
        j, m = nid(), "pool.snapshottask.run"
        t0 = t
        out.append((t, "job_start", [j, m], {}))
        h, mi, _, _ = hms(t)
        stamp = "auto-%04d-%02d-%02d_%02d-%02d" % (YEAR, MONTH, DAY, h, mi - mi % 5)
        for _ in range(r.choice([1, 1, 2, 2, 3, 4])):
            t += r.randint(40, 600) * MS
            ds = P.cyc(("snap_created", 1), TN_DATASETS)
            out.append((t, "snap_created", ["%s@%s" % (ds, stamp)], {}))
        for _ in range(r.choice([0, 0, 0, 1, 1, 2])):
            t += r.randint(30, 400) * MS
            ds = P.cyc(("snap_destroyed", 1), TN_DATASETS)
            old = "auto-%04d-%02d-%02d_%02d-%02d" % (YEAR, 2, r.randint(1, 28), r.randint(0, 23), 5 * r.randint(0, 11))
            out.append((t, "snap_destroyed", ["%s@%s" % (ds, old)], {}))
        t += r.randint(20, 300) * MS
        job_end(out, t, j, m, t0)
        return out

    def ent_scrub(t):
        out = []
        j, m = nid(), "pool.scrub.scrub"
        t0 = t
        pool = P.cyc(("scrub", "pool"), TN_POOLS)
        out.append((t, "job_start", [j, m], {}))
        t += r.randint(200, 900) * MS
        out.append((t, "scrub_start", [pool], {}))
        t += r.randint(4 * 60, 50 * 60) * NS + r.randint(0, 999) * MS
        errs = r.choice([0, 0, 0, 0, 1, 3])
        rep = r.choice(["0B", "0B", "0B", "128K", "4.25M", "16K"]) if errs else r.choice(["0B", "0B", "64K"])
        out.append((t, "scrub_done", [pool, rep, errs], {}))
        t += r.randint(10, 200) * MS
        job_end(out, t, j, m, t0)
        return out

    def ent_repl(t):
        out = []
        j, m = nid(), "replication.run"
        t0 = t
        out.append((t, "job_start", [j, m], {}))
        t += r.randint(5, 240) * NS + r.randint(0, 999) * MS
        if r.random() < 0.85:
            out.append((t, "repl_sent", [P.cyc(("repl", 1), [3, 5, 7, 12, 14]), fmt_size(r, 0.2, 9000),
                                         P.cyc(("repl", 3), TN_REPL_TARGETS)], {}))
            t += r.randint(20, 800) * MS
            job_end(out, t, j, m, t0)
        else:
            job_end(out, t, j, m, t0, ok=False)
        return out

    def ent_cloud(t):
        out = []
        j, m = nid(), "cloudsync.sync"
        t0 = t
        out.append((t, "job_start", [j, m], {}))
        t += r.randint(3, 600) * NS + r.randint(0, 999) * MS
        if r.random() < 0.55:
            task = P.cyc(("cloud", 1), [1, 2, 4, 9])
            code = P.cyc(("cloud", 2), [1, 3, 7, 5])
            err = P.cyc(("cloud", 3), TN_CLOUD_ERRORS)
            out.append((t, "cloud_failed", [task, code, err], {}))
            t += r.randint(5, 50) * MS
            job_end(out, t, j, m, t0, ok=False, err="rclone failed with exit code %d" % code)
        else:
            job_end(out, t, j, m, t0)
        return out

    def ent_smart(t):
        out = []
        j, m = nid(), "smart.test.manual_test"
        t0 = t
        out.append((t, "job_start", [j, m], {}))
        kind = P.cyc(("smart", 1), ["SHORT", "SHORT", "LONG", "CONVEYANCE"])
        t += (r.randint(60, 180) if kind != "LONG" else r.randint(600, 1500)) * NS + r.randint(0, 999) * MS
        dev = P.cyc(("smart", 2), ["sda", "sdb", "sdc", "sdd", "nvme0n1", "sde"])
        res = P.cyc(("smart", 3), ["Completed without error", "Completed without error",
                                   "Completed: read failure", "Interrupted (host reset)",
                                   "Completed without error"])
        out.append((t, "smart_done", [kind, dev, res], {}))
        t += r.randint(5, 90) * MS
        job_end(out, t, j, m, t0)
        return out

    def ent_session(t):
        out = []
        sid = P.uuid()
        user = P.cyc(("sess", 2), TN_USERS)
        src = "%s:%d" % (P.cyc(("sess", 3), ["192.168.10.23", "192.168.10.41", "10.40.2.7",
                                               "172.16.8.102", "127.0.0.1"]), r.randint(32768, 60999))
        out.append((t, "sess_login", [sid, user, src], {}))
        if r.random() < 0.8:
            d = int(r.expovariate(1.0 / (400 * NS))) + 300 * MS
            t += d
            out.append((t, "sess_closed", [sid, fmt_dur(d)], {}))
        return out

    def ent_alert(t):
        out = []
        k, lvl, txt = P.cyc(("alert", 1), TN_ALERTS)
        out.append((t, "alert_raised", [k, lvl, txt], {}))
        if r.random() < 0.6:
            t += r.randint(60, 3000) * NS + r.randint(0, 999) * MS
            out.append((t, "alert_cleared", [k, lvl], {}))
        return out

    kinds = [(ent_snap, 30), (ent_scrub, 5), (ent_repl, 12), (ent_cloud, 7),
             (ent_smart, 6), (ent_session, 26), (ent_alert, 9)]
    t = 1 * 3600 * NS + r.randint(0, 59) * NS
    for _ in range(180):
        t += int(r.expovariate(1.0 / (75 * NS))) + r.randint(1, 999) * MS
        ents.append(wchoice(r, kinds)(t))
    return merge_entities(ents)


def hdr_truenas(t, meta, extra):
    level, logger, line = meta
    h, m, s, _ = hms(t)
    return "[%04d/%02d/%02d %02d:%02d:%02d] (%s) %s():%d - " % (YEAR, MONTH, DAY, h, m, s, level, logger, line)


# ================================================================ 2. NetApp ONTAP EMS (event log show)
# Time (19) Node (16) Severity (13) Event

NETAPP_EVENTS = [
    ("scan_done", "wafl.scan.done: Completed <*> scan on volume <*>@vserver:<*>.", "INFORMATIONAL"),
    ("vol_nearly_full", "monitor.volume.nearlyFull: Volume <*>@vserver:<*> is nearly full "
                        "(using or reserving <*>% of space and <*>% of inodes).", "ALERT"),
    ("vol_full", "monitor.volume.full: Volume <*>@vserver:<*> is full "
                 "(using or reserving <*>% of space and <*>% of inodes).", "EMERGENCY"),
    ("port_down", "vifmgr.portdown: A link down event was received on node <*>, port <*>.", "ALERT"),
    ("port_up", "vifmgr.portup: A link up event was received on node <*>, port <*>.", "NOTICE"),
    ("ldap_noservers", "secd.ldap.noServers: None of the LDAP servers configured for Vserver (<*>) "
                       "are currently accessible via the network. LDAP Servers: <*>.", "ERROR"),
    ("nfs_conn_reset", "Nblade.nfsConnResetAndClose: Shutting down and closing a connection to NFS client "
                       "<*> on port <*> because <*>.", "ERROR"),
    ("login_denied", "sshd.auth.loginDenied: Unsuccessful login attempt for user '<*>' from IP address <*>.",
     "NOTICE"),
    ("job_failure", "mgmtgwd.jobmgr.jobcomplete.failure: Job \"<*>\" [id <*>] (<*>) completed unsuccessfully: "
                    "<*> (<*>).", "ERROR"),
    ("sm_out_of_sync", "sms.status.out.of.sync: Source volume \"<*>\" and destination volume \"<*>\" with "
                       "relationship UUID \"<*>\" is in \"out-of-sync\" status due to the following reason: "
                       "\"<*>\".", "ERROR"),
    ("recons_start", "raid.rg.recons.start: /<*>/plex0/<*>: starting reconstruction, using disk <*>", "NOTICE"),
    ("recons_done", "raid.rg.recons.done: /<*>/plex0/<*>: reconstruction completed for <*> in <*>", "NOTICE"),
    ("snap_delete", "wafl.snap.delete: Snapshot copy <*> on volume <*>@vserver:<*> was deleted by the Data "
                    "ONTAP function <*>. The unique ID for this Snapshot copy is (<*>, <*>).", "INFORMATIONAL"),
    ("ems_suppressed", "ems.engine.suppressed: Event '<*>' was suppressed <*> times in the last <*> seconds.",
     "NOTICE"),
]
NETAPP_COUNTS = [22, 14, 5, 18, 16, 9, 35, 60, 6, 12, 4, 4, 80, 15]

NA_NODES = ["fas-clu1-01", "fas-clu1-02", "fas-clu1-03", "fas-clu1-04"]
NA_VOLS = ["vol_home", "vol_vmware_ds01", "vol_sql_data", "vol_archive", "vol_projects", "vol_vdi_ds02",
           "svm_nfs01_root"]
NA_VSERVERS = ["svm_nfs01", "svm_cifs02", "svm_prod", "svm_backup"]
NA_PORTS = ["e0c", "e0d", "e4a", "e4b", "a0a-120", "e0M"]
NA_USERS = ["admin", "root", "diag", "oracle", "ubuntu", "test", "netapp"]
NA_AGGRS = ["aggr1_n01", "aggr2_n02", "aggr_ssd_n03", "aggr_sata_n04"]


def build_netapp(rng, P):
    r = rng
    svm_uuid = {v: P.uuid() for v in NA_VSERVERS}

    def vals(name, t):
        node = P.cyc(("hdr", "node"), NA_NODES)
        if name == "scan_done":
            v = [P.cyc((name, 1), ["Container Block Reclamation", "Volume Deswizzling",
                                   "Inode Upgrade", "Volume Footprint Reclamation"]),
                 P.cyc((name, 2), NA_VOLS), svm_uuid[P.cyc((name, 3), NA_VSERVERS)]]
        elif name in ("vol_nearly_full", "vol_full"):
            pct = r.randint(98, 100) if name == "vol_full" else r.randint(95, 97)
            v = [P.cyc((name, 1), NA_VOLS), svm_uuid[P.cyc((name, 2), NA_VSERVERS)], pct, r.randint(1, 64)]
        elif name in ("port_down", "port_up"):
            v = [node, P.cyc((name, 2), NA_PORTS)]
        elif name == "ldap_noservers":
            v = [P.cyc((name, 1), NA_VSERVERS),
                 P.cyc((name, 2), ["10.20.0.11, 10.20.0.12", "ldap1.corp.example.com",
                                   "10.20.0.11", "dc01.ad.example.com, dc02.ad.example.com"])]
        elif name == "nfs_conn_reset":
            v = [P.ip("10"), r.randint(600, 1023) if r.random() < 0.6 else r.randint(32768, 60999),
                 P.cyc((name, 3), ["the client exceeded the maximum number of outstanding requests",
                                   "an RPC record exceeded the maximum fragment size",
                                   "the connection was idle for too long",
                                   "a malformed RPC header was received"])]
        elif name == "login_denied":
            v = [P.cyc((name, 1), NA_USERS), P.ip(r.choice(["10", "172", "192"]))]
        elif name == "job_failure":
            jn, desc = P.cyc((name, 1), [("Vol Move", "Move vol_sql_data in Vserver svm_prod to aggregate aggr2_n02"),
                                         ("Vol Create", "Create vol_tmp_scratch"),
                                         ("Snapshot Policy Update", "Modify policy daily_30 on svm_cifs02"),
                                         ("Vol Move", "Move vol_home in Vserver svm_nfs01 to aggregate aggr_ssd_n03")])
            v = [jn, r.randint(1200, 98000), desc,
                 P.cyc((name, 4), ["Insufficient space on the destination aggregate",
                                   "Volume is busy with another operation",
                                   "Job was cancelled by the administrator",
                                   "Cutover attempts exhausted"]),
                 P.cyc((name, 5), [1, 2, 655395, 8])]
        elif name == "sm_out_of_sync":
            sv = P.cyc((name, 1), NA_VOLS)
            v = ["%s:%s" % (P.cyc((name, "s"), NA_VSERVERS), sv),
                 "%s:%s_dst" % (P.cyc((name, "d"), ["svm_dr", "svm_vault"]), sv), P.uuid(),
                 P.cyc((name, 4), ["Transfer failed", "Destination volume is offline",
                                   "Network connection to the peer cluster was lost",
                                   "Source Snapshot copy not found"])]
        elif name in ("recons_start", "recons_done"):
            aggr = P.cyc((name, 1), NA_AGGRS)
            rg = P.cyc((name, 2), ["rg0", "rg1", "rg2"])
            disk = "%d.%d.%d" % (r.randint(0, 3), r.randint(0, 2), r.randint(0, 23))
            if name == "recons_start":
                v = [aggr, rg, disk]
            else:
                v = [aggr, rg, disk, "%d:%02d:%02d.%02d" % (r.randint(0, 9), r.randint(0, 59),
                                                          r.randint(0, 59), r.randint(0, 99))]
        elif name == "snap_delete":
            h = r.randint(0, 23)
            v = [P.cyc((name, 1), ["hourly.2026-03-%02d_%02d05" % (r.randint(10, 13), h),
                                   "daily.2026-03-%02d_0010" % r.randint(1, 7),
                                   "snapmirror.%s_%d.2026-03-13_%02d%02d" % (P.hexs(8), r.randint(2100000000, 2199999999),
                                                                            h, r.randint(0, 59)),
                                   "weekly.2026-02-%02d_0015" % r.randint(1, 28)]),
                 P.cyc((name, 2), NA_VOLS), svm_uuid[P.cyc((name, 3), NA_VSERVERS)],
                 P.cyc((name, 4), ["SNAPSHOT_AUTODELETE", "SNAPSHOT_POLICY", "SNAPMIRROR_UPDATE"]),
                 r.randint(1, 255), r.randint(1000000000, 4294967295)]
        elif name == "ems_suppressed":
            v = [P.cyc((name, 1), ["Nblade.nfsConnResetAndClose", "sshd.auth.loginDenied", "wafl.snap.delete",
                                   "secd.ldap.noServers"]),
                 r.randint(2, 480), P.cyc((name, 3), [300, 600, 3600])]
        else:
            raise KeyError(name)
        return v, {"node": node}

    names = [e[0] for e in NETAPP_EVENTS]
    return shuffle_records(r, list(zip(names, NETAPP_COUNTS)), vals, 5 * 3600 * NS, 95 * NS)


def hdr_netapp(t, meta, extra):
    h, m, s, _ = hms(t)
    ts = "%d/%d/%04d %02d:%02d:%02d" % (MONTH, DAY, YEAR, h, m, s)
    return "%s %s %s " % (ts.ljust(19), extra["node"].ljust(16), meta.ljust(13))


# ================================================================ 3. openmediavault (syslog)
# Mon DD HH:MM:SS host prog[pid]: message

OMV_EVENTS = [
    ("rpc_exec", "Executing RPC (service=<*>, method=<*>, params=<*>, context={username=<*>, role=<*>})",
     "omv-engined"),
    ("rpc_failed", "Failed to execute RPC (service=<*>, method=<*>): <*>", "omv-engined"),
    ("bg_started", "Background process '<*>' started (pid=<*>)", "omv-engined"),
    ("bg_finished", "Background process '<*>' finished (pid=<*>, exit code <*>)", "omv-engined"),
    ("apply_module", "Applying configuration changes for module '<*>'", "omv-engined"),
    ("monit_running", "'<*>' process is running with pid <*>", "monit"),
    ("monit_not_running", "'<*>' process is not running", "monit"),
    ("monit_restart", "'<*>' trying to restart", "monit"),
    ("monit_start", "'<*>' start: '<*>'", "monit"),
    ("monit_space_limit", "'<*>' space usage <*>% matches resource limit [space usage > <*>%]", "monit"),
    ("monit_space_ok", "'<*>' space usage check succeeded [current space usage = <*>%]", "monit"),
    ("monit_loadavg", "'<*>' loadavg (5min) of <*> matches resource limit [loadavg (5min) > <*>]", "monit"),
    ("monit_mem", "'<*>' mem usage of <*>% matches resource limit [mem usage > <*>%]", "monit"),
    ("monit_not_mounted", "Filesystem '<*>' not mounted", "monit"),
]
OMV_COUNTS = [90, 12, 20, 18, 25, 14, 7, 7, 16, 30, 26, 5, 4, 26]

OMV_HOSTS = {"omv-nas01": {"omv-engined": 1187, "monit": 904, "load": "8.0", "mem": "90.0"},
             "omv-backup": {"omv-engined": 2213, "monit": 771, "load": "4.0", "mem": "85.0"}}
OMV_HOSTNAMES = ["omv-nas01", "omv-backup"]
OMV_RPCS = [("FileSystemMgmt", "getList", '{"start":0,"limit":25}'),
            ("ShareMgmt", "enumerateSharedFolders", "[]"),
            ("Config", "isDirty", "null"),
            ("Smart", "getListBg", '{"start":0,"limit":-1}'),
            ("Services", "getStatus", "null"),
            ("Rsync", "execute", '{"uuid":"%s"}'),
            ("DiskMgmt", "enumerateDevices", "[]"),
            ("Session", "login", '{"username":"admin","password":"****"}')]
OMV_PROCS = ["nginx", "php-fpm", "omv-engined", "collectd", "rrdcached", "smbd", "proftpd"]
OMV_FS = [("rootfs", "80.0"), ("mountpoint_srv_dev-disk-by-uuid-7c1e2f40-91ab-4d0e-b2d3-5a61c9e0f7aa", "85.0"),
          ("mountpoint_srv_dev-disk-by-label-media", "90.0"),
          ("mountpoint_srv_dev-disk-by-uuid-0b9d4e66-3a2f-4c11-8e5e-2f7a0c1d93b4", "85.0")]
OMV_MOUNTS = ["/srv/dev-disk-by-uuid-7c1e2f40-91ab-4d0e-b2d3-5a61c9e0f7aa",
              "/srv/dev-disk-by-label-media", "/srv/mergerfs/pool1",
              "/srv/dev-disk-by-uuid-0b9d4e66-3a2f-4c11-8e5e-2f7a0c1d93b4"]
OMV_MODULES = ["samba", "nfs", "monit", "collectd", "rsync", "fstab", "nginx", "smartmontools"]
OMV_BG = ["omv-mkfs", "omv-rsync", "omv-salt deploy run fstab", "omv-sysinfo", "omv-upgrade"]
OMV_ERRORS = ["Failed to read file '/var/cache/openmediavault/cache.omv\\controlpanel\\login_js.json' (size=0).",
              "The configuration object 'conf.system.sharedfolder' is not unique.",
              "Permission denied.",
              "Invalid RPC response. Please check the syslog for more information.",
              "Failed to mount '/dev/sdc1': wrong fs type, bad option, bad superblock on /dev/sdc1",
              "Session not authenticated."]


def build_omv(rng, P):
    r = rng

    def vals(name, t):
        host = P.cyc(("hdr", "host"), OMV_HOSTNAMES) if name not in ("monit_loadavg", "monit_mem") \
            else P.cyc((name, "host"), OMV_HOSTNAMES)
        ex = {"host": host}
        if name == "rpc_exec":
            svc, meth, params = P.cyc((name, 1), OMV_RPCS)
            if "%s" in params:
                params = params % P.uuid()
            v = [svc, meth, params, P.cyc((name, 4), ["admin", "admin", "omvadmin", "backup"]),
                 P.cyc((name, 5), [1, 1, 2])]
        elif name == "rpc_failed":
            svc, meth, _ = P.cyc((name, 1), OMV_RPCS)
            v = [svc, meth, P.cyc((name, 3), OMV_ERRORS)]
        elif name in ("bg_started", "bg_finished"):
            v = [P.cyc((name, 1), OMV_BG), r.randint(2000, 65000)]
            if name == "bg_finished":
                v.append(P.cyc((name, 3), [0, 0, 0, 1, 0, 2]))
        elif name == "apply_module":
            v = [P.cyc((name, 1), OMV_MODULES)]
        elif name == "monit_running":
            v = [P.cyc((name, 1), OMV_PROCS), r.randint(300, 40000)]
        elif name in ("monit_not_running", "monit_restart"):
            v = [P.cyc((name, 1), OMV_PROCS)]
        elif name == "monit_start":
            p = P.cyc((name, 1), OMV_PROCS)
            unit = {"php-fpm": "php8.2-fpm"}.get(p, p)
            v = [p, "/bin/systemctl start %s" % unit]
        elif name == "monit_space_limit":
            fs, lim = P.cyc((name, 1), OMV_FS)
            v = [fs, "%.1f" % (float(lim) + r.uniform(0.1, 9.0)), lim]
        elif name == "monit_space_ok":
            fs, lim = P.cyc((name, 1), OMV_FS)
            v = [fs, "%.1f" % (float(lim) - r.uniform(0.5, 30.0))]
        elif name == "monit_loadavg":
            lim = OMV_HOSTS[host]["load"]
            v = [host, "%.1f" % (float(lim) + r.uniform(0.2, 6.0)), lim]
        elif name == "monit_mem":
            lim = OMV_HOSTS[host]["mem"]
            v = [host, "%.1f" % (float(lim) + r.uniform(0.1, 9.0)), lim]
        elif name == "monit_not_mounted":
            v = [P.cyc((name, 1), OMV_MOUNTS)]
        else:
            raise KeyError(name)
        return v, ex

    names = [e[0] for e in OMV_EVENTS]
    return shuffle_records(r, list(zip(names, OMV_COUNTS)), vals, 6 * 3600 * NS, 70 * NS)


def hdr_omv(t, meta, extra):
    h, m, s, _ = hms(t)
    host = extra["host"]
    return "%s %2d %02d:%02d:%02d %s %s[%d]: " % (MONTHS[MONTH - 1], DAY, h, m, s, host, meta,
                                                  OMV_HOSTS[host][meta])


# ================================================================ 4. SnapRAID (snapraid-runner log)
# YYYY-MM-DD HH:MM:SS,mmm [LEVEL] message

SNAPRAID_EVENTS = [
    ("loading", "Loading state from <*>...", "OUTPUT"),
    ("saving", "Saving state to <*>...", "OUTPUT"),
    ("verifying", "Verifying <*>...", "OUTPUT"),
    ("verified", "Verified <*> in <*> seconds", "OUTPUT"),
    ("scanning", "Scanning disk <*>...", "OUTPUT"),
    ("scanned", "Scanned <*> in <*> seconds", "OUTPUT"),
    ("memory", "Using <*> MiB of memory for the file-set.", "OUTPUT"),
    ("progress", "<*>% completed, <*> MB accessed in <*>", "OUTPUT"),
    ("add", "add <*>", "OUTPUT"),
    ("remove", "remove <*>", "OUTPUT"),
    ("update", "update <*>", "OUTPUT"),
    ("move", "move <*> -> <*>", "OUTPUT"),
    ("read_error", "Error reading file '<*>' at offset <*> for size <*>. <*>.", "OUTERR"),
    ("diff_results", "Diff results: <*> added,  <*> removed,  <*> moved,  <*> modified", "INFO"),
]
SNAPRAID_COUNTS = [14, 14, 12, 12, 24, 24, 6, 22, 70, 30, 36, 8, 5, 23]

SR_CONTENT = ["/var/snapraid/snapraid.content", "/mnt/disk1/snapraid.content",
              "/mnt/disk2/snapraid.content", "/mnt/parity1/snapraid.content"]
SR_DISKS = ["d1", "d2", "d3", "d4", "d5", "d6"]
SR_DIRS = ["Movies", "TV/The Expanse/Season 2", "Photos/2025/12", "Music/Radiohead/OK Computer",
           "Backups/laptop-alice", "Documents/taxes/2025", "Photos/2026/03", "ISOs", "TV/Severance/Season 1"]
SR_FILES = {"Movies": ["Arrival (2016).mkv", "Dune Part Two (2024).mkv", "Heat (1995).mkv"],
            "TV/The Expanse/Season 2": ["S02E%02d.mkv"],
            "TV/Severance/Season 1": ["Severance.S01E%02d.mkv"],
            "Photos/2025/12": ["IMG_%04d.HEIC", "IMG_%04d.jpg"],
            "Photos/2026/03": ["PXL_20260311_%04d.jpg", "IMG_%04d.MOV"],
            "Music/Radiohead/OK Computer": ["%02d - Airbag.flac", "%02d - Let Down.flac"],
            "Backups/laptop-alice": ["backup-%04d.tar.zst", "borg/data/0/%04d"],
            "Documents/taxes/2025": ["receipt_%04d.pdf", "W2-%04d.pdf"],
            "ISOs": ["debian-12.%d.0-amd64-netinst.iso", "ubuntu-24.04.%d-live-server-amd64.iso"]}
SR_IOERRS = ["Input/output error", "No data available", "Stale file handle", "Bad message"]


def build_snapraid(rng, P):
    r = rng

    def path(key):
        d = P.cyc((key, "dir"), SR_DIRS)
        f = r.choice(SR_FILES[d])
        if "%" in f:
            f = f % r.randint(1, 9999 if "04d" in f else 12)
        return "%s/%s" % (d, f)

    def vals(name, t):
        if name in ("loading", "saving", "verifying"):
            v = [P.cyc((name, 1), SR_CONTENT)]
        elif name == "verified":
            v = [P.cyc((name, 1), SR_CONTENT), r.randint(1, 14)]
        elif name == "scanning":
            v = [P.cyc((name, 1), SR_DISKS)]
        elif name == "scanned":
            v = [P.cyc((name, 1), SR_DISKS), r.randint(0, 40)]
        elif name == "memory":
            v = [r.randint(180, 1900)]
        elif name == "progress":
            pct = P.cyc((name, 1), [100, 100, 100, 8, 12, 100, 3])
            mb = r.randint(2000, 2600000)
            secs = r.randint(5, 36000)
            v = [pct, mb, "%d:%02d" % (secs // 3600, (secs // 60) % 60)]
        elif name in ("add", "remove", "update"):
            v = [path(name)]
        elif name == "move":
            a = path(name)
            b = path(name + "_b")
            v = [a, b]
        elif name == "read_error":
            v = ["/mnt/disk%d/%s" % (r.randint(1, 6), path(name)), r.randint(0, 900) * 262144,
                 P.cyc((name, 3), [262144, 131072, 65536]), P.cyc((name, 4), SR_IOERRS)]
        elif name == "diff_results":
            v = [r.randint(0, 400), r.randint(0, 60), r.randint(0, 12), r.randint(0, 90)]
        else:
            raise KeyError(name)
        return v, {}

    names = [e[0] for e in SNAPRAID_EVENTS]
    return shuffle_records(r, list(zip(names, SNAPRAID_COUNTS)), vals, 3 * 3600 * NS, 40 * NS)


def hdr_snapraid(t, meta, extra):
    h, m, s, ms = hms(t)
    return "%04d-%02d-%02d %02d:%02d:%02d,%03d [%s] " % (YEAR, MONTH, DAY, h, m, s, ms, meta)


# ================================================================ 5. NFS-Ganesha ganesha.log
# DD/MM/YYYY HH:MM:SS : epoch XXXXXXXX : host : ganesha.nfsd-PID[thread] func :COMPONENT :LEVEL :message

GANESHA_EVENTS = [
    ("grace_in", "NFS Server Now IN GRACE, duration <*>", ("nfs_start_grace", "STATE", "EVENT")),
    ("grace_out", "NFS Server Now NOT IN GRACE", ("nfs_lift_grace_locked", "STATE", "EVENT")),
    ("client_confirmed", "Client <*> (clientid <*>) confirmed", ("nfs_client_id_confirm", "CLIENT ID", "EVENT")),
    ("client_expired", "Client <*> (clientid <*>) expired", ("nfs_client_id_expire", "CLIENT ID", "EVENT")),
    ("open_failed", "OPEN of <*> by client <*> failed with <*>", ("nfs4_op_open", "NFS4", "WARN")),
    ("fsal_map", "Mapping <*>(default) to ERR_FSAL_SERVERFAULT", ("posix2fsal_error", "FSAL", "CRIT")),
    ("export_added", "Export <*> (pseudo <*>) added from <*>", ("gsh_export_addexport", "EXPORT", "EVENT")),
    ("export_removed", "Export <*> (pseudo <*>) removed", ("gsh_export_removeexport", "EXPORT", "EVENT")),
    ("health", "Health status is unhealthy. enq new: <*>, old: <*>; deq new: <*>, old: <*>",
     ("nfs_health", "DBUS", "WARN")),
    ("bad_minor", "Bad Minor Version <*> from client <*>", ("nfs4_Compound", "NFS4", "WARN")),
    ("mount_ok", "MOUNT request from <*> for <*> granted", ("mnt_Mnt", "NFS3", "EVENT")),
    ("mount_denied", "MOUNT request from <*> for <*> denied: <*>", ("mnt_Mnt", "NFS3", "WARN")),
    ("lru_limit", "FD Hard Limit Exceeded, waking LRU thread.", ("mdcache_lru_fds_available", "INODE LRU", "CRIT")),
    ("lock_conflict", "Lock conflict on fileid <*> by clientid <*>, range <*>-<*>",
     ("state_lock", "STATE", "EVENT")),
]
GN_EXPORTS = [(1, "/export/home", "/etc/ganesha/exports/home.conf"),
              (12, "/export/projects", "/etc/ganesha/exports/projects.conf"),
              (27, "/export/scratch", "/etc/ganesha/exports/scratch.conf"),
              (40, "/export/vmimages", "/etc/ganesha/exports.d/vmimages.conf"),
              (41, "/export/builds", "/etc/ganesha/exports.d/builds.conf")]
GN_FILES = ["home/alice/.bashrc", "home/bob/thesis/chapter3.tex", "projects/render/frame_%05d.exr",
            "scratch/tmp/job_%d.out", "home/carol/.cache/pip/http/%x", "projects/ml/checkpoints/step_%d.pt",
            "builds/nightly/artifact-%d.tar.gz"]
GN_NFS4ERR = ["NFS4ERR_ACCESS", "NFS4ERR_NOENT", "NFS4ERR_SHARE_DENIED", "NFS4ERR_DQUOT", "NFS4ERR_GRACE"]
GN_MOUNT_DENY = ["client not in export access list", "export path not found",
                 "client requested insecure port 40213", "no matching export for /export/home/old"]


def build_ganesha(rng, P):
    r = rng
    ents = []
    cid_base = GN_EPOCH

    def svc():
        return "svc_%d" % r.randint(1, 48)

    def client_addr():
        return "::ffff:%s" % P.ip(P.cyc(("client", "net"), ["10", "172"]))

    cnt = [r.randint(40, 90)]

    def ent_v4(t):
        out = []
        addr = client_addr()
        cnt[0] += r.randint(1, 3)
        cid = "0x%08x%08x" % (cid_base & 0xffffffff, cnt[0])
        out.append((t, "client_confirmed", [addr, cid], {"thread": svc()}))
        for _ in range(r.choice([0, 1, 1, 2, 3, 5])):
            t += int(r.expovariate(1.0 / (40 * NS))) + r.randint(1, 999) * MS
            k = wchoice(r, [("open", 6), ("lock", 3), ("minor", 1)])
            if k == "open":
                f = P.cyc(("open_failed", 1), GN_FILES)
                if "%" in f:
                    f = f % r.randint(1, 99999)
                out.append((t, "open_failed", [f, addr, P.cyc(("open_failed", 3), GN_NFS4ERR)],
                            {"thread": svc()}))
            elif k == "lock":
                start = r.randint(0, 4096) * 4096
                out.append((t, "lock_conflict", [r.randint(10 ** 5, 10 ** 9), cid, start,
                                                 start + r.choice([0, 511, 4095, 1048575])],
                            {"thread": svc()}))
            else:
                out.append((t, "bad_minor", [P.cyc(("bad_minor", 1), [3, 4, 7]), addr], {"thread": svc()}))
        if r.random() < 0.7:
            t += r.randint(90, 400) * NS + r.randint(0, 999) * MS
            out.append((t, "client_expired", [addr, cid], {"thread": "reaper"}))
        return out

    def ent_v3(t):
        addr = P.ip(P.cyc(("mount", "net"), ["10", "192"]))
        ex = P.cyc(("mount", "ex"), GN_EXPORTS)[1]
        if r.random() < 0.75:
            return [(t, "mount_ok", [addr, ex], {"thread": svc()})]
        return [(t, "mount_denied", [addr, ex, P.cyc(("mount_denied", 3), GN_MOUNT_DENY)], {"thread": svc()})]

    def ent_export(t):
        eid, pseudo, conf = P.cyc(("export", 1), GN_EXPORTS)
        out = [(t, "export_added", [eid, pseudo, conf], {"thread": "dbus"})]
        if r.random() < 0.6:
            t += r.randint(60, 1800) * NS + r.randint(0, 999) * MS
            out.append((t, "export_removed", [eid, pseudo], {"thread": "dbus"}))
        return out

    def ent_health(t):
        out = []
        enq = r.randint(10 ** 5, 10 ** 7)
        deq = enq - r.randint(50, 4000)
        for _ in range(r.choice([1, 2, 3])):
            t += r.randint(1, 10) * NS + r.randint(0, 999) * MS
            ne = enq + r.randint(100, 5000)
            out.append((t, "health", [ne, enq, deq, deq], {"thread": "dbus_heartbeat"}))
            enq = ne
        return out

    def ent_fsal(t):
        out = []
        for _ in range(r.choice([1, 1, 2, 3])):
            t += r.randint(1, 3000) * MS
            out.append((t, "fsal_map", [P.cyc(("fsal_map", 1), [5, 116, 121, 28, 95])], {"thread": svc()}))
        return out

    def ent_lru(t):
        return [(t, "lru_limit", [], {"thread": "cache_lru"})]

    def ent_grace(t):
        d = P.cyc(("grace", 1), [90, 60, 120])
        return [(t, "grace_in", [d], {"thread": "dbus"}),
                (t + d * NS + r.randint(0, 900) * MS, "grace_out", [], {"thread": "reaper"})]

    kinds = [(ent_v4, 38), (ent_v3, 16), (ent_export, 6), (ent_health, 7), (ent_fsal, 6),
             (ent_lru, 3), (ent_grace, 3)]
    t = 8 * 3600 * NS
    ents.append(ent_grace(t))
    for _ in range(200):
        t += int(r.expovariate(1.0 / (50 * NS))) + r.randint(1, 999) * MS
        ents.append(wchoice(r, kinds)(t))
    return merge_entities(ents)


GN_EPOCH = DAY0_S + 7 * 3600 + 59 * 60 + 13
GN_PID = 2841


def hdr_ganesha(t, meta, extra):
    func, comp, level = meta
    h, m, s, _ = hms(t)
    return "%02d/%02d/%04d %02d:%02d:%02d : epoch %08x : nfs-gw01 : ganesha.nfsd-%d[%s] %s :%s :%s :" % (
        DAY, MONTH, YEAR, h, m, s, GN_EPOCH, GN_PID, extra["thread"], func, comp, level)


# ================================================================ 6. stratisd (journal, short format)
# Mon DD HH:MM:SS host stratisd[pid]: [YYYY-MM-DDTHH:MM:SSZ LEVEL module] message

STRATIS_EVENTS = [
    ("setup_pool", "Setting up pool <*> with UUID <*>", ("INFO", "stratisd::engine::strat_engine::liminal::liminal")),
    ("pool_started", "Pool <*> (UUID <*>) started", ("INFO", "stratisd::engine::strat_engine::engine")),
    ("pool_stopped", "Pool <*> (UUID <*>) stopped", ("INFO", "stratisd::engine::strat_engine::engine")),
    ("fs_created", "Created filesystem <*> in pool <*> with UUID <*>",
     ("INFO", "stratisd::engine::strat_engine::pool::v2")),
    ("fs_destroyed", "Destroyed filesystem <*> in pool <*>", ("INFO", "stratisd::engine::strat_engine::pool::v2")),
    ("bd_added", "Added blockdev <*> to pool <*> as <*> device",
     ("INFO", "stratisd::engine::strat_engine::backstore::backstore::v2")),
    ("extend_data", "Extending thin data device in pool <*> by <*>",
     ("INFO", "stratisd::engine::strat_engine::thinpool::thinpool")),
    ("extend_meta", "Extending thin metadata device in pool <*> by <*>",
     ("INFO", "stratisd::engine::strat_engine::thinpool::thinpool")),
    ("low_space", "Pool <*> has only <*> of free physical space remaining",
     ("WARN", "stratisd::engine::strat_engine::pool::v2")),
    ("identified", "Identified Stratis device <*> belonging to pool <*>",
     ("INFO", "stratisd::engine::strat_engine::liminal::identify")),
    ("bad_metadata", "Device <*> appears to be a Stratis device but its metadata could not be read: <*>",
     ("WARN", "stratisd::engine::strat_engine::liminal::identify")),
    ("create_fs_failed", "CreateFilesystems failed for pool <*>: <*>",
     ("ERROR", "stratisd::dbus_api::pool::pool_3_0::methods")),
    ("snap_created", "Created snapshot <*> of filesystem <*> in pool <*>",
     ("INFO", "stratisd::engine::strat_engine::pool::v2")),
    ("fs_extend", "Filesystem <*> in pool <*> is <*>% full, extending by <*>",
     ("INFO", "stratisd::engine::strat_engine::thinpool::filesystem")),
]
STRATIS_COUNTS = [12, 14, 9, 28, 16, 18, 24, 8, 6, 70, 4, 5, 46, 40]

ST_POOLS = ["p1", "pool0", "datapool", "vmstore", "backups"]
ST_FS = ["fs1", "home", "images", "scratch", "postgres", "builds", "logs"]
ST_DEVS = ["/dev/sdb", "/dev/sdc", "/dev/sdd", "/dev/nvme0n1", "/dev/nvme1n1", "/dev/vdb", "/dev/vdc",
           "/dev/mapper/mpatha"]
ST_ERRS = ["Filesystem name home already exists in pool",
           "Not enough free space in thin pool: requested 1 TiB, available 212.4 GiB",
           "Engine error: DM error: Core error: ioctl error: Device or resource busy",
           "Pool is in a read-only state and cannot be modified"]
ST_BADMETA = ["Stratis signature checksum mismatch", "Failed to read BDA: unexpected end of file",
              "Invalid pool-level metadata JSON: missing field `backstore`",
              "Permission denied (os error 13)"]


def build_stratis(rng, P):
    r = rng
    pool_uuid = {p: P.uuid() for p in ST_POOLS}

    def vals(name, t):
        if name in ("setup_pool", "pool_started", "pool_stopped"):
            p = P.cyc((name, 1), ST_POOLS)
            v = [p, pool_uuid[p]]
        elif name == "fs_created":
            v = [P.cyc((name, 1), ST_FS), P.cyc((name, 2), ST_POOLS), P.uuid()]
        elif name == "fs_destroyed":
            v = [P.cyc((name, 1), ST_FS), P.cyc((name, 2), ST_POOLS)]
        elif name == "bd_added":
            v = [P.cyc((name, 1), ST_DEVS), P.cyc((name, 2), ST_POOLS), P.cyc((name, 3), ["data", "data", "cache"])]
        elif name == "extend_data":
            v = [P.cyc((name, 1), ST_POOLS), P.cyc((name, 2), ["1 GiB", "2 GiB", "4 GiB", "512 MiB", "16 GiB"])]
        elif name == "extend_meta":
            v = [P.cyc((name, 1), ST_POOLS), P.cyc((name, 2), ["16 MiB", "32 MiB", "64 MiB", "8 MiB"])]
        elif name == "low_space":
            v = [P.cyc((name, 1), ST_POOLS), "%.2f GiB" % r.uniform(0.3, 12)]
        elif name == "identified":
            v = [P.cyc((name, 1), ST_DEVS), pool_uuid[P.cyc((name, 2), ST_POOLS)]]
        elif name == "bad_metadata":
            v = [P.cyc((name, 1), ST_DEVS), P.cyc((name, 2), ST_BADMETA)]
        elif name == "create_fs_failed":
            v = [P.cyc((name, 1), ST_POOLS), P.cyc((name, 2), ST_ERRS)]
        elif name == "snap_created":
            fs = P.cyc((name, 2), ST_FS)
            h, m, _, _ = hms(t)
            v = ["%s-snap-%04d%02d%02d-%02d%02d" % (fs, YEAR, MONTH, DAY, h, m), fs, P.cyc((name, 3), ST_POOLS)]
        elif name == "fs_extend":
            v = [P.cyc((name, 1), ST_FS), P.cyc((name, 2), ST_POOLS), "%.1f" % r.uniform(80, 99.5),
                 P.cyc((name, 4), ["1 TiB", "512 GiB", "256 GiB", "2 TiB"])]
        else:
            raise KeyError(name)
        return v, {}

    names = [e[0] for e in STRATIS_EVENTS]
    return shuffle_records(r, list(zip(names, STRATIS_COUNTS)), vals, 9 * 3600 * NS, 60 * NS)


def hdr_stratis(t, meta, extra):
    level, module = meta
    h, m, s, _ = hms(t)
    return "%s %2d %02d:%02d:%02d stor-node3 stratisd[%d]: [%04d-%02d-%02dT%02d:%02d:%02dZ %-5s %s] " % (
        MONTHS[MONTH - 1], DAY, h, m, s, 1042, YEAR, MONTH, DAY, h, m, s, level, module)


# ================================================================ registry

def _ts_syslog(g):
    return (MONTHS.index(g["mon"]) + 1, int(g["d"]), int(g["H"]), int(g["M"]), int(g["S"]), 0)


SYSTEMS = [
    {"name": "TruenasMiddleware", "events": TRUENAS_EVENTS, "build": build_truenas, "hdr": hdr_truenas,
     "sim": "simulation",
     "header_re": r"\[(?P<Y>\d{4})/(?P<mo>\d{2})/(?P<d>\d{2}) (?P<H>\d{2}):(?P<M>\d{2}):(?P<S>\d{2})\] "
                  r"\((?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\) [A-Za-z_][\w.]*\(\):\d+ - ",
     "ts": lambda g: (int(g["mo"]), int(g["d"]), int(g["H"]), int(g["M"]), int(g["S"]), 0)},
    {"name": "NetappEms", "events": NETAPP_EVENTS, "build": build_netapp, "hdr": hdr_netapp, "sim": "shuffle",
     "header_re": r"(?P<mo>\d{1,2})/(?P<d>\d{1,2})/(?P<Y>\d{4}) (?P<H>\d{2}):(?P<M>\d{2}):(?P<S>\d{2}) {1,2}"
                  r"[\w-]+ +(?:EMERGENCY|ALERT|ERROR|NOTICE|INFORMATIONAL|DEBUG) +",
     "ts": lambda g: (int(g["mo"]), int(g["d"]), int(g["H"]), int(g["M"]), int(g["S"]), 0)},
    {"name": "Openmediavault", "events": OMV_EVENTS, "build": build_omv, "hdr": hdr_omv, "sim": "shuffle",
     "header_re": r"(?P<mon>[A-Z][a-z]{2}) (?P<d>[ \d]\d) (?P<H>\d{2}):(?P<M>\d{2}):(?P<S>\d{2}) [\w.-]+ "
                  r"(?:omv-engined|monit)\[\d+\]: ",
     "ts": _ts_syslog},
    {"name": "Snapraid", "events": SNAPRAID_EVENTS, "build": build_snapraid, "hdr": hdr_snapraid,
     "sim": "shuffle",
     "header_re": r"(?P<Y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2}) (?P<H>\d{2}):(?P<M>\d{2}):(?P<S>\d{2}),(?P<ms>\d{3}) "
                  r"\[(?:INFO|OUTPUT|OUTERR|WARNING|ERROR)\] ",
     "ts": lambda g: (int(g["mo"]), int(g["d"]), int(g["H"]), int(g["M"]), int(g["S"]), int(g["ms"]))},
    {"name": "NfsGanesha", "events": GANESHA_EVENTS, "build": build_ganesha, "hdr": hdr_ganesha,
     "sim": "simulation",
     "header_re": r"(?P<d>\d{2})/(?P<mo>\d{2})/(?P<Y>\d{4}) (?P<H>\d{2}):(?P<M>\d{2}):(?P<S>\d{2}) : "
                  r"epoch [0-9a-f]{8} : [\w.-]+ : ganesha\.nfsd-\d+\[\w+\] \w+ :[A-Z0-9 ]+ :"
                  r"(?:NULL|FATAL|MAJ|CRIT|WARN|EVENT|INFO|DEBUG|MID_DEBUG|FULL_DEBUG) :",
     "ts": lambda g: (int(g["mo"]), int(g["d"]), int(g["H"]), int(g["M"]), int(g["S"]), 0)},
    {"name": "Stratis", "events": STRATIS_EVENTS, "build": build_stratis, "hdr": hdr_stratis, "sim": "shuffle",
     "header_re": r"(?P<mon>[A-Z][a-z]{2}) (?P<d>[ \d]\d) (?P<H>\d{2}):(?P<M>\d{2}):(?P<S>\d{2}) [\w.-]+ "
                  r"stratisd\[\d+\]: \[\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z (?:ERROR|WARN |INFO |DEBUG|TRACE) "
                  r"[\w:]+\] ",
     "ts": _ts_syslog},
]


# ================================================================ generation

def generate(k, sysd):
    rng = random.Random(BASE_SEED * 10 + k)
    P = Pools(rng)
    events = sysd["events"]
    eid = {e[0]: "E%d" % (i + 1) for i, e in enumerate(events)}
    meta = {e[0]: e for e in events}
    recs = sysd["build"](rng, P)
    assert len(recs) == N_LINES, (sysd["name"], len(recs))
    lines, rows = [], []
    for i, (t, name, vals, extra) in enumerate(recs):
        _, tpl, m = meta[name]
        content = fill(tpl, vals)
        got = re.fullmatch(tpl_to_regex(tpl), content)
        assert got and list(got.groups()) == [str(v) for v in vals], (sysd["name"], name, content, vals)
        header = sysd["hdr"](t, m, extra)
        lines.append(header + content)
        rows.append([i + 1, content, eid[name], tpl])
    d = os.path.join(HERE, sysd["name"])
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, sysd["name"] + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(d, sysd["name"] + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


# ================================================================ self-check

def check(sysd):
    name = sysd["name"]
    errs = []
    d = os.path.join(HERE, name)
    with open(os.path.join(d, name + ".log"), "rb") as f:
        raw = f.read()
    with open(os.path.join(d, name + ".log_structured.csv"), "rb") as f:
        rawcsv = f.read()
    if not raw.endswith(b"\n") or b"\r" in raw:
        errs.append("log: bad line ending")
    if not rawcsv.endswith(b"\n") or b"\r" in rawcsv:
        errs.append("csv: bad line ending")
    lines = raw.decode("utf-8").split("\n")[:-1]
    if len(lines) != N_LINES:
        errs.append("log has %d lines" % len(lines))
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rd = list(csv.reader(f))
    if rd[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header")
    rows = rd[1:]
    if len(rows) != N_LINES:
        errs.append("csv has %d rows" % len(rows))
    hre = re.compile(sysd["header_re"])
    prev = None
    tpl_of = {}
    counts = {}
    caps = {}
    for i, (line, row) in enumerate(zip(lines, rows)):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i + 1, len(row)))
            continue
        lid, content, ev, tpl = row
        if lid != str(i + 1):
            errs.append("LineId %s at row %d" % (lid, i + 1))
        if not content or content != content.strip():
            errs.append("content not stripped/empty at %d" % (i + 1))
        if "\n" in content or "\n" in tpl:
            errs.append("embedded newline at %d" % (i + 1))
        if not line.endswith(content):
            errs.append("line %d does not end with content" % (i + 1))
            continue
        header = line[:len(line) - len(content)]
        m = hre.fullmatch(header)
        if not m:
            errs.append("header mismatch line %d: %r" % (i + 1, header))
            continue
        ts = sysd["ts"](m.groupdict())
        if prev is not None and ts < prev:
            errs.append("time goes back at line %d" % (i + 1))
        prev = ts
        if not re.fullmatch(r"E\d+", ev):
            errs.append("bad EventId %r" % ev)
        if tpl_of.setdefault(ev, tpl) != tpl:
            errs.append("EventId %s has two templates" % ev)
        counts[ev] = counts.get(ev, 0) + 1
        mm = re.fullmatch(tpl_to_regex(tpl), content)
        if not mm:
            errs.append("template does not match content at line %d" % (i + 1))
            continue
        for j, g in enumerate(mm.groups()):
            caps.setdefault((ev, j), set()).add(g)
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("two EventIds share a template")
    declared = ["E%d" % (i + 1) for i in range(len(sysd["events"]))]
    if sorted(tpl_of) != sorted(declared):
        errs.append("declared events not all used: %s" % sorted(set(declared) - set(tpl_of)))
    for i, e in enumerate(sysd["events"]):
        if tpl_of.get("E%d" % (i + 1), e[1]) != e[1]:
            errs.append("E%d template differs from declaration" % (i + 1))
    for (ev, j), s in caps.items():
        if len(s) < 2:
            errs.append("%s slot %d has a single value %r" % (ev, j + 1, next(iter(s))))
    n = len(counts)
    cv = sorted(counts.values())
    if not 12 <= n <= 15:
        errs.append("%d event types" % n)
    if cv and cv[0] < 3:
        errs.append("an event has %d lines" % cv[0])
    if sum(1 for c in cv if 3 <= c <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(cv) if cv else 0
    if cv and cv[-1] < 3 * med:
        errs.append("largest %d < 3x median %s" % (cv[-1], med))
    return errs, counts, med


def main():
    for k, sysd in enumerate(SYSTEMS, start=1):
        generate(k, sysd)
    bad = False
    for sysd in SYSTEMS:
        errs, counts, med = check(sysd)
        cv = sorted(counts.values())
        status = "OK" if not errs else "FAIL"
        print("%-18s %-10s %s lines=%d events=%d min=%d median=%s max=%d small(3-10)=%d" % (
            sysd["name"], sysd["sim"], status, sum(cv), len(cv), cv[0] if cv else 0, med,
            cv[-1] if cv else 0, sum(1 for c in cv if 3 <= c <= 10)))
        for e in errs[:20]:
            print("   ", e)
        bad = bad or bool(errs)
    if bad:
        print("SELF-CHECK FAILED")
        sys.exit(1)
    print("SELF-CHECK PASSED")


if __name__ == "__main__":
    main()
