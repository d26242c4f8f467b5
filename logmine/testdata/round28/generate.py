#!/usr/bin/env python3
"""Round 28 blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270111; system k (1..6) uses random.Random(20270111 * 10 + k).
All time comes from an integer nanosecond clock counted from 2026-03-14T00:00:00Z.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for each system, then re-reads the files and self-checks them.
"""
import csv
import os
import random
import re
import statistics
import sys

OUT = os.path.dirname(os.path.abspath(__file__))
BASE_SEED = 20270111
NLINES = 300

S = 10 ** 9
MS = 10 ** 6
US = 10 ** 3
DATE = (2026, 3, 14)  # all clocks run on this UTC day
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
HEX = "0123456789abcdef"


# ---------------------------------------------------------------- helpers

def hms(ns):
    """Split nanoseconds since 2026-03-14T00:00:00Z into h, m, s, frac-ns."""
    sec, frac = divmod(ns, S)
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    assert 0 <= h < 24, "clock ran off the day"
    return h, m, s, frac


def rfc3339nano(ns):
    """Go time.RFC3339Nano: trailing zeros of the fraction are trimmed."""
    h, m, s, f = hms(ns)
    out = "%04d-%02d-%02dT%02d:%02d:%02d" % (DATE + (h, m, s))
    if f:
        out += "." + ("%09d" % f).rstrip("0")
    return out + "Z"


def rfc3339(ns):
    h, m, s, _ = hms(ns)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (DATE + (h, m, s))


def syslog_ts(ns):
    h, m, s, _ = hms(ns)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[DATE[1] - 1], DATE[2], h, m, s)


def fill(tpl, vals):
    parts = tpl.split("<*>")
    assert len(parts) == len(vals) + 1, (tpl, vals)
    out = parts[0]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        assert v and "\n" not in v and "\r" not in v, (tpl, v)
        out += v + p
    return out


class Cyc:
    """Small pools cycle per (event, slot) key so every slot sees >= 2 values."""

    def __init__(self):
        self.n = {}

    def __call__(self, key, pool):
        i = self.n.get(key, 0)
        self.n[key] = i + 1
        return pool[i % len(pool)]


def hexs(rng, n):
    return "".join(rng.choice(HEX) for _ in range(n))


def uuid4(rng):
    h = hexs(rng, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], rng.choice("89ab"),
                                 h[17:20], h[20:32])


def exp_ns(rng, mean_s, floor_ns=1):
    return max(floor_ns, int(rng.expovariate(1.0 / mean_s) * S))


class System:
    def __init__(self, k, name, events, header_re, ts_key, kind):
        self.k = k
        self.name = name
        self.events = events          # list of (key, template), order = EventId
        self.eid = {key: "E%d" % (i + 1) for i, (key, _) in enumerate(events)}
        self.tpl = {key: t for key, t in events}
        assert len(self.eid) == len(events)
        self.header_re = re.compile(header_re)
        self.ts_key = ts_key
        self.kind = kind
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.cyc = Cyc()
        self.rows = []                # (header, content, key)

    def add(self, header, key, vals):
        self.rows.append((header, fill(self.tpl[key], vals), key))


def shuffle_schedule(rng, counts):
    """Seeded shuffle: fixed count per event, shuffled order."""
    seq = []
    for key, n in counts:
        seq.extend([key] * n)
    assert len(seq) == NLINES, len(seq)
    rng.shuffle(seq)
    return seq


def merge_sim(entities):
    """entities: list of lists of (t_ns, key, vals, extra); merge by time."""
    recs = []
    for ent, lines in enumerate(entities):
        for seq, (t, key, vals, extra) in enumerate(lines):
            recs.append((t, ent, seq, key, vals, extra))
    recs.sort(key=lambda r: (r[0], r[1], r[2]))
    return recs[:NLINES]


# ================================================================ 1 KataRuntime

KATA_TAIL = " name=containerd-shim-v2 pid=<*> sandbox=<*> source=virtcontainers subsystem="
KATA_EVENTS = [
    ("loadcfg", 'msg="loaded configuration" arch=amd64 file=<*> format=TOML '
                'name=containerd-shim-v2 pid=<*> sandbox=<*> source=katautils'),
    ("netns_create", 'msg="create netns" arch=amd64 name=containerd-shim-v2 netns=<*> '
                     'pid=<*> sandbox=<*> source=katautils'),
    ("qemu_launch", 'msg="launching /opt/kata/bin/qemu-system-x86_64 with: [<*>]" arch=amd64'
                    + KATA_TAIL + "qmp"),
    ("console", 'msg="reading guest console" arch=amd64 console-protocol=unix console-url=<*>'
                + KATA_TAIL + 'sandbox vmconsole="<*>"'),
    ("vm_started", 'msg="VM started" arch=amd64' + KATA_TAIL + "sandbox"),
    ("agent_started", 'msg="Agent started in the sandbox" arch=amd64' + KATA_TAIL + "kata_agent"),
    ("send_req", 'msg="sending request" arch=amd64 name=containerd-shim-v2 pid=<*> request=<*> '
                 'sandbox=<*> source=virtcontainers subsystem=kata_agent'),
    ("ctr_start", 'msg="Starting container" arch=amd64 container=<*>' + KATA_TAIL + "container"),
    ("ctr_stop", 'msg="Stopping container" arch=amd64 container=<*>' + KATA_TAIL + "container"),
    ("stats_fail", 'msg="failed to get container stats" arch=amd64 container=<*> error="<*>" '
                   'name=containerd-shim-v2 pid=<*> sandbox=<*> source=containerd-kata-shim-v2'),
    ("agent_cleanup", 'msg="Cleanup agent" arch=amd64' + KATA_TAIL + "kata_agent"),
    ("vm_stopped", 'msg="VM stopped" arch=amd64' + KATA_TAIL + "sandbox"),
    ("netns_cleanup", 'msg="cleanup netns" arch=amd64 name=containerd-shim-v2 netns=<*> '
                      'pid=<*> sandbox=<*> source=katautils'),
]

