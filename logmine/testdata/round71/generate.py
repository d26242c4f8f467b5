#!/usr/bin/env python3
"""Round 71 blind labelled log corpus generator.

Python 3 standard library only.  Fully deterministic: no wall clock, no locale.
Base seed 20270197; system k (1..6) uses random.Random(20270197 * 10 + k).
All timestamps come from an integer nanosecond clock on 2026-03-14 UTC.

Running it writes <System>/<System>.log and <System>/<System>.log_structured.csv
for six systems and then re-reads and self-checks every file.
"""
import calendar
import collections
import csv
import os
import random
import re
import statistics
import sys

BASE_SEED = 20270197
N_LINES = 300
OUT = os.path.dirname(os.path.abspath(__file__))

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
SEC = 10 ** 9
MS = 10 ** 6
DAY0_NS = calendar.timegm((2026, 3, 14, 0, 0, 0)) * SEC   # 2026-03-14 00:00:00 UTC
DAY_NS = 86400 * SEC


def at(h, m, s):
    return DAY0_NS + (h * 3600 + m * 60 + s) * SEC


def S(x):
    """seconds (float) -> integer nanoseconds"""
    return int(round(x * SEC))


def M(x):
    """milliseconds (float) -> integer nanoseconds"""
    return int(round(x * MS))


def clock(ns):
    off = ns - DAY0_NS
    if not 0 <= off < DAY_NS:
        raise ValueError("timestamp left 2026-03-14 UTC")
    s = off // SEC
    return s // 3600, (s // 60) % 60, s % 60, (off % SEC) // MS


class Pools:
    """Small value pools cycle per (event, slot) key, so each slot sees every value."""

    def __init__(self):
        self.c = collections.Counter()

    def cyc(self, key, pool):
        i = self.c[key]
        self.c[key] += 1
        return pool[i % len(pool)]


def fill(template, vals):
    parts = template.split("<*>")
    if len(parts) - 1 != len(vals):
        raise ValueError("slot count mismatch for %r: %r" % (template, vals))
    out = [parts[0]]
    for v, p in zip(vals, parts[1:]):
        out.append(str(v))
        out.append(p)
    return "".join(out)


def mac_hex(rng, oui, upper=True):
    b = oui + ":" + ":".join("%02x" % rng.randrange(256) for _ in range(3))
    return b.upper() if upper else b.lower()


def mac_arp(rng, oui_bytes=None):
    """arpwatch prints MACs with %x per byte: no leading zeros."""
    bs = list(oui_bytes) if oui_bytes else [rng.randrange(256) & 0xFE for _ in range(1)] + \
        [rng.randrange(256) for _ in range(2)]
    bs = bs + [rng.randrange(256) for _ in range(6 - len(bs))]
    return ":".join("%x" % b for b in bs)


SYSTEMS = []


def system(name, k, kind, events, header_fn, header_re, build):
    SYSTEMS.append(dict(name=name, k=k, kind=kind, events=events,
                        header_fn=header_fn, header_re=header_re, build=build))


def shuffle_records(rng, counts, start_ns, mean_gap_s, make):
    """Seeded shuffle: fixed count per event, shuffled, forward-only clock with exponential gaps."""
    seq = [key for key, n in counts for _ in range(n)]
    rng.shuffle(seq)
    t = start_ns
    recs = []
    for key in seq:
        t += M(rng.randint(1, 40)) + S(rng.expovariate(1.0 / mean_gap_s))
        hdr, vals = make(key, t)
        recs.append((t, key, hdr, vals))
    return recs


# ---------------------------------------------------------------------------
# 1. Kismet  (simulation: data sources, access points, client devices)
# ---------------------------------------------------------------------------
KISMET_EVENTS = [
    ("ap_new", "INFO", "Detected new 802.11 Wi-Fi access point <*>"),
    ("ssid_adv", "INFO", "802.11 Wi-Fi device <*> advertising SSID '<*>'"),
    ("ssid_resp", "INFO", "802.11 Wi-Fi device <*> responding for SSID '<*>'"),
    ("cl_new", "INFO", "Detected new 802.11 Wi-Fi device <*>"),
    ("probe", "INFO", "802.11 Wi-Fi device <*> probing for SSID '<*>'"),
    ("br_new", "INFO", "Detected new 802.11 Wi-Fi bridged device <*>"),
    ("src_ok", "INFO", "Data source '<*>' (<*>) launched successfully"),
    ("src_hop", "INFO", "Data source '<*>' (<*>) channel hopping across <*> channels at <*>/sec"),
    ("src_err", "ERROR", "Data source '<*>' (<*>) encountered an error: <*>"),
    ("src_retry", "ERROR", "Will attempt to re-open data source '<*>' in 5 seconds"),
    ("a_deauth", "ALERT", "DEAUTHFLOOD IEEE80211 Access Point BSSID <*> sending excessive "
                          "deauthentication/disassociation frames to <*>, possible denial of service"),
    ("a_chan", "ALERT", "CHANCHANGE IEEE80211 Access Point BSSID <*> SSID \"<*>\" changed advertised "
                        "channel from <*> to <*>, which may indicate AP spoofing/impersonation"),
    ("a_bss", "ALERT", "BSSTIMESTAMP Out-of-sequence BSS timestamp on <*> - got <*>, expected <*> - "
                       "this could indicate AP spoofing"),
]
KIS_OUIS = ["00:1A:2B", "3C:84:6A", "F4:F2:6D", "B8:27:EB", "DC:A6:32", "70:4F:57",
            "A4:2B:B0", "C8:3A:35", "E0:63:DA", "18:E8:29", "5C:CF:7F", "90:9A:4A"]
KIS_SSIDS = ["HomeNet-5G", "Cafe Lumen Guest", "DIRECT-7F-HP OfficeJet 8020", "linksys",
             "NETGEAR42", "eduroam", "FRITZ!Box 7590 QX", "TP-Link_A3F0", "Vestry Hall WiFi",
             "Pretty Fly for a WiFi", "AndroidAP_4471", "ORBI61", "Telekom_FON", "bakery-pos"]
KIS_HIDDEN = ["corp-iot", "wh-scanners", "CAM_NET_02", "lab-mgmt"]
KIS_PROBES = ["eduroam", "Starbucks WiFi", "Hotel_Grand_Guest", "iPhone of Mara", "xfinitywifi",
              "HomeNet-5G", "Airport_Free_WiFi", "ZiggoNext", "linksys", "BTWi-fi", "NETGEAR42"]
