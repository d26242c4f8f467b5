#!/usr/bin/env python3
"""Round 59 blind labelled log corpus generator.

Standard library only, fully deterministic: no wall clock, no locale, month
names from a fixed list.  Base seed 20270172; system k (1..6) uses
random.Random(20270172 * 10 + k).  All times come from an integer nanosecond
clock counted from 2026-03-14 00:00:00 UTC.

Systems (k): 1 GnomeShell, 2 Kwin, 3 Gdm, 4 Logind, 5 AptTermLog, 6 DnfLog.
Simulations: Gdm (login / greeter sessions), Logind (sessions, suspend
cycles, input devices).  Seeded shuffles: GnomeShell, Kwin, AptTermLog, DnfLog.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for every system, then re-reads and self-checks them.
"""
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270172
OUT = os.path.dirname(os.path.abspath(__file__))
NS = 1_000_000_000
MS = 1_000_000
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
N_LINES = 300


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------
def hms(t):
    s = t // NS
    assert 0 <= s < 86400, "clock left 2026-03-14"
    return s // 3600, (s // 60) % 60, s % 60


def journal_header(t, host, ident, pid):
    """journalctl -o short: 'Mar 14 08:12:03 host ident[pid]: '."""
    h, m, s = hms(t)
    return "%s %2d %02d:%02d:%02d %s %s[%d]: " % (
        MONTHS[MONTH - 1], DAY, h, m, s, host, ident, pid)


def dnf_header(t, level):
    """dnf.log: '2026-03-14T08:12:03+0000 DDEBUG '."""
    h, m, s = hms(t)
    return "%04d-%02d-%02dT%02d:%02d:%02d+0000 %s " % (YEAR, MONTH, DAY, h, m, s, level)


def apt_stamp(t):
    """term.log 'Log started:' stamp: '2026-03-14  08:12:03' (two spaces)."""
    h, m, s = hms(t)
    return "%04d-%02d-%02d  %02d:%02d:%02d" % (YEAR, MONTH, DAY, h, m, s)


def fill(tpl, vals):
    parts = tpl.split("<*>")
    assert len(parts) == len(vals) + 1, (tpl, vals)
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


def hexs(r, digits):
    return "%0*x" % (digits, r.getrandbits(4 * digits))


def at(h, m=0, s=0):
    return ((h * 60 + m) * 60 + s) * NS


def secs(x):
    return int(x * NS)


class System:
    def __init__(self, name, k, events, kind):
        self.name = name
        self.k = k
        self.kind = kind
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.events = events                 # [(key, template, count|None)]
        self.tpl = {e[0]: e[1] for e in events}
        self.eid = {e[0]: "E%d" % (i + 1) for i, e in enumerate(events)}
        assert len(self.tpl) == len(events)
        self._cyc = {}

    def cyc(self, key, slot, pool):
        """Small pools cycle per (event, slot) so each slot takes >= 2 values."""
        n = self._cyc.get((key, slot), 0)
        self._cyc[(key, slot)] = n + 1
        return pool[n % len(pool)]


def run_shuffle(S, start, mean_gap_s, make):
    """Fixed count per event, shuffled, stamped by a forward-only clock."""
    r = S.rng
    bag = []
    for key, _, count in S.events:
        bag.extend([key] * count)
    assert len(bag) == N_LINES, (S.name, len(bag))
    r.shuffle(bag)
    t = start
    rows = []
    for key in bag:
        t += int(r.expovariate(1.0 / mean_gap_s) * NS)
        header, vals = make(S, key, t)
        rows.append((header, fill(S.tpl[key], vals), key))
    return rows


class Sim:
    """Collects lines from entities living on their own clocks."""

    def __init__(self, S):
        self.S = S
        self.items = []
        self.seq = 0

    def emit(self, t, hdr, key, vals):
        self.items.append((int(t), self.seq, hdr, key, tuple(vals)))
        self.seq += 1

    def rows(self, horizon, header_fn):
        self.items.sort(key=lambda x: (x[0], x[1]))
        first = self.items[:N_LINES]
        assert len(first) == N_LINES
        assert first[-1][0] < horizon, "entity horizon too short"
        return [(header_fn(t, hdr), fill(self.S.tpl[key], vals), key)
                for t, _, hdr, key, vals in first]


# --------------------------------------------------------------------------
# 1. GnomeShell (seeded shuffle)
# --------------------------------------------------------------------------
GS_EVENTS = [
    ("disposed", "Object <*> (<*>), has been already disposed \u2014 impossible to access it. "
                 "This might be caused by the object having been destroyed from C code using "
                 "something such as destroy(), dispose(), or remove() vfuncs.", 50),
    ("stack_ctx", "== Stack trace for context <*> ==", 12),
    ("frame", "#<*>   <*> <*>   <*> (<*> @ <*>)", 60),
    ("js_null", "JS ERROR: TypeError: <*> is null", 14),
    ("keysym", "Window manager warning: Overwriting existing binding of keysym <*> with keysym <*> (keycode <*>).", 6),
    ("buggy_active", "Window manager warning: Buggy client sent a _NET_ACTIVE_WINDOW message with a timestamp of 0 for <*> (<*>)", 7),
    ("touch_jump", "libinput error: <*>  - <*>: kernel bug: Touch jump detected and discarded.", 5),
    ("stage_views", "Can't update stage views actor <*> is on because it needs an allocation.", 40),
    ("stack_assert", "meta_window_set_stack_position_no_sync: assertion 'window->stack_position >= 0' failed", 16),
    ("transient_scope", "Could not create transient scope for PID <*>: GDBus.Error:org.freedesktop.DBus.Error.UnixProcessId: Process with ID <*> does not exist.", 30),
    ("offending", "Window manager warning: W<*> appears to be one of the offending windows with a timestamp of <*>.  Working around...", 24),
    ("last_user_time", "Window manager warning: last_user_time (<*>) is greater than comparison timestamp (<*>).  "
                       "This most likely represents a buggy client sending inaccurate timestamps in messages such as "
                       "_NET_ACTIVE_WINDOW.  Trying to work around...", 18),
    ("drm_atomic", "Added device '<*>' (<*>) using atomic mode setting.", 4),
    ("drm_nonatomic", "Added device '<*>' (<*>) using non-atomic mode setting.", 3),
    ("search_provider", "Received error from D-Bus search provider <*>: Gio.DBusError: "
                        "GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name <*> was not provided by any .service files", 11),
]
GS_OBJ = ["St.Button", "St.Label", "Meta.WindowActor", "St.Icon", "St.BoxLayout", "Clutter.Actor", "St.Bin"]
GS_RES = ["resource:///org/gnome/shell/ui/windowManager.js", "resource:///org/gnome/shell/ui/workspace.js",
          "resource:///org/gnome/shell/ui/layout.js", "resource:///org/gnome/shell/ui/messageTray.js",
          "resource:///org/gnome/shell/ui/panel.js", "resource:///org/gnome/shell/ui/popupMenu.js",
          "file:///home/nadia/.local/share/gnome-shell/extensions/dash-to-dock@micxgx.gmail.com/docking.js",
          "file:///usr/share/gnome-shell/extensions/ubuntu-appindicators@ubuntu.com/indicatorStatusIcon.js",
          "resource:///org/gnome/gjs/modules/core/overrides/GObject.js", "self-hosted"]
