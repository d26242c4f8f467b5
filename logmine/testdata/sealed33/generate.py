#!/usr/bin/env python3
"""Sealed 33 corpus generator.

Python 3 standard library only and fully deterministic: no wall clock, no
locale, no hash-order dependence.  Base seed 20270125; system k (1..6) uses
random.Random(20270125 * 10 + k).  Time is an integer nanosecond clock on
2026-03-14 UTC.  Running the script writes every corpus file and then
self-checks them, printing a per-system summary.
"""
import base64
import csv
import hashlib
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270125
HERE = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
SEC = 1_000_000_000
MS = 1_000_000
US = 1_000
DAY_NS = 86400 * SEC
N_LINES = 300


# --------------------------------------------------------------------------
# clock helpers (integer nanoseconds since 2026-03-14 00:00:00 UTC)
# --------------------------------------------------------------------------
def at(h, m, s=0):
    return ((h * 60 + m) * 60 + s) * SEC


def split_clock(ns):
    if not 0 <= ns < DAY_NS:
        raise ValueError("clock left 2026-03-14: %d" % ns)
    s, frac = divmod(ns, SEC)
    h, rem = divmod(s, 3600)
    mi, se = divmod(rem, 60)
    return h, mi, se, frac


def ts_journal(ns):
    h, mi, se, _ = split_clock(ns)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[MONTH - 1], DAY, h, mi, se)


def ts_tuned(ns):
    h, mi, se, frac = split_clock(ns)
    return "%04d-%02d-%02d %02d:%02d:%02d,%03d" % (YEAR, MONTH, DAY, h, mi, se, frac // MS)


def ts_samba(ns):
    h, mi, se, frac = split_clock(ns)
    return "%04d/%02d/%02d %02d:%02d:%02d.%06d" % (YEAR, MONTH, DAY, h, mi, se, frac // US)


def exp_gap(rng, mean_s, floor_ms=1):
    """Exponential gap in ns with a small floor so the clock always moves."""
    return max(floor_ms * MS, int(rng.expovariate(1.0 / mean_s) * SEC))


def b64hash(text):
    return base64.b64encode(hashlib.sha256(text.encode("ascii")).digest()).decode("ascii")


# --------------------------------------------------------------------------
# system container
# --------------------------------------------------------------------------
class System:
    def __init__(self, k, name, kind, header_re, ts_re, ts_parse):
        self.k = k
        self.name = name
        self.kind = kind
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.events = []          # keys in declaration order -> E1, E2, ...
        self.tpl = {}
        self.cyc = {}
        self.rows = []            # (header, content, key)
        self.header_re = header_re
        self.ts_re = ts_re        # regex on the header; no match = no timestamp
        self.ts_parse = ts_parse  # match -> comparable tuple

    def ev(self, key, template):
        if key in self.tpl:
            raise ValueError("duplicate event key " + key)
        self.events.append(key)
        self.tpl[key] = template

    def pick(self, key, slot, pool):
        """Small pools cycle per (event, slot), starting at a seeded offset."""
        i = self.cyc.get((key, slot))
        if i is None:
            i = self.rng.randrange(len(pool))
        self.cyc[(key, slot)] = i + 1
        return pool[i % len(pool)]

    def content(self, key, vals):
        parts = self.tpl[key].split("<*>")
        if len(parts) != len(vals) + 1:
            raise ValueError("%s/%s: %d values for %d slots" % (self.name, key, len(vals), len(parts) - 1))
        out = [parts[0]]
        for v, p in zip(vals, parts[1:]):
            out.append(str(v))
            out.append(p)
        return "".join(out)

    def add(self, header, key, vals):
        self.rows.append((header, self.content(key, vals), key))

    def eid(self, key):
        return "E%d" % (self.events.index(key) + 1)


def journal_header_re(prog):
    return (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 0-3]\d "
            r"\d{2}:\d{2}:\d{2} [a-z0-9][a-z0-9.-]* " + re.escape(prog) + r"\[\d+\]: ")


JOURNAL_TS_RE = r"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([ 0-3]\d) (\d{2}):(\d{2}):(\d{2}) "


def journal_ts_parse(m):
    return (MONTHS.index(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4)), int(m.group(5)))


def jhdr(ns, host, prog, pid):
    return "%s %s %s[%d]: " % (ts_journal(ns), host, prog, pid)


def shuffle_stamp(S, items, start_ns, mean_gap_s):
    """Seeded shuffle of a fixed multiset, stamped by a forward-only clock."""
    S.rng.shuffle(items)
    t = start_ns
    out = []
    for it in items:
        t += exp_gap(S.rng, mean_gap_s)
        out.append((t, it))
    return out