KATA_CFGS = ["/etc/kata-containers/configuration.toml",
             "/opt/kata/share/defaults/kata-containers/configuration-qemu.toml"]
KATA_KMSG = [
    "Linux version 6.1.62 (kata@katabuild) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0, GNU ld 2.38) #1 SMP",
    "Command line: tsc=reliable no_timer_check rcupdate.rcu_expedited=1 i8042.direct=1 "
    "i8042.dumbkbd=1 i8042.nopnp=1 i8042.noaux=1 noreplace-smp reboot=k cryptomgr.notests "
    "net.ifnames=0 pci=lastbus=0 root=/dev/pmem0p1 rootflags=dax,data=ordered,errors=remount-ro "
    "ro rootfstype=ext4 console=hvc0 console=hvc1 quiet panic=1 nr_cpus=%(ncpu)d selinux=0 "
    "systemd.unit=kata-containers.target systemd.mask=systemd-networkd.service",
    "x86/fpu: Supporting XSAVE feature 0x002: 'SSE registers'",
    "Hypervisor detected: KVM",
    "Memory: %(memk)dK/%(memt)dK available (14343K kernel code, 2049K rwdata)",
    "virtio-pci 0000:00:0%(slot)d.0: enabling device (0000 -> 0003)",
    "NET: Registered PF_VSOCK protocol family",
    " pmem0: p1",
    "EXT4-fs (pmem0p1): DAX enabled. Warning: EXPERIMENTAL, use at your own risk",
    "EXT4-fs (pmem0p1): mounted filesystem with ordered data mode. Quota mode: disabled.",
    "VFS: Mounted root (ext4 filesystem) readonly on device 259:1.",
    "devtmpfs: mounted",
    "Freeing unused kernel image (initmem) memory: %(free)dK",
    "Run /sbin/init as init process",
    "systemd[1]: systemd 252 running in system mode (-PAM -AUDIT -SELINUX)",
    "systemd[1]: Started Kata Containers Agent.",
    "systemd[1]: Reached target Kata Containers Agent Target.",
]
KATA_STATS_ERR = [
    "rpc error: code = NotFound desc = container not found",
    "rpc error: code = DeadlineExceeded desc = timeout",
    "failed to read cgroup stats: open /sys/fs/cgroup/memory/kata/memory.stat: no such file or directory",
    "ttrpc: closed",
    "Dead agent",
]


