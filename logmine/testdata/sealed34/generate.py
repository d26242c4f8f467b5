#!/usr/bin/env python3
"""Sealed 34 corpus generator.

Python 3 standard library only and fully deterministic: no wall clock, no
locale, month names from a fixed list.  Base seed 20270128; system number k
(1..6, in the order of SYSTEMS) uses random.Random(20270128 * 10 + k).  Time is
an integer nanosecond clock counted from 2026-03-14T00:00:00Z.

Running it writes <System>/<System>.log, <System>/<System>.log_structured.csv
and README.md next to this file, then self-checks every file and prints a
per-system summary.  A failed check exits non-zero.
"""
import csv
import json
import os
import random
import re
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASE_SEED = 20270128
N_LINES = 300
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
YEAR, MONTH, DAY = 2026, 3, 14
SEC = 10 ** 9
MS = 10 ** 6
US = 10 ** 3
MIN = 60 * SEC


def days_from_civil(y, m, d):
    """Days since 1970-01-01 (proleptic Gregorian), no datetime needed."""
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


DAY_EPOCH = days_from_civil(YEAR, MONTH, DAY) * 86400   # unix seconds at 00:00Z


# --------------------------------------------------------------------------
# time formatting (ns = nanoseconds since 2026-03-14T00:00:00Z)
# --------------------------------------------------------------------------
def hms(ns):
    s = ns // SEC
    assert 0 <= s < 86400, "clock left 2026-03-14"
    return "%02d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60)


def frac(ns, digits):
    return ("%09d" % (ns % SEC))[:digits]


def iso_date():
    return "%04d-%02d-%02d" % (YEAR, MONTH, DAY)


def rfc3339(ns):
    return "%sT%sZ" % (iso_date(), hms(ns))


def rfc3339nano(ns):
    f = ("%09d" % (ns % SEC)).rstrip("0")
    return "%sT%s%sZ" % (iso_date(), hms(ns), "." + f if f else "")


def klog_ts(ns):
    return "%02d%02d %s.%s" % (MONTH, DAY, hms(ns), frac(ns, 6))


def journal_ts(ns):
    return "%s %02d %s" % (MONTHS[MONTH - 1], DAY, hms(ns))


def go_time_utc(ns, mono=None):
    """Go's time.Time String() for a UTC time."""
    s = "%s %s.%s +0000 UTC" % (iso_date(), hms(ns), frac(ns, 9))
    if mono is not None:
        s += " m=+%d.%09d" % (mono // SEC, mono % SEC)
    return s


# --------------------------------------------------------------------------
# value generation
# --------------------------------------------------------------------------
K8S_ALNUM = "bcdfghjklmnpqrstvwxz2456789"


class Gen:
    def __init__(self, k):
        self.rng = random.Random(BASE_SEED * 10 + k)
        self._cyc = {}

    def cyc(self, key, pool):
        """Cycle through a small pool per (event, slot) key."""
        assert len(pool) >= 2
        if key not in self._cyc:
            self._cyc[key] = self.rng.randrange(len(pool))
        i = self._cyc[key]
        self._cyc[key] = i + 1
        return pool[i % len(pool)]

    def r(self, a, b):
        return self.rng.randint(a, b)

    def ch(self, seq):
        return self.rng.choice(seq)

    def hexs(self, n):
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(n))

    def uuid(self):
        h = self.hexs(32)
        h = h[:12] + "4" + h[13:16] + self.rng.choice("89ab") + h[17:]
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def sfx(self, n=5):
        return "".join(self.rng.choice(K8S_ALNUM) for _ in range(n))

    def rs_hash(self):
        return "".join(self.rng.choice(K8S_ALNUM) for _ in range(self.r(9, 10)))

    def exp_gap(self, mean_ns):
        return max(1, int(self.rng.expovariate(1.0 / mean_ns)))


def human_bytes(n):
    """go-humanize Bytes(): SI units, one decimal below 10."""
    units = ["B", "kB", "MB", "GB", "TB"]
    if n < 10:
        return "%d B" % n
    e = 0
    v = float(n)
    while v >= 1000 and e < len(units) - 1:
        v /= 1000.0
        e += 1
    if v < 10:
        return "%.1f %s" % (v, units[e])
    return "%d %s" % (int(v + 0.5), units[e])


def go_quote(s):
    """Go %q for plain ASCII text."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def jstr(s):
    return json.dumps(s)


# --------------------------------------------------------------------------
# framework
# --------------------------------------------------------------------------
class Ev:
    def __init__(self, key, tpl, count=0, vals=None, **attrs):
        self.key = key
        self.tpl = tpl
        self.count = count
        self.vals = vals
        self.attrs = attrs
        self.eid = None


def fill(tpl, vals):
    parts = tpl.split("<*>")
    if len(parts) - 1 != len(vals):
        raise ValueError("slot count mismatch for %r: %r" % (tpl, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (tpl, v)
        out.append(v)
        out.append(p)
    return "".join(out)


def number(events):
    for i, ev in enumerate(events, 1):
        ev.eid = "E%d" % i
    return {ev.key: ev for ev in events}


def shuffle_lines(g, events, start_ns, mean_gap_ns, header_fn):
    seq = []
    for ev in events:
        seq.extend([ev] * ev.count)
    assert len(seq) == N_LINES, (len(seq), [(e.key, e.count) for e in events])
    g.rng.shuffle(seq)
    t = start_ns
    out = []
    for ev in seq:
        t += g.exp_gap(mean_gap_ns)
        vals, hdr = ev.vals(t)
        out.append((t, header_fn(t, ev, hdr), fill(ev.tpl, vals), ev))
    return out


class Sim:
    """Entities emit records on their own clocks; merged in time order.

    Each emitted time gets a sub-millisecond jitter; entities space their own
    lines at least 1 ms apart, so an entity's order is preserved."""

    def __init__(self, g):
        self.g = g
        self.recs = []

    def emit(self, t, key, vals, **hdr):
        t += self.g.r(0, 999999)
        self.recs.append((t, len(self.recs), key, list(vals), hdr))

    def lines(self, byk, header_fn):
        self.recs.sort(key=lambda r: (r[0], r[1]))
        assert len(self.recs) >= N_LINES, len(self.recs)
        out = []
        for t, _, key, vals, hdr in self.recs[:N_LINES]:
            ev = byk[key]
            out.append((t, header_fn(t, ev, hdr), fill(ev.tpl, vals), ev))
        return out