# ==========================================================================
# 1. Polkitd -- simulation (login sessions with agents, ssh tty agents,
#    daemon restarts and rule reloads), journal short format
# ==========================================================================
def build_polkitd():
    S = System(1, "Polkitd", "simulation", journal_header_re("polkitd"), JOURNAL_TS_RE, journal_ts_parse)
    r = S.rng
    ev = S.ev
    ev("started", "started daemon version <*> using authority implementation `local' version `<*>'")
    ev("loading", "Loading rules from directory <*>")
    ev("finished", "Finished loading, compiling and executing <*> rules")
    ev("acquired", "Acquired the name org.freedesktop.PolicyKit1 on the system bus")
    ev("reloading", "Reloading rules")
    ev("gc", "Collecting garbage unconditionally...")
    ev("reg", "Registered Authentication Agent for <*> (system bus name <*> [<*>], object path "
              "/org/freedesktop/PolicyKit1/AuthenticationAgent, locale <*>)")
    ev("unreg_disc", "Unregistered Authentication Agent for <*> (system bus name <*>, object path "
                     "/org/freedesktop/PolicyKit1/AuthenticationAgent, locale <*>) (disconnected from bus)")
    ev("unreg", "Unregistered Authentication Agent for <*> (system bus name <*>, object path "
                "/org/freedesktop/PolicyKit1/AuthenticationAgent, locale <*>)")
    ev("auth_temp", "Operator of <*> successfully authenticated as <*> to gain TEMPORARY authorization "
                    "for action <*> for <*> [<*>] (owned by <*>)")
    ev("auth_once", "Operator of <*> successfully authenticated as <*> to gain ONE-SHOT authorization "
                    "for action <*> for <*> [<*>] (owned by <*>)")
    ev("auth_fail", "Operator of <*> FAILED to authenticate to gain authorization for action <*> "
                    "for <*> [<*>] (owned by <*>)")
    ev("audit", "/etc/polkit-1/rules.d/60-audit.rules:6: action=<*> user=<*> local=<*> active=<*>")
    ev("jserr", "Error converting subject to JS object: Process <*> terminated")

    host = "ws-ops12"
    T0 = at(6, 47, 12) + r.randrange(SEC)
    D = 6 * 3600 * SEC
    items = []
    counter = [0]

    def entity():
        counter[0] += 1
        e = counter[0]
        seq = [0]

        def put(ns, key, *vals):
            seq[0] += 1
            items.append((ns, e, seq[0], key, list(vals)))
        return put

    def bus_name(ns):
        return ":1.%d" % (31 + (ns - T0) // (9 * SEC) + r.randrange(4))

    # daemon schedule
    starts = [T0,
              T0 + int(D * 0.29) + r.randrange(600) * SEC,
              T0 + int(D * 0.55) + r.randrange(600) * SEC]
    versions = ["122", "122", "123"]
    pids = [1187, r.randint(38000, 46000), r.randint(52000, 64000)]

    def pid_at(ns):
        p = pids[0]
        for s, pp in zip(starts, pids):
            if ns >= s:
                p = pp
        return p

    users = [("mkovacs", True, "en_US.UTF-8"), ("tnguyen", False, "en_US.UTF-8"),
             ("rfarouk", True, "en_GB.UTF-8"), ("opetrova", False, "de_DE.UTF-8"),
             ("hsaito", True, "en_US.UTF-8"), ("jdelacroix", False, "fr_FR.UTF-8")]
    admins = [u[0] for u in users if u[1]]
    agents = ["/usr/bin/gnome-shell", "/usr/libexec/polkit-kde-authentication-agent-1",
              "/usr/libexec/polkit-mate-authentication-agent-1", "/usr/bin/gnome-shell", "/usr/bin/lxpolkit"]
    gui_actions = [
        ("org.freedesktop.NetworkManager.network-control", None, None),
        ("org.freedesktop.udisks2.filesystem-mount", None, None),
        ("org.freedesktop.color-manager.create-device", None, None),
        ("org.freedesktop.packagekit.system-sources-refresh", None, None),
        ("org.freedesktop.login1.suspend", None, None),
        ("org.freedesktop.Flatpak.appstream-update", None, None),
        ("org.freedesktop.packagekit.package-install", "temp", "/usr/bin/gnome-software --gapplication-service"),
        ("org.freedesktop.udisks2.encrypted-unlock-system", "temp", "/usr/bin/nautilus --gapplication-service"),
        ("org.freedesktop.timedate1.set-timezone", "temp", "/usr/bin/gnome-control-center"),
        ("org.freedesktop.NetworkManager.settings.modify.system", "temp", "/usr/bin/nm-connection-editor"),
        ("org.freedesktop.policykit.exec", "once", None),
        ("org.freedesktop.login1.reboot-multiple-sessions", "once", "/usr/bin/gnome-shell"),
    ]
    pkexec_cmds = ["/usr/bin/pkexec /usr/sbin/gparted", "/usr/bin/pkexec /usr/bin/virt-manager",
                   "/usr/bin/pkexec /usr/lib/cockpit/cockpit-bridge --privileged",
                   "/usr/bin/pkexec env DISPLAY=:0 /usr/bin/gedit /etc/hosts"]
    tty_actions = [
        ("org.freedesktop.systemd1.manage-units", "temp", ["systemctl restart nginx.service",
                                                           "systemctl stop postgresql-16.service",
                                                           "systemctl reload haproxy.service",
                                                           "systemctl start backup-sync.timer"]),
        ("org.freedesktop.login1.reboot", "once", ["systemctl reboot"]),
        ("org.freedesktop.systemd1.manage-unit-files", "temp", ["systemctl enable --now node-exporter.service",
                                                                "systemctl disable cups.socket"]),
        ("org.freedesktop.timedate1.set-ntp", "once", ["timedatectl set-ntp true"]),
    ]

    def subject_for(ns, caller):
        return "system-bus-name:%s" % bus_name(ns), caller

    # ---- graphical sessions -------------------------------------------
    sessions = []
    greeter = dict(sid="unix-session:c1", user="gdm", admin=False, locale="en_US.UTF-8",
                   agent="/usr/bin/gnome-shell", start=T0 + 1900 * MS, end=T0 + 2 * D)
    sessions.append(greeter)
    n_gui = 13
    gui_starts = sorted([T0 + 55 * SEC] + [T0 + r.randrange(int(D * 0.85)) for _ in range(n_gui - 1)])
    for i, st in enumerate(gui_starts):
        u = S.pick("reg", "user", users)
        sessions.append(dict(sid="unix-session:%d" % (2 + i + i // 3), user=u[0], admin=u[1], locale=u[2],
                             agent=S.pick("reg", "agent", agents), start=st,
                             end=st + r.randint(25 * 60, 210 * 60) * SEC))
    for sess in sessions:
        put = entity()
        t = sess["start"]
        sess["bus"] = bus_name(t)
        put(t, "reg", sess["sid"], sess["bus"], sess["agent"], sess["locale"])
        if sess["user"] == "gdm":
            continue
        dur = sess["end"] - sess["start"]
        n_checks = max(2, int(dur / (11.5 * 60 * SEC) * r.uniform(0.7, 1.3)))
        times = sorted(t + r.randrange(dur) for _ in range(n_checks))
        inactive = r.random() < 0.25
        for tc in times:
            action, kind, caller = gui_actions[r.randrange(len(gui_actions))]
            active = "false" if (inactive and r.random() < 0.5) else "true"
            put(tc, "audit", action, sess["user"], "true", active)
            if kind is None:
                continue
            if action == "org.freedesktop.policykit.exec":
                subj = "unix-process:%d:%d" % (r.randint(3000, 90000), r.randint(1_200_000, 9_900_000))
                cmd = S.pick("auth", "pkexec", pkexec_cmds)
            else:
                subj, cmd = subject_for(tc, caller)
            tr = tc + r.randint(2500, 21000) * MS
            as_user = "unix-user:%s" % (sess["user"] if sess["admin"] else S.pick("auth", "admin", admins))
            owner = "unix-user:%s" % sess["user"]
            if r.random() < 0.2:
                put(tr, "auth_fail", sess["sid"], action, subj, cmd, owner)
            elif kind == "temp":
                put(tr, "auth_temp", sess["sid"], as_user, action, subj, cmd, owner)
            else:
                put(tr, "auth_once", sess["sid"], as_user, action, subj, cmd, owner)
        te = sess["end"] + r.randint(50, 900) * MS
        if r.random() < 0.72:
            put(te, "unreg_disc", sess["sid"], sess["bus"], sess["locale"])
        else:
            put(te, "unreg", sess["sid"], sess["bus"], sess["locale"])

    # ---- ssh sessions: pkttyagent spawned by systemctl / timedatectl ----
    n_tty = 30
    for _ in range(n_tty):
        put = entity()
        t = T0 + 120 * SEC + r.randrange(D)
        u = S.pick("tty", "user", [x for x in users if x[1]])
        proc = "unix-process:%d:%d" % (r.randint(2000, 98000), r.randint(1_500_000, 9_990_000))
        bus = bus_name(t)
        put(t, "reg", proc, bus, "/usr/bin/pkttyagent --notify-fd 5 --fallback", u[2])
        action, kind, cmds = tty_actions[r.randrange(len(tty_actions))]
        tc = t + r.randint(25, 90) * MS
        put(tc, "audit", action, u[0], "false", "true" if r.random() < 0.9 else "false")
        tr = tc + r.randint(1800, 14000) * MS
        subj = "system-bus-name::1.%d" % (int(bus[3:]) - r.randint(1, 3))
        cmd = cmds[r.randrange(len(cmds))]
        owner = "unix-user:%s" % u[0]
        if r.random() < 0.2:
            put(tr, "auth_fail", proc, action, subj, cmd, owner)
        elif kind == "temp":
            put(tr, "auth_temp", proc, "unix-user:%s" % u[0], action, subj, cmd, owner)
        else:
            put(tr, "auth_once", proc, "unix-user:%s" % u[0], action, subj, cmd, owner)
        te = tr + r.randint(40, 400) * MS
        if r.random() < 0.5:
            put(te, "unreg_disc", proc, bus, u[2])
        else:
            put(te, "unreg", proc, bus, u[2])

    # ---- short-lived callers that vanish before the JS rules run -------
    for i in range(6):
        put = entity()
        put(T0 + int(D * (0.05 + 0.13 * i)) + r.randrange(300) * SEC, "jserr", r.randint(4000, 99000))

    # ---- daemon: starts, agent re-registration, rule reloads ------------
    put = entity()
    n_rules = 11
    reloads = sorted(T0 + int(D * f) + r.randrange(400) * SEC for f in (0.08, 0.21, 0.40, 0.63))
    events = [(s, "start", i) for i, s in enumerate(starts)] + [(x, "reload", 0) for x in reloads]
    events.sort()
    for t, what, i in events:
        if what == "start":
            put(t, "started", versions[i], versions[i])
            put(t + 3 * MS + r.randrange(MS), "loading", "/etc/polkit-1/rules.d")
            put(t + 5 * MS + r.randrange(MS), "loading", "/usr/share/polkit-1/rules.d")
            put(t + r.randint(30, 70) * MS, "finished", n_rules)
            put(t + r.randint(80, 120) * MS, "acquired")
            if i > 0:
                tt = t + 400 * MS
                for sess in sessions:
                    if sess["start"] < t < sess["end"]:
                        tt += r.randint(20, 300) * MS
                        put(tt, "reg", sess["sid"], sess["bus"], sess["agent"], sess["locale"])
        else:
            n_rules += r.choice([1, 1, 2, -1])
            put(t, "reloading")
            put(t + r.randint(1, 3) * MS, "gc")
            put(t + 8 * MS + r.randrange(MS), "loading", "/etc/polkit-1/rules.d")
            put(t + 10 * MS + r.randrange(MS), "loading", "/usr/share/polkit-1/rules.d")
            put(t + r.randint(40, 90) * MS, "finished", n_rules)

    items.sort(key=lambda x: (x[0], x[1], x[2]))
    for ns, _, _, key, vals in items[:N_LINES]:
        S.add(jhdr(ns, host, "polkitd", pid_at(ns)), key, vals)
    S.summary_extra = "entities=%d generated=%d" % (counter[0], len(items))
    return S


# ==========================================================================
# 2. Thermald -- seeded shuffle, journal short format, a few laptops
# ==========================================================================
def build_thermald():
    S = System(2, "Thermald", "shuffle", journal_header_re("thermald"), JOURNAL_TS_RE, journal_ts_parse)
    r = S.rng
    ev = S.ev
    ev("cpuid", "<*> CPUID levels; family:model:stepping <*> (<*>)")
    ev("polling", "Polling mode is enabled: 4")
    ev("notemp", "sensor id <*> : No temp sysfs for reading raw temp")
    ev("xmlwarn", "I/O warning : failed to load external entity \"<*>\"")
    ev("noconf", "Config file <*> does not exist")
    ev("norapl", "NO RAPL sysfs present")
    ev("nozones", "[WARN]Thermal DTS or hwmon: No Zones present Need to configure manually")
    ev("nobind", "[WARN]Zone update failed: unable to bind")
    ev("readfail", "sysfs read failed <*>")
    ev("autoconf", "Using generated <*>")
    ev("zone", "Zone <*>: <*>, Active:<*> Bind:<*> Sensor_cnt:<*>")
    ev("above", "Zone <*> temp <*> above trip <*>, activating cdev <*>")
    ev("below", "Zone <*> temp <*> below trip <*>, deactivating cdev <*>")
    ev("mmiolock", "[WARN]powercap RAPL MMIO Power Limit is locked")
    ev("unsupported", "[WARN]Unsupported cpu model or platform")
    counts = dict(cpuid=5, polling=6, notemp=30, xmlwarn=8, noconf=9, norapl=4, nozones=3, nobind=5,
                  readfail=38, autoconf=7, zone=24, above=80, below=74, mmiolock=3, unsupported=4)
    hosts = [
        dict(host="lt-ksato", pid=712, cpuid=("27", "0x6:9a:3", "6:154:3"), zones=["x86_pkg_temp", "TCPU", "SEN1", "iwlwifi_1"]),
        dict(host="lt-bmorales", pid=689, cpuid=("22", "0x6:8c:1", "6:140:1"), zones=["x86_pkg_temp", "TCPU", "acpitz"]),
        dict(host="nuc-frontdesk", pid=734, cpuid=("20", "0x6:8e:a", "6:142:10"), zones=["x86_pkg_temp", "acpitz", "pch_cannonlake"]),
        dict(host="lt-abianchi", pid=701, cpuid=("13", "0x6:3a:9", "6:58:9"), zones=["cpu", "acpitz"]),
    ]
    cdevs = ["rapl_controller", "intel_pstate", "intel_powerclamp", "Processor", "Fan", "TCC Offset"]
    xml_paths = ["/etc/thermald/thermal-conf.xml", "/etc/thermald/thermal-cpu-cdev-order.xml"]
    auto_paths = ["/var/run/thermald/thermal-conf.xml.auto", "/etc/thermald/thermal-conf.xml.auto"]
    items = []
    for key in S.events:
        items += [key] * counts[key]
    stamped = shuffle_stamp(S, items, at(6, 10) + r.randrange(60 * SEC), 85)
    for ns, key in stamped:
        if key == "cpuid":
            h = S.pick("cpuid", "host", hosts)
        else:
            h = hosts[r.choices(range(len(hosts)), weights=[5, 3, 3, 2])[0]]
        if key == "cpuid":
            vals = list(h["cpuid"])
        elif key == "notemp":
            vals = [r.randint(0, 14)]
        elif key == "xmlwarn":
            vals = [S.pick(key, 0, xml_paths)]
        elif key == "noconf":
            vals = [S.pick(key, 0, xml_paths)]
        elif key == "readfail":
            kind = r.randrange(4)
            if kind == 0:
                vals = ["/sys/class/thermal/thermal_zone%d/temp" % r.randint(0, 9)]
            elif kind == 1:
                vals = ["/sys/class/hwmon/hwmon%d/temp%d_input" % (r.randint(0, 7), r.randint(1, 9))]
            elif kind == 2:
                vals = ["/sys/class/thermal/cooling_device%d/cur_state" % r.randint(0, 15)]
            else:
                vals = ["/sys/class/powercap/intel-rapl:0/constraint_%d_power_limit_uw" % r.randint(0, 2)]
        elif key == "autoconf":
            vals = [S.pick(key, 0, auto_paths)]
        elif key == "zone":
            zi = r.randrange(len(h["zones"]))
            vals = [zi, h["zones"][zi], S.pick(key, "act", [1, 1, 0]), S.pick(key, "bind", [1, 0]),
                    S.pick(key, "cnt", [1, 1, 2])]
        elif key in ("above", "below"):
            z = h["zones"][r.randrange(len(h["zones"]))]
            trip = r.choice([75000, 80000, 85000, 90000, 95000])
            temp = trip + r.randint(1, 60) * 100 if key == "above" else trip - r.randint(1, 80) * 100
            vals = [z, temp, trip, cdevs[r.randrange(len(cdevs))]]
        else:
            vals = []
        S.add(jhdr(ns, h["host"], "thermald", h["pid"]), key, vals)
    S.summary_extra = "hosts=%d" % len(hosts)
    return S


# ==========================================================================
# 3. Tuned -- seeded shuffle, tuned.log (asctime levelname-8 name: message)
# ==========================================================================
def build_tuned():
    S = System(3, "Tuned", "shuffle",
               r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} (?:DEBUG   |INFO    |WARNING |ERROR   |CRITICAL) "
               r"[a-z_]+(?:\.[a-z_]+)*: ",
               r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}),(\d{3}) ",
               lambda m: tuple(int(g) for g in m.groups()))
    r = S.rng
    spec = [
        ("using", "INFO", "tuned.daemon.daemon", "Using '<*>' profile", 6),
        ("loadprof", "INFO", "tuned.profiles.loader", "loading profile: <*>", 14),
        ("ctrl", "INFO", "tuned.daemon.controller", "starting controller", 5),
        ("start", "INFO", "tuned.daemon.daemon", "starting tuning", 6),
        ("applied", "INFO", "tuned.daemon.daemon", "static tuning from profile '<*>' applied", 8),
        ("stop", "INFO", "tuned.daemon.daemon", "stopping tuning", 5),
        ("term", "INFO", "tuned.daemon.daemon", "terminating TuneD, rolling back all changes", 3),
        ("assign", "INFO", "tuned.plugins.base", "instance <*>: assigning devices <*>", 45),
        ("hp_add", "INFO", "tuned.plugins.hotplug", "instance <*>: adding new device <*>", 75),
        ("hp_rm", "INFO", "tuned.plugins.hotplug", "instance <*>: removing device <*>", 70),
        ("wrerr", "ERROR", "tuned.utils.commands", "Writing to file: '<*>' error: '<*>'", 30),
        ("reject", "WARNING", "tuned.plugins.plugin_sysfs", "rejecting write to '<*>' (not inside /sys)", 4),
        ("epb", "WARNING", "tuned.plugins.plugin_cpu",
         "Failed to set energy_perf_bias on cpu '<*>'. Is the value in the profile correct?", 20),
        ("sysctl", "INFO", "tuned.plugins.plugin_sysctl", "reapplying system sysctl", 9),
    ]
    meta = {}
    items = []
    for key, lvl, logger, tpl, n in spec:
        S.ev(key, tpl)
        meta[key] = (lvl, logger)
        items += [key] * n
    profiles = ["throughput-performance", "virtual-host", "balanced", "latency-performance",
                "network-throughput", "powersave", "virtual-guest"]
    ncpu = 16

    def veth():
        return "veth%07x" % r.getrandbits(28)

    def disk_dev():
        return r.choice(["dm-%d" % r.randint(3, 19), "sd%s" % "cdefgh"[r.randrange(6)],
                         "nvme%dn1" % r.randint(1, 3), "dm-%d" % r.randint(3, 19)])

    errors = ["[Errno 2] No such file or directory", "[Errno 22] Invalid argument",
              "[Errno 16] Device or resource busy", "[Errno 13] Permission denied"]
    stamped = shuffle_stamp(S, items, at(5, 40) + r.randrange(60 * SEC), 58)
    for ns, key in stamped:
        if key in ("using", "applied"):
            vals = [S.pick(key, 0, profiles)]
        elif key == "loadprof":
            vals = [S.pick(key, 0, profiles + ["cpu-partitioning", "my-db-overrides"])]
        elif key == "assign":
            inst = S.pick(key, 0, ["cpu", "disk", "net", "scsi_host", "audio"])
            if inst == "cpu":
                lo = r.choice([0, 0, 2])
                devs = ", ".join("cpu%d" % c for c in range(lo, ncpu))
            elif inst == "disk":
                devs = ", ".join(["sda", "sdb"] + ["dm-%d" % d for d in range(r.randint(2, 6))])
            elif inst == "net":
                devs = ", ".join(["eno1", "eno2", "docker0"] + [veth() for _ in range(r.randint(0, 3))])
            elif inst == "scsi_host":
                devs = ", ".join("host%d" % h for h in range(r.randint(2, 7)))
            else:
                devs = r.choice(["card0", "card0, card1"])
            vals = [inst, devs]
        elif key in ("hp_add", "hp_rm"):
            inst = S.pick(key, 0, ["net", "net", "net", "disk"])
            vals = [inst, veth() if inst == "net" else disk_dev()]
        elif key == "wrerr":
            k = r.randrange(4)
            if k == 0:
                path = "/sys/class/net/%s/queues/rx-0/rps_cpus" % veth()
            elif k == 1:
                path = "/sys/block/%s/queue/read_ahead_kb" % disk_dev()
            elif k == 2:
                path = "/sys/devices/system/cpu/cpu%d/power/energy_perf_bias" % r.randrange(ncpu)
            else:
                path = "/sys/bus/workqueue/devices/writeback/cpumask"
            vals = [path, S.pick(key, 1, errors)]
        elif key == "reject":
            vals = [S.pick(key, 0, ["/proc/sys/vm/dirty_ratio", "/proc/sys/kernel/numa_balancing",
                                    "/dev/cpu_dma_latency"])]
        elif key == "epb":
            vals = ["cpu%d" % r.randrange(ncpu)]
        else:
            vals = []
        lvl, logger = meta[key]
        S.add("%s %-8s %s: " % (ts_tuned(ns), lvl, logger), key, vals)
    S.summary_extra = "profiles=%d" % len(profiles)
    return S


