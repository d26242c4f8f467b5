#!/usr/bin/env python3
"""Round 46 blind labelled log corpus generator.

Python 3 standard library only, fully deterministic: no wall clock, no locale.
Base seed 20270148; system k (1..6) uses random.Random(20270148 * 10 + k).
Time is an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for the six systems below and then self-checks every file.
"""
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270148
ROOT = os.path.dirname(os.path.abspath(__file__))
NLINES = 300

SEC = 10 ** 9
MS = 10 ** 6
US = 10 ** 3

# Fixed calendar data (never taken from the locale or the clock).
YEAR, MONTH, DAY = 2026, 3, 14
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
ISO_DATE = "%04d-%02d-%02d" % (YEAR, MONTH, DAY)          # 2026-03-14
SLASH_DATE = "%04d/%02d/%02d" % (YEAR, MONTH, DAY)        # 2026/03/14
MMDD = "%02d%02d" % (MONTH, DAY)                          # 0314
US_DATE = "%02d-%02d-%04d" % (MONTH, DAY, YEAR)           # 03-14-2026


def tparts(ns):
    """Split nanoseconds since 2026-03-14 00:00:00 UTC into clock fields."""
    assert 0 <= ns < 86400 * SEC, ns
    s = ns // SEC
    return s // 3600, s // 60 % 60, s % 60, ns // MS % 1000, ns // US % 1000000


def hms_ms(ns):
    h, m, s, ms, _ = tparts(ns)
    return "%02d:%02d:%02d.%03d" % (h, m, s, ms)


def guid(rng, upper=True):
    s = "%08x-%04x-%04x-%04x-%012x" % (
        rng.getrandbits(32), rng.getrandbits(16), 0x4000 | rng.getrandbits(12),
        0x8000 | rng.getrandbits(14), rng.getrandbits(48))
    return s.upper() if upper else s


def hexs(rng, n):
    return "%0*x" % (n, rng.getrandbits(4 * n))


def alnum(rng, n):
    abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(rng.choice(abc) for _ in range(n))


