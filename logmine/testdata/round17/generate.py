#!/usr/bin/env python3
"""Round 17: a blind labelled log corpus for the log template miner.

Python 3 standard library only.  Deterministic: fixed seed 20261221, an
integer nanosecond clock on 2026-12-17 (nanoseconds since 00:00:00 of that
day), month names and number formats written by hand (no locale, no
strftime, no wall clock).

For every system it writes
    <System>/<System>.log                 raw lines, header included
    <System>/<System>.log_structured.csv  LineId,Content,EventId,EventTemplate
and then reads everything back and runs the self-check.

Run:  cd /work/notes/corpora/round17 && python3 generate.py
"""

import csv
import os
import random
import re
import statistics

SEED = 20261221
ROOT = os.path.dirname(os.path.abspath(__file__))
NLINES = 300
SEC, MS, US = 10 ** 9, 10 ** 6, 10 ** 3
DAY = "2026-12-17"
SYSTEMS = ["Libvirt", "InfluxDB", "ActiveMQArtemis", "Zimbra", "Sendmail", "Volcano"]


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------

def hmsf(ns):
    """Split the day clock (ns since 2026-12-17 00:00:00) into h, m, s, ns."""
    assert isinstance(ns, int) and 0 <= ns < 86400 * SEC, ns
    s, f = divmod(ns, SEC)
    return s // 3600, s // 60 % 60, s % 60, f


