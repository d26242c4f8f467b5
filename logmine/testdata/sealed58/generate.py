#!/usr/bin/env python3
"""Sealed 58: generator for a blind, labelled log corpus (six update / IoT systems).

Python 3 standard library only.  Fully deterministic: no wall clock, no locale.
Base seed 20270180; system k (1..6) uses random.Random(20270180 * 10 + k).
All times come from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes, next to this file, <System>/<System>.log and
<System>/<System>.log_structured.csv for every system, then re-reads and
self-checks every file and prints a per-system summary.
"""

import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270180
HERE = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
YEAR, MONTH, DAY = 2026, 3, 14
NS = 1_000_000_000
MS = 1_000_000
N_LINES = 300
SLOT = "<*>"


# ---------------------------------------------------------------- clock ---

def split_tod(t):
    """Integer ns since 2026-03-14T00:00:00Z -> (h, m, s, frac_ns)."""
    sec, frac = divmod(t, NS)
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    if not 0 <= h < 24:
        raise ValueError("clock left 2026-03-14")
    return h, m, s, frac


def ts_journal(t):
    h, m, s, _ = split_tod(t)
    return "%s %2d %02d:%02d:%02d" % (MONTHS[MONTH - 1], DAY, h, m, s)


def ts_rfc3339(t):
    h, m, s, _ = split_tod(t)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (YEAR, MONTH, DAY, h, m, s)


def ts_rfc3339nano(t):
    """Go time.RFC3339Nano: trailing zeros of the fraction are dropped."""
    h, m, s, f = split_tod(t)
    frac = ("%09d" % f).rstrip("0")
    return "%04d-%02d-%02dT%02d:%02d:%02d%sZ" % (
        YEAR, MONTH, DAY, h, m, s, ("." + frac) if frac else "")