# ==========================================================================
# 1. BuildkiteAgent  (seeded shuffle)
# ==========================================================================
def sys_buildkite(g):
    agents = ["ci-linux-07-1", "ci-linux-07-2", "ci-linux-07-3", "ci-linux-07-4"]
    org = "northwind-labs"
    pipes = ["firmware-ci", "web-frontend", "payments-api", "infra-terraform",
             "mobile-release", "docs-site"]
    globs = ["build/logs/*.xml", "dist/**/*", "coverage/lcov.info",
             "target/release/gateway", "tmp/screenshots/*.png", "pkg/*.deb"]

    def art_path():
        kind = g.cyc(("art", "path"), range(6))
        return [
            lambda: "build/logs/junit-%d.xml" % g.r(1, 24),
            lambda: "dist/web-bundle-%s.tar.gz" % g.hexs(7),
            lambda: "coverage/lcov.info",
            lambda: "target/release/gateway",
            lambda: "tmp/screenshots/checkout-step-%d.png" % g.r(1, 9),
            lambda: "pkg/northwind-agent_1.%d.%d_amd64.deb" % (g.r(10, 40), g.r(0, 9)),
        ][kind]()

    def size():
        mag = g.cyc(("art", "mag"), [3, 5, 6, 7, 8, 9])
        return human_bytes(g.r(10 ** (mag - 1), 10 ** mag))

    def build_url():
        return "https://buildkite.com/%s/%s/builds/%d" % (
            org, g.cyc(("E7", "pipe"), pipes), g.r(1200, 9800))

    def retry_target():
        kind = g.cyc(("E10", "kind"), range(4))
        if kind == 0:
            return "POST", "https://agent.buildkite.com/v3/jobs/%s/chunks?sequence=%d&offset=%d&size=%d" % (
                g.uuid(), g.r(2, 400), g.r(1, 900) * 4096, g.ch([1024, 2048, 4096, 16384]))
        if kind == 1:
            return "PUT", "https://agent.buildkite.com/v3/jobs/%s/finish" % g.uuid()
        if kind == 2:
            return "POST", "https://agent.buildkite.com/v3/ping"
        return "PUT", "https://agent.buildkite.com/v3/jobs/%s/start" % g.uuid()

    def retry_vals(t):
        m, u = retry_target()
        st = g.cyc(("E10", "status"), ["502 Bad Gateway", "503 Service Unavailable",
                                        "429 Too Many Requests", "500 Internal Server Error"])
        return [m, u, st, g.r(1, 9)], {"agent": g.cyc(("E10", "agent"), agents)}

    upload_errors = [
        lambda: 'Put "https://bk-artifacts-%s.s3.us-east-1.amazonaws.com/%s/%s": dial tcp 52.217.%d.%d:443: i/o timeout' % (
            g.hexs(6), g.uuid(), g.uuid(), g.r(1, 254), g.r(1, 254)),
        lambda: "S3 returned 403 Forbidden: AccessDenied: Access Denied (request id %s)" % g.hexs(16).upper(),
        lambda: "open %s: no such file or directory",
        lambda: "context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
    ]

    def found():
        gl = g.cyc(("E13", "glob"), globs)
        n = 1 if "*" not in gl else g.r(2, 240)
        return [n, gl]

    def upload_err():
        path = art_path()
        err = g.cyc(("E11", "err"), upload_errors)()
        return [path, err % path if "%s" in err else err]

    def pfx(key):
        return lambda t: {"agent": g.cyc((key, "agent"), agents)}

    def simple(key, fn):
        p = pfx(key)
        return lambda t: (fn(), p(t))

    ev = [
        Ev("start", "Starting buildkite-agent v<*> with PID: <*>", 3, level="NOTICE",
           vals=lambda t: ([g.cyc(("E1", "ver"), ["3.91.0", "3.92.1"]), g.r(900, 48000)], {})),
        Ev("source", "The agent source code can be found here: https://github.com/buildkite/agent",
           3, level="NOTICE", vals=lambda t: ([], {})),
        Ev("registering", "Registering agent with Buildkite...", 4, level="INFO",
           vals=lambda t: ([], {})),
        Ev("registered", 'Successfully registered agent "<*>" with tags [<*>]', 4, level="INFO",
           vals=lambda t: ([g.cyc(("E4", "name"), agents),
                            "queue=%s, docker=true, aws:instance-id=i-0%s" % (
                                g.cyc(("E4", "queue"), ["linux-build", "linux-large"]), g.hexs(16))], {})),
        Ev("waiting", "Waiting for instructions...", 9, level="INFO",
           vals=simple("E5", lambda: [])),
        Ev("assigned", "Assigned job <*>. Accepting...", 52, level="INFO",
           vals=simple("E6", lambda: [g.uuid()])),
        Ev("starting", "Starting job <*> for build at <*>", 52, level="INFO",
           vals=simple("E7", lambda: [g.uuid(), build_url()])),
        Ev("finished", "Finished job <*>", 48, level="INFO",
           vals=simple("E8", lambda: [g.uuid()])),
        Ev("uploading", "Uploading artifact <*> <*> (<*>)", 70, level="INFO",
           vals=simple("E9", lambda: [g.uuid(), art_path(), size()])),
        Ev("retry", "<*> <*>: <*> (Attempt <*>/10 Retrying in 5s)", 8, level="WARN",
           vals=retry_vals),
        Ev("upload_err", 'Error uploading artifact "<*>": <*>', 4, level="ERROR",
           vals=simple("E11", upload_err)),
        Ev("cancel", "Canceling job <*> with a grace period of 10s", 5, level="INFO",
           vals=simple("E12", lambda: [g.uuid()])),
        Ev("found", 'Found <*> files that match "<*>"', 35, level="INFO",
           vals=simple("E13", found)),
        Ev("ctrlc", "Received CTRL-C, send again to forcefully kill the agent(s)", 3,
           level="NOTICE", vals=lambda t: ([], {})),
    ]
    number(ev)

    def header(t, e, hdr):
        h = "%s %s %-6s " % (iso_date(), hms(t), e.attrs["level"])
        if "agent" in hdr:
            h += hdr["agent"] + " "
        return h

    lines = shuffle_lines(g, ev, 7 * 3600 * SEC + 12 * SEC, 41 * SEC, header)
    hre = (r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) "
           r"(?:DEBUG |NOTICE|INFO  |WARN  |ERROR |FATAL ) "
           r"(?:[a-z0-9][a-z0-9.\-]*-\d+ )?")
    return dict(events=ev, lines=lines, hre=hre, mode="shuffle",
                fmt="`YYYY-MM-DD HH:MM:SS LEVEL ` (level padded to 6), then the spawned "
                    "agent's name on per-agent lines",
                content="the message after the level and the optional agent name")


# ==========================================================================
# 2. KubeVirt virt-handler  (simulation: VirtualMachineInstances on a node)
# ==========================================================================
def sys_kubevirt(g):
    ev = [
        Ev("proc", "Processing event <*>", pos="vm.go:1687"),
        Ev("phase_dom", "VMI is in phase: <*> | Domain status: <*>, reason: <*>", pos="vm.go:1704"),
        Ev("phase_nodom", "VMI is in phase: <*> | Domain does not exist", pos="vm.go:1699"),
        Ev("sync_ok", "Synchronization loop succeeded.", pos="vm.go:1761"),
        Ev("dom_added", "Received Domain Event of type ADDED", pos="domain-informer.go:392"),
        Ev("dom_modified", "Received Domain Event of type MODIFIED", pos="domain-informer.go:392"),
        Ev("dom_deleted", "Received Domain Event of type DELETED", pos="domain-informer.go:392"),
        Ev("dom_state", "Domain is in state <*> reason <*>", pos="vm.go:1749"),
        Ev("notify", "Accepted new notify pipe connection for vmi", pos="vm.go:311"),
        Ev("graceful", "Signaled graceful shutdown for <*>", pos="vm.go:2231"),
        Ev("grace_exp", "Grace period expired, killing deleted VirtualMachineInstance <*>", pos="vm.go:2198"),
        Ev("cleanup", "Performing final local cleanup for vmi with uid <*>", pos="vm.go:1934"),
        Ev("sync_fail", "Synchronizing the VirtualMachineInstance failed.", pos="vm.go:1796"),
        Ev("reenqueue", "re-enqueuing VirtualMachineInstance <*>", pos="vm.go:1530"),
        Ev("pid", "Found PID for <*>: <*>", pos="isolation.go:218"),
    ]
    byk = number(ev)
    namespaces = ["default", "ci-vms", "tenant-orion", "kubevirt-demo"]
    bases = ["fedora-ci", "rhel9-db", "win2k22-jump", "ubuntu-build", "cirros-smoke",
             "centos-stream-web", "alpine-edge"]
    fail_reasons = [
        lambda: "server error. command SyncVMI failed: \"LibvirtError(Code=38, Domain=7, Message='Failed to connect socket to '/var/run/kubevirt/sockets/%s_sock': Connection refused')\"" % g.uuid(),
        lambda: "failed to detect socket for containerDisk disk0: stat /var/lib/kubelet/pods/%s/volumes/kubernetes.io~empty-dir/container-disks/disk_0.sock: no such file or directory" % g.uuid(),
        lambda: "unable to create virt-launcher client connection: can not add ghost record when entry already exists with differing UID",
        lambda: "server error. command SyncVMI failed: \"LibvirtError(Code=1, Domain=10, Message='internal error: process exited while connecting to monitor: qemu-kvm: -blockdev {\\\"driver\\\":\\\"file\\\"}: Could not open disk: Permission denied')\"",
    ]
    T0 = 9 * 3600 * SEC + 3 * MIN + 17 * SEC
    sim = Sim(g)

    def resyncs(s, obj, key, t_from, t_to):
        t = t_from + g.r(20, 290) * SEC + g.r(0, 999) * MS
        while t < t_to:
            s.emit(t, "proc", [key])
            s.emit(t + g.r(1, 4) * MS, "phase_dom", ["Running", "Running", "Unknown"], obj=obj)
            s.emit(t + g.r(6, 30) * MS, "sync_ok", [], obj=obj)
            t += g.r(270, 330) * SEC + g.r(0, 999) * MS

    def stop(s, obj, key, uid, name, t, idx):
        s.emit(t, "graceful", [name], obj=obj)
        t += g.r(2, 20) * MS
        s.emit(t, "dom_modified", [], obj=dict(obj, kind="Domain"))
        t += g.r(1, 5) * MS
        destroyed = g.cyc(("stop", "destroyed"), [True, False, True])
        if destroyed:
            t += g.r(28, 33) * SEC
            s.emit(t, "grace_exp", [name], obj=obj)
            t += g.r(40, 400) * MS
            s.emit(t, "dom_state", ["Shutoff", "Destroyed"], obj=dict(obj, kind="Domain"))
        else:
            t += g.r(3, 14) * SEC
            s.emit(t, "dom_state", ["Shutoff", "Shutdown"], obj=dict(obj, kind="Domain"))
        t += g.r(50, 600) * MS
        s.emit(t, "dom_deleted", [], obj=dict(obj, kind="Domain"))
        t += g.r(1, 9) * MS
        s.emit(t, "proc", [key])
        t += g.r(1, 4) * MS
        s.emit(t, "phase_nodom", ["Failed" if destroyed else "Succeeded"], obj=obj)
        t += g.r(1, 6) * MS
        s.emit(t, "cleanup", [uid], obj=obj)
        t += g.r(20, 180) * MS
        s.emit(t, "sync_ok", [], obj=obj)

    # VMIs already running on the node when the log window opens
    for i in range(4):
        ns = g.cyc(("vmi", "ns"), namespaces)
        name = "%s-%s" % (g.cyc(("vmi", "base"), bases), g.sfx())
        uid = g.uuid()
        obj = dict(kind="", name=name, namespace=ns, uid=uid)
        key = "%s/%s" % (ns, name)
        end = T0 + g.r(3, 28) * MIN if i != 3 else T0 + 200 * MIN
        resyncs(sim, obj, key, T0 - 200 * SEC, end)
        if end < T0 + 200 * MIN:
            stop(sim, obj, key, uid, name, end, i + 1)

    # VMIs started during the window
    t_start = T0
    for i in range(24):
        t_start += g.r(60, 240) * SEC + g.r(0, 999) * MS
        ns = g.cyc(("vmi", "ns"), namespaces)
        name = "%s-%s" % (g.cyc(("vmi", "base"), bases), g.sfx())
        uid = g.uuid()
        obj = dict(kind="", name=name, namespace=ns, uid=uid)
        dom = dict(obj, kind="Domain")
        key = "%s/%s" % (ns, name)
        t = t_start
        sim.emit(t, "proc", [key])
        t += g.r(1, 5) * MS
        sim.emit(t, "phase_nodom", ["Scheduled"], obj=obj)
        t += g.r(5, 40) * MS
        if i % 3 == 1:
            reason = g.cyc(("E13", "reason"), fail_reasons)()
            sim.emit(t, "sync_fail", [], obj=obj, level="error", reason=reason)
            t += g.r(1, 3) * MS
            sim.emit(t, "reenqueue", [key], level="info", reason=reason)
            t += g.r(4, 12) * SEC
            sim.emit(t, "proc", [key])
            t += g.r(1, 5) * MS
            sim.emit(t, "phase_nodom", ["Scheduled"], obj=obj)
            t += g.r(5, 40) * MS
        sim.emit(t, "sync_ok", [], obj=obj)
        t += g.r(900, 4200) * MS
        sim.emit(t, "pid", [uid, g.r(12000, 98000)])
        t += g.r(2, 30) * MS
        sim.emit(t, "notify", [], obj=obj)
        t += g.r(1, 20) * MS
        sim.emit(t, "dom_added", [], obj=dom)
        t += g.r(1, 5) * MS
        sim.emit(t, "dom_state", ["Paused", "StartingUp"], obj=dom)
        t += g.r(1, 5) * MS
        sim.emit(t, "proc", [key])
        t += g.r(1, 4) * MS
        sim.emit(t, "phase_dom", ["Scheduled", "Paused", "StartingUp"], obj=obj)
        t += g.r(10, 60) * MS
        sim.emit(t, "sync_ok", [], obj=obj)
        t += g.r(800, 3500) * MS
        sim.emit(t, "dom_modified", [], obj=dom)
        t += g.r(1, 5) * MS
        sim.emit(t, "dom_state", ["Running", g.cyc(("vmi", "runreason"), ["Unknown", "Booted"])], obj=dom)
        t += g.r(1, 5) * MS
        sim.emit(t, "proc", [key])
        t += g.r(1, 4) * MS
        sim.emit(t, "phase_dom", ["Running", "Running", "Unknown"], obj=obj)
        t += g.r(10, 60) * MS
        sim.emit(t, "sync_ok", [], obj=obj)
        life = g.r(3, 22) * MIN if i % 3 != 2 else 400 * MIN
        end = t + life
        resyncs(sim, obj, key, t, min(end, T0 + 400 * MIN))
        if life < 400 * MIN:
            stop(sim, obj, key, uid, name, end, i)

    def header(t, e, hdr):
        obj = hdr.get("obj")
        parts = ['"component":"virt-handler"']
        if obj:
            parts.append('"kind":%s' % jstr(obj["kind"]))
        parts.append('"level":%s' % jstr(hdr.get("level", "info")))
        if obj:
            parts.append('"name":%s' % jstr(obj["name"]))
            parts.append('"namespace":%s' % jstr(obj["namespace"]))
        parts.append('"pos":%s' % jstr(e.attrs["pos"]))
        if hdr.get("reason"):
            parts.append('"reason":%s' % jstr(hdr["reason"]))
        parts.append('"timestamp":%s' % jstr("%sT%s.%sZ" % (iso_date(), hms(t), frac(t, 6))))
        if obj:
            parts.append('"uid":%s' % jstr(obj["uid"]))
        return "{" + ",".join(parts) + "} "

    lines = sim.lines(byk, header)
    hre = (r'\{"component":"virt-handler",(?:"kind":"[A-Za-z]*",)?"level":"(?:info|warning|error)",'
           r'(?:"name":"[a-z0-9.\-]+","namespace":"[a-z0-9\-]+",)?"pos":"[\w.\-]+\.go:\d+",'
           r'(?:"reason":"(?:[^"\\]|\\.)*",)?'
           r'"timestamp":"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6})Z"'
           r'(?:,"uid":"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")?\} ')
    return dict(events=ev, lines=lines, hre=hre, mode="simulation",
                entities="VirtualMachineInstances (pre-existing and newly started) with "
                         "start, periodic resync, failed syncs and graceful or forced stops",
                fmt="virt-handler's JSON record fields (component, kind, level, name, namespace, "
                    "pos, reason, timestamp, uid; object and reason fields only where logged) "
                    "as one object, with the msg value moved after it",
                content="the `msg` value, unquoted, after the record object and a space")


