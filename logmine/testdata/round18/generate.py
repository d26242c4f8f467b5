#!/usr/bin/env python3
"""Round 18: a blind, labelled log corpus for the log template miner.

Writes, for six systems, <System>/<System>.log (raw lines, header included)
and <System>/<System>.log_structured.csv (LineId,Content,EventId,EventTemplate),
then reads everything back and runs the self-check.

Deterministic: fixed seed, integer nanosecond clock on 2026-12-17, no wall
time, no locale.  Python 3 standard library only.
"""
import csv
import datetime
import os
import random
import re
import statistics

SEED = 20261223
DATE = "2026-12-17"
HERE = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300

S = 10 ** 9
MS = 10 ** 6
US = 10 ** 3
DAY = 86400 * S
# Unix time of 2026-12-17 00:00:00 (the log clock is treated as UTC for epochs)
EPOCH_DAY = (datetime.date(2026, 12, 17) - datetime.date(1970, 1, 1)).days * 86400


# ----------------------------------------------------------------- helpers
def split_ns(t):
    assert 0 <= t < DAY, t
    sec, ns = divmod(t, S)
    h, r = divmod(sec, 3600)
    m, s = divmod(r, 60)
    return h, m, s, ns


def at(h, m=0, s=0):
    return ((h * 60 + m) * 60 + s) * S


