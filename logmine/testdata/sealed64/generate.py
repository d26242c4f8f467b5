#!/usr/bin/env python3
"""Sealed 64: generate a blind labelled log corpus for a log template miner.

Python 3 standard library only.  Fully deterministic: no wall clock, no locale,
month and day names come from fixed lists.  Base seed 20270189; system number k
(1..6) uses random.Random(20270189 * 10 + k).  Time is an integer nanosecond
clock on 2026-03-14 UTC.

Running this script writes, for every system, <System>/<System>.log (300 raw
lines) and <System>/<System>.log_structured.csv, then re-reads every file and
self-checks it, printing a per-system summary.  Exit status 1 if a check fails.
"""

import csv
import heapq
import os
import random
import re
import statistics
import sys
from collections import Counter

BASE_SEED = 20270189
N_LINES = 300
OUT_DIR = os.path.dirname(os.path.abspath(__file__))

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday"]

YEAR, MONTH, DAY = 2026, 3, 14

US = 1000
MS = 1000 * US
SEC = 1000 * MS
MINUTE = 60 * SEC
HOUR = 60 * MINUTE


def days_from_civil(y, m, d):
    """Days since 1970-01-01 for a proleptic Gregorian date (integer only)."""
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


DAY0_DAYS = days_from_civil(YEAR, MONTH, DAY)
DAY0_NS = DAY0_DAYS * 86400 * SEC          # 2026-03-14T00:00:00Z
WEEKDAY = WEEKDAYS[(DAY0_DAYS + 3) % 7]     # 1970-01-01 was a Thursday
DATE = "%04d-%02d-%02d" % (YEAR, MONTH, DAY)


# ----------------------------------------------------------------------------
# time formatting
# ----------------------------------------------------------------------------

def tod(ns):
    off = ns - DAY0_NS
    if not 0 <= off < 86400 * SEC:
        raise ValueError("clock left %s: %d" % (DATE, ns))
    s = off // SEC
    return s // 3600, s // 60 % 60, s % 60, off % SEC


def ts_iso_ms(ns):
    h, m, s, f = tod(ns)
    return "%sT%02d:%02d:%02d.%03dZ" % (DATE, h, m, s, f // MS)


def ts_xl(ns):
    h, m, s, _ = tod(ns)
    return "%s %02d:%02d:%02d UTC" % (DATE, h, m, s)


def ts_syslog(ns):
    h, m, s, _ = tod(ns)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[MONTH - 1], DAY, h, m, s)