# ==========================================================================
# 3. Crossplane core  (seeded shuffle)
# ==========================================================================
def sys_crossplane(g):
    xrs = [("xpostgresqlinstances.database.northwind.io", "orders-db"),
           ("xnetworks.platform.northwind.io", "edge-vpc"),
           ("xbuckets.storage.northwind.io", "media-assets"),
           ("xclusters.compute.northwind.io", "batch-eks"),
           ("xredisclusters.cache.northwind.io", "session-cache")]
    pkgs = [("packages/provider.pkg.crossplane.io", lambda: g.cyc(("pkg", "prov"), [
                "provider-aws-s3", "provider-aws-rds", "provider-aws-ec2", "provider-family-aws",
                "provider-helm", "provider-kubernetes"])),
            ("packages/providerrevision.pkg.crossplane.io", lambda: "%s-%s" % (g.cyc(("pkg", "rev"), [
                "provider-aws-s3", "provider-aws-rds", "provider-helm", "function-patch-and-transform"]),
                g.hexs(12))),
            ("packages/configuration.pkg.crossplane.io", lambda: g.cyc(("pkg", "cfg"), [
                "platform-ref-aws", "northwind-platform"])),
            ("defined/compositeresourcedefinition.apiextensions.crossplane.io", lambda: g.cyc(
                ("pkg", "xrd"), [x[0] for x in xrs])),
            ("packages/functionrevision.pkg.crossplane.io", lambda: "function-patch-and-transform-%s" % g.hexs(12))]
    ctrls = [
        ("packages/provider.pkg.crossplane.io", "pkg.crossplane.io", "Provider", "*v1.Provider", 10),
        ("packages/providerrevision.pkg.crossplane.io", "pkg.crossplane.io", "ProviderRevision", "*v1.ProviderRevision", 10),
        ("packages/lock.pkg.crossplane.io", "pkg.crossplane.io", "Lock", "*v1beta1.Lock", 1),
        ("defined/compositeresourcedefinition.apiextensions.crossplane.io", "apiextensions.crossplane.io",
         "CompositeResourceDefinition", "*v1.CompositeResourceDefinition", 10),
        ("offered/compositeresourcedefinition.apiextensions.crossplane.io", "apiextensions.crossplane.io",
         "CompositeResourceDefinition", "*v1.CompositeResourceDefinition", 10),
        ("composite/xpostgresqlinstances.database.northwind.io", "database.northwind.io",
         "XPostgreSQLInstance", "*unstructured.Unstructured", 10),
        ("claim/postgresqlinstances.database.northwind.io", "database.northwind.io",
         "PostgreSQLInstance", "*unstructured.Unstructured", 10),
        ("packages/configuration.pkg.crossplane.io", "pkg.crossplane.io", "Configuration", "*v1.Configuration", 10),
    ]
    team_ns = ["team-orders", "team-media", "team-platform", "team-data"]

    def xr(key):
        plural, base = g.cyc((key, "xr"), xrs)
        return "composite/" + plural, "%s-%s" % (base, g.sfx())

    def composite_vals(key, extra=None):
        def f(t):
            c, n = xr(key)
            v = [c, n, g.uuid(), g.r(1200000, 9800000), n]
            if extra:
                v.append(extra())
            return v, {}
        return f

    def reconcile_vals(t):
        kind = g.cyc(("E6", "kind"), range(7))
        if kind < 4:
            c, n = xr("E6")
        else:
            c, nf = pkgs[g.cyc(("E6", "pkg"), range(len(pkgs)))]
            n = nf()
        return [c, n], {}

    compose_errors = [
        lambda: 'cannot apply composed resource "db-instance": cannot patch object: Operation cannot be fulfilled on instances.rds.aws.upbound.io "%s-%s": the object has been modified; please apply your changes to the latest version and try again' % (
            "orders-db", g.sfx()),
        lambda: 'cannot run Composition pipeline step "patch-and-transform": failed to get function "function-patch-and-transform": functions.pkg.crossplane.io "function-patch-and-transform" not found',
        lambda: 'cannot render composed resource from resource template at index %d: cannot use dry-run create to name composed resource: admission webhook "vbucket.s3.aws.upbound.io" denied the request: spec.forProvider.region: Required value' % g.r(0, 6),
        lambda: 'cannot get composite resource connection details: cannot get connection secret %s/%s: secrets "%s" not found' % (
            g.ch(["crossplane-system", "team-orders"]), g.uuid(), g.uuid()),
    ]
    dep_errors = [
        lambda: 'cannot resolve dependency "xpkg.upbound.io/upbound/provider-aws-ec2": no versions match constraint ">=v%d.%d.0"' % (g.r(1, 2), g.r(0, 9)),
        lambda: 'cannot fetch package tags for "xpkg.upbound.io/crossplane-contrib/function-patch-and-transform": Get "https://xpkg.upbound.io/v2/": dial tcp 34.%d.%d.%d:443: i/o timeout' % (g.r(1, 254), g.r(1, 254), g.r(1, 254)),
    ]

    def ctrl3(key):
        def f(t):
            c = g.cyc((key, "ctrl"), ctrls)
            return [c[0], c[1], c[2]], {}
        return f

    def workers(t):
        c = g.cyc(("E5", "ctrl"), ctrls)
        return [c[0], c[1], c[2], c[4]], {}

    def evsrc(t):
        c = g.cyc(("E3", "ctrl"), ctrls)
        return [c[0], c[1], c[2], c[3]], {}

    def claim(t):
        plural, base = g.cyc(("E10", "claim"), xrs)
        return ["claim/" + plural.split(".", 1)[0][1:] + "." + plural.split(".", 1)[1],
                "%s-%s" % (base, g.cyc(("E10", "env"), ["prod", "staging", "dev"])),
                g.cyc(("E10", "ns"), team_ns)], {}

    def pkg_health(t):
        c, nf = pkgs[g.cyc(("E11", "pkg"), [0, 1, 2])]
        return [c, nf()], {}

    def installed(t):
        name = g.cyc(("E12", "name"), ["provider-aws-s3", "provider-helm", "provider-kubernetes",
                                       "function-patch-and-transform"])
        c = "packages/function.pkg.crossplane.io" if name.startswith("function") else "packages/provider.pkg.crossplane.io"
        return [c, name, "%s-%s" % (name, g.hexs(12))], {}

    F = '{"controller": "<*>", "request": {"name":"<*>"}, "uid": "<*>", "version": "<*>", "name": "<*>"'
    ev = [
        Ev("starting", 'Starting\t{"sync-interval": "1h0m0s", "poll-interval": "1m0s", "max-reconcile-rate": 10}',
           3, level="INFO", logger="crossplane", vals=lambda t: ([], {})),
        Ev("metrics", "Starting metrics server", 3, level="INFO", logger="controller-runtime.metrics",
           vals=lambda t: ([], {})),
        Ev("evsrc", 'Starting EventSource\t{"controller": "<*>", "controllerGroup": "<*>", "controllerKind": "<*>", "source": "kind source: <*>"}',
           24, level="INFO", logger=None, vals=evsrc),
        Ev("ctrl", 'Starting Controller\t{"controller": "<*>", "controllerGroup": "<*>", "controllerKind": "<*>"}',
           9, level="INFO", logger=None, vals=ctrl3("E4")),
        Ev("workers", 'Starting workers\t{"controller": "<*>", "controllerGroup": "<*>", "controllerKind": "<*>", "worker count": <*>}',
           9, level="INFO", logger=None, vals=workers),
        Ev("reconciling", 'Reconciling\t{"controller": "<*>", "request": {"name":"<*>"}}',
           120, level="DEBUG", logger="crossplane", vals=reconcile_vals),
        Ev("composed", "Successfully composed resources\t" + F + "}", 58, level="DEBUG",
           logger="crossplane", vals=composite_vals("E7")),
        Ev("notready", "Composite resource is not yet ready\t" + F + "}", 37, level="DEBUG",
           logger="crossplane", vals=composite_vals("E8")),
        Ev("compose_err", "Cannot compose resources\t" + F + ', "error": "<*>"}', 8, level="DEBUG",
           logger="crossplane",
           vals=composite_vals("E9", lambda: g.cyc(("E9", "err"), compose_errors)().replace('"', '\\"'))),
        Ev("bound", 'Successfully bound composite resource\t{"controller": "<*>", "request": {"name":"<*>","namespace":"<*>"}}',
           14, level="DEBUG", logger="crossplane", vals=claim),
        Ev("waiting_health", 'Waiting for package revision to become healthy\t{"controller": "<*>", "request": {"name":"<*>"}}',
           6, level="DEBUG", logger="crossplane", vals=pkg_health),
        Ev("installed", 'Successfully installed package revision\t{"controller": "<*>", "request": {"name":"<*>"}, "revision": "<*>"}',
           5, level="DEBUG", logger="crossplane", vals=installed),
        Ev("deps", 'Cannot resolve package dependencies\t{"controller": "packages/lock.pkg.crossplane.io", "request": {"name":"lock"}, "error": "<*>"}',
           4, level="DEBUG", logger="crossplane",
           vals=lambda t: ([g.cyc(("E13", "err"), dep_errors)().replace('"', '\\"')], {})),
    ]
    number(ev)

    def header(t, e, hdr):
        h = "%s\t%s\t" % (rfc3339(t), e.attrs["level"])
        if e.attrs.get("logger"):
            h += e.attrs["logger"] + "\t"
        return h

    lines = shuffle_lines(g, ev, 10 * 3600 * SEC + 41 * MIN, 13 * SEC, header)
    hre = (r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z\t(?:DEBUG|INFO|WARN|ERROR)\t"
           r"(?:[a-z][\w.\-]*\t)?")
    return dict(events=ev, lines=lines, hre=hre, mode="shuffle",
                fmt="zap console encoder: `RFC3339 time<TAB>LEVEL<TAB>logger<TAB>` "
                    "(logger name absent on controller-runtime's unnamed lines); debug logging on",
                content="the message plus, after a tab, its structured fields as `{...}`")