# ==========================================================================
# 4. Irqbalance -- seeded shuffle, journal short format, several hosts
# ==========================================================================
def build_irqbalance():
    S = System(4, "Irqbalance", "shuffle", journal_header_re("irqbalance"), JOURNAL_TS_RE, journal_ts_parse)
    r = S.rng
    ev = S.ev
    ev("single", "Balancing is ineffective on systems with a single cpu.  Shutting down")
    ev("hint", "irq <*> affinity_hint subset empty")
    ev("cannot", "Cannot change IRQ <*> affinity: <*>")
    ev("unmanaged", "IRQ <*> affinity is now unmanaged")
    ev("socket", "Daemon couldn't be bound to the file-based socket.")
    ev("noload", "WARNING, didn't collect load info for all cpus, balancing is broken")
    ev("isolated", "Prevent irq assignment to these isolated CPUs: <*>")
    ev("nohz", "Prevent irq assignment to these adaptive-ticks CPUs: <*>")
    ev("openfail", "Failed to open <*>: <*>")
    ev("accept", "Connection couldn't be accepted.")
    ev("recv", "Error while receiving data.")
    ev("package", "Package <*>:  numa_node <*> cpu mask is <*> (load <*>)")
    ev("select", "Selecting irq <*> for rebalancing")
    counts = dict(single=3, hint=38, cannot=78, unmanaged=70, socket=4, noload=5, isolated=6, nohz=5,
                  openfail=22, accept=3, recv=4, package=30, select=32)
    hosts = [
        dict(host="db-node03", pid=1021, pk=[("0", "0", "00000000,00ffff00"), ("1", "1", "0000ffff,ff000000")],
             iso="00000000,000000f0", nohz="00000000,000000f0"),
        dict(host="db-node04", pid=1019, pk=[("0", "0", "00000000,00ffffff"), ("1", "1", "ffffffff,ff000000")],
             iso="00000000,0000000e", nohz="00000000,0000000e"),
        dict(host="edge-gw1", pid=873, pk=[("0", "-1", "000000fc")], iso="00000003", nohz="00000002"),
        dict(host="ci-runner-7", pid=944, pk=[("0", "0", "0000ffff"), ("1", "1", "ffff0000")],
             iso=None, nohz=None),
    ]
    single_host = "vm-mon1"
    single_pids = [402, 397, 411]
    cannot_err = ["Input/output error", "Input/output error", "Invalid argument",
                  "No space left on device", "Operation not permitted"]
    items = []
    for key in S.events:
        items += [key] * counts[key]
    stamped = shuffle_stamp(S, items, at(4, 30) + r.randrange(60 * SEC), 100)
    for ns, key in stamped:
        if key == "single":
            S.add(jhdr(ns, single_host, "irqbalance", S.pick(key, "pid", single_pids)), key, [])
            continue
        if key in ("isolated", "nohz"):
            h = S.pick(key, "host", [x for x in hosts if x["iso"]])
        elif key == "package":
            h = S.pick(key, "host", hosts)
        else:
            h = hosts[r.choices(range(len(hosts)), weights=[4, 4, 2, 3])[0]]
        if key == "hint":
            vals = [r.choice([r.randint(120, 260), r.randint(24, 90)])]
        elif key == "cannot":
            vals = [r.choice([0, 8, 9, r.randint(24, 230)]), r.choice(cannot_err)]
        elif key == "unmanaged":
            vals = [r.choice([0, 8, 9, r.randint(24, 230)])]
        elif key == "isolated":
            vals = [h["iso"]]
        elif key == "nohz":
            vals = [h["nohz"]]
        elif key == "openfail":
            irq = r.randint(24, 240)
            path = S.pick(key, 0, ["/proc/irq/%d/smp_affinity" % irq, "/proc/irq/%d/affinity_hint" % irq,
                                   "/proc/irq/%d/node" % irq])
            vals = [path, S.pick(key, 1, ["No such file or directory", "No such file or directory",
                                          "Permission denied"])]
        elif key == "package":
            pk, node, mask = h["pk"][r.randrange(len(h["pk"]))]
            vals = [pk, node, mask, r.randint(0, 40) * 1000000 + r.randint(0, 999999) * r.randint(0, 1)]
        elif key == "select":
            vals = [r.randint(24, 260)]
        else:
            vals = []
        S.add(jhdr(ns, h["host"], "irqbalance", h["pid"]), key, vals)
    S.summary_extra = "hosts=%d" % (len(hosts) + 1)
    return S


