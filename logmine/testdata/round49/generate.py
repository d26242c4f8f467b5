#!/usr/bin/env python3
"""Round 49 blind labelled log corpus generator.

Python 3 standard library only and fully deterministic: no wall clock, no
locale, no environment input.  Every system k (1..6) has its own
random.Random(20270154 * 10 + k).  Time is an integer nanosecond clock
counted from 2026-03-14 00:00:00 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for the six systems and then self-checks everything it wrote.
"""
import csv
import math
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270154
N_LINES = 300
OUT_DIR = os.path.dirname(os.path.abspath(__file__))

NS = 10 ** 9
MS = 10 ** 6
US = 10 ** 3
HOUR = 3600 * NS
DAY = 24 * HOUR
YEAR, MONTH, DAY_OF_MONTH = 2026, 3, 14
# fixed month names (never taken from the locale); no format below needs them
# but they are kept here so that nothing ever asks the locale for one
MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


# ---------------------------------------------------------------- helpers

def clock(ns):
    """Split the nanosecond clock into h, m, s, fractional ns."""
    if not 0 <= ns < DAY:
        raise ValueError("clock left 2026-03-14: %d" % ns)
    secs, frac = divmod(ns, NS)
    h, rem = divmod(secs, 3600)
    m, s = divmod(rem, 60)
    return h, m, s, frac


def hms(ns):
    h, m, s, _ = clock(ns)
    return "%02d:%02d:%02d" % (h, m, s)


class Ctx:
    """Random source plus per-(event, slot) pool cycling."""

    def __init__(self, k):
        self.rng = random.Random(BASE_SEED * 10 + k)
        self._cycle = {}

    def cyc(self, key, pool):
        """Next element of a small pool; each (event, slot) key walks the
        pool in order from a random starting point, so it takes every value."""
        i = self._cycle.get(key)
        if i is None:
            i = self.rng.randrange(len(pool))
        self._cycle[key] = i + 1
        return pool[i % len(pool)]

    def guid(self, braces=False, lower=False):
        r = self.rng
        g = "%08X-%04X-%04X-%04X-%012X" % (r.getrandbits(32), r.getrandbits(16),
                                          0x4000 | r.getrandbits(12),
                                          0x8000 | r.getrandbits(14), r.getrandbits(48))
        if lower:
            g = g.lower()
        return "{%s}" % g if braces else g

    def hexstr(self, n, upper=False):
        s = "%0*x" % (n, self.rng.getrandbits(4 * n))
        return s.upper() if upper else s

    def b64(self, n):
        alphabet = ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                    "0123456789+/")
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def exp_gap(self, mean_ns):
        return max(1, int(self.rng.expovariate(1.0 / mean_ns)))