GS_NULL = ["this._actor", "this.actor", "this._windowActor", "window.get_compositor_private(...)",
           "this._box", "this._indicator.menu", "global.display.focus_window"]
GS_KEYS = [("31", "a"), ("32", "b"), ("33", "c"), ("34", "d"), ("36", "f")]
GS_TITLES = ["Mozilla Fi", "Slack | ge", "Steam", "Signal", "Visual Stu", "Terminal"]
GS_TOUCH = ["SynPS/2 Synaptics TouchPad", "ELAN0672:00 04F3:3187 Touchpad", "SYNA7DB5:01 06CB:CD41 Touchpad"]
GS_ACTORS = [("<unnamed>", "MetaWindowActorX11"), ("panelBox", "StBoxLayout"), ("<unnamed>", "StWidget"),
             ("<unnamed>", "MetaWindowActorWayland"), ("dashtodockContainer", "DashToDock"),
             ("<unnamed>", "ClutterClone")]
GS_DRM = [("/dev/dri/card0", "i915"), ("/dev/dri/card1", "amdgpu"), ("/dev/dri/card1", "nouveau")]
GS_SEARCH = [("org.gnome.Calculator.desktop", "org.gnome.Calculator.SearchProvider"),
             ("org.gnome.Characters.desktop", "org.gnome.Characters.BackgroundService"),
             ("org.gnome.clocks.desktop", "org.gnome.clocks"),
             ("org.gnome.Weather.desktop", "org.gnome.Weather.BackgroundService")]


