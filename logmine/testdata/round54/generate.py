#!/usr/bin/env python3
"""Round 54 blind labelled log corpus generator (NVIDIA GPU stack + Seldon MLServer).

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270163; system k (1..6) uses random.Random(20270163 * 10 + k).
All times come from an integer nanosecond clock on 2026-03-14 UTC.

Running this file writes <System>/<System>.log and
<System>/<System>.log_structured.csv for every system next to this file,
then re-reads and self-checks them and prints a per-system summary.
"""
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270163
OUT = os.path.dirname(os.path.abspath(__file__))
N_LINES = 300

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14          # fixed calendar day, UTC

NS = 1
US = 1000
MS = 1000 * US
SEC = 1000 * MS
MIN = 60 * SEC
HOUR = 60 * MIN
DAY_NS = 24 * HOUR


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------
def split_ns(t):
    """ns since 2026-03-14T00:00:00Z -> (hh, mm, ss, ns_in_second)."""
    assert 0 <= t < DAY_NS, "clock left 2026-03-14"
    s, frac = divmod(t, SEC)
    return s // 3600, (s // 60) % 60, s % 60, frac


class Cycler:
    """Small pools cycle per (event, slot) so every slot takes >= 2 values."""

    def __init__(self):
        self.n = {}

    def __call__(self, key, pool):
        i = self.n.get(key, 0)
        self.n[key] = i + 1
        return pool[i % len(pool)]


def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