# ==========================================================================
# 5. Nmbd -- seeded shuffle of multi-line records, log.nmbd default format
# ==========================================================================
def build_nmbd():
    S = System(5, "Nmbd", "shuffle",
               r"(?:\[\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}\.\d{6}, {1,2}\d{1,2}\] |  )",
               r"^\[(\d{4})/(\d{2})/(\d{2}) (\d{2}):(\d{2}):(\d{2})\.(\d{6}),",
               lambda m: tuple(int(g) for g in m.groups()))
    r = S.rng
    ev = S.ev
    ev("loc_main", "../../source3/nmbd/nmbd.c:960(main)")
    ev("version", "nmbd version 4.19.5-Debian started.")
    ev("copyright", "Copyright Andrew Tridgell and the Samba Team 1992-2023")
    ev("loc_lmb", "../../source3/nmbd/nmbd_become_lmb.c:398(become_local_master_stage2)")
    ev("stars", "*****")
    ev("lmb", "Samba name server STORE01 is now a local master browser for workgroup LABNET on subnet <*>")
    ev("loc_announce", "../../source3/nmbd/nmbd_incomingdgrams.c:302(process_local_master_announce)")
    ev("announce", "process_local_master_announce: Server <*> at IP <*> is announcing itself as a local "
                   "master browser for workgroup LABNET and we think we are master. Forcing election.")
    ev("loc_dmb", "../../source3/nmbd/nmbd_browsesync.c:355(find_domain_master_name_query_fail)")
    ev("dmb_fail", "find_domain_master_name_query_fail:")
    ev("dmb_name", "Unable to find the Domain Master Browser name LABNET<1b> for the workgroup LABNET.")
    ev("dmb_sync", "Unable to sync browse lists in this workgroup.")
    ev("loc_send", "../../source3/libsmb/nmblib.c:922(send_udp)")
    ev("sendfail", "Packet send failed to <*>(<*>) ERRNO=<*>")
    records = ["start"] * 4 + ["lmb"] * 5 + ["announce"] * 12 + ["dmb"] * 21 + ["send"] * 80
    subnets = ["192.168.40.12", "10.8.0.1", "172.20.3.12"]
    bcasts = ["192.168.40.255", "10.8.0.255", "172.20.3.255", "192.168.40.255"]
    rivals = [("PRN-HALL2", "192.168.40.31"), ("WIN10-QA7", "192.168.40.118"),
              ("NAS-OLD", "172.20.3.40"), ("LAB-PC14", "10.8.0.23"), ("WIN11-KIOSK", "192.168.40.77")]
    errnos = ["Network is unreachable", "Network is unreachable", "Permission denied",
              "Cannot assign requested address", "No buffer space available"]
    stamped = shuffle_stamp(S, records, at(2, 55) + r.randrange(60 * SEC), 230)
    for ns, rec in stamped:
        hdr = "[%s, %2d] " % (ts_samba(ns), 0)
        cont = "  "
        if rec == "start":
            S.add(hdr, "loc_main", [])
            S.add(cont, "version", [])
            S.add(cont, "copyright", [])
        elif rec == "lmb":
            S.add(hdr, "loc_lmb", [])
            S.add(cont, "stars", [])
            S.add(cont, "lmb", [S.pick("lmb", 0, subnets)])
            S.add(cont, "stars", [])
        elif rec == "announce":
            name, ip = S.pick("announce", 0, rivals)
            S.add(hdr, "loc_announce", [])
            S.add(cont, "announce", [name, ip])
        elif rec == "dmb":
            S.add(hdr, "loc_dmb", [])
            S.add(cont, "dmb_fail", [])
            S.add(cont, "dmb_name", [])
            S.add(cont, "dmb_sync", [])
        else:
            S.add(hdr, "loc_send", [])
            S.add(cont, "sendfail", [r.choice(bcasts), r.choice([138, 138, 137]), r.choice(errnos)])
    S.summary_extra = "records=%d" % len(records)
    return S