KIS_ERRS = ["Interface '{i}' no longer exists",
            "failed to set channel {c}: Device or resource busy",
            "pcap reported an error: The interface went down",
            "capture process exited unexpectedly (signal 9)",
            "no packets received in 30 seconds, the interface may have stopped capturing"]
KIS_CH24 = [1, 6, 11, 3, 9]
KIS_CH5 = [36, 44, 100, 149, 157]


def kismet_header(t, meta, hdr):
    h, m, s, _ = clock(t)
    return "%s %02d %04d %02d:%02d:%02d %s: " % (MONTHS[2], 14, 2026, h, m, s, meta)


KISMET_HEADER_RE = r"(?P<ts>[A-Z][a-z]{2} \d\d \d{4} \d\d:\d\d:\d\d) (?:INFO|ERROR|ALERT|DEBUG|LOCAL|FATAL): "


def build_kismet(rng, P):
    R = []
    T0 = at(7, 41, 12) + rng.randrange(SEC)
    sources = [("wlan0", "wlan0mon", 14, 5), ("wlan1", "wlan1mon", 25, 5),
               ("alfa-5g", "wlx00c0ca9a1b2c", 39, 3)]

    def launch(t, src):
        name, iface, nch, rate = src
        R.append((t, "src_ok", {}, (name, iface)))
        R.append((t + M(rng.randint(4, 60)), "src_hop", {}, (name, iface, nch, rate)))

    t = T0
    for src in sources:
        t += M(rng.randint(300, 1600))
        launch(t, src)
    # source failures: error, retry notice, relaunch 5 s later
    te = T0
    for _ in range(6):
        te += S(rng.expovariate(1 / 240.0)) + S(30)
        src = P.cyc("kis.errsrc", [sources[1], sources[2], sources[0], sources[2]])
        name, iface = src[0], src[1]
        msg = P.cyc("kis.err", KIS_ERRS).format(i=iface, c=rng.choice(KIS_CH24 + KIS_CH5))
        R.append((te, "src_err", {}, (name, iface, msg)))
        R.append((te + M(rng.randint(1, 6)), "src_retry", {}, (name,)))
        launch(te + S(5) + M(rng.randint(20, 900)), src)

    # access points
    aps = []
    ta = T0 + S(2)
    for _ in range(160):
        ta += S(rng.expovariate(1 / 30.0))
        bssid = mac_hex(rng, P.cyc("kis.ap.oui", KIS_OUIS))
        hidden = rng.random() < 0.15
        R.append((ta, "ap_new", {}, (bssid,)))
        ssid = P.cyc("kis.ap.hidden", KIS_HIDDEN) if hidden else P.cyc("kis.ap.ssid", KIS_SSIDS)
        if hidden:
            R.append((ta + S(rng.expovariate(1 / 90.0)), "ssid_resp", {}, (bssid, ssid)))
        else:
            R.append((ta + M(rng.randint(30, 1100)), "ssid_adv", {}, (bssid, ssid)))
            if rng.random() < 0.2:
                R.append((ta + S(rng.uniform(2, 40)), "ssid_adv", {},
                          (bssid, P.cyc("kis.ap.ssid2", KIS_SSIDS[::-1]))))
        aps.append((ta, bssid, ssid))
        if rng.random() < 0.1:
            chans = P.cyc("kis.chan", [KIS_CH24, KIS_CH5])
            a, b = rng.sample(chans, 2)
            R.append((ta + S(rng.expovariate(1 / 400.0)) + S(30), "a_chan", {}, (bssid, ssid, a, b)))
        if rng.random() < 0.07:
            got = rng.randrange(1 << 36, 1 << 40)
            R.append((ta + S(rng.expovariate(1 / 300.0)) + S(10), "a_bss", {},
                      (bssid, "%016x" % got, "%016x" % (got + rng.randrange(1000, 900000)))))
    # client devices
    tc = T0 + S(4)
    for _ in range(200):
        tc += S(rng.expovariate(1 / 24.0))
        mac = mac_hex(rng, P.cyc("kis.cl.oui", KIS_OUIS[::-1]))
        R.append((tc, "cl_new", {}, (mac,)))
        tp = tc
        for _ in range(rng.choice([0, 1, 1, 1, 2, 3])):
            tp += S(rng.expovariate(1 / 25.0)) + M(80)
            R.append((tp, "probe", {}, (mac, P.cyc("kis.probe", KIS_PROBES))))
        if rng.random() < 0.09:
            seen = [a for a in aps if a[0] < tc] or aps[:1]
            bssid = rng.choice(seen[-8:])[1]
            target = P.cyc("kis.deauth.tgt", [mac, "FF:FF:FF:FF:FF:FF"])
            R.append((tc + S(rng.uniform(5, 120)), "a_deauth", {}, (bssid, target)))
    # wired devices seen bridged through access points
    tb = T0 + S(60)
    for _ in range(30):
        tb += S(rng.expovariate(1 / 420.0))
        R.append((tb, "br_new", {}, (mac_hex(rng, P.cyc("kis.br.oui", ["00:1B:21", "00:50:56", "AC:1F:6B"])),)))
    return R


system("Kismet", 1, "simulation", KISMET_EVENTS, kismet_header, KISMET_HEADER_RE, build_kismet)


# ---------------------------------------------------------------------------
# 2. Arpwatch  (seeded shuffle)
# ---------------------------------------------------------------------------
ARPWATCH_EVENTS = [
    ("new_station", None, "new station <*> <*> <*>"),
    ("new_activity", None, "new activity <*> <*> <*>"),
    ("changed", None, "changed ethernet address <*> <*> (<*>) <*>"),
    ("flipflop", None, "flip flop <*> <*> (<*>) <*>"),
    ("reused", None, "reused old ethernet address <*> <*> (<*>) <*>"),
    ("bogon", None, "bogon <*> <*> <*>"),
    ("ebcast", None, "ethernet broadcast <*> <*> <*>"),
    ("emismatch", None, "ethernet mismatch <*> <*> (<*>) <*>"),
    ("decnet", None, "suppressed DECnet flip flop <*> <*> (<*>) <*>"),
    ("listening", None, "listening on <*>"),
    ("short", None, "short (want 42)"),
    ("execl", None, "execl: <*>: <*>"),
    ("exiting", None, "exiting"),
]
ARPWATCH_COUNTS = {"new_station": 112, "new_activity": 45, "changed": 25, "flipflop": 35,
                   "reused": 8, "bogon": 20, "ebcast": 12, "emismatch": 15, "decnet": 4,
                   "listening": 6, "short": 5, "execl": 9, "exiting": 4}
ARP_IFACES = [("eth0", "gw-hq1", "192.168.10.", 2, 254), ("eth1", "gw-hq1", "10.44.8.", 2, 250),
              ("br0", "edge-r7", "172.16.30.", 10, 200)]