def ts_java(t):
    h, m, s, f = split_tod(t)
    return "%04d-%02d-%02d %02d:%02d:%02d,%03d" % (YEAR, MONTH, DAY, h, m, s, f // MS)


def at(h, m, s):
    return ((h * 60 + m) * 60 + s) * NS


TIME_IN_HEADER = re.compile(r"(\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?")


def header_time(header):
    """First hh:mm:ss[.frac] in a header, as ns, or None when there is none."""
    m = TIME_IN_HEADER.search(header)
    if not m:
        return None
    frac = (m.group(4) or "").ljust(9, "0")
    return ((int(m.group(1)) * 60 + int(m.group(2))) * 60 + int(m.group(3))) * NS + int(frac)


# -------------------------------------------------------------- helpers ---

class Cycler:
    """Small pools cycle per key (event, slot), starting at a seeded offset."""

    def __init__(self, rng):
        self.rng = rng
        self.pos = {}

    def __call__(self, key, pool):
        pool = list(pool)
        if key not in self.pos:
            self.pos[key] = self.rng.randrange(len(pool))
        i = self.pos[key]
        self.pos[key] = i + 1
        return pool[i % len(pool)]


class Ctx:
    def __init__(self, rng):
        self.r = rng
        self.c = Cycler(rng)
        self.cur = None

    def p(self, slot, pool):
        """Pool pick for slot `slot` of the event being generated."""
        return self.c((self.cur, slot), pool)


def hexs(r, n):
    return "%0*x" % (n, r.getrandbits(4 * n))


def uuid4(r):
    h = hexs(r, 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[r.randrange(4)],
                                  h[17:20], h[20:])


def go_esc(s):
    """What logrus' %q quoting does to a value inside msg="..."."""
    return s.replace("\\", "\\\\").replace('"', '\\"')


def go_dur(ns):
    """Go time.Duration.String() for durations >= 1ms."""
    if ns < NS:
        whole, frac = divmod(ns, MS)
        fs = ("%06d" % frac).rstrip("0")
        return "%d%sms" % (whole, ("." + fs) if fs else "")
    h, rem = divmod(ns, 3600 * NS)
    m, rem = divmod(rem, 60 * NS)
    s, f = divmod(rem, NS)
    fs = ("%09d" % f).rstrip("0")
    out = ""
    if h:
        out += "%dh" % h
    if h or m:
        out += "%dm" % m
    return out + "%d%ss" % (s, ("." + fs) if fs else "")


def si_size(n):
    """GLib g_format_size() style (SI units, one decimal)."""
    for unit, div in (("GB", 10 ** 9), ("MB", 10 ** 6), ("kB", 10 ** 3)):
        if n >= div:
            return "%.1f %s" % (n / div, unit)
    return "%d bytes" % n


def private_ip(r):
    return "10.%d.%d.%d" % (r.randrange(0, 64), r.randrange(0, 256), r.randrange(2, 254))


def fill(tpl, vals):
    parts = tpl.split(SLOT)
    if len(parts) != len(vals) + 1:
        raise ValueError("slot count mismatch for %r: %r" % (tpl, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        v = str(v)
        if not v or v != v.strip() or "\n" in v or "\r" in v:
            raise ValueError("bad value %r for %r" % (v, tpl))
        out.append(v)
        out.append(p)
    return "".join(out)


def logback_abbrev(name, target=36):
    """logback %logger{36}: shorten leading package segments left to right."""
    if len(name) <= target:
        return name
    segs = name.split(".")
    to_trim = len(name) - target
    out = []
    for seg in segs[:-1]:
        if to_trim > 0 and len(seg) > 1:
            to_trim -= len(seg) - 1
            out.append(seg[0])
        else:
            out.append(seg)
    out.append(segs[-1])
    return ".".join(out)


def quarkus_abbrev(name):
    """Quarkus %c{3.}: every package segment cut to three characters."""
    segs = name.split(".")
    return ".".join([s[:3] for s in segs[:-1]] + [segs[-1]])


class Ev:
    def __init__(self, tpl, level, count=0, gen=None, **hdr):
        self.tpl = tpl
        self.level = level
        self.count = count
        self.gen = gen
        self.hdr = hdr


class System:
    def __init__(self, k, name, kind, entities, events, header_re, render, build):
        self.k = k
        self.name = name
        self.kind = kind
        self.entities = entities
        self.events = events
        self.header_re = re.compile(header_re)
        self.render = render      # (t_ns, Ev, extra) -> header string
        self.build = build        # (ctx, events) -> list of (t, eid, vals, extra)


def shuffle_build(start, mean_gap_ns):
    """Fixed count per event, seeded shuffle, forward-only exponential clock."""
    def build(x, events):
        order = [i for i, e in enumerate(events) for _ in range(e.count)]
        x.r.shuffle(order)
        t = start + x.r.randrange(NS)
        recs = []
        for i in order:
            t += 1 + int(x.r.expovariate(1.0) * mean_gap_ns)
            x.cur = i
            vals = events[i].gen(x)
            recs.append((t, i, vals, {}))
        return recs
    return build


# ===================================================== 1. MenderClient ===

MENDER_HOST = "kiosk-rpi4-0417"
MENDER_PID = 611
MENDER_SERVERS = ["https://hosted.mender.io", "https://mender.fjordline-ops.net"]
MENDER_TRANSITIONS = [
    ("idle", "Idle", "check-wait", "Idle"),
    ("check-wait", "Idle", "inventory-update", "Sync"),
    ("inventory-update", "Sync", "check-wait", "Idle"),
    ("check-wait", "Idle", "update-check", "Sync"),
    ("update-check", "Sync", "check-wait", "Idle"),
    ("check-wait", "Idle", "inventory-update", "Sync"),
    ("inventory-update", "Sync", "check-wait", "Idle"),
    ("update-check", "Sync", "update-fetch", "Download_Enter"),
    ("update-fetch", "Download_Enter", "update-store", "Download_Enter"),
    ("update-store", "Download_Enter", "update-after-store", "Download_Leave"),
    ("update-after-store", "Download_Leave", "update-install", "ArtifactInstall"),
    ("update-install", "ArtifactInstall", "reboot", "ArtifactReboot_Enter"),
    ("after-reboot", "ArtifactReboot_Leave", "update-verify-reboot", "ArtifactReboot_Leave"),
    ("update-verify-reboot", "ArtifactReboot_Leave", "update-commit", "ArtifactCommit_Enter"),
    ("update-commit", "ArtifactCommit_Enter", "update-after-commit", "ArtifactCommit_Leave"),
    ("update-after-commit", "ArtifactCommit_Leave", "cleanup", "Cleanup"),
    ("cleanup", "Cleanup", "update-status-report", "none"),
    ("update-status-report", "none", "idle", "Idle"),
    ("check-wait", "Idle", "update-check", "Sync"),
    ("update-check", "Sync", "check-wait", "Idle"),
]
MENDER_ARTIFACTS = ["kiosk-os-2026.02.3", "kiosk-os-2026.03.1", "kiosk-os-2026.03.1-hotfix2"]
MENDER_DEPLOY_STATUS = ["downloading", "installing", "rebooting", "success", "failure",
                        "already-installed", "pause_before_rebooting"]


def mender_check_error(x):
    srv = x.p("srv", MENDER_SERVERS)
    host = srv.split("//", 1)[1]
    art = x.p("art", MENDER_ARTIFACTS)
    url = "%s/api/devices/v1/deployments/device/deployments/next?artifact_name=%s&device_type=raspberrypi4" % (srv, art)
    reasons = [
        'Get "%s": dial tcp: lookup %s on 127.0.0.53:53: server misbehaving' % (url, host),
        'Get "%s": dial tcp %s:443: i/o timeout' % (url, private_ip(x.r)),
        "transient error: failed to check update info on the server. Response: %d Service Unavailable" % 503,
        'Get "%s": net/http: TLS handshake timeout' % url,
        "update check request failed: context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
    ]
    return [go_esc(x.p("reason", reasons))]


def mender_auth_error(x):
    srv = x.p("srv", MENDER_SERVERS)
    reasons = [
        'Post "%s/api/devices/v1/authentication/auth_requests": dial tcp %s:443: connect: connection refused'
        % (srv, private_ip(x.r)),
        "authentication request rejected server error message: dev auth: unauthorized",
        "transient error: authorization request failed: 500 Internal Server Error",
        'Post "%s/api/devices/v1/authentication/auth_requests": EOF' % srv,
    ]
    return [go_esc(x.p("reason", reasons))]


def mender_image_url(x):
    bucket = x.p("bucket", ["mender-artifact-storage", "fjordline-mender-artifacts"])
    region = x.p("region", ["eu-central-1", "eu-north-1"])
    obj = uuid4(x.r)
    url = ("https://%s.s3.%s.amazonaws.com/%s?X-Amz-Algorithm=AWS4-HMAC-SHA256"
           "&X-Amz-Credential=AKIA%s%%2F20260314%%2F%s%%2Fs3%%2Faws4_request"
           "&X-Amz-Date=20260314T%02d%02d%02dZ&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
           "&X-Amz-Signature=%s") % (bucket, region, obj, hexs(x.r, 16).upper(), region,
                                    x.r.randrange(24), x.r.randrange(60), x.r.randrange(60),
                                    hexs(x.r, 64))
    return [url, x.p("name", MENDER_ARTIFACTS)]


def mender_next(x):
    upd = x.r.randrange(1 * 60 * NS, 30 * 60 * NS)
    inv = x.r.randrange(5 * 60 * NS, 24 * 3600 * NS)
    return [go_dur(upd), go_dur(inv)]


MENDER_EVENTS = [
    Ev('msg="State transition: <*> [<*>] -> <*> [<*>]"', "info", 90,
       lambda x: list(x.p(0, MENDER_TRANSITIONS))),
    Ev('msg="Inventory update sent to <*> (<*> attributes)"', "info", 40,
       lambda x: [x.p(0, MENDER_SERVERS), x.r.randint(14, 31)]),
    Ev('msg="Update check: no update available"', "info", 50, lambda x: []),
    Ev('msg="Next update check in <*>, next inventory update in <*>"', "debug", 30, mender_next),
    Ev('msg="Update check failed: <*>"', "error", 9, mender_check_error),
    Ev('msg="Device unauthorized; attempting reauthorization"', "warning", 5, lambda x: []),
    Ev('msg="Successfully received new authorization data from server <*>"', "info", 6,
       lambda x: [x.p(0, MENDER_SERVERS)]),
    Ev('msg="Authorize failed: <*>"', "error", 7, mender_auth_error),
    Ev('msg="Correct request for getting image from: <*> [name: <*>]"', "info", 4, mender_image_url),
    Ev('msg="Installing Artifact of size <*>..."', "info", 4,
       lambda x: [x.r.randrange(180_000_000, 900_000_000)]),
    Ev('msg="Opening device \\"<*>\\" for writing"', "info", 4,
       lambda x: [x.p(0, ["/dev/mmcblk0p2", "/dev/mmcblk0p3"])]),
    Ev('msg="Native sector size of block device <*> is <*> bytes. Mender will write in chunks of <*> bytes"',
       "debug", 4,
       lambda x: [x.p(0, ["/dev/mmcblk0p3", "/dev/mmcblk0p2"]), x.p(1, [512, 4096]),
                  x.p(2, [1048576, 4194304])]),
    Ev('msg="All bytes were successfully written to the new partition"', "info", 4, lambda x: []),
    Ev('msg="Enabling partition with new image installed to be a boot candidate: <*>"', "info", 4,
       lambda x: [x.p(0, ["3", "2"])]),
    Ev('msg="Sending status update to server for deployment <*>: <*>"', "debug", 39,
       lambda x: [uuid4(x.r), x.p(1, MENDER_DEPLOY_STATUS)]),
]


def mender_render(t, ev, extra):
    return '%s %s mender[%d]: time="%s" level=%s ' % (
        ts_journal(t), MENDER_HOST, MENDER_PID, ts_rfc3339(t), ev.level)


MENDER_HEADER_RE = (r'[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d [\w.-]+ mender\[\d+\]: '
                    r'time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" level=(?:debug|info|warning|error) ')


# ======================================================== 2. SwUpdate ===
# console notifier: "[LEVEL] : <status string> <msg>", where TRACE/DEBUG/WARN
# messages carry "[function] : " and ERROR messages "ERROR file : func : line : ".

SWU_STATUS = {
    "idle": "No SWUPDATE running : ",
    "start": "SWUPDATE started : ",
    "run": "SWUPDATE running : ",
    "success": "SWUPDATE successful !",
    "failure": "SWUPDATE failed [0]",
}
SWU_LEVEL = {"trace": "[TRACE]", "debug": "[DEBUG]", "info": "[INFO ]",
             "warn": "[WARN ]", "error": "[ERROR]"}
SWU_IMAGES = ["rootfs.ext4.gz", "core-image-gateway-imx8mm.ext4", "appfs.squashfs", "u-boot-env.bin",
              "data.tar.gz"]
SWU_DEVICES = ["/dev/mmcblk2p2", "/dev/mmcblk2p3", "/dev/mtd4", "/dev/mmcblk2p5"]
SWU_HANDLERS = ["raw", "rawfile", "archive", "ubivol", "uboot"]


def swu_hash_mismatch(x):
    return [hexs(x.r, 64), hexs(x.r, 64)]


def swu_cannot_open(x):
    return [x.p(0, SWU_DEVICES),
            x.p(1, ["No such file or directory", "Device or resource busy", "Permission denied",
                    "Read-only file system"])]


SWU_EVENTS = [
    Ev("Main loop daemon", "trace", 116, lambda x: [], st="run", fn="network_initializer"),
    Ev("Main thread sleep again !", "trace", 50, lambda x: [], st="run", fn="network_initializer"),
    Ev("Waiting for requests...", "info", 14, lambda x: [], st="idle"),
    Ev("Software Update started !", "info", 12, lambda x: [], st="start"),
    Ev("Found file: <*> size <*> crc <*>", "trace", 26,
       lambda x: [x.p(0, ["sw-description", "sw-description.sig"] + SWU_IMAGES),
                  x.r.randrange(600, 700_000_000), "0x%x" % x.r.getrandbits(24)],
       st="run", fn="cpio_scan"),
    Ev("Found Image: <*> in device : <*> for handler <*>", "trace", 8,
       lambda x: [x.p(0, SWU_IMAGES), x.p(1, SWU_DEVICES), x.p(2, SWU_HANDLERS)],
       st="run", fn="_parse_images"),
    Ev("Found Image: <*> in device : <*> for handler <*> (installed from stream)", "trace", 6,
       lambda x: [x.p(0, SWU_IMAGES), x.p(1, SWU_DEVICES), x.p(2, SWU_HANDLERS[:3])],
       st="run", fn="_parse_images"),
    Ev("Found installer for stream <*> <*>", "trace", 12,
       lambda x: [x.p(0, SWU_IMAGES), x.p(1, SWU_HANDLERS)], st="run", fn="install_single_image"),
    Ev("Accepted Hw Revision : <*>", "trace", 7,
       lambda x: [x.p(0, ["1.0", "1.1", "rev-c", "2.0"])], st="run", fn="parse_hw_compatibility"),
    Ev("Hardware <*> Revision: <*>", "trace", 9,
       lambda x: [x.p(0, ["imx8mm-gw7", "imx8mm-gw8", "stm32mp1-edge"]), x.p(1, ["1.0", "1.1", "2.0"])],
       st="run", fn="check_hw_compatibility"),
    Ev("Installation in progress", "info", 16, lambda x: [], st="run"),
    Ev("SWUPDATE successful !", "info", 9, lambda x: [], st="success"),
    Ev("HASH mismatch : <*> <--> <*>", "error", 5, swu_hash_mismatch, st="failure",
       src="core/cpio_utils.c", fn="copyfile", line=612),
    Ev("<*> cannot be opened: <*>", "error", 4, swu_cannot_open, st="failure",
       src="handlers/raw_handler.c", fn="install_raw_image", line=93),
    Ev("Started <*> with pid <*> and fd <*>", "trace", 6,
       lambda x: [x.p(0, ["suricatta", "webserver", "downloader"]), x.r.randrange(180, 2400),
                  x.p(2, [5, 6, 7, 8])],
       st="run", fn="start_swupdate_subprocess"),
]


def swu_render(t, ev, extra):
    h = ev.hdr
    out = "%s : %s " % (SWU_LEVEL[ev.level], SWU_STATUS[h["st"]])
    if ev.level == "error":
        out += "ERROR %s : %s : %d : " % (h["src"], h["fn"], h["line"])
    elif ev.level != "info":
        out += "[%s] : " % h["fn"]
    return out


SWU_HEADER_RE = (r"\[(?:TRACE|DEBUG|INFO |WARN |ERROR)\] : "
                 r"(?:No SWUPDATE running : |SWUPDATE (?:started|running|downloading|done) : "
                 r"|SWUPDATE successful !|SWUPDATE failed \[\d+\]) "
                 r"(?:\[\w+\] : |ERROR [\w/.-]+\.c : \w+ : \d+ : )?")


# ============================================================ 3. Rauc ===

RAUC_HOST = "hmi-panel-b12"
RAUC_SVC_PID = 402
RAUC_BUNDLES = ["/data/updates/hmi-bundle-2026.03.2.raucb", "/tmp/rauc/hmi-bundle-2026.03.1.raucb",
                "/media/usb0/hmi-recovery-2026.02.raucb"]
RAUC_URLS = ["https://updates.vendelin-systems.example/hmi/stable/hmi-bundle-2026.03.2.raucb",
             "https://updates.vendelin-systems.example/hmi/beta/hmi-bundle-2026.03.3-rc1.raucb",
             "http://10.40.2.15:8080/bundles/hmi-bundle-2026.03.2.raucb"]
RAUC_SIGNERS = ["O = Vendelin Systems AB, CN = Vendelin Systems Release-1",
                "O = Vendelin Systems AB, CN = Vendelin Systems Development-1"]
RAUC_SLOTS = ["rootfs.0", "rootfs.1", "appfs.0", "appfs.1"]


def rauc_write(x):
    img, slot = x.p(0, [("rootfs.ext4", "rootfs.1"), ("appfs.squashfs", "appfs.1"),
                        ("rootfs.ext4", "rootfs.0"), ("appfs.squashfs", "appfs.0")])
    size = x.r.randrange(40_000_000, 900_000_000) if img.startswith("rootfs") else \
        x.r.randrange(8_000_000, 120_000_000)
    return [img, slot, si_size(size)]


RAUC_EVENTS = [
    Ev("Mounting bundle '<*>' to '/run/rauc/bundle'", "info", 20,
       lambda x: [x.p(0, RAUC_BUNDLES)]),
    Ev("Verified inline signature by '<*>'", "info", 15, lambda x: [x.p(0, RAUC_SIGNERS)]),
    Ev("Verified detached signature by '<*>'", "info", 8, lambda x: [x.p(0, RAUC_SIGNERS)]),
    Ev("Booted into <*> (<*>)", "info", 12, lambda x: list(x.p(0, [("rootfs.0", "A"), ("rootfs.1", "B")]))),
    Ev("Target group: <*>", "info", 18,
       lambda x: [x.p(0, ["rootfs.1, appfs.1", "rootfs.0, appfs.0"])]),
    Ev("opening slot device <*>", "info", 35,
       lambda x: [x.p(0, ["/dev/mmcblk0p3", "/dev/mmcblk0p5", "/dev/mmcblk0p2", "/dev/mmcblk0p6"])]),
    Ev("Writing image '<*>' to slot <*> (<*>)", "info", 90, rauc_write),
    Ev("Skipping update for correct image <*>", "info", 6,
       lambda x: [x.p(0, ["appfs.squashfs", "rootfs.ext4"])]),
    Ev("marked slot <*> as good", "info", 30, lambda x: [x.p(0, RAUC_SLOTS)], pid="cli"),
    Ev("marked slot <*> as bad", "info", 5, lambda x: [x.p(0, RAUC_SLOTS)], pid="cli"),
    Ev("Failed to check bundle: <*>", "info", 4,
       lambda x: [x.p(0, ["signature verification failed: certificate has expired",
                          "failed to open bundle: No such file or directory",
                          "bundle is too small: 512 bytes",
                          "Compatible mismatch: Expected 'vendelin-hmi-imx6' but bundle manifest has 'vendelin-hmi-imx8'"])]),
    Ev("Installation of <*> succeeded", "info", 18, lambda x: [x.p(0, RAUC_BUNDLES + RAUC_URLS[:1])]),
    Ev("Installation of <*> failed: <*>", "info", 7,
       lambda x: [x.p(0, RAUC_BUNDLES + RAUC_URLS[:1]),
                  x.p(1, ["Failed updating slot rootfs.1: failed to write image: No space left on device",
                          "Failed mounting bundle: failed to create loop device: Device or resource busy",
                          "Failed to download bundle: HTTP request failed: Couldn't connect to server",
                          "Installation error: slot appfs.1 is currently mounted"])]),
    Ev("Streaming bundle from <*>", "info", 32, lambda x: [x.p(0, RAUC_URLS)]),
]


def rauc_render(t, ev, extra):
    pid = RAUC_SVC_PID if ev.hdr.get("pid") != "cli" else extra["pid"]
    return "%s %s rauc[%d]: " % (ts_journal(t), RAUC_HOST, pid)


def rauc_build(x, events):
    recs = shuffle_build(at(6, 2, 31), 20 * NS)(x, events)
    out = []
    for t, i, vals, extra in recs:
        if events[i].hdr.get("pid") == "cli":
            extra = {"pid": x.r.randrange(700, 32000)}
        out.append((t, i, vals, extra))
    return out


RAUC_HEADER_RE = r"[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d [\w.-]+ rauc\[\d+\]: "


# ==================================================== 4. BalenaEngine ===

def balena_handler_error(x):
    cid = hexs(x.r, 64)
    method, path, err = x.p(0, [
        ("GET", "/v1.41/containers/%s/json" % cid[:12], "No such container: %s" % cid[:12]),
        ("POST", "/v1.41/containers/%s/start" % cid[:12],
         "driver failed programming external connectivity on endpoint main_4711_1: "
         "Bind for 0.0.0.0:80 failed: port is already allocated"),
        ("DELETE", "/v1.41/images/sha256:%s" % cid,
         "conflict: unable to delete %s (cannot be forced) - image is being used by running container %s"
         % (cid[:12], hexs(x.r, 12))),
        ("POST", "/v1.41/images/create",
         'Get "https://registry2.balena-cloud.com/v2/": net/http: request canceled while waiting for '
         'connection (Client.Timeout exceeded while awaiting headers)'),
        ("POST", "/v1.41/containers/%s/stop" % cid[:12],
         "Container %s is already stopped" % cid[:12]),
    ])
    return [method, path, go_esc(err)]


def balena_next_endpoint(x):
    img = x.p("img", ["registry2.balena-cloud.com/v2/8f0b6e2d1c4a9f3e7d5c2b1a0f9e8d7c",
                      "registry2.balena-cloud.com/v2/5c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f"])
    err = x.p("err", [
        'Get "https://%s/manifests/latest": dial tcp %s:443: i/o timeout' % (img, private_ip(x.r)),
        "manifest unknown: manifest unknown",
        'Get "https://registry2.balena-cloud.com/v2/": dial tcp: lookup registry2.balena-cloud.com: '
        'Temporary failure in name resolution',
        "unauthorized: authentication required",
    ])
    return [go_esc(err)]


def balena_download_failed(x):
    err = x.p(1, [
        "read tcp %s:%d->%s:443: read: connection reset by peer" % (
            private_ip(x.r), x.r.randrange(32768, 61000), "52.%d.%d.%d" % (
                x.r.randrange(256), x.r.randrange(256), x.r.randrange(1, 255))),
        "unexpected EOF",
        "context deadline exceeded",
        "http2: server sent GOAWAY and closed the connection",
    ])
    return [x.p(0, [1, 2, 3, 4]), go_esc(err)]


BALENA_EVENTS = [
    Ev('msg="ignoring event" container=<*> module=libcontainerd namespace=moby topic=/tasks/delete '
       'type="*events.TaskDelete"', "info", 75, lambda x: [hexs(x.r, 64)]),
    Ev('msg="shim disconnected" id=<*> namespace=moby', "info", 40, lambda x: [hexs(x.r, 64)]),
    Ev('msg="cleaning up after shim disconnected" id=<*> namespace=moby', "warning", 40,
       lambda x: [hexs(x.r, 64)]),
    Ev('msg="cleaning up dead shim"', "info", 20, lambda x: []),
    Ev('msg="Container <*> failed to exit within <*> seconds of signal 15 - using the force"',
       "info", 6, lambda x: [hexs(x.r, 64), x.p(1, [10, 30, 10, 60])]),
    Ev('msg="Loading containers: start."', "info", 4, lambda x: []),
    Ev('msg="Loading containers: done."', "info", 4, lambda x: []),
    Ev('msg="API listen on <*>"', "info", 4,
       lambda x: [x.p(0, ["/var/run/balena-engine.sock", "[::]:2375"])]),
    Ev('msg="Handler for <*> <*> returned error: <*>"', "error", 12, balena_handler_error),
    Ev('msg="Attempting next endpoint for pull after error: <*>"', "info", 8, balena_next_endpoint),
    Ev('msg="Download failed, retrying (<*>/5): <*>"', "error", 7, balena_download_failed),
    Ev('msg="Pull session cancelled"', "info", 5, lambda x: []),
    Ev('msg="Layer <*> cleaned up"', "info", 30, lambda x: ["sha256:" + hexs(x.r, 64)]),
    Ev('msg="stopping event stream following graceful shutdown" error="<nil>" module=libcontainerd '
       'namespace=<*>', "warning", 5, lambda x: [x.p(0, ["moby", "plugins.moby"])]),
    Ev('msg="starting signal loop" namespace=moby path=<*> pid=<*> runtime=io.containerd.runc.v2',
       "info", 40,
       lambda x: ["/run/balena-engine/containerd/daemon/io.containerd.runtime.v2.task/moby/" + hexs(x.r, 64),
                  x.r.randrange(900, 32000)]),
]


def balena_render(t, ev, extra):
    return 'time="%s" level=%s ' % (ts_rfc3339nano(t), ev.level)


BALENA_HEADER_RE = (r'time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z" '
                    r'level=(?:debug|info|warning|error) ')


# ===================================================== 5. EclipseHono ===

HONO_MQTT = quarkus_abbrev("org.eclipse.hono.adapter.mqtt.AbstractVertxBasedMqttProtocolAdapter")
HONO_AUTH = quarkus_abbrev("org.eclipse.hono.adapter.auth.device.usernamepassword.UsernamePasswordAuthProvider")
HONO_CMD = quarkus_abbrev("org.eclipse.hono.adapter.mqtt.CommandSubscriptionsManager")
HONO_CONN = quarkus_abbrev("org.eclipse.hono.client.amqp.connection.impl.HonoConnectionImpl")

HONO_EVENTS = [
    Ev("connection request from client [client-id: <*>]", "DEBUG", logger=HONO_MQTT),
    Ev("successfully authenticated device [tenant-id: <*>, auth-id: <*>, device-id: <*>]", "DEBUG",
       logger=HONO_AUTH),
    Ev("authentication of device failed [tenant-id: <*>, auth-id: <*>]: <*>", "DEBUG", logger=HONO_AUTH),
    Ev("established connection with device [tenant-id: <*>, device-id: <*>]", "DEBUG", logger=HONO_MQTT),
    Ev("subscribing to command topic [tenant-id: <*>, device-id: <*>, topic: <*>, QoS: <*>]", "DEBUG",
       logger=HONO_CMD),
    Ev("successfully processed message [topic: <*>, QoS: <*>] from device [tenant-id: <*>, device-id: <*>]",
       "TRACE", logger=HONO_MQTT),
    Ev("cannot process message [topic: <*>] from device [tenant-id: <*>, device-id: <*>]: <*>", "DEBUG",
       logger=HONO_MQTT),
    Ev("forwarding command [name: <*>, request-id: <*>] to device [tenant-id: <*>, device-id: <*>]",
       "DEBUG", logger=HONO_CMD),
    Ev("received command response [status: <*>, request-id: <*>] from device [tenant-id: <*>, device-id: <*>]",
       "DEBUG", logger=HONO_CMD),
    Ev("connection to device [tenant-id: <*>, device-id: <*>] closed", "DEBUG", logger=HONO_MQTT),
    Ev("connection to device [tenant-id: <*>, device-id: <*>] lost", "INFO", logger=HONO_MQTT),
    Ev("starting attempt [#<*>] to connect to server [<*>, role: <*>]", "DEBUG", logger=HONO_CONN),
    Ev("connected to server [<*>, role: <*>]", "INFO", logger=HONO_CONN),
    Ev("lost connection to server [<*>, role: <*>]", "WARN", logger=HONO_CONN),
    Ev("attempt [#<*>] to connect to server [<*>, role: <*>] failed: <*>", "DEBUG", logger=HONO_CONN),
]
(H_CONNREQ, H_AUTHOK, H_AUTHFAIL, H_ESTAB, H_SUB, H_MSG, H_MSGFAIL, H_CMD, H_CMDRESP,
 H_CLOSED, H_LOST, H_ATTEMPT, H_CONNECTED, H_SRVLOST, H_ATTFAIL) = range(15)

HONO_TENANTS = ["DEFAULT_TENANT", "kessler-greenhouses", "nordwind-fleet"]
HONO_KINDS = ["thermo", "pump", "meter", "door", "co2"]
HONO_SERVERS = [("hono-service-device-registry.hono.svc:5671", "Device Registration"),
                ("hono-service-device-registry.hono.svc:5671", "Credentials"),
                ("hono-service-device-registry.hono.svc:5671", "Tenant"),
                ("hono-service-command-router.hono.svc:5671", "Command Router")]
HONO_MSG_TOPICS = [("telemetry", "AT_MOST_ONCE"), ("telemetry", "AT_LEAST_ONCE"), ("t", "AT_MOST_ONCE"),
                   ("event", "AT_LEAST_ONCE"), ("telemetry", "AT_MOST_ONCE"), ("e", "AT_LEAST_ONCE")]


def hono_build(x, events):
    r = x.r
    t0 = at(7, 41, 9) + r.randrange(NS)
    recs = []

    def emit(t, eid, vals, thread):
        recs.append((t, eid, vals, {"thread": thread}))

    # downstream service connections (one entity per server link)
    srv_thread = "vert.x-eventloop-thread-0"
    for i, (host, role) in enumerate(HONO_SERVERS):
        t = t0 + i * r.randint(2, 15) * MS
        emit(t, H_ATTEMPT, [1, host, role], srv_thread)
        emit(t + r.randint(30, 140) * MS, H_CONNECTED, [host, role], srv_thread)
    fail_reasons = ["Connection refused: %s", "connect timed out after 5000ms",
                    "SASL authentication failed: [amqp:unauthorized-access] user not authorized (%s)"]
    for n, (offset, si) in enumerate([(6, 0), (15, 3), (24, 1), (33, 2), (44, 3)]):
        host, role = HONO_SERVERS[si]
        t = t0 + offset * NS + r.randrange(NS)
        emit(t, H_SRVLOST, [host, role], srv_thread)
        fails = [1, 2, 1, 2, 1][n]
        for a in range(1, fails + 2):
            t += (a * 250 + r.randint(0, 90)) * MS
            emit(t, H_ATTEMPT, [a, host, role], srv_thread)
            t += r.randint(20, 5000 if a <= fails else 160) * MS
            if a <= fails:
                reason = x.c((H_ATTFAIL, 3), fail_reasons)
                emit(t, H_ATTFAIL, [a, host, role, reason % host if "%s" in reason else reason],
                     srv_thread)
            else:
                emit(t, H_CONNECTED, [host, role], srv_thread)

    # devices
    def device(idx, t):
        thread = "vert.x-eventloop-thread-%d" % (idx % 4)
        tenant = x.c(("dev", "tenant"), HONO_TENANTS)
        kind = x.c(("dev", "kind"), HONO_KINDS)
        dev_id = "%s-%05d" % (kind, r.randrange(100000))
        auth_id = "%s-%s" % (kind, hexs(r, 6))
        style = x.c(("dev", "client"), ["dev", "paho", "mqttjs", "dev"])
        client_id = {"dev": dev_id, "paho": "paho%d" % r.randrange(10 ** 12, 10 ** 13),
                     "mqttjs": "mqttjs_" + hexs(r, 8)}[style]
        emit(t, H_CONNREQ, [client_id], thread)
        t += r.randint(4, 40) * MS
        if idx % 5 == 2:
            emit(t, H_AUTHFAIL, [tenant, auth_id,
                                 x.c((H_AUTHFAIL, 2), ["bad credentials", "no credentials found for device",
                                                       "device is disabled",
                                                       "tenant is not enabled for protocol adapter"])],
                 thread)
            return
        emit(t, H_AUTHOK, [tenant, auth_id, dev_id], thread)
        t += r.randint(1, 9) * MS
        emit(t, H_ESTAB, [tenant, dev_id], thread)
        subscribed = idx % 3 != 1
        if subscribed:
            t += r.randint(10, 300) * MS
            topic, qos = x.c((H_SUB, 2), [("command///req/#", "AT_MOST_ONCE"), ("c///q/#", "AT_LEAST_ONCE"),
                                          ("command///req/#", "AT_LEAST_ONCE")])
            emit(t, H_SUB, [tenant, dev_id, topic, qos], thread)
        lost = idx % 4 == 1
        n = r.randint(2, 6) if lost else r.randint(5, 16)
        for _ in range(n):
            t += MS + int(r.expovariate(1.0) * 3.5 * NS)
            topic, qos = x.c((H_MSG, 0), HONO_MSG_TOPICS)
            if r.random() < 0.05:
                emit(t, H_MSGFAIL, [topic, tenant, dev_id,
                                    x.c((H_MSGFAIL, 3), ["no credit available for sending message",
                                                         "downstream producer not connected",
                                                         "message limit exceeded for tenant",
                                                         "temporarily unavailable: no consumer for telemetry data"])],
                     thread)
            else:
                emit(t, H_MSG, [topic, qos, tenant, dev_id], thread)
            if subscribed and r.random() < 0.12:
                name = x.c((H_CMD, 0), ["setInterval", "reboot", "setVolume", "switchLight", "calibrate"])
                req = hexs(r, 10) + "-" + uuid4(r)
                tc = t + r.randint(50, 1500) * MS
                emit(tc, H_CMD, [name, req, tenant, dev_id], "vert.x-eventloop-thread-%d" % ((idx + 1) % 4))
                if r.random() < 0.85:
                    status = x.c((H_CMDRESP, 0), [200, 204, 200, 400, 500])
                    emit(tc + r.randint(40, 900) * MS, H_CMDRESP, [status, req, tenant, dev_id], thread)
        if lost:
            emit(t + r.randint(8000, 20000) * MS, H_LOST, [tenant, dev_id], thread)
        else:
            emit(t + r.randint(5, 2500) * MS, H_CLOSED, [tenant, dev_id], thread)

    t = t0 + 400 * MS
    idx = 0
    while t < t0 + 240 * NS:
        device(idx, t)
        idx += 1
        t += MS + int(r.expovariate(1.0) * 2.6 * NS)
    return recs


def hono_render(t, ev, extra):
    return "%s %-5s [%s] (%s) " % (ts_java(t), ev.level, ev.hdr["logger"], extra["thread"])


HONO_HEADER_RE = (r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (?:TRACE|DEBUG|INFO |WARN |ERROR) "
                  r"\[[\w.$]+\] \([\w.-]+\) ")


# ===================================================== 6. ThingsBoard ===

TB_MQTT = logback_abbrev("org.thingsboard.server.transport.mqtt.MqttTransportHandler")
TB_RPC = logback_abbrev("org.thingsboard.server.service.rpc.DefaultTbCoreDeviceRpcService")
TB_SQLQ = logback_abbrev("org.thingsboard.server.dao.sql.TbSqlBlockingQueue")
TB_STATS = logback_abbrev("org.thingsboard.server.service.queue.TbRuleEngineConsumerStats")

TB_EVENTS = [
    Ev("[<*>] Processing connect msg for client: <*>!", "INFO", logger=TB_MQTT),
    Ev("[<*>] Client connected!", "INFO", logger=TB_MQTT),
    Ev("[<*>] Failed to authenticate client with access token [<*>]", "WARN", logger=TB_MQTT),
    Ev("[<*>] Processing subscription [<*>]!", "DEBUG", logger=TB_MQTT),
    Ev("[<*>] Processing publish msg [<*>][<*>]!", "DEBUG", logger=TB_MQTT),
    Ev("[<*>] Failed to process publish msg [<*>][<*>]: <*>", "WARN", logger=TB_MQTT),
    Ev("[<*>] Client disconnected!", "INFO", logger=TB_MQTT),
    Ev("[<*>] Closing session: no messages received within keep-alive period of <*> seconds", "INFO",
       logger=TB_MQTT),
    Ev("[<*>] Processing unsubscription [<*>]!", "DEBUG", logger=TB_MQTT),
    Ev("[<*>] Processing RPC request [<*>] method [<*>]", "DEBUG", logger=TB_RPC),
    Ev("[<*>] Processing RPC response to request [<*>]", "DEBUG", logger=TB_MQTT),
    Ev("[<*>] queueSize [<*>] totalAdded [<*>] totalSaved [<*>] totalFailed [<*>]", "INFO", logger=TB_SQLQ),
    Ev("[<*>] Stats: totalMsgs = [<*>] successfulMsgs = [<*>] tmpFailedMsgs = [<*>] failedMsgs = [<*>]",
       "INFO", logger=TB_STATS),
]
(T_CONNECT, T_CONNECTED, T_AUTHFAIL, T_SUB, T_PUB, T_PUBFAIL, T_DISCONNECTED, T_IDLE, T_UNSUB,
 T_RPCREQ, T_RPCRESP, T_SQLQ, T_STATS) = range(13)

TB_PUB_TOPICS = ["v1/devices/me/telemetry", "v1/devices/me/telemetry", "v1/devices/me/attributes",
                 "v1/devices/me/telemetry", "v1/gateway/telemetry"]


def tb_build(x, events):
    r = x.r
    t0 = at(14, 6, 51) + r.randrange(NS)
    recs = []
    end = t0 + 400 * NS

    def emit(t, eid, vals, thread):
        recs.append((t, eid, vals, {"thread": thread}))

    # periodic SQL queue stats (one entity per queue)
    for qi, (qname, slug) in enumerate([("TS", "ts"), ("TS Latest", "ts-latest"),
                                        ("Attributes", "attributes"), ("Events", "events")]):
        t = t0 + r.randrange(10 * NS)
        thread = "sql-queue-%d-%s-consumer" % (qi, slug)
        while t < end:
            added = r.randint(0, 60) if slug != "events" else r.randint(0, 12)
            pending = r.choice([0, 0, 0, 1, 2, 0, 5])
            failed = r.choice([0] * 9 + [1, 3])
            emit(t, T_SQLQ, [qname, pending, added, max(0, added - failed), failed], thread)
            t += 10 * NS + r.randint(0, 8) * MS

    # rule engine consumer stats (one entity per queue)
    for qi, qname in enumerate(["Main", "HighPriority", "SequentialByOriginator"]):
        t = t0 + r.randrange(20 * NS)
        thread = "tb-rule-engine-consumer-%d-thread-%d" % (20 + qi, 1)
        while t < end:
            total = r.randint(1, 80)
            tmp = r.choice([0, 0, 0, 0, 1, 2])
            failed = r.choice([0, 0, 0, 0, 0, 1])
            emit(t, T_STATS, [qname, total, total - failed, tmp, failed], thread)
            t += 20 * NS + r.randint(0, 30) * MS

    # MQTT device sessions
    rpc_seq = [r.randint(1, 30)]

    def session(idx, t):
        sid = uuid4(r)
        thread = "nioEventLoopGroup-4-%d" % x.c(("sess", "thread"), range(1, 9))
        kind = x.c(("sess", "kind"), ["esp32-boiler", "gw-lora", "tracker", "meter-ph3", "hvac-ctl"])
        client = "%s-%s" % (kind, hexs(r, 6))
        emit(t, T_CONNECT, [sid, client], thread)
        t += r.randint(3, 60) * MS
        if idx % 5 == 3:
            token = "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
                            for _ in range(20))
            emit(t, T_AUTHFAIL, [sid, token], thread)
            return
        emit(t, T_CONNECTED, [sid], thread)
        subs = [[], ["v1/devices/me/rpc/request/+", "v1/devices/me/attributes"],
                ["v1/devices/me/attributes/response/+"], ["v1/devices/me/rpc/request/+"]][idx % 4]
        for topic in subs:
            t += r.randint(2, 40) * MS
            emit(t, T_SUB, [sid, topic], thread)
        dev_uuid = uuid4(r)
        msg_id = r.randint(1, 20)
        idle = idx % 3 == 2
        n = r.randint(2, 5) if idle else r.randint(3, 12)
        for _ in range(n):
            t += MS + int(r.expovariate(1.0) * 4.0 * NS)
            topic = x.c((T_PUB, 1), TB_PUB_TOPICS)
            emit(t, T_PUB, [sid, topic, msg_id], thread)
            if r.random() < 0.06:
                emit(t + r.randint(1, 9) * MS, T_PUBFAIL,
                     [sid, topic, msg_id,
                      x.c((T_PUBFAIL, 3), ["JSON object is expected!",
                                           "Failed to decode post telemetry request",
                                           "Device is not active, rate limit exceeded",
                                           "Unexpected end of JSON input at line 1 column 38"])],
                     thread)
            msg_id += 1
            if "v1/devices/me/rpc/request/+" in subs and r.random() < 0.18:
                rpc_seq[0] += 1
                tr = t + r.randint(100, 1900) * MS
                emit(tr, T_RPCREQ, [dev_uuid, uuid4(r),
                                    x.c((T_RPCREQ, 2), ["setValve", "getFirmwareInfo", "reboot", "setSchedule"])],
                     "tb-core-consumer-2-thread-1")
                if r.random() < 0.8:
                    emit(tr + r.randint(30, 700) * MS, T_RPCRESP, [sid, rpc_seq[0]], thread)
        t += MS + int(r.expovariate(1.0) * 2.0 * NS)
        if subs and idx % 2 == 1:
            emit(t, T_UNSUB, [sid, subs[-1]], thread)
            t += r.randint(5, 80) * MS
        if idle:
            emit(t + r.randint(15, 30) * NS, T_IDLE, [sid, x.c((T_IDLE, 1), [60, 30, 120])], thread)
        else:
            emit(t, T_DISCONNECTED, [sid], thread)

    t = t0 + r.randrange(NS)
    idx = 0
    while t < end:
        session(idx, t)
        idx += 1
        t += MS + int(r.expovariate(1.0) * 2.8 * NS)
    return recs


def tb_render(t, ev, extra):
    return "%s [%s] %-5s %s - " % (ts_java(t), extra["thread"], ev.level, ev.hdr["logger"])


TB_HEADER_RE = (r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \[[^\]]+\] (?:TRACE|DEBUG|INFO |WARN |ERROR) "
                r"[\w.$]+ - ")


# ========================================================== systems ===

SYSTEMS = [
    System(1, "MenderClient", "shuffle", None, MENDER_EVENTS, MENDER_HEADER_RE, mender_render,
           shuffle_build(at(5, 12, 40), 25 * NS)),
    System(2, "SwUpdate", "shuffle", None, SWU_EVENTS, SWU_HEADER_RE, swu_render,
           shuffle_build(at(9, 30, 0), 3 * NS)),
    System(3, "Rauc", "shuffle", None, RAUC_EVENTS, RAUC_HEADER_RE, rauc_render, rauc_build),
    System(4, "BalenaEngine", "shuffle", None, BALENA_EVENTS, BALENA_HEADER_RE, balena_render,
           shuffle_build(at(11, 47, 3), 1500 * MS)),
    System(5, "EclipseHono", "simulation",
           "MQTT device connections and downstream AMQP server links", HONO_EVENTS, HONO_HEADER_RE,
           hono_render, hono_build),
    System(6, "ThingsBoard", "simulation",
           "MQTT device sessions, SQL queue stats and rule-engine consumer stats", TB_EVENTS,
           TB_HEADER_RE, tb_render, tb_build),
]


def generate(sysm):
    x = Ctx(random.Random(BASE_SEED * 10 + sysm.k))
    recs = sysm.build(x, sysm.events)
    recs = sorted(enumerate(recs), key=lambda p: (p[1][0], p[0]))
    recs = [rec for _, rec in recs][:N_LINES]
    if len(recs) != N_LINES:
        raise SystemExit("%s: only %d lines generated" % (sysm.name, len(recs)))
    d = os.path.join(HERE, sysm.name)
    os.makedirs(d, exist_ok=True)
    lines, rows = [], []
    for n, (t, eid, vals, extra) in enumerate(recs, 1):
        ev = sysm.events[eid]
        content = fill(ev.tpl, vals)
        lines.append(sysm.render(t, ev, extra) + content)
        rows.append([n, content, "E%d" % (eid + 1), ev.tpl])
    log_path = os.path.join(d, sysm.name + ".log")
    csv_path = os.path.join(d, sysm.name + ".log_structured.csv")
    with open(log_path, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)
    return [log_path, csv_path]


def tpl_regex(tpl):
    return re.compile("".join("(.+?)" if p == SLOT else re.escape(p)
                              for p in re.split(r"(<\*>)", tpl) if p != ""))


def check(sysm):
    errs = []
    d = os.path.join(HERE, sysm.name)
    with open(os.path.join(d, sysm.name + ".log"), "rb") as f:
        raw = f.read()
    with open(os.path.join(d, sysm.name + ".log_structured.csv"), "rb") as f:
        rawcsv = f.read()
    for label, blob in (("log", raw), ("csv", rawcsv)):
        if not blob.endswith(b"\n"):
            errs.append("%s does not end with newline" % label)
        if b"\r" in blob:
            errs.append("%s contains CR" % label)
    lines = raw.decode("utf-8").split("\n")[:-1]
    if len(lines) != N_LINES:
        errs.append("log has %d lines" % len(lines))
    reader = csv.reader(rawcsv.decode("utf-8").split("\n")[:-1])
    table = list(reader)
    if table[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header %r" % table[0])
    rows = table[1:]
    if len(rows) != N_LINES:
        errs.append("csv has %d rows" % len(rows))
    declared = {"E%d" % (i + 1): ev.tpl for i, ev in enumerate(sysm.events)}
    tpl_of = {}
    counts = {}
    captures = {}
    last_t = None
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
            errs.append("line %d does not end with its Content" % i)
            continue
        header = line[:len(line) - len(content)]
        if not sysm.header_re.fullmatch(header):
            errs.append("line %d header %r does not match" % (i, header))
        ht = header_time(header)
        if ht is not None:
            if last_t is not None and ht < last_t:
                errs.append("line %d timestamp goes back" % i)
            last_t = ht
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %r" % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append("EventId %s has two templates" % eid)
        if declared.get(eid) != tpl:
            errs.append("row %d template differs from the declared one" % i)
        counts[eid] = counts.get(eid, 0) + 1
        m = tpl_regex(tpl).fullmatch(content)
        if not m:
            errs.append("row %d template does not match content" % i)
            continue
        for s, v in enumerate(m.groups()):
            captures.setdefault((eid, s), set()).add(v)
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("templates not distinct")
    if set(counts) != set(declared):
        errs.append("declared events unused: %s" % sorted(set(declared) - set(counts)))
    for eid, tpl in declared.items():
        for s in range(tpl.count(SLOT)):
            if len(captures.get((eid, s), ())) < 2:
                errs.append("%s slot %d takes fewer than two values" % (eid, s + 1))
    c = sorted(counts.values())
    med = statistics.median(c) if c else 0
    if not 12 <= len(declared) <= 15:
        errs.append("%d event types" % len(declared))
    if c and c[0] < 3:
        errs.append("an event has fewer than 3 lines: %s" % counts)
    if sum(1 for v in c if 3 <= v <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines: %s" % counts)
    if c and c[-1] < 3 * med:
        errs.append("largest %d < 3 x median %s" % (c[-1], med))
    return errs, counts, med


def main():
    written = []
    for s in SYSTEMS:
        written += generate(s)
    ok = True
    for s in SYSTEMS:
        errs, counts, med = check(s)
        c = sorted(counts.values())
        print("%-13s %-10s events=%2d lines=%d min=%d median=%s max=%d  %s" % (
            s.name, s.kind, len(counts), sum(c), c[0] if c else 0, med, c[-1] if c else 0,
            "OK" if not errs else "FAIL"))
        for e in errs:
            print("    " + e)
            ok = False
    print("files written: %d" % len(written))
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