# ==========================================================================
# 6. UsbGuard -- simulation (USB devices with overlapping plug lifetimes,
#    IPC clients, daemon restarts), journal short format
# ==========================================================================
DPID = object()      # resolved to the running daemon's pid in time order
NRULES = object()    # resolved to the current rule count
NEWID = object()     # resolved to the id of an appended rule
RMID = object()      # resolved to the id of a removed rule


class CliPid:
    """Placeholder for an IPC client's pid, resolved in time order."""


def build_usbguard():
    S = System(6, "UsbGuard", "simulation", journal_header_re("usbguard-daemon"), JOURNAL_TS_RE,
               journal_ts_parse)
    r = S.rng
    ev = S.ev
    ev("loaded", "Loaded <*> rules from /etc/usbguard/rules.conf")
    ev("present", "uid=0 pid=<*> result='SUCCESS' device.system_name='<*>' device.rule='<*>' type='Device.Present'")
    ev("insert", "uid=0 pid=<*> result='SUCCESS' device.system_name='<*>' device.rule='<*>' type='Device.Insert'")
    ev("remove", "uid=0 pid=<*> result='SUCCESS' device.system_name='<*>' device.rule='<*>' type='Device.Remove'")
    ev("upd_ok", "uid=<*> pid=<*> result='SUCCESS' device.system_name='<*>' target.old='<*>' target.new='<*>' "
                 "device.rule='<*>' type='Policy.Device.Update'")
    ev("upd_fail", "uid=<*> pid=<*> result='FAILURE' device.system_name='<*>' target.old='<*>' target.new='<*>' "
                   "device.rule='<*>' type='Policy.Device.Update'")
    ev("append", "uid=<*> pid=<*> result='SUCCESS' rule.id='<*>' rule='<*>' type='Policy.AppendRule'")
    ev("ipc_ok", "IPC connection accepted: uid=<*> gid=<*> pid=<*>")
    ev("ipc_deny", "IPC connection denied: uid=<*> gid=<*> pid=<*>")
    ev("ipc_close", "IPC connection closed: pid=<*>")
    ev("shutdown", "Shutting down USBGuard daemon")
    ev("apply_err", "Failed to apply target <*> to device <*>: <*>")
    ev("rmrule", "uid=<*> pid=<*> result='SUCCESS' rule.id='<*>' type='Policy.RemoveRule'")

    host = "pos-term04"
    T0 = at(7, 58, 3) + r.randrange(SEC)
    D = 7 * 3600 * SEC
    PCI = "/devices/pci0000:00/0000:00:14.0"
    items = []
    counter = [0]

    def entity():
        counter[0] += 1
        e = counter[0]
        seq = [0]

        def put(ns, key, *vals, pid=DPID):
            seq[0] += 1
            items.append((ns, e, seq[0], key, list(vals), pid))
        return put

    def ifs(spec):
        return spec if " " not in spec else "{ %s }" % spec

    root_hash = {1: b64hash("1d6b:0002|0000:00:14.0|usb1"), 2: b64hash("1d6b:0003|0000:00:14.0|usb2")}

    def make_dev(vidpid, name, serial, iface, port, ctype):
        bus = int(port.split("-")[0]) if "-" in port else int(port[3:])
        sysname = "%s/usb%d" % (PCI, bus) if port.startswith("usb") else "%s/usb%d/%s" % (PCI, bus, port)
        h = b64hash("%s|%s|%s|%s" % (vidpid, serial, name, port))
        ph = b64hash("8086:a36d|%s" % PCI) if port.startswith("usb") else root_hash[bus]
        return dict(sysname=sysname, vidpid=vidpid, name=name, serial=serial, iface=iface, port=port,
                    ctype=ctype, hash=h, phash=ph)

    def rule(d, target, with_port=True):
        s = '%s id %s serial "%s" name "%s" hash "%s" parent-hash "%s"' % (
            target, d["vidpid"], d["serial"], d["name"], d["hash"], d["phash"])
        if with_port:
            s += ' via-port "%s"' % d["port"]
        return s + ' with-interface %s with-connect-type "%s"' % (ifs(d["iface"]), d["ctype"])

    static = [
        make_dev("1d6b:0002", "xHCI Host Controller", "0000:00:14.0", "09:00:00", "usb1", ""),
        make_dev("1d6b:0003", "xHCI Host Controller", "0000:00:14.0", "09:00:00", "usb2", ""),
        make_dev("413c:2113", "Dell KB216 Wired Keyboard", "", "03:01:01 03:00:00", "1-2", "hotplug"),
        make_dev("04b8:0e28", "TM-T20III", "583741300412", "07:01:02", "1-3", "hotplug"),
        make_dev("0c45:6366", "USB 2.0 Camera", "SN0001", "0e:01:00 0e:02:00 01:01:00 01:02:00", "1-5", "hardwired"),
        make_dev("8087:0026", "", "", "e0:01:01 e0:01:01 e0:01:01 e0:01:01", "1-10", "hardwired"),
    ]

    # hotplug catalogue: (category, vid:pid, name, interfaces, serial kind, policy target, bus)
    catalogue = [
        ("scanner", "05e0:1200", "Symbol Bar Code Scanner", "03:01:01 03:00:00", "scan", "allow", 1),
        ("yubikey", "1050:0407", "YubiKey OTP+FIDO+CCID", "03:01:01 03:00:00 0b:00:00", "none", "allow", 1),
        ("stick", "0781:5583", "Ultra Fit", "08:06:50", "hex20", "block", 2),
        ("stick", "090c:1000", "Flash Disk", "08:06:50", "hex12", "block", 1),
        ("phone", "05ac:12a8", "iPhone", "06:01:01 ff:fe:02 ff:fd:01", "hex40", "block", 1),
        ("phone", "18d1:4ee7", "Pixel 7", "ff:42:01 06:01:01", "hex12", "block", 1),
        ("lan", "0bda:8153", "USB 10/100/1000 LAN", "ff:ff:00 02:06:00 0a:00:00", "hex12", "block", 2),
        ("badusb", "16c0:27db", "Keyboard", "03:01:01 08:06:50", "none", "reject", 1),
    ]
    weights = [9, 4, 6, 5, 4, 3, 2, 1]
    ports = {1: ["1-1", "1-4", "1-6.1", "1-6.2", "1-6.3"], 2: ["2-1", "2-3"]}
    busy = {}   # port -> busy until ns

    def serial(kind):
        if kind == "scan":
            return "S/N:%s" % "".join(r.choice("0123456789ABCDEF") for _ in range(8))
        if kind == "none":
            return ""
        n = int(kind[3:])
        s = "".join(r.choice("0123456789ABCDEF") for _ in range(n))
        return s.lower() if n == 40 else s

    admins = [(0, 0), (1003, 1003)]
    cli_pid = [r.randint(9000, 12000)]

    def next_cli():
        # a fresh client process; its pid is handed out in time order when merging
        return CliPid()

    # ---- daemon schedule --------------------------------------------------
    starts = [T0] + sorted(T0 + int(D * f) + r.randrange(300) * SEC for f in (0.2, 0.45, 0.66))
    dpids = [655] + sorted(r.randint(14000, 60000) for _ in range(3))
    notifier = (1000, 1000, 2214)

    # ---- hotplug devices ----------------------------------------------------
    plugged = []   # (dev, t_in, t_out, target_history)
    fail_modes = ["policy-allow", "cli-block", "policy-reject", "cli-allow"]
    fail_times = [T0 + int(D * f) for f in (0.09, 0.27, 0.43, 0.58)]
    arrivals = sorted([(T0 + 90 * SEC + r.randrange(D), None) for _ in range(70)] +
                      [(t, m) for t, m in zip(fail_times, fail_modes)], key=lambda x: x[0])
    for t, mode in arrivals:
        if mode == "cli-block":
            cat = catalogue[0]
        elif mode == "policy-reject":
            cat = catalogue[7]
        elif mode in ("policy-allow",):
            cat = catalogue[1]
        elif mode == "cli-allow":
            cat = catalogue[2]
        else:
            cat = catalogue[r.choices(range(len(catalogue)), weights=weights)[0]]
        free = [p for p in ports[cat[6]] if busy.get(p, 0) < t]
        if not free:
            if mode is None:
                continue
            # a scripted device waits for the first port to come free
            p0 = min(ports[cat[6]], key=lambda p: busy.get(p, 0))
            t = busy[p0] + r.randint(5, 90) * SEC
            free = [p0]
        port = free[r.randrange(len(free))]
        d = make_dev(cat[1], cat[2], serial(cat[4]), cat[3], port, "hotplug")
        policy = cat[5]
        put = entity()
        put(t, "insert", DPID, d["sysname"], rule(d, "block"))
        hist = [(t, "block")]
        if mode == "policy-allow" or mode == "policy-reject":
            t1 = t + r.randint(4, 12) * MS
            put(t1, "apply_err", policy, d["sysname"], S.pick("apply_err", 2, ["No such device",
                                                                                 "No such file or directory"]))
            put(t1 + r.randint(1, 3) * MS, "upd_fail", 0, DPID, d["sysname"], "block", policy,
                rule(d, policy))
            t_out = t1 + r.randint(5, 40) * MS
            put(t_out, "remove", DPID, d["sysname"], rule(d, "block"))
            busy[port] = max(busy.get(port, 0), t_out)
            plugged.append((d, t, t_out, hist))
            continue
        t1 = t + r.randint(6, 30) * MS
        put(t1, "upd_ok", 0, DPID, d["sysname"], "block", policy, rule(d, policy))
        hist.append((t1, policy))
        if policy == "reject":
            t_out = t1 + r.randint(2, 9) * MS
            put(t_out, "remove", DPID, d["sysname"], rule(d, "reject"))
            busy[port] = max(busy.get(port, 0), t_out)
            plugged.append((d, t, t_out, hist))
            continue
        dwell = r.randint(40, 2400) * SEC
        t_out = t + dwell
        cur = policy
        if mode == "cli-block":
            # admin blocks a scanner that is already being unplugged
            tc = t + r.randint(60, 400) * SEC
            uid, gid = 0, 0
            cp = next_cli()
            put(tc, "ipc_ok", uid, gid, cp)
            put(tc + 2 * MS, "apply_err", "block", d["sysname"], "No such device")
            put(tc + 3 * MS, "upd_fail", uid, cp, d["sysname"], "allow", "block", rule(d, "block"))
            put(tc + 5 * MS, "ipc_close", cp)
            t_out = tc + r.randint(10, 60) * MS
        elif mode == "cli-allow":
            tc = t + r.randint(20, 90) * SEC
            uid, gid = 1003, 1003
            cp = next_cli()
            put(tc, "ipc_ok", uid, gid, cp)
            put(tc + 2 * MS, "apply_err", "allow", d["sysname"], "No such file or directory")
            put(tc + 3 * MS, "upd_fail", uid, cp, d["sysname"], "block", "allow", rule(d, "allow"))
            put(tc + 5 * MS, "ipc_close", cp)
            t_out = tc - r.randint(10, 200) * MS
        elif policy == "block" and r.random() < 0.55:
            tc = t + r.randint(15, 180) * SEC
            if tc < t_out - 5 * SEC:
                uid, gid = S.pick("cli", "admin", admins)
                cp = next_cli()
                put(tc, "ipc_ok", uid, gid, cp)
                put(tc + r.randint(3, 9) * MS, "upd_ok", uid, cp, d["sysname"], "block", "allow", rule(d, "allow"))
                hist.append((tc, "allow"))
                cur = "allow"
                if r.random() < 0.45:
                    put(tc + r.randint(10, 20) * MS, "append", uid, cp, NEWID, rule(d, "allow", with_port=False))
                put(tc + r.randint(25, 60) * MS, "ipc_close", cp)
        if mode is None or mode == "cli-block":
            put(t_out, "remove", DPID, d["sysname"], rule(d, cur))
        else:
            put(max(t_out, t1 + 50 * MS), "remove", DPID, d["sysname"], rule(d, cur))
        busy[port] = max(busy.get(port, 0), t_out)
        plugged.append((d, t, t_out, hist))

    # ---- unauthorised IPC clients and rule removals ------------------------
    deniers = [(1001, 1001), (1002, 1002)]
    for f in (0.06, 0.24, 0.39, 0.55):
        put = entity()
        uid, gid = S.pick("ipc_deny", "user", deniers)
        put(T0 + int(D * f) + r.randrange(600) * SEC, "ipc_deny", uid, gid, next_cli())
    for f in (0.13, 0.33, 0.5, 0.61):
        put = entity()
        t = T0 + int(D * f) + r.randrange(600) * SEC
        uid, gid = S.pick("rmrule", "admin", admins)
        cp = next_cli()
        put(t, "ipc_ok", uid, gid, cp)
        put(t + r.randint(2, 6) * MS, "rmrule", uid, cp, RMID)
        put(t + r.randint(10, 30) * MS, "ipc_close", cp)

    # ---- daemon --------------------------------------------------------------
    put = entity()
    for i, s in enumerate(starts):
        pid = dpids[i]
        if i > 0:
            put(s - r.randint(900, 1600) * MS, "ipc_close", notifier[2], pid=dpids[i - 1])
            put(s - r.randint(200, 800) * MS, "shutdown", pid=dpids[i - 1])
        put(s, "loaded", NRULES, pid=pid)
        t = s + r.randint(15, 40) * MS
        here = [(d, "allow") for d in static]
        for d, t_in, t_out, hist in plugged:
            if t_in < s < t_out:
                cur = [tg for th, tg in hist if th < s][-1]
                here.append((d, cur))
        for d, cur in here:
            t += r.randint(1, 4) * MS
            put(t, "present", pid, d["sysname"], rule(d, cur), pid=pid)
            t += r.randint(1, 3) * MS
            new = cur if cur == "allow" else "block"
            put(t, "upd_ok", 0, pid, d["sysname"], cur, new, rule(d, new), pid=pid)
        put(t + r.randint(300, 1500) * MS, "ipc_ok", *notifier, pid=pid)

    # ---- merge in time order, resolve daemon state, keep the first 300 -------
    items.sort(key=lambda x: (x[0], x[1], x[2]))
    cur_pid = dpids[0]
    n_rules = 14
    next_id = n_rules + 1
    live_ids = list(range(1, n_rules + 1))
    out = []
    cli_map = {}
    for ns, _, _, key, vals, pid in items:
        if key == "loaded":
            cur_pid = pid
            live_ids = list(range(1, n_rules + 1))
            next_id = n_rules + 1
        res = []
        for v in vals:
            if v is DPID:
                v = cur_pid
            elif v is NRULES:
                v = n_rules
            elif v is NEWID:
                v = next_id
                live_ids.append(next_id)
                next_id += 1
                n_rules += 1
            elif isinstance(v, CliPid):
                if v not in cli_map:
                    cli_pid[0] += r.randint(40, 2600)
                    cli_map[v] = cli_pid[0]
                v = cli_map[v]
            elif v is RMID:
                v = live_ids.pop(r.randrange(2, len(live_ids)))
                n_rules -= 1
            res.append(v)
        out.append((ns, key, res, cur_pid if pid is DPID else pid))
    for ns, key, vals, pid in out[:N_LINES]:
        S.add(jhdr(ns, host, "usbguard-daemon", pid), key, vals)
    S.summary_extra = "entities=%d generated=%d" % (counter[0], len(items))
    return S