# ==========================================================================
# 4. Dapr sidecar daprd  (seeded shuffle)
# ==========================================================================
def sys_dapr(g):
    app, inst, ver = "checkout", "checkout-6f9c7d8b54-q2w8x", "1.14.4"

    def tail(scope):
        return " app_id=%s instance=%s scope=%s type=log ver=%s" % (app, inst, scope, ver)

    comps = [("statestore", "state.redis", "v1"), ("orders-pubsub", "pubsub.kafka", "v1"),
             ("secretstore", "secretstores.kubernetes", "v1"), ("inventory-db", "state.postgresql", "v2"),
             ("nightly-export", "bindings.cron", "v1"), ("appconfig", "configuration.redis", "v1")]
    placement = ["dapr-placement-server-%d.dapr-placement-server.dapr-system.svc.cluster.local:50005" % i
                 for i in range(3)]
    topics = ["orders", "payments", "inventory-updates", "order-events", "refunds"]
    bodies = [
        lambda: '{"error":"inventory service timeout after %dms"}' % g.r(500, 5000),
        lambda: '{"title":"Internal Server Error","status":500,"traceId":"00-%s-%s-01"}' % (g.hexs(32), g.hexs(16)),
        lambda: "upstream connect error or disconnect/reset before headers. reset reason: connection failure",
        lambda: '{"message":"payment provider unavailable","retryAfter":%d}' % g.r(1, 30),
        lambda: "Service Unavailable",
    ]

    def q(msg):
        return go_quote(msg)

    def retriable(t):
        return [g.uuid(), g.cyc(("E9", "topic"), topics), g.cyc(("E9", "body"), bodies)(),
                g.cyc(("E9", "code"), [500, 503, 502, 429])], {}

    def nonretriable(t):
        return [g.uuid(), g.cyc(("E10", "body"), [
            lambda: '{"error":"order %s not found"}' % g.uuid(),
            lambda: '{"error":"invalid payload: missing field \\"customerId\\""}',
            lambda: "Not Found"])(), g.cyc(("E10", "code"), [404, 400, 422])], {}

    probe_errors = [
        lambda: 'Get "http://127.0.0.1:8080/healthz": dial tcp 127.0.0.1:8080: connect: connection refused',
        lambda: 'Get "http://127.0.0.1:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
        lambda: "app health probe returned status code %d" % g.ch([500, 503]),
    ]

    def E(key, msg_tpl, count, level, scope, vals):
        # Content = Go-quoted msg followed by logrus' sorted fields
        quoted = go_quote(msg_tpl)

        def esc_vals(t):
            vs, hdr = vals(t)
            return [go_quote(str(v))[1:-1] for v in vs], hdr
        return Ev(key, quoted + tail(scope), count, vals=esc_vals, level=level)

    ev = [
        E("start", "starting Dapr Runtime -- version 1.14.4 -- commit 5f1a6b0c3e9d2a7b84f1c0e6d9a3b7c2e5f8a1d4",
          3, "info", "dapr.runtime", lambda t: ([], {})),
        E("component", "Component loaded: <*> (<*>/<*>)", 15, "info", "dapr.runtime",
          lambda t: (list(g.cyc(("E2", "comp"), comps)), {})),
        E("http", "HTTP server listening on TCP address: :3500", 3, "info", "dapr.runtime.http",
          lambda t: ([], {})),
        E("initialized", "dapr initialized. Status: Running. Init Elapsed <*>", 3, "info", "dapr.runtime",
          lambda t: (["%dms" % g.r(60, 2400)], {})),
        E("placement_upd", "Placement tables updated, version: <*>", 80, "info",
          "dapr.runtime.actors.placement", lambda t: ([g.r(1, 640)], {})),
        E("placement_fail", "Failed to connect to placement <*>: <*>", 8, "warning",
          "dapr.runtime.actors.placement",
          lambda t: ([g.cyc(("E6", "addr"), placement), g.cyc(("E6", "err"), [
              'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 10.244.%d.%d:50005: connect: connection refused"' % (g.r(0, 5), g.r(2, 250)),
              "rpc error: code = DeadlineExceeded desc = context deadline exceeded",
              "rpc error: code = Unavailable desc = error reading from server: EOF"])], {})),
        E("placement_conn", "Connecting to placement service: <*>", 13, "info",
          "dapr.runtime.actors.placement", lambda t: ([g.cyc(("E7", "addr"), placement)], {})),
        E("subscribed", "app is subscribed to the following topics: [<*>] through pubsub=<*>", 6, "info",
          "dapr.runtime.processor.pubsub",
          lambda t: ([g.cyc(("E8", "topics"), ["orders payments", "inventory-updates", "order-events refunds"]),
                      g.cyc(("E8", "pubsub"), ["orders-pubsub", "events-pubsub"])], {})),
        E("retriable", "retriable error returned from app while processing pub/sub event <*>, topic: <*>, body: <*>. status code returned: <*>",
          93, "warning", "dapr.runtime.processor.pubsub", retriable),
        E("nonretriable", "non-retriable error returned from app while processing pub/sub event <*>: <*>. status code returned: <*>",
          9, "error", "dapr.runtime.processor.pubsub", nonretriable),
        E("cert", "Workload certificate renewed; next renewal at <*>", 9, "info", "dapr.runtime.security",
          lambda t: ([go_time_utc(min(t + g.r(3600, 50000) * SEC, 86399 * SEC))], {})),
        E("healthy", "App entered healthy status", 15, "info", "dapr.runtime.apphealth",
          lambda t: ([], {})),
        E("unhealthy", "App entered unhealthy status", 13, "warning", "dapr.runtime.apphealth",
          lambda t: ([], {})),
        E("probe", "App health probe could not complete with error: <*>", 30, "warning",
          "dapr.runtime.apphealth", lambda t: ([g.cyc(("E14", "err"), probe_errors)()], {})),
    ]
    number(ev)

    def header(t, e, hdr):
        return 'time="%s" level=%s msg=' % (rfc3339nano(t), e.attrs["level"])

    lines = shuffle_lines(g, ev, 12 * 3600 * SEC + 5 * MIN, 19 * SEC, header)
    hre = (r'time="(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?)Z" '
           r'level=(?:debug|info|warning|error|fatal) msg=')
    return dict(events=ev, lines=lines, hre=hre, mode="shuffle",
                fmt='logrus text: `time="RFC3339Nano" level=LEVEL msg=`',
                content="the Go-quoted msg followed by daprd's sorted fields "
                        "(app_id, instance, scope, type, ver), exactly as written")