def fill(tpl, vals):
    parts = tpl.split("<*>")
    assert len(parts) - 1 == len(vals), (tpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        assert v != "" and v == v.strip(), (tpl, v)
        out.append(v)
        out.append(p)
    return "".join(out)


class Cyc:
    """Cycling pool: every value comes round, so rare events vary too."""

    def __init__(self, rng, items, shuffle=True):
        self.items = list(items)
        if shuffle:
            rng.shuffle(self.items)
        self.i = 0

    def __call__(self):
        v = self.items[self.i % len(self.items)]
        self.i += 1
        return v


def uuid4(rng):
    h = "%032x" % rng.getrandbits(128)
    h = h[:12] + "4" + h[13:16] + "89ab"[int(h[16], 16) % 4] + h[17:]
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def hexs(rng, n):
    return "".join("0123456789abcdef"[rng.randrange(16)] for _ in range(n))


class Rec:
    __slots__ = ("t", "seq", "header", "content", "eid")

    def __init__(self, t, seq, header, content, eid):
        self.t, self.seq, self.header, self.content, self.eid = t, seq, header, content, eid


# ======================================================================
# 1. Patroni -- seeded shuffle
#    default log.format '%(asctime)s %(levelname)s: %(message)s'
# ======================================================================
PATRONI_T = {
    "E1": "no action. I am (pg-node2), a secondary, and following a leader (<*>)",
    "E2": "Lock owner: <*>; I am pg-node2",
    "E3": "<*> - accepting connections",
    "E4": "<*> - rejecting connections",
    "E5": "establishing a new patroni heartbeat connection to postgres",
    "E6": "establishing a new patroni restapi connection to postgres",
    "E7": "Got response from <*> <*>: {'state': 'running', 'postmaster_start_time': '<*>', "
          "'role': 'replica', 'server_version': <*>, 'xlog': {'received_location': <*>, "
          "'replayed_location': <*>, 'replayed_timestamp': '<*>', 'paused': False}, "
          "'timeline': <*>, 'dcs_last_seen': <*>, 'database_system_identifier': "
          "'7452918836041172203', 'patroni': {'version': '3.3.2', 'scope': 'pg-main', "
          "'name': '<*>'}}",
    "E8": "Reaped pid=<*>, exit status=<*>",
    "E9": "Failed to get list of machines from <*>: <*>",
    "E10": "Selected new etcd server <*>",
    "E11": "Retrying (Retry(total=<*>, connect=None, read=None, redirect=0, status=None)) "
           "after connection broken by '<*>': <*>",
    "E12": "Request failed to <*>: GET <*> (<*>)",
    "E13": "Local timeline=<*> lsn=<*>",
    "E14": "primary_timeline=<*>",
}
PATRONI_LEVEL = {"E9": "ERROR", "E11": "WARNING", "E12": "WARNING"}
PATRONI_COUNTS = {"E1": 109, "E2": 105, "E3": 6, "E4": 5, "E5": 4, "E6": 4, "E7": 8,
                  "E8": 12, "E9": 7, "E10": 9, "E11": 14, "E12": 5, "E13": 6, "E14": 6}


def patroni_ts(t):
    h, m, s, ns = split_ns(t)
    return "%s %02d:%02d:%02d,%03d" % (DATE, h, m, s, ns // MS)


def gen_patroni(rng):
    kinds = [e for e, n in PATRONI_COUNTS.items() for _ in range(n)]
    rng.shuffle(kinds)
    members = {
        "pg-node1": ("http://10.0.0.11:8008/patroni", "2026-12-17 03:12:44.509183+00:00", 160004),
        "pg-node3": ("http://10.0.0.13:8008/patroni", "2026-12-17 05:41:09.118254+00:00", 160006),
    }
    sock = Cyc(rng, ["localhost:5432", "/var/run/postgresql:5432"])
    member = Cyc(rng, ["pg-node1", "pg-node3"])
    etcd = Cyc(rng, ["http://10.0.0.21:2379", "http://10.0.0.22:2379", "http://10.0.0.23:2379"])
    etcd_err = Cyc(rng, [
        "MaxRetryError(\"HTTPConnectionPool(host='10.0.0.21', port=2379): Max retries exceeded "
        "with url: /v3/cluster/member/list (Caused by ConnectTimeoutError(<urllib3.connection."
        "HTTPConnection object at 0x7f3a2c1d4e50>, 'Connection to 10.0.0.21 timed out. "
        "(connect timeout=1.6666666666666667)'))\")",
        "ProtocolError('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))",
        "ConnectionRefusedError(111, 'Connection refused')",
        "ReadTimeoutError(\"HTTPConnectionPool(host='10.0.0.22', port=2379): Read timed out. "
        "(read timeout=3.3333333333333335)\")",
    ])
    broken = Cyc(rng, [
        "ReadTimeoutError(\"HTTPConnectionPool(host='10.0.0.21', port=2379): Read timed out. "
        "(read timeout=3.3333333333333335)\")",
        "ProtocolError('Connection aborted.', RemoteDisconnected('Remote end closed connection "
        "without response'))",
        "NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f3a2bfe0a90>: "
        "Failed to establish a new connection: [Errno 111] Connection refused')",
    ])
    exit_status = Cyc(rng, [0, 0, 0, 1], shuffle=False)
    kv_path = Cyc(rng, ["/v3/kv/range", "/v3/kv/txn", "/v3/lease/keepalive"])
    req_err = Cyc(rng, [
        "HTTPConnectionPool(host='10.0.0.11', port=8008): Read timed out. (read timeout=2)",
        "HTTPConnectionPool(host='10.0.0.13', port=8008): Max retries exceeded with url: "
        "/patroni (Caused by ProtocolError('Connection aborted.', ConnectionResetError(104, "
        "'Connection reset by peer')))",
        "timed out",
    ])
    recs = []
    t = at(6, 0, 2) + rng.randrange(S)
    lsn_base = 0x5F000000 + rng.randrange(1 << 20)
    n = len(kinds)
    for i, e in enumerate(kinds):
        t += rng.randrange(300 * MS, 9800 * MS)
        frac = i / n
        leader = "pg-node1" if frac < 0.55 else "pg-node3"
        tl = 3 if frac < 0.55 else 4
        lsn_base += rng.randrange(1, 1 << 18)
        if e in ("E1", "E2"):
            vals = [leader]
        elif e in ("E3", "E4"):
            vals = [sock()]
        elif e in ("E5", "E6"):
            vals = []
        elif e == "E7":
            m = member()
            url, started, ver = members[m]
            rec = lsn_base + 0x2F00000000 + rng.randrange(1 << 12)
            rep = rec - rng.randrange(0, 4096)
            rts = patroni_ts(t - rng.randrange(50 * MS, 900 * MS)).replace(",", ".") + "000+00:00"
            sec = EPOCH_DAY + t // S - rng.randrange(0, 9)
            vals = [m, url, started, ver, rec, rep, rts, tl, sec, m]
        elif e == "E8":
            vals = [rng.randrange(20000, 39000), exit_status()]
        elif e == "E9":
            vals = [etcd() + "/v3/cluster/member/list", etcd_err()]
        elif e == "E10":
            vals = [etcd()]
        elif e == "E11":
            vals = [rng.choice([0, 1]), broken(), kv_path()]
        elif e == "E12":
            m = member()
            vals = [m, members[m][0], req_err()]
        elif e == "E13":
            vals = [tl, "%X/%08X" % (0x2F, (lsn_base * 8) & 0xFFFFFFFF)]
        elif e == "E14":
            vals = [tl]
        content = fill(PATRONI_T[e], vals)
        header = "%s %s: " % (patroni_ts(t), PATRONI_LEVEL.get(e, "INFO"))
        recs.append(Rec(t, i, header, content, e))
    return recs


PATRONI_HDR = r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (?:DEBUG|INFO|WARNING|ERROR|CRITICAL): "


# ======================================================================
# 2. PgBackRest -- simulation: hourly backups of stanza 'main', two local
#    processes (P01, P02) copying files, log-level-file=detail
# ======================================================================
PGBR_T = {
    "E1": "-------------------PROCESS START-------------------",
    "E2": "backup command begin 2.54.1: --exec-id=<*> --log-level-console=off "
          "--log-level-file=detail --pg1-path=/var/lib/postgresql/16/main --process-max=2 "
          "--repo1-path=/var/lib/pgbackrest --repo1-retention-full=2 --stanza=main "
          "--start-fast --type=<*>",
    "E3": "last backup label = <*>, version = 2.54.1",
    "E4": "execute non-exclusive backup start: backup begins after the requested immediate "
          "checkpoint completes",
    "E5": "backup start archive = <*>, lsn = <*>",
    "E6": "backup file <*> (<*>, <*>%) checksum <*>",
    "E7": "backup file <*> (0B, <*>%)",
    "E8": "execute non-exclusive backup stop and wait for all WAL segments to archive",
    "E9": "backup stop archive = <*>, lsn = <*>",
    "E10": "new backup label = <*>",
    "E11": "<*> backup size = <*>, file total = <*>",
    "E12": "backup command end: completed successfully (<*>ms)",
    "E13": "[082]: WAL segment <*> was not archived before the 60000ms timeout",
    "E14": "HINT: check the archive_command to ensure that all options are correct "
           "(especially --stanza).",
    "E15": "backup command end: aborted with exception [082]",
}


def pgbr_ts(t):
    h, m, s, ns = split_ns(t)
    return "%s %02d:%02d:%02d.%03d" % (DATE, h, m, s, ns // MS)


def pgbr_size(n):
    if n < 1024:
        return "%dB" % n
    if n < 1024 ** 2:
        return "%dKB" % (n // 1024)
    if n < 1024 ** 3:
        v = n / 1024 ** 2
        return ("%.1fMB" % v) if v < 10 else ("%dMB" % int(v))
    v = n / 1024 ** 3
    return ("%.1fGB" % v) if v < 10 else ("%dGB" % int(v))


def gen_pgbackrest(rng):
    recs = []
    seq = [0]

    def emit(t, proc, level, e, vals):
        if e == "E1":
            header = ""
        elif e == "E14":
            header = " " * 36          # continuation of a multi-line ERROR message
        else:
            header = "%s P%02d %6s: " % (pgbr_ts(t), proc, level)
        recs.append(Rec(t, seq[0], header, fill(PGBR_T[e], vals), e))
        seq[0] += 1

    pg = "/var/lib/postgresql/16/main"
    full = "20261216-003002F"
    last = full + "_20261216-233002I"
    wal = 0xA2 * 256 + 0x3C
    rels = list(range(16384 + 600, 16384 + 2600))
    rng.shuffle(rels)
    rel_i = 0
    failed_hours = {2, 5, 8}
    diff_hours = {0, 6}
    zero_hours = {1, 3, 4, 7, 9}
    cluster_files = 1291

    def walname(n):
        return "00000001%08X%08X" % (n // 256, n % 256)

    for hour in range(0, 12):
        t0 = at(hour, 30, 2) + rng.randrange(40 * MS, 400 * MS)
        btype = "diff" if hour in diff_hours else "incr"
        t = t0
        emit(t, 0, "", "E1", [])
        t += rng.randrange(1 * MS, 4 * MS)
        exec_id = "%d-%s" % (rng.randrange(100000, 999999), hexs(rng, 8))
        emit(t, 0, "INFO", "E2", [exec_id, btype])
        t += rng.randrange(200 * MS, 900 * MS)
        emit(t, 0, "INFO", "E3", [full if btype == "diff" else last])
        t += rng.randrange(1 * MS, 3 * MS)
        emit(t, 0, "INFO", "E4", [])
        t += rng.randrange(300 * MS, 1500 * MS)
        wal += rng.randrange(4, 30)
        emit(t, 0, "INFO", "E5", [walname(wal), "%X/%02X000028" % (wal // 256, wal % 256)])
        # files changed since the previous backup
        nfiles = rng.randrange(26, 34) if btype == "diff" else rng.randrange(14, 22)
        files = []
        for _ in range(nfiles):
            rel = rels[rel_i]
            rel_i += 1
            kind = rng.random()
            if kind < 0.55:
                path = "%s/base/16384/%d" % (pg, rel)
                size = 8192 * rng.choice([1, 2, 5, 17, 64, 300, 1800, 7000, 40000, 131072])
            elif kind < 0.7:
                path = "%s/base/16384/%d_fsm" % (pg, rel)
                size = 8192 * 3
            elif kind < 0.8:
                path = "%s/base/16384/%d_vm" % (pg, rel)
                size = 8192
            elif kind < 0.9:
                path = "%s/base/16384/%d.%d" % (pg, rel, rng.randrange(1, 4))
                size = 8192 * rng.randrange(2000, 131072)
            else:
                path = "%s/pg_xact/%04X" % (pg, rng.randrange(0, 0x30))
                size = 8192 * rng.randrange(1, 32)
            files.append((path, size))
        files.append(("%s/global/pg_control" % pg, 8192))
        if hour in zero_hours:
            files.append(("%s/base/16384/%d" % (pg, rels[rel_i]), 0))
            rel_i += 1
        files.sort(key=lambda f: -f[1])
        total = sum(f[1] for f in files)
        # two local processes take files from the queue
        free = [t + rng.randrange(20 * MS, 80 * MS), t + rng.randrange(20 * MS, 80 * MS)]
        done = []
        for path, size in files:
            p = 0 if free[0] <= free[1] else 1
            dur = size * S // (95 * 1024 * 1024) + rng.randrange(1 * MS, 9 * MS)
            free[p] += dur
            done.append((free[p], p + 1, path, size))
        done.sort()
        cum = 0
        for tf, proc, path, size in done:
            cum += size
            pct = "%.2f" % (100.0 * cum / total)
            if size == 0:
                emit(tf, proc, "DETAIL", "E7", [path, pct])
            else:
                emit(tf, proc, "DETAIL", "E6", [path, pgbr_size(size), pct, hexs(rng, 40)])
        t = max(free) + rng.randrange(5 * MS, 40 * MS)
        emit(t, 0, "INFO", "E8", [])
        t += rng.randrange(150 * MS, 700 * MS)
        wal += 1
        emit(t, 0, "INFO", "E9", [walname(wal), "%X/%02X%06X" % (wal // 256, wal % 256,
                                                                 rng.randrange(0x100, 0xFFFFF))])
        if hour in failed_hours:
            t += 60 * S + rng.randrange(1 * MS, 30 * MS)
            emit(t, 0, "ERROR", "E13", [walname(wal)])
            emit(t, 0, "ERROR", "E14", [])
            t += rng.randrange(1 * MS, 5 * MS)
            emit(t, 0, "INFO", "E15", [])
            continue
        hhmmss = "%02d%02d%02d" % split_ns(t0)[:3]
        label = "%s_20261217-%s%s" % (full, hhmmss, "D" if btype == "diff" else "I")
        t += rng.randrange(300 * MS, 1200 * MS)
        emit(t, 0, "INFO", "E10", [label])
        t += rng.randrange(1 * MS, 3 * MS)
        bsize = 4 * 1024 ** 3 + rng.randrange(1 << 28)
        emit(t, 0, "INFO", "E11", [btype, pgbr_size(bsize), cluster_files])
        cluster_files += rng.randrange(-3, 9)
        t += rng.randrange(5 * MS, 30 * MS)
        emit(t, 0, "INFO", "E12", [(t - t0) // MS])
        last = label
    recs.sort(key=lambda r: (r.t, r.seq))
    return recs[:N_LINES]


PGBR_HDR = (r"(?:(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) P\d\d "
            r"(?:  INFO|  WARN| ERROR| DEBUG|DETAIL| TRACE|ASSERT): | {36}|)")


# ======================================================================
# 3. KnotDNS -- simulation: knotd secondary for ~50 zones + 3 signed
#    primary zones; refresh timers, NOTIFY-driven transfers, re-signing
#    log target stdout: '<ISO time with usec and zone offset> <level>: '
# ======================================================================
KNOT_T = {
    "E1": "[<*>] notify, incoming, remote <*> UDP, serial <*>",
    "E2": "[<*>] refresh, remote <*>, remote serial <*>, zone is outdated",
    "E3": "[<*>] refresh, remote <*>, remote serial <*>, zone is up-to-date, expires in <*> seconds",
    "E4": "[<*>] <*>, incoming, remote <*> TCP, started",
    "E5": "[<*>] <*>, incoming, remote <*> TCP, finished, <*> seconds, <*> messages, <*> bytes",
    "E6": "[<*>] refresh, remote <*>, zone updated, <*> seconds, serial <*> -> <*>, "
          "expires in <*> seconds",
    "E7": "[<*>] notify, outgoing, remote <*> UDP, serial <*>",
    "E8": "[<*>] IXFR, outgoing, remote <*> TCP, started, serial <*> -> <*>",
    "E9": "[<*>] IXFR, outgoing, remote <*> TCP, finished, <*> seconds, 1 messages, <*> bytes",
    "E10": "[<*>] refresh, remote <*>, failed (<*>)",
    "E11": "[<*>] DNSSEC, signing zone",
    "E12": "[<*>] DNSSEC, key, tag <*>, algorithm <*>, KSK, public, active",
    "E13": "[<*>] DNSSEC, key, tag <*>, algorithm <*>, public, active",
    "E14": "[<*>] DNSSEC, successfully signed, serial <*>, new RRSIGs <*>",
    "E15": "[<*>] DNSSEC, next signing at <*>",
}
KNOT_TZ = "+0100"


def knot_ts(t):
    h, m, s, ns = split_ns(t)
    return "%sT%02d:%02d:%02d.%06d%s" % (DATE, h, m, s, ns // US, KNOT_TZ)


def gen_knot(rng):
    words = ["alder", "birch", "cedar", "dune", "ember", "fjord", "grove", "harbor", "iris",
             "juniper", "kestrel", "lumen", "maple", "nimbus", "opal", "pine", "quarry",
             "river", "sable", "tundra", "umber", "vale", "willow", "yarrow"]
    zones = []
    for i, w in enumerate(words):
        for j, suf in enumerate(["example.", "example.net."]):
            zones.append(w + "." + suf)
    zones += ["2.0.192.in-addr.arpa.", "100.51.198.in-addr.arpa."]
    prim = {}
    state = {}
    for i, z in enumerate(zones):
        prim[z] = "192.0.2.10@53" if i % 3 else "192.0.2.11@53"
        state[z] = {"serial": 2026121500 + rng.randrange(100, 260),
                    "refresh": rng.choice([600, 900, 900, 1200]) * S,
                    "expire": rng.choice([1209600, 1209600, 604800])}
    failing = ["legacy.example.", "archive.example.net."]
    fail_prim = {"legacy.example.": "192.0.2.12@53", "archive.example.net.": "2001:db8:7::53@53"}
    signed = {"corp.example.": ("ECDSAP256SHA256", [41307], [18822]),
              "mail.example.net.": ("ED25519", [5513], [60419, 27795]),
              "ns-lab.example.": ("ECDSAP256SHA256", [32118], [9040])}
    sserial = {z: 2026121700 + rng.randrange(1, 9) for z in signed}
    downstream = ["198.51.100.7", "198.51.100.8"]
    fail_reason = Cyc(rng, [
        "connection timeout",
        "connection refused",
        "network is unreachable",
        "remote answered REFUSED for SOA query, 'legacy' view: (primary ACL 'xfr-out' "
        "does not match 192.0.2.53) [rcode 5]",
    ], shuffle=False)

    T0 = at(9, 0, 0)
    W = 3600 * S
    triggers = []  # (time, kind, zone)
    for z in zones:
        r = state[z]["refresh"]
        tt = T0 + rng.randrange(r)
        while tt < T0 + W:
            triggers.append((tt, "refresh", z))
            tt += r + rng.randrange(-20 * S, 20 * S)
    for z in failing:
        tt = T0 + rng.randrange(300 * S)
        while tt < T0 + W:
            triggers.append((tt, "fail", z))
            tt += 420 * S + rng.randrange(-10 * S, 10 * S)
    upd_zones = [z for z in zones]
    rng.shuffle(upd_zones)
    for k in range(10):
        triggers.append((T0 + rng.randrange(60 * S, 2100 * S), "update", upd_zones[k]))
    szones = list(signed)
    for k, tt in enumerate([380, 1290, 1750, 2300]):
        triggers.append((T0 + tt * S + rng.randrange(S), "sign", szones[k % 3]))
    triggers.sort()

    recs = []
    seq = [0]

    def emit(t, level, e, vals):
        recs.append(Rec(t, seq[0], "%s %s: " % (knot_ts(t), level), fill(KNOT_T[e], vals), e))
        seq[0] += 1

    def port():
        return rng.randrange(32768, 60999)

    def notify_out2(t, z, serial, old):
        for d in downstream:
            t += rng.randrange(100 * US, 900 * US)
            emit(t, "info", "E7", [z, d + "@53", serial])
        for d in downstream:
            t1 = t + rng.randrange(3 * MS, 60 * MS)
            rem = "%s@%d" % (d, port())
            emit(t1, "info", "E8", [z, rem, old, serial])
            t2 = t1 + rng.randrange(300 * US, 9 * MS)
            emit(t2, "info", "E9", [z, rem, "%.2f" % ((t2 - t1) / S), rng.randrange(300, 3800)])

    xfr_kind = Cyc(rng, ["IXFR", "IXFR", "AXFR", "IXFR"], shuffle=False)
    for tt, kind, z in triggers:
        if kind == "refresh":
            st = state[z]
            t = tt
            emit(t, "info", "E3", [z, prim[z], st["serial"], st["expire"]])
        elif kind == "fail":
            emit(tt, "warning", "E10", [z, fail_prim[z], fail_reason()])
        elif kind == "update":
            st = state[z]
            old = st["serial"]
            new = old + rng.randrange(1, 3)
            t = tt
            emit(t, "info", "E1", [z, "%s@%d" % (prim[z].split("@")[0], port()), new])
            t += rng.randrange(2 * MS, 30 * MS)
            emit(t, "info", "E2", [z, prim[z], new])
            xk = xfr_kind()
            t += rng.randrange(300 * US, 3 * MS)
            emit(t, "info", "E4", [z, xk, prim[z]])
            dur = rng.randrange(4 * MS, 40 * MS) if xk == "IXFR" else rng.randrange(40 * MS, 400 * MS)
            t += dur
            msgs = 1 if xk == "IXFR" else rng.randrange(2, 9)
            size = rng.randrange(400, 6000) if xk == "IXFR" else rng.randrange(60000, 480000)
            emit(t, "info", "E5", [z, xk, prim[z], "%.2f" % (dur / S), msgs, size])
            t += rng.randrange(1 * MS, 6 * MS)
            emit(t, "info", "E6", [z, prim[z], "%.2f" % ((t - tt) / S + 0.005), old, new,
                                   st["expire"]])
            st["serial"] = new
            notify_out2(t, z, new, old)
        elif kind == "sign":
            alg, ksk, zsk = signed[z]
            t = tt
            emit(t, "info", "E11", [z])
            for tag in ksk:
                t += rng.randrange(50 * US, 400 * US)
                emit(t, "info", "E12", [z, tag, alg])
            for tag in zsk:
                t += rng.randrange(50 * US, 400 * US)
                emit(t, "info", "E13", [z, tag, alg])
            t += rng.randrange(3 * MS, 80 * MS)
            old = sserial[z]
            new = old + 1
            sserial[z] = new
            emit(t, "info", "E14", [z, new, rng.randrange(4, 260)])
            nxt = t + 7 * DAY - rng.randrange(2 * 3600 * S)
            nday, nrem = divmod(nxt, DAY)
            h, m, s, _ = split_ns(nrem)
            stamp = "2026-12-%02dT%02d:%02d:%02d%s" % (17 + nday, h, m, s, KNOT_TZ)
            t += rng.randrange(50 * US, 300 * US)
            emit(t, "info", "E15", [z, stamp])
            notify_out2(t, z, new, old)
    recs.sort(key=lambda r: (r.t, r.seq))
    return recs[:N_LINES]


KNOT_HDR = (r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}[+-]\d{4}) "
            r"(?:debug|info|notice|warning|error|critical): ")


# ======================================================================
# 4. NginxUnit -- seeded shuffle (first unit pinned to a daemon start)
#    unit.log: 'YYYY/MM/DD HH:MM:SS [level] pid#tid [*conn ]message'
# ======================================================================
UNIT_T = {
    "E1": "\"<*>\" application started",
    "E2": "process <*> exited with code <*>",
    "E3": "\"<*>\" prototype started",
    "E4": "process <*> exited on signal <*>",
    "E5": "writev(<*>, <*>) failed (<*>: <*>)",
    "E6": "shutdown(<*>, <*>) failed (<*>: <*>)",
    "E7": "SSL_do_handshake(<*>) failed (SSL: <*>)",
    "E8": "php message: PHP Warning:  <*> in <*> on line <*>",
    "E9": "unit <*> started",
    "E10": "discovery started",
    "E11": "controller started",
    "E12": "router started",
    "E13": "module: <*> <*> \"<*>\"",
    "E14": "OpenSSL <*>, <*>",
    "E15": "failed to apply previous configuration",
}
UNIT_SINGLES = {"E1": 85, "E2": 75, "E4": 5, "E5": 22, "E6": 18, "E7": 30, "E8": 22}


def unit_ts(t):
    h, m, s, _ = split_ns(t)
    return "2026/12/17 %02d:%02d:%02d" % (h, m, s)


def gen_unit(rng):
    apps = [("shop-api", "python"), ("storefront", "php"), ("billing", "python"), ("wiki", "php")]
    app_pool = Cyc(rng, [a for a, _ in apps] * 3 + ["shop-api", "storefront"] * 2)
    starts = [
        ("1.33.0", "3.0.15 3 Sep 2024", "300000f0", True),
        ("1.34.1", "3.0.16 11 Feb 2025", "30000100", False),
        ("1.34.1", "3.0.16 11 Feb 2025", "30000100", False),
        ("1.34.1", "3.0.16 11 Feb 2025", "30000100", False),
        ("1.34.1", "3.0.16 11 Feb 2025", "30000100", True),
    ]
    py_mod = {"1.33.0": ("3.11.2", "/usr/lib/unit/modules/python3.11.unit.so"),
              "1.34.1": ("3.11.2", "/usr/lib/unit/modules/python3.11.unit.so")}
    php_mod = ("8.2.26", "/usr/lib/unit/modules/php.unit.so")
    units = ["start"] * (len(starts) - 1)
    for e, n in UNIT_SINGLES.items():
        units += [e] * n
    rng.shuffle(units)
    units = ["start"] + units

    errno_io = Cyc(rng, [("32", "Broken pipe"), ("104", "Connection reset by peer")])
    errno_sd = Cyc(rng, [("107", "Transport endpoint is not connected"),
                         ("104", "Connection reset by peer")])
    ssl_err = Cyc(rng, [
        "error:0A00010B:SSL routines::wrong version number",
        "error:0A000416:SSL routines::sslv3 alert certificate unknown",
        "error:0A000102:SSL routines::unsupported protocol",
        "error:0A00006C:SSL routines::bad key share",
        "error:0A0000C1:SSL routines::no shared cipher",
    ])
    php_warn = {
        "storefront": Cyc(rng, [
            ("Undefined variable $cart", "/srv/storefront/cart.php", 88),
            ("Undefined array key \"sku\"", "/srv/storefront/lib/Item.php", 41),
            ("file_get_contents(/srv/storefront/cache/feed.json): Failed to open stream: "
             "No such file or directory", "/srv/storefront/lib/Feed.php", 19),
            ("Cannot modify header information - headers already sent by (output started at "
             "/srv/storefront/lib/Debug.php:12)", "/srv/storefront/index.php", 5),
        ]),
        "wiki": Cyc(rng, [
            ("Trying to access array offset on value of type null",
             "/srv/wiki/includes/Page.php", 217),
            ("foreach() argument must be of type array|object, null given",
             "/srv/wiki/skins/Side.php", 63),
            ("Undefined property: stdClass::$title", "/srv/wiki/includes/Render.php", 1042),
        ]),
    }
    sigs = Cyc(rng, [9, 11, 6])
    # keep the shuffle, but re-deal the worker start/exit slots so that an exit
    # always has a running worker to refer to
    left = {e: units.count(e) for e in ("E1", "E2", "E4")}
    alive = 0
    for i in range(len(units)):
        if units[i] not in ("E1", "E2", "E4"):
            continue
        n_exit = left["E2"] + left["E4"]
        if left["E1"] and (alive == 0 or rng.random() < left["E1"] / (left["E1"] + n_exit)):
            e = "E1"
            alive += 1
        else:
            assert alive > 0
            e = "E2" if rng.random() < left["E2"] / n_exit else "E4"
            alive -= 1
        left[e] -= 1
        units[i] = e
    app_lang = dict(apps)
    recs = []
    t = at(11, 2, 7) + rng.randrange(S)
    nextpid = [2400 + rng.randrange(60)]
    cid = [110 + rng.randrange(40)]
    live = []           # (pid, app) of running application processes
    last_pid = {}       # app -> pid of its most recent process
    owed = [0]
    st_i = 0
    pids = {}

    def newpid():
        nextpid[0] += rng.randrange(1, 4)
        return nextpid[0]

    def emit(level, pid, tid, e, vals, conn=None):
        hdr = "%s [%s] %d#%d " % (unit_ts(t), level, pid, tid)
        if conn is not None:
            hdr += "*%d " % conn
        recs.append(Rec(t, len(recs), hdr, fill(UNIT_T[e], vals), e))

    for u in units:
        t += rng.randrange(200 * MS, 40 * S)
        if u == "start":
            ver, ossl, hexv, ok = starts[st_i]
            st_i += 1
            main = newpid()
            disc, ctl, rtr = main + 1, main + 2, main + 3
            nextpid[0] = rtr + 6        # router worker threads take rtr+2 .. rtr+5
            pids = {"main": main, "ctl": ctl, "rtr": rtr}
            emit("info", main, main, "E9", [ver])
            t += rng.randrange(2 * MS, 20 * MS)
            emit("info", disc, disc, "E10", [])
            t += rng.randrange(20 * MS, 90 * MS)
            emit("notice", disc, disc, "E13", ["python"] + list(py_mod[ver]))
            if ok:
                emit("notice", disc, disc, "E13", ["php"] + list(php_mod))
            t += rng.randrange(20 * MS, 200 * MS)
            emit("info", ctl, ctl, "E11", [])
            emit("info", rtr, rtr, "E12", [])
            emit("info", rtr, rtr, "E14", [ossl, hexv])
            if not ok:
                t += rng.randrange(5 * MS, 50 * MS)
                emit("alert", ctl, ctl, "E15", [])
                continue
            for a, _ in apps:
                t += rng.randrange(5 * MS, 60 * MS)
                p = newpid()
                emit("info", p, p, "E3", [a])
            continue
        main, rtr = pids["main"], pids["rtr"]
        php = [(p, x) for p, x in live if app_lang[x] == "php"]
        if u == "E8" and not php:
            u = "E1"            # a PHP worker has to start before it can warn ...
            owed[0] += 1
            force_php = True
        elif u == "E1" and owed[0] and php:
            u = "E8"            # ... and a later start slot pays the warning back
            owed[0] -= 1
            force_php = False
        else:
            force_php = False
        if u == "E1":
            p = newpid()
            a = rng.choice(["storefront", "wiki"]) if force_php else app_pool()
            live.append((p, a))
            last_pid[a] = p
            emit("info", p, p, "E1", [a])
        elif u in ("E2", "E4"):
            # keep the newest worker of each PHP app alive when there is a choice
            keep = {max((p for p, x in live if x == a), default=None)
                    for a in ("storefront", "wiki")}
            cands = [k for k, (p, x) in enumerate(live) if p not in keep] or list(range(len(live)))
            p, _ = live.pop(rng.choice(cands))
            if u == "E2":
                emit("notice", main, main, "E2", [p, 0 if rng.random() < 0.86 else 1])
            else:
                emit("alert", main, main, "E4", [p, sigs()])
        elif u == "E8":
            php = [(p, x) for p, x in live if app_lang[x] == "php"]
            p, a = rng.choice(php)
            msg, path, line = php_warn[a]()
            emit("notice", p, p, "E8", [msg, path, line])
        else:
            cid[0] += rng.randrange(1, 60)
            tid = rtr + rng.randrange(2, 6)
            if u == "E5":
                no, msg = errno_io()
                emit("error", rtr, tid, "E5", [rng.randrange(18, 96), rng.randrange(1, 4), no, msg],
                     cid[0])
            elif u == "E6":
                no, msg = errno_sd()
                emit("info", rtr, tid, "E6", [rng.randrange(18, 96), rng.choice([1, 2]), no, msg],
                     cid[0])
            elif u == "E7":
                emit("info", rtr, tid, "E7", [rng.randrange(18, 96), ssl_err()], cid[0])
    assert owed[0] == 0
    return recs


UNIT_HDR = (r"(?P<ts>\d{4}/\d\d/\d\d \d\d:\d\d:\d\d) "
            r"\[(?:debug|info|notice|warn|error|alert|crit|emerg)\] \d+#\d+ (?:\*\d+ )?")


# ======================================================================
# 5. ApacheIgnite -- seeded shuffle of units (single lines and blocks)
#    ignite-log4j2.xml: '[%d{ISO8601}][%-5p][%t][%c{1}] %m%n', exceptions
#    printed after the message by log4j2 (class line, then '\tat ...')
# ======================================================================
IGN_NODE = ("TcpDiscoveryNode [id=<*>, consistentId=<*>, addrs=ArrayList [<*>], "
            "sockAddrs=HashSet [<*>], discPort=<*>, order=<*>, intOrder=<*>, "
            "lastExchangeTime=<*>, loc=false, ver=2.16.0#20231215-sha1:7bde6a42, isClient=<*>]")
IGN_LOCAL = "6b3e0f1c-5a2d-4c71-9e08-d4f2b7a9c311"
IGN_T = {
    "E1": "Topology snapshot [ver=<*>, locNode=6b3e0f1c, servers=<*>, clients=<*>, "
          "state=ACTIVE, CPUs=<*>, offheap=<*>GB, heap=<*>GB]",
    "E2": "Added new node to topology: " + IGN_NODE,
    "E3": "Node left topology: " + IGN_NODE,
    "E4": "Node FAILED: " + IGN_NODE,
    "E5": "Started exchange init [topVer=AffinityTopologyVersion [topVer=<*>, minorTopVer=<*>], "
          "crd=<*>, evt=<*>, evtNode=<*>, customEvt=<*>, allowMerge=<*>, exchangeFreeSwitch=false]",
    "E6": "Completed partition exchange [localNode=" + IGN_LOCAL + ", exchange="
          "GridDhtPartitionsExchangeFuture [topVer=AffinityTopologyVersion [topVer=<*>, "
          "minorTopVer=<*>], evt=<*>, evtNode=<*>, rebalanced=<*>, done=true, newCrdFut=null], "
          "topVer=AffinityTopologyVersion [topVer=<*>, minorTopVer=<*>]]",
    "E7": "Checkpoint started [checkpointId=<*>, startPtr=WALPointer [idx=<*>, fileOff=<*>, "
          "len=<*>], checkpointBeforeLockTime=<*>ms, checkpointLockWait=<*>ms, "
          "checkpointListenersExecuteTime=<*>ms, checkpointLockHoldTime=<*>ms, "
          "walCpRecordFsyncDuration=<*>ms, writeCheckpointEntryDuration=<*>ms, "
          "splitAndSortCpPagesDuration=<*>ms, pages=<*>, reason='<*>']",
    "E8": "Checkpoint finished [cpId=<*>, pages=<*>, markPos=WALPointer [idx=<*>, fileOff=<*>, "
          "len=<*>], walSegmentsCovered=[<*>], markDuration=<*>ms, pagesWrite=<*>ms, "
          "fsync=<*>ms, total=<*>ms]",
    "E9": "Skipping checkpoint (no pages were modified) [checkpointBeforeLockTime=<*>ms, "
          "checkpointLockWait=<*>ms, checkpointListenersExecuteTime=<*>ms, "
          "checkpointLockHoldTime=<*>ms, reason='timeout']",
    "E10": "Accepted incoming communication connection [locAddr=/10.0.1.5:47100, rmtAddr=/<*>]",
    "E11": "Established outgoing communication connection [locAddr=/<*>, rmtAddr=/<*>]",
    "E12": "Blocked system-critical thread has been detected. This can lead to cluster-wide "
           "undefined behaviour [workerName=<*>, threadName=<*>, blockedFor=<*>s]",
    "E13": "Possible failure suppressed accordingly to a configured handler "
           "[hnd=StopNodeOrHaltFailureHandler [tryStop=false, timeout=0, super="
           "AbstractFailureHandler [ignoredFailureTypes=UnmodifiableSet [SYSTEM_WORKER_BLOCKED, "
           "SYSTEM_CRITICAL_OPERATION_TIMEOUT]]], failureCtx=FailureContext "
           "[type=SYSTEM_WORKER_BLOCKED, err=class o.a.i.IgniteException: GridWorker [name=<*>, "
           "igniteInstanceName=ign-prod, finished=false, heartbeatTs=<*>]]]",
    "E14": "org.apache.ignite.IgniteException: GridWorker [name=<*>, igniteInstanceName=ign-prod, "
           "finished=false, heartbeatTs=<*>]",
    "E15": "at <*>(<*>) ~[<*>]",
}
IGN_JAR = "ignite-core-2.16.0.jar:2.16.0"
IGN_FRAMES = {
    "sys-stripe": [
        ("java.base/jdk.internal.misc.Unsafe.park", "Native Method", "?:?"),
        ("java.base/java.util.concurrent.locks.LockSupport.park", "LockSupport.java:211", "?:?"),
        ("org.apache.ignite.internal.util.future.GridFutureAdapter.get0",
         "GridFutureAdapter.java:178", IGN_JAR),
        ("org.apache.ignite.internal.util.future.GridFutureAdapter.get",
         "GridFutureAdapter.java:141", IGN_JAR),
        ("org.apache.ignite.internal.processors.cache.distributed.dht.atomic."
         "GridDhtAtomicCache.updateAllAsyncInternal0", "GridDhtAtomicCache.java:1832", IGN_JAR),
        ("org.apache.ignite.internal.util.StripedExecutor$Stripe.body",
         "StripedExecutor.java:637", IGN_JAR),
        ("org.apache.ignite.internal.util.worker.GridWorker.run", "GridWorker.java:125", IGN_JAR),
        ("java.base/java.lang.Thread.run", "Thread.java:840", "?:?"),
    ],
    "db-checkpoint-thread": [
        ("java.base/sun.nio.ch.FileDispatcherImpl.force0", "Native Method", "?:?"),
        ("java.base/sun.nio.ch.FileDispatcherImpl.force", "FileDispatcherImpl.java:82", "?:?"),
        ("java.base/sun.nio.ch.FileChannelImpl.force", "FileChannelImpl.java:468", "?:?"),
        ("org.apache.ignite.internal.processors.cache.persistence.file.RandomAccessFileIO.force",
         "RandomAccessFileIO.java:97", IGN_JAR),
        ("org.apache.ignite.internal.processors.cache.persistence.checkpoint."
         "CheckpointWorkflow.markCheckpointBegin", "CheckpointWorkflow.java:292", IGN_JAR),
        ("org.apache.ignite.internal.util.worker.GridWorker.run", "GridWorker.java:125", IGN_JAR),
        ("java.base/java.lang.Thread.run", "Thread.java:840", "?:?"),
    ],
}


def ign_ts(t):
    h, m, s, ns = split_ns(t)
    return "%sT%02d:%02d:%02d,%03d" % (DATE, h, m, s, ns // MS)


def gen_ignite(rng):
    blocked = ["sys-stripe", "db-checkpoint-thread", "sys-stripe"]
    frame_lines = sum(len(IGN_FRAMES[b]) for b in blocked)
    fixed = {"join": 4, "leave": 3, "fail": 3, "cache": 3, "skip": 18, "acc": 30, "est": 28}
    lines = (4 * 4 + 3 * 4 + 3 * 4 + 3 * 2 + 18 + 30 + 28 + 3 * 3 + frame_lines)
    ncp = (N_LINES - lines) // 2
    extra = (N_LINES - lines) - 2 * ncp
    fixed["skip"] += extra
    fixed["cp"] = ncp
    units = [k for k, n in fixed.items() for _ in range(n)] + ["blocked"] * 3
    rng.shuffle(units)
    blk = Cyc(rng, blocked, shuffle=False)

    def mknode(i, client=False):
        ip = "10.0.1.%d" % (10 + i)
        host = ("ign-cli-%02d" if client else "ign-srv-%02d") % i
        return {"id": uuid4(rng), "cid": host, "ip": ip, "host": host, "client": client,
                "cpus": 8 if client else 16}

    nodes = [mknode(2), mknode(3), mknode(4), mknode(7, True)]
    order = [9]
    for k, n in enumerate(nodes):
        n["order"] = 2 + k * 2
        n["intOrder"] = 2 + k
    next_i = [8]
    ver = [order[0]]
    minor = [0]
    crd = ["false"]
    recs = []
    t = at(14, 0, 4) + rng.randrange(S)
    reasons = Cyc(rng, ["timeout", "timeout", "too big size of WAL without checkpoint",
                        "too many dirty pages"], shuffle=False)
    wal = [rng.randrange(800, 900)]
    caches = Cyc(rng, ["orders", "sessions", "price-history"], shuffle=False)

    def emit(level, thread, logger, e, vals):
        hdr = "[%s][%-5s][%s][%s] " % (ign_ts(t), level, thread, logger)
        recs.append(Rec(t, len(recs), hdr, fill(IGN_T[e], vals), e))

    def emit_raw(header, e, vals):
        recs.append(Rec(t, len(recs), header, fill(IGN_T[e], vals), e))

    def node_vals(n):
        port = 0 if n["client"] else 47500
        addrs = "%s, 127.0.0.1" % n["ip"]
        socks = "/127.0.0.1:%d, %s.lan/%s:%d" % (port, n["host"], n["ip"], port)
        return [n["id"], n["cid"], addrs, socks, port, n["order"], n["intOrder"],
                EPOCH_DAY * 1000 + t // MS - rng.randrange(0, 4000), str(n["client"]).lower()]

    def snapshot():
        srv = 1 + sum(1 for n in nodes if not n["client"])
        cli = sum(1 for n in nodes if n["client"])
        cpus = 16 + sum(n["cpus"] for n in nodes)
        emit("INFO", "disco-event-worker-#57", "GridDiscoveryManager", "E1",
             [ver[0], srv, cli, cpus, "%.1f" % (6.3 * srv), "%.1f" % (4.0 * srv + 1.0 * cli)])

    def exchange(evt, node, custom):
        emit("INFO", "exchange-worker-#58", "time", "E5",
             [ver[0], minor[0], crd[0], evt, node, custom,
              "false" if evt == "DISCOVERY_CUSTOM_EVT" else "true"])

    def completed(evt, node):
        emit("INFO", "exchange-worker-#58", "GridDhtPartitionsExchangeFuture", "E6",
             [ver[0], minor[0], evt, node, rng.choice(["true", "false"]), ver[0], minor[0]])

    for u in units:
        t += rng.randrange(400 * MS, 25 * S)
        if u in ("join", "leave", "fail"):
            if u == "join":
                n = mknode(next_i[0], client=(next_i[0] % 3 == 0))
                next_i[0] += 1
                ver[0] += 1
                n["order"] = ver[0]
                n["intOrder"] = ver[0] - 4
                nodes.append(n)
                emit("INFO", "disco-event-worker-#57", "GridDiscoveryManager", "E2", node_vals(n))
                evt = "NODE_JOINED"
            else:
                n = nodes.pop(rng.randrange(len(nodes)))
                ver[0] += 1
                if u == "leave":
                    emit("INFO", "disco-event-worker-#57", "GridDiscoveryManager", "E3",
                         node_vals(n))
                    evt = "NODE_LEFT"
                else:
                    emit("WARN", "disco-event-worker-#57", "GridDiscoveryManager", "E4",
                         node_vals(n))
                    evt = "NODE_FAILED"
                    crd[0] = "true"
            minor[0] = 0
            t += rng.randrange(1 * MS, 9 * MS)
            snapshot()
            t += rng.randrange(1 * MS, 30 * MS)
            exchange(evt, n["id"], "null")
            t += rng.randrange(40 * MS, 900 * MS)
            completed(evt, n["id"])
            if not nodes:
                nodes.append(mknode(next_i[0]))
                next_i[0] += 1
        elif u == "cache":
            minor[0] += 1
            req = rng.choice(nodes)["id"]
            name = caches()
            custom = ("DynamicCacheChangeBatch [id=%s, reqs=ArrayList [DynamicCacheChangeRequest "
                      "[cacheName=%s, hasCfg=true, nodeId=%s, clientStartOnly=false, stop=false, "
                      "destroy=false, disabledAfterStart=false]], exchangeActions=ExchangeActions "
                      "[startCaches=[%s], stopCaches=null, startGrps=[%s], stopGrps=[], "
                      "resetParts=null, stateChangeRequest=null], startCaches=false]"
                      % (uuid4(rng), name, req, name, name))
            exchange("DISCOVERY_CUSTOM_EVT", req, custom)
            t += rng.randrange(40 * MS, 900 * MS)
            completed("DISCOVERY_CUSTOM_EVT", req)
        elif u == "cp":
            th, lg = "db-checkpoint-thread-#71", "Checkpointer"
            cpid = uuid4(rng)
            pages = rng.randrange(120, 48000)
            idx = wal[0]
            off = rng.randrange(1 << 20, 60 << 20)
            ln = rng.randrange(9000, 14000)
            d = [rng.randrange(0, 14) for _ in range(7)]
            emit("INFO", th, lg, "E7", [cpid, idx, off, ln] + d + [pages, reasons()])
            mark = rng.randrange(2, 40)
            write = pages // rng.randrange(40, 200) + rng.randrange(1, 30)
            fs = rng.randrange(3, 300)
            t += (mark + write + fs) * MS
            covered = ("%d - %d" % (wal[0] - 1, wal[0])) if rng.random() < 0.5 else str(wal[0])
            emit("INFO", th, lg, "E8", [cpid, pages, idx, off, ln, covered, mark, write, fs,
                                        mark + write + fs + rng.randrange(0, 5)])
            wal[0] += rng.randrange(0, 2)
        elif u == "skip":
            emit("INFO", "db-checkpoint-thread-#71", "Checkpointer", "E9",
                 [rng.randrange(0, 9) for _ in range(4)])
        elif u == "acc":
            peer = rng.choice(nodes)
            emit("INFO", "grid-nio-worker-tcp-comm-%d-#%d" % ((k := rng.randrange(4)), 24 + k),
                 "TcpCommunicationSpi", "E10",
                 ["%s:%d" % (peer["ip"], rng.randrange(40000, 60999))])
        elif u == "est":
            peer = rng.choice(nodes)
            th = rng.choice(["sys-stripe-%d-#%d" % (j, j + 1) for j in range(8)] +
                            ["pub-#%d" % rng.randrange(20, 90), "exchange-worker-#58"])
            emit("INFO", th, "TcpCommunicationSpi", "E11",
                 ["10.0.1.5:%d" % rng.randrange(40000, 60999), "%s:47100" % peer["ip"]])
        elif u == "blocked":
            kind = blk()
            if kind == "sys-stripe":
                j = rng.randrange(8)
                wname, tname = "sys-stripe-%d" % j, "sys-stripe-%d-#%d" % (j, j + 1)
            else:
                wname, tname = "db-checkpoint-thread", "db-checkpoint-thread-#71"
            secs = rng.randrange(10, 40)
            hb = EPOCH_DAY * 1000 + t // MS - secs * 1000 - rng.randrange(999)
            mon = ("tcp-disco-msg-worker-[crd]-#2-#48" if crd[0] == "true" else
                   "tcp-disco-msg-worker-[%s %s:47500]-#2-#48" % (nodes[0]["id"][:8],
                                                                 nodes[0]["ip"]))
            emit("ERROR", mon, "G", "E12", [wname, tname, secs])
            t += rng.randrange(100 * US, 2 * MS)
            emit("WARN", mon, "FailureProcessor", "E13", [wname, hb])
            emit_raw("", "E14", [wname, hb])
            for meth, src, jar in IGN_FRAMES[kind]:
                emit_raw("\t", "E15", [meth, src, jar])
    assert len(recs) == N_LINES, len(recs)
    return recs


IGN_HDR = (r"(?:\[(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d,\d{3})\]"
           r"\[(?:TRACE|DEBUG|INFO |WARN |ERROR|FATAL)\]\[.+\]\[[\w$.]+\] |\t|)")


# ======================================================================
# 6. Bacula -- simulation: the nightly backup window of a director
#    bacula.log: 'DD-Mon HH:MM <daemon> JobId <n>: <message>'
# ======================================================================
BAC_T = {
    "E1": "Start Backup JobId <*>, Job=<*>",
    "E2": "Connected to Storage \"<*>\" at <*> with TLS",
    "E3": "Using Device \"<*>\" to write.",
    "E4": "Connected to Client \"<*>\" at <*> with TLS",
    "E5": "Connected to Client \"<*>\" at <*>",
    "E6": "Warning: bsockcore.c:209 Could not connect to Client: <*> on <*>. ERR=<*> Retrying ...",
    "E7": "Volume \"<*>\" previously written, moving to end of data.",
    "E8": "Ready to append to end of Volume \"<*>\" size=<*>",
    "E9": "Labeled new Volume \"<*>\" on File device \"<*>\" (<*>).",
    "E10": "Created new Volume=\"<*>\", Pool=\"<*>\", MediaType=\"<*>\" in catalog.",
    "E11": "Could not stat \"<*>\": ERR=<*>",
    "E12": "<*> is a different filesystem. Will not descend from <*> into it.",
    "E13": "Sending Accurate information to the FD.",
    "E14": "Could not open directory \"<*>\": ERR=<*>",
    "E15": "Read error on file <*>. ERR=<*>",
}


def bac_ts(t):
    h, m, _, _ = split_ns(t)
    return "17-Dec %02d:%02d" % (h, m)


def gen_bacula(rng):
    ws = ["ws-anna", "ws-bruno", "ws-chen", "ws-dara", "ws-eli", "ws-farah", "ws-gus",
          "ws-hana", "ws-ivo", "ws-jule", "ws-kemal", "ws-lina"]
    srv = ["web-01", "web-02", "web-03", "db-orders", "db-crm", "mail-01", "files-01",
           "files-02", "ci-runner1", "ci-runner2", "git-01", "wiki-01", "ldap-01", "mon-01",
           "vpn-01", "erp-app", "erp-db", "lab-gpu1"]
    down = {"kiosk-3": "Connection refused", "lab-gpu2": "No route to host"}
    clients = ws + srv + list(down)
    rng.shuffle(clients)
    no_tls = {"ws-gus", "mail-01", "ldap-01", "vpn-01", "ws-kemal"}
    storages = {"File1": ("bacula-sd1.example.lan:9103", "stor1-sd", "/srv/bacula/stor1",
                          "Daily-Home", "File1"),
                "File2": ("bacula-sd2.example.lan:9103", "stor2-sd", "/srv/bacula/stor2",
                          "Daily-Srv", "File2")}
    dev_cycle = {"File1": Cyc(rng, ["FileChgr1-Dev%d" % i for i in range(1, 6)], shuffle=False),
                 "File2": Cyc(rng, ["FileChgr2-Dev%d" % i for i in range(1, 6)], shuffle=False)}
    mounted = {}
    vol_no = [412]
    new_vol_devs = {"FileChgr1-Dev2", "FileChgr1-Dev4", "FileChgr2-Dev1", "FileChgr2-Dev3"}
    stat_err = Cyc(rng, ["No such file or directory"] * 6 + ["Permission denied",
                                                              "Stale file handle"])
    dir_err = Cyc(rng, ["Permission denied", "Permission denied", "Input/output error"],
                  shuffle=False)
    read_err = {
        "db-orders": ("/var/lib/mysql/ibdata1", "Input/output error"),
        "mon-01": ("/var/log/journal/8f2c41d07e3b4a55/system.journal",
                   "Resource temporarily unavailable"),
        "files-02": ("/srv/data/exports/orders-2026 (final, v2).csv",
                     "Input/output error (ata3.00: failed command: READ FPDMA QUEUED "
                     "[sector 81920442]: status: { DRDY ERR })"),
        "erp-db": ("/var/lib/postgresql/16/main/pg_wal/000000010000003A000000C2",
                   "Input/output error"),
        "git-01": ("/srv/git/infra.git/objects/pack/pack-3f9c02d17be4.pack", "Input/output error"),
        "web-01": ("/var/www/uploads/tmp/import-20261217.zip", "Resource temporarily unavailable"),
    }
    extra_fs = {"files-01": "/srv/nfs/shared", "files-02": "/srv/nfs/archive",
                "git-01": "/srv/nfs/mirrors", "erp-db": "/srv/backup-staging"}
    home_junk = [
        ".cache/mozilla/firefox/k2v9q1ab.default-release/cache2/entries/%s" ,
        ".local/share/Trash/files/%s.tmp",
        ".cache/thumbnails/large/%s.png",
        ".config/Code/Cache/Cache_Data/%s",
        ".mozilla/firefox/k2v9q1ab.default-release/sessionstore-backups/recovery.%s.jsonlz4",
    ]
    odd_names = [
        "Documents/Budget 2027 (draft, v3).ods",
        "Music/Live at \"The Basement\": part 2.flac",
        "Desktop/notes = todo, later.txt",
        "Downloads/report (1) (1).pdf",
    ]
    srv_junk = [
        "/var/spool/postfix/deferred/%s",
        "/var/lib/docker/containers/%s/hostconfig.json",
        "/var/cache/apt/archives/partial/%s.deb",
        "/tmp/systemd-private-%s/tmp/sess",
        "/var/lib/mysql/#sql-%s.ibd",
    ]
    recs = []
    seq = [0]

    def emit(t, daemon, jobid, e, vals, fd=False):
        hdr = "%s %s JobId %d: " % (bac_ts(t), daemon, jobid)
        if fd:
            hdr += " " * 5
        recs.append(Rec(t, seq[0], hdr, fill(BAC_T[e], vals), e))
        seq[0] += 1

    jobid = 18231
    odd = Cyc(rng, odd_names, shuffle=False)
    batches = [(at(23, 5), 12), (at(23, 10), 10), (at(23, 15), 10)]
    ci = 0
    nopen = [0]
    for bstart, nb in batches:
        t = bstart + rng.randrange(200 * MS, 900 * MS)
        for _ in range(nb):
            c = clients[ci]
            ci += 1
            t += rng.randrange(400 * MS, 1600 * MS)
            is_ws = c.startswith("ws-") or c == "kiosk-3"
            fs = "Home" if is_ws else "LinuxRoot"
            st = "File1" if is_ws else "File2"
            addr, sd, vdir, pool, mtype = storages[st]
            h, m, s, _ = split_ns(bstart)
            job = "%s-%s.2026-12-17_%02d.%02d.%02d_%02d" % (c, fs, h, m, s, jobid % 100)
            tj = t
            emit(tj, "bacula-dir", jobid, "E1", [jobid, job])
            tj += rng.randrange(100 * MS, 600 * MS)
            emit(tj, "bacula-dir", jobid, "E2", [st, addr])
            dev = dev_cycle[st]()
            tj += rng.randrange(10 * MS, 80 * MS)
            emit(tj, "bacula-dir", jobid, "E3", [dev])
            tj += rng.randrange(200 * MS, 900 * MS)
            fdname = c + "-fd"
            fdaddr = "%s.example.lan:9102" % c
            if c in down:
                tr = tj + 2 * S
                while tr < at(23, 59):
                    emit(tr, "bacula-dir", jobid, "E6", [fdname, fdaddr, down[c]])
                    tr += 300 * S + rng.randrange(0, 3 * S)
                jobid += 1
                continue
            emit(tj, "bacula-dir", jobid, "E5" if c in no_tls else "E4", [fdname, fdaddr])
            if dev not in mounted:
                tj += rng.randrange(300 * MS, 2 * S)
                if dev in new_vol_devs:
                    vol_no[0] += 1
                    vol = "Vol-%04d" % (vol_no[0] + 100)
                    emit(tj, "bacula-dir", jobid, "E10", [vol, pool, mtype])
                    tj += rng.randrange(200 * MS, 1500 * MS)
                    emit(tj, sd, jobid, "E9", [vol, dev, vdir])
                else:
                    vol = "Vol-%04d" % rng.randrange(300, 410)
                    emit(tj, sd, jobid, "E7", [vol])
                    tj += rng.randrange(50 * MS, 400 * MS)
                    emit(tj, sd, jobid, "E8", [vol, rng.randrange(2 * 10 ** 9, 52 * 10 ** 9)])
                mounted[dev] = vol
            if is_ws:
                tj += rng.randrange(300 * MS, 3 * S)
                emit(tj, "bacula-dir", jobid, "E13", [])
            tj += rng.randrange(1 * S, 4 * S)
            if not is_ws:
                mps = [("/dev", "/"), ("/proc", "/"), ("/run", "/"), ("/sys", "/")]
                if c in extra_fs:
                    mps.append((extra_fs[c], "/srv"))
                    mps.sort()
                for a, b in mps:
                    tj += rng.randrange(20 * MS, 900 * MS)
                    emit(tj, fdname, jobid, "E12", [a, b], fd=True)
            # vanished files during the (long) data phase
            nstat = rng.randrange(2, 7)
            for _ in range(nstat):
                tf = t + rng.randrange(20 * S, 1500 * S)
                if is_ws:
                    user = c[3:]
                    if rng.random() < 0.18:
                        path = "/home/%s/%s" % (user, odd())
                    else:
                        path = "/home/%s/%s" % (user, rng.choice(home_junk) % hexs(rng, 12).upper())
                else:
                    path = rng.choice(srv_junk) % hexs(rng, 10).upper()
                emit(tf, fdname, jobid, "E11", [path, stat_err()], fd=True)
            if is_ws and nopen[0] < 5 and rng.random() < 0.5:
                nopen[0] += 1
                tf = t + rng.randrange(30 * S, 900 * S)
                emit(tf, fdname, jobid, "E14",
                     ["/home/%s/%s" % (c[3:], rng.choice([".gvfs", ".cache/doc", "mnt/usb0",
                                                          ".local/share/keyrings"])), dir_err()],
                     fd=True)
            if c in read_err:
                tf = t + rng.randrange(20 * S, 400 * S)
                emit(tf, fdname, jobid, "E15", list(read_err[c]), fd=True)
            jobid += 1
    recs.sort(key=lambda r: (r.t, r.seq))
    return recs[:N_LINES]


BAC_HDR = r"(?P<ts>\d\d-[A-Z][a-z]{2} \d\d:\d\d) [\w.-]+ JobId \d+: +"


# ================================================================ writing
SYSTEMS = [
    ("Patroni", gen_patroni, PATRONI_T, PATRONI_HDR),
    ("PgBackRest", gen_pgbackrest, PGBR_T, PGBR_HDR),
    ("KnotDNS", gen_knot, KNOT_T, KNOT_HDR),
    ("NginxUnit", gen_unit, UNIT_T, UNIT_HDR),
    ("ApacheIgnite", gen_ignite, IGN_T, IGN_HDR),
    ("Bacula", gen_bacula, BAC_T, BAC_HDR),
]


def write_system(name, recs, templates):
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        for r in recs:
            f.write(r.header + r.content + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8",
              newline="") as f:
        w = csv.writer(f)
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, r in enumerate(recs, 1):
            w.writerow([i, r.content, r.eid, templates[r.eid]])


# ============================================================= self-check
def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")), re.S)


def self_check(name, hdr_re):
    d = os.path.join(HERE, name)
    with open(os.path.join(d, name + ".log"), encoding="utf-8", newline="") as f:
        raw = f.read()
    assert raw.endswith("\n") and "\r" not in raw, name
    lines = raw[:-1].split("\n")
    assert len(lines) == N_LINES, (name, len(lines))
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], name
    rows = rows[1:]
    assert len(rows) == N_LINES, (name, len(rows))
    hre = re.compile(hdr_re)
    tpl_of = {}
    groups = {}
    counts = {}
    last_ts = None
    for i, (row, line) in enumerate(zip(rows, lines), 1):
        assert len(row) == 4, (name, i)
        lid, content, eid, tpl = row
        assert lid == str(i), (name, i, lid)
        assert content and content == content.strip(), (name, i, content)
        assert line.endswith(content), (name, i)
        head = line[: len(line) - len(content)]
        m = hre.fullmatch(head)
        assert m, (name, i, head)
        ts = m.groupdict().get("ts")
        if ts is not None:
            assert last_ts is None or ts >= last_ts, (name, i, last_ts, ts)
            last_ts = ts
        assert re.fullmatch(r"E[1-9]\d*", eid), (name, i, eid)
        assert tpl_of.setdefault(eid, tpl) == tpl, (name, i, eid)
        mm = tpl_regex(tpl).fullmatch(content)
        assert mm, (name, i, tpl, content)
        g = groups.setdefault(eid, [set() for _ in mm.groups()])
        for k, v in enumerate(mm.groups()):
            g[k].add(v)
        counts[eid] = counts.get(eid, 0) + 1
    assert len(set(tpl_of.values())) == len(tpl_of), (name, "templates not distinct")
    for eid, g in groups.items():
        for k, vals in enumerate(g, 1):
            assert len(vals) >= 2, (name, eid, "slot %d has one value" % k, vals)
    assert 12 <= len(counts) <= 15, (name, len(counts))
    assert min(counts.values()) >= 3, (name, counts)
    assert sum(1 for n in counts.values() if 3 <= n <= 10) >= 3, (name, counts)
    med = statistics.median(counts.values())
    assert max(counts.values()) >= 3 * med, (name, max(counts.values()), med)
    order = sorted(counts, key=lambda e: int(e[1:]))
    print("%-13s %2d event types: %s" % (name, len(counts),
                                         " ".join("%s=%d" % (e, counts[e]) for e in order)))


def main():
    for k, (name, gen, templates, hdr) in enumerate(SYSTEMS):
        rng = random.Random(SEED * 10 + k)
        recs = gen(rng)
        assert len(recs) == N_LINES, (name, len(recs))
        write_system(name, recs, templates)
    for name, _, _, hdr in SYSTEMS:
        self_check(name, hdr)
    print("self-check passed")


if __name__ == "__main__":
    main()