def ts_epoch_us(ns):
    return "%d.%06d" % (ns // SEC, ns % SEC // US)


def ts_vbox_elapsed(d):
    return "%02d:%02d:%02d.%06d" % (d // HOUR, d // MINUTE % 60,
                                    d // SEC % 60, d % SEC // US)


def ts_rust_duration(d):
    """Rust `{:.6?}` of a std::time::Duration."""
    if d >= SEC:
        q = (d + 500) // 1000
        return "%d.%06ds" % (q // 10 ** 6, q % 10 ** 6)
    if d >= MS:
        return "%d.%06dms" % (d // MS, d % MS)
    if d >= US:
        return "%d.%03d000\u00b5s" % (d // US, d % US)
    return "%d.000000ns" % d


def long_time(ns):
    h, m, s, _ = tod(ns)
    return "%s, %d %s, %d %02d:%02d:%02d" % (WEEKDAY, DAY, MONTHS_LONG[MONTH - 1],
                                             YEAR, h, m, s)


# timestamp parsers used by the self-check (values only need to be ordered)
_HMS = re.compile(r"(\d\d):(\d\d):(\d\d)(?:\.(\d+))?")


def hms_value(text):
    m = _HMS.search(text)
    frac = (m.group(4) or "").ljust(9, "0")
    return ((int(m.group(1)) * 60 + int(m.group(2))) * 60 + int(m.group(3))) * SEC + int(frac)


def rust_duration_value(text):
    m = re.fullmatch(r"(\d+)\.(\d{6})(s|ms|\u00b5s|ns)", text)
    unit = {"s": SEC, "ms": MS, "\u00b5s": US, "ns": 1}[m.group(3)]
    return int(m.group(1)) * unit + int(m.group(2)) * unit // 10 ** 6


# ----------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------

class Cyc:
    """Small pools cycle per (event, slot) key, so every slot takes >= 2 values."""

    def __init__(self, r):
        self.r = r
        self.state = {}

    def __call__(self, key, pool):
        st = self.state.get(key)
        if st is None:
            if len(pool) < 2:
                raise ValueError("pool for %r needs at least two values" % (key,))
            order = list(pool)
            self.r.shuffle(order)
            st = self.state[key] = [order, 0]
        value = st[0][st[1] % len(st[0])]
        st[1] += 1
        return value


def fill(template, values):
    parts = template.split("<*>")
    if len(parts) - 1 != len(values):
        raise ValueError("slot count mismatch for %r: %r" % (template, values))
    out = [parts[0]]
    for value, part in zip(values, parts[1:]):
        out.append(str(value))
        out.append(part)
    return "".join(out)


def template_regex(template):
    pieces = re.split(r"(<\*>)", template)
    return re.compile("".join("(.+?)" if p == "<*>" else re.escape(p) for p in pieces))


def hexs(r, digits):
    return "%0*x" % (digits, r.getrandbits(4 * digits))


def heap_addr(r):
    return "0x55%010x" % (r.getrandbits(36) << 4)


def spaced(n):
    """VirtualBox %'RU64 style: thousands separated by spaces."""
    s = str(n)
    groups = []
    while len(s) > 3:
        groups.insert(0, s[-3:])
        s = s[:-3]
    groups.insert(0, s)
    return " ".join(groups)


def exp_ns(r, mean_ns):
    return int(r.expovariate(1.0 / mean_ns))


# ----------------------------------------------------------------------------
# system container
# ----------------------------------------------------------------------------

class System:
    def __init__(self, k, name, kind, entities, header_re, ts_value):
        self.k = k
        self.name = name
        self.kind = kind            # "simulation" or "shuffle"
        self.entities = entities    # description for the summary / README
        self.r = random.Random(BASE_SEED * 10 + k)
        self.cyc = Cyc(self.r)
        self.header_re_src = header_re
        self.header_re = re.compile(header_re)
        self.ts_value = ts_value
        self.events = []
        self.by_key = {}
        self.records = []
        self.rows = None

    # declaration order defines E1, E2, ...
    def ev(self, key, template, count=None, gen=None):
        if key in self.by_key:
            raise ValueError("duplicate event key %s" % key)
        e = {"key": key, "eid": "E%d" % (len(self.events) + 1),
             "template": template, "count": count, "gen": gen}
        self.events.append(e)
        self.by_key[key] = e
        return e

    def emit(self, ts, key, values, hinfo=None):
        if key not in self.by_key:
            raise KeyError(key)
        self.records.append((ts, len(self.records), key, list(values), hinfo))

    def run_simulation(self, render, post=None):
        recs = sorted(self.records, key=lambda x: (x[0], x[1]))[:N_LINES]
        if len(recs) < N_LINES:
            raise RuntimeError("%s: simulation produced only %d lines" % (self.name, len(recs)))
        if post:
            post(recs)
        self._build(recs, render)

    def run_shuffle(self, start_ns, mean_gap_ns, render):
        keys = []
        for e in self.events:
            keys += [e["key"]] * e["count"]
        if len(keys) != N_LINES:
            raise RuntimeError("%s: counts sum to %d" % (self.name, len(keys)))
        self.r.shuffle(keys)
        t = start_ns
        recs = []
        for i, key in enumerate(keys):
            t += US + exp_ns(self.r, mean_gap_ns)      # forward-only clock
            values, hinfo = self.by_key[key]["gen"](t)
            recs.append((t, i, key, values, hinfo))
        self._build(recs, render)

    def _build(self, recs, render):
        rows = []
        for t, _, key, values, hinfo in recs:
            e = self.by_key[key]
            content = fill(e["template"], values)
            header = render(t, key, hinfo)
            rows.append((header + content, content, e["eid"], e["template"]))
        self.rows = rows

    def write(self):
        d = os.path.join(OUT_DIR, self.name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, self.name + ".log"), "w", encoding="utf-8", newline="") as f:
            for raw, _, _, _ in self.rows:
                f.write(raw + "\n")
        with open(os.path.join(d, self.name + ".log_structured.csv"), "w",
                  encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
            for i, (_, content, eid, tpl) in enumerate(self.rows, 1):
                w.writerow([i, content, eid, tpl])
        return 2


# ============================================================================
# 1. XenXl -- simulation of domains (create, run, shut down, maybe reboot)
# ============================================================================

XL_LIBXL = {
    "create": ("debug", "libxl_create.c", 1660, "do_domain_create"),
    "disk_be": ("debug", "libxl_device.c", 432, "libxl__device_disk_set_backend"),
    "w_reg": ("debug", "libxl_event.c", 636, "libxl__ev_xswatch_register"),
    "w_evt": ("debug", "libxl_event.c", 573, "watchfd_callback"),
    "w_dereg": ("debug", "libxl_event.c", 673, "libxl__ev_xswatch_deregister"),
    "hotplug": ("debug", "libxl_device.c", 1194, "device_hotplug"),
    "child_exit": ("error", "libxl_exec.c", 117, "libxl_report_child_exitstatus"),
    "script_err": ("error", "libxl_device.c", 1237, "device_hotplug_child_death_cb"),
    "ao_done": ("debug", "libxl_event.c", 2032, "libxl__ao_complete"),
}


def build_xen():
    S = System(1, "XenXl", "simulation", "domains (create, device hotplug, run, shutdown, reboot)",
               r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC \[\d+\] "
               r"(?:libxl: (?:debug|info|warning|error): [a-z_]+\.c:\d+:[a-z0-9_]+: )?",
               hms_value)
    E = S.ev
    E("create", "Domain 0:ao <*>: create: how=(nil) callback=(nil) poller=<*>")
    E("disk_be", "Disk vdev=<*>, using backend <*>")
    E("w_reg", "watch w=<*> wpath=<*> token=<*>: register slotnum=<*>")
    E("w_evt", "watch w=<*> wpath=<*> token=<*>: event epath=<*>")
    E("w_dereg", "watch w=<*> wpath=<*> token=<*>: deregister slotnum=<*>")
    E("hotplug", "calling hotplug script: <*> <*>")
    E("child_exit", "<*> [<*>] exited with error status 1")
    E("script_err", "script: <*>")
    E("ao_done", "ao <*>: complete, rc=<*>")
    E("waiting", "Waiting for domain <*> (domid <*>) to die [pid <*>]")
    E("shutdown", "Domain <*> has shut down, reason code <*> <*>")
    E("action", "Action for shutdown reason code <*> is <*>")
    E("cleanup", "Domain <*> needs to be cleaned up: destroying the domain")
    E("exiting", "Done. Exiting now")
    E("rebooting", "Done. Rebooting now")

    r, cyc = S.r, S.cyc
    prefixes = ["web", "db", "mail", "build", "cache", "ci", "ldap", "proxy",
                "vpn", "git", "mon", "bak", "dns", "kafka", "redis", "jump"]
    starts = []
    seq = 0
    t = DAY0_NS + 8 * HOUR + r.randint(0, 3599) * SEC
    for i in range(40):
        t += SEC + exp_ns(r, 75 * SEC)
        name = "%s%02d" % (prefixes[i % len(prefixes)], r.randint(1, 48))
        heapq.heappush(starts, (t, seq, name, r.randint(2200, 31000), 0))
        seq += 1

    shutdown_kinds = [(0, "destroy"), (1, "restart"), (3, "destroy"), (1, "restart")]
    disk_vdevs = [("xvda", 51712), ("xvdb", 51728), ("xvdc", 51744)]
    state = {"domid": r.randint(3, 40), "token": r.randint(0, 40)}

    def new_watch(path):
        state["token"] += 1
        slot = r.randint(1, 9)
        return {"w": heap_addr(r), "path": path, "token": "%d/%x" % (slot, state["token"]),
                "slot": slot}

    while starts:
        t, _, name, pid, generation = heapq.heappop(starts)
        domid = state["domid"]
        state["domid"] += 1

        def em(ts, key, values):
            S.emit(ts, key, values, (pid, XL_LIBXL.get(key)))

        ao = heap_addr(r)
        em(t, "create", [ao, heap_addr(r)])
        devices = []
        for i in range(r.choice([1, 1, 2, 2, 3])):
            vdev, devid = disk_vdevs[i]
            backend = cyc(("disk_be", 1), ["phy", "phy", "qdisk", "tap"])
            t += r.randint(300, 2500) * US
            em(t, "disk_be", [vdev, backend])
            script = None if backend == "qdisk" else "/etc/xen/scripts/block"
            devices.append(("disk", "/local/domain/0/backend/vbd/%d/%d/state" % (domid, devid),
                            script, "add", "remove", vdev))
        for n in range(r.choice([1, 1, 2])):
            devices.append(("vif", "/local/domain/0/backend/vif/%d/%d/state" % (domid, n),
                            "/etc/xen/scripts/vif-bridge", "online", "offline", "vif%d.%d" % (domid, n)))
        fail_at = None
        if cyc(("fail",), [False, False, True, False, True]):
            candidates = [i for i, d in enumerate(devices) if d[2]]
            if candidates:
                fail_at = r.choice(candidates)
        failed = False
        for i, (kind, path, script, up, _down, label) in enumerate(devices):
            t += r.randint(2, 40) * MS
            w = new_watch(path)
            em(t, "w_reg", [w["w"], path, w["token"], w["slot"]])
            if script:
                t += r.randint(100, 1500) * US
                em(t, "hotplug", [script, up])
            if i == fail_at:
                t += r.randint(150, 900) * MS
                child = r.randint(2000, 32000)
                em(t, "child_exit", ["%s %s" % (script, up), child])
                if kind == "vif":
                    reason = cyc(("script_err", "vif"), [
                        "Could not find bridge device xenbr%d" % r.randint(1, 4),
                        "Cannot find device \"%s\"" % label])
                else:
                    reason = cyc(("script_err", "disk"), [
                        "Device /dev/vg_xen/%s-disk does not exist." % name,
                        "File /srv/xen/images/%s.img is read-only, and so I will not mount it read-write in a guest domain." % name,
                        "/dev/drbd%d is mounted in a guest domain, and so cannot be mounted now." % r.randint(0, 9)])
                t += r.randint(50, 900) * US
                em(t, "script_err", [reason])
                t += r.randint(50, 500) * US
                em(t, "w_dereg", [w["w"], path, w["token"], w["slot"]])
                failed = True
                break
            for _ in range(r.choice([1, 1, 1, 2, 2, 3])):
                t += r.randint(20, 700) * MS
                em(t, "w_evt", [w["w"], path, w["token"], path])
            t += r.randint(50, 800) * US
            em(t, "w_dereg", [w["w"], path, w["token"], w["slot"]])
        t += r.randint(1, 30) * MS
        if failed:
            em(t, "ao_done", [ao, "-3"])
            continue
        em(t, "ao_done", [ao, "0"])
        t += r.randint(1, 20) * MS
        em(t, "waiting", [name, domid, pid])

        # run, then shut down
        t += r.randint(30, 300) * SEC + r.randint(0, SEC)
        code, action = cyc(("shutdown", "kind"), shutdown_kinds)
        em(t, "shutdown", [domid, code, "0x%x" % code])
        t += r.randint(100, 900) * US
        em(t, "action", [code, action])
        t += r.randint(100, 900) * US
        em(t, "cleanup", [domid])
        for kind, path, script, _up, down, _label in reversed(devices):
            t += r.randint(5, 60) * MS
            w = new_watch(path)
            em(t, "w_reg", [w["w"], path, w["token"], w["slot"]])
            t += r.randint(20, 500) * MS
            em(t, "w_evt", [w["w"], path, w["token"], path])
            t += r.randint(50, 800) * US
            em(t, "w_dereg", [w["w"], path, w["token"], w["slot"]])
            if script:
                t += r.randint(100, 1500) * US
                em(t, "hotplug", [script, down])
        t += r.randint(5, 80) * MS
        if action == "restart":
            em(t, "rebooting", [])
            heapq.heappush(starts, (t + r.randint(300, 1500) * MS, seq, name, pid, generation + 1))
            seq += 1
        else:
            em(t, "exiting", [])

    def render(ts, key, hinfo):
        pid, lib = hinfo
        head = "%s [%d] " % (ts_xl(ts), pid)
        if lib:
            head += "libxl: %s: %s:%d:%s: " % lib
        return head

    S.run_simulation(render)
    return S


# ============================================================================
# 2. EsxiHostd -- simulation of API sessions issuing tasks
# ============================================================================

def build_hostd():
    S = System(2, "EsxiHostd", "simulation",
               "client sessions (login, property-collector calls, VM tasks, logout) plus a stats collector",
               r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) (?:verbose|info|warning|error) "
               r"hostd\[[0-9A-F]{8}\] \[Originator@6876 sub=[^\s\]]+"
               r"(?: opID=[^\s\]]+)?(?: user=[^\s\]]+)?\] ",
               hms_value)
    E = S.ev
    E("login", "Event <*> : User <*>@<*> logged in as <*>")
    E("logout", "Event <*> : User <*>@<*> logged out (login time: <*>, number of API invocations: <*>, user agent: <*>)")
    E("rejected", "Rejected password for user <*> from <*>")
    E("cannot_login", "Event <*> : Cannot login <*>@<*>")
    E("task_created", "Task Created : <*>")
    E("task_ok", "Task Completed : <*> Status success")
    E("task_err", "Task Completed : <*> Status error")
    E("transition", "State Transition (<*> -> <*>)")
    E("config_update", "Send config update invoked")
    E("powered_on", "Event <*> : <*> on esxi-r3-12.dc2.example.net in ha-datacenter is powered on")
    E("powered_off", "Event <*> : <*> on esxi-r3-12.dc2.example.net in ha-datacenter is powered off")
    E("invoke_done", "Activation [N5Vmomi10ActivationE:<*>] : Invoke done [<*>] on [<*>]")
    E("throw", "Throw <*>")
    E("hostctl", "HostCtl Exception in stats collection.  Turn on 'trivia' log for details")

    r, cyc = S.r, S.cyc
    threads = ["%08X" % (0x2B000B70 + r.getrandbits(20) * 0x1000 % 0x1000000) for _ in range(14)]
    ds = ["5f3a9c1e-8b2d4e60-1a2b-0025b5a1c2d3", "61c04d2a-0e7f13b8-7c41-0025b5a1c2d3"]
    vms = []
    for i, nm in enumerate(["web07", "db02", "app-blue-3", "mail01", "jump01", "ci-runner5",
                            "ldap2", "kafka-b1", "vcsa-lab", "win2k19-ad"]):
        vms.append((r.randint(1, 60) if i else 3, nm,
                    "/vmfs/volumes/%s/%s/%s.vmx" % (ds[i % 2], nm, nm)))
    task_seq = [0]

    def thread():
        return r.choice(threads)

    def opid(kind):
        if kind == "vc":
            return "lro-%d-%s-%02d-%02x" % (r.randint(100000, 999999), hexs(r, 8), r.randint(1, 3), r.getrandbits(8))
        if kind == "ui":
            return "esxui-%s-%s" % (hexs(r, 4), hexs(r, 4))
        return "%s-%02x" % (hexs(r, 8), r.getrandbits(8))

    def em(ts, key, values, level, sub, op=None, user=None):
        S.emit(ts, key, values, (level, thread(), sub, op, user))

    EVT = "\x00EVT\x00"

    def new_task(vmid, method):
        task_seq[0] += 1
        return "haTask-%d-%s-\x00TASK%d\x00" % (vmid, method, task_seq[0])

    tasks = {
        "powerOn": ("vim.VirtualMachine.powerOn",
                    [("VM_STATE_OFF", "VM_STATE_POWERING_ON"), "cfg", ("VM_STATE_POWERING_ON", "VM_STATE_ON")],
                    "powered_on", ("VM_STATE_POWERING_ON", "VM_STATE_OFF"),
                    ["vim.fault.InsufficientResourcesFault", "vim.fault.FileLocked"]),
        "powerOff": ("vim.VirtualMachine.powerOff",
                     [("VM_STATE_ON", "VM_STATE_POWERING_OFF"), ("VM_STATE_POWERING_OFF", "VM_STATE_OFF")],
                     "powered_off", ("VM_STATE_POWERING_OFF", "VM_STATE_ON"),
                     ["vim.fault.InvalidPowerState", "vim.fault.ToolsUnavailable"]),
        "reconfigure": ("vim.VirtualMachine.reconfigure",
                        [("VM_STATE_ON", "VM_STATE_RECONFIGURING"), "cfg", "cfg",
                         ("VM_STATE_RECONFIGURING", "VM_STATE_ON")],
                        None, ("VM_STATE_RECONFIGURING", "VM_STATE_ON"),
                        ["vim.fault.GenericVmConfigFault", "vim.fault.InvalidDeviceSpec"]),
        "createSnapshot": ("vim.VirtualMachine.createSnapshot",
                           [("VM_STATE_ON", "VM_STATE_CREATE_SNAPSHOT"), "cfg",
                            ("VM_STATE_CREATE_SNAPSHOT", "VM_STATE_ON")],
                           None, ("VM_STATE_CREATE_SNAPSHOT", "VM_STATE_ON"),
                           ["vim.fault.SnapshotFault", "vim.fault.FileFault"]),
        "removeSnapshot": ("vim.vm.Snapshot.remove",
                           [("VM_STATE_ON", "VM_STATE_REMOVE_SNAPSHOT"), "cfg",
                            ("VM_STATE_REMOVE_SNAPSHOT", "VM_STATE_ON")],
                           None, ("VM_STATE_REMOVE_SNAPSHOT", "VM_STATE_ON"),
                           ["vim.fault.InvalidState", "vim.fault.FileFault"]),
    }

    def run_task(t, kind, user, opname, vm):
        vmid, vmname, vmx = vm
        method, steps, ev_done, fail_step, faults = tasks[opname]
        op = opid(kind)
        task = new_task(vmid, method)
        sub_vm = "Vmsvc.vm:" + vmx
        em(t, "task_created", [task], "info", "Vimsvc.TaskManager", op, user)
        fail = r.random() < 0.14
        fail_at = r.randrange(len(steps)) if fail else None
        for i, step in enumerate(steps):
            t += r.randint(5, 900) * MS
            if i == fail_at:
                em(t, "transition", list(fail_step), "info", sub_vm, op, user)
                t += r.randint(1, 40) * MS
                em(t, "throw", [cyc(("throw", opname), faults)], "info", "Default", op, user)
                t += r.randint(1, 30) * MS
                em(t, "task_err", [task], "info", "Vimsvc.TaskManager", op, user)
                return t
            if step == "cfg":
                em(t, "config_update", [], "info", sub_vm, op, user)
            else:
                em(t, "transition", list(step), "info", sub_vm, op, user)
        if ev_done:
            t += r.randint(1, 80) * MS
            em(t, ev_done, [EVT, vmname], "info", "Vimsvc.ha-eventmgr", op, user)
        t += r.randint(1, 60) * MS
        em(t, "task_ok", [task], "info", "Vimsvc.TaskManager", op, user)
        return t

    def invoke(t, kind, user, pairs_key, pairs):
        method, mo = cyc(pairs_key, pairs)
        op = opid(kind)
        em(t, "invoke_done", ["0x%016x" % (0xa000000000 + r.getrandbits(36)), method, mo],
           "verbose", "PropertyProvider", op, user)
        if r.random() < 0.05:
            t += r.randint(1, 30) * MS
            em(t, "throw", [cyc(("throw", "pc"), ["vmodl.fault.RequestCanceled",
                                                  "vmodl.fault.ManagedObjectNotFound"])],
               "info", "Default", op, user)
        return t

    pc_session = "vmodl.query.PropertyCollector:session[%s-%s-%s-%s-%s]%s" % (
        hexs(r, 8), hexs(r, 4), hexs(r, 4), hexs(r, 4), hexs(r, 12), hexs(r, 8))
    vc_pairs = [("waitForUpdatesEx", "vmodl.query.PropertyCollector:ha-property-collector"),
                ("waitForUpdatesEx", pc_session),
                ("retrievePropertiesEx", "vmodl.query.PropertyCollector:ha-property-collector"),
                ("waitForUpdatesEx", "vmodl.query.PropertyCollector:ha-property-collector")]
    ui_pairs = [("retrieveContents", "vmodl.query.PropertyCollector:ha-property-collector"),
                ("queryPerf", "vim.PerformanceManager:ha-perfmgr"),
                ("createContainerView", "vim.view.ViewManager:ViewManager"),
                ("waitForUpdatesEx", pc_session)]
    script_pairs = [("retrievePropertiesEx", "vmodl.query.PropertyCollector:ha-property-collector"),
                    ("queryChangedDiskAreas", "vim.VirtualMachine:%d" % vms[1][0]),
                    ("retrieveContents", "vmodl.query.PropertyCollector:ha-property-collector")]

    agents = {
        "vc": ["VMware-client/6.5.0", "VMware VirtualCenter/7.0.3"],
        "ui": ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
               "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0"],
        "script": ["pyvmomi Python/3.10.12 (Linux; 5.15.0-97-generic; x86_64)",
                   "VMware-vim-java/8.0 Java/17.0.9", "govc/0.36.1"],
    }
    users = {"vc": ["vpxuser", "vpxuser"], "ui": ["root", "admin.lee", "ops-jpark"],
             "script": ["svc-backup", "svc-monitor"]}
    ips = {"vc": ["127.0.0.1", "10.40.1.20"], "ui": ["10.40.8.31", "10.40.8.77", "172.20.5.14"],
           "script": ["10.40.3.9", "10.40.3.12"]}

    def session(t, kind):
        user = cyc(("user", kind), users[kind])
        ip = cyc(("ip", kind), ips[kind])
        agent = cyc(("agent", kind), agents[kind])
        t0 = t
        em(t, "login", [EVT, user, ip, agent], "info", "Vimsvc.ha-eventmgr", opid(kind), None)
        calls = 1
        if kind == "vc":
            end = t + r.randint(20, 50) * MINUTE
            while t < end:
                t += SEC + exp_ns(r, 25 * SEC)
                if r.random() < 0.09:
                    t = run_task(t, kind, user, cyc(("op", "vc"), ["powerOn", "powerOff", "reconfigure",
                                                                  "powerOn", "createSnapshot"]),
                                 cyc(("vm", "vc"), vms))
                else:
                    t = invoke(t, kind, user, ("pairs", "vc"), vc_pairs)
                calls += r.randint(1, 4)
        elif kind == "ui":
            for _ in range(r.randint(3, 9)):
                t += SEC + exp_ns(r, 40 * SEC)
                if r.random() < 0.35:
                    t = run_task(t, kind, user, cyc(("op", "ui"), ["powerOn", "powerOff", "reconfigure",
                                                                  "powerOff", "powerOn"]),
                                 cyc(("vm", "ui"), vms))
                else:
                    t = invoke(t, kind, user, ("pairs", "ui"), ui_pairs)
                calls += r.randint(2, 12)
        else:
            vm = cyc(("vm", "script"), vms)
            t += r.randint(1, 4) * SEC
            t = invoke(t, kind, user, ("pairs", "script"), script_pairs)
            t += r.randint(1, 5) * SEC
            t = run_task(t, kind, user, "createSnapshot", vm)
            for _ in range(r.randint(1, 3)):
                t += SEC + exp_ns(r, 20 * SEC)
                t = invoke(t, kind, user, ("pairs", "script"), script_pairs)
            t += r.randint(1, 5) * SEC
            t = run_task(t, kind, user, "removeSnapshot", vm)
            calls += r.randint(8, 40)
        t += r.randint(1, 20) * SEC
        em(t, "logout", [EVT, user, ip, long_time(t0), calls, agent], "info",
           "Vimsvc.ha-eventmgr", opid(kind), user)

    start = DAY0_NS + 9 * HOUR + r.randint(0, 3599) * SEC + r.randint(0, SEC - 1)
    t = start
    session(t, "vc")
    t_vc = start + r.randint(15, 25) * MINUTE
    session(t_vc, "vc")
    t = start
    for _ in range(40):
        t += exp_ns(r, 150 * SEC)
        kind = cyc(("kind",), ["ui", "script", "ui", "script", "bad", "ui"])
        if kind == "bad":
            user = cyc(("bad", "user"), ["root", "admin", "test"])
            ip = cyc(("bad", "ip"), ["10.40.8.99", "192.0.2.77", "10.40.9.3"])
            for _ in range(r.randint(1, 2)):
                em(t, "rejected", [user, ip], "warning", "Default", opid("script"), None)
                t += r.randint(5, 200) * MS
                em(t, "cannot_login", [EVT, user, ip], "info", "Vimsvc.ha-eventmgr", opid("script"), None)
                t += r.randint(2, 9) * SEC
        else:
            session(t, kind)
    t = start
    for _ in range(30):
        t += 10 * SEC + exp_ns(r, 200 * SEC)
        em(t, "hostctl", [], "warning", "Statssvc.vim.PerformanceManager", None, None)

    state = {"evt": r.randint(1000, 9000), "task": r.randint(100000, 900000)}
    task_no = {}
    ph = re.compile(r"\x00(EVT|TASK\d+)\x00")

    def repl(m):
        key = m.group(1)
        if key == "EVT":
            state["evt"] += 1
            return str(state["evt"])
        if key not in task_no:
            state["task"] += r.randint(1, 9)
            task_no[key] = state["task"]
        return str(task_no[key])

    def post(recs):
        for rec in recs:
            vals = rec[3]
            for i, v in enumerate(vals):
                if isinstance(v, str) and "\x00" in v:
                    vals[i] = ph.sub(repl, v)

    def render(ts, key, hinfo):
        level, th, sub, op, user = hinfo
        extra = ""
        if op:
            extra += " opID=" + op
            if user:
                extra += " user=" + user
        return "%s %s hostd[%s] [Originator@6876 sub=%s%s] " % (ts_iso_ms(ts), level, th, sub, extra)

    S.run_simulation(render, post)
    return S


# ============================================================================
# 3. EsxiVmkernel -- seeded shuffle
# ============================================================================

def build_vmkernel():
    S = System(3, "EsxiVmkernel", "shuffle", None,
               r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) cpu\d+:\d+(?: opID=[0-9a-f]{8})?\)"
               r"(?:WARNING: |ALERT: )?[A-Za-z][A-Za-z0-9_]*: (?:[A-Za-z_][A-Za-z0-9_]*:\d+: |\d+: )?",
               hms_value)
    r, cyc = S.r, S.cyc
    naa = ["naa.600508b1001c%s" % hexs(r, 20) for _ in range(3)] + \
          ["naa.60002ac000000000000000%s" % hexs(r, 8) for _ in range(3)]
    paths = ["vmhba2:C0:T1:L4", "vmhba3:C0:T1:L4", "vmhba2:C0:T0:L12", "vmhba64:C0:T2:L0",
             "vmhba3:C0:T3:L7"]
    vmnames = ["web07", "db02", "app-blue-3", "mail01", "kafka-b1", "jump01", "ci-runner5"]
    pgs = ["VM Network", "prod-vlan210", "dmz-vlan30", "backup-vlan44"]
    vol_ids = ["5f3a9c1e-8b2d4e60-1a2b-0025b5a1c2d3", "61c04d2a-0e7f13b8-7c41-0025b5a1c2d3"]

    def world():
        return 2097152 + r.randint(100, 140000)

    def vm_world():
        return 2098000 + r.randint(0, 120000)

    def port():
        return "0x%x" % (0x2000000 + r.randint(3, 60))

    def mac():
        return "00:50:56:%02x:%02x:%02x" % (r.randint(0x80, 0xbf), r.getrandbits(8), r.getrandbits(8))

    def maybe_op():
        return hexs(r, 8) if r.random() < 0.45 else None

    def h(module, loc, warn=False, op=None, w=None):
        return (r.randint(0, 31), w or world(), op, warn, module, loc)

    def g_scsi(t):
        opc, sense = cyc(("scsi", "opc"), [("0x1a", "0x5 0x24 0x0"), ("0x85", "0x5 0x20 0x0"),
                                           ("0x4d", "0x5 0x24 0x0"), ("0x2a", "0x6 0x29 0x0"),
                                           ("0x28", "0x2 0x4 0x3"), ("0x9e", "0x5 0x24 0x0"),
                                           ("0x89", "0xe 0x1d 0x0")])
        src = 0 if r.random() < 0.4 else vm_world()
        return (["0x45%010x" % (r.getrandbits(34) << 6), opc, "0x%x" % r.randint(0x100, 0x3ffff), src,
                 cyc(("scsi", "dev"), naa), sense], h("ScsiDeviceIO", "4325"))

    def g_nmp(t):
        hs, ds, act = cyc(("nmp", "hda"), [("0x0", "0x8", "NONE"), ("0x0", "0x28", "NONE"),
                                           ("0x5", "0x0", "EVAL"), ("0x2", "0x0", "EVAL"),
                                           ("0x7", "0x0", "EVAL"), ("0x8", "0x0", "NONE")])
        return ([cyc(("nmp", "opc"), ["0x2a", "0x28", "0x89", "0x8a", "0x88", "0x2a"]),
                 "0x45%010x" % (r.getrandbits(34) << 6), vm_world(), cyc(("nmp", "dev"), naa),
                 cyc(("nmp", "path"), paths), hs, ds, act],
                h("NMP", "nmp_ThrottleLogForDevice:3689"))

    def g_repeat(t):
        return ([cyc(("rep", "dev"), naa), r.choice([2, 3, 5, 8, 12, 17, 40, 63])],
                h("NMP", "nmp_ResetDeviceLogThrottling:3519"))

    def g_reset_req(t):
        vm = cyc(("vreset", "vm"), vmnames)
        return ([8192 + r.randint(0, 40), cyc(("vreset", "dev"), ["vscsi0:0", "vscsi0:1", "vscsi1:0"]),
                 r.randint(2097000, 2140000), r.choice([0, 0, 1, 2, 4, 9]), "vmm0:" + vm],
                h("VSCSI", "2611", w=vm_world()))

    def g_reset_done(t):
        return ([8192 + r.randint(0, 40), cyc(("vdone", "dev"), ["vscsi0:0", "vscsi0:1", "vscsi1:0"]),
                 r.choice([0, 0, 0, 1, 3])], h("VSCSI", "2613", w=vm_world()))

    def g_cbt_new(t):
        return (["%s-cbt" % hexs(r, 6), r.randint(1040000, 2100000)],
                h("CBT", "1341", op=maybe_op()))

    def g_cbt_close(t):
        return (["%s-cbt" % hexs(r, 6), r.randint(1040000, 2100000)],
                h("CBT", "723", op=maybe_op()))

    def g_connected(t):
        return ([cyc(("conn", "vm"), vmnames), cyc(("conn", "nic"), ["eth0", "eth0", "eth1"]),
                 cyc(("conn", "pg"), pgs), port()], h("Net", "2877", op=maybe_op(), w=vm_world()))

    def g_disconnected(t):
        return ([port()], h("Net", "3354", op=maybe_op(), w=vm_world()))

    def g_enabled(t):
        return ([port(), mac()], h("NetPort", "1426", op=maybe_op(), w=vm_world()))

    def g_disabled(t):
        return ([port()], h("NetPort", "1632", op=maybe_op(), w=vm_world()))

    def g_heartbeat(t):
        return ([r.randint(0, 31), cyc(("hb", "secs"), [7, 8, 9, 14])], h("Heartbeat", "785", warn=True))

    def g_vol3(t):
        src, err = cyc(("vol3", "pair"), [("control", "Not supported"),
                                          (naa[0] + ":1", "Address temporarily unmapped"),
                                          ("control", "Not supported"),
                                          (naa[4] + ":1", "Timeout")])
        return ([src, err], h("Vol3", "2010"))

    def g_apd_in(t):
        return ([cyc(("apd", "in"), naa[3:] + ["/vmfs/volumes/" + vol_ids[1]])],
                h("StorageApdHandler", "1066", warn=True))

    def g_apd_out(t):
        return ([cyc(("apd", "out"), naa[3:] + ["/vmfs/volumes/" + vol_ids[1]])],
                h("StorageApdHandler", "1203"))

    E = S.ev
    E("scsi", 'Cmd(<*>) <*>, CmdSN <*> from world <*> to dev "<*>" failed H:0x0 D:0x2 P:0x0 Valid sense data: <*>.', 84, g_scsi)
    E("nmp", 'Cmd <*> (<*>, <*>) to dev "<*>" on path "<*>" Failed: H:<*> D:<*> P:0x0 Invalid sense data: 0x0 0x0 0x0. Act:<*>', 45, g_nmp)
    E("repeat", "last error status from device <*> repeated <*> times", 12, g_repeat)
    E("reset_req", "handle <*>(<*>):Reset request on FSS handle <*> (<*> outstanding commands) from (<*>)", 9, g_reset_req)
    E("reset_done", "handle <*>(<*>):Completing reset (<*> outstanding commands)", 10, g_reset_done)
    E("cbt_new", "Created device <*> for cbt driver with filehandle <*>", 16, g_cbt_new)
    E("cbt_close", "Disconnecting the cbt device <*> with filehandle <*>", 14, g_cbt_close)
    E("connected", "connected <*> <*> to <*>, portID <*>", 20, g_connected)
    E("disconnected", "disconnected client from port <*>", 18, g_disconnected)
    E("enabled", "enabled port <*> with mac <*>", 30, g_enabled)
    E("disabled", "disabled port <*>", 24, g_disabled)
    E("heartbeat", "PCPU <*> didn't have a heartbeat for <*> seconds; *may* be locked up.", 3, g_heartbeat)
    E("vol3", "Couldn't read volume header from <*>: <*>", 7, g_vol3)
    E("apd_in", "Device or filesystem with identifier [<*>] has entered the All Paths Down state.", 5, g_apd_in)
    E("apd_out", "Device or filesystem with identifier [<*>] has exited the All Paths Down state.", 3, g_apd_out)

    def render(ts, key, hinfo):
        cpu, w, op, warn, module, loc = hinfo
        return "%s cpu%d:%d%s)%s%s: %s" % (ts_iso_ms(ts), cpu, w, " opID=" + op if op else "",
                                          "WARNING: " if warn else "", module,
                                          loc + ": " if loc else "")

    S.run_shuffle(DAY0_NS + 6 * HOUR + r.randint(0, 3599) * SEC, 40 * SEC, render)
    return S


# ============================================================================
# 4. VirtualBoxVm -- seeded shuffle
# ============================================================================

def build_vbox():
    S = System(4, "VirtualBoxVm", "shuffle", None,
               r"(?P<ts>\d\d:\d\d:\d\d\.\d{6}) ", hms_value)
    r, cyc = S.r, S.cyc
    vm_start = DAY0_NS + 7 * HOUR + r.randint(0, 3599) * SEC + r.randint(0, SEC - 1)
    tm = {"total": 0}
    vram0 = 0x7f0000000000 + r.getrandbits(24) * 0x1000
    vram = ["%016x" % vram0, "%016x" % (vram0 + 0x2000000)]

    def g_tm(t):
        lag = r.randint(60000000, 900000000) + r.randint(0, 999999)
        tm["total"] += lag
        return [spaced(lag), spaced(tm["total"])], None

    def g_act(t):
        return [cyc(("act", "win"), [0, 1, 0])], None

    def g_deact(t):
        return [cyc(("deact", "win"), [0, 1, 0])], None

    def g_display(t):
        w, hh = cyc(("disp", "res"), [(1920, 1080), (1280, 800), (1024, 768), (2560, 1440), (800, 600)])
        bpp = cyc(("disp", "bpp"), [32, 32, 32, 16])
        scr = cyc(("disp", "scr"), [0, 0, 1])
        return [scr, vram[scr], w, hh, bpp, "0x%x" % (w * bpp // 8),
                cyc(("disp", "flags"), ["0x0", "0x0", "0x1"]), 0 if scr == 0 else 1920,
                cyc(("disp", "oy"), [0, 0, 0, 120])], None

    def g_state(t):
        return list(cyc(("state", "pair"), [("RUNNING", "SUSPENDING"), ("SUSPENDING", "SUSPENDED"),
                                            ("SUSPENDED", "RESUMING"), ("RESUMING", "RUNNING"),
                                            ("RUNNING", "RUNNING_LS"), ("RUNNING_LS", "RUNNING")])), None

    def g_pit(t):
        count = cyc(("pit", "count"), [1193, 11932, 4972, 1193])
        return [cyc(("pit", "mode"), [2, 3, 2]), "0x%x" % count, count,
                "%.2f" % (1193182.0 / count), cyc(("pit", "ch"), [0, 0, 2])], None

    def g_up(t):
        return [cyc(("up", "nic"), [0, 1])], None

    def g_down(t):
        return [cyc(("down", "nic"), [0, 1])], None

    usb = [("HidMouse", "FullSpeed"), ("HidKeyboard", "FullSpeed"),
           ("Logitech USB Receiver", "FullSpeed"), ("SanDisk Cruzer Blade", "HighSpeed"),
           ("Yubico YubiKey OTP+FIDO+CCID", "FullSpeed"), ("Samsung T7 Shield", "SuperSpeed")]

    def g_attach(t):
        name, speed = cyc(("usb", "att"), usb)
        return [name, r.randint(1, 8), 1 if speed == "SuperSpeed" else 0, speed], None

    def g_detach(t):
        name, speed = cyc(("usb", "det"), usb)
        return [name, r.randint(1, 8), 1 if speed == "SuperSpeed" else 0], None

    def g_caps(t):
        old, new = cyc(("caps", "mask"), [("0x00000000", "0x00000005"), ("0x00000005", "0x00000004"),
                                          ("0x00000004", "0x00000005"), ("0x00000005", "0x00000007"),
                                          ("0x00000007", "0x00000001")])
        n = int(new, 16)
        return [old, new, "yes" if n & 1 else "no", "yes" if n & 2 else "no",
                "yes" if n & 4 else "no"], None

    def g_aio(t):
        f, flags = cyc(("aio", "file"), [
            ("/home/mreyes/VirtualBox VMs/ubuntu-dev/ubuntu-dev.vdi", "000c0781"),
            ("/home/mreyes/VirtualBox VMs/ubuntu-dev/Snapshots/{%s-%s-%s-%s-%s}.vdi" % (
                hexs(r, 8), hexs(r, 4), hexs(r, 4), hexs(r, 4), hexs(r, 12)), "000c0781"),
            ("/home/mreyes/Downloads/ubuntu-24.04-desktop-amd64.iso", "000c0723")])
        return [f, flags], None

    def g_dhcp(t):
        return [cyc(("dhcp", "ip"), ["10.0.2.15", "10.0.3.15"])], None

    def g_ahci(t):
        return [cyc(("ahci", "port"), [0, 1, 2])], None

    E = S.ev
    E("aio", "AIOMgr: Endpoint for file '<*>' (flags <*>) created successfully", 6, g_aio)
    E("usb_att", "VUSB: Attached '<*>' to port <*> on RootHub#<*> (<*>)", 11, g_attach)
    E("usb_det", "VUSB: Detached '<*>' from port <*> on RootHub#<*>", 9, g_detach)
    E("state", "Changing the VM state from '<*>' to '<*>'", 20, g_state)
    E("win_act", "GUI: Machine-window #<*> activated", 40, g_act)
    E("win_deact", "GUI: Machine-window #<*> deactivated", 38, g_deact)
    E("dhcp", "NAT: DHCP offered IP address <*>", 4, g_dhcp)
    E("tm", "TM: Giving up catch-up attempt at a <*> ns lag; new total: <*> ns", 91, g_tm)
    E("pit", "PIT: mode=<*> count=<*> (<*>) - <*> Hz (ch=<*>)", 18, g_pit)
    E("display", "Display::i_handleDisplayResize: uScreenId=<*> pvVRAM=<*> w=<*> h=<*> bpp=<*> cbLine=<*> flags=<*> origin=<*>,<*>", 24, g_display)
    E("link_up", "E1000#<*>: Link is up", 15, g_up)
    E("link_down", "E1000#<*>: Link is down temporarily", 13, g_down)
    E("caps", "VMMDev: Guest Additions capability report: (<*> -> <*>) seamless: <*>, hostWindowMapping: <*>, graphics: <*>", 8, g_caps)
    E("ahci", "AHCI#0: Port <*> reset", 3, g_ahci)

    def render(ts, key, hinfo):
        return ts_vbox_elapsed(ts - vm_start) + " "

    S.run_shuffle(vm_start + 2 * SEC + r.randint(0, SEC), 22 * SEC, render)
    return S


# ============================================================================
# 5. QemuGuestAgent -- simulation of host-side sessions against several guests
# ============================================================================

def build_qga():
    S = System(5, "QemuGuestAgent", "simulation",
               "host-side agent sessions (monitoring exec polls, file transfers, "
               "fsfreeze backup jobs, CI runner reboots) against four guests",
               r"(?P<ts>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) [a-z0-9-]+ qemu-ga\[\d+\]: "
               r"(?:\d{10}\.\d{6}: )?(?:error|critical|warning|message|info|debug): ",
               hms_value)
    E = S.ev
    E("open", "guest-file-open called, filepath: <*>, mode: <*>")
    E("open_h", "guest-file-open, handle: <*>")
    E("close", "guest-file-close called, handle: <*>")
    E("exec", 'guest-exec called: "<*>"')
    E("freeze", "guest-fsfreeze called")
    E("hook", "executing fsfreeze hook with arg '<*>'")
    E("thaw", "guest-fsfreeze-thaw called")
    E("mk_fail", "unable to create /var/run/qga.state.isfrozen, fsfreeze may not function properly")
    E("rm_fail", "unable to delete /var/run/qga.state.isfrozen, fsfreeze may not function properly")
    E("rd_err", "error reading from channel: <*>")
    E("send_err", "error sending response: <*>")
    E("shutdown", "guest-shutdown called, mode: <*>")

    r, cyc = S.r, S.cyc
    guests = ["web07", "db02", "app-blue-3", "ci-runner5"]
    boots = {g: [(0, r.randint(380, 1900))] for g in guests}   # (from_ns, pid)
    file_guest = {}
    nfile = [0]

    def em(ts, key, values, guest, level="info", stderr=False):
        # sub-millisecond jitter; every in-session step is >= 200 us, so order holds
        S.emit(ts + r.randint(0, 150) * US, key, values, (guest, level, stderr))

    def end_session(t, guest):
        x = r.random()
        if x < 0.06:
            t += r.randint(1, 900) * MS
            em(t, "rd_err", [cyc(("rd_err", 1), ["Connection reset by peer", "Input/output error",
                                                  "Resource temporarily unavailable"])],
               guest, "warning", True)
        elif x < 0.095:
            t += r.randint(1, 900) * MS
            em(t, "send_err", [cyc(("send_err", 1), ["Broken pipe", "Input/output error"])],
               guest, "critical", True)
        return t

    start = DAY0_NS + 10 * HOUR + r.randint(0, 3599) * SEC + r.randint(0, SEC - 1)
    horizon = start + 3 * HOUR

    # monitoring polls: every guest roughly once a minute, 1-3 commands
    cmds = {
        "web07": ["/usr/bin/systemctl is-active nginx.service", "/bin/cat /proc/loadavg",
                  "/usr/bin/df -P -k /var/www", "/usr/bin/free -b"],
        "db02": ["/bin/cat /proc/loadavg", "/usr/bin/df -P -k /var/lib/postgresql",
                 "/usr/bin/pg_isready -q -t 5", "/usr/bin/free -b"],
        "app-blue-3": ["/usr/bin/systemctl is-active app-blue.service", "/bin/cat /proc/loadavg",
                       "/usr/bin/curl -fsS http://127.0.0.1:8080/healthz", "/usr/bin/free -b"],
        "ci-runner5": ["/bin/cat /proc/loadavg", "/usr/bin/df -P -k /builds",
                       "/usr/bin/pgrep -c gitlab-runner"],
    }
    for g in guests:
        t = start + r.randint(0, 59) * SEC
        while t < horizon:
            tt = t
            for _ in range(r.choice([1, 1, 2, 2, 3])):
                tt += r.randint(20, 1500) * MS
                em(tt, "exec", [cyc(("exec", g), cmds[g])], g)
            end_session(tt, g)
            t += r.randint(45, 75) * SEC

    # file transfer sessions
    files = {
        "web07": [("/var/log/nginx/error.log", "r"), ("/etc/nginx/sites-enabled/default", "r"),
                  ("/tmp/qga-push-%s.sh" % hexs(r, 4), "w")],
        "db02": [("/var/log/postgresql/postgresql-15-main.log", "r"), ("/etc/os-release", "r"),
                 ("/var/backups/pg/base-%s.tar.zst" % hexs(r, 6), "rb")],
        "app-blue-3": [("/etc/hostname", "r"), ("/opt/app-blue/config/release.json", "w"),
                       ("/var/log/app-blue/app.log", "r")],
        "ci-runner5": [("/builds/artifacts/job-%d.tar.gz" % r.randint(40000, 90000), "rb"),
                       ("/etc/gitlab-runner/config.toml", "r"), ("/tmp/qga-push-%s.sh" % hexs(r, 4), "wb")],
    }
    t = start
    while t < horizon:
        t += 5 * SEC + exp_ns(r, 100 * SEC)
        g = cyc(("copy", "guest"), guests)
        tt = t
        for _ in range(r.choice([1, 2, 2, 3, 4])):
            path, mode = cyc(("copy", g), files[g])
            nfile[0] += 1
            key = "\x00H%d\x00" % nfile[0]
            file_guest[key] = g
            em(tt, "open", [path, mode], g)
            tt += r.randint(200, 3000) * US
            em(tt, "open_h", [key], g)
            tclose = tt + r.randint(150, 20000) * MS
            em(tclose, "close", [key], g)
            tt = tclose + r.randint(20, 900) * MS if r.random() < 0.7 else tt + r.randint(50, 400) * MS
        end_session(tt, g)

    # fsfreeze backup jobs: db02 every round, plus one other guest
    t = start + r.randint(30, 120) * SEC
    while t < horizon:
        for g in ["db02", cyc(("backup", "other"), ["web07", "app-blue-3"])]:
            tt = t + r.randint(0, 90) * SEC
            em(tt, "freeze", [], g)
            tt += r.randint(1, 40) * MS
            em(tt, "hook", ["freeze"], g)
            if g == "db02":
                tt += r.randint(5, 900) * MS
                em(tt, "mk_fail", [], g, "warning", True)
            tt += r.randint(2, 12) * SEC
            em(tt, "thaw", [], g)
            tt += r.randint(1, 40) * MS
            em(tt, "hook", ["thaw"], g)
            if g == "db02":
                tt += r.randint(5, 900) * MS
                em(tt, "rm_fail", [], g, "warning", True)
        t += r.randint(360, 480) * SEC

    # CI runner: the runner is rebooted (or powered down and restarted by the host) after jobs
    t = start + r.randint(100, 300) * SEC
    while t < horizon:
        mode = cyc(("shutdown", "mode"), ["reboot", "powerdown", "reboot"])
        em(t, "shutdown", [mode], "ci-runner5")
        boots["ci-runner5"].append((t + r.randint(25, 80) * SEC, r.randint(380, 1900)))
        t += r.randint(300, 600) * SEC

    def pid_for(guest, ts):
        pid = boots[guest][0][1]
        for since, p in boots[guest]:
            if ts >= since:
                pid = p
        return pid

    counters = {g: r.randint(1000, 4000) for g in guests}
    handles = {}

    def post(recs):
        for rec in recs:
            vals = rec[3]
            for i, v in enumerate(vals):
                if isinstance(v, str) and v.startswith("\x00H"):
                    if v not in handles:
                        g = file_guest[v]
                        counters[g] += 1
                        handles[v] = counters[g]
                    vals[i] = handles[v]

    def render(ts, key, hinfo):
        guest, level, stderr = hinfo
        head = "%s %s qemu-ga[%d]: " % (ts_syslog(ts), guest, pid_for(guest, ts))
        if stderr:
            head += ts_epoch_us(ts) + ": "
        return head + level + ": "

    S.run_simulation(render, post)
    return S


# ============================================================================
# 6. CloudHypervisor -- seeded shuffle
# ============================================================================

def build_ch():
    S = System(6, "CloudHypervisor", "shuffle", None,
               r"cloud-hypervisor: (?P<ts>\d+\.\d{6}(?:s|ms|\u00b5s|ns)): <[A-Za-z0-9_-]+> "
               r"(?:ERROR|WARN|INFO|DEBUG|TRACE):[a-z0-9_/-]+\.rs:\d+ -- ",
               rust_duration_value)
    r, cyc = S.r, S.cyc
    vmm_start = DAY0_NS + 5 * HOUR + r.randint(0, 3599) * SEC + r.randint(0, SEC - 1)

    def vcpu():
        return "vcpu%d" % r.randint(0, 3)

    def g_api(t):
        return [cyc(("api", 1), [
            "VmInfo(Sender { .. })", "VmCounters(Sender { .. })", "VmmPing(Sender { .. })",
            "VmInfo(Sender { .. })", "VmPause(Sender { .. })", "VmResume(Sender { .. })",
            "VmResize(VmResizeData { desired_vcpus: Some(4), desired_ram: None, desired_balloon: None }, Sender { .. })",
            "VmInfo(Sender { .. })", "VmCounters(Sender { .. })",
            "VmResize(VmResizeData { desired_vcpus: None, desired_ram: Some(8589934592), desired_balloon: None }, Sender { .. })"])], \
            ("vmm", "INFO", "vmm/src/lib.rs", 1742)

    def g_mmio_r(t):
        return ["0x%x" % cyc(("mmio_r", 1), [0xfed40000, 0xfee00300, 0xd0000000 + r.getrandbits(12) * 8,
                                             0xfec00000 + r.getrandbits(8) * 4])], \
            (vcpu(), "WARN", "vmm/src/cpu.rs", 1035)

    def g_mmio_w(t):
        return ["0x%x" % cyc(("mmio_w", 1), [0xfed40000, 0xfed40f00, 0xd0001000 + r.getrandbits(12) * 8,
                                             0xfee000b0])], \
            (vcpu(), "WARN", "vmm/src/cpu.rs", 1049)

    def g_blk_err(t):
        return [cyc(("blk_err", 1), [
            'ExecuteRequest(Write(Os { code: 28, kind: StorageFull, message: "No space left on device" }))',
            'ExecuteRequest(Read(Os { code: 5, kind: Uncategorized, message: "Input/output error" }))',
            "GetHostAddress(InvalidGuestAddress(GuestAddress(%d)))" % (r.getrandbits(36) * 4096),
            'ExecuteRequest(Flush(Os { code: 5, kind: Uncategorized, message: "Input/output error" }))'])], \
            (cyc(("blk_err", "thr"), ["_disk0", "_disk1", "_disk2"]), "ERROR", "virtio-devices/src/block.rs", 176)

    disk_paths = ["/var/lib/ch/images/web07-root.raw", "/var/lib/ch/images/web07-data.qcow2",
                  "/var/lib/ch/images/cloud-init-%s.img" % hexs(r, 6), "/dev/mapper/vg0-web07--scratch"]

    def g_disk(t):
        return [cyc(("disk", "path"), disk_paths), cyc(("disk", "ro"), ["false", "false", "true"]),
                cyc(("disk", "q"), [1, 2, 4]), cyc(("disk", "id"), ["_disk0", "_disk1", "_disk2", "_disk3"])], \
            ("vmm", "INFO", "vmm/src/device_manager.rs", 2366)

    def g_net(t):
        idx = r.randint(0, 7)
        mac = [0x52, 0x54, 0x00, r.getrandbits(8), r.getrandbits(8), r.getrandbits(8)]
        return ["vmtap%d" % idx, "192.168.%d.1" % cyc(("net", "subnet"), [249, 250, 100]),
                "MacAddr { bytes: [%s] }" % ", ".join(str(b) for b in mac),
                cyc(("net", "id"), ["_net1", "_net2", "_net3"])], \
            ("vmm", "INFO", "vmm/src/device_manager.rs", 2610)

    def g_vcpu_new(t):
        return [cyc(("vcpu_new", 1), [0, 1, 2, 3, 4, 5, 6, 7])], ("vmm", "INFO", "vmm/src/cpu.rs", 392)

    def g_mem(t):
        size = cyc(("mem", "size"), [1073741824, 2147483648, 536870912, 4294967296])
        return [size, "0x%x" % cyc(("mem", "addr"), [0x100000000, 0x140000000, 0x180000000, 0x200000000])], \
            ("vmm", "INFO", "vmm/src/memory_manager.rs", 1417)

    def g_tx(t):
        return [cyc(("tx", 1), [
            'NetQueuePair(TapWrite(Os { code: 5, kind: Uncategorized, message: "Input/output error" }))',
            'NetQueuePair(TapWrite(Os { code: 11, kind: WouldBlock, message: "Resource temporarily unavailable" }))',
            "NetQueuePair(QueueIteratorFailed(InvalidChain))"])], \
            (cyc(("tx", "thr"), ["_net1", "_net2"]), "ERROR", "virtio-devices/src/net.rs", 301)

    def g_unplug(t):
        return [cyc(("unplug", 1), ["_disk3", "_net2", "_vsock0", "_disk2", "_net3"])], \
            ("vmm", "INFO", "vmm/src/device_manager.rs", 4113)

    def g_activate(t):
        return [cyc(("act", 1), ["_disk0", "_disk1", "_net1", "_rng", "_console", "_balloon", "_net2"])], \
            (vcpu(), "INFO", "virtio-devices/src/transport/pci_device.rs", 1094)

    def g_reset(t):
        return [cyc(("reset", 1), ["_disk0", "_net1", "_rng", "_balloon", "_console"])], \
            (vcpu(), "INFO", "virtio-devices/src/transport/pci_device.rs", 1127)

    def g_vcpu_err(t):
        return [cyc(("vcpu_err", 1), ["VcpuUnhandledKvmExit", "VcpuRun(Errno(4))",
                                      "VcpuRun(Errno(14))"])], \
            (vcpu(), "ERROR", "vmm/src/cpu.rs", 1179)

    E = S.ev
    E("api", "API request event: <*>", 95, g_api)
    E("mmio_r", "Guest MMIO read to unregistered address <*>", 30, g_mmio_r)
    E("mmio_w", "Guest MMIO write to unregistered address <*>", 25, g_mmio_w)
    E("blk_err", "Request failed: <*>", 10, g_blk_err)
    E("disk", 'Creating virtio-block device: DiskConfig { path: Some("<*>"), readonly: <*>, direct: true, iommu: false, num_queues: <*>, queue_size: 128, vhost_user: false, vhost_socket: None, rate_limiter_config: None, id: Some("<*>"), disable_io_uring: false, pci_segment: 0 }', 13, g_disk)
    E("net", 'Creating virtio-net device: NetConfig { tap: Some("<*>"), ip: <*>, mask: 255.255.255.0, mac: <*>, host_mac: None, mtu: None, iommu: false, num_queues: 2, queue_size: 256, vhost_user: false, vhost_socket: None, id: Some("<*>"), pci_segment: 0 }', 11, g_net)
    E("vcpu_new", "Creating vCPU: cpu_id = <*>", 20, g_vcpu_new)
    E("mem", "Hotplugging memory region of <*> bytes at <*>", 9, g_mem)
    E("tx", "Error processing TX queue: <*>", 6, g_tx)
    E("unplug", "Unplugging device <*>", 17, g_unplug)
    E("activate", "Activating virtio device <*>", 45, g_activate)
    E("reset", "Resetting virtio device <*>", 15, g_reset)
    E("vcpu_err", "VCPU generated error: <*>", 4, g_vcpu_err)

    def render(ts, key, hinfo):
        thread, level, path, line = hinfo
        return "cloud-hypervisor: %s: <%s> %s:%s:%d -- " % (ts_rust_duration(ts - vmm_start), thread,
                                                           level, path, line)

    S.run_shuffle(vmm_start + r.randint(20, 900) * MS, 35 * SEC, render)
    return S


# ============================================================================
# self-check
# ============================================================================

class CheckError(Exception):
    pass


def check_system(S):
    def need(cond, msg):
        if not cond:
            raise CheckError("%s: %s" % (S.name, msg))

    d = os.path.join(OUT_DIR, S.name)
    with open(os.path.join(d, S.name + ".log"), "r", encoding="utf-8", newline="") as f:
        text = f.read()
    need(text.endswith("\n"), "log does not end with newline")
    need("\r" not in text, "log contains CR")
    lines = text[:-1].split("\n")
    need(len(lines) == N_LINES, "log has %d lines" % len(lines))

    with open(os.path.join(d, S.name + ".log_structured.csv"), "r", encoding="utf-8", newline="") as f:
        ctext = f.read()
    need(ctext.endswith("\n"), "csv does not end with newline")
    need("\r" not in ctext, "csv contains CR")
    rows = list(csv.reader(ctext.splitlines(True)))
    need(rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], "bad csv header")
    rows = rows[1:]
    need(len(rows) == N_LINES, "csv has %d rows" % len(rows))

    declared = [e["eid"] for e in S.events]
    tpl_of = {}
    slot_values = {}
    last_ts = None
    counts = Counter()
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        need(len(row) == 4, "row %d has %d columns" % (i, len(row)))
        line_id, content, eid, tpl = row
        need(line_id == str(i), "row %d LineId %r" % (i, line_id))
        need(content and content == content.strip(), "row %d content empty or not stripped" % i)
        need("\n" not in content, "row %d content has newline" % i)
        need(line.endswith(content), "line %d does not end with its content" % i)
        header = line[:len(line) - len(content)]
        m = S.header_re.fullmatch(header)
        need(m is not None, "line %d header %r does not match" % (i, header))
        ts = S.ts_value(m.group("ts"))
        need(last_ts is None or ts >= last_ts, "line %d timestamp goes back" % i)
        last_ts = ts
        need(re.fullmatch(r"E\d+", eid) is not None, "row %d bad EventId %r" % (i, eid))
        need(eid in declared, "row %d undeclared EventId %s" % (i, eid))
        if eid in tpl_of:
            need(tpl_of[eid] == tpl, "EventId %s has two templates" % eid)
        else:
            tpl_of[eid] = tpl
        need(tpl == S.by_key[S.events[declared.index(eid)]["key"]]["template"],
             "row %d template differs from declaration" % i)
        mm = template_regex(tpl).fullmatch(content)
        need(mm is not None, "row %d content does not match its template" % i)
        for j, v in enumerate(mm.groups()):
            slot_values.setdefault((eid, j), set()).add(v)
        counts[eid] += 1

    need(len(set(tpl_of.values())) == len(tpl_of), "two EventIds share a template")
    need(set(counts) == set(declared), "declared events unused: %s" % sorted(set(declared) - set(counts)))
    for e in S.events:
        n = e["template"].count("<*>")
        for j in range(n):
            vals = slot_values.get((e["eid"], j), set())
            need(len(vals) >= 2, "%s slot %d takes only %r" % (e["eid"], j + 1, sorted(vals)))
    need(12 <= len(declared) <= 15, "%d event types" % len(declared))
    cs = sorted(counts.values())
    med = statistics.median(cs)
    need(cs[0] >= 3, "an event has fewer than 3 lines: %s" % dict(counts))
    need(sum(1 for c in cs if 3 <= c <= 10) >= 3, "fewer than 3 events with 3-10 lines: %s" % dict(counts))
    need(cs[-1] >= 3 * med, "largest %d < 3 x median %s" % (cs[-1], med))
    return counts, med


BUILDERS = [build_xen, build_hostd, build_vmkernel, build_vbox, build_qga, build_ch]


def main():
    systems = []
    nfiles = 0
    for build in BUILDERS:
        S = build()
        nfiles += S.write()
        systems.append(S)
    ok = True
    print("Sealed 64 (seed %d), %d data files written under %s" % (BASE_SEED, nfiles, OUT_DIR))
    for S in systems:
        try:
            counts, med = check_system(S)
        except CheckError as exc:
            ok = False
            print("FAIL %s" % exc)
            continue
        cs = sorted(counts.values())
        print("ok   %-15s %-10s lines=%d events=%d min=%d median=%s max=%d small(3-10)=%d" % (
            S.name, S.kind, N_LINES, len(counts), cs[0], med, cs[-1],
            sum(1 for c in cs if 3 <= c <= 10)))
        print("     counts: " + " ".join("%s=%d" % (e["eid"], counts[e["eid"]]) for e in S.events))
    if not ok:
        print("self-check FAILED")
        return 1
    print("self-check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