# ==========================================================================
# 5. K3s server in the journal  (seeded shuffle)
# ==========================================================================
def sys_k3s(g):
    host, pid = "k3s-srv-01", 2317
    agents = ["k3s-agent-1", "k3s-agent-2", "k3s-agent-3", "k3s-srv-02", "k3s-srv-03"]
    servers = ["10.20.0.11", "10.20.0.12", "10.20.0.13"]
    ns_pods = [("kube-system", "coredns-6799fbcd5-%s"), ("kube-system", "svclb-traefik-%s-%s"),
               ("shop", "cart-7d9f8c6b5d-%s"), ("shop", "checkout-5c8b9d7f6-%s"),
               ("monitoring", "node-exporter-%s"), ("batch", "report-28512340-%s")]

    def pod():
        ns, pat = g.cyc(("pod", "ns"), ns_pods)
        n = pat.count("%s")
        name = pat % tuple(g.sfx() for _ in range(n)) if n else pat
        return "%s/%s" % (ns, name)

    def pod_for(key):
        ns, pat = g.cyc((key, "ns"), ns_pods)
        n = pat.count("%s")
        return "%s/%s" % (ns, pat % tuple(g.sfx() for _ in range(n)))

    def tls(t):
        src = "%s:%d" % (g.cyc(("E1", "ip"), ["10.42.0.1", "10.42.1.0", "10.20.0.12", "10.20.0.31",
                                             "192.168.77.14"]), g.r(32768, 60999))
        why = g.cyc(("E1", "why"), ["remote error: tls: bad certificate", "EOF",
                                   "read tcp 10.20.0.11:6443->%s: read: connection reset by peer" % src,
                                   "tls: first record does not look like a TLS handshake",
                                   "remote error: tls: unknown certificate authority"])
        return ["%04d/%02d/%02d %s" % (YEAR, MONTH, DAY, hms(t)), src, why], {}

    def cert(t):
        cn, ca = g.cyc(("E3", "cn"), [("system:node:k3s-agent-2,O=system:nodes", "k3s-client-ca@1741942311"),
                                      ("k3s,O=k3s", "k3s-server-ca@1741942311"),
                                      ("system:kube-proxy", "k3s-client-ca@1741942311"),
                                      ("kube-apiserver", "k3s-server-ca@1741942311"),
                                      ("system:k3s-controller", "k3s-client-ca@1741942311")])
        nb = g.cyc(("E3", "nb"), ["2025-03-14 09:31:51 +0000 UTC", "2026-03-14 06:02:17 +0000 UTC"])
        na = "%04d-%02d-%02d %s +0000 UTC" % (YEAR + 1, MONTH, DAY, hms(t))
        return [cn, ca, nb, na], {}

    sqls = [
        ("INSERT INTO kine(name, created, deleted, create_revision, prev_revision, lease, value, old_value) values(?, ?, ?, ?, ?, ?, ?, ?)",
         lambda: "[[/registry/leases/kube-node-lease/%s 0 0 %d %d 40 [%d %d %d %d] [%d %d %d]]]" % (
             g.ch(agents), g.r(400000, 900000), g.r(400000, 900000), g.r(10, 120), g.r(10, 120), g.r(10, 120),
             g.r(10, 120), g.r(10, 120), g.r(10, 120), g.r(10, 120))),
        ("SELECT MAX(rkv.id) AS id FROM kine AS rkv", lambda: "[]"),
        ("DELETE FROM kine AS kv WHERE kv.id IN (SELECT kp.prev_revision AS id FROM kine AS kp WHERE kp.name != 'compact_rev_key' AND kp.prev_revision != 0 AND kp.id <= ?)",
         lambda: "[[%d]]" % g.r(400000, 900000)),
        ("SELECT COUNT(c.theid) FROM ( SELECT * FROM ( SELECT (SELECT MAX(rkv.id) AS id FROM kine AS rkv), (SELECT MAX(crkv.prev_revision) AS prev_revision FROM kine AS crkv WHERE crkv.name = 'compact_rev_key'), kv.id AS theid, kv.name, kv.created, kv.deleted, kv.create_revision, kv.prev_revision, kv.lease, kv.value, kv.old_value FROM kine AS kv JOIN ( SELECT MAX(mkv.id) AS id FROM kine AS mkv WHERE mkv.name LIKE ? GROUP BY mkv.name) AS maxkv ON maxkv.id = kv.id WHERE kv.deleted = 0 OR ?) AS lkv ORDER BY lkv.theid ASC) c",
         lambda: "[[/registry/%s/%% false]]" % g.ch(["pods/", "secrets/", "configmaps/", "events/"])),
    ]

    def slow(t):
        total = g.r(520, 4800) * MS + g.r(0, 999999)
        start = t - total
        sql, args = g.cyc(("E4", "sql"), sqls)
        return [go_time_utc(start, start - 6 * 3600 * SEC - 1800 * SEC),
                "%d.%09ds" % (total // SEC, total % SEC) if total >= SEC else "%d.%06dms" % (total // MS, total % MS // US),
                sql, args()], {}

    def tlsmap(t):
        ips = ["10.20.0.11", "10.43.0.1", "127.0.0.1", "k3s-srv-01", "kubernetes", "kubernetes.default",
               "kubernetes.default.svc", "kubernetes.default.svc.cluster.local", "localhost"]
        extra = g.cyc(("E5", "extra"), [["10.20.0.100"], ["k3s.northwind.internal"], ["10.20.0.100", "api.k3s.lab"]])
        names = sorted(ips + extra)
        return [len(names) + 1, " ".join("listener.cattle.io/cn-%s:%s" % (n, n) for n in names) +
                " listener.cattle.io/fingerprint:SHA1=%s" % g.hexs(40).upper()], {}

    def pleg(t):
        return [pod_for("E13"), g.uuid(), g.cyc(("E13", "type"), ["ContainerStarted", "ContainerStarted",
                                                                  "ContainerDied"]), g.hexs(64)], {}

    def cstatus(t):
        cid = g.hexs(64)
        return ["rpc error: code = NotFound desc = an error occurred when try to find container \\\"%s\\\": not found" % cid, cid], {}

    ev = [
        Ev("tls", '"Cluster-Http-Server <*> http: TLS handshake error from <*>: <*>"', 75,
           kind="logrus", level="info", vals=tls),
        Ev("backend", '"Handling backend connection request [<*>]"', 10, kind="logrus", level="info",
           vals=lambda t: ([g.cyc(("E2", "node"), agents)], {})),
        Ev("cert", '"certificate CN=<*> signed by CN=<*>: notBefore=<*> notAfter=<*>"', 8,
           kind="logrus", level="info", vals=cert),
        Ev("slowsql", '"Slow SQL (started: <*>) (total time: <*>): <*> : <*>"', 12, kind="logrus",
           level="info", vals=slow),
        Ev("tlssecret", '"Updating TLS secret for kube-system/k3s-serving (count: <*>): map[<*>]"', 4,
           kind="logrus", level="info", vals=tlsmap),
        Ev("labels", '"Labels and annotations have been set successfully on node: <*>"', 4,
           kind="logrus", level="info", vals=lambda t: ([g.cyc(("E6", "node"), ["k3s-srv-01"] + agents)], {})),
        Ev("proxyfail", '"Failed to connect to proxy. Empty dialer response" error="<*>"', 5,
           kind="logrus", level="error",
           vals=lambda t: ([g.cyc(("E7", "err"), [
               "dial tcp %s:6443: connect: connection refused" % g.ch(servers[1:]),
               "x509: certificate signed by unknown authority",
               "websocket: bad handshake",
               "dial tcp %s:6443: i/o timeout" % g.ch(servers[1:])])], {})),
        Ev("proxyconn", '"Connecting to proxy" url="wss://<*>:6443/v1-k3s/connect"', 7, kind="logrus",
           level="info", vals=lambda t: ([g.cyc(("E8", "ip"), servers)], {})),
        Ev("quota", "quota admission added evaluator for: <*>", 9, kind="klog", sev="I", pos="controller.go:624",
           vals=lambda t: ([g.cyc(("E9", "res"), ["leases.coordination.k8s.io", "endpoints", "serviceaccounts",
                                                 "deployments.apps", "replicasets.apps", "jobs.batch",
                                                 "events.events.k8s.io", "controllerrevisions.apps"])], {})),
        Ev("clusterip", '"allocated clusterIPs" service="<*>" clusterIPs={"IPv4":"<*>"}', 6, kind="klog",
           sev="I", pos="alloc.go:330",
           vals=lambda t: (["%s/%s" % (g.cyc(("E10", "ns"), ["shop", "monitoring", "kube-system", "batch"]),
                                       g.cyc(("E10", "svc"), ["cart", "checkout-api", "grafana", "prometheus-operated",
                                                              "metrics-server", "report-api"])),
                            "10.43.%d.%d" % (g.r(0, 255), g.r(1, 254))], {})),
        Ev("sync_add", '"SyncLoop ADD" source="api" pods=["<*>"]', 20, kind="klog", sev="I", pos="kubelet.go:2428",
           vals=lambda t: ([pod_for("E11")], {})),
        Ev("sync_del", '"SyncLoop DELETE" source="api" pods=["<*>"]', 19, kind="klog", sev="I", pos="kubelet.go:2434",
           vals=lambda t: ([pod_for("E12")], {})),
        Ev("pleg", '"SyncLoop (PLEG): event for pod" pod="<*>" event={"ID":"<*>","Type":"<*>","Data":"<*>"}',
           110, kind="klog", sev="I", pos="kubelet.go:2461", vals=pleg),
        Ev("cstatus", '"ContainerStatus from runtime service failed" err="<*>" containerID="<*>"', 6,
           kind="klog", sev="E", pos="remote_runtime.go:432", vals=cstatus),
        Ev("watch", "<*>: watch of <*> ended with: <*>", 5, kind="klog", sev="W", pos="reflector.go:470",
           vals=lambda t: ([g.cyc(("E15", "src"), ["k8s.io/client-go@v1.29.3-k3s1/tools/cache/reflector.go:229",
                                                  "k8s.io/client-go@v1.29.3-k3s1/informers/factory.go:159"]),
                            g.cyc(("E15", "type"), ["*v1.Secret", "*v1.PartialObjectMetadata", "*v1.Endpoints",
                                                   "*v1.Node"]),
                            g.cyc(("E15", "why"), [
                                'an error on the server ("unable to decode an event from the watch stream: context canceled") has prevented the request from succeeding',
                                "very short watch: %s: Unexpected watch close - watch lasted less than a second and no items received" % "k8s.io/client-go@v1.29.3-k3s1/tools/cache/reflector.go:229",
                                "Internal error occurred: etcdserver: no leader"])], {})),
    ]
    number(ev)

    def header(t, e, hdr):
        h = "%s %s k3s[%d]: " % (journal_ts(t), host, pid)
        if e.attrs["kind"] == "logrus":
            return h + 'time="%s" level=%s msg=' % (rfc3339(t), e.attrs["level"])
        return h + "%s%s %7d %s] " % (e.attrs["sev"], klog_ts(t), pid, e.attrs["pos"])

    lines = shuffle_lines(g, ev, 14 * 3600 * SEC + 22 * MIN, 17 * SEC, header)
    hre = (r"(?P<ts>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) [a-z0-9\-]+ k3s\[\d+\]: "
           r'(?:time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" level=(?:debug|info|warning|error|fatal) msg='
           r"|[IWEF]\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ [\w.\-]+\.go:\d+\] )")
    return dict(events=ev, lines=lines, hre=hre, mode="shuffle",
                fmt="journal short format `Mon DD HH:MM:SS host k3s[pid]: ` followed by either "
                    "k3s' logrus prefix `time=\"...\" level=... msg=` or an embedded component's klog "
                    "prefix `Lmmdd hh:mm:ss.uuuuuu pid file.go:line] `",
                content="for logrus lines the Go-quoted msg (plus any fields after it); for klog "
                        "lines everything after `] `")


# ==========================================================================
# 6. Multus thick-plugin daemon  (simulation: pod sandboxes)
# ==========================================================================
def sys_multus(g):
    pid = 4127
    node = "worker-3"
    ev = [
        Ev("add_start", 'ADD starting CNI request ContainerID:"<*>" Netns:"<*>" IfName:"eth0" Args:"<*>" Path:""',
           kind="multus", level="verbose"),
        Ev("add", "Add: <*>:<*>:<*>:<*>(<*>):<*> <*>", kind="multus", level="verbose"),
        Ev("evt_added", "Event(v1.ObjectReference{Kind:\"Pod\", Namespace:\"<*>\", Name:\"<*>\", UID:\"<*>\", APIVersion:\"v1\", ResourceVersion:\"<*>\", FieldPath:\"\"}): type: 'Normal' reason: 'AddedInterface' Add <*> [<*>] from <*>",
           kind="klog", sev="I", pos="event.go:364"),
        Ev("add_done", 'ADD finished CNI request ContainerID:"<*>" Netns:"<*>" IfName:"eth0" Args:"<*>" Path:"", result: "<*>", err: <nil>',
           kind="multus", level="verbose"),
        Ev("add_done_err", 'ADD finished CNI request ContainerID:"<*>" Netns:"<*>" IfName:"eth0" Args:"<*>" Path:"", result: "", err: <*>',
           kind="multus", level="verbose"),
        Ev("nad_missing", 'Multus: [<*>/<*>/<*>]: error loading k8s delegates k8s args: TryLoadPodDelegates: error in getting k8s network for pod: GetNetworkDelegates: failed getting the delegate: getKubernetesDelegate: cannot find a network-attachment-definition (<*>) in namespace (<*>): network-attachment-definitions.k8s.cni.cncf.io "<*>" not found',
           kind="multus", level="error"),
        Ev("evt_nonet", "Event(v1.ObjectReference{Kind:\"Pod\", Namespace:\"<*>\", Name:\"<*>\", UID:\"<*>\", APIVersion:\"v1\", ResourceVersion:\"<*>\", FieldPath:\"\"}): type: 'Warning' reason: 'NoNetworkFound' cannot find a network-attachment-definition (<*>) in namespace (<*>): network-attachment-definitions.k8s.cni.cncf.io \"<*>\" not found",
           kind="klog", sev="I", pos="event.go:364"),
        Ev("del_start", 'DEL starting CNI request ContainerID:"<*>" Netns:"<*>" IfName:"eth0" Args:"<*>" Path:""',
           kind="multus", level="verbose"),
        Ev("del", "Del: <*>:<*>:<*>:<*>:<*> <*>", kind="multus", level="verbose"),
        Ev("del_done", 'DEL finished CNI request ContainerID:"<*>" Netns:"<*>" IfName:"eth0" Args:"<*>" Path:"", result: "", err: <nil>',
           kind="multus", level="verbose"),
        Ev("no_cache", "Multus: failed to get the cached delegates file: open /var/lib/cni/multus/<*>: no such file or directory, cannot properly delete",
           kind="multus", level="error"),
        Ev("watch", "<*>: watch of <*> ended with: <*>", kind="klog", sev="W", pos="reflector.go:462"),
        Ev("delegate_err", 'DelegateAdd: error invoking DelegateAdd - "<*>": error in getting result from AddNetwork: <*>',
           kind="multus", level="error"),
    ]
    byk = number(ev)
    apps = [("team-a", "web-frontend-%s-%s", 2), ("team-a", "api-gateway-%s-%s", 2),
            ("data", "kafka-%d", -1), ("ci", "runner-%s-%s", 2), ("monitoring", "node-exporter-%s", 1),
            ("batch", "nightly-etl-%d-%s", -2), ("telco", "upf-%s-%s", 2)]
    nads = {"team-a": [], "data": ["data/storage-net"], "ci": [],
            "monitoring": [], "batch": ["batch/sriov-east"], "telco": ["telco/macvlan-n3", "telco/macvlan-n6"]}
    default_conf = ('{"cniVersion":"0.3.1","name":"k8s-pod-network","type":"calico","log_level":"info",'
                    '"datastore_type":"kubernetes","nodename":"%s","mtu":1450,"ipam":{"type":"calico-ipam"},'
                    '"policy":{"type":"k8s"},"kubernetes":{"kubeconfig":"/etc/cni/net.d/calico-kubeconfig"}}' % node)

    def sec_conf(nad):
        nm = nad.split("/")[1]
        if "sriov" in nm:
            return '{"cniVersion":"0.3.1","name":"%s","type":"sriov","vlan":214,"ipam":{"type":"whereabouts","range":"172.30.14.0/24"}}' % nm
        return '{"cniVersion":"0.3.1","name":"%s","type":"macvlan","master":"ens4f1","mode":"bridge","ipam":{"type":"whereabouts","range":"192.168.%d.0/24"}}' % (
            nm, {"macvlan-n3": 53, "macvlan-n6": 56, "storage-net": 90}.get(nm, 77))

    sim = Sim(g)
    T0 = 11 * 3600 * SEC + 48 * MIN + 3 * SEC
    rv = [8812345]
    ipn = [40]

    def next_rv():
        rv[0] += g.r(3, 400)
        return rv[0]

    def mac():
        return "%02x:%s" % (g.ch([0x0a, 0x12, 0x2e, 0x5a, 0x9e, 0xd2]),
                            ":".join(g.hexs(2) for _ in range(5)))

    # background: informer watch restarts
    t = T0 + g.r(60, 400) * SEC
    whys = ['an error on the server ("unable to decode an event from the watch stream: http2: client connection lost") has prevented the request from succeeding',
            "very short watch: k8s.io/client-go/informers/factory.go:159: Unexpected watch close - watch lasted less than a second and no items received",
            'an error on the server ("unable to decode an event from the watch stream: stream error: stream ID 17; INTERNAL_ERROR; received from peer") has prevented the request from succeeding']
    while t < T0 + 300 * MIN:
        sim.emit(t, "watch", [g.cyc(("E12", "src"), ["k8s.io/client-go/informers/factory.go:159",
                                                     "pkg/k8sclient/k8sclient.go:512"]),
                              g.cyc(("E12", "type"), ["*v1.Pod", "*v1.NetworkAttachmentDefinition"]),
                              g.cyc(("E12", "why"), whys)], kind="klog")
        t += g.r(8, 22) * MIN + g.r(0, 59) * SEC

    t_start = T0
    for i in range(70):
        t_start += g.exp_gap(40 * SEC)
        ns, pat, n = apps[g.cyc(("pod", "app"), range(len(apps)))]
        if n == 2:
            name = pat % (g.rs_hash(), g.sfx())
        elif n == 1:
            name = pat % g.sfx()
        elif n == -1:
            name = pat % g.r(0, 4)
        else:
            name = pat % (g.r(29500000, 29590000), g.sfx())
        uid = g.uuid()
        cid = g.hexs(64)
        netns = "/var/run/netns/%s" % g.uuid()
        args = "IgnoreUnknown=1;K8S_POD_NAMESPACE=%s;K8S_POD_NAME=%s;K8S_POD_INFRA_CONTAINER_ID=%s;K8S_POD_UID=%s" % (
            ns, name, cid, uid)
        req = [cid, netns, args]
        t = t_start
        sim.emit(t, "add_start", req, kind="multus")
        t += g.r(2, 40) * MS
        nad_list = list(nads[ns])
        mode = g.cyc(("pod", "mode"), ["ok", "missing", "ok", "delegate_fail", "ok"]) if nad_list else "ok"
        if mode == "missing":
            missing = nad_list[0].split("/")[1]
            errtxt = ('Multus: [%s/%s/%s]: error loading k8s delegates k8s args: TryLoadPodDelegates: error in getting k8s network for pod: GetNetworkDelegates: failed getting the delegate: getKubernetesDelegate: cannot find a network-attachment-definition (%s) in namespace (%s): network-attachment-definitions.k8s.cni.cncf.io "%s" not found'
                      % (ns, name, uid, missing, ns, missing))
            sim.emit(t, "nad_missing", [ns, name, uid, missing, ns, missing], kind="multus")
            t += g.r(1, 6) * MS
            sim.emit(t, "evt_nonet", [ns, name, uid, next_rv(), missing, ns, missing], kind="klog")
            t += g.r(1, 6) * MS
            sim.emit(t, "add_done_err", req + [errtxt], kind="multus")
            continue
        ipn[0] += 1
        ip = "10.244.3.%d" % (ipn[0] % 250 + 2)
        veth = "cali" + g.hexs(11)
        res = '{"cniVersion":"0.3.1","interfaces":[{"name":"%s"}],"ips":[{"version":"4","address":"%s/32"}],"dns":{}}' % (veth, ip)
        t += g.r(300, 2600) * MS
        sim.emit(t, "add", [ns, name, uid, "k8s-pod-network", "k8s-pod-network", "eth0", res], kind="multus")
        t += g.r(1, 8) * MS
        sim.emit(t, "evt_added", [ns, name, uid, next_rv(), "eth0", ip + "/32", "k8s-pod-network"], kind="klog")
        failed = False
        for j, nad in enumerate(nad_list):
            ifn = "net%d" % (j + 1)
            nm = nad.split("/")[1]
            t += g.r(60, 900) * MS
            if mode == "delegate_fail":
                err = g.cyc(("E13", "err"), [
                    'netplugin failed: "Link not found"',
                    "failed to create macvlan: device or resource busy",
                    "SRIOV-CNI failed to load netconf: LoadConf(): no virtual function in the device \"0000:3b:00.%d\"" % g.r(1, 7),
                    'failed to allocate for range 0: no IP addresses available in range set: 192.168.53.10-192.168.53.60'])
                sim.emit(t, "delegate_err", [nm, err.replace("\\", "")], kind="multus")
                t += g.r(5, 60) * MS
                failed = True
                errtxt = 'error adding container to network "%s": DelegateAdd: error invoking DelegateAdd - "%s": error in getting result from AddNetwork: %s' % (
                    nm, "sriov" if "sriov" in nm else "macvlan", err)
                sim.emit(t, "add_done_err", req + [errtxt], kind="multus")
                break
            if "sriov" in nm:
                sip = "172.30.14.%d" % g.r(10, 200)
            else:
                sip = "192.168.%d.%d" % ({"macvlan-n3": 53, "macvlan-n6": 56, "storage-net": 90}[nm], g.r(10, 60))
            sres = ('{"cniVersion":"0.3.1","interfaces":[{"name":"%s","mac":"%s","sandbox":"%s"}],'
                    '"ips":[{"version":"4","interface":0,"address":"%s/24"}],"dns":{}}' % (ifn, mac(), netns, sip))
            sim.emit(t, "add", [ns, name, uid, nad, nm, ifn, sres], kind="multus")
            t += g.r(1, 8) * MS
            sim.emit(t, "evt_added", [ns, name, uid, next_rv(), ifn, sip + "/24", nad], kind="klog")
        if not failed:
            t += g.r(2, 30) * MS
            full = '{"Result":{"cniVersion":"0.3.1","interfaces":[{"name":"%s"}],"ips":[{"version":"4","address":"%s/32"}],"dns":{}}}' % (veth, ip)
            sim.emit(t, "add_done", req + [full.replace('"', '\\"')], kind="multus")
            life = g.r(1, 24) * MIN + g.r(0, 59) * SEC if i % 3 != 0 else 600 * MIN
        else:
            life = g.r(1, 4) * SEC
        if life > 300 * MIN:
            continue
        t += life
        sim.emit(t, "del_start", req, kind="multus")
        t += g.r(2, 40) * MS
        if not failed and g.cyc(("pod", "cache"), [False, False, True, False]):
            sim.emit(t, "no_cache", [cid], kind="multus")
        else:
            nets = [("k8s-pod-network", "eth0", default_conf)]
            for j, nad in enumerate(nad_list):
                nets.append((nad, "net%d" % (j + 1), sec_conf(nad)))
            for nad, ifn, conf in reversed(nets):
                t += g.r(20, 400) * MS
                sim.emit(t, "del", [ns, name, uid, nad, ifn, conf], kind="multus")
        t += g.r(30, 600) * MS
        sim.emit(t, "del_done", req, kind="multus")

    def header(t, e, hdr):
        if e.attrs["kind"] == "multus":
            return "%s [%s] " % (rfc3339(t), e.attrs["level"])
        return "%s%s %7d %s] " % (e.attrs["sev"], klog_ts(t), pid, e.attrs["pos"])

    lines = sim.lines(byk, header)
    hre = (r"(?:(?P<ts1>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z \[(?:panic|error|verbose|debug)\] "
           r"|[IWEF]\d{4} (?P<ts2>\d\d:\d\d:\d\d\.\d{6}) +\d+ [\w.\-]+\.go:\d+\] )")
    return dict(events=ev, lines=lines, hre=hre, mode="simulation",
                entities="pod sandboxes (CNI ADD with default and secondary networks, DEL at "
                         "pod deletion, missing NetworkAttachmentDefinitions, failed delegates) "
                         "plus the daemon's informer watch restarts",
                fmt="multus logger `RFC3339 [level] `, and klog `Lmmdd hh:mm:ss.uuuuuu pid file.go:line] ` "
                    "for the Kubernetes events it records",
                content="everything after `] `")


SYSTEMS = [("BuildkiteAgent", sys_buildkite), ("KubeVirt", sys_kubevirt),
           ("Crossplane", sys_crossplane), ("Dapr", sys_dapr), ("K3s", sys_k3s),
           ("Multus", sys_multus)]


# --------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------
def write_system(name, spec):
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        for t, h, c, e in spec["lines"]:
            f.write(h + c + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (t, h, c, e) in enumerate(spec["lines"], 1):
            w.writerow([i, c, e.eid, e.tpl])


# --------------------------------------------------------------------------
# self-check
# --------------------------------------------------------------------------
def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")))


def ts_key(m):
    gd = m.groupdict()
    ts = gd.get("ts") or gd.get("ts1") or gd.get("ts2")
    mm = re.search(r"(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?$", ts)
    sec = int(mm.group(1)) * 3600 + int(mm.group(2)) * 60 + int(mm.group(3))
    f = mm.group(4)
    return sec, (int(f.ljust(9, "0")) if f else None)


def check_system(name, spec):
    errs = []
    d = os.path.join(HERE, name)
    raw = open(os.path.join(d, name + ".log"), "rb").read()
    if not raw.endswith(b"\n"):
        errs.append("log does not end with newline")
    if b"\r" in raw:
        errs.append("log contains CR")
    craw = open(os.path.join(d, name + ".log_structured.csv"), "rb").read()
    if b"\r" in craw or not craw.endswith(b"\n"):
        errs.append("csv line ending problem")
    lines = raw.decode("utf-8").split("\n")[:-1]
    if len(lines) != N_LINES:
        errs.append("log has %d lines" % len(lines))
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header %r" % rows[0])
    rows = rows[1:]
    if len(rows) != N_LINES:
        errs.append("csv has %d rows" % len(rows))
    hre = re.compile(spec["hre"])
    declared = [e.eid for e in spec["events"]]
    decl_tpl = {e.eid: e.tpl for e in spec["events"]}
    tpl_of = {}
    slots = {}
    counts = {}
    prev = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty or unstripped" % i)
        if not line.endswith(content):
            errs.append("line %d does not end with its Content" % i)
            continue
        header = line[:len(line) - len(content)]
        m = hre.fullmatch(header)
        if not m:
            errs.append("line %d header does not match: %r" % (i, header))
            continue
        k = ts_key(m)
        if prev is not None:
            if k[0] < prev[0] or (k[0] == prev[0] and k[1] is not None and prev[1] is not None and k[1] < prev[1]):
                errs.append("line %d timestamp goes back" % i)
        prev = k
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %r" % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append("EventId %s has two templates" % eid)
        if decl_tpl.get(eid) != tpl:
            errs.append("row %d template differs from declaration" % i)
        mm = tpl_regex(tpl).fullmatch(content)
        if not mm:
            errs.append("row %d template does not match content" % i)
            continue
        for j, v in enumerate(mm.groups()):
            slots.setdefault((eid, j), set()).add(v)
        counts[eid] = counts.get(eid, 0) + 1
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("two EventIds share a template")
    if len(set(decl_tpl.values())) != len(decl_tpl):
        errs.append("declared templates not distinct")
    missing = [e for e in declared if e not in counts]
    if missing:
        errs.append("declared events unused: %s" % missing)
    for (eid, j), vs in sorted(slots.items()):
        if len(vs) < 2:
            errs.append("%s slot %d has a single value" % (eid, j + 1))
    c = [counts.get(e, 0) for e in declared]
    if not 12 <= len(declared) <= 15:
        errs.append("%d event types" % len(declared))
    if min(c) < 3:
        errs.append("an event has fewer than 3 lines: %s" % dict(zip(declared, c)))
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(c)
    if max(c) < 3 * med:
        errs.append("largest %d < 3 x median %s" % (max(c), med))
    return errs, c, med


# --------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------
def md_code(s, table=False):
    s = s.replace("\t", "\\t")
    if table:
        s = s.replace("|", "\\|")
    return "`` " + s + " ``"


def write_readme(specs):
    sims = [(n, s) for n, s in specs if s["mode"] == "simulation"]
    shuf = [n for n, s in specs if s["mode"] == "shuffle"]
    out = []
    out.append("# Sealed 34: a blind corpus for the log template miner\n")
    out.append(
        "Six invented logs with Loghub-style ground truth: **BuildkiteAgent** (the Buildkite "
        "agent's log output), **KubeVirt** (KubeVirt's virt-handler component log), **Crossplane** "
        "(the Crossplane core controller's log), **Dapr** (a Dapr sidecar, daprd), **K3s** (the k3s "
        "server process as written to the journal) and **Multus** (the Multus CNI thick-plugin "
        "daemon). Each system has a directory `<System>/` holding `<System>.log` (exactly 300 raw "
        "lines, header plus message) and `<System>.log_structured.csv` with the columns "
        "`LineId,Content,EventId,EventTemplate` (LineId 1..300). `Content` is the part of the raw "
        "line after the header and every raw line ends with it. EventIds `E1`, `E2`, ... follow the "
        "order in which events are declared in `generate.py`; each EventId has exactly one template. "
        "`generate.py` rebuilds everything and self-checks it.\n")
    out.append(
        "**Blind:** written without running the miner or any other log parser, and without reading "
        "the miner's source, tests, docs or earlier corpora. No Loghub data and no per-system "
        "analysis from any paper was used. Messages were invented in each project's style from "
        "memory of its default log format and usual messages; no line, template or value list was "
        "copied from a public log or data set. Hosts, addresses, ids, names and users are made up.\n")
    out.append("## Scores\n\n(filled in by the maintainer)\n")
    out.append("## How it was made\n")
    out.append(
        "`python3 generate.py` (standard library only, deterministic). Base seed `20270128`; "
        "system *k* (1..6 in the order above) uses `random.Random(20270128*10 + k)`. Time is an "
        "integer nanosecond clock on 2026-03-14 UTC; month names come from a fixed list.\n")
    out.append("Simulations (entities with overlapping lifetimes, each on its own clock, merged "
               "in time order, first 300 lines kept):\n")
    for n, s in sims:
        out.append("- **%s**: %s." % (n, s["entities"]))
    out.append("")
    out.append("Seeded shuffles (fixed count per event, shuffled, stamped by a forward-only clock "
               "with exponential gaps): %s.\n" % ", ".join("**%s**" % n for n in shuf))
    out.append("Values vary (ids, hashes, paths, URLs, addresses, names, durations, sizes, states, "
               "free-text errors); slots drawn from small pools cycle through the pool per "
               "(event, slot).\n")
    out.append("| system | format (default shape) | Content is |")
    out.append("|---|---|---|")
    for n, s in specs:
        t, h, c, e = s["lines"][0]
        out.append("| %s | %s; e.g. %s | %s |" % (n, s["fmt"].replace("|", "\\|"), md_code(h, table=True),
                                                  s["content"].replace("|", "\\|")))
    out.append("")
    out.append("Notes on shape: the KubeVirt record fields and the Dapr trailing fields are kept "
               "as the programs emit them; for KubeVirt the `msg` value is placed after the record "
               "so that the line ends with it. Crossplane is shown with debug logging enabled "
               "(console encoder), so DEBUG lines appear. Tabs are shown as `\\t` in the table.\n")
    out.append("## Ground-truth convention (Loghub style)\n")
    out.append(
        "- One `<*>` per value (one per format argument). A value that contains spaces still gets "
        "one `<*>` (free-text errors, SQL, lists, `2 MB`, glued durations like `1.2s` or `350ms`, "
        "timestamps inside the message).\n"
        "- Punctuation around a value stays literal (`(<*>)`, `[<*>]`, `<*>,`, `\"<*>\"`, `key=<*>`).\n"
        "- Words that name a different event stay literal; different words mean different events.\n"
        "- An optional field makes a separate event type.\n"
        "- Text that never changes within an event type stays literal, even if it looks like a number.\n"
        "- Every `<*>` takes at least two distinct values in the data.\n")
    out.append("Example templates:\n")
    picks = {"BuildkiteAgent": ["starting", "uploading", "retry"],
             "KubeVirt": ["phase_dom", "phase_nodom", "dom_state"],
             "Crossplane": ["reconciling", "workers"],
             "Dapr": ["component", "retriable"],
             "K3s": ["tls", "sync_add", "sync_del"],
             "Multus": ["add", "del", "add_done_err"]}
    for n, s in specs:
        byk = {e.key: e for e in s["events"]}
        out.append("- **%s**" % n)
        for k in picks[n]:
            e = byk[k]
            out.append("  - `%s`: %s" % (e.eid, md_code(e.tpl)))
    out.append("")
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(out))


def main():
    specs = []
    for k, (name, fn) in enumerate(SYSTEMS, 1):
        g = Gen(k)
        spec = fn(g)
        write_system(name, spec)
        specs.append((name, spec))
    write_readme(specs)
    ok = True
    for name, spec in specs:
        errs, c, med = check_system(name, spec)
        status = "OK" if not errs else "FAIL"
        ok = ok and not errs
        print("%-15s %-10s %s  events=%d lines=%d min=%d median=%s max=%d  counts=%s" % (
            name, spec["mode"], status, len(spec["events"]), sum(c), min(c), med, max(c),
            ",".join(str(x) for x in c)))
        for e in errs[:20]:
            print("    " + e)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