def kata_sandbox(rng, cyc, t0):
    out = []
    st = {"t": t0}
    sid = hexs(rng, 64)
    pid = str(rng.randint(1800, 98000))

    def add(key, vals, level, dt_ms=(1, 20)):
        out.append((st["t"], key, vals, level))
        st["t"] += rng.randint(dt_ms[0] * 1000, dt_ms[1] * 1000) * US + rng.randint(0, 999)

    add("loadcfg", [cyc(("loadcfg", 0), KATA_CFGS), pid, sid], "info", (2, 40))
    netns = None
    if rng.random() < 0.8:
        netns = "/var/run/netns/cni-" + uuid4(rng)
        add("netns_create", [netns, pid, sid], "info", (1, 9))
    mem = rng.choice([2048, 2048, 4096, 1024])
    ncpu = rng.choice([1, 1, 2, 4])
    args = ("-name sandbox-%s -uuid %s -machine q35,accel=kvm,nvdimm=on -cpu host,pmu=off "
            "-qmp unix:fd=3,server=on,wait=off -m %dM,slots=10,maxmem=%dM "
            "-device pci-bridge,bus=pcie.0,id=pci-bridge-0,chassis_nr=1,shpc=off,addr=2 "
            "-device virtio-serial-pci,disable-modern=false,id=serial0 "
            "-device vhost-vsock-pci,disable-modern=false,vhostfd=%d,id=vsock-%d,guest-cid=%d "
            "-object memory-backend-file,id=mem0,mem-path=/opt/kata/share/kata-containers/"
            "kata-containers.img,size=268435456,readonly=on -smp 1,cores=1,threads=1,sockets=%d,"
            "maxcpus=%d -nographic --no-reboot -daemonize") % (
        sid, uuid4(rng), mem, 16384 if mem < 4096 else 32768,
        rng.randint(3, 9), rng.randint(10 ** 8, 10 ** 9), rng.randint(10 ** 8, 10 ** 9), ncpu, ncpu)
    add("qemu_launch", [args, pid, sid], "info", (80, 260))
    url = "/run/vc/vm/%s/console.sock" % sid
    idx = sorted(rng.sample(range(len(KATA_KMSG)), rng.randint(7, 13)))
    kt = rng.randint(0, 5000)
    for i in idx:
        kt += rng.randint(2000, 90000)
        msg = KATA_KMSG[i] % {"ncpu": ncpu, "memk": mem * 1024 - rng.randint(60000, 90000),
                              "memt": mem * 1024, "slot": rng.randint(2, 9),
                              "free": rng.choice([2892, 2904, 2876])}
        add("console", [url, pid, sid, "[%5d.%06d] %s" % (kt // 10 ** 6, kt % 10 ** 6, msg)],
            "debug", (3, 90))
    add("vm_started", [pid, sid], "info", (5, 60))
    add("agent_started", [pid, sid], "info", (1, 10))
    add("send_req", [pid, "grpc.CreateSandboxRequest", sid], "debug", (20, 180))
    nct = rng.choice([1, 2, 2, 3])
    cids = [sid] + [hexs(rng, 64) for _ in range(nct - 1)]
    for cid in cids:
        add("send_req", [pid, "grpc.CreateContainerRequest", sid], "debug", (30, 400))
        add("ctr_start", [cid, pid, sid], "info", (1, 12))
        add("send_req", [pid, "grpc.StartContainerRequest", sid], "debug", (10, 300))
    life = rng.randint(6, 40) * S
    end = st["t"] + life
    st["t"] += rng.randint(2000, 9000) * MS
    while st["t"] < end:
        for cid in cids:
            if rng.random() < 0.12:
                add("stats_fail", [cid, rng.choice(KATA_STATS_ERR), pid, sid], "warning", (1, 30))
            else:
                add("send_req", [pid, "grpc.StatsContainerRequest", sid], "debug", (1, 30))
        st["t"] += rng.randint(9000, 11000) * MS
    for cid in reversed(cids):
        add("ctr_stop", [cid, pid, sid], "info", (1, 8))
        add("send_req", [pid, "grpc.SignalProcessRequest", sid], "debug", (5, 900))
        add("send_req", [pid, "grpc.RemoveContainerRequest", sid], "debug", (5, 60))
    add("send_req", [pid, "grpc.DestroySandboxRequest", sid], "debug", (5, 50))
    add("agent_cleanup", [pid, sid], "info", (20, 300))
    add("vm_stopped", [pid, sid], "info", (2, 40))
    if netns:
        add("netns_cleanup", [netns, pid, sid], "info")
    return out


def gen_kata():
    sysm = System(1, "KataRuntime", KATA_EVENTS,
                  r'time="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z" '
                  r'level=(debug|info|warning|error) ',
                  kata_ts, "simulation (pod sandboxes)")
    rng, cyc = sysm.rng, sysm.cyc
    t0 = (9 * 3600 + rng.randint(0, 1800)) * S + rng.randint(0, S - 1)
    ents = []
    for _ in range(40):
        t0 += exp_ns(rng, 9.0) + rng.randint(0, S)
        ents.append(kata_sandbox(rng, cyc, t0))
    for t, ent, seq, key, vals, level in merge_sim(ents):
        sysm.add('time="%s" level=%s ' % (rfc3339nano(t), level), key, vals)
    return sysm


def kata_ts(header):
    m = re.match(r'time="(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z"', header)
    frac = int((m.group(5) or "0").ljust(9, "0"))
    return (m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4)), frac)


# ================================================================ 2 Runsc

RUNSC_EVENTS = [
    # key, template, level letter, file:line
    ("banner", "***************************", "I", "main.go:226"),
    ("args", "Args: [<*>]", "I", "main.go:227"),
    ("version", "Version <*>", "I", "main.go:228"),
    ("pid", "PID: <*>", "I", "main.go:231"),
    ("uid", "UID: <*>, GID: <*>", "I", "main.go:232"),
    ("create", 'Create container, cid: <*>, rootDir: "<*>"', "D", "container.go:241"),
    ("gofer", "Gofer started, PID: <*>", "I", "container.go:1264"),
    ("sandbox", "Sandbox started, PID: <*>", "I", "sandbox.go:1012"),
    ("start", "Start container, cid: <*>", "D", "container.go:389"),
    ("wait", "Wait on container, cid: <*>", "D", "container.go:691"),
    ("signal", "Signal container, cid: <*>, signal: <*> (<*>)", "D", "container.go:612"),
    ("destroy", "Destroy container, cid: <*>", "D", "container.go:784"),
    ("exit", "Exiting with status: <*>", "I", "main.go:271"),
    ("fatal", "FATAL ERROR: creating container: <*>", "W", "main.go:283"),
]

RUNSC_ROOTS = ["/run/containerd/runsc/k8s.io", "/var/run/docker/runtime-runc/moby"]
RUNSC_VERSIONS = ["release-20260302.0", "release-20260216.0"]
RUNSC_SIGNALS = [("terminated", "15"), ("killed", "9"), ("interrupt", "2")]
RUNSC_FATAL = [
    "cannot create sandbox: cannot read client sync file: waiting for sandbox to start: EOF",
    "cannot create gofer process: gofer: error opening mount source \"/data/shared\": permission denied",
    "creating cgroup \"/kubepods/burstable/pod41c2\": mkdir /sys/fs/cgroup/cpu: read-only file system",
    "setting up network: failed to find default route in netns",
    "no such file or directory: open /run/containerd/io.containerd.runtime.v2.task/k8s.io/config.json",
]
RUNSC_EXIT = ["0", "0", "1", "0", "128"]


