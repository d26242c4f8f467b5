#!/usr/bin/env python3
"""Round 62 blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270178; system k (1..6) uses random.Random(20270178 * 10 + k).
Time is an integer nanosecond clock counted from 2026-03-14 00:00:00 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system next to this file, then re-reads and self-checks them.
"""
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270178
HERE = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
NS = 1_000_000_000
DAY_NS = 86400 * NS
N_LINES = 300


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------
def sec(x):
    """float seconds -> integer nanoseconds"""
    return int(round(x * NS))


def journal_ts(t):
    """journalctl -o short: 'Mar 14 09:12:33' (UTC, fixed month list)."""
    assert 0 <= t < DAY_NS, t
    s = t // NS
    return "%s %02d %02d:%02d:%02d" % (MONTHS[MONTH - 1], DAY,
                                       s // 3600, s // 60 % 60, s % 60)


def journal_key(header):
    m = re.match(r"([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) ", header)
    return (MONTHS.index(m.group(1)), int(m.group(2)),
            int(m.group(3)) * 3600 + int(m.group(4)) * 60 + int(m.group(5)))


def fill(template, values):
    parts = template.split("<*>")
    assert len(parts) == len(values) + 1, (template, values)
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        v = str(v)
        assert v and v == v.strip() and "\n" not in v and "\r" not in v, (template, v)
        out.append(v)
        out.append(p)
    return "".join(out)


class Cycler:
    """Small pools cycle per (event, slot) from a seeded starting offset."""

    def __init__(self, rng):
        self.rng = rng
        self.pos = {}

    def __call__(self, event, slot, pool):
        key = (event, slot)
        if key not in self.pos:
            self.pos[key] = self.rng.randrange(len(pool))
        v = pool[self.pos[key] % len(pool)]
        self.pos[key] += 1
        return v


def hexs(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def shuffle_stream(rng, counts, makers, t_start, mean_gap_s):
    """Fixed count per event, shuffled, stamped by a forward-only clock."""
    keys = [k for k, c in counts for _ in range(c)]
    assert len(keys) == N_LINES, len(keys)
    rng.shuffle(keys)
    t = t_start
    out = []
    for i, key in enumerate(keys):
        t += sec(rng.expovariate(1.0 / mean_gap_s))
        out.append((t, i, key, tuple(makers[key]())))
    return out


class Sim:
    """Collects records from many entities, each on its own clock."""

    def __init__(self):
        self.recs = []

    def emit(self, t, key, *values):
        self.recs.append((t, len(self.recs), key, tuple(values)))

    def merged(self):
        recs = sorted(self.recs, key=lambda r: (r[0], r[1]))
        assert len(recs) >= N_LINES, len(recs)
        return recs[:N_LINES]


# --------------------------------------------------------------------------
# 1. Sway -- sway/wlroots debug log on stderr (sway -d)
#    "00:04:12.345 [DEBUG] [sway/commands.c:254] message"
#    wlroots messages are routed through sway with an extra "[wlr] " part.
# --------------------------------------------------------------------------
SWAY_EVENTS = [
    # key, template, level, wlr?, source file, line
    ("txn_commit", "Transaction <*> committing with <*> instructions", "DEBUG", False, "sway/desktop/transaction.c", 623),
    ("txn_apply", "Applying transaction <*>", "DEBUG", False, "sway/desktop/transaction.c", 321),
    ("command", "Handling command '<*>'", "INFO", False, "sway/commands.c", 254),
    ("xdg_new", "New xdg_shell toplevel title='<*>' app_id='<*>'", "DEBUG", False, "sway/desktop/xdg_shell.c", 497),
    ("xwl_new", "New xwayland surface title='<*>' class='<*>'", "DEBUG", False, "sway/desktop/xwayland.c", 771),
    ("input_add", "adding device: '<*>'", "DEBUG", False, "sway/input/input-manager.c", 270),
    ("input_rm", "removing device: '<*>'", "DEBUG", False, "sway/input/input-manager.c", 300),
    ("accel", "accel_set_speed(<*>, <*>)", "DEBUG", False, "sway/input/libinput.c", 75),
    ("set_mode", "Set <*> mode to <*> (<*> Hz)", "DEBUG", False, "sway/config/output.c", 430),
    ("out_on", "Turning on output <*>", "DEBUG", False, "sway/config/output.c", 512),
    ("out_off", "Turning off output <*>", "DEBUG", False, "sway/config/output.c", 398),
    ("atomic_fail", "connector <*>: Atomic commit failed: <*>", "ERROR", True, "backend/drm/atomic.c", 86),
    ("xcb_error", "xcb error: op <*> (no minor), code <*> (no extension), sequence <*>, value <*>", "ERROR", True, "xwayland/xwm.c", 1734),
    ("li_add", "Adding <*> [<*>:<*>]", "DEBUG", True, "backend/libinput/events.c", 96),
    ("drm_scan", "Scanning DRM connectors on <*>", "INFO", True, "backend/drm/drm.c", 1544),
]
SWAY_COUNTS = [("txn_commit", 80), ("txn_apply", 70), ("command", 39), ("xdg_new", 16),
               ("xwl_new", 8), ("input_add", 14), ("input_rm", 7), ("accel", 12),
               ("set_mode", 10), ("out_on", 9), ("out_off", 6), ("atomic_fail", 5),
               ("xcb_error", 11), ("li_add", 9), ("drm_scan", 4)]
SWAY_HEADER_RE = r"\d{2}:\d{2}:\d{2}\.\d{3} \[(?:ERROR|INFO|DEBUG)\] (?:\[wlr\] )?\[[A-Za-z0-9_./-]+\.c:\d+\] "
SWAY_START = sec(8 * 3600 + 47 * 60 + 12.318)   # sway process start (monotonic 0)


def gen_sway(rng, cy):
    commands = ["workspace number 2", "focus right", "move container to workspace number 4",
                "exec foot", "kill", "fullscreen toggle", "layout tabbed",
                "resize shrink width 10px", "floating toggle", "exec wofi --show drun",
                "focus parent", "splitv", "workspace back_and_forth", "output DP-2 dpms on",
                "exec grim -g \"$(slurp)\" ~/shots/cap.png", "move scratchpad", "scratchpad show"]
    toplevels = [("Mozilla Firefox", "firefox"), ("foot", "foot"),
                 ("nvim src/kestrel/main.go", "foot"), ("Inbox - Thunderbird", "thunderbird"),
                 ("Volume Control", "org.pulseaudio.pavucontrol"), ("Files", "org.gnome.Nautilus"),
                 ("lecture-07.mkv - mpv", "mpv"), ("imv - cap-0314.png", "imv")]
    xsurfaces = [("Steam", "steam"), ("Friends List", "steam"), ("GNU Image Manipulation Program", "Gimp-2.10"),
                 ("Zoom Workplace", "zoom"), ("Spotify Premium", "Spotify"), ("JetBrains Toolbox", "jetbrains-toolbox")]
    inputs = [("1133:49291:Logitech_G502_HERO_Gaming_Mouse", "Logitech G502 HERO Gaming Mouse", 1133, 49291),
              ("1:1:AT_Translated_Set_2_keyboard", "AT Translated Set 2 keyboard", 1, 1),
              ("1739:52619:SYNA8004:00_06CB:CD8B_Touchpad", "SYNA8004:00 06CB:CD8B Touchpad", 1739, 52619),
              ("12951:6505:ZSA_Technology_Labs_Moonlander_Mark_I", "ZSA Technology Labs Moonlander Mark I", 12951, 6505),
              ("1386:890:Wacom_One_by_Wacom_S_Pen", "Wacom One by Wacom S Pen", 1386, 890),
              ("0:5:Lid_Switch", "Lid Switch", 0, 5)]
    pointers = [inputs[0][0], inputs[2][0], inputs[4][0]]
    outputs = [("DP-1", "2560x1440", "143.912003"), ("DP-2", "3840x2160", "59.997002"),
               ("HDMI-A-1", "1920x1080", "60.000000"), ("eDP-1", "2880x1800", "90.001000")]
    atomic_reasons = ["Device or resource busy", "Invalid argument", "Permission denied",
                      "No space left on device"]
    xcb_ops = ["ConfigureWindow", "ChangeProperty", "GetProperty", "SetInputFocus", "MapWindow"]
    xcb_codes = ["BadWindow", "BadMatch", "BadValue", "BadAtom"]

    def ptr():
        return "0x%x" % (0x55d1c0000000 + rng.randrange(0x4000000) * 16)

    makers = {
        "txn_commit": lambda: (ptr(), rng.choice([1, 1, 2, 2, 2, 3, 4, 5, 7])),
        "txn_apply": lambda: (ptr(),),
        "command": lambda: (cy("command", 0, commands),),
        "xdg_new": lambda: cy("xdg_new", "pair", toplevels),
        "xwl_new": lambda: cy("xwl_new", "pair", xsurfaces),
        "input_add": lambda: (cy("input_add", 0, inputs)[0],),
        "input_rm": lambda: (cy("input_rm", 0, inputs)[0],),
        "accel": lambda: (cy("accel", 0, pointers), "%f" % rng.choice([-0.5, -0.35, -0.2, 0.0, 0.15, 0.3])),
        "set_mode": lambda: cy("set_mode", "out", outputs),
        "out_on": lambda: (cy("out_on", 0, outputs)[0],),
        "out_off": lambda: (cy("out_off", 0, outputs)[0],),
        "atomic_fail": lambda: (cy("atomic_fail", 0, ["DP-1", "DP-2", "HDMI-A-1"]),
                                cy("atomic_fail", 1, atomic_reasons)),
        "xcb_error": lambda: (cy("xcb_error", 0, xcb_ops), cy("xcb_error", 1, xcb_codes),
                              rng.randrange(300, 60000), rng.choice([0x600003, 0x800007, 0x1a0000c, 0x2c00001]) + rng.randrange(0, 40)),
        "li_add": lambda: cy("li_add", "dev", inputs)[1:],
        "drm_scan": lambda: (cy("drm_scan", 0, ["/dev/dri/card1", "/dev/dri/card0"]),),
    }
    return shuffle_stream(rng, SWAY_COUNTS, makers, SWAY_START + sec(0.412), 2.4)


def sway_header(ev, t):
    key, _tpl, level, wlr, src, line = ev
    rel = t - SWAY_START
    assert rel >= 0
    s = rel // NS
    ms = rel % NS // 1_000_000
    return "%02d:%02d:%02d.%03d [%s] %s[%s:%d] " % (s // 3600, s // 60 % 60, s % 60, ms, level,
                                                    "[wlr] " if wlr else "", src, line)


def sway_key(header):
    m = re.match(r"(\d{2}):(\d{2}):(\d{2})\.(\d{3}) ", header)
    return ((int(m.group(1)) * 60 + int(m.group(2))) * 60 + int(m.group(3))) * 1000 + int(m.group(4))


# --------------------------------------------------------------------------
# 2. Upower -- upowerd via journal (journalctl -o short)
# --------------------------------------------------------------------------
UPOWER_EVENTS = [
    ("chg_as_add", "treating change event as add on <*>"),
    ("add_as_chg", "treating add event as change event on <*>"),
    ("energy", "energy <*> bigger than full <*>"),
    ("unhandled", "unhandled action '<*>' on <*>"),
    ("coldplug", "failed to coldplug <*>"),
    ("open_fail", "Failed to open <*>: <*>"),
    ("hid_report", "Failed to get HID report from <*>: <*>"),
    ("hist_load", "failed to load history file <*>: <*>"),
    ("hist_save", "failed to save history to <*>: <*>"),
    ("crit_action", "Critical action is <*>"),
    ("crit_low", "Battery is critically low (<*>%), performing <*> in <*> seconds"),
    ("dev_added", "Device <*> added"),
    ("dev_removed", "Device <*> removed"),
    ("no_type", "could not determine type of power_supply device <*>"),
]
UPOWER_COUNTS = [("chg_as_add", 105), ("add_as_chg", 58), ("energy", 35), ("unhandled", 9),
                 ("coldplug", 6), ("open_fail", 12), ("hid_report", 18), ("hist_load", 8),
                 ("hist_save", 5), ("crit_action", 4), ("crit_low", 3), ("dev_added", 16),
                 ("dev_removed", 14), ("no_type", 7)]
UPOWER_HOST, UPOWER_PID = "orbit-x13", 1187
UPOWER_HEADER_RE = r"Mar 14 \d{2}:\d{2}:\d{2} orbit-x13 upowerd\[1187\]: "


def gen_upower(rng, cy):
    sysfs = [
        "/sys/devices/LNXSYSTM:00/LNXSYBUS:00/PNP0A08:00/device:1d/PNP0C09:00/PNP0C0A:00/power_supply/BAT0",
        "/sys/devices/pci0000:00/0000:00:14.0/usb3/3-2/3-2:1.2/0003:046D:C52B.0005/0003:046D:4082.0006/power_supply/hidpp_battery_0",
        "/sys/devices/virtual/misc/uhid/0005:054C:0CE6.0009/power_supply/ps-controller-battery-a0:5a:5c:11:e2:40",
        "/sys/devices/LNXSYSTM:00/LNXSYBUS:00/ACPI0003:00/power_supply/AC",
        "/sys/devices/virtual/misc/uhid/0005:004C:0269.000A/power_supply/hid-14:7d:da:3e:51:0c-battery",
        "/sys/devices/platform/USBC000:00/power_supply/ucsi-source-psy-USBC000:001",
        "/sys/devices/pci0000:00/0000:00:14.0/usb3/3-4/3-4:1.3/0003:256C:006D.0007/power_supply/wacom_battery_0",
    ]
    odd_sysfs = ["/sys/devices/platform/USBC000:00/power_supply/ucsi-source-psy-USBC000:002",
                 "/sys/devices/pci0000:00/0000:00:14.0/usb3/3-1/3-1:1.0/power_supply/rndis-pd-sink",
                 "/sys/devices/virtual/power_supply/test_battery"]
    objpaths = ["/org/freedesktop/UPower/devices/battery_BAT0",
                "/org/freedesktop/UPower/devices/mouse_hidpp_battery_0",
                "/org/freedesktop/UPower/devices/gaming_input_ps_controller_battery_a0o5ao5co11oe2o40",
                "/org/freedesktop/UPower/devices/line_power_AC",
                "/org/freedesktop/UPower/devices/headset_dev_14_7D_DA_3E_51_0C",
                "/org/freedesktop/UPower/devices/tablet_wacom_battery_0"]
    hidraw = ["/dev/hidraw2", "/dev/hidraw5", "/dev/hidraw7", "/dev/hidraw3"]
    hid_err = ["Permission denied", "No such device", "Input/output error",
               "Connection timed out", "Broken pipe"]
    hist = ["/var/lib/upower/history-charge-5B10W13930-51-4325.dat",
            "/var/lib/upower/history-rate-5B10W13930-51-4325.dat",
            "/var/lib/upower/history-time-full-5B10W13930-51-4325.dat",
            "/var/lib/upower/history-time-empty-5B10W13930-51-4325.dat",
            "/var/lib/upower/history-charge-G502_HERO-hidpp-4082.dat"]
    load_err = ["Failed to open file: No such file or directory",
                "Invalid byte sequence in conversion input",
                "Failed to open file: Permission denied",
                "data for entry 1124 is not valid"]
    save_err = ["No space left on device", "Read-only file system", "Permission denied"]

    def energy():
        full = rng.uniform(38.0, 57.0)
        return ("%f" % (full * rng.uniform(1.001, 1.04)), "%f" % full)

    makers = {
        "chg_as_add": lambda: (cy("chg_as_add", 0, sysfs),),
        "add_as_chg": lambda: (cy("add_as_chg", 0, sysfs),),
        "energy": energy,
        "unhandled": lambda: (cy("unhandled", 0, ["bind", "unbind", "move", "offline", "online"]),
                              cy("unhandled", 1, sysfs)),
        "coldplug": lambda: (cy("coldplug", 0, odd_sysfs + sysfs[4:]),),
        "open_fail": lambda: (cy("open_fail", 0, hidraw), cy("open_fail", 1, hid_err[:3])),
        "hid_report": lambda: (cy("hid_report", 0, hidraw), cy("hid_report", 1, hid_err[2:])),
        "hist_load": lambda: (cy("hist_load", 0, hist), cy("hist_load", 1, load_err)),
        "hist_save": lambda: (cy("hist_save", 0, hist), cy("hist_save", 1, save_err)),
        "crit_action": lambda: (cy("crit_action", 0, ["PowerOff", "Hibernate", "HybridSleep"]),),
        "crit_low": lambda: (rng.choice(["2.0", "1.6", "1.0", "0.8"]),
                             cy("crit_low", 1, ["PowerOff", "Hibernate"]),
                             cy("crit_low", 2, ["20", "60"])),
        "dev_added": lambda: (cy("dev_added", 0, objpaths),),
        "dev_removed": lambda: (cy("dev_removed", 0, objpaths[1:]),),
        "no_type": lambda: (cy("no_type", 0, odd_sysfs),),
    }
    return shuffle_stream(rng, UPOWER_COUNTS, makers, sec(6 * 3600 + 41 * 60 + 3.77), 85.0)


# --------------------------------------------------------------------------
# 3. Colord -- colord via journal  (simulation: devices, profiles, sensors)
# --------------------------------------------------------------------------
COLORD_EVENTS = [
    ("dev_added", "Device added: <*>"),
    ("dev_removed", "Device removed: <*>"),
    ("prof_added", "Profile added: <*>"),
    ("prof_removed", "Profile removed: <*>"),
    ("auto_add", "Automatic metadata add <*> to <*>"),
    ("auto_remove", "Automatic remove of <*> from <*>"),
    ("session_fail", "failed to get session [pid <*>]: <*>"),
    ("inhibit_add", "Inhibit added to <*> by <*>"),
    ("inhibit_rm", "Inhibit removed from <*> by <*>"),
    ("sensor_added", "Sensor added: <*>"),
    ("sensor_removed", "Sensor removed: <*>"),
    ("made_default", "Profile <*> made default for <*>"),
    ("prof_exists", "failed to add profile: profile object path '<*>' already exists"),
    ("no_device", "failed to get device: device id '<*>' does not exist"),
]
COLORD_HOST, COLORD_PID = "ws-maple", 1033
COLORD_HEADER_RE = r"Mar 14 \d{2}:\d{2}:\d{2} ws-maple colord\[1033\]: "


def gen_colord(rng, cy):
    sim = Sim()
    T0 = sec(7 * 3600 + 58 * 60 + 41.2)
    T_END = T0 + sec(15 * 3600)
    icc = lambda: "icc-" + hexs(rng, 32)
    panel = "xrandr-BOE-NE135FBM-N41"
    monitors = [("xrandr-Dell Inc.-DELL U2723QE-4G8R2N3", icc(), icc()),
                ("xrandr-LG Electronics-LG ULTRAFINE-105NTBK7Q391", icc(), None),
                ("xrandr-Samsung Electric Company-LS27A800U-HNTR901234", icc(), icc())]
    scanners = ["sane-Canon_LiDE_400", "sane-EPSON_DS-530_II", "sane-Brother_ADS-1700W"]
    printers = [("cups-Brother_HL-L2350DW", icc()), ("cups-HP_Color_LaserJet_MFP_M283fdw", icc()),
                ("cups-Canon_PIXMA_G650", icc())]
    sensors = ["colorhug2-8c1a07", "i1display3-4d2e1f", "spyderx-0b77a2"]
    senders = lambda: ":1.%d" % rng.randrange(60, 420)
    session_err = ["No data available", "No such process", "Unknown object '/org/freedesktop/login1/session/auto'"]
    docked = []   # (start, end) intervals

    # dock / undock of the external monitors (each monitor its own lifetime)
    t = T0 + sec(rng.uniform(20, 400))
    while t < T_END:
        n = rng.choice([1, 2, 2, 3])
        dur = sec(rng.uniform(25 * 60, 140 * 60))
        docked.append((t, t + dur))
        for mi in rng.sample(range(3), n):
            dev, edid, user = monitors[mi]
            tt = t + sec(rng.uniform(0.2, 3.5))
            sim.emit(tt, "dev_added", dev)
            tt += sec(rng.uniform(0.05, 0.6))
            sim.emit(tt, "prof_added", edid)
            tt += sec(rng.uniform(0.01, 0.2))
            sim.emit(tt, "auto_add", edid, dev)
            if user:
                tt += sec(rng.uniform(0.01, 0.3))
                sim.emit(tt, "auto_add", user, dev)
                if rng.random() < 0.5:
                    tt += sec(rng.uniform(0.2, 2.0))
                    sim.emit(tt, "made_default", user, dev)
            te = t + dur + sec(rng.uniform(0.1, 2.0))
            if rng.random() < 0.45:
                sim.emit(te, "auto_remove", edid, dev)
                te += sec(rng.uniform(0.01, 0.3))
            sim.emit(te, "prof_removed", edid)
            te += sec(rng.uniform(0.01, 0.4))
            sim.emit(te, "dev_removed", dev)
        t += dur + sec(rng.uniform(8 * 60, 70 * 60))

    # scanners: power on/off churn, each scanner its own clock
    for s in scanners:
        t = T0 + sec(rng.uniform(0, 3600))
        while t < T_END:
            sim.emit(t, "dev_added", s)
            life = sec(rng.uniform(2 * 60, 25 * 60))
            sim.emit(t + life, "dev_removed", s)
            if rng.random() < 0.3:
                sim.emit(t + life + sec(rng.uniform(1, 30)), "no_device", s)
            t += life + sec(rng.expovariate(1 / 900.0))

    # printers: appear once (cups restart / queue added), with profiles
    for dev, prof in printers:
        t = T0 + sec(rng.uniform(0, 7 * 3600))
        sim.emit(t, "dev_added", dev)
        sim.emit(t + sec(rng.uniform(0.1, 0.8)), "prof_added", prof)
        sim.emit(t + sec(rng.uniform(0.9, 1.5)), "auto_add", prof, dev)
        sim.emit(t + sec(rng.uniform(1.6, 4.0)), "session_fail", rng.randrange(2000, 40000), cy("session_fail", 1, session_err))

    # calibration runs: sensor plugged, display inhibited, new profile
    t = T0 + sec(rng.uniform(900, 2400))
    while t < T_END:
        targets = [panel] + [monitors[0][0] for (a, b) in docked if a < t < b]
        dev = rng.choice(targets)
        sensor = cy("calib", "sensor", sensors)
        snd = senders()
        sim.emit(t, "sensor_added", sensor)
        tt = t + sec(rng.uniform(5, 40))
        sim.emit(tt, "inhibit_add", dev, snd)
        tt += sec(rng.uniform(180, 900))
        sim.emit(tt, "inhibit_rm", dev, snd)
        newp = icc()
        tt += sec(rng.uniform(1, 8))
        sim.emit(tt, "prof_added", newp)
        tt += sec(rng.uniform(0.01, 0.3))
        sim.emit(tt, "auto_add", newp, dev)
        tt += sec(rng.uniform(0.5, 5))
        sim.emit(tt, "made_default", newp, dev)
        if rng.random() < 0.4:
            tt += sec(rng.uniform(2, 30))
            sim.emit(tt, "prof_exists", "/org/freedesktop/ColorManager/profiles/" + newp.replace("-", "_") + "_ana_1000")
        tt += sec(rng.uniform(10, 120))
        sim.emit(tt, "sensor_removed", sensor)
        t = tt + sec(rng.expovariate(1 / 6000.0) + 1200)

    # user session re-importing profiles that colord already knows
    known = [monitors[0][2], monitors[2][2]]
    t = T0
    while t < T_END:
        t += sec(rng.expovariate(1 / 9000.0))
        prof = cy("prof_exists", 0, known)
        sim.emit(t, "prof_exists", "/org/freedesktop/ColorManager/profiles/" + prof.replace("-", "_") + "_ana_1000")

    # stray clients asking for a session
    t = T0
    while t < T_END:
        t += sec(rng.expovariate(1 / 2600.0))
        sim.emit(t, "session_fail", rng.randrange(2000, 40000), cy("session_fail", 1, session_err))
    return sim.merged()


# --------------------------------------------------------------------------
# 4. Geoclue -- geoclue via journal (seeded shuffle)
# --------------------------------------------------------------------------
GEOCLUE_EVENTS = [
    ("query_fail", "Failed to query location: <*>"),
    ("avahi_fail", "Failed to connect to avahi service: <*>"),
    ("disallowed", "'<*>' disallowed by configuration for UID <*>"),
    ("client_start", "Client <*> ('<*>') started with accuracy level <*>"),
    ("client_stop", "Client <*> ('<*>') stopped"),
    ("loc_update", "Location updated: <*>, <*> (accuracy <*> m)"),
    ("no_agent", "Failed to find agent for UID <*>"),
    ("agent_reg", "Agent registered for UID <*> by '<*>'"),
    ("wifi_scan", "WiFi scan completed on wlan0: <*> access points"),
    ("submit_fail", "Failed to submit location: <*>"),
    ("nmea_fail", "Failed to connect to NMEA source <*>: <*>"),
    ("cell_change", "3G source: cell changed to MCC <*>, MNC <*>, LAC <*>, cell ID <*>"),
    ("default_url", "Using the default locate URL"),
]
GEOCLUE_COUNTS = [("query_fail", 40), ("avahi_fail", 8), ("disallowed", 10), ("client_start", 30),
                  ("client_stop", 26), ("loc_update", 95), ("no_agent", 9), ("agent_reg", 12),
                  ("wifi_scan", 40), ("submit_fail", 5), ("nmea_fail", 7), ("cell_change", 14),
                  ("default_url", 4)]
GEOCLUE_HOST, GEOCLUE_PID = "tablet-kiwi", 1402
GEOCLUE_HEADER_RE = r"Mar 14 \d{2}:\d{2}:\d{2} tablet-kiwi geoclue\[1402\]: "


def gen_geoclue(rng, cy):
    query_err = ["Query location SOUP error: Not Found",
                 "Query location SOUP error: Service Unavailable",
                 "Error resolving \"positioning.kiwi-maps.example\": Name or service not known",
                 "Timeout was reached",
                 "Query location SOUP error: Too Many Requests"]
    apps = ["org.gnome.Weather", "org.gnome.Maps", "firefox", "gnome-datetime-panel",
            "org.gnome.clocks", "com.example.RunTracker"]
    client_no = [40]
    live = []

    def client_start():
        client_no[0] += rng.randrange(1, 4)
        path = "/org/freedesktop/GeoClue2/Client/%d" % client_no[0]
        app = cy("client_start", 1, apps)
        live.append((path, app))
        return (path, app, cy("client_start", 2, ["8", "4", "6", "8"]))

    def client_stop():
        if live:
            path, app = live.pop(rng.randrange(len(live)))
        else:
            client_no[0] += 1
            path, app = "/org/freedesktop/GeoClue2/Client/%d" % client_no[0], cy("client_stop", 1, apps)
        return (path, app)

    def loc():
        return ("%.6f" % rng.uniform(47.3400, 47.4100), "%.6f" % rng.uniform(8.4900, 8.5800),
                rng.choice([12, 18, 25, 40, 65, 120, 310, 1200, 5000]) + rng.randrange(0, 9))

    makers = {
        "query_fail": lambda: (cy("query_fail", 0, query_err),),
        "avahi_fail": lambda: (cy("avahi_fail", 0, ["Daemon not running", "Access denied"]),),
        "disallowed": lambda: (cy("disallowed", 0, ["com.example.RunTracker", "org.mozilla.Thunderbird", "firefox"]),
                               cy("disallowed", 1, [1000, 1001, 1002])),
        "client_start": client_start,
        "client_stop": client_stop,
        "loc_update": loc,
        "no_agent": lambda: (cy("no_agent", 0, [1001, 1002, 0]),),
        "agent_reg": lambda: (cy("agent_reg", 0, [1000, 1001, 1002]),
                              cy("agent_reg", 1, ["gnome-shell", "geoclue-demo-agent"])),
        "wifi_scan": lambda: (rng.randrange(3, 41),),
        "submit_fail": lambda: (cy("submit_fail", 0, ["Timeout was reached",
                                                      "Submission URL not set",
                                                      "SOUP error: Bad Request"]),),
        "nmea_fail": lambda: (cy("nmea_fail", 0, ["Pixel-8-GPS._nmea-0183._tcp.local", "kiwi-boat-gps._nmea-0183._tcp.local"]),
                              cy("nmea_fail", 1, ["Connection refused", "No route to host", "Connection timed out"])),
        "cell_change": lambda: (cy("cell_change", 0, ["228", "228", "262"]), cy("cell_change", 1, ["01", "02", "03"]),
                                "0x%04x" % rng.randrange(0x1000, 0xffff), "0x%08x" % rng.randrange(0x100000, 0xfffffff)),
        "default_url": lambda: (),
    }
    return shuffle_stream(rng, GEOCLUE_COUNTS, makers, sec(7 * 3600 + 2 * 60 + 55.1), 70.0)


# --------------------------------------------------------------------------
# 5. ModemManager -- via journal (simulation: modems with bearers)
#    journal message keeps MM's level tag: "<info>  [modem0] state changed (...)"
# --------------------------------------------------------------------------
MM_EVENTS = [
    # key, template, level
    ("no_plugin", "[base-manager] couldn't check support for device '<*>': not supported by any plugin", "info"),
    ("create", "[device <*>] creating modem with plugin '<*>' and '<*>' ports", "info"),
    ("state", "[<*>] state changed (<*> -> <*>)", "info"),
    ("reg_state", "[<*>] 3GPP registration state changed (<*> -> <*>)", "info"),
    ("power", "[<*>] power state updated: <*>", "info"),
    ("sc_start", "[<*>] simple connect started...", "info"),
    ("sc_state", "[<*>] simple connect state (<*>/10): <*>", "info"),
    ("sc_fail", "[<*>] simple connect failed: <*>", "warn"),
    ("conn_done", "[<*>] connection #<*> finished: duration <*>, tx: <*> bytes, rx: <*> bytes", "info"),
    ("op_name", "[<*>] couldn't load operator name: <*>", "warn"),
    ("port_rel", "[base-manager] port <*> released by device '<*>'", "info"),
    ("disposed", "[<*>] completely disposed", "info"),
    ("ps_state", "[<*>] 3GPP packet service state changed (<*> -> <*>)", "info"),
]
MM_LEVEL_TAG = {"info": "<info>  ", "warn": "<warn>  ", "error": "<error> "}
MM_HOST, MM_PID = "lte-gw-03", 694
MM_HEADER_RE = r"Mar 14 \d{2}:\d{2}:\d{2} lte-gw-03 ModemManager\[694\]: (?:<info>  |<warn>  |<error> )"


def gen_mm(rng, cy):
    sim = Sim()
    T0 = sec(5 * 3600 + 12 * 60 + 9.4)
    usb = ["/sys/devices/platform/scb/fd500000.pcie/pci0000:00/0000:00:00.0/0000:01:00.0/usb2/2-1",
           "/sys/devices/platform/scb/fd500000.pcie/pci0000:00/0000:00:00.0/0000:01:00.0/usb2/2-2",
           "/sys/devices/platform/scb/fd500000.pcie/pci0000:00/0000:00:00.0/0000:01:00.0/usb1/1-1/1-1.3",
           "/sys/devices/platform/scb/fd500000.pcie/pci0000:00/0000:00:00.0/0000:01:00.0/usb1/1-1/1-1.4"]
    nonmodem = ["/sys/devices/platform/scb/fd500000.pcie/pci0000:00/0000:00:00.0/0000:01:00.0/usb1/1-1/1-1.2",
                "/sys/devices/platform/scb/fd580000.ethernet",
                "/sys/devices/platform/soc/fe300000.mmcnr/mmc_host/mmc1/mmc1:0001/mmc1:0001:1",
                "/sys/devices/platform/scb/fd500000.pcie/pci0000:00/0000:00:00.0/0000:01:00.0/usb1/1-1/1-1.1"]
    plugins = [("quectel", ["ttyUSB", "ttyUSB", "ttyUSB", "ttyUSB", "cdc-wdm", "wwan"]),
               ("sierra", ["ttyUSB", "ttyUSB", "cdc-wdm", "wwan"]),
               ("telit", ["ttyACM", "ttyACM", "ttyACM", "wwan"]),
               ("fibocom", ["ttyUSB", "cdc-wdm", "wwan"]),
               ("generic", ["ttyACM", "ttyACM"])]
    sc_steps = [(4, "wait to get fully enabled"), (5, "register"),
                (6, "wait to get packet service state attached"), (7, "bearer"), (8, "connect")]
    fail_reasons = ["Couldn't connect: QMI protocol error (14): 'CallFailed'",
                    "Couldn't connect: Service option not subscribed",
                    "Serial command timed out",
                    "Couldn't connect: MBIM error: ContextNotActivated",
                    "Operation was cancelled"]
    op_reasons = ["Serial command timed out", "Couldn't get operator name",
                  "QMI protocol error (94): 'NotProvisioned'", "Operation not supported"]

    port_busy = [0] * len(usb)           # busy-until per USB path
    held = []                            # (release time, set of port names)
    next_modem = [0]
    next_bearer = [0]

    def alloc(prefix, t):
        taken = set()
        for (rt, names) in held:
            if rt > t:
                taken |= names
        i = 0
        while "%s%d" % (prefix, i) in taken:
            i += 1
        return "%s%d" % (prefix, i)

    # unsupported devices showing up now and then
    t = T0
    for _ in range(9):
        t += sec(rng.expovariate(1 / 2400.0))
        sim.emit(t, "no_plugin", cy("no_plugin", 0, nonmodem))

    t_arr = T0 + sec(rng.uniform(5, 60))
    for _ in range(18):
        t_arr += sec(rng.expovariate(1 / 1500.0))
        free = [i for i in range(len(usb)) if port_busy[i] <= t_arr]
        if not free:
            t_arr = min(port_busy) + sec(rng.uniform(20, 200))
            free = [i for i in range(len(usb)) if port_busy[i] <= t_arr]
        slot = rng.choice(free)
        dev = usb[slot]
        plugin, kinds = cy("mm", "plugin", plugins)
        ports = set()
        names = []
        for k in kinds:
            n = alloc(k, t_arr)
            while n in ports:
                n = n[:-1] + str(int(n[-1]) + 1)
            ports.add(n)
            names.append(n)
        m = "modem%d" % next_modem[0]
        next_modem[0] += 1
        life = sec(rng.uniform(35 * 60, 200 * 60))
        t_end = t_arr + life
        port_busy[slot] = t_end + sec(5)
        held.append((t_end + sec(1), ports))

        t = t_arr
        sim.emit(t, "create", dev, plugin, len(names))
        t += sec(rng.uniform(1.5, 6.0))
        sim.emit(t, "state", m, "unknown", "disabled")
        t += sec(rng.uniform(0.2, 2.0))
        sim.emit(t, "state", m, "disabled", "enabling")
        t += sec(rng.uniform(0.1, 0.8))
        sim.emit(t, "power", m, "on")
        t += sec(rng.uniform(0.5, 4.0))
        sim.emit(t, "state", m, "enabling", "enabled")
        t += sec(rng.uniform(0.05, 0.5))
        sim.emit(t, "state", m, "enabled", "searching")
        sim.emit(t + sec(0.02), "reg_state", m, "unknown", "registering")
        t += sec(rng.uniform(1.0, 12.0))
        home = "roaming" if rng.random() < 0.2 else "home"
        sim.emit(t, "reg_state", m, "registering", home)
        t += sec(rng.uniform(0.01, 0.2))
        sim.emit(t, "state", m, "searching", "registered")
        if rng.random() < 0.7:
            t += sec(rng.uniform(0.5, 3.0))
            sim.emit(t, "ps_state", m, "detached", "attached")
        if rng.random() < 0.55:
            t += sec(rng.uniform(0.5, 8.0))
            sim.emit(t, "op_name", m, cy("mm", "opname", op_reasons))

        bearer = None
        conn_no = 0
        t += sec(rng.uniform(2, 20))
        while t < t_end:
            sim.emit(t, "sc_start", m)
            for num, name in sc_steps:
                t += sec(rng.uniform(0.01, 0.4))
                sim.emit(t, "sc_state", m, num, name)
            if bearer is None:
                bearer = "%s/bearer%d" % (m, next_bearer[0])
                next_bearer[0] += 1
            t += sec(rng.uniform(0.05, 0.4))
            sim.emit(t, "state", m, "registered", "connecting")
            if rng.random() < 0.16:
                t += sec(rng.uniform(2, 40))
                sim.emit(t, "sc_fail", m, cy("mm", "fail", fail_reasons))
                sim.emit(t + sec(0.01), "state", m, "connecting", "registered")
                t += sec(rng.uniform(30, 180))
                continue
            t += sec(rng.uniform(0.5, 6.0))
            sim.emit(t, "state", m, "connecting", "connected")
            t += sec(rng.uniform(0.01, 0.2))
            sim.emit(t, "sc_state", m, 9, "all done")
            conn_no += 1
            dur = rng.expovariate(1 / 1700.0) + rng.uniform(20, 90)
            if t + sec(dur) >= t_end:
                break
            t += sec(dur)
            sim.emit(t, "state", m, "connected", "disconnecting")
            t += sec(rng.uniform(0.1, 1.5))
            sim.emit(t, "state", m, "disconnecting", "registered")
            sim.emit(t + sec(0.01), "conn_done", bearer, conn_no, "%ds" % int(dur),
                     rng.randrange(20_000, 90_000_000), rng.randrange(100_000, 900_000_000))
            t += sec(rng.uniform(20, 400))
        # unplugged
        t = t_end
        if rng.random() < 0.35:
            sim.emit(t - sec(30), "state", m, "registered", "disabling")
            sim.emit(t - sec(29.2), "ps_state", m, "attached", "detached")
            sim.emit(t - sec(28.5), "state", m, "disabling", "disabled")
            sim.emit(t - sec(28.4), "power", m, "low")
        for n in names:
            t += sec(rng.uniform(0.01, 0.3))
            sim.emit(t, "port_rel", n, dev)
        t += sec(rng.uniform(0.05, 1.0))
        sim.emit(t, "disposed", m)
    return sim.merged()


# --------------------------------------------------------------------------
# 6. Iwd -- iwd via journal (simulation: connection sessions on 3 radios)
# --------------------------------------------------------------------------
IWD_EVENTS = [
    ("state", "event: state, old: <*>, new: <*>"),
    ("connect_info", "event: connect-info, ssid: <*>, bss: <*>, signal: <*>, load: <*>/255"),
    ("roam_scan", "event: roam-scan triggered, rssi: <*>"),
    ("roam_info", "event: roam-info, bss: <*>, signal: <*>, load: <*>/255"),
    ("disc_info", "event: disconnect-info, reason: <*>"),
    ("deauth", "Received Deauthentication event, reason: <*>, from_ap: <*>"),
    ("conn_failed", "event: connect-failed, status: <*>"),
    ("hs_failed", "4-Way handshake failed for ifindex: <*>, reason: <*>"),
    ("ft_failed", "event: ft-roam-failed, status: <*>"),
    ("supplicant", "Unexpected connection related event -- is another supplicant running?"),
    ("disassoc", "Received Disassociation event, reason: <*>, from_ap: <*>"),
    ("load_err", "Error loading <*>"),
]
IWD_HOST, IWD_PID = "bench-wifi-2", 588
IWD_HEADER_RE = r"Mar 14 \d{2}:\d{2}:\d{2} bench-wifi-2 iwd\[588\]: "


def gen_iwd(rng, cy):
    sim = Sim()
    T0 = sec(10 * 3600 + 3 * 60 + 27.9)
    networks = {
        "Lab-5G": (["a4:2b:b0:1c:7e:40", "a4:2b:b0:1c:93:a8", "a4:2b:b0:2d:05:14"], True),
        "Lab-2G": (["a4:2b:b0:1c:7e:41", "a4:2b:b0:1c:93:a9"], False),
        "Corridor-WPA3": (["f0:9f:c2:6e:11:d2", "f0:9f:c2:6e:38:7a", "f0:9f:c2:71:0b:c6"], True),
        "Guest-Bench": (["60:22:32:8a:4f:01", "60:22:32:8a:52:9d"], False),
    }
    radios = [("wlan0", 3), ("wlan1", 4), ("wlan2", 5)]
    bad_files = ["/var/lib/iwd//Old-Office.psk", "/var/lib/iwd//Bench_Legacy.psk", "/var/lib/iwd//Lab-6E.8021x"]
    T_END = T0 + sec(6 * 3600)

    for ridx, (ifname, ifindex) in enumerate(radios):
        t = T0 + sec(rng.uniform(0, 90))
        prev = "disconnected"
        while t < T_END:
            ssid = cy("iwd", "ssid%d" % ridx, list(networks))
            bsses, ft = networks[ssid]
            bss = rng.choice(bsses)
            auto = rng.choice(["autoconnect_quick", "autoconnect_quick", "autoconnect_full"])
            sim.emit(t, "state", "disconnected", auto)
            t += sec(rng.uniform(0.3, 4.0))
            sim.emit(t, "state", auto, "connecting (auto)")
            t += sec(rng.uniform(0.05, 1.2))
            r = rng.random()
            if r < 0.12:
                sim.emit(t, "hs_failed", ifindex, rng.choice([15, 15, 2, 23]))
                sim.emit(t + sec(0.003), "state", "connecting (auto)", "disconnected")
                t += sec(rng.uniform(10, 90))
                continue
            if r < 0.25:
                sim.emit(t, "conn_failed", rng.choice([1, 17, 53, 1]))
                sim.emit(t + sec(0.002), "state", "connecting (auto)", "disconnected")
                t += sec(rng.uniform(10, 90))
                continue
            sig = rng.randrange(-72, -38)
            sim.emit(t, "connect_info", ssid, bss, sig, rng.randrange(2, 120))
            t += sec(rng.uniform(0.01, 0.1))
            if rng.random() < 0.35:
                sim.emit(t, "state", "connecting (auto)", "netconfig")
                t += sec(rng.uniform(0.2, 3.0))
                sim.emit(t, "state", "netconfig", "connected")
            else:
                sim.emit(t, "state", "connecting (auto)", "connected")
            session_end = t + sec(rng.expovariate(1 / 700.0) + 30)
            # roams during the session
            rt = t
            while True:
                rt += sec(rng.expovariate(1 / 500.0) + 20)
                if rt >= session_end:
                    break
                sim.emit(rt, "roam_scan", rng.randrange(-84, -70))
                rt += sec(rng.uniform(0.5, 4))
                others = [b for b in bsses if b != bss]
                nb = rng.choice(others)
                sim.emit(rt, "roam_info", nb, rng.randrange(-66, -45), rng.randrange(2, 140))
                mode = "ft-roaming" if ft else "roaming"
                rt += sec(rng.uniform(0.005, 0.05))
                sim.emit(rt, "state", "connected", mode)
                rt += sec(rng.uniform(0.02, 0.4))
                if ft and rng.random() < 0.4:
                    sim.emit(rt, "ft_failed", rng.choice([53, 1, 13, 53]))
                    rt += sec(0.004)
                sim.emit(rt, "state", mode, "connected")
                bss = nb
            t = max(session_end, rt)
            r = rng.random()
            if r < 0.3:
                reason = rng.choice([2, 4, 6, 7, 15, 23])
                sim.emit(t, "deauth", reason, "true")
                sim.emit(t + sec(0.001), "disc_info", reason)
                sim.emit(t + sec(0.002), "state", "connected", "disconnected")
            elif r < 0.45:
                reason = rng.choice([4, 5, 8])
                sim.emit(t, "disassoc", reason, "true")
                sim.emit(t + sec(0.001), "disc_info", reason)
                sim.emit(t + sec(0.002), "state", "connected", "disconnected")
            elif r < 0.55:
                sim.emit(t, "state", "connected", "disconnecting")
                t += sec(rng.uniform(0.01, 0.3))
                sim.emit(t, "disassoc", 8, "false")
                sim.emit(t + sec(0.001), "state", "disconnecting", "disconnected")
            else:
                sim.emit(t, "state", "connected", "disconnecting")
                t += sec(rng.uniform(0.01, 0.3))
                sim.emit(t, "deauth", 3, "false")
                sim.emit(t + sec(0.001), "state", "disconnecting", "disconnected")
            t += sec(rng.uniform(5, 240))
    # known-network files that fail to load, noticed on periodic scans
    t = T0
    while t < T_END:
        t += sec(rng.expovariate(1 / 2000.0))
        sim.emit(t, "load_err", cy("load_err", 0, bad_files))
    # another supplicant poking the same radios now and then
    t = T0
    while t < T_END:
        t += sec(rng.expovariate(1 / 1800.0))
        sim.emit(t, "supplicant")
    return sim.merged()


# --------------------------------------------------------------------------
# assembling, writing, checking
# --------------------------------------------------------------------------
def journal_header(host, prog, pid):
    return lambda ev, t: "%s %s %s[%d]: " % (journal_ts(t), host, prog, pid)


def mm_header(ev, t):
    return "%s %s ModemManager[%d]: %s" % (journal_ts(t), MM_HOST, MM_PID, MM_LEVEL_TAG[ev[2]])


SYSTEMS = [
    # name, kind, events, generator, header builder, header regex, timestamp key
    ("Sway", "shuffle", SWAY_EVENTS, gen_sway, sway_header, SWAY_HEADER_RE, sway_key),
    ("Upower", "shuffle", UPOWER_EVENTS, gen_upower, journal_header(UPOWER_HOST, "upowerd", UPOWER_PID),
     UPOWER_HEADER_RE, journal_key),
    ("Colord", "simulation", COLORD_EVENTS, gen_colord, journal_header(COLORD_HOST, "colord", COLORD_PID),
     COLORD_HEADER_RE, journal_key),
    ("Geoclue", "shuffle", GEOCLUE_EVENTS, gen_geoclue, journal_header(GEOCLUE_HOST, "geoclue", GEOCLUE_PID),
     GEOCLUE_HEADER_RE, journal_key),
    ("ModemManager", "simulation", MM_EVENTS, gen_mm, mm_header, MM_HEADER_RE, journal_key),
    ("Iwd", "simulation", IWD_EVENTS, gen_iwd, journal_header(IWD_HOST, "iwd", IWD_PID),
     IWD_HEADER_RE, journal_key),
]


def build(k, name, events, gen, header):
    rng = random.Random(BASE_SEED * 10 + k)
    cy = Cycler(rng)
    by_key = {ev[0]: (i + 1, ev) for i, ev in enumerate(events)}
    assert len(by_key) == len(events)
    recs = gen(rng, cy)
    assert len(recs) == N_LINES
    lines, rows = [], []
    last_t = -1
    for n, (t, _seq, key, values) in enumerate(recs, 1):
        assert t >= last_t
        last_t = t
        eid, ev = by_key[key]
        content = fill(ev[1], values)
        lines.append(header(ev, t) + content)
        rows.append([n, content, "E%d" % eid, ev[1]])
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("".join(l + "\n" for l in lines))
    with open(os.path.join(d, name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def tpl_regex(template):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in template.split("<*>")) + "$", re.S)


def check(name, events, header_re, ts_key):
    d = os.path.join(HERE, name)
    problems = []

    def need(cond, msg):
        if not cond:
            problems.append(msg)

    for fn in (name + ".log", name + ".log_structured.csv"):
        with open(os.path.join(d, fn), "rb") as f:
            raw = f.read()
        need(raw.endswith(b"\n"), fn + " does not end with newline")
        need(b"\r" not in raw, fn + " contains CR")
    with open(os.path.join(d, name + ".log"), encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")[:-1]
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    need(table and table[0] == ["LineId", "Content", "EventId", "EventTemplate"], "bad CSV header")
    rows = table[1:]
    need(len(lines) == N_LINES, "log has %d lines" % len(lines))
    need(len(rows) == N_LINES, "csv has %d rows" % len(rows))
    hre = re.compile(header_re)
    declared = ["E%d" % (i + 1) for i in range(len(events))]
    declared_tpl = {"E%d" % (i + 1): ev[1] for i, ev in enumerate(events)}
    tpl_of, counts, slot_vals = {}, {}, {}
    last = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        need(len(row) == 4, "row %d has %d columns" % (i, len(row)))
        if len(row) != 4:
            continue
        lid, content, eid, tpl = row
        need(lid == str(i), "LineId %s at row %d" % (lid, i))
        need(content != "" and content == content.strip(), "row %d content empty/unstripped" % i)
        need(line.endswith(content), "line %d does not end with its Content" % i)
        head = line[:len(line) - len(content)]
        need(hre.fullmatch(head) is not None, "line %d header %r does not match" % (i, head))
        if hre.fullmatch(head):
            key = ts_key(head)
            need(last is None or key >= last, "line %d timestamp goes back" % i)
            last = key
        need(re.fullmatch(r"E\d+", eid) is not None, "row %d bad EventId %r" % (i, eid))
        need(eid in declared_tpl and declared_tpl[eid] == tpl, "row %d EventId/template mismatch" % i)
        need(tpl_of.setdefault(eid, tpl) == tpl, "EventId %s has two templates" % eid)
        counts[eid] = counts.get(eid, 0) + 1
        m = tpl_regex(tpl).fullmatch(content)
        need(m is not None, "row %d template does not match content" % i)
        if m:
            for j, g in enumerate(m.groups()):
                slot_vals.setdefault((eid, j), set()).add(g)
    need(len(set(tpl_of.values())) == len(tpl_of), "two EventIds share a template")
    need(len(set(declared_tpl.values())) == len(declared_tpl), "declared templates not distinct")
    need(set(counts) == set(declared), "unused events: %s" % sorted(set(declared) - set(counts)))
    for eid in declared:
        nslots = declared_tpl[eid].count("<*>")
        for j in range(nslots):
            need(len(slot_vals.get((eid, j), ())) >= 2,
                 "%s slot %d has values %s" % (eid, j, sorted(slot_vals.get((eid, j), ()))))
    c = [counts.get(e, 0) for e in declared]
    need(12 <= len(declared) <= 15, "%d event types" % len(declared))
    need(min(c) >= 3, "an event has fewer than 3 lines: %s" % c)
    need(sum(1 for x in c if 3 <= x <= 10) >= 3, "fewer than 3 events with 3-10 lines: %s" % c)
    med = statistics.median(c)
    need(max(c) >= 3 * med, "largest %d < 3 x median %s" % (max(c), med))
    return problems, c, med


def main():
    for k, (name, kind, events, gen, header, _hre, _tk) in enumerate(SYSTEMS, 1):
        build(k, name, events, gen, header)
    ok = True
    for k, (name, kind, events, _gen, _header, hre, tk) in enumerate(SYSTEMS, 1):
        problems, c, med = check(name, events, hre, tk)
        status = "OK" if not problems else "FAIL"
        print("%-13s %-10s seed=%d events=%d max=%d median=%s small(3-10)=%d min=%d  %s" % (
            name, kind, BASE_SEED * 10 + k, len(events), max(c), med,
            sum(1 for x in c if 3 <= x <= 10), min(c), status))
        print("              counts: " + " ".join("E%d=%d" % (i + 1, x) for i, x in enumerate(c)))
        for p in problems:
            print("    - " + p)
        ok = ok and not problems
    if not ok:
        print("SELF-CHECK FAILED")
        sys.exit(1)
    print("self-check passed")


if __name__ == "__main__":
    main()