# ==========================================================================
# writing and self-check
# ==========================================================================
def write_system(S):
    d = os.path.join(HERE, S.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as f:
        for h, c, _ in S.rows:
            f.write(h + c + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (h, c, key) in enumerate(S.rows, 1):
            w.writerow([i, c, S.eid(key), S.tpl[key]])


def tpl_regex(t):
    return re.compile("".join("(.+?)" if p == "<*>" else re.escape(p) for p in re.split(r"(<\*>)", t)))


def check_system(S):
    errs = []
    d = os.path.join(HERE, S.name)
    with open(os.path.join(d, S.name + ".log"), "rb") as f:
        raw_log = f.read()
    with open(os.path.join(d, S.name + ".log_structured.csv"), "rb") as f:
        raw_csv = f.read()
    for nm, raw in (("log", raw_log), ("csv", raw_csv)):
        if not raw.endswith(b"\n"):
            errs.append(nm + " does not end with newline")
        if b"\r" in raw:
            errs.append(nm + " contains CR")
    lines = raw_log.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, S.name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header")
    rows = rows[1:]
    if len(lines) != N_LINES or len(rows) != N_LINES:
        errs.append("line/row count %d/%d" % (len(lines), len(rows)))
    hre = re.compile(S.header_re)
    tre = re.compile(S.ts_re)
    last_ts = None
    tpl_of = {}
    counts = {}
    caps = {}
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("row %d LineId %s" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty or unstripped" % i)
        if "\n" in content or "\r" in content:
            errs.append("row %d content multi-line" % i)
        if not line.endswith(content):
            errs.append("row %d raw line does not end with content" % i)
            continue
        header = line[:len(line) - len(content)]
        if not hre.fullmatch(header):
            errs.append("row %d header %r does not match" % (i, header))
        m = tre.match(header)
        if m:
            ts = S.ts_parse(m)
            if last_ts is not None and ts < last_ts:
                errs.append("row %d timestamp goes back" % i)
            last_ts = ts
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %s" % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append("EventId %s has two templates" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        mm = tpl_regex(tpl).fullmatch(content)
        if not mm:
            errs.append("row %d template does not match content: %r / %r" % (i, tpl, content))
            continue
        for j, g in enumerate(mm.groups()):
            caps.setdefault((eid, j), []).append(g)
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("two EventIds share a template")
    declared = ["E%d" % (i + 1) for i in range(len(S.events))]
    for e in declared:
        if e not in counts:
            errs.append("declared event %s unused" % e)
    for e in counts:
        if e not in declared:
            errs.append("undeclared event %s" % e)
        elif tpl_of[e] != S.tpl[S.events[int(e[1:]) - 1]]:
            errs.append("template mismatch for %s" % e)
    for (e, j), vals in sorted(caps.items()):
        if len(set(vals)) < 2:
            errs.append("%s slot %d has a single value %r" % (e, j + 1, vals[0]))
    for e in declared:
        if tpl_of.get(e, "").count("<*>") and not any(k[0] == e for k in caps):
            errs.append("%s slots never captured" % e)
    c = sorted(counts.values())
    n_ev = len(counts)
    if not 12 <= n_ev <= 15:
        errs.append("%d event types" % n_ev)
    if c and c[0] < 3:
        errs.append("an event has fewer than 3 lines")
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(c) if c else 0
    if c and c[-1] < 3 * med:
        errs.append("largest %d < 3 x median %s" % (c[-1], med))
    return errs, counts, med


def main():
    builders = [build_polkitd, build_thermald, build_tuned, build_irqbalance, build_nmbd, build_usbguard]
    systems = [b() for b in builders]
    for S in systems:
        if len(S.rows) != N_LINES:
            raise SystemExit("%s produced %d rows" % (S.name, len(S.rows)))
        write_system(S)
    ok = True
    for S in systems:
        errs, counts, med = check_system(S)
        c = sorted(counts.values())
        print("%-11s k=%d %-10s events=%2d lines=%d min=%d median=%s max=%d small(3-10)=%d %s -> %s" % (
            S.name, S.k, S.kind, len(counts), sum(c), c[0] if c else 0, med, c[-1] if c else 0,
            sum(1 for x in c if 3 <= x <= 10), getattr(S, "summary_extra", ""), "OK" if not errs else "FAIL"))
        for e in errs[:25]:
            print("    " + e)
        ok = ok and not errs
    if not ok:
        sys.exit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