def gen_runsc():
    sysm = System(2, "Runsc", [(k, t) for k, t, _, _ in RUNSC_EVENTS],
                  r"[IWDE]\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ [a-z_]+\.go:\d+\] ",
                  runsc_ts, "seeded shuffle")
    meta = {k: (lv, loc) for k, _, lv, loc in RUNSC_EVENTS}
    rng, cyc = sysm.rng, sysm.cyc
    counts = [("banner", 85), ("args", 42), ("wait", 36), ("start", 24), ("create", 20),
              ("destroy", 18), ("exit", 16), ("version", 14), ("pid", 12), ("uid", 10),
              ("sandbox", 8), ("gofer", 6), ("signal", 5), ("fatal", 4)]
    seq = shuffle_schedule(rng, counts)
    cids = [hexs(rng, 64) for _ in range(9)]
    pids = [rng.randint(3000, 250000) for _ in range(40)]
    t = (13 * 3600 + rng.randint(0, 3600)) * S
    for key in seq:
        t += exp_ns(rng, 0.9, 1000)
        cid = rng.choice(cids)
        if key == "banner":
            vals = []
        elif key == "args":
            root = rng.choice(RUNSC_ROOTS)
            sub = rng.choice(["create --bundle /run/containerd/io.containerd.runtime.v2.task/k8s.io/%s "
                              "--pid-file /run/containerd/io.containerd.runtime.v2.task/k8s.io/%s/init.pid"
                              % (cid, cid), "start", "wait", "state", "delete --force", "kill %s 15"
                              % cid, "events --stats"])
            vals = ["runsc --root=%s --log=%s/%s/log.json --log-format=json --platform=systrap "
                    "--debug-log=/var/log/runsc/%%ID%%/ %s %s" % (root, root, cid, sub, cid)]
            vals[0] = vals[0].replace("kill %s 15 %s" % (cid, cid), "kill %s 15" % cid)
        elif key == "version":
            vals = [cyc((key, 0), RUNSC_VERSIONS)]
        elif key == "pid":
            vals = [rng.choice(pids)]
        elif key == "uid":
            u = cyc((key, 0), ["0", "0", "1000"])
            vals = [u, u if u == "0" else "1000"]
        elif key == "create":
            vals = [cid, cyc((key, 1), RUNSC_ROOTS)]
        elif key in ("gofer", "sandbox"):
            vals = [rng.randint(3000, 250000)]
        elif key == "signal":
            nm, num = cyc((key, 1), RUNSC_SIGNALS)
            vals = [cid, nm, num]
        elif key == "exit":
            vals = [cyc((key, 0), RUNSC_EXIT)]
        elif key == "fatal":
            vals = [cyc((key, 0), RUNSC_FATAL)]
        else:
            vals = [cid]
        lv, loc = meta[key]
        h, m, s, f = hms(t)
        header = "%s%02d%02d %02d:%02d:%02d.%06d %7d %s] " % (
            lv, DATE[1], DATE[2], h, m, s, f // 1000, rng.choice(pids), loc)
        sysm.add(header, key, vals)
    return sysm


def runsc_ts(header):
    m = re.match(r"[IWDE](\d{4}) (\d{2}):(\d{2}):(\d{2})\.(\d{6})", header)
    return tuple(int(x) for x in m.groups())


# ================================================================ 3 Munged

MUNGE_EVENTS = [
    ("start", "Starting munge-0.5.15 daemon (pid <*>)", "Notice"),
    ("stop", "Stopping munge-0.5.15 daemon (pid <*>)", "Notice"),
    ("running", 'Running on "cn042.hpc.example.net" (10.40.3.42)', "Notice"),
    ("seeded", 'PRNG seeded with 1024 bytes from "/var/lib/munge/munge.seed"', "Info"),
    ("wrote", 'Wrote 1024 bytes to PRNG seed "/var/lib/munge/munge.seed"', "Info"),
    ("gmap_every", "Updating supplementary group mapping every <*> seconds", "Info"),
    ("gmap_found", "Found <*> users with supplementary groups in <*> seconds", "Info"),
    ("threads", "Created <*> work threads", "Info"),
    ("unauth", "Unauthorized credential for client UID=<*> GID=<*>", "Info"),
    ("expired", "Expired credential for client UID=<*> GID=<*>", "Info"),
    ("replayed", "Replayed credential for client UID=<*> GID=<*>", "Info"),
    ("rewound", "Rewound credential for client UID=<*> GID=<*>", "Info"),
    ("signal", "Exiting on signal=<*>", "Notice"),
    ("purged", "Purged <*> credentials from replay hash", "Info"),
]
MUNGE_USERS = [(1001, 1001), (1024, 100), (5012, 5000), (0, 0), (998, 996), (20417, 20000),
               (31337, 31337), (4210, 4200), (65534, 65534), (1500, 1500)]


def gen_munged():
    sysm = System(3, "Munged", [(k, t) for k, t, _ in MUNGE_EVENTS],
                  r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4} "
                  r"(Emergency|Alert|Critical|Error|Warning|Notice|Info|Debug): +",
                  lambda h: h[:19], "seeded shuffle")
    level = {k: lv for k, _, lv in MUNGE_EVENTS}
    rng, cyc = sysm.rng, sysm.cyc
    counts = [("expired", 78), ("purged", 44), ("unauth", 34), ("gmap_found", 30),
              ("replayed", 22), ("rewound", 18), ("start", 12), ("running", 12),
              ("seeded", 12), ("threads", 10), ("stop", 9), ("wrote", 8),
              ("signal", 6), ("gmap_every", 5)]
    seq = shuffle_schedule(rng, counts)
    t = (0 * 3600 + rng.randint(60, 900)) * S
    for key in seq:
        t += exp_ns(rng, 240.0)
        if key in ("start", "stop"):
            vals = [rng.randint(700, 48000)]
        elif key == "gmap_every":
            vals = [cyc((key, 0), ["3600", "900"])]
        elif key == "gmap_found":
            vals = [rng.choice([212, 213, 214, 37, 38]), "%.3f" % (rng.randint(1, 60) / 1000.0)]
        elif key == "threads":
            vals = [cyc((key, 0), ["2", "2", "8"])]
        elif key in ("unauth", "expired", "replayed", "rewound"):
            u, g = rng.choice(MUNGE_USERS)
            vals = [u, g]
        elif key == "signal":
            vals = [cyc((key, 0), ["15", "15", "2"])]
        elif key == "purged":
            vals = [rng.randint(1, 180)]
        else:
            vals = []
        lv = level[key]
        h, m, s, _ = hms(t)
        header = "%04d-%02d-%02d %02d:%02d:%02d +0000 %-10s " % (DATE + (h, m, s, lv + ":"))
        sysm.add(header, key, vals)
    return sysm