def fill(template, values):
    parts = template.split("<*>")
    if len(parts) != len(values) + 1:
        raise ValueError("slot count mismatch for %r: %r" % (template, values))
    out = [parts[0]]
    for v, p in zip(values, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


class Ev:
    """One declared event type.  EventId = position in the system's list."""

    def __init__(self, template, gen=None, count=0, **hdr):
        self.template = template
        self.gen = gen          # shuffles: gen(ctx, t) -> list of slot values
        self.count = count      # shuffles: fixed number of lines
        self.hdr = hdr          # fixed header parts (component, level, ...)


# ======================================================================
# 1. WindowsUpdate -- WindowsUpdate.log as Get-WindowsUpdateLog decodes it
#    "2026/03/14 09:12:01.1234567 3140  5528  Agent           message"
# ======================================================================

WU_SVC_PID = 3140
WU_CLIENT_PIDS = [7412, 10236]
WU_TIDS = {3140: [5528, 6204, 7980, 1164, 9012], 7412: [7436, 8120], 10236: [10412, 2208]}
WU_CALLERS = ["UpdateOrchestrator", "Update;taskhostw", "MoUsoCoreWorker", "Windows Defender"]
WU_OPS = ["CSearchCall::Init", "CDownloadCall::Init", "CInstallCall::Init",
          "CAgentProtocolTalker::SyncUpdates"]
WU_URLS = ["https://wsus01.northwind.lan:8531/ClientWebService/client.asmx",
           "http://wsus-br2.northwind.lan:8530/ClientWebService/client.asmx",
           "https://wsus01.northwind.lan:8531/SimpleAuthWebService/SimpleAuth.asmx"]
WU_SLS_SERVICES = ["6A9C1F2E-7B3D-4E58-9A0C-2F4B8D6E1A37",
                   "D2B7E3A1-5C9F-4A06-B8E4-71C3F0A92D5B",
                   "9F0E4C6A-3B21-47D8-A5F9-0C8E2B6D4173"]
WU_SERVICE_IDS = ["{3DA21691-E39D-4DA6-8A4B-B43877BCB1B7}",
                  "{8B24B027-1DEE-BABB-9A95-3517DFB9C552}",
                  "{7971F918-A847-4430-9279-4A52D1EFE18D}"]


def wu_update_id(ctx):
    return "%s.%d" % (ctx.guid(braces=True), ctx.rng.choice([1, 2, 200, 201, 202, 1]))


def wu_found(ctx, t):
    r = ctx.rng
    total = r.randint(1800, 4200)
    return [r.choice([0, 0, 1, 2, 3, 5]), r.randint(12, 96), r.randint(300, total - 100), total]


WU_EVENTS = [
    Ev("* START *   Search ClientId = <*>", lambda c, t: [c.cyc((1, 1), WU_CALLERS)],
       count=20, comp="ComApi"),
    Ev("* END *   Search ClientId = <*>", lambda c, t: [c.cyc((2, 1), WU_CALLERS)],
       count=20, comp="ComApi"),
    Ev("Updates found = <*>", lambda c, t: [c.rng.choice([0, 0, 0, 1, 2, 4])],
       count=20, comp="ComApi"),
    Ev("* START * Finding updates CallerId = <*>  Id = <*>",
       lambda c, t: [c.cyc((4, 1), WU_CALLERS), c.rng.randint(1, 260)],
       count=22, comp="Agent"),
    Ev("Found <*> updates and <*> categories in search; evaluated appl. rules of <*> out of <*> deployed entities",
       wu_found, count=22, comp="Agent"),
    Ev("Adding update <*> to search result", lambda c, t: [wu_update_id(c)],
       count=40, comp="Agent"),
    Ev("Exit code = <*>",
       lambda c, t: [c.cyc((7, 1), ["0x00000000", "0x00000000", "0x8024401C",
                                    "0x00000000", "0x80072EE2", "0x80240022"])],
       count=22, comp="Agent"),
    Ev("New download job <*> for UpdateId <*>",
       lambda c, t: [c.guid(braces=True), wu_update_id(c)],
       count=14, comp="DownloadManager"),
    Ev("SyncUpdates failure, error = <*>, soap client error = <*>, soap error code = <*>, HTTP status code = <*>",
       lambda c, t: [c.cyc((9, 1), ["0x8024401C", "0x80244022", "0x80072EE2"]),
                     c.cyc((9, 2), [5, 10, 7]), c.cyc((9, 3), [0, 300]),
                     c.cyc((9, 4), [200, 503, 500])],
       count=4, comp="ProtocolTalker"),
    Ev("Download job bytes total = <*>, bytes transferred = <*>",
       lambda c, t: (lambda tot: [tot, c.rng.choice([0, tot, c.rng.randint(1, tot)])])(
           c.rng.randint(40000, 900000000)),
       count=60, comp="DownloadManager"),
    Ev("Get response for service <*> - forceExpire[<*>] asyncRefreshOnExpiry[<*>]",
       lambda c, t: [c.cyc((11, 1), WU_SLS_SERVICES), c.cyc((11, 2), ["False", "False", "True"]),
                     c.cyc((11, 3), ["True", "True", "False"])],
       count=12, comp="SLS"),
    Ev('Retrieving SLS response from server using ETAG "<*>"...',
       lambda c, t: [c.b64(43) + "="], count=8, comp="SLS"),
    Ev("ServiceId = <*>, Server URL = <*>",
       lambda c, t: [c.cyc((13, 1), WU_SERVICE_IDS), c.cyc((13, 2), WU_URLS)],
       count=10, comp="ProtocolTalker"),
    Ev("WU operation (<*> ID <*>) started; operation # <*>; does use network: <*>; is at background priority: <*>",
       lambda c, t: [c.cyc((14, 1), WU_OPS), c.rng.randint(1, 40), c.rng.randint(80, 900),
                     c.cyc((14, 4), [1, 1, 0]), c.cyc((14, 5), [0, 1])],
       count=13, comp="IdleTimer"),
    Ev("WU operation (<*> ID <*>, operation # <*>) stopped; does use network: <*>; is at background priority: <*>",
       lambda c, t: [c.cyc((15, 1), WU_OPS), c.rng.randint(1, 40), c.rng.randint(80, 900),
                     c.cyc((15, 4), [1, 0, 1]), c.cyc((15, 5), [1, 0])],
       count=13, comp="IdleTimer"),
]


def wu_header(ctx, ev, t, extra):
    h, m, s, frac = clock(t)
    comp = ev.hdr["comp"]
    pid = ctx.cyc(("hdr", "pid"), WU_CLIENT_PIDS) if comp == "ComApi" else WU_SVC_PID
    tid = ctx.rng.choice(WU_TIDS[pid])
    return "%04d/%02d/%02d %02d:%02d:%02d.%07d %-5d %-5d %-15s " % (
        YEAR, MONTH, DAY_OF_MONTH, h, m, s, frac // 100, pid, tid, comp)


WU_HEADER_RE = r"\d{4}/\d{2}/\d{2} (\d{2}):(\d{2}):(\d{2})\.(\d{7}) \d+ +\d+ +[A-Za-z]+ +"


def wu_ts(line, header_match):
    h, m, s, f = (int(x) for x in header_match.groups())
    return ((h * 3600 + m * 60 + s) * NS + f * 100, 100)


# ======================================================================
# 2. Netlogon -- %windir%\debug\netlogon.log
#    "03/14 09:12:01 [LOGON] [3704] NORTHWIND: SamLogon: ..."
# ======================================================================

NL_TIDS = [3704, 3712, 4120, 5288, 612, 2964, 7720]
NL_USERS = ["jdoe", "mheller", "tkovacs", "a.rivera", "svc-backup", "svc-sqlagent",
            "pnakamura", "lbrandt", "kowusu", "r.castillo", "helpdesk07", "e.lindqvist"]
NL_WORKSTATIONS = ["WKS-0142", "WKS-0193", "LT-3317", "LT-2088", "KIOSK-04", "WKS-0451",
                   "LT-3490", "VDI-POOL-17"]
NL_SERVERS = ["FS01", "FS02", "EXCH-MB03", "SQL-PRD02", "RDS-GW01", "WEB-INT04"]
NL_DIRECT = ["NAS-ARCHIVE", "RADIUS01", "PRN-SRV02", "LNX-SAMBA01"]
NL_TRUSTS = {"BLUEYONDER": ["\\\\BYDC01.blueyonder.corp", "\\\\BYDC02.blueyonder.corp"],
             "HARBORLAB": ["\\\\HLDC1.harborlab.local", "\\\\HLDC2.harborlab.local"],
             "KESTREL": ["\\\\KDC-EU01.kestrel.test"]}
NL_DOMS = ["northwind.lan", "NORTHWIND", "blueyonder.corp", "HARBORLAB", "(null)"]
NL_FLAGS = ["DS NETBIOS RET_DNS", "KDC IP_REQUIRED", "DS GC", "FORCE TIMESERV RET_DNS",
            "PDC NETBIOS"]
NL_FAIL_CODES = ["0xC000006A", "0xC0000064", "0xC0000234", "0xC0000072", "0xC000006D"]

NETLOGON_EVENTS = [
    Ev("NORTHWIND: SamLogon: Transitive Network logon of <*> from <*> (via <*>) Entered", cat="LOGON"),
    Ev("NORTHWIND: SamLogon: Transitive Network logon of <*> from <*> (via <*>) Returns <*>", cat="LOGON"),
    Ev("NORTHWIND: SamLogon: Network logon of <*> from <*> Entered", cat="LOGON"),
    Ev("NORTHWIND: SamLogon: Network logon of <*> from <*> Returns <*>", cat="LOGON"),
    Ev("NORTHWIND: NlPickDomainWithAccount: <*>: Algorithm entered. UPN:0 Sam:1 Exp:0 Cross: 0 Root:1 DC:0",
       cat="LOGON"),
    Ev("DsGetDcName function called: client PID=<*>, Dom:<*> Acct:<*> Flags: <*>", cat="MISC"),
    Ev("DsGetDcName function returns <*> (client PID=<*>): Dom:<*> Acct:<*> Flags: <*>", cat="MISC"),
    Ev("<*>: NlSessionSetup: Try Session setup", cat="SESSION"),
    Ev("<*>: NlDiscoverDc: Found DC <*>", cat="SESSION"),
    Ev("<*>: NlSessionSetup: Negotiated flags with server are <*>", cat="SESSION"),
    Ev("<*>: NlSessionSetup: Session setup Succeeded", cat="SESSION"),
    Ev("<*>: NlSetStatusClientSession: Set connection status to <*>", cat="SESSION"),
    Ev("<*>: NlDiscoverDc: Cannot find DC.", cat="CRITICAL"),
    Ev("<*>: NlSessionSetup: Session setup: cannot pick trusted DC", cat="CRITICAL"),
    Ev("<*>: NlFinishApiClientSession: timeout call to <*>.  Count: <*>", cat="CRITICAL"),
]


def netlogon_sim(ctx):
    """Entities: pass-through logons, direct network logons, DsGetDcName
    calls, trusted-domain secure channel setups and API timeouts.  Each runs
    on its own clock from its arrival time; all lines are merged later."""
    r = ctx.rng
    recs = []
    t = 8 * HOUR + 41 * 60 * NS + r.randrange(NS)
    for _ in range(175):
        t += ctx.exp_gap(1400 * MS)
        tid = r.choice(NL_TIDS)
        kind = r.random()
        if kind < 0.50:                      # transitive (pass-through) logon
            acct = "NORTHWIND\\" + ctx.cyc("user", NL_USERS)
            ws, srv = ctx.cyc("ws", NL_WORKSTATIONS), ctx.cyc("srv", NL_SERVERS)
            code = "0x0" if r.random() < 0.8 else ctx.cyc("fail", NL_FAIL_CODES)
            recs.append((t, 1, [acct, ws, srv], {"tid": tid}))
            recs.append((t + ctx.exp_gap(40 * MS), 2, [acct, ws, srv, code], {"tid": tid}))
        elif kind < 0.63:                    # direct network logon to the DC
            src = ctx.cyc("direct", NL_DIRECT)
            local = r.random() < 0.3
            if local:
                acct = src + "\\" + r.choice(["Administrator", "admin", "guest", "backup"])
                code = "0xC0000064"
            else:
                acct = "NORTHWIND\\" + ctx.cyc("user", NL_USERS)
                code = "0x0" if r.random() < 0.75 else ctx.cyc("fail", NL_FAIL_CODES)
            tt = t
            recs.append((tt, 3, [acct, src], {"tid": tid}))
            if local:
                tt += ctx.exp_gap(3 * MS)
                recs.append((tt, 5, [acct], {"tid": tid}))
            tt += ctx.exp_gap(25 * MS)
            recs.append((tt, 4, [acct, src, code], {"tid": tid}))
        elif kind < 0.81:                    # DsGetDcName call from a local client
            pid = r.choice([712, 1288, 2604, 4476, 6012, 9340])
            dom = ctx.cyc("dom", NL_DOMS)
            acct = "(null)" if r.random() < 0.7 else r.choice(["FS01$", "WKS-0142$", "SQL-PRD02$"])
            flags = ctx.cyc("flags", NL_FLAGS)
            rc = 0 if dom != "HARBORLAB" or r.random() < 0.4 else 1355
            recs.append((t, 6, [pid, dom, acct, flags], {"tid": tid}))
            recs.append((t + ctx.exp_gap(60 * MS), 7, [rc, pid, dom, acct, flags], {"tid": tid}))
        elif kind < 0.955:                   # secure channel setup to a trusted domain
            dom = ctx.cyc("trust", sorted(NL_TRUSTS))
            tt = t
            recs.append((tt, 8, [dom], {"tid": tid}))
            if r.random() < 0.75:
                tt += ctx.exp_gap(180 * MS)
                recs.append((tt, 9, [dom, r.choice(NL_TRUSTS[dom])], {"tid": tid}))
                tt += ctx.exp_gap(15 * MS)
                recs.append((tt, 10, [dom, ctx.cyc("nflags", ["0x612fffff", "0x6bffffff", "0x212fffff"])],
                             {"tid": tid}))
                tt += ctx.exp_gap(8 * MS)
                recs.append((tt, 11, [dom], {"tid": tid}))
                tt += ctx.exp_gap(2 * MS)
                recs.append((tt, 12, [dom, "0"], {"tid": tid}))
            else:
                tt += 2 * NS + ctx.exp_gap(6 * NS)
                recs.append((tt, 13, [dom], {"tid": tid}))
                tt += ctx.exp_gap(2 * MS)
                recs.append((tt, 14, [dom], {"tid": tid}))
                tt += ctx.exp_gap(2 * MS)
                recs.append((tt, 12, [dom, "c000005e"], {"tid": tid}))
        else:                                # RPC timeout on an open secure channel
            dom = ctx.cyc("trust", sorted(NL_TRUSTS))
            tt = t + 45 * NS
            recs.append((tt, 15, [dom, r.choice(NL_TRUSTS[dom]), r.choice([1, 1, 2, 3])], {"tid": tid}))
            tt += ctx.exp_gap(3 * MS)
            recs.append((tt, 12, [dom, "c000005e"], {"tid": tid}))
    return recs


def netlogon_header(ctx, ev, t, extra):
    return "%02d/%02d %s [%s] [%d] " % (MONTH, DAY_OF_MONTH, hms(t), ev.hdr["cat"], extra["tid"])


NETLOGON_HEADER_RE = r"(\d{2})/(\d{2}) (\d{2}):(\d{2}):(\d{2}) \[(?:LOGON|MISC|SESSION|CRITICAL)\] \[\d+\] "


def netlogon_ts(line, mt):
    mo, d, h, m, s = (int(x) for x in mt.groups())
    if (mo, d) != (MONTH, DAY_OF_MONTH):
        raise ValueError("wrong date")
    return ((h * 3600 + m * 60 + s) * NS, NS)


# ======================================================================
# 3. SetupAct -- Windows Setup $WINDOWS.~BT\Sources\Panther\setupact.log
#    "2026-03-14 09:12:01, Info       [0x080489] MIG    message"
#    "2026-03-14 09:12:01, Info                  SP     message"
# ======================================================================

SA_SIDS = ["System", "S-1-5-21-3623811015-3361044348-30300820-1013",
           "S-1-5-21-3623811015-3361044348-30300820-1107"]
SA_UNITS = ["Microsoft-Windows-Audio-AudioCore", "Microsoft-Windows-TCPIP-Networking",
            "Microsoft-Windows-Shell-Sounds", "Microsoft-Windows-Printing-Spooler-Core",
            "Microsoft-Windows-Wlansvc", "Microsoft-Windows-IE-InternetExplorer",
            "Microsoft-Windows-International-Core", "Microsoft-Windows-Shell-Setup",
            "Microsoft-Windows-TerminalServices-LocalSessionManager",
            "Microsoft-Windows-Bluetooth-Config", "Microsoft-Windows-RasServer-MigPlugin"]
SA_OPS = ["Apply WIM image", "Add boot entry for C:\\$WINDOWS.~BT\\NewOS",
          "Cleanup SafeOS files", "Set boot timeout to 30 seconds",
          "Copy driver package oem14.inf", "Delete temporary folder C:\\$WINDOWS.~BT\\Work",
          "Disable BitLocker protectors on C:", "Create recovery partition on disk 0"]
SA_USERS = ["mheller", "tkovacs", "a.rivera", "pnakamura"]
SA_DEVICES = [("PCI\\VEN_8086&DEV_A0F0&SUBSYS_00748086", "Intel(R) Wi-Fi 6 AX201 160MHz"),
              ("PCI\\VEN_10DE&DEV_1F99&SUBSYS_13CF1025", "NVIDIA GeForce GTX 1650"),
              ("USB\\VID_0BDA&PID_58F4&MI_00", "Integrated Webcam"),
              ("ACPI\\SYN1B7F", "Synaptics SMBus TouchPad"),
              ("HDAUDIO\\FUNC_01&VEN_10EC&DEV_0256", "Realtek(R) Audio"),
              ("PCI\\VEN_1B4B&DEV_9230&SUBSYS_92301B4B", "Marvell 92xx SATA 6G Controller")]
SA_PHASES = ["Downlevel", "SafeOS", "FirstBoot", "SecondBoot", "OOBEBoot"]


def sa_path(ctx):
    u = ctx.cyc(("sa", "user"), SA_USERS)
    tail = ctx.rng.choice(["AppData\\Local\\Temp\\~DF%s.TMP" % ctx.hexstr(4, True),
                           "AppData\\Roaming\\Microsoft\\Windows\\Recent\\%s.lnk" % ctx.hexstr(6),
                           "OneDrive\\Documents\\report_%d.xlsx" % ctx.rng.randint(100, 999),
                           "AppData\\Local\\Packages\\Microsoft.Windows.Photos_8wekyb3d8bbwe\\LocalState\\%s.db" % ctx.hexstr(8)])
    return "C:\\Users\\%s\\%s" % (u, tail)


def sa_move(ctx, t):
    name = ctx.rng.choice(["install.esd", "boot.wim", "winre.wim", "SetupHost.exe",
                           "Panther\\setupact.log", "DUDownload\\%s.cab" % ctx.hexstr(8)])
    return ["C:\\$WINDOWS.~BT\\Sources\\" + name,
            ctx.cyc(("sa", "movedst"), ["C:\\$WINDOWS.~BT\\Sources\\SafeOS\\",
                                        "C:\\Windows\\Panther\\NewOS\\",
                                        "C:\\$WINDOWS.~BT\\NewOS\\Windows\\"]) + name]


def sa_cmdline(ctx, t):
    return [ctx.cyc(("sa", "cmd"), [
        "/Install /Media /InstallFile C:\\$WINDOWS.~BT\\Sources\\install.esd /ClientID \"Setup360\" /CorrelationVector %s.2" % ctx.b64(22),
        "/Install /Package /Quiet /Quiet /NoReboot /PostReboot /ClientID \"UUP\"",
        "/Finalize /ReportId %s /PostReboot" % ctx.guid(braces=True),
        "/Cleanup /Quiet /ActionListFile C:\\$WINDOWS.~BT\\Sources\\Panther\\ActionList.xml"])]


SETUPACT_EVENTS = [
    Ev("Setting system object filter context (<*>)",
       lambda c, t: [c.cyc((1, 1), SA_SIDS)], count=22, level="Info", code="0x080489", comp="MIG"),
    Ev("Processing GATHER for migration unit: <*> (CMXEAgent)",
       lambda c, t: [c.cyc((2, 0), ["System", "User"]) + "\\" + c.rng.choice(SA_UNITS)],
       count=70, level="Info", code="0x0803e6", comp="MIG"),
    Ev("Gather started", lambda c, t: [], count=4, level="Info", code="0x080489", comp="MIG"),
    Ev("Gather ended", lambda c, t: [], count=4, level="Info", code="0x080489", comp="MIG"),
    Ev("Error <*> while gathering object <*>. Shell application requested abort!",
       lambda c, t: [c.cyc((5, 1), [3, 5, 32, 1392]), sa_path(c)],
       count=9, level="Error", code="0x080202", comp="MIG"),
    Ev("Executing operation: <*>", lambda c, t: [c.cyc((6, 1), SA_OPS)],
       count=28, level="Info", code="", comp="SP"),
    Ev("Operation completed successfully: <*>", lambda c, t: [c.cyc((7, 1), SA_OPS)],
       count=26, level="Info", code="", comp="SP"),
    Ev("Operation failed: <*>. Error: <*>",
       lambda c, t: [c.cyc((8, 1), SA_OPS),
                     c.cyc((8, 2), ["0x80070005[gle=0x00000005]", "0x80070020[gle=0x00000020]",
                                    "0x8007001F[gle=0x0000001f]"])],
       count=6, level="Error", code="", comp="SP"),
    Ev("SPMoveFileWithRetry: Moving <*> to <*>", sa_move, count=24, level="Info", code="", comp="SP"),
    Ev("Appraiser: Evaluated <*> inventory items in <*>",
       lambda c, t: [c.rng.randint(120, 2400), "%.2fs" % (c.rng.uniform(0.3, 14.0))],
       count=12, level="Info", code="", comp="CONX"),
    Ev("CompatCheck: Device <*> (<*>) is compatible",
       lambda c, t: list(c.cyc((11, 1), SA_DEVICES)), count=32, level="Info", code="", comp="CONX"),
    Ev("CompatCheck: Device <*> (<*>) is blocked, hr = <*>",
       lambda c, t: list(c.cyc((12, 1), SA_DEVICES[:4])) + [c.cyc((12, 3), ["0x80070490", "0xC1900208"])],
       count=8, level="Warning", code="", comp="CONX"),
    Ev("SetupHost::Initialize: CmdLine = [<*>]", sa_cmdline, count=5, level="Info", code="", comp="MOUPG"),
    Ev("SetupManager::ReportProgress: Phase = <*>, Progress = <*>",
       lambda c, t: [c.cyc((14, 1), SA_PHASES), c.rng.randint(0, 100)],
       count=50, level="Info", code="", comp="MOUPG"),
]


def setupact_header(ctx, ev, t, extra):
    code = ("[%s]" % ev.hdr["code"]) if ev.hdr["code"] else ""
    return "%04d-%02d-%02d %s, %-10s %-10s %-6s " % (
        YEAR, MONTH, DAY_OF_MONTH, hms(t), ev.hdr["level"], code, ev.hdr["comp"])


SETUPACT_HEADER_RE = (r"\d{4}-\d{2}-\d{2} (\d{2}):(\d{2}):(\d{2}), (?:Info|Warning|Error) +"
                      r"(?:\[0x[0-9a-f]{6}\] )? *[A-Z]+ +")


def hms_ts(line, mt):
    h, m, s = (int(x) for x in mt.groups()[:3])
    return ((h * 3600 + m * 60 + s) * NS, NS)


# ======================================================================
# 4. MsiVerbose -- msiexec /l*v log
#    "MSI (s) (A4:B8) [09:12:01:123]: message"   (server / client / "!" CA thread)
#    "Action start 09:12:01: InstallFiles."       (no MSI prefix)
# ======================================================================

MSI_ACTIONS = ["INSTALL", "AppSearch", "LaunchConditions", "FindRelatedProducts", "CostInitialize",
               "FileCost", "CostFinalize", "InstallValidate", "InstallInitialize",
               "ProcessComponents", "RemoveFiles", "InstallFiles", "WriteRegistryValues",
               "CreateShortcuts", "RegisterUser", "RegisterProduct", "PublishFeatures",
               "PublishProduct", "InstallFinalize", "ValidateProductID", "CA_SetInstallDir",
               "WixSchedInternetShortcuts", "SchedServiceConfig", "InstallServices"]
MSI_SKIPPED = ["MigrateFeatureStates", "RemoveExistingProducts", "SetODBCFolders",
               "CA_RemoveLegacyAgent", "ScheduleReboot", "RemoveShortcuts", "WixUIValidatePath"]
MSI_PROPS = [("INSTALLDIR", "C:\\Program Files\\Northwind\\Agent\\"),
             ("SourceDir", "C:\\Users\\mheller\\Downloads\\"),
             ("ProductToBeRegistered", "1"),
             ("CostingComplete", "1"),
             ("PrimaryVolumePath", "C:\\"),
             ("ROOTDRIVE", "C:\\"),
             ("ARPINSTALLLOCATION", "C:\\Program Files\\Northwind\\Agent\\"),
             ("WIX_UPGRADE_DETECTED", "{%s}" % "6F1A0C2D-4B8E-4D73-9E15-2A7C3B90D84F"),
             ("OutOfDiskSpace", "0"),
             ("CURRENTDIRECTORY", "C:\\Windows\\system32"),
             ("ProductState", "-1")]
MSI_COMPONENTS = ["cmp3F2A9C71B0E14D8A", "cmpA1B27C9E04F3D612", "C_AgentService_exe", "C_nwcore_dll",
                  "C_Shortcuts", "cmp9D04E7B2C1A8F355", "C_RegistryKeys", "C_Config_json",
                  "C_Uninstall_Shortcut", "cmp55E1B0A9D7C34F20"]
MSI_FEATURES = ["ProductFeature", "Complete", "AgentCore", "Documentation", "Tools"]
MSI_FILES = [("NWAGEN~1.EXE|nwagent.exe", "nwagent.exe"),
             ("NWCORE~1.DLL|nwcore.dll", "nwcore.dll"),
             ("libcrypto-3-x64.dll", "libcrypto-3-x64.dll"),
             ("CONFIG~1.JSO|config.default.json", "config.default.json"),
             ("NWUPDA~1.EXE|nwupdater.exe", "nwupdater.exe"),
             ("README.txt", "README.txt"),
             ("NWSHEL~1.DLL|nwshellext.dll", "nwshellext.dll")]
MSI_NOTE_2205 = ["Error", "Font", "Class", "TypeLib", "Extension", "MIME", "Verb", "ProgId",
                 "AppId", "Shortcut", "IniFile"]
MSI_NOTE_2262 = ["AdminProperties", "Error", "MsiAssembly", "Patch", "MsiPatchHeaders"]
MSI_PRODUCTS = ["Northwind Agent 4.2", "Northwind Agent 4.2 (x64) Language Pack",
                "Harbor Sync Client"]


def msi_state3(c, key):
    return [c.cyc((key, 2), ["Absent", "Local", "Absent", "Absent"]),
            c.cyc((key, 3), ["Local", "Local", "Null", "Local"]),
            c.cyc((key, 4), ["Local", "Null", "Local", "Local"])]


def msi_filecopy(c, t):
    r = c.rng
    src, dst = c.cyc((12, 1), MSI_FILES)
    h = [str(r.randint(-2 ** 31, 2 ** 31 - 1)) for _ in range(4)]
    return [src, "fil" + c.hexstr(32, True), dst, c.cyc((12, 4), [512, 16384, 8192, 512]),
            r.randint(300, 9000000)] + h


MSI_EVENTS = [
    Ev("Doing action: <*>", lambda c, t: [c.cyc((1, 1), MSI_ACTIONS)], count=30, ctx=("s", "c")),
    Ev("Action start <*>: <*>.", lambda c, t: [hms(t), c.cyc((2, 2), MSI_ACTIONS)], count=30, ctx=None),
    Ev("Action ended <*>: <*>. Return value <*>.",
       lambda c, t: [hms(t), c.cyc((3, 2), MSI_ACTIONS), c.cyc((3, 3), [1, 1, 1, 1, 0, 1, 1, 3])],
       count=30, ctx=None),
    Ev("Skipping action: <*> (condition is false)", lambda c, t: [c.cyc((4, 1), MSI_SKIPPED)],
       count=8, ctx=("s", "c")),
    Ev("PROPERTY CHANGE: Adding <*> property. Its value is '<*>'.",
       lambda c, t: list(c.cyc((5, 1), MSI_PROPS)), count=25, ctx=("s", "c")),
    Ev("PROPERTY CHANGE: Modifying <*> property. Its current value is '<*>'. Its new value: '<*>'.",
       lambda c, t: c.cyc((6, 1), [["CostingComplete", "0", "1"],
                                   ["INSTALLDIR", "C:\\Program Files\\Northwind\\", "C:\\Program Files\\Northwind\\Agent\\"],
                                   ["ProductState", "-1", "5"],
                                   ["SourceDir", "C:\\Users\\mheller\\Downloads\\", "C:\\Windows\\Installer\\$PatchCache$\\"]]),
       count=10, ctx=("s", "c")),
    Ev("PROPERTY CHANGE: Deleting <*> property. Its current value is '<*>'.",
       lambda c, t: c.cyc((7, 1), [["SECONDSEQUENCE", "1"], ["UpdateStarted", "1"],
                                   ["ROOTDRIVE", "C:\\"], ["SOURCEDIR", "C:\\Users\\tkovacs\\Desktop\\"]]),
       count=5, ctx=("s",)),
    Ev("Note: 1: 2205 2:  3: <*>", lambda c, t: [c.cyc((8, 1), MSI_NOTE_2205)], count=14, ctx=("s", "c")),
    Ev("Note: 1: 2262 2: <*> 3: -2147287038", lambda c, t: [c.cyc((9, 1), MSI_NOTE_2262)],
       count=4, ctx=("s", "c")),
    Ev("Component: <*>; Installed: <*>;   Request: <*>;   Action: <*>",
       lambda c, t: [c.cyc((10, 1), MSI_COMPONENTS)] + msi_state3(c, 10), count=60, ctx=("s",)),
    Ev("Feature: <*>; Installed: <*>;   Request: <*>;   Action: <*>",
       lambda c, t: [c.cyc((11, 1), MSI_FEATURES)] + msi_state3(c, 11), count=9, ctx=("s",)),
    Ev("Executing op: FileCopy(SourceName=<*>,SourceCabKey=<*>,DestName=<*>,Attributes=<*>,FileSize=<*>,"
       "PerTick=65536,,VerifyMedia=1,,,,,CheckCRC=0,,,InstallMode=58982400,HashOptions=0,"
       "HashPart1=<*>,HashPart2=<*>,HashPart3=<*>,HashPart4=<*>,,)", msi_filecopy, count=45, ctx=("s",)),
    Ev("Creating MSIHANDLE (<*>) of type <*> for thread <*>",
       lambda c, t: [c.rng.randint(1, 64), c.cyc((13, 2), [790542, 790541, 790531]),
                     c.cyc((13, 3), [5384, 11020, 7912])], count=12, ctx=("s!",)),
    Ev("Closing MSIHANDLE (<*>) of type <*> for thread <*>",
       lambda c, t: [c.rng.randint(1, 64), c.cyc((14, 2), [790542, 790541, 790531]),
                     c.cyc((14, 3), [5384, 11020, 7912])], count=12, ctx=("s!",)),
    Ev("Product: <*> -- Installation completed successfully.",
       lambda c, t: [c.cyc((15, 1), MSI_PRODUCTS)], count=6, ctx=("s",)),
]

MSI_PIDS = {"s": ("A4", ["B8", "3C", "B8"]), "c": ("C0", ["D4", "D4", "E8"]), "s!": ("A4", ["F0", "1C"])}


def msi_header(ctx, ev, t, extra):
    kinds = ev.hdr["ctx"]
    if kinds is None:
        return ""
    kind = ctx.cyc(("hdr", id(ev)), list(kinds))
    pid, tids = MSI_PIDS[kind]
    sep = "!" if kind.endswith("!") else ":"
    h, m, s, frac = clock(t)
    return "MSI (%s) (%s%s%s) [%02d:%02d:%02d:%03d]: " % (kind[0], pid, sep, ctx.rng.choice(tids),
                                                         h, m, s, frac // MS)


MSI_HEADER_RE = r"(?:MSI \([sc]\) \([0-9A-F]{2}[:!][0-9A-F]{2}\) \[(\d{2}):(\d{2}):(\d{2}):(\d{3})\]: )?"
MSI_ACTION_RE = re.compile(r"Action (?:start|ended) (\d{2}):(\d{2}):(\d{2}): ")


def msi_ts(line, mt):
    if mt.group(1) is not None:
        h, m, s, f = (int(x) for x in mt.groups())
        return ((h * 3600 + m * 60 + s) * NS + f * MS, MS)
    ma = MSI_ACTION_RE.match(line)
    if ma is None:
        return None
    h, m, s = (int(x) for x in ma.groups())
    return ((h * 3600 + m * 60 + s) * NS, NS)


# ======================================================================
# 5. VsCode -- main / renderer / exthost / sharedprocess logs
#    "[2026-03-14 09:12:01.123] [exthost] [info] message"
# ======================================================================

VS_EXTS = ["vscode.git", "vscode.emmet", "ms-python.python", "ms-python.vscode-pylance",
           "esbenp.prettier-vscode", "dbaeumer.vscode-eslint", "redhat.vscode-yaml",
           "ms-vscode.cpptools", "golang.go", "rust-lang.rust-analyzer",
           "vscode.typescript-language-features", "vscode.json-language-features",
           "eamodio.gitlens", "ms-azuretools.vscode-docker", "hashicorp.terraform"]
VS_ACTIVATION = [("true", "*"), ("false", "onStartupFinished"), ("false", "onLanguage:python"),
                 ("true", "workspaceContains:package.json"), ("false", "onCommand:git.clone"),
                 ("false", "onView:explorer"), ("false", "onLanguage:go"),
                 ("true", "workspaceContains:**/Cargo.toml")]
VS_MARKET = [e for e in VS_EXTS if not e.startswith("vscode.")]
VS_USERS = ["dana", "mheller", "kowusu", "r.castillo"]
VS_SETTINGS = ["java.home", "python.defaultInterpreterPath", "editor.formatOnSave",
               "yaml.schemas", "go.toolsManagement.autoUpdate", "files.exclude"]


def vs_module(c, t):
    ext = c.cyc((6, 1), VS_EXTS)
    user = c.cyc((6, 2), VS_USERS)
    if ext.startswith("vscode."):
        name = ext.split(".", 1)[1]
        if c.rng.random() < 0.5:
            return ["file:///c%%3A/Users/%s/AppData/Local/Programs/Microsoft%%20VS%%20Code/resources/app/extensions/%s/dist/main.js"
                    % (user, name)]
        return ["file:///usr/share/code/resources/app/extensions/%s/dist/main.js" % name]
    ver = "%d.%d.%d" % (c.rng.choice([0, 1, 2, 2026]), c.rng.randint(0, 40), c.rng.randint(0, 30))
    if c.rng.random() < 0.5:
        return ["file:///c%%3A/Users/%s/.vscode/extensions/%s-%s/out/extension.js" % (user, ext, ver)]
    return ["file:///home/%s/.vscode/extensions/%s-%s/dist/extension.js" % (user, ext, ver)]


VSCODE_EVENTS = [
    Ev("update#setState <*>",
       lambda c, t: [c.cyc((1, 1), ["idle", "checking for updates", "available for download",
                                    "downloading", "downloaded", "updating", "ready", "idle"])],
       count=29, proc="main", level="info"),
    Ev("update#checkForUpdates, state = <*>",
       lambda c, t: [c.cyc((2, 1), ["idle", "idle", "available for download"])],
       count=20, proc="main", level="info"),
    Ev("Extension host with pid <*> exited with code: <*>, signal: <*>.",
       lambda c, t: [c.rng.randint(2000, 48000), c.cyc((3, 2), [0, 0, 1]),
                     c.cyc((3, 3), ["unknown", "unknown", "SIGTERM"])],
       count=8, proc="main", level="info"),
    Ev("Started local extension host with pid <*>.", lambda c, t: [c.rng.randint(2000, 48000)],
       count=10, proc="renderer", level="info"),
    Ev("ExtensionService#_doActivateExtension <*>, startup: <*>, activationEvent: '<*>'",
       lambda c, t: [c.rng.choice(VS_EXTS)] + list(c.cyc((5, 2), VS_ACTIVATION)),
       count=80, proc="exthost", level="info"),
    Ev("ExtensionService#loadCommonJSModule <*>", vs_module, count=60, proc="exthost", level="info"),
    Ev("Eager extensions activated", lambda c, t: [], count=10, proc="exthost", level="info"),
    Ev("Activating extension <*> failed due to an error:", lambda c, t: [c.cyc((8, 1), VS_EXTS[4:9])],
       count=4, proc="exthost", level="error"),
    Ev("[<*>]: Cannot register '<*>'. This property is already registered.",
       lambda c, t: [c.cyc((9, 1), ["redhat.java", "ms-python.python", "golang.go", "redhat.vscode-yaml"]),
                     c.cyc((9, 2), VS_SETTINGS)],
       count=25, proc="renderer", level="warning"),
    Ev("Installing extension: <*>", lambda c, t: [c.cyc((10, 1), VS_MARKET)],
       count=12, proc="sharedprocess", level="info"),
    Ev("Extension installed successfully: <*>", lambda c, t: [c.cyc((11, 1), VS_MARKET)],
       count=10, proc="sharedprocess", level="info"),
    Ev("Extension signature verification result for <*>: <*>. Executed: <*>. Duration: <*>.",
       lambda c, t: [c.cyc((12, 1), VS_MARKET), c.cyc((12, 2), ["Success", "Success", "NotSigned"]),
                     c.cyc((12, 3), ["true", "true", "false"]), "%dms" % c.rng.randint(40, 2600)],
       count=12, proc="sharedprocess", level="info"),
    Ev("Lifecycle#window.on('closed') - window ID <*>", lambda c, t: [c.rng.randint(1, 6)],
       count=9, proc="main", level="info"),
    Ev("Extension host terminating: <*>",
       lambda c, t: [c.cyc((14, 1), ["renderer closed the MessagePort",
                                     "received terminate message from renderer"])],
       count=8, proc="exthost", level="info"),
    Ev("[UtilityProcess id: <*>, type: <*>, pid: <*>]: crashed with code <*> and reason '<*>'",
       lambda c, t: [c.rng.randint(1, 9), c.cyc((15, 2), ["fileWatcher", "extensionHost"]),
                     c.rng.randint(2000, 48000), c.cyc((15, 4), ["-1073741819", "11", "-1073741819"]),
                     c.cyc((15, 5), ["crashed", "oom", "killed"])],
       count=3, proc="main", level="error"),
]


def vscode_header(ctx, ev, t, extra):
    h, m, s, frac = clock(t)
    proc = ev.hdr["proc"]
    if proc == "renderer":
        proc = ctx.cyc(("hdr", "renderer"), ["renderer1", "renderer2", "renderer1", "renderer3"])
    return "[%04d-%02d-%02d %02d:%02d:%02d.%03d] [%s] [%s] " % (
        YEAR, MONTH, DAY_OF_MONTH, h, m, s, frac // MS, proc, ev.hdr["level"])


VSCODE_HEADER_RE = (r"\[\d{4}-\d{2}-\d{2} (\d{2}):(\d{2}):(\d{2})\.(\d{3})\] "
                    r"\[(?:main|renderer\d+|exthost|sharedprocess)\] \[(?:trace|debug|info|warning|error|critical)\] ")


def ms_ts(line, mt):
    h, m, s, f = (int(x) for x in mt.groups()[:4])
    return ((h * 3600 + m * 60 + s) * NS + f * MS, MS)


# ======================================================================
# 6. SteamContent -- Steam\logs\content_log.txt
#    "[2026-03-14 09:12:01] AppID 1843720 state changed : Fully Installed,"
# ======================================================================

STEAM_APPS = [1843720, 2381120, 974410, 1517290, 2093550, 688130, 1300960, 2216570, 431960, 1782040]
STEAM_LIBS = ["C:\\Program Files (x86)\\Steam\\steamapps\\downloading\\",
              "D:\\SteamLibrary\\steamapps\\downloading\\",
              "E:\\Games\\SteamLibrary\\steamapps\\downloading\\"]
STEAM_IFACES = [("SteamCache", 7, ["cdn12-fra.steampipe-edge.net", "cdn07-ams.steampipe-edge.net"]),
                ("CDN", 4, ["dl-eu3.contentnet.example", "dl-eu5.contentnet.example"]),
                ("LANCache", 9, ["lancache.harbor.lan"])]

STEAM_EVENTS = [
    Ev("AppID <*> state changed : <*>"),
    Ev("AppID <*> scheduler update : <*>"),
    Ev("AppID <*> update started : download <*>, store <*>, reuse <*>, delta <*>, stage <*>"),
    Ev("Got <*> download sources and <*> caching proxies via "
       "ContentServerDirectoryService::BYieldingGetServersForSteamPipe (CellID <*> / Launcher 7)"),
    Ev("Created download interface of type '<*>' (<*>) to host <*>"),
    Ev("Depot <*> - starting manifest <*> download from CDN"),
    Ev("Depot <*> - received manifest <*> (<*>, <*>)"),
    Ev("AppID <*> update changed : <*>"),
    Ev("HTTP (<*>) - <*> (<*>, host: <*>): Received <*> HTTP response for depot <*>"),
    Ev('Depot download complete : "<*>" (<*>)'),
    Ev("AppID <*> finished update (BuildID <*> => <*>)"),
    Ev("AppID <*> update canceled : <*> (download <*>, store <*>, reuse <*>, delta <*>, stage <*>)"),
    Ev("AppID <*> scheduler finished : removed from schedule (result <*>, state <*>)"),
    Ev("Increasing target number of download connections to <*> (rate was <*>)"),
    Ev("Decreasing target number of download connections to <*> (rate was <*>)"),
]


def steam_size(nbytes):
    if nbytes >= 1024 ** 3:
        return "%.1f GB" % (nbytes / 1024 ** 3)
    if nbytes >= 1024 ** 2:
        return "%d MB" % (nbytes // 1024 ** 2)
    return "%d KB" % max(1, nbytes // 1024)


def steam_sim(ctx):
    """Entities: app updates.  Each app update has its own clock; queued
    apps overlap with the running ones."""
    r = ctx.rng
    recs = []
    t = 19 * HOUR + 6 * 60 * NS + r.randrange(NS)
    busy_until = 0          # the content scheduler runs one update at a time
    for _ in range(40):
        t += ctx.exp_gap(80 * NS)
        app = ctx.cyc("app", STEAM_APPS)
        depots = [app + i for i in range(1, r.choice([2, 2, 3, 4]))]
        build = r.randint(11000000, 19000000)
        tt = t

        def emit(ev, vals, gap_ns):
            nonlocal tt
            tt += ctx.exp_gap(gap_ns)
            recs.append((tt, ev, vals, {}))

        validate = r.random() < 0.2
        emit(1, [app, "Update Required,Update Queued," if not validate else "Fully Installed,Update Queued,"], MS)
        # queued until the scheduler is free
        tt = max(tt, busy_until)
        emit(2, [app, "Update Required,Update Running,Update Started," if not validate
                 else "Fully Installed,Update Running,Update Started,Validating,"], 3 * NS)
        emit(4, [r.randint(8, 40), r.choice([0, 0, 1, 2]), ctx.cyc("cell", [52, 118, 15])], 400 * MS)
        for _i in range(r.choice([1, 1, 2])):
            typ, num, hosts = ctx.cyc("iface", STEAM_IFACES)
            emit(5, [typ, num, r.choice(hosts)], 80 * MS)
        total = int(math.exp(r.uniform(math.log(30 * 1024 ** 2), math.log(14 * 1024 ** 3))))
        store = int(total * r.uniform(1.0, 1.6))
        reuse = 0 if r.random() < 0.5 else r.randint(1, store // 3)
        delta = 0 if r.random() < 0.6 else r.randint(1, total // 4)
        stage = 0 if r.random() < 0.5 else r.randint(1, total // 2)
        emit(3, [app, "0/%d" % total, "0/%d" % store, "0/%d" % reuse, "0/%d" % delta, "0/%d" % stage],
             300 * MS)
        emit(8, [app, "Running Update,Reconfiguring,"], 40 * MS)
        for d in depots:
            man = r.randint(10 ** 17, 9 * 10 ** 18)
            emit(6, [d, man], 30 * MS)
            emit(7, [d, man, steam_size(r.randint(20 * 1024, 6 * 1024 ** 2)), "%d ms" % r.randint(20, 900)],
                 250 * MS)
        if total > 1024 ** 3:
            emit(8, [app, "Running Update,Preallocating,"], 150 * MS)
        emit(8, [app, "Running Update,Downloading,"], 200 * MS)
        # download time follows the size: 20-110 MB/s
        dl_ns = int(total / (r.uniform(20, 110) * 1024 ** 2) * NS)
        conns = r.choice([8, 10, 12])
        n_adj = r.choice([0, 1, 1, 2, 3])
        for _i in range(n_adj):
            if r.random() < 0.82:
                conns += r.choice([2, 4])
                emit(14, [conns, "%.1f Mbps" % r.uniform(20, 480)], dl_ns // (2 * n_adj + 2))
            else:
                conns = max(4, conns - r.choice([2, 4]))
                emit(15, [conns, "%.1f Mbps" % r.uniform(2, 60)], dl_ns // (2 * n_adj + 2))
        if r.random() < 0.3:
            typ, num, hosts = STEAM_IFACES[r.choice([0, 1])]
            host = r.choice(hosts)
            ip = "%d.%d.%d.%d:%d" % (r.choice([45, 185, 203]), r.randint(0, 255), r.randint(0, 255),
                                     r.randint(1, 254), r.choice([80, 443]))
            emit(9, ["%s,%d" % (typ, r.randint(1, 40)), host, ip, host,
                     ctx.cyc("http", ["503 (Service Unavailable)", "404 (Not Found)", "0 (Invalid)"]),
                     r.choice(depots)], 10 * NS)
        if r.random() < 0.25:
            done = r.randint(0, total)
            emit(12, [app, ctx.cyc("cancel", ["Suspended", "Shutdown", "Disk write failure"]),
                      "%d/%d" % (done, total), "%d/%d" % (done // 2, store), "0/%d" % reuse,
                      "0/%d" % delta, "0/%d" % stage], dl_ns // 3)
            emit(13, [app, ctx.cyc("sres", ["Suspended", "Disk Write Failure"]),
                      ctx.cyc("sstate", ["0x406", "0x606"])], 50 * MS)
            emit(1, [app, "Update Required,Update Paused,"], 20 * MS)
            busy_until = tt
            continue
        emit(8, [app, "Running Update,Downloading,Staging,"], dl_ns // 2)
        emit(10, [r.choice(STEAM_LIBS) + str(app), steam_size(total)], dl_ns // 4 + NS)
        emit(8, [app, "Running Update,Staging,"], 300 * MS)
        if r.random() < 0.5:
            emit(8, [app, "Running Update,Verifying Install,"], 6 * NS)
        emit(8, [app, "Running Update,Committing,"], 4 * NS)
        emit(11, [app, build, build + r.randint(1, 90000)], 500 * MS)
        emit(1, [app, "Fully Installed,"], 20 * MS)
        emit(13, [app, "No Error", ctx.cyc("okstate", ["0x4", "0x4", "0x204"])], 10 * MS)
        busy_until = tt
    return recs


def steam_header(ctx, ev, t, extra):
    return "[%04d-%02d-%02d %s] " % (YEAR, MONTH, DAY_OF_MONTH, hms(t))


STEAM_HEADER_RE = r"\[\d{4}-\d{2}-\d{2} (\d{2}):(\d{2}):(\d{2})\] "


# ======================================================================
# systems, writing and self-check
# ======================================================================

SYSTEMS = [
    # name, k, events, header fn, header regex, ts fn, shuffle start / mean gap or simulation fn
    dict(name="WindowsUpdate", k=1, events=WU_EVENTS, header=wu_header, header_re=WU_HEADER_RE,
         ts=wu_ts, start=9 * HOUR + 12 * 60 * NS, gap=1700 * MS),
    dict(name="Netlogon", k=2, events=NETLOGON_EVENTS, header=netlogon_header,
         header_re=NETLOGON_HEADER_RE, ts=netlogon_ts, sim=netlogon_sim),
    dict(name="SetupAct", k=3, events=SETUPACT_EVENTS, header=setupact_header,
         header_re=SETUPACT_HEADER_RE, ts=hms_ts, start=14 * HOUR + 3 * 60 * NS, gap=2300 * MS),
    dict(name="MsiVerbose", k=4, events=MSI_EVENTS, header=msi_header, header_re=MSI_HEADER_RE,
         ts=msi_ts, start=11 * HOUR + 47 * 60 * NS, gap=140 * MS),
    dict(name="VsCode", k=5, events=VSCODE_EVENTS, header=vscode_header, header_re=VSCODE_HEADER_RE,
         ts=ms_ts, start=16 * HOUR + 20 * 60 * NS, gap=3100 * MS),
    dict(name="SteamContent", k=6, events=STEAM_EVENTS, header=steam_header,
         header_re=STEAM_HEADER_RE, ts=hms_ts, sim=steam_sim),
]


def build(system):
    ctx = Ctx(system["k"])
    events = system["events"]
    recs = []   # (t, event index 0-based, values, header extra)
    if "sim" in system:
        raw = system["sim"](ctx)
        raw = [(t, ev - 1, vals, extra, i) for i, (t, ev, vals, extra) in enumerate(raw)]
        raw.sort(key=lambda x: (x[0], x[4]))
        recs = [(t, ev, vals, extra) for t, ev, vals, extra, _ in raw[:N_LINES]]
        if len(recs) != N_LINES:
            raise SystemExit("%s: simulation produced only %d lines" % (system["name"], len(recs)))
    else:
        order = [i for i, e in enumerate(events) for _ in range(e.count)]
        if len(order) != N_LINES:
            raise SystemExit("%s: counts sum to %d" % (system["name"], len(order)))
        ctx.rng.shuffle(order)
        t = system["start"] + ctx.rng.randrange(60 * NS)
        for i in order:
            t += ctx.exp_gap(system["gap"])
            recs.append((t, i, events[i].gen(ctx, t), {}))
    lines, rows = [], []
    for n, (t, i, vals, extra) in enumerate(recs, 1):
        ev = events[i]
        content = fill(ev.template, vals)
        header = system["header"](ctx, ev, t, extra)
        lines.append(header + content)
        rows.append([n, content, "E%d" % (i + 1), ev.template])
    return lines, rows


def write(system, lines, rows):
    d = os.path.join(OUT_DIR, system["name"])
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, system["name"] + ".log"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(d, system["name"] + ".log_structured.csv"), "w", encoding="utf-8",
              newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


def template_regex(template):
    return re.compile("(.+?)".join(re.escape(p) for p in template.split("<*>")), re.S)


def check(system):
    """Re-read both files from disk and verify every rule. Returns a summary."""
    name = system["name"]
    d = os.path.join(OUT_DIR, name)
    errors = []

    def err(msg):
        errors.append("%s: %s" % (name, msg))

    with open(os.path.join(d, name + ".log"), "rb") as f:
        raw_log = f.read()
    with open(os.path.join(d, name + ".log_structured.csv"), "rb") as f:
        raw_csv = f.read()
    for label, raw in (("log", raw_log), ("csv", raw_csv)):
        if not raw.endswith(b"\n"):
            err("%s does not end with \\n" % label)
        if b"\r" in raw:
            err("%s contains \\r" % label)
    lines = raw_log.decode("utf-8").split("\n")[:-1]
    if len(lines) != N_LINES:
        err("log has %d lines" % len(lines))
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    if not table or table[0] != ["LineId", "Content", "EventId", "EventTemplate"]:
        err("bad csv header %r" % (table[:1],))
    body = table[1:]
    if len(body) != N_LINES:
        err("csv has %d rows" % len(body))
    header_re = re.compile(system["header_re"])
    declared = ["E%d" % (i + 1) for i in range(len(system["events"]))]
    declared_tpl = {"E%d" % (i + 1): e.template for i, e in enumerate(system["events"])}
    if len(set(declared_tpl.values())) != len(declared_tpl):
        err("declared templates are not distinct")
    tpl_of, captures, counts = {}, {}, {}
    prev = None
    for n, row in enumerate(body, 1):
        if len(row) != 4:
            err("row %d has %d columns" % (n, len(row)))
            continue
        lid, content, eid, tpl = row
        if lid != str(n):
            err("row %d has LineId %s" % (n, lid))
        if not content or content != content.strip():
            err("row %d content empty or not stripped" % n)
        if "\n" in content:
            err("row %d content has a newline" % n)
        line = lines[n - 1] if n <= len(lines) else ""
        if not line.endswith(content):
            err("line %d does not end with its content" % n)
            continue
        header = line[:len(line) - len(content)]
        mt = header_re.fullmatch(header)
        if mt is None:
            err("line %d header %r does not match" % (n, header))
            continue
        ts = system["ts"](line, mt)
        if ts is not None:
            if prev is not None:
                res = max(ts[1], prev[1])
                if ts[0] // res < prev[0] // res:
                    err("line %d timestamp goes back" % n)
            prev = ts
        if not re.fullmatch(r"E\d+", eid) or eid not in declared_tpl:
            err("row %d bad EventId %s" % (n, eid))
            continue
        if tpl != declared_tpl[eid]:
            err("row %d template differs from the declared one" % n)
        tpl_of.setdefault(eid, set()).add(tpl)
        m = template_regex(tpl).fullmatch(content)
        if m is None:
            err("row %d content does not match its template" % n)
            continue
        counts[eid] = counts.get(eid, 0) + 1
        for j, g in enumerate(m.groups()):
            captures.setdefault((eid, j), set()).add(g)
    for eid, tpls in tpl_of.items():
        if len(tpls) != 1:
            err("%s has %d templates" % (eid, len(tpls)))
    all_tpls = [next(iter(v)) for v in tpl_of.values()]
    if len(set(all_tpls)) != len(all_tpls):
        err("two EventIds share a template")
    unused = [e for e in declared if e not in counts]
    if unused:
        err("declared events unused: %s" % unused)
    for eid in declared:
        nslots = declared_tpl[eid].count("<*>")
        for j in range(nslots):
            if len(captures.get((eid, j), ())) < 2:
                err("%s slot %d captures fewer than 2 distinct values" % (eid, j + 1))
    c = [counts.get(e, 0) for e in declared]
    if not 12 <= len(declared) <= 15:
        err("%d event types" % len(declared))
    if min(c) < 3:
        err("an event has fewer than 3 lines: %s" % c)
    if sum(1 for x in c if 3 <= x <= 10) < 3:
        err("fewer than 3 events with 3-10 lines: %s" % c)
    med = statistics.median(c)
    if max(c) < 3 * med:
        err("largest %d < 3 x median %s" % (max(c), med))
    kind = "simulation" if "sim" in system else "shuffle"
    summary = "%-13s %-10s events=%2d lines=%d counts=%s median=%s max=%d" % (
        name, kind, len(declared), len(lines), c, med, max(c))
    return summary, errors


def main():
    all_errors = []
    summaries = []
    for system in SYSTEMS:
        lines, rows = build(system)
        for ln in lines:
            if "\n" in ln or "\r" in ln:
                raise SystemExit("%s: embedded newline" % system["name"])
        write(system, lines, rows)
    for system in SYSTEMS:
        summary, errors = check(system)
        summaries.append(summary)
        all_errors.extend(errors)
    for s in summaries:
        print(s)
    if all_errors:
        print("SELF-CHECK FAILED (%d problems)" % len(all_errors))
        for e in all_errors[:60]:
            print("  " + e)
        sys.exit(1)
    print("SELF-CHECK PASSED: %d systems x %d lines" % (len(SYSTEMS), N_LINES))


if __name__ == "__main__":
    main()