def rhex(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def ruuid(rng):
    return "%s-%s-4%s-%s%s-%s" % (rhex(rng, 8), rhex(rng, 4), rhex(rng, 3),
                                  rng.choice("89ab"), rhex(rng, 3), rhex(rng, 12))


def gpu_uuid(rng, prefix="GPU"):
    return "%s-%s-%s-%s-%s-%s" % (prefix, rhex(rng, 8), rhex(rng, 4), rhex(rng, 4),
                                  rhex(rng, 4), rhex(rng, 12))


def shuffle_clock(rng, counts, start_ns, mean_gap_ns, min_gap_ns):
    """Fixed count per event, shuffled, stamped by a forward-only clock."""
    seq = [i + 1 for i, c in enumerate(counts) for _ in range(c)]
    assert len(seq) == N_LINES, (len(seq), counts)
    rng.shuffle(seq)
    t = start_ns
    out = []
    for ev in seq:
        t += min_gap_ns + int(rng.expovariate(1.0 / mean_gap_ns))
        out.append((t, ev))
    return out


# ==========================================================================
# 1. NvidiaPersistenced -- syslog, SIMULATION (daemon instances on hosts)
# ==========================================================================
S1_EVENTS = [
    "Verbose syslog connection opened",                       # E1
    "Now running with user ID <*> and group ID <*>",          # E2
    "Started (<*>)",                                          # E3
    "device <*> - registered",                                # E4
    "device <*> - persistence mode enabled.",                 # E5
    "device <*> - NUMA memory onlined.",                      # E6
    "Local RPC services initialized",                         # E7
    "Received signal <*>",                                    # E8
    "Socket closed.",                                         # E9
    "device <*> - persistence mode disabled.",                # E10
    "device <*> - NUMA memory offlined.",                     # E11
    "PID file unlocked.",                                     # E12
    "Failed to lock PID file: <*>",                           # E13
    "Shutdown (<*>)",                                         # E14
    "Verbose syslog connection closed",                       # E15
]
S1_HEADER = re.compile(r"Mar 14 (\d\d):(\d\d):(\d\d) [a-z0-9][a-z0-9-]* "
                       r"nvidia-persistenced\[\d+\]: ")

S1_BUSES = {
    "dgx8": ["0000:18:00.0", "0000:2a:00.0", "0000:3a:00.0", "0000:5d:00.0",
             "0000:9a:00.0", "0000:ab:00.0", "0000:ba:00.0", "0000:db:00.0"],
    "a100x4": ["0000:01:00.0", "0000:25:00.0", "0000:81:00.0", "0000:c1:00.0"],
    "l40sx4": ["0000:17:00.0", "0000:65:00.0", "0000:ca:00.0", "0000:e3:00.0"],
    "gh4": ["0009:01:00.0", "0019:01:00.0", "0029:01:00.0", "0039:01:00.0"],
    "gh1": ["0009:01:00.0"],
}
S1_HOSTS = [  # (hostname, kind, runs with --user)
    ("dgx-h100-07", "dgx8", False), ("a100-r3n02", "a100x4", True),
    ("gh200-c1n14", "gh4", False), ("l40s-inf-03", "l40sx4", True),
    ("dgx-h100-11", "dgx8", False), ("gh200-c1n15", "gh4", True),
    ("a100-r3n05", "a100x4", False), ("hgx-b07", "dgx8", True),
    ("gh200-c2n03", "gh1", False), ("l40s-inf-09", "l40sx4", False),
    ("dgx-h100-12", "dgx8", True), ("a100-r3n06", "a100x4", False),
    ("gh200-c2n04", "gh1", True), ("l40s-inf-11", "l40sx4", False),
]


def gen_persistenced(rng, cyc):
    recs = []
    seq = [0]

    def emit(t, host, pid, ev, vals=()):
        recs.append((t, seq[0], host, pid, ev, list(vals)))
        seq[0] += 1

    def startup(t, host, kind, pid, user):
        emit(t, host, pid, 1)
        if user:
            t += rng.randint(100, 900) * US
            uid, gid = cyc((2, "ug"), [("113", "119"), ("998", "996"), ("127", "134")])
            emit(t, host, pid, 2, [uid, gid])
        t += rng.randint(1, 8) * MS
        emit(t, host, pid, 3, [pid])
        for bus in S1_BUSES[kind]:
            t += rng.randint(5, 90) * MS
            emit(t, host, pid, 4, [bus])
            t += rng.randint(80, 1400) * MS
            emit(t, host, pid, 5, [bus])
            if kind.startswith("gh"):
                t += rng.randint(400, 3200) * MS
                emit(t, host, pid, 6, [bus])
        t += rng.randint(2, 40) * MS
        emit(t, host, pid, 7)

    def shutdown(t, host, kind, pid):
        emit(t, host, pid, 8, [cyc((8, 0), ["15", "15", "2", "15", "15"])])
        t += rng.randint(1, 30) * MS
        emit(t, host, pid, 9)
        for bus in S1_BUSES[kind]:
            t += rng.randint(40, 700) * MS
            emit(t, host, pid, 10, [bus])
            if kind.startswith("gh"):
                t += rng.randint(300, 2600) * MS
                emit(t, host, pid, 11, [bus])
        t += rng.randint(1, 15) * MS
        emit(t, host, pid, 12)
        t += rng.randint(100, 2000) * US
        emit(t, host, pid, 14, [pid])
        t += rng.randint(100, 900) * US
        emit(t, host, pid, 15)

    def lockfail(t, host, pid):
        emit(t, host, pid, 1)
        t += rng.randint(200, 3000) * US
        reason = cyc((13, 0), ["Resource temporarily unavailable",
                               "Resource temporarily unavailable",
                               "Permission denied",
                               "Read-only file system"])
        emit(t, host, pid, 13, [reason])
        t += rng.randint(100, 900) * US
        emit(t, host, pid, 14, [pid])
        t += rng.randint(100, 900) * US
        emit(t, host, pid, 15)

    # rolling driver upgrade: each host drains (old daemon stops), the new
    # driver is installed and a fresh daemon starts; windows overlap.
    t0 = 3 * HOUR + 10 * MIN
    lock_hosts = {1, 4, 7, 9, 12}
    for i, (host, kind, user) in enumerate(S1_HOSTS):
        old_pid = rng.randint(1100, 2900)
        stop_t = t0 + i * 95 * SEC + rng.randint(0, 120 * SEC)
        if i in lock_hosts:
            lf_t = stop_t - rng.randint(40 * SEC, 400 * SEC)
            lockfail(lf_t, host, old_pid + rng.randint(40, 2500))
        shutdown(stop_t, host, kind, old_pid)
        start_t = stop_t + rng.randint(70 * SEC, 260 * SEC)
        startup(start_t, host, kind, old_pid + rng.randint(3000, 40000), user)

    recs.sort(key=lambda r: (r[0], r[1]))
    rows = []
    for t, _, host, pid, ev, vals in recs[:N_LINES]:
        hh, mm, ss, _ = split_ns(t)
        header = "%s %2d %02d:%02d:%02d %s nvidia-persistenced[%d]: " % (
            MONTHS[MONTH - 1], DAY, hh, mm, ss, host, pid)
        rows.append((t, header, ev, fill(S1_EVENTS[ev - 1], vals)))
    return rows


# ==========================================================================
# 2. DevicePlugin -- klog, SHUFFLE
# ==========================================================================
S2_EVENTS = [  # (template, klog level, file:line, count)
    ("Starting FS watcher.", "I", "main.go:190", 9),                                   # E1
    ("Starting OS watcher.", "I", "main.go:205", 9),                                   # E2
    ("Starting Plugins.", "I", "main.go:262", 14),                                     # E3
    ("Loading configuration.", "I", "main.go:270", 14),                                # E4
    ("Failed to start plugin: <*>", "E", "main.go:311", 5),                            # E5
    ("Retrieving plugins.", "I", "main.go:305", 14),                                   # E6
    ("Starting GRPC server for '<*>'", "I", "server.go:176", 31),                      # E7
    ("Starting to serve '<*>' on <*>", "I", "server.go:215", 31),                      # E8
    ("Registered device plugin for '<*>' with Kubelet", "I", "server.go:236", 30),     # E9
    ("Stopping to serve '<*>' on <*>", "I", "server.go:189", 27),                      # E10
    ("XidCriticalError: Xid=<*> on Device=<*>; marking device as unhealthy.",
     "I", "health.go:166", 38),                                                        # E11
    ("'<*>' device marked unhealthy: <*>", "I", "server.go:262", 52),                  # E12
    ("inotify: /var/lib/kubelet/device-plugins/kubelet.sock created, restarting.",
     "I", "main.go:285", 13),                                                          # E13
    ("Received signal \"<*>\", shutting down.", "I", "main.go:298", 7),                # E14
    ("Received SIGHUP, restarting.", "I", "main.go:294", 6),                           # E15
]
S2_HEADER = re.compile(r"[IWEF]0314 (\d\d):(\d\d):(\d\d)\.(\d{6}) +\d+ [\w.-]+\.go:\d+\] ")
S2_RES = ["nvidia.com/gpu", "nvidia.com/mig-1g.10gb", "nvidia.com/gpu",
          "nvidia.com/mig-3g.40gb", "nvidia.com/gpu.shared", "nvidia.com/mig-2g.20gb"]


def s2_sock(res):
    return "/var/lib/kubelet/device-plugins/nvidia-%s.sock" % res.split("/", 1)[1]


def gen_deviceplugin(rng, cyc):
    counts = [e[3] for e in S2_EVENTS]
    rows = []
    for t, ev in shuffle_clock(rng, counts, 6 * HOUR + 41 * MIN + 7 * SEC + 318 * MS,
                               14 * SEC, 3 * MS):
        tpl, lvl, fl, _ = S2_EVENTS[ev - 1]
        if ev == 5:
            vals = [cyc((5, 0), [
                "error waiting for MPS daemon: MPS control daemon is not ready",
                "failed to dial unix /var/lib/kubelet/device-plugins/kubelet.sock: connection refused",
                "error creating plugin: unable to create resource manager: nvml: Driver/library version mismatch",
                "context deadline exceeded while registering with kubelet",
            ])]
        elif ev in (7, 9):
            vals = [cyc((ev, 0), S2_RES)]
        elif ev in (8, 10):
            r = cyc((ev, 0), S2_RES)
            vals = [r, s2_sock(r)]
        elif ev == 11:
            vals = [cyc((11, 0), ["79", "48", "94", "95", "63", "74", "64"]), gpu_uuid(rng)]
        elif ev == 12:
            r = cyc((12, 0), S2_RES)
            vals = [r, gpu_uuid(rng, "MIG" if "mig-" in r else "GPU")]
        elif ev == 14:
            vals = [cyc((14, 0), ["terminated", "terminated", "interrupt"])]
        else:
            vals = []
        hh, mm, ss, frac = split_ns(t)
        header = "%s%02d%02d %02d:%02d:%02d.%06d %7d %s] " % (
            lvl, MONTH, DAY, hh, mm, ss, frac // US, 1, fl)
        rows.append((t, header, ev, fill(tpl, vals)))
    return rows


# ==========================================================================
# 3. GpuFeatureDiscovery -- Go standard log, SHUFFLE
# ==========================================================================
S3_EVENTS = [  # (template, count)
    ("Running gpu-feature-discovery in version <*>", 8),                        # E1
    ("Loading configuration.", 8),                                              # E2
    ("Starting OS watcher.", 8),                                                # E3
    ("Detected NVML platform: found NVML library", 9),                          # E4
    ("Start running", 10),                                                      # E5
    ("Writing labels to output file /etc/kubernetes/node-feature-discovery/features.d/gfd", 110),  # E6
    ("Sleeping for <*>", 105),                                                  # E7
    ("Warning: Error removing output file: <*>", 6),                            # E8
    ("Received signal \"<*>\", shutting down.", 5),                             # E9
    ("Received SIGHUP, restarting.", 4),                                        # E10
    ("Exiting", 9),                                                             # E11
    ("Error generating NVML labels: <*>", 12),                                  # E12
    ("Failed to initialize NVML: <*>", 6),                                      # E13
]
S3_HEADER = re.compile(r"2026/03/14 (\d\d):(\d\d):(\d\d) ")


def gen_gfd(rng, cyc):
    counts = [e[1] for e in S3_EVENTS]
    rows = []
    for t, ev in shuffle_clock(rng, counts, 1 * HOUR + 3 * MIN + 52 * SEC, 31 * SEC, 0):
        tpl = S3_EVENTS[ev - 1][0]
        if ev == 1:
            vals = [cyc((1, 0), ["v0.8.2", "v0.8.2", "v0.8.1", "v0.8.2"])]
        elif ev == 7:
            vals = [cyc((7, 0), ["1m0s", "1m0s", "1m0s", "30s", "1m0s", "2m0s"])]
        elif ev == 8:
            vals = [cyc((8, 0), [
                "failed to remove output file: remove /etc/kubernetes/node-feature-discovery/features.d/gfd: read-only file system",
                "failed to remove output file: remove /etc/kubernetes/node-feature-discovery/features.d/gfd: permission denied",
                "failed to remove output file: remove /etc/kubernetes/node-feature-discovery/features.d/gfd: device or resource busy",
            ])]
        elif ev == 9:
            vals = [cyc((9, 0), ["terminated", "interrupt", "terminated"])]
        elif ev == 12:
            vals = [cyc((12, 0), [
                "error getting device count: Unknown Error",
                "failed to get MIG devices for GPU %d: Not Supported" % rng.randint(0, 7),
                "error getting compute capability: GPU is lost",
                "unable to get memory info for device %d: Insufficient Permissions" % rng.randint(0, 7),
                "error getting driver version: Driver/library version mismatch",
            ])]
        elif ev == 13:
            vals = [cyc((13, 0), ["ERROR_LIBRARY_NOT_FOUND", "Driver/library version mismatch",
                                  "could not load NVML library: libnvidia-ml.so.1: cannot open shared object file: No such file or directory"])]
        else:
            vals = []
        hh, mm, ss, _ = split_ns(t)
        header = "%04d/%02d/%02d %02d:%02d:%02d " % (YEAR, MONTH, DAY, hh, mm, ss)
        rows.append((t, header, ev, fill(tpl, vals)))
    return rows


# ==========================================================================
# 4. MigManager -- logrus text formatter, SHUFFLE
# ==========================================================================
S4_EVENTS = [  # (template, logrus level, count)
    ("\"Waiting for change to 'nvidia.com/mig.config' label\"", "info", 40),                            # E1
    ("\"Updating to MIG config: <*>\"", "info", 22),                                                   # E2
    ("\"Asserting that the requested configuration is present in the configuration file\"", "info", 22),  # E3
    ("\"Selected MIG configuration is valid\"", "info", 21),                                           # E4
    ("\"Getting current value of the 'nvidia.com/mig.config.state' node label\"", "info", 20),          # E5
    ("\"Current value of 'nvidia.com/mig.config.state=<*>'\"", "info", 20),                             # E6
    ("\"Checking if the selected MIG config is currently applied or not\"", "info", 20),               # E7
    ("\"Changing the 'nvidia.com/mig.config.state' node label to 'pending'\"", "info", 14),             # E8
    ("\"Shutting down all GPU clients in Kubernetes by disabling their component-specific nodeSelector labels\"", "info", 13),  # E9
    ("\"Applying the selected MIG config to the node\"", "info", 13),                                  # E10
    ("\"  GPU <*>: <*>\"", "debug", 67),                                                               # E11
    ("\"Changing the 'nvidia.com/mig.config.state' node label to 'success'\"", "info", 10),             # E12
    ("\"Changing the 'nvidia.com/mig.config.state' node label to 'failed'\"", "info", 4),               # E13
    ("\"Error: <*>\"", "error", 5),                                                                    # E14
    ("\"Successfully updated to MIG config: <*>\"", "info", 9),                                        # E15
]
S4_HEADER = re.compile(r'time="2026-03-14T(\d\d):(\d\d):(\d\d)Z" level=(?:debug|info|warning|error) msg=')
S4_CONFIGS = ["all-1g.10gb", "all-3g.40gb", "all-balanced", "all-disabled", "all-2g.20gb",
              "custom-infer-7x1g", "all-enabled"]


def gen_migmanager(rng, cyc):
    counts = [e[2] for e in S4_EVENTS]
    rows = []
    for t, ev in shuffle_clock(rng, counts, 10 * HOUR + 17 * MIN + 4 * SEC, 47 * SEC, 0):
        tpl, lvl, _ = S4_EVENTS[ev - 1]
        if ev in (2, 15):
            vals = [cyc((ev, 0), S4_CONFIGS)]
        elif ev == 6:
            vals = [cyc((6, 0), ["success", "success", "pending", "failed"])]
        elif ev == 11:
            vals = [str(rng.randint(0, 7)),
                    cyc((11, 1), ["0x233010DE", "0x233010DE", "0x20B210DE", "0x20B510DE", "0x233110DE"])]
        elif ev == 14:
            vals = [cyc((14, 0), [
                "error applying MIG configuration: exit status 1",
                "unable to shutdown GPU clients: timed out waiting for the condition",
                "error setting MIG mode on GPU 3: In use by another client",
                "unable to get node label: nodes \\\"gpu-worker-%02d\\\" not found" % rng.randint(1, 24),
                "error validating MIG config: unknown profile 4g.40gb+me",
            ])]
        else:
            vals = []
        hh, mm, ss, _ = split_ns(t)
        header = 'time="%04d-%02d-%02dT%02d:%02d:%02dZ" level=%s msg=' % (
            YEAR, MONTH, DAY, hh, mm, ss, lvl)
        rows.append((t, header, ev, fill(tpl, vals)))
    return rows


# ==========================================================================
# 5. GpuOperator -- controller-runtime zap console encoder, SHUFFLE
# ==========================================================================
CP = "controllers.ClusterPolicy"
S5_EVENTS = [  # (template, level, logger, count)
    ('Kubernetes version detected\t{"version": "<*>"}', "INFO", CP, 4),                                      # E1
    ('Getting assets from: \t{"path:": "<*>"}', "INFO", CP, 25),                                             # E2
    ('Found Resource, skipping update\t{"ServiceAccount": "<*>", "Namespace": "gpu-operator"}', "INFO", CP, 65),  # E3
    ('Found Resource, updating...\t{"ClusterRole": "<*>", "Namespace": "gpu-operator"}', "INFO", CP, 9),     # E4
    ('Not found, creating...\t{"ConfigMap": "<*>", "Namespace": "gpu-operator"}', "INFO", CP, 6),            # E5
    ('DaemonSet identical, skipping update\t{"DaemonSet": "<*>", "Namespace": "gpu-operator", "name": "<*>"}', "INFO", CP, 28),  # E6
    ('DEBUG: DaemonSet\t{"LabelSelector": "<*>"}', "INFO", CP, 25),                                          # E7
    ('DEBUG: DaemonSet\t{"NumberOfDaemonSets": <*>}', "INFO", CP, 25),                                       # E8
    ('DEBUG: DaemonSet\t{"NumberUnavailable": <*>}', "INFO", CP, 25),                                        # E9
    ('INFO: ClusterPolicy step completed\t{"state:": "<*>", "status": "ready"}', "INFO", CP, 25),             # E10
    ('INFO: ClusterPolicy step completed\t{"state:": "<*>", "status": "notReady"}', "INFO", CP, 12),          # E11
    ('ClusterPolicy isn\'t ready\t{"states not ready": [<*>]}', "INFO", CP, 12),                              # E12
    ('Number of nodes with GPU label\t{"NodeCount": <*>}', "INFO", CP, 14),                                  # E13
    ('Reconciler error\t{"reconciler group": "nvidia.com", "reconciler kind": "ClusterPolicy", '
     '"name": "cluster-policy", "namespace": "", "error": "<*>"}', "ERROR",
     "controller-runtime.manager.controller.clusterpolicy-controller", 5),                                   # E14
    ('Checking GPU state labels on the node\t{"NodeName": "<*>"}', "INFO", CP, 20),                          # E15
]
S5_HEADER = re.compile(r"2026-03-14T(\d\d):(\d\d):(\d\d)\.(\d{3})Z\t(?:DEBUG|INFO|WARN|ERROR)\t[\w.-]+\t")
S5_STATES = ["pre-requisites", "state-operator-metrics", "state-driver", "state-container-toolkit",
             "state-operator-validation", "state-device-plugin", "state-dcgm", "state-dcgm-exporter",
             "gpu-feature-discovery", "state-mig-manager", "state-node-status-exporter",
             "state-sandbox-validation"]
S5_DS = ["nvidia-driver-daemonset", "nvidia-container-toolkit-daemonset", "nvidia-operator-validator",
         "nvidia-device-plugin-daemonset", "nvidia-dcgm-exporter", "gpu-feature-discovery",
         "nvidia-mig-manager", "nvidia-node-status-exporter"]
S5_SA = ["nvidia-driver", "nvidia-container-toolkit", "nvidia-operator-validator",
         "nvidia-device-plugin", "nvidia-dcgm-exporter", "nvidia-gpu-feature-discovery",
         "nvidia-mig-manager", "nvidia-node-status-exporter", "nvidia-operator-metrics"]


def gen_gpuoperator(rng, cyc):
    counts = [e[3] for e in S5_EVENTS]
    rows = []
    for t, ev in shuffle_clock(rng, counts, 14 * HOUR + 2 * MIN + 11 * SEC + 604 * MS, 2300 * MS, 1 * MS):
        tpl, lvl, logger, _ = S5_EVENTS[ev - 1]
        if ev == 1:
            vals = [cyc((1, 0), ["v1.29.4", "v1.29.4", "v1.30.1"])]
        elif ev == 2:
            vals = ["/opt/gpu-operator/" + cyc((2, 0), S5_STATES)]
        elif ev == 3:
            vals = [cyc((3, 0), S5_SA)]
        elif ev == 4:
            vals = [cyc((4, 0), S5_SA[:4] + ["nvidia-gpu-operator-validator-clusterrole"])]
        elif ev == 5:
            vals = [cyc((5, 0), ["default-mig-parted-config", "default-gpu-clients",
                                 "nvidia-device-plugin-entrypoint", "nvidia-mig-manager-entrypoint",
                                 "nvidia-container-toolkit-entrypoint"])]
        elif ev == 6:
            ds = cyc((6, 0), S5_DS)
            vals = [ds, ds]
        elif ev == 7:
            vals = ["app=" + cyc((7, 0), S5_DS)]
        elif ev == 8:
            vals = [cyc((8, 0), ["1", "1", "1", "0"])]
        elif ev == 9:
            vals = [cyc((9, 0), ["0", "0", "1", "0", "2", "0", "3"])]
        elif ev in (10, 11):
            vals = [cyc((ev, 0), S5_STATES)]
        elif ev == 12:
            k = cyc((12, "k"), [1, 2, 1, 3])
            vals = [", ".join('"%s"' % s for s in rng.sample(S5_STATES[2:], k))]
        elif ev == 13:
            vals = [cyc((13, 0), ["3", "4", "4", "5", "6"])]
        elif ev == 14:
            vals = [cyc((14, 0), [
                "failed to get cluster wide proxy: context deadline exceeded",
                "failed to handle OpenShift Driver Toolkit Daemonset for version 415.92.202402201450-0: ImageStream not found",
                "Operation cannot be fulfilled on clusterpolicies.nvidia.com cluster-policy: the object has been modified; please apply your changes to the latest version and try again",
                "unable to list nodes: Get https://10.96.0.1:443/api/v1/nodes?labelSelector=nvidia.com%2Fgpu.present%3Dtrue: dial tcp 10.96.0.1:443: i/o timeout",
                "failed to set node label nvidia.com/gpu.deploy.driver on gpu-worker-07: nodes gpu-worker-07 not found",
            ])]
        elif ev == 15:
            vals = ["gpu-worker-%02d" % rng.randint(1, 18)]
        else:
            vals = []
        hh, mm, ss, frac = split_ns(t)
        header = "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ\t%s\t%s\t" % (
            YEAR, MONTH, DAY, hh, mm, ss, frac // MS, lvl, logger)
        rows.append((t, header, ev, fill(tpl, vals)))
    return rows


# ==========================================================================
# 6. MlServer -- Python logging, SIMULATION (probes, client sessions,
#    model repository operations, worker crashes)
# ==========================================================================
S6_EVENTS = [  # (template, logger, level)
    ('<*> - "POST /v2/models/<*>/infer HTTP/1.1" <*>', "mlserver.rest", "INFO"),                 # E1
    ('<*> - "POST /v2/models/<*>/versions/<*>/infer HTTP/1.1" <*>', "mlserver.rest", "INFO"),    # E2
    ('<*> - "GET /v2/models/<*>/ready HTTP/1.1" <*>', "mlserver.rest", "INFO"),                  # E3
    ('<*> - "GET /v2/models/<*> HTTP/1.1" 200 OK', "mlserver.rest", "INFO"),                     # E4
    ('<*> - "GET /v2/health/ready HTTP/1.1" 200 OK', "mlserver.rest", "INFO"),                   # E5
    ('<*> - "POST /v2/repository/models/<*>/load HTTP/1.1" <*>', "mlserver.rest", "INFO"),       # E6
    ('<*> - "POST /v2/repository/models/<*>/unload HTTP/1.1" 200 OK', "mlserver.rest", "INFO"),  # E7
    ("Loaded model '<*>' succesfully.", "mlserver", "INFO"),                                     # E8
    ("Unloaded model '<*>' succesfully.", "mlserver", "INFO"),                                   # E9
    ("Couldn't load model '<*>'. Model will be removed from registry.", "mlserver", "ERROR"),    # E10
    ("Worker with PID <*> on default inference pool stopped unexpectedly with exit code <*>. "
     "Restarting...", "mlserver.parallel", "WARNING"),                                           # E11
    ("Model name '<*>' is different than model's folder name '<*>'.", "mlserver", "WARNING"),    # E12
]
S6_HEADER = re.compile(r"2026-03-14 (\d\d):(\d\d):(\d\d),(\d{3}) \[mlserver(?:\.\w+)?\] "
                       r"(?:DEBUG|INFO|WARNING|ERROR|CRITICAL) - ")
S6_SERVING = {  # model -> versions
    "iris-sklearn": ["v1", "v2"], "fraud-xgb": ["3", "4"],
    "sentiment-bert": ["v1"], "income-lgbm": ["2024q4", "2025q1"],
}
S6_REPO_OPS = [  # (model, folder or None, load succeeds)
    ("churn-mlflow", None, True), ("mnist-svm", "mnist-svm-0.3", True),
    ("text-embed", None, False), ("churn-mlflow", None, True),
    ("income-lgbm-canary", "income-lgbm-2025q1", True), ("mnist-svm", "mnist-svm-0.3", True),
    ("ner-spacy", None, False), ("churn-mlflow", None, True),
    ("price-elastic", "price-elasticity", True), ("text-embed", None, False),
    ("mnist-svm", "mnist-svm-0.4", True), ("ner-spacy", None, True),
]


def gen_mlserver(rng, cyc):
    recs = []
    seq = [0]

    def emit(t, ev, vals):
        recs.append((t, seq[0], ev, list(vals)))
        seq[0] += 1

    def eport():
        return rng.randint(32768, 60999)

    start = 9 * HOUR + 26 * MIN + 3 * SEC + 417 * MS
    end = start + 15 * MIN

    # kubelet readiness probe, every 10 s on its own clock
    t = start + rng.randint(0, 10 * SEC)
    while t < end:
        emit(t, 5, ["10.42.3.1:%d" % eport()])
        t += 10 * SEC + rng.randint(-40, 40) * MS

    # client sessions (keep-alive connection: one ip:port per session)
    clients = ["10.42.1.%d" % n for n in (17, 23, 58, 102, 131, 204)] + \
              ["10.42.5.%d" % n for n in (9, 44, 77)]
    t = start
    while t < end:
        t += int(rng.expovariate(1.0 / (17 * SEC)))
        addr = "%s:%d" % (rng.choice(clients), eport())
        model = rng.choice(sorted(S6_SERVING))
        version = rng.choice(S6_SERVING[model]) if rng.random() < 0.2 else None
        s = t
        if rng.random() < 0.3:
            s += rng.randint(2, 9) * MS
            emit(s, 3, [addr, model, cyc((3, 2), ["200 OK", "200 OK", "200 OK", "400 Bad Request"])])
        if rng.random() < 0.18:
            s += rng.randint(2, 12) * MS
            emit(s, 4, [addr, model])
        n = 1 + min(int(rng.expovariate(1.0 / 5)), 25)
        for _ in range(n):
            s += int(rng.expovariate(1.0 / (1400 * MS))) + rng.randint(4, 180) * MS
            st = cyc((1, 2), ["200 OK"] * 11 + ["400 Bad Request"] + ["200 OK"] * 13 +
                     ["500 Internal Server Error"] + ["200 OK"] * 9 + ["422 Unprocessable Entity"])
            if version is None:
                emit(s, 1, [addr, model, st])
            else:
                emit(s, 2, [addr, model, version, st])

    # model repository operations from a CI job, own clock
    t = start + rng.randint(5 * SEC, 40 * SEC)
    loaded = []
    for model, folder, ok in S6_REPO_OPS:
        addr = "10.42.0.37:%d" % eport()
        if loaded and rng.random() < 0.75:      # unload an earlier model first
            old = loaded.pop(0)
            s = t + rng.randint(20, 400) * MS
            emit(s, 9, [old])
            emit(s + rng.randint(1, 6) * MS, 7, [addr, old])
            t = s + rng.randint(2, 9) * SEC
            addr = "10.42.0.37:%d" % eport()
        s = t
        if folder:
            emit(s, 12, [model, folder])
        s += rng.randint(300, 9000) * MS
        if ok:
            emit(s, 8, [model])
            emit(s + rng.randint(1, 8) * MS, 6, [addr, model, "200 OK"])
            loaded.append(model)
        else:
            emit(s, 10, [model])
            emit(s + rng.randint(1, 8) * MS, 6, [addr, model, "500 Internal Server Error"])
        t += int(rng.expovariate(1.0 / (26 * SEC))) + 8 * SEC

    # worker crashes (OOM kills etc.), own clock
    t = start
    for _ in range(5):
        t += rng.randint(60 * SEC, 200 * SEC)
        emit(t, 11, [str(rng.randint(64, 480)), cyc((11, 1), ["-9", "1", "-9", "-11"])])

    recs.sort(key=lambda r: (r[0], r[1]))
    assert len(recs) >= N_LINES, len(recs)
    rows = []
    for t, _, ev, vals in recs[:N_LINES]:
        tpl, logger, lvl = S6_EVENTS[ev - 1]
        hh, mm, ss, frac = split_ns(t)
        header = "%04d-%02d-%02d %02d:%02d:%02d,%03d [%s] %s - " % (
            YEAR, MONTH, DAY, hh, mm, ss, frac // MS, logger, lvl)
        rows.append((t, header, ev, fill(tpl, vals)))
    return rows


# ==========================================================================
# driver
# ==========================================================================
SYSTEMS = [  # (name, templates, header regex, generator, kind)
    ("NvidiaPersistenced", S1_EVENTS, S1_HEADER, gen_persistenced, "simulation"),
    ("DevicePlugin", [e[0] for e in S2_EVENTS], S2_HEADER, gen_deviceplugin, "shuffle"),
    ("GpuFeatureDiscovery", [e[0] for e in S3_EVENTS], S3_HEADER, gen_gfd, "shuffle"),
    ("MigManager", [e[0] for e in S4_EVENTS], S4_HEADER, gen_migmanager, "shuffle"),
    ("GpuOperator", [e[0] for e in S5_EVENTS], S5_HEADER, gen_gpuoperator, "shuffle"),
    ("MlServer", [e[0] for e in S6_EVENTS], S6_HEADER, gen_mlserver, "simulation"),
]


def write_system(name, templates, rows):
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        for _, header, _, content in rows:
            f.write(header + content + "\n")
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, _, ev, content) in enumerate(rows, 1):
            w.writerow([i, content, "E%d" % ev, templates[ev - 1]])


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")))


def check_system(name, templates, header_re):
    d = os.path.join(OUT, name)
    errs = []
    raw = open(os.path.join(d, name + ".log"), "rb").read()
    cbytes = open(os.path.join(d, name + ".log_structured.csv"), "rb").read()
    for label, b in (("log", raw), ("csv", cbytes)):
        if not b.endswith(b"\n"):
            errs.append("%s does not end with newline" % label)
        if b"\r" in b:
            errs.append("%s contains \\r" % label)
    lines = raw.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    if table[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header %r" % table[0])
    rows = table[1:]
    if len(lines) != N_LINES or len(rows) != N_LINES:
        errs.append("line/row count %d/%d" % (len(lines), len(rows)))
    ev_tpl = {}
    counts = {}
    slot_vals = {}
    last_key = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty or not stripped" % i)
        if not line.endswith(content):
            errs.append("row %d raw line does not end with content" % i)
            continue
        header = line[:len(line) - len(content)]
        m = header_re.fullmatch(header)
        if not m:
            errs.append("row %d header %r does not match" % (i, header))
            continue
        key = tuple(int(g) for g in m.groups() if g is not None)
        if last_key is not None and key < last_key:
            errs.append("row %d timestamp goes back" % i)
        last_key = key
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %r" % (i, eid))
            continue
        if ev_tpl.setdefault(eid, tpl) != tpl:
            errs.append("EventId %s has two templates" % eid)
        if tpl != templates[int(eid[1:]) - 1]:
            errs.append("row %d template differs from declaration" % i)
        counts[eid] = counts.get(eid, 0) + 1
        mm = tpl_regex(tpl).fullmatch(content)
        if not mm:
            errs.append("row %d template does not match content" % i)
            continue
        for j, g in enumerate(mm.groups()):
            slot_vals.setdefault((eid, j), set()).add(g)
    if len(set(ev_tpl.values())) != len(ev_tpl):
        errs.append("two EventIds share a template")
    declared = ["E%d" % k for k in range(1, len(templates) + 1)]
    if sorted(ev_tpl, key=lambda e: int(e[1:])) != declared:
        errs.append("events used %s != declared %s" % (sorted(ev_tpl), declared))
    for (eid, j), vs in slot_vals.items():
        if len(vs) < 2:
            errs.append("%s slot %d has a single value %r" % (eid, j, vs))
    c = [counts.get(e, 0) for e in declared]
    if not 12 <= len(declared) <= 15:
        errs.append("%d event types" % len(declared))
    if min(c) < 3:
        errs.append("an event has fewer than 3 lines: %s" % c)
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines: %s" % c)
    med = statistics.median(c)
    if max(c) < 3 * med:
        errs.append("largest %d < 3 x median %s" % (max(c), med))
    return errs, c, med


def main():
    failed = False
    for k, (name, templates, header_re, gen, kind) in enumerate(SYSTEMS, 1):
        rng = random.Random(BASE_SEED * 10 + k)
        rows = gen(rng, Cycler())
        assert len(rows) == N_LINES, (name, len(rows))
        write_system(name, templates, rows)
    for k, (name, templates, header_re, gen, kind) in enumerate(SYSTEMS, 1):
        errs, c, med = check_system(name, templates, header_re)
        status = "OK" if not errs else "FAIL"
        print("%-20s %-10s events=%2d lines=%d max=%d median=%s small(3-10)=%d counts=%s  %s" % (
            name, kind, len(templates), sum(c), max(c), med,
            sum(1 for x in c if 3 <= x <= 10), c, status))
        for e in errs[:20]:
            print("    " + e)
        failed = failed or bool(errs)
    if failed:
        sys.exit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