# ================================================================ 4 Conmon

CONMON_EVENTS = [
    ("addr", "addr{sun_family=AF_UNIX, sun_path=/proc/self/fd/<*>/attach}"),
    ("ctrl_fd", "terminal_ctrl_fd: <*>"),
    ("winsz", "winsz read side: <*>, winsz write side: <*>"),
    ("cgroup_warn", "Failed to open cgroups file: <*>"),
    ("rt_stderr", "runtime stderr: <*>"),
    ("create_fail", "Failed to create container: exit status 1"),
    ("ctr_pid", "container PID: <*>"),
    ("accepted", "Accepted connection <*>"),
    ("msgtype", "Message type: <*>"),
    ("hw", "Height: <*>, Width: <*>"),
    ("closed", "Closed connection <*>"),
    ("oom", "OOM received"),
    ("stdio_fail", "stdio_input read failed <*>"),
    ("exited", "container <*> exited with status <*>"),
]
CONMON_LEVEL = {"addr": "ndebug", "ctrl_fd": "ndebug", "winsz": "ndebug", "cgroup_warn": "nwarn",
                "rt_stderr": "nwarn", "create_fail": "error", "ctr_pid": "ndebug",
                "accepted": "ndebug", "msgtype": "ndebug", "hw": "ndebug", "closed": "ndebug",
                "oom": "ninfo", "stdio_fail": "nwarn", "exited": "ninfo"}
CONMON_HOST = "node-b07"
CONMON_RT_ERR = [
    'time="%s" level=error msg="runc create failed: unable to start container process: exec: '
    '\\"/docker-entrypoint.sh\\": permission denied"',
    "crun: executable file `/app/server` not found in $PATH: No such file or directory: OCI runtime attempted to invoke a command that was not found",
    'time="%s" level=error msg="runc create failed: unable to start container process: error during '
    'container init: error mounting \\"/srv/data\\" to rootfs at \\"/data\\": no such file or directory"',
    "crun: open `/sys/fs/cgroup/machine.slice/libpod-%s.scope/cgroup.procs`: Permission denied",
]


def conmon_container(rng, cyc, t0):
    out = []
    st = {"t": t0}
    cid = hexs(rng, 64)
    cpid = rng.randint(2000, 480000)

    def add(key, vals, dt_ms=(0, 5)):
        out.append((st["t"], key, vals, (cpid, cid[:20])))
        st["t"] += rng.randint(dt_ms[0] * 1000, dt_ms[1] * 1000) * US + rng.randint(1, 999)

    fd = rng.randint(9, 14)
    add("addr", [fd])
    add("ctrl_fd", [fd + 2])
    add("winsz", [fd + 4, fd + 5], (40, 400))
    if rng.random() < 0.2:
        add("cgroup_warn", ["/sys/fs/cgroup/machine.slice/libpod-%s.scope/memory.events" % cid],
            (1, 30))
    if rng.random() < 0.18:
        for _ in range(rng.choice([1, 1, 2])):
            e = rng.choice(CONMON_RT_ERR)
            if "%s" in e:
                e = e % (rfc3339nano(st["t"]) if e.startswith("time=") else cid)
            add("rt_stderr", [e], (0, 3))
        add("create_fail", [])
        return out
    pid = cpid + rng.randint(2, 9)
    add("ctr_pid", [pid], (200, 3000))
    life_end = st["t"] + rng.randint(3, 45) * S
    interactive = rng.random() < 0.55
    while interactive and st["t"] < life_end:
        afd = rng.randint(15, 24)
        add("accepted", [afd], (1, 200))
        rows, cols = rng.choice([(24, 80), (50, 211), (37, 148), (61, 238), (43, 120)])
        for _ in range(rng.randint(2, 12)):
            add("msgtype", ["1"], (0, 2))
            add("hw", [rows, cols], (30, 900))
            rows = max(10, rows + rng.randint(-6, 6))
            cols = max(40, cols + rng.randint(-20, 20))
        if rng.random() < 0.25:
            add("msgtype", ["2"], (1, 500))
        add("closed", [afd], (500, 20000))
        if rng.random() < 0.5:
            break
    if st["t"] < life_end:
        st["t"] = life_end
    status = rng.choice([0, 0, 0, 1, 143, 2])
    if rng.random() < 0.25:
        add("oom", [], (2, 40))
        status = 137
    elif interactive and rng.random() < 0.5:
        add("stdio_fail", [rng.choice(["Input/output error", "Resource temporarily unavailable",
                                       "Bad file descriptor"])], (0, 4))
    add("exited", [pid, status])
    return out