def fill(tpl, vals):
    parts = tpl.split("<*>")
    if len(parts) != len(vals) + 1:
        raise ValueError("template %r wants %d values, got %r" % (tpl, len(parts) - 1, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


def template_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")))


class Cycle:
    """Per-key cycling through a shuffled copy of a pool, so that even rare
    events see several different values in every slot."""

    def __init__(self, rng):
        self.rng, self.state = rng, {}

    def __call__(self, key, pool):
        st = self.state.get(key)
        if st is None:
            order = list(pool)
            self.rng.shuffle(order)
            st = self.state[key] = [order, 0]
        v = st[0][st[1] % len(st[0])]
        st[1] += 1
        return v


def uuid4(rng):
    h = "%032x" % rng.getrandbits(128)
    h = h[:12] + "4" + h[13:16] + "89ab"[int(h[16], 16) & 3] + h[17:]
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def hexid(rng, n):
    return "%0*x" % (n, rng.getrandbits(4 * n))


def go_dur(ns):
    """time.Duration.String() of Go for durations under a minute."""
    assert 0 < ns < 60 * SEC
    if ns < US:
        return "%dns" % ns
    if ns < MS:
        unit, u, d = "\u00b5s", US, 3
    elif ns < SEC:
        unit, u, d = "ms", MS, 6
    else:
        unit, u, d = "s", SEC, 9
    ip, fp = divmod(ns, u)
    fs = str(fp).rjust(d, "0").rstrip("0")
    return "%d.%s%s" % (ip, fs, unit) if fs else "%d%s" % (ip, unit)


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.uniform(0, total)
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


class Corpus:
    def __init__(self, name, templates):
        self.name, self.tpl, self.rows = name, dict(templates), []

    def emit(self, t, header, key, vals):
        content = fill(self.tpl[key], vals)
        self.rows.append((t, len(self.rows), header, key, content))

    def final_rows(self):
        # time order (ties keep emission order); simulations are cut here
        return sorted(self.rows)[:NLINES]


def shuffle_units(rng, units, t0, gap_first, gap_next):
    """Seeded shuffle of units (a unit is a list of steps that stay together),
    stamped by a clock that only moves forward.  Each step is called with t."""
    rng.shuffle(units)
    t = t0
    for unit in units:
        for i, step in enumerate(unit):
            t += gap_first() if i == 0 else gap_next()
            step(t)


# --------------------------------------------------------------------------
# 1. Libvirt  (libvirtd daemon log, /var/log/libvirt/libvirtd.log)
#    "YYYY-MM-DD HH:MM:SS.mmm+0000: <tid>: <level> : <func>:<line> : <msg>"
#    lines logged without a function ("libvirt version", "hostname") omit
#    the "<func>:<line> : " part.  Seeded shuffle.
# --------------------------------------------------------------------------

def gen_libvirt(rng):
    c = Cycle(rng)
    EV = {
        "taint": ("warning", "qemuDomainObjTaintMsg", 6419,
                  "Domain id=<*> name='<*>' uuid=<*> is tainted: <*>"),
        "eof": ("error", "virNetSocketReadWire", 1807,
                "End of file while reading data: <*>"),
        "keepalive": ("warning", "virKeepAliveTimerInternal", 112,
                      "No response from client <*> after <*> keepalive messages in <*> seconds"),
        "openfail": ("error", "virFileReadAll", 1466, "Failed to open file '<*>': <*>"),
        "agent": ("error", "qemuDomainAgentAvailable", 8377, "Guest agent is not responding: <*>"),
        "noagent": ("error", "qemuDomainAgentAvailable", 8371,
                    "argument unsupported: QEMU guest agent is not configured"),
        "jobwait": ("warning", "virDomainObjBeginJobInternal", 339,
                    "Cannot start job (<*>, <*>, <*>) for domain <*>; current job is (<*>, <*>, <*>) "
                    "owned by (<*> <*>, <*> <*>) for (<*>s, <*>s)"),
        "locktmo": ("error", "virDomainObjBeginJobInternal", 361,
                    "Timed out during operation: cannot acquire state change lock (held by <*>)"),
        "locktmo_bare": ("error", "virDomainObjBeginJobInternal", 371,
                         "Timed out during operation: cannot acquire state change lock"),
        "monitor": ("error", "qemuMonitorIO", 697,
                    "internal error: qemu monitor for domain '<*>' hung up: <*>"),
        "jobfail": ("error", "qemuMigrationJobCheckStatus", 1882,
                    "operation failed: job '<*>' failed due to: <*>"),
        "chown": ("warning", "virSecurityDACRestoreFileLabelInternal", 1225,
                  "Unable to restore ownership of '<*>' to <*>:<*>: <*>"),
        "tap": ("error", "virNetDevTapCreate", 402, "Unable to create tap device <*>: <*>"),
        "version": ("info", None, None, "libvirt version: <*>, package: <*>"),
        "hostname": ("info", None, None, "hostname: kvm07.lab.example.net"),
    }
    C = Corpus("Libvirt", {k: v[3] for k, v in EV.items()})

    DOMS = ["web-frontend-02", "ci-runner-11", "pg-replica-b", "win2022-build", "k8s-worker-05",
            "ldap01", "gitlab-cache", "analytics-vm3", "mirror-sync", "dev-jdoe-sandbox"]
    DOM = {d: (i, uuid4(rng)) for d, i in zip(DOMS, rng.sample(range(1, 64), len(DOMS)))}
    TAINT = ["custom-argv", "high-privileges", "host-cpu", "custom-monitor", "deprecated-config",
             "custom-ga-command"]
    EOFWHY = ["Input/output error", "Connection reset by peer", "Broken pipe", "No data available"]
    OPENF = [("/var/run/libvirt/qemu/web-frontend-02.pid", "No such file or directory"),
             ("/sys/fs/cgroup/machine.slice/machine-qemu\\x2d4\\x2dci\\x2drunner\\x2d11.scope/cpu.max",
              "No such file or directory"),
             ("/proc/31877/stat", "No such file or directory"),
             ("/var/lib/libvirt/qemu/nvram/win2022-build_VARS.fd", "Permission denied"),
             ("/etc/libvirt/qemu/networks/lab-isolated.xml", "Permission denied"),
             ("/var/lib/libvirt/dnsmasq/virbr1.status", "Stale file handle")]
    AGENTWHY = ["timeout",
                "QEMU guest agent is not connected",
                "guest agent went away while waiting for 'guest-fsfreeze-thaw'",
                "unexpected reply: {\"error\": {\"class\": \"GenericError\", \"desc\": "
                "\"Command guest-get-fsinfo has been disabled: blocked by policy\"}}",
                "no reply within 5 seconds (sync id 1876011)"]
    JOBREQ = [("query", "none", "none"), ("modify", "none", "none"), ("destroy", "none", "none"),
              ("none", "none", "query"), ("none", "migration out", "none"), ("none", "snapshot", "none")]
    HOLDERS = [(("modify", "none", "none"), ("remoteDispatchDomainSetVcpusFlags", None)),
               (("query", "none", "none"), ("remoteDispatchConnectGetAllDomainStats", None)),
               (("none", "migration out", "none"), (None, "remoteDispatchDomainMigratePerform3Params")),
               (("async nested", "migration out", "none"),
                ("remoteDispatchDomainMigratePerform3Params", "remoteDispatchDomainMigratePerform3Params")),
               (("none", "snapshot", "none"), (None, "remoteDispatchDomainSnapshotCreateXML")),
               (("query", "none", "query"), ("remoteDispatchDomainGetGuestInfo", None))]
    LOCKHOLD = ["monitor=remoteDispatchDomainGetBlockInfo", "agent=remoteDispatchDomainFSFreeze",
                "monitor=remoteDispatchConnectGetAllDomainStats", "agent=remoteDispatchDomainGetHostname",
                "monitor=remoteDispatchDomainBlockJobAbort"]
    MONWHY = ["EOF",
              "read error: Connection reset by peer",
              "socket closed by peer [fd=31]",
              "unexpected reply: {\"error\": {\"class\": \"GenericError\", \"desc\": "
              "\"Device 'drive-virtio-disk1' is in use\"}}",
              "qemu process exited (status 139): shutting down"]
    JOBFAIL = [("migration out", "Unable to write to socket: Broken pipe"),
               ("snapshot", "disk image '/var/lib/libvirt/images/pg-replica-b.qcow2' is locked by another process"),
               ("migration out", "target host unreachable (no route to host)"),
               ("dump", "No space left on device"),
               ("snapshot", "guest crashed: panic reported by pvpanic device, reason: kernel BUG at mm/slub.c:4391")]
    CHOWN = [("/var/lib/libvirt/images/pg-replica-b.qcow2", 107, 107),
             ("/dev/mapper/vg_vms-ci--runner--11", 0, 6),
             ("/run/libvirt/qemu/swtpm/3-win2022-build-swtpm.sock", 107, 36),
             ("/var/lib/libvirt/images/isos/rocky-9.5-x86_64-minimal.iso", 0, 0)]
    CHOWNWHY = ["No such file or directory", "Operation not permitted", "Read-only file system"]
    TAPWHY = ["Device or resource busy", "Operation not permitted", "Invalid argument"]
    VERSIONS = [("10.9.0", "10.9.0-4.el9 (Example Linux Build System, 2026-10-14-09:12:55, build-x86-07.example.org)"),
                ("10.10.0", "10.10.0-2.el9 (Example Linux Build System, 2026-11-28-16:40:03, build-x86-03.example.org)"),
                ("10.10.0", "10.10.0-2.el9 (Example Linux Build System, 2026-11-28-16:40:03, build-x86-03.example.org)")]

    run = {"pid": 1187, "n": 0}
    run["tids"] = [run["pid"] + k for k in (21, 22, 23, 24, 25, 38, 39, 40)]

    def values(k):
        if k == "taint":
            d = c("taint.d", DOMS)
            return [DOM[d][0], d, DOM[d][1], c("taint.r", TAINT)]
        if k == "eof":
            return [c("eof", EOFWHY)]
        if k == "keepalive":
            n = c("ka.n", [5, 5, 6, 3])
            return ["0x%012x" % (0x55d1c2000000 + rng.randrange(0x1000000) * 16), n, (n + 1) * 5]
        if k == "openfail":
            return list(c("open", OPENF))
        if k == "agent":
            return [c("agent", AGENTWHY)]
        if k == "noagent":
            return []
        if k == "jobwait":
            req = c("jw.req", JOBREQ)
            d = c("jw.dom", DOMS)
            cur, (o1, o2) = c("jw.cur", HOLDERS)
            t1 = rng.choice(run["tids"]) if o1 else 0
            t2 = rng.choice(run["tids"]) if o2 else 0
            return list(req) + [d] + list(cur) + [t1, o1 or "<null>", t2, o2 or "<null>",
                                                  rng.randint(30, 95) if o1 else 0,
                                                  rng.randint(31, 900) if o2 else 0]
        if k == "locktmo":
            return [c("lock", LOCKHOLD)]
        if k == "locktmo_bare":
            return []
        if k == "monitor":
            return [c("mon.d", DOMS), c("mon", MONWHY)]
        if k == "jobfail":
            return list(c("jobfail", JOBFAIL))
        if k == "chown":
            p, u, g = c("chown", CHOWN)
            return [p, u, g, c("chown.w", CHOWNWHY)]
        if k == "tap":
            return ["vnet%d" % rng.randint(0, 40), c("tap", TAPWHY)]
        if k == "version":
            return list(VERSIONS[run["n"] - 1])
        if k == "hostname":
            return []
        raise KeyError(k)

    def step(k):
        def f(t):
            level, func, line, _ = EV[k]
            if k == "version":           # daemon (re)start: new pid, new threads
                run["n"] += 1
                run["pid"] += rng.randint(3000, 9000)
                run["tids"] = [run["pid"] + d for d in (18, 19, 20, 21, 22, 35, 36, 37)]
            tid = run["pid"] if func is None else rng.choice(run["tids"])
            h, m, s, fr = hmsf(t)
            hdr = "%s %02d:%02d:%02d.%03d+0000: %d: %s : " % (DAY, h, m, s, fr // MS, tid, level)
            if func:
                hdr += "%s:%d : " % (func, line)
            C.emit(t, hdr, k, values(k))
        return f

    counts = {"eof": 58, "keepalive": 32, "openfail": 23, "agent": 19, "locktmo": 13,
              "chown": 12, "jobfail": 11, "noagent": 9, "monitor": 8, "jobwait": 7, "tap": 5,
              "locktmo_bare": 4}
    counts["taint"] = NLINES - sum(counts.values()) - 2 * 3
    units = [[step(k)] for k, n in counts.items() for _ in range(n)]
    units += [[step("version"), step("hostname")] for _ in range(3)]
    shuffle_units(rng, units, 2 * 3600 * SEC + rng.randrange(SEC),
                  lambda: rng.randint(40 * MS, 80 * SEC), lambda: rng.randint(80 * US, 900 * US))
    return C


HDR_LIBVIRT = re.compile(
    r"(?P<d>\d{4}-\d\d-\d\d) (?P<t>\d\d:\d\d:\d\d\.\d{3})\+0000: \d+: (?:debug|info|warning|error) : "
    r"(?:[A-Za-z_]\w*:\d+ : )?")


# --------------------------------------------------------------------------
# 2. InfluxDB 2.x  (influxd, default logfmt encoder, level info)
#    "ts=2026-12-17T10:23:45.123456Z lvl=info msg=\"...\" log_id=... k=v ..."
#    Header = "ts=... lvl=... ";  Content starts at msg=.  Seeded shuffle.
# --------------------------------------------------------------------------

def gen_influxdb(rng):
    c = Cycle(rng)
    L = "0tLq8wKW000"        # log_id: fixed for one influxd process run
    EV = {
        "snapshot": ("info", 'msg="Snapshot for path written" log_id=L service=storage-engine engine=tsm1 '
                             'path=<*> duration=<*>'),
        "query": ("info", 'msg="Executing query" log_id=L service=query org_id=<*> query="<*>"'),
        "compact": ("info", 'msg="Beginning compaction" log_id=L service=storage-engine engine=tsm1 '
                            'tsm1_strategy=<*> tsm1_level=<*> tsm1_files_n=<*>'),
        "write_rej": ("warn", 'msg="Write rejected" log_id=L service=http org_id=<*> bucket=<*> error="<*>"'),
        "task_start": ("info", 'msg="Started task run" log_id=L service=task-executor task_id=<*> run_id=<*> '
                               'scheduled_for=<*>'),
        "task_done": ("info", 'msg="Completed task run" log_id=L service=task-executor task_id=<*> run_id=<*> '
                              'duration=<*>'),
        "task_fail": ("warn", 'msg="Task run failed" log_id=L service=task-executor task_id=<*> run_id=<*> '
                              'error="<*>"'),
        "shard_open": ("info", 'msg="Opened shard" log_id=L service=storage-engine index_version=tsi1 '
                               'shard_id=<*> path=<*> duration=<*>'),
        "shard_fail": ("error", 'msg="Failed to open shard" log_id=L service=storage-engine shard_id=<*> '
                                'path=<*> error="<*>"'),
        "ret_start": ("info", 'msg="Bucket retention sweep (start)" log_id=L service=retention '
                              'op_name=retention_sweep op_event=start'),
        "ret_end": ("info", 'msg="Bucket retention sweep (end)" log_id=L service=retention '
                            'op_name=retention_sweep op_event=end op_elapsed=<*>ms'),
        "shard_del": ("info", 'msg="Deleted expired shard group" log_id=L service=retention bucket_id=<*> '
                              'shard_group_id=<*> end_time=<*>'),
        "unauth": ("warn", 'msg="Request authorization failed" log_id=L service=http method=<*> path=<*> '
                           'remote_addr=<*> error="<*>"'),
        "cancel": ("warn", 'msg="Query canceled" log_id=L service=query org_id=<*> reason="<*>"'),
    }
    EV = {k: (lv, t.replace("log_id=L ", "log_id=%s " % L)) for k, (lv, t) in EV.items()}
    C = Corpus("InfluxDB", {k: v[1] for k, v in EV.items()})

    ORGS = [hexid(rng, 16) for _ in range(3)]
    BUCKETS = {name: hexid(rng, 16) for name in
               ["telemetry", "iot_raw", "ops_metrics", "_monitoring", "billing-events"]}
    BNAMES = sorted(BUCKETS)
    TASKS = [hexid(rng, 16) for _ in range(4)]
    QUERIES = [
        'from(bucket: \\"telemetry\\") |> range(start: -1h) |> filter(fn: (r) => r._measurement == \\"cpu\\" '
        'and r.host == \\"web-2\\") |> aggregateWindow(every: 1m, fn: mean)',
        'buckets()',
        'import \\"influxdata/influxdb/schema\\"\\nschema.measurements(bucket: \\"iot_raw\\")',
        'from(bucket: \\"ops_metrics\\") |> range(start: -5m) |> last()',
        'from(bucket: \\"billing-events\\")\\n  |> range(start: 2026-12-16T00:00:00Z, stop: 2026-12-17T00:00:00Z)'
        '\\n  |> group(columns: [\\"customer\\", \\"plan\\"])\\n  |> sum(column: \\"amount\\")',
        'from(bucket: \\"_monitoring\\") |> range(start: -24h) |> filter(fn: (r) => r._measurement == \\"statuses\\")',
    ]
    WRITE_ERR = [
        'partial write: field type conflict: input field \\"temp_c\\" on measurement \\"env\\" is type integer, '
        'already exists as type float dropped=12',
        'bucket not found',
        'unable to parse \\"cpu,host=web-2 usage=0.31 17\\": bad timestamp',
        'request body too large: 27262976 bytes (limit 26214400)',
        'points beyond retention policy dropped=3',
    ]
    SHARD_ERR = ['cannot allocate memory',
                 'open /var/lib/influxdb2/engine/data/%s/_series/03/0000: too many open files' % BUCKETS["iot_raw"],
                 'tsm1: corrupt block: checksum mismatch at offset 4096 (index entry 7)']
    TASK_ERR = ['could not find bucket \\"rollups_1h\\"',
                'runtime error @4:6-4:42: to: failed to write points: unauthorized access',
                'timeout']
    UNAUTH = ['authorization not found', 'token expired at 2026-12-16T23:59:59Z',
              'read:orgs/%s/buckets is unauthorized' % ORGS[1], 'invalid token: malformed header']
    CANCEL = ['context canceled', 'client closed request',
              'query exceeded memory limit of 1073741824 bytes (allocated: 1073745920, requested: 8192)',
              'deadline exceeded after 30s']
    API = [("POST", "/api/v2/write"), ("POST", "/api/v2/query"), ("GET", "/api/v2/buckets"),
           ("DELETE", "/api/v2/buckets/%s" % BUCKETS["ops_metrics"]),
           ("GET", "/api/v2/tasks/%s/runs" % TASKS[2])]
    shard_ids = list(range(412, 460))

    def spath(shard=None):
        b = c("sp.b", BNAMES)
        return "/var/lib/influxdb2/engine/data/%s/autogen/%d" % (BUCKETS[b], shard or c("sp.s", shard_ids))

    def hdr(t, level):
        h, m, s, f = hmsf(t)
        return "ts=%sT%02d:%02d:%02d.%06dZ lvl=%s " % (DAY, h, m, s, f // US, level)

    def em(k, vals_fn):
        def f(t):
            C.emit(t, hdr(t, EV[k][0]), k, vals_fn(t))
        return f

    def iso_min(t, back_min=0):
        h, m, _, _ = hmsf(t - back_min * 60 * SEC)
        return "%sT%02d:%02d:00Z" % (DAY, h, m)

    single = {
        "snapshot": lambda t: [spath(), go_dur(rng.randint(300 * US, 2500 * MS))],
        "query": lambda t: [c("q.o", ORGS), c("q.q", QUERIES)],
        "compact": lambda t: list(c("cmp", [("level", 1), ("level", 2), ("level", 3), ("full", 4),
                                            ("optimize", 4)])) + [rng.randint(2, 8)],
        "write_rej": lambda t: [c("w.o", ORGS), c("w.b", BNAMES), c("w.e", WRITE_ERR)],
        "shard_open": lambda t: (lambda sh: [sh, spath(sh), go_dur(rng.randint(800 * US, 900 * MS))])(
            c("so.id", shard_ids)),
        "shard_fail": lambda t: (lambda sh: [sh, spath(sh), c("sf.e", SHARD_ERR)])(c("sf.id", shard_ids)),
        "unauth": lambda t: list(c("ua.api", API)) + [
            "%s:%d" % (c("ua.ip", ["203.0.113.8", "10.4.0.17", "198.51.100.240"]), rng.randint(32768, 60999)),
            c("ua.e", UNAUTH)],
        "cancel": lambda t: [c("cx.o", ORGS), c("cx.r", CANCEL)],
    }
    counts = {"query": 45, "compact": 30, "write_rej": 25, "shard_open": 18, "unauth": 10,
              "cancel": 8, "shard_fail": 4}
    units = [[em(k, single[k])] for k, n in counts.items() for _ in range(n)]

    # retention sweeps: start, (deleted shard group), end
    n_ret, n_del = 12, 6
    for i in range(n_ret):
        u = [em("ret_start", lambda t: [])]
        if i < n_del:
            u.append(em("shard_del", lambda t: [BUCKETS[c("sd.b", BNAMES)], rng.randint(180, 260),
                                                "2026-12-%02dT00:00:00Z" % c("sd.d", [9, 10, 11])]))
        u.append(em("ret_end", lambda t: ["%.3f" % (rng.randint(80, 9000) / 1000.0)]))
        units.append(u)

    # task runs: start then completed / failed, same task and run ids
    n_task, n_fail = 20, 5
    for i in range(n_task):
        ids = {}

        def start(t, ids=ids):
            ids["task"], ids["run"] = c("t.id", TASKS), hexid(rng, 16)
            return [ids["task"], ids["run"], iso_min(t)]
        u = [em("task_start", start)]
        if i < n_fail:
            u.append(em("task_fail", lambda t, ids=ids: [ids["task"], ids["run"], c("t.e", TASK_ERR)]))
        else:
            u.append(em("task_done", lambda t, ids=ids: [ids["task"], ids["run"],
                                                          go_dur(rng.randint(4 * MS, 3 * SEC))]))
        units.append(u)

    used = sum(len(u) for u in units)
    units += [[em("snapshot", single["snapshot"])] for _ in range(NLINES - used)]
    shuffle_units(rng, units, 6 * 3600 * SEC + rng.randrange(SEC),
                  lambda: rng.randint(20 * MS, 25 * SEC), lambda: rng.randint(1 * MS, 3 * SEC))
    return C


HDR_INFLUXDB = re.compile(
    r"ts=(?P<d>\d{4}-\d\d-\d\d)T(?P<t>\d\d:\d\d:\d\d\.\d{6})Z lvl=(?:debug|info|warn|error) ")


# --------------------------------------------------------------------------
# 3. Apache ActiveMQ Artemis  (artemis.log, log4j2 default pattern
#    "%d %-5level [%logger] %msg%n")
#    "2026-12-17 10:23:45,123 INFO  [org.apache.activemq.artemis.core.server] AMQ22....: ..."
#    Seeded shuffle.
# --------------------------------------------------------------------------

def gen_artemis(rng):
    c = Cycle(rng)
    SRV = "org.apache.activemq.artemis.core.server"
    CLI = "org.apache.activemq.artemis.core.client"
    JETTY = "org.eclipse.jetty.server.AbstractConnector"
    EV = {
        "q_create": ("INFO", SRV, "AMQ221903: Queue <*> created on address <*> with routing type <*>"),
        "conn_drop": ("WARN", CLI, "AMQ212061: Remote connection <*> dropped, reason: <*> [code=<*>]"),
        "stats": ("INFO", SRV, "AMQ221931: Broker statistics: connections=<*>, sessions=<*>, consumers=<*>, "
                               "producers=<*>, addresses=<*>, queues=<*>, messagesAdded=<*>, messagesAcked=<*>, "
                               "heapUsed=<*>MB, heapMax=2048MB, diskFree=<*>GB"),
        "q_remove": ("INFO", SRV, "AMQ221904: Queue <*> removed from address <*> after <*>ms idle"),
        "dla": ("WARN", SRV, "AMQ222463: Message ID:<*> exhausted <*> delivery attempts on queue <*>; "
                             "moving it to <*>"),
        "authfail": ("ERROR", SRV, 'AMQ224612: Authentication failed for user "<*>" from <*>: <*>'),
        "compacted": ("INFO", SRV, "AMQ221950: Journal compacted: <*> files, <*> records, took <*>"),
        "full": ("WARN", SRV, 'AMQ222377: Address "<*>" is full (size=<*>, limit=<*>); switching to <*> mode'),
        "full_bare": ("WARN", SRV, 'AMQ222378: Address "<*>" is full (size=<*>, limit=<*>)'),
        "resume": ("INFO", SRV, 'AMQ221920: Paging resumed for address "<*>"'),
        "deliver": ("ERROR", SRV, "AMQ224119: Failed to deliver message <*> to consumer <*> on queue <*>: <*>"),
        "bridge_up": ("INFO", SRV, "AMQ221942: Bridge <*> connected to <*> (node <*>)"),
        "bridge_down": ("WARN", SRV, "AMQ222488: Bridge <*> disconnected from <*> (node <*>), retrying in <*>ms"),
        "jetty_start": ("INFO", JETTY, "Started ServerConnector@<*>{HTTP/1.1, (http/1.1)}{<*>}"),
        "jetty_stop": ("INFO", JETTY, "Stopped ServerConnector@<*>{HTTP/1.1, (http/1.1)}{<*>}"),
    }
    C = Corpus("ActiveMQArtemis", {k: v[2] for k, v in EV.items()})

    ANY = ["orders.incoming", "invoices.pending", "payments.retry", "audit.trail", "reports.requests",
           "ExpiryQueue", "email.outbound"]
    MULTI = ["prices.eurusd", "shipping.events", "sensors.+.temperature", "alerts.broadcast"]
    DURABLE = ["erp-7.warehouse-eu", "erp-7.warehouse-us", "mqtt-gw-3.sensors.+.temperature",
               "pricing-ui.fx-ticker", "ops-dashboard.alerts"]
    ADDR_OF = {"erp-7.warehouse-eu": "shipping.events", "erp-7.warehouse-us": "shipping.events",
               "mqtt-gw-3.sensors.+.temperature": "sensors.+.temperature",
               "pricing-ui.fx-ticker": "prices.eurusd", "ops-dashboard.alerts": "alerts.broadcast"}
    CLIENTS = ["10.20.3.14", "10.20.3.15", "10.20.7.101", "172.16.40.9", "192.168.122.54"]
    DROPWHY = [("idle", "CONNECTION_TIMEDOUT"),
               ("no packet received within the 60000ms TTL", "CONNECTION_TIMEDOUT"),
               ("java.io.IOException: Connection reset by peer", "REMOTE_DISCONNECT"),
               ("peer sent 'DISCONNECT' before closing session [session=4a1f0c9e]", "REMOTE_DISCONNECT"),
               ("io.netty.channel.unix.Errors$NativeIoException: readAddress(..) failed: Connection reset by peer",
                "REMOTE_DISCONNECT"),
               ("client heartbeat missed (interval=30000, missed=3)", "NOT_CONNECTED")]
    AUTHWHY = ["invalid credentials",
               "user is locked: too many failed attempts (5)",
               'no role mapping for "monitoring" in login.config',
               "certificate subject CN=edge-17, O=Example Corp, C=DE does not match any user",
               "empty password"]
    AUTHUSER = ["svc-billing", "guest", "admin", "o'neil", "edge-17", "monitor"]
    DELIVWHY = ["consumer closed",
                "java.lang.IllegalStateException: session \"7c2e1a\" already closed",
                "AMQ229017: Queue \"orders.incoming\" does not exist: cannot route message (durable=true)",
                "timeout after 30000ms waiting for flow-control credits (window=1048576)"]
    BRIDGES = [("bridge-eu-west", "tcp://10.20.5.11:61616"), ("bridge-us-east", "tcp://10.40.1.7:61617"),
               ("bridge-dr", "tcp://dr-broker.example.net:61616")]
    NODES = {b: uuid4(rng) for b, _ in BRIDGES}

    def fresh_q():
        kind = rng.random()
        if kind < 0.45:
            a = c("q.any", ANY)
            return [a, a, "ANYCAST"]
        if kind < 0.75:
            a = c("q.multi", MULTI)
            return [uuid4(rng), a, "MULTICAST"]
        d = c("q.dur", DURABLE)
        return [d, ADDR_OF[d], "MULTICAST"]

    def remote():
        return "/%s:%d" % (c("cl", CLIENTS), rng.randint(32768, 60999))

    def dur_java():
        ms = rng.randint(40, 4800)
        return "%dms" % ms if ms < 1000 else "%.1fs" % (ms / 1000.0)

    jetty = {"hash": None, "bind": None}
    BINDS = ["0.0.0.0:8161", "127.0.0.1:8161", "10.20.0.5:8161"]

    def values(k):
        if k == "q_create":
            return fresh_q()
        if k == "q_remove":
            a = c("qr.multi", MULTI)
            return [uuid4(rng), a, rng.randint(30000, 600000)]
        if k == "conn_drop":
            why, code = c("drop", DROPWHY)
            return [remote(), why, code]
        if k == "stats":
            conns = rng.randint(18, 140)
            sess = conns + rng.randint(0, 60)
            added = rng.randint(10 ** 6, 9 * 10 ** 6)
            return [conns, sess, rng.randint(20, 200), rng.randint(10, 150), rng.randint(40, 70),
                    rng.randint(60, 130), added, added - rng.randint(0, 4000), rng.randint(300, 1900),
                    rng.randint(11, 96)]
        if k == "dla":
            return [uuid4(rng), c("dla.n", [10, 5, 16]), c("dla.q", ANY[:5]),
                    c("dla.to", ["DLQ", "orders.DLQ", "DLQ.payments"])]
        if k == "authfail":
            return [c("af.u", AUTHUSER), remote(), c("af.w", AUTHWHY)]
        if k == "compacted":
            return [rng.randint(3, 40), rng.randint(2000, 900000), dur_java()]
        if k in ("full", "full_bare"):
            a = c(k + ".a", ANY[:4] + MULTI[:2])
            lim = c(k + ".l", [104857600, 52428800, 209715200])
            out = [a, lim + rng.randint(1, 4096), lim]
            if k == "full":
                out.append(c("full.m", ["PAGE", "BLOCK", "FAIL", "DROP"]))
            return out
        if k == "resume":
            return [c("res.a", ANY[:4] + MULTI[:2])]
        if k == "deliver":
            return [rng.randint(10 ** 8, 10 ** 10), rng.randint(0, 40), c("dl.q", ANY[:5]), c("dl.w", DELIVWHY)]
        if k == "bridge_up":
            b, url = c("bu", BRIDGES)
            return [b, url, NODES[b]]
        if k == "bridge_down":
            b, url = c("bd", BRIDGES)
            return [b, url, NODES[b], c("bd.ms", [2000, 4000, 8000])]
        if k == "jetty_stop":
            return [jetty["hash"] or "%08x" % rng.getrandbits(32), jetty["bind"] or BINDS[0]]
        if k == "jetty_start":
            jetty["hash"], jetty["bind"] = "%08x" % rng.getrandbits(32), c("bind", BINDS)
            return [jetty["hash"], jetty["bind"]]
        raise KeyError(k)

    def step(k):
        def f(t):
            level, logger, _ = EV[k]
            h, m, s, fr = hmsf(t)
            hdr = "%s %02d:%02d:%02d,%03d %-5s [%s] " % (DAY, h, m, s, fr // MS, level, logger)
            C.emit(t, hdr, k, values(k))
        return f

    counts = {"conn_drop": 70, "stats": 25, "q_remove": 20, "dla": 15, "authfail": 14, "compacted": 11,
              "full": 10, "resume": 9, "deliver": 8, "bridge_up": 7, "bridge_down": 6, "full_bare": 4}
    units = [[step(k)] for k, n in counts.items() for _ in range(n)]
    units += [[step("jetty_stop"), step("jetty_start")] for _ in range(3)]   # web console restarts
    used = sum(len(u) for u in units)
    units += [[step("q_create")] for _ in range(NLINES - used)]
    shuffle_units(rng, units, 11 * 3600 * SEC + rng.randrange(SEC),
                  lambda: rng.randint(5 * MS, 40 * SEC), lambda: rng.randint(200 * MS, 2 * SEC))
    return C


HDR_ARTEMIS = re.compile(
    r"(?P<d>\d{4}-\d\d-\d\d) (?P<t>\d\d:\d\d:\d\d,\d{3}) (?:TRACE|DEBUG|INFO |WARN |ERROR|FATAL) \[[\w.$]+\] ")


# --------------------------------------------------------------------------
# 4. Zimbra mailboxd  (/opt/zimbra/log/mailbox.log, "%d %-5p [%t] [%z] %c{1} - %m%n")
#    "2026-12-17 09:31:02,118 INFO  [thread] [name=..;mid=..;ip=..;] soap - ..."
#    Simulation: web (SOAP) sessions, IMAP sessions, LMTP deliveries and the
#    mailbox purge thread, interleaved in time.
# --------------------------------------------------------------------------

def gen_zimbra(rng):
    c = Cycle(rng)
    EV = {
        "soap": ("INFO", "soap", "<*> elapsed=<*>"),
        "auth_ok": ("INFO", "account", "Authentication successful for <*>"),
        "auth_fail": ("WARN", "account", "Authentication failed for <*>: <*>"),
        "search": ("INFO", "mailbox", 'Searching mailbox: query="<*>", types=<*>, offset=<*>, limit=<*>'),
        "send": ("INFO", "smtp", "Sent message id=<*> to MTA <*>, rcpts=<*>, size=<*>"),
        "soap_abort": ("WARN", "soap", "Unable to complete request, client disconnected"),
        "sess_rm": ("INFO", "session", "Removed session <*> for <*> (<*>)"),
        "imap_auth": ("INFO", "imap", "user <*> authenticated, mechanism=<*>"),
        "imap_select": ("INFO", "imap", 'SELECT "<*>" (<*> messages, <*> unseen)'),
        "imap_drop": ("INFO", "imap", "dropping connection for user <*> (<*>)"),
        "lmtp_in": ("INFO", "lmtp", "Delivering message: size=<*> bytes, nrcpts=<*>, sender=<*>, msgid=<<*>>"),
        "added": ("INFO", "mailbox", "Added message: id=<*>, size=<*>, folder=<*>, conversation=<*>"),
        "lmtp_fail": ("WARN", "lmtp", "Delivery to <*> failed: <*>"),
        "purge": ("INFO", "purge", "Purged <*> messages from <*> in <*>ms"),
        "sweep": ("INFO", "session", "Swept <*> idle sessions, <*> still active"),
    }
    C = Corpus("Zimbra", {k: v[2] for k, v in EV.items()})

    def emit(t, key, vals, thread, ctx):
        level, cat, _ = EV[key]
        h, m, s, f = hmsf(t)
        z = "".join("%s=%s;" % kv for kv in ctx)
        hdr = "%s %02d:%02d:%02d,%03d %-5s [%s] [%s] %s - " % (DAY, h, m, s, f // MS, level, thread, z, cat)
        C.emit(t, hdr, key, vals)

    USERS = ["alice.nguyen@example.com", "bjorn@example.com", "carmen.ruiz@example.com",
             "d.okafor@example.com", "finance@example.com", "g.hoffmann@example.com",
             "hiro.sato@example.com", "ines.m@example.com", "k.wojcik@example.com"]
    MID = dict(zip(USERS, rng.sample(range(3, 90), len(USERS))))
    NEXT_ITEM = {u: rng.randint(900, 40000) for u in USERS}
    OIPS = ["198.51.100.23", "203.0.113.77", "192.0.2.140", "198.51.100.6", "203.0.113.201"]
    PROXIES = ["10.0.1.5", "10.0.1.6"]
    MTAS = ["10.0.1.9", "10.0.1.10"]
    UAS = ["ZimbraWebClient - FF128 (Linux)/10.1.3_GA_4200",
           "ZimbraWebClient - GC131 (Win)/10.1.3_GA_4200",
           "ZimbraWebClient - SAF18 (Mac)/10.1.3_GA_4200",
           "zclient/10.1.3_GA_4200"]
    FAILWHY = ["invalid password",
               "account locked (5 failed attempts in 00:15:00)",
               'account status is "maintenance"',
               "two-factor code rejected: code expired"]
    QUERIES = ["in:inbox", 'is:unread in:"Project Apollo"',
               "from:(billing@example.org) after:12/01/2026 has:attachment",
               'subject:"Q4 report, final" OR subject:draft', "tag:urgent", "in:sent to:hiro"]
    TYPES = ["conversation", "message", "message,contact"]
    REQS = [("SearchRequest", 30), ("GetMsgRequest", 22), ("NoOpRequest", 18), ("GetFolderRequest", 8),
            ("BatchRequest", 8), ("SendMsgRequest", 8), ("ModifyPrefsRequest", 3), ("GetInfoRequest", 5)]
    FOLDERS = ["INBOX", "Sent", "Archive/2026", "Project Apollo", "Drafts", "Junk"]
    DROPWHY = ["client logout", "IDLE timeout", "connection reset by peer"]
    SENDERS = ["newsletter@shop.example.net", "noreply@billing.example.org", "k.tanaka@partner.example.org",
               "jira@tracker.example.com", "mom.and.dad@example.net", "alerts@monitoring.example.com"]
    LMTPWHY = ["mailbox is over quota",
               "account is in maintenance mode",
               "com.zimbra.cs.mailbox.MailServiceException: quota exceeded (limit=2147483648, used=2147480011)",
               "mailbox locked by another operation (lock=MailboxLock, waited 30000ms)"]

    T0 = 9 * 3600 * SEC + 14 * 60 * SEC + rng.randrange(60 * SEC)
    END = T0 + 40 * 60 * SEC
    sess_counter = [rng.randint(2100, 2600)]

    def qtp(req):
        return "qtp1784662007-%d:https://mail.example.com/service/soap/%s" % (rng.randint(112, 298), req)

    def web_session(t):
        user, oip, ip, ua = c("w.u", USERS), c("w.o", OIPS), c("w.p", PROXIES), c("w.ua", UAS)
        pre = [("ip", ip), ("oip", oip), ("ua", ua)]
        if rng.random() < 0.16:
            emit(t, "auth_fail", [user, c("w.fw", FAILWHY)], qtp("AuthRequest"), pre)
            if rng.random() < 0.35:
                return
            t += rng.randint(4, 25) * SEC + rng.randrange(SEC)
        th = qtp("AuthRequest")
        emit(t, "auth_ok", [user], th, pre)
        t += rng.randint(8, 90) * MS
        emit(t, "soap", ["AuthRequest", rng.randint(12, 160)], th, pre)
        sess_counter[0] += rng.randint(1, 4)
        sid = sess_counter[0]
        for _ in range(rng.randint(2, 7)):
            t += rng.randint(1, 45) * SEC + rng.randrange(SEC)
            req = weighted(rng, REQS)
            th = qtp(req)
            ctx = [("name", user), ("mid", MID[user]), ("ip", ip), ("oip", oip), ("ua", ua),
                   ("soapId", hexid(rng, 8))]
            if req == "SearchRequest":
                emit(t, "search", [c("w.q", QUERIES), c("w.t", TYPES), c("w.off", [0, 0, 50, 100]),
                                   c("w.lim", [50, 100, 25])], th, ctx)
                t += rng.randint(2, 300) * MS
            elif req == "SendMsgRequest":
                t += rng.randint(20, 400) * MS
                emit(t, "send", [rng.randint(4000, 90000), c("w.mta", ["mta01.example.com:25",
                                                                       "mta02.example.com:25"]),
                                 rng.randint(1, 6), rng.randint(900, 4000000)], th, ctx)
                t += rng.randint(2, 40) * MS
            if rng.random() < 0.06:
                t += rng.randint(200, 30000) * MS
                emit(t, "soap_abort", [], th, ctx)
                continue
            emit(t, "soap", [req, rng.randint(2, 900)], th, ctx)
        end = rng.random()
        if end < 0.55:
            t += rng.randint(5, 120) * SEC
            th = qtp("EndSessionRequest")
            ctx = [("name", user), ("mid", MID[user]), ("ip", ip), ("oip", oip), ("ua", ua),
                   ("soapId", hexid(rng, 8))]
            emit(t, "sess_rm", [sid, user, c("w.end", ["logout", "logout", "client unload"])], th, ctx)
            t += rng.randint(1, 9) * MS
            emit(t, "soap", ["EndSessionRequest", rng.randint(1, 20)], th, ctx)
        elif end < 0.8:
            t += rng.randint(20, 100) * SEC
            emit(t, "sess_rm", [sid, user, "idle timeout"], "Timer-Zimbra", [("name", user), ("mid", MID[user])])

    def imap_session(t):
        user, oip, ip = c("i.u", USERS), c("i.o", OIPS), c("i.p", PROXIES)
        th = "ImapSSLServer-%d" % rng.randint(1, 60)
        emit(t, "imap_auth", [user, c("i.m", ["LOGIN", "PLAIN", "XOAUTH2"])], th, [("ip", ip), ("oip", oip)])
        ctx = [("name", user), ("ip", ip), ("oip", oip)]
        for i in range(rng.randint(1, 4)):
            t += (rng.randint(40, 900) * MS) if i == 0 else (rng.randint(5, 120) * SEC)
            total = rng.randint(0, 9000)
            emit(t, "imap_select", [c("i.f", FOLDERS), total, rng.randint(0, min(total, 60))], th, ctx)
        t += rng.randint(3, 200) * SEC
        emit(t, "imap_drop", [user, c("i.d", DROPWHY)], th, ctx)

    def lmtp(t):
        th = "LmtpServer-%d" % rng.randint(1, 20)
        mta = c("l.mta", MTAS)
        rcpts = rng.sample(USERS, weighted(rng, [(1, 6), (2, 3), (3, 1)]))
        size = rng.randint(1800, 3000000)
        msgid = "%d.%s@%s" % (rng.randint(10 ** 12, 10 ** 13), hexid(rng, 6),
                              c("l.dom", ["mailer.example.net", "mx.example.org", "example.com"]))
        emit(t, "lmtp_in", [size, len(rcpts), c("l.s", SENDERS), msgid], th, [("ip", mta)])
        for r in rcpts:
            t += rng.randint(3, 250) * MS
            ctx = [("name", r), ("mid", MID[r]), ("ip", mta), ("msgid", "<%s>" % msgid)]
            if rng.random() < 0.08:
                emit(t, "lmtp_fail", [r, c("l.fw", LMTPWHY)], th, ctx)
            else:
                NEXT_ITEM[r] += rng.randint(1, 3)
                conv = rng.choice([-NEXT_ITEM[r], NEXT_ITEM[r] - rng.randint(1, 300)])
                emit(t, "added", [NEXT_ITEM[r], size + rng.randint(0, 400), c("l.fold", ["Inbox", "Inbox", "Junk"]),
                                  conv], th, ctx)

    t = T0
    while t < END:
        t += int(rng.expovariate(1 / 11.0) * SEC) + 1
        web_session(t)
    t = T0
    while t < END:
        t += int(rng.expovariate(1 / 30.0) * SEC) + 1
        imap_session(t)
    t = T0
    while t < END:
        t += int(rng.expovariate(1 / 7.0) * SEC) + 1
        lmtp(t)
    t = T0 + rng.randint(5, 40) * SEC
    while t < END:
        u = c("p.u", USERS)
        emit(t, "purge", [rng.randint(1, 400), c("p.f", ["Trash", "Junk"]), rng.randint(8, 2400)],
             "MailboxPurge", [("name", u), ("mid", MID[u])])
        t += rng.randint(40, 70) * SEC + rng.randrange(SEC)
    t = T0 + rng.randint(10, 50) * SEC     # session sweeper: no account context, "[]"
    while t < END:
        emit(t, "sweep", [c("sw.n", [0, 1, 2, 0, 3]), rng.randint(14, 60)], "SessionTimeoutSweeper", [])
        t += 60 * SEC + rng.randint(0, 40) * MS
    return C


HDR_ZIMBRA = re.compile(
    r"(?P<d>\d{4}-\d\d-\d\d) (?P<t>\d\d:\d\d:\d\d,\d{3}) (?:DEBUG|INFO |WARN |ERROR|FATAL) "
    r"\[[^\[\]]+\] \[(?:\w+=[^;\[\]]*;)*\] \w+ - ")


# --------------------------------------------------------------------------
# 5. Sendmail via syslog  (/var/log/maillog, rsyslog traditional format)
#    "Dec 17 14:02:11 mail01 sendmail[24871]: 6BHE2BXa024871: from=<...>, ..."
#    Simulation: inbound SMTP connections (MTA, MTA-v6), authenticated
#    submissions (MSA) with remote delivery, and load-average overloads.
# --------------------------------------------------------------------------

B60 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwx"


def gen_sendmail(rng):
    c = Cycle(rng)
    EV = {
        "from": "<*>: from=<<*>>, size=<*>, class=<*>, nrcpts=<*>, msgid=<<*>>, proto=<*>, daemon=<*>, "
                "relay=<*> [<*>]",
        "from_noptr": "<*>: from=<<*>>, size=<*>, class=<*>, nrcpts=<*>, msgid=<<*>>, proto=<*>, daemon=<*>, "
                      "relay=[<*>]",
        "to_local": "<*>: to=<<*>>, delay=<*>, xdelay=<*>, mailer=local, pri=<*>, dsn=2.0.0, stat=Sent",
        "to_sent": "<*>: to=<<*>>, delay=<*>, xdelay=<*>, mailer=<*>, pri=<*>, relay=<*> [<*>], dsn=2.0.0, "
                   "stat=Sent (<*>)",
        "to_deferred": "<*>: to=<<*>>, delay=<*>, xdelay=<*>, mailer=esmtp, pri=<*>, relay=<*>, dsn=<*>, "
                       "stat=Deferred: <*>",
        "milter": "<*>: Milter add: header: X-Spam-Status: <*>",
        "reject": "<*>: ruleset=<*>, arg1=<<*>>, relay=<*> [<*>], reject=<*>",
        "noquit": "<*>: <*> [<*>] did not issue MAIL/EXPN/VRFY/ETRN during connection to <*>",
        "tls_srv": "<*>: STARTTLS=server, relay=<*> [<*>], version=<*>, verify=<*>, cipher=<*>, bits=<*>/<*>",
        "tls_cli": "<*>: STARTTLS=client, relay=<*>, version=<*>, verify=<*>, cipher=<*>, bits=<*>/<*>",
        "lost": "<*>: lost input channel from <*> [<*>] to <*> after <*>",
        "auth": "<*>: AUTH=server, relay=<*> [<*>], authid=<*>, mech=<*>, bits=0",
        "load_rej": "rejecting connections on daemon <*>: load average: <*>",
        "load_ok": "accepting connections again for daemon <*>",
    }
    C = Corpus("Sendmail", EV)
    HOST = "mail01"

    def emit(t, pid, key, vals):
        h, m, s, _ = hmsf(t)
        C.emit(t, "Dec 17 %02d:%02d:%02d %s sendmail[%d]: " % (h, m, s, HOST, pid), key, vals)

    def qid(t, pid):
        h, m, s, _ = hmsf(t)
        n = rng.randrange(3600)
        # Y M D h m s (base 60), two sequence characters, pid
        return (B60[126 % 60] + B60[11] + B60[17] + B60[h] + B60[m] + B60[s] +
                B60[n // 60] + B60[n % 60] + "%06d" % pid)

    def hms(ns):
        s = ns // SEC
        return "%02d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60)

    LOCAL = ["alice", "bwong", "c.ortiz", "dmitri", "e.kowalski", "frank.li", "gsingh", "helpdesk",
             "invoices", "jmartin"]
    PEERS = [("mx-out-3.example.net", "198.51.100.23"), ("smtp.partner.example.org", "203.0.113.41"),
             ("mail-ej1.example.org", "192.0.2.181"), ("o1.mailer.example.net", "198.51.100.77"),
             ("relay2.shop.example.net", "203.0.113.150"), ("bounce.lists.example.org", "192.0.2.9")]
    PEERS6 = [("mx6.example.org", "IPv6:2001:db8:4a::25"), ("out6.mailer.example.net", "IPv6:2001:db8:c0::1:7")]
    NOPTR = ["203.0.113.199", "IPv6:2001:db8:77::3", "198.51.100.251"]
    BOTS = [("scan-44.example.com", "198.51.100.44"), ("vps1187.hosting.example.net", "203.0.113.87"),
            ("mx6.example.org", "IPv6:2001:db8:4a::25")]
    SENDERS = ["newsletter@shop.example.net", "noreply@billing.example.org", "k.tanaka@partner.example.org",
               "jira@tracker.example.com", "list-owner@lists.example.org", "no-reply@notify.example.net"]
    CLIENTS = [("vpn-pool-22.example.com", "10.8.0.22"), ("laptop-bw.example.com", "10.10.4.17"),
               ("ws-frank.example.com", "10.10.4.58"), ("crm01.example.com", "10.0.2.31")]
    EXT = [("orders@partner.example.org", "mail.partner.example.org.", "192.0.2.44", "esmtp"),
           ("s.bauer@example.net", "mx1.example.net.", "198.51.100.10", "esmtp"),
           ("support@vendor.example.org", "aspmx.example.org.", "203.0.113.25", "esmtp"),
           ("team@corp-sub.example.com", "smarthost.example.com.", "10.0.2.25", "relay"),
           ("li.wei@example.net", "mx1.example.net.", "198.51.100.10", "esmtp")]
    TLS = [("TLSv1.3", "TLS_AES_256_GCM_SHA384", 256), ("TLSv1.2", "ECDHE-RSA-AES256-GCM-SHA384", 256),
           ("TLSv1.3", "TLS_AES_128_GCM_SHA256", 128)]
    SPAM = ["No, score=-0.2 required=5.0 tests=DKIM_SIGNED,DKIM_VALID autolearn=ham",
            "No, score=1.3 required=5.0 tests=HTML_MESSAGE,MIME_QP_LONG_LINE autolearn=no",
            "Yes, score=9.8 required=5.0 tests=BAYES_99,URIBL_BLOCKED,FROM_EXCESS_BASE64 autolearn=spam",
            "No, score=0.0 required=5.0 tests=none"]
    REJECT = [("check_rcpt", "postmaster@example.net",
               "550 5.7.1 <postmaster@example.net>... Relaying denied"),
              ("check_mail", "ceo@example.com",
               "553 5.1.8 <ceo@example.com>... Sender address rejected: local domain, not authenticated"),
              ("check_rcpt", "former.employee@example.com",
               "550 5.1.1 <former.employee@example.com>... User unknown"),
              ("check_mail", "x@no-such-domain.example",
               "553 5.1.8 <x@no-such-domain.example>... Domain of sender address x@no-such-domain.example "
               "does not exist")]
    RESP = ["Ok: queued as 4dXk2L0sQbz9tq", "OK id=1wQ3xA-0004Ua-7B",
            "2.0.0 OK  1797512345 a1b2c3d4e5f6.91 - gsmtp",
            "<20261217.1412.8821@example.com> [InternalId=41231] Queued mail for delivery",
            "Message accepted for delivery"]
    DEFER = [("4.0.0", "Connection timed out with %s"), ("4.7.1", "451 4.7.1 Greylisted, please try again "
                                                                  "in 300 seconds"),
             ("4.3.2", "421 4.3.2 Service not available: too many concurrent connections (limit=5)"),
             ("4.0.0", "Connection refused by %s")]

    T0 = 14 * 3600 * SEC + 2 * 60 * SEC + rng.randrange(60 * SEC)
    END = T0 + 25 * 60 * SEC
    DAEMON = 1187
    pid = [24810]

    def newpid():
        pid[0] += rng.randint(1, 40)
        return pid[0]

    def msgid(t, host):
        h, m, s, _ = hmsf(t)
        return "20261217%02d%02d%02d.%s@%s" % (h, m, s, hexid(rng, 6), host)

    # overload windows of the daemon: no connections are accepted meanwhile
    spikes = []
    for start_s, dur_s in ((rng.randint(60, 90), rng.randint(20, 45)), (rng.randint(150, 190), rng.randint(15, 40)),
                           (rng.randint(420, 600), rng.randint(15, 40))):
        ts, te = T0 + start_s * SEC + rng.randrange(SEC), T0 + (start_s + dur_s) * SEC + rng.randrange(SEC)
        spikes.append((ts, te))
        la = c("la", [12, 14, 17, 13, 19])
        for i, d in enumerate(["MTA", "MTA-v6", "MSA"]):
            emit(ts + i * 3 * MS, DAEMON, "load_rej", [d, la])
            emit(te + i * 3 * MS, DAEMON, "load_ok", [d])

    def blocked(t):
        return any(a <= t <= b for a, b in spikes)

    def tls_vals(q, host, ip=None):
        ver, ciph, bits = c("tls", TLS)
        out = [q, host] + ([ip] if ip else []) + [ver, c("tls.v" + ("s" if ip else "c"), ["NO", "OK", "NO", "FAIL"]),
                                                   ciph, bits, bits]
        return out

    deck = []

    def outcome():
        """Shuffled decks of connection outcomes: rare ones come up steadily."""
        if not deck:
            deck.extend(["noquit", "reject", "lost", "noptr", "v6", "v6"] + ["ok"] * 9)
            rng.shuffle(deck)
        return deck.pop()

    def mta_conn(t):
        p = newpid()
        q = qid(t, p)
        kind = outcome()
        v6, noptr = kind == "v6", kind == "noptr"
        host, ip = c("m.p6", PEERS6) if v6 else c("m.p", PEERS)
        daemon = "MTA-v6" if v6 else "MTA"
        tls = False
        if kind == "reject":
            host, ip = c("m.rp", PEERS)
        if kind == "lost":
            host, ip = c("m.lp", PEERS[:3] + PEERS6[:1])
            daemon = "MTA-v6" if ip.startswith("IPv6") else "MTA"
        if kind == "noquit":
            host, ip = c("m.bot", BOTS)
            daemon = "MTA-v6" if ip.startswith("IPv6") else "MTA"
            emit(t + rng.randint(5, 60) * SEC, p, "noquit", [q, host, ip, daemon])
            return
        if not noptr and rng.random() < 0.6:
            tls = True
            t += rng.randint(120, 600) * MS
            emit(t, p, "tls_srv", tls_vals(q, host, ip))
        if kind == "reject":
            t += rng.randint(400, 2500) * MS
            rs, a1, txt = c("m.rej", REJECT)
            emit(t, p, "reject", [q, rs, a1, host, ip, txt])
            return
        if kind == "lost":
            t += rng.randint(1, 30) * SEC
            emit(t, p, "lost", [q, host, ip, daemon, c("m.lost", ["rcpt", "mail", "data"])])
            return
        rcpts = rng.sample(LOCAL, c("m.nr", [1, 2]) if noptr else weighted(rng, [(1, 7), (2, 2), (3, 1)]))
        size = rng.randint(1200, 900000)
        t += rng.randint(400, 3000) * MS
        t_recv = t
        proto = "ESMTPS" if tls else c("m.proto" + kind, ["ESMTP", "SMTP", "ESMTP"])
        cls = c("m.cls" + kind, [0, 0, 0, -60, 0, 0] if kind != "noptr" else [0, -60])
        sender = c("m.s", SENDERS)
        mid = msgid(t, sender.split("@")[1])
        if noptr:
            ip = c("m.np", NOPTR)
            daemon = "MTA-v6" if ip.startswith("IPv6") else "MTA"
            emit(t, p, "from_noptr", [q, sender, size, cls, len(rcpts), mid, proto, daemon, ip])
        else:
            emit(t, p, "from", [q, sender, size, cls, len(rcpts), mid, proto, daemon, host, ip])
        if rng.random() < 0.75:
            t += rng.randint(20, 200) * MS
            emit(t, p, "milter", [q, c("m.spam", SPAM)])
        for r in rcpts:
            t += rng.randint(40, 1400) * MS
            emit(t, p, "to_local", [q, r + "@example.com", hms(t - t_recv + rng.randint(0, 2) * SEC),
                                    "00:00:01" if size > 400000 else "00:00:00",
                                    size + 30000 * len(rcpts) - 1800 * cls])

    def msa_conn(t):
        p = newpid()
        q = qid(t, p)
        host, ip = c("s.cl", CLIENTS)
        user = c("s.u", LOCAL)
        t += rng.randint(100, 500) * MS
        emit(t, p, "tls_srv", tls_vals(q, host, ip))
        t += rng.randint(100, 800) * MS
        emit(t, p, "auth", [q, host, ip, user, c("s.mech", ["PLAIN", "LOGIN"])])
        rcpts = rng.sample(EXT, weighted(rng, [(1, 6), (2, 3)]))
        size = rng.randint(900, 6000000)
        t += rng.randint(1, 9) * SEC
        t_recv = t
        emit(t, p, "from", [q, user + "@example.com", size, 0, len(rcpts), msgid(t, "example.com"),
                            "ESMTPSA", "MSA", host, ip])
        if rng.random() < 0.4:
            t += rng.randint(20, 200) * MS
            emit(t, p, "milter", [q, c("m.spam", SPAM)])
        for addr, mx, mxip, mailer in rcpts:
            t0 = t + rng.randint(200, 2000) * MS
            t = t0
            if mailer == "esmtp" and c("s.defer", [True] + [False] * 4):
                t += c("s.dt", [30, 2, 5, 1]) * SEC + rng.randrange(SEC)
                dsn, txt = c("s.def", DEFER)
                if "%s" in txt:
                    txt = txt % (mx.rstrip(".") + "." if dsn == "4.0.0" and "timed" in txt else "[%s]" % mxip)
                emit(t, p, "to_deferred", [q, addr, hms(t - t_recv), hms(t - t0), size + 30000 * len(rcpts),
                                           mx, dsn, txt])
                continue
            if rng.random() < 0.7:
                t += rng.randint(150, 900) * MS
                emit(t, p, "tls_cli", tls_vals(q, mx))
            t += rng.randint(200, 4000) * MS
            emit(t, p, "to_sent", [q, addr, hms(t - t_recv), hms(t - t0), mailer, size + 30000 * len(rcpts),
                                   mx, mxip, c("s.resp", RESP)])

    arrivals = []
    t = T0
    while t < END:
        t += int(rng.expovariate(1 / 4.5) * SEC) + 1
        arrivals.append((t, 0))
    t = T0 + rng.randrange(5 * SEC)
    while t < END:
        t += int(rng.expovariate(1 / 9.0) * SEC) + 1
        arrivals.append((t, 1))
    for t, kind in sorted(arrivals):      # pids are handed out in time order
        if not blocked(t):
            (mta_conn, msa_conn)[kind](t)
    return C


HDR_SENDMAIL = re.compile(
    r"(?P<d>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d) (?P<t>\d\d:\d\d:\d\d) [\w.-]+ "
    r"(?:sendmail|sm-mta|sm-msp-queue)\[\d+\]: ")


# --------------------------------------------------------------------------
# 6. Volcano scheduler  (vc-scheduler, klog text format)
#    "I1217 08:30:01.004512       1 allocate.go:233] Allocated task ..."
#    Lmmdd hh:mm:ss.uuuuuu, pid right-aligned in 7 columns, file:line]
#    Simulation: one scheduling session per second; jobs arrive, are
#    enqueued, gang-allocated, sometimes evicted, complete and are deleted.
# --------------------------------------------------------------------------

# cluster and pacing knobs of the Volcano simulation (every n-th bind attempt /
# podgroup update fails; batch-etl and default admit that many jobs at once)
BINDFAIL_EVERY, PGFAIL_EVERY, BATCH_MAX, GPU_NODE_CPU, ML_W, GPU_NODES, ML_DUR = 7, 5, 2, 64000, 4, 2, (5, 22)
ML_CPU, RECLAIM_COOLDOWN, DEFAULT_MAX = [4000, 6000, 8000], 8, 1


def gen_volcano(rng):
    c = Cycle(rng)
    EV = {
        "open": ("I", "framework.go", 52, "Open scheduling session <*> with <*> jobs and <*> queues"),
        "close": ("I", "framework.go", 71, "Close scheduling session <*>"),
        "leave": ("I", None, None, "Leaving action <*> after <*>"),
        "enqueued": ("I", "enqueue.go", 98, "Job <*> enqueued into queue <*>, minAvailable <*>"),
        "overused": ("W", "enqueue.go", 87, "Job <*> cannot be enqueued: queue <*> is overused"),
        "allocated": ("I", "allocate.go", 233, "Allocated task <*> on node <*>: idle <*>, used <*>"),
        "unsched": ("I", "allocate.go", 198, "Job <*> unschedulable: <*>"),
        "bindfail": ("E", "cache.go", 631, "Failed to bind task <*> to node <*>: <*>"),
        "pgstatus": ("I", "job_updater.go", 121,
                     '"Updated podgroup status" podGroup="<*>" phase="<*>" running=<*> succeeded=<*> '
                     'failed=<*> pending=<*> minMember=<*> queue="<*>"'),
        "pgfail": ("E", "job_updater.go", 128, '"Failed to update podgroup" err="<*>" podGroup="<*>"'),
        "removed": ("I", "event_handlers.go", 244, "Removed task <*> from node <*>"),
        "jobdel": ("I", "event_handlers.go", 298, "Deleted job <*> from cache"),
        "evict": ("I", "reclaim.go", 164, "Evicting task <*> on node <*> to make room for job <*>"),
        "notready": ("W", "cache.go", 455, "Node <*> is not ready, skipping it: <*>"),
    }
    ACTFILE = {"enqueue": ("enqueue.go", 61), "allocate": ("allocate.go", 105), "backfill": ("backfill.go", 58)}
    C = Corpus("Volcano", {k: v[3] for k, v in EV.items()})

    def emit(t, key, vals, fl=None):
        sev, f, ln, _ = EV[key]
        if fl:
            f, ln = fl
        h, m, s, fr = hmsf(t)
        C.emit(t, "%s1217 %02d:%02d:%02d.%06d %7d %s:%d] " % (sev, h, m, s, fr // US, 1, f, ln), key, vals)

    GI = 1024 ** 3
    nodes = {}
    for n in ["node-a01", "node-a02", "node-a03", "node-a04", "node-a05"]:
        nodes[n] = {"cpu": 32000, "mem": 128 * GI, "gpu": 0}
    for n in ["gpu-b%02d" % (i + 1) for i in range(GPU_NODES)]:
        nodes[n] = {"cpu": GPU_NODE_CPU, "mem": 256 * GI, "gpu": 8000}
    for nd in nodes.values():
        nd.update(ucpu=0, umem=0, ugpu=0)
    NORDER = list(nodes)

    def rstr(cpu, mem, gpu, isgpu):
        s = "cpu %.2f, memory %.2f" % (cpu, mem)
        if isgpu:
            s += ", nvidia.com/gpu %.2f" % gpu
        return s

    QUEUES = ["default", "ml-training", "batch-etl"]
    KINDS = {"ml-training": ("ml", ["resnet-train", "bert-finetune", "llm-eval"], ["worker"], (2, 4)),
             "batch-etl": ("data", ["spark-etl", "nightly-agg", "dedup"], ["driver", "executor"], (2, 6)),
             "default": ("default", ["smoke-test", "render"], ["main"], (1, 2))}
    seqno = {}
    jobs = []

    def new_job(t):
        q = weighted(rng, [("ml-training", ML_W), ("batch-etl", 4), ("default", 2)])
        ns, bases, roles, (lo, hi) = KINDS[q]
        base = c("j.base." + q, bases)
        seqno[base] = seqno.get(base, rng.randint(1, 30)) + 1
        name = "%s/%s-%d" % (ns, base, seqno[base])
        n = rng.randint(lo, hi)
        tasks = []
        for i in range(n):
            role = roles[0] if (i == 0 or len(roles) == 1) else roles[1]
            idx = i if len(roles) == 1 else (0 if i == 0 else i - 1)
            if q == "ml-training":
                req = (rng.choice(ML_CPU), rng.choice([16, 24, 32]) * GI, 1000)
            elif q == "batch-etl":
                req = (rng.choice([2000, 4000]), rng.choice([8, 16]) * GI, 0)
            else:
                req = (rng.choice([500, 1000]), rng.choice([1, 2]) * GI, 0)
            tasks.append({"name": "%s-%s-%d" % (name, role, idx), "req": req, "node": None})
        jobs.append({"name": name, "pg": "%s-%s" % (name, hexid(rng, 8)), "queue": q, "tasks": tasks,
                     "min": n if q != "batch-etl" else max(2, n - 1), "state": "Pending", "arrive": t,
                     "warned": False, "dur": rng.randint(*(ML_DUR if q == "ml-training" else (5, 22))) * SEC, "end": None, "changed": None,
                     "failed": 0})

    def fits(nd, req):
        return (nodes[nd]["cpu"] - nodes[nd]["ucpu"] >= req[0] and nodes[nd]["mem"] - nodes[nd]["umem"] >= req[1]
                and nodes[nd]["gpu"] - nodes[nd]["ugpu"] >= req[2])

    def take(nd, req, sign):
        nodes[nd]["ucpu"] += sign * req[0]
        nodes[nd]["umem"] += sign * req[1]
        nodes[nd]["ugpu"] += sign * req[2]

    def place(job, ready):
        plan = []
        for tk in job["tasks"]:
            cands = [n for n in ready if fits(n, tk["req"])]
            if not cands:
                for nd, r in plan:
                    take(nd, r, -1)
                return None
            # least-allocated node first (spreads tasks)
            nd = min(cands, key=lambda n: (nodes[n]["ucpu"] / nodes[n]["cpu"], NORDER.index(n)))
            take(nd, tk["req"], 1)
            plan.append((nd, tk["req"]))
        for nd, r in plan:
            take(nd, r, -1)
        return [nd for nd, _ in plan]

    def placeable(job, ready):
        """How many tasks of the gang fit right now (greedy trial, undone)."""
        done = []
        for tk in job["tasks"]:
            cands = [n for n in ready if fits(n, tk["req"])]
            if not cands:
                break
            nd = min(cands, key=lambda n: (nodes[n]["ucpu"] / nodes[n]["cpu"], NORDER.index(n)))
            take(nd, tk["req"], 1)
            done.append((nd, tk["req"]))
        for nd, r in done:
            take(nd, r, -1)
        return len(done)

    def release(job):
        for tk in job["tasks"]:
            if tk["node"]:
                take(tk["node"], tk["req"], -1)
                tk["node"] = None

    def counts_of(job):
        running = sum(1 for tk in job["tasks"] if tk["node"]) if job["state"] == "Running" else 0
        failed = job["failed"] if job["state"] == "Completed" else 0
        succeeded = len(job["tasks"]) - failed if job["state"] == "Completed" else 0
        return running, succeeded, failed, len(job["tasks"]) - running - succeeded - failed

    NOTREADY = {("node-a04", i) for i in range(6, 10)} | {("gpu-b02", i) for i in range(19, 21)}
    NRWHY = {"node-a04": ["node condition Ready=False (KubeletNotReady: PLEG is not healthy: pleg was last "
                          "seen active 3m4.2s ago)", "node condition Ready=Unknown since 08:30:07"],
             "gpu-b02": ["node has taint {node.kubernetes.io/unreachable: NoExecute}",
                         "node condition Ready=False (NetworkUnavailable)"]}
    PGERR = ['podgroups.scheduling.volcano.sh \\"%s\\" conflict: resourceVersion %d is stale',
             'etcdserver: request timed out', 'context deadline exceeded',
             'Put \\"https://10.96.0.1:443/apis/scheduling.volcano.sh/v1beta1/namespaces/%s/podgroups\\": '
             'dial tcp 10.96.0.1:443: connect: connection refused']
    BINDERR = ['pods "%s" is forbidden: exceeded quota: team-quota, requested: cpu=4, used: cpu=30, limited: cpu=32',
               'etcdserver: leader changed',
               'Post "https://10.96.0.1:443/api/v1/namespaces/%s/pods/%s/binding": context deadline exceeded',
               'Operation cannot proceed: pod is being deleted']

    t_sess = 8 * 3600 * SEC + 30 * 60 * SEC + rng.randrange(SEC)
    next_job = t_sess - rng.randint(2, 6) * SEC
    deletions = []   # (time, job)
    nplans, nupd, reclaim_ok = [0], [0], [0]
    for sno in range(90):
        # cluster events before this session: arrivals, completions, deletions
        while next_job < t_sess:
            new_job(next_job)
            next_job += int(rng.expovariate(1 / 1.6) * SEC) + 1
        for j in sorted([j for j in jobs if j["state"] == "Running" and j["end"] < t_sess], key=lambda x: x["end"]):
            tt = j["end"]
            for tk in j["tasks"]:
                emit(tt, "removed", [tk["name"], tk["node"]])
                tt += rng.randint(150, 4000) * US
            release(j)
            j["state"], j["changed"] = "Completed", "Completed"
            j["failed"] = c("v.failed", [0, 1, 0]) if len(j["tasks"]) > 1 else 0
            if rng.random() < 0.8:
                deletions.append((tt + rng.randint(2, 8) * SEC, j))
        for dt, j in sorted([d for d in deletions if d[0] < t_sess], key=lambda d: d[0]):
            emit(dt, "jobdel", [j["name"]])
            j["state"] = "Deleted"
        deletions = [d for d in deletions if d[0] >= t_sess]

        t = t_sess
        sid = uuid4(rng)
        live = [j for j in jobs if j["state"] in ("Pending", "Inqueue", "Running", "Completed")]
        # an administrator creates queue "adhoc" (no jobs yet) during the run
        emit(t, "open", [sid, len(live), len(QUEUES) + (1 if sno >= 12 else 0)])
        t += rng.randint(30, 400) * US
        ready = []
        for nd in NORDER:
            if (nd, sno) in NOTREADY:
                emit(t, "notready", [nd, c("nr." + nd, NRWHY[nd])])
                t += rng.randint(20, 200) * US
            else:
                ready.append(nd)

        # enqueue
        ta = t
        for j in [j for j in jobs if j["state"] == "Pending"]:
            t += rng.randint(40, 300) * US
            cap = {"batch-etl": BATCH_MAX, "default": DEFAULT_MAX}.get(j["queue"])
            if cap and sum(1 for x in jobs if x["queue"] == j["queue"]
                           and x["state"] in ("Inqueue", "Running")) >= cap:
                if not j["warned"]:
                    emit(t, "overused", [j["name"], j["queue"]])
                    j["warned"] = True
                continue
            emit(t, "enqueued", [j["name"], j["queue"], j["min"]])
            j["state"], j["changed"] = "Inqueue", "Inqueue"
        t += rng.randint(50, 600) * US
        emit(t, "leave", ["enqueue", go_dur(t - ta)], ACTFILE["enqueue"])

        # allocate (ml-training first, then by arrival)
        ta = t
        cand = sorted([j for j in jobs if j["state"] == "Inqueue"],
                      key=lambda x: (x["queue"] != "ml-training", x["arrive"]))
        for j in cand:
            t += rng.randint(60, 500) * US
            plan = place(j, ready)
            if plan is None and j["queue"] == "ml-training" and sno >= reclaim_ok[0]:
                # reclaim by queue share: batch-etl holds more than its share while
                # ml-training waits, so the newest running batch-etl job is evicted
                vs = [v for v in jobs if v["queue"] == "batch-etl" and v["state"] == "Running"]
                if len(vs) >= 2:
                    v = vs[-1]
                    for tk in v["tasks"]:
                        emit(t, "evict", [tk["name"], tk["node"], j["name"]])
                        t += rng.randint(30, 200) * US
                    release(v)
                    v["state"], v["warned"], v["changed"] = "Pending", False, "Pending"
                    reclaim_ok[0] = sno + RECLAIM_COOLDOWN
                    plan = place(j, ready)
            if plan is None:
                free_cpu = sum(1 for n in ready if nodes[n]["cpu"] - nodes[n]["ucpu"] < j["tasks"][0]["req"][0])
                free_gpu = sum(1 for n in ready if nodes[n]["gpu"] - nodes[n]["ugpu"] < j["tasks"][0]["req"][2])
                n = len(j["tasks"])
                k = n - placeable(j, ready)
                if j["queue"] == "ml-training":
                    why = ("%d/%d tasks in gang unschedulable: 0/%d nodes are available, %d Insufficient "
                           "nvidia.com/gpu, %d Insufficient cpu" % (k, n, len(NORDER), free_gpu, free_cpu))
                elif rng.random() < 0.5:
                    why = "gang not satisfied (minAvailable %d, schedulable %d)" % (j["min"], n - k)
                else:
                    why = "%d Insufficient cpu, %d node(s) had taint {nvidia.com/gpu: NoSchedule}" % (free_cpu, 2)
                emit(t, "unsched", [j["name"], why])
                continue
            nplans[0] += 1
            fail_at = len(plan) - 1 if nplans[0] % BINDFAIL_EVERY == 0 else None
            ok = True
            for i, (tk, nd) in enumerate(zip(j["tasks"], plan)):
                t += rng.randint(80, 700) * US
                if i == fail_at:
                    why = c("bf", BINDERR)
                    if why.count("%s") == 2:
                        why = why % (j["name"].split("/")[0], tk["name"].split("/")[1])
                    elif "%s" in why:
                        why = why % tk["name"].split("/")[1]
                    emit(t, "bindfail", [tk["name"], nd, why])
                    ok = False
                    break
                tk["node"] = nd
                take(nd, tk["req"], 1)
                isg = nodes[nd]["gpu"] > 0
                emit(t, "allocated", [tk["name"], nd,
                                      rstr(nodes[nd]["cpu"] - nodes[nd]["ucpu"], nodes[nd]["mem"] - nodes[nd]["umem"],
                                           nodes[nd]["gpu"] - nodes[nd]["ugpu"], isg),
                                      rstr(nodes[nd]["ucpu"], nodes[nd]["umem"], nodes[nd]["ugpu"], isg)])
            if not ok:
                release(j)
                continue
            j["state"], j["changed"], j["end"] = "Running", "Running", t + j["dur"]
        t += rng.randint(50, 900) * US
        emit(t, "leave", ["allocate", go_dur(t - ta)], ACTFILE["allocate"])
        ta = t
        t += rng.randint(20, 400) * US
        emit(t, "leave", ["backfill", go_dur(t - ta)], ACTFILE["backfill"])

        # job updater, then close
        for j in jobs:
            if j["changed"]:
                t += rng.randint(100, 2500) * US
                nupd[0] += 1
                if nupd[0] % PGFAIL_EVERY == 0:
                    e = c("pge", PGERR)
                    if "%s" in e:
                        e = (e % (j["pg"].split("/")[1], rng.randint(40000, 99999)) if "conflict" in e
                             else e % j["pg"].split("/")[0])
                    emit(t, "pgfail", [e, j["pg"]])
                else:
                    r, s, f, p = counts_of(j)
                    emit(t, "pgstatus", [j["pg"], j["changed"], r, s, f, p, j["min"], j["queue"]])
                j["changed"] = None
        t += rng.randint(30, 300) * US
        emit(t, "close", [sid])
        t_sess += SEC + rng.randint(-2000, 9000) * US
    return C


HDR_VOLCANO = re.compile(
    r"[IWEF](?P<d>\d{4}) (?P<t>\d\d:\d\d:\d\d\.\d{6}) [ \d]{6}\d [\w.-]+\.go:\d+\] ")


# --------------------------------------------------------------------------
# writing and self-check
# --------------------------------------------------------------------------

GENERATORS = {"Libvirt": gen_libvirt, "InfluxDB": gen_influxdb, "ActiveMQArtemis": gen_artemis,
              "Zimbra": gen_zimbra, "Sendmail": gen_sendmail, "Volcano": gen_volcano}
HEADERS = {"Libvirt": HDR_LIBVIRT, "InfluxDB": HDR_INFLUXDB, "ActiveMQArtemis": HDR_ARTEMIS,
           "Zimbra": HDR_ZIMBRA, "Sendmail": HDR_SENDMAIL, "Volcano": HDR_VOLCANO}


def write(corpus):
    rows = corpus.final_rows()
    ids = {}
    for _, _, _, key, _ in rows:
        if key not in ids:
            ids[key] = "E%d" % (len(ids) + 1)
    d = os.path.join(ROOT, corpus.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, corpus.name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        for _, _, hdr, _, content in rows:
            f.write(hdr + content + "\n")
    with open(os.path.join(d, corpus.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, _, _, key, content) in enumerate(rows, 1):
            w.writerow([i, content, ids[key], corpus.tpl[key]])


def self_check(name):
    d = os.path.join(ROOT, name)
    with open(os.path.join(d, name + ".log"), encoding="utf-8", newline="") as f:
        raw = f.read()
    assert raw.endswith("\n"), name
    lines = raw[:-1].split("\n")
    assert len(lines) == NLINES, (name, len(lines))
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        recs = list(csv.reader(f))
    assert recs[0] == ["LineId", "Content", "EventId", "EventTemplate"], recs[0]
    recs = recs[1:]
    assert len(recs) == NLINES, (name, len(recs))
    hre = HEADERS[name]
    tpl_of, caps, counts = {}, {}, {}
    last = None
    for i, (rec, line) in enumerate(zip(recs, lines), 1):
        assert len(rec) == 4, (name, i, rec)
        lid, content, eid, tpl = rec
        assert lid == str(i), (name, i, lid)
        assert content and content == content.strip(), (name, i, content)
        assert line.endswith(content), (name, i, line, content)
        m = hre.fullmatch(line[:len(line) - len(content)])
        assert m, (name, i, line)
        tk = (m.group("d"), m.group("t"))
        assert last is None or tk >= last, (name, i, last, tk)
        last = tk
        assert re.fullmatch(r"E[1-9]\d*", eid), (name, i, eid)
        assert tpl_of.setdefault(eid, tpl) == tpl, (name, i, eid)
        mm = template_regex(tpl).fullmatch(content)
        assert mm, (name, i, tpl, content)
        slots = caps.setdefault(eid, [set() for _ in mm.groups()])
        for s, v in zip(slots, mm.groups()):
            s.add(v)
        counts[eid] = counts.get(eid, 0) + 1
    assert len(set(tpl_of.values())) == len(tpl_of), (name, "duplicate templates")
    assert sorted(tpl_of, key=lambda e: int(e[1:])) == ["E%d" % k for k in range(1, len(tpl_of) + 1)], name
    for eid, slots in caps.items():
        for k, s in enumerate(slots, 1):
            assert len(s) >= 2, (name, eid, tpl_of[eid], "slot %d has one value" % k, s)
    n = len(counts)
    assert 12 <= n <= 15, (name, n, counts)
    assert min(counts.values()) >= 3, (name, counts)
    assert sum(1 for v in counts.values() if 3 <= v <= 10) >= 3, (name, counts)
    assert max(counts.values()) >= 3 * statistics.median(counts.values()), (name, counts)
    order = sorted(counts, key=lambda e: int(e[1:]))
    print("%-16s %2d event types: %s" % (name, n, " ".join("%s=%d" % (e, counts[e]) for e in order)))


def main():
    for idx, name in enumerate(SYSTEMS):
        rng = random.Random(SEED * 10 + idx)
        write(GENERATORS[name](rng))
    for name in SYSTEMS:
        self_check(name)
    print("self-check passed")


if __name__ == "__main__":
    main()