ARP_OUIS = [(0x0, 0x1b, 0x21), (0x0, 0xc, 0x29), (0xb8, 0x27, 0xeb), (0x3c, 0x7, 0x54),
            (0xf0, 0x9f, 0xc2), (0x0, 0x15, 0x5d), (0x8, 0x0, 0x27), (0xdc, 0xa6, 0x32)]
ARP_BOGONS = ["169.254.", "0.0.0.", "10.99.", "192.168.1."]


def arpwatch_header(t, meta, hdr):
    h, m, s, _ = clock(t)
    return "%s %2d %02d:%02d:%02d %s arpwatch: " % (MONTHS[2], 14, h, m, s, hdr["host"])


ARPWATCH_HEADER_RE = r"(?P<ts>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) [\w.-]+ arpwatch: "


def build_arpwatch(rng, P):
    def mac(key):
        return mac_arp(rng, P.cyc(key, ARP_OUIS))

    def make(key, t):
        iface, host, net, lo, hi = P.cyc(("arp.if", key), ARP_IFACES)
        ip = net + str(rng.randint(lo, hi))
        hdr = {"host": host}
        if key in ("new_station", "new_activity"):
            return hdr, (ip, mac((key, 2)), iface)
        if key in ("changed", "flipflop", "reused", "emismatch"):
            return hdr, (ip, mac((key, 2)), mac((key, 3)), iface)
        if key == "decnet":
            a = "aa:0:4:0:%x:%x" % (rng.randrange(256), rng.randrange(4, 64))
            return hdr, (ip, a, mac((key, 3)), iface)
        if key == "bogon":
            b = P.cyc("arp.bogon", ARP_BOGONS)
            ip = b + ".".join(str(rng.randint(1, 254)) for _ in range(4 - b.count(".")))
            return hdr, (ip, mac((key, 2)), iface)
        if key == "ebcast":
            return hdr, (ip, P.cyc("arp.bcast", ["ff:ff:ff:ff:ff:ff", "0:0:0:0:0:0"]), iface)
        if key == "listening":
            return hdr, (iface,)
        if key == "execl":
            return hdr, (P.cyc("arp.mta", ["/usr/sbin/sendmail", "/usr/lib/sendmail"]),
                         P.cyc("arp.mtaerr", ["No such file or directory", "Permission denied",
                                              "No such file or directory"]))
        return hdr, ()

    counts = [(k, ARPWATCH_COUNTS[k]) for k, _, _ in ARPWATCH_EVENTS]
    return shuffle_records(rng, counts, at(5, 12, 40), 70.0, make)


system("Arpwatch", 2, "shuffle", ARPWATCH_EVENTS, arpwatch_header, ARPWATCH_HEADER_RE, build_arpwatch)


# ---------------------------------------------------------------------------
# 3. P0f  (simulation: TCP connections observed by p0f -o)
# ---------------------------------------------------------------------------
P0F_EVENTS = [
    ("syn", None, "mod=syn|cli=<*>|srv=<*>|subj=cli|os=<*>|dist=<*>|params=<*>|raw_sig=<*>"),
    ("synack", None, "mod=syn+ack|cli=<*>|srv=<*>|subj=srv|os=<*>|dist=<*>|params=<*>|raw_sig=<*>"),
    ("mtu_cli", None, "mod=mtu|cli=<*>|srv=<*>|subj=cli|link=<*>|raw_mtu=<*>"),
    ("mtu_srv", None, "mod=mtu|cli=<*>|srv=<*>|subj=srv|link=<*>|raw_mtu=<*>"),
    ("up_cli", None, "mod=uptime|cli=<*>|srv=<*>|subj=cli|uptime=<*> days <*> hrs <*> min "
                     "(modulo <*> days)|raw_freq=<*> Hz"),
    ("up_srv", None, "mod=uptime|cli=<*>|srv=<*>|subj=srv|uptime=<*> days <*> hrs <*> min "
                     "(modulo <*> days)|raw_freq=<*> Hz"),
    ("http_req", None, "mod=http request|cli=<*>|srv=<*>|subj=cli|app=<*>|lang=<*>|params=<*>|raw_sig=<*>"),
    ("http_resp", None, "mod=http response|cli=<*>|srv=<*>|subj=srv|app=<*>|lang=none|params=<*>|raw_sig=<*>"),
    ("hc_cli", None, "mod=host change|cli=<*>|srv=<*>|subj=cli|reason=<*>|raw_hits=<*>"),
    ("hc_srv", None, "mod=host change|cli=<*>|srv=<*>|subj=srv|reason=<*>|raw_hits=<*>"),
    ("ips_cli", None, "mod=ip sharing|cli=<*>|srv=<*>|subj=cli|reason=<*>|raw_hits=<*>"),
    ("ips_srv", None, "mod=ip sharing|cli=<*>|srv=<*>|subj=srv|reason=<*>|raw_hits=<*>"),
]
P0F_CLI_OS = [
    ("Linux 3.11 and newer", "{ttl}+{d}:0:{mss}:mss*20,7:mss,sok,ts,nop,ws:df,id+:0", 64),
    ("Windows 7 or 8", "{ttl}+{d}:0:{mss}:8192,8:mss,nop,ws,nop,nop,sok:df,id+:0", 128),
    ("Mac OS X", "{ttl}+{d}:0:{mss}:65535,6:mss,nop,ws,nop,nop,ts,sok,eol+1:df,id+:0", 64),
    ("Windows NT kernel", "{ttl}+{d}:0:{mss}:64240,8:mss,nop,ws,nop,nop,sok:df,id+:0", 128),
    ("Linux 2.2.x-3.x", "{ttl}+{d}:0:{mss}:mss*4,7:mss,sok,ts,nop,ws:df,id+:0", 64),
    ("???", "{ttl}+{d}:0:{mss}:29200,9:mss,sok,ts,nop,ws:df,id+,ts1-:0", 64),
    ("FreeBSD 9.x or newer", "{ttl}+{d}:0:{mss}:65535,6:mss,nop,ws,sok,ts:df,id+:0", 64),
]
P0F_SRV_OS = [
    ("Linux 3.x", "{ttl}+{d}:0:{mss}:mss*10,7:mss,sok,ts,nop,ws:df:0", 64),
    ("???", "{ttl}+{d}:0:{mss}:65160,7:mss,sok,ts,nop,ws:df:0", 64),
    ("FreeBSD 9.x or newer", "{ttl}+{d}:0:{mss}:65535,6:mss,nop,ws,sok,ts:df,id+:0", 64),
    ("Windows 7 or 8", "{ttl}+{d}:0:{mss}:8192,8:mss,nop,ws,sok,ts:df,id+:0", 128),
]
P0F_SYN_PARAMS = ["none", "none", "generic", "tos:0x08", "none", "generic tos:0x20"]
P0F_MTU = {1460: ("Ethernet or modem", 1500), 1452: ("DSL", 1492), 1360: ("generic tunnel or VPN", 1400),
           1420: ("IPIP or SIT", 1460), 1380: ("IPSec or GRE", 1420)}