def gen_conmon():
    sysm = System(4, "Conmon", CONMON_EVENTS,
                  r"[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} [a-z0-9.-]+ conmon\[\d+\]: "
                  r"conmon [0-9a-f]{20} <(ninfo|nwarn|ndebug|error)>: ",
                  lambda h: h[7:15], "simulation (containers)")
    rng, cyc = sysm.rng, sysm.cyc
    t0 = (15 * 3600 + rng.randint(0, 1800)) * S
    ents = []
    for _ in range(60):
        t0 += exp_ns(rng, 6.0) + rng.randint(0, S)
        ents.append(conmon_container(rng, cyc, t0))
    for t, ent, seq, key, vals, (cpid, short) in merge_sim(ents):
        header = "%s %s conmon[%d]: conmon %s <%s>: " % (syslog_ts(t), CONMON_HOST, cpid, short,
                                                         CONMON_LEVEL[key])
        sysm.add(header, key, vals)
    return sysm


# ================================================================ 5 Skopeo

SKOPEO_EVENTS = [
    # key, template, level or None (plain stdout line, no header)
    ("regconf", r'msg="Loading registries configuration \"<*>\""', "debug"),
    ("trying", r'msg="Trying to access \"<*>\""', "debug"),
    ("nocreds", 'msg="No credentials matching <*> found in <*>"', "debug"),
    ("tlsdir", 'msg="Looking for TLS certificates and private keys in <*>"', "debug"),
    ("get", 'msg="GET <*>"', "debug"),
    ("head", 'msg="HEAD <*>"', "debug"),
    ("ping", 'msg="Ping <*> status <*>"', "debug"),
    ("ctype", r'msg="Content-Type from manifest GET is \"<*>\""', "debug"),
    ("download", 'msg="Downloading <*>"', "debug"),
    ("compress", 'msg="Detected compression format <*>"', "debug"),
    ("skipblob", 'msg="Skipping blob <*> (already present):"', "debug"),
    ("copyblob", "Copying blob <*>", None),
    ("copyconfig", "Copying config <*>", None),
    ("writemanifest", "Writing manifest to image destination", None),
    ("getsigs", "Getting image source signatures", None),
]
SKOPEO_REGCONF = ["/etc/containers/registries.conf",
                  "/etc/containers/registries.conf.d/000-shortnames.conf",
                  "/etc/containers/registries.conf.d/010-mirrors.conf"]
SKOPEO_IMAGES = [
    ("quay.io", "acme/payments-api", "v2.4.1"),
    ("registry.lab.example:5000", "platform/nginx-unprivileged", "1.25.4"),
    ("docker.io", "library/redis", "7.2-alpine"),
    ("ghcr.io", "widgetco/builder", "sha-4f2a91c"),
    ("harbor.corp.example", "ml/inference-server", "2026.03.1"),
    ("registry.lab.example:5000", "mirror/postgres", "16.2"),
]
SKOPEO_AUTH = ["/run/containers/0/auth.json", "/root/.config/containers/auth.json",
               "/root/.docker/config.json"]
SKOPEO_CTYPES = ["application/vnd.oci.image.index.v1+json",
                 "application/vnd.docker.distribution.manifest.v2+json",
                 "application/vnd.oci.image.manifest.v1+json",
                 "application/vnd.docker.distribution.manifest.list.v2+json"]


def gen_skopeo():
    sysm = System(5, "Skopeo", [(k, t) for k, t, _ in SKOPEO_EVENTS],
                  r'(time="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z" '
                  r'level=(debug|info|warning|error|fatal) )?',
                  lambda h: h[6:26] if h else None, "seeded shuffle")
    level = {k: lv for k, _, lv in SKOPEO_EVENTS}
    rng, cyc = sysm.rng, sysm.cyc
    counts = [("get", 64), ("download", 38), ("copyblob", 34), ("head", 30), ("skipblob", 24),
              ("compress", 22), ("trying", 16), ("nocreds", 14), ("ctype", 12), ("regconf", 11),
              ("tlsdir", 10), ("ping", 8), ("copyconfig", 7), ("getsigs", 5),
              ("writemanifest", 5)]
    seq = shuffle_schedule(rng, counts)
    t = (10 * 3600 + rng.randint(0, 3600)) * S

    def digest():
        return "sha256:" + hexs(rng, 64)

    for key in seq:
        t += exp_ns(rng, 0.35)
        reg, repo, tag = rng.choice(SKOPEO_IMAGES)
        if key == "regconf":
            vals = [cyc((key, 0), SKOPEO_REGCONF)]
        elif key == "trying":
            vals = ["%s/%s:%s" % (reg, repo, tag)]
        elif key == "nocreds":
            vals = ["%s/%s" % (reg, repo), cyc((key, 1), SKOPEO_AUTH)]
        elif key == "tlsdir":
            vals = ["%s/%s" % (cyc((key, 0), ["/etc/containers/certs.d", "/etc/docker/certs.d"]),
                               reg)]
        elif key == "get":
            r = rng.random()
            if r < 0.3:
                vals = ["https://%s/v2/%s/manifests/%s" % (reg, repo, tag)]
            elif r < 0.45:
                vals = ["https://%s/v2/" % reg]
            else:
                vals = ["https://%s/v2/%s/blobs/%s" % (reg, repo, digest())]
        elif key == "head":
            vals = ["https://%s/v2/%s/blobs/%s" % (reg, repo, digest())]
        elif key == "ping":
            vals = ["https://%s/v2/" % reg, cyc((key, 1), ["401", "200", "401"])]
        elif key == "ctype":
            vals = [cyc((key, 0), SKOPEO_CTYPES)]
        elif key == "download":
            vals = ["/v2/%s/blobs/%s" % (repo, digest())]
        elif key == "compress":
            vals = [cyc((key, 0), ["gzip", "gzip", "zstd"])]
        elif key in ("skipblob", "copyblob", "copyconfig"):
            vals = [digest()]
        else:
            vals = []
        lv = level[key]
        header = 'time="%s" level=%s ' % (rfc3339(t), lv) if lv else ""
        sysm.add(header, key, vals)
    return sysm


