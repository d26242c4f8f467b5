#!/usr/bin/env python3
"""Sealed 45 corpus generator.

Writes <System>/<System>.log and <System>/<System>.log_structured.csv for six
desktop-stack systems, then self-checks every file.  Standard library only,
fully deterministic: base seed 20270152, system k uses
random.Random(20270152 * 10 + k); all time comes from integer nanosecond
clocks counted from 2026-03-14T00:00:00Z (never the wall clock, never the
locale).
"""
import csv
import heapq
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270152
N_LINES = 300
OUT = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14          # every clock below is ns since this day's 00:00:00 UTC
SEC = 10 ** 9
MS = 10 ** 6
US = 10 ** 3
MINUTE = 60 * SEC


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------
def hms(ns):
    s = ns // SEC
    return "%02d:%02d:%02d" % (s // 3600, s % 3600 // 60, s % 60)


def syslog_stamp(ns):
    return "%s %2d %s" % (MONTHS[MONTH - 1], DAY, hms(ns))


def fmt_size(n):
    """GLib g_format_size() style, SI units, one decimal, integer arithmetic."""
    if n < 1000:
        return "%d bytes" % n
    for unit, div in (("kB", 10 ** 3), ("MB", 10 ** 6), ("GB", 10 ** 9)):
        if n < div * 1000 or unit == "GB":
            tenths = (n * 10 + div // 2) // div
            return "%d.%d %s" % (tenths // 10, tenths % 10, unit)


def tenths_s(ns):
    t = (ns + 50 * MS) // (100 * MS)
    return "%d.%ds" % (t // 10, t % 10)


def gap(rng, mean_ns, floor_ns=1):
    """Exponential gap, integer ns, forward only."""
    return max(floor_ns, int(rng.expovariate(1.0) * mean_ns))


def hexs(rng, nhex):
    return "%0*x" % (nhex, rng.getrandbits(4 * nhex))


def uuid4(rng):
    h = hexs(rng, 32)
    return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[int(h[16], 16) % 4] + h[17:20], h[20:32])


def ptr(rng):
    return "0x%x" % ((0x550000000000 + rng.randrange(0x0b0000000000)) & ~0xf)


class System:
    def __init__(self, k, name, kind, header_re, ts_of, entities):
        self.k = k
        self.name = name
        self.kind = kind
        self.entities = entities
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.header_re_src = header_re
        self.header_re = re.compile(header_re)
        self.ts_of = ts_of
        self.events = []          # (key, template) in declaration order
        self.eid = {}             # key -> "E<n>"
        self.rows = []            # (header, content, key)
        self._cyc = {}

    def declare(self, pairs):
        for key, tpl in pairs:
            assert key not in self.eid, key
            self.events.append((key, tpl))
            self.eid[key] = "E%d" % len(self.events)

    def cyc(self, ev, slot, pool):
        """Small pools cycle per (event, slot), starting at a seeded offset."""
        k = (ev, slot)
        if k not in self._cyc:
            self._cyc[k] = self.rng.randrange(len(pool))
        v = pool[self._cyc[k] % len(pool)]
        self._cyc[k] += 1
        return v

    def add(self, header, content, key):
        assert key in self.eid, key
        self.rows.append((header, content, key))

    def template(self, key):
        return dict(self.events)[key]


def run_sim(gens, limit, emit):
    """Merge entity generators (each on its own clock) in time order.

    Each generator yields (t_ns, key, content, extra); emit() formats the
    header.  Only the first `limit` merged lines are kept."""
    heap = []
    order = 0
    for i, g in enumerate(gens):
        item = next(g, None)
        if item is not None:
            heapq.heappush(heap, (item[0], i, order, item, g))
            order += 1
    n = 0
    while heap and n < limit:
        t, i, _, item, g = heapq.heappop(heap)
        emit(*item)
        n += 1
        nxt = next(g, None)
        if nxt is not None:
            assert nxt[0] >= t, "entity clock went back"
            heapq.heappush(heap, (nxt[0], i, order, nxt, g))
            order += 1
    return n


# --------------------------------------------------------------------------
# 1. Xorg  (seeded shuffle)
# --------------------------------------------------------------------------
def ts_xorg(h):
    m = re.match(r"\[ *(\d+)\.(\d{3})\]", h)
    return int(m.group(1)) * 1000 + int(m.group(2))


XORG_MODULES = [
    ("glx", "/usr/lib/xorg/modules/extensions/libglx.so", "X.Org Foundation", "1.21.1.11", "1.0.0", "X.Org Server Extension", "10.0"),
    ("modesetting", "/usr/lib/xorg/modules/drivers/modesetting_drv.so", "X.Org Foundation", "1.21.1.11", "1.21.1", "X.Org Video Driver", "25.2"),
    ("libinput", "/usr/lib/xorg/modules/input/libinput_drv.so", "X.Org Foundation", "1.21.1.11", "1.4.0", "X.Org XInput driver", "24.4"),
    ("fb", "/usr/lib/xorg/modules/libfb.so", "X.Org Foundation", "1.21.1.11", "1.0.0", "X.Org ANSI C Emulation", "0.4"),
    ("glamoregl", "/usr/lib/xorg/modules/libglamoregl.so", "X.Org Foundation", "1.21.1.11", "1.0.1", "X.Org ANSI C Emulation", "0.4"),
    ("nvidia", "/usr/lib/xorg/modules/drivers/nvidia_drv.so", "NVIDIA Corporation", "1.6.99.901", "550.54.14", "X.Org Video Driver", "24.1"),
    ("glxserver_nvidia", "/usr/lib/xorg/modules/extensions/libglxserver_nvidia.so", "NVIDIA Corporation", "1.6.99.901", "550.54.14", "X.Org Server Extension", "10.0"),
    ("wacom", "/usr/lib/xorg/modules/input/wacom_drv.so", "X.Org Foundation", "1.21.1.11", "1.2.0", "X.Org XInput driver", "24.4"),
    ("fbdevhw", "/usr/lib/xorg/modules/libfbdevhw.so", "X.Org Foundation", "1.21.1.11", "0.0.2", "X.Org Video Driver", "25.2"),
    ("shadow", "/usr/lib/xorg/modules/libshadow.so", "X.Org Foundation", "1.21.1.11", "1.1.0", "X.Org ANSI C Emulation", "0.4"),
]
KBD = ["evdev keyboard catchall", "libinput keyboard catchall", "system-keyboard"]
PTR = ["evdev pointer catchall", "libinput pointer catchall"]
TPAD = ["evdev touchpad catchall", "libinput touchpad catchall"]
TAB = ["evdev tablet catchall", "libinput tablet catchall", "Wacom USB device class", "Wacom class"]
XORG_DEVICES = [  # name, first event node, classes, driver
    ("Power Button", 2, KBD, "libinput"),
    ("Video Bus", 4, KBD, "libinput"),
    ("AT Translated Set 2 keyboard", 3, KBD, "libinput"),
    ("SynPS/2 Synaptics TouchPad", 9, TPAD, "libinput"),
    ("Logitech USB Receiver", 7, PTR, "libinput"),
    ("Logitech USB Receiver Keyboard", 8, KBD, "libinput"),
    ("ELAN0501:00 04F3:3060 Touchpad", 11, TPAD, "libinput"),
    ("Wacom Intuos S Pen", 14, TAB, "wacom"),
    ("Yubico YubiKey OTP+FIDO+CCID", 16, KBD, "evdev"),
    ("Razer Razer DeathAdder V2", 18, PTR, "libinput"),
]
XORG_HOTPLUG = ["Logitech USB Receiver", "Logitech USB Receiver Keyboard", "Wacom Intuos S Pen",
                "Yubico YubiKey OTP+FIDO+CCID", "Razer Razer DeathAdder V2", "Logitech USB Receiver Mouse"]


def build_xorg():
    S = System(1, "Xorg", "shuffle",
               r"\[ *\d+\.\d{3}\] (?:\((?:II|WW|EE|\*\*|==|--|NI|\?\?)\) |\t)", ts_xorg, None)
    S.declare([
        ("load", 'LoadModule: "<*>"'),
        ("loading", "Loading <*>"),
        ("vendor", 'Module <*>: vendor="<*>"'),
        ("compiled", "compiled for <*>, module version = <*>"),
        ("abi", "ABI class: <*>, version <*>"),
        ("noopen", "Warning, couldn't open module <*>"),
        ("loadfail", 'Failed to load module "<*>" (module does not exist, 0)'),
        ("unload", 'UnloadModule: "<*>"'),
        ("setmode", "modeset(0): failed to set mode: <*>"),
        ("inadd", "config/udev: Adding input device <*> (<*>)"),
        ("inclass", '<*>: Applying InputClass "<*>"'),
        ("indrv", "Using input driver '<*>' for '<*>'"),
        ("inrm", "config/udev: removing device <*>"),
        ("outon", "modeset(0): Output <*> connected"),
        ("outoff", "modeset(0): Output <*> disconnected"),
    ])
    rng = S.rng
    boot = 7 * 3600 * SEC + 57 * MINUTE + 52 * SEC + rng.randrange(SEC)
    t = boot + 18 * SEC + rng.randrange(SEC)

    def emit(tag, key, content):
        ms = (t - boot) // MS
        stamp = "%d.%03d" % (ms // 1000, ms % 1000)
        hdr = "[%10s] " % stamp + ("\t" if tag == "\t" else "(%s) " % tag)
        S.add(hdr, content, key)

    n_classes = sum(len(d[2]) for d in XORG_DEVICES)
    units = (["modok"] * 20 + ["modfail"] * 6 + ["unload"] * 8 + ["dev"] * 30 +
             ["outon"] * 7 + ["outoff"] * 5 + ["setmode"] * 4)
    fixed = 20 * 5 + 6 * 3 + 8 + 30 * 2 + 3 * n_classes + 7 + 5 + 4
    units += ["inrm"] * (N_LINES - fixed)
    rng.shuffle(units)
    event_node = {}
    for u in units:
        t += gap(rng, 1600 * MS)
        if u == "modok":
            name, path, vendor, abi_srv, modver, cls, clsver = S.cyc("load", "mod", XORG_MODULES)
            emit("II", "load", 'LoadModule: "%s"' % name)
            t += rng.randrange(100, 900) * US
            emit("II", "loading", "Loading %s" % path)
            t += rng.randrange(1000, 9000) * US
            emit("II", "vendor", 'Module %s: vendor="%s"' % (name, vendor))
            emit("\t", "compiled", "compiled for %s, module version = %s" % (abi_srv, modver))
            emit("\t", "abi", "ABI class: %s, version %s" % (cls, clsver))
        elif u == "modfail":
            name = S.cyc("noopen", "mod", ["nv", "vesa", "fbdev", "ati", "intel"])
            emit("II", "load", 'LoadModule: "%s"' % name)
            t += rng.randrange(100, 600) * US
            emit("WW", "noopen", "Warning, couldn't open module %s" % name)
            emit("EE", "loadfail", 'Failed to load module "%s" (module does not exist, 0)' % name)
        elif u == "unload":
            emit("II", "unload", 'UnloadModule: "%s"' % S.cyc("unload", "mod", ["vesa", "fbdev", "fbdevhw", "modesetting", "wacom"]))
        elif u == "dev":
            name, node, classes, drv = S.cyc("inadd", "dev", XORG_DEVICES)
            node = event_node.get(name, node)
            event_node[name] = node + rng.choice([0, 0, 1, 2, 5]) + (20 if node < 20 and name in XORG_HOTPLUG else 0)
            emit("II", "inadd", "config/udev: Adding input device %s (/dev/input/event%d)" % (name, node))
            for c in classes:
                t += rng.randrange(50, 400) * US
                emit("**", "inclass", '%s: Applying InputClass "%s"' % (name, c))
            t += rng.randrange(50, 300) * US
            emit("II", "indrv", "Using input driver '%s' for '%s'" % (drv, name))
        elif u == "inrm":
            emit("II", "inrm", "config/udev: removing device %s" % S.cyc("inrm", "dev", XORG_HOTPLUG))
        elif u == "outon":
            emit("II", "outon", "modeset(0): Output %s connected" % S.cyc("outon", "out", ["HDMI-1", "DP-1", "DP-2", "HDMI-2", "DP-3"]))
        elif u == "outoff":
            emit("II", "outoff", "modeset(0): Output %s disconnected" % S.cyc("outoff", "out", ["DP-1", "HDMI-1", "DP-3", "HDMI-2"]))
        elif u == "setmode":
            emit("EE", "setmode", "modeset(0): failed to set mode: %s" % S.cyc(
                "setmode", "err", ["Invalid argument", "No space left on device", "Permission denied", "Device or resource busy"]))
    return S


# --------------------------------------------------------------------------
# 2. PulseAudio  (seeded shuffle)
# --------------------------------------------------------------------------
def ts_pulse(h):
    m = re.match(r"\( *(\d+)\.(\d{3})\|", h)
    return int(m.group(1)) * 1000 + int(m.group(2))


PA_MODULES = [
    ("module-alsa-card", 'device_id="0" name="pci-0000_00_1f.3" card_name="alsa_card.pci-0000_00_1f.3" namereg_fail=false tsched=yes fixed_latency_range=no ignore_dB=no deferred_volume=yes use_ucm=yes avoid_resampling=no card_properties="module-udev-detect.discovered=1"'),
    ("module-bluez5-device", "path=/org/bluez/hci0/dev_AC_80_0A_3D_51_E7 autodetect_mtu=0"),
    ("module-null-sink", 'sink_name=virtual_mix sink_properties=device.description="Virtual Mix"'),
    ("module-loopback", "source=alsa_input.usb-Blue_Microphones_Yeti_Stereo_Microphone_REV8-00.analog-stereo sink=alsa_output.pci-0000_00_1f.3.analog-stereo latency_msec=20"),
    ("module-alsa-card", 'device_id="2" name="usb-Focusrite_Scarlett_2i2_USB_Y8KT4M3A0B12C4-00" card_name="alsa_card.usb-Focusrite_Scarlett_2i2_USB_Y8KT4M3A0B12C4-00" namereg_fail=false tsched=yes fixed_latency_range=no ignore_dB=no deferred_volume=yes use_ucm=yes avoid_resampling=no card_properties="module-udev-detect.discovered=1"'),
    ("module-combine-sink", "sink_name=combined slaves=alsa_output.pci-0000_00_1f.3.analog-stereo,alsa_output.pci-0000_01_00.1.hdmi-stereo"),
    ("module-native-protocol-tcp", "auth-ip-acl=127.0.0.1;192.168.40.0/24 auth-anonymous=1"),
]
PA_SINKS = ["alsa_output.pci-0000_00_1f.3.analog-stereo", "alsa_output.usb-Focusrite_Scarlett_2i2_USB_Y8KT4M3A0B12C4-00.analog-stereo",
            "bluez_sink.AC_80_0A_3D_51_E7.a2dp_sink", "alsa_output.pci-0000_01_00.1.hdmi-stereo", "virtual_mix", "combined"]
PA_SOURCES = ["alsa_input.pci-0000_00_1f.3.analog-stereo", "alsa_output.pci-0000_00_1f.3.analog-stereo.monitor",
              "alsa_input.usb-Blue_Microphones_Yeti_Stereo_Microphone_REV8-00.analog-stereo",
              "bluez_sink.AC_80_0A_3D_51_E7.a2dp_sink.monitor", "virtual_mix.monitor"]
PA_SPECS = [("s16le 2ch 44100Hz", "front-left,front-right"), ("s16le 2ch 48000Hz", "front-left,front-right"),
            ("float32le 2ch 48000Hz", "front-left,front-right"), ("s32le 2ch 48000Hz", "front-left,front-right"),
            ("s16le 1ch 16000Hz", "mono"), ("s16le 6ch 48000Hz", "front-left,front-right,rear-left,rear-right,front-center,lfe")]
PA_INPUTS = ["Playback Stream", "AudioStream", "Simple DirectMedia Layer", "ALSA Playback", "audio-volume-change",
             "Loopback from Yeti Stereo Microphone Analog Stereo", "WEBRTC VoiceEngine", "Spotify", "mpv"]


def build_pulse():
    S = System(2, "PulseAudio", "shuffle",
               r"\( *\d+\.\d{3}\| *\d+\.\d{3}\) [EWNID]: \[[^\]]+\] [\w.-]+\.c: ", ts_pulse, None)
    S.declare([
        ("loaded", 'Loaded "<*>" (index: #<*>; argument: "<*>").'),
        ("unloading", 'Unloading "<*>" (index: #<*>).'),
        ("sinknew", 'Created sink <*> "<*>" with sample spec <*> and channel map <*>'),
        ("srcnew", 'Created source <*> "<*>" with sample spec <*> and channel map <*>'),
        ("sinkfree", 'Freeing sink <*> "<*>"'),
        ("clinew", 'Created <*> "<*>"'),
        ("clifree", 'Freed <*> "<*>"'),
        ("innew", 'Created input <*> "<*>" on <*> with sample spec <*> and channel map <*>'),
        ("infree", 'Freeing input <*> "<*>"'),
        ("woke", "ALSA woke us up to write new data to the device, but there was actually nothing to write."),
        ("bugdrv", "Most likely this is a bug in the ALSA driver '<*>'. Please report this issue to the ALSA developers."),
        ("pollout", "We were woken up with POLLOUT set -- however a subsequent snd_pcm_avail() returned 0 or another value < min_avail."),
        ("bluez", "GetManagedObjects() failed: <*>"),
        ("pcmopen", "Error opening PCM device <*>: <*>"),
        ("frags", "Using <*> fragments of size <*> bytes (<*>), buffer size is <*> bytes (<*>)"),
    ])
    rng = S.rng
    start = 9 * 3600 * SEC + 3 * MINUTE + 41 * SEC + rng.randrange(SEC)
    st = {"t": start, "prev": 0}

    def emit(level, thread, src, key, content):
        rel = (st["t"] - start) // MS
        d = rel - st["prev"]
        st["prev"] = rel
        hdr = "(%4d.%03d|%4d.%03d) %s: [%s] %s: " % (rel // 1000, rel % 1000, d // 1000, d % 1000, level, thread, src)
        S.add(hdr, content, key)

    counts = {"loaded": 30, "unloading": 8, "sinknew": 12, "srcnew": 10, "sinkfree": 6, "clinew": 40,
              "clifree": 36, "innew": 62, "infree": 58, "alsabug": 4, "bluez": 5, "pcmopen": 7, "frags": 14}
    units = []
    for k in ["loaded", "unloading", "sinknew", "srcnew", "sinkfree", "clinew", "clifree", "innew", "infree",
              "alsabug", "bluez", "pcmopen", "frags"]:
        units += [k] * counts[k]
    rng.shuffle(units)
    # state left over from daemon start-up: modules, sinks, clients and streams that already exist
    idx = {"mod": 21 + rng.randrange(6), "sink": 2, "src": 3, "cli": 4 + rng.randrange(3), "in": 3}
    live_mod = [(idx["mod"] - 2, "module-alsa-card"), (idx["mod"] - 1, "module-bluez5-device"), (idx["mod"], "module-null-sink")]
    live_sink = [(1, PA_SINKS[0]), (2, PA_SINKS[3])]
    live_cli = [(i, "Native client (UNIX socket client)") for i in range(idx["cli"] - 2, idx["cli"] + 1)]
    live_in = [(i, PA_INPUTS[i]) for i in range(1, idx["in"] + 1)]
    for u in units:
        st["t"] += gap(rng, 2400 * MS)
        P = "pulseaudio"
        if u == "loaded":
            name, arg = S.cyc("loaded", "mod", PA_MODULES)
            idx["mod"] += 1
            live_mod.append((idx["mod"], name))
            emit("I", P, "module.c", u, 'Loaded "%s" (index: #%d; argument: "%s").' % (name, idx["mod"], arg))
        elif u == "unloading":
            i, name = live_mod.pop(rng.randrange(len(live_mod))) if live_mod else (idx["mod"] + 1, "module-loopback")
            emit("I", P, "module.c", u, 'Unloading "%s" (index: #%d).' % (name, i))
        elif u == "sinknew":
            idx["sink"] += 1
            name = S.cyc(u, "name", PA_SINKS)
            live_sink.append((idx["sink"], name))
            spec, cmap = S.cyc(u, "spec", PA_SPECS)
            emit("I", P, "sink.c", u, 'Created sink %d "%s" with sample spec %s and channel map %s' % (idx["sink"], name, spec, cmap))
        elif u == "srcnew":
            idx["src"] += 1
            spec, cmap = S.cyc(u, "spec", PA_SPECS)
            emit("I", P, "source.c", u, 'Created source %d "%s" with sample spec %s and channel map %s' % (idx["src"], S.cyc(u, "name", PA_SOURCES), spec, cmap))
        elif u == "sinkfree":
            i, name = live_sink.pop(0) if live_sink else (idx["sink"] + 1, "combined")
            emit("I", P, "sink.c", u, 'Freeing sink %d "%s"' % (i, name))
        elif u == "clinew":
            idx["cli"] += 1
            name = S.cyc(u, "kind", ["UNIX socket client", "UNIX socket client", "TCP/IP client from"])
            if name.startswith("TCP"):
                name = "%s 192.168.40.%d:%d" % (name, rng.randrange(10, 90), rng.randrange(32768, 61000))
            name = "Native client (%s)" % name
            live_cli.append((idx["cli"], name))
            emit("I", P, "client.c", u, 'Created %d "%s"' % (idx["cli"], name))
        elif u == "clifree":
            i, name = live_cli.pop(rng.randrange(len(live_cli))) if live_cli else (idx["cli"] + 1, "Native client (UNIX socket client)")
            emit("I", P, "client.c", u, 'Freed %d "%s"' % (i, name))
        elif u == "innew":
            idx["in"] += 1
            name = S.cyc(u, "name", PA_INPUTS)
            live_in.append((idx["in"], name))
            spec, cmap = S.cyc(u, "spec", PA_SPECS)
            emit("I", P, "sink-input.c", u, 'Created input %d "%s" on %s with sample spec %s and channel map %s' % (
                idx["in"], name, S.cyc(u, "sink", PA_SINKS), spec, cmap))
        elif u == "infree":
            i, name = live_in.pop(rng.randrange(len(live_in))) if live_in else (idx["in"] + 1, "Playback Stream")
            emit("I", P, "sink-input.c", u, 'Freeing input %d "%s"' % (i, name))
        elif u == "alsabug":
            thread, drv = S.cyc("woke", "thread", [("alsa-sink-ALC897 Analog", "snd_hda_intel"), ("alsa-sink-USB Audio", "snd_usb_audio"),
                                                   ("alsa-sink-HDMI 0", "snd_hda_intel")])
            emit("E", thread, "alsa-sink.c", "woke", S.template("woke"))
            emit("E", thread, "alsa-sink.c", "bugdrv", "Most likely this is a bug in the ALSA driver '%s'. Please report this issue to the ALSA developers." % drv)
            emit("E", thread, "alsa-sink.c", "pollout", S.template("pollout"))
        elif u == "bluez":
            emit("E", P, "bluez5-util.c", u, "GetManagedObjects() failed: %s" % S.cyc(u, "err", [
                "org.freedesktop.DBus.Error.TimedOut: Failed to activate service 'org.bluez': timed out (service_start_timeout=25000ms)",
                "org.freedesktop.DBus.Error.ServiceUnknown: The name org.bluez was not provided by any .service files",
                "org.freedesktop.DBus.Error.NoReply: Did not receive a reply. Possible causes include: the remote application did not send a reply, the message bus security policy blocked the reply, the reply timeout expired, or the network connection was broken."]))
        elif u == "pcmopen":
            emit("I", P, "alsa-util.c", u, "Error opening PCM device %s: %s" % (
                S.cyc(u, "dev", ["front:0", "hdmi:0,1", "surround51:0", "iec958:2", "front:2"]),
                S.cyc(u, "err", ["Device or resource busy", "No such file or directory", "Invalid argument"])))
        elif u == "frags":
            f = S.cyc(u, "geom", [("4.0", 4096, "23.22ms", 16384, "92.88ms"), ("2.0", 4096, "21.33ms", 8192, "42.67ms"),
                                  ("4.0", 8192, "42.67ms", 32768, "170.67ms"), ("2.0", 35280, "200.00ms", 70560, "400.00ms")])
            emit("I", P, "alsa-sink.c", u, "Using %s fragments of size %d bytes (%s), buffer size is %d bytes (%s)" % f)
    return S


# --------------------------------------------------------------------------
# 3. PipeWire  (seeded shuffle)
# --------------------------------------------------------------------------
def ts_pipewire(h):
    m = re.match(r"\[[A-Z]\]\[(\d+)\.(\d{6})\]", h)
    return int(m.group(1)) * 10 ** 6 + int(m.group(2))


PW_NODES = ["alsa_output.pci-0000_00_1f.3.analog-stereo", "alsa_input.pci-0000_00_1f.3.analog-stereo",
            "bluez_output.AC_80_0A_3D_51_E7.1", "Firefox", "WEBRTC VoiceEngine", "spotify",
            "v4l2_input.pci-0000_00_14.0-usb-0_6_1.0", "alsa_output.usb-Focusrite_Scarlett_Solo_USB-00.pro-output-0"]
PW_NODE_TR = [("creating", "suspended"), ("suspended", "idle"), ("idle", "running"), ("running", "idle"),
              ("idle", "suspended"), ("running", "error")]
PW_LINK_TR = [("init", "negotiating"), ("negotiating", "allocating"), ("allocating", "paused"),
              ("paused", "active"), ("active", "paused"), ("paused", "unlinked")]
PW_CARDS = ["alsa_card.pci-0000_00_1f.3", "alsa_card.usb-Focusrite_Scarlett_Solo_USB-00",
            "alsa_card.pci-0000_01_00.1", "alsa_card.usb-046d_HD_Pro_Webcam_C920_8A3F21C4-02",
            "alsa_card.usb-Generic_USB_Audio_20210726905926-00"]


def build_pipewire():
    S = System(3, "PipeWire", "shuffle",
               r"\[[TDIWE]\]\[\d{5,}\.\d{6}\] \S+ *\| \[ *[\w.+-]{1,16}: *\d+ \w+\(\)\] ", ts_pipewire, None)
    S.declare([
        ("node", "(<*>) <*> -> <*>"),
        ("link", "(<*>.<*> -> <*>.<*>) <*> -> <*>"),
        ("openfail", "'<*>': playback open failed: <*>"),
        ("xrun", "<*>: xrun of <*> usec detected, recovering"),
        ("cliconn", "client <*> connected (pid:<*> uid:<*>)"),
        ("clidisc", "client <*> disconnected"),
        ("bluez", "BlueZ system service is not available"),
        ("portal", "Can't find org.freedesktop.portal.Desktop. Is xdg-desktop-portal running?"),
        ("nice", "could not set nice-level to <*>: <*>"),
        ("negerr", "(<*>.<*> -> <*>.<*>) negotiate error: <*>"),
        ("coreerr", "<*>: error id:<*> seq:<*> res:<*> (<*>): <*>"),
        ("devadd", 'card <*>: device "<*>" added'),
        ("devrm", 'card <*>: device "<*>" removed'),
    ])
    loc = {  # key -> (level, topic, file, line, func)
        "node": ("I", "pw.node", "impl-node.c", 417, "node_update_state"),
        "link": ("I", "pw.link", "impl-link.c", 113, "link_update_state"),
        "openfail": ("E", "spa.alsa", "alsa-pcm.c", 1076, "spa_alsa_open"),
        "xrun": ("W", "spa.alsa", "alsa-pcm.c", 2318, "alsa_recover"),
        "cliconn": ("I", "mod.protocol-native", "module-protocol-native.c", 679, "client_new"),
        "clidisc": ("I", "mod.protocol-native", "module-protocol-native.c", 522, "client_free"),
        "bluez": ("W", "spa.bluez5", "bluez5-dbus.c", 4411, "get_managed_objects_reply"),
        "portal": ("W", "mod.rt", "module-rt.c", 1021, "rtkit_get_bus"),
        "nice": ("W", "mod.rt", "module-rt.c", 587, "set_nice"),
        "negerr": ("E", "pw.link", "impl-link.c", 297, "do_negotiate"),
        "coreerr": ("E", "pw.core", "core.c", 126, "core_event_error"),
        "devadd": ("I", "spa.alsa", "alsa-udev.c", 402, "process_device"),
        "devrm": ("I", "spa.alsa", "alsa-udev.c", 455, "remove_device"),
    }
    rng = S.rng
    boot = 6 * 3600 * SEC + 40 * MINUTE + 12 * SEC + rng.randrange(SEC)
    st = {"t": boot + 37 * SEC + rng.randrange(SEC)}

    def emit(key, content):
        lvl, topic, fn, line, func = loc[key]
        mono = st["t"] - boot
        hdr = "[%s][%05d.%06d] %-12s | [%16s:%5d %s()] " % (lvl, mono // SEC, mono % SEC // US, topic, fn[:16], line, func)
        S.add(hdr, content, key)

    counts = [("node", 96), ("link", 60), ("openfail", 5), ("xrun", 12), ("cliconn", 30), ("clidisc", 28),
              ("bluez", 4), ("portal", 4), ("nice", 6), ("negerr", 5), ("coreerr", 18), ("devadd", 16), ("devrm", 16)]
    units = []
    for k, n in counts:
        units += [k] * n
    assert len(units) == N_LINES
    rng.shuffle(units)
    node_ids = {}
    clients = []
    for u in units:
        st["t"] += gap(rng, 2100 * MS)
        if u == "node":
            name = S.cyc(u, "name", PW_NODES)
            nid = node_ids.setdefault(name, rng.randrange(31, 120))
            if rng.random() < 0.15:
                node_ids[name] = rng.randrange(31, 180)
            a, b = S.cyc(u, "tr", PW_NODE_TR)
            emit(u, "(%s-%d) %s -> %s" % (name, nid, a, b))
        elif u in ("link", "negerr"):
            o, i = rng.randrange(31, 160), rng.randrange(31, 160)
            op, ip = S.cyc(u, "oport", [0, 1]), S.cyc(u, "iport", [0, 1, 0])
            if u == "link":
                a, b = S.cyc(u, "tr", PW_LINK_TR)
                emit(u, "(%d.%d -> %d.%d) %s -> %s" % (o, op, i, ip, a, b))
            else:
                emit(u, "(%d.%d -> %d.%d) negotiate error: %s" % (o, op, i, ip, S.cyc(u, "err", [
                    "no more input formats", "incompatible formats", "error enum formats: Invalid argument"])))
        elif u == "openfail":
            emit(u, "'%s': playback open failed: %s" % (S.cyc(u, "dev", ["front:0", "hw:1,0", "iec958:0", "hw:2,3"]),
                                                        S.cyc(u, "err", ["Device or resource busy", "No such file or directory", "Permission denied"])))
        elif u == "xrun":
            emit(u, "%s: xrun of %d usec detected, recovering" % (S.cyc(u, "dev", ["hw:0,0", "hw:1,0", "hw:0,3"]), rng.randrange(800, 95000)))
        elif u == "cliconn":
            p = ptr(rng)
            clients.append(p)
            emit(u, "client %s connected (pid:%d uid:%d)" % (p, rng.randrange(1900, 48000), S.cyc(u, "uid", [1000, 1000, 1001])))
        elif u == "clidisc":
            p = clients.pop(rng.randrange(len(clients))) if clients else ptr(rng)
            emit(u, "client %s disconnected" % p)
        elif u in ("bluez", "portal"):
            emit(u, S.template(u))
        elif u == "nice":
            emit(u, "could not set nice-level to %d: %s" % (S.cyc(u, "lvl", [-11, -15]),
                                                            S.cyc(u, "err", ["Permission denied", "Operation not permitted", "No such process"])))
        elif u == "coreerr":
            res, msg, what = S.cyc(u, "res", [
                (-32, "Broken pipe", "connection error"),
                (-2, "No such file or directory", "enum params id:2 (Spa:Enum:ParamId:EnumFormat) failed"),
                (-22, "Invalid argument", "can't set format: Invalid argument"),
                (-16, "Device or resource busy", "can't start node: Device or resource busy")])
            emit(u, "%s: error id:%d seq:%d res:%d (%s): %s" % (ptr(rng), rng.randrange(2, 140), rng.randrange(10, 900), res, msg, what))
        elif u in ("devadd", "devrm"):
            card = S.cyc(u, "card", [0, 1, 2, 3])
            emit(u, 'card %d: device "%s" %s' % (card, S.cyc(u, "dev", PW_CARDS), "added" if u == "devadd" else "removed"))
    return S


# --------------------------------------------------------------------------
# 4. LightDM  (simulation: seats and XDMCP thin clients)
# --------------------------------------------------------------------------
def ts_lightdm(h):
    m = re.match(r"\[\+(\d+)\.(\d{2})s\]", h)
    return int(m.group(1)) * 100 + int(m.group(2))


LDM_USERS = ["mkovac", "tnakamura", "priya.s", "jdelacroix", "obrien", "lwei", "h.alvarez", "ekarlsson"]
LDM_CMDS = ["/usr/sbin/lightdm-session startxfce4", "/usr/sbin/lightdm-session mate-session",
            "/etc/X11/Xsession gnome-session --session=ubuntu", "/usr/sbin/lightdm-session startplasma-x11"]
LDM_FAIL = [(7, "Authentication failure"), (7, "Authentication failure"), (10, "User not known to the underlying authentication module"),
            (13, "User account has expired")]


def build_lightdm():
    S = System(4, "LightDm", "simulation",
               r"\[\+\d+\.\d{2}s\] (?:DEBUG|INFO|MESSAGE|WARNING|CRITICAL|ERROR): ", ts_lightdm,
               "4 local seats (X server, greeter, login attempts, user sessions) and XDMCP thin clients")
    S.declare([
        ("xstart", "Seat <*>: Starting local X display on VT <*>"),
        ("launch", "Launching process <*>: <*>"),
        ("sstart", "Session pid=<*>: Started with service '<*>', username '<*>'"),
        ("pam", "Session pid=<*>: Got <*> message(s) from PAM"),
        ("authdone", "Session pid=<*>: Authentication complete with return value <*>: <*>"),
        ("authz", "Seat <*>: User <*> authorized"),
        ("runcmd", "Session pid=<*>: Running command <*>"),
        ("stopgreeter", "Seat <*>: Stopping greeter"),
        ("activate", "Activating login1 session <*>"),
        ("terminate", "Terminating login1 session <*>"),
        ("exited", "Process <*> exited with return value <*>"),
        ("sstop", "Seat <*>: Session stopped"),
        ("query", "Got Query from <*>"),
        ("vtwait", "Error using VT_WAITACTIVE <*> on /dev/tty0: <*>"),
        ("sigterm", "Session pid=<*>: Sending SIGTERM"),
    ])
    rng = S.rng
    start = 7 * 3600 * SEC + 41 * MINUTE + 6 * SEC + rng.randrange(SEC)
    ctr = {"pid": 880 + rng.randrange(60), "c": 1}

    def newpid():
        ctr["pid"] += rng.randrange(3, 140)
        return ctr["pid"]

    def newsess():
        ctr["c"] += 1
        return "c%d" % ctr["c"]

    def seat(idx, t):
        name, vt, disp = "seat%d" % idx, 7 + idx, idx
        yield t, "xstart", "Seat %s: Starting local X display on VT %d" % (name, vt), "DEBUG"
        t += rng.randrange(2, 12) * MS
        yield t, "launch", "Launching process %d: /usr/bin/X -core :%d -seat %s -auth /var/run/lightdm/root/:%d -nolisten tcp vt%d -novtswitch" % (
            newpid(), disp, name, disp, vt), "DEBUG"
        if idx != 2:
            t += rng.randrange(200, 900) * MS
            yield t, "vtwait", "Error using VT_WAITACTIVE %d on /dev/tty0: %s" % (vt, S.cyc("vtwait", "err", ["Interrupted system call", "Invalid argument"])), "WARNING"
        t += rng.randrange(400, 1500) * MS
        while True:
            gpid = newpid()
            gsess = newsess()
            yield t, "sstart", "Session pid=%d: Started with service 'lightdm-greeter', username 'lightdm'" % gpid, "DEBUG"
            t += rng.randrange(20, 200) * MS
            yield t, "activate", "Activating login1 session %s" % gsess, "DEBUG"
            t += gap(rng, 70 * SEC, 3 * SEC)
            user = S.cyc("authz", "user", LDM_USERS)
            nfail = rng.choice([0, 0, 0, 1, 1, 2])
            for a in range(nfail + 1):
                spid = newpid()
                yield t, "sstart", "Session pid=%d: Started with service 'lightdm', username '%s'" % (spid, user), "DEBUG"
                t += rng.randrange(2, 30) * MS
                yield t, "pam", "Session pid=%d: Got %d message(s) from PAM" % (spid, S.cyc("pam", "n", [1, 1, 1, 2])), "DEBUG"
                t += rng.randrange(1800, 9000) * MS
                code, msg = S.cyc("authdone", "fail", LDM_FAIL) if a < nfail else (0, "Success")
                yield t, "authdone", "Session pid=%d: Authentication complete with return value %d: %s" % (spid, code, msg), "DEBUG"
                t += rng.randrange(5, 60) * MS
            yield t, "authz", "Seat %s: User %s authorized" % (name, user), "DEBUG"
            t += rng.randrange(2, 20) * MS
            yield t, "stopgreeter", "Seat %s: Stopping greeter" % name, "DEBUG"
            t += rng.randrange(30, 400) * MS
            yield t, "exited", "Process %d exited with return value 0" % gpid, "DEBUG"
            t += rng.randrange(1, 20) * MS
            yield t, "terminate", "Terminating login1 session %s" % gsess, "DEBUG"
            t += rng.randrange(5, 80) * MS
            yield t, "runcmd", "Session pid=%d: Running command %s" % (spid, S.cyc("runcmd", "cmd", LDM_CMDS)), "DEBUG"
            usess = newsess()
            t += rng.randrange(50, 500) * MS
            yield t, "activate", "Activating login1 session %s" % usess, "DEBUG"
            t += gap(rng, 150 * SEC, 20 * SEC)
            rv = 0
            if rng.random() < 0.5:
                yield t, "sigterm", "Session pid=%d: Sending SIGTERM" % spid, "DEBUG"
                t += rng.randrange(100, 3000) * MS
            else:
                rv = rng.choice([0, 0, 1])
            yield t, "exited", "Process %d exited with return value %d" % (spid, rv), "DEBUG"
            t += rng.randrange(1, 30) * MS
            yield t, "sstop", "Seat %s: Session stopped" % name, "DEBUG"
            t += rng.randrange(1, 30) * MS
            yield t, "terminate", "Terminating login1 session %s" % usess, "DEBUG"
            t += rng.randrange(300, 1500) * MS

    def thin_client(ip, t, n):
        for _ in range(n):
            yield t, "query", "Got Query from %s" % ip, "DEBUG"
            t += rng.randrange(2500, 8000) * MS

    gens = [seat(i, start + rng.randrange(5, 900) * MS) for i in range(4)]
    tc_t = start + 20 * SEC
    for j in range(14):
        tc_t += gap(rng, 55 * SEC)
        gens.append(thin_client("10.31.4.%d" % (11 + 7 * j % 120), tc_t, rng.randrange(4, 13)))

    def emit(t, key, content, level):
        cs = (t - start) // (10 * MS)
        S.add("[+%d.%02ds] %s: " % (cs // 100, cs % 100, level), content, key)

    run_sim(gens, N_LINES, emit)
    return S


# --------------------------------------------------------------------------
# 5. Snapd  (simulation: changes, auto-refresh checks, store outages)
# --------------------------------------------------------------------------
def ts_syslog(h):
    m = re.match(r"[A-Z][a-z]{2} [ \d]\d (\d\d):(\d\d):(\d\d) ", h)
    if not m:
        return None
    return int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))


SNAPD_HOST = "kestrel-ws"
SNAP_CAT = {  # name: channel, revision, services, running apps, plugs (plug, slot)
    "firefox": ["latest/stable", 3836, [], "firefox", [("firefox:audio-playback", "snapd:audio-playback"), ("firefox:gnome-42-2204", "gnome-42-2204:gnome-42-2204"),
                                                       ("firefox:gtk-3-themes", "gtk-common-themes:gtk-3-themes"), ("firefox:home", "snapd:home"),
                                                       ("firefox:camera", "snapd:camera"), ("firefox:u2f-devices", "snapd:u2f-devices")]],
    "thunderbird": ["latest/stable", 470, [], "thunderbird", [("thunderbird:audio-playback", "snapd:audio-playback"), ("thunderbird:gnome-42-2204", "gnome-42-2204:gnome-42-2204"),
                                                              ("thunderbird:home", "snapd:home"), ("thunderbird:network", "snapd:network")]],
    "core22": ["latest/stable", 1380, [], None, []],
    "gnome-42-2204": ["latest/stable", 176, [], None, [("gnome-42-2204:gpu-2404", "mesa-2404:gpu-2404")]],
    "gtk-common-themes": ["latest/stable", 1535, [], None, []],
    "snapd": ["latest/stable", 21759, [], None, []],
    "lxd": ["5.21/stable", 31333, ["snap.lxd.daemon.service", "snap.lxd.activate.service"], None,
            [("lxd:lxd-support", "snapd:lxd-support"), ("lxd:network-control", "snapd:network-control"), ("lxd:system-observe", "snapd:system-observe")]],
    "multipass": ["latest/stable", 12455, ["snap.multipass.multipassd.service"], None,
                  [("multipass:libvirt", "snapd:libvirt"), ("multipass:firewall-control", "snapd:firewall-control"), ("multipass:kvm", "snapd:kvm")]],
    "microk8s": ["1.30/stable", 7229, ["snap.microk8s.daemon-containerd.service", "snap.microk8s.daemon-kubelite.service",
                                       "snap.microk8s.daemon-k8s-dqlite.service", "snap.microk8s.daemon-apiserver-kicker.service"], None, []],
    "code": ["latest/stable", 172, [], "code", []],
    "vlc": ["latest/stable", 3777, [], "vlc", [("vlc:audio-playback", "snapd:audio-playback"), ("vlc:removable-media", "snapd:removable-media"),
                                              ("vlc:optical-drive", "snapd:optical-drive"), ("vlc:screen-inhibit-control", "snapd:screen-inhibit-control"),
                                              ("vlc:gtk-3-themes", "gtk-common-themes:gtk-3-themes")]],
    "postgresql": ["14/stable", 311, ["snap.postgresql.postgresql.service"], None,
                   [("postgresql:network-bind", "snapd:network-bind"), ("postgresql:shared-memory", "snapd:shared-memory")]],
    "signal-desktop": ["latest/stable", 641, [], "signal-desktop", [("signal-desktop:audio-record", "snapd:audio-record"), ("signal-desktop:camera", "snapd:camera"),
                                                                   ("signal-desktop:home", "snapd:home"), ("signal-desktop:network", "snapd:network"),
                                                                   ("signal-desktop:browser-support", "snapd:browser-support"), ("signal-desktop:wayland", "snapd:wayland"),
                                                                   ("signal-desktop:gnome-42-2204", "gnome-42-2204:gnome-42-2204")]],
    "nextcloud": ["latest/stable", 42165, ["snap.nextcloud.apache.service", "snap.nextcloud.mysql.service", "snap.nextcloud.redis-server.service"], None,
                  [("nextcloud:network-bind", "snapd:network-bind"), ("nextcloud:removable-media", "snapd:removable-media")]],
}
SNAPD_ENSURE_ERR = [
    'Get "https://api.snapcraft.io/api/v1/snaps/sections": dial tcp: lookup api.snapcraft.io on 127.0.0.53:53: server misbehaving',
    'devicemgr: cannot get nonce from store: Post "https://api.snapcraft.io/api/v1/snaps/auth/nonces": dial tcp 198.51.100.23:443: connect: network is unreachable',
    'cannot refresh catalogs: Get "https://api.snapcraft.io/api/v1/snaps/names?confinement=strict%2Cclassic": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
    'devicemgr: cannot refresh serial: cannot retrieve request-id for making a request for a serial: Post "https://api.snapcraft.io/api/v1/snaps/auth/request-id": dial tcp: lookup api.snapcraft.io: Temporary failure in name resolution',
]


def build_snapd():
    S = System(5, "Snapd", "simulation",
               r"[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d [\w.-]+ snapd\[\d+\]: (?:[\w-]+\.go:\d+: )?", ts_syslog,
               "snapd changes (auto-refreshes, installs) with their tasks, auto-refresh checks, store outages, daemon restarts")
    S.declare([
        ("uptodate", "auto-refresh: all snaps are up-to-date"),
        ("noupd", "cannot refresh: snap has no updates available: <*>"),
        ("refreshing", "auto-refresh: refreshing <*>"),
        ("downloaded", 'Downloaded snap "<*>" (<*>) from channel "<*>" in <*>'),
        ("disable", "RemoveSnapServices - disabling <*>"),
        ("enable", "AddSnapServices - enabling <*>"),
        ("linked", 'Linked snap "<*>" revision <*>'),
        ("autoconn", 'auto-connect: connected plug "<*>" to slot "<*>"'),
        ("failed", '[change <*> "<*>" task] failed: <*>'),
        ("running", 'cannot refresh snap "<*>": snap has running apps (<*>), pids: <*>'),
        ("started", "started snapd/<*> (series 16; classic) ubuntu/24.04 (amd64) linux/6.8.0-55-generic."),
        ("ensure", "state ensure error: <*>"),
        ("oops", 'Reported install problem for "<*>" as <*>'),
        ("apparmor", "AppArmor status: apparmor is enabled and all features are available"),
    ])
    LOC = {"uptodate": "autorefresh.go:551", "noupd": "storehelpers.go:769", "refreshing": "autorefresh.go:589",
           "downloaded": "handlers.go:1124", "disable": "services.go:1172", "enable": "services.go:1031",
           "linked": "handlers.go:2257", "autoconn": "handlers.go:1590", "failed": "taskrunner.go:299",
           "running": "autorefresh.go:702", "started": "daemon.go:247", "ensure": "stateengine.go:149",
           "oops": "handlers.go:503", "apparmor": None}
    rng = S.rng
    T0 = 4 * 3600 * SEC + 11 * MINUTE + 7 * SEC + rng.randrange(SEC)
    state = {"pid": 1187, "ver": "2.61.3", "chg": 40 + rng.randrange(30)}
    cat = {k: list(v) for k, v in SNAP_CAT.items()}

    def next_chg():
        state["chg"] += 1
        return state["chg"]

    def restart(newver):
        def pre():
            state["pid"] = state["pid"] + rng.randrange(900, 40000)
            if newver:
                state["ver"] = newver
        return pre

    def daemon_start(t, pre):
        yield t, "apparmor", S.template("apparmor"), pre
        t += rng.randrange(20, 300) * MS
        yield t, "started", None, None     # content resolved at emit time (current version)

    def quoted(names):
        return ", ".join('"%s"' % n for n in names)

    def fail_task(t, snap, chg, kind):
        if kind == "start" and not cat[snap][2]:
            kind = "hook"
        summ = {
            "download": ('Download snap "%s" (%d) from channel "%s"' % (snap, cat[snap][1] + 3, cat[snap][0]),
                         'cannot download snap "%s": Get "https://api.snapcraft.io/api/v1/snaps/download/%s_%d.snap": dial tcp: lookup api.snapcraft.io: Temporary failure in name resolution' % (snap, hexs(rng, 32), cat[snap][1] + 3)),
            "hook": ('Run configure hook of "%s" snap if present' % snap, 'run hook "configure": exit status %d' % rng.choice([1, 2, 1])),
            "start": ('Start snap "%s" (%d) services' % (snap, cat[snap][1]),
                      "cannot start service %s: systemctl command [start %s] failed with exit status 1: Job for %s failed because the control process exited with error code." % (((cat[snap][2] or ["snap.%s.daemon.service" % snap])[0],) * 3)),
            "mount": ('Mount snap "%s" (%d)' % (snap, cat[snap][1] + 1), "cannot verify snap \"%s\", no matching signatures found using key %s" % (snap, hexs(rng, 16))),
        }[kind]
        summary = summ[0].replace('"', '\\"')
        yield t, "failed", '[change %d "%s" task] failed: %s' % (chg, summary, summ[1]), None
        t += rng.randrange(200, 2500) * MS
        yield t, "oops", 'Reported install problem for "%s" as %s' % (snap, uuid4(rng)), None

    def refresh_snap(t, snap, chg, allow_running):
        info = cat[snap]
        if info[3] and allow_running:
            yield t, "running", 'cannot refresh snap "%s": snap has running apps (%s), pids: %s' % (
                snap, info[3], ",".join(str(rng.randrange(2000, 90000)) for _ in range(rng.randrange(1, 5)))), None
            return
        t += gap(rng, 25 * SEC, 2 * SEC)
        if rng.random() < 0.12:
            yield from fail_task(t, snap, chg, S.cyc("failed", "kind", ["download", "hook", "start", "mount"]))
            return
        newrev = info[1] + rng.randrange(1, 60)
        dl = gap(rng, 18 * SEC, 900 * MS)
        yield t, "downloaded", 'Downloaded snap "%s" (%d) from channel "%s" in %s' % (snap, newrev, info[0], tenths_s(dl)), None
        t += rng.randrange(800, 5000) * MS
        for svc in info[2]:
            yield t, "disable", "RemoveSnapServices - disabling %s" % svc, None
            t += rng.randrange(100, 1500) * MS
        t += rng.randrange(500, 4000) * MS
        yield t, "linked", 'Linked snap "%s" revision %d' % (snap, newrev), None
        info[1] = newrev
        if info[4] and rng.random() < 0.3:
            t += rng.randrange(50, 400) * MS
            p, s = info[4][rng.randrange(len(info[4]))]
            yield t, "autoconn", 'auto-connect: connected plug "%s" to slot "%s"' % (p, s), None
        for svc in info[2]:
            t += rng.randrange(100, 1500) * MS
            yield t, "enable", "AddSnapServices - enabling %s" % svc, None
        if snap == "snapd":
            t += rng.randrange(2, 9) * SEC
            major, minor = state["ver"].split(".")[:2]
            yield from daemon_start(t, restart("%s.%d" % (major, int(minor) + 1)))

    def refresh_change(t, snaps, chg):
        yield t, "refreshing", "auto-refresh: refreshing %s" % quoted(snaps), None
        for snap in snaps:
            sub = refresh_snap(t + rng.randrange(200, 900) * MS, snap, chg, rng.random() < 0.6)
            for item in sub:
                t = item[0]
                yield item

    def install_change(t, snap, chg):
        info = cat[snap]
        dl = gap(rng, 20 * SEC, 1200 * MS)
        t += dl
        if rng.random() < 0.2:
            yield from fail_task(t, snap, chg, S.cyc("failed", "ikind", ["hook", "download", "start"]))
            return
        yield t, "downloaded", 'Downloaded snap "%s" (%d) from channel "%s" in %s' % (snap, info[1], info[0], tenths_s(dl)), None
        t += rng.randrange(1500, 6000) * MS
        yield t, "linked", 'Linked snap "%s" revision %d' % (snap, info[1]), None
        for p, s in info[4]:
            t += rng.randrange(40, 600) * MS
            yield t, "autoconn", 'auto-connect: connected plug "%s" to slot "%s"' % (p, s), None
        for svc in info[2]:
            t += rng.randrange(100, 1500) * MS
            yield t, "enable", "AddSnapServices - enabling %s" % svc, None

    def outage(t, n):
        for _ in range(n):
            yield t, "ensure", "state ensure error: %s" % S.cyc("ensure", "err", SNAPD_ENSURE_ERR), None
            t += 5 * MINUTE + rng.randrange(-25, 40) * SEC

    def manual_restart(t):
        yield from daemon_start(t, restart(None))

    gens = [daemon_start(T0, None)]
    changes = []    # (start, n, kind, arg); change ids are handed out in start-time order
    # auto-refresh checks, each possibly starting a refresh change
    refresh_sets = [["firefox"], ["core22", "gnome-42-2204"], ["snapd"], ["lxd"], ["thunderbird", "firefox"],
                    ["multipass", "gtk-common-themes"], ["microk8s"], ["snapd", "code"], ["vlc", "postgresql"],
                    ["nextcloud"], ["signal-desktop", "core22"]]
    t = T0 + 7 * MINUTE
    for i in range(48):
        outcome = rng.choice(["uptodate", "refresh", "refresh", "refresh", "noupd", "uptodate"])
        if outcome == "refresh":
            changes.append((t, len(changes), refresh_change, S.cyc("refreshing", "snaps", refresh_sets)))
        elif outcome == "uptodate":
            gens.append(iter([(t, "uptodate", S.template("uptodate"), None)]))
        else:
            names = S.cyc("noupd", "snaps", [["core22", "snapd"], ["firefox"], ["lxd", "core22", "gtk-common-themes"], ["code", "vlc"]])
            gens.append(iter([(t, "noupd", "cannot refresh: snap has no updates available: %s" % quoted(names), None)]))
        t += gap(rng, 16 * MINUTE, 5 * MINUTE)
    # user installs
    t = T0 + 20 * MINUTE
    for snap in ["signal-desktop", "vlc", "postgresql", "multipass", "firefox", "nextcloud", "lxd", "thunderbird",
                 "signal-desktop", "vlc", "firefox", "multipass", "postgresql", "nextcloud"]:
        t += gap(rng, 40 * MINUTE, 4 * MINUTE)
        changes.append((t, len(changes), install_change, snap))
    # store outages
    t = T0
    for n in [12, 9, 20, 15, 11, 17, 14]:
        t += gap(rng, 45 * MINUTE, 15 * MINUTE)
        gens.append(outage(t, n))
        t += n * 5 * MINUTE
    for t, _, kind, arg in sorted(changes, key=lambda c: (c[0], c[1])):
        gens.append(kind(t, arg, next_chg()))
    gens.append(manual_restart(T0 + 3 * 3600 * SEC + rng.randrange(3600) * SEC))

    def emit(t, key, content, pre):
        assert t < 24 * 3600 * SEC, "snapd clock left the day"
        if pre:
            pre()
        if key == "started":
            content = "started snapd/%s (series 16; classic) ubuntu/24.04 (amd64) linux/6.8.0-55-generic." % state["ver"]
        hdr = "%s %s snapd[%d]: " % (syslog_stamp(t), SNAPD_HOST, state["pid"])
        if LOC[key]:
            hdr += LOC[key] + ": "
        S.add(hdr, content, key)

    run_sim(gens, N_LINES, emit)
    return S


# --------------------------------------------------------------------------
# 6. Flatpak  (seeded shuffle; libostree pull reports span several journal lines)
# --------------------------------------------------------------------------
FP_HOST = "orchid-lt"
FP_REFS = ["app/org.mozilla.firefox/x86_64/stable", "app/org.gnome.Calculator/x86_64/stable", "app/com.spotify.Client/x86_64/stable",
           "runtime/org.freedesktop.Platform/x86_64/23.08", "app/org.libreoffice.LibreOffice/x86_64/stable",
           "runtime/org.gnome.Platform/x86_64/46", "app/org.videolan.VLC/x86_64/stable", "runtime/org.kde.Platform/x86_64/6.7",
           "app/com.github.tchx84.Flatseal/x86_64/stable", "runtime/org.freedesktop.Platform.GL.default/x86_64/23.08",
           "app/org.gimp.GIMP/x86_64/stable", "runtime/org.gnome.Platform.Locale/x86_64/46", "app/md.obsidian.Obsidian/x86_64/stable",
           "runtime/org.freedesktop.Platform.openh264/x86_64/2.2.0", "app/org.signal.Signal/x86_64/stable"]
FP_REMOTES = ["flathub", "flathub", "flathub", "fedora", "flathub-beta"]


def build_flatpak():
    S = System(6, "Flatpak", "shuffle",
               r"(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d [\w.-]+ (?:flatpak|flatpak-system-helper)\[\d+\]: | +)", ts_syslog, None)
    S.declare([
        ("installed", "<*>: Installed <*> from <*>"),
        ("updated", "<*>: Updated <*> from <*>"),
        ("uninstalled", "<*>: Uninstalled <*>"),
        ("deployed", "<*>: Deployed <*> (commit <*>)"),
        ("pulldone", "libostree pull from '<*>' for <*> complete"),
        ("security", "security: GPG: <*> http: TLS"),
        ("delta", "delta: parts: <*>/<*> size: <*>/<*>"),
        ("nondelta", "non-delta: meta: <*> content: <*>"),
        ("transfer", "transfer: secs: <*> size: <*>"),
        ("httperr", "libostree HTTP error from remote <*> for <<*>>: <*>"),
        ("nonfatal", "Warning: Treating remote fetch error as non-fatal since <*> is already installed: <*>"),
        ("pruned", "Deleted <*> objects, <*> freed"),
        ("deployfail", "Failed to deploy <*>: <*>"),
    ])
    rng = S.rng
    st = {"t": 10 * 3600 * SEC + 2 * MINUTE + 17 * SEC + rng.randrange(SEC), "helper": 2231 + rng.randrange(200), "cli": 5100}

    def prefix(proc):
        if proc == "helper":
            if rng.random() < 0.06:
                st["helper"] += rng.randrange(500, 9000)
            pid, name = st["helper"], "flatpak-system-helper"
        else:
            if rng.random() < 0.5:
                st["cli"] += rng.randrange(3, 4000)
            pid, name = st["cli"], "flatpak"
        return "%s %s %s[%d]: " % (syslog_stamp(st["t"]), FP_HOST, name, pid)

    def inst(ev):
        i = S.cyc(ev, "inst", ["system", "system", "user", "system"])
        return i, ("helper" if i == "system" else "cli")

    units = (["pull"] * 30 + ["installed"] * 25 + ["updated"] * 90 + ["uninstalled"] * 12 + ["deployed"] * 30 +
             ["httperr"] * 8 + ["nonfatal"] * 5 + ["pruned"] * 6 + ["deployfail"] * 4)
    pulls_nondelta = set(rng.sample(range(30), 6))
    rng.shuffle(units)
    npull = 0
    for u in units:
        st["t"] += gap(rng, 95 * SEC)
        if u in ("installed", "updated"):
            i, proc = inst(u)
            S.add(prefix(proc), "%s: %s %s from %s" % (i, u.capitalize(), S.cyc(u, "ref", FP_REFS), S.cyc(u, "remote", FP_REMOTES)), u)
        elif u == "uninstalled":
            i, proc = inst(u)
            S.add(prefix(proc), "%s: Uninstalled %s" % (i, S.cyc(u, "ref", FP_REFS)), u)
        elif u == "deployed":
            i, proc = inst(u)
            S.add(prefix(proc), "%s: Deployed %s (commit %s)" % (i, S.cyc(u, "ref", FP_REFS), hexs(rng, 64)), u)
        elif u == "pull":
            i, proc = inst("pulldone")
            p = prefix(proc)
            cont = " " * len(p)
            S.add(p, "libostree pull from '%s' for %s complete" % (S.cyc("pulldone", "remote", FP_REMOTES), S.cyc("pulldone", "ref", FP_REFS)), "pulldone")
            S.add(cont, "security: GPG: %s http: TLS" % S.cyc("security", "gpg", ["commit", "commit", "summary+commit"]), "security")
            size = rng.randrange(40 * 10 ** 3, 380 * 10 ** 6)
            if npull in pulls_nondelta:
                S.add(cont, "non-delta: meta: %d content: %d" % (rng.randrange(3, 60), rng.randrange(40, 9000)), "nondelta")
            else:
                parts = rng.randrange(1, 9)
                got = parts - (1 if parts > 2 and rng.random() < 0.3 else 0)
                S.add(cont, "delta: parts: %d/%d size: %s/%s" % (got, parts, fmt_size(size * got // parts), fmt_size(size)), "delta")
            S.add(cont, "transfer: secs: %d size: %s" % (1 + size // rng.randrange(2 * 10 ** 6, 40 * 10 ** 6), fmt_size(size)), "transfer")
            npull += 1
        elif u == "httperr":
            _, proc = inst(u)
            remote = S.cyc(u, "remote", FP_REMOTES)
            host = {"flathub": "dl.flathub.org", "flathub-beta": "dl.flathub.org", "fedora": "registry.fedoraproject.org"}[remote]
            url = "https://%s/repo/objects/%s/%s.%s" % (host, hexs(rng, 2), hexs(rng, 62), S.cyc(u, "kind", ["filez", "dirtree", "commit"]))
            S.add(prefix(proc), "libostree HTTP error from remote %s for <%s>: %s" % (remote, url, S.cyc(u, "err", [
                "Timeout was reached", "Could not resolve hostname", "Server returned HTTP 404", "Connection reset by peer"])), u)
        elif u == "nonfatal":
            S.add(prefix("cli"), "Warning: Treating remote fetch error as non-fatal since %s is already installed: %s" % (
                S.cyc(u, "ref", FP_REFS), S.cyc(u, "err", ["Unable to load summary from remote flathub-beta: Could not resolve hostname",
                                                           "Unable to load summary from remote fedora: Server returned status 503: Service Unavailable",
                                                           "No such ref 'app/org.gimp.GIMP/x86_64/beta' in remote flathub-beta"])), u)
        elif u == "pruned":
            S.add(prefix("helper"), "Deleted %d objects, %s freed" % (rng.randrange(12, 9000), fmt_size(rng.randrange(10 ** 5, 2 * 10 ** 9))), u)
        elif u == "deployfail":
            ref = S.cyc(u, "ref", FP_REFS)
            S.add(prefix("helper"), "Failed to deploy %s: %s" % (ref, S.cyc(u, "err", [
                "Error opening file /var/lib/flatpak/repo/objects/%s/%s.file: No such file or directory" % (hexs(rng, 2), hexs(rng, 62)),
                "Can't find ref %s in remote flathub" % ref,
                "While trying to checkout %s into /var/lib/flatpak/app/.removed: No space left on device" % hexs(rng, 64)])), u)
    return S


# --------------------------------------------------------------------------
# writing and self-check
# --------------------------------------------------------------------------
def write(S):
    d = os.path.join(OUT, S.name)
    os.makedirs(d, exist_ok=True)
    rows = S.rows[:N_LINES]
    with open(os.path.join(d, S.name + ".log"), "w", encoding="utf-8", newline="") as f:
        for h, c, _ in rows:
            f.write(h + c + "\n")
    tpl = dict(S.events)
    with open(os.path.join(d, S.name + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        for i, (h, c, k) in enumerate(rows, 1):
            w.writerow([i, c, S.eid[k], tpl[k]])
    return [os.path.join(d, S.name + ".log"), os.path.join(d, S.name + ".log_structured.csv")]


def tpl_regex(t):
    return re.compile("^" + "(.+?)".join(re.escape(p) for p in t.split("<*>")) + "$", re.S)


def check(S):
    errs = []
    d = os.path.join(OUT, S.name)
    raw = open(os.path.join(d, S.name + ".log"), "rb").read()
    cb = open(os.path.join(d, S.name + ".log_structured.csv"), "rb").read()
    for nm, b in (("log", raw), ("csv", cb)):
        if not b.endswith(b"\n"):
            errs.append("%s does not end with newline" % nm)
        if b"\r" in b:
            errs.append("%s contains CR" % nm)
    lines = raw.decode("utf-8").split("\n")[:-1]
    with open(os.path.join(d, S.name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header")
    rows = rows[1:]
    if len(lines) != N_LINES or len(rows) != N_LINES:
        errs.append("counts: %d lines %d rows" % (len(lines), len(rows)))
    declared = {S.eid[k]: t for k, t in S.events}
    order = [S.eid[k] for k, _ in S.events]
    if order != ["E%d" % i for i in range(1, len(order) + 1)]:
        errs.append("event ids not in declaration order")
    tmpl_of = {}
    caps = {}
    counts = {}
    prev_ts = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("LineId %s != %d" % (lid, i))
        if not content or content != content.strip():
            errs.append("line %d content empty or not stripped" % i)
        if "\n" in content or "\r" in content:
            errs.append("line %d multi-line content" % i)
        if not line.endswith(content):
            errs.append("line %d does not end with its content" % i)
            continue
        hdr = line[:len(line) - len(content)]
        if not S.header_re.fullmatch(hdr):
            errs.append("line %d header does not match: %r" % (i, hdr))
        ts = S.ts_of(hdr)
        if ts is not None:
            if prev_ts is not None and ts < prev_ts:
                errs.append("line %d timestamp goes back" % i)
            prev_ts = ts
        if not re.fullmatch(r"E\d+", eid):
            errs.append("line %d bad EventId %s" % (i, eid))
        if eid not in declared or declared[eid] != tpl:
            errs.append("line %d EventId/template not as declared" % i)
        if tmpl_of.setdefault(eid, tpl) != tpl:
            errs.append("EventId %s has two templates" % eid)
        m = tpl_regex(tpl).fullmatch(content)
        if not m:
            errs.append("line %d template does not match content: %s | %s" % (i, tpl, content))
            continue
        for j, g in enumerate(m.groups()):
            caps.setdefault((eid, j), set()).add(g)
        counts[eid] = counts.get(eid, 0) + 1
    if len(set(tmpl_of.values())) != len(tmpl_of):
        errs.append("two EventIds share a template")
    if set(counts) != set(declared):
        errs.append("declared events unused: %s" % sorted(set(declared) - set(counts), key=lambda e: int(e[1:])))
    for eid, t in declared.items():
        for j in range(t.count("<*>")):
            if len(caps.get((eid, j), ())) < 2:
                errs.append("%s slot %d takes fewer than 2 values" % (eid, j + 1))
    vals = sorted(counts.values())
    n_ev = len(declared)
    if not 12 <= n_ev <= 15:
        errs.append("%d event types" % n_ev)
    if vals and vals[0] < 3:
        errs.append("an event has fewer than 3 lines: %s" % counts)
    if sum(1 for v in vals if 3 <= v <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines: %s" % counts)
    med = statistics.median(vals) if vals else 0
    if not vals or vals[-1] < 3 * med:
        errs.append("largest %s < 3 x median %s" % (vals[-1] if vals else 0, med))
    return errs, counts, med


def main():
    builders = [build_xorg, build_pulse, build_pipewire, build_lightdm, build_snapd, build_flatpak]
    files = []
    systems = []
    for b in builders:
        S = b()
        if len(S.rows) < N_LINES:
            sys.exit("%s produced only %d lines" % (S.name, len(S.rows)))
        files += write(S)
        systems.append(S)
    ok = True
    for S in systems:
        errs, counts, med = check(S)
        ordered = sorted(counts.items(), key=lambda kv: int(kv[0][1:]))
        print("%-10s k=%d %-10s lines=%d events=%d min=%d median=%s max=%d  %s" % (
            S.name, S.k, S.kind, N_LINES, len(counts), min(counts.values()), med, max(counts.values()),
            " ".join("%s:%d" % kv for kv in ordered)))
        for e in errs[:20]:
            print("   FAIL:", e)
        ok = ok and not errs
    print("files written: %d" % len(files))
    print("self-check: %s" % ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