P0F_MSS = [1460, 1460, 1452, 1360, 1460, 1420, 1380]
P0F_UA = {
    "Linux 3.11 and newer": ("Firefox 10.x or newer",
                             "Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0"),
    "Windows 7 or 8": ("Chrome 11.x or newer",
                       "Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                       "Chrome/109.0.0.0 Safari/537.36"),
    "Mac OS X": ("Safari 5.1-6",
                 "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                 "Version/17.3 Safari/605.1.15"),
    "Windows NT kernel": ("Firefox 10.x or newer",
                          "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:123.0) Gecko/20100101 Firefox/123.0"),
    "Linux 2.2.x-3.x": ("???", "Wget/1.21.3"),
    "???": ("???", "curl/8.5.0"),
    "FreeBSD 9.x or newer": ("Firefox 10.x or newer",
                             "Mozilla/5.0 (X11; FreeBSD amd64; rv:115.0) Gecko/20100101 Firefox/115.0"),
}
P0F_LANG = [("English", "en-US,en;q=0.5"), ("none", None), ("German", "de-DE,de;q=0.9,en;q=0.4"),
            ("English", "en-GB,en;q=0.8"), ("Polish", "pl,en-US;q=0.7,en;q=0.3"), ("none", None)]
P0F_SERVERS = [("93.184.40.17", 80, "nginx 1.x", "nginx/1.24.0"),
               ("151.101.66.9", 443, None, None),
               ("185.62.77.140", 8080, "Apache 2.x", "Apache/2.4.58 (Debian)"),
               ("10.12.1.80", 80, "nginx 1.x", "nginx/1.18.0 (Ubuntu)"),
               ("104.18.33.201", 443, None, None),
               ("10.12.1.25", 25, None, None),
               ("198.18.40.2", 80, "???", "lighttpd/1.4.73"),
               ("10.12.1.22", 22, None, None),
               ("172.217.23.110", 443, None, None)]
P0F_REASONS = ["tstamp jump", "os sig", "dist change", "link"]


def p0f_header(t, meta, hdr):
    h, m, s, _ = clock(t)
    return "[2026/03/14 %02d:%02d:%02d] " % (h, m, s)


P0F_HEADER_RE = r"\[(?P<ts>\d{4}/\d\d/\d\d \d\d:\d\d:\d\d)\] "


def build_p0f(rng, P):
    R = []
    hosts = {}

    def host(ip, internal, table):
        if ip not in hosts:
            os_name, sig, ittl = P.cyc(("p0f.os", table is P0F_SRV_OS), table)
            d = 0 if internal else rng.randint(3, 22)
            mss = P.cyc("p0f.mss", P0F_MSS)
            hosts[ip] = dict(os=os_name, d=d, mss=mss,
                             sig="4:" + sig.format(ttl=ittl - d, d=d, mss=mss),
                             params=P.cyc("p0f.params", P0F_SYN_PARAMS),
                             up=uptime(),
                             lang=P.cyc("p0f.lang", P0F_LANG),
                             hparams=P.cyc("p0f.hparams", ["none", "none", "dishonest", "none", "anonymous"]))
        return hosts[ip]

    def uptime():
        modulo = P.cyc("p0f.mod", [49, 497, 198, 24, 49])
        return (rng.randint(0, modulo - 1), rng.randint(0, 23), rng.randint(0, 59), modulo,
                P.cyc("p0f.freq", ["1000.00", "250.00", "100.00", "1000.12", "250.03"]))

    servers = []
    for ip, port, app, banner in P0F_SERVERS:
        servers.append((ip, port, app, banner, host(ip, ip.startswith("10."), P0F_SRV_OS)))
    clients = []
    t = at(10, 4, 51) + rng.randrange(SEC)
    for _ in range(260):
        t += S(rng.expovariate(1 / 11.0))
        srv_ip, port, app, banner, sh = P.cyc("p0f.srv", servers)
        if clients and rng.random() < 0.45:
            cip = rng.choice(clients[-12:])
        elif srv_ip.startswith("10."):
            cip = "%d.%d.%d.%d" % (rng.choice([62, 81, 91, 178, 213, 188]), rng.randint(1, 254),
                                   rng.randint(0, 255), rng.randint(1, 254))
        else:
            cip = "10.12.%d.%d" % (rng.choice([20, 21, 40, 41]), rng.randint(2, 250))
        ch = host(cip, cip.startswith("10."), P0F_CLI_OS)
        clients.append(cip)
        cli = "%s/%d" % (cip, rng.randint(32768, 60999))
        srv = "%s/%d" % (srv_ip, port)
        rtt = M(rng.uniform(0.4, 140))
        R.append((t, "syn", {}, (cli, srv, ch["os"], ch["d"], ch["params"], ch["sig"])))
        if rng.random() < 0.45:
            link, mtu = P0F_MTU[ch["mss"]]
            R.append((t + M(rng.uniform(0.05, 2)), "mtu_cli", {}, (cli, srv, link, mtu)))
        if rng.random() < 0.9:
            R.append((t + rtt, "synack", {}, (cli, srv, sh["os"], sh["d"], sh["params"], sh["sig"])))
            if rng.random() < 0.12:
                link, mtu = P0F_MTU[sh["mss"]]
                R.append((t + rtt + M(rng.uniform(0.05, 2)), "mtu_srv", {}, (cli, srv, link, mtu)))
            if rng.random() < 0.14:
                R.append((t + rtt + S(rng.uniform(1, 40)), "up_srv", {}, (cli, srv) + sh["up"]))
        if rng.random() < 0.3:
            R.append((t + S(rng.uniform(1, 60)), "up_cli", {}, (cli, srv) + ch["up"]))
        if banner and rng.random() < 0.9:
            lang, al = ch["lang"]
            appname, ua = P0F_UA[ch["os"]]
            hdrs = "Host,User-Agent,Accept=[*/*]" if "/" in ua.split(" ")[0] and "Mozilla" not in ua \
                else "Host,User-Agent,Accept=[text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8]"
            if al:
                hdrs += ",Accept-Language=[%s]" % al
            hdrs += ",Accept-Encoding=[gzip, deflate],?Referer,Connection=[keep-alive]"
            treq = t + rtt + M(rng.uniform(0.5, 30))
            R.append((treq, "http_req", {}, (cli, srv, appname, lang, ch["hparams"],
                                             "1:%s:Keep-Alive,Accept-Charset:%s" % (hdrs, ua))))
            if rng.random() < 0.85:
                raw = "1:Date,Server,?Last-Modified,?ETag,Accept-Ranges=[bytes],?Content-Length," \
                      "Content-Type,Connection=[keep-alive]:Keep-Alive:%s" % banner
                R.append((treq + rtt + M(rng.uniform(1, 250)), "http_resp", {},
                          (cli, srv, app, P.cyc("p0f.rparams", ["none", "none", "dishonest"]), raw)))
        for key, p in (("hc_cli", 0.06), ("ips_cli", 0.06), ("hc_srv", 0.07), ("ips_srv", 0.07)):
            if rng.random() < p:
                hits = ",".join(str(rng.randint(0, 1)) for _ in range(4))
                R.append((t + rtt + M(rng.uniform(1, 400)), key, {},
                          (cli, srv, P.cyc(("p0f.reason", key), P0F_REASONS), hits)))
    return R


system("P0f", 3, "simulation", P0F_EVENTS, p0f_header, P0F_HEADER_RE, build_p0f)


# ---------------------------------------------------------------------------
# 4. Softflowd  (seeded shuffle: softflowd probes + nfcapd collector via syslog)
# ---------------------------------------------------------------------------
SOFTFLOWD_EVENTS = [
    ("sf_start", "softflowd", "softflowd v1.1.0 starting data collection"),
    ("sf_export", "softflowd", "Exporting flows to [<*>]:<*>"),
    ("sf_sendfail", "softflowd", "send failed: <*>"),
    ("sf_exit", "softflowd", "Exiting on signal <*>"),
    ("nf_startup", "nfcapd", "Startup."),
    ("nf_init", "nfcapd", "Init IPFIX: Max number of IPFIX tags: 62"),
    ("nf_v9_exp", "nfcapd", "Process_v9: New exporter: SysID: <*>, Domain: <*>, IP: <*>"),
    ("nf_v9_add", "nfcapd", "Process_v9: [<*>] Add template <*>"),
    ("nf_v9_refresh", "nfcapd", "Process_v9: [<*>] Refresh template <*>"),
    ("nf_v5_exp", "nfcapd", "Process_v5: New exporter: SysID: <*>, engine id <*>, type <*>, IP: <*>, "
                            "Sampling Mode: <*>, Sampling Interval: <*>"),
    ("nf_ident", "nfcapd", "Ident: '<*>' Flows: <*>, Packets: <*>, Bytes: <*>, Sequence Errors: <*>, "
                           "Bad Packets: <*>"),
    ("nf_ignored", "nfcapd", "Total ignored packets: <*>"),
    ("nf_term", "nfcapd", "Terminating nfcapd."),
    ("nf_ipfix_add", "nfcapd", "Process_ipfix: [<*>] Add template <*>"),
]
SOFTFLOWD_COUNTS = {"sf_start": 4, "sf_export": 5, "sf_sendfail": 8, "sf_exit": 3, "nf_startup": 3,
                    "nf_init": 4, "nf_v9_exp": 12, "nf_v9_add": 30, "nf_v9_refresh": 20, "nf_v5_exp": 6,
                    "nf_ident": 130, "nf_ignored": 45, "nf_term": 3, "nf_ipfix_add": 27}
SF_PROBES = [("flowprobe1", 811, "10.40.0.15", 2055), ("flowprobe2", 1290, "10.40.0.15", 9995),
             ("dmz-tap", 27044, "10.40.0.16", 2055)]
NF_PROCS = [("nfsen01", 2210, "core-r1", "10.255.1.1"), ("nfsen01", 2214, "edge-r2", "10.255.1.2"),
            ("nfsen01", 2219, "fw-dmz", "172.31.9.254"), ("nfsen02", 1733, "probes", "10.40.0.21")]


def softflowd_header(t, meta, hdr):
    h, m, s, _ = clock(t)
    return "%s %2d %02d:%02d:%02d %s %s[%d]: " % (MONTHS[2], 14, h, m, s, hdr["host"], meta, hdr["pid"])


SOFTFLOWD_HEADER_RE = r"(?P<ts>[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d) [\w.-]+ (?:softflowd|nfcapd)\[\d+\]: "


def build_softflowd(rng, P):
    meta = {k: m for k, m, _ in SOFTFLOWD_EVENTS}

    def make(key, t):
        if meta[key] == "softflowd":
            host, pid, coll, port = P.cyc(("sf.probe", key), SF_PROBES)
            hdr = {"host": host, "pid": pid}
            if key == "sf_export":
                return hdr, (coll, port)
            if key == "sf_sendfail":
                return hdr, (P.cyc("sf.err", ["Connection refused", "Network is unreachable",
                                              "No buffer space available", "Connection refused"]),)
            if key == "sf_exit":
                return hdr, (P.cyc("sf.sig", [15, 2]),)
            return hdr, ()
        host, pid, ident, exp_ip = P.cyc(("nf.proc", key), NF_PROCS)
        hdr = {"host": host, "pid": pid}
        if key == "nf_v9_exp":
            return hdr, (P.cyc("nf.sysid", [1, 2, 3, 1, 4]), P.cyc("nf.dom", [0, 0, 256, 1]), exp_ip)
        if key in ("nf_v9_add", "nf_v9_refresh", "nf_ipfix_add"):
            return hdr, (P.cyc(("nf.src", key), [0, 0, 1, 0, 256]), rng.choice([256, 257, 258, 259, 260, 261, 262, 263, 266, 300, 1024]))
        if key == "nf_v5_exp":
            return hdr, (P.cyc("nf.v5sys", [1, 2, 5]), P.cyc("nf.eng", [0, 1, 0]), P.cyc("nf.etype", [0, 0, 1]),
                         exp_ip, P.cyc("nf.smode", [0, 1, 0]), P.cyc("nf.sint", [1, 100, 1, 1000]))
        if key == "nf_ident":
            flows = int(rng.lognormvariate(9.5, 1.2))
            pkts = flows * rng.randint(3, 40) + rng.randint(0, 999)
            byts = pkts * rng.randint(60, 1400)
            seqerr = rng.choice([0, 0, 0, 0, 0, 0, 1, 3, 0, 12])
            bad = rng.choice([0] * 9 + [1, 2])
            return hdr, (ident, flows, pkts, byts, seqerr, bad)
        if key == "nf_ignored":
            return hdr, (rng.choice([0, 0, 0, 0, 0, rng.randint(1, 40), rng.randint(100, 5000)]),)
        return hdr, ()

    counts = [(k, SOFTFLOWD_COUNTS[k]) for k, _, _ in SOFTFLOWD_EVENTS]
    return shuffle_records(rng, counts, at(6, 0, 5), 60.0, make)


system("Softflowd", 4, "shuffle", SOFTFLOWD_EVENTS, softflowd_header, SOFTFLOWD_HEADER_RE, build_softflowd)


# ---------------------------------------------------------------------------
# 5. Pmacct  (seeded shuffle: pmacctd / nfacctd core + plugins)
# ---------------------------------------------------------------------------
PMACCT_EVENTS = [
    ("dbg_pkt", ("DEBUG", "core"), "Received NetFlow/IPFIX packet from [<*>:<*>] version [<*>] seqno [<*>]"),
    ("purge_start", ("INFO", "plugin"), "*** Purging cache - START (PID: <*>) ***"),
    ("purge_end", ("INFO", "plugin"), "*** Purging cache - END (PID: <*>, QN: <*>/<*>, ET: <*>) ***"),
    ("expect", ("WARN", "core"), "expecting flow '<*>' but received '<*>' collector=<*> agent=<*>"),
    ("bgp_open", ("INFO", "bgp"), "[<*>] BGP_OPEN: Local AS: 65100 Remote AS: <*> HoldTime: <*>"),
    ("bgp_usage", ("INFO", "bgp"), "[<*>] BGP peers usage: <*>/<*>"),
    ("map_ok", ("INFO", "core"), "[<*>] map successfully (re)loaded."),
    ("shm", ("INFO", "plugin"), "<*> bytes are available to address shared memory segment; buffering <*> lines"),
    ("pipe", ("INFO", "core"), "nfacctd_pipe_size: obtained=<*> target=<*>."),
    ("readconf", ("INFO", "core"), "Reading configuration file '<*>'."),
    ("waiting", ("INFO", "core"), "waiting for NetFlow/IPFIX data on <*>"),
    ("mysql_err", ("ERROR", "mysql"), "Unable to connect to MySQL server on '<*>': <*>"),
    ("exiting", ("INFO", "core"), "OK, Exiting ..."),
    ("linktype", ("INFO", "core"), "[<*>,0] link type is: <*>"),
]
PMACCT_COUNTS = {"dbg_pkt": 80, "purge_start": 48, "purge_end": 47, "expect": 30, "bgp_open": 9,
                 "bgp_usage": 22, "map_ok": 16, "shm": 6, "pipe": 5, "readconf": 4, "waiting": 4,
                 "mysql_err": 14, "exiting": 3, "linktype": 12}
PM_PLUGINS = [("print_out", "print"), ("mysql_1", "mysql"), ("kafka_flows", "kafka"), ("mem", "memory")]
PM_AGENTS = ["10.255.1.1", "10.255.1.2", "192.0.2.61", "10.255.3.17"]


def pmacct_header(t, meta, hdr):
    h, m, s, _ = clock(t)
    return "2026-03-14T%02d:%02d:%02dZ %s ( %s ): " % (h, m, s, meta[0], hdr["plugin"])


PMACCT_HEADER_RE = (r"(?P<ts>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) (?:DEBUG|INFO|WARN|ERROR) "
                    r"\( [\w.-]+(?:/[\w.-]+)+ \): ")


def build_pmacct(rng, P):
    meta = {k: m for k, m, _ in PMACCT_EVENTS}
    seqno = {a: rng.randint(10 ** 5, 10 ** 7) for a in PM_AGENTS}

    def make(key, t):
        kind = meta[key][1]
        if kind == "core":
            plugin = "default/core"
        elif kind == "bgp":
            plugin = "default/core/BGP"
        elif kind == "mysql":
            plugin = "mysql_1/mysql"
        else:
            plugin = "%s/%s" % P.cyc(("pm.plugin", key), PM_PLUGINS[:3] if key != "shm" else PM_PLUGINS)
        hdr = {"plugin": plugin}
        if key == "dbg_pkt":
            a = P.cyc("pm.agent", PM_AGENTS)
            seqno[a] += rng.randint(1, 400)
            ver = 10 if a != "192.0.2.61" else 9
            return hdr, (a, rng.randint(1024, 65000), ver, seqno[a])
        if key in ("purge_start", "purge_end"):
            pid = rng.randint(21000, 48000)
            if key == "purge_start":
                return hdr, (pid,)
            qn = int(rng.lognormvariate(6, 1.5))
            return hdr, (pid, qn, qn if rng.random() < 0.9 else qn + rng.randint(1, 50), rng.choice([0, 0, 0, 1, 2, 5]))
        if key == "expect":
            a = P.cyc("pm.expagent", PM_AGENTS)
            exp = rng.randint(10 ** 5, 10 ** 7)
            return hdr, (exp, exp + rng.randint(1, 900), P.cyc("pm.coll", ["0.0.0.0:2100", "[::]:2100"]), a + ":0")
        if key == "bgp_open":
            peer = P.cyc("pm.bgppeer", PM_AGENTS)
            return hdr, (peer, P.cyc("pm.ras", [65100, 64512, 65001, 65100]), P.cyc("pm.hold", [180, 90, 240]))
        if key == "bgp_usage":
            peer = P.cyc("pm.bgpuse", PM_AGENTS)
            return hdr, (peer, rng.randint(1, 4), P.cyc("pm.maxpeers", [100, 10]))
        if key == "map_ok":
            return hdr, (P.cyc("pm.map", ["/etc/pmacct/networks.lst", "/etc/pmacct/pretag.map",
                                          "/etc/pmacct/sampling.map", "/etc/pmacct/bgp_agent.map"]),)
        if key == "shm":
            b = P.cyc("pm.shm", [4194304, 33554432, 8388608])
            return hdr, (b, b // 64)
        if key == "pipe":
            return hdr, (P.cyc("pm.obt", [425984, 212992, 4194304]), P.cyc("pm.tgt", [4194304, 8388608]))
        if key == "readconf":
            return hdr, (P.cyc("pm.conf", ["/etc/pmacct/nfacctd.conf", "/etc/pmacct/pmacctd.conf"]),)
        if key == "waiting":
            return hdr, (P.cyc("pm.listen", ["[::]:2100", "0.0.0.0:9995"]),)
        if key == "mysql_err":
            return hdr, (P.cyc("pm.dbhost", ["127.0.0.1", "db-flows.int.example"]),
                         P.cyc("pm.dberr", ["Can't connect to MySQL server (111)",
                                            "Access denied for user 'pmacct'@'10.40.0.21' (using password: YES)",
                                            "Too many connections",
                                            "Lost connection to MySQL server at 'reading initial communication packet'"]))
        if key == "linktype":
            return hdr, (P.cyc("pm.if", ["eth0", "ens192", "bond0"]), P.cyc("pm.lt", [1, 113, 1]))
        return hdr, ()

    counts = [(k, PMACCT_COUNTS[k]) for k, _, _ in PMACCT_EVENTS]
    return shuffle_records(rng, counts, at(8, 30, 2), 45.0, make)


system("Pmacct", 5, "shuffle", PMACCT_EVENTS, pmacct_header, PMACCT_HEADER_RE, build_pmacct)


# ---------------------------------------------------------------------------
# 6. Fastnetmon  (simulation: attacks with ban/unban lifecycle, exporters re-sending templates)
# ---------------------------------------------------------------------------
FASTNETMON_EVENTS = [
    ("hostgroup", "INFO", "We have found host group for this host as: <*>"),
    ("exec_ban", "INFO", "We run execute_ip_ban code with following params in_pps: <*> out_pps: <*> "
                         "in_bps: <*> out_bps: <*> and we decide it's <*> attack"),
    ("attack", "INFO", "Attack with direction: <*> IP: <*> Power: <*>"),
    ("ban_call", "INFO", "Call script for ban client: <*>"),
    ("ban_done", "INFO", "Script for ban client is finished: <*>"),
    ("exa_ban", "INFO", "Call ExaBGP for ban client started: <*>"),
    ("still", "INFO", "Attack to IP <*> still going! We should not unblock this host"),
    ("unban", "INFO", "We will unban banned IP: <*> because it ban time <*> seconds is ended"),
    ("unban_call", "INFO", "Call script for unban client: <*>"),
    ("unban_done", "INFO", "Script for unban client is finished: <*>"),
    ("exa_unban", "INFO", "Call ExaBGP for unban client started: <*>"),
    ("whitelist", "INFO", "We will not ban IP: <*> because it belongs to whitelist network <*>"),
    ("no_tmpl", "ERROR", "We don't have a Netflow 9 template for flowset_id: <*> from host: <*> but it's "
                         "not an error if this message disappears in 5-10 seconds. You need some time to "
                         "collect all templates"),
    ("tmpl", "INFO", "We received new Netflow 9 template with id <*> from host: <*>"),
]
FNM_GROUPS = [("global", 1900, "91.207.14.", 10, 250), ("hosting_ams", 600, "45.133.180.", 2, 120),
              ("customers_vps", 300, "185.231.44.", 3, 240)]
FNM_WHITELIST = [("91.207.14.", "91.207.14.0/28"), ("45.133.181.", "45.133.181.0/24")]


def fastnetmon_header(t, meta, hdr):
    h, m, s, ms = clock(t)
    return "2026-03-14 %02d:%02d:%02d,%03d [%s] " % (h, m, s, ms, meta)


FASTNETMON_HEADER_RE = r"(?P<ts>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) \[(?:INFO|WARN|ERROR|DEBUG)\] "


def build_fastnetmon(rng, P):
    R = []
    T0 = at(9, 3, 47) + rng.randrange(SEC)
    exporters = ["10.255.0.1", "10.255.0.2", "10.255.0.9"]
    # template gaps after collector start / router reloads
    te = T0
    for ep in range(8):
        te += S(2) if ep == 0 else S(rng.expovariate(1 / 1500.0)) + S(300)
        exps = exporters if ep == 0 else [P.cyc("fnm.exp", exporters[::-1])]
        for exp in exps:
            fsets = P.cyc("fnm.fsets", [[256, 257], [256, 257, 258], [260], [256, 258, 1024]])
            dur = rng.uniform(4, 11)
            tt = te + M(rng.randint(10, 900))
            got = {}
            for f in fsets:
                got[f] = tt + S(rng.uniform(1, dur))
            k = 0
            while True:
                pending = [f for f in fsets if got[f] > tt]
                if not pending:
                    break
                for f in pending:
                    R.append((tt + M(k), "no_tmpl", {}, (f, exp)))
                    k += 1
                tt += S(rng.uniform(0.6, 1.4))
            for f in fsets:
                R.append((got[f], "tmpl", {}, (f, exp)))
    # attacks
    ta = T0 + S(20)
    for _ in range(60):
        ta += S(rng.expovariate(1 / 260.0))
        group, ban_time, net, lo, hi = P.cyc("fnm.group", FNM_GROUPS)
        ip = net + str(rng.randint(lo, hi))
        direction = P.cyc("fnm.dir", ["incoming", "incoming", "outgoing", "incoming"])
        pps = int(rng.lognormvariate(12, 1.0))
        bps = pps * rng.randint(64, 1400) * 8
        back_pps = rng.randint(0, pps // 20 + 1)
        back_bps = back_pps * rng.randint(64, 900) * 8
        if direction == "incoming":
            ip_pps, op_pps, ip_bps, op_bps = pps, back_pps, bps, back_bps
        else:
            ip_pps, op_pps, ip_bps, op_bps = back_pps, pps, back_bps, bps
        t = ta
        R.append((t, "hostgroup", {}, (group,)))
        t += M(rng.uniform(0.1, 3))
        R.append((t, "exec_ban", {}, (ip_pps, op_pps, ip_bps, op_bps, direction)))
        t += M(rng.uniform(0.1, 3))
        R.append((t, "attack", {}, (direction, ip, pps)))
        t += M(rng.uniform(1, 40))
        R.append((t, "ban_call", {}, (ip,)))
        R.append((t + S(rng.uniform(0.05, 2.5)), "ban_done", {}, (ip,)))
        exa = rng.random() < 0.3
        if exa:
            R.append((t + M(rng.uniform(2, 60)), "exa_ban", {}, (ip,)))
        tu = ta + S(ban_time)
        while rng.random() < 0.2:
            R.append((tu, "still", {}, (ip,)))
            tu += S(ban_time)
        R.append((tu, "unban", {}, (ip, ban_time)))
        tu += M(rng.uniform(1, 30))
        R.append((tu, "unban_call", {}, (ip,)))
        R.append((tu + S(rng.uniform(0.05, 2.5)), "unban_done", {}, (ip,)))
        if exa:
            R.append((tu + M(rng.uniform(2, 60)), "exa_unban", {}, (ip,)))
    # whitelisted hosts crossing thresholds
    tw = T0 + S(100)
    for _ in range(10):
        tw += S(rng.expovariate(1 / 420.0))
        prefix, net = P.cyc("fnm.wl", FNM_WHITELIST)
        R.append((tw, "whitelist", {}, (prefix + str(rng.randint(1, 14)), net)))
    return R


system("Fastnetmon", 6, "simulation", FASTNETMON_EVENTS, fastnetmon_header, FASTNETMON_HEADER_RE,
       build_fastnetmon)


# ---------------------------------------------------------------------------
# writing
# ---------------------------------------------------------------------------
def generate(sd):
    rng = random.Random(BASE_SEED * 10 + sd["k"])
    P = Pools()
    recs = sd["build"](rng, P)
    order = {key: i for i, (key, _, _) in enumerate(sd["events"])}
    recs = [(t, n, key, hdr, vals) for n, (t, key, hdr, vals) in enumerate(recs)]
    recs.sort(key=lambda r: (r[0], r[1]))
    if len(recs) < N_LINES:
        raise SystemExit("%s: only %d records" % (sd["name"], len(recs)))
    recs = recs[:N_LINES]
    d = os.path.join(OUT, sd["name"])
    os.makedirs(d, exist_ok=True)
    lines, rows = [], []
    for i, (t, _, key, hdr, vals) in enumerate(recs, 1):
        idx = order[key]
        _, meta, tmpl = sd["events"][idx]
        content = fill(tmpl, vals)
        lines.append(sd["header_fn"](t, meta, hdr) + content)
        rows.append([i, content, "E%d" % (idx + 1), tmpl])
    with open(os.path.join(d, sd["name"] + ".log"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(d, sd["name"] + ".log_structured.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["LineId", "Content", "EventId", "EventTemplate"])
        w.writerows(rows)


# ---------------------------------------------------------------------------
# self-check
# ---------------------------------------------------------------------------
def ts_key(ts):
    for i, m in enumerate(MONTHS):
        ts = ts.replace(m, "%02d" % (i + 1))
    return tuple(int(x) for x in re.findall(r"\d+", ts))


def template_regex(tmpl):
    return re.compile("(.+?)".join(re.escape(p) for p in tmpl.split("<*>")), re.S)


def check(sd):
    name = sd["name"]
    d = os.path.join(OUT, name)
    errors = []

    def req(cond, msg):
        if not cond:
            errors.append(msg)
        return cond

    raw = open(os.path.join(d, name + ".log"), "rb").read()
    craw = open(os.path.join(d, name + ".log_structured.csv"), "rb").read()
    for label, b in (("log", raw), ("csv", craw)):
        req(b.endswith(b"\n"), "%s does not end with newline" % label)
        req(b"\r" not in b, "%s contains CR" % label)
    lines = raw.decode("utf-8").split("\n")[:-1]
    req(len(lines) == N_LINES, "log has %d lines" % len(lines))
    with open(os.path.join(d, name + ".log_structured.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    req(rows and rows[0] == ["LineId", "Content", "EventId", "EventTemplate"], "bad csv header")
    rows = rows[1:]
    req(len(rows) == N_LINES, "csv has %d rows" % len(rows))
    hre = re.compile(sd["header_re"])
    prev = None
    tmpl_of = {}
    counts = collections.Counter()
    caps = collections.defaultdict(set)
    rx_cache = {}
    for i, (line, row) in enumerate(zip(lines, rows), 1):
        if not req(len(row) == 4, "row %d has %d columns" % (i, len(row))):
            continue
        lid, content, eid, tmpl = row
        req(lid == str(i), "LineId %s at row %d" % (lid, i))
        req(content != "" and content == content.strip(), "content not stripped at %d" % i)
        req("\n" not in line, "embedded newline at %d" % i)
        if not req(line.endswith(content), "line %d does not end with content" % i):
            continue
        header = line[:len(line) - len(content)]
        m = hre.fullmatch(header)
        if req(m is not None, "header mismatch at %d: %r" % (i, header)):
            k = ts_key(m.group("ts"))
            req(prev is None or k >= prev, "timestamp goes back at %d" % i)
            prev = k
        req(re.fullmatch(r"E\d+", eid) is not None, "bad EventId %r" % eid)
        if eid in tmpl_of:
            req(tmpl_of[eid] == tmpl, "EventId %s has two templates" % eid)
        else:
            tmpl_of[eid] = tmpl
        rx = rx_cache.get(tmpl) or rx_cache.setdefault(tmpl, template_regex(tmpl))
        mm = rx.fullmatch(content)
        if req(mm is not None, "template does not match content at %d" % i):
            for j, g in enumerate(mm.groups()):
                caps[(eid, j)].add(g)
        counts[eid] += 1
    declared = {"E%d" % (i + 1): t for i, (_, _, t) in enumerate(sd["events"])}
    req(len(set(declared.values())) == len(declared), "declared templates not distinct")
    req(len(set(tmpl_of.values())) == len(tmpl_of), "templates not distinct")
    req(set(tmpl_of) == set(declared), "unused events: %s" % sorted(set(declared) - set(tmpl_of)))
    for e, t in tmpl_of.items():
        req(declared.get(e) == t, "template of %s differs from declaration" % e)
        for j in range(t.count("<*>")):
            req(len(caps[(e, j)]) >= 2, "%s slot %d has <2 distinct values: %r" % (e, j, caps[(e, j)]))
    c = [counts["E%d" % (i + 1)] for i in range(len(sd["events"]))]
    med = statistics.median(c)
    req(12 <= len(c) <= 15, "%d event types" % len(c))
    req(min(c) >= 3, "an event has fewer than 3 lines: %s" % c)
    req(sum(1 for x in c if 3 <= x <= 10) >= 3, "fewer than 3 events with 3-10 lines: %s" % c)
    req(max(c) >= 3 * med, "largest %d < 3 x median %s" % (max(c), med))
    span = (lines[0][:40], lines[-1][:40])
    return errors, c, med


def main():
    for sd in SYSTEMS:
        generate(sd)
    ok = True
    for sd in SYSTEMS:
        errors, c, med = check(sd)
        status = "OK" if not errors else "FAIL"
        print("%-11s %-10s events=%2d lines=%d max=%d median=%s min=%d small(3-10)=%d  %s"
              % (sd["name"], sd["kind"], len(c), sum(c), max(c), med, min(c),
                 sum(1 for x in c if 3 <= x <= 10), status))
        print("            counts: " + " ".join("E%d=%d" % (i + 1, x) for i, x in enumerate(c)))
        for e in errors[:20]:
            print("    - " + e)
        ok = ok and not errors
    if not ok:
        sys.exit(1)
    print("all self-checks passed")


if __name__ == "__main__":
    main()