# ================================================================ 6 Buildah

BUILDAH_EVENTS = [
    ("from", "STEP <*>/<*>: FROM <*>"),
    ("run", "STEP <*>/<*>: RUN <*>"),
    ("copy", "STEP <*>/<*>: COPY <*>"),
    ("env", "STEP <*>/<*>: ENV <*>"),
    ("workdir", "STEP <*>/<*>: WORKDIR <*>"),
    ("cache", "--> Using cache <*>"),
    ("layer", "--> <*>"),
    ("commit", "COMMIT <*>"),
    ("getsigs", "Getting image source signatures"),
    ("copyblob", "Copying blob <*>"),
    ("copyconfig", "Copying config <*>"),
    ("writemanifest", "Writing manifest to image destination"),
    ("tagged", "Successfully tagged <*>"),
    ("buildarg", 'missing "<*>" build argument. Try adding "--build-arg <*>=<VALUE>" to the command line'),
    ("error", 'Error: building at STEP "<*>": <*>'),
]
BUILDAH_FROM = ["registry.access.redhat.com/ubi9/ubi-minimal:9.3",
                "docker.io/library/golang:1.22 AS builder",
                "gcr.io/distroless/static-debian12:nonroot",
                "docker.io/library/python:3.12-slim",
                "docker.io/library/node:20-alpine AS deps"]
BUILDAH_RUN = ["microdnf install -y python3 python3-pip && microdnf clean all",
               "CGO_ENABLED=0 go build -trimpath -ldflags=-s -o /out/server ./cmd/server",
               "pip install --no-cache-dir -r requirements.txt",
               "npm ci --omit=dev",
               "useradd -r -u 1001 -g 0 appuser",
               "apk add --no-cache ca-certificates tzdata",
               "go mod download"]
BUILDAH_COPY = ["go.mod go.sum ./", ". .", "--from=builder /out/server /usr/local/bin/server",
                "requirements.txt /app/", "--chown=1001:0 src/ /opt/app-root/src/",
                "--from=deps /app/node_modules ./node_modules"]
BUILDAH_ENV = ["PYTHONUNBUFFERED=1", "GOFLAGS=-mod=mod", "NODE_ENV=production",
               "APP_HOME=/opt/app-root/src", "PATH=/opt/app-root/bin:$PATH"]
BUILDAH_WORKDIR = ["/src", "/app", "/opt/app-root/src", "/workspace"]
BUILDAH_IMAGES = ["quay.io/acme/payments-api:latest", "localhost/ledger-worker:dev",
                  "registry.lab.example:5000/platform/gateway:1.8.0",
                  "harbor.corp.example/ml/inference-server:2026.03.1"]
BUILDAH_ARGS = ["VERSION", "GIT_COMMIT", "BUILD_DATE", "TARGETARCH"]
BUILDAH_ERR = [
    ("RUN npm ci --omit=dev", "while running runtime: exit status 1"),
    ("RUN CGO_ENABLED=0 go build -trimpath -ldflags=-s -o /out/server ./cmd/server",
     "while running runtime: exit status 2"),
    ("COPY requirements.txt /app/",
     'checking on sources under "/home/ci/build/ledger": copier: stat: "/requirements.txt": no such file or directory'),
]