class System:
    """Declared events, value cycling and the emitted records of one system."""

    def __init__(self, k, name, kind, header_fn):
        self.k = k
        self.name = name
        self.kind = kind
        self.rng = random.Random(BASE_SEED * 10 + k)
        self.order = []
        self.tpl = {}
        self.meta = {}
        self.counters = {}
        self.recs = []
        self.seq = 0
        self.header_fn = header_fn

    def ev(self, key, template, **meta):
        assert key not in self.tpl, key
        assert template not in self.tpl.values(), template
        self.order.append(key)
        self.tpl[key] = template
        self.meta[key] = meta

    def cyc(self, key, pool):
        """Small pools cycle per (event, slot) key so every slot varies."""
        n = self.counters.get(key, 0)
        self.counters[key] = n + 1
        return pool[n % len(pool)]

    def fill(self, key, vals):
        parts = self.tpl[key].split("<*>")
        assert len(parts) == len(vals) + 1, (self.name, key, vals)
        out = [parts[0]]
        for v, p in zip(vals, parts[1:]):
            v = str(v)
            assert v and "\n" not in v and "\r" not in v, (key, v)
            out.append(v)
            out.append(p)
        return "".join(out)

    def emit(self, t, key, vals, **meta):
        content = self.fill(key, vals)
        assert content == content.strip() and content, (key, content)
        m = dict(self.meta[key])
        m.update(meta)
        header = self.header_fn(t, key, m)
        self.recs.append((t, self.seq, key, header, content))
        self.seq += 1

    def shuffle_run(self, counts, gens, t0, mean_gap_s):
        """Seeded shuffle: fixed count per event, forward-only exponential clock."""
        assert set(counts) == set(self.order)
        keys = []
        for key in self.order:
            keys += [key] * counts[key]
        assert len(keys) == NLINES, (self.name, len(keys))
        self.rng.shuffle(keys)
        t = t0
        for key in keys:
            t += 1 + int(self.rng.expovariate(1.0 / mean_gap_s) * SEC)
            vals, meta = gens[key](t)
            self.emit(t, key, vals, **meta)

    def write(self):
        recs = sorted(self.recs, key=lambda r: (r[0], r[1]))[:NLINES]
        assert len(recs) == NLINES, (self.name, len(recs))
        eid = {k: "E%d" % (i + 1) for i, k in enumerate(self.order)}
        d = os.path.join(ROOT, self.name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, self.name + ".log"), "w", encoding="utf-8", newline="") as f:
            for _, _, key, header, content in recs:
                f.write(header + content + "\n")
        with open(os.path.join(d, self.name + ".log_structured.csv"), "w",
                  encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
            for i, (_, _, key, header, content) in enumerate(recs, 1):
                w.writerow([i, content, eid[key], self.tpl[key]])


# ---------------------------------------------------------------------------
# 1. Dism -- dism.log (simulation: concurrent DISM sessions)
# ---------------------------------------------------------------------------

def dism_header(t, key, m):
    h, mi, s, _, _ = tparts(t)
    return "%s %02d:%02d:%02d, %-22sDISM   " % (ISO_DATE, h, mi, s, m.get("level", "Info"))


DISM_HEADER_RE = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d, (?:Info {18}|Warning {15}|Error {17})DISM   "

DISM_CMDS = [
    ("Dism.exe /Online /Cleanup-Image /RestoreHealth", "cleanup-image", [], True),
    ("DISM.exe /Online /Enable-Feature /FeatureName:NetFx3 /All /LimitAccess /Source:D:\\sources\\sxs",
     "enable-feature", [("featurename", "NetFx3"), ("source", "D:\\sources\\sxs")], True),
    ("Dism.exe /Online /Get-Packages /Format:Table", "get-packages", [("format", "Table")], False),
    ("dism.exe /online /add-package /packagepath:C:\\Updates\\windows11.0-kb5036893-x64.cab /quiet /norestart",
     "add-package", [("packagepath", "C:\\Updates\\windows11.0-kb5036893-x64.cab")], True),
    ("Dism.exe /Online /Cleanup-Image /StartComponentCleanup", "cleanup-image", [], True),
    ("Dism.exe /Online /Disable-Feature /FeatureName:SMB1Protocol /NoRestart", "disable-feature",
     [("featurename", "SMB1Protocol")], True),
    ("Dism.exe /Online /Get-Features", "get-features", [], False),
    ("Dism.exe /Online /Enable-Feature /FeatureName:Microsoft-Windows-Subsystem-Linux /All /NoRestart",
     "enable-feature", [("featurename", "Microsoft-Windows-Subsystem-Linux")], True),
    ("Dism.exe /Online /Remove-Package /PackageName:Package_for_RollupFix~31bf3856ad364e35~amd64~~22621.3296.1.9",
     "remove-package", [("packagename", "Package_for_RollupFix~31bf3856ad364e35~amd64~~22621.3296.1.9")], True),
]

DISM_PROVIDERS = ["FolderProvider.dll", "WimProvider.dll", "VHDProvider.dll", "ImagingProvider.dll",
                  "CbsProvider.dll", "OSProvider.dll", "DmiProvider.dll", "LogProvider.dll",
                  "IntlProvider.dll", "AppxProvider.dll", "SmiProvider.dll", "MsiProvider.dll"]


def build_dism():
    g = System(1, "Dism", "simulation", dism_header)
    P = "DISM Provider Store: PID=<*> TID=<*> "
    g.ev("start", "DISM.EXE: <----- Starting Dism.exe session ----->")
    g.ev("imgsess", 'DISM Manager: PID=<*> TID=<*> Successfully loaded the ImageSession at "<*>" '
                    '- CDISMManager::LoadLocalImageSession')
    g.ev("cmdline", "DISM.EXE: Executing command line: <*>")
    g.ev("scratch", "DISM Manager: PID=<*> TID=<*> Scratch directory set to '<*>'. - CDISMManager::put_ScratchDir")
    g.ev("getcoll", P + "Getting the collection of providers from a local provider store type. "
                        "- CDISMProviderStore::GetProviderCollection")
    g.ev("loadprov", P + "Loading Provider from location <*> - CDISMProviderStore::Internal_GetProvider")
    g.ev("connprov", P + "Connecting to the provider located at <*>. - CDISMProviderStore::Internal_LoadProvider")
    g.ev("failprov", P + "Failed to load the provider: <*>. - CDISMProviderStore::Internal_GetProvider(hr:<*>)",
         level="Warning")
    g.ev("option", 'DISM Package Manager: PID=<*> TID=<*> Encountered the option "<*>" with value "<*>" '
                   '- CPackageManagerCLIHandler::Private_ValidateCmdLine')
    g.ev("token", "DISM Package Manager: PID=<*> TID=<*> Processing the top level command token(<*>). "
                  "- CPackageManagerCLIHandler::Private_ValidateCmdLine")
    g.ev("finalize", "DISM Package Manager: PID=<*> TID=<*> Finalizing CBS core. - CDISMPackageManager::Finalize")
    g.ev("finfail", "DISM Package Manager: PID=<*> TID=<*> Failed finalizing changes. "
                    "- CDISMPackageManager::Internal_Finalize(hr:<*>)", level="Error")
    g.ev("closed", "DISM.EXE: Image session has been closed. Reboot required=<*>.")
    g.ev("end", "DISM.EXE: <----- Ending Dism.exe session ----->")

    rng = g.rng
    users = ["jdoe", "svc-patch", "akowalski"]

    def session(t0, i):
        pid = 4 * rng.randrange(400, 4000)
        tid = 4 * rng.randrange(400, 4000)
        cmd, token, opts, changes = g.cyc("cmd", DISM_CMDS)
        user = g.cyc("user", users)
        tmp = "C:\\Users\\%s\\AppData\\Local\\Temp\\%s" % (user, guid(rng))
        st = {"t": t0}

        def E(key, vals, lo=0, hi=40):
            st["t"] += rng.randint(lo, hi) * MS
            g.emit(st["t"], key, vals)

        E("start", [])
        E("imgsess", [pid, tid, tmp], 20, 300)
        E("cmdline", [cmd], 0, 15)
        E("scratch", [pid, tid, g.cyc("scratch", ["C:\\Users\\%s\\AppData\\Local\\Temp\\" % user,
                                                   "C:\\Windows\\TEMP\\", "D:\\Scratch\\"])], 0, 10)
        E("getcoll", [pid, tid], 0, 10)
        provs = rng.sample(DISM_PROVIDERS, rng.randint(4, 8))
        pe_fail = g.cyc("pefail", [False, True, False])
        for j, p in enumerate(provs):
            path = tmp + "\\" + p
            E("loadprov", [pid, tid, path], 0, 25)
            E("connprov", [pid, tid, path], 5, 90)
            if j == 2:
                E("getcoll", [pid, tid], 0, 15)
                if pe_fail:
                    pe = tmp + "\\PEProvider.dll"
                    E("loadprov", [pid, tid, pe], 0, 20)
                    E("failprov", [pid, tid, pe, g.cyc("failprov.hr", ["0x8007007e", "0x80070002"])], 2, 30)
        E("getcoll", [pid, tid], 10, 200)
        for name, value in opts:
            E("option", [pid, tid, name, value], 0, 5)
        E("token", [pid, tid, token], 0, 8)
        # the actual servicing work
        st["t"] += rng.randint(3, 150) * SEC
        fail = False
        if changes:
            E("finalize", [pid, tid], 0, 500)
            st["t"] += rng.randint(2, 40) * SEC
            fail = g.cyc("finfail?", [False, True, False, False, True])
            if fail:
                E("finfail", [pid, tid, g.cyc("finfail.hr", ["0x800f0922", "0x800f081f", "0x80070005"])], 0, 300)
        reboot = "no"
        if changes and not fail:
            reboot = g.cyc("reboot", ["no", "yes"])
        E("closed", [reboot], 100, 900)
        E("end", [], 0, 30)

    t = 7 * 3600 * SEC + 41 * 60 * SEC + rng.randrange(60 * SEC)
    for i in range(40):
        session(t, i)
        t += int(rng.expovariate(1.0 / 50) * SEC) + 2 * SEC
    return g


# ---------------------------------------------------------------------------
# 2. SetupApi -- setupapi.dev.log (seeded shuffle)
# ---------------------------------------------------------------------------

def setupapi_header(t, key, m):
    return m["prefix"]


SETUPAPI_HEADER_RE = r"(?:>>>  |<<<  |(?:     |!!!  |!    )[a-z]{3}: +)"

SA_DEVICES = [
    # instance id prefix, hardware id, inf dir, inf name, date, version, sys file
    ("USB\\VID_046D&PID_C52B\\", "USB\\VID_046D&PID_C52B&REV_1211", "input.inf", "06/21/2006",
     "10.0.22621.2506", "hidusb.sys"),
    ("PCI\\VEN_8086&DEV_51F0&SUBSYS_00948086&REV_01\\3&11583659&0&", "PCI\\VEN_8086&DEV_51F0&SUBSYS_00948086",
     "netwtw6e.inf", "11/08/2023", "23.20.0.4", "Netwtw6e.sys"),
    ("HID\\VID_06CB&PID_CE26&COL01\\5&", "HID\\VID_06CB&PID_CE26&Col01", "msmouse.inf", "06/21/2006",
     "10.0.22621.1", "mouhid.sys"),
    ("USB\\VID_0BDA&PID_8153\\", "USB\\VID_0BDA&PID_8153&REV_3100", "rtux64w10.inf", "08/09/2023",
     "1153.12.20.1228", "rtux64w10.sys"),
    ("BTHENUM\\{0000110B-0000-1000-8000-00805F9B34FB}_VID&0001004C_PID&200E\\7&",
     "BTHENUM\\{0000110b-0000-1000-8000-00805f9b34fb}_VID&0001004c_PID&200e", "btha2dp.inf", "06/21/2006",
     "10.0.22621.3235", "BthA2dp.sys"),
    ("USBSTOR\\Disk&Ven_SanDisk&Prod_Ultra_Fit&Rev_1.00\\4C530001",
     "USBSTOR\\DiskSanDisk_Ultra_Fit_______1.00", "disk.inf", "06/21/2006", "10.0.22621.2506", "disk.sys"),
]


def build_setupapi():
    g = System(2, "SetupApi", "shuffle", setupapi_header)
    D5 = "     dvi:           "
    g.ev("devinst", "[Device Install (Hardware initiated) - <*>]", prefix=">>>  ")
    g.ev("secstart", "Section start <*>", prefix=">>>  ")
    g.ev("drvinst", "Creating Install Process: DrvInst.exe <*>", prefix="     ump: ")
    g.ev("import", "{Setup Import Driver Package: <*>} <*>", prefix="     sto: ")
    g.ev("hwid", "HardwareID   - <*>", prefix=D5)
    g.ev("infname", "InfName      - <*>", prefix=D5)
    g.ev("rank", "Rank         - <*>", prefix=D5)
    g.ev("drvdate", "DrvDate      - <*>", prefix=D5)
    g.ev("version", "Version      - <*>", prefix=D5)
    g.ev("copy", "Copying '<*>' to '<*>'.", prefix="     flq:      ")
    g.ev("notstarted", "Device not started: Device has problem: <*> (<*>), problem status: <*>.",
         prefix="!    dvi: ")
    g.ev("secend", "Section end <*>", prefix="<<<  ")
    g.ev("exitok", "[Exit status: SUCCESS]", prefix="<<<  ")
    g.ev("exitfail", "[Exit status: FAILURE(<*>)]", prefix="<<<  ")

    rng = g.rng

    def dev(key):
        return g.cyc(key + ".dev", SA_DEVICES)

    def repo(d):
        return "C:\\Windows\\System32\\DriverStore\\FileRepository\\%s_amd64_%s" % (d[2], hexs(rng, 16))

    def instance(d):
        p = d[0]
        if p.endswith("&0&"):
            return p + "%02X" % rng.choice([0xE8, 0xA0, 0x1C, 0x98])
        if p.endswith("\\"):
            return p + rng.choice(["6&%x&0&%d" % (rng.getrandbits(28), rng.randint(1, 4)),
                                   "%012X" % rng.getrandbits(48)])
        if p.endswith("&"):
            return p + "%x&0&%04d" % (rng.getrandbits(28), rng.randint(0, 3))
        return p + "%08d&0" % rng.randint(10000000, 99999999)

    users = ["jdoe", "rmartinez"]
    gens = {
        "devinst": lambda t: ([instance(dev("devinst"))], {}),
        "secstart": lambda t: (["%s %s" % (SLASH_DATE, hms_ms(t))], {}),
        "drvinst": lambda t: ([hms_ms(t)], {}),
        "import": lambda t: (["C:\\Users\\%s\\Downloads\\%s\\%s" % (
            g.cyc("import.user", users), g.cyc("import.dir", ["Drivers", "SP123456", "chipset_v10.1.19"]),
            dev("import")[2]), hms_ms(t)], {}),
        "hwid": lambda t: ([dev("hwid")[1]], {}),
        "infname": lambda t: (["%s\\%s" % (repo(dev("infname")), dev("infname.n")[2])], {}),
        "rank": lambda t: ([g.cyc("rank", ["0x00ff2001", "0x00ff0000", "0x00fe0001", "0x00df2001",
                                           "0x00ff0001"])], {}),
        "drvdate": lambda t: ([dev("drvdate")[3]], {}),
        "version": lambda t: ([dev("version")[4]], {}),
        "copy": lambda t: ((lambda d: ["%s\\%s" % (repo(d), d[5]),
                                       "C:\\Windows\\System32\\drivers\\%s" % d[5]])(dev("copy")), {}),
        "notstarted": lambda t: (list(g.cyc("notstarted", [
            ("0x1c", "CM_PROB_FAILED_INSTALL", "0x00000000"),
            ("0x0a", "CM_PROB_FAILED_START", "0xc0000001"),
            ("0x1f", "CM_PROB_FAILED_ADD", "0xc000009a")])), {}),
        "secend": lambda t: (["%s %s" % (SLASH_DATE, hms_ms(t))], {}),
        "exitok": lambda t: ([], {}),
        "exitfail": lambda t: ([g.cyc("exitfail", ["0xe0000219", "0xe0000247", "0x00000bc3"])], {}),
    }
    counts = {"devinst": 20, "secstart": 24, "drvinst": 20, "import": 8, "hwid": 24, "infname": 24,
              "rank": 24, "drvdate": 16, "version": 16, "copy": 80, "notstarted": 5, "secend": 21,
              "exitok": 14, "exitfail": 4}
    g.shuffle_run(counts, gens, 6 * 3600 * SEC + 52 * 60 * SEC + rng.randrange(SEC), 3.5)
    return g


# ---------------------------------------------------------------------------
# 3. ChromiumDebug -- chrome_debug.log with --enable-logging (seeded shuffle)
# ---------------------------------------------------------------------------

def chrome_header(t, key, m):
    h, mi, s, ms, _ = tparts(t)
    return "[%d:%d:%s/%02d%02d%02d.%03d:%s:%s(%d)] " % (
        m["pid"], m["tid"], MMDD, h, mi, s, ms, m["level"], m["file"], m["line"])


CHROME_HEADER_RE = (r"\[\d+:\d+:\d{4}/\d{6}\.\d{3}:(?:INFO|WARNING|ERROR|FATAL|VERBOSE\d):"
                    r"[A-Za-z0-9_.]+\(\d+\)\] ")

CHROME_PROCS = {
    "browser": (11240, [11244, 11308, 7316, 12896]),
    "network": (9876, [9880, 10452, 3140]),
    "gpu": (14120, [14124, 6648]),
    "renderer": ((6212, 13348, 2764, 15520), [1]),  # renderer tids drawn per pid below
    "capture": (15204, [15208, 4412]),
}


def build_chromium():
    g = System(3, "ChromiumDebug", "shuffle", chrome_header)
    g.ev("ssl", "handshake failed; returned -1, SSL error code 1, net_error <*>",
         level="ERROR", file="ssl_client_socket_impl.cc", line=985, proc="network")
    g.ev("resolve", "Failed to resolve address for <*>, errorcode: <*>",
         level="ERROR", file="socket_manager.cc", line=141, proc="browser")
    g.ev("console", '"<*>", source: <*> (<*>)', level="INFO", file="CONSOLE", line=0, proc="renderer")
    g.ev("usb", "[<*>] USB: usb_device_handle_win.cc:1046 Failed to read descriptor from node connection: <*>",
         level="ERROR", file="device_event_log_impl.cc", line=215, proc="browser")
    g.ev("bt", "[<*>] Bluetooth: bluetooth_adapter_winrt.cc:1075 Getting Default Adapter failed.",
         level="ERROR", file="device_event_log_impl.cc", line=215, proc="browser")
    g.ev("gcmreg", "Registration response error message: <*>",
         level="WARNING", file="registration_request.cc", line=291, proc="browser")
    g.ev("prefobs", "Pref observer for <*> found at shutdown.",
         level="WARNING", file="pref_notifier_impl.cc", line=41, proc="browser")
    g.ev("gpuexit", "GPU process exited unexpectedly: exit_code=<*>",
         level="ERROR", file="gpu_process_host.cc", line=991, proc="browser")
    g.ev("cmdbuf", "ContextResult::kTransientFailure: Failed to send GpuControl.CreateCommandBuffer.",
         level="ERROR", file="command_buffer_proxy_impl.cc", line=125, proc="renderer")
    g.ev("cachemove", "Unable to move the cache: <*>",
         level="ERROR", file="cache_util_win.cc", line=21, proc="network")
    g.ev("cachecreate", "Unable to create cache",
         level="ERROR", file="disk_cache.cc", line=205, proc="network")
    g.ev("pcstate", "Session: <*> Old state: <*> New state: <*>",
         level="INFO", file="peer_connection.cc", line=2117, proc="renderer")
    g.ev("capstart", "Starting video capture on device <*> (session_id=<*>)",
         level="INFO", file="video_capture_manager.cc", line=412, proc="capture")
    g.ev("capstop", "Stopping video capture on device <*> (session_id=<*>)",
         level="INFO", file="video_capture_manager.cc", line=468, proc="capture")

    rng = g.rng

    def proc_meta(key):
        p = g.meta[key]["proc"]
        if p == "renderer":
            pid = g.cyc(key + ".rpid", list(CHROME_PROCS["renderer"][0]))
            return {"pid": pid, "tid": pid + 4 * g.cyc(key + ".rtid", [1, 5, 9])}
        pid, tids = CHROME_PROCS[p]
        return {"pid": pid, "tid": g.cyc(key + ".tid", tids)}

    console_msgs = [
        "Uncaught TypeError: Cannot read properties of undefined (reading 'map')",
        "Uncaught (in promise) Error: Request failed with status code 401",
        "[Violation] 'setTimeout' handler took 153ms",
        "Refused to load the script 'https://cdn.pixelstat-example.net/p.js' because it violates the "
        "following Content Security Policy directive: \"script-src 'self' https://static.intranet-example.org\".",
        "Mixed Content: The page at 'https://portal.northwind-example.com/reports' was loaded over HTTPS, "
        "but requested an insecure image 'http://img.northwind-example.com/logo.png'. "
        "This content should also be served over HTTPS.",
        "Uncaught ReferenceError: dataLayer is not defined",
        "WebSocket connection to 'wss://chat.contoso-example.com/socket?v=3' failed: ",
    ]
    console_msgs[-1] = console_msgs[-1].rstrip() + " Error in connection establishment"
    sources = ["https://portal.northwind-example.com/static/js/main.7c1e2a9f.js",
               "https://app.contoso-example.com/assets/vendor-3b8d41.js",
               "https://intranet-example.org/wiki/skins/common.js?v=2611",
               "chrome-extension://kbfnbcaeplbcioakkpcpgfkobkghlhen/src/js/Grammarly-check.js"]
    stun = ["stun.voip.fabrikam-example.net.", "turn.meet.contoso-example.com.", "stun1.l.example-rtc.org."]
    usb_err = ["A device attached to the system is not functioning. (0x1F)",
               "The semaphore timeout period has expired. (0x79)",
               "The I/O operation has been aborted because of either a thread exit or an application request. (0x3E3)"]
    pc_trans = [("kStable", "kHaveLocalOffer"), ("kHaveLocalOffer", "kStable"),
                ("kStable", "kHaveRemoteOffer"), ("kHaveRemoteOffer", "kStable"), ("kStable", "kClosed")]
    sessions = [str(rng.randrange(10 ** 18, 9 * 10 ** 18)) for _ in range(4)]

    def console(t):
        ln = rng.choice([1, 2, 57, 214, 1187, 4096])
        m = proc_meta("console")
        m["line"] = ln
        return [g.cyc("console.msg", console_msgs), g.cyc("console.src", sources), ln], m

    def cap(key):
        def f(t):
            return [hexs(rng, 64), g.cyc(key + ".sid", ["1", "2", "3", "4", "5"])], proc_meta(key)
        return f

    gens = {
        "ssl": lambda t: ([g.cyc("ssl.ne", ["-202", "-200", "-101", "-107", "-113", "-3"])], proc_meta("ssl")),
        "resolve": lambda t: ([g.cyc("resolve.h", stun), g.cyc("resolve.e", ["-105", "-137"])],
                              proc_meta("resolve")),
        "console": console,
        "usb": lambda t: ([hms_ms(t), g.cyc("usb.e", usb_err)], proc_meta("usb")),
        "bt": lambda t: ([hms_ms(t)], proc_meta("bt")),
        "gcmreg": lambda t: ([g.cyc("gcmreg", ["DEPRECATED_ENDPOINT", "PHONE_REGISTRATION_ERROR",
                                               "QUOTA_EXCEEDED", "AUTHENTICATION_FAILED"])], proc_meta("gcmreg")),
        "prefobs": lambda t: ([g.cyc("prefobs", ["media_router.cast_allow_all_ips", "download.default_directory",
                                                 "profile.default_content_setting_values.notifications",
                                                 "bookmark_bar.show_on_all_tabs"])], proc_meta("prefobs")),
        "gpuexit": lambda t: ([g.cyc("gpuexit", ["-1073740791", "34", "-1073741819"])], proc_meta("gpuexit")),
        "cmdbuf": lambda t: ([], proc_meta("cmdbuf")),
        "cachemove": lambda t: ([g.cyc("cachemove", [
            "Access is denied. (0x5)",
            "The process cannot access the file because it is being used by another process. (0x20)"])],
            proc_meta("cachemove")),
        "cachecreate": lambda t: ([], proc_meta("cachecreate")),
        "pcstate": lambda t: ([g.cyc("pc.sid", sessions)] + list(g.cyc("pc.tr", pc_trans)), proc_meta("pcstate")),
        "capstart": cap("capstart"),
        "capstop": cap("capstop"),
    }
    counts = {"ssl": 110, "resolve": 14, "console": 40, "usb": 30, "bt": 5, "gcmreg": 10, "prefobs": 12,
              "gpuexit": 4, "cmdbuf": 8, "cachemove": 4, "cachecreate": 3, "pcstate": 24,
              "capstart": 18, "capstop": 18}
    g.shuffle_run(counts, gens, 9 * 3600 * SEC + 3 * 60 * SEC + rng.randrange(SEC), 6.0)
    return g


# ---------------------------------------------------------------------------
# 4. MozLog -- Firefox MOZ_LOG=timestamp,nsHttp:5,cache2:5,nsHostResolver:5 (simulation: HTTP transactions)
# ---------------------------------------------------------------------------

MOZ_PID = 7412


def moz_header(t, key, m):
    h, mi, s, _, us = tparts(t)
    return "%s %02d:%02d:%02d.%06d UTC - [%s %d: %s]: %s/%s%s" % (
        ISO_DATE, h, mi, s, us, "Parent", MOZ_PID, m["thread"], m["lvl"], m["mod"], " " * (1 + m.get("ind", 0)))


MOZ_HEADER_RE = (r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} UTC - \[(?:Parent|Child|Socket|GPU|RDD) \d+: "
                 r"[^\]]+\]: [EWIDV]/\w+ +")

MOZ_HOSTS = ["www.riverside-gazette.example", "static.riverside-gazette.example", "cdn.jsdelivr-mirror.example",
             "api.weatherly.example", "fonts.typehouse.example", "img.shopfront.example",
             "telemetry.appmetrics.example"]
MOZ_BAD_HOSTS = ["tracker.adnet-lab.invalid", "beacon.old-cdn.invalid"]
MOZ_PATHS = {
    "www.riverside-gazette.example": ["/", "/news/2026/03/14/council-votes-on-bridge", "/sitemap.xml"],
    "static.riverside-gazette.example": ["/css/site.4c1a9e.css", "/js/app.3f9a1c.js", "/img/hero-1280.webp"],
    "cdn.jsdelivr-mirror.example": ["/npm/htmx.org@1.9.10/dist/htmx.min.js", "/npm/alpinejs@3.13.5/dist/cdn.min.js"],
    "api.weatherly.example": ["/v2/forecast?lat=47.61&lon=-122.33", "/v2/alerts?zone=WAZ558"],
    "fonts.typehouse.example": ["/inter/InterVariable.woff2", "/css2?family=Inter:wght@400;600"],
    "img.shopfront.example": ["/p/8812/thumb_320.jpg", "/p/9031/thumb_320.jpg", "/banner/spring.avif"],
    "telemetry.appmetrics.example": ["/collect?v=2&tid=G-7Q2X1", "/batch"],
}


def build_mozlog():
    g = System(4, "MozLog", "simulation", moz_header)
    g.ev("chcreate", "Creating nsHttpChannel [this=<*>]", lvl="D", mod="nsHttp", thread="Main Thread")
    g.ev("resolving", "Resolving host [<*>].", lvl="D", mod="nsHostResolver", thread="Main Thread")
    g.ev("cached", "Using cached record for host [<*>].", lvl="D", mod="nsHostResolver", thread="Main Thread")
    g.ev("dnsok", "DNS lookup thread - lookup completed for host [<*>]: success.",
         lvl="D", mod="nsHostResolver", thread="DNS Resolver #1")
    g.ev("dnsfail", "DNS lookup thread - lookup completed for host [<*>]: failure: <*>.",
         lvl="D", mod="nsHostResolver", thread="DNS Resolver #1")
    g.ev("cacheentry", "CacheEntry::CacheEntry [this=<*>]", lvl="D", mod="cache2", thread="Main Thread")
    g.ev("txinit", "nsHttpTransaction::Init [this=<*> caps=<*>]", lvl="V", mod="nsHttp", thread="Socket Thread")
    g.ev("reqopen", "http request [", lvl="I", mod="nsHttp", thread="Socket Thread")
    g.ev("reqline", "<*> <*> HTTP/1.1", lvl="I", mod="nsHttp", thread="Socket Thread", ind=2)
    g.ev("hosthdr", "Host: <*>", lvl="I", mod="nsHttp", thread="Socket Thread", ind=2)
    g.ev("close", "]", lvl="I", mod="nsHttp", thread="Socket Thread")
    g.ev("respopen", "http response [", lvl="I", mod="nsHttp", thread="Socket Thread")
    g.ev("status", "HTTP/1.1 <*> <*>", lvl="I", mod="nsHttp", thread="Socket Thread", ind=2)
    g.ev("procdata", "nsHttpTransaction::ProcessData [this=<*> count=<*>]",
         lvl="V", mod="nsHttp", thread="Socket Thread")
    g.ev("onstop", "nsHttpChannel::OnStopRequest [this=<*> request=<*> status=<*>]",
         lvl="D", mod="nsHttp", thread="Main Thread")

    rng = g.rng
    dns_cache = {}

    def ptr():
        return "0x7f%02x%08x" % (rng.randrange(0x10, 0xff), rng.getrandbits(32) & ~0xF)

    def tx(t0, i):
        st = {"t": t0}

        def E(key, vals, lo_us=5, hi_us=400, **meta):
            st["t"] += rng.randint(lo_us, hi_us) * US
            g.emit(st["t"], key, vals, **meta)

        ch, ce, trans, pump = ptr(), ptr(), ptr(), ptr()
        bad = (i % 6 == 2)
        host = g.cyc("badhost", MOZ_BAD_HOSTS) if bad else rng.choice(MOZ_HOSTS)
        E("chcreate", [ch])
        E("cacheentry", [ce], 20, 300)
        exp = dns_cache.get(host)
        if exp is not None and exp > st["t"]:
            E("cached", [host], 10, 200)
        else:
            E("resolving", [host], 10, 200)
            resolver = "DNS Resolver #%d" % g.cyc("resolver", [1, 2, 3, 4])
            if bad:
                E("dnsfail", [host, g.cyc("dnsfail.rv", ["804b001e", "804b0047"])], 2000, 90000,
                  thread=resolver)
                E("onstop", [ch, pump, "804b001e"], 100, 3000)
                return
            E("dnsok", [host], 2000, 90000, thread=resolver)
            dns_cache[host] = st["t"] + 120 * SEC
        E("txinit", [trans, g.cyc("caps", ["21", "1", "821", "20000021"])], 200, 3000)
        path = rng.choice(MOZ_PATHS[host])
        method = "POST" if host.startswith(("telemetry", "api")) and path in ("/batch", "/v2/alerts?zone=WAZ558") \
            else "GET"
        E("reqopen", [], 5, 40)
        E("reqline", [method, path], 1, 5)
        E("hosthdr", [host], 1, 5)
        E("close", [], 1, 5)
        st["t"] += rng.randint(12, 380) * MS
        if method == "POST":
            code, reason = g.cyc("post.status", [("204", "No Content"), ("200", "OK")])
        else:
            code, reason = rng.choice([("200", "OK")] * 6 + [("304", "Not Modified")] * 3 + [("404", "Not Found")])
        E("respopen", [], 5, 60)
        E("status", [code, reason], 1, 5)
        E("close", [], 1, 5)
        size = 0 if code in ("304", "204") else rng.choice([1, 2, 4, 8, 16, 32]) * rng.randint(6000, 32768)
        while size > 0:
            c = min(size, rng.choice([16384, 32768, 32768, 8192, 4096]))
            E("procdata", [trans, c], 100, 25000)
            size -= c
        status = g.cyc("onstop.ok", ["0"] * 9 + ["804b0002"])
        E("onstop", [ch, pump, status], 200, 8000)

    t = 10 * 3600 * SEC + 26 * 60 * SEC + rng.randrange(SEC)
    for i in range(60):
        tx(t, i)
        t += int(rng.expovariate(1.0 / 0.45) * SEC) + 300 * US
    return g


# ---------------------------------------------------------------------------
# 5. ConfigMgr -- CMTrace client log lines (simulation: software update deployments)
# ---------------------------------------------------------------------------

def cm_header(t, key, m):
    return "<![LOG["


CM_HEADER_RE = r"<!\[LOG\["


def build_configmgr():
    g = System(5, "ConfigMgr", "simulation", cm_header)

    def cev(key, msg, comp, typ, fil):
        trailer = ']LOG]!><time="<*>" date="%s" component="%s" context="" type="%d" thread="<*>" file="%s">' % (
            US_DATE, comp, typ, fil)
        g.ev(key, msg + trailer)

    UDA, CTM, CCM = "UpdatesDeploymentAgent", "ContentTransferManager", "CcmExec"
    cev("dispatch", "Dispatching message '<*>' to endpoint '<*>'.", CCM, 1, "")
    cev("targeted", "Update (<*>) Name (<*>) ArticleID (<*>) added to the targeted list of deployment (<*>)",
        UDA, 1, "")
    cev("sdkevent", 'Raising client SDK event for class CCM_SoftwareUpdate, instance '
                    'CCM_SoftwareUpdate.UpdateID="<*>", actionType <*>, value NULL, user NULL, '
                    'session 4294967295l, level 0l, verbosity 30l', UDA, 1, "event.cpp:525")
    cev("progress", "Update (<*>) Progress: Status = <*>, PercentComplete = <*>, Result = <*>", UDA, 1, "")
    cev("queued", "Queued location request '<*>' for CTM job '<*>'.", CTM, 1, "ctmjob.cpp:1214")
    cev("ctmstart", "CTM job <*> (corresponding DTS job <*>) started download from '<*>' for full content download.",
        CTM, 1, "ctmjob.cpp:2893")
    cev("phase", "CTM job <*> entered phase <*>", CTM, 1, "ctmjob.cpp:1466")
    cev("suspended", "CTM job <*> suspended", CTM, 1, "ctmjob.cpp:3075")
    cev("resumed", "CTM job <*> resumed", CTM, 1, "ctmjob.cpp:3102")
    cev("ctmerror", "CTM job <*> encountered error <*> while downloading from '<*>'", CTM, 2, "ctmjob.cpp:2418")
    cev("ctmdone", "CTM job <*> successfully processed download completion.", CTM, 1, "ctmjob.cpp:1802")
    cev("joberror", "Job error (<*>) received for assignment (<*>) action", UDA, 3, "")
    cev("installed", "Installation job completed with exit code <*> for update (<*>)", UDA, 1, "")

    rng = g.rng
    site = "Site_9D3F4C1B-7E2A-4B85-A1C6-52E0D8F3B947"
    assignments = ["{%s}" % guid(rng) for _ in range(3)]
    updates = [
        ("2026-03 Cumulative Update for Windows 11 Version 23H2 for x64-based Systems (KB5035942)", "5035942"),
        ("Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.407.288.0)",
         "2267602"),
        ("2026-03 Cumulative Update for .NET Framework 3.5, 4.8 and 4.8.1 for Windows 11, version 23H2 for x64 "
         "(KB5036620)", "5036620"),
        ("Microsoft 365 Apps Update - Monthly Enterprise Channel Version 2402 for x64 based Edition "
         "(Build 17328.20282)", "5002582"),
        ("Windows Malicious Software Removal Tool x64 - v5.123 (KB890830)", "890830"),
        ("2026-03 Servicing Stack Update for Windows Server 2022 for x64-based Systems (KB5035857)", "5035857"),
        ("Microsoft Edge-Stable Channel Version 122 Update for x64 based Editions (Build 122.0.2365.92)",
         "5035710"),
    ]
    dps = ["http://CM-DP01.corp.contoso-example.com/SMS_DP_SMSPKG$/",
           "http://CM-DP02.branch.contoso-example.com/SMS_DP_SMSPKG$/",
           "https://cmg01.contoso-example.cloudapp.net/downloadcontent/"]
    errs = ["0x80072ee2", "0x80190194", "0x80072efd"]
    th = {
        UDA: ["3908", "5412", "7160"],
        CTM: ["2240", "6632", "9044", "1988"],
        CCM: ["4820", "3316"],
    }
    comp_of = {}
    for k in g.order:
        comp_of[k] = re.search(r'component="([^"]+)"', g.tpl[k]).group(1)

    def upd(t0, i):
        st = {"t": t0}

        def E(key, vals, lo_ms=0, hi_ms=60):
            st["t"] += rng.randint(lo_ms, hi_ms) * MS
            thread = g.cyc(key + ".thread", th[comp_of[key]])
            h, mi, s, ms, _ = tparts(st["t"])
            g.emit(st["t"], key, list(vals) + ["%02d:%02d:%02d.%03d+000" % (h, mi, s, ms), thread])

        name, kb = g.cyc("update", updates)
        uid = "%s/SUM_%s" % (site, guid(rng, upper=False))
        asg = g.cyc("assignment", assignments)
        ctm = "{%s}" % guid(rng)
        dts = "{%s}" % guid(rng)
        content = guid(rng, upper=False)
        dp = g.cyc("dp", dps)
        E("targeted", [uid, name, kb, asg])
        E("sdkevent", [uid, "12l"], 0, 20)
        E("progress", [uid, "ciStateDownloading", 0, "0x0"], 5, 200)
        E("dispatch", ["{%s}" % guid(rng), "ContentTransferManager"], 10, 300)
        E("queued", ["{%s}" % guid(rng), ctm], 5, 150)
        E("ctmstart", [ctm, dts, dp + content], 300, 4000)
        E("phase", [ctm, "CCM_DOWNLOADSTATUS_DOWNLOADING_DATA"], 10, 200)
        pct = 0
        mode = i % 4
        while pct < 100:
            st["t"] += rng.randint(2, 12) * SEC
            pct = min(100, pct + rng.choice([9, 17, 25, 33, 50]))
            if mode == 1 and 30 <= pct < 100 and not st.get("susp"):
                st["susp"] = True
                E("suspended", [ctm], 0, 500)
                st["t"] += rng.randint(20, 180) * SEC
                E("resumed", [ctm], 0, 500)
            if mode == 2 and 20 <= pct < 100 and not st.get("err"):
                st["err"] = True
                E("ctmerror", [ctm, g.cyc("ctmerror.e", errs), dp + content], 0, 500)
                st["t"] += rng.randint(30, 120) * SEC
            E("progress", [uid, "ciStateDownloading", pct, "0x0"], 0, 200)
        E("phase", [ctm, "CCM_DOWNLOADSTATUS_DOWNLOADED_DATA"], 50, 900)
        E("ctmdone", [ctm], 5, 300)
        E("progress", [uid, "ciStateWaitInstall", 100, "0x0"], 100, 2000)
        st["t"] += rng.randint(5, 40) * SEC
        E("dispatch", ["{%s}" % guid(rng), "UpdatesHandler"], 0, 300)
        pct = 0
        while pct < 100:
            E("progress", [uid, "ciStateInstalling", pct, "0x0"], 500, 4000)
            st["t"] += rng.randint(5, 30) * SEC
            pct += rng.choice([25, 34, 50, 100])
        if mode == 3:
            code = g.cyc("joberror.code", ["0x87d00664", "0x80240022", "0x8024200b"])
            E("joberror", [code, asg], 0, 400)
            E("progress", [uid, "ciStateError", 0, code], 0, 300)
        else:
            code = g.cyc("installed.code", ["0", "3010"])
            E("installed", [code, uid], 0, 400)
            state = "ciStateInstallComplete" if code == "0" else "ciStatePendingSoftReboot"
            E("progress", [uid, state, 100, "0x0"], 0, 300)
        E("sdkevent", [uid, "8l"], 0, 50)

    t = 2 * 3600 * SEC + 14 * 60 * SEC + rng.randrange(SEC)
    for i in range(40):
        upd(t, i)
        t += int(rng.expovariate(1.0 / 60) * SEC) + 500 * MS
    return g


# ---------------------------------------------------------------------------
# 6. MacInstall -- macOS /var/log/install.log (seeded shuffle)
# ---------------------------------------------------------------------------

MAC_HOST = "Priyas-MacBook-Air"


def mac_header(t, key, m):
    h, mi, s, _, _ = tparts(t)
    return "%s %02d:%02d:%02d+00 %s %s[%d]: " % (ISO_DATE, h, mi, s, MAC_HOST, m["proc"], m["pid"])


MAC_HEADER_RE = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[+-]\d\d [A-Za-z0-9.-]+ [A-Za-z_][\w ]*\[\d+\]: "

MAC_APPS = [
    # pkg file, package id, bundle, display name, version
    ("zoomusInstallerFull.pkg", "us.zoom.pkg.videomeeting", "zoom.us.app", "zoom.us", "6.0.2.33403"),
    ("Firefox 124.0.1.pkg", "org.mozilla.firefox", "Firefox.app", "Firefox", "124.0.1"),
    ("MicrosoftTeams.pkg", "com.microsoft.teams2", "Microsoft Teams.app", "Microsoft Teams", "24033.811.2738.2546"),
    ("GoogleChrome.pkg", "com.google.Chrome", "Google Chrome.app", "Google Chrome", "123.0.6312.59"),
    ("Slack-4.37.94-macOS.pkg", "com.tinyspeck.slackmacgap", "Slack.app", "Slack", "4.37.94"),
    ("Docker.pkg", "com.docker.docker", "Docker.app", "Docker", "4.28.0"),
]


def build_macinstall():
    g = System(6, "MacInstall", "shuffle", mac_header)
    I = {"proc": "installd"}
    g.ev("extract", "PackageKit: Extracting <*> (destination=<*>, uid=0)", **I)
    g.ev("touched", "PackageKit: Touched bundle <*>", **I)
    g.ev("addclient", "PackageKit: Adding client PKInstallDaemonClient pid=<*>, uid=<*> (<*>)", **I)
    g.ev("rmclient", "PackageKit: Removing client PKInstallDaemonClient pid=<*>, uid=<*> (<*>)", **I)
    g.ev("begin", "PackageKit: ----- Begin install -----", **I)
    g.ev("end", "PackageKit: ----- End install -----", **I)
    g.ev("receipt", "PackageKit: Writing receipt for <*> to /", **I)
    g.ev("failed", 'PackageKit: Install Failed: Error Domain=PKInstallErrorDomain Code=<*> "<*>"', **I)
    g.ev("installed", 'Installed "<*>" (<*>)', **I)
    g.ev("invalidated", "SUOSUServiceDaemon: Connection invalidated!", proc="softwareupdated")
    g.ev("ifd", "IFDInstallController <*> state = <*>", proc="Installer")
    g.ev("archive", "Product archive <*> trustLevel=<*>", proc="Installer")
    g.ev("script", 'PackageKit: Executing script "<*>" in <*>', proc="package_script_service")
    g.ev("unknownprod", "SoftwareUpdate: request for status for unknown product <*>", proc="softwareupdated")

    rng = g.rng
    pids = {"installd": [612, 2291], "softwareupdated": [731, 2318], "Installer": [4417, 5862, 6130],
            "package_script_service": [2304, 5901]}
    users = ["priya", "admin.local"]
    clients = ["/System/Library/CoreServices/Installer.app/Contents/MacOS/Installer", "/usr/sbin/installer",
               "/System/Library/PrivateFrameworks/SoftwareUpdate.framework/Versions/A/Resources/softwareupdated",
               "/Library/Application Support/JAMF/bin/jamf"]

    def meta(key):
        p = g.meta[key]["proc"]
        return {"pid": g.cyc(key + ".pid", pids[p])}

    def app(key):
        return g.cyc(key + ".app", MAC_APPS)

    def sandbox():
        return "/Library/InstallerSandboxes/.PKInstallSandboxManager/%s.activeSandbox/Root" % guid(rng)

    def extract(t):
        a = app("extract")
        if g.cyc("extract.kind", [0, 0, 1]):
            src = "file:///Library/Updates/052-%05d/%s#%s" % (rng.randint(10000, 99999),
                                                             "Safari17.4.1VenturaAuto.pkg", "Payload")
            dest = sandbox()
        else:
            src = "file:///Users/%s/Downloads/%s#%s.pkg" % (g.cyc("extract.user", users),
                                                           a[0].replace(" ", "%20"), a[1])
            dest = sandbox() + "/Applications"
        return [src, dest], meta("extract")

    def client(key):
        def f(t):
            return [rng.randint(800, 9999), g.cyc(key + ".uid", ["0", "501"]), g.cyc(key + ".path", clients)], \
                meta(key)
        return f

    fails = [("112", "An error occurred while running scripts from the package \u201c%s\u201d."),
             ("102", "The package \u201c%s\u201d is missing or invalid."),
             ("120", "Could not write to \u201c/Applications/%s\u201d: Operation not permitted.")]

    def failed(t):
        code, msg = g.cyc("failed.code", fails)
        a = app("failed")
        return [code, msg % (a[0] if code != "120" else a[2])], meta("failed")

    def archive(t):
        a = app("archive")
        return ["/Users/%s/Downloads/%s" % (g.cyc("archive.user", users), a[0]),
                g.cyc("archive.tl", ["350", "202", "100"])], meta("archive")

    def script(t):
        a = app("script")
        return [g.cyc("script.name", ["./postinstall", "./preinstall", "./postinstall"]),
                "/private/tmp/PKInstallSandbox.%s/Scripts/%s.%s" % (alnum(rng, 6), a[1], alnum(rng, 6))], \
            meta("script")

    gens = {
        "extract": extract,
        "touched": lambda t: ([sandbox() + "/Applications/" + app("touched")[2]], meta("touched")),
        "addclient": client("addclient"),
        "rmclient": client("rmclient"),
        "begin": lambda t: ([], meta("begin")),
        "end": lambda t: ([], meta("end")),
        "receipt": lambda t: ([app("receipt")[1]], meta("receipt")),
        "failed": failed,
        "installed": lambda t: ((lambda a: [a[3], a[4]])(app("installed")), meta("installed")),
        "invalidated": lambda t: ([], meta("invalidated")),
        "ifd": lambda t: (["%X" % rng.randrange(0x600000, 0x7FFFFFF), g.cyc("ifd.state", ["1", "3", "4", "5", "7"])],
                          meta("ifd")),
        "archive": archive,
        "script": script,
        "unknownprod": lambda t: ([g.cyc("unknownprod", ["MSU_UPDATE_23E224_patch_14.4.1_minor",
                                                         "MSU_UPDATE_22H417_patch_13.6.6_minor",
                                                         "BackgroundTask-002-88712"])], meta("unknownprod")),
    }
    counts = {"extract": 80, "touched": 34, "addclient": 16, "rmclient": 16, "begin": 14, "end": 12,
              "receipt": 28, "failed": 4, "installed": 14, "invalidated": 8, "ifd": 36, "archive": 6,
              "script": 22, "unknownprod": 10}
    g.shuffle_run(counts, gens, 13 * 3600 * SEC + 5 * 60 * SEC + rng.randrange(SEC), 9.0)
    return g


# ---------------------------------------------------------------------------
# Self-check
# ---------------------------------------------------------------------------

def _ts_dism(line):
    return line[:19]


def _ts_setupapi(line):
    m = re.search(r"\b(\d\d:\d\d:\d\d\.\d{3})\b", line)
    return m.group(1) if m else None


def _ts_chrome(line):
    return re.match(r"\[\d+:\d+:(\d{4}/\d{6}\.\d{3}):", line).group(1)


def _ts_moz(line):
    return line[:26]


def _ts_cm(line):
    return re.search(r'time="([^"]+)"', line).group(1)


def _ts_mac(line):
    return line[:19]


SPECS = [
    # (builder, header regex, timestamp extractor)
    (build_dism, DISM_HEADER_RE, _ts_dism),
    (build_setupapi, SETUPAPI_HEADER_RE, _ts_setupapi),
    (build_chromium, CHROME_HEADER_RE, _ts_chrome),
    (build_mozlog, MOZ_HEADER_RE, _ts_moz),
    (build_configmgr, CM_HEADER_RE, _ts_cm),
    (build_macinstall, MAC_HEADER_RE, _ts_mac),
]


def tpl_regex(tpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tpl.split("<*>")))