def gs_make(S, key, t):
    r = S.rng

    def c(slot, pool):
        return S.cyc(key, slot, pool)

    def heap():
        return "0x55" + hexs(r, 10)

    if key == "disposed":
        vals = (c(0, GS_OBJ), heap())
    elif key == "stack_ctx":
        vals = (heap(),)
    elif key == "frame":
        vals = (r.choice([0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), "7ff" + hexs(r, 9), c(2, ["i", "b"]),
                "%s:%d" % (c(3, GS_RES), r.randint(12, 2400)), hexs(r, 12), r.randint(0, 480))
    elif key == "js_null":
        vals = (c(0, GS_NULL),)
    elif key == "keysym":
        ks, kc = c(0, GS_KEYS)
        vals = (ks, ks, kc)
    elif key == "buggy_active":
        vals = ("0x%x" % (r.randint(0x1800000, 0x5400000) | 0x3), c(1, GS_TITLES))
    elif key == "touch_jump":
        vals = ("event%d" % r.randint(4, 9), c(1, GS_TOUCH))
    elif key == "stage_views":
        name, cls = c(0, GS_ACTORS)
        vals = ("%s[<%s>:%s]" % (name, cls, heap()),)
    elif key == "stack_assert":
        vals = ()
    elif key == "transient_scope":
        pid = r.randint(3100, 98000)
        vals = (pid, pid)
    elif key == "offending":
        vals = (r.randint(1, 60), r.randint(1200000, 98000000))
    elif key == "last_user_time":
        b = r.randint(1200000, 98000000)
        vals = (b + r.randint(1, 90000), b)
    elif key in ("drm_atomic", "drm_nonatomic"):
        vals = c(0, GS_DRM)
    elif key == "search_provider":
        vals = c(0, GS_SEARCH)
    else:
        raise KeyError(key)
    return journal_header(t, "fennel", "gnome-shell", 2184), vals


# --------------------------------------------------------------------------
# 2. Kwin (seeded shuffle)
# --------------------------------------------------------------------------
KW_EVENTS = [
    ("input_lag", "kwin_libinput: Libinput: <*>  - <*>: client bug: event processing lagging behind by <*>, your system is too slow", 30),
    ("atomic_fail", "kwin_wayland_drm: atomic commit failed: <*>", 8),
    ("xcb_error", "kwin_core: XCB error: <*> (<*>), sequence: <*>, resource id: <*>, major code: <*> (<*>), minor code: <*> (<*>)", 40),
    ("fb_fail", "kwin_wayland_drm: Failed to create framebuffer: <*>", 5),
    ("qml_assign", "<*>: Unable to assign [undefined] to <*>", 60),
    ("qml_typeerror", "<*>: TypeError: Cannot read property '<*>' of null", 45),
    ("pa_noobject", "org.kde.plasma.pulseaudio: No object for name \"<*>\"", 20),
    ("qfont", "QFont::setPointSizeF: Point size <= 0 (<*>), must be greater than 0", 6),
    ("kdirmodel", "kf.kio.widgets.kdirmodel: No node found for item that was just removed: QUrl(\"<*>\")", 20),
    ("out_conn", "kwin_wayland_drm: Output <*> connected", 5),
    ("out_disc", "kwin_wayland_drm: Output <*> disconnected", 4),
    ("qthreadstorage", "QThreadStorage: Thread <*> exited after QThreadStorage <*> destroyed", 14),
    ("empty_dialog", "trying to show an empty dialog", 25),
    ("xkbcomp", "The XKEYBOARD keymap compiler (xkbcomp) reports:", 9),
    ("xkb_keycode", "> Warning:          Unsupported maximum keycode <*>, clipping.", 9),
]
KW_TOUCH = ["SynPS/2 Synaptics TouchPad", "ELAN0501:00 04F3:3060 Touchpad", "Logitech USB Receiver Mouse",
            "AT Translated Set 2 keyboard", "TPPS/2 Elan TrackPoint"]
KW_ERRNO = ["Invalid argument", "Permission denied", "Device or resource busy", "Cannot allocate memory"]
KW_XCB = [("3", "BadWindow", "18", "ChangeProperty", "0", "Unknown"),
          ("152", "BadDamage", "143", "DAMAGE", "3", "Subtract"),
          ("8", "BadMatch", "42", "SetInputFocus", "0", "Unknown"),
          ("9", "BadDrawable", "14", "GetGeometry", "0", "Unknown"),
          ("3", "BadWindow", "2", "ChangeWindowAttributes", "0", "Unknown")]
KW_QML = ["file:///usr/share/plasma/plasmoids/org.kde.plasma.taskmanager/contents/ui/Task.qml",
          "file:///usr/share/plasma/plasmoids/org.kde.plasma.kickoff/contents/ui/KickoffListDelegate.qml",
          "file:///usr/share/plasma/plasmoids/org.kde.plasma.systemtray/contents/ui/items/AbstractItem.qml",
          "file:///usr/share/plasma/plasmoids/org.kde.plasma.digitalclock/contents/ui/DigitalClock.qml",
          "file:///usr/lib/x86_64-linux-gnu/qt6/qml/org/kde/plasma/components/ToolTip.qml",
          "file:///home/tomasz/.local/share/plasma/plasmoids/org.kde.netspeedWidget/contents/ui/main.qml"]
KW_TYPES = ["QString", "int", "bool", "double", "QColor", "QQuickItem*"]
KW_PROPS = ["width", "model", "visible", "parent", "implicitHeight", "icon", "display"]
KW_SINKS = ["alsa_output.pci-0000_00_1f.3.analog-stereo.monitor", "alsa_input.usb-046d_HD_Pro_Webcam_C920-02.analog-stereo",
            "bluez_output.4C_87_5D_21_9A_0E.1", "alsa_output.pci-0000_01_00.1.hdmi-stereo-extra1"]
KW_FILES = ["Downloads/ubuntu-24.04.2-desktop-amd64.iso.part", "Downloads/invoice_2026-03.pdf.part",
            ".cache/thumbnails/large/tmp-3Yx9qA.png", "Documents/notes.md.kate-swp", "Downloads/setup (1).exe.part"]
KW_OUTPUTS = ["DP-1", "HDMI-A-1", "DP-2", "DP-3"]


def kw_make(S, key, t):
    r = S.rng

    def c(slot, pool):
        return S.cyc(key, slot, pool)

    ident, pid = "kwin_wayland", 1193
    if key == "input_lag":
        vals = ("event%d" % r.randint(2, 9), c(1, KW_TOUCH), "%dms" % r.randint(11, 420))
    elif key in ("atomic_fail", "fb_fail"):
        vals = (c(0, KW_ERRNO),)
    elif key == "xcb_error":
        e = c(0, KW_XCB)
        vals = (e[0], e[1], r.randint(2000, 65000), r.randint(20971520, 88080400), e[2], e[3], e[4], e[5])
    elif key == "qml_assign":
        ident, pid = "plasmashell", 1411
        vals = ("%s:%d:%d" % (c(0, KW_QML), r.randint(20, 640), r.choice([5, 9, 13, 17, 21])), c(1, KW_TYPES))
    elif key == "qml_typeerror":
        ident, pid = "plasmashell", 1411
        vals = ("%s:%d" % (c(0, KW_QML), r.randint(20, 640)), c(1, KW_PROPS))
    elif key == "pa_noobject":
        ident, pid = "plasmashell", 1411
        vals = (c(0, KW_SINKS),)
    elif key == "qfont":
        ident, pid = "plasmashell", 1411
        vals = (c(0, ["-1.000000", "0.000000"]),)
    elif key == "kdirmodel":
        ident, pid = "plasmashell", 1411
        vals = ("file:///home/tomasz/" + c(0, KW_FILES),)
    elif key in ("out_conn", "out_disc"):
        vals = (c(0, KW_OUTPUTS),)
    elif key == "qthreadstorage":
        if c(9, [0, 1]):
            ident, pid = "plasmashell", 1411
        vals = ("0x7f" + hexs(r, 10), r.randint(1, 14))
    elif key == "empty_dialog":
        ident, pid = "plasmashell", 1411
        vals = ()
    elif key == "xkbcomp":
        ident, pid = "kwin_wayland_wrapper", 1189
        vals = ()
    elif key == "xkb_keycode":
        ident, pid = "kwin_wayland_wrapper", 1189
        vals = (c(0, ["708", "569"]),)
    else:
        raise KeyError(key)
    return journal_header(t, "kestrel", ident, pid), vals


# --------------------------------------------------------------------------
# 3. Gdm (simulation: greeter sessions and user login sessions)
# --------------------------------------------------------------------------
GDM_EVENTS = [
    ("auth_fail", "pam_unix(gdm-password:auth): authentication failure; logname= uid=0 euid=0 tty=/dev/tty1 ruser= rhost=  user=<*>", None),
    ("gkr_nodaemon", "gkr-pam: unable to locate daemon control file", None),
    ("gkr_stashed", "gkr-pam: stashed password to try later in open session", None),
    ("sess_open", "pam_unix(gdm-password:session): session opened for user <*>(uid=<*>) by (uid=0)", None),
    ("gkr_unlocked", "gkr-pam: gnome-keyring-daemon started properly and unlocked keyring", None),
    ("sess_close", "pam_unix(gdm-password:session): session closed for user <*>", None),
    ("dbus_act", "dbus-daemon[<*>]: [session uid=<*> pid=<*>] Activating service name='<*>' requested by '<*>' (uid=<*> pid=<*> comm=\"<*>\")", None),
    ("dbus_act_sd", "dbus-daemon[<*>]: [session uid=<*> pid=<*>] Activating via systemd: service name='<*>' unit='<*>' requested by '<*>' (uid=<*> pid=<*> comm=\"<*>\")", None),
    ("dbus_ok", "dbus-daemon[<*>]: [session uid=<*> pid=<*>] Successfully activated service '<*>'", None),
    ("got_fd", "(II) systemd-logind: got fd for <*> <*> fd <*> paused 0", None),
    ("release_fd", "(II) systemd-logind: releasing fd for <*>", None),
    ("child_dead", "Gdm: Child process -<*> was already dead.", None),
    ("greeter_open", "pam_unix(gdm-launch-environment:session): session opened for user gdm(uid=120) by (uid=0)", None),
    ("greeter_close", "pam_unix(gdm-launch-environment:session): session closed for user gdm", None),
    ("never_registered", "Gdm: GdmDisplay: Session never registered, failing", None),
]
GDM_USERS = [("priya", 1000), ("oskar", 1001), ("priya", 1000), ("lena", 1002), ("oskar", 1001)]
GDM_SERVICES = [("org.gnome.ScreenSaver", None), ("org.freedesktop.portal.Desktop", "xdg-desktop-portal.service"),
                ("org.gtk.vfs.Daemon", "gvfs-daemon.service"), ("org.a11y.Bus", None),
                ("org.freedesktop.Tracker3.Miner.Files", "tracker-miner-fs-3.service"),
                ("org.gnome.Shell.CalendarServer", None),
                ("org.gnome.evolution.dataserver.Sources5", "evolution-source-registry.service"),
                ("org.freedesktop.impl.portal.PermissionStore", "xdg-permission-store.service"),
                ("ca.desrt.dconf", "dconf.service"), ("org.gnome.Shell.Notifications", None)]
GDM_COMM = ["/usr/bin/gnome-shell", "/usr/libexec/gsd-xsettings", "/usr/libexec/xdg-desktop-portal-gnome",
            "/usr/bin/gnome-session-binary --systemd-service --session=ubuntu",
            "/usr/libexec/evolution-calendar-factory", "/usr/libexec/gsd-media-keys"]
GDM_DEVICES = [("/dev/dri/card0", "226:0")] + [("/dev/input/event%d" % n, "13:%d" % (64 + n))
                                               for n in (2, 3, 4, 5, 7, 9, 11, 14)]
GDM_HOST = "heron"
GDM_DAEMON = ("gdm3", 1024)


def gdm_sim(S):
    r = S.rng
    sim = Sim(S)
    t = at(7, 41) + secs(r.uniform(0, 60))
    horizon = t + 5 * 3600 * NS
    next_pid = 1630
    bus = [40]

    def newpid(step_lo=40, step_hi=900):
        nonlocal next_pid
        next_pid += r.randint(step_lo, step_hi)
        return next_pid

    def activations(sp, dp, uid, t0, t1, n):
        for _ in range(n):
            ta = t0 + secs(r.uniform(0, max(1.0, (t1 - t0) / NS)))
            name, unit = S.cyc("dbus", "svc", GDM_SERVICES)
            bus[0] += r.randint(1, 9)
            req = ":1.%d" % bus[0]
            rpid = dp + r.randint(3, 400)
            comm = S.cyc("dbus", "comm", GDM_COMM)
            if unit is None:
                sim.emit(ta, (sp[0], sp[1]), "dbus_act", (dp, uid, dp, name, req, uid, rpid, comm))
            else:
                sim.emit(ta, (sp[0], sp[1]), "dbus_act_sd", (dp, uid, dp, name, unit, req, uid, rpid, comm))
            sim.emit(ta + secs(r.uniform(0.015, 0.9)), (sp[0], sp[1]), "dbus_ok", (dp, uid, dp, name))

    while t < horizon:
        kind = S.cyc("entity", "kind", ["user", "fail", "greeter", "user", "user", "user", "fail", "user", "greeter", "user"])
        if kind == "greeter":
            lp = newpid()
            sp = ("gdm-wayland-session", lp + r.randint(4, 20))
            dp = sp[1] + r.randint(2, 9)
            sim.emit(t, ("gdm-launch-environment]", lp), "greeter_open", ())
            life = secs(r.expovariate(1 / 240.0) + 20)
            activations(sp, dp, 120, t + secs(0.5), t + min(life, secs(60)), r.randint(2, 4))
            end = t + life
            sim.emit(end, ("gdm-launch-environment]", lp), "greeter_close", ())
            if r.random() < 0.7:
                sim.emit(end + secs(r.uniform(0.01, 0.3)), GDM_DAEMON, "child_dead", (sp[1],))
        else:
            user, uid = S.cyc("entity", "user", GDM_USERS)
            pp = newpid()
            pw = ("gdm-password]", pp)
            ta = t
            for _ in range(r.choice([0, 0, 0, 0, 0, 0, 0, 1, 1, 2])):
                sim.emit(ta, pw, "auth_fail", (user,))
                ta += secs(r.uniform(3, 14))
            sim.emit(ta, pw, "gkr_nodaemon", ())
            sim.emit(ta + secs(0.002), pw, "gkr_stashed", ())
            topen = ta + secs(r.uniform(0.05, 0.4))
            sim.emit(topen, pw, "sess_open", (user, uid))
            sim.emit(topen + secs(r.uniform(0.3, 1.5)), pw, "gkr_unlocked", ())
            x11 = kind != "fail" and S.cyc("entity", "x11", [True, False, False])
            sp = ("gdm-x-session" if x11 else "gdm-wayland-session", pp + r.randint(6, 30))
            dp = sp[1] + r.randint(3, 12)
            if kind == "fail":
                end = topen + secs(r.uniform(25, 60))
                sim.emit(end - secs(0.2), GDM_DAEMON, "never_registered", ())
            else:
                end = topen + secs(r.expovariate(1 / 1500.0) + 120)
            fds = []
            if x11:
                devs = [GDM_DEVICES[0]] + r.sample(GDM_DEVICES[1:], r.randint(3, 6))
                fd = r.randint(11, 14)
                tf = topen + secs(r.uniform(0.8, 2.0))
                for path, mm in devs:
                    sim.emit(tf, sp, "got_fd", (path, mm, fd))
                    fds.append(mm)
                    fd += 1
                    tf += secs(r.uniform(0.001, 0.05))
            if kind != "fail":
                activations(sp, dp, uid, topen + secs(2), min(end, topen + secs(600)), r.randint(2, 7))
            tr = end
            for mm in fds:
                if r.random() < 0.75:
                    sim.emit(tr, sp, "release_fd", (mm,))
                    tr += secs(r.uniform(0.001, 0.02))
            sim.emit(end + secs(0.05), pw, "sess_close", (user,))
            if r.random() < 0.8:
                sim.emit(end + secs(r.uniform(0.1, 0.6)), GDM_DAEMON, "child_dead", (sp[1],))
        t += secs(r.expovariate(1 / 110.0) + 5)

    return sim.rows(horizon, lambda tt, h: journal_header(tt, GDM_HOST, h[0], h[1]))


# --------------------------------------------------------------------------
# 4. Logind (simulation: sessions, suspend cycles, input devices)
# --------------------------------------------------------------------------
LG_EVENTS = [
    ("new_session", "New session <*> of user <*>.", None),
    ("logged_out", "Session <*> logged out. Waiting for processes to exit.", None),
    ("removed", "Removed session <*>.", None),
    ("existing", "Existing logind session ID <*> used by new audit session, ignoring.", None),
    ("abandon", "Failed to abandon session scope, ignoring: <*>", None),
    ("watching", "Watching system buttons on <*> (<*>)", None),
    ("lid_closed", "Lid closed.", None),
    ("lid_opened", "Lid opened.", None),
    ("power_short", "Power key pressed short.", None),
    ("suspend_now", "The system will suspend now!", None),
    ("sleep_done", "Operation 'sleep' finished.", None),
    ("delay_lock", "Delay lock is active (UID <*>/<*>, PID <*>/<*>) but inhibitor timeout is reached.", None),
]
LG_USERS = ["deploy", "ana", "deploy", "root", "ci-runner", "ana", "deploy", "gdm", "backup", "mwright"]
LG_ABANDON = ["Unit session-%s.scope not loaded.", "Transport endpoint is not connected",
              "Connection timed out", "Access denied"]
LG_BUTTONS = ["Lenovo ThinkPad Thunderbolt 4 Dock USB Audio", "Logitech USB Receiver System Control",
              "Dell WD19 Dock Consumer Control", "Video Bus", "Power Button", "ThinkPad Extra Buttons"]
LG_INHIB = [(1000, "ana", "gnome-shell"), (1003, "mwright", "gsd-power"), (1000, "ana", "NetworkManager"),
            (1003, "mwright", "gnome-shell")]
LG_HOST, LG_IDENT, LG_PID = "osprey", "systemd-logind", 812


def logind_sim(S):
    r = S.rng
    sim = Sim(S)
    t0 = at(9, 2) + secs(r.uniform(0, 60))
    horizon = t0 + 4 * 3600 * NS
    hdr = ()
    # sessions
    t = t0
    sid = r.randint(2100, 2600)
    cid = r.randint(2, 9)
    live = []
    while t < horizon:
        user = S.cyc("session", "user", LG_USERS)
        if user == "gdm":
            s = "c%d" % cid
            cid += 1
        else:
            s = str(sid)
            sid += 1
        sim.emit(t, hdr, "new_session", (s, user))
        alive = [x for x, x_rm in live if x_rm > t]
        if alive and r.random() < 0.09:
            sim.emit(t + secs(r.uniform(0.001, 0.3)), hdr, "existing", (r.choice(alive),))
        if user in ("deploy", "ci-runner", "backup"):
            dur = r.uniform(0.4, 20)
        else:
            dur = r.expovariate(1 / 700.0) + 8
        end = t + secs(dur)
        if r.random() < 0.85:
            sim.emit(end, hdr, "logged_out", (s,))
            rm = end + secs(r.uniform(0.005, 2.5))
        else:
            rm = end
        if r.random() < 0.07:
            reason = S.cyc("abandon", "reason", LG_ABANDON)
            if "%s" in reason:
                reason = reason % s
            sim.emit(rm - secs(0.001), hdr, "abandon", (reason,))
        sim.emit(rm, hdr, "removed", (s,))
        if s[0] != "c":
            live.append((s, rm))
            live = live[-40:]
        t += secs(r.expovariate(1 / 35.0))
    # suspend cycles
    t = t0 + secs(r.uniform(60, 300))
    while t < horizon:
        lid = S.cyc("suspend", "trigger", [True, False])
        sim.emit(t, hdr, "lid_closed" if lid else "power_short", ())
        ts = t + secs(r.uniform(0.01, 0.4))
        sim.emit(ts, hdr, "suspend_now", ())
        if r.random() < 0.75:
            uid, user, comm = S.cyc("delay_lock", "who", LG_INHIB)
            sim.emit(ts + secs(5.0) + secs(r.uniform(0, 0.01)), hdr, "delay_lock",
                     (uid, user, r.randint(1500, 9000), comm))
        wake = ts + secs(r.uniform(20, 140))
        sim.emit(wake, hdr, "sleep_done", ())
        if lid:
            sim.emit(wake + secs(r.uniform(0.1, 1.5)), hdr, "lid_opened", ())
        t = wake + secs(r.expovariate(1 / 300.0) + 60)
    # input devices with system buttons (dock plugged in)
    t = t0 + secs(r.uniform(30, 200))
    while t < horizon:
        ev = r.randint(10, 24)
        for _ in range(r.randint(1, 3)):
            sim.emit(t, hdr, "watching", ("/dev/input/event%d" % ev, S.cyc("watching", "name", LG_BUTTONS)))
            ev += r.randint(1, 3)
            t += secs(r.uniform(0.001, 0.2))
        t += secs(r.expovariate(1 / 700.0) + 30)

    return sim.rows(horizon, lambda tt, h: journal_header(tt, LG_HOST, LG_IDENT, LG_PID))


# --------------------------------------------------------------------------
# 5. AptTermLog (seeded shuffle)
# --------------------------------------------------------------------------
APT_EVENTS = [
    ("log_started", "Log started: <*>", 5),
    ("log_ended", "Log ended: <*>", 5),
    ("selecting", "Selecting previously unselected package <*>.", 30),
    ("preparing", "Preparing to unpack .../<*> ...", 60),
    ("unpacking", "Unpacking <*> (<*>) ...", 50),
    ("unpacking_over", "Unpacking <*> (<*>) over (<*>) ...", 20),
    ("setting_up", "Setting up <*> (<*>) ...", 60),
    ("triggers", "Processing triggers for <*> (<*>) ...", 25),
    ("reading_db", "(Reading database ... <*> files and directories currently installed.)", 10),
    ("removing", "Removing <*> (<*>) ...", 10),
    ("purging", "Purging configuration files for <*> (<*>) ...", 4),
    ("symlink", "Created symlink <*> \u2192 <*>.", 6),
    ("alternatives", "update-alternatives: using <*> to provide <*> (<*>) in auto mode", 8),
    ("dpkg_warn_dir", "dpkg: warning: unable to delete old directory '<*>': Directory not empty", 4),
    ("conffile", "Installing new version of config file <*> ...", 3),
]
# (package as dpkg prints it, version, architecture)
APT_PKGS = [("nginx", "1.24.0-2ubuntu7.1", "amd64"), ("nginx-common", "1.24.0-2ubuntu7.1", "all"),
            ("libnginx-mod-http-geoip2", "1.24.0-2ubuntu7.1", "amd64"), ("vim", "2:9.1.0016-1ubuntu7.8", "amd64"),
            ("vim-runtime", "2:9.1.0016-1ubuntu7.8", "all"), ("libssl3t64:amd64", "3.0.13-0ubuntu3.5", "amd64"),
            ("openssl", "3.0.13-0ubuntu3.5", "amd64"), ("python3-yaml", "6.0.1-2build2", "amd64"),
            ("libpq5:amd64", "16.8-0ubuntu0.24.04.1", "amd64"), ("postgresql-client-16", "16.8-0ubuntu0.24.04.1", "amd64"),
            ("jq", "1.7.1-3build1", "amd64"), ("libjq1:amd64", "1.7.1-3build1", "amd64"),
            ("libonig5:amd64", "6.9.9-1build1", "amd64"), ("htop", "3.3.0-4build1", "amd64"),
            ("docker-ce", "5:28.0.1-1~ubuntu.24.04~noble", "amd64"), ("containerd.io", "1.7.25-1", "amd64"),
            ("linux-image-6.8.0-55-generic", "6.8.0-55.57", "amd64"), ("tzdata", "2025a-0ubuntu0.24.04", "all"),
            ("libc6:amd64", "2.39-0ubuntu8.4", "amd64"), ("curl", "8.5.0-2ubuntu10.6", "amd64")]
APT_UPGRADES = [("libssl3t64:amd64", "3.0.13-0ubuntu3.5", "3.0.13-0ubuntu3.4"),
                ("openssl", "3.0.13-0ubuntu3.5", "3.0.13-0ubuntu3.4"),
                ("tzdata", "2025a-0ubuntu0.24.04", "2024b-0ubuntu0.24.04.1"),
                ("libc6:amd64", "2.39-0ubuntu8.4", "2.39-0ubuntu8.3"),
                ("curl", "8.5.0-2ubuntu10.6", "8.5.0-2ubuntu10.5"),
                ("docker-ce", "5:28.0.1-1~ubuntu.24.04~noble", "5:27.5.1-1~ubuntu.24.04~noble"),
                ("snapd", "2.67.1+24.04", "2.66.1+24.04")]
APT_TRIGGERS = [("man-db", "2.12.0-4build2"), ("libc-bin", "2.39-0ubuntu8.4"), ("systemd", "255.4-1ubuntu8.5"),
                ("dbus", "1.14.10-4ubuntu4.1"), ("ufw", "0.36.2-6"), ("initramfs-tools", "0.142ubuntu25.5"),
                ("hicolor-icon-theme", "0.17-2"), ("shared-mime-info", "2.4-4")]
APT_REMOVE = [("snapd", "2.66.1+24.04"), ("apache2", "2.4.58-1ubuntu8.5"), ("apache2-bin", "2.4.58-1ubuntu8.5"),
              ("linux-image-6.8.0-49-generic", "6.8.0-49.49"), ("python3-yaml", "6.0.1-2build2")]
APT_SYMLINKS = [("/etc/systemd/system/multi-user.target.wants/nginx.service", "/usr/lib/systemd/system/nginx.service"),
                ("/etc/systemd/system/multi-user.target.wants/docker.service", "/usr/lib/systemd/system/docker.service"),
                ("/etc/systemd/system/sockets.target.wants/docker.socket", "/usr/lib/systemd/system/docker.socket"),
                ("/etc/systemd/system/multi-user.target.wants/containerd.service", "/usr/lib/systemd/system/containerd.service")]
APT_ALTS = [("/usr/bin/vim.basic", "/usr/bin/vim", "vim"), ("/usr/bin/vim.basic", "/usr/bin/vi", "vi"),
            ("/usr/bin/vim.basic", "/usr/bin/editor", "editor"),
            ("/usr/share/postgresql/16/man/man1/psql.1.gz", "/usr/share/man/man1/psql.1.gz", "psql.1.gz"),
            ("/usr/bin/python3.12", "/usr/bin/python3", "python3")]
APT_DIRS = ["/usr/lib/python3/dist-packages/yaml", "/etc/apache2/sites-available", "/var/lib/snapd/seed",
            "/usr/lib/modules/6.8.0-49-generic"]
APT_CONFS = ["/etc/nginx/nginx.conf", "/etc/apparmor.d/usr.bin.man", "/etc/ssh/sshd_config.d/50-cloud-init.conf"]


def deb_file(name, version, arch, r):
    base = name.split(":")[0]
    fn = "%s_%s_%s.deb" % (base, version.replace(":", "%3a"), arch)
    if r.random() < 0.6:
        fn = "%02d-%s" % (r.randint(0, 23), fn)
    return fn


def apt_make(S, key, t):
    r = S.rng

    def c(slot, pool):
        return S.cyc(key, slot, pool)

    if key in ("log_started", "log_ended"):
        vals = (apt_stamp(t),)
    elif key == "selecting":
        vals = (c(0, APT_PKGS)[0],)
    elif key == "preparing":
        n, v, a = c(0, APT_PKGS[::-1])
        vals = (deb_file(n, v, a, r),)
    elif key in ("unpacking", "setting_up"):
        n, v, _ = c(0, APT_PKGS)
        vals = (n, v)
    elif key == "unpacking_over":
        vals = c(0, APT_UPGRADES)
    elif key == "triggers":
        vals = c(0, APT_TRIGGERS)
    elif key == "reading_db":
        vals = (r.randint(198000, 236000),)
    elif key in ("removing", "purging"):
        vals = c(0, APT_REMOVE)
    elif key == "symlink":
        vals = c(0, APT_SYMLINKS)
    elif key == "alternatives":
        vals = c(0, APT_ALTS)
    elif key == "dpkg_warn_dir":
        vals = (c(0, APT_DIRS),)
    elif key == "conffile":
        vals = (c(0, APT_CONFS),)
    else:
        raise KeyError(key)
    return "", vals


# --------------------------------------------------------------------------
# 6. DnfLog (seeded shuffle)
# --------------------------------------------------------------------------
DNF_EVENTS = [
    ("init", "INFO", "--- logging initialized ---", 14),
    ("timer_config", "DDEBUG", "timer: config: <*>", 14),
    ("plugins", "DEBUG", "Loaded plugins: <*>", 14),
    ("version", "DEBUG", "DNF version: <*>", 14),
    ("command", "DDEBUG", "Command: dnf <*>", 14),
    ("extra", "DDEBUG", "Extra commands: <*>", 14),
    ("metadata", "DEBUG", "<*>: using metadata from <*>.", 48),
    ("expiration", "DEBUG", "Last metadata expiration check: <*> ago on <*>.", 10),
    ("timer_sack", "DDEBUG", "timer: sack setup: <*>", 14),
    ("pkg_install", "DEBUG", "---> Package <*> <*> will be installed", 70),
    ("pkg_upgraded", "DEBUG", "---> Package <*> <*> will be upgraded", 24),
    ("pkg_an_upgrade", "DEBUG", "---> Package <*> <*> will be an upgrade", 24),
    ("resolved", "INFO", "Dependencies resolved.", 9),
    ("download", "DEBUG", "repo: downloading from remote: <*>", 8),
    ("complete", "INFO", "Complete!", 9),
]
DNF_LEVEL = {e[0]: e[1] for e in DNF_EVENTS}
DNF_PLUGINS = ["builddep, changelog, config-manager, copr, debug, debuginfo-install, download, "
               "generate_completion_cache, groups-manager, needs-restarting, playground, repoclosure, "
               "repodiff, repograph, repomanage, reposync, system-upgrade",
               "builddep, changelog, config-manager, copr, debug, debuginfo-install, download, "
               "generate_completion_cache, needs-restarting, playground, repoclosure, repodiff, "
               "repograph, repomanage, reposync, system-upgrade, versionlock"]
DNF_CMDS = [["install", "-y", "nginx"], ["upgrade", "--refresh"], ["makecache", "--timer"],
            ["install", "podman", "buildah"], ["remove", "-y", "httpd"], ["upgrade", "-y", "kernel*"],
            ["check-update"]]
DNF_REPOS = ["fedora", "updates", "fedora-cisco-openh264", "updates-testing", "rpmfusion-free-updates",
             "copr:copr.fedorainfracloud.org:atim:starship", "docker-ce-stable"]
DNF_WD = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
DNF_INSTALL = [("nginx.x86_64", "2:1.24.0-4.fc39"), ("nginx-core.x86_64", "2:1.24.0-4.fc39"),
               ("nginx-filesystem.noarch", "2:1.24.0-4.fc39"), ("podman.x86_64", "5:4.9.3-1.fc39"),
               ("buildah.x86_64", "2:1.34.1-1.fc39"), ("containers-common.noarch", "4:1-99.fc39"),
               ("htop.x86_64", "3.3.0-1.fc39"), ("python3-requests.noarch", "2.28.2-7.fc39"),
               ("kernel-core.x86_64", "6.7.9-200.fc39"), ("kernel-modules.x86_64", "6.7.9-200.fc39"),
               ("fuse-overlayfs.x86_64", "1.12-2.fc39"), ("slirp4netns.x86_64", "1.2.2-1.fc39")]
DNF_UPGRADE = [("firefox.x86_64", "123.0-2.fc39", "123.0.1-1.fc39"), ("glibc.x86_64", "2.38-14.fc39", "2.38-16.fc39"),
               ("openssl-libs.x86_64", "1:3.1.1-4.fc39", "1:3.1.4-2.fc39"),
               ("mesa-dri-drivers.x86_64", "23.3.5-1.fc39", "23.3.6-1.fc39"),
               ("git-core.x86_64", "2.43.2-1.fc39", "2.44.0-1.fc39"), ("tzdata.noarch", "2023d-2.fc39", "2024a-2.fc39"),
               ("systemd.x86_64", "254.9-1.fc39", "254.10-1.fc39")]


def dnf_date(r, day_lo, day_hi):
    d = r.randint(day_lo, day_hi)
    wd = DNF_WD[(d - 9) % 7]           # 2026-03-09 is a Monday
    h = r.randint(0, 23)
    return "%s %02d %s %d %02d:%02d:%02d %s UTC" % (wd, d, MONTHS[MONTH - 1], YEAR, (h % 12) or 12,
                                                 r.randint(0, 59), r.randint(0, 59), "AM" if h < 12 else "PM")


def dnf_clock_date(t):
    h, m, s = hms(t)
    return "%s %02d %s %d %02d:%02d:%02d %s UTC" % (DNF_WD[(DAY - 9) % 7], DAY, MONTHS[MONTH - 1], YEAR,
                                                 (h % 12) or 12, m, s, "AM" if h < 12 else "PM")


def dnf_make(S, key, t):
    r = S.rng

    def c(slot, pool):
        return S.cyc(key, slot, pool)

    if key in ("init", "resolved", "complete"):
        vals = ()
    elif key == "timer_config":
        vals = ("%d ms" % r.randint(1, 9),)
    elif key == "timer_sack":
        vals = ("%d ms" % r.randint(40, 1900),)
    elif key == "plugins":
        vals = (c(0, DNF_PLUGINS),)
    elif key == "version":
        vals = (c(0, ["4.18.2", "4.19.0"]),)
    elif key == "command":
        vals = (" ".join(c(0, DNF_CMDS)),)
    elif key == "extra":
        vals = (repr(c(0, DNF_CMDS)),)
    elif key == "metadata":
        vals = (c(0, DNF_REPOS), dnf_date(r, 9, 13))
    elif key == "expiration":
        ago = r.randint(40, 10700)
        vals = ("%d:%02d:%02d" % (ago // 3600, (ago // 60) % 60, ago % 60), dnf_clock_date(t - ago * NS))
    elif key == "pkg_install":
        vals = c(0, DNF_INSTALL)
    elif key == "pkg_upgraded":
        n, old, _ = c(0, DNF_UPGRADE)
        vals = (n, old)
    elif key == "pkg_an_upgrade":
        n, _, new = c(0, DNF_UPGRADE)
        vals = (n, new)
    elif key == "download":
        vals = (c(0, DNF_REPOS),)
    else:
        raise KeyError(key)
    return dnf_header(t, DNF_LEVEL[key]), vals


# --------------------------------------------------------------------------
# header regexes and timestamp readers (used by the self-check)
# --------------------------------------------------------------------------
JOURNAL_RE = (r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?P<day>[ \d]\d) "
              r"(?P<hh>\d\d):(?P<mm>\d\d):(?P<ss>\d\d) (?P<host>[A-Za-z0-9.-]+) "
              r"(?P<ident>[A-Za-z0-9_.@-]+\]?)\[(?P<pid>\d+)\]: ")
DNF_RE = (r"(?P<date>\d{4}-\d\d-\d\d)T(?P<hh>\d\d):(?P<mm>\d\d):(?P<ss>\d\d)(?P<tz>[+-]\d{4}) "
          r"(?P<level>DDEBUG|DEBUG|INFO|WARNING|ERROR|CRITICAL|SUBDEBUG|TRACE) ")
APT_RE = r""      # term.log lines are raw dpkg/maintainer-script output: no header
APT_STAMP_RE = re.compile(r"Log (?:started|ended): \d{4}-\d\d-\d\d  (?P<hh>\d\d):(?P<mm>\d\d):(?P<ss>\d\d)")


def ts_from_header(m, content):
    return (int(m.group("hh")), int(m.group("mm")), int(m.group("ss")))


def ts_apt(m, content):
    a = APT_STAMP_RE.fullmatch(content)
    if not a:
        return None
    return (int(a.group("hh")), int(a.group("mm")), int(a.group("ss")))


def ev3(events):
    return [(e[0], e[1], e[2]) for e in events]


def dnf_events():
    return [(e[0], e[2], e[3]) for e in DNF_EVENTS]


SYSTEMS = [
    # name, k, events, kind, builder, header regex, timestamp reader
    ("GnomeShell", 1, GS_EVENTS, "shuffle", lambda S: run_shuffle(S, at(8, 3, 11), 14.0, gs_make), JOURNAL_RE, ts_from_header),
    ("Kwin", 2, KW_EVENTS, "shuffle", lambda S: run_shuffle(S, at(10, 17, 40), 9.0, kw_make), JOURNAL_RE, ts_from_header),
    ("Gdm", 3, GDM_EVENTS, "simulation", gdm_sim, JOURNAL_RE, ts_from_header),
    ("Logind", 4, LG_EVENTS, "simulation", logind_sim, JOURNAL_RE, ts_from_header),
    ("AptTermLog", 5, APT_EVENTS, "shuffle", lambda S: run_shuffle(S, at(6, 25, 2), 1.6, apt_make), APT_RE, ts_apt),
    ("DnfLog", 6, None, "shuffle", lambda S: run_shuffle(S, at(13, 0, 47), 4.0, dnf_make), DNF_RE, ts_from_header),
]


# --------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------
def write_system(S, rows):
    d = os.path.join(OUT, S.name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as f:
        for header, content, _ in rows:
            f.write(header + content + "\n")
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (_, content, key) in enumerate(rows, 1):
            w.writerow([i, content, S.eid[key], S.tpl[key]])


# --------------------------------------------------------------------------
# self-check
# --------------------------------------------------------------------------
def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")))


def self_check(S, header_re, ts_fn):
    errs = []

    def bad(msg):
        errs.append("%s: %s" % (S.name, msg))

    d = os.path.join(OUT, S.name)
    logp = os.path.join(d, S.name + ".log")
    csvp = os.path.join(d, S.name + ".log_structured.csv")
    for p in (logp, csvp):
        raw = open(p, "rb").read()
        if not raw.endswith(b"\n"):
            bad("%s does not end with newline" % p)
        if b"\r" in raw:
            bad("%s contains CR" % p)
    text = open(logp, encoding="utf-8", newline="").read()
    lines = text[:-1].split("\n")
    if len(lines) != N_LINES:
        bad("log has %d lines" % len(lines))
    with open(csvp, encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    if table[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        bad("bad csv header %r" % table[0])
    rows = table[1:]
    if len(rows) != N_LINES:
        bad("csv has %d rows" % len(rows))
    hre = re.compile(header_re)
    declared = ["E%d" % (i + 1) for i in range(len(S.events))]
    eid_tpl, tpl_eid, counts, caps, regs = {}, {}, {}, {}, {}
    last = None
    for i, (row, line) in enumerate(zip(rows, lines), 1):
        if len(row) != 4:
            bad("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            bad("row %d LineId %r" % (i, lid))
        if not content or content != content.strip():
            bad("row %d content empty or unstripped" % i)
        if not line.endswith(content):
            bad("line %d does not end with its Content" % i)
            continue
        header = line[:len(line) - len(content)]
        m = hre.fullmatch(header)
        if not m:
            bad("line %d header %r does not match" % (i, header))
            continue
        ts = ts_fn(m, content)
        if ts is not None:
            if last is not None and ts < last:
                bad("line %d timestamp goes back" % i)
            last = ts
        if not re.fullmatch(r"E\d+", eid):
            bad("row %d EventId %r" % (i, eid))
        if eid_tpl.setdefault(eid, tpl) != tpl:
            bad("%s has two templates" % eid)
        if tpl_eid.setdefault(tpl, eid) != eid:
            bad("template shared by %s and %s" % (tpl_eid[tpl], eid))
        counts[eid] = counts.get(eid, 0) + 1
        rx = regs.setdefault(tpl, tpl_regex(tpl))
        mm = rx.fullmatch(content)
        if not mm:
            bad("row %d content does not match its template" % i)
            continue
        slots = caps.setdefault(eid, [set() for _ in mm.groups()])
        for j, g in enumerate(mm.groups()):
            slots[j].add(g)
    if sorted(counts, key=lambda e: int(e[1:])) != declared:
        bad("events used %s != declared %s" % (sorted(counts), declared))
    for eid, slots in caps.items():
        for j, vals in enumerate(slots):
            if len(vals) < 2:
                bad("%s slot %d has only %r" % (eid, j + 1, vals))
    c = sorted(counts.values())
    if not 12 <= len(c) <= 15:
        bad("%d event types" % len(c))
    if c and c[0] < 3:
        bad("an event has only %d lines" % c[0])
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        bad("fewer than 3 events with 3-10 lines: %s" % c)
    med = statistics.median(c) if c else 0
    if c and c[-1] < 3 * med:
        bad("largest %d < 3 x median %s" % (c[-1], med))
    return errs, counts, med


def main():
    all_errs = []
    for name, k, events, kind, build, header_re, ts_fn in SYSTEMS:
        if events is None:
            events = dnf_events()
        S = System(name, k, ev3(events), kind)
        rows = build(S)
        write_system(S, rows)
        errs, counts, med = self_check(S, header_re, ts_fn)
        all_errs.extend(errs)
        order = ["E%d" % (i + 1) for i in range(len(S.events))]
        print("%-11s k=%d %-10s events=%2d lines=%d min=%d median=%s max=%d  %s  %s" % (
            name, k, kind, len(counts), sum(counts.values()), min(counts.values()), med,
            max(counts.values()), " ".join("%s:%d" % (e, counts.get(e, 0)) for e in order),
            "OK" if not errs else "FAIL"))
    for e in all_errs:
        print("  " + e)
    if all_errs:
        sys.exit(1)
    print("self-check passed for all systems")


if __name__ == "__main__":
    main()