def gen_buildah():
    sysm = System(6, "Buildah", BUILDAH_EVENTS,
                  r"(\[\d+/\d+\] |WARN\[\d{4}\] )?",
                  lambda h: int(h[5:9]) if h.startswith("WARN[") else None, "seeded shuffle")
    rng, cyc = sysm.rng, sysm.cyc
    counts = [("copyblob", 66), ("run", 34), ("layer", 30), ("cache", 26), ("copy", 24),
              ("from", 20), ("env", 18), ("workdir", 16), ("commit", 14), ("copyconfig", 12),
              ("tagged", 10), ("getsigs", 9), ("writemanifest", 8), ("buildarg", 7),
              ("error", 6)]
    seq = shuffle_schedule(rng, counts)
    t = 0  # buildah's logrus prints seconds since process start: WARN[0012]
    for key in seq:
        t += exp_ns(rng, 2.5)
        header = ""
        if key in ("from", "run", "copy", "env", "workdir"):
            n = rng.randint(3, 9)
            i = rng.randint(1, n)
            if key == "from":
                arg = cyc((key, 2), BUILDAH_FROM)
                if rng.random() < 0.6:
                    i = 1
            elif key == "run":
                arg = cyc((key, 2), BUILDAH_RUN)
            elif key == "copy":
                arg = cyc((key, 2), BUILDAH_COPY)
            elif key == "env":
                arg = cyc((key, 2), BUILDAH_ENV)
            else:
                arg = cyc((key, 2), BUILDAH_WORKDIR)
            if i == 1 and key != "from":
                i = 2
            vals = [i, n, arg]
            if rng.random() < 0.35:
                stages = rng.choice([2, 3])
                header = "[%d/%d] " % (rng.randint(1, stages), stages)
        elif key == "cache":
            vals = [hexs(rng, 64)]
        elif key == "layer":
            vals = [hexs(rng, 11)]
        elif key == "commit":
            vals = [cyc((key, 0), BUILDAH_IMAGES)]
        elif key in ("copyblob", "copyconfig"):
            vals = ["sha256:" + hexs(rng, 64)]
        elif key == "tagged":
            vals = [cyc((key, 0), BUILDAH_IMAGES)]
        elif key == "buildarg":
            a = cyc((key, 0), BUILDAH_ARGS)
            vals = [a, a]
            header = "WARN[%04d] " % (t // S)
        elif key == "error":
            vals = list(cyc((key, 0), BUILDAH_ERR))
        else:
            vals = []
        sysm.add(header, key, vals)
    return sysm


# ================================================================ write + self-check

def write(sysm):
    d = os.path.join(OUT, sysm.name)
    os.makedirs(d, exist_ok=True)
    assert len(sysm.rows) == NLINES, (sysm.name, len(sysm.rows))
    with open(os.path.join(d, sysm.name + ".log"), "w", encoding="utf-8", newline="\n") as f:
        for header, content, _ in sysm.rows:
            f.write(header + content + "\n")
    with open(os.path.join(d, sysm.name + ".log_structured.csv"), "w", encoding="utf-8",
              newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, content, key) in enumerate(sysm.rows, 1):
            w.writerow([i, content, sysm.eid[key], sysm.tpl[key]])


def tpl_regex(tpl):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in tpl.split("<*>")) + "$")


def check(sysm):
    d = os.path.join(OUT, sysm.name)
    with open(os.path.join(d, sysm.name + ".log"), "rb") as f:
        raw = f.read()
    assert raw.endswith(b"\n") and b"\r" not in raw, "line endings"
    lines = raw.decode("utf-8").split("\n")[:-1]
    assert len(lines) == NLINES, "raw line count %d" % len(lines)
    with open(os.path.join(d, sysm.name + ".log_structured.csv"), "rb") as f:
        craw = f.read()
    assert craw.endswith(b"\n") and b"\r" not in craw, "csv line endings"
    with open(os.path.join(d, sysm.name + ".log_structured.csv"), encoding="utf-8",
              newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], rows[0]
    rows = rows[1:]
    assert len(rows) == NLINES, "csv row count %d" % len(rows)
    declared = ["E%d" % (i + 1) for i in range(len(sysm.events))]
    tmpl_of = {}
    counts = {}
    captures = {}
    last_ts = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        assert len(row) == 4, row
        lid, content, eid, tpl = row
        assert lid == str(i), (lid, i)
        assert content and content == content.strip(), (i, content)
        assert line.endswith(content), (i, line)
        header = line[:len(line) - len(content)]
        assert sysm.header_re.fullmatch(header), (i, header)
        ts = sysm.ts_key(header)
        if ts is not None:
            assert last_ts is None or ts >= last_ts, ("time went back", i, ts, last_ts)
            last_ts = ts
        assert re.fullmatch(r"E\d+", eid) and eid in declared, eid
        assert tmpl_of.setdefault(eid, tpl) == tpl, ("two templates", eid)
        m = tpl_regex(tpl).match(content)
        assert m, ("template does not match", i, tpl, content)
        for j, g in enumerate(m.groups()):
            captures.setdefault((eid, j), set()).add(g)
        counts[eid] = counts.get(eid, 0) + 1
    assert sorted(tmpl_of, key=lambda e: int(e[1:])) == declared, "unused declared event"
    assert len(set(tmpl_of.values())) == len(tmpl_of), "templates not distinct"
    for eid, tpl in tmpl_of.items():
        for j in range(tpl.count("<*>")):
            assert len(captures[(eid, j)]) >= 2, ("slot constant", eid, j, tpl)
    n = len(declared)
    assert 12 <= n <= 15, n
    c = [counts[e] for e in declared]
    assert min(c) >= 3, ("event below 3", dict(zip(declared, c)))
    assert sum(1 for x in c if 3 <= x <= 10) >= 3, ("need 3 rare events", c)
    med = statistics.median(c)
    assert max(c) >= 3 * med, ("skew", max(c), med)
    return declared, c, med


def main():
    gens = [gen_kata, gen_runsc, gen_munged, gen_conmon, gen_skopeo, gen_buildah]
    ok = True
    for g in gens:
        sysm = g()
        write(sysm)
        try:
            declared, c, med = check(sysm)
        except AssertionError as e:
            ok = False
            print("%-12s FAIL %r" % (sysm.name, e))
            continue
        print("%-12s OK  %-28s events=%d  max=%d median=%g  counts=%s" % (
            sysm.name, sysm.kind, len(declared), max(c), med,
            " ".join("%s:%d" % (e, x) for e, x in zip(declared, c))))
    if not ok:
        sys.exit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