def count_rules(counts):
    vals = sorted(counts.values())
    errs = []
    if not 12 <= len(vals) <= 15:
        errs.append("event types %d not in 12..15" % len(vals))
    if min(vals) < 3:
        errs.append("an event has fewer than 3 lines")
    if sum(1 for v in vals if 3 <= v <= 10) < 3:
        errs.append("fewer than 3 events with 3-10 lines")
    med = statistics.median(vals)
    if max(vals) < 3 * med:
        errs.append("largest %d < 3 x median %s" % (max(vals), med))
    return errs


def self_check(g, header_re, ts_fn):
    errs = []
    d = os.path.join(ROOT, g.name)
    logp = os.path.join(d, g.name + ".log")
    csvp = os.path.join(d, g.name + ".log_structured.csv")
    raw = open(logp, "rb").read()
    rawc = open(csvp, "rb").read()
    for label, b in (("log", raw), ("csv", rawc)):
        if not b.endswith(b"\n"):
            errs.append("%s does not end with newline" % label)
        if b"\r" in b:
            errs.append("%s contains \\r" % label)
    lines = raw.decode("utf-8").split("\n")[:-1]
    if len(lines) != NLINES:
        errs.append("log has %d lines" % len(lines))
    with open(csvp, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        errs.append("bad csv header %r" % rows[0])
    rows = rows[1:]
    if len(rows) != NLINES:
        errs.append("csv has %d rows" % len(rows))
    hre = re.compile(header_re)
    tpl_of = {}
    caps = {}
    counts = {}
    prev = None
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if len(row) != 4:
            errs.append("row %d has %d columns" % (i, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(i):
            errs.append("row %d LineId %s" % (i, lid))
        if not content or content != content.strip():
            errs.append("row %d content empty or unstripped" % i)
        if not line.endswith(content):
            errs.append("line %d does not end with content" % i)
            continue
        header = line[:len(line) - len(content)]
        if not hre.fullmatch(header):
            errs.append("line %d header %r does not match" % (i, header))
        ts = ts_fn(line)
        if ts is not None:
            if prev is not None and ts < prev:
                errs.append("line %d timestamp goes back (%s < %s)" % (i, ts, prev))
            prev = ts
        if not re.fullmatch(r"E\d+", eid):
            errs.append("row %d bad EventId %s" % (i, eid))
        if tpl_of.setdefault(eid, tpl) != tpl:
            errs.append("EventId %s has two templates" % eid)
        m = tpl_regex(tpl).fullmatch(content)
        if not m:
            errs.append("row %d content does not match template %s" % (i, eid))
            continue
        counts[eid] = counts.get(eid, 0) + 1
        slots = caps.setdefault(eid, [set() for _ in m.groups()])
        for s, v in zip(slots, m.groups()):
            s.add(v)
    if len(set(tpl_of.values())) != len(tpl_of):
        errs.append("two EventIds share a template")
    declared = {"E%d" % (i + 1): g.tpl[k] for i, k in enumerate(g.order)}
    if set(tpl_of) != set(declared):
        errs.append("declared events not all used: missing %s" % sorted(set(declared) - set(tpl_of)))
    for eid, tpl in tpl_of.items():
        if declared.get(eid) != tpl:
            errs.append("%s template differs from declaration" % eid)
    for eid, slots in caps.items():
        for j, s in enumerate(slots):
            if len(s) < 2:
                errs.append("%s slot %d takes only %r" % (eid, j + 1, s))
    errs += count_rules(counts)
    return errs, counts, (lines[0], lines[-1])


def main():
    ok = True
    for builder, hre, tsf in SPECS:
        g = builder()
        g.write()
        errs, counts, (first, last) = self_check(g, hre, tsf)
        vals = sorted(counts.values())
        order = sorted(counts, key=lambda e: int(e[1:]))
        print("%-14s %-10s events=%2d lines=%d min=%d median=%s max=%d  %s" % (
            g.name, g.kind, len(counts), sum(vals), vals[0], statistics.median(vals), vals[-1],
            "OK" if not errs else "FAIL"))
        print("    counts: " + " ".join("%s=%d" % (e, counts[e]) for e in order))
        for e in errs:
            ok = False
            print("    ERROR: " + e)
    print("self-check: %s" % ("PASSED" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
